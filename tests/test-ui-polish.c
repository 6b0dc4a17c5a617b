/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-polish.c: the chair's screen in a live meeting, as a person uses it: a refused reason
 * to proceed stays in its dialog; a toast never leaves a button out of reach; policy names are
 * read whole; the referrals table fits its page. */

#include <string.h>

#include "test-ui-common.h"
#include "ui/quorum-differences-page.h"
#include "ui/quorum-referral-object.h"

/* Saves @widget as @name.png under the build's screenshots folder with its toast on show
 * (ui_test_screenshot dismisses it). */
static void
screenshot_keeping_toast (GtkWidget  *widget,
                                  const char *name)
{
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  g_autofree char *path = g_build_filename (g_getenv ("QUORUM_BUILDDIR"), "screenshots", file, NULL);
  g_autoptr(GError) error = NULL;

  ui_test_iterate (100);
  g_assert_true (quorum_ui_save_screenshot (widget, path, &error));
  g_assert_no_error (error);
  g_test_message ("screenshot: %s", path);
}

/* A Bolton conference on 2 March 2026 with children's social care alone present: not quorate. */
static gint64
make_inquorate (QuorumStore *store)
{
  g_autoptr(GError) error = NULL;
  const char *children[] = { "Ivy Test", NULL };
  QuorumConferenceSpec spec = {
    .kind = QUORUM_KIND_INITIAL, .chair = "Jo Chair", .profile_id = "bolton", .children = children,
  };
  QuorumAttendeeSpec social = {
    .name = "Sam Social", .agency = "Children's Social Care", .line_management = "Children's Social Care",
    .voting = TRUE, .attendance = QUORUM_ATTENDANCE_PRESENT,
  };
  gint64 id;

  g_date_set_dmy (&spec.date, 2, G_DATE_MARCH, 2026);
  id = quorum_store_create_conference (store, &spec, &error);
  g_assert_no_error (error);
  quorum_store_add_attendee (store, id, &social, &error);
  g_assert_no_error (error);
  return id;
}

static gboolean
dialog_gone (gpointer data)
{
  return ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL;
}

#define REASON "Police sent a report; the child cannot wait"

/* A reason to proceed though inquorate, typed and confirmed before the sitting day: the store
 * refuses it. The dialog stays with the reason as typed and the refusal said in it; nothing is
 * written. On the day, Enter again records the reason as typed. (The dialog closed on the
 * refusal and the reason was lost.) */
static void
test_proceed_refused_keeps_reason (void)
{
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(QuorumStore) store = ui_test_open (path);
  g_autofree char *sql = NULL;
  g_autofree char *stored = NULL;
  QuorumConferencePage *page;
  QuorumWindow *window;
  GtkWindow *dialog;
  GtkWidget *entry;
  GtkWidget *refusal;
  gint64 conf;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  conf = make_inquorate (store);
  window = ui_test_window_new (store, 1280, 800);
  g_assert_true (quorum_window_open_conference (window, conf, 0));
  ui_test_iterate (200);
  page = quorum_window_get_conference_page (window);

  /* The day before the sitting. */
  g_setenv ("QUORUM_TODAY", "2026-03-01", TRUE);
  ui_test_click (ui_test_template_child (page, QUORUM_TYPE_CONFERENCE_PAGE, "proceed_button"), -1, -1);
  ui_test_settle (200);
  dialog = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  entry = ui_test_find_named (GTK_WIDGET (dialog), "reason-entry");
  g_assert_nonnull (entry);
  ui_test_type (REASON);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, REASON);
  ui_test_key ("Return");
  ui_test_settle (300);

  /* Refused: the same dialog, shown, the reason as typed, the refusal in it. */
  g_assert_true (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == dialog);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, REASON);
  refusal = ui_test_find_named (GTK_WIDGET (dialog), "refusal-label");
  g_assert_nonnull (refusal);
  g_assert_true (gtk_widget_get_mapped (refusal));
  g_test_message ("refused: %s", gtk_label_get_text (GTK_LABEL (refusal)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (refusal)), "2026-03-02"));
  g_assert_true (gtk_widget_has_focus (entry) || gtk_widget_is_ancestor (gtk_window_get_focus (dialog), entry));
  ui_test_screenshot (GTK_WIDGET (dialog), "polish-proceed-refused");
  sql = g_strdup_printf ("SELECT coalesce(inquorate_reason, '(none)') FROM conference WHERE id = %" G_GINT64_FORMAT, conf);
  stored = ui_test_db_sql (path, sql);
  g_assert_cmpstr (stored, ==, "(none)");

  /* The chair adds to the reason: the words go after it, not over it. */
  ui_test_type (" by phone");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, REASON " by phone");

  /* The sitting day: Enter again records the reason kept. */
  g_setenv ("QUORUM_TODAY", "2026-03-02", TRUE);
  ui_test_key ("Return");
  ui_test_wait_until (dialog_gone, NULL, 5000, "the dialog to close once recorded");
  g_free (stored);
  stored = ui_test_db_sql (path, sql);
  g_assert_cmpstr (stored, ==, REASON " by phone");
  g_unsetenv ("QUORUM_TODAY");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- toasts ---- */

/* The toast on show in @root, or NULL. */
static GtkWidget *
shown_toast (GtkWidget *root)
{
  if (g_strcmp0 (gtk_widget_get_css_name (root), "toast") == 0 && gtk_widget_get_mapped (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = shown_toast (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether the middle of @widget lies under @toast. */
static gboolean
under_toast (GtkWidget *widget,
             GtkWidget *toast)
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (widget));
  graphene_point_t middle = GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0);
  graphene_point_t out;
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_point (widget, window, &middle, &out));
  g_assert_true (gtk_widget_compute_bounds (toast, window, &bounds));
  return graphene_rect_contains_point (&bounds, &out);
}

/* Turns the mouse wheel down over @widget, @clicks notches, as a person scrolls to the end. */
static void
wheel_down (GtkWidget *widget,
            int        clicks)
{
#ifdef GDK_WINDOWING_X11
  GtkNative *native = gtk_widget_get_native (widget);
  graphene_point_t middle = GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0);
  graphene_point_t out;
  double dx = 0;
  double dy = 0;
  g_autofree char *repeat = g_strdup_printf ("%d", clicks);

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native), &middle, &out));
  gtk_native_get_surface_transform (native, &dx, &dy);
  {
    const char * const wheel[] = { "click", "--repeat", repeat, "--delay", "20", "5", NULL };

    /* --sync unless the pointer is there already (xdotool would wait 15 s for it to move). */
    ui_test_move_and (gtk_native_get_surface (native), (int) (out.x + dx), (int) (out.y + dy), wheel);
  }
  ui_test_iterate (300);
#else
  g_assert_not_reached ();
#endif
}

/* The attendee button named @prefix-ID, on show in @root, or NULL. */
static GtkWidget *
attendee_button (GtkWidget  *root,
                 const char *prefix,
                 gint64      id)
{
  g_autofree char *name = g_strdup_printf ("%s-%" G_GINT64_FORMAT, prefix, id);
  GtkWidget *button = ui_test_find_named (root, name);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));
  return button;
}

/* A toast at the bottom of the window lay over the last buttons of a page, even scrolled to its
 * end: the chair could not click them while it showed. The chair records one attendee leaving
 * (a toast says it), scrolls the attendees to their end with the wheel and records the last
 * one leaving, the toast still showing: the button is clear of it and the departure is
 * recorded. (The click met the toast, and nothing was recorded.) */
static void
test_toast_leaves_last_button_clear (void)
{
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(QuorumStore) store = ui_test_open (path);
  static const char * const agencies[] = {
    "Children's Social Care", "Police", "NHS Trust", "St Mary's School", "Housing", "Probation",
    "Women's Aid", NULL,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumConference) conference = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *left = NULL;
  const char *children[] = { "Toby Test", NULL };
  QuorumConferenceSpec spec = {
    .kind = QUORUM_KIND_INITIAL, .chair = "Jo Chair", .profile_id = "bolton", .children = children,
  };
  QuorumConferencePage *page;
  QuorumWindow *window;
  GtkWidget *button;
  GtkWidget *toast;
  GtkWidget *pane;
  gint64 last_but_one;
  gint64 last;
  gint64 conf;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  g_date_set_dmy (&spec.date, 2, G_DATE_MARCH, 2026);
  conf = quorum_store_create_conference (store, &spec, &error);
  g_assert_no_error (error);
  for (guint i = 0; agencies[i] != NULL; i++)
    {
      QuorumAttendeeSpec attendee = {
        .name = agencies[i], .role = "Representative", .agency = agencies[i], .line_management = agencies[i],
        .voting = TRUE, .attendance = QUORUM_ATTENDANCE_PRESENT,
      };

      quorum_store_add_attendee (store, conf, &attendee, &error);
      g_assert_no_error (error);
    }
  conference = ui_test_load (store, conf);
  last_but_one = ((QuorumAttendee *) g_ptr_array_index (conference->attendees, 5))->id;
  last = ((QuorumAttendee *) g_ptr_array_index (conference->attendees, 6))->id;

  window = ui_test_window_new (store, 1280, 800);
  g_assert_true (quorum_window_open_conference (window, conf, 0));
  ui_test_iterate (300);
  page = quorum_window_get_conference_page (window);
  pane = gtk_widget_get_ancestor (ui_test_template_child (page, QUORUM_TYPE_CONFERENCE_PAGE, "attendees_list"),
                                  GTK_TYPE_SCROLLED_WINDOW);

  /* Probation leaves: recorded, and said in a toast. */
  wheel_down (pane, 25);
  ui_test_click (attendee_button (pane, "leave-button", last_but_one), -1, -1);
  g_assert_nonnull (shown_toast (GTK_WIDGET (window)));
  g_test_message ("toast: %s", quorum_window_get_last_toast (window));

  /* Women's Aid leaves, the last row at the attendees' end, the toast still showing. */
  wheel_down (pane, 25);
  button = attendee_button (pane, "leave-button", last);
  toast = shown_toast (GTK_WIDGET (window));
  g_assert_nonnull (toast);
  screenshot_keeping_toast (GTK_WIDGET (window), "polish-toast-attendees-end");
  g_test_message ("the last Left button is %s the toast", under_toast (button, toast) ? "under" : "clear of");
  ui_test_click (button, -1, -1);

  sql = g_strdup_printf ("SELECT count(*) FROM attendance_event WHERE attendee_id = %" G_GINT64_FORMAT
                         " AND event = 'left'", last);
  left = ui_test_db_sql (path, sql);
  g_assert_cmpstr (left, ==, "1");

  /* In projector mode the text is larger, the toast too: so is the room kept for it. Housing
   * leaves (a toast); at the attendees' end the last buttons are clear of the toast. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.projector-mode", NULL));
  ui_test_iterate (500);
  wheel_down (pane, 40);
  ui_test_click (attendee_button (pane, "leave-button", ((QuorumAttendee *) g_ptr_array_index (conference->attendees, 4))->id),
                 -1, -1);
  wheel_down (pane, 40);
  toast = shown_toast (GTK_WIDGET (window));
  g_assert_nonnull (toast);
  button = attendee_button (pane, "leave-button", ((QuorumAttendee *) g_ptr_array_index (conference->attendees, 3))->id);
  screenshot_keeping_toast (GTK_WIDGET (window), "polish-toast-attendees-end-projector");
  g_assert_false (under_toast (button, toast));
  g_assert_false (under_toast (attendee_button (pane, "arrive-button", ((QuorumAttendee *) g_ptr_array_index (conference->attendees, 3))->id),
                               toast));
  /* Left as found: the setting outlives the window, for the tests after this one. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.projector-mode", NULL));
  ui_test_iterate (200);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- policy names ---- */

/* Fails the test when a label shown under @root is cut short ("Bolton: resolution of pr…"). */
static void
assert_nothing_cut (GtkWidget  *root,
                    const char *where)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (root))))
    g_error ("%s: \"%s\" is cut short", where, gtk_label_get_text (GTK_LABEL (root)));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    assert_nothing_cut (child, where);
}

/* @chooser (a policy's combo row or drop-down) with the profile @id chosen: the chosen name is
 * shown whole, or by its short name, never cut; its list, opened with a click as a person opens
 * it, shows every policy's whole name. Screenshots as @name and @name-list. */
static void
check_policy_chooser (GtkWidget  *chooser,
                      const char *id,
                      gboolean    whole_in_list_only,
                      const char *name)
{
  g_autoptr(GPtrArray) profiles = quorum_profiles_load_all (NULL);
  g_autofree char *list_name = g_strconcat (name, "-list", NULL);
  GtkWidget *popover;
  gboolean chosen_shown = FALSE;

  g_assert_nonnull (profiles);
  for (guint i = 0; i < profiles->len; i++)
    {
      QuorumProfile *profile = g_ptr_array_index (profiles, i);
      g_autofree char *short_name = quorum_profile_dup_short_name (profile);

      if (g_strcmp0 (profile->id, id) != 0)
        continue;
      chosen_shown = ui_test_find_shown_label (chooser, short_name) != NULL ||
                     (!whole_in_list_only && ui_test_find_shown_label (chooser, profile->name) != NULL);
      g_test_message ("%s shows %s", name, ui_test_find_shown_label (chooser, profile->name) != NULL
                                           ? profile->name : short_name);
    }
  g_assert_true (chosen_shown);
  assert_nothing_cut (chooser, name);
  ui_test_screenshot (GTK_WIDGET (gtk_widget_get_root (chooser)), name);

  ui_test_click (chooser, -1, -1);
  ui_test_wait_until (ui_test_has_shown_popover, chooser, 5000, "the policies' list to open");
  ui_test_iterate (300);
  popover = ui_test_shown_popover (chooser);
  /* The list may scroll: the first three at least are on show, each by its whole name. */
  for (guint i = 0; i < 3; i++)
    g_assert_nonnull (ui_test_find_shown_label (popover, ((QuorumProfile *) g_ptr_array_index (profiles, i))->name));
  assert_nothing_cut (popover, list_name);
  ui_test_screenshot (popover, list_name);
  ui_test_key ("Escape");
  ui_test_settle (200);
}

/* The policy is chosen from drop-downs that cut its name short ("Bolton: resolution of pr…",
 * in the list too): the New Conference form, the form to raise a difference and the
 * Differences filter now show the chosen one whole where there is room, else by its short name
 * ("Buckinghamshire"), and every name whole in their lists. */
static void
test_policy_names_whole (void)
{
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(QuorumStore) store = ui_test_open (path);
  QuorumDifferencesPage *differences;
  QuorumWindow *window;
  GtkWindow *dialog;
  GtkWidget *row;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  window = ui_test_window_new (store, 1280, 800);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-conference", NULL));
  ui_test_iterate (300);
  dialog = ui_test_find_toplevel (QUORUM_TYPE_NEW_CONFERENCE_DIALOG);
  g_assert_nonnull (dialog);
  row = ui_test_template_child (dialog, QUORUM_TYPE_NEW_CONFERENCE_DIALOG, "profile_row");
  check_policy_chooser (row, "bolton", FALSE, "polish-policy-new-conference-bolton");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 2);
  ui_test_iterate (200);
  check_policy_chooser (row, "buckinghamshire", FALSE, "polish-policy-new-conference-buckinghamshire");
  gtk_window_destroy (dialog);

  ui_test_show_page (window, "differences");
  differences = QUORUM_DIFFERENCES_PAGE (ui_test_find_type (GTK_WIDGET (window), QUORUM_TYPE_DIFFERENCES_PAGE));
  quorum_differences_page_refresh (differences);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (differences), "differences.show-raise", NULL));
  ui_test_iterate (300);
  row = ui_test_template_child (differences, QUORUM_TYPE_DIFFERENCES_PAGE, "profile_row");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 2);
  ui_test_iterate (200);
  check_policy_chooser (row, "buckinghamshire", FALSE, "polish-policy-raise");
  row = ui_test_template_child (differences, QUORUM_TYPE_DIFFERENCES_PAGE, "profile_dropdown");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (row), 2);  /* bradford, after All policies */
  ui_test_iterate (200);
  check_policy_chooser (row, "bradford", TRUE, "polish-policy-filter");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- the referrals table ---- */

/* How far the referrals table reaches past its page's width, in pixels (0: it fits). */
static double
table_overflow (QuorumReferralsPage *page)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (ui_test_template_child (page, QUORUM_TYPE_REFERRALS_PAGE, "column_view"),
                                                GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller));

  return gtk_adjustment_get_upper (h) - gtk_adjustment_get_page_size (h);
}

static guint
shown_columns (QuorumReferralsPage *page)
{
  GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (ui_test_template_child (page, QUORUM_TYPE_REFERRALS_PAGE,
                                                                                                "column_view")));
  guint shown = 0;

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      shown += gtk_column_view_column_get_visible (column);
    }
  return shown;
}

/* A cell's text cut short is whole in its tooltip. */
static void
assert_cut_cells_have_tooltips (GtkWidget *root)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (root))))
    g_assert_cmpstr (gtk_widget_get_tooltip_text (root), ==, gtk_label_get_text (GTK_LABEL (root)));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    assert_cut_cells_have_tooltips (child);
}

/* The referrals table at the default size (1280 × 800), with a referral's pane open beside it,
 * at a laptop's 1024 × 768 and at 800 × 600: the table fits, no sideways scrolling, every
 * column at the default size, the least needed left out where there is no room (the pane says
 * them again); a name cut short is whole in its tooltip. (Its columns had fixed widths, wider
 * together than the page beside the pane: it scrolled sideways by 181 px at 1280 × 800.) */
static void
test_referrals_table_fits (void)
{
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(QuorumStore) store = ui_test_open (path);
  static const int sizes[][2] = { { 1280, 800 }, { 1024, 768 }, { 800, 600 } };
  QuorumReferralsPage *page;
  QuorumWindow *window;

  window = ui_test_window_new (store, 1280, 800);
  ui_test_load_demo (window, path);
  page = ui_test_show_referrals (window);
  ui_test_wait_until (ui_test_referrals_loaded, page, 20000, "the referrals to load");

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *name = g_strdup_printf ("polish-referrals-%d", sizes[i][0]);
      g_autofree char *open_name = g_strdup_printf ("polish-referrals-%d-pane", sizes[i][0]);
      g_autoptr(QuorumReferralObject) first = NULL;

      gtk_window_set_default_size (GTK_WINDOW (window), sizes[i][0], sizes[i][1]);
      ui_test_iterate (500);
      ui_test_screenshot (GTK_WIDGET (window), name);
      g_test_message ("%d px: the table reaches %.0f px past its page", sizes[i][0], table_overflow (page));
      g_assert_cmpfloat (table_overflow (page), <=, 0);

      first = g_list_model_get_item (quorum_referrals_page_get_model (page), 0);
      g_assert_true (quorum_referrals_page_select (page, quorum_referral_object_get_id (first)));
      ui_test_iterate (500);
      ui_test_screenshot (GTK_WIDGET (window), open_name);
      g_test_message ("%d px, pane open: the table reaches %.0f px past its page, %u columns shown",
                      sizes[i][0], table_overflow (page), shown_columns (page));
      g_assert_cmpfloat (table_overflow (page), <=, 0);
      /* All nine beside the pane at the default size; at least status, child, the deadlines and
       * the outcome on a laptop's screen (the pane says the rest). */
      g_assert_cmpuint (shown_columns (page), >=, sizes[i][0] == 1280 ? 9 : sizes[i][0] >= 1024 ? 6 : 4);
      assert_cut_cells_have_tooltips (ui_test_template_child (page, QUORUM_TYPE_REFERRALS_PAGE, "column_view"));
      gtk_widget_activate_action (GTK_WIDGET (page), "referrals.close-pane", NULL);
      ui_test_iterate (500);
      /* The pane closed: the columns left out come back, where there is room for them all. */
      g_assert_cmpfloat (table_overflow (page), <=, 0);
      if (sizes[i][0] >= 1024)
        g_assert_cmpuint (shown_columns (page), ==, 9);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);
  g_test_add_func ("/ui/polish/proceed-refused-keeps-reason", test_proceed_refused_keeps_reason);
  g_test_add_func ("/ui/polish/toast-leaves-last-button-clear", test_toast_leaves_last_button_clear);
  g_test_add_func ("/ui/polish/policy-names-whole", test_policy_names_whole);
  g_test_add_func ("/ui/polish/referrals-table-fits", test_referrals_table_fits);
  return g_test_run ();
}
