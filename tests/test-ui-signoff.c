/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-signoff.c: after sign-off (confirmed in a dialog) the conference screen is read-only:
 * every entry widget is insensitive, and the list of every window on the record marks it
 * signed off; "Amend…" records an amendment beside the original. */

#include <string.h>

#include "test-ui-common.h"
#include "export/quorum-export.h"
#include "ui/quorum-conference-item.h"
#include "ui/quorum-draft.h"
#include "ui/quorum-text-row.h"
#include "ui/quorum-wrap-label.h"

/* Entry widgets: what records something. Navigation (the child switcher, the attendees
 * toggle, menus) stays usable. */
static gboolean
is_entry_widget (GtkWidget *widget)
{
  if (GTK_IS_EDITABLE (widget) && !GTK_IS_TEXT (widget))
    return TRUE;
  if (GTK_IS_TEXT_VIEW (widget))
    return TRUE;
  if (GTK_IS_CHECK_BUTTON (widget) || GTK_IS_DROP_DOWN (widget) || ADW_IS_COMBO_ROW (widget))
    return TRUE;
  if (GTK_IS_TOGGLE_BUTTON (widget) &&
      (gtk_widget_get_ancestor (widget, QUORUM_TYPE_VOTE_CARD) != NULL ||
       gtk_widget_get_ancestor (widget, QUORUM_TYPE_CHILD_PANEL) != NULL))
    return TRUE;
  if (GTK_IS_BUTTON (widget))
    {
      const char *action = gtk_actionable_get_action_name (GTK_ACTIONABLE (widget));

      return action != NULL &&
             (g_str_equal (action, "conference.add-attendee") ||
              g_str_equal (action, "child.record-attempt") ||
              g_str_equal (action, "child.decide") ||
              g_str_equal (action, "conference.proceed-inquorate"));
    }

  return FALSE;
}

static void
count_entry_widgets (GtkWidget *widget,
                     guint     *n_sensitive,
                     guint     *n_total)
{
  if (is_entry_widget (widget))
    {
      (*n_total)++;
      if (gtk_widget_is_sensitive (widget) && gtk_widget_is_drawable (widget))
        {
          (*n_sensitive)++;
          g_test_message ("still editable: %s %s", G_OBJECT_TYPE_NAME (widget),
                          GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget))
                            ? gtk_button_get_label (GTK_BUTTON (widget)) : "");
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    count_entry_widgets (child, n_sensitive, n_total);
}

/* Every child panel, shown in turn, and the attendees pane, revealed. */
static void
count_all (QuorumConferencePage *page,
           guint                *n_sensitive,
           guint                *n_total)
{
  const QuorumConference *conference = quorum_conference_page_get_conference (page);

  *n_sensitive = 0;
  *n_total = 0;

  for (guint i = 0; i < conference->children->len; i++)
    {
      QuorumChild *child = g_ptr_array_index (conference->children, i);

      quorum_conference_page_show_child (page, child->id);
      ui_test_iterate (50);
      count_entry_widgets (GTK_WIDGET (page), n_sensitive, n_total);
    }
}

typedef struct
{
  QuorumWindow *window;
  gint64        id;
} RowWaits;

/* Whether @window's list, as its view shows it, marks conference @id signed off. */
static gboolean
row_signed_off (gpointer data)
{
  RowWaits *waits = data;
  GtkListView *view = GTK_LIST_VIEW (ui_test_template_child (waits->window, QUORUM_TYPE_WINDOW, "conference_list"));
  GListModel *shown = G_LIST_MODEL (gtk_list_view_get_model (view));

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(QuorumConferenceItem) item = g_list_model_get_item (shown, i);

      if (item != NULL && quorum_conference_item_get_id (item) == waits->id)
        return quorum_conference_item_get_finalised (item);
    }
  return FALSE;
}

static gboolean
amend_dialog_drawn (gpointer data)
{
  GtkWindow *dialog = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  return dialog != NULL && ui_test_is_drawn (dialog);
}

static gboolean
amend_dialog_gone (gpointer data)
{
  return ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL;
}

static gboolean
has_no_popover (gpointer data)
{
  return ui_test_shown_popover (GTK_WIDGET (data)) == NULL;
}

/* Whether the Amend dialog's "Draft · not yet recorded" is there to read: it keeps its place,
 * unseen, while the form holds no words typed. */
static gboolean
draft_marker_shown (GtkWidget *marker)
{
  return marker != NULL && gtk_widget_is_drawable (marker) && gtk_widget_get_opacity (marker) > 0.0;
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} LabelWaits;

static gboolean
label_on_show (gpointer data)
{
  LabelWaits *waits = data;

  return ui_test_find_shown_label (waits->root, waits->text) != NULL;
}

static gboolean
label_gone (gpointer data)
{
  return !label_on_show (data);
}

/* @group's dissent from the first decision of @conference that has one, or NULL. */
static const QuorumDissent *
find_group_dissent (const QuorumConference *conference,
                    const char             *group)
{
  for (guint i = 0; i < conference->decisions->len; i++)
    {
      const QuorumDecision *decision = g_ptr_array_index (conference->decisions, i);

      for (guint j = 0; decision->dissent != NULL && j < decision->dissent->len; j++)
        {
          const QuorumDissent *dissent = g_ptr_array_index (decision->dissent, j);

          if (g_strcmp0 (dissent->group, group) == 0)
            return dissent;
        }
    }
  return NULL;
}

/* Little Acorns Nursery's dissent from the decision for the demo's Mia. */
static const QuorumDissent *
find_nursery_dissent (const QuorumConference *conference)
{
  return find_group_dissent (conference, "Little Acorns Nursery");
}

/* Where @button is in its window, top edge. */
static float
button_y (GtkWidget *button)
{
  graphene_point_t in = GRAPHENE_POINT_INIT (0, 0);
  graphene_point_t out;

  g_assert_true (gtk_widget_compute_point (button, GTK_WIDGET (gtk_widget_get_root (button)), &in, &out));
  return out.y;
}

/* Picks the value @label in the Amend dialog's list, as the code behind a click does. */
static void
choose_value (GtkWindow  *dialog,
              const char *label)
{
  GtkWidget *dropdown = ui_test_find_named (GTK_WIDGET (dialog), "target-dropdown");
  GListModel *labels = gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown));
  guint found = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (labels), i), label) == 0)
      found = i;
  g_assert_cmpuint (found, !=, GTK_INVALID_LIST_POSITION);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), found);
  ui_test_iterate (20);
}

/* Clears the search entry the focus is in and types @text in it; waits for @shown in @popover. */
static void
search_values (GtkWidget  *popover,
               const char *text,
               const char *shown)
{
  LabelWaits waits = { popover, shown };

  ui_test_key ("ctrl+a");
  ui_test_key ("BackSpace");
  ui_test_type (text);
  ui_test_wait_until (label_on_show, &waits, 5000, shown);
  ui_test_iterate (300);
}

/* A minute-taker finds a mistyped dissent reason in the signed-off record and corrects it in the
 * app, by hand: Amend… clicked, the dissent's reason found by its words in the list of values,
 * the reason it starts from emptied (refused: nothing written), the corrected words typed,
 * Record Amendment clicked. The nursery's dissent took its view's reason, word for word: one
 * spoken reason, offered once as "Reason of the dissenting view of …" (fidel5; it was offered
 * twice, a correction of one leaving the other), starting from the view's correction made
 * before. The amendment holds the old and the new reason; the view and the dissent are as they
 * were signed off. */
static void
amend_dissent_by_hand (QuorumStore          *store,
                       QuorumConferencePage *page,
                       gint64                id)
{
  const char *wanted = "Reason of the dissenting view of Little Acorns Nursery, for Mia Thompson";
  const char *as_it_stands = "Mia is settled and thriving at nursery; attendance 96%";
  const char *corrected = "Mia is settled and thriving; her father's care is good enough";
  g_autoptr(QuorumConference) before = ui_test_load (store, id);
  const QuorumDissent *dissent = find_nursery_dissent (before);
  g_autofree char *record = NULL;
  guint n_before = before->amendments->len;
  GtkWindow *dialog;
  GtkWidget *dropdown;
  GtkWidget *popover;
  GtkWidget *value;
  GtkWidget *problem;
  GtkWidget *record_button;
  g_autofree char *prefilled = NULL;
  int problem_height;
  float record_y;

  g_assert_nonnull (dissent);
  g_assert_cmpstr (dissent->reason, ==, "Mia is settled and thriving");
  record = g_strdup_printf ("vote:%" G_GINT64_FORMAT,
                           quorum_conference_find_vote (before, ui_test_child_id (store, id, 0),
                                                        "Little Acorns Nursery")->id);

  ui_test_click (ui_test_template_child (page, QUORUM_TYPE_CONFERENCE_PAGE, "amend_button"), -1, -1);
  ui_test_wait_until (amend_dialog_drawn, NULL, 10000, "the Amend dialog");
  dialog = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  dropdown = ui_test_find_named (GTK_WIDGET (dialog), "target-dropdown");
  value = ui_test_find_named (GTK_WIDGET (dialog), "value-field");
  problem = ui_test_find_named (GTK_WIDGET (dialog), "value-problem");
  record_button = ui_test_find_button (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Record Amendment");
  g_assert_nonnull (record_button);

  /* The list of values, opened with a click; it is long, so a person searches it by its words,
   * anywhere in an entry: the conference's own values, then the nursery's reasons. */
  ui_test_click (dropdown, -1, -1);
  ui_test_wait_until (ui_test_has_shown_popover, dropdown, 5000, "the list of recorded values to open");
  ui_test_iterate (300);
  popover = ui_test_shown_popover (dropdown);
  ui_test_click (ui_test_find_type (popover, GTK_TYPE_SEARCH_ENTRY), -1, -1);
  search_values (popover, "The time", "The time of the conference");
  search_values (popover, "minute-taker", "The minute-taker");
  ui_test_screenshot (popover, "amend-values-conference");
  search_values (popover, "Little Acorns", "Representatives of the dissent of Little Acorns Nursery, for Mia Thompson");
  g_assert_nonnull (ui_test_find_shown_label (popover, wanted));
  g_assert_null (ui_test_find_shown_label (popover, "Reason of the view of Little Acorns Nursery, for Mia Thompson"));
  g_assert_null (ui_test_find_shown_label (popover, "Reason of the dissent of Little Acorns Nursery, for Mia Thompson"));
  ui_test_screenshot (popover, "amend-values-reasons");
  search_values (popover, "reason dissent Little", wanted);
  {
    LabelWaits waits = { popover, "Representatives of the dissent of Little Acorns Nursery, for Mia Thompson" };

    ui_test_wait_until (label_gone, &waits, 5000, "the representatives to leave the search");
  }
  /* The list settled before its row is found and clicked: under load the filtered rows were
   * still being laid out, and the click found the first row where the wanted one had been. */
  ui_test_iterate (300);
  ui_test_click (ui_test_find_shown_label (popover, wanted), -1, -1);
  ui_test_wait_until (has_no_popover, dropdown, 5000, "the list to close");
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (GTK_DROP_DOWN (dropdown))), ==, wanted);

  /* It starts from the reason as it stands; unchanged, it is not offered for recording. */
  g_assert_true (gtk_widget_is_visible (value));
  prefilled = quorum_text_field_get_text (QUORUM_TEXT_FIELD (value));
  g_assert_cmpstr (prefilled, ==, as_it_stands);
  g_assert_true (gtk_widget_is_visible (problem));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (problem)), ==, "This is the value as it stands: change it to correct it");
  /* Laid out first: the value's box has only just been shown. */
  for (int tries = 0; tries < 50 && gtk_widget_get_height (problem) == 0; tries++)
    ui_test_iterate (50);
  problem_height = gtk_widget_get_height (problem);
  g_assert_cmpint (problem_height, >, 0);
  record_y = button_y (record_button);

  /* Refused: the reason emptied, as `amend --value ""` is; Enter and a click on Record write nothing. */
  ui_test_click (value, -1, -1);
  ui_test_key ("ctrl+a");
  ui_test_key ("BackSpace");
  ui_test_click (ui_test_find_named (GTK_WIDGET (dialog), "reason-entry"), -1, -1);
  ui_test_type ("The nursery's reason was cut short in the minutes");
  ui_test_settle (200);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (problem)), ==, "A corrected value cannot be blank");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "amend"));
  ui_test_screenshot (GTK_WIDGET (dialog), "amend-dissent-blank");
  ui_test_key ("Return");
  ui_test_click (record_button, -1, -1);
  ui_test_settle (300);
  g_assert_true (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == dialog);
  {
    g_autoptr(QuorumConference) c = ui_test_load (store, id);

    g_assert_cmpuint (c->amendments->len, ==, n_before);
    g_assert_cmpstr (find_nursery_dissent (c)->reason, ==, "Mia is settled and thriving");
  }

  /* The corrected reason typed; Record Amendment clicked. */
  ui_test_click (value, -1, -1);
  ui_test_type (corrected);
  ui_test_settle (200);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (problem)), ==, "");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "amend"));
  /* The line said nothing, and Record stayed under the pointer. */
  g_assert_cmpint (gtk_widget_get_height (problem), ==, problem_height);
  g_assert_cmpfloat (button_y (record_button), ==, record_y);
  ui_test_screenshot (GTK_WIDGET (dialog), "amend-dissent-reason");
  ui_test_click (record_button, -1, -1);
  ui_test_wait_until (amend_dialog_gone, NULL, 10000, "the Amend dialog to close");
  ui_test_iterate (200);

  {
    g_autoptr(QuorumConference) c = ui_test_load (store, id);
    QuorumAmendment *amendment;

    g_assert_cmpuint (c->amendments->len, ==, n_before + 1);
    amendment = g_ptr_array_index (c->amendments, n_before);
    g_assert_cmpstr (amendment->record, ==, record);
    g_assert_cmpstr (amendment->field, ==, "reason");
    g_assert_cmpstr (amendment->old_value, ==, as_it_stands);
    g_assert_cmpstr (amendment->new_value, ==, corrected);
    g_assert_cmpstr (amendment->reason, ==, "The nursery's reason was cut short in the minutes");
    g_assert_nonnull (strstr (amendment->change, wanted));
    /* The original is kept: the dissent is as it was signed off. */
    g_assert_cmpstr (find_nursery_dissent (c)->reason, ==, "Mia is settled and thriving");
  }
}

static void
test_sign_off_and_amend (void)
{
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = ui_test_open (path);
  QuorumConferencePage *page;
  QuorumWindow *window;
  GtkWindow *dialog;
  GtkWidget *change;
  GtkWidget *reason;
  guint n_sensitive;
  guint n_total;
  gint64 live_id = 0;
  QuorumWindow *other;
  RowWaits waits;

  window = ui_test_window_new (store, 1280, 800);
  page = quorum_window_get_conference_page (window);

  /* The demo's live conference: a vote half given, so the board is open. */
  ui_test_load_demo (window, path);
  {
    g_autoptr(GPtrArray) found = quorum_store_list_conferences (store, "DEMO-BOL-0588", NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (found->len, ==, 1);
    live_id = ((QuorumConferenceSummary *) g_ptr_array_index (found, 0))->id;
  }
  g_assert_true (quorum_window_open_conference (window, live_id, 0));
  ui_test_iterate (100);

  count_all (page, &n_sensitive, &n_total);
  g_assert_cmpuint (n_total, >, 10);
  g_assert_cmpuint (n_sensitive, >, 10);
  g_assert_true (gtk_widget_is_sensitive (ui_test_find_named (GTK_WIDGET (page), "edit-attendee-button")));
  gtk_widget_activate_action (GTK_WIDGET (page), "conference.amend", NULL);
  ui_test_iterate (20);
  g_assert_null (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  /* Sign-off waits for every child's decision, and says so. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "conference.sign-off", NULL));
  ui_test_iterate (20);
  g_assert_null (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (strstr (quorum_window_get_last_toast (window), "Mia Thompson"));

  /* The remaining groups give their views; the decision is taken. */
  {
    gint64 mia = ui_test_child_id (store, live_id, 0);

    quorum_vote_card_choose (ui_test_card (window, mia, "Bolton NHS FT Health Visiting"), QUORUM_VIEW_PLAN);
    quorum_vote_card_enter_reason (ui_test_card (window, mia, "Little Acorns Nursery"), "Mia is settled and thriving");
    quorum_vote_card_choose (ui_test_card (window, mia, "Little Acorns Nursery"), QUORUM_VIEW_NO_PLAN);
    ui_test_iterate (20);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "conference.decide", NULL));
    ui_test_iterate (50);
    g_free (ui_test_confirm_decision ());
  }

  /* Another window on the same record (its list shows the conference not signed off). */
  other = ui_test_window_new (store, 1000, 700);
  waits.window = other;
  waits.id = live_id;
  g_assert_false (row_signed_off (&waits));

  /* Sign off, confirmed in the dialog; cancelling first changes nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "conference.sign-off", NULL));
  ui_test_iterate (20);
  ui_test_respond ("cancel");
  {
    g_autoptr(QuorumConference) c = ui_test_load (store, live_id);
    g_assert_false (quorum_conference_is_finalised (c));
  }

  /* The chair's name kept (UI_TEST_KEPT_NAME): the decision names them, not this computer's
   * login (with none kept, the first view asks it: test-ui-recordname; a decision that is the
   * app's first record asks it: test-ui-live). Set none again: sign-off asks too, and whoever
   * signs off (the minute-taker, say) names themselves: the chair's name is only suggested in the
   * empty field, never filled in for one Enter to sign in it. Enter in the name signs off, as the
   * Sign Off button does, once a name is there. */
  {
    g_autoptr(GSettings) settings = quorum_ui_settings_new ();
    g_autoptr(QuorumConference) c = ui_test_load (store, live_id);
    g_autofree char *kept = g_settings_get_string (settings, "chair-name");
    QuorumDecision *decision = quorum_conference_find_decision (c, ui_test_child_id (store, live_id, 0));
    GtkWidget *entry;

    g_assert_nonnull (decision);
    if (!ui_test_is_postgres ())
      {
        g_assert_cmpstr (kept, ==, UI_TEST_KEPT_NAME);
        g_assert_cmpstr (decision->decided_by, ==, UI_TEST_KEPT_NAME);
      }
    g_settings_reset (settings, "chair-name");
    ui_test_iterate (50);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "conference.sign-off", NULL));
    ui_test_iterate (100);
    dialog = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
    g_assert_nonnull (dialog);
    entry = ui_test_find_named (GTK_WIDGET (dialog), "sign-off-name-entry");
    if (ui_test_is_postgres ())
      {
        g_assert_null (entry);
        ui_test_respond ("sign-off");
      }
    else
      {
        g_assert_nonnull (entry);
        g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
        g_assert_nonnull (strstr (gtk_entry_get_placeholder_text (GTK_ENTRY (entry)), c->chair));
        g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "sign-off"));
        ui_test_click (entry, -1, -1);
        ui_test_settle (50);
        ui_test_screenshot (GTK_WIDGET (dialog), "sign-off-name");
        /* Enter in the empty field: nothing is answered, nothing signed. */
        ui_test_key ("Return");
        ui_test_settle (100);
        g_assert_true (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == dialog);
        {
          g_autoptr(QuorumConference) unsigned_yet = ui_test_load (store, live_id);
          g_assert_false (quorum_conference_is_finalised (unsigned_yet));
        }
        ui_test_type ("Dee Okoro");
        ui_test_settle (50);
        g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "sign-off"));
        ui_test_screenshot (GTK_WIDGET (dialog), "sign-off-name-typed");
        /* Enter in the name answers the question: signed off, the dialog gone. */
        ui_test_key ("Return");
        ui_test_settle (100);
        g_assert_null (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
      }
  }
  ui_test_iterate (100);

  {
    g_autoptr(QuorumConference) c = ui_test_load (store, live_id);
    g_assert_true (quorum_conference_is_finalised (c));
    if (!ui_test_is_postgres ())
      g_assert_cmpstr (c->finalised_by, ==, "Dee Okoro");
  }

  /* Both lists mark it signed off within a second, nothing refreshed: this window's and the
   * other's (which only the window signing off read again). */
  ui_test_wait_live (row_signed_off, &waits, "the other window's list to mark it signed off");
  waits.window = window;
  g_assert_true (row_signed_off (&waits));
  gtk_window_destroy (GTK_WINDOW (other));
  ui_test_iterate (50);

  count_all (page, &n_sensitive, &n_total);
  g_assert_cmpuint (n_total, >, 10);
  g_assert_cmpuint (n_sensitive, ==, 0);

  /* An attendee is corrected before sign-off only: "Edit…" goes insensitive. */
  g_assert_false (gtk_widget_is_sensitive (ui_test_find_named (GTK_WIDGET (page), "edit-attendee-button")));

  /* The actions that record are disabled too: activating one writes nothing. */
  quorum_conference_page_fill_attendee (page, "Late Arrival", NULL, "Police", NULL, TRUE, QUORUM_ATTENDANCE_PRESENT);
  gtk_widget_activate_action (GTK_WIDGET (page), "conference.add-attendee", NULL);
  ui_test_iterate (20);
  {
    g_autoptr(QuorumConference) c = ui_test_load (store, live_id);
    g_assert_cmpuint (c->attendees->len, ==, 6);
  }

  /* Amend…: both what changed and why are required. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "conference.amend", NULL));
  ui_test_iterate (20);
  dialog = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  change = ui_test_find_named (GTK_WIDGET (dialog), "change-entry");
  reason = ui_test_find_named (GTK_WIDGET (dialog), "reason-entry");
  g_assert_nonnull (change);
  g_assert_nonnull (reason);
  gtk_editable_set_text (GTK_EDITABLE (change), "The nursery manager's name is Sophie Hart-Jones");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "amend"));
  gtk_editable_set_text (GTK_EDITABLE (reason), "Misspelt in the record");
  ui_test_respond ("amend");
  ui_test_iterate (50);

  {
    g_autoptr(QuorumConference) c = ui_test_load (store, live_id);
    QuorumAmendment *amendment;

    g_assert_cmpuint (c->amendments->len, ==, 1);
    amendment = g_ptr_array_index (c->amendments, 0);
    g_assert_cmpstr (amendment->reason, ==, "Misspelt in the record");
    g_assert_cmpstr (amendment->change, ==, "The nursery manager's name is Sophie Hart-Jones");
    /* The original is kept. */
    g_assert_cmpuint (c->attendees->len, ==, 6);
  }

  /* A correction that points at what it corrects: the nursery's reason. The dialog fills the
   * record, the field and the new value; the store keeps the old value; the vote is unchanged. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "conference.amend", NULL));
  ui_test_iterate (20);
  dialog = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  {
    GtkWidget *dropdown = ui_test_find_named (GTK_WIDGET (dialog), "target-dropdown");
    GtkWidget *value = ui_test_find_named (GTK_WIDGET (dialog), "value-field");
    GListModel *labels;
    guint found = GTK_INVALID_LIST_POSITION;
    g_autofree char *prefilled = NULL;

    g_assert_nonnull (dropdown);
    g_assert_nonnull (value);
    g_assert_false (gtk_widget_is_visible (value));
    labels = gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown));
    for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
      if (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (labels), i), "Reason of the dissenting view of Little Acorns Nursery"))
        found = i;
    g_assert_cmpuint (found, !=, GTK_INVALID_LIST_POSITION);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), found);
    ui_test_iterate (20);

    /* It starts from the value as recorded. */
    g_assert_true (gtk_widget_is_visible (value));
    prefilled = quorum_text_field_get_text (QUORUM_TEXT_FIELD (value));
    g_assert_cmpstr (prefilled, ==, "Mia is settled and thriving");
    g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "amend"));

    quorum_text_field_type (QUORUM_TEXT_FIELD (value), "Mia is settled and thriving at nursery; attendance 96%");
    gtk_editable_set_text (GTK_EDITABLE (ui_test_find_named (GTK_WIDGET (dialog), "reason-entry")),
                           "The nursery's written report gave the full reason");
  }
  ui_test_respond ("amend");
  ui_test_iterate (50);

  {
    g_autoptr(QuorumConference) c = ui_test_load (store, live_id);
    gint64 mia = ui_test_child_id (store, live_id, 0);
    QuorumVote *vote = quorum_conference_find_vote (c, mia, "Little Acorns Nursery");
    g_autofree char *record = g_strdup_printf ("vote:%" G_GINT64_FORMAT, vote->id);
    QuorumAmendment *amendment;

    g_assert_cmpuint (c->amendments->len, ==, 2);
    amendment = g_ptr_array_index (c->amendments, 1);
    g_assert_cmpstr (amendment->record, ==, record);
    g_assert_cmpstr (amendment->field, ==, "reason");
    g_assert_cmpstr (amendment->old_value, ==, "Mia is settled and thriving");
    g_assert_cmpstr (amendment->new_value, ==, "Mia is settled and thriving at nursery; attendance 96%");
    g_assert_cmpstr (amendment->reason, ==, "The nursery's written report gave the full reason");
    /* The original is kept: the vote itself is not rewritten. */
    g_assert_cmpstr (vote->reason, ==, "Mia is settled and thriving");
  }

  /* A second correction of the same reason starts from the value as it stands now, the first
   * correction's words, not the signed-off original. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "conference.amend", NULL));
  ui_test_iterate (20);
  dialog = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  {
    GtkWidget *dropdown = ui_test_find_named (GTK_WIDGET (dialog), "target-dropdown");
    GtkWidget *value = ui_test_find_named (GTK_WIDGET (dialog), "value-field");
    GListModel *labels = gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown));
    guint found = GTK_INVALID_LIST_POSITION;
    g_autofree char *prefilled = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
      if (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (labels), i), "Reason of the dissenting view of Little Acorns Nursery"))
        found = i;
    g_assert_cmpuint (found, !=, GTK_INVALID_LIST_POSITION);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), found);
    ui_test_iterate (20);
    prefilled = quorum_text_field_get_text (QUORUM_TEXT_FIELD (value));
    g_assert_cmpstr (prefilled, ==, "Mia is settled and thriving at nursery; attendance 96%");
  }
  ui_test_respond ("cancel");
  ui_test_iterate (20);

  /* The conference's time and minute-taker, which `quorum-cli amend` corrects, are offered too,
   * each from its value as it stands and with the store's refusals. A time keeps its form: "2pm"
   * is refused, in a toast, and nothing is written. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "conference.amend", NULL));
  ui_test_iterate (20);
  dialog = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  choose_value (dialog, "The time of the conference");
  {
    GtkWidget *value = ui_test_find_named (GTK_WIDGET (dialog), "value-field");
    g_autofree char *prefilled = quorum_text_field_get_text (QUORUM_TEXT_FIELD (value));

    g_assert_cmpstr (prefilled, ==, "14:00");
    g_assert_nonnull (ui_test_find_shown_label (GTK_WIDGET (dialog), "Corrected time (HH:MM, e.g. 09:30)"));
    quorum_text_field_type (QUORUM_TEXT_FIELD (value), "2pm");
    gtk_editable_set_text (GTK_EDITABLE (ui_test_find_named (GTK_WIDGET (dialog), "reason-entry")),
                           "The minutes gave the wrong time");
  }
  ui_test_respond ("amend");
  ui_test_iterate (50);
  g_assert_nonnull (strstr (quorum_window_get_last_toast (window), "not a time of day"));
  {
    g_autoptr(QuorumConference) c = ui_test_load (store, live_id);

    g_assert_cmpuint (c->amendments->len, ==, 2);
  }

  /* Nobody was named to take the minutes: the minute-taker starts blank, and is named. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "conference.amend", NULL));
  ui_test_iterate (20);
  dialog = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  /* The words left by the refused time come back as a draft: start again. */
  choose_value (dialog, "No recorded value: the change in words only");
  choose_value (dialog, "The minute-taker");
  {
    GtkWidget *value = ui_test_find_named (GTK_WIDGET (dialog), "value-field");
    g_autofree char *prefilled = quorum_text_field_get_text (QUORUM_TEXT_FIELD (value));

    g_assert_null (prefilled);
    g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "amend"));
    quorum_text_field_type (QUORUM_TEXT_FIELD (value), "Priya Shah");
    gtk_editable_set_text (GTK_EDITABLE (ui_test_find_named (GTK_WIDGET (dialog), "reason-entry")),
                           "The minute-taker was left out");
  }
  ui_test_respond ("amend");
  ui_test_iterate (50);
  {
    g_autoptr(QuorumConference) c = ui_test_load (store, live_id);
    g_autofree char *record = g_strdup_printf ("conference:%" G_GINT64_FORMAT, live_id);
    QuorumAmendment *amendment;

    g_assert_cmpuint (c->amendments->len, ==, 3);
    amendment = g_ptr_array_index (c->amendments, 2);
    g_assert_cmpstr (amendment->record, ==, record);
    g_assert_cmpstr (amendment->field, ==, "minute_taker");
    g_assert_null (amendment->old_value);
    g_assert_cmpstr (amendment->new_value, ==, "Priya Shah");
    g_assert_null (c->minute_taker);
  }

  if (ui_test_have_xdotool ())
    amend_dissent_by_hand (store, page, live_id);
  else
    g_test_incomplete ("xdotool is not installed or the display is not X11: the dissent not amended by hand");

  /* Still read-only after the amendment. */
  count_all (page, &n_sensitive, &n_total);
  g_assert_cmpuint (n_sensitive, ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A Bolton conference of @children, each child's decision taken (a vote, all for a plan), made
 * through the store as the app makes it; not yet signed off. */
static gint64
create_decided (QuorumStore        *store,
                const char * const *children)
{
  static const QuorumAttendeeSpec attendees[] = {
    { "Karen Lee", "Social Worker", "Children's Social Care", "Children's Social Care", TRUE, QUORUM_ATTENDANCE_PRESENT },
    { "Priya Shah", "Health Visitor", "Bolton NHS FT", "Bolton NHS FT 0-19 Service", TRUE, QUORUM_ATTENDANCE_PRESENT },
    { "PC Dan Hughes", "Police Officer", "Greater Manchester Police", "Greater Manchester Police", TRUE, QUORUM_ATTENDANCE_PRESENT },
    { "Ann Grey", "Head Teacher", "St Mary's Primary School", "St Mary's Primary School", TRUE, QUORUM_ATTENDANCE_PRESENT },
  };
  static const struct { const char *group; QuorumView view; const char *reason; } votes[] = {
    { "Children's Social Care", QUORUM_VIEW_PLAN, "Home conditions poor over six months." },
    { "Bolton NHS FT 0-19 Service", QUORUM_VIEW_PLAN, "Two missed health appointments." },
    { "Greater Manchester Police", QUORUM_VIEW_PLAN, "Two domestic incidents with the child present." },
    { "St Mary's Primary School", QUORUM_VIEW_PLAN, "Often hungry at school." },
  };
  QuorumConferenceSpec spec = { .kind = QUORUM_KIND_INITIAL, .chair = "Sam Patel", .profile_id = "bolton",
                                .children = children };
  g_autoptr(QuorumConference) conference = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_date_clear (&spec.date, 1);
  g_date_set_dmy (&spec.date, 1, 12, 2026);
  id = quorum_store_create_conference (store, &spec, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (attendees); i++)
    {
      g_assert_cmpint (quorum_store_add_attendee (store, id, &attendees[i], &error), >, 0);
      g_assert_no_error (error);
    }
  conference = ui_test_load (store, id);
  for (guint c = 0; c < conference->children->len; c++)
    {
      gint64 child = ((QuorumChild *) g_ptr_array_index (conference->children, c))->id;
      QuorumAttemptSpec attempt = { .child_id = child, .summary = "All agree", .agreed = QUORUM_VIEW_NONE };
      g_autoptr(QuorumOutcome) outcome = NULL;

      g_assert_cmpint (quorum_store_add_attempt (store, id, &attempt, &error), >, 0);
      g_assert_no_error (error);
      for (guint i = 0; i < G_N_ELEMENTS (votes); i++)
        {
          QuorumVoteSpec vote = { .child_id = child, .group = votes[i].group, .view = votes[i].view,
                                  .categories = QUORUM_CATEGORY_NEGLECT, .reason = votes[i].reason };

          g_assert_cmpint (quorum_store_record_vote (store, id, &vote, &error), >, 0);
          g_assert_no_error (error);
        }
      outcome = quorum_store_decide (store, id, child, QUORUM_VIEW_NONE, 0, NULL, NULL, &error);
      g_assert_no_error (error);
    }

  return id;
}

/* A signed-off Bolton conference of one child, made through the store as the app makes it. */
static gint64
create_signed_off (QuorumStore *store)
{
  const char * const children[] = { "Amelia Jones", NULL };
  g_autoptr(GError) error = NULL;
  gint64 id = create_decided (store, children);

  g_assert_true (quorum_store_finalise (store, id, &error));
  g_assert_no_error (error);

  return id;
}

/* "What changes" and "Why" typed in the Amend dialog, and an Escape pressed by mistake: nothing
 * is recorded, and nothing is lost: the words are in the database at once (what a kill leaves),
 * and the dialog opened again gives them back, marked as a draft; recorded, the draft is gone.
 * (Escape closed the dialog and the words went with it.) */
/* A name kept on this computer, as a chair's laptop has after its first sign-off: the Amend
 * dialog offers it under "Amended by" and records at once. (The cases share the settings; each
 * that amends says what it needs rather than counting on an earlier case.) */
static void
keep_a_name (void)
{
  g_autoptr(GSettings) settings = quorum_ui_settings_new ();
  g_autofree char *name = g_settings_get_string (settings, "chair-name");

  if (*name == '\0')
    g_settings_set_string (settings, "chair-name", "Margaret Hughes");
}

static void
test_amend_escape_keeps_words (void)
{
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(QuorumStore) store = ui_test_open (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *left = NULL;
  QuorumConferencePage *page;
  QuorumWindow *window;
  GtkWindow *dialog;
  gint64 id;

  keep_a_name ();
  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  id = create_signed_off (store);
  window = ui_test_window_new (store, 1280, 800);
  page = quorum_window_get_conference_page (window);
  g_assert_true (quorum_window_open_conference (window, id, 0));
  ui_test_iterate (300);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "conference.amend", NULL));
  ui_test_wait_until (amend_dialog_drawn, NULL, 10000, "the Amend dialog");
  dialog = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  /* Nothing to give back yet (the marker is looked for below, where it matters). */
  {
    GtkWidget *marker = ui_test_find_named (GTK_WIDGET (dialog), "amendment-draft-marker");

    g_assert_false (draft_marker_shown (marker));
  }
  ui_test_click (ui_test_find_named (GTK_WIDGET (dialog), "change-entry"), -1, -1);
  ui_test_type ("The venue was Room 4");
  /* Why has a label of its own (trial 2: a placeholder only, gone once typed in): Alt+H, its
   * mnemonic, goes to it. */
  ui_test_key ("alt+h");
  ui_test_settle (100);
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (dialog), ui_test_find_named (GTK_WIDGET (dialog), "reason-entry")));
  ui_test_type ("Moved on the day");
  ui_test_iterate (QUORUM_DRAFT_DELAY_MS + 200);
  {
    g_autofree char *change = quorum_store_get_draft (store, id, "amendment", "change", &error);
    g_autofree char *reason = quorum_store_get_draft (store, id, "amendment", "reason", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (change, ==, "The venue was Room 4");
    g_assert_cmpstr (reason, ==, "Moved on the day");
  }
  /* Words typed for the first time are kept, but are no "form as it was left" (trial 2). */
  g_assert_false (draft_marker_shown (ui_test_find_named (GTK_WIDGET (dialog), "amendment-draft-marker")));
  ui_test_screenshot (GTK_WIDGET (dialog), "amend-fresh-words");

  ui_test_key ("Escape");
  ui_test_settle (300);
  g_assert_null (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  {
    g_autoptr(QuorumConference) c = ui_test_load (store, id);

    g_assert_cmpuint (c->amendments->len, ==, 0);
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "conference.amend", NULL));
  ui_test_wait_until (amend_dialog_drawn, NULL, 10000, "the Amend dialog");
  dialog = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui_test_find_named (GTK_WIDGET (dialog), "change-entry"))),
                   ==, "The venue was Room 4");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui_test_find_named (GTK_WIDGET (dialog), "reason-entry"))),
                   ==, "Moved on the day");
  g_assert_true (draft_marker_shown (ui_test_find_named (GTK_WIDGET (dialog), "amendment-draft-marker")));
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "amend"));
  /* Given back with their words, both fields still say what they are. */
  g_assert_nonnull (ui_test_find_shown_label (GTK_WIDGET (dialog), "What changes"));
  g_assert_nonnull (ui_test_find_shown_label (GTK_WIDGET (dialog), "Why (required)"));
  ui_test_screenshot (GTK_WIDGET (dialog), "amend-given-back");

  /* The focus is in What changes with the caret after its words, nothing selected: what is
   * typed next goes on the end (the whole was selected, and the next key replaced it, draft and
   * all). */
  ui_test_type (", then Room 5");
  ui_test_iterate (QUORUM_DRAFT_DELAY_MS + 200);
  {
    g_autofree char *change = quorum_store_get_draft (store, id, "amendment", "change", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (change, ==, "The venue was Room 4, then Room 5");
  }
  ui_test_screenshot (GTK_WIDGET (dialog), "amend-draft-caret-at-end");

  /* Recorded as given back: the amendment holds the words, and the draft is gone. */
  ui_test_respond ("amend");
  ui_test_iterate (300);
  {
    g_autoptr(QuorumConference) c = ui_test_load (store, id);
    QuorumAmendment *amendment;

    g_assert_cmpuint (c->amendments->len, ==, 1);
    amendment = g_ptr_array_index (c->amendments, 0);
    g_assert_cmpstr (amendment->change, ==, "The venue was Room 4, then Room 5");
    g_assert_cmpstr (amendment->reason, ==, "Moved on the day");
  }
  left = quorum_store_get_draft (store, id, "amendment", "reason", &error);
  g_assert_no_error (error);
  g_assert_null (left);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Every word @root shows, a line each: labels, wrapped labels and the rows' titles. */
static void
collect_text (GtkWidget *root,
              GString   *out)
{
  if (!gtk_widget_get_visible (root))
    return;
  if (GTK_IS_LABEL (root))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (root)));
  else if (QUORUM_IS_WRAP_LABEL (root))
    g_string_append_printf (out, "%s\n", quorum_wrap_label_get_label (QUORUM_WRAP_LABEL (root)));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    collect_text (child, out);
}

static char *
shown_text (gpointer widget)
{
  GString *out = g_string_new (NULL);

  collect_text (GTK_WIDGET (widget), out);
  return g_string_free (out, FALSE);
}

/* The Amend dialog driven as a person does: opened, @target chosen, a click into the value,
 * @typed put in place of it (@replace) or at its end in place of its last character, a click
 * into Why, @why typed, Amend. */
static void
amend_by_hand (QuorumConferencePage *page,
               const char           *target,
               gboolean              replace,
               const char           *typed,
               const char           *why)
{
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "conference.amend", NULL));
  ui_test_wait_until (amend_dialog_drawn, NULL, 10000, "the Amend dialog");
  dialog = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  choose_value (dialog, target);
  ui_test_click (ui_test_find_named (GTK_WIDGET (dialog), "value-field"), -1, -1);
  if (replace)
    ui_test_key ("ctrl+a");
  else
    {
      ui_test_key ("ctrl+End");
      ui_test_key ("BackSpace");
    }
  ui_test_type (typed);
  ui_test_click (ui_test_find_named (GTK_WIDGET (dialog), "reason-entry"), -1, -1);
  ui_test_type (why);
  ui_test_settle (300);
  ui_test_respond ("amend");
  ui_test_iterate (500);
}

#define CSC_REASON "Two neglect referrals from neighbours this month."
#define CSC_AMENDED "Two neglect referrals from neighbours this month; one from the school."

/* The trial's record, signed off: the 0-19 nurses could not agree and settled on No plan, the
 * outcome's view, Priya Shah's own position Plan; Housing's one representative left before
 * giving a view; Children's Social Care dissents (Plan). Sets @child. */
static gint64
create_trial_record (QuorumStore *store,
                     gint64      *child,
                     gboolean     decided)
{
  static const QuorumAttendeeSpec attendees[] = {
    { "Sara Khan", "Social Worker", "Children's Social Care", "Children's Social Care", TRUE, QUORUM_ATTENDANCE_PRESENT },
    { "Priya Shah", "Health Visitor", "Bolton NHS FT", "0-19 Public Health Nursing", TRUE, QUORUM_ATTENDANCE_PRESENT },
    { "Lisa Green", "School Nurse", "Bolton NHS FT", "0-19 Public Health Nursing", TRUE, QUORUM_ATTENDANCE_PRESENT },
    { "PC Tom Reid", "Police Officer", "Greater Manchester Police", "Police", TRUE, QUORUM_ATTENDANCE_PRESENT },
    { "Mr D Hughes", "Head Teacher", "St Mary's Primary School", "Education", TRUE, QUORUM_ATTENDANCE_PRESENT },
    { "Jo Walsh", "Housing Officer", "Bolton at Home", "Housing", TRUE, QUORUM_ATTENDANCE_PRESENT },
  };
  static const struct { const char *group; QuorumView view; const char *reason; gboolean disagreed; } votes[] = {
    { "Children's Social Care", QUORUM_VIEW_PLAN, CSC_REASON, FALSE },
    { "0-19 Public Health Nursing", QUORUM_VIEW_NO_PLAN, "Settled on no plan between us.", TRUE },
    { "Police", QUORUM_VIEW_NO_PLAN, "No disclosures and no police call-outs since March.", FALSE },
    { "Education", QUORUM_VIEW_NO_PLAN, "Settled and happy at school.", FALSE },
  };
  const char *children[] = { "Cara Carter", NULL };
  QuorumConferenceSpec spec = { .kind = QUORUM_KIND_INITIAL, .chair = "Jo Evans", .profile_id = "bolton",
                                .children = children };
  QuorumAttemptSpec attempt = { .summary = "No consensus", .agreed = QUORUM_VIEW_NONE };
  g_autoptr(QuorumConference) conference = NULL;
  g_autoptr(QuorumOutcome) outcome = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ids[G_N_ELEMENTS (attendees)];
  gint64 id;

  g_date_clear (&spec.date, 1);
  g_date_set_dmy (&spec.date, 1, 12, 2026);
  id = quorum_store_create_conference (store, &spec, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (attendees); i++)
    {
      ids[i] = quorum_store_add_attendee (store, id, &attendees[i], &error);
      g_assert_no_error (error);
    }
  conference = ui_test_load (store, id);
  *child = ((QuorumChild *) g_ptr_array_index (conference->children, 0))->id;
  attempt.child_id = *child;
  g_assert_cmpint (quorum_store_add_attempt (store, id, &attempt, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (quorum_store_attendee_leave (store, ids[5], "14:30", NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (votes); i++)
    {
      QuorumVoteSpec vote = { .child_id = *child, .group = votes[i].group, .view = votes[i].view,
                              .categories = votes[i].view == QUORUM_VIEW_PLAN ? QUORUM_CATEGORY_NEGLECT : 0,
                              .reason = votes[i].reason, .members_disagreed = votes[i].disagreed };

      g_assert_cmpint (quorum_store_record_vote (store, id, &vote, &error), >, 0);
      g_assert_no_error (error);
    }
  {
    QuorumMemberViewSpec priya = { .child_id = *child, .attendee_id = ids[1], .view = QUORUM_VIEW_PLAN,
                                   .categories = QUORUM_CATEGORY_NEGLECT, .reason = "Good bonding observed at home visits." };
    QuorumMemberViewSpec lisa = { .child_id = *child, .attendee_id = ids[2], .view = QUORUM_VIEW_NO_PLAN,
                                  .reason = "Attends every appointment." };

    g_assert_cmpint (quorum_store_record_member_view (store, id, &priya, &error), >, 0);
    g_assert_no_error (error);
    g_assert_cmpint (quorum_store_record_member_view (store, id, &lisa, &error), >, 0);
    g_assert_no_error (error);
  }
  if (!decided)
    return id;
  outcome = quorum_store_decide (store, id, *child, QUORUM_VIEW_NONE, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (quorum_store_finalise (store, id, &error));
  g_assert_no_error (error);

  return id;
}

/* A new user chaired the trial's record and read it on the screen as the export has it:
 * - the nurses' group settled on the outcome's view: its Dissent entry names Priya Shah, whose
 *   own position differs, never "0-19 Public Health Nursing: Plan" as if the group dissented;
 * - the decision's block says that Housing left without giving a view, in the export's words;
 * - a vote's reason amended after sign-off (in the Amend dialog, typed, Escape pressed once,
 *   opened again: the corrected text is given back with the rest, not the original again) is
 *   shown as it stands where the original was, in the Dissent list and on the group's card,
 *   with the original beside it, marked as amended. */
static void
test_record_reads_as_export (void)
{
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(QuorumStore) store = ui_test_open (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *dissent = NULL;
  g_autofree char *card = NULL;
  QuorumConferencePage *page;
  QuorumChildPanel *panel;
  QuorumWindow *window;
  GtkWindow *dialog;
  GtkWidget *left;
  gint64 child;
  gint64 id;

  keep_a_name ();
  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  id = create_trial_record (store, &child, FALSE);
  window = ui_test_window_new (store, 1280, 900);
  page = quorum_window_get_conference_page (window);
  g_assert_true (quorum_window_open_conference (window, id, child));
  ui_test_iterate (300);
  panel = quorum_conference_page_get_child_panel (page, child);

  /* The decision taken as the chair takes it: what the confirmation says will be recorded. */
  {
    GtkWidget *take = ui_test_find_button (GTK_WIDGET (panel), GTK_TYPE_BUTTON, "_Take the Decision");
    g_autofree char *preview = NULL;

    g_assert_nonnull (take);
    ui_test_scroll_into_view (take);
    ui_test_iterate (200);
    ui_test_click (take, -1, -1);
    ui_test_wait_until (amend_dialog_drawn, NULL, 10000, "the decision's confirmation");
    ui_test_screenshot (GTK_WIDGET (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)), "record-decision-own-position");
    preview = ui_test_confirm_decision ();
    g_test_message ("Preview: %s", preview);
    g_assert_nonnull (strstr (preview, "• Priya Shah (0-19 Public Health Nursing): Plan (Neglect) — “Good bonding observed at home visits.”"));
    g_assert_nonnull (strstr (preview, "this representative’s own position differs from it"));
    g_assert_null (strstr (preview, "0-19 Public Health Nursing (Priya Shah)"));
    ui_test_iterate (300);
  }
  g_assert_true (quorum_store_finalise (store, id, &error));
  g_assert_no_error (error);
  quorum_conference_page_reload (page);
  ui_test_iterate (300);
  panel = quorum_conference_page_get_child_panel (page, child);

  dissent = shown_text (ui_test_template_child (panel, QUORUM_TYPE_CHILD_PANEL, "dissent_list"));
  g_test_message ("Dissent: %s", dissent);
  g_assert_nonnull (strstr (dissent, "Priya Shah (0-19 Public Health Nursing): Plan"));
  g_assert_nonnull (strstr (dissent, "this representative’s own position differs from it"));
  g_assert_nonnull (strstr (dissent, "Good bonding observed at home visits."));
  g_assert_null (strstr (dissent, "0-19 Public Health Nursing: Plan"));
  g_assert_nonnull (strstr (dissent, "Children's Social Care: Plan"));

  left = ui_test_template_child (panel, QUORUM_TYPE_CHILD_PANEL, "left_view_label");
  g_assert_true (gtk_widget_get_visible (left));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (left)), ==, "No view: left before giving it: Housing");
  ui_test_screenshot (GTK_WIDGET (window), "record-reads-as-export");

  /* The Amend dialog: the CSC reason chosen, corrected, Why given, and Escape. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "conference.amend", NULL));
  ui_test_wait_until (amend_dialog_drawn, NULL, 10000, "the Amend dialog");
  dialog = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  choose_value (dialog, "Reason of the dissenting view of Children's Social Care, for Cara Carter");
  ui_test_click (ui_test_find_named (GTK_WIDGET (dialog), "value-field"), -1, -1);
  ui_test_key ("ctrl+End");
  ui_test_key ("BackSpace");
  ui_test_type ("; one from the school.");
  ui_test_click (ui_test_find_named (GTK_WIDGET (dialog), "reason-entry"), -1, -1);
  ui_test_type ("The school referral was left out");
  ui_test_iterate (QUORUM_DRAFT_DELAY_MS + 200);
  {
    g_autofree char *value = quorum_store_get_draft (store, id, "amendment", "value", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (value, ==, CSC_AMENDED);
  }
  ui_test_key ("Escape");
  ui_test_wait_until (amend_dialog_gone, NULL, 5000, "the Amend dialog gone");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "conference.amend", NULL));
  ui_test_wait_until (amend_dialog_drawn, NULL, 10000, "the Amend dialog");
  dialog = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  {
    g_autofree char *value =
      quorum_text_field_get_text (QUORUM_TEXT_FIELD (ui_test_find_named (GTK_WIDGET (dialog), "value-field")));

    g_assert_cmpstr (value, ==, CSC_AMENDED);
  }
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui_test_find_named (GTK_WIDGET (dialog), "reason-entry"))),
                   ==, "The school referral was left out");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "amend"));
  ui_test_screenshot (GTK_WIDGET (dialog), "amend-draft-corrected-text");
  ui_test_respond ("amend");
  ui_test_iterate (500);
  {
    g_autoptr(QuorumConference) c = ui_test_load (store, id);
    QuorumAmendment *amendment;

    g_assert_cmpuint (c->amendments->len, ==, 1);
    amendment = g_ptr_array_index (c->amendments, 0);
    g_assert_cmpstr (amendment->old_value, ==, CSC_REASON);
    g_assert_cmpstr (amendment->new_value, ==, CSC_AMENDED);
  }

  panel = quorum_conference_page_get_child_panel (page, child);
  g_clear_pointer (&dissent, g_free);
  dissent = shown_text (ui_test_template_child (panel, QUORUM_TYPE_CHILD_PANEL, "dissent_list"));
  g_test_message ("Dissent after the amendment: %s", dissent);
  g_assert_nonnull (strstr (dissent, "Sara Khan — “" CSC_AMENDED "”"));
  g_assert_nonnull (strstr (dissent, "Amended after sign-off (amendment 1); the original: “" CSC_REASON "”"));
  card = shown_text (ui_test_card (window, child, "Children's Social Care"));
  g_test_message ("Card: %s", card);
  g_assert_nonnull (strstr (card, CSC_AMENDED "\nAmended after sign-off (amendment 1); the original: “" CSC_REASON "”"));
  ui_test_scroll_into_view (GTK_WIDGET (ui_test_template_child (panel, QUORUM_TYPE_CHILD_PANEL, "dissent_list")));
  ui_test_iterate (200);
  ui_test_screenshot (GTK_WIDGET (window), "record-amended-dissent");
  ui_test_scroll_into_view (GTK_WIDGET (ui_test_card (window, child, "Children's Social Care")));
  ui_test_iterate (200);
  ui_test_screenshot (GTK_WIDGET (window), "record-amended-card");

  /* A representative's own dissent (the group settled on the outcome's view): its reason
   * corrected in the Amend dialog is shown in place, found by the dissent's own id. */
  amend_by_hand (page, "Reason of the dissent of Priya Shah (0-19 Public Health Nursing), for Cara Carter",
                 FALSE, ", twice.", "Priya asked for the count");
  {
    g_autoptr(QuorumConference) c = ui_test_load (store, id);
    QuorumAmendment *amendment;

    g_assert_cmpuint (c->amendments->len, ==, 2);
    amendment = g_ptr_array_index (c->amendments, 1);
    g_assert_true (g_str_has_prefix (amendment->record, "dissent:"));
    g_assert_cmpstr (amendment->new_value, ==, "Good bonding observed at home visits, twice.");
  }
  panel = quorum_conference_page_get_child_panel (page, child);
  g_clear_pointer (&dissent, g_free);
  dissent = shown_text (ui_test_template_child (panel, QUORUM_TYPE_CHILD_PANEL, "dissent_list"));
  g_test_message ("Dissent after the own position's amendment: %s", dissent);
  g_assert_nonnull (strstr (dissent, "differs from it. — “Good bonding observed at home visits, twice.”\n"
                                     "Amended after sign-off (amendment 2); the original: "
                                     "“Good bonding observed at home visits.”"));
  ui_test_scroll_into_view (GTK_WIDGET (ui_test_template_child (panel, QUORUM_TYPE_CHILD_PANEL, "dissent_list")));
  ui_test_iterate (200);
  ui_test_screenshot (GTK_WIDGET (window), "record-amended-own-dissent");

  /* Priya Shah's name, misspelt in the record, corrected: the screen names her as the record
   * does, corrected and noted, in the attendees list (the original under it), the timeline,
   * the Dissent list and the group's card; the store keeps the original. */
  amend_by_hand (page, "Name of the attendee Priya Shah", TRUE, "Priya Shaw", "Her name was misspelt");
  {
    g_autoptr(QuorumConference) c = ui_test_load (store, id);
    QuorumAmendment *amendment;

    g_assert_cmpuint (c->amendments->len, ==, 3);
    amendment = g_ptr_array_index (c->amendments, 2);
    g_assert_true (g_str_has_prefix (amendment->record, "attendee:"));
    g_assert_cmpstr (amendment->field, ==, "name");
    g_assert_cmpstr (amendment->new_value, ==, "Priya Shaw");
    g_assert_cmpstr (((QuorumAttendee *) g_ptr_array_index (c->attendees, 1))->name, ==, "Priya Shah");
  }
  panel = quorum_conference_page_get_child_panel (page, child);
  g_clear_pointer (&dissent, g_free);
  dissent = shown_text (ui_test_template_child (panel, QUORUM_TYPE_CHILD_PANEL, "dissent_list"));
  g_test_message ("Dissent after the name's amendment: %s", dissent);
  g_assert_nonnull (strstr (dissent, "Priya Shaw (name amended after sign-off, amendment 3) (0-19 Public Health Nursing): Plan"));
  g_assert_null (strstr (dissent, "Priya Shah ("));
  g_clear_pointer (&card, g_free);
  card = shown_text (ui_test_card (window, child, "0-19 Public Health Nursing"));
  g_test_message ("Card after the name's amendment: %s", card);
  g_assert_nonnull (strstr (card, "Priya Shaw (name amended after sign-off, amendment 3), Lisa Green: one view between them"));
  g_assert_nonnull (strstr (card, "Priya Shaw’s own position: Plan."));
  g_assert_null (strstr (card, "Priya Shah"));
  {
    g_autofree char *attendees = shown_text (ui_test_template_child (page, QUORUM_TYPE_CONFERENCE_PAGE, "attendees_list"));

    g_test_message ("Attendees after the name's amendment: %s", attendees);
    g_assert_nonnull (strstr (attendees, "Priya Shaw\nHealth Visitor, Bolton NHS FT\n"
                                         "Amended after sign-off (amendment 3); the original: “Priya Shah”"));
  }
  /* The child's name, then the venue, corrected: the title and the child's tab name her as the
   * record does, the heading gives the venue as it stands. */
  amend_by_hand (page, "Name of the child Cara Carter", TRUE, "Kara Carter", "Her name is spelt with a K");
  {
    g_autoptr(QuorumConference) c = ui_test_load (store, id);

    g_assert_cmpuint (c->amendments->len, ==, 4);
    g_assert_cmpstr (((QuorumAmendment *) g_ptr_array_index (c->amendments, 3))->new_value, ==, "Kara Carter");
    g_assert_cmpstr (((QuorumChild *) g_ptr_array_index (c->children, 0))->name, ==, "Cara Carter");
  }
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (ui_test_template_child (page, QUORUM_TYPE_CONFERENCE_PAGE, "title_label"))),
                   ==, "Kara Carter");
  {
    GtkStack *stack = GTK_STACK (ui_test_template_child (page, QUORUM_TYPE_CONFERENCE_PAGE, "child_stack"));
    g_autofree char *tab = g_strdup_printf ("child-%" G_GINT64_FORMAT, child);

    g_assert_cmpstr (gtk_stack_page_get_title (gtk_stack_get_page (stack, gtk_stack_get_child_by_name (stack, tab))),
                     ==, "Kara Carter");
  }
  amend_by_hand (page, "The venue", TRUE, "Bolton Town Hall, Room 2", "The venue was left out");
  {
    g_autoptr(QuorumConference) c = ui_test_load (store, id);

    g_assert_cmpuint (c->amendments->len, ==, 5);
    g_assert_null (c->venue);
  }
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (ui_test_template_child (page, QUORUM_TYPE_CONFERENCE_PAGE,
                                                                                   "subtitle_label"))),
                            " · Bolton Town Hall, Room 2"));

  if (!gtk_widget_is_drawable (ui_test_template_child (page, QUORUM_TYPE_CONFERENCE_PAGE, "attendees_list")))
    gtk_widget_activate_action (GTK_WIDGET (page), "conference.toggle-attendees", NULL);
  ui_test_iterate (300);
  ui_test_screenshot (GTK_WIDGET (window), "record-amended-name");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A representative's own reason corrected after sign-off, by hand: Amend… clicked, the line
 * under the list says what is not in it, the list searched for "Reason of the own position",
 * Priya Shah's chosen, her words completed, Why given, Record clicked. The amendment names
 * member_view:ID with the old and the new words; her position itself is as signed off; the
 * Dissent list gives her corrected reason with the original beside it. */
#define PRIYA_REASON "Good bonding observed at home visits."
#define PRIYA_AMENDED "Good bonding observed at home visits; mother and baby attend every clinic."

static void
test_amend_own_position (void)
{
  const char *wanted = "Reason of the own position of Priya Shah (0-19 Public Health Nursing), for Cara Carter";
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(QuorumStore) store = ui_test_open (path);
  g_autoptr(QuorumConference) before = NULL;
  g_autofree char *record = NULL;
  g_autofree char *prefilled = NULL;
  g_autofree char *dissent = NULL;
  QuorumConferencePage *page;
  QuorumChildPanel *panel;
  QuorumWindow *window;
  GtkWindow *dialog;
  GtkWidget *dropdown;
  GtkWidget *popover;
  GtkWidget *value;
  GtkWidget *not_listed;
  gint64 child;
  gint64 id;

  keep_a_name ();
  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  id = create_trial_record (store, &child, TRUE);
  before = ui_test_load (store, id);
  for (guint i = 0; i < before->member_views->len; i++)
    {
      const QuorumMemberView *m = g_ptr_array_index (before->member_views, i);

      if (g_strcmp0 (m->name, "Priya Shah") == 0)
        record = g_strdup_printf ("member_view:%" G_GINT64_FORMAT, m->id);
    }
  g_assert_nonnull (record);

  window = ui_test_window_new (store, 1280, 900);
  page = quorum_window_get_conference_page (window);
  g_assert_true (quorum_window_open_conference (window, id, child));
  ui_test_iterate (300);

  ui_test_click (ui_test_template_child (page, QUORUM_TYPE_CONFERENCE_PAGE, "amend_button"), -1, -1);
  ui_test_wait_until (amend_dialog_drawn, NULL, 10000, "the Amend dialog");
  dialog = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  dropdown = ui_test_find_named (GTK_WIDGET (dialog), "target-dropdown");
  value = ui_test_find_named (GTK_WIDGET (dialog), "value-field");

  /* Under the list, what is not in it and why, so nobody hunts for a view. */
  not_listed = ui_test_find_named (GTK_WIDGET (dialog), "amend-not-listed");
  g_assert_nonnull (not_listed);
  g_assert_true (gtk_widget_is_drawable (not_listed));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (not_listed)), ==,
                   "Groups’ views, their categories and attendance are the decision as taken and are not "
                   "listed here: say in What changes what was recorded wrongly. A decision’s categories of "
                   "abuse are listed.");

  /* The list opened with a click and searched by its words. */
  ui_test_click (dropdown, -1, -1);
  ui_test_wait_until (ui_test_has_shown_popover, dropdown, 5000, "the list of recorded values to open");
  ui_test_iterate (300);
  popover = ui_test_shown_popover (dropdown);
  ui_test_click (ui_test_find_type (popover, GTK_TYPE_SEARCH_ENTRY), -1, -1);
  search_values (popover, "Reason of the own", wanted);
  g_assert_nonnull (ui_test_find_shown_label (popover,
                                              "Reason of the own position of Lisa Green (0-19 Public Health Nursing), for Cara Carter"));
  ui_test_screenshot (popover, "amend-values-own-position");
  ui_test_click (ui_test_find_shown_label (popover, wanted), -1, -1);
  ui_test_wait_until (has_no_popover, dropdown, 5000, "the list to close");
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (GTK_DROP_DOWN (dropdown))), ==, wanted);

  /* It starts from her words as recorded; completed by hand. */
  prefilled = quorum_text_field_get_text (QUORUM_TEXT_FIELD (value));
  g_assert_cmpstr (prefilled, ==, PRIYA_REASON);
  ui_test_click (value, -1, -1);
  ui_test_key ("ctrl+End");
  ui_test_key ("BackSpace");
  ui_test_type ("; mother and baby attend every clinic.");
  ui_test_click (ui_test_find_named (GTK_WIDGET (dialog), "reason-entry"), -1, -1);
  ui_test_type ("The health visitor's reason was cut short in the minutes");
  ui_test_settle (200);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "amend"));
  ui_test_screenshot (GTK_WIDGET (dialog), "amend-own-position");
  ui_test_click (ui_test_find_button (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Record Amendment"), -1, -1);
  ui_test_wait_until (amend_dialog_gone, NULL, 10000, "the Amend dialog to close");
  ui_test_iterate (300);

  {
    g_autoptr(QuorumConference) c = ui_test_load (store, id);
    QuorumAmendment *amendment;

    g_assert_cmpuint (c->amendments->len, ==, 1);
    amendment = g_ptr_array_index (c->amendments, 0);
    g_assert_cmpstr (amendment->record, ==, record);
    g_assert_cmpstr (amendment->field, ==, "reason");
    g_assert_cmpstr (amendment->old_value, ==, PRIYA_REASON);
    g_assert_cmpstr (amendment->new_value, ==, PRIYA_AMENDED);
    g_assert_cmpstr (amendment->reason, ==, "The health visitor's reason was cut short in the minutes");
    g_assert_nonnull (strstr (amendment->change, wanted));
    /* The original is kept: her position is as it was signed off. */
    for (guint i = 0; i < c->member_views->len; i++)
      {
        const QuorumMemberView *m = g_ptr_array_index (c->member_views, i);

        if (g_strcmp0 (m->name, "Priya Shah") == 0)
          g_assert_cmpstr (m->reason, ==, PRIYA_REASON);
      }
  }

  /* The screen's Dissent list: her words as they stand, the original beside them. */
  panel = quorum_conference_page_get_child_panel (page, child);
  dissent = shown_text (ui_test_template_child (panel, QUORUM_TYPE_CHILD_PANEL, "dissent_list"));
  g_test_message ("Dissent after the amendment: %s", dissent);
  g_assert_nonnull (strstr (dissent, "— “" PRIYA_AMENDED "”"));
  g_assert_nonnull (strstr (dissent, "Amended after sign-off (amendment 1); the original: “" PRIYA_REASON "”"));
  ui_test_scroll_into_view (GTK_WIDGET (ui_test_template_child (panel, QUORUM_TYPE_CHILD_PANEL, "dissent_list")));
  ui_test_iterate (200);
  ui_test_screenshot (GTK_WIDGET (window), "record-amended-own-position");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The trial's minute-taker looking for a value to correct in the Amend dialog, by hand:
 * - the list searched by a word in the middle of its entries, as a person remembers it:
 *   "Housing" (and "police", in lower case) finds Housing's reason, where the search matched
 *   only an entry's start ("Reason of Housing …" had to be typed);
 * - a dissenting group's view's reason, which is its dissent's (one spoken reason, fidel5), is
 *   one entry named as both ("Reason of the dissenting view of Children's Social Care"), and a
 *   representative's own dissent, where the group settled on the outcome's view, names her,
 *   not the group ("Reason of the dissent of Priya Shah (0-19 Public Health Nursing)");
 * - a value chosen is no draft: "Draft · not yet recorded" comes with the first word typed,
 *   not with the choice (it showed as soon as an entry was chosen). */
static void
test_amend_find_and_name_values (void)
{
  const char *housing = "Reason of the view of Housing, for Cara Carter";
  const char *priya = "Reason of the dissent of Priya Shah (0-19 Public Health Nursing), for Cara Carter";
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(QuorumStore) store = ui_test_open (path);
  g_autoptr(QuorumOutcome) outcome = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *record = NULL;
  QuorumConferencePage *page;
  QuorumWindow *window;
  GtkWindow *dialog;
  GtkWidget *dropdown;
  GtkWidget *popover;
  GtkWidget *marker;
  GtkWidget *value;
  gint64 child;
  gint64 id;

  keep_a_name ();
  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  /* The trial's record, with Housing's view given (its officer there for it), then decided. */
  id = create_trial_record (store, &child, FALSE);
  {
    static const QuorumAttendeeSpec nadia = { "Nádia Rahman", "Housing Officer", "Bolton at Home", "Housing",
                                              TRUE, QUORUM_ATTENDANCE_PRESENT };
    QuorumVoteSpec vote = { .child_id = child, .group = "Housing", .view = QUORUM_VIEW_NO_PLAN,
                            .reason = "The boiler was fixed by the landlord." };
    gint64 vote_id;

    g_assert_cmpint (quorum_store_add_attendee (store, id, &nadia, &error), >, 0);
    g_assert_no_error (error);
    vote_id = quorum_store_record_vote (store, id, &vote, &error);
    g_assert_no_error (error);
    g_assert_cmpint (vote_id, >, 0);
    outcome = quorum_store_decide (store, id, child, QUORUM_VIEW_NONE, 0, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (quorum_store_finalise (store, id, &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr(QuorumConference) c = ui_test_load (store, id);
    QuorumVote *vote = quorum_conference_find_vote (c, child, "Housing");

    g_assert_nonnull (vote);
    record = g_strdup_printf ("vote:%" G_GINT64_FORMAT, vote->id);
  }

  window = ui_test_window_new (store, 1280, 900);
  page = quorum_window_get_conference_page (window);
  g_assert_true (quorum_window_open_conference (window, id, child));
  ui_test_iterate (300);

  ui_test_click (ui_test_template_child (page, QUORUM_TYPE_CONFERENCE_PAGE, "amend_button"), -1, -1);
  ui_test_wait_until (amend_dialog_drawn, NULL, 10000, "the Amend dialog");
  dialog = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  dropdown = ui_test_find_named (GTK_WIDGET (dialog), "target-dropdown");
  marker = ui_test_find_named (GTK_WIDGET (dialog), "amendment-draft-marker");
  value = ui_test_find_named (GTK_WIDGET (dialog), "value-field");
  g_assert_false (draft_marker_shown (marker));

  ui_test_click (dropdown, -1, -1);
  ui_test_wait_until (ui_test_has_shown_popover, dropdown, 5000, "the list of recorded values to open");
  ui_test_iterate (300);
  popover = ui_test_shown_popover (dropdown);

  /* Words typed as the list opens go to its search field, unclicked (they went nowhere), and
   * accents count for nothing either way: "nadia" finds Nádia, "Hóusing" finds Housing. */
  {
    LabelWaits waits = { popover, "Name of the attendee Nádia Rahman" };
    GtkWidget *search = ui_test_find_type (popover, GTK_TYPE_SEARCH_ENTRY);

    ui_test_type ("nadia");
    ui_test_wait_until (label_on_show, &waits, 5000, "Nádia's name, found by \"nadia\"");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search)), ==, "nadia");
    g_assert_null (ui_test_find_shown_label (popover, housing));
    ui_test_click (search, -1, -1);
  }
  {
    LabelWaits waits = { popover, housing };

    /* "ó" by its key: xdotool's typing drops it on the test's display. */
    ui_test_key ("ctrl+a");
    ui_test_key ("BackSpace");
    ui_test_type ("H");
    ui_test_key_letter (GTK_EDITABLE (ui_test_find_type (popover, GTK_TYPE_SEARCH_ENTRY)), "H", "oacute", "ó");
    ui_test_type ("using");
    ui_test_wait_until (label_on_show, &waits, 5000, "Housing's reason, found by \"Hóusing\"");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui_test_find_type (popover, GTK_TYPE_SEARCH_ENTRY))),
                     ==, "Hóusing");
  }

  /* A word in the middle, in lower case too. */
  search_values (popover, "police", "Reason of the view of Police, for Cara Carter");
  search_values (popover, "Housing", housing);
  ui_test_screenshot (popover, "amend-values-housing");

  /* The group's view's reason, which is its dissent's: one entry, named as both. */
  search_values (popover, "Social Care", "Reason of the dissenting view of Children's Social Care, for Cara Carter");
  g_assert_null (ui_test_find_shown_label (popover, "Reason of the dissent of Children's Social Care, for Cara Carter"));
  g_assert_nonnull (ui_test_find_shown_label (popover, "Representatives of the dissent of Children's Social Care, for Cara Carter"));
  ui_test_screenshot (popover, "amend-values-view-and-dissent");

  /* Priya Shah's own dissent is hers, not the nurses' group's. */
  search_values (popover, "Nursing", priya);
  g_assert_null (ui_test_find_shown_label (popover, "Reason of the dissent of 0-19 Public Health Nursing, for Cara Carter"));
  g_assert_nonnull (ui_test_find_shown_label (popover, "Names in the dissent of Priya Shah (0-19 Public Health Nursing), for Cara Carter"));
  ui_test_screenshot (popover, "amend-values-own-dissent");

  /* Every word typed, anywhere and in any order, case and accents aside (trial 7, A6): "police
   * cara" found nothing while the words had to stand as one phrase in the entry. Housing's reason
   * leaves the list: each word must be in an entry, not one of them. */
  {
    const char *police = "Reason of the view of Police, for Cara Carter";
    LabelWaits gone = { popover, housing };

    search_values (popover, "police cara", police);
    ui_test_wait_until (label_gone, &gone, 5000, "Housing's reason to leave \"police cara\"");
    g_assert_null (ui_test_find_shown_label (popover, "Name of the attendee Nádia Rahman"));
    ui_test_screenshot (popover, "amend-values-words-any-order");
    /* Reversed, in capitals, one with an accent by its key: the same entry. */
    ui_test_key ("ctrl+a");
    ui_test_key ("BackSpace");
    ui_test_type ("CARTER view P");
    ui_test_key_letter (GTK_EDITABLE (ui_test_find_type (popover, GTK_TYPE_SEARCH_ENTRY)), "CARTER view P", "oacute", "ó");
    ui_test_type ("lice");
    {
      LabelWaits waits = { popover, police };

      ui_test_wait_until (label_on_show, &waits, 5000, "Police's reason, found by \"CARTER view Pólice\"");
    }
    ui_test_wait_until (label_gone, &gone, 5000, "Housing's reason to leave \"CARTER view Pólice\"");
    g_assert_null (ui_test_find_shown_label (popover, "Reason of the dissenting view of Children's Social Care, for Cara Carter"));
  }

  /* Housing's reason chosen with a click: its words as recorded, and no draft yet. */
  search_values (popover, "Housing", housing);
  ui_test_click (ui_test_find_shown_label (popover, housing), -1, -1);
  ui_test_wait_until (has_no_popover, dropdown, 5000, "the list to close");
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (GTK_DROP_DOWN (dropdown))), ==, housing);
  ui_test_iterate (QUORUM_DRAFT_DELAY_MS + 200);
  {
    g_autofree char *prefilled = quorum_text_field_get_text (QUORUM_TEXT_FIELD (value));

    g_assert_cmpstr (prefilled, ==, "The boiler was fixed by the landlord.");
  }
  g_assert_false (draft_marker_shown (marker));
  ui_test_screenshot (GTK_WIDGET (dialog), "amend-value-chosen");

  /* A word typed is kept, but on a form opened fresh it is no "form as it was left". */
  ui_test_click (value, -1, -1);
  ui_test_key ("ctrl+End");
  ui_test_key ("BackSpace");
  ui_test_type (" on 26 November.");
  ui_test_iterate (QUORUM_DRAFT_DELAY_MS + 200);
  g_assert_false (draft_marker_shown (marker));
  ui_test_click (ui_test_find_named (GTK_WIDGET (dialog), "reason-entry"), -1, -1);
  ui_test_type ("The landlord confirmed the date");
  ui_test_settle (200);
  ui_test_screenshot (GTK_WIDGET (dialog), "amend-value-typed");
  ui_test_click (ui_test_find_button (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Record Amendment"), -1, -1);
  ui_test_wait_until (amend_dialog_gone, NULL, 10000, "the Amend dialog to close");
  ui_test_iterate (300);
  {
    g_autoptr(QuorumConference) c = ui_test_load (store, id);
    QuorumAmendment *amendment;

    g_assert_cmpuint (c->amendments->len, ==, 1);
    amendment = g_ptr_array_index (c->amendments, 0);
    g_assert_cmpstr (amendment->record, ==, record);
    g_assert_cmpstr (amendment->field, ==, "reason");
    g_assert_cmpstr (amendment->old_value, ==, "The boiler was fixed by the landlord.");
    g_assert_cmpstr (amendment->new_value, ==, "The boiler was fixed by the landlord on 26 November.");
    g_assert_nonnull (strstr (amendment->change, housing));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A signed-off plan for Jayden Walsh under Neglect and Physical abuse, Physical ticked by
 * mistake (trial 6, D2): Social Care and Police for a plan (both categories), Health for none.
 * Sets @decision_id. */
static gint64
create_plan_record (QuorumStore *store,
                    gint64      *decision_id)
{
  static const QuorumAttendeeSpec attendees[] = {
    { "Sara Khan", "Social Worker", "Children's Social Care", "Children's Social Care", TRUE, QUORUM_ATTENDANCE_PRESENT },
    { "PC Tom Reid", "Police Officer", "Greater Manchester Police", "Police", TRUE, QUORUM_ATTENDANCE_PRESENT },
    { "Priya Shah", "Health Visitor", "Bolton NHS FT", "Health", TRUE, QUORUM_ATTENDANCE_PRESENT },
  };
  static const struct { const char *group; QuorumView view; const char *reason; } votes[] = {
    { "Children's Social Care", QUORUM_VIEW_PLAN, "Home conditions are poor." },
    { "Police", QUORUM_VIEW_PLAN, "Two call-outs since March." },
    { "Health", QUORUM_VIEW_NO_PLAN, "Growth and development are good." },
  };
  const char *children[] = { "Jayden Walsh", NULL };
  QuorumConferenceSpec spec = { .kind = QUORUM_KIND_INITIAL, .chair = "Jo Evans", .profile_id = "bolton",
                                .children = children };
  QuorumAttemptSpec attempt = { .summary = "No consensus", .agreed = QUORUM_VIEW_NONE };
  g_autoptr(QuorumConference) conference = NULL;
  g_autoptr(QuorumOutcome) outcome = NULL;
  g_autoptr(GError) error = NULL;
  gint64 child;
  gint64 id;

  g_date_clear (&spec.date, 1);
  g_date_set_dmy (&spec.date, 1, 12, 2026);
  id = quorum_store_create_conference (store, &spec, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (attendees); i++)
    {
      g_assert_cmpint (quorum_store_add_attendee (store, id, &attendees[i], &error), >, 0);
      g_assert_no_error (error);
    }
  conference = ui_test_load (store, id);
  child = ((QuorumChild *) g_ptr_array_index (conference->children, 0))->id;
  attempt.child_id = child;
  g_assert_cmpint (quorum_store_add_attempt (store, id, &attempt, &error), >, 0);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (votes); i++)
    {
      QuorumVoteSpec vote = { .child_id = child, .group = votes[i].group, .view = votes[i].view,
                              .categories = votes[i].view == QUORUM_VIEW_PLAN
                                              ? QUORUM_CATEGORY_NEGLECT | QUORUM_CATEGORY_PHYSICAL : 0,
                              .reason = votes[i].reason };

      g_assert_cmpint (quorum_store_record_vote (store, id, &vote, &error), >, 0);
      g_assert_no_error (error);
    }
  outcome = quorum_store_decide (store, id, child, QUORUM_VIEW_NONE, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (quorum_store_finalise (store, id, &error));
  g_assert_no_error (error);
  {
    g_autoptr(QuorumConference) c = ui_test_load (store, id);
    const QuorumDecision *decision = quorum_conference_find_decision (c, child);

    g_assert_nonnull (decision);
    g_assert_cmpint (decision->outcome, ==, QUORUM_VIEW_PLAN);
    g_assert_cmpuint (decision->categories, ==, QUORUM_CATEGORY_NEGLECT | QUORUM_CATEGORY_PHYSICAL);
    *decision_id = decision->id;
  }
  return id;
}

static gboolean
check_active (GtkWidget *dialog,
              const char *name)
{
  return gtk_check_button_get_active (GTK_CHECK_BUTTON (ui_test_find_named (dialog, name)));
}

/* Trial 6 (A16, D2): the minute-taker searched the Amend list for "Police, for Chloé" and got
 * "Police,forChloé" (Space typed nothing, the focus in the list), and Ctrl+A there selected
 * nothing; a category of abuse ticked by mistake could be amended in words only, and the
 * decision went on saying it. Now: words typed as the list opens, Spaces too, go to its search;
 * Ctrl+A selects them, the next word replaces them; the decision's categories are in the list,
 * shown as checks; none ticked is refused on the line under them, Record off; one unticked is
 * recorded as the decision's categories amended (the decision as signed off kept), and the
 * screen and the CSV give them as they stand, the CSV with the original beside them. */
static void
test_amend_decision_categories (void)
{
  const char *police = "Reason of the view of Police, for Jayden Walsh";
  const char *categories = "Categories of abuse of the decision for Jayden Walsh";
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(QuorumStore) store = ui_test_open (path);
  g_autofree char *record = NULL;
  QuorumConferencePage *page;
  QuorumWindow *window;
  GtkWindow *dialog;
  GtkWidget *dropdown;
  GtkWidget *popover;
  GtkWidget *search;
  GtkWidget *problem;
  gint64 decision_id = 0;
  gint64 id;

  keep_a_name ();
  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  id = create_plan_record (store, &decision_id);
  record = g_strdup_printf ("decision:%" G_GINT64_FORMAT, decision_id);
  window = ui_test_window_new (store, 1280, 900);
  page = quorum_window_get_conference_page (window);
  g_assert_true (quorum_window_open_conference (window, id, 0));
  ui_test_iterate (300);

  ui_test_click (ui_test_template_child (page, QUORUM_TYPE_CONFERENCE_PAGE, "amend_button"), -1, -1);
  ui_test_wait_until (amend_dialog_drawn, NULL, 10000, "the Amend dialog");
  dialog = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  dropdown = ui_test_find_named (GTK_WIDGET (dialog), "target-dropdown");
  problem = ui_test_find_named (GTK_WIDGET (dialog), "value-problem");

  ui_test_click (dropdown, -1, -1);
  ui_test_wait_until (ui_test_has_shown_popover, dropdown, 5000, "the list of recorded values to open");
  ui_test_iterate (300);
  popover = ui_test_shown_popover (dropdown);
  search = ui_test_find_type (popover, GTK_TYPE_SEARCH_ENTRY);

  /* Typed as the list opens, the search unclicked: the Spaces are in it. */
  {
    LabelWaits waits = { popover, police };
    LabelWaits others = { popover, categories };

    ui_test_type ("Police, for Jay");
    ui_test_wait_until (label_on_show, &waits, 5000, "Police's reason, found by \"Police, for Jay\"");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search)), ==, "Police, for Jay");
    /* Police's reason is on show before the search filters too: wait for the search's own delay
     * to take the categories away (under load it came after the words had arrived). */
    ui_test_wait_until (label_gone, &others, 5000, "the categories to leave the search");
    g_assert_nonnull (ui_test_find_shown_label (popover, police));
    ui_test_screenshot (popover, "amend-search-with-spaces");
  }
  /* Ctrl+A, still unclicked, selects the words: the next ones replace them. */
  {
    LabelWaits waits = { popover, categories };

    ui_test_key ("ctrl+a");
    ui_test_type ("categories of abuse");
    ui_test_wait_until (label_on_show, &waits, 5000, "the decision's categories, found by their words");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search)), ==, "categories of abuse");
    /* The search is applied a moment after the last key ("c" alone kept Police's reason). */
    waits.text = police;
    ui_test_wait_until (label_gone, &waits, 5000, "Police's reason to leave the search");
  }
  ui_test_iterate (300);
  ui_test_click (ui_test_find_shown_label (popover, categories), -1, -1);
  ui_test_wait_until (has_no_popover, dropdown, 5000, "the list to close");
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (GTK_DROP_DOWN (dropdown))), ==,
                   categories);

  /* Ticked as decided; the text field gives way to the checks. */
  g_assert_false (gtk_widget_is_visible (ui_test_find_named (GTK_WIDGET (dialog), "value-field")));
  g_assert_true (gtk_widget_is_visible (ui_test_find_named (GTK_WIDGET (dialog), "amend-categories")));
  g_assert_true (check_active (GTK_WIDGET (dialog), "amend-category-neglect"));
  g_assert_true (check_active (GTK_WIDGET (dialog), "amend-category-physical"));
  g_assert_false (check_active (GTK_WIDGET (dialog), "amend-category-emotional"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (problem)), ==, "This is the value as it stands: change it to correct it");

  ui_test_click (ui_test_find_named (GTK_WIDGET (dialog), "reason-entry"), -1, -1);
  ui_test_type ("Physical abuse was ticked by mistake; the conference agreed neglect only");
  ui_test_settle (200);
  /* Unchanged (A7): Record off, and the line under Why says what it waits for; Enter there
   * records nothing and takes the focus to the categories. */
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "amend"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (ui_test_find_named (GTK_WIDGET (dialog), "amend-waiting"))), ==,
                   "Not recorded yet: the value above is unchanged (or choose “No recorded value”)");
  ui_test_screenshot (GTK_WIDGET (dialog), "amend-categories-unchanged");
  ui_test_key ("Return");
  ui_test_settle (300);
  g_assert_true (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == dialog);
  g_assert_true (gtk_widget_has_focus (ui_test_find_named (GTK_WIDGET (dialog), "amend-category-neglect")));
  {
    g_autoptr(QuorumConference) c = ui_test_load (store, id);

    g_assert_cmpuint (c->amendments->len, ==, 0);
  }
  /* None ticked: refused, said under them; Enter and Record write nothing. */
  ui_test_click (ui_test_find_named (GTK_WIDGET (dialog), "amend-category-neglect"), -1, -1);
  ui_test_click (ui_test_find_named (GTK_WIDGET (dialog), "amend-category-physical"), -1, -1);
  ui_test_settle (200);
  g_assert_false (check_active (GTK_WIDGET (dialog), "amend-category-neglect"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (problem)), ==,
                   "A plan is under at least one category of abuse: tick the categories as they should stand");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "amend"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (ui_test_find_named (GTK_WIDGET (dialog), "amend-waiting"))), ==,
                   "Not recorded yet: no category of abuse is ticked above");
  ui_test_screenshot (GTK_WIDGET (dialog), "amend-categories-none");
  ui_test_click (ui_test_find_button (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Record Amendment"), -1, -1);
  ui_test_settle (300);
  {
    g_autoptr(QuorumConference) c = ui_test_load (store, id);

    g_assert_cmpuint (c->amendments->len, ==, 0);
  }

  /* Neglect ticked again: Physical abuse alone is gone. */
  ui_test_click (ui_test_find_named (GTK_WIDGET (dialog), "amend-category-neglect"), -1, -1);
  ui_test_settle (200);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (problem)), ==, "");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "amend"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (ui_test_find_named (GTK_WIDGET (dialog), "amend-waiting"))), ==, "");
  ui_test_screenshot (GTK_WIDGET (dialog), "amend-categories");
  /* Enter in Why records it. */
  ui_test_click (ui_test_find_named (GTK_WIDGET (dialog), "reason-entry"), -1, -1);
  ui_test_key ("End");
  ui_test_key ("Return");
  ui_test_wait_until (amend_dialog_gone, NULL, 10000, "the Amend dialog to close");
  ui_test_iterate (300);

  {
    g_autoptr(QuorumConference) c = ui_test_load (store, id);
    const QuorumDecision *decision = g_ptr_array_index (c->decisions, 0);
    const QuorumAmendment *amendment;
    g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 12, 3, 9, 0, 0);
    g_autofree char *csv = quorum_export_csv_string (c, "Minnie Taker", when);
    g_autofree char *text = quorum_export_text_string (c, NULL, NULL, NULL);
    g_auto(GStrv) lines = g_strsplit (csv, "\r\n", -1);
    guint rows = 0;

    g_assert_cmpuint (c->amendments->len, ==, 1);
    amendment = g_ptr_array_index (c->amendments, 0);
    g_assert_cmpstr (amendment->record, ==, record);
    g_assert_cmpstr (amendment->field, ==, "categories");
    g_assert_cmpstr (amendment->old_value, ==, "neglect,physical");
    g_assert_cmpstr (amendment->new_value, ==, "neglect");
    g_assert_nonnull (strstr (amendment->change, categories));
    /* The decision as signed off is kept. */
    g_assert_cmpuint (decision->categories, ==, QUORUM_CATEGORY_NEGLECT | QUORUM_CATEGORY_PHYSICAL);
    /* The CSV: every one of Jayden's rows gives "neglect", "neglect; physical" beside it. */
    g_assert_true (g_str_has_suffix (lines[0], ",decision_categories,chair_reason,original_values,referral_id,"
                                               "referral_due,referral_due_working,referral_notified,"
                                               "referral_sent_late,referral_overdue,referral_panel_due,"
                                               "referral_panel_due_working,referral_panel_date,referral_heard_late,referral_outcome,"
                                               "exported_by,exported_at"));
    for (guint i = 1; lines[i] != NULL && *lines[i] != '\0'; i++, rows++)
      {
        /* No split: the referral's eleven cells empty. */
        g_assert_nonnull (strstr (lines[i], ",neglect,,\"{\"\"decision_categories\"\":\"\"neglect; physical\"\"}\",,,,,,,,,,,,Minnie Taker,"));
        g_assert_nonnull (strstr (lines[i], "\"\"field\"\":\"\"categories\"\""));
      }
    g_assert_cmpuint (rows, ==, 3);
    /* The record's decision line and the plan's categories, as they stand. */
    g_assert_nonnull (strstr (text, "Child protection plan (Neglect) (categories amended after sign-off, amendment 1; "
                                    "as decided: Neglect, Physical abuse)"));
    g_assert_nonnull (strstr (text, "Neglect (categories amended after sign-off, amendment 1; as decided: Neglect, "
                                    "Physical abuse)"));
  }
  /* And the screen. */
  {
    LabelWaits waits = { GTK_WIDGET (page), "Child protection plan: Neglect (categories amended after sign-off, "
                                            "amendment 1; as decided: Neglect, Physical abuse)" };

    ui_test_wait_until (label_on_show, &waits, 5000, "the decision as amended on screen");
  }
  ui_test_screenshot (GTK_WIDGET (window), "amended-categories-decision");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The item @label of a menu under @root (its model button), or NULL. */
static GtkWidget *
find_menu_item (GtkWidget  *root,
                const char *label)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), label) == 0)
    {
      for (GtkWidget *w = root; w != NULL; w = gtk_widget_get_parent (w))
        if (g_strcmp0 (gtk_widget_get_css_name (w), "modelbutton") == 0)
          return w;
      return NULL;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_menu_item (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The conference menu opened with a click, and "Sign Off…" clicked in it: the dialog, drawn. */
static GtkWindow *
open_sign_off_by_hand (QuorumConferencePage *page)
{
  GtkWidget *button = ui_test_template_child (page, QUORUM_TYPE_CONFERENCE_PAGE, "menu_button");
  GtkWidget *popover;

  ui_test_click (button, -1, -1);
  ui_test_wait_until (ui_test_has_shown_popover, button, 5000, "the conference menu to open");
  ui_test_iterate (200);
  popover = ui_test_shown_popover (button);
  ui_test_click (find_menu_item (popover, "Sign Off…"), -1, -1);
  ui_test_wait_until (amend_dialog_drawn, NULL, 10000, "the sign-off dialog");
  ui_test_iterate (200);
  return ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
}

static gboolean
conference_signed_off (QuorumStore *store,
                       gint64       id)
{
  g_autoptr(QuorumConference) c = ui_test_load (store, id);

  return quorum_conference_is_finalised (c);
}

/* Trial 4: a chair pressed Enter in "Sign Off This Conference?" to sign off; Cancel was the
 * default, the dialog closed, nothing was signed off and nothing said so. Enter now answers
 * Sign Off (the affirmative default, GNOME's HIG), with the chair's name kept; Escape cancels,
 * and a toast says the conference was not signed off. With no name kept, Enter in the empty
 * name signs nothing (sign-off-and-amend types one and signs with Enter). */
static void
test_enter_signs_off (void)
{
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(QuorumStore) store = ui_test_open (path);
  g_autoptr(GSettings) settings = quorum_ui_settings_new ();
  const char * const first[] = { "Amelia Jones", NULL };
  const char * const second[] = { "Ruby Jones", NULL };
  g_autoptr(GError) error = NULL;
  QuorumConferencePage *page;
  QuorumWindow *window;
  GtkWindow *dialog;
  gint64 escaped;
  gint64 entered;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  g_settings_set_string (settings, "chair-name", "Sam Patel");
  escaped = create_decided (store, first);
  entered = create_decided (store, second);
  window = ui_test_window_new (store, 1280, 800);
  page = quorum_window_get_conference_page (window);
  ui_test_raise_window (window);

  /* Enter: signed off, by the name kept. */
  g_assert_true (quorum_window_open_conference (window, entered, 0));
  ui_test_iterate (300);
  dialog = open_sign_off_by_hand (page);
  g_assert_nonnull (dialog);
  g_assert_null (ui_test_find_named (GTK_WIDGET (dialog), "sign-off-name-entry"));
  ui_test_screenshot (GTK_WIDGET (dialog), "forms4-sign-off-enter");
  ui_test_key ("Return");
  ui_test_wait_until (amend_dialog_gone, NULL, 5000, "the sign-off dialog to close");
  ui_test_iterate (300);
  g_assert_true (conference_signed_off (store, entered));
  {
    g_autoptr(QuorumConference) c = ui_test_load (store, entered);

    if (!ui_test_is_postgres ())
      g_assert_cmpstr (c->finalised_by, ==, "Sam Patel");
  }
  g_assert_nonnull (strstr (quorum_window_get_last_toast (window), "Signed off"));

  /* Escape: not signed off, and said. */
  g_assert_true (quorum_window_open_conference (window, escaped, 0));
  ui_test_iterate (300);
  dialog = open_sign_off_by_hand (page);
  g_assert_nonnull (dialog);
  ui_test_key ("Escape");
  ui_test_wait_until (amend_dialog_gone, NULL, 5000, "the sign-off dialog to close");
  ui_test_iterate (200);
  g_assert_false (conference_signed_off (store, escaped));
  g_assert_cmpstr (quorum_window_get_last_toast (window), ==, "Not signed off: the conference can still be changed");
  /* The window with its toast (ui_test_screenshot dismisses toasts). */
  {
    g_autofree char *shot = g_build_filename (g_getenv ("QUORUM_BUILDDIR"), "screenshots", "forms4-sign-off-escaped.png", NULL);

    ui_test_iterate (300);
    g_assert_true (quorum_ui_save_screenshot (GTK_WIDGET (window), shot, &error));
    g_assert_no_error (error);
  }

  /* No name kept (a database of this computer's): the name is asked, and Enter in it while it
   * is empty signs nothing. */
  if (!ui_test_is_postgres ())
    {
      g_settings_reset (settings, "chair-name");
      ui_test_iterate (50);
      g_assert_true (quorum_window_open_conference (window, escaped, 0));
      ui_test_iterate (300);
      dialog = open_sign_off_by_hand (page);
      g_assert_nonnull (ui_test_find_named (GTK_WIDGET (dialog), "sign-off-name-entry"));
      ui_test_key ("Return");
      ui_test_settle (300);
      g_assert_true (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == dialog);
      g_assert_false (conference_signed_off (store, escaped));
      ui_test_key ("Escape");
      ui_test_wait_until (amend_dialog_gone, NULL, 5000, "the sign-off dialog to close");
      g_assert_false (conference_signed_off (store, escaped));
    }

  g_settings_reset (settings, "chair-name");
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (50);
}

/* The child switcher's button of @child_name, under @page. */
static GtkWidget *
switcher_button (QuorumConferencePage *page,
                 const char           *child_name)
{
  GtkWidget *switcher = ui_test_template_child (page, QUORUM_TYPE_CONFERENCE_PAGE, "child_switcher");

  for (GtkWidget *button = gtk_widget_get_first_child (switcher); button != NULL; button = gtk_widget_get_next_sibling (button))
    if (ui_test_find_shown_label (button, child_name) != NULL)
      return button;
  g_assert_not_reached ();
  return NULL;
}

/* An amendment in words, by hand: Amend… clicked, What changes and Why typed, Record Amendment
 * clicked. */
static void
amend_in_words_by_hand (QuorumConferencePage *page,
                        const char           *change,
                        const char           *why)
{
  GtkWindow *dialog;

  ui_test_click (ui_test_template_child (page, QUORUM_TYPE_CONFERENCE_PAGE, "amend_button"), -1, -1);
  ui_test_wait_until (amend_dialog_drawn, NULL, 10000, "the Amend dialog");
  ui_test_iterate (200);
  dialog = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  ui_test_click (ui_test_find_named (GTK_WIDGET (dialog), "change-entry"), -1, -1);
  ui_test_type (change);
  ui_test_click (ui_test_find_named (GTK_WIDGET (dialog), "reason-entry"), -1, -1);
  ui_test_type (why);
  /* With no name kept on this computer, whoever amends names themselves (Record is off until
   * they do); the name is then kept. */
  {
    GtkWidget *by = ui_test_find_named (GTK_WIDGET (dialog), "amended-by-entry");

    /* (None on a shared database: it names its own user.) */
    if (by != NULL && *gtk_editable_get_text (GTK_EDITABLE (by)) == '\0')
      {
        g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "amend"));
        ui_test_click (by, -1, -1);
        ui_test_type ("Margaret Hughes");
      }
  }
  ui_test_iterate (200);
  ui_test_click (ui_test_find_button (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Record Amendment"), -1, -1);
  ui_test_wait_until (amend_dialog_gone, NULL, 10000, "the Amend dialog to close");
  ui_test_iterate (500);
}

/* Trial 4: each amendment after sign-off grew the pinned list above the child switcher and moved
 * it down, so a click aimed at a child's tab landed on an amendment. The amendments are one line
 * ("2 amendments after sign-off", Show), there from sign-off on: a click where the switcher was
 * before the amendments still lands on it after them. Show opens the list. */
static void
test_switcher_stays_after_amendment (void)
{
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(QuorumStore) store = ui_test_open (path);
  g_autoptr(GError) error = NULL;
  const char * const children[] = { "Amelia Jones", "Noah Jones", NULL };
  const char * const change[] = { "Amelia's school is St Mary's Primary, not St Mark's",
                                  "Noah's date of birth is 3 May 2021" };
  QuorumConferencePage *page;
  QuorumWindow *window;
  graphene_point_t amelia_at;
  graphene_point_t noah_at;
  gint64 id;
  gint64 amelia;
  gint64 noah;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  id = create_decided (store, children);
  g_assert_true (quorum_store_finalise (store, id, &error));
  g_assert_no_error (error);
  amelia = ui_test_child_id (store, id, 0);
  noah = ui_test_child_id (store, id, 1);
  window = ui_test_window_new (store, 1280, 800);
  page = quorum_window_get_conference_page (window);
  g_assert_true (quorum_window_open_conference (window, id, amelia));
  ui_test_iterate (300);
  ui_test_raise_window (window);

  /* Where a person sees each child's tab, in the window, before any amendment. */
  {
    graphene_point_t centre;

    centre = GRAPHENE_POINT_INIT (gtk_widget_get_width (switcher_button (page, "Noah Jones")) / 2.0,
                                  gtk_widget_get_height (switcher_button (page, "Noah Jones")) / 2.0);
    g_assert_true (gtk_widget_compute_point (switcher_button (page, "Noah Jones"), GTK_WIDGET (window), &centre, &noah_at));
    centre = GRAPHENE_POINT_INIT (gtk_widget_get_width (switcher_button (page, "Amelia Jones")) / 2.0,
                                  gtk_widget_get_height (switcher_button (page, "Amelia Jones")) / 2.0);
    g_assert_true (gtk_widget_compute_point (switcher_button (page, "Amelia Jones"), GTK_WIDGET (window), &centre, &amelia_at));
  }

  for (guint i = 0; i < G_N_ELEMENTS (change); i++)
    {
      g_autofree char *count = NULL;
      /* The tab not shown now: clicked where it was before any amendment. */
      gboolean to_noah = quorum_conference_page_get_child_id (page) == amelia;
      graphene_point_t at = to_noah ? noah_at : amelia_at;

      amend_in_words_by_hand (page, change[i], "Corrected from the family's documents");
      {
        g_autoptr(QuorumConference) c = ui_test_load (store, id);

        g_assert_cmpuint (c->amendments->len, ==, i + 1);
      }
      ui_test_click (GTK_WIDGET (window), at.x, at.y);
      ui_test_settle (300);
      g_assert_cmpint (quorum_conference_page_get_child_id (page), ==, to_noah ? noah : amelia);

      count = g_strdup_printf (i == 0 ? "%u amendment after sign-off" : "%u amendments after sign-off", i + 1);
      g_assert_nonnull (ui_test_find_shown_label (GTK_WIDGET (page), count));
      if (i == 1)
        ui_test_screenshot (GTK_WIDGET (window), "forms4-amendments-one-line");
    }

  /* Show: the list, each amendment beside the original. */
  ui_test_click (ui_test_template_child (page, QUORUM_TYPE_CONFERENCE_PAGE, "amendments_button"), -1, -1);
  ui_test_settle (400);
  g_assert_nonnull (ui_test_find_shown_label (GTK_WIDGET (page), "Amendment: Noah's date of birth is 3 May 2021"));
  ui_test_screenshot (GTK_WIDGET (window), "forms4-amendments-shown");
  ui_test_click (ui_test_template_child (page, QUORUM_TYPE_CONFERENCE_PAGE, "amendments_button"), -1, -1);
  ui_test_settle (400);
  g_assert_null (ui_test_find_shown_label (GTK_WIDGET (page), "Amendment: Noah's date of birth is 3 May 2021"));

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (50);
}

typedef struct
{
  QuorumWindow *window;
  const char   *text;
  gboolean      shown;
} ListWait;

static gboolean
list_shows (gpointer data)
{
  ListWait *wait = data;
  GtkWidget *list = ui_test_template_child (wait->window, QUORUM_TYPE_WINDOW, "conference_list");

  return (ui_test_find_shown_label (list, wait->text) != NULL) == wait->shown;
}

static void
wait_list (QuorumWindow *window,
           const char   *text,
           gboolean      shown)
{
  ListWait wait = { window, text, shown };
  g_autofree char *what = g_strdup_printf ("the list %s “%s”", shown ? "to show" : "not to show", text);

  ui_test_wait_until (list_shows, &wait, 10000, what);
}

/* fidel4 1: the sidebar's list of conferences named the child as signed off after the name was
 * amended, where the heading, the child's tab and the exports give the name as it stands. The
 * name and the chair amended by hand: the list gives both as they stand; its search (clicked
 * into, typed) finds the conference by the amended name, not by the one signed off. */
static void
test_list_names_as_amended (void)
{
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(QuorumStore) store = ui_test_open (path);
  QuorumConferencePage *page;
  QuorumWindow *window;
  GtkWidget *search;
  gint64 child;
  gint64 id;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  id = create_trial_record (store, &child, TRUE);
  window = ui_test_window_new (store, 1280, 900);
  page = quorum_window_get_conference_page (window);
  g_assert_true (quorum_window_open_conference (window, id, child));
  ui_test_iterate (300);
  wait_list (window, "Cara Carter", TRUE);

  amend_by_hand (page, "Name of the child Cara Carter", TRUE, "Kara Carter", "Her name is spelt with a K");
  amend_by_hand (page, "The chair", TRUE, "Jo Evans-Price", "Her full surname");
  g_assert_cmpstr (ui_test_db_answerf (path, "SELECT count(*) FROM amendment WHERE conference_id = %" G_GINT64_FORMAT, id), ==, "2");
  g_assert_cmpstr (ui_test_db_answerf (path, "SELECT name FROM child WHERE id = %" G_GINT64_FORMAT, child), ==, "Cara Carter");

  /* The list, as the heading: the name and the chair as they stand. */
  wait_list (window, "Kara Carter", TRUE);
  g_assert_null (ui_test_find_shown_label (ui_test_template_child (window, QUORUM_TYPE_WINDOW, "conference_list"), "Cara Carter"));
  wait_list (window, "Initial · 1 Dec 2026 · Chair: Jo Evans-Price", TRUE);
  ui_test_screenshot (GTK_WIDGET (window), "fidel4-list-name-as-amended");

  /* Searched for, typed into the list's search: the name as it stands finds it … */
  search = ui_test_template_child (window, QUORUM_TYPE_WINDOW, "search_entry");
  ui_test_click (search, -1, -1);
  ui_test_type ("Kara");
  ui_test_settle (500);
  wait_list (window, "Kara Carter", TRUE);
  ui_test_screenshot (GTK_WIDGET (window), "fidel4-list-search-amended-name");
  /* … the name signed off, since corrected, does not; nor the chair's name as signed off alone. */
  ui_test_key ("ctrl+a");
  ui_test_type ("Cara");
  ui_test_settle (500);
  wait_list (window, "Kara Carter", FALSE);
  ui_test_key ("ctrl+a");
  ui_test_type ("Evans-Price");
  ui_test_settle (500);
  wait_list (window, "Kara Carter", TRUE);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Opens the Amend dialog as a person does, with a click on Amend…, and returns it. */
static GtkWindow *
open_amend_by_click (QuorumWindow *window)
{
  GtkWidget *button = ui_test_find_button (GTK_WIDGET (window), GTK_TYPE_BUTTON, "A_mend…");

  g_assert_nonnull (button);
  ui_test_click (button, -1, -1);
  ui_test_wait_until (amend_dialog_drawn, NULL, 10000, "the Amend dialog");
  ui_test_iterate (200);
  return ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
}

/* A minute-taker amends on the chair's laptop, where the chair's name is kept: the Amend dialog
 * offers that name under "Amended by", the minute-taker clicks into it and writes their own, and
 * Enter records. The amendment names the minute-taker (it named the kept name, whoever typed);
 * the name kept stays the chair's, and the next amendment offers it again. A name emptied: Record
 * is off, and Enter records nothing. With no name kept, the field starts empty, and the name
 * given is kept, as every form that asks it keeps it. */
static void
test_amend_names_who_amends (void)
{
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(QuorumStore) store = ui_test_open (path);
  g_autoptr(GSettings) settings = quorum_ui_settings_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *before = NULL;
  QuorumWindow *window;
  GtkWindow *dialog;
  GtkWidget *by;
  gint64 id;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  if (quorum_store_is_shared (store))
    {
      g_test_skip ("a shared database names its own user: the Amend dialog asks no name");
      return;
    }
  /* The name kept before this case is put back after it: the cases share the settings. */
  before = g_settings_get_string (settings, "chair-name");
  g_settings_set_string (settings, "chair-name", "Margaret Hughes");
  id = create_signed_off (store);
  window = ui_test_window_new (store, 1280, 800);
  ui_test_raise_window (window);
  g_assert_true (quorum_window_open_conference (window, id, 0));
  ui_test_iterate (300);

  dialog = open_amend_by_click (window);
  by = ui_test_find_named (GTK_WIDGET (dialog), "amended-by-entry");
  g_assert_nonnull (by);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (by)), ==, "Margaret Hughes");
  g_assert_nonnull (ui_test_find_shown_label (GTK_WIDGET (dialog), "Amended by"));
  ui_test_click (ui_test_find_named (GTK_WIDGET (dialog), "change-entry"), -1, -1);
  ui_test_type ("The venue was Room 4");
  ui_test_key ("alt+h");
  ui_test_type ("Minuted wrongly");
  ui_test_click (by, -1, -1);
  ui_test_key ("ctrl+a");
  ui_test_type ("Priya Shah");
  ui_test_settle (100);
  ui_test_screenshot (GTK_WIDGET (dialog), "amend-amended-by");
  ui_test_key ("Return");
  ui_test_wait_until (amend_dialog_gone, NULL, 5000, "the Amend dialog to close");
  ui_test_iterate (200);
  {
    g_autoptr(QuorumConference) c = ui_test_load (store, id);
    QuorumAmendment *amendment;

    g_assert_cmpuint (c->amendments->len, ==, 1);
    amendment = g_ptr_array_index (c->amendments, 0);
    g_assert_cmpstr (amendment->by, ==, "Priya Shah");
    g_assert_cmpstr (amendment->change, ==, "The venue was Room 4");
  }
  kept = g_settings_get_string (settings, "chair-name");
  g_assert_cmpstr (kept, ==, "Margaret Hughes");
  g_assert_cmpstr (quorum_store_get_signer (store), ==, "Margaret Hughes");

  /* The next amendment offers the kept name again; emptied, nothing can be recorded. */
  dialog = open_amend_by_click (window);
  by = ui_test_find_named (GTK_WIDGET (dialog), "amended-by-entry");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (by)), ==, "Margaret Hughes");
  ui_test_click (ui_test_find_named (GTK_WIDGET (dialog), "change-entry"), -1, -1);
  ui_test_type ("The date was the 3rd");
  ui_test_key ("alt+h");
  ui_test_type ("Typed wrongly");
  ui_test_click (by, -1, -1);
  ui_test_key ("ctrl+a");
  ui_test_key ("BackSpace");
  ui_test_settle (100);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "amend"));
  ui_test_key ("Return");
  ui_test_settle (300);
  g_assert_nonnull (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  {
    g_autoptr(QuorumConference) c = ui_test_load (store, id);

    g_assert_cmpuint (c->amendments->len, ==, 1);
  }
  ui_test_key ("Escape");
  ui_test_wait_until (amend_dialog_gone, NULL, 5000, "the Amend dialog to close");
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (100);

  /* No name kept: the field is empty, and a name given is kept. */
  g_settings_reset (settings, "chair-name");
  quorum_store_set_signer (store, NULL);
  quorum_store_discard_drafts (store, id, "amendment", NULL);
  window = ui_test_window_new (store, 1280, 800);
  ui_test_raise_window (window);
  g_assert_true (quorum_window_open_conference (window, id, 0));
  ui_test_iterate (300);
  dialog = open_amend_by_click (window);
  by = ui_test_find_named (GTK_WIDGET (dialog), "amended-by-entry");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (by)), ==, "");
  ui_test_click (ui_test_find_named (GTK_WIDGET (dialog), "change-entry"), -1, -1);
  ui_test_type ("The chair was Ruth Okafor");
  ui_test_key ("alt+h");
  ui_test_type ("Named wrongly");
  ui_test_settle (100);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "amend"));
  ui_test_key ("alt+b");
  ui_test_type ("Sam Lee");
  ui_test_key ("Return");
  ui_test_wait_until (amend_dialog_gone, NULL, 5000, "the Amend dialog to close");
  ui_test_iterate (200);
  {
    g_autoptr(QuorumConference) c = ui_test_load (store, id);
    QuorumAmendment *amendment;

    g_assert_cmpuint (c->amendments->len, ==, 2);
    amendment = g_ptr_array_index (c->amendments, 1);
    g_assert_cmpstr (amendment->by, ==, "Sam Lee");
  }
  g_free (kept);
  kept = g_settings_get_string (settings, "chair-name");
  g_assert_cmpstr (kept, ==, "Sam Lee");

  g_settings_set_string (settings, "chair-name", before);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_no_error (error);
}

/* Trial 6, A14: an amendment in words about one child (Jayden's categories, in words) was put on
 * every sibling's rows of the CSV. The chair, showing Jayden, amends in words: About offers
 * Jayden (the child shown) among his siblings and the whole conference; recorded, the amendment
 * is about him (record "child:ID", no field) and the CSV has it on his rows only, the text
 * record says "About: Jayden Walsh". A second, about the venue, with "The whole conference"
 * clicked under About: no child, on every row. A recorded value chosen hides About (the value
 * says whose it is). */
static void
test_amend_about_child (void)
{
  const char * const children[] = { "Chloe Walsh", "Jayden Walsh", "Mason Walsh", NULL };
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(QuorumStore) store = ui_test_open (path);
  g_autoptr(GError) error = NULL;
  QuorumWindow *window;
  GtkWindow *dialog;
  GtkWidget *about;
  GtkWidget *whole;
  gint64 jayden;
  gint64 id;

  keep_a_name ();
  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  id = create_decided (store, children);
  g_assert_true (quorum_store_finalise (store, id, &error));
  g_assert_no_error (error);
  {
    g_autoptr(QuorumConference) c = ui_test_load (store, id);

    jayden = ((QuorumChild *) g_ptr_array_index (c->children, 1))->id;
  }
  window = ui_test_window_new (store, 1280, 900);
  ui_test_raise_window (window);
  g_assert_true (quorum_window_open_conference (window, id, jayden));
  ui_test_iterate (300);

  dialog = open_amend_by_click (window);
  about = ui_test_find_named (GTK_WIDGET (dialog), "about-dropdown");
  g_assert_nonnull (about);
  g_assert_true (gtk_widget_is_visible (about));
  /* The child shown, among his siblings and the whole conference. */
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (about)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (about))), ==, 4);
  ui_test_click (ui_test_find_named (GTK_WIDGET (dialog), "change-entry"), -1, -1);
  ui_test_type ("Categories: neglect only, not physical, as minuted");
  ui_test_key ("alt+h");
  ui_test_type ("Ticked by mistake");
  ui_test_settle (100);
  ui_test_screenshot (GTK_WIDGET (dialog), "amend-about-child");
  ui_test_key ("Return");
  ui_test_wait_until (amend_dialog_gone, NULL, 5000, "the Amend dialog to close");
  ui_test_iterate (200);

  /* The venue, about the whole conference: chosen under About with clicks. */
  dialog = open_amend_by_click (window);
  about = ui_test_find_named (GTK_WIDGET (dialog), "about-dropdown");
  ui_test_click (ui_test_find_named (GTK_WIDGET (dialog), "change-entry"), -1, -1);
  ui_test_type ("The venue was Room 4, not Room 3");
  ui_test_key ("alt+h");
  ui_test_type ("Minuted wrongly");
  ui_test_click (about, -1, -1);
  ui_test_settle (300);
  whole = ui_test_find_shown_label (GTK_WIDGET (about), "The whole conference");
  g_assert_nonnull (whole);
  ui_test_click (whole, -1, -1);
  ui_test_settle (300);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (about)), ==, 3);
  /* A recorded value chosen: About is not asked (the value says whose it is); back to words only,
   * it is, as chosen. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (ui_test_find_named (GTK_WIDGET (dialog), "target-dropdown")), 1);
  ui_test_iterate (100);
  g_assert_false (gtk_widget_is_visible (about));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (ui_test_find_named (GTK_WIDGET (dialog), "target-dropdown")), 0);
  ui_test_iterate (100);
  g_assert_true (gtk_widget_is_visible (about));
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (about)), ==, 3);
  ui_test_click (ui_test_find_named (GTK_WIDGET (dialog), "reason-entry"), -1, -1);
  ui_test_key ("Return");
  ui_test_wait_until (amend_dialog_gone, NULL, 5000, "the Amend dialog to close");
  ui_test_iterate (200);

  {
    g_autoptr(QuorumConference) c = ui_test_load (store, id);
    g_autofree char *about_jayden = g_strdup_printf ("child:%" G_GINT64_FORMAT, jayden);
    g_autofree char *csv = NULL;
    g_autofree char *text = NULL;
    g_auto(GStrv) lines = NULL;
    const QuorumAmendment *first;
    const QuorumAmendment *second;
    guint jayden_rows = 0;
    guint rows = 0;

    g_assert_cmpuint (c->amendments->len, ==, 2);
    first = g_ptr_array_index (c->amendments, 0);
    second = g_ptr_array_index (c->amendments, 1);
    g_assert_cmpstr (first->record, ==, about_jayden);
    g_assert_null (first->field);
    g_assert_null (first->new_value);
    g_assert_cmpstr (first->change, ==, "Categories: neglect only, not physical, as minuted");
    g_assert_null (second->record);
    g_assert_null (second->field);

    /* The CSV: the first on Jayden's rows only; the venue's on every row. */
    csv = quorum_export_csv_string (c, "Minnie Taker", NULL);
    lines = g_strsplit (csv, "\r\n", -1);
    for (guint i = 1; lines[i] != NULL && *lines[i] != '\0'; i++, rows++)
      {
        gboolean his = strstr (lines[i], ",Jayden Walsh,") != NULL;

        jayden_rows += his;
        g_assert_true ((strstr (lines[i], "neglect only, not physical") != NULL) == his);
        g_assert_nonnull (strstr (lines[i], "The venue was Room 4"));
      }
    g_assert_cmpuint (rows, ==, 12);
    g_assert_cmpuint (jayden_rows, ==, 4);

    text = quorum_export_text_string (c, NULL, "Minnie Taker", NULL);
    g_assert_true (g_regex_match_simple ("^About: +Jayden Walsh$", text, G_REGEX_MULTILINE, 0));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The object of @array (a JSON array of objects) whose "group" is @group, or NULL. */
static JsonObject *
find_by_group (JsonArray  *array,
               const char *group)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member (object, "group"), group) == 0)
        return object;
    }
  return NULL;
}

/* @text with each run of white space one space: the record's words, not its line breaks. */
static char *
squash_space (const char *text)
{
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);

  return g_regex_replace_literal (space, text, -1, 0, " ", 0, NULL);
}

/* Trial 7 (A5): Children's Social Care dissents, and its dissent's reason is its view's, word
 * for word: one spoken reason. The minute-taker types "social care, for cara" in the Amend
 * list's search (the trial's "police, for ruby") and is offered that reason once, as the
 * dissenting view's (it was offered as the view's and as the dissent's, and a correction of one
 * left the other as it was); corrected by hand, it is one amendment, and the screen and every
 * export give the corrected words for the view and for the dissent alike, the original beside
 * them. The dissent's representatives corrected: the screen's Dissent list and the record name
 * them as corrected. Opened again, the reason starts from the corrected words. */
static void
test_amend_one_spoken_reason (void)
{
  const char *wanted = "Reason of the dissenting view of Children's Social Care, for Cara Carter";
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(QuorumStore) store = ui_test_open (path);
  g_autofree char *record = NULL;
  QuorumConferencePage *page;
  QuorumChildPanel *panel;
  QuorumWindow *window;
  GtkWindow *dialog;
  GtkWidget *dropdown;
  GtkWidget *popover;
  gint64 child;
  gint64 id;

  keep_a_name ();
  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  id = create_trial_record (store, &child, TRUE);
  {
    g_autoptr(QuorumConference) c = ui_test_load (store, id);
    const QuorumDissent *dissent = find_group_dissent (c, "Children's Social Care");

    g_assert_nonnull (dissent);
    g_assert_cmpstr (dissent->reason, ==, CSC_REASON);
    record = g_strdup_printf ("vote:%" G_GINT64_FORMAT, quorum_conference_find_vote (c, child, "Children's Social Care")->id);
  }
  window = ui_test_window_new (store, 1280, 900);
  page = quorum_window_get_conference_page (window);
  g_assert_true (quorum_window_open_conference (window, id, child));
  ui_test_iterate (300);

  ui_test_click (ui_test_template_child (page, QUORUM_TYPE_CONFERENCE_PAGE, "amend_button"), -1, -1);
  ui_test_wait_until (amend_dialog_drawn, NULL, 10000, "the Amend dialog");
  dialog = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  dropdown = ui_test_find_named (GTK_WIDGET (dialog), "target-dropdown");
  ui_test_click (dropdown, -1, -1);
  ui_test_wait_until (ui_test_has_shown_popover, dropdown, 5000, "the list of recorded values to open");
  ui_test_iterate (300);
  popover = ui_test_shown_popover (dropdown);

  /* Typed as the list opens, unclicked: the search takes it. */
  {
    LabelWaits waits = { popover, wanted };

    ui_test_type ("social care, for cara");
    ui_test_wait_until (label_on_show, &waits, 5000, "the dissenting view's reason, found by \"social care, for cara\"");
    ui_test_iterate (300);
  }
  g_assert_null (ui_test_find_shown_label (popover, "Reason of the dissent of Children's Social Care, for Cara Carter"));
  g_assert_null (ui_test_find_shown_label (popover, "Reason of the view of Children's Social Care, for Cara Carter"));
  g_assert_nonnull (ui_test_find_shown_label (popover, "Representatives of the dissent of Children's Social Care, for Cara Carter"));
  ui_test_screenshot (popover, "amend-one-spoken-reason");
  /* Looked for as the dissent's, it is the same entry. */
  search_values (popover, "dissent social care reason", wanted);
  ui_test_click (ui_test_find_shown_label (popover, wanted), -1, -1);
  ui_test_wait_until (has_no_popover, dropdown, 5000, "the list to close");
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (GTK_DROP_DOWN (dropdown))), ==, wanted);
  {
    g_autofree char *prefilled =
      quorum_text_field_get_text (QUORUM_TEXT_FIELD (ui_test_find_named (GTK_WIDGET (dialog), "value-field")));

    g_assert_cmpstr (prefilled, ==, CSC_REASON);
  }
  ui_test_click (ui_test_find_named (GTK_WIDGET (dialog), "value-field"), -1, -1);
  ui_test_key ("ctrl+End");
  ui_test_key ("BackSpace");
  ui_test_type ("; one from the school.");
  ui_test_click (ui_test_find_named (GTK_WIDGET (dialog), "reason-entry"), -1, -1);
  ui_test_type ("The school referral was left out");
  ui_test_iterate (300);
  ui_test_click (ui_test_find_button (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Record Amendment"), -1, -1);
  ui_test_wait_until (amend_dialog_gone, NULL, 10000, "the Amend dialog to close");
  ui_test_iterate (300);

  {
    g_autoptr(QuorumConference) c = ui_test_load (store, id);
    g_autoptr(JsonNode) json = quorum_json_conference (c, NULL);
    JsonObject *root = json_node_get_object (json);
    JsonObject *decision = json_array_get_object_element (json_object_get_array_member (root, "decisions"), 0);
    JsonObject *vote = find_by_group (json_object_get_array_member (root, "votes"), "Children's Social Care");
    JsonObject *dissent = find_by_group (json_object_get_array_member (decision, "dissent"), "Children's Social Care");
    g_autofree char *text = quorum_export_text_string (c, NULL, "Minnie Taker", NULL);
    g_autofree char *words = squash_space (text);
    g_autofree char *csv = quorum_export_csv_string (c, "Minnie Taker", NULL);
    g_auto(GStrv) lines = g_strsplit (csv, "\r\n", -1);
    const QuorumAmendment *amendment;
    const char *section;
    guint rows = 0;

    /* One amendment, of the view's reason, which is the dissent's; both kept as signed off. */
    g_assert_cmpuint (c->amendments->len, ==, 1);
    amendment = g_ptr_array_index (c->amendments, 0);
    g_assert_cmpstr (amendment->record, ==, record);
    g_assert_cmpstr (amendment->field, ==, "reason");
    g_assert_cmpstr (amendment->old_value, ==, CSC_REASON);
    g_assert_cmpstr (amendment->new_value, ==, CSC_AMENDED);
    g_assert_nonnull (strstr (amendment->change, wanted));
    g_assert_cmpstr (quorum_conference_find_vote (c, child, "Children's Social Care")->reason, ==, CSC_REASON);
    g_assert_cmpstr (find_group_dissent (c, "Children's Social Care")->reason, ==, CSC_REASON);

    /* The JSON: the view and the dissent as they stand alike ("reason" as signed off). */
    g_assert_cmpstr (json_object_get_string_member (vote, "reason"), ==, CSC_REASON);
    g_assert_cmpstr (json_object_get_string_member (vote, "reason_now"), ==, CSC_AMENDED);
    g_assert_cmpint (json_object_get_int_member (vote, "reason_amendment"), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (dissent, "reason_now"), ==, CSC_AMENDED);
    g_assert_cmpint (json_object_get_int_member (dissent, "reason_amendment"), ==, 1);
    /* The record's Dissent section: the corrected words, then the original. */
    section = strstr (words, "Children's Social Care: Child protection plan (Neglect) Representatives: Sara Khan");
    g_assert_nonnull (section);
    g_assert_true (g_str_has_prefix (section + strlen ("Children's Social Care: Child protection plan (Neglect) "
                                                       "Representatives: Sara Khan "), CSC_AMENDED));
    g_assert_nonnull (strstr (section, "the original: " CSC_REASON));
    /* The CSV: the group's row gives the reason as it stands, the original beside it. */
    for (guint i = 1; lines[i] != NULL && *lines[i] != '\0'; i++)
      if (strstr (lines[i], ",Children's Social Care,") != NULL)
        {
          g_assert_nonnull (strstr (lines[i], "," CSC_AMENDED ","));
          g_assert_nonnull (strstr (lines[i], "\"{\"\"reason\"\":\"\"" CSC_REASON "\"\"}\""));
          rows++;
        }
    g_assert_cmpuint (rows, ==, 1);
  }

  /* The screen: the Dissent list and the group's card, alike. */
  panel = quorum_conference_page_get_child_panel (page, child);
  {
    g_autofree char *dissent = shown_text (ui_test_template_child (panel, QUORUM_TYPE_CHILD_PANEL, "dissent_list"));
    g_autofree char *card = shown_text (ui_test_card (window, child, "Children's Social Care"));

    g_assert_nonnull (strstr (dissent, "Sara Khan — “" CSC_AMENDED "”"));
    g_assert_nonnull (strstr (card, CSC_AMENDED "\nAmended after sign-off (amendment 1); the original: “" CSC_REASON "”"));
  }

  /* The dissent's representatives corrected by hand: the Dissent list and the record name them
   * as corrected, noted as the record notes an amended detail. */
  amend_by_hand (page, "Representatives of the dissent of Children's Social Care, for Cara Carter", TRUE,
                 "Sara Khan-Ellis", "Her name as she gave it");
  {
    g_autoptr(QuorumConference) c = ui_test_load (store, id);
    g_autofree char *text = quorum_export_text_string (c, NULL, "Minnie Taker", NULL);
    g_autofree char *words = squash_space (text);
    g_autofree char *dissent = NULL;
    const QuorumAmendment *amendment;

    g_assert_cmpuint (c->amendments->len, ==, 2);
    amendment = g_ptr_array_index (c->amendments, 1);
    g_assert_true (g_str_has_prefix (amendment->record, "dissent:"));
    g_assert_cmpstr (amendment->field, ==, "representatives");
    g_assert_cmpstr (amendment->old_value, ==, "Sara Khan");
    g_assert_cmpstr (amendment->new_value, ==, "Sara Khan-Ellis");
    g_assert_nonnull (strstr (words, "Representatives: Sara Khan-Ellis (amended after sign-off, amendment 2) " CSC_AMENDED));
    panel = quorum_conference_page_get_child_panel (page, child);
    dissent = shown_text (ui_test_template_child (panel, QUORUM_TYPE_CHILD_PANEL, "dissent_list"));
    g_test_message ("Dissent: %s", dissent);
    g_assert_nonnull (strstr (dissent, "Sara Khan-Ellis (amended after sign-off, amendment 2) — “" CSC_AMENDED "”"));
  }
  ui_test_scroll_into_view (GTK_WIDGET (ui_test_template_child (panel, QUORUM_TYPE_CHILD_PANEL, "dissent_list")));
  ui_test_iterate (200);
  ui_test_screenshot (GTK_WIDGET (window), "amended-dissent-names");

  /* Opened again: it starts from the words as they stand. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "conference.amend", NULL));
  ui_test_wait_until (amend_dialog_drawn, NULL, 10000, "the Amend dialog");
  dialog = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  choose_value (dialog, wanted);
  {
    g_autofree char *prefilled =
      quorum_text_field_get_text (QUORUM_TEXT_FIELD (ui_test_find_named (GTK_WIDGET (dialog), "value-field")));

    g_assert_cmpstr (prefilled, ==, CSC_AMENDED);
  }
  ui_test_respond ("cancel");
  ui_test_iterate (100);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/signoff/sign-off-and-amend", test_sign_off_and_amend);
  g_test_add_func ("/ui/signoff/amend-escape-keeps-words", test_amend_escape_keeps_words);
  g_test_add_func ("/ui/signoff/record-reads-as-export", test_record_reads_as_export);
  g_test_add_func ("/ui/signoff/amend-own-position", test_amend_own_position);
  g_test_add_func ("/ui/signoff/amend-find-and-name-values", test_amend_find_and_name_values);
  g_test_add_func ("/ui/signoff/amend-decision-categories", test_amend_decision_categories);
  g_test_add_func ("/ui/signoff/enter-signs-off", test_enter_signs_off);
  g_test_add_func ("/ui/signoff/switcher-stays-after-amendment", test_switcher_stays_after_amendment);
  g_test_add_func ("/ui/signoff/fidel4-list-names-as-amended", test_list_names_as_amended);
  g_test_add_func ("/ui/signoff/amend-names-who-amends", test_amend_names_who_amends);
  g_test_add_func ("/ui/signoff/amend-about-child", test_amend_about_child);
  g_test_add_func ("/ui/signoff/amend-one-spoken-reason", test_amend_one_spoken_reason);

  return g_test_run ();
}
