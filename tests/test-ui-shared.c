/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-shared.c: two apps on one record are live (issue 12, "Live"). A watching window
 * (this process) shows a conference while a half-typed reason waits in one of its vote cards;
 * another `quorum` app (QuorumApplication, as main.c runs it, forked with --db and --open)
 * records a view; quorum-cli records the other view and takes the split decision. Without any
 * refresh the watching window shows the first view within a second, keeps the words being
 * typed, and its open Referrals page shows the split's referral within a second.
 *
 * The record is a SQLite file here: the store watches the file's data_version
 * (quorum_store_watch). On PostgreSQL the same watch is LISTEN/NOTIFY on the schema's
 * channels: tests/test-ui-pg.c runs two apps as two people against a server. */

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test-ui-common.h"
#include "ui/quorum-application.h"
#include "ui/quorum-referrals-page.h"
#include "ui/quorum-text-field.h"

#define WRITER_GROUP  "Police"
#define WATCH_GROUP   "Health"
#define HALF_TYPED    "Health visitor saw the baby twice; not yet"
/* A change shows within a second; under sanitizers (every allocation unwound) within the
 * timeout multiplier's seconds. */
#define LIVE_MS       ui_test_live_ms ()

static char *db_path;
static gint64 conf_id;
static gint64 child_id;
static pid_t writer_pid;
static int writer_go_fd = -1;     /* the test writes a byte: start the other app */
static int writer_done_fd = -1;   /* the other app writes a byte: its view is recorded */

static void
prepare_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = quorum_store_open (db_path, &error);
  g_autoptr(QuorumConference) conference = NULL;
  static const char * const children[] = { "Kim Test", NULL };
  static const char * const groups[] = { WRITER_GROUP, WATCH_GROUP, NULL };
  QuorumConferenceSpec spec = {
    .kind = QUORUM_KIND_INITIAL, .chair = "Jo Chair", .profile_id = "bolton", .children = children,
  };
  QuorumAttemptSpec attempt = { 0 };

  g_assert_no_error (error);
  g_date_set_dmy (&spec.date, 2, G_DATE_MARCH, 2026);
  conf_id = quorum_store_create_conference (store, &spec, &error);
  g_assert_no_error (error);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      QuorumAttendeeSpec attendee = {
        .name = groups[i], .agency = groups[i], .line_management = groups[i], .voting = TRUE,
      };
      quorum_store_add_attendee (store, conf_id, &attendee, &error);
      g_assert_no_error (error);
    }
  {
    /* Quorate: children's social care is there (not voting here). */
    QuorumAttendeeSpec social = {
      .name = "Sam Social", .agency = "Children's Social Care", .line_management = "Children's Social Care",
      .voting = FALSE,
    };
    quorum_store_add_attendee (store, conf_id, &social, &error);
    g_assert_no_error (error);
  }
  conference = quorum_store_load_conference (store, conf_id, &error);
  g_assert_no_error (error);
  child_id = ((QuorumChild *) g_ptr_array_index (conference->children, 0))->id;
  attempt.child_id = child_id;
  attempt.summary = "No agreement";
  quorum_store_add_attempt (store, conf_id, &attempt, &error);
  g_assert_no_error (error);
}

/* ---- the other app ---- */

typedef struct
{
  GtkApplication *app;
  int             fd;
  gboolean        voted;
} Writer;

static gboolean
writer_drive_cb (gpointer user_data)
{
  Writer *writer = user_data;
  QuorumWindow *window = NULL;
  QuorumChildPanel *panel;
  QuorumVoteCard *card;

  for (GList *iter = gtk_application_get_windows (writer->app); iter; iter = iter->next)
    if (QUORUM_IS_WINDOW (iter->data))
      window = iter->data;
  if (window == NULL || !gtk_widget_get_mapped (GTK_WIDGET (window)))
    return G_SOURCE_CONTINUE;
  panel = quorum_conference_page_get_child_panel (quorum_window_get_conference_page (window), child_id);
  card = panel != NULL ? quorum_child_panel_get_card (panel, WRITER_GROUP) : NULL;
  if (card == NULL)
    return G_SOURCE_CONTINUE;

  if (!writer->voted)
    {
      quorum_vote_card_enter_reason (card, "Bruising unexplained");
      quorum_vote_card_choose (card, QUORUM_VIEW_PLAN);
      writer->voted = TRUE;
      return G_SOURCE_CONTINUE;
    }
  if (quorum_vote_card_get_shown_view (card) == QUORUM_VIEW_PLAN &&
      quorum_group_item_get_recorded_at (quorum_vote_card_get_item (card)) != NULL)
    {
      /* Recorded: tell the test, then wait to be stopped. */
      if (write (writer->fd, "1", 1) != 1)
        _exit (3);
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
writer_activate_cb (GApplication *app,
                    Writer       *writer)
{
  g_timeout_add (50, writer_drive_cb, writer);
}

static G_NORETURN void
run_writer (int fd)
{
  g_autofree char *open_arg = g_strdup_printf ("%" G_GINT64_FORMAT, conf_id);
  char *argv[] = { "quorum", "--db", db_path, "--open", open_arg, NULL };
  QuorumApplication *app = quorum_application_new ();
  Writer writer = { GTK_APPLICATION (app), fd, FALSE };

  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (writer_activate_cb), &writer);
  _exit (g_application_run (G_APPLICATION (app), G_N_ELEMENTS (argv) - 1, argv));
}

/* ---- the watching window ---- */

typedef struct
{
  QuorumWindow *window;
  QuorumView     view;
  const char   *group;
} ShownView;

static gboolean
view_shown (gpointer data)
{
  ShownView *shown = data;
  QuorumChildPanel *panel = quorum_conference_page_get_child_panel (quorum_window_get_conference_page (shown->window), child_id);
  QuorumVoteCard *card = panel != NULL ? quorum_child_panel_get_card (panel, shown->group) : NULL;

  return card != NULL && quorum_vote_card_get_shown_view (card) == shown->view;
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

static gboolean
referral_listed (gpointer data)
{
  QuorumReferralsPage *page = data;

  return !quorum_referrals_page_get_loading (page) &&
         g_list_model_get_n_items (quorum_referrals_page_get_model (page)) == 1;
}

static gboolean
referrals_loaded (gpointer data)
{
  return !quorum_referrals_page_get_loading (QUORUM_REFERRALS_PAGE (data));
}

static char *
cli (const char *first, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;
  int status = 0;

  g_ptr_array_add (argv, (char *) g_getenv ("QUORUM_CLI"));
  g_ptr_array_add (argv, "--db");
  g_ptr_array_add (argv, db_path);
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("quorum-cli failed: %s%s", out, err);
  return g_steal_pointer (&out);
}

static gint64
elapsed_ms (gint64 since)
{
  return (g_get_monotonic_time () - since) / 1000;
}

static void
test_two_apps_live (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = NULL;
  g_autofree char *conf_arg = g_strdup_printf ("%" G_GINT64_FORMAT, conf_id);
  g_autofree char *child_arg = g_strdup_printf ("%" G_GINT64_FORMAT, child_id);
  g_autofree char *typed = NULL;
  QuorumWindow *window;
  QuorumVoteCard *card;
  QuorumReferralsPage *referrals;
  ShownView shown;
  struct pollfd pfd;
  char byte = 0;
  gint64 start;

  store = quorum_store_open (db_path, &error);
  g_assert_no_error (error);
  window = ui_test_window_new (store, 1200, 900);
  g_assert_true (quorum_window_open_conference (window, conf_id, child_id));
  ui_test_iterate (300);

  /* Half a reason, no view yet: words on the screen only. */
  card = ui_test_card (window, child_id, WATCH_GROUP);
  quorum_vote_card_type_reason (card, HALF_TYPED);
  ui_test_iterate (100);

  /* The other app starts and records its view. */
  g_assert_cmpint (write (writer_go_fd, "1", 1), ==, 1);
  pfd.fd = writer_done_fd;
  pfd.events = POLLIN;
  /* Wait for it while this window keeps running its main loop. */
  for (int waited = 0; ; waited += 50)
    {
      if (poll (&pfd, 1, 0) == 1)
        break;
      if (waited > 60000)
        {
          kill (writer_pid, SIGKILL);
          waitpid (writer_pid, NULL, 0);
          g_error ("The other app never recorded its view");
        }
      ui_test_iterate (50);
    }
  start = g_get_monotonic_time ();
  g_assert_cmpint (read (writer_done_fd, &byte, 1), ==, 1);

  shown = (ShownView) { window, QUORUM_VIEW_PLAN, WRITER_GROUP };
  ui_test_wait_until (view_shown, &shown, 10000, "the other app's view to show here");
  g_test_message ("A view recorded by the other app showed here after %lld ms", (long long) elapsed_ms (start));
  g_assert_cmpint (elapsed_ms (start), <=, LIVE_MS);

  kill (writer_pid, SIGTERM);
  waitpid (writer_pid, NULL, 0);

  /* The half-typed reason survived the reload, and nothing of it was recorded. */
  card = ui_test_card (window, child_id, WATCH_GROUP);
  typed = quorum_text_field_get_text (quorum_vote_card_get_reason_field (card));
  g_assert_cmpstr (typed, ==, HALF_TYPED);
  g_assert_cmpint (quorum_vote_card_get_shown_view (card), ==, QUORUM_VIEW_NONE);
  {
    g_autoptr(QuorumConference) conference = ui_test_load (store, conf_id);

    g_assert_null (quorum_conference_find_vote (conference, child_id, WATCH_GROUP));
    g_assert_nonnull (quorum_conference_find_vote (conference, child_id, WRITER_GROUP));
  }

  /* The CLI gives the other view: an equal split, shown here as well. */
  start = g_get_monotonic_time ();
  g_free (cli ("vote", conf_arg, "--child", child_arg, "--group", WATCH_GROUP, "--view", "no-plan",
       "--reason", "Seen twice, no concerns", NULL));
  shown = (ShownView) { window, QUORUM_VIEW_NO_PLAN, WATCH_GROUP };
  ui_test_wait_until (view_shown, &shown, 10000, "the CLI's view to show here");
  g_test_message ("A view recorded by quorum-cli showed here %lld ms after it exited", (long long) elapsed_ms (start));

  /* The Referrals page open, then the split's decision taken elsewhere: its referral appears. */
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (find_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK)), "referrals");
  ui_test_iterate (200);
  referrals = QUORUM_REFERRALS_PAGE (find_type (GTK_WIDGET (window), QUORUM_TYPE_REFERRALS_PAGE));
  g_assert_nonnull (referrals);
  ui_test_wait_until (referrals_loaded, referrals, 10000, "the Referrals page to load");
  g_assert_cmpuint (g_list_model_get_n_items (quorum_referrals_page_get_model (referrals)), ==, 0);

  g_free (cli ("conference", "proceed", conf_arg, "--reason", "Social worker off sick; the manager agreed by phone", NULL));
  ui_test_iterate (LIVE_MS);
  {
    g_autofree char *outcome = cli ("decide", conf_arg, "--child", child_arg, NULL);

    g_test_message ("%s", outcome);
  }
  start = g_get_monotonic_time ();
  for (int i = 0; i < 50 * ui_test_timeout_scale () && !referral_listed (referrals); i++)
    ui_test_iterate (100);
  /* This failed before the store stopped closing descriptors of an open database: the page's
   * loader opened (and closed) one of its own, which dropped the app's POSIX locks on the file,
   * so quorum-cli took itself for the last connection and deleted the -wal and -shm under the
   * app ("database disk image is malformed"). */
  g_assert_true (referral_listed (referrals));
  g_test_message ("The split's referral was listed here %lld ms after quorum-cli exited", (long long) elapsed_ms (start));
  g_assert_cmpint (elapsed_ms (start), <=, LIVE_MS);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Working offline is honest: the window says plainly that the server cannot be reached and
 * that nothing is being recorded. (The state is set here by hand: a SQLite file is never
 * unreachable; on PostgreSQL a store call failing UNAVAILABLE sets it, and the watch's
 * reconnection or a successful SELECT 1 every 2 s clears it.) */
static void
test_offline_message (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = quorum_store_open (db_path, &error);
  QuorumWindow *window;
  GtkInfoBar *bar;

  g_assert_no_error (error);
  window = ui_test_window_new (store, 1100, 760);
  g_assert_true (quorum_window_open_conference (window, conf_id, child_id));
  bar = GTK_INFO_BAR (find_type (GTK_WIDGET (window), GTK_TYPE_INFO_BAR));
  g_assert_nonnull (bar);
  g_assert_false (gtk_info_bar_get_revealed (bar));
  /* A SQLite file is reachable: no failure makes the window say otherwise. */
  quorum_window_check_store_failure (window);
  g_assert_false (quorum_window_get_offline (window));

  quorum_window_set_offline (window, TRUE);
  g_assert_true (gtk_info_bar_get_revealed (bar));
  ui_test_screenshot (GTK_WIDGET (window), "offline");
  /* Asked again every 2 s: the file answers, and the message goes. */
  for (int i = 0; i < 40 && quorum_window_get_offline (window); i++)
    ui_test_iterate (100);
  g_assert_false (quorum_window_get_offline (window));
  g_assert_false (gtk_info_bar_get_revealed (bar));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int go[2];
  int done[2];

  db_path = ui_test_db_path ();
  prepare_database ();

  /* The other app is forked before GTK starts here (it starts its own), and waits to be told. */
  g_assert_cmpint (pipe (go), ==, 0);
  g_assert_cmpint (pipe (done), ==, 0);
  writer_pid = fork ();
  g_assert_cmpint (writer_pid, >=, 0);
  if (writer_pid == 0)
    {
      char byte;

      close (go[1]);
      close (done[0]);
      if (read (go[0], &byte, 1) != 1)
        _exit (0);
      run_writer (done[1]);
    }
  close (go[0]);
  close (done[1]);
  writer_go_fd = go[1];
  writer_done_fd = done[0];

  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/shared/two-apps-live", test_two_apps_live);
  g_test_add_func ("/ui/shared/offline-message", test_offline_message);
  return g_test_run ();
}
