/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-bench.c: Quorum's benchmarks. Each measures against a baseline taken in the same run
 * and reports the ratio, since these machines are noisy. A benchmark never fails a test run. */

#include <stdio.h>
#include <stdlib.h>
#include <glib/gstdio.h>

#include "bench.h"
#include "ui/quorum-ui-util.h"

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return x < y ? -1 : x > y;
}

double
bench_median (GArray *samples_us)
{
  g_autoptr(GArray) sorted = g_array_copy (samples_us);

  if (sorted->len == 0)
    return 0;
  g_array_sort (sorted, compare_double);
  return g_array_index (sorted, double, sorted->len / 2);
}

void
bench_report (const char *what,
              double      median_us,
              const char *baseline,
              double      baseline_us,
              guint       n,
              double      target)
{
  double ratio = baseline_us > 0 ? median_us / baseline_us : 0;

  printf ("%s\n", what);
  printf ("  median %10.1f µs   (%u samples)\n", median_us, n);
  printf ("baseline: %s\n", baseline);
  printf ("  median %10.1f µs\n", baseline_us);
  if (target > 0)
    printf ("ratio %.2f (target ≤ %.2f: %s)\n\n", ratio, target, ratio <= target ? "met" : "NOT met");
  else
    printf ("ratio %.2f\n\n", ratio);
}

void
bench_report_pairs (GArray *samples_us,
                    GArray *baseline_us,
                    guint   block,
                    double  target)
{
  g_autoptr(GArray) ratios = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) above = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) blocks = g_array_new (FALSE, FALSE, sizeof (double));
  guint n = MIN (samples_us->len, baseline_us->len);
  guint met = 0;
  double lo = 0, hi = 0;

  for (guint i = 0; i < n; i++)
    {
      double b = g_array_index (baseline_us, double, i);
      double r = b > 0 ? g_array_index (samples_us, double, i) / b : 0;

      double d = g_array_index (samples_us, double, i) - b;

      g_array_append_val (ratios, r);
      g_array_append_val (above, d);
    }
  for (guint start = 0; block > 0 && start + block <= n; start += block)
    {
      g_autoptr(GArray) s = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) b = g_array_new (FALSE, FALSE, sizeof (double));
      double r;

      g_array_append_vals (s, &g_array_index (samples_us, double, start), block);
      g_array_append_vals (b, &g_array_index (baseline_us, double, start), block);
      r = bench_median (b) > 0 ? bench_median (s) / bench_median (b) : 0;
      g_array_append_val (blocks, r);
      lo = blocks->len == 1 ? r : MIN (lo, r);
      hi = blocks->len == 1 ? r : MAX (hi, r);
      met += target > 0 && r <= target;
    }
  printf ("  each pair's own ratio (measurement ÷ its baseline, taken one after the other): median %.2f over %u pairs\n",
          bench_median (ratios), n);
  /* What the measurement adds to its baseline: the figure the code moves, whatever the
   * baseline's own time (a commit's flush on a shared disk) does from one run to the next. */
  printf ("  each pair's difference (measurement − its baseline): median %.0f µs\n", bench_median (above));
  if (blocks->len > 0)
    printf ("  ratio of medians in %u blocks of %u pairs in turn: median %.2f, %.2f–%.2f, ≤ %.2f in %u of %u\n",
            blocks->len, block, bench_median (blocks), lo, hi, target, met, blocks->len);
  printf ("\n");
}

void
bench_remove_db (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_autofree char *backups = g_strconcat (path, ".backups", NULL);
  g_autoptr(GDir) dir = g_dir_open (backups, 0, NULL);
  const char *name;

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  /* The store's own daily copy of it too (337 MB for 100,000 referrals). */
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (backups, name, NULL);

      g_unlink (file);
    }
  g_rmdir (backups);
}

int
main (int    argc,
      char **argv)
{
  const char *dir = g_getenv ("QUORUM_BENCH_DIR");
  g_autofree char *tmp = NULL;
  g_autofree char *own_key = NULL;
  const char *only = argc > 1 ? argv[1] : NULL;
  int status = EXIT_SUCCESS;
  gboolean renderer_given = g_getenv ("GSK_RENDERER") != NULL;
  g_autofree char *gdk_debug = g_strdup (g_getenv ("GDK_DEBUG"));

  /* The chair's bench draws in this process: with the renderer the app would choose here. */
  quorum_ui_choose_renderer ();

  if (only != NULL && g_str_equal (only, "generate"))
    return bench_generate (argc, argv);

  /* Both sides on the same disk: a new folder in the temporary one or in $QUORUM_BENCH_DIR.
   * New every run: the store remembers each database by its path (its audit anchor), and a
   * database made again at a path it saw would be taken for a replaced one. */
  {
    g_autofree char *template = g_build_filename (dir != NULL ? dir : g_get_tmp_dir (), "quorum-bench-XXXXXX", NULL);

    if (dir != NULL)
      g_mkdir_with_parents (dir, 0700);
    dir = tmp = g_mkdtemp (g_steal_pointer (&template));
    if (dir == NULL)
      {
        fprintf (stderr, "quorum-bench: cannot make a folder to work in\n");
        return EXIT_FAILURE;
      }
  }

  /* The audit key from a file of the bench's own, as the tests do: a keyring with no one to
   * answer its prompt (gnome-keyring under Xvfb) holds the store's opening for ever, and the
   * bench times start-up, not the keyring. */
  if (g_getenv ("QUORUM_KEY_FILE") == NULL)
    {
      own_key = g_build_filename (dir, "bench-audit.key", NULL);
      g_setenv ("QUORUM_KEY_FILE", own_key, TRUE);
    }

  printf ("Quorum benchmarks in %s (medians; ratios against a baseline from this run)\n\n", dir);

  if (only == NULL || g_str_equal (only, "vote"))
    bench_vote (dir, 40);
  /* The same vote on PostgreSQL: a throwaway durable cluster, started here and removed at the end. */
  if (only == NULL || g_str_equal (only, "vote") || g_str_equal (only, "postgres"))
    bench_vote_postgres (40);
  if (only == NULL || g_str_equal (only, "referrals"))
    bench_referrals (dir, argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : 100000);
  bench_pg_stop ();
  /* The windows' benches need a display: ./build-aux/dev bench runs them under Xvfb. */
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      printf ("start, chair: no display (./build-aux/dev bench runs them under Xvfb)\n");
      if (own_key != NULL)
        g_unlink (own_key);
      if (tmp != NULL)
        g_rmdir (tmp);
      return only != NULL && (g_str_equal (only, "start") || g_str_equal (only, "chair")) ? 77 : status;
    }
  /* `chair [ROUNDS]` */
  if ((only == NULL || g_str_equal (only, "chair")) &&
      !bench_chair (dir, argc > 2 && only != NULL ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : 7))
    status = EXIT_FAILURE;
  /* `start [N [ROUNDS]]` */
  if ((only == NULL || g_str_equal (only, "start")) &&
      !bench_start (dir, argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : 100000,
                    argc > 3 ? (guint) g_ascii_strtoull (argv[3], NULL, 10) : 7, renderer_given,
                    gdk_debug))
    status = EXIT_FAILURE;

  if (own_key != NULL)
    g_unlink (own_key);
  if (tmp != NULL)
    g_rmdir (tmp);
  return status;
}
