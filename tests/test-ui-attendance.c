/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-attendance.c: the attendance timeline as a chair uses it live, with real clicks and
 * keys through the X server (xdotool), each asserted on what the database then holds (trial 2,
 * defects 1, 2 and 6):
 * - a "Left" clicked by mistake is undone by the row's "Back in the Room": the group's card
 *   comes back, and a child decided meanwhile keeps who was in the room for its decision;
 * - a time later than now, on a conference sitting today, is refused under the Time field and
 *   nothing is written; now is accepted;
 * - a group that left before giving its view is named on the board and in the decision's
 *   confirmation (Ctrl+D), as the decided record names it. */

#include "test-ui-live-common.h"
#include "ui/quorum-record-panel.h"
#include "ui/quorum-text-row.h"

static GtkWidget *
attendee_button (QuorumWindow *window,
                 const char   *prefix,
                 gint64        id)
{
  g_autofree char *name = g_strdup_printf ("%s-%" G_GINT64_FORMAT, prefix, id);

  return ui_test_find_named (GTK_WIDGET (window), name);
}

static gint64
attendee_named (QuorumStore *store,
                gint64       conf,
                const char  *name)
{
  g_autoptr(QuorumConference) c = ui_test_load (store, conf);

  for (guint i = 0; i < c->attendees->len; i++)
    {
      QuorumAttendee *a = g_ptr_array_index (c->attendees, i);

      if (g_strcmp0 (a->name, name) == 0)
        return a->id;
    }
  g_assert_not_reached ();
  return 0;
}

/* The Time field clicked into and typed, as a chair does. */
static void
type_time (QuorumWindow *window,
           const char   *time)
{
  GtkWidget *entry = ui_test_find_named (GTK_WIDGET (window), "record-time-entry");

  g_assert_nonnull (entry);
  ui_test_click (entry, -1, -1);
  ui_test_key ("ctrl+a");
  ui_test_type (time);
  ui_test_settle (50);
}

typedef struct
{
  QuorumWindow *window;
  const char   *prefix;
  gint64        id;
} ButtonWait;

static gboolean
button_shown (gpointer data)
{
  ButtonWait *wait = data;
  GtkWidget *button = attendee_button (wait->window, wait->prefix, wait->id);

  return button != NULL && gtk_widget_get_mapped (button);
}

static void
click_row_button (QuorumWindow *window,
                  const char   *prefix,
                  gint64        id)
{
  ButtonWait wait = { window, prefix, id };
  g_autofree char *what = g_strdup_printf ("%s-%" G_GINT64_FORMAT, prefix, id);

  ui_test_wait_until (button_shown, &wait, 10000, what);
  ui_test_click (attendee_button (window, prefix, id), -1, -1);
  ui_test_settle (200);
}

typedef struct
{
  QuorumWindow *window;
  gint64        child_id;
  const char   *group;
  gboolean      present;
} CardWait;

static gboolean
card_is (gpointer data)
{
  CardWait *wait = data;
  QuorumConferencePage *page = quorum_window_get_conference_page (wait->window);
  QuorumChildPanel *panel = quorum_conference_page_get_child_panel (page, wait->child_id);

  return panel != NULL && (quorum_child_panel_get_card (panel, wait->group) != NULL) == wait->present;
}

static void
vote (Fixture    *fx,
      gint64      child,
      const char *group,
      QuorumView  view,
      const char *reason)
{
  g_autoptr(GError) error = NULL;
  QuorumVoteSpec spec = {
    .child_id = child, .group = group, .view = view, .reason = reason,
    .categories = view == QUORUM_VIEW_PLAN ? QUORUM_CATEGORY_NEGLECT : 0,
  };

  quorum_store_record_vote (fx->store, fx->conf, &spec, &error);
  g_assert_no_error (error);
}

static void
set_chair_name (const char *name)
{
  g_autoptr(GSettings) settings = quorum_ui_settings_new ();

  if (settings == NULL)
    return;
  if (name != NULL)
    g_settings_set_string (settings, "chair-name", name);
  else
    g_settings_reset (settings, "chair-name");
}

#define PRESENCE_SQL "SELECT group_concat(attendee_id || ':' || status, ',') FROM decision_presence " \
                     "WHERE decision_id = (SELECT id FROM decision WHERE child_id = %" G_GINT64_FORMAT ")"
#define DECISION_SQL "SELECT outcome || basis || n_plan || n_no_plan || n_declined || decided_at " \
                     "FROM decision WHERE child_id = %" G_GINT64_FORMAT

/* Trial 2, defect 1: one mis-click on "Left" took Police out of the vote, and nothing undid it. */
static void
test_left_undone (Fixture       *fx,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 police = attendee_named (fx->store, fx->conf, "Rep of Police");
  g_autofree char *presence_before = NULL;
  g_autofree char *presence_after = NULL;
  g_autofree char *decision_before = NULL;
  g_autofree char *decision_after = NULL;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  /* Amy is decided first, with all three groups in the room. */
  vote (fx, fx->amy, "Children's Social Care", QUORUM_VIEW_PLAN, "Neglect is long-standing");
  vote (fx, fx->amy, "Police", QUORUM_VIEW_PLAN, "Repeated callouts");
  vote (fx, fx->amy, "NHS Trust", QUORUM_VIEW_PLAN, "Growth has faltered");
  {
    g_autoptr(QuorumOutcome) outcome = quorum_store_decide (fx->store, fx->conf, fx->amy, QUORUM_VIEW_NONE, 0,
                                                            NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_nonnull (outcome);
  }
  presence_before = ui_test_db_sqlf (fx->path, PRESENCE_SQL, fx->amy);
  decision_before = ui_test_db_sqlf (fx->path, DECISION_SQL, fx->amy);
  quorum_conference_page_show_child (quorum_window_get_conference_page (fx->window), fx->ben);
  {
    CardWait wait = { fx->window, fx->ben, "Police", TRUE };

    ui_test_wait_until (card_is, &wait, 10000, "Police's card on Ben's board");
  }

  /* Police's representative "leaves" at 10:30, a mis-click: the card goes from Ben's board. */
  type_time (fx->window, "10:30");
  click_row_button (fx->window, "leave-button", police);
  g_assert_cmpstr (ui_test_db_answerf (fx->path, "SELECT at FROM attendance_event WHERE attendee_id = %" G_GINT64_FORMAT
                        " AND event = 'left'", police), ==, "10:30");
  {
    CardWait wait = { fx->window, fx->ben, "Police", FALSE };

    ui_test_wait_until (card_is, &wait, 10000, "Police's card gone from Ben's board");
  }
  {
    ButtonWait wait = { fx->window, "return-button", police };

    ui_test_wait_until (button_shown, &wait, 10000, "Police's Back in the Room button");
  }
  ui_test_screenshot (GTK_WIDGET (fx->window), "attendance-left-by-mistake");

  /* The row's "Back in the Room" undoes it. */
  click_row_button (fx->window, "return-button", police);
  {
    g_autoptr(QuorumConference) c = ui_test_load (fx->store, fx->conf);
    QuorumAttendee *a = quorum_conference_find_attendee (c, police);

    g_assert_null (a->left_at);
    g_assert_true (quorum_attendee_is_present (a));
  }
  /* The leave's row is kept (records are never deleted), withdrawn (schema 10: its time as it
   * was, who undid it and when), with its audit entry. */
  g_assert_cmpstr (ui_test_db_answerf (fx->path, "SELECT count(*) FROM attendance_event WHERE attendee_id = %" G_GINT64_FORMAT, police),
                   ==, "1");
  g_assert_cmpstr (ui_test_db_answerf (fx->path, "SELECT at || ' ' || (withdrawn_at IS NOT NULL) || ' ' || (withdrawn_by <> '') "
                                    "FROM attendance_event WHERE attendee_id = %" G_GINT64_FORMAT, police),
                   ==, "10:30 1 1");
  g_assert_cmpstr (ui_test_db_answerf (fx->path, "SELECT count(*) FROM audit WHERE entity = 'attendance_event' AND action = 'update' "
                        "AND summary LIKE '%%left at 10:30 undone%%'"), ==, "1");

  /* Ben's board has Police's card again, and the row its Left button … */
  {
    CardWait wait = { fx->window, fx->ben, "Police", TRUE };

    ui_test_wait_until (card_is, &wait, 10000, "Police's card back on Ben's board");
  }
  {
    ButtonWait wait = { fx->window, "leave-button", police };

    ui_test_wait_until (button_shown, &wait, 10000, "Police's Left button again");
  }
  g_assert_null (attendee_button (fx->window, "return-button", police));
  ui_test_screenshot (GTK_WIDGET (fx->window), "attendance-back-in-the-room");

  /* … and Amy's decided record is as it was: its own presence, kept, not recomputed. */
  presence_after = ui_test_db_sqlf (fx->path, PRESENCE_SQL, fx->amy);
  decision_after = ui_test_db_sqlf (fx->path, DECISION_SQL, fx->amy);
  g_assert_cmpstr (presence_after, ==, presence_before);
  g_assert_cmpstr (decision_after, ==, decision_before);
  {
    g_autoptr(QuorumConference) c = ui_test_load (fx->store, fx->conf);
    QuorumPresenceStatus status;

    g_assert_true (quorum_conference_presence_at (c, fx->amy, police, &status));
    g_assert_cmpint (status, ==, QUORUM_PRESENCE_PRESENT);
  }

  /* They really leave later: a leave of its own, at 11:00; the withdrawn one stays as it was. */
  type_time (fx->window, "11:00");
  click_row_button (fx->window, "leave-button", police);
  g_assert_cmpstr (ui_test_db_answerf (fx->path, "SELECT group_concat (at || ':' || (withdrawn_at IS NULL), ' ') FROM "
                                    "(SELECT * FROM attendance_event WHERE attendee_id = %" G_GINT64_FORMAT
                                    " AND event = 'left' ORDER BY id)", police), ==, "10:30:0 11:00:1");
  /* The screen shows the real leave (11:00), its card gone again, and it too can be undone. */
  {
    g_autoptr(QuorumConference) c = ui_test_load (fx->store, fx->conf);

    g_assert_cmpstr (quorum_conference_find_attendee (c, police)->left_at, ==, "11:00");
  }
  {
    CardWait wait = { fx->window, fx->ben, "Police", FALSE };

    ui_test_wait_until (card_is, &wait, 10000, "Police's card gone from Ben's board again");
  }
  {
    ButtonWait wait = { fx->window, "return-button", police };

    ui_test_wait_until (button_shown, &wait, 10000, "Police's Back in the Room button for the 11:00 leave");
  }
  ui_test_screenshot (GTK_WIDGET (fx->window), "attendance-left-again");
}

/* Trial 2, defect 2: at 04:22, "left 10:40" was accepted for a conference sitting today. */
static void
test_time_later_than_now (Fixture       *fx,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;
  const char *children[] = { "Cal Today", NULL };
  QuorumConferenceSpec spec = {
    .kind = QUORUM_KIND_INITIAL, .chair = "Jo Chair", .profile_id = "bolton", .children = children,
    .time = "04:00",
  };
  QuorumAttendeeSpec attendee = {
    .name = "Dr Ruth Ng", .agency = "Spa Road Surgery", .line_management = "GP", .voting = TRUE,
    .attendance = QUORUM_ATTENDANCE_PRESENT,
  };
  GtkWidget *error_label;
  gint64 conf;
  gint64 ruth;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  /* Today is 2 December 2026 and the clock says 04:22, as in the trial. */
  g_setenv ("QUORUM_TODAY", "2026-12-02", TRUE);
  g_setenv ("QUORUM_NOW", "04:22", TRUE);
  g_date_set_dmy (&spec.date, 2, G_DATE_DECEMBER, 2026);
  conf = quorum_store_create_conference (fx->store, &spec, &error);
  g_assert_no_error (error);
  ruth = quorum_store_add_attendee (fx->store, conf, &attendee, &error);
  g_assert_no_error (error);
  g_assert_true (quorum_window_open_conference (fx->window, conf, 0));
  ui_test_iterate (300);

  type_time (fx->window, "10:40");
  click_row_button (fx->window, "leave-button", ruth);
  error_label = ui_test_find_named (GTK_WIDGET (fx->window), "record-time-error");
  g_assert_nonnull (error_label);
  g_assert_true (gtk_widget_get_mapped (error_label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), ==,
                   "10:40 is later than now (04:22): type the time they left");
  g_assert_cmpstr (ui_test_db_answerf (fx->path, "SELECT count(*) FROM attendance_event WHERE attendee_id = %" G_GINT64_FORMAT, ruth),
                   ==, "0");
  /* The focus is back in the Time field, to type it again. */
  g_assert_true (focus_is_in (fx->window, ui_test_find_named (GTK_WIDGET (fx->window), "record-time-entry")));
  ui_test_screenshot (GTK_WIDGET (fx->window), "attendance-time-later-than-now");

  /* A minute's slack for clocks; then the time typed again is taken, and the message goes. */
  type_time (fx->window, "04:23");
  g_assert_false (gtk_widget_get_visible (error_label));
  click_row_button (fx->window, "leave-button", ruth);
  g_assert_cmpstr (ui_test_db_answerf (fx->path, "SELECT at FROM attendance_event WHERE attendee_id = %" G_GINT64_FORMAT, ruth),
                   ==, "04:23");
  g_assert_false (gtk_widget_get_visible (error_label));

  g_unsetenv ("QUORUM_TODAY");
  g_unsetenv ("QUORUM_NOW");
}

typedef struct
{
  QuorumChildPanel *panel;
  const char       *text;
} LabelWait;

static gboolean
pending_says (gpointer data)
{
  LabelWait *wait = data;
  GtkWidget *label = ui_test_template_child (wait->panel, QUORUM_TYPE_CHILD_PANEL, "pending_label");

  return g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), wait->text) == 0;
}

/* Trial 2, defect 6: Ctrl+D's confirmation left out "GP: left before giving a view", and the
 * board said "Every group has given its view." with the GP gone. */
static void
test_left_without_view_said (Fixture       *fx,
                             gconstpointer  data)
{
  gint64 nhs = attendee_named (fx->store, fx->conf, "Rep of NHS Trust");
  QuorumChildPanel *panel;
  g_autofree char *shown = NULL;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }
  set_chair_name ("Jo Chair");

  /* The NHS Trust's only representative leaves before giving Amy's view. */
  type_time (fx->window, "10:30");
  click_row_button (fx->window, "leave-button", nhs);
  g_assert_cmpstr (ui_test_db_answerf (fx->path, "SELECT at FROM attendance_event WHERE attendee_id = %" G_GINT64_FORMAT, nhs), ==,
                   "10:30");

  /* The two groups in the room give their views. */
  vote (fx, fx->amy, "Children's Social Care", QUORUM_VIEW_PLAN, "Neglect is long-standing");
  vote (fx, fx->amy, "Police", QUORUM_VIEW_PLAN, "Repeated callouts");
  panel = quorum_conference_page_get_child_panel (quorum_window_get_conference_page (fx->window), fx->amy);
  {
    LabelWait wait = { panel, "Every group in the room has given its view. Left before giving a view: NHS Trust." };

    ui_test_wait_until (pending_says, &wait, 10000, "the board naming the group gone without a view");
  }
  ui_test_scroll_into_view (ui_test_template_child (panel, QUORUM_TYPE_CHILD_PANEL, "pending_label"));
  ui_test_screenshot (GTK_WIDGET (fx->window), "attendance-board-left-without-view");

  /* Ctrl+D: the confirmation names it before the chair presses Enter. */
  ui_test_click (GTK_WIDGET (ui_test_card (fx->window, fx->amy, "Police")), 4, 4);
  ui_test_key ("ctrl+d");
  ui_test_wait_until (dialog_is_drawn, NULL, 10000, "the decision's confirmation");
  shown = preview_text ();
  g_test_message ("preview:\n%s", shown);
  g_assert_nonnull (strstr (shown, "No view: left before giving it: NHS Trust\n"));
  ui_test_screenshot (GTK_WIDGET (message_dialog ()), "attendance-confirm-left-without-view");
  ui_test_key ("Return");
  ui_test_settle (300);
  {
    g_autoptr(QuorumConference) c = ui_test_load (fx->store, fx->conf);
    g_auto(GStrv) without = quorum_conference_left_without_view (c, fx->amy);

    g_assert_nonnull (quorum_conference_find_decision (c, fx->amy));
    g_assert_cmpstr (without[0], ==, "NHS Trust");
    g_assert_null (without[1]);
  }
  set_chair_name (NULL);
}

/* fidel4 2: "counted at 10:42, left 10:30". A leaving time earlier than a decision the person was
 * counted in was taken: refused under the Time field, naming the child and the decision's time
 * (the room's clock: the machine's local time), and nothing written; at the decision's minute,
 * taken. The conference sits today, as the decision's time is of today. */
static void
test_left_before_counted_decision (Fixture       *fx,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *decided = NULL;
  g_autofree char *expected = NULL;
  const char *children[] = { "Cal Counted", NULL };
  const char *groups[] = { "Children's Social Care", "Police", "NHS Trust", NULL };
  QuorumConferenceSpec spec = {
    .kind = QUORUM_KIND_INITIAL, .chair = "Jo Chair", .profile_id = "bolton", .children = children,
  };
  GtkWidget *error_label;
  gint64 conf;
  gint64 cal;
  gint64 police = 0;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  g_date_set_dmy (&spec.date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  conf = quorum_store_create_conference (fx->store, &spec, &error);
  g_assert_no_error (error);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_autofree char *name = g_strdup_printf ("Rep of %s", groups[i]);
      QuorumAttendeeSpec attendee = {
        .name = name, .agency = groups[i], .line_management = groups[i], .voting = TRUE,
      };
      gint64 id = quorum_store_add_attendee (fx->store, conf, &attendee, &error);

      g_assert_no_error (error);
      if (i == 1)
        police = id;
    }
  cal = ui_test_child_id (fx->store, conf, 0);
  {
    QuorumAttemptSpec attempt = { .child_id = cal, .summary = "All agree Cal's needs are met",
                                  .agreed = QUORUM_VIEW_NO_PLAN };
    g_autoptr(QuorumOutcome) outcome = NULL;

    quorum_store_add_attempt (fx->store, conf, &attempt, &error);
    g_assert_no_error (error);
    outcome = quorum_store_decide (fx->store, conf, cal, QUORUM_VIEW_NONE, 0, NULL, NULL, &error);
    g_assert_no_error (error);
  }
  {
    g_autoptr(QuorumConference) c = ui_test_load (fx->store, conf);
    const QuorumDecision *decision = quorum_conference_find_decision (c, cal);
    g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (decision->decided_at, NULL);
    g_autoptr(GDateTime) local = g_date_time_to_local (utc);

    decided = g_date_time_format (local, "%H:%M");
  }
  if (g_strcmp0 (decided, "00:00") == 0)
    {
      g_test_skip ("the decision was taken at 00:00: no earlier time that day");
      return;
    }
  g_assert_true (quorum_window_open_conference (fx->window, conf, 0));
  ui_test_iterate (300);

  type_time (fx->window, "00:00");
  click_row_button (fx->window, "leave-button", police);
  error_label = ui_test_find_named (GTK_WIDGET (fx->window), "record-time-error");
  g_assert_nonnull (error_label);
  g_assert_true (gtk_widget_get_mapped (error_label));
  expected = g_strdup_printf ("Rep of Police was counted in the room for Cal Counted’s decision, taken at %s: "
                              "they left after that, not at 00:00", decided);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), ==, expected);
  g_assert_cmpstr (ui_test_db_answerf (fx->path, "SELECT count(*) FROM attendance_event WHERE attendee_id = %" G_GINT64_FORMAT, police),
                   ==, "0");
  g_assert_true (focus_is_in (fx->window, ui_test_find_named (GTK_WIDGET (fx->window), "record-time-entry")));
  ui_test_screenshot (GTK_WIDGET (fx->window), "fidel4-left-before-counted-decision");

  /* At the decision's minute: taken, and the message goes. */
  type_time (fx->window, decided);
  click_row_button (fx->window, "leave-button", police);
  g_assert_cmpstr (ui_test_db_answerf (fx->path, "SELECT at FROM attendance_event WHERE attendee_id = %" G_GINT64_FORMAT, police),
                   ==, decided);
  g_assert_false (gtk_widget_get_visible (error_label));
}

/* A label under @root whose text holds @part, or NULL. */
static GtkLabel *
label_holding (GtkWidget  *root,
               const char *part)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), part) != NULL)
    return GTK_LABEL (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = label_holding (child, part);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Trial 6, annoyance 5: with three siblings decided, the timeline said "present for Jayden
 * Walsh’s decision · pre…": who was present for the others' decisions could not be read. Each
 * row says it whole, wrapped, for every child; the pane keeps its width and the board its place. */
static void
test_timeline_says_every_decision (Fixture       *fx,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *children[] = { "Jayden Walsh", "Chloé Walsh", "Mason Walsh", NULL };
  const char *groups[] = { "Children's Social Care", "Police", "NHS Trust", NULL };
  QuorumConferenceSpec spec = {
    .kind = QUORUM_KIND_INITIAL, .chair = "Jo Chair", .profile_id = "bolton", .children = children,
  };
  QuorumChildPanel *panel;
  GtkWidget *timeline;
  GtkWidget *pane;
  GtkLabel *row;
  graphene_point_t origin = GRAPHENE_POINT_INIT (0, 0);
  graphene_point_t board_before;
  graphene_point_t board_after;
  int pane_width;
  gint64 conf;
  gint64 ids[3];

  g_date_set_dmy (&spec.date, 2, G_DATE_DECEMBER, 2026);
  conf = quorum_store_create_conference (fx->store, &spec, &error);
  g_assert_no_error (error);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_autofree char *name = g_strdup_printf ("Rep of %s", groups[i]);
      QuorumAttendeeSpec attendee = {
        .name = name, .agency = groups[i], .line_management = groups[i], .voting = TRUE,
      };

      quorum_store_add_attendee (fx->store, conf, &attendee, &error);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < 3; i++)
    {
      QuorumAttemptSpec attempt = { .summary = "All agree the needs are met", .agreed = QUORUM_VIEW_NO_PLAN };

      ids[i] = ui_test_child_id (fx->store, conf, i);
      attempt.child_id = ids[i];
      quorum_store_add_attempt (fx->store, conf, &attempt, &error);
      g_assert_no_error (error);
    }
  g_assert_true (quorum_window_open_conference (fx->window, conf, ids[2]));
  ui_test_iterate (400);

  timeline = ui_test_template_child (ui_test_find_type (GTK_WIDGET (fx->window), QUORUM_TYPE_RECORD_PANEL),
                                     QUORUM_TYPE_RECORD_PANEL, "timeline_list");
  g_assert_true (gtk_widget_get_mapped (timeline));
  pane = gtk_widget_get_ancestor (timeline, GTK_TYPE_SCROLLED_WINDOW);
  pane_width = gtk_widget_get_width (pane);
  panel = quorum_conference_page_get_child_panel (quorum_window_get_conference_page (fx->window), ids[2]);
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (panel), GTK_WIDGET (fx->window), &origin, &board_before));

  /* The three decided, one after another, as the chair does. */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(QuorumOutcome) outcome = quorum_store_decide (fx->store, conf, ids[i], QUORUM_VIEW_NONE, 0,
                                                              NULL, NULL, &error);

      g_assert_no_error (error);
    }
  ui_test_iterate (600);

  row = label_holding (timeline, "’s decision");
  g_assert_nonnull (row);
  g_test_message ("the row says: %s", gtk_label_get_text (row));
  g_assert_nonnull (strstr (gtk_label_get_text (row), "present for Jayden Walsh’s decision"));
  g_assert_nonnull (strstr (gtk_label_get_text (row), "present for Chloé Walsh’s decision"));
  g_assert_nonnull (strstr (gtk_label_get_text (row), "present for Mason Walsh’s decision"));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (row)));
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (row)));
  ui_test_scroll_into_view (GTK_WIDGET (row));
  ui_test_iterate (200);
  ui_test_screenshot (GTK_WIDGET (fx->window), "timeline-every-decision");

  g_assert_cmpint (gtk_widget_get_width (pane), ==, pane_width);
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (panel), GTK_WIDGET (fx->window), &origin, &board_after));
  g_assert_cmpfloat (board_after.x, ==, board_before.x);
}

/* Where @widget's top-left corner is in @window, or (-1, -1) when it is not shown. */
static graphene_point_t
point_in_window (QuorumWindow *window,
                 GtkWidget    *widget)
{
  graphene_point_t origin = GRAPHENE_POINT_INIT (0, 0);
  graphene_point_t out = GRAPHENE_POINT_INIT (-1, -1);

  if (widget == NULL || !gtk_widget_get_mapped (widget) ||
      !gtk_widget_compute_point (widget, GTK_WIDGET (window), &origin, &out))
    return GRAPHENE_POINT_INIT (-1, -1);
  return out;
}

static GtkWidget *
timeline_row_of (QuorumWindow *window,
                 const char   *prefix,
                 gint64        id)
{
  GtkWidget *button = attendee_button (window, prefix, id);

  return button != NULL ? gtk_widget_get_ancestor (button, GTK_TYPE_LIST_BOX_ROW) : NULL;
}

/* Whether hart_conference sits today (as trial 9's did) rather than on 2 Dec 2026. */
static gboolean hart_today;

/* Mia and Leo Hart's conference of 2 Dec 2026 chaired by Sam Reid: @names (nine) in @groups,
 * present, those for whom @voting says 'v' voting; their ids in @ids. */
static gint64
hart_conference (Fixture            *fx,
                 const char * const *names,
                 const char * const *groups,
                 const char         *voting,
                 gint64             *ids)
{
  g_autoptr(GError) error = NULL;
  const char *children[] = { "Mia Hart", "Leo Hart", NULL };
  QuorumConferenceSpec spec = {
    .kind = QUORUM_KIND_INITIAL, .chair = "Sam Reid", .profile_id = "bolton", .children = children,
  };
  gint64 conf;

  if (hart_today)
    g_date_set_time_t (&spec.date, time (NULL));
  else
    g_date_set_dmy (&spec.date, 2, G_DATE_DECEMBER, 2026);
  conf = quorum_store_create_conference (fx->store, &spec, &error);
  g_assert_no_error (error);
  for (guint i = 0; names[i] != NULL; i++)
    {
      QuorumAttendeeSpec attendee = {
        .name = names[i], .agency = groups[i], .line_management = groups[i], .voting = voting[i] == 'v',
        .attendance = QUORUM_ATTENDANCE_PRESENT,
      };

      ids[i] = quorum_store_add_attendee (fx->store, conf, &attendee, &error);
      g_assert_no_error (error);
    }
  return conf;
}

/* Trial 8, annoyance 6: nine in the room, the pane scrolled to its end; "Left" on Pat Kerr's row
 * said "Left at 22:31: …", and every row moved ~50 px down under the pointer: the chair's next
 * click (another's Left or Arrived) may land on the wrong person. The rows stay where they were
 * (only the clicked one may change its height), the focus stays on that attendee's row (its Back
 * in the Room), and a click where another's Left button was records that attendee, not a
 * neighbour. */
static void
test_left_rows_stay (Fixture       *fx,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *names[] = { "Sam Reid", "Jo Grant", "DC Amy Lowe", "Hana Ali", "Ken Moss", "Ria Shah", "Tom Price",
                          "Pat Kerr", "Lisa Hart", NULL };
  const char *groups[] = { "Chair", "Children's Social Care", "Police", "NHS Trust", "Education", "Housing",
                           "GP", "Probation", "Parent", NULL };
  g_autofree char *expected = NULL;
  g_autofree char *both = NULL;
  g_autofree char *undone = NULL;
  gint64 ids[9];
  graphene_point_t before[9];
  graphene_point_t after[9];
  graphene_point_t tom_left;
  GtkWidget *timeline;
  GtkWidget *scroller;
  GtkAdjustment *adjustment;
  GtkWidget *focus;
  double pat_height_before;
  double pat_grew;
  gint64 conf;
  const guint pat = 7;
  const guint tom = 6;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  conf = hart_conference (fx, names, groups, "-vvvvvvv-", ids);
  /* Mia decided (every row says who was present for it), Leo's board open, as in the trial. */
  {
    QuorumAttemptSpec attempt = { .child_id = ui_test_child_id (fx->store, conf, 0),
                                  .summary = "All agree Mia's needs are met", .agreed = QUORUM_VIEW_NO_PLAN };
    g_autoptr(QuorumOutcome) outcome = NULL;

    quorum_store_add_attempt (fx->store, conf, &attempt, &error);
    g_assert_no_error (error);
    outcome = quorum_store_decide (fx->store, conf, attempt.child_id, QUORUM_VIEW_NONE, 0, NULL, NULL, &error);
    g_assert_no_error (error);
  }
  /* The trial's window (1180x780): each row's words wrap on three lines. */
  gtk_window_destroy (GTK_WINDOW (fx->window));
  fx->window = ui_test_window_new (fx->store, 1180, 780);
  g_assert_true (quorum_window_open_conference (fx->window, conf, ui_test_child_id (fx->store, conf, 1)));
  ui_test_iterate (400);

  /* The pane scrolled to its end, as the chair had it. */
  timeline = ui_test_template_child (ui_test_find_type (GTK_WIDGET (fx->window), QUORUM_TYPE_RECORD_PANEL),
                                     QUORUM_TYPE_RECORD_PANEL, "timeline_list");
  scroller = gtk_widget_get_ancestor (timeline, GTK_TYPE_SCROLLED_WINDOW);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
  ui_test_settle (300);
  g_test_message ("pane: value %.0f of %.0f, page %.0f", gtk_adjustment_get_value (adjustment),
                  gtk_adjustment_get_upper (adjustment), gtk_adjustment_get_page_size (adjustment));
  for (guint i = 0; i < 9; i++)
    before[i] = point_in_window (fx->window, timeline_row_of (fx->window, "leave-button", ids[i]));
  g_assert_cmpfloat (before[pat].y, >=, 0);
  g_assert_cmpfloat (before[tom].y, >=, 0);
  tom_left = point_in_window (fx->window, attendee_button (fx->window, "leave-button", ids[tom]));
  pat_height_before = gtk_widget_get_height (timeline_row_of (fx->window, "leave-button", ids[pat]));

  /* Pat Kerr leaves: one click on the row's Left, as the chair made it (the button on the screen,
   * not scrolled to). */
  ui_test_click (attendee_button (fx->window, "leave-button", ids[pat]), -1, -1);
  {
    ButtonWait wait = { fx->window, "return-button", ids[pat] };

    ui_test_wait_until (button_shown, &wait, 10000, "Pat Kerr's Back in the Room");
  }
  ui_test_settle (300);
  ui_test_screenshot (GTK_WIDGET (fx->window), "attendance-left-rows-stay");
  g_test_message ("pane after: value %.0f of %.0f, page %.0f", gtk_adjustment_get_value (adjustment),
                  gtk_adjustment_get_upper (adjustment), gtk_adjustment_get_page_size (adjustment));

  g_assert_cmpstr (ui_test_db_answerf (fx->path, "SELECT group_concat (attendee_id || ':' || event, ',') FROM attendance_event"),
                   ==, (expected = g_strdup_printf ("%" G_GINT64_FORMAT ":left", ids[pat])));

  /* The focus on Pat's row, on its new button: Tab and Space from there stay with Pat. */
  focus = gtk_root_get_focus (GTK_ROOT (fx->window));
  g_test_message ("focus: %s %s, in the timeline: %d", focus != NULL ? gtk_widget_get_name (focus) : "none",
                  QUORUM_IS_TEXT_ROW (focus) ? quorum_text_row_get_title (QUORUM_TEXT_ROW (focus)) : "",
                  focus != NULL && gtk_widget_is_ancestor (focus, timeline));
  g_assert_true (focus_is_in (fx->window, attendee_button (fx->window, "return-button", ids[pat])));

  /* Every other row where it was; those under Pat's by no more than Pat's own row grew. */
  after[pat] = point_in_window (fx->window, timeline_row_of (fx->window, "return-button", ids[pat]));
  pat_grew = gtk_widget_get_height (timeline_row_of (fx->window, "return-button", ids[pat])) - pat_height_before;
  g_test_message ("Pat's row: y %.0f → %.0f, %+.0f px high", before[pat].y, after[pat].y, pat_grew);
  for (guint i = 0; i < 9; i++)
    {
      if (i == pat)
        {
          g_assert_cmpfloat (fabs (after[pat].y - before[pat].y), <, 2);
          continue;
        }
      after[i] = point_in_window (fx->window, timeline_row_of (fx->window, "leave-button", ids[i]));
      if (before[i].y < 0 && after[i].y < 0)
        continue;
      g_test_message ("%s's row: y %.0f → %.0f", names[i], before[i].y, after[i].y);
      g_assert_cmpfloat (fabs (after[i].y - before[i].y - (i > pat ? pat_grew : 0)), <, 2);
    }

  /* The chair's next click, where Tom Price's Left was, records Tom's leaving: not a neighbour's. */
  ui_test_click (GTK_WIDGET (fx->window), tom_left.x + 10, tom_left.y + 10);
  {
    ButtonWait wait = { fx->window, "return-button", ids[tom] };

    ui_test_wait_until (button_shown, &wait, 10000, "Tom Price's Back in the Room");
  }
  g_assert_cmpstr (ui_test_db_answerf (fx->path, "SELECT group_concat (attendee_id || ':' || event, ',') FROM "
                                    "(SELECT * FROM attendance_event ORDER BY id)"),
                   ==, (both = g_strdup_printf ("%" G_GINT64_FORMAT ":left,%" G_GINT64_FORMAT ":left", ids[pat], ids[tom])));
  g_assert_true (focus_is_in (fx->window, attendee_button (fx->window, "return-button", ids[tom])));

  /* A mistake: Space on the focused Back in the Room undoes Tom's leaving, and the focus is on
   * Tom's Left again (not his Arrived, which a second Space would record). */
  ui_test_key ("space");
  {
    ButtonWait wait = { fx->window, "leave-button", ids[tom] };

    ui_test_wait_until (button_shown, &wait, 10000, "Tom Price's Left again");
  }
  ui_test_settle (100);
  g_assert_cmpstr (ui_test_db_answerf (fx->path, "SELECT group_concat (attendee_id || ':' || (withdrawn_at IS NULL), ',') FROM "
                                    "(SELECT * FROM attendance_event ORDER BY id)"),
                   ==, (undone = g_strdup_printf ("%" G_GINT64_FORMAT ":1,%" G_GINT64_FORMAT ":0", ids[pat], ids[tom])));
  g_assert_true (focus_is_in (fx->window, attendee_button (fx->window, "leave-button", ids[tom])));
  after[tom] = point_in_window (fx->window, timeline_row_of (fx->window, "leave-button", ids[tom]));
  g_assert_cmpfloat (fabs (after[tom].y - before[tom].y), <, 2);
}

/* Trial 9, A1: "Left" on the timeline made the Attendees pane jump 218 px (s.db, conference 4)
 * and 580 px (q.db): another attendee's Left stood under the pointer. Trial 9's s.db conference
 * 4 as it was: sitting today, nine voting attendees (two of CSC, two of Health), Mia (the first
 * child, her board open) undecided with one view, Leo decided by consensus from another
 * connection while the window is open; the pane scrolled to its foot by the wheel; one click on
 * Housing's Left. The clicked row stays under the pointer (within 2 px) and a second click at
 * the same point acts on the same attendee (his Back in the Room): every attendance_event is his.
 * NOTE (a1jump): this does NOT reproduce the jump, on main nor on the trial's own build of
 * src/ui (ec1ad62): every row 0 px. A guard until the trial's trigger is found; see
 * docs/notes/a1jump.md for what was tried. */
static void
test_left_decided_rows_stay (Fixture       *fx,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  /* Trial 9's s.db conference 4: two of CSC, two of Health, all voting. */
  const char *names[] = { "P CSC 9120", "P CSC 9017", "P Police 13355", "P Health 5235", "P Health 885",
                          "P Education 14948", "P Housing 27600", "P Probation 5267", "P GP 14994", NULL };
  const char *groups[] = { "CSC", "CSC", "Police", "Health", "Health", "Education", "Housing", "Probation", "GP", NULL };
  g_autofree char *pats = NULL;
  gint64 ids[9];
  graphene_point_t before[9];
  graphene_point_t after;
  graphene_point_t pat_left;
  GtkWidget *timeline;
  GtkWidget *scroller;
  GtkAdjustment *adjustment;
  gint64 conf;
  gint64 mia;
  guint pat = 9;
  graphene_point_t pane_at;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  hart_today = TRUE;
  conf = hart_conference (fx, names, groups, "vvvvvvvvv", ids);
  hart_today = FALSE;
  mia = ui_test_child_id (fx->store, conf, 0);
  {
    QuorumAttemptSpec attempt = { .child_id = mia, .summary = "No agreement on Mia's plan", .agreed = QUORUM_VIEW_NONE };
    QuorumVoteSpec spec = { .child_id = mia, .group = "CSC", .view = QUORUM_VIEW_NO_PLAN, .reason = "Seen at home twice" };

    quorum_store_add_attempt (fx->store, conf, &attempt, &error);
    g_assert_no_error (error);
    quorum_store_record_vote (fx->store, conf, &spec, &error);
    g_assert_no_error (error);
  }
  gtk_window_destroy (GTK_WINDOW (fx->window));
  /* The trial's window (screenshots 94, 95: 1280x800). */
  fx->window = ui_test_window_new (fx->store, 1280, 800);
  g_assert_true (quorum_window_open_conference (fx->window, conf, mia));
  ui_test_iterate (400);
  /* Leo decided from another connection while the window is open (trial 9: by the CLI). */
  {
    g_autoptr(QuorumStore) other = quorum_store_open (fx->path, &error);
    QuorumAttemptSpec attempt = { .child_id = ui_test_child_id (other, conf, 1),
                                  .summary = "All agree Leo's needs are met", .agreed = QUORUM_VIEW_NO_PLAN };
    g_autoptr(QuorumOutcome) outcome = NULL;

    g_assert_no_error (error);
    quorum_store_add_attempt (other, conf, &attempt, &error);
    g_assert_no_error (error);
    outcome = quorum_store_decide (other, conf, attempt.child_id, QUORUM_VIEW_NONE, 0, NULL, NULL, &error);
    g_assert_no_error (error);
    quorum_conference_page_reload (quorum_window_get_conference_page (fx->window));
    ui_test_settle (300);
  }

  /* The pane scrolled to its foot (no time typed: sitting today, the leave is at now). */
  timeline = ui_test_template_child (ui_test_find_type (GTK_WIDGET (fx->window), QUORUM_TYPE_RECORD_PANEL),
                                     QUORUM_TYPE_RECORD_PANEL, "timeline_list");
  scroller = gtk_widget_get_ancestor (timeline, GTK_TYPE_SCROLLED_WINDOW);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  /* By the wheel, the pointer over the Attendees list at first, as the chair did. */
  {
    graphene_point_t at = point_in_window (fx->window, scroller);
    GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (fx->window));
    const char *wheel[] = { "click", "--repeat", "40", "--delay", "20", "5", NULL };

    ui_test_move_and (surface, (int) at.x + 100, (int) at.y + 120, wheel);
  }
  ui_test_settle (300);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment), >=,
                     gtk_adjustment_get_upper (adjustment) - 1);
  g_test_message ("pane: value %.0f of %.0f, page %.0f", gtk_adjustment_get_value (adjustment),
                  gtk_adjustment_get_upper (adjustment), gtk_adjustment_get_page_size (adjustment));
  for (guint i = 0; i < 9; i++)
    before[i] = point_in_window (fx->window, timeline_row_of (fx->window, "leave-button", ids[i]));
  /* The one clicked ("pat", as in the trial's q.db): Housing's row, as in s.db, if its Left is on
   * the screen, else the first whose Left is. */
  pane_at = point_in_window (fx->window, scroller);
  for (guint i = 0; i < 9; i++)
    {
      graphene_point_t at = point_in_window (fx->window, attendee_button (fx->window, "leave-button", ids[i]));

      if (at.y > pane_at.y + 4 && at.y + 40 < pane_at.y + gtk_widget_get_height (scroller))
        pat = pat == 9 || i == 6 ? i : pat;
    }
  g_assert_cmpuint (pat, <, 9);
  g_test_message ("clicking %s's Left", names[pat]);
  pat_left = point_in_window (fx->window, attendee_button (fx->window, "leave-button", ids[pat]));

  /* One click on that Left, where it stands. */
  ui_test_click (GTK_WIDGET (fx->window), pat_left.x + 8, pat_left.y + 8);
  {
    ButtonWait wait = { fx->window, "return-button", ids[pat] };

    ui_test_wait_until (button_shown, &wait, 10000, "the clicked attendee's Back in the Room");
  }
  ui_test_settle (300);
  ui_test_screenshot (GTK_WIDGET (fx->window), "attendance-left-decided-rows-stay");
  g_test_message ("pane after: value %.0f of %.0f, page %.0f", gtk_adjustment_get_value (adjustment),
                  gtk_adjustment_get_upper (adjustment), gtk_adjustment_get_page_size (adjustment));
  g_assert_cmpstr (ui_test_db_answerf (fx->path, "SELECT group_concat (attendee_id || ':' || event, ',') "
                                    "FROM attendance_event"),
                   ==, (pats = g_strdup_printf ("%" G_GINT64_FORMAT ":left", ids[pat])));
  after = point_in_window (fx->window, timeline_row_of (fx->window, "return-button", ids[pat]));
  g_test_message ("the clicked row: y %.0f → %.0f", before[pat].y, after.y);
  for (guint i = 0; i < 9; i++)
    if (i != pat && before[i].y >= 0)
      {
        graphene_point_t now = point_in_window (fx->window, timeline_row_of (fx->window, "leave-button", ids[i]));

        g_test_message ("%s's row: y %.0f → %.0f", names[i], before[i].y, now.y);
      }
  g_assert_cmpfloat (fabs (after.y - before[pat].y), <=, 2);

  /* A second click at the same point: the same attendee's Back in the Room, not a neighbour's Left. */
  ui_test_click (GTK_WIDGET (fx->window), pat_left.x + 8, pat_left.y + 8);
  {
    ButtonWait wait = { fx->window, "leave-button", ids[pat] };

    ui_test_wait_until (button_shown, &wait, 10000, "the clicked attendee's Left again");
  }
  ui_test_settle (100);
  g_assert_cmpstr (ui_test_db_answerf (fx->path, "SELECT count(*) FROM attendance_event WHERE attendee_id <> %" G_GINT64_FORMAT,
                                    ids[pat]), ==, "0");
  g_assert_cmpstr (ui_test_db_answerf (fx->path, "SELECT count(*) FROM attendance_event WHERE withdrawn_at IS NOT NULL AND "
                                    "attendee_id = %" G_GINT64_FORMAT, ids[pat]), ==, "1");
}

/* The Attendees list's row showing @name (its title), or NULL. */
static GtkWidget *
list_row_named (QuorumWindow *window,
                const char   *name)
{
  GtkWidget *list = ui_test_template_child (quorum_window_get_conference_page (window),
                                            QUORUM_TYPE_CONFERENCE_PAGE, "attendees_list");

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (QUORUM_IS_TEXT_ROW (row) && g_strcmp0 (quorum_text_row_get_title (QUORUM_TEXT_ROW (row)), name) == 0)
      return row;
  return NULL;
}

/* Whose row of the Attendees list has the keyboard's focus (on the row or its pencil), or "". */
static const char *
focused_list_row (QuorumWindow *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  GtkWidget *row = focus == NULL ? NULL : GTK_IS_LIST_BOX_ROW (focus) ? focus
                                        : gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);

  return QUORUM_IS_TEXT_ROW (row) ? quorum_text_row_get_title (QUORUM_TEXT_ROW (row)) : "";
}

static gboolean
no_dialog (gpointer data)
{
  return ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL;
}

typedef struct
{
  QuorumWindow *window;
  const char   *name;
} RowWait;

static gboolean
list_row_shown (gpointer data)
{
  RowWait *wait = data;
  GtkWidget *row = list_row_named (wait->window, wait->name);

  return row != NULL && gtk_widget_get_mapped (row) && gtk_widget_get_height (row) > 0;
}

/* The chair's pencil clicked on @name's row: the correction dialog opens, its name typed over
 * with @corrected, Enter. Returns once the dialog is gone. */
static void
correct_name_by_click (QuorumWindow *window,
                       double        x,
                       double        y,
                       const char   *expected,
                       const char   *corrected)
{
  GtkWindow *dialog;

  ui_test_click (GTK_WIDGET (window), x, y);
  ui_test_wait_until (ui_test_dialog_shown, NULL, 10000, "the correction dialog");
  ui_test_settle (100);
  dialog = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui_test_find_named (GTK_WIDGET (dialog), "edit-name"))), ==,
                   expected);
  ui_test_key ("ctrl+a");
  ui_test_type (corrected);
  ui_test_key ("Return");
  ui_test_wait_until (no_dialog, NULL, 10000, "the correction dialog to close");
  ui_test_settle (300);
}

/* The note over the Attendees pane's edge (@name "new-above-note" or "new-below-note"): its
 * words while shown, else NULL. */
static const char *
new_note (QuorumWindow *window,
          const char   *name)
{
  GtkWidget *note = ui_test_find_named (GTK_WIDGET (window), name);

  g_assert_nonnull (note);
  return gtk_widget_get_visible (note) && gtk_widget_get_mapped (note) ? gtk_label_get_text (GTK_LABEL (note)) : NULL;
}

static gboolean
row_tinted (QuorumWindow *window,
            const char   *name)
{
  GtkWidget *row = list_row_named (window, name);

  g_assert_nonnull (row);
  return gtk_widget_has_css_class (row, "new-attendee");
}

static gboolean
row_untinted (gpointer data)
{
  RowWait *wait = data;

  return !row_tinted (wait->window, wait->name);
}

/* The Attendees list above the timeline (a6rows left it): a change to the attendees while the
 * chair is in the list made every row again, and the focus went to the first row or nowhere,
 * the pane scrolled to it, the rows moved under the pointer. Nine attendees; the chair corrects
 * the 3rd row's name by its pencil, then the minute-taker, on her own computer, adds a second
 * Police officer (the row comes above the chair's); the chair's next click, where Ken Moss's
 * pencil was, corrects Ken. Each time only the changed row is made (or updated), the focus stays
 * on Hana's row, her row and those under it stay where they were, and the database has each
 * correction on the attendee aimed at. */
static void
test_list_rows_stay (Fixture       *fx,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *names[] = { "Jo Grant", "DC Amy Lowe", "Hana Alli", "Ken Moss", "Ria Shah", "Tom Price",
                          "Pat Kerr", "Sam Reid", "Lisa Hart", NULL };
  const char *groups[] = { "Children's Social Care", "Police", "NHS Trust", "Education", "Housing", "GP",
                           "Probation", "Chair", "Parent", NULL };
  const char *shown[] = { "Jo Grant", "DC Amy Lowe", "Hana Ali", "Ken Moss", "Ria Shah", "Tom Price",
                          "Pat Kerr", "Sam Reid", "Lisa Hart", NULL };
  g_autofree char *expected = NULL;
  GtkWidget *hana_row;
  GtkWidget *pencil;
  graphene_point_t before[9];
  graphene_point_t after;
  graphene_point_t hana_pencil;
  graphene_point_t ken_pencil;
  gint64 ids[9];
  gint64 conf;
  const guint hana = 2;
  const guint ken = 3;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  conf = hart_conference (fx, names, groups, "vvvvvvv--", ids);
  gtk_window_destroy (GTK_WINDOW (fx->window));
  fx->window = ui_test_window_new (fx->store, 1180, 780);
  g_assert_true (quorum_window_open_conference (fx->window, conf, ui_test_child_id (fx->store, conf, 1)));
  ui_test_iterate (400);
  ui_test_raise_window (fx->window);

  {
    RowWait wait = { fx->window, "Hana Alli" };

    ui_test_wait_until (list_row_shown, &wait, 10000, "Hana's row in the Attendees list");
  }
  /* The list in view, the chair's pointer on it. */
  ui_test_scroll_into_view (list_row_named (fx->window, "Hana Alli"));
  ui_test_settle (300);
  hana_row = list_row_named (fx->window, "Hana Alli");
  g_assert_true (gtk_widget_get_mapped (hana_row));
  hana_pencil = point_in_window (fx->window, ui_test_find_named (hana_row, "edit-attendee-button"));
  ken_pencil = point_in_window (fx->window, ui_test_find_named (list_row_named (fx->window, "Ken Moss"),
                                                                "edit-attendee-button"));
  g_assert_cmpfloat (ken_pencil.y, >, hana_pencil.y);
  for (guint i = 0; i < 9; i++)
    before[i] = point_in_window (fx->window, list_row_named (fx->window, names[i]));
  g_test_message ("Hana's pencil at %.0f,%.0f; Ken's at %.0f,%.0f", hana_pencil.x, hana_pencil.y, ken_pencil.x,
                  ken_pencil.y);
  ui_test_screenshot (GTK_WIDGET (fx->window), "attendees-list-before");

  /* 1. The chair corrects Hana's name: her pencil clicked, the name typed, Enter. */
  correct_name_by_click (fx->window, hana_pencil.x + 8, hana_pencil.y + 8, "Hana Alli", "Hana Ali");
  ui_test_screenshot (GTK_WIDGET (fx->window), "attendees-list-corrected");
  g_assert_cmpstr (ui_test_db_answerf (fx->path, "SELECT group_concat (name, ',') FROM (SELECT name FROM attendee "
                                       "WHERE conference_id = %" G_GINT64_FORMAT " ORDER BY id)", conf),
                   ==, "Jo Grant,DC Amy Lowe,Hana Ali,Ken Moss,Ria Shah,Tom Price,Pat Kerr,Sam Reid,Lisa Hart");
  g_test_message ("focus after the correction: %s", focused_list_row (fx->window));
  g_assert_cmpstr (focused_list_row (fx->window), ==, "Hana Ali");
  for (guint i = 0; i < 9; i++)
    {
      after = point_in_window (fx->window, list_row_named (fx->window, shown[i]));
      g_test_message ("%s's row: y %.0f → %.0f", shown[i], before[i].y, after.y);
      g_assert_cmpfloat (fabs (after.y - before[i].y), <, 2);
    }

  /* 2. The minute-taker adds a second Police officer from her computer; the chair's window reads
   * the record again (as its live reload does). The row comes under DC Amy Lowe's, above Hana's. */
  {
    g_autoptr(QuorumStore) other = quorum_store_open (fx->path, &error);
    QuorumAttendeeSpec attendee = {
      .name = "PC Dan Cole", .agency = "Police", .line_management = "Police", .voting = TRUE,
      .attendance = QUORUM_ATTENDANCE_PRESENT,
    };

    g_assert_no_error (error);
    quorum_store_add_attendee (other, conf, &attendee, &error);
    g_assert_no_error (error);
    quorum_conference_page_reload (quorum_window_get_conference_page (fx->window));
  }
  {
    RowWait wait = { fx->window, "PC Dan Cole" };

    ui_test_wait_until (list_row_shown, &wait, 10000, "the new officer's row");
  }
  ui_test_settle (300);
  ui_test_screenshot (GTK_WIDGET (fx->window), "attendees-list-added-above");
  /* Out of view above the chair's rows: said at the pane's top edge; the row tinted. */
  g_test_message ("the note above: %s", new_note (fx->window, "new-above-note"));
  g_assert_cmpstr (new_note (fx->window, "new-above-note"), ==, "↑ 1 new attendee above");
  g_assert_null (new_note (fx->window, "new-below-note"));
  g_assert_true (row_tinted (fx->window, "PC Dan Cole"));
  g_assert_false (row_tinted (fx->window, "Hana Ali"));
  g_test_message ("focus after the addition: %s", focused_list_row (fx->window));
  g_assert_cmpstr (focused_list_row (fx->window), ==, "Hana Ali");
  g_assert_true (list_row_named (fx->window, "Hana Ali") == hana_row);
  for (guint i = hana; i < 9; i++)
    {
      after = point_in_window (fx->window, list_row_named (fx->window, shown[i]));
      g_test_message ("%s's row: y %.0f → %.0f", shown[i], before[i].y, after.y);
      g_assert_cmpfloat (fabs (after.y - before[i].y), <, 2);
    }
  pencil = ui_test_find_named (list_row_named (fx->window, "Ken Moss"), "edit-attendee-button");
  after = point_in_window (fx->window, pencil);
  g_assert_cmpfloat (fabs (after.y - ken_pencil.y), <, 2);

  /* 3. The chair's next click, where Ken Moss's pencil was: Ken's correction, nobody else's. */
  correct_name_by_click (fx->window, ken_pencil.x + 8, ken_pencil.y + 8, "Ken Moss", "Kenneth Moss");
  g_assert_cmpstr (ui_test_db_answerf (fx->path, "SELECT group_concat (id || ':' || name, ',') FROM (SELECT id, name "
                                       "FROM attendee WHERE id IN (%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ","
                                       "%" G_GINT64_FORMAT ") ORDER BY id)", ids[hana], ids[ken], ids[ken + 1]),
                   ==, (expected = g_strdup_printf ("%" G_GINT64_FORMAT ":Hana Ali,%" G_GINT64_FORMAT ":Kenneth Moss,"
                                                    "%" G_GINT64_FORMAT ":Ria Shah", ids[hana], ids[ken], ids[ken + 1])));
  g_assert_cmpstr (focused_list_row (fx->window), ==, "Kenneth Moss");

  /* 4. The chair types Leo's summary, the pointer resting on Ria Shah's row; the minute-taker
   * adds a second social worker (the row comes under Jo Grant's, above Ria's). Ria's row stays
   * under the pointer, the focus and the words in the summary. */
  {
    GtkWidget *summary = ui_test_find_named (GTK_WIDGET (quorum_conference_page_get_child_panel (
                                               quorum_window_get_conference_page (fx->window),
                                               ui_test_child_id (fx->store, conf, 1))), "summary-field");
    GtkWidget *ria = list_row_named (fx->window, "Ria Shah");
    GdkSurface *surface = gtk_native_get_surface (gtk_widget_get_native (ria));
    g_autoptr(QuorumStore) other = NULL;
    QuorumAttendeeSpec attendee = {
      .name = "Eve Rowe", .agency = "Children's Social Care", .line_management = "Children's Social Care",
      .voting = TRUE, .attendance = QUORUM_ATTENDANCE_PRESENT,
    };
    const char * const none[] = { NULL };
    graphene_point_t ria_before;
    graphene_point_t ria_after;

    g_assert_nonnull (summary);
    ui_test_click (summary, -1, -1);
    ui_test_type ("Agencies differ");
    ria_before = point_in_window (fx->window, ria);
    ui_test_move_and (surface, (int) ria_before.x + 40, (int) ria_before.y + 20, none);
    ui_test_settle (200);
    other = quorum_store_open (fx->path, &error);
    g_assert_no_error (error);
    quorum_store_add_attendee (other, conf, &attendee, &error);
    g_assert_no_error (error);
    quorum_conference_page_reload (quorum_window_get_conference_page (fx->window));
    {
      RowWait wait = { fx->window, "Eve Rowe" };

      ui_test_wait_until (list_row_shown, &wait, 10000, "the new social worker's row");
    }
    ui_test_settle (300);
    ria_after = point_in_window (fx->window, list_row_named (fx->window, "Ria Shah"));
    g_test_message ("Ria Shah's row under the pointer: y %.0f → %.0f", ria_before.y, ria_after.y);
    g_assert_true (list_row_named (fx->window, "Ria Shah") == ria);
    g_assert_cmpfloat (fabs (ria_after.y - ria_before.y), <, 2);
    g_assert_true (focus_is_in (fx->window, summary));
    /* Eve's row out of view above too (under Jo Grant's, the first): both said. */
    g_test_message ("the note above: %s", new_note (fx->window, "new-above-note"));
    g_assert_cmpstr (new_note (fx->window, "new-above-note"), ==, "↑ 2 new attendees above");
    g_assert_null (new_note (fx->window, "new-below-note"));
    g_assert_true (row_tinted (fx->window, "Eve Rowe"));
  }

  /* 5. The note lies over the row at the pane's top, and a click there goes to that row, as
   * aimed: its correction opens, not the note's, and the database has it on that attendee. */
  {
    GtkWidget *note = ui_test_find_named (GTK_WIDGET (fx->window), "new-above-note");
    GtkListBox *list = GTK_LIST_BOX (gtk_widget_get_ancestor (list_row_named (fx->window, "Ria Shah"), GTK_TYPE_LIST_BOX));
    graphene_point_t middle = GRAPHENE_POINT_INIT (gtk_widget_get_width (note) / 2.0, gtk_widget_get_height (note) / 2.0);
    graphene_point_t in_list;
    graphene_point_t in_window;
    GtkListBoxRow *under;
    g_autofree char *aimed = NULL;
    const char *answer;

    /* Hana's row put at the pane's top edge, under the note (the chair scrolls a little down). */
    {
      GtkWidget *pane = gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_SCROLLED_WINDOW);
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (pane));
      graphene_point_t top = GRAPHENE_POINT_INIT (0, 0);
      graphene_point_t hana_top;

      g_assert_true (gtk_widget_compute_point (list_row_named (fx->window, "Hana Ali"), pane, &top, &hana_top));
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + hana_top.y);
      ui_test_settle (300);
    }
    g_assert_cmpstr (new_note (fx->window, "new-above-note"), ==, "↑ 2 new attendees above");
    g_assert_true (gtk_widget_compute_point (note, GTK_WIDGET (list), &middle, &in_list));
    g_assert_true (gtk_widget_compute_point (note, GTK_WIDGET (fx->window), &middle, &in_window));
    under = gtk_list_box_get_row_at_y (list, (int) in_list.y);
    g_test_message ("note's middle at %.0f in the list, %.0f,%.0f in the window: %s", in_list.y, in_window.x, in_window.y,
                    under != NULL ? G_OBJECT_TYPE_NAME (under) : "nothing");
    g_assert_true (QUORUM_IS_TEXT_ROW (under));
    aimed = g_strdup (quorum_text_row_get_title (QUORUM_TEXT_ROW (under)));
    g_test_message ("under the note: %s", aimed);
    ui_test_screenshot (GTK_WIDGET (fx->window), "attendees-list-note-over-row");
    correct_name_by_click (fx->window, in_window.x, in_window.y, aimed, "Hana Alli");
    answer = ui_test_db_answerf (fx->path, "SELECT name FROM attendee WHERE id = %" G_GINT64_FORMAT, ids[hana]);
    /* Hana's row is the top one here: the list was scrolled to her. */
    g_assert_cmpstr (aimed, ==, "Hana Ali");
    g_assert_cmpstr (answer, ==, "Hana Alli");
  }

  /* 6. The mirror: the minute-taker marks DC Amy Lowe, above the chair's row, as having sent
   * apologies (her row goes from above to the apologies at the end), and adds an aunt (with the
   * family, at the end, out of view below). The row under the chair's pointer (Ken's) stays put; the rows above it that
   * went say nothing; the next click on Ken's pencil corrects Ken. */
  {
    GtkWidget *ken_row = list_row_named (fx->window, "Kenneth Moss");
    GdkSurface *surface = gtk_native_get_surface (gtk_widget_get_native (ken_row));
    g_autoptr(QuorumStore) other = quorum_store_open (fx->path, &error);
    QuorumAttendeeSpec amy = {
      .name = "DC Amy Lowe", .agency = "Police", .line_management = "Police", .voting = TRUE,
      .attendance = QUORUM_ATTENDANCE_APOLOGIES,
    };
    QuorumAttendeeSpec uncle = {
      .name = "Una Bell", .role = "Aunt", .agency = "Family", .line_management = "Family", .voting = FALSE,
      .attendance = QUORUM_ATTENDANCE_PRESENT,
    };
    const char * const none[] = { NULL };
    graphene_point_t ken_before;
    graphene_point_t ken_after;
    graphene_point_t pencil_at;
    const char *answer;

    g_assert_no_error (error);
    ui_test_raise_window (fx->window);
    ken_before = point_in_window (fx->window, ken_row);
    pencil_at = point_in_window (fx->window, ui_test_find_named (ken_row, "edit-attendee-button"));
    ui_test_move_and (surface, (int) ken_before.x + 40, (int) ken_before.y + 20, none);
    ui_test_settle (200);
    g_assert_true (quorum_store_update_attendee (other, ids[1], &amy, &error));
    g_assert_no_error (error);
    quorum_store_add_attendee (other, conf, &uncle, &error);
    g_assert_no_error (error);
    quorum_conference_page_reload (quorum_window_get_conference_page (fx->window));
    {
      RowWait wait = { fx->window, "Una Bell" };

      ui_test_wait_until (list_row_shown, &wait, 10000, "the aunt's row");
    }
    ui_test_settle (300);
    ui_test_screenshot (GTK_WIDGET (fx->window), "attendees-list-mirror");
    ken_after = point_in_window (fx->window, list_row_named (fx->window, "Kenneth Moss"));
    g_test_message ("Ken's row under the pointer: y %.0f → %.0f; below: %s", ken_before.y, ken_after.y,
                    new_note (fx->window, "new-below-note"));
    g_assert_true (list_row_named (fx->window, "Kenneth Moss") == ken_row);
    g_assert_cmpfloat (fabs (ken_after.y - ken_before.y), <, 2);
    /* Una's row out of view below (with the family, at the end): tinted, and said at the pane's
     * bottom edge; Amy's moved, not new. Dan's Police came down with Amy gone, into view: seen;
     * the note above says Eve's alone. */
    g_assert_true (row_tinted (fx->window, "Una Bell"));
    g_assert_cmpstr (new_note (fx->window, "new-below-note"), ==, "↓ 1 new attendee below");
    g_assert_cmpstr (new_note (fx->window, "new-above-note"), ==, "↑ 1 new attendee above");
    g_assert_false (row_tinted (fx->window, "DC Amy Lowe"));
    correct_name_by_click (fx->window, pencil_at.x + 8, pencil_at.y + 8, "Kenneth Moss", "Ken Moss");
    answer = ui_test_db_answerf (fx->path, "SELECT name FROM attendee WHERE id = %" G_GINT64_FORMAT, ids[ken]);
    g_assert_cmpstr (answer, ==, "Ken Moss");
    g_assert_cmpstr (ui_test_db_answerf (fx->path, "SELECT attendance FROM attendee WHERE id = %" G_GINT64_FORMAT, ids[1]),
                     ==, "apologies");
  }

  /* 7. The chair scrolls up to the new social worker: the note goes, and her tint a moment
   * later. */
  {
    RowWait wait = { fx->window, "Eve Rowe" };

    ui_test_scroll_into_view (list_row_named (fx->window, "Eve Rowe"));
    ui_test_settle (300);
    g_assert_null (new_note (fx->window, "new-above-note"));
    g_assert_true (row_tinted (fx->window, "Eve Rowe"));
    ui_test_screenshot (GTK_WIDGET (fx->window), "attendees-list-new-seen");
    ui_test_wait_until (row_untinted, &wait, 10000, "the new social worker's tint to go");
  }
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add ("/ui/attendance/left-undone", Fixture, NULL, fixture_set_up, test_left_undone, fixture_tear_down);
  g_test_add ("/ui/attendance/time-later-than-now", Fixture, NULL, fixture_set_up, test_time_later_than_now,
              fixture_tear_down);
  g_test_add ("/ui/attendance/left-without-view-said", Fixture, NULL, fixture_set_up,
              test_left_without_view_said, fixture_tear_down);
  g_test_add ("/ui/attendance/fidel4-left-before-counted-decision", Fixture, NULL, fixture_set_up,
              test_left_before_counted_decision, fixture_tear_down);
  g_test_add ("/ui/attendance/timeline-says-every-decision", Fixture, NULL, fixture_set_up,
              test_timeline_says_every_decision, fixture_tear_down);
  g_test_add ("/ui/attendance/left-rows-stay", Fixture, NULL, fixture_set_up, test_left_rows_stay, fixture_tear_down);
  g_test_add ("/ui/attendance/list-rows-stay", Fixture, NULL, fixture_set_up, test_list_rows_stay, fixture_tear_down);
  g_test_add ("/ui/attendance/left-decided-rows-stay", Fixture, NULL, fixture_set_up, test_left_decided_rows_stay,
              fixture_tear_down);

  return g_test_run ();
}
