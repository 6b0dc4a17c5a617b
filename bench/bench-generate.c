/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-generate.c: builds a database holding an authority's ten years of split-vote referrals,
 * for the referrals benchmark and for screenshots: `quorum-bench generate PATH [N] [UNTIL]`. */

#include <stdio.h>
#include <stdlib.h>

#include "bench.h"
#include "store/quorum-store-report.h"

gboolean
bench_generate_db (const char  *path,
                   guint        n,
                   const GDate *until,
                   double      *seconds,
                   GError     **error)
{
  g_autoptr(QuorumStore) store = NULL;
  gint64 t0;
  guint added;

  bench_remove_db (path);
  store = quorum_store_open (path, error);
  if (store == NULL)
    return FALSE;
  quorum_store_set_user (store, "bench");

  t0 = g_get_monotonic_time ();
  added = quorum_store_generate_referrals (store, n, until, 20261224, error);
  if (seconds != NULL)
    *seconds = (g_get_monotonic_time () - t0) / 1e6;
  return added == n;
}

int
bench_generate (int    argc,
                char **argv)
{
  g_autoptr(GError) error = NULL;
  const char *path;
  guint n = 100000;
  double seconds;
  GDate until;

  if (argc < 3)
    {
      fprintf (stderr, "usage: quorum-bench generate PATH [N] [UNTIL YYYY-MM-DD]\n");
      return EXIT_FAILURE;
    }
  path = argv[2];
  if (argc > 3)
    n = (guint) g_ascii_strtoull (argv[3], NULL, 10);
  if (argc > 4)
    {
      if (!quorum_date_parse (argv[4], "UNTIL", &until, &error))
        {
          fprintf (stderr, "%s\n", error->message);
          return EXIT_FAILURE;
        }
    }
  else
    quorum_date_today (&until);

  if (!bench_generate_db (path, n, &until, &seconds, &error))
    {
      fprintf (stderr, "generate: %s\n", error ? error->message : "failed");
      return EXIT_FAILURE;
    }
  printf ("%u referrals written to %s in %.1f s\n", n, path, seconds);
  return EXIT_SUCCESS;
}
