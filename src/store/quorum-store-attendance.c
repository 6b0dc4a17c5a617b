/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-store-attendance.c: the attendance timeline (arrived late, left at a time) and each
 * representative's own position where a group's representatives cannot agree. */

#include <glib/gi18n-lib.h>

#include "quorum-store-private.h"

gboolean
_quorum_store_insert_attendance_event (QuorumStore  *self,
                                       gint64        conference_id,
                                       gint64        attendee_id,
                                       const char   *event,
                                       const char   *time,
                                       GError      **error)
{
  g_autofree char *now = quorum_timestamp_now ();
  g_autofree char *summary = NULL;
  QuorumDbStmt *stmt;
  gint64 id;

  stmt = _quorum_store_prepare (self,
                                "INSERT INTO attendance_event (conference_id, attendee_id, event, at, "
                                "recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?) RETURNING id", error);
  if (stmt == NULL)
    return FALSE;
  quorum_db_bind_int64 (stmt, 1, conference_id);
  quorum_db_bind_int64 (stmt, 2, attendee_id);
  _quorum_bind_text (stmt, 3, event);
  _quorum_bind_text (stmt, 4, time);
  _quorum_bind_text (stmt, 5, now);
  _quorum_bind_text (stmt, 6, quorum_store_get_actor (self));
  if (!_quorum_store_exec_insert (self, stmt, &id, error))
    return FALSE;
  summary = g_strdup_printf ("attendee %" G_GINT64_FORMAT " %s at %s", attendee_id, event, time);
  return _quorum_store_audit (self, "insert", "attendance_event", id, conference_id, summary, error);
}

static gint64
attendee_conference (QuorumStore  *self,
                     gint64        attendee_id,
                     GError      **error)
{
  QuorumDbStmt *stmt;
  gint64 conference_id = 0;
  int rc;

  stmt = _quorum_store_prepare (self, "SELECT conference_id FROM attendee WHERE id = ?", error);
  if (stmt == NULL)
    return -1;
  quorum_db_bind_int64 (stmt, 1, attendee_id);
  rc = quorum_db_step (stmt, NULL);
  if (rc == QUORUM_DB_ROW)
    conference_id = quorum_db_column_int64 (stmt, 0);
  quorum_db_reset (stmt);
  if (rc != QUORUM_DB_ROW && rc != QUORUM_DB_DONE)
    {
      _quorum_store_fail (self, error);
      return -1;
    }
  if (conference_id == 0)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_NOT_FOUND,
                   _("There is no attendee %lld"), (long long) attendee_id);
      return -1;
    }
  return conference_id;
}

static gboolean
attendee_arrive_once (QuorumStore  *self,
                      gint64        attendee_id,
                      const char   *time,
                      GError      **error)
{
  g_autoptr(QuorumConference) conference = NULL;
  QuorumAttendee *attendee;
  gint64 conference_id;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);

  if (time == NULL || !_quorum_store_check_time (time, error))
    {
      if (time == NULL)
        g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                             _("Give the time the attendee arrived (HH:MM)"));
      return FALSE;
    }
  if (!_quorum_store_begin (self, error))
    return FALSE;
  if ((conference_id = attendee_conference (self, attendee_id, error)) < 0 ||
      (conference = _quorum_store_load_for_change (self, conference_id, error)) == NULL ||
      !quorum_check_arrival (conference, attendee_id, time, error))
    goto fail;

  /* Apologies sent, and came after all: present from the time they arrived. */
  attendee = quorum_conference_find_attendee (conference, attendee_id);
  if (attendee->attendance != QUORUM_ATTENDANCE_PRESENT)
    {
      QuorumDbStmt *stmt = _quorum_store_prepare (self, "UPDATE attendee SET attendance = 'present' WHERE id = ?",
                                                  error);
      if (stmt == NULL)
        goto fail;
      quorum_db_bind_int64 (stmt, 1, attendee_id);
      if (!_quorum_store_exec_stmt (self, stmt, error) ||
          !_quorum_store_audit (self, "update", "attendee", attendee_id, conference_id,
                                "came after sending apologies", error))
        goto fail;
    }

  if (!_quorum_store_insert_attendance_event (self, conference_id, attendee_id, "arrived", time, error) ||
      !_quorum_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  _quorum_store_rollback (self);
  return FALSE;
}

gboolean
quorum_store_attendee_arrive (QuorumStore  *self,
                              gint64        attendee_id,
                              const char   *time,
                              GError      **error)
{
  _QUORUM_STORE_RETRYING (self, error, gboolean, attendee_arrive_once (self, attendee_id, time, &retry_error));
}

/* The id of the attendee's leave that stands (not withdrawn); 0 when there is none, -1 on
 * failure. */
static gint64
standing_leave (QuorumStore  *self,
                gint64        attendee_id,
                char        **at,
                GError      **error)
{
  QuorumDbStmt *stmt;
  gint64 id = 0;
  int rc;

  stmt = _quorum_store_prepare (self,
                                "SELECT id, at FROM attendance_event WHERE attendee_id = ? AND event = 'left' "
                                "AND withdrawn_at IS NULL", error);
  if (stmt == NULL)
    return -1;
  quorum_db_bind_int64 (stmt, 1, attendee_id);
  rc = quorum_db_step (stmt, NULL);
  if (rc == QUORUM_DB_ROW)
    {
      id = quorum_db_column_int64 (stmt, 0);
      *at = _quorum_column_dup (stmt, 1);
    }
  quorum_db_reset (stmt);
  if (rc != QUORUM_DB_ROW && rc != QUORUM_DB_DONE)
    {
      _quorum_store_fail (self, error);
      return -1;
    }
  return id;
}

/* Withdraws the leave @event_id (its time stays as it was), with who and when, and its audit
 * entry. */
static gboolean
withdraw_leave (QuorumStore  *self,
                gint64        conference_id,
                gint64        attendee_id,
                gint64        event_id,
                const char   *at,
                GError      **error)
{
  g_autofree char *now = quorum_timestamp_now ();
  g_autofree char *summary = NULL;
  QuorumDbStmt *stmt;

  stmt = _quorum_store_prepare (self, "UPDATE attendance_event SET withdrawn_at = ?, withdrawn_by = ? "
                                "WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  _quorum_bind_text (stmt, 1, now);
  _quorum_bind_text (stmt, 2, quorum_store_get_actor (self));
  quorum_db_bind_int64 (stmt, 3, event_id);
  if (!_quorum_store_exec_stmt (self, stmt, error))
    return FALSE;
  summary = g_strdup_printf ("attendee %" G_GINT64_FORMAT " left at %s undone: back in the room", attendee_id, at);
  return _quorum_store_audit (self, "update", "attendance_event", event_id, conference_id, summary, error);
}

static gboolean
attendee_leave_once (QuorumStore  *self,
                     gint64        attendee_id,
                     const char   *time,
                     GArray      **without_view,
                     GError      **error)
{
  g_autoptr(QuorumConference) conference = NULL;
  g_autoptr(GArray) children = NULL;
  gint64 conference_id;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);

  if (time == NULL || !_quorum_store_check_time (time, error))
    {
      if (time == NULL)
        g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                             _("Give the time the attendee left (HH:MM)"));
      return FALSE;
    }
  if (!_quorum_store_begin (self, error))
    return FALSE;
  if ((conference_id = attendee_conference (self, attendee_id, error)) < 0 ||
      (conference = _quorum_store_load_for_change (self, conference_id, error)) == NULL ||
      !quorum_check_departure (conference, attendee_id, time, error))
    goto fail;

  children = quorum_departure_leaves_without_view (conference, attendee_id);
  /* A leave undone before stays, withdrawn: this one is a row of its own. */
  if (!_quorum_store_insert_attendance_event (self, conference_id, attendee_id, "left", time, error) ||
      !_quorum_store_commit (self, error))
    goto fail;
  if (without_view != NULL)
    *without_view = g_steal_pointer (&children);
  return TRUE;

fail:
  _quorum_store_rollback (self);
  return FALSE;
}

gboolean
quorum_store_attendee_leave (QuorumStore  *self,
                             gint64        attendee_id,
                             const char   *time,
                             GArray      **without_view,
                             GError      **error)
{
  _QUORUM_STORE_RETRYING (self, error, gboolean, attendee_leave_once (self, attendee_id, time, without_view, &retry_error));
}

static gboolean
attendee_return_once (QuorumStore  *self,
                      gint64        attendee_id,
                      GError      **error)
{
  g_autoptr(QuorumConference) conference = NULL;
  g_autofree char *at = NULL;
  gint64 conference_id;
  gint64 event_id;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);

  if (!_quorum_store_begin (self, error))
    return FALSE;
  if ((conference_id = attendee_conference (self, attendee_id, error)) < 0 ||
      (conference = _quorum_store_load_for_change (self, conference_id, error)) == NULL ||
      !quorum_check_return (conference, attendee_id, error) ||
      (event_id = standing_leave (self, attendee_id, &at, error)) < 0)
    goto fail;
  if (event_id == 0)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE, "attendee %" G_GINT64_FORMAT "'s leave was not found",
                   attendee_id);
      goto fail;
    }
  if (!withdraw_leave (self, conference_id, attendee_id, event_id, at, error) ||
      !_quorum_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  _quorum_store_rollback (self);
  return FALSE;
}

gboolean
quorum_store_attendee_return (QuorumStore  *self,
                              gint64        attendee_id,
                              GError      **error)
{
  _QUORUM_STORE_RETRYING (self, error, gboolean, attendee_return_once (self, attendee_id, &retry_error));
}

static gint64
record_member_view_once (QuorumStore                *self,
                         gint64                      conference_id,
                         const QuorumMemberViewSpec *spec,
                         GError                    **error)
{
  g_autoptr(QuorumConference) conference = NULL;
  g_autofree char *categories = NULL;
  g_autofree char *now = quorum_timestamp_now ();
  g_autofree char *summary = NULL;
  QuorumAttendee *attendee;
  QuorumMemberView *previous = NULL;
  QuorumDbStmt *stmt;
  gint64 id;

  g_return_val_if_fail (QUORUM_IS_STORE (self), 0);

  if (!quorum_check_text (spec->reason, _("The representative's reasons"), FALSE, QUORUM_MAX_TEXT, error))
    return 0;
  if (!_quorum_store_begin (self, error))
    return 0;

  conference = _quorum_store_load_for_change (self, conference_id, error);
  if (conference == NULL ||
      !quorum_conference_check_sitting (conference, error))
    goto fail;
  if (!quorum_check_member_view (conference, spec->child_id, spec->attendee_id, spec->view,
                                 spec->categories, spec->reason, NULL))
    {
      /* Refused: worded by the conference's rule where it says, read only then (as a view's). */
      if (quorum_check_vote_worded_by_rule (conference, spec->child_id))
        conference->rule = _quorum_store_conference_rule (self, conference_id);
      quorum_check_member_view (conference, spec->child_id, spec->attendee_id, spec->view,
                                spec->categories, spec->reason, error);
      goto fail;
    }

  attendee = quorum_conference_find_attendee (conference, spec->attendee_id);
  for (guint i = 0; i < conference->member_views->len; i++)
    {
      QuorumMemberView *m = g_ptr_array_index (conference->member_views, i);

      if (m->child_id == spec->child_id && m->attendee_id == spec->attendee_id)
        previous = m;
    }

  if (previous != NULL &&
      !quorum_check_view_change (attendee->name, previous->view, previous->reason, spec->view, spec->reason,
                                 !spec->reason_may_be_old, error))
    goto fail;

  categories = quorum_categories_to_string (spec->categories);
  if (previous != NULL)
    {
      stmt = _quorum_store_prepare (self,
                                    "UPDATE member_view SET view = ?1, categories = ?2, reason = ?3, "
                                    "recorded_at = ?4, recorded_by = ?5 WHERE id = ?6", error);
      if (stmt == NULL)
        goto fail;
      quorum_db_bind_int64 (stmt, 6, previous->id);
      id = previous->id;
    }
  else
    {
      stmt = _quorum_store_prepare (self,
                                    "INSERT INTO member_view (view, categories, reason, recorded_at, recorded_by, "
                                    "conference_id, child_id, attendee_id, grp) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) RETURNING id", error);
      if (stmt == NULL)
        goto fail;
      quorum_db_bind_int64 (stmt, 6, conference_id);
      quorum_db_bind_int64 (stmt, 7, spec->child_id);
      quorum_db_bind_int64 (stmt, 8, spec->attendee_id);
      _quorum_bind_text (stmt, 9, attendee->line_management);
      id = 0;
    }
  _quorum_bind_text (stmt, 1, quorum_view_to_string (spec->view));
  _quorum_bind_text (stmt, 2, categories);
  _quorum_bind_text (stmt, 3, spec->reason);
  _quorum_bind_text (stmt, 4, now);
  _quorum_bind_text (stmt, 5, quorum_store_get_actor (self));
  if (!_quorum_store_exec_insert (self, stmt, &id, error))
    goto fail;

  summary = g_strdup_printf ("own position of attendee %" G_GINT64_FORMAT " for child %" G_GINT64_FORMAT ": %s",
                             spec->attendee_id, spec->child_id, quorum_view_to_string (spec->view));
  if (!_quorum_store_audit (self, previous != NULL ? "update" : "insert", "member_view", id, conference_id,
                            summary, error) ||
      !_quorum_store_commit (self, error))
    goto fail;
  return id;

fail:
  _quorum_store_rollback (self);
  return 0;
}

gint64
quorum_store_record_member_view (QuorumStore                *self,
                                 gint64                      conference_id,
                                 const QuorumMemberViewSpec *spec,
                                 GError                    **error)
{
  _QUORUM_STORE_RETRYING (self, error, gint64, record_member_view_once (self, conference_id, spec, &retry_error));
}

gboolean
_quorum_store_audit_carried_leaves (QuorumStore  *self,
                                    GBytes       *key,
                                    GError      **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *key_id = NULL;
  g_autofree char *stored_id = NULL;
  QuorumDbStmt *stmt;
  int rc;

  /* Right after migration 10, the only withdrawn leaves are those it carried over. */
  stmt = _quorum_store_prepare (self,
                                "SELECT id, conference_id, attendee_id, at, withdrawn_at, withdrawn_by "
                                "FROM attendance_event WHERE withdrawn_at IS NOT NULL ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = quorum_db_step (stmt, NULL)) == QUORUM_DB_ROW)
    {
      g_ptr_array_add (rows, g_strdup_printf ("%" G_GINT64_FORMAT, quorum_db_column_int64 (stmt, 0)));
      g_ptr_array_add (rows, g_strdup_printf ("%" G_GINT64_FORMAT, quorum_db_column_int64 (stmt, 1)));
      g_ptr_array_add (rows, g_strdup_printf ("attendee %" G_GINT64_FORMAT " left at %s undone: back in the room "
                                              "(at %s by %s; withdrawn, as schema 10 records it)",
                                              quorum_db_column_int64 (stmt, 2),
                                              (const char *) quorum_db_column_text (stmt, 3),
                                              (const char *) quorum_db_column_text (stmt, 4),
                                              (const char *) quorum_db_column_text (stmt, 5)));
    }
  quorum_db_reset (stmt);
  if (rc != QUORUM_DB_DONE)
    return _quorum_store_fail (self, error);
  if (rows->len == 0)
    return TRUE;

  /* Each row changed needs its entry, keyed with the database's own key. */
  stmt = _quorum_store_prepare (self, "SELECT value FROM meta WHERE key = 'audit_key_id'", error);
  if (stmt == NULL)
    return FALSE;
  if (quorum_db_step (stmt, NULL) == QUORUM_DB_ROW)
    stored_id = _quorum_column_dup (stmt, 0);
  quorum_db_reset (stmt);
  if (key != NULL)
    key_id = _quorum_store_key_id (key);
  if (key == NULL || stored_id == NULL || g_strcmp0 (key_id, stored_id) != 0)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                   _("Could not upgrade the database: the leaves undone in it (%u) are recorded anew with "
                     "their times, and their audit entries need the database’s audit key, which is not "
                     "available. Nothing was changed"), rows->len / 3);
      return FALSE;
    }

  _quorum_store_set_key (self, key, NULL);
  for (guint i = 0; i < rows->len; i += 3)
    if (!_quorum_store_audit (self, "update", "attendance_event",
                              g_ascii_strtoll (rows->pdata[i], NULL, 10),
                              g_ascii_strtoll (rows->pdata[i + 1], NULL, 10),
                              rows->pdata[i + 2], error))
      return FALSE;
  return TRUE;
}
