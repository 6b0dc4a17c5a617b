/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-pg.c: the app on a shared PostgreSQL database (issue 12), against a throwaway cluster
 * (build-aux/pg-cluster run, with PG_CLUSTER_TCP=1; QUORUM_PG names it):
 * - two apps as two people: a chair (this process's window, driven by xdotool) and a Head of
 *   Service (another `quorum` process, QuorumApplication as main.c runs it). A view the chair
 *   clicks shows in the Head of Service's open conference within a second, and the split
 *   decision's referral on their open Referrals page within a second, with no refresh; the
 *   Head of Service records the notification in their own app; the database names each of
 *   them (session_user) as the actor of what they did;
 * - what each role is shown: a minute-taker has no vote or decision controls and exports the
 *   record; a chair has no notification or panel controls; a Head of Service records the
 *   notification from the Referrals page;
 * - a password: the server asks one user for it (SCRAM over TCP on 127.0.0.1); the app asks,
 *   a wrong one is asked again with a clear message, the right one opens the database; cancel
 *   leaves a window saying the database was not opened; the keyring switch cannot be turned on
 *   when no Secret Service answers, and says why. */

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test-ui-common.h"
#include "ui/quorum-application.h"
#include "ui/quorum-closed-window.h"
#include "ui/quorum-export-actions.h"
#include "ui/quorum-password-dialog.h"
#include "ui/quorum-referral-object.h"
#include "ui/quorum-referrals-page.h"
#include "ui/quorum-text-field.h"

#define CHAIR_GROUP   "Police"
#define OTHER_GROUP   "Health"
#define LIVE_MS       ui_test_live_ms ()
#define PASSWORD      "correct horse battery"

static char *pg_host;
static char *pg_port;
static gint64 conf_id;
static gint64 child_id;
static gint64 open_conf_id;       /* a second conference, its vote open */
static gint64 open_child_id;

static pid_t hos_pid;
static int hos_cmd_fd = -1;      /* the test writes commands to the Head of Service's app */
static int hos_report_fd = -1;   /* it reports what it shows */

static char *
conninfo_for (const char *user)
{
  return g_strdup_printf ("host=%s port=%s dbname=quorum user=%s", pg_host, pg_port, user);
}

static void
run (const char *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;
  int status = 0;

  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s%s", first, out, err);
}

/* psql as the cluster's superuser; one value back. */
static char *
psql (const char *sql)
{
  const char *argv[] = { "psql", "-X", "-q", "-A", "-t", "-d", g_getenv ("QUORUM_PG"), "-c", sql, NULL };
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("psql failed: %s: %s", sql, err);
  return g_strstrip (out);
}

/* A conference whose consensus failed, its vote open, as the chair would have it. */
static gint64
make_conference (QuorumStore *store,
                 const char  *child,
                 gint64      *child_out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumConference) conference = NULL;
  const char *children[] = { child, NULL };
  static const char * const groups[] = { CHAIR_GROUP, OTHER_GROUP, NULL };
  QuorumConferenceSpec spec = {
    .kind = QUORUM_KIND_INITIAL, .chair = "Jo Chair", .profile_id = "bolton", .children = children,
  };
  QuorumAttemptSpec attempt = { 0 };
  gint64 id;

  g_date_set_dmy (&spec.date, 2, G_DATE_MARCH, 2026);
  id = quorum_store_create_conference (store, &spec, &error);
  g_assert_no_error (error);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      QuorumAttendeeSpec attendee = {
        .name = groups[i], .agency = groups[i], .line_management = groups[i], .voting = TRUE,
        .attendance = QUORUM_ATTENDANCE_PRESENT,
      };
      quorum_store_add_attendee (store, id, &attendee, &error);
      g_assert_no_error (error);
    }
  {
    QuorumAttendeeSpec social = {
      .name = "Sam Social", .agency = "Children's Social Care", .line_management = "Children's Social Care",
      .voting = FALSE, .attendance = QUORUM_ATTENDANCE_PRESENT,
    };
    quorum_store_add_attendee (store, id, &social, &error);
    g_assert_no_error (error);
  }
  conference = quorum_store_load_conference (store, id, &error);
  g_assert_no_error (error);
  *child_out = ((QuorumChild *) g_ptr_array_index (conference->children, 0))->id;
  attempt.child_id = *child_out;
  attempt.summary = "No agreement";
  quorum_store_add_attempt (store, id, &attempt, &error);
  g_assert_no_error (error);
  /* Social care is there but not voting: the conference goes ahead with its reason. */
  g_assert_true (quorum_store_proceed_inquorate (store, id, "Social worker off sick; the manager agreed by phone", &error));
  g_assert_no_error (error);
  return id;
}

static void
prepare_database (void)
{
  const char *cli = g_getenv ("QUORUM_CLI");
  const char *super = g_getenv ("QUORUM_PG");
  g_autofree char *chair = conninfo_for ("achair");
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = NULL;
  QuorumVoteSpec vote = { .group = CHAIR_GROUP, .view = QUORUM_VIEW_PLAN, .categories = QUORUM_CATEGORY_NEGLECT };

  run (cli, "admin", "init", "--db", super, NULL);
  run (cli, "admin", "grant", "achair", "chair", "--db", super, NULL);
  run (cli, "admin", "grant", "hservice", "head-of-service", "--db", super, NULL);
  run (cli, "admin", "grant", "mtaker", "minute-taker", "--db", super, NULL);
  run (cli, "admin", "grant", "pwchair", "chair", "--db", super, NULL);
  /* pwchair logs in with a password (SCRAM): build-aux/pg-cluster asks it of password_login. */
  g_free (psql ("ALTER ROLE pwchair PASSWORD '" PASSWORD "'; GRANT password_login TO pwchair"));

  store = quorum_store_open (chair, &error);
  g_assert_no_error (error);
  g_assert_true (quorum_store_is_shared (store));
  conf_id = make_conference (store, "Kim Shared", &child_id);
  /* The minute-taker's: one view given, the other awaited. */
  open_conf_id = make_conference (store, "Lee Open", &open_child_id);
  vote.child_id = open_child_id;
  quorum_store_record_vote (store, open_conf_id, &vote, &error);
  g_assert_no_error (error);
}

static GtkWidget *
find_type (GtkWidget *root,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_labelled (GtkWidget  *root,
               GType       type,
               const char *label)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && GTK_IS_BUTTON (root) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_labelled (child, type, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
template_child (gpointer    widget,
                GType       type,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

/* Brings @window above the other app's and gives it the keyboard, as a click on it would
 * under a window manager (Xvfb has none). */
static void
raise_window (gpointer window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *xid = g_strdup_printf ("%lu", (unsigned long) gdk_x11_surface_get_xid (surface));
  const char * const raise[] = { "windowraise", xid, NULL };
  const char * const focus[] = { "windowfocus", "--sync", xid, NULL };

  ui_test_xdotool (raise);
  ui_test_xdotool (focus);
}

static QuorumReferralsPage *
show_referrals (QuorumWindow *window)
{
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (find_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK)), "referrals");
  return QUORUM_REFERRALS_PAGE (find_type (GTK_WIDGET (window), QUORUM_TYPE_REFERRALS_PAGE));
}

static gboolean
referrals_loaded (gpointer data)
{
  return !quorum_referrals_page_get_loading (QUORUM_REFERRALS_PAGE (data));
}

static guint
n_referrals (QuorumReferralsPage *page)
{
  return quorum_referrals_page_get_loading (page) ? 0 : g_list_model_get_n_items (quorum_referrals_page_get_model (page));
}

/* ---- the Head of Service's app (another process) ---- */

typedef struct
{
  GtkApplication *app;
  int             state;
} HeadOfService;

static void
report (const char *what)
{
  g_autofree char *line = g_strdup_printf ("%s %" G_GINT64_FORMAT "\n", what, g_get_monotonic_time ());

  if (write (hos_report_fd, line, strlen (line)) != (ssize_t) strlen (line))
    _exit (3);
}

static gboolean
hos_tick_cb (gpointer user_data)
{
  HeadOfService *hos = user_data;
  QuorumWindow *window = NULL;
  QuorumChildPanel *panel;
  QuorumVoteCard *card;
  QuorumReferralsPage *page;
  char command = 0;

  for (GList *iter = gtk_application_get_windows (hos->app); iter; iter = iter->next)
    if (QUORUM_IS_WINDOW (iter->data))
      window = iter->data;
  if (window == NULL || !gtk_widget_get_mapped (GTK_WIDGET (window)))
    return G_SOURCE_CONTINUE;
  if (read (hos_cmd_fd, &command, 1) != 1)
    command = 0;

  switch (hos->state)
    {
    case 0:  /* the conference open, the chair's group's card there */
      panel = quorum_conference_page_get_child_panel (quorum_window_get_conference_page (window), child_id);
      card = panel != NULL ? quorum_child_panel_get_card (panel, CHAIR_GROUP) : NULL;
      if (card == NULL)
        break;
      report ("ready");
      hos->state = 1;
      break;
    case 1:  /* the chair's view shown here */
      card = ui_test_card (window, child_id, CHAIR_GROUP);
      if (quorum_vote_card_get_shown_view (card) == QUORUM_VIEW_PLAN)
        {
          report ("view");
          hos->state = 2;
        }
      break;
    case 2:  /* told to open the Referrals page */
      if (command != 'r')
        break;
      page = show_referrals (window);
      hos->state = 3;
      break;
    case 3:
      page = QUORUM_REFERRALS_PAGE (find_type (GTK_WIDGET (window), QUORUM_TYPE_REFERRALS_PAGE));
      if (quorum_referrals_page_get_loading (page))
        break;
      if (n_referrals (page) != 0)
        _exit (4);
      report ("loaded");
      hos->state = 4;
      break;
    case 4:  /* the split's referral listed here */
      page = QUORUM_REFERRALS_PAGE (find_type (GTK_WIDGET (window), QUORUM_TYPE_REFERRALS_PAGE));
      if (n_referrals (page) != 1)
        break;
      report ("referral");
      hos->state = 5;
      break;
    case 5:  /* told to record the notification, as a Head of Service does it: a click */
      if (command != 'n')
        break;
      page = QUORUM_REFERRALS_PAGE (find_type (GTK_WIDGET (window), QUORUM_TYPE_REFERRALS_PAGE));
      {
        QuorumReferralObject *item = g_list_model_get_item (quorum_referrals_page_get_model (page), 0);

        hos->state = 6;
        if (!quorum_referrals_page_select (page, quorum_referral_object_get_id (item)))
          _exit (5);
        g_object_unref (item);
        ui_test_iterate (300);
        if (!gtk_widget_get_visible (template_child (page, QUORUM_TYPE_REFERRALS_PAGE, "notify_group")))
          _exit (6);
        gtk_editable_set_text (GTK_EDITABLE (template_child (page, QUORUM_TYPE_REFERRALS_PAGE, "notify_date_entry")),
                               "2026-03-04");
        raise_window (window);
        ui_test_click (template_child (page, QUORUM_TYPE_REFERRALS_PAGE, "notify_button"), -1, -1);
        report ("notified");
      }
      break;
    default:
      break;
    }
  return G_SOURCE_CONTINUE;
}

static void
hos_activate_cb (GApplication  *app,
                 HeadOfService *hos)
{
  g_timeout_add (10, hos_tick_cb, hos);
}

static G_NORETURN void
run_head_of_service (void)
{
  g_autofree char *db = conninfo_for ("hservice");
  g_autofree char *open_arg = g_strdup_printf ("%" G_GINT64_FORMAT, conf_id);
  char *argv[] = { "quorum", "--db", db, "--open", open_arg, "--size", "1200x900", NULL };
  QuorumApplication *app = quorum_application_new ();
  HeadOfService hos = { GTK_APPLICATION (app), 0 };

  g_signal_connect_after (app, "activate", G_CALLBACK (hos_activate_cb), &hos);
  _exit (g_application_run (G_APPLICATION (app), G_N_ELEMENTS (argv) - 1, argv));
}

/* Waits for the Head of Service's app to report @what, running this window's main loop;
 * returns when (monotonic, µs) it saw it. */
static gint64
wait_report (const char *what)
{
  static char buffer[512];
  static gsize filled;
  gint64 until = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  for (;;)
    {
      char *newline = memchr (buffer, '\n', filled);

      if (newline != NULL)
        {
          g_autofree char *line = g_strndup (buffer, newline - buffer);
          g_auto(GStrv) parts = g_strsplit (line, " ", 2);

          filled -= newline + 1 - buffer;
          memmove (buffer, newline + 1, filled);
          g_test_message ("the Head of Service's app: %s", line);
          g_assert_cmpstr (parts[0], ==, what);
          return g_ascii_strtoll (parts[1], NULL, 10);
        }
      {
        struct pollfd pfd = { hos_report_fd, POLLIN, 0 };

        if (poll (&pfd, 1, 0) == 1)
          {
            ssize_t n = read (hos_report_fd, buffer + filled, sizeof buffer - 1 - filled);

            if (n <= 0)
              g_error ("The Head of Service's app stopped before it reported “%s”", what);
            filled += n;
            continue;
          }
      }
      if (g_get_monotonic_time () > until)
        g_error ("The Head of Service's app never reported “%s”", what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
tell_head_of_service (char command)
{
  g_assert_cmpint (write (hos_cmd_fd, &command, 1), ==, 1);
}

typedef struct
{
  QuorumStore *store;
  const char  *group;
} Recorded;

/* The chair's panel shows the decision taken: it is stored. */
static void
decided_cb (GtkStack   *stack,
            GParamSpec *pspec,
            gint64     *recorded_at)
{
  if (*recorded_at == 0 && g_strcmp0 (gtk_stack_get_visible_child_name (stack), "decided") == 0)
    *recorded_at = g_get_monotonic_time ();
}

/* The chair's card was updated from the store with its view recorded: the commit is done. */
static void
item_changed_cb (QuorumGroupItem *item,
                 gint64          *recorded_at)
{
  if (*recorded_at == 0 && quorum_group_item_get_recorded_at (item) != NULL)
    *recorded_at = g_get_monotonic_time ();
}

static gboolean
vote_recorded (gpointer data)
{
  Recorded *recorded = data;
  g_autoptr(QuorumConference) conference = ui_test_load (recorded->store, conf_id);

  return quorum_conference_find_vote (conference, child_id, recorded->group) != NULL;
}

static gboolean
decision_recorded (gpointer data)
{
  g_autoptr(QuorumConference) conference = ui_test_load (data, conf_id);

  return quorum_conference_find_decision (conference, child_id) != NULL;
}

static gboolean
confirmation_shown (gpointer data)
{
  GtkWindow *dialog = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  return dialog != NULL && ui_test_is_drawn (dialog);
}

/* "A two-app test under Xvfb: a vote recorded by one app appears in the other without a
 * refresh", and a split vote's referral on every open Referrals page within a second. */
static void
test_two_apps_as_two_people (void)
{
  g_autofree char *chair_db = conninfo_for ("achair");
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = NULL;
  QuorumWindow *window;
  gint64 recorded_at;
  gint64 clicked_at;
  gint64 seen_at;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  store = quorum_store_open (chair_db, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (quorum_store_get_user (store), ==, "achair");
  window = ui_test_window_new (store, 1200, 900);
  g_assert_true (quorum_window_open_conference (window, conf_id, child_id));
  ui_test_iterate (300);

  tell_head_of_service ('g');
  wait_report ("ready");
  raise_window (window);

  /* The chair clicks "Plan" for the police. */
  recorded_at = 0;
  g_signal_connect (quorum_vote_card_get_item (ui_test_card (window, child_id, CHAIR_GROUP)), "changed",
                    G_CALLBACK (item_changed_cb), &recorded_at);
  clicked_at = g_get_monotonic_time ();
  ui_test_click (find_labelled (GTK_WIDGET (ui_test_card (window, child_id, CHAIR_GROUP)), GTK_TYPE_TOGGLE_BUTTON, "Plan"), -1, -1);
  ui_test_wait_until (vote_recorded, &(Recorded) { store, CHAIR_GROUP }, 10000, "the chair's view to be recorded");
  seen_at = wait_report ("view");
  g_signal_handlers_disconnect_by_func (quorum_vote_card_get_item (ui_test_card (window, child_id, CHAIR_GROUP)),
                                        item_changed_cb, &recorded_at);
  g_assert_cmpint (recorded_at, >, 0);
  /* From the chair's card showing it stored (the commit done); from before the click, xdotool's
   * start-up under load is counted as well. */
  g_test_message ("The chair's view showed in the Head of Service's app %lld ms after the chair's card showed it "
                  "stored (%lld ms after the click began)",
                  (long long) ((seen_at - recorded_at) / 1000), (long long) ((seen_at - clicked_at) / 1000));
  g_assert_cmpint ((seen_at - recorded_at) / 1000, <=, LIVE_MS);

  /* Health says no plan, with its reason: an equal split. */
  ui_test_click (GTK_WIDGET (quorum_text_field_get_view (quorum_vote_card_get_reason_field (ui_test_card (window, child_id, OTHER_GROUP)))), -1, -1);
  ui_test_type ("Seen twice, no concerns");
  ui_test_click (find_labelled (GTK_WIDGET (ui_test_card (window, child_id, OTHER_GROUP)), GTK_TYPE_TOGGLE_BUTTON, "No plan"), -1, -1);
  ui_test_wait_until (vote_recorded, &(Recorded) { store, OTHER_GROUP }, 10000, "the second view to be recorded");

  /* The Head of Service opens the Referrals page: nothing yet. */
  tell_head_of_service ('r');
  wait_report ("loaded");

  /* The chair takes the decision (the button, then Enter on the confirmation). */
  {
    QuorumChildPanel *panel = quorum_conference_page_get_child_panel (quorum_window_get_conference_page (window), child_id);

    raise_window (window);
    ui_test_click (template_child (panel, QUORUM_TYPE_CHILD_PANEL, "decide_button"), -1, -1);
  }
  ui_test_wait_until (confirmation_shown, NULL, 10000, "the decision's confirmation");
  raise_window (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  recorded_at = 0;
  {
    QuorumChildPanel *panel = quorum_conference_page_get_child_panel (quorum_window_get_conference_page (window), child_id);

    g_signal_connect (template_child (panel, QUORUM_TYPE_CHILD_PANEL, "decision_stack"), "notify::visible-child-name",
                      G_CALLBACK (decided_cb), &recorded_at);
  }
  clicked_at = g_get_monotonic_time ();
  ui_test_key ("Return");
  ui_test_wait_until (decision_recorded, store, 10000, "the split decision to be recorded");
  seen_at = wait_report ("referral");
  g_assert_cmpint (recorded_at, >, 0);
  g_test_message ("The split's referral was listed on the Head of Service's open Referrals page %lld ms after the "
                  "chair's window showed the decision stored (%lld ms after Enter began)",
                  (long long) ((seen_at - recorded_at) / 1000), (long long) ((seen_at - clicked_at) / 1000));
  g_assert_cmpint ((seen_at - recorded_at) / 1000, <=, LIVE_MS);

  /* The Head of Service records the notification in their own app. */
  tell_head_of_service ('n');
  wait_report ("notified");
  for (int i = 0; i < 100; i++)
    {
      g_autofree char *notified = psql ("SELECT count (*) FROM referral WHERE notified IS NOT NULL");

      if (g_strcmp0 (notified, "1") == 0)
        break;
      ui_test_iterate (100);
    }

  /* What the database holds: each person is the actor of what they did (session_user). */
  {
    g_autofree char *votes = psql ("SELECT string_agg (DISTINCT \"user\", ',') FROM audit WHERE entity = 'vote'");
    g_autofree char *decisions = psql ("SELECT string_agg (DISTINCT \"user\", ',') FROM audit WHERE entity = 'decision'");
    g_autofree char *referrals = psql ("SELECT string_agg (\"user\" || ':' || action, ',' ORDER BY id) FROM audit WHERE entity = 'referral'");
    g_autofree char *notified = psql ("SELECT notified FROM referral");
    g_autofree char *verify_out = NULL;

    g_test_message ("audit: votes by %s; decisions by %s; referral entries %s", votes, decisions, referrals);
    g_assert_cmpstr (votes, ==, "achair");
    g_assert_cmpstr (decisions, ==, "achair");
    g_assert_cmpstr (referrals, ==, "achair:insert,hservice:update");
    g_assert_cmpstr (notified, ==, "2026-03-04");
  }

  kill (hos_pid, SIGTERM);
  waitpid (hos_pid, NULL, 0);
  hos_pid = 0;
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (100);
}

/* ---- what each role is shown ---- */

static gboolean
is_saved (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_IS_REGULAR);
}

static QuorumWindow *
open_as (const char   *user,
         QuorumStore **store_out)
{
  g_autofree char *db = conninfo_for (user);
  g_autoptr(GError) error = NULL;
  QuorumStore *store = quorum_store_open (db, &error);
  QuorumWindow *window;

  g_assert_no_error (error);
  window = ui_test_window_new (store, 1200, 900);
  *store_out = store;
  return window;
}

/* The role's hidden controls: a minute-taker reads and exports but cannot vote or decide. */
static void
test_minute_taker_reads_and_exports (void)
{
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("quorum-pg-export-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "record.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  QuorumWindow *window = open_as ("mtaker", &store);
  QuorumChildPanel *panel;

  g_assert_no_error (error);
  g_assert_cmpuint (quorum_store_get_roles (store, NULL), ==, QUORUM_STORE_ROLE_MINUTE_TAKER);
  /* A vote under way: shown, but nothing to vote, decide, add or make with. */
  g_assert_true (quorum_window_open_conference (window, open_conf_id, open_child_id));
  ui_test_iterate (300);
  panel = quorum_conference_page_get_child_panel (quorum_window_get_conference_page (window), open_child_id);
  g_assert_true (gtk_widget_get_visible (template_child (panel, QUORUM_TYPE_CHILD_PANEL, "vote_section")));
  g_assert_false (gtk_widget_get_visible (template_child (panel, QUORUM_TYPE_CHILD_PANEL, "decide_button")));
  g_assert_false (gtk_widget_get_visible (template_child (panel, QUORUM_TYPE_CHILD_PANEL, "attempt_form")));
  g_assert_true (quorum_vote_card_get_read_only (ui_test_card (window, open_child_id, CHAIR_GROUP)));
  g_assert_true (quorum_vote_card_get_read_only (ui_test_card (window, open_child_id, OTHER_GROUP)));
  g_assert_cmpint (quorum_vote_card_get_shown_view (ui_test_card (window, open_child_id, CHAIR_GROUP)), ==, QUORUM_VIEW_PLAN);
  g_assert_false (gtk_widget_get_visible (template_child (quorum_window_get_conference_page (window),
                                                          QUORUM_TYPE_CONFERENCE_PAGE, "attendee_form")));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "new-conference"));
  ui_test_screenshot (GTK_WIDGET (window), "pg-minute-taker");

  /* The decided conference's record is exported. */
  g_assert_true (quorum_window_open_conference (window, conf_id, child_id));
  ui_test_iterate (300);

  /* The record is exported, as "Export…" does it once a file is chosen. */
  quorum_export_actions_save_to (GTK_WINDOW (window), store, conf_id, file, QUORUM_EXPORT_JSON);
  ui_test_wait_until (is_saved, path, 30000, "the export");
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "Kim Shared"));
  g_assert_null (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (100);
  g_remove (path);
  g_rmdir (dir);
}

static gint64
the_referral (QuorumStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GDate today;

  g_date_set_dmy (&today, 10, G_DATE_MARCH, 2026);
  rows = quorum_store_list_referrals (store, &today, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  return ((QuorumReferralRow *) rows->pdata[0])->id;
}

/* A chair has no notification or panel controls: only a Head of Service records those. */
static void
test_chair_has_no_panel_controls (void)
{
  g_autoptr(QuorumStore) store = NULL;
  QuorumWindow *window = open_as ("achair", &store);
  QuorumReferralsPage *page = show_referrals (window);

  ui_test_wait_until (referrals_loaded, page, 10000, "the Referrals page");
  g_assert_true (quorum_referrals_page_select (page, the_referral (store)));
  ui_test_iterate (300);
  g_assert_false (gtk_widget_get_visible (template_child (page, QUORUM_TYPE_REFERRALS_PAGE, "notify_group")));
  g_assert_false (gtk_widget_get_visible (template_child (page, QUORUM_TYPE_REFERRALS_PAGE, "panel_group")));
  g_assert_false (gtk_widget_get_visible (template_child (page, QUORUM_TYPE_REFERRALS_PAGE, "correct_group")));
  ui_test_screenshot (GTK_WIDGET (window), "pg-chair-referral");
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (100);
}

/* A Head of Service records the panel's date and outcome from the Referrals page. */
static void
test_head_of_service_records_the_panel (void)
{
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(QuorumReferralRow) row = NULL;
  g_autoptr(GError) error = NULL;
  QuorumWindow *window;
  QuorumReferralsPage *page;
  gint64 referral;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }
  window = open_as ("hservice", &store);
  page = show_referrals (window);
  ui_test_wait_until (referrals_loaded, page, 10000, "the Referrals page");
  referral = the_referral (store);
  g_assert_true (quorum_referrals_page_select (page, referral));
  ui_test_iterate (300);
  g_assert_true (gtk_widget_get_visible (template_child (page, QUORUM_TYPE_REFERRALS_PAGE, "panel_group")));
  g_assert_true (gtk_widget_get_visible (template_child (page, QUORUM_TYPE_REFERRALS_PAGE, "correct_group")));
  ui_test_screenshot (GTK_WIDGET (window), "pg-head-of-service-referral");

  /* The panel was heard; its outcome confirms the plan. */
  gtk_editable_set_text (GTK_EDITABLE (template_child (page, QUORUM_TYPE_REFERRALS_PAGE, "panel_date_entry")), "2026-03-20");
  adw_combo_row_set_selected (ADW_COMBO_ROW (template_child (page, QUORUM_TYPE_REFERRALS_PAGE, "outcome_combo")), 1);
  ui_test_click (template_child (page, QUORUM_TYPE_REFERRALS_PAGE, "panel_button"), -1, -1);
  ui_test_wait_until (referrals_loaded, page, 10000, "the Referrals page after the panel");
  row = quorum_store_get_referral (store, referral, &error);
  g_assert_no_error (error);
  g_assert_true (g_date_valid (&row->panel_date));
  g_assert_cmpint (row->outcome, ==, QUORUM_PANEL_PLAN_CONFIRMED);
  {
    g_autofree char *last = psql ("SELECT \"user\" FROM audit WHERE entity = 'referral' ORDER BY id DESC LIMIT 1");

    g_assert_cmpstr (last, ==, "hservice");
  }
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (100);
}

/* ---- a keyring of the test's own ---- */

static GPid keyring_pid;
static char *keyring_home;

static gboolean
secret_service_running (void)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  gboolean owned = FALSE;

  if (bus == NULL)
    return FALSE;
  /* NameHasOwner never starts a service (a person's keyring daemon) as a call to it would. */
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                                       "NameHasOwner", g_variant_new ("(s)", "org.freedesktop.secrets"),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, 2000, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);
  return owned;
}

static gboolean
secret_service_activatable (void)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  g_autofree const char **names = NULL;

  if (bus == NULL)
    return FALSE;
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                                       "ListActivatableNames", NULL, G_VARIANT_TYPE ("(as)"),
                                       G_DBUS_CALL_FLAGS_NONE, 2000, NULL, NULL);
  if (reply == NULL)
    return FALSE;
  g_variant_get (reply, "(^a&s)", &names);
  return g_strv_contains (names, "org.freedesktop.secrets");
}

/* A child of the test goes when the test goes, however it ends. */
static void
die_with_test (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

/* gnome-keyring-daemon on this test's session bus, its keyrings in a temporary home (never a
 * person's), the login keyring made and unlocked; FALSE when it is not installed. */
static gboolean
start_keyring (void)
{
  g_autofree char *program = g_find_program_in_path ("gnome-keyring-daemon");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *data = NULL;
  g_autofree char *runtime = NULL;
  const char *argv[] = { program, "--foreground", "--unlock", "--components=secrets", NULL };
  int in_fd = -1;

  if (program == NULL || secret_service_running ())
    return FALSE;
  keyring_home = g_dir_make_tmp ("quorum-keyring-XXXXXX", &error);
  g_assert_no_error (error);
  data = g_build_filename (keyring_home, "data", NULL);
  runtime = g_build_filename (keyring_home, "run", NULL);
  g_mkdir_with_parents (runtime, 0700);
  env = g_environ_setenv (env, "HOME", keyring_home, TRUE);
  env = g_environ_setenv (env, "XDG_DATA_HOME", data, TRUE);
  env = g_environ_setenv (env, "XDG_RUNTIME_DIR", runtime, TRUE);
  g_spawn_async_with_pipes (NULL, (char **) argv, env, G_SPAWN_DO_NOT_REAP_CHILD, die_with_test, NULL, &keyring_pid,
                            &in_fd, NULL, NULL, &error);
  g_assert_no_error (error);
  /* The login keyring's password, then end of input. */
  g_assert_cmpint (write (in_fd, "quorum-test", 11), ==, 11);
  close (in_fd);
  for (int i = 0; i < 100 && !secret_service_running (); i++)
    g_usleep (100000);
  g_assert_true (secret_service_running ());
  return TRUE;
}

static void
stop_keyring (void)
{
  if (keyring_pid == 0)
    return;
  kill (keyring_pid, SIGTERM);
  waitpid (keyring_pid, NULL, 0);
  keyring_pid = 0;
  {
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", keyring_home);

    g_assert_cmpint (system (command), ==, 0);
  }
}

/* ---- the password ---- */

typedef enum
{
  RUN_REFUSED,        /* a wrong password, then the right one */
  RUN_CANCEL,         /* cancelled, then "Enter the Password…" and the right one */
  RUN_REMEMBER,       /* the right one, "Remember in keyring" switched on */
  RUN_STORED,         /* no dialog: the keyring's password opens the database */
  RUN_STORED_REFUSED, /* the keyring's password refused: asked, saying so */
  RUN_PLAIN,          /* asked, with nothing wrong: the right one */
} RunMode;

typedef struct
{
  QuorumApplication *app;
  RunMode            mode;
  const char        *password;
  gboolean           dialog_seen;
  gboolean           started;
  gboolean           done;
  gboolean           keyring_available;
  char              *keyring_text;
  char              *problem;
  char              *closed_text;
  char              *user;
} PasswordRun;

static gboolean
dialog_ready (gpointer data)
{
  GtkWindow *dialog = ui_test_find_toplevel (QUORUM_TYPE_PASSWORD_DIALOG);

  return dialog != NULL && ui_test_is_drawn (dialog) &&
         quorum_password_dialog_get_keyring_checked (QUORUM_PASSWORD_DIALOG (dialog));
}

static gboolean
dialog_gone (gpointer data)
{
  return ui_test_find_toplevel (QUORUM_TYPE_PASSWORD_DIALOG) == NULL;
}

static gboolean
problem_shown (gpointer data)
{
  GtkWindow *dialog = ui_test_find_toplevel (QUORUM_TYPE_PASSWORD_DIALOG);

  return dialog != NULL && ui_test_is_drawn (dialog) &&
         gtk_widget_get_visible (ui_test_find_named (GTK_WIDGET (dialog), "password-problem"));
}

static QuorumWindow *
app_window (QuorumApplication *app)
{
  for (GList *iter = gtk_application_get_windows (GTK_APPLICATION (app)); iter; iter = iter->next)
    if (QUORUM_IS_WINDOW (iter->data))
      return iter->data;
  return NULL;
}

static gboolean
closed_shown (gpointer data)
{
  GtkWindow *closed = ui_test_find_toplevel (QUORUM_TYPE_CLOSED_WINDOW);

  return closed != NULL && ui_test_is_drawn (closed);
}

static gboolean
main_window_shown (gpointer data)
{
  QuorumWindow *window = app_window (data);

  return window != NULL && ui_test_is_drawn (window);
}

static void
type_password (const char *password)
{
  GtkWindow *dialog = ui_test_find_toplevel (QUORUM_TYPE_PASSWORD_DIALOG);
  GtkWidget *entry = ui_test_find_named (GTK_WIDGET (dialog), "password-entry");

  raise_window (dialog);
  ui_test_click (entry, -1, -1);
  ui_test_type (password);
  ui_test_key ("Return");
}

static gboolean
window_or_dialog (gpointer data)
{
  return main_window_shown (data) || ui_test_find_toplevel (QUORUM_TYPE_PASSWORD_DIALOG) != NULL;
}

static gboolean
drive_password_cb (gpointer data)
{
  PasswordRun *run = data;
  GtkWindow *dialog;
  GtkWidget *remember;

  if (run->mode == RUN_STORED)
    {
      /* The keyring's password: the window, and no dialog on the way. */
      ui_test_wait_until (window_or_dialog, run->app, 20000, "the app's window");
      run->dialog_seen = ui_test_find_toplevel (QUORUM_TYPE_PASSWORD_DIALOG) != NULL;
      goto opened;
    }

  ui_test_wait_until (dialog_ready, NULL, 20000, "the password dialog");
  run->dialog_seen = TRUE;
  dialog = ui_test_find_toplevel (QUORUM_TYPE_PASSWORD_DIALOG);
  remember = ui_test_find_named (GTK_WIDGET (dialog), "password-remember");
  run->keyring_available = quorum_password_dialog_get_keyring_available (QUORUM_PASSWORD_DIALOG (dialog));
  run->keyring_text = g_strdup (gtk_label_get_label (GTK_LABEL (ui_test_find_named (GTK_WIDGET (dialog), "password-keyring"))));
  /* The switch can be turned on only when a keyring answered. */
  g_assert_true (gtk_widget_get_sensitive (remember) == run->keyring_available);
  if (gtk_widget_get_visible (ui_test_find_named (GTK_WIDGET (dialog), "password-problem")))
    run->problem = g_strdup (gtk_label_get_label (GTK_LABEL (ui_test_find_named (GTK_WIDGET (dialog), "password-problem"))));

  switch (run->mode)
    {
    case RUN_CANCEL:
      g_assert_null (run->problem);
      ui_test_screenshot (GTK_WIDGET (dialog), "pg-password");
      ui_test_key ("Escape");
      ui_test_wait_until (closed_shown, NULL, 10000, "the window saying the database was not opened");
      run->closed_text = g_strdup (adw_status_page_get_description (
        ADW_STATUS_PAGE (ui_test_find_named (GTK_WIDGET (ui_test_find_toplevel (QUORUM_TYPE_CLOSED_WINDOW)), "closed-status"))));
      g_assert_null (app_window (run->app));
      ui_test_screenshot (GTK_WIDGET (ui_test_find_toplevel (QUORUM_TYPE_CLOSED_WINDOW)), "pg-not-opened");
      /* "Enter the Password…" asks again; this time the right one opens it. */
      ui_test_click (ui_test_find_named (GTK_WIDGET (ui_test_find_toplevel (QUORUM_TYPE_CLOSED_WINDOW)), "closed-password"), -1, -1);
      ui_test_wait_until (dialog_ready, NULL, 20000, "the password dialog again");
      g_assert_null (ui_test_find_toplevel (QUORUM_TYPE_CLOSED_WINDOW));
      break;
    case RUN_REFUSED:
      g_assert_null (run->problem);
      /* A wrong password: asked again, saying so. */
      type_password ("horse battery staple");
      ui_test_wait_until (problem_shown, NULL, 20000, "the password asked for again");
      run->problem = g_strdup (gtk_label_get_label (GTK_LABEL (ui_test_find_named (GTK_WIDGET (ui_test_find_toplevel (QUORUM_TYPE_PASSWORD_DIALOG)), "password-problem"))));
      g_assert_null (app_window (run->app));
      ui_test_screenshot (GTK_WIDGET (ui_test_find_toplevel (QUORUM_TYPE_PASSWORD_DIALOG)), "pg-password-refused");
      break;
    case RUN_REMEMBER:
      g_assert_null (run->problem);
      g_assert_true (run->keyring_available);
      raise_window (dialog);
      ui_test_click (remember, -1, -1);
      g_assert_true (gtk_switch_get_active (GTK_SWITCH (remember)));
      ui_test_screenshot (GTK_WIDGET (dialog), "pg-password-keyring");
      break;
    case RUN_STORED_REFUSED:
      g_assert_nonnull (run->problem);
      break;
    case RUN_PLAIN:
      g_assert_null (run->problem);
      break;
    case RUN_STORED:
    default:
      g_assert_not_reached ();
    }
  type_password (run->password);
  ui_test_wait_until (dialog_gone, NULL, 20000, "the password dialog to go");
opened:
  ui_test_wait_until (main_window_shown, run->app, 20000, "the app's window");
  run->user = g_strdup (quorum_store_get_user (quorum_window_get_store (app_window (run->app))));
  run->done = TRUE;
  g_application_quit (G_APPLICATION (run->app));
  return G_SOURCE_REMOVE;
}

static void
password_activate_cb (GApplication *app,
                      PasswordRun  *run)
{
  /* Activated again by the password's answer: driven once. */
  if (!run->started)
    g_idle_add (drive_password_cb, run);
  run->started = TRUE;
}

static void
run_password_app (PasswordRun *run)
{
  const char *tcp = g_getenv ("QUORUM_PG_TCP");
  g_autofree char *db = g_strdup_printf ("%s user=pwchair", tcp);
  char *argv[] = { "quorum", "--db", db, "--size", "900x700", NULL };
  int status;

  run->app = quorum_application_new ();
  g_signal_connect_after (run->app, "activate", G_CALLBACK (password_activate_cb), run);
  status = g_application_run (G_APPLICATION (run->app), G_N_ELEMENTS (argv) - 1, argv);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (run->done);
  g_clear_object (&run->app);
}

/* The app asks for the password libpq needs; a wrong one is asked again, saying so; the right
 * one opens the database as that user. No keyring here ($QUORUM_NO_KEYRING): the switch cannot
 * be turned on, and the dialog says why. */
static void
test_password_asked_and_refused (void)
{
  PasswordRun run = { .mode = RUN_REFUSED, .password = PASSWORD };

  if (!ui_test_have_xdotool () || g_getenv ("QUORUM_PG_TCP") == NULL)
    {
      g_test_skip ("xdotool, X11 or the cluster's TCP listener (PG_CLUSTER_TCP=1) is missing");
      return;
    }
  g_setenv ("QUORUM_NO_KEYRING", "1", TRUE);
  run_password_app (&run);
  g_test_message ("keyring: %s", run.keyring_text);
  g_test_message ("asked again: %s", run.problem);
  g_assert_false (run.keyring_available);
  g_assert_nonnull (strstr (run.keyring_text, "cannot be remembered"));
  g_assert_cmpstr (run.problem, ==, "The server did not accept that password. Check it and type it again.");
  g_assert_cmpstr (run.user, ==, "pwchair");
  g_free (run.keyring_text);
  g_free (run.problem);
  g_free (run.user);
}

/* Cancel leaves a window saying the database was not opened; "Enter the Password…" asks again.
 * The keyring is looked for as libsecret finds it on this session bus: the switch can be
 * turned on only if a Secret Service answers, and the dialog says which it is. */
static void
test_password_cancelled (void)
{
  PasswordRun run = { .mode = RUN_CANCEL, .password = PASSWORD };

  if (!ui_test_have_xdotool () || g_getenv ("QUORUM_PG_TCP") == NULL)
    {
      g_test_skip ("xdotool, X11 or the cluster's TCP listener (PG_CLUSTER_TCP=1) is missing");
      return;
    }
  /* The keyring as libsecret finds it: the test's own (above), or none at all; never a
   * person's, nor one D-Bus would start for the asking. */
  if (keyring_pid != 0 || (!secret_service_running () && !secret_service_activatable ()))
    g_unsetenv ("QUORUM_NO_KEYRING");
  run_password_app (&run);
  g_setenv ("QUORUM_NO_KEYRING", "1", TRUE);
  g_test_message ("keyring (%s): %s", run.keyring_available ? "found" : "none", run.keyring_text);
  g_test_message ("not opened: %s", run.closed_text);
  if (!run.keyring_available)
    g_assert_nonnull (strstr (run.keyring_text, "no keyring running"));
  g_assert_nonnull (strstr (run.closed_text, "did not open the shared database quorum"));
  g_assert_nonnull (strstr (run.closed_text, "pwchair"));
  g_assert_cmpstr (run.user, ==, "pwchair");
  g_free (run.keyring_text);
  g_free (run.closed_text);
  g_free (run.user);
}

/* "Remember in keyring": the password goes to the keyring (libsecret), nowhere else; the next
 * opening uses it without asking; when the server no longer takes it, the app asks, saying the
 * kept one was not accepted and was removed, and keeps the new one. */
static void
test_password_kept_in_keyring (void)
{
  PasswordRun first = { .mode = RUN_REMEMBER, .password = PASSWORD };
  PasswordRun second = { .mode = RUN_STORED };
  PasswordRun third = { .mode = RUN_STORED_REFUSED, .password = PASSWORD "!" };
  PasswordRun fourth = { .mode = RUN_PLAIN, .password = PASSWORD "!" };
  g_autofree char *settings_dump = NULL;
  g_autofree char *host = NULL;
  g_autofree char *port = NULL;
  g_autofree char *dbname = NULL;
  g_autofree char *user = NULL;
  g_autofree char *db = NULL;
  g_autofree char *kept = NULL;

  if (!ui_test_have_xdotool () || g_getenv ("QUORUM_PG_TCP") == NULL)
    {
      g_test_skip ("xdotool, X11 or the cluster's TCP listener (PG_CLUSTER_TCP=1) is missing");
      return;
    }
  if (!start_keyring ())
    {
      g_test_skip ("gnome-keyring-daemon is not installed (or a keyring already runs on this bus)");
      return;
    }
  g_unsetenv ("QUORUM_NO_KEYRING");

  run_password_app (&first);
  g_assert_true (first.keyring_available);
  g_assert_nonnull (strstr (first.keyring_text, "keyring"));
  g_assert_cmpstr (first.user, ==, "pwchair");

  /* Kept under the server's host, port, database and user. */
  db = g_strdup_printf ("%s user=pwchair", g_getenv ("QUORUM_PG_TCP"));
  g_assert_true (quorum_store_describe_server (db, &host, &port, &dbname, &user));
  g_assert_cmpstr (host, ==, "127.0.0.1");
  g_assert_cmpstr (user, ==, "pwchair");
  for (int i = 0; i < 50 && kept == NULL; i++)
    {
      kept = quorum_password_lookup_saved (host, port, dbname, user);
      if (kept == NULL)
        ui_test_iterate (100);
    }
  g_assert_cmpstr (kept, ==, PASSWORD);

  /* The next opening: no dialog. */
  run_password_app (&second);
  g_assert_false (second.dialog_seen);
  g_assert_cmpstr (second.user, ==, "pwchair");

  /* The password changed on the server: asked, saying why; the new one opens it. */
  g_free (psql ("ALTER ROLE pwchair PASSWORD '" PASSWORD "!'"));
  run_password_app (&third);
  g_test_message ("the kept password refused: %s", third.problem);
  g_assert_nonnull (strstr (third.problem, "kept in the keyring was not accepted"));
  g_assert_cmpstr (third.user, ==, "pwchair");
  g_clear_pointer (&kept, g_free);
  kept = quorum_password_lookup_saved (host, port, dbname, user);
  g_assert_null (kept);

  /* Not remembered this time: asked again the next time. */
  run_password_app (&fourth);
  g_assert_true (fourth.dialog_seen);
  g_assert_cmpstr (fourth.user, ==, "pwchair");

  g_free (psql ("ALTER ROLE pwchair PASSWORD '" PASSWORD "'"));
  g_setenv ("QUORUM_NO_KEYRING", "1", TRUE);
  g_free (first.keyring_text);
  g_free (first.user);
  g_free (second.user);
  g_free (third.keyring_text);
  g_free (third.problem);
  g_free (third.user);
  g_free (fourth.keyring_text);
  g_free (fourth.user);
}

typedef struct
{
  QuorumApplication *app;
  char              *user;
  gboolean           shared;
  char              *row_text;
} PrefsRun;

static gboolean
drive_prefs_cb (gpointer data)
{
  PrefsRun *run = data;
  QuorumWindow *window;
  QuorumPreferencesWindow *prefs;

  ui_test_wait_until (main_window_shown, run->app, 20000, "the app's window");
  window = app_window (run->app);
  run->user = g_strdup (quorum_store_get_user (quorum_window_get_store (window)));
  run->shared = quorum_store_is_shared (quorum_window_get_store (window));
  prefs = quorum_preferences_window_new (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (prefs));
  ui_test_wait_until (ui_test_is_drawn, prefs, 10000, "the preferences");
  run->row_text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (ui_test_find_named (GTK_WIDGET (prefs), "database-row"))));
  ui_test_screenshot (GTK_WIDGET (prefs), "pg-preferences");
  gtk_window_destroy (GTK_WINDOW (prefs));
  g_application_quit (G_APPLICATION (run->app));
  return G_SOURCE_REMOVE;
}

static void
prefs_activate_cb (GApplication *app,
                   PrefsRun     *run)
{
  g_idle_add (drive_prefs_cb, run);
}

/* The shared database chosen in the preferences (neither --db nor $QUORUM_DB given): the app
 * opens it, as the user it names. */
static void
test_preferences_location (void)
{
  g_autoptr(GSettings) settings = quorum_ui_settings_new ();
  g_autofree char *saved_env = g_strdup (g_getenv ("QUORUM_DB"));
  g_autofree char *db = conninfo_for ("hservice");
  char *argv[] = { "quorum", "--size", "900x700", NULL };
  PrefsRun run = { 0 };
  int status;

  if (settings == NULL)
    {
      g_test_skip ("The settings schema is not installed");
      return;
    }
  g_settings_set_string (settings, "database", db);
  g_unsetenv ("QUORUM_DB");
  run.app = quorum_application_new ();
  g_application_set_flags (G_APPLICATION (run.app),
                           g_application_get_flags (G_APPLICATION (run.app)) | G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (run.app, "activate", G_CALLBACK (prefs_activate_cb), &run);
  status = g_application_run (G_APPLICATION (run.app), G_N_ELEMENTS (argv) - 1, argv);
  g_clear_object (&run.app);
  g_setenv ("QUORUM_DB", saved_env, TRUE);
  g_settings_reset (settings, "database");

  g_assert_cmpint (status, ==, 0);
  g_assert_true (run.shared);
  g_assert_cmpstr (run.user, ==, "hservice");
  g_assert_cmpstr (run.row_text, ==, db);
  g_free (run.user);
  g_free (run.row_text);
}

int
main (int   argc,
      char *argv[])
{
  int cmd[2];
  int reports[2];
  int status;

  if (g_getenv ("QUORUM_PG") == NULL || g_getenv ("PGHOST") == NULL)
    {
      g_printerr ("No cluster: run under build-aux/pg-cluster run\n");
      return 77;
    }
  pg_host = g_strdup (g_getenv ("PGHOST"));
  pg_port = g_strdup (g_getenv ("PGPORT"));
  prepare_database ();

  /* The Head of Service's app is forked before GTK starts here, and waits to be told. */
  g_assert_cmpint (pipe (cmd), ==, 0);
  g_assert_cmpint (pipe (reports), ==, 0);
  hos_pid = fork ();
  g_assert_cmpint (hos_pid, >=, 0);
  if (hos_pid == 0)
    {
      char byte;

      /* It goes when the test goes, whatever way the test ends. */
      prctl (PR_SET_PDEATHSIG, SIGTERM);
      close (cmd[1]);
      close (reports[0]);
      hos_cmd_fd = cmd[0];
      hos_report_fd = reports[1];
      if (read (hos_cmd_fd, &byte, 1) != 1)
        _exit (0);
      fcntl (hos_cmd_fd, F_SETFL, O_NONBLOCK);
      run_head_of_service ();
    }
  close (cmd[0]);
  close (reports[1]);
  hos_cmd_fd = cmd[1];
  hos_report_fd = reports[0];

  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/pg/two-apps-as-two-people", test_two_apps_as_two_people);
  g_test_add_func ("/ui/pg/minute-taker-reads-and-exports", test_minute_taker_reads_and_exports);
  g_test_add_func ("/ui/pg/chair-has-no-panel-controls", test_chair_has_no_panel_controls);
  g_test_add_func ("/ui/pg/head-of-service-records-the-panel", test_head_of_service_records_the_panel);
  g_test_add_func ("/ui/pg/preferences-location", test_preferences_location);
  g_test_add_func ("/ui/pg/password-asked-and-refused", test_password_asked_and_refused);
  g_test_add_func ("/ui/pg/password-kept-in-keyring", test_password_kept_in_keyring);
  g_test_add_func ("/ui/pg/password-cancelled", test_password_cancelled);
  status = g_test_run ();
  stop_keyring ();
  if (hos_pid > 0)
    {
      kill (hos_pid, SIGTERM);
      waitpid (hos_pid, NULL, 0);
    }
  return status;
}
