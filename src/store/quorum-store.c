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
#include "quorum/quorum-validate.h"
#include "sqlite/quorum-sqlite-private.h"

struct _QuorumStore
{
  GObject     parent_instance;

  QuorumDb   *db;
  char       *path;
  char       *user;
  char       *signer;      /* the person's own name for the record; NULL: the login */
  gboolean    in_transaction;

  int         lock_fd;     /* SQLite: holds a shared flock on the database file while open */
  gboolean    created;     /* this store made the file */
  gboolean    read_only;
  GBytes     *key;         /* the audit key, or NULL */
  gboolean    server_keyed; /* PostgreSQL: the server keys every entry; no client holds the key */
  char       *key_problem; /* why there is none */
  char       *damaged;     /* why the database fails its integrity check, or NULL */
  gboolean    daily_pending; /* the daily check and backup, put off by the opener, not yet run */
  gboolean    daily_thread;  /* a thread runs them on its own connection (…_run_daily_backup_async) */
  gint        daily_checked; /* set by that thread: 0 not yet known, 1 sound, 2 damaged */
  char       *pending_anchor; /* written once the transaction commits */
  guint       retries;     /* transactions run again after a conflict */
  gboolean    write_began; /* a write transaction began and has not committed */
  int         version_at_open; /* the schema version before this opening's migrations */
  GPtrArray  *notices;     /* char*, NULL-terminated */
  char       *password;    /* PostgreSQL: the password a person typed, for this store's reopenings */
  QuorumDbStmt *sent_audit_head; /* the audit chain's head, read with the transaction's first statements */
  GArray     *told;        /* Told: what the open transaction changed, emitted once it commits */
  GHashTable *told_records; /* "channel:id" already in @told: a transaction of 100,000 rows tells each once */
  guint64     commits;     /* write transactions committed (quorum_store_get_commit_serial) */
  GHashTable *people;      /* PostgreSQL: login → the name the record shows (admin grant --name) */
  GMutex      people_lock; /* a store's records may be read from a thread */
};

typedef struct
{
  guint       signal;
  gint64      conference_id;  /* or, for "record-changed", the row's id sent as the payload */
  const char *channel;        /* "record-changed": a static string, or NULL */
} Told;

enum {
  CONFERENCE_ADDED,
  CONFERENCE_CHANGED,
  RECORD_CHANGED,
  DRAFT_CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

G_DEFINE_FINAL_TYPE (QuorumStore, quorum_store, G_TYPE_OBJECT)

static void
quorum_store_finalize (GObject *object)
{
  QuorumStore *self = (QuorumStore *)object;

  g_clear_pointer (&self->db, quorum_db_close);
  if (self->lock_fd >= 0)
    _quorum_sqlite_file_release (self->path, self->lock_fd, FALSE);
  self->lock_fd = -1;
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->user, g_free);
  g_clear_pointer (&self->key, g_bytes_unref);
  g_clear_pointer (&self->key_problem, g_free);
  g_clear_pointer (&self->damaged, g_free);
  g_clear_pointer (&self->pending_anchor, g_free);
  g_clear_pointer (&self->notices, g_ptr_array_unref);
  g_clear_pointer (&self->told, g_array_unref);
  g_clear_pointer (&self->told_records, g_hash_table_unref);
  g_clear_pointer (&self->signer, g_free);
  g_clear_pointer (&self->people, g_hash_table_unref);
  g_mutex_clear (&self->people_lock);
  if (self->password != NULL)
    memset (self->password, 0, strlen (self->password));
  g_clear_pointer (&self->password, g_free);

  G_OBJECT_CLASS (quorum_store_parent_class)->finalize (object);
}

static void
quorum_store_class_init (QuorumStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = quorum_store_finalize;

  /* quorum-store.h: after COMMIT only. */
  signals [CONFERENCE_ADDED] =
    g_signal_new ("conference-added",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
  signals [CONFERENCE_CHANGED] =
    g_signal_new ("conference-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
  signals [RECORD_CHANGED] =
    g_signal_new ("record-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
  signals [DRAFT_CHANGED] =
    g_signal_new ("draft-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_STRING, G_TYPE_STRING);
}

static void
quorum_store_init (QuorumStore *self)
{
  self->user = g_strdup (g_get_user_name ());
  self->lock_fd = -1;
  g_mutex_init (&self->people_lock);
  self->notices = g_ptr_array_new_with_free_func (g_free);
  self->told = g_array_new (FALSE, FALSE, sizeof (Told));
  self->told_records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
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
  g_return_val_if_fail (location != NULL, FALSE);

#ifndef QUORUM_HAVE_POSTGRES
  if (quorum_db_location_is_postgres (location))
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("“%s” names a PostgreSQL database, and this version of Quorum keeps its "
                     "record in a SQLite file only; nothing was written"), location);
      return FALSE;
    }
#endif
  return TRUE;
}

/* A URI's password: in its user part (user:password@) or its query (password=…). */
static char *
uri_take_password (const char  *location,
                   char       **password)
{
  const char *authority = strstr (location, "://") + 3;
  const char *authority_end = authority + strcspn (authority, "/?");
  const char *at = NULL;
  const char *query = strchr (authority_end, '?');
  g_autoptr(GString) out = g_string_new_len (location, authority - location);
  g_autofree char *found = NULL;

  for (const char *p = authority; p < authority_end; p++)
    if (*p == '@')
      at = p;
  if (at != NULL)
    {
      const char *colon = memchr (authority, ':', at - authority);

      if (colon != NULL)
        {
          found = g_uri_unescape_segment (colon + 1, at, NULL);
          g_string_append_len (out, authority, colon - authority);
          g_string_append_len (out, at, authority_end - at);
        }
      else
        g_string_append_len (out, authority, authority_end - authority);
    }
  else
    g_string_append_len (out, authority, authority_end - authority);
  g_string_append_len (out, authority_end, (query != NULL ? query : authority_end + strlen (authority_end)) - authority_end);

  if (query != NULL)
    {
      g_auto(GStrv) params = g_strsplit (query + 1, "&", -1);
      guint kept = 0;

      for (guint i = 0; params[i] != NULL; i++)
        {
          if (g_str_has_prefix (params[i], "password="))
            {
              g_free (found);
              found = g_uri_unescape_string (params[i] + strlen ("password="), NULL);
              if (found == NULL)
                found = g_strdup (params[i] + strlen ("password="));
              continue;
            }
          g_string_append_printf (out, "%s%s", kept++ == 0 ? "?" : "&", params[i]);
        }
    }

  if (found == NULL)
    return NULL;
  *password = g_steal_pointer (&found);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A connection string's password=… (quoted 'with \' escapes' or bare). */
static char *
conninfo_take_password (const char  *location,
                        char       **password)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *found = NULL;
  const char *p = location;

  while (*p != '\0')
    {
      const char *start, *key_end;
      g_autoptr(GString) value = g_string_new (NULL);

      while (g_ascii_isspace (*p))
        p++;
      if (*p == '\0')
        break;
      start = p;
      while (*p != '\0' && *p != '=' && !g_ascii_isspace (*p))
        p++;
      key_end = p;
      while (g_ascii_isspace (*p))
        p++;
      if (*p != '=' || key_end == start)
        return NULL;  /* not a connection string: a file name */
      p++;
      while (g_ascii_isspace (*p))
        p++;
      if (*p == '\'')
        {
          for (p++; *p != '\0' && *p != '\''; p++)
            {
              if (*p == '\\' && p[1] != '\0')
                p++;
              g_string_append_c (value, *p);
            }
          if (*p != '\'')
            return NULL;
          p++;
        }
      else
        for (; *p != '\0' && !g_ascii_isspace (*p); p++)
          {
            if (*p == '\\' && p[1] != '\0')
              p++;
            g_string_append_c (value, *p);
          }

      if (key_end - start == 8 && strncmp (start, "password", 8) == 0)
        {
          g_free (found);
          found = g_strdup (value->str);
          continue;
        }
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_len (out, start, p - start);
    }

  if (found == NULL)
    return NULL;
  *password = g_steal_pointer (&found);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
quorum_store_location_take_password (const char  *location,
                                     char       **password)
{
  g_autofree char *found = NULL;
  char *stripped;

  g_return_val_if_fail (password != NULL, NULL);

  *password = NULL;
  if (location == NULL)
    return NULL;
  if (g_str_has_prefix (location, "postgresql://") || g_str_has_prefix (location, "postgres://"))
    stripped = uri_take_password (location, &found);
  else
    stripped = conninfo_take_password (location, &found);
  if (stripped == NULL)
    return NULL;
  *password = g_steal_pointer (&found);
  return stripped;
}

QuorumStore *
quorum_store_open (const char  *path,
                   GError     **error)
{
  return quorum_store_open_full (path, QUORUM_STORE_OPEN_CREATE, error);
}

/* Whether the database holds any record (every record has its audit entry). */
static gboolean
holds_records (QuorumStore *self)
{
  QuorumDbStmt *stmt = _quorum_store_prepare (self, "SELECT EXISTS (SELECT 1 FROM audit)", NULL);
  gboolean records = TRUE;

  if (stmt != NULL && quorum_db_step (stmt, NULL) == QUORUM_DB_ROW)
    records = quorum_db_column_int64 (stmt, 0) != 0;
  if (stmt != NULL)
    quorum_db_reset (stmt);
  return records;
}

#ifdef QUORUM_HAVE_POSTGRES
#include "postgres/quorum-db-postgres.h"
#include "postgres/quorum-pg-schema.h"
#include "postgres/quorum-pg-people.h"
#endif

/* A PostgreSQL database: made by `quorum-cli admin init` (roles, grants and schema need a
 * superuser), brought up to date here when it is behind; its actor is the server's
 * session_user, whom the row-level policies hold every audit entry to. */
static gboolean
open_postgres (QuorumStore  *self,
               GError      **error)
{
#ifdef QUORUM_HAVE_POSTGRES
  g_autoptr(GError) local = NULL;
  int version = quorum_pg_schema_version (self->db, &local);

  if (version < 0 || local != NULL)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                   _("Could not read the database %s: %s"), self->path,
                   local != NULL ? local->message : "");
      return FALSE;
    }
  if (version == 0)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("The PostgreSQL database %s holds no Quorum schema yet: its administrator "
                     "makes it once with “quorum-cli admin init --db …” (as a superuser of the "
                     "server); nothing was written"), self->path);
      return FALSE;
    }
  if (version > QUORUM_PG_SCHEMA_VERSION)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("The database %s was made by a newer version of Quorum (schema %d); this "
                     "version reads schema %d at most; nothing was written"),
                   self->path, version, QUORUM_PG_SCHEMA_VERSION);
      return FALSE;
    }
  if (version < QUORUM_PG_SCHEMA_VERSION && !quorum_pg_schema_migrate (self->db, &local))
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                   _("Could not bring the database %s up to date: %s"), self->path, local->message);
      return FALSE;
    }
  self->version_at_open = version;
  quorum_db_postgres_set_one_writer (self->db, TRUE);
  g_free (self->user);
  self->user = quorum_db_dup_session_user (self->db);
  if (self->user == NULL)
    self->user = g_strdup (g_get_user_name ());
  return TRUE;
#else
  g_assert_not_reached ();
#endif
}

/* The shared database keys its audit chain in the server (docs/notes/pgkey.md); one made before
 * that cannot be written until its administrator runs `admin init`. */
static gboolean
open_postgres_key (QuorumStore *self)
{
#ifdef QUORUM_HAVE_POSTGRES
  g_autoptr(GError) local = NULL;

  self->server_keyed = quorum_pg_audit_keyed (self->db, &local);
  if (!self->server_keyed)
    _quorum_store_set_key (self, NULL, local != NULL ? local->message
                           : _("the shared database's audit log is not keyed by its server yet (a database made "
                               "before the server kept the key): its administrator runs “quorum-cli admin init "
                               "--db …” once, as a superuser of the server"));
  return TRUE;
#else
  g_assert_not_reached ();
#endif
}

typedef struct
{
  QuorumStore *store;
  GBytes      *key;
} MigrateStep;

/* Inside the migrations' transaction, after a migration's SQL: what it needs of the store. */
static gboolean
migrate_step (int        version,
              gpointer   data,
              GError   **error)
{
  MigrateStep *step = data;

  if (version == 10)
    return _quorum_store_audit_carried_leaves (step->store, step->key, error);
  return TRUE;
}

/* What every opening does once it has a connection: the schema brought up to date, the
 * audit key, the daily backup. */
static gboolean
finish_open (QuorumStore           *self,
             QuorumStoreOpenFlags   flags,
             GError               **error)
{
  g_autofree char *source = NULL;
  g_autoptr(GError) key_error = NULL;
  g_autoptr(GPtrArray) notices = g_ptr_array_new_with_free_func (g_free);
  GBytes *key;
  sqlite3 *handle = _quorum_store_get_db (self);

  if (handle == NULL)
    {
      if (!open_postgres (self, error))
        return FALSE;
      /* A shared database's key is the server's: no key file or keyring is read, or made. */
      return open_postgres_key (self);
    }

  if (!_quorum_sqlite_prepare_connection (handle, &self->version_at_open, error))
    return FALSE;
  if (self->path != NULL && !(flags & QUORUM_STORE_OPEN_NO_BACKUPS) &&
      !_quorum_store_backup_before_migration (self, error))
    return FALSE;
  /* The key before the migrations: one may write audit entries (migrate_step). */
  key = _quorum_store_load_key (&source, notices, &key_error);
  {
    MigrateStep step = { self, key };

    if (!_quorum_store_migrate_with (handle, 0, migrate_step, &step, error))
      {
        g_clear_pointer (&key, g_bytes_unref);
        return FALSE;
      }
  }

  for (guint i = 0; i < notices->len; i++)
    _quorum_store_add_notice (self, notices->pdata[i]);
  if (key == NULL)
    _quorum_store_set_key (self, NULL, key_error->message);
  else
    {
      _quorum_store_attach_key (self, key, source, NULL);
      g_bytes_unref (key);
    }

  /* The app puts the day's check and backup off until its window is drawn; the first write
   * runs them if they have not run (_quorum_store_begin). */
  if (handle != NULL && !self->read_only && !(flags & QUORUM_STORE_OPEN_NO_BACKUPS) &&
      holds_records (self))
    {
      if (flags & QUORUM_STORE_OPEN_DEFER_DAILY_BACKUP)
        self->daily_pending = TRUE;
      else
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
  /* A thread is copying: a write does not wait for the copy, but never goes before the check
   * (the thread's, when it is done: else its own). */
  if (self->daily_thread)
    {
      if (g_atomic_int_get (&self->daily_checked) != 1)
        _quorum_store_daily_check (self);
    }
  else
    _quorum_store_daily_backup (self);
}

static void
daily_backup_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  char *why = NULL;

  QuorumStore *self = source_object;

  if (_quorum_sqlite_daily_backup_path (task_data, &self->daily_checked, &why))
    g_task_return_pointer (task, NULL, NULL);
  else
    g_task_return_pointer (task, why != NULL ? why : g_strdup (""), g_free);
}

static void
daily_backup_done (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  QuorumStore *self = QUORUM_STORE (object);
  g_autoptr(GTask) outer = user_data;
  g_autofree char *why = g_task_propagate_pointer (G_TASK (result), NULL);

  self->daily_thread = FALSE;
  self->daily_pending = FALSE;
  if (why != NULL)
    _quorum_store_set_damaged (self, why);
  g_task_return_boolean (outer, why == NULL);
}

void
quorum_store_run_daily_backup_async (QuorumStore         *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (QUORUM_IS_STORE (self));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, quorum_store_run_daily_backup_async);
  if (!self->daily_pending || self->daily_thread || self->path == NULL || _quorum_store_get_db (self) == NULL)
    {
      g_task_return_boolean (outer, self->damaged == NULL);
      return;
    }

  /* Not cancellable: a copy begun is finished (or cut short by the process's end, leaving
   * only a part that the next daily backup removes). */
  self->daily_thread = TRUE;
  g_atomic_int_set (&self->daily_checked, 0);
  task = g_task_new (self, NULL, daily_backup_done, g_steal_pointer (&outer));
  g_task_set_source_tag (task, daily_backup_thread);
  g_task_set_task_data (task, g_strdup (self->path), g_free);
  g_task_run_in_thread (task, daily_backup_thread);
}

gboolean
quorum_store_run_daily_backup_finish (QuorumStore   *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
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
  return quorum_store_open_with_password (path, NULL, flags, NULL, error);
}

QuorumStore *
quorum_store_open_again (QuorumStore           *self,
                         QuorumStoreOpenFlags   flags,
                         GError               **error)
{
  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);

  return quorum_store_open_with_password (self->path, self->password, flags, NULL, error);
}

QuorumStore *
quorum_store_open_with_password (const char            *path,
                                 const char            *password,
                                 QuorumStoreOpenFlags   flags,
                                 gboolean              *needs_password,
                                 GError               **error)
{
  g_autoptr(QuorumStore) self = NULL;
  g_autoptr(GPtrArray) notices = g_ptr_array_new_with_free_func (g_free);
  QuorumSqliteFile file;

  g_return_val_if_fail (path != NULL, NULL);

  if (needs_password != NULL)
    *needs_password = FALSE;
  if (*path == '\0')
    {
      g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_INVALID, _("The database path is empty"));
      return NULL;
    }
  if (!quorum_store_check_location (path, error))
    return NULL;

  self = g_object_new (QUORUM_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  if (quorum_db_location_is_postgres (path))
    {
      g_autoptr(GError) local = NULL;

      /* The server keeps the schema, its locks and its backups. */
#ifdef QUORUM_HAVE_POSTGRES
      gboolean wants = FALSE;

      self->db = quorum_db_postgres_open_full (path, password, &wants, &local);
      /* No password where the server asks for one, or the one typed refused: ask (again). */
      if (needs_password != NULL)
        *needs_password = self->db == NULL &&
                          (wants || (password != NULL &&
                                     g_error_matches (local, QUORUM_DB_ERROR, QUORUM_DB_ERROR_PERMISSION)));
      self->password = g_strdup (password);
#else
      self->db = quorum_db_open (path, &local);
#endif
      if (self->db == NULL)
        {
          g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                       _("Could not open the database %s: %s"), path, local->message);
          return NULL;
        }
      if (!finish_open (self, flags, error))
        return NULL;
      /* Drafts kept on this computer while the server was away (a window closed, or the app
       * killed, before it came back) go to it now. */
      if (quorum_store_count_kept_drafts (self) > 0)
        {
          g_autoptr(GError) sending = NULL;

          if (quorum_store_send_kept_drafts (self, &sending) == 0 && sending != NULL)
            g_warning ("The drafts kept on this computer are not yet on the server: %s", sending->message);
        }
      return g_steal_pointer (&self);
    }

  if (!_quorum_sqlite_file_open (path, (flags & QUORUM_STORE_OPEN_CREATE) != 0, &file, notices, error))
    return NULL;
  for (guint i = 0; i < notices->len; i++)
    _quorum_store_add_notice (self, notices->pdata[i]);
  self->lock_fd = file.lock_fd;
  self->created = file.created;
  self->read_only = file.read_only;
  self->db = quorum_db_sqlite_new (file.handle);

  if (!finish_open (self, flags, error))
    return NULL;

  return g_steal_pointer (&self);
}

QuorumStore *
quorum_store_open_memory (GError **error)
{
  g_autoptr(QuorumStore) self = g_object_new (QUORUM_TYPE_STORE, NULL);
  g_autoptr(GError) local = NULL;

  self->db = quorum_db_sqlite_open (":memory:", &local);
  if (self->db == NULL)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                   _("Could not open the database: %s"), local->message);
      return NULL;
    }
  if (!_quorum_store_migrate (_quorum_store_get_db (self), 0, error))
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
  gboolean records = TRUE;
  gboolean removed = FALSE;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);

  if (self->db != NULL)
    records = holds_records (self);
  g_clear_pointer (&self->db, quorum_db_close);

  if (self->lock_fd >= 0)
    removed = _quorum_sqlite_file_release (self->path, self->lock_fd, self->created && !records);
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

gboolean
_quorum_store_get_server_keyed (QuorumStore *self)
{
  return self->server_keyed;
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
  QuorumDbStmt *stmt;
  int version = 0;

  g_return_val_if_fail (QUORUM_IS_STORE (self), 0);

  /* SQLite keeps the version in the file's header; another backend in its meta table. */
  if (quorum_db_get_backend (self->db) == QUORUM_DB_BACKEND_SQLITE)
    return _quorum_sqlite_get_user_version (_quorum_store_get_db (self));
#ifdef QUORUM_HAVE_POSTGRES
  return MAX (quorum_pg_schema_version (self->db, NULL), 0);
#endif
  stmt = _quorum_store_prepare (self, "SELECT value FROM meta WHERE key = 'schema_version'", NULL);
  if (stmt != NULL && quorum_db_step (stmt, NULL) == QUORUM_DB_ROW)
    version = (int) g_ascii_strtoll (quorum_db_column_text (stmt, 0), NULL, 10);
  if (stmt != NULL)
    quorum_db_reset (stmt);
  return version;
}

void
quorum_store_set_user (QuorumStore *self,
                       const char  *user)
{
  g_return_if_fail (QUORUM_IS_STORE (self));
  g_return_if_fail (user != NULL);

  /* On a shared database the actor is the server's session user, whatever is asked. */
  if (self->db != NULL && quorum_db_get_backend (self->db) == QUORUM_DB_BACKEND_POSTGRES)
    return;
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

const char *
quorum_store_get_actor (QuorumStore *self)
{
  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);

  /* A shared database names the server's user, whom its policies know (docs/notes/actor.md). */
  if (self->db != NULL && quorum_db_get_backend (self->db) == QUORUM_DB_BACKEND_POSTGRES)
    return self->user;
  return quorum_store_get_signer (self);
}

char *
quorum_store_dup_person_name (QuorumStore *self,
                              const char  *login)
{
  const char *name = NULL;
  char *result;

  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);

  if (login == NULL)
    return NULL;
  if (self->db == NULL || quorum_db_get_backend (self->db) != QUORUM_DB_BACKEND_POSTGRES)
    return g_strdup (login);

  g_mutex_lock (&self->people_lock);
  /* Read once a store, by the PostgreSQL driver's part (postgres/quorum-pg-people.c). */
  if (self->people == NULL)
#ifdef QUORUM_HAVE_POSTGRES
    self->people = quorum_pg_read_people (self->db);
#else
    self->people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
#endif
  name = g_hash_table_lookup (self->people, login);
  result = g_strdup (name != NULL ? name : login);
  g_mutex_unlock (&self->people_lock);
  return result;
}

char *
_quorum_store_column_person (QuorumStore  *self,
                             QuorumDbStmt *stmt,
                             int           column)
{
  g_autofree char *login = _quorum_column_dup (stmt, column);

  return quorum_store_dup_person_name (self, login);
}

char *
quorum_store_dup_shown_signer (QuorumStore *self)
{
  return quorum_store_dup_person_name (self, quorum_store_get_signer (self));
}

char *
quorum_store_dup_shown_actor (QuorumStore *self)
{
  return quorum_store_dup_person_name (self, quorum_store_get_actor (self));
}

QuorumDb *
_quorum_store_get_connection (QuorumStore *self)
{
  return self->db;
}

sqlite3 *
_quorum_store_get_db (QuorumStore *self)
{
  if (self->db == NULL || quorum_db_get_backend (self->db) != QUORUM_DB_BACKEND_SQLITE)
    return NULL;
  return quorum_db_sqlite_get_handle (self->db);
}

const char *
_quorum_store_dialect (QuorumStore  *self,
                       const char   *sqlite_sql,
                       const char   *postgres_sql)
{
  return quorum_db_get_backend (self->db) == QUORUM_DB_BACKEND_POSTGRES ? postgres_sql : sqlite_sql;
}

QuorumDbStmt *
_quorum_store_prepare (QuorumStore  *self,
                       const char   *sql,
                       GError      **error)
{
  g_autoptr(GError) local = NULL;
  QuorumDbStmt *stmt = quorum_db_prepare (self->db, sql, &local);

  if (stmt == NULL)
    g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                 _("The database could not prepare a query: %s"), local->message);
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

  if (!quorum_db_begin (self->db, TRUE, NULL))
    return _quorum_store_fail (self, error);
  self->in_transaction = TRUE;
  self->write_began = TRUE;
  return TRUE;
}

gboolean
_quorum_store_commit (QuorumStore  *self,
                      GError      **error)
{
  g_return_val_if_fail (self->in_transaction, FALSE);

  self->sent_audit_head = NULL;
  if (!quorum_db_commit (self->db, NULL))
    {
      _quorum_store_fail (self, error);
      _quorum_store_rollback (self);
      g_clear_pointer (&self->pending_anchor, g_free);
      return FALSE;
    }
  self->in_transaction = FALSE;
  self->write_began = FALSE;
  if (self->pending_anchor != NULL)
    {
      _quorum_store_write_anchor (self->path, self->pending_anchor);
      g_clear_pointer (&self->pending_anchor, g_free);
    }
  self->commits++;
  /* Committed: told now, the store out of its transaction (a handler may read or write). */
  if (self->told->len > 0)
    {
      g_autoptr(GArray) told = g_steal_pointer (&self->told);

      self->told = g_array_new (FALSE, FALSE, sizeof (Told));
      g_hash_table_remove_all (self->told_records);
      for (guint i = 0; i < told->len; i++)
        {
          Told *t = &g_array_index (told, Told, i);

          if (t->signal == RECORD_CHANGED)
            {
              char payload[32];

              g_snprintf (payload, sizeof payload, "%" G_GINT64_FORMAT, t->conference_id);
              g_signal_emit (self, signals [t->signal], 0, t->channel, t->channel != NULL ? payload : "");
            }
          else
            g_signal_emit (self, signals [t->signal], 0, t->conference_id);
        }
    }
  return TRUE;
}

static void
tell (QuorumStore *self,
      guint        signal,
      gint64       conference_id)
{
  Told t = { signal, conference_id, NULL };

  g_return_if_fail (self->in_transaction);

  g_array_append_val (self->told, t);
}

/* The channels PostgreSQL's triggers notify for a table (quorum-pg-schema.c), told in-process
 * as "record-changed" once the transaction commits: what one window writes, the others show,
 * on either backend. Each channel and id once a transaction. */
void
_quorum_store_tell_record_changed (QuorumStore *self,
                                   const char  *entity,
                                   gint64       entity_id,
                                   gint64       conference_id)
{
  Told t = { RECORD_CHANGED, 0, NULL };

  if (!self->in_transaction || entity == NULL)
    return;

  if (g_str_has_prefix (entity, "referral") || g_str_equal (entity, "notice"))
    {
      t.channel = "referral";
      t.conference_id = entity_id;
    }
  else if (g_str_has_prefix (entity, "difference"))
    {
      t.channel = "difference";
      t.conference_id = entity_id;
    }
  else if (conference_id > 0)
    {
      t.channel = "conference";
      t.conference_id = conference_id;
    }

  if (!g_hash_table_add (self->told_records,
                         g_strdup_printf ("%s:%" G_GINT64_FORMAT, t.channel != NULL ? t.channel : "", t.conference_id)))
    return;
  g_array_append_val (self->told, t);
}

guint64
quorum_store_get_commit_serial (QuorumStore *self)
{
  g_return_val_if_fail (QUORUM_IS_STORE (self), 0);

  return self->commits;
}

void
_quorum_store_tell_draft_changed (QuorumStore *self,
                                  gint64       conference_id,
                                  const char  *scope,
                                  const char  *field)
{
  g_signal_emit (self, signals [DRAFT_CHANGED], 0, conference_id, scope, field);
}

void
_quorum_store_tell_conference_added (QuorumStore *self,
                                     gint64       conference_id)
{
  tell (self, CONFERENCE_ADDED, conference_id);
}

void
_quorum_store_tell_conference_changed (QuorumStore *self,
                                       gint64       conference_id)
{
  tell (self, CONFERENCE_CHANGED, conference_id);
}

gboolean
_quorum_store_retry (QuorumStore  *self,
                     guint         attempt,
                     GError      **error)
{
  /* Only a transaction this call began and the backend aborted for a conflict: a call refused
   * before its BEGIN is not run again, whatever an earlier transaction met. */
  gboolean conflicted = self->write_began && quorum_db_get_conflicted (self->db);

  self->write_began = FALSE;
  /* The call's own failure path rolled back; a path that did not, does now. */
  _quorum_store_rollback (self);
  if (!conflicted || attempt + 1 >= QUORUM_STORE_ATTEMPTS)
    return FALSE;
  g_debug ("store: transaction aborted by a conflict, run again (%s)", (*error)->message);
  g_clear_error (error);
  self->retries++;
  /* Apart, so that two writers that met do not meet again: 1, 2, 4 … 128 ms, and up to as
   * much again at random. */
  {
    gulong wait = 1000UL << MIN (attempt, 7);

    g_usleep (wait + g_random_int_range (0, (gint32) wait));
  }
  return TRUE;
}

guint
_quorum_store_get_retries (QuorumStore *self)
{
  return self->retries;
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

/* The anchor is written over in place, padded to one length, and not flushed to the disk: it is
 * a witness, not the record. The record is durable at its commit; a power cut can leave the
 * anchor a write behind, or empty. An older anchor names an entry the log still holds and an
 * empty one is no anchor (_quorum_store_read_anchor), so neither is taken for tampering. One
 * write of one length at the start of the file is whole to every reader and writer (the kernel
 * orders writes to a file), so two processes writing at once leave one anchor or the other.
 * A new file renamed over it, or a flush, cost each vote more than its own commit. */
#define ANCHOR_LENGTH 160

static void
replace_anchor (const char *file,
                const char *anchor)
{
  char padded[ANCHOR_LENGTH];
  size_t len = strlen (anchor);
  struct stat st;
  int fd;

  if (len >= ANCHOR_LENGTH)
    return;
  memset (padded, ' ', sizeof padded);
  memcpy (padded, anchor, len);
  padded[ANCHOR_LENGTH - 1] = '\n';
  fd = g_open (file, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    return;
  while (pwrite (fd, padded, sizeof padded, 0) < 0 && errno == EINTR)
    ;
  /* Longer only if written otherwise: what follows the anchor would be read as its end. */
  if (fstat (fd, &st) == 0 && st.st_size > ANCHOR_LENGTH)
    (void) ftruncate (fd, ANCHOR_LENGTH);
  close (fd);
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
    replace_anchor (file, anchor);
}

char *
_quorum_store_read_anchor (const char *path)
{
  g_autofree char *file = anchor_file (path);
  char *text = NULL;

  if (file == NULL || !g_file_get_contents (file, &text, NULL, NULL))
    return NULL;
  /* Empty after a power cut (see replace_anchor): no anchor. */
  if (*g_strstrip (text) == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

void
_quorum_store_rollback (QuorumStore *self)
{
  if (!self->in_transaction)
    return;

  /* The driver resets statements still stepping, which would keep the transaction's locks. */
  quorum_db_rollback (self->db);
  self->in_transaction = FALSE;
  self->sent_audit_head = NULL;
  g_clear_pointer (&self->pending_anchor, g_free);
  g_array_set_size (self->told, 0);
  g_hash_table_remove_all (self->told_records);
}

void
_quorum_store_set_sent_audit_head (QuorumStore  *self,
                                   QuorumDbStmt *stmt)
{
  self->sent_audit_head = stmt;
}

QuorumDbStmt *
_quorum_store_take_sent_audit_head (QuorumStore *self)
{
  return g_steal_pointer (&self->sent_audit_head);
}

gboolean
_quorum_store_begin_read (QuorumStore  *self,
                          gboolean     *began,
                          GError      **error)
{
  *began = FALSE;
  if (self->in_transaction || quorum_db_in_transaction (self->db))
    return TRUE;
  if (!quorum_db_begin (self->db, FALSE, NULL))
    return _quorum_store_fail (self, error);
  *began = TRUE;
  return TRUE;
}

void
_quorum_store_end_read (QuorumStore *self,
                        gboolean     began)
{
  if (began)
    quorum_db_commit (self->db, NULL);
}

gboolean
_quorum_store_fail_with (QuorumStore  *self,
                         const GError *failure,
                         GError      **error)
{
  const char *msg = failure != NULL ? failure->message : "unknown error";

  if (error == NULL || *error != NULL)
    return FALSE;

  /* Quorum's triggers speak as "quorum: …" on every backend. */
  if (strstr (msg, "quorum: the conference is finalised") != NULL)
    g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_FINALISED,
                         _("The conference is signed off: it can only be amended"));
  else if (strstr (msg, "quorum: ") != NULL)
    g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                 _("The database refused the change: %s"), strstr (msg, "quorum: ") + strlen ("quorum: "));
  else if (failure != NULL && g_error_matches (failure, QUORUM_DB_ERROR, QUORUM_DB_ERROR_PERMISSION))
    /* The server's grants and row-level policies: what this person's role may not do. */
    g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                 _("%s's role on the shared database does not allow this: the server refused it (%s); "
                   "nothing was recorded"), self->user != NULL ? self->user : "?", msg);
  else
    g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                 _("The database could not be written, so nothing was recorded: %s"), msg);
  return FALSE;
}

gboolean
_quorum_store_fail (QuorumStore  *self,
                    GError      **error)
{
  return _quorum_store_fail_with (self, quorum_db_get_last_error (self->db), error);
}

gboolean
_quorum_store_fail_read (QuorumStore  *self,
                         GError      **error)
{
  const GError *failure = quorum_db_get_last_error (self->db);

  if (error == NULL || *error != NULL)
    return FALSE;
  /* A read that carried a write sent before it (quorum_db_send_done: an audit entry) reports
   * that write's refusal as a write's. */
  if (failure != NULL && (g_error_matches (failure, QUORUM_DB_ERROR, QUORUM_DB_ERROR_FINALISED) ||
                          g_error_matches (failure, QUORUM_DB_ERROR, QUORUM_DB_ERROR_CONSTRAINT) ||
                          strstr (failure->message, "quorum: ") != NULL))
    return _quorum_store_fail_with (self, failure, error);
  g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
               _("The database could not be read: %s"), failure != NULL ? failure->message : "unknown error");
  return FALSE;
}

gboolean
_quorum_store_exec_stmt (QuorumStore   *self,
                         QuorumDbStmt  *stmt,
                         GError       **error)
{
  gboolean done = quorum_db_step_done (stmt, NULL);

  quorum_db_reset (stmt);
  if (!done)
    return _quorum_store_fail (self, error);
  return TRUE;
}

gboolean
_quorum_store_exec_insert (QuorumStore   *self,
                           QuorumDbStmt  *stmt,
                           gint64        *id,
                           GError       **error)
{
  QuorumDbStep step = quorum_db_step (stmt, NULL);

  if (step == QUORUM_DB_ROW)
    {
      *id = quorum_db_column_int64 (stmt, 0);
      step = quorum_db_step_done (stmt, NULL) ? QUORUM_DB_DONE : QUORUM_DB_FAILED;
    }
  quorum_db_reset (stmt);
  if (step == QUORUM_DB_FAILED)
    return _quorum_store_fail (self, error);
  return TRUE;
}

gboolean
_quorum_store_exec (QuorumStore  *self,
                    const char   *sql,
                    GError      **error)
{
  if (!quorum_db_exec (self->db, sql, NULL))
    return _quorum_store_fail (self, error);
  return TRUE;
}

void
_quorum_bind_text (QuorumDbStmt *stmt,
                   int           index,
                   const char   *text)
{
  quorum_db_bind_text (stmt, index, text);
}

void
_quorum_bind_date (QuorumDbStmt *stmt,
                   int           index,
                   const GDate  *date)
{
  g_autofree char *iso = NULL;

  if (date == NULL || !g_date_valid (date))
    {
      quorum_db_bind_null (stmt, index);
      return;
    }
  iso = quorum_date_to_string (date);
  quorum_db_bind_text (stmt, index, iso);
}

char *
_quorum_column_dup (QuorumDbStmt *stmt,
                    int           column)
{
  return g_strdup (quorum_db_column_text (stmt, column));
}

void
_quorum_column_date (QuorumDbStmt *stmt,
                     int           column,
                     GDate        *out)
{
  const char *text = quorum_db_column_text (stmt, column);

  g_date_clear (out, 1);
  if (text != NULL)
    quorum_date_parse (text, NULL, out, NULL);
}
