/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-store-challenge.c: the challenge of a chair's decision (002 §4.2–4.5): raised with the
 * Designated Person, the Safeguarding Co-ordinator alerted, the Co-ordinator's decisions acting
 * on the record (an interim plan, the review conference brought forward, a referral). */

#include <glib/gi18n-lib.h>

#include "quorum-store-private.h"

#define CHALLENGE_COLUMNS \
  "id, conference_id, child_id, decision_id, agency, raised_by, designated_person, concern, raised_on, " \
  "coordinator, alerted_on, decided_on, decisions, reasons, plan_id, review_date, review_conference_id, " \
  "referral_id, recorded_at, recorded_by"

gboolean
_quorum_store_load_challenges (QuorumStore       *self,
                               QuorumConference  *conference,
                               GError           **error)
{
  QuorumDbStmt *stmt;
  int rc;

  stmt = _quorum_store_prepare (self, "SELECT " CHALLENGE_COLUMNS " FROM challenge "
                                "WHERE conference_id = ? ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  quorum_db_bind_int64 (stmt, 1, conference->id);
  while ((rc = quorum_db_step (stmt, NULL)) == QUORUM_DB_ROW)
    {
      QuorumChallenge *c = g_new0 (QuorumChallenge, 1);

      c->id = quorum_db_column_int64 (stmt, 0);
      c->conference_id = quorum_db_column_int64 (stmt, 1);
      c->child_id = quorum_db_column_int64 (stmt, 2);
      c->decision_id = quorum_db_column_int64 (stmt, 3);
      c->agency = _quorum_column_dup (stmt, 4);
      c->raised_by = _quorum_column_dup (stmt, 5);
      c->designated_person = _quorum_column_dup (stmt, 6);
      c->concern = _quorum_column_dup (stmt, 7);
      _quorum_column_date (stmt, 8, &c->raised_on);
      c->coordinator = _quorum_column_dup (stmt, 9);
      _quorum_column_date (stmt, 10, &c->alerted_on);
      _quorum_column_date (stmt, 11, &c->decided_on);
      quorum_challenge_decisions_from_string ((const char *)quorum_db_column_text (stmt, 12), &c->decisions);
      c->reasons = _quorum_column_dup (stmt, 13);
      c->plan_id = quorum_db_column_int64 (stmt, 14);
      _quorum_column_date (stmt, 15, &c->review_date);
      c->review_conference_id = quorum_db_column_int64 (stmt, 16);
      c->referral_id = quorum_db_column_int64 (stmt, 17);
      c->recorded_at = _quorum_column_dup (stmt, 18);
      c->recorded_by = _quorum_store_column_person (self, stmt, 19);
      g_ptr_array_add (conference->challenges, c);
    }
  quorum_db_reset (stmt);
  if (rc != QUORUM_DB_DONE)
    return _quorum_store_fail (self, error);
  return TRUE;
}

gint64
quorum_store_challenge_conference (QuorumStore  *self,
                                   gint64        challenge_id,
                                   GError      **error)
{
  QuorumDbStmt *stmt;
  gint64 conference_id = 0;
  int rc;

  g_return_val_if_fail (QUORUM_IS_STORE (self), 0);

  stmt = _quorum_store_prepare (self, "SELECT conference_id FROM challenge WHERE id = ?", error);
  if (stmt == NULL)
    return 0;
  quorum_db_bind_int64 (stmt, 1, challenge_id);
  rc = quorum_db_step (stmt, NULL);
  if (rc == QUORUM_DB_ROW)
    conference_id = quorum_db_column_int64 (stmt, 0);
  quorum_db_reset (stmt);
  if (rc != QUORUM_DB_ROW && rc != QUORUM_DB_DONE)
    {
      _quorum_store_fail (self, error);
      return 0;
    }
  if (conference_id == 0)
    g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_NOT_FOUND,
                 _("There is no challenge %lld"), (long long) challenge_id);
  return conference_id;
}

static gint64
raise_challenge_once (QuorumStore               *self,
                      gint64                     conference_id,
                      const QuorumChallengeSpec *spec,
                      GError                   **error)
{
  g_autoptr(QuorumConference) conference = NULL;
  g_autoptr(QuorumProfile) profile = NULL;
  g_autofree char *now = quorum_timestamp_now ();
  g_autofree char *summary = NULL;
  QuorumDecision *decision;
  QuorumDbStmt *stmt;
  gint64 id;

  g_return_val_if_fail (QUORUM_IS_STORE (self), 0);

  if (!quorum_check_text (spec->agency, _("The dissenting agency"), TRUE, QUORUM_MAX_NAME, error) ||
      !quorum_check_text (spec->designated_person, _("The Designated Person"), TRUE, QUORUM_MAX_NAME, error) ||
      !quorum_check_text (spec->raised_by, _("Who raised it"), FALSE, QUORUM_MAX_NAME, error) ||
      !quorum_check_text (spec->concern, _("The concern"), FALSE, QUORUM_MAX_TEXT, error))
    return 0;
  if (!_quorum_store_begin (self, error))
    return 0;

  /* A challenge follows the decision, usually after sign-off: it is allowed then. */
  if ((conference = quorum_store_load_conference (self, conference_id, error)) == NULL ||
      (profile = quorum_store_get_conference_profile (self, conference_id, error)) == NULL ||
      !quorum_challenge_check_raise (conference, profile, spec->child_id, spec->agency,
                                     spec->designated_person, &spec->raised_on, error))
    goto fail;
  decision = quorum_conference_find_decision (conference, spec->child_id);

  stmt = _quorum_store_prepare (self,
                                "INSERT INTO challenge (conference_id, child_id, decision_id, agency, raised_by, "
                                "designated_person, concern, raised_on, recorded_at, recorded_by) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", error);
  if (stmt == NULL)
    goto fail;
  quorum_db_bind_int64 (stmt, 1, conference_id);
  quorum_db_bind_int64 (stmt, 2, spec->child_id);
  quorum_db_bind_int64 (stmt, 3, decision->id);
  {
    g_autofree char *agency = g_strstrip (g_strdup (spec->agency));
    quorum_db_bind_text (stmt, 4, agency);
  }
  _quorum_bind_text (stmt, 5, spec->raised_by && *spec->raised_by ? spec->raised_by : NULL);
  _quorum_bind_text (stmt, 6, spec->designated_person);
  _quorum_bind_text (stmt, 7, spec->concern && *spec->concern ? spec->concern : NULL);
  _quorum_bind_date (stmt, 8, &spec->raised_on);
  _quorum_bind_text (stmt, 9, now);
  _quorum_bind_text (stmt, 10, quorum_store_get_actor (self));
  if (!_quorum_store_exec_insert (self, stmt, &id, error))
    goto fail;
  summary = g_strdup_printf ("challenge by %s of the decision for child %" G_GINT64_FORMAT, spec->agency,
                             spec->child_id);
  if (!_quorum_store_audit (self, "insert", "challenge", id, conference_id, summary, error) ||
      !_quorum_store_commit (self, error))
    goto fail;
  return id;

fail:
  _quorum_store_rollback (self);
  return 0;
}

gint64
quorum_store_raise_challenge (QuorumStore               *self,
                              gint64                     conference_id,
                              const QuorumChallengeSpec *spec,
                              GError                   **error)
{
  _QUORUM_STORE_RETRYING (self, error, gint64, raise_challenge_once (self, conference_id, spec, &retry_error));
}

/* The conference, its profile and the challenge, read in the open transaction. */
static QuorumChallenge *
load_challenge (QuorumStore       *self,
                gint64             challenge_id,
                QuorumConference **conference,
                QuorumProfile    **profile,
                GError           **error)
{
  gint64 conference_id = quorum_store_challenge_conference (self, challenge_id, error);

  if (conference_id == 0 ||
      (*conference = quorum_store_load_conference (self, conference_id, error)) == NULL ||
      (*profile = quorum_store_get_conference_profile (self, conference_id, error)) == NULL)
    return NULL;
  return quorum_conference_find_challenge (*conference, challenge_id);
}

static gboolean
alert_challenge_once (QuorumStore  *self,
                      gint64        challenge_id,
                      const char   *coordinator,
                      const GDate  *date,
                      GError      **error)
{
  g_autoptr(QuorumConference) conference = NULL;
  g_autoptr(QuorumProfile) profile = NULL;
  g_autofree char *summary = NULL;
  QuorumChallenge *challenge;
  QuorumDbStmt *stmt;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);

  if (!quorum_check_text (coordinator, _("The Co-ordinator's name"), TRUE, QUORUM_MAX_NAME, error))
    return FALSE;
  if (!_quorum_store_begin (self, error))
    return FALSE;
  if ((challenge = load_challenge (self, challenge_id, &conference, &profile, error)) == NULL ||
      !quorum_challenge_check_alert (challenge, coordinator, date, error))
    goto fail;

  stmt = _quorum_store_prepare (self, "UPDATE challenge SET coordinator = ?, alerted_on = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  _quorum_bind_text (stmt, 1, coordinator);
  _quorum_bind_date (stmt, 2, date);
  quorum_db_bind_int64 (stmt, 3, challenge_id);
  if (!_quorum_store_exec_stmt (self, stmt, error))
    goto fail;
  summary = g_strdup_printf ("challenge %" G_GINT64_FORMAT ": %s alerted", challenge_id, coordinator);
  if (!_quorum_store_audit (self, "update", "challenge", challenge_id, conference->id, summary, error) ||
      !_quorum_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  _quorum_store_rollback (self);
  return FALSE;
}

gboolean
quorum_store_alert_challenge (QuorumStore  *self,
                              gint64        challenge_id,
                              const char   *coordinator,
                              const GDate  *date,
                              GError      **error)
{
  _QUORUM_STORE_RETRYING (self, error, gboolean, alert_challenge_once (self, challenge_id, coordinator, date, &retry_error));
}

static gboolean
link_made (QuorumStore  *self,
           gint64        challenge_id,
           gint64        conference_id,
           const char   *column,
           gint64        made_id,
           GError      **error)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE challenge SET %s = ? WHERE id = ?", column);
  g_autofree char *summary = g_strdup_printf ("challenge %" G_GINT64_FORMAT ": %s %" G_GINT64_FORMAT,
                                              challenge_id, column, made_id);
  /* The column is one of ours, never input; interned, the SQL outlives the statement cache's key. */
  QuorumDbStmt *stmt = _quorum_store_prepare (self, g_intern_string (sql), error);

  if (stmt == NULL)
    return FALSE;
  quorum_db_bind_int64 (stmt, 1, made_id);
  quorum_db_bind_int64 (stmt, 2, challenge_id);
  return _quorum_store_exec_stmt (self, stmt, error) &&
         _quorum_store_audit (self, "update", "challenge", challenge_id, conference_id, summary, error);
}

static gboolean
decide_challenge_once (QuorumStore  *self,
                       gint64        challenge_id,
                       const GDate  *date,
                       guint         decisions,
                       const GDate  *review_date,
                       const char   *reasons,
                       GError      **error)
{
  g_autoptr(QuorumConference) conference = NULL;
  g_autoptr(QuorumProfile) profile = NULL;
  g_autofree char *words = quorum_challenge_decisions_to_string (decisions);
  g_autofree char *summary = NULL;
  QuorumChallenge *challenge;
  QuorumDbStmt *stmt;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);

  if (!quorum_check_text (reasons, _("The Co-ordinator's reasons"), FALSE, QUORUM_MAX_TEXT, error))
    return FALSE;
  if (!_quorum_store_begin (self, error))
    return FALSE;
  if ((challenge = load_challenge (self, challenge_id, &conference, &profile, error)) == NULL ||
      !quorum_challenge_check_decide (conference, profile, challenge, date, decisions, review_date, error))
    goto fail;

  stmt = _quorum_store_prepare (self,
                                "UPDATE challenge SET decided_on = ?, decisions = ?, reasons = ?, review_date = ? "
                                "WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  _quorum_bind_date (stmt, 1, date);
  _quorum_bind_text (stmt, 2, words);
  _quorum_bind_text (stmt, 3, reasons && *reasons ? reasons : NULL);
  _quorum_bind_date (stmt, 4, (decisions & QUORUM_CHALLENGE_REVIEW_FORWARD) ? review_date : NULL);
  quorum_db_bind_int64 (stmt, 5, challenge_id);
  if (!_quorum_store_exec_stmt (self, stmt, error))
    goto fail;
  summary = g_strdup_printf ("challenge %" G_GINT64_FORMAT ": the Co-ordinator decided %s", challenge_id, words);
  if (!_quorum_store_audit (self, "update", "challenge", challenge_id, conference->id, summary, error))
    goto fail;

  if (decisions & QUORUM_CHALLENGE_INTERIM_PLAN)
    {
      gint64 plan_id;

      stmt = _quorum_store_prepare (self,
                                    "INSERT INTO plan (conference_id, child_id, start, from_split, categories) "
                                    "VALUES (?, ?, ?, 0, '') RETURNING id", error);
      if (stmt == NULL)
        goto fail;
      quorum_db_bind_int64 (stmt, 1, conference->id);
      quorum_db_bind_int64 (stmt, 2, challenge->child_id);
      _quorum_bind_date (stmt, 3, date);
      if (!_quorum_store_exec_insert (self, stmt, &plan_id, error))
        goto fail;
      if (!_quorum_store_audit (self, "insert", "plan", plan_id, conference->id,
                                "interim child protection plan by the Safeguarding Co-ordinator", error) ||
          !link_made (self, challenge_id, conference->id, "plan_id", plan_id, error))
        goto fail;
    }

  if (decisions & QUORUM_CHALLENGE_REVIEW_FORWARD)
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new ();
      QuorumConferenceSpec spec = { 0 };
      gint64 review_id;

      for (guint i = 0; i < conference->children->len; i++)
        g_ptr_array_add (names, ((QuorumChild *)g_ptr_array_index (conference->children, i))->name);
      g_ptr_array_add (names, NULL);
      spec.kind = QUORUM_KIND_REVIEW;
      spec.date = *review_date;
      spec.chair = conference->chair;
      spec.case_ref = conference->case_ref;
      spec.venue = conference->venue;
      spec.children = (const char * const *)names->pdata;
      review_id = _quorum_store_insert_conference (self, &spec, profile, error);
      if (review_id == 0 ||
          !link_made (self, challenge_id, conference->id, "review_conference_id", review_id, error))
        goto fail;
    }

  if (decisions & QUORUM_CHALLENGE_REFER)
    {
      g_autofree char *due = quorum_date_to_string (date);
      g_autofree char *rsummary = g_strdup_printf ("referral to the Head of Service by the Safeguarding "
                                                   "Co-ordinator, %s", due);
      gint64 referral_id;

      /* The Co-ordinator refers the matter: it is sent the day it is decided. */
      stmt = _quorum_store_prepare (self,
                                    "INSERT INTO referral (conference_id, child_id, due, notified) VALUES (?, ?, ?, ?) RETURNING id",
                                    error);
      if (stmt == NULL)
        goto fail;
      quorum_db_bind_int64 (stmt, 1, conference->id);
      quorum_db_bind_int64 (stmt, 2, challenge->child_id);
      _quorum_bind_date (stmt, 3, date);
      _quorum_bind_date (stmt, 4, date);
      if (!_quorum_store_exec_insert (self, stmt, &referral_id, error))
        goto fail;
      if (!_quorum_store_audit (self, "insert", "referral", referral_id, conference->id, rsummary, error) ||
          !link_made (self, challenge_id, conference->id, "referral_id", referral_id, error))
        goto fail;
    }

  if (!_quorum_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  _quorum_store_rollback (self);
  return FALSE;
}

gboolean
quorum_store_decide_challenge (QuorumStore  *self,
                               gint64        challenge_id,
                               const GDate  *date,
                               guint         decisions,
                               const GDate  *review_date,
                               const char   *reasons,
                               GError      **error)
{
  _QUORUM_STORE_RETRYING (self, error, gboolean, decide_challenge_once (self, challenge_id, date, decisions, review_date, reasons, &retry_error));
}
