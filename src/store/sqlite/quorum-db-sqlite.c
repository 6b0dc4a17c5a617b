/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-db-sqlite.c: the statement layer over SQLite: a statement cache per SQL text, and
 * SQLite's result codes told apart as the store needs them. */

#include <glib/gstdio.h>
#include <string.h>

#include "quorum-db-sqlite.h"
#include "../quorum-db-private.h"

#include <quorum/quorum-search.h>

#define BUSY_TIMEOUT_MS 10000

typedef struct
{
  QuorumDb    parent;
  sqlite3    *handle;
  GHashTable *statements;  /* SQL text → SqliteStmt*, prepared once */
} SqliteDb;

typedef struct
{
  QuorumDbStmt  parent;
  sqlite3_stmt *stmt;
} SqliteStmt;

static const QuorumDbDriver sqlite_driver;

#define HANDLE(db)  (((SqliteDb *)(db))->handle)
#define STMT(s)     (((SqliteStmt *)(s))->stmt)

/* Sets @error from the connection's state after @rc. The message is SQLite's, with the
 * result code's own words when they add anything; a Quorum trigger's refusal
 * (RAISE(ABORT, 'quorum: …')) is given as it was raised. */
static void
set_error (sqlite3  *handle,
           int       rc,
           GError  **error)
{
  const char *msg = sqlite3_errmsg (handle);
  const char *str = sqlite3_errstr (rc);
  QuorumDbError code;

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = QUORUM_DB_ERROR_BUSY;
      break;
    case SQLITE_CONSTRAINT:
      /* The sign-off and append-only triggers all speak as "quorum: …". */
      if (rc == SQLITE_CONSTRAINT_TRIGGER && strstr (msg, "quorum: ") != NULL)
        code = QUORUM_DB_ERROR_FINALISED;
      else
        code = QUORUM_DB_ERROR_CONSTRAINT;
      break;
    case SQLITE_READONLY:
      code = QUORUM_DB_ERROR_READ_ONLY;
      break;
    case SQLITE_FULL:
      code = QUORUM_DB_ERROR_FULL;
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      code = QUORUM_DB_ERROR_CORRUPT;
      break;
    case SQLITE_CANTOPEN:
      code = QUORUM_DB_ERROR_UNAVAILABLE;
      break;
    default:
      code = QUORUM_DB_ERROR_FAILED;
      break;
    }

  if (code == QUORUM_DB_ERROR_FINALISED || g_strcmp0 (msg, str) == 0)
    g_set_error_literal (error, QUORUM_DB_ERROR, code, msg);
  else
    g_set_error (error, QUORUM_DB_ERROR, code, "%s (%s)", msg, str);
}

static void
stmt_free (gpointer data)
{
  SqliteStmt *s = data;

  sqlite3_finalize (s->stmt);
  g_free (s);
}

/* quorum_casefold (text): g_utf8_casefold () of the text, so a search or a sort by name
 * ignores case beyond ASCII as the app does (SQLite's own lower () and LIKE fold ASCII only).
 * Registered on every connection; used by queries only, never by the schema. */
static void
casefold_func (sqlite3_context *context,
               int              argc,
               sqlite3_value  **argv)
{
  const char *text = (const char *)sqlite3_value_text (argv[0]);
  int length = sqlite3_value_bytes (argv[0]);
  char *folded;

  if (text == NULL)
    {
      sqlite3_result_null (context);
      return;
    }
  if (!g_utf8_validate_len (text, length, NULL))
    {
      sqlite3_result_text (context, text, length, SQLITE_TRANSIENT);
      return;
    }
  folded = g_utf8_casefold (text, length);
  sqlite3_result_text (context, folded, -1, g_free);
}

/* quorum_search_fold (text): core's fold of the text (quorum-search.h), so a search compares
 * as PostgreSQL's translate () with core's map does. */
static void
search_fold_func (sqlite3_context  *context,
                  int               argc,
                  sqlite3_value   **argv)
{
  const char *text = (const char *)sqlite3_value_text (argv[0]);

  if (text == NULL)
    {
      sqlite3_result_null (context);
      return;
    }
  sqlite3_result_text (context, quorum_search_fold (text), -1, g_free);
}

QuorumDb *
quorum_db_sqlite_new (sqlite3 *handle)
{
  SqliteDb *self;

  g_return_val_if_fail (handle != NULL, NULL);

  self = g_new0 (SqliteDb, 1);
  self->parent.driver = &sqlite_driver;
  self->handle = handle;
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, stmt_free);
  sqlite3_extended_result_codes (handle, 1);
  sqlite3_create_function_v2 (handle, "quorum_casefold", 1,
                              SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                              NULL, casefold_func, NULL, NULL, NULL);
  sqlite3_create_function_v2 (handle, "quorum_search_fold", 1,
                              SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                              NULL, search_fold_func, NULL, NULL, NULL);
  return &self->parent;
}

QuorumDb *
quorum_db_sqlite_open (const char  *path,
                       GError     **error)
{
  sqlite3 *handle = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      if (handle != NULL)
        set_error (handle, rc, error);
      else
        g_set_error_literal (error, QUORUM_DB_ERROR, QUORUM_DB_ERROR_UNAVAILABLE, sqlite3_errstr (rc));
      sqlite3_close_v2 (handle);
      return NULL;
    }
  sqlite3_extended_result_codes (handle, 1);
  sqlite3_busy_timeout (handle, BUSY_TIMEOUT_MS);
  rc = sqlite3_exec (handle, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      set_error (handle, rc, error);
      sqlite3_close_v2 (handle);
      return NULL;
    }
  return quorum_db_sqlite_new (handle);
}

sqlite3 *
quorum_db_sqlite_get_handle (QuorumDb *db)
{
  g_return_val_if_fail (db != NULL && db->driver == &sqlite_driver, NULL);
  return HANDLE (db);
}

static void
sqlite_close (QuorumDb *db)
{
  SqliteDb *self = (SqliteDb *)db;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  sqlite3_close_v2 (self->handle);
  g_free (self);
}

static QuorumDbStmt *
sqlite_prepare (QuorumDb    *db,
                const char  *sql,
                GError     **error)
{
  SqliteDb *self = (SqliteDb *)db;
  SqliteStmt *s = g_hash_table_lookup (self->statements, sql);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (s != NULL)
    {
      sqlite3_reset (s->stmt);
      sqlite3_clear_bindings (s->stmt);
      return &s->parent;
    }

  rc = sqlite3_prepare_v3 (self->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_error (self->handle, rc, error);
      sqlite3_finalize (stmt);
      return NULL;
    }
  s = g_new0 (SqliteStmt, 1);
  s->parent.db = db;
  s->stmt = stmt;
  g_hash_table_insert (self->statements, g_strdup (sql), s);
  return &s->parent;
}

static gboolean
sqlite_exec (QuorumDb    *db,
             const char  *sql,
             GError     **error)
{
  int rc;

  db->round_trips++;
  rc = sqlite3_exec (HANDLE (db), sql, NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    return TRUE;
  set_error (HANDLE (db), rc, error);
  return FALSE;
}

static void
sqlite_bind_int64 (QuorumDbStmt *stmt,
                   int           index,
                   gint64        value)
{
  sqlite3_bind_int64 (STMT (stmt), index, value);
}

static void
sqlite_bind_double (QuorumDbStmt *stmt,
                    int           index,
                    double        value)
{
  sqlite3_bind_double (STMT (stmt), index, value);
}

static void
sqlite_bind_text (QuorumDbStmt *stmt,
                  int           index,
                  const char   *text)
{
  sqlite3_bind_text (STMT (stmt), index, text, -1, SQLITE_TRANSIENT);
}

static void
sqlite_bind_null (QuorumDbStmt *stmt,
                  int           index)
{
  sqlite3_bind_null (STMT (stmt), index);
}

static QuorumDbStep
sqlite_step (QuorumDbStmt  *stmt,
             GError       **error)
{
  int rc;

  /* A statement's run counts once (quorum_db_get_round_trips), at its first step. */
  if (!sqlite3_stmt_busy (STMT (stmt)))
    stmt->db->round_trips++;
  rc = sqlite3_step (STMT (stmt));
  if (G_LIKELY (rc == SQLITE_ROW))
    return QUORUM_DB_ROW;
  if (rc == SQLITE_DONE)
    return QUORUM_DB_DONE;
  set_error (HANDLE (stmt->db), rc, error);
  return QUORUM_DB_FAILED;
}

static void
sqlite_reset (QuorumDbStmt *stmt)
{
  sqlite3_reset (STMT (stmt));
}

static int
sqlite_column_count (QuorumDbStmt *stmt)
{
  return sqlite3_column_count (STMT (stmt));
}

static const char *
sqlite_column_name (QuorumDbStmt *stmt,
                    int           column)
{
  return sqlite3_column_name (STMT (stmt), column);
}

static gboolean
sqlite_column_is_null (QuorumDbStmt *stmt,
                       int           column)
{
  return sqlite3_column_type (STMT (stmt), column) == SQLITE_NULL;
}

static gint64
sqlite_column_int64 (QuorumDbStmt *stmt,
                     int           column)
{
  return sqlite3_column_int64 (STMT (stmt), column);
}

static double
sqlite_column_double (QuorumDbStmt *stmt,
                      int           column)
{
  return sqlite3_column_double (STMT (stmt), column);
}

static const char *
sqlite_column_text (QuorumDbStmt *stmt,
                    int           column)
{
  return (const char *)sqlite3_column_text (STMT (stmt), column);
}

static QuorumDbType
sqlite_column_type (QuorumDbStmt *stmt,
                    int           column)
{
  switch (sqlite3_column_type (STMT (stmt), column))
    {
    case SQLITE_NULL:
      return QUORUM_DB_TYPE_NULL;
    case SQLITE_INTEGER:
      return QUORUM_DB_TYPE_INTEGER;
    case SQLITE_FLOAT:
      return QUORUM_DB_TYPE_FLOAT;
    case SQLITE_BLOB:
      return QUORUM_DB_TYPE_BLOB;
    case SQLITE_TEXT:
    default:
      return QUORUM_DB_TYPE_TEXT;
    }
}

static const guint8 *
sqlite_column_bytes (QuorumDbStmt *stmt,
                     int           column,
                     gsize        *length)
{
  const guint8 *data;

  /* The pointer first, then its length: SQLite's documented order. */
  if (sqlite3_column_type (STMT (stmt), column) == SQLITE_BLOB)
    data = sqlite3_column_blob (STMT (stmt), column);
  else
    data = sqlite3_column_text (STMT (stmt), column);
  *length = data != NULL ? (gsize) sqlite3_column_bytes (STMT (stmt), column) : 0;
  return data;
}

static gint64
sqlite_changes (QuorumDb *db)
{
  return sqlite3_changes64 (HANDLE (db));
}

static gboolean
sqlite_begin (QuorumDb  *db,
              gboolean   write,
              GError   **error)
{
  /* BUSY waits out the busy timeout before it is reported. */
  return sqlite_exec (db, write ? "BEGIN IMMEDIATE" : "BEGIN", error);
}

static gboolean
sqlite_commit (QuorumDb  *db,
               GError   **error)
{
  return sqlite_exec (db, "COMMIT", error);
}

static void
sqlite_rollback (QuorumDb *db)
{
  SqliteDb *self = (SqliteDb *)db;
  GHashTableIter iter;
  gpointer value;

  /* Statements still stepping would keep the transaction's locks. */
  g_hash_table_iter_init (&iter, self->statements);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    sqlite3_reset (((SqliteStmt *)value)->stmt);
  if (!sqlite3_get_autocommit (self->handle))
    sqlite3_exec (self->handle, "ROLLBACK", NULL, NULL, NULL);
}

static gboolean
sqlite_in_transaction (QuorumDb *db)
{
  return !sqlite3_get_autocommit (HANDLE (db));
}

static char *
sqlite_dup_session_user (QuorumDb *db)
{
  /* A file has no users: the store records the OS login. */
  return NULL;
}

static const QuorumDbDriver sqlite_driver = {
  .backend          = QUORUM_DB_BACKEND_SQLITE,
  .close            = sqlite_close,
  .prepare          = sqlite_prepare,
  .exec             = sqlite_exec,
  .bind_int64       = sqlite_bind_int64,
  .bind_double      = sqlite_bind_double,
  .bind_text        = sqlite_bind_text,
  .bind_null        = sqlite_bind_null,
  .step             = sqlite_step,
  .reset            = sqlite_reset,
  .column_count     = sqlite_column_count,
  .column_name      = sqlite_column_name,
  .column_is_null   = sqlite_column_is_null,
  .column_int64     = sqlite_column_int64,
  .column_double    = sqlite_column_double,
  .column_text      = sqlite_column_text,
  .column_type      = sqlite_column_type,
  .column_bytes     = sqlite_column_bytes,
  .changes          = sqlite_changes,
  .begin            = sqlite_begin,
  .commit           = sqlite_commit,
  .rollback         = sqlite_rollback,
  .in_transaction   = sqlite_in_transaction,
  .dup_session_user = sqlite_dup_session_user,
  /* No notifications between processes: the store watches the file. */
  .listen           = NULL,
  .notify           = NULL,
  .watch            = NULL,
};

void
quorum_db_sqlite_read_change_marks (QuorumDb *db,
                                    gint64   *data_version,
                                    gint64   *file_stamp,
                                    gint64   *own_changes)
{
  sqlite3 *handle = quorum_db_sqlite_get_handle (db);
  sqlite3_stmt *stmt = NULL;
  const char *path;

  *data_version = -1;
  *file_stamp = 0;
  *own_changes = 0;
  if (handle == NULL)
    return;
  if (sqlite3_prepare_v2 (handle, "PRAGMA data_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    *data_version = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  *own_changes = sqlite3_total_changes (handle);

  /* Another connection's commit grows or rewrites the WAL. */
  path = sqlite3_db_filename (handle, "main");
  if (path == NULL || *path == '\0')
    return;
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *name = i == 0 ? g_strdup (path) : g_strconcat (path, "-wal", NULL);
      GStatBuf st;

      if (g_stat (name, &st) == 0)
        *file_stamp += (gint64) st.st_size * 1000003 + (gint64) st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec;
    }
}
