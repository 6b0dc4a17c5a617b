/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-db.c: the statement and transaction layer's dispatch: every call goes to the
 * connection's driver (src/store/sqlite/, src/store/postgres/), and the last failure is kept
 * for a caller that reports it later. */

#include "quorum-db-private.h"
#include "sqlite/quorum-db-sqlite.h"
#ifdef QUORUM_HAVE_POSTGRES
#include "postgres/quorum-db-postgres.h"
#endif

G_DEFINE_QUARK (quorum-db-error-quark, quorum_db_error)

/* Keeps a copy of @local as the connection's last failure, and hands @local on. */
static void
remember (QuorumDb  *db,
          GError    *local,
          GError   **error)
{
  if (local == NULL)
    {
      /* A driver that failed without saying how. */
      local = g_error_new_literal (QUORUM_DB_ERROR, QUORUM_DB_ERROR_FAILED, "unknown error");
    }
  g_clear_error (&db->last_error);
  db->last_error = g_error_copy (local);
  /* Inside a write transaction BUSY is the backend's conflict (a serialization failure or a
   * deadlock: PostgreSQL aborted the transaction); at its BEGIN it is a lock waited for in
   * vain (SQLite's busy timeout, the writers' lock), which is not run again. */
  if (db->in_write && !db->at_begin && g_error_matches (local, QUORUM_DB_ERROR, QUORUM_DB_ERROR_BUSY))
    db->conflicted = TRUE;
  db->at_begin = FALSE;
  g_propagate_error (error, local);
}

gboolean
quorum_db_location_is_postgres (const char *location)
{
  static const char * const conninfo_keys[] = {
    "service=", "host=", "hostaddr=", "dbname=", "user=", "port=",
  };

  if (location == NULL)
    return FALSE;
  if (g_str_has_prefix (location, "postgresql://") || g_str_has_prefix (location, "postgres://"))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (conninfo_keys); i++)
    if (g_str_has_prefix (location, conninfo_keys[i]))
      return TRUE;
  return FALSE;
}

QuorumDb *
quorum_db_open (const char  *location,
                GError     **error)
{
  g_return_val_if_fail (location != NULL, NULL);

  if (quorum_db_location_is_postgres (location))
    {
#ifdef QUORUM_HAVE_POSTGRES
      return quorum_db_postgres_open (location, error);
#else
      g_set_error (error, QUORUM_DB_ERROR, QUORUM_DB_ERROR_UNAVAILABLE,
                   "this build of Quorum has no PostgreSQL driver (libpq was not found)");
      return NULL;
#endif
    }
  return quorum_db_sqlite_open (location, error);
}

QuorumDbBackend
quorum_db_get_backend (QuorumDb *db)
{
  return db->driver->backend;
}

void
quorum_db_close (QuorumDb *db)
{
  if (db == NULL)
    return;
  g_clear_error (&db->last_error);
  db->driver->close (db);
}

const GError *
quorum_db_get_last_error (QuorumDb *db)
{
  return db->last_error;
}

QuorumDbStmt *
quorum_db_prepare (QuorumDb    *db,
                   const char  *sql,
                   GError     **error)
{
  GError *local = NULL;
  QuorumDbStmt *stmt = db->driver->prepare (db, sql, &local);

  if (stmt == NULL)
    remember (db, local, error);
  return stmt;
}

gboolean
quorum_db_exec (QuorumDb    *db,
                const char  *sql,
                GError     **error)
{
  GError *local = NULL;

  if (db->driver->exec (db, sql, &local))
    return TRUE;
  remember (db, local, error);
  return FALSE;
}

void
quorum_db_bind_int64 (QuorumDbStmt *stmt,
                      int           index,
                      gint64        value)
{
  stmt->db->driver->bind_int64 (stmt, index, value);
}

void
quorum_db_bind_double (QuorumDbStmt *stmt,
                       int           index,
                       double        value)
{
  stmt->db->driver->bind_double (stmt, index, value);
}

void
quorum_db_bind_text (QuorumDbStmt *stmt,
                     int           index,
                     const char   *text)
{
  if (text == NULL)
    stmt->db->driver->bind_null (stmt, index);
  else
    stmt->db->driver->bind_text (stmt, index, text);
}

void
quorum_db_bind_null (QuorumDbStmt *stmt,
                     int           index)
{
  stmt->db->driver->bind_null (stmt, index);
}

QuorumDbStep
quorum_db_step (QuorumDbStmt  *stmt,
                GError       **error)
{
  GError *local = NULL;
  QuorumDbStep step = stmt->db->driver->step (stmt, &local);

  if (G_UNLIKELY (step == QUORUM_DB_FAILED))
    remember (stmt->db, local, error);
  return step;
}

gboolean
quorum_db_step_done (QuorumDbStmt  *stmt,
                     GError       **error)
{
  QuorumDbStep step;

  while ((step = quorum_db_step (stmt, error)) == QUORUM_DB_ROW)
    ;
  return step == QUORUM_DB_DONE;
}

gboolean
quorum_db_send (QuorumDbStmt  *stmt,
                GError       **error)
{
  GError *local = NULL;

  if (stmt->db->driver->send == NULL || stmt->db->driver->send (stmt, FALSE, &local))
    return TRUE;
  remember (stmt->db, local, error);
  return FALSE;
}

gboolean
quorum_db_send_done (QuorumDbStmt  *stmt,
                     GError       **error)
{
  GError *local = NULL;

  if (stmt->db->driver->send == NULL)
    {
      gboolean done = quorum_db_step_done (stmt, error);

      quorum_db_reset (stmt);
      return done;
    }
  if (stmt->db->driver->send (stmt, TRUE, &local))
    return TRUE;
  remember (stmt->db, local, error);
  return FALSE;
}

guint64
quorum_db_get_round_trips (QuorumDb *db)
{
  return db->round_trips;
}

void
quorum_db_reset (QuorumDbStmt *stmt)
{
  stmt->db->driver->reset (stmt);
}

int
quorum_db_column_count (QuorumDbStmt *stmt)
{
  return stmt->db->driver->column_count (stmt);
}

const char *
quorum_db_column_name (QuorumDbStmt *stmt,
                       int           column)
{
  return stmt->db->driver->column_name (stmt, column);
}

gboolean
quorum_db_column_is_null (QuorumDbStmt *stmt,
                          int           column)
{
  return stmt->db->driver->column_is_null (stmt, column);
}

gint64
quorum_db_column_int64 (QuorumDbStmt *stmt,
                        int           column)
{
  return stmt->db->driver->column_int64 (stmt, column);
}

double
quorum_db_column_double (QuorumDbStmt *stmt,
                         int           column)
{
  return stmt->db->driver->column_double (stmt, column);
}

const char *
quorum_db_column_text (QuorumDbStmt *stmt,
                       int           column)
{
  return stmt->db->driver->column_text (stmt, column);
}

QuorumDbType
quorum_db_column_type (QuorumDbStmt *stmt,
                       int           column)
{
  return stmt->db->driver->column_type (stmt, column);
}

const guint8 *
quorum_db_column_bytes (QuorumDbStmt *stmt,
                        int           column,
                        gsize        *length)
{
  return stmt->db->driver->column_bytes (stmt, column, length);
}

gint64
quorum_db_changes (QuorumDb *db)
{
  return db->driver->changes (db);
}

gboolean
quorum_db_begin (QuorumDb  *db,
                 gboolean   write,
                 GError   **error)
{
  GError *local = NULL;

  db->conflicted = FALSE;
  if (db->driver->begin (db, write, &local))
    {
      db->in_write = write;
      return TRUE;
    }
  remember (db, local, error);
  return FALSE;
}

gboolean
quorum_db_commit (QuorumDb  *db,
                  GError   **error)
{
  GError *local = NULL;
  gboolean ok = db->driver->commit (db, &local);

  if (!ok)
    remember (db, local, error);
  db->in_write = FALSE;
  return ok;
}

void
quorum_db_rollback (QuorumDb *db)
{
  db->in_write = FALSE;
  db->driver->rollback (db);
}

gboolean
quorum_db_get_conflicted (QuorumDb *db)
{
  return db->conflicted;
}

gboolean
quorum_db_in_transaction (QuorumDb *db)
{
  return db->driver->in_transaction (db);
}

char *
quorum_db_dup_session_user (QuorumDb *db)
{
  return db->driver->dup_session_user (db);
}

gboolean
quorum_db_listen (QuorumDb    *db,
                  const char  *channel,
                  GError     **error)
{
  GError *local = NULL;

  /* A backend without notifications has nothing to listen to, and that is no failure. */
  if (db->driver->listen == NULL || db->driver->listen (db, channel, &local))
    return TRUE;
  remember (db, local, error);
  return FALSE;
}

gboolean
quorum_db_notify (QuorumDb    *db,
                  const char  *channel,
                  const char  *payload,
                  GError     **error)
{
  GError *local = NULL;

  if (db->driver->notify == NULL || db->driver->notify (db, channel, payload, &local))
    return TRUE;
  remember (db, local, error);
  return FALSE;
}

guint
quorum_db_watch (QuorumDb           *db,
                 QuorumDbNotifyFunc  func,
                 gpointer            user_data,
                 GDestroyNotify      destroy)
{
  if (db->driver->watch == NULL)
    {
      if (destroy != NULL)
        destroy (user_data);
      return 0;
    }
  return db->driver->watch (db, func, user_data, destroy);
}
