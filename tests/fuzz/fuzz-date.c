/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-date.c: libFuzzer harness for quorum_date_parse (every date a person or a file gives). */
#include <quorum/quorum.h>

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GError) error = NULL;
  GDate date;

  if (quorum_date_parse (text, "D", &date, &error))
    g_assert (g_date_valid (&date));
  else
    g_assert (error != NULL);
  return 0;
}
