/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-screenshots.c: every screen at 1280×800 and at 800×600, saved under
 * <builddir>/screenshots/ for people to look at (and for the README). Fails when a screen
 * cannot be drawn. */

#include "test-ui-common.h"

typedef struct
{
  int         width;
  int         height;
  const char *suffix;
} Size;

static const Size sizes[] = {
  { 1280, 800, "1280x800" },
  { 800, 600, "800x600" },
};

static void
shoot (GtkWidget  *widget,
       const char *screen,
       const Size *size)
{
  g_autofree char *name = g_strdup_printf ("%s-%s", screen, size->suffix);

  ui_test_screenshot (widget, name);
}

static gint64
find_conference (QuorumStore *store,
                 const char  *case_ref)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = quorum_store_list_conferences (store, case_ref, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  return ((QuorumConferenceSummary *) g_ptr_array_index (found, 0))->id;
}

static void
test_screens (gconstpointer data)
{
  const Size *size = data;
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = quorum_store_open (path, &error);
  static const char * const chair_children[] = { "Noah Green", NULL };
  QuorumConferencePage *page;
  QuorumWindow *window;
  GtkWindow *dialog;
  gint64 decided;
  gint64 live;
  gint64 chair_conf;

  g_assert_no_error (error);
  window = ui_test_window_new (store, size->width, size->height);
  page = quorum_window_get_conference_page (window);

  /* An empty database: the list offers to start or to load the demo. */
  shoot (GTK_WIDGET (window), "01-empty", size);

  /* New conference. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-conference", NULL));
  ui_test_iterate (100);
  dialog = ui_test_find_toplevel (QUORUM_TYPE_NEW_CONFERENCE_DIALOG);
  g_assert_nonnull (dialog);
  {
    static const char * const children[] = { "Amy Smith", "Ben Smith", NULL };
    quorum_new_conference_dialog_fill (QUORUM_NEW_CONFERENCE_DIALOG (dialog), children,
                                       QUORUM_KIND_INITIAL, "2026-03-02", "10:00",
                                       "Margaret Hughes (IRO)", "bolton", "BOL-2026-0031");
  }
  shoot (GTK_WIDGET (dialog), "02-new-conference", size);
  gtk_window_destroy (dialog);

  /* The demo. */
  ui_test_load_demo (window, path);
  decided = find_conference (store, "DEMO-BOL-0412");
  live = find_conference (store, "DEMO-BOL-0588");

  quorum_window_open_conference (window, decided, 0);
  shoot (GTK_WIDGET (window), "03-split-decision", size);

  quorum_conference_page_show_child (page, ui_test_child_id (store, decided, 1));
  shoot (GTK_WIDGET (window), "04-consensus-decision", size);

  /* The live vote, with the attendees pane and without it. */
  quorum_window_open_conference (window, live, 0);
  shoot (GTK_WIDGET (window), "05-live-vote", size);
  gtk_widget_activate_action (GTK_WIDGET (page), "conference.toggle-attendees", NULL);
  shoot (GTK_WIDGET (window), "06-vote-board", size);

  /* Projector mode. Its larger minimum size makes the window grow; until the X server has
   * answered, GTK warns about the short allocation, so warnings are not fatal here. */
  {
    GLogLevelFlags fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.projector-mode", NULL));
    shoot (GTK_WIDGET (window), "07-projector", size);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.projector-mode", NULL));
    ui_test_iterate (300);
    g_log_set_always_fatal (fatal);
  }

  /* A chair-decides conference that is not quorate. */
  chair_conf = ui_test_create_conference (window, chair_children, "buckinghamshire", "BUCKS-0107");
  ui_test_add_attendee (window, "Rosa Quinn", "Social Worker", "Buckinghamshire Children's Social Care", NULL, TRUE);
  ui_test_add_attendee (window, "PC Owen Hale", "Police Constable", "Thames Valley Police", NULL, TRUE);
  ui_test_add_attendee (window, "Lucy Green", "Mother", "Family", NULL, FALSE);
  {
    QuorumChildPanel *panel = quorum_conference_page_get_child_panel (page, 0);

    quorum_child_panel_fill_attempt (panel, "A plan under neglect", "Police see no risk now; social care disagrees",
                                     NULL, QUORUM_VIEW_NONE, 0);
    gtk_widget_activate_action (GTK_WIDGET (panel), "child.record-attempt", NULL);
    ui_test_iterate (50);
    quorum_vote_card_enter_reason (ui_test_card (window, ui_test_child_id (store, chair_conf, 0),
                                                 "Buckinghamshire Children's Social Care"),
                                   "Home conditions remain poor");
    quorum_vote_card_choose (ui_test_card (window, ui_test_child_id (store, chair_conf, 0),
                                           "Buckinghamshire Children's Social Care"), QUORUM_VIEW_PLAN);
    ui_test_iterate (50);
    /* Under a chair-decides profile each group's view is recorded before the chair decides. */
    quorum_vote_card_enter_reason (ui_test_card (window, ui_test_child_id (store, chair_conf, 0),
                                                 "Thames Valley Police"),
                                   "No offences disclosed; no current risk seen");
    quorum_vote_card_choose (ui_test_card (window, ui_test_child_id (store, chair_conf, 0),
                                           "Thames Valley Police"), QUORUM_VIEW_NO_PLAN);
    ui_test_iterate (50);
  }
  shoot (GTK_WIDGET (window), "08-chair-decides-inquorate", size);

  quorum_child_panel_set_chair_view (quorum_conference_page_get_child_panel (page, 0), QUORUM_VIEW_PLAN,
                                     QUORUM_CATEGORY_NEGLECT);
  quorum_text_field_type (QUORUM_TEXT_FIELD (ui_test_find_named (GTK_WIDGET (quorum_conference_page_get_child_panel (page, 0)),
                                                                 "chair-reason-field")),
                          "Neglect at night is unresolved; only a plan lets the agencies monitor it");
  gtk_widget_activate_action (GTK_WIDGET (page), "conference.decide", NULL);
  ui_test_iterate (100);
  dialog = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (ui_test_find_named (GTK_WIDGET (dialog), "reason-entry")),
                         "Health sent a written report; the decision cannot wait");
  shoot (GTK_WIDGET (dialog), "09-proceed-inquorate", size);
  ui_test_respond ("proceed");
  ui_test_iterate (100);
  /* The decision follows, confirmed, where the record allows it now. */
  if (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL)
    g_free (ui_test_confirm_decision ());

  /* Signed off, with an amendment beside the original. */
  quorum_window_open_conference (window, decided, 0);
  gtk_widget_activate_action (GTK_WIDGET (page), "conference.sign-off", NULL);
  ui_test_iterate (100);
  shoot (GTK_WIDGET (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)), "10-sign-off", size);
  ui_test_respond ("sign-off");
  gtk_widget_activate_action (GTK_WIDGET (page), "conference.amend", NULL);
  ui_test_iterate (100);
  dialog = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  gtk_editable_set_text (GTK_EDITABLE (ui_test_find_named (GTK_WIDGET (dialog), "change-entry")),
                         "The school's view was given by the deputy head, Mark Cole, not Claire Dunn");
  gtk_editable_set_text (GTK_EDITABLE (ui_test_find_named (GTK_WIDGET (dialog), "reason-entry")),
                         "Corrected at the chair's review of the minutes");
  /* The correction points at the value it corrects, kept beside it as old → new. */
  {
    GtkDropDown *dropdown = GTK_DROP_DOWN (ui_test_find_named (GTK_WIDGET (dialog), "target-dropdown"));
    GListModel *labels = gtk_drop_down_get_model (dropdown);

    for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
      if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (labels), i), "Name of the attendee Claire Dunn") == 0)
        gtk_drop_down_set_selected (dropdown, i);
    quorum_text_field_type (QUORUM_TEXT_FIELD (ui_test_find_named (GTK_WIDGET (dialog), "value-field")), "Mark Cole");
  }
  shoot (GTK_WIDGET (dialog), "10-amend", size);
  ui_test_respond ("amend");
  shoot (GTK_WIDGET (window), "11-signed-off", size);

  /* Search. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  ui_test_iterate (50);
  shoot (GTK_WIDGET (window), "12-list", size);

  /* The shortcuts window. GTK 4.8's GtkShortcutsWindow warns that one of its own labels
   * measures below zero: that warning is GTK's, so warnings are not fatal for this one. */
  {
    GLogLevelFlags fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
    g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/quorum_app/quorum/ui/help-overlay.ui");
    GtkWindow *shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));

    gtk_window_set_transient_for (shortcuts, GTK_WINDOW (window));
    gtk_window_present (shortcuts);
    ui_test_wait_until (ui_test_is_drawn, shortcuts, 10000, "the shortcuts window");
    shoot (GTK_WIDGET (shortcuts), "13-shortcuts", size);
    gtk_window_destroy (shortcuts);
    g_log_set_always_fatal (fatal);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *name = g_strdup_printf ("/ui/screenshots/%s", sizes[i].suffix);

      g_test_add_data_func (name, &sizes[i], test_screens);
    }

  return g_test_run ();
}
