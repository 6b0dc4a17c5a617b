/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-demo.c: demonstration conferences, written through the store like any other, so a
 * newcomer sees a filled screen. The people and the case are invented. */

#define G_LOG_DOMAIN "quorum-demo"

#include <string.h>

#include <glib/gi18n.h>

#include "quorum-demo.h"
#include "store/quorum-store-difference.h"

#define DEMO_DECIDED_REF "DEMO-BOL-0412"
#define DEMO_LIVE_REF    "DEMO-BOL-0588"

#define CSC    "Bolton Children's Social Care"
#define POLICE "Greater Manchester Police"
#define HV     "Bolton NHS FT Health Visiting"

typedef struct
{
  const char       *name;
  const char       *role;
  const char       *agency;
  const char       *line_management;
  gboolean          voting;
  QuorumAttendance  attendance;
} DemoAttendee;

static const DemoAttendee decided_attendees[] = {
  { "Sarah Okafor", "Social Worker", CSC, CSC, TRUE, QUORUM_ATTENDANCE_PRESENT },
  { "DS Amir Khan", "Detective Sergeant, Public Protection", POLICE, POLICE, TRUE, QUORUM_ATTENDANCE_PRESENT },
  { "Helen Price", "Health Visitor", "Bolton NHS Foundation Trust", HV, TRUE, QUORUM_ATTENDANCE_PRESENT },
  { "Joanne Reid", "Health Visitor", "Bolton NHS Foundation Trust", HV, TRUE, QUORUM_ATTENDANCE_PRESENT },
  { "Claire Dunn", "Designated Safeguarding Lead", "St Peter's CE Primary School", "St Peter's CE Primary School", TRUE, QUORUM_ATTENDANCE_PRESENT },
  { "Dr Rahul Mehta", "General Practitioner", "Chorley Road Surgery", "Chorley Road Surgery", TRUE, QUORUM_ATTENDANCE_PRESENT },
  { "Karen Walsh", "Mother", "Family", "Family", FALSE, QUORUM_ATTENDANCE_PRESENT },
  { "Tom Byrne", "Parent's advocate", "Bolton Parent Advocacy", "Bolton Parent Advocacy", FALSE, QUORUM_ATTENDANCE_PRESENT },
  { "Lisa Grant", "School Nurse", "Bolton NHS Foundation Trust", "Bolton NHS FT School Nursing", TRUE, QUORUM_ATTENDANCE_REPORT_SENT },
};

static const DemoAttendee live_attendees[] = {
  { "Daniel Moore", "Social Worker", CSC, CSC, TRUE, QUORUM_ATTENDANCE_PRESENT },
  { "PC Emma Lyons", "Police Constable, Public Protection", POLICE, POLICE, TRUE, QUORUM_ATTENDANCE_PRESENT },
  { "Ruth Adeyemi", "Health Visitor", "Bolton NHS Foundation Trust", HV, TRUE, QUORUM_ATTENDANCE_PRESENT },
  { "Sophie Hart", "Nursery Manager", "Little Acorns Nursery", "Little Acorns Nursery", TRUE, QUORUM_ATTENDANCE_PRESENT },
  { "Craig Thompson", "Father", "Family", "Family", FALSE, QUORUM_ATTENDANCE_PRESENT },
  { "Dr Anna Lewis", "General Practitioner", "Deane Medical Centre", "Deane Medical Centre", TRUE, QUORUM_ATTENDANCE_APOLOGIES },
};

static gboolean
add_attendees (QuorumStore        *store,
               gint64              conference_id,
               const DemoAttendee *attendees,
               guint               n_attendees,
               GError            **error)
{
  for (guint i = 0; i < n_attendees; i++)
    {
      QuorumAttendeeSpec spec = {
        .name = attendees[i].name,
        .role = attendees[i].role,
        .agency = attendees[i].agency,
        .line_management = attendees[i].line_management,
        .voting = attendees[i].voting,
        .attendance = attendees[i].attendance,
      };

      if (quorum_store_add_attendee (store, conference_id, &spec, error) <= 0)
        return FALSE;
    }

  return TRUE;
}

static gboolean
vote (QuorumStore  *store,
      gint64        conference_id,
      gint64        child_id,
      const char   *group,
      QuorumView    view,
      guint         categories,
      const char   *reason,
      gboolean      members_disagreed,
      GError      **error)
{
  QuorumVoteSpec spec = {
    .child_id = child_id,
    .group = group,
    .view = view,
    .categories = categories,
    .reason = reason,
    .members_disagreed = members_disagreed,
  };

  return quorum_store_record_vote (store, conference_id, &spec, error) > 0;
}

/* @name's own position for @child_id, where their group's representatives could not agree. */
static gboolean
own_position (QuorumStore             *store,
              const QuorumConference  *conference,
              gint64                   child_id,
              const char              *name,
              QuorumView               view,
              guint                    categories,
              const char              *reason,
              GError                 **error)
{
  QuorumMemberViewSpec spec = {
    .child_id = child_id,
    .view = view,
    .categories = categories,
    .reason = reason,
  };

  for (guint i = 0; i < conference->attendees->len && spec.attendee_id == 0; i++)
    {
      const QuorumAttendee *a = g_ptr_array_index (conference->attendees, i);

      if (g_strcmp0 (a->name, name) == 0)
        spec.attendee_id = a->id;
    }
  return quorum_store_record_member_view (store, conference->id, &spec, error) > 0;
}

static gint64
find_demo (QuorumStore  *store,
           const char   *case_ref,
           GError      **error)
{
  g_autoptr(GPtrArray) found = quorum_store_list_conferences (store, case_ref, NULL, NULL, error);

  if (found == NULL)
    return -1;

  for (guint i = 0; i < found->len; i++)
    {
      QuorumConferenceSummary *summary = g_ptr_array_index (found, i);

      if (g_strcmp0 (summary->case_ref, case_ref) == 0)
        return summary->id;
    }

  return 0;
}

static gint64
load_decided (QuorumStore  *store,
              const GDate  *date,
              GError      **error)
{
  static const char * const children[] = { "Lily Walsh", "Jack Walsh", NULL };
  QuorumConferenceSpec spec = {
    .kind = QUORUM_KIND_INITIAL,
    .time = "10:00",
    .venue = "Bolton Town Hall, Room 3",
    .chair = "Margaret Hughes (IRO)",
    .minute_taker = "Priya Shah",
    .case_ref = DEMO_DECIDED_REF,
    .profile_id = "bolton",
    .children = children,
  };
  g_autoptr(QuorumConference) conference = NULL;

  /* Its chair decides and signs, not whoever loads the demonstration. */
  quorum_store_set_signer (store, spec.chair);
  g_autoptr(QuorumOutcome) lily_outcome = NULL;
  g_autoptr(QuorumOutcome) jack_outcome = NULL;
  QuorumAttemptSpec attempt = { 0 };
  gint64 id;
  gint64 lily;
  gint64 jack;
  gint64 plan_id;
  gint64 referral_id;

  spec.date = *date;

  id = quorum_store_create_conference (store, &spec, error);
  if (id <= 0)
    return -1;

  if (!add_attendees (store, id, decided_attendees, G_N_ELEMENTS (decided_attendees), error))
    return -1;

  conference = quorum_store_load_conference (store, id, error);
  if (conference == NULL)
    return -1;
  lily = ((QuorumChild *) g_ptr_array_index (conference->children, 0))->id;
  jack = ((QuorumChild *) g_ptr_array_index (conference->children, 1))->id;

  /* Lily: no consensus, then a two-two split with one group declining. */
  attempt.child_id = lily;
  attempt.proposal = "Lily to become subject of a child protection plan under the category of neglect.";
  attempt.summary = "Agencies discussed missed health appointments, home conditions and school attendance. "
                    "Children's social care and health visiting see chronic neglect; police and school see "
                    "improvement and favour support as a child in need.";
  attempt.views = "Two agencies for a plan, two against; the GP does not feel able to give a view.";
  attempt.agreed = QUORUM_VIEW_NONE;
  if (quorum_store_add_attempt (store, id, &attempt, error) <= 0)
    return -1;

  if (!vote (store, id, lily, CSC, QUORUM_VIEW_PLAN, QUORUM_CATEGORY_NEGLECT | QUORUM_CATEGORY_EMOTIONAL,
             "Lily has missed three health appointments, the home was found without food twice, and her "
             "presentation at school shows chronic neglect. Mother's engagement has not been sustained.",
             FALSE, error) ||
      !vote (store, id, lily, POLICE, QUORUM_VIEW_NO_PLAN, 0,
             "No offence has been identified and neither call-out concerned the children. We think the "
             "family's needs can be met by support as a child in need.",
             FALSE, error) ||
      !vote (store, id, lily, HV, QUORUM_VIEW_PLAN, QUORUM_CATEGORY_NEGLECT,
             "Helen Price considers a plan necessary; Joanne Reid thought child in need support enough. "
             "Having discussed it, the service's view is a plan under neglect.",
             TRUE, error) ||
      /* They could not agree: each one's own position is kept (the decision needs both). */
      !own_position (store, conference, lily, "Helen Price", QUORUM_VIEW_PLAN, QUORUM_CATEGORY_NEGLECT,
                     "Lily's weight has fallen across two centiles and she has missed three health appointments.",
                     error) ||
      !own_position (store, conference, lily, "Joanne Reid", QUORUM_VIEW_NO_PLAN, 0,
                     "Mother has kept every appointment with me since September; support as a child in need is enough.",
                     error) ||
      !vote (store, id, lily, "St Peter's CE Primary School", QUORUM_VIEW_NO_PLAN, 0,
             "Attendance has risen to 94% this term, Lily arrives clean and fed, and mother works with us.",
             FALSE, error) ||
      !vote (store, id, lily, "Chorley Road Surgery", QUORUM_VIEW_DECLINE, 0,
             "The practice has not seen Lily in the last twelve months and cannot give an informed view.",
             FALSE, error))
    return -1;

  lily_outcome = quorum_store_decide (store, id, lily, QUORUM_VIEW_NONE, 0, &plan_id, &referral_id, error);
  if (lily_outcome == NULL)
    return -1;

  /* Jack: every agency agreed. */
  attempt.child_id = jack;
  attempt.proposal = "Jack to become subject of a child protection plan under the category of neglect.";
  attempt.summary = "Missed immunisations and faltering weight since the spring; all agencies agreed the threshold is met.";
  attempt.views = "All agencies agreed.";
  attempt.agreed = QUORUM_VIEW_PLAN;
  attempt.categories = QUORUM_CATEGORY_NEGLECT;
  if (quorum_store_add_attempt (store, id, &attempt, error) <= 0)
    return -1;

  jack_outcome = quorum_store_decide (store, id, jack, QUORUM_VIEW_NONE, 0, &plan_id, &referral_id, error);
  if (jack_outcome == NULL)
    return -1;

  return id;
}

static gint64
load_live (QuorumStore  *store,
           const GDate  *date,
           GError      **error)
{
  static const char * const children[] = { "Mia Thompson", NULL };
  QuorumConferenceSpec spec = {
    .kind = QUORUM_KIND_REVIEW,
    .time = "14:00",
    .venue = "Castle Hill Centre",
    .chair = "Margaret Hughes (IRO)",
    .case_ref = DEMO_LIVE_REF,
    .profile_id = "bolton",
    .children = children,
  };
  g_autoptr(QuorumConference) conference = NULL;
  QuorumAttemptSpec attempt = { 0 };
  gint64 id;
  gint64 mia;

  spec.date = *date;

  id = quorum_store_create_conference (store, &spec, error);
  if (id <= 0)
    return -1;

  if (!add_attendees (store, id, live_attendees, G_N_ELEMENTS (live_attendees), error))
    return -1;

  conference = quorum_store_load_conference (store, id, error);
  if (conference == NULL)
    return -1;
  mia = ((QuorumChild *) g_ptr_array_index (conference->children, 0))->id;

  attempt.child_id = mia;
  attempt.proposal = "Mia to remain subject of a child protection plan under the category of emotional abuse.";
  attempt.summary = "The parents have separated and the domestic abuse incidents have stopped; agencies differ on whether the change is sustained.";
  attempt.agreed = QUORUM_VIEW_NONE;
  if (quorum_store_add_attempt (store, id, &attempt, error) <= 0)
    return -1;

  if (!vote (store, id, mia, CSC, QUORUM_VIEW_PLAN, QUORUM_CATEGORY_EMOTIONAL,
             "Three months without an incident is too short to show the change is sustained.", FALSE, error) ||
      !vote (store, id, mia, POLICE, QUORUM_VIEW_NO_PLAN, 0,
             "No call-outs since the separation and a non-molestation order is in place.", FALSE, error))
    return -1;

  return id;
}

/* ---- every state a newcomer should see (split and referral above, live vote above) ---- */

#define DEMO_MAJORITY_REF "DEMO-BOL-0301"
#define DEMO_CHAIR_REF    "DEMO-BUCKS-0107"
#define DEMO_OVERDUE_REF  "DEMO-BOL-0233"
#define DEMO_HEARD_REF    "DEMO-BOL-0150"

static const DemoAttendee panel_attendees[] = {
  { "Nadia Ellis", "Social Worker", CSC, CSC, TRUE, QUORUM_ATTENDANCE_PRESENT },
  { "DC Paul Reyes", "Detective Constable", POLICE, POLICE, TRUE, QUORUM_ATTENDANCE_PRESENT },
  { "Grace Obi", "Health Visitor", "Bolton NHS Foundation Trust", HV, TRUE, QUORUM_ATTENDANCE_PRESENT },
  { "Ian Shaw", "Head Teacher", "Brookfield Primary School", "Brookfield Primary School", TRUE, QUORUM_ATTENDANCE_PRESENT },
};

static const DemoAttendee bucks_attendees[] = {
  { "Rosa Quinn", "Social Worker", "Buckinghamshire Children's Social Care", "Buckinghamshire Children's Social Care", TRUE, QUORUM_ATTENDANCE_PRESENT },
  { "PC Owen Hale", "Police Constable", "Thames Valley Police", "Thames Valley Police", TRUE, QUORUM_ATTENDANCE_PRESENT },
  { "Meera Das", "Health Visitor", "Buckinghamshire Healthcare NHS Trust", "Buckinghamshire Healthcare NHS Trust", TRUE, QUORUM_ATTENDANCE_PRESENT },
  { "Lucy Green", "Mother", "Family", "Family", FALSE, QUORUM_ATTENDANCE_PRESENT },
};

/* @weekdays working days (Monday to Friday) before @today. */
static void
weekdays_before (const GDate *today,
                 int          weekdays,
                 GDate       *out)
{
  *out = *today;
  while (weekdays > 0)
    {
      g_date_subtract_days (out, 1);
      if (g_date_get_weekday (out) < G_DATE_SATURDAY)
        weekdays--;
    }
}

/* A conference of four groups for one child, each group's view given after a failed attempt
 * at consensus, then decided by the profile's rule. Returns the conference id, or -1; the
 * child's id and the referral's (0: none) in @child_id and @referral_id. */
static gint64
load_voted (QuorumStore         *store,
            const char          *case_ref,
            const char          *profile_id,
            const char          *child_name,
            const GDate         *date,
            const DemoAttendee  *attendees,
            guint                n_attendees,
            const QuorumView    *views,
            QuorumView           chair_view,
            gint64              *child_id,
            gint64              *referral_id,
            GError             **error)
{
  const char * const children[] = { child_name, NULL };
  QuorumConferenceSpec spec = {
    .kind = QUORUM_KIND_INITIAL,
    .time = "10:00",
    .venue = "Bolton Town Hall, Room 1",
    .chair = "Margaret Hughes (IRO)",
    .case_ref = case_ref,
    .profile_id = profile_id,
    .children = children,
  };
  g_autoptr(QuorumConference) conference = NULL;
  g_autoptr(QuorumOutcome) outcome = NULL;
  QuorumAttemptSpec attempt = { 0 };
  gint64 plan_id = 0;
  gint64 id;
  guint n_voters = 0;

  spec.date = *date;
  if (g_strcmp0 (profile_id, "buckinghamshire") == 0)
    {
      spec.venue = "Aylesbury Gateway";
      spec.chair = "Tom Avery (IRO)";
    }

  quorum_store_set_signer (store, spec.chair);
  id = quorum_store_create_conference (store, &spec, error);
  if (id <= 0 || !add_attendees (store, id, attendees, n_attendees, error))
    return -1;
  conference = quorum_store_load_conference (store, id, error);
  if (conference == NULL)
    return -1;
  *child_id = ((QuorumChild *) g_ptr_array_index (conference->children, 0))->id;

  attempt.child_id = *child_id;
  attempt.proposal = "A child protection plan under the category of neglect.";
  attempt.summary = "Agencies discussed the home conditions, school attendance and health appointments.";
  attempt.views = "The agencies could not agree.";
  attempt.agreed = QUORUM_VIEW_NONE;
  if (quorum_store_add_attempt (store, id, &attempt, error) <= 0)
    return -1;

  for (guint i = 0; i < n_attendees; i++)
    {
      if (!attendees[i].voting)
        continue;
      if (!vote (store, id, *child_id, attendees[i].line_management, views[n_voters],
                 views[n_voters] == QUORUM_VIEW_PLAN ? QUORUM_CATEGORY_NEGLECT : 0,
                 views[n_voters] == QUORUM_VIEW_PLAN
                   ? "The home conditions and missed appointments show neglect that support alone has not changed."
                   : "The family has engaged with early help and the concerns are reducing.",
                 FALSE, error))
        return -1;
      n_voters++;
    }

  /* A chair's decision says why (002 §4.1). */
  outcome = quorum_store_decide_with_reason (store, id, *child_id, chair_view,
                                             chair_view == QUORUM_VIEW_PLAN ? QUORUM_CATEGORY_NEGLECT : 0,
                                             chair_view == QUORUM_VIEW_NONE ? NULL
                                             : chair_view == QUORUM_VIEW_PLAN
                                               ? "The neglect at night is not resolved, and only a plan lets the agencies see it is"
                                               : "The family support plan meets the need: the risk the plan views name is being managed without one",
                                             &plan_id, referral_id, error);
  if (outcome == NULL)
    return -1;

  return id;
}

static gboolean
load_states (QuorumStore  *store,
             const GDate  *today,
             GError      **error)
{
  static const QuorumView majority[] = { QUORUM_VIEW_PLAN, QUORUM_VIEW_PLAN, QUORUM_VIEW_PLAN, QUORUM_VIEW_NO_PLAN };
  static const QuorumView split[] = { QUORUM_VIEW_PLAN, QUORUM_VIEW_NO_PLAN, QUORUM_VIEW_PLAN, QUORUM_VIEW_NO_PLAN };
  static const QuorumView chair[] = { QUORUM_VIEW_PLAN, QUORUM_VIEW_NO_PLAN, QUORUM_VIEW_PLAN };
  QuorumAmendmentSpec amendment = {
    .reason = "Corrected at the chair's review of the minutes",
    .change = "The head teacher's name is Ian Shaw, not Ian Shore, as first typed",
    .field = "name",
    .new_value = "Ian Shaw",
  };
  DemoAttendee first_typed[G_N_ELEMENTS (panel_attendees)];
  GDate date;
  GDate sent;
  gint64 child_id;
  gint64 referral_id;
  gint64 id;

  /* A majority, signed off with the head teacher's name mistyped, then corrected by an
   * amendment kept beside the original. */
  if (find_demo (store, DEMO_MAJORITY_REF, error) == 0)
    {
      g_autoptr(QuorumConference) signed_off = NULL;
      g_autofree char *record = NULL;

      memcpy (first_typed, panel_attendees, sizeof first_typed);
      first_typed[3].name = "Ian Shore";
      weekdays_before (today, 15, &date);
      id = load_voted (store, DEMO_MAJORITY_REF, "bolton", "Ella Brooks", &date, first_typed,
                       G_N_ELEMENTS (first_typed), majority, QUORUM_VIEW_NONE, &child_id, &referral_id, error);
      if (id < 0 || !quorum_store_finalise (store, id, error) ||
          (signed_off = quorum_store_load_conference (store, id, error)) == NULL)
        return FALSE;
      for (guint i = 0; i < signed_off->attendees->len; i++)
        {
          const QuorumAttendee *a = g_ptr_array_index (signed_off->attendees, i);

          if (g_strcmp0 (a->name, "Ian Shore") == 0)
            record = g_strdup_printf ("attendee:%" G_GINT64_FORMAT, a->id);
        }
      amendment.record = record;
      if (quorum_store_amend (store, id, &amendment, error) <= 0)
        return FALSE;
    }

  /* The chair decides (Buckinghamshire's rule), with the groups' views minuted. */
  if (find_demo (store, DEMO_CHAIR_REF, error) == 0)
    {
      weekdays_before (today, 4, &date);
      if (load_voted (store, DEMO_CHAIR_REF, "buckinghamshire", "Noah Green", &date, bucks_attendees,
                      G_N_ELEMENTS (bucks_attendees), chair, QUORUM_VIEW_PLAN, &child_id, &referral_id, error) < 0)
        return FALSE;
    }

  /* A split whose referral was never sent: overdue. */
  if (find_demo (store, DEMO_OVERDUE_REF, error) == 0)
    {
      weekdays_before (today, 12, &date);
      if (load_voted (store, DEMO_OVERDUE_REF, "bolton", "Oliver Price", &date, panel_attendees,
                      G_N_ELEMENTS (panel_attendees), split, QUORUM_VIEW_NONE, &child_id, &referral_id, error) < 0)
        return FALSE;
    }

  /* A split whose referral was sent and heard: the panel confirmed the plan. */
  if (find_demo (store, DEMO_HEARD_REF, error) == 0)
    {
      weekdays_before (today, 30, &date);
      id = load_voted (store, DEMO_HEARD_REF, "bolton", "Freya Hall", &date, panel_attendees,
                       G_N_ELEMENTS (panel_attendees), split, QUORUM_VIEW_NONE, &child_id, &referral_id, error);
      if (id < 0)
        return FALSE;
      weekdays_before (today, 27, &sent);
      weekdays_before (today, 10, &date);
      if (!quorum_store_notify_referral (store, referral_id, &sent, error) ||
          !quorum_store_record_panel (store, referral_id, &date, QUORUM_PANEL_PLAN_CONFIRMED,
                                      "The panel agreed the threshold for a plan is met.", error))
        return FALSE;
    }

  return TRUE;
}

/* Professional differences: one just raised, one discussed and escalated, one at immediate risk,
 * one resolved. Loaded once: any difference in the database means they are there. */
static gboolean
load_differences (QuorumStore  *store,
                  const GDate  *today,
                  GError      **error)
{
  g_autoptr(GPtrArray) existing = quorum_store_list_differences (store, NULL, error);
  QuorumDifferenceSpec spec = {
    .profile_id = "bradford",
    .raised_by = "Hana Visitor",
    .role = "Health Visitor",
    .agency = "Bradford Teaching Hospitals NHS Trust",
    .against = "Bradford Children's Social Care",
    .against_decision = "No further action on the referral",
    .area = QUORUM_AREA_THRESHOLDS,
    .outcome_sought = "A strategy meeting",
  };
  QuorumDifferenceNoteSpec note = {
    .participants = "Hana Visitor, Sam Team-Manager",
    .summary = "The health visitor's concerns were heard; social care kept its decision.",
  };
  QuorumResolutionSpec resolution = {
    .outcome = "A strategy meeting was held and a section 47 enquiry opened",
  };
  g_autoptr(QuorumDifferenceStage) stage = NULL;
  gint64 id;

  if (existing == NULL)
    return FALSE;
  if (existing->len > 0)
    return TRUE;

  /* Raised today: stage 1. */
  weekdays_before (today, 0, &spec.date);
  spec.child = "Amir Hussain";
  if (quorum_store_raise_difference (store, &spec, error) <= 0)
    return FALSE;

  /* Discussed at stage 1, escalated to stage 2. */
  weekdays_before (today, 6, &spec.date);
  spec.child = "Leah Morris";
  spec.agency = "Bradford Academy";
  spec.raised_by = "Jo Teacher";
  spec.role = "Designated Safeguarding Lead";
  if ((id = quorum_store_raise_difference (store, &spec, error)) <= 0)
    return FALSE;
  weekdays_before (today, 4, &note.date);
  if (quorum_store_record_difference_note (store, id, &note, error) <= 0)
    return FALSE;
  stage = quorum_store_escalate_difference (store, id, &note.date, "Not resolved at the first stage", error);
  if (stage == NULL)
    return FALSE;

  /* Immediate risk: due the same day. */
  weekdays_before (today, 0, &spec.date);
  spec.child = "Kai Robinson";
  spec.agency = "West Yorkshire Police";
  spec.raised_by = "DS Lena Ward";
  spec.role = "Detective Sergeant";
  spec.immediate_risk = TRUE;
  spec.outcome_sought = "The child is seen today";
  if (quorum_store_raise_difference (store, &spec, error) <= 0)
    return FALSE;

  /* Resolved. */
  weekdays_before (today, 15, &spec.date);
  spec.child = "Maya Patel";
  spec.agency = "Bradford Teaching Hospitals NHS Trust";
  spec.raised_by = "Hana Visitor";
  spec.role = "Health Visitor";
  spec.immediate_risk = FALSE;
  spec.outcome_sought = "A strategy meeting";
  if ((id = quorum_store_raise_difference (store, &spec, error)) <= 0)
    return FALSE;
  weekdays_before (today, 12, &note.date);
  if (quorum_store_record_difference_note (store, id, &note, error) <= 0)
    return FALSE;
  weekdays_before (today, 10, &resolution.date);
  if (!quorum_store_resolve_difference (store, id, &resolution, error))
    return FALSE;

  return TRUE;
}

static gboolean load_all (QuorumStore  *store,
                          gint64       *decided_id,
                          gint64       *live_id,
                          GError      **error);

gboolean
quorum_demo_load (QuorumStore  *store,
                  gint64       *decided_id,
                  gint64       *live_id,
                  GError      **error)
{
  g_autofree char *signer = NULL;
  gboolean loaded;

  g_return_val_if_fail (QUORUM_IS_STORE (store), FALSE);

  /* Invented children have no place in an authority's shared record, where nothing is ever
   * deleted; and a chair may not record the Head of Service's part of the demo there (the
   * server refused it half way, after the first conferences were written). */
  if (quorum_store_is_shared (store))
    {
      g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                           _("The demonstration conferences are for a database of your own, not the authority's shared record: nothing was written"));
      return FALSE;
    }

  /* Each demonstration conference is decided and signed by its own chair; the person's name
   * is theirs again afterwards. */
  signer = g_strdup (quorum_store_get_signer (store));
  loaded = load_all (store, decided_id, live_id, error);
  quorum_store_set_signer (store, signer);

  return loaded;
}

static gboolean
load_all (QuorumStore  *store,
          gint64       *decided_id,
          gint64       *live_id,
          GError      **error)
{
  GDate today;
  GDate earlier;
  gint64 decided;
  gint64 live;

  quorum_date_today (&today);

  /* The decided conference met two weekdays ago: its referral is still running. */
  earlier = today;
  for (int weekdays = 0; weekdays < 2; )
    {
      g_date_subtract_days (&earlier, 1);
      if (g_date_get_weekday (&earlier) < G_DATE_SATURDAY)
        weekdays++;
    }

  decided = find_demo (store, DEMO_DECIDED_REF, error);
  if (decided < 0)
    return FALSE;
  if (decided == 0 && (decided = load_decided (store, &earlier, error)) < 0)
    return FALSE;

  live = find_demo (store, DEMO_LIVE_REF, error);
  if (live < 0)
    return FALSE;
  if (live == 0 && (live = load_live (store, &today, error)) < 0)
    return FALSE;

  if (!load_states (store, &today, error) || !load_differences (store, &today, error))
    return FALSE;

  if (decided_id != NULL)
    *decided_id = decided;
  if (live_id != NULL)
    *live_id = live;

  return TRUE;
}
