/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-difference.c: the escalation rules of a professional difference on each shipped profile:
 * every stage walked with dates around weekends and bank holidays, each due date by hand. */

#include <stdio.h>
#include <string.h>

#include "quorum/quorum.h"

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
    return NULL;
  g_date_strftime (buf, sizeof buf, "%Y-%m-%d", date);
  return g_strdup (buf);
}

/* @expected NULL: no due date (the stage has no limit). */
#define assert_date(date, expected) \
  G_STMT_START { \
    g_autofree char *_iso = iso_of (date); \
    g_assert_cmpstr (_iso, ==, expected); \
  } G_STMT_END

static void
spec_init (QuorumDifferenceSpec *spec,
           const char           *profile_id,
           const char           *date)
{
  memset (spec, 0, sizeof *spec);
  spec->profile_id = profile_id;
  set_iso (&spec->date, date);
  spec->raised_by = "A. Khan";
  spec->role = "Health visitor";
  spec->agency = "Bolton NHS FT";
  spec->against = "Children's Social Care";
  spec->against_decision = "No further action after the referral of 2 November";
  spec->child = "Amy Smith";
  spec->area = QUORUM_AREA_THRESHOLDS;
  spec->outcome_sought = "A strategy meeting";
}

static QuorumDifference *
raise_on (QuorumProfile  *profile,
          QuorumCalendar *calendar,
          const char     *date,
          gboolean        immediate_risk)
{
  g_autoptr(GError) error = NULL;
  QuorumDifferenceSpec spec;
  QuorumDifference *d;

  spec_init (&spec, profile->id, date);
  spec.immediate_risk = immediate_risk;
  d = quorum_difference_raise (&spec, profile, calendar, &error);
  g_assert_no_error (error);
  g_assert_nonnull (d);
  return d;
}

/* What the store does after quorum_difference_escalate: the new stage becomes current. */
static const QuorumDifferenceStage *
escalate_on (QuorumDifference *d,
             QuorumProfile    *profile,
             QuorumCalendar   *calendar,
             const char       *date)
{
  g_autoptr(GError) error = NULL;
  QuorumDifferenceStage *stage;
  GDate when;

  set_iso (&when, date);
  stage = quorum_difference_escalate (d, profile, calendar, &when, "No agreement was reached", &error);
  g_assert_no_error (error);
  g_assert_nonnull (stage);
  g_ptr_array_add (d->stages, stage);
  return stage;
}

/* ---- the walks: each profile, every stage ---- */

typedef struct
{
  const char *date;     /* raised (stage 1) or escalated to the stage */
  const char *due;      /* by hand; NULL: no time limit set by this policy */
  const char *rule;     /* the test path's last part */
  int         number;   /* the stage reached, when not the step's own (0: step + 1) */
} Step;

typedef struct
{
  const char *profile;
  guint       n_steps;
  Step        steps[8];
} Walk;

/* England and Wales bank holidays used below, by hand:
 * 2026: Mon 31 Aug (summer), Fri 25 Dec, Mon 28 Dec (Boxing Day falls on a Saturday).
 * 2027: Fri 1 Jan, Fri 26 Mar (Good Friday), Mon 29 Mar (Easter Monday), Mon 3 May (early May),
 *       Mon 31 May (spring), Mon 30 Aug (summer). */
static const Walk walks[] = {
  /* Bolton: practitioners → line managers → the management structure; no limits. */
  { "bolton", 3, {
    { "2026-12-24", NULL, "stage-1-practitioners-no-time-limit" },
    { "2026-12-26", NULL, "stage-2-line-managers-no-time-limit-escalated-on-a-saturday" },
    { "2027-01-01", NULL, "stage-3-management-structure-no-time-limit-escalated-on-a-bank-holiday" },
  } },
  /* Buckinghamshire: five stages "without delay", no day limits. */
  { "buckinghamshire", 5, {
    { "2026-08-28", NULL, "stage-1-practitioners-no-time-limit" },
    { "2026-08-31", NULL, "stage-2-first-line-managers-no-time-limit" },
    { "2026-12-25", NULL, "stage-3-operations-manager-without-delay-no-day-limit" },
    { "2027-03-26", NULL, "stage-4-heads-of-service-no-time-limit" },
    { "2027-03-29", NULL, "stage-5-bscb-sub-committee-no-time-limit" },
  } },
  /* South East Wales: steps 3 and 4 within 2 working days, step 6 notified within 5. */
  { "south-east-wales", 8, {
    { "2026-08-24", NULL, "step-1-no-time-limit" },
    { "2026-08-25", NULL, "step-2-no-time-limit" },
    /* Rule: SEW step 3's clock starts when the line managers were told, at step 2 (08-25) */
    { "2026-08-28", "2026-08-27", "step-3-within-2-working-days-of-step-2" },
    /* Thu 24 Dec; 25 and 28 Dec are holidays: Tue 29, Wed 30 Dec */
    { "2026-12-24", "2026-12-30", "step-4-within-2-working-days" },
    { "2026-12-30", NULL, "step-5-monitored-no-time-limit" },
    /* Thu 25 Mar 2027; Good Friday and Easter Monday: 30, 31 Mar, 1, 2, 5 Apr */
    { "2027-03-25", "2027-04-05", "step-6-decision-notified-within-5-working-days" },
    { "2027-04-06", NULL, "step-7-review-report-no-time-limit" },
    { "2027-05-03", NULL, "step-8-organisational-issues-no-time-limit" },
  } },
  /* The six-stage model: no day limits; stages 4 and 5 are alternatives (see test_six_stage_branch). */
  { "six-stage", 5, {
    { "2026-11-20", NULL, "stage-1-shared-understanding-no-time-limit" },
    { "2026-11-21", NULL, "stage-2-line-manager-no-time-limit" },
    { "2026-12-25", NULL, "stage-3-equivalent-colleagues-no-time-limit" },
    { "2026-12-28", NULL, "stage-4-child-protection-manager-no-time-limit" },
    { "2027-01-04", NULL, "stage-6-lscb-chair-after-stage-4-no-time-limit", 6 },
  } },
  /* Bradford: each step within 5 working days. */
  { "bradford", 6, {
    /* Thu 24 Dec 2026: 25, 28 Dec and 1 Jan are holidays: 29, 30, 31 Dec, 4, 5 Jan */
    { "2026-12-24", "2027-01-05", "step-1-within-5-working-days-over-christmas" },
    /* Tue 5 Jan: 6, 7, 8, 11, 12 Jan */
    { "2027-01-05", "2027-01-12", "step-2-within-5-working-days-over-a-weekend" },
    /* Thu 25 Mar: Good Friday and Easter Monday: 30, 31 Mar, 1, 2, 5 Apr */
    { "2027-03-25", "2027-04-05", "step-3-within-5-working-days-over-easter" },
    /* Fri 30 Apr: Mon 3 May early May bank holiday: 4, 5, 6, 7, 10 May */
    { "2027-04-30", "2027-05-10", "step-4-within-5-working-days-over-early-may" },
    /* Fri 28 May: Mon 31 May spring bank holiday: 1, 2, 3, 4, 7 Jun */
    { "2027-05-28", "2027-06-07", "step-5-within-5-working-days-over-spring-bank-holiday" },
    /* Sat 28 Aug: Mon 30 Aug summer bank holiday: 31 Aug, 1, 2, 3, 6 Sep */
    { "2027-08-28", "2027-09-06", "step-6-within-5-working-days-escalated-on-a-saturday" },
  } },
};

typedef struct
{
  const Walk *walk;
  guint       step;   /* 0-based; the walk is replayed up to it */
} StepCase;

/* Replays @walk up to @upto, asserting every due date on the way; returns the difference. */
static QuorumDifference *
replay (const Walk     *walk,
        guint           upto,
        QuorumProfile  *profile,
        QuorumCalendar *calendar)
{
  QuorumDifference *d = raise_on (profile, calendar, walk->steps[0].date, FALSE);

  for (guint i = 0; i <= upto; i++)
    {
      const Step *step = &walk->steps[i];
      const QuorumDifferenceStage *stage;
      const QuorumStage *pstage;

      if (i > 0)
        escalate_on (d, profile, calendar, step->date);

      stage = quorum_difference_get_current_stage (d);
      pstage = quorum_profile_get_stage (profile, step->number > 0 ? step->number : (int) i + 1);
      g_assert_nonnull (pstage);
      g_assert_cmpint (stage->number, ==, pstage->number);
      g_assert_cmpstr (stage->name, ==, pstage->name);
      g_assert_cmpstr (stage->owner, ==, pstage->owner);
      g_assert_cmpint (stage->limit_working_days, ==, pstage->limit_working_days);
      assert_date (&stage->entered, step->date);
      assert_date (&stage->due, step->due);
      /* A stage without a limit has no due date: never invented */
      g_assert_true ((step->due == NULL) == (pstage->limit_working_days < 0));
    }

  return d;
}

static void
test_step (gconstpointer data)
{
  const StepCase *c = data;
  g_autoptr(QuorumProfile) profile = load_profile (c->walk->profile);
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (profile->region);
  g_autoptr(QuorumDifference) d = replay (c->walk, c->step, profile, calendar);

  g_assert_nonnull (d);
}

static void
test_walk_and_refuse_past_last (gconstpointer data)
{
  const Walk *walk = data;
  g_autoptr(QuorumProfile) profile = load_profile (walk->profile);
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (profile->region);
  g_autoptr(QuorumDifference) d = NULL;
  g_autoptr(QuorumDifferenceStage) beyond = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  GDate when;

  /* Every stage is walked but for an alternative (six-stage walks 4, not 5). */
  g_assert_cmpuint (quorum_profile_get_n_stages (profile), ==,
                    walk->n_steps + (g_str_equal (walk->profile, "six-stage") ? 1 : 0));
  d = replay (walk, walk->n_steps - 1, profile, calendar);

  set_iso (&when, "2027-12-31");
  beyond = quorum_difference_escalate (d, profile, calendar, &when, "Still no agreement", &error);
  g_assert_null (beyond);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  expected = g_strdup_printf ("already at the last stage of %s: ", walk->profile);
  g_assert_true (g_str_has_prefix (error->message, expected));
  g_assert_cmpuint (d->stages->len, ==, walk->n_steps);
}

/* ---- immediate risk: due the day it is raised ---- */

typedef struct
{
  const char *profile;
  const char *raised;
  const char *due;
} RiskCase;

static const RiskCase risk_cases[] = {
  /* A working day: that day, whatever the stage's own limit */
  { "bradford", "2026-11-19", "2026-11-19" },
  /* Rule: "without delay" is shown in the policy's words, not turned into a same-day due date:
   * only Bradford asks for the same working day. Their first stages set no limit. */
  { "bolton", "2026-11-19", NULL },
  { "buckinghamshire", "2026-11-20", NULL },
  { "south-east-wales", "2026-11-20", NULL },
  { "six-stage", "2026-11-20", NULL },
  /* A Saturday, Boxing Day, Good Friday: still that day; the child does not wait for Monday */
  { "bradford", "2026-11-21", "2026-11-21" },
  { "bradford", "2026-12-26", "2026-12-26" },
  { "south-east-wales", "2027-03-26", NULL },
};

static void
test_immediate_risk (gconstpointer data)
{
  const RiskCase *c = data;
  g_autoptr(QuorumProfile) profile = load_profile (c->profile);
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (profile->region);
  g_autoptr(QuorumDifference) d = raise_on (profile, calendar, c->raised, TRUE);
  const QuorumDifferenceStage *stage = quorum_difference_get_current_stage (d);
  const QuorumDifferenceStage *next;

  g_assert_true (d->immediate_risk);
  g_assert_cmpint (stage->number, ==, 1);
  assert_date (&stage->due, c->due);
  g_assert_nonnull (profile->immediate_risk_advice);

  /* Escalating it: the same day again where the profile asks (below); otherwise the next
   * stage's own limit from the escalation date */
  next = escalate_on (d, profile, calendar, c->due != NULL ? c->due : c->raised);
  if (profile->immediate_risk_same_day)
    assert_date (&next->due, c->due);
  else if (next->limit_working_days < 0)
    g_assert_false (g_date_valid (&next->due));
  else
    g_assert_true (g_date_valid (&next->due));
}

/* Rule (004, Bradford): "WHEN ANY PROFESSIONAL CONSIDERS A CHILD IS AT IMMEDIATE RISK OF
 * SIGNIFICANT HARM, THEN THE INDIVIDUAL MUST ENSURE THEIR CONCERNS ARE ESCALATED ON THE SAME
 * WORKING DAY": at every step, not only the first. Raised Monday 30 November 2026 at immediate
 * risk (step 1 due that day), escalated late on Tuesday 1 December: step 2 is due that Tuesday,
 * not after 5 working days (8 December). Without immediate risk the steps keep their 5 days;
 * South East Wales ("without delay") keeps its own limits. */
static void
test_immediate_risk_every_step_same_day (void)
{
  g_autoptr(QuorumProfile) bradford = load_profile ("bradford");
  g_autoptr(QuorumProfile) sew = load_profile ("south-east-wales");
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (QUORUM_REGION_ENGLAND_WALES);
  g_autoptr(QuorumDifference) risk = raise_on (bradford, calendar, "2026-11-30", TRUE);
  g_autoptr(QuorumDifference) plain = raise_on (bradford, calendar, "2026-11-30", FALSE);
  g_autoptr(QuorumDifference) wales = raise_on (sew, calendar, "2026-11-30", TRUE);
  const QuorumDifferenceStage *stage;

  assert_date (&quorum_difference_get_current_stage (risk)->due, "2026-11-30");
  stage = escalate_on (risk, bradford, calendar, "2026-12-01");
  assert_date (&stage->due, "2026-12-01");
  stage = escalate_on (risk, bradford, calendar, "2026-12-02");
  assert_date (&stage->due, "2026-12-02");

  stage = escalate_on (plain, bradford, calendar, "2026-12-01");
  assert_date (&stage->due, "2026-12-08");

  /* SEW step 3: 2 working days from step 2, immediate risk or not (no same-day rule) */
  escalate_on (wales, sew, calendar, "2026-12-01");
  stage = escalate_on (wales, sew, calendar, "2026-12-02");
  g_assert_cmpint (stage->number, ==, 3);
  assert_date (&stage->due, "2026-12-03");
}

/* ---- the other rules ---- */

static void
test_areas (void)
{
  const char *words[] = {
    "thresholds", "referral-criteria", "assessment-outcome", "roles-responsibilities",
    "information-sharing", "communication", "timeliness-drift",
    "strategy-meeting-s47-conference", "case-closure",
    /* The policies' own areas (004 service provision, 003 resources) and "other (say what)" */
    "service-provision", "resources", "other",
  };
  g_autofree char *list = quorum_area_list_words ();

  g_assert_cmpuint (G_N_ELEMENTS (words), ==, QUORUM_N_AREAS);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      QuorumArea area;

      g_assert_true (quorum_area_from_string (words[i], &area));
      g_assert_cmpint (area, ==, i);
      g_assert_cmpstr (quorum_area_to_string (area), ==, words[i]);
      g_assert_nonnull (quorum_area_get_label (area));
      g_assert_nonnull (strstr (list, words[i]));
    }
  g_assert_false (quorum_area_from_string ("Thresholds", NULL));
  g_assert_false (quorum_area_from_string ("", NULL));
  g_assert_false (quorum_area_from_string (NULL, NULL));
  g_assert_null (quorum_area_to_string (QUORUM_N_AREAS));
}

static void
test_raise_requires (void)
{
  g_autoptr(QuorumProfile) profile = load_profile ("bradford");
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (profile->region);
  struct {
    const char *field;
    const char *value;
  } blanks[] = {
    { "raised_by", "" }, { "agency", "  " }, { "against", NULL }, { "outcome_sought", "\t" },
    { "raised_by", "Esc\033[2J" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (blanks); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(QuorumDifference) d = NULL;
      QuorumDifferenceSpec spec;

      spec_init (&spec, "bradford", "2026-11-19");
      if (strcmp (blanks[i].field, "raised_by") == 0)
        spec.raised_by = blanks[i].value;
      else if (strcmp (blanks[i].field, "agency") == 0)
        spec.agency = blanks[i].value;
      else if (strcmp (blanks[i].field, "against") == 0)
        spec.against = blanks[i].value;
      else
        spec.outcome_sought = blanks[i].value;

      d = quorum_difference_raise (&spec, profile, calendar, &error);
      g_assert_null (d);
      g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
    }

  /* An unknown area, and a profile mismatch */
  {
    g_autoptr(GError) error = NULL;
    QuorumDifferenceSpec spec;

    spec_init (&spec, "bradford", "2026-11-19");
    spec.area = QUORUM_N_AREAS;
    g_assert_false (quorum_difference_check_spec (&spec, profile, &error));
    g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
    g_clear_error (&error);

    spec_init (&spec, "bolton", "2026-11-19");
    g_assert_false (quorum_difference_check_spec (&spec, profile, &error));
    g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  }

  /* Role, decision and child are optional; blank ones are no text */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(QuorumDifference) d = NULL;
    QuorumDifferenceSpec spec;

    spec_init (&spec, "bradford", "2026-11-19");
    spec.role = NULL;
    spec.against_decision = " ";
    spec.child = NULL;
    d = quorum_difference_raise (&spec, profile, calendar, &error);
    g_assert_no_error (error);
    g_assert_null (d->role);
    g_assert_null (d->against_decision);
    g_assert_null (d->child);
    g_assert_cmpint (d->status, ==, QUORUM_DIFFERENCE_OPEN);
  }
}

static void
test_dates_never_go_backwards (void)
{
  g_autoptr(QuorumProfile) profile = load_profile ("bradford");
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (profile->region);
  g_autoptr(QuorumDifference) d = raise_on (profile, calendar, "2026-11-19", FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumDifferenceStage) stage = NULL;
  QuorumDifferenceNoteSpec note = { 0 };
  QuorumResolutionSpec resolution = { 0 };
  QuorumDifferenceNote *recorded;
  GDate when;

  /* Before the raising */
  set_iso (&when, "2026-11-18");
  stage = quorum_difference_escalate (d, profile, calendar, &when, "Because", &error);
  g_assert_null (stage);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);

  /* The same day is fine; a discussion moves the last event on */
  note.participants = "A. Khan, B. Jones";
  note.summary = "Discussed the referral";
  set_iso (&note.date, "2026-11-19");
  g_assert_true (quorum_difference_check_note (d, profile, &note, &error));
  g_assert_no_error (error);

  recorded = g_new0 (QuorumDifferenceNote, 1);
  recorded->stage = 1;
  set_iso (&recorded->date, "2026-11-24");
  g_ptr_array_add (d->notes, recorded);

  g_assert_false (quorum_difference_check_note (d, profile, &note, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);

  set_iso (&when, "2026-11-23");
  stage = quorum_difference_escalate (d, profile, calendar, &when, "Because", &error);
  g_assert_null (stage);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);

  resolution.outcome = "Agreed";
  set_iso (&resolution.date, "2026-11-23");
  g_assert_false (quorum_difference_check_resolution (d, profile, &resolution, NULL, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);

  set_iso (&resolution.date, "2026-11-24");
  g_assert_true (quorum_difference_check_resolution (d, profile, &resolution, NULL, &error));
  g_assert_no_error (error);
}

static void
test_escalation_requires_reason (void)
{
  g_autoptr(QuorumProfile) profile = load_profile ("bolton");
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (profile->region);
  g_autoptr(QuorumDifference) d = raise_on (profile, calendar, "2026-11-19", FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumDifferenceStage) stage = NULL;
  GDate when;

  set_iso (&when, "2026-11-20");
  stage = quorum_difference_escalate (d, profile, calendar, &when, "   ", &error);
  g_assert_null (stage);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);

  stage = quorum_difference_escalate (d, profile, calendar, &when, "No agreement", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stage->reason, ==, "No agreement");
  g_assert_cmpint (stage->number, ==, 2);
  /* Escalating does not change the difference itself */
  g_assert_cmpuint (d->stages->len, ==, 1);
}

static void
test_missed_limit_makes_next_stage_due (void)
{
  g_autoptr(QuorumProfile) profile = load_profile ("bradford");
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (profile->region);
  g_autoptr(QuorumDifference) d = raise_on (profile, calendar, "2026-12-24", FALSE);
  GDate as_of;
  int left = 0;

  /* Due 2027-01-05: on the day it is not yet overdue */
  set_iso (&as_of, "2027-01-05");
  g_assert_false (quorum_difference_is_overdue (d, &as_of));
  g_assert_cmpint (quorum_difference_get_next_stage_due (d, profile, &as_of), ==, 0);
  g_assert_true (quorum_difference_working_days_left (d, calendar, &as_of, &left));
  g_assert_cmpint (left, ==, 0);

  set_iso (&as_of, "2026-12-24");
  g_assert_true (quorum_difference_working_days_left (d, calendar, &as_of, &left));
  g_assert_cmpint (left, ==, 5);

  set_iso (&as_of, "2027-01-06");
  g_assert_true (quorum_difference_is_overdue (d, &as_of));
  g_assert_cmpint (quorum_difference_get_next_stage_due (d, profile, &as_of), ==, 2);
  g_assert_true (quorum_difference_working_days_left (d, calendar, &as_of, &left));
  g_assert_cmpint (left, ==, -1);

  /* Resolved: never overdue */
  d->status = QUORUM_DIFFERENCE_RESOLVED;
  g_assert_false (quorum_difference_is_overdue (d, &as_of));
}

static void
test_overdue_at_last_stage_has_no_next (void)
{
  g_autoptr(QuorumProfile) profile = load_profile ("bradford");
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (profile->region);
  g_autoptr(QuorumDifference) d = replay (&walks[4], 5, profile, calendar);
  GDate as_of;

  set_iso (&as_of, "2027-09-07");
  g_assert_true (quorum_difference_is_overdue (d, &as_of));
  g_assert_cmpint (quorum_difference_get_next_stage_due (d, profile, &as_of), ==, 0);
}

static void
test_no_limit_never_overdue (void)
{
  g_autoptr(QuorumProfile) profile = load_profile ("bolton");
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (profile->region);
  g_autoptr(QuorumDifference) d = raise_on (profile, calendar, "2020-01-06", FALSE);
  GDate as_of;
  int left = 99;

  set_iso (&as_of, "2030-01-01");
  g_assert_false (quorum_difference_is_overdue (d, &as_of));
  g_assert_false (quorum_difference_working_days_left (d, calendar, &as_of, &left));
  g_assert_cmpint (left, ==, 99);
}

static void
test_six_stage_checklist (void)
{
  g_autoptr(QuorumProfile) profile = load_profile ("six-stage");
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (profile->region);
  g_autoptr(QuorumDifference) d = raise_on (profile, calendar, "2026-11-20", FALSE);
  const QuorumStage *first = quorum_profile_get_stage (profile, 1);
  g_autoptr(GPtrArray) answers = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  QuorumDifferenceNoteSpec note = { 0 };
  guint n;

  g_assert_nonnull (first->checklist);
  n = g_strv_length (first->checklist);
  g_assert_cmpuint (n, >, 0);
  g_assert_nonnull (strstr (first->checklist[0], "understand why there is a difference"));

  set_iso (&note.date, "2026-11-20");
  note.participants = "A. Khan, B. Jones";
  note.summary = "Met to reach a shared understanding";

  /* One answer short */
  for (guint i = 0; i + 1 < n; i++)
    g_ptr_array_add (answers, (gpointer) "Yes");
  g_ptr_array_add (answers, NULL);
  note.answers = (const char * const *) answers->pdata;
  g_assert_false (quorum_difference_check_note (d, profile, &note, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);

  /* One for each question; an answer may be left blank */
  g_ptr_array_remove_index (answers, answers->len - 1);
  g_ptr_array_add (answers, (gpointer) "");
  g_ptr_array_add (answers, NULL);
  note.answers = (const char * const *) answers->pdata;
  g_assert_true (quorum_difference_check_note (d, profile, &note, &error));
  g_assert_no_error (error);

  /* Stage 2 has no checklist */
  escalate_on (d, profile, calendar, "2026-11-23");
  set_iso (&note.date, "2026-11-23");
  g_assert_false (quorum_difference_check_note (d, profile, &note, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "no checklist"));
  g_clear_error (&error);

  note.answers = NULL;
  g_assert_true (quorum_difference_check_note (d, profile, &note, &error));
  g_assert_no_error (error);
}

static void
test_resolution_and_feedback (void)
{
  g_autoptr(QuorumProfile) profile = load_profile ("bradford");
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (profile->region);
  g_autoptr(QuorumDifference) d = raise_on (profile, calendar, "2026-11-19", FALSE);
  g_autoptr(GError) error = NULL;
  g_autofree char *challenge = NULL;
  QuorumResolutionSpec spec = { 0 };
  GDate feedback;

  set_iso (&spec.date, "2026-11-20");

  spec.outcome = " ";
  g_assert_false (quorum_difference_check_resolution (d, profile, &spec, &challenge, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);

  /* A feedback date needs who was told, and is not before the resolution */
  spec.outcome = "Strategy meeting to be held";
  set_iso (&spec.feedback_date, "2026-11-23");
  g_assert_false (quorum_difference_check_resolution (d, profile, &spec, &challenge, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);

  spec.feedback_to = "A. Khan";
  set_iso (&spec.feedback_date, "2026-11-19");
  g_assert_false (quorum_difference_check_resolution (d, profile, &spec, &challenge, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);

  set_iso (&spec.feedback_date, "2026-11-23");
  g_assert_true (quorum_difference_check_resolution (d, profile, &spec, &challenge, &error));
  g_assert_no_error (error);
  /* Bradford has no challenge outcomes */
  g_assert_null (challenge);

  /* Follow-up only after resolution */
  g_assert_false (quorum_difference_check_follow_up (d, NULL, NULL, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);

  d->status = QUORUM_DIFFERENCE_RESOLVED;
  d->resolved = spec.date;
  g_assert_false (quorum_difference_check_note (d, profile, &(QuorumDifferenceNoteSpec) { spec.date, "A", "B", NULL, NULL }, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (quorum_difference_check_resolution (d, profile, &spec, &challenge, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);

  set_iso (&feedback, "2026-11-25");
  g_assert_true (quorum_difference_check_follow_up (d, "A. Khan", &feedback, &error));
  g_assert_no_error (error);

  /* Feedback once recorded is never replaced */
  d->feedback_to = g_strdup ("A. Khan");
  g_assert_false (quorum_difference_check_follow_up (d, "Someone else", NULL, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
}

static void
test_buckinghamshire_challenge_outcomes (void)
{
  g_autoptr(QuorumProfile) profile = load_profile ("buckinghamshire");
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (profile->region);
  g_autoptr(QuorumDifference) d = raise_on (profile, calendar, "2026-11-19", FALSE);
  struct {
    const char *typed;
    int         expected;   /* index in challenge_outcomes, -1: none */
  } cases[] = {
    { "Uphold the decision reached by the conference chair", 0 },
    { "uphold", 0 },
    { "interim-plan", 1 },
    { "Require that a review conference be brought forward", 2 },
    { "review brought forward", 2 },
    { "refer", 3 },
    { "head of service", 3 },
    { "Agreed after discussion that the plan stands", -1 },
    { "plan", -1 },
  };

  g_assert_cmpint (profile->rule, ==, QUORUM_RULE_CHAIR_DECIDES);
  g_assert_nonnull (profile->challenge_outcomes);
  g_assert_cmpuint (g_strv_length (profile->challenge_outcomes), ==, 4);

  d->conference_id = 1;
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *challenge = NULL;
      QuorumResolutionSpec spec = { 0 };

      set_iso (&spec.date, "2026-11-20");
      spec.outcome = cases[i].typed;
      g_assert_true (quorum_difference_check_resolution (d, profile, &spec, &challenge, &error));
      g_assert_no_error (error);
      if (cases[i].expected < 0)
        g_assert_null (challenge);
      else
        g_assert_cmpstr (challenge, ==, profile->challenge_outcomes[cases[i].expected]);
    }
}

static void
test_stats (void)
{
  g_autoptr(QuorumProfile) sew = load_profile ("south-east-wales");
  g_autoptr(QuorumProfile) bucks = load_profile ("buckinghamshire");
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (sew->region);
  g_autoptr(GPtrArray) differences = g_ptr_array_new_with_free_func ((GDestroyNotify) quorum_difference_free);
  g_autoptr(GPtrArray) profiles = g_ptr_array_new ();
  g_autoptr(QuorumDifferenceStats) stats = NULL;
  QuorumDifference *d;
  const QuorumDifferenceProfileStats *p;
  const QuorumDifferenceStageCount *s;
  GDate from;
  GDate to;
  GDate as_of;

  g_ptr_array_add (profiles, bucks);
  g_ptr_array_add (profiles, sew);

  /* SEW: one at step 5 (monitored), open; one resolved at step 3; one at step 6, overdue */
  d = replay (&walks[2], 4, sew, calendar);
  g_ptr_array_add (differences, d);
  d = replay (&walks[2], 2, sew, calendar);
  d->status = QUORUM_DIFFERENCE_RESOLVED;
  set_iso (&d->resolved, "2026-09-01");
  d->outcome = g_strdup ("Agreed");
  g_ptr_array_add (differences, d);
  d = replay (&walks[2], 5, sew, calendar);
  g_ptr_array_add (differences, d);
  /* Raised outside the period */
  d = raise_on (sew, calendar, "2025-01-06", FALSE);
  g_ptr_array_add (differences, d);
  /* Buckinghamshire: a challenge upheld */
  d = raise_on (bucks, calendar, "2026-11-19", TRUE);
  d->status = QUORUM_DIFFERENCE_RESOLVED;
  set_iso (&d->resolved, "2026-11-20");
  d->outcome = g_strdup ("uphold");
  d->challenge_outcome = g_strdup (bucks->challenge_outcomes[0]);
  g_ptr_array_add (differences, d);

  set_iso (&from, "2026-01-01");
  set_iso (&to, "2026-12-31");
  set_iso (&as_of, "2027-04-06");
  stats = quorum_difference_stats_new (differences, profiles, &from, &to, &as_of);

  g_assert_cmpint (stats->total, ==, 4);
  g_assert_cmpint (stats->open, ==, 2);
  g_assert_cmpint (stats->resolved, ==, 2);
  g_assert_cmpint (stats->overdue, ==, 1);
  g_assert_cmpuint (stats->profiles->len, ==, 2);

  /* Sorted by id */
  p = g_ptr_array_index (stats->profiles, 0);
  g_assert_cmpstr (p->profile_id, ==, "buckinghamshire");
  g_assert_cmpint (p->total, ==, 1);
  g_assert_cmpint (p->immediate_risk, ==, 1);
  g_assert_cmpuint (p->stages->len, ==, 5);
  for (guint i = 0; i < p->outcomes->len; i++)
    {
      const QuorumDifferenceOutcomeCount *o = g_ptr_array_index (p->outcomes, i);

      if (strcmp (o->outcome, bucks->challenge_outcomes[0]) == 0)
        g_assert_cmpint (o->count, ==, 1);
      else
        g_assert_cmpint (o->count, ==, 0);
    }

  p = g_ptr_array_index (stats->profiles, 1);
  g_assert_cmpstr (p->profile_id, ==, "south-east-wales");
  g_assert_cmpint (p->total, ==, 3);
  g_assert_cmpint (p->open, ==, 2);
  g_assert_cmpint (p->resolved, ==, 1);
  g_assert_cmpint (p->overdue, ==, 1);
  g_assert_cmpint (p->monitored_stage, ==, 5);
  g_assert_cmpint (p->monitored_reached, ==, 2);
  g_assert_cmpuint (p->stages->len, ==, 8);

  s = g_ptr_array_index (p->stages, 0);
  g_assert_cmpint (s->reached, ==, 3);
  g_assert_cmpint (s->escalated, ==, 3);
  s = g_ptr_array_index (p->stages, 2);
  g_assert_cmpint (s->number, ==, 3);
  g_assert_cmpint (s->reached, ==, 3);
  g_assert_cmpint (s->resolved, ==, 1);
  g_assert_cmpint (s->escalated, ==, 2);
  s = g_ptr_array_index (p->stages, 4);
  g_assert_cmpint (s->reached, ==, 2);
  g_assert_cmpint (s->open, ==, 1);
  g_assert_cmpint (s->overdue, ==, 0);
  s = g_ptr_array_index (p->stages, 5);
  g_assert_cmpint (s->reached, ==, 1);
  g_assert_cmpint (s->open, ==, 1);
  g_assert_cmpint (s->overdue, ==, 1);
  s = g_ptr_array_index (p->stages, 7);
  g_assert_cmpint (s->reached, ==, 0);
}

/* Rule (DOMAIN, escalation): where a policy branches (six-stage: stage 4 for risk, stage 5 for
 * resources), the stages are alternatives, not a sequence. */
static void
test_six_stage_branch (void)
{
  g_autoptr(QuorumProfile) profile = load_profile ("six-stage");
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (profile->region);
  g_autoptr(QuorumDifference) risk = raise_on (profile, calendar, "2026-11-02", FALSE);
  g_autoptr(QuorumDifference) resources = raise_on (profile, calendar, "2026-11-02", FALSE);
  g_autoptr(GError) error = NULL;
  QuorumDifferenceStage *stage;
  GDate when;

  g_assert_cmpstr (quorum_profile_get_stage (profile, 4)->kind, ==, "risk");
  g_assert_cmpstr (quorum_profile_get_stage (profile, 5)->kind, ==, "resources");

  /* Risk: 3 → 4 → 6, never through 5 */
  escalate_on (risk, profile, calendar, "2026-11-03");
  escalate_on (risk, profile, calendar, "2026-11-04");
  g_assert_cmpint (escalate_on (risk, profile, calendar, "2026-11-05")->number, ==, 4);
  g_assert_cmpint (escalate_on (risk, profile, calendar, "2026-11-06")->number, ==, 6);

  /* Resources: 3 → 5 (chosen) → 6 */
  escalate_on (resources, profile, calendar, "2026-11-03");
  escalate_on (resources, profile, calendar, "2026-11-04");
  set_iso (&when, "2026-11-05");
  stage = quorum_difference_escalate_to (resources, profile, calendar, &when, "Resources are the issue", 5, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stage->number, ==, 5);
  g_ptr_array_add (resources->stages, stage);
  g_assert_cmpint (escalate_on (resources, profile, calendar, "2026-11-06")->number, ==, 6);

  /* From stage 2, stage 5 is not the next one nor its alternative */
  {
    g_autoptr(QuorumDifference) early = raise_on (profile, calendar, "2026-11-02", FALSE);
    QuorumDifferenceStage *none;

    escalate_on (early, profile, calendar, "2026-11-03");
    none = quorum_difference_escalate_to (early, profile, calendar, &when, "Skip", 5, &error);
    g_assert_null (none);
    g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
    g_clear_error (&error);
  }
}

/* Rule: the areas include the policies' own and "other (say what)", which needs its words. */
static void
test_area_other (void)
{
  g_autoptr(QuorumProfile) profile = load_profile ("bradford");
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (profile->region);
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumDifference) d = NULL;
  QuorumDifferenceSpec spec;

  spec_init (&spec, "bradford", "2026-11-02");
  spec.area = QUORUM_AREA_OTHER;
  g_assert_null (quorum_difference_raise (&spec, profile, calendar, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);

  spec.area_other = "Transport to contact sessions";
  d = quorum_difference_raise (&spec, profile, calendar, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (d->area_other, ==, "Transport to contact sessions");

  spec.area = QUORUM_AREA_SERVICE_PROVISION;
  g_assert_null (quorum_difference_raise (&spec, profile, calendar, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);
  spec.area_other = NULL;
  g_clear_pointer (&d, quorum_difference_free);
  d = quorum_difference_raise (&spec, profile, calendar, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (quorum_area_to_string (d->area), ==, "service-provision");
}

/* Rule: SEW step 6's two criteria and the Chair's decisions are structured: each is answered
 * with one of its words, never free text. */
static void
test_sew_step_6_structured (void)
{
  g_autoptr(QuorumProfile) profile = load_profile ("south-east-wales");
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (profile->region);
  g_autoptr(QuorumDifference) d = raise_on (profile, calendar, "2026-11-02", FALSE);
  g_autoptr(GError) error = NULL;
  const char *free_text[] = { "yes probably", "met", "yes", "yes", "an individual agency", NULL };
  const char *answers[] = { "met", "met", "no", "yes", "an individual agency", NULL };
  QuorumDifferenceNoteSpec note = { 0 };

  for (int i = 0; i < 5; i++)
    escalate_on (d, profile, calendar, "2026-11-03");
  g_assert_cmpint (quorum_difference_get_current_stage (d)->number, ==, 6);
  g_assert_cmpuint (g_strv_length (quorum_profile_get_stage (profile, 6)->checklist), ==, 5);

  set_iso (&note.date, "2026-11-04");
  note.participants = "Chair of the Learning and Reviewing group";
  note.summary = "The request considered against the criteria";
  note.answers = free_text;
  g_assert_false (quorum_difference_check_note (d, profile, &note, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);
  note.answers = answers;
  g_assert_true (quorum_difference_check_note (d, profile, &note, &error));
  g_assert_no_error (error);
}

/* Rule: immediate risk can be identified at any stage; same working day only where the
 * profile asks (Bradford). A formal challenge is recorded only under a profile that has one. */
static void
test_immediate_risk_any_stage_and_formal_challenge (void)
{
  g_autoptr(QuorumProfile) bradford = load_profile ("bradford");
  g_autoptr(QuorumProfile) sew = load_profile ("south-east-wales");
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (QUORUM_REGION_ENGLAND_WALES);
  g_autoptr(QuorumDifference) b = raise_on (bradford, calendar, "2026-11-02", FALSE);
  g_autoptr(QuorumDifference) w = raise_on (sew, calendar, "2026-11-02", FALSE);
  g_autoptr(GError) error = NULL;
  GDate when;
  GDate due;

  escalate_on (b, bradford, calendar, "2026-11-03");
  set_iso (&when, "2026-11-04");
  g_assert_true (quorum_difference_check_immediate_risk (b, bradford, &when, &due, &error));
  assert_date (&due, "2026-11-04");
  g_assert_true (quorum_difference_check_immediate_risk (w, sew, &when, &due, &error));
  g_assert_false (g_date_valid (&due));
  g_assert_nonnull (strstr (sew->immediate_risk_advice, "without delay"));

  g_assert_true (bradford->formal_challenge);
  g_assert_true (quorum_difference_check_formal_challenge (b, bradford, &when, "In writing", &error));
  g_assert_false (quorum_difference_check_formal_challenge (w, sew, &when, NULL, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
}


#define assert_in_future(error, what_date_today) \
  G_STMT_START { \
    g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID); \
    g_assert_nonnull (strstr ((error)->message, what_date_today)); \
    g_clear_error (&(error)); \
  } G_STMT_END

/* Rule: the record holds what has happened: no dated step of a difference (raised, a discussion,
 * an escalation, immediate risk, a formal challenge, the resolution, feedback) is after today. */
static void
test_dates_never_in_the_future (void)
{
  g_autoptr(QuorumProfile) bradford = load_profile ("bradford");
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (bradford->region);
  g_autoptr(QuorumDifference) d = NULL;
  g_autoptr(QuorumDifferenceStage) stage = NULL;
  g_autoptr(GError) error = NULL;
  QuorumDifferenceSpec spec;
  QuorumDifferenceNoteSpec note = { 0 };
  QuorumResolutionSpec resolution = { 0 };
  GDate when;
  GDate due;

  g_setenv ("QUORUM_TODAY", "2026-12-01", TRUE);

  spec_init (&spec, "bradford", "2027-01-01");
  g_assert_null (quorum_difference_raise (&spec, bradford, calendar, &error));
  assert_in_future (error, "(2027-01-01) is in the future (today is 2026-12-01)");

  d = raise_on (bradford, calendar, "2026-12-01", FALSE);  /* today is not the future */

  set_iso (&note.date, "2027-01-05");
  note.participants = "A. Khan, B. Jones";
  note.summary = "Talked it through";
  g_assert_false (quorum_difference_check_note (d, bradford, &note, &error));
  assert_in_future (error, "(2027-01-05) is in the future (today is 2026-12-01)");
  set_iso (&note.date, "2026-12-01");
  g_assert_true (quorum_difference_check_note (d, bradford, &note, &error));
  g_assert_no_error (error);

  set_iso (&when, "2027-01-04");
  stage = quorum_difference_escalate (d, bradford, calendar, &when, "No agreement", &error);
  g_assert_null (stage);
  assert_in_future (error, "(2027-01-04) is in the future (today is 2026-12-01)");

  set_iso (&when, "2026-12-02");
  g_assert_false (quorum_difference_check_immediate_risk (d, bradford, &when, &due, &error));
  assert_in_future (error, "(2026-12-02) is in the future (today is 2026-12-01)");
  g_assert_false (quorum_difference_check_formal_challenge (d, bradford, &when, "In writing", &error));
  assert_in_future (error, "(2026-12-02) is in the future (today is 2026-12-01)");

  resolution.outcome = "Agreed a strategy meeting";
  set_iso (&resolution.date, "2027-01-05");
  g_assert_false (quorum_difference_check_resolution (d, bradford, &resolution, NULL, &error));
  assert_in_future (error, "(2027-01-05) is in the future (today is 2026-12-01)");
  /* Resolved today, but feedback dated ahead: refused too. */
  set_iso (&resolution.date, "2026-12-01");
  resolution.feedback_to = "A. Khan";
  set_iso (&resolution.feedback_date, "2026-12-08");
  g_assert_false (quorum_difference_check_resolution (d, bradford, &resolution, NULL, &error));
  assert_in_future (error, "(2026-12-08) is in the future (today is 2026-12-01)");
  resolution.feedback_date = resolution.date;
  g_assert_true (quorum_difference_check_resolution (d, bradford, &resolution, NULL, &error));
  g_assert_no_error (error);

  /* Feedback given after the resolution, recorded later: not ahead of today either. */
  d->status = QUORUM_DIFFERENCE_RESOLVED;
  d->resolved = resolution.date;
  set_iso (&when, "2026-12-08");
  g_assert_false (quorum_difference_check_follow_up (d, "A. Khan", &when, &error));
  assert_in_future (error, "(2026-12-08) is in the future (today is 2026-12-01)");

  g_setenv ("QUORUM_TODAY", "2027-12-31", TRUE);
}

/* Rule (DOMAIN: escalation; docs/notes/stageids.md): a stage's name and owner are copied from the
 * profile when it opens, in the language of whoever recorded it; a reader reads them in their own
 * language while they are what the profile said for that stage in any language it gives, and as
 * stored once the profile's words have changed (the record says what applied then). */
#define SEW_3_EN "Line managers or supervisors discuss the concerns with their counterparts in the other agency"
#define SEW_3_CY "Mae rheolwyr llinell neu oruchwylwyr yn trafod y pryderon gyda’u cymheiriaid yn yr asiantaeth arall"
#define SEW_3_OWNER_EN "The line managers / supervisors"
#define SEW_3_OWNER_CY "Y rheolwyr llinell / goruchwylwyr"

static char *
read_in (const char                  *language,
         const QuorumDifferenceStage *stage,
         const QuorumProfile         *profile,
         gboolean                     owner)
{
  char *text;

  quorum_i18n_push_language (language);
  text = owner ? quorum_difference_stage_dup_owner (stage, profile)
               : quorum_difference_stage_dup_name (stage, profile);
  quorum_i18n_pop_language ();
  return text;
}

#define assert_read(language, stage, profile, owner, expected) \
  G_STMT_START { \
    g_autofree char *_text = read_in (language, stage, profile, owner); \
    g_assert_cmpstr (_text, ==, expected); \
  } G_STMT_END

static void
test_stage_words_in_the_readers_language (void)
{
  g_autoptr(QuorumProfile) sew = load_profile ("south-east-wales");
  QuorumDifferenceStage stage = { .number = 3 };

  /* Recorded in English, read in Welsh and in English. */
  stage.name = (char *) SEW_3_EN;
  stage.owner = (char *) SEW_3_OWNER_EN;
  assert_read ("cy", &stage, sew, FALSE, SEW_3_CY);
  assert_read ("cy", &stage, sew, TRUE, SEW_3_OWNER_CY);
  assert_read ("en", &stage, sew, FALSE, SEW_3_EN);
  assert_read ("en", &stage, sew, TRUE, SEW_3_OWNER_EN);

  /* Recorded in Welsh, read in English and in Welsh. */
  stage.name = (char *) SEW_3_CY;
  stage.owner = (char *) SEW_3_OWNER_CY;
  assert_read ("en", &stage, sew, FALSE, SEW_3_EN);
  assert_read ("en", &stage, sew, TRUE, SEW_3_OWNER_EN);
  assert_read ("cy", &stage, sew, FALSE, SEW_3_CY);

  /* Words the profile no longer says (an older wording), and words it says for another stage:
   * shown as stored, in either language. */
  stage.name = (char *) "Line managers discuss it with their counterparts";
  stage.owner = (char *) "The professional who has the concern";  /* stage 1's owner, not 3's */
  assert_read ("cy", &stage, sew, FALSE, "Line managers discuss it with their counterparts");
  assert_read ("cy", &stage, sew, TRUE, "The professional who has the concern");
  assert_read ("en", &stage, sew, FALSE, "Line managers discuss it with their counterparts");

  /* No profile installed under its id any more: as stored. */
  stage.name = (char *) SEW_3_EN;
  assert_read ("cy", &stage, NULL, FALSE, SEW_3_EN);

  /* A stage past the profile's last (the profile lost stages): as stored. */
  stage.number = 12;
  assert_read ("cy", &stage, sew, FALSE, SEW_3_EN);
}

/* The same rule for a checklist question kept with its answer, for the Co-ordinator's decision a
 * difference closed with, and for a conference's frozen profile that predates a translation. */
static void
test_profile_items_in_the_readers_language (void)
{
  g_autoptr(QuorumProfile) sew = load_profile ("south-east-wales");
  g_autoptr(QuorumProfile) bucks = load_profile ("buckinghamshire");
  const char *questions[] = {
    "Criterion i) One or more professionals believe that the child / young person is at risk of harm as a consequence of another agency's action / inaction",
    "Decision: who undertakes the review?",
    "Was it discussed?",   /* a question the profile no longer asks */
    NULL
  };
  const char *answers[] = { "met", "the Learning and Reviewing group", "yes", NULL };
  QuorumDifferenceNote note = { .stage = 6, .questions = (char **) questions, .answers = (char **) answers };
  g_autoptr(QuorumDifference) d = quorum_difference_new ();
  g_autofree char *q0 = NULL;
  g_autofree char *q1 = NULL;
  g_autofree char *q2 = NULL;
  g_autofree char *q0_en = NULL;
  g_autofree char *outcome_cy = NULL;
  g_autofree char *outcome_en = NULL;
  g_autofree char *changed = NULL;

  quorum_i18n_push_language ("cy");
  q0 = quorum_difference_note_dup_question (&note, 0, sew);
  q1 = quorum_difference_note_dup_question (&note, 1, sew);
  q2 = quorum_difference_note_dup_question (&note, 2, sew);
  quorum_i18n_pop_language ();
  g_assert_cmpstr (q0, ==, "Maen prawf i) Mae un neu ragor o weithwyr proffesiynol yn credu bod y plentyn / "
                           "person ifanc mewn risg o niwed o ganlyniad i weithredu / diffyg gweithredu asiantaeth arall");
  g_assert_cmpstr (q1, ==, "Penderfyniad: pwy sy’n cynnal yr adolygiad?");
  g_assert_cmpstr (q2, ==, "Was it discussed?");
  /* Answered in Welsh, read in English. */
  questions[0] = q0;
  quorum_i18n_push_language ("en");
  q0_en = quorum_difference_note_dup_question (&note, 0, sew);
  quorum_i18n_pop_language ();
  g_assert_cmpstr (q0_en, ==, "Criterion i) One or more professionals believe that the child / young person is at "
                              "risk of harm as a consequence of another agency's action / inaction");

  d->challenge_outcome = g_strdup ("Refer the matter to relevant Head of Service");
  quorum_i18n_push_language ("cy");
  outcome_cy = quorum_difference_dup_challenge_outcome (d, bucks);
  quorum_i18n_pop_language ();
  g_assert_cmpstr (outcome_cy, ==, "Atgyfeirio’r mater at y Pennaeth Gwasanaeth perthnasol");
  g_free (d->challenge_outcome);
  d->challenge_outcome = g_strdup (outcome_cy);
  quorum_i18n_push_language ("en");
  outcome_en = quorum_difference_dup_challenge_outcome (d, bucks);
  quorum_i18n_pop_language ();
  g_assert_cmpstr (outcome_en, ==, "Refer the matter to relevant Head of Service");

  /* A Buckinghamshire conference frozen before its challenge route had Welsh: the route's words in
   * Welsh from the profile installed now, which still says the same in English; a frozen wording
   * the installed profile no longer has stays as frozen. */
  {
    g_autoptr(GRegex) no_welsh = g_regex_new ("^(RaisedWith|Alerts|AlertWhen)\\[cy\\]=.*\n", G_REGEX_MULTILINE, 0, NULL);
    g_autofree char *old = g_regex_replace_literal (no_welsh, bucks->source, -1, 0, "", 0, NULL);
    g_autofree char *reworded = NULL;
    g_autoptr(QuorumProfile) frozen = NULL;
    g_autoptr(QuorumProfile) frozen_reworded = NULL;
    g_autofree char *when_cy = NULL;
    g_autofree char *alerts_cy = NULL;
    g_autofree char *when_en = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_null (strstr (old, "AlertWhen[cy]"));
    frozen = quorum_profile_new_from_data ("buckinghamshire", old, &error);
    g_assert_no_error (error);
    {
      g_auto(GStrv) parts = g_strsplit (old, "AlertWhen=immediately\n", 2);

      g_assert_cmpuint (g_strv_length (parts), ==, 2);
      reworded = g_strjoinv ("AlertWhen=at once\n", parts);
    }
    frozen_reworded = quorum_profile_new_from_data ("buckinghamshire", reworded, &error);
    g_assert_no_error (error);

    quorum_i18n_push_language ("cy");
    when_cy = quorum_profile_dup_frozen_text (frozen, "Challenge", "AlertWhen");
    alerts_cy = quorum_profile_dup_frozen_text (frozen, "Challenge", "Alerts");
    changed = quorum_profile_dup_frozen_text (frozen_reworded, "Challenge", "AlertWhen");
    quorum_i18n_pop_language ();
    quorum_i18n_push_language ("en");
    when_en = quorum_profile_dup_frozen_text (frozen, "Challenge", "AlertWhen");
    quorum_i18n_pop_language ();
    g_assert_cmpstr (when_cy, ==, "ar unwaith");
    g_assert_cmpstr (alerts_cy, ==, "Cydgysylltydd Diogelu, Cyngor Sir Swydd Buckingham");
    g_assert_cmpstr (when_en, ==, "immediately");
    g_assert_cmpstr (changed, ==, "at once");
  }
}

int
main (int   argc,
      char *argv[])
{
  /* The walks run into 2027; "today" is after them, so none of their dates is in the future. */
  g_setenv ("QUORUM_TODAY", "2027-12-31", TRUE);
  g_test_init (&argc, &argv, NULL);

  for (guint w = 0; w < G_N_ELEMENTS (walks); w++)
    {
      const Walk *walk = &walks[w];
      g_autofree char *path = g_strdup_printf ("/difference/%s/every-stage-then-past-the-last-refused", walk->profile);

      for (guint i = 0; i < walk->n_steps; i++)
        {
          StepCase *c = g_new0 (StepCase, 1);
          g_autofree char *step_path = g_strdup_printf ("/difference/%s/%s", walk->profile, walk->steps[i].rule);

          c->walk = walk;
          c->step = i;
          g_test_add_data_func_full (step_path, c, test_step, g_free);
        }
      g_test_add_data_func (path, walk, test_walk_and_refuse_past_last);
    }

  for (guint i = 0; i < G_N_ELEMENTS (risk_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/difference/%s/immediate-risk-due-the-day-it-is-raised/raised-%s",
                                               risk_cases[i].profile, risk_cases[i].raised);

      g_test_add_data_func (path, &risk_cases[i], test_immediate_risk);
    }

  g_test_add_func ("/difference/areas/stable-ids-and-labels", test_areas);
  g_test_add_func ("/difference/raise/requires-who-against-whom-and-outcome-sought", test_raise_requires);
  g_test_add_func ("/difference/dates/never-go-backwards", test_dates_never_go_backwards);
  g_test_add_func ("/difference/dates/never-in-the-future", test_dates_never_in_the_future);
  g_test_add_func ("/difference/escalate/requires-a-reason", test_escalation_requires_reason);
  g_test_add_func ("/difference/overdue/missed-limit-makes-next-stage-due", test_missed_limit_makes_next_stage_due);
  g_test_add_func ("/difference/overdue/at-the-last-stage-no-next", test_overdue_at_last_stage_has_no_next);
  g_test_add_func ("/difference/overdue/no-limit-never-overdue", test_no_limit_never_overdue);
  g_test_add_func ("/difference/six-stage/stage-1-checklist-answered-in-full", test_six_stage_checklist);
  g_test_add_func ("/difference/resolve/agreed-outcome-and-feedback-to-the-raiser", test_resolution_and_feedback);
  g_test_add_func ("/difference/buckinghamshire/challenge-outcomes-of-the-safeguarding-co-ordinator", test_buckinghamshire_challenge_outcomes);
  g_test_add_func ("/difference/stats/by-profile-stage-reached-and-outcome", test_stats);
  g_test_add_func ("/difference/six-stage/stages-4-and-5-are-alternatives-by-kind-of-dispute", test_six_stage_branch);
  g_test_add_func ("/difference/areas/policies-own-and-other-say-what", test_area_other);
  g_test_add_func ("/difference/stage-name-and-owner-in-the-readers-language", test_stage_words_in_the_readers_language);
  g_test_add_func ("/difference/checklist-outcome-and-route-in-the-readers-language", test_profile_items_in_the_readers_language);
  g_test_add_func ("/difference/south-east-wales/step-6-criteria-and-decisions-structured", test_sew_step_6_structured);
  g_test_add_func ("/difference/immediate-risk-at-any-stage-and-formal-challenge", test_immediate_risk_any_stage_and_formal_challenge);
  g_test_add_func ("/difference/bradford/immediate-risk-every-step-the-same-working-day",
                   test_immediate_risk_every_step_same_day);

  return g_test_run ();
}
