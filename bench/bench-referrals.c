/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-referrals.c: the Head of Service's page over an authority's ten years (100,000
 * referrals): loading the list, filtering, searching and sorting it as the page does (the
 * store finds the matching ids in the table's order off the main thread; the rows on screen
 * are read a page at a time into QuorumReferralList), each against the bare SQLite query that
 * yields the same rows in the same order, interleaved in the same run; and the memory the
 * page's list holds, against holding every referral as an object (the page before). */

#include <malloc.h>
#include <stdio.h>
#include <string.h>
#include <sqlite3.h>

#include "bench.h"
#include "store/quorum-store-report.h"
#include "ui/quorum-referral-list.h"
#include "ui/quorum-referral-object.h"

#define ROUNDS 7

#ifdef QUORUM_BENCH_HAVE_LIBPQ
static void bench_referrals_postgres (const char *path, const GDate *as_of, const char *as_of_iso, guint n);
#endif

#define BARE_SELECT \
  "SELECT r.id, r.conference_id, r.child_id, ch.name, c.chair, c.profile, c.date, r.due, r.notified, " \
  "r.panel_due, r.panel_date, r.outcome, r.outcome_reason " \
  "FROM referral r JOIN child ch ON ch.id = r.child_id JOIN conference c ON c.id = r.conference_id "

/* The bare baseline: steps every row and reads every column, allocating nothing. */
static guint
bare_query (sqlite3    *db,
            const char *sql,
            const char *as_of)
{
  sqlite3_stmt *stmt = NULL;
  guint n = 0;
  int rc;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("bare query: %s", sqlite3_errmsg (db));
  if (as_of != NULL && sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_text (stmt, 1, as_of, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        (void)sqlite3_column_text (stmt, i);
      n++;
    }
  if (rc != SQLITE_DONE)
    g_error ("bare query: %s", sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  return n;
}

/* What the page's worker thread does: the ids in the table's order, the tiles' and the
 * chart's counts. */
static GArray *
load_ids (QuorumStore               *store,
          const QuorumReferralQuery *query,
          gboolean                   counts)
{
  g_autoptr(GError) error = NULL;
  GArray *ids = quorum_store_list_referral_ids (store, query, &error);

  g_assert_no_error (error);
  if (counts)
    {
      QuorumReferralCounts c;
      g_autoptr(GArray) months = NULL;
      GDate week_end = query->as_of;

      g_date_add_days (&week_end, 7 - g_date_get_weekday (&query->as_of));
      g_assert_true (quorum_store_count_referrals (store, &query->as_of, &week_end, &c, &error));
      months = quorum_store_count_referrals_by_month (store, &query->as_of, 12, &error);
      g_assert_no_error (error);
    }
  return ids;
}

/* The heap in use (every arena, and the blocks malloc maps on its own), in MiB: what the
 * process holds, whatever malloc keeps for reuse. */
static double
heap_mib (void)
{
  struct mallinfo2 info = mallinfo2 ();

  return (double) (info.uordblks + info.hblkhd) / (1024.0 * 1024.0);
}

static double
elapsed_us (gint64 t0)
{
  return (double)(g_get_monotonic_time () - t0);
}

static void
add (GArray *samples,
     double  us)
{
  g_array_append_val (samples, us);
}

typedef enum
{
  M_LOAD,          /* ids in order + tiles' and chart's counts (the worker thread) */
  M_SHOW,          /* the first 60 rows read by id into objects (the main thread) */
  M_FILTER,        /* "Overdue" (the worker thread) */
  M_SEARCH,        /* "smith" (the worker thread) */
  M_SORT_NAME,     /* by child (the worker thread) */
  M_SORT_DATE,     /* by panel due date (the worker thread) */
  N_MEASURES
} Measure;

#define SHOWN_ROWS 60

void
bench_referrals (const char *dir,
                 guint       n)
{
  static const char *names[N_MEASURES] = {
    "load the list (the matching ids in the table's order by status, tiles' and chart's counts; worker thread)",
    "show it (the first 60 rows read by id into QuorumReferralList's objects; main thread)",
    "filter \"Overdue\" (ids in order; worker thread)",
    "search \"smith\" in child or chair (ids in order, case folded; worker thread)",
    "sort by child on a header click (ids in order; worker thread)",
    "sort by panel due date on a header click (ids in order; worker thread)",
  };
  static const char *baselines[N_MEASURES] = {
    "bare SELECT … JOIN … ORDER BY due, id (every column read)",
    "the same bare SELECT (every row)",
    "bare SELECT … WHERE overdue as of the date ORDER BY due, id",
    "bare SELECT … WHERE child LIKE '%smith%' OR chair LIKE '%smith%' ORDER BY due, id",
    "bare SELECT … ORDER BY child COLLATE NOCASE, id",
    "bare SELECT … ORDER BY panel_due IS NULL, panel_due, id",
  };
  static const char *bare_sql[N_MEASURES] = {
    BARE_SELECT "ORDER BY r.due, r.id",
    BARE_SELECT "ORDER BY r.due, r.id",
    /* As of ?1: made by then; sent or heard after it had not been yet (as the store judges it). */
    BARE_SELECT "WHERE c.date <= ?1 AND r.id NOT IN (SELECT k.referral_id FROM challenge k "
                "WHERE k.referral_id IS NOT NULL AND k.decided_on > ?1) AND (((r.notified IS NULL OR r.notified > ?1) AND r.due < ?1) "
                "OR (r.notified <= ?1 AND (r.panel_date IS NULL OR r.panel_date > ?1) AND r.panel_due < ?1)) "
                "ORDER BY r.due, r.id",
    BARE_SELECT "WHERE ch.name LIKE '%smith%' OR c.chair LIKE '%smith%' ORDER BY r.due, r.id",
    BARE_SELECT "ORDER BY ch.name COLLATE NOCASE, r.id",
    BARE_SELECT "ORDER BY r.panel_due IS NULL, r.panel_due, r.id",
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "bench-referrals.db", NULL);
  g_autoptr(QuorumStore) store = NULL;
  g_autofree char *as_of_iso = NULL;
  GArray *samples[N_MEASURES];
  GArray *bare[N_MEASURES];
  guint shown[N_MEASURES] = { 0, };
  guint bare_rows[N_MEASURES] = { 0, };
  sqlite3 *db = NULL;
  double seconds;
  guint checked = 0;
  GDate as_of;
  gint64 t0;

  g_date_clear (&as_of, 1);
  g_date_set_dmy (&as_of, 24, 12, 2026);
  as_of_iso = quorum_date_to_string (&as_of);

  printf ("referrals: generating %u split-vote referrals over ten years to %s…\n", n, as_of_iso);
  if (!bench_generate_db (path, n, &as_of, &seconds, &error))
    g_error ("generate: %s", error->message);
  printf ("  %.1f s in one transaction (%u conferences, children, decisions, plans and referrals, "
          "each audited)\n", seconds, n);

  store = quorum_store_open (path, &error);
  g_assert_no_error (error);

  t0 = g_get_monotonic_time ();
  if (!quorum_store_verify (store, &checked, &error))
    g_error ("verify: %s", error->message);
  printf ("  verify passes on it: %u records and audit entries checked in %.1f s\n\n",
          checked, elapsed_us (t0) / 1e6);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);

  for (guint m = 0; m < N_MEASURES; m++)
    {
      samples[m] = g_array_new (FALSE, FALSE, sizeof (double));
      bare[m] = g_array_new (FALSE, FALSE, sizeof (double));
    }

  /* Interleaved rounds: a noisy moment falls on both sides alike. */
  for (guint r = 0; r < ROUNDS; r++)
    {
      QuorumReferralQuery query = { .as_of = as_of, .order = QUORUM_REFERRAL_ORDER_STATUS };
      g_autoptr(GArray) ids = NULL;
      g_autoptr(QuorumReferralList) list = quorum_referral_list_new (store);

      for (guint m = 0; m < N_MEASURES; m++)
        {
          t0 = g_get_monotonic_time ();
          bare_rows[m] = bare_query (db, bare_sql[m], as_of_iso);
          add (bare[m], elapsed_us (t0));
        }

      t0 = g_get_monotonic_time ();
      ids = load_ids (store, &query, TRUE);
      add (samples[M_LOAD], elapsed_us (t0));
      shown[M_LOAD] = ids->len;

      t0 = g_get_monotonic_time ();
      quorum_referral_list_set_ids (list, g_steal_pointer (&ids), &as_of);
      for (guint i = 0; i < SHOWN_ROWS; i++)
        g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
      add (samples[M_SHOW], elapsed_us (t0));
      shown[M_SHOW] = g_list_model_get_n_items (G_LIST_MODEL (list));

      {
        const struct { Measure m; QuorumReferralQuery q; } cases[] = {
          { M_FILTER, { .as_of = as_of, .match = QUORUM_REFERRAL_MATCH_OVERDUE } },
          { M_SEARCH, { .as_of = as_of, .search = "smith" } },
          { M_SORT_NAME, { .as_of = as_of, .order = QUORUM_REFERRAL_ORDER_CHILD } },
          { M_SORT_DATE, { .as_of = as_of, .order = QUORUM_REFERRAL_ORDER_PANEL_DUE } },
        };

        for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
          {
            t0 = g_get_monotonic_time ();
            ids = load_ids (store, &cases[c].q, FALSE);
            add (samples[cases[c].m], elapsed_us (t0));
            shown[cases[c].m] = ids->len;
            g_clear_pointer (&ids, g_array_unref);
          }
      }
    }

  for (guint m = 0; m < N_MEASURES; m++)
    {
      g_autofree char *what = g_strdup_printf ("%s: %u rows", names[m], shown[m]);
      g_autofree char *base = g_strdup_printf ("%s: %u rows", baselines[m], bare_rows[m]);

      if (shown[m] != bare_rows[m])
        printf ("  (row counts differ: %u shown, %u from SQL)\n", shown[m], bare_rows[m]);
      bench_report (what, bench_median (samples[m]), base, bench_median (bare[m]), samples[m]->len, 0);
      g_array_unref (samples[m]);
      g_array_unref (bare[m]);
    }

  /* What the page's list holds for 100,000 referrals with a screenful shown, against every
   * referral as an object (what the page held before: the store's rows, one object each). */
  {
    QuorumReferralQuery query = { .as_of = as_of };
    double before = heap_mib ();
    double paged;
    double all;

    {
      g_autoptr(QuorumReferralList) list = quorum_referral_list_new (store);

      quorum_referral_list_set_ids (list, load_ids (store, &query, FALSE), &as_of);
      for (guint i = 0; i < SHOWN_ROWS; i++)
        g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
      paged = heap_mib () - before;
      before = heap_mib ();
      {
        g_autoptr(GPtrArray) rows = quorum_store_list_referrals (store, &as_of, FALSE, &error);
        g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

        g_assert_no_error (error);
        g_ptr_array_set_free_func (rows, NULL);
        for (guint i = 0; i < rows->len; i++)
          g_ptr_array_add (items, quorum_referral_object_new (g_ptr_array_index (rows, i)));
        all = heap_mib () - before;
        printf ("memory of the page's list, %u referrals, %u rows shown (heap in use): paged from the store "
                "%.1f MiB (%u objects held); every referral an object (the page before) %.1f MiB\n\n",
                shown[M_LOAD], SHOWN_ROWS, paged, quorum_referral_list_get_n_cached (list), all);
      }
    }
  }

  sqlite3_close (db);
  g_clear_object (&store);
#ifdef QUORUM_BENCH_HAVE_LIBPQ
  /* The same page's load on the other backend, with the same rows. */
  if (bench_pg_conninfo () != NULL)
    bench_referrals_postgres (path, &as_of, as_of_iso, n);
#endif
  if (g_getenv ("QUORUM_BENCH_KEEP") == NULL)
    bench_remove_db (path);
  else
    printf ("kept %s\n", path);
}

#ifdef QUORUM_BENCH_HAVE_LIBPQ
#include <libpq-fe.h>

/* Copies every row of @table from the SQLite file into the server with COPY, ids and all. */
static guint
copy_table (sqlite3    *db,
            PGconn     *conn,
            const char *table)
{
  g_autofree char *select = g_strdup_printf ("SELECT * FROM \"%s\"", table);
  g_autoptr(GString) copy = g_string_new (NULL);
  g_autoptr(GString) line = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  PGresult *res;
  guint n = 0;
  int columns;

  if (sqlite3_prepare_v2 (db, select, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("copy %s: %s", table, sqlite3_errmsg (db));
  columns = sqlite3_column_count (stmt);
  g_string_append_printf (copy, "COPY \"%s\" (", table);
  for (int i = 0; i < columns; i++)
    g_string_append_printf (copy, "%s\"%s\"", i ? ", " : "", sqlite3_column_name (stmt, i));
  g_string_append (copy, ") FROM STDIN");
  res = PQexec (conn, copy->str);
  if (PQresultStatus (res) != PGRES_COPY_IN)
    g_error ("copy %s: %s", table, PQerrorMessage (conn));
  PQclear (res);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_string_truncate (line, 0);
      for (int i = 0; i < columns; i++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, i);

          if (i > 0)
            g_string_append_c (line, '\t');
          if (text == NULL)
            {
              g_string_append (line, "\\N");
              continue;
            }
          for (const char *p = text; *p; p++)
            switch (*p)
              {
              case '\\': g_string_append (line, "\\\\"); break;
              case '\t': g_string_append (line, "\\t"); break;
              case '\n': g_string_append (line, "\\n"); break;
              case '\r': g_string_append (line, "\\r"); break;
              default: g_string_append_c (line, *p);
              }
        }
      g_string_append_c (line, '\n');
      if (PQputCopyData (conn, line->str, line->len) != 1)
        g_error ("copy %s: %s", table, PQerrorMessage (conn));
      n++;
    }
  sqlite3_finalize (stmt);
  if (PQputCopyEnd (conn, NULL) != 1)
    g_error ("copy %s: %s", table, PQerrorMessage (conn));
  res = PQgetResult (conn);
  if (PQresultStatus (res) != PGRES_COMMAND_OK)
    g_error ("copy %s: %s", table, PQerrorMessage (conn));
  PQclear (res);
  while ((res = PQgetResult (conn)) != NULL)
    PQclear (res);
  return n;
}

static void
pg_exec (PGconn     *conn,
         const char *sql)
{
  PGresult *res = PQexec (conn, sql);

  if (PQresultStatus (res) != PGRES_COMMAND_OK && PQresultStatus (res) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQerrorMessage (conn));
  PQclear (res);
}

/* The bare baseline on the server: every row, every column read. */
static guint
pg_bare_query (PGconn     *conn,
               const char *sql,
               const char *as_of)
{
  const char *values[1] = { as_of };
  PGresult *res = PQexecParams (conn, sql, strstr (sql, "$1") ? 1 : 0, NULL, values, NULL, NULL, 0);
  guint n;

  if (PQresultStatus (res) != PGRES_TUPLES_OK)
    g_error ("bare query: %s", PQerrorMessage (conn));
  n = PQntuples (res);
  for (guint r = 0; r < n; r++)
    for (int c = 0; c < PQnfields (res); c++)
      (void) PQgetvalue (res, r, c);
  PQclear (res);
  return n;
}

/* The same referrals, the same rows and ids, on the server: the page's load through the store
 * (the chair's connection) against the bare SELECT on the same server. The database is the
 * SQLite file's, copied with COPY (its audit log and keys too, so verify can check it there);
 * Quorum's own migrate would copy it audited row by row, which takes too long for a bench. */
static void
bench_referrals_postgres (const char  *path,
                          const GDate *as_of,
                          const char  *as_of_iso,
                          guint        n)
{
  static const char *tables[] = {
    "conference", "conference_profile", "child", "attendee", "attempt", "vote", "decision", "dissent",
    "plan", "referral", "audit", "audit_mac", NULL
  };
  static const char *bare_load = BARE_SELECT "ORDER BY r.due, r.id";
  static const char *bare_overdue = BARE_SELECT "WHERE c.date <= $1 AND r.id NOT IN (SELECT k.referral_id FROM challenge k "
    "WHERE k.referral_id IS NOT NULL AND k.decided_on > $1) AND (((r.notified IS NULL OR r.notified > $1) AND r.due < $1) "
    "OR (r.notified <= $1 AND (r.panel_date IS NULL OR r.panel_date > $1) AND r.panel_due < $1)) ORDER BY r.due, r.id";
  g_autoptr(GError) error = NULL;
  /* A database of its own: the vote bench's conferences hold ids of the server's main one. */
  g_autofree char *super = bench_pg_fresh_database ("quorum_bench_referrals");
  g_autofree char *chair = super != NULL ? g_strdup_printf ("%s user=bench_chair", super) : NULL;
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(GArray) load = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) load_bare = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) overdue = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) overdue_bare = g_array_new (FALSE, FALSE, sizeof (double));
  guint rows = 0, bare_rows = 0, overdue_rows = 0, overdue_bare_rows = 0, copied = 0, checked = 0;
  sqlite3 *db = NULL;
  PGconn *conn;
  gint64 t0;

  if (chair == NULL)
    return;

  printf ("referrals on PostgreSQL: copying the %u referrals' database into the server (COPY)…\n", n);
  t0 = g_get_monotonic_time ();
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  conn = PQconnectdb (super);
  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("connection: %s", PQerrorMessage (conn));
  /* A bulk load as the superuser: the sign-off and chain triggers would refuse rows that are
   * already signed off; they are checked again by verify below. */
  pg_exec (conn, "BEGIN");
  pg_exec (conn, "SET LOCAL session_replication_role = replica");
  for (guint i = 0; tables[i] != NULL; i++)
    copied += copy_table (db, conn, tables[i]);
  {
    sqlite3_stmt *stmt = NULL;

    sqlite3_prepare_v2 (db, "SELECT key, value FROM meta WHERE key IN ('database_id', 'audit_head', "
                            "'audit_head_mac', 'audit_key_id')", -1, &stmt, NULL);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        const char *values[2] = { (const char *) sqlite3_column_text (stmt, 0), (const char *) sqlite3_column_text (stmt, 1) };
        PGresult *res = PQexecParams (conn, "INSERT INTO meta (key, value) VALUES ($1, $2) "
                                            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                      2, NULL, values, NULL, NULL, 0);
        if (PQresultStatus (res) != PGRES_COMMAND_OK)
          g_error ("meta: %s", PQerrorMessage (conn));
        PQclear (res);
      }
    sqlite3_finalize (stmt);
  }
  /* The identities continue after the copied ids. */
  for (guint i = 0; tables[i] != NULL; i++)
    if (!g_str_equal (tables[i], "audit") && !g_str_equal (tables[i], "audit_mac"))
      {
        g_autofree char *sql = g_strdup_printf ("SELECT setval (pg_get_serial_sequence ('\"%s\"', 'id'), "
                                                "(SELECT coalesce (max (id), 0) + 1 FROM \"%s\"), false)",
                                                tables[i], tables[i]);
        pg_exec (conn, sql);
      }
  pg_exec (conn, "COMMIT");
  pg_exec (conn, "ANALYZE");
  sqlite3_close (db);
  printf ("  %u rows in %.1f s\n", copied, elapsed_us (t0) / 1e6);

  store = quorum_store_open (chair, &error);
  if (store == NULL)
    {
      printf ("referrals on PostgreSQL: NOT MEASURED: %s\n\n", error->message);
      PQfinish (conn);
      return;
    }
  {
    PGresult *res = PQexec (conn, "SELECT to_regclass ('audit_key') IS NOT NULL");
    gboolean server_key = PQresultStatus (res) == PGRES_TUPLES_OK && g_str_equal (PQgetvalue (res, 0, 0), "t");

    PQclear (res);
    if (server_key)
      /* The copied entries carry the MACs of the laptop's key; the server keys what is written
       * through it (quorum-cli migrate re-audits every row), so verify would rightly fail here. */
      printf ("  verify on the server not run: the server keeps the audit key, and COPY brought the "
              "laptop's MACs\n\n");
    else
      {
        t0 = g_get_monotonic_time ();
        if (quorum_store_verify (store, &checked, &error))
          printf ("  verify passes on the server: %u records and audit entries checked in %.1f s\n\n",
                  checked, elapsed_us (t0) / 1e6);
        else
          printf ("  verify on the server: %s (%.1f s)\n\n", error->message, elapsed_us (t0) / 1e6);
        g_clear_error (&error);
      }
  }

  for (guint r = 0; r < ROUNDS; r++)
    {
      QuorumReferralQuery query = { .as_of = *as_of };
      g_autoptr(GArray) ids = NULL;
      g_autoptr(GPtrArray) late = NULL;

      t0 = g_get_monotonic_time ();
      bare_rows = pg_bare_query (conn, bare_load, as_of_iso);
      add (load_bare, elapsed_us (t0));

      t0 = g_get_monotonic_time ();
      ids = load_ids (store, &query, TRUE);
      add (load, elapsed_us (t0));
      rows = ids->len;

      t0 = g_get_monotonic_time ();
      overdue_bare_rows = pg_bare_query (conn, bare_overdue, as_of_iso);
      add (overdue_bare, elapsed_us (t0));

      t0 = g_get_monotonic_time ();
      late = quorum_store_list_referrals (store, as_of, TRUE, &error);
      g_assert_no_error (error);
      add (overdue, elapsed_us (t0));
      overdue_rows = late->len;
    }
  PQfinish (conn);

  {
    g_autofree char *what = g_strdup_printf ("PostgreSQL: load the list (the ids in the table's order as a chair, "
                                             "tiles' and chart's counts): %u rows", rows);
    g_autofree char *base = g_strdup_printf ("bare SELECT … JOIN … ORDER BY due, id on the same server "
                                             "(every column read): %u rows", bare_rows);
    bench_report (what, bench_median (load), base, bench_median (load_bare), load->len, 0);
  }
  {
    g_autofree char *what = g_strdup_printf ("PostgreSQL: the overdue referrals (store query): %u rows", overdue_rows);
    g_autofree char *base = g_strdup_printf ("bare SELECT … WHERE overdue as of the date: %u rows", overdue_bare_rows);
    bench_report (what, bench_median (overdue), base, bench_median (overdue_bare), overdue->len, 0);
  }
}
#endif
