/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-record.c: the conference screen keeps the record true to the policy, as a chair uses
 * it: the attendance timeline (someone leaves at a time, someone arrives late after a decision,
 * who was present for it) and, under Buckinghamshire, the challenge route (raised, the
 * Co-ordinator alerted, the Co-ordinator's decisions acting on the record). */

#include <string.h>

#include "test-ui-common.h"
#include "ui/quorum-conference-item.h"
#include "ui/quorum-record-panel.h"
#include "ui/quorum-referral-object.h"

#define CSC    "Children's Social Care"
#define POLICE "Thames Valley Police"
#define NHS    "Bucks Healthcare NHS Trust"
#define SCHOOL "Chiltern Primary School"

/* Types @text into @entry a character at a time at the cursor, as a person typing does. */
static void
type_into (QuorumWindow *window,
           const char   *name,
           const char   *text)
{
  GtkWidget *entry = ui_test_find_named (GTK_WIDGET (window), name);
  GtkWidget *delegate;

  g_assert_nonnull (entry);
  g_assert_true (gtk_widget_is_visible (entry));
  gtk_widget_grab_focus (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  delegate = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (entry)));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      char ch[8] = { 0 };

      g_utf8_strncpy (ch, p, 1);
      g_signal_emit_by_name (delegate, "insert-at-cursor", ch);
      ui_test_iterate (5);
    }
  ui_test_iterate (50);
}

/* Clicks the button named @name: its "clicked", which activates the action it carries. */
static void
click (QuorumWindow *window,
       const char   *name)
{
  GtkWidget *button = ui_test_find_named (GTK_WIDGET (window), name);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_visible (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  /* As Enter or Space on it: GTK shows the press, then emits "clicked" (after ~250 ms). */
  g_assert_true (gtk_widget_get_mapped (button));
  gtk_widget_activate (button);
  ui_test_iterate (500);
  g_test_message ("after %s: %s", name, quorum_window_get_last_toast (window));
}

static void
tick (QuorumWindow *window,
      const char   *name)
{
  GtkWidget *check = ui_test_find_named (GTK_WIDGET (window), name);

  g_assert_nonnull (check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
}

/* A label under @root, drawn, whose text contains @part, or NULL. */
static GtkWidget *
find_label_containing (GtkWidget  *root,
                       const char *part)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      strstr (gtk_label_get_text (GTK_LABEL (root)), part) != NULL)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_containing (child, part);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Clicks into the entry named @name and types @text there with xdotool, as a person does
 * (or, without xdotool, a character at a time). */
static void
click_and_type (QuorumWindow *window,
                const char   *name,
                const char   *text)
{
  GtkWidget *entry = ui_test_find_named (GTK_WIDGET (window), name);

  g_assert_nonnull (entry);
  if (!ui_test_have_xdotool ())
    {
      type_into (window, name, text);
      return;
    }
  ui_test_scroll_into_view (entry);
  /* The last toast lies over the foot of the window: gone, as a person waits for it to go. */
  quorum_window_dismiss_toast (window);
  ui_test_iterate (400);
  ui_test_click (entry, -1, -1);
  ui_test_type (text);
  ui_test_settle (100);
}

static gint64
attendee_id (QuorumStore *store,
             gint64       conference_id,
             const char  *name)
{
  g_autoptr(QuorumConference) c = ui_test_load (store, conference_id);

  for (guint i = 0; i < c->attendees->len; i++)
    {
      QuorumAttendee *a = g_ptr_array_index (c->attendees, i);

      if (g_strcmp0 (a->name, name) == 0)
        return a->id;
    }
  g_assert_not_reached ();
  return 0;
}

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

/* DOMAIN "Attendance is a timeline" and "The challenge of a chair's decision", on the screen. */
static void
test_timeline_and_challenge (void)
{
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = quorum_store_open (path, &error);
  const char *children[] = { "Amy Brown", "Ben Brown", NULL };
  QuorumAttemptSpec attempt = { .summary = "No consensus on the risk at night.", .agreed = QUORUM_VIEW_NONE };
  QuorumWindow *window;
  QuorumConferencePage *page;
  QuorumChildPanel *panel;
  g_autoptr(QuorumOutcome) outcome = NULL;
  g_autoptr(QuorumConference) c = NULL;
  QuorumChallenge *challenge;
  QuorumPresenceStatus status;
  gint64 conf, amy, teacher, late;

  g_assert_no_error (error);
  window = ui_test_window_new (store, 1400, 1000);
  page = quorum_window_get_conference_page (window);

  conf = ui_test_create_conference (window, children, "buckinghamshire", "BK-11");
  ui_test_add_attendee (window, "S. Social", "Social worker", CSC, CSC, TRUE);
  ui_test_add_attendee (window, "DC Reed", "Detective", POLICE, POLICE, TRUE);
  ui_test_add_attendee (window, "H. Visitor", "Health visitor", NHS, NHS, TRUE);
  ui_test_add_attendee (window, "T. Teacher", "Head teacher", SCHOOL, SCHOOL, TRUE);
  amy = ui_test_child_id (store, conf, 0);
  teacher = attendee_id (store, conf, "T. Teacher");

  /* The views, as recorded on the cards (tested elsewhere); each group's before the chair decides. */
  attempt.child_id = amy;
  g_assert_cmpint (quorum_store_add_attempt (store, conf, &attempt, &error), >, 0);
  view (store, conf, amy, CSC, QUORUM_VIEW_PLAN, "Left alone at night.");
  view (store, conf, amy, POLICE, QUORUM_VIEW_NO_PLAN, NULL);
  view (store, conf, amy, NHS, QUORUM_VIEW_NO_PLAN, NULL);
  view (store, conf, amy, SCHOOL, QUORUM_VIEW_NO_PLAN, NULL);
  quorum_conference_page_reload (page);
  ui_test_iterate (200);
  /* DOMAIN "Reaching a decision" 5: under a chair-decides policy there is no vote. The board
   * says so in its own words: the groups' views before the chair decides, not a tally. */
  g_assert_nonnull (ui_test_find_shown_label (GTK_WIDGET (window), "Views Before the Chair Decides"));
  g_assert_null (ui_test_find_shown_label (GTK_WIDGET (window), "The Vote"));
  g_assert_nonnull (ui_test_find_shown_label (GTK_WIDGET (window), "Views: 1 plan · 3 no plan · 0 declined · 0 waiting"));
  g_assert_null (find_label_containing (GTK_WIDGET (window), "Waiting 0"));
  ui_test_screenshot (GTK_WIDGET (window), "chair-decides-views");
  /* The attendees' pane, where the timeline is. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "conference.new-attendee", NULL));
  ui_test_iterate (300);

  /* The teacher leaves at 10:40 after the school's view: typed, then the row's Left button. */
  type_into (window, "record-time-entry", "10:40");
  {
    g_autofree char *name = g_strdup_printf ("leave-button-%lld", (long long) teacher);
    click (window, name);
  }
  c = ui_test_load (store, conf);
  g_assert_cmpstr (quorum_conference_find_attendee (c, teacher)->left_at, ==, "10:40");
  g_clear_pointer (&c, quorum_conference_free);

  /* The chair decides (no plan); the school's view still counts: it agreed. */
  outcome = quorum_store_decide_with_reason (store, conf, amy, QUORUM_VIEW_NO_PLAN, 0, "The chair weighed the views recorded.", NULL, NULL, &error);
  g_assert_no_error (error);
  /* The confirmation's words: the views before the chair decided, not a "Tally" read as a tie
   * the chair broke; the differing view is the dissent. */
  {
    g_autofree char *preview = quorum_child_panel_format_preview (quorum_conference_page_get_child_panel (page, amy),
                                                                  outcome, NULL);

    g_test_message ("%s", preview);
    g_assert_nonnull (strstr (preview, "Views: 1 plan · 3 no plan · 0 declined"));
    g_assert_null (strstr (preview, "Tally"));
    g_assert_nonnull (strstr (preview, "differ from the chair’s decision"));
  }
  quorum_conference_page_reload (page);

  /* A GP arrives after the decision: a voting attendee joins no decided child's voters, and
   * the decided child's board shows no one waiting and no empty card (the bug of issue 11). */
  ui_test_add_attendee (window, "Dr Late", "GP", "Chiltern Surgery", "Chiltern Surgery", TRUE);
  late = attendee_id (store, conf, "Dr Late");
  type_into (window, "record-time-entry", "11:05");
  {
    g_autofree char *name = g_strdup_printf ("arrive-button-%lld", (long long) late);
    click (window, name);
  }
  c = ui_test_load (store, conf);
  g_assert_cmpstr (quorum_conference_find_attendee (c, late)->arrived_at, ==, "11:05");
  g_assert_false (quorum_conference_presence_at (c, amy, late, &status));
  g_assert_true (quorum_conference_presence_at (c, amy, teacher, &status));
  g_assert_cmpint (status, ==, QUORUM_PRESENCE_LEFT);
  g_clear_pointer (&c, quorum_conference_free);
  panel = quorum_conference_page_get_child_panel (page, amy);
  g_assert_null (quorum_child_panel_get_card (panel, "Chiltern Surgery"));
  g_assert_nonnull (quorum_child_panel_get_card (panel, SCHOOL));

  /* The challenge: raised by the dissenting agency, chosen from those the record names (the
   * agreeing police, health and school are not offered), with its Designated Person. */
  {
    GtkDropDown *agencies = GTK_DROP_DOWN (ui_test_find_named (GTK_WIDGET (window), "challenge-agency-dropdown"));
    GListModel *model = gtk_drop_down_get_model (agencies);

    g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), 0), ==, CSC);
    g_assert_cmpuint (gtk_drop_down_get_selected (agencies), ==, 0);
  }
  /* Who raised it and the concern (002 §4.3: the decision places the child at risk), typed
   * into the form's own fields as a chair types them. */
  click_and_type (window, "challenge-raised-by-entry", "S. Social");
  click_and_type (window, "challenge-concern-entry", "Left alone at night: at risk of significant harm.");
  type_into (window, "challenge-designated-entry", "J. Ops Manager");
  type_into (window, "challenge-raised-entry", "2026-03-03");
  ui_test_scroll_into_view (ui_test_find_named (GTK_WIDGET (window), "challenge-raised-by-entry"));
  ui_test_screenshot (GTK_WIDGET (window), "challenge-raise");
  click (window, "raise-challenge-button");
  c = ui_test_load (store, conf);
  g_assert_cmpuint (c->challenges->len, ==, 1);
  challenge = g_ptr_array_index (c->challenges, 0);
  g_assert_cmpstr (challenge->designated_person, ==, "J. Ops Manager");
  g_assert_cmpstr (challenge->raised_by, ==, "S. Social");
  g_assert_cmpstr (challenge->concern, ==, "Left alone at night: at risk of significant harm.");
  g_assert_cmpstr (challenge->agency, ==, CSC);
  g_assert_cmpint (challenge->child_id, ==, amy);
  g_clear_pointer (&c, quorum_conference_free);
  /* The form is ready for the next challenge: no Designated Person, raised today, not on the
   * last challenge's day. */
  {
    GtkEditable *raised = GTK_EDITABLE (ui_test_find_named (GTK_WIDGET (window), "challenge-raised-entry"));
    GDate today;
    g_autofree char *iso = NULL;

    quorum_date_today (&today);
    iso = quorum_date_to_string (&today);
    g_assert_cmpstr (gtk_editable_get_text (raised), ==, iso);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui_test_find_named (GTK_WIDGET (window),
                                                                              "challenge-designated-entry"))), ==, "");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui_test_find_named (GTK_WIDGET (window),
                                                                              "challenge-raised-by-entry"))), ==, "");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui_test_find_named (GTK_WIDGET (window),
                                                                              "challenge-concern-entry"))), ==, "");
    /* No agency assumed for the next challenge: the chair chooses it again. */
    g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (ui_test_find_named (GTK_WIDGET (window),
                                                                                     "challenge-agency-dropdown"))),
                      ==, GTK_INVALID_LIST_POSITION);
    /* The card says who raised it and why. */
    g_assert_nonnull (find_label_containing (GTK_WIDGET (window), "by S. Social with J. Ops Manager"));
    g_assert_nonnull (find_label_containing (GTK_WIDGET (window), "Concern: “Left alone at night: at risk of significant harm.”"));
    /* What the Co-ordinator weighs against it: why the chair decided as they did. */
    g_assert_nonnull (find_label_containing (GTK_WIDGET (window),
                                             "The chair’s reasons for the decision: “The chair weighed the views recorded.”"));
    ui_test_screenshot (GTK_WIDGET (window), "challenge-raised-reset");
  }
  /* Raised again with no agency chosen: refused, and nothing is recorded. */
  type_into (window, "challenge-designated-entry", "J. Ops Manager");
  click (window, "raise-challenge-button");
  c = ui_test_load (store, conf);
  g_assert_cmpuint (c->challenges->len, ==, 1);
  g_clear_pointer (&c, quorum_conference_free);
  gtk_editable_set_text (GTK_EDITABLE (ui_test_find_named (GTK_WIDGET (window), "challenge-designated-entry")), "");

  /* The Co-ordinator alerted, a day later (late: the policy says immediately). */
  type_into (window, "challenge-coordinator-entry", "K. Coordinator");
  type_into (window, "challenge-alerted-entry", "2026-03-04");
  click (window, "alert-challenge-button");
  c = ui_test_load (store, conf);
  challenge = g_ptr_array_index (c->challenges, 0);
  g_assert_true (quorum_challenge_alert_is_late (challenge));
  g_clear_pointer (&c, quorum_conference_free);

  /* The Co-ordinator's decisions: an interim plan, the review brought forward, a referral. */
  type_into (window, "challenge-decided-entry", "2026-03-04");
  /* The Co-ordinator's reasons and the review's new date, typed as the chair types them, and
   * the window closed at once, mid-entry: opened again, every word is back. */
  if (ui_test_have_xdotool ())
    {
      /* The form is taller by the raise form's two new fields: scrolled to, as a person does. */
      click_and_type (window, "challenge-reasons-entry", "The children are at risk at night.");
      click_and_type (window, "challenge-review-entry", "2026-03-20");
    }
  else
    {
      type_into (window, "challenge-reasons-entry", "The children are at risk at night.");
      type_into (window, "challenge-review-entry", "2026-03-20");
    }
  gtk_window_close (GTK_WINDOW (window));
  ui_test_iterate (300);
  g_assert_null (ui_test_find_toplevel (QUORUM_TYPE_WINDOW));
  window = ui_test_window_new (store, 1400, 1000);
  g_assert_true (quorum_window_open_conference (window, conf, amy));
  page = quorum_window_get_conference_page (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "conference.new-attendee", NULL));
  ui_test_iterate (300);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui_test_find_named (GTK_WIDGET (window), "challenge-reasons-entry"))),
                   ==, "The children are at risk at night.");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui_test_find_named (GTK_WIDGET (window), "challenge-review-entry"))),
                   ==, "2026-03-20");
  /* The day of the decision is not a draft: the form offers today again. */
  type_into (window, "challenge-decided-entry", "2026-03-04");
  tick (window, "challenge-interim-check");
  tick (window, "challenge-refer-check");
  click (window, "decide-challenge-button");

  c = ui_test_load (store, conf);
  challenge = g_ptr_array_index (c->challenges, 0);
  g_assert_cmpuint (challenge->decisions, ==,
                    QUORUM_CHALLENGE_INTERIM_PLAN | QUORUM_CHALLENGE_REVIEW_FORWARD | QUORUM_CHALLENGE_REFER);
  g_assert_nonnull (quorum_conference_find_plan (c, amy));
  g_assert_nonnull (quorum_conference_find_referral (c, amy));
  g_assert_cmpint (challenge->review_conference_id, >, 0);
  {
    g_autoptr(QuorumConference) review = ui_test_load (store, challenge->review_conference_id);
    g_autofree char *date = quorum_date_to_string (&review->date);

    g_assert_cmpstr (date, ==, "2026-03-20");
    g_assert_cmpint (review->kind, ==, QUORUM_KIND_REVIEW);
  }
  g_assert_true (quorum_store_verify (store, NULL, &error));
  /* The Co-ordinator's referral: the policy sets no time limit for a panel, and the Referrals
   * table's Panel Due cell says so rather than being blank. */
  {
    g_autoptr(QuorumReferralObject) object = quorum_referral_object_new (quorum_store_get_referral (store, quorum_conference_find_referral (c, amy)->id, &error));

    g_assert_no_error (error);
    g_assert_cmpstr (quorum_referral_object_get_text (object, QUORUM_REFERRAL_COLUMN_PANEL_DUE), ==, "No limit");
  }
  /* The card shows the Co-ordinator's reasons, as `challenge show` and the export do. */
  g_assert_nonnull (find_label_containing (GTK_WIDGET (window), "Co-ordinator’s reasons: “The children are at risk at night.”"));
  /* Recorded: the form is empty and its draft is gone. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui_test_find_named (GTK_WIDGET (window), "challenge-reasons-entry"))),
                   ==, "");
  {
    g_autofree char *scope = g_strdup_printf ("challenge:%" G_GINT64_FORMAT ":decide", challenge->id);
    g_autofree char *left = quorum_store_get_draft (store, conf, scope, "reasons", &error);

    g_assert_no_error (error);
    g_assert_null (left);
  }
  /* The review conference is in the list (above: it is later), and the row highlighted is still
   * the conference open: a new user saw another conference highlighted after this. */
  {
    GtkListView *list = GTK_LIST_VIEW (ui_test_template_child (window, QUORUM_TYPE_WINDOW, "conference_list"));
    GtkSelectionModel *shown = gtk_list_view_get_model (list);
    g_autoptr(QuorumConferenceItem) item = NULL;

    ui_test_iterate (300);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (shown)), ==, 2);
    item = g_list_model_get_item (G_LIST_MODEL (shown), gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (shown)));
    g_assert_nonnull (item);
    g_assert_cmpint (quorum_conference_item_get_id (item), ==, conf);
  }

  ui_test_screenshot (GTK_WIDGET (window), "record-timeline-challenge");
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (50);
}

/* A profile without the route shows none: a Bolton conference has no challenge form. */
static void
test_no_route_under_bolton (void)
{
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = quorum_store_open (path, &error);
  const char *children[] = { "Cara Green", NULL };
  QuorumWindow *window;
  GtkWidget *raise;

  g_assert_no_error (error);
  window = ui_test_window_new (store, 1000, 700);
  ui_test_create_conference (window, children, "bolton", "BO-1");
  ui_test_add_attendee (window, "S. Social", "Social worker", CSC, CSC, TRUE);
  raise = ui_test_find_named (GTK_WIDGET (window), "raise-challenge-button");
  g_assert_nonnull (raise);
  g_assert_false (gtk_widget_is_visible (raise));
  g_assert_nonnull (ui_test_find_named (GTK_WIDGET (window), "record-time-entry"));
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (50);
}

/* The record panel is below the attendees, off the first screen: built once the conference is
 * drawn, not before (opening a conference builds what is on the screen first), in its place,
 * named, and reached from the attendees by Tab as before. */
static void
test_built_after_first_frame (void)
{
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = quorum_store_open (path, &error);
  const char *children[] = { "Dan Grey", NULL };
  QuorumConferenceSpec spec = { .kind = QUORUM_KIND_INITIAL, .chair = "A. Chair", .case_ref = "BK-12",
                                .children = children, .profile_id = "buckinghamshire" };
  QuorumWindow *window;
  GtkWidget *time_entry;
  GtkWidget *focus = NULL;
  gint64 conf;

  g_assert_no_error (error);
  g_date_clear (&spec.date, 1);
  g_date_set_dmy (&spec.date, 2, 3, 2026);
  conf = quorum_store_create_conference (store, &spec, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *name = g_strdup_printf ("Attendee %u", i + 1);
      g_autofree char *agency = g_strdup_printf ("Agency %u", i + 1);
      QuorumAttendeeSpec a = { .name = name, .role = "Practitioner", .agency = agency,
                               .line_management = agency, .voting = TRUE,
                               .attendance = QUORUM_ATTENDANCE_PRESENT };

      g_assert_cmpint (quorum_store_add_attendee (store, conf, &a, &error), >, 0);
      g_assert_no_error (error);
    }

  /* As the app starts with --open: the conference opened, then the window shown. */
  window = quorum_window_new (NULL, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  quorum_window_open_conference (window, conf, 0);
  g_assert_null (ui_test_find_named (GTK_WIDGET (window), "record-time-entry"));
  gtk_window_present (GTK_WINDOW (window));
  ui_test_wait_until (ui_test_is_drawn, window, 10000, "the window to be drawn");
  ui_test_iterate (300);

  time_entry = ui_test_find_named (GTK_WIDGET (window), "record-time-entry");
  g_assert_nonnull (time_entry);
  g_assert_true (gtk_widget_is_ancestor (time_entry, GTK_WIDGET (quorum_window_get_conference_page (window))));
  /* Each attendee's "Arrived" and "Left", as when it was built with the page. */
  g_assert_nonnull (ui_test_find_named (GTK_WIDGET (window), "arrive-button-1"));

  /* Tab from the attendee form's first field goes through the attendees to the timeline. */
  gtk_widget_grab_focus (ui_test_find_named (GTK_WIDGET (window), "name-entry"));
  ui_test_iterate (20);
  for (guint i = 0; i < 120; i++)
    {
      gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
      ui_test_iterate (5);
      focus = gtk_root_get_focus (GTK_ROOT (window));
      if (focus != NULL && (focus == time_entry || gtk_widget_is_ancestor (focus, time_entry)))
        break;
    }
  g_assert_nonnull (focus);
  g_assert_true (focus == time_entry || gtk_widget_is_ancestor (focus, time_entry));

  /* Another conference opened from the top of the pane: the last one's panel, off the screen,
   * goes; the new conference's list is short, so its end is on the first screen and its panel
   * is built with the page (as before this branch), showing its attendee, not the last ones. */
  {
    const char *others[] = { "Eve Grey", NULL };
    QuorumAttendeeSpec a = { .name = "Other Attendee", .role = "Practitioner", .agency = "Other Agency",
                             .line_management = "Other Agency", .voting = TRUE,
                             .attendance = QUORUM_ATTENDANCE_PRESENT };
    g_autofree char *own = NULL;
    gint64 other, attendee;

    spec.children = others;
    spec.case_ref = "BK-13";
    other = quorum_store_create_conference (store, &spec, &error);
    g_assert_no_error (error);
    attendee = quorum_store_add_attendee (store, other, &a, &error);
    g_assert_no_error (error);
    own = g_strdup_printf ("arrive-button-%lld", (long long) attendee);

    gtk_widget_grab_focus (ui_test_find_named (GTK_WIDGET (window), "name-entry"));
    ui_test_iterate (50);
    g_assert_true (quorum_window_open_conference (window, other, 0));
    g_assert_nonnull (ui_test_find_named (GTK_WIDGET (window), own));
    ui_test_iterate (300);
    g_assert_nonnull (ui_test_find_named (GTK_WIDGET (window), own));
    g_assert_null (ui_test_find_named (GTK_WIDGET (window), "arrive-button-1"));
    g_assert_nonnull (ui_test_find_named (GTK_WIDGET (window), "record-time-entry"));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (50);
}

/* What a refused decision must leave as it was: the decision and what it writes, the positions,
 * the views and the audit log. */
static char *
decision_rows (const char *path)
{
  return ui_test_db_sql (path, "SELECT (SELECT count(*) FROM decision) || '|' || (SELECT count(*) FROM dissent) "
                               "|| '|' || (SELECT count(*) FROM plan) || '|' || (SELECT count(*) FROM referral) "
                               "|| '|' || (SELECT count(*) FROM member_view) || '|' || (SELECT count(*) FROM vote) "
                               "|| '|' || (SELECT count(*) FROM audit)");
}

/* The row of @name's own position on @card. */
static GtkWidget *
member_row (QuorumStore    *store,
            gint64          conf,
            QuorumVoteCard *card,
            const char     *name)
{
  g_autofree char *row_name = g_strdup_printf ("member-position-%" G_GINT64_FORMAT, attendee_id (store, conf, name));
  GtkWidget *row = ui_test_find_named (GTK_WIDGET (card), row_name);

  g_assert_nonnull (row);
  return row;
}

/* A Bolton conference for one child (@child_name) in @window: @names[0] for Children's Social
 * Care, [1] Police, [2] and [3] Health's two representatives, [4] Education, all present and
 * voting, and an attempt at consensus that failed. Returns the conference; @child its child. */
static gint64
conference_with_two_representatives (QuorumWindow *window,
                                     QuorumStore  *store,
                                     const char   *child_name,
                                     const char   *case_ref,
                                     const char   *names[5],
                                     gint64       *child)
{
  const char *children[] = { child_name, NULL };
  const char *agencies[] = { CSC, "Police", "Health", "Health", "Education" };
  QuorumAttemptSpec attempt = { .summary = "No consensus.", .agreed = QUORUM_VIEW_NONE };
  g_autoptr(GError) error = NULL;
  gint64 conf = ui_test_create_conference (window, children, "bolton", case_ref);

  *child = ui_test_child_id (store, conf, 0);
  for (guint i = 0; i < G_N_ELEMENTS (agencies); i++)
    {
      QuorumAttendeeSpec a = { .name = names[i], .role = "Practitioner", .agency = agencies[i],
                               .line_management = agencies[i], .voting = TRUE,
                               .attendance = QUORUM_ATTENDANCE_PRESENT };

      g_assert_cmpint (quorum_store_add_attendee (store, conf, &a, &error), >, 0);
      g_assert_no_error (error);
    }
  attempt.child_id = *child;
  g_assert_cmpint (quorum_store_add_attempt (store, conf, &attempt, &error), >, 0);
  g_assert_no_error (error);
  return conf;
}

/* DOMAIN "Reaching a decision" 2 and 6, on the screen (trial 6, D5): the chair ticks "could not
 * agree" for Health, records Aled Jones's own position, and presses Ctrl+D with Megan Price's
 * never given. It went through, and the record named only Aled, who agreed with the outcome. Now
 * it is refused before the confirmation: the card says whose position is missing under the
 * representatives, the focus is on her Plan, the database is as it was. With her position
 * recorded, Ctrl+D and Enter decide, and the dissent holds her, not him. */
static void
test_could_not_agree_needs_each_position (void)
{
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = quorum_store_open (path, &error);
  QuorumVoteSpec health = { .group = "Health", .view = QUORUM_VIEW_PLAN, .reason = "Group settles on plan" };
  QuorumWindow *window;
  QuorumConferencePage *page;
  QuorumVoteCard *card;
  GtkWidget *check;
  GtkWidget *status;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *preview = NULL;
  g_autofree char *dissent = NULL;
  gint64 conf, ffion;

  g_assert_no_error (error);
  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed: this test clicks and types as a chair does");
      return;
    }
  window = ui_test_window_new (store, 1280, 1000);
  page = quorum_window_get_conference_page (window);
  {
    const char *names[5] = { "Sian Lewis", "PC Rhys Evans", "Aled Jones", "Megan Price", "Gareth Hughes" };

    conf = conference_with_two_representatives (window, store, "Ffion Morgan", "BO-6", names, &ffion);
  }
  view (store, conf, ffion, CSC, QUORUM_VIEW_PLAN, "Chronic neglect");
  view (store, conf, ffion, "Police", QUORUM_VIEW_NO_PLAN, "No evidence of harm");
  view (store, conf, ffion, "Education", QUORUM_VIEW_NO_PLAN, "The house is clean");
  health.child_id = ffion;
  g_assert_cmpint (quorum_store_record_vote (store, conf, &health, &error), >, 0);
  g_assert_no_error (error);
  quorum_conference_page_reload (page);
  ui_test_iterate (300);

  /* "Could not agree", clicked; Aled's own position: Plan, his reason, Enter. */
  card = ui_test_card (window, ffion, "Health");
  check = ui_test_find_named (GTK_WIDGET (card), "disagreed-check");
  ui_test_scroll_into_view (check);
  ui_test_click (check, -1, -1);
  ui_test_settle (300);
  card = ui_test_card (window, ffion, "Health");
  ui_test_scroll_into_view (ui_test_find_named (member_row (store, conf, card, "Megan Price"), "member-reason"));
  ui_test_click (ui_test_find_named (member_row (store, conf, card, "Aled Jones"), "member-plan"), -1, -1);
  ui_test_settle (200);
  ui_test_type ("Ffion has missed her immunisations");
  ui_test_key ("Return");
  ui_test_settle (400);
  {
    g_autofree char *held = ui_test_db_sql (path, "SELECT view || '|' || reason FROM member_view");
    g_autofree char *marked = ui_test_db_sql (path, "SELECT members_disagreed FROM vote WHERE grp = 'Health'");

    g_assert_cmpstr (held, ==, "plan|Ffion has missed her immunisations");
    g_assert_cmpstr (marked, ==, "1");
  }

  /* Ctrl+D with Megan's never given: refused before any confirmation, said under the
   * representatives, the focus on her Plan, nothing written. */
  before = decision_rows (path);
  ui_test_key ("ctrl+d");
  ui_test_settle (800);
  g_test_message ("toast: %s", quorum_window_get_last_toast (window));
  g_assert_null (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  after = decision_rows (path);
  g_assert_cmpstr (after, ==, before);
  g_assert_nonnull (strstr (quorum_window_get_last_toast (window), "Megan Price of “Health”"));
  card = ui_test_card (window, ffion, "Health");
  status = ui_test_find_named (GTK_WIDGET (card), "status-label");
  g_assert_true (gtk_widget_get_mapped (status));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (status)), "Megan Price’s own position is not recorded"));
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
    GtkWidget *plan = ui_test_find_named (member_row (store, conf, card, "Megan Price"), "member-plan");

    g_assert_true (focus != NULL && (focus == plan || gtk_widget_is_ancestor (focus, plan)));
  }
  /* The line over Take the Decision says so too, not "every group has given its view" alone. */
  {
    GtkWidget *line = ui_test_find_shown_label (GTK_WIDGET (window),
                                                "Every group has given its view. Waiting for the own position of: Megan Price.");

    g_assert_nonnull (line);
    ui_test_scroll_into_view (line);
  }
  ui_test_screenshot (GTK_WIDGET (window), "could-not-agree-position-missing");

  /* Her position: No plan, her reason, Enter; then Ctrl+D and Enter: decided, her dissent kept. */
  ui_test_click (ui_test_find_named (member_row (store, conf, card, "Megan Price"), "member-no-plan"), -1, -1);
  ui_test_settle (200);
  ui_test_type ("Ffion is thriving at nursery");
  ui_test_key ("Return");
  ui_test_settle (400);
  /* Off her reason before deciding: with the focus still in it, the decision's rebuilt board
   * runs its "leave" on a freed row (trial 6, D0, another branch's fix). */
  card = ui_test_card (window, ffion, "Health");
  gtk_widget_grab_focus (ui_test_find_named (member_row (store, conf, card, "Megan Price"), "member-no-plan"));
  ui_test_iterate (100);
  ui_test_key ("ctrl+d");
  ui_test_settle (800);
  g_assert_nonnull (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  preview = ui_test_confirm_decision ();
  ui_test_iterate (800);
  g_test_message ("preview: %s", preview);
  g_assert_nonnull (strstr (preview, "Megan Price"));
  dissent = ui_test_db_sql (path, "SELECT representatives || '|' || view || '|' || reason FROM dissent WHERE grp = 'Health'");
  g_assert_cmpstr (dissent, ==, "Megan Price|no-plan|Ffion is thriving at nursery");

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (50);
}

/* Whether the window's focus is @widget or inside it. */
static gboolean
focus_on (QuorumWindow *window,
          GtkWidget    *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Trial 7, D2: the keys that work on a group card (Space chooses, Tab goes to the reason, type)
 * on a representative's row. Space on Una Bell's Plan moved the focus into her reason, so Tab
 * went on to Vic Rowe's Plan: the typed sentence's first space chose Plan for him, and the rest
 * was recorded as his own position; Una had none. Now Space keeps the focus on the position
 * chosen, as on a group card, Tab leaves the two for the reason and Left/Right move between
 * them. Nothing else moves the focus on a choice from the keyboard: Declined on a group card,
 * "could not agree" ticked. */
static void
test_representatives_keys_as_a_group_card (void)
{
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = quorum_store_open (path, &error);
  QuorumWindow *window;
  QuorumConferencePage *page;
  QuorumVoteCard *card;
  GtkWidget *widget;
  gint64 conf, cara, una, vic;

  g_assert_no_error (error);
  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed: this test presses keys as a chair does");
      return;
    }
  window = ui_test_window_new (store, 1280, 1000);
  page = quorum_window_get_conference_page (window);
  {
    const char *names[5] = { "Sara Lee", "Tom Fry", "Una Bell", "Vic Rowe", "Wyn Ash" };

    conf = conference_with_two_representatives (window, store, "Cara Dunn", "BO-7", names, &cara);
  }
  una = attendee_id (store, conf, "Una Bell");
  vic = attendee_id (store, conf, "Vic Rowe");
  view (store, conf, cara, CSC, QUORUM_VIEW_PLAN, "Chronic neglect");
  view (store, conf, cara, "Police", QUORUM_VIEW_NO_PLAN, "No police contact");
  view (store, conf, cara, "Health", QUORUM_VIEW_PLAN, "The group settles on plan");
  quorum_conference_page_reload (page);
  ui_test_raise_window (window);
  ui_test_settle (300);

  /* Education: Right, Right, Space: Declined, the focus stays on it; Tab to the reason. */
  card = ui_test_card (window, cara, "Education");
  widget = ui_test_find_button (GTK_WIDGET (card), GTK_TYPE_TOGGLE_BUTTON, "Plan");
  ui_test_scroll_into_view (widget);
  gtk_widget_grab_focus (widget);
  ui_test_iterate (100);
  ui_test_key ("Right");
  ui_test_key ("Right");
  ui_test_key ("space");
  ui_test_settle (300);
  card = ui_test_card (window, cara, "Education");
  g_assert_true (focus_on (window, ui_test_find_button (GTK_WIDGET (card), GTK_TYPE_TOGGLE_BUTTON, "Declined")));
  ui_test_key ("Tab");
  ui_test_settle (100);
  ui_test_type ("We have not met Cara yet");
  ui_test_key ("ctrl+Return");
  ui_test_settle (400);
  {
    g_autofree char *held = ui_test_db_sql (path, "SELECT view || '|' || reason FROM vote WHERE grp = 'Education'");

    g_assert_cmpstr (held, ==, "decline|We have not met Cara yet");
  }

  /* Health: "could not agree" ticked by Space: marked, the focus stays on the box. */
  card = ui_test_card (window, cara, "Health");
  widget = ui_test_find_named (GTK_WIDGET (card), "disagreed-check");
  ui_test_scroll_into_view (widget);
  gtk_widget_grab_focus (widget);
  ui_test_iterate (100);
  ui_test_key ("space");
  ui_test_settle (400);
  {
    g_autofree char *marked = ui_test_db_sql (path, "SELECT members_disagreed FROM vote WHERE grp = 'Health'");

    g_assert_cmpstr (marked, ==, "1");
  }
  card = ui_test_card (window, cara, "Health");
  g_assert_true (focus_on (window, ui_test_find_named (GTK_WIDGET (card), "disagreed-check")));

  /* Ctrl+D: refused (neither has given their own position), the focus on Una's Plan. */
  ui_test_key ("ctrl+d");
  ui_test_settle (800);
  g_assert_null (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  card = ui_test_card (window, cara, "Health");
  g_assert_true (focus_on (window, ui_test_find_named (member_row (store, conf, card, "Una Bell"), "member-plan")));
  quorum_window_dismiss_toast (window);

  /* As on a group card: Space, Tab, her words, Return. Hers, and nothing for Vic. */
  ui_test_key ("space");
  ui_test_settle (300);
  card = ui_test_card (window, cara, "Health");
  g_assert_true (focus_on (window, ui_test_find_named (member_row (store, conf, card, "Una Bell"), "member-plan")));
  ui_test_key ("Tab");
  ui_test_settle (100);
  g_assert_true (focus_on (window, ui_test_find_named (member_row (store, conf, card, "Una Bell"), "member-reason")));
  ui_test_type ("Una says Cara is often hungry");
  ui_test_key ("Return");
  ui_test_settle (400);
  {
    g_autofree char *una_held = ui_test_db_sqlf (path, "SELECT view || '|' || reason FROM member_view WHERE attendee_id = %"
                                                 G_GINT64_FORMAT, una);
    g_autofree char *vic_held = ui_test_db_sqlf (path, "SELECT count(*) FROM member_view WHERE attendee_id = %"
                                                 G_GINT64_FORMAT, vic);

    g_assert_cmpstr (una_held, ==, "plan|Una says Cara is often hungry");
    g_assert_cmpstr (vic_held, ==, "0");
  }

  /* Vic: his Plan, Right to No plan (choosing nothing), Space, Tab, his words, Return. */
  card = ui_test_card (window, cara, "Health");
  gtk_widget_grab_focus (ui_test_find_named (member_row (store, conf, card, "Vic Rowe"), "member-plan"));
  ui_test_iterate (100);
  ui_test_key ("Right");
  ui_test_settle (100);
  g_assert_true (focus_on (window, ui_test_find_named (member_row (store, conf, card, "Vic Rowe"), "member-no-plan")));
  {
    g_autofree char *none = ui_test_db_sqlf (path, "SELECT count(*) FROM member_view WHERE attendee_id = %"
                                             G_GINT64_FORMAT, vic);

    g_assert_cmpstr (none, ==, "0");
  }
  ui_test_key ("space");
  ui_test_settle (300);
  card = ui_test_card (window, cara, "Health");
  g_assert_true (focus_on (window, ui_test_find_named (member_row (store, conf, card, "Vic Rowe"), "member-no-plan")));
  ui_test_key ("Tab");
  ui_test_settle (100);
  g_assert_true (focus_on (window, ui_test_find_named (member_row (store, conf, card, "Vic Rowe"), "member-reason")));
  ui_test_type ("Vic sees a fed and settled child");
  ui_test_key ("Return");
  ui_test_settle (400);
  {
    g_autofree char *held = ui_test_db_sql (path, "SELECT a.name || '|' || m.view || '|' || m.reason FROM member_view m "
                                                  "JOIN attendee a ON a.id = m.attendee_id ORDER BY a.name");

    g_assert_cmpstr (held, ==, "Una Bell|plan|Una says Cara is often hungry\nVic Rowe|no-plan|Vic sees a fed and settled child");
  }
  ui_test_screenshot (GTK_WIDGET (window), "representatives-by-keyboard");

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (50);
}

/* Shift+Tab back into a choice lands where Tab into it does, and where the card takes the
 * focus: on the one chosen, else on Plan (memberkeys left it: GTK's order entered a choice on its
 * last button going backwards, a representative's No plan whatever she held, a group's Declined).
 * Una Bell holds Plan: Shift+Tab from her reason lands on her Plan, not No plan. Vic Rowe holds
 * nothing yet: on his Plan, as Tab from Una's reason does. Education holds No plan: Shift+Tab from
 * its reason lands on No plan, not Declined, as Tab into the card from the one before does. */
static void
test_shift_tab_enters_a_choice_on_the_chosen (void)
{
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = quorum_store_open (path, &error);
  QuorumWindow *window;
  QuorumConferencePage *page;
  QuorumVoteCard *card;
  QuorumVoteSpec health = { .group = "Health", .view = QUORUM_VIEW_PLAN, .reason = "The group settles on plan",
                            .members_disagreed = TRUE };
  QuorumMemberViewSpec una_plan = { .view = QUORUM_VIEW_PLAN, .reason = "Una says Cara is often hungry" };
  GtkWidget *widget;
  gint64 conf, cara, una, vic;

  g_assert_no_error (error);
  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed: this test presses keys as a chair does");
      return;
    }
  window = ui_test_window_new (store, 1280, 1000);
  page = quorum_window_get_conference_page (window);
  {
    const char *names[5] = { "Sara Lee", "Tom Fry", "Una Bell", "Vic Rowe", "Wyn Ash" };

    conf = conference_with_two_representatives (window, store, "Cara Dunn", "BO-8", names, &cara);
  }
  una = attendee_id (store, conf, "Una Bell");
  vic = attendee_id (store, conf, "Vic Rowe");
  view (store, conf, cara, CSC, QUORUM_VIEW_PLAN, "Chronic neglect");
  view (store, conf, cara, "Police", QUORUM_VIEW_NO_PLAN, "No police contact");
  health.child_id = cara;
  g_assert_cmpint (quorum_store_record_vote (store, conf, &health, &error), >, 0);
  g_assert_no_error (error);
  una_plan.child_id = cara;
  una_plan.attendee_id = una;
  g_assert_cmpint (quorum_store_record_member_view (store, conf, &una_plan, &error), >, 0);
  g_assert_no_error (error);
  view (store, conf, cara, "Education", QUORUM_VIEW_NO_PLAN, "Attendance is good");
  quorum_conference_page_reload (page);
  ui_test_raise_window (window);
  ui_test_iterate (300);

  /* Una: from her reason, Shift+Tab: her Plan, the position she holds. */
  card = ui_test_card (window, cara, "Health");
  widget = ui_test_find_named (member_row (store, conf, card, "Una Bell"), "member-reason");
  ui_test_scroll_into_view (widget);
  ui_test_click (widget, -1, -1);
  ui_test_key ("shift+Tab");
  ui_test_iterate (100);
  card = ui_test_card (window, cara, "Health");
  g_assert_true (focus_on (window, ui_test_find_named (member_row (store, conf, card, "Una Bell"), "member-plan")));

  /* Vic: nothing held; from his reason, Shift+Tab: his Plan, where Tab from Una's reason lands. */
  widget = ui_test_find_named (member_row (store, conf, card, "Vic Rowe"), "member-reason");
  ui_test_click (widget, -1, -1);
  ui_test_key ("shift+Tab");
  ui_test_iterate (100);
  card = ui_test_card (window, cara, "Health");
  g_assert_true (focus_on (window, ui_test_find_named (member_row (store, conf, card, "Vic Rowe"), "member-plan")));
  ui_test_key ("shift+Tab");
  ui_test_iterate (100);
  g_assert_true (focus_on (window, ui_test_find_named (member_row (store, conf, card, "Una Bell"), "member-reason")));
  ui_test_key ("Tab");
  ui_test_iterate (100);
  g_assert_true (focus_on (window, ui_test_find_named (member_row (store, conf, card, "Vic Rowe"), "member-plan")));
  {
    g_autofree char *held = ui_test_db_sqlf (path, "SELECT count(*) FROM member_view WHERE attendee_id = %" G_GINT64_FORMAT, vic);

    g_assert_cmpstr (held, ==, "0");
  }

  /* Education holds No plan: Shift+Tab from its reason lands on No plan, not Declined. */
  card = ui_test_card (window, cara, "Education");
  widget = GTK_WIDGET (quorum_text_field_get_view (quorum_vote_card_get_reason_field (card)));
  ui_test_scroll_into_view (widget);
  ui_test_click (widget, -1, -1);
  ui_test_key ("shift+Tab");
  ui_test_iterate (100);
  card = ui_test_card (window, cara, "Education");
  g_assert_true (focus_on (window, ui_test_find_button (GTK_WIDGET (card), GTK_TYPE_TOGGLE_BUTTON, "No plan")));

  /* Tab into its views from the card before (Vic's reason, the last of Health's; the board's
   * cell between is a stop of its own): No plan too, not Plan. */
  card = ui_test_card (window, cara, "Health");
  widget = ui_test_find_named (member_row (store, conf, card, "Vic Rowe"), "member-reason");
  ui_test_scroll_into_view (widget);
  ui_test_click (widget, -1, -1);
  ui_test_key ("Tab");
  ui_test_iterate (100);
  if (GTK_IS_FLOW_BOX_CHILD (gtk_root_get_focus (GTK_ROOT (window))))
    {
      ui_test_key ("Tab");
      ui_test_iterate (100);
    }
  card = ui_test_card (window, cara, "Education");
  g_assert_true (focus_on (window, ui_test_find_button (GTK_WIDGET (card), GTK_TYPE_TOGGLE_BUTTON, "No plan")));
  {
    g_autofree char *held = ui_test_db_sql (path, "SELECT view || '|' || reason FROM vote WHERE grp = 'Education'");

    g_assert_cmpstr (held, ==, "no-plan|Attendance is good");
  }

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (50);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/record/attendance-timeline-and-challenge-route", test_timeline_and_challenge);
  g_test_add_func ("/ui/record/no-challenge-route-under-bolton", test_no_route_under_bolton);
  g_test_add_func ("/ui/record/built-after-first-frame", test_built_after_first_frame);
  g_test_add_func ("/ui/record/could-not-agree-needs-each-representatives-own-position",
                   test_could_not_agree_needs_each_position);
  g_test_add_func ("/ui/record/representatives-keys-as-a-group-card", test_representatives_keys_as_a_group_card);
  g_test_add_func ("/ui/record/shift-tab-enters-a-choice-on-the-chosen", test_shift_tab_enters_a_choice_on_the_chosen);

  return g_test_run ();
}
