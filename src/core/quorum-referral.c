/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-referral.c: the rules of a referral's and a plan's life after the decision. */

#include <string.h>
#include "quorum-gettext.h"

#include "quorum/quorum-referral.h"
#include "quorum/quorum-date.h"
#include "quorum/quorum-error.h"
#include "quorum/quorum-validate.h"

/* The words are the CLI's and the database's: never translate or change them. */
static const char * const field_words[] = { "notified", "panel_date", "outcome" };
G_STATIC_ASSERT (G_N_ELEMENTS (field_words) == QUORUM_N_REFERRAL_FIELDS);

const char *
quorum_referral_field_to_string (QuorumReferralField field)
{
  return (guint) field < G_N_ELEMENTS (field_words) ? field_words[field] : NULL;
}

gboolean
quorum_referral_field_from_string (const char          *str,
                                   QuorumReferralField *out)
{
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (field_words); i++)
    {
      if (strcmp (str, field_words[i]) == 0)
        {
          if (out != NULL)
            *out = (QuorumReferralField) i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
quorum_referral_field_get_label (QuorumReferralField field)
{
  switch (field)
    {
    case QUORUM_REFERRAL_FIELD_NOTIFIED:
      return _("Date sent to the Head of Service");
    case QUORUM_REFERRAL_FIELD_PANEL_DATE:
      return _("Date the panel heard it");
    case QUORUM_REFERRAL_FIELD_OUTCOME:
      return _("Panel outcome");
    case QUORUM_N_REFERRAL_FIELDS:
    default:
      return NULL;
    }
}

const char *
quorum_plan_end_to_string (QuorumPlanEnd end)
{
  switch (end)
    {
    case QUORUM_PLAN_ENDED_BY_PANEL:
      return "panel";
    case QUORUM_PLAN_ENDED_BY_CONFERENCE:
      return "conference";
    case QUORUM_PLAN_OPEN:
    default:
      return NULL;
    }
}

void
quorum_calendar_working_day_on_or_before (QuorumCalendar *calendar,
                                          const GDate    *date,
                                          GDate          *out)
{
  g_return_if_fail (out != NULL);

  g_date_clear (out, 1);
  if (calendar == NULL || date == NULL || !g_date_valid (date))
    return;

  *out = *date;
  /* A year has at most a handful of days off in a row; the bound only guards a broken calendar. */
  for (guint i = 0; i < 31 && !quorum_calendar_is_working_day (calendar, out); i++)
    g_date_subtract_days (out, 1);
}

gboolean
quorum_referral_sent_late (const GDate *due,
                           const GDate *notified)
{
  return due != NULL && notified != NULL && g_date_valid (due) && g_date_valid (notified) &&
         g_date_compare (notified, due) > 0;
}

gboolean
quorum_referral_heard_late (const GDate *panel_due,
                            const GDate *panel_date)
{
  return quorum_referral_sent_late (panel_due, panel_date);
}

static gboolean
check_not_future (const GDate  *date,
                  const GDate  *today,
                  const char   *what,
                  GError      **error)
{
  if (today != NULL && g_date_valid (today) && g_date_compare (date, today) > 0)
    {
      g_autofree char *iso = quorum_date_to_string (date);
      g_autofree char *now = quorum_date_to_string (today);

      /* Translators: "The date sent to the Head of Service (2027-01-04) is in the future (today is 2026-11-30)" */
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("%s (%s) is in the future (today is %s)"), what, iso, now);
      return FALSE;
    }
  return TRUE;
}

gboolean
quorum_referral_check_sent (const GDate  *sent,
                            const GDate  *conference_date,
                            const GDate  *today,
                            GError      **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (sent == NULL || !g_date_valid (sent))
    {
      g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                           _("The date the referral was sent is needed (YYYY-MM-DD)"));
      return FALSE;
    }
  if (conference_date != NULL && g_date_valid (conference_date) && g_date_compare (sent, conference_date) < 0)
    {
      g_autofree char *iso = quorum_date_to_string (sent);
      g_autofree char *conf = quorum_date_to_string (conference_date);

      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("%s is before the conference (%s) that made the referral"), iso, conf);
      return FALSE;
    }
  return check_not_future (sent, today, _("The date sent to the Head of Service"), error);
}

gboolean
quorum_referral_check_heard (const GDate  *heard,
                             const GDate  *sent,
                             const GDate  *today,
                             GError      **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (heard == NULL || !g_date_valid (heard))
    {
      g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                           _("The date the panel heard the referral is needed (YYYY-MM-DD)"));
      return FALSE;
    }
  if (sent != NULL && g_date_valid (sent) && g_date_compare (heard, sent) < 0)
    {
      g_autofree char *iso = quorum_date_to_string (heard);
      g_autofree char *when = quorum_date_to_string (sent);

      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("%s is before the referral was sent (%s)"), iso, when);
      return FALSE;
    }
  return check_not_future (heard, today, _("The date the panel heard it"), error);
}

gboolean
quorum_referral_check_outcome (QuorumPanelOutcome   outcome,
                               const char          *reasons,
                               GError             **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (outcome == QUORUM_PANEL_NONE || (guint) outcome > QUORUM_PANEL_OTHER)
    {
      g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                           _("The panel's outcome is one of: plan confirmed, plan ended, other"));
      return FALSE;
    }
  return quorum_check_text (reasons, _("The panel's reasons"), outcome == QUORUM_PANEL_OTHER,
                            QUORUM_MAX_TEXT, error);
}

/* The reasons as compared: NULL for none or blank, else without the spaces at their ends. */
static char *
reasons_compared (const char *reasons)
{
  char *stripped = g_strstrip (g_strdup (reasons != NULL ? reasons : ""));

  if (*stripped == '\0')
    g_clear_pointer (&stripped, g_free);
  return stripped;
}

gboolean
quorum_referral_check_correction (gint64                referral_id,
                                  QuorumReferralField   field,
                                  const char           *old_value,
                                  const char           *old_reasons,
                                  const char           *new_value,
                                  const char           *new_reasons,
                                  GError              **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_strcmp0 (old_value, new_value) == 0)
    {
      g_autofree char *was = reasons_compared (old_reasons);
      g_autofree char *now = reasons_compared (new_reasons);

      /* The same outcome with other reasons is a correction of the reasons (DOMAIN 4). */
      if (field == QUORUM_REFERRAL_FIELD_OUTCOME && g_strcmp0 (was, now) != 0)
        return TRUE;
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("Referral %lld already says %s: nothing to correct"), (long long) referral_id,
                   new_value != NULL ? new_value : "");
      return FALSE;
    }
  return TRUE;
}

void
quorum_referral_as_of (const QuorumReferralAsOf   *recorded,
                       const QuorumReferralChange *changes,
                       guint                       n_changes,
                       const GDate                *as_of,
                       QuorumReferralAsOf         *out)
{
  gboolean put_back[QUORUM_N_REFERRAL_FIELDS] = { FALSE, };

  g_return_if_fail (recorded != NULL);
  g_return_if_fail (out != NULL);
  g_return_if_fail (changes != NULL || n_changes == 0);

  *out = *recorded;
  if (as_of == NULL || !g_date_valid (as_of))
    return;

  /* The first correction of each field made after @as_of: what it replaced was the value then
   * (the later ones replaced values that did not yet stand). */
  for (guint i = 0; i < n_changes; i++)
    {
      const QuorumReferralChange *change = &changes[i];

      if ((guint) change->field >= QUORUM_N_REFERRAL_FIELDS || put_back[change->field] ||
          !g_date_valid (&change->made_on) || g_date_compare (&change->made_on, as_of) <= 0)
        continue;
      put_back[change->field] = TRUE;

      switch (change->field)
        {
        case QUORUM_REFERRAL_FIELD_NOTIFIED:
          {
            GDate before;

            if (change->old_value == NULL || !quorum_date_parse (change->old_value, NULL, &before, NULL))
              g_date_clear (&before, 1);
            /* The panel's due date is a number of days after the date sent: it moves with it. */
            if (g_date_valid (&out->panel_due) && g_date_valid (&out->notified) && g_date_valid (&before))
              {
                gint days = g_date_days_between (&out->notified, &before);

                if (days >= 0)
                  g_date_add_days (&out->panel_due, days);
                else
                  g_date_subtract_days (&out->panel_due, -days);
              }
            out->notified = before;
          }
          break;
        case QUORUM_REFERRAL_FIELD_PANEL_DATE:
          if (change->old_value == NULL || !quorum_date_parse (change->old_value, NULL, &out->panel_date, NULL))
            g_date_clear (&out->panel_date, 1);
          break;
        case QUORUM_REFERRAL_FIELD_OUTCOME:
          if (change->old_value == NULL || !quorum_panel_outcome_from_string (change->old_value, &out->outcome))
            out->outcome = QUORUM_PANEL_NONE;
          out->outcome_reason = change->old_reasons;
          break;
        case QUORUM_N_REFERRAL_FIELDS:
        default:
          g_assert_not_reached ();
        }
    }

  /* What had not yet happened by then. */
  if (g_date_valid (&out->notified) && g_date_compare (&out->notified, as_of) > 0)
    {
      g_date_clear (&out->notified, 1);
      g_date_clear (&out->panel_due, 1);
    }
  if (!g_date_valid (&out->notified))
    g_date_clear (&out->panel_due, 1);
  if (!g_date_valid (&out->panel_date) || g_date_compare (&out->panel_date, as_of) > 0)
    {
      g_date_clear (&out->panel_date, 1);
      out->outcome = QUORUM_PANEL_NONE;
      out->outcome_reason = NULL;
    }
}

gboolean
quorum_referral_overdue_as_of (const GDate              *due,
                               const QuorumReferralAsOf *then,
                               const GDate              *as_of)
{
  g_return_val_if_fail (due != NULL, FALSE);
  g_return_val_if_fail (then != NULL, FALSE);
  g_return_val_if_fail (as_of != NULL && g_date_valid (as_of), FALSE);

  if (!g_date_valid (&then->notified) || g_date_compare (&then->notified, as_of) > 0)
    return g_date_valid (due) && g_date_compare (due, as_of) < 0;
  if (g_date_valid (&then->panel_date) && g_date_compare (&then->panel_date, as_of) <= 0)
    return FALSE;
  return g_date_valid (&then->panel_due) && g_date_compare (&then->panel_due, as_of) < 0;
}

gboolean
quorum_timestamp_get_local_date (const char *timestamp,
                                 GDate      *out)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (out != NULL, FALSE);

  g_date_clear (out, 1);
  if (timestamp == NULL)
    return FALSE;
  utc = g_date_time_new_from_iso8601 (timestamp, NULL);
  if (utc == NULL)
    return FALSE;
  local = g_date_time_to_local (utc);
  g_date_set_dmy (out, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  return TRUE;
}

char *
quorum_timestamp_after_local_day (const GDate *day)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) utc = NULL;
  GDate next;

  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);

  next = *day;
  g_date_add_days (&next, 1);
  start = g_date_time_new (local, g_date_get_year (&next), g_date_get_month (&next), g_date_get_day (&next), 0, 0, 0);
  utc = g_date_time_to_utc (start);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S.%fZ");
}
