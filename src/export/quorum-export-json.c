/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-export-json.c: a conference and its decisions as JSON, the documents of the CLI. */

#include "quorum-export-private.h"

void
quorum_json_add_string (JsonBuilder *builder,
                        const char  *key,
                        const char  *value)
{
  json_builder_set_member_name (builder, key);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
quorum_json_add_date (JsonBuilder *builder,
                      const char  *key,
                      const GDate *date)
{
  g_autofree char *str = quorum_date_to_string (date);

  quorum_json_add_string (builder, key, str);
}

void
quorum_json_add_int (JsonBuilder *builder,
                     const char  *key,
                     gint64       value)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_int_value (builder, value);
}

/* An id that may be unset (0): null then. */
void
quorum_json_add_amendment (JsonBuilder           *builder,
                           const QuorumAmendment *amendment)
{
  json_builder_begin_object (builder);
  quorum_json_add_int (builder, "id", amendment->id);
  quorum_json_add_string (builder, "at", amendment->at);
  quorum_json_add_string (builder, "by", amendment->by);
  quorum_json_add_string (builder, "reason", amendment->reason);
  quorum_json_add_string (builder, "change", amendment->change);
  quorum_json_add_string (builder, "record", amendment->record);
  quorum_json_add_string (builder, "field", amendment->field);
  quorum_json_add_string (builder, "old_value", amendment->old_value);
  quorum_json_add_string (builder, "new_value", amendment->new_value);
  json_builder_end_object (builder);
}

void
quorum_json_add_id (JsonBuilder *builder,
                    const char  *key,
                    gint64       value)
{
  json_builder_set_member_name (builder, key);
  if (value > 0)
    json_builder_add_int_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
quorum_json_add_bool (JsonBuilder *builder,
                      const char  *key,
                      gboolean     value)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_boolean_value (builder, value);
}

void
quorum_json_add_view (JsonBuilder *builder,
                      const char  *key,
                      QuorumView   view)
{
  quorum_json_add_string (builder, key, quorum_view_to_string (view));
}

void
quorum_json_add_categories (JsonBuilder *builder,
                            const char  *key,
                            guint        categories)
{
  g_autofree char *words = quorum_categories_to_string (categories);
  g_auto(GStrv) items = g_strsplit (words, ",", -1);

  json_builder_set_member_name (builder, key);
  json_builder_begin_array (builder);
  for (guint i = 0; items[i] != NULL; i++)
    {
      if (items[i][0] != '\0')
        json_builder_add_string_value (builder, items[i]);
    }
  json_builder_end_array (builder);
}

void
quorum_json_add_strv (JsonBuilder        *builder,
                      const char         *key,
                      const char * const *values)
{
  json_builder_set_member_name (builder, key);
  json_builder_begin_array (builder);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}


/* Keys only added, as "categories_now" was: the key @key keeps the value as signed off;
 * "KEY_now" gives it as it stands after every amendment after sign-off, and "KEY_amendment" the
 * number of the amendment that gave it (0: none, "KEY_now" is then the value signed off). */
static void
add_value_now (JsonBuilder *builder,
               const char  *key,
               const char  *now,
               guint        number)
{
  g_autofree char *now_key = g_strconcat (key, "_now", NULL);
  g_autofree char *number_key = g_strconcat (key, "_amendment", NULL);

  quorum_json_add_string (builder, now_key, now);
  quorum_json_add_int (builder, number_key, number);
}

/* @field of @record ("attempt:4", "summary") as add_value_now () gives it: the latest amendment's
 * corrected value, else @original. */
static void
add_field_now (JsonBuilder            *builder,
               const char             *key,
               const QuorumConference *conference,
               const char             *record,
               const char             *field,
               const char             *original)
{
  guint number = 0;
  const QuorumAmendment *amendment = quorum_conference_last_amendment (conference, record, field, &number);

  if (amendment == NULL || amendment->new_value == NULL)
    add_value_now (builder, key, original, 0);
  else
    add_value_now (builder, key, amendment->new_value, number);
}

/* An attendee's name where the record gives it: "name_now", "name_amendment". */
static void
add_name_now (JsonBuilder            *builder,
              const QuorumConference *conference,
              gint64                  attendee_id,
              const char             *name)
{
  guint number = 0;
  const char *now = quorum_conference_name_now (conference, attendee_id, name, &number);

  add_value_now (builder, "name", now, number);
}

/* Names the record holds as words (a group's or a dissent's representatives), each as it
 * stands: "representatives_now" and "representatives_amendment" (the latest amendment among
 * those that changed them). @corrected_number: the amendment of a dissent's own correction
 * that gave @names (quorum_conference_dissent_representatives_now ()), or 0. */
static void
add_names_now (JsonBuilder            *builder,
               const QuorumConference *conference,
               const char * const     *names,
               guint                   corrected_number)
{
  guint latest = corrected_number;

  json_builder_set_member_name (builder, "representatives_now");
  json_builder_begin_array (builder);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      guint number = 0;
      const char *now = quorum_conference_name_now (conference, 0, names[i], &number);

      if (*names[i] == '\0')
        continue;
      json_builder_add_string_value (builder, now);
      latest = MAX (latest, number);
    }
  json_builder_end_array (builder);
  quorum_json_add_int (builder, "representatives_amendment", latest);
}

static char *
record_of (const char *kind,
           gint64      id)
{
  return g_strdup_printf ("%s:%" G_GINT64_FORMAT, kind, id);
}


/* Lateness shown, never hidden; who sent it; every correction with the value it replaced. */
static void
add_referral_life (JsonBuilder          *builder,
                   const QuorumReferral *referral)
{
  quorum_json_add_date (builder, "due_working", &referral->due_working);
  quorum_json_add_date (builder, "panel_due_working", &referral->panel_due_working);
  quorum_json_add_bool (builder, "sent_late", referral->sent_late);
  quorum_json_add_bool (builder, "heard_late", referral->heard_late);
  quorum_json_add_string (builder, "sent_by", referral->sent_by);
  /* How it was sent (its notice), null when not recorded; a sent or heard date on a day off
   * said: "saturday", "sunday", "bank-holiday", "closure", or null. */
  quorum_json_add_string (builder, "sent_means", referral->sent_means);
  quorum_json_add_string (builder, "sent_day_off", quorum_day_off_to_string (referral->sent_day_off));
  quorum_json_add_string (builder, "heard_day_off", quorum_day_off_to_string (referral->heard_day_off));
  json_builder_set_member_name (builder, "corrections");
  json_builder_begin_array (builder);
  for (guint i = 0; referral->corrections != NULL && i < referral->corrections->len; i++)
    {
      const QuorumReferralCorrection *c = g_ptr_array_index (referral->corrections, i);

      json_builder_begin_object (builder);
      quorum_json_add_int (builder, "id", c->id);
      quorum_json_add_string (builder, "field", c->field);
      quorum_json_add_string (builder, "old_value", c->old_value);
      quorum_json_add_string (builder, "new_value", c->new_value);
      quorum_json_add_string (builder, "reason", c->reason);
      quorum_json_add_string (builder, "recorded_at", c->recorded_at);
      quorum_json_add_string (builder, "recorded_by", c->recorded_by);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* The attendees recorded with @attendance, as {"id", "name", "agency"}. */
static void
add_attendees_with (JsonBuilder            *builder,
                    const char             *key,
                    const QuorumConference *conference,
                    QuorumAttendance        attendance)
{
  json_builder_set_member_name (builder, key);
  json_builder_begin_array (builder);
  for (guint i = 0; conference->attendees != NULL && i < conference->attendees->len; i++)
    {
      const QuorumAttendee *attendee = g_ptr_array_index (conference->attendees, i);

      if (attendee->attendance != attendance)
        continue;
      json_builder_begin_object (builder);
      quorum_json_add_int (builder, "id", attendee->id);
      quorum_json_add_string (builder, "name", attendee->name);
      add_name_now (builder, conference, attendee->id, attendee->name);
      quorum_json_add_string (builder, "agency", attendee->agency);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* Whether the conference was quorate under its profile's rule (core's quorum_quoracy_check ()),
 * and the apologies and written reports recorded: "quoracy": {"quorate": bool (null when the
 * profile is not known), "lead_agency_present", "other_agencies", "other_agencies_required",
 * "missing" (words, or null), "inquorate_reason", "apologies": […], "written_reports": […]}. */
static void
add_quoracy (JsonBuilder            *builder,
             const QuorumConference *conference,
             const QuorumProfile    *profile)
{
  g_autoptr(QuorumQuoracy) quoracy = profile != NULL ? quorum_quoracy_check (conference, profile) : NULL;

  json_builder_set_member_name (builder, "quoracy");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "quorate");
  if (quoracy != NULL)
    json_builder_add_boolean_value (builder, quoracy->quorate);
  else
    json_builder_add_null_value (builder);
  if (quoracy != NULL)
    {
      quorum_json_add_bool (builder, "lead_agency_present", quoracy->has_lead_agency);
      quorum_json_add_int (builder, "other_agencies", quoracy->n_other_agencies);
      quorum_json_add_int (builder, "other_agencies_required", quoracy->n_other_required);
      quorum_json_add_string (builder, "missing", quoracy->missing);
    }
  quorum_json_add_string (builder, "inquorate_reason", conference->inquorate_reason);
  add_attendees_with (builder, "apologies", conference, QUORUM_ATTENDANCE_APOLOGIES);
  add_attendees_with (builder, "written_reports", conference, QUORUM_ATTENDANCE_REPORT_SENT);
  json_builder_end_object (builder);
}

/* Lateness as of @as_of, the day the record was exported, added to a referral object of the
 * record (core's quorum_referral_overdue_as_of (), as the `referrals` command says it), and what
 * else that command gives: the child's name as it stands, the chair, the conference's date. */
static void
add_referral_as_of (JsonObject             *object,
                    const QuorumConference *conference,
                    const GDate            *as_of)
{
  const QuorumReferral *referral = NULL;
  gint64 id = json_object_get_int_member_with_default (object, "id", 0);
  g_autofree char *iso = NULL;

  for (guint i = 0; conference->referrals != NULL && i < conference->referrals->len; i++)
    if (((QuorumReferral *) g_ptr_array_index (conference->referrals, i))->id == id)
      referral = g_ptr_array_index (conference->referrals, i);
  if (referral == NULL)
    return;

  json_object_set_boolean_member (object, "overdue", _quorum_export_referral_overdue (referral, as_of));
  iso = quorum_date_to_string (as_of);
  json_object_set_string_member (object, "overdue_as_of", iso);
  if (!json_object_has_member (object, "heard_late"))
    json_object_set_boolean_member (object, "heard_late", referral->heard_late);
  if (!json_object_has_member (object, "panel_date"))
    {
      g_autofree char *date = g_date_valid (&referral->panel_date) ? quorum_date_to_string (&referral->panel_date) : NULL;

      if (date != NULL)
        json_object_set_string_member (object, "panel_date", date);
      else
        json_object_set_null_member (object, "panel_date");
    }
  if (!json_object_has_member (object, "child_name"))
    {
      const QuorumChild *child = quorum_conference_find_child (conference, referral->child_id);

      if (child != NULL)
        json_object_set_string_member (object, "child_name",
                                       quorum_conference_child_name_now (conference, child, NULL));
    }
  if (!json_object_has_member (object, "chair") && conference->chair != NULL)
    json_object_set_string_member (object, "chair", conference->chair);
  /* The chair as it stands, as the conference's own "chair_now": "chair" stays the name signed
   * off (CLI.md: a key keeps its meaning). A hand-over (schema 13) changes who answers for the
   * conference, its login ("chaired_by"), not the name on the record. */
  if (!json_object_has_member (object, "chair_now"))
    {
      g_autofree char *record = record_of ("conference", conference->id);
      guint number = 0;
      const QuorumAmendment *amendment = quorum_conference_last_amendment (conference, record, "chair", &number);

      if (amendment != NULL && amendment->new_value != NULL)
        json_object_set_string_member (object, "chair_now", amendment->new_value);
      else if (conference->chair != NULL)
        json_object_set_string_member (object, "chair_now", conference->chair);
      else
        json_object_set_null_member (object, "chair_now");
      json_object_set_int_member (object, "chair_amendment", amendment != NULL && amendment->new_value != NULL ? number : 0);
    }
  if (!json_object_has_member (object, "conference_date") && g_date_valid (&conference->date))
    {
      g_autofree char *date = quorum_date_to_string (&conference->date);

      json_object_set_string_member (object, "conference_date", date);
    }
}

/* add_referral_as_of () on every referral of the record @root: those of "referrals" and each
 * decision's "referral". */
static void
add_referrals_as_of (JsonObject             *root,
                     const QuorumConference *conference,
                     const GDate            *as_of)
{
  JsonArray *referrals = json_object_get_array_member (root, "referrals");
  JsonArray *decisions = json_object_get_array_member (root, "decisions");

  for (guint i = 0; referrals != NULL && i < json_array_get_length (referrals); i++)
    add_referral_as_of (json_array_get_object_element (referrals, i), conference, as_of);
  for (guint i = 0; decisions != NULL && i < json_array_get_length (decisions); i++)
    {
      JsonObject *decision = json_array_get_object_element (decisions, i);
      JsonNode *referral = json_object_get_member (decision, "referral");

      if (referral != NULL && JSON_NODE_HOLDS_OBJECT (referral))
        add_referral_as_of (json_node_get_object (referral), conference, as_of);
    }
}

static inline gboolean
has_items (GPtrArray *array)
{
  return array != NULL && array->len > 0;
}

static void
build_decision (JsonBuilder            *builder,
                const QuorumConference *conference,
                const QuorumDecision   *decision)
{
  QuorumPlan *plan = NULL;
  QuorumReferral *referral = NULL;

  plan = quorum_conference_find_plan (conference, decision->child_id);
  referral = quorum_conference_find_referral (conference, decision->child_id);

  json_builder_begin_object (builder);

  quorum_json_add_id (builder, "id", decision->id);
  quorum_json_add_int (builder, "child", decision->child_id);
  quorum_json_add_view (builder, "outcome", decision->outcome);
  quorum_json_add_string (builder, "basis", quorum_basis_to_string (decision->basis));
  quorum_json_add_categories (builder, "categories", decision->categories);
  /* Keys only added: "categories" stays as decided; these give them as they stand after an
   * amendment of "decision:ID" and its number (0: none). */
  {
    guint number = 0;
    guint now = quorum_conference_decision_categories_now (conference, decision, &number);

    quorum_json_add_categories (builder, "categories_now", now);
    quorum_json_add_int (builder, "categories_amendment", number);
  }

  json_builder_set_member_name (builder, "tally");
  json_builder_begin_object (builder);
  quorum_json_add_int (builder, "plan", decision->n_plan);
  quorum_json_add_int (builder, "no-plan", decision->n_no_plan);
  quorum_json_add_int (builder, "declined", decision->n_declined);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "dissent");
  json_builder_begin_array (builder);
  for (guint i = 0; decision->dissent != NULL && i < decision->dissent->len; i++)
    {
      const QuorumDissent *dissent = g_ptr_array_index (decision->dissent, i);

      json_builder_begin_object (builder);
      /* What `amend --record dissent:ID` names (null before the decision is stored). */
      quorum_json_add_id (builder, "id", dissent->id);
      quorum_json_add_string (builder, "group", dissent->group);
      quorum_json_add_view (builder, "view", dissent->view);
      quorum_json_add_categories (builder, "categories", dissent->categories);
      quorum_json_add_strv (builder, "representatives", (const char * const *) dissent->representatives);
      quorum_json_add_string (builder, "reason", dissent->reason);
      /* As they stand after sign-off, as the CSV and the PDF give them ("reason" as signed off). */
      {
        guint number = 0;
        const char *now = _quorum_export_dissent_reason_now (conference, decision, dissent, &number);
        g_auto(GStrv) names = NULL;

        add_value_now (builder, "reason", now, number);
        names = quorum_conference_dissent_representatives_now (conference, dissent, &number);
        add_names_now (builder, conference, (const char * const *) names, number);
      }
      /* FALSE when the group settled on the outcome's view and only the representatives named
       * hold this view as their own position: they dissent, the group does not. */
      quorum_json_add_bool (builder, "group_dissents",
                            quorum_conference_dissent_is_group (conference, decision->child_id, dissent));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  /* A plan exactly when the outcome is a plan; a referral exactly on a split. */
  json_builder_set_member_name (builder, "plan");
  if (decision->outcome == QUORUM_VIEW_PLAN && plan != NULL)
    {
      json_builder_begin_object (builder);
      quorum_json_add_int (builder, "id", plan->id);
      quorum_json_add_date (builder, "start", &plan->start);
      quorum_json_add_bool (builder, "from_split", plan->from_split);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "referral");
  if (decision->basis == QUORUM_BASIS_SPLIT && referral != NULL)
    {
      json_builder_begin_object (builder);
      quorum_json_add_int (builder, "id", referral->id);
      quorum_json_add_date (builder, "due", &referral->due);
      quorum_json_add_date (builder, "notified", &referral->notified);
      quorum_json_add_date (builder, "panel_due", &referral->panel_due);
      quorum_json_add_date (builder, "due_working", &referral->due_working);
      quorum_json_add_bool (builder, "sent_late", referral->sent_late);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);

  quorum_json_add_string (builder, "decided_at", decision->decided_at);
  quorum_json_add_string (builder, "decided_by", decision->decided_by);
  /* The chair's own reasons for a decision the chair made (002 §4.1), as recorded; null for any
   * other basis, and for a chair's decision recorded before schema 11 (an amendment may give
   * them since: "amendments"). */
  quorum_json_add_string (builder, "chair_reason", decision->reason);
  if (decision->id > 0)
    {
      g_autofree char *record = record_of ("decision", decision->id);
      const char *records[2] = { record, NULL };
      guint number = 0;
      const char *now = _quorum_export_reason_now (conference, decision->reason, records, &number);

      add_value_now (builder, "chair_reason", now, number);
    }
  else
    add_value_now (builder, "chair_reason", decision->reason, 0);

  /* Who was there for it (DOMAIN "Attendance is a timeline"); absent for a decision taken
   * before the timeline was recorded. */
  if (decision->presence != NULL)
    {

      json_builder_set_member_name (builder, "present");
      json_builder_begin_array (builder);
      for (guint pass = 0; pass < 2; pass++)
        {
          if (pass == 1)
            {
              json_builder_end_array (builder);
              json_builder_set_member_name (builder, "left_before");
              json_builder_begin_array (builder);
            }
          for (guint i = 0; i < decision->presence->len; i++)
            {
              const QuorumPresence *p = &g_array_index (decision->presence, QuorumPresence, i);
              const QuorumAttendee *a = quorum_conference_find_attendee (conference, p->attendee_id);

              if (a == NULL || (p->status == QUORUM_PRESENCE_LEFT) != (pass == 1))
                continue;
              json_builder_begin_object (builder);
              quorum_json_add_int (builder, "id", a->id);
              quorum_json_add_string (builder, "name", a->name);
              add_name_now (builder, conference, a->id, a->name);
              quorum_json_add_string (builder, "group", a->line_management);
              quorum_json_add_bool (builder, "voting", a->voting);
              if (pass == 1)
                {
                  quorum_json_add_string (builder, "left_at", a->left_at);
                  quorum_json_add_bool (builder, "view_given",
                                        !a->voting ||
                                        quorum_conference_find_current_vote (conference, decision->child_id,
                                                                             a->line_management) != NULL);
                }
              json_builder_end_object (builder);
            }
        }
      json_builder_end_array (builder);

      json_builder_set_member_name (builder, "arrived_after");
      json_builder_begin_array (builder);
      for (guint i = 0; conference->attendees != NULL && i < conference->attendees->len; i++)
        {
          const QuorumAttendee *a = g_ptr_array_index (conference->attendees, i);

          if (a->attendance != QUORUM_ATTENDANCE_PRESENT ||
              quorum_conference_presence_at (conference, decision->child_id, a->id, NULL))
            continue;
          json_builder_begin_object (builder);
          quorum_json_add_int (builder, "id", a->id);
          quorum_json_add_string (builder, "name", a->name);
          add_name_now (builder, conference, a->id, a->name);
          quorum_json_add_string (builder, "arrived_at", a->arrived_at);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      /* Groups whose representatives all left before giving a view: they gave none. Core's
       * rule, as the screen and the text and PDF record read it. */
      {
        g_auto(GStrv) without = quorum_conference_left_without_view (conference, decision->child_id);

        quorum_json_add_strv (builder, "left_without_view", (const char * const *) without);
      }
    }

  json_builder_end_object (builder);
}

void
quorum_json_build_challenge (JsonBuilder            *builder,
                             const QuorumConference *conference,
                             const QuorumChallenge  *c)
{
  g_autofree char *words = quorum_challenge_decisions_to_string (c->decisions);
  g_auto(GStrv) list = g_strsplit (words, ",", -1);
  const QuorumPlan *plan = NULL;
  const QuorumReferral *referral = NULL;

  for (guint i = 0; conference->plans != NULL && i < conference->plans->len; i++)
    if (((QuorumPlan *)g_ptr_array_index (conference->plans, i))->id == c->plan_id)
      plan = g_ptr_array_index (conference->plans, i);
  for (guint i = 0; conference->referrals != NULL && i < conference->referrals->len; i++)
    if (((QuorumReferral *)g_ptr_array_index (conference->referrals, i))->id == c->referral_id)
      referral = g_ptr_array_index (conference->referrals, i);

  json_builder_begin_object (builder);
  quorum_json_add_int (builder, "id", c->id);
  quorum_json_add_int (builder, "conference", c->conference_id);
  quorum_json_add_int (builder, "child", c->child_id);
  quorum_json_add_int (builder, "decision", c->decision_id);
  quorum_json_add_string (builder, "agency", c->agency);
  quorum_json_add_string (builder, "raised_by", c->raised_by);
  quorum_json_add_string (builder, "designated_person", c->designated_person);
  quorum_json_add_string (builder, "concern", c->concern);
  quorum_json_add_date (builder, "raised_on", &c->raised_on);
  /* "Immediately": due the day it was raised. */
  quorum_json_add_date (builder, "alert_due", &c->raised_on);
  quorum_json_add_string (builder, "coordinator", c->coordinator);
  quorum_json_add_date (builder, "alerted_on", &c->alerted_on);
  quorum_json_add_bool (builder, "alert_late", quorum_challenge_alert_is_late (c));
  quorum_json_add_string (builder, "status",
                          g_date_valid (&c->decided_on) ? "decided"
                          : g_date_valid (&c->alerted_on) ? "with-coordinator" : "raised");
  quorum_json_add_date (builder, "decided_on", &c->decided_on);
  json_builder_set_member_name (builder, "decisions");
  json_builder_begin_array (builder);
  for (guint i = 0; list[i] != NULL; i++)
    if (*list[i] != '\0')
      json_builder_add_string_value (builder, list[i]);
  json_builder_end_array (builder);
  quorum_json_add_string (builder, "reasons", c->reasons);

  json_builder_set_member_name (builder, "interim_plan");
  if (c->plan_id > 0)
    {
      json_builder_begin_object (builder);
      quorum_json_add_int (builder, "id", c->plan_id);
      if (plan != NULL)
        quorum_json_add_date (builder, "start", &plan->start);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "review_conference");
  if (c->review_conference_id > 0)
    {
      json_builder_begin_object (builder);
      quorum_json_add_int (builder, "id", c->review_conference_id);
      quorum_json_add_date (builder, "date", &c->review_date);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "referral");
  if (c->referral_id > 0)
    {
      json_builder_begin_object (builder);
      quorum_json_add_int (builder, "id", c->referral_id);
      if (referral != NULL)
        {
          quorum_json_add_date (builder, "due", &referral->due);
          quorum_json_add_date (builder, "notified", &referral->notified);
        }
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);

  json_builder_end_object (builder);
}

JsonNode *
quorum_json_decision (const QuorumConference *conference,
                      const QuorumDecision   *decision)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (conference != NULL, NULL);
  g_return_val_if_fail (decision != NULL, NULL);

  build_decision (builder, conference, decision);

  return json_builder_get_root (builder);
}

JsonNode *
quorum_json_conference (const QuorumConference *conference,
                        const QuorumProfile    *profile)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (conference != NULL, NULL);

  json_builder_begin_object (builder);

  quorum_json_add_int (builder, "id", conference->id);
  quorum_json_add_string (builder, "kind", quorum_kind_to_string (conference->kind));
  quorum_json_add_date (builder, "date", &conference->date);
  quorum_json_add_string (builder, "time", conference->time);
  quorum_json_add_string (builder, "venue", conference->venue);
  quorum_json_add_string (builder, "chair", conference->chair);
  quorum_json_add_string (builder, "minute_taker", conference->minute_taker);
  quorum_json_add_string (builder, "case_ref", conference->case_ref);
  {
    g_autofree char *record = record_of ("conference", conference->id);

    add_field_now (builder, "time", conference, record, "time", conference->time);
    add_field_now (builder, "venue", conference, record, "venue", conference->venue);
    add_field_now (builder, "chair", conference, record, "chair", conference->chair);
    add_field_now (builder, "minute_taker", conference, record, "minute_taker", conference->minute_taker);
    add_field_now (builder, "case_ref", conference, record, "case_ref", conference->case_ref);
  }
  quorum_json_add_string (builder, "profile", conference->profile_id);
  quorum_json_add_string (builder, "profile_name", profile != NULL ? profile->name : NULL);
  quorum_json_add_string (builder, "rule", profile != NULL ? quorum_rule_to_string (profile->rule) : NULL);
  quorum_json_add_string (builder, "created_at", conference->created_at);
  quorum_json_add_string (builder, "created_by", conference->created_by);
  quorum_json_add_bool (builder, "finalised", quorum_conference_is_finalised (conference));
  quorum_json_add_string (builder, "finalised_at", conference->finalised_at);
  quorum_json_add_string (builder, "finalised_by", conference->finalised_by);
  quorum_json_add_string (builder, "inquorate_reason", conference->inquorate_reason);
  /* On a shared database: the login who chairs it now, and each time it changed hands
   * (schema 13). Absent on one's own database, which one chair holds. */
  if (conference->chaired_by != NULL)
    {
      quorum_json_add_string (builder, "chaired_by", conference->chaired_by);
      quorum_json_add_string (builder, "chaired_by_name", conference->chaired_by_name);
      json_builder_set_member_name (builder, "handovers");
      json_builder_begin_array (builder);
      for (guint i = 0; has_items (conference->handovers) && i < conference->handovers->len; i++)
        {
          const QuorumHandover *h = g_ptr_array_index (conference->handovers, i);

          json_builder_begin_object (builder);
          quorum_json_add_int (builder, "id", h->id);
          quorum_json_add_string (builder, "from", h->from_chair);
          quorum_json_add_string (builder, "from_name", h->from_name);
          quorum_json_add_string (builder, "to", h->to_chair);
          quorum_json_add_string (builder, "to_name", h->to_name);
          quorum_json_add_string (builder, "reason", h->reason);
          quorum_json_add_string (builder, "at", h->recorded_at);
          quorum_json_add_string (builder, "by", h->recorded_by);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  add_quoracy (builder, conference, profile);
  /* The audit log's seal as the record was read: `verify --seal` proves it later. */
  if (conference->seal != NULL)
    quorum_json_add_string (builder, "seal", conference->seal);

  json_builder_set_member_name (builder, "children");
  json_builder_begin_array (builder);
  for (guint i = 0; has_items (conference->children) && i < conference->children->len; i++)
    {
      const QuorumChild *child = g_ptr_array_index (conference->children, i);

      json_builder_begin_object (builder);
      quorum_json_add_int (builder, "id", child->id);
      quorum_json_add_string (builder, "name", child->name);
      {
        guint number = 0;
        const char *now = quorum_conference_child_name_now (conference, child, &number);

        add_value_now (builder, "name", now, number);
      }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "attendees");
  json_builder_begin_array (builder);
  for (guint i = 0; has_items (conference->attendees) && i < conference->attendees->len; i++)
    {
      const QuorumAttendee *attendee = g_ptr_array_index (conference->attendees, i);

      json_builder_begin_object (builder);
      quorum_json_add_int (builder, "id", attendee->id);
      quorum_json_add_string (builder, "name", attendee->name);
      quorum_json_add_string (builder, "role", attendee->role);
      quorum_json_add_string (builder, "agency", attendee->agency);
      {
        g_autofree char *record = record_of ("attendee", attendee->id);

        add_name_now (builder, conference, attendee->id, attendee->name);
        add_field_now (builder, "role", conference, record, "role", attendee->role);
        add_field_now (builder, "agency", conference, record, "agency", attendee->agency);
      }
      quorum_json_add_string (builder, "line_management", attendee->line_management);
      quorum_json_add_bool (builder, "voting", attendee->voting);
      quorum_json_add_string (builder, "attendance", quorum_attendance_to_string (attendee->attendance));
      quorum_json_add_string (builder, "arrived_at", attendee->arrived_at);
      quorum_json_add_string (builder, "left_at", attendee->left_at);
      quorum_json_add_bool (builder, "present", quorum_attendee_is_present (attendee));
      /* For each decided child: present, left (before it), or arrived after it. */
      json_builder_set_member_name (builder, "decisions");
      json_builder_begin_array (builder);
      for (guint j = 0; has_items (conference->decisions) && j < conference->decisions->len; j++)
        {
          const QuorumDecision *d = g_ptr_array_index (conference->decisions, j);
          QuorumPresenceStatus status;

          if (d->presence == NULL || attendee->attendance != QUORUM_ATTENDANCE_PRESENT)
            continue;
          json_builder_begin_object (builder);
          quorum_json_add_int (builder, "child", d->child_id);
          quorum_json_add_string (builder, "presence",
                                  !quorum_conference_presence_at (conference, d->child_id, attendee->id, &status)
                                    ? "arrived-after"
                                    : status == QUORUM_PRESENCE_LEFT ? "left-before" : "present");
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "attempts");
  json_builder_begin_array (builder);
  for (guint i = 0; has_items (conference->attempts) && i < conference->attempts->len; i++)
    {
      const QuorumAttempt *attempt = g_ptr_array_index (conference->attempts, i);

      json_builder_begin_object (builder);
      quorum_json_add_int (builder, "id", attempt->id);
      quorum_json_add_int (builder, "child", attempt->child_id);
      quorum_json_add_int (builder, "round", attempt->round);
      quorum_json_add_string (builder, "proposal", attempt->proposal);
      quorum_json_add_string (builder, "summary", attempt->summary);
      quorum_json_add_string (builder, "views", attempt->views);
      {
        g_autofree char *record = record_of ("attempt", attempt->id);

        add_field_now (builder, "proposal", conference, record, "proposal", attempt->proposal);
        add_field_now (builder, "summary", conference, record, "summary", attempt->summary);
        add_field_now (builder, "views", conference, record, "views", attempt->views);
      }
      quorum_json_add_view (builder, "agreed", attempt->agreed);
      quorum_json_add_categories (builder, "categories", attempt->categories);
      quorum_json_add_string (builder, "recorded_at", attempt->recorded_at);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "votes");
  json_builder_begin_array (builder);
  for (guint i = 0; has_items (conference->votes) && i < conference->votes->len; i++)
    {
      const QuorumVote *vote = g_ptr_array_index (conference->votes, i);
      g_auto(GStrv) members = quorum_conference_group_members (conference, vote->group);

      json_builder_begin_object (builder);
      quorum_json_add_int (builder, "id", vote->id);
      quorum_json_add_int (builder, "child", vote->child_id);
      quorum_json_add_string (builder, "group", vote->group);
      quorum_json_add_view (builder, "view", vote->view);
      quorum_json_add_categories (builder, "categories", vote->categories);
      quorum_json_add_string (builder, "reason", vote->reason);
      {
        guint number = 0;
        const char *now = _quorum_export_vote_reason_now (conference,
                                                          quorum_conference_find_decision (conference, vote->child_id),
                                                          vote, &number);

        add_value_now (builder, "reason", now, number);
      }
      quorum_json_add_bool (builder, "members_disagreed", vote->members_disagreed);
      quorum_json_add_strv (builder, "representatives", (const char * const *) members);
      add_names_now (builder, conference, (const char * const *) members, 0);
      quorum_json_add_string (builder, "recorded_at", vote->recorded_at);
      quorum_json_add_bool (builder, "superseded", vote->superseded);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  /* History: views as they stood when a later consensus attempt superseded them. */
  json_builder_set_member_name (builder, "superseded_views");
  json_builder_begin_array (builder);
  for (guint i = 0; has_items (conference->superseded_views) && i < conference->superseded_views->len; i++)
    {
      const QuorumSupersededView *v = g_ptr_array_index (conference->superseded_views, i);

      json_builder_begin_object (builder);
      quorum_json_add_int (builder, "id", v->id);
      quorum_json_add_int (builder, "child", v->child_id);
      quorum_json_add_int (builder, "vote", v->vote_id);
      quorum_json_add_string (builder, "group", v->group);
      quorum_json_add_view (builder, "view", v->view);
      quorum_json_add_categories (builder, "categories", v->categories);
      quorum_json_add_string (builder, "reason", v->reason);
      {
        g_autofree char *record = record_of ("vote", v->vote_id);
        const char *records[2] = { record, NULL };
        guint number = 0;
        const char *now = _quorum_export_reason_now (conference, v->reason, records, &number);

        add_value_now (builder, "reason", now, number);
      }
      quorum_json_add_string (builder, "given_at", v->given_at);
      quorum_json_add_int (builder, "superseded_by_round", v->round);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "member_views");
  json_builder_begin_array (builder);
  for (guint i = 0; has_items (conference->member_views) && i < conference->member_views->len; i++)
    {
      const QuorumMemberView *m = g_ptr_array_index (conference->member_views, i);

      json_builder_begin_object (builder);
      quorum_json_add_int (builder, "id", m->id);
      quorum_json_add_int (builder, "child", m->child_id);
      quorum_json_add_int (builder, "attendee", m->attendee_id);
      quorum_json_add_string (builder, "name", m->name);
      add_name_now (builder, conference, m->attendee_id, m->name);
      quorum_json_add_string (builder, "group", m->group);
      quorum_json_add_view (builder, "view", m->view);
      quorum_json_add_categories (builder, "categories", m->categories);
      quorum_json_add_string (builder, "reason", m->reason);
      {
        g_autofree char *record = record_of ("member_view", m->id);
        const char *records[2] = { record, NULL };
        guint number = 0;
        const char *now = _quorum_export_reason_now (conference, m->reason, records, &number);

        add_value_now (builder, "reason", now, number);
      }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "decisions");
  json_builder_begin_array (builder);
  for (guint i = 0; has_items (conference->decisions) && i < conference->decisions->len; i++)
    build_decision (builder, conference, g_ptr_array_index (conference->decisions, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "plans");
  json_builder_begin_array (builder);
  for (guint i = 0; has_items (conference->plans) && i < conference->plans->len; i++)
    {
      const QuorumPlan *plan = g_ptr_array_index (conference->plans, i);

      json_builder_begin_object (builder);
      quorum_json_add_int (builder, "id", plan->id);
      quorum_json_add_int (builder, "child", plan->child_id);
      quorum_json_add_date (builder, "start", &plan->start);
      quorum_json_add_bool (builder, "from_split", plan->from_split);
      quorum_json_add_categories (builder, "categories", plan->categories);
      {
        guint number = 0;
        guint now = quorum_conference_plan_categories_now (conference, plan, &number);

        quorum_json_add_categories (builder, "categories_now", now);
        quorum_json_add_int (builder, "categories_amendment", number);
      }
      /* Its life: reviews and its end (a panel's "plan ended", or a later conference). */
      quorum_json_add_date (builder, "ended", &plan->ended);
      quorum_json_add_string (builder, "ended_by", quorum_plan_end_to_string (plan->ended_by));
      json_builder_set_member_name (builder, "ended_by_conference");
      if (plan->ended_by_conference > 0)
        json_builder_add_int_value (builder, plan->ended_by_conference);
      else
        json_builder_add_null_value (builder);
      quorum_json_add_string (builder, "end_reason", plan->end_reason);
      json_builder_set_member_name (builder, "reviews");
      json_builder_begin_array (builder);
      for (guint j = 0; plan->reviews != NULL && j < plan->reviews->len; j++)
        {
          g_autofree char *iso = quorum_date_to_string (&g_array_index (plan->reviews, GDate, j));

          json_builder_add_string_value (builder, iso);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "referrals");
  json_builder_begin_array (builder);
  for (guint i = 0; has_items (conference->referrals) && i < conference->referrals->len; i++)
    {
      const QuorumReferral *referral = g_ptr_array_index (conference->referrals, i);

      json_builder_begin_object (builder);
      quorum_json_add_int (builder, "id", referral->id);
      quorum_json_add_int (builder, "conference", referral->conference_id > 0 ? referral->conference_id
                                                                  : conference->id);
      quorum_json_add_int (builder, "child", referral->child_id);
      quorum_json_add_date (builder, "due", &referral->due);
      quorum_json_add_date (builder, "notified", &referral->notified);
      quorum_json_add_date (builder, "panel_due", &referral->panel_due);
      quorum_json_add_date (builder, "panel_date", &referral->panel_date);
      quorum_json_add_string (builder, "outcome",
                              referral->outcome != QUORUM_PANEL_NONE
                                ? quorum_panel_outcome_to_string (referral->outcome) : NULL);
      quorum_json_add_string (builder, "outcome_reason", referral->outcome_reason);
      add_referral_life (builder, referral);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "challenges");
  json_builder_begin_array (builder);
  for (guint i = 0; has_items (conference->challenges) && i < conference->challenges->len; i++)
    quorum_json_build_challenge (builder, conference, g_ptr_array_index (conference->challenges, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "amendments");
  json_builder_begin_array (builder);
  for (guint i = 0; has_items (conference->amendments) && i < conference->amendments->len; i++)
    {
      quorum_json_add_amendment (builder, g_ptr_array_index (conference->amendments, i));
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);

  /* Each referral overdue or not as of today, as `referrals` says it (the JSON export: as of the
   * day it was exported). */
  {
    JsonNode *node = json_builder_get_root (builder);
    GDate today;

    g_date_clear (&today, 1);
    quorum_date_today (&today);
    add_referrals_as_of (json_node_get_object (node), conference, &today);
    return node;
  }
}

JsonNode *
quorum_json_dissent_record (const QuorumConference *conference,
                            const QuorumProfile    *profile,
                            const char             *exported_by,
                            GDateTime              *exported_at)
{
  JsonNode *node;
  JsonObject *root;
  g_autofree char *at = NULL;

  g_return_val_if_fail (conference != NULL, NULL);

  /* `conference show` with two keys more, last: every other key stays as it is there. */
  node = quorum_json_conference (conference, profile);
  root = json_node_get_object (node);
  at = _quorum_export_iso8601 (exported_at);

  if (exported_by != NULL)
    json_object_set_string_member (root, "exported_by", exported_by);
  else
    json_object_set_null_member (root, "exported_by");
  json_object_set_string_member (root, "exported_at", at);

  /* Lateness shown, never hidden: each referral overdue or not as of the day of the export. */
  {
    GDate as_of;

    _quorum_export_local_day (exported_at, &as_of);
    add_referrals_as_of (root, conference, &as_of);
  }

  return node;
}
