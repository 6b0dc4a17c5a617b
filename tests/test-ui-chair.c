/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-chair.c: a majority decision under Bolton, and a chair's decision under
 * Buckinghamshire in an inquorate conference that proceeds with its reason recorded; the chair's
 * own reasons typed, kept as a draft and recorded with the decision. */

#include <string.h>

#include "test-ui-common.h"
#include "ui/quorum-draft.h"
#include "ui/quorum-text-field.h"

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
  quorum_text_field_type (QUORUM_TEXT_FIELD (ui_test_find_named (GTK_WIDGET (panel), "chair-reason-field")),
                          "Police saw no incident since the separation; a plan adds nothing");
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
    g_assert_cmpstr (decision->reason, ==, "Police saw no incident since the separation; a plan adds nothing");
    g_assert_cmpuint (decision->dissent->len, ==, 1);
    dissent = g_ptr_array_index (decision->dissent, 0);
    g_assert_cmpstr (dissent->group, ==, "Children's Social Care");
    g_assert_cmpstr (dissent->reason, ==, "Risk of emotional harm remains");
    g_assert_null (quorum_conference_find_plan (c, eve));
    g_assert_null (quorum_conference_find_referral (c, eve));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static QuorumChildPanel *
panel_of (QuorumWindow *window,
          gint64        child_id)
{
  return quorum_conference_page_get_child_panel (quorum_window_get_conference_page (window), child_id);
}

static GtkWidget *
chair_reason_view (QuorumWindow *window,
                   gint64        child_id)
{
  GtkWidget *field = ui_test_find_named (GTK_WIDGET (panel_of (window, child_id)), "chair-reason-field");

  g_assert_nonnull (field);
  return GTK_WIDGET (quorum_text_field_get_view (QUORUM_TEXT_FIELD (field)));
}

/* The chair's decision chosen as a person does: a click on Plan, then on Neglect. */
static void
click_chair_plan (QuorumWindow *window,
                  gint64        child_id)
{
  QuorumChildPanel *panel = panel_of (window, child_id);
  GtkWidget *plan = ui_test_template_child (panel, QUORUM_TYPE_CHILD_PANEL, "chair_plan_button");
  GtkWidget *neglect = ui_test_template_child (panel, QUORUM_TYPE_CHILD_PANEL, "chair_neglect");

  ui_test_scroll_into_view (plan);
  quorum_window_dismiss_toast (window);
  ui_test_iterate (300);
  ui_test_click (plan, -1, -1);
  ui_test_settle (100);
  ui_test_click (neglect, -1, -1);
  ui_test_settle (100);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (plan)));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (neglect)));
}

/* What the chair's decision form keeps as a draft in @field ("reason", "view"…), or NULL. */
static char *
decision_draft (QuorumStore *store,
                gint64       conf,
                gint64       child_id,
                const char  *field)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *scope = g_strdup_printf ("child:%" G_GINT64_FORMAT ":decision", child_id);
  char *text = quorum_store_get_draft (store, conf, scope, field, &error);

  g_assert_no_error (error);
  return text;
}

/* 002 §4.1 / DOMAIN "Reaching a decision" 5: the chair decides, and the record says why. On the
 * chair's row the reasons are required (Ctrl+D with none says so under the field, the focus in it,
 * nothing recorded); typed words are a draft that survives the window closed mid-sentence; Ctrl+D
 * pressed while typing shows the decision with every word typed; Ctrl+Enter in the field takes the
 * decision as the rest of the form's Ctrl+Enter records; the database holds the reasons and the
 * decided record shows them. Driven with xdotool, as a chair types. */
static void
test_chair_reasons_typed_kept_and_recorded (void)
{
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = quorum_store_open (path, &error);
  static const char * const children[] = { "Fay Test", NULL };
  QuorumAttemptSpec attempt = { .summary = "No agreement on the risk at night.", .agreed = QUORUM_VIEW_NONE };
  QuorumWindow *window;
  GtkWindow *dialog;
  GtkWidget *error_label;
  GtkWidget *shown;
  g_autofree char *draft = NULL;
  g_autofree char *preview = NULL;
  gint64 conf;
  gint64 fay;

  g_assert_no_error (error);
  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }
  window = ui_test_window_new (store, 1280, 900);
  conf = ui_test_create_conference (window, children, "buckinghamshire", "UI-CHAIR-2");
  fay = ui_test_child_id (store, conf, 0);
  ui_test_add_attendee (window, "Sam Social", "Social Worker", "Children's Social Care", NULL, TRUE);
  ui_test_add_attendee (window, "Pat Police", "Constable", "Police", NULL, TRUE);
  ui_test_add_attendee (window, "Hana Visitor", "Health Visitor", "NHS Trust", NULL, TRUE);

  /* The attempt and each group's view, as recorded elsewhere (tested there). */
  attempt.child_id = fay;
  g_assert_cmpint (quorum_store_add_attempt (store, conf, &attempt, &error), >, 0);
  {
    QuorumVoteSpec csc = { .child_id = fay, .group = "Children's Social Care", .view = QUORUM_VIEW_PLAN,
                           .categories = QUORUM_CATEGORY_NEGLECT, .reason = "Left alone at night." };
    QuorumVoteSpec police = { .child_id = fay, .group = "Police", .view = QUORUM_VIEW_NO_PLAN,
                              .reason = "No offences disclosed." };
    QuorumVoteSpec nhs = { .child_id = fay, .group = "NHS Trust", .view = QUORUM_VIEW_NO_PLAN,
                           .reason = "Health needs are met." };

    g_assert_cmpint (quorum_store_record_vote (store, conf, &csc, &error), >, 0);
    g_assert_cmpint (quorum_store_record_vote (store, conf, &police, &error), >, 0);
    g_assert_cmpint (quorum_store_record_vote (store, conf, &nhs, &error), >, 0);
    g_assert_no_error (error);
  }
  quorum_conference_page_reload (quorum_window_get_conference_page (window));
  ui_test_iterate (300);

  /* The chair's row has the field for the reasons, under the chair's decision. */
  click_chair_plan (window, fay);
  ui_test_screenshot (GTK_WIDGET (window), "chair-reasons-field");

  /* Ctrl+D with no reasons: said under the field, the focus in it, no confirmation, nothing recorded. */
  ui_test_key ("ctrl+d");
  ui_test_settle (300);
  error_label = ui_test_find_named (GTK_WIDGET (panel_of (window, fay)), "chair-reason-error");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_null (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_true (gtk_widget_has_focus (chair_reason_view (window, fay)));
  {
    g_autoptr(QuorumConference) c = ui_test_load (store, conf);
    g_assert_null (quorum_conference_find_decision (c, fay));
  }
  ui_test_screenshot (GTK_WIDGET (window), "chair-reasons-required");

  /* Typed where the focus was put: the message goes, the words are a draft as they are typed. */
  ui_test_type ("Neglect at night is unresolved");
  ui_test_iterate (QUORUM_DRAFT_DELAY_MS + 300);
  g_assert_false (gtk_widget_get_visible (error_label));
  draft = decision_draft (store, conf, fay, "reason");
  g_assert_cmpstr (draft, ==, "Neglect at night is unresolved");
  g_clear_pointer (&draft, g_free);

  /* Ctrl+D while still typing: the confirmation shows the reasons with every word typed. Escape
   * goes back, recording nothing. */
  ui_test_type ("; two agencies");
  ui_test_key ("ctrl+d");
  ui_test_settle (400);
  dialog = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  preview = g_strdup (gtk_label_get_label (GTK_LABEL (ui_test_find_named (GTK_WIDGET (dialog), "decision-preview"))));
  g_assert_nonnull (strstr (preview, "The chair’s reasons: “Neglect at night is unresolved; two agencies”"));
  ui_test_screenshot (GTK_WIDGET (dialog), "chair-reasons-confirm");
  ui_test_respond ("cancel");
  {
    g_autoptr(QuorumConference) c = ui_test_load (store, conf);
    g_assert_null (quorum_conference_find_decision (c, fay));
  }

  /* The window closed mid-sentence, and opened again: the words come back, marked a draft. */
  ui_test_click (chair_reason_view (window, fay), -1, -1);
  ui_test_key ("ctrl+End");
  ui_test_type (" disagree but ");
  /* The keys handled first, as a hand's close comes after them. */
  ui_test_settle (300);
  gtk_window_close (GTK_WINDOW (window));
  ui_test_iterate (300);
  draft = decision_draft (store, conf, fay, "reason");
  g_assert_true (g_str_has_prefix (draft, "Neglect at night is unresolved; two agencies disagree but"));
  g_clear_pointer (&draft, g_free);
  window = ui_test_window_new (store, 1280, 900);
  g_assert_true (quorum_window_open_conference (window, conf, fay));
  ui_test_iterate (400);
  {
    GtkWidget *field = ui_test_find_named (GTK_WIDGET (panel_of (window, fay)), "chair-reason-field");
    g_autofree char *text = quorum_text_field_get_text (QUORUM_TEXT_FIELD (field));

    g_assert_true (g_str_has_prefix (text, "Neglect at night is unresolved; two agencies disagree but"));
    g_assert_true (ui_test_marker_shown (ui_test_find_named (GTK_WIDGET (panel_of (window, fay)),
                                                              "chair-reason-draft-label")));
  }

  /* The chair goes on where they left off (Plan and Neglect given back with the words:
   * /ui/chair/chair-choice-kept-as-draft); Ctrl+Enter in the field takes the decision; Enter
   * records what is shown. */
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (ui_test_template_child (panel_of (window, fay), QUORUM_TYPE_CHILD_PANEL,
                                                                                          "chair_plan_button"))));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (ui_test_template_child (panel_of (window, fay), QUORUM_TYPE_CHILD_PANEL,
                                                                                        "chair_neglect"))));
  ui_test_scroll_into_view (chair_reason_view (window, fay));
  ui_test_click (chair_reason_view (window, fay), -1, -1);
  ui_test_key ("ctrl+End");
  ui_test_type ("only a plan lets the agencies see it is resolved.");
  ui_test_key ("ctrl+Return");
  ui_test_settle (400);
  g_assert_nonnull (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  preview = (g_free (preview), ui_test_confirm_decision ());
  g_assert_nonnull (strstr (preview, "two agencies disagree but only a plan"));
  ui_test_iterate (300);

  {
    g_autoptr(QuorumConference) c = ui_test_load (store, conf);
    QuorumDecision *decision = quorum_conference_find_decision (c, fay);

    g_assert_nonnull (decision);
    g_assert_cmpint (decision->basis, ==, QUORUM_BASIS_CHAIR);
    g_assert_cmpint (decision->outcome, ==, QUORUM_VIEW_PLAN);
    g_assert_cmpstr (decision->reason, ==,
                     "Neglect at night is unresolved; two agencies disagree but only a plan lets the agencies see it is resolved.");
  }
  /* No longer a draft: the record has the words. */
  draft = decision_draft (store, conf, fay, "reason");
  g_assert_null (draft);

  /* The decided record says them. */
  shown = ui_test_find_named (GTK_WIDGET (panel_of (window, fay)), "chair-reason-label");
  g_assert_true (gtk_widget_get_visible (shown));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (shown)), ==,
                   "The chair’s reasons: “Neglect at night is unresolved; two agencies disagree but only a plan "
                   "lets the agencies see it is resolved.”");
  ui_test_scroll_into_view (shown);
  ui_test_iterate (200);
  ui_test_screenshot (GTK_WIDGET (window), "chair-reasons-decided");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Trial 6: the chair's Plan / No plan (and the categories ticked) were not kept with the
 * reasons: the window closed mid-entry gave back the reasons and lost the choice. Chosen by
 * clicks, the window closed, opened again: the choice is back as it was left, with the
 * categories and the reasons, marked a draft; changed to No plan and closed again, No plan
 * comes back; Ctrl+D then records No plan, and the draft is gone. */
static void
test_chair_choice_kept_as_draft (void)
{
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = quorum_store_open (path, &error);
  static const char * const children[] = { "Fay Test", NULL };
  QuorumAttemptSpec attempt = { .summary = "No agreement on the risk at night.", .agreed = QUORUM_VIEW_NONE };
  QuorumWindow *window;
  QuorumChildPanel *panel;
  g_autofree char *draft = NULL;
  g_autofree char *preview = NULL;
  gint64 conf;
  gint64 fay;

  g_assert_no_error (error);
  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }
  /* The chair's name known, so that Ctrl+D goes straight to the confirmation. */
  quorum_store_set_signer (store, "Jo Chair");
  window = ui_test_window_new (store, 1280, 900);
  conf = ui_test_create_conference (window, children, "buckinghamshire", "UI-CHAIR-3");
  fay = ui_test_child_id (store, conf, 0);
  ui_test_add_attendee (window, "Sam Social", "Social Worker", "Children's Social Care", NULL, TRUE);
  ui_test_add_attendee (window, "Pat Police", "Constable", "Police", NULL, TRUE);
  ui_test_add_attendee (window, "Hana Visitor", "Health Visitor", "NHS Trust", NULL, TRUE);
  attempt.child_id = fay;
  g_assert_cmpint (quorum_store_add_attempt (store, conf, &attempt, &error), >, 0);
  {
    QuorumVoteSpec csc = { .child_id = fay, .group = "Children's Social Care", .view = QUORUM_VIEW_PLAN,
                           .categories = QUORUM_CATEGORY_NEGLECT, .reason = "Left alone at night." };
    QuorumVoteSpec police = { .child_id = fay, .group = "Police", .view = QUORUM_VIEW_NO_PLAN,
                              .reason = "No offences disclosed." };

    g_assert_cmpint (quorum_store_record_vote (store, conf, &csc, &error), >, 0);
    QuorumVoteSpec nhs = { .child_id = fay, .group = "NHS Trust", .view = QUORUM_VIEW_NO_PLAN,
                           .reason = "Health needs are met." };

    g_assert_cmpint (quorum_store_record_vote (store, conf, &police, &error), >, 0);
    g_assert_cmpint (quorum_store_record_vote (store, conf, &nhs, &error), >, 0);
    g_assert_no_error (error);
  }
  quorum_conference_page_reload (quorum_window_get_conference_page (window));
  ui_test_iterate (300);

  /* Plan, Neglect (click_chair_plan), Physical too, and the reasons begun. */
  click_chair_plan (window, fay);
  panel = panel_of (window, fay);
  ui_test_click (ui_test_template_child (panel, QUORUM_TYPE_CHILD_PANEL, "chair_physical"), -1, -1);
  ui_test_scroll_into_view (chair_reason_view (window, fay));
  ui_test_click (chair_reason_view (window, fay), -1, -1);
  ui_test_type ("Neglect at night is unresolved");
  ui_test_iterate (QUORUM_DRAFT_DELAY_MS + 300);
  draft = decision_draft (store, conf, fay, "view");
  g_assert_cmpstr (draft, ==, "plan");
  g_clear_pointer (&draft, g_free);
  draft = decision_draft (store, conf, fay, "categories");
  g_assert_cmpstr (draft, ==, "neglect,physical");
  g_clear_pointer (&draft, g_free);

  /* Closed mid-entry, opened again: the form as it was left. */
  gtk_window_close (GTK_WINDOW (window));
  ui_test_iterate (300);
  window = ui_test_window_new (store, 1280, 900);
  g_assert_true (quorum_window_open_conference (window, conf, fay));
  ui_test_iterate (400);
  panel = panel_of (window, fay);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (ui_test_template_child (panel, QUORUM_TYPE_CHILD_PANEL, "chair_plan_button"))));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (ui_test_template_child (panel, QUORUM_TYPE_CHILD_PANEL, "chair_no_plan_button"))));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (ui_test_template_child (panel, QUORUM_TYPE_CHILD_PANEL, "chair_neglect"))));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (ui_test_template_child (panel, QUORUM_TYPE_CHILD_PANEL, "chair_physical"))));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (ui_test_template_child (panel, QUORUM_TYPE_CHILD_PANEL, "chair_emotional"))));
  g_assert_true (gtk_widget_get_sensitive (ui_test_find_named (GTK_WIDGET (panel), "chair-categories-row")));
  {
    GtkWidget *field = ui_test_find_named (GTK_WIDGET (panel), "chair-reason-field");
    g_autofree char *text = quorum_text_field_get_text (QUORUM_TEXT_FIELD (field));

    g_assert_cmpstr (text, ==, "Neglect at night is unresolved");
  }
  g_assert_true (ui_test_marker_shown (ui_test_find_named (GTK_WIDGET (panel), "chair-reason-draft-label")));
  ui_test_scroll_into_view (ui_test_template_child (panel, QUORUM_TYPE_CHILD_PANEL, "chair_plan_button"));
  ui_test_iterate (200);
  ui_test_screenshot (GTK_WIDGET (window), "chair-choice-given-back");

  /* The chair changes her mind: No plan, kept as it is clicked; closed and opened again. */
  quorum_window_dismiss_toast (window);
  ui_test_click (ui_test_template_child (panel, QUORUM_TYPE_CHILD_PANEL, "chair_no_plan_button"), -1, -1);
  ui_test_iterate (QUORUM_DRAFT_DELAY_MS + 300);
  draft = decision_draft (store, conf, fay, "view");
  g_assert_cmpstr (draft, ==, "no-plan");
  g_clear_pointer (&draft, g_free);
  gtk_window_close (GTK_WINDOW (window));
  ui_test_iterate (300);
  window = ui_test_window_new (store, 1280, 900);
  g_assert_true (quorum_window_open_conference (window, conf, fay));
  ui_test_iterate (400);
  panel = panel_of (window, fay);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (ui_test_template_child (panel, QUORUM_TYPE_CHILD_PANEL, "chair_no_plan_button"))));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (ui_test_template_child (panel, QUORUM_TYPE_CHILD_PANEL, "chair_plan_button"))));

  /* Recorded as given back: No plan, with the reasons; the draft goes. */
  ui_test_scroll_into_view (chair_reason_view (window, fay));
  ui_test_click (chair_reason_view (window, fay), -1, -1);
  ui_test_key ("ctrl+End");
  ui_test_type (" but a plan would add nothing.");
  ui_test_key ("ctrl+Return");
  ui_test_settle (400);
  {
    GtkWindow *asked = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

    g_assert_nonnull (asked);
    g_test_message ("asked: %s / %s", adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (asked)),
                    adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (asked)));
    ui_test_screenshot (GTK_WIDGET (asked), "chair-choice-confirm");
  }
  preview = ui_test_confirm_decision ();
  ui_test_iterate (300);
  {
    g_autoptr(QuorumConference) c = ui_test_load (store, conf);
    QuorumDecision *decision = quorum_conference_find_decision (c, fay);

    g_assert_nonnull (decision);
    g_assert_cmpint (decision->basis, ==, QUORUM_BASIS_CHAIR);
    g_assert_cmpint (decision->outcome, ==, QUORUM_VIEW_NO_PLAN);
    g_assert_cmpstr (decision->reason, ==, "Neglect at night is unresolved but a plan would add nothing.");
  }
  draft = decision_draft (store, conf, fay, "view");
  g_assert_null (draft);
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (50);
}

/* Trial 7: the chair clicked Plan (and Neglect) and typed no reasons, yet "Draft · not yet
 * recorded" stood beside the empty reasons. Each marker says what is kept beside it: the
 * choice's own, under Plan / No plan, for the choice and the categories; the reasons' only once
 * words are typed. Both keep their room unseen (opacity 0), so nothing moves as they come. */
static void
test_chair_choice_marked_on_its_row (void)
{
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = quorum_store_open (path, &error);
  static const char * const children[] = { "Fay Test", NULL };
  QuorumAttemptSpec attempt = { .summary = "No agreement on the risk at night.", .agreed = QUORUM_VIEW_NONE };
  QuorumWindow *window;
  QuorumChildPanel *panel;
  GtkWidget *choice_marker;
  GtkWidget *reason_marker;
  GtkWidget *plan;
  g_autofree char *draft = NULL;
  graphene_rect_t reason_before;
  graphene_rect_t reason_after;
  gint64 conf;
  gint64 fay;

  g_assert_no_error (error);
  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }
  quorum_store_set_signer (store, "Jo Chair");
  window = ui_test_window_new (store, 1280, 900);
  conf = ui_test_create_conference (window, children, "buckinghamshire", "UI-CHAIR-4");
  fay = ui_test_child_id (store, conf, 0);
  ui_test_add_attendee (window, "Sam Social", "Social Worker", "Children's Social Care", NULL, TRUE);
  ui_test_add_attendee (window, "Pat Police", "Constable", "Police", NULL, TRUE);
  ui_test_add_attendee (window, "Hana Visitor", "Health Visitor", "NHS Trust", NULL, TRUE);
  attempt.child_id = fay;
  g_assert_cmpint (quorum_store_add_attempt (store, conf, &attempt, &error), >, 0);
  {
    QuorumVoteSpec csc = { .child_id = fay, .group = "Children's Social Care", .view = QUORUM_VIEW_PLAN,
                           .categories = QUORUM_CATEGORY_NEGLECT, .reason = "Left alone at night." };
    QuorumVoteSpec police = { .child_id = fay, .group = "Police", .view = QUORUM_VIEW_NO_PLAN,
                              .reason = "No offences disclosed." };
    QuorumVoteSpec nhs = { .child_id = fay, .group = "NHS Trust", .view = QUORUM_VIEW_NO_PLAN,
                           .reason = "Health needs are met." };

    g_assert_cmpint (quorum_store_record_vote (store, conf, &csc, &error), >, 0);
    g_assert_cmpint (quorum_store_record_vote (store, conf, &police, &error), >, 0);
    g_assert_cmpint (quorum_store_record_vote (store, conf, &nhs, &error), >, 0);
    g_assert_no_error (error);
  }
  quorum_conference_page_reload (quorum_window_get_conference_page (window));
  ui_test_iterate (300);

  panel = panel_of (window, fay);
  choice_marker = ui_test_find_named (GTK_WIDGET (panel), "chair-choice-draft-label");
  reason_marker = ui_test_find_named (GTK_WIDGET (panel), "chair-reason-draft-label");
  plan = ui_test_template_child (panel, QUORUM_TYPE_CHILD_PANEL, "chair_plan_button");
  g_assert_nonnull (choice_marker);
  g_assert_false (ui_test_marker_shown (choice_marker));
  g_assert_false (ui_test_marker_shown (reason_marker));
  ui_test_scroll_into_view (plan);
  ui_test_iterate (200);
  g_assert_true (gtk_widget_compute_bounds (reason_marker, GTK_WIDGET (window), &reason_before));

  /* Plan and Neglect clicked, no reasons typed: the choice is kept, and said so on its own row. */
  click_chair_plan (window, fay);
  ui_test_iterate (QUORUM_DRAFT_DELAY_MS + 300);
  draft = decision_draft (store, conf, fay, "view");
  g_assert_cmpstr (draft, ==, "plan");
  g_clear_pointer (&draft, g_free);
  draft = decision_draft (store, conf, fay, "reason");
  g_assert_null (draft);
  g_assert_true (ui_test_marker_shown (choice_marker));
  g_assert_false (ui_test_marker_shown (reason_marker));
  /* The choice's marker is on the choice's row: under the buttons it speaks for. */
  g_assert_true (gtk_widget_is_ancestor (choice_marker, gtk_widget_get_ancestor (plan, ADW_TYPE_ACTION_ROW)));
  {
    graphene_rect_t button;
    graphene_rect_t marker;

    g_assert_true (gtk_widget_compute_bounds (plan, GTK_WIDGET (window), &button));
    g_assert_true (gtk_widget_compute_bounds (choice_marker, GTK_WIDGET (window), &marker));
    g_assert_cmpfloat (marker.origin.y, >=, button.origin.y + button.size.height);
  }
  /* Nothing moved as the marker came: it kept its room. */
  g_assert_true (gtk_widget_compute_bounds (reason_marker, GTK_WIDGET (window), &reason_after));
  g_assert_cmpfloat (reason_after.origin.y, ==, reason_before.origin.y);
  ui_test_screenshot (GTK_WIDGET (window), "chair-choice-marker-alone");

  /* Closed and opened again: the choice given back, still marked on its row alone. */
  gtk_window_close (GTK_WINDOW (window));
  ui_test_iterate (300);
  window = ui_test_window_new (store, 1280, 900);
  g_assert_true (quorum_window_open_conference (window, conf, fay));
  ui_test_iterate (400);
  panel = panel_of (window, fay);
  choice_marker = ui_test_find_named (GTK_WIDGET (panel), "chair-choice-draft-label");
  reason_marker = ui_test_find_named (GTK_WIDGET (panel), "chair-reason-draft-label");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (ui_test_template_child (panel, QUORUM_TYPE_CHILD_PANEL, "chair_plan_button"))));
  g_assert_true (ui_test_marker_shown (choice_marker));
  g_assert_false (ui_test_marker_shown (reason_marker));

  /* Reasons typed: now the reasons' marker too. */
  ui_test_scroll_into_view (chair_reason_view (window, fay));
  ui_test_click (chair_reason_view (window, fay), -1, -1);
  ui_test_type ("Neglect at night");
  ui_test_iterate (QUORUM_DRAFT_DELAY_MS + 300);
  draft = decision_draft (store, conf, fay, "reason");
  g_assert_cmpstr (draft, ==, "Neglect at night");
  g_clear_pointer (&draft, g_free);
  g_assert_true (ui_test_marker_shown (reason_marker));
  g_assert_true (ui_test_marker_shown (choice_marker));
  ui_test_screenshot (GTK_WIDGET (window), "chair-choice-and-reasons-marked");

  /* The reasons deleted again: only the choice is kept, and only its marker says so. */
  ui_test_key ("ctrl+a");
  ui_test_key ("BackSpace");
  ui_test_iterate (QUORUM_DRAFT_DELAY_MS + 300);
  g_assert_false (ui_test_marker_shown (reason_marker));
  g_assert_true (ui_test_marker_shown (choice_marker));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/chair/majority", test_majority);
  g_test_add_func ("/ui/chair/chair-decides-inquorate", test_chair_decides_inquorate);
  g_test_add_func ("/ui/chair/chair-reasons-typed-kept-and-recorded", test_chair_reasons_typed_kept_and_recorded);
  g_test_add_func ("/ui/chair/chair-choice-kept-as-draft", test_chair_choice_kept_as_draft);
  g_test_add_func ("/ui/chair/chair-choice-marked-on-its-row", test_chair_choice_marked_on_its_row);

  return g_test_run ();
}
