/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-forms.c: the New Conference form and the attendee form, filled as a new chair fills
 * them in the meeting (xdotool: clicks, typing, Enter): Enter in a child's name gives the next
 * child's row and never creates the conference; the chair is never the computer's login; the
 * vote box, once the chair has touched it, stays as the chair left it; a latecomer is added
 * and their arrival recorded in one step; Enter in the name moves on to the role. */

#include "test-ui-live-common.h"

static char *
sql_of (Fixture    *fx,
        const char *sql)
{
  return ui_test_db_sql (fx->path, sql);
}

static GtkWidget *
focused_row (GtkWindow *dialog)
{
  GtkWidget *focus = gtk_window_get_focus (dialog);

  return focus != NULL ? gtk_widget_get_ancestor (focus, ADW_TYPE_PREFERENCES_ROW) : NULL;
}

static const char *
row_title (GtkWidget *row)
{
  return row != NULL ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)) : "(no row)";
}

/* Ctrl+N, a child's name, Enter, the next, Enter…: three children, a row each; Enter in the
 * empty row after them moves on. Nothing is created until Ctrl+Return, and not then without a
 * chair: the form never offers the login ("root") as one. The chair typed is offered next time,
 * unless Preferences names the chair. */
static void
test_enter_in_child_name (Fixture       *fx,
                          gconstpointer  data)
{
  g_autoptr(GSettings) settings = quorum_ui_settings_new ();
  const char * const names[] = { "Amy Carter", "Ben Carter", "Cara Carter" };
  GtkWindow *dialog;
  GtkWidget *chair_row;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }
  g_settings_reset (settings, "chair-name");
  g_settings_reset (settings, "last-chair");
  before = sql_of (fx, "SELECT count (*) FROM conference");

  ui_test_raise_window (fx->window);
  dialog = open_new_conference_form (fx->window);
  ui_test_raise_window (dialog);
  chair_row = ui_test_template_child (dialog, QUORUM_TYPE_NEW_CONFERENCE_DIALOG, "chair_row");
  /* No name in Preferences, no chair before: no one's name offered, the login least of all. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (chair_row)), ==, "");

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *title = g_strdup_printf (i == 0 ? "Child %u’s _name" : "Child %u’s name", i + 1);

      g_assert_cmpstr (row_title (focused_row (dialog)), ==, title);
      ui_test_type (names[i]);
      ui_test_key ("Return");
      ui_test_iterate (200);
      /* Not created: the form is open, the record as it was. */
      g_assert_nonnull (ui_test_find_toplevel (QUORUM_TYPE_NEW_CONFERENCE_DIALOG));
      after = (g_free (after), sql_of (fx, "SELECT count (*) FROM conference"));
      g_assert_cmpstr (after, ==, before);
    }
  /* The fourth row, empty: Enter moves on to the conference's fields. */
  g_assert_cmpstr (row_title (focused_row (dialog)), ==, "Child 4’s name");
  ui_test_screenshot (GTK_WIDGET (dialog), "forms-new-conference-children");
  ui_test_key ("Return");
  ui_test_iterate (200);
  g_assert_true (focused_row (dialog) == ui_test_template_child (dialog, QUORUM_TYPE_NEW_CONFERENCE_DIALOG, "kind_row"));

  /* Ctrl+Return with no chair: refused in the form, the chair's field to type in. */
  ui_test_key ("ctrl+Return");
  ui_test_iterate (300);
  g_assert_nonnull (ui_test_find_toplevel (QUORUM_TYPE_NEW_CONFERENCE_DIALOG));
  after = (g_free (after), sql_of (fx, "SELECT count (*) FROM conference"));
  g_assert_cmpstr (after, ==, before);
  g_assert_true (focused_row (dialog) == chair_row);
  g_assert_nonnull (ui_test_find_shown_label (GTK_WIDGET (dialog), "Give the chair’s name: the conference is recorded under it"));
  ui_test_screenshot (GTK_WIDGET (dialog), "forms-new-conference-no-chair");

  /* The chair typed, then Enter moves on (the policy), and Ctrl+Return creates. */
  ui_test_type ("Jo Evans (IRO)");
  ui_test_key ("Return");
  ui_test_iterate (100);
  g_assert_true (focused_row (dialog) == ui_test_template_child (dialog, QUORUM_TYPE_NEW_CONFERENCE_DIALOG, "profile_row"));
  g_assert_nonnull (ui_test_find_toplevel (QUORUM_TYPE_NEW_CONFERENCE_DIALOG));
  ui_test_key ("ctrl+Return");
  ui_test_iterate (300);
  g_assert_null (ui_test_find_toplevel (QUORUM_TYPE_NEW_CONFERENCE_DIALOG));
  {
    g_autofree char *made = sql_of (fx, "SELECT chair FROM conference ORDER BY id DESC LIMIT 1");
    g_autofree char *children = sql_of (fx, "SELECT group_concat (name, ',') FROM (SELECT name FROM child WHERE "
                                            "conference_id = (SELECT max (id) FROM conference) ORDER BY id)");

    g_assert_cmpstr (made, ==, "Jo Evans (IRO)");
    g_assert_cmpstr (children, ==, "Amy Carter,Ben Carter,Cara Carter");
  }

  /* The next conference offers the chair last used; a name in Preferences comes first. */
  dialog = open_new_conference_form (fx->window);
  chair_row = ui_test_template_child (dialog, QUORUM_TYPE_NEW_CONFERENCE_DIALOG, "chair_row");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (chair_row)), ==, "Jo Evans (IRO)");
  gtk_window_destroy (dialog);
  ui_test_iterate (100);
  g_settings_set_string (settings, "chair-name", "Sam Patel, IRO");
  dialog = open_new_conference_form (fx->window);
  chair_row = ui_test_template_child (dialog, QUORUM_TYPE_NEW_CONFERENCE_DIALOG, "chair_row");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (chair_row)), ==, "Sam Patel, IRO");
  gtk_window_destroy (dialog);
  ui_test_iterate (100);
  g_settings_reset (settings, "chair-name");
  g_settings_reset (settings, "last-chair");
}

static GtkCheckButton *
voting_check (Fixture *fx)
{
  return GTK_CHECK_BUTTON (ui_test_find_named (GTK_WIDGET (quorum_window_get_conference_page (fx->window)), "voting-check"));
}

static void
open_attendee_form (Fixture *fx)
{
  ui_test_raise_window (fx->window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (quorum_window_get_conference_page (fx->window)),
                                             "conference.new-attendee", NULL));
  ui_test_iterate (300);
}

static void
replace_text_in (GtkWidget  *entry,
                 const char *text)
{
  ui_test_click (entry, -1, -1);
  ui_test_key ("ctrl+a");
  ui_test_type (text);
}

/* "Family" typed in the agency takes the vote box's tick away; the chair ticks it and unticks it
 * again on purpose, then corrects the agency and the role: the box stays as the chair left it,
 * and what is recorded is the chair's choice. The other way round too: ticked on purpose, it
 * stays ticked when the role says "Mother". */
static void
test_vote_box_kept_once_touched (Fixture       *fx,
                                 gconstpointer  data)
{
  GtkWidget *page;
  GtkWidget *agency;
  GtkWidget *role;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  open_attendee_form (fx);
  page = GTK_WIDGET (quorum_window_get_conference_page (fx->window));
  agency = ui_test_find_named (page, "agency-entry");
  role = ui_test_find_named (page, "role-entry");
  ui_test_type ("Karen Carter");
  ui_test_click (agency, -1, -1);
  ui_test_type ("Family");
  g_assert_false (gtk_check_button_get_active (voting_check (fx)));
  /* Not silently: the form says it unticked the box, so a chair does not click it to untick it
   * (and tick it). */
  g_assert_nonnull (ui_test_find_named (page, "voting-note"));
  g_assert_true (gtk_widget_get_mapped (ui_test_find_named (page, "voting-note")));
  ui_test_screenshot (page, "forms-attendee-vote-guess");

  /* Ticked and unticked by hand: now the chair's, the note gone. */
  ui_test_click (GTK_WIDGET (voting_check (fx)), 10, -1);
  g_assert_true (gtk_check_button_get_active (voting_check (fx)));
  g_assert_false (gtk_widget_get_visible (ui_test_find_named (page, "voting-note")));
  ui_test_click (GTK_WIDGET (voting_check (fx)), 10, -1);
  g_assert_false (gtk_check_button_get_active (voting_check (fx)));

  /* The agency corrected (not a family word for a moment, then one), a role typed. */
  replace_text_in (agency, "Advocacy Service");
  g_assert_false (gtk_check_button_get_active (voting_check (fx)));
  replace_text_in (agency, "Family");
  replace_text_in (role, "Mother");
  g_assert_false (gtk_check_button_get_active (voting_check (fx)));
  ui_test_screenshot (page, "forms-attendee-vote-box");
  ui_test_click (ui_test_find_button (page, GTK_TYPE_BUTTON, "A_dd Attendee"), -1, -1);
  ui_test_iterate (300);
  {
    g_autofree char *held = sql_of (fx, "SELECT voting || '|' || agency FROM attendee WHERE name = 'Karen Carter'");

    g_assert_cmpstr (held, ==, "0|Family");
  }

  /* Cleared after adding: the guess is back. Ticked on purpose first, it stays ticked. */
  g_assert_true (gtk_check_button_get_active (voting_check (fx)));
  ui_test_type ("Dee Advocate");
  ui_test_click (GTK_WIDGET (voting_check (fx)), 10, -1);
  ui_test_click (GTK_WIDGET (voting_check (fx)), 10, -1);
  g_assert_true (gtk_check_button_get_active (voting_check (fx)));
  replace_text_in (role, "Mother");
  replace_text_in (agency, "Family Advocacy");
  g_assert_true (gtk_check_button_get_active (voting_check (fx)));
  ui_test_click (ui_test_find_button (page, GTK_TYPE_BUTTON, "A_dd Attendee"), -1, -1);
  ui_test_iterate (300);
  {
    g_autofree char *held = sql_of (fx, "SELECT voting FROM attendee WHERE name = 'Dee Advocate'");

    g_assert_cmpstr (held, ==, "1");
  }
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} LabelWait;

static gboolean
label_shown (gpointer data)
{
  LabelWait *wait = data;

  return ui_test_find_shown_label (wait->root, wait->text) != NULL;
}

static void
choose_attendance (GtkWidget  *dropdown,
                   const char *item)
{
  LabelWait wait = { dropdown, item };
  GtkWidget *popover = ui_test_find_type (dropdown, GTK_TYPE_POPOVER);

  ui_test_click (dropdown, -1, -1);
  g_assert_nonnull (popover);
  wait.root = popover;
  ui_test_wait_until (label_shown, &wait, 10000, item);
  ui_test_click (ui_test_find_shown_label (popover, item), -1, -1);
  ui_test_iterate (300);
}

/* A latecomer: name, Enter (to the role, not past it), role, Enter (to the agency, none yet),
 * agency, Attendance "Arrived late", the time given, Add: listed and arrived in one step, the
 * arrival the same attendance event the Arrived button records. A time that is no time is
 * refused, and nothing of the attendee is written. */
static void
test_late_arrival_in_one_step (Fixture       *fx,
                               gconstpointer  data)
{
  GtkWidget *page;
  GtkWidget *arrived;
  GtkWidget *dropdown;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  open_attendee_form (fx);
  page = GTK_WIDGET (quorum_window_get_conference_page (fx->window));
  arrived = ui_test_find_named (page, "arrived-entry");
  dropdown = ui_test_find_named (page, "attendance-dropdown");
  g_assert_nonnull (arrived);
  g_assert_nonnull (dropdown);
  g_assert_false (gtk_widget_get_visible (arrived));

  ui_test_type ("PC Tom Reid");
  ui_test_key ("Return");
  ui_test_iterate (100);
  g_assert_true (focus_is_in (fx->window, ui_test_find_named (page, "role-entry")));
  ui_test_type ("Detective Constable");
  ui_test_key ("Return");
  ui_test_iterate (100);
  g_assert_true (focus_is_in (fx->window, ui_test_find_named (page, "agency-entry")));
  ui_test_type ("Police");

  choose_attendance (dropdown, "Arrived late");
  g_assert_true (gtk_widget_get_visible (arrived));
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *hhmm = g_date_time_format (now, "%H:%M");
    const char *shown = gtk_editable_get_text (GTK_EDITABLE (arrived));

    /* Now, give or take the minute turning. */
    g_assert_cmpuint (strlen (shown), ==, 5);
    g_test_message ("arrival time offered: %s (now %s)", shown, hhmm);
  }

  /* No time of day: refused, nothing written, the form as it was. */
  replace_text_in (arrived, "25:99");
  ui_test_click (ui_test_find_button (page, GTK_TYPE_BUTTON, "A_dd Attendee"), -1, -1);
  ui_test_iterate (300);
  {
    g_autofree char *held = sql_of (fx, "SELECT count (*) FROM attendee WHERE name = 'PC Tom Reid'");

    g_assert_cmpstr (held, ==, "0");
  }
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui_test_find_named (page, "name-entry"))), ==, "PC Tom Reid");

  replace_text_in (arrived, "10:40");
  ui_test_screenshot (page, "forms-attendee-arrived-late");
  ui_test_key ("Return");
  ui_test_iterate (300);
  {
    g_autofree char *held = sql_of (fx, "SELECT a.role || '|' || a.agency || '|' || a.attendance || '|' || e.event || '|' || e.at "
                                        "FROM attendee a JOIN attendance_event e ON e.attendee_id = a.id "
                                        "WHERE a.name = 'PC Tom Reid'");

    g_assert_cmpstr (held, ==, "Detective Constable|Police|present|arrived|10:40");
  }
  {
    g_autoptr(QuorumConference) c = ui_test_load (fx->store, fx->conf);
    const QuorumAttendee *tom = g_ptr_array_index (c->attendees, c->attendees->len - 1);

    g_assert_cmpstr (tom->name, ==, "PC Tom Reid");
    g_assert_cmpstr (tom->arrived_at, ==, "10:40");
  }
  /* Cleared for the next: Present again, the time gone. */
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown)), ==, 0);
  g_assert_false (gtk_widget_get_visible (arrived));
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add ("/ui/forms/enter-in-child-name", Fixture, NULL,
              fixture_set_up, test_enter_in_child_name, fixture_tear_down);
  g_test_add ("/ui/forms/vote-box-kept-once-touched", Fixture, NULL,
              fixture_set_up, test_vote_box_kept_once_touched, fixture_tear_down);
  g_test_add ("/ui/forms/late-arrival-in-one-step", Fixture, NULL,
              fixture_set_up, test_late_arrival_in_one_step, fixture_tear_down);

  return g_test_run ();
}
