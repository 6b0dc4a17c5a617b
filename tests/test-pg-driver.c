/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-pg-driver.c: the libpq driver of the statement layer against a real server (a throwaway
 * cluster started by build-aux/pg-cluster, named by $QUORUM_PG): placeholders, bindings, rows,
 * NULL and UTF-8, transactions, a real serialization failure read as BUSY and retried, the
 * schema's sign-off trigger read as FINALISED, and NOTIFY reaching another connection. */

#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store/postgres/quorum-db-postgres.h"
#include "store/postgres/quorum-pg-schema.h"
#include "store/quorum-store-private.h"

static const char *conninfo;

static QuorumDb *
connect (void)
{
  g_autoptr(GError) error = NULL;
  QuorumDb *db = quorum_db_postgres_open (conninfo, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  return db;
}

static void
exec_ok (QuorumDb   *db,
         const char *sql)
{
  g_autoptr(GError) error = NULL;

  gboolean ok = quorum_db_exec (db, sql, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
}

static gint64
scalar (QuorumDb   *db,
        const char *sql)
{
  g_autoptr(GError) error = NULL;
  QuorumDbStmt *stmt = quorum_db_prepare (db, sql, &error);
  gint64 value;

  g_assert_no_error (error);
  g_assert_cmpint (quorum_db_step (stmt, &error), ==, QUORUM_DB_ROW);
  value = quorum_db_column_int64 (stmt, 0);
  g_assert_cmpint (quorum_db_step (stmt, &error), ==, QUORUM_DB_DONE);
  quorum_db_reset (stmt);
  return value;
}

static void
test_rewrite (void)
{
  struct { const char *in, *out; int n; } cases[] = {
    { "SELECT ?", "SELECT $1", 1 },
    { "INSERT INTO t (a, b) VALUES (?, ?) RETURNING id", "INSERT INTO t (a, b) VALUES ($1, $2) RETURNING id", 2 },
    { "SELECT '?', ? -- why?\n, \"what?\", ?", "SELECT '?', $1 -- why?\n, \"what?\", $2", 2 },
    { "SELECT 'it''s ?', ?", "SELECT 'it''s ?', $1", 1 },
    { "SELECT E'\\'?', ?", "SELECT E'\\'?', $1", 1 },
    { "SELECT /* a /* nested ? */ ? */ ?", "SELECT /* a /* nested ? */ ? */ $1", 1 },
    { "SELECT $$ ? $$, $tag$ ?' $tag$, ?", "SELECT $$ ? $$, $tag$ ?' $tag$, $1", 1 },
    { "SELECT x$1 FROM y WHERE z = ?", "SELECT x$1 FROM y WHERE z = $1", 1 },
    /* SQLite's numbered placeholders, as the store writes some. */
    { "UPDATE d SET a = max (a, ?2), b = ?3 WHERE id = ?1", "UPDATE d SET a = max (a, $2), b = $3 WHERE id = $1", 3 },
    { "SELECT ?2, ?, ?1", "SELECT $2, $3, $1", 3 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int n = -1;
      g_autofree char *out = quorum_db_postgres_rewrite (cases[i].in, &n);

      g_assert_cmpstr (out, ==, cases[i].out);
      g_assert_cmpint (n, ==, cases[i].n);
    }
}

static void
test_conninfo (void)
{
  g_assert_true (quorum_db_postgres_is_conninfo ("postgresql://db.example/quorum"));
  g_assert_true (quorum_db_postgres_is_conninfo ("postgres://u@h/q?sslmode=verify-full"));
  g_assert_true (quorum_db_postgres_is_conninfo ("service=quorum"));
  g_assert_true (quorum_db_postgres_is_conninfo ("host=/tmp dbname=quorum"));
  g_assert_false (quorum_db_postgres_is_conninfo ("quorum.db"));
  g_assert_false (quorum_db_postgres_is_conninfo ("/home/chair/quorum.db"));
  g_assert_true (quorum_db_postgres_is_conninfo ("sslmode=verify-full host=db.example dbname=quorum"));
  g_assert_true (quorum_db_postgres_is_conninfo ("dbname = quorum"));
  g_assert_false (quorum_db_postgres_is_conninfo ("./a=b.db"));
  g_assert_false (quorum_db_postgres_is_conninfo ("a=b.db"));
  g_assert_false (quorum_db_postgres_is_conninfo ("chairs=2.db"));
  g_assert_false (quorum_db_postgres_is_conninfo (""));
}

static void
test_rows (void)
{
  g_autoptr(GError) error = NULL;
  QuorumDb *db = connect ();
  QuorumDbStmt *insert, *select;
  const char *name = "Siân O’Brien — 子ども ✓ 👩‍⚕️";
  gint64 id1, id2;

  g_assert_cmpint (quorum_db_get_backend (db), ==, QUORUM_DB_BACKEND_POSTGRES);
  exec_ok (db, "CREATE TEMP TABLE t (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
               "n bigint, x double precision, s text)");

  insert = quorum_db_prepare (db, "INSERT INTO t (n, x, s) VALUES (?, ?, ?) RETURNING id", &error);
  g_assert_no_error (error);
  quorum_db_bind_int64 (insert, 1, G_GINT64_CONSTANT (9007199254740993));
  quorum_db_bind_double (insert, 2, 0.1);
  quorum_db_bind_text (insert, 3, name);
  g_assert_cmpint (quorum_db_step (insert, &error), ==, QUORUM_DB_ROW);
  id1 = quorum_db_column_int64 (insert, 0);
  g_assert_cmpint (quorum_db_step (insert, &error), ==, QUORUM_DB_DONE);
  g_assert_cmpint (quorum_db_changes (db), ==, 1);

  /* The same SQL is the same prepared statement, reset with its bindings cleared. */
  g_assert_true (quorum_db_prepare (db, "INSERT INTO t (n, x, s) VALUES (?, ?, ?) RETURNING id", &error) == insert);
  quorum_db_bind_null (insert, 1);
  quorum_db_bind_null (insert, 2);
  quorum_db_bind_text (insert, 3, NULL);
  g_assert_cmpint (quorum_db_step (insert, &error), ==, QUORUM_DB_ROW);
  id2 = quorum_db_column_int64 (insert, 0);
  quorum_db_reset (insert);
  g_assert_cmpint (id2, ==, id1 + 1);

  select = quorum_db_prepare (db, "SELECT id, n, x, s, s IS NULL AS missing FROM t WHERE id >= ? ORDER BY id", &error);
  g_assert_no_error (error);
  quorum_db_bind_int64 (select, 1, id1);
  g_assert_cmpint (quorum_db_step (select, &error), ==, QUORUM_DB_ROW);
  g_assert_cmpint (quorum_db_column_count (select), ==, 5);
  g_assert_cmpstr (quorum_db_column_name (select, 3), ==, "s");
  g_assert_cmpint (quorum_db_column_int64 (select, 1), ==, G_GINT64_CONSTANT (9007199254740993));
  g_assert_cmpfloat (quorum_db_column_double (select, 2), ==, 0.1);
  g_assert_cmpstr (quorum_db_column_text (select, 3), ==, name);
  g_assert_true (g_utf8_validate (quorum_db_column_text (select, 3), -1, NULL));
  g_assert_false (quorum_db_column_is_null (select, 3));
  /* Kinds as SQLite's, for the audit's canonical rows: integer, float, text. */
  g_assert_cmpint (quorum_db_column_type (select, 1), ==, QUORUM_DB_TYPE_INTEGER);
  g_assert_cmpint (quorum_db_column_type (select, 2), ==, QUORUM_DB_TYPE_FLOAT);
  g_assert_cmpint (quorum_db_column_type (select, 3), ==, QUORUM_DB_TYPE_TEXT);
  g_assert_cmpint (quorum_db_column_type (select, 4), ==, QUORUM_DB_TYPE_INTEGER);
  {
    gsize length = 0;
    const guint8 *bytes = quorum_db_column_bytes (select, 3, &length);

    g_assert_cmpuint (length, ==, strlen (name));
    g_assert_cmpmem (bytes, length, name, strlen (name));
  }
  /* A comparison reads as SQLite's would: 0 or 1. */
  g_assert_cmpstr (quorum_db_column_text (select, 4), ==, "0");
  g_assert_cmpint (quorum_db_column_int64 (select, 4), ==, 0);

  g_assert_cmpint (quorum_db_step (select, &error), ==, QUORUM_DB_ROW);
  g_assert_true (quorum_db_column_is_null (select, 1));
  g_assert_cmpint (quorum_db_column_type (select, 1), ==, QUORUM_DB_TYPE_NULL);
  g_assert_cmpint (quorum_db_column_int64 (select, 1), ==, 0);
  g_assert_cmpfloat (quorum_db_column_double (select, 2), ==, 0.0);
  g_assert_null (quorum_db_column_text (select, 3));
  g_assert_cmpint (quorum_db_column_int64 (select, 4), ==, 1);
  g_assert_cmpint (quorum_db_step (select, &error), ==, QUORUM_DB_DONE);
  g_assert_no_error (error);
  quorum_db_reset (select);

  /* A statement whose parameter the server cannot type alone is prepared with the values'. */
  select = quorum_db_prepare (db, "SELECT count(*) FROM t WHERE ? IS NULL OR s = ?", &error);
  g_assert_no_error (error);
  quorum_db_bind_null (select, 1);
  quorum_db_bind_text (select, 2, name);
  g_assert_cmpint (quorum_db_step (select, &error), ==, QUORUM_DB_ROW);
  g_assert_no_error (error);
  g_assert_cmpint (quorum_db_column_int64 (select, 0), ==, 2);
  quorum_db_reset (select);
  quorum_db_bind_text (select, 1, "x");
  quorum_db_bind_text (select, 2, name);
  g_assert_cmpint (quorum_db_step (select, &error), ==, QUORUM_DB_ROW);
  g_assert_cmpint (quorum_db_column_int64 (select, 0), ==, 1);
  quorum_db_reset (select);

  /* changes () counts an UPDATE's rows, and a SELECT leaves it alone. */
  exec_ok (db, "UPDATE t SET x = 1");
  g_assert_cmpint (quorum_db_changes (db), ==, 2);
  g_assert_cmpint (scalar (db, "SELECT count(*) FROM t"), ==, 2);
  g_assert_cmpint (quorum_db_changes (db), ==, 2);

  /* A constraint and a mistake in the SQL. */
  insert = quorum_db_prepare (db, "INSERT INTO t (id, n) OVERRIDING SYSTEM VALUE VALUES (?, 1)", &error);
  g_assert_no_error (error);
  quorum_db_bind_int64 (insert, 1, id1);
  g_assert_false (quorum_db_step_done (insert, &error));
  g_assert_error (error, QUORUM_DB_ERROR, QUORUM_DB_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_null (quorum_db_prepare (db, "SELEKT 1", &error));
  g_assert_error (error, QUORUM_DB_ERROR, QUORUM_DB_ERROR_FAILED);
  g_clear_error (&error);

  /* Several statements without parameters at once. */
  exec_ok (db, "INSERT INTO t (n) VALUES (7); INSERT INTO t (n) VALUES (8)");
  g_assert_cmpint (scalar (db, "SELECT sum(n) FROM t WHERE n IN (7, 8)"), ==, 15);
  {
    QuorumDbStmt *kinds = quorum_db_prepare (db, "SELECT sum(n), avg(n), 'x'::bytea FROM t WHERE n IN (7, 8)", &error);

    g_assert_cmpint (quorum_db_step (kinds, &error), ==, QUORUM_DB_ROW);
    gsize length = 0;
    const guint8 *bytes;

    g_assert_cmpint (quorum_db_column_type (kinds, 0), ==, QUORUM_DB_TYPE_FLOAT);  /* numeric, as quorum-db.h says */
    g_assert_cmpint (quorum_db_column_type (kinds, 1), ==, QUORUM_DB_TYPE_FLOAT);
    g_assert_cmpint (quorum_db_column_type (kinds, 2), ==, QUORUM_DB_TYPE_BLOB);
    bytes = quorum_db_column_bytes (kinds, 2, &length);
    g_assert_cmpuint (length, ==, 1);
    g_assert_cmpint (bytes[0], ==, 'x');
    quorum_db_reset (kinds);
  }

  {
    g_autofree char *user = quorum_db_dup_session_user (db);
    g_assert_cmpstr (user, ==, "postgres");
  }
  quorum_db_close (db);
}

static void
test_transactions (void)
{
  g_autoptr(GError) error = NULL;
  QuorumDb *db = connect ();
  QuorumDb *other = connect ();
  QuorumDbStmt *stmt;

  exec_ok (db, "CREATE TABLE tx (id bigint PRIMARY KEY, v text)");

  g_assert_false (quorum_db_in_transaction (db));
  g_assert_true (quorum_db_begin (db, TRUE, &error));
  g_assert_true (quorum_db_in_transaction (db));
  g_assert_false (quorum_db_begin (db, TRUE, &error));
  g_assert_error (error, QUORUM_DB_ERROR, QUORUM_DB_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_true (quorum_db_in_transaction (db));
  exec_ok (db, "INSERT INTO tx VALUES (1, 'rolled back')");
  /* Nobody else sees a transaction's writes before it commits. */
  g_assert_cmpint (scalar (other, "SELECT count(*) FROM tx"), ==, 0);
  quorum_db_rollback (db);
  g_assert_false (quorum_db_in_transaction (db));
  g_assert_cmpint (scalar (db, "SELECT count(*) FROM tx"), ==, 0);

  g_assert_true (quorum_db_begin (db, TRUE, &error));
  exec_ok (db, "INSERT INTO tx VALUES (1, 'kept')");
  g_assert_true (quorum_db_commit (db, &error));
  g_assert_no_error (error);
  g_assert_false (quorum_db_in_transaction (db));
  g_assert_cmpint (scalar (other, "SELECT count(*) FROM tx"), ==, 1);

  /* A failed statement fails the transaction: its COMMIT stores nothing and says so. */
  g_assert_true (quorum_db_begin (db, TRUE, &error));
  exec_ok (db, "INSERT INTO tx VALUES (2, 'lost')");
  g_assert_false (quorum_db_exec (db, "INSERT INTO tx VALUES (1, 'again')", &error));
  g_assert_error (error, QUORUM_DB_ERROR, QUORUM_DB_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_false (quorum_db_commit (db, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (quorum_db_in_transaction (db));
  g_assert_cmpint (scalar (other, "SELECT count(*) FROM tx"), ==, 1);

  /* A statement the server types only from its values, first prepared inside a transaction,
   * leaves the transaction whole. */
  g_assert_true (quorum_db_begin (db, TRUE, &error));
  exec_ok (db, "INSERT INTO tx VALUES (3, 'typed')");
  stmt = quorum_db_prepare (db, "SELECT count(*) FROM tx WHERE ? IS NULL OR v = ?", &error);
  g_assert_no_error (error);
  quorum_db_bind_text (stmt, 1, "x");
  quorum_db_bind_text (stmt, 2, "typed");
  g_assert_cmpint (quorum_db_step (stmt, &error), ==, QUORUM_DB_ROW);
  g_assert_no_error (error);
  g_assert_cmpint (quorum_db_column_int64 (stmt, 0), ==, 1);
  quorum_db_reset (stmt);
  g_assert_true (quorum_db_commit (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (scalar (other, "SELECT count(*) FROM tx"), ==, 2);

  /* A reader's transaction sees one snapshot, and writes nothing. */
  g_assert_true (quorum_db_begin (db, FALSE, &error));
  g_assert_cmpint (scalar (db, "SELECT count(*) FROM tx"), ==, 2);
  exec_ok (other, "INSERT INTO tx VALUES (4, 'meanwhile')");
  g_assert_cmpint (scalar (db, "SELECT count(*) FROM tx"), ==, 2);
  g_assert_false (quorum_db_exec (db, "INSERT INTO tx VALUES (5, 'no')", &error));
  g_assert_error (error, QUORUM_DB_ERROR, QUORUM_DB_ERROR_READ_ONLY);
  g_clear_error (&error);
  quorum_db_rollback (db);
  g_assert_cmpint (scalar (db, "SELECT count(*) FROM tx"), ==, 3);

  /* The server refuses a role: PERMISSION. */
  exec_ok (db, "CREATE ROLE nobody_here NOLOGIN");
  exec_ok (db, "SET ROLE nobody_here");
  g_assert_false (quorum_db_exec (db, "SELECT * FROM tx", &error));
  g_assert_error (error, QUORUM_DB_ERROR, QUORUM_DB_ERROR_PERMISSION);
  g_clear_error (&error);
  exec_ok (db, "RESET ROLE");

  exec_ok (db, "DROP TABLE tx; DROP ROLE nobody_here");
  quorum_db_close (other);
  quorum_db_close (db);
}

/* One append to a chain, as the store appends to its audit log: read the last, write the next. */
static gboolean
append (QuorumDb    *db,
        const char  *who,
        GError     **error)
{
  QuorumDbStmt *stmt = quorum_db_prepare (db, "SELECT id FROM chain ORDER BY id DESC LIMIT 1", error);
  gint64 last = 0;

  if (stmt == NULL)
    return FALSE;
  if (quorum_db_step (stmt, error) == QUORUM_DB_ROW)
    last = quorum_db_column_int64 (stmt, 0);
  quorum_db_reset (stmt);
  stmt = quorum_db_prepare (db, "INSERT INTO chain (id, who) VALUES (?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  quorum_db_bind_int64 (stmt, 1, last + 1);
  quorum_db_bind_text (stmt, 2, who);
  return quorum_db_step_done (stmt, error);
}

static void
test_busy (void)
{
  g_autoptr(GError) error = NULL;
  QuorumDb *a = connect ();
  QuorumDb *b = connect ();
  int attempts = 0;
  gboolean done = FALSE;

  exec_ok (a, "CREATE TABLE chain (id bigint PRIMARY KEY, who text NOT NULL)");
  exec_ok (a, "INSERT INTO chain VALUES (1, 'genesis')");

  /* Two writers read the same last entry; the first commits; the second's write is a real
   * serialization failure on the server, read as BUSY. */
  g_assert_true (quorum_db_begin (a, TRUE, &error));
  g_assert_true (quorum_db_begin (b, TRUE, &error));
  {
    QuorumDbStmt *stmt = quorum_db_prepare (b, "SELECT id FROM chain ORDER BY id DESC LIMIT 1", &error);
    g_assert_cmpint (quorum_db_step (stmt, &error), ==, QUORUM_DB_ROW);
    g_assert_cmpint (quorum_db_column_int64 (stmt, 0), ==, 1);
    quorum_db_reset (stmt);
  }
  g_assert_true (append (a, "a", &error));
  g_assert_true (quorum_db_commit (a, &error));
  g_assert_no_error (error);

  /* b, as the store does: the whole transaction again while BUSY. */
  while (!done)
    {
      attempts++;
      if (attempts > 1 && !quorum_db_begin (b, TRUE, &error))
        break;
      if (append (b, "b", &error) && quorum_db_commit (b, &error))
        done = TRUE;
      else
        {
          g_assert_error (error, QUORUM_DB_ERROR, QUORUM_DB_ERROR_BUSY);
          g_test_message ("attempt %d: %s", attempts, error->message);
          g_clear_error (&error);
          quorum_db_rollback (b);
        }
      g_assert_cmpint (attempts, <, 5);
    }
  g_assert_no_error (error);
  g_assert_true (done);
  g_assert_cmpint (attempts, ==, 2);
  g_assert_cmpint (scalar (a, "SELECT count(*) FROM chain"), ==, 3);
  g_assert_cmpint (scalar (a, "SELECT id FROM chain WHERE who = 'b'"), ==, 3);

  /* A write skew (each reads what the other writes) fails one of them at commit. */
  g_assert_true (quorum_db_begin (a, TRUE, &error));
  g_assert_true (quorum_db_begin (b, TRUE, &error));
  g_assert_cmpint (scalar (a, "SELECT count(*) FROM chain WHERE who = 'b'"), ==, 1);
  g_assert_cmpint (scalar (b, "SELECT count(*) FROM chain WHERE who = 'a'"), ==, 1);
  exec_ok (a, "INSERT INTO chain VALUES (10, 'a')");
  exec_ok (b, "INSERT INTO chain VALUES (11, 'b')");
  g_assert_true (quorum_db_commit (a, &error));
  g_assert_false (quorum_db_commit (b, &error));
  g_assert_error (error, QUORUM_DB_ERROR, QUORUM_DB_ERROR_BUSY);
  g_clear_error (&error);
  g_assert_false (quorum_db_in_transaction (b));
  g_assert_cmpint (scalar (b, "SELECT count(*) FROM chain WHERE id = 11"), ==, 0);

  exec_ok (a, "DROP TABLE chain");
  quorum_db_close (b);
  quorum_db_close (a);
}

static void
test_finalised (void)
{
  g_autoptr(GError) error = NULL;
  QuorumDb *db = connect ();
  gint64 conference;

  /* The schema in a schema of its own, so the roles test's database stays empty. */
  exec_ok (db, "DROP SCHEMA IF EXISTS driver_test CASCADE; CREATE SCHEMA driver_test; "
               "SET search_path = driver_test");
  g_assert_true (quorum_pg_schema_create (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (scalar (db, "SELECT max(version) FROM schema_migration"), ==, QUORUM_PG_SCHEMA_VERSION);

  /* Each row with its audit entry, in the same transaction (schema 12: test-pg-actor). */
  exec_ok (db, "INSERT INTO conference (kind, date, chair, profile, created_at, created_by) "
               "VALUES ('initial', '2026-11-20', 'A. Chair', 'bolton', 'now', 'postgres'); "
               "SELECT quorum_audit_write ('insert', 'conference', (SELECT max(id) FROM conference), 'made')");
  conference = scalar (db, "SELECT max(id) FROM conference");
  exec_ok (db, "INSERT INTO child (conference_id, position, name) SELECT max(id), 1, 'Sam' FROM conference; "
               "SELECT quorum_audit_write ('insert', 'child', (SELECT max(id) FROM child), 'made')");
  exec_ok (db, "UPDATE conference SET finalised_at = '2026-11-20T12:00:00Z', finalised_by = 'postgres'; "
               "SELECT quorum_audit_write ('update', 'conference', (SELECT max(id) FROM conference), 'signed off')");
  /* … and without it, refused at COMMIT, nothing written. */
  g_assert_false (quorum_db_exec (db, "INSERT INTO conference (kind, date, chair, profile, created_at, created_by) "
                                      "VALUES ('initial', '2026-11-21', 'A. Chair', 'bolton', 'now', 'postgres')", &error));
  g_assert_error (error, QUORUM_DB_ERROR, QUORUM_DB_ERROR_PERMISSION);
  g_assert_true (g_str_has_suffix (error->message, "was written without its audit entry, so nothing was recorded: the "
                                   "record is written through Quorum, which logs each row as it stands in the same transaction"));
  g_clear_error (&error);
  g_assert_cmpint (scalar (db, "SELECT count(*) FROM conference"), ==, 1);

  /* The sign-off trigger refuses, with SQLite's words, read as FINALISED. */
  g_assert_false (quorum_db_exec (db, "INSERT INTO child (conference_id, position, name) "
                               "SELECT max(id), 2, 'Alex' FROM conference", &error));
  g_assert_error (error, QUORUM_DB_ERROR, QUORUM_DB_ERROR_FINALISED);
  g_assert_cmpstr (error->message, ==, "quorum: the conference is finalised");
  g_clear_error (&error);
  g_assert_false (quorum_db_exec (db, "UPDATE conference SET venue = 'elsewhere'", &error));
  g_assert_error (error, QUORUM_DB_ERROR, QUORUM_DB_ERROR_FINALISED);
  g_clear_error (&error);
  g_assert_false (quorum_db_exec (db, "DELETE FROM child", &error));
  g_assert_error (error, QUORUM_DB_ERROR, QUORUM_DB_ERROR_FINALISED);
  g_assert_cmpstr (error->message, ==, "quorum: records are never deleted");
  g_clear_error (&error);

  /* The audit log is append-only, even to its owner. */
  exec_ok (db, "INSERT INTO audit (id, at, \"user\", action, entity, entity_id, summary, prev_hash, hash) "
               "SELECT 4, 'now', 'postgres', 'insert', 'closure_day', 1, 'made', hash, 'h4' FROM audit WHERE id = 3");
  /* PostgreSQL only: the chain continues from its last entry, or the server refuses. */
  g_assert_false (quorum_db_exec (db, "INSERT INTO audit (id, at, \"user\", action, entity, entity_id, summary, prev_hash, hash) "
                               "VALUES (5, 'now', 'postgres', 'insert', 'closure_day', 1, 'forked', 'h0', 'h5')", &error));
  g_assert_error (error, QUORUM_DB_ERROR, QUORUM_DB_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_false (quorum_db_exec (db, "INSERT INTO audit (id, at, \"user\", action, entity, entity_id, summary, prev_hash, hash) "
                               "VALUES (6, 'now', 'postgres', 'insert', 'closure_day', 1, 'a gap', 'h4', 'h6')", &error));
  g_assert_error (error, QUORUM_DB_ERROR, QUORUM_DB_ERROR_CONSTRAINT);
  g_clear_error (&error);
  exec_ok (db, "INSERT INTO audit (id, at, \"user\", action, entity, entity_id, summary, prev_hash, hash) "
               "VALUES (5, 'now', 'postgres', 'insert', 'closure_day', 1, 'next', 'h4', 'h5')");
  g_assert_false (quorum_db_exec (db, "UPDATE audit SET summary = 'rewritten'", &error));
  g_assert_error (error, QUORUM_DB_ERROR, QUORUM_DB_ERROR_FINALISED);
  g_assert_cmpstr (error->message, ==, "quorum: the audit log is append-only");
  g_clear_error (&error);
  g_assert_false (quorum_db_exec (db, "TRUNCATE audit, audit_mac", &error));
  g_assert_error (error, QUORUM_DB_ERROR, QUORUM_DB_ERROR_FINALISED);
  g_clear_error (&error);
  g_assert_cmpint (conference, >, 0);

  exec_ok (db, "RESET search_path; DROP SCHEMA driver_test CASCADE");
  quorum_db_close (db);
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Every object of SQLite's schema at its newest version, as "kind name" lines, sorted: tables
 * with each column's type and nullability, indexes with their columns, triggers by name. */
static char *
sqlite_objects (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_true (_quorum_store_migrate (db, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
    "SELECT 'column ' || m.name || '.' || c.name || ' ' || lower (c.type) || "
    "       CASE WHEN c.\"notnull\" OR c.pk THEN ' not null' ELSE '' END "
    "FROM sqlite_schema m, pragma_table_info (m.name) c WHERE m.type = 'table' "
    "UNION ALL SELECT 'index ' || m.name || ' on ' || m.tbl_name || ' (' || "
    "       (SELECT group_concat (name, ', ') FROM (SELECT name FROM pragma_index_info (m.name) ORDER BY seqno)) || ')' "
    "FROM sqlite_schema m WHERE m.type = 'index' AND m.sql IS NOT NULL "
    "UNION ALL SELECT 'trigger ' || name || ' on ' || tbl_name FROM sqlite_schema WHERE type = 'trigger'",
    -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (lines, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_ptr_array_sort (lines, compare_lines);
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

static void
test_same_schema (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *want = sqlite_objects ();
  g_autofree char *have = NULL;
  QuorumDb *db = connect ();
  QuorumDbStmt *stmt;

  exec_ok (db, "DROP SCHEMA IF EXISTS same_test CASCADE; CREATE SCHEMA same_test; SET search_path = same_test");
  g_assert_true (quorum_pg_schema_create (db, &error));
  g_assert_no_error (error);

  /* PostgreSQL's own additions are left out: the migrations table (SQLite's user_version), the
   * server's audit key and its trigger (SQLite's key is outside the file),
   * the indexes behind UNIQUE and PRIMARY KEY (SQLite's automatic ones), the TRUNCATE
   * triggers, the chain's and the live updates'. Types: SQLite's integer is a bigint, text is text. */
  stmt = quorum_db_prepare (db,
    "SELECT 'column ' || c.table_name || '.' || c.column_name || ' ' || "
    "       CASE c.data_type WHEN 'bigint' THEN 'integer' ELSE c.data_type END || "
    "       CASE WHEN c.is_nullable = 'NO' THEN ' not null' ELSE '' END "
    "FROM information_schema.columns c "
    "WHERE c.table_schema = 'same_test' AND c.table_name NOT IN ('schema_migration', 'audit_key') "
    "UNION ALL SELECT 'index ' || i.relname || ' on ' || t.relname || ' (' || "
    "       (SELECT string_agg (a.attname, ', ' ORDER BY k.n) FROM unnest (x.indkey) WITH ORDINALITY k (attnum, n) "
    "        JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum) || ')' "
    "FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid "
    "JOIN pg_namespace n ON n.oid = t.relnamespace "
    "WHERE n.nspname = 'same_test' AND NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conindid = x.indexrelid) "
    "UNION ALL SELECT 'trigger ' || g.tgname || ' on ' || t.relname "
    "FROM pg_trigger g JOIN pg_class t ON t.oid = g.tgrelid JOIN pg_namespace n ON n.oid = t.relnamespace "
    "WHERE n.nspname = 'same_test' AND NOT g.tgisinternal AND g.tgname NOT LIKE '%\\_no\\_truncate' "
    "AND g.tgname NOT LIKE '%\\_notify' "
    "AND g.tgname NOT IN ('audit_continues', 'audit_keyed') "
    /* 12: the server's guard against a client writing the record by hand (SQLite's writer
     * holds the whole file; its chain and verify are the guard there) */
    "AND g.tgname NOT LIKE '%\\_audited' AND g.tgname NOT LIKE '%\\_actor' "
    /* 13: the server's guard of a conference for its chair, and of its hand-over (a SQLite file
     * has one chair) */
    "AND g.tgname NOT LIKE '%\\_its\\_chair' AND g.tgname <> 'conference_handover_check'", &error);
  g_assert_no_error (error);
  while (quorum_db_step (stmt, &error) == QUORUM_DB_ROW)
    g_ptr_array_add (lines, g_strdup (quorum_db_column_text (stmt, 0)));
  g_assert_no_error (error);
  quorum_db_reset (stmt);
  g_ptr_array_sort (lines, compare_lines);
  g_ptr_array_add (lines, NULL);
  have = g_strjoinv ("\n", (char **) lines->pdata);

  g_test_message ("SQLite's schema: %u lines", g_strv_length ((char **) lines->pdata));
  g_assert_cmpstr (have, ==, want);
  /* SQLite's functions the store's SQL uses, under their SQLite names. */
  g_assert_cmpint (scalar (db, "SELECT max (2, 5) + min (2, 5) * 10"), ==, 25);
  g_assert_cmpint (scalar (db, "SELECT instr ('plan,interim-plan', 'interim')"), ==, 6);
  g_assert_cmpint (scalar (db, "SELECT length (group_concat (x, ', ')) FROM (VALUES ('ab'), (NULL), ('cd')) v (x)"), ==, 6);
  g_assert_cmpint (scalar (db, "SELECT max (x) FROM (VALUES (3), (9)) v (x)"), ==, 9);

  exec_ok (db, "RESET search_path; DROP SCHEMA same_test CASCADE");
  quorum_db_close (db);
}

/* One recorded attempt and its audit entry in one transaction, as the store records: read the
 * chain's last entry and the child's last round, write the next of each. Retried while BUSY.
 * Returns the number of attempts it took, 0 on another failure. */
static int
record_one (QuorumDb    *db,
            gint64       conference,
            gint64       child,
            const char  *summary,
            GError     **error)
{
  for (int attempt = 1; attempt <= 100; attempt++)
    {
      g_autoptr(GError) local = NULL;
      g_autofree char *prev = NULL;
      g_autofree char *hash = NULL;
      g_autofree char *text = NULL;
      QuorumDbStmt *stmt;
      gint64 last = 0, round = 0, id = 0;

      if (!quorum_db_begin (db, TRUE, &local))
        goto failed;
      if ((stmt = quorum_db_prepare (db, "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1", &local)) == NULL)
        goto failed;
      if (quorum_db_step (stmt, &local) == QUORUM_DB_ROW)
        {
          last = quorum_db_column_int64 (stmt, 0);
          prev = g_strdup (quorum_db_column_text (stmt, 1));
        }
      quorum_db_reset (stmt);
      if (local != NULL)
        goto failed;
      if ((stmt = quorum_db_prepare (db, "SELECT coalesce (max (round), 0) FROM attempt WHERE child_id = ?", &local)) == NULL)
        goto failed;
      quorum_db_bind_int64 (stmt, 1, child);
      if (quorum_db_step (stmt, &local) == QUORUM_DB_ROW)
        round = quorum_db_column_int64 (stmt, 0);
      quorum_db_reset (stmt);
      if (local != NULL)
        goto failed;
      if ((stmt = quorum_db_prepare (db, "INSERT INTO attempt (conference_id, child_id, round, summary, agreed, "
                                  "recorded_at, recorded_by) VALUES (?, ?, ?, ?, 'none', 'now', session_user) "
                                  "RETURNING id", &local)) == NULL)
        goto failed;
      quorum_db_bind_int64 (stmt, 1, conference);
      quorum_db_bind_int64 (stmt, 2, child);
      quorum_db_bind_int64 (stmt, 3, round + 1);
      quorum_db_bind_text (stmt, 4, summary);
      if (quorum_db_step (stmt, &local) == QUORUM_DB_ROW)
        id = quorum_db_column_int64 (stmt, 0);
      quorum_db_reset (stmt);
      if (local != NULL)
        goto failed;
      if (prev == NULL)
        prev = g_strnfill (64, '0');
      text = g_strdup_printf ("%s|%s", prev, summary);
      hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
      /* The row as it stands in the entry (schema 12 refuses the COMMIT otherwise). */
      if ((stmt = quorum_db_prepare (db, "INSERT INTO audit (id, at, \"user\", action, entity, entity_id, conference_id, "
                                  "summary, data, row_hash, prev_hash, hash) SELECT ?, 'now', session_user, 'insert', "
                                  "'attempt', a.id, ?, ?, c.d, encode (sha256 (convert_to (c.d, 'UTF8')), 'hex'), ?, ? "
                                  "FROM attempt a, LATERAL (SELECT quorum_audit_canonical ('attempt'::regclass, "
                                  "to_jsonb (a)) AS d) c WHERE a.id = ?", &local)) == NULL)
        goto failed;
      quorum_db_bind_int64 (stmt, 1, last + 1);
      quorum_db_bind_int64 (stmt, 2, conference);
      quorum_db_bind_text (stmt, 3, summary);
      quorum_db_bind_text (stmt, 4, prev);
      quorum_db_bind_text (stmt, 5, hash);
      quorum_db_bind_int64 (stmt, 6, id);
      if (!quorum_db_step_done (stmt, &local))
        goto failed;
      if (quorum_db_commit (db, &local))
        return attempt;

    failed:
      quorum_db_rollback (db);
      if (!g_error_matches (local, QUORUM_DB_ERROR, QUORUM_DB_ERROR_BUSY))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return 0;
        }
      g_usleep (g_random_int_range (0, 2000));
    }
  g_set_error_literal (error, QUORUM_DB_ERROR, QUORUM_DB_ERROR_BUSY, "still busy after 100 attempts");
  return 0;
}

/* Four writer processes and a reader, on one conference or on one each, for a bounded time (issue 12, "concurrent
 * writers"): a serialization failure is retried, never shown; no acknowledged write is lost; the
 * reader never sees an attempt without its audit entry (a torn transaction); the chain has no
 * fork and no gap. QUORUM_PG_RACE_SECONDS lengthens it (default 2). */
static void
four_writers (gboolean many)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("quorum-pg-race-XXXXXX", NULL);
  g_autofree char *in_schema = g_strdup_printf ("%s options=-csearch_path=race_test", conninfo);
  const char *seconds_env = g_getenv ("QUORUM_PG_RACE_SECONDS");
  double seconds = seconds_env != NULL ? g_ascii_strtod (seconds_env, NULL) : 2.0;
  QuorumDb *db = connect ();
  gint64 conferences[4], children[4], acknowledged = 0, reads = 0;
  GPid pids[4];

  exec_ok (db, "DROP SCHEMA IF EXISTS race_test CASCADE; CREATE SCHEMA race_test; SET search_path = race_test");
  g_assert_true (quorum_pg_schema_create (db, &error));
  g_assert_no_error (error);
  /* One conference for all four, or one each (then they meet only at the chain's head). */
  for (int w = 0; w < 4; w++)
    {
      if (w == 0 || many)
        {
          exec_ok (db, "INSERT INTO conference (kind, date, chair, profile, created_at, created_by) "
                       "VALUES ('initial', '2026-11-20', 'A. Chair', 'bolton', 'now', 'postgres'); "
                       "SELECT quorum_audit_write ('insert', 'conference', (SELECT max (id) FROM conference), 'made')");
          exec_ok (db, "INSERT INTO child (conference_id, position, name) SELECT max (id), 1, 'Sam' FROM conference; "
                       "SELECT quorum_audit_write ('insert', 'child', (SELECT max (id) FROM child), 'made')");
        }
      conferences[w] = scalar (db, "SELECT max (id) FROM conference");
      children[w] = scalar (db, "SELECT max (id) FROM child");
    }
  quorum_db_close (db);

  for (int w = 0; w < 4; w++)
    {
      pid_t pid = fork ();

      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          g_autoptr(GError) local = NULL;
          g_autofree char *path = g_strdup_printf ("%s/writer-%d", dir, w);
          g_autoptr(GString) acks = g_string_new (NULL);
          QuorumDb *mine = quorum_db_postgres_open (in_schema, &local);
          gint64 until = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);
          int n = 0, retries = 0, tries;

          if (mine == NULL)
            _exit (10);
          while (g_get_monotonic_time () < until)
            {
              g_autofree char *summary = g_strdup_printf ("w%d-%d", w, ++n);

              tries = record_one (mine, conferences[w], children[w], summary, &local);
              if (tries == 0)
                {
                  g_printerr ("writer %d: %s\n", w, local->message);
                  _exit (11);
                }
              retries += tries - 1;
              /* Acknowledged: written to the file only after COMMIT returned. */
              g_string_append_printf (acks, "%s\n", summary);
              g_file_set_contents (path, acks->str, -1, NULL);
            }
          g_string_append_printf (acks, "retries %d\n", retries);
          g_file_set_contents (path, acks->str, -1, NULL);
          quorum_db_close (mine);
          _exit (0);
        }
      pids[w] = pid;
    }

  /* The reader: each snapshot has as many attempts as audit entries of attempts. */
  db = quorum_db_postgres_open (in_schema, &error);
  g_assert_no_error (error);
  {
    gint64 until = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

    while (g_get_monotonic_time () < until)
      {
        g_assert_true (quorum_db_begin (db, FALSE, &error));
        g_assert_cmpint (scalar (db, "SELECT count (*) FROM attempt"), ==,
                         scalar (db, "SELECT count (*) FROM audit WHERE entity = 'attempt'"));
        quorum_db_rollback (db);
        reads++;
      }
  }
  for (int w = 0; w < 4; w++)
    {
      int status = 0;

      g_assert_cmpint (waitpid (pids[w], &status, 0), ==, pids[w]);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
    }

  /* No acknowledged write is lost. */
  for (int w = 0; w < 4; w++)
    {
      g_autofree char *path = g_strdup_printf ("%s/writer-%d", dir, w);
      g_autofree char *contents = NULL;
      g_auto(GStrv) lines = NULL;

      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      lines = g_strsplit (contents, "\n", -1);
      for (guint i = 0; lines[i] != NULL && *lines[i] != '\0'; i++)
        {
          g_autofree char *sql = NULL;

          if (g_str_has_prefix (lines[i], "retries "))
            {
              g_test_message ("writer %d: %u recorded, %s", w, i, lines[i]);
              continue;
            }
          sql = g_strdup_printf ("SELECT count (*) FROM attempt a JOIN audit u ON u.entity_id = a.id "
                                 "AND u.entity = 'attempt' WHERE a.summary = '%s' AND u.summary = '%s'",
                                 lines[i], lines[i]);
          g_assert_cmpint (scalar (db, sql), ==, 1);
          acknowledged++;
        }
      g_unlink (path);
    }
  g_rmdir (dir);

  /* Nothing but the acknowledged; rounds 1…n; the chain 1…n, each entry on the one before. */
  g_assert_cmpint (scalar (db, "SELECT count (*) FROM attempt"), ==, acknowledged);
  g_assert_cmpint (scalar (db, "SELECT count (*) FROM (SELECT count (*) AS n, max (round) AS top, "
                               "count (DISTINCT round) AS rounds FROM attempt GROUP BY child_id) c "
                               "WHERE n <> top OR n <> rounds"), ==, 0);
  g_assert_cmpint (scalar (db, "SELECT max (id) FROM audit"), ==,
                   acknowledged + scalar (db, "SELECT count (*) FROM audit WHERE entity <> 'attempt'"));
  g_assert_cmpint (scalar (db, "SELECT count (*) FROM (SELECT prev_hash, lag (hash) OVER (ORDER BY id) AS before, id "
                               "FROM audit) c WHERE prev_hash IS DISTINCT FROM coalesce (before, repeat ('0', 64))"), ==, 0);
  g_assert_cmpint (acknowledged, >, 4);
  g_test_message ("4 writers on %s, %.1f s: %" G_GINT64_FORMAT " recorded (%.0f a second), %" G_GINT64_FORMAT
                  " consistent snapshots read", many ? "four conferences" : "one conference", seconds, acknowledged, acknowledged / seconds, reads);

  exec_ok (db, "RESET search_path; DROP SCHEMA race_test CASCADE");
  quorum_db_close (db);
}

static char *
check_problems (QuorumDb *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

  quorum_pg_schema_check (db, problems, &error);
  g_assert_no_error (error);
  g_ptr_array_add (problems, NULL);
  return g_strjoinv ("\n", (char **) problems->pdata);
}

/* verify on PostgreSQL finds the triggers weakened behind Quorum's back (by a superuser, the
 * only one who can). */
static void
test_schema_check (void)
{
  g_autoptr(GError) error = NULL;
  QuorumDb *db = connect ();
  char *problems;

  exec_ok (db, "DROP SCHEMA IF EXISTS check_test CASCADE; CREATE SCHEMA check_test; SET search_path = check_test");
  g_assert_true (quorum_pg_schema_create (db, &error));
  g_assert_no_error (error);
  problems = check_problems (db);
  g_assert_cmpstr (problems, ==, "");
  g_free (problems);

  exec_ok (db, "ALTER TABLE audit DISABLE TRIGGER audit_no_update");
  problems = check_problems (db);
  g_assert_cmpstr (problems, ==, "Schema: trigger audit_no_update is disabled (outside Quorum)");
  g_free (problems);
  exec_ok (db, "ALTER TABLE audit ENABLE TRIGGER audit_no_update");

  exec_ok (db, "DROP TRIGGER vote_finalised_update ON vote");
  exec_ok (db, "CREATE TRIGGER vote_finalised_update BEFORE UPDATE ON vote FOR EACH ROW "
               "WHEN (false) EXECUTE FUNCTION quorum_finalised_guard ()");
  exec_ok (db, "DROP TRIGGER decision_no_delete ON decision");
  exec_ok (db, "CREATE TRIGGER audit_quietly AFTER INSERT ON audit FOR EACH ROW EXECUTE FUNCTION quorum_refuse ('x')");
  exec_ok (db, "CREATE OR REPLACE FUNCTION quorum_refuse () RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$");
  problems = check_problems (db);
  g_test_message ("%s", problems);
  g_assert_nonnull (strstr (problems, "Schema: trigger vote_finalised_update differs from what this version of Quorum makes"));
  g_assert_nonnull (strstr (problems, "Schema: trigger decision_no_delete is missing (removed outside Quorum)"));
  g_assert_nonnull (strstr (problems, "Schema: trigger audit_quietly is not Quorum's (added outside Quorum)"));
  g_assert_nonnull (strstr (problems, "Schema: function quorum_refuse differs from what this version of Quorum makes"));
  g_free (problems);

  /* A trigger function that would find a caller's temporary table first (a chair's TEMP TABLE
   * conference standing in for the real one in the sign-off guard) is found. */
  exec_ok (db, "ALTER FUNCTION quorum_finalised_guard () RESET search_path");
  problems = check_problems (db);
  g_assert_nonnull (strstr (problems, "Schema: function quorum_finalised_guard would read a caller's temporary tables"));
  g_free (problems);

  /* The server's check of the keys, replaced by one that always passes, is found too
   * (docs/notes/pgkey.md). */
  exec_ok (db, "CREATE OR REPLACE FUNCTION quorum_audit_check (OUT checked bigint, OUT bad_entry bigint, "
               "OUT problem text) LANGUAGE sql AS $$ SELECT 0::bigint, NULL::bigint, NULL::text $$");
  problems = check_problems (db);
  g_assert_nonnull (strstr (problems, "Schema: function quorum_audit_check differs from what this version of Quorum makes"));
  g_free (problems);

  exec_ok (db, "RESET search_path; DROP SCHEMA check_test CASCADE");
  quorum_db_close (db);
}

static void
test_four_writers (void)
{
  four_writers (FALSE);
}

static void
test_four_writers_many (void)
{
  four_writers (TRUE);
}

typedef struct
{
  GPtrArray *heard;
  gint64     at;
} Heard;

static void
heard_cb (const char *channel,
          const char *payload,
          gpointer    user_data)
{
  Heard *heard = user_data;

  g_ptr_array_add (heard->heard, g_strdup_printf ("%s:%s", channel, payload));
  heard->at = g_get_monotonic_time ();
}

static gboolean
wait_for (Heard *heard,
          guint  n,
          gint64 usec)
{
  gint64 until = g_get_monotonic_time () + usec;

  while (heard->heard->len < n && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (1000), TRUE);
  return heard->heard->len >= n;
}

static void
test_notify (void)
{
  g_autoptr(GError) error = NULL;
  QuorumDb *writer = connect ();
  QuorumDb *reader = connect ();
  Heard heard = { g_ptr_array_new_with_free_func (g_free), 0 };
  gint64 sent;
  guint id;

  g_assert_true (quorum_db_listen (reader, "referral", &error));
  g_assert_no_error (error);
  id = quorum_db_watch (reader, heard_cb, &heard, NULL);
  g_assert_cmpuint (id, >, 0);

  /* Sent inside a transaction: heard only once it commits. */
  g_assert_true (quorum_db_begin (writer, TRUE, &error));
  g_assert_true (quorum_db_notify (writer, "referral", "42", &error));
  g_assert_true (quorum_db_notify (writer, "conference", "7", &error));
  g_assert_false (wait_for (&heard, 1, G_USEC_PER_SEC / 5));
  sent = g_get_monotonic_time ();
  g_assert_true (quorum_db_commit (writer, &error));
  g_assert_true (wait_for (&heard, 1, G_USEC_PER_SEC));
  g_assert_cmpstr (heard.heard->pdata[0], ==, "referral:42");
  g_test_message ("NOTIFY heard after %.1f ms", (heard.at - sent) / 1000.0);
  g_assert_cmpint (heard.at - sent, <, G_USEC_PER_SEC);
  /* Not listened to: not heard. */
  g_assert_false (wait_for (&heard, 2, G_USEC_PER_SEC / 5));

  /* Rolled back: never sent. */
  g_assert_true (quorum_db_begin (writer, TRUE, &error));
  g_assert_true (quorum_db_notify (writer, "referral", "never", &error));
  quorum_db_rollback (writer);
  g_assert_false (wait_for (&heard, 2, G_USEC_PER_SEC / 5));

  /* The connection drops (the server ends its session): the watch makes it again, says that
   * anything may have changed (an empty payload), and hears what comes next. */
  {
    g_autofree char *sql = NULL;
    QuorumDbStmt *stmt = quorum_db_prepare (reader, "SELECT pg_backend_pid ()", &error);
    gint64 pid;

    g_assert_cmpint (quorum_db_step (stmt, &error), ==, QUORUM_DB_ROW);
    pid = quorum_db_column_int64 (stmt, 0);
    quorum_db_reset (stmt);
    sql = g_strdup_printf ("SELECT pg_terminate_backend (%" G_GINT64_FORMAT ")", pid);
    exec_ok (writer, sql);
  }
  /* First that it was lost (an empty channel; the connection's failure says the server cannot
   * be reached: a window that only reads shows its banner, pgapp2.md), then that it is back. */
  g_assert_true (wait_for (&heard, 3, 5 * G_USEC_PER_SEC));
  g_assert_cmpstr (heard.heard->pdata[1], ==, ":");
  g_assert_cmpstr (heard.heard->pdata[2], ==, "referral:");
  g_assert_true (quorum_db_notify (writer, "referral", "43", &error));
  g_assert_true (wait_for (&heard, 4, G_USEC_PER_SEC));
  g_assert_cmpstr (heard.heard->pdata[3], ==, "referral:43");
  /* And the reader's statements work on the new session (prepared again). */
  g_assert_cmpint (scalar (reader, "SELECT 1 + 1"), ==, 2);

  g_source_remove (id);
  quorum_db_close (reader);
  quorum_db_close (writer);
  g_ptr_array_unref (heard.heard);
}

/* Authentication is libpq's: a password the server asks for and libpq does not have is reported
 * as such (for the app to ask a person), a wrong one is PERMISSION, a right one (typed, or in a
 * .pgpass file) connects; a service file's name ("service=…") is a whole connection. */
static void
test_password (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *as_pat = g_strdup_printf ("%s user=pat", conninfo);
  g_autofree char *dir = g_dir_make_tmp ("quorum-pgpass-XXXXXX", NULL);
  g_autofree char *pgpass = g_build_filename (dir, "pgpass", NULL);
  g_autofree char *line = NULL;
  gboolean needs_password = FALSE;
  QuorumDb *admin = connect ();
  QuorumDb *db;

  exec_ok (admin, "SET password_encryption = 'scram-sha-256'; "
                  "CREATE ROLE pat LOGIN PASSWORD 'correct horse' IN ROLE password_login");
  g_setenv ("PGPASSFILE", "/nonexistent", TRUE);

  g_assert_null (quorum_db_postgres_open_full (as_pat, NULL, &needs_password, &error));
  g_assert_error (error, QUORUM_DB_ERROR, QUORUM_DB_ERROR_PERMISSION);
  g_assert_true (needs_password);
  g_clear_error (&error);

  g_assert_null (quorum_db_postgres_open_full (as_pat, "battery staple", &needs_password, &error));
  g_assert_error (error, QUORUM_DB_ERROR, QUORUM_DB_ERROR_PERMISSION);
  g_test_message ("a wrong password: %s", error->message);
  g_assert_nonnull (strstr (error->message, "password authentication failed"));
  g_clear_error (&error);

  db = quorum_db_postgres_open_full (as_pat, "correct horse", &needs_password, &error);
  g_assert_no_error (error);
  g_assert_false (needs_password);
  {
    g_autofree char *user = quorum_db_dup_session_user (db);
    g_assert_cmpstr (user, ==, "pat");
  }
  quorum_db_close (db);

  /* .pgpass: host (the socket's folder), port, database, user, password. */
  line = g_strdup_printf ("*:*:quorum:pat:correct horse\n");
  g_assert_true (g_file_set_contents (pgpass, line, -1, NULL));
  g_assert_cmpint (g_chmod (pgpass, 0600), ==, 0);
  g_setenv ("PGPASSFILE", pgpass, TRUE);
  db = quorum_db_postgres_open (as_pat, &error);
  g_assert_no_error (error);
  quorum_db_close (db);

  /* A service file names the server, the database and the user: "service=NAME" as --db. */
  {
    g_autofree char *services = g_build_filename (dir, "pg_service.conf", NULL);
    g_autofree char *host = NULL;
    g_autofree char *text = NULL;
    QuorumDbStmt *stmt;

    stmt = quorum_db_prepare (admin, "SELECT current_setting ('unix_socket_directories')", &error);
    g_assert_cmpint (quorum_db_step (stmt, &error), ==, QUORUM_DB_ROW);
    host = g_strdup (quorum_db_column_text (stmt, 0));
    quorum_db_reset (stmt);
    text = g_strdup_printf ("[quorum-test]\nhost=%s\ndbname=quorum\nuser=pat\n", host);
    g_assert_true (g_file_set_contents (services, text, -1, NULL));
    g_setenv ("PGSERVICEFILE", services, TRUE);
    g_assert_true (quorum_db_postgres_is_conninfo ("service=quorum-test"));
    db = quorum_db_postgres_open ("service=quorum-test", &error);
    g_assert_no_error (error);
    {
      g_autofree char *user = quorum_db_dup_session_user (db);
      g_assert_cmpstr (user, ==, "pat");
    }
    quorum_db_close (db);
    g_unsetenv ("PGSERVICEFILE");
    g_remove (services);
  }

  g_unsetenv ("PGPASSFILE");
  g_remove (pgpass);
  g_rmdir (dir);
  exec_ok (admin, "DROP ROLE pat");
  quorum_db_close (admin);
}

/* Live updates whoever writes: the schema's triggers notify "conference" with the conference's
 * id when its record changes (a vote written by psql would do the same), once per transaction. */
static void
test_notify_by_schema (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *in_schema = g_strdup_printf ("%s options=-csearch_path=live_test", conninfo);
  QuorumDb *writer = connect ();
  QuorumDb *reader;
  Heard heard = { g_ptr_array_new_with_free_func (g_free), 0 };
  g_autofree char *expected = NULL;
  gint64 conference, sent;
  guint id;

  exec_ok (writer, "DROP SCHEMA IF EXISTS live_test CASCADE; CREATE SCHEMA live_test; SET search_path = live_test");
  g_assert_true (quorum_pg_schema_create (writer, &error));
  g_assert_no_error (error);
  exec_ok (writer, "INSERT INTO conference (kind, date, chair, profile, created_at, created_by) "
                   "VALUES ('initial', '2026-11-20', 'A. Chair', 'bolton', 'now', 'postgres'); "
                   "SELECT quorum_audit_write ('insert', 'conference', (SELECT max (id) FROM conference), 'made')");
  conference = scalar (writer, "SELECT max (id) FROM conference");
  exec_ok (writer, "INSERT INTO child (conference_id, position, name) SELECT max (id), 1, 'Sam' FROM conference; "
                   "SELECT quorum_audit_write ('insert', 'child', (SELECT max (id) FROM child), 'made')");

  reader = quorum_db_postgres_open (in_schema, &error);
  g_assert_no_error (error);
  g_assert_true (quorum_db_listen (reader, "conference", &error));
  g_assert_true (quorum_db_listen (reader, "referral", &error));
  id = quorum_db_watch (reader, heard_cb, &heard, NULL);

  /* A vote and a split decision's referral, in one transaction. */
  sent = g_get_monotonic_time ();
  g_assert_true (quorum_db_begin (writer, TRUE, &error));
  exec_ok (writer, "INSERT INTO vote (conference_id, child_id, grp, grp_key, view, recorded_at, recorded_by) "
                   "SELECT max (conference_id), max (id), 'Police', 'police', 'plan', 'now', 'postgres' FROM child");
  exec_ok (writer, "UPDATE vote SET view = 'no-plan'");
  exec_ok (writer, "INSERT INTO referral (conference_id, child_id, due) "
                   "SELECT max (conference_id), max (id), '2026-11-27' FROM child");
  exec_ok (writer, "SELECT quorum_audit_write ('update', 'vote', (SELECT max (id) FROM vote), 'voted'), "
                   "quorum_audit_write ('insert', 'referral', (SELECT max (id) FROM referral), 'referred')");
  g_assert_true (quorum_db_commit (writer, &error));
  g_assert_true (wait_for (&heard, 2, G_USEC_PER_SEC));
  g_test_message ("heard after %.1f ms", (heard.at - sent) / 1000.0);
  expected = g_strdup_printf ("conference:%" G_GINT64_FORMAT, conference);
  g_assert_cmpstr (heard.heard->pdata[0], ==, expected);
  g_assert_true (g_str_has_prefix (heard.heard->pdata[1], "referral:"));
  /* Three rows of one conference, one notification. */
  g_assert_false (wait_for (&heard, 3, G_USEC_PER_SEC / 5));

  g_source_remove (id);
  quorum_db_close (reader);
  exec_ok (writer, "RESET search_path; DROP SCHEMA live_test CASCADE");
  quorum_db_close (writer);
  g_ptr_array_unref (heard.heard);
}

/* The bench of issue 12 at the statement layer: a vote's transaction as the store writes it (the
 * chain's head read; the group's view upserted; the audit entry written, keyed by the server;
 * SERIALIZABLE) against a bare prepared INSERT committed alone, on the same server. Only with
 * QUORUM_PG_BENCH=N (votes); run under PG_CLUSTER_DURABLE=1 for durable commits. */
static void
test_bench (void)
{
  g_autoptr(GError) error = NULL;
  const char *env = g_getenv ("QUORUM_PG_BENCH");
  int n = env != NULL ? atoi (env) : 0;
  QuorumDb *db;
  QuorumDbStmt *stmt;
  gint64 child, start;
  double bare, vote;

  if (n <= 0)
    {
      g_test_skip ("QUORUM_PG_BENCH=N runs it");
      return;
    }
  db = connect ();
  exec_ok (db, "DROP SCHEMA IF EXISTS bench_test CASCADE; CREATE SCHEMA bench_test; SET search_path = bench_test");
  g_assert_true (quorum_pg_schema_create (db, &error));
  exec_ok (db, "CREATE TABLE bare (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, v text NOT NULL)");
  exec_ok (db, "INSERT INTO conference (kind, date, chair, profile, created_at, created_by) "
               "VALUES ('initial', '2026-11-20', 'A. Chair', 'bolton', 'now', 'postgres'); "
               "SELECT quorum_audit_write ('insert', 'conference', (SELECT max (id) FROM conference), 'made')");
  exec_ok (db, "INSERT INTO child (conference_id, position, name) SELECT max (id), 1, 'Sam' FROM conference; "
               "SELECT quorum_audit_write ('insert', 'child', (SELECT max (id) FROM child), 'made')");
  child = scalar (db, "SELECT max (id) FROM child");
  {
    QuorumDbStmt *show = quorum_db_prepare (db, "SELECT current_setting ('synchronous_commit') || ', fsync ' || current_setting ('fsync')", &error);
    quorum_db_step (show, &error);
    g_test_message ("synchronous_commit %s", quorum_db_column_text (show, 0));
    quorum_db_reset (show);
  }

  start = g_get_monotonic_time ();
  for (int i = 0; i < n; i++)
    {
      stmt = quorum_db_prepare (db, "INSERT INTO bare (v) VALUES (?)", &error);
      quorum_db_bind_text (stmt, 1, "plan");
      g_assert_true (quorum_db_step_done (stmt, &error));
    }
  bare = (g_get_monotonic_time () - start) / (double) n;

  start = g_get_monotonic_time ();
  for (int i = 0; i < n; i++)
    {
      g_autofree char *group = g_strdup_printf ("group %d", i % 8);
      g_autofree char *prev = NULL;
      g_autofree char *hash = NULL;
      gint64 last = 0, vote_id = 0;

      g_assert_true (quorum_db_begin (db, TRUE, &error));
      stmt = quorum_db_prepare (db, "INSERT INTO vote (conference_id, child_id, grp, grp_key, view, recorded_at, recorded_by) "
                             "VALUES (?, ?, ?, ?, 'plan', 'now', 'postgres') ON CONFLICT (child_id, grp_key) "
                             "DO UPDATE SET view = excluded.view, recorded_at = excluded.recorded_at RETURNING id", &error);
      quorum_db_bind_int64 (stmt, 1, 1);
      quorum_db_bind_int64 (stmt, 2, child);
      quorum_db_bind_text (stmt, 3, group);
      quorum_db_bind_text (stmt, 4, group);
      g_assert_cmpint (quorum_db_step (stmt, &error), ==, QUORUM_DB_ROW);
      vote_id = quorum_db_column_int64 (stmt, 0);
      quorum_db_reset (stmt);
      stmt = quorum_db_prepare (db, "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1", &error);
      if (quorum_db_step (stmt, &error) == QUORUM_DB_ROW)
        {
          last = quorum_db_column_int64 (stmt, 0);
          prev = g_strdup (quorum_db_column_text (stmt, 1));
        }
      quorum_db_reset (stmt);
      if (prev == NULL)
        prev = g_strnfill (64, '0');
      hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, group, -1);
      /* The row as it stands in its entry (schema 12 refuses the COMMIT otherwise). */
      stmt = quorum_db_prepare (db, "INSERT INTO audit (id, at, \"user\", action, entity, entity_id, conference_id, summary, "
                             "data, row_hash, prev_hash, hash) SELECT ?, 'now', 'postgres', 'insert', 'vote', v.id, 1, "
                             "'vote', c.d, encode (sha256 (convert_to (c.d, 'UTF8')), 'hex'), ?, ? FROM vote v, LATERAL "
                             "(SELECT quorum_audit_canonical ('vote'::regclass, to_jsonb (v)) AS d) c WHERE v.id = ?", &error);
      quorum_db_bind_int64 (stmt, 1, last + 1);
      quorum_db_bind_text (stmt, 2, prev);
      quorum_db_bind_text (stmt, 3, hash);
      quorum_db_bind_int64 (stmt, 4, vote_id);
      /* The server keys the entry and moves the head (the trigger audit_keyed), as for the store. */
      g_assert_true (quorum_db_step_done (stmt, &error));
      g_assert_true (quorum_db_commit (db, &error));
      g_assert_no_error (error);
    }
  vote = (g_get_monotonic_time () - start) / (double) n;

  g_test_message ("bench: bare prepared INSERT %.3f ms; a vote's transaction %.3f ms; ratio %.2f (%d each)",
                  bare / 1000.0, vote / 1000.0, vote / bare, n);
  exec_ok (db, "RESET search_path; DROP SCHEMA bench_test CASCADE");
  quorum_db_close (db);
}

static void
close_cb (const char *channel,
          const char *payload,
          gpointer    user_data)
{
  QuorumDb **db = user_data;

  /* The first notification closes the connection from inside the watch's callback. */
  g_assert_nonnull (*db);
  quorum_db_close (*db);
  *db = NULL;
}

static void
test_notify_close (void)
{
  g_autoptr(GError) error = NULL;
  QuorumDb *writer = connect ();
  QuorumDb *reader = connect ();
  gint64 until;

  g_assert_true (quorum_db_listen (reader, "referral", &error));
  quorum_db_watch (reader, close_cb, &reader, NULL);
  g_assert_true (quorum_db_begin (writer, TRUE, &error));
  g_assert_true (quorum_db_notify (writer, "referral", "1", &error));
  g_assert_true (quorum_db_notify (writer, "referral", "2", &error));
  g_assert_true (quorum_db_commit (writer, &error));
  until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (1000), TRUE);
  /* Heard once (the second is not delivered to a closed connection), and nothing crashed. */
  g_assert_null (reader);
  quorum_db_close (writer);
}

/* Through the statement layer's own dispatch (quorum-db.c), as the store calls it. */
static void
test_dispatch (void)
{
  g_autoptr(GError) error = NULL;
  QuorumDb *db = quorum_db_postgres_open (conninfo, &error);
  QuorumDbStmt *stmt;

  g_assert_no_error (error);
  g_assert_cmpint (quorum_db_get_backend (db), ==, QUORUM_DB_BACKEND_POSTGRES);
  g_assert_true (quorum_db_exec (db, "CREATE TEMP TABLE v (id bigint GENERATED ALWAYS AS IDENTITY, grp text)", &error));
  g_assert_true (quorum_db_begin (db, TRUE, &error));
  stmt = quorum_db_prepare (db, "INSERT INTO v (grp) VALUES (?1) RETURNING id", &error);
  g_assert_no_error (error);
  quorum_db_bind_text (stmt, 1, "Police");
  g_assert_cmpint (quorum_db_step (stmt, &error), ==, QUORUM_DB_ROW);
  g_assert_cmpint (quorum_db_column_int64 (stmt, 0), ==, 1);
  g_assert_cmpint (quorum_db_column_type (stmt, 0), ==, QUORUM_DB_TYPE_INTEGER);
  quorum_db_reset (stmt);
  g_assert_true (quorum_db_commit (db, &error));
  g_assert_no_error (error);
  {
    g_autofree char *user = quorum_db_dup_session_user (db);
    g_assert_cmpstr (user, ==, "postgres");
  }
  /* A failure is the layer's last error too. */
  g_assert_false (quorum_db_exec (db, "SELECT * FROM no_such_table", &error));
  g_assert_nonnull (quorum_db_get_last_error (db));
  g_clear_error (&error);
  quorum_db_close (db);
}

static gint64
backend_pid (QuorumDb *db)
{
  return scalar (db, "SELECT pg_backend_pid ()");
}

/* Working offline is honest (issue 12): a connection lost before COMMIT's answer is asked about
 * on a new session, and the transaction is reported stored only if the server says so. */
static void
test_commit_lost (void)
{
  g_autoptr(GError) error = NULL;
  QuorumDb *db = connect ();
  QuorumDb *other = connect ();
  g_autofree char *kill = NULL;

  exec_ok (db, "CREATE TABLE lost (v text)");
  g_assert_true (quorum_db_begin (db, TRUE, &error));
  exec_ok (db, "INSERT INTO lost VALUES ('vote')");
  kill = g_strdup_printf ("SELECT pg_terminate_backend (%" G_GINT64_FORMAT ")", backend_pid (db));
  exec_ok (other, kill);
  g_usleep (G_USEC_PER_SEC / 10);
  g_assert_false (quorum_db_commit (db, &error));
  g_assert_error (error, QUORUM_DB_ERROR, QUORUM_DB_ERROR_UNAVAILABLE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "nothing of it was stored"));
  g_clear_error (&error);
  g_assert_false (quorum_db_in_transaction (db));
  /* The same connection works again, on a new session, and the server holds nothing of it. */
  g_assert_cmpint (scalar (db, "SELECT count (*) FROM lost"), ==, 0);

  /* A transaction that did commit is reported stored. */
  g_assert_true (quorum_db_begin (db, TRUE, &error));
  exec_ok (db, "INSERT INTO lost VALUES ('kept')");
  g_assert_true (quorum_db_commit (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (scalar (other, "SELECT count (*) FROM lost"), ==, 1);
  exec_ok (db, "DROP TABLE lost");
  quorum_db_close (other);
  quorum_db_close (db);
}

static QuorumDbStmt *
prepared (QuorumDb   *db,
          const char *sql)
{
  g_autoptr(GError) error = NULL;
  QuorumDbStmt *stmt = quorum_db_prepare (db, sql, &error);

  g_assert_no_error (error);
  return stmt;
}

/* One write transaction's commands through the writers' lock (docs/notes/pgvote2.md). */
static void
write_one (QuorumDb   *db,
           const char *value)
{
  g_autoptr(GError) error = NULL;
  QuorumDbStmt *insert = prepared (db, "INSERT INTO commands (v) VALUES (?)");
  gboolean committed;

  g_assert_true (quorum_db_begin (db, TRUE, &error));
  quorum_db_bind_text (insert, 1, value);
  g_assert_true (quorum_db_send_done (insert, &error));
  committed = quorum_db_commit (db, &error);
  g_assert_no_error (error);
  g_assert_true (committed);
}

/* The commands every transaction sends (BEGIN's parts, the writers' lock, COMMIT) are prepared
 * on the server once a session, in the pipeline that first runs them, and run by name after
 * that: the server no longer parses and plans them for every vote (docs/notes/pgvote2.md). No
 * round trip more for it, and a new session prepares them again. */
static void
test_commands_prepared_once (void)
{
  g_autoptr(GError) error = NULL;
  QuorumDb *db = connect ();
  QuorumDb *other = connect ();
  QuorumDbStmt *count;
  g_autofree char *kill = NULL;
  guint64 trips;
  const char *ours = "SELECT count (*) FROM pg_prepared_statements WHERE name IN ('quorum_begin_write', "
                     "'quorum_lock_timeout', 'quorum_lock', 'quorum_no_lock_timeout', 'quorum_xact_id', "
                     "'quorum_commit')";

  quorum_db_postgres_set_one_writer (db, TRUE);
  exec_ok (db, "CREATE TABLE commands (v text)");
  g_assert_cmpint (scalar (db, ours), ==, 0);
  write_one (db, "first");
  g_assert_cmpint (scalar (db, ours), ==, 6);
  /* Two transactions later each has run three times, by name, and is still one statement. */
  trips = quorum_db_get_round_trips (db);
  write_one (db, "second");
  write_one (db, "third");
  g_assert_cmpuint (quorum_db_get_round_trips (db) - trips, ==, 2);
  g_assert_cmpint (scalar (db, ours), ==, 6);
  g_assert_cmpint (scalar (db, "SELECT generic_plans + custom_plans FROM pg_prepared_statements "
                               "WHERE name = 'quorum_lock'"), ==, 3);
  g_assert_cmpint (scalar (other, "SELECT count (*) FROM commands"), ==, 3);

  /* A reader's BEGIN too. */
  g_assert_true (quorum_db_begin (db, FALSE, &error));
  count = prepared (db, "SELECT count (*) FROM commands");
  g_assert_cmpint (quorum_db_step (count, &error), ==, QUORUM_DB_ROW);
  quorum_db_reset (count);
  g_assert_true (quorum_db_commit (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (scalar (db, "SELECT count (*) FROM pg_prepared_statements WHERE name = 'quorum_begin_read'"), ==, 1);

  /* A new session knows none of them: the transaction's first trip (without COMMIT: nothing of
   * it was on the server) goes again on a new session, preparing them again, and the writes go
   * on. */
  kill = g_strdup_printf ("SELECT pg_terminate_backend (%" G_GINT64_FORMAT ")", backend_pid (db));
  exec_ok (other, kill);
  g_usleep (G_USEC_PER_SEC / 10);
  g_assert_true (quorum_db_begin (db, TRUE, &error));
  count = prepared (db, "SELECT count (*) FROM commands");
  g_assert_cmpint (quorum_db_step (count, &error), ==, QUORUM_DB_ROW);
  g_assert_no_error (error);
  g_assert_cmpint (quorum_db_column_int64 (count, 0), ==, 3);
  quorum_db_reset (count);
  g_assert_true (quorum_db_commit (db, &error));
  g_assert_no_error (error);
  write_one (db, "after a new session");
  g_assert_cmpint (scalar (db, ours), ==, 6);
  g_assert_cmpint (scalar (other, "SELECT count (*) FROM commands"), ==, 4);
  exec_ok (db, "DROP TABLE commands");
  quorum_db_close (other);
  quorum_db_close (db);
}

/* Fewer round trips (docs/notes/pgvote.md): statements sent (quorum_db_send, _send_done) go to
 * the server together with the statement or COMMIT that makes the next trip, in one pipeline,
 * in the order sent; the writers' BEGIN and lock go with the transaction's first statements; a
 * failure of any of them fails that call, and nothing of the transaction is stored. */
static void
test_pipeline (void)
{
  g_autoptr(GError) error = NULL;
  QuorumDb *db = connect ();
  QuorumDb *other = connect ();
  QuorumDbStmt *count, *first, *insert, *back, *later, *fourth, *dup;
  g_autofree char *kill = NULL;
  guint64 trips;
  gint64 id = 0;

  quorum_db_postgres_set_one_writer (db, TRUE);
  exec_ok (db, "CREATE TABLE piped (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, v text UNIQUE)");
  exec_ok (db, "INSERT INTO piped (v) VALUES ('first')");
  /* Prepared once per connection, as the store's statements are. */
  count = prepared (db, "SELECT count (*) FROM piped");
  first = prepared (db, "SELECT v FROM piped WHERE id = ?");
  insert = prepared (db, "INSERT INTO piped (v) VALUES (?) RETURNING id");
  back = prepared (db, "SELECT id, v FROM piped WHERE v = ?");
  later = prepared (db, "INSERT INTO piped (v) VALUES (?)");
  fourth = prepared (db, "INSERT INTO piped (v) SELECT ?");
  dup = prepared (db, "INSERT INTO piped (v) SELECT ? WHERE true");

  /* BEGIN and the lock, two reads, an insert and its read-back: one round trip; then an insert
   * nobody reads, with COMMIT: one more. */
  trips = quorum_db_get_round_trips (db);
  g_assert_true (quorum_db_begin (db, TRUE, &error));
  g_assert_cmpuint (quorum_db_get_round_trips (db), ==, trips);
  quorum_db_bind_int64 (first, 1, 1);
  quorum_db_bind_text (insert, 1, "second");
  quorum_db_bind_text (back, 1, "second");
  g_assert_true (quorum_db_send (count, &error));
  g_assert_true (quorum_db_send (first, &error));
  g_assert_true (quorum_db_send (insert, &error));
  g_assert_true (quorum_db_send (back, &error));
  g_assert_cmpuint (quorum_db_get_round_trips (db), ==, trips);
  g_assert_cmpint (quorum_db_step (count, &error), ==, QUORUM_DB_ROW);
  g_assert_cmpuint (quorum_db_get_round_trips (db), ==, trips + 1);
  g_assert_cmpint (quorum_db_column_int64 (count, 0), ==, 1);
  g_assert_cmpint (quorum_db_step (first, &error), ==, QUORUM_DB_ROW);
  g_assert_cmpstr (quorum_db_column_text (first, 0), ==, "first");
  g_assert_cmpint (quorum_db_step (insert, &error), ==, QUORUM_DB_ROW);
  id = quorum_db_column_int64 (insert, 0);
  /* Sent after the insert, run after it: it sees the new row. */
  g_assert_cmpint (quorum_db_step (back, &error), ==, QUORUM_DB_ROW);
  g_assert_cmpint (quorum_db_column_int64 (back, 0), ==, id);
  g_assert_cmpint (quorum_db_step (back, &error), ==, QUORUM_DB_DONE);
  g_assert_no_error (error);
  g_assert_cmpuint (quorum_db_get_round_trips (db), ==, trips + 1);
  quorum_db_bind_text (later, 1, "third");
  g_assert_true (quorum_db_send_done (later, &error));
  /* Not run yet: another session sees nothing, this one nothing more. */
  g_assert_cmpint (scalar (other, "SELECT count (*) FROM piped"), ==, 1);
  g_assert_cmpuint (quorum_db_get_round_trips (db), ==, trips + 1);
  g_assert_true (quorum_db_commit (db, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (quorum_db_get_round_trips (db), ==, trips + 2);
  g_assert_false (quorum_db_in_transaction (db));
  g_assert_cmpint (scalar (other, "SELECT count (*) FROM piped"), ==, 3);

  /* A sent insert refused (a unique value): COMMIT fails with its failure and stores nothing of
   * the transaction, the insert sent before it included. */
  g_assert_true (quorum_db_begin (db, TRUE, &error));
  quorum_db_bind_text (fourth, 1, "fourth");
  quorum_db_bind_text (dup, 1, "first");
  g_assert_true (quorum_db_send_done (fourth, &error));
  g_assert_true (quorum_db_send_done (dup, &error));
  g_assert_false (quorum_db_commit (db, &error));
  g_assert_error (error, QUORUM_DB_ERROR, QUORUM_DB_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_false (quorum_db_get_conflicted (db));
  g_assert_false (quorum_db_in_transaction (db));
  g_assert_cmpint (scalar (other, "SELECT count (*) FROM piped"), ==, 3);
  g_assert_cmpint (scalar (other, "SELECT count (*) FROM piped WHERE v = 'fourth'"), ==, 0);

  /* The statement that carries a failed one fails with its failure (the server skipped it). */
  g_assert_true (quorum_db_begin (db, TRUE, &error));
  dup = prepared (db, "INSERT INTO piped (v) SELECT ? WHERE true");
  quorum_db_bind_text (dup, 1, "first");
  g_assert_true (quorum_db_send_done (dup, &error));
  count = prepared (db, "SELECT count (*) FROM piped");
  g_assert_cmpint (quorum_db_step (count, &error), ==, QUORUM_DB_FAILED);
  g_assert_error (error, QUORUM_DB_ERROR, QUORUM_DB_ERROR_CONSTRAINT);
  g_clear_error (&error);
  quorum_db_rollback (db);
  g_assert_false (quorum_db_in_transaction (db));

  /* A session lost while the BEGIN waited for its first statement: nothing of the transaction
   * was on the server, so it goes on a new session. */
  kill = g_strdup_printf ("SELECT pg_terminate_backend (%" G_GINT64_FORMAT ")", backend_pid (db));
  trips = quorum_db_get_round_trips (db);
  g_assert_true (quorum_db_begin (db, TRUE, &error));
  g_assert_cmpuint (quorum_db_get_round_trips (db), ==, trips);
  exec_ok (other, kill);
  g_usleep (G_USEC_PER_SEC / 10);
  count = prepared (db, "SELECT count (*) FROM piped");
  g_assert_cmpint (quorum_db_step (count, &error), ==, QUORUM_DB_ROW);
  g_assert_no_error (error);
  g_assert_cmpint (quorum_db_column_int64 (count, 0), ==, 3);
  quorum_db_reset (count);
  later = prepared (db, "INSERT INTO piped (v) VALUES (?)");
  quorum_db_bind_text (later, 1, "after the lost session");
  g_assert_true (quorum_db_send_done (later, &error));
  g_assert_true (quorum_db_commit (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (scalar (other, "SELECT count (*) FROM piped"), ==, 4);

  /* The session lost before the COMMIT that carried the last insert: asked on a new session, and
   * reported stored only if the server says so (here: nothing of it was). */
  g_clear_pointer (&kill, g_free);
  kill = g_strdup_printf ("SELECT pg_terminate_backend (%" G_GINT64_FORMAT ")", backend_pid (db));
  g_assert_true (quorum_db_begin (db, TRUE, &error));
  count = prepared (db, "SELECT count (*) FROM piped");
  g_assert_cmpint (quorum_db_step (count, &error), ==, QUORUM_DB_ROW);
  quorum_db_reset (count);
  later = prepared (db, "INSERT INTO piped (v) VALUES (?)");
  quorum_db_bind_text (later, 1, "lost with its session");
  g_assert_true (quorum_db_send_done (later, &error));
  exec_ok (other, kill);
  g_usleep (G_USEC_PER_SEC / 10);
  g_assert_false (quorum_db_commit (db, &error));
  g_assert_error (error, QUORUM_DB_ERROR, QUORUM_DB_ERROR_UNAVAILABLE);
  g_assert_nonnull (strstr (error->message, "nothing of it was stored"));
  g_clear_error (&error);
  g_assert_false (quorum_db_in_transaction (db));
  g_assert_cmpint (scalar (db, "SELECT count (*) FROM piped"), ==, 4);

  /* The writers' lock waited for in vain (another holds it; 10 s): BUSY, and not a conflict to
   * run again (a lock waited for at BEGIN, as SQLite's busy timeout). */
    {
      exec_ok (other, "SELECT pg_advisory_lock (89564822795629)");
      g_assert_true (quorum_db_begin (db, TRUE, &error));
      count = prepared (db, "SELECT count (*) FROM piped");
      g_assert_cmpint (quorum_db_step (count, &error), ==, QUORUM_DB_FAILED);
      g_assert_error (error, QUORUM_DB_ERROR, QUORUM_DB_ERROR_BUSY);
      g_clear_error (&error);
      g_assert_false (quorum_db_get_conflicted (db));
      quorum_db_rollback (db);
      exec_ok (other, "SELECT pg_advisory_unlock (89564822795629)");
    }

  exec_ok (other, "DROP TABLE piped");
  quorum_db_close (other);
  quorum_db_close (db);
}

/* The server ended the session while nobody was asking (a restart, an administrator, an idle
 * timeout): the next read, write or transaction goes on a new session at once, and does not fail
 * once first. Nothing was sent to the old session, so nothing is in doubt. */
static void
test_session_ended (void)
{
  g_autoptr(GError) error = NULL;
  QuorumDb *db = connect ();
  QuorumDb *other = connect ();
  QuorumDbStmt *count;
  QuorumDbStmt *fresh;

  exec_ok (db, "CREATE TABLE ended (v text)");
  exec_ok (db, "INSERT INTO ended VALUES ('one')");
  count = prepared (db, "SELECT count (*) FROM ended");
  g_assert_cmpint (quorum_db_step (count, &error), ==, QUORUM_DB_ROW);
  quorum_db_reset (count);

  for (guint round = 0; round < 3; round++)
    {
      g_autofree char *kill = g_strdup_printf ("SELECT pg_terminate_backend (%" G_GINT64_FORMAT ")", backend_pid (db));

      exec_ok (other, kill);
      g_usleep (G_USEC_PER_SEC / 5);
      switch (round)
        {
        case 0:
          /* A statement prepared on the old session, read outside a transaction. */
          g_assert_cmpint (quorum_db_step (count, &error), ==, QUORUM_DB_ROW);
          g_assert_no_error (error);
          g_assert_cmpint (quorum_db_column_int64 (count, 0), ==, 1);
          quorum_db_reset (count);
          break;
        case 1:
          /* A write outside a transaction. */
          g_assert_true (quorum_db_exec (db, "INSERT INTO ended VALUES ('two')", &error));
          g_assert_no_error (error);
          break;
        default:
          /* A read transaction whose first statement is prepared then. */
          g_assert_true (quorum_db_begin (db, FALSE, &error));
          fresh = prepared (db, "SELECT count (*) FROM ended WHERE v <> ''");
          g_assert_cmpint (quorum_db_step (fresh, &error), ==, QUORUM_DB_ROW);
          g_assert_no_error (error);
          g_assert_cmpint (quorum_db_column_int64 (fresh, 0), ==, 2);
          quorum_db_reset (fresh);
          g_assert_true (quorum_db_commit (db, &error));
          break;
        }
    }
  g_assert_cmpint (scalar (other, "SELECT count (*) FROM ended"), ==, 2);
  exec_ok (other, "DROP TABLE ended");
  quorum_db_close (other);
  quorum_db_close (db);
}

static void
test_unavailable (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *nowhere = g_strdup_printf ("host=%s/no-such-folder dbname=quorum connect_timeout=2",
                                              g_get_tmp_dir ());
  gboolean needs_password = TRUE;

  g_assert_null (quorum_db_postgres_open_full (nowhere, NULL, &needs_password, &error));
  g_assert_error (error, QUORUM_DB_ERROR, QUORUM_DB_ERROR_UNAVAILABLE);
  g_assert_false (needs_password);
  g_assert_cmpstr (error->message, !=, "");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  conninfo = g_getenv ("QUORUM_PG");
  g_test_add_func ("/pg-driver/rewrite", test_rewrite);
  g_test_add_func ("/pg-driver/conninfo", test_conninfo);
  if (conninfo == NULL)
    {
      g_printerr ("test-pg-driver: no server ($QUORUM_PG): run under build-aux/pg-cluster run\n");
      return 77;
    }
  g_test_add_func ("/pg-driver/rows", test_rows);
  g_test_add_func ("/pg-driver/dispatch", test_dispatch);
  g_test_add_func ("/pg-driver/transactions", test_transactions);
  g_test_add_func ("/pg-driver/busy-retried", test_busy);
  g_test_add_func ("/pg-driver/finalised", test_finalised);
  g_test_add_func ("/pg-driver/four-writers", test_four_writers);
  g_test_add_func ("/pg-driver/four-writers-many", test_four_writers_many);
  g_test_add_func ("/pg-schema/same-as-sqlite", test_same_schema);
  g_test_add_func ("/pg-schema/check", test_schema_check);
  g_test_add_func ("/pg-driver/bench", test_bench);
  g_test_add_func ("/pg-driver/notify", test_notify);
  g_test_add_func ("/pg-schema/notify", test_notify_by_schema);
  g_test_add_func ("/pg-driver/notify-close", test_notify_close);
  g_test_add_func ("/pg-driver/unavailable", test_unavailable);
  g_test_add_func ("/pg-driver/commit-lost", test_commit_lost);
  g_test_add_func ("/pg-driver/session-ended", test_session_ended);
  g_test_add_func ("/pg-driver/pipeline", test_pipeline);
  g_test_add_func ("/pg-driver/commands-prepared-once", test_commands_prepared_once);
  g_test_add_func ("/pg-driver/password", test_password);
  return g_test_run ();
}
