/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-demo.c: demonstration conferences, written through the store like any other, so a
 * newcomer sees a filled screen. The people and the case are invented. */

#define G_LOG_DOMAIN "quorum-demo"

#include <glib/gi18n.h>

#include "quorum-demo.h"

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

gboolean
quorum_demo_load (QuorumStore  *store,
                  gint64       *decided_id,
                  gint64       *live_id,
                  GError      **error)
{
  GDate today;
  GDate earlier;
  gint64 decided;
  gint64 live;

  g_return_val_if_fail (QUORUM_IS_STORE (store), FALSE);

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

  if (decided_id != NULL)
    *decided_id = decided;
  if (live_id != NULL)
    *live_id = live;

  return TRUE;
}
