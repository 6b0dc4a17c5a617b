/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-projfit.c: the window on a meeting room's projector (trial 6, defect 4). At 1024×640
 * and 1024×768, in projector mode and out of it, and 700 px wide: the window fits the screen
 * (its minimum height and the height it is given), the chair's "Categories of abuse" breaks only
 * between words, what the chair is asked for before deciding is said under the boxes, a toast
 * never lies over the control the chair goes to next, and a chair-decides decision with dissent
 * leads to the challenge form ("Record a Challenge…", clicked as a person clicks). */

#include <string.h>

#include "test-ui-common.h"
#include "ui/quorum-text-field.h"
#include "ui/quorum-record-panel.h"

#define CSC    "Children's Social Care"
#define POLICE "Thames Valley Police"
#define NHS    "Bucks Healthcare NHS Trust"
#define SCHOOL "Chiltern Primary School"

typedef struct {
  int         width;
  int         height;
  gboolean    projector;
  const char *name;
} ProjScreen;

static const ProjScreen screens[] = {
  { 1024, 640, TRUE,  "1024x640-projector" },
  { 1024, 768, TRUE,  "1024x768-projector" },
  { 1024, 640, FALSE, "1024x640" },
  { 1024, 768, FALSE, "1024x768" },
  {  700, 640, FALSE, "700x640" },
};

static void
view (QuorumStore *store,
      gint64       conf,
      gint64       child,
      const char  *group,
      QuorumView   v,
      const char  *reason)
{
  g_autoptr(GError) error = NULL;
  QuorumVoteSpec spec = { .child_id = child, .group = group, .view = v, .reason = reason };

  g_assert_cmpint (quorum_store_record_vote (store, conf, &spec, &error), >, 0);
  g_assert_no_error (error);
}

static int
min_height (GtkWidget *widget,
            int        for_width)
{
  int min = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, for_width, &min, NULL, NULL, NULL);
  return min;
}

/* The widgets whose minimum height makes the window's, as a tree (what a failure names). */
static void
print_heights (GtkWidget *widget,
               int        depth,
               GString   *out)
{
  int min = 0;
  int width = gtk_widget_get_width (widget);
  const char *id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget));

  if (!gtk_widget_get_visible (widget) || depth > 16)
    return;
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, width > 0 ? width : -1, &min, NULL, NULL, NULL);
  if (min < 60)
    return;
  g_string_append_printf (out, "%*s%s%s%s min %d at %d (has %d)\n", depth * 2, "", G_OBJECT_TYPE_NAME (widget),
                          id && !g_str_has_prefix (id, "___") ? " #" : "", id && !g_str_has_prefix (id, "___") ? id : "",
                          min, width, gtk_widget_get_height (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    print_heights (child, depth + 1, out);
}

/* The widgets whose minimum width makes @widget's, as a tree (what a failure names). */
static void
print_widths (GtkWidget *widget,
              int        depth,
              int        over,
              GString   *out)
{
  int min = 0;
  const char *id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget));

  if (!gtk_widget_get_visible (widget) || depth > 30)
    return;
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  if (min < over)
    return;
  g_string_append_printf (out, "%*s%s%s%s min width %d (has %d)\n", depth * 2, "", G_OBJECT_TYPE_NAME (widget),
                          id && !g_str_has_prefix (id, "___") ? " #" : "", id && !g_str_has_prefix (id, "___") ? id : "",
                          min, gtk_widget_get_width (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    print_widths (child, depth + 1, over, out);
}

/* The list of conferences beside the conference folds away when the conference grows wider than
 * the room left to it: in the middle of a decision, the list vanished and the board jumped 300 px
 * left (at 700 px, the chair's reasons' "Draft · not yet recorded" beside their label, neither
 * wrapping). Counted, and the widths that did it printed. */
static void
folded_cb (GObject    *leaflet,
           GParamSpec *pspec,
           gpointer    user_data)
{
  g_autoptr(GString) tree = g_string_new (NULL);
  int *flips = user_data;

  (*flips)++;
  print_widths (GTK_WIDGET (leaflet), 0, 250, tree);
  g_printerr ("the leaflet %s:\n%s", adw_leaflet_get_folded (ADW_LEAFLET (leaflet)) ? "folded" : "unfolded", tree->str);
}

/* The window fits @screen: the height it asks at the screen's width, and the height it has. */
static void
assert_fits (QuorumWindow *window,
             const ProjScreen *screen,
             const char   *when)
{
  int asked;
  int has;

  ui_test_iterate (300);
  asked = min_height (GTK_WIDGET (window), screen->width);
  has = gtk_widget_get_height (GTK_WIDGET (window));
  g_test_message ("%s, %s: minimum height %d, allocated %d × %d", screen->name, when, asked,
                  gtk_widget_get_width (GTK_WIDGET (window)), has);
  if (asked > screen->height || has > screen->height)
    {
      g_autoptr(GString) tree = g_string_new (NULL);

      print_heights (GTK_WIDGET (window), 0, tree);
      g_printerr ("%s", tree->str);
    }
  if (asked > screen->height || has > screen->height)
    g_error ("%s, %s: the window asks %d px and has %d px, on a screen %d px high",
             screen->name, when, asked, has, screen->height);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, screen->width);
}

/* Each line of @label's layout after the first starts after a space: no word is broken. */
static void
assert_breaks_between_words (GtkWidget  *label,
                             const char *when)
{
  PangoLayout *layout = gtk_label_get_layout (GTK_LABEL (label));
  const char *text = pango_layout_get_text (layout);
  int lines = pango_layout_get_line_count (layout);

  g_assert_true (gtk_widget_get_mapped (label));
  g_test_message ("%s: “%s” in %d line(s), %d px wide", when, text, lines, gtk_widget_get_width (label));
  for (int i = 1; i < lines; i++)
    {
      PangoLayoutLine *line = pango_layout_get_line_readonly (layout, i);

      if (line->start_index == 0 || text[line->start_index - 1] != ' ')
        g_error ("%s: “%s” breaks inside a word at byte %d (line %d of %d)", when, text,
                 line->start_index, i + 1, lines);
    }
  /* Three words: three lines at the most. */
  g_assert_cmpint (lines, <=, 3);
}

/* The toast on screen, once it has come up, does not lie over @control. */
static void
assert_toast_clear_of (QuorumWindow *window,
                       GtkWidget    *control,
                       const char   *when)
{
  GtkWidget *toast = NULL;
  graphene_rect_t toast_bounds;
  graphene_rect_t bounds;

  ui_test_iterate (800);
  toast = ui_test_find_named (GTK_WIDGET (window), "toast-message");
  g_assert_nonnull (toast);
  g_assert_true (gtk_widget_get_mapped (toast));
  /* The whole toast: its message's ancestor drawn by the overlay. */
  while (gtk_widget_get_parent (toast) != NULL &&
         !g_str_equal (G_OBJECT_TYPE_NAME (toast), "AdwToastWidget"))
    toast = gtk_widget_get_parent (toast);
  g_assert_true (gtk_widget_compute_bounds (toast, GTK_WIDGET (window), &toast_bounds));
  g_assert_true (gtk_widget_get_mapped (control));
  g_assert_true (gtk_widget_compute_bounds (control, GTK_WIDGET (window), &bounds));
  g_test_message ("%s: toast %g,%g %g×%g; control %g,%g %g×%g", when,
                  toast_bounds.origin.x, toast_bounds.origin.y, toast_bounds.size.width, toast_bounds.size.height,
                  bounds.origin.x, bounds.origin.y, bounds.size.width, bounds.size.height);
  if (graphene_rect_intersection (&toast_bounds, &bounds, NULL))
    g_error ("%s: the toast lies over the control it is about", when);
  /* …and the control is still in the window, not scrolled out of it. */
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
}

static void
set_projector (QuorumWindow *window,
               gboolean      on)
{
  GVariant *state = g_action_group_get_action_state (G_ACTION_GROUP (window), "projector-mode");
  gboolean now = state != NULL && g_variant_get_boolean (state);

  g_clear_pointer (&state, g_variant_unref);
  if (now != on)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.projector-mode", NULL));
  ui_test_iterate (500);
}

/* A Buckinghamshire conference (the chair decides) whose groups' views differ, undecided. */
static gint64
views_differ (QuorumWindow *window,
              QuorumStore  *store,
              const char   *case_ref,
              gint64       *child)
{
  static const char * const children[] = { "Lily Thompson", NULL };
  QuorumAttemptSpec attempt = { .summary = "School reports improvement; police and health still concerned.",
                                .agreed = QUORUM_VIEW_NONE };
  g_autoptr(GError) error = NULL;
  gint64 conf;

  conf = ui_test_create_conference (window, children, "buckinghamshire", case_ref);
  ui_test_add_attendee (window, "Mark Evans", "Social Worker", CSC, CSC, TRUE);
  ui_test_add_attendee (window, "DS Helen Ward", "Detective Sergeant", POLICE, POLICE, TRUE);
  ui_test_add_attendee (window, "Priya Shah", "Health Visitor", NHS, NHS, TRUE);
  ui_test_add_attendee (window, "Tom Bennett", "Head Teacher", SCHOOL, SCHOOL, TRUE);
  *child = ui_test_child_id (store, conf, 0);
  attempt.child_id = *child;
  g_assert_cmpint (quorum_store_add_attempt (store, conf, &attempt, &error), >, 0);
  g_assert_no_error (error);
  view (store, conf, *child, CSC, QUORUM_VIEW_PLAN, "Neglect continues");
  view (store, conf, *child, POLICE, QUORUM_VIEW_PLAN, "Mother's drinking");
  view (store, conf, *child, NHS, QUORUM_VIEW_PLAN, "Missed dental appointments");
  view (store, conf, *child, SCHOOL, QUORUM_VIEW_NO_PLAN, "Attendance is up to 96%; the school can support her");
  quorum_conference_page_reload (quorum_window_get_conference_page (window));
  ui_test_iterate (200);
  return conf;
}

/* Every size, as the trial's chair met them: the chair's Plan, Take the Decision with no
 * category (asked under the boxes, not in a toast over them), the decision, the sign-off. */
static void
test_fits_each_screen (void)
{
  for (guint s = 0; s < G_N_ELEMENTS (screens); s++)
    {
      const ProjScreen *screen = &screens[s];
      g_autofree char *path = ui_test_db_path ();
      g_autoptr(GError) error = NULL;
      g_autoptr(QuorumStore) store = quorum_store_open (path, &error);
      g_autofree char *case_ref = g_strdup_printf ("BUCKS-FIT-%u", s);
      g_autofree char *shot = NULL;
      const char *toast_before;
      QuorumConferencePage *page;
      QuorumChildPanel *panel;
      QuorumWindow *window;
      GtkWidget *title;
      GtkWidget *error_label;
      gint64 conf;
      gint64 lily;
      int flips = 0;
      gulong folded_id;
      GtkWidget *leaflet;

      g_assert_no_error (error);
      window = ui_test_window_new (store, screen->width, screen->height);
      page = quorum_window_get_conference_page (window);
      conf = views_differ (window, store, case_ref, &lily);
      panel = quorum_conference_page_get_child_panel (page, lily);
      set_projector (window, screen->projector);
      assert_fits (window, screen, "views before the chair decides");
      leaflet = ui_test_find_type (GTK_WIDGET (window), ADW_TYPE_LEAFLET);
      folded_id = g_signal_connect (leaflet, "notify::folded", G_CALLBACK (folded_cb), &flips);

      /* The chair's Plan, then Take the Decision with no category. */
      quorum_child_panel_set_chair_view (panel, QUORUM_VIEW_PLAN, 0);
      toast_before = quorum_window_get_last_toast (window);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "child.decide", NULL));
      ui_test_iterate (300);
      g_assert_null (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
      /* Said under the boxes, not in a toast lying over them. */
      g_assert_true (quorum_window_get_last_toast (window) == toast_before);
      error_label = ui_test_find_named (GTK_WIDGET (panel), "chair-error");
      g_assert_nonnull (error_label);
      g_assert_true (gtk_widget_get_mapped (error_label));
      g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "category"));
      ui_test_scroll_into_view (ui_test_find_named (GTK_WIDGET (panel), "chair-categories-row"));
      title = ui_test_find_named (GTK_WIDGET (panel), "chair-categories-title");
      g_assert_nonnull (title);
      shot = g_strdup_printf ("projfit-%s-category", screen->name);
      ui_test_screenshot (GTK_WIDGET (window), shot);
      assert_breaks_between_words (title, screen->name);
      assert_fits (window, screen, "category asked");
      {
        g_autoptr(QuorumConference) c = ui_test_load (store, conf);

        g_assert_null (quorum_conference_find_decision (c, lily));
      }

      /* Ticked: the words under the boxes go; the decision is taken. */
      gtk_check_button_set_active (GTK_CHECK_BUTTON (ui_test_find_named (GTK_WIDGET (panel), "chair-neglect")), TRUE);
      ui_test_iterate (50);
      g_assert_false (gtk_widget_get_mapped (error_label));
      /* With the chair's reasons, required with the chair's decision (chairreason). */
      quorum_text_field_type (QUORUM_TEXT_FIELD (ui_test_find_named (GTK_WIDGET (panel), "chair-reason-field")),
                              "The school's and the health visitor's concerns outweigh the police view");
      ui_test_iterate (50);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "child.decide", NULL));
      ui_test_iterate (100);
      g_free (ui_test_confirm_decision ());
      ui_test_iterate (300);
      {
        g_autoptr(QuorumConference) c = ui_test_load (store, conf);
        QuorumDecision *d = quorum_conference_find_decision (c, lily);

        g_assert_nonnull (d);
        g_assert_cmpint (d->outcome, ==, QUORUM_VIEW_PLAN);
      }
      assert_fits (window, screen, "decided");
      g_clear_pointer (&shot, g_free);
      shot = g_strdup_printf ("projfit-%s-decided", screen->name);
      ui_test_screenshot (GTK_WIDGET (window), shot);

      /* Signed off: the banner is the header's tallest. */
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "conference.sign-off", NULL));
      ui_test_iterate (100);
      ui_test_respond_sign_off ("Rachel O'Neill");
      ui_test_iterate (300);
      assert_fits (window, screen, "signed off");
      g_clear_pointer (&shot, g_free);
      shot = g_strdup_printf ("projfit-%s-signed", screen->name);
      ui_test_screenshot (GTK_WIDGET (window), shot);

      /* Nothing in the chair's way moved the list of conferences in or out. */
      g_signal_handler_disconnect (leaflet, folded_id);
      g_assert_cmpint (flips, ==, 0);

      set_projector (window, FALSE);
      gtk_window_destroy (GTK_WINDOW (window));
      ui_test_iterate (100);
    }
}

/* The toasts the trial's chair met in projector mode at 1024×640 lay over the next control:
 * "Conference created…" over Add Attendee, a refusal over the control it names. */
static void
test_toasts_clear_of_controls (void)
{
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = quorum_store_open (path, &error);
  static const char * const children[] = { "Lily Thompson", NULL };
  QuorumConferencePage *page;
  QuorumWindow *window;
  GtkWidget *add;

  g_assert_no_error (error);
  window = ui_test_window_new (store, 1024, 640);
  page = quorum_window_get_conference_page (window);
  set_projector (window, TRUE);

  ui_test_create_conference (window, children, "buckinghamshire", "BUCKS-TOAST-1");
  g_assert_nonnull (strstr (quorum_window_get_last_toast (window), "Conference created"));
  add = ui_test_find_button (GTK_WIDGET (page), GTK_TYPE_BUTTON, "A_dd Attendee");
  g_assert_nonnull (add);
  assert_toast_clear_of (window, add, "Conference created, Add Attendee");
  assert_toast_clear_of (window, ui_test_find_named (GTK_WIDGET (page), "voting-check") ?: add,
                         "Conference created, Votes for an agency");
  ui_test_screenshot (GTK_WIDGET (window), "projfit-toast-created");

  /* A refusal: an attendee with no name. The focus goes to the name, clear of the toast. */
  quorum_window_dismiss_toast (window);
  ui_test_iterate (600);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "conference.add-attendee", NULL));
  ui_test_iterate (100);
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

    g_assert_nonnull (focus);
    if (ui_test_find_named (GTK_WIDGET (window), "toast-message") != NULL)
      assert_toast_clear_of (window, focus, "attendee refused, the focus");
  }

  set_projector (window, FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Trial 7, A7: at 1024×640 the header took 240 px of the projector's 640 (header bar buttons
 * of 44 px, the case number and the policy on two more lines), and the decision's
 * confirmation, read by the room, came in 11 px text. The details now keep to one line (all of
 * them in its tooltip), the header bar's buttons their normal size, and a dialog over the
 * projecting window takes its text sizes. Ctrl+D pressed as the chair presses it. */
static void
test_room_reads_header_and_confirmation (void)
{
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = quorum_store_open (path, &error);
  QuorumConferencePage *page;
  QuorumChildPanel *panel;
  QuorumWindow *window;
  GtkWidget *subtitle;
  GtkWidget *field;
  GtkWindow *dialog;
  GtkWidget *preview;
  graphene_rect_t bounds;
  const PangoFontDescription *font;
  gint64 conf;
  gint64 lily;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is needed to press Ctrl+D as a person does");
      return;
    }
  g_assert_no_error (error);
  window = ui_test_window_new (store, 1024, 640);
  page = quorum_window_get_conference_page (window);
  conf = views_differ (window, store, "BUCKS-ROOM-1", &lily);
  panel = quorum_conference_page_get_child_panel (page, lily);
  set_projector (window, TRUE);
  ui_test_screenshot (GTK_WIDGET (window), "projfit-room-header");

  /* The details: one line, the rest in the tooltip. */
  subtitle = ui_test_find_named (GTK_WIDGET (page), "conference-details");
  g_assert_nonnull (subtitle);
  g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (subtitle))), ==, 1);
  g_assert_null (strstr (gtk_label_get_label (GTK_LABEL (subtitle)), "BUCKS-ROOM-1"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (subtitle), "Case BUCKS-ROOM-1"));
  /* The child's panel starts within the top quarter of the screen (it started at 240 px). */
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (panel), GTK_WIDGET (window), &bounds));
  g_test_message ("the child's panel starts at %g px of 640", bounds.origin.y);
  g_assert_cmpfloat (bounds.origin.y, <=, 640 / 4);

  /* The chair's Plan, Neglect and reasons; then Ctrl+D in the reasons' field. */
  quorum_child_panel_set_chair_view (panel, QUORUM_VIEW_PLAN, 0);
  ui_test_iterate (50);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (ui_test_find_named (GTK_WIDGET (panel), "chair-neglect")), TRUE);
  field = ui_test_find_named (GTK_WIDGET (panel), "chair-reason-field");
  quorum_text_field_type (QUORUM_TEXT_FIELD (field), "The school's and the health visitor's concerns outweigh the police view");
  ui_test_scroll_into_view (field);
  ui_test_click (field, -1, -1);
  ui_test_key ("ctrl+d");
  ui_test_wait_until (ui_test_dialog_shown, NULL, 10000, "the decision's confirmation");
  dialog = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  ui_test_iterate (300);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (dialog), "projector"));
  preview = ui_test_find_named (GTK_WIDGET (dialog), "decision-preview");
  g_assert_nonnull (preview);
  font = pango_context_get_font_description (gtk_widget_get_pango_context (preview));
  g_test_message ("the confirmation's text: %d pt", pango_font_description_get_size (font) / PANGO_SCALE);
  g_assert_cmpint (pango_font_description_get_size (font), >=, 15 * PANGO_SCALE);
  ui_test_screenshot (GTK_WIDGET (dialog), "projfit-room-confirmation");
  g_free (ui_test_confirm_decision ());
  ui_test_iterate (300);
  {
    g_autoptr(QuorumConference) c = ui_test_load (store, conf);
    QuorumDecision *d = quorum_conference_find_decision (c, lily);

    g_assert_nonnull (d);
    g_assert_cmpint (d->outcome, ==, QUORUM_VIEW_PLAN);
  }

  /* Out of projector mode, the details are whole again. */
  set_projector (window, FALSE);
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (subtitle)), "Case BUCKS-ROOM-1"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The challenge is found where the chair looks after deciding: "Record a Challenge…" under
 * the dissent, clicked; the challenge form comes into view with this decision chosen, the
 * focus in it; the challenge typed there is recorded. */
static void
test_challenge_from_decision (void)
{
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = quorum_store_open (path, &error);
  QuorumConferencePage *page;
  QuorumChildPanel *panel;
  QuorumWindow *window;
  GtkWidget *button;
  GtkWidget *agency;
  GtkWidget *focus;
  GtkWidget *scroller;
  graphene_rect_t in_view;
  graphene_rect_t form;
  gint64 conf;
  gint64 lily;

  g_assert_no_error (error);
  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is needed to click as a person does");
      return;
    }
  window = ui_test_window_new (store, 1024, 640);
  page = quorum_window_get_conference_page (window);
  conf = views_differ (window, store, "BUCKS-CHAL-1", &lily);
  set_projector (window, TRUE);
  panel = quorum_conference_page_get_child_panel (page, lily);

  /* Before the decision there is nothing to challenge: no button. */
  button = ui_test_find_named (GTK_WIDGET (panel), "challenge-button");
  g_assert_nonnull (button);
  g_assert_false (gtk_widget_get_visible (button));

  quorum_child_panel_set_chair_view (panel, QUORUM_VIEW_PLAN, QUORUM_CATEGORY_NEGLECT);
  quorum_text_field_type (QUORUM_TEXT_FIELD (ui_test_find_named (GTK_WIDGET (panel), "chair-reason-field")),
                          "The school's and the health visitor's concerns outweigh the police view");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "child.decide", NULL));
  ui_test_iterate (100);
  g_free (ui_test_confirm_decision ());
  ui_test_iterate (300);
  quorum_window_dismiss_toast (window);
  ui_test_iterate (500);

  /* The attendees pane scrolled to its top: the form is far below, out of sight. */
  button = ui_test_find_named (GTK_WIDGET (panel), "challenge-button");
  g_assert_true (gtk_widget_get_visible (button));
  ui_test_scroll_into_view (button);
  ui_test_screenshot (GTK_WIDGET (window), "projfit-challenge-button");
  ui_test_click (button, -1, -1);
  ui_test_settle (600);

  agency = ui_test_find_named (GTK_WIDGET (window), "challenge-agency-dropdown");
  g_assert_nonnull (agency);
  g_assert_true (gtk_widget_get_mapped (agency));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (focus == agency || gtk_widget_is_ancestor (focus, agency));
  /* In sight in the attendees pane. */
  scroller = gtk_widget_get_ancestor (agency, GTK_TYPE_SCROLLED_WINDOW);
  g_assert_true (gtk_widget_compute_bounds (scroller, GTK_WIDGET (window), &in_view));
  g_assert_true (gtk_widget_compute_bounds (agency, GTK_WIDGET (window), &form));
  {
    GtkAdjustment *a = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

    g_test_message ("pane scrolled %g of %g (page %g)", gtk_adjustment_get_value (a), gtk_adjustment_get_upper (a),
                    gtk_adjustment_get_page_size (a));
  }
  g_test_message ("pane %g..%g, agency %g..%g", in_view.origin.y, in_view.origin.y + in_view.size.height,
                  form.origin.y, form.origin.y + form.size.height);
  g_assert_cmpfloat (form.origin.y, >=, in_view.origin.y);
  g_assert_cmpfloat (form.origin.y + form.size.height, <=, in_view.origin.y + in_view.size.height);
  ui_test_screenshot (GTK_WIDGET (window), "projfit-challenge-form");

  /* The dissenting agency (the only one offered: the school) and the rest, then Raise. */
  {
    GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (agency));

    g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), 0), ==, SCHOOL);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (agency), 0);
  }
  gtk_editable_set_text (GTK_EDITABLE (ui_test_find_named (GTK_WIDGET (window), "challenge-raised-by-entry")), "Tom Bennett");
  gtk_editable_set_text (GTK_EDITABLE (ui_test_find_named (GTK_WIDGET (window), "challenge-designated-entry")), "J. Ops Manager");
  gtk_editable_set_text (GTK_EDITABLE (ui_test_find_named (GTK_WIDGET (window), "challenge-concern-entry")), "A plan is not needed");
  g_assert_true (gtk_widget_activate_action (ui_test_find_named (GTK_WIDGET (window), "challenge-agency-dropdown"),
                                             "record.raise-challenge", NULL));
  ui_test_iterate (300);
  {
    g_autoptr(QuorumConference) c = ui_test_load (store, conf);
    QuorumChallenge *challenge;

    g_assert_cmpuint (c->challenges->len, ==, 1);
    challenge = g_ptr_array_index (c->challenges, 0);
    g_assert_cmpint (challenge->child_id, ==, lily);
    g_assert_cmpstr (challenge->agency, ==, SCHOOL);
    g_assert_cmpstr (challenge->designated_person, ==, "J. Ops Manager");
  }

  set_projector (window, FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/projfit/fits-each-screen", test_fits_each_screen);
  g_test_add_func ("/ui/projfit/toasts-clear-of-controls", test_toasts_clear_of_controls);
  g_test_add_func ("/ui/projfit/challenge-from-decision", test_challenge_from_decision);
  g_test_add_func ("/ui/projfit/room-reads-header-and-confirmation", test_room_reads_header_and_confirmation);

  return g_test_run ();
}
