/* SPDX-License-Identifier: GPL-3.0-or-later */
/* store-fixture.h: a fresh database per test, and a Bolton conference ready for its vote.
 *
 * The backend comes from the environment: without QUORUM_TEST_PG each test gets a new SQLite
 * file in a temporary folder; with QUORUM_TEST_PG naming a PostgreSQL database as its superuser
 * (a conninfo string, as build-aux/pg-cluster prints: "host=/tmp/… port=5432 dbname=quorum
 * user=postgres"), each test gets a new database of that server, copied (CREATE DATABASE …
 * TEMPLATE) from one the process made once and gave Quorum's schema and roles as
 * `quorum-cli admin init` does, and dropped after. The same test then runs on either backend;
 * what only a file has (modes, WAL, bytes) is skipped on PostgreSQL, saying why. */
#pragma once

#include <stdlib.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include "store/quorum-store.h"
#include "store/quorum-db.h"
#include "store/quorum-store-private.h"
#ifdef QUORUM_HAVE_POSTGRES
#include "store/postgres/quorum-pg-schema.h"
#endif

typedef struct
{
  char        *dir;
  char        *path;     /* the SQLite file, or the PostgreSQL database's conninfo */
  char        *pg_name;  /* PostgreSQL: the test's database */
  QuorumStore *store;
} StoreFixture;

/* Whether this run's stores are PostgreSQL databases. */
static inline gboolean
store_fixture_is_postgres (void)
{
  const char *pg = g_getenv ("QUORUM_TEST_PG");

  return pg != NULL && *pg != '\0';
}

/* Skips the rest of a test on PostgreSQL, saying why: for what only a SQLite file has. Returns
 * TRUE when the test should return. */
static inline gboolean
store_fixture_sqlite_only (const char *why)
{
  if (!store_fixture_is_postgres ())
    return FALSE;
  g_test_skip (why);
  return TRUE;
}

/* Skips a test on SQLite, saying why: for what only a server does. */
static inline gboolean
store_fixture_postgres_only (const char *why)
{
  if (store_fixture_is_postgres ())
    return FALSE;
  g_test_skip (why);
  return TRUE;
}

#ifdef QUORUM_HAVE_POSTGRES
static QuorumDb *store_fixture_pg_admin;     /* the superuser's connection to QUORUM_TEST_PG */
static char     *store_fixture_pg_template;  /* made once per process by admin init */
static guint     store_fixture_pg_serial;

/* The conninfo of database @name on QUORUM_TEST_PG's server (a later dbname= wins in libpq). */
static inline char *
store_fixture_pg_location (const char *name)
{
  return g_strdup_printf ("%s dbname=%s", g_getenv ("QUORUM_TEST_PG"), name);
}

static inline void
store_fixture_pg_admin_exec (const char *sql)
{
  g_autoptr(GError) error = NULL;

  if (!quorum_db_exec (store_fixture_pg_admin, sql, &error))
    g_error ("%s: %s", sql, error->message);
}

static void
store_fixture_pg_at_exit (void)
{
  if (store_fixture_pg_template != NULL)
    {
      g_autofree char *sql = g_strdup_printf ("DROP DATABASE IF EXISTS %s WITH (FORCE)",
                                              store_fixture_pg_template);

      quorum_db_exec (store_fixture_pg_admin, sql, NULL);
    }
  g_clear_pointer (&store_fixture_pg_admin, quorum_db_close);
}

/* The template: an empty database given Quorum's schema, roles and grants once (what `admin
 * init` does), which every test's database is copied from in a fraction of the time. */
static inline void
store_fixture_pg_ensure_template (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *location = NULL;
  QuorumDb *db;

  if (store_fixture_pg_template != NULL)
    return;
  store_fixture_pg_admin = quorum_db_open (g_getenv ("QUORUM_TEST_PG"), &error);
  g_assert_no_error (error);
  store_fixture_pg_template = g_strdup_printf ("quorum_test_template_%d", (int) getpid ());
  sql = g_strdup_printf ("CREATE DATABASE %s", store_fixture_pg_template);
  store_fixture_pg_admin_exec (sql);
  atexit (store_fixture_pg_at_exit);

  location = store_fixture_pg_location (store_fixture_pg_template);
  db = quorum_db_open (location, &error);
  g_assert_no_error (error);
  g_assert_true (quorum_pg_admin_init (db, &error));
  g_assert_no_error (error);
  quorum_db_close (db);
}

/* A new database, a copy of @template (NULL: the empty one with Quorum's schema); its name. */
static inline char *
store_fixture_pg_create (const char *template)
{
  g_autofree char *sql = NULL;
  char *name;

  store_fixture_pg_ensure_template ();
  name = g_strdup_printf ("quorum_test_%d_%u", (int) getpid (), ++store_fixture_pg_serial);
  sql = g_strdup_printf ("CREATE DATABASE %s TEMPLATE %s STRATEGY WAL_LOG", name,
                         template != NULL ? template : store_fixture_pg_template);
  store_fixture_pg_admin_exec (sql);
  return name;
}

static inline void
store_fixture_pg_drop (const char *name)
{
  g_autofree char *sql = g_strdup_printf ("DROP DATABASE IF EXISTS %s WITH (FORCE)", name);

  store_fixture_pg_admin_exec (sql);
}
#endif

static inline void
store_fixture_set_up (StoreFixture  *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("quorum-test-XXXXXX", &error);
  g_assert_no_error (error);
  if (store_fixture_is_postgres ())
    {
#ifdef QUORUM_HAVE_POSTGRES
      f->pg_name = store_fixture_pg_create (NULL);
      f->path = store_fixture_pg_location (f->pg_name);
#else
      g_error ("QUORUM_TEST_PG is set, and this build has no PostgreSQL driver");
#endif
    }
  else
    f->path = g_build_filename (f->dir, "sub", "quorum.db", NULL);
  f->store = quorum_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
}

static inline void
store_fixture_tear_down (StoreFixture  *f,
                         gconstpointer  data)
{
  g_autofree char *sub = g_path_get_dirname (f->path);
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);

  g_clear_object (&f->store);
  /* The anchor this computer keeps for the path: a later test given the same temporary name
   * (GLib's are made from the clock) or the same database name (from the pid) would otherwise
   * be told its new database replaced this one. */
  _quorum_store_write_anchor (f->path, NULL);
  if (f->pg_name != NULL)
    {
#ifdef QUORUM_HAVE_POSTGRES
      store_fixture_pg_drop (f->pg_name);
#endif
      g_clear_pointer (&f->pg_name, g_free);
    }
  else
    {
      g_unlink (f->path);
      g_unlink (wal);
      g_unlink (shm);
      g_rmdir (sub);
    }
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* Reopens the database, as a second process (or a restarted app) would. */
static inline void
store_fixture_reopen (StoreFixture *f)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->store);
  f->store = quorum_store_open (f->path, &error);
  g_assert_no_error (error);
}

/* The number in the first column of @sql's first row, read on @db. */
static inline gint64
store_fixture_count_on (QuorumDb   *db,
                        const char *sql)
{
  g_autoptr(GError) error = NULL;
  QuorumDbStmt *stmt = quorum_db_prepare (db, sql, &error);
  gint64 n = -1;

  g_assert_no_error (error);
  if (quorum_db_step (stmt, &error) == QUORUM_DB_ROW)
    n = quorum_db_column_int64 (stmt, 0);
  g_assert_no_error (error);
  quorum_db_reset (stmt);
  return n;
}

/* The same, read on the store's own connection. */
static inline gint64
store_fixture_count (QuorumStore *store,
                     const char  *sql)
{
  return store_fixture_count_on (_quorum_store_get_connection (store), sql);
}

/* Runs @sql on the store's own connection, as someone with the sqlite3 shell or psql would
 * (PostgreSQL: as the server's superuser): FALSE when the database refused it. */
static inline gboolean
store_fixture_exec (QuorumStore *store,
                    const char  *sql)
{
  g_autoptr(GError) error = NULL;

  if (quorum_db_exec (_quorum_store_get_connection (store), sql, &error))
    return TRUE;
  g_test_message ("refused: %s: %s", sql, error->message);
  return FALSE;
}

/* Makes every INSERT into @table fail, as a full disk or a fault would, until mended. SQLite:
 * a temporary trigger (outside the file); PostgreSQL: a CHECK no row meets, NOT VALID (the
 * rows there stay; verify's schema check reads triggers and their functions, not checks). */
static inline void
store_fixture_break_inserts (QuorumStore *store,
                             const char  *table)
{
  g_autofree char *sql = NULL;

  if (store_fixture_is_postgres ())
    sql = g_strdup_printf ("ALTER TABLE %s ADD CONSTRAINT test_fault CHECK (id < 0) NOT VALID", table);
  else
    sql = g_strdup_printf ("CREATE TEMP TRIGGER test_fault BEFORE INSERT ON main.%s "
                           "BEGIN SELECT RAISE(ABORT, 'disk on fire'); END", table);
  g_assert_true (store_fixture_exec (store, sql));
}

static inline void
store_fixture_mend_inserts (QuorumStore *store,
                            const char  *table)
{
  g_autofree char *sql = NULL;

  if (store_fixture_is_postgres ())
    sql = g_strdup_printf ("ALTER TABLE %s DROP CONSTRAINT test_fault", table);
  else
    sql = g_strdup ("DROP TRIGGER temp.test_fault");
  g_assert_true (store_fixture_exec (store, sql));
}

/* A digest of what the database holds, with the store closed. SQLite: the file and its WAL,
 * byte for byte; PostgreSQL: every row of every table (the server's files are its own). */
static inline char *
store_fixture_hash (StoreFixture *f)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  const char *suffixes[] = { "", "-wal" };

  g_clear_object (&f->store);
  if (f->pg_name != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GString) query = g_string_new ("SELECT concat_ws ('|'");
      g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
      QuorumDb *db = quorum_db_open (f->path, &error);
      QuorumDbStmt *stmt;

      g_assert_no_error (error);
      stmt = quorum_db_prepare (db, "SELECT quote_ident (schemaname) || '.' || quote_ident (tablename) "
                                    "FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema') "
                                    "ORDER BY 1", &error);
      g_assert_no_error (error);
      while (quorum_db_step (stmt, &error) == QUORUM_DB_ROW)
        g_ptr_array_add (tables, g_strdup (quorum_db_column_text (stmt, 0)));
      g_assert_no_error (error);
      quorum_db_reset (stmt);
      g_assert_cmpuint (tables->len, >, 10);
      for (guint i = 0; i < tables->len; i++)
        g_string_append_printf (query, ", '%s', (SELECT md5 (coalesce (string_agg (t::text, E'\\n' ORDER BY t::text), '')) "
                                       "FROM %s t)", (char *) tables->pdata[i], (char *) tables->pdata[i]);
      g_string_append (query, ")");
      stmt = quorum_db_prepare (db, query->str, &error);
      g_assert_no_error (error);
      g_assert_cmpint (quorum_db_step (stmt, &error), ==, QUORUM_DB_ROW);
      g_checksum_update (sum, (const guchar *) quorum_db_column_text (stmt, 0), -1);
      quorum_db_reset (stmt);
      quorum_db_close (db);
      return g_strdup (g_checksum_get_string (sum));
    }
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *p = g_strconcat (f->path, suffixes[i], NULL);
      g_autofree char *contents = NULL;
      gsize len = 0;

      if (g_file_get_contents (p, &contents, &len, NULL))
        g_checksum_update (sum, (const guchar *)contents, len);
      g_checksum_update (sum, (const guchar *)"|", 1);
    }
  return g_strdup (g_checksum_get_string (sum));
}

/* A copy of the whole database, with the store closed: SQLite, the file beside it as @name.db
 * (closing checkpoints the WAL into the file); PostgreSQL, a new database made from it. Returns
 * its location; store_fixture_drop_copy removes it. */
static inline char *
store_fixture_copy (StoreFixture *f,
                    const char   *name)
{
  g_clear_object (&f->store);
  if (f->pg_name != NULL)
    {
#ifdef QUORUM_HAVE_POSTGRES
      g_autofree char *copy = store_fixture_pg_create (f->pg_name);

      return store_fixture_pg_location (copy);
#endif
    }
  {
    g_autofree char *contents = NULL;
    g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
    g_autofree char *file = g_strconcat (name, ".db", NULL);
    char *copy = g_build_filename (f->dir, file, NULL);
    gsize len;

    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_get_contents (f->path, &contents, &len, NULL));
    g_assert_true (g_file_set_contents (copy, contents, len, NULL));
    return copy;
  }
}

static inline void
store_fixture_drop_copy (const char *location)
{
  _quorum_store_write_anchor (location, NULL);
  if (quorum_db_location_is_postgres (location))
    {
#ifdef QUORUM_HAVE_POSTGRES
      const char *name = strrchr (location, '=');

      g_assert_nonnull (name);
      store_fixture_pg_drop (name + 1);
#endif
    }
  else
    {
      g_autofree char *wal = g_strconcat (location, "-wal", NULL);
      g_autofree char *shm = g_strconcat (location, "-shm", NULL);

      g_unlink (location);
      g_unlink (wal);
      g_unlink (shm);
    }
}

/* What someone with the sqlite3 shell, or a superuser with psql, does to the database at
 * @location behind Quorum's back: @sqlite_sql drops what stands in its way and writes;
 * @postgres_sql runs with the triggers off (session_replication_role = replica, as a
 * superuser may), so the schema is left as it was and only the chain can tell. */
static inline void
store_fixture_tamper (const char *location,
                      const char *sqlite_sql,
                      const char *postgres_sql)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  QuorumDb *db;

  if (!quorum_db_location_is_postgres (location))
    {
      /* The sqlite3 shell: foreign keys off, as it starts. */
      sqlite3 *handle = NULL;
      char *msg = NULL;

      g_assert_cmpint (sqlite3_open (location, &handle), ==, SQLITE_OK);
      if (sqlite3_exec (handle, sqlite_sql, NULL, NULL, &msg) != SQLITE_OK)
        g_error ("tampering failed: %s: %s", sqlite_sql, msg);
      sqlite3_close (handle);
      return;
    }
  db = quorum_db_open (location, &error);
  g_assert_no_error (error);
  sql = g_strconcat ("SET session_replication_role = replica; ", postgres_sql, NULL);
  if (!quorum_db_exec (db, sql, &error))
    g_error ("tampering failed: %s: %s", sql, error->message);
  quorum_db_close (db);
}

/* Counting the commits of the store's connection from a mark on. SQLite: a commit hook on the
 * connection; PostgreSQL: every transaction id given out since, the committed ones (each write,
 * in a transaction or alone, takes one; the test's cluster runs nothing else that writes). */
typedef struct
{
  QuorumStore *store;
  int          sqlite_commits;
  gint64       pg_next_xid;
} StoreCommits;

static int
store_fixture_count_commit (void *data)
{
  ((StoreCommits *) data)->sqlite_commits++;
  return 0;
}

static inline void
store_fixture_watch_commits (QuorumStore  *store,
                             StoreCommits *commits)
{
  commits->store = store;
  commits->sqlite_commits = 0;
  commits->pg_next_xid = 0;
  if (_quorum_store_get_db (store) != NULL)
    sqlite3_commit_hook (_quorum_store_get_db (store), store_fixture_count_commit, commits);
  else
    commits->pg_next_xid = store_fixture_count (store, "SELECT pg_snapshot_xmax (pg_current_snapshot ())::text::bigint");
}

static inline int
store_fixture_commits (StoreCommits *commits)
{
  g_autofree char *sql = NULL;

  if (_quorum_store_get_db (commits->store) != NULL)
    return commits->sqlite_commits;
  sql = g_strdup_printf ("SELECT count(*) FROM generate_series (%" G_GINT64_FORMAT ", "
                         "pg_snapshot_xmax (pg_current_snapshot ())::text::bigint - 1) x "
                         "WHERE pg_xact_status (x::text::xid8) = 'committed'", commits->pg_next_xid);
  return (int) store_fixture_count (commits->store, sql);
}

static inline gint64
add_attendee (QuorumStore *store,
              gint64       conference,
              const char  *name,
              const char  *agency,
              const char  *group,
              gboolean     voting)
{
  g_autoptr(GError) error = NULL;
  QuorumAttendeeSpec spec = { .name = name, .agency = agency, .line_management = group,
                              .voting = voting, .attendance = QUORUM_ATTENDANCE_PRESENT };
  gint64 id = quorum_store_add_attendee (store, conference, &spec, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* A conference of @profile on @date for two siblings, with five voting groups (two health
 * visitors sharing one trust) and a non-voting parent. */
static inline gint64
make_conference (QuorumStore *store,
                 const char  *profile,
                 const char  *date,
                 gint64      *child1,
                 gint64      *child2)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumConference) c = NULL;
  const char *children[] = { "Amy Jones", "Ben Jones", NULL };
  QuorumConferenceSpec spec = { .kind = QUORUM_KIND_INITIAL, .chair = "R. Patel",
                                .profile_id = profile, .children = children, .case_ref = "CR-1" };
  gint64 id;

  g_assert_true (quorum_date_parse (date, "date", &spec.date, NULL));
  id = quorum_store_create_conference (store, &spec, &error);
  g_assert_no_error (error);

  add_attendee (store, id, "S. Social", "Children's Social Care", "Children's Social Care", TRUE);
  add_attendee (store, id, "A. Khan", "Greater Manchester Police", "Police", TRUE);
  add_attendee (store, id, "H. Visitor", "Bolton NHS Foundation Trust", "Bolton NHS FT", TRUE);
  add_attendee (store, id, "H. Visitor Two", "Bolton NHS Foundation Trust", "bolton nhs ft", TRUE);
  add_attendee (store, id, "T. Teacher", "St Mary's Primary School", "Education", TRUE);
  add_attendee (store, id, "P. Probation", "Probation Service", "Probation", TRUE);
  add_attendee (store, id, "M. Jones", "Family", "Family", FALSE);

  c = quorum_store_load_conference (store, id, &error);
  g_assert_no_error (error);
  if (child1)
    *child1 = ((QuorumChild *)g_ptr_array_index (c->children, 0))->id;
  if (child2)
    *child2 = ((QuorumChild *)g_ptr_array_index (c->children, 1))->id;
  return id;
}

static inline gint64
vote (QuorumStore *store,
      gint64       conference,
      gint64       child,
      const char  *group,
      QuorumView   view,
      guint        categories,
      const char  *reason)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumConference) c = quorum_store_load_conference (store, conference, NULL);
  QuorumVoteSpec spec = { .child_id = child, .group = group, .view = view,
                          .categories = categories, .reason = reason };
  gint64 id;

  /* The vote is a last resort: the conference first records an attempt that reached no
   * consensus. A dissenting view needs its reason: where a test does not look at a group's
   * reasons, these words stand in for them. */
  if (c != NULL && quorum_conference_last_attempt (c, child) == NULL)
    {
      QuorumAttemptSpec attempt = { .child_id = child, .summary = "The views differ.",
                                    .agreed = QUORUM_VIEW_NONE };

      quorum_store_add_attempt (store, conference, &attempt, &error);
      g_assert_no_error (error);
    }
  if (spec.reason == NULL && (view == QUORUM_VIEW_PLAN || view == QUORUM_VIEW_NO_PLAN))
    spec.reason = "As discussed at the conference.";

  id = quorum_store_record_vote (store, conference, &spec, &error);
  g_assert_no_error (error);
  return id;
}

static inline void
no_consensus (QuorumStore *store,
              gint64       conference,
              gint64       child)
{
  g_autoptr(GError) error = NULL;
  QuorumAttemptSpec spec = { .child_id = child, .summary = "Views differ on the risk of neglect.",
                             .agreed = QUORUM_VIEW_NONE };

  quorum_store_add_attempt (store, conference, &spec, &error);
  g_assert_no_error (error);
}
