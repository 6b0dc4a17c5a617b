/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-refusal.c: a refused decision shows the chair the card it asks about (trial 7, A8).
 *
 * Ctrl+D with a dissenting view recorded without its reason (Housing, No plan, no reason) moved
 * the focus to Housing's reason box but scrolled only as far as the box: it stood at the top edge
 * of the view with its card's heading scrolled away, and only the toast named the group. With a
 * representative's own position missing, the toast lay over her name and her Plan. Now the card's
 * heading and the box (or the representative's row) are in view together, the card says under
 * the box what it waits for, and the toast lies clear of all of it. Driven by xdotool (Ctrl+D as
 * the chair presses it) in a window of the trial's size; asserted on the widgets' places and on
 * the database (nothing decided). */

#include "test-ui-common.h"
#include "ui/quorum-text-field.h"

#define CSC "Children's Social Care"

static char *db_path;

/* The toast's widget shown in @root, or NULL. */
static GtkWidget *
find_toast (GtkWidget *root)
{
  if (g_strcmp0 (gtk_widget_get_css_name (root), "toast") == 0 && gtk_widget_get_mapped (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_toast (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The board's scrolled window: the first one above @widget that is not a text field's own. */
static GtkWidget *
board_scroller (GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);

  while (scroller != NULL && GTK_IS_TEXT_VIEW (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller))))
    scroller = gtk_widget_get_ancestor (gtk_widget_get_parent (scroller), GTK_TYPE_SCROLLED_WINDOW);
  return scroller;
}

/* Asserts @widget (named @what) lies whole within the board's view. */
static void
assert_in_view (GtkWidget  *widget,
                const char *what)
{
  GtkWidget *scroller = board_scroller (widget);
  graphene_rect_t bounds;

  g_assert_nonnull (scroller);
  g_assert_true (gtk_widget_compute_bounds (widget, scroller, &bounds));
  g_test_message ("%s: y %.0f to %.0f in a view %d high", what, bounds.origin.y,
                  bounds.origin.y + bounds.size.height, gtk_widget_get_height (scroller));
  if (bounds.origin.y < 0 || bounds.origin.y + bounds.size.height > gtk_widget_get_height (scroller))
    g_error ("%s is not in view: y %.0f to %.0f in a view %d high", what, bounds.origin.y,
             bounds.origin.y + bounds.size.height, gtk_widget_get_height (scroller));
}

/* Asserts the toast, if one is shown, lies over none of @widget (named @what). */
static void
assert_clear_of_toast (QuorumWindow *window,
                       GtkWidget    *widget,
                       const char   *what)
{
  GtkWidget *toast = find_toast (GTK_WIDGET (window));
  graphene_rect_t a;
  graphene_rect_t b;

  if (toast == NULL)
    {
      g_test_message ("no toast shown over %s", what);
      return;
    }
  g_assert_true (gtk_widget_compute_bounds (toast, GTK_WIDGET (window), &a));
  g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (window), &b));
  g_test_message ("toast at %.0f,%.0f %.0fx%.0f; %s at %.0f,%.0f %.0fx%.0f", a.origin.x, a.origin.y,
                  a.size.width, a.size.height, what, b.origin.x, b.origin.y, b.size.width, b.size.height);
  if (graphene_rect_intersection (&a, &b, NULL))
    g_error ("the toast lies over %s", what);
}

static gboolean
dialog_open (gpointer data)
{
  return ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static void
view (QuorumStore *store,
      gint64       conf,
      gint64       child,
      const char  *group,
      QuorumView   view,
      const char  *reason)
{
  g_autoptr(GError) error = NULL;
  QuorumVoteSpec spec = { .child_id = child, .group = group, .view = view, .reason = reason,
                          .categories = view == QUORUM_VIEW_PLAN ? QUORUM_CATEGORY_NEGLECT : 0 };

  g_assert_cmpint (quorum_store_record_vote (store, conf, &spec, &error), >, 0);
  g_assert_no_error (error);
}

/* The board scrolled to its foot and the focus on @last's Plan, as after the last card's view;
 * then Ctrl+D. */
static void
press_ctrl_d_from_the_foot (QuorumWindow *window,
                            gint64        child,
                            const char   *last)
{
  QuorumVoteCard *card = ui_test_card (window, child, last);
  GtkWidget *plan = ui_test_find_button (GTK_WIDGET (card), GTK_TYPE_TOGGLE_BUTTON, "Plan");
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (board_scroller (GTK_WIDGET (card))));

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  ui_test_iterate (200);
  g_assert_nonnull (plan);
  gtk_widget_grab_focus (plan);
  ui_test_iterate (200);
  ui_test_key ("ctrl+d");
  ui_test_iterate (1000);
}

/* Trial 7, A8: Leo's board of eight groups, Housing's No plan recorded without its reason. */
static void
test_dissent_without_reason_shows_its_card (void)
{
  static const char * const groups[] = {
    CSC, "Police", "Bolton NHS FT", "Education", "Housing", "Probation", "Achieve", "GP", NULL,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = NULL;
  QuorumWindow *window;
  QuorumVoteCard *card;
  GtkWidget *heading;
  GtkWidget *box;
  GtkWidget *focus;
  GtkWidget *status;
  gint64 conf;
  gint64 child;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  store = quorum_store_open (db_path, &error);
  g_assert_no_error (error);
  conf = ui_test_make_vote_open (store, "Leo Carter", groups, FALSE, &child);
  view (store, conf, child, CSC, QUORUM_VIEW_PLAN, "Neglect of his basic needs");
  view (store, conf, child, "Police", QUORUM_VIEW_PLAN, "Domestic abuse callouts");
  view (store, conf, child, "Bolton NHS FT", QUORUM_VIEW_PLAN, "Missed health appointments");
  view (store, conf, child, "Education", QUORUM_VIEW_PLAN, "Attendance under 80%");
  view (store, conf, child, "Housing", QUORUM_VIEW_NO_PLAN, NULL);
  view (store, conf, child, "Probation", QUORUM_VIEW_NO_PLAN, "Father is compliant with his licence");
  view (store, conf, child, "Achieve", QUORUM_VIEW_NO_PLAN, "Mother engages with the service");
  view (store, conf, child, "GP", QUORUM_VIEW_PLAN, "Weight loss");

  window = ui_test_window_new (store, 1180, 775);
  g_assert_true (quorum_window_open_conference (window, conf, child));
  ui_test_iterate (400);
  ui_test_raise_window (window);

  press_ctrl_d_from_the_foot (window, child, "GP");

  /* Refused: nothing decided, the focus in Housing's reason box. */
  g_assert_false (dialog_open (NULL));
  g_assert_cmpstr (ui_test_db_answerf (db_path, "SELECT count(*) FROM decision WHERE child_id = %" G_GINT64_FORMAT, child), ==, "0");
  card = ui_test_card (window, child, "Housing");
  box = GTK_WIDGET (quorum_text_field_get_view (quorum_vote_card_get_reason_field (card)));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus == box || (focus != NULL && gtk_widget_is_ancestor (focus, box)));

  /* Whose box it is, in view with it; the card says under the box what it waits for. */
  heading = ui_test_find_shown_label (GTK_WIDGET (card), "Housing");
  g_assert_nonnull (heading);
  assert_in_view (heading, "Housing's heading");
  assert_in_view (box, "Housing's reason box");
  status = ui_test_find_named (GTK_WIDGET (card), "status-label");
  g_assert_nonnull (status);
  g_test_message ("status: %s", gtk_label_get_text (GTK_LABEL (status)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (status)), "needs its reason"));
  assert_in_view (status, "what the card says under the box");

  /* The toast says it too, clear of the card's heading, the box and the words under it. */
  g_assert_nonnull (quorum_window_get_last_toast (window));
  g_assert_nonnull (strstr (quorum_window_get_last_toast (window), "Housing"));
  assert_clear_of_toast (window, heading, "Housing's heading");
  assert_clear_of_toast (window, box, "Housing's reason box");
  assert_clear_of_toast (window, status, "what the card says under the box");
  {
    g_autofree char *path = NULL;

    /* Seen as the chair sees it: with the toast (ui_test_screenshot dismisses it first). */
    path = g_build_filename (g_getenv ("QUORUM_BUILDDIR") != NULL ? g_getenv ("QUORUM_BUILDDIR") : ".",
                             "screenshots", "refusal-dissent-reason.png", NULL);
    g_mkdir_with_parents (g_path_get_dirname (path), 0755);
    g_assert_true (quorum_ui_save_screenshot (GTK_WIDGET (window), path, NULL));
    g_test_message ("screenshot: %s", path);
  }

  /* The chair types the reason there and decides. */
  ui_test_type ("No rent arrears and the tenancy is secure");
  ui_test_key ("ctrl+Return");
  ui_test_iterate (500);
  g_assert_cmpstr (ui_test_db_answerf (db_path, "SELECT reason FROM vote WHERE grp = 'Housing' AND child_id = %" G_GINT64_FORMAT, child),
                   ==, "No rent arrears and the tenancy is secure");
  ui_test_key ("ctrl+d");
  ui_test_wait_until (dialog_open, NULL, 10000, "the decision's confirmation");
  g_free (ui_test_confirm_decision ());
  ui_test_iterate (500);
  g_assert_cmpstr (ui_test_db_answerf (db_path, "SELECT reason FROM dissent WHERE grp = 'Housing'"), ==,
                   "No rent arrears and the tenancy is secure");

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (100);
}

static gint64
attendee_id (QuorumStore *store,
             gint64       conf,
             const char  *name)
{
  g_autoptr(QuorumConference) conference = ui_test_load (store, conf);

  for (guint i = 0; i < conference->attendees->len; i++)
    {
      const QuorumAttendee *a = g_ptr_array_index (conference->attendees, i);

      if (g_strcmp0 (a->name, name) == 0)
        return a->id;
    }
  g_assert_not_reached ();
}

/* Trial 7's conference 3 (Cara Dunn): Health's Una Bell and Vic Rowe could not agree and their
 * own positions are not recorded: the toast lay over Una's name and her Plan. */
static void
test_missing_position_shows_the_row (void)
{
  static const char * const names[] = { "Sara Lee", "Tom Fry", "Una Bell", "Vic Rowe", "Wyn Ash", NULL };
  static const char * const agencies[] = { CSC, "Police", "Health", "Health", "Education", NULL };
  const char *children[] = { "Cara Dunn", NULL };
  QuorumConferenceSpec spec = {
    .kind = QUORUM_KIND_INITIAL, .chair = "Rachel Adeyemi", .profile_id = "bolton", .children = children,
  };
  QuorumAttemptSpec attempt = { .summary = "No consensus." };
  QuorumVoteSpec health = { .group = "Health", .view = QUORUM_VIEW_PLAN, .categories = QUORUM_CATEGORY_NEGLECT,
                            .reason = "r3", .members_disagreed = TRUE };
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = NULL;
  g_autofree char *row_name = NULL;
  QuorumWindow *window;
  QuorumVoteCard *card;
  GtkWidget *row;
  GtkWidget *heading;
  GtkWidget *name;
  GtkWidget *plan;
  GtkWidget *reason;
  gint64 conf;
  gint64 child;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  store = quorum_store_open (db_path, &error);
  g_assert_no_error (error);
  g_date_set_dmy (&spec.date, 2, G_DATE_DECEMBER, 2026);
  conf = quorum_store_create_conference (store, &spec, &error);
  g_assert_no_error (error);
  for (guint i = 0; names[i] != NULL; i++)
    {
      QuorumAttendeeSpec a = { .name = names[i], .agency = agencies[i], .line_management = agencies[i],
                               .voting = TRUE, .attendance = QUORUM_ATTENDANCE_PRESENT };

      g_assert_cmpint (quorum_store_add_attendee (store, conf, &a, &error), >, 0);
      g_assert_no_error (error);
    }
  child = ui_test_child_id (store, conf, 0);
  attempt.child_id = child;
  g_assert_cmpint (quorum_store_add_attempt (store, conf, &attempt, &error), >, 0);
  g_assert_no_error (error);
  view (store, conf, child, CSC, QUORUM_VIEW_PLAN, "r1");
  view (store, conf, child, "Police", QUORUM_VIEW_NO_PLAN, "r2");
  health.child_id = child;
  g_assert_cmpint (quorum_store_record_vote (store, conf, &health, &error), >, 0);
  g_assert_no_error (error);
  view (store, conf, child, "Education", QUORUM_VIEW_PLAN, "r4");

  window = ui_test_window_new (store, 1180, 775);
  g_assert_true (quorum_window_open_conference (window, conf, child));
  ui_test_iterate (400);
  ui_test_raise_window (window);

  press_ctrl_d_from_the_foot (window, child, "Education");

  /* Refused: nothing decided, the focus on Una's Plan. */
  g_assert_false (dialog_open (NULL));
  g_assert_cmpstr (ui_test_db_answerf (db_path, "SELECT count(*) FROM decision WHERE child_id = %" G_GINT64_FORMAT, child), ==, "0");
  card = ui_test_card (window, child, "Health");
  row_name = g_strdup_printf ("member-position-%" G_GINT64_FORMAT, attendee_id (store, conf, "Una Bell"));
  row = ui_test_find_named (GTK_WIDGET (card), row_name);
  g_assert_nonnull (row);
  plan = ui_test_find_named (row, "member-plan");
  reason = ui_test_find_named (row, "member-reason");
  name = ui_test_find_shown_label (row, "Una Bell");
  heading = ui_test_find_shown_label (GTK_WIDGET (card), "Health");
  g_assert_nonnull (plan);
  g_assert_nonnull (name);
  g_assert_nonnull (heading);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == plan);

  /* The card's heading and her whole row in view, and the toast over none of it. */
  assert_in_view (heading, "Health's heading");
  assert_in_view (name, "Una's name");
  assert_in_view (plan, "Una's Plan");
  assert_in_view (reason, "Una's reason");
  g_assert_nonnull (strstr (quorum_window_get_last_toast (window), "Una Bell"));
  assert_clear_of_toast (window, heading, "Health's heading");
  assert_clear_of_toast (window, name, "Una's name");
  assert_clear_of_toast (window, plan, "Una's Plan");
  assert_clear_of_toast (window, reason, "Una's reason");
  {
    g_autofree char *path = g_build_filename (g_getenv ("QUORUM_BUILDDIR") != NULL ? g_getenv ("QUORUM_BUILDDIR") : ".",
                                              "screenshots", "refusal-member-position.png", NULL);

    g_assert_true (quorum_ui_save_screenshot (GTK_WIDGET (window), path, NULL));
    g_test_message ("screenshot: %s", path);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (100);
}

int
main (int   argc,
      char *argv[])
{
  db_path = ui_test_db_path ();
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/refusal/dissent-without-reason-shows-its-card", test_dissent_without_reason_shows_its_card);
  g_test_add_func ("/ui/refusal/missing-position-shows-the-row", test_missing_position_shows_the_row);
  return g_test_run ();
}
