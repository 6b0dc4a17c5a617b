/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-crash.c: the crash suite through the app. The app (QuorumApplication, the code main.c
 * runs, with --db and --open) is forked on a database and driven as a chair drives it, with the
 * keyboard and the mouse through the X server (xdotool): it clicks a group's view, types the
 * group's reason and presses Ctrl+Enter, types a reason and leaves it unrecorded (a draft), adds a
 * grandmother by Ctrl+T, her name, Tab, her role and Enter, takes a decision by Ctrl+D and Enter.
 * It is killed with SIGKILL at a random moment (while starting; within 300 ms of the first, second
 * or third write it showed as done; or anywhere in its first twelve seconds of work: typing,
 * storing, deciding), and again, QUORUM_APP_KILLS times (20 by default; `./build-aux/dev
 * proofs-long` runs 300).
 *
 * After every kill:
 * - every write the app acknowledged is in the database: each view and reason its card showed as
 *   recorded, each attendee listed, each decision shown, each draft it showed as "not yet
 *   recorded" (the words, or the words it went on to record);
 * - every record a second connection read just before the kill is still there;
 * - nothing is half-written: each decision's tally is the views of its child, each dissent has its
 *   group's view, a plan stands exactly where the decision is "plan";
 * - PRAGMA integrity_check is "ok" and `quorum-cli verify` exits 0;
 * - on the next start the app shows every draft the database holds for the child it opens, in its
 *   field and marked as not yet recorded.
 * The figures (kills, acknowledged writes, lost = 0) are printed at the end. */

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test-ui-common.h"
#include "ui/quorum-application.h"
#include "ui/quorum-draft.h"

static const char * const groups[] = { "Children's Social Care", "Police", "NHS Trust", NULL };

static const char * const words[] = {
  "school", "nurse", "bruising", "missed", "appointments", "home", "visit", "engaged", "support",
  "neglect", "risk", "early", "help", "father", "mother", "plan", "safety", "referral", "health",
  "police", "attendance", "concern", "drift", "family", "carer", "improved", "review", NULL,
};

static char *db_path;
static gint64 conf_id;

/* ---------------------------------------------------------------------------------------- */
/* In the forked app: the chair's hands.                                                     */

typedef struct
{
  GtkApplication *app;
  int             fd;
  GRand          *rand;
  guint           serial;
  gboolean        started;
} Driver;

static void
say (Driver     *driver,
     const char *format,
     ...) G_GNUC_PRINTF (2, 3);

/* One line to the test, written before anything else is done: an acknowledgement. */
static void
say (Driver     *driver,
     const char *format,
     ...)
{
  static gint64 start;
  g_autofree char *line = NULL;
  va_list args;
  gsize done = 0;
  gsize len;

  va_start (args, format);
  line = g_strdup_vprintf (format, args);
  va_end (args);
  if (start == 0)
    start = g_get_monotonic_time ();
  if (g_getenv ("QUORUM_APP_DEBUG") != NULL)
    g_test_message ("%.2f s: %s", (g_get_monotonic_time () - start) / 1e6, line);
  len = strlen (line);
  while (done < len)
    {
      ssize_t n = write (driver->fd, line + done, len - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        _exit (3);
      done += n;
    }
}

static void
trace (const char *what)
{
  static gint64 last;
  gint64 now = g_get_monotonic_time ();

  if (g_getenv ("QUORUM_APP_DEBUG") != NULL)
    g_test_message ("+%.2f s: %s", last ? (now - last) / 1e6 : 0.0, what);
  last = now;
}

static QuorumWindow *
find_window (Driver *driver)
{
  for (GList *iter = gtk_application_get_windows (driver->app); iter; iter = iter->next)
    if (QUORUM_IS_WINDOW (iter->data))
      return iter->data;
  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_TOGGLE_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static char *
random_words (Driver *driver)
{
  GString *text = g_string_new (NULL);
  guint n = g_rand_int_range (driver->rand, 1, 4);

  g_string_append_printf (text, "R%u", ++driver->serial);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, " %s", words[g_rand_int_range (driver->rand, 0, G_N_ELEMENTS (words) - 1)]);

  return g_string_free (text, FALSE);
}

typedef struct
{
  QuorumWindow *window;
  gint64        child_id;
  const char   *group;
  QuorumView    view;
  const char   *name;
} Wanted;

/* The page's record, read fresh every time: the page frees it on each reload. */
static const QuorumConference *
shown (QuorumWindow *window)
{
  return quorum_conference_page_get_conference (quorum_window_get_conference_page (window));
}

static QuorumVoteCard *
card_of (QuorumWindow *window,
         gint64        child_id,
         const char   *group)
{
  QuorumChildPanel *panel = quorum_conference_page_get_child_panel (quorum_window_get_conference_page (window), child_id);

  return panel != NULL ? quorum_child_panel_get_card (panel, group) : NULL;
}

static gboolean
vote_shown_recorded (gpointer data)
{
  Wanted *wanted = data;
  QuorumVoteCard *card = card_of (wanted->window, wanted->child_id, wanted->group);
  QuorumGroupItem *item = card != NULL ? quorum_vote_card_get_item (card) : NULL;

  return item != NULL && quorum_group_item_get_recorded_at (item) != NULL &&
         quorum_group_item_get_view (item) == wanted->view;
}

static gboolean
decision_shown (gpointer data)
{
  Wanted *wanted = data;
  const QuorumConference *conference = shown (wanted->window);

  return conference != NULL && quorum_conference_find_decision (conference, wanted->child_id) != NULL;
}

static gboolean
attendee_listed (gpointer data)
{
  Wanted *wanted = data;
  const QuorumConference *conference = shown (wanted->window);

  for (guint i = 0; conference != NULL && i < conference->attendees->len; i++)
    if (g_strcmp0 (((QuorumAttendee *) g_ptr_array_index (conference->attendees, i))->name, wanted->name) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
dialog_shown (gpointer data)
{
  GtkWindow *dialog = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  return dialog != NULL && ui_test_is_drawn (dialog);
}

/* Waits as ui_test_wait_until does, but says whether it came instead of failing: the chair's
 * screen may refuse (a decision the rules do not allow yet), and the driver goes on. */
static gboolean
wait_for (UiTestCondition condition,
          gpointer        data,
          guint           timeout_ms)
{
  gint64 until = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > until)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

static gint64
first_undecided_child (QuorumWindow *window)
{
  const QuorumConference *conference = shown (window);

  for (guint i = 0; conference != NULL && i < conference->children->len; i++)
    {
      gint64 id = ((QuorumChild *) g_ptr_array_index (conference->children, i))->id;

      if (quorum_conference_find_decision (conference, id) == NULL)
        return id;
    }
  return 0;
}

/* Shows @child_id as the chair does, with Ctrl+Page Down, then reports what each card shows:
 * the words in its reason field and whether it is marked as a draft. */
static gboolean
go_to_child (Driver       *driver,
             QuorumWindow *window,
             gint64        child_id)
{
  QuorumConferencePage *page = quorum_window_get_conference_page (window);
  QuorumChildPanel *panel;

  for (guint tries = 0; quorum_conference_page_get_child_id (page) != child_id && tries < 12; tries++)
    ui_test_key ("ctrl+Page_Down");
  if (quorum_conference_page_get_child_id (page) != child_id)
    return FALSE;
  ui_test_iterate (200);

  panel = quorum_conference_page_get_child_panel (page, child_id);
  g_assert_nonnull (panel);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      QuorumVoteCard *card = quorum_child_panel_get_card (panel, groups[i]);
      g_autofree char *text = NULL;
      GtkWidget *marker;

      if (card == NULL)
        continue;
      text = quorum_text_field_get_text (quorum_vote_card_get_reason_field (card));
      marker = ui_test_find_named (GTK_WIDGET (card), "reason-draft-marker");
      say (driver, "seen\t%" G_GINT64_FORMAT "\t%s\t%d\t%s\n", child_id, groups[i],
           marker != NULL && gtk_widget_get_visible (marker), text != NULL ? text : "");
    }
  return TRUE;
}

/* ui_test_click without --sync: the pointer may already be where the last run left it, and
 * xdotool then waits for a move that never comes. */
static void
click (GtkWidget *widget,
       double     x,
       double     y)
{
  GtkNative *native = gtk_widget_get_native (widget);
  graphene_point_t in;
  graphene_point_t out;
  double dx = 0;
  double dy = 0;
  g_autofree char *window = NULL;
  g_autofree char *sx = NULL;
  g_autofree char *sy = NULL;

  g_assert_true (gtk_widget_get_mapped (widget));
  ui_test_scroll_into_view (widget);
  in.x = x >= 0 ? x : gtk_widget_get_width (widget) / 2.0;
  in.y = y >= 0 ? y : gtk_widget_get_height (widget) / 2.0;
  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native), &in, &out));
  gtk_native_get_surface_transform (native, &dx, &dy);
  window = g_strdup_printf ("%lu", (unsigned long) gdk_x11_surface_get_xid (gtk_native_get_surface (native)));
  sx = g_strdup_printf ("%d", (int) (out.x + dx));
  sy = g_strdup_printf ("%d", (int) (out.y + dy));
  {
    const char * const args[] = { "mousemove", "--window", window, sx, sy, "click", "1", NULL };

    ui_test_xdotool (args);
  }
}

/* Types @text on the keyboard, a key every 5 ms, wherever the focus is. */
static void
type_fast (const char *text)
{
  const char * const args[] = { "type", "--delay", "5", text, NULL };

  ui_test_xdotool (args);
}

/* Clicks into @card's reason, at its end, and types @text. */
static void
type_reason (QuorumVoteCard *card,
             const char     *text)
{
  GtkWidget *view = GTK_WIDGET (quorum_text_field_get_view (quorum_vote_card_get_reason_field (card)));

  click (view, 8, 8);
  ui_test_key ("ctrl+End");
  type_fast (" ");
  type_fast (text);
}

/* A reason typed and not recorded: acknowledged once the card marks it as a draft and the
 * draft holds the words on the screen. */
static void
do_draft (Driver         *driver,
          QuorumWindow   *window,
          gint64          child_id,
          const char     *group)
{
  QuorumVoteCard *card = card_of (window, child_id, group);
  g_autofree char *text = random_words (driver);
  g_autofree char *scope = g_strdup_printf ("child:%" G_GINT64_FORMAT ":vote:%s", child_id, group);
  QuorumStore *store = quorum_window_get_store (window);
  gint64 until;

  type_reason (card, text);
  until = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < until)
    {
      g_autofree char *field = NULL;
      g_autofree char *draft = NULL;
      GtkWidget *marker;

      ui_test_iterate (50);
      card = card_of (window, child_id, group);
      if (card == NULL)
        return;
      field = quorum_text_field_get_text (quorum_vote_card_get_reason_field (card));
      marker = ui_test_find_named (GTK_WIDGET (card), "reason-draft-marker");
      draft = quorum_store_get_draft (store, conf_id, scope, "reason", NULL);
      if (draft != NULL)
        g_strstrip (draft);
      if (field != NULL && marker != NULL && gtk_widget_get_visible (marker) && g_strcmp0 (draft, field) == 0)
        {
          say (driver, "draft\t%" G_GINT64_FORMAT "\t%s\t%s\n", child_id, group, field);
          return;
        }
    }
}

/* A group's view clicked, its reason typed, Ctrl+Enter: acknowledged once the card shows both
 * recorded. */
static void
do_vote (Driver       *driver,
         QuorumWindow *window,
         gint64        child_id,
         const char   *group)
{
  QuorumView view = g_rand_boolean (driver->rand) ? QUORUM_VIEW_PLAN : QUORUM_VIEW_NO_PLAN;
  QuorumVoteCard *card = card_of (window, child_id, group);
  g_autofree char *text = random_words (driver);
  Wanted wanted = { window, child_id, group, view, NULL };
  GtkWidget *button = find_button (GTK_WIDGET (card), view == QUORUM_VIEW_PLAN ? "Plan" : "No plan");

  g_assert_nonnull (button);
  click (button, -1, -1);
  trace ("view clicked");
  if (!wait_for (vote_shown_recorded, &wanted, 5000))
    {
      g_test_message ("the view clicked for %s was not shown recorded", group);
      if (g_getenv ("QUORUM_APP_DEBUG") != NULL)
        ui_test_screenshot (GTK_WIDGET (window), "crash-debug");
      return;
    }
  trace ("view recorded");
  type_reason (card_of (window, child_id, group), text);
  trace ("reason typed");
  ui_test_key ("ctrl+Return");
  ui_test_iterate (100);
  trace ("ctrl+Return");

  /* The reason recorded with the view: what the card shows as stored, after the words typed. */
  {
    gint64 until = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

    while (g_get_monotonic_time () < until)
      {
        QuorumVoteCard *now = card_of (window, child_id, group);
        QuorumGroupItem *item = now != NULL ? quorum_vote_card_get_item (now) : NULL;
        const char *reason = item != NULL ? quorum_group_item_get_reason (item) : NULL;

        if (item != NULL && quorum_group_item_get_recorded_at (item) != NULL &&
            quorum_group_item_get_view (item) == view && reason != NULL && g_str_has_suffix (reason, text))
          {
            say (driver, "vote\t%" G_GINT64_FORMAT "\t%s\t%s\t%s\n", child_id, group,
                 quorum_view_to_string (view), reason);
            return;
          }
        ui_test_iterate (50);
      }
  }
}

/* Ctrl+T, a grandmother's name, Tab, her role, Enter: acknowledged once she is listed. */
static void
do_attendee (Driver       *driver,
             QuorumWindow *window)
{
  g_autofree char *name = g_strdup_printf ("Gran %u-%u", ++driver->serial, g_rand_int_range (driver->rand, 0, 1000));
  Wanted wanted = { window, 0, NULL, 0, name };

  /* A form the last run left half filled comes back as a draft: the chair types over it. */
  ui_test_key ("ctrl+t");
  ui_test_iterate (100);
  ui_test_key ("ctrl+a");
  type_fast (name);
  ui_test_key ("Tab");
  ui_test_key ("ctrl+a");
  type_fast ("Grandmother");
  ui_test_key ("Return");
  if (wait_for (attendee_listed, &wanted, 5000))
    say (driver, "attendee\t%s\n", name);
}

/* Ctrl+D, the confirmation, Enter: acknowledged once the decision is shown. */
static gboolean
do_decide (Driver       *driver,
           QuorumWindow *window,
           gint64        child_id)
{
  Wanted wanted = { window, child_id, NULL, 0, NULL };

  ui_test_key ("ctrl+d");
  if (!wait_for (dialog_shown, NULL, 5000))
    return FALSE;
  ui_test_key ("Return");
  if (!wait_for (decision_shown, &wanted, 5000))
    return FALSE;
  say (driver, "decision\t%" G_GINT64_FORMAT "\n", child_id);
  return TRUE;
}

static void
drive (Driver       *driver,
       QuorumWindow *window)
{
  gint64 child_id = first_undecided_child (window);

  say (driver, "ready\n");
  if (child_id == 0 || !go_to_child (driver, window, child_id))
    {
      say (driver, "done\n");
      return;
    }

  for (;;)
    {
      g_autoptr(GPtrArray) open = g_ptr_array_new ();
      const QuorumConference *conference = shown (window);
      double dice = g_rand_double (driver->rand);

      for (guint i = 0; groups[i] != NULL; i++)
        {
          QuorumVoteCard *card = card_of (window, child_id, groups[i]);

          if (card != NULL && quorum_group_item_get_recorded_at (quorum_vote_card_get_item (card)) == NULL)
            g_ptr_array_add (open, (gpointer) groups[i]);
        }

      if (dice < 0.12)
        do_attendee (driver, window);
      else if (open->len > 0 && dice < 0.45)
        do_draft (driver, window, child_id, g_ptr_array_index (open, g_rand_int_range (driver->rand, 0, open->len)));
      else if (open->len > 0)
        do_vote (driver, window, child_id, g_ptr_array_index (open, g_rand_int_range (driver->rand, 0, open->len)));
      else if (dice < 0.55)
        do_draft (driver, window, child_id, groups[g_rand_int_range (driver->rand, 0, 3)]);
      else
        {
          do_decide (driver, window, child_id);
          conference = shown (window);
          /* Decided or refused: on to the next child, if any. */
          if (quorum_conference_find_decision (conference, child_id) == NULL)
            ui_test_key ("Escape");
          child_id = first_undecided_child (window);
          if (child_id == 0 || !go_to_child (driver, window, child_id))
            {
              say (driver, "done\n");
              return;
            }
        }
    }
}

static gboolean
start_cb (gpointer user_data)
{
  Driver *driver = user_data;
  QuorumWindow *window = find_window (driver);

  if (window == NULL || !gtk_widget_get_mapped (GTK_WIDGET (window)) || shown (window) == NULL)
    return G_SOURCE_CONTINUE;

  ui_test_iterate (200);
  drive (driver, window);
  /* Nothing more to do: the test kills the app all the same. */
  return G_SOURCE_REMOVE;
}

static void
activate_after_cb (GApplication *app,
                   Driver       *driver)
{
  if (!driver->started)
    g_timeout_add (50, start_cb, driver);
  driver->started = TRUE;
}

static G_NORETURN void
run_app (int     fd,
         guint32 seed)
{
  g_autofree char *open_arg = g_strdup_printf ("%" G_GINT64_FORMAT, conf_id);
  char *argv[] = { "quorum", "--db", db_path, "--open", open_arg, NULL };
  QuorumApplication *app;
  Driver driver = { 0 };

  /* The app and the xdotool it starts are one process group: one kill stops both, so no key
   * typed for this run reaches the next. */
  setpgid (0, 0);
  app = quorum_application_new ();
  driver.app = GTK_APPLICATION (app);
  driver.fd = fd;
  driver.rand = g_rand_new_with_seed (seed);
  g_signal_connect_after (app, "activate", G_CALLBACK (activate_after_cb), &driver);
  _exit (g_application_run (G_APPLICATION (app), G_N_ELEMENTS (argv) - 1, argv));
}

/* ---------------------------------------------------------------------------------------- */
/* In the test: what was acknowledged, and the checks after each kill.                      */

typedef struct
{
  GHashTable *votes;      /* "child\tgroup" → "view\treason" */
  GHashTable *drafts;     /* "child\tgroup" → words shown as a draft */
  GHashTable *attendees;  /* name → itself */
  GHashTable *decisions;  /* child id as a string → itself */
  guint       acked;
  guint       lost;
  guint       recovered;
  guint       kills;
  guint       killed_starting;
  guint       snapshot_rows;
} Ledger;

static QuorumStore *
open_store (void)
{
  g_autoptr(GError) error = NULL;
  QuorumStore *store = quorum_store_open (db_path, &error);

  g_assert_no_error (error);
  return store;
}

static void
lose (Ledger     *ledger,
      const char *what)
{
  ledger->lost++;
  g_test_message ("LOST: %s", what);
  g_printerr ("# lost: %s\n", what);
}

/* One acknowledgement line from the app. */
static void
take_line (Ledger     *ledger,
           char       *line,
           GPtrArray  *seen)
{
  g_auto(GStrv) f = g_strsplit (line, "\t", -1);
  guint n = g_strv_length (f);

  if (g_str_equal (f[0], "vote") && n == 5)
    {
      g_autofree char *key = g_strdup_printf ("%s\t%s", f[1], f[2]);

      g_hash_table_replace (ledger->votes, g_strdup (key), g_strdup_printf ("%s\t%s", f[3], f[4]));
      /* What was typed as a draft for this card was recorded with it. */
      g_hash_table_remove (ledger->drafts, key);
      ledger->acked++;
    }
  else if (g_str_equal (f[0], "draft") && n == 4)
    {
      g_hash_table_replace (ledger->drafts, g_strdup_printf ("%s\t%s", f[1], f[2]), g_strdup (f[3]));
      ledger->acked++;
    }
  else if (g_str_equal (f[0], "attendee") && n == 2)
    {
      g_hash_table_add (ledger->attendees, g_strdup (f[1]));
      ledger->acked++;
    }
  else if (g_str_equal (f[0], "decision") && n == 2)
    {
      g_hash_table_add (ledger->decisions, g_strdup (f[1]));
      ledger->acked++;
    }
  else if (g_str_equal (f[0], "seen") && n == 5)
    g_ptr_array_add (seen, g_strdup (line));
  else if (!g_str_equal (f[0], "ready") && !g_str_equal (f[0], "done"))
    g_error ("The app said something unexpected: %s", line);
}

static const char *
draft_in_store (QuorumStore *store,
                const char  *child,
                const char  *group,
                char       **out)
{
  g_autofree char *scope = g_strdup_printf ("child:%s:vote:%s", child, group);
  g_autoptr(GError) error = NULL;

  /* Kept as typed; the field shows (and records) it without the spaces around it. */
  *out = quorum_store_get_draft (store, conf_id, scope, "reason", &error);
  g_assert_no_error (error);
  if (*out != NULL)
    g_strstrip (*out);
  return *out;
}

/* What a second connection reads just before the kill: each of it must outlive the kill. */
typedef struct
{
  GPtrArray *votes;       /* "child\tgroup\tview\treason" */
  GPtrArray *attendees;
  GPtrArray *decisions;
} Snapshot;

static void
snapshot_take (Snapshot *snap)
{
  g_autoptr(QuorumStore) store = open_store ();
  g_autoptr(QuorumConference) conference = ui_test_load (store, conf_id);

  snap->votes = g_ptr_array_new_with_free_func (g_free);
  snap->attendees = g_ptr_array_new_with_free_func (g_free);
  snap->decisions = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < conference->votes->len; i++)
    {
      QuorumVote *vote = g_ptr_array_index (conference->votes, i);

      g_ptr_array_add (snap->votes, g_strdup_printf ("%" G_GINT64_FORMAT "\t%s\t%s\t%s", vote->child_id, vote->group,
                                                     quorum_view_to_string (vote->view), vote->reason ? vote->reason : ""));
    }
  for (guint i = 0; i < conference->attendees->len; i++)
    g_ptr_array_add (snap->attendees, g_strdup (((QuorumAttendee *) g_ptr_array_index (conference->attendees, i))->name));
  for (guint i = 0; i < conference->decisions->len; i++)
    g_ptr_array_add (snap->decisions, g_strdup_printf ("%" G_GINT64_FORMAT, ((QuorumDecision *) g_ptr_array_index (conference->decisions, i))->child_id));
}

static void
snapshot_clear (Snapshot *snap)
{
  g_clear_pointer (&snap->votes, g_ptr_array_unref);
  g_clear_pointer (&snap->attendees, g_ptr_array_unref);
  g_clear_pointer (&snap->decisions, g_ptr_array_unref);
}

static int
run_tool (const char * const *argv,
          char              **out)
{
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, out, NULL, &status, &error);
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : 128;
}

static void
check_after_kill (Ledger   *ledger,
                  Snapshot *snap)
{
  g_autoptr(QuorumStore) store = open_store ();
  g_autoptr(QuorumConference) conference = ui_test_load (store, conf_id);
  GHashTableIter iter;
  gpointer key, value;

  /* Every view and reason the app showed as recorded. */
  g_hash_table_iter_init (&iter, ledger->votes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_auto(GStrv) k = g_strsplit (key, "\t", 2);
      g_auto(GStrv) v = g_strsplit (value, "\t", 2);
      QuorumVote *vote = quorum_conference_find_vote (conference, g_ascii_strtoll (k[0], NULL, 10), k[1]);
      g_autofree char *what = g_strdup_printf ("the vote %s: %s", (char *) key, (char *) value);

      /* Later words for the same card may have been recorded since: they end with more. */
      if (vote == NULL || g_strcmp0 (quorum_view_to_string (vote->view), v[0]) != 0 ||
          vote->reason == NULL || !g_str_has_prefix (vote->reason, v[1]))
        lose (ledger, what);
    }

  /* Every draft it showed: the words are kept as a draft, or were recorded since. */
  g_hash_table_iter_init (&iter, ledger->drafts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_auto(GStrv) k = g_strsplit (key, "\t", 2);
      g_autofree char *draft = NULL;
      QuorumVote *vote = quorum_conference_find_vote (conference, g_ascii_strtoll (k[0], NULL, 10), k[1]);
      g_autofree char *what = g_strdup_printf ("the draft %s: %s", (char *) key, (char *) value);

      draft_in_store (store, k[0], k[1], &draft);
      if (!(draft != NULL && g_str_has_prefix (draft, value)) &&
          !(vote != NULL && vote->reason != NULL && g_str_has_prefix (vote->reason, value)))
        lose (ledger, what);
    }

  g_hash_table_iter_init (&iter, ledger->attendees);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gboolean found = FALSE;

      for (guint i = 0; i < conference->attendees->len && !found; i++)
        found = g_strcmp0 (((QuorumAttendee *) g_ptr_array_index (conference->attendees, i))->name, key) == 0;
      if (!found)
        lose (ledger, key);
    }

  g_hash_table_iter_init (&iter, ledger->decisions);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (quorum_conference_find_decision (conference, g_ascii_strtoll (key, NULL, 10)) == NULL)
      lose (ledger, key);

  /* What the second connection read before the kill. */
  if (snap->votes != NULL)
    {
      for (guint i = 0; i < snap->votes->len; i++)
        {
          g_auto(GStrv) f = g_strsplit (g_ptr_array_index (snap->votes, i), "\t", 4);
          QuorumVote *vote = quorum_conference_find_vote (conference, g_ascii_strtoll (f[0], NULL, 10), f[1]);

          /* The same view, with the reason read then (words typed since may follow it). */
          if (vote == NULL || !g_str_equal (quorum_view_to_string (vote->view), f[2]) ||
              !g_str_has_prefix (vote->reason ? vote->reason : "", f[3]))
            {
              g_autofree char *what = g_strdup_printf ("%s (read before the kill), now %s %s",
                                                       (char *) g_ptr_array_index (snap->votes, i),
                                                       vote ? quorum_view_to_string (vote->view) : "none",
                                                       vote && vote->reason ? vote->reason : "");
              lose (ledger, what);
            }
        }
      for (guint i = 0; i < snap->attendees->len; i++)
        {
          gboolean found = FALSE;

          for (guint j = 0; j < conference->attendees->len && !found; j++)
            found = g_str_equal (((QuorumAttendee *) g_ptr_array_index (conference->attendees, j))->name,
                                 g_ptr_array_index (snap->attendees, i));
          if (!found)
            lose (ledger, g_ptr_array_index (snap->attendees, i));
        }
      for (guint i = 0; i < snap->decisions->len; i++)
        if (quorum_conference_find_decision (conference, g_ascii_strtoll (g_ptr_array_index (snap->decisions, i), NULL, 10)) == NULL)
          lose (ledger, g_ptr_array_index (snap->decisions, i));
      ledger->snapshot_rows += snap->votes->len + snap->attendees->len + snap->decisions->len;
    }

  /* Nothing half-written: each decision with the views it counted, its dissents' views, and a
   * plan exactly where it decided on one. */
  for (guint i = 0; i < conference->decisions->len; i++)
    {
      QuorumDecision *decision = g_ptr_array_index (conference->decisions, i);
      int n_plan = 0, n_no_plan = 0, n_declined = 0;

      for (guint j = 0; groups[j] != NULL; j++)
        {
          QuorumVote *vote = quorum_conference_find_current_vote (conference, decision->child_id, groups[j]);

          if (vote == NULL)
            continue;
          n_plan += vote->view == QUORUM_VIEW_PLAN;
          n_no_plan += vote->view == QUORUM_VIEW_NO_PLAN;
          n_declined += vote->view == QUORUM_VIEW_DECLINE;
        }
      g_assert_cmpint (decision->n_plan, ==, n_plan);
      g_assert_cmpint (decision->n_no_plan, ==, n_no_plan);
      g_assert_cmpint (decision->n_declined, ==, n_declined);
      g_assert_nonnull (decision->decided_at);
      for (guint j = 0; j < decision->dissent->len; j++)
        {
          QuorumDissent *dissent = g_ptr_array_index (decision->dissent, j);
          QuorumVote *vote = quorum_conference_find_current_vote (conference, decision->child_id, dissent->group);

          g_assert_nonnull (vote);
          g_assert_cmpint (vote->view, ==, dissent->view);
          g_assert_cmpstr (vote->reason, ==, dissent->reason);
        }
      g_assert_cmpint (decision->outcome == QUORUM_VIEW_PLAN, ==,
                       quorum_conference_find_plan (conference, decision->child_id) != NULL);
    }
  g_clear_object (&store);

  /* The file is sound and its record verifies, with the other program. */
  {
    const char *cli = g_getenv ("QUORUM_CLI");
    const char * const integrity[] = { "sqlite3", db_path, "PRAGMA integrity_check", NULL };
    const char * const verify[] = { cli, "--db", db_path, "verify", NULL };
    g_autofree char *out = NULL;

    g_assert_cmpint (run_tool (integrity, &out), ==, 0);
    g_assert_cmpstr (g_strstrip (out), ==, "ok");
    g_assert_nonnull (cli);
    g_assert_cmpint (run_tool (verify, NULL), ==, 0);
  }
}

/* Every draft of a vote's reason the database holds, by "child\tgroup". */
static GHashTable *
drafts_in_store (void)
{
  g_autoptr(QuorumStore) store = open_store ();
  g_autoptr(QuorumConference) conference = ui_test_load (store, conf_id);
  GHashTable *drafts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < conference->children->len; i++)
    for (guint j = 0; groups[j] != NULL; j++)
      {
        gint64 child_id = ((QuorumChild *) g_ptr_array_index (conference->children, i))->id;
        g_autofree char *child = g_strdup_printf ("%" G_GINT64_FORMAT, child_id);
        QuorumVote *vote = quorum_conference_find_current_vote (conference, child_id, groups[j]);
        g_autofree char *recorded = vote != NULL && vote->reason != NULL ? g_strstrip (g_strdup (vote->reason)) : NULL;
        char *draft = NULL;

        if (draft_in_store (store, child, groups[j], &draft) == NULL)
          continue;
        /* Killed after the vote was stored and before its draft was let go: these words are
         * the recorded reason, rightly shown as recorded and not as a draft. */
        if (g_strcmp0 (recorded, draft) == 0)
          {
            g_free (draft);
            continue;
          }
        g_hash_table_insert (drafts, g_strdup_printf ("%s\t%s", child, groups[j]), draft);
      }
  return drafts;
}

/* On its next start the app showed each draft the database held for the child it opened in
 * its field, marked as not yet recorded. */
static void
check_recovered (Ledger     *ledger,
                 GPtrArray  *seen,
                 GHashTable *drafts)
{
  for (guint i = 0; i < seen->len; i++)
    {
      g_auto(GStrv) f = g_strsplit (g_ptr_array_index (seen, i), "\t", 5);
      g_autofree char *key = g_strdup_printf ("%s\t%s", f[1], f[2]);
      const char *draft = g_hash_table_lookup (drafts, key);

      if (draft == NULL)
        continue;
      g_assert_cmpstr (f[4], ==, draft);
      g_assert_cmpstr (f[3], ==, "1");
      ledger->recovered++;
    }
}

/* A conference of @n children, three agencies present, an attempt without agreement each. */
static void
new_conference (guint n)
{
  g_autoptr(QuorumStore) store = open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  QuorumConferenceSpec spec = { .kind = QUORUM_KIND_INITIAL, .chair = "Jo Chair", .profile_id = "bolton" };
  g_autoptr(QuorumConference) conference = NULL;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (names, g_strdup_printf ("Child %c Crash", 'A' + i));
  g_ptr_array_add (names, NULL);
  spec.children = (const char * const *) names->pdata;
  g_date_set_dmy (&spec.date, 2, G_DATE_MARCH, 2026);
  conf_id = quorum_store_create_conference (store, &spec, &error);
  g_assert_no_error (error);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_autofree char *name = g_strdup_printf ("Rep of %s", groups[i]);
      QuorumAttendeeSpec attendee = { .name = name, .agency = groups[i], .line_management = groups[i], .voting = TRUE };

      quorum_store_add_attendee (store, conf_id, &attendee, &error);
      g_assert_no_error (error);
    }
  conference = ui_test_load (store, conf_id);
  for (guint i = 0; i < conference->children->len; i++)
    {
      QuorumAttemptSpec attempt = { .child_id = ((QuorumChild *) g_ptr_array_index (conference->children, i))->id,
                                    .summary = "No agreement" };

      quorum_store_add_attempt (store, conf_id, &attempt, &error);
      g_assert_no_error (error);
    }
}

static gboolean
all_decided (void)
{
  g_autoptr(QuorumStore) store = open_store ();
  g_autoptr(QuorumConference) conference = ui_test_load (store, conf_id);

  return conference->decisions->len == conference->children->len;
}

/* This process starts no GTK: xdotool and an X display are enough. */
static gboolean
have_xdotool (void)
{
  g_autofree char *path = g_find_program_in_path ("xdotool");

  return path != NULL && g_getenv ("DISPLAY") != NULL;
}

static void
test_kill_the_app (void)
{
  guint kills = 20;
  guint max_work_ms = 12000;
  const char *env = g_getenv ("QUORUM_APP_KILLS");
  Ledger ledger = { 0 };
  guint32 base = g_test_rand_int ();

  if (env != NULL && *env != '\0')
    kills = (guint) g_ascii_strtoull (env, NULL, 10);
  /* How long the chair may work before the kill (the longest); a debugging aid. */
  env = g_getenv ("QUORUM_APP_WORK_MS");
  if (env != NULL && *env != '\0')
    max_work_ms = (guint) g_ascii_strtoull (env, NULL, 10);
  if (!have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  ledger.votes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ledger.drafts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ledger.attendees = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ledger.decisions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  db_path = ui_test_db_path ();
  new_conference (4);

  for (guint round = 0; round < kills; round++)
    {
      guint32 seed = base + round;
      g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GString) pending = g_string_new (NULL);
      g_autoptr(GHashTable) drafts = NULL;
      Snapshot snap = { 0 };
      gboolean ready = FALSE;
      gboolean starting_kill;
      guint after_acks;
      guint acked_before;
      gint64 kill_at;
      gint64 forked;
      double ready_after = 0;
      int fds[2];
      int status = 0;
      pid_t pid;

      /* Every child decided: the rounds go on in a new conference. What the ledger holds was
       * checked against the old one after the last kill; it is about the old one's children,
       * so it starts again (kept, it read as every record lost at once). */
      if (all_decided ())
        {
          new_conference (4);
          g_hash_table_remove_all (ledger.votes);
          g_hash_table_remove_all (ledger.drafts);
          g_hash_table_remove_all (ledger.attendees);
          g_hash_table_remove_all (ledger.decisions);
        }
      /* The drafts left by the last kill: the app must give them back. */
      drafts = drafts_in_store ();

      g_assert_cmpint (pipe (fds), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          close (fds[0]);
          run_app (fds[1], seed);
        }
      close (fds[1]);
      setpgid (pid, pid);
      forked = g_get_monotonic_time ();

      /* One kill in six lands while the app starts (opening the database, the first load); one
       * in three just after the app shows its first, second or third write as done (within
       * 300 ms: the write and what follows it); the others at any moment while the chair works,
       * up to twelve seconds in. */
      starting_kill = g_random_int_range (0, 6) == 0;
      after_acks = !starting_kill && g_random_int_range (0, 3) == 0 ? g_random_int_range (1, 4) : 0;
      kill_at = g_get_monotonic_time () + (starting_kill ? g_random_int_range (0, 1500) : 60000) * (gint64) 1000;

      for (;;)
        {
          struct pollfd pfd = { fds[0], POLLIN, 0 };
          gint64 now = g_get_monotonic_time ();
          char buffer[4096];
          ssize_t n;
          char *nl;

          if (now >= kill_at)
            break;
          if (poll (&pfd, 1, MAX (1, (kill_at - now) / 1000)) <= 0)
            continue;
          n = read (fds[0], buffer, sizeof buffer);
          if (n <= 0)
            break;   /* the app ended by itself: a crash, found below */
          g_string_append_len (pending, buffer, n);
          while ((nl = strchr (pending->str, '\n')) != NULL)
            {
              g_autofree char *line = g_strndup (pending->str, nl - pending->str);

              g_string_erase (pending, 0, nl - pending->str + 1);
              if (!ready && g_str_equal (line, "ready"))
                {
                  ready = TRUE;
                  ready_after = (g_get_monotonic_time () - forked) / 1e6;
                  if (!starting_kill && after_acks == 0)
                    kill_at = g_get_monotonic_time () + g_random_int_range (0, max_work_ms) * (gint64) 1000;
                }
              if (g_str_equal (line, "done"))
                kill_at = 0;
              acked_before = ledger.acked;
              take_line (&ledger, line, seen);
              if (after_acks > 0 && ledger.acked > acked_before && --after_acks == 0)
                kill_at = g_get_monotonic_time () + g_random_int_range (0, 300) * (gint64) 1000;
            }
        }

      /* A second connection reads the record, then the app dies where it stands. */
      if (ready)
        snapshot_take (&snap);
      g_assert_cmpint (kill (-pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      if (!WIFSIGNALED (status) || WTERMSIG (status) != SIGKILL)
        g_error ("Round %u (seed %u): the app ended by itself (status %d) before it was killed", round, seed, status);
      ledger.kills++;
      ledger.killed_starting += !ready;

      /* What it wrote before it died was acknowledged too. */
      {
        char buffer[4096];
        ssize_t n;
        char *nl;

        while ((n = read (fds[0], buffer, sizeof buffer)) > 0)
          g_string_append_len (pending, buffer, n);
        while ((nl = strchr (pending->str, '\n')) != NULL)
          {
            g_autofree char *line = g_strndup (pending->str, nl - pending->str);

            g_string_erase (pending, 0, nl - pending->str + 1);
            take_line (&ledger, line, seen);
          }
      }
      close (fds[0]);

      g_test_message ("round %u (seed %u): %s %.1f s after the fork (ready after %.1f s), %u acknowledged so far",
                      round, seed, ready ? "killed while working" : "killed while starting",
                      (g_get_monotonic_time () - forked) / 1e6, ready_after, ledger.acked);
      check_recovered (&ledger, seen, drafts);
      check_after_kill (&ledger, &snap);
      snapshot_clear (&snap);
      g_assert_cmpuint (ledger.lost, ==, 0);
    }

  g_printerr ("# figures: kills=%u killed_while_starting=%u acknowledged=%u (votes %u, drafts %u, attendees %u, decisions %u) "
              "read_before_kill=%u drafts_recovered_on_reopen=%u lost=%u\n",
              ledger.kills, ledger.killed_starting, ledger.acked, g_hash_table_size (ledger.votes),
              g_hash_table_size (ledger.drafts), g_hash_table_size (ledger.attendees),
              g_hash_table_size (ledger.decisions), ledger.snapshot_rows, ledger.recovered, ledger.lost);
  g_assert_cmpuint (ledger.lost, ==, 0);
  g_assert_cmpuint (ledger.acked, >, 0);

  g_hash_table_unref (ledger.votes);
  g_hash_table_unref (ledger.drafts);
  g_hash_table_unref (ledger.attendees);
  g_hash_table_unref (ledger.decisions);
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

  /* GTK starts only in the forked app, never in this process. */
  g_test_add_func ("/ui/crash/kill-the-app", test_kill_the_app);

  return g_test_run ();
}
