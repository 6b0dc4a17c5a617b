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
static gint64 role_conf_id;       /* a third, its vote open: what each role tries on */
static gint64 role_child_id;
static gint64 anne_conf_id;       /* a fourth, achair's, its vote open: another chair reads it */
static gint64 anne_child_id;

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
  const char *arg;
  va_list args;

  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_free (ui_test_spawn ((const char * const *) argv->pdata));
}

/* psql as the cluster's superuser; one value back. */
static char *
psql (const char *sql)
{
  const char * const argv[] = { "psql", "-X", "-q", "-A", "-t", "-d", g_getenv ("QUORUM_PG"), "-c", sql, NULL };

  return g_strstrip (ui_test_spawn (argv));
}

/* Waits (the main loop running) until @sql, through psql, answers @expected; up to 10 s. */
static void
wait_psql (const char *sql,
           const char *expected)
{
  for (int i = 0; i < 100; i++)
    {
      g_autofree char *value = psql (sql);

      if (g_strcmp0 (value, expected) == 0)
        return;
      ui_test_iterate (100);
    }
}

/* A conference whose consensus failed, its vote open, as the chair would have it; social care
 * there but not voting, and the conference let go ahead with the reason. */
static gint64
make_conference (QuorumStore *store,
                 const char  *child,
                 gint64      *child_out)
{
  static const char * const groups[] = { CHAIR_GROUP, OTHER_GROUP, NULL };
  g_autoptr(GError) error = NULL;
  gint64 id = ui_test_make_vote_open (store, child, groups, TRUE, child_out);

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
  /* A chair whose login an administrator gave a name: the record shows them as "Nia Named". */
  run (cli, "admin", "grant", "namedchair", "chair", "--name", "Nia Named", "--db", super, NULL);
  /* Another chair, and an administrator who hands a conference over (schema 13). */
  run (cli, "admin", "grant", "achair", "chair", "--name", "Anne Chair", "--db", super, NULL);
  run (cli, "admin", "grant", "bchair", "chair", "--name", "Bea Chair", "--db", super, NULL);
  run (cli, "admin", "grant", "qadmin", "admin", "--db", super, NULL);
  /* pwchair logs in with a password (SCRAM): build-aux/pg-cluster asks it of password_login. */
  g_free (psql ("ALTER ROLE pwchair PASSWORD '" PASSWORD "'; GRANT password_login TO pwchair"));
  /* A Head of Service who does not chair, with a password (the trial's crash: pgapp2.md). */
  run (cli, "admin", "grant", "pwhead", "head-of-service", "--db", super, NULL);
  g_free (psql ("ALTER ROLE pwhead PASSWORD '" PASSWORD "'; GRANT password_login TO pwhead"));

  store = quorum_store_open (chair, &error);
  g_assert_no_error (error);
  g_assert_true (quorum_store_is_shared (store));
  conf_id = make_conference (store, "Kim Shared", &child_id);
  /* The minute-taker's: one view given, the other awaited. */
  open_conf_id = make_conference (store, "Lee Open", &open_child_id);
  vote.child_id = open_child_id;
  quorum_store_record_vote (store, open_conf_id, &vote, &error);
  g_assert_no_error (error);
  role_conf_id = make_conference (store, "Ray Roles", &role_child_id);
  anne_conf_id = make_conference (store, "Sam Handed", &anne_child_id);
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
  QuorumWindow *window;
  QuorumChildPanel *panel;
  QuorumVoteCard *card;
  QuorumReferralsPage *page;
  char command = 0;

  window = ui_test_app_window (hos->app);
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
      page = ui_test_show_referrals (window);
      hos->state = 3;
      break;
    case 3:
      page = QUORUM_REFERRALS_PAGE (ui_test_find_type (GTK_WIDGET (window), QUORUM_TYPE_REFERRALS_PAGE));
      if (quorum_referrals_page_get_loading (page))
        break;
      if (n_referrals (page) != 0)
        _exit (4);
      report ("loaded");
      hos->state = 4;
      break;
    case 4:  /* the split's referral listed here */
      page = QUORUM_REFERRALS_PAGE (ui_test_find_type (GTK_WIDGET (window), QUORUM_TYPE_REFERRALS_PAGE));
      if (n_referrals (page) != 1)
        break;
      report ("referral");
      hos->state = 5;
      break;
    case 5:  /* told to record the notification, as a Head of Service does it: a click */
      if (command != 'n')
        break;
      page = QUORUM_REFERRALS_PAGE (ui_test_find_type (GTK_WIDGET (window), QUORUM_TYPE_REFERRALS_PAGE));
      {
        QuorumReferralObject *item = g_list_model_get_item (quorum_referrals_page_get_model (page), 0);

        hos->state = 6;
        if (!quorum_referrals_page_select (page, quorum_referral_object_get_id (item)))
          _exit (5);
        g_object_unref (item);
        ui_test_iterate (300);
        if (!gtk_widget_get_visible (ui_test_template_child (page, QUORUM_TYPE_REFERRALS_PAGE, "notify_group")))
          _exit (6);
        gtk_editable_set_text (GTK_EDITABLE (ui_test_template_child (page, QUORUM_TYPE_REFERRALS_PAGE, "notify_date_entry")),
                               "2026-03-04");
        ui_test_raise_window (window);
        ui_test_click (ui_test_template_child (page, QUORUM_TYPE_REFERRALS_PAGE, "notify_button"), -1, -1);
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
  ui_test_raise_window (window);

  /* The chair clicks "Plan" for the police. */
  recorded_at = 0;
  g_signal_connect (quorum_vote_card_get_item (ui_test_card (window, child_id, CHAIR_GROUP)), "changed",
                    G_CALLBACK (item_changed_cb), &recorded_at);
  clicked_at = g_get_monotonic_time ();
  ui_test_click (ui_test_find_button (GTK_WIDGET (ui_test_card (window, child_id, CHAIR_GROUP)), GTK_TYPE_TOGGLE_BUTTON, "Plan"), -1, -1);
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
  ui_test_click (ui_test_find_button (GTK_WIDGET (ui_test_card (window, child_id, OTHER_GROUP)), GTK_TYPE_TOGGLE_BUTTON, "No plan"), -1, -1);
  ui_test_wait_until (vote_recorded, &(Recorded) { store, OTHER_GROUP }, 10000, "the second view to be recorded");

  /* The Head of Service opens the Referrals page: nothing yet. */
  tell_head_of_service ('r');
  wait_report ("loaded");

  /* The chair takes the decision (the button, then Enter on the confirmation). */
  {
    QuorumChildPanel *panel = quorum_conference_page_get_child_panel (quorum_window_get_conference_page (window), child_id);

    ui_test_raise_window (window);
    ui_test_click (ui_test_template_child (panel, QUORUM_TYPE_CHILD_PANEL, "decide_button"), -1, -1);
  }
  ui_test_wait_until (confirmation_shown, NULL, 10000, "the decision's confirmation");
  ui_test_raise_window (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  recorded_at = 0;
  {
    QuorumChildPanel *panel = quorum_conference_page_get_child_panel (quorum_window_get_conference_page (window), child_id);

    g_signal_connect (ui_test_template_child (panel, QUORUM_TYPE_CHILD_PANEL, "decision_stack"), "notify::visible-child-name",
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
  wait_psql ("SELECT count (*) FROM referral WHERE notified IS NOT NULL", "1");

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

static gboolean
identity_shown (gpointer data)
{
  GtkWidget *identity = ui_test_find_named (GTK_WIDGET (data), "identity");

  return identity != NULL && gtk_widget_get_mapped (identity);
}

/* The primary menu opened with a click, as a person does; its identity's labels. */
static GtkWidget *
open_primary_menu (QuorumWindow *window)
{
  GtkMenuButton *button = GTK_MENU_BUTTON (ui_test_template_child (window, QUORUM_TYPE_WINDOW, "primary_menu_button"));
  GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (button));

  ui_test_raise_window (window);
  ui_test_click (GTK_WIDGET (button), -1, -1);
  ui_test_wait_until (identity_shown, popover, 10000, "the primary menu");
  ui_test_iterate (200);
  return popover;
}

static gboolean
view_recorded_by_namedchair (gpointer data)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM vote WHERE child_id = %" G_GINT64_FORMAT
                                          " AND grp = '" CHAIR_GROUP "' AND recorded_by = 'namedchair'",
                                          *(gint64 *) data);
  g_autofree char *count = psql (sql);

  return g_strcmp0 (count, "1") == 0;
}

/* Trial 7: on a shared database the primary menu said the name kept in Preferences ("Rachel
 * O'Neill") while the server recorded every decision, sign-off and amendment under the login,
 * shown by the name an administrator gave it ("Nia Named"): two names for one person. The menu
 * now says whom the server records, and apart, the name kept that exports give. A view clicked
 * in that window is recorded as the login, whom the record shows as the menu said. */
static void
test_menu_says_who_the_server_records (void)
{
  g_autoptr(GSettings) settings = quorum_ui_settings_new ();
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(GError) error = NULL;
  QuorumWindow *window;
  GtkWidget *popover;
  GtkWidget *name;
  GtkWidget *exports;
  gint64 child;
  gint64 conf;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  g_settings_set_string (settings, "chair-name", "Rachel O'Neill");
  window = open_as ("namedchair", &store);
  popover = open_primary_menu (window);
  name = ui_test_find_named (popover, "identity-name");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (name)), ==, "Nia Named");
  exports = ui_test_find_named (popover, "identity-exports");
  g_assert_nonnull (exports);
  g_test_message ("menu: %s / %s / %s", gtk_label_get_text (GTK_LABEL (name)),
                  gtk_label_get_text (GTK_LABEL (ui_test_find_named (popover, "identity-where"))),
                  gtk_label_get_text (GTK_LABEL (exports)));
  g_assert_true (gtk_widget_get_visible (exports) && gtk_widget_get_mapped (exports));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (exports)), ==,
                   "Exports say “by Rachel O'Neill”, the name kept in Preferences");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (ui_test_find_named (popover, "identity-where"))),
                            "signed in as namedchair"));
  ui_test_screenshot (popover, "pg-primary-menu-who-the-server-records");
  ui_test_key ("Escape");
  ui_test_settle (200);

  /* What the window records is the login's, shown by the name the menu said. */
  conf = make_conference (store, "Lee Named", &child);
  g_assert_true (quorum_window_open_conference (window, conf, child));
  ui_test_iterate (400);
  {
    GtkWidget *plan = ui_test_find_button (GTK_WIDGET (ui_test_card (window, child, CHAIR_GROUP)), GTK_TYPE_TOGGLE_BUTTON, "Plan");

    ui_test_raise_window (window);
    ui_test_scroll_into_view (plan);
    ui_test_iterate (200);
    ui_test_click (plan, -1, -1);
    ui_test_wait_until (view_recorded_by_namedchair, &child, 10000, "the view recorded as namedchair");
  }
  {
    g_autofree char *shown = quorum_store_dup_person_name (store, "namedchair");

    g_assert_cmpstr (shown, ==, "Nia Named");
  }

  /* The kept name the same as the login's: one name, nothing said apart. No name kept: the
   * login's name, and exports name it too. */
  g_settings_set_string (settings, "chair-name", "Nia Named");
  ui_test_iterate (100);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (name)), ==, "Nia Named");
  g_assert_false (gtk_widget_get_visible (exports));
  g_settings_set_string (settings, "chair-name", "");
  ui_test_iterate (100);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (name)), ==, "Nia Named");
  g_assert_false (gtk_widget_get_visible (exports));

  g_settings_reset (settings, "chair-name");
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (100);
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
  g_assert_true (gtk_widget_get_visible (ui_test_template_child (panel, QUORUM_TYPE_CHILD_PANEL, "vote_section")));
  g_assert_false (gtk_widget_get_visible (ui_test_template_child (panel, QUORUM_TYPE_CHILD_PANEL, "decide_button")));
  g_assert_false (gtk_widget_get_visible (ui_test_template_child (panel, QUORUM_TYPE_CHILD_PANEL, "attempt_form")));
  g_assert_true (quorum_vote_card_get_read_only (ui_test_card (window, open_child_id, CHAIR_GROUP)));
  g_assert_true (quorum_vote_card_get_read_only (ui_test_card (window, open_child_id, OTHER_GROUP)));
  g_assert_cmpint (quorum_vote_card_get_shown_view (ui_test_card (window, open_child_id, CHAIR_GROUP)), ==, QUORUM_VIEW_PLAN);
  g_assert_false (gtk_widget_get_visible (ui_test_template_child (quorum_window_get_conference_page (window),
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
  QuorumReferralsPage *page = ui_test_show_referrals (window);

  ui_test_wait_until (ui_test_referrals_loaded, page, 10000, "the Referrals page");
  g_assert_true (quorum_referrals_page_select (page, the_referral (store)));
  ui_test_iterate (300);
  g_assert_false (gtk_widget_get_visible (ui_test_template_child (page, QUORUM_TYPE_REFERRALS_PAGE, "notify_group")));
  g_assert_false (gtk_widget_get_visible (ui_test_template_child (page, QUORUM_TYPE_REFERRALS_PAGE, "panel_group")));
  g_assert_false (gtk_widget_get_visible (ui_test_template_child (page, QUORUM_TYPE_REFERRALS_PAGE, "correct_group")));
  ui_test_screenshot (GTK_WIDGET (window), "pg-chair-referral");
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (100);
}

typedef struct
{
  QuorumStore *store;
  gint64       referral;
} Heard;

static gboolean
panel_heard (gpointer data)
{
  Heard *heard = data;
  g_autoptr(QuorumReferralRow) row = quorum_store_get_referral (heard->store, heard->referral, NULL);

  return row != NULL && g_date_valid (&row->panel_date);
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
  page = ui_test_show_referrals (window);
  ui_test_wait_until (ui_test_referrals_loaded, page, 10000, "the Referrals page");
  referral = the_referral (store);
  g_assert_true (quorum_referrals_page_select (page, referral));
  ui_test_iterate (300);
  g_assert_true (gtk_widget_get_visible (ui_test_template_child (page, QUORUM_TYPE_REFERRALS_PAGE, "panel_group")));
  g_assert_true (gtk_widget_get_visible (ui_test_template_child (page, QUORUM_TYPE_REFERRALS_PAGE, "correct_group")));
  ui_test_screenshot (GTK_WIDGET (window), "pg-head-of-service-referral");

  /* The panel was heard; its outcome confirms the plan. */
  gtk_editable_set_text (GTK_EDITABLE (ui_test_template_child (page, QUORUM_TYPE_REFERRALS_PAGE, "panel_date_entry")), "2026-03-20");
  adw_combo_row_set_selected (ADW_COMBO_ROW (ui_test_template_child (page, QUORUM_TYPE_REFERRALS_PAGE, "outcome_combo")), 1);
  ui_test_click (ui_test_template_child (page, QUORUM_TYPE_REFERRALS_PAGE, "panel_button"), -1, -1);
  /* The click reaches the app through the X server: the page may still show itself loaded from
   * before it, so what is waited for is the panel's hearing in the database. */
  ui_test_wait_until (panel_heard, &(Heard) { store, referral }, 10000, "the panel's hearing recorded");
  ui_test_wait_until (ui_test_referrals_loaded, page, 10000, "the Referrals page after the panel");
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

/* ---- what each role may do, tried as a person would ---- */

/* The text of every label under @root, one a line (a toast's among them). */
static void
labels_text (GtkWidget *root,
             GString   *out)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root))
    g_string_append_printf (out, "%s\n", gtk_label_get_label (GTK_LABEL (root)));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    labels_text (child, out);
}


/* What only a chair may do: views, attempts, the decision, attendees and their coming and going,
 * challenges, new conferences (the demo's too), sign-off and amendments. */
static const char * const chair_actions[] = {
  "conference.add-attendee", "conference.new-attendee", "conference.edit-attendee", "conference.proceed-inquorate",
  "conference.decide", "conference.sign-off", "conference.amend", "child.record-attempt", "child.record-vote",
  "child.decide", "record.arrive", "record.leave", "record.raise-challenge", "record.alert-challenge",
  "record.decide-challenge", "card.keep-theirs", "card.record-mine", "win.new-conference", "win.load-demo", NULL,
};
/* What only a Head of Service may do: the notification, the panel and their corrections. */
static const char * const head_of_service_actions[] = {
  "referrals.notify", "referrals.record-panel", "referrals.correct", NULL,
};
static const char * const vote_labels[] = { "Plan", "No plan", "Declined", NULL };

/* Every control on the screen under @root (mapped: shown, in the page shown, a popover's items
 * while it is open) that activates one of @actions, or is a view's button; one line each. */
static void
shown_controls (GtkWidget          *root,
                const char * const *actions,
                GString            *found)
{
  if (!gtk_widget_get_mapped (root))
    return;
  if (GTK_IS_ACTIONABLE (root) && gtk_actionable_get_action_name (GTK_ACTIONABLE (root)) != NULL &&
      g_strv_contains (actions, gtk_actionable_get_action_name (GTK_ACTIONABLE (root))))
    g_string_append_printf (found, "%s (%s)\n", gtk_actionable_get_action_name (GTK_ACTIONABLE (root)),
                            G_OBJECT_TYPE_NAME (root));
  else if (actions == chair_actions && GTK_IS_TOGGLE_BUTTON (root) &&
           g_strv_contains (vote_labels, gtk_button_get_label (GTK_BUTTON (root)) ?: ""))
    g_string_append_printf (found, "view button %s\n", gtk_button_get_label (GTK_BUTTON (root)));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    shown_controls (child, actions, found);
}

/* Fields on the screen under @root that take typing (a search aside). */
static void
shown_fields (GtkWidget *root,
              GString   *found)
{
  if (!gtk_widget_get_mapped (root) || GTK_IS_SEARCH_ENTRY (root))
    return;
  if ((GTK_IS_TEXT (root) && gtk_editable_get_editable (GTK_EDITABLE (root)) && gtk_widget_is_sensitive (root)) ||
      (GTK_IS_TEXT_VIEW (root) && gtk_text_view_get_editable (GTK_TEXT_VIEW (root)) && gtk_widget_is_sensitive (root)))
    {
      GtkWidget *named = root;

      while (named != NULL && *gtk_widget_get_name (named) != '\0' &&
             g_str_has_prefix (gtk_widget_get_name (named), "Gtk"))
        named = gtk_widget_get_parent (named);
      g_string_append_printf (found, "a field to type in (%s)\n", named != NULL ? gtk_widget_get_name (named) : "?");
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    shown_fields (child, found);
}

/* The first widget of @type on the screen under @root. */
static GtkWidget *
mapped_of_type (GtkWidget *root,
                GType      type)
{
  if (!gtk_widget_get_mapped (root))
    return NULL;
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = mapped_of_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A chair's menu items, as a person reads them. */
static const char * const chair_items[] = {
  "Add Attendee", "Take the Decision", "Sign Off…", "Amend…", "New Conference", "Load Demo Conferences", NULL,
};

/* The menus a person opens (the conference's, the window's main menu), each read while it is
 * open: the chair's items it shows are added to @found, every item to @items. */
static void
menus_show (QuorumWindow *window,
            GString      *found,
            GString      *items)
{
  GtkWidget *buttons[] = {
    ui_test_template_child (quorum_window_get_conference_page (window), QUORUM_TYPE_CONFERENCE_PAGE, "menu_button"),
    NULL,
  };

  /* The window's main menu: the header bar's menu button with the "open-menu" icon. */
  {
    GtkWidget *stack[64];
    int top = 0;

    stack[top++] = GTK_WIDGET (window);
    while (top > 0 && buttons[1] == NULL)
      {
        GtkWidget *w = stack[--top];

        if (GTK_IS_MENU_BUTTON (w) && g_strcmp0 (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (w)), "open-menu-symbolic") == 0)
          buttons[1] = w;
        for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL && top < 63; c = gtk_widget_get_next_sibling (c))
          stack[top++] = c;
      }
  }
  g_assert_nonnull (buttons[1]);

  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      g_autoptr(GString) shown = g_string_new (NULL);
      g_auto(GStrv) lines = NULL;
      GtkPopover *popover;

      ui_test_click (buttons[i], -1, -1);
      popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (buttons[i]));
      for (int tries = 0; tries < 50 && !gtk_widget_get_mapped (GTK_WIDGET (popover)); tries++)
        ui_test_iterate (50);
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (popover)));
      labels_text (GTK_WIDGET (popover), shown);
      g_string_append (items, shown->str);
      lines = g_strsplit (shown->str, "\n", -1);
      for (guint j = 0; lines[j] != NULL; j++)
        {
          g_autoptr(GString) plain = g_string_new (NULL);

          /* "_Take the Decision": the label as read, its mnemonic aside. */
          for (const char *c = lines[j]; *c != '\0'; c++)
            if (*c != '_')
              g_string_append_c (plain, *c);
          if (g_strv_contains (chair_items, plain->str))
            g_string_append_printf (found, "menu item %s\n", plain->str);
        }
      ui_test_key ("Escape");
      for (int tries = 0; tries < 50 && gtk_widget_get_mapped (GTK_WIDGET (popover)); tries++)
        ui_test_iterate (50);
    }
}

typedef struct
{
  double x, y;   /* in the window */
} Spot;

/* Where the view buttons of @group's card are in a chair's window of the same size, showing the
 * same conference: where a person who has seen a chair's screen would click. */
static Spot
vote_button_spot_in (gint64      conf,
                     gint64      child,
                     const char *group,
                     const char *label)
{
  g_autoptr(QuorumStore) store = NULL;
  g_autofree char *db = conninfo_for ("achair");
  g_autoptr(GError) error = NULL;
  QuorumWindow *window;
  GtkWidget *button;
  graphene_point_t in = GRAPHENE_POINT_INIT (4, 4);
  graphene_point_t out;

  store = quorum_store_open (db, &error);
  g_assert_no_error (error);
  window = ui_test_window_new (store, 1200, 900);
  g_assert_true (quorum_window_open_conference (window, conf, child));
  ui_test_iterate (300);
  button = ui_test_find_button (GTK_WIDGET (ui_test_card (window, child, group)), GTK_TYPE_TOGGLE_BUTTON, label);
  g_assert_true (gtk_widget_get_mapped (button));
  in.x = gtk_widget_get_width (button) / 2.0;
  in.y = gtk_widget_get_height (button) / 2.0;
  g_assert_true (gtk_widget_compute_point (button, GTK_WIDGET (window), &in, &out));
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (100);
  return (Spot) { out.x, out.y };
}

static Spot
vote_button_spot (const char *group,
                  const char *label)
{
  return vote_button_spot_in (role_conf_id, role_child_id, group, label);
}

static char *
audit_count (void)
{
  return psql ("SELECT count (*) || ' entries, ' || (SELECT count (*) FROM vote) || ' views, ' || "
               "(SELECT count (*) FROM decision) || ' decisions, ' || (SELECT count (*) FROM attendee) || ' attendees, ' || "
               "(SELECT count (*) FROM conference) || ' conferences, ' || (SELECT count (*) FROM referral_correction) || "
               "' corrections' FROM audit");
}

/* A role that does not vote tries it as a person would: clicks where a chair's view buttons are,
 * presses the conference's keys (Ctrl+D decides, Ctrl+Enter records a reason, Ctrl+T an attendee,
 * Ctrl+N a conference) with a field focused and with a card focused, opens the menus. Nothing is
 * recorded, and nothing the role may not use is on the screen, menus included. */
static void
try_to_record (const char *user)
{
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(GString) found = g_string_new (NULL);
  g_autoptr(GString) items = g_string_new (NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  Spot plan = vote_button_spot (CHAIR_GROUP, "Plan");
  Spot no_plan = vote_button_spot (OTHER_GROUP, "No plan");
  QuorumWindow *window = open_as (user, &store);
  static const char * const keys[] = { "ctrl+d", "ctrl+Return", "ctrl+t", "ctrl+n", "space", "Return", NULL };

  g_assert_cmpuint (quorum_store_get_roles (store, NULL) & QUORUM_STORE_ROLE_CHAIR, ==, 0);
  g_assert_true (quorum_window_open_conference (window, role_conf_id, role_child_id));
  ui_test_iterate (300);
  ui_test_raise_window (window);
  before = audit_count ();

  /* What the screen shows, with every menu opened. */
  shown_controls (GTK_WIDGET (window), chair_actions, found);
  shown_fields (ui_test_template_child (window, QUORUM_TYPE_WINDOW, "content_stack"), found);
  menus_show (window, found, items);
  g_test_message ("%s: shown that a chair alone may use: [%s]", user, found->str);
  g_assert_cmpstr (found->str, ==, "");
  g_assert_nonnull (strstr (items->str, "Dissent Record…"));
  /* The empty list does not invite them to create or load what they may not. */
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (ui_test_template_child (window, QUORUM_TYPE_WINDOW, "empty_status"))),
                   ==, "The conferences the chairs record will be listed here.");
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (ui_test_template_child (window, QUORUM_TYPE_WINDOW, "welcome_status"))),
                   ==, "Choose a conference from the list to read its record, print it or export it.");

  /* Clicks where a chair's "Plan" and "No plan" are. */
  ui_test_click (GTK_WIDGET (window), plan.x, plan.y);
  ui_test_click (GTK_WIDGET (window), no_plan.x, no_plan.y);

  /* The keys, the search field focused (a click in it), then a card focused (a click on it). */
  ui_test_click (mapped_of_type (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY), -1, -1);
  g_assert_true (GTK_IS_TEXT (gtk_root_get_focus (GTK_ROOT (window))));
  for (guint i = 0; keys[i] != NULL; i++)
    if (g_strcmp0 (keys[i], "Return") != 0)
      ui_test_key (keys[i]);
  ui_test_key ("Escape");
  ui_test_screenshot (GTK_WIDGET (window), "pg-roles-after-keys");
  g_test_message ("%s: after the keys: page %s, content %s, conference %lld, card mapped %d", user,
                  adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (ui_test_find_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK))),
                  gtk_stack_get_visible_child_name (GTK_STACK (ui_test_template_child (window, QUORUM_TYPE_WINDOW, "content_stack"))),
                  (long long) quorum_conference_page_get_conference_id (quorum_window_get_conference_page (window)),
                  gtk_widget_get_mapped (GTK_WIDGET (ui_test_card (window, role_child_id, OTHER_GROUP))));
  ui_test_click (GTK_WIDGET (ui_test_card (window, role_child_id, OTHER_GROUP)), -1, -1);
  for (guint i = 0; keys[i] != NULL; i++)
    ui_test_key (keys[i]);
  ui_test_settle (300);

  /* Nothing asked (no confirmation, no new conference) and nothing recorded. */
  g_assert_null (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_null (ui_test_find_toplevel (QUORUM_TYPE_NEW_CONFERENCE_DIALOG));
  after = audit_count ();
  g_test_message ("%s: before %s; after %s", user, before, after);
  g_assert_cmpstr (after, ==, before);
  g_string_truncate (found, 0);
  shown_controls (GTK_WIDGET (window), chair_actions, found);
  g_assert_cmpstr (found->str, ==, "");

  /* The Referrals page: the notification, panel and corrections are the Head of Service's. */
  if ((quorum_store_get_roles (store, NULL) & QUORUM_STORE_ROLE_HEAD_OF_SERVICE) == 0)
    {
      QuorumReferralsPage *page = ui_test_show_referrals (window);

      ui_test_wait_until (ui_test_referrals_loaded, page, 10000, "the Referrals page");
      g_assert_true (quorum_referrals_page_select (page, the_referral (store)));
      ui_test_iterate (300);
      g_string_truncate (found, 0);
      shown_controls (GTK_WIDGET (window), head_of_service_actions, found);
      g_assert_cmpstr (found->str, ==, "");
    }
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (100);
}

/* A minute-taker: no vote, decision, attendee or sign-off control; the keys, clicks and menus
 * record nothing. (What a minute-taker may do, export, is /ui/pg/minute-taker-reads-and-exports.) */
static void
test_minute_taker_tries_to_record (void)
{
  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }
  try_to_record ("mtaker");

  {
    g_autoptr(QuorumStore) store = NULL;
    QuorumWindow *window = open_as ("mtaker", &store);

    quorum_window_restore (window);
    ui_test_iterate (100);
    g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (ui_test_template_child (window, QUORUM_TYPE_WINDOW, "view_stack"))),
                     ==, "conferences");
    gtk_window_destroy (GTK_WINDOW (window));
    ui_test_iterate (100);
  }
}

/* A Head of Service: no vote or decision control either; corrections and the panel's outcome are
 * theirs, and a correction typed and clicked is recorded in their name. */
static void
test_head_of_service_tries_to_record (void)
{
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(GString) found = g_string_new (NULL);
  QuorumWindow *window;
  QuorumReferralsPage *page;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }
  try_to_record ("hservice");

  /* They start on the Referrals page, their work; a minute-taker on the conferences. */
  window = open_as ("hservice", &store);
  quorum_window_restore (window);
  ui_test_iterate (100);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (ui_test_template_child (window, QUORUM_TYPE_WINDOW, "view_stack"))),
                   ==, "referrals");
  page = ui_test_show_referrals (window);
  ui_test_wait_until (ui_test_referrals_loaded, page, 10000, "the Referrals page");
  g_assert_true (quorum_referrals_page_select (page, the_referral (store)));
  ui_test_iterate (300);
  shown_controls (GTK_WIDGET (window), head_of_service_actions, found);
  g_test_message ("hservice: shown on the referral: [%s]", found->str);
  g_assert_nonnull (strstr (found->str, "referrals.correct"));
  ui_test_raise_window (window);
  /* "Date sent to the Head of Service" is the first choice: the right date, and why. */
  ui_test_click (ui_test_template_child (page, QUORUM_TYPE_REFERRALS_PAGE, "correct_value_entry"), -1, -1);
  ui_test_type ("2026-03-05");
  ui_test_click (ui_test_template_child (page, QUORUM_TYPE_REFERRALS_PAGE, "correct_reason_entry"), -1, -1);
  ui_test_type ("Sent the day after, by secure email");
  ui_test_click (ui_test_template_child (page, QUORUM_TYPE_REFERRALS_PAGE, "correct_button"), -1, -1);
  wait_psql ("SELECT count (*) FROM referral_correction", "1");
  {
    g_autofree char *by = psql ("SELECT string_agg (\"user\", ',') FROM audit WHERE entity = 'referral_correction'");
    g_autofree char *notified = psql ("SELECT notified FROM referral");

    g_assert_cmpstr (by, ==, "hservice");
    g_assert_cmpstr (notified, ==, "2026-03-05");
  }
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (100);
}

/* A chair is shown the controls the others are not, and a click on a view records it. */
static void
test_chair_records_what_others_cannot (void)
{
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(GString) found = g_string_new (NULL);
  g_autoptr(GString) items = g_string_new (NULL);
  QuorumWindow *window;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }
  window = open_as ("achair", &store);
  g_assert_true (quorum_window_open_conference (window, role_conf_id, role_child_id));
  ui_test_iterate (300);
  ui_test_raise_window (window);
  shown_controls (GTK_WIDGET (window), chair_actions, found);
  menus_show (window, found, items);
  g_test_message ("achair: shown [%s]", found->str);
  g_assert_nonnull (strstr (found->str, "view button Plan"));
  g_assert_nonnull (strstr (found->str, "child.decide"));
  g_assert_nonnull (strstr (found->str, "conference.add-attendee"));
  g_assert_nonnull (strstr (found->str, "menu item Sign Off…"));
  g_assert_nonnull (strstr (found->str, "menu item Take the Decision"));
  /* The demo's invented children never go into the shared record, not even a chair's. */
  g_assert_null (strstr (found->str, "Load Demo Conferences"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "load-demo"));
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (ui_test_template_child (window, QUORUM_TYPE_WINDOW, "empty_status"))),
                   ==, "Create the first one.");
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (ui_test_template_child (window, QUORUM_TYPE_WINDOW, "welcome_status"))),
                           "or start a new one"));
  {
    g_autofree char *before = psql ("SELECT count (*) FROM conference");
    g_autofree char *after = NULL;

    g_autoptr(GError) error = NULL;

    gtk_widget_activate_action (GTK_WIDGET (window), "win.load-demo", NULL);
    ui_test_iterate (200);
    /* The store's caller is refused too, before anything is written (it was refused half way,
     * at the Head of Service's part, after four conferences had gone in). */
    g_assert_false (quorum_demo_load (store, NULL, NULL, &error));
    g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "nothing was written"));
    after = psql ("SELECT count (*) FROM conference");
    g_assert_cmpstr (after, ==, before);
  }
  g_assert_nonnull (strstr (found->str, "win.new-conference"));
  ui_test_click (ui_test_find_button (GTK_WIDGET (ui_test_card (window, role_child_id, CHAIR_GROUP)), GTK_TYPE_TOGGLE_BUTTON, "Plan"), -1, -1);
  wait_psql ("SELECT count (*) FROM vote v JOIN child c ON c.id = v.child_id WHERE c.name = 'Ray Roles'", "1");
  {
    g_autofree char *by = psql ("SELECT string_agg (a.\"user\", ',') FROM audit a JOIN vote v ON v.id = a.entity_id "
                                "JOIN child c ON c.id = v.child_id WHERE a.entity = 'vote' AND c.name = 'Ray Roles'");

    g_assert_cmpstr (by, ==, "achair");
  }
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (100);
}

/* ---- another chair's conference (schema 13, trial 5 D4) ---- */

static gboolean
owner_line_gone (gpointer data)
{
  QuorumWindow *window = data;
  GtkWidget *page = GTK_WIDGET (quorum_window_get_conference_page (window));

  return !gtk_revealer_get_reveal_child (GTK_REVEALER (ui_test_template_child (page, QUORUM_TYPE_CONFERENCE_PAGE,
                                                                                "owner_revealer")));
}

/* Bea, a chair, opens Anne's conference on the shared database: she reads it, with a plain line
 * saying whose it is and how to have it handed over, and none of the controls the server would
 * refuse her (views, the decision, attendees, their coming and going, sign-off), in the menus
 * neither; her clicks where Anne's view buttons are and the conference's keys record nothing.
 * Then the administrator hands it to her (quorum-cli, another process): within a second the line
 * goes, the controls come, and a view she clicks is recorded in her name. */
static void
test_another_chairs_conference_read_only (void)
{
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(GString) found = g_string_new (NULL);
  g_autoptr(GString) items = g_string_new (NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *conf_arg = g_strdup_printf ("%" G_GINT64_FORMAT, anne_conf_id);
  g_autofree char *admin = conninfo_for ("qadmin");
  g_autofree char *expected = NULL;
  static const char * const keys[] = { "ctrl+d", "ctrl+Return", "ctrl+t", "space", "Return", NULL };
  static const char * const refused[] = {
    "view button", "child.decide", "child.record-attempt", "conference.add-attendee", "conference.sign-off",
    "conference.proceed-inquorate", "record.arrive", "record.leave", "menu item Sign Off", "menu item Take the Decision",
    "menu item Add Attendee", NULL,
  };
  Spot plan;
  QuorumWindow *window;
  GtkWidget *page;
  GtkWidget *line;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }
  plan = vote_button_spot_in (anne_conf_id, anne_child_id, OTHER_GROUP, "Plan");
  window = open_as ("bchair", &store);
  g_assert_cmpuint (quorum_store_get_roles (store, NULL) & QUORUM_STORE_ROLE_CHAIR, !=, 0);
  g_assert_true (quorum_window_open_conference (window, anne_conf_id, anne_child_id));
  ui_test_iterate (300);
  ui_test_raise_window (window);
  page = GTK_WIDGET (quorum_window_get_conference_page (window));

  /* The line: whose conference, and how it is handed over. */
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (ui_test_template_child (page, QUORUM_TYPE_CONFERENCE_PAGE,
                                                                                     "owner_revealer"))));
  line = ui_test_template_child (page, QUORUM_TYPE_CONFERENCE_PAGE, "owner_label");
  g_assert_true (gtk_widget_get_mapped (line));
  expected = g_strdup_printf ("This conference is chaired by Anne Chair (achair): only its chair records in it, signs it "
                              "off or amends it, so you can read it here but not change it. If it should be yours, ask "
                              "a Quorum administrator to hand it to you (quorum-cli conference handover %lld --to bchair).",
                              (long long) anne_conf_id);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (line)), ==, expected);
  ui_test_screenshot (GTK_WIDGET (window), "pg-another-chairs-conference");

  /* No control the server would refuse her, menus opened. */
  shown_controls (GTK_WIDGET (window), chair_actions, found);
  menus_show (window, found, items);
  g_test_message ("bchair on Anne's conference: shown [%s]", found->str);
  for (guint i = 0; refused[i] != NULL; i++)
    g_assert_null (strstr (found->str, refused[i]));
  g_assert_nonnull (strstr (items->str, "Dissent Record…"));

  /* She tries anyway: where Anne's "Plan" is, then the keys on a card. Nothing is recorded. */
  before = audit_count ();
  ui_test_click (GTK_WIDGET (window), plan.x, plan.y);
  ui_test_click (GTK_WIDGET (ui_test_card (window, anne_child_id, OTHER_GROUP)), -1, -1);
  for (guint i = 0; keys[i] != NULL; i++)
    ui_test_key (keys[i]);
  ui_test_settle (300);
  g_assert_null (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  after = audit_count ();
  g_assert_cmpstr (after, ==, before);

  /* The administrator hands it to her: the window follows, live. */
  {
    const char * const argv[] = { g_getenv ("QUORUM_CLI"), "--db", admin, "conference", "handover", conf_arg,
                                  "--to", "bchair", "--reason", "Anne is on leave", NULL };

    g_free (ui_test_spawn (argv));
  }
  ui_test_wait_until (owner_line_gone, window, 10000, "the line to go once the conference is hers");
  ui_test_iterate (300);
  g_string_truncate (found, 0);
  shown_controls (GTK_WIDGET (window), chair_actions, found);
  g_assert_nonnull (strstr (found->str, "view button Plan"));
  g_assert_nonnull (strstr (found->str, "child.decide"));
  ui_test_screenshot (GTK_WIDGET (window), "pg-handed-over");
  /* Whatever her keys opened before (a popover takes the next click to close) is closed. */
  ui_test_key ("Escape");
  ui_test_raise_window (window);
  ui_test_settle (200);
  ui_test_click (ui_test_find_button (GTK_WIDGET (ui_test_card (window, anne_child_id, CHAIR_GROUP)), GTK_TYPE_TOGGLE_BUTTON,
                                      "Plan"), -1, -1);
  wait_psql ("SELECT count (*) FROM vote v JOIN child c ON c.id = v.child_id WHERE c.name = 'Sam Handed'", "1");
  {
    g_autofree char *by = psql ("SELECT v.grp || ' ' || v.recorded_by FROM vote v JOIN child c ON c.id = v.child_id "
                                "WHERE c.name = 'Sam Handed'");

    g_assert_cmpstr (by, ==, CHAIR_GROUP " bchair");
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
  gboolean           from_settings;  /* no --db: the location is the preferences' */
  const char        *login;          /* NULL: pwchair */
  char              *page;           /* the page shown once opened */
  gboolean           focus_in_page;  /* the keyboard's focus is in it */
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

static gboolean
closed_shown (gpointer data)
{
  GtkWindow *closed = ui_test_find_toplevel (QUORUM_TYPE_CLOSED_WINDOW);

  return closed != NULL && ui_test_is_drawn (closed);
}

static gboolean
main_window_shown (gpointer data)
{
  QuorumWindow *window = ui_test_app_window (GTK_APPLICATION (data));

  return window != NULL && ui_test_is_drawn (window);
}

static void
type_password (const char *password)
{
  GtkWindow *dialog = ui_test_find_toplevel (QUORUM_TYPE_PASSWORD_DIALOG);
  GtkWidget *entry = ui_test_find_named (GTK_WIDGET (dialog), "password-entry");

  ui_test_raise_window (dialog);
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
      g_assert_null (ui_test_app_window (GTK_APPLICATION (run->app)));
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
      g_assert_null (ui_test_app_window (GTK_APPLICATION (run->app)));
      ui_test_screenshot (GTK_WIDGET (ui_test_find_toplevel (QUORUM_TYPE_PASSWORD_DIALOG)), "pg-password-refused");
      break;
    case RUN_REMEMBER:
      g_assert_null (run->problem);
      g_assert_true (run->keyring_available);
      ui_test_raise_window (dialog);
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
  run->user = g_strdup (quorum_store_get_user (quorum_window_get_store (ui_test_app_window (GTK_APPLICATION (run->app)))));
  {
    QuorumWindow *window = ui_test_app_window (GTK_APPLICATION (run->app));
    AdwViewStack *stack = ADW_VIEW_STACK (ui_test_template_child (window, QUORUM_TYPE_WINDOW, "view_stack"));
    GtkWidget *shown;
    GtkWidget *focus;

    /* A few frames: what a person sees once the window is up. */
    ui_test_iterate (300);
    shown = adw_view_stack_get_visible_child (stack);
    focus = gtk_root_get_focus (GTK_ROOT (window));
    run->page = g_strdup (adw_view_stack_get_visible_child_name (stack));
    run->focus_in_page = shown != NULL && focus != NULL && gtk_widget_is_ancestor (focus, shown);
  }
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
  g_autofree char *db = g_strdup_printf ("%s user=%s", tcp, run->login != NULL ? run->login : "pwchair");
  char *argv[] = { "quorum", "--size", "900x700", "--db", db, NULL };
  int status;

  run->app = quorum_application_new ();
  if (run->from_settings)
    g_application_set_flags (G_APPLICATION (run->app),
                             g_application_get_flags (G_APPLICATION (run->app)) | G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (run->app, "activate", G_CALLBACK (password_activate_cb), run);
  status = g_application_run (G_APPLICATION (run->app), G_N_ELEMENTS (argv) - (run->from_settings ? 3 : 1), argv);
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

/* A Head of Service who does not chair types her password: the window opens on the referrals
 * with the keyboard in them. It crashed here in trial 5 (3 of 3 under load): the start-up's
 * "show the referrals" focused the page's stand-in, freed as the real pages were built. A
 * wrong password first, then the right one, three times over. */
static void
test_password_head_of_service (void)
{
  if (!ui_test_have_xdotool () || g_getenv ("QUORUM_PG_TCP") == NULL)
    {
      g_test_skip ("xdotool, X11 or the cluster's TCP listener (PG_CLUSTER_TCP=1) is missing");
      return;
    }
  g_setenv ("QUORUM_NO_KEYRING", "1", TRUE);
  for (int i = 0; i < 3; i++)
    {
      PasswordRun run = { .mode = i == 1 ? RUN_PLAIN : RUN_REFUSED, .password = PASSWORD, .login = "pwhead" };

      run_password_app (&run);
      g_test_message ("run %d: %s, page %s, focus in it: %d", i, run.user, run.page, run.focus_in_page);
      g_assert_cmpstr (run.user, ==, "pwhead");
      g_assert_cmpstr (run.page, ==, "referrals");
      g_assert_true (run.focus_in_page);
      g_free (run.keyring_text);
      g_free (run.problem);
      g_free (run.user);
      g_free (run.page);
    }
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

static gboolean
setting_is (gpointer data)
{
  g_autoptr(GSettings) settings = quorum_ui_settings_new ();
  g_autofree char *value = g_settings_get_string (settings, "database");

  return g_strcmp0 (value, data) == 0;
}

/* A password typed into the Shared Record's location (postgresql://user:secret@host/db) is never
 * saved in the settings: the location is saved without it, when applied (Enter), and the password
 * goes to the keyring, from where the next start opens the database without asking. Without a
 * keyring the password is not kept anywhere, and the window says Quorum will ask for it. */
static void
test_preferences_password_kept_out (void)
{
  g_autoptr(GSettings) settings = quorum_ui_settings_new ();
  g_autofree char *saved_env = g_strdup (g_getenv ("QUORUM_DB"));
  g_autofree char *host = NULL;
  g_autofree char *port = NULL;
  g_autofree char *dbname = NULL;
  g_autofree char *user = NULL;
  g_autofree char *typed = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *tcp = NULL;
  g_autofree char *value = NULL;
  g_autoptr(GString) shown = g_string_new (NULL);
  gboolean keyring = keyring_pid != 0;
  QuorumPreferencesWindow *prefs;
  GtkWidget *row;

  if (!ui_test_have_xdotool () || g_getenv ("QUORUM_PG_TCP") == NULL || settings == NULL)
    {
      g_test_skip ("xdotool, X11, the settings schema or the cluster's TCP listener (PG_CLUSTER_TCP=1) is missing");
      return;
    }
  tcp = g_strdup_printf ("%s user=pwchair", g_getenv ("QUORUM_PG_TCP"));
  g_assert_true (quorum_store_describe_server (tcp, &host, &port, &dbname, &user));
  /* The password has spaces: in a URI they are %20. */
  typed = g_strdup_printf ("postgresql://pwchair:correct%%20horse%%20battery@%s:%s/%s", host, port, dbname);
  expected = g_strdup_printf ("postgresql://pwchair@%s:%s/%s", host, port, dbname);
  if (keyring)
    g_unsetenv ("QUORUM_NO_KEYRING");
  g_settings_reset (settings, "database");

  prefs = quorum_preferences_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (prefs), 700, 560);
  gtk_window_present (GTK_WINDOW (prefs));
  ui_test_wait_until (ui_test_is_drawn, prefs, 10000, "the preferences");
  ui_test_iterate (200);
  ui_test_raise_window (prefs);
  row = ui_test_find_named (GTK_WIDGET (prefs), "database-row");
  ui_test_click (row, -1, -1);
  ui_test_type (typed);
  /* Typed, not applied: nothing of it is in the settings yet (the row saved as it was typed). */
  value = g_settings_get_string (settings, "database");
  g_assert_cmpstr (value, ==, "");
  ui_test_key ("Return");
  ui_test_wait_until (setting_is, expected, 10000, "the location saved without its password");
  g_clear_pointer (&value, g_free);
  value = g_settings_get_string (settings, "database");
  g_assert_null (strstr (value, "horse"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, expected);
  /* Saved as shown: nothing is left to apply. */
  {
    GtkWidget *apply = ui_test_find_type (row, GTK_TYPE_BUTTON);

    g_assert_true (apply == NULL || !gtk_widget_get_mapped (apply));
  }

  /* The window says where the password went. */
  for (int i = 0; i < 100 && strstr (shown->str, "The password ") == NULL; i++)
    {
      ui_test_iterate (100);
      g_string_truncate (shown, 0);
      labels_text (GTK_WIDGET (prefs), shown);
    }
  g_test_message ("the preferences say: %s", shown->str);
  g_assert_nonnull (strstr (shown->str, keyring ? "The password went to the keyring, not the settings" : "The password was not saved: Quorum will ask for it"));
  ui_test_screenshot (GTK_WIDGET (prefs), "pg-preferences-password");
  gtk_window_destroy (GTK_WINDOW (prefs));
  ui_test_iterate (100);

  if (keyring)
    {
      g_autofree char *kept = quorum_password_lookup_saved (host, port, dbname, user);
      PasswordRun run = { .mode = RUN_STORED, .from_settings = TRUE };

      g_assert_cmpstr (kept, ==, PASSWORD);
      /* The next start, from the settings alone: opened as pwchair, no password asked. */
      g_unsetenv ("QUORUM_DB");
      run_password_app (&run);
      g_assert_false (run.dialog_seen);
      g_assert_cmpstr (run.user, ==, "pwchair");
      g_free (run.user);
      quorum_password_forget (host, port, dbname, user);

      /* A setting an earlier version saved with the password in it: the app opens with it once,
       * moves the password to the keyring and takes it out of the setting. */
      {
        PasswordRun again = { .mode = RUN_STORED, .from_settings = TRUE };
        g_autofree char *moved = NULL;

        g_settings_set_string (settings, "database", typed);
        run_password_app (&again);
        g_assert_false (again.dialog_seen);
        g_assert_cmpstr (again.user, ==, "pwchair");
        g_free (again.user);
        g_assert_true (setting_is (expected));
        for (int i = 0; i < 50 && moved == NULL; i++)
          {
            moved = quorum_password_lookup_saved (host, port, dbname, user);
            if (moved == NULL)
              ui_test_iterate (100);
          }
        g_assert_cmpstr (moved, ==, PASSWORD);
        quorum_password_forget (host, port, dbname, user);
      }
    }
  if (saved_env != NULL)
    g_setenv ("QUORUM_DB", saved_env, TRUE);
  g_settings_reset (settings, "database");
  g_setenv ("QUORUM_NO_KEYRING", "1", TRUE);
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
  window = ui_test_app_window (GTK_APPLICATION (run->app));
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
  g_test_add_func ("/ui/pg/minute-taker-tries-to-record", test_minute_taker_tries_to_record);
  g_test_add_func ("/ui/pg/head-of-service-tries-to-record", test_head_of_service_tries_to_record);
  g_test_add_func ("/ui/pg/chair-records-what-others-cannot", test_chair_records_what_others_cannot);
  g_test_add_func ("/ui/pg/menu-says-who-the-server-records", test_menu_says_who_the_server_records);
  g_test_add_func ("/ui/pg/another-chairs-conference-read-only", test_another_chairs_conference_read_only);
  g_test_add_func ("/ui/pg/preferences-location", test_preferences_location);
  g_test_add_func ("/ui/pg/password-asked-and-refused", test_password_asked_and_refused);
  g_test_add_func ("/ui/pg/password-kept-in-keyring", test_password_kept_in_keyring);
  g_test_add_func ("/ui/pg/password-cancelled", test_password_cancelled);
  g_test_add_func ("/ui/pg/password-head-of-service", test_password_head_of_service);
  g_test_add_func ("/ui/pg/preferences-password-kept-out", test_preferences_password_kept_out);
  status = g_test_run ();
  stop_keyring ();
  if (hos_pid > 0)
    {
      kill (hos_pid, SIGTERM);
      waitpid (hos_pid, NULL, 0);
    }
  return status;
}
