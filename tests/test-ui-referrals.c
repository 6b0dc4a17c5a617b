/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-referrals.c: the Head of Service's referrals page in a real window under Xvfb: due
 * dates around bank holidays, overdue marks as of chosen dates, filters, search and sorting,
 * recording the notification and the panel's outcome through the page's actions (and what the
 * store then holds), refusals, opening a referral's conference, the chart, and screenshots. */

#include <math.h>

#include "test-ui-common.h"
#include "ui/quorum-draft.h"
#include "store/quorum-store-life.h"
#include "store/quorum-store-report.h"
#include "ui/quorum-referral-list.h"
#include "ui/quorum-referral-object.h"
#include "ui/quorum-referrals-chart.h"
#include "ui/quorum-referrals-page.h"

typedef struct
{
  QuorumStore         *chair;       /* the chairs' record: the split decisions */
  QuorumStore         *store;       /* the Head of Service's, the window's (SQLite: the same) */
  QuorumWindow        *window;
  QuorumReferralsPage *page;
  gint64               plain;       /* Mon 2026-11-16 → due Mon 2026-11-23 */
  gint64               xmas;        /* Thu 2026-12-24 → due Tue 2027-01-05 */
  gint64               easter;      /* Thu 2027-03-25 → due Mon 2027-04-05 */
  gint64               xmas_conference;
  const char          *path;        /* the database */
} Fixture;

static Fixture fx;

/* ---- building split votes through the store ---- */

static gint64
make_split (QuorumStore *store,
            const char  *date,
            const char  *child,
            const char  *chair,
            gint64      *conference_out)
{
  static const char *groups[] = { "Children's Social Care", "Education", "Police", "NHS Trust" };
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumOutcome) outcome = NULL;
  const char *children[] = { child, NULL };
  QuorumConferenceSpec spec = { .kind = QUORUM_KIND_REVIEW, .chair = chair, .children = children };
  QuorumAttemptSpec attempt = { .summary = "Views differ on the risk of neglect", .agreed = QUORUM_VIEW_NONE };
  gint64 conference;
  gint64 child_id;
  gint64 plan_id = 0;
  gint64 referral_id = 0;

  g_assert_true (quorum_date_parse (date, "date", &spec.date, NULL));
  conference = quorum_store_create_conference (store, &spec, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      QuorumAttendeeSpec a = { .name = groups[i], .agency = groups[i], .line_management = groups[i],
                               .voting = TRUE, .attendance = QUORUM_ATTENDANCE_PRESENT };

      quorum_store_add_attendee (store, conference, &a, &error);
      g_assert_no_error (error);
    }

  child_id = ui_test_child_id (store, conference, 0);
  attempt.child_id = child_id;
  quorum_store_add_attempt (store, conference, &attempt, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      QuorumVoteSpec vote = { .child_id = child_id, .group = groups[i],
                              .view = i < 2 ? QUORUM_VIEW_PLAN : QUORUM_VIEW_NO_PLAN,
                              .categories = i < 2 ? QUORUM_CATEGORY_NEGLECT : 0,
                              .reason = i < 2 ? NULL : "No concerns seen" };

      quorum_store_record_vote (store, conference, &vote, &error);
      g_assert_no_error (error);
    }

  outcome = quorum_store_decide (store, conference, child_id, QUORUM_VIEW_NONE, 0, &plan_id, &referral_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (outcome->basis, ==, QUORUM_BASIS_SPLIT);
  g_assert_cmpint (referral_id, >, 0);

  if (conference_out != NULL)
    *conference_out = conference;
  return referral_id;
}

/* The Head of Service's own store on @path's database (on PostgreSQL their login, in that role
 * alone; a SQLite file is one person's). */
static QuorumStore *
open_as_head_of_service (const char *path)
{
  g_autofree char *location = ui_test_db_as (path, UI_TEST_HEAD_OF_SERVICE);
  QuorumStore *store = ui_test_open (location);

  if (ui_test_is_postgres ())
    g_assert_cmpint (quorum_store_get_roles (store, NULL), ==, QUORUM_STORE_ROLE_HEAD_OF_SERVICE);
  return store;
}

/* @n referrals generated in @path's database, with their notifications and panels: made by the
 * server's superuser on PostgreSQL (test data, as an administrator would load it: a chair may
 * not record the Head of Service's part). */
static void
generate (const char  *path,
          guint        n,
          const GDate *until,
          guint        seed)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *admin = ui_test_db_admin (path);
  g_autoptr(QuorumStore) store = ui_test_open (admin);

  g_assert_cmpuint (quorum_store_generate_referrals (store, n, until, seed, &error), ==, n);
  g_assert_no_error (error);
}

/* ---- driving the page ---- */

static gboolean
page_loaded (gpointer data)
{
  QuorumReferralsPage *page = data;

  return !quorum_referrals_page_get_loading (page);
}

static void
wait_loaded (QuorumReferralsPage *page)
{
  ui_test_wait_until (page_loaded, page, 20000, "the referrals to load");
  ui_test_iterate (50);
}

static GtkWidget *
child_of (QuorumReferralsPage *page,
          const char          *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (page), QUORUM_TYPE_REFERRALS_PAGE, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

/* The store sorts, off the main thread, so that 100,000 rows never hold up a frame. */
static void
sort_by (GtkColumnView       *column_view,
         GtkColumnViewColumn *column,
         GtkSortType          order)
{
  gtk_column_view_sort_by_column (column_view, column, order);
  wait_loaded (fx.page);
}

/* A filter chosen: the store finds what it shows, off the main thread. */
static void
show (const char *what)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx.page), "referrals.show", "s", what));
  wait_loaded (fx.page);
}

static GtkToggleButton *
find_toggle (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_TOGGLE_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return GTK_TOGGLE_BUTTON (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkToggleButton *found = find_toggle (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
as_of_applied (gpointer data)
{
  g_autofree char *as_of = NULL;

  g_object_get (fx.page, "as-of", &as_of, NULL);
  return g_strcmp0 (as_of, data) == 0;
}

static void
set_as_of (QuorumReferralsPage *page,
           const char          *iso)
{
  g_object_set (page, "as-of", iso, NULL);
  wait_loaded (page);
}

static QuorumReferralObject *
find_item (QuorumReferralsPage *page,
           gint64               referral_id)
{
  GListModel *model = quorum_referrals_page_get_model (page);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(QuorumReferralObject) item = g_list_model_get_item (model, i);

      if (quorum_referral_object_get_id (item) == referral_id)
        return item;  /* the model keeps it alive */
    }
  return NULL;
}

static gboolean
is_overdue (QuorumReferralsPage *page,
            gint64               referral_id)
{
  QuorumReferralObject *item = find_item (page, referral_id);

  g_assert_nonnull (item);
  return quorum_referral_object_get_overdue (item);
}

static const char *
label_text (QuorumReferralsPage *page,
            const char          *name)
{
  return gtk_label_get_label (GTK_LABEL (child_of (page, name)));
}

/* The status cells on screen: "Overdue" with its icon, and the description as a tooltip. */
static guint
count_overdue_cells (GtkWidget  *root,
                     const char *tooltip_part)
{
  guint n = 0;

  if (GTK_IS_BOX (root) && gtk_widget_has_css_class (root, "referral-status") &&
      gtk_widget_has_css_class (root, "overdue"))
    {
      GtkWidget *image = gtk_widget_get_first_child (root);
      GtkWidget *label = gtk_widget_get_next_sibling (image);
      const char *tooltip = gtk_widget_get_tooltip_text (root);

      g_assert_true (GTK_IS_IMAGE (image));
      g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (image)), ==, "dialog-warning-symbolic");
      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, "Overdue");
      g_assert_nonnull (tooltip);
      g_assert_true (g_str_has_prefix (tooltip, "Overdue: "));
      if (tooltip_part == NULL || strstr (tooltip, tooltip_part) != NULL)
        n++;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    n += count_overdue_cells (child, tooltip_part);
  return n;
}

static guint
n_audit (gint64 conference)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = quorum_store_list_audit (fx.store, conference, &error);

  g_assert_no_error (error);
  return entries->len;
}

static void
set_entry (QuorumReferralsPage *page,
           const char          *name,
           const char          *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child_of (page, name)), text);
}

/* ---- the tests ---- */

static void
test_due_dates_and_overdue (void)
{
  QuorumReferralObject *item;

  /* As of the Easter conference's day, all three had been made. */
  set_as_of (fx.page, "2027-03-25");
  g_assert_cmpuint (g_list_model_get_n_items (quorum_referrals_page_get_model (fx.page)), ==, 3);

  /* Due dates: the 5th working day after the conference, in England and Wales. */
  item = find_item (fx.page, fx.xmas);
  g_assert_cmpstr (quorum_referral_object_get_text (item, QUORUM_REFERRAL_COLUMN_CONFERENCE_DATE), ==, "24 Dec 2026");
  g_assert_cmpstr (quorum_referral_object_get_text (item, QUORUM_REFERRAL_COLUMN_DUE), ==, "5 Jan 2027");
  g_assert_cmpstr (quorum_referral_object_get_text (item, QUORUM_REFERRAL_COLUMN_CHAIR), ==, "J. Okafor");
  item = find_item (fx.page, fx.easter);
  g_assert_cmpstr (quorum_referral_object_get_text (item, QUORUM_REFERRAL_COLUMN_DUE), ==, "5 Apr 2027");
  item = find_item (fx.page, fx.plain);
  g_assert_cmpstr (quorum_referral_object_get_text (item, QUORUM_REFERRAL_COLUMN_DUE), ==, "23 Nov 2026");

  /* refasof 3: as of 5 January the Easter conference had not sat: its referral did not exist. */
  set_as_of (fx.page, "2027-01-05");
  g_assert_cmpuint (g_list_model_get_n_items (quorum_referrals_page_get_model (fx.page)), ==, 2);
  g_assert_null (find_item (fx.page, fx.easter));

  /* As of its due day a referral is not overdue; the day after, it is. */
  g_assert_true (is_overdue (fx.page, fx.plain));
  g_assert_false (is_overdue (fx.page, fx.xmas));
  g_assert_cmpstr (label_text (fx.page, "overdue_count_label"), ==, "1");
  g_assert_cmpuint (count_overdue_cells (GTK_WIDGET (fx.page), "Monday 23 November 2026"), ==, 1);
  g_assert_true (gtk_widget_get_visible (child_of (fx.page, "overdue_icon")));

  set_as_of (fx.page, "2027-01-06");
  g_assert_true (is_overdue (fx.page, fx.xmas));
  g_assert_cmpstr (label_text (fx.page, "overdue_count_label"), ==, "2");
  g_assert_cmpuint (count_overdue_cells (GTK_WIDGET (fx.page), "Tuesday 5 January 2027"), ==, 1);
  g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (child_of (fx.page, "as_of_label"))),
                                   "As of Wed 6 Jan 2027"));

  /* Looking back: before any were due, nothing is overdue, and the week's count shows. */
  set_as_of (fx.page, "2026-11-18");
  g_assert_false (is_overdue (fx.page, fx.plain));
  g_assert_cmpstr (label_text (fx.page, "overdue_count_label"), ==, "0");
  g_assert_cmpstr (label_text (fx.page, "due_count_label"), ==, "0");
  g_assert_false (gtk_widget_get_visible (child_of (fx.page, "overdue_icon")));
  g_assert_cmpuint (count_overdue_cells (GTK_WIDGET (fx.page), NULL), ==, 0);
  set_as_of (fx.page, "2026-11-23");
  g_assert_cmpstr (label_text (fx.page, "due_count_label"), ==, "1");
  set_as_of (fx.page, "2027-01-04");
  g_assert_cmpstr (label_text (fx.page, "due_count_label"), ==, "1");

  /* The calendar in the as-of popover sets the date as a click on a day does. */
  {
    g_autoptr(GDateTime) day = g_date_time_new_local (2027, 1, 7, 12, 0, 0);
    g_autofree char *as_of = NULL;

    gtk_calendar_select_day (GTK_CALENDAR (child_of (fx.page, "as_of_calendar")), day);
    g_signal_emit_by_name (child_of (fx.page, "as_of_calendar"), "day-selected");
    /* The day applies from an idle once the click is done: wait for it, then for its load. */
    ui_test_wait_until (as_of_applied, "2027-01-07", 10000, "the calendar's day to apply");
    wait_loaded (fx.page);
    g_object_get (fx.page, "as-of", &as_of, NULL);
    g_assert_cmpstr (as_of, ==, "2027-01-07");
    g_assert_cmpstr (label_text (fx.page, "overdue_count_label"), ==, "2");

    /* Today again: the property goes back to unset. */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx.page), "referrals.today", NULL));
    wait_loaded (fx.page);
    g_clear_pointer (&as_of, g_free);
    g_object_get (fx.page, "as-of", &as_of, NULL);
    g_assert_null (as_of);
    g_assert_true (g_str_has_prefix (label_text (fx.page, "as_of_label"), "As of today, "));
  }
}

static void
test_filter_search_sort (void)
{
  GListModel *model = quorum_referrals_page_get_model (fx.page);
  GtkColumnView *column_view = GTK_COLUMN_VIEW (child_of (fx.page, "column_view"));
  GListModel *columns = gtk_column_view_get_columns (column_view);
  g_autoptr(GtkColumnViewColumn) child_column = g_list_model_get_item (columns, QUORUM_REFERRAL_COLUMN_CHILD);
  g_autoptr(GtkColumnViewColumn) due_column = g_list_model_get_item (columns, QUORUM_REFERRAL_COLUMN_DUE);
  g_autoptr(QuorumReferralObject) first = NULL;
  g_autoptr(QuorumReferralObject) last = NULL;

  /* As of the Easter conference's day: all three made, two overdue (refasof 3: before it, the
   * Easter referral did not exist). */
  set_as_of (fx.page, "2027-03-25");

  show ("overdue");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_true (gtk_toggle_button_get_active (find_toggle (GTK_WIDGET (fx.page), "_Overdue")));
  g_assert_false (gtk_toggle_button_get_active (find_toggle (GTK_WIDGET (fx.page), "_All")));
  g_assert_nonnull (find_item (fx.page, fx.xmas));
  g_assert_null (find_item (fx.page, fx.easter));
  g_assert_true (g_str_has_prefix (label_text (fx.page, "count_label"), "Showing 2 of 3"));

  show ("awaiting-notification");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  show ("decided");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child_of (fx.page, "list_stack"))), ==, "no-results");
  show ("all");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child_of (fx.page, "list_stack"))), ==, "list");

  /* Search by the child's name or the chair's, ignoring case. */
  set_entry (fx.page, "search_entry", "EASTER");
  ui_test_iterate (400);
  wait_loaded (fx.page);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_nonnull (find_item (fx.page, fx.easter));
  set_entry (fx.page, "search_entry", "okafor");
  ui_test_iterate (400);
  wait_loaded (fx.page);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  set_entry (fx.page, "search_entry", "");
  ui_test_iterate (400);
  wait_loaded (fx.page);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);

  /* Sorting by a column: names alphabetically, dates as dates (not as "23 Nov" < "5 Apr" text). */
  sort_by (column_view, child_column, GTK_SORT_ASCENDING);
  first = g_list_model_get_item (model, 0);
  g_assert_cmpstr (quorum_referral_object_get_row (first)->child, ==, "Ada Christmas");
  g_clear_object (&first);
  sort_by (column_view, due_column, GTK_SORT_DESCENDING);
  first = g_list_model_get_item (model, 0);
  last = g_list_model_get_item (model, 2);
  g_assert_cmpint (quorum_referral_object_get_id (first), ==, fx.easter);
  g_assert_cmpint (quorum_referral_object_get_id (last), ==, fx.plain);
  g_clear_object (&first);
  sort_by (column_view, due_column, GTK_SORT_ASCENDING);
  first = g_list_model_get_item (model, 0);
  g_assert_cmpint (quorum_referral_object_get_id (first), ==, fx.plain);
}

/* The children's names in the table's order, "Ada Christmas, Cal Easter, Eli Plain". */
static char *
children_in_order (void)
{
  GListModel *model = quorum_referrals_page_get_model (fx.page);
  g_autoptr(GString) order = g_string_new (NULL);

  wait_loaded (fx.page);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(QuorumReferralObject) item = g_list_model_get_item (model, i);

      g_string_append_printf (order, "%s%s", i > 0 ? ", " : "", quorum_referral_object_get_row (item)->child);
    }
  return g_string_free (g_steal_pointer (&order), FALSE);
}

/* The column whose title has the keyboard focus, or -1. */
static int
focused_column (GtkColumnView *column_view)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fx.window));
  int index = 0;

  for (; focus != NULL && gtk_widget_get_parent (focus) != NULL; focus = gtk_widget_get_parent (focus))
    {
      GtkWidget *header = gtk_widget_get_parent (focus);

      if (gtk_widget_get_parent (header) == GTK_WIDGET (column_view) &&
          g_strcmp0 (gtk_widget_get_css_name (header), "header") == 0)
        {
          for (GtkWidget *w = gtk_widget_get_prev_sibling (focus); w != NULL; w = gtk_widget_get_prev_sibling (w))
            index++;
          return index;
        }
    }
  return -1;
}

/* Issue 10: "the referral table sorts by keyboard". With the keyboard alone, as a person
 * would: from the search field, Tab to the Child column's title; Return sorts by it, Space
 * again sorts the other way round, Return once more back again. */
static void
test_sort_by_keyboard (void)
{
  GtkColumnView *column_view = GTK_COLUMN_VIEW (child_of (fx.page, "column_view"));
  GListModel *columns = gtk_column_view_get_columns (column_view);
  g_autoptr(GtkColumnViewColumn) due_column = g_list_model_get_item (columns, QUORUM_REFERRAL_COLUMN_DUE);
  g_autofree char *before = NULL;
  g_autofree char *ascending = NULL;
  g_autofree char *descending = NULL;
  g_autofree char *again = NULL;
  guint tabs = 0;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool and an X display are needed to press keys");
      return;
    }

  gtk_widget_activate_action (GTK_WIDGET (fx.page), "referrals.close-pane", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fx.page), "referrals.show", "s", "all");
  set_entry (fx.page, "search_entry", "");
  /* All three made by then (refasof 3). */
  set_as_of (fx.page, "2027-03-25");
  sort_by (column_view, due_column, GTK_SORT_DESCENDING);
  before = children_in_order ();
  g_assert_cmpstr (before, ==, "Cal Easter, Ada Christmas, Eli Plain");

  /* Into the search field with the mouse, then Tab from control to control to the title. */
  ui_test_click (child_of (fx.page, "search_entry"), -1, -1);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fx.window)), child_of (fx.page, "search_entry")));
  while (focused_column (column_view) != QUORUM_REFERRAL_COLUMN_CHILD)
    {
      g_assert_cmpuint (++tabs, <=, 40);
      ui_test_key ("Tab");
    }
  g_test_message ("the Child column's title is %u Tab presses from the search field", tabs);

  ui_test_key ("Return");
  ui_test_screenshot (GTK_WIDGET (fx.window), "referrals-sorted-by-keyboard");
  ascending = children_in_order ();
  g_assert_cmpstr (ascending, ==, "Ada Christmas, Cal Easter, Eli Plain");
  g_assert_cmpint (focused_column (column_view), ==, QUORUM_REFERRAL_COLUMN_CHILD);

  ui_test_key ("space");
  descending = children_in_order ();
  g_assert_cmpstr (descending, ==, "Eli Plain, Cal Easter, Ada Christmas");

  ui_test_key ("Return");
  again = children_in_order ();
  g_assert_cmpstr (again, ==, ascending);

  /* Shift+Tab goes back to the title before it, the Status column's. */
  ui_test_key ("shift+Tab");
  g_assert_cmpint (focused_column (column_view), ==, QUORUM_REFERRAL_COLUMN_STATUS);
}

static void
test_notify_and_panel (void)
{
  g_autoptr(QuorumReferralRow) row = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  QuorumAuditEntry *last;
  guint before;

  set_as_of (fx.page, "2027-01-06");

  /* The notification, through the side pane and its action. */
  g_assert_true (quorum_referrals_page_select (fx.page, fx.xmas));
  ui_test_iterate (50);
  g_assert_true (adw_flap_get_reveal_flap (ADW_FLAP (child_of (fx.page, "flap"))));
  /* As of a past day the pane is as it stood then, with no form (refpane); the action, used
   * here, records as before. */
  g_assert_false (gtk_widget_get_visible (child_of (fx.page, "notify_group")));
  g_assert_false (gtk_widget_get_visible (child_of (fx.page, "panel_group")));
  g_assert_true (gtk_widget_get_visible (child_of (fx.page, "pane_as_of_box")));
  g_assert_true (g_str_has_prefix (label_text (fx.page, "pane_status_label"), "Overdue: due Tuesday 5 January 2027"));

  before = n_audit (fx.xmas_conference);
  set_entry (fx.page, "notify_date_entry", "2027-01-04");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx.page), "referrals.notify", NULL));
  wait_loaded (fx.page);

  row = quorum_store_get_referral (fx.store, fx.xmas, &error);
  g_assert_no_error (error);
  {
    g_autofree char *notified = quorum_date_to_string (&row->notified);
    g_autofree char *panel_due = quorum_date_to_string (&row->panel_due);

    g_assert_cmpstr (notified, ==, "2027-01-04");
    g_assert_cmpstr (panel_due, ==, "2027-02-01");
  }
  g_clear_pointer (&row, quorum_referral_row_free);

  /* Two audit entries: the referral, saying what was done, and its notice (who told whom). */
  g_assert_cmpuint (n_audit (fx.xmas_conference), ==, before + 2);
  audit = quorum_store_list_audit (fx.store, fx.xmas_conference, &error);
  last = g_ptr_array_index (audit, audit->len - 2);
  g_assert_cmpstr (last->entity, ==, "referral");
  g_assert_cmpint (last->entity_id, ==, fx.xmas);
  g_assert_nonnull (strstr (last->summary, "2027-01-04"));
  last = g_ptr_array_index (audit, audit->len - 1);
  g_assert_cmpstr (last->entity, ==, "notice");
  g_clear_pointer (&audit, g_ptr_array_unref);

  /* The page shows it: no longer overdue, awaiting the panel, the pane moved on to the panel. */
  g_assert_false (is_overdue (fx.page, fx.xmas));
  g_assert_cmpstr (quorum_referral_object_get_text (find_item (fx.page, fx.xmas), QUORUM_REFERRAL_COLUMN_PANEL_DUE),
                   ==, "1 Feb 2027");
  g_assert_cmpint (quorum_referrals_page_get_selected_id (fx.page), ==, fx.xmas);
  g_assert_false (gtk_widget_get_visible (child_of (fx.page, "notify_group")));
  g_assert_false (gtk_widget_get_visible (child_of (fx.page, "panel_group")));  /* as of a past day: no form (refpane) */
  g_assert_cmpstr (label_text (fx.page, "panel_count_label"), ==, "1");

  /* Other without reasons is refused, with nothing written. */
  before = n_audit (fx.xmas_conference);
  set_entry (fx.page, "panel_date_entry", "2027-01-28");
  adw_combo_row_set_selected (ADW_COMBO_ROW (child_of (fx.page, "outcome_combo")), 3);
  g_assert_true (gtk_widget_get_visible (child_of (fx.page, "reason_entry")));
  set_entry (fx.page, "reason_entry", "   ");
  gtk_widget_activate_action (GTK_WIDGET (fx.page), "referrals.record-panel", NULL);
  wait_loaded (fx.page);
  g_assert_cmpuint (n_audit (fx.xmas_conference), ==, before);
  row = quorum_store_get_referral (fx.store, fx.xmas, &error);
  g_assert_cmpint (row->outcome, ==, QUORUM_PANEL_NONE);
  g_clear_pointer (&row, quorum_referral_row_free);

  /* With its reasons it is recorded. */
  set_entry (fx.page, "reason_entry", "Adjourned for a parenting assessment");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx.page), "referrals.record-panel", NULL));
  wait_loaded (fx.page);
  row = quorum_store_get_referral (fx.store, fx.xmas, &error);
  g_assert_no_error (error);
  g_assert_cmpint (row->outcome, ==, QUORUM_PANEL_OTHER);
  g_assert_cmpstr (row->outcome_reason, ==, "Adjourned for a parenting assessment");
  {
    g_autofree char *heard = quorum_date_to_string (&row->panel_date);

    g_assert_cmpstr (heard, ==, "2027-01-28");
  }
  g_assert_cmpuint (n_audit (fx.xmas_conference), ==, before + 1);
  /* DOMAIN 4: as of 6 January the panel (heard on 28 January) had not heard it yet; the form is
   * gone all the same, since the hearing is recorded. As of the 28th it is decided. */
  g_assert_cmpint (quorum_referral_object_get_state (find_item (fx.page, fx.xmas)), ==, QUORUM_REFERRAL_AWAITING_PANEL);
  g_assert_false (gtk_widget_get_visible (child_of (fx.page, "panel_group")));
  set_as_of (fx.page, "2027-01-28");
  g_assert_cmpint (quorum_referral_object_get_state (find_item (fx.page, fx.xmas)), ==, QUORUM_REFERRAL_DECIDED);
  g_assert_cmpstr (quorum_referral_object_get_text (find_item (fx.page, fx.xmas), QUORUM_REFERRAL_COLUMN_OUTCOME),
                   ==, "Other: Adjourned for a parenting assessment");
  g_assert_false (gtk_widget_get_visible (child_of (fx.page, "panel_group")));

  /* A second referral, sent then heard: plan ended. */
  g_assert_true (quorum_referrals_page_select (fx.page, fx.plain));
  ui_test_iterate (50);
  set_entry (fx.page, "notify_date_entry", "2026-11-20");
  gtk_widget_activate_action (GTK_WIDGET (fx.page), "referrals.notify", NULL);
  wait_loaded (fx.page);
  set_entry (fx.page, "panel_date_entry", "2026-12-10");
  adw_combo_row_set_selected (ADW_COMBO_ROW (child_of (fx.page, "outcome_combo")), 2);
  gtk_widget_activate_action (GTK_WIDGET (fx.page), "referrals.record-panel", NULL);
  wait_loaded (fx.page);
  g_clear_pointer (&row, quorum_referral_row_free);
  row = quorum_store_get_referral (fx.store, fx.plain, &error);
  g_assert_cmpint (row->outcome, ==, QUORUM_PANEL_PLAN_ENDED);
  g_assert_null (row->outcome_reason);

  show ("decided");
  g_assert_cmpuint (g_list_model_get_n_items (quorum_referrals_page_get_model (fx.page)), ==, 2);
  show ("all");

  g_assert_true (quorum_store_verify (fx.store, NULL, &error));
  g_assert_no_error (error);
}

static void
test_refusals (void)
{
  g_autoptr(QuorumReferralRow) row = NULL;
  g_autoptr(GError) error = NULL;
  gint64 conference;
  guint before;

  /* As of the day of Easter's conference: before it, its referral was not yet made (refasof 3). */
  set_as_of (fx.page, "2027-03-25");
  g_assert_true (quorum_referrals_page_select (fx.page, fx.easter));
  ui_test_iterate (50);
  conference = quorum_referral_object_get_conference_id (find_item (fx.page, fx.easter));
  before = n_audit (conference);

  /* Not a date; a date that does not exist; before the conference: each refused, nothing written. */
  set_entry (fx.page, "notify_date_entry", "next tuesday");
  gtk_widget_activate_action (GTK_WIDGET (fx.page), "referrals.notify", NULL);
  /* Its example is today's date, one the form accepts (it gave a date in the future). */
  g_assert_cmpstr (quorum_window_get_last_toast (fx.window), ==,
                   "“next tuesday” is not a date: enter the date it was sent as YYYY-MM-DD, for example 2027-06-30");
  set_entry (fx.page, "notify_date_entry", "2027-02-30");
  gtk_widget_activate_action (GTK_WIDGET (fx.page), "referrals.notify", NULL);
  set_entry (fx.page, "notify_date_entry", "2027-03-24");
  gtk_widget_activate_action (GTK_WIDGET (fx.page), "referrals.notify", NULL);
  wait_loaded (fx.page);

  g_assert_cmpuint (n_audit (conference), ==, before);
  row = quorum_store_get_referral (fx.store, fx.easter, &error);
  g_assert_no_error (error);
  g_assert_false (g_date_valid (&row->notified));

  /* Recording the panel before the notification is not offered. */
  g_assert_false (gtk_widget_is_sensitive (child_of (fx.page, "panel_button")) &&
                  gtk_widget_get_visible (child_of (fx.page, "panel_button")));
  gtk_widget_activate_action (GTK_WIDGET (fx.page), "referrals.record-panel", NULL);
  g_assert_cmpuint (n_audit (conference), ==, before);

  /* The panel cannot sit before the referral was sent. */
  set_entry (fx.page, "notify_date_entry", "2027-03-26");
  gtk_widget_activate_action (GTK_WIDGET (fx.page), "referrals.notify", NULL);
  wait_loaded (fx.page);
  g_assert_cmpuint (n_audit (conference), ==, before + 2);
  set_entry (fx.page, "panel_date_entry", "2027-03-25");
  adw_combo_row_set_selected (ADW_COMBO_ROW (child_of (fx.page, "outcome_combo")), 1);
  gtk_widget_activate_action (GTK_WIDGET (fx.page), "referrals.record-panel", NULL);
  wait_loaded (fx.page);
  g_assert_cmpuint (n_audit (conference), ==, before + 2);
  g_clear_pointer (&row, quorum_referral_row_free);
  row = quorum_store_get_referral (fx.store, fx.easter, &error);
  g_assert_cmpint (row->outcome, ==, QUORUM_PANEL_NONE);
}

static void
test_open_conference (void)
{
  QuorumConferencePage *conference_page = quorum_window_get_conference_page (fx.window);
  AdwViewStack *stack = ADW_VIEW_STACK (ui_test_find_type (GTK_WIDGET (fx.window), ADW_TYPE_VIEW_STACK));
  GtkColumnView *column_view = GTK_COLUMN_VIEW (child_of (fx.page, "column_view"));
  GListModel *model = quorum_referrals_page_get_model (fx.page);
  g_autoptr(QuorumReferralObject) first = NULL;

  /* From the pane's button. */
  g_assert_true (quorum_referrals_page_select (fx.page, fx.xmas));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx.page), "referrals.open-conference", NULL));
  ui_test_iterate (100);
  g_assert_cmpint (quorum_conference_page_get_conference_id (conference_page), ==, fx.xmas_conference);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "conferences");

  /* From a row, as a double-click or Enter does. */
  adw_view_stack_set_visible_child_name (stack, "referrals");
  wait_loaded (fx.page);
  first = g_list_model_get_item (model, 0);
  g_signal_emit_by_name (column_view, "activate", 0);
  ui_test_iterate (100);
  g_assert_cmpint (quorum_conference_page_get_conference_id (conference_page), ==,
                   quorum_referral_object_get_conference_id (first));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "conferences");

  adw_view_stack_set_visible_child_name (stack, "referrals");
  wait_loaded (fx.page);
}

static void
test_chart (void)
{
  QuorumReferralsChart *chart = QUORUM_REFERRALS_CHART (child_of (fx.page, "chart"));
  g_autofree char *details = NULL;
  g_autoptr(GArray) months = NULL;
  g_autoptr(GError) error = NULL;
  GDate last;

  set_as_of (fx.page, "2027-03-31");
  g_assert_cmpuint (quorum_referrals_chart_get_n_months (chart), ==, 12);

  /* The store's counts: by the month the conference made the referral. */
  g_date_clear (&last, 1);
  g_date_set_dmy (&last, 31, 3, 2027);
  months = quorum_store_count_referrals_by_month (fx.store, &last, 12, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (months->len, ==, 12);
  g_assert_cmpint (g_date_get_month (&g_array_index (months, QuorumMonthCount, 0).month), ==, G_DATE_APRIL);
  g_assert_cmpuint (g_array_index (months, QuorumMonthCount, 7).counts[QUORUM_REPORT_PLAN_ENDED], ==, 1);  /* Nov */
  g_assert_cmpuint (g_array_index (months, QuorumMonthCount, 8).counts[QUORUM_REPORT_OTHER], ==, 1);       /* Dec */
  g_assert_cmpuint (g_array_index (months, QuorumMonthCount, 11).counts[QUORUM_REPORT_NOT_HEARD], ==, 1);  /* Mar */

  /* The same in words, for screen readers and on screen. */
  details = quorum_referrals_chart_dup_details (chart);
  g_assert_nonnull (strstr (details, "November 2026, 1 referral: 0 plan confirmed, 1 plan ended, 0 other, 0 not yet heard"));
  g_assert_nonnull (strstr (details, "March 2027, 1 referral: 0 plan confirmed, 0 plan ended, 0 other, 1 not yet heard"));
  g_assert_cmpstr (label_text (fx.page, "chart_caption"), ==,
                   "April 2026 to March 2027: 3 referrals: 0 plan confirmed, 1 plan ended, 1 other, "
                   "1 not yet heard. 3 months have the most (1 each).");

  /* Trial 5, annoyance 6: November and December with one each were "Most in November 2026
   * (1)". A tie is said as one. */
  set_as_of (fx.page, "2027-02-28");
  g_assert_cmpstr (label_text (fx.page, "chart_caption"), ==,
                   "March 2026 to February 2027: 2 referrals: 0 plan confirmed, 1 plan ended, 1 other, "
                   "0 not yet heard. Most in November 2026 and December 2026 (1 each).");
  set_as_of (fx.page, "2027-03-31");
}

static void
test_many (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(GPtrArray) overdue = NULL;
  GtkWidget *page;
  GtkWidget *window;
  GDate until;

  g_date_clear (&until, 1);
  g_date_set_dmy (&until, 24, 12, 2026);
  generate (path, 3000, &until, 7);
  store = open_as_head_of_service (path);
  g_assert_true (quorum_store_verify (store, NULL, &error));

  /* The page alone in a plain window: the same store, the same overdue as the store says. */
  window = gtk_window_new ();
  page = quorum_referrals_page_new (store);
  g_object_set (page, "as-of", "2026-12-24", NULL);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  wait_loaded (QUORUM_REFERRALS_PAGE (page));
  g_assert_cmpuint (g_list_model_get_n_items (quorum_referrals_page_get_model (QUORUM_REFERRALS_PAGE (page))), ==, 3000);
  ui_test_iterate (200);

  /* Issue 14, memory that does not grow with rows not on screen: rows of cells for what fits
   * (GTK 4.8's column view made 200), and the last referral is still reached and opened. */
  {
    GtkWidget *table = ui_test_find_type (page, GTK_TYPE_COLUMN_VIEW);
    GtkWidget *rows = NULL;
    guint n_rows = 0;
    g_autoptr(QuorumReferralObject) last = NULL;

    for (GtkWidget *child = gtk_widget_get_first_child (table); child != NULL; child = gtk_widget_get_next_sibling (child))
      if (GTK_IS_LIST_VIEW (child))
        rows = child;
    g_assert_nonnull (rows);
    for (GtkWidget *row = gtk_widget_get_first_child (rows); row != NULL; row = gtk_widget_get_next_sibling (row))
      n_rows++;
    g_assert_cmpuint (n_rows, <=, 70);

    /* Nor objects for referrals not on screen: the model reads its rows from the store a page
     * at a time and keeps a few pages (it held all 3,000 as objects before). */
    g_assert_true (QUORUM_IS_REFERRAL_LIST (quorum_referrals_page_get_model (QUORUM_REFERRALS_PAGE (page))));
    g_assert_cmpuint (quorum_referral_list_get_n_cached (QUORUM_REFERRAL_LIST (quorum_referrals_page_get_model (QUORUM_REFERRALS_PAGE (page)))),
                      <=, 400);

    last = g_list_model_get_item (quorum_referrals_page_get_model (QUORUM_REFERRALS_PAGE (page)), 2999);
    g_assert_true (quorum_referrals_page_select (QUORUM_REFERRALS_PAGE (page), quorum_referral_object_get_id (last)));
    g_assert_cmpint (quorum_referrals_page_get_selected_id (QUORUM_REFERRALS_PAGE (page)), ==,
                     quorum_referral_object_get_id (last));
  }

  overdue = quorum_store_list_referrals (store, &until, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (overdue->len, >, 0);
  g_object_set (page, "show", "overdue", NULL);
  wait_loaded (QUORUM_REFERRALS_PAGE (page));
  g_assert_cmpuint (g_list_model_get_n_items (quorum_referrals_page_get_model (QUORUM_REFERRALS_PAGE (page))), ==,
                    overdue->len);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
screenshot_at (QuorumStore *store,
               int          width,
               int          height,
               gboolean     with_pane,
               const char  *name)
{
  QuorumWindow *window = ui_test_window_new (store, width, height);
  AdwViewStack *stack = ADW_VIEW_STACK (ui_test_find_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  QuorumReferralsPage *page = QUORUM_REFERRALS_PAGE (ui_test_find_type (GTK_WIDGET (window), QUORUM_TYPE_REFERRALS_PAGE));
  GListModel *model = quorum_referrals_page_get_model (page);
  gint64 chosen = 0;

  adw_view_stack_set_visible_child_name (stack, "referrals");
  g_object_set (page, "as-of", "2026-12-24", NULL);
  wait_loaded (page);

  /* Open an overdue referral still awaiting its notification, to show the pane. */
  for (guint i = 0; i < g_list_model_get_n_items (model) && chosen == 0; i++)
    {
      g_autoptr(QuorumReferralObject) item = g_list_model_get_item (model, i);

      if (quorum_referral_object_get_overdue (item) &&
          quorum_referral_object_get_state (item) == QUORUM_REFERRAL_AWAITING_NOTIFICATION)
        chosen = quorum_referral_object_get_id (item);
    }
  if (with_pane && chosen != 0)
    quorum_referrals_page_select (page, chosen);

  ui_test_screenshot (GTK_WIDGET (window), name);
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (50);
}

static const char *
row_subtitle (const char *name)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (child_of (fx.page, name)));
}

static const char *
row_subtitle_of (QuorumReferralsPage *page,
                 const char          *name)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (child_of (page, name)));
}

/* Issue 10 and issue 11 finding 6, as the Head of Service uses the page: the outcome has no
 * default; dates in the future are refused; a wrong date is corrected with the Correct… form
 * (clicked with the pointer), keeping the old value; lateness is shown in the pane. */
static void
test_correct_and_lateness (void)
{
  g_autoptr(QuorumReferralRow) row = NULL;
  g_autoptr(GError) error = NULL;
  gint64 conference;
  gint64 fourth;
  guint before;

  fourth = make_split (fx.chair, "2027-05-03", "Dee Late", "J. Okafor", &conference);
  /* As of "today": as of the chart's 31 March the conference had not sat (refasof 3). */
  set_as_of (fx.page, "2027-06-30");
  g_assert_true (quorum_referrals_page_select (fx.page, fourth));
  ui_test_iterate (50);

  /* Sent after its due date (Mon 10 May 2027), by a named person */
  before = n_audit (conference);
  set_entry (fx.page, "notify_date_entry", "2027-05-12");
  set_entry (fx.page, "sender_entry", "A. Admin");
  set_entry (fx.page, "means_entry", "secure email");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx.page), "referrals.notify", NULL));
  wait_loaded (fx.page);
  g_assert_cmpuint (n_audit (conference), ==, before + 2);
  g_assert_nonnull (strstr (row_subtitle ("notified_row"), "by A. Admin"));
  g_assert_nonnull (strstr (row_subtitle ("notified_row"), "sent late"));
  /* The panel is due on Wed 9 June: a working day, shown as it is */
  g_assert_null (strstr (row_subtitle ("panel_due_row"), "not a working day"));

  /* The outcome has no default: recording without choosing it is refused, nothing written */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (child_of (fx.page, "outcome_combo"))), ==, 0);
  before = n_audit (conference);
  set_entry (fx.page, "panel_date_entry", "2027-06-10");
  gtk_widget_activate_action (GTK_WIDGET (fx.page), "referrals.record-panel", NULL);
  wait_loaded (fx.page);
  g_assert_cmpuint (n_audit (conference), ==, before);
  /* A date heard in the future is refused ("today" is fixed at 2027-06-30 for these tests) */
  set_entry (fx.page, "panel_date_entry", "2027-07-01");
  adw_combo_row_set_selected (ADW_COMBO_ROW (child_of (fx.page, "outcome_combo")), 1);
  gtk_widget_activate_action (GTK_WIDGET (fx.page), "referrals.record-panel", NULL);
  wait_loaded (fx.page);
  g_assert_cmpuint (n_audit (conference), ==, before);
  /* Heard late, after Wed 9 June */
  set_entry (fx.page, "panel_date_entry", "2027-06-10");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx.page), "referrals.record-panel", NULL));
  wait_loaded (fx.page);
  g_assert_nonnull (strstr (row_subtitle ("panel_date_row"), "heard late"));
  /* As of the hearing (DOMAIN 4: before it, it had not been heard). */
  set_as_of (fx.page, "2027-06-10");
  {
    g_autofree char *status = quorum_referral_object_describe_status (find_item (fx.page, fourth));

    g_assert_nonnull (strstr (status, "sent late; heard late"));
  }

  /* As of a past day the pane has no form (refpane): back to today to correct. */
  g_assert_false (gtk_widget_get_visible (child_of (fx.page, "correct_group")));
  set_as_of (fx.page, NULL);
  g_assert_true (quorum_referrals_page_select (fx.page, fourth));
  ui_test_iterate (50);

  /* Correct the date sent: the form, the value typed, the button clicked */
  g_assert_true (gtk_widget_get_visible (child_of (fx.page, "correct_group")));
  adw_combo_row_set_selected (ADW_COMBO_ROW (child_of (fx.page, "correct_field_combo")), 0);
  set_entry (fx.page, "correct_value_entry", "2027-05-07");
  set_entry (fx.page, "correct_reason_entry", "Sent on the Friday: the email's date");
  before = n_audit (conference);
  if (ui_test_have_xdotool ())
    ui_test_click (child_of (fx.page, "correct_button"), -1, -1);
  else
    gtk_widget_activate_action (GTK_WIDGET (fx.page), "referrals.correct", NULL);
  wait_loaded (fx.page);
  g_assert_cmpuint (n_audit (conference), ==, before + 2);
  row = quorum_store_get_referral (fx.store, fourth, &error);
  g_assert_no_error (error);
  g_assert_false (row->sent_late);
  g_assert_true (row->heard_late);
  {
    g_autofree char *notified = quorum_date_to_string (&row->notified);
    g_autofree char *panel_due = quorum_date_to_string (&row->panel_due);

    g_assert_cmpstr (notified, ==, "2027-05-07");
    g_assert_cmpstr (panel_due, ==, "2027-06-04");
  }
  g_assert_true (gtk_widget_get_visible (child_of (fx.page, "corrections_row")));
  /* Dates as the page shows them (refasof 4). */
  g_assert_nonnull (strstr (row_subtitle ("corrections_row"), "Wednesday 12 May 2027 → Friday 7 May 2027"));
  ui_test_screenshot (GTK_WIDGET (fx.window), "referrals-correct");

  /* Correct the outcome; a correction without its reason is refused */
  adw_combo_row_set_selected (ADW_COMBO_ROW (child_of (fx.page, "correct_field_combo")), 2);
  adw_combo_row_set_selected (ADW_COMBO_ROW (child_of (fx.page, "correct_outcome_combo")), 2);
  set_entry (fx.page, "correct_reason_entry", "");
  before = n_audit (conference);
  gtk_widget_activate_action (GTK_WIDGET (fx.page), "referrals.correct", NULL);
  g_assert_cmpuint (n_audit (conference), ==, before);
  set_entry (fx.page, "correct_reason_entry", "The panel ended the plan");
  gtk_widget_activate_action (GTK_WIDGET (fx.page), "referrals.correct", NULL);
  wait_loaded (fx.page);
  g_clear_pointer (&row, quorum_referral_row_free);
  row = quorum_store_get_referral (fx.store, fourth, &error);
  g_assert_cmpint (row->outcome, ==, QUORUM_PANEL_PLAN_ENDED);
  g_assert_true (quorum_store_verify (fx.store, NULL, &error));
}

/* A referral the Buckinghamshire Co-ordinator makes on a challenge is sent the day decided, and
 * that policy names no panel nor a time for it: the page says so, not "due to be heard by" and
 * nothing (a broken sentence a new user read), nor "28 days after it is sent". Last: it adds a
 * referral to the page the other cases count. */
static void
test_coordinator_referral_no_panel_limit (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumOutcome) outcome = NULL;
  const char *children[] = { "Rose Route", NULL };
  QuorumConferenceSpec spec = { .kind = QUORUM_KIND_INITIAL, .chair = "T. Avery", .children = children,
                                .profile_id = "buckinghamshire" };
  QuorumChallengeSpec challenge = { .agency = "Children's Social Care", .designated_person = "J. Ops Manager",
                                    .raised_by = "S. Social", .concern = "The children are left alone at night." };
  static const char *groups[] = { "Children's Social Care", "Police", "NHS Trust" };
  g_autoptr(QuorumConference) c = NULL;
  QuorumReferral *referral;
  gint64 conference, child, id;
  GDate day;

  g_assert_true (quorum_date_parse ("2027-05-03", "date", &spec.date, NULL));
  conference = quorum_store_create_conference (fx.chair, &spec, &error);
  g_assert_no_error (error);
  child = ui_test_child_id (fx.chair, conference, 0);
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      QuorumAttendeeSpec a = { .name = groups[i], .agency = groups[i], .line_management = groups[i],
                               .voting = TRUE, .attendance = QUORUM_ATTENDANCE_PRESENT };

      quorum_store_add_attendee (fx.chair, conference, &a, &error);
      g_assert_no_error (error);
    }
  {
    QuorumAttemptSpec attempt = { .child_id = child, .summary = "No agreement", .agreed = QUORUM_VIEW_NONE };

    quorum_store_add_attempt (fx.chair, conference, &attempt, &error);
    g_assert_no_error (error);
  }
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      QuorumVoteSpec vote = { .child_id = child, .group = groups[i],
                              .view = i == 0 ? QUORUM_VIEW_PLAN : QUORUM_VIEW_NO_PLAN,
                              .categories = i == 0 ? QUORUM_CATEGORY_NEGLECT : 0, .reason = "Their view." };

      quorum_store_record_vote (fx.chair, conference, &vote, &error);
      g_assert_no_error (error);
    }
  outcome = quorum_store_decide_with_reason (fx.chair, conference, child, QUORUM_VIEW_NO_PLAN, 0, "The chair weighed the views recorded.", NULL, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (quorum_date_parse ("2027-05-04", "date", &day, NULL));
  challenge.child_id = child;
  challenge.raised_on = day;
  id = quorum_store_raise_challenge (fx.chair, conference, &challenge, &error);
  g_assert_no_error (error);
  g_assert_true (quorum_store_alert_challenge (fx.chair, id, "K. Coordinator", &day, &error));
  g_assert_true (quorum_store_decide_challenge (fx.chair, id, &day, QUORUM_CHALLENGE_REFER, NULL,
                                                "Risk at night.", &error));
  g_assert_no_error (error);
  c = ui_test_load (fx.chair, conference);
  referral = quorum_conference_find_referral (c, child);
  g_assert_nonnull (referral);

  quorum_referrals_page_reload (fx.page);
  wait_loaded (fx.page);
  set_as_of (fx.page, "2027-06-30");
  g_assert_true (quorum_referrals_page_select (fx.page, referral->id));
  ui_test_iterate (50);
  g_test_message ("status: %s", label_text (fx.page, "pane_status_label"));
  g_assert_null (strstr (label_text (fx.page, "pane_status_label"), "due to be heard by"));
  g_assert_nonnull (strstr (label_text (fx.page, "pane_status_label"), "no time"));
  g_assert_false (is_overdue (fx.page, referral->id));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (child_of (fx.page, "panel_due_row"))), ==,
                   "No time limit set by this policy");
}

static void
test_screenshots (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(QuorumStore) store = NULL;
  GDate until;

  g_date_clear (&until, 1);
  g_date_set_dmy (&until, 24, 12, 2026);
  generate (path, 1500, &until, 20261224);
  store = open_as_head_of_service (path);

  screenshot_at (store, 1280, 800, TRUE, "referrals-1280x800");
  screenshot_at (store, 800, 600, FALSE, "referrals-800x600");
  screenshot_at (store, 800, 600, TRUE, "referrals-800x600-pane");
}

static gboolean
other_item_shown (gpointer data)
{
  return ui_test_find_shown_label (data, "Other (give the reasons)") != NULL;
}

/* A window of its own on the referrals page, on a store of its own as another start of the app
 * has (on PostgreSQL a store watches its notifications for one window: a second window on
 * fx.store would take fx.window's watch). */
static QuorumReferralsPage *
open_referrals (QuorumWindow **window)
{
  QuorumStore *store = ui_test_is_postgres () ? open_as_head_of_service (fx.path) : ui_test_open (fx.path);
  AdwViewStack *stack;
  QuorumReferralsPage *page;

  *window = ui_test_window_new (store, 1280, 800);
  g_object_set_data_full (G_OBJECT (*window), "test-store", store, g_object_unref);
  stack = ADW_VIEW_STACK (ui_test_find_type (GTK_WIDGET (*window), ADW_TYPE_VIEW_STACK));
  adw_view_stack_set_visible_child_name (stack, "referrals");
  page = QUORUM_REFERRALS_PAGE (ui_test_find_type (GTK_WIDGET (*window), QUORUM_TYPE_REFERRALS_PAGE));
  g_assert_nonnull (page);
  wait_loaded (page);
  return page;
}

/* The panel's outcome "Other" chosen and its reasons typed by the Head of Service, not yet
 * recorded: in the database at once (what a kill leaves), and given back when the referral is
 * opened in a new window; recorded, the draft is gone. (The reasons were in the window only.) */
static void
test_panel_reasons_kept (void)
{
  g_autoptr(QuorumReferralRow) row = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *scope = NULL;
  QuorumReferralsPage *page;
  QuorumWindow *window;
  GtkWidget *outcome;
  gint64 conference = 0;
  gint64 referral;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  referral = make_split (fx.chair, "2027-02-01", "Bo Draft", "R. Patel", &conference);
  scope = g_strdup_printf ("referral:%" G_GINT64_FORMAT ":panel", referral);

  page = open_referrals (&window);
  g_assert_true (quorum_referrals_page_select (page, referral));
  ui_test_iterate (50);
  set_entry (page, "notify_date_entry", "2027-02-02");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "referrals.notify", NULL));
  wait_loaded (page);
  g_assert_true (gtk_widget_get_visible (child_of (page, "panel_group")));

  /* As the Head of Service does it: the outcome's list opened, Other clicked, the reasons typed. */
  ui_test_raise_window (window);
  outcome = child_of (page, "outcome_combo");
  ui_test_click (outcome, -1, -1);
  ui_test_wait_until (other_item_shown, outcome, 10000, "the list of outcomes");
  ui_test_click (ui_test_find_shown_label (outcome, "Other (give the reasons)"), -1, -1);
  ui_test_settle (300);
  g_assert_true (gtk_widget_get_visible (child_of (page, "reason_entry")));
  ui_test_click (child_of (page, "reason_entry"), -1, -1);
  ui_test_type ("Adjourned for a parenting assessment");
  ui_test_iterate (QUORUM_DRAFT_DELAY_MS + 200);
  {
    g_autofree char *kept_outcome = quorum_store_get_draft (fx.store, conference, scope, "outcome", &error);
    g_autofree char *kept_reason = quorum_store_get_draft (fx.store, conference, scope, "reason", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (kept_outcome, ==, "other");
    g_assert_cmpstr (kept_reason, ==, "Adjourned for a parenting assessment");
  }
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (100);

  /* A new window: the referral opened again gives them back. */
  page = open_referrals (&window);
  g_assert_true (quorum_referrals_page_select (page, referral));
  ui_test_iterate (100);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (child_of (page, "outcome_combo"))), ==, 3);
  g_assert_true (gtk_widget_get_visible (child_of (page, "reason_entry")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child_of (page, "reason_entry"))), ==,
                   "Adjourned for a parenting assessment");

  /* Recorded as given back; the draft is gone. */
  set_entry (page, "panel_date_entry", "2027-02-20");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "referrals.record-panel", NULL));
  wait_loaded (page);
  ui_test_iterate (QUORUM_DRAFT_DELAY_MS + 200);
  row = quorum_store_get_referral (fx.store, referral, &error);
  g_assert_no_error (error);
  g_assert_cmpint (row->outcome, ==, QUORUM_PANEL_OTHER);
  g_assert_cmpstr (row->outcome_reason, ==, "Adjourned for a parenting assessment");
  {
    g_autofree char *kept_outcome = quorum_store_get_draft (fx.store, conference, scope, "outcome", &error);
    g_autofree char *kept_reason = quorum_store_get_draft (fx.store, conference, scope, "reason", &error);

    g_assert_no_error (error);
    g_assert_null (kept_outcome);
    g_assert_null (kept_reason);
  }
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (100);
}

/* A referral's row clicked in the table, as the Head of Service picks it: the pane opens on it. */
static void
click_referral (QuorumReferralsPage *page,
                const char          *child)
{
  GtkWidget *label = ui_test_find_shown_label (GTK_WIDGET (page), child);

  g_assert_nonnull (label);
  ui_test_click (label, -1, -1);
  ui_test_settle (300);
  g_assert_true (adw_flap_get_reveal_flap (ADW_FLAP (child_of (page, "flap"))));
}

/* Clicks into @name's field and types @text over what it shows. */
static void
type_into (QuorumReferralsPage *page,
           const char          *name,
           const char          *text)
{
  ui_test_click (child_of (page, name), -1, -1);
  ui_test_key ("ctrl+a");
  ui_test_type (text);
}

static gboolean
marker_shown (QuorumReferralsPage *page,
              const char          *name)
{
  GtkWidget *marker = ui_test_find_named (GTK_WIDGET (page), name);

  g_assert_nonnull (marker);
  /* Seen: it keeps its place, unseen, while there is no draft (nothing moves under the pointer). */
  return gtk_widget_get_visible (marker) && gtk_widget_get_mapped (marker) && gtk_widget_get_opacity (marker) > 0;
}

static char *
kept (gint64      conference,
      gint64      referral,
      const char *form,
      const char *field)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *scope = g_strdup_printf ("referral:%" G_GINT64_FORMAT ":%s", referral, form);
  char *text = quorum_store_get_draft (fx.store, conference, scope, field, &error);

  g_assert_no_error (error);
  return text;
}

static const char *
entry_text (QuorumReferralsPage *page,
            const char          *name)
{
  return gtk_editable_get_text (GTK_EDITABLE (child_of (page, name)));
}

/* A new user's trial: the Record the Notification form, the panel's form (its date heard too)
 * and the Correct… form typed and not recorded, the window closed: every word comes back when
 * the referral is picked again, a date typed as typed (not today), marked "not yet recorded";
 * a date the form offers (today) is no draft. Recorded, the drafts are gone. */
static void
test_forms_kept_across_close (void)
{
  g_autoptr(QuorumReferralRow) row = NULL;
  g_autoptr(GError) error = NULL;
  QuorumReferralsPage *page;
  QuorumWindow *window;
  gint64 conference = 0;
  gint64 referral;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  referral = make_split (fx.chair, "2027-04-05", "Fay Forms", "R. Patel", &conference);

  page = open_referrals (&window);
  ui_test_raise_window (window);
  click_referral (page, "Fay Forms");
  g_assert_true (gtk_widget_get_visible (child_of (page, "notify_group")));
  /* Today offered, nothing typed: no draft. */
  g_assert_cmpstr (entry_text (page, "notify_date_entry"), ==, "2027-06-30");
  ui_test_iterate (QUORUM_DRAFT_DELAY_MS + 200);
  g_assert_false (marker_shown (page, "notify-draft-marker"));
  g_assert_null (kept (conference, referral, "notify", "date"));

  type_into (page, "notify_date_entry", "2027-04-09");
  type_into (page, "sender_entry", "A. Admin");
  type_into (page, "means_entry", "secure email");
  ui_test_iterate (QUORUM_DRAFT_DELAY_MS + 200);
  g_assert_true (marker_shown (page, "notify-draft-marker"));
  {
    g_autofree char *date = kept (conference, referral, "notify", "date");
    g_autofree char *by = kept (conference, referral, "notify", "by");
    g_autofree char *means = kept (conference, referral, "notify", "means");

    g_assert_cmpstr (date, ==, "2027-04-09");
    g_assert_cmpstr (by, ==, "A. Admin");
    g_assert_cmpstr (means, ==, "secure email");
  }

  /* Closed (Ctrl+W closes the window), opened again, the referral picked again. */
  gtk_window_close (GTK_WINDOW (window));
  ui_test_iterate (300);
  page = open_referrals (&window);
  ui_test_raise_window (window);
  click_referral (page, "Fay Forms");
  g_assert_cmpstr (entry_text (page, "notify_date_entry"), ==, "2027-04-09");
  g_assert_cmpstr (entry_text (page, "sender_entry"), ==, "A. Admin");
  g_assert_cmpstr (entry_text (page, "means_entry"), ==, "secure email");
  g_assert_true (marker_shown (page, "notify-draft-marker"));

  /* Recorded as given back: the date typed, not today; the draft is gone. */
  ui_test_click (child_of (page, "notify_button"), -1, -1);
  wait_loaded (page);
  ui_test_iterate (QUORUM_DRAFT_DELAY_MS + 200);
  row = quorum_store_get_referral (fx.store, referral, &error);
  g_assert_no_error (error);
  {
    g_autofree char *notified = quorum_date_to_string (&row->notified);

    g_assert_cmpstr (notified, ==, "2027-04-09");
    g_assert_cmpstr (row->sent_by, ==, "A. Admin");
  }
  g_clear_pointer (&row, quorum_referral_row_free);
  {
    g_autofree char *date = kept (conference, referral, "notify", "date");
    g_autofree char *by = kept (conference, referral, "notify", "by");

    g_assert_null (date);
    g_assert_null (by);
  }

  /* The panel's form: the date heard typed, Other chosen, its reasons; and a correction of the
   * date sent, typed and not recorded. */
  g_assert_true (gtk_widget_get_visible (child_of (page, "panel_group")));
  g_assert_false (marker_shown (page, "panel-draft-marker"));
  type_into (page, "panel_date_entry", "2027-04-20");
  ui_test_click (child_of (page, "outcome_combo"), -1, -1);
  ui_test_wait_until (other_item_shown, child_of (page, "outcome_combo"), 10000, "the list of outcomes");
  ui_test_click (ui_test_find_shown_label (child_of (page, "outcome_combo"), "Other (give the reasons)"), -1, -1);
  ui_test_settle (300);
  type_into (page, "reason_entry", "Adjourned for an assessment");
  g_assert_true (gtk_widget_get_visible (child_of (page, "correct_group")));
  type_into (page, "correct_value_entry", "2027-04-08");
  type_into (page, "correct_reason_entry", "The email's date");
  ui_test_iterate (QUORUM_DRAFT_DELAY_MS + 200);
  g_assert_true (marker_shown (page, "panel-draft-marker"));
  g_assert_true (marker_shown (page, "correct-draft-marker"));

  gtk_window_close (GTK_WINDOW (window));
  ui_test_iterate (300);
  {
    g_autofree char *date = kept (conference, referral, "panel", "date");
    g_autofree char *value = kept (conference, referral, "correct", "value");

    g_assert_cmpstr (date, ==, "2027-04-20");
    g_assert_cmpstr (value, ==, "2027-04-08");
  }
  page = open_referrals (&window);
  ui_test_raise_window (window);
  click_referral (page, "Fay Forms");
  g_assert_cmpstr (entry_text (page, "panel_date_entry"), ==, "2027-04-20");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (child_of (page, "outcome_combo"))), ==, 3);
  g_assert_cmpstr (entry_text (page, "reason_entry"), ==, "Adjourned for an assessment");
  g_assert_true (marker_shown (page, "panel-draft-marker"));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (child_of (page, "correct_field_combo"))), ==, 0);
  g_assert_cmpstr (entry_text (page, "correct_value_entry"), ==, "2027-04-08");
  g_assert_cmpstr (entry_text (page, "correct_reason_entry"), ==, "The email's date");
  g_assert_true (marker_shown (page, "correct-draft-marker"));
  ui_test_screenshot (GTK_WIDGET (window), "referrals-drafts-given-back");

  /* Recorded as given back: heard on the day typed, not today; then the correction. */
  ui_test_click (child_of (page, "panel_button"), -1, -1);
  wait_loaded (page);
  ui_test_iterate (QUORUM_DRAFT_DELAY_MS + 200);
  row = quorum_store_get_referral (fx.store, referral, &error);
  g_assert_no_error (error);
  {
    g_autofree char *heard = quorum_date_to_string (&row->panel_date);

    g_assert_cmpstr (heard, ==, "2027-04-20");
    g_assert_false (row->heard_late);
  }
  g_clear_pointer (&row, quorum_referral_row_free);
  g_assert_false (marker_shown (page, "panel-draft-marker"));
  {
    g_autofree char *date = kept (conference, referral, "panel", "date");

    g_assert_null (date);
  }

  ui_test_click (child_of (page, "correct_button"), -1, -1);
  wait_loaded (page);
  ui_test_iterate (QUORUM_DRAFT_DELAY_MS + 200);
  row = quorum_store_get_referral (fx.store, referral, &error);
  g_assert_no_error (error);
  {
    g_autofree char *notified = quorum_date_to_string (&row->notified);
    g_autofree char *value = kept (conference, referral, "correct", "value");

    g_assert_cmpstr (notified, ==, "2027-04-08");
    g_assert_null (value);
  }
  g_assert_false (marker_shown (page, "correct-draft-marker"));
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (100);
}

/* The first shown widget under @root that acts on @action (a button), or NULL. */
static GtkWidget *
find_actionable (GtkWidget  *root,
                 const char *action)
{
  if (GTK_IS_ACTIONABLE (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_actionable (child, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
plan_confirmed_shown (gpointer data)
{
  return ui_test_find_shown_label (data, "Plan confirmed") != NULL;
}

/* A new user's trial: a referral sent late and heard late showed "Decided" and plain dates in
 * the table; a panel due on a Saturday showed as any day. The table says both in words, as the
 * pane and the CLI do (DOMAIN: lateness shown, never hidden; a due date on a day off shown with
 * the working day before it). */
static void
test_lateness_in_table (void)
{
  g_autoptr(QuorumReferralRow) row = NULL;
  g_autoptr(GError) error = NULL;
  QuorumReferralsPage *page;
  QuorumWindow *window;
  GtkWidget *status;
  GtkWidget *due;
  gint64 hal;
  gint64 ivy;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  /* Mon 23 Nov 2026: due Mon 30 Nov; sent on Sat 28 Nov, the panel is due on Sat 26 Dec
   * (Boxing Day): the working day before is Thu 24 Dec. */
  hal = make_split (fx.chair, "2026-11-23", "Hal Holiday", "R. Patel", NULL);
  /* Mon 11 Jan 2027: due Mon 18 Jan; sent on Wed 20 Jan (late), due to be heard by Wed 17 Feb,
   * heard on Sat 20 Feb (late). */
  ivy = make_split (fx.chair, "2027-01-11", "Ivy Late", "J. Okafor", NULL);

  page = open_referrals (&window);
  ui_test_raise_window (window);

  click_referral (page, "Hal Holiday");
  type_into (page, "notify_date_entry", "2026-11-28");
  ui_test_click (child_of (page, "notify_button"), -1, -1);
  wait_loaded (page);

  click_referral (page, "Ivy Late");
  type_into (page, "notify_date_entry", "2027-01-20");
  ui_test_click (child_of (page, "notify_button"), -1, -1);
  wait_loaded (page);
  type_into (page, "panel_date_entry", "2027-02-20");
  ui_test_click (child_of (page, "outcome_combo"), -1, -1);
  ui_test_wait_until (plan_confirmed_shown, child_of (page, "outcome_combo"), 10000, "the list of outcomes");
  ui_test_click (ui_test_find_shown_label (child_of (page, "outcome_combo"), "Plan confirmed"), -1, -1);
  ui_test_settle (300);
  ui_test_click (child_of (page, "panel_button"), -1, -1);
  wait_loaded (page);

  row = quorum_store_get_referral (fx.store, ivy, &error);
  g_assert_no_error (error);
  g_assert_true (row->sent_late);
  g_assert_true (row->heard_late);
  g_assert_cmpint (row->outcome, ==, QUORUM_PANEL_PLAN_CONFIRMED);
  g_clear_pointer (&row, quorum_referral_row_free);
  row = quorum_store_get_referral (fx.store, hal, &error);
  g_assert_no_error (error);
  {
    g_autofree char *panel_due = quorum_date_to_string (&row->panel_due);

    g_assert_cmpstr (panel_due, ==, "2026-12-26");
  }

  /* The pane closed (its × clicked), the table whole: its words say it. */
  ui_test_click (find_actionable (GTK_WIDGET (page), "referrals.close-pane"), -1, -1);
  ui_test_settle (500);
  g_assert_false (adw_flap_get_reveal_flap (ADW_FLAP (child_of (page, "flap"))));
  status = ui_test_find_shown_label (GTK_WIDGET (page), "Decided (sent late; heard late)");
  g_assert_nonnull (status);
  due = ui_test_find_shown_label (GTK_WIDGET (page), "26 Dec 2026 · not a working day");
  g_assert_nonnull (due);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (due), ==,
                   "Saturday 26 December 2026 — not a working day: the working day before is Thursday 24 December 2026");
  ui_test_screenshot (GTK_WIDGET (window), "referrals-lateness-in-table");

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (100);
}

typedef struct
{
  GtkWidget  *combo;
  const char *item;
} ShownItem;

static gboolean
item_shown (gpointer data)
{
  ShownItem *shown = data;

  return ui_test_find_shown_label (shown->combo, shown->item) != NULL;
}

/* Opens @name's list with a click and clicks @item in it, as a person chooses. */
static void
choose (QuorumReferralsPage *page,
        const char          *name,
        const char          *item)
{
  ShownItem shown = { child_of (page, name), item };

  ui_test_click (shown.combo, -1, -1);
  ui_test_wait_until (item_shown, &shown, 10000, "the list to open");
  ui_test_click (ui_test_find_shown_label (shown.combo, item), -1, -1);
  ui_test_settle (300);
}

/* A new user's trial: correcting the panel's outcome asked for the store's words ("plan ended"
 * was refused: "is not a panel outcome (plan-confirmed, plan-ended or other)"). The right
 * outcome is chosen from the outcomes in words, and the correction is told in words. */
static void
test_correct_outcome_in_words (void)
{
  g_autoptr(QuorumReferralRow) row = NULL;
  g_autoptr(GError) error = NULL;
  QuorumReferralsPage *page;
  QuorumWindow *window;
  gint64 referral;
  GDate day;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  /* Sent and heard: the panel's outcome minuted as Other. */
  referral = make_split (fx.chair, "2027-05-17", "Jo Correct", "R. Patel", NULL);
  g_assert_true (quorum_date_parse ("2027-05-18", "date", &day, NULL));
  g_assert_true (quorum_store_send_referral (fx.store, referral, &day, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (quorum_date_parse ("2027-06-01", "date", &day, NULL));
  g_assert_true (quorum_store_record_panel (fx.store, referral, &day, QUORUM_PANEL_OTHER, "Adjourned", &error));
  g_assert_no_error (error);

  page = open_referrals (&window);
  ui_test_raise_window (window);
  click_referral (page, "Jo Correct");
  g_assert_true (gtk_widget_get_visible (child_of (page, "correct_group")));
  /* A date is typed; the outcome is chosen. */
  g_assert_true (gtk_widget_get_visible (child_of (page, "correct_value_entry")));
  g_assert_false (gtk_widget_get_visible (child_of (page, "correct_outcome_combo")));
  choose (page, "correct_field_combo", "Panel outcome");
  g_assert_false (gtk_widget_get_visible (child_of (page, "correct_value_entry")));
  g_assert_true (gtk_widget_get_visible (child_of (page, "correct_outcome_combo")));
  choose (page, "correct_outcome_combo", "Plan ended");
  type_into (page, "correct_reason_entry", "Minuted wrongly");
  ui_test_screenshot (GTK_WIDGET (window), "referrals-correct-outcome-form");
  ui_test_click (child_of (page, "correct_button"), -1, -1);
  wait_loaded (page);

  row = quorum_store_get_referral (fx.store, referral, &error);
  g_assert_no_error (error);
  g_assert_cmpint (row->outcome, ==, QUORUM_PANEL_PLAN_ENDED);
  g_assert_true (gtk_widget_get_visible (child_of (page, "corrections_row")));
  /* Then when and by whom (refpane). */
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (child_of (page, "corrections_row"))),
                                   "Panel outcome: Other → Plan ended (Minuted wrongly) — "));
  /* The reasons given for Other are not the plan's end's. */
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (child_of (page, "outcome_row"))), ==, "Plan ended");
  ui_test_screenshot (GTK_WIDGET (window), "referrals-correct-outcome");
  g_clear_pointer (&row, quorum_referral_row_free);

  /* Back to Other (DOMAIN 4: other, with reasons): the form asks for the panel's own reasons,
   * and records them with the correction. */
  g_assert_false (gtk_widget_get_visible (child_of (page, "correct_panel_reason_entry")));
  choose (page, "correct_field_combo", "Panel outcome");
  choose (page, "correct_outcome_combo", "Other");
  g_assert_true (gtk_widget_get_visible (child_of (page, "correct_panel_reason_entry")));
  type_into (page, "correct_panel_reason_entry", "Adjourned for a parenting assessment");
  type_into (page, "correct_reason_entry", "Minuted wrongly again");
  ui_test_click (child_of (page, "correct_button"), -1, -1);
  wait_loaded (page);
  row = quorum_store_get_referral (fx.store, referral, &error);
  g_assert_no_error (error);
  g_assert_cmpint (row->outcome, ==, QUORUM_PANEL_OTHER);
  g_assert_cmpstr (row->outcome_reason, ==, "Adjourned for a parenting assessment");
  g_assert_false (gtk_widget_get_visible (child_of (page, "correct_panel_reason_entry")));

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (100);
}

/* The day @day of the month the calendar shows (a label not greyed as the month before's or
 * after's), on the screen. */
static GtkWidget *
calendar_day (GtkWidget  *root,
              const char *day)
{
  if (GTK_IS_LABEL (root) && gtk_widget_has_css_class (root, "day-number") &&
      !gtk_widget_has_css_class (root, "other-month") && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), day) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = calendar_day (child, day);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
widget_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
widget_unmapped (gpointer data)
{
  return !gtk_widget_get_mapped (data);
}

/* The as-of button clicked, as a person opens its calendar. The click waits for the page to be
 * quiet first: the button holds the as-of label, whose width changes with the day applied, so a
 * click aimed before the new width is laid out lands where the button was (under load, the
 * calendar then never opened: "Timed out waiting for the as-of calendar", 1 run in several). If
 * it is still lost, the test says where the button was and is, and clicks once more. */
static void
open_as_of_calendar (QuorumReferralsPage *page)
{
  GtkWidget *button = child_of (page, "as_of_button");
  GtkWidget *calendar = child_of (page, "as_of_calendar");
  gint64 until;
  graphene_rect_t before = GRAPHENE_RECT_INIT (0, 0, 0, 0), after = GRAPHENE_RECT_INIT (0, 0, 0, 0);

  ui_test_settle (300);
  if (!gtk_widget_compute_bounds (button, GTK_WIDGET (gtk_widget_get_root (button)), &before))
    g_test_message ("the as-of button has no bounds before its click");
  ui_test_click (button, -1, -1);
  until = g_get_monotonic_time () + 3000 * 1000 * ui_test_timeout_scale () * ui_test_overload ();
  while (!gtk_widget_get_mapped (calendar) && g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  if (!gtk_widget_get_mapped (calendar))
    {
      if (!gtk_widget_compute_bounds (button, GTK_WIDGET (gtk_widget_get_root (button)), &after))
        g_test_message ("the as-of button has no bounds after its click");
      g_test_message ("the click on the as-of button opened nothing (button at %.0f,%.0f %.0fx%.0f, now %.0f,%.0f "
                      "%.0fx%.0f): clicked again", before.origin.x, before.origin.y, before.size.width,
                      before.size.height, after.origin.x, after.origin.y, after.size.width, after.size.height);
      ui_test_settle (300);
      ui_test_click (button, -1, -1);
    }
  ui_test_wait_until (widget_mapped, calendar, 10000, "the as-of calendar");
  ui_test_iterate (200);
}

/* The as-of button clicked, and @day of the month its calendar shows clicked, as a person
 * picks the date the page judges by. */
static void
pick_as_of_day (QuorumReferralsPage *page,
                const char          *day)
{
  GtkWidget *calendar = child_of (page, "as_of_calendar");

  open_as_of_calendar (page);
  g_assert_nonnull (calendar_day (calendar, day));
  ui_test_click (calendar_day (calendar, day), -1, -1);
  ui_test_settle (200);
  /* A day picked closes the calendar: gone before the next click on the as-of button, which
   * would otherwise close it rather than open it (under load, 1 run in several). */
  ui_test_wait_until (widget_unmapped, calendar, 10000, "the as-of calendar to close");
  wait_loaded (page);
}

static char *
db_answer (const char *sql)
{
  return ui_test_db_sql (fx.path, sql);
}

/* refasof, DOMAIN 4 on the page as the Head of Service uses it. As of a day picked in the
 * calendar: a referral whose conference was later is not in the table (it had not been made),
 * and the chart counts each referral as it stood that day (heard later: not yet heard then).
 * Then the Correct… form: Other's reasons corrected, the outcome kept, is recorded (the same
 * reasons again are refused); a date corrected is shown as the page shows every date. */
static void
test_as_of_chart_and_corrections (void)
{
  g_autoptr(QuorumReferralRow) row = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *details = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *answer = NULL;
  QuorumReferralsChart *chart;
  QuorumReferralsPage *page;
  QuorumWindow *window;
  gint64 conference = 0;
  gint64 kim;
  gint64 lou;
  guint before;
  GDate day;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  /* Kim: conference Tue 1 June 2027, sent 2 June, heard 21 June: Other. Lou: conference Mon
   * 28 June 2027, not yet sent. ("Today" is Wed 30 June 2027 in these tests.) */
  kim = make_split (fx.chair, "2027-06-01", "Kim Chart", "R. Patel", &conference);
  g_assert_true (quorum_date_parse ("2027-06-02", "date", &day, NULL));
  g_assert_true (quorum_store_send_referral (fx.store, kim, &day, NULL, NULL, &error));
  g_assert_true (quorum_date_parse ("2027-06-21", "date", &day, NULL));
  g_assert_true (quorum_store_record_panel (fx.store, kim, &day, QUORUM_PANEL_OTHER,
                                            "Adjourned for a parenting assessment", &error));
  g_assert_no_error (error);
  lou = make_split (fx.chair, "2027-06-28", "Lou Later", "J. Okafor", NULL);

  page = open_referrals (&window);
  ui_test_raise_window (window);
  chart = QUORUM_REFERRALS_CHART (child_of (page, "chart"));
  g_assert_nonnull (find_item (page, lou));
  details = quorum_referrals_chart_dup_details (chart);
  g_assert_nonnull (strstr (details, "June 2027, 2 referrals: 0 plan confirmed, 0 plan ended, 1 other, 1 not yet heard"));
  g_clear_pointer (&details, g_free);

  /* As of Mon 14 June, picked in the calendar: Lou's conference had not sat, Kim's panel had
   * not heard it. */
  pick_as_of_day (page, "14");
  g_assert_true (g_str_has_prefix (label_text (page, "as_of_label"), "As of Mon 14 Jun 2027"));
  g_assert_null (find_item (page, lou));
  g_assert_null (ui_test_find_shown_label (GTK_WIDGET (page), "Lou Later"));
  g_assert_nonnull (find_item (page, kim));
  g_assert_cmpint (quorum_referral_object_get_state (find_item (page, kim)), ==, QUORUM_REFERRAL_AWAITING_PANEL);
  details = quorum_referrals_chart_dup_details (chart);
  g_test_message ("chart as of 14 June: %s", details);
  g_assert_nonnull (strstr (details, "June 2027, 1 referral: 0 plan confirmed, 0 plan ended, 0 other, 1 not yet heard"));
  g_assert_null (strstr (details, "June 2027, 2 referrals"));
  /* The table's count and the tiles are the store's list as of that day. */
  {
    g_autoptr(GPtrArray) rows = NULL;
    g_autofree char *count = NULL;
    QuorumReferralCounts counts;
    GDate as_of;

    g_assert_true (quorum_date_parse ("2027-06-14", "date", &as_of, NULL));
    rows = quorum_store_list_referrals (fx.store, &as_of, FALSE, &error);
    g_assert_no_error (error);
    count = g_strdup_printf ("%u referrals", rows->len);
    g_assert_cmpstr (label_text (page, "count_label"), ==, count);
    g_assert_true (quorum_store_count_referrals (fx.store, &as_of, NULL, &counts, &error));
    g_assert_cmpuint (counts.total, ==, rows->len);
    for (guint i = 0; i < rows->len; i++)
      g_assert_cmpint (((QuorumReferralRow *) g_ptr_array_index (rows, i))->id, !=, lou);
  }
  ui_test_screenshot (GTK_WIDGET (window), "referrals-as-of-chart");

  /* Today again, with the popover's Today button. */
  open_as_of_calendar (page);
  ui_test_click (find_actionable (child_of (page, "as_of_popover"), "referrals.today"), -1, -1);
  wait_loaded (page);
  g_assert_nonnull (find_item (page, lou));

  /* Kim's panel minuted with the wrong reasons: Other kept, the reasons corrected. */
  click_referral (page, "Kim Chart");
  choose (page, "correct_field_combo", "Panel outcome");
  choose (page, "correct_outcome_combo", "Other");
  type_into (page, "correct_panel_reason_entry", "Referred back to the conference");
  type_into (page, "correct_reason_entry", "Minuted wrongly");
  before = n_audit (conference);
  ui_test_click (child_of (page, "correct_button"), -1, -1);
  wait_loaded (page);
  g_assert_cmpuint (n_audit (conference), ==, before + 2);
  row = quorum_store_get_referral (fx.store, kim, &error);
  g_assert_no_error (error);
  g_assert_cmpint (row->outcome, ==, QUORUM_PANEL_OTHER);
  g_assert_cmpstr (row->outcome_reason, ==, "Referred back to the conference");
  g_clear_pointer (&row, quorum_referral_row_free);
  sql = g_strdup_printf ("SELECT count(*) FROM referral_correction WHERE referral_id = %" G_GINT64_FORMAT
                         " AND field = 'outcome' AND old_value = 'other' AND new_value = 'other'", kim);
  answer = db_answer (sql);
  g_assert_cmpstr (answer, ==, "1");
  g_clear_pointer (&answer, g_free);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM audit WHERE conference_id = %" G_GINT64_FORMAT " AND summary LIKE "
                         "'%%from other (reasons: Adjourned for a parenting assessment) to other (reasons: "
                         "Referred back to the conference)%%'", conference);
  answer = db_answer (sql);
  g_assert_cmpstr (answer, ==, "2");
  g_clear_pointer (&answer, g_free);
  g_assert_cmpstr (row_subtitle_of (page, "outcome_row"), ==, "Other: Referred back to the conference");
  /* Then when and by whom (refpane). */
  g_assert_true (g_str_has_prefix (row_subtitle_of (page, "corrections_row"),
                                   "Panel outcome: Other, its reasons corrected (Minuted wrongly) — "));

  /* The same reasons again: nothing to correct, nothing written. */
  choose (page, "correct_field_combo", "Panel outcome");
  choose (page, "correct_outcome_combo", "Other");
  type_into (page, "correct_panel_reason_entry", "Referred back to the conference");
  type_into (page, "correct_reason_entry", "Again");
  before = n_audit (conference);
  ui_test_click (child_of (page, "correct_button"), -1, -1);
  ui_test_settle (300);
  g_assert_cmpuint (n_audit (conference), ==, before);
  answer = db_answer (sql);
  g_assert_cmpstr (answer, ==, "2");
  g_clear_pointer (&answer, g_free);

  /* The date sent corrected: shown as the page shows dates, not as stored. */
  choose (page, "correct_field_combo", "Date sent to the Head of Service");
  type_into (page, "correct_value_entry", "2027-06-03");
  type_into (page, "correct_reason_entry", "The email's date");
  ui_test_click (child_of (page, "correct_button"), -1, -1);
  wait_loaded (page);
  row = quorum_store_get_referral (fx.store, kim, &error);
  g_assert_no_error (error);
  {
    g_autofree char *notified = quorum_date_to_string (&row->notified);

    g_assert_cmpstr (notified, ==, "2027-06-03");
  }
  g_test_message ("corrections: %s", row_subtitle_of (page, "corrections_row"));
  g_assert_nonnull (strstr (row_subtitle_of (page, "corrections_row"),
                            "Date sent to the Head of Service: Wednesday 2 June 2027 → Thursday 3 June 2027 "
                            "(The email's date)"));
  g_assert_null (strstr (row_subtitle_of (page, "corrections_row"), "2027-06-0"));
  ui_test_screenshot (GTK_WIDGET (window), "referrals-corrections-row");

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (100);
}

/* The texts a table row shows, " | " between them (the order of its cells, which need not be
 * the columns' after they were left out and shown again): the row of the label @child. */
static char *
table_row_texts (QuorumReferralsPage *page,
                 const char          *child)
{
  GtkWidget *label = ui_test_find_shown_label (child_of (page, "column_view"), child);
  GtkWidget *row = label;
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_nonnull (label);
  while (row != NULL && g_strcmp0 (gtk_widget_get_css_name (row), "row") != 0)
    row = gtk_widget_get_parent (row);
  g_assert_nonnull (row);
  for (GtkWidget *cell = gtk_widget_get_first_child (row); cell; cell = gtk_widget_get_next_sibling (cell))
    {
      GtkWidget *inner = cell;

      /* A cell's label, or the status cell's box of an icon and a label. */
      while (inner != NULL && !GTK_IS_LABEL (inner))
        {
          GtkWidget *next = gtk_widget_get_first_child (inner);

          while (next != NULL && !gtk_widget_get_visible (next))
            next = gtk_widget_get_next_sibling (next);
          if (next != NULL && GTK_IS_IMAGE (next))
            next = gtk_widget_get_next_sibling (next);
          inner = next;
        }
      if (text->len > 0)
        g_string_append (text, " | ");
      g_string_append (text, inner != NULL ? gtk_label_get_label (GTK_LABEL (inner)) : "");
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
find_icon_button (GtkWidget  *root,
                  const char *icon)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (root)), icon) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_icon_button (child, icon);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The as-of button clicked, the calendar's month arrow clicked @back times, and @day clicked. */
static void
pick_as_of_day_months_back (QuorumReferralsPage *page,
                            guint                back,
                            const char          *day)
{
  GtkWidget *calendar = child_of (page, "as_of_calendar");

  open_as_of_calendar (page);
  for (guint i = 0; i < back; i++)
    {
      GtkWidget *previous = find_icon_button (calendar, "pan-start-symbolic");

      /* Turning the month is no choice: the calendar stays open (it closed, as of that day). */
      g_assert_nonnull (previous);
      ui_test_click (previous, -1, -1);
      ui_test_settle (150);
      g_assert_true (gtk_widget_get_mapped (calendar));
    }
  g_assert_nonnull (calendar_day (calendar, day));
  ui_test_click (calendar_day (calendar, day), -1, -1);
  ui_test_settle (200);
  /* A day picked closes the calendar: gone before the next click on the as-of button, which
   * would otherwise close it rather than open it (under load, 1 run in several). */
  ui_test_wait_until (widget_unmapped, calendar, 10000, "the as-of calendar to close");
  wait_loaded (page);
}

/* refs2 1, DOMAIN 4: as of a past date the table's Sent, Panel due, Panel date and Outcome
 * cells say what stood then, as its status already did. Pia: conference 1 June 2027, sent
 * 2 June, heard 21 June (plan confirmed): as of 14 June, sent but not heard, so no panel date
 * and no outcome. Noa: sent 8 October 2026 and heard 20 October (Other), both corrected by
 * the Head of Service in the page today (the machine's clock: after November 2026); as of
 * 15 November 2026 the cells give the values the corrections replaced. */
static void
test_as_of_table_cells (void)
{
  g_autoptr(QuorumReferralRow) row = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cells = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *answer = NULL;
  QuorumReferralsPage *page;
  QuorumWindow *window;
  gint64 pia, noa;
  GDate day;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  pia = make_split (fx.chair, "2027-06-01", "Pia June", "R. Patel", NULL);
  g_assert_true (quorum_date_parse ("2027-06-02", "date", &day, NULL));
  g_assert_true (quorum_store_send_referral (fx.store, pia, &day, NULL, NULL, &error));
  g_assert_true (quorum_date_parse ("2027-06-21", "date", &day, NULL));
  g_assert_true (quorum_store_record_panel (fx.store, pia, &day, QUORUM_PANEL_PLAN_CONFIRMED, NULL, &error));
  noa = make_split (fx.chair, "2026-10-05", "Noa Then", "J. Okafor", NULL);
  g_assert_true (quorum_date_parse ("2026-10-08", "date", &day, NULL));
  g_assert_true (quorum_store_send_referral (fx.store, noa, &day, NULL, NULL, &error));
  g_assert_true (quorum_date_parse ("2026-10-20", "date", &day, NULL));
  g_assert_true (quorum_store_record_panel (fx.store, noa, &day, QUORUM_PANEL_OTHER, "Adjourned", &error));
  g_assert_no_error (error);

  page = open_referrals (&window);
  ui_test_raise_window (window);

  /* Noa's dates and outcome corrected by the Head of Service, by hand, today. */
  type_into (page, "search_entry", "Noa Then");
  wait_loaded (page);
  ui_test_iterate (400);
  wait_loaded (page);
  click_referral (page, "Noa Then");
  choose (page, "correct_field_combo", "Date sent to the Head of Service");
  type_into (page, "correct_value_entry", "2026-10-07");
  type_into (page, "correct_reason_entry", "The email's date");
  ui_test_click (child_of (page, "correct_button"), -1, -1);
  wait_loaded (page);
  choose (page, "correct_field_combo", "Panel outcome");
  choose (page, "correct_outcome_combo", "Plan ended");
  type_into (page, "correct_reason_entry", "Minuted wrongly");
  ui_test_click (child_of (page, "correct_button"), -1, -1);
  wait_loaded (page);
  row = quorum_store_get_referral (fx.store, noa, &error);
  g_assert_no_error (error);
  {
    g_autofree char *notified = quorum_date_to_string (&row->notified);

    g_assert_cmpstr (notified, ==, "2026-10-07");
  }
  g_assert_cmpint (row->outcome, ==, QUORUM_PANEL_PLAN_ENDED);
  g_assert_null (row->outcome_reason);
  sql = g_strdup_printf ("SELECT count(*) FROM referral_correction WHERE referral_id = %" G_GINT64_FORMAT, noa);
  answer = db_answer (sql);
  g_assert_cmpstr (answer, ==, "2");
  /* Today: the table says what is recorded. */
  cells = table_row_texts (page, "Noa Then");
  g_test_message ("Noa today: %s", cells);
  g_assert_nonnull (strstr (cells, "7 Oct 2026"));
  g_assert_nonnull (strstr (cells, "Plan ended"));
  g_clear_pointer (&cells, g_free);

  /* As of Sunday 15 November 2026, picked in the calendar (seven months back from June 2027). */
  pick_as_of_day_months_back (page, 7, "15");
  g_assert_true (g_str_has_prefix (label_text (page, "as_of_label"), "As of Sun 15 Nov 2026"));
  cells = table_row_texts (page, "Noa Then");
  g_test_message ("Noa as of 15 November 2026: %s", cells);
  g_assert_nonnull (strstr (cells, "8 Oct 2026"));
  g_assert_null (strstr (cells, "7 Oct 2026"));
  g_assert_nonnull (strstr (cells, "5 Nov 2026"));    /* the panel due 28 days after 8 October */
  g_assert_null (strstr (cells, "4 Nov 2026"));
  g_assert_nonnull (strstr (cells, "20 Oct 2026"));
  g_assert_nonnull (strstr (cells, "Other: Adjourned"));
  g_assert_null (strstr (cells, "Plan ended"));
  g_clear_pointer (&cells, g_free);
  /* The chart counts it as the row shows it. */
  g_test_message ("chart: %s", label_text (page, "chart_caption"));
  g_assert_nonnull (strstr (label_text (page, "chart_caption"), "0 plan ended, 1 other"));
  ui_test_screenshot (GTK_WIDGET (window), "refs2-as-of-corrected-before");

  /* As of Monday 14 June 2027: Pia sent, not yet heard. */
  open_as_of_calendar (page);
  ui_test_click (find_actionable (child_of (page, "as_of_popover"), "referrals.today"), -1, -1);
  wait_loaded (page);
  type_into (page, "search_entry", "Pia June");
  ui_test_iterate (400);
  wait_loaded (page);
  cells = table_row_texts (page, "Pia June");
  g_test_message ("Pia today: %s", cells);
  g_assert_nonnull (strstr (cells, "21 Jun 2027"));
  g_assert_nonnull (strstr (cells, "Plan confirmed"));
  g_clear_pointer (&cells, g_free);
  pick_as_of_day (page, "14");
  cells = table_row_texts (page, "Pia June");
  g_test_message ("Pia as of 14 June 2027: %s", cells);
  g_assert_true (g_str_has_prefix (cells, "Awaiting panel"));
  g_assert_nonnull (strstr (cells, "2 Jun 2027"));
  g_assert_nonnull (strstr (cells, "30 Jun 2027"));
  g_assert_null (strstr (cells, "21 Jun 2027"));
  g_assert_null (strstr (cells, "Plan confirmed"));
  g_clear_pointer (&cells, g_free);
  /* As of 1 June, the conference's day: not yet sent, no dates of the Head of Service's. */
  pick_as_of_day (page, "1");
  cells = table_row_texts (page, "Pia June");
  g_test_message ("Pia as of 1 June 2027: %s", cells);
  g_assert_true (g_str_has_prefix (cells, "Not yet sent"));
  g_assert_null (strstr (cells, "2 Jun 2027"));
  g_assert_null (strstr (cells, "29 Jun 2027"));          /* its panel due, 28 days after 2 June */
  g_clear_pointer (&cells, g_free);
  ui_test_screenshot (GTK_WIDGET (window), "refs2-as-of-not-yet-sent");

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (100);
}

/* refs2 2, DOMAIN "The challenge of a chair's decision": the Co-ordinator's referral appears on
 * the Head of Service's page from the day the Co-ordinator decides to refer. As of a day after
 * the conference and before the decision it had not been made: not in the table, not counted
 * (it was listed as "Not yet sent"). */
static void
test_coordinator_referral_as_of (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumOutcome) outcome = NULL;
  const char *children[] = { "Tam Challenge", NULL };
  QuorumConferenceSpec spec = { .kind = QUORUM_KIND_INITIAL, .chair = "T. Avery", .children = children,
                                .profile_id = "buckinghamshire" };
  QuorumChallengeSpec challenge = { .agency = "Children's Social Care", .designated_person = "J. Ops Manager",
                                    .raised_by = "S. Social", .concern = "The children are left alone at night." };
  static const char *groups[] = { "Children's Social Care", "Police", "NHS Trust" };
  QuorumReferralsPage *page;
  QuorumWindow *window;
  gint64 conference, child, id;
  guint before;
  GDate day;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  /* Conference Mon 7 June 2027; challenge raised and the Co-ordinator alerted on 8 June; the
   * Co-ordinator refers it to the Head of Service on Thu 10 June. */
  g_assert_true (quorum_date_parse ("2027-06-07", "date", &spec.date, NULL));
  conference = quorum_store_create_conference (fx.chair, &spec, &error);
  g_assert_no_error (error);
  child = ui_test_child_id (fx.chair, conference, 0);
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      QuorumAttendeeSpec a = { .name = groups[i], .agency = groups[i], .line_management = groups[i],
                               .voting = TRUE, .attendance = QUORUM_ATTENDANCE_PRESENT };

      quorum_store_add_attendee (fx.chair, conference, &a, &error);
      g_assert_no_error (error);
    }
  {
    QuorumAttemptSpec attempt = { .child_id = child, .summary = "No agreement", .agreed = QUORUM_VIEW_NONE };

    quorum_store_add_attempt (fx.chair, conference, &attempt, &error);
    g_assert_no_error (error);
  }
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      QuorumVoteSpec vote = { .child_id = child, .group = groups[i],
                              .view = i == 0 ? QUORUM_VIEW_PLAN : QUORUM_VIEW_NO_PLAN,
                              .categories = i == 0 ? QUORUM_CATEGORY_NEGLECT : 0, .reason = "Their view." };

      quorum_store_record_vote (fx.chair, conference, &vote, &error);
      g_assert_no_error (error);
    }
  outcome = quorum_store_decide_with_reason (fx.chair, conference, child, QUORUM_VIEW_NO_PLAN, 0, "The chair weighed the views recorded.", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (quorum_date_parse ("2027-06-08", "date", &day, NULL));
  challenge.child_id = child;
  challenge.raised_on = day;
  id = quorum_store_raise_challenge (fx.chair, conference, &challenge, &error);
  g_assert_no_error (error);
  g_assert_true (quorum_store_alert_challenge (fx.chair, id, "K. Coordinator", &day, &error));
  g_assert_true (quorum_date_parse ("2027-06-10", "date", &day, NULL));
  g_assert_true (quorum_store_decide_challenge (fx.chair, id, &day, QUORUM_CHALLENGE_REFER, NULL,
                                                "Risk at night.", &error));
  g_assert_no_error (error);

  page = open_referrals (&window);
  ui_test_raise_window (window);

  /* As of Wed 9 June: the conference had sat, the Co-ordinator had not decided. */
  pick_as_of_day (page, "9");
  before = g_list_model_get_n_items (quorum_referrals_page_get_model (page));
  type_into (page, "search_entry", "Tam");
  ui_test_iterate (400);
  wait_loaded (page);
  g_assert_null (ui_test_find_shown_label (child_of (page, "column_view"), "Tam Challenge"));
  g_assert_cmpuint (g_list_model_get_n_items (quorum_referrals_page_get_model (page)), ==, 0);
  ui_test_screenshot (GTK_WIDGET (window), "refs2-coordinator-before-decision");
  /* Its tiles and count: the store's, without it. */
  {
    g_autoptr(GPtrArray) rows = NULL;
    GDate as_of;

    g_assert_true (quorum_date_parse ("2027-06-09", "date", &as_of, NULL));
    rows = quorum_store_list_referrals (fx.store, &as_of, FALSE, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (rows->len, ==, before);
    for (guint i = 0; i < rows->len; i++)
      g_assert_cmpstr (((QuorumReferralRow *) g_ptr_array_index (rows, i))->child, !=, "Tam Challenge");
  }

  /* As of Thu 10 June, the day of the decision: made and sent that day, awaiting the panel. */
  pick_as_of_day (page, "10");
  {
    g_autofree char *cells = table_row_texts (page, "Tam Challenge");

    g_test_message ("Tam as of 10 June 2027: %s", cells);
    g_assert_true (g_str_has_prefix (cells, "Awaiting panel"));
    g_assert_nonnull (strstr (cells, "10 Jun 2027"));
  }
  ui_test_screenshot (GTK_WIDGET (window), "refs2-coordinator-on-decision");

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (100);
}

typedef struct
{
  guint signals;
  guint replaced;   /* items removed and added, summed */
} Changes;

static void
count_changes_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  Changes *changes = user_data;

  changes->signals++;
  changes->replaced += MAX (removed, added);
}

static gboolean
recorded_unsent (QuorumStore *store,
                 gint64       id)
{
  g_autoptr(QuorumReferralRow) row = quorum_store_get_referral (store, id, NULL);

  return row != NULL && !g_date_valid (&row->notified);
}

/* refs2 3: the page's own write does not read the table anew. 2,000 referrals, those not
 * sent as of 24 December 2026 shown; the Head of Service scrolls down the table with Page Down (the row under the focus is the one open),
 * moves on with Down to one not yet sent, types the date it was sent and clicks Record: the
 * store holds it, it leaves the table (it is sent), and the table keeps its place (the scroll
 * where it was); only the rows that changed are replaced (it replaced them all before, the table going
 * back to its top). */
static void
test_own_write_keeps_place (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(QuorumReferralRow) row = NULL;
  Changes changes = { 0, };
  GtkAdjustment *vadjustment;
  GListModel *model;
  GtkWidget *page;
  GtkWidget *window;
  GtkWidget *table;
  double before, after;
  guint n_before;
  gint64 id = 0;
  gint64 t0;
  GDate until;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  g_date_clear (&until, 1);
  g_date_set_dmy (&until, 24, 12, 2026);
  generate (path, 2000, &until, 11);
  store = open_as_head_of_service (path);

  window = gtk_window_new ();
  page = quorum_referrals_page_new (store);
  g_object_set (page, "as-of", "2026-12-24", NULL);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  wait_loaded (QUORUM_REFERRALS_PAGE (page));
  ui_test_raise_window (window);
  ui_test_settle (300);
  model = quorum_referrals_page_get_model (QUORUM_REFERRALS_PAGE (page));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2000);
  table = ui_test_find_type (page, GTK_TYPE_COLUMN_VIEW);
  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (table));

  /* "Not Sent" clicked; the first row clicked, then Page Down three times, then Down to one
   * not yet sent (as of 24 December some were sent later). */
  ui_test_click (GTK_WIDGET (find_toggle (page, "_Not Sent")), -1, -1);
  ui_test_settle (200);
  wait_loaded (QUORUM_REFERRALS_PAGE (page));
  g_test_message ("not sent as of 24 December 2026: %u", g_list_model_get_n_items (model));
  {
    g_autoptr(QuorumReferralObject) first = g_list_model_get_item (model, 0);
    const QuorumReferralRow *first_row = quorum_referral_object_get_row (first);

    ui_test_click (ui_test_find_shown_label (table, first_row->child), -1, -1);
    ui_test_settle (300);
  }
  for (guint i = 0; i < 3; i++)
    {
      ui_test_key ("Page_Down");
      ui_test_settle (200);
    }
  g_test_message ("after Page Down: referral %" G_GINT64_FORMAT " open, scrolled %.0f px",
                  quorum_referrals_page_get_selected_id (QUORUM_REFERRALS_PAGE (page)), gtk_adjustment_get_value (vadjustment));
  for (guint i = 0; i < 200; i++)
    {
      id = quorum_referrals_page_get_selected_id (QUORUM_REFERRALS_PAGE (page));
      if (id != 0 && recorded_unsent (store, id))
        break;
      ui_test_key ("Down");
      ui_test_settle (60);
    }
  g_assert_cmpint (id, !=, 0);
  g_assert_true (recorded_unsent (store, id));
  g_assert_true (adw_flap_get_reveal_flap (ADW_FLAP (child_of (QUORUM_REFERRALS_PAGE (page), "flap"))));
  before = gtk_adjustment_get_value (vadjustment);
  n_before = g_list_model_get_n_items (model);
  g_test_message ("scrolled to %.0f px, referral %" G_GINT64_FORMAT " at %u", before, id,
                  quorum_referral_list_find (QUORUM_REFERRAL_LIST (model), id));
  g_assert_cmpfloat (before, >, 100);

  /* Sent on 24 December 2026, and recorded. As of a past day the pane has no form (refpane):
   * the page's action records it, as the form's button would today. */
  set_entry (QUORUM_REFERRALS_PAGE (page), "notify_date_entry", "2026-12-24");
  g_signal_connect (model, "items-changed", G_CALLBACK (count_changes_cb), &changes);
  t0 = g_get_monotonic_time ();
  g_assert_true (gtk_widget_activate_action (page, "referrals.notify", NULL));
  wait_loaded (QUORUM_REFERRALS_PAGE (page));
  ui_test_iterate (300);
  g_test_message ("recorded and shown in %.0f ms", (g_get_monotonic_time () - t0) / 1000.0);
  g_signal_handlers_disconnect_by_func (model, count_changes_cb, &changes);

  row = quorum_store_get_referral (store, id, &error);
  g_assert_no_error (error);
  {
    g_autofree char *sent = quorum_date_to_string (&row->notified);

    g_assert_cmpstr (sent, ==, "2026-12-24");
  }
  after = gtk_adjustment_get_value (vadjustment);
  g_test_message ("items-changed %u times, %u rows replaced; scroll %.0f → %.0f px",
                  changes.signals, changes.replaced, before, after);
  /* Sent now, so no longer among those not sent: gone from the table, and the rest of the
   * table left where it was on screen. */
  g_assert_cmpuint (quorum_referral_list_find (QUORUM_REFERRAL_LIST (model), id), ==, GTK_INVALID_LIST_POSITION);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_before - 1);
  /* Where it was, unless the table, a row shorter, can no longer scroll that far. */
  g_assert_cmpfloat (fabs (after - MIN (before, gtk_adjustment_get_upper (vadjustment) -
                                                gtk_adjustment_get_page_size (vadjustment))), <, 1);
  g_assert_cmpfloat (after, >, 0);
  g_assert_cmpuint (changes.replaced, <, n_before - 1);
  ui_test_screenshot (window, "refs2-own-write-keeps-place");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* actor: with no name kept (Preferences' "Your name" empty), a correction would name this
 * computer's login: Correct… asks the person's name first, writing nothing until it is given;
 * Cancel writes nothing; the name given (Enter, as Continue) is kept and the correction names
 * it (the record's recorded_by; on a shared database the server's user, never asked). */
static gboolean
no_message_dialog (gpointer data)
{
  (void) data;
  return ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL;
}

static void
test_correct_asks_name (void)
{
  g_autoptr(GSettings) settings = quorum_ui_settings_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *by = NULL;
  g_autofree char *sql = NULL;
  QuorumReferralsPage *page;
  QuorumWindow *window;
  GtkWindow *dialog;
  gint64 conference;
  gint64 referral;
  guint before;
  GDate day;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  referral = make_split (fx.chair, "2027-05-17", "Kit Named", "R. Patel", &conference);
  g_assert_true (quorum_date_parse ("2027-05-18", "date", &day, NULL));
  g_assert_true (quorum_store_send_referral (fx.store, referral, &day, NULL, NULL, &error));
  g_assert_no_error (error);
  g_settings_reset (settings, "chair-name");

  page = open_referrals (&window);
  ui_test_raise_window (window);
  click_referral (page, "Kit Named");
  type_into (page, "correct_value_entry", "2027-05-19");
  type_into (page, "correct_reason_entry", "The email's date");

  /* Asked, nothing written yet; Cancel writes nothing. */
  before = n_audit (conference);
  ui_test_click (child_of (page, "correct_button"), -1, -1);
  ui_test_settle (100);
  dialog = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  if (ui_test_is_postgres ())
    {
      g_assert_null (dialog);
      wait_loaded (page);
      g_assert_cmpuint (n_audit (conference), ==, before + 2);
      gtk_window_destroy (GTK_WINDOW (window));
      ui_test_iterate (100);
      return;
    }
  g_assert_nonnull (dialog);
  g_assert_nonnull (ui_test_find_named (GTK_WIDGET (dialog), "record-name-entry"));
  g_assert_cmpuint (n_audit (conference), ==, before);
  ui_test_respond ("cancel");
  g_assert_cmpuint (n_audit (conference), ==, before);

  /* Again: the name typed, Enter continues, and the correction is made, naming them. */
  ui_test_click (child_of (page, "correct_button"), -1, -1);
  ui_test_settle (100);
  dialog = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  ui_test_click (ui_test_find_named (GTK_WIDGET (dialog), "record-name-entry"), -1, -1);
  ui_test_key ("ctrl+a");
  ui_test_type ("Hannah Moss");
  ui_test_settle (50);
  ui_test_screenshot (GTK_WIDGET (dialog), "referrals-correct-asks-name");
  ui_test_key ("Return");
  ui_test_settle (100);
  /* The question goes as Enter answers it (under load, after the settle: once still there). */
  ui_test_wait_until (no_message_dialog, NULL, 10000, "the question of the name to go");
  wait_loaded (page);
  g_assert_cmpuint (n_audit (conference), ==, before + 2);
  kept = g_settings_get_string (settings, "chair-name");
  g_assert_cmpstr (kept, ==, "Hannah Moss");
  sql = g_strdup_printf ("SELECT recorded_by FROM referral_correction WHERE referral_id = %" G_GINT64_FORMAT, referral);
  by = db_answer (sql);
  g_assert_cmpstr (g_strstrip (by), ==, "Hannah Moss");

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (100);
}

/* Whether @widget lies wholly inside @scroller's view. */
static gboolean
inside_view (GtkWidget *widget,
             GtkWidget *scroller)
{
  graphene_rect_t bounds;

  if (!gtk_widget_get_mapped (widget) || !gtk_widget_compute_bounds (widget, scroller, &bounds))
    return FALSE;
  return bounds.origin.y >= 0 && bounds.size.height > 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (scroller);
}

/* A Head of Service's trial: the pane kept the last referral's scroll when another was picked,
 * the child's name scrolled out of view while an outcome was recorded (a risk of recording
 * against the wrong child). Scrolled down on one referral (a click into Correct…'s "Why"), a
 * click on another's row opens its pane at the top, its child's name in view. */
static void
test_pane_opens_at_top (void)
{
  g_autoptr(GError) error = NULL;
  QuorumReferralsPage *page;
  QuorumWindow *window;
  GtkAdjustment *vadjustment;
  GtkWidget *scroller;
  GtkWidget *title;
  gint64 first, second;
  GDate day;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  first = make_split (fx.chair, "2027-05-24", "Pip Scrolled", "R. Patel", NULL);
  second = make_split (fx.chair, "2027-05-25", "Quinn Top", "R. Patel", NULL);
  g_assert_true (quorum_date_parse ("2027-05-26", "date", &day, NULL));
  g_assert_true (quorum_store_send_referral (fx.store, first, &day, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (quorum_store_send_referral (fx.store, second, &day, NULL, NULL, &error));
  g_assert_no_error (error);

  page = open_referrals (&window);
  ui_test_raise_window (window);
  scroller = child_of (page, "pane_scroller");
  title = child_of (page, "pane_title");
  vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

  click_referral (page, "Pip Scrolled");
  g_assert_cmpstr (label_text (page, "pane_title"), ==, "Pip Scrolled");
  g_assert_true (inside_view (title, scroller));
  /* Down the pane to Correct…'s "Why", as a person scrolls to it and clicks in. */
  ui_test_click (child_of (page, "correct_reason_entry"), -1, -1);
  ui_test_settle (200);
  g_test_message ("pane scrolled to %.0f px of %.0f", gtk_adjustment_get_value (vadjustment),
                  gtk_adjustment_get_upper (vadjustment) - gtk_adjustment_get_page_size (vadjustment));
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), >, 100);
  g_assert_false (inside_view (title, scroller));

  /* Another referral's row clicked: its pane from the top, its child's name in view. */
  click_referral (page, "Quinn Top");
  g_assert_cmpint (quorum_referrals_page_get_selected_id (page), ==, second);
  g_assert_cmpstr (label_text (page, "pane_title"), ==, "Quinn Top");
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), ==, 0);
  g_assert_true (inside_view (title, scroller));
  ui_test_screenshot (GTK_WIDGET (window), "refpanel-pane-opens-at-top");

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (100);
}

/* Whether the keyboard focus is in @widget (an entry row's text inside it). */
static gboolean
focus_in (QuorumWindow *window,
          GtkWidget    *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* A Head of Service's trial: correcting an outcome to Other without the panel's reasons, the
 * first refusal said only "give the right value and why" with the focus put in "Why", the next
 * that the reasons were empty. Now the first says what is missing and puts the focus in the
 * first field missing; nothing is written. */
static void
test_correct_other_says_what_is_missing (void)
{
  g_autoptr(QuorumReferralRow) row = NULL;
  g_autoptr(GError) error = NULL;
  QuorumReferralsPage *page;
  QuorumWindow *window;
  gint64 conference;
  gint64 referral;
  guint before;
  GDate day;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  referral = make_split (fx.chair, "2027-05-24", "Rae Other", "R. Patel", &conference);
  g_assert_true (quorum_date_parse ("2027-05-25", "date", &day, NULL));
  g_assert_true (quorum_store_send_referral (fx.store, referral, &day, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (quorum_date_parse ("2027-06-01", "date", &day, NULL));
  g_assert_true (quorum_store_record_panel (fx.store, referral, &day, QUORUM_PANEL_PLAN_CONFIRMED, NULL, &error));
  g_assert_no_error (error);

  page = open_referrals (&window);
  ui_test_raise_window (window);
  /* Found by name, as a person finds one among many (the table shows only the rows in view). */
  type_into (page, "search_entry", "Rae Other");
  ui_test_iterate (300);
  wait_loaded (page);
  click_referral (page, "Rae Other");
  before = n_audit (conference);

  /* Other chosen, neither its reasons nor why given: both named, the focus in the reasons. */
  choose (page, "correct_field_combo", "Panel outcome");
  choose (page, "correct_outcome_combo", "Other");
  ui_test_click (child_of (page, "correct_button"), -1, -1);
  ui_test_settle (200);
  g_assert_cmpstr (quorum_window_get_last_toast (window), ==,
                   "Nothing was recorded: give the panel’s reasons for Other and why it is corrected");
  g_assert_true (focus_in (window, child_of (page, "correct_panel_reason_entry")));
  g_assert_cmpuint (n_audit (conference), ==, before);
  ui_test_screenshot (GTK_WIDGET (window), "refpanel-correct-other-both-missing");

  /* Why given, the reasons not: the reasons named, the focus in them. */
  type_into (page, "correct_reason_entry", "Minuted wrongly");
  ui_test_click (child_of (page, "correct_button"), -1, -1);
  ui_test_settle (200);
  g_assert_cmpstr (quorum_window_get_last_toast (window), ==,
                   "Nothing was recorded: give the panel’s reasons for Other");
  g_assert_true (focus_in (window, child_of (page, "correct_panel_reason_entry")));
  g_assert_cmpuint (n_audit (conference), ==, before);

  /* The reasons given, why emptied: why named, the focus in it. */
  type_into (page, "correct_panel_reason_entry", "Adjourned");
  type_into (page, "correct_reason_entry", " ");
  ui_test_click (child_of (page, "correct_button"), -1, -1);
  ui_test_settle (200);
  g_assert_cmpstr (quorum_window_get_last_toast (window), ==,
                   "Nothing was recorded: give why it is corrected");
  g_assert_true (focus_in (window, child_of (page, "correct_reason_entry")));
  g_assert_cmpuint (n_audit (conference), ==, before);
  row = quorum_store_get_referral (fx.store, referral, &error);
  g_assert_no_error (error);
  g_assert_cmpint (row->outcome, ==, QUORUM_PANEL_PLAN_CONFIRMED);
  set_entry (page, "search_entry", "");
  wait_loaded (page);

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (100);
}

/* The day-off note under a date field (@name), or NULL when it is hidden. */
static const char *
day_off_note (QuorumReferralsPage *page,
              const char          *name)
{
  GtkWidget *note = child_of (page, name);

  /* The note keeps its place: a warning is one only with its class (refpane). */
  if (!gtk_widget_get_visible (note) || !gtk_widget_get_mapped (note) ||
      !gtk_widget_has_css_class (note, "warning"))
    return NULL;
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (note));
}

/* The notice's means as the database holds it. */
static char *
notice_means (gint64 referral)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notices = quorum_store_list_notices (fx.store, FALSE, &error);
  char *means = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < notices->len; i++)
    {
      QuorumNoticeRow *n = g_ptr_array_index (notices, i);

      if (n->referral_id == referral && g_strcmp0 (n->kind, "referral-sent") == 0)
        {
          g_free (means);
          means = g_strdup (n->means);
        }
    }
  return means;
}

/* refmeans 1, the Head of Service's trial: how a referral was sent was kept with its notice
 * only; the pane, the table and the record never said it. Typed into the form as a person does
 * (a means with "&" in it: words, not markup), recorded with the button: the store holds it and
 * the pane says when, how and by whom; sent with no means, the notice's "not recorded" is not
 * shown as one. */
static void
test_means_in_pane (void)
{
  g_autoptr(QuorumReferralRow) row = NULL;
  g_autoptr(QuorumConference) loaded = NULL;
  g_autoptr(GError) error = NULL;
  QuorumReferralsPage *page;
  QuorumWindow *window;
  gint64 conference;
  gint64 referral;
  gint64 bare;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  referral = make_split (fx.chair, "2027-06-07", "Sol Means", "R. Patel", &conference);
  bare = make_split (fx.chair, "2027-06-07", "Sol Bare", "R. Patel", NULL);

  page = open_referrals (&window);
  ui_test_raise_window (window);
  type_into (page, "search_entry", "Sol ");
  ui_test_iterate (300);
  wait_loaded (page);
  click_referral (page, "Sol Means");

  type_into (page, "notify_date_entry", "2027-06-10");
  type_into (page, "sender_entry", "A. Admin");
  type_into (page, "means_entry", "secure email & phone");
  /* A Thursday: nothing said under the date. */
  g_assert_null (day_off_note (page, "notify_day_off_row"));
  ui_test_click (child_of (page, "notify_button"), -1, -1);
  wait_loaded (page);

  /* What the store holds: the notice's means, and the referral's reads carry it. */
  {
    g_autofree char *means = notice_means (referral);

    g_assert_cmpstr (means, ==, "secure email & phone");
  }
  row = quorum_store_get_referral (fx.store, referral, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (row->sent_by, ==, "A. Admin");
  g_assert_cmpstr (row->sent_means, ==, "secure email & phone");
  g_assert_cmpint (row->sent_day_off, ==, QUORUM_DAY_WORKING);
  loaded = quorum_store_load_conference (fx.store, conference, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((QuorumReferral *) g_ptr_array_index (loaded->referrals, 0))->sent_means, ==,
                   "secure email & phone");
  /* The page's own row (read a page at a time, by id). */
  g_assert_cmpstr (quorum_referral_object_get_row (find_item (page, referral))->sent_means, ==,
                   "secure email & phone");

  /* What the pane says. */
  g_assert_cmpstr (row_subtitle_of (page, "notified_row"), ==,
                   "Thursday 10 June 2027 by secure email & phone, sent by A. Admin");
  /* The table's Sent cell says it too, in its tooltip. */
  {
    GtkWidget *cell = ui_test_find_shown_label (GTK_WIDGET (page), "10 Jun 2027");

    g_assert_nonnull (cell);
    g_assert_cmpstr (gtk_widget_get_tooltip_text (cell), ==,
                     "Thursday 10 June 2027 by secure email & phone, sent by A. Admin");
  }
  /* The pane from its top for the picture (a record made in the pane keeps its place). */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (child_of (page, "pane_scroller"))), 0);
  ui_test_iterate (100);
  ui_test_screenshot (GTK_WIDGET (window), "refmeans-pane-sent-by-means");

  /* Sent with nothing typed for how: the pane names who, and no "not recorded" means. */
  click_referral (page, "Sol Bare");
  type_into (page, "notify_date_entry", "2027-06-11");
  type_into (page, "sender_entry", "A. Admin");
  ui_test_click (child_of (page, "notify_button"), -1, -1);
  wait_loaded (page);
  {
    g_autofree char *means = notice_means (bare);

    g_assert_cmpstr (means, ==, "not recorded");
  }
  g_clear_pointer (&row, quorum_referral_row_free);
  row = quorum_store_get_referral (fx.store, bare, &error);
  g_assert_no_error (error);
  g_assert_null (row->sent_means);
  g_assert_cmpstr (row_subtitle_of (page, "notified_row"), ==, "Friday 11 June 2027 by A. Admin");

  set_entry (page, "search_entry", "");
  wait_loaded (page);
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (100);
}

/* refmeans 2, the Head of Service's trial: a sent or heard date on a day off was accepted
 * without a word. It is still accepted (people email at weekends), but the form says so under
 * the date as it is typed, before it is recorded, and the pane says it after; lateness is
 * judged as before. */
static void
test_day_off_said (void)
{
  g_autoptr(QuorumReferralRow) row = NULL;
  g_autoptr(GError) error = NULL;
  QuorumReferralsPage *page;
  QuorumWindow *window;
  gint64 conference;
  gint64 referral;
  guint before;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  /* Mon 24 May 2027: due Tue 1 June (Mon 31 May is the Spring bank holiday). */
  referral = make_split (fx.chair, "2027-05-24", "Tam Weekend", "R. Patel", &conference);

  page = open_referrals (&window);
  ui_test_raise_window (window);
  type_into (page, "search_entry", "Tam Weekend");
  ui_test_iterate (300);
  wait_loaded (page);
  click_referral (page, "Tam Weekend");
  /* Today (a Wednesday) offered: nothing said. */
  g_assert_null (day_off_note (page, "notify_day_off_row"));

  /* A Saturday typed: said under the date, before anything is recorded. */
  before = n_audit (conference);
  type_into (page, "notify_date_entry", "2027-05-29");
  ui_test_iterate (100);
  g_assert_cmpstr (day_off_note (page, "notify_day_off_row"), ==,
                   "29 May 2027 is a Saturday, not a working day. "
                   "Check it is the day it was sent: it can still be recorded.");
  g_assert_cmpuint (n_audit (conference), ==, before);
  ui_test_screenshot (GTK_WIDGET (window), "refmeans-form-saturday");
  /* The bank holiday typed instead: said as England and Wales's. */
  type_into (page, "notify_date_entry", "2027-05-31");
  ui_test_iterate (100);
  g_assert_cmpstr (day_off_note (page, "notify_day_off_row"), ==,
                   "31 May 2027 is a bank holiday in England and Wales, not a working day. "
                   "Check it is the day it was sent: it can still be recorded.");
  /* A working day: the note goes. */
  type_into (page, "notify_date_entry", "2027-05-28");
  ui_test_iterate (100);
  g_assert_null (day_off_note (page, "notify_day_off_row"));

  /* The Saturday it was, recorded: accepted, and the pane says it. */
  type_into (page, "notify_date_entry", "2027-05-29");
  type_into (page, "means_entry", "email");
  ui_test_click (child_of (page, "notify_button"), -1, -1);
  wait_loaded (page);
  row = quorum_store_get_referral (fx.store, referral, &error);
  g_assert_no_error (error);
  {
    g_autofree char *notified = quorum_date_to_string (&row->notified);
    g_autofree char *panel_due = quorum_date_to_string (&row->panel_due);
    g_autofree char *panel_due_working = quorum_date_to_string (&row->panel_due_working);

    g_assert_cmpstr (notified, ==, "2027-05-29");
    /* Lateness as before: before its due date, not late; the panel 28 days on, a Saturday,
     * shown with the working day before it. */
    g_assert_false (row->sent_late);
    g_assert_cmpstr (panel_due, ==, "2027-06-26");
    g_assert_cmpstr (panel_due_working, ==, "2027-06-25");
  }
  g_assert_cmpint (row->sent_day_off, ==, QUORUM_DAY_SATURDAY);
  g_assert_cmpstr (row_subtitle_of (page, "notified_row"), ==,
                   "Saturday 29 May 2027 (a Saturday, not a working day) by email, sent by R. Patel");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (child_of (page, "pane_scroller"))), 0);
  ui_test_iterate (100);
  ui_test_screenshot (GTK_WIDGET (window), "refmeans-pane-saturday");

  /* The panel heard it on Saturday 26 June, its due day: said under the date, recorded, not late. */
  type_into (page, "panel_date_entry", "2027-06-26");
  ui_test_iterate (100);
  g_assert_cmpstr (day_off_note (page, "panel_day_off_row"), ==,
                   "26 June 2027 is a Saturday, not a working day. "
                   "Check it is the day the panel heard it: it can still be recorded.");
  choose (page, "outcome_combo", "Plan confirmed");
  ui_test_click (child_of (page, "panel_button"), -1, -1);
  wait_loaded (page);
  g_clear_pointer (&row, quorum_referral_row_free);
  row = quorum_store_get_referral (fx.store, referral, &error);
  g_assert_no_error (error);
  g_assert_cmpint (row->outcome, ==, QUORUM_PANEL_PLAN_CONFIRMED);
  g_assert_false (row->heard_late);
  g_assert_cmpint (row->heard_day_off, ==, QUORUM_DAY_SATURDAY);
  g_assert_cmpstr (row_subtitle_of (page, "panel_date_row"), ==,
                   "Saturday 26 June 2027 (a Saturday, not a working day)");

  /* A correction to a Sunday, typed in Correct…: said under the right date too. */
  choose (page, "correct_field_combo", "Date the panel heard it");
  type_into (page, "correct_value_entry", "2027-06-27");
  ui_test_iterate (100);
  g_assert_cmpstr (day_off_note (page, "correct_day_off_row"), ==,
                   "27 June 2027 is a Sunday, not a working day. "
                   "Check it is the right date: it can still be recorded.");
  type_into (page, "correct_value_entry", "");
  set_entry (page, "correct_value_entry", "");

  set_entry (page, "search_entry", "");
  wait_loaded (page);
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (100);
}

static gboolean
row_listed (GPtrArray *rows,
            gint64     id)
{
  for (guint i = 0; i < rows->len; i++)
    if (((QuorumReferralRow *) g_ptr_array_index (rows, i))->id == id)
      return TRUE;
  return FALSE;
}

/* fidel4 3: as of a day picked in the calendar the page judges overdue as `quorum-cli referrals
 * --as-of D --overdue` does, by the dates as they stood on D. Rae: conference Mon 5 October 2026,
 * due Mon 12 October; recorded as sent on 30 October, then corrected by the Head of Service in the
 * page, today (the machine's clock: after October 2026), to 9 October. As of Tue 20 October it
 * had not been sent then (the correction came later): overdue. Sol: same conference day, sent
 * 8 October, never corrected: awaiting the panel, not overdue. The page said Rae was awaiting
 * the panel, behind Sol in the status order, and counted no overdue referral. */
static void
test_as_of_overdue_as_they_stood (void)
{
  g_autoptr(GPtrArray) cli = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  QuorumReferralCounts counts;
  QuorumReferralsPage *page;
  QuorumWindow *window;
  GListModel *model;
  gint64 rae, sol;
  GDate day;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  rae = make_split (fx.chair, "2026-10-05", "Rae Corrected", "R. Patel", NULL);
  g_assert_true (quorum_date_parse ("2026-10-30", "date", &day, NULL));
  g_assert_true (quorum_store_send_referral (fx.store, rae, &day, NULL, NULL, &error));
  sol = make_split (fx.chair, "2026-10-05", "Sol Steady", "J. Okafor", NULL);
  g_assert_true (quorum_date_parse ("2026-10-08", "date", &day, NULL));
  g_assert_true (quorum_store_send_referral (fx.store, sol, &day, NULL, NULL, &error));
  g_assert_no_error (error);

  page = open_referrals (&window);
  ui_test_raise_window (window);

  /* Rae's date sent corrected by hand, today. */
  type_into (page, "search_entry", "Rae Corrected");
  wait_loaded (page);
  ui_test_iterate (400);
  wait_loaded (page);
  click_referral (page, "Rae Corrected");
  choose (page, "correct_field_combo", "Date sent to the Head of Service");
  type_into (page, "correct_value_entry", "2026-10-09");
  type_into (page, "correct_reason_entry", "The email's date");
  ui_test_click (child_of (page, "correct_button"), -1, -1);
  wait_loaded (page);
  g_assert_cmpstr (db_answer ("SELECT notified FROM referral WHERE child_id = (SELECT id FROM child WHERE name = 'Rae Corrected')"),
                   ==, "2026-10-09");
  set_entry (page, "search_entry", "");
  wait_loaded (page);
  ui_test_iterate (400);
  wait_loaded (page);

  /* As of Tuesday 20 October 2026, picked in the calendar (eight months back from June 2027). */
  pick_as_of_day_months_back (page, 8, "20");
  g_assert_true (g_str_has_prefix (label_text (page, "as_of_label"), "As of Tue 20 Oct 2026"));

  /* What the CLI lists (`referrals --as-of 2026-10-20 [--overdue]`: the same store call); other
   * cases of this file may have added referrals of that month (run alone, only these two). */
  g_assert_true (quorum_date_parse ("2026-10-20", "date", &day, NULL));
  cli = quorum_store_list_referrals (fx.store, &day, TRUE, &error);
  g_assert_no_error (error);
  all = quorum_store_list_referrals (fx.store, &day, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (row_listed (cli, rae));
  g_assert_false (row_listed (cli, sol));

  /* The tile, the rows and the status order agree with it. */
  {
    g_autofree char *cells = table_row_texts (page, "Rae Corrected");
    g_autofree char *n_overdue = g_strdup_printf ("%u", cli->len);

    g_test_message ("overdue tile: %s; Rae: %s", label_text (page, "overdue_count_label"), cells);
    g_assert_cmpstr (label_text (page, "overdue_count_label"), ==, n_overdue);
  }
  g_assert_true (quorum_store_count_referrals (fx.store, &day, NULL, &counts, &error));
  g_assert_cmpuint (counts.overdue, ==, cli->len);
  g_assert_cmpuint (counts.total, ==, all->len);
  g_assert_true (is_overdue (page, rae));
  g_assert_false (is_overdue (page, sol));
  g_assert_cmpint (quorum_referral_object_get_state (find_item (page, rae)), ==, QUORUM_REFERRAL_AWAITING_NOTIFICATION);
  model = quorum_referrals_page_get_model (page);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, all->len);
  /* Overdue first: Rae before Sol (which the record's dates now would put first, by the panel's
   * due date), every overdue row before every other. */
  {
    gboolean seen_other = FALSE;
    guint rae_at = G_MAXUINT;
    guint sol_at = G_MAXUINT;

    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      {
        g_autoptr(QuorumReferralObject) item = g_list_model_get_item (model, i);
        gint64 id = quorum_referral_object_get_id (item);

        g_assert_true (row_listed (all, id));
        if (quorum_referral_object_get_overdue (item))
          g_assert_false (seen_other);
        else
          seen_other = TRUE;
        if (id == rae)
          rae_at = i;
        else if (id == sol)
          sol_at = i;
      }
    g_assert_cmpuint (rae_at, <, sol_at);
    g_assert_cmpuint (sol_at, <, G_MAXUINT);
  }
  ui_test_screenshot (GTK_WIDGET (window), "fidel4-referrals-as-of-overdue");

  /* The Overdue filter: the CLI's rows, no more. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "referrals.show", "s", "overdue"));
  wait_loaded (page);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, cli->len);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(QuorumReferralObject) item = g_list_model_get_item (model, i);

      g_assert_true (row_listed (cli, quorum_referral_object_get_id (item)));
    }
  ui_test_screenshot (GTK_WIDGET (window), "fidel4-referrals-as-of-overdue-filter");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "referrals.show", "s", "all"));
  wait_loaded (page);

  /* Today (30 June 2027) the record stands corrected: sent, and the panel late. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "referrals.today", NULL));
  wait_loaded (page);
  g_assert_cmpint (quorum_referral_object_get_state (find_item (page, rae)), ==, QUORUM_REFERRAL_AWAITING_PANEL);

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (100);
}

/* ---- refpane: trial 4, defects 4, 5 and 11, annoyances 6, 7 and 8 ---- */

/* @widget's top in @page's coordinates. */
static double
top_of (QuorumReferralsPage *page,
        const char          *name)
{
  graphene_point_t at;

  g_assert_true (gtk_widget_compute_point (child_of (page, name), GTK_WIDGET (page),
                                           &GRAPHENE_POINT_INIT (0, 0), &at));
  return at.y;
}

/* The note under a date field, whether it warns or reads the date back. */
static const char *
date_note (QuorumReferralsPage *page,
           const char          *name)
{
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child_of (page, name)));
}

/* Defect 11 and annoyances 6 and 8, as the trial ran it: a date typed on a Sunday, then in the
 * future, never moves the fields below it; the future is said at once under the field, and
 * without "Sunday … is a Sunday". Enter in the last field records the notification, the panel's
 * outcome (Plan ended, with the panel's reasons) and a correction, as the buttons do. The
 * Corrections row then says who made the correction and when (annoyance 7). */
static gint64 notified_referral;

static gboolean
referral_notified (gpointer data)
{
  g_autoptr(QuorumReferralRow) row = quorum_store_get_referral (fx.store, notified_referral, NULL);

  (void) data;
  return row != NULL && g_date_valid (&row->notified);
}

static void
test_refpane_forms (void)
{
  g_autoptr(QuorumReferralRow) row = NULL;
  g_autoptr(GError) error = NULL;
  QuorumReferralsPage *page;
  QuorumWindow *window;
  gint64 referral;
  double sender_top, means_top;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  /* Mon 7 June 2027: due Mon 14 June. "Today" is Wed 30 June 2027. */
  referral = make_split (fx.chair, "2027-06-07", "Amy Forms", "R. Patel", NULL);
  page = open_referrals (&window);
  ui_test_raise_window (window);
  type_into (page, "search_entry", "Amy Forms");
  ui_test_iterate (300);
  wait_loaded (page);
  click_referral (page, "Amy Forms");
  ui_test_iterate (200);

  sender_top = top_of (page, "sender_entry");
  means_top = top_of (page, "means_entry");
  /* Sun 27 June typed: said, and nothing below the date moves. */
  type_into (page, "notify_date_entry", "2027-06-27");
  ui_test_iterate (300);
  g_assert_cmpstr (date_note (page, "notify_day_off_row"), ==,
                   "27 June 2027 is a Sunday, not a working day. "
                   "Check it is the day it was sent: it can still be recorded.");
  g_assert_cmpfloat (top_of (page, "sender_entry"), ==, sender_top);
  g_assert_cmpfloat (top_of (page, "means_entry"), ==, means_top);
  ui_test_screenshot (GTK_WIDGET (window), "refpane-form-sunday");
  /* Sun 4 July, in the future: said at once, under the field; nothing moves. */
  type_into (page, "notify_date_entry", "2027-07-04");
  ui_test_iterate (300);
  g_assert_cmpstr (date_note (page, "notify_day_off_row"), ==,
                   "4 July 2027 is in the future: the referral cannot have been sent yet.");
  g_assert_cmpfloat (top_of (page, "sender_entry"), ==, sender_top);
  ui_test_screenshot (GTK_WIDGET (window), "refpane-form-future");
  /* A working day: read back, nothing moves. */
  type_into (page, "notify_date_entry", "2027-06-15");
  ui_test_iterate (300);
  g_assert_cmpstr (date_note (page, "notify_day_off_row"), ==, "Tuesday 15 June 2027");
  g_assert_cmpfloat (top_of (page, "sender_entry"), ==, sender_top);

  /* The trial's clicks and typing, then Enter in the last field: recorded. */
  type_into (page, "sender_entry", "R. Patel");
  type_into (page, "means_entry", "secure email");
  ui_test_key ("Return");
  /* Recorded by the page's own write: waited for in the database (under load the page read as
   * loaded before Enter had reached it, and 300 ms was once too short). */
  notified_referral = referral;
  ui_test_wait_until (referral_notified, NULL, 10000, "the notification to be recorded");
  wait_loaded (page);
  row = quorum_store_get_referral (fx.store, referral, &error);
  g_assert_no_error (error);
  {
    g_autofree char *notified = quorum_date_to_string (&row->notified);

    g_assert_cmpstr (notified, ==, "2027-06-15");
  }
  g_assert_cmpstr (row->sent_by, ==, "R. Patel");
  g_assert_cmpstr (row->sent_means, ==, "secure email");
  g_clear_pointer (&row, quorum_referral_row_free);

  /* Plan ended, with the panel's reasons (the CLI's --reason), by Enter in the reasons. */
  type_into (page, "panel_date_entry", "2027-06-16");
  choose (page, "outcome_combo", "Plan ended");
  g_assert_true (gtk_widget_get_visible (child_of (page, "reason_entry")));
  type_into (page, "reason_entry", "Risk reduced: family engaged");
  ui_test_key ("Return");
  wait_loaded (page);
  ui_test_iterate (300);
  row = quorum_store_get_referral (fx.store, referral, &error);
  g_assert_no_error (error);
  g_assert_cmpint (row->outcome, ==, QUORUM_PANEL_PLAN_ENDED);
  g_assert_cmpstr (row->outcome_reason, ==, "Risk reduced: family engaged");
  g_clear_pointer (&row, quorum_referral_row_free);
  g_assert_cmpstr (row_subtitle_of (page, "outcome_row"), ==, "Plan ended: Risk reduced: family engaged");

  /* A correction of the date sent, by Enter in "Why it is corrected". */
  type_into (page, "correct_value_entry", "2027-06-14");
  type_into (page, "correct_reason_entry", "Typed the wrong day");
  ui_test_key ("Return");
  wait_loaded (page);
  ui_test_iterate (300);
  row = quorum_store_get_referral (fx.store, referral, &error);
  g_assert_no_error (error);
  {
    g_autofree char *notified = quorum_date_to_string (&row->notified);

    g_assert_cmpstr (notified, ==, "2027-06-14");
  }
  /* Who and when. */
  g_test_message ("corrections: %s", row_subtitle_of (page, "corrections_row"));
  g_assert_nonnull (strstr (row_subtitle_of (page, "corrections_row"), "(Typed the wrong day) — "));
  g_assert_true (g_str_has_suffix (row_subtitle_of (page, "corrections_row"), ", by Hannah Moss"));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (child_of (page, "pane_scroller"))), 0);
  ui_test_iterate (100);
  ui_test_screenshot (GTK_WIDGET (window), "refpane-corrections-who-when");

  set_entry (page, "search_entry", "");
  wait_loaded (page);
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (100);
}

/* A greyed day of the month before, as the calendar shows it. */
static GtkWidget *
calendar_other_day (GtkWidget  *root,
                    const char *day)
{
  if (GTK_IS_LABEL (root) && gtk_widget_has_css_class (root, "day-number") &&
      gtk_widget_has_css_class (root, "other-month") && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), day) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = calendar_other_day (child, day);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Defect 4: as of a past day the pane is the referral as it stood then, says so, and offers no
 * form; back to today, it is the record. Defect 5: a click on a greyed day of the month before
 * applies it; and a click on the day the calendar shows selected, after a turn of the month,
 * applies it. */
static void
test_refpane_as_of (void)
{
  g_autoptr(GError) error = NULL;
  QuorumReferralsPage *page;
  QuorumWindow *window;
  GtkWidget *calendar;
  gint64 referral;
  GDate day;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  /* Mon 7 June 2027: due Mon 14 June; sent Tue 15 June by secure email, heard Wed 16 June:
   * plan ended. */
  referral = make_split (fx.chair, "2027-06-07", "Amy Asof", "R. Patel", NULL);
  g_assert_true (quorum_date_parse ("2027-06-15", "date", &day, NULL));
  g_assert_true (quorum_store_send_referral (fx.store, referral, &day, "R. Patel", "secure email", &error));
  g_assert_true (quorum_date_parse ("2027-06-16", "date", &day, NULL));
  g_assert_true (quorum_store_record_panel (fx.store, referral, &day, QUORUM_PANEL_PLAN_ENDED, NULL, &error));
  g_assert_no_error (error);

  page = open_referrals (&window);
  ui_test_raise_window (window);
  calendar = child_of (page, "as_of_calendar");
  type_into (page, "search_entry", "Amy Asof");
  ui_test_iterate (300);
  wait_loaded (page);
  click_referral (page, "Amy Asof");
  g_assert_false (gtk_widget_get_visible (child_of (page, "pane_as_of_box")));
  g_assert_true (gtk_widget_get_visible (child_of (page, "correct_group")));

  /* As of Sun 13 June, picked in the calendar: not yet sent, so no panel, no outcome. */
  pick_as_of_day (page, "13");
  g_assert_true (g_str_has_prefix (label_text (page, "as_of_label"), "As of Sun 13 Jun 2027"));
  g_assert_true (gtk_widget_get_visible (child_of (page, "pane_as_of_box")));
  g_assert_cmpstr (label_text (page, "pane_as_of_label"), ==,
                   "As it stood on Sunday 13 June 2027. To record anything, go back to today.");
  g_assert_cmpstr (row_subtitle_of (page, "notified_row"), ==, "Not yet sent");
  g_assert_cmpstr (row_subtitle_of (page, "panel_date_row"), ==, "Not yet heard");
  g_assert_cmpstr (row_subtitle_of (page, "outcome_row"), ==, "None yet");
  g_assert_false (gtk_widget_get_visible (child_of (page, "correct_group")));
  g_assert_false (gtk_widget_get_visible (child_of (page, "notify_group")));
  g_assert_false (gtk_widget_get_visible (child_of (page, "panel_group")));
  ui_test_screenshot (GTK_WIDGET (window), "refpane-as-of-past");

  /* Defect 5: the calendar turned back a month (May), then Escape: the calendar shows the
   * applied day again, not one never applied. */
  open_as_of_calendar (page);
  ui_test_click (find_icon_button (calendar, "pan-start-symbolic"), -1, -1);
  ui_test_settle (200);
  g_assert_true (gtk_widget_get_mapped (calendar));
  /* May's 13th, selected by the turn: clicked, it applies. */
  g_assert_nonnull (calendar_day (calendar, "13"));
  ui_test_click (calendar_day (calendar, "13"), -1, -1);
  ui_test_settle (300);
  wait_loaded (page);
  g_assert_true (g_str_has_prefix (label_text (page, "as_of_label"), "As of Thu 13 May 2027"));

  /* The greyed 30 of April, in May's view: applied. */
  open_as_of_calendar (page);
  g_assert_nonnull (calendar_other_day (calendar, "30"));
  ui_test_click (calendar_other_day (calendar, "30"), -1, -1);
  ui_test_settle (300);
  wait_loaded (page);
  g_assert_true (g_str_has_prefix (label_text (page, "as_of_label"), "As of Fri 30 Apr 2027"));
  {
    g_autofree char *as_of = NULL;

    g_object_get (page, "as-of", &as_of, NULL);
    g_assert_cmpstr (as_of, ==, "2027-04-30");
  }

  /* Back to 13 June (Amy's conference had not sat on 30 April), then back to today from the
   * pane: the record, and its forms. */
  set_as_of (page, "2027-06-13");
  wait_loaded (page);
  if (!adw_flap_get_reveal_flap (ADW_FLAP (child_of (page, "flap"))))
    click_referral (page, "Amy Asof");
  g_assert_true (gtk_widget_get_visible (child_of (page, "pane_as_of_box")));
  ui_test_click (child_of (page, "pane_today_button"), -1, -1);
  ui_test_settle (300);
  wait_loaded (page);
  g_assert_true (g_str_has_prefix (label_text (page, "as_of_label"), "As of today, "));
  g_assert_false (gtk_widget_get_visible (child_of (page, "pane_as_of_box")));
  g_assert_true (g_str_has_prefix (row_subtitle_of (page, "notified_row"), "Tuesday 15 June 2027 by secure email"));
  g_assert_cmpstr (row_subtitle_of (page, "outcome_row"), ==, "Plan ended");
  g_assert_true (gtk_widget_get_visible (child_of (page, "correct_group")));

  set_entry (page, "search_entry", "");
  wait_loaded (page);
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (100);
}

/* Trial 7: the Head of Service's search ignored case but not accents: "chloe" found no Chloé,
 * where the conference search (core's quorum_search_fold) finds her. Typed into the search as a
 * person types (plain letters: a keyboard without é), the child's name and the chair's, in
 * either case; on both backends (the store's search) and in the page's own filter. */
static void
test_search_ignores_accents (void)
{
  GListModel *model;
  QuorumReferralsPage *page;
  QuorumWindow *window;
  gint64 chloe;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  chloe = make_split (fx.chair, "2027-02-03", "Chloé Évans", "Siân Prys", NULL);
  make_split (fx.chair, "2027-02-04", "Chloris Plain", "R. Patel", NULL);
  page = open_referrals (&window);
  ui_test_raise_window (window);
  model = quorum_referrals_page_get_model (page);

  type_into (page, "search_entry", "chloe");
  ui_test_iterate (400);
  wait_loaded (page);
  g_test_message ("\"chloe\" finds %u", g_list_model_get_n_items (model));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_nonnull (find_item (page, chloe));
  ui_test_screenshot (GTK_WIDGET (window), "referrals-search-chloe");

  type_into (page, "search_entry", "CHLOE EVANS");
  ui_test_iterate (400);
  wait_loaded (page);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_nonnull (find_item (page, chloe));

  /* The chair's name too. */
  type_into (page, "search_entry", "sian pr");
  ui_test_iterate (400);
  wait_loaded (page);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_nonnull (find_item (page, chloe));

  /* Letters that are not there still find nothing. */
  type_into (page, "search_entry", "chloa");
  ui_test_iterate (400);
  wait_loaded (page);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);

  /* The page's own filter, as the store's search: the item matches the folded search. */
  {
    g_autoptr(QuorumReferralObject) item = quorum_referral_object_new (quorum_store_get_referral (fx.store, chloe, NULL));

    g_assert_true (quorum_referral_object_matches (item, "chloe"));
    g_assert_true (quorum_referral_object_matches (item, "sian"));
    g_assert_false (quorum_referral_object_matches (item, "chloa"));
  }

  set_entry (page, "search_entry", "");
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (100);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  AdwViewStack *stack;
  int status;

  /* The scenarios run in 2026-27 and the Head of Service's dates are refused in the future. */
  g_setenv ("QUORUM_TODAY", "2027-06-30", TRUE);
  ui_test_init (&argc, &argv);

  /* The chairs record the split decisions; the Head of Service's window shows the referrals
   * and records what only they may (on PostgreSQL as their own login, enforced by the server). */
  path = ui_test_db_path ();
  fx.path = path;
  fx.chair = ui_test_open (path);
  fx.plain = make_split (fx.chair, "2026-11-16", "Eli Plain", "R. Patel", NULL);
  fx.xmas = make_split (fx.chair, "2026-12-24", "Ada Christmas", "J. Okafor", &fx.xmas_conference);
  fx.easter = make_split (fx.chair, "2027-03-25", "Cal Easter", "J. Okafor", NULL);
  fx.store = ui_test_is_postgres () ? open_as_head_of_service (path) : g_object_ref (fx.chair);

  /* The Head of Service's name, kept in Preferences: the records name them (actor). */
  {
    g_autoptr(GSettings) settings = quorum_ui_settings_new ();

    g_settings_set_string (settings, "chair-name", "Hannah Moss");
  }
  fx.window = ui_test_window_new (fx.store, 1280, 800);
  stack = ADW_VIEW_STACK (ui_test_find_type (GTK_WIDGET (fx.window), ADW_TYPE_VIEW_STACK));
  g_assert_nonnull (adw_view_stack_get_child_by_name (stack, "referrals"));
  adw_view_stack_set_visible_child_name (stack, "referrals");
  fx.page = QUORUM_REFERRALS_PAGE (ui_test_find_type (GTK_WIDGET (fx.window), QUORUM_TYPE_REFERRALS_PAGE));
  g_assert_nonnull (fx.page);
  wait_loaded (fx.page);

  g_test_add_func ("/referrals/due-dates-and-overdue", test_due_dates_and_overdue);
  g_test_add_func ("/referrals/filter-search-sort", test_filter_search_sort);
  g_test_add_func ("/referrals/sort-by-keyboard", test_sort_by_keyboard);
  g_test_add_func ("/referrals/notify-and-panel", test_notify_and_panel);
  g_test_add_func ("/referrals/refusals", test_refusals);
  g_test_add_func ("/referrals/no-default-outcome-future-dates-refused-correct-keeps-old-value-lateness-shown",
                   test_correct_and_lateness);
  g_test_add_func ("/referrals/open-conference", test_open_conference);
  g_test_add_func ("/referrals/chart", test_chart);
  g_test_add_func ("/referrals/many", test_many);
  g_test_add_func ("/referrals/refs2-own-write-keeps-place", test_own_write_keeps_place);
  g_test_add_func ("/referrals/screenshots", test_screenshots);
  /* Last: each adds a referral of its own, which the counts above do not expect. */
  g_test_add_func ("/referrals/coordinator-referral-no-panel-limit", test_coordinator_referral_no_panel_limit);
  g_test_add_func ("/referrals/panel-reasons-kept", test_panel_reasons_kept);
  g_test_add_func ("/referrals/forms-kept-across-close", test_forms_kept_across_close);
  g_test_add_func ("/referrals/lateness-in-table", test_lateness_in_table);
  g_test_add_func ("/referrals/correct-outcome-in-words", test_correct_outcome_in_words);
  g_test_add_func ("/referrals/refasof-as-of-chart-and-corrections", test_as_of_chart_and_corrections);
  g_test_add_func ("/referrals/correct-asks-name", test_correct_asks_name);
  g_test_add_func ("/referrals/refs2-as-of-table-cells-as-they-stood", test_as_of_table_cells);
  g_test_add_func ("/referrals/refs2-coordinator-referral-from-the-decision", test_coordinator_referral_as_of);
  g_test_add_func ("/referrals/refpanel-pane-opens-at-top", test_pane_opens_at_top);
  g_test_add_func ("/referrals/refpanel-correct-other-says-what-is-missing", test_correct_other_says_what_is_missing);
  g_test_add_func ("/referrals/refmeans-means-in-pane-and-record", test_means_in_pane);
  g_test_add_func ("/referrals/refmeans-day-off-said-not-refused", test_day_off_said);
  g_test_add_func ("/referrals/refpane-forms-still-enter-records-who-when", test_refpane_forms);
  g_test_add_func ("/referrals/refpane-as-of-pane-and-calendar", test_refpane_as_of);
  g_test_add_func ("/referrals/fidel4-as-of-overdue-as-they-stood", test_as_of_overdue_as_they_stood);
  g_test_add_func ("/referrals/search-ignores-accents", test_search_ignores_accents);

  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (fx.window));
  g_clear_object (&fx.store);
  g_clear_object (&fx.chair);
  return status;
}
