/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-sqlite-file.c: a Quorum database as a SQLite file: made whole beside its place and
 * linked in, opened under a shared lock, kept private, and removed again when this process
 * made it for nothing. */

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/syscall.h>

#include "quorum-sqlite-private.h"


/* One lock descriptor per database file per process: closing any descriptor of a file drops
 * every POSIX lock the process holds on it (SQLite's among them), so the descriptor is shared
 * by the stores of a process and closed only by the last one. */
typedef struct
{
  int     fd;
  guint   refs;
  GSList *spares;  /* descriptors that lost a race to be the one, or that others closed (see
                    * close () below): closed with it */
  dev_t   dev;
  ino_t   ino;
  char   *wal;     /* the database's -wal and -shm, as /proc/self/fd names them */
  char   *shm;
} LockFile;

G_LOCK_DEFINE_STATIC (lock_files);
static GHashTable *lock_files;  /* "dev:ino" → LockFile */
static gint n_lock_files;       /* its size, read without the lock */
static pid_t lock_files_pid;    /* the process they belong to (a fork's child holds no locks) */

static int
real_close (int fd)
{
  return (int) syscall (SYS_close, fd);
}

static void
lock_file_free (LockFile *lf)
{
  g_free (lf->wal);
  g_free (lf->shm);
  g_free (lf);
}

/* Whether @fd is a descriptor of a database file a store of this process holds, or of its -wal
 * or -shm. Called with lock_files locked. */
static LockFile *
lock_file_of (int                fd,
              const struct stat *st)
{
  GHashTableIter iter;
  gpointer value;
  char link[PATH_MAX + 1];
  g_autofree char *proc = NULL;
  ssize_t n = -1;

  g_hash_table_iter_init (&iter, lock_files);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      LockFile *lf = value;

      if (lf->dev != st->st_dev)
        continue;
      if (lf->ino == st->st_ino)
        return lf;
      if (n < 0)
        {
          proc = g_strdup_printf ("/proc/self/fd/%d", fd);
          n = readlink (proc, link, sizeof link - 1);
          if (n < 0)
            return NULL;
          link[n] = '\0';
        }
      if (g_strcmp0 (link, lf->wal) == 0 || g_strcmp0 (link, lf->shm) == 0)
        return lf;
    }
  return NULL;
}

/* POSIX locks belong to the process and the file: closing *any* descriptor of a database file
 * drops every lock the process holds on it, SQLite's included, and another process (quorum-cli)
 * may then take this one's connection for gone, checkpoint and delete the -wal and -shm under
 * it: what the app records next goes to a deleted file. GIO does exactly that when a file
 * chooser lists the database's folder (it opens each file to sniff its type). So in a process
 * with a store open, a descriptor of one of its files that another library closes is kept open,
 * and closed when the last store lets the file go. SQLite's own descriptors do not come here
 * (ensure_own_close ()): it keeps its locks itself. */
int
close (int fd)
{
  struct stat st;
  LockFile *lf = NULL;

  if (g_atomic_int_get (&n_lock_files) == 0 || getpid () != lock_files_pid ||
      fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    return real_close (fd);

  G_LOCK (lock_files);
  if (lock_files != NULL && (lf = lock_file_of (fd, &st)) != NULL)
    lf->spares = g_slist_prepend (lf->spares, GINT_TO_POINTER (fd));
  G_UNLOCK (lock_files);

  return lf != NULL ? 0 : real_close (fd);
}

/* SQLite's own descriptors are closed as SQLite decides, not kept by close () above. */
static void
ensure_own_close (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      sqlite3_vfs *vfs = sqlite3_vfs_find (NULL);

      if (vfs != NULL && vfs->iVersion >= 3 && vfs->xSetSystemCall != NULL)
        vfs->xSetSystemCall (vfs, "close", (sqlite3_syscall_ptr) real_close);
      g_once_init_leave (&done, 1);
    }
}

static char *
inode_key (const struct stat *st)
{
  return g_strdup_printf ("%llu:%llu", (unsigned long long) st->st_dev, (unsigned long long) st->st_ino);
}

/* Takes @fd (open on a file with the lock taken) or, when the process has one already,
 * closes @fd and returns that one. */
static int
lock_file_acquire (int                fd,
                   const struct stat *st,
                   const char        *path)
{
  g_autofree char *key = inode_key (st);
  LockFile *lf;
  int result;

  G_LOCK (lock_files);
  if (lock_files == NULL)
    lock_files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) lock_file_free);
  lf = g_hash_table_lookup (lock_files, key);
  if (lf != NULL)
    {
      /* Another store of the process got there first. Closing @fd now would drop the POSIX
       * locks its SQLite connection holds on the file (see lock_file_reuse): it is kept until
       * the last store of the process lets the file go. */
      lf->refs++;
      lf->spares = g_slist_prepend (lf->spares, GINT_TO_POINTER (fd));
      result = lf->fd;
      G_UNLOCK (lock_files);
      return result;
    }
  lf = g_new0 (LockFile, 1);
  lf->fd = fd;
  lf->refs = 1;
  lf->dev = st->st_dev;
  lf->ino = st->st_ino;
  {
    g_autofree char *real = realpath (path, NULL);

    lf->wal = g_strconcat (real != NULL ? real : path, "-wal", NULL);
    lf->shm = g_strconcat (real != NULL ? real : path, "-shm", NULL);
  }
  g_hash_table_insert (lock_files, g_steal_pointer (&key), lf);
  lock_files_pid = getpid ();
  g_atomic_int_set (&n_lock_files, (gint) g_hash_table_size (lock_files));
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
      /* The last store of the process lets the file go: its locks may go with it. */
      for (GSList *l = lf->spares; l != NULL; l = l->next)
        real_close (GPOINTER_TO_INT (l->data));
      g_slist_free (lf->spares);
      g_hash_table_remove (lock_files, key);
      g_atomic_int_set (&n_lock_files, (gint) g_hash_table_size (lock_files));
      real_close (fd);
    }
  G_UNLOCK (lock_files);
}

/* The descriptor this process already holds on the file at @path (one more reference to it), or
 * -1. POSIX locks belong to the process and the file: closing *any* descriptor of the file drops
 * every one the process holds on it, SQLite's included, and another process may then take this
 * one's connection for the last, checkpoint and delete the -wal and -shm under it ("database disk
 * image is malformed"). So a second store of the process on the same file opens no descriptor
 * of its own to look at it. */
static int
lock_file_reuse (const char *path)
{
  GStatBuf st;
  g_autofree char *key = NULL;
  LockFile *lf;
  int fd = -1;

  if (g_stat (path, &st) != 0)
    return -1;
  key = inode_key ((const struct stat *) &st);
  G_LOCK (lock_files);
  lf = lock_files ? g_hash_table_lookup (lock_files, key) : NULL;
  if (lf != NULL)
    {
      lf->refs++;
      fd = lf->fd;
    }
  G_UNLOCK (lock_files);
  return fd;
}

/* Lets go of a descriptor opened to look at the file, or of the reference lock_file_reuse took. */
static void
fd_done (int      fd,
         gboolean reused)
{
  if (reused)
    lock_file_release (fd);
  else
    close (fd);
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
tighten_modes (const char *path,
               GPtrArray  *notices)
{
  const char *suffixes[] = { "", "-wal", "-shm" };
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *own_dir = g_build_filename (g_get_user_data_dir (), "quorum", NULL);
  GStatBuf st;

  /* The app's own folder is private too (a folder the user named is theirs to set). */
  if (g_strcmp0 (dir, own_dir) == 0 && g_stat (dir, &st) == 0 && st.st_uid == getuid () &&
      (st.st_mode & 077) != 0 && g_chmod (dir, 0700) == 0)
    {
      char *notice = g_strdup_printf (_("%s could be read by others; it is now private to you (0700)"), dir);
      g_ptr_array_add (notices, g_steal_pointer (&notice));
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
              char *notice = g_strdup_printf (_("%s could be read by others; it is now private "
                                                           "to you (0600)"), file);
              g_ptr_array_add (notices, g_steal_pointer (&notice));
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

gboolean
_quorum_sqlite_file_open (const char        *path,
                          gboolean           create,
                          QuorumSqliteFile  *file,
                          GPtrArray         *notices,
                          GError           **error)
{
  sqlite3 *db = NULL;
  int rc;

  file->handle = NULL;
  file->lock_fd = -1;
  file->created = FALSE;
  file->read_only = FALSE;

  /* Every Quorum process holds a shared lock (flock, apart from SQLite's own locks) on the
   * file it has open; a process that made a database removes it again only when it can take
   * the lock alone. A process whose file was removed under it starts again. */
  for (int attempt = 0; ; attempt++)
    {
      GStatBuf by_path;
      struct stat by_fd;
      gboolean empty = FALSE;
      guint32 application_id = 0;
      gboolean reused;
      int fd;

      if (attempt >= OPEN_ATTEMPTS)
        {
          g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                       _("Could not open the database %s: it kept being replaced"), path);
          return FALSE;
        }

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        {
          gboolean created = FALSE;

          if (!create)
            {
              g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE, _("There is no database at %s"), path);
              return FALSE;
            }
          if (!create_database (path, &created, error))
            return FALSE;
          file->created = created;
        }

      fd = lock_file_reuse (path);
      reused = fd >= 0;
      if (!reused)
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
          return FALSE;
        }
      while (flock (fd, LOCK_SH) != 0 && errno == EINTR)
        ;
      if (fstat (fd, &by_fd) != 0 || g_stat (path, &by_path) != 0 ||
          by_fd.st_ino != by_path.st_ino || by_fd.st_dev != by_path.st_dev)
        {
          fd_done (fd, reused);
          file->created = FALSE;
          continue;
        }
      if (!S_ISREG (by_fd.st_mode))
        {
          fd_done (fd, reused);
          g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE, _("%s is not a database file"), path);
          return FALSE;
        }
      if (!check_header (fd, path, &empty, &application_id, error))
        {
          fd_done (fd, reused);
          return FALSE;
        }
      if (empty)
        {
          gboolean made = FALSE;

          /* An empty file someone made for us (mktemp): replaced by a whole new database,
           * unless another Quorum process has it open. */
          fd_done (fd, reused);
          if (reused)
            {
              g_usleep (1000);
              continue;
            }
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
                              return FALSE;
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

      file->lock_fd = reused ? fd : lock_file_acquire (fd, &by_fd, path);
      file->read_only = (fcntl (fd, F_GETFL) & O_ACCMODE) == O_RDONLY;
      break;
    }


  tighten_modes (path, notices);

  ensure_own_close ();
  rc = sqlite3_open_v2 (path, &db, file->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                   _("Could not open the database %s: %s"), path,
                   db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close_v2 (db);
      _quorum_sqlite_file_release (path, file->lock_fd, FALSE);
      file->lock_fd = -1;
      return FALSE;
    }
  sqlite3_busy_timeout (db, 10000);
  if (!check_legacy (db, path, error))
    {
      sqlite3_close_v2 (db);
      _quorum_sqlite_file_release (path, file->lock_fd, FALSE);
      file->lock_fd = -1;
      return FALSE;
    }
  file->handle = db;
  return TRUE;
}

gboolean
_quorum_sqlite_prepare_connection (sqlite3  *db,
                                   int      *version,
                                   GError  **error)
{
  sqlite3_busy_timeout (db, 10000);
  sqlite3_extended_result_codes (db, 1);

  /* Durable: WAL with a full sync at every commit; a record shown is a record kept. */
  if (!exec_pragma (db, "PRAGMA journal_mode = WAL", error) ||
      !exec_pragma (db, "PRAGMA synchronous = FULL", error) ||
      !exec_pragma (db, "PRAGMA foreign_keys = ON", error) ||
      !exec_pragma (db, "PRAGMA trusted_schema = OFF", error))
    return FALSE;
  *version = _quorum_sqlite_get_user_version (db);
  return TRUE;
}

int
_quorum_sqlite_get_user_version (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  int version = 0;

  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

gboolean
_quorum_sqlite_file_release (const char *path,
                             int         lock_fd,
                             gboolean    discard)
{
  const char *suffixes[] = { "-wal", "-shm", "" };
  GStatBuf by_path;
  struct stat by_fd;
  gboolean removed = FALSE;

  /* Only what this process alone made, and nobody has opened since. */
  if (discard && lock_fd >= 0 && lock_file_alone (lock_fd) &&
      flock (lock_fd, LOCK_EX | LOCK_NB) == 0 &&
      fstat (lock_fd, &by_fd) == 0 && g_stat (path, &by_path) == 0 &&
      by_fd.st_ino == by_path.st_ino && by_fd.st_dev == by_path.st_dev)
    {
      /* The database last: while it stands, a newcomer opens it and waits for the lock. */
      for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
        {
          g_autofree char *name = g_strconcat (path, suffixes[i], NULL);
          g_unlink (name);
        }
      removed = TRUE;
    }
  lock_file_release (lock_fd);
  return removed;
}
