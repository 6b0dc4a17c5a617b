/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-store-difference.c: every line of SQL about professional differences: raising one,
 * its discussions, escalations and resolution, each one transaction with its audit entries. */

#include <string.h>
#include <glib/gi18n-lib.h>

#include "quorum-store-private.h"
#include "quorum-store-difference.h"
#include "quorum-store-life.h"

#define DIFFERENCE_COLUMNS \
  "id, conference_id, profile, raised_on, raised_by, role, agency, against, against_decision, " \
  "child, area, outcome_sought, immediate_risk, status, resolved_on, outcome, challenge_outcome, " \
  "feedback_to, feedback_on, debrief, protocol_review, created_at, created_by"

#define STAGE_COLUMNS \
  "id, difference_id, number, name, owner, limit_working_days, entered_on, due, reason, " \
  "recorded_at, recorded_by"

#define NOTE_COLUMNS \
  "id, difference_id, stage, held_on, participants, summary, agreed, recorded_at, recorded_by"

static gboolean
step_row (QuorumStore   *self,
          QuorumDbStmt  *stmt,
          gboolean      *has_row,
          GError       **error)
{
  int rc = quorum_db_step (stmt, NULL);

  if (rc == QUORUM_DB_ROW)
    {
      *has_row = TRUE;
      return TRUE;
    }
  *has_row = FALSE;
  if (rc == QUORUM_DB_DONE)
    return TRUE;

  return _quorum_store_fail (self, error);
}

static char *
date_string (const GDate *date)
{
  return quorum_date_to_string (date);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

static void
bind_date_or_null (QuorumDbStmt *stmt,
                   int           index,
                   const GDate  *date)
{
  if (date == NULL || !g_date_valid (date))
    quorum_db_bind_null (stmt, index);
  else
    _quorum_bind_date (stmt, index, date);
}

static QuorumDifference *
difference_from_row (QuorumStore  *self,
                     QuorumDbStmt *stmt)
{
  QuorumDifference *d = quorum_difference_new ();
  g_autofree char *area = NULL;
  g_autofree char *status = NULL;

  d->id = quorum_db_column_int64 (stmt, 0);
  d->conference_id = quorum_db_column_is_null (stmt, 1) ? 0 : quorum_db_column_int64 (stmt, 1);
  d->profile_id = _quorum_column_dup (stmt, 2);
  _quorum_column_date (stmt, 3, &d->raised);
  d->raised_by = _quorum_column_dup (stmt, 4);
  d->role = _quorum_column_dup (stmt, 5);
  d->agency = _quorum_column_dup (stmt, 6);
  d->against = _quorum_column_dup (stmt, 7);
  d->against_decision = _quorum_column_dup (stmt, 8);
  d->child = _quorum_column_dup (stmt, 9);
  area = _quorum_column_dup (stmt, 10);
  if (!quorum_area_from_string (area, &d->area))
    d->area = QUORUM_AREA_THRESHOLDS;
  d->outcome_sought = _quorum_column_dup (stmt, 11);
  d->immediate_risk = quorum_db_column_int64 (stmt, 12) != 0;
  d->raised_at_immediate_risk = d->immediate_risk;
  status = _quorum_column_dup (stmt, 13);
  if (!quorum_difference_status_from_string (status, &d->status))
    d->status = QUORUM_DIFFERENCE_OPEN;
  _quorum_column_date (stmt, 14, &d->resolved);
  d->outcome = _quorum_column_dup (stmt, 15);
  d->challenge_outcome = _quorum_column_dup (stmt, 16);
  d->feedback_to = _quorum_column_dup (stmt, 17);
  _quorum_column_date (stmt, 18, &d->feedback_date);
  d->debrief = quorum_db_column_int64 (stmt, 19) != 0;
  d->protocol_review = quorum_db_column_int64 (stmt, 20) != 0;
  d->created_at = _quorum_column_dup (stmt, 21);
  d->created_by = _quorum_store_column_person (self, stmt, 22);

  return d;
}

static QuorumDifferenceStage *
stage_from_row (QuorumStore  *self,
                QuorumDbStmt *stmt,
                gint64       *difference_id)
{
  QuorumDifferenceStage *s = g_new0 (QuorumDifferenceStage, 1);

  s->id = quorum_db_column_int64 (stmt, 0);
  *difference_id = quorum_db_column_int64 (stmt, 1);
  s->number = quorum_db_column_int64 (stmt, 2);
  s->name = _quorum_column_dup (stmt, 3);
  s->owner = _quorum_column_dup (stmt, 4);
  s->limit_working_days = quorum_db_column_is_null (stmt, 5) ? -1 : quorum_db_column_int64 (stmt, 5);
  _quorum_column_date (stmt, 6, &s->entered);
  _quorum_column_date (stmt, 7, &s->due);
  s->due_opened = s->due;
  s->reason = _quorum_column_dup (stmt, 8);
  s->recorded_at = _quorum_column_dup (stmt, 9);
  s->recorded_by = _quorum_store_column_person (self, stmt, 10);

  return s;
}

static QuorumDifferenceNote *
note_from_row (QuorumStore  *self,
               QuorumDbStmt *stmt)
{
  QuorumDifferenceNote *n = g_new0 (QuorumDifferenceNote, 1);

  n->id = quorum_db_column_int64 (stmt, 0);
  n->stage = quorum_db_column_int64 (stmt, 2);
  _quorum_column_date (stmt, 3, &n->date);
  n->participants = _quorum_column_dup (stmt, 4);
  n->summary = _quorum_column_dup (stmt, 5);
  n->agreed = _quorum_column_dup (stmt, 6);
  n->recorded_at = _quorum_column_dup (stmt, 7);
  n->recorded_by = _quorum_store_column_person (self, stmt, 8);

  return n;
}

static gboolean
load_stages (QuorumStore       *self,
             QuorumDifference  *d,
             GError           **error)
{
  QuorumDbStmt *stmt;
  gboolean has_row;
  gboolean ok;

  stmt = _quorum_store_prepare (self,
                                "SELECT " STAGE_COLUMNS " FROM difference_stage "
                                "WHERE difference_id = ?1 ORDER BY number",
                                error);
  if (stmt == NULL)
    return FALSE;
  quorum_db_bind_int64 (stmt, 1, d->id);

  while ((ok = step_row (self, stmt, &has_row, error)) && has_row)
    {
      gint64 difference_id;
      g_ptr_array_add (d->stages, stage_from_row (self, stmt, &difference_id));
    }

  return ok;
}

static gboolean
load_notes (QuorumStore       *self,
            QuorumDifference  *d,
            GError           **error)
{
  QuorumDbStmt *stmt;
  gboolean has_row;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) questions = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                           (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) answers = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                         (GDestroyNotify) g_ptr_array_unref);
  GError *local_error = NULL;

  stmt = _quorum_store_prepare (self,
                                "SELECT " NOTE_COLUMNS " FROM difference_note "
                                "WHERE difference_id = ?1 ORDER BY held_on, id",
                                error);
  if (stmt == NULL)
    return FALSE;
  quorum_db_bind_int64 (stmt, 1, d->id);

  while (step_row (self, stmt, &has_row, &local_error) && has_row)
    {
      QuorumDifferenceNote *note = note_from_row (self, stmt);

      g_ptr_array_add (d->notes, note);
      g_hash_table_insert (by_id, &note->id, note);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  stmt = _quorum_store_prepare (self,
                                "SELECT note_id, question, answer FROM difference_answer "
                                "WHERE difference_id = ?1 ORDER BY note_id, position",
                                error);
  if (stmt == NULL)
    return FALSE;
  quorum_db_bind_int64 (stmt, 1, d->id);

  while (step_row (self, stmt, &has_row, &local_error) && has_row)
    {
      gint64 note_id = quorum_db_column_int64 (stmt, 0);
      QuorumDifferenceNote *note = g_hash_table_lookup (by_id, &note_id);
      GPtrArray *q;
      GPtrArray *a;

      if (note == NULL)
        continue;

      q = g_hash_table_lookup (questions, &note->id);
      a = g_hash_table_lookup (answers, &note->id);
      if (q == NULL)
        {
          q = g_ptr_array_new ();
          a = g_ptr_array_new ();
          g_hash_table_insert (questions, &note->id, q);
          g_hash_table_insert (answers, &note->id, a);
        }
      g_ptr_array_add (q, _quorum_column_dup (stmt, 1));
      g_ptr_array_add (a, _quorum_column_dup (stmt, 2));
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  for (guint i = 0; i < d->notes->len; i++)
    {
      QuorumDifferenceNote *note = g_ptr_array_index (d->notes, i);
      GPtrArray *q = g_hash_table_lookup (questions, &note->id);
      GPtrArray *a = g_hash_table_lookup (answers, &note->id);

      if (q == NULL)
        continue;

      g_ptr_array_add (q, NULL);
      g_ptr_array_add (a, NULL);
      g_hash_table_steal (questions, &note->id);
      g_hash_table_steal (answers, &note->id);
      note->questions = (char **) g_ptr_array_free (q, FALSE);
      note->answers = (char **) g_ptr_array_free (a, FALSE);
    }

  return TRUE;
}

static QuorumDifference *
load_difference (QuorumStore  *self,
                 gint64        difference_id,
                 GError      **error)
{
  g_autoptr(QuorumDifference) d = NULL;
  QuorumDbStmt *stmt;
  gboolean has_row;

  stmt = _quorum_store_prepare (self,
                                "SELECT " DIFFERENCE_COLUMNS " FROM difference WHERE id = ?1",
                                error);
  if (stmt == NULL)
    return NULL;
  quorum_db_bind_int64 (stmt, 1, difference_id);

  if (!step_row (self, stmt, &has_row, error))
    return NULL;
  if (!has_row)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_NOT_FOUND,
                   _("No difference %lld"), (long long) difference_id);
      return NULL;
    }

  d = difference_from_row (self, stmt);
  quorum_db_reset (stmt);

  if (!load_stages (self, d, error) || !load_notes (self, d, error))
    return NULL;

  {
    g_autoptr(GHashTable) one = g_hash_table_new (g_int64_hash, g_int64_equal);

    g_hash_table_insert (one, &d->id, d);
    if (!_quorum_store_load_difference_events (self, one, error))
      return NULL;
  }

  return g_steal_pointer (&d);
}

static gboolean
insert_stage (QuorumStore            *self,
              gint64                  difference_id,
              gint64                  conference_id,
              QuorumDifferenceStage  *stage,
              const char             *now,
              GError                **error)
{
  QuorumDbStmt *stmt;
  g_autofree char *summary = NULL;
  g_autofree char *due = NULL;

  stmt = _quorum_store_prepare (self,
                                "INSERT INTO difference_stage (difference_id, number, name, owner, "
                                "limit_working_days, entered_on, due, reason, recorded_at, recorded_by) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) RETURNING id",
                                error);
  if (stmt == NULL)
    return FALSE;

  quorum_db_bind_int64 (stmt, 1, difference_id);
  quorum_db_bind_int64 (stmt, 2, stage->number);
  _quorum_bind_text (stmt, 3, stage->name);
  _quorum_bind_text (stmt, 4, stage->owner != NULL ? stage->owner : "");
  if (stage->limit_working_days < 0)
    quorum_db_bind_null (stmt, 5);
  else
    quorum_db_bind_int64 (stmt, 5, stage->limit_working_days);
  _quorum_bind_date (stmt, 6, &stage->entered);
  bind_date_or_null (stmt, 7, &stage->due);
  _quorum_bind_text (stmt, 8, stage->reason);
  _quorum_bind_text (stmt, 9, now);
  _quorum_bind_text (stmt, 10, quorum_store_get_actor (self));

  if (!_quorum_store_exec_insert (self, stmt, &stage->id, error))
    return FALSE;

  g_free (stage->recorded_at);
  stage->recorded_at = g_strdup (now);
  g_free (stage->recorded_by);
  stage->recorded_by = g_strdup (quorum_store_get_actor (self));

  due = date_string (&stage->due);
  /* The audit log is the record's own, in one language whatever the reader's */
  summary = g_strdup_printf ("difference %" G_GINT64_FORMAT " at stage %d (%s), due %s",
                             difference_id, stage->number, stage->name,
                             due != NULL ? due : "-: no time limit set by this policy");

  return _quorum_store_audit (self, "insert", "difference_stage", stage->id, conference_id,
                              summary, error);
}

static gboolean
conference_has_child (QuorumStore  *self,
                      gint64        conference_id,
                      const char   *child,
                      gboolean     *exists,
                      gboolean     *has_child,
                      GError      **error)
{
  QuorumDbStmt *stmt;
  gboolean has_row;
  GError *local_error = NULL;

  *exists = FALSE;
  *has_child = FALSE;

  stmt = _quorum_store_prepare (self, "SELECT id FROM conference WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  quorum_db_bind_int64 (stmt, 1, conference_id);
  if (!step_row (self, stmt, &has_row, error))
    return FALSE;
  quorum_db_reset (stmt);
  *exists = has_row;
  if (!has_row || child == NULL)
    return TRUE;

  stmt = _quorum_store_prepare (self, "SELECT name FROM child WHERE conference_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  quorum_db_bind_int64 (stmt, 1, conference_id);
  while (step_row (self, stmt, &has_row, &local_error) && has_row)
    {
      g_autofree char *name = _quorum_column_dup (stmt, 0);

      if (quorum_group_equal (name, child))
        *has_child = TRUE;
    }
  quorum_db_reset (stmt);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  return TRUE;
}

static gint64
raise_difference_once (QuorumStore                 *self,
                       const QuorumDifferenceSpec  *spec,
                       GError                     **error)
{
  g_autoptr(QuorumProfile) profile = NULL;
  g_autoptr(QuorumCalendar) calendar = NULL;
  g_autoptr(QuorumDifference) d = NULL;
  g_autofree char *now = NULL;
  g_autofree char *summary = NULL;
  QuorumDifferenceSpec checked;
  QuorumDifferenceStage *first;
  QuorumDbStmt *stmt;
  gboolean exists;
  gboolean has_child;

  g_return_val_if_fail (QUORUM_IS_STORE (self), 0);
  g_return_val_if_fail (spec != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!_quorum_store_begin (self, error))
    return 0;

  /* A challenge arising from a conference follows the profile frozen with that conference. */
  if (spec->profile_id == NULL && spec->conference_id > 0)
    profile = quorum_store_get_conference_profile (self, spec->conference_id, error);
  else
    profile = quorum_profiles_lookup (spec->profile_id != NULL ? spec->profile_id
                                                               : quorum_profiles_default_id (), error);
  if (profile == NULL ||
      !(calendar = quorum_store_get_calendar (self, profile->region, error)))
    goto failed;

  checked = *spec;
  checked.profile_id = profile->id;
  if (!(d = quorum_difference_raise (&checked, profile, calendar, error)))
    goto failed;

  if (spec->conference_id != 0)
    {
      if (!conference_has_child (self, spec->conference_id, d->child, &exists, &has_child, error))
        goto failed;
      if (!exists)
        {
          g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_NOT_FOUND,
                       _("No conference %lld"), (long long) spec->conference_id);
          goto failed;
        }
      if (d->child != NULL && !has_child)
        {
          g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                       _("Conference %lld is not about a child named “%s”"),
                       (long long) spec->conference_id, d->child);
          goto failed;
        }
    }

  now = quorum_timestamp_now ();

  stmt = _quorum_store_prepare (self,
                                "INSERT INTO difference (conference_id, profile, raised_on, raised_by, "
                                "role, agency, against, against_decision, child, area, outcome_sought, "
                                "immediate_risk, stage, status, created_at, created_by) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 1, 'open', ?13, ?14) RETURNING id",
                                error);
  if (stmt == NULL)
    goto failed;

  if (d->conference_id > 0)
    quorum_db_bind_int64 (stmt, 1, d->conference_id);
  else
    quorum_db_bind_null (stmt, 1);
  _quorum_bind_text (stmt, 2, d->profile_id);
  _quorum_bind_date (stmt, 3, &d->raised);
  _quorum_bind_text (stmt, 4, d->raised_by);
  _quorum_bind_text (stmt, 5, d->role);
  _quorum_bind_text (stmt, 6, d->agency);
  _quorum_bind_text (stmt, 7, d->against);
  _quorum_bind_text (stmt, 8, d->against_decision);
  _quorum_bind_text (stmt, 9, d->child);
  _quorum_bind_text (stmt, 10, quorum_area_to_string (d->area));
  _quorum_bind_text (stmt, 11, d->outcome_sought);
  quorum_db_bind_int64 (stmt, 12, d->immediate_risk ? 1 : 0);
  _quorum_bind_text (stmt, 13, now);
  _quorum_bind_text (stmt, 14, quorum_store_get_actor (self));

  if (!_quorum_store_exec_insert (self, stmt, &d->id, error))
    goto failed;

  summary = g_strdup_printf ("difference raised by %s (%s) against %s under %s%s",
                             d->raised_by, d->agency, d->against, d->profile_id,
                             d->immediate_risk ? ", immediate risk of significant harm" : "");

  if (!_quorum_store_audit (self, "insert", "difference", d->id, d->conference_id, summary, error))
    goto failed;

  first = g_ptr_array_index (d->stages, 0);
  if (!insert_stage (self, d->id, d->conference_id, first, now, error) ||
      (d->area_other != NULL &&
       !_quorum_store_insert_difference_event (self, d->id, d->conference_id, "area-other", 1, &d->raised,
                                               d->area_other, NULL, error)) ||
      !_quorum_store_commit (self, error))
    goto failed;

  return d->id;

failed:
  _quorum_store_rollback (self);
  return 0;
}

gint64
quorum_store_raise_difference (QuorumStore                 *self,
                               const QuorumDifferenceSpec  *spec,
                               GError                     **error)
{
  _QUORUM_STORE_RETRYING (self, error, gint64, raise_difference_once (self, spec, &retry_error));
}

QuorumDifference *
quorum_store_load_difference (QuorumStore  *self,
                              gint64        difference_id,
                              GError      **error)
{
  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_difference (self, difference_id, error);
}

static gboolean
agency_matches (const QuorumDifference *d,
                const char             *agency)
{
  g_autofree char *key = quorum_group_normalize (agency);
  g_autofree char *raising = quorum_group_normalize (d->agency);
  g_autofree char *against = quorum_group_normalize (d->against);

  return strstr (raising, key) != NULL || strstr (against, key) != NULL;
}

GPtrArray *
quorum_store_list_differences (QuorumStore                  *self,
                               const QuorumDifferenceFilter *filter,
                               GError                      **error)
{
  g_autoptr(GPtrArray) ret = g_ptr_array_new_with_free_func ((GDestroyNotify) quorum_difference_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  QuorumDifferenceFilter none = { NULL, NULL, TRUE, QUORUM_DIFFERENCE_OPEN, NULL, NULL, 0 };
  QuorumDbStmt *stmt;
  gboolean has_row;
  GError *local_error = NULL;

  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (filter == NULL)
    filter = &none;

  stmt = _quorum_store_prepare (self,
                                "SELECT " DIFFERENCE_COLUMNS " FROM difference "
                                "WHERE (?1 IS NULL OR profile = ?1) "
                                "AND (?2 IS NULL OR status = ?2) "
                                "AND (?3 IS NULL OR raised_on >= ?3) "
                                "AND (?4 IS NULL OR raised_on <= ?4) "
                                "AND (?5 = 0 OR conference_id = ?5) "
                                "ORDER BY raised_on, id",
                                error);
  if (stmt == NULL)
    return NULL;

  _quorum_bind_text (stmt, 1, filter->profile_id);
  _quorum_bind_text (stmt, 2, filter->any_status ? NULL : quorum_difference_status_to_string (filter->status));
  bind_date_or_null (stmt, 3, filter->from);
  bind_date_or_null (stmt, 4, filter->to);
  quorum_db_bind_int64 (stmt, 5, filter->conference_id);

  while (step_row (self, stmt, &has_row, &local_error) && has_row)
    {
      QuorumDifference *d = difference_from_row (self, stmt);

      if (filter->agency != NULL && !agency_matches (d, filter->agency))
        {
          quorum_difference_free (d);
          continue;
        }

      g_ptr_array_add (ret, d);
      g_hash_table_insert (by_id, &d->id, d);
    }
  quorum_db_reset (stmt);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  if (ret->len == 0)
    return g_steal_pointer (&ret);

  stmt = _quorum_store_prepare (self,
                                "SELECT " STAGE_COLUMNS " FROM difference_stage "
                                "ORDER BY difference_id, number",
                                error);
  if (stmt == NULL)
    return NULL;

  while (step_row (self, stmt, &has_row, &local_error) && has_row)
    {
      gint64 difference_id;
      QuorumDifferenceStage *stage = stage_from_row (self, stmt, &difference_id);
      QuorumDifference *d = g_hash_table_lookup (by_id, &difference_id);

      if (d != NULL)
        g_ptr_array_add (d->stages, stage);
      else
        quorum_difference_stage_free (stage);
    }
  quorum_db_reset (stmt);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  /* Each difference's dated discussions, oldest first: the page shows them under their stage */
  for (guint i = 0; i < ret->len; i++)
    if (!load_notes (self, g_ptr_array_index (ret, i), error))
      return NULL;

  if (!_quorum_store_load_difference_events (self, by_id, error))
    return NULL;

  return g_steal_pointer (&ret);
}

static gint64
record_difference_note_once (QuorumStore                     *self,
                             gint64                           difference_id,
                             const QuorumDifferenceNoteSpec  *spec,
                             GError                         **error)
{
  g_autoptr(QuorumDifference) d = NULL;
  g_autoptr(QuorumProfile) profile = NULL;
  g_autofree char *now = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *date = NULL;
  const QuorumDifferenceStage *current;
  const QuorumStage *stage = NULL;
  QuorumDbStmt *stmt;
  gint64 note_id;

  g_return_val_if_fail (QUORUM_IS_STORE (self), 0);
  g_return_val_if_fail (spec != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!_quorum_store_begin (self, error))
    return 0;

  if (!(d = load_difference (self, difference_id, error)))
    goto failed;

  current = quorum_difference_get_current_stage (d);

  /* The profile is needed only for a checklist; a discussion is recorded even if the
   * profile has since been removed. */
  if (spec->answers != NULL)
    {
      if (!(profile = quorum_profiles_lookup (d->profile_id, error)))
        goto failed;
      stage = quorum_profile_get_stage (profile, current->number);
    }

  if (!quorum_difference_check_note (d, profile, spec, error))
    goto failed;

  now = quorum_timestamp_now ();
  stmt = _quorum_store_prepare (self,
                                "INSERT INTO difference_note (difference_id, stage, held_on, participants, "
                                "summary, agreed, recorded_at, recorded_by) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id",
                                error);
  if (stmt == NULL)
    goto failed;

  quorum_db_bind_int64 (stmt, 1, d->id);
  quorum_db_bind_int64 (stmt, 2, current->number);
  _quorum_bind_date (stmt, 3, &spec->date);
  _quorum_bind_text (stmt, 4, spec->participants);
  _quorum_bind_text (stmt, 5, spec->summary);
  _quorum_bind_text (stmt, 6, is_blank (spec->agreed) ? NULL : spec->agreed);
  _quorum_bind_text (stmt, 7, now);
  _quorum_bind_text (stmt, 8, quorum_store_get_actor (self));

  if (!_quorum_store_exec_insert (self, stmt, &note_id, error))
    goto failed;

  date = date_string (&spec->date);
  summary = g_strdup_printf ("discussion of %s at stage %d of difference %" G_GINT64_FORMAT " with %s",
                             date, current->number, d->id, spec->participants);
  if (!_quorum_store_audit (self, "insert", "difference_note", note_id, d->conference_id, summary, error))
    goto failed;

  for (guint i = 0; spec->answers != NULL && spec->answers[i] != NULL; i++)
    {
      g_autofree char *answer_summary = NULL;
      gint64 answer_id;

      stmt = _quorum_store_prepare (self,
                                    "INSERT INTO difference_answer (difference_id, note_id, position, "
                                    "question, answer) VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id",
                                    error);
      if (stmt == NULL)
        goto failed;

      quorum_db_bind_int64 (stmt, 1, d->id);
      quorum_db_bind_int64 (stmt, 2, note_id);
      quorum_db_bind_int64 (stmt, 3, (int) i + 1);
      _quorum_bind_text (stmt, 4, stage->checklist[i]);
      _quorum_bind_text (stmt, 5, spec->answers[i]);

      if (!_quorum_store_exec_insert (self, stmt, &answer_id, error))
        goto failed;

      answer_summary = g_strdup_printf ("checklist answer %u of discussion %" G_GINT64_FORMAT,
                                        i + 1, note_id);
      if (!_quorum_store_audit (self, "insert", "difference_answer", answer_id, d->conference_id,
                                answer_summary, error))
        goto failed;
    }

  if (!_quorum_store_commit (self, error))
    goto failed;

  return note_id;

failed:
  _quorum_store_rollback (self);
  return 0;
}

gint64
quorum_store_record_difference_note (QuorumStore                     *self,
                                     gint64                           difference_id,
                                     const QuorumDifferenceNoteSpec  *spec,
                                     GError                         **error)
{
  _QUORUM_STORE_RETRYING (self, error, gint64, record_difference_note_once (self, difference_id, spec, &retry_error));
}

QuorumDifferenceStage *
quorum_store_escalate_difference (QuorumStore  *self,
                                  gint64        difference_id,
                                  const GDate  *date,
                                  const char   *reason,
                                  GError      **error)
{
  return quorum_store_escalate_difference_to (self, difference_id, date, reason, 0, error);
}

static QuorumDifferenceStage *
escalate_difference_to_once (QuorumStore  *self,
                             gint64        difference_id,
                             const GDate  *date,
                             const char   *reason,
                             int           to,
                             GError      **error)
{
  g_autoptr(QuorumDifference) d = NULL;
  g_autoptr(QuorumProfile) profile = NULL;
  g_autoptr(QuorumCalendar) calendar = NULL;
  g_autoptr(QuorumDifferenceStage) stage = NULL;
  g_autofree char *now = NULL;
  g_autofree char *summary = NULL;
  QuorumDbStmt *stmt;

  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_quorum_store_begin (self, error))
    return NULL;

  if (!(d = load_difference (self, difference_id, error)) ||
      !(profile = quorum_profiles_lookup (d->profile_id, error)) ||
      !(calendar = quorum_store_get_calendar (self, profile->region, error)) ||
      !(stage = quorum_difference_escalate_to (d, profile, calendar, date, reason, to, error)))
    goto failed;

  now = quorum_timestamp_now ();
  if (!insert_stage (self, d->id, d->conference_id, stage, now, error))
    goto failed;

  stmt = _quorum_store_prepare (self,
                                "UPDATE difference SET stage = ?2 WHERE id = ?1 AND status = 'open'",
                                error);
  if (stmt == NULL)
    goto failed;
  quorum_db_bind_int64 (stmt, 1, d->id);
  quorum_db_bind_int64 (stmt, 2, stage->number);
  if (!_quorum_store_exec_stmt (self, stmt, error))
    goto failed;

  summary = g_strdup_printf ("difference %" G_GINT64_FORMAT " escalated to stage %d",
                             d->id, stage->number);
  if (!_quorum_store_audit (self, "update", "difference", d->id, d->conference_id, summary, error) ||
      !_quorum_store_commit (self, error))
    goto failed;

  return g_steal_pointer (&stage);

failed:
  _quorum_store_rollback (self);
  return NULL;
}

QuorumDifferenceStage *
quorum_store_escalate_difference_to (QuorumStore  *self,
                                     gint64        difference_id,
                                     const GDate  *date,
                                     const char   *reason,
                                     int           to,
                                     GError      **error)
{
  _QUORUM_STORE_RETRYING (self, error, QuorumDifferenceStage *, escalate_difference_to_once (self, difference_id, date, reason, to, &retry_error));
}

static gboolean
resolve_difference_once (QuorumStore                 *self,
                         gint64                       difference_id,
                         const QuorumResolutionSpec  *spec,
                         GError                     **error)
{
  g_autoptr(QuorumDifference) d = NULL;
  g_autoptr(QuorumProfile) profile = NULL;
  g_autoptr(GError) profile_error = NULL;
  g_autofree char *challenge_outcome = NULL;
  g_autofree char *summary = NULL;
  const QuorumDifferenceStage *current;
  QuorumDbStmt *stmt;
  gboolean has_feedback;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);
  g_return_val_if_fail (spec != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_quorum_store_begin (self, error))
    return FALSE;

  if (!(d = load_difference (self, difference_id, error)))
    goto failed;

  /* Without its profile a difference still resolves; it just cannot name a challenge outcome */
  profile = quorum_profiles_lookup (d->profile_id, &profile_error);

  if (!quorum_difference_check_resolution (d, profile, spec, &challenge_outcome, error))
    goto failed;

  has_feedback = !is_blank (spec->feedback_to);
  stmt = _quorum_store_prepare (self,
                                "UPDATE difference SET status = 'resolved', resolved_on = ?2, "
                                "resolved_by = ?3, outcome = ?4, challenge_outcome = ?5, feedback_to = ?6, "
                                "feedback_on = ?7, debrief = ?8, protocol_review = ?9 "
                                "WHERE id = ?1 AND status = 'open'",
                                error);
  if (stmt == NULL)
    goto failed;

  quorum_db_bind_int64 (stmt, 1, d->id);
  _quorum_bind_date (stmt, 2, &spec->date);
  _quorum_bind_text (stmt, 3, quorum_store_get_actor (self));
  _quorum_bind_text (stmt, 4, spec->outcome);
  _quorum_bind_text (stmt, 5, challenge_outcome);
  _quorum_bind_text (stmt, 6, has_feedback ? spec->feedback_to : NULL);
  bind_date_or_null (stmt, 7, &spec->feedback_date);
  quorum_db_bind_int64 (stmt, 8, spec->debrief ? 1 : 0);
  quorum_db_bind_int64 (stmt, 9, spec->protocol_review ? 1 : 0);

  if (!_quorum_store_exec_stmt (self, stmt, error))
    goto failed;

  current = quorum_difference_get_current_stage (d);
  /* "Closed, disagreement remains" (001, 004): the outcome stands with that said of it. */
  if (spec->disagreement_remains &&
      !_quorum_store_insert_difference_event (self, d->id, d->conference_id, "disagreement-remains",
                                              current != NULL ? current->number : 1, &spec->date, NULL, NULL, error))
    goto failed;
  summary = g_strdup_printf ("difference %" G_GINT64_FORMAT " resolved at stage %d%s%s",
                             d->id, current != NULL ? current->number : 0,
                             challenge_outcome != NULL ? ": " : "",
                             challenge_outcome != NULL ? challenge_outcome : "");
  if (!_quorum_store_audit (self, "update", "difference", d->id, d->conference_id, summary, error) ||
      !_quorum_store_commit (self, error))
    goto failed;

  return TRUE;

failed:
  _quorum_store_rollback (self);
  return FALSE;
}

gboolean
quorum_store_resolve_difference (QuorumStore                 *self,
                                 gint64                       difference_id,
                                 const QuorumResolutionSpec  *spec,
                                 GError                     **error)
{
  _QUORUM_STORE_RETRYING (self, error, gboolean, resolve_difference_once (self, difference_id, spec, &retry_error));
}

static gboolean
follow_up_difference_once (QuorumStore  *self,
                           gint64        difference_id,
                           gboolean      debrief,
                           gboolean      protocol_review,
                           const char   *feedback_to,
                           const GDate  *feedback_date,
                           GError      **error)
{
  g_autoptr(QuorumDifference) d = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *who = NULL;
  GDate when;
  QuorumDbStmt *stmt;
  gboolean changes;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_quorum_store_begin (self, error))
    return FALSE;

  if (!(d = load_difference (self, difference_id, error)) ||
      !quorum_difference_check_follow_up (d, feedback_to, feedback_date, error))
    goto failed;

  if (!is_blank (feedback_to))
    who = g_strdup (feedback_to);
  g_date_clear (&when, 1);
  if (feedback_date != NULL && g_date_valid (feedback_date))
    when = *feedback_date;

  changes = (debrief && !d->debrief) ||
            (protocol_review && !d->protocol_review) ||
            (who != NULL && d->feedback_to == NULL) ||
            (g_date_valid (&when) && !g_date_valid (&d->feedback_date));
  if (!changes)
    {
      _quorum_store_rollback (self);
      return TRUE;
    }

  stmt = _quorum_store_prepare (self,
                                "UPDATE difference SET debrief = CASE WHEN debrief > ?2 THEN debrief ELSE ?2 END, "
                                "protocol_review = CASE WHEN protocol_review > ?3 THEN protocol_review ELSE ?3 END, "
                                "feedback_to = coalesce (feedback_to, ?4), "
                                "feedback_on = coalesce (feedback_on, ?5) "
                                "WHERE id = ?1 AND status = 'resolved'",
                                error);
  if (stmt == NULL)
    goto failed;

  quorum_db_bind_int64 (stmt, 1, d->id);
  quorum_db_bind_int64 (stmt, 2, debrief ? 1 : 0);
  quorum_db_bind_int64 (stmt, 3, protocol_review ? 1 : 0);
  _quorum_bind_text (stmt, 4, who);
  bind_date_or_null (stmt, 5, &when);

  if (!_quorum_store_exec_stmt (self, stmt, error))
    goto failed;

  summary = g_strdup_printf ("follow-up of difference %" G_GINT64_FORMAT "%s%s%s",
                             d->id,
                             debrief && !d->debrief ? ": debrief" : "",
                             protocol_review && !d->protocol_review ? ": protocol review" : "",
                             who != NULL && d->feedback_to == NULL ? ": feedback given" : "");
  if (!_quorum_store_audit (self, "update", "difference", d->id, d->conference_id, summary, error) ||
      !_quorum_store_commit (self, error))
    goto failed;

  return TRUE;

failed:
  _quorum_store_rollback (self);
  return FALSE;
}

gboolean
quorum_store_follow_up_difference (QuorumStore  *self,
                                   gint64        difference_id,
                                   gboolean      debrief,
                                   gboolean      protocol_review,
                                   const char   *feedback_to,
                                   const GDate  *feedback_date,
                                   GError      **error)
{
  _QUORUM_STORE_RETRYING (self, error, gboolean, follow_up_difference_once (self, difference_id, debrief, protocol_review, feedback_to, feedback_date, &retry_error));
}
