/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-store.c: opening the database durably and privately, and the transaction plumbing
 * every store call shares. */

#include <errno.h>
#include <stdlib.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>

#include "quorum-store-private.h"

struct _QuorumStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  char       *user;
  char       *signer;      /* the person's own name for the record; NULL: the login */
  GHashTable *statements;  /* SQL text → sqlite3_stmt*, prepared once */
  gboolean    in_transaction;

  int         lock_fd;     /* holds a shared flock on the database file while open */
  gboolean    created;     /* this store made the file */
  gboolean    read_only;
  GBytes     *key;         /* the audit key, or NULL */
  char       *key_problem; /* why there is none */
  char       *damaged;     /* why the database fails its integrity check, or NULL */
  gboolean    daily_pending; /* the daily check and backup, put off by the opener, not yet run */
  char       *pending_anchor; /* written once the transaction commits */
  int         version_at_open; /* the schema version before this opening's migrations */
  GPtrArray  *notices;     /* char*, NULL-terminated */
};

G_DEFINE_FINAL_TYPE (QuorumStore, quorum_store, G_TYPE_OBJECT)

/* One lock descriptor per database file per process: closing any descriptor of a file drops
 * every POSIX lock the process holds on it (SQLite's among them), so the descriptor is shared
 * by the stores of a process and closed only by the last one. */
typedef struct
{
  int   fd;
  guint refs;
} LockFile;

G_LOCK_DEFINE_STATIC (lock_files);
static GHashTable *lock_files;  /* "dev:ino" → LockFile */

static char *
inode_key (const struct stat *st)
{
  return g_strdup_printf ("%llu:%llu", (unsigned long long) st->st_dev, (unsigned long long) st->st_ino);
}

/* Takes @fd (open on a file with the lock taken) or, when the process has one already,
 * closes @fd and returns that one. */
static int
lock_file_acquire (int                fd,
                   const struct stat *st)
{
  g_autofree char *key = inode_key (st);
  LockFile *lf;
  int result;

  G_LOCK (lock_files);
  if (lock_files == NULL)
    lock_files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  lf = g_hash_table_lookup (lock_files, key);
  if (lf != NULL)
    {
      lf->refs++;
      result = lf->fd;
      G_UNLOCK (lock_files);
      /* Not yet known to SQLite: closing it drops no lock SQLite holds. */
      close (fd);
      return result;
    }
  lf = g_new0 (LockFile, 1);
  lf->fd = fd;
  lf->refs = 1;
  g_hash_table_insert (lock_files, g_steal_pointer (&key), lf);
  G_UNLOCK (lock_files);
  return fd;
}

/* Whether this is the only store of the process on the file. */
static gboolean
lock_file_alone (int fd)
{
  struct stat st;
  g_autofree char *key = NULL;
  LockFile *lf;
  gboolean alone;

  if (fstat (fd, &st) != 0)
    return FALSE;
  key = inode_key (&st);
  G_LOCK (lock_files);
  lf = lock_files ? g_hash_table_lookup (lock_files, key) : NULL;
  alone = lf != NULL && lf->refs == 1;
  G_UNLOCK (lock_files);
  return alone;
}

static void
lock_file_release (int fd)
{
  struct stat st;
  g_autofree char *key = NULL;
  LockFile *lf;

  if (fd < 0 || fstat (fd, &st) != 0)
    return;
  key = inode_key (&st);
  G_LOCK (lock_files);
  lf = lock_files ? g_hash_table_lookup (lock_files, key) : NULL;
  if (lf != NULL && --lf->refs == 0)
    {
      g_hash_table_remove (lock_files, key);
      close (fd);
    }
  G_UNLOCK (lock_files);
}

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
  lock_file_release (self->lock_fd);
  self->lock_fd = -1;
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->user, g_free);
  g_clear_pointer (&self->key, g_bytes_unref);
  g_clear_pointer (&self->key_problem, g_free);
  g_clear_pointer (&self->damaged, g_free);
  g_clear_pointer (&self->pending_anchor, g_free);
  g_clear_pointer (&self->notices, g_ptr_array_unref);
  g_clear_pointer (&self->signer, g_free);

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
  self->lock_fd = -1;
  self->notices = g_ptr_array_new_with_free_func (g_free);
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

gboolean
quorum_store_check_location (const char  *location,
                             GError     **error)
{
  static const char * const conninfo_keys[] = { "service=", "host=", "hostaddr=", "dbname=", "user=", "port=" };
  gboolean postgres = FALSE;

  g_return_val_if_fail (location != NULL, FALSE);

  if (g_str_has_prefix (location, "postgresql://") || g_str_has_prefix (location, "postgres://"))
    postgres = TRUE;
  for (guint i = 0; !postgres && i < G_N_ELEMENTS (conninfo_keys); i++)
    postgres = g_str_has_prefix (location, conninfo_keys[i]);

  if (postgres)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("“%s” names a PostgreSQL database, and this version of Quorum keeps its "
                     "record in a SQLite file only; nothing was written"), location);
      return FALSE;
    }
  return TRUE;
}

#define OPEN_ATTEMPTS 20

static int
exec_retrying (sqlite3     *db,
               const char  *sql,
               char       **msg)
{
  int rc = SQLITE_OK;

  /* BUSY at open is waited out: another process may be making or checkpointing the file. */
  for (int attempt = 0; attempt < 200; attempt++)
    {
      sqlite3_free (*msg);
      *msg = NULL;
      rc = sqlite3_exec (db, sql, NULL, NULL, msg);
      if ((rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED)
        break;
      g_usleep (10000 + g_random_int_range (0, 20000));
    }
  return rc;
}

static gboolean
exec_pragma (sqlite3     *db,
             const char  *sql,
             GError     **error)
{
  char *msg = NULL;

  if (exec_retrying (db, sql, &msg) != SQLITE_OK)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                   _("Could not open the database: %s"), msg ? msg : sqlite3_errmsg (db));
      sqlite3_free (msg);
      return FALSE;
    }
  sqlite3_free (msg);
  return TRUE;
}

/* Makes a whole new database at @path: initialised in a private file beside it (under
 * SQLite's exclusive lock, in WAL mode, at the latest schema, keyed), then linked into place.
 * link () never replaces: when another process made the database first, its database stands
 * and this one is dropped. */
static gboolean
create_database (const char  *path,
                 gboolean    *created,
                 GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *tmp = g_strconcat (path, ".new-XXXXXX", NULL);
  g_autofree char *tmp_wal = NULL;
  g_autofree char *tmp_shm = NULL;
  g_autoptr(GError) local = NULL;
  sqlite3 *db = NULL;
  int fd;
  int rc;

  *created = FALSE;
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

  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                   _("Could not create the database %s: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  fchmod (fd, 0600);
  close (fd);
  tmp_wal = g_strconcat (tmp, "-wal", NULL);
  tmp_shm = g_strconcat (tmp, "-shm", NULL);

  rc = sqlite3_open_v2 (tmp, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      char *msg = NULL;

      sqlite3_extended_result_codes (db, 1);
      if (sqlite3_exec (db, "PRAGMA locking_mode = EXCLUSIVE; PRAGMA journal_mode = WAL; "
                        "PRAGMA synchronous = FULL", NULL, NULL, &msg) != SQLITE_OK)
        {
          g_set_error (&local, QUORUM_ERROR, QUORUM_ERROR_STORAGE, "%s", msg ? msg : sqlite3_errmsg (db));
          sqlite3_free (msg);
        }
      else
        _quorum_store_migrate (db, 0, &local);
    }
  else
    g_set_error (&local, QUORUM_ERROR, QUORUM_ERROR_STORAGE, "%s",
                 db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  /* The last close checkpoints the WAL into the file, which then stands alone. */
  if (db != NULL && sqlite3_close (db) != SQLITE_OK && local == NULL)
    g_set_error_literal (&local, QUORUM_ERROR, QUORUM_ERROR_STORAGE, sqlite3_errmsg (db));

  if (local == NULL)
    {
      if (link (tmp, path) == 0)
        *created = TRUE;
      else if (errno != EEXIST)
        {
          int saved_errno = errno;
          g_set_error (&local, QUORUM_ERROR, QUORUM_ERROR_STORAGE, "%s", g_strerror (saved_errno));
        }
    }
  g_unlink (tmp_wal);
  g_unlink (tmp_shm);
  g_unlink (tmp);

  if (local != NULL)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                   _("Could not create the database %s: %s"), path, local->message);
      return FALSE;
    }
  return TRUE;
}

/* Modes looser than the user's own are tightened, and SQLite's -wal/-shm left read-only by a
 * read of a read-only database are made writable again once the database is. */
static void
tighten_modes (QuorumStore *self,
               const char  *path)
{
  const char *suffixes[] = { "", "-wal", "-shm" };
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *own_dir = g_build_filename (g_get_user_data_dir (), "quorum", NULL);
  GStatBuf st;

  /* The app's own folder is private too (a folder the user named is theirs to set). */
  if (g_strcmp0 (dir, own_dir) == 0 && g_stat (dir, &st) == 0 && st.st_uid == getuid () &&
      (st.st_mode & 077) != 0 && g_chmod (dir, 0700) == 0)
    {
      g_autofree char *notice = g_strdup_printf (_("%s could be read by others; it is now private to you (0700)"), dir);
      _quorum_store_add_notice (self, notice);
    }

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      if (g_stat (file, &st) != 0 || st.st_uid != getuid () || !S_ISREG (st.st_mode))
        continue;
      if ((st.st_mode & 077) != 0)
        {
          if (g_chmod (file, st.st_mode & 0700) == 0)
            {
              g_autofree char *notice = g_strdup_printf (_("%s could be read by others; it is now private "
                                                           "to you (0600)"), file);
              _quorum_store_add_notice (self, notice);
            }
        }
      if (i > 0 && (st.st_mode & 0200) == 0 && access (path, W_OK) == 0)
        g_chmod (file, 0600);
    }
}

/* Reads the file's header: FALSE with an error when it is not a Quorum database. A file of
 * no bytes is a database to make. */
static gboolean
check_header (int          fd,
              const char  *path,
              gboolean    *empty,
              guint32     *application_id,
              GError     **error)
{
  guint8 header[100];
  gssize got = pread (fd, header, sizeof header, 0);

  *empty = got == 0;
  *application_id = 0;
  if (got == 0)
    return TRUE;
  if (got < (gssize) sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                   _("%s is not a Quorum database (it is not an SQLite database at all)"), path);
      return FALSE;
    }
  *application_id = (guint32) header[68] << 24 | (guint32) header[69] << 16 |
                    (guint32) header[70] << 8 | header[71];
  if (*application_id != 0 && *application_id != QUORUM_APPLICATION_ID)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                   _("%s is another application's database (application id %08x); Quorum does not open it"),
                   path, *application_id);
      return FALSE;
    }
  return TRUE;
}

/* A file without Quorum's application id is Quorum's only if it was made by a Quorum from
 * before the id: its audit log and meta table are there. */
static gboolean
check_legacy (sqlite3     *db,
              const char  *path,
              GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int n = -1;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT (SELECT count(*) FROM sqlite_schema), "
                           "(SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('meta', 'audit', 'conference'))",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int all = sqlite3_column_int (stmt, 0);
      int ours = sqlite3_column_int (stmt, 1);
      n = (all == 0) ? 0 : (ours == 3 ? 1 : 2);
    }
  sqlite3_finalize (stmt);
  if (n < 0)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                   _("%s is not a Quorum database: %s"), path, sqlite3_errmsg (db));
      return FALSE;
    }
  if (n == 2)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                   _("%s is another application's SQLite database; Quorum does not open it"), path);
      return FALSE;
    }
  return TRUE;
}

QuorumStore *
quorum_store_open (const char  *path,
                   GError     **error)
{
  return quorum_store_open_full (path, QUORUM_STORE_OPEN_CREATE, error);
}

static gboolean
finish_open (QuorumStore           *self,
             QuorumStoreOpenFlags   flags,
             GError               **error)
{
  g_autofree char *source = NULL;
  g_autoptr(GError) key_error = NULL;
  g_autoptr(GPtrArray) notices = g_ptr_array_new_with_free_func (g_free);
  GBytes *key;
  sqlite3 *db = self->db;

  sqlite3_busy_timeout (db, 10000);
  sqlite3_extended_result_codes (db, 1);

  /* Durable: WAL with a full sync at every commit; a record shown is a record kept. */
  if (!exec_pragma (db, "PRAGMA journal_mode = WAL", error) ||
      !exec_pragma (db, "PRAGMA synchronous = FULL", error) ||
      !exec_pragma (db, "PRAGMA foreign_keys = ON", error) ||
      !exec_pragma (db, "PRAGMA trusted_schema = OFF", error))
    return FALSE;

  {
    sqlite3_stmt *stmt = NULL;

    if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
        sqlite3_step (stmt) == SQLITE_ROW)
      self->version_at_open = sqlite3_column_int (stmt, 0);
    sqlite3_finalize (stmt);
  }
  if (self->path != NULL && !(flags & QUORUM_STORE_OPEN_NO_BACKUPS) &&
      !_quorum_store_backup_before_migration (self, error))
    return FALSE;
  if (!_quorum_store_migrate (db, 0, error))
    return FALSE;

  key = _quorum_store_load_key (&source, notices, &key_error);
  for (guint i = 0; i < notices->len; i++)
    _quorum_store_add_notice (self, notices->pdata[i]);
  if (key == NULL)
    _quorum_store_set_key (self, NULL, key_error->message);
  else
    {
      _quorum_store_attach_key (self, key, source, NULL);
      g_bytes_unref (key);
    }

  if (!self->read_only && !(flags & QUORUM_STORE_OPEN_NO_BACKUPS))
    {
      sqlite3_stmt *stmt = NULL;
      gboolean has_records = FALSE;

      if (sqlite3_prepare_v2 (db, "SELECT EXISTS (SELECT 1 FROM audit)", -1, &stmt, NULL) == SQLITE_OK &&
          sqlite3_step (stmt) == SQLITE_ROW)
        has_records = sqlite3_column_int (stmt, 0) != 0;
      sqlite3_finalize (stmt);
      /* The app puts it off until its window is drawn; the first write runs it if not yet run. */
      if (has_records && (flags & QUORUM_STORE_OPEN_DEFER_DAILY_BACKUP))
        self->daily_pending = TRUE;
      else if (has_records)
        _quorum_store_daily_backup (self);
    }
  return TRUE;
}

void
_quorum_store_set_damaged (QuorumStore *self,
                           const char  *why)
{
  g_free (self->damaged);
  self->damaged = g_strdup (why ? why : "");
}

void
quorum_store_run_daily_backup (QuorumStore *self)
{
  g_return_if_fail (QUORUM_IS_STORE (self));

  if (!self->daily_pending)
    return;
  self->daily_pending = FALSE;
  _quorum_store_daily_backup (self);
}

gboolean
quorum_store_get_daily_backup_pending (QuorumStore *self)
{
  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);
  return self->daily_pending;
}

const char *
quorum_store_get_damaged (QuorumStore *self)
{
  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);
  return self->damaged;
}

QuorumStore *
quorum_store_open_full (const char            *path,
                        QuorumStoreOpenFlags   flags,
                        GError               **error)
{
  g_autoptr(QuorumStore) self = NULL;
  sqlite3 *db = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  if (*path == '\0')
    {
      g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_INVALID, _("The database path is empty"));
      return NULL;
    }
  if (!quorum_store_check_location (path, error))
    return NULL;

  self = g_object_new (QUORUM_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  /* Every Quorum process holds a shared lock (flock, apart from SQLite's own locks) on the
   * file it has open; a process that made a database removes it again only when it can take
   * the lock alone. A process whose file was removed under it starts again. */
  for (int attempt = 0; ; attempt++)
    {
      GStatBuf by_path;
      struct stat by_fd;
      gboolean empty = FALSE;
      guint32 application_id = 0;
      int fd;

      if (attempt >= OPEN_ATTEMPTS)
        {
          g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                       _("Could not open the database %s: it kept being replaced"), path);
          return NULL;
        }

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        {
          gboolean created = FALSE;

          if (!(flags & QUORUM_STORE_OPEN_CREATE))
            {
              g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE, _("There is no database at %s"), path);
              return NULL;
            }
          if (!create_database (path, &created, error))
            return NULL;
          self->created = created;
        }

      fd = g_open (path, O_RDWR | O_CLOEXEC, 0);
      if (fd < 0 && (errno == EACCES || errno == EROFS))
        fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
      if (fd < 0)
        {
          int saved_errno = errno;
          if (saved_errno == ENOENT)
            continue;
          g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                       _("Could not open the database %s: %s"), path, g_strerror (saved_errno));
          return NULL;
        }
      while (flock (fd, LOCK_SH) != 0 && errno == EINTR)
        ;
      if (fstat (fd, &by_fd) != 0 || g_stat (path, &by_path) != 0 ||
          by_fd.st_ino != by_path.st_ino || by_fd.st_dev != by_path.st_dev)
        {
          close (fd);
          self->created = FALSE;
          continue;
        }
      if (!S_ISREG (by_fd.st_mode))
        {
          close (fd);
          g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE, _("%s is not a database file"), path);
          return NULL;
        }
      if (!check_header (fd, path, &empty, &application_id, error))
        {
          close (fd);
          return NULL;
        }
      if (empty)
        {
          gboolean made = FALSE;

          /* An empty file someone made for us (mktemp): replaced by a whole new database,
           * unless another Quorum process has it open. */
          close (fd);
          if (g_file_test (path, G_FILE_TEST_EXISTS))
            {
              g_autofree char *aside = g_strconcat (path, ".empty-XXXXXX", NULL);
              int lock_fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);

              if (lock_fd >= 0 && flock (lock_fd, LOCK_EX | LOCK_NB) == 0 &&
                  fstat (lock_fd, &by_fd) == 0 && by_fd.st_size == 0 &&
                  g_stat (path, &by_path) == 0 && by_fd.st_ino == by_path.st_ino)
                {
                  int tmp_fd = g_mkstemp_full (aside, O_RDWR | O_CLOEXEC, 0600);
                  if (tmp_fd >= 0)
                    {
                      close (tmp_fd);
                      g_unlink (aside);
                      if (g_rename (path, aside) == 0)
                        {
                          if (!create_database (path, &made, error))
                            {
                              g_rename (aside, path);
                              close (lock_fd);
                              return NULL;
                            }
                          g_unlink (aside);
                        }
                    }
                }
              if (lock_fd >= 0)
                close (lock_fd);
            }
          g_usleep (1000);
          continue;
        }

      self->lock_fd = lock_file_acquire (fd, &by_fd);
      self->read_only = (fcntl (fd, F_GETFL) & O_ACCMODE) == O_RDONLY;
      break;
    }

  tighten_modes (self, path);

  rc = sqlite3_open_v2 (path, &db, self->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                   _("Could not open the database %s: %s"), path,
                   db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close_v2 (db);
      return NULL;
    }
  self->db = db;
  sqlite3_busy_timeout (db, 10000);

  if (!check_legacy (db, path, error) || !finish_open (self, flags, error))
    return NULL;

  return g_steal_pointer (&self);
}

QuorumStore *
quorum_store_open_memory (GError **error)
{
  g_autoptr(QuorumStore) self = g_object_new (QUORUM_TYPE_STORE, NULL);

  if (sqlite3_open_v2 (":memory:", &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY, NULL) != SQLITE_OK)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                   _("Could not open the database: %s"), sqlite3_errmsg (self->db));
      return NULL;
    }
  if (!_quorum_store_migrate (self->db, 0, error))
    return NULL;
  _quorum_store_set_key (self, NULL, _("the database is in memory only"));
  return g_steal_pointer (&self);
}

gboolean
quorum_store_get_created (QuorumStore *self)
{
  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);
  return self->created;
}

gboolean
quorum_store_close_discarding_unused (QuorumStore *self)
{
  const char *suffixes[] = { "-wal", "-shm", "" };
  sqlite3_stmt *stmt = NULL;
  gboolean holds_records = TRUE;
  GStatBuf by_path;
  struct stat by_fd;
  gboolean removed = FALSE;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);

  if (self->db != NULL &&
      sqlite3_prepare_v2 (self->db, "SELECT EXISTS (SELECT 1 FROM audit)", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    holds_records = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_finalize (stmt);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, statement_free);
  if (self->db != NULL)
    {
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }

  /* Only what this process alone made, and nobody has opened since. */
  if (self->created && !holds_records && self->lock_fd >= 0 && lock_file_alone (self->lock_fd) &&
      flock (self->lock_fd, LOCK_EX | LOCK_NB) == 0 &&
      fstat (self->lock_fd, &by_fd) == 0 && g_stat (self->path, &by_path) == 0 &&
      by_fd.st_ino == by_path.st_ino && by_fd.st_dev == by_path.st_dev)
    {
      /* The database last: while it stands, a newcomer opens it and waits for the lock. */
      for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
        {
          g_autofree char *file = g_strconcat (self->path, suffixes[i], NULL);
          g_unlink (file);
        }
      removed = TRUE;
    }
  lock_file_release (self->lock_fd);
  self->lock_fd = -1;
  return removed;
}

void
_quorum_store_add_notice (QuorumStore *self,
                          const char  *notice)
{
  /* The array stays NULL-terminated for quorum_store_get_notices. */
  if (self->notices->len > 0)
    g_ptr_array_remove_index (self->notices, self->notices->len - 1);
  g_ptr_array_add (self->notices, g_strdup (notice));
  g_ptr_array_add (self->notices, NULL);
}

const char * const *
quorum_store_get_notices (QuorumStore *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);
  if (self->notices->len == 0)
    return none;
  return (const char * const *) self->notices->pdata;
}

int
_quorum_store_get_version_at_open (QuorumStore *self)
{
  return self->version_at_open;
}

GBytes *
_quorum_store_get_key (QuorumStore *self)
{
  return self->key;
}

const char *
_quorum_store_get_key_problem (QuorumStore *self)
{
  return self->key_problem ? self->key_problem : _("no audit key");
}

void
_quorum_store_set_key (QuorumStore *self,
                       GBytes      *key,
                       const char  *problem)
{
  g_clear_pointer (&self->key, g_bytes_unref);
  g_clear_pointer (&self->key_problem, g_free);
  if (key != NULL)
    self->key = g_bytes_ref (key);
  self->key_problem = g_strdup (problem);
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

void
quorum_store_set_signer (QuorumStore *self,
                         const char  *name)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));

  g_return_if_fail (QUORUM_IS_STORE (self));

  g_free (self->signer);
  self->signer = *trimmed != '\0' ? g_steal_pointer (&trimmed) : NULL;
}

const char *
quorum_store_get_signer (QuorumStore *self)
{
  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);
  return self->signer != NULL ? self->signer : self->user;
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

  /* A damaged database is never written to: a write could spread the damage. The daily
   * check runs first if its opener put it off. */
  quorum_store_run_daily_backup (self);
  if (self->damaged != NULL)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                   _("The database is damaged (%s), so nothing is written to it; restore its newest good "
                     "backup (quorum-cli restore)"), self->damaged);
      return FALSE;
    }

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
      g_clear_pointer (&self->pending_anchor, g_free);
      return FALSE;
    }
  self->in_transaction = FALSE;
  if (self->pending_anchor != NULL)
    {
      _quorum_store_write_anchor (self->path, self->pending_anchor);
      g_clear_pointer (&self->pending_anchor, g_free);
    }
  return TRUE;
}

void
_quorum_store_set_pending_anchor (QuorumStore *self,
                                  const char  *anchor)
{
  g_free (self->pending_anchor);
  self->pending_anchor = g_strdup (anchor);
}

/* The anchor: the newest keyed entry this computer saw the database at @path hold, kept in the
 * user's state folder, outside the file. A database cut back, replaced by an older copy or
 * made to look unkeyed no longer holds it. */
static char *
anchor_file (const char *path)
{
  g_autofree char *real = NULL;
  g_autofree char *digest = NULL;

  if (path == NULL)
    return NULL;
  real = realpath (path, NULL);
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, real ? real : path, -1);
  return g_build_filename (g_get_user_state_dir (), "quorum", "anchors", digest, NULL);
}

void
_quorum_store_write_anchor (const char *path,
                            const char *anchor)
{
  g_autofree char *file = anchor_file (path);
  g_autofree char *dir = NULL;

  if (file == NULL)
    return;
  dir = g_path_get_dirname (file);
  if (anchor == NULL)
    {
      g_unlink (file);
      return;
    }
  if (g_mkdir_with_parents (dir, 0700) == 0)
    g_file_set_contents_full (file, anchor, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, NULL);
}

char *
_quorum_store_read_anchor (const char *path)
{
  g_autofree char *file = anchor_file (path);
  char *text = NULL;

  if (file == NULL || !g_file_get_contents (file, &text, NULL, NULL))
    return NULL;
  return g_strstrip (text);
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
  g_clear_pointer (&self->pending_anchor, g_free);
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
_quorum_store_fail_read (QuorumStore  *self,
                         int           rc,
                         GError      **error)
{
  if (error == NULL || *error != NULL)
    return FALSE;
  g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
               _("The database could not be read: %s"), sqlite3_errmsg (self->db));
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
