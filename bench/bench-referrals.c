/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-referrals.c: the Head of Service's page over an authority's ten years (100,000
 * referrals): loading the list, filtering, searching and sorting it through the very
 * GListModel machinery the page uses, each against the bare SQLite query that yields the same
 * rows in the same order, interleaved in the same run. */

#include <stdio.h>
#include <string.h>
#include <sqlite3.h>

#include "bench.h"
#include "store/quorum-store-report.h"
#include "ui/quorum-referral-filter.h"
#include "ui/quorum-referral-object.h"

#define ROUNDS 7

#ifdef QUORUM_BENCH_HAVE_LIBPQ
static void bench_referrals_postgres (const char *path, const GDate *as_of, const char *as_of_iso, guint n);
#endif

#define BARE_SELECT \
  "SELECT r.id, r.conference_id, r.child_id, ch.name, c.chair, c.profile, c.date, r.due, r.notified, " \
  "r.panel_due, r.panel_date, r.outcome, r.outcome_reason " \
  "FROM referral r JOIN child ch ON ch.id = r.child_id JOIN conference c ON c.id = r.conference_id "

typedef struct
{
  GListStore           *list;
  QuorumReferralFilter *filter;
  GtkFilterListModel   *filtered;
  GtkSortListModel     *sorted;
} Chain;

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

static int
compare_status (gconstpointer a,
                gconstpointer b)
{
  return quorum_referral_object_compare (*(QuorumReferralObject **)a, *(QuorumReferralObject **)b,
                                         QUORUM_REFERRAL_COLUMN_STATUS);
}

/* What the page's worker thread does: the store's list, one object a row in the table's first
 * order, the chart's counts. */
static GPtrArray *
load_objects (QuorumStore *store,
              const GDate *as_of)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = quorum_store_list_referrals (store, as_of, FALSE, &error);
  g_autoptr(GArray) months = NULL;
  GPtrArray *items;

  g_assert_no_error (error);
  g_ptr_array_set_free_func (rows, NULL);
  items = g_ptr_array_new_full (rows->len, g_object_unref);
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (items, quorum_referral_object_new (g_ptr_array_index (rows, i)));
  g_ptr_array_sort (items, compare_status);

  months = quorum_store_count_referrals_by_month (store, as_of, 12, &error);
  g_assert_no_error (error);
  return items;
}

static void
chain_init (Chain *chain)
{
  chain->list = g_list_store_new (QUORUM_TYPE_REFERRAL_OBJECT);
  chain->filter = quorum_referral_filter_new ();
  chain->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (chain->list)),
                                               g_object_ref (GTK_FILTER (chain->filter)));
  chain->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (chain->filtered)),
                                           quorum_referral_object_sorter_new (QUORUM_REFERRAL_COLUMN_STATUS));
  gtk_sort_list_model_set_incremental (chain->sorted, TRUE);
}

/* Runs the main loop until the sort model is sorted; returns the longest single iteration
 * (what a person would see as a pause) and adds the whole time to @total_us. */
static double
run_until_sorted (Chain  *chain,
                  double  first_step_us,
                  double *total_us)
{
  double longest = first_step_us;
  double total = first_step_us;

  while (gtk_sort_list_model_get_pending (chain->sorted) > 0)
    {
      gint64 t0 = g_get_monotonic_time ();
      double us;

      g_main_context_iteration (NULL, FALSE);
      us = (double)(g_get_monotonic_time () - t0);
      longest = MAX (longest, us);
      total += us;
    }
  *total_us = total;
  return longest;
}


static void
chain_clear (Chain *chain)
{
  g_clear_object (&chain->sorted);
  g_clear_object (&chain->filtered);
  g_clear_object (&chain->filter);
  g_clear_object (&chain->list);
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
  M_LOAD,          /* store list + objects + chart counts (the worker thread) */
  M_SHOW,          /* splice into the filter and sort models (the main thread) */
  M_FILTER,        /* "Overdue" */
  M_SEARCH,        /* "smith" */
  M_SORT_NAME,     /* by child: the longest main-loop step */
  M_SORT_DATE,     /* by panel due date: the longest main-loop step */
  N_MEASURES
} Measure;

void
bench_referrals (const char *dir,
                 guint       n)
{
  static const char *names[N_MEASURES] = {
    "load the list (store query, one object a row, chart counts; worker thread)",
    "show it (splice into GtkFilterListModel + incremental GtkSortListModel by status; main thread)",
    "filter \"Overdue\" (QuorumReferralFilter in GtkFilterListModel, sorted)",
    "search \"smith\" in child or chair (QuorumReferralFilter, sorted)",
    "sort by child on a header click: longest main-loop step (incremental GtkSortListModel)",
    "sort by panel due date on a header click: longest main-loop step (incremental GtkSortListModel)",
  };
  static const char *baselines[N_MEASURES] = {
    "bare SELECT … JOIN … ORDER BY due, id (every column read)",
    "the same bare SELECT",
    "bare SELECT … WHERE overdue as of the date ORDER BY due, id",
    "bare SELECT … WHERE child LIKE '%smith%' OR chair LIKE '%smith%' ORDER BY due, id",
    "bare SELECT … ORDER BY child COLLATE NOCASE, id",
    "bare SELECT … ORDER BY panel_due IS NULL, panel_due, id",
  };
  static const char *bare_sql[N_MEASURES] = {
    BARE_SELECT "ORDER BY r.due, r.id",
    BARE_SELECT "ORDER BY r.due, r.id",
    BARE_SELECT "WHERE (r.notified IS NULL AND r.due < ?1) "
                "OR (r.notified IS NOT NULL AND r.panel_date IS NULL AND r.panel_due < ?1) ORDER BY r.due, r.id",
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
  g_autoptr(GArray) show_total = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) sort_name_total = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) sort_date_total = g_array_new (FALSE, FALSE, sizeof (double));
  sqlite3 *db = NULL;
  double total;
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
      g_autoptr(GPtrArray) items = NULL;
      Chain chain;

      for (guint m = 0; m < N_MEASURES; m++)
        {
          t0 = g_get_monotonic_time ();
          bare_rows[m] = bare_query (db, bare_sql[m], as_of_iso);
          add (bare[m], elapsed_us (t0));
        }

      t0 = g_get_monotonic_time ();
      items = load_objects (store, &as_of);
      add (samples[M_LOAD], elapsed_us (t0));
      shown[M_LOAD] = items->len;

      chain_init (&chain);
      t0 = g_get_monotonic_time ();
      g_list_store_splice (chain.list, 0, 0, items->pdata, items->len);
      shown[M_SHOW] = g_list_model_get_n_items (G_LIST_MODEL (chain.sorted));
      add (samples[M_SHOW], run_until_sorted (&chain, elapsed_us (t0), &total));
      add (show_total, total);

      t0 = g_get_monotonic_time ();
      quorum_referral_filter_set_show (chain.filter, QUORUM_REFERRAL_SHOW_OVERDUE);
      shown[M_FILTER] = g_list_model_get_n_items (G_LIST_MODEL (chain.sorted));
      add (samples[M_FILTER], elapsed_us (t0));
      quorum_referral_filter_set_show (chain.filter, QUORUM_REFERRAL_SHOW_ALL);

      t0 = g_get_monotonic_time ();
      quorum_referral_filter_set_search (chain.filter, "smith");
      shown[M_SEARCH] = g_list_model_get_n_items (G_LIST_MODEL (chain.sorted));
      add (samples[M_SEARCH], elapsed_us (t0));
      quorum_referral_filter_set_search (chain.filter, NULL);

      {
        g_autoptr(GtkSorter) by_child = quorum_referral_object_sorter_new (QUORUM_REFERRAL_COLUMN_CHILD);
        g_autoptr(GtkSorter) by_panel = quorum_referral_object_sorter_new (QUORUM_REFERRAL_COLUMN_PANEL_DUE);
        g_autoptr(QuorumReferralObject) first = NULL;

        t0 = g_get_monotonic_time ();
        gtk_sort_list_model_set_sorter (chain.sorted, by_child);
        add (samples[M_SORT_NAME], run_until_sorted (&chain, elapsed_us (t0), &total));
        add (sort_name_total, total);
        first = g_list_model_get_item (G_LIST_MODEL (chain.sorted), 0);
        shown[M_SORT_NAME] = g_list_model_get_n_items (G_LIST_MODEL (chain.sorted));
        g_clear_object (&first);

        t0 = g_get_monotonic_time ();
        gtk_sort_list_model_set_sorter (chain.sorted, by_panel);
        add (samples[M_SORT_DATE], run_until_sorted (&chain, elapsed_us (t0), &total));
        add (sort_date_total, total);
        first = g_list_model_get_item (G_LIST_MODEL (chain.sorted), 0);
        shown[M_SORT_DATE] = g_list_model_get_n_items (G_LIST_MODEL (chain.sorted));
      }

      chain_clear (&chain);
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

  printf ("until fully sorted (incremental, the list stays live meanwhile): show %.0f ms, "
          "by child %.0f ms, by panel due %.0f ms (medians)\n\n",
          bench_median (show_total) / 1000, bench_median (sort_name_total) / 1000,
          bench_median (sort_date_total) / 1000);

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
  static const char *bare_overdue = BARE_SELECT "WHERE (r.notified IS NULL AND r.due < $1) "
    "OR (r.notified IS NOT NULL AND r.panel_date IS NULL AND r.panel_due < $1) ORDER BY r.due, r.id";
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
      g_autoptr(GPtrArray) items = NULL;
      g_autoptr(GPtrArray) late = NULL;

      t0 = g_get_monotonic_time ();
      bare_rows = pg_bare_query (conn, bare_load, as_of_iso);
      add (load_bare, elapsed_us (t0));

      t0 = g_get_monotonic_time ();
      items = load_objects (store, as_of);
      add (load, elapsed_us (t0));
      rows = items->len;

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
    g_autofree char *what = g_strdup_printf ("PostgreSQL: load the list (store query as a chair, one object a row, "
                                             "chart counts): %u rows", rows);
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
