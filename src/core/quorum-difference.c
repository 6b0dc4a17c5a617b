/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-difference.c: the rules of a professional difference's escalation: its stages, their
 * due dates by the profile's calendar, what each step requires, and the monitoring counts. */

#include <string.h>
#include "quorum-gettext.h"

#include "quorum/quorum-conference.h"
#include "quorum/quorum-date.h"
#include "quorum/quorum-difference.h"
#include "quorum/quorum-error.h"
#include "quorum/quorum-validate.h"

/* The words are the CLI's and the database's: never translate or change them. */
static const char * const area_words[] = {
  "thresholds",
  "referral-criteria",
  "assessment-outcome",
  "roles-responsibilities",
  "information-sharing",
  "communication",
  "timeliness-drift",
  "strategy-meeting-s47-conference",
  "case-closure",
  "service-provision",
  "resources",
  "other",
};
G_STATIC_ASSERT (G_N_ELEMENTS (area_words) == QUORUM_N_AREAS);

static const char * const status_words[] = {
  "open", "resolved",
};

const char *
quorum_area_to_string (QuorumArea area)
{
  return (guint) area < G_N_ELEMENTS (area_words) ? area_words[area] : NULL;
}

gboolean
quorum_area_from_string (const char *str,
                         QuorumArea *out)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (area_words); i++)
    {
      if (strcmp (area_words[i], str) == 0)
        {
          if (out != NULL)
            *out = (QuorumArea) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
quorum_area_get_label (QuorumArea area)
{
  switch (area)
    {
    case QUORUM_AREA_THRESHOLDS:
      return _("Thresholds for action");
    case QUORUM_AREA_REFERRAL_CRITERIA:
      return _("Criteria for referral");
    case QUORUM_AREA_ASSESSMENT_OUTCOME:
      return _("Outcome of an assessment");
    case QUORUM_AREA_ROLES_RESPONSIBILITIES:
      return _("Roles and responsibilities");
    case QUORUM_AREA_INFORMATION_SHARING:
      return _("Information sharing");
    case QUORUM_AREA_COMMUNICATION:
      return _("Communication between agencies");
    case QUORUM_AREA_TIMELINESS_DRIFT:
      return _("Timeliness or drift");
    case QUORUM_AREA_STRATEGY_MEETING_S47_CONFERENCE:
      return _("Need for a strategy meeting, S47 enquiry or conference");
    case QUORUM_AREA_CASE_CLOSURE:
      return _("Closing the case");
    case QUORUM_AREA_SERVICE_PROVISION:
      return _("Service provision");
    case QUORUM_AREA_RESOURCES:
      return _("Resources");
    case QUORUM_AREA_OTHER:
      return _("Other (say what)");
    case QUORUM_N_AREAS:
    default:
      return NULL;
    }
}

char *
quorum_area_list_words (void)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (area_words); i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, area_words[i]);
    }

  return g_string_free (out, FALSE);
}

const char *
quorum_difference_status_to_string (QuorumDifferenceStatus status)
{
  return (guint) status < G_N_ELEMENTS (status_words) ? status_words[status] : NULL;
}

gboolean
quorum_difference_status_from_string (const char             *str,
                                      QuorumDifferenceStatus *out)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (status_words); i++)
    {
      if (strcmp (status_words[i], str) == 0)
        {
          if (out != NULL)
            *out = (QuorumDifferenceStatus) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
quorum_difference_status_get_label (QuorumDifferenceStatus status)
{
  switch (status)
    {
    case QUORUM_DIFFERENCE_OPEN:
      return _("Open");
    case QUORUM_DIFFERENCE_RESOLVED:
      return _("Resolved");
    default:
      return NULL;
    }
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

/* Optional text left blank is no text */
static char *
strdup_or_null (const char *text)
{
  return is_blank (text) ? NULL : g_strdup (text);
}

QuorumDifference *
quorum_difference_new (void)
{
  QuorumDifference *self = g_new0 (QuorumDifference, 1);

  self->stages = g_ptr_array_new_with_free_func ((GDestroyNotify) quorum_difference_stage_free);
  self->notes = g_ptr_array_new_with_free_func ((GDestroyNotify) quorum_difference_note_free);
  self->events = g_ptr_array_new_with_free_func ((GDestroyNotify) quorum_difference_event_free);

  return self;
}

void
quorum_difference_free (QuorumDifference *self)
{
  if (self == NULL)
    return;

  g_free (self->profile_id);
  g_free (self->raised_by);
  g_free (self->role);
  g_free (self->agency);
  g_free (self->against);
  g_free (self->against_decision);
  g_free (self->child);
  g_free (self->outcome_sought);
  g_free (self->outcome);
  g_free (self->challenge_outcome);
  g_free (self->feedback_to);
  g_free (self->created_at);
  g_free (self->created_by);
  g_clear_pointer (&self->stages, g_ptr_array_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_clear_pointer (&self->events, g_ptr_array_unref);
  g_free (self->area_other);
  g_free (self);
}

/* The key file group of a stage: "[Stage 3]" (data/profiles/README.md). */
static char *
stage_group (int number)
{
  return g_strdup_printf ("Stage %d", number);
}

/* @stored, the stage's @key as the record holds it, as the reader reads it. */
static char *
stage_text_as_read (const QuorumDifferenceStage *stage,
                    const QuorumProfile         *profile,
                    const char                  *key,
                    const char                  *stored)
{
  g_autofree char *group = stage_group (stage->number);

  return quorum_profile_dup_text_as_read (profile, group, key, stored);
}

char *
quorum_difference_stage_dup_name (const QuorumDifferenceStage *stage,
                                  const QuorumProfile         *profile)
{
  g_return_val_if_fail (stage != NULL, NULL);

  return stage_text_as_read (stage, profile, "Name", stage->name);
}

char *
quorum_difference_stage_dup_owner (const QuorumDifferenceStage *stage,
                                   const QuorumProfile         *profile)
{
  g_return_val_if_fail (stage != NULL, NULL);

  return stage_text_as_read (stage, profile, "Owner", stage->owner);
}

char *
quorum_difference_note_dup_question (const QuorumDifferenceNote *note,
                                     guint                       index,
                                     const QuorumProfile        *profile)
{
  g_autofree char *group = NULL;

  g_return_val_if_fail (note != NULL, NULL);
  g_return_val_if_fail (note->questions != NULL && index < g_strv_length (note->questions), NULL);

  group = stage_group (note->stage);
  return quorum_profile_dup_item_as_read (profile, group, "Checklist", note->questions[index]);
}

char *
quorum_difference_dup_challenge_outcome (const QuorumDifference *self,
                                         const QuorumProfile    *profile)
{
  g_return_val_if_fail (self != NULL, NULL);

  return quorum_profile_dup_item_as_read (profile, "Challenge", "Outcomes", self->challenge_outcome);
}

void
quorum_difference_stage_free (QuorumDifferenceStage *self)
{
  if (self == NULL)
    return;

  g_free (self->name);
  g_free (self->owner);
  g_free (self->reason);
  g_free (self->recorded_at);
  g_free (self->recorded_by);
  g_free (self);
}

void
quorum_difference_note_free (QuorumDifferenceNote *self)
{
  if (self == NULL)
    return;

  g_free (self->participants);
  g_free (self->summary);
  g_free (self->agreed);
  g_strfreev (self->questions);
  g_strfreev (self->answers);
  g_free (self->recorded_at);
  g_free (self->recorded_by);
  g_free (self);
}

const QuorumDifferenceStage *
quorum_difference_get_current_stage (const QuorumDifference *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->stages == NULL || self->stages->len == 0)
    return NULL;

  return g_ptr_array_index (self->stages, self->stages->len - 1);
}

static void
take_later (GDate       *date,
            const GDate *other)
{
  if (other == NULL || !g_date_valid (other))
    return;
  if (!g_date_valid (date) || g_date_compare (other, date) > 0)
    *date = *other;
}

void
quorum_difference_get_last_event (const QuorumDifference *self,
                                  GDate                  *out)
{
  GDate last;

  g_return_if_fail (self != NULL);
  g_return_if_fail (out != NULL);

  g_date_clear (&last, 1);
  take_later (&last, &self->raised);

  for (guint i = 0; self->stages != NULL && i < self->stages->len; i++)
    {
      const QuorumDifferenceStage *stage = g_ptr_array_index (self->stages, i);
      take_later (&last, &stage->entered);
    }

  for (guint i = 0; self->notes != NULL && i < self->notes->len; i++)
    {
      const QuorumDifferenceNote *note = g_ptr_array_index (self->notes, i);
      take_later (&last, &note->date);
    }

  take_later (&last, &self->resolved);

  *out = last;
}

gboolean
quorum_difference_stage_due (const QuorumStage *stage,
                             QuorumCalendar    *calendar,
                             const GDate       *from,
                             gboolean           same_day,
                             GDate             *out)
{
  g_return_val_if_fail (stage != NULL, FALSE);
  g_return_val_if_fail (calendar != NULL, FALSE);
  g_return_val_if_fail (from != NULL && g_date_valid (from), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  g_date_clear (out, 1);

  /* Immediate risk of significant harm: due the day it is raised, whatever the stage's own
   * limit (CLI.md: "the first due date is D itself"). A child at risk on a Saturday does not
   * wait for Monday: children's social care has an emergency duty service every day. */
  if (same_day)
    {
      *out = *from;
      return TRUE;
    }

  /* No limit in the seed: no due date. Never invent one. */
  if (stage->limit_working_days < 0)
    return FALSE;

  quorum_calendar_add_working_days (calendar, from, (guint) stage->limit_working_days, out);
  return TRUE;
}

gboolean
quorum_difference_stage_due_same_day (const QuorumDifference      *self,
                                      const QuorumDifferenceStage *stage)
{
  g_return_val_if_fail (self != NULL && stage != NULL, FALSE);

  if (!self->immediate_risk || !g_date_valid (&stage->due))
    return FALSE;
  /* Brought forward to the day immediate risk was identified at it. */
  if (g_date_valid (&stage->due_opened) && g_date_compare (&stage->due, &stage->due_opened) != 0)
    return TRUE;
  /* Opened at immediate risk: due the day it opened, which no limit of a working day or more
   * gives ("within N working days of D" is the Nth working day after D). */
  return g_date_valid (&stage->entered) && g_date_compare (&stage->due, &stage->entered) == 0 &&
         stage->limit_working_days != 0;
}

static QuorumDifferenceStage *
open_stage (const QuorumStage *stage,
            QuorumCalendar    *calendar,
            const GDate       *date,
            gboolean           same_day,
            const char        *reason)
{
  QuorumDifferenceStage *ret = g_new0 (QuorumDifferenceStage, 1);

  ret->number = stage->number;
  ret->name = g_strdup (stage->name);
  ret->owner = g_strdup (stage->owner);
  ret->limit_working_days = stage->limit_working_days;
  ret->entered = *date;
  ret->reason = g_strdup (reason);
  quorum_difference_stage_due (stage, calendar, date, same_day, &ret->due);

  return ret;
}

static gboolean
check_date (const GDate  *date,
            const char   *what,
            GError      **error)
{
  if (date == NULL || !g_date_valid (date))
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("%s is missing or is not a date"), what);
      return FALSE;
    }

  return TRUE;
}

/* Refuses @date earlier than the difference's last event: the record runs forwards. */
static gboolean
check_not_backwards (const QuorumDifference  *self,
                     const GDate             *date,
                     const char              *what,
                     GError                 **error)
{
  GDate last;

  quorum_difference_get_last_event (self, &last);

  if (g_date_valid (&last) && g_date_compare (date, &last) < 0)
    {
      g_autofree char *shown = g_strdup_printf ("%04d-%02d-%02d",
                                                g_date_get_year (date),
                                                g_date_get_month (date),
                                                g_date_get_day (date));
      g_autofree char *shown_last = g_strdup_printf ("%04d-%02d-%02d",
                                                     g_date_get_year (&last),
                                                     g_date_get_month (&last),
                                                     g_date_get_day (&last));

      /* Translators: "The escalation is dated 2026-11-02, before the difference's last recorded event (2026-11-05)" */
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("%s is dated %s, before the difference’s last recorded event (%s): dates must not go backwards"),
                   what, shown, shown_last);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_open (const QuorumDifference  *self,
            const char              *doing,
            GError                 **error)
{
  if (self->status == QUORUM_DIFFERENCE_RESOLVED)
    {
      /* Translators: "Difference 4 was resolved: a discussion can no longer be recorded" */
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("Difference %lld has been resolved: %s"),
                   (long long) self->id, doing);
      return FALSE;
    }

  return TRUE;
}

gboolean
quorum_difference_check_spec (const QuorumDifferenceSpec *spec,
                              const QuorumProfile        *profile,
                              GError                    **error)
{
  g_return_val_if_fail (spec != NULL, FALSE);
  g_return_val_if_fail (profile != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (spec->profile_id != NULL && g_strcmp0 (spec->profile_id, profile->id) != 0)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("The difference names profile “%s” but is checked against “%s”"),
                   spec->profile_id, profile->id);
      return FALSE;
    }

  if (profile->stages == NULL || profile->stages->len == 0)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("Profile “%s” sets out no escalation stages: choose another profile"),
                   profile->id);
      return FALSE;
    }

  if (!check_date (&spec->date, _("The date it was raised"), error) ||
      !quorum_date_check_not_future (&spec->date, _("The date it was raised"), error))
    return FALSE;

  if ((guint) spec->area >= QUORUM_N_AREAS)
    {
      g_autofree char *words = quorum_area_list_words ();

      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("Unknown area of disagreement: the areas are %s"), words);
      return FALSE;
    }

  /* "Other" says what; a named area needs no more words. */
  if (spec->area == QUORUM_AREA_OTHER &&
      !quorum_check_text (spec->area_other, _("The area of disagreement (other: say what)"), TRUE, QUORUM_MAX_NAME, error))
    return FALSE;
  if (spec->area != QUORUM_AREA_OTHER && spec->area_other != NULL && *spec->area_other != '\0')
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("An area in your own words goes with the area “other”, not with “%s”"),
                   quorum_area_to_string (spec->area));
      return FALSE;
    }

  return quorum_check_text (spec->raised_by, _("The name of the person raising it"), TRUE, QUORUM_MAX_NAME, error) &&
         quorum_check_text (spec->role, _("The role of the person raising it"), FALSE, QUORUM_MAX_NAME, error) &&
         quorum_check_text (spec->agency, _("The agency raising it"), TRUE, QUORUM_MAX_NAME, error) &&
         quorum_check_text (spec->against, _("The agency it is raised against"), TRUE, QUORUM_MAX_NAME, error) &&
         quorum_check_text (spec->against_decision, _("The decision disputed"), FALSE, QUORUM_MAX_TEXT, error) &&
         quorum_check_text (spec->child, _("The child’s name"), FALSE, QUORUM_MAX_NAME, error) &&
         quorum_check_text (spec->outcome_sought, _("The outcome sought"), TRUE, QUORUM_MAX_TEXT, error);
}

QuorumDifference *
quorum_difference_raise (const QuorumDifferenceSpec *spec,
                         const QuorumProfile        *profile,
                         QuorumCalendar             *calendar,
                         GError                    **error)
{
  g_autoptr(QuorumDifference) self = NULL;

  g_return_val_if_fail (spec != NULL, NULL);
  g_return_val_if_fail (profile != NULL, NULL);
  g_return_val_if_fail (calendar != NULL, NULL);

  if (!quorum_difference_check_spec (spec, profile, error))
    return NULL;

  self = quorum_difference_new ();
  self->profile_id = g_strdup (profile->id);
  self->raised = spec->date;
  self->raised_by = g_strdup (spec->raised_by);
  self->role = strdup_or_null (spec->role);
  self->agency = g_strdup (spec->agency);
  self->against = g_strdup (spec->against);
  self->against_decision = strdup_or_null (spec->against_decision);
  self->child = strdup_or_null (spec->child);
  self->conference_id = spec->conference_id;
  self->area = spec->area;
  self->outcome_sought = g_strdup (spec->outcome_sought);
  self->immediate_risk = spec->immediate_risk;
  self->raised_at_immediate_risk = spec->immediate_risk;
  self->area_other = spec->area == QUORUM_AREA_OTHER ? g_strdup (spec->area_other) : NULL;
  self->status = QUORUM_DIFFERENCE_OPEN;
  g_date_clear (&self->resolved, 1);
  g_date_clear (&self->feedback_date, 1);

  g_ptr_array_add (self->stages,
                   open_stage (g_ptr_array_index (profile->stages, 0), calendar,
                               &spec->date,
                               spec->immediate_risk && profile->immediate_risk_same_day, NULL));

  return g_steal_pointer (&self);
}

static const QuorumStage *
profile_stage (const QuorumProfile *profile,
               int                  number)
{
  for (guint i = 0; profile->stages != NULL && i < profile->stages->len; i++)
    {
      const QuorumStage *stage = g_ptr_array_index (profile->stages, i);

      if (stage->number == number)
        return stage;
    }

  return NULL;
}

/* The stage after @number in the profile's order, or NULL at the last. */
static const QuorumStage *
profile_next_stage (const QuorumProfile *profile,
                    int                  number)
{
  for (guint i = 0; profile->stages != NULL && i < profile->stages->len; i++)
    {
      const QuorumStage *stage = g_ptr_array_index (profile->stages, i);

      if (stage->number == number)
        return i + 1 < profile->stages->len ? g_ptr_array_index (profile->stages, i + 1) : NULL;
    }

  return NULL;
}

gboolean
quorum_difference_check_note (const QuorumDifference         *self,
                              const QuorumProfile            *profile,
                              const QuorumDifferenceNoteSpec *spec,
                              GError                        **error)
{
  const QuorumDifferenceStage *current;
  const QuorumStage *stage;
  guint n_questions = 0;
  guint n_answers = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (spec != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_open (self, _("a discussion can no longer be recorded"), error) ||
      !check_date (&spec->date, _("The date of the discussion"), error) ||
      !quorum_date_check_not_future (&spec->date, _("The date of the discussion"), error) ||
      !check_not_backwards (self, &spec->date, _("The discussion"), error) ||
      !quorum_check_text (spec->participants, _("Who took part"), TRUE, QUORUM_MAX_TEXT, error) ||
      !quorum_check_text (spec->summary, _("The summary of what was said"), TRUE, QUORUM_MAX_TEXT, error) ||
      !quorum_check_text (spec->agreed, _("What was agreed"), FALSE, QUORUM_MAX_TEXT, error))
    return FALSE;

  if (spec->answers == NULL)
    return TRUE;

  current = quorum_difference_get_current_stage (self);
  stage = (current != NULL && profile != NULL) ? profile_stage (profile, current->number) : NULL;
  if (stage != NULL && stage->checklist != NULL)
    n_questions = g_strv_length (stage->checklist);
  n_answers = g_strv_length ((char **) spec->answers);

  if (n_questions == 0)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("Stage %d of %s has no checklist to answer"),
                   current != NULL ? current->number : 0, self->profile_id);
      return FALSE;
    }

  if (n_answers != n_questions)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   ngettext ("The checklist of stage %d has %u question; %u answers were given (separate them with “|”)",
                             "The checklist of stage %d has %u questions; %u answers were given (separate them with “|”)",
                             n_questions),
                   current->number, n_questions, n_answers);
      return FALSE;
    }

  for (guint i = 0; i < n_answers; i++)
    {
      if (!quorum_check_text (spec->answers[i], _("A checklist answer"), FALSE, QUORUM_MAX_TEXT, error))
        return FALSE;

      /* A structured criterion or decision (SEW step 6) is answered with one of its words. */
      if (stage->choices != NULL && stage->choices[i] != NULL && *stage->choices[i] != '\0')
        {
          g_auto(GStrv) allowed = g_strsplit (stage->choices[i], "|", -1);
          g_autofree char *answer = g_strstrip (g_strdup (spec->answers[i]));
          gboolean ok = FALSE;

          for (guint j = 0; allowed[j] != NULL; j++)
            ok = ok || g_ascii_strcasecmp (g_strstrip (allowed[j]), answer) == 0;
          if (!ok)
            {
              g_autofree char *words = g_strjoinv (", ", allowed);

              g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                           _("Answer %u of stage %d (“%s”) is one of: %s"),
                           i + 1, current->number, stage->checklist[i], words);
              return FALSE;
            }
        }
    }

  return TRUE;
}

QuorumDifferenceStage *
quorum_difference_escalate (const QuorumDifference *self,
                            const QuorumProfile    *profile,
                            QuorumCalendar         *calendar,
                            const GDate            *date,
                            const char             *reason,
                            GError                **error)
{
  return quorum_difference_escalate_to (self, profile, calendar, date, reason, 0, error);
}

/* Two stages are alternatives when either names the other (six-stage's 4 and 5). */
static gboolean
stages_are_alternatives (const QuorumStage *a,
                         const QuorumStage *b)
{
  return a != NULL && b != NULL && a->number != b->number &&
         (a->alternative_to == b->number || b->alternative_to == a->number);
}

QuorumDifferenceStage *
quorum_difference_escalate_to (const QuorumDifference *self,
                               const QuorumProfile    *profile,
                               QuorumCalendar         *calendar,
                               const GDate            *date,
                               const char             *reason,
                               int                     to,
                               GError                **error)
{
  const QuorumDifferenceStage *current;
  const QuorumStage *here;
  const QuorumStage *next;
  GDate clock;
  QuorumDifferenceStage *opened;
  gboolean same_day;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (profile != NULL, NULL);
  g_return_val_if_fail (calendar != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  current = quorum_difference_get_current_stage (self);
  g_return_val_if_fail (current != NULL, NULL);

  if (!check_open (self, _("it can no longer be escalated"), error) ||
      !check_date (date, _("The date of the escalation"), error) ||
      !quorum_date_check_not_future (date, _("The date of the escalation"), error))
    return NULL;

  /* From one of a set of alternatives, the next stage is past the others. */
  here = profile_stage (profile, current->number);
  next = profile_next_stage (profile, current->number);
  while (next != NULL && stages_are_alternatives (here, next))
    next = profile_next_stage (profile, next->number);

  if (next == NULL)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("already at the last stage of %s: stage %d, “%s” (%s); record its outcome with resolve"),
                   profile->id, current->number, current->name, current->owner);
      return NULL;
    }

  if (to != 0 && to != next->number)
    {
      const QuorumStage *target = profile_stage (profile, to);

      if (!stages_are_alternatives (next, target))
        {
          if (next->alternative_to != 0)
            g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                         _("From stage %d of %s the next stage is %d (%s) or its alternative %d, not %d"),
                         current->number, profile->id, next->number, next->kind ? next->kind : "",
                         next->alternative_to, to);
          else
            g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                         _("From stage %d of %s the next stage is %d, not %d: stages are taken in turn"),
                         current->number, profile->id, next->number, to);
          return NULL;
        }
      next = target;
    }

  if (!check_not_backwards (self, date, _("The escalation"), error) ||
      !quorum_check_text (reason, _("The reason for escalating"), TRUE, QUORUM_MAX_TEXT, error))
    return NULL;

  /* Bradford (004): "WHEN ANY PROFESSIONAL CONSIDERS A CHILD IS AT IMMEDIATE RISK OF SIGNIFICANT
   * HARM, THEN THE INDIVIDUAL MUST ENSURE THEIR CONCERNS ARE ESCALATED ON THE SAME WORKING DAY":
   * not only the first step. While the child is at immediate risk every step it is escalated to
   * is due the day it is entered, not the step's own 5 working days. */
  same_day = self->immediate_risk && profile->immediate_risk_same_day;
  opened = open_stage (next, calendar, date, same_day, reason);

  /* The clock starts where the policy says: SEW step 3's 2 working days run from when the line
   * managers were told, at step 2, not from when step 3 was opened. */
  if (!same_day && next->clock_from > 0 && next->limit_working_days >= 0)
    {
      g_date_clear (&clock, 1);
      for (guint i = 0; i < self->stages->len; i++)
        {
          const QuorumDifferenceStage *s = g_ptr_array_index (self->stages, i);

          if (s->number == next->clock_from)
            clock = s->entered;
        }
      if (g_date_valid (&clock))
        quorum_difference_stage_due (next, calendar, &clock, FALSE, &opened->due);
    }

  return opened;
}

gboolean
quorum_difference_check_immediate_risk (const QuorumDifference *self,
                                        const QuorumProfile    *profile,
                                        const GDate            *date,
                                        GDate                  *due,
                                        GError                **error)
{
  g_return_val_if_fail (self != NULL && profile != NULL && due != NULL, FALSE);

  g_date_clear (due, 1);
  if (!check_open (self, _("immediate risk is now a matter for children's social care"), error) ||
      !check_date (date, _("The date immediate risk was identified"), error) ||
      !quorum_date_check_not_future (date, _("The date immediate risk was identified"), error) ||
      !check_not_backwards (self, date, _("Immediate risk"), error))
    return FALSE;

  /* Same working day only where the profile asks (Bradford); otherwise the policy's words. */
  if (profile->immediate_risk_same_day)
    *due = *date;
  return TRUE;
}

gboolean
quorum_difference_check_formal_challenge (const QuorumDifference *self,
                                          const QuorumProfile    *profile,
                                          const GDate            *date,
                                          const char             *detail,
                                          GError                **error)
{
  g_return_val_if_fail (self != NULL && profile != NULL, FALSE);

  if (!profile->formal_challenge)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("Profile “%s” does not record formal challenges"), profile->id);
      return FALSE;
    }
  if (quorum_difference_find_event (self, "formal-challenge") != NULL)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("Difference %lld already records a formal challenge"), (long long) self->id);
      return FALSE;
    }
  return check_open (self, _("a formal challenge can no longer be lodged"), error) &&
         check_date (date, _("The date of the formal challenge"), error) &&
         quorum_date_check_not_future (date, _("The date of the formal challenge"), error) &&
         check_not_backwards (self, date, _("The formal challenge"), error) &&
         quorum_check_text (detail, _("The challenge's reasons"), FALSE, QUORUM_MAX_TEXT, error);
}

void
quorum_difference_event_free (QuorumDifferenceEvent *self)
{
  if (self == NULL)
    return;

  g_free (self->kind);
  g_free (self->detail);
  g_free (self->recorded_at);
  g_free (self->recorded_by);
  g_free (self);
}

const QuorumDifferenceEvent *
quorum_difference_find_event (const QuorumDifference *self,
                              const char             *kind)
{
  for (guint i = 0; self->events != NULL && i < self->events->len; i++)
    {
      const QuorumDifferenceEvent *e = g_ptr_array_index (self->events, i);

      if (g_strcmp0 (e->kind, kind) == 0)
        return e;
    }
  return NULL;
}

/* Casefolded, "-" and "_" as spaces, spaces collapsed: "Interim-plan" matches "interim plan". */
static char *
outcome_key (const char *text)
{
  g_autofree char *spaced = g_strdup (text);

  for (char *p = spaced; *p != '\0'; p++)
    {
      if (*p == '-' || *p == '_')
        *p = ' ';
    }

  return quorum_group_normalize (spaced);
}

/* TRUE when every word of @key is a word of @candidate (both outcome_key()s). */
static gboolean
has_all_words (const char *candidate,
               const char *key)
{
  g_auto(GStrv) words = g_strsplit (key, " ", -1);
  g_auto(GStrv) have = g_strsplit (candidate, " ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] != '\0' && !g_strv_contains ((const char * const *) have, words[i]))
        return FALSE;
    }

  return TRUE;
}

/* The profile's challenge outcome that @outcome names: the whole of it; or, naming one only,
 * its first words ("uphold" for "Uphold the decision reached by the conference chair") or two
 * or more of its words ("interim-plan", "head of service"). */
static const char *
match_challenge_outcome (const QuorumProfile *profile,
                         const char          *outcome)
{
  g_autofree char *key = NULL;
  const char *prefix_match = NULL;
  const char *words_match = NULL;
  guint n_prefix = 0;
  guint n_words = 0;
  gsize key_len;

  if (profile->challenge_outcomes == NULL || outcome == NULL)
    return NULL;

  key = outcome_key (outcome);
  key_len = strlen (key);
  if (key_len == 0)
    return NULL;

  for (guint i = 0; profile->challenge_outcomes[i] != NULL; i++)
    {
      g_autofree char *candidate = outcome_key (profile->challenge_outcomes[i]);

      if (strcmp (candidate, key) == 0)
        return profile->challenge_outcomes[i];

      if (g_str_has_prefix (candidate, key) && candidate[key_len] == ' ')
        {
          prefix_match = profile->challenge_outcomes[i];
          n_prefix++;
        }

      if (strchr (key, ' ') != NULL && has_all_words (candidate, key))
        {
          words_match = profile->challenge_outcomes[i];
          n_words++;
        }
    }

  if (n_prefix == 1)
    return prefix_match;
  if (n_prefix == 0 && n_words == 1)
    return words_match;

  return NULL;
}

gboolean
quorum_difference_check_resolution (const QuorumDifference     *self,
                                    const QuorumProfile        *profile,
                                    const QuorumResolutionSpec *spec,
                                    char                      **challenge_outcome,
                                    GError                    **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (spec != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (challenge_outcome != NULL)
    *challenge_outcome = NULL;

  if (!check_open (self, _("it is already closed"), error) ||
      !check_date (&spec->date, _("The date of the resolution"), error) ||
      !quorum_date_check_not_future (&spec->date, _("The date of the resolution"), error) ||
      !check_not_backwards (self, &spec->date, _("The resolution"), error) ||
      !quorum_check_text (spec->outcome, _("The agreed outcome"), TRUE, QUORUM_MAX_TEXT, error) ||
      !quorum_check_text (spec->feedback_to, _("Who was given feedback"), FALSE, QUORUM_MAX_NAME, error))
    return FALSE;

  if (g_date_valid (&spec->feedback_date))
    {
      if (is_blank (spec->feedback_to))
        {
          g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                       _("A feedback date needs the name of who was given the feedback"));
          return FALSE;
        }
      if (g_date_compare (&spec->feedback_date, &spec->date) < 0)
        {
          g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                       _("Feedback on the outcome cannot be dated before the resolution"));
          return FALSE;
        }
      if (!quorum_date_check_not_future (&spec->feedback_date, _("The date feedback was given"), error))
        return FALSE;
    }

  if (challenge_outcome != NULL && profile != NULL)
    *challenge_outcome = g_strdup (match_challenge_outcome (profile, spec->outcome));

  return TRUE;
}

gboolean
quorum_difference_check_follow_up (const QuorumDifference *self,
                                   const char             *feedback_to,
                                   const GDate            *feedback_date,
                                   GError                **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->status != QUORUM_DIFFERENCE_RESOLVED)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("Difference %lld is still open: debrief, protocol review and feedback follow its resolution"),
                   (long long) self->id);
      return FALSE;
    }

  if (!quorum_check_text (feedback_to, _("Who was given feedback"), FALSE, QUORUM_MAX_NAME, error))
    return FALSE;

  if (!is_blank (feedback_to) && self->feedback_to != NULL && g_strcmp0 (feedback_to, self->feedback_to) != 0)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("Feedback was already recorded as given to %s; it is never replaced"),
                   self->feedback_to);
      return FALSE;
    }

  if (feedback_date != NULL && g_date_valid (feedback_date) && g_date_valid (&self->feedback_date) &&
      g_date_compare (feedback_date, &self->feedback_date) != 0)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("The date feedback was given is already recorded; it is never replaced"));
      return FALSE;
    }

  if (feedback_date != NULL && g_date_valid (feedback_date))
    {
      if (is_blank (feedback_to) && self->feedback_to == NULL)
        {
          g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                       _("A feedback date needs the name of who was given the feedback"));
          return FALSE;
        }
      if (g_date_compare (feedback_date, &self->resolved) < 0)
        {
          g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                       _("Feedback on the outcome cannot be dated before the resolution"));
          return FALSE;
        }
      if (!quorum_date_check_not_future (feedback_date, _("The date feedback was given"), error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
after_day (const GDate *date,
           const GDate *as_of)
{
  return g_date_valid (date) && g_date_compare (date, as_of) > 0;
}

gboolean
quorum_difference_restrict_to_day (QuorumDifference *self,
                                   const GDate      *as_of)
{
  QuorumDifferenceStage *current;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (as_of != NULL && g_date_valid (as_of), FALSE);

  if (after_day (&self->raised, as_of))
    return FALSE;

  /* The stages reached by then (the first always: it opened when it was raised). */
  while (self->stages->len > 1 &&
         after_day (&((QuorumDifferenceStage *) g_ptr_array_index (self->stages, self->stages->len - 1))->entered, as_of))
    g_ptr_array_remove_index (self->stages, self->stages->len - 1);
  for (guint i = self->notes->len; i-- > 0;)
    if (after_day (&((QuorumDifferenceNote *) g_ptr_array_index (self->notes, i))->date, as_of))
      g_ptr_array_remove_index (self->notes, i);
  for (guint i = self->events->len; i-- > 0;)
    if (after_day (&((QuorumDifferenceEvent *) g_ptr_array_index (self->events, i))->date, as_of))
      g_ptr_array_remove_index (self->events, i);

  /* Resolved later: open then, with nothing of its resolution. */
  if (self->status == QUORUM_DIFFERENCE_RESOLVED && after_day (&self->resolved, as_of))
    {
      self->status = QUORUM_DIFFERENCE_OPEN;
      g_date_clear (&self->resolved, 1);
      g_clear_pointer (&self->outcome, g_free);
      g_clear_pointer (&self->challenge_outcome, g_free);
      g_clear_pointer (&self->feedback_to, g_free);
      g_date_clear (&self->feedback_date, 1);
      self->debrief = FALSE;
      self->protocol_review = FALSE;
    }
  if (after_day (&self->feedback_date, as_of))
    {
      g_clear_pointer (&self->feedback_to, g_free);
      g_date_clear (&self->feedback_date, 1);
    }

  /* What the events left by then say: immediate risk (when not identified at the start), the
   * disagreement remaining; the stage reached due as it opened, or brought forward to the day
   * immediate risk was identified at it. */
  current = self->stages->len > 0 ? g_ptr_array_index (self->stages, self->stages->len - 1) : NULL;
  if (current != NULL && g_date_valid (&current->due_opened))
    current->due = current->due_opened;
  self->immediate_risk = self->raised_at_immediate_risk;
  self->disagreement_remains = FALSE;
  for (guint i = 0; i < self->events->len; i++)
    {
      const QuorumDifferenceEvent *e = g_ptr_array_index (self->events, i);

      if (g_strcmp0 (e->kind, "disagreement-remains") == 0)
        self->disagreement_remains = self->status == QUORUM_DIFFERENCE_RESOLVED;
      else if (g_strcmp0 (e->kind, "immediate-risk") == 0)
        {
          self->immediate_risk = TRUE;
          if (current != NULL && current->number == e->stage && g_date_valid (&e->due) &&
              (!g_date_valid (&current->due) || g_date_compare (&e->due, &current->due) < 0))
            current->due = e->due;
        }
    }
  return TRUE;
}

gboolean
quorum_difference_is_overdue (const QuorumDifference *self,
                              const GDate            *as_of)
{
  const QuorumDifferenceStage *current;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (as_of != NULL && g_date_valid (as_of), FALSE);

  if (self->status != QUORUM_DIFFERENCE_OPEN)
    return FALSE;

  current = quorum_difference_get_current_stage (self);
  if (current == NULL || !g_date_valid (&current->due))
    return FALSE;

  /* Due on the day means by the end of it */
  return g_date_compare (as_of, &current->due) > 0;
}

int
quorum_difference_get_next_stage_due (const QuorumDifference *self,
                                      const QuorumProfile    *profile,
                                      const GDate            *as_of)
{
  const QuorumDifferenceStage *current;
  const QuorumStage *next;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (profile != NULL, 0);

  if (!quorum_difference_is_overdue (self, as_of))
    return 0;

  current = quorum_difference_get_current_stage (self);
  next = profile_next_stage (profile, current->number);

  return next != NULL ? next->number : 0;
}

gboolean
quorum_difference_working_days_left (const QuorumDifference *self,
                                     QuorumCalendar         *calendar,
                                     const GDate            *as_of,
                                     int                    *out)
{
  const QuorumDifferenceStage *current;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (calendar != NULL, FALSE);
  g_return_val_if_fail (as_of != NULL && g_date_valid (as_of), FALSE);

  current = quorum_difference_get_current_stage (self);
  if (current == NULL || !g_date_valid (&current->due))
    return FALSE;

  if (out != NULL)
    {
      if (g_date_compare (as_of, &current->due) <= 0)
        *out = (int) quorum_calendar_count_working_days (calendar, as_of, &current->due);
      else
        *out = -(int) quorum_calendar_count_working_days (calendar, &current->due, as_of);
    }

  return TRUE;
}

/* ---- monitoring ---- */

static void
stage_count_free (QuorumDifferenceStageCount *self)
{
  g_free (self->name);
  g_free (self);
}

static void
outcome_count_free (QuorumDifferenceOutcomeCount *self)
{
  g_free (self->outcome);
  g_free (self);
}

static void
profile_stats_free (QuorumDifferenceProfileStats *self)
{
  g_free (self->profile_id);
  g_free (self->profile_name);
  g_clear_pointer (&self->stages, g_ptr_array_unref);
  g_clear_pointer (&self->outcomes, g_ptr_array_unref);
  g_free (self);
}

void
quorum_difference_stats_free (QuorumDifferenceStats *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->profiles, g_ptr_array_unref);
  g_free (self);
}

static QuorumDifferenceOutcomeCount *
outcome_count (QuorumDifferenceProfileStats *stats,
               const char                   *outcome)
{
  QuorumDifferenceOutcomeCount *count;

  for (guint i = 0; i < stats->outcomes->len; i++)
    {
      count = g_ptr_array_index (stats->outcomes, i);
      if (strcmp (count->outcome, outcome) == 0)
        return count;
    }

  count = g_new0 (QuorumDifferenceOutcomeCount, 1);
  count->outcome = g_strdup (outcome);
  g_ptr_array_add (stats->outcomes, count);

  return count;
}

static QuorumDifferenceStageCount *
stage_count (QuorumDifferenceProfileStats *stats,
             int                           number,
             const char                   *name)
{
  QuorumDifferenceStageCount *count;
  guint i;

  for (i = 0; i < stats->stages->len; i++)
    {
      count = g_ptr_array_index (stats->stages, i);
      if (count->number == number)
        return count;
      if (count->number > number)
        break;
    }

  count = g_new0 (QuorumDifferenceStageCount, 1);
  count->number = number;
  count->name = g_strdup (name);
  g_ptr_array_insert (stats->stages, (int) i, count);

  return count;
}

static QuorumDifferenceProfileStats *
profile_stats_new (const char          *profile_id,
                   const QuorumProfile *profile)
{
  QuorumDifferenceProfileStats *stats = g_new0 (QuorumDifferenceProfileStats, 1);

  stats->profile_id = g_strdup (profile_id);
  stats->stages = g_ptr_array_new_with_free_func ((GDestroyNotify) stage_count_free);
  stats->outcomes = g_ptr_array_new_with_free_func ((GDestroyNotify) outcome_count_free);

  outcome_count (stats, "open");
  outcome_count (stats, "resolved");

  if (profile != NULL)
    {
      stats->profile_name = g_strdup (profile->name);
      stats->monitored_stage = profile->monitored_stage;

      for (guint i = 0; profile->stages != NULL && i < profile->stages->len; i++)
        {
          const QuorumStage *stage = g_ptr_array_index (profile->stages, i);
          stage_count (stats, stage->number, stage->name);
        }

      for (guint i = 0; profile->challenge_outcomes != NULL && profile->challenge_outcomes[i] != NULL; i++)
        outcome_count (stats, profile->challenge_outcomes[i]);
    }

  return stats;
}

static gboolean
in_period (const GDate *date,
           const GDate *from,
           const GDate *to)
{
  if (from != NULL && g_date_valid (from) && g_date_compare (date, from) < 0)
    return FALSE;
  if (to != NULL && g_date_valid (to) && g_date_compare (date, to) > 0)
    return FALSE;
  return TRUE;
}

static int
compare_profile_stats (gconstpointer a,
                       gconstpointer b)
{
  const QuorumDifferenceProfileStats *pa = *(QuorumDifferenceProfileStats * const *) a;
  const QuorumDifferenceProfileStats *pb = *(QuorumDifferenceProfileStats * const *) b;

  return strcmp (pa->profile_id, pb->profile_id);
}

QuorumDifferenceStats *
quorum_difference_stats_new (GPtrArray   *differences,
                             GPtrArray   *profiles,
                             const GDate *from,
                             const GDate *to,
                             const GDate *as_of)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  QuorumDifferenceStats *self;

  g_return_val_if_fail (differences != NULL, NULL);
  g_return_val_if_fail (as_of != NULL && g_date_valid (as_of), NULL);

  self = g_new0 (QuorumDifferenceStats, 1);
  self->profiles = g_ptr_array_new_with_free_func ((GDestroyNotify) profile_stats_free);
  g_date_clear (&self->from, 1);
  g_date_clear (&self->to, 1);
  if (from != NULL && g_date_valid (from))
    self->from = *from;
  if (to != NULL && g_date_valid (to))
    self->to = *to;
  self->as_of = *as_of;

  /* Every profile given is reported, with its stages counted from zero */
  for (guint i = 0; profiles != NULL && i < profiles->len; i++)
    {
      const QuorumProfile *profile = g_ptr_array_index (profiles, i);
      QuorumDifferenceProfileStats *stats = profile_stats_new (profile->id, profile);

      g_ptr_array_add (self->profiles, stats);
      g_hash_table_insert (by_id, stats->profile_id, stats);
    }

  for (guint i = 0; i < differences->len; i++)
    {
      const QuorumDifference *d = g_ptr_array_index (differences, i);
      QuorumDifferenceProfileStats *stats;
      const QuorumDifferenceStage *current;
      gboolean overdue;

      if (!in_period (&d->raised, from, to))
        continue;

      stats = g_hash_table_lookup (by_id, d->profile_id);
      if (stats == NULL)
        {
          stats = profile_stats_new (d->profile_id, NULL);
          g_ptr_array_add (self->profiles, stats);
          g_hash_table_insert (by_id, stats->profile_id, stats);
        }

      overdue = quorum_difference_is_overdue (d, as_of);
      current = quorum_difference_get_current_stage (d);

      self->total++;
      stats->total++;
      if (d->immediate_risk)
        stats->immediate_risk++;
      if (d->status == QUORUM_DIFFERENCE_RESOLVED)
        {
          self->resolved++;
          stats->resolved++;
          if (d->disagreement_remains)
            {
              self->disagreement_remains++;
              stats->disagreement_remains++;
            }
          /* How it closed is an outcome of its own: "disagreement-remains" is never counted
           * as "resolved" (001, 004) */
          outcome_count (stats, d->challenge_outcome != NULL ? d->challenge_outcome
                                : d->disagreement_remains ? "disagreement-remains" : "resolved")->count++;
        }
      else
        {
          self->open++;
          stats->open++;
          outcome_count (stats, "open")->count++;
        }
      if (overdue)
        {
          self->overdue++;
          stats->overdue++;
        }

      for (guint j = 0; j < d->stages->len; j++)
        {
          const QuorumDifferenceStage *s = g_ptr_array_index (d->stages, j);
          QuorumDifferenceStageCount *count = stage_count (stats, s->number, s->name);

          count->reached++;
          if (s != current)
            count->escalated++;
          else if (d->status == QUORUM_DIFFERENCE_RESOLVED)
            {
              count->resolved++;
              if (d->disagreement_remains)
                count->disagreement_remains++;
            }
          else
            {
              count->open++;
              if (overdue)
                count->overdue++;
            }
        }

      if (stats->monitored_stage > 0 && current != NULL && current->number >= stats->monitored_stage)
        stats->monitored_reached++;
    }

  g_ptr_array_sort (self->profiles, compare_profile_stats);

  return self;
}
