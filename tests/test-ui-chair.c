/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-chair.c: a majority decision under Bolton, and a chair's decision under
 * Buckinghamshire in an inquorate conference that proceeds with its reason recorded. */

#include <string.h>

#include "test-ui-common.h"

static void
record_failed_attempt (QuorumWindow *window,
                       gint64        child_id)
{
  QuorumChildPanel *panel = quorum_conference_page_get_child_panel (quorum_window_get_conference_page (window), child_id);

  quorum_child_panel_fill_attempt (panel, "A plan", "No agreement", NULL, QUORUM_VIEW_NONE, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "child.record-attempt", NULL));
  ui_test_iterate (20);
}

static void
test_majority (void)
{
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = quorum_store_open (path, &error);
  static const char * const children[] = { "Dee Test", NULL };
  QuorumConferencePage *page;
  QuorumWindow *window;
  gint64 conf;
  gint64 dee;

  g_assert_no_error (error);
  window = ui_test_window_new (store, 1280, 800);
  page = quorum_window_get_conference_page (window);
  conf = ui_test_create_conference (window, children, "bolton", "UI-MAJ-1");
  dee = ui_test_child_id (store, conf, 0);

  ui_test_add_attendee (window, "Sam Social", "Social Worker", "Children's Social Care", NULL, TRUE);
  ui_test_add_attendee (window, "Pat Police", "Constable", "Police", NULL, TRUE);
  ui_test_add_attendee (window, "Hana Visitor", "Health Visitor", "NHS Trust", NULL, TRUE);
  ui_test_add_attendee (window, "Sue School", "Head Teacher", "Oak School", NULL, TRUE);
  record_failed_attempt (window, dee);

  quorum_vote_card_choose (ui_test_card (window, dee, "Children's Social Care"), QUORUM_VIEW_PLAN);
  quorum_vote_card_choose (ui_test_card (window, dee, "NHS Trust"), QUORUM_VIEW_PLAN);
  quorum_vote_card_choose (ui_test_card (window, dee, "Oak School"), QUORUM_VIEW_PLAN);
  quorum_vote_card_enter_reason (ui_test_card (window, dee, "Police"), "Nothing criminal; support is enough");
  quorum_vote_card_choose (ui_test_card (window, dee, "Police"), QUORUM_VIEW_NO_PLAN);
  ui_test_iterate (20);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "conference.decide", NULL));
  ui_test_iterate (20);
  g_free (ui_test_confirm_decision ());

  {
    g_autoptr(QuorumConference) c = ui_test_load (store, conf);
    QuorumDecision *decision = quorum_conference_find_decision (c, dee);
    QuorumDissent *dissent;
    g_autoptr(GPtrArray) audit = quorum_store_list_audit (store, conf, &error);

    g_assert_nonnull (decision);
    g_assert_cmpint (decision->outcome, ==, QUORUM_VIEW_PLAN);
    g_assert_cmpint (decision->basis, ==, QUORUM_BASIS_MAJORITY);
    g_assert_cmpint (decision->n_plan, ==, 3);
    g_assert_cmpint (decision->n_no_plan, ==, 1);
    g_assert_cmpuint (decision->dissent->len, ==, 1);
    dissent = g_ptr_array_index (decision->dissent, 0);
    g_assert_cmpstr (dissent->group, ==, "Police");
    g_assert_cmpstr (dissent->reason, ==, "Nothing criminal; support is enough");
    g_assert_cmpstr (dissent->representatives[0], ==, "Pat Police");

    g_assert_nonnull (quorum_conference_find_plan (c, dee));
    g_assert_false (quorum_conference_find_plan (c, dee)->from_split);
    g_assert_null (quorum_conference_find_referral (c, dee));

    g_assert_no_error (error);
    g_assert_cmpuint (audit->len, >=, 8);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_chair_decides_inquorate (void)
{
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = quorum_store_open (path, &error);
  static const char * const children[] = { "Eve Test", NULL };
  QuorumConferencePage *page;
  QuorumChildPanel *panel;
  QuorumWindow *window;
  GtkWindow *dialog;
  GtkWidget *entry;
  gint64 conf;
  gint64 eve;

  g_assert_no_error (error);
  window = ui_test_window_new (store, 1280, 800);
  page = quorum_window_get_conference_page (window);
  conf = ui_test_create_conference (window, children, "buckinghamshire", "UI-CHAIR-1");
  eve = ui_test_child_id (store, conf, 0);

  /* Only one agency besides children's social care: not quorate. */
  ui_test_add_attendee (window, "Sam Social", "Social Worker", "Children's Social Care", NULL, TRUE);
  ui_test_add_attendee (window, "Pat Police", "Constable", "Police", NULL, TRUE);
  record_failed_attempt (window, eve);

  quorum_vote_card_enter_reason (ui_test_card (window, eve, "Children's Social Care"), "Risk of emotional harm remains");
  quorum_vote_card_choose (ui_test_card (window, eve, "Children's Social Care"), QUORUM_VIEW_PLAN);
  quorum_vote_card_enter_reason (ui_test_card (window, eve, "Police"), "No incidents since the separation");
  quorum_vote_card_choose (ui_test_card (window, eve, "Police"), QUORUM_VIEW_NO_PLAN);
  ui_test_iterate (20);

  /* Under this policy the chair states the decision. Without a view it is asked for. */
  panel = quorum_conference_page_get_child_panel (page, eve);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "child.decide", NULL));
  ui_test_iterate (20);
  /* Said under the chair's rows, not in a toast over them (trial 6). */
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (ui_test_find_named (GTK_WIDGET (panel), "chair-error"))), "chair"));
  g_assert_true (gtk_widget_get_visible (ui_test_find_named (GTK_WIDGET (panel), "chair-error-row")));
  g_assert_null (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  /* DOMAIN, reaching a decision: with plan, the category of abuse. A plan with none chosen is
   * asked for its category; nothing is recorded (a new user's plan went in with none). */
  quorum_child_panel_set_chair_view (panel, QUORUM_VIEW_PLAN, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "child.decide", NULL));
  ui_test_iterate (20);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (ui_test_find_named (GTK_WIDGET (panel), "chair-error"))), "category"));
  g_assert_null (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  {
    g_autoptr(QuorumConference) c = ui_test_load (store, conf);

    g_assert_null (quorum_conference_find_decision (c, eve));
  }

  quorum_child_panel_set_chair_view (panel, QUORUM_VIEW_NO_PLAN, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "child.decide", NULL));
  ui_test_iterate (20);

  /* Inquorate: the reason to proceed is asked for, then the decision is taken. */
  dialog = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  entry = ui_test_find_named (GTK_WIDGET (dialog), "reason-entry");
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Health and school sent reports; the child cannot wait");
  ui_test_respond ("proceed");
  ui_test_iterate (50);
  g_free (ui_test_confirm_decision ());

  {
    g_autoptr(QuorumConference) c = ui_test_load (store, conf);
    QuorumDecision *decision = quorum_conference_find_decision (c, eve);
    QuorumDissent *dissent;

    g_assert_cmpstr (c->inquorate_reason, ==, "Health and school sent reports; the child cannot wait");
    g_assert_nonnull (decision);
    g_assert_cmpint (decision->basis, ==, QUORUM_BASIS_CHAIR);
    g_assert_cmpint (decision->outcome, ==, QUORUM_VIEW_NO_PLAN);
    g_assert_cmpuint (decision->dissent->len, ==, 1);
    dissent = g_ptr_array_index (decision->dissent, 0);
    g_assert_cmpstr (dissent->group, ==, "Children's Social Care");
    g_assert_cmpstr (dissent->reason, ==, "Risk of emotional harm remains");
    g_assert_null (quorum_conference_find_plan (c, eve));
    g_assert_null (quorum_conference_find_referral (c, eve));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/chair/majority", test_majority);
  g_test_add_func ("/ui/chair/chair-decides-inquorate", test_chair_decides_inquorate);

  return g_test_run ();
}
