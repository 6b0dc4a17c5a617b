/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-kill.c: nothing the screen showed as recorded is lost. The app (QuorumApplication,
 * the code main.c runs, with --db and --open) is forked, a view is given on a vote card, the
 * process is killed with SIGKILL the moment the card shows it recorded, and the record and a
 * new window both show the vote. Also: a new window returns to the last conference and child. */

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test-ui-common.h"
#include "ui/quorum-application.h"
#include "ui/quorum-draft.h"

#define GROUP  "Police"
#define REASON "No offence identified; support as a child in need is enough"

typedef struct
{
  GtkApplication *app;
  gint64          child_id;
  int             fd;
  gboolean        voted;
  gboolean        drafting;   /* types an attempt and a reason, records nothing */
} Driver;

#define DRAFT_PROPOSAL "A plan under the category of neglect"
#define DRAFT_SUMMARY  "School and health see missed appointments; police see none"
#define DRAFT_REASON   "The family engaged with early help"

static gint64 conf_id;
static gint64 child_id;
static gint64 second_child_id;
static char *db_path;

static void
prepare_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = quorum_store_open (db_path, &error);
  g_autoptr(QuorumConference) conference = NULL;
  static const char * const children[] = { "Kim Test", "Lee Test", NULL };
  QuorumConferenceSpec spec = {
    .kind = QUORUM_KIND_INITIAL, .chair = "Jo Chair", .profile_id = "bolton", .children = children,
  };
  static const char * const groups[] = { "Children's Social Care", "Police", "NHS Trust", NULL };
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

  conference = quorum_store_load_conference (store, conf_id, &error);
  g_assert_no_error (error);
  child_id = ((QuorumChild *) g_ptr_array_index (conference->children, 0))->id;
  second_child_id = ((QuorumChild *) g_ptr_array_index (conference->children, 1))->id;

  attempt.child_id = child_id;
  attempt.summary = "No agreement";
  quorum_store_add_attempt (store, conf_id, &attempt, &error);
  g_assert_no_error (error);
  attempt.child_id = second_child_id;
  quorum_store_add_attempt (store, conf_id, &attempt, &error);
  g_assert_no_error (error);
}

/* Waits (a minute at most) for the forked app's byte on @fd, saying it is ready; without it the
 * app is killed and the test fails, saying @what never came. */
static void
wait_ready (pid_t       pid,
            int         fd,
            const char *what)
{
  struct pollfd pfd = { fd, POLLIN, 0 };
  char byte = 0;

  if (poll (&pfd, 1, 60000) != 1 || read (fd, &byte, 1) != 1)
    {
      kill (pid, SIGKILL);
      waitpid (pid, NULL, 0);
      g_error ("%s", what);
    }
  close (fd);
}

/* In the forked app: once the window is up, give the view as the chair clicks it, and tell
 * the test the moment the card shows it recorded. */
static gboolean
drive_cb (gpointer user_data)
{
  Driver *driver = user_data;
  QuorumWindow *window = NULL;
  QuorumChildPanel *panel;
  QuorumVoteCard *card;
  QuorumGroupItem *item;

  for (GList *iter = gtk_application_get_windows (driver->app); iter; iter = iter->next)
    if (QUORUM_IS_WINDOW (iter->data))
      window = iter->data;

  if (window == NULL || !gtk_widget_get_mapped (GTK_WIDGET (window)))
    return G_SOURCE_CONTINUE;

  panel = quorum_conference_page_get_child_panel (quorum_window_get_conference_page (window), driver->child_id);
  card = panel != NULL ? quorum_child_panel_get_card (panel, GROUP) : NULL;
  if (card == NULL)
    return G_SOURCE_CONTINUE;

  if (driver->drafting)
    {
      GtkWidget *marker = ui_test_find_named (GTK_WIDGET (panel), "attempt-draft-marker");
      GtkWidget *reason_marker = ui_test_find_named (GTK_WIDGET (ui_test_card (window, driver->child_id, "NHS Trust")),
                                                     "reason-draft-marker");

      if (!driver->voted)
        {
          /* Typed, not recorded: an attempt's words, and a reason with no view yet. */
          quorum_child_panel_fill_attempt (panel, DRAFT_PROPOSAL, DRAFT_SUMMARY, NULL, QUORUM_VIEW_NONE, 0);
          quorum_vote_card_type_reason (ui_test_card (window, driver->child_id, "NHS Trust"), DRAFT_REASON);
          driver->voted = TRUE;
          return G_SOURCE_CONTINUE;
        }

      /* Shown as a draft: from here on, it must survive anything. */
      if (gtk_widget_get_opacity (marker) > 0.0 && gtk_widget_get_opacity (reason_marker) > 0.0)
        {
          if (write (driver->fd, "1", 1) != 1)
            _exit (3);
          return G_SOURCE_REMOVE;
        }
      return G_SOURCE_CONTINUE;
    }

  if (!driver->voted)
    {
      quorum_vote_card_enter_reason (card, REASON);
      quorum_vote_card_choose (card, QUORUM_VIEW_NO_PLAN);
      driver->voted = TRUE;
      return G_SOURCE_CONTINUE;
    }

  item = quorum_vote_card_get_item (card);
  if (quorum_vote_card_get_shown_view (card) == QUORUM_VIEW_NO_PLAN &&
      quorum_group_item_get_recorded_at (item) != NULL)
    {
      /* Shown as recorded: from here on, it must survive anything. */
      if (write (driver->fd, "1", 1) != 1)
        _exit (3);
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static void
activate_after_cb (GApplication *app,
                   Driver       *driver)
{
  g_timeout_add (50, drive_cb, driver);
}

static G_NORETURN void
run_app (int      fd,
         gboolean drafting)
{
  g_autofree char *open_arg = g_strdup_printf ("%" G_GINT64_FORMAT, conf_id);
  char *argv[] = { "quorum", "--db", db_path, "--open", open_arg, NULL };
  QuorumApplication *app = quorum_application_new ();
  Driver driver = { GTK_APPLICATION (app), drafting ? second_child_id : child_id, fd, FALSE, drafting };

  g_signal_connect_after (app, "activate", G_CALLBACK (activate_after_cb), &driver);
  _exit (g_application_run (G_APPLICATION (app), G_N_ELEMENTS (argv) - 1, argv));
}

static void
kill_when_shown (gboolean drafting)
{
  int fd;
  int status = 0;
  pid_t pid;

  pid = ui_test_fork_with_pipe (&fd);
  if (pid == 0)
    run_app (fd, drafting);

  wait_ready (pid, fd, "The app never showed the vote as recorded, or the draft as kept");

  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

  if (drafting)
    return;

  /* The record has it. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(QuorumStore) store = quorum_store_open (db_path, &error);
    g_autoptr(QuorumConference) conference = NULL;
    QuorumVote *vote;

    g_assert_no_error (error);
    conference = ui_test_load (store, conf_id);
    vote = quorum_conference_find_vote (conference, child_id, GROUP);
    g_assert_nonnull (vote);
    g_assert_cmpint (vote->view, ==, QUORUM_VIEW_NO_PLAN);
    g_assert_cmpstr (vote->reason, ==, REASON);
  }
}

static void
test_kill_after_vote (void)
{
  kill_when_shown (FALSE);
}

/* ---- the new conference form, killed while filled in ---- */

typedef struct
{
  GtkApplication *app;
  int             fd;
  gboolean        filled;
  gint64          filled_at;
} FormDriver;

/* In the forked app: the new conference form opened (Ctrl+N's action) and filled as the chair
 * fills it, two children, a review, Buckinghamshire; the test told once typing has paused
 * for longer than a draft waits. */
static gboolean
drive_form_cb (gpointer user_data)
{
  FormDriver *driver = user_data;
  static const char * const children[] = { "Ruby Clarke", "Sam Clarke", NULL };
  QuorumWindow *window = NULL;
  GtkWindow *dialog;

  for (GList *iter = gtk_application_get_windows (driver->app); iter; iter = iter->next)
    if (QUORUM_IS_WINDOW (iter->data))
      window = iter->data;
  if (window == NULL || !gtk_widget_get_mapped (GTK_WIDGET (window)))
    return G_SOURCE_CONTINUE;

  dialog = ui_test_find_toplevel (QUORUM_TYPE_NEW_CONFERENCE_DIALOG);
  if (dialog == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.new-conference", NULL);
      return G_SOURCE_CONTINUE;
    }
  if (!gtk_widget_get_mapped (GTK_WIDGET (dialog)))
    return G_SOURCE_CONTINUE;

  if (!driver->filled)
    {
      quorum_new_conference_dialog_fill (QUORUM_NEW_CONFERENCE_DIALOG (dialog), children,
                                         QUORUM_KIND_REVIEW, NULL, "10:30", NULL,
                                         "buckinghamshire", "CP-2026-0107");
      driver->filled = TRUE;
      driver->filled_at = g_get_monotonic_time ();
      return G_SOURCE_CONTINUE;
    }

  /* A fresh form shows no draft badge (only a draft given back does, forms3): the words are
   * kept once typing has paused for as long as a draft waits; the test then reads them back. */
  if (g_get_monotonic_time () - driver->filled_at > (QUORUM_DRAFT_DELAY_MS + 500) * 1000)
    {
      if (write (driver->fd, "1", 1) != 1)
        _exit (3);
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
form_activate_after_cb (GApplication *app,
                        FormDriver   *driver)
{
  g_timeout_add (50, drive_form_cb, driver);
}

/* The new conference form filled in and the app killed (SIGKILL): every child's name, the kind
 * and the policy are in the drafts the form gives back (only child 1 was; the policy came back
 * as Bolton). GTK is not started here: the form's giving back is test-ui-drafts'. */
static void
test_kill_with_new_conference_form (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = NULL;
  int status = 0;
  int fd;
  pid_t pid;

  pid = ui_test_fork_with_pipe (&fd);
  if (pid == 0)
    {
      char *argv[] = { "quorum", "--db", db_path, NULL };
      QuorumApplication *app = quorum_application_new ();
      FormDriver driver = { GTK_APPLICATION (app), fd, FALSE, 0 };

      g_signal_connect_after (app, "activate", G_CALLBACK (form_activate_after_cb), &driver);
      _exit (g_application_run (G_APPLICATION (app), G_N_ELEMENTS (argv) - 1, argv));
    }

  wait_ready (pid, fd, "The app never showed the new conference form filled in");
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));

  store = quorum_store_open (db_path, &error);
  g_assert_no_error (error);
  {
    static const char * const kept[][2] = {
      { "child-1", "Ruby Clarke" }, { "child-2", "Sam Clarke" }, { "kind", "review" },
      { "profile", "buckinghamshire" }, { "time", "10:30" }, { "case-ref", "CP-2026-0107" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
      {
        g_autofree char *text = quorum_store_get_draft (store, 0, "new-conference", kept[i][0], &error);

        g_assert_no_error (error);
        g_test_message ("draft %s: %s", kept[i][0], text);
        g_assert_cmpstr (text, ==, kept[i][1]);
      }
  }
  /* Nothing created: the form was a draft. */
  {
    g_autoptr(GPtrArray) found = quorum_store_list_conferences (store, "CP-2026-0107", NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (found->len, ==, 0);
  }
}

/* ---- ended by SIGTERM mid-sentence ---- */

#define TERM_GROUP "Children's Social Care"
#define TERM_WORDS "Mum says the new partner moved out last week and"

typedef struct
{
  GtkApplication *app;
  int             fd;
  gboolean        raised;
} TermDriver;

/* In the forked app: @group's card of @child on the window's board, once the window is shown;
 * NULL until then. */
static QuorumVoteCard *
shown_card (GtkApplication  *app,
            gint64           child,
            const char      *group,
            QuorumWindow   **window_out)
{
  QuorumWindow *window = NULL;
  QuorumChildPanel *panel;

  for (GList *iter = gtk_application_get_windows (app); iter; iter = iter->next)
    if (QUORUM_IS_WINDOW (iter->data))
      window = iter->data;
  if (window == NULL || !gtk_widget_get_mapped (GTK_WIDGET (window)))
    return NULL;
  panel = quorum_conference_page_get_child_panel (quorum_window_get_conference_page (window), child);
  if (window_out != NULL)
    *window_out = window;
  return panel != NULL ? quorum_child_panel_get_card (panel, group) : NULL;
}

/* In the forked app: the chair's caret in the first child's Children's Social Care reason, the
 * window raised and given the keyboard; the test told, to type there. */
static gboolean
drive_term_cb (gpointer user_data)
{
  TermDriver *driver = user_data;
  QuorumWindow *window = NULL;
  QuorumVoteCard *card;
  GtkWidget *view;

  card = shown_card (driver->app, child_id, TERM_GROUP, &window);
  if (card == NULL)
    return G_SOURCE_CONTINUE;

  if (!driver->raised)
    {
      ui_test_raise_window (window);
      driver->raised = TRUE;
      return G_SOURCE_CONTINUE;
    }
  view = GTK_WIDGET (quorum_text_field_get_view (quorum_vote_card_get_reason_field (card)));
  if (!gtk_widget_get_mapped (view) || !gtk_widget_grab_focus (view))
    return G_SOURCE_CONTINUE;
  ui_test_iterate (200);
  if (write (driver->fd, "1", 1) != 1)
    _exit (3);
  return G_SOURCE_REMOVE;
}

static void
term_activate_after_cb (GApplication *app,
                        TermDriver   *driver)
{
  g_timeout_add (50, drive_term_cb, driver);
}

/* Trial 7, A9: a laptop shutting down, a session logging out: SIGTERM while the chair types a
 * reason. A draft is written once typing pauses (QUORUM_DRAFT_DELAY_MS), and SIGTERM ended the
 * process at once: the words of the last moment (here, typed with no pause, all of them) were
 * lost. Now the app keeps every draft still waiting and quits: exit status 0, and the words,
 * to the last letter, are kept as a draft (not recorded: no view of the group, its reason not
 * in the record). The new window's giving back of a draft is test_kill_with_draft's. */
static void
test_term_mid_sentence (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = NULL;
  g_autofree char *scope = g_strdup_printf ("child:%" G_GINT64_FORMAT ":vote:%s", child_id, TERM_GROUP);
  g_autofree char *kept = NULL;
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  const char * const type[] = { "xdotool", "type", "--delay", "15", TERM_WORDS, NULL };
  gint64 typed_at;
  int status = 0;
  int fd;
  pid_t pid;

  if (xdotool == NULL)
    {
      g_test_skip ("xdotool is not installed: this test types as a chair does");
      return;
    }

  pid = ui_test_fork_with_pipe (&fd);
  if (pid == 0)
    {
      g_autofree char *open_arg = g_strdup_printf ("%" G_GINT64_FORMAT, conf_id);
      char *argv[] = { "quorum", "--db", db_path, "--open", open_arg, NULL };
      QuorumApplication *app = quorum_application_new ();
      TermDriver driver = { GTK_APPLICATION (app), fd, FALSE };

      g_signal_connect_after (app, "activate", G_CALLBACK (term_activate_after_cb), &driver);
      _exit (g_application_run (G_APPLICATION (app), G_N_ELEMENTS (argv) - 1, argv));
    }

  wait_ready (pid, fd, "The app never put the caret in the reason");

  /* Typed, and the signal the moment the last key is sent: well within the draft's pause. */
  g_free (ui_test_spawn (type));
  typed_at = g_get_monotonic_time ();
  g_assert_cmpint (kill (pid, SIGTERM), ==, 0);
  g_test_message ("SIGTERM %" G_GINT64_FORMAT " ms after the last key", (g_get_monotonic_time () - typed_at) / 1000);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  if (WIFSIGNALED (status))
    g_test_message ("ended by signal %d", WTERMSIG (status));

  store = quorum_store_open (db_path, &error);
  g_assert_no_error (error);
  kept = quorum_store_get_draft (store, conf_id, scope, "reason", &error);
  g_assert_no_error (error);
  g_test_message ("kept: %s", kept != NULL ? kept : "(nothing)");
  g_assert_cmpstr (kept, ==, TERM_WORDS);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  {
    g_autoptr(QuorumConference) conference = ui_test_load (store, conf_id);

    g_assert_null (quorum_conference_find_vote (conference, child_id, TERM_GROUP));
  }
}

/* ---- killed (SIGKILL) while the chair is still typing ---- */

#define STEADY_GROUP "NHS Trust"
#define STEADY_WORDS "Leo is doing well in year 4 and his teacher sees no sign of harm, he is settled " \
                     "and eats well at school every day. His mother has kept every appointment since " \
                     "March and the health visitor has no concerns about the baby"
/* How much of the end of the typing a crash may take: a draft is written at least every
 * second (QUORUM_DRAFT_MAX_WAIT_MS) while keys keep coming, and the write itself takes a moment. */
#define STEADY_LOSS_MS 1500

typedef struct
{
  GtkApplication *app;
  int             fd;
  int             step;
} SteadyDriver;

/* In the forked app: what the reason box holds each time it changes, and when (monotonic µs,
 * the same clock as the test's), told to the test a line at a time. The test's own eyes on
 * the screen; nothing of the app's drafts. */
static void
steady_text_cb (QuorumTextField *field,
                GParamSpec      *pspec,
                SteadyDriver    *driver)
{
  g_autofree char *text = NULL;
  g_autofree char *line = NULL;

  /* As typed, the space after the last word too (quorum_text_field_get_text () trims). */
  g_object_get (field, "text", &text, NULL);
  line = g_strdup_printf ("%" G_GINT64_FORMAT "\t%s\n", g_get_monotonic_time (), text != NULL ? text : "");

  if (write (driver->fd, line, strlen (line)) != (ssize_t) strlen (line))
    _exit (3);
}

/* In the forked app: the window raised, the caret in the first child's NHS Trust reason; the
 * test told, to type there. Reopened (started at step 2): the test told what the box gives back. */
static gboolean
drive_steady_cb (gpointer user_data)
{
  SteadyDriver *driver = user_data;
  QuorumWindow *window = NULL;
  QuorumVoteCard *card;
  QuorumTextField *field;
  GtkWidget *view;

  card = shown_card (driver->app, child_id, STEADY_GROUP, &window);
  if (card == NULL)
    return G_SOURCE_CONTINUE;
  field = quorum_vote_card_get_reason_field (card);
  view = GTK_WIDGET (quorum_text_field_get_view (field));

  switch (driver->step)
    {
    case 0:
      ui_test_raise_window (window);
      driver->step++;
      return G_SOURCE_CONTINUE;
    case 1:
      if (!gtk_widget_get_mapped (view) || !gtk_widget_grab_focus (view))
        return G_SOURCE_CONTINUE;
      ui_test_iterate (200);
      g_signal_connect (field, "notify::text", G_CALLBACK (steady_text_cb), driver);
      if (write (driver->fd, "1", 1) != 1)
        _exit (3);
      return G_SOURCE_REMOVE;
    default:
      {
        g_autofree char *shown = NULL;
        g_autofree char *line = NULL;
        gboolean marked = ui_test_marker_shown (ui_test_find_named (GTK_WIDGET (card), "reason-draft-marker"));

        /* Reopened: a moment for the board to give its drafts back, as a chair looks. */
        if (driver->step++ < 20)
          return G_SOURCE_CONTINUE;
        g_object_get (field, "text", &shown, NULL);
        ui_test_scroll_into_view (view);
        ui_test_screenshot (GTK_WIDGET (card), "steady-typing-reopened");
        line = g_strdup_printf ("%d\t%s\n", marked, shown != NULL ? shown : "");
        if (write (driver->fd, line, strlen (line)) != (ssize_t) strlen (line))
          _exit (3);
        return G_SOURCE_REMOVE;
      }
    }
}

static void
steady_activate_after_cb (GApplication *app,
                          SteadyDriver *driver)
{
  g_timeout_add (50, drive_steady_cb, driver);
}

static G_NORETURN void
run_steady_app (int fd,
                int step)
{
  g_autofree char *open_arg = g_strdup_printf ("%" G_GINT64_FORMAT, conf_id);
  char *argv[] = { "quorum", "--db", db_path, "--open", open_arg, NULL };
  QuorumApplication *app = quorum_application_new ();
  SteadyDriver driver = { GTK_APPLICATION (app), fd, step };

  g_signal_connect_after (app, "activate", G_CALLBACK (steady_activate_after_cb), &driver);
  _exit (g_application_run (G_APPLICATION (app), G_N_ELEMENTS (argv) - 1, argv));
}

/* Reads what is on @fd now (all of it until the writer has gone, with @to_end) onto @lines. */
static void
read_lines (int       fd,
            GString  *lines,
            gboolean  to_end)
{
  struct pollfd pfd = { fd, POLLIN, 0 };
  char buffer[4096];
  ssize_t n;

  while (poll (&pfd, 1, to_end ? 5000 : 0) == 1 && (n = read (fd, buffer, sizeof buffer)) > 0)
    g_string_append_len (lines, buffer, n);
}

/* Trial 8, D2: the chair types a sentence steadily (a key every 60 ms or so, as xdotool
 * --delay 60) and the app is killed (SIGKILL) while the keys are still coming. A draft was
 * written only once typing paused (QUORUM_DRAFT_DELAY_MS), so a steady typist had nothing on
 * disk: the whole sentence was lost (reason NULL, no draft). Now a draft is written at least
 * every second of steady typing: the store, and the box of the reopened app, hold at least
 * everything the box held STEADY_LOSS_MS before the kill. The old test-ui-crash types with its
 * driver waiting for each key, so the pause always came. */
static void
test_kill_mid_sentence (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(GString) lines = g_string_new (NULL);
  g_autoptr(GString) reopened = g_string_new (NULL);
  g_autofree char *scope = g_strdup_printf ("child:%" G_GINT64_FORMAT ":vote:%s", child_id, STEADY_GROUP);
  g_autofree char *kept = NULL;
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  g_auto(GStrv) seen = NULL;
  const char *type[] = { "xdotool", "type", "--delay", "60", STEADY_WORDS, NULL };
  const char *held_before = "";
  const char *held_last = "";
  gint64 first_at = 0;
  gint64 last_at = 0;
  gint64 kept_at = 0;
  gint64 longest_gap = 0;
  gint64 killed_at;
  gboolean still_typing;
  GPid typist;
  int status = 0;
  int fd;
  pid_t pid;

  if (xdotool == NULL)
    {
      g_test_skip ("xdotool is not installed: this test types as a chair does");
      return;
    }

  pid = ui_test_fork_with_pipe (&fd);
  if (pid == 0)
    run_steady_app (fd, 0);
  {
    struct pollfd pfd = { fd, POLLIN, 0 };
    char byte = 0;

    if (poll (&pfd, 1, 60000) != 1 || read (fd, &byte, 1) != 1)
      {
        kill (pid, SIGKILL);
        waitpid (pid, NULL, 0);
        g_error ("The app never put the caret in NHS Trust's reason");
      }
  }

  /* Typed steadily, and killed some 4 s into the sentence, with no pause: the keys still coming. */
  g_spawn_async (NULL, (char **) type, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD |
                 G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, &typist, &error);
  g_assert_no_error (error);
  for (gint64 until = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;; g_usleep (10000))
    {
      read_lines (fd, lines, FALSE);
      if (first_at == 0 && lines->len > 0)
        first_at = g_ascii_strtoll (lines->str, NULL, 10);
      if (first_at != 0 && g_get_monotonic_time () > first_at + 4 * G_USEC_PER_SEC)
        break;
      if (g_get_monotonic_time () > until)
        {
          kill (pid, SIGKILL);
          waitpid (typist, NULL, 0);
          g_error ("The keys typed never reached NHS Trust's reason");
        }
    }
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  killed_at = g_get_monotonic_time ();
  still_typing = waitpid (typist, NULL, WNOHANG) == 0;
  /* Let it end its sentence, to no window: killed between a key's press and its release, it
   * would leave the key held down in the X server for the tests after this one. */
  if (still_typing)
    waitpid (typist, NULL, 0);
  g_spawn_close_pid (typist);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  read_lines (fd, lines, TRUE);
  close (fd);

  store = quorum_store_open (db_path, &error);
  g_assert_no_error (error);
  kept = quorum_store_get_draft (store, conf_id, scope, "reason", &error);
  g_assert_no_error (error);

  /* What the box held STEADY_LOSS_MS before the kill, and last; when it first held what was kept. */
  seen = g_strsplit (lines->str, "\n", -1);
  for (guint i = 0; seen[i] != NULL; i++)
    {
      const char *tab = strchr (seen[i], '\t');
      gint64 at;

      if (tab == NULL)
        continue;
      at = g_ascii_strtoll (seen[i], NULL, 10);
      if (at <= killed_at - STEADY_LOSS_MS * G_TIME_SPAN_MILLISECOND)
        held_before = tab + 1;
      if (kept_at == 0 && g_strcmp0 (tab + 1, kept) == 0)
        kept_at = at;
      if (last_at != 0 && at - last_at > longest_gap)
        longest_gap = at - last_at;
      held_last = tab + 1;
      last_at = at;
    }
  g_test_message ("typed for %" G_GINT64_FORMAT " ms (%s); the last key %" G_GINT64_FORMAT " ms before the kill",
                  (killed_at - first_at) / 1000, still_typing ? "still typing" : "xdotool had ended",
                  (killed_at - last_at) / 1000);
  /* A draft written between two keys puts the second off: seen here as a longer gap. */
  g_test_message ("a key every %" G_GINT64_FORMAT " ms, the longest gap %" G_GINT64_FORMAT " ms",
                  strlen (held_last) > 1 ? (last_at - first_at) / 1000 / (gint64) (strlen (held_last) - 1) : 0,
                  longest_gap / 1000);
  g_test_message ("the box held %zu characters; kept: %zu (%s)", strlen (held_last),
                  kept != NULL ? strlen (kept) : 0, kept != NULL ? kept : "nothing");
  g_test_message ("lost: %zu characters, the last %" G_GINT64_FORMAT " ms of typing",
                  strlen (held_last) - (kept != NULL ? strlen (kept) : 0),
                  (killed_at - (kept_at != 0 ? kept_at : first_at)) / 1000);
  /* Killed while the keys were still coming, after longer than a crash may take. */
  g_assert_true (still_typing);
  g_assert_cmpuint (strlen (held_before), >, 10);
  g_assert_true (g_str_has_prefix (STEADY_WORDS, held_last));
  g_assert_nonnull (kept);
  g_assert_true (g_str_has_prefix (kept, held_before));
  g_assert_true (g_str_has_prefix (held_last, kept));
  {
    g_autoptr(QuorumConference) conference = ui_test_load (store, conf_id);

    g_assert_null (quorum_conference_find_vote (conference, child_id, STEADY_GROUP));
  }

  /* Reopened, in an app of its own: the box gives the words back, marked as a draft. */
  pid = ui_test_fork_with_pipe (&fd);
  if (pid == 0)
    run_steady_app (fd, 2);
  read_lines (fd, reopened, FALSE);
  for (gint64 until = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
       strchr (reopened->str, '\n') == NULL && g_get_monotonic_time () < until; g_usleep (20000))
    read_lines (fd, reopened, FALSE);
  kill (pid, SIGKILL);
  waitpid (pid, NULL, 0);
  close (fd);
  g_test_message ("reopened: %s", reopened->str);
  g_assert_nonnull (strchr (reopened->str, '\n'));
  g_string_truncate (reopened, strchr (reopened->str, '\n') - reopened->str);
  g_assert_true (g_str_has_prefix (reopened->str, "1\t"));
  g_assert_cmpstr (reopened->str + 2, ==, kept);
}

/* GTK starts in this process only after the fork (the forked app starts its own). */
static void ensure_gtk (void);

/* ---- a changed view's old reason, killed while it waits ---- */

#define CARRIED_REASON "Ruby disclosed to her nursery worker that daddy shouts at mummy."
#define CARRIED_STATUS "Reason given for Plan · not yet recorded for No plan"

static gint64 carried_conf_id;
static gint64 carried_child_id;

typedef struct
{
  GtkApplication *app;
  int             fd;
  int             step;
} CarriedDriver;

/* In the forked app: the window raised; Police's No plan clicked, as DC Lowe changes her mind
 * with her plan's reason in the box; the test told the moment the card marks the words as given
 * for Plan. */
static gboolean
drive_carried_cb (gpointer user_data)
{
  CarriedDriver *driver = user_data;
  QuorumWindow *window = NULL;
  QuorumVoteCard *card;
  GtkWidget *no_plan;

  card = shown_card (driver->app, carried_child_id, GROUP, &window);
  if (card == NULL)
    return G_SOURCE_CONTINUE;

  switch (driver->step)
    {
    case 0:
      ui_test_raise_window (window);
      driver->step++;
      return G_SOURCE_CONTINUE;
    case 1:
      no_plan = ui_test_find_button (GTK_WIDGET (card), GTK_TYPE_TOGGLE_BUTTON, "No plan");
      if (no_plan == NULL || !gtk_widget_get_mapped (no_plan))
        return G_SOURCE_CONTINUE;
      ui_test_scroll_into_view (no_plan);
      ui_test_click (no_plan, -1, -1);
      driver->step++;
      return G_SOURCE_CONTINUE;
    default:
      /* Shown: from here on, the mark must survive anything. */
      if (ui_test_find_shown_label_holding (GTK_WIDGET (card), CARRIED_STATUS) == NULL)
        return G_SOURCE_CONTINUE;
      if (write (driver->fd, "1", 1) != 1)
        _exit (3);
      return G_SOURCE_REMOVE;
    }
}

static void
carried_activate_after_cb (GApplication  *app,
                           CarriedDriver *driver)
{
  g_timeout_add (50, drive_carried_cb, driver);
}

/* In the reopened app: the card, as the chair finds it after the crash. Asserted here (a failed
 * assertion ends this process, and the test says so); the test told once all held. */
static gboolean
reopen_carried_cb (gpointer user_data)
{
  CarriedDriver *driver = user_data;
  QuorumWindow *window = NULL;
  QuorumVoteCard *card;
  GtkWidget *box;
  GtkWidget *focus;

  card = shown_card (driver->app, carried_child_id, GROUP, &window);
  if (card == NULL)
    return G_SOURCE_CONTINUE;
  if (driver->step++ == 0)
    {
      ui_test_raise_window (window);
      return G_SOURCE_CONTINUE;
    }

  /* The words, marked as the plan's. */
  {
    g_autofree char *words = quorum_text_field_get_text (quorum_vote_card_get_reason_field (card));

    g_assert_cmpstr (words, ==, CARRIED_REASON);
  }
  if (ui_test_find_shown_label_holding (GTK_WIDGET (card), CARRIED_STATUS) == NULL)
    g_error ("Reopened, Police's words are not marked as given for Plan");
  ui_test_screenshot (GTK_WIDGET (card), "viewreason-reopened");

  /* The chair clicks into the box to read it, and leaves it: nothing recorded for No plan. */
  box = GTK_WIDGET (quorum_text_field_get_view (quorum_vote_card_get_reason_field (card)));
  ui_test_scroll_into_view (box);
  ui_test_click (box, -1, -1);
  ui_test_key ("Tab");
  ui_test_iterate (400);
  {
    g_autofree char *reason = ui_test_db_sqlf (db_path, "SELECT coalesce(reason, '(none)') FROM vote WHERE grp = '%s' "
                                               "AND child_id = %" G_GINT64_FORMAT, GROUP, carried_child_id);

    g_assert_cmpstr (reason, ==, "(none)");
  }

  /* Ctrl+D: refused for Police's dissent without its reason; the focus in Police's box. */
  ui_test_key ("ctrl+d");
  ui_test_iterate (800);
  g_assert_null (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  {
    g_autofree char *decided = ui_test_db_sqlf (db_path, "SELECT count(*) FROM decision WHERE child_id = %" G_GINT64_FORMAT,
                                                carried_child_id);

    g_assert_cmpstr (decided, ==, "0");
  }
  card = shown_card (driver->app, carried_child_id, GROUP, NULL);
  box = GTK_WIDGET (quorum_text_field_get_view (quorum_vote_card_get_reason_field (card)));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus == box || (focus != NULL && gtk_widget_is_ancestor (focus, box)));
  g_assert_nonnull (ui_test_find_shown_label_holding (GTK_WIDGET (card), CARRIED_STATUS));

  /* Ctrl+Enter: DC Lowe confirms the words for No plan; the mark goes. */
  ui_test_key ("ctrl+Return");
  ui_test_iterate (500);
  g_assert_null (ui_test_find_shown_label_holding (GTK_WIDGET (shown_card (driver->app, carried_child_id, GROUP, NULL)),
                                                   CARRIED_STATUS));

  if (write (driver->fd, "1", 1) != 1)
    _exit (3);
  return G_SOURCE_REMOVE;
}

static void
reopen_activate_after_cb (GApplication  *app,
                          CarriedDriver *driver)
{
  g_timeout_add (50, reopen_carried_cb, driver);
}

/* Trial 7 D1 (viewreason) after a crash: Police's Plan recorded with its reason; No plan clicked,
 * so the change is recorded without the plan's reason and the words wait in the box, marked
 * "Reason given for Plan · not yet recorded for No plan". The app killed (SIGKILL) the moment the
 * mark shows. Reopened, the words came back as an ordinary draft: leaving the box recorded them as
 * the no-plan reason, and the decision went through with a dissent arguing for a plan. Now the
 * mark comes back with them: leaving records nothing, Ctrl+D refuses the dissent without a reason
 * for its view, the focus in Police's box; Ctrl+Enter confirms the words for No plan. */
static void
test_kill_keeps_old_view_mark (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = quorum_store_open (db_path, &error);
  g_autofree char *scope = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *given_for = NULL;
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  static const char * const groups[] = { "Children's Social Care", GROUP, "Health", "Education", NULL };
  int status = 0;
  int fd;
  pid_t pid;

  if (xdotool == NULL)
    {
      g_test_skip ("xdotool is not installed: this test clicks as a chair does");
      return;
    }
  g_assert_no_error (error);
  carried_conf_id = ui_test_make_vote_open (store, "Ruby Carter", groups, FALSE, &carried_child_id);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      QuorumVoteSpec spec = { .child_id = carried_child_id, .group = groups[i], .view = QUORUM_VIEW_PLAN,
                              .categories = QUORUM_CATEGORY_NEGLECT,
                              .reason = g_str_equal (groups[i], GROUP) ? CARRIED_REASON : "Long-standing neglect" };

      g_assert_cmpint (quorum_store_record_vote (store, carried_conf_id, &spec, &error), >, 0);
      g_assert_no_error (error);
    }
  scope = g_strdup_printf ("child:%" G_GINT64_FORMAT ":vote:%s", carried_child_id, GROUP);

  pid = ui_test_fork_with_pipe (&fd);
  if (pid == 0)
    {
      g_autofree char *open_arg = g_strdup_printf ("%" G_GINT64_FORMAT, carried_conf_id);
      char *argv[] = { "quorum", "--db", db_path, "--open", open_arg, NULL };
      QuorumApplication *app = quorum_application_new ();
      CarriedDriver driver = { GTK_APPLICATION (app), fd, 0 };

      g_signal_connect_after (app, "activate", G_CALLBACK (carried_activate_after_cb), &driver);
      _exit (g_application_run (G_APPLICATION (app), G_N_ELEMENTS (argv) - 1, argv));
    }
  wait_ready (pid, fd, "The app never marked Police's words as given for Plan");
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));

  /* No plan recorded without the plan's words; the words kept as a draft, and whose they were. */
  {
    g_autoptr(QuorumConference) conference = ui_test_load (store, carried_conf_id);
    QuorumVote *vote = quorum_conference_find_vote (conference, carried_child_id, GROUP);

    g_assert_nonnull (vote);
    g_assert_cmpint (vote->view, ==, QUORUM_VIEW_NO_PLAN);
    g_assert_null (vote->reason);
  }
  kept = quorum_store_get_draft (store, carried_conf_id, scope, "reason", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kept, ==, CARRIED_REASON);
  given_for = quorum_store_get_draft (store, carried_conf_id, scope, "reason-given-for", &error);
  g_assert_no_error (error);
  g_test_message ("kept: %s; given for: %s", kept, given_for != NULL ? given_for : "(nothing)");

  /* Reopened, in an app of its own (GTK never starts in this process: the tests after this
   * one fork the app too): reopen_carried_cb () asserts there and says when all held. */
  pid = ui_test_fork_with_pipe (&fd);
  if (pid == 0)
    {
      g_autofree char *open_arg = g_strdup_printf ("%" G_GINT64_FORMAT, carried_conf_id);
      char *argv[] = { "quorum", "--db", db_path, "--open", open_arg, NULL };
      QuorumApplication *app = quorum_application_new ();
      CarriedDriver driver = { GTK_APPLICATION (app), fd, 0 };

      g_signal_connect_after (app, "activate", G_CALLBACK (reopen_activate_after_cb), &driver);
      _exit (g_application_run (G_APPLICATION (app), G_N_ELEMENTS (argv) - 1, argv));
    }
  wait_ready (pid, fd, "Reopened, the app did not show Police's words marked as given for Plan, or recorded them, "
                       "or decided (its assertion above says which)");
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);

  /* Confirmed for No plan by Ctrl+Enter in the reopened app: recorded, the mark's draft gone. */
  {
    g_autoptr(QuorumConference) conference = ui_test_load (store, carried_conf_id);
    QuorumVote *vote = quorum_conference_find_vote (conference, carried_child_id, GROUP);

    g_assert_cmpint (vote->view, ==, QUORUM_VIEW_NO_PLAN);
    g_assert_cmpstr (vote->reason, ==, CARRIED_REASON);
    g_assert_null (quorum_conference_find_decision (conference, carried_child_id));
  }
  g_clear_pointer (&given_for, g_free);
  given_for = quorum_store_get_draft (store, carried_conf_id, scope, "reason-given-for", &error);
  g_assert_no_error (error);
  g_assert_null (given_for);
}

/* Words typed and shown as a draft (not yet recorded) survive SIGKILL: the store keeps them,
 * nothing of them is in the record, and a new window gives them back, marked as a draft. */
static void
test_kill_with_draft (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = NULL;
  g_autofree char *scope = g_strdup_printf ("child:%" G_GINT64_FORMAT ":attempt", second_child_id);
  g_autofree char *proposal = NULL;
  g_autofree char *summary = NULL;
  QuorumWindow *window;
  QuorumChildPanel *panel;

  kill_when_shown (TRUE);

  store = quorum_store_open (db_path, &error);
  g_assert_no_error (error);
  proposal = quorum_store_get_draft (store, conf_id, scope, "proposal", &error);
  g_assert_no_error (error);
  summary = quorum_store_get_draft (store, conf_id, scope, "summary", &error);
  g_assert_cmpstr (proposal, ==, DRAFT_PROPOSAL);
  g_assert_cmpstr (summary, ==, DRAFT_SUMMARY);
  {
    g_autoptr(QuorumConference) conference = ui_test_load (store, conf_id);

    /* Not in the record: one attempt (the one prepared), no view of NHS Trust. */
    g_assert_cmpuint (conference->attempts->len, ==, 2);
    g_assert_null (quorum_conference_find_vote (conference, second_child_id, "NHS Trust"));
  }

  ensure_gtk ();
  window = ui_test_window_new (store, 1280, 800);
  g_assert_true (quorum_window_open_conference (window, conf_id, second_child_id));
  ui_test_iterate (100);
  panel = quorum_conference_page_get_child_panel (quorum_window_get_conference_page (window), second_child_id);
  g_assert_true (ui_test_marker_shown (ui_test_find_named (GTK_WIDGET (panel), "attempt-draft-marker")));
  {
    QuorumVoteCard *card = ui_test_card (window, second_child_id, "NHS Trust");
    g_autofree char *reason = quorum_text_field_get_text (quorum_vote_card_get_reason_field (card));

    g_assert_cmpstr (reason, ==, DRAFT_REASON);
    g_assert_true (ui_test_marker_shown (ui_test_find_named (GTK_WIDGET (card), "reason-draft-marker")));
  }
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (50);
}

static void
ensure_gtk (void)
{
  static gboolean started;

  if (started)
    return;
  if (!gtk_init_check ())
    g_error ("No display");
  adw_init ();
  started = TRUE;
}

/* Reopened, the screen shows the vote on its card. */
static void
test_reopen_shows_vote (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = quorum_store_open (db_path, &error);
  QuorumWindow *window;
  QuorumVoteCard *card;

  ensure_gtk ();
  g_assert_no_error (error);
  window = ui_test_window_new (store, 1280, 800);
  g_assert_true (quorum_window_open_conference (window, conf_id, child_id));
  ui_test_iterate (50);

  card = ui_test_card (window, child_id, GROUP);
  g_assert_cmpint (quorum_vote_card_get_shown_view (card), ==, QUORUM_VIEW_NO_PLAN);
  g_assert_cmpstr (quorum_group_item_get_reason (quorum_vote_card_get_item (card)), ==, REASON);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A new window returns to the conference and child last shown (GSettings). */
static void
test_returns_to_last_child (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = quorum_store_open (db_path, &error);
  QuorumConferencePage *page;
  QuorumWindow *window;
  gint64 second_child = ui_test_child_id (store, conf_id, 1);

  ensure_gtk ();
  g_assert_no_error (error);
  window = ui_test_window_new (store, 1280, 800);
  g_assert_true (quorum_window_open_conference (window, conf_id, 0));
  page = quorum_window_get_conference_page (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "conference.next-child", NULL));
  ui_test_iterate (50);
  g_assert_cmpint (quorum_conference_page_get_child_id (page), ==, second_child);
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (50);

  window = ui_test_window_new (store, 1280, 800);
  quorum_window_restore (window);
  ui_test_iterate (50);
  page = quorum_window_get_conference_page (window);
  g_assert_cmpint (quorum_conference_page_get_conference_id (page), ==, conf_id);
  g_assert_cmpint (quorum_conference_page_get_child_id (page), ==, second_child);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("No display: the UI tests run under xvfb-run (build-aux/dev test)\n");
      return 77;
    }

  db_path = ui_test_db_path ();
  prepare_database ();

  g_test_add_func ("/ui/kill/kill-after-vote", test_kill_after_vote);
  /* Before any test starts GTK in this process: the app is forked. */
  g_test_add_func ("/ui/kill/kill-with-new-conference-form", test_kill_with_new_conference_form);
  g_test_add_func ("/ui/kill/term-mid-sentence", test_term_mid_sentence);
  g_test_add_func ("/ui/kill/kill-mid-sentence", test_kill_mid_sentence);
  g_test_add_func ("/ui/kill/kill-keeps-old-view-mark", test_kill_keeps_old_view_mark);
  g_test_add_func ("/ui/kill/kill-with-draft", test_kill_with_draft);
  g_test_add_func ("/ui/kill/reopen-shows-vote", test_reopen_shows_vote);
  g_test_add_func ("/ui/kill/returns-to-last-child", test_returns_to_last_child);

  return g_test_run ();
}
