/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-store-handover.c: whose conference it is on a shared database, and its hand-over to
 * another chair (schema 13, docs/notes/chairown.md). The server decides both: the rule is its
 * quorum_conference_chair () and its triggers; the store reads it and writes the hand-over. */

#include <glib/gi18n-lib.h>

#include "quorum-store-private.h"

static gboolean
is_shared (QuorumStore *self)
{
  return quorum_db_get_backend (_quorum_store_get_connection (self)) == QUORUM_DB_BACKEND_POSTGRES;
}

QuorumDbStmt *
_quorum_store_prepare_handovers (QuorumStore       *self,
                                 QuorumConference  *conference,
                                 GError           **error)
{
  QuorumDbStmt *stmt;

  /* One's own database has one chair, and nothing is handed over there. */
  if (!is_shared (self))
    return NULL;
  stmt = _quorum_store_prepare (self,
                                "SELECT quorum_conference_chair (c.id), h.id, h.from_chair, h.to_chair, h.reason, "
                                "h.recorded_at, h.recorded_by FROM conference c "
                                "LEFT JOIN conference_handover h ON h.conference_id = c.id "
                                "WHERE c.id = ? ORDER BY h.id", error);
  if (stmt != NULL)
    quorum_db_bind_int64 (stmt, 1, conference->id);
  return stmt;
}

gboolean
_quorum_store_load_handovers (QuorumStore       *self,
                              QuorumConference  *conference,
                              QuorumDbStmt      *stmt,
                              GError           **error)
{
  const char *reader;
  int rc;

  if (!is_shared (self))
    return TRUE;
  if (stmt == NULL && (stmt = _quorum_store_prepare_handovers (self, conference, error)) == NULL)
    return FALSE;
  while ((rc = quorum_db_step (stmt, NULL)) == QUORUM_DB_ROW)
    {
      QuorumHandover *h;

      if (conference->chaired_by == NULL)
        conference->chaired_by = _quorum_column_dup (stmt, 0);
      if (quorum_db_column_type (stmt, 1) == QUORUM_DB_TYPE_NULL)
        continue;
      h = g_new0 (QuorumHandover, 1);
      h->id = quorum_db_column_int64 (stmt, 1);
      h->from_chair = _quorum_column_dup (stmt, 2);
      h->from_name = quorum_store_dup_person_name (self, h->from_chair);
      h->to_chair = _quorum_column_dup (stmt, 3);
      h->to_name = quorum_store_dup_person_name (self, h->to_chair);
      h->reason = _quorum_column_dup (stmt, 4);
      h->recorded_at = _quorum_column_dup (stmt, 5);
      h->recorded_by = _quorum_store_column_person (self, stmt, 6);
      g_ptr_array_add (conference->handovers, h);
    }
  quorum_db_reset (stmt);
  if (rc != QUORUM_DB_DONE)
    return _quorum_store_fail_read (self, error);

  reader = quorum_store_get_actor (self);
  conference->chaired_by_name = quorum_store_dup_person_name (self, conference->chaired_by);
  conference->chaired_by_reader = conference->chaired_by == NULL || g_strcmp0 (conference->chaired_by, reader) == 0;
  return TRUE;
}

static gint64
hand_over_once (QuorumStore  *self,
                gint64        conference_id,
                const char   *to_chair,
                const char   *reason,
                GError      **error)
{
  g_autofree char *now = quorum_timestamp_now ();
  g_autofree char *from = NULL;
  g_autofree char *summary = NULL;
  QuorumDbStmt *stmt;
  gint64 id = 0;
  int rc;

  if (!_quorum_store_begin (self, error))
    return 0;

  stmt = _quorum_store_prepare (self, "SELECT quorum_conference_chair (?)", error);
  if (stmt == NULL)
    goto fail;
  quorum_db_bind_int64 (stmt, 1, conference_id);
  rc = quorum_db_step (stmt, NULL);
  if (rc == QUORUM_DB_ROW)
    from = _quorum_column_dup (stmt, 0);
  quorum_db_reset (stmt);
  if (rc != QUORUM_DB_ROW)
    {
      _quorum_store_fail_read (self, error);
      goto fail;
    }
  if (from == NULL)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_NOT_FOUND,
                   _("There is no conference %lld"), (long long) conference_id);
      goto fail;
    }
  if (g_strcmp0 (from, to_chair) == 0)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("Conference %lld is chaired by %s already: nothing was recorded"),
                   (long long) conference_id, from);
      goto fail;
    }

  /* The server checks the rest (who hands over, to whom) and refuses with its reason. */
  stmt = _quorum_store_prepare (self,
                                "INSERT INTO conference_handover (conference_id, from_chair, to_chair, reason, "
                                "recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?) RETURNING id", error);
  if (stmt == NULL)
    goto fail;
  quorum_db_bind_int64 (stmt, 1, conference_id);
  _quorum_bind_text (stmt, 2, from);
  _quorum_bind_text (stmt, 3, to_chair);
  _quorum_bind_text (stmt, 4, reason);
  _quorum_bind_text (stmt, 5, now);
  _quorum_bind_text (stmt, 6, quorum_store_get_actor (self));
  summary = g_strdup_printf ("conference %" G_GINT64_FORMAT " handed over from %s to %s", conference_id, from, to_chair);
  if (!_quorum_store_exec_insert (self, stmt, &id, error) ||
      !_quorum_store_audit (self, "insert", "conference_handover", id, conference_id, summary, error))
    goto fail;
  _quorum_store_tell_conference_changed (self, conference_id);
  if (!_quorum_store_commit (self, error))
    goto fail;
  return id;

fail:
  _quorum_store_rollback (self);
  return 0;
}

gint64
quorum_store_hand_over (QuorumStore  *self,
                        gint64        conference_id,
                        const char   *to_chair,
                        const char   *reason,
                        GError      **error)
{
  g_return_val_if_fail (QUORUM_IS_STORE (self), 0);
  g_return_val_if_fail (to_chair != NULL, 0);

  if (!is_shared (self))
    {
      g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                           _("A conference is handed to another chair on a shared database, where each chair "
                             "logs in as themselves; this database is one chair's: nothing was written"));
      return 0;
    }
  if (reason != NULL && *reason == '\0')
    reason = NULL;
  _QUORUM_STORE_RETRYING (self, error, gint64, hand_over_once (self, conference_id, to_chair, reason, &retry_error));
}
