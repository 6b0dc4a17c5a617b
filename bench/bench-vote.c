/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-vote.c: the cost of recording a vote through the store (validation, audit entry,
 * durable commit) against a bare prepared SQLite insert with the same PRAGMAs on the same disk. */

#include <glib/gstdio.h>

#include "bench.h"
#include "store/quorum-store.h"
#include "store/quorum-store-private.h"
#include <sqlite3.h>

#define N_CONFERENCES 40
#define N_CHILDREN    4
#define N_GROUPS      6
#define ROUND         24   /* operations of each kind per interleaved round */
#define BLOCK         96   /* pairs a block of the report: 10 blocks in a whole run */

static const char *groups[N_GROUPS] = {
  "Children's Social Care", "Police", "Health", "Education", "Probation", "Housing"
};

typedef struct
{
  gint64 conference;
  gint64 children[N_CHILDREN];
} Conf;

/* Records @spec through the store, as the app does, and adds its time in µs to @times. */
static void
time_vote (QuorumStore          *store,
           gint64                conference,
           const QuorumVoteSpec *spec,
           GArray               *times)
{
  g_autoptr(GError) error = NULL;
  gint64 t0 = g_get_monotonic_time ();
  double us;

  if (quorum_store_record_vote (store, conference, spec, &error) == 0)
    g_error ("vote: %s", error->message);
  us = g_get_monotonic_time () - t0;
  g_array_append_val (times, us);
}

static void
setup_store (QuorumStore *store,
             Conf        *confs)
{
  g_autoptr(GError) error = NULL;

  for (int c = 0; c < N_CONFERENCES; c++)
    {
      g_autoptr(QuorumConference) loaded = NULL;
      const char *children[N_CHILDREN + 1] = { "Amy", "Ben", "Cara", "Dan", NULL };
      QuorumConferenceSpec spec = { .kind = QUORUM_KIND_INITIAL, .chair = "Chair", .children = children };

      g_date_set_dmy (&spec.date, 1 + c % 28, 11, 2026);
      confs[c].conference = quorum_store_create_conference (store, &spec, &error);
      g_assert_no_error (error);
      for (int g = 0; g < N_GROUPS; g++)
        {
          QuorumAttendeeSpec a = { .name = "Representative", .agency = groups[g], .line_management = groups[g],
                                   .voting = TRUE, .attendance = QUORUM_ATTENDANCE_PRESENT };
          quorum_store_add_attendee (store, confs[c].conference, &a, &error);
          g_assert_no_error (error);
        }
      loaded = quorum_store_load_conference (store, confs[c].conference, &error);
      for (int k = 0; k < N_CHILDREN; k++)
        {
          QuorumAttemptSpec attempt = { .summary = "No consensus", .agreed = QUORUM_VIEW_NONE };

          confs[c].children[k] = ((QuorumChild *)g_ptr_array_index (loaded->children, k))->id;
          attempt.child_id = confs[c].children[k];
          quorum_store_add_attempt (store, confs[c].conference, &attempt, &error);
          g_assert_no_error (error);
        }
    }
}

void
bench_vote (const char *dir,
            int         rounds)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *store_path = g_build_filename (dir, "bench-vote-store.db", NULL);
  g_autofree char *bare_path = g_build_filename (dir, "bench-vote-bare.db", NULL);
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(GArray) store_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare_times = g_array_new (FALSE, FALSE, sizeof (double));
  Conf confs[N_CONFERENCES];
  sqlite3 *bare = NULL;
  sqlite3_stmt *insert = NULL;
  int total = N_CONFERENCES * N_CHILDREN * N_GROUPS;
  int done = 0;
  double store_median, bare_median;
  guint64 trips;

  bench_remove_db (store_path);
  bench_remove_db (bare_path);

  store = quorum_store_open (store_path, &error);
  g_assert_no_error (error);
  setup_store (store, confs);

  /* The baseline: the same PRAGMAs, a table shaped like vote, one prepared insert a commit. */
  g_assert_cmpint (sqlite3_open (bare_path, &bare), ==, SQLITE_OK);
  sqlite3_exec (bare, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;"
                      "CREATE TABLE vote (id INTEGER PRIMARY KEY, conference_id INTEGER, child_id INTEGER, "
                      "grp TEXT, grp_key TEXT, view TEXT, categories TEXT, reason TEXT, members_disagreed INTEGER, "
                      "recorded_at TEXT, recorded_by TEXT, UNIQUE (child_id, grp_key))", NULL, NULL, NULL);
  sqlite3_prepare_v2 (bare, "INSERT INTO vote (conference_id, child_id, grp, grp_key, view, categories, reason, "
                            "members_disagreed, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, '', ?, 0, ?, ?)",
                      -1, &insert, NULL);

  if (rounds * ROUND > total)
    rounds = total / ROUND;
  trips = quorum_db_get_round_trips (_quorum_store_get_connection (store));

  /* Interleaved rounds, so that a noisy moment of the machine falls on both sides alike. */
  for (int r = 0; r < rounds; r++)
    {
      for (int i = 0; i < ROUND; i++, done++)
        {
          int c = done / (N_CHILDREN * N_GROUPS);
          int k = (done / N_GROUPS) % N_CHILDREN;
          int g = done % N_GROUPS;
          QuorumVoteSpec spec = { .child_id = confs[c].children[k], .group = groups[g],
                                  .view = g % 2 ? QUORUM_VIEW_PLAN : QUORUM_VIEW_NO_PLAN,
                                  .reason = "The group's reasons, in its own words." };
          gint64 t0;
          double us;

          /* Each pair in turn, the vote first or the bare INSERT first: neither always follows
           * the other's commit. */
          for (int side = 0; side < 2; side++)
            {
              if ((side == 0) == (done % 2 == 0))
                {
                  time_vote (store, confs[c].conference, &spec, store_times);
                  continue;
                }
              t0 = g_get_monotonic_time ();
              sqlite3_reset (insert);
              sqlite3_bind_int64 (insert, 1, confs[c].conference);
              sqlite3_bind_int64 (insert, 2, confs[c].children[k]);
              sqlite3_bind_text (insert, 3, groups[g], -1, SQLITE_STATIC);
              sqlite3_bind_text (insert, 4, groups[g], -1, SQLITE_STATIC);
              sqlite3_bind_text (insert, 5, spec.view == QUORUM_VIEW_PLAN ? "plan" : "no-plan", -1, SQLITE_STATIC);
              sqlite3_bind_text (insert, 6, spec.reason, -1, SQLITE_STATIC);
              sqlite3_bind_text (insert, 7, "2026-11-23T10:00:00.000000Z", -1, SQLITE_STATIC);
              sqlite3_bind_text (insert, 8, "bench", -1, SQLITE_STATIC);
              if (sqlite3_step (insert) != SQLITE_DONE)
                g_error ("bare insert: %s", sqlite3_errmsg (bare));
              us = g_get_monotonic_time () - t0;
              g_array_append_val (bare_times, us);
            }
        }
    }

  trips = quorum_db_get_round_trips (_quorum_store_get_connection (store)) - trips;
  sqlite3_finalize (insert);
  sqlite3_close (bare);

  store_median = bench_median (store_times);
  bare_median = bench_median (bare_times);
  bench_report ("record a vote (store: checks, audit entry, durable commit)", store_median,
                "bare prepared INSERT, same PRAGMAs (WAL, synchronous=FULL)", bare_median,
                store_times->len, 1.5);
  bench_report_pairs (store_times, bare_times, BLOCK, 1.5);
  printf ("  statements a vote runs: %.1f (the bare INSERT: 1)\n\n", (double) trips / MAX (store_times->len, 1));

  g_clear_object (&store);
  if (g_getenv ("QUORUM_BENCH_KEEP") == NULL)
    {
      bench_remove_db (store_path);
      bench_remove_db (bare_path);
    }
}

#ifdef QUORUM_BENCH_HAVE_LIBPQ
#include <libpq-fe.h>

/* A one-value query's answer, for the report. */
static char *
pg_show (PGconn     *conn,
         const char *sql)
{
  PGresult *res = PQexec (conn, sql);
  char *value = PQresultStatus (res) == PGRES_TUPLES_OK && PQntuples (res) > 0
    ? g_strdup (PQgetvalue (res, 0, 0)) : g_strdup ("?");

  PQclear (res);
  return value;
}

/* The same vote through the store on PostgreSQL (as a chair: the grants and row-level policies
 * apply), against a bare prepared INSERT of one row a commit on the same server and the same
 * settings, each measured from the client as a person's vote is. */
void
bench_vote_postgres (int rounds)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *chair = bench_pg_conninfo_as ("bench_chair");
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(GArray) store_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *sync_store = NULL;
  g_autofree char *sync_bare = NULL;
  g_autofree char *fsync = NULL;
  g_autofree char *baseline = NULL;
  Conf confs[N_CONFERENCES];
  PGconn *bare;
  PGresult *res;
  guint64 trips;
  int total = N_CONFERENCES * N_CHILDREN * N_GROUPS;
  int done = 0;

  if (chair == NULL)
    return;
  store = quorum_store_open (chair, &error);
  if (store == NULL)
    {
      printf ("record a vote on PostgreSQL: NOT MEASURED: %s\n\n", error->message);
      return;
    }
  setup_store (store, confs);

  bare = PQconnectdb (bench_pg_conninfo ());
  if (PQstatus (bare) != CONNECTION_OK)
    g_error ("bare connection: %s", PQerrorMessage (bare));
  res = PQexec (bare, "SET client_min_messages = warning; CREATE SCHEMA IF NOT EXISTS bench_bare; "
                      "DROP TABLE IF EXISTS bench_bare.vote; "
                      "CREATE TABLE bench_bare.vote (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
                      "conference_id bigint, child_id bigint, grp text, grp_key text, view text, categories text, "
                      "reason text, members_disagreed bigint, recorded_at text, recorded_by text, "
                      "UNIQUE (child_id, grp_key))");
  if (PQresultStatus (res) != PGRES_COMMAND_OK)
    g_error ("bare table: %s", PQerrorMessage (bare));
  PQclear (res);
  res = PQprepare (bare, "bare_vote",
                   "INSERT INTO bench_bare.vote (conference_id, child_id, grp, grp_key, view, categories, reason, "
                   "members_disagreed, recorded_at, recorded_by) VALUES ($1, $2, $3, $4, $5, '', $6, 0, $7, $8)",
                   8, NULL);
  if (PQresultStatus (res) != PGRES_COMMAND_OK)
    g_error ("bare prepare: %s", PQerrorMessage (bare));
  PQclear (res);

  /* Both sides' settings, read from their own connections. */
  {
    PGconn *as_chair = PQconnectdb (chair);

    sync_store = pg_show (as_chair, "SHOW synchronous_commit");
    PQfinish (as_chair);
  }
  sync_bare = pg_show (bare, "SHOW synchronous_commit");
  fsync = pg_show (bare, "SHOW fsync");

  if (rounds * ROUND > total)
    rounds = total / ROUND;
  trips = quorum_db_get_round_trips (_quorum_store_get_connection (store));
  for (int r = 0; r < rounds; r++)
    {
      for (int i = 0; i < ROUND; i++, done++)
        {
          int c = done / (N_CHILDREN * N_GROUPS);
          int k = (done / N_GROUPS) % N_CHILDREN;
          int g = done % N_GROUPS;
          QuorumVoteSpec spec = { .child_id = confs[c].children[k], .group = groups[g],
                                  .view = g % 2 ? QUORUM_VIEW_PLAN : QUORUM_VIEW_NO_PLAN,
                                  .reason = "The group's reasons, in its own words." };
          g_autofree char *conf_text = g_strdup_printf ("%" G_GINT64_FORMAT, confs[c].conference);
          g_autofree char *child_text = g_strdup_printf ("%" G_GINT64_FORMAT, confs[c].children[k]);
          const char *values[8] = { conf_text, child_text, groups[g], groups[g],
                                    spec.view == QUORUM_VIEW_PLAN ? "plan" : "no-plan", spec.reason,
                                    "2026-11-23T10:00:00.000000Z", "bench" };
          gint64 t0;
          double us;

          /* Each pair in turn, the vote first or the bare INSERT first: neither always follows
           * the other's commit (and its flush). */
          for (int side = 0; side < 2; side++)
            {
              if ((side == 0) == (done % 2 == 0))
                {
                  time_vote (store, confs[c].conference, &spec, store_times);
                  continue;
                }
              /* Autocommit: the INSERT is its own transaction, committed (and flushed, with
               * synchronous_commit on) before the server answers, as the vote's COMMIT is. */
              t0 = g_get_monotonic_time ();
              res = PQexecPrepared (bare, "bare_vote", 8, values, NULL, NULL, 0);
              if (PQresultStatus (res) != PGRES_COMMAND_OK)
                g_error ("bare insert: %s", PQerrorMessage (bare));
              PQclear (res);
              us = g_get_monotonic_time () - t0;
              g_array_append_val (bare_times, us);
            }
        }
    }
  PQfinish (bare);
  trips = quorum_db_get_round_trips (_quorum_store_get_connection (store)) - trips;

  baseline = g_strdup_printf ("bare prepared INSERT, one commit each, same server (synchronous_commit=%s, fsync=%s)",
                              sync_bare, fsync);
  {
    g_autofree char *what = g_strdup_printf ("record a vote on PostgreSQL (store as a chair: checks, audit entry, "
                                             "durable commit; synchronous_commit=%s)", sync_store);
    bench_report (what, bench_median (store_times), baseline, bench_median (bare_times), store_times->len, 1.5);
    bench_report_pairs (store_times, bare_times, BLOCK, 1.5);
    printf ("  round trips to the server a vote makes: %.1f (the bare INSERT: 1)\n\n",
            (double) trips / MAX (store_times->len, 1));
  }
  if (g_strcmp0 (sync_store, sync_bare) != 0)
    printf ("  (the two connections' synchronous_commit differ: the ratio compares unlike commits)\n\n");
}
#else
void
bench_vote_postgres (int rounds)
{
  (void) rounds;
}
#endif
