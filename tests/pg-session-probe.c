/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pg-session-probe LOCATION: a session that lasts, as the app's does all day. Opens the store at
 * LOCATION and lists its conferences; then once for every line read on stdin lists them again,
 * printing "ok N" (N conferences) or "error: MESSAGE". test-pg-gss.sh ends the session's server
 * connection and the person's Kerberos ticket in between: the store makes the connection again
 * and says why it cannot. */

#include <stdio.h>
#include <glib.h>

#include "store/quorum-store.h"

static void
list (QuorumStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conferences = quorum_store_list_conferences (store, NULL, NULL, NULL, &error);

  if (conferences != NULL)
    g_print ("ok %u\n", conferences->len);
  else
    {
      /* One line an answer: libpq's messages run over several. */
      g_autofree char *message = g_strdup (error->message);

      g_strdelimit (message, "\n\t", ' ');
      g_print ("error: %s\n", message);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = NULL;
  char line[256];

  setvbuf (stdout, NULL, _IOLBF, 0);
  if (argc != 2)
    {
      g_printerr ("usage: pg-session-probe LOCATION\n");
      return 1;
    }
  store = quorum_store_open_full (argv[1], 0, &error);
  if (store == NULL)
    {
      g_print ("error: %s\n", error->message);
      return 3;
    }
  list (store);
  while (fgets (line, sizeof line, stdin) != NULL)
    list (store);
  return 0;
}
