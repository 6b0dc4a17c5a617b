/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-store-watch.c: live updates, the session's roles and whether the server is there.
 *
 * quorum_store_watch () calls back when another writer changed the record:
 * - PostgreSQL: LISTEN on the channels the schema's triggers notify at COMMIT, whoever writes
 *   (conference, referral, difference; the payload is the id), but for the store's own
 *   connection (the driver drops its own session's: the store's "record-changed" told them
 *   already, so the app's own write is not read twice). After a lost connection the driver
 *   makes it again and calls back with an empty payload: reload everything.
 * - SQLite: PRAGMA data_version, read every WATCH_SQLITE_MS on the main loop, changes when
 *   another connection (another app, the CLI) commits to the file; the callback then gets a
 *   NULL channel and an empty payload. This connection's own commits do not change it.
 * What the store's own writes change, its signals tell the process ("conference-added",
 * "conference-changed", "record-changed", "draft-changed": quorum-store.h), on either backend. */

#define G_LOG_DOMAIN "quorum-store"

#include <glib/gstdio.h>

#include "quorum-db-private.h"
#include "quorum-store-private.h"
#include "sqlite/quorum-db-sqlite.h"

#define WATCH_SQLITE_MS 300

static const char * const watch_channels[] = { "conference", "referral", "difference" };

typedef struct
{
  QuorumStore          *store;      /* weak: the caller removes the source before the store goes */
  QuorumStoreWatchFunc  func;
  gpointer              user_data;
  GDestroyNotify        destroy;
  gint64                data_version;
  gint64                file_stamp;     /* the file's and its WAL's size and mtime, summed */
  gint64                own_changes;    /* changes made by the store's own connection */
} Watch;

static void
watch_free (gpointer data)
{
  Watch *watch = data;

  if (watch->destroy != NULL)
    watch->destroy (watch->user_data);
  g_free (watch);
}

static gboolean
sqlite_poll_cb (gpointer data)
{
  Watch *watch = data;
  QuorumDb *db = _quorum_store_get_connection (watch->store);
  gint64 version;
  gint64 stamp;
  gint64 own;

  if (db == NULL)
    return G_SOURCE_REMOVE;
  /* Never inside one of the store's own transactions (a callback of its own could be). */
  if (quorum_db_in_transaction (_quorum_store_get_connection (watch->store)))
    return G_SOURCE_CONTINUE;


  quorum_db_sqlite_read_change_marks (db, &version, &stamp, &own);
  /* data_version moves only for other connections' commits, but not always at once (a
   * connection that keeps no read transaction between polls may miss one); the file's stamp
   * moves for every commit, this connection's too: counted only when this one wrote nothing. */
  if ((version >= 0 && version != watch->data_version) ||
      (stamp != watch->file_stamp && own == watch->own_changes))
    {
      watch->data_version = version;
      watch->file_stamp = stamp;
      watch->own_changes = own;
      watch->func (watch->store, NULL, "", watch->user_data);
      return G_SOURCE_CONTINUE;
    }
  watch->file_stamp = stamp;
  watch->own_changes = own;
  return G_SOURCE_CONTINUE;
}

/* PostgreSQL: a connection has one notification source, and every watch of the store (each
 * window of the app) hears it. Each watch is a source of its own that never dispatches by
 * itself: its id is the caller's to remove, as on SQLite, and the connection's source goes
 * with the last watch. (One watch replaced the other: a second window took the first's live
 * updates away.) */
typedef struct
{
  GPtrArray *sources;   /* WatchSource*, not owned: each leaves the list as it is finalised */
  GSource   *notify;    /* the connection's, owned; NULL while nobody watches */
} Hub;

typedef struct
{
  GSource  parent;
  Watch   *watch;
  Hub     *hub;       /* NULL once the store (and its hub) went first */
} WatchSource;

#define HUB_KEY "quorum-store-watch-hub"

static gboolean
watch_source_prepare (GSource *source,
                      gint    *timeout)
{
  *timeout = -1;
  return FALSE;
}

static void
watch_source_finalize (GSource *source)
{
  WatchSource *self = (WatchSource *) source;

  if (self->hub == NULL)
    {
      watch_free (self->watch);
      return;
    }
  g_ptr_array_remove (self->hub->sources, self);
  if (self->hub->sources->len == 0 && self->hub->notify != NULL)
    {
      g_source_destroy (self->hub->notify);
      g_clear_pointer (&self->hub->notify, g_source_unref);
    }
  watch_free (self->watch);
}

static GSourceFuncs watch_source_funcs = {
  .prepare = watch_source_prepare,
  .finalize = watch_source_finalize,
};

static void
hub_free (gpointer data)
{
  Hub *hub = data;

  /* The store goes. Its watches should have been removed first (quorum_store_watch ()'s
   * contract); any left are cut loose and never called again (a callback may have dropped the
   * store's last reference while the watches were being called). */
  for (guint i = 0; i < hub->sources->len; i++)
    {
      WatchSource *source = g_ptr_array_index (hub->sources, i);

      source->hub = NULL;
      g_source_destroy ((GSource *) source);
    }
  if (hub->notify != NULL)
    {
      g_source_destroy (hub->notify);
      g_source_unref (hub->notify);
    }
  g_ptr_array_unref (hub->sources);
  g_free (hub);
}

static void
notify_cb (const char *channel,
           const char *payload,
           gpointer    data)
{
  Hub *hub = data;
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify) g_source_unref);

  /* A callback may remove a watch, its own or another's: each is held until all are called. */
  for (guint i = 0; i < hub->sources->len; i++)
    g_ptr_array_add (sources, g_source_ref (g_ptr_array_index (hub->sources, i)));
  for (guint i = 0; i < sources->len; i++)
    {
      WatchSource *source = g_ptr_array_index (sources, i);

      if (!g_source_is_destroyed ((GSource *) source))
        source->watch->func (source->watch->store, channel, payload != NULL ? payload : "",
                             source->watch->user_data);
    }
}

guint
quorum_store_watch (QuorumStore          *self,
                    QuorumStoreWatchFunc  func,
                    gpointer              user_data,
                    GDestroyNotify        destroy)
{
  QuorumDb *db;
  Watch *watch;
  WatchSource *source;
  Hub *hub;
  guint id;

  g_return_val_if_fail (QUORUM_IS_STORE (self), 0);
  g_return_val_if_fail (func != NULL, 0);

  db = _quorum_store_get_connection (self);
  if (db == NULL)
    return 0;

  watch = g_new0 (Watch, 1);
  watch->store = self;
  watch->func = func;
  watch->user_data = user_data;
  watch->destroy = destroy;

  if (quorum_db_get_backend (db) == QUORUM_DB_BACKEND_SQLITE)
    {
      quorum_db_sqlite_read_change_marks (db, &watch->data_version, &watch->file_stamp,
                                          &watch->own_changes);
      guint id = g_timeout_add_full (G_PRIORITY_DEFAULT, WATCH_SQLITE_MS, sqlite_poll_cb, watch, watch_free);

      /* Named for the UI tests' waits (tests/test-ui-common.h), which leave it out. */
      g_source_set_name_by_id (id, "[quorum] sqlite watch");
      return id;
    }

  hub = g_object_get_data (G_OBJECT (self), HUB_KEY);
  if (hub == NULL)
    {
      hub = g_new0 (Hub, 1);
      hub->sources = g_ptr_array_new ();
      g_object_set_data_full (G_OBJECT (self), HUB_KEY, hub, hub_free);
    }
  /* None yet, or the connection it listened on is gone (the store opened another). */
  if (hub->notify != NULL && g_source_is_destroyed (hub->notify))
    g_clear_pointer (&hub->notify, g_source_unref);
  if (hub->notify == NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (watch_channels); i++)
        {
          g_autoptr(GError) error = NULL;

          if (!quorum_db_listen (db, watch_channels[i], &error))
            {
              g_warning ("Cannot listen for changes to the record (%s): %s", watch_channels[i], error->message);
              watch_free (watch);
              return 0;
            }
        }
      id = quorum_db_watch (db, notify_cb, hub, NULL);
      hub->notify = id != 0 ? g_main_context_find_source_by_id (g_main_context_get_thread_default (), id) : NULL;
      if (hub->notify == NULL)
        {
          watch_free (watch);
          return 0;
        }
      g_source_ref (hub->notify);
    }

  source = (WatchSource *) g_source_new (&watch_source_funcs, sizeof (WatchSource));
  source->watch = watch;
  source->hub = hub;
  g_ptr_array_add (hub->sources, source);
  g_source_set_name ((GSource *) source, "[quorum] a watch of the record");
  id = g_source_attach ((GSource *) source, g_main_context_get_thread_default ());
  g_source_unref ((GSource *) source);
  return id;
}

QuorumStoreRoles
quorum_store_get_roles (QuorumStore  *self,
                        GError      **error)
{
  static const struct { const char *name; QuorumStoreRoles role; } roles[] = {
    { "quorum_chair", QUORUM_STORE_ROLE_CHAIR },
    { "quorum_minute_taker", QUORUM_STORE_ROLE_MINUTE_TAKER },
    { "quorum_head_of_service", QUORUM_STORE_ROLE_HEAD_OF_SERVICE },
    { "quorum_admin", QUORUM_STORE_ROLE_ADMIN },
  };
  QuorumDb *db;
  QuorumDbStmt *stmt;
  QuorumStoreRoles result = 0;
  QuorumDbStep step;

  g_return_val_if_fail (QUORUM_IS_STORE (self), 0);

  db = _quorum_store_get_connection (self);
  /* A SQLite file is one person's: whoever opens it may do everything. */
  if (db == NULL || quorum_db_get_backend (db) == QUORUM_DB_BACKEND_SQLITE)
    return QUORUM_STORE_ROLE_ALL;

  /* pg_has_role (… 'MEMBER') is true of a superuser for every role. */
  stmt = quorum_db_prepare (db,
                            "SELECT rolname FROM pg_roles "
                            "WHERE rolname IN ('quorum_chair', 'quorum_minute_taker', "
                            "'quorum_head_of_service', 'quorum_admin') "
                            "AND pg_has_role (session_user, oid, 'MEMBER')",
                            error);
  if (stmt == NULL)
    return 0;
  while ((step = quorum_db_step (stmt, error)) == QUORUM_DB_ROW)
    {
      const char *name = quorum_db_column_text (stmt, 0);

      for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
        if (g_strcmp0 (name, roles[i].name) == 0)
          result |= roles[i].role;
    }
  quorum_db_reset (stmt);
  if (step == QUORUM_DB_FAILED)
    return 0;
  return result;
}

gboolean
quorum_store_get_unreachable (QuorumStore *self)
{
  QuorumDb *db;
  const GError *last;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);

  db = _quorum_store_get_connection (self);
  if (db == NULL)
    return FALSE;
  last = quorum_db_get_last_error (db);
  return last != NULL && g_error_matches (last, QUORUM_DB_ERROR, QUORUM_DB_ERROR_UNAVAILABLE);
}

gboolean
quorum_store_check_reachable (QuorumStore  *self,
                              GError      **error)
{
  QuorumDb *db;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);

  db = _quorum_store_get_connection (self);
  if (db == NULL || quorum_db_get_backend (db) == QUORUM_DB_BACKEND_SQLITE)
    return TRUE;
  if (quorum_db_exec (db, "SELECT 1", error))
    {
      /* Reached: a failure from before is history. */
      g_clear_error (&db->last_error);
      return TRUE;
    }
  return FALSE;
}

gboolean
quorum_store_is_shared (QuorumStore *self)
{
  QuorumDb *db;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);

  db = _quorum_store_get_connection (self);
  return db != NULL && quorum_db_get_backend (db) == QUORUM_DB_BACKEND_POSTGRES;
}

#ifdef QUORUM_HAVE_POSTGRES
#include "postgres/quorum-db-postgres.h"
#endif

gboolean
quorum_store_describe_server (const char  *location,
                              char       **host,
                              char       **port,
                              char       **dbname,
                              char       **user)
{
  g_return_val_if_fail (location != NULL, FALSE);

#ifdef QUORUM_HAVE_POSTGRES
  if (quorum_db_location_is_postgres (location))
    return quorum_db_postgres_describe (location, host, port, dbname, user);
#endif
  return FALSE;
}
