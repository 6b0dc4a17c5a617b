/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-decision.c: the rules of "Reaching a decision", one test per rule, on the shipped profiles. */

#include <stdio.h>
#include <string.h>

#include "quorum/quorum.h"

/* The line-management structures of a typical Bolton conference. */
#define CSC     "Bolton Children's Services"
#define HEALTH  "Bolton NHS FT Health Visiting"
#define POLICE  "GMP Public Protection"
#define SCHOOL  "St Mary's Primary School"
#define GP      "Spa Road Medical Practice"

static QuorumProfile *
load_profile (const char *id)
{
  g_autoptr(GError) error = NULL;
  QuorumProfile *profile = quorum_profiles_lookup (id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (profile);
  return profile;
}

static void
set_iso (GDate      *date,
         const char *iso)
{
  int y;
  int m;
  int d;

  g_assert_cmpint (sscanf (iso, "%d-%d-%d", &y, &m, &d), ==, 3);
  g_date_clear (date, 1);
  g_date_set_dmy (date, d, m, y);
  g_assert_true (g_date_valid (date));
}

static char *
iso_of (const GDate *date)
{
  char buf[16];

  if (!g_date_valid (date))
    return g_strdup ("(invalid)");
  g_date_strftime (buf, sizeof buf, "%Y-%m-%d", date);
  return g_strdup (buf);
}

#define assert_date(date, expected) \
  G_STMT_START { \
    g_autofree char *_iso = iso_of (date); \
    g_assert_cmpstr (_iso, ==, expected); \
  } G_STMT_END

/* Builder: a conference on @date with no one in it yet. */
static QuorumConference *
conference_new (const char *date)
{
  QuorumConference *conference = quorum_conference_new ();

  conference->id = 1;
  conference->kind = QUORUM_KIND_INITIAL;
  set_iso (&conference->date, date);
  conference->chair = g_strdup ("R. Okafor");
  conference->profile_id = g_strdup ("bolton");
  return conference;
}

static gint64
add_child (QuorumConference *conference,
           const char       *name)
{
  QuorumChild *child = g_new0 (QuorumChild, 1);

  child->id = conference->children->len + 10;
  child->name = g_strdup (name);
  g_ptr_array_add (conference->children, child);
  return child->id;
}

static QuorumAttendee *
add_person (QuorumConference *conference,
            const char       *name,
            const char       *agency,
            const char       *line_management,
            gboolean          voting,
            QuorumAttendance  attendance)
{
  QuorumAttendee *attendee = g_new0 (QuorumAttendee, 1);

  attendee->id = conference->attendees->len + 100;
  attendee->name = g_strdup (name);
  attendee->agency = g_strdup (agency);
  attendee->line_management = g_strdup (line_management);
  attendee->voting = voting;
  attendee->attendance = attendance;
  g_ptr_array_add (conference->attendees, attendee);
  return attendee;
}

static void
add_attendee (QuorumConference *conference,
              const char       *name,
              const char       *agency,
              const char       *line_management)
{
  add_person (conference, name, agency, line_management, TRUE, QUORUM_ATTENDANCE_PRESENT);
}

/* Children's social care, two health visitors of one trust, the police and a school: quorate. */
static void
add_usual_attendees (QuorumConference *conference)
{
  add_attendee (conference, "S. Patel", "Bolton Children's Social Care", CSC);
  add_attendee (conference, "J. Brown", "Bolton NHS Foundation Trust", HEALTH);
  add_attendee (conference, "M. Green", "Bolton NHS Foundation Trust", HEALTH);
  add_attendee (conference, "A. Khan", "Greater Manchester Police", POLICE);
  add_attendee (conference, "L. Wood", "St Mary's Primary School", SCHOOL);
  add_person (conference, "Ms Smith", "Family", "Family", FALSE, QUORUM_ATTENDANCE_PRESENT);
}

static void add_attempt (QuorumConference *conference, gint64 child_id, int round, QuorumView agreed, guint categories);

/* Records a view as the store would, after quorum_check_vote accepts it. */
static void
vote (QuorumConference *conference,
      gint64            child_id,
      const char       *group,
      QuorumView        view,
      guint             categories,
      const char       *reason)
{
  g_autoptr(GError) error = NULL;
  QuorumVote *existing;

  /* A dissenting view needs its reason: where a test does not look at a group's reasons,
   * these words stand in for them. */
  if (reason == NULL && (view == QUORUM_VIEW_PLAN || view == QUORUM_VIEW_NO_PLAN))
    reason = "As discussed at the conference.";

  /* The vote is a last resort: a conference votes after an attempt that reached no consensus. */
  if (quorum_conference_last_attempt (conference, child_id) == NULL)
    add_attempt (conference, child_id, 1, QUORUM_VIEW_NONE, 0);

  g_assert_true (quorum_check_vote (conference, child_id, group, view, categories, reason, &error));
  g_assert_no_error (error);

  existing = quorum_conference_find_vote (conference, child_id, group);
  if (existing == NULL)
    {
      existing = g_new0 (QuorumVote, 1);
      existing->id = conference->votes->len + 1000;
      existing->child_id = child_id;
      existing->group = g_strdup (group);
      g_ptr_array_add (conference->votes, existing);
    }

  existing->view = view;
  existing->categories = categories;
  g_free (existing->reason);
  existing->reason = g_strdup (reason);
}

/* Records a view without the checks: a row from before an attendee left or was marked absent. */
static void
vote_unchecked (QuorumConference *conference,
                gint64            child_id,
                const char       *group,
                QuorumView        view,
                guint             categories,
                const char       *reason)
{
  QuorumVote *row = g_new0 (QuorumVote, 1);

  row->child_id = child_id;
  row->group = g_strdup (group);
  row->view = view;
  row->categories = categories;
  row->reason = g_strdup (reason);
  g_ptr_array_add (conference->votes, row);
}

static void
add_attempt (QuorumConference *conference,
             gint64            child_id,
             int               round,
             QuorumView        agreed,
             guint             categories)
{
  QuorumAttempt *attempt = g_new0 (QuorumAttempt, 1);

  attempt->child_id = child_id;
  attempt->round = round;
  attempt->summary = g_strdup ("Discussed the chronology and the school's report.");
  attempt->agreed = agreed;
  attempt->categories = categories;
  g_ptr_array_add (conference->attempts, attempt);
}

/* Stores @outcome as the child's decision, so that later calls see the child as decided. */
static void
record_decision (QuorumConference    *conference,
                 const QuorumOutcome *outcome)
{
  QuorumDecision *decision = g_new0 (QuorumDecision, 1);

  decision->child_id = outcome->child_id;
  decision->outcome = outcome->outcome;
  decision->basis = outcome->basis;
  decision->dissent = g_ptr_array_new_with_free_func ((GDestroyNotify) quorum_dissent_free);
  g_ptr_array_add (conference->decisions, decision);
}

static QuorumOutcome *
decide_ok (QuorumConference *conference,
           QuorumProfile    *profile,
           QuorumCalendar   *calendar,
           gint64            child_id,
           QuorumView        chair_view,
           guint             chair_categories)
{
  g_autoptr(GError) error = NULL;
  QuorumOutcome *outcome;

  outcome = quorum_decide (conference, profile, calendar, child_id, chair_view, chair_categories, &error);
  g_assert_no_error (error);
  g_assert_nonnull (outcome);
  g_assert_cmpint (outcome->child_id, ==, child_id);
  return outcome;
}

static void
assert_decide_fails (QuorumConference *conference,
                     QuorumProfile    *profile,
                     QuorumCalendar   *calendar,
                     gint64            child_id,
                     QuorumView        chair_view,
                     int               code,
                     const char       *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumOutcome) outcome = NULL;

  outcome = quorum_decide (conference, profile, calendar, child_id, chair_view, 0, &error);
  g_assert_null (outcome);
  g_assert_error (error, QUORUM_ERROR, code);
  g_assert_null (strchr (error->message, '\n'));
  if (fragment != NULL && strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not say “%s”", error->message, fragment);
}

static void
assert_vote_fails (QuorumConference *conference,
                   gint64            child_id,
                   const char       *group,
                   QuorumView        view,
                   guint             categories,
                   const char       *reason,
                   int               code,
                   const char       *fragment)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (quorum_check_vote (conference, child_id, group, view, categories, reason, &error));
  g_assert_error (error, QUORUM_ERROR, code);
  g_assert_null (strchr (error->message, '\n'));
  if (fragment != NULL && strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not say “%s”", error->message, fragment);
}

static const QuorumDissent *
dissent_at (const QuorumOutcome *outcome,
            guint                i)
{
  g_assert_nonnull (outcome->dissent);
  g_assert_cmpuint (i, <, outcome->dissent->len);
  return g_ptr_array_index (outcome->dissent, i);
}

/* The decision is taken per child: siblings can differ. */
static void
test_bolton_decision_is_per_child (void)
{
  g_autoptr(QuorumProfile) profile = load_profile ("bolton");
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (QUORUM_REGION_ENGLAND_WALES);
  g_autoptr(QuorumConference) conference = conference_new ("2026-11-20");
  g_autoptr(QuorumOutcome) older = NULL;
  g_autoptr(QuorumOutcome) younger = NULL;
  gint64 amy;
  gint64 ben;

  amy = add_child (conference, "Amy");
  ben = add_child (conference, "Ben");
  add_usual_attendees (conference);

  vote (conference, amy, CSC, QUORUM_VIEW_PLAN, QUORUM_CATEGORY_NEGLECT, NULL);
  vote (conference, amy, HEALTH, QUORUM_VIEW_PLAN, QUORUM_CATEGORY_NEGLECT, NULL);
  vote (conference, amy, POLICE, QUORUM_VIEW_PLAN, QUORUM_CATEGORY_EMOTIONAL, NULL);
  vote (conference, amy, SCHOOL, QUORUM_VIEW_NO_PLAN, 0, "Amy is thriving at school.");

  vote (conference, ben, CSC, QUORUM_VIEW_NO_PLAN, 0, "Ben lives with his father.");
  vote (conference, ben, HEALTH, QUORUM_VIEW_NO_PLAN, 0, NULL);
  vote (conference, ben, POLICE, QUORUM_VIEW_NO_PLAN, 0, NULL);
  vote (conference, ben, SCHOOL, QUORUM_VIEW_PLAN, QUORUM_CATEGORY_NEGLECT, "Ben is often hungry.");

  older = decide_ok (conference, profile, calendar, amy, QUORUM_VIEW_NONE, 0);
  record_decision (conference, older);
  younger = decide_ok (conference, profile, calendar, ben, QUORUM_VIEW_NONE, 0);

  g_assert_cmpint (older->outcome, ==, QUORUM_VIEW_PLAN);
  g_assert_cmpint (older->basis, ==, QUORUM_BASIS_MAJORITY);
  g_assert_cmpint (older->n_plan, ==, 3);
  g_assert_cmpint (older->n_no_plan, ==, 1);
  g_assert_cmpuint (older->categories, ==, QUORUM_CATEGORY_NEGLECT | QUORUM_CATEGORY_EMOTIONAL);
  g_assert_true (older->creates_plan);
  g_assert_cmpuint (older->dissent->len, ==, 1);
  g_assert_cmpstr (dissent_at (older, 0)->group, ==, SCHOOL);

  g_assert_cmpint (younger->outcome, ==, QUORUM_VIEW_NO_PLAN);
  g_assert_cmpint (younger->basis, ==, QUORUM_BASIS_MAJORITY);
  g_assert_cmpint (younger->n_plan, ==, 1);
  g_assert_cmpint (younger->n_no_plan, ==, 3);
  g_assert_cmpuint (younger->categories, ==, QUORUM_CATEGORY_NONE);
  g_assert_false (younger->creates_plan);
  g_assert_cmpuint (younger->dissent->len, ==, 1);
  g_assert_cmpstr (dissent_at (younger, 0)->group, ==, SCHOOL);
  g_assert_cmpstr (dissent_at (younger, 0)->reason, ==, "Ben is often hungry.");

  /* Amy's decision does not stop Ben's, but Amy cannot be decided twice. */
  assert_decide_fails (conference, profile, calendar, amy, QUORUM_VIEW_NONE,
                       QUORUM_ERROR_INVALID, "Amy");
}

/* The vote: representatives who share a line-management structure give one view between them. */
static void
test_bolton_one_view_per_group (void)
{
  g_autoptr(QuorumProfile) profile = load_profile ("bolton");
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (QUORUM_REGION_ENGLAND_WALES);
  g_autoptr(QuorumConference) conference = conference_new ("2026-11-20");
  g_autoptr(QuorumOutcome) outcome = NULL;
  g_auto(GStrv) groups = NULL;
  g_auto(GStrv) members = NULL;
  g_autofree char *normal = NULL;
  gint64 child;

  child = add_child (conference, "Amy");
  add_attendee (conference, "S. Patel", "Bolton Children's Social Care", CSC);
  add_attendee (conference, "J. Brown", "Bolton NHS Foundation Trust", "Bolton NHS FT Health Visiting");
  add_attendee (conference, "M. Green", "Bolton NHS Foundation Trust", "  bolton NHS ft   HEALTH visiting ");
  add_attendee (conference, "A. Khan", "Greater Manchester Police", POLICE);

  groups = quorum_conference_list_groups (conference);
  g_assert_cmpuint (g_strv_length (groups), ==, 3);
  g_assert_cmpstr (groups[0], ==, CSC);
  g_assert_cmpstr (groups[1], ==, "Bolton NHS FT Health Visiting");  /* the first spelling */
  g_assert_cmpstr (groups[2], ==, POLICE);

  members = quorum_conference_group_members (conference, "BOLTON NHS FT HEALTH VISITING");
  g_assert_cmpuint (g_strv_length (members), ==, 2);
  g_assert_cmpstr (members[0], ==, "J. Brown");
  g_assert_cmpstr (members[1], ==, "M. Green");

  normal = quorum_group_normalize ("  Bolton\tNHS  FT Health Visiting\n");
  g_assert_cmpstr (normal, ==, "bolton nhs ft health visiting");
  g_assert_true (quorum_group_equal ("Bolton NHS FT Health Visiting", "bolton  nhs ft health  visiting"));
  /* NFKC: a no-break space and a full-width letter are the same structure. */
  g_assert_true (quorum_group_equal ("GMP\u00a0Public Protection", "\uff27MP public protection"));
  g_assert_false (quorum_group_equal (CSC, POLICE));

  /* The group's second view replaces its first: it never votes twice. */
  vote (conference, child, CSC, QUORUM_VIEW_PLAN, QUORUM_CATEGORY_PHYSICAL, NULL);
  vote (conference, child, "bolton nhs ft health visiting", QUORUM_VIEW_NO_PLAN, 0, "First thoughts.");
  vote (conference, child, "Bolton NHS FT Health Visiting", QUORUM_VIEW_PLAN, QUORUM_CATEGORY_PHYSICAL, NULL);
  vote (conference, child, POLICE, QUORUM_VIEW_NO_PLAN, 0, "No injuries were found.");
  g_assert_cmpuint (conference->votes->len, ==, 3);

  outcome = decide_ok (conference, profile, calendar, child, QUORUM_VIEW_NONE, 0);
  g_assert_cmpint (outcome->n_plan, ==, 2);
  g_assert_cmpint (outcome->n_no_plan, ==, 1);
  g_assert_cmpint (outcome->outcome, ==, QUORUM_VIEW_PLAN);
  g_assert_cmpint (outcome->basis, ==, QUORUM_BASIS_MAJORITY);
  g_assert_cmpuint (outcome->dissent->len, ==, 1);
  g_assert_cmpstr (dissent_at (outcome, 0)->group, ==, POLICE);
}

/* Parents, family and advocates attend but do not vote. */
static void
test_bolton_non_voting_never_count (void)
{
  g_autoptr(QuorumProfile) profile = load_profile ("bolton");
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (QUORUM_REGION_ENGLAND_WALES);
  g_autoptr(QuorumConference) conference = conference_new ("2026-11-20");
  g_autoptr(QuorumOutcome) outcome = NULL;
  g_autoptr(QuorumQuoracy) quoracy = NULL;
  g_auto(GStrv) groups = NULL;
  g_auto(GStrv) members = NULL;
  gint64 child;

  child = add_child (conference, "Amy");
  add_attendee (conference, "S. Patel", "Bolton Children's Social Care", CSC);
  add_attendee (conference, "A. Khan", "Greater Manchester Police", POLICE);
  add_attendee (conference, "L. Wood", "St Mary's Primary School", SCHOOL);
  add_person (conference, "Ms Smith", "Family", "Family", FALSE, QUORUM_ATTENDANCE_PRESENT);
  add_person (conference, "P. Advocate", "Advocacy Service", "Advocacy Service", FALSE, QUORUM_ATTENDANCE_PRESENT);
  /* A non-voting attendee sharing a professional's structure adds no member to it. */
  add_person (conference, "T. Minutes", "Bolton Children's Social Care", CSC, FALSE, QUORUM_ATTENDANCE_PRESENT);

  groups = quorum_conference_list_groups (conference);
  g_assert_cmpuint (g_strv_length (groups), ==, 3);
  g_assert_false (g_strv_contains ((const char * const *) groups, "Family"));
  g_assert_false (g_strv_contains ((const char * const *) groups, "Advocacy Service"));
  members = quorum_conference_group_members (conference, CSC);
  g_assert_cmpuint (g_strv_length (members), ==, 1);
  g_assert_cmpstr (members[0], ==, "S. Patel");

  assert_vote_fails (conference, child, "Family", QUORUM_VIEW_NO_PLAN, 0, NULL,
                     QUORUM_ERROR_INVALID, "No one who reports through “Family” is present with a vote");

  /* The family's and the advocate's agencies do not make the conference quorate. */
  quoracy = quorum_quoracy_check (conference, profile);
  g_assert_cmpint (quoracy->n_other_agencies, ==, 2);

  /* A view stored under a non-voting structure is ignored. */
  vote (conference, child, CSC, QUORUM_VIEW_PLAN, QUORUM_CATEGORY_NEGLECT, NULL);
  vote (conference, child, POLICE, QUORUM_VIEW_NO_PLAN, 0, NULL);
  vote (conference, child, SCHOOL, QUORUM_VIEW_PLAN, QUORUM_CATEGORY_NEGLECT, NULL);
  vote_unchecked (conference, child, "Family", QUORUM_VIEW_NO_PLAN, 0, "We disagree.");
  vote_unchecked (conference, child, "Advocacy Service", QUORUM_VIEW_NO_PLAN, 0, NULL);

  outcome = decide_ok (conference, profile, calendar, child, QUORUM_VIEW_NONE, 0);
  g_assert_cmpint (outcome->n_plan, ==, 2);
  g_assert_cmpint (outcome->n_no_plan, ==, 1);
  g_assert_cmpint (outcome->basis, ==, QUORUM_BASIS_MAJORITY);
  g_assert_cmpuint (outcome->dissent->len, ==, 1);
  g_assert_cmpstr (dissent_at (outcome, 0)->group, ==, POLICE);
}

/* Apologies and written reports are recorded, but only those present vote. */
static void
test_bolton_absent_never_count (void)
{
  g_autoptr(QuorumProfile) profile = load_profile ("bolton");
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (QUORUM_REGION_ENGLAND_WALES);
  g_autoptr(QuorumConference) conference = conference_new ("2026-11-20");
  g_autoptr(QuorumOutcome) outcome = NULL;
  g_autoptr(QuorumQuoracy) quoracy = NULL;
  g_auto(GStrv) groups = NULL;
  g_auto(GStrv) members = NULL;
  QuorumAttendee *teacher;
  gint64 child;

  child = add_child (conference, "Amy");
  add_attendee (conference, "S. Patel", "Bolton Children's Social Care", CSC);
  add_attendee (conference, "A. Khan", "Greater Manchester Police", POLICE);
  add_attendee (conference, "J. Brown", "Bolton NHS Foundation Trust", HEALTH);
  add_person (conference, "M. Green", "Bolton NHS Foundation Trust", HEALTH, TRUE, QUORUM_ATTENDANCE_APOLOGIES);
  add_person (conference, "Dr Jones", "Spa Road Medical Practice", GP, TRUE, QUORUM_ATTENDANCE_REPORT_SENT);
  teacher = add_person (conference, "L. Wood", "St Mary's Primary School", SCHOOL, TRUE, QUORUM_ATTENDANCE_PRESENT);

  /* The school gives its view, then its only representative is marked as having sent apologies. */
  vote (conference, child, SCHOOL, QUORUM_VIEW_NO_PLAN, 0, "Attendance is good.");
  teacher->attendance = QUORUM_ATTENDANCE_APOLOGIES;

  groups = quorum_conference_list_groups (conference);
  g_assert_cmpuint (g_strv_length (groups), ==, 3);
  g_assert_false (g_strv_contains ((const char * const *) groups, GP));
  g_assert_false (g_strv_contains ((const char * const *) groups, SCHOOL));
  members = quorum_conference_group_members (conference, HEALTH);
  g_assert_cmpuint (g_strv_length (members), ==, 1);
  g_assert_cmpstr (members[0], ==, "J. Brown");

  assert_vote_fails (conference, child, GP, QUORUM_VIEW_PLAN, 0, NULL,
                     QUORUM_ERROR_INVALID, "is present with a vote");
  assert_vote_fails (conference, child, SCHOOL, QUORUM_VIEW_PLAN, 0, NULL,
                     QUORUM_ERROR_INVALID, SCHOOL);

  quoracy = quorum_quoracy_check (conference, profile);
  g_assert_cmpint (quoracy->n_other_agencies, ==, 2);  /* police and the trust; not the GP or school */

  vote (conference, child, CSC, QUORUM_VIEW_PLAN, QUORUM_CATEGORY_PHYSICAL, NULL);
  vote (conference, child, POLICE, QUORUM_VIEW_PLAN, QUORUM_CATEGORY_PHYSICAL, NULL);
  vote (conference, child, HEALTH, QUORUM_VIEW_NO_PLAN, 0, "The bruise was explained.");
  vote_unchecked (conference, child, GP, QUORUM_VIEW_NO_PLAN, 0, "Written report: no concerns.");

  outcome = decide_ok (conference, profile, calendar, child, QUORUM_VIEW_NONE, 0);
  g_assert_cmpint (outcome->n_plan, ==, 2);
  g_assert_cmpint (outcome->n_no_plan, ==, 1);  /* the school's and the GP's views cannot count */
  g_assert_cmpint (outcome->outcome, ==, QUORUM_VIEW_PLAN);
  g_assert_cmpint (outcome->basis, ==, QUORUM_BASIS_MAJORITY);
  g_assert_cmpuint (outcome->dissent->len, ==, 1);
  g_assert_cmpstr (dissent_at (outcome, 0)->group, ==, HEALTH);
}

/* A group may decline to give a view: recorded with its reason, it does not count. */
static void
test_bolton_declined_not_counted (void)
{
  g_autoptr(QuorumProfile) profile = load_profile ("bolton");
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (QUORUM_REGION_ENGLAND_WALES);
  g_autoptr(QuorumConference) conference = conference_new ("2026-11-20");
  g_autoptr(QuorumOutcome) outcome = NULL;
  gint64 child;

  child = add_child (conference, "Amy");
  add_usual_attendees (conference);

  vote (conference, child, CSC, QUORUM_VIEW_PLAN, QUORUM_CATEGORY_NEGLECT, NULL);
  vote (conference, child, HEALTH, QUORUM_VIEW_PLAN, QUORUM_CATEGORY_NEGLECT, NULL);
  vote (conference, child, POLICE, QUORUM_VIEW_DECLINE, 0, "We have had no contact with the family.");
  vote (conference, child, SCHOOL, QUORUM_VIEW_DECLINE, 0, "New to the school this week.");

  outcome = decide_ok (conference, profile, calendar, child, QUORUM_VIEW_NONE, 0);
  g_assert_cmpint (outcome->n_plan, ==, 2);
  g_assert_cmpint (outcome->n_no_plan, ==, 0);
  g_assert_cmpint (outcome->n_declined, ==, 2);
  g_assert_cmpint (outcome->outcome, ==, QUORUM_VIEW_PLAN);
  g_assert_cmpint (outcome->basis, ==, QUORUM_BASIS_MAJORITY);
  /* Declining is not dissent. */
  g_assert_cmpuint (outcome->dissent->len, ==, 0);
  g_assert_false (outcome->creates_referral);
}

/* Consensus: the latest attempt's agreement is the decision; no dissent. */
static void
test_consensus (void)
{
  g_autoptr(QuorumProfile) bolton = load_profile ("bolton");
  g_autoptr(QuorumProfile) bucks = load_profile ("buckinghamshire");
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (QUORUM_REGION_ENGLAND_WALES);
  g_autoptr(QuorumConference) conference = conference_new ("2026-11-20");
  g_autoptr(QuorumOutcome) agreed = NULL;
  g_autoptr(QuorumOutcome) not_plan = NULL;
  g_autoptr(QuorumOutcome) chair = NULL;
  gint64 amy;
  gint64 ben;
  gint64 cal;

  amy = add_child (conference, "Amy");
  ben = add_child (conference, "Ben");
  cal = add_child (conference, "Cal");
  add_usual_attendees (conference);

  /* Amy: no consensus in round 1, consensus on a plan in round 2. */
  add_attempt (conference, amy, 1, QUORUM_VIEW_NONE, 0);
  add_attempt (conference, amy, 2, QUORUM_VIEW_PLAN, QUORUM_CATEGORY_NEGLECT | QUORUM_CATEGORY_EMOTIONAL);
  agreed = decide_ok (conference, bolton, calendar, amy, QUORUM_VIEW_NONE, 0);
  g_assert_cmpint (agreed->outcome, ==, QUORUM_VIEW_PLAN);
  g_assert_cmpint (agreed->basis, ==, QUORUM_BASIS_CONSENSUS);
  g_assert_cmpuint (agreed->categories, ==, QUORUM_CATEGORY_NEGLECT | QUORUM_CATEGORY_EMOTIONAL);
  g_assert_cmpuint (agreed->dissent->len, ==, 0);
  g_assert_cmpint (agreed->n_plan + agreed->n_no_plan + agreed->n_declined, ==, 0);
  g_assert_true (agreed->creates_plan);
  g_assert_false (agreed->plan_from_split);
  g_assert_false (agreed->creates_referral);
  assert_date (&agreed->plan_start, "2026-11-20");

  /* Ben: consensus that no plan is needed, under the chair-decides profile too. */
  add_attempt (conference, ben, 1, QUORUM_VIEW_NO_PLAN, 0);
  not_plan = decide_ok (conference, bucks, calendar, ben, QUORUM_VIEW_NONE, 0);
  g_assert_cmpint (not_plan->outcome, ==, QUORUM_VIEW_NO_PLAN);
  g_assert_cmpint (not_plan->basis, ==, QUORUM_BASIS_CONSENSUS);
  g_assert_false (not_plan->creates_plan);
  g_assert_cmpuint (not_plan->dissent->len, ==, 0);

  /* Cal: consensus in round 1 was lost in round 2: only the latest attempt counts. */
  add_attempt (conference, cal, 2, QUORUM_VIEW_NONE, 0);
  add_attempt (conference, cal, 1, QUORUM_VIEW_PLAN, QUORUM_CATEGORY_SEXUAL);
  g_assert_cmpint (quorum_conference_last_attempt (conference, cal)->round, ==, 2);
  assert_decide_fails (conference, bucks, calendar, cal, QUORUM_VIEW_NONE, QUORUM_ERROR_INVALID, NULL);
  /* Each group's view before the chair decides: all agree with the chair here. */
  vote (conference, cal, CSC, QUORUM_VIEW_PLAN, QUORUM_CATEGORY_SEXUAL, NULL);
  vote (conference, cal, HEALTH, QUORUM_VIEW_PLAN, 0, NULL);
  vote (conference, cal, POLICE, QUORUM_VIEW_PLAN, 0, NULL);
  vote (conference, cal, SCHOOL, QUORUM_VIEW_PLAN, 0, NULL);
  chair = decide_ok (conference, bucks, calendar, cal, QUORUM_VIEW_PLAN, QUORUM_CATEGORY_SEXUAL);
  g_assert_cmpint (chair->basis, ==, QUORUM_BASIS_CHAIR);
}

/* Majority: every dissenting group with its representatives, view and own words. */
static void
test_bolton_majority_with_dissent (void)
{
  g_autoptr(QuorumProfile) profile = load_profile ("bolton");
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (QUORUM_REGION_ENGLAND_WALES);
  g_autoptr(QuorumConference) conference = conference_new ("2026-11-20");
  g_autoptr(QuorumOutcome) outcome = NULL;
  const QuorumDissent *health;
  const QuorumDissent *school;
  const char *health_reason = "Two missed appointments and a\nweight loss: we believe Amy is neglected.";
  gint64 child;

  child = add_child (conference, "Amy");
  add_usual_attendees (conference);
  add_attendee (conference, "Dr Jones", "Spa Road Medical Practice", GP);

  vote (conference, child, CSC, QUORUM_VIEW_NO_PLAN, 0, "Mother is engaging with the family support worker.");
  vote (conference, child, HEALTH, QUORUM_VIEW_PLAN, QUORUM_CATEGORY_NEGLECT, health_reason);
  vote (conference, child, POLICE, QUORUM_VIEW_NO_PLAN, 0, NULL);
  vote (conference, child, SCHOOL, QUORUM_VIEW_PLAN, QUORUM_CATEGORY_NEGLECT | QUORUM_CATEGORY_EMOTIONAL,
        "Amy arrives hungry most days.");
  vote (conference, child, GP, QUORUM_VIEW_NO_PLAN, 0, NULL);

  outcome = decide_ok (conference, profile, calendar, child, QUORUM_VIEW_NONE, 0);
  g_assert_cmpint (outcome->outcome, ==, QUORUM_VIEW_NO_PLAN);
  g_assert_cmpint (outcome->basis, ==, QUORUM_BASIS_MAJORITY);
  g_assert_cmpint (outcome->n_plan, ==, 2);
  g_assert_cmpint (outcome->n_no_plan, ==, 3);
  g_assert_cmpint (outcome->n_declined, ==, 0);
  g_assert_cmpuint (outcome->categories, ==, QUORUM_CATEGORY_NONE);
  g_assert_false (outcome->creates_plan);
  g_assert_false (outcome->creates_referral);
  g_assert_false (g_date_valid (&outcome->referral_due));

  /* Every dissenting group, in the order the groups appear. */
  g_assert_cmpuint (outcome->dissent->len, ==, 2);
  health = dissent_at (outcome, 0);
  g_assert_cmpstr (health->group, ==, HEALTH);
  g_assert_cmpint (health->view, ==, QUORUM_VIEW_PLAN);
  g_assert_cmpuint (health->categories, ==, QUORUM_CATEGORY_NEGLECT);
  g_assert_cmpstr (health->reason, ==, health_reason);
  g_assert_cmpuint (g_strv_length (health->representatives), ==, 2);
  g_assert_cmpstr (health->representatives[0], ==, "J. Brown");
  g_assert_cmpstr (health->representatives[1], ==, "M. Green");

  school = dissent_at (outcome, 1);
  g_assert_cmpstr (school->group, ==, SCHOOL);
  g_assert_cmpint (school->view, ==, QUORUM_VIEW_PLAN);
  g_assert_cmpuint (school->categories, ==, QUORUM_CATEGORY_NEGLECT | QUORUM_CATEGORY_EMOTIONAL);
  g_assert_cmpstr (school->reason, ==, "Amy arrives hungry most days.");
  g_assert_cmpuint (g_strv_length (school->representatives), ==, 1);
  g_assert_cmpstr (school->representatives[0], ==, "L. Wood");
}

/* Split: the child becomes subject of a plan from the split, and a referral is due in 5 WD. */
static void
test_bolton_split (void)
{
  g_autoptr(QuorumProfile) profile = load_profile ("bolton");
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (QUORUM_REGION_ENGLAND_WALES);
  g_autoptr(QuorumConference) conference = conference_new ("2026-11-20");
  g_autoptr(QuorumConference) christmas = conference_new ("2026-12-24");
  g_autoptr(QuorumOutcome) outcome = NULL;
  g_autoptr(QuorumOutcome) holiday = NULL;
  GDate date;
  GDate due;
  gint64 child;

  child = add_child (conference, "Amy");
  add_usual_attendees (conference);
  add_attendee (conference, "Dr Jones", "Spa Road Medical Practice", GP);

  vote (conference, child, CSC, QUORUM_VIEW_PLAN, QUORUM_CATEGORY_NEGLECT, NULL);
  vote (conference, child, HEALTH, QUORUM_VIEW_NO_PLAN, 0, "Growth is on the 50th centile.");
  vote (conference, child, POLICE, QUORUM_VIEW_PLAN, QUORUM_CATEGORY_PHYSICAL, NULL);
  vote (conference, child, SCHOOL, QUORUM_VIEW_NO_PLAN, 0, "No concerns in class.");
  vote (conference, child, GP, QUORUM_VIEW_DECLINE, 0, "The GP has not seen Amy this year.");

  outcome = decide_ok (conference, profile, calendar, child, QUORUM_VIEW_NONE, 0);
  g_assert_cmpint (outcome->outcome, ==, QUORUM_VIEW_PLAN);
  g_assert_cmpint (outcome->basis, ==, QUORUM_BASIS_SPLIT);
  g_assert_cmpint (outcome->n_plan, ==, 2);
  g_assert_cmpint (outcome->n_no_plan, ==, 2);
  g_assert_cmpint (outcome->n_declined, ==, 1);
  g_assert_cmpuint (outcome->categories, ==, QUORUM_CATEGORY_NEGLECT | QUORUM_CATEGORY_PHYSICAL);
  g_assert_true (outcome->creates_plan);
  g_assert_true (outcome->plan_from_split);
  g_assert_true (outcome->creates_referral);
  assert_date (&outcome->plan_start, "2026-11-20");
  /* Friday 20 November: the 5th working day after is Friday 27 November. */
  assert_date (&outcome->referral_due, "2026-11-27");

  /* On a split the no-plan groups are the dissent. */
  g_assert_cmpuint (outcome->dissent->len, ==, 2);
  g_assert_cmpstr (dissent_at (outcome, 0)->group, ==, HEALTH);
  g_assert_cmpint (dissent_at (outcome, 0)->view, ==, QUORUM_VIEW_NO_PLAN);
  g_assert_cmpstr (dissent_at (outcome, 0)->reason, ==, "Growth is on the 50th centile.");
  g_assert_cmpstr (dissent_at (outcome, 1)->group, ==, SCHOOL);
  g_assert_cmpstr (dissent_at (outcome, 1)->reason, ==, "No concerns in class.");

  /* Thursday 24 December 2026: Christmas Day (Fri), Boxing Day substitute (Mon 28),
   * then 29, 30, 31 December, New Year's Day (Fri 1) off, Mon 4 and Tue 5 January. */
  child = add_child (christmas, "Ben");
  add_attendee (christmas, "S. Patel", "Bolton Children's Social Care", CSC);
  add_attendee (christmas, "A. Khan", "Greater Manchester Police", POLICE);
  add_attendee (christmas, "L. Wood", "St Mary's Primary School", SCHOOL);
  vote (christmas, child, CSC, QUORUM_VIEW_PLAN, QUORUM_CATEGORY_EMOTIONAL, NULL);
  vote (christmas, child, POLICE, QUORUM_VIEW_NO_PLAN, 0, "No offences disclosed.");
  vote (christmas, child, SCHOOL, QUORUM_VIEW_DECLINE, 0, "The school is closed for the holidays.");
  holiday = decide_ok (christmas, profile, calendar, child, QUORUM_VIEW_NONE, 0);
  g_assert_cmpint (holiday->basis, ==, QUORUM_BASIS_SPLIT);
  g_assert_cmpint (holiday->n_plan, ==, 1);
  g_assert_cmpint (holiday->n_no_plan, ==, 1);
  assert_date (&holiday->plan_start, "2026-12-24");
  assert_date (&holiday->referral_due, "2027-01-05");

  set_iso (&date, "2026-12-24");
  quorum_referral_due (profile, calendar, &date, &due);
  assert_date (&due, "2027-01-05");
  /* Without a calendar, the profile's region's is used. */
  quorum_referral_due (profile, NULL, &date, &due);
  assert_date (&due, "2027-01-05");
}

/* The panel hears a referral within 28 calendar days of notification (holidays included). */
static void
test_panel_due (void)
{
  g_autoptr(QuorumProfile) profile = load_profile ("bolton");
  GDate notified;
  GDate due;

  set_iso (&notified, "2026-11-27");
  quorum_panel_due (profile, &notified, &due);
  assert_date (&due, "2026-12-25");

  set_iso (&notified, "2027-02-10");
  quorum_panel_due (profile, &notified, &due);
  assert_date (&due, "2027-03-10");

  /* Not yet sent: no panel date. */
  g_date_clear (&notified, 1);
  quorum_panel_due (profile, &notified, &due);
  g_assert_false (g_date_valid (&due));
}

/* refasof 1, DOMAIN 4 (the panel's outcome: "other with reasons"): a correction changes the
 * record or is refused. Other's reasons corrected, the outcome kept, is a correction; the
 * same outcome with the same reasons (blank or spaced alike) changes nothing. */
static GDate
day_of (const char *iso)
{
  GDate date;

  g_assert_true (quorum_date_parse (iso, "date", &date, NULL));
  return date;
}

static void
assert_day (const GDate *date,
            const char  *iso)
{
  g_autofree char *text = quorum_date_to_string (date);

  g_assert_cmpstr (text, ==, iso);
}

/* refs2: the table's dates and outcome as they stood on the as-of date. The record now: sent
 * 2 June (corrected on 10 June from 3 June), panel due 30 June, heard 21 June (corrected on
 * 25 June from 22 June), Other with reasons B (corrected on 28 June from plan ended, then on
 * 29 June from Other with reasons A). */
static void
test_referral_as_of (void)
{
  QuorumReferralAsOf recorded = { .outcome = QUORUM_PANEL_OTHER, .outcome_reason = "B" };
  QuorumReferralChange changes[] = {
    { QUORUM_REFERRAL_FIELD_NOTIFIED, "2027-06-03", NULL, day_of ("2027-06-10") },
    { QUORUM_REFERRAL_FIELD_PANEL_DATE, "2027-06-22", NULL, day_of ("2027-06-25") },
    { QUORUM_REFERRAL_FIELD_OUTCOME, "plan-ended", NULL, day_of ("2027-06-28") },
    { QUORUM_REFERRAL_FIELD_OUTCOME, "other", "A", day_of ("2027-06-29") },
  };
  QuorumReferralAsOf then;
  GDate as_of;

  recorded.notified = day_of ("2027-06-02");
  recorded.panel_due = day_of ("2027-06-30");
  recorded.panel_date = day_of ("2027-06-21");

  /* Today, or no date: the record as it is. */
  as_of = day_of ("2027-06-30");
  quorum_referral_as_of (&recorded, changes, G_N_ELEMENTS (changes), &as_of, &then);
  assert_day (&then.notified, "2027-06-02");
  assert_day (&then.panel_due, "2027-06-30");
  assert_day (&then.panel_date, "2027-06-21");
  g_assert_cmpint (then.outcome, ==, QUORUM_PANEL_OTHER);
  g_assert_cmpstr (then.outcome_reason, ==, "B");
  g_date_clear (&as_of, 1);
  quorum_referral_as_of (&recorded, changes, G_N_ELEMENTS (changes), &as_of, &then);
  assert_day (&then.notified, "2027-06-02");
  g_assert_cmpstr (then.outcome_reason, ==, "B");

  /* 28 June: the outcome corrected that day from plan ended stands; the reasons not yet. */
  as_of = day_of ("2027-06-28");
  quorum_referral_as_of (&recorded, changes, G_N_ELEMENTS (changes), &as_of, &then);
  g_assert_cmpint (then.outcome, ==, QUORUM_PANEL_OTHER);
  g_assert_cmpstr (then.outcome_reason, ==, "A");
  assert_day (&then.panel_date, "2027-06-21");

  /* 24 June: heard 22 June then (corrected the next day), and its outcome plan ended. */
  as_of = day_of ("2027-06-24");
  quorum_referral_as_of (&recorded, changes, G_N_ELEMENTS (changes), &as_of, &then);
  assert_day (&then.notified, "2027-06-02");
  assert_day (&then.panel_date, "2027-06-22");
  g_assert_cmpint (then.outcome, ==, QUORUM_PANEL_PLAN_ENDED);
  g_assert_null (then.outcome_reason);

  /* 9 June: sent 3 June then (the correction came the next day), its panel due a day later;
   * not heard by then, so no panel date and no outcome. */
  as_of = day_of ("2027-06-09");
  quorum_referral_as_of (&recorded, changes, G_N_ELEMENTS (changes), &as_of, &then);
  assert_day (&then.notified, "2027-06-03");
  assert_day (&then.panel_due, "2027-07-01");
  g_assert_false (g_date_valid (&then.panel_date));
  g_assert_cmpint (then.outcome, ==, QUORUM_PANEL_NONE);
  g_assert_null (then.outcome_reason);

  /* 2 June: sent that day by the record, but the record then said 3 June: not yet sent. */
  as_of = day_of ("2027-06-02");
  quorum_referral_as_of (&recorded, changes, G_N_ELEMENTS (changes), &as_of, &then);
  g_assert_false (g_date_valid (&then.notified));
  g_assert_false (g_date_valid (&then.panel_due));
  g_assert_false (g_date_valid (&then.panel_date));

  /* Without corrections: a notification after the as-of date is not shown. */
  as_of = day_of ("2027-06-01");
  quorum_referral_as_of (&recorded, NULL, 0, &as_of, &then);
  g_assert_false (g_date_valid (&then.notified));
  g_assert_false (g_date_valid (&then.panel_due));
  g_assert_cmpint (then.outcome, ==, QUORUM_PANEL_NONE);

  /* A referral its policy gives no panel due (the Co-ordinator's): none is made up. */
  g_date_clear (&recorded.panel_due, 1);
  as_of = day_of ("2027-06-09");
  quorum_referral_as_of (&recorded, changes, G_N_ELEMENTS (changes), &as_of, &then);
  assert_day (&then.notified, "2027-06-03");
  g_assert_false (g_date_valid (&then.panel_due));
}

/* The day a correction was made: its timestamp's local day. */
static void
test_timestamp_local_date (void)
{
  GDate date;

  g_assert_true (quorum_timestamp_get_local_date ("2027-06-10T11:30:00.000000Z", &date));
  assert_day (&date, "2027-06-10");
  g_assert_false (quorum_timestamp_get_local_date ("yesterday", &date));
  g_assert_false (g_date_valid (&date));
  g_assert_false (quorum_timestamp_get_local_date (NULL, &date));

  /* The day after's first moment: a timestamp then is a day after; one a microsecond before
   * is not. */
  {
    GDate day = day_of ("2027-06-10");
    g_autofree char *after = quorum_timestamp_after_local_day (&day);
    g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (after, NULL);
    g_autoptr(GDateTime) before = g_date_time_add (at, -1);
    g_autofree char *just_before = g_date_time_format (before, "%Y-%m-%dT%H:%M:%S.%fZ");

    g_assert_true (quorum_timestamp_get_local_date (after, &date));
    assert_day (&date, "2027-06-11");
    g_assert_true (quorum_timestamp_get_local_date (just_before, &date));
    assert_day (&date, "2027-06-10");
    g_assert_cmpstr (just_before, <, after);
  }
}

static void
test_referral_correction_changes_something (void)
{
  const QuorumReferralField outcome = QUORUM_REFERRAL_FIELD_OUTCOME;
  g_autoptr(GError) error = NULL;

  /* Other → Other, new reasons: a real correction. */
  g_assert_true (quorum_referral_check_correction (7, outcome, "other", "Adjourned for an assessment",
                                                   "other", "Referred back to the conference", &error));
  g_assert_no_error (error);
  /* Reasons given to an outcome that had none, or taken from one that had them. */
  g_assert_true (quorum_referral_check_correction (7, outcome, "plan-confirmed", NULL,
                                                   "plan-confirmed", "Confirmed for three months", NULL));
  g_assert_true (quorum_referral_check_correction (7, outcome, "plan-confirmed", "Confirmed for three months",
                                                   "plan-confirmed", NULL, NULL));
  /* Another outcome: a correction whatever the reasons. */
  g_assert_true (quorum_referral_check_correction (7, outcome, "other", "Adjourned", "plan-ended", NULL, NULL));

  /* The same outcome and the same reasons: nothing to correct. */
  g_assert_false (quorum_referral_check_correction (7, outcome, "other", "Adjourned for an assessment",
                                                    "other", "Adjourned for an assessment", &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "7"));
  g_assert_nonnull (strstr (error->message, "other"));
  g_clear_error (&error);
  g_assert_false (quorum_referral_check_correction (7, outcome, "other", "Adjourned", "other", "  Adjourned ", NULL));
  g_assert_false (quorum_referral_check_correction (7, outcome, "plan-ended", NULL, "plan-ended", "", NULL));
  g_assert_false (quorum_referral_check_correction (7, outcome, "plan-ended", "   ", "plan-ended", NULL, NULL));

  /* A date: the same date is nothing to correct; reasons have no part in it. */
  g_assert_false (quorum_referral_check_correction (7, QUORUM_REFERRAL_FIELD_NOTIFIED, "2026-11-24", NULL,
                                                    "2026-11-24", NULL, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (quorum_referral_check_correction (7, QUORUM_REFERRAL_FIELD_PANEL_DATE, "2026-12-01", "x",
                                                    "2026-12-01", "y", NULL));
  g_assert_true (quorum_referral_check_correction (7, QUORUM_REFERRAL_FIELD_NOTIFIED, "2026-11-24", NULL,
                                                   "2026-11-19", NULL, NULL));
}

/* Only plan and no-plan views count: with none, there is nothing to decide. */
static void
test_bolton_zero_counted_views (void)
{
  g_autoptr(QuorumProfile) profile = load_profile ("bolton");
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (QUORUM_REGION_ENGLAND_WALES);
  g_autoptr(QuorumConference) conference = conference_new ("2026-11-20");
  g_autoptr(QuorumConference) empty = conference_new ("2026-11-20");
  gint64 child;

  child = add_child (conference, "Amy");
  add_attendee (conference, "S. Patel", "Bolton Children's Social Care", CSC);
  add_attendee (conference, "A. Khan", "Greater Manchester Police", POLICE);
  add_attendee (conference, "L. Wood", "St Mary's Primary School", SCHOOL);
  vote (conference, child, CSC, QUORUM_VIEW_DECLINE, 0, "Allocated yesterday.");
  vote (conference, child, POLICE, QUORUM_VIEW_DECLINE, 0, "No contact.");
  vote (conference, child, SCHOOL, QUORUM_VIEW_DECLINE, 0, "Not on roll.");

  assert_decide_fails (conference, profile, calendar, child, QUORUM_VIEW_NONE,
                       QUORUM_ERROR_NO_VIEWS, "nothing to decide");

  /* No voting group at all, the chair having recorded why it proceeds. */
  child = add_child (empty, "Ben");
  empty->inquorate_reason = g_strdup ("Agencies snowed in; the child is at risk tonight.");
  add_attempt (empty, child, 1, QUORUM_VIEW_NONE, 0);
  assert_decide_fails (empty, profile, calendar, child, QUORUM_VIEW_NONE,
                       QUORUM_ERROR_NO_VIEWS, "nothing to decide");
}

/* The chair asks each group: every voting group gives a view before the majority is taken. */
static void
test_bolton_group_without_view (void)
{
  g_autoptr(QuorumProfile) profile = load_profile ("bolton");
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (QUORUM_REGION_ENGLAND_WALES);
  g_autoptr(QuorumConference) conference = conference_new ("2026-11-20");
  g_autoptr(QuorumOutcome) outcome = NULL;
  gint64 child;

  child = add_child (conference, "Amy");
  add_usual_attendees (conference);
  vote (conference, child, CSC, QUORUM_VIEW_PLAN, QUORUM_CATEGORY_NEGLECT, NULL);
  vote (conference, child, POLICE, QUORUM_VIEW_PLAN, QUORUM_CATEGORY_NEGLECT, NULL);

  assert_decide_fails (conference, profile, calendar, child, QUORUM_VIEW_NONE,
                       QUORUM_ERROR_INVALID, "“" HEALTH "” and “" SCHOOL "”");

  vote (conference, child, HEALTH, QUORUM_VIEW_NO_PLAN, 0, NULL);
  assert_decide_fails (conference, profile, calendar, child, QUORUM_VIEW_NONE,
                       QUORUM_ERROR_INVALID, "“" SCHOOL "” has not given one");

  vote (conference, child, SCHOOL, QUORUM_VIEW_DECLINE, 0, "Not on roll.");
  outcome = decide_ok (conference, profile, calendar, child, QUORUM_VIEW_NONE, 0);
  g_assert_cmpint (outcome->basis, ==, QUORUM_BASIS_MAJORITY);
  g_assert_cmpint (outcome->n_plan, ==, 2);
}

/* Under the majority rule the chair has no casting view. */
static void
test_bolton_chair_view_refused (void)
{
  g_autoptr(QuorumProfile) profile = load_profile ("bolton");
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (QUORUM_REGION_ENGLAND_WALES);
  g_autoptr(QuorumConference) conference = conference_new ("2026-11-20");
  gint64 child;

  child = add_child (conference, "Amy");
  add_usual_attendees (conference);
  vote (conference, child, CSC, QUORUM_VIEW_PLAN, QUORUM_CATEGORY_NEGLECT, NULL);
  vote (conference, child, HEALTH, QUORUM_VIEW_PLAN, QUORUM_CATEGORY_NEGLECT, NULL);
  vote (conference, child, POLICE, QUORUM_VIEW_NO_PLAN, 0, NULL);
  vote (conference, child, SCHOOL, QUORUM_VIEW_NO_PLAN, 0, NULL);

  assert_decide_fails (conference, profile, calendar, child, QUORUM_VIEW_PLAN,
                       QUORUM_ERROR_INVALID, "only under a chair-decides policy");
}

/* Chair decides (Buckinghamshire): the chair's view is the decision, the others are dissent. */
static void
test_bucks_chair_decides (void)
{
  g_autoptr(QuorumProfile) profile = load_profile ("buckinghamshire");
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (QUORUM_REGION_ENGLAND_WALES);
  g_autoptr(QuorumConference) conference = conference_new ("2026-11-20");
  g_autoptr(QuorumOutcome) plan = NULL;
  g_autoptr(QuorumOutcome) no_plan = NULL;
  gint64 amy;
  gint64 ben;

  g_assert_cmpint (profile->rule, ==, QUORUM_RULE_CHAIR_DECIDES);

  amy = add_child (conference, "Amy");
  ben = add_child (conference, "Ben");
  add_usual_attendees (conference);

  /* Amy: the groups split 2-2, which is no split for the chair: the chair decides, no referral. */
  vote (conference, amy, CSC, QUORUM_VIEW_PLAN, QUORUM_CATEGORY_EMOTIONAL, NULL);
  vote (conference, amy, HEALTH, QUORUM_VIEW_NO_PLAN, 0, "Mother is engaging.");
  vote (conference, amy, POLICE, QUORUM_VIEW_PLAN, QUORUM_CATEGORY_EMOTIONAL, NULL);
  vote (conference, amy, SCHOOL, QUORUM_VIEW_NO_PLAN, 0, "No concerns at school.");
  add_attempt (conference, amy, 1, QUORUM_VIEW_NONE, 0);

  plan = decide_ok (conference, profile, calendar, amy, QUORUM_VIEW_PLAN,
                    QUORUM_CATEGORY_EMOTIONAL | QUORUM_CATEGORY_NEGLECT);
  g_assert_cmpint (plan->outcome, ==, QUORUM_VIEW_PLAN);
  g_assert_cmpint (plan->basis, ==, QUORUM_BASIS_CHAIR);
  g_assert_cmpuint (plan->categories, ==, QUORUM_CATEGORY_EMOTIONAL | QUORUM_CATEGORY_NEGLECT);
  g_assert_cmpint (plan->n_plan, ==, 2);
  g_assert_cmpint (plan->n_no_plan, ==, 2);
  g_assert_true (plan->creates_plan);
  g_assert_false (plan->plan_from_split);
  g_assert_false (plan->creates_referral);
  g_assert_false (g_date_valid (&plan->referral_due));
  assert_date (&plan->plan_start, "2026-11-20");
  g_assert_cmpuint (plan->dissent->len, ==, 2);
  g_assert_cmpstr (dissent_at (plan, 0)->group, ==, HEALTH);
  g_assert_cmpstr (dissent_at (plan, 0)->reason, ==, "Mother is engaging.");
  g_assert_cmpuint (g_strv_length (dissent_at (plan, 0)->representatives), ==, 2);
  g_assert_cmpstr (dissent_at (plan, 1)->group, ==, SCHOOL);

  /* Ben: each group's view is recorded before the chair decides (DOMAIN "Reaching a decision"
   * 5): two agree with no plan, the police hold a reservation with its reason, the school declines. */
  vote (conference, ben, CSC, QUORUM_VIEW_NO_PLAN, 0, NULL);
  vote (conference, ben, HEALTH, QUORUM_VIEW_NO_PLAN, 0, NULL);
  vote (conference, ben, POLICE, QUORUM_VIEW_PLAN, QUORUM_CATEGORY_PHYSICAL, "Ben disclosed being hit.");
  vote (conference, ben, SCHOOL, QUORUM_VIEW_DECLINE, 0, "Ben has just joined.");
  no_plan = decide_ok (conference, profile, calendar, ben, QUORUM_VIEW_NO_PLAN, 0);
  g_assert_cmpint (no_plan->outcome, ==, QUORUM_VIEW_NO_PLAN);
  g_assert_cmpint (no_plan->basis, ==, QUORUM_BASIS_CHAIR);
  g_assert_cmpint (no_plan->n_plan, ==, 1);
  g_assert_cmpint (no_plan->n_no_plan, ==, 2);
  g_assert_cmpint (no_plan->n_declined, ==, 1);
  g_assert_false (no_plan->creates_plan);
  g_assert_cmpuint (no_plan->dissent->len, ==, 1);
  g_assert_cmpstr (dissent_at (no_plan, 0)->group, ==, POLICE);
  g_assert_cmpint (dissent_at (no_plan, 0)->view, ==, QUORUM_VIEW_PLAN);
  g_assert_cmpuint (dissent_at (no_plan, 0)->categories, ==, QUORUM_CATEGORY_PHYSICAL);
  g_assert_cmpstr (dissent_at (no_plan, 0)->reason, ==, "Ben disclosed being hit.");
  g_assert_cmpstr (dissent_at (no_plan, 0)->representatives[0], ==, "A. Khan");
}

/* With no consensus under the chair-decides rule, there is no decision without the chair's view. */
static void
test_bucks_chair_view_required (void)
{
  g_autoptr(QuorumProfile) profile = load_profile ("buckinghamshire");
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (QUORUM_REGION_ENGLAND_WALES);
  g_autoptr(QuorumConference) conference = conference_new ("2026-11-20");
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumOutcome) outcome = NULL;
  g_autofree char *expected = NULL;
  gint64 child;

  child = add_child (conference, "Amy");
  add_usual_attendees (conference);
  vote (conference, child, CSC, QUORUM_VIEW_PLAN, QUORUM_CATEGORY_NEGLECT, NULL);

  expected = g_strdup_printf ("Under the %s policy the chair makes the decision", profile->name);
  assert_decide_fails (conference, profile, calendar, child, QUORUM_VIEW_NONE,
                       QUORUM_ERROR_INVALID, expected);
  assert_decide_fails (conference, profile, calendar, child, QUORUM_VIEW_DECLINE,
                       QUORUM_ERROR_INVALID, NULL);

  /* Categories of abuse go with a plan only. */
  outcome = quorum_decide (conference, profile, calendar, child, QUORUM_VIEW_NO_PLAN,
                           QUORUM_CATEGORY_NEGLECT, &error);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_assert_null (outcome);
}

/* Quoracy: children's social care plus at least two other agencies. */
static void
test_quoracy_quorate (void)
{
  g_autoptr(QuorumProfile) profile = load_profile ("bolton");
  g_autoptr(QuorumConference) conference = conference_new ("2026-11-20");
  g_autoptr(QuorumQuoracy) quoracy = NULL;

  add_child (conference, "Amy");
  add_usual_attendees (conference);

  quoracy = quorum_quoracy_check (conference, profile);
  g_assert_true (quoracy->quorate);
  g_assert_true (quoracy->has_lead_agency);
  /* Two health visitors of one trust are one agency; the police and the school make three. */
  g_assert_cmpint (quoracy->n_other_agencies, ==, 3);
  g_assert_cmpint (quoracy->n_other_required, ==, 2);
  g_assert_null (quoracy->missing);
}

static void
test_quoracy_missing_lead (void)
{
  g_autoptr(QuorumProfile) profile = load_profile ("bolton");
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (QUORUM_REGION_ENGLAND_WALES);
  g_autoptr(QuorumConference) conference = conference_new ("2026-11-20");
  g_autoptr(QuorumQuoracy) quoracy = NULL;
  gint64 child;

  child = add_child (conference, "Amy");
  add_person (conference, "S. Patel", "Bolton Children's Social Care", CSC, TRUE, QUORUM_ATTENDANCE_APOLOGIES);
  add_attendee (conference, "J. Brown", "Bolton NHS Foundation Trust", HEALTH);
  add_attendee (conference, "A. Khan", "Greater Manchester Police", POLICE);
  add_attendee (conference, "L. Wood", "St Mary's Primary School", SCHOOL);

  quoracy = quorum_quoracy_check (conference, profile);
  g_assert_false (quoracy->quorate);
  g_assert_false (quoracy->has_lead_agency);
  g_assert_cmpint (quoracy->n_other_agencies, ==, 3);
  g_assert_cmpstr (quoracy->missing, ==, "No one from children’s social care is present");

  vote (conference, child, HEALTH, QUORUM_VIEW_PLAN, 0, NULL);
  vote (conference, child, POLICE, QUORUM_VIEW_PLAN, 0, NULL);
  vote (conference, child, SCHOOL, QUORUM_VIEW_NO_PLAN, 0, NULL);
  assert_decide_fails (conference, profile, calendar, child, QUORUM_VIEW_NONE, QUORUM_ERROR_INQUORATE,
                       "No one from children’s social care is present");
  assert_decide_fails (conference, profile, calendar, child, QUORUM_VIEW_NONE, QUORUM_ERROR_INQUORATE,
                       "The conference is not quorate. No one from children’s social care is present. "
                       "To go ahead, record the reason the conference proceeds");
}

static void
test_quoracy_too_few_others (void)
{
  g_autoptr(QuorumProfile) profile = load_profile ("bolton");
  g_autoptr(QuorumConference) conference = conference_new ("2026-11-20");
  g_autoptr(QuorumConference) alone = conference_new ("2026-11-20");
  g_autoptr(QuorumQuoracy) quoracy = NULL;
  g_autoptr(QuorumQuoracy) nobody = NULL;

  add_child (conference, "Amy");
  add_attendee (conference, "S. Patel", "Bolton Children's Social Care", CSC);
  add_attendee (conference, "J. Brown", "Bolton NHS Foundation Trust", HEALTH);
  /* The same trust under another spelling is still one agency. */
  add_attendee (conference, "K. Lee", "bolton  NHS foundation trust", "Bolton NHS FT Midwifery");
  add_person (conference, "A. Khan", "Greater Manchester Police", POLICE, TRUE, QUORUM_ATTENDANCE_REPORT_SENT);

  quoracy = quorum_quoracy_check (conference, profile);
  g_assert_false (quoracy->quorate);
  g_assert_true (quoracy->has_lead_agency);
  g_assert_cmpint (quoracy->n_other_agencies, ==, 1);
  g_assert_cmpstr (quoracy->missing, ==, "Only 1 other agency is present; the policy needs 2");

  add_child (alone, "Ben");
  nobody = quorum_quoracy_check (alone, profile);
  g_assert_false (nobody->quorate);
  g_assert_cmpint (nobody->n_other_agencies, ==, 0);
  g_assert_cmpstr (nobody->missing, ==,
                   "No one from children’s social care is present. No other agency is present; the policy needs 2");
}

static void
test_quoracy_proceed_with_reason (void)
{
  g_autoptr(QuorumProfile) profile = load_profile ("bolton");
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (QUORUM_REGION_ENGLAND_WALES);
  g_autoptr(QuorumConference) conference = conference_new ("2026-11-20");
  g_autoptr(QuorumOutcome) outcome = NULL;
  gint64 child;

  child = add_child (conference, "Amy");
  add_attendee (conference, "S. Patel", "Bolton Children's Social Care", CSC);
  add_attendee (conference, "A. Khan", "Greater Manchester Police", POLICE);
  vote (conference, child, CSC, QUORUM_VIEW_PLAN, QUORUM_CATEGORY_SEXUAL, NULL);
  vote (conference, child, POLICE, QUORUM_VIEW_PLAN, QUORUM_CATEGORY_SEXUAL, NULL);

  assert_decide_fails (conference, profile, calendar, child, QUORUM_VIEW_NONE, QUORUM_ERROR_INQUORATE,
                       "Only 1 other agency is present; the policy needs 2");

  /* White space is no reason. */
  conference->inquorate_reason = g_strdup ("   ");
  assert_decide_fails (conference, profile, calendar, child, QUORUM_VIEW_NONE, QUORUM_ERROR_INQUORATE, NULL);

  g_free (conference->inquorate_reason);
  conference->inquorate_reason = g_strdup ("Health apologised at short notice; delay would leave Amy unprotected.");
  outcome = decide_ok (conference, profile, calendar, child, QUORUM_VIEW_NONE, 0);
  g_assert_cmpint (outcome->outcome, ==, QUORUM_VIEW_PLAN);
  g_assert_cmpint (outcome->basis, ==, QUORUM_BASIS_MAJORITY);
  g_assert_cmpint (outcome->n_plan, ==, 2);
  g_assert_cmpuint (outcome->categories, ==, QUORUM_CATEGORY_SEXUAL);
}

/* Proceeding is deciding: a consensus in an inquorate conference needs the reason too. */
static void
test_quoracy_consensus_needs_reason (void)
{
  g_autoptr(QuorumProfile) profile = load_profile ("bolton");
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (QUORUM_REGION_ENGLAND_WALES);
  g_autoptr(QuorumConference) conference = conference_new ("2026-11-20");
  g_autoptr(QuorumOutcome) outcome = NULL;
  gint64 child;

  child = add_child (conference, "Amy");
  add_attendee (conference, "A. Khan", "Greater Manchester Police", POLICE);
  add_attendee (conference, "J. Brown", "Bolton NHS Foundation Trust", HEALTH);
  add_attempt (conference, child, 1, QUORUM_VIEW_NO_PLAN, 0);

  assert_decide_fails (conference, profile, calendar, child, QUORUM_VIEW_NONE, QUORUM_ERROR_INQUORATE,
                       "No one from children’s social care is present");

  conference->inquorate_reason = g_strdup ("The social worker is ill; the family asked to go ahead.");
  outcome = decide_ok (conference, profile, calendar, child, QUORUM_VIEW_NONE, 0);
  g_assert_cmpint (outcome->basis, ==, QUORUM_BASIS_CONSENSUS);
  g_assert_cmpint (outcome->outcome, ==, QUORUM_VIEW_NO_PLAN);
}

/* Every refusal of quorum_check_vote, and what it still accepts. */
static void
test_vote_checks_no_voting_attendee (void)
{
  g_autoptr(QuorumConference) conference = conference_new ("2026-11-20");
  gint64 child = add_child (conference, "Amy");

  add_usual_attendees (conference);
  assert_vote_fails (conference, child, "Probation Service", QUORUM_VIEW_PLAN, 0, NULL, QUORUM_ERROR_INVALID,
                     "No voting attendee reports through “Probation Service”: add an attendee in that line-management structure first");
  assert_vote_fails (conference, child, "  ", QUORUM_VIEW_PLAN, 0, NULL, QUORUM_ERROR_INVALID, NULL);
  assert_vote_fails (conference, child, NULL, QUORUM_VIEW_PLAN, 0, NULL, QUORUM_ERROR_INVALID, NULL);
}

static void
test_vote_checks_unknown_child (void)
{
  g_autoptr(QuorumConference) conference = conference_new ("2026-11-20");

  add_child (conference, "Amy");
  add_usual_attendees (conference);
  assert_vote_fails (conference, 999, CSC, QUORUM_VIEW_PLAN, 0, NULL, QUORUM_ERROR_NOT_FOUND, "999");
}

static void
test_vote_checks_finalised (void)
{
  g_autoptr(QuorumProfile) profile = load_profile ("bolton");
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (QUORUM_REGION_ENGLAND_WALES);
  g_autoptr(QuorumConference) conference = conference_new ("2026-11-20");
  gint64 child = add_child (conference, "Amy");

  add_usual_attendees (conference);
  conference->finalised_at = g_strdup ("2026-11-20T15:00:00.000000Z");
  conference->finalised_by = g_strdup ("R. Okafor");
  assert_vote_fails (conference, child, CSC, QUORUM_VIEW_PLAN, 0, NULL, QUORUM_ERROR_FINALISED, NULL);
  assert_decide_fails (conference, profile, calendar, child, QUORUM_VIEW_NONE, QUORUM_ERROR_FINALISED, NULL);
}

static void
test_vote_checks_already_decided (void)
{
  g_autoptr(QuorumProfile) profile = load_profile ("bolton");
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (QUORUM_REGION_ENGLAND_WALES);
  g_autoptr(QuorumConference) conference = conference_new ("2026-11-20");
  g_autoptr(QuorumOutcome) outcome = NULL;
  gint64 child = add_child (conference, "Amy");

  add_usual_attendees (conference);
  vote (conference, child, CSC, QUORUM_VIEW_PLAN, QUORUM_CATEGORY_NEGLECT, NULL);
  vote (conference, child, HEALTH, QUORUM_VIEW_PLAN, QUORUM_CATEGORY_NEGLECT, NULL);
  vote (conference, child, POLICE, QUORUM_VIEW_PLAN, QUORUM_CATEGORY_NEGLECT, NULL);
  vote (conference, child, SCHOOL, QUORUM_VIEW_NO_PLAN, 0, NULL);
  outcome = decide_ok (conference, profile, calendar, child, QUORUM_VIEW_NONE, 0);
  record_decision (conference, outcome);

  assert_vote_fails (conference, child, SCHOOL, QUORUM_VIEW_PLAN, 0, NULL, QUORUM_ERROR_INVALID,
                     "already been taken");
  assert_decide_fails (conference, profile, calendar, child, QUORUM_VIEW_NONE, QUORUM_ERROR_INVALID,
                       "already been taken");
  assert_decide_fails (conference, profile, calendar, 999, QUORUM_VIEW_NONE, QUORUM_ERROR_NOT_FOUND, NULL);
}

static void
test_vote_checks_after_consensus (void)
{
  g_autoptr(QuorumConference) conference = conference_new ("2026-11-20");
  gint64 child = add_child (conference, "Amy");

  add_usual_attendees (conference);
  add_attempt (conference, child, 1, QUORUM_VIEW_NONE, 0);
  /* No consensus yet: the vote may be taken. */
  vote (conference, child, CSC, QUORUM_VIEW_PLAN, QUORUM_CATEGORY_NEGLECT, NULL);

  add_attempt (conference, child, 2, QUORUM_VIEW_NO_PLAN, 0);
  assert_vote_fails (conference, child, HEALTH, QUORUM_VIEW_PLAN, 0, NULL, QUORUM_ERROR_INVALID,
                     "last resort");
}

static void
test_vote_checks_categories_without_plan (void)
{
  g_autoptr(QuorumConference) conference = conference_new ("2026-11-20");
  gint64 child = add_child (conference, "Amy");

  add_usual_attendees (conference);
  assert_vote_fails (conference, child, CSC, QUORUM_VIEW_NO_PLAN, QUORUM_CATEGORY_NEGLECT, NULL,
                     QUORUM_ERROR_INVALID, NULL);
  assert_vote_fails (conference, child, CSC, QUORUM_VIEW_DECLINE, QUORUM_CATEGORY_PHYSICAL, "No contact.",
                     QUORUM_ERROR_INVALID, NULL);
  assert_vote_fails (conference, child, CSC, QUORUM_VIEW_PLAN, 1 << 7, NULL, QUORUM_ERROR_INVALID, NULL);
  /* Several categories with a plan are fine. */
  vote (conference, child, CSC, QUORUM_VIEW_PLAN, QUORUM_CATEGORY_ALL, NULL);
}

static void
test_vote_checks_bad_view (void)
{
  g_autoptr(QuorumConference) conference = conference_new ("2026-11-20");
  gint64 child = add_child (conference, "Amy");

  add_usual_attendees (conference);
  assert_vote_fails (conference, child, CSC, QUORUM_VIEW_NONE, 0, NULL, QUORUM_ERROR_INVALID, NULL);
  assert_vote_fails (conference, child, CSC, (QuorumView) 42, 0, NULL, QUORUM_ERROR_INVALID, NULL);
}

static void
test_vote_checks_decline_without_reason (void)
{
  g_autoptr(QuorumConference) conference = conference_new ("2026-11-20");
  gint64 child = add_child (conference, "Amy");

  add_usual_attendees (conference);
  assert_vote_fails (conference, child, POLICE, QUORUM_VIEW_DECLINE, 0, NULL, QUORUM_ERROR_INVALID, "reason");
  assert_vote_fails (conference, child, POLICE, QUORUM_VIEW_DECLINE, 0, " \n\t", QUORUM_ERROR_INVALID, "reason");
  vote (conference, child, POLICE, QUORUM_VIEW_DECLINE, 0, "No contact with the family.");
  /* A plan or no-plan view's reason is optional. */
  vote (conference, child, CSC, QUORUM_VIEW_NO_PLAN, 0, NULL);
}

static void
test_vote_checks_group_votes_again (void)
{
  g_autoptr(QuorumConference) conference = conference_new ("2026-11-20");
  g_autoptr(GError) error = NULL;
  gint64 child = add_child (conference, "Amy");

  add_usual_attendees (conference);
  vote (conference, child, HEALTH, QUORUM_VIEW_PLAN, QUORUM_CATEGORY_NEGLECT, NULL);
  g_assert_true (quorum_check_vote (conference, child, "BOLTON NHS FT HEALTH VISITING",
                                    QUORUM_VIEW_NO_PLAN, 0, NULL, &error));
  g_assert_no_error (error);
}


/* ---- The record is true to the policy (issue 11) ---- */

/* Finding 1, DOMAIN "Attendance is a timeline": a view given stays counted when its giver
 * leaves. 2-2, then the school's only representative leaves: still a split, with the school's
 * dissent, never a 2-1 majority. */
static void
test_record_view_stays_counted_after_leaving (void)
{
  g_autoptr(QuorumProfile) profile = load_profile ("bolton");
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (QUORUM_REGION_ENGLAND_WALES);
  g_autoptr(QuorumConference) conference = conference_new ("2026-11-20");
  g_autoptr(QuorumOutcome) outcome = NULL;
  g_auto(GStrv) groups = NULL;
  QuorumAttendee *teacher;
  gint64 child;

  child = add_child (conference, "Amy");
  add_attendee (conference, "S. Patel", "Bolton Children's Social Care", CSC);
  add_attendee (conference, "A. Khan", "Greater Manchester Police", POLICE);
  add_attendee (conference, "J. Brown", "Bolton NHS Foundation Trust", HEALTH);
  teacher = add_person (conference, "L. Wood", "St Mary's Primary School", SCHOOL, TRUE, QUORUM_ATTENDANCE_PRESENT);

  vote (conference, child, CSC, QUORUM_VIEW_PLAN, 0, "Neglect is long-standing.");
  vote (conference, child, POLICE, QUORUM_VIEW_NO_PLAN, 0, "No offences disclosed.");
  vote (conference, child, HEALTH, QUORUM_VIEW_PLAN, 0, "Growth has faltered.");
  vote (conference, child, SCHOOL, QUORUM_VIEW_NO_PLAN, 0, "Attendance is good.");

  teacher->left_at = g_strdup ("10:40");
  g_assert_false (quorum_attendee_is_present (teacher));
  groups = quorum_conference_list_groups (conference);
  g_assert_false (g_strv_contains ((const char * const *) groups, SCHOOL));

  outcome = decide_ok (conference, profile, calendar, child, QUORUM_VIEW_NONE, 0);
  g_assert_cmpint (outcome->basis, ==, QUORUM_BASIS_SPLIT);
  g_assert_cmpint (outcome->n_plan, ==, 2);
  g_assert_cmpint (outcome->n_no_plan, ==, 2);
  g_assert_true (outcome->creates_referral);
  g_assert_cmpuint (outcome->dissent->len, ==, 2);
  g_assert_cmpstr (dissent_at (outcome, 1)->group, ==, SCHOOL);
  g_assert_cmpstr (dissent_at (outcome, 1)->reason, ==, "Attendance is good.");
  g_assert_cmpstr (dissent_at (outcome, 1)->representatives[0], ==, "L. Wood");
}

/* DOMAIN "Attendance is a timeline": leaving before giving the group's view leaves the group
 * without one, and the departure says so; a leave or an arrival is checked. */
static void
test_record_leaving_before_view (void)
{
  g_autoptr(QuorumProfile) profile = load_profile ("bolton");
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (QUORUM_REGION_ENGLAND_WALES);
  g_autoptr(QuorumConference) conference = conference_new ("2026-11-20");
  g_autoptr(QuorumOutcome) outcome = NULL;
  g_autoptr(GArray) without = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) groups = NULL;
  QuorumAttendee *teacher;
  QuorumAttendee *doctor;
  gint64 child;

  conference->time = g_strdup ("10:00");
  child = add_child (conference, "Amy");
  add_attendee (conference, "S. Patel", "Bolton Children's Social Care", CSC);
  add_attendee (conference, "A. Khan", "Greater Manchester Police", POLICE);
  add_attendee (conference, "J. Brown", "Bolton NHS Foundation Trust", HEALTH);
  teacher = add_person (conference, "L. Wood", "St Mary's Primary School", SCHOOL, TRUE, QUORUM_ATTENDANCE_PRESENT);

  g_assert_true (quorum_check_departure (conference, teacher->id, "10:30", &error));
  g_assert_no_error (error);
  g_assert_false (quorum_check_departure (conference, teacher->id, "09:30", &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);

  without = quorum_departure_leaves_without_view (conference, teacher->id);
  g_assert_cmpuint (without->len, ==, 1);
  g_assert_cmpint (g_array_index (without, gint64, 0), ==, child);

  teacher->left_at = g_strdup ("10:30");
  g_assert_false (quorum_check_departure (conference, teacher->id, "10:45", &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);

  /* The school gives no view now and is not waited for. */
  groups = quorum_conference_child_groups (conference, child);
  g_assert_cmpuint (g_strv_length (groups), ==, 3);
  assert_vote_fails (conference, child, SCHOOL, QUORUM_VIEW_NO_PLAN, 0, "x", QUORUM_ERROR_INVALID, NULL);
  vote (conference, child, CSC, QUORUM_VIEW_PLAN, 0, "Neglect.");
  vote (conference, child, POLICE, QUORUM_VIEW_NO_PLAN, 0, "No offences.");
  vote (conference, child, HEALTH, QUORUM_VIEW_PLAN, 0, "Growth.");
  outcome = decide_ok (conference, profile, calendar, child, QUORUM_VIEW_NONE, 0);
  g_assert_cmpint (outcome->basis, ==, QUORUM_BASIS_MAJORITY);
  g_assert_cmpint (outcome->n_plan + outcome->n_no_plan, ==, 3);

  /* A late arrival: at or after the start, once, and not after leaving. */
  g_assert_false (quorum_check_arrival (conference, teacher->id, "11:00", &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);
  doctor = add_person (conference, "Dr Jones", "Spa Road Medical Practice", GP, TRUE, QUORUM_ATTENDANCE_PRESENT);
  g_assert_false (quorum_check_arrival (conference, doctor->id, "09:00", &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (quorum_check_arrival (conference, doctor->id, "10:50", &error));
  g_assert_no_error (error);
  doctor->arrived_at = g_strdup ("10:50");
  g_assert_false (quorum_check_arrival (conference, doctor->id, "10:55", &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
}

/* DOMAIN "Attendance is a timeline": nobody joins the voters of a child whose decision is
 * taken; a later arrival is recorded as arriving after it. */
static void
test_record_nobody_joins_decided_child (void)
{
  g_autoptr(QuorumConference) conference = conference_new ("2026-11-20");
  g_auto(GStrv) before = NULL;
  g_auto(GStrv) after = NULL;
  QuorumDecision *decision;
  QuorumAttendee *doctor;
  QuorumPresence present;
  QuorumPresenceStatus status;
  gint64 child;

  child = add_child (conference, "Amy");
  add_usual_attendees (conference);
  vote (conference, child, CSC, QUORUM_VIEW_PLAN, 0, "a");
  vote (conference, child, HEALTH, QUORUM_VIEW_PLAN, 0, "b");
  vote (conference, child, POLICE, QUORUM_VIEW_PLAN, 0, "c");
  vote (conference, child, SCHOOL, QUORUM_VIEW_PLAN, 0, "d");
  before = quorum_conference_child_groups (conference, child);

  decision = g_new0 (QuorumDecision, 1);
  decision->child_id = child;
  decision->outcome = QUORUM_VIEW_PLAN;
  decision->basis = QUORUM_BASIS_MAJORITY;
  decision->dissent = g_ptr_array_new ();
  decision->presence = g_array_new (FALSE, FALSE, sizeof (QuorumPresence));
  for (guint i = 0; i < conference->attendees->len; i++)
    {
      present.attendee_id = ((QuorumAttendee *) g_ptr_array_index (conference->attendees, i))->id;
      present.status = QUORUM_PRESENCE_PRESENT;
      g_array_append_val (decision->presence, present);
    }
  g_ptr_array_add (conference->decisions, decision);

  doctor = add_person (conference, "Dr Jones", "Spa Road Medical Practice", GP, TRUE, QUORUM_ATTENDANCE_PRESENT);
  after = quorum_conference_child_groups (conference, child);
  g_assert_cmpuint (g_strv_length (after), ==, g_strv_length (before));
  g_assert_false (g_strv_contains ((const char * const *) after, GP));
  g_assert_false (quorum_conference_presence_at (conference, child, doctor->id, &status));
  g_assert_true (quorum_conference_presence_at (conference, child, 100, &status));
  g_assert_cmpint (status, ==, QUORUM_PRESENCE_PRESENT);
  assert_vote_fails (conference, child, GP, QUORUM_VIEW_NO_PLAN, 0, "x", QUORUM_ERROR_INVALID, "already been taken");
}

/* Trial 9, D1. DOMAIN "Attendance is a timeline": "Nobody joins the voters of a child whose
 * decision is taken"; "The record says who was present for each child's decision". An arrival
 * before a decision that did not count the person in the room contradicts its record: refused,
 * naming the child and the decision's time, as a leave before a decision that counted them is.
 * A decision whose presence was never kept (an old record) says nothing and refuses nothing. */
static void
test_record_no_arrival_before_uncounted_decision (void)
{
  g_autoptr(QuorumConference) conference = conference_new ("2026-11-20");
  g_autoptr(GDateTime) at = g_date_time_new_local (2026, 11, 20, 10, 42, 0);
  g_autoptr(GDateTime) utc = g_date_time_to_utc (at);
  g_autoptr(GError) error = NULL;
  QuorumDecision *decision;
  QuorumAttendee *doctor;
  QuorumPresence present;
  gint64 child;

  conference->time = g_strdup ("10:00");
  child = add_child (conference, "Ruby Owen");
  add_usual_attendees (conference);
  decision = g_new0 (QuorumDecision, 1);
  decision->child_id = child;
  decision->outcome = QUORUM_VIEW_PLAN;
  decision->basis = QUORUM_BASIS_MAJORITY;
  decision->dissent = g_ptr_array_new ();
  decision->decided_at = g_date_time_format_iso8601 (utc);
  decision->presence = g_array_new (FALSE, FALSE, sizeof (QuorumPresence));
  for (guint i = 0; i < conference->attendees->len; i++)
    {
      present.attendee_id = ((QuorumAttendee *) g_ptr_array_index (conference->attendees, i))->id;
      present.status = QUORUM_PRESENCE_PRESENT;
      g_array_append_val (decision->presence, present);
    }
  g_ptr_array_add (conference->decisions, decision);

  /* On the record but not in the room then (apologies, or not yet come): not before 10:42. */
  doctor = add_person (conference, "Dr Ken Moss", "Cherry Tree Surgery", GP, TRUE, QUORUM_ATTENDANCE_APOLOGIES);
  g_assert_false (quorum_check_arrival (conference, doctor->id, "10:30", &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Dr Ken Moss was not counted in the room for Ruby Owen’s decision, "
                                       "taken at 10:42: they arrived after that, not at 10:30");
  g_clear_error (&error);
  g_assert_true (quorum_check_arrival (conference, doctor->id, "10:42", &error));
  g_assert_no_error (error);
  g_assert_true (quorum_check_arrival (conference, doctor->id, "10:50", &error));
  g_assert_no_error (error);

  /* Someone added as a latecomer: the same rule, and the start's. */
  g_assert_false (quorum_check_new_arrival (conference, "Dr Ann Lee", "10:41", &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Dr Ann Lee was not counted in the room for Ruby Owen’s decision, "
                                       "taken at 10:42: they arrived after that, not at 10:41");
  g_clear_error (&error);
  g_assert_false (quorum_check_new_arrival (conference, "Dr Ann Lee", "09:59", &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (quorum_check_new_arrival (conference, "Dr Ann Lee", "10:43", &error));
  g_assert_no_error (error);

  /* Someone counted in the room still arrived by then (the converse rule stands). */
  g_assert_false (quorum_check_arrival (conference, 100, "10:50", &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "they arrived by then"));
  g_clear_error (&error);

  /* A decision with no presence kept refuses nothing. */
  g_clear_pointer (&decision->presence, g_array_unref);
  g_assert_true (quorum_check_arrival (conference, doctor->id, "10:30", &error));
  g_assert_no_error (error);
}

/* Trial 9, D2. DOMAIN "Reaching a decision": with plan, the category of abuse. A consensus for a
 * plan is the conference's own decision: under at least one category, as the chair's plan is. */
static void
test_record_consensus_plan_needs_category (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (quorum_check_attempt_outcome (QUORUM_VIEW_PLAN, QUORUM_CATEGORY_NONE, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "names the category of abuse"));
  g_clear_error (&error);
  g_assert_true (quorum_check_attempt_outcome (QUORUM_VIEW_PLAN, QUORUM_CATEGORY_SEXUAL, &error));
  g_assert_no_error (error);
  g_assert_true (quorum_check_attempt_outcome (QUORUM_VIEW_NO_PLAN, 0, &error));
  g_assert_no_error (error);
  g_assert_true (quorum_check_attempt_outcome (QUORUM_VIEW_NONE, 0, &error));
  g_assert_no_error (error);
  g_assert_false (quorum_check_attempt_outcome (QUORUM_VIEW_NO_PLAN, QUORUM_CATEGORY_NEGLECT, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (quorum_check_attempt_outcome (QUORUM_VIEW_DECLINE, 0, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
}

/* Finding 4, DOMAIN "Reaching a decision" 6: the vote is the last resort: no view and no
 * decision by vote or by the chair without a recorded attempt that reached no consensus. */
static void
test_record_vote_needs_attempt (void)
{
  g_autoptr(QuorumProfile) bolton = load_profile ("bolton");
  g_autoptr(QuorumProfile) bucks = load_profile ("buckinghamshire");
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (QUORUM_REGION_ENGLAND_WALES);
  g_autoptr(QuorumConference) conference = conference_new ("2026-11-20");
  gint64 child;

  child = add_child (conference, "Amy");
  add_usual_attendees (conference);
  assert_vote_fails (conference, child, CSC, QUORUM_VIEW_PLAN, 0, "x", QUORUM_ERROR_INVALID, "last resort");
  vote_unchecked (conference, child, CSC, QUORUM_VIEW_PLAN, 0, "x");
  assert_decide_fails (conference, bolton, calendar, child, QUORUM_VIEW_NONE, QUORUM_ERROR_INVALID, "last resort");
  assert_decide_fails (conference, bucks, calendar, child, QUORUM_VIEW_PLAN, QUORUM_ERROR_INVALID,
                       "only when there is no consensus");
}

/* Finding 2, DOMAIN "Reaching a decision" 6: a view recorded before a later consensus stays in
 * the history, superseded; the consensus's tally counts nothing, so it never contradicts it. */
static void
test_record_superseded_view (void)
{
  g_autoptr(QuorumProfile) profile = load_profile ("bolton");
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (QUORUM_REGION_ENGLAND_WALES);
  g_autoptr(QuorumConference) conference = conference_new ("2026-11-20");
  g_autoptr(QuorumOutcome) outcome = NULL;
  QuorumAttempt *second;
  QuorumVote *police;
  gint64 child;

  child = add_child (conference, "Amy");
  add_usual_attendees (conference);
  vote (conference, child, POLICE, QUORUM_VIEW_NO_PLAN, 0, "No offences.");
  police = quorum_conference_find_vote (conference, child, POLICE);
  quorum_conference_last_attempt (conference, child)->recorded_at = g_strdup ("2026-11-20T10:10:00.000000Z");
  police->recorded_at = g_strdup ("2026-11-20T10:15:00.000000Z");
  add_attempt (conference, child, 2, QUORUM_VIEW_PLAN, QUORUM_CATEGORY_NEGLECT);
  second = quorum_conference_last_attempt (conference, child);
  second->recorded_at = g_strdup ("2026-11-20T10:30:00.000000Z");

  quorum_conference_mark_superseded (conference);
  g_assert_true (police->superseded);
  g_assert_null (quorum_conference_find_current_vote (conference, child, POLICE));
  g_assert_true (quorum_conference_find_vote (conference, child, POLICE) == police);

  outcome = decide_ok (conference, profile, calendar, child, QUORUM_VIEW_NONE, 0);
  g_assert_cmpint (outcome->basis, ==, QUORUM_BASIS_CONSENSUS);
  g_assert_cmpint (outcome->n_plan, ==, 0);
  g_assert_cmpint (outcome->n_no_plan, ==, 0);
  g_assert_cmpint (outcome->n_declined, ==, 0);
}

/* Findings 3 and 4, DOMAIN "Reaching a decision" 6: a dissenting view needs its reason, under
 * every profile; under the chair, a reservation is recorded with its reason. */
static void
test_record_dissent_needs_reason (void)
{
  g_autoptr(QuorumProfile) bolton = load_profile ("bolton");
  g_autoptr(QuorumProfile) bucks = load_profile ("buckinghamshire");
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (QUORUM_REGION_ENGLAND_WALES);
  g_autoptr(QuorumConference) conference = conference_new ("2026-11-20");
  g_autoptr(QuorumOutcome) outcome = NULL;
  gint64 amy;
  gint64 ben;

  amy = add_child (conference, "Amy");
  ben = add_child (conference, "Ben");
  add_usual_attendees (conference);

  add_attempt (conference, amy, 1, QUORUM_VIEW_NONE, 0);
  vote_unchecked (conference, amy, CSC, QUORUM_VIEW_PLAN, 0, NULL);
  vote_unchecked (conference, amy, HEALTH, QUORUM_VIEW_PLAN, 0, NULL);
  vote_unchecked (conference, amy, POLICE, QUORUM_VIEW_PLAN, 0, NULL);
  vote_unchecked (conference, amy, SCHOOL, QUORUM_VIEW_NO_PLAN, 0, NULL);
  assert_decide_fails (conference, bolton, calendar, amy, QUORUM_VIEW_NONE, QUORUM_ERROR_INVALID,
                       "A dissenting view needs its reason");

  add_attempt (conference, ben, 1, QUORUM_VIEW_NONE, 0);
  vote_unchecked (conference, ben, CSC, QUORUM_VIEW_PLAN, 0, NULL);
  vote_unchecked (conference, ben, HEALTH, QUORUM_VIEW_NO_PLAN, 0, NULL);
  vote_unchecked (conference, ben, POLICE, QUORUM_VIEW_NO_PLAN, 0, NULL);
  vote_unchecked (conference, ben, SCHOOL, QUORUM_VIEW_NO_PLAN, 0, NULL);
  assert_decide_fails (conference, bucks, calendar, ben, QUORUM_VIEW_NO_PLAN, QUORUM_ERROR_INVALID,
                       "A reservation is recorded with its reason");
  assert_decide_fails (conference, bucks, calendar, ben, QUORUM_VIEW_PLAN, QUORUM_ERROR_INVALID,
                       "A reservation is recorded with its reason");
}

/* Finding 3, DOMAIN "Reaching a decision" 5: under a chair-decides profile each group's view
 * (agreement or reservation) is recorded before the chair decides, and every reservation is
 * the record's dissent. */
static void
test_record_chair_needs_each_view (void)
{
  g_autoptr(QuorumProfile) bucks = load_profile ("buckinghamshire");
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (QUORUM_REGION_ENGLAND_WALES);
  g_autoptr(QuorumConference) conference = conference_new ("2026-11-20");
  g_autoptr(QuorumOutcome) outcome = NULL;
  gint64 child;

  child = add_child (conference, "Amy");
  add_usual_attendees (conference);
  add_attempt (conference, child, 1, QUORUM_VIEW_NONE, 0);
  assert_decide_fails (conference, bucks, calendar, child, QUORUM_VIEW_PLAN, QUORUM_ERROR_INVALID,
                       "recorded before the chair decides");
  vote (conference, child, CSC, QUORUM_VIEW_PLAN, 0, NULL);
  vote (conference, child, HEALTH, QUORUM_VIEW_NO_PLAN, 0, "Mother engages with the health visitor.");
  vote (conference, child, POLICE, QUORUM_VIEW_PLAN, 0, NULL);
  assert_decide_fails (conference, bucks, calendar, child, QUORUM_VIEW_PLAN, QUORUM_ERROR_INVALID,
                       SCHOOL);
  vote (conference, child, SCHOOL, QUORUM_VIEW_NO_PLAN, 0, "Attendance is good.");
  outcome = decide_ok (conference, bucks, calendar, child, QUORUM_VIEW_PLAN, 0);
  g_assert_cmpuint (outcome->dissent->len, ==, 2);
  g_assert_cmpstr (dissent_at (outcome, 0)->reason, ==, "Mother engages with the health visitor.");
  g_assert_cmpstr (dissent_at (outcome, 1)->reason, ==, "Attendance is good.");
}

static void
add_member_view (QuorumConference *conference,
                 gint64            child,
                 gint64            attendee_id,
                 const char       *name,
                 QuorumView        view,
                 const char       *reason)
{
  QuorumMemberView *m = g_new0 (QuorumMemberView, 1);

  m->child_id = child;
  m->attendee_id = attendee_id;
  m->name = g_strdup (name);
  m->group = g_strdup (HEALTH);
  m->view = view;
  m->reason = g_strdup (reason);
  g_ptr_array_add (conference->member_views, m);
}

/* DOMAIN "Reaching a decision" 6: where a group's representatives cannot agree, each keeps
 * their own position, and only those who differ from the outcome are listed as dissenting. */
static void
test_record_members_own_positions (void)
{
  g_autoptr(QuorumProfile) profile = load_profile ("bolton");
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (QUORUM_REGION_ENGLAND_WALES);
  g_autoptr(QuorumConference) conference = conference_new ("2026-11-20");
  g_autoptr(QuorumOutcome) outcome = NULL;
  g_autoptr(GError) error = NULL;
  const QuorumDissent *health;
  gint64 child;

  child = add_child (conference, "Amy");
  add_usual_attendees (conference);   /* J. Brown (101) and M. Green (102) share HEALTH */
  vote (conference, child, CSC, QUORUM_VIEW_PLAN, 0, "Neglect.");
  vote (conference, child, POLICE, QUORUM_VIEW_PLAN, 0, "Domestic abuse.");
  vote (conference, child, SCHOOL, QUORUM_VIEW_NO_PLAN, 0, "Attendance is good.");

  /* A position without its reason is refused; a non-voting attendee's is refused. */
  g_assert_false (quorum_check_member_view (conference, child, 101, QUORUM_VIEW_PLAN, 0, NULL, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (quorum_check_member_view (conference, child, 105, QUORUM_VIEW_PLAN, 0, "x", &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (quorum_check_member_view (conference, child, 101, QUORUM_VIEW_PLAN, 0, "Weight loss.", &error));
  g_assert_no_error (error);

  add_member_view (conference, child, 101, "J. Brown", QUORUM_VIEW_PLAN, "Weight loss.");
  add_member_view (conference, child, 102, "M. Green", QUORUM_VIEW_NO_PLAN, "Mother engages well.");

  /* They settle on no plan for the group: 2 plan, 2 no plan is a split, made a plan. */
  vote (conference, child, HEALTH, QUORUM_VIEW_NO_PLAN, 0, "We could not agree.");
  outcome = decide_ok (conference, profile, calendar, child, QUORUM_VIEW_NONE, 0);
  g_assert_cmpint (outcome->outcome, ==, QUORUM_VIEW_PLAN);
  g_assert_cmpuint (outcome->dissent->len, ==, 2);
  health = dissent_at (outcome, 0);
  g_assert_cmpstr (health->group, ==, HEALTH);
  /* J. Brown held the outcome's view: not listed as dissenting. */
  g_assert_cmpuint (g_strv_length (health->representatives), ==, 1);
  g_assert_cmpstr (health->representatives[0], ==, "M. Green");
  /* The group's own reason for its settled view is the dissent's too (DOMAIN 3), before the
   * representative's, each named: it was missing from the stored dissent. */
  g_assert_cmpstr (health->reason, ==, "We could not agree.\nM. Green: Mother engages well.");
  /* The group's settled view differs from the outcome: the group dissents. */
  g_assert_true (quorum_conference_dissent_is_group (conference, child, health));
}

/* The group settles on the outcome's view, and one representative's own position differs: the
 * dissent holds her alone, and is not the group's (the app's Dissent list and the JSON said it
 * was: "Health: No plan"). */
static void
test_record_own_position_is_not_group_dissent (void)
{
  g_autoptr(QuorumProfile) profile = load_profile ("bolton");
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (QUORUM_REGION_ENGLAND_WALES);
  g_autoptr(QuorumConference) conference = conference_new ("2026-11-20");
  g_autoptr(QuorumOutcome) outcome = NULL;
  const QuorumDissent *health = NULL;
  gint64 child;

  child = add_child (conference, "Amy");
  add_usual_attendees (conference);
  vote (conference, child, CSC, QUORUM_VIEW_PLAN, 0, "Neglect.");
  vote (conference, child, POLICE, QUORUM_VIEW_PLAN, 0, "Domestic abuse.");
  vote (conference, child, SCHOOL, QUORUM_VIEW_NO_PLAN, 0, "Attendance is good.");
  add_member_view (conference, child, 101, "J. Brown", QUORUM_VIEW_PLAN, "Weight loss.");
  add_member_view (conference, child, 102, "M. Green", QUORUM_VIEW_NO_PLAN, "Mother engages well.");
  vote (conference, child, HEALTH, QUORUM_VIEW_PLAN, 0, "On balance, a plan.");

  outcome = decide_ok (conference, profile, calendar, child, QUORUM_VIEW_NONE, 0);
  g_assert_cmpint (outcome->outcome, ==, QUORUM_VIEW_PLAN);
  for (guint i = 0; i < outcome->dissent->len; i++)
    {
      const QuorumDissent *d = dissent_at (outcome, i);

      if (g_strcmp0 (d->group, HEALTH) == 0)
        health = d;
      else
        g_assert_true (quorum_conference_dissent_is_group (conference, child, d));
    }
  g_assert_nonnull (health);
  g_assert_cmpuint (g_strv_length (health->representatives), ==, 1);
  g_assert_cmpstr (health->representatives[0], ==, "M. Green");
  g_assert_false (quorum_conference_dissent_is_group (conference, child, health));
}

/* DOMAIN "Reaching a decision" 3 and 6: a group settles on a view that none of its
 * representatives held (one for a plan, the other declining, the group for no plan). The group's
 * view differs from the outcome: it dissents, with the group's reason, naming only the
 * representative whose own position differs from the outcome. It was left out of the dissent
 * altogether. */
static void
test_record_group_view_no_member_held (void)
{
  g_autoptr(QuorumProfile) profile = load_profile ("bolton");
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (QUORUM_REGION_ENGLAND_WALES);
  g_autoptr(QuorumConference) conference = conference_new ("2026-11-20");
  g_autoptr(QuorumOutcome) outcome = NULL;
  const QuorumDissent *health = NULL;
  gint64 child;

  child = add_child (conference, "Amy");
  add_usual_attendees (conference);
  vote (conference, child, CSC, QUORUM_VIEW_PLAN, 0, "Neglect.");
  vote (conference, child, POLICE, QUORUM_VIEW_PLAN, 0, "Domestic abuse.");
  vote (conference, child, SCHOOL, QUORUM_VIEW_NO_PLAN, 0, "Attendance is good.");
  add_member_view (conference, child, 101, "J. Brown", QUORUM_VIEW_PLAN, "Weight loss.");
  add_member_view (conference, child, 102, "M. Green", QUORUM_VIEW_DECLINE, "I have not met the family.");
  vote (conference, child, HEALTH, QUORUM_VIEW_NO_PLAN, 0, "On balance, support without a plan.");

  outcome = decide_ok (conference, profile, calendar, child, QUORUM_VIEW_NONE, 0);
  g_assert_cmpint (outcome->outcome, ==, QUORUM_VIEW_PLAN);
  for (guint i = 0; i < outcome->dissent->len; i++)
    if (g_strcmp0 (dissent_at (outcome, i)->group, HEALTH) == 0)
      {
        g_assert_null (health);
        health = dissent_at (outcome, i);
      }
  g_assert_nonnull (health);
  g_assert_cmpint (health->view, ==, QUORUM_VIEW_NO_PLAN);
  g_assert_cmpstr (health->reason, ==, "On balance, support without a plan.");
  /* J. Brown held the outcome's view (a plan): never named as dissenting. */
  g_assert_cmpuint (g_strv_length (health->representatives), ==, 1);
  g_assert_cmpstr (health->representatives[0], ==, "M. Green");
}

/* DOMAIN "Reaching a decision" 2 and 6: where a group's representatives could not agree, each
 * one's own position is kept. With "could not agree" marked and one representative's own
 * position never given, the decision went through and the record named only the one who agreed
 * with the outcome (trial 6, D5): it is refused, naming the child, the group and the person, and
 * with her position recorded her dissent holds her, never him. A representative who left before
 * the decision without giving theirs is not asked for it; one who gave it and left keeps it. */
static void
test_record_could_not_agree_needs_each_own_position (void)
{
  g_autoptr(QuorumProfile) profile = load_profile ("bolton");
  g_autoptr(QuorumProfile) bucks = load_profile ("buckinghamshire");
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (QUORUM_REGION_ENGLAND_WALES);
  g_autoptr(QuorumConference) conference = conference_new ("2026-11-20");
  g_autoptr(QuorumOutcome) outcome = NULL;
  g_autoptr(GArray) missing = NULL;
  g_autoptr(GError) error = NULL;
  const QuorumDissent *health = NULL;
  QuorumAttendee *third;
  gint64 child;

  child = add_child (conference, "Ffion Morgan");
  add_usual_attendees (conference);   /* J. Brown (101) and M. Green (102) share HEALTH */
  vote (conference, child, CSC, QUORUM_VIEW_PLAN, 0, "Neglect.");
  vote (conference, child, POLICE, QUORUM_VIEW_NO_PLAN, 0, "No offence disclosed.");
  vote (conference, child, SCHOOL, QUORUM_VIEW_NO_PLAN, 0, "Attendance is good.");
  vote (conference, child, HEALTH, QUORUM_VIEW_PLAN, 0, "The group settles on a plan.");
  quorum_conference_find_vote (conference, child, HEALTH)->members_disagreed = TRUE;

  /* Marked, and no position given at all: both are asked for. */
  missing = quorum_decide_missing_positions (conference, child);
  g_assert_cmpuint (missing->len, ==, 2);
  g_clear_pointer (&missing, g_array_unref);

  /* J. Brown's position given, M. Green's never: refused, and she is named with her group. */
  add_member_view (conference, child, 101, "J. Brown", QUORUM_VIEW_PLAN, "Weight loss.");
  missing = quorum_decide_missing_positions (conference, child);
  g_assert_cmpuint (missing->len, ==, 1);
  g_assert_cmpint (g_array_index (missing, gint64, 0), ==, 102);
  g_clear_pointer (&missing, g_array_unref);
  assert_decide_fails (conference, profile, calendar, child, QUORUM_VIEW_NONE, QUORUM_ERROR_INVALID,
                       "M. Green of “" HEALTH "” has not given theirs for Ffion Morgan’s decision");
  outcome = quorum_decide (conference, profile, calendar, child, QUORUM_VIEW_NONE, 0, &error);
  g_assert_null (outcome);
  g_assert_null (strstr (error->message, "J. Brown"));
  g_clear_error (&error);
  /* The chair's decision too (Buckinghamshire): her reservation would be lost as well. */
  assert_decide_fails (conference, bucks, calendar, child, QUORUM_VIEW_PLAN, QUORUM_ERROR_INVALID, "M. Green");

  /* Her position recorded: the decision is taken, and the dissent holds her, never him. */
  add_member_view (conference, child, 102, "M. Green", QUORUM_VIEW_NO_PLAN, "Mother engages well.");
  missing = quorum_decide_missing_positions (conference, child);
  g_assert_cmpuint (missing->len, ==, 0);
  g_clear_pointer (&missing, g_array_unref);
  outcome = decide_ok (conference, profile, calendar, child, QUORUM_VIEW_NONE, 0);
  g_assert_cmpint (outcome->outcome, ==, QUORUM_VIEW_PLAN);
  for (guint i = 0; i < outcome->dissent->len; i++)
    if (g_strcmp0 (dissent_at (outcome, i)->group, HEALTH) == 0)
      health = dissent_at (outcome, i);
  g_assert_nonnull (health);
  g_assert_cmpint (health->view, ==, QUORUM_VIEW_NO_PLAN);
  g_assert_cmpuint (g_strv_length (health->representatives), ==, 1);
  g_assert_cmpstr (health->representatives[0], ==, "M. Green");
  g_assert_cmpstr (health->reason, ==, "Mother engages well.");
  g_clear_pointer (&outcome, quorum_outcome_free);

  /* A third representative who left before the decision without giving theirs is not asked
   * for it (they cannot give it now: quorum_check_member_view refuses who is not in the room). */
  third = add_person (conference, "K. Third", "Bolton NHS Foundation Trust", HEALTH, TRUE, QUORUM_ATTENDANCE_PRESENT);
  missing = quorum_decide_missing_positions (conference, child);
  g_assert_cmpuint (missing->len, ==, 1);
  g_assert_cmpint (g_array_index (missing, gint64, 0), ==, third->id);
  g_clear_pointer (&missing, g_array_unref);
  assert_decide_fails (conference, profile, calendar, child, QUORUM_VIEW_NONE, QUORUM_ERROR_INVALID, "K. Third");
  third->left_at = g_strdup ("10:30");
  g_assert_false (quorum_check_member_view (conference, child, third->id, QUORUM_VIEW_NO_PLAN, 0, "Late words.", &error));
  g_clear_error (&error);
  outcome = decide_ok (conference, profile, calendar, child, QUORUM_VIEW_NONE, 0);
  g_clear_pointer (&outcome, quorum_outcome_free);

  /* One who gave theirs and left keeps it: M. Green leaves, her dissent stands. */
  quorum_conference_find_attendee (conference, 102)->left_at = g_strdup ("10:40");
  outcome = decide_ok (conference, profile, calendar, child, QUORUM_VIEW_NONE, 0);
  health = NULL;
  for (guint i = 0; i < outcome->dissent->len; i++)
    if (g_strcmp0 (dissent_at (outcome, i)->group, HEALTH) == 0)
      health = dissent_at (outcome, i);
  g_assert_nonnull (health);
  g_assert_cmpstr (health->representatives[0], ==, "M. Green");
  g_clear_pointer (&outcome, quorum_outcome_free);

  /* Not marked, and no position recorded: one view between them, nobody asked. */
  vote (conference, child, HEALTH, QUORUM_VIEW_PLAN, 0, "We agree on a plan.");
  g_ptr_array_set_size (conference->member_views, 0);
  quorum_conference_find_vote (conference, child, HEALTH)->members_disagreed = FALSE;
  missing = quorum_decide_missing_positions (conference, child);
  g_assert_cmpuint (missing->len, ==, 0);
  outcome = decide_ok (conference, profile, calendar, child, QUORUM_VIEW_NONE, 0);
}

/* A conference is set up ahead, but its record (views, consensus, decisions, proceeding though
 * inquorate) is made on or after the day it sits: the store asks this rule before each. */
static void
test_record_made_on_or_after_the_day_it_sits (void)
{
  g_autoptr(QuorumConference) conference = conference_new ("2026-11-20");
  g_autoptr(GError) error = NULL;

  conference->id = 12;
  g_setenv ("QUORUM_TODAY", "2026-11-19", TRUE);
  g_assert_false (quorum_conference_check_sitting (conference, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Conference 12 sits on 2026-11-20, in the future (today is 2026-11-19)"));
  g_clear_error (&error);

  g_setenv ("QUORUM_TODAY", "2026-11-20", TRUE);
  g_assert_true (quorum_conference_check_sitting (conference, &error));
  g_assert_no_error (error);
  g_setenv ("QUORUM_TODAY", "2026-11-23", TRUE);
  g_assert_true (quorum_conference_check_sitting (conference, &error));
  g_unsetenv ("QUORUM_TODAY");
}

/* DOMAIN "The challenge of a chair's decision": a route of the profile, refused without it;
 * only a dissenting agency raises it; the Co-ordinator is alerted immediately, and decides. */
static void
test_challenge_rules (void)
{
  g_autoptr(QuorumProfile) bolton = load_profile ("bolton");
  g_autoptr(QuorumProfile) bucks = load_profile ("buckinghamshire");
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (QUORUM_REGION_ENGLAND_WALES);
  g_autoptr(QuorumConference) conference = conference_new ("2026-11-20");
  g_autoptr(QuorumOutcome) outcome = NULL;
  g_autoptr(GError) error = NULL;
  QuorumChallenge challenge = { 0 };
  QuorumDecision *decision;
  GDate day;
  GDate review;
  gint64 child;

  g_assert_false (quorum_profile_has_challenge_route (bolton));
  g_assert_true (quorum_profile_has_challenge_route (bucks));
  g_assert_cmpuint (bucks->challenge_decisions, ==, QUORUM_CHALLENGE_ALL);
  g_assert_cmpstr (bucks->challenge_alert_when, ==, "immediately");

  child = add_child (conference, "Amy");
  add_usual_attendees (conference);
  vote (conference, child, CSC, QUORUM_VIEW_PLAN, 0, "Neglect.");
  vote (conference, child, HEALTH, QUORUM_VIEW_NO_PLAN, 0, NULL);
  vote (conference, child, POLICE, QUORUM_VIEW_NO_PLAN, 0, NULL);
  vote (conference, child, SCHOOL, QUORUM_VIEW_NO_PLAN, 0, NULL);
  set_iso (&day, "2026-11-21");

  g_assert_false (quorum_challenge_check_raise (conference, bucks, child, "Bolton Children's Social Care",
                                                "Ops Manager", &day, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);  /* not decided yet */
  g_clear_error (&error);
  {
    g_auto(GStrv) none = quorum_challenge_dup_agencies (conference, child);

    g_assert_cmpuint (g_strv_length (none), ==, 0);
  }

  outcome = decide_ok (conference, bucks, calendar, child, QUORUM_VIEW_NO_PLAN, 0);
  record_decision (conference, outcome);
  decision = quorum_conference_find_decision (conference, child);
  g_ptr_array_add (decision->dissent, g_ptr_array_steal_index (outcome->dissent, 0));

  /* Who may challenge, as the form offers them: the dissenting group, then the agency of the
   * representative its dissent names; not the groups that held the outcome's view. */
  {
    g_auto(GStrv) agencies = quorum_challenge_dup_agencies (conference, child);
    const char * const expected[] = { CSC, "Bolton Children's Social Care", NULL };

    g_assert_cmpstrv (agencies, expected);
  }

  /* The Bolton profile has no route: refused. */
  g_assert_false (quorum_challenge_check_raise (conference, bolton, child, "Bolton Children's Social Care",
                                                "Ops Manager", &day, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "no challenge route"));
  g_clear_error (&error);
  /* Only a dissenting agency challenges. */
  g_assert_false (quorum_challenge_check_raise (conference, bucks, child, "Greater Manchester Police",
                                                "DI Smith", &day, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "The agencies that dissented: " CSC ", Bolton Children's Social Care"));
  g_clear_error (&error);
  g_assert_false (quorum_challenge_check_raise (conference, bucks, child, "Bolton Children's Social Care",
                                                " ", &day, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (quorum_challenge_check_raise (conference, bucks, child, "Bolton Children's Social Care",
                                               "Ops Manager", &day, &error));
  g_assert_no_error (error);

  challenge.child_id = child;
  challenge.raised_on = day;
  g_date_clear (&challenge.alerted_on, 1);
  g_date_clear (&challenge.decided_on, 1);
  /* The Co-ordinator decides once alerted; alerted the same day, not late; the next day, late. */
  g_assert_false (quorum_challenge_check_decide (conference, bucks, &challenge, &day, QUORUM_CHALLENGE_UPHOLD,
                                                 NULL, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (quorum_challenge_check_alert (&challenge, "S. Coordinator", &day, &error));
  g_assert_no_error (error);
  challenge.alerted_on = day;
  g_assert_false (quorum_challenge_alert_is_late (&challenge));
  g_date_add_days (&challenge.alerted_on, 1);
  g_assert_true (quorum_challenge_alert_is_late (&challenge));
  challenge.alerted_on = day;

  /* Any combination of its decisions; upholding and an interim plan are alternatives. */
  g_assert_false (quorum_challenge_check_decide (conference, bucks, &challenge, &day,
                                                 QUORUM_CHALLENGE_UPHOLD | QUORUM_CHALLENGE_INTERIM_PLAN,
                                                 NULL, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (quorum_challenge_check_decide (conference, bucks, &challenge, &day,
                                                 QUORUM_CHALLENGE_REVIEW_FORWARD, NULL, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);
  set_iso (&review, "2026-11-28");
  g_assert_true (quorum_challenge_check_decide (conference, bucks, &challenge, &day,
                                                QUORUM_CHALLENGE_INTERIM_PLAN | QUORUM_CHALLENGE_REVIEW_FORWARD |
                                                QUORUM_CHALLENGE_REFER, &review, &error));
  g_assert_no_error (error);
  g_assert_true (quorum_challenge_check_decide (conference, bucks, &challenge, &day,
                                                QUORUM_CHALLENGE_UPHOLD | QUORUM_CHALLENGE_REFER, NULL, &error));
  g_assert_no_error (error);
  /* The record holds what has happened: raised, alerted or decided after today is refused. */
  {
    QuorumChallenge fresh = challenge;
    GDate tomorrow = day;

    g_setenv ("QUORUM_TODAY", "2026-11-21", TRUE);
    g_date_add_days (&tomorrow, 1);
    g_assert_false (quorum_challenge_check_raise (conference, bucks, child, "Bolton Children's Social Care",
                                                  "Ops Manager", &tomorrow, &error));
    g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "(2026-11-22) is in the future (today is 2026-11-21)"));
    g_clear_error (&error);
    g_date_clear (&fresh.alerted_on, 1);
    g_assert_false (quorum_challenge_check_alert (&fresh, "S. Coordinator", &tomorrow, &error));
    g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "(2026-11-22) is in the future (today is 2026-11-21)"));
    g_clear_error (&error);
    g_assert_false (quorum_challenge_check_decide (conference, bucks, &challenge, &tomorrow,
                                                   QUORUM_CHALLENGE_UPHOLD, NULL, &error));
    g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "(2026-11-22) is in the future (today is 2026-11-21)"));
    g_clear_error (&error);
    /* Today itself is not the future; a review brought forward is a date ahead, and allowed. */
    g_assert_true (quorum_challenge_check_decide (conference, bucks, &challenge, &day,
                                                  QUORUM_CHALLENGE_REVIEW_FORWARD, &review, &error));
    g_assert_no_error (error);
    g_unsetenv ("QUORUM_TODAY");
  }

  /* A profile that does not give a decision refuses it. */
  bucks->challenge_decisions = QUORUM_CHALLENGE_UPHOLD;
  g_assert_false (quorum_challenge_check_decide (conference, bucks, &challenge, &day, QUORUM_CHALLENGE_REFER,
                                                 NULL, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
}

/* DOMAIN "Reaching a decision": a view of plan comes with the category of abuse; the chair's own
 * decision of a plan names at least one (no plan names none). */
static void
test_chair_plan_names_a_category (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (quorum_check_chair_plan (QUORUM_VIEW_PLAN, QUORUM_CATEGORY_NONE, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "category of abuse"));
  g_clear_error (&error);
  g_assert_true (quorum_check_chair_plan (QUORUM_VIEW_PLAN, QUORUM_CATEGORY_NEGLECT | QUORUM_CATEGORY_EMOTIONAL, &error));
  g_assert_no_error (error);
  g_assert_true (quorum_check_chair_plan (QUORUM_VIEW_NO_PLAN, QUORUM_CATEGORY_NONE, &error));
  g_assert_no_error (error);
}

/* Rule 7 (corrections are amendments naming what they correct): the record an amendment names
 * is read one way everywhere ("vote:12"), and nothing else is taken for one. */
static void
test_amendment_record_parsed (void)
{
  gsize kind_len = 0;
  gint64 id = 0;

  g_assert_true (quorum_amendment_parse_record ("vote:12", &kind_len, &id));
  g_assert_cmpuint (kind_len, ==, 4);
  g_assert_cmpint (id, ==, 12);
  g_assert_true (quorum_amendment_parse_record ("attendee:9007199254740993", &kind_len, &id));
  g_assert_cmpint (id, ==, G_GINT64_CONSTANT (9007199254740993));
  g_assert_false (quorum_amendment_parse_record (NULL, &kind_len, &id));
  g_assert_false (quorum_amendment_parse_record ("vote", &kind_len, &id));
  g_assert_false (quorum_amendment_parse_record (":12", &kind_len, &id));
  g_assert_false (quorum_amendment_parse_record ("vote:", &kind_len, &id));
  g_assert_false (quorum_amendment_parse_record ("vote:-3", &kind_len, &id));
  g_assert_false (quorum_amendment_parse_record ("vote:0", &kind_len, &id));
  g_assert_false (quorum_amendment_parse_record ("vote:12x", &kind_len, &id));
  g_assert_false (quorum_amendment_parse_record ("vote:99999999999999999999", &kind_len, &id));
}

/* DOMAIN "Reaching a decision" 1: a consensus attempt records the agreement of the voting groups
 * in the room. With no attendee, or only apologies, a written report and a non-voting attendee,
 * there is no one whose agreement it records: refused. One voting attendee present: accepted. */
static void
test_consensus_attempt_needs_voting_group_present (void)
{
  g_autoptr(QuorumConference) conference = conference_new ("2026-11-02");
  g_autoptr(GError) error = NULL;

  add_child (conference, "Amy Jones");
  g_assert_false (quorum_check_attempt (conference, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "No one with a vote is in the room"));
  g_clear_error (&error);

  add_person (conference, "P. Apologies", "Police", "Police", TRUE, QUORUM_ATTENDANCE_APOLOGIES);
  add_person (conference, "H. Report", "Health", "Health", TRUE, QUORUM_ATTENDANCE_REPORT_SENT);
  add_person (conference, "N. Observer", "Housing", "Housing", FALSE, QUORUM_ATTENDANCE_PRESENT);
  g_assert_false (quorum_check_attempt (conference, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);

  add_attendee (conference, "S. Worker", "Children's social care", "CSC");
  g_assert_true (quorum_check_attempt (conference, &error));
  g_assert_no_error (error);
}

/* The chair-decides rule (002 §4.1, DOMAIN "Reaching a decision" 5): with no consensus the chair
 * makes the decision, and the record says why. The chair's reasons are required with the chair's
 * decision, checked as every reason is, and refused with any other basis (a consensus, a
 * majority, a split: the groups' decision, with no place for them). */
static void
test_chair_decides_chair_reason (void)
{
  g_autoptr(QuorumProfile) bucks = load_profile ("buckinghamshire");
  g_autoptr(QuorumProfile) bolton = load_profile ("bolton");
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (QUORUM_REGION_ENGLAND_WALES);
  g_autoptr(QuorumConference) conference = conference_new ("2026-11-20");
  g_autoptr(QuorumConference) majority = conference_new ("2026-11-20");
  g_autoptr(QuorumOutcome) chair = NULL;
  g_autoptr(QuorumOutcome) agreed = NULL;
  g_autoptr(QuorumOutcome) voted = NULL;
  g_autoptr(GError) error = NULL;
  gint64 amy;
  gint64 ben;
  gint64 cal;

  amy = add_child (conference, "Amy");
  ben = add_child (conference, "Ben");
  add_usual_attendees (conference);
  vote (conference, amy, CSC, QUORUM_VIEW_PLAN, QUORUM_CATEGORY_NEGLECT, NULL);
  vote (conference, amy, HEALTH, QUORUM_VIEW_NO_PLAN, 0, "Mother is engaging.");
  vote (conference, amy, POLICE, QUORUM_VIEW_PLAN, QUORUM_CATEGORY_NEGLECT, NULL);
  vote (conference, amy, SCHOOL, QUORUM_VIEW_NO_PLAN, 0, "No concerns at school.");
  chair = decide_ok (conference, bucks, calendar, amy, QUORUM_VIEW_PLAN, QUORUM_CATEGORY_NEGLECT);
  g_assert_cmpint (chair->basis, ==, QUORUM_BASIS_CHAIR);

  /* Missing, empty or only white space: refused, naming the child and what to give. */
  g_assert_false (quorum_check_decision_reason (chair, "Amy", NULL, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "give the chair’s reasons for the decision for Amy"));
  g_clear_error (&error);
  g_assert_false (quorum_check_decision_reason (chair, "Amy", "", &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (quorum_check_decision_reason (chair, "Amy", " \n\t ", &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);
  /* Core's text checks, as every reason: no control characters, no deceptive ones, not too long. */
  g_assert_false (quorum_check_decision_reason (chair, "Amy", "Neglect\x07 at night", &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (quorum_check_decision_reason (chair, "Amy", "Neglect \xe2\x80\xae at night", &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autofree char *long_reason = g_strnfill (QUORUM_MAX_TEXT + 1, 'a');

    g_assert_false (quorum_check_decision_reason (chair, "Amy", long_reason, &error));
    g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
    g_clear_error (&error);
  }
  g_assert_true (quorum_check_decision_reason (chair, "Amy", "Neglect at night is unresolved.\nOnly a plan lets the agencies see it is.", &error));
  g_assert_no_error (error);

  /* A consensus under the same policy is the conference's: no chair's reasons (none needed). */
  add_attempt (conference, ben, 1, QUORUM_VIEW_NO_PLAN, 0);
  agreed = decide_ok (conference, bucks, calendar, ben, QUORUM_VIEW_NONE, 0);
  g_assert_cmpint (agreed->basis, ==, QUORUM_BASIS_CONSENSUS);
  g_assert_true (quorum_check_decision_reason (agreed, "Ben", NULL, &error));
  g_assert_false (quorum_check_decision_reason (agreed, "Ben", "The chair agrees.", &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "reached consensus for Ben"));
  g_clear_error (&error);

  /* A majority (Bolton) is the groups': refused too, saying why. */
  cal = add_child (majority, "Cal");
  add_usual_attendees (majority);
  vote (majority, cal, CSC, QUORUM_VIEW_PLAN, QUORUM_CATEGORY_NEGLECT, NULL);
  vote (majority, cal, HEALTH, QUORUM_VIEW_PLAN, QUORUM_CATEGORY_NEGLECT, NULL);
  vote (majority, cal, POLICE, QUORUM_VIEW_PLAN, QUORUM_CATEGORY_NEGLECT, NULL);
  vote (majority, cal, SCHOOL, QUORUM_VIEW_NO_PLAN, 0, "No concerns at school.");
  voted = decide_ok (majority, bolton, calendar, cal, QUORUM_VIEW_NONE, 0);
  g_assert_cmpint (voted->basis, ==, QUORUM_BASIS_MAJORITY);
  g_assert_true (quorum_check_decision_reason (voted, "Cal", NULL, &error));
  g_assert_false (quorum_check_decision_reason (voted, "Cal", "", &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "not by the chair"));
  g_clear_error (&error);
}

/* A view refused under the chair-decides rule is refused in its words: there is no vote under it
 * (the refusal said "The vote is a last resort" under either rule). Bolton's words stay Bolton's. */
static void
test_chair_decides_view_refused_in_its_words (void)
{
  g_autoptr(QuorumConference) conference = conference_new ("2026-11-20");
  gint64 child;

  child = add_child (conference, "Amy");
  add_usual_attendees (conference);
  conference->rule = QUORUM_RULE_CHAIR_DECIDES;
  assert_vote_fails (conference, child, CSC, QUORUM_VIEW_PLAN, 0, "x", QUORUM_ERROR_INVALID,
                     "The chair decides only when there is no consensus: record the attempt to reach a "
                     "consensus for Amy (and that it reached none) before the groups give their views");
  add_attempt (conference, child, 1, QUORUM_VIEW_PLAN, QUORUM_CATEGORY_NEGLECT);
  assert_vote_fails (conference, child, CSC, QUORUM_VIEW_PLAN, 0, "x", QUORUM_ERROR_INVALID,
                     "The conference reached consensus for Amy: the groups’ views come before the chair’s "
                     "decision only when there is none");

  conference->rule = QUORUM_RULE_MAJORITY_BY_LINE_MANAGEMENT;
  assert_vote_fails (conference, child, CSC, QUORUM_VIEW_PLAN, 0, "x", QUORUM_ERROR_INVALID,
                     "The conference reached consensus for Amy: the vote is only a last resort");
}

/* DOMAIN "Reaching a decision" 3: every dissenting group is recorded with its representatives,
 * its view and its reasons: the reasons for the view it holds. A reason given for one view is
 * not the reason of another (trial 7 D1: Plan's reason minuted as No plan's). */
static void
test_every_dissent_with_its_reasons_for_the_view_it_holds (void)
{
  g_autoptr(GError) error = NULL;
  const char *plan_reason = "Ruby disclosed to her nursery worker that daddy shouts at mummy.";

  /* The same view, or none before: the reason stands. */
  g_assert_true (quorum_view_change_keeps_reason (QUORUM_VIEW_PLAN, QUORUM_VIEW_PLAN));
  g_assert_true (quorum_view_change_keeps_reason (QUORUM_VIEW_NONE, QUORUM_VIEW_NO_PLAN));
  /* Changed: it does not. */
  g_assert_false (quorum_view_change_keeps_reason (QUORUM_VIEW_PLAN, QUORUM_VIEW_NO_PLAN));
  g_assert_false (quorum_view_change_keeps_reason (QUORUM_VIEW_DECLINE, QUORUM_VIEW_PLAN));

  /* The old view's words, given again with the new view unconfirmed: refused, naming the group
   * and both views. Blanks around them are no new words. */
  g_assert_false (quorum_check_view_change ("Police", QUORUM_VIEW_PLAN, plan_reason, QUORUM_VIEW_NO_PLAN,
                                            "  Ruby disclosed to her nursery worker that daddy shouts at mummy.\n",
                                            FALSE, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Police"));
  g_assert_nonnull (strstr (error->message, "given for Child protection plan"));
  g_assert_nonnull (strstr (error->message, "reasons for No plan"));
  g_clear_error (&error);
  g_assert_false (quorum_check_view_change ("CSC", QUORUM_VIEW_DECLINE, "We have not met Ben yet and cannot give a view",
                                            QUORUM_VIEW_PLAN, "We have not met Ben yet and cannot give a view",
                                            FALSE, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);

  /* Confirmed for the new view, new words, no words (the old reason simply not carried), or the
   * same view: accepted. */
  g_assert_true (quorum_check_view_change ("Police", QUORUM_VIEW_PLAN, plan_reason, QUORUM_VIEW_NO_PLAN,
                                           plan_reason, TRUE, &error));
  g_assert_true (quorum_check_view_change ("Police", QUORUM_VIEW_PLAN, plan_reason, QUORUM_VIEW_NO_PLAN,
                                           "DC Lowe now thinks the family's support is enough", FALSE, &error));
  g_assert_true (quorum_check_view_change ("Police", QUORUM_VIEW_PLAN, plan_reason, QUORUM_VIEW_NO_PLAN,
                                           NULL, FALSE, &error));
  g_assert_true (quorum_check_view_change ("Police", QUORUM_VIEW_PLAN, plan_reason, QUORUM_VIEW_PLAN,
                                           plan_reason, FALSE, &error));
  g_assert_true (quorum_check_view_change ("Police", QUORUM_VIEW_NO_PLAN, NULL, QUORUM_VIEW_PLAN,
                                           plan_reason, FALSE, &error));
  g_assert_no_error (error);
}

/* quorum_group_equal and quorum_group_matches compare plain ASCII names without making their
 * normal forms: every pair gives what comparing quorum_group_normalize ()'s answers gives. */
static void
test_group_compare_as_normal (void)
{
  const char *names[] = {
    "", " ", "\t\n", "a", "A", " a", "a ", "  a  ", "a b", "a  b", "a\tb", "ab", "a b ", " A\tB\n",
    "Bolton NHS FT Health Visiting", "bolton  nhs ft health  visiting", "Bolton NHS FT Health Visitin",
    "Bolton NHS FT Health Visiting x", "bolton nhs ft healthvisiting", "CSC", "csc ", "C S C",
    "GMP Public Protection", "GMP\u00a0Public Protection", "\uff27MP public protection",
    "caf\u00e9", "cafe\u0301", "CAF\u00c9", "Stra\u00dfe", "strasse", "a\u200bb", "a\u00a0b",
    "\xff\xfe bad", "x\x80",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *ni = quorum_group_normalize (names[i]);

      g_assert_true (quorum_group_matches (NULL, "") && !quorum_group_matches (NULL, "a"));
      for (guint j = 0; j < G_N_ELEMENTS (names); j++)
        {
          g_autofree char *nj = quorum_group_normalize (names[j]);
          gboolean same = strcmp (ni, nj) == 0;

          if (quorum_group_equal (names[i], names[j]) != same || quorum_group_matches (names[i], nj) != same)
            g_error ("\"%s\" against \"%s\": normal forms %s", names[i], names[j], same ? "equal" : "differ");
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/decision/groups/compared-as-their-normal-forms", test_group_compare_as_normal);
  g_test_add_func ("/decision/record/every-dissent-with-its-reasons-for-the-view-it-holds",
                   test_every_dissent_with_its_reasons_for_the_view_it_holds);

  g_test_add_func ("/decision/record/own-position-is-not-group-dissent", test_record_own_position_is_not_group_dissent);
  g_test_add_func ("/decision/bolton/decision-is-per-child", test_bolton_decision_is_per_child);
  g_test_add_func ("/decision/consensus/attempt-needs-a-voting-group-present", test_consensus_attempt_needs_voting_group_present);
  g_test_add_func ("/decision/bolton/one-view-per-line-management-group", test_bolton_one_view_per_group);
  g_test_add_func ("/decision/bolton/non-voting-attendees-never-count", test_bolton_non_voting_never_count);
  g_test_add_func ("/decision/bolton/absent-attendees-never-count", test_bolton_absent_never_count);
  g_test_add_func ("/decision/bolton/declined-view-recorded-not-counted", test_bolton_declined_not_counted);
  g_test_add_func ("/decision/consensus", test_consensus);
  g_test_add_func ("/decision/bolton/majority-with-every-dissent-and-reasons", test_bolton_majority_with_dissent);
  g_test_add_func ("/decision/bolton/split-makes-plan-and-referral", test_bolton_split);
  g_test_add_func ("/decision/bolton/zero-counted-views-refused", test_bolton_zero_counted_views);
  g_test_add_func ("/decision/bolton/group-without-view-refused", test_bolton_group_without_view);
  g_test_add_func ("/decision/bolton/chair-view-refused", test_bolton_chair_view_refused);
  g_test_add_func ("/decision/buckinghamshire/chair-decides", test_bucks_chair_decides);
  g_test_add_func ("/decision/buckinghamshire/chair-view-required", test_bucks_chair_view_required);
  g_test_add_func ("/decision/chair-decides/chair-reason-with-the-chairs-decision-only", test_chair_decides_chair_reason);
  g_test_add_func ("/decision/chair-decides/view-refused-in-its-words", test_chair_decides_view_refused_in_its_words);
  g_test_add_func ("/decision/quoracy/quorate", test_quoracy_quorate);
  g_test_add_func ("/decision/quoracy/missing-lead-agency", test_quoracy_missing_lead);
  g_test_add_func ("/decision/quoracy/too-few-other-agencies", test_quoracy_too_few_others);
  g_test_add_func ("/decision/quoracy/proceed-with-reason", test_quoracy_proceed_with_reason);
  g_test_add_func ("/decision/quoracy/consensus-also-needs-the-reason", test_quoracy_consensus_needs_reason);
  g_test_add_func ("/decision/vote-checks/no-voting-attendee-in-group", test_vote_checks_no_voting_attendee);
  g_test_add_func ("/decision/vote-checks/unknown-child", test_vote_checks_unknown_child);
  g_test_add_func ("/decision/vote-checks/finalised", test_vote_checks_finalised);
  g_test_add_func ("/decision/vote-checks/already-decided", test_vote_checks_already_decided);
  g_test_add_func ("/decision/vote-checks/after-consensus", test_vote_checks_after_consensus);
  g_test_add_func ("/decision/vote-checks/categories-only-with-plan", test_vote_checks_categories_without_plan);
  g_test_add_func ("/decision/vote-checks/view-must-be-plan-no-plan-or-decline", test_vote_checks_bad_view);
  g_test_add_func ("/decision/vote-checks/decline-needs-reason", test_vote_checks_decline_without_reason);
  g_test_add_func ("/decision/vote-checks/group-may-vote-again", test_vote_checks_group_votes_again);
  g_test_add_func ("/decision/panel-due", test_panel_due);
  g_test_add_func ("/decision/referral/correction-changes-something", test_referral_correction_changes_something);
  g_test_add_func ("/decision/referral/refs2-as-of-dates-outcome-and-corrections", test_referral_as_of);
  g_test_add_func ("/decision/referral/refs2-timestamp-local-date", test_timestamp_local_date);
  g_test_add_func ("/decision/record/view-stays-counted-after-its-giver-leaves", test_record_view_stays_counted_after_leaving);
  g_test_add_func ("/decision/record/leaving-before-a-view-leaves-the-group-without-one", test_record_leaving_before_view);
  g_test_add_func ("/decision/record/nobody-joins-the-voters-of-a-decided-child", test_record_nobody_joins_decided_child);
  g_test_add_func ("/decision/record/no-arrival-before-a-decision-taken-without-them",
                   test_record_no_arrival_before_uncounted_decision);
  g_test_add_func ("/decision/record/a-consensus-for-a-plan-names-its-category", test_record_consensus_plan_needs_category);
  g_test_add_func ("/decision/record/vote-is-the-last-resort", test_record_vote_needs_attempt);
  g_test_add_func ("/decision/record/view-before-a-later-consensus-is-superseded", test_record_superseded_view);
  g_test_add_func ("/decision/record/dissent-is-never-empty", test_record_dissent_needs_reason);
  g_test_add_func ("/decision/record/chair-decides-after-each-groups-view", test_record_chair_needs_each_view);
  g_test_add_func ("/decision/record/only-members-who-differ-dissent", test_record_members_own_positions);
  g_test_add_func ("/decision/record/could-not-agree-needs-each-representatives-own-position",
                   test_record_could_not_agree_needs_each_own_position);
  g_test_add_func ("/decision/record/made-on-or-after-the-day-it-sits", test_record_made_on_or_after_the_day_it_sits);
  g_test_add_func ("/decision/record/group-view-no-representative-held-dissents", test_record_group_view_no_member_held);
  g_test_add_func ("/decision/record/amendment-names-its-record", test_amendment_record_parsed);
  g_test_add_func ("/challenge/route-of-the-profile", test_challenge_rules);
  g_test_add_func ("/decision/chair/plan-names-a-category-of-abuse", test_chair_plan_names_a_category);

  return g_test_run ();
}
