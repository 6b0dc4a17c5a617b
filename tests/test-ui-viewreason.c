/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-viewreason.c: trial 7 D1, a changed view keeps none of the old view's reason
 * (DOMAIN "Reaching a decision" 3: every dissent is recorded with its reasons, the group's
 * reasons for the view it holds; docs/notes/viewreason.md).
 *
 * The trial's steps, by xdotool: Police card, Space (Plan), Tab, Space (Neglect), Tab (Tab x4
 * in the trial, when each category was a stop; keyrhythm), the reason typed, Ctrl+Enter; then No plan clicked, Ctrl+D. Before the fix the card showed No plan
 * with the plan's reason, unmarked, and the decision minuted the dissent with it. Now No plan is
 * recorded without it (the words stay in the field, marked as given for Plan), Ctrl+D refuses
 * the dissent without its own reason, naming Police, the focus in Police's reason; new words
 * typed and Ctrl+Enter, the dissent is minuted with them. */

#include "test-ui-common.h"
#include "ui/quorum-text-field.h"

#define POLICE      "Police"
#define PLAN_REASON "Ruby disclosed to her nursery worker that daddy shouts at mummy."
#define NEW_REASON  "DC Lowe says the family now accepts support"

static char *db_path;
static gint64 conf_id;
static gint64 child_id;

static void
prepare_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = quorum_store_open (db_path, &error);
  static const char * const groups[] = { "Children's Social Care", POLICE, "Health", "Education", NULL };
  static const char * const plans[] = { "Children's Social Care", "Health", "Education", NULL };

  g_assert_no_error (error);
  conf_id = ui_test_make_vote_open (store, "Ruby Carter", groups, FALSE, &child_id);
  for (guint i = 0; plans[i] != NULL; i++)
    {
      QuorumVoteSpec spec = { .child_id = child_id, .group = plans[i], .view = QUORUM_VIEW_PLAN,
                              .categories = QUORUM_CATEGORY_NEGLECT, .reason = "Long-standing neglect" };

      g_assert_cmpint (quorum_store_record_vote (store, conf_id, &spec, &error), >, 0);
      g_assert_no_error (error);
    }
}

static QuorumVote *
police_vote (QuorumConference *conference)
{
  return quorum_conference_find_vote (conference, child_id, POLICE);
}

static char *
typed (QuorumWindow *window)
{
  return quorum_text_field_get_text (quorum_vote_card_get_reason_field (ui_test_card (window, child_id, POLICE)));
}

static GtkWidget *
reason_view (QuorumWindow *window)
{
  return GTK_WIDGET (quorum_text_field_get_view (quorum_vote_card_get_reason_field (ui_test_card (window, child_id, POLICE))));
}

static gboolean
police_recorded_plan (gpointer data)
{
  g_autoptr(QuorumConference) c = ui_test_load (data, conf_id);

  return police_vote (c) != NULL && police_vote (c)->view == QUORUM_VIEW_PLAN &&
         g_strcmp0 (police_vote (c)->reason, PLAN_REASON) == 0;
}

static gboolean
police_recorded_no_plan (gpointer data)
{
  g_autoptr(QuorumConference) c = ui_test_load (data, conf_id);

  return police_vote (c) != NULL && police_vote (c)->view == QUORUM_VIEW_NO_PLAN;
}

static gboolean
police_has_new_reason (gpointer data)
{
  g_autoptr(QuorumConference) c = ui_test_load (data, conf_id);

  return police_vote (c) != NULL && g_strcmp0 (police_vote (c)->reason, NEW_REASON) == 0;
}

static gboolean
dialog_open (gpointer data)
{
  return ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
decided (gpointer data)
{
  g_autoptr(QuorumConference) c = ui_test_load (data, conf_id);

  return quorum_conference_find_decision (c, child_id) != NULL;
}

static void
test_changed_view_keeps_no_old_reason (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(QuorumConference) c = NULL;
  g_autofree char *preview = NULL;
  QuorumWindow *window;
  QuorumVoteCard *card;
  GtkWidget *plan;
  GtkWidget *no_plan;
  GtkWidget *mark;
  GtkWidget *focus;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  store = quorum_store_open (db_path, &error);
  g_assert_no_error (error);
  window = ui_test_window_new (store, 1200, 900);
  g_assert_true (quorum_window_open_conference (window, conf_id, child_id));
  ui_test_iterate (300);
  ui_test_raise_window (window);

  /* 1. The trial's keys on the Police card: Plan, Neglect, the reason, Ctrl+Enter. */
  card = ui_test_card (window, child_id, POLICE);
  plan = ui_test_find_button (GTK_WIDGET (card), GTK_TYPE_TOGGLE_BUTTON, "Plan");
  g_assert_nonnull (plan);
  ui_test_scroll_into_view (plan);
  gtk_widget_grab_focus (plan);
  ui_test_iterate (100);
  ui_test_key ("space");
  ui_test_key ("Tab");
  ui_test_key ("space");
  ui_test_key ("Tab");
  ui_test_type (PLAN_REASON);
  ui_test_key ("ctrl+Return");
  ui_test_wait_until (police_recorded_plan, store, 10000, "Police's plan and its reason to be recorded");

  /* 2. DC Lowe changes her mind: No plan clicked. */
  card = ui_test_card (window, child_id, POLICE);
  no_plan = ui_test_find_button (GTK_WIDGET (card), GTK_TYPE_TOGGLE_BUTTON, "No plan");
  ui_test_scroll_into_view (no_plan);
  ui_test_click (no_plan, -1, -1);
  ui_test_wait_until (police_recorded_no_plan, store, 10000, "Police's no plan to be recorded");
  ui_test_iterate (200);

  /* Recorded without the plan's reason; the audit keeps it with the plan. */
  c = ui_test_load (store, conf_id);
  g_assert_null (police_vote (c)->reason);
  g_clear_pointer (&c, quorum_conference_free);
  {
    g_autofree char *kept = ui_test_db_sqlf (db_path, "SELECT count(*) FROM audit WHERE entity = 'vote' AND data LIKE '%%%s%%'",
                                             "daddy shouts at mummy");
    g_assert_cmpstr (kept, ==, "1");
  }
  /* The words stay in the field, plainly marked as the plan's. */
  {
    g_autofree char *words = typed (window);

    g_assert_cmpstr (words, ==, PLAN_REASON);
  }
  card = ui_test_card (window, child_id, POLICE);
  mark = ui_test_find_shown_label_holding (GTK_WIDGET (card), "Reason given for Plan · not yet recorded for No plan");
  g_assert_nonnull (mark);
  ui_test_screenshot (GTK_WIDGET (card), "viewreason-changed");

  /* Leaving the field does not record them for No plan. */
  ui_test_key ("Tab");
  ui_test_settle (300);
  c = ui_test_load (store, conf_id);
  g_assert_null (police_vote (c)->reason);
  g_clear_pointer (&c, quorum_conference_free);

  /* 3. Ctrl+D: refused, naming Police; nothing decided; the focus in Police's reason. */
  ui_test_key ("ctrl+d");
  ui_test_settle (800);
  g_assert_false (dialog_open (NULL));
  g_assert_false (decided (store));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus == reason_view (window) || (focus != NULL && gtk_widget_is_ancestor (focus, reason_view (window))));
  ui_test_screenshot (GTK_WIDGET (window), "viewreason-refused");

  /* 4. New words for No plan, Ctrl+Enter; then the decision, with them. */
  ui_test_key ("ctrl+a");
  ui_test_type (NEW_REASON);
  ui_test_key ("ctrl+Return");
  ui_test_wait_until (police_has_new_reason, store, 10000, "Police's own reason for no plan to be recorded");
  ui_test_key ("ctrl+d");
  ui_test_wait_until (dialog_open, NULL, 10000, "the decision's confirmation");
  preview = ui_test_confirm_decision ();
  g_test_message ("%s", preview);
  g_assert_null (strstr (preview, "daddy shouts"));
  g_assert_nonnull (strstr (preview, NEW_REASON));
  ui_test_wait_until (decided, store, 10000, "the decision to be recorded");
  {
    g_autofree char *old = ui_test_db_sqlf (db_path, "SELECT count(*) FROM dissent WHERE reason LIKE '%%%s%%'",
                                            "daddy shouts");
    g_autofree char *mine = ui_test_db_sqlf (db_path, "SELECT grp || '|' || view || '|' || reason FROM dissent");

    g_assert_cmpstr (old, ==, "0");
    g_assert_cmpstr (mine, ==, "Police|no-plan|" NEW_REASON);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  db_path = ui_test_db_path ();
  prepare_database ();
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/vote/changed-view-keeps-no-old-reason", test_changed_view_keeps_no_old_reason);
  return g_test_run ();
}
