/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-recordname.c: who the record names as having written it, on a fresh database with no
 * name kept (trial 7 A10, trial 8 A3). The conference was made as quorum-cli makes it (through
 * the store, no name given); the app's first record that names its writer (a view, an attempt,
 * an arrival or leaving, a correction to "Arrived late") asks "Your name, as the record will
 * give it" first, once, keeps the name, and records it; cancelled, nothing is written and the
 * words typed stay; a name kept is never asked; a reader who records nothing is never asked. Real clicks and keys through the X
 * server (xdotool), each asserted on what the database then holds. On a shared (PostgreSQL)
 * database the writer is the server's user: nothing is asked there, and the rows name them. */

#include "test-ui-live-common.h"
#include "ui/quorum-text-row.h"

#define TYPED_NAME   "Priya Shah"
#define BEN_PROPOSAL "Ben to stay with his aunt"
#define BEN_SUMMARY  "Housing worried about the flat"
#define POLICE_WORDS "Two callouts in October"

static void
recordname_set_up (Fixture       *fx,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  static const char * const children[] = { "Amy Name", "Ben Name", NULL };
  static const char * const groups[] = { "Children's Social Care", "Police", "NHS Trust", NULL };
  QuorumConferenceSpec spec = {
    .kind = QUORUM_KIND_INITIAL, .chair = "Margaret Hughes (IRO)", .profile_id = "bolton", .children = children,
  };
  QuorumAttemptSpec attempt = { .summary = "No agreement" };

  /* Made as quorum-cli makes it, before the app has been given a name. */
  fx->path = ui_test_db_path ();
  ui_test_forget_name ();
  fx->store = ui_test_open (fx->path);

  g_date_set_dmy (&spec.date, 3, G_DATE_DECEMBER, 2026);
  fx->conf = quorum_store_create_conference (fx->store, &spec, &error);
  g_assert_no_error (error);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_autofree char *name = g_strdup_printf ("Rep of %s", groups[i]);
      QuorumAttendeeSpec attendee = {
        .name = name, .agency = groups[i], .line_management = groups[i], .voting = TRUE,
      };

      quorum_store_add_attendee (fx->store, fx->conf, &attendee, &error);
      g_assert_no_error (error);
    }
  fx->amy = ui_test_child_id (fx->store, fx->conf, 0);
  fx->ben = ui_test_child_id (fx->store, fx->conf, 1);
  /* Amy's vote is open; Ben has had no attempt yet. */
  attempt.child_id = fx->amy;
  quorum_store_add_attempt (fx->store, fx->conf, &attempt, &error);
  g_assert_no_error (error);

  fx->window = ui_test_window_new (fx->store, 1280, 900);
  g_assert_true (quorum_window_open_conference (fx->window, fx->conf, fx->amy));
  ui_test_iterate (200);
  ui_test_raise_window (fx->window);
}

static char *
kept_name (void)
{
  g_autoptr(GSettings) settings = quorum_ui_settings_new ();

  return g_settings_get_string (settings, "chair-name");
}

static GtkWindow *
name_dialog (void)
{
  GtkWindow *dialog = message_dialog ();

  return dialog != NULL && ui_test_find_named (GTK_WIDGET (dialog), "record-name-entry") != NULL ? dialog : NULL;
}

static gboolean
name_dialog_drawn (gpointer data)
{
  GtkWindow *dialog = name_dialog ();

  return dialog != NULL && ui_test_is_drawn (dialog);
}

static gboolean
no_dialog (gpointer data)
{
  return message_dialog () == NULL;
}

static GtkWidget *
view_button (Fixture    *fx,
             gint64      child,
             const char *group,
             const char *label)
{
  GtkWidget *button = find_labelled (GTK_WIDGET (ui_test_card (fx->window, child, group)),
                                     GTK_TYPE_TOGGLE_BUTTON, label);

  g_assert_nonnull (button);
  return button;
}

static gboolean
toast_says_nothing_recorded (gpointer data)
{
  Fixture *fx = data;
  GtkWidget *label = ui_test_find_named (GTK_WIDGET (fx->window), "toast-message");

  return label != NULL && gtk_widget_get_mapped (label) &&
         strstr (gtk_label_get_label (GTK_LABEL (label)), "Nothing recorded: the record needs your name first") != NULL;
}

/* Ben's first attempt typed into his panel as a chair types it, and Record clicked. */
static void
record_bens_attempt (QuorumChildPanel *panel)
{
  ui_test_click (ui_test_find_named (GTK_WIDGET (panel), "proposal-row"), -1, -1);
  ui_test_type (BEN_PROPOSAL);
  ui_test_click (ui_test_find_named (GTK_WIDGET (panel), "summary-field"), -1, -1);
  ui_test_type (BEN_SUMMARY);
  adw_combo_row_set_selected (ADW_COMBO_ROW (ui_test_template_child (panel, QUORUM_TYPE_CHILD_PANEL, "agreed_row")), 1);
  ui_test_click (ui_test_template_child (panel, QUORUM_TYPE_CHILD_PANEL, "record_attempt_button"), -1, -1);
}

/* The first view clicked asks the name before anything is written; blank, Continue does
 * nothing; the name typed and Enter: the view is recorded by that name, which is kept. The next
 * view, a leaving and an attempt are recorded by it and ask nothing. */
static void
test_first_view_asks (Fixture       *fx,
                      gconstpointer  data)
{
  GtkWindow *dialog;
  GtkWidget *entry;
  gint64 csc;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  ui_test_click (view_button (fx, fx->amy, "Police", "No plan"), -1, -1);
  ui_test_settle (300);

  if (ui_test_is_postgres ())
    {
      /* The server's user writes, by the name the server knows: nothing asked. */
      g_assert_null (name_dialog ());
      g_assert_cmpstr (ui_test_db_sqlf (fx->path, "SELECT view || '|' || recorded_by FROM vote WHERE grp = 'Police'"), ==,
                       "no-plan|uichair");
      return;
    }

  ui_test_wait_until (name_dialog_drawn, NULL, 10000, "the question of the name");
  dialog = name_dialog ();
  entry = ui_test_find_named (GTK_WIDGET (dialog), "record-name-entry");
  ui_test_screenshot (GTK_WIDGET (dialog), "record-name-asked");
  /* Nothing written yet, and the name field has the keys. */
  g_assert_cmpstr (ui_test_db_sqlf (fx->path, "SELECT count (*) FROM vote"), ==, "0");
  g_assert_true (gtk_widget_has_focus (ui_test_find_type (entry, GTK_TYPE_TEXT)) || gtk_widget_has_focus (entry));
  g_assert_nonnull (ui_test_find_shown_label (GTK_WIDGET (dialog), "Your name, as the record will give it"));
  /* A root account has no real name to offer: the field is empty and Continue waits for one. */
  if (quorum_ui_account_real_name () == NULL)
    {
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
      g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "continue"));
      ui_test_key ("Return");
      ui_test_settle (300);
      g_assert_true (name_dialog () == dialog);
      g_assert_cmpstr (ui_test_db_sqlf (fx->path, "SELECT count (*) FROM vote"), ==, "0");
    }
  else
    ui_test_key ("ctrl+a");

  /* A name the record would refuse (pasted: a right-to-left override, which xdotool cannot
   * type): why is said under the field, and Enter does nothing. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "Priya \u202eShah");
  ui_test_settle (100);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "continue"));
  g_assert_true (gtk_widget_get_mapped (ui_test_find_named (GTK_WIDGET (dialog), "record-name-problem")));
  ui_test_screenshot (GTK_WIDGET (dialog), "record-name-refused");
  ui_test_key ("Return");
  ui_test_settle (300);
  g_assert_true (name_dialog () == dialog);
  g_assert_cmpstr (ui_test_db_sqlf (fx->path, "SELECT count (*) FROM vote"), ==, "0");
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  ui_test_settle (100);
  g_assert_false (gtk_widget_get_visible (ui_test_find_named (GTK_WIDGET (dialog), "record-name-problem")));

  ui_test_type (TYPED_NAME);
  ui_test_settle (100);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "continue"));
  ui_test_screenshot (GTK_WIDGET (dialog), "record-name-typed");
  ui_test_key ("Return");
  ui_test_wait_until (no_dialog, NULL, 10000, "the question to close");
  ui_test_settle (300);

  /* Recorded as clicked, by the name typed; the name kept for what comes next. */
  g_assert_cmpstr (ui_test_db_sqlf (fx->path, "SELECT view || '|' || recorded_by FROM vote WHERE grp = 'Police'"), ==,
                   "no-plan|" TYPED_NAME);
  {
    g_autofree char *kept = kept_name ();

    g_assert_cmpstr (kept, ==, TYPED_NAME);
  }
  g_assert_cmpint (quorum_vote_card_get_shown_view (ui_test_card (fx->window, fx->amy, "Police")), ==,
                   QUORUM_VIEW_NO_PLAN);
  ui_test_screenshot (GTK_WIDGET (fx->window), "record-name-recorded");

  /* Asked once: the next view is recorded at once, by the same name. */
  ui_test_click (view_button (fx, fx->amy, "NHS Trust", "Plan"), -1, -1);
  ui_test_settle (300);
  g_assert_null (message_dialog ());
  g_assert_cmpstr (ui_test_db_sqlf (fx->path, "SELECT view || '|' || recorded_by FROM vote WHERE grp = 'NHS Trust'"), ==,
                   "plan|" TYPED_NAME);

  /* A leaving, from the attendees' timeline, names them too. */
  csc = attendee_id_of (fx, "Rep of Children's Social Care");
  {
    g_autofree char *name = g_strdup_printf ("leave-button-%" G_GINT64_FORMAT, csc);
    GtkWidget *leave = ui_test_find_named (GTK_WIDGET (fx->window), name);

    g_assert_nonnull (leave);
    ui_test_scroll_into_view (leave);
    ui_test_click (leave, -1, -1);
    ui_test_settle (300);
  }
  g_assert_null (message_dialog ());
  g_assert_cmpstr (ui_test_db_sqlf (fx->path, "SELECT event || '|' || recorded_by FROM attendance_event WHERE attendee_id = %" G_GINT64_FORMAT, csc),
                   ==, "left|" TYPED_NAME);

  /* And Ben's first attempt. */
  {
    QuorumConferencePage *page = quorum_window_get_conference_page (fx->window);
    QuorumChildPanel *panel;

    quorum_conference_page_show_child (page, fx->ben);
    ui_test_settle (300);
    panel = quorum_conference_page_get_child_panel (page, fx->ben);
    record_bens_attempt (panel);
    ui_test_settle (400);
    ui_test_screenshot (GTK_WIDGET (fx->window), "record-name-attempt");
  }
  g_assert_null (message_dialog ());
  g_assert_cmpstr (ui_test_db_sqlf (fx->path, "SELECT proposal || '|' || recorded_by FROM attempt WHERE child_id = %" G_GINT64_FORMAT, fx->ben),
                   ==, BEN_PROPOSAL "|" TYPED_NAME);
  /* What the store wrote before the app was given a name (as quorum-cli wrote it) is as it was. */
  g_assert_cmpstr (ui_test_db_sqlf (fx->path, "SELECT recorded_by FROM attempt WHERE child_id = %" G_GINT64_FORMAT, fx->amy), ==,
                   g_get_user_name ());
}

/* Cancelled, nothing is written: not the attempt asked for by its button, nor a reason recorded
 * by Ctrl+Enter in its box; the words typed stay where they were typed, and a toast says so.
 * Then the name given, the same reason is recorded with the name. */
static void
test_cancel_writes_nothing (Fixture       *fx,
                            gconstpointer  data)
{
  QuorumConferencePage *page = quorum_window_get_conference_page (fx->window);
  QuorumChildPanel *panel;
  g_autofree char *before = NULL;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }
  if (ui_test_is_postgres ())
    {
      g_test_skip ("a shared database names the server's user, never asked");
      return;
    }
  before = ui_test_db_sqlf (fx->path, "SELECT (SELECT count (*) FROM attempt) || ' ' || (SELECT count (*) FROM vote) || ' ' || "
                    "(SELECT count (*) FROM attendance_event)");

  /* Ben's attempt: its button asks the name; Escape. */
  quorum_conference_page_show_child (page, fx->ben);
  ui_test_settle (300);
  panel = quorum_conference_page_get_child_panel (page, fx->ben);
  record_bens_attempt (panel);
  ui_test_wait_until (name_dialog_drawn, NULL, 10000, "the question of the name");
  ui_test_key ("Escape");
  ui_test_wait_until (no_dialog, NULL, 10000, "the question to close");
  ui_test_wait_until (toast_says_nothing_recorded, fx, 10000, "the toast saying nothing was recorded");
  ui_test_screenshot (GTK_WIDGET (fx->window), "record-name-cancelled");
  g_assert_cmpstr (ui_test_db_sqlf (fx->path, "SELECT count (*) FROM attempt WHERE child_id = %" G_GINT64_FORMAT, fx->ben), ==, "0");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui_test_find_named (GTK_WIDGET (panel), "proposal-row"))), ==,
                   BEN_PROPOSAL);
  {
    g_autofree char *summary = quorum_text_field_get_text (QUORUM_TEXT_FIELD (ui_test_find_named (GTK_WIDGET (panel), "summary-field")));

    g_assert_cmpstr (summary, ==, BEN_SUMMARY);
  }

  /* Amy's Police view, recorded elsewhere (quorum-cli) without a reason: the chair types it and
   * presses Ctrl+Enter in the box, the app's first record here. Cancel (the button, clicked). */
  quorum_conference_page_show_child (page, fx->amy);
  ui_test_settle (300);
  store_vote (fx, fx->amy, "Police", QUORUM_VIEW_NO_PLAN, NULL);
  {
    g_autofree char *again = ui_test_db_sqlf (fx->path, "SELECT (SELECT count (*) FROM attempt) || ' ' || (SELECT count (*) FROM vote) || ' ' || "
                                      "(SELECT count (*) FROM attendance_event)");

    g_assert_cmpstr (before, ==, "1 0 0");
    g_assert_cmpstr (again, ==, "1 1 0");
  }
  ui_test_settle (500);
  ui_test_click (reason_view (fx, fx->amy, "Police"), -1, -1);
  ui_test_type (POLICE_WORDS);
  ui_test_key ("ctrl+Return");
  ui_test_wait_until (name_dialog_drawn, NULL, 10000, "the question of the name");
  g_assert_cmpstr (ui_test_db_sqlf (fx->path, "SELECT coalesce (reason, '-') FROM vote WHERE grp = 'Police'"), ==, "-");
  ui_test_click (ui_test_find_button (GTK_WIDGET (name_dialog ()), GTK_TYPE_BUTTON, "_Cancel"), -1, -1);
  ui_test_wait_until (no_dialog, NULL, 10000, "the question to close");
  ui_test_settle (300);
  {
    g_autofree char *as_cli = g_strconcat ("-|", g_get_user_name (), NULL);

    g_assert_cmpstr (ui_test_db_sqlf (fx->path, "SELECT coalesce (reason, '-') || '|' || recorded_by FROM vote WHERE grp = 'Police'"),
                     ==, as_cli);
  }
  {
    g_autofree char *shown = quorum_text_field_get_text (quorum_vote_card_get_reason_field (ui_test_card (fx->window, fx->amy, "Police")));
    g_autofree char *kept = kept_name ();

    g_assert_cmpstr (shown, ==, POLICE_WORDS);
    g_assert_cmpstr (kept, ==, "");
    g_assert_true (marker_shown (GTK_WIDGET (ui_test_card (fx->window, fx->amy, "Police")), "reason-draft-marker"));
  }
  ui_test_screenshot (GTK_WIDGET (fx->window), "record-name-cancelled-reason");

  /* Ctrl+Enter again: asked again; the name given, the words typed are recorded by it. */
  ui_test_click (reason_view (fx, fx->amy, "Police"), -1, -1);
  ui_test_key ("End");
  ui_test_key ("ctrl+Return");
  ui_test_wait_until (name_dialog_drawn, NULL, 10000, "the question of the name");
  ui_test_key ("ctrl+a");
  ui_test_type (TYPED_NAME);
  ui_test_key ("Return");
  ui_test_wait_until (no_dialog, NULL, 10000, "the question to close");
  ui_test_settle (300);
  g_assert_cmpstr (ui_test_db_sqlf (fx->path, "SELECT reason || '|' || recorded_by FROM vote WHERE grp = 'Police'"), ==,
                   POLICE_WORDS "|" TYPED_NAME);
  /* The card no longer says its words wait: they are the record's now. */
  {
    GtkWidget *status = ui_test_find_named (GTK_WIDGET (ui_test_card (fx->window, fx->amy, "Police")), "status-label");

    g_assert_nonnull (status);
    g_test_message ("Police card: %s", gtk_label_get_label (GTK_LABEL (status)));
    g_assert_null (strstr (gtk_label_get_label (GTK_LABEL (status)), "Not recorded"));
    g_assert_false (marker_shown (GTK_WIDGET (ui_test_card (fx->window, fx->amy, "Police")), "reason-draft-marker"));
  }
  ui_test_screenshot (GTK_WIDGET (fx->window), "record-name-reason-recorded");
  g_assert_cmpstr (ui_test_db_sqlf (fx->path, "SELECT count (*) FROM attempt WHERE child_id = %" G_GINT64_FORMAT, fx->ben), ==, "0");
}

static gboolean
label_in_popover (gpointer data)
{
  GtkWidget **wait = data;

  return ui_test_find_shown_label (wait[0], (const char *) wait[1]) != NULL;
}

/* The correction dialog, drawn: the one with the attendee's fields. */
static gboolean
correction_drawn (gpointer data)
{
  GtkWindow *dialog = message_dialog ();

  return dialog != NULL && ui_test_find_named (GTK_WIDGET (dialog), "edit-arrived") != NULL && ui_test_is_drawn (dialog);
}

static GtkWidget *
in_dialog (const char *name)
{
  GtkWidget *found = ui_test_find_named (GTK_WIDGET (message_dialog ()), name);

  g_assert_nonnull (found);
  return found;
}

/* An attendee corrected to "Arrived late" records their arrival, a row naming who recorded it:
 * the correction's Correct asks the name first, as the Arrived button does. Cancelled, nothing
 * is written and the correction comes back as typed; the name given, the correction and the
 * arrival are recorded by it. */
static void
test_correction_asks (Fixture       *fx,
                      gconstpointer  data)
{
  QuorumConferencePage *page = quorum_window_get_conference_page (fx->window);
  gint64 police;
  g_autofree char *at = NULL;
  g_autofree char *expected = NULL;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  police = attendee_id_of (fx, "Rep of Police");
  if (!adw_flap_get_reveal_flap (ADW_FLAP (ui_test_template_child (page, QUORUM_TYPE_CONFERENCE_PAGE, "flap"))))
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "conference.toggle-attendees", NULL));
  ui_test_settle (300);
  {
    GtkListBox *list = GTK_LIST_BOX (ui_test_template_child (page, QUORUM_TYPE_CONFERENCE_PAGE, "attendees_list"));
    GtkListBoxRow *row = NULL;

    for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
      if (g_strcmp0 (quorum_text_row_get_title (QUORUM_TEXT_ROW (row)), "Rep of Police") == 0)
        break;
    g_assert_nonnull (row);
    ui_test_click (ui_test_find_named (GTK_WIDGET (row), "edit-attendee-button"), -1, -1);
  }
  ui_test_wait_until (correction_drawn, NULL, 10000, "the correction dialog");
  ui_test_click (in_dialog ("edit-role"), -1, -1);
  ui_test_type ("DC");
  {
    GtkWidget *dropdown = in_dialog ("edit-attendance");
    GtkWidget *popover = ui_test_find_type (dropdown, GTK_TYPE_POPOVER);
    gpointer wait[] = { popover, (gpointer) "Arrived late" };

    ui_test_click (dropdown, -1, -1);
    ui_test_wait_until (label_in_popover, wait, 10000, "Arrived late");
    ui_test_click (ui_test_find_shown_label (popover, "Arrived late"), -1, -1);
    ui_test_settle (300);
  }
  /* The time offered: now (the conference sits today). */
  at = g_strdup (gtk_editable_get_text (GTK_EDITABLE (in_dialog ("edit-arrived"))));
  g_assert_cmpuint (strlen (at), ==, 5);
  ui_test_click (ui_test_find_button (GTK_WIDGET (message_dialog ()), GTK_TYPE_BUTTON, "_Correct"), -1, -1);

  if (ui_test_is_postgres ())
    {
      ui_test_wait_until (no_dialog, NULL, 10000, "the correction to close");
      ui_test_settle (300);
      g_assert_null (name_dialog ());
      expected = g_strdup_printf ("DC|arrived|%s|uichair", at);
      g_assert_cmpstr (ui_test_db_sqlf (fx->path, "SELECT a.role || '|' || e.event || '|' || e.at || '|' || e.recorded_by "
                                        "FROM attendee a JOIN attendance_event e ON e.attendee_id = a.id "
                                        "WHERE a.id = %" G_GINT64_FORMAT, police), ==, expected);
      return;
    }

  /* Asked before anything is written; Escape: nothing written, the correction back as typed. */
  ui_test_wait_until (name_dialog_drawn, NULL, 10000, "the question of the name");
  g_assert_cmpstr (ui_test_db_sqlf (fx->path, "SELECT coalesce (role, '-') || '|' || (SELECT count (*) FROM attendance_event) "
                                    "FROM attendee WHERE id = %" G_GINT64_FORMAT, police), ==, "-|0");
  ui_test_key ("Escape");
  ui_test_wait_until (correction_drawn, NULL, 10000, "the correction given back");
  ui_test_wait_until (toast_says_nothing_recorded, fx, 10000, "the toast saying nothing was recorded");
  g_assert_cmpstr (ui_test_db_sqlf (fx->path, "SELECT coalesce (role, '-') || '|' || (SELECT count (*) FROM attendance_event) "
                                    "FROM attendee WHERE id = %" G_GINT64_FORMAT, police), ==, "-|0");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (in_dialog ("edit-name"))), ==, "Rep of Police");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (in_dialog ("edit-role"))), ==, "DC");
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (in_dialog ("edit-attendance"))), ==, 3);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (in_dialog ("edit-arrived"))), ==, at);
  g_assert_true (gtk_widget_get_visible (in_dialog ("edit-arrived")));
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (message_dialog ()), "save"));
  {
    g_autofree char *kept = kept_name ();

    g_assert_cmpstr (kept, ==, "");
  }
  ui_test_screenshot (GTK_WIDGET (message_dialog ()), "record-name-correction-given-back");

  /* Correct again: asked again; the name given, the correction and the arrival name them. */
  ui_test_key ("Return");
  ui_test_wait_until (name_dialog_drawn, NULL, 10000, "the question of the name");
  ui_test_key ("ctrl+a");
  ui_test_type (TYPED_NAME);
  ui_test_key ("Return");
  ui_test_wait_until (no_dialog, NULL, 10000, "the question to close");
  ui_test_settle (300);
  expected = g_strdup_printf ("DC|present|arrived|%s|" TYPED_NAME, at);
  g_assert_cmpstr (ui_test_db_sqlf (fx->path, "SELECT a.role || '|' || a.attendance || '|' || e.event || '|' || e.at || '|' || "
                                    "e.recorded_by FROM attendee a JOIN attendance_event e ON e.attendee_id = a.id "
                                    "WHERE a.id = %" G_GINT64_FORMAT, police), ==, expected);
  ui_test_screenshot (GTK_WIDGET (fx->window), "record-name-correction-recorded");
}

/* A name kept in Preferences: the first view is recorded at once, by it; nothing asked. And a
 * reader who only looks (the children, the attendees) is never asked, name or none. */
static void
test_kept_name_not_asked (Fixture       *fx,
                          gconstpointer  data)
{
  QuorumConferencePage *page = quorum_window_get_conference_page (fx->window);
  g_autoptr(GSettings) settings = quorum_ui_settings_new ();

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  /* Reading: nothing asked, nothing written. */
  quorum_conference_page_show_child (page, fx->ben);
  ui_test_settle (300);
  quorum_conference_page_show_child (page, fx->amy);
  ui_test_settle (300);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "conference.toggle-attendees", NULL));
  ui_test_settle (300);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "conference.toggle-attendees", NULL));
  ui_test_settle (300);
  g_assert_null (message_dialog ());
  g_assert_cmpstr (ui_test_db_sqlf (fx->path, "SELECT count (*) FROM vote"), ==, "0");

  g_settings_set_string (settings, "chair-name", "Margaret Hughes");
  ui_test_settle (100);
  ui_test_click (view_button (fx, fx->amy, "Police", "No plan"), -1, -1);
  ui_test_settle (400);
  g_assert_null (message_dialog ());
  g_assert_cmpstr (ui_test_db_sqlf (fx->path, "SELECT view || '|' || recorded_by FROM vote WHERE grp = 'Police'"), ==,
                   ui_test_is_postgres () ? "no-plan|uichair" : "no-plan|Margaret Hughes");
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add ("/ui/recordname/first-view-asks", Fixture, NULL, recordname_set_up, test_first_view_asks,
              fixture_tear_down);
  g_test_add ("/ui/recordname/cancel-writes-nothing", Fixture, NULL, recordname_set_up, test_cancel_writes_nothing,
              fixture_tear_down);
  g_test_add ("/ui/recordname/correction-asks", Fixture, NULL, recordname_set_up, test_correction_asks,
              fixture_tear_down);
  g_test_add ("/ui/recordname/kept-name-not-asked", Fixture, NULL, recordname_set_up, test_kept_name_not_asked,
              fixture_tear_down);

  return g_test_run ();
}
