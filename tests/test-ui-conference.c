/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-conference.c: a Bolton conference driven through the chair's screen: create it,
 * record attendees in several line-management groups, a failed consensus, a 2-2 split with a
 * decline, decide; the store holds the plan, the referral with its due date, the dissent and
 * the audit trail. */

#include <string.h>

#include "test-ui-common.h"

static gboolean
audit_has (GPtrArray  *entries,
           const char *entity)
{
  for (guint i = 0; i < entries->len; i++)
    {
      QuorumAuditEntry *entry = g_ptr_array_index (entries, i);

      if (g_strcmp0 (entry->entity, entity) == 0)
        return TRUE;
    }

  return FALSE;
}

static QuorumVote *
find_vote (QuorumConference *conference,
           gint64            child_id,
           const char       *group)
{
  return quorum_conference_find_vote (conference, child_id, group);
}

static void
test_split_decision (void)
{
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = quorum_store_open (path, &error);
  static const char * const children[] = { "Amy Test", "Ben Test", NULL };
  QuorumConferencePage *page;
  QuorumChildPanel *panel;
  QuorumWindow *window;
  gint64 conf;
  gint64 amy;
  gint64 ben;

  g_assert_no_error (error);
  window = ui_test_window_new (store, 1280, 800);
  page = quorum_window_get_conference_page (window);

  /* Create the conference; it opens and shows in the list. */
  conf = ui_test_create_conference (window, children, "bolton", "UI-SPLIT-1");
  g_assert_cmpuint (g_list_model_get_n_items (quorum_window_get_conferences (window)), ==, 1);
  amy = ui_test_child_id (store, conf, 0);
  ben = ui_test_child_id (store, conf, 1);

  /* Attendees in five line-management groups; two health visitors share one; a parent does not vote. */
  ui_test_add_attendee (window, "Sam Social", "Social Worker", "Children's Social Care", "Children's Social Care", TRUE);
  ui_test_add_attendee (window, "Pat Police", "Detective Constable", "Police", "Police", TRUE);
  ui_test_add_attendee (window, "Hana Visitor", "Health Visitor", "NHS Trust", "NHS Trust Health Visiting", TRUE);
  ui_test_add_attendee (window, "Holly Visitor", "Health Visitor", "NHS Trust", "nhs trust  health visiting", TRUE);
  ui_test_add_attendee (window, "Sue School", "Head Teacher", "Oak School", NULL, TRUE);  /* group = agency */
  ui_test_add_attendee (window, "Gary Doctor", "GP", "Elm Surgery", "Elm Surgery", TRUE);
  ui_test_add_attendee (window, "Mary Parent", "Mother", "Family", "Family", FALSE);

  {
    g_autoptr(QuorumConference) c = ui_test_load (store, conf);
    g_auto(GStrv) groups = quorum_conference_list_groups (c);

    g_assert_cmpuint (c->attendees->len, ==, 7);
    g_assert_cmpuint (g_strv_length (groups), ==, 5);
    g_assert_cmpstr (((QuorumAttendee *) g_ptr_array_index (c->attendees, 4))->line_management, ==, "Oak School");
  }

  /* A failed consensus opens the vote. */
  quorum_conference_page_show_child (page, amy);
  panel = quorum_conference_page_get_child_panel (page, amy);
  quorum_child_panel_fill_attempt (panel, "A plan for neglect", "Agencies differ on the threshold",
                                   "Two for, two against", QUORUM_VIEW_NONE, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "child.record-attempt", NULL));
  ui_test_iterate (20);

  {
    g_autoptr(QuorumConference) c = ui_test_load (store, conf);
    QuorumAttempt *attempt = quorum_conference_last_attempt (c, amy);

    g_assert_nonnull (attempt);
    g_assert_cmpint (attempt->agreed, ==, QUORUM_VIEW_NONE);
    g_assert_cmpstr (attempt->summary, ==, "Agencies differ on the threshold");
  }

  /* The vote: one card per group. */
  quorum_vote_card_choose (ui_test_card (window, amy, "Children's Social Care"), QUORUM_VIEW_PLAN);
  ui_test_iterate (20);
  quorum_vote_card_set_category (ui_test_card (window, amy, "Children's Social Care"), QUORUM_CATEGORY_NEGLECT, TRUE);
  ui_test_iterate (20);

  /* A group voting again replaces its view: Police first say plan, then no plan. */
  quorum_vote_card_choose (ui_test_card (window, amy, "Police"), QUORUM_VIEW_PLAN);
  ui_test_iterate (20);
  quorum_vote_card_enter_reason (ui_test_card (window, amy, "Police"), "No offence identified; child in need support is enough");
  quorum_vote_card_choose (ui_test_card (window, amy, "Police"), QUORUM_VIEW_NO_PLAN);
  ui_test_iterate (20);

  /* The health visitors could not agree: recorded as such, with the one view they settled on. */
  quorum_vote_card_enter_reason (ui_test_card (window, amy, "NHS Trust Health Visiting"), "Weight faltering; missed appointments");
  quorum_vote_card_choose (ui_test_card (window, amy, "NHS Trust Health Visiting"), QUORUM_VIEW_PLAN);
  ui_test_iterate (20);
  quorum_vote_card_set_members_disagreed (ui_test_card (window, amy, "NHS Trust Health Visiting"), TRUE);
  ui_test_iterate (20);

  quorum_vote_card_enter_reason (ui_test_card (window, amy, "Oak School"), "Attendance has improved");
  quorum_vote_card_choose (ui_test_card (window, amy, "Oak School"), QUORUM_VIEW_NO_PLAN);
  ui_test_iterate (20);

  /* A decline without its reason is not recorded, and the card says so. */
  quorum_vote_card_choose (ui_test_card (window, amy, "Elm Surgery"), QUORUM_VIEW_DECLINE);
  ui_test_iterate (20);
  {
    g_autoptr(QuorumConference) c = ui_test_load (store, conf);

    g_assert_null (find_vote (c, amy, "Elm Surgery"));
  }
  quorum_vote_card_enter_reason (ui_test_card (window, amy, "Elm Surgery"), "Has not seen the child this year");
  ui_test_iterate (20);

  {
    g_autoptr(QuorumConference) c = ui_test_load (store, conf);
    QuorumVote *vote;
    guint n_amy = 0;

    for (guint i = 0; i < c->votes->len; i++)
      if (((QuorumVote *) g_ptr_array_index (c->votes, i))->child_id == amy)
        {
          g_test_message ("vote: %s %d", ((QuorumVote *) g_ptr_array_index (c->votes, i))->group,
                          ((QuorumVote *) g_ptr_array_index (c->votes, i))->view);
          n_amy++;
        }
    g_assert_cmpuint (n_amy, ==, 5);

    vote = find_vote (c, amy, "Police");
    g_assert_cmpint (vote->view, ==, QUORUM_VIEW_NO_PLAN);
    vote = find_vote (c, amy, "Children's Social Care");
    g_assert_cmpint (vote->view, ==, QUORUM_VIEW_PLAN);
    g_assert_cmpuint (vote->categories, ==, QUORUM_CATEGORY_NEGLECT);
    vote = find_vote (c, amy, "NHS Trust Health Visiting");
    g_assert_true (vote->members_disagreed);
    vote = find_vote (c, amy, "Elm Surgery");
    g_assert_cmpint (vote->view, ==, QUORUM_VIEW_DECLINE);
    g_assert_cmpstr (vote->reason, ==, "Has not seen the child this year");
  }

  /* The cards show the stored views. */
  g_assert_cmpint (quorum_vote_card_get_shown_view (ui_test_card (window, amy, "Police")), ==, QUORUM_VIEW_NO_PLAN);
  g_assert_cmpint (quorum_vote_card_get_shown_view (ui_test_card (window, amy, "Elm Surgery")), ==, QUORUM_VIEW_DECLINE);

  /* Decide (Ctrl+D's action): a split makes the plan and the referral. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "conference.decide", NULL));
  ui_test_iterate (50);

  {
    g_autoptr(QuorumConference) c = ui_test_load (store, conf);
    g_autoptr(QuorumProfile) profile = quorum_profiles_lookup ("bolton", NULL);
    g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (profile->region);
    g_autoptr(GPtrArray) audit = quorum_store_list_audit (store, conf, &error);
    QuorumDecision *decision = quorum_conference_find_decision (c, amy);
    QuorumPlan *plan = quorum_conference_find_plan (c, amy);
    QuorumReferral *referral = quorum_conference_find_referral (c, amy);
    GDate due;

    g_assert_no_error (error);
    g_assert_nonnull (decision);
    g_assert_cmpint (decision->outcome, ==, QUORUM_VIEW_PLAN);
    g_assert_cmpint (decision->basis, ==, QUORUM_BASIS_SPLIT);
    g_assert_cmpint (decision->n_plan, ==, 2);
    g_assert_cmpint (decision->n_no_plan, ==, 2);
    g_assert_cmpint (decision->n_declined, ==, 1);

    g_assert_cmpuint (decision->dissent->len, ==, 2);
    for (guint i = 0; i < decision->dissent->len; i++)
      {
        QuorumDissent *dissent = g_ptr_array_index (decision->dissent, i);

        g_assert_cmpint (dissent->view, ==, QUORUM_VIEW_NO_PLAN);
        g_assert_nonnull (dissent->reason);
        g_assert_nonnull (dissent->representatives);
        g_assert_nonnull (dissent->representatives[0]);
      }

    g_assert_nonnull (plan);
    g_assert_true (plan->from_split);
    g_assert_nonnull (referral);
    g_assert_true (g_date_valid (&referral->due));
    quorum_referral_due (profile, calendar, &c->date, &due);
    g_assert_cmpint (g_date_compare (&referral->due, &due), ==, 0);

    g_assert_cmpuint (audit->len, >, 0);
    g_assert_true (audit_has (audit, "vote") || audit_has (audit, "votes"));
    g_assert_true (audit_has (audit, "decision") || audit_has (audit, "decisions"));
    g_assert_true (audit_has (audit, "referral") || audit_has (audit, "referrals"));
  }

  /* Views can no longer be given: the board is closed. */
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (ui_test_card (window, amy, "Police"))));

  /* Ben: consensus, decided as such. */
  quorum_conference_page_show_child (page, ben);
  g_assert_cmpint (quorum_conference_page_get_child_id (page), ==, ben);
  panel = quorum_conference_page_get_child_panel (page, ben);
  quorum_child_panel_fill_attempt (panel, "A plan for neglect", "All agreed", NULL,
                                   QUORUM_VIEW_PLAN, QUORUM_CATEGORY_NEGLECT);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "child.record-attempt", NULL));
  ui_test_iterate (20);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "child.decide", NULL));
  ui_test_iterate (20);

  {
    g_autoptr(QuorumConference) c = ui_test_load (store, conf);
    QuorumDecision *decision = quorum_conference_find_decision (c, ben);

    g_assert_nonnull (decision);
    g_assert_cmpint (decision->basis, ==, QUORUM_BASIS_CONSENSUS);
    g_assert_null (quorum_conference_find_referral (c, ben));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A refused entry reaches the chair as words, and nothing is written. */
static void
test_refusals_are_shown (void)
{
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = quorum_store_open (path, &error);
  static const char * const children[] = { "Cara Test", NULL };
  QuorumConferencePage *page;
  QuorumWindow *window;
  gint64 conf;

  g_assert_no_error (error);
  window = ui_test_window_new (store, 1280, 800);
  page = quorum_window_get_conference_page (window);
  conf = ui_test_create_conference (window, children, "bolton", NULL);

  /* No name: refused before the store, and said. */
  quorum_conference_page_fill_attendee (page, "", NULL, "Police", NULL, TRUE, QUORUM_ATTENDANCE_PRESENT);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "conference.add-attendee", NULL));
  ui_test_iterate (20);
  g_assert_nonnull (strstr (quorum_window_get_last_toast (window), "name"));

  /* Deciding in an inquorate conference asks why it proceeds; cancelling writes nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "conference.decide", NULL));
  ui_test_iterate (20);
  g_assert_nonnull (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)),
                                                           "proceed"));
  ui_test_respond ("cancel");

  /* A vote from a group with no voting attendee is refused by the store. */
  quorum_conference_page_fill_attendee (page, "Mary Parent", "Mother", "Family", NULL, FALSE, QUORUM_ATTENDANCE_PRESENT);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "conference.add-attendee", NULL));
  ui_test_iterate (20);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (quorum_conference_page_get_child_panel (page, 0)),
                                             "child.record-vote", "(ssusb)", "Family", "plan", 0, "", FALSE));
  ui_test_iterate (20);
  g_test_message ("refused: %s", quorum_window_get_last_toast (window));
  g_assert_nonnull (strstr (quorum_window_get_last_toast (window), "Family"));

  {
    g_autoptr(QuorumConference) c = ui_test_load (store, conf);

    g_assert_cmpuint (c->attendees->len, ==, 1);
    g_assert_cmpuint (c->votes->len, ==, 0);
    g_assert_cmpuint (c->decisions->len, ==, 0);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/conference/split-decision", test_split_decision);
  g_test_add_func ("/ui/conference/refusals-are-shown", test_refusals_are_shown);

  return g_test_run ();
}
