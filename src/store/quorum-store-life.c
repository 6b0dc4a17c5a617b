/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-store-life.c: every line of SQL about plans, referrals and notices over time, and the
 * events of a difference beside its stages (DOMAIN: "Plans, referrals and notices over time"). */

#include <string.h>
#include <glib/gi18n-lib.h>

#include "quorum-store-private.h"
#include "quorum-store-life.h"
#include "quorum-store-difference.h"

/* ---- helpers ---- */

static gboolean
step_one (QuorumStore   *self,
          QuorumDbStmt  *stmt,
          gboolean      *has_row,
          GError       **error)
{
  int rc = quorum_db_step (stmt, NULL);

  *has_row = rc == QUORUM_DB_ROW;
  if (rc == QUORUM_DB_ROW || rc == QUORUM_DB_DONE)
    return TRUE;
  quorum_db_reset (stmt);
  return _quorum_store_fail (self, error);
}

static gboolean
check_given_date (const GDate  *date,
                  const char   *what,
                  GError      **error)
{
  if (date == NULL || !g_date_valid (date))
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID, _("%s is needed (YYYY-MM-DD)"), what);
      return FALSE;
    }
  return quorum_date_check_not_future (date, what, error);
}

/* The calendars of the profiles' regions, made once per call. */
typedef struct
{
  QuorumStore    *store;
  GHashTable     *profiles;    /* id → QuorumProfile* (or absent) */
  QuorumCalendar *calendars[QUORUM_N_REGIONS];
} LifeCache;

static void
life_cache_init (LifeCache   *cache,
                 QuorumStore *store)
{
  memset (cache, 0, sizeof *cache);
  cache->store = store;
  cache->profiles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) quorum_profile_unref);
}

static void
life_cache_clear (LifeCache *cache)
{
  g_clear_pointer (&cache->profiles, g_hash_table_unref);
  for (guint i = 0; i < QUORUM_N_REGIONS; i++)
    g_clear_pointer (&cache->calendars[i], quorum_calendar_unref);
}

static QuorumProfile *
life_cache_profile (LifeCache  *cache,
                    const char *id)
{
  QuorumProfile *profile;

  if (id == NULL)
    return NULL;
  if (g_hash_table_lookup_extended (cache->profiles, id, NULL, (gpointer *) &profile))
    return profile;
  profile = quorum_profiles_lookup (id, NULL);
  if (profile != NULL)
    g_hash_table_insert (cache->profiles, g_strdup (id), profile);
  return profile;
}

static QuorumCalendar *
life_cache_calendar (LifeCache    *cache,
                     QuorumRegion  region)
{
  if ((guint) region >= QUORUM_N_REGIONS)
    region = QUORUM_REGION_ENGLAND_WALES;
  if (cache->calendars[region] == NULL)
    cache->calendars[region] = quorum_store_get_calendar (cache->store, region, NULL);
  if (cache->calendars[region] == NULL)
    cache->calendars[region] = quorum_calendar_new (region);
  return cache->calendars[region];
}

/* ---- plans ---- */

typedef struct
{
  gint64 id;
  gint64 conference_id;
  gint64 child_id;
  GDate  start;
  GDate  ended;
  GDate  panel_ended;
} PlanState;

static gboolean
load_plan_state (QuorumStore  *self,
                 gint64        plan_id,
                 PlanState    *out,
                 GError      **error)
{
  QuorumDbStmt *stmt;
  gboolean has_row;

  memset (out, 0, sizeof *out);
  stmt = _quorum_store_prepare (self,
                                "SELECT p.id, p.conference_id, p.child_id, p.start, "
                                "(SELECT on_date FROM plan_event e WHERE e.plan_id = p.id AND e.kind = 'ended'), "
                                "(SELECT panel_date FROM referral r WHERE r.child_id = p.child_id "
                                "  AND r.outcome = 'plan-ended') "
                                "FROM plan p WHERE p.id = ?", error);
  if (stmt == NULL)
    return FALSE;
  quorum_db_bind_int64 (stmt, 1, plan_id);
  if (!step_one (self, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    {
      quorum_db_reset (stmt);
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_NOT_FOUND, _("There is no plan %lld"), (long long) plan_id);
      return FALSE;
    }
  out->id = quorum_db_column_int64 (stmt, 0);
  out->conference_id = quorum_db_column_int64 (stmt, 1);
  out->child_id = quorum_db_column_int64 (stmt, 2);
  _quorum_column_date (stmt, 3, &out->start);
  _quorum_column_date (stmt, 4, &out->ended);
  _quorum_column_date (stmt, 5, &out->panel_ended);
  quorum_db_reset (stmt);
  return TRUE;
}

static gint64
insert_plan_event (QuorumStore  *self,
                   PlanState    *plan,
                   const char   *kind,
                   const GDate  *date,
                   gint64        by_conference,
                   const char   *reason,
                   GError      **error)
{
  g_autofree char *now = quorum_timestamp_now ();
  g_autofree char *iso = quorum_date_to_string (date);
  g_autofree char *summary = NULL;
  QuorumDbStmt *stmt;
  gint64 id;

  stmt = _quorum_store_prepare (self,
                                "INSERT INTO plan_event (conference_id, plan_id, kind, on_date, by_conference, "
                                "reason, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", error);
  if (stmt == NULL)
    return 0;
  quorum_db_bind_int64 (stmt, 1, plan->conference_id);
  quorum_db_bind_int64 (stmt, 2, plan->id);
  _quorum_bind_text (stmt, 3, kind);
  _quorum_bind_date (stmt, 4, date);
  if (by_conference > 0)
    quorum_db_bind_int64 (stmt, 5, by_conference);
  else
    quorum_db_bind_null (stmt, 5);
  _quorum_bind_text (stmt, 6, reason);
  _quorum_bind_text (stmt, 7, now);
  _quorum_bind_text (stmt, 8, quorum_store_get_actor (self));
  if (!_quorum_store_exec_insert (self, stmt, &id, error))
    return 0;
  summary = g_strdup_printf ("plan %lld %s on %s", (long long) plan->id,
                             g_str_equal (kind, "ended") ? "ended" : "reviewed", iso);
  if (!_quorum_store_audit (self, "insert", "plan_event", id, plan->conference_id, summary, error))
    return 0;
  return id;
}

static gint64
end_plan_once (QuorumStore  *self,
               gint64        plan_id,
               const GDate  *date,
               gint64        by_conference,
               const char   *reason,
               GError      **error)
{
  PlanState plan;
  gint64 id;

  g_return_val_if_fail (QUORUM_IS_STORE (self), 0);

  if (!check_given_date (date, _("The date the plan ended"), error) ||
      !quorum_check_text (reason, _("Why the plan ended"), TRUE, QUORUM_MAX_TEXT, error))
    return 0;
  if (!_quorum_store_begin (self, error))
    return 0;
  if (!load_plan_state (self, plan_id, &plan, error))
    goto fail;

  if (g_date_valid (&plan.ended) || g_date_valid (&plan.panel_ended))
    {
      g_autofree char *when = quorum_date_to_string (g_date_valid (&plan.ended) ? &plan.ended : &plan.panel_ended);

      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   g_date_valid (&plan.ended) ? _("Plan %lld already ended on %s")
                                              : _("Plan %lld already ended on %s, when the panel heard the referral"),
                   (long long) plan_id, when);
      goto fail;
    }
  if (g_date_compare (date, &plan.start) < 0)
    {
      g_autofree char *start = quorum_date_to_string (&plan.start);

      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("A plan cannot end before it starts (%s)"), start);
      goto fail;
    }
  if (by_conference != 0)
    {
      QuorumDbStmt *stmt = _quorum_store_prepare (self, "SELECT date FROM conference WHERE id = ?", error);
      gboolean has_row;
      GDate conf_date;

      if (stmt == NULL)
        goto fail;
      quorum_db_bind_int64 (stmt, 1, by_conference);
      if (!step_one (self, stmt, &has_row, error))
        goto fail;
      if (has_row)
        _quorum_column_date (stmt, 0, &conf_date);
      quorum_db_reset (stmt);
      if (!has_row || by_conference == plan.conference_id)
        {
          g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                       has_row ? _("Conference %lld made the plan: a later conference ends it")
                               : _("There is no conference %lld"),
                       (long long) by_conference);
          goto fail;
        }
      if (g_date_compare (&conf_date, &plan.start) < 0)
        {
          g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                       _("Conference %lld was held before the plan started: a later conference ends it"),
                       (long long) by_conference);
          goto fail;
        }
    }

  id = insert_plan_event (self, &plan, "ended", date, by_conference, reason, error);
  if (id == 0 || !_quorum_store_commit (self, error))
    goto fail;
  return id;

fail:
  _quorum_store_rollback (self);
  return 0;
}

gint64
quorum_store_end_plan (QuorumStore  *self,
                       gint64        plan_id,
                       const GDate  *date,
                       gint64        by_conference,
                       const char   *reason,
                       GError      **error)
{
  _QUORUM_STORE_RETRYING (self, error, gint64, end_plan_once (self, plan_id, date, by_conference, reason, &retry_error));
}

static gint64
review_plan_once (QuorumStore  *self,
                  gint64        plan_id,
                  const GDate  *date,
                  GError      **error)
{
  PlanState plan;
  gint64 id;

  g_return_val_if_fail (QUORUM_IS_STORE (self), 0);

  if (date == NULL || !g_date_valid (date))
    {
      g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_INVALID, _("A review date is needed (YYYY-MM-DD)"));
      return 0;
    }
  if (!_quorum_store_begin (self, error))
    return 0;
  if (!load_plan_state (self, plan_id, &plan, error))
    goto fail;
  if (g_date_compare (date, &plan.start) < 0 ||
      (g_date_valid (&plan.ended) && g_date_compare (date, &plan.ended) > 0) ||
      (g_date_valid (&plan.panel_ended) && g_date_compare (date, &plan.panel_ended) > 0))
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("A review of plan %lld falls between its start and its end"), (long long) plan_id);
      goto fail;
    }
  id = insert_plan_event (self, &plan, "review", date, 0, NULL, error);
  if (id == 0 || !_quorum_store_commit (self, error))
    goto fail;
  return id;

fail:
  _quorum_store_rollback (self);
  return 0;
}

gint64
quorum_store_review_plan (QuorumStore  *self,
                          gint64        plan_id,
                          const GDate  *date,
                          GError      **error)
{
  _QUORUM_STORE_RETRYING (self, error, gint64, review_plan_once (self, plan_id, date, &retry_error));
}

/* ---- referral corrections ---- */

static gint64
correct_referral_once (QuorumStore          *self,
                       gint64                referral_id,
                       QuorumReferralField   field,
                       const char           *value,
                       const char           *panel_reasons,
                       const char           *reason,
                       GError              **error)
{
  g_autoptr(QuorumReferralRow) row = NULL;
  g_autoptr(QuorumProfile) profile = NULL;
  g_autofree char *old_value = NULL;
  g_autofree char *new_value = NULL;
  g_autofree char *now = NULL;
  g_autofree char *summary = NULL;
  QuorumPanelOutcome outcome = QUORUM_PANEL_NONE;
  GDate date;
  GDate today;
  QuorumDbStmt *stmt;
  gint64 id;

  g_return_val_if_fail (QUORUM_IS_STORE (self), 0);

  if ((guint) field >= QUORUM_N_REFERRAL_FIELDS)
    {
      g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                           _("A correction changes the date sent (notified), the panel's date (panel_date) or its outcome (outcome)"));
      return 0;
    }
  if (!quorum_check_text (reason, _("The reason for the correction"), TRUE, QUORUM_MAX_TEXT, error))
    return 0;

  g_date_clear (&date, 1);
  if (field == QUORUM_REFERRAL_FIELD_OUTCOME)
    {
      if (!quorum_panel_outcome_from_string (value, &outcome) || outcome == QUORUM_PANEL_NONE)
        {
          g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                       _("“%s” is not a panel outcome (plan-confirmed, plan-ended or other)"), value ? value : "");
          return 0;
        }
      new_value = g_strdup (quorum_panel_outcome_to_string (outcome));
      /* DOMAIN 4: "other" with reasons, the panel's own, not the correction's. */
      if (panel_reasons != NULL && *panel_reasons == '\0')
        panel_reasons = NULL;
      if (!quorum_referral_check_outcome (outcome, panel_reasons, error))
        return 0;
    }
  else if (panel_reasons != NULL && *panel_reasons != '\0')
    {
      g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                           _("The panel's reasons go with a corrected outcome, not with a date"));
      return 0;
    }
  else
    {
      if (!quorum_date_parse (value, quorum_referral_field_get_label (field), &date, error))
        return 0;
      new_value = quorum_date_to_string (&date);
    }

  quorum_date_today (&today);
  if (!_quorum_store_begin (self, error))
    return 0;
  if (!(row = quorum_store_get_referral (self, referral_id, error)))
    goto fail;

  switch (field)
    {
    case QUORUM_REFERRAL_FIELD_NOTIFIED:
      if (!g_date_valid (&row->notified))
        {
          g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                       _("Referral %lld has not been sent yet: record when it was sent, then correct it"),
                       (long long) referral_id);
          goto fail;
        }
      old_value = quorum_date_to_string (&row->notified);
      if (!quorum_referral_check_sent (&date, &row->conference_date, &today, error))
        goto fail;
      if (g_date_valid (&row->panel_date) && g_date_compare (&row->panel_date, &date) < 0)
        {
          g_autofree char *heard = quorum_date_to_string (&row->panel_date);

          g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                       _("The panel heard it on %s: it cannot have been sent after that (%s)"), heard, new_value);
          goto fail;
        }
      break;
    case QUORUM_REFERRAL_FIELD_PANEL_DATE:
    case QUORUM_REFERRAL_FIELD_OUTCOME:
      if (!g_date_valid (&row->panel_date))
        {
          g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                       _("The panel has not heard referral %lld yet: record its hearing, then correct it"),
                       (long long) referral_id);
          goto fail;
        }
      if (field == QUORUM_REFERRAL_FIELD_PANEL_DATE)
        {
          old_value = quorum_date_to_string (&row->panel_date);
          if (!quorum_referral_check_heard (&date, &row->notified, &today, error))
            goto fail;
        }
      else
        {
          old_value = g_strdup (quorum_panel_outcome_to_string (row->outcome));
        }
      break;
    case QUORUM_N_REFERRAL_FIELDS:
    default:
      g_assert_not_reached ();
    }

  /* Core's rule: a value to another, or an outcome to itself with other reasons (DOMAIN 4). */
  if (!quorum_referral_check_correction (referral_id, field, old_value,
                                         field == QUORUM_REFERRAL_FIELD_OUTCOME ? row->outcome_reason : NULL,
                                         new_value, panel_reasons, error))
    goto fail;

  if (field == QUORUM_REFERRAL_FIELD_NOTIFIED)
    {
      GDate panel_due;

      if (!(profile = quorum_store_get_conference_profile (self, row->conference_id, error)))
        goto fail;
      quorum_panel_due (profile, &date, &panel_due);
      stmt = _quorum_store_prepare (self, "UPDATE referral SET notified = ?, panel_due = ? WHERE id = ?", error);
      if (stmt == NULL)
        goto fail;
      _quorum_bind_date (stmt, 1, &date);
      _quorum_bind_date (stmt, 2, &panel_due);
      quorum_db_bind_int64 (stmt, 3, referral_id);
    }
  else if (field == QUORUM_REFERRAL_FIELD_PANEL_DATE)
    {
      stmt = _quorum_store_prepare (self, "UPDATE referral SET panel_date = ? WHERE id = ?", error);
      if (stmt == NULL)
        goto fail;
      _quorum_bind_date (stmt, 1, &date);
      quorum_db_bind_int64 (stmt, 2, referral_id);
    }
  else
    {
      /* The reasons belong to the outcome they were given with: the new outcome's own, or none.
       * The old ones stay in the audit entry below (and in the chain's earlier state). */
      stmt = _quorum_store_prepare (self, "UPDATE referral SET outcome = ?, outcome_reason = ? WHERE id = ?", error);
      if (stmt == NULL)
        goto fail;
      _quorum_bind_text (stmt, 1, new_value);
      _quorum_bind_text (stmt, 2, panel_reasons);
      quorum_db_bind_int64 (stmt, 3, referral_id);
    }
  if (field == QUORUM_REFERRAL_FIELD_OUTCOME)
    summary = g_strdup_printf ("referral %lld: %s corrected from %s (reasons: %s) to %s (reasons: %s)",
                               (long long) referral_id, quorum_referral_field_to_string (field),
                               old_value ? old_value : "-", row->outcome_reason ? row->outcome_reason : "none",
                               new_value, panel_reasons ? panel_reasons : "none");
  else
    summary = g_strdup_printf ("referral %lld: %s corrected from %s to %s", (long long) referral_id,
                               quorum_referral_field_to_string (field), old_value ? old_value : "-", new_value);
  if (!_quorum_store_exec_stmt (self, stmt, error) ||
      !_quorum_store_audit (self, "update", "referral", referral_id, row->conference_id, summary, error))
    goto fail;

  now = quorum_timestamp_now ();
  stmt = _quorum_store_prepare (self,
                                "INSERT INTO referral_correction (conference_id, referral_id, field, old_value, "
                                "new_value, reason, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", error);
  if (stmt == NULL)
    goto fail;
  quorum_db_bind_int64 (stmt, 1, row->conference_id);
  quorum_db_bind_int64 (stmt, 2, referral_id);
  _quorum_bind_text (stmt, 3, quorum_referral_field_to_string (field));
  _quorum_bind_text (stmt, 4, old_value);
  _quorum_bind_text (stmt, 5, new_value);
  _quorum_bind_text (stmt, 6, reason);
  _quorum_bind_text (stmt, 7, now);
  _quorum_bind_text (stmt, 8, quorum_store_get_actor (self));
  if (!_quorum_store_exec_insert (self, stmt, &id, error))
    goto fail;
  if (!_quorum_store_audit (self, "insert", "referral_correction", id, row->conference_id, summary, error) ||
      !_quorum_store_commit (self, error))
    goto fail;
  return id;

fail:
  _quorum_store_rollback (self);
  return 0;
}

gint64
quorum_store_correct_referral (QuorumStore          *self,
                               gint64                referral_id,
                               QuorumReferralField   field,
                               const char           *value,
                               const char           *reason,
                               GError              **error)
{
  return quorum_store_correct_referral_full (self, referral_id, field, value, NULL, reason, error);
}

gint64
quorum_store_correct_referral_full (QuorumStore          *self,
                                    gint64                referral_id,
                                    QuorumReferralField   field,
                                    const char           *value,
                                    const char           *panel_reasons,
                                    const char           *reason,
                                    GError              **error)
{
  _QUORUM_STORE_RETRYING (self, error, gint64,
                          correct_referral_once (self, referral_id, field, value, panel_reasons, reason, &retry_error));
}

/* ---- notices ---- */

void
quorum_notice_row_free (QuorumNoticeRow *self)
{
  if (self == NULL)
    return;
  g_free (self->kind);
  g_free (self->profile_id);
  g_free (self->by);
  g_free (self->to);
  g_free (self->about);
  g_free (self->means);
  g_free (self->source);
  g_free (self->recorded_at);
  g_free (self->recorded_by);
  g_free (self);
}

static gboolean
notice_exists (QuorumStore  *self,
               const char   *kind,
               gint64        referral_id,
               gint64        difference_id,
               int           stage,
               gboolean     *exists,
               GError      **error)
{
  QuorumDbStmt *stmt;

  stmt = _quorum_store_prepare (self,
                                "SELECT 1 FROM notice WHERE kind = ?1 AND referral_id IS NOT DISTINCT FROM ?2 "
                                "AND difference_id IS NOT DISTINCT FROM ?3 AND stage IS NOT DISTINCT FROM ?4", error);
  if (stmt == NULL)
    return FALSE;
  _quorum_bind_text (stmt, 1, kind);
  if (referral_id > 0)
    quorum_db_bind_int64 (stmt, 2, referral_id);
  if (difference_id > 0)
    quorum_db_bind_int64 (stmt, 3, difference_id);
  if (stage > 0)
    quorum_db_bind_int64 (stmt, 4, stage);
  if (!step_one (self, stmt, exists, error))
    return FALSE;
  quorum_db_reset (stmt);
  return TRUE;
}

/* Inserts a notice, checked by the caller; inside the caller's transaction. */
static gint64
insert_notice (QuorumStore             *self,
               const QuorumNoticeSpec  *spec,
               gint64                   conference_id,
               int                      stage,
               const char              *to,
               const char              *about,
               GError                 **error)
{
  g_autofree char *now = quorum_timestamp_now ();
  g_autofree char *iso = quorum_date_to_string (&spec->date);
  g_autofree char *summary = NULL;
  QuorumDbStmt *stmt;
  gint64 id;

  stmt = _quorum_store_prepare (self,
                                "INSERT INTO notice (conference_id, referral_id, difference_id, kind, stage, given_on, "
                                "given_by, given_to, about, means, recorded_at, recorded_by) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", error);
  if (stmt == NULL)
    return 0;
  if (conference_id > 0)
    quorum_db_bind_int64 (stmt, 1, conference_id);
  if (spec->referral_id > 0)
    quorum_db_bind_int64 (stmt, 2, spec->referral_id);
  if (spec->difference_id > 0)
    quorum_db_bind_int64 (stmt, 3, spec->difference_id);
  _quorum_bind_text (stmt, 4, spec->kind);
  if (stage > 0)
    quorum_db_bind_int64 (stmt, 5, stage);
  _quorum_bind_date (stmt, 6, &spec->date);
  _quorum_bind_text (stmt, 7, spec->by);
  _quorum_bind_text (stmt, 8, to);
  _quorum_bind_text (stmt, 9, about);
  _quorum_bind_text (stmt, 10, spec->means);
  _quorum_bind_text (stmt, 11, now);
  _quorum_bind_text (stmt, 12, quorum_store_get_actor (self));
  if (!_quorum_store_exec_insert (self, stmt, &id, error))
    return 0;
  summary = g_strdup_printf ("notice %s given on %s by %s to %s (%s)", spec->kind, iso, spec->by, to, spec->means);
  if (!_quorum_store_audit (self, "insert", "notice", id, conference_id, summary, error))
    return 0;
  return id;
}

/* Used by referral notify: the referral's own notice, in its transaction. */
gboolean _quorum_store_insert_referral_notice (QuorumStore  *self,
                                               gint64        referral_id,
                                               gint64        conference_id,
                                               const GDate  *date,
                                               const char   *by,
                                               const char   *means,
                                               GError      **error);

gboolean
_quorum_store_insert_referral_notice (QuorumStore  *self,
                                      gint64        referral_id,
                                      gint64        conference_id,
                                      const GDate  *date,
                                      const char   *by,
                                      const char   *means,
                                      GError      **error)
{
  g_autoptr(QuorumProfile) profile = quorum_store_get_conference_profile (self, conference_id, NULL);
  const QuorumNoticeRule *rule = quorum_profile_get_notice (profile, "referral-sent");
  QuorumNoticeSpec spec = { 0 };

  spec.kind = "referral-sent";
  spec.referral_id = referral_id;
  spec.date = *date;
  spec.by = by;
  /* None given: stored empty (the record holds no words of the recorder's language for it);
   * "not recorded" is said where it is shown, in the reader's. */
  spec.means = means != NULL ? means : "";
  return insert_notice (self, &spec, conference_id, 0,
                        rule != NULL ? rule->to : _("The Head of Service Child Protection"),
                        rule != NULL ? rule->what : _("The referral of a split decision"), error) != 0;
}

char *
_quorum_store_referral_sent_by (QuorumStore *self,
                                gint64       referral_id)
{
  return _quorum_store_referral_sent_notice (self, referral_id, NULL);
}

char *
_quorum_store_known_means (char *means)
{
  /* _quorum_store_insert_referral_notice () stores an empty means; before schema 10 it stored
   * _("not recorded") in the recorder's language: English, Welsh (po/cy.po), or this process's. */
  static const char * const unrecorded[] = { "not recorded", "heb ei gofnodi", NULL };

  if (means == NULL)
    return NULL;
  g_strstrip (means);
  if (*means == '\0' || g_strcmp0 (means, _("not recorded")) == 0 ||
      g_strv_contains (unrecorded, means))
    {
      g_free (means);
      return NULL;
    }
  return means;
}

char *
_quorum_store_referral_sent_notice (QuorumStore  *self,
                                    gint64        referral_id,
                                    char        **means)
{
  QuorumDbStmt *stmt = _quorum_store_prepare (self,
                                              "SELECT given_by, means FROM notice WHERE referral_id = ? "
                                              "AND kind = 'referral-sent' ORDER BY id DESC LIMIT 1", NULL);
  char *by = NULL;

  if (means != NULL)
    *means = NULL;
  if (stmt == NULL)
    return NULL;
  quorum_db_bind_int64 (stmt, 1, referral_id);
  if (quorum_db_step (stmt, NULL) == QUORUM_DB_ROW)
    {
      by = _quorum_column_dup (stmt, 0);
      if (means != NULL)
        *means = _quorum_store_known_means (_quorum_column_dup (stmt, 1));
    }
  quorum_db_reset (stmt);
  return by;
}

static const QuorumDifferenceStage *
difference_stage_numbered (const QuorumDifference *d,
                           int                     number)
{
  for (guint i = 0; i < d->stages->len; i++)
    {
      const QuorumDifferenceStage *s = g_ptr_array_index (d->stages, i);

      if (s->number == number)
        return s;
    }
  return NULL;
}

static gint64
give_notice_once (QuorumStore             *self,
                  const QuorumNoticeSpec  *spec,
                  GError                 **error)
{
  g_autoptr(QuorumDifference) d = NULL;
  g_autoptr(QuorumProfile) profile = NULL;
  const QuorumNoticeRule *rule;
  GDate trigger;
  int stage = 0;
  gboolean exists;
  gint64 id;

  g_return_val_if_fail (QUORUM_IS_STORE (self), 0);
  g_return_val_if_fail (spec != NULL, 0);

  if ((spec->referral_id > 0) == (spec->difference_id > 0))
    {
      g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                           _("A notice is about one referral or one difference: name exactly one"));
      return 0;
    }
  if (spec->referral_id > 0)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("A referral's notice is its sending: record it with “referral notify %lld --date D --by NAME”"),
                   (long long) spec->referral_id);
      return 0;
    }
  if (!check_given_date (&spec->date, _("The date the notice was given"), error) ||
      !quorum_check_text (spec->by, _("Who gave the notice"), TRUE, QUORUM_MAX_NAME, error) ||
      !quorum_check_text (spec->means, _("How it was given (email, letter, phone, meeting…)"), TRUE, QUORUM_MAX_NAME, error) ||
      !quorum_check_text (spec->to, _("Who was told"), FALSE, QUORUM_MAX_TEXT, error) ||
      !quorum_check_text (spec->about, _("What they were told"), FALSE, QUORUM_MAX_TEXT, error))
    return 0;

  if (!_quorum_store_begin (self, error))
    return 0;
  if (!(d = quorum_store_load_difference (self, spec->difference_id, error)) ||
      !(profile = quorum_profiles_lookup (d->profile_id, error)))
    goto fail;

  rule = quorum_profile_get_notice (profile, spec->kind);
  if (rule == NULL || rule->on == QUORUM_NOTICE_ON_REFERRAL)
    {
      g_autoptr(GString) kinds = g_string_new (NULL);

      for (guint i = 0; i < profile->notices->len; i++)
        {
          const QuorumNoticeRule *r = g_ptr_array_index (profile->notices, i);

          if (r->on == QUORUM_NOTICE_ON_REFERRAL)
            continue;
          if (kinds->len > 0)
            g_string_append (kinds, ", ");
          g_string_append (kinds, r->id);
        }
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   kinds->len > 0 ? _("Profile “%s” names no notice “%s” about a difference: its notices are %s")
                                  : _("Profile “%s” names no notice “%s” about a difference%s"),
                   profile->id, spec->kind ? spec->kind : "", kinds->len > 0 ? kinds->str : "");
      goto fail;
    }

  g_date_clear (&trigger, 1);
  switch (rule->on)
    {
    case QUORUM_NOTICE_ON_RAISED:
      trigger = d->raised;
      break;
    case QUORUM_NOTICE_ON_STAGE:
    case QUORUM_NOTICE_ON_EVERY_STAGE:
      {
        const QuorumDifferenceStage *reached;

        stage = rule->on == QUORUM_NOTICE_ON_STAGE ? rule->stage
              : spec->stage > 0 ? spec->stage
              : quorum_difference_get_current_stage (d)->number;
        if (rule->on == QUORUM_NOTICE_ON_STAGE && spec->stage > 0 && spec->stage != rule->stage)
          {
            g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                         _("Notice “%s” belongs to stage %d, not %d"), rule->id, rule->stage, spec->stage);
            goto fail;
          }
        reached = difference_stage_numbered (d, stage);
        if (reached == NULL)
          {
            g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                         _("Difference %lld has not reached stage %d: notice “%s” is not due yet"),
                         (long long) d->id, stage, rule->id);
            goto fail;
          }
        trigger = reached->entered;
      }
      break;
    case QUORUM_NOTICE_ON_RESOLVED:
      if (d->status != QUORUM_DIFFERENCE_RESOLVED)
        {
          g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                       _("Difference %lld is still open: notice “%s” follows its close"), (long long) d->id, rule->id);
          goto fail;
        }
      trigger = d->resolved;
      break;
    case QUORUM_NOTICE_ON_REFERRAL:
    default:
      g_assert_not_reached ();
    }

  if (g_date_valid (&trigger) && g_date_compare (&spec->date, &trigger) < 0)
    {
      g_autofree char *when = quorum_date_to_string (&trigger);

      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("Notice “%s” cannot be given before what it tells of (%s)"), rule->id, when);
      goto fail;
    }
  if (!notice_exists (self, rule->id, 0, d->id, stage, &exists, error))
    goto fail;
  if (exists)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("Notice “%s” of difference %lld is already recorded"), rule->id, (long long) d->id);
      goto fail;
    }

  {
    QuorumNoticeSpec copy = *spec;

    copy.kind = rule->id;
    id = insert_notice (self, &copy, d->conference_id, stage,
                        spec->to != NULL && *spec->to != '\0' ? spec->to : rule->to,
                        spec->about != NULL && *spec->about != '\0' ? spec->about : rule->what, error);
  }
  if (id == 0 || !_quorum_store_commit (self, error))
    goto fail;
  return id;

fail:
  _quorum_store_rollback (self);
  return 0;
}

gint64
quorum_store_give_notice (QuorumStore             *self,
                          const QuorumNoticeSpec  *spec,
                          GError                 **error)
{
  _QUORUM_STORE_RETRYING (self, error, gint64, give_notice_once (self, spec, &retry_error));
}

static QuorumNoticeRow *
notice_from_stmt (QuorumStore  *self,
                  QuorumDbStmt *stmt)
{
  QuorumNoticeRow *n = g_new0 (QuorumNoticeRow, 1);

  n->id = quorum_db_column_int64 (stmt, 0);
  n->conference_id = quorum_db_column_int64 (stmt, 1);
  n->referral_id = quorum_db_column_int64 (stmt, 2);
  n->difference_id = quorum_db_column_int64 (stmt, 3);
  n->kind = _quorum_column_dup (stmt, 4);
  n->stage = quorum_db_column_int64 (stmt, 5);
  _quorum_column_date (stmt, 6, &n->date);
  n->by = _quorum_column_dup (stmt, 7);
  n->to = _quorum_column_dup (stmt, 8);
  n->about = _quorum_column_dup (stmt, 9);
  /* Not recorded (empty, or an older row's words): said in the reader's language. */
  n->means = _quorum_store_known_means (_quorum_column_dup (stmt, 10));
  if (n->means == NULL)
    n->means = g_strdup (_("not recorded"));
  n->recorded_at = _quorum_column_dup (stmt, 11);
  n->recorded_by = _quorum_store_column_person (self, stmt, 12);
  n->profile_id = _quorum_column_dup (stmt, 13);
  return n;
}

static char *
given_key (const char *kind,
           gint64      referral_id,
           gint64      difference_id,
           int         stage)
{
  return g_strdup_printf ("%s/%lld/%lld/%d", kind, (long long) referral_id, (long long) difference_id, stage);
}

static QuorumNoticeRow *
pending_row (const QuorumNoticeRule *rule,
             const char             *profile_id,
             QuorumCalendar         *calendar,
             const GDate            *from)
{
  QuorumNoticeRow *n = g_new0 (QuorumNoticeRow, 1);

  n->pending = TRUE;
  n->kind = g_strdup (rule->id);
  n->profile_id = g_strdup (profile_id);
  n->by = g_strdup (rule->from);
  n->to = g_strdup (rule->to);
  n->about = g_strdup (rule->what);
  n->source = g_strdup (rule->source);
  if (rule->working_days >= 0 && from != NULL && g_date_valid (from) && calendar != NULL)
    quorum_calendar_add_working_days (calendar, from, (guint) rule->working_days, &n->due);
  return n;
}

static gint
notice_compare (gconstpointer a,
                gconstpointer b)
{
  const QuorumNoticeRow *x = *(QuorumNoticeRow * const *) a;
  const QuorumNoticeRow *y = *(QuorumNoticeRow * const *) b;
  const GDate *dx = x->pending ? &x->due : &x->date;
  const GDate *dy = y->pending ? &y->due : &y->date;

  if (x->pending != y->pending)
    return x->pending ? -1 : 1;
  if (g_date_valid (dx) != g_date_valid (dy))
    return g_date_valid (dx) ? -1 : 1;
  if (g_date_valid (dx) && g_date_compare (dx, dy) != 0)
    return g_date_compare (dx, dy);
  if (x->difference_id != y->difference_id)
    return x->difference_id < y->difference_id ? -1 : 1;
  if (x->referral_id != y->referral_id)
    return x->referral_id < y->referral_id ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}

GPtrArray *
quorum_store_list_notices (QuorumStore  *self,
                           gboolean      pending_only,
                           GError      **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) quorum_notice_row_free);
  g_autoptr(GHashTable) given = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) differences = NULL;
  QuorumDifferenceFilter filter = { 0 };
  LifeCache cache;
  QuorumDbStmt *stmt;
  gboolean began;
  gboolean has_row;
  gboolean ok = FALSE;

  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);

  if (!_quorum_store_begin_read (self, &began, error))
    return NULL;
  life_cache_init (&cache, self);

  /* The referral-sent notice's date is the referral's sent date: a correction of that date
   * (an audited referral_correction keeping the old one) is the notice's correction too, so the
   * two records never disagree, and the notice row, append-only, is left as it was written. */
  stmt = _quorum_store_prepare (self,
                                "SELECT n.id, n.conference_id, n.referral_id, n.difference_id, n.kind, n.stage, "
                                "CASE WHEN n.kind = 'referral-sent' AND r.notified IS NOT NULL THEN r.notified "
                                "ELSE n.given_on END, n.given_by, n.given_to, n.about, n.means, n.recorded_at, n.recorded_by, "
                                "COALESCE(c.profile, d.profile) FROM notice n "
                                "LEFT JOIN referral r ON r.id = n.referral_id "
                                "LEFT JOIN conference c ON c.id = r.conference_id "
                                "LEFT JOIN difference d ON d.id = n.difference_id ORDER BY n.id", error);
  if (stmt == NULL)
    goto out;
  while (step_one (self, stmt, &has_row, error) && has_row)
    {
      QuorumNoticeRow *n = notice_from_stmt (self, stmt);
      QuorumProfile *profile = life_cache_profile (&cache, n->profile_id);
      const QuorumNoticeRule *rule = quorum_profile_get_notice (profile, n->kind);

      g_hash_table_add (given, given_key (n->kind, n->referral_id, n->difference_id, n->stage));
      if (rule != NULL)
        n->source = g_strdup (rule->source);
      if (pending_only)
        quorum_notice_row_free (n);
      else
        g_ptr_array_add (rows, n);
    }
  quorum_db_reset (stmt);
  if (error != NULL && *error != NULL)
    goto out;

  /* Referrals not yet sent: the referral's notice is pending with its owner (the chair). */
  stmt = _quorum_store_prepare (self,
                                "SELECT r.id, r.conference_id, c.profile, c.date, r.due, c.chair FROM referral r "
                                "JOIN conference c ON c.id = r.conference_id WHERE r.notified IS NULL ORDER BY r.due, r.id",
                                error);
  if (stmt == NULL)
    goto out;
  while (step_one (self, stmt, &has_row, error) && has_row)
    {
      g_autofree char *profile_id = _quorum_column_dup (stmt, 2);
      QuorumProfile *profile = life_cache_profile (&cache, profile_id);

      for (guint i = 0; profile != NULL && i < profile->notices->len; i++)
        {
          const QuorumNoticeRule *rule = g_ptr_array_index (profile->notices, i);
          QuorumNoticeRow *n;
          g_autofree char *chair = NULL;

          if (rule->on != QUORUM_NOTICE_ON_REFERRAL)
            continue;
          n = pending_row (rule, profile_id, NULL, NULL);
          n->referral_id = quorum_db_column_int64 (stmt, 0);
          n->conference_id = quorum_db_column_int64 (stmt, 1);
          _quorum_column_date (stmt, 4, &n->due);
          chair = _quorum_column_dup (stmt, 5);
          if (chair != NULL)
            {
              g_free (n->by);
              n->by = g_strdup_printf ("%s (%s)", rule->from, chair);
            }
          g_ptr_array_add (rows, n);
        }
    }
  quorum_db_reset (stmt);
  if (error != NULL && *error != NULL)
    goto out;

  filter.any_status = TRUE;
  if (!(differences = quorum_store_list_differences (self, &filter, error)))
    goto out;
  for (guint i = 0; i < differences->len; i++)
    {
      QuorumDifference *d = g_ptr_array_index (differences, i);
      QuorumProfile *profile = life_cache_profile (&cache, d->profile_id);
      QuorumCalendar *calendar = profile != NULL ? life_cache_calendar (&cache, profile->region) : NULL;

      for (guint j = 0; profile != NULL && j < profile->notices->len; j++)
        {
          const QuorumNoticeRule *rule = g_ptr_array_index (profile->notices, j);

          for (guint k = 0; k < d->stages->len; k++)
            {
              const QuorumDifferenceStage *s = g_ptr_array_index (d->stages, k);
              const GDate *from = NULL;
              int stage = 0;
              g_autofree char *key = NULL;
              QuorumNoticeRow *n;

              switch (rule->on)
                {
                case QUORUM_NOTICE_ON_RAISED:
                  from = k == 0 ? &d->raised : NULL;
                  break;
                case QUORUM_NOTICE_ON_STAGE:
                  from = s->number == rule->stage ? &s->entered : NULL;
                  stage = rule->stage;
                  break;
                case QUORUM_NOTICE_ON_EVERY_STAGE:
                  from = &s->entered;
                  stage = s->number;
                  break;
                case QUORUM_NOTICE_ON_RESOLVED:
                  /* The feedback the resolution itself recorded counts as given. */
                  from = k == 0 && d->status == QUORUM_DIFFERENCE_RESOLVED &&
                         !(g_str_equal (rule->id, "feedback") && g_date_valid (&d->feedback_date))
                         ? &d->resolved : NULL;
                  break;
                case QUORUM_NOTICE_ON_REFERRAL:
                default:
                  break;
                }
              if (from == NULL)
                continue;
              key = given_key (rule->id, 0, d->id, stage);
              if (g_hash_table_contains (given, key))
                continue;
              n = pending_row (rule, d->profile_id, calendar, from);
              n->difference_id = d->id;
              n->conference_id = d->conference_id;
              n->stage = stage;
              g_ptr_array_add (rows, n);
            }
        }
    }

  g_ptr_array_sort (rows, notice_compare);
  ok = TRUE;

out:
  life_cache_clear (&cache);
  _quorum_store_end_read (self, began);
  return ok ? g_steal_pointer (&rows) : NULL;
}

/* ---- differences ---- */

gint64
_quorum_store_insert_difference_event (QuorumStore  *self,
                                       gint64        difference_id,
                                       gint64        conference_id,
                                       const char   *kind,
                                       int           stage,
                                       const GDate  *date,
                                       const char   *detail,
                                       const GDate  *due,
                                       GError      **error)
{
  g_autofree char *now = quorum_timestamp_now ();
  g_autofree char *iso = quorum_date_to_string (date);
  g_autofree char *summary = NULL;
  QuorumDbStmt *stmt;
  gint64 id;

  stmt = _quorum_store_prepare (self,
                                "INSERT INTO difference_event (difference_id, kind, stage, on_date, detail, due, "
                                "recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", error);
  if (stmt == NULL)
    return 0;
  quorum_db_bind_int64 (stmt, 1, difference_id);
  _quorum_bind_text (stmt, 2, kind);
  quorum_db_bind_int64 (stmt, 3, stage);
  _quorum_bind_date (stmt, 4, date);
  _quorum_bind_text (stmt, 5, detail != NULL && *detail != '\0' ? detail : NULL);
  _quorum_bind_date (stmt, 6, due);
  _quorum_bind_text (stmt, 7, now);
  _quorum_bind_text (stmt, 8, quorum_store_get_actor (self));
  if (!_quorum_store_exec_insert (self, stmt, &id, error))
    return 0;
  summary = g_strdup_printf ("difference %lld at stage %d: %s on %s", (long long) difference_id, stage, kind, iso);
  return _quorum_store_audit (self, "insert", "difference_event", id, conference_id, summary, error) ? id : 0;
}

static gint64
flag_difference_once (QuorumStore  *self,
                      gint64        difference_id,
                      const char   *kind,
                      const GDate  *date,
                      const char   *detail,
                      GError      **error)
{
  g_autoptr(QuorumDifference) d = NULL;
  g_autoptr(QuorumProfile) profile = NULL;
  const QuorumDifferenceStage *current;
  GDate due;
  gint64 id;

  g_return_val_if_fail (QUORUM_IS_STORE (self), 0);

  g_date_clear (&due, 1);
  if (g_strcmp0 (kind, "immediate-risk") != 0 && g_strcmp0 (kind, "formal-challenge") != 0)
    {
      g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                           _("A difference is flagged for immediate risk or a formal challenge"));
      return 0;
    }
  if (!check_given_date (date, _("The date"), error))
    return 0;
  if (!_quorum_store_begin (self, error))
    return 0;
  if (!(d = quorum_store_load_difference (self, difference_id, error)) ||
      !(profile = quorum_profiles_lookup (d->profile_id, error)))
    goto fail;

  if (g_str_equal (kind, "immediate-risk"))
    {
      if (!quorum_check_text (detail, _("What the risk is"), FALSE, QUORUM_MAX_TEXT, error) ||
          !quorum_difference_check_immediate_risk (d, profile, date, &due, error))
        goto fail;
    }
  else if (!quorum_difference_check_formal_challenge (d, profile, date, detail, error))
    goto fail;

  current = quorum_difference_get_current_stage (d);
  if (!(id = _quorum_store_insert_difference_event (self, d->id, d->conference_id, kind, current->number, date,
                                                    detail, &due, error)) ||
      !_quorum_store_commit (self, error))
    goto fail;
  return id;

fail:
  _quorum_store_rollback (self);
  return 0;
}

gint64
quorum_store_flag_difference (QuorumStore  *self,
                              gint64        difference_id,
                              const char   *kind,
                              const GDate  *date,
                              const char   *detail,
                              GError      **error)
{
  _QUORUM_STORE_RETRYING (self, error, gint64, flag_difference_once (self, difference_id, kind, date, detail, &retry_error));
}

gboolean
_quorum_store_load_difference_events (QuorumStore  *self,
                                      GHashTable   *by_id,
                                      GError      **error)
{
  QuorumDbStmt *stmt;
  gboolean has_row;

  if (g_hash_table_size (by_id) == 0)
    return TRUE;
  stmt = _quorum_store_prepare (self,
                                "SELECT id, difference_id, kind, stage, on_date, detail, due, recorded_at, recorded_by "
                                "FROM difference_event ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  while (step_one (self, stmt, &has_row, error) && has_row)
    {
      gint64 difference_id = quorum_db_column_int64 (stmt, 1);
      QuorumDifference *d = g_hash_table_lookup (by_id, &difference_id);
      QuorumDifferenceEvent *e;
      QuorumDifferenceStage *current;

      if (d == NULL)
        continue;
      e = g_new0 (QuorumDifferenceEvent, 1);
      e->id = quorum_db_column_int64 (stmt, 0);
      e->kind = _quorum_column_dup (stmt, 2);
      e->stage = quorum_db_column_int64 (stmt, 3);
      _quorum_column_date (stmt, 4, &e->date);
      e->detail = _quorum_column_dup (stmt, 5);
      _quorum_column_date (stmt, 6, &e->due);
      e->recorded_at = _quorum_column_dup (stmt, 7);
      e->recorded_by = _quorum_store_column_person (self, stmt, 8);

      if (g_str_equal (e->kind, "area-other") && d->area_other == NULL)
        d->area_other = g_strdup (e->detail);
      else if (g_str_equal (e->kind, "disagreement-remains"))
        d->disagreement_remains = TRUE;
      else if (g_str_equal (e->kind, "immediate-risk"))
        {
          d->immediate_risk = TRUE;
          /* Under a same-day profile the stage it was identified at is due that day. */
          current = d->stages->len > 0 ? g_ptr_array_index (d->stages, d->stages->len - 1) : NULL;
          if (current != NULL && current->number == e->stage && g_date_valid (&e->due) &&
              (!g_date_valid (&current->due) || g_date_compare (&e->due, &current->due) < 0))
            current->due = e->due;
        }
      g_ptr_array_add (d->events, e);
    }
  quorum_db_reset (stmt);
  return error == NULL || *error == NULL;
}

/* ---- a conference's plans and referrals ---- */

gboolean
_quorum_store_load_life (QuorumStore       *self,
                         QuorumConference  *conference,
                         GError           **error)
{
  g_autoptr(QuorumProfile) profile = NULL;
  g_autoptr(QuorumCalendar) calendar = NULL;
  QuorumDbStmt *stmt;
  gboolean has_row;

  if (conference->plans->len == 0 && conference->referrals->len == 0)
    return TRUE;

  profile = quorum_store_get_conference_profile (self, conference->id, NULL);
  calendar = quorum_store_get_calendar (self, profile != NULL ? profile->region : QUORUM_REGION_ENGLAND_WALES, error);
  if (calendar == NULL)
    return FALSE;

  for (guint i = 0; i < conference->referrals->len; i++)
    {
      QuorumReferral *r = g_ptr_array_index (conference->referrals, i);

      quorum_calendar_working_day_on_or_before (calendar, &r->due, &r->due_working);
      quorum_calendar_working_day_on_or_before (calendar, &r->panel_due, &r->panel_due_working);
      r->sent_late = quorum_referral_sent_late (&r->due, &r->notified);
      r->heard_late = quorum_referral_heard_late (&r->panel_due, &r->panel_date);
      /* A date on a day off is kept and said (a typo is caught; people email at weekends). */
      r->region = quorum_calendar_get_region (calendar);
      r->sent_day_off = quorum_calendar_get_day_off (calendar, &r->notified);
      r->heard_day_off = quorum_calendar_get_day_off (calendar, &r->panel_date);
      g_free (r->sent_by);
      g_clear_pointer (&r->sent_means, g_free);
      r->sent_by = _quorum_store_referral_sent_notice (self, r->id, &r->sent_means);

      stmt = _quorum_store_prepare (self,
                                    "SELECT id, field, old_value, new_value, reason, recorded_at, recorded_by "
                                    "FROM referral_correction WHERE referral_id = ? ORDER BY id", error);
      if (stmt == NULL)
        return FALSE;
      quorum_db_bind_int64 (stmt, 1, r->id);
      while (step_one (self, stmt, &has_row, error) && has_row)
        {
          QuorumReferralCorrection *c = g_new0 (QuorumReferralCorrection, 1);

          c->id = quorum_db_column_int64 (stmt, 0);
          c->field = _quorum_column_dup (stmt, 1);
          c->old_value = _quorum_column_dup (stmt, 2);
          c->new_value = _quorum_column_dup (stmt, 3);
          c->reason = _quorum_column_dup (stmt, 4);
          c->recorded_at = _quorum_column_dup (stmt, 5);
          c->recorded_by = _quorum_store_column_person (self, stmt, 6);
          if (r->corrections == NULL)
            r->corrections = g_ptr_array_new_with_free_func ((GDestroyNotify) quorum_referral_correction_free);
          g_ptr_array_add (r->corrections, c);
        }
      quorum_db_reset (stmt);
      if (error != NULL && *error != NULL)
        return FALSE;
    }

  for (guint i = 0; i < conference->plans->len; i++)
    {
      QuorumPlan *p = g_ptr_array_index (conference->plans, i);
      const QuorumReferral *r = quorum_conference_find_referral (conference, p->child_id);

      /* The panel's "plan ended" ends the plan, on the day it was heard, saying so (and the
       * panel's reasons, when it gave any). Read from the referral as it stands, corrections
       * included: an outcome or a hearing date corrected is followed by the plan. */
      if (r != NULL && r->outcome == QUORUM_PANEL_PLAN_ENDED && g_date_valid (&r->panel_date))
        {
          g_autofree char *heard = quorum_date_to_string (&r->panel_date);
          g_autofree char *reasons = g_strstrip (g_strdup (r->outcome_reason != NULL ? r->outcome_reason : ""));

          p->ended = r->panel_date;
          p->ended_by = QUORUM_PLAN_ENDED_BY_PANEL;
          g_free (p->end_reason);
          if (*reasons != '\0')
            /* Translators: a plan's end, in the record: "… on 2026-12-21 (referral 5): <the panel's reasons>" */
            p->end_reason = g_strdup_printf (_("Ended by the Appeals and Split Decisions Panel on %s (referral %lld): %s"),
                                             heard, (long long) r->id, reasons);
          else
            /* Translators: a plan's end, in the record: "… on 2026-12-21 (referral 5)" */
            p->end_reason = g_strdup_printf (_("Ended by the Appeals and Split Decisions Panel on %s (referral %lld)"),
                                             heard, (long long) r->id);
        }

      stmt = _quorum_store_prepare (self,
                                    "SELECT kind, on_date, by_conference, reason FROM plan_event "
                                    "WHERE plan_id = ? ORDER BY on_date, id", error);
      if (stmt == NULL)
        return FALSE;
      quorum_db_bind_int64 (stmt, 1, p->id);
      while (step_one (self, stmt, &has_row, error) && has_row)
        {
          const char *kind = (const char *) quorum_db_column_text (stmt, 0);
          GDate on;

          _quorum_column_date (stmt, 1, &on);
          if (g_strcmp0 (kind, "review") == 0)
            {
              if (p->reviews == NULL)
                p->reviews = g_array_new (FALSE, TRUE, sizeof (GDate));
              g_array_append_val (p->reviews, on);
            }
          else if (p->ended_by == QUORUM_PLAN_OPEN || g_date_compare (&on, &p->ended) < 0)
            {
              p->ended = on;
              p->ended_by = QUORUM_PLAN_ENDED_BY_CONFERENCE;
              p->ended_by_conference = quorum_db_column_int64 (stmt, 2);
              g_free (p->end_reason);
              p->end_reason = _quorum_column_dup (stmt, 3);
            }
        }
      quorum_db_reset (stmt);
      if (error != NULL && *error != NULL)
        return FALSE;
    }
  return TRUE;
}
