/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-start.c: what a chair feels first, timed from outside the process: start, first frame
 * saved as PNG (`quorum --screenshot`), quit; and the peak memory of that whole run. The
 * baseline is an empty AdwApplicationWindow doing the same (bench-empty-window.c), run
 * alternately with the app so a noisy moment falls on both. */

#include <errno.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

#include "bench.h"
#include "store/quorum-store-report.h"
#include "ui/quorum-demo.h"

extern char **environ;

typedef struct
{
  double us;
  double cpu_us;        /* user + system time of the whole process: far steadier than the wall time */
  double max_rss_kib;
} Run;

/* Runs @argv to its end; the wall time from spawn to exit and the child's peak resident set. */
static gboolean
run_process (char  **argv,
             char  **envp,
             Run    *run)
{
  struct rusage usage;
  pid_t pid;
  int status = 0;
  int rc;
  gint64 t0 = g_get_monotonic_time ();

  rc = posix_spawn (&pid, argv[0], NULL, NULL, argv, envp);
  if (rc != 0)
    {
      fprintf (stderr, "start: cannot run %s: %s\n", argv[0], g_strerror (rc));
      return FALSE;
    }
  while (wait4 (pid, &status, 0, &usage) < 0)
    if (errno != EINTR)
      return FALSE;
  run->us = (double)(g_get_monotonic_time () - t0);
  run->max_rss_kib = (double) usage.ru_maxrss;
  run->cpu_us = (double) usage.ru_utime.tv_sec * G_USEC_PER_SEC + usage.ru_utime.tv_usec +
                (double) usage.ru_stime.tv_sec * G_USEC_PER_SEC + usage.ru_stime.tv_usec;
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      fprintf (stderr, "start: %s exited with %d\n", argv[0], WIFEXITED (status) ? WEXITSTATUS (status) : -1);
      return FALSE;
    }
  return TRUE;
}

/* The first frame really was saved: a PNG of the window's size. */
static gboolean
check_png (const char *path)
{
  static const guchar magic[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  g_autofree char *data = NULL;
  gsize len = 0;
  guint32 width, height;

  if (!g_file_get_contents (path, &data, &len, NULL) || len < 24 || memcmp (data, magic, 8) != 0)
    {
      fprintf (stderr, "start: %s is not a PNG\n", path);
      return FALSE;
    }
  width = GUINT32_FROM_BE (*(guint32 *)(data + 16));
  height = GUINT32_FROM_BE (*(guint32 *)(data + 20));
  if (width < 200 || height < 200)
    {
      fprintf (stderr, "start: %s is %ux%u, not a window\n", path, width, height);
      return FALSE;
    }
  g_unlink (path);
  return TRUE;
}

/* The children's environment. GSK_RENDERER and GDK_DEBUG are the person's, or none: the app
 * chooses its renderer itself (quorum_ui_choose_renderer: cairo where there is no GPU, and no
 * GL context), and the empty window takes GTK's own choice, as any application would. */
static char **
child_environment (gboolean    renderer_given,
                   const char *gdk_debug)
{
  char **envp = g_get_environ ();

  if (gdk_debug != NULL)
    envp = g_environ_setenv (envp, "GDK_DEBUG", gdk_debug, TRUE);
  else
    envp = g_environ_unsetenv (envp, "GDK_DEBUG");

  /* Nobody's settings, no restored conference; and the first frame, not a settled one. */
  envp = g_environ_setenv (envp, "GSETTINGS_BACKEND", "memory", TRUE);
  envp = g_environ_setenv (envp, "QUORUM_SCREENSHOT_SETTLE_MS", "0", TRUE);
  envp = g_environ_unsetenv (envp, "QUORUM_DB");
  if (!renderer_given)
    envp = g_environ_unsetenv (envp, "GSK_RENDERER");
  return envp;
}

/* One program's runs: wall time, peak memory, CPU. */
typedef struct
{
  GArray *us;
  GArray *kib;
  GArray *cpu;
} Series;

static void
series_init (Series *series)
{
  series->us = g_array_new (FALSE, FALSE, sizeof (double));
  series->kib = g_array_new (FALSE, FALSE, sizeof (double));
  series->cpu = g_array_new (FALSE, FALSE, sizeof (double));
}

static void
series_add (Series    *series,
            const Run *run)
{
  g_array_append_val (series->us, run->us);
  g_array_append_val (series->kib, run->max_rss_kib);
  g_array_append_val (series->cpu, run->cpu_us);
}

static void
series_reset (Series *series)
{
  g_array_set_size (series->us, 0);
  g_array_set_size (series->kib, 0);
  g_array_set_size (series->cpu, 0);
}

static void
series_clear (Series *series)
{
  g_clear_pointer (&series->us, g_array_unref);
  g_clear_pointer (&series->kib, g_array_unref);
  g_clear_pointer (&series->cpu, g_array_unref);
}

typedef struct
{
  const char *what;
  char       *db;
  gint64      open_id;
  Series      app;
  Series      base;
  Series      base_cairo;   /* the empty window drawn with cairo too, when Quorum draws so here */
  Series      base_nogl;    /* … and without the GL context GTK makes for nothing, as Quorum */
} Case;

static gboolean
run_one (char       **argv,
         char       **envp,
         const char  *png,
         Series      *series)
{
  Run run;

  if (!run_process (argv, envp, &run) || !check_png (png))
    return FALSE;
  series_add (series, &run);
  return TRUE;
}

static gboolean
run_case (Case        *c,
          const char  *dir,
          char       **envp,
          char       **envp_cairo,
          char       **envp_nogl)
{
  g_autofree char *png = g_build_filename (dir, "first-frame.png", NULL);
  g_autofree char *open = g_strdup_printf ("%" G_GINT64_FORMAT, c->open_id);
  char *app_argv[] = { QUORUM_BENCH_APP, "--db", c->db, "--screenshot", png, NULL, NULL, NULL };
  char *base_argv[] = { QUORUM_BENCH_EMPTY_WINDOW, "--screenshot", png, NULL };

  if (c->open_id > 0)
    {
      app_argv[5] = "--open";
      app_argv[6] = open;
    }
  return run_one (base_argv, envp, png, &c->base) &&
         (envp_cairo == NULL || run_one (base_argv, envp_cairo, png, &c->base_cairo)) &&
         (envp_nogl == NULL || run_one (base_argv, envp_nogl, png, &c->base_nogl)) &&
         run_one (app_argv, envp, png, &c->app);
}

/* Builds the three databases: empty, the demo, @n generated referrals. */
static gboolean
prepare (const char  *dir,
         guint        n,
         Case        *cases,
         GError     **error)
{
  g_autoptr(QuorumStore) empty = NULL;
  g_autoptr(QuorumStore) demo = NULL;
  gint64 decided = 0;
  gint64 live = 0;
  GDate until;
  double seconds;

  bench_remove_db (cases[0].db);
  empty = quorum_store_open (cases[0].db, error);
  if (empty == NULL)
    return FALSE;

  bench_remove_db (cases[1].db);
  demo = quorum_store_open (cases[1].db, error);
  if (demo == NULL || !quorum_demo_load (demo, &decided, &live, error))
    return FALSE;
  cases[1].open_id = decided;

  g_date_clear (&until, 1);
  g_date_set_dmy (&until, 24, 12, 2026);
  printf ("  generating %u referrals…\n", n);
  if (!bench_generate_db (cases[2].db, n, &until, &seconds, error))
    return FALSE;
  return TRUE;
}

gboolean
bench_start (const char *dir,
             guint       n,
             guint       rounds,
             gboolean    renderer_given,
             const char *gdk_debug)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = child_environment (renderer_given, gdk_debug);
  g_auto(GStrv) envp_cairo = NULL;
  g_auto(GStrv) envp_nogl = NULL;
  g_autofree char *many = g_strdup_printf ("%u referrals", n);
  Case cases[] = {
    { "empty database", g_build_filename (dir, "bench-start-empty.db", NULL), 0, },
    { "demo, opening its decided conference", g_build_filename (dir, "bench-start-demo.db", NULL), 0, },
    { many, g_build_filename (dir, "bench-start-many.db", NULL), 0, },
  };
  gboolean ok = TRUE;

  /* This process chose as the app chooses (quorum-bench's main). Where that is cairo and GTK
   * would draw with GL, the empty window runs a second time drawn with cairo too: Quorum's
   * own cost, apart from the choice of renderer. */
  if (!renderer_given && g_strcmp0 (g_getenv ("GSK_RENDERER"), "cairo") == 0)
    {
      envp_cairo = g_environ_setenv (g_strdupv (envp), "GSK_RENDERER", "cairo", TRUE);
      /* A third time set up as Quorum sets itself up here (quorum_ui_choose_renderer): cairo,
       * and GDK_DEBUG=gl-disable, so that GTK does not make a GL context as it opens the
       * display. Against this one the ratio is Quorum's own cost, the renderer's set-up aside. */
      envp_nogl = g_environ_setenv (g_strdupv (envp_cairo), "GDK_DEBUG", g_getenv ("GDK_DEBUG"), TRUE);
    }
  printf ("start to first frame (whole process: start, first frame saved as PNG, quit; "
          "%u alternating runs each)\n", rounds);
  printf ("  renderer: Quorum's %s; the empty window's %s\n",
          g_getenv ("GSK_RENDERER") != NULL ? g_getenv ("GSK_RENDERER") : "GTK's choice (GL where it can)",
          renderer_given ? g_getenv ("GSK_RENDERER") : "GTK's choice (GL where it can)");
  if (envp_cairo != NULL)
    printf ("  (this machine has no GPU render node: Quorum draws with cairo and makes no GL context, the "
            "empty window draws with Mesa's software GL; it is also run with cairo, and with cairo "
            "and no GL context as Quorum)\n");
  if (!prepare (dir, n, cases, &error))
    {
      fprintf (stderr, "start: %s\n", error->message);
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      series_init (&cases[i].app);
      series_init (&cases[i].base);
      series_init (&cases[i].base_cairo);
      series_init (&cases[i].base_nogl);
    }

  /* One run of each unmeasured, so every measured run finds its files in the page cache (not
   * for a single round: that is the test suite's smoke run, for correctness, not timings). */
  for (guint i = 0; ok && rounds > 1 && i < G_N_ELEMENTS (cases); i++)
    {
      ok = run_case (&cases[i], dir, envp, envp_cairo, envp_nogl);
      /* The first start of the day on a database that holds records is when Quorum checks
       * and copies it (its daily backup): shown, not counted. */
      if (ok)
        printf ("  first run (cold, the day's backup due), %s: %.0f ms, against %.0f ms for the empty window\n",
                cases[i].what, g_array_index (cases[i].app.us, double, 0) / 1000,
                g_array_index (cases[i].base.us, double, 0) / 1000);
      series_reset (&cases[i].app);
      series_reset (&cases[i].base);
      series_reset (&cases[i].base_cairo);
      series_reset (&cases[i].base_nogl);
    }

  for (guint r = 0; ok && r < rounds; r++)
    for (guint i = 0; ok && i < G_N_ELEMENTS (cases); i++)
      ok = run_case (&cases[i], dir, envp, envp_cairo, envp_nogl);

  for (guint i = 0; ok && i < G_N_ELEMENTS (cases); i++)
    {
      Case *c = &cases[i];
      g_autofree char *what = g_strdup_printf ("quorum --screenshot, %s", c->what);
      double app_mib = bench_median (c->app.kib) / 1024;
      double base_mib = bench_median (c->base.kib) / 1024;

      bench_report (what, bench_median (c->app.us), "an empty AdwApplicationWindow, --screenshot",
                    bench_median (c->base.us), c->app.us->len, 1.3);
      printf ("  CPU time (user + system, whole process), median: %.0f ms against %.0f ms, ratio %.2f\n",
              bench_median (c->app.cpu) / 1000, bench_median (c->base.cpu) / 1000,
              bench_median (c->base.cpu) > 0 ? bench_median (c->app.cpu) / bench_median (c->base.cpu) : 0);
      if (envp_cairo != NULL)
        printf ("  against the empty window drawn with cairo too: %.0f ms, ratio %.2f (CPU %.0f ms, ratio %.2f)\n",
                bench_median (c->base_cairo.us) / 1000,
                bench_median (c->base_cairo.us) > 0 ? bench_median (c->app.us) / bench_median (c->base_cairo.us) : 0,
                bench_median (c->base_cairo.cpu) / 1000,
                bench_median (c->base_cairo.cpu) > 0 ? bench_median (c->app.cpu) / bench_median (c->base_cairo.cpu) : 0);
      if (envp_nogl != NULL)
        printf ("  against the empty window drawn with cairo and no GL context, as Quorum: %.0f ms, ratio %.2f "
                "(CPU %.0f ms, ratio %.2f; peak memory %.0f MiB)\n",
                bench_median (c->base_nogl.us) / 1000,
                bench_median (c->base_nogl.us) > 0 ? bench_median (c->app.us) / bench_median (c->base_nogl.us) : 0,
                bench_median (c->base_nogl.cpu) / 1000,
                bench_median (c->base_nogl.cpu) > 0 ? bench_median (c->app.cpu) / bench_median (c->base_nogl.cpu) : 0,
                bench_median (c->base_nogl.kib) / 1024);
      printf ("  peak memory (ru_maxrss): %.0f MiB against %.0f MiB, ratio %.2f\n\n",
              app_mib, base_mib, base_mib > 0 ? app_mib / base_mib : 0);
    }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Case *c = &cases[i];

      series_clear (&c->app);
      series_clear (&c->base);
      series_clear (&c->base_cairo);
      series_clear (&c->base_nogl);
      if (g_getenv ("QUORUM_BENCH_KEEP") == NULL)
        bench_remove_db (c->db);
      g_free (c->db);
    }
  return ok;
}
