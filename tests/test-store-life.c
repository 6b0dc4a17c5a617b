/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-store-life.c: issue 11 findings 6-8 and issue 10's Head of Service's dates through the
 * store: a plan's and a referral's life, corrections that keep the old value, notices given and
 * pending, and the events of a difference. Each test names the DOMAIN rule it holds. */

#include <string.h>

#include "store-fixture.h"
#include "store/quorum-store-private.h"
#include "store/quorum-store-life.h"
#include "store/quorum-store-difference.h"

static GDate
day (const char *iso)
{
  GDate d;

  g_assert_true (quorum_date_parse (iso, NULL, &d, NULL));
  return d;
}

static void
assert_date (const GDate *date,
             const char  *iso)
{
  g_autofree char *got = quorum_date_to_string (date);

  g_assert_cmpstr (got, ==, iso);
}

/* A split 2-2 for the first child of a Bolton conference on @date: the referral's id. */
static gint64
split (QuorumStore *store,
       const char  *date,
       gint64      *plan_id,
       gint64      *conference_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumOutcome) outcome = NULL;
  gint64 child;
  gint64 referral = 0;
  gint64 conf = make_conference (store, "bolton", date, &child, NULL);

  no_consensus (store, conf, child);
  vote (store, conf, child, "Children's Social Care", QUORUM_VIEW_PLAN, QUORUM_CATEGORY_NEGLECT, "Neglect");
  vote (store, conf, child, "Education", QUORUM_VIEW_PLAN, QUORUM_CATEGORY_NEGLECT, "Attendance");
  vote (store, conf, child, "Police", QUORUM_VIEW_NO_PLAN, 0, "No concerns known");
  vote (store, conf, child, "Bolton NHS FT", QUORUM_VIEW_NO_PLAN, 0, "Health needs met");
  vote (store, conf, child, "Probation", QUORUM_VIEW_DECLINE, 0, "No contact with the family");
  outcome = quorum_store_decide (store, conf, child, QUORUM_VIEW_NONE, 0, plan_id, &referral, &error);
  g_assert_no_error (error);
  g_assert_cmpint (referral, >, 0);
  if (conference_id != NULL)
    *conference_id = conf;
  return referral;
}

/* Rule: lateness is shown, never hidden; a due date on a non-working day is shown with the
 * working day before it; a panel's "plan ended" ends the plan record (finding 6). */
static void
test_referral_lateness_and_plan_end (StoreFixture  *f,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumReferralRow) row = NULL;
  g_autoptr(QuorumConference) c = NULL;
  gint64 plan = 0;
  gint64 conf = 0;
  gint64 id = split (f->store, "2026-11-20", &plan, &conf);
  GDate d;

  d = day ("2026-11-30");
  g_assert_true (quorum_store_send_referral (f->store, id, &d, "J. Okafor", "email", &error));
  row = quorum_store_get_referral (f->store, id, &error);
  g_assert_true (row->sent_late);
  g_assert_cmpstr (row->sent_by, ==, "J. Okafor");
  assert_date (&row->panel_due, "2026-12-28");
  assert_date (&row->panel_due_working, "2026-12-24");

  d = day ("2027-01-05");
  g_assert_true (quorum_store_record_panel (f->store, id, &d, QUORUM_PANEL_PLAN_ENDED, NULL, &error));
  g_assert_no_error (error);
  c = quorum_store_load_conference (f->store, conf, &error);
  g_assert_true (((QuorumReferral *) g_ptr_array_index (c->referrals, 0))->heard_late);
  g_assert_cmpint (((QuorumPlan *) g_ptr_array_index (c->plans, 0))->ended_by, ==, QUORUM_PLAN_ENDED_BY_PANEL);
  assert_date (&((QuorumPlan *) g_ptr_array_index (c->plans, 0))->ended, "2027-01-05");

  /* The list says the same as the one row, for the dashboard */
  {
    g_autoptr(GPtrArray) rows = quorum_store_list_referrals (f->store, NULL, FALSE, &error);
    QuorumReferralRow *r = g_ptr_array_index (rows, 0);

    g_assert_true (r->sent_late && r->heard_late);
    g_assert_cmpstr (r->sent_by, ==, "J. Okafor");
  }
}

/* Rule (issue 10): the Head of Service's dates are refused in the future and heard before sent;
 * a wrong date or outcome is corrected by an audited correction that keeps the old value. */
static void
test_head_of_service_dates_and_corrections (StoreFixture  *f,
                                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumConference) c = NULL;
  gint64 plan = 0;
  gint64 conf = 0;
  gint64 id = split (f->store, "2026-11-20", &plan, &conf);
  const QuorumReferral *r;
  GDate d;

  d = day ("2027-07-01");
  g_assert_false (quorum_store_send_referral (f->store, id, &d, NULL, NULL, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);
  d = day ("2026-11-26");
  g_assert_true (quorum_store_send_referral (f->store, id, &d, NULL, NULL, &error));
  d = day ("2026-11-25");
  g_assert_false (quorum_store_record_panel (f->store, id, &d, QUORUM_PANEL_PLAN_CONFIRMED, NULL, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);
  d = day ("2026-12-10");
  g_assert_true (quorum_store_record_panel (f->store, id, &d, QUORUM_PANEL_PLAN_ENDED, NULL, &error));

  /* Refused corrections write nothing */
  g_assert_cmpint (quorum_store_correct_referral (f->store, id, QUORUM_REFERRAL_FIELD_PANEL_DATE, "2026-11-20",
                                                  "Typo", &error), ==, 0);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (quorum_store_correct_referral (f->store, id, QUORUM_REFERRAL_FIELD_OUTCOME, "plan-confirmed",
                                                  "Minuted wrongly", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (quorum_store_correct_referral (f->store, id, QUORUM_REFERRAL_FIELD_NOTIFIED, "2026-11-27",
                                                  "Sent the next day", &error), >, 0);
  c = quorum_store_load_conference (f->store, conf, &error);
  r = g_ptr_array_index (c->referrals, 0);
  g_assert_cmpint (r->outcome, ==, QUORUM_PANEL_PLAN_CONFIRMED);
  assert_date (&r->panel_due, "2026-12-25");
  assert_date (&r->panel_due_working, "2026-12-24");
  g_assert_cmpuint (r->corrections->len, ==, 2);
  g_assert_cmpstr (((QuorumReferralCorrection *) g_ptr_array_index (r->corrections, 0))->old_value, ==, "plan-ended");
  g_assert_cmpstr (((QuorumReferralCorrection *) g_ptr_array_index (r->corrections, 1))->old_value, ==, "2026-11-26");
  /* The plan stands again: the panel's end followed the outcome */
  g_assert_cmpint (((QuorumPlan *) g_ptr_array_index (c->plans, 0))->ended_by, ==, QUORUM_PLAN_OPEN);

  /* A correction is a record: never changed, never deleted, and covered by verify */
  g_assert_false (store_fixture_exec (f->store, "UPDATE referral_correction SET reason = 'x'"));
  g_assert_false (store_fixture_exec (f->store, "DELETE FROM referral_correction"));
  {
    guint n = 0;

    g_assert_true (quorum_store_verify (f->store, &n, &error));
    g_assert_no_error (error);
  }
}

/* referralrules 1. DOMAIN 4: the panel's outcome is plan confirmed, plan ended, or other *with
 * reasons*: the reasons belong to the outcome they were given with. A correction to "other"
 * needs the panel's own; a correction away from it does not carry them over. */
static void
test_corrected_outcome_reasons (StoreFixture  *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = split (f->store, "2026-11-20", NULL, NULL);
  GDate d;

  d = day ("2026-11-24");
  g_assert_true (quorum_store_send_referral (f->store, id, &d, NULL, NULL, &error));
  d = day ("2026-12-10");
  g_assert_true (quorum_store_record_panel (f->store, id, &d, QUORUM_PANEL_OTHER,
                                            "Panel asked for a further assessment", &error));
  g_assert_cmpint (quorum_store_correct_referral (f->store, id, QUORUM_REFERRAL_FIELD_OUTCOME, "plan-confirmed",
                                                  "Minuted wrongly", &error), >, 0);
  g_assert_no_error (error);
  {
    g_autoptr(QuorumReferralRow) row = quorum_store_get_referral (f->store, id, &error);

    g_assert_cmpint (row->outcome, ==, QUORUM_PANEL_PLAN_CONFIRMED);
    g_assert_null (row->outcome_reason);
  }
  /* Back to "other": the correction's reason is not the panel's; without the panel's, refused. */
  g_assert_cmpint (quorum_store_correct_referral (f->store, id, QUORUM_REFERRAL_FIELD_OUTCOME, "other",
                                                  "The panel agreed the threshold for a plan is met", &error), ==, 0);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (quorum_store_correct_referral_full (f->store, id, QUORUM_REFERRAL_FIELD_OUTCOME, "other",
                                                       "Further assessment first", "Minuted wrongly again",
                                                       &error), >, 0);
  g_assert_no_error (error);
  {
    g_autoptr(QuorumReferralRow) row = quorum_store_get_referral (f->store, id, &error);

    g_assert_cmpint (row->outcome, ==, QUORUM_PANEL_OTHER);
    g_assert_cmpstr (row->outcome_reason, ==, "Further assessment first");
  }
}

/* referralrules 2. DOMAIN 4 (a referral due in 5 working days; the panel within 28 days of
 * notification): as of a date, a referral is as it stood then; sent or heard later had not been. */
static void
test_as_of_judges_the_past (StoreFixture  *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = split (f->store, "2026-11-20", NULL, NULL);   /* due 2026-11-27 */
  QuorumReferralCounts counts;
  GDate d;

  d = day ("2026-11-28");
  g_assert_true (quorum_store_send_referral (f->store, id, &d, NULL, NULL, &error));
  d = day ("2026-12-30");                                  /* panel due 2026-12-26 */
  g_assert_true (quorum_store_record_panel (f->store, id, &d, QUORUM_PANEL_PLAN_CONFIRMED, NULL, &error));
  g_assert_no_error (error);

  {
    struct { const char *as_of; QuorumReferralState state; gboolean overdue; } cases[] = {
      { "2026-11-25", QUORUM_REFERRAL_AWAITING_NOTIFICATION, FALSE },
      { "2026-11-27", QUORUM_REFERRAL_AWAITING_NOTIFICATION, FALSE },
      { "2026-11-28", QUORUM_REFERRAL_AWAITING_PANEL, FALSE },
      { "2026-12-27", QUORUM_REFERRAL_AWAITING_PANEL, TRUE },
      { "2026-12-30", QUORUM_REFERRAL_DECIDED, FALSE },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autoptr(GPtrArray) rows = NULL;
        QuorumReferralRow *row;

        d = day (cases[i].as_of);
        rows = quorum_store_get_referrals (f->store, &id, 1, &d, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (rows->len, ==, 1);
        row = g_ptr_array_index (rows, 0);
        g_test_message ("as of %s", cases[i].as_of);
        g_assert_cmpint (row->state, ==, cases[i].state);
        g_assert_cmpint (row->overdue, ==, cases[i].overdue);
      }
  }
  /* Panel due 26 Dec, heard 30 Dec: overdue as of 27 Dec, in the list as in the rows. */
  {
    g_autoptr(GPtrArray) rows = NULL;

    d = day ("2026-12-27");
    rows = quorum_store_list_referrals (f->store, &d, TRUE, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (rows->len, ==, 1);
  }
  d = day ("2026-11-25");
  g_assert_true (quorum_store_count_referrals (f->store, &d, NULL, &counts, &error));
  g_assert_cmpuint (counts.awaiting_notification, ==, 1);
  g_assert_cmpuint (counts.awaiting_panel, ==, 0);
  d = day ("2026-12-27");
  g_assert_true (quorum_store_count_referrals (f->store, &d, NULL, &counts, &error));
  g_assert_cmpuint (counts.awaiting_panel, ==, 1);
  g_assert_cmpuint (counts.panel_overdue, ==, 1);
  {
    QuorumReferralQuery query = { 0 };
    g_autoptr(GArray) ids = NULL;

    query.as_of = day ("2026-11-25");
    query.match = QUORUM_REFERRAL_MATCH_AWAITING_NOTIFICATION;
    ids = quorum_store_list_referral_ids (f->store, &query, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (ids->len, ==, 1);
  }
}

/* referralrules 3. DOMAIN "Plans, referrals and notices over time": every notice is a record (the
 * referral sent to the Head of Service); a corrected sent date is the notice's date too. */
static void
test_corrected_sent_date_is_the_notices (StoreFixture  *f,
                                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notices = NULL;
  gint64 id = split (f->store, "2026-11-13", NULL, NULL);
  guint found = 0;
  GDate d;

  d = day ("2026-11-24");
  g_assert_true (quorum_store_send_referral (f->store, id, &d, "J. Okafor", "email", &error));
  g_assert_cmpint (quorum_store_correct_referral (f->store, id, QUORUM_REFERRAL_FIELD_NOTIFIED, "2026-11-19",
                                                  "Sent earlier, by email", &error), >, 0);
  g_assert_no_error (error);
  notices = quorum_store_list_notices (f->store, FALSE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < notices->len; i++)
    {
      QuorumNoticeRow *n = g_ptr_array_index (notices, i);

      if (n->referral_id == id && g_strcmp0 (n->kind, "referral-sent") == 0)
        {
          assert_date (&n->date, "2026-11-19");
          found++;
        }
    }
  g_assert_cmpuint (found, ==, 1);
  {
    guint n = 0;

    g_assert_true (quorum_store_verify (f->store, &n, &error));
    g_assert_no_error (error);
  }
}

/* Rule: every notice a policy names is a record; a notice not yet given is pending (finding 7). */
static void
test_notices_pending_and_given (StoreFixture  *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  QuorumDifferenceSpec spec = { 0 };
  QuorumNoticeSpec notice = { 0 };
  QuorumResolutionSpec resolution = { 0 };
  gint64 referral = split (f->store, "2026-11-20", NULL, NULL);
  gint64 id;

  spec.profile_id = "bolton";
  spec.date = day ("2026-11-02");
  spec.raised_by = "H. Visitor";
  spec.agency = "NHS";
  spec.against = "Children's Social Care";
  spec.area = QUORUM_AREA_THRESHOLDS;
  spec.outcome_sought = "A strategy meeting";
  id = quorum_store_raise_difference (f->store, &spec, &error);
  g_assert_no_error (error);
  resolution.date = day ("2026-11-04");
  resolution.outcome = "Agreed";
  g_date_clear (&resolution.feedback_date, 1);
  g_assert_true (quorum_store_resolve_difference (f->store, id, &resolution, &error));

  pending = quorum_store_list_notices (f->store, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pending->len, ==, 2);
  for (guint i = 0; i < pending->len; i++)
    {
      QuorumNoticeRow *n = g_ptr_array_index (pending, i);

      g_assert_true (n->pending);
      if (n->referral_id == referral)
        g_assert_cmpstr (n->kind, ==, "referral-sent");
      else
        {
          g_assert_cmpint (n->difference_id, ==, id);
          g_assert_cmpstr (n->kind, ==, "feedback");
          g_assert_nonnull (strstr (n->to, "practitioner"));
        }
    }
  g_clear_pointer (&pending, g_ptr_array_unref);

  notice.kind = "feedback";
  notice.difference_id = id;
  notice.date = day ("2026-11-05");
  notice.by = "Team leader";
  notice.to = "H. Visitor";
  notice.means = "phone";
  g_assert_cmpint (quorum_store_give_notice (f->store, &notice, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (quorum_store_give_notice (f->store, &notice, &error), ==, 0);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);

  pending = quorum_store_list_notices (f->store, TRUE, &error);
  g_assert_cmpuint (pending->len, ==, 1);
}

/* Rule: immediate risk can be identified at any stage (same working day where the profile
 * asks); Bradford records a formal challenge; a difference can close with the disagreement
 * remaining; "other" keeps the raiser's words (finding 8). */
static void
test_difference_events (StoreFixture  *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumDifference) d = NULL;
  g_autoptr(QuorumDifferenceStage) stage = NULL;
  QuorumDifferenceSpec spec = { 0 };
  QuorumResolutionSpec resolution = { 0 };
  GDate when;
  gint64 id;

  spec.profile_id = "bradford";
  spec.date = day ("2026-11-02");
  spec.raised_by = "H. Visitor";
  spec.agency = "NHS";
  spec.against = "Children's Social Care";
  spec.area = QUORUM_AREA_OTHER;
  spec.area_other = "Transport to contact";
  spec.outcome_sought = "Transport";
  id = quorum_store_raise_difference (f->store, &spec, &error);
  g_assert_no_error (error);
  when = day ("2026-11-03");
  stage = quorum_store_escalate_difference (f->store, id, &when, "Unresolved", &error);
  assert_date (&stage->due, "2026-11-10");

  g_assert_cmpint (quorum_store_flag_difference (f->store, id, "formal-challenge", &when, "In writing", &error), >, 0);
  when = day ("2026-11-04");
  g_assert_cmpint (quorum_store_flag_difference (f->store, id, "immediate-risk", &when, NULL, &error), >, 0);
  g_assert_no_error (error);

  d = quorum_store_load_difference (f->store, id, &error);
  g_assert_cmpstr (d->area_other, ==, "Transport to contact");
  g_assert_true (d->immediate_risk);
  assert_date (&quorum_difference_get_current_stage (d)->due, "2026-11-04");
  g_assert_nonnull (quorum_difference_find_event (d, "formal-challenge"));

  resolution.date = day ("2026-11-05");
  resolution.outcome = "Decision unchanged";
  resolution.disagreement_remains = TRUE;
  g_date_clear (&resolution.feedback_date, 1);
  g_assert_true (quorum_store_resolve_difference (f->store, id, &resolution, &error));
  g_clear_pointer (&d, quorum_difference_free);
  d = quorum_store_load_difference (f->store, id, &error);
  g_assert_true (d->disagreement_remains);
  {
    guint n = 0;

    g_assert_true (quorum_store_verify (f->store, &n, &error));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* The scenarios are dated 2026-27: today is fixed after them. */
  g_setenv ("QUORUM_TODAY", "2027-06-30", TRUE);

#define ADD(path, fn) g_test_add (path, StoreFixture, NULL, store_fixture_set_up, fn, store_fixture_tear_down)
  ADD ("/store/life/referral-lateness-shown-and-panel-plan-ended-ends-the-plan", test_referral_lateness_and_plan_end);
  ADD ("/store/life/head-of-service-dates-refused-in-future-and-corrected-keeping-old-value", test_head_of_service_dates_and_corrections);
  ADD ("/store/life/notices-named-by-policies-pending-until-given", test_notices_pending_and_given);
  ADD ("/store/life/difference-immediate-risk-any-stage-formal-challenge-disagreement-remains", test_difference_events);
  ADD ("/store/life/domain4-corrected-outcome-other-needs-its-own-reasons-none-carried-over", test_corrected_outcome_reasons);
  ADD ("/store/life/domain4-as-of-state-and-overdue-as-they-stood-then", test_as_of_judges_the_past);
  ADD ("/store/life/corrected-sent-date-is-the-referral-sent-notices-date", test_corrected_sent_date_is_the_notices);
#undef ADD

  return g_test_run ();
}
