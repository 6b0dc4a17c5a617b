/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-layout.c: the window works from 360 px wide: on every page (a conference open, the
 * list, the referrals with one open, the differences with one chosen and the form to raise
 * one) and in the dialogs, nothing holds it wider and no control is pushed out of it; a
 * child's long name never widens it (two lines at most, the full name in a tooltip). */

#include <string.h>

#include "test-ui-common.h"
#include "ui/quorum-difference-item.h"
#include "ui/quorum-differences-page.h"
#include "ui/quorum-referral-object.h"
#include "ui/quorum-referrals-page.h"

#define NARROW 360
#define SHORT 640   /* a phone's screen, 360 × 640 */
#define LONG_NAME "Maximilian-Alexander-Bartholomew-Fitzgerald-Montgomery-Worthington Llewellyn-Featherstonehaugh"

/* While set, GTK's warnings (a widget given less than its minimum) are failures of the
 * layout, named with the others rather than ending the test at the first. */
static GString *gtk_warnings;

static GLogWriterOutput
log_writer (GLogLevelFlags   level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  const char *domain = NULL;
  const char *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    if (g_strcmp0 (fields[i].key, "GLIB_DOMAIN") == 0)
      domain = fields[i].value;
    else if (g_strcmp0 (fields[i].key, "MESSAGE") == 0)
      message = fields[i].value;

  if (gtk_warnings != NULL && (level & G_LOG_LEVEL_WARNING) && g_strcmp0 (domain, "Gtk") == 0)
    {
      g_string_append_printf (gtk_warnings, "GTK warned: %s\n", message);
      return G_LOG_WRITER_HANDLED;
    }
  return g_log_writer_default (level, fields, n_fields, user_data);
}

static int
min_width (GtkWidget *widget)
{
  int min = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  return min;
}

/* A widget as a person reading the .ui files would name it: its type, its id in the
 * template and its text. */
static char *
describe (GtkWidget *widget)
{
  const char *id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget));
  const char *text = NULL;

  if (id != NULL && g_str_has_prefix (id, "___object_"))
    id = NULL;
  if (GTK_IS_LABEL (widget))
    text = gtk_label_get_label (GTK_LABEL (widget));
  else if (GTK_IS_BUTTON (widget))
    text = gtk_button_get_label (GTK_BUTTON (widget));
  else if (GTK_IS_EDITABLE (widget))
    text = gtk_editable_get_text (GTK_EDITABLE (widget));

  return g_strdup_printf ("%s%s%s%s%s%s", G_OBJECT_TYPE_NAME (widget),
                          id ? " #" : "", id ? id : "",
                          text && *text ? " “" : "", text && *text ? text : "", text && *text ? "”" : "");
}

/* Every widget whose own minimum width is over @limit although none of its children's is:
 * the places where the width is made, with the ancestors that carry it. */
static void
collect_too_wide (GtkWidget *widget,
                  int        limit,
                  GString   *out)
{
  gboolean child_too_wide = FALSE;
  g_autofree char *self = NULL;
  int min;

  if (!gtk_widget_get_visible (widget) || (GTK_IS_NATIVE (widget) && !GTK_IS_WINDOW (widget)))
    return;
  min = min_width (widget);
  if (min <= limit)
    return;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child) && !GTK_IS_NATIVE (child) && min_width (child) > limit)
      {
        child_too_wide = TRUE;
        collect_too_wide (child, limit, out);
      }
  if (child_too_wide)
    return;

  self = describe (widget);
  g_string_append_printf (out, "  %s: %d px, its children", self, min);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child))
      {
        g_autofree char *name = describe (child);

        g_string_append_printf (out, " [%s %d]", name, min_width (child));
      }
  g_string_append (out, "\n     in");
  for (GtkWidget *up = gtk_widget_get_parent (widget); up != NULL; up = gtk_widget_get_parent (up))
    {
      const char *id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (up));

      if ((id != NULL && !g_str_has_prefix (id, "___object_")) || GTK_IS_ROOT (up))
        {
          g_autofree char *name = describe (up);

          g_string_append_printf (out, " < %s", name);
        }
    }
  g_string_append_c (out, '\n');
}

/* Where a window's height goes: every widget of at least @floor px minimum height at the
 * width it is given, as a tree (shown with --verbose). */
static void
collect_tall (GtkWidget *widget,
              int        for_width,
              int        floor,
              int        depth,
              GString   *out)
{
  g_autofree char *name = NULL;
  int min = 0;
  int width;

  if (!gtk_widget_get_visible (widget) || (GTK_IS_NATIVE (widget) && depth > 0))
    return;
  width = gtk_widget_get_width (widget) > 0 ? gtk_widget_get_width (widget) : for_width;
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, MAX (width, min_width (widget)), &min, NULL, NULL, NULL);
  if (min < floor)
    return;

  name = describe (widget);
  g_string_append_printf (out, "%*s%s: %d px high at %d px\n", depth * 2, "", name, min, width);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_tall (child, width, floor, depth + 1, out);
}

static gboolean
is_interactive (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_DROP_DOWN (widget) ||
         GTK_IS_EDITABLE (widget) || GTK_IS_SWITCH (widget) || GTK_IS_CHECK_BUTTON (widget) ||
         GTK_IS_TEXT_VIEW (widget) || GTK_IS_LIST_BOX_ROW (widget) || GTK_IS_SCROLLED_WINDOW (widget) ||
         gtk_widget_get_focusable (widget);
}

/* Whether @widget sits in a scrolled window that scrolls along @orientation: there a person
 * scrolls to it, and the scrolled window itself is what must be inside the window. */
static gboolean
scrolls_to (GtkWidget      *widget,
            GtkOrientation  orientation)
{
  for (GtkWidget *up = gtk_widget_get_parent (widget); up != NULL; up = gtk_widget_get_parent (up))
    if (GTK_IS_SCROLLED_WINDOW (up))
      {
        GtkPolicyType hpolicy;
        GtkPolicyType vpolicy;

        gtk_scrolled_window_get_policy (GTK_SCROLLED_WINDOW (up), &hpolicy, &vpolicy);
        if ((orientation == GTK_ORIENTATION_HORIZONTAL ? hpolicy : vpolicy) != GTK_POLICY_NEVER)
          return TRUE;
      }
  return FALSE;
}

/* Every control drawn, in whole or in part, outside @window (one given less room than it
 * needs makes GTK warn: that is caught too). */
static void
collect_outside (GtkWidget *widget,
                 GtkWidget *window,
                 GString   *out)
{
  if (!gtk_widget_get_mapped (widget) || (GTK_IS_NATIVE (widget) && widget != window))
    return;

  if (widget != window && is_interactive (widget))
    {
      graphene_rect_t bounds;
      gboolean out_x;
      gboolean out_y;

      g_assert_true (gtk_widget_compute_bounds (widget, window, &bounds));
      out_x = (bounds.origin.x < -0.5 || bounds.origin.x + bounds.size.width > gtk_widget_get_width (window) + 0.5) &&
              !scrolls_to (widget, GTK_ORIENTATION_HORIZONTAL);
      out_y = (bounds.origin.y < -0.5 || bounds.origin.y + bounds.size.height > gtk_widget_get_height (window) + 0.5) &&
              !scrolls_to (widget, GTK_ORIENTATION_VERTICAL);
      if (out_x || out_y)
        {
          g_autofree char *name = describe (widget);

          g_string_append_printf (out, "  %s “%s” at x %.0f–%.0f, y %.0f–%.0f\n", name,
                                  gtk_widget_get_tooltip_text (widget) ?: "",
                                  bounds.origin.x, bounds.origin.x + bounds.size.width,
                                  bounds.origin.y, bounds.origin.y + bounds.size.height);
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_outside (child, window, out);
}

/* @window (or a dialog) at 360 px: no wider, its minimum no wider, nothing outside it. What
 * is wrong is added to @failures, so that one run names every screen at fault. */
static void
check_narrow (GtkWidget  *window,
              const char *screen,
              GString    *failures)
{
  g_autoptr(GString) wide = g_string_new (NULL);
  g_autoptr(GString) outside = g_string_new (NULL);
  g_autofree char *shot = g_strdup_printf ("narrow-%d-%s", NARROW, screen);
  GtkWidget *measured = window;
  GdkSurface *surface;
  int min_height;
  int min;

  ui_test_iterate (400);
  surface = gtk_native_get_surface (GTK_NATIVE (window));
  /* The Preferences window is libadwaita's: its content asks for 360 px, and the frame drawn
   * round a window without a compositor comes on top (not on a phone, where the window fills
   * the screen): there the content is measured. */
  if (ADW_IS_PREFERENCES_WINDOW (window))
    measured = adw_window_get_content (ADW_WINDOW (window));
  min = min_width (measured);
  gtk_widget_measure (window, GTK_ORIENTATION_VERTICAL, gdk_surface_get_width (surface), &min_height, NULL, NULL, NULL);
  g_test_message ("%s: %d×%d px, at least %d px wide (and %d px high at this width)", screen,
                  gdk_surface_get_width (surface), gdk_surface_get_height (surface), min, min_height);

  if (min > NARROW)
    {
      collect_too_wide (measured, NARROW, wide);
      g_string_append_printf (failures, "%s: the window cannot be narrower than %d px; its width is made by\n%s",
                              screen, min, wide->str);
    }
  if (min_height > SHORT)
    g_string_append_printf (failures, "%s: at %d px wide the window cannot be less than %d px high (a phone has %d)\n",
                            screen, gdk_surface_get_width (surface), min_height, SHORT);
  if (gdk_surface_get_width (surface) > NARROW + (measured != window ? 10 : 0))
    g_string_append_printf (failures, "%s: the window is %d px wide, not %d\n", screen,
                            gdk_surface_get_width (surface), NARROW);

  if (g_test_verbose ())
    {
      g_autoptr(GString) tall = g_string_new (NULL);

      collect_tall (window, NARROW, 100, 0, tall);
      g_test_message ("%s", tall->str);
    }

  collect_outside (window, window, outside);
  if (outside->len > 0)
    g_string_append_printf (failures, "%s: controls outside the window:\n%s", screen, outside->str);

  ui_test_screenshot (window, shot);
}

static GtkWidget *
find_label_with_tooltip (GtkWidget  *widget,
                         const char *tooltip)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_with_tooltip (child, tooltip);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static guint
count_labels_with_tooltip (GtkWidget  *widget,
                           const char *tooltip)
{
  guint n = GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
            g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0 &&
            pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += count_labels_with_tooltip (child, tooltip);
  return n;
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

static gboolean
referrals_loaded (gpointer data)
{
  QuorumReferralsPage *page = data;

  /* The store orders the list off the main thread: loaded is sorted. */
  return !quorum_referrals_page_get_loading (page);
}

static void
show_page (QuorumWindow *window,
           const char   *name)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", name));
  ui_test_iterate (300);
}

static void
test_narrow_and_long_names (void)
{
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = quorum_store_open (path, &error);
  g_autoptr(GString) failures = g_string_new (NULL);
  static const char * const children[] = { LONG_NAME, NULL };
  GtkWidget *title;
  QuorumWindow *window;
  GLogLevelFlags fatal;

  g_assert_no_error (error);
  window = ui_test_window_new (store, 1024, 768);
  ui_test_create_conference (window, children, "bolton", "LAYOUT-0001");
  ui_test_add_attendee (window, "Sam Social", "Social Worker", "Bolton Children's Social Care", NULL, TRUE);
  ui_test_iterate (300);

  /* The long name does not widen the window; it is shown ellipsized, whole in its tooltip, in
   * the conference's title and in the list of conferences. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 1024);
  title = find_label_with_tooltip (GTK_WIDGET (window), LONG_NAME);
  g_assert_nonnull (title);
  g_assert_cmpuint (count_labels_with_tooltip (GTK_WIDGET (window), LONG_NAME), ==, 2);

  /* Made 360 px wide, it is, and every control is within it. Until the X server has
   * answered the resize, GTK warns about a short allocation: warnings are not fatal here. */
  fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  /* A toast shown as the window shrinks keeps its wider layout in libadwaita 1.2 (its close
   * button outside it): it goes first. Toasts shown in a narrow window are checked below. */
  quorum_window_dismiss_toast (window);
  gtk_window_set_default_size (GTK_WINDOW (window), NARROW, 700);
  ui_test_iterate (800);
  check_narrow (GTK_WIDGET (window), "long-name", failures);
  if (failures->len > 0)
    g_error ("At %d px wide:\n%s", NARROW, failures->str);

  title = find_label_with_tooltip (GTK_WIDGET (window), LONG_NAME);
  g_assert_nonnull (title);
  g_assert_true (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (title))));
  g_log_set_always_fatal (fatal);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Issue 10: "the window works from 360 px wide": every page with the demo loaded, a record
 * open, a referral and a difference chosen, and the dialogs, in a window 360 px wide. */
static void
test_narrow_360 (void)
{
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = quorum_store_open (path, &error);
  g_autoptr(GString) failures = g_string_new (NULL);
  QuorumConferencePage *page;
  QuorumReferralsPage *referrals;
  QuorumDifferencesPage *differences;
  QuorumWindow *window;
  GtkWindow *dialog;
  GLogLevelFlags fatal;

  g_assert_no_error (error);
  /* Once the window is drawn, a warning of a short allocation is a failure. (As it is first
   * drawn, libadwaita 1.2's view switcher title warns at any width.) */
  fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  window = ui_test_window_new (store, NARROW, 720);
  page = quorum_window_get_conference_page (window);
  gtk_warnings = failures;

  /* Conferences: the demo's live vote, its attendees, a decided record and the list. */
  ui_test_load_demo (window, path);
  g_assert_true (quorum_window_open_conference (window, find_conference (store, "DEMO-BOL-0588"), 0));
  check_narrow (GTK_WIDGET (window), "conference", failures);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "conference.toggle-attendees", NULL));
  check_narrow (GTK_WIDGET (window), "attendees", failures);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "conference.toggle-attendees", NULL));
  g_assert_true (quorum_window_open_conference (window, find_conference (store, "DEMO-BOL-0412"), 0));
  check_narrow (GTK_WIDGET (window), "decided", failures);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-list", NULL));
  check_narrow (GTK_WIDGET (window), "list", failures);

  /* Referrals: the table, then one referral open in its pane. */
  show_page (window, "referrals");
  referrals = QUORUM_REFERRALS_PAGE (ui_test_find_type (GTK_WIDGET (window), QUORUM_TYPE_REFERRALS_PAGE));
  g_assert_nonnull (referrals);
  ui_test_wait_until (referrals_loaded, referrals, 20000, "the referrals to load");
  check_narrow (GTK_WIDGET (window), "referrals", failures);
  {
    g_autoptr(QuorumReferralObject) first = g_list_model_get_item (quorum_referrals_page_get_model (referrals), 0);

    g_assert_nonnull (first);
    g_assert_true (quorum_referrals_page_select (referrals, quorum_referral_object_get_id (first)));
  }
  check_narrow (GTK_WIDGET (window), "referral", failures);
  gtk_widget_activate_action (GTK_WIDGET (referrals), "referrals.close-pane", NULL);

  /* Differences: the list, one chosen (the one at immediate risk), the form to raise one. */
  show_page (window, "differences");
  differences = QUORUM_DIFFERENCES_PAGE (ui_test_find_type (GTK_WIDGET (window), QUORUM_TYPE_DIFFERENCES_PAGE));
  g_assert_nonnull (differences);
  quorum_differences_page_refresh (differences);
  check_narrow (GTK_WIDGET (window), "differences", failures);
  {
    g_autoptr(QuorumDifferenceItem) first = g_list_model_get_item (quorum_differences_page_get_model (differences), 0);

    g_assert_nonnull (first);
    g_assert_true (quorum_differences_page_select (differences, quorum_difference_item_get_id (first)));
  }
  check_narrow (GTK_WIDGET (window), "difference", failures);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (differences), "differences.show-raise", NULL));
  check_narrow (GTK_WIDGET (window), "raise-difference", failures);

  /* The dialogs, as narrow as the window. */
  show_page (window, "conferences");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-conference", NULL));
  ui_test_iterate (100);
  dialog = ui_test_find_toplevel (QUORUM_TYPE_NEW_CONFERENCE_DIALOG);
  g_assert_nonnull (dialog);
  gtk_window_set_default_size (dialog, NARROW, 640);
  check_narrow (GTK_WIDGET (dialog), "new-conference", failures);
  gtk_window_destroy (dialog);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL));
  ui_test_iterate (100);
  dialog = ui_test_find_toplevel (QUORUM_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (dialog);
  gtk_window_set_default_size (dialog, NARROW, 480);
  check_narrow (GTK_WIDGET (dialog), "preferences", failures);
  gtk_window_destroy (dialog);

  gtk_warnings = NULL;
  g_log_set_always_fatal (fatal);
  if (failures->len > 0)
    g_error ("At %d px wide:\n%s", NARROW, failures->str);

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
template_child (GtkWidget  *page,
                GType       type,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (page, type, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first row of a list view, as drawn. */
static GtkWidget *
first_row (GtkWidget *list_view)
{
  for (GtkWidget *child = gtk_widget_get_first_child (list_view); child; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_mapped (child) && gtk_widget_get_height (child) > 0)
      return child;
  return NULL;
}

/* At 360 px, by mouse and keyboard: the Differences list and the chosen difference come one at
 * a time, with a way back; the Referrals filters are a menu. */
static void
test_narrow_by_hand (void)
{
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = quorum_store_open (path, &error);
  g_autofree char *show = NULL;
  QuorumDifferencesPage *differences;
  QuorumReferralsPage *referrals;
  AdwLeaflet *leaflet;
  GtkWidget *list_view;
  GtkWidget *menu_button;
  QuorumWindow *window;
  GLogLevelFlags fatal;
  gint64 chosen;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool and an X display are needed to click");
      return;
    }

  g_assert_no_error (error);
  /* libadwaita 1.2's view switcher title warns as a narrow window is first drawn. */
  fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  window = ui_test_window_new (store, NARROW, 720);
  g_log_set_always_fatal (fatal);
  ui_test_load_demo (window, path);
  quorum_window_dismiss_toast (window);
  ui_test_iterate (300);
  /* The demo's conference open, alone: the header bar has the way back to the list. */
  g_assert_true (gtk_widget_get_mapped (template_child (GTK_WIDGET (window), QUORUM_TYPE_WINDOW, "back_button")));

  show_page (window, "differences");
  differences = QUORUM_DIFFERENCES_PAGE (ui_test_find_type (GTK_WIDGET (window), QUORUM_TYPE_DIFFERENCES_PAGE));
  quorum_differences_page_refresh (differences);
  ui_test_iterate (300);
  leaflet = ADW_LEAFLET (template_child (GTK_WIDGET (differences), QUORUM_TYPE_DIFFERENCES_PAGE, "leaflet"));
  list_view = template_child (GTK_WIDGET (differences), QUORUM_TYPE_DIFFERENCES_PAGE, "list_view");
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "list");

  /* A click on a difference shows it, alone, with the way back. */
  ui_test_click (first_row (list_view), -1, -1);
  ui_test_settle (300);
  chosen = quorum_differences_page_get_selected (differences);
  g_assert_cmpint (chosen, >, 0);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "detail");
  g_assert_true (gtk_widget_get_mapped (template_child (GTK_WIDGET (differences), QUORUM_TYPE_DIFFERENCES_PAGE, "detail_title")));
  g_assert_false (gtk_widget_get_mapped (list_view));

  /* Back: the list again, nothing chosen, and the same difference opens again. */
  ui_test_click (template_child (GTK_WIDGET (differences), QUORUM_TYPE_DIFFERENCES_PAGE, "back_button"), -1, -1);
  ui_test_settle (300);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "list");
  g_assert_cmpint (quorum_differences_page_get_selected (differences), ==, 0);
  ui_test_click (first_row (list_view), -1, -1);
  ui_test_settle (300);
  g_assert_cmpint (quorum_differences_page_get_selected (differences), ==, chosen);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "detail");

  /* Referrals: the five filter buttons do not fit; their menu does, and filters the same. */
  show_page (window, "referrals");
  referrals = QUORUM_REFERRALS_PAGE (ui_test_find_type (GTK_WIDGET (window), QUORUM_TYPE_REFERRALS_PAGE));
  ui_test_wait_until (referrals_loaded, referrals, 20000, "the referrals to load");
  /* The way back to the list of conferences is on their page only. */
  g_assert_false (gtk_widget_get_mapped (template_child (GTK_WIDGET (window), QUORUM_TYPE_WINDOW, "back_button")));
  menu_button = template_child (GTK_WIDGET (referrals), QUORUM_TYPE_REFERRALS_PAGE, "filter_menu_button");
  g_assert_true (gtk_widget_get_mapped (menu_button));
  g_assert_false (gtk_widget_get_mapped (gtk_widget_get_parent (find_button (GTK_WIDGET (referrals), "_Overdue"))));
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (menu_button)), ==, "All");
  ui_test_click (menu_button, -1, -1);
  ui_test_settle (300);
  ui_test_key ("o");   /* _Overdue */
  ui_test_wait_until (referrals_loaded, referrals, 20000, "the referrals to filter");
  g_object_get (referrals, "show", &show, NULL);
  g_assert_cmpstr (show, ==, "overdue");
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (menu_button)), ==, "Overdue");
  ui_test_screenshot (GTK_WIDGET (window), "narrow-360-referrals-overdue");

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_log_set_writer_func (log_writer, NULL, NULL);
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/layout/narrow-and-long-names", test_narrow_and_long_names);
  g_test_add_func ("/ui/layout/narrow-360", test_narrow_360);
  g_test_add_func ("/ui/layout/narrow-by-hand", test_narrow_by_hand);

  return g_test_run ();
}
