/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-decision-area.c: what a child's decision area on the conference screen says now, as a
 * Head of Service and a chair use it (a trial as a Head of Service): the Appeals and Split
 * Decisions Panel's outcome recorded on the Referrals page (the plan ended or confirmed, the
 * referral sent late, heard late, due on a day off, corrected) shown on the conference; "Open
 * the Conference" from a referral landing at that child's decision; no attendance "Time" box
 * where nothing can be recorded; a consensus with a group gone before its view worded truly,
 * on the screen and in the text record. */

#include <string.h>

#include "test-ui-common.h"
#include "export/quorum-export.h"
#include "ui/quorum-text-row.h"

#define CSC       "Children's Social Care"
#define POLICE    "Police"
#define HEALTH    "Health"
#define EDUCATION "Education"
#define PROBATION "Probation"

/* ---- the record, built as the chairs' conference left it ---- */

/* A conference on @date under @profile (NULL: the default) about @child, four groups present,
 * a consensus attempt that failed, then the views: the first @n_plan groups for a plan
 * (@category, @plan_reason), the others for none (@no_plan_reason). Sets @child_out. */
static gint64
make_voted (QuorumStore *store,
            const char  *date,
            const char  *child,
            const char  *profile,
            guint        n_plan,
            guint        category,
            const char  *plan_reason,
            const char  *no_plan_reason,
            gint64      *child_out)
{
  static const char *groups[] = { CSC, HEALTH, POLICE, EDUCATION };
  g_autoptr(GError) error = NULL;
  const char *children[] = { child, NULL };
  QuorumConferenceSpec spec = { .kind = QUORUM_KIND_REVIEW, .chair = "Ruth Okafor", .children = children,
                                .profile_id = profile };
  QuorumAttemptSpec attempt = { .summary = "No agreement", .agreed = QUORUM_VIEW_NONE };
  gint64 conference;
  gint64 child_id;

  g_assert_true (quorum_date_parse (date, "date", &spec.date, NULL));
  conference = quorum_store_create_conference (store, &spec, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      QuorumAttendeeSpec a = { .name = groups[i], .agency = groups[i], .line_management = groups[i],
                               .voting = TRUE, .attendance = QUORUM_ATTENDANCE_PRESENT };

      quorum_store_add_attendee (store, conference, &a, &error);
      g_assert_no_error (error);
    }
  child_id = ui_test_child_id (store, conference, 0);
  attempt.child_id = child_id;
  quorum_store_add_attempt (store, conference, &attempt, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      QuorumVoteSpec vote = { .child_id = child_id, .group = groups[i],
                              .view = i < n_plan ? QUORUM_VIEW_PLAN : QUORUM_VIEW_NO_PLAN,
                              .categories = i < n_plan ? category : 0,
                              .reason = i < n_plan ? plan_reason : no_plan_reason };

      quorum_store_record_vote (store, conference, &vote, &error);
      g_assert_no_error (error);
    }

  *child_out = child_id;
  return conference;
}

/* A split decision for @child at a conference on @date: two groups for a plan, two for none. */
static gint64
make_split (QuorumStore *store,
            const char  *date,
            const char  *child,
            gint64      *child_out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumOutcome) outcome = NULL;
  gint64 conference = make_voted (store, date, child, NULL, 2, QUORUM_CATEGORY_PHYSICAL, NULL,
                                  "No concerns seen", child_out);

  outcome = quorum_store_decide (store, conference, *child_out, QUORUM_VIEW_NONE, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (outcome->basis, ==, QUORUM_BASIS_SPLIT);
  return conference;
}

/* ---- a person's hands on the Referrals page ---- */

static GtkWidget *
page_child (QuorumReferralsPage *page,
            const char          *name)
{
  return ui_test_template_child (page, QUORUM_TYPE_REFERRALS_PAGE, name);
}

static void
wait_loaded (QuorumReferralsPage *page)
{
  ui_test_wait_until (ui_test_referrals_loaded, page, 20000, "the referrals to load");
  ui_test_iterate (100);
}

/* Clicks into @name's field and types @text over what it shows. */
static void
type_into (QuorumReferralsPage *page,
           const char          *name,
           const char          *text)
{
  ui_test_click (page_child (page, name), -1, -1);
  ui_test_key ("ctrl+a");
  ui_test_type (text);
}

typedef struct
{
  GtkWidget  *combo;
  const char *item;
} ShownItem;

static gboolean
item_shown (gpointer data)
{
  ShownItem *shown = data;

  return ui_test_find_shown_label (shown->combo, shown->item) != NULL;
}

/* Opens @name's list with a click and clicks @item in it. */
static void
choose (QuorumReferralsPage *page,
        const char          *name,
        const char          *item)
{
  ShownItem shown = { page_child (page, name), item };

  ui_test_click (shown.combo, -1, -1);
  ui_test_wait_until (item_shown, &shown, 10000, "the list to open");
  ui_test_click (ui_test_find_shown_label (shown.combo, item), -1, -1);
  ui_test_settle (300);
}

/* The first shown widget under @root that acts on @action (a button), or NULL. */
static GtkWidget *
find_actionable (GtkWidget  *root,
                 const char *action)
{
  if (GTK_IS_ACTIONABLE (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_actionable (child, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* ---- what the child's decision area shows ---- */

static const char *
row_text (QuorumChildPanel *panel,
          const char       *name)
{
  return quorum_text_row_get_subtitle (QUORUM_TEXT_ROW (ui_test_template_child (panel, QUORUM_TYPE_CHILD_PANEL, name)));
}

static const char *
label_text (QuorumChildPanel *panel,
            const char       *name)
{
  return gtk_label_get_label (GTK_LABEL (ui_test_template_child (panel, QUORUM_TYPE_CHILD_PANEL, name)));
}

static GtkAdjustment *
panel_adjustment (QuorumChildPanel *panel)
{
  GtkWidget *scroller = ui_test_template_child (panel, QUORUM_TYPE_CHILD_PANEL, "scroller");

  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
}

typedef struct
{
  QuorumChildPanel *panel;
  const char       *row;
  const char       *part;
} RowWait;

static gboolean
row_says (gpointer data)
{
  RowWait *wait = data;

  return strstr (row_text (wait->panel, wait->row), wait->part) != NULL;
}

/* A trial as a Head of Service: Noah's conference (Monday 12 October 2026) split; the referral
 * was due Monday 19 October and sent on Saturday 24 October (late); the panel was due by
 * Saturday 21 November (not a working day: Friday 20 November) and heard it on Thursday 26
 * November (late): "plan ended". The conference still said the plan was "pending the Appeals
 * and Split Decisions Panel" and the referral "the panel hears it by …", without an outcome;
 * and "Open the Conference" landed on the vote cards where the panel had last been scrolled. */
static void
test_panel_outcome_shown (void)
{
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(QuorumStore) store = ui_test_open (path);
  g_autoptr(GSettings) settings = quorum_ui_settings_new ();
  QuorumConferencePage *conference_page;
  QuorumReferralsPage *page;
  QuorumChildPanel *panel;
  QuorumWindow *window;
  GtkAdjustment *adjustment;
  gint64 conference;
  gint64 noah;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  /* The Head of Service's name is kept in Preferences: the referral's forms record it and ask
   * nothing (test-ui-referrals asks it when none is kept). */
  g_settings_set_string (settings, "chair-name", "Ruth Okafor");
  conference = make_split (store, "2026-10-12", "Noah Bell", &noah);
  window = ui_test_window_new (store, 1400, 1000);
  ui_test_raise_window (window);
  conference_page = quorum_window_get_conference_page (window);

  /* The chair read the vote cards: the child's panel scrolled down to them. */
  g_assert_true (quorum_window_open_conference (window, conference, noah));
  ui_test_iterate (300);
  panel = quorum_conference_page_get_child_panel (conference_page, noah);
  g_assert_nonnull (strstr (row_text (panel, "plan_row"), "pending the Appeals and Split Decisions Panel"));
  adjustment = panel_adjustment (panel);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment), >, 100);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  ui_test_iterate (200);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 100);

  /* The Head of Service records that it was sent, late, and the panel's hearing, late. */
  page = ui_test_show_referrals (window);
  wait_loaded (page);
  ui_test_click (ui_test_find_shown_label (GTK_WIDGET (page), "Noah Bell"), -1, -1);
  ui_test_settle (300);
  type_into (page, "notify_date_entry", "2026-10-24");
  ui_test_click (page_child (page, "notify_button"), -1, -1);
  wait_loaded (page);
  type_into (page, "panel_date_entry", "2026-11-26");
  choose (page, "outcome_combo", "Plan ended");
  ui_test_click (page_child (page, "panel_button"), -1, -1);
  wait_loaded (page);
  {
    g_autoptr(QuorumConference) c = ui_test_load (store, conference);
    QuorumReferral *referral = quorum_conference_find_referral (c, noah);

    g_assert_cmpint (referral->outcome, ==, QUORUM_PANEL_PLAN_ENDED);
    g_assert_true (referral->sent_late);
    g_assert_true (referral->heard_late);
  }

  /* "Open the Conference" from the referral: at Noah's decision, the panel's top. */
  ui_test_click (find_actionable (GTK_WIDGET (page), "referrals.open-conference"), -1, -1);
  ui_test_settle (500);
  g_assert_cmpint (quorum_conference_page_get_conference_id (conference_page), ==, conference);
  g_assert_cmpint (quorum_conference_page_get_child_id (conference_page), ==, noah);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, gtk_adjustment_get_lower (adjustment));
  g_assert_true (gtk_widget_has_focus (ui_test_template_child (panel, QUORUM_TYPE_CHILD_PANEL, "outcome_box")));

  /* What stands now: the plan ended by the panel; the referral sent late, due on a day off
   * (with the working day before), heard late, its outcome. */
  g_test_message ("plan: %s", row_text (panel, "plan_row"));
  g_test_message ("referral: %s", row_text (panel, "referral_row"));
  g_assert_cmpstr (row_text (panel, "plan_row"), ==,
                   "Starts Monday 12 October 2026. Made by the split decision; ended by the Appeals and "
                   "Split Decisions Panel on Thursday 26 November 2026 (plan ended).");
  g_assert_cmpstr (row_text (panel, "referral_row"), ==,
                   "The chair refers the split decision within 5 working days: by Monday 19 October 2026.\n"
                   "Sent to the Head of Service on Saturday 24 October 2026 (a Saturday, not a working day) by Ruth Okafor "
                   "— sent late, after its due date. "
                   "The panel was due to hear it by Saturday 21 November 2026 — not a working day: the working day "
                   "before is Friday 20 November 2026.\n"
                   "Heard by the panel on Thursday 26 November 2026 — heard late, after the panel’s due date. "
                   "Outcome: Plan ended.");
  ui_test_screenshot (GTK_WIDGET (window), "decision-area-panel-outcome");

  /* The outcome corrected on the Referrals page; back on the conference by its tab (not
   * opened again), the decision area says the value now standing, and the correction. */
  page = ui_test_show_referrals (window);
  wait_loaded (page);
  choose (page, "correct_field_combo", "Panel outcome");
  choose (page, "correct_outcome_combo", "Plan confirmed");
  type_into (page, "correct_reason_entry", "Minuted wrongly");
  ui_test_click (page_child (page, "correct_button"), -1, -1);
  wait_loaded (page);
  ui_test_show_page (window, "conferences");
  {
    RowWait wait = { panel, "plan_row", "confirmed" };

    ui_test_wait_until (row_says, &wait, 10000, "the corrected outcome on the conference");
  }
  g_assert_cmpstr (row_text (panel, "plan_row"), ==,
                   "Starts Monday 12 October 2026. Made by the split decision; confirmed by the Appeals and "
                   "Split Decisions Panel on Thursday 26 November 2026.");
  g_assert_nonnull (strstr (row_text (panel, "referral_row"),
                            "Outcome: Plan confirmed.\nCorrected: Panel outcome: Plan ended → Plan confirmed (Minuted wrongly)"));
  ui_test_screenshot (GTK_WIDGET (window), "decision-area-panel-corrected");

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (100);
  g_settings_reset (settings, "chair-name");
}

/* A consensus taken while Probation's only representative had left before giving a view read
 * "By consensus" beside "No view: left before giving it: Probation", and the record "every group
 * agreed": the groups present agreed. Signed off, the attendance "Time" box stayed, for
 * "Arrived" and "Left" buttons no longer there. */
static void
test_consensus_with_a_group_gone_and_signed_off (void)
{
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(QuorumStore) store = ui_test_open (path);
  const char *children[] = { "Ivy Carter", NULL };
  QuorumConferencePage *page;
  QuorumChildPanel *panel;
  QuorumWindow *window;
  GtkWidget *time_entry;
  gint64 conference;
  gint64 ivy;
  gint64 probation = 0;

  window = ui_test_window_new (store, 1400, 1000);
  page = quorum_window_get_conference_page (window);
  conference = ui_test_create_conference (window, children, "bolton", "BOL/1");
  ui_test_add_attendee (window, "Sarah Whitfield", "Social worker", CSC, CSC, TRUE);
  ui_test_add_attendee (window, "DC Khan", "Detective", POLICE, POLICE, TRUE);
  ui_test_add_attendee (window, "Helen Ford", "Health visitor", HEALTH, HEALTH, TRUE);
  ui_test_add_attendee (window, "Gareth Lewis", "Probation officer", PROBATION, PROBATION, TRUE);
  ivy = ui_test_child_id (store, conference, 0);
  {
    g_autoptr(QuorumConference) c = ui_test_load (store, conference);

    for (guint i = 0; i < c->attendees->len; i++)
      if (g_strcmp0 (((QuorumAttendee *) g_ptr_array_index (c->attendees, i))->name, "Gareth Lewis") == 0)
        probation = ((QuorumAttendee *) g_ptr_array_index (c->attendees, i))->id;
  }
  g_assert_cmpint (probation, >, 0);

  /* The attendees' pane: the time typed, then Gareth's "Left" button, before any view. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "conference.new-attendee", NULL));
  ui_test_iterate (300);
  time_entry = ui_test_find_named (GTK_WIDGET (window), "record-time-entry");
  g_assert_nonnull (time_entry);
  g_assert_true (gtk_widget_is_visible (time_entry));
  gtk_widget_grab_focus (time_entry);
  gtk_editable_set_text (GTK_EDITABLE (time_entry), "11:15");
  {
    g_autofree char *name = g_strdup_printf ("leave-button-%lld", (long long) probation);
    GtkWidget *button = ui_test_find_named (GTK_WIDGET (window), name);

    g_assert_nonnull (button);
    gtk_widget_activate (button);
    ui_test_iterate (500);
  }
  {
    g_autoptr(QuorumConference) c = ui_test_load (store, conference);

    g_assert_cmpstr (quorum_conference_find_attendee (c, probation)->left_at, ==, "11:15");
  }

  /* The groups present agree: the attempt recorded as agreed, the decision taken. */
  panel = quorum_conference_page_get_child_panel (page, ivy);
  quorum_child_panel_fill_attempt (panel, "A child protection plan under neglect", "Everyone here agrees",
                                   "All for a plan", QUORUM_VIEW_PLAN, QUORUM_CATEGORY_NEGLECT);
  gtk_widget_activate (ui_test_template_child (panel, QUORUM_TYPE_CHILD_PANEL, "record_attempt_button"));
  ui_test_iterate (300);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "conference.decide", NULL));
  ui_test_iterate (100);
  g_free (ui_test_confirm_decision ());
  ui_test_iterate (200);
  {
    g_autoptr(QuorumConference) c = ui_test_load (store, conference);
    QuorumDecision *decision = quorum_conference_find_decision (c, ivy);
    g_auto(GStrv) without = quorum_conference_left_without_view (c, ivy);

    g_assert_nonnull (decision);
    g_assert_cmpint (decision->basis, ==, QUORUM_BASIS_CONSENSUS);
    g_assert_cmpstr (without[0], ==, PROBATION);
  }

  /* Said truly on the screen … */
  g_assert_cmpstr (label_text (panel, "basis_label"), ==, "By consensus: every group present agreed");
  g_assert_cmpstr (label_text (panel, "left_view_label"), ==, "No view: left before giving it: Probation");
  ui_test_screenshot (GTK_WIDGET (window), "decision-area-consensus-group-gone");

  /* … and in the record, in the same words (the PDF is laid out from the same document). */
  {
    g_autoptr(QuorumConference) c = ui_test_load (store, conference);
    g_autoptr(QuorumProfile) profile = quorum_store_get_conference_profile (store, conference, NULL);
    g_autofree char *text = quorum_export_text_string (c, profile, "Test", NULL);

    g_assert_nonnull (strstr (text, "Consensus: every group present agreed\n"));
    g_assert_nonnull (strstr (text, "Every group present agreed: a consensus has no dissent."));
    g_assert_null (strstr (text, "Every group agreed"));
    g_assert_null (strstr (text, "every group agreed"));
  }

  /* Signed off: nothing can be recorded, so no time box for buttons that are not there. */
  g_assert_true (gtk_widget_is_visible (time_entry));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "conference.sign-off", NULL));
  ui_test_iterate (100);
  ui_test_respond ("sign-off");
  ui_test_iterate (300);
  {
    g_autoptr(QuorumConference) c = ui_test_load (store, conference);

    g_assert_true (quorum_conference_is_finalised (c));
  }
  g_assert_null (ui_test_find_button (GTK_WIDGET (window), GTK_TYPE_BUTTON, "Left"));
  g_assert_null (ui_test_find_button (GTK_WIDGET (window), GTK_TYPE_BUTTON, "Arrived"));
  g_assert_false (gtk_widget_is_visible (time_entry));
  g_assert_null (ui_test_find_shown_label (GTK_WIDGET (window), "for “Arrived” and “Left” below"));
  ui_test_screenshot (GTK_WIDGET (window), "decision-area-signed-off-attendance");

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (100);
}

/* cliasof 4: the Safeguarding Co-ordinator's interim plan (Buckinghamshire's challenge route),
 * referred to the Head of Service too, ended by the panel: the decision area says the plan ended,
 * when and by whom, as it does for a split's plan (it said only that the plan was interim). */
static void
test_interim_plan_ended_by_panel (void)
{
  g_autoptr(QuorumStore) store = ui_test_open (ui_test_db_path ());
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumOutcome) outcome = NULL;
  QuorumChallengeSpec challenge = { .agency = CSC, .designated_person = "J. Ops Manager", .raised_by = CSC,
                                    .concern = "The children are left alone at night." };
  QuorumConferencePage *conference_page;
  QuorumChildPanel *panel;
  QuorumWindow *window;
  GDate raised, decided, heard;
  gint64 conference, isla, id;

  conference = make_voted (store, "2026-10-12", "Isla Reid", "buckinghamshire", 1, QUORUM_CATEGORY_NEGLECT,
                           "Neglect at night", NULL, &isla);
  outcome = quorum_store_decide_with_reason (store, conference, isla, QUORUM_VIEW_NO_PLAN, 0, "The chair weighed the views recorded.", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (outcome->basis, ==, QUORUM_BASIS_CHAIR);

  /* Children's Social Care challenges; the Co-ordinator puts an interim plan in place and refers. */
  g_assert_true (quorum_date_parse ("2026-10-13", "date", &raised, NULL));
  g_assert_true (quorum_date_parse ("2026-10-14", "date", &decided, NULL));
  g_assert_true (quorum_date_parse ("2026-11-05", "date", &heard, NULL));
  challenge.child_id = isla;
  challenge.raised_on = raised;
  id = quorum_store_raise_challenge (store, conference, &challenge, &error);
  g_assert_no_error (error);
  g_assert_true (quorum_store_alert_challenge (store, id, "K. Coordinator", &raised, &error));
  g_assert_true (quorum_store_decide_challenge (store, id, &decided,
                                                QUORUM_CHALLENGE_INTERIM_PLAN | QUORUM_CHALLENGE_REFER,
                                                NULL, "Risk at night.", &error));
  g_assert_no_error (error);
  {
    g_autoptr(QuorumConference) c = ui_test_load (store, conference);
    QuorumReferral *referral = quorum_conference_find_referral (c, isla);

    /* The Co-ordinator's referral is sent the day of the decision. */
    g_assert_nonnull (referral);
    g_assert_true (g_date_valid (&referral->notified));
    g_assert_true (quorum_store_record_panel (store, referral->id, &heard, QUORUM_PANEL_PLAN_ENDED, NULL, &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr(QuorumConference) c = ui_test_load (store, conference);
    QuorumPlan *plan = g_ptr_array_index (c->plans, 0);

    g_assert_false (plan->from_split);
    g_assert_cmpint (plan->ended_by, ==, QUORUM_PLAN_ENDED_BY_PANEL);
  }

  window = ui_test_window_new (store, 1400, 1000);
  ui_test_raise_window (window);
  conference_page = quorum_window_get_conference_page (window);
  g_assert_true (quorum_window_open_conference (window, conference, isla));
  ui_test_iterate (500);
  panel = quorum_conference_page_get_child_panel (conference_page, isla);
  g_test_message ("plan: %s", row_text (panel, "plan_row"));
  g_assert_cmpstr (row_text (panel, "plan_row"), ==,
                   "Starts Wednesday 14 October 2026. An immediate interim plan, put in place by the Safeguarding "
                   "Co-ordinator on a challenge.\nEnded by the Appeals and Split Decisions Panel on Thursday "
                   "5 November 2026 (plan ended).");
  ui_test_screenshot (GTK_WIDGET (window), "decision-area-interim-plan-ended");

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (100);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/decision-area/panel-outcome-shown-and-opened-at-the-decision", test_panel_outcome_shown);
  g_test_add_func ("/ui/decision-area/interim-plan-ended-by-the-panel", test_interim_plan_ended_by_panel);
  g_test_add_func ("/ui/decision-area/consensus-with-a-group-gone-and-signed-off",
                   test_consensus_with_a_group_gone_and_signed_off);

  return g_test_run ();
}
