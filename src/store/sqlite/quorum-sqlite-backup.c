/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-sqlite-backup.c: consistent copies of a SQLite database beside its file (SQLite's
 * online backup), taken before every migration and once a day, and restoring one after
 * checking it. A PostgreSQL database is backed up by its server. */

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "quorum-sqlite-private.h"

#define DEFAULT_KEEP 7

static char *
backups_dir (const char *path)
{
  return g_strconcat (path, ".backups", NULL);
}

/* How many daily backups to keep: $QUORUM_BACKUPS_KEEP, else the backups-keep setting when
 * the schema is installed, else 7. 0 turns daily backups off. */
static guint
backups_keep (void)
{
  const char *env = g_getenv ("QUORUM_BACKUPS_KEEP");
  GSettingsSchemaSource *source;
  g_autoptr(GSettingsSchema) schema = NULL;

  if (env != NULL && *env != '\0')
    return (guint) g_ascii_strtoull (env, NULL, 10);
  source = g_settings_schema_source_get_default ();
  if (source != NULL && (schema = g_settings_schema_source_lookup (source, QUORUM_APP_ID, TRUE)) != NULL &&
      g_settings_schema_has_key (schema, "backups-keep"))
    {
      g_autoptr(GSettings) settings = g_settings_new (QUORUM_APP_ID);
      return (guint) g_settings_get_int (settings, "backups-keep");
    }
  return DEFAULT_KEEP;
}

/* A copy is written beside its name as "NAME.part-XXXXXX" and linked into place only when
 * whole: a kill or a full disk mid-copy never leaves a partial NAME.db that restore would
 * offer. What a killed copy left is removed by the next daily backup (remove_stale_parts). */
#define PART_INFIX ".part-"
/* A part not written to for this long belongs to no copy under way. */
#define STALE_PART_S (10 * 60)

static gboolean
copy_database (sqlite3     *from,
               const char  *dest,
               GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (dest);
  g_autofree char *part = NULL;
  sqlite3 *to = NULL;
  sqlite3_backup *backup;
  int fd;
  int rc;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                   _("Could not create the folder %s: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }
  /* Never over an existing file. */
  if (g_file_test (dest, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("Could not write the backup %s: %s"), dest, g_strerror (EEXIST));
      return FALSE;
    }
  /* Private from the first byte. */
  part = g_strconcat (dest, PART_INFIX "XXXXXX", NULL);
  fd = g_mkstemp_full (part, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                   _("Could not write the backup %s: %s"), dest, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  rc = sqlite3_open_v2 (part, &to, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (to, "main", from, "main");
      if (backup != NULL)
        {
          do
            {
              rc = sqlite3_backup_step (backup, -1);
              if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
                g_usleep (20000);
            }
          while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
          sqlite3_backup_finish (backup);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
        }
      else
        rc = sqlite3_errcode (to);
      /* A backup stands alone: one file, no journal beside it. */
      if (rc == SQLITE_OK)
        rc = sqlite3_exec (to, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
    }
  if (rc != SQLITE_OK)
    {
      g_autofree char *journal = g_strconcat (part, "-journal", NULL);

      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                   _("Could not write the backup %s: %s"), dest,
                   to ? sqlite3_errmsg (to) : sqlite3_errstr (rc));
      sqlite3_close (to);
      g_unlink (part);
      g_unlink (journal);
      return FALSE;
    }
  sqlite3_close (to);
  g_chmod (part, 0600);
  /* Whole and on disk (the copy's connection synced it as it closed): now under its name, never
   * over a file that came there meanwhile. */
  if (link (part, dest) != 0 && (errno == EEXIST || g_file_test (dest, G_FILE_TEST_EXISTS) ||
                                  g_rename (part, dest) != 0))
    {
      /* (A file system without hard links takes the rename.) */
      int saved_errno = errno;

      g_set_error (error, QUORUM_ERROR, saved_errno == EEXIST ? QUORUM_ERROR_INVALID : QUORUM_ERROR_STORAGE,
                   _("Could not write the backup %s: %s"), dest, g_strerror (saved_errno));
      g_unlink (part);
      return FALSE;
    }
  g_unlink (part);
  {
    /* The name itself on disk too. */
    int dir_fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

    if (dir_fd >= 0)
      {
        fsync (dir_fd);
        close (dir_fd);
      }
  }
  return TRUE;
}

/* Parts of copies that a kill cut short (and their journals), older than any copy under way. */
static void
remove_stale_parts (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *full = NULL;
      GStatBuf st;

      if (strstr (name, PART_INFIX) == NULL)
        continue;
      full = g_build_filename (dir, name, NULL);
      if (g_lstat (full, &st) == 0 && S_ISREG (st.st_mode) && now - (gint64) st.st_mtime > STALE_PART_S)
        g_unlink (full);
    }
}

gboolean
quorum_store_backup (QuorumStore  *self,
                     const char   *dest,
                     GError      **error)
{
  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);
  g_return_val_if_fail (dest != NULL, FALSE);

  if (_quorum_store_get_db (self) == NULL)
    {
      g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                           _("This database is kept by a PostgreSQL server, which backs it up "
                             "(pg_dump); nothing was written"));
      return FALSE;
    }
  return copy_database (_quorum_store_get_db (self), dest, error);
}

static char *
stamp (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y%m%d-%H%M%S");
}

static int
compare_desc (gconstpointer a,
              gconstpointer b)
{
  return -g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

char **
quorum_store_list_backups (const char *path)
{
  g_autofree char *dir = backups_dir (path);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  GStrvBuilder *builder = g_strv_builder_new ();
  char **result;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".db"))
      g_ptr_array_add (names, g_strdup (name));
  /* Named by time after their kind; newest first whatever the kind. */
  for (guint i = 0; i < names->len; i++)
    {
      char *n = names->pdata[i];
      const char *dash = strchr (n, '-');
      names->pdata[i] = g_strdup_printf ("%s\t%s", dash ? dash + 1 : n, n);
      g_free (n);
    }
  g_ptr_array_sort (names, compare_desc);
  for (guint i = 0; i < names->len; i++)
    {
      const char *n = strchr (names->pdata[i], '\t') + 1;
      g_autofree char *full = g_build_filename (dir, n, NULL);
      g_strv_builder_add (builder, full);
    }
  result = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return result;
}

gboolean
_quorum_store_backup_before_migration (QuorumStore  *self,
                                       GError      **error)
{
  sqlite3 *db = _quorum_store_get_db (self);
  sqlite3_stmt *stmt = NULL;
  int version = 0;
  int latest = _quorum_store_migrations[_quorum_store_n_migrations - 1].version;
  g_autofree char *dir = NULL;
  g_autofree char *when = NULL;
  g_autofree char *dest = NULL;
  g_autoptr(GError) local = NULL;

  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  if (version <= 0 || version >= latest)
    return TRUE;

  dir = backups_dir (quorum_store_get_path (self));
  when = stamp ();
  dest = g_strdup_printf ("%s/schema%d-%s-%d.db", dir, version, when, (int) getpid ());
  if (!copy_database (db, dest, &local))
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                   _("The database was not upgraded, because it could not be backed up first: %s"), local->message);
      return FALSE;
    }
  {
    g_autofree char *notice = g_strdup_printf (_("The database was backed up to %s before its upgrade"), dest);
    _quorum_store_add_notice (self, notice);
  }
  return TRUE;
}

gboolean
_quorum_store_integrity_ok (sqlite3  *db,
                            gboolean  full,
                            char    **why)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (db, full ? "PRAGMA integrity_check" : "PRAGMA quick_check", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    {
      ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
      if (!ok && why != NULL)
        *why = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  else if (why != NULL)
    *why = g_strdup (sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  return ok;
}

gboolean
_quorum_sqlite_quick_check (sqlite3  *db,
                            char    **why)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;

  /* Only a check that ran and found something counts against the file. */
  if (sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW &&
      g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "ok") != 0)
    {
      ok = FALSE;
      *why = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
    }
  sqlite3_finalize (stmt);
  return ok;
}

/* Once a day, on the first opening that day: checks the database @db (at @path), and copies it
 * when sound (@copy). FALSE, with @why, when the check fails. Runs on the app's connection, or
 * on a thread's own (_quorum_sqlite_daily_backup_path). */
static gboolean
daily_backup_on (sqlite3     *db,
                 const char  *path,
                 gboolean     copy,
                 gint        *checked,
                 char       **why)
{
  guint keep = backups_keep ();
  g_autofree char *dir = NULL;
  g_autofree char *when = NULL;
  g_autofree char *today = NULL;
  g_autofree char *dest = NULL;
  g_auto(GStrv) backups = NULL;
  guint dailies = 0;

  if (keep == 0 || path == NULL)
    return TRUE;
  dir = backups_dir (path);
  when = stamp ();
  today = g_strndup (when, 8);
  backups = quorum_store_list_backups (path);
  for (guint i = 0; backups[i] != NULL; i++)
    {
      g_autofree char *base = g_path_get_basename (backups[i]);
      if (g_str_has_prefix (base, "daily-") && g_str_has_prefix (base + strlen ("daily-"), today))
        {
          if (checked != NULL)
            g_atomic_int_set (checked, 1);
          return TRUE;
        }
    }

  if (!_quorum_store_integrity_ok (db, FALSE, why))
    {
      if (checked != NULL)
        g_atomic_int_set (checked, 2);
      return FALSE;
    }
  /* Sound: a write need not wait for the copy, nor check again. */
  if (checked != NULL)
    g_atomic_int_set (checked, 1);
  if (!copy)
    return TRUE;
  remove_stale_parts (dir);
  dest = g_strdup_printf ("%s/daily-%s-%d.db", dir, when, (int) getpid ());
  if (!copy_database (db, dest, NULL))
    return TRUE;

  g_strfreev (backups);
  backups = quorum_store_list_backups (path);
  for (guint i = 0; backups[i] != NULL; i++)
    {
      g_autofree char *base = g_path_get_basename (backups[i]);
      if (g_str_has_prefix (base, "daily-") && ++dailies > keep)
        g_unlink (backups[i]);
    }
  return TRUE;
}

void
_quorum_store_daily_backup (QuorumStore *self)
{
  g_autofree char *why = NULL;

  if (!daily_backup_on (_quorum_store_get_db (self), quorum_store_get_path (self), TRUE, NULL, &why))
    _quorum_store_set_damaged (self, why);
}

void
_quorum_store_daily_check (QuorumStore *self)
{
  g_autofree char *why = NULL;

  if (!daily_backup_on (_quorum_store_get_db (self), quorum_store_get_path (self), FALSE, NULL, &why))
    _quorum_store_set_damaged (self, why);
}

gboolean
_quorum_sqlite_daily_backup_path (const char  *path,
                                  gint        *checked,
                                  char       **why)
{
  sqlite3 *db = NULL;
  gboolean ok = TRUE;
  int rc;

  /* A connection of the caller's own, reading only: the check and the copy each read one
   * snapshot (WAL), so the app's writes go on meanwhile. */
  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, 10000);
      sqlite3_exec (db, "PRAGMA trusted_schema = OFF", NULL, NULL, NULL);
      ok = daily_backup_on (db, path, TRUE, checked, why);
    }
  else
    g_warning ("The daily backup could not open %s: %s", path, db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  sqlite3_close_v2 (db);
  return ok;
}

gboolean
quorum_store_restore (const char  *path,
                      const char  *source,
                      char       **kept_copy,
                      GError     **error)
{
  g_autofree char *checked = NULL;
  g_autofree char *why = NULL;
  g_autoptr(QuorumStore) candidate = NULL;
  g_autoptr(QuorumVerifyReport) report = NULL;
  g_autoptr(GError) local = NULL;
  sqlite3 *src = NULL;
  int lock_fd = -1;
  int fd;
  gboolean ok = FALSE;

  g_return_val_if_fail (path != NULL && source != NULL, FALSE);

  if (*path == '\0')
    {
      g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_INVALID, _("The database path is empty"));
      return FALSE;
    }
  if (quorum_db_location_is_postgres (path))
    {
      /* A shared database is not a file to put a copy in place of: the server restores its
       * own backups (pg_restore), as it takes them. */
      g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                           _("This database is kept by a PostgreSQL server, which restores it from its "
                             "backups (pg_restore); nothing was written"));
      return FALSE;
    }
  if (!g_file_test (source, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID, _("There is no backup at %s"), source);
      return FALSE;
    }

  /* The copy is checked as a database of its own, beside the one it replaces, so the rename
   * that puts it in place never crosses a file system. */
  checked = g_strconcat (path, ".restore-XXXXXX", NULL);
  fd = g_mkstemp_full (checked, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                   _("Could not restore %s: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);
  g_unlink (checked);
  if (sqlite3_open_v2 (source, &src, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      !_quorum_store_integrity_ok (src, TRUE, &why))
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("%s is not a sound database, so it was not restored: %s"), source,
                   why ? why : sqlite3_errmsg (src));
      sqlite3_close (src);
      return FALSE;
    }
  if (!copy_database (src, checked, error))
    {
      sqlite3_close (src);
      return FALSE;
    }
  sqlite3_close (src);

  candidate = quorum_store_open_full (checked, QUORUM_STORE_OPEN_NO_BACKUPS, &local);
  if (candidate == NULL)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("%s was not restored: %s"), source, local->message);
      goto out;
    }
  report = quorum_store_verify_report (candidate, NULL, &local);
  if (report == NULL || !report->ok)
    {
      const char *what = report == NULL ? local->message
                        : report->problems->len > 0 ? report->problems->pdata[0]
                        : report->unverified->pdata[0];
      g_set_error (error, QUORUM_ERROR, report != NULL && report->problems->len > 0 ? QUORUM_ERROR_TAMPERED
                                                                                   : QUORUM_ERROR_INVALID,
                   _("%s does not verify, so it was not restored: %s"), source, what);
      goto out;
    }
  g_clear_object (&candidate);

  /* The database it replaces is kept, and nobody may have it open while it is replaced. */
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(QuorumStore) current = quorum_store_open_full (path, QUORUM_STORE_OPEN_NO_BACKUPS, &local);
      g_autofree char *dir = backups_dir (path);
      g_autofree char *when = stamp ();

      if (current == NULL)
        {
          g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                       _("The database %s could not be kept before the restore: %s"), path, local->message);
          goto out;
        }
      *kept_copy = g_strdup_printf ("%s/before-restore-%s-%d.db", dir, when, (int) getpid ());
      if (!copy_database (_quorum_store_get_db (current), *kept_copy, error))
        goto out;
      g_clear_object (&current);

      lock_fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
      if (lock_fd < 0 || flock (lock_fd, LOCK_EX | LOCK_NB) != 0)
        {
          g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                       _("%s is open in another Quorum window or command; close it and restore again"), path);
          goto out;
        }
      {
        g_autofree char *wal = g_strconcat (path, "-wal", NULL);
        g_autofree char *shm = g_strconcat (path, "-shm", NULL);
        g_unlink (wal);
        g_unlink (shm);
      }
    }
  {
    /* The restored database's own head becomes what this computer last saw at the path. */
    g_autofree char *anchor = _quorum_store_read_anchor (checked);

    if (g_rename (checked, path) != 0)
      {
        int saved_errno = errno;
        g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                     _("Could not restore %s: %s"), path, g_strerror (saved_errno));
        goto out;
      }
    _quorum_store_write_anchor (path, anchor);
    _quorum_store_write_anchor (checked, NULL);
  }
  ok = TRUE;

out:
  g_clear_object (&candidate);
  if (lock_fd >= 0)
    close (lock_fd);
  {
    g_autofree char *wal = g_strconcat (checked, "-wal", NULL);
    g_autofree char *shm = g_strconcat (checked, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
    if (!ok)
      g_unlink (checked);
  }
  return ok;
}
