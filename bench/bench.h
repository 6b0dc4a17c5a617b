/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench.h: what Quorum's benchmarks share: medians, and a report line of a measurement beside
 * its baseline from the same run. */
#pragma once

#include <glib.h>

double bench_median    (GArray     *samples_us);
/* Prints both medians and their ratio, against @target (0: none). */
void   bench_report    (const char *what,
                        double      median_us,
                        const char *baseline,
                        double      baseline_us,
                        guint       n,
                        double      target);
void   bench_remove_db (const char *path);
/* For a measurement taken in interleaved pairs with its baseline (@samples_us[i] beside
 * @baseline_us[i]): the median of the pairs' own ratios and differences, and the ratio of the medians of each
 * block of @block pairs in turn: their median, range and how many are ≤ @target. */
void   bench_report_pairs (GArray *samples_us,
                           GArray *baseline_us,
                           guint   block,
                           double  target);

void   bench_vote      (const char *dir,
                        int         rounds);
/* The same on PostgreSQL, against a bare prepared INSERT on the same server (bench-vote.c). */
void   bench_vote_postgres (int     rounds);

/* bench-postgres.c: the server of the PostgreSQL figures: a throwaway durable cluster
 * (build-aux/pg-cluster) started on first use, or $QUORUM_BENCH_PG; NULL (and said plainly)
 * when there is none. Quorum's schema is made and a chair "bench_chair" granted. */
const char *bench_pg_conninfo    (void);
char       *bench_pg_conninfo_as (const char *user);
void        bench_pg_stop        (void);
/* A new database @name on that server with Quorum's schema (dropped first if it was there):
 * the superuser's conninfo of it, or NULL. */
char       *bench_pg_fresh_database (const char *name);

/* bench-generate.c: a database of @n generated referrals (all audited) at @path. */
gboolean bench_generate_db (const char  *path,
                            guint        n,
                            const GDate *until,
                            double      *seconds,
                            GError     **error);
/* `quorum-bench generate PATH [N] [UNTIL]` */
int      bench_generate    (int          argc,
                            char       **argv);
/* bench-referrals.c: the referrals page's list over @n referrals against bare SQL. */
void     bench_referrals   (const char  *dir,
                            guint        n);
/* bench-start.c: start to first frame and peak memory, from outside, against an empty window;
 * on an empty database, the demo and @n referrals; @rounds alternating runs. @gdk_debug: the
 * person's $GDK_DEBUG before quorum_ui_choose_renderer () (NULL: none), for the children. */
gboolean bench_start       (const char  *dir,
                            guint        n,
                            guint        rounds,
                            gboolean     renderer_given,
                            const char  *gdk_debug);
/* bench-chair.c: open, switch child, a keystroke's vote, PDF export, in a real window. */
gboolean bench_chair       (const char  *dir,
                            guint        rounds);
