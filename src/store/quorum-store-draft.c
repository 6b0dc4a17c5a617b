/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-store-draft.c: words typed and not yet recorded, kept until they are. */

#include <glib/gi18n-lib.h>

#include "quorum-store-private.h"

gboolean
quorum_store_save_draft (QuorumStore  *self,
                         gint64        conference_id,
                         const char   *scope,
                         const char   *field,
                         const char   *text,
                         GError      **error)
{
  g_autofree char *now = quorum_timestamp_now ();
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  QuorumDbStmt *stmt;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);
  g_return_val_if_fail (scope != NULL && field != NULL, FALSE);

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
      if (!_quorum_store_exec_stmt (self, stmt, error))
        return FALSE;
      _quorum_store_tell_draft_changed (self, conference_id, scope, field);
      return TRUE;
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
  if (!_quorum_store_exec_stmt (self, stmt, error))
    return FALSE;
  /* Another window's form on the same draft shows the words (quorum-draft.c). */
  _quorum_store_tell_draft_changed (self, conference_id, scope, field);
  return TRUE;
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
  _quorum_store_tell_draft_changed (self, conference_id, scope, NULL);
  return TRUE;
}
