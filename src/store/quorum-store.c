/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-store.c: opening the database durably and privately, and the transaction plumbing
 * every store call shares. */

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "quorum-store-private.h"

struct _QuorumStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  char       *user;
  GHashTable *statements;  /* SQL text → sqlite3_stmt*, prepared once */
  gboolean    in_transaction;
};

G_DEFINE_FINAL_TYPE (QuorumStore, quorum_store, G_TYPE_OBJECT)

static void
statement_free (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
quorum_store_finalize (GObject *object)
{
  QuorumStore *self = (QuorumStore *)object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    {
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->user, g_free);

  G_OBJECT_CLASS (quorum_store_parent_class)->finalize (object);
}

static void
quorum_store_class_init (QuorumStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = quorum_store_finalize;
}

static void
quorum_store_init (QuorumStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                            statement_free);
  self->user = g_strdup (g_get_user_name ());
}

char *
quorum_store_resolve_path (const char *db_option)
{
  const char *env;

  if (db_option != NULL && *db_option != '\0')
    return g_strdup (db_option);

  env = g_getenv ("QUORUM_DB");
  if (env != NULL && *env != '\0')
    return g_strdup (env);

  /* In the Flatpak sandbox $XDG_DATA_HOME is the app's own: the manifest grants the host's
   * quorum folder (xdg-data/quorum) alone, so the app and quorum-cli share one record. */
  if (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    {
      const char *host = g_getenv ("HOST_XDG_DATA_HOME");

      if (host != NULL && *host != '\0')
        return g_build_filename (host, "quorum", "quorum.db", NULL);
      return g_build_filename (g_get_home_dir (), ".local", "share", "quorum", "quorum.db", NULL);
    }

  return g_build_filename (g_get_user_data_dir (), "quorum", "quorum.db", NULL);
}

/* Creates the file private to the user before SQLite sees it, whatever the umask; SQLite
 * gives its -wal and -shm files the same mode. */
static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;
          g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                       _("Could not create the folder %s: %s"), dir, g_strerror (saved_errno));
          return FALSE;
        }
      g_chmod (dir, 0700);
    }

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      if (saved_errno == EEXIST)
        return TRUE;
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                   _("Could not create the database %s: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  fchmod (fd, 0600);
  close (fd);
  return TRUE;
}

static gboolean
check_is_database (sqlite3     *db,
                   const char  *path,
                   GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  /* Reading the schema fails at once on a file that is not SQLite. */
  rc = sqlite3_prepare_v2 (db, "SELECT count(*) FROM sqlite_schema", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                   _("%s is not a Quorum database: %s"), path, sqlite3_errmsg (db));
      return FALSE;
    }
  return TRUE;
}

static gboolean
exec_pragma (sqlite3     *db,
             const char  *sql,
             GError     **error)
{
  char *msg = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &msg) != SQLITE_OK)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                   _("Could not open the database: %s"), msg ? msg : sqlite3_errmsg (db));
      sqlite3_free (msg);
      return FALSE;
    }
  return TRUE;
}

QuorumStore *
quorum_store_open (const char  *path,
                   GError     **error)
{
  g_autoptr(QuorumStore) self = NULL;
  sqlite3 *db = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  if (!create_private_file (path, error))
    return NULL;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                   _("Could not open the database %s: %s"), path,
                   db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close_v2 (db);
      return NULL;
    }

  self = g_object_new (QUORUM_TYPE_STORE, NULL);
  self->db = db;
  self->path = g_strdup (path);

  sqlite3_busy_timeout (db, 10000);
  sqlite3_extended_result_codes (db, 1);

  /* Durable: WAL with a full sync at every commit; a record shown is a record kept. */
  if (!check_is_database (db, path, error) ||
      !exec_pragma (db, "PRAGMA journal_mode = WAL", error) ||
      !exec_pragma (db, "PRAGMA synchronous = FULL", error) ||
      !exec_pragma (db, "PRAGMA foreign_keys = ON", error) ||
      !exec_pragma (db, "PRAGMA trusted_schema = OFF", error))
    return NULL;

  if (!_quorum_store_migrate (db, 0, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
quorum_store_get_path (QuorumStore *self)
{
  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);
  return self->path;
}

int
quorum_store_get_schema_version (QuorumStore *self)
{
  sqlite3_stmt *stmt;
  int version = 0;

  g_return_val_if_fail (QUORUM_IS_STORE (self), 0);

  stmt = _quorum_store_prepare (self, "PRAGMA user_version", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return version;
}

void
quorum_store_set_user (QuorumStore *self,
                       const char  *user)
{
  g_return_if_fail (QUORUM_IS_STORE (self));
  g_return_if_fail (user != NULL);

  g_free (self->user);
  self->user = g_strdup (user);
}

const char *
quorum_store_get_user (QuorumStore *self)
{
  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);
  return self->user;
}

sqlite3 *
_quorum_store_get_db (QuorumStore *self)
{
  return self->db;
}

sqlite3_stmt *
_quorum_store_prepare (QuorumStore  *self,
                       const char   *sql,
                       GError      **error)
{
  sqlite3_stmt *stmt;

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                   _("The database could not prepare a query: %s"), sqlite3_errmsg (self->db));
      return NULL;
    }

  /* Keyed by the caller's SQL: callers pass string literals, which live as long as we do. */
  g_hash_table_insert (self->statements, (gpointer)sql, stmt);
  return stmt;
}

gboolean
_quorum_store_begin (QuorumStore  *self,
                     GError      **error)
{
  g_return_val_if_fail (!self->in_transaction, FALSE);

  if (!_quorum_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  self->in_transaction = TRUE;
  return TRUE;
}

gboolean
_quorum_store_commit (QuorumStore  *self,
                      GError      **error)
{
  g_return_val_if_fail (self->in_transaction, FALSE);

  if (!_quorum_store_exec (self, "COMMIT", error))
    {
      _quorum_store_rollback (self);
      return FALSE;
    }
  self->in_transaction = FALSE;
  return TRUE;
}

void
_quorum_store_rollback (QuorumStore *self)
{
  if (!self->in_transaction)
    return;

  /* Statements still stepping would keep the transaction's locks. */
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, self->statements);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      sqlite3_reset (value);
  }

  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  self->in_transaction = FALSE;
}

gboolean
_quorum_store_begin_read (QuorumStore  *self,
                          gboolean     *began,
                          GError      **error)
{
  *began = FALSE;
  if (self->in_transaction || !sqlite3_get_autocommit (self->db))
    return TRUE;
  if (!_quorum_store_exec (self, "BEGIN", error))
    return FALSE;
  *began = TRUE;
  return TRUE;
}

void
_quorum_store_end_read (QuorumStore *self,
                        gboolean     began)
{
  if (began)
    sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
}

gboolean
_quorum_store_fail (QuorumStore  *self,
                    int           rc,
                    GError      **error)
{
  const char *msg = sqlite3_errmsg (self->db);

  if (error == NULL || *error != NULL)
    return FALSE;

  if (strstr (msg, "quorum: the conference is finalised") != NULL)
    g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_FINALISED,
                         _("The conference is signed off: it can only be amended"));
  else if (strstr (msg, "quorum: ") != NULL)
    g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                 _("The database refused the change: %s"), strstr (msg, "quorum: ") + strlen ("quorum: "));
  else if (g_strcmp0 (msg, sqlite3_errstr (rc)) == 0)
    g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                 _("The database could not be written, so nothing was recorded: %s"), msg);
  else
    g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                 _("The database could not be written, so nothing was recorded: %s (%s)"),
                 msg, sqlite3_errstr (rc));
  return FALSE;
}

gboolean
_quorum_store_exec_stmt (QuorumStore   *self,
                         sqlite3_stmt  *stmt,
                         GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _quorum_store_fail (self, rc, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
_quorum_store_exec (QuorumStore  *self,
                    const char   *sql,
                    GError      **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return _quorum_store_fail (self, rc, error);
  return TRUE;
}

void
_quorum_bind_text (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
_quorum_bind_date (sqlite3_stmt *stmt,
                   int           index,
                   const GDate  *date)
{
  g_autofree char *iso = NULL;

  if (date == NULL || !g_date_valid (date))
    {
      sqlite3_bind_null (stmt, index);
      return;
    }
  iso = quorum_date_to_string (date);
  sqlite3_bind_text (stmt, index, iso, -1, SQLITE_TRANSIENT);
}

char *
_quorum_column_dup (sqlite3_stmt *stmt,
                    int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return text ? g_strdup ((const char *)text) : NULL;
}

void
_quorum_column_date (sqlite3_stmt *stmt,
                     int           column,
                     GDate        *out)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  g_date_clear (out, 1);
  if (text != NULL)
    quorum_date_parse (text, NULL, out, NULL);
}
