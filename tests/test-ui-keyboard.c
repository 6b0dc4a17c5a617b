/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-keyboard.c: the chair runs a conference by keyboard alone: what is typed is what is
 * stored, the conference shortcuts work wherever the focus is (or when there is none), focus
 * lands where the next entry goes, and a dialog that cannot be undone asks for a choice. */

#include <string.h>

#include "test-ui-common.h"

/* Types @text into @entry a character at a time, as a person typing fast does: each character
 * goes in at the cursor (replacing any selection), with only a few milliseconds between keys. */
static void
type_fast (GtkEntry   *entry,
           const char *text)
{
  GtkWidget *delegate = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (entry)));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      char ch[8] = { 0 };

      g_utf8_strncpy (ch, p, 1);
      g_signal_emit_by_name (delegate, "insert-at-cursor", ch);
      ui_test_iterate (g_random_int_range (5, 35));
    }

  /* Long enough for any completion timeout and idle to have run. */
  ui_test_iterate (600);
}

/* Presses @accel as the window would on a key press, with the focus wherever it is: through the
 * window's own shortcuts (one key event, in GTK's capture phase, before any focused widget). */
static gboolean
press (QuorumWindow *window,
       const char   *accel)
{
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accel);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  gboolean handled = FALSE;

  g_assert_nonnull (wanted);

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          g_strcmp0 (gtk_event_controller_get_name (controller), "quorum-window-shortcuts") != 0)
        continue;

      g_assert_cmpint (gtk_event_controller_get_propagation_phase (controller), ==, GTK_PHASE_CAPTURE);

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)) && !handled; j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            handled = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                    GTK_WIDGET (window),
                                                    gtk_shortcut_get_arguments (shortcut));
        }
    }

  ui_test_iterate (50);

  return handled;
}

static GtkWidget *
focus_of (QuorumWindow *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

static gboolean
focus_is_in (QuorumWindow *window,
             GtkWidget    *widget)
{
  GtkWidget *focus = focus_of (window);

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static GtkEntry *
attendee_entry (QuorumConferencePage *page,
                const char           *name)
{
  GtkWidget *entry = ui_test_find_named (GTK_WIDGET (page), name);

  g_assert_nonnull (entry);
  g_assert_true (GTK_IS_ENTRY (entry));

  return GTK_ENTRY (entry);
}

/* A structure typed quickly beside others that share its first words is stored exactly as
 * typed: suggestions never put words in the field the person did not choose. */
static void
test_typed_structure_is_stored (void)
{
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = quorum_store_open (path, &error);
  static const char * const children[] = { "Ivy Test", NULL };
  static const char * const typed[] = {
    "Bolton NHS FT Health Visiting",
    "Bolton Children's Social Care",
    "Bolton",
    "Greater Manchester Police",
  };
  QuorumConferencePage *page;
  QuorumWindow *window;
  gint64 conf;

  g_assert_no_error (error);
  window = ui_test_window_new (store, 1280, 800);
  page = quorum_window_get_conference_page (window);
  conf = ui_test_create_conference (window, children, "bolton", "UI-KBD-1");

  /* Structures that begin with the same words as the ones typed below. */
  ui_test_add_attendee (window, "Sam Social", "Social Worker", "Bolton Council",
                        "Bolton Children's Social Care Safeguarding Team", TRUE);
  ui_test_add_attendee (window, "Hana Visitor", "Health Visitor", "Bolton NHS FT",
                        "Bolton NHS FT Health Visiting Children's Social Care", TRUE);
  ui_test_add_attendee (window, "Gary Manchester", "Inspector", "GMP",
                        "Greater Manchester Police Public Protection", TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_autofree char *name = g_strdup_printf ("Typist %u", i);
      GtkEntry *group = attendee_entry (page, "group-entry");

      quorum_conference_page_fill_attendee (page, name, "Nurse", "Agency", NULL, TRUE,
                                            QUORUM_ATTENDANCE_PRESENT);
      gtk_widget_grab_focus (GTK_WIDGET (group));
      ui_test_iterate (20);
      type_fast (group, typed[i]);
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (group)), ==, typed[i]);

      /* Enter in the field adds the attendee, with the words typed. */
      g_signal_emit_by_name (group, "activate");
      ui_test_iterate (50);

      {
        g_autoptr(QuorumConference) c = ui_test_load (store, conf);
        QuorumAttendee *added = g_ptr_array_index (c->attendees, c->attendees->len - 1);

        g_assert_cmpstr (added->name, ==, name);
        g_assert_cmpstr (added->line_management, ==, typed[i]);
      }
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

static AdwViewStack *
view_stack_of (QuorumWindow *window)
{
  GtkWidget *stack = gtk_widget_get_ancestor (GTK_WIDGET (quorum_window_get_conference_page (window)),
                                              ADW_TYPE_VIEW_STACK);

  g_assert_nonnull (stack);
  return ADW_VIEW_STACK (stack);
}

/* Ctrl+Enter in a reason, as the field's own shortcut does it: stored, then on. */
static void
ctrl_enter (QuorumTextField *field)
{
  quorum_text_field_commit (field);
  g_signal_emit_by_name (field, "activate");
  ui_test_iterate (50);
}

/* The conference's keys work with the focus anywhere or nowhere (after a dialog, after a
 * record rebuilt the widget that had it), and each step leaves the focus where the next
 * entry goes: the attendee's name, the first card, the next group, the decision. */
static void
test_shortcuts_anywhere (void)
{
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = quorum_store_open (path, &error);
  static const char * const children[] = { "Jay Test", "Kit Test", NULL };
  QuorumConferencePage *page;
  QuorumChildPanel *panel;
  QuorumWindow *window;
  GtkWidget *name_entry;
  GtkWidget *outcome;
  gint64 attendee_id;
  gint64 conf;
  gint64 jay;

  g_assert_no_error (error);
  window = ui_test_window_new (store, 1280, 800);
  page = quorum_window_get_conference_page (window);
  name_entry = GTK_WIDGET (attendee_entry (page, "name-entry"));

  /* A new conference: the attendee's name is the next thing to type. */
  conf = ui_test_create_conference (window, children, "bolton", "UI-KBD-2");
  jay = ui_test_child_id (store, conf, 0);
  g_assert_true (focus_is_in (window, name_entry));

  ui_test_add_attendee (window, "Sam Social", "Social Worker", "Children's Social Care", NULL, TRUE);
  ui_test_add_attendee (window, "Pat Police", "Constable", "Police", NULL, TRUE);
  ui_test_add_attendee (window, "Hana Visitor", "Health Visitor", "NHS Trust", NULL, TRUE);
  g_assert_true (focus_is_in (window, name_entry));

  /* F9 closes the pane and takes the focus out of it; again, back into the form. */
  g_assert_true (press (window, "F9"));
  g_assert_false (gtk_widget_get_mapped (name_entry));
  g_assert_nonnull (focus_of (window));
  g_assert_false (focus_is_in (window, name_entry));
  g_assert_true (press (window, "F9"));
  g_assert_true (gtk_widget_get_mapped (name_entry));
  g_assert_true (focus_is_in (window, name_entry));

  /* No focus at all: Ctrl+T still opens the form at the name. */
  gtk_root_set_focus (GTK_ROOT (window), NULL);
  g_assert_true (press (window, "<Control>t"));
  g_assert_true (focus_is_in (window, name_entry));

  /* A correction dialog, cancelled: back to the attendee's row, and the keys still work. */
  {
    g_autoptr(QuorumConference) c = ui_test_load (store, conf);

    attendee_id = ((QuorumAttendee *) g_ptr_array_index (c->attendees, 1))->id;
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "conference.edit-attendee", "x", attendee_id));
  ui_test_iterate (50);
  ui_test_respond ("cancel");
  g_assert_true (GTK_IS_LIST_BOX_ROW (focus_of (window)));
  g_assert_true (press (window, "F9"));
  g_assert_false (gtk_widget_get_mapped (name_entry));

  /* No consensus: the focus goes to the first card of the vote. */
  panel = quorum_conference_page_get_child_panel (page, jay);
  quorum_child_panel_fill_attempt (panel, "A plan", "No agreement", NULL, QUORUM_VIEW_NONE, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "child.record-attempt", NULL));
  ui_test_iterate (50);
  g_assert_true (focus_is_in (window, GTK_WIDGET (ui_test_card (window, jay, "Children's Social Care"))));

  /* A view chosen: its reason has the focus; Ctrl+Enter stores it and goes to the next group. */
  quorum_vote_card_choose (ui_test_card (window, jay, "Children's Social Care"), QUORUM_VIEW_NO_PLAN);
  ui_test_iterate (50);
  g_assert_true (focus_is_in (window, GTK_WIDGET (quorum_vote_card_get_reason_field (ui_test_card (window, jay, "Children's Social Care")))));
  quorum_vote_card_type_reason (ui_test_card (window, jay, "Children's Social Care"), "Support is enough");
  ctrl_enter (quorum_vote_card_get_reason_field (ui_test_card (window, jay, "Children's Social Care")));
  g_assert_true (focus_is_in (window, GTK_WIDGET (ui_test_card (window, jay, "Police"))));
  {
    g_autoptr(QuorumConference) c = ui_test_load (store, conf);

    g_assert_cmpstr (quorum_conference_find_vote (c, jay, "Children's Social Care")->reason, ==, "Support is enough");
  }

  quorum_vote_card_choose (ui_test_card (window, jay, "Police"), QUORUM_VIEW_NO_PLAN);
  ui_test_iterate (50);
  quorum_vote_card_type_reason (ui_test_card (window, jay, "Police"), "No offence");
  ctrl_enter (quorum_vote_card_get_reason_field (ui_test_card (window, jay, "Police")));
  g_assert_true (focus_is_in (window, GTK_WIDGET (ui_test_card (window, jay, "NHS Trust"))));

  /* A plan: the focus stays on Plan, and Tab goes on to its first category (boardshift.md). */
  quorum_vote_card_choose (ui_test_card (window, jay, "NHS Trust"), QUORUM_VIEW_PLAN);
  ui_test_iterate (50);
  g_assert_true (GTK_IS_TOGGLE_BUTTON (focus_of (window)));
  g_assert_true (focus_is_in (window, GTK_WIDGET (ui_test_card (window, jay, "NHS Trust"))));
  quorum_vote_card_type_reason (ui_test_card (window, jay, "NHS Trust"), "Weight faltering");
  ctrl_enter (quorum_vote_card_get_reason_field (ui_test_card (window, jay, "NHS Trust")));
  g_test_message ("after the last view: %s", G_OBJECT_TYPE_NAME (focus_of (window)));

  /* Another page: the conference's keys are not for it, and do nothing there. */
  g_assert_true (press (window, "<Alt>2"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (view_stack_of (window)), ==, "referrals");
  g_assert_false (press (window, "<Control>d"));
  g_assert_true (press (window, "<Alt>3"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (view_stack_of (window)), ==, "differences");
  g_assert_true (press (window, "<Alt>1"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (view_stack_of (window)), ==, "conferences");

  /* Ctrl+D with no focus: decided, and the decision is shown, at the top, with the focus. */
  gtk_root_set_focus (GTK_ROOT (window), NULL);
  g_assert_true (press (window, "<Control>d"));
  ui_test_iterate (200);
  g_free (ui_test_confirm_decision ());
  ui_test_iterate (200);
  {
    g_autoptr(QuorumConference) c = ui_test_load (store, conf);

    g_test_message ("last toast: %s", quorum_window_get_last_toast (window));
    g_assert_nonnull (quorum_conference_find_decision (c, jay));
  }
  outcome = ui_test_find_named (GTK_WIDGET (panel), "outcome-card");
  g_assert_nonnull (outcome);
  g_assert_true (gtk_widget_get_mapped (outcome));
  g_test_message ("decision focus: %s", G_OBJECT_TYPE_NAME (focus_of (window)));
  g_assert_true (focus_is_in (window, outcome));
  {
    GtkWidget *scroller = gtk_widget_get_ancestor (outcome, GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
    graphene_rect_t bounds;

    g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, gtk_adjustment_get_lower (adjustment));
    /* The whole card is in view, below the child switcher. */
    g_assert_true (gtk_widget_compute_bounds (outcome, scroller, &bounds));
    g_assert_cmpfloat (bounds.origin.y, >=, 0);
    g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (scroller));
  }

  /* The next child by its key, with the focus still in the decision. */
  g_assert_true (press (window, "<Control>Page_Down"));
  g_assert_cmpint (quorum_conference_page_get_child_id (page), ==, ui_test_child_id (store, conf, 1));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* New Conference starts at the first child's name; in the sign-off dialog (itself the
 * deliberate choice, opened by Sign Off…) Enter is Sign Off and Escape is Cancel: Cancel as the
 * default made the chair's Enter a silent "no" (trial 4, forms4; test-ui-signoff presses them). */
static void
test_dialog_focus (void)
{
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = quorum_store_open (path, &error);
  static const char * const children[] = { "Lee Test", NULL };
  QuorumConferencePage *page;
  QuorumChildPanel *panel;
  QuorumWindow *window;
  GtkWindow *dialog;
  GtkWidget *focus;
  gint64 conf;

  g_assert_no_error (error);
  window = ui_test_window_new (store, 1280, 800);
  page = quorum_window_get_conference_page (window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-conference", NULL));
  ui_test_iterate (100);
  dialog = ui_test_find_toplevel (QUORUM_TYPE_NEW_CONFERENCE_DIALOG);
  g_assert_nonnull (dialog);
  focus = gtk_root_get_focus (GTK_ROOT (dialog));
  g_assert_nonnull (focus);
  g_assert_nonnull (gtk_widget_get_ancestor (focus, ADW_TYPE_ENTRY_ROW));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_widget_get_ancestor (focus, ADW_TYPE_ENTRY_ROW))),
                   ==, "Child 1’s _name");
  gtk_window_destroy (dialog);
  ui_test_iterate (50);

  conf = ui_test_create_conference (window, children, "bolton", "UI-KBD-3");
  ui_test_add_attendee (window, "Sam Social", "Social Worker", "Children's Social Care", NULL, TRUE);
  ui_test_add_attendee (window, "Pat Police", "Constable", "Police", NULL, TRUE);
  ui_test_add_attendee (window, "Hana Visitor", "Health Visitor", "NHS Trust", NULL, TRUE);
  panel = quorum_conference_page_get_child_panel (page, 0);
  quorum_child_panel_fill_attempt (panel, "A plan", "All agreed", NULL, QUORUM_VIEW_PLAN, QUORUM_CATEGORY_NEGLECT);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "child.record-attempt", NULL));
  ui_test_iterate (50);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "child.decide", NULL));
  ui_test_iterate (50);
  g_free (ui_test_confirm_decision ());

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "conference.sign-off", NULL));
  ui_test_iterate (100);
  dialog = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (dialog)), ==, "sign-off");
  g_assert_cmpstr (adw_message_dialog_get_close_response (ADW_MESSAGE_DIALOG (dialog)), ==, "cancel");
  g_assert_nonnull (gtk_window_get_default_widget (dialog));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (gtk_window_get_default_widget (dialog))), ==, "_Sign Off");
  ui_test_respond ("cancel");

  {
    g_autoptr(QuorumConference) c = ui_test_load (store, conf);

    g_assert_false (quorum_conference_is_finalised (c));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The structures already in the store are offered in the group entry, read when the entry is
 * first used, not as the conference opens (the first screen does not show them). */
static void
test_structures_offered_when_used (void)
{
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = quorum_store_open (path, &error);
  static const char * const children[] = { "Ivy Test", NULL };
  QuorumConferencePage *page;
  QuorumWindow *window;
  GtkEntry *group;
  GtkTreeModel *offered;
  GtkTreeIter iter;
  gboolean found = FALSE;

  g_assert_no_error (error);
  window = ui_test_window_new (store, 1280, 800);
  page = quorum_window_get_conference_page (window);
  ui_test_create_conference (window, children, "bolton", "UI-KBD-2");
  ui_test_add_attendee (window, "Sam Social", "Social Worker", "Bolton Council",
                        "Bolton Children's Social Care Safeguarding Team", TRUE);
  /* A second conference, opened with the focus in the name field: nothing read for the
   * group entry yet. */
  ui_test_create_conference (window, children, "bolton", "UI-KBD-3");
  group = attendee_entry (page, "group-entry");
  gtk_widget_grab_focus (ui_test_find_named (GTK_WIDGET (page), "name-entry"));
  quorum_conference_page_reload (page);
  ui_test_iterate (50);
  g_assert_false (focus_is_in (window, GTK_WIDGET (group)));
  offered = gtk_entry_completion_get_model (gtk_entry_get_completion (group));
  g_assert_cmpint (gtk_tree_model_iter_n_children (offered, NULL), ==, 0);

  /* The chair goes to the field: the structure recorded in the other conference is offered. */
  gtk_widget_grab_focus (GTK_WIDGET (group));
  ui_test_iterate (20);
  for (gboolean more = gtk_tree_model_get_iter_first (offered, &iter); more && !found;
       more = gtk_tree_model_iter_next (offered, &iter))
    {
      g_autofree char *name = NULL;

      gtk_tree_model_get (offered, &iter, 0, &name, -1);
      found = g_strcmp0 (name, "Bolton Children's Social Care Safeguarding Team") == 0;
    }
  g_assert_true (found);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/keyboard/typed-structure-is-stored", test_typed_structure_is_stored);
  g_test_add_func ("/ui/keyboard/shortcuts-anywhere", test_shortcuts_anywhere);
  g_test_add_func ("/ui/keyboard/dialog-focus", test_dialog_focus);
  g_test_add_func ("/ui/keyboard/structures-offered-when-used", test_structures_offered_when_used);

  return g_test_run ();
}
