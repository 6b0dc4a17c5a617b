/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-differences.c: the Differences page driven as a person would: raise a Bradford
 * difference and one at immediate risk, record a discussion, escalate, filter, resolve with
 * feedback and follow-up, answer the six-stage checklist, record a Buckinghamshire challenge's
 * outcome; the store holds each step and the counts chart says the same in words. */

#include <math.h>
#include <libintl.h>

#include "test-ui-common.h"
#include "store/quorum-store-difference.h"
#include "store/quorum-store-life.h"
#include "ui/quorum-difference-item.h"
#include "ui/quorum-differences-page.h"
#include "ui/quorum-draft.h"

static GObject *
child (QuorumDifferencesPage *page,
       const char            *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (page), QUORUM_TYPE_DIFFERENCES_PAGE, name);

  g_assert_nonnull (object);
  return object;
}

static void
type_into (QuorumDifferencesPage *page,
           const char            *row,
           const char            *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child (page, row)), text);
}

static void
choose_profile (QuorumDifferencesPage *page,
                const char            *id)
{
  g_autoptr(GPtrArray) profiles = quorum_profiles_load_all (NULL);

  for (guint i = 0; i < profiles->len; i++)
    {
      QuorumProfile *profile = g_ptr_array_index (profiles, i);

      if (g_strcmp0 (profile->id, id) == 0)
        {
          adw_combo_row_set_selected (ADW_COMBO_ROW (child (page, "profile_row")), i);
          return;
        }
    }
  g_assert_not_reached ();
}

static void
activate (QuorumDifferencesPage *page,
          const char            *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), action, NULL));
  ui_test_iterate (30);
}

/* Fills the raise form as a practitioner would and presses Raise. */
static void
raise_through_form (QuorumDifferencesPage *page,
                    const char            *profile,
                    const char            *date,
                    const char            *child_name,
                    const char            *conference,
                    QuorumArea             area,
                    gboolean               immediate_risk)
{
  activate (page, "differences.show-raise");
  choose_profile (page, profile);
  type_into (page, "raised_date_row", date);
  type_into (page, "raised_by_row", "Hana Visitor");
  type_into (page, "role_row", "Health visitor");
  type_into (page, "agency_row", "Bradford NHS Trust");
  type_into (page, "against_row", "Children's Social Care");
  type_into (page, "against_decision_row", "No further action on the referral");
  type_into (page, "child_row", child_name != NULL ? child_name : "");
  type_into (page, "conference_row", conference != NULL ? conference : "");
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (page, "area_row")), area + 1);   /* after "Choose the area…" */
  type_into (page, "outcome_sought_row", "A strategy meeting");
  gtk_switch_set_active (GTK_SWITCH (child (page, "immediate_risk_switch")), immediate_risk);
  activate (page, "differences.raise");
}

static GPtrArray *
list_all (QuorumStore *store)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *all = quorum_store_list_differences (store, NULL, &error);

  g_assert_no_error (error);
  return all;
}

static QuorumDifference *
load (QuorumStore *store,
      gint64       id)
{
  g_autoptr(GError) error = NULL;
  QuorumDifference *d = quorum_store_load_difference (store, id, &error);

  g_assert_no_error (error);
  return d;
}

static char *
due_of (const QuorumDifference *d)
{
  const QuorumDifferenceStage *stage = quorum_difference_get_current_stage (d);

  return g_date_valid (&stage->due) ? quorum_date_to_string (&stage->due) : NULL;
}

static QuorumDifferencesPage *
find_page (GtkWidget *root)
{
  if (QUORUM_IS_DIFFERENCES_PAGE (root))
    return QUORUM_DIFFERENCES_PAGE (root);

  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      QuorumDifferencesPage *found = find_page (c);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The window's own Differences page, or (until the window adds it) one added here. */
static QuorumDifferencesPage *
show_page (QuorumWindow *window,
           QuorumStore  *store)
{
  QuorumDifferencesPage *page = find_page (GTK_WIDGET (window));
  GtkWidget *stack;

  if (page == NULL)
    {
      page = QUORUM_DIFFERENCES_PAGE (quorum_differences_page_new (store));
      quorum_window_add_page (window, GTK_WIDGET (page), "differences", "_Differences",
                              "dialog-warning-symbolic");
    }

  stack = gtk_widget_get_ancestor (GTK_WIDGET (page), ADW_TYPE_VIEW_STACK);
  g_assert_nonnull (stack);
  {
    /* The page may sit inside a wrapper of the stack's (a scroller, a clamp): show that child. */
    GtkWidget *shown = GTK_WIDGET (page);

    while (gtk_widget_get_parent (shown) != stack)
      shown = gtk_widget_get_parent (shown);
    adw_view_stack_set_visible_child (ADW_VIEW_STACK (stack), shown);
  }
  ui_test_iterate (100);

  return page;
}

/* The row of the list that shows difference @id (its title's label), for a click. */
static GtkWidget *
find_label_starting (GtkWidget  *root,
                     const char *prefix)
{
  if (GTK_IS_LABEL (root) && g_str_has_prefix (gtk_label_get_label (GTK_LABEL (root)), prefix))
    return root;

  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_label_starting (c, prefix);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Clicks difference @id in the list, as a person does. */
static void
click_difference (QuorumDifferencesPage *page,
                  gint64                 id)
{
  g_autofree char *prefix = g_strdup_printf ("%lld · ", (long long) id);
  GtkWidget *label;

  /* The list is laid out once the page has been shown and filled */
  ui_test_iterate (100);
  label = find_label_starting (GTK_WIDGET (child (page, "list_view")), prefix);
  g_assert_nonnull (label);
  ui_test_wait_until (ui_test_is_drawn, label, 5000, "the difference's row to be drawn");
  ui_test_click (label, -1, -1);
  ui_test_settle (100);
  g_assert_cmpint (quorum_differences_page_get_selected (page), ==, id);
}

/* Clicks into @row's text and types @text there, as a person does (what it held is kept). */
static void
click_and_type (QuorumDifferencesPage *page,
                const char            *row,
                const char            *text)
{
  ui_test_click (GTK_WIDGET (child (page, row)), -1, -1);
  ui_test_key ("ctrl+a");
  ui_test_type (text);
}

static const char *
row_shows (QuorumDifferencesPage *page,
           const char            *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (child (page, row)));
}

/* A Bradford difference raised by the CLI's own store call, for the page to list. */
static gint64
raise_in_store (QuorumStore *store,
                const char  *profile_id,
                const char  *date,
                gboolean     immediate_risk)
{
  g_autoptr(GError) error = NULL;
  QuorumDifferenceSpec spec = { 0 };
  gint64 id;

  g_assert_true (quorum_date_parse (date, "date", &spec.date, NULL));
  spec.profile_id = profile_id;
  spec.raised_by = "Hana Visitor";
  spec.agency = "Gwent NHS";
  spec.against = "Newport Children's Services";
  spec.area = QUORUM_AREA_CASE_CLOSURE;
  spec.outcome_sought = "The case reopened";
  spec.immediate_risk = immediate_risk;
  id = quorum_store_raise_difference (store, &spec, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* Defect 1: a reason to escalate typed for one difference was escalated with another, chosen
 * next in the list. Each difference's forms show its own words; the words typed for one are its
 * draft, given back when it is chosen again. Then defect 2: they and the Raise form's come back
 * after the window is closed (Ctrl+W) and opened again, and are in the database as they are typed
 * (so a kill loses nothing). */
static void
test_words_stay_with_their_difference (void)
{
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = quorum_store_open (path, &error);
  QuorumDifferencesPage *page;
  QuorumWindow *window;
  gint64 five;
  gint64 six;

  g_assert_no_error (error);
  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  five = raise_in_store (store, "south-east-wales", "2026-11-16", FALSE);
  six = raise_in_store (store, "south-east-wales", "2026-11-17", FALSE);
  window = ui_test_window_new (store, 1400, 940);
  page = show_page (window, store);
  quorum_differences_page_set_as_of (page, "2026-11-20");

  /* Typed for 5, refused (dated before it was raised) */
  click_difference (page, five);
  click_and_type (page, "escalate_reason_row", "Newport would not reopen");
  click_and_type (page, "note_summary_row", "Spoke to the team manager about 5");
  click_and_type (page, "outcome_row", "Five's outcome, not yet agreed");
  click_and_type (page, "escalate_date_row", "2026-11-01");
  ui_test_click (GTK_WIDGET (child (page, "escalate_button")), -1, -1);
  ui_test_settle (100);
  {
    g_autoptr(QuorumDifference) d = load (store, five);

    g_assert_cmpuint (d->stages->len, ==, 1);
  }

  /* 6's forms are its own: empty */
  click_difference (page, six);
  g_assert_cmpstr (row_shows (page, "escalate_reason_row"), ==, "");
  g_assert_cmpstr (row_shows (page, "note_summary_row"), ==, "");
  g_assert_cmpstr (row_shows (page, "outcome_row"), ==, "");
  click_and_type (page, "escalate_reason_row", "Six's own reason");
  click_and_type (page, "escalate_date_row", "2026-11-18");
  ui_test_click (GTK_WIDGET (child (page, "escalate_button")), -1, -1);
  ui_test_settle (100);
  {
    g_autoptr(QuorumDifference) d6 = load (store, six);
    g_autoptr(QuorumDifference) d5 = load (store, five);
    const QuorumDifferenceStage *stage = quorum_difference_get_current_stage (d6);

    g_assert_cmpuint (d6->stages->len, ==, 2);
    g_assert_cmpstr (stage->reason, ==, "Six's own reason");
    g_assert_cmpuint (d5->stages->len, ==, 1);
  }
  g_assert_cmpstr (row_shows (page, "escalate_reason_row"), ==, "");

  /* 5 again: its words given back */
  click_difference (page, five);
  g_assert_cmpstr (row_shows (page, "escalate_reason_row"), ==, "Newport would not reopen");
  g_assert_cmpstr (row_shows (page, "note_summary_row"), ==, "Spoke to the team manager about 5");
  g_assert_cmpstr (row_shows (page, "outcome_row"), ==, "Five's outcome, not yet agreed");

  /* The six-stage checklist's answers: a draft of their difference and stage too */
  {
    gint64 a = raise_in_store (store, "six-stage", "2026-11-16", FALSE);
    gint64 b = raise_in_store (store, "six-stage", "2026-11-16", FALSE);
    GtkWidget *box = GTK_WIDGET (child (page, "checklist_box"));

    quorum_differences_page_refresh (page);
    click_difference (page, a);
    ui_test_click (gtk_widget_get_first_child (box), -1, -1);
    ui_test_type ("Answer typed for A");
    click_difference (page, b);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gtk_widget_get_first_child (box))), ==, "");
    click_difference (page, a);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gtk_widget_get_first_child (box))), ==, "Answer typed for A");
  }

  /* The Raise form, half filled */
  activate (page, "differences.show-raise");
  click_and_type (page, "raised_by_row", "Rhian Nurse");
  click_and_type (page, "outcome_sought_row", "A strategy meeting this week");
  ui_test_iterate (QUORUM_DRAFT_DELAY_MS + 200);

  /* In the database as typed, before any close: a kill would lose nothing */
  {
    g_autofree char *table = ui_test_drafts_table (UI_TEST_CHAIR);
    g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM %s WHERE text IN "
                                            "('Newport would not reopen', 'Rhian Nurse', "
                                            "'A strategy meeting this week', 'Five''s outcome, not yet agreed')",
                                            table);
    g_autofree char *held = ui_test_db_sql (path, sql);

    g_assert_cmpstr (held, ==, "4");
  }

  /* Closed (what Ctrl+W does: the application's accelerator, and this window has none); opened again */
  gtk_window_close (GTK_WINDOW (window));
  ui_test_iterate (300);
  g_assert_null (ui_test_find_toplevel (QUORUM_TYPE_WINDOW));
  window = ui_test_window_new (store, 1400, 940);
  page = show_page (window, store);
  quorum_differences_page_set_as_of (page, "2026-11-20");

  activate (page, "differences.show-raise");
  g_assert_cmpstr (row_shows (page, "raised_by_row"), ==, "Rhian Nurse");
  g_assert_cmpstr (row_shows (page, "outcome_sought_row"), ==, "A strategy meeting this week");
  click_difference (page, five);
  g_assert_cmpstr (row_shows (page, "escalate_reason_row"), ==, "Newport would not reopen");
  g_assert_cmpstr (row_shows (page, "note_summary_row"), ==, "Spoke to the team manager about 5");
  g_assert_cmpstr (row_shows (page, "outcome_row"), ==, "Five's outcome, not yet agreed");

  /* Escalated now with its own words; the draft is done with */
  click_and_type (page, "escalate_date_row", "2026-11-19");
  ui_test_click (GTK_WIDGET (child (page, "escalate_button")), -1, -1);
  ui_test_settle (100);
  {
    g_autoptr(QuorumDifference) d = load (store, five);
    const QuorumDifferenceStage *stage = quorum_difference_get_current_stage (d);
    g_autofree char *scope = g_strdup_printf ("difference:%lld:stage:1:escalate", (long long) five);
    g_autofree char *left = quorum_store_get_draft (store, 0, scope, "reason", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (d->stages->len, ==, 2);
    g_assert_cmpstr (stage->reason, ==, "Newport would not reopen");
    g_assert_null (left);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (50);
}

static guint
count_events (QuorumStore *store,
              gint64       id,
              const char  *kind)
{
  g_autoptr(QuorumDifference) d = load (store, id);
  guint n = 0;

  for (guint i = 0; d->events != NULL && i < d->events->len; i++)
    n += g_strcmp0 (((QuorumDifferenceEvent *) g_ptr_array_index (d->events, i))->kind, kind) == 0;
  return n;
}

/* Defect 3: "Immediate Risk Now" recorded an event on a single click, and two clicks made two
 * identical events that can never be deleted. It now asks first; Enter (the default) and Cancel
 * record nothing; only "Record Immediate Risk" records, once. */
static void
test_immediate_risk_asks_first (void)
{
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = quorum_store_open (path, &error);
  QuorumDifferencesPage *page;
  QuorumWindow *window;
  GtkWidget *button;
  gint64 id;

  g_assert_no_error (error);
  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  id = raise_in_store (store, "bradford", "2026-11-16", FALSE);
  window = ui_test_window_new (store, 1400, 940);
  page = show_page (window, store);
  quorum_differences_page_set_as_of (page, "2026-11-20");
  click_difference (page, id);
  click_and_type (page, "notice_date_row", "2026-11-17");
  button = ui_test_find_button (GTK_WIDGET (page), GTK_TYPE_BUTTON, "Immediate _Risk Now");
  g_assert_nonnull (button);

  /* Two clicks, as the new user made: a question, nothing recorded */
  ui_test_click (button, -1, -1);
  ui_test_click (button, -1, -1);
  g_assert_nonnull (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpuint (count_events (store, id, "immediate-risk"), ==, 0);

  /* Enter: the default is to record nothing */
  ui_test_key ("Return");
  ui_test_settle (200);
  g_assert_null (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpuint (count_events (store, id, "immediate-risk"), ==, 0);

  /* Asked again and confirmed: recorded once */
  ui_test_click (button, -1, -1);
  ui_test_respond ("record");
  g_assert_cmpuint (count_events (store, id, "immediate-risk"), ==, 1);
  {
    g_autoptr(QuorumDifference) d = load (store, id);

    g_assert_true (d->immediate_risk);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (50);
}

/* Defect 4: the Raise form said "The first stage is then due the day it is raised" under every
 * policy; only Bradford's sets a same-day due date, the others none ("without delay"). */
static void
test_immediate_risk_subtitle_follows_policy (void)
{
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = quorum_store_open (path, &error);
  QuorumDifferencesPage *page;
  QuorumWindow *window;
  AdwActionRow *row;

  g_assert_no_error (error);
  window = ui_test_window_new (store, 1400, 940);
  page = show_page (window, store);
  activate (page, "differences.show-raise");
  row = ADW_ACTION_ROW (child (page, "immediate_risk_row"));

  choose_profile (page, "south-east-wales");
  ui_test_iterate (20);
  g_assert_null (strstr (adw_action_row_get_subtitle (row), "due the day it is raised"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "No due date is set"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "without delay"));
  /* What core does under it: no due date */
  {
    gint64 id = raise_in_store (store, "south-east-wales", "2026-11-16", TRUE);
    g_autoptr(QuorumDifference) d = load (store, id);

    g_assert_null (due_of (d));
  }

  choose_profile (page, "bradford");
  ui_test_iterate (20);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "The first stage is then due the day it is raised");

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (50);
}

/* Defect 5: Bradford, raised Monday 30 November 2026 at immediate risk (step 1 due that day),
 * escalated in the window on Tuesday 1 December: step 2 is due that same day (seed 004: the same
 * working day), the banner says so and not "the same day (Tuesday 8 December 2026)", and the
 * history shows that step 1 was escalated after its due date. */
static void
test_bradford_immediate_risk_escalated_late (void)
{
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = quorum_store_open (path, &error);
  QuorumDifferencesPage *page;
  QuorumWindow *window;
  const char *banner;
  const char *history;
  gint64 id;

  g_assert_no_error (error);
  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  id = raise_in_store (store, "bradford", "2026-11-30", TRUE);
  window = ui_test_window_new (store, 1400, 940);
  page = show_page (window, store);
  quorum_differences_page_set_as_of (page, "2026-12-01");
  click_difference (page, id);
  click_and_type (page, "escalate_reason_row", "Still no strategy meeting");
  click_and_type (page, "escalate_date_row", "2026-12-01");
  ui_test_click (GTK_WIDGET (child (page, "escalate_button")), -1, -1);
  ui_test_settle (100);
  {
    g_autoptr(QuorumDifference) d = load (store, id);
    g_autofree char *due = due_of (d);

    g_assert_cmpuint (d->stages->len, ==, 2);
    g_assert_cmpstr (due, ==, "2026-12-01");
  }

  g_assert_cmpint (quorum_differences_page_get_selected (page), ==, id);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (child (page, "risk_revealer"))));
  banner = gtk_label_get_label (GTK_LABEL (child (page, "risk_title")));
  g_assert_nonnull (strstr (banner, "the same day"));
  g_assert_nonnull (strstr (banner, "1 December 2026"));
  g_assert_null (strstr (banner, "8 December"));
  history = gtk_label_get_label (GTK_LABEL (child (page, "history_label")));
  g_assert_nonnull (strstr (history, "Escalated late: stage 1 was due"));
  g_assert_nonnull (strstr (history, "30 November 2026"));

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (50);
}

static void
test_differences_page (void)
{
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = quorum_store_open (path, &error);
  QuorumDifferencesPage *page;
  QuorumWindow *window;
  GListModel *shown;
  gint64 bradford;
  gint64 at_risk;

  g_assert_no_error (error);
  window = ui_test_window_new (store, 1400, 940);
  page = show_page (window, store);
  quorum_differences_page_set_as_of (page, "2027-01-04");
  shown = quorum_differences_page_get_model (page);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);

  /* Raised on a day still to come (today is fixed at 2027-06-30): refused as other refusals
   * are, nothing written. */
  raise_through_form (page, "bradford", "2027-07-01", "Amy Test", NULL, QUORUM_AREA_THRESHOLDS, FALSE);
  {
    g_autoptr(GPtrArray) all = list_all (store);

    g_assert_cmpuint (all->len, ==, 0);
  }

  /* Bradford, raised Thursday 24 December 2026: step 1 due after Christmas and New Year */
  raise_through_form (page, "bradford", "2026-12-24", "Amy Test", NULL, QUORUM_AREA_THRESHOLDS, FALSE);
  {
    g_autoptr(GPtrArray) all = list_all (store);
    QuorumDifference *d;
    g_autofree char *due = NULL;

    g_assert_cmpuint (all->len, ==, 1);
    d = g_ptr_array_index (all, 0);
    bradford = d->id;
    due = due_of (d);
    g_assert_cmpstr (d->profile_id, ==, "bradford");
    g_assert_cmpstr (d->raised_by, ==, "Hana Visitor");
    g_assert_cmpstr (d->child, ==, "Amy Test");
    g_assert_cmpstr (d->against_decision, ==, "No further action on the referral");
    g_assert_cmpint (d->area, ==, QUORUM_AREA_THRESHOLDS);
    g_assert_false (d->immediate_risk);
    g_assert_cmpstr (due, ==, "2027-01-05");
  }
  g_assert_cmpint (quorum_differences_page_get_selected (page), ==, bradford);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (child (page, "risk_revealer"))));

  /* Refused: no one raising it. Nothing is written; the form keeps what was typed */
  activate (page, "differences.show-raise");
  choose_profile (page, "bradford");
  type_into (page, "raised_by_row", "");
  type_into (page, "agency_row", "School");
  type_into (page, "against_row", "Police");
  type_into (page, "outcome_sought_row", "A call back");
  activate (page, "differences.raise");
  {
    g_autoptr(GPtrArray) all = list_all (store);
    g_assert_cmpuint (all->len, ==, 1);
  }
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (page, "agency_row"))), ==, "School");

  /* Immediate risk on a Saturday: due that very day, and the policy's advice shown */
  raise_through_form (page, "bradford", "2026-11-21", NULL, NULL, QUORUM_AREA_COMMUNICATION, TRUE);
  at_risk = quorum_differences_page_get_selected (page);
  g_assert_cmpint (at_risk, !=, bradford);
  {
    g_autoptr(QuorumDifference) d = load (store, at_risk);
    g_autofree char *due = due_of (d);

    g_assert_true (d->immediate_risk);
    g_assert_null (d->child);
    g_assert_cmpstr (due, ==, "2026-11-21");
  }
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (child (page, "risk_revealer"))));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (child (page, "risk_label"))), "SAME WORKING DAY"));
  ui_test_screenshot (GTK_WIDGET (window), "differences-immediate-risk");

  /* A discussion at step 1, then escalation to step 2 on Tuesday 5 January */
  g_assert_true (quorum_differences_page_select (page, bradford));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (child (page, "risk_revealer"))));
  type_into (page, "note_date_row", "2026-12-29");
  type_into (page, "note_with_row", "Hana Visitor, Sam Social");
  type_into (page, "note_summary_row", "Discussed the threshold for a strategy meeting");
  type_into (page, "note_agreed_row", "Both managers to be told");
  activate (page, "differences.record");
  type_into (page, "escalate_date_row", "2027-01-05");
  type_into (page, "escalate_reason_row", "No agreement between the practitioners");
  activate (page, "differences.escalate");
  {
    g_autoptr(QuorumDifference) d = load (store, bradford);
    g_autofree char *due = due_of (d);
    QuorumDifferenceNote *note;

    g_assert_cmpuint (d->notes->len, ==, 1);
    note = g_ptr_array_index (d->notes, 0);
    g_assert_cmpstr (note->participants, ==, "Hana Visitor, Sam Social");
    g_assert_cmpstr (note->agreed, ==, "Both managers to be told");
    g_assert_cmpuint (d->stages->len, ==, 2);
    g_assert_cmpstr (due, ==, "2027-01-12");
  }
  g_assert_cmpint (quorum_differences_page_get_selected (page), ==, bradford);

  /* Dated before the last event: refused, nothing written */
  type_into (page, "escalate_date_row", "2027-01-01");
  type_into (page, "escalate_reason_row", "Backdated");
  activate (page, "differences.escalate");
  {
    g_autoptr(QuorumDifference) d = load (store, bradford);
    g_assert_cmpuint (d->stages->len, ==, 2);
  }

  /* The filters: as of 13 January both are overdue (the next stage is due) */
  quorum_differences_page_set_as_of (page, "2027-01-13");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (child (page, "status_dropdown")), 2);  /* Overdue */
  ui_test_iterate (20);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);
  {
    g_autoptr(QuorumDifferenceItem) item = g_list_model_get_item (shown, 0);
    g_assert_nonnull (strstr (quorum_difference_item_get_subtitle (item), "is now due"));
    /* A date in words, as the other lists give it ("was due 12 Jan 2027"), not "2027-01-12". */
    g_assert_true (g_regex_match_simple ("was due [0-9]{1,2} [A-Z][a-z]+ 20[0-9]{2}:",
                                         quorum_difference_item_get_subtitle (item), 0, 0));
  }
  gtk_drop_down_set_selected (GTK_DROP_DOWN (child (page, "status_dropdown")), 0);
  /* The search entry waits a moment after typing before it searches */
  gtk_editable_set_text (GTK_EDITABLE (child (page, "agency_entry")), "police");
  ui_test_iterate (400);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
  gtk_editable_set_text (GTK_EDITABLE (child (page, "agency_entry")), "children's social");
  ui_test_iterate (400);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);
  gtk_editable_set_text (GTK_EDITABLE (child (page, "agency_entry")), "");
  ui_test_iterate (400);

  /* Resolve at step 2: the agreed outcome, feedback to the raiser, then the follow-up */
  g_assert_true (quorum_differences_page_select (page, bradford));
  type_into (page, "resolve_date_row", "2027-01-08");
  type_into (page, "outcome_row", "Agreed in writing: a strategy meeting on 11 January");
  type_into (page, "feedback_to_row", "Hana Visitor");
  type_into (page, "feedback_date_row", "2027-01-08");
  activate (page, "differences.resolve");
  gtk_switch_set_active (GTK_SWITCH (child (page, "debrief_switch")), TRUE);
  gtk_switch_set_active (GTK_SWITCH (child (page, "protocol_review_switch")), TRUE);
  activate (page, "differences.resolve");
  {
    g_autoptr(QuorumDifference) d = load (store, bradford);

    g_assert_cmpint (d->status, ==, QUORUM_DIFFERENCE_RESOLVED);
    g_assert_cmpstr (d->outcome, ==, "Agreed in writing: a strategy meeting on 11 January");
    g_assert_cmpstr (d->feedback_to, ==, "Hana Visitor");
    g_assert_true (g_date_valid (&d->feedback_date));
    g_assert_true (d->debrief);
    g_assert_true (d->protocol_review);
  }
  gtk_drop_down_set_selected (GTK_DROP_DOWN (child (page, "status_dropdown")), 3);  /* Resolved */
  ui_test_iterate (20);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (child (page, "status_dropdown")), 0);
  ui_test_iterate (20);

  /* The six-stage model: stage 1's checklist is answered with the discussion */
  raise_through_form (page, "six-stage", "2027-01-11", "Ben Test", NULL, QUORUM_AREA_INFORMATION_SHARING, FALSE);
  {
    gint64 id = quorum_differences_page_get_selected (page);
    GtkWidget *box = GTK_WIDGET (child (page, "checklist_box"));
    GtkWidget *first_row = gtk_widget_get_first_child (box);
    g_autoptr(QuorumDifference) d = NULL;
    guint n = 0;

    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (child (page, "checklist_group"))));
    for (GtkWidget *c = first_row; c != NULL; c = gtk_widget_get_next_sibling (c))
      n++;
    g_assert_cmpuint (n, >, 5);
    gtk_editable_set_text (GTK_EDITABLE (first_row), "Yes: the threshold for a referral");
    type_into (page, "note_date_row", "2027-01-12");
    type_into (page, "note_with_row", "Hana Visitor, Sam Social");
    type_into (page, "note_summary_row", "Worked through the stage 1 questions");
    activate (page, "differences.record");

    d = load (store, id);
    g_assert_cmpuint (d->notes->len, ==, 1);
    g_assert_cmpuint (g_strv_length (((QuorumDifferenceNote *) g_ptr_array_index (d->notes, 0))->answers), ==, n);
    g_assert_cmpstr (((QuorumDifferenceNote *) g_ptr_array_index (d->notes, 0))->answers[0], ==,
                     "Yes: the threshold for a referral");

    /* A second discussion typed at stage 1 and not recorded is a draft of stage 1: it is
     * not carried into stage 2's form when the difference is escalated. */
    type_into (page, "note_summary_row", "Stage 1 words, never recorded");
    ui_test_iterate (QUORUM_DRAFT_DELAY_MS + 150);
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (child (page, "note_draft_label"))));
    type_into (page, "escalate_date_row", "2027-01-13");
    type_into (page, "escalate_reason_row", "The practitioners could not agree");
    activate (page, "differences.escalate");
    {
      g_autoptr(QuorumDifference) escalated = load (store, id);
      g_autofree char *scope = g_strdup_printf ("difference:%lld:stage:1", (long long) id);
      g_autofree char *kept = quorum_store_get_draft (store, 0, scope, "summary", &error);

      g_assert_cmpuint (escalated->stages->len, ==, 2);
      g_assert_cmpuint (escalated->notes->len, ==, 1);
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (page, "note_summary_row"))), ==, "");
      g_assert_false (gtk_widget_get_visible (GTK_WIDGET (child (page, "note_draft_label"))));
      g_assert_no_error (error);
      g_assert_cmpstr (kept, ==, "Stage 1 words, never recorded");
    }
  }

  /* A dissent at a Buckinghamshire conference becomes a challenge; the Safeguarding
   * Co-ordinator's decision is its outcome */
  {
    static const char * const children[] = { "Cara Test", NULL };
    QuorumConferenceSpec spec = { .kind = QUORUM_KIND_INITIAL, .chair = "R. Chair",
                                  .profile_id = "buckinghamshire", .children = children };
    g_autofree char *conference = NULL;
    g_autoptr(QuorumDifference) d = NULL;
    gint64 conf;
    gint64 id;

    g_assert_true (quorum_date_parse ("2027-01-11", "date", &spec.date, NULL));
    conf = quorum_store_create_conference (store, &spec, &error);
    g_assert_no_error (error);
    conference = g_strdup_printf ("%lld", (long long) conf);

    raise_through_form (page, "buckinghamshire", "2027-01-12", "Cara Test", conference, QUORUM_AREA_THRESHOLDS, FALSE);
    id = quorum_differences_page_get_selected (page);
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (child (page, "challenge_row"))));
    adw_combo_row_set_selected (ADW_COMBO_ROW (child (page, "challenge_row")), 3);  /* review brought forward */
    type_into (page, "resolve_date_row", "2027-01-13");
    type_into (page, "feedback_to_row", "Hana Visitor");
    activate (page, "differences.resolve");

    d = load (store, id);
    g_assert_cmpint (d->conference_id, ==, conf);
    g_assert_cmpint (d->status, ==, QUORUM_DIFFERENCE_RESOLVED);
    g_assert_cmpstr (d->challenge_outcome, ==, "Require that a review conference be brought forward");
  }

  /* The counts: the chart's text equivalent says what the bars show, each policy by its short
   * name (it gave the profile's id, "six-stage") */
  {
    const char *words = gtk_label_get_label (GTK_LABEL (child (page, "chart_text")));

    g_assert_nonnull (strstr (words, "Bradford: 2"));
    g_assert_nonnull (strstr (words, "Buckinghamshire: 1"));
    g_assert_nonnull (strstr (words, "Six-stage model: 1"));
  }
  gtk_drop_down_set_selected (GTK_DROP_DOWN (child (page, "profile_dropdown")), 2);  /* bradford */
  ui_test_iterate (50);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (child (page, "chart_text"))),
                            "Stage 2 reached by 1 (1 resolved there"));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (child (page, "profile_dropdown")), 0);
  ui_test_iterate (50);

  {
    guint n = 0;

    g_assert_true (quorum_store_verify (store, &n, &error));
    g_assert_no_error (error);
  }

  g_assert_true (quorum_differences_page_select (page, bradford));
  ui_test_screenshot (GTK_WIDGET (window), "differences");

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (50);
}

static const char *
notices_text (QuorumDifferencesPage *page)
{
  return gtk_label_get_label (GTK_LABEL (child (page, "notices_label")));
}

/* Issue 11 findings 7 and 8 on the Differences page: the notices a policy names are listed,
 * pending with their owner, and recorded as given from the page; the area in the raiser's words;
 * a formal challenge (clicked, as a person does) and immediate risk at a later stage; a close
 * with the disagreement remaining. */
static void
test_notices_and_policy_facts (void)
{
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = quorum_store_open (path, &error);
  QuorumDifferencesPage *page;
  QuorumWindow *window;
  gint64 sew;
  gint64 bradford;

  g_assert_no_error (error);
  window = ui_test_window_new (store, 1400, 940);
  page = show_page (window, store);
  quorum_differences_page_set_as_of (page, "2027-01-04");

  /* South East Wales, area "other" in the raiser's words */
  activate (page, "differences.show-raise");
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (page, "area_row")), QUORUM_AREA_OTHER + 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (child (page, "area_other_row"))));
  raise_through_form (page, "south-east-wales", "2026-11-02", "Bea Test", NULL, QUORUM_AREA_OTHER, FALSE);
  g_assert_cmpint (quorum_differences_page_get_selected (page), ==, 0);  /* refused: say what */
  type_into (page, "area_other_row", "Transport to contact sessions");
  activate (page, "differences.raise");
  sew = quorum_differences_page_get_selected (page);
  g_assert_cmpint (sew, >, 0);
  {
    g_autoptr(QuorumDifference) d = load (store, sew);

    g_assert_cmpstr (d->area_other, ==, "Transport to contact sessions");
  }
  g_assert_nonnull (strstr (notices_text (page), "Area, in the raiser’s words: Transport to contact sessions"));
  g_assert_nonnull (strstr (notices_text (page), "PENDING That the owning agency is invoking the Resolving Professional Differences Guidance:"));

  /* Record it as given, from the page */
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (page, "notice_kind_row")), 0);
  type_into (page, "notice_date_row", "2026-11-02");
  type_into (page, "notice_by_row", "Bradford NHS Trust");
  type_into (page, "notice_means_row", "letter");
  activate (page, "differences.give-notice");
  {
    g_autoptr(GPtrArray) pending = quorum_store_list_notices (store, TRUE, &error);

    for (guint i = 0; i < pending->len; i++)
      g_assert_cmpint (((QuorumNoticeRow *) g_ptr_array_index (pending, i))->difference_id, !=, sew);
  }
  g_assert_nonnull (strstr (notices_text (page), "Given That the owning agency is invoking the Resolving Professional Differences Guidance:"));
  g_assert_nonnull (strstr (notices_text (page), "(letter)"));

  /* Bradford: a formal challenge, clicked; immediate risk identified at step 2: due that day */
  raise_through_form (page, "bradford", "2026-11-02", "Cal Test", NULL, QUORUM_AREA_SERVICE_PROVISION, FALSE);
  bradford = quorum_differences_page_get_selected (page);
  type_into (page, "escalate_date_row", "2026-11-03");
  type_into (page, "escalate_reason_row", "Unresolved between the workers");
  activate (page, "differences.escalate");
  g_assert_true (quorum_differences_page_select (page, bradford));
  type_into (page, "notice_date_row", "2026-11-03");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (child (page, "flag_challenge_button"))));
  if (ui_test_have_xdotool ())
    ui_test_click (GTK_WIDGET (child (page, "flag_challenge_button")), -1, -1);
  else
    activate (page, "differences.flag-challenge");
  ui_test_iterate (100);
  /* diffs4 5: asked first, as immediate risk is */
  ui_test_respond ("record");
  g_assert_true (quorum_differences_page_select (page, bradford));
  type_into (page, "notice_date_row", "2026-11-04");
  activate (page, "differences.flag-risk");
  ui_test_respond ("record");
  {
    g_autoptr(QuorumDifference) d = load (store, bradford);
    g_autofree char *due = due_of (d);

    g_assert_nonnull (quorum_difference_find_event (d, "formal-challenge"));
    g_assert_true (d->immediate_risk);
    g_assert_cmpstr (due, ==, "2026-11-04");
  }
  g_assert_true (quorum_differences_page_select (page, bradford));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (child (page, "flag_challenge_button"))));
  g_assert_nonnull (strstr (notices_text (page), "Formal challenge lodged"));
  g_assert_nonnull (strstr (notices_text (page), "PENDING The actions and decisions of this step, in writing (stage 2):"));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (child (page, "risk_revealer"))));
  ui_test_screenshot (GTK_WIDGET (window), "differences-notices");

  /* Closed, the disagreement remaining */
  type_into (page, "resolve_date_row", "2026-11-05");
  type_into (page, "outcome_row", "Decision unchanged");
  gtk_switch_set_active (GTK_SWITCH (child (page, "disagreement_remains_switch")), TRUE);
  activate (page, "differences.resolve");
  {
    g_autoptr(QuorumDifference) d = load (store, bradford);

    g_assert_cmpint (d->status, ==, QUORUM_DIFFERENCE_RESOLVED);
    g_assert_true (d->disagreement_remains);
  }
  g_assert_true (quorum_differences_page_select (page, bradford));
  g_assert_nonnull (strstr (notices_text (page), "the disagreement remains"));
  g_assert_true (quorum_store_verify (store, NULL, &error));

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (50);
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

static GtkWidget *
find_actionable (GtkWidget  *root,
                 const char *action)
{
  if (GTK_IS_ACTIONABLE (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_actionable (c, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* refs2 3: the page's own write does not replace the whole list. 60 differences; a manager
 * turns the mouse wheel down the list, clicks the 13th, types a discussion and clicks Record:
 * the store holds it, the same difference stays open, the list keeps its scroll, and only the
 * rows that changed are replaced (all 60 were before, twice: the list spliced whole). */
static void
test_own_write_keeps_place (void)
{
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = quorum_store_open (path, &error);
  Changes changes = { 0, };
  QuorumDifferencesPage *page;
  QuorumWindow *window;
  GtkAdjustment *vadjustment;
  GListModel *shown;
  double before, after;
  gint64 first = 0, open;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  g_assert_no_error (error);
  for (guint i = 0; i < 60; i++)
    {
      gint64 id = raise_in_store (store, "bradford", "2026-12-01", FALSE);

      first = MAX (first, id);   /* newest first in the list */
    }
  window = ui_test_window_new (store, 1280, 800);
  page = show_page (window, store);
  quorum_differences_page_refresh (page);
  ui_test_raise_window (window);
  shown = quorum_differences_page_get_model (page);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 60);
  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (child (page, "list_view")));

  /* The first clicked, the mouse wheel turned down over the list, and the 13th clicked. */
  click_difference (page, first);
  {
    const char *wheel[] = { "click", "--repeat", "10", "--delay", "50", "5", NULL };

    ui_test_xdotool (wheel);
    ui_test_settle (500);
  }
  g_test_message ("wheel: %.0f of %.0f (page %.0f)", gtk_adjustment_get_value (vadjustment),
                  gtk_adjustment_get_upper (vadjustment), gtk_adjustment_get_page_size (vadjustment));
  click_difference (page, first - 12);
  open = quorum_differences_page_get_selected (page);
  before = gtk_adjustment_get_value (vadjustment);
  g_test_message ("difference %" G_GINT64_FORMAT " open, the list scrolled %.0f px", open, before);
  g_assert_cmpint (open, !=, 0);
  g_assert_cmpint (open, !=, first);
  g_assert_cmpfloat (before, >, 100);

  click_and_type (page, "note_date_row", "2026-12-02");
  click_and_type (page, "note_with_row", "Hana Visitor, Sam Social");
  click_and_type (page, "note_summary_row", "Spoke about the case closure");
  g_signal_connect (shown, "items-changed", G_CALLBACK (count_changes_cb), &changes);
  ui_test_click (find_actionable (GTK_WIDGET (page), "differences.record"), -1, -1);
  ui_test_settle (600);
  g_signal_handlers_disconnect_by_func (shown, count_changes_cb, &changes);

  {
    g_autoptr(QuorumDifference) d = load (store, open);

    g_assert_cmpuint (d->notes->len, ==, 1);
    g_assert_cmpstr (((QuorumDifferenceNote *) g_ptr_array_index (d->notes, 0))->summary, ==,
                     "Spoke about the case closure");
  }
  after = gtk_adjustment_get_value (vadjustment);
  g_test_message ("items-changed %u times, %u rows replaced; scroll %.0f → %.0f px",
                  changes.signals, changes.replaced, before, after);
  g_assert_cmpint (quorum_differences_page_get_selected (page), ==, open);
  /* Its detail as recorded: the discussion in its history. */
  g_assert_cmpfloat (fabs (after - before), <, 1);
  g_assert_cmpuint (changes.replaced, <, 60);
  ui_test_screenshot (GTK_WIDGET (window), "refs2-differences-own-write");

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (100);
}

/* ---- diffs4: the trial's defects on the Differences page ---- */

static const char *
label_text (QuorumDifferencesPage *page,
            const char            *name)
{
  return gtk_label_get_label (GTK_LABEL (child (page, name)));
}

static double
scrolled_by (QuorumDifferencesPage *page,
             const char            *scroller)
{
  return gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (child (page, scroller))));
}

/* Scrolls @scroller down with the mouse wheel over it, as a person reading on does. */
static void
wheel_down (QuorumDifferencesPage *page,
            const char            *scroller)
{
  const char *wheel[] = { "click", "--repeat", "15", "--delay", "30", "5", NULL };

  GtkWidget *widget = GTK_WIDGET (child (page, scroller));

  /* In its margin, beside the fields: the click lands on nothing */
  ui_test_click (widget, 3, gtk_widget_get_height (widget) / 2.0);
  ui_test_xdotool (wheel);
  ui_test_settle (400);
}

/* Where @needle is in @haystack (it must be there). */
static gsize
position_of (const char *haystack,
             const char *needle)
{
  const char *at = strstr (haystack, needle);

  if (at == NULL)
    g_error ("“%s” is not in:\n%s", needle, haystack);
  return at - haystack;
}

/* diffs4 1: a difference's recorded discussions were shown nowhere (the page's list was read
 * without them). Each stage's dated discussions are shown under it, oldest first: when, who,
 * what was said, what was agreed and who recorded it, long words whole. */
static void
test_discussions_shown (void)
{
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = quorum_store_open (path, &error);
  g_autofree char *said = NULL;
  QuorumDifferencesPage *page;
  QuorumWindow *window;
  const char *history;
  gint64 id;

  g_assert_no_error (error);
  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  said = g_strdup ("The health visitor set out the three missed appointments and the neighbour's "
                   "account; Newport said the threshold for a section 47 enquiry was not met and "
                   "agreed to look again at the chronology with the team manager before Friday");
  id = raise_in_store (store, "south-east-wales", "2026-11-16", FALSE);
  window = ui_test_window_new (store, 1280, 800);
  page = show_page (window, store);
  ui_test_raise_window (window);
  quorum_differences_page_set_as_of (page, "2026-11-20");
  click_difference (page, id);

  /* Two discussions (a record never goes back in time): shown oldest first */
  click_and_type (page, "note_date_row", "2026-11-17");
  click_and_type (page, "note_with_row", "Hana Visitor");
  click_and_type (page, "note_summary_row", "Phoned the duty desk");
  ui_test_click (find_actionable (GTK_WIDGET (page), "differences.record"), -1, -1);
  ui_test_settle (300);
  click_and_type (page, "note_date_row", "2026-11-18");
  click_and_type (page, "note_with_row", "Hana Visitor, Sam Social");
  click_and_type (page, "note_summary_row", said);
  click_and_type (page, "note_agreed_row", "Meet again on Friday");
  ui_test_click (find_actionable (GTK_WIDGET (page), "differences.record"), -1, -1);
  ui_test_settle (300);
  {
    g_autoptr(QuorumDifference) d = load (store, id);

    g_assert_cmpuint (d->notes->len, ==, 2);
  }

  history = label_text (page, "history_label");
  g_test_message ("history:\n%s", history);
  g_assert_cmpuint (position_of (history, "Stage 1:"), <, position_of (history, "Discussion on Tuesday 17 November 2026 with Hana Visitor"));
  g_assert_cmpuint (position_of (history, "Discussion on Tuesday 17 November 2026"), <,
                    position_of (history, "Discussion on Wednesday 18 November 2026 with Hana Visitor, Sam Social"));
  position_of (history, said);
  position_of (history, "Said: Phoned the duty desk");
  position_of (history, "Agreed: Meet again on Friday");
  {
    /* The name kept on this computer; a shared database's server user. */
    g_autofree char *by = g_strdup_printf ("Recorded by %s",
                                           ui_test_is_postgres () ? ui_test_actor (UI_TEST_CHAIR) : UI_TEST_KEPT_NAME);

    position_of (history, by);
  }
  /* Long words wrapped whole, never cut */
  g_assert_true (gtk_label_get_wrap (GTK_LABEL (child (page, "history_label"))));
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (child (page, "history_label")))));

  /* Escalated: the next stage's discussion under it, after stage 1's */
  click_and_type (page, "escalate_date_row", "2026-11-19");
  click_and_type (page, "escalate_reason_row", "No agreement at practitioner level");
  ui_test_click (GTK_WIDGET (child (page, "escalate_button")), -1, -1);
  ui_test_settle (300);
  click_and_type (page, "note_date_row", "2026-11-20");
  click_and_type (page, "note_with_row", "Team leaders");
  click_and_type (page, "note_summary_row", "The line managers met");
  ui_test_click (find_actionable (GTK_WIDGET (page), "differences.record"), -1, -1);
  ui_test_settle (300);
  history = label_text (page, "history_label");
  g_assert_cmpuint (position_of (history, "Meet again on Friday"), <, position_of (history, "Stage 2:"));
  g_assert_cmpuint (position_of (history, "Stage 2:"), <, position_of (history, "Said: The line managers met"));
  {
    /* The pane scrolled to the stages, to look at them */
    GtkWidget *scroller = GTK_WIDGET (child (page, "detail_scroller"));
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
    graphene_point_t at;

    g_assert_true (gtk_widget_compute_point (GTK_WIDGET (child (page, "detail_due")), scroller,
                                             &GRAPHENE_POINT_INIT (0, 0), &at));
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + at.y - 8);
    ui_test_iterate (200);
  }
  ui_test_screenshot (GTK_WIDGET (window), "diffs4-discussions");

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (50);
}

static gint64
resolve_in_store (QuorumStore *store,
                  const char  *date,
                  gboolean     disagreement_remains)
{
  g_autoptr(GError) error = NULL;
  QuorumResolutionSpec spec = { 0 };
  gint64 id = raise_in_store (store, "bradford", "2026-11-16", FALSE);

  g_assert_true (quorum_date_parse (date, "date", &spec.date, NULL));
  spec.outcome = disagreement_remains ? "Decision unchanged" : "Strategy meeting held";
  spec.disagreement_remains = disagreement_remains;
  g_assert_true (quorum_store_resolve_difference (store, id, &spec, &error));
  g_assert_no_error (error);
  return id;
}

/* The status shown in difference @id's row of the list. */
static const char *
row_status (QuorumDifferencesPage *page,
            gint64                 id)
{
  g_autofree char *prefix = g_strdup_printf ("%lld · ", (long long) id);
  GtkWidget *title = find_label_starting (GTK_WIDGET (child (page, "list_view")), prefix);
  GtkWidget *row;

  g_assert_nonnull (title);
  /* The row: title and subtitle in a box, then the status */
  row = gtk_widget_get_parent (gtk_widget_get_parent (title));
  return gtk_label_get_label (GTK_LABEL (gtk_widget_get_last_child (row)));
}

/* diffs4 2: "closed, disagreement remains" was listed, charted, filtered and counted as
 * resolved. It has its own status, colour, filter entry and count. */
static void
test_disagreement_remains_is_not_resolved (void)
{
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = quorum_store_open (path, &error);
  QuorumDifferencesPage *page;
  QuorumWindow *window;
  GListModel *shown;
  gint64 resolved, remains;

  g_assert_no_error (error);
  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  resolved = resolve_in_store (store, "2026-11-18", FALSE);
  remains = resolve_in_store (store, "2026-11-19", TRUE);
  window = ui_test_window_new (store, 1280, 800);
  page = show_page (window, store);
  ui_test_raise_window (window);
  quorum_differences_page_set_as_of (page, "2026-11-20");
  ui_test_iterate (200);

  g_assert_cmpstr (row_status (page, resolved), ==, "Resolved");
  g_assert_cmpstr (row_status (page, remains), ==, "Disagreement remains");
  g_test_message ("counts: %s", label_text (page, "chart_text"));
  g_assert_nonnull (strstr (label_text (page, "chart_text"),
                            "Bradford: 2 (0 open, 0 overdue, 1 resolved, 1 closed with the disagreement remaining)"));

  /* The status filter, as a person chooses in it: Down to its last entry */
  shown = quorum_differences_page_get_model (page);
  ui_test_click (GTK_WIDGET (child (page, "status_dropdown")), -1, -1);
  ui_test_settle (300);
  ui_test_key ("End");
  ui_test_key ("Return");
  ui_test_settle (300);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (child (page, "status_dropdown"))), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  {
    g_autoptr(QuorumDifferenceItem) item = g_list_model_get_item (shown, 0);

    g_assert_cmpint (quorum_difference_item_get_id (item), ==, remains);
  }
  gtk_drop_down_set_selected (GTK_DROP_DOWN (child (page, "status_dropdown")), 3);
  ui_test_iterate (100);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  {
    g_autoptr(QuorumDifferenceItem) item = g_list_model_get_item (shown, 0);

    g_assert_cmpint (quorum_difference_item_get_id (item), ==, resolved);
  }
  gtk_drop_down_set_selected (GTK_DROP_DOWN (child (page, "status_dropdown")), 0);
  /* By stage, Bradford's: step 1 closed once each way */
  {
    g_autoptr(GPtrArray) profiles = quorum_profiles_load_all (NULL);

    for (guint i = 0; i < profiles->len; i++)
      if (g_strcmp0 (((QuorumProfile *) g_ptr_array_index (profiles, i))->id, "bradford") == 0)
        gtk_drop_down_set_selected (GTK_DROP_DOWN (child (page, "profile_dropdown")), i + 1);
  }
  ui_test_iterate (200);
  g_test_message ("by stage: %s", label_text (page, "chart_text"));
  g_assert_nonnull (strstr (label_text (page, "chart_text"),
                            "Stage 1 reached by 2 (1 resolved there, 1 closed there with the disagreement remaining"));
  ui_test_screenshot (GTK_WIDGET (window), "diffs4-disagreement-by-stage");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (child (page, "profile_dropdown")), 0);
  ui_test_iterate (200);
  ui_test_screenshot (GTK_WIDGET (window), "diffs4-disagreement-remains");

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (50);
}

/* diffs4 3 and 4: the Raise form kept the last difference's policy, date and area and opened
 * scrolled down; the pane kept its scroll on another difference and after Raise. */
static void
test_raise_form_fresh_and_panes_from_the_top (void)
{
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = quorum_store_open (path, &error);
  QuorumDifferencesPage *page;
  QuorumWindow *window;
  GtkWidget *focus;
  gint64 other, raised;

  g_assert_no_error (error);
  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  other = raise_in_store (store, "bradford", "2026-11-16", FALSE);
  window = ui_test_window_new (store, 1280, 800);
  page = show_page (window, store);
  ui_test_raise_window (window);
  quorum_differences_page_set_as_of (page, "2026-11-20");

  /* The first difference, raised through the form, scrolled down before Raise */
  ui_test_click (find_actionable (GTK_WIDGET (page), "differences.show-raise"), -1, -1);
  ui_test_settle (200);
  choose_profile (page, "south-east-wales");
  click_and_type (page, "raised_date_row", "2026-11-16");
  click_and_type (page, "raised_by_row", "Hana Visitor");
  click_and_type (page, "agency_row", "Aneurin Bevan UHB");
  click_and_type (page, "against_row", "Newport Children's Services");
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (page, "area_row")), QUORUM_AREA_REFERRAL_CRITERIA + 1);
  click_and_type (page, "outcome_sought_row", "A strategy meeting");
  wheel_down (page, "raise_scroller");
  ui_test_click (find_actionable (GTK_WIDGET (page), "differences.raise"), -1, -1);
  ui_test_settle (400);
  raised = quorum_differences_page_get_selected (page);
  g_assert_cmpint (raised, >, other);
  {
    g_autoptr(QuorumDifference) d = load (store, raised);

    g_assert_cmpstr (d->profile_id, ==, "south-east-wales");
    g_assert_cmpint (d->area, ==, QUORUM_AREA_REFERRAL_CRITERIA);
  }
  g_test_message ("after Raise the pane is scrolled %.0f px", scrolled_by (page, "detail_scroller"));
  g_assert_cmpfloat (scrolled_by (page, "detail_scroller"), <, 1);

  /* Read down, then the other difference: from its top */
  wheel_down (page, "detail_scroller");
  g_assert_cmpfloat (scrolled_by (page, "detail_scroller"), >, 100);
  click_difference (page, other);
  ui_test_iterate (200);
  g_test_message ("another chosen: scrolled %.0f px", scrolled_by (page, "detail_scroller"));
  g_assert_cmpfloat (scrolled_by (page, "detail_scroller"), <, 1);
  wheel_down (page, "detail_scroller");

  /* A new form: fresh, from the top, the first field ready for what is typed */
  ui_test_click (find_actionable (GTK_WIDGET (page), "differences.show-raise"), -1, -1);
  ui_test_settle (300);
  g_assert_cmpstr (row_shows (page, "raised_date_row"), ==, "2026-11-20");
  {
    g_autoptr(GPtrArray) profiles = quorum_profiles_load_all (NULL);
    QuorumProfile *chosen = g_ptr_array_index (profiles, adw_combo_row_get_selected (ADW_COMBO_ROW (child (page, "profile_row"))));

    g_assert_true (chosen->is_default);
  }
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (child (page, "area_row"))), ==, 0);
  g_assert_cmpstr (row_shows (page, "raised_by_row"), ==, "");
  g_assert_cmpfloat (scrolled_by (page, "raise_scroller"), <, 1);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (focus == GTK_WIDGET (child (page, "raised_by_row")) ||
                 gtk_widget_is_ancestor (focus, GTK_WIDGET (child (page, "raised_by_row"))));
  ui_test_type ("Rhian Nurse");
  ui_test_settle (100);
  g_assert_cmpstr (row_shows (page, "raised_by_row"), ==, "Rhian Nurse");
  g_assert_cmpstr (row_shows (page, "against_decision_row"), ==, "");
  ui_test_screenshot (GTK_WIDGET (window), "diffs4-raise-fresh");

  /* With no area chosen, Raise says so and records nothing */
  click_and_type (page, "agency_row", "Gwent Police");
  click_and_type (page, "against_row", "Newport Children's Services");
  click_and_type (page, "outcome_sought_row", "A review");
  ui_test_click (find_actionable (GTK_WIDGET (page), "differences.raise"), -1, -1);
  ui_test_settle (300);
  g_assert_cmpint (quorum_differences_page_get_selected (page), ==, 0);
  {
    g_autoptr(GPtrArray) all = list_all (store);

    g_assert_cmpuint (all->len, ==, 2);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (50);
}

/* diffs4 5: "Formal Challenge Lodged" recorded for good on one click, with no detail; and
 * "Immediate Risk Now" was offered on a difference already at immediate risk. */
static void
test_formal_challenge_asks_first (void)
{
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = quorum_store_open (path, &error);
  QuorumDifferencesPage *page;
  QuorumWindow *window;
  GtkWindow *dialog;
  gint64 id, at_risk;

  g_assert_no_error (error);
  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  id = raise_in_store (store, "bradford", "2026-11-16", FALSE);
  at_risk = raise_in_store (store, "bradford", "2026-11-16", TRUE);
  window = ui_test_window_new (store, 1280, 800);
  page = show_page (window, store);
  ui_test_raise_window (window);
  quorum_differences_page_set_as_of (page, "2026-11-20");

  click_difference (page, at_risk);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (child (page, "flag_risk_button"))));
  click_difference (page, id);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (child (page, "flag_risk_button"))));

  /* One click asks; Cancel records nothing */
  click_and_type (page, "notice_date_row", "2026-11-18");
  ui_test_click (GTK_WIDGET (child (page, "flag_challenge_button")), -1, -1);
  ui_test_settle (300);
  g_assert_cmpuint (count_events (store, id, "formal-challenge"), ==, 0);
  dialog = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  ui_test_key ("Escape");
  ui_test_settle (300);
  g_assert_cmpuint (count_events (store, id, "formal-challenge"), ==, 0);

  /* Asked again: the date it shows, a detail typed in it, then recorded */
  ui_test_click (GTK_WIDGET (child (page, "flag_challenge_button")), -1, -1);
  ui_test_settle (300);
  dialog = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  {
    GtkWidget *date_row = ui_test_find_named (GTK_WIDGET (dialog), "challenge-date");
    GtkWidget *detail_row = ui_test_find_named (GTK_WIDGET (dialog), "challenge-detail");

    g_assert_nonnull (date_row);
    g_assert_nonnull (detail_row);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date_row)), ==, "2026-11-18");
    ui_test_click (detail_row, -1, -1);
    ui_test_type ("Letter to the Head of Service");
    ui_test_settle (100);
  }
  ui_test_screenshot (GTK_WIDGET (dialog), "diffs4-formal-challenge");
  ui_test_respond ("record");
  ui_test_iterate (200);
  {
    g_autoptr(QuorumDifference) d = load (store, id);
    const QuorumDifferenceEvent *e = quorum_difference_find_event (d, "formal-challenge");
    g_autofree char *when = NULL;

    g_assert_nonnull (e);
    when = quorum_date_to_string (&e->date);
    g_assert_cmpstr (when, ==, "2026-11-18");
    g_assert_cmpstr (e->detail, ==, "Letter to the Head of Service");
  }
  g_assert_cmpuint (count_events (store, id, "formal-challenge"), ==, 1);
  g_assert_true (quorum_differences_page_select (page, id));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (child (page, "flag_challenge_button"))));

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (50);
}

/* Whether any label under @root ellipsizes the text it shows. */
static gboolean
any_label_cut (GtkWidget *root,
               guint     *n_labels)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root))
    {
      (*n_labels)++;
      int natural;

      if (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (root))))
        {
          g_test_message ("cut: %s", gtk_label_get_label (GTK_LABEL (root)));
          return TRUE;
        }
      /* Wrapped but given less height than its lines need: cut at the bottom */
      gtk_widget_measure (root, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (root), NULL, &natural, NULL, NULL);
      if (natural > gtk_widget_get_height (root) + 1)
        {
          g_test_message ("cut short (%d of %d px): %s", gtk_widget_get_height (root), natural,
                          gtk_label_get_label (GTK_LABEL (root)));
          return TRUE;
        }
    }
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (any_label_cut (c, n_labels))
      return TRUE;
  return FALSE;
}

static GtkWidget *
find_open_popover (GtkWidget *root)
{
  if (GTK_IS_POPOVER (root) && gtk_widget_get_mapped (root))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_open_popover (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The popover @row opened, clicked as a person does; the labels in it, and in the row, whole. */
static void
assert_choices_whole (QuorumDifferencesPage *page,
                      const char            *row,
                      const char            *shot,
                      guint                  at_least)
{
  GtkWidget *widget = GTK_WIDGET (child (page, row));
  guint n = 0;

  ui_test_click (widget, -1, -1);
  ui_test_settle (400);
  ui_test_screenshot (GTK_WIDGET (gtk_widget_get_root (widget)), shot);
  {
    GtkWidget *popover = find_open_popover (widget);
    g_autofree char *name = g_strconcat (shot, "-popover", NULL);

    g_assert_nonnull (popover);
    ui_test_screenshot (popover, name);
  }
  g_assert_false (any_label_cut (widget, &n));
  g_test_message ("%s: %u labels, none cut", row, n);
  g_assert_cmpuint (n, >=, at_least);
  ui_test_key ("Escape");
  ui_test_settle (200);
}

/* diffs4 6: long choices in the Area and notice lists were cut short ("Outcome of an assessm…",
 * "That the owning agency …"), at 1280 and at 700 px wide. */
static void
test_choices_whole (void)
{
  const int widths[] = { 1280, 700 };

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      g_autofree char *path = ui_test_db_path ();
      g_autoptr(GError) error = NULL;
      g_autoptr(QuorumStore) store = quorum_store_open (path, &error);
      g_autofree char *area_shot = g_strdup_printf ("diffs4-area-list-%d", widths[w]);
      g_autofree char *notice_shot = g_strdup_printf ("diffs4-notice-list-%d", widths[w]);
      QuorumDifferencesPage *page;
      QuorumWindow *window;
      gint64 id;

      g_assert_no_error (error);
      id = raise_in_store (store, "south-east-wales", "2026-11-16", FALSE);
      /* At step 5 two notices are pending, each a long sentence of the policy's */
      for (guint i = 0; i < 4; i++)
        {
          g_autoptr(QuorumDifferenceStage) stage = NULL;
          GDate when;

          g_date_clear (&when, 1);
          g_date_set_dmy (&when, 17 + i, G_DATE_NOVEMBER, 2026);
          stage = quorum_store_escalate_difference (store, id, &when, "Not agreed", &error);
          g_assert_no_error (error);
        }
      window = ui_test_window_new (store, widths[w], 800);
      page = show_page (window, store);
      ui_test_raise_window (window);
      quorum_differences_page_set_as_of (page, "2026-11-20");

      ui_test_click (find_actionable (GTK_WIDGET (page), "differences.show-raise"), -1, -1);
      ui_test_settle (300);
      adw_combo_row_set_selected (ADW_COMBO_ROW (child (page, "area_row")), QUORUM_AREA_ASSESSMENT_OUTCOME + 1);
      ui_test_iterate (100);
      assert_choices_whole (page, "area_row", area_shot, 8);

      g_assert_true (quorum_differences_page_select (page, id));
      ui_test_iterate (200);
      gtk_widget_grab_focus (GTK_WIDGET (child (page, "notice_kind_row")));
      ui_test_iterate (200);
      assert_choices_whole (page, "notice_kind_row", notice_shot, 3);

      gtk_window_destroy (GTK_WINDOW (window));
      ui_test_iterate (50);
    }
}

/* stageids: a stage's name and owner are copied from the profile when it opens, in the language of
 * whoever recorded it. A difference raised and escalated in English, opened with the app in Welsh
 * (LANGUAGE=cy, a process of its own: the desktop's language is the process's), shows its stages'
 * names and owners in Welsh, the profile's own Welsh for those stages. */
#define SEW_1_EN "The professional with the concern attempts to resolve the difference with the other professional or agency"
#define SEW_1_CY "Mae’r gweithiwr proffesiynol sy’n pryderu yn ceisio datrys y gwahaniaeth gyda’r gweithiwr proffesiynol neu’r asiantaeth arall"
#define SEW_1_OWNER_CY "Y gweithiwr proffesiynol sy’n pryderu"
#define SEW_2_EN "Both professionals discuss it with their line managers or supervisors"
#define SEW_2_CY "Mae’r ddau weithiwr proffesiynol yn ei drafod gyda’u rheolwyr llinell neu eu goruchwylwyr"

static void
read_in_welsh (void)
{
  const char *location = g_getenv ("QUORUM_TEST_WELSH_DB");
  gint64 id = g_ascii_strtoll (g_getenv ("QUORUM_TEST_WELSH_ID"), NULL, 10);
  g_autoptr(QuorumStore) store = NULL;
  QuorumDifferencesPage *page;
  QuorumWindow *window;
  const char *history;

  /* As main.c: the app's own words from the build's translations, in the desktop's language. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("QUORUM_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_assert_cmpstr (quorum_i18n_desktop_language (), ==, "cy");

  store = ui_test_open (location);
  window = ui_test_window_new (store, 1280, 800);
  page = show_page (window, store);
  ui_test_raise_window (window);
  quorum_differences_page_set_as_of (page, "2026-11-20");
  click_difference (page, id);

  /* The app is in Welsh: its own words */
  g_assert_true (g_str_has_prefix (label_text (page, "detail_title"), "Gwahaniaeth "));
  history = label_text (page, "history_label");
  g_test_message ("history:\n%s", history);
  g_assert_cmpuint (position_of (history, "Cam 1: " SEW_1_CY "\nPerchennog: " SEW_1_OWNER_CY), <,
                    position_of (history, "Cam 2: " SEW_2_CY "\nPerchennog: "));
  position_of (history, "Rheolwyr llinell / goruchwylwyr y gweithwyr proffesiynol");
  g_assert_null (strstr (history, SEW_1_EN));
  g_assert_null (strstr (history, SEW_2_EN));
  g_assert_null (strstr (history, "The professional who has the concern"));
  ui_test_screenshot (GTK_WIDGET (window), "differences-cy");

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (50);
}

static void
test_english_difference_read_in_welsh (void)
{
  g_autofree char *path = NULL;
  g_autofree char *id_text = NULL;
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumDifferenceStage) stage = NULL;
  GDate date;
  gint64 id;

  if (g_test_subprocess ())
    {
      read_in_welsh ();
      return;
    }
  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  /* Raised and escalated in English (this process: the suite runs with no LANGUAGE) */
  path = ui_test_db_path ();
  store = ui_test_open (path);
  id = raise_in_store (store, "south-east-wales", "2026-11-16", FALSE);
  g_assert_true (quorum_date_parse ("2026-11-17", "date", &date, NULL));
  stage = quorum_store_escalate_difference_to (store, id, &date, "No agreement with Newport", 0, &error);
  g_assert_no_error (error);
  {
    g_autoptr(QuorumDifference) d = load (store, id);

    g_assert_cmpstr (((QuorumDifferenceStage *) g_ptr_array_index (d->stages, 0))->name, ==, SEW_1_EN);
    g_assert_cmpstr (((QuorumDifferenceStage *) g_ptr_array_index (d->stages, 1))->name, ==, SEW_2_EN);
  }
  g_clear_object (&store);

  id_text = g_strdup_printf ("%lld", (long long) id);
  g_setenv ("QUORUM_TEST_WELSH_DB", path, TRUE);
  g_setenv ("QUORUM_TEST_WELSH_ID", id_text, TRUE);
  g_setenv ("LANGUAGE", "cy", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv ("LANGUAGE");
  g_unsetenv ("QUORUM_TEST_WELSH_DB");
  g_unsetenv ("QUORUM_TEST_WELSH_ID");
  g_test_trap_assert_passed ();
}

/* Whether the window's focus is @widget or inside it. */
static gboolean
focus_in (QuorumWindow *window,
          GtkWidget    *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Trial 7, A1: a practitioner typing each answer of the Raise form and pressing Enter had them
 * all run together in "Raised by" (Enter did nothing), and neither Enter nor Ctrl+Enter raised.
 * Now Enter moves on to the next field, as in the New Conference form, and from the outcome
 * sought, the last, to Raise; Ctrl+Enter anywhere in the form raises it, or, refused for an
 * answer missing, puts the focus on it. */
static void
test_raise_form_enter_and_ctrl_enter (void)
{
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = quorum_store_open (path, &error);
  const char *answers[][2] = {
    { "raised_by_row", "Kelly Shah" }, { "role_row", "School Nurse" },
    { "agency_row", "Bradford District Care NHS FT" }, { "against_row", "Bradford Childrens Social Care" },
    { "against_decision_row", "Closed the referral at the front door" }, { "child_row", "Jack Moore" },
  };
  QuorumDifferencesPage *page;
  QuorumWindow *window;
  gint64 first;

  g_assert_no_error (error);
  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  window = ui_test_window_new (store, 1280, 800);
  page = show_page (window, store);
  ui_test_raise_window (window);
  quorum_differences_page_set_as_of (page, "2026-12-02");
  ui_test_click (find_actionable (GTK_WIDGET (page), "differences.show-raise"), -1, -1);
  ui_test_settle (200);
  choose_profile (page, "bradford");
  ui_test_iterate (100);

  /* The focus in "Raised by": each answer typed, then Enter. */
  g_assert_true (focus_in (window, GTK_WIDGET (child (page, "raised_by_row"))));
  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      g_assert_true (focus_in (window, GTK_WIDGET (child (page, answers[i][0]))));
      ui_test_type (answers[i][1]);
      ui_test_key ("Return");
    }
  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    g_assert_cmpstr (row_shows (page, answers[i][0]), ==, answers[i][1]);
  /* No conference number: Enter on to the area, a list, chosen there. */
  g_assert_true (focus_in (window, GTK_WIDGET (child (page, "conference_row"))));
  ui_test_key ("Return");
  g_assert_true (focus_in (window, GTK_WIDGET (child (page, "area_row"))));
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (page, "area_row")), QUORUM_AREA_CASE_CLOSURE + 1);
  ui_test_click (GTK_WIDGET (child (page, "outcome_sought_row")), -1, -1);
  ui_test_type ("A strategy discussion");
  ui_test_key ("Return");
  ui_test_settle (200);
  /* On to Raise, past the immediate risk switch: nothing raised yet. */
  g_assert_true (focus_in (window, GTK_WIDGET (child (page, "raise_button"))));
  {
    g_autoptr(GPtrArray) all = list_all (store);

    g_assert_cmpuint (all->len, ==, 0);
  }
  ui_test_screenshot (GTK_WIDGET (window), "raise-form-by-enter");
  ui_test_key ("Return");
  ui_test_settle (400);
  first = quorum_differences_page_get_selected (page);
  g_assert_cmpint (first, >, 0);
  {
    g_autoptr(QuorumDifference) d = load (store, first);

    g_assert_cmpstr (d->profile_id, ==, "bradford");
    g_assert_cmpstr (d->raised_by, ==, "Kelly Shah");
    g_assert_cmpstr (d->role, ==, "School Nurse");
    g_assert_cmpstr (d->agency, ==, "Bradford District Care NHS FT");
    g_assert_cmpstr (d->against, ==, "Bradford Childrens Social Care");
    g_assert_cmpstr (d->against_decision, ==, "Closed the referral at the front door");
    g_assert_cmpstr (d->child, ==, "Jack Moore");
    g_assert_cmpint (d->area, ==, QUORUM_AREA_CASE_CLOSURE);
    g_assert_cmpstr (d->outcome_sought, ==, "A strategy discussion");
    g_assert_false (d->immediate_risk);
  }
  /* trial 8, A8: raised, the focus goes to its row in the list (the keyboard goes on from the
   * difference shown), not to the detail's first selectable text, its words all selected. */
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

    g_test_message ("focus after raising: %s", focus != NULL ? G_OBJECT_TYPE_NAME (focus) : "none");
    g_assert_nonnull (focus);
    g_assert_false (GTK_IS_LABEL (focus));
    g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (child (page, "list_view"))));
  }
  ui_test_screenshot (GTK_WIDGET (window), "raised-by-enter");

  /* A second: Ctrl+Enter with the outcome sought not given: refused, nothing raised, the focus
   * on the outcome sought; given, Ctrl+Enter raises it. */
  ui_test_click (find_actionable (GTK_WIDGET (page), "differences.show-raise"), -1, -1);
  ui_test_settle (200);
  ui_test_type ("Lee Park");
  ui_test_key ("Return");
  ui_test_key ("Return");
  ui_test_type ("West Yorkshire Police");
  ui_test_key ("Return");
  ui_test_type ("Bradford Childrens Social Care");
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (page, "area_row")), QUORUM_AREA_REFERRAL_CRITERIA + 1);
  ui_test_key ("ctrl+Return");
  ui_test_settle (300);
  {
    g_autoptr(GPtrArray) all = list_all (store);

    g_assert_cmpuint (all->len, ==, 1);
  }
  g_assert_true (focus_in (window, GTK_WIDGET (child (page, "outcome_sought_row"))));
  ui_test_type ("A multi-agency meeting");
  ui_test_key ("ctrl+Return");
  ui_test_settle (400);
  {
    g_autoptr(GPtrArray) all = list_all (store);
    gint64 second = quorum_differences_page_get_selected (page);
    g_autoptr(QuorumDifference) d = NULL;

    g_assert_cmpuint (all->len, ==, 2);
    g_assert_cmpint (second, >, first);
    d = load (store, second);
    g_assert_cmpstr (d->raised_by, ==, "Lee Park");
    g_assert_null (d->role);
    g_assert_cmpstr (d->agency, ==, "West Yorkshire Police");
    g_assert_cmpstr (d->against, ==, "Bradford Childrens Social Care");
    g_assert_cmpstr (d->outcome_sought, ==, "A multi-agency meeting");
  }

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (50);
}

/* Clicks @row of the page and selects what it shows (Ctrl+A), as a person does to type over it. */
static void
click_row (QuorumDifferencesPage *page,
           const char            *row)
{
  GtkWidget *widget = GTK_WIDGET (child (page, row));

  ui_test_scroll_into_view (widget);
  ui_test_click (widget, -1, -1);
  ui_test_key ("ctrl+a");
}

static char *
db_count (const char *path,
          const char *table,
          gint64      id)
{
  return ui_test_db_sqlf (path, "SELECT count(*) FROM %s WHERE difference_id = %" G_GINT64_FORMAT, table, id);
}

/* The difference's other forms as the Raise form (memberkeys): the notice, the discussion, the
 * escalation and the resolution did nothing on Enter, so a practitioner typing an answer and
 * pressing Enter stayed in the field, and Ctrl+Enter recorded nothing. Now Enter moves on to the
 * next field and from the last to the form's button (which Enter then presses); Ctrl+Enter in a
 * field records the form; a refusal puts the focus on the answer it names. */
static void
test_other_forms_enter_and_ctrl_enter (void)
{
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = quorum_store_open (path, &error);
  QuorumDifferencesPage *page;
  QuorumWindow *window;
  gint64 id;

  g_assert_no_error (error);
  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  id = raise_in_store (store, "south-east-wales", "2026-11-30", FALSE);
  window = ui_test_window_new (store, 1280, 800);
  page = show_page (window, store);
  ui_test_raise_window (window);
  quorum_differences_page_set_as_of (page, "2026-12-02");
  quorum_differences_page_refresh (page);
  g_assert_true (quorum_differences_page_select (page, id));
  ui_test_iterate (300);

  /* The notice (South East Wales: that the guidance is invoked): date, by, to (blank: as the
   * policy says), how, each + Enter; on to Record Notice, nothing given yet; Enter gives it. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (page, "notice_kind_row")), 0);
  click_row (page, "notice_date_row");
  ui_test_type ("2026-11-30");
  ui_test_key ("Return");
  g_assert_true (focus_in (window, GTK_WIDGET (child (page, "notice_by_row"))));
  ui_test_type ("Gwent NHS");
  ui_test_key ("Return");
  g_assert_true (focus_in (window, GTK_WIDGET (child (page, "notice_to_row"))));
  ui_test_key ("Return");
  g_assert_true (focus_in (window, GTK_WIDGET (child (page, "notice_means_row"))));
  ui_test_type ("email");
  ui_test_key ("Return");
  ui_test_iterate (200);
  g_assert_true (focus_in (window, GTK_WIDGET (child (page, "notice_button"))));
  g_assert_cmpstr (db_count (path, "notice", id), ==, "0");
  ui_test_key ("Return");
  ui_test_iterate (400);
  {
    g_autofree char *given = ui_test_db_sqlf (path, "SELECT given_on || '|' || given_by || '|' || means FROM notice "
                                              "WHERE difference_id = %" G_GINT64_FORMAT, id);

    g_assert_cmpstr (given, ==, "2026-11-30|Gwent NHS|email");
  }

  /* The discussion: who took part + Enter, on to what was said; Enter past it (left blank) to
   * what was agreed; Ctrl+Enter there: refused, nothing recorded, the focus on what was said. */
  g_assert_true (quorum_differences_page_select (page, id));
  ui_test_iterate (200);
  click_row (page, "note_with_row");
  ui_test_type ("Hana Visitor and the duty manager");
  ui_test_key ("Return");
  g_assert_true (focus_in (window, GTK_WIDGET (child (page, "note_summary_row"))));
  ui_test_key ("Return");
  g_assert_true (focus_in (window, GTK_WIDGET (child (page, "note_agreed_row"))));
  ui_test_key ("ctrl+Return");
  ui_test_iterate (300);
  g_assert_cmpstr (db_count (path, "difference_note", id), ==, "0");
  g_assert_true (focus_in (window, GTK_WIDGET (child (page, "note_summary_row"))));
  ui_test_type ("The threshold for a strategy meeting");
  ui_test_key ("ctrl+Return");
  ui_test_iterate (400);
  {
    g_autofree char *note = ui_test_db_sqlf (path, "SELECT participants || '|' || summary FROM difference_note "
                                             "WHERE difference_id = %" G_GINT64_FORMAT, id);

    g_assert_cmpstr (note, ==, "Hana Visitor and the duty manager|The threshold for a strategy meeting");
  }

  /* Escalate: the date + Enter, on to why; Enter (none given) on to the button; Enter there:
   * refused, not escalated, the focus on why; typed, Ctrl+Enter escalates. */
  g_assert_true (quorum_differences_page_select (page, id));
  ui_test_iterate (200);
  click_row (page, "escalate_date_row");
  ui_test_type ("2026-12-02");
  ui_test_key ("Return");
  g_assert_true (focus_in (window, GTK_WIDGET (child (page, "escalate_reason_row"))));
  ui_test_key ("Return");
  ui_test_iterate (200);
  g_assert_true (focus_in (window, GTK_WIDGET (child (page, "escalate_button"))));
  ui_test_key ("Return");
  ui_test_iterate (300);
  g_assert_cmpstr (ui_test_db_answerf (path, "SELECT count(*) FROM difference_stage WHERE difference_id = %" G_GINT64_FORMAT, id),
                   ==, "1");
  g_assert_true (focus_in (window, GTK_WIDGET (child (page, "escalate_reason_row"))));
  ui_test_type ("No agreement between the line managers");
  ui_test_key ("ctrl+Return");
  ui_test_iterate (400);
  {
    g_autoptr(QuorumDifference) d = load (store, id);

    g_assert_cmpuint (d->stages->len, ==, 2);
  }

  /* Resolve: outcome, feedback to, feedback on (a day before the resolution), each + Enter, on
   * to Resolve; Enter: refused, the focus on the feedback date; put right, Ctrl+Enter resolves. */
  g_assert_true (quorum_differences_page_select (page, id));
  ui_test_iterate (200);
  click_row (page, "outcome_row");
  ui_test_type ("A strategy meeting is held");
  ui_test_key ("Return");
  g_assert_true (focus_in (window, GTK_WIDGET (child (page, "feedback_to_row"))));
  ui_test_type ("Hana Visitor");
  ui_test_key ("Return");
  g_assert_true (focus_in (window, GTK_WIDGET (child (page, "feedback_date_row"))));
  ui_test_type ("2026-12-01");
  ui_test_key ("Return");
  ui_test_iterate (200);
  g_assert_true (focus_in (window, GTK_WIDGET (child (page, "resolve_button"))));
  ui_test_key ("Return");
  ui_test_iterate (300);
  {
    g_autoptr(QuorumDifference) d = load (store, id);

    g_assert_cmpint (d->status, !=, QUORUM_DIFFERENCE_RESOLVED);
  }
  g_assert_true (focus_in (window, GTK_WIDGET (child (page, "feedback_date_row"))));
  ui_test_key ("ctrl+a");
  ui_test_type ("2026-12-02");
  ui_test_screenshot (GTK_WIDGET (window), "differences-forms-by-enter");
  ui_test_key ("ctrl+Return");
  ui_test_iterate (400);
  {
    g_autoptr(QuorumDifference) d = load (store, id);

    g_assert_cmpint (d->status, ==, QUORUM_DIFFERENCE_RESOLVED);
    g_assert_cmpstr (d->outcome, ==, "A strategy meeting is held");
    g_assert_cmpstr (d->feedback_to, ==, "Hana Visitor");
  }

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (50);
}

/* A Raise form's draft row, as the store keeps it (NULL: none). */
static const char *
raise_draft_row (const char *path,
                 const char *field)
{
  return ui_test_db_answerf (path, "SELECT text FROM draft WHERE scope = 'difference:raise' AND field = '%s'", field);
}

/* Trial 9, D3: the Raise form's policy, typed date and area were not in its draft: closed (or
 * killed) and opened again, the words came back under the default policy dated today, with no
 * draft mark, and were raised so. They are kept, given back, marked, and raised as chosen. */
static void
test_raise_draft_keeps_policy_date_area (void)
{
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = quorum_store_open (path, &error);
  const char *area = quorum_area_to_string (QUORUM_AREA_THRESHOLDS);
  QuorumDifferencesPage *page;
  QuorumWindow *window;
  guint bradford = 0;

  g_assert_no_error (error);
  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }
  {
    g_autoptr(GPtrArray) profiles = quorum_profiles_load_all (NULL);

    while (g_strcmp0 (((QuorumProfile *) g_ptr_array_index (profiles, bradford))->id, "bradford") != 0)
      bradford++;
  }

  window = ui_test_window_new (store, 1280, 800);
  page = show_page (window, store);
  ui_test_raise_window (window);
  quorum_differences_page_set_as_of (page, "2026-12-02");
  ui_test_click (find_actionable (GTK_WIDGET (page), "differences.show-raise"), -1, -1);
  ui_test_settle (200);
  choose_profile (page, "bradford");
  click_row (page, "raised_date_row");
  ui_test_type ("2026-11-20");
  ui_test_key ("Return");
  ui_test_type ("Una Bell");
  ui_test_key ("Return");
  ui_test_type ("Health visitor");
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (page, "area_row")), QUORUM_AREA_THRESHOLDS + 1);
  ui_test_settle (600);
  /* What a kill now leaves in the store: the choices and the date with the words. */
  g_assert_cmpstr (raise_draft_row (path, "policy"), ==, "bradford");
  g_assert_cmpstr (raise_draft_row (path, "date"), ==, "2026-11-20");
  g_assert_cmpstr (raise_draft_row (path, "area"), ==, area);
  g_assert_cmpstr (raise_draft_row (path, "raised-by"), ==, "Una Bell");
  g_assert_true (ui_test_marker_shown (GTK_WIDGET (child (page, "raise_draft_label"))));
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (100);

  window = ui_test_window_new (store, 1280, 800);
  page = show_page (window, store);
  ui_test_raise_window (window);
  quorum_differences_page_set_as_of (page, "2026-12-02");
  ui_test_click (find_actionable (GTK_WIDGET (page), "differences.show-raise"), -1, -1);
  ui_test_settle (300);
  ui_test_screenshot (GTK_WIDGET (window), "t9forms-raise-given-back");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (child (page, "profile_row"))), ==, bradford);
  g_assert_cmpstr (row_shows (page, "raised_date_row"), ==, "2026-11-20");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (child (page, "area_row"))), ==, QUORUM_AREA_THRESHOLDS + 1);
  g_assert_cmpstr (row_shows (page, "raised_by_row"), ==, "Una Bell");
  g_assert_true (ui_test_marker_shown (GTK_WIDGET (child (page, "raise_draft_label"))));

  /* Finished and raised as it was left: Bradford, from 20 November. */
  type_into (page, "agency_row", "Bradford District Care NHS FT");
  type_into (page, "against_row", "Bradford Childrens Social Care");
  type_into (page, "outcome_sought_row", "Seen by a paediatrician");
  ui_test_click (GTK_WIDGET (child (page, "outcome_sought_row")), -1, -1);
  ui_test_key ("ctrl+Return");
  ui_test_settle (400);
  {
    g_autoptr(GPtrArray) all = list_all (store);
    g_autoptr(QuorumDifference) d = NULL;
    char raised[11];

    g_assert_cmpuint (all->len, ==, 1);
    d = load (store, quorum_differences_page_get_selected (page));
    g_date_strftime (raised, sizeof raised, "%Y-%m-%d", &d->raised);
    g_assert_cmpstr (d->profile_id, ==, "bradford");
    g_assert_cmpstr (raised, ==, "2026-11-20");
    g_assert_cmpint (d->area, ==, QUORUM_AREA_THRESHOLDS);
    g_assert_cmpstr (d->raised_by, ==, "Una Bell");
  }
  g_assert_cmpstr (ui_test_db_answerf (path, "SELECT count(*) FROM draft WHERE scope = 'difference:raise'"), ==, "0");

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (50);
}

/* Trial 9, A6: the empty page said "No differences to count." twice, in the chart and in its
 * caption: once, by the chart. */
static void
test_empty_counts_said_once (void)
{
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = quorum_store_open (path, &error);
  QuorumDifferencesPage *page;
  QuorumWindow *window;

  g_assert_no_error (error);
  window = ui_test_window_new (store, 1280, 800);
  page = show_page (window, store);
  ui_test_settle (200);
  ui_test_screenshot (GTK_WIDGET (window), "t9forms-empty-counts");
  g_assert_cmpstr (ui_test_db_answerf (path, "SELECT count(*) FROM difference"), ==, "0");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (child (page, "chart_text"))));
  /* One raised: the caption says the counts again. */
  raise_in_store (store, "bradford", "2026-11-16", FALSE);
  quorum_differences_page_refresh (page);
  ui_test_iterate (100);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (child (page, "chart_text"))));

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (50);
}

/* Trial 9, D4: Enter on the chosen Area of disagreement reopened its list, and the outcome
 * sought typed next went into the list and vanished. Enter on a chosen area moves on to the
 * outcome sought, whose words are kept; Space and Alt+Down open the list. */
static void
test_enter_on_chosen_area_moves_on (void)
{
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = quorum_store_open (path, &error);
  GtkWidget *area;
  QuorumDifferencesPage *page;
  QuorumWindow *window;

  g_assert_no_error (error);
  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  window = ui_test_window_new (store, 1280, 800);
  page = show_page (window, store);
  ui_test_raise_window (window);
  ui_test_click (find_actionable (GTK_WIDGET (page), "differences.show-raise"), -1, -1);
  ui_test_settle (200);
  area = GTK_WIDGET (child (page, "area_row"));
  ui_test_scroll_into_view (area);
  gtk_widget_grab_focus (area);
  ui_test_key ("space");
  ui_test_wait_until (ui_test_has_shown_popover, area, 3000, "the list of areas to open");
  ui_test_key ("Escape");
  ui_test_settle (200);
  g_assert_false (ui_test_has_shown_popover (area));
  adw_combo_row_set_selected (ADW_COMBO_ROW (area), QUORUM_AREA_ASSESSMENT_OUTCOME + 1);
  gtk_widget_grab_focus (area);
  ui_test_key ("Return");
  ui_test_settle (200);
  g_assert_false (ui_test_has_shown_popover (area));
  g_assert_true (focus_in (window, GTK_WIDGET (child (page, "outcome_sought_row"))));
  ui_test_type ("A single assessment");
  ui_test_settle (600);
  g_assert_cmpstr (row_shows (page, "outcome_sought_row"), ==, "A single assessment");
  g_assert_cmpstr (raise_draft_row (path, "outcome-sought"), ==, "A single assessment");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (area)), ==, QUORUM_AREA_ASSESSMENT_OUTCOME + 1);
  /* Alt+Down opens the list of a chosen area. */
  gtk_widget_grab_focus (area);
  ui_test_key ("alt+Down");
  ui_test_wait_until (ui_test_has_shown_popover, area, 3000, "the list of areas to open");
  ui_test_screenshot (GTK_WIDGET (window), "t9forms-area-list-by-alt-down");
  ui_test_key ("Escape");
  ui_test_settle (100);

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (50);
}

int
main (int   argc,
      char *argv[])
{
  /* The scenarios run in 2026-27: notices and flags are refused in the future. */
  g_setenv ("QUORUM_TODAY", "2027-06-30", TRUE);
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/differences/raise-record-escalate-filter-resolve", test_differences_page);
  g_test_add_func ("/ui/differences/notices-area-other-formal-challenge-immediate-risk-disagreement-remains",
                   test_notices_and_policy_facts);
  g_test_add_func ("/ui/differences/words-stay-with-their-difference-and-come-back",
                   test_words_stay_with_their_difference);
  g_test_add_func ("/ui/differences/immediate-risk-asks-first", test_immediate_risk_asks_first);
  g_test_add_func ("/ui/differences/immediate-risk-subtitle-follows-policy",
                   test_immediate_risk_subtitle_follows_policy);
  g_test_add_func ("/ui/differences/bradford-immediate-risk-escalated-late",
                   test_bradford_immediate_risk_escalated_late);
  g_test_add_func ("/ui/differences/refs2-own-write-keeps-place", test_own_write_keeps_place);
  g_test_add_func ("/ui/differences/diffs4-discussions-shown", test_discussions_shown);
  g_test_add_func ("/ui/differences/diffs4-disagreement-remains-is-not-resolved",
                   test_disagreement_remains_is_not_resolved);
  g_test_add_func ("/ui/differences/diffs4-raise-form-fresh-and-panes-from-the-top",
                   test_raise_form_fresh_and_panes_from_the_top);
  g_test_add_func ("/ui/differences/diffs4-formal-challenge-asks-first", test_formal_challenge_asks_first);
  g_test_add_func ("/ui/differences/raise-form-enter-moves-on-ctrl-enter-raises", test_raise_form_enter_and_ctrl_enter);
  g_test_add_func ("/ui/differences/other-forms-enter-moves-on-ctrl-enter-records", test_other_forms_enter_and_ctrl_enter);
  g_test_add_func ("/ui/differences/diffs4-choices-whole", test_choices_whole);
  g_test_add_func ("/ui/differences/stageids-english-difference-read-in-welsh",
                   test_english_difference_read_in_welsh);
  g_test_add_func ("/ui/differences/t9forms-raise-draft-keeps-policy-date-area", test_raise_draft_keeps_policy_date_area);
  g_test_add_func ("/ui/differences/t9forms-enter-on-chosen-area-moves-on", test_enter_on_chosen_area_moves_on);
  g_test_add_func ("/ui/differences/t9forms-empty-counts-said-once", test_empty_counts_said_once);

  return g_test_run ();
}
