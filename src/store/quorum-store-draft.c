/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-store-draft.c: words typed and not yet recorded, kept until they are. A shared
 * store's server out of reach: kept on this computer meanwhile, then sent (pgapp2.md). */

#include <errno.h>
#include <glib/gstdio.h>
#include <glib/gi18n-lib.h>

#include "quorum-store-private.h"

/* ---- kept on this computer while the server cannot be reached ---- */

/* One file per database and user: the location as opened, and who opened it. */
static char *
kept_path (QuorumStore *self)
{
  g_autofree char *key = g_strconcat (quorum_store_get_path (self), "\n",
                                      quorum_store_get_user (self) != NULL ? quorum_store_get_user (self) : "",
                                      NULL);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);
  g_autofree char *name = g_strdup_printf ("%.24s.ini", hash);

  return g_build_filename (g_get_user_state_dir (), "quorum", "drafts", name, NULL);
}

static char *
kept_group (gint64      conference_id,
            const char *scope,
            const char *field)
{
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT "\n%s\n%s", conference_id, scope, field);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);

  return g_strdup_printf ("draft %.24s", hash);
}

/* The file's drafts; an empty key file when there is none (or it cannot be read). */
static GKeyFile *
kept_load (QuorumStore *self)
{
  g_autofree char *path = kept_path (self);
  g_autoptr(GError) error = NULL;
  GKeyFile *file = g_key_file_new ();

  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, &error) &&
      !g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    g_warning ("The drafts kept on this computer could not be read from %s: %s", path, error->message);
  return file;
}

static gboolean
kept_write (QuorumStore  *self,
            GKeyFile     *file,
            GError      **error)
{
  g_autofree char *path = kept_path (self);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *data = NULL;
  gsize length = 0;

  g_strfreev (g_key_file_get_groups (file, &length));
  if (length == 0)
    {
      if (g_unlink (path) != 0 && errno != ENOENT)
        g_warning ("%s could not be removed: %s", path, g_strerror (errno));
      return TRUE;
    }
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                   _("The words typed could not be kept on this computer: %s: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  data = g_key_file_to_data (file, &length, NULL);
  if (!g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    {
      g_prefix_error (error, _("The words typed could not be kept on this computer: "));
      return FALSE;
    }
  return TRUE;
}

static gboolean
keep_here (QuorumStore  *self,
           gint64        conference_id,
           const char   *scope,
           const char   *field,
           const char   *text,
           GError      **error)
{
  g_autoptr(GKeyFile) file = kept_load (self);
  g_autofree char *group = kept_group (conference_id, scope, field);
  g_autofree char *now = quorum_timestamp_now ();

  g_key_file_set_string (file, group, "database", quorum_store_get_path (self));
  g_key_file_set_int64 (file, group, "conference", conference_id);
  g_key_file_set_string (file, group, "scope", scope);
  g_key_file_set_string (file, group, "field", field);
  /* Blank: the field was emptied, so the server's draft goes when it is sent. */
  g_key_file_set_string (file, group, "text", text != NULL ? text : "");
  g_key_file_set_string (file, group, "updated_at", now);
  return kept_write (self, file, error);
}

static void
kept_forget (QuorumStore *self,
             GKeyFile    *file,
             const char  *group)
{
  g_autoptr(GError) error = NULL;

  if (!g_key_file_remove_group (file, group, NULL))
    return;
  if (!kept_write (self, file, &error))
    g_warning ("%s", error->message);
}

static gboolean
server_save (QuorumStore  *self,
             gint64        conference_id,
             const char   *scope,
             const char   *field,
             const char   *text,
             GError      **error);

guint
quorum_store_count_kept_drafts (QuorumStore *self)
{
  g_autoptr(GKeyFile) file = NULL;
  gsize length = 0;

  g_return_val_if_fail (QUORUM_IS_STORE (self), 0);

  if (!quorum_store_is_shared (self))
    return 0;
  file = kept_load (self);
  g_strfreev (g_key_file_get_groups (file, &length));
  return length;
}

guint
quorum_store_send_kept_drafts (QuorumStore  *self,
                               GError      **error)
{
  g_autoptr(GKeyFile) file = NULL;
  g_auto(GStrv) groups = NULL;
  guint sent = 0;

  g_return_val_if_fail (QUORUM_IS_STORE (self), 0);

  if (!quorum_store_is_shared (self))
    return 0;
  file = kept_load (self);
  groups = g_key_file_get_groups (file, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_autofree char *scope = g_key_file_get_string (file, groups[i], "scope", NULL);
      g_autofree char *field = g_key_file_get_string (file, groups[i], "field", NULL);
      g_autofree char *text = g_key_file_get_string (file, groups[i], "text", NULL);
      gint64 conference_id = g_key_file_get_int64 (file, groups[i], "conference", NULL);

      if (scope == NULL || field == NULL)
        {
          kept_forget (self, file, groups[i]);
          continue;
        }
      if (!server_save (self, conference_id, scope, field, text, error))
        return sent;
      kept_forget (self, file, groups[i]);
      sent++;
      /* The form showing it reads it again (quorum-draft.c): the same words. */
      _quorum_store_tell_draft_changed (self, conference_id, scope, field);
    }
  return sent;
}

/* ---- the store's drafts ---- */

gboolean
quorum_store_save_draft (QuorumStore  *self,
                         gint64        conference_id,
                         const char   *scope,
                         const char   *field,
                         const char   *text,
                         GError      **error)
{
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);
  g_return_val_if_fail (scope != NULL && field != NULL, FALSE);

  if (server_save (self, conference_id, scope, field, text, &local))
    {
      if (quorum_store_is_shared (self))
        {
          g_autoptr(GKeyFile) file = kept_load (self);
          g_autofree char *group = kept_group (conference_id, scope, field);
          gsize length = 0;

          /* Newer than the words kept here: those go. Any others kept while the server was
           * away go with it now that it answers. */
          kept_forget (self, file, group);
          g_strfreev (g_key_file_get_groups (file, &length));
          if (length > 0)
            {
              g_autoptr(GError) sending = NULL;

              quorum_store_send_kept_drafts (self, &sending);
            }
        }
      /* Another window's form on the same draft shows the words (quorum-draft.c). */
      _quorum_store_tell_draft_changed (self, conference_id, scope, field);
      return TRUE;
    }

  /* The server cannot be reached: the words stay on this computer until it can. */
  if (quorum_store_is_shared (self) && quorum_store_get_unreachable (self))
    {
      if (!keep_here (self, conference_id, scope, field, text, error))
        return FALSE;
      _quorum_store_tell_draft_changed (self, conference_id, scope, field);
      return TRUE;
    }
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

static gboolean
server_save (QuorumStore  *self,
             gint64        conference_id,
             const char   *scope,
             const char   *field,
             const char   *text,
             GError      **error)
{
  g_autofree char *now = quorum_timestamp_now ();
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  QuorumDbStmt *stmt;

  if (*trimmed == '\0')
    {
      stmt = _quorum_store_prepare (self,
                                    "DELETE FROM draft WHERE conference_id = ? AND scope = ? AND field = ?",
                                    error);
      if (stmt == NULL)
        return FALSE;
      quorum_db_bind_int64 (stmt, 1, conference_id);
      _quorum_bind_text (stmt, 2, scope);
      _quorum_bind_text (stmt, 3, field);
      return _quorum_store_exec_stmt (self, stmt, error);
    }

  /* The words as typed, untrimmed: a draft gives back exactly what was in the field. */
  stmt = _quorum_store_prepare (self,
                                "INSERT INTO draft (conference_id, scope, field, text, updated_at) "
                                "VALUES (?, ?, ?, ?, ?) "
                                "ON CONFLICT (conference_id, scope, field) DO UPDATE "
                                "SET text = excluded.text, updated_at = excluded.updated_at",
                                error);
  if (stmt == NULL)
    return FALSE;
  quorum_db_bind_int64 (stmt, 1, conference_id);
  _quorum_bind_text (stmt, 2, scope);
  _quorum_bind_text (stmt, 3, field);
  _quorum_bind_text (stmt, 4, text);
  _quorum_bind_text (stmt, 5, now);
  return _quorum_store_exec_stmt (self, stmt, error);
}

char *
quorum_store_get_draft (QuorumStore  *self,
                        gint64        conference_id,
                        const char   *scope,
                        const char   *field,
                        GError      **error)
{
  QuorumDbStmt *stmt;
  char *text = NULL;
  int rc;

  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);
  g_return_val_if_fail (scope != NULL && field != NULL, NULL);

  /* Words kept here while the server was away are newer than the server's. */
  if (quorum_store_is_shared (self))
    {
      g_autoptr(GKeyFile) file = kept_load (self);
      g_autofree char *group = kept_group (conference_id, scope, field);

      if (g_key_file_has_group (file, group))
        {
          g_autofree char *kept = g_key_file_get_string (file, group, "text", NULL);
          g_autofree char *trimmed = g_strstrip (g_strdup (kept != NULL ? kept : ""));

          return *trimmed != '\0' ? g_steal_pointer (&kept) : NULL;
        }
    }

  stmt = _quorum_store_prepare (self,
                                "SELECT text FROM draft WHERE conference_id = ? AND scope = ? AND field = ?",
                                error);
  if (stmt == NULL)
    return NULL;
  quorum_db_bind_int64 (stmt, 1, conference_id);
  _quorum_bind_text (stmt, 2, scope);
  _quorum_bind_text (stmt, 3, field);

  rc = quorum_db_step (stmt, NULL);
  if (rc == QUORUM_DB_ROW)
    text = _quorum_column_dup (stmt, 0);
  else if (rc != QUORUM_DB_DONE)
    _quorum_store_fail (self, error);
  quorum_db_reset (stmt);

  return text;
}

gboolean
quorum_store_discard_drafts (QuorumStore  *self,
                             gint64        conference_id,
                             const char   *scope,
                             GError      **error)
{
  QuorumDbStmt *stmt;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);
  g_return_val_if_fail (scope != NULL, FALSE);

  stmt = _quorum_store_prepare (self, "DELETE FROM draft WHERE conference_id = ? AND scope = ?", error);
  if (stmt == NULL)
    return FALSE;
  quorum_db_bind_int64 (stmt, 1, conference_id);
  _quorum_bind_text (stmt, 2, scope);
  if (!_quorum_store_exec_stmt (self, stmt, error))
    return FALSE;
  if (quorum_store_is_shared (self))
    {
      g_autoptr(GKeyFile) file = kept_load (self);
      g_auto(GStrv) groups = g_key_file_get_groups (file, NULL);

      for (guint i = 0; groups[i] != NULL; i++)
        {
          g_autofree char *kept_scope = g_key_file_get_string (file, groups[i], "scope", NULL);

          if (g_key_file_get_int64 (file, groups[i], "conference", NULL) == conference_id &&
              g_strcmp0 (kept_scope, scope) == 0)
            kept_forget (self, file, groups[i]);
        }
    }
  _quorum_store_tell_draft_changed (self, conference_id, scope, NULL);
  return TRUE;
}
