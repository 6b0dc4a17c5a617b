/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-crash.c: the crash suite through the app. The app (QuorumApplication, the code main.c
 * runs, with --db and --open) is forked on a database and driven as a chair drives it, with the
 * keyboard and the mouse through the X server (xdotool): it clicks a group's view, types the
 * group's reason and presses Ctrl+Enter, types a reason and leaves it unrecorded (a draft), adds a
 * grandmother by Ctrl+T, her name, Tab, her role and Enter, takes a decision by Ctrl+D and Enter.
 * It is killed with SIGKILL at a random moment (while starting; within 300 ms of the first, second
 * or third write it showed as done; or anywhere in its first twelve seconds of work: typing,
 * storing, deciding), and again, QUORUM_APP_KILLS times (10 by default, as `./build-aux/dev test`
 * runs it; 20 until the suite's time was cut, docs/notes/suitefast.md; `./build-aux/dev proofs-long`
 * runs 300).
 *
 * After every kill:
 * - every write the app acknowledged is in the database: each view and reason its card showed as
 *   recorded, each attendee listed, each decision shown, each draft it showed as "not yet
 *   recorded" (its words whole, kept as a draft or within the reason it went on to record:
 *   later words may stand before them as well as after);
 * - every record a second connection read just before the kill is still there;
 * - nothing is half-written: each decision's tally is the views of its child, each dissent has its
 *   group's view, a plan stands exactly where the decision is "plan";
 * - PRAGMA integrity_check is "ok" and `quorum-cli verify` exits 0;
 * - on the next start the app shows every draft the database holds for the child it opens, in its
 *   field and marked as not yet recorded.
 * The figures (kills, acknowledged writes, lost = 0) are printed at the end; a loss prints what
 * the file holds for it. /ui/crash/typed-before-a-draft plays CI's one failure (a draft read as
 * lost, its words recorded after new ones) without chance; /ui/crash/draft-recorded-then-looked-at
 * a 60-kill run's (a draft given back, recorded with words after it, the child looked at again
 * and read as the draft not given back). */

#include <errno.h>
#include <execinfo.h>
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
/* In the forked app: one scripted step for test_typed_before_a_draft () and
 * test_draft_recorded_then_looked_at () instead of the chair's random work ("draft": a draft for
 * NHS Trust; "vote-before-the-draft": its view, then words typed before the draft given back,
 * recorded; "vote-on-the-draft-then-look": its view, then words typed after the draft given back,
 * recorded, and the child looked at again; "look": the child looked at, nothing done). NULL: the
 * random work. */
static const char *script;

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
static void key (const char *keys);

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
    key ("ctrl+Page_Down");
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
           marker != NULL && gtk_widget_get_opacity (marker) > 0.0, text != NULL ? text : "");
    }
  return TRUE;
}

/* What xdotool did has reached the app before the chair looks at the screen or acts again: a
 * round trip to the X server (its reply comes after every event the server sent before it, and
 * xdotool waited for the server to take its keys and clicks before it ended), then the events
 * handled. Without it a loaded machine delivered a key after the driver had looked (a draft
 * acknowledged before the words typed reached it, those words then typed into the next form). */
static void
settle (void)
{
  gdk_display_sync (gdk_display_get_default ());
  ui_test_iterate (20);
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
  settle ();
}

/* Types @text on the keyboard, a key every 5 ms, wherever the focus is. */
static void
type_fast (const char *text)
{
  const char * const args[] = { "type", "--delay", "5", text, NULL };

  ui_test_xdotool (args);
  settle ();
}

/* Presses a key combination, then looks only once the app has handled it. */
static void
key (const char *keys)
{
  ui_test_key (keys);
  settle ();
}

/* Where the caret of @view stands, as the chair sees it blink: -1 when the field does not have
 * the keyboard. */
static int
caret_of (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter at;

  if (!gtk_widget_has_focus (GTK_WIDGET (view)))
    return -1;
  gtk_text_buffer_get_iter_at_mark (buffer, &at, gtk_text_buffer_get_insert (buffer));
  return gtk_text_iter_get_offset (&at);
}

/* Clicks into a card's reason, puts the caret at its end (Ctrl+End; with @at_start, at its
 * start: Ctrl+Home, words typed before those there) and types @text. As a person does, the
 * chair looks at the caret before typing: on a loaded machine a key can go astray (CI: Ctrl+End
 * did nothing, the words went before a draft given back, and the ledger, which expects words
 * typed at the end, read the draft as lost), so the click and the key are tried again, and
 * without the caret where it should be nothing is typed. Returns whether the words were typed. */
static gboolean
type_reason (QuorumWindow *window,
             gint64        child_id,
             const char   *group,
             const char   *text,
             gboolean      at_start)
{
  for (guint tries = 0; tries < 3; tries++)
    {
      QuorumVoteCard *card = card_of (window, child_id, group);
      GtkTextView *view = card != NULL ? quorum_text_field_get_view (quorum_vote_card_get_reason_field (card)) : NULL;
      int want;
      int caret;

      if (view == NULL || !gtk_widget_get_mapped (GTK_WIDGET (view)))
        return FALSE;
      click (GTK_WIDGET (view), 8, 8);
      key (at_start ? "ctrl+Home" : "ctrl+End");
      want = at_start ? 0 : gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (view));
      caret = caret_of (view);
      if (caret == want)
        {
          type_fast (at_start ? text : " ");
          type_fast (at_start ? " " : text);
          return TRUE;
        }
      g_test_message ("the caret of %s's reason is at %d, not %d: clicked and pressed again", group, caret, want);
    }
  return FALSE;
}

/* Whether the keyboard is in the widget named @name (an entry of the attendee form): the
 * chair's Ctrl+A anywhere else would select words there and type over them. */
static gboolean
focus_in (QuorumWindow *window,
          const char   *name)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  GtkWidget *widget = ui_test_find_named (GTK_WIDGET (window), name);

  return focus != NULL && widget != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* A reason typed and not recorded: acknowledged once the card marks it as a draft and the
 * draft holds the words on the screen. */
static void
do_draft (Driver         *driver,
          QuorumWindow   *window,
          gint64          child_id,
          const char     *group)
{
  QuorumVoteCard *card;
  g_autofree char *text = random_words (driver);
  g_autofree char *scope = g_strdup_printf ("child:%" G_GINT64_FORMAT ":vote:%s", child_id, group);
  QuorumStore *store = quorum_window_get_store (window);
  gint64 until;

  if (!type_reason (window, child_id, group, text, FALSE))
    return;
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
      if (field != NULL && marker != NULL && gtk_widget_get_opacity (marker) > 0.0 && g_strcmp0 (draft, field) == 0)
        {
          say (driver, "draft\t%" G_GINT64_FORMAT "\t%s\t%s\n", child_id, group, field);
          return;
        }
    }
}

/* A group's view clicked, its reason typed (after the words there; with @at_start, before
 * them), Ctrl+Enter: acknowledged once the card shows both recorded. */
static void
do_vote (Driver       *driver,
         QuorumWindow *window,
         gint64        child_id,
         const char   *group,
         gboolean      at_start)
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
  /* The view alone is recorded the moment it is clicked, and the card shows it: acknowledged
   * now, not only with the reason after Ctrl+Enter (a kill between them left the view the
   * chair had just chosen, read as the old one lost). */
  say (driver, "view\t%" G_GINT64_FORMAT "\t%s\t%s\n", child_id, group, quorum_view_to_string (view));
  if (!type_reason (window, child_id, group, text, at_start))
    return;
  trace ("reason typed");
  key ("ctrl+Return");
  ui_test_settle (100);
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
            quorum_group_item_get_view (item) == view && reason != NULL &&
            (at_start ? g_str_has_prefix (reason, text) : g_str_has_suffix (reason, text)))
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

  /* A form the last run left half filled comes back as a draft: the chair types over it, once
   * the keyboard is in it (Ctrl+A anywhere else would select a reason, typed over). */
  key ("ctrl+t");
  ui_test_settle (100);
  if (!focus_in (window, "name-entry"))
    return;
  key ("ctrl+a");
  type_fast (name);
  key ("Tab");
  if (!focus_in (window, "role-entry"))
    return;
  key ("ctrl+a");
  type_fast ("Grandmother");
  key ("Return");
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

  key ("ctrl+d");
  if (!wait_for (dialog_shown, NULL, 5000))
    return FALSE;
  key ("Return");
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

  if (script != NULL)
    {
      if (g_str_equal (script, "draft"))
        do_draft (driver, window, child_id, "NHS Trust");
      else if (g_str_equal (script, "vote-before-the-draft"))
        do_vote (driver, window, child_id, "NHS Trust", TRUE);
      else if (g_str_equal (script, "vote-on-the-draft-then-look"))
        {
          /* As the random work does after a decision refused (Ctrl+D, Escape): the child
           * shown again, after its view and reason were recorded. */
          do_vote (driver, window, child_id, "NHS Trust", FALSE);
          go_to_child (driver, window, child_id);
        }
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
        do_vote (driver, window, child_id, g_ptr_array_index (open, g_rand_int_range (driver->rand, 0, open->len)), FALSE);
      else if (dice < 0.55)
        do_draft (driver, window, child_id, groups[g_rand_int_range (driver->rand, 0, 3)]);
      else
        {
          do_decide (driver, window, child_id);
          conference = shown (window);
          /* Decided or refused: on to the next child, if any. */
          if (quorum_conference_find_decision (conference, child_id) == NULL)
            key ("Escape");
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

/* The app dying by itself (SIGSEGV seen three times: libadwaita 1.2 reading a toast it had
 * freed, quorum_window_add_toast and /ui/live/toasts-in-quick-succession): its
 * stack on the test's log, for the next time. */
static void
crashed (int signum)
{
  void *frames[64];
  int n = backtrace (frames, G_N_ELEMENTS (frames));
  static const char said[] = "# the app crashed; its stack:\n";

  if (write (STDERR_FILENO, said, sizeof said - 1) < 0)
    _exit (128 + signum);
  backtrace_symbols_fd (frames, n, STDERR_FILENO);
  signal (signum, SIG_DFL);
  raise (signum);
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
  signal (SIGSEGV, crashed);
  signal (SIGBUS, crashed);
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

static void
ledger_init (Ledger *ledger)
{
  ledger->votes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ledger->drafts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ledger->attendees = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ledger->decisions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
ledger_clear (Ledger *ledger)
{
  g_hash_table_unref (ledger->votes);
  g_hash_table_unref (ledger->drafts);
  g_hash_table_unref (ledger->attendees);
  g_hash_table_unref (ledger->decisions);
}

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
  else if (g_str_equal (f[0], "view") && n == 4)
    {
      g_autofree char *key = g_strdup_printf ("%s\t%s", f[1], f[2]);
      const char *before = g_hash_table_lookup (ledger->votes, key);
      const char *reason = before != NULL ? strchr (before, '\t') + 1 : "";

      /* The view now, the reason acknowledged before it still to stand. */
      g_hash_table_replace (ledger->votes, g_strdup (key), g_strdup_printf ("%s\t%s", f[3], reason));
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

/* Whether @words, acknowledged, still stand unbroken in @now (a draft or a recorded reason).
 * Not only at its start: the chair's later words go where the caret is, and a caret left at
 * the start (a click at the field's first line, Ctrl+End gone astray on a loaded machine: CI,
 * "LOST: the draft 3 NHS Trust: R2 risk health") put them before a draft given back. The app
 * recorded "R1 risk mother R2 risk health": every word kept, read as lost because the ledger
 * looked for the draft's words at the start (test_typed_before_a_draft ()). A word dropped,
 * replaced or cut in two is still a loss. */
static gboolean
kept_whole (const char *now,
            const char *words)
{
  return now != NULL && words != NULL && strstr (now, words) != NULL;
}

/* What the file holds for a child's group, printed after a loss so that a failure says what
 * became of the words: the group's vote rows as the record reads them (superseded or not) and
 * as the table holds them, every audit entry of those rows (each reason the vote ever had, in
 * order), and the draft row, untrimmed. Read with the sqlite3 shell: the test's own eyes. */
static void
show_key (const QuorumConference *conference,
          const char             *child,
          const char             *group)
{
  g_autofree char *quoted = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) parts = g_strsplit (group, "'", -1);
  gint64 child_id = g_ascii_strtoll (child, NULL, 10);

  for (guint i = 0; i < conference->votes->len; i++)
    {
      QuorumVote *vote = g_ptr_array_index (conference->votes, i);

      if (vote->child_id == child_id && quorum_group_equal (vote->group, group))
        g_printerr ("#   record: vote %" G_GINT64_FORMAT " %s%s, reason [%s], recorded %s\n", vote->id,
                    quorum_view_to_string (vote->view), vote->superseded ? " (superseded)" : "",
                    vote->reason != NULL ? vote->reason : "(none)", vote->recorded_at);
    }

  quoted = g_strjoinv ("''", parts);
  sql = g_strdup_printf ("SELECT 'table: vote ' || id || ' ' || view || ', reason ' || quote (reason) || ', recorded ' || recorded_at "
                         "FROM vote WHERE conference_id = %" G_GINT64_FORMAT " AND child_id = %" G_GINT64_FORMAT " AND grp = '%s' ORDER BY id;"
                         "SELECT 'audit ' || a.id || ' ' || a.at || ' ' || a.action || ': ' || replace (coalesce (a.data, ''), char (10), '; ') "
                         "FROM audit a JOIN vote v ON a.entity = 'vote' AND a.entity_id = v.id "
                         "WHERE v.conference_id = %" G_GINT64_FORMAT " AND v.child_id = %" G_GINT64_FORMAT " AND v.grp = '%s' ORDER BY a.id;"
                         "SELECT 'draft ' || scope || ' ' || field || ': ' || quote (text) || ', updated ' || updated_at "
                         "FROM draft WHERE conference_id = %" G_GINT64_FORMAT " AND scope = 'child:%" G_GINT64_FORMAT ":vote:%s';",
                         conf_id, child_id, quoted, conf_id, child_id, quoted, conf_id, child_id, quoted);
  {
    const char * const argv[] = { "sqlite3", "-readonly", db_path, sql, NULL };

    if (run_tool (argv, &out) != 0)
      g_printerr ("#   (the sqlite3 shell could not read the file)\n");
  }
  if (out != NULL && *out != '\0')
    {
      g_auto(GStrv) lines = g_strsplit (g_strchomp (out), "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        g_printerr ("#   %s\n", lines[i]);
    }
  else
    g_printerr ("#   the file holds no vote row and no draft for it\n");
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

      /* Later words for the same card may have been recorded since, around these: kept whole
       * (see kept_whole ()). */
      if (vote == NULL || g_strcmp0 (quorum_view_to_string (vote->view), v[0]) != 0 ||
          (*v[1] != '\0' && !kept_whole (vote->reason, v[1])))
        {
          lose (ledger, what);
          show_key (conference, k[0], k[1]);
        }
    }

  /* Every draft it showed: the words are kept as a draft, or were recorded since, whole. */
  g_hash_table_iter_init (&iter, ledger->drafts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_auto(GStrv) k = g_strsplit (key, "\t", 2);
      g_autofree char *draft = NULL;
      QuorumVote *vote = quorum_conference_find_vote (conference, g_ascii_strtoll (k[0], NULL, 10), k[1]);
      g_autofree char *what = g_strdup_printf ("the draft %s: %s", (char *) key, (char *) value);

      draft_in_store (store, k[0], k[1], &draft);
      if (!kept_whole (draft, value) && !(vote != NULL && kept_whole (vote->reason, value)))
        {
          lose (ledger, what);
          show_key (conference, k[0], k[1]);
        }
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

          /* The same view, with the reason read then (words typed since may stand around it). */
          if (vote == NULL || !g_str_equal (quorum_view_to_string (vote->view), f[2]) ||
              !kept_whole (vote->reason ? vote->reason : "", f[3]))
            {
              g_autofree char *what = g_strdup_printf ("%s (read before the kill), now %s %s",
                                                       (char *) g_ptr_array_index (snap->votes, i),
                                                       vote ? quorum_view_to_string (vote->view) : "none",
                                                       vote && vote->reason ? vote->reason : "");
              lose (ledger, what);
              show_key (conference, f[0], f[1]);
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
        /* The recorded words then spaces, kept as a mark and the spaces (quorum-draft.c's
         * RECORDED_MARK): given back as the recorded reason and its spaces, and no draft of
         * words not recorded (the 60-kill run's "\037" against "R1 school family"). */
        if (g_str_has_prefix (draft, "\x1f"))
          {
            g_free (draft);
            continue;
          }
        g_hash_table_insert (drafts, g_strdup_printf ("%s\t%s", child, groups[j]), draft);
      }
  return drafts;
}

/* On its next start the app showed each draft the database held for the child it opened in
 * its field, marked as not yet recorded.
 *
 * @drafts is what the file held before the fork; a card is judged by it at the chair's first
 * look only. The driver looks at a child again whenever it goes back to it (after a decision
 * the rules refused: Ctrl+D, Escape, the same child shown again), and by then the chair may
 * have worked on the card: the draft given back recorded with its view and words typed after
 * it (Ctrl+Enter), or words added to the draft. The card then rightly shows those words, not
 * the draft as it stood before the fork (the 60-kill run's round 45: "R3 father nurse R1 school
 * R2 appointments" given back for Police, recorded with " R1 bruising drift" after it, the
 * child looked at again: read as the draft not given back). What became of the words since is
 * check_after_kill ()'s to judge; a draft left behind would be given back at the next start,
 * and judged here then. */
static void
check_recovered (Ledger     *ledger,
                 GPtrArray  *seen,
                 GHashTable *drafts)
{
  g_autoptr(GHashTable) looked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < seen->len; i++)
    {
      g_auto(GStrv) f = g_strsplit (g_ptr_array_index (seen, i), "\t", 5);
      g_autofree char *key = g_strdup_printf ("%s\t%s", f[1], f[2]);
      const char *draft = g_hash_table_lookup (drafts, key);

      /* Only the first look: the driver works on a child after it has looked at it. */
      if (!g_hash_table_add (looked, g_strdup (key)))
        continue;
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

/* Skips the test without xdotool; else a new database, a conference of @n_children and an
 * empty ledger of what the app acknowledges. */
static gboolean
start_on_new_conference (Ledger *ledger,
                         guint   n_children)
{
  if (!have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return FALSE;
    }

  ledger_init (ledger);
  g_free (db_path);
  db_path = ui_test_db_path ();
  new_conference (n_children);
  return TRUE;
}

static void
test_kill_the_app (void)
{
  guint kills = 10;
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
  if (!start_on_new_conference (&ledger, 4))
    return;

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
      int fd;
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

      pid = ui_test_fork_with_pipe (&fd);
      if (pid == 0)
        run_app (fd, seed);
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
          struct pollfd pfd = { fd, POLLIN, 0 };
          gint64 now = g_get_monotonic_time ();
          char buffer[4096];
          ssize_t n;
          char *nl;

          if (now >= kill_at)
            break;
          if (poll (&pfd, 1, MAX (1, (kill_at - now) / 1000)) <= 0)
            continue;
          n = read (fd, buffer, sizeof buffer);
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

        while ((n = read (fd, buffer, sizeof buffer)) > 0)
          g_string_append_len (pending, buffer, n);
        while ((nl = strchr (pending->str, '\n')) != NULL)
          {
            g_autofree char *line = g_strndup (pending->str, nl - pending->str);

            g_string_erase (pending, 0, nl - pending->str + 1);
            take_line (&ledger, line, seen);
          }
      }
      close (fd);

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

  ledger_clear (&ledger);
}

/* Forks the app to do @step (script) alone, takes what it acknowledges (its recorded votes only
 * with @take_votes) until it says it is done, kills it and checks, as a round of
 * test_kill_the_app () does. @seen_out, if given, gets the cards as the app showed them. */
static void
scripted_round (Ledger     *ledger,
                const char *step,
                guint32     seed,
                gboolean    take_votes,
                GPtrArray **seen_out)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) pending = g_string_new (NULL);
  g_autoptr(GHashTable) drafts = drafts_in_store ();
  gint64 until = g_get_monotonic_time () + 120 * G_USEC_PER_SEC * ui_test_timeout_scale ();
  Snapshot snap = { 0 };
  gboolean done = FALSE;
  gboolean eof = FALSE;
  int fd;
  int status = 0;
  pid_t pid;

  pid = ui_test_fork_with_pipe (&fd);
  if (pid == 0)
    {
      script = step;
      run_app (fd, seed);
    }
  setpgid (pid, pid);

  while (!done && !eof && g_get_monotonic_time () < until)
    {
      struct pollfd pfd = { fd, POLLIN, 0 };
      char buffer[4096];
      ssize_t n;
      char *nl;

      if (poll (&pfd, 1, 100) <= 0)
        continue;
      n = read (fd, buffer, sizeof buffer);
      eof = n <= 0;
      if (n > 0)
        g_string_append_len (pending, buffer, n);
      while ((nl = strchr (pending->str, '\n')) != NULL)
        {
          g_autofree char *line = g_strndup (pending->str, nl - pending->str);

          g_string_erase (pending, 0, nl - pending->str + 1);
          done |= g_str_equal (line, "done");
          if (take_votes || !g_str_has_prefix (line, "vote\t"))
            take_line (ledger, line, seen);
        }
    }

  snapshot_take (&snap);
  g_assert_cmpint (kill (-pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  close (fd);
  g_assert_true (done);
  g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);

  check_recovered (ledger, seen, drafts);
  check_after_kill (ledger, &snap);
  snapshot_clear (&snap);
  if (seen_out != NULL)
    *seen_out = g_steal_pointer (&seen);
}

/* A new conference of one child, an app round that leaves a draft for NHS Trust acknowledged and
 * is killed; the draft's words, with @store open on the database and @child_id the child. NULL
 * (the test skipped) without xdotool. */
static char *
start_with_a_draft (Ledger       *ledger,
                    QuorumStore **store,
                    gint64       *child_id)
{
  g_autoptr(QuorumConference) conference = NULL;
  g_autofree char *key = NULL;
  char *words;

  if (!start_on_new_conference (ledger, 1))
    return NULL;
  *store = open_store ();
  conference = ui_test_load (*store, conf_id);
  *child_id = ((QuorumChild *) g_ptr_array_index (conference->children, 0))->id;

  scripted_round (ledger, "draft", 1, TRUE, NULL);
  g_assert_cmpuint (g_hash_table_size (ledger->drafts), ==, 1);
  key = g_strdup_printf ("%" G_GINT64_FORMAT "\tNHS Trust", *child_id);
  words = g_strdup (g_hash_table_lookup (ledger->drafts, key));
  g_assert_nonnull (words);
  return words;
}

/* CI: "LOST: the draft 3 NHS Trust: R2 risk health", after a round that gave NHS Trust its view
 * and typed the chair's words, killed before the app showed them recorded. The words were not
 * lost: Ctrl+End had gone astray on the loaded machine, the caret stood where the click left
 * it, at the start of the draft given back, and the reason recorded was the new words then the
 * draft's; the ledger looked for the draft's words at the start of the reason only. The same
 * rounds, the caret at the start on purpose: every word is in the recorded reason, the draft's
 * after the new ones, and nothing is lost (before kept_whole (), one loss: this draft). */
static void
test_typed_before_a_draft (void)
{
  Ledger ledger = { 0 };
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(QuorumConference) conference = NULL;
  g_autofree char *words = NULL;
  gint64 child_id;
  QuorumVote *vote;

  /* A draft for NHS Trust, acknowledged; the app killed. */
  if ((words = start_with_a_draft (&ledger, &store, &child_id)) == NULL)
    return;

  /* Its view, the chair's words typed before the draft, Ctrl+Enter; killed before the app's
   * acknowledgement is taken, as in CI. */
  scripted_round (&ledger, "vote-before-the-draft", 2, FALSE, NULL);

  conference = ui_test_load (store, conf_id);
  vote = quorum_conference_find_vote (conference, child_id, "NHS Trust");
  g_assert_nonnull (vote);
  g_test_message ("the reason recorded: %s; the draft: %s", vote->reason, words);
  g_assert_true (g_str_has_suffix (vote->reason, words));
  g_assert_false (g_str_has_prefix (vote->reason, words));
  {
    g_autofree char *scope = g_strdup_printf ("child:%" G_GINT64_FORMAT ":vote:NHS Trust", child_id);
    g_autofree char *left = quorum_store_get_draft (store, conf_id, scope, "reason", NULL);

    g_assert_null (left);
  }
  g_assert_cmpuint (ledger.lost, ==, 0);
  g_assert_cmpuint (ledger.recovered, ==, 1);

  ledger_clear (&ledger);
}

/* The 60-kill run, round 45: "check_recovered: assertion failed (f[4] == draft): ("R3 father nurse
 * R1 school R2 appointments R1 bruising drift" == "R3 father nurse R1 school R2 appointments")".
 * The draft given back for Police was recorded with its view (the chair's click on Plan), the
 * chair's words typed after it and recorded (Ctrl+Enter); a decision the rules refused then took
 * the driver back to the child, which it looked at again. The app was right: the card showed the
 * reason recorded, and the draft was gone from the file. The check read the later look against the
 * drafts the file held before the round. The same steps without chance: the draft is given back
 * at the first look, recorded with the words after it, gone from the file, and at the next start
 * the card shows the reason recorded, not marked as a draft. */
static void
test_draft_recorded_then_looked_at (void)
{
  Ledger ledger = { 0 };
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(QuorumConference) conference = NULL;
  g_autoptr(GPtrArray) seen = NULL;
  g_autoptr(GPtrArray) reopened = NULL;
  g_autofree char *words = NULL;
  g_autofree char *key = NULL;
  g_autofree char *scope = NULL;
  g_autofree char *left = NULL;
  g_autofree char *reason = NULL;
  guint looks = 0;
  gint64 child_id;
  QuorumVote *vote;

  /* A draft for NHS Trust, acknowledged; the app killed. */
  if ((words = start_with_a_draft (&ledger, &store, &child_id)) == NULL)
    return;
  key = g_strdup_printf ("%" G_GINT64_FORMAT "\tNHS Trust", child_id);
  scope = g_strdup_printf ("child:%" G_GINT64_FORMAT ":vote:NHS Trust", child_id);

  /* Given back; its view clicked (recorded with it), words typed after it, Ctrl+Enter; the child
   * looked at again. Checked as a round of the kill loop checks it (before, the assertion of
   * round 45 failed here). */
  scripted_round (&ledger, "vote-on-the-draft-then-look", 2, TRUE, &seen);
  g_assert_cmpuint (ledger.recovered, ==, 1);
  g_assert_cmpuint (ledger.lost, ==, 0);

  conference = ui_test_load (store, conf_id);
  vote = quorum_conference_find_vote (conference, child_id, "NHS Trust");
  g_assert_nonnull (vote);
  g_assert_nonnull (vote->reason);
  g_test_message ("the reason recorded: %s; the draft: %s", vote->reason, words);
  g_assert_true (g_str_has_prefix (vote->reason, words));
  g_assert_cmpstr (vote->reason, !=, words);
  reason = g_strdup (vote->reason);

  /* The first look showed the draft, marked; the second the reason recorded, not marked. */
  for (guint i = 0; i < seen->len; i++)
    {
      g_auto(GStrv) f = g_strsplit (g_ptr_array_index (seen, i), "\t", 5);

      if (!g_str_equal (f[2], "NHS Trust"))
        continue;
      g_assert_cmpstr (f[4], ==, looks == 0 ? words : reason);
      g_assert_cmpstr (f[3], ==, looks == 0 ? "1" : "0");
      looks++;
    }
  g_assert_cmpuint (looks, ==, 2);

  /* No draft of the older words is left to come back. */
  left = quorum_store_get_draft (store, conf_id, scope, "reason", NULL);
  g_assert_null (left);

  /* At the next start: the reason recorded, not marked as a draft. */
  scripted_round (&ledger, "look", 3, TRUE, &reopened);
  looks = 0;
  for (guint i = 0; i < reopened->len; i++)
    {
      g_auto(GStrv) f = g_strsplit (g_ptr_array_index (reopened, i), "\t", 5);

      if (!g_str_equal (f[2], "NHS Trust"))
        continue;
      g_assert_cmpstr (f[4], ==, reason);
      g_assert_cmpstr (f[3], ==, "0");
      looks++;
    }
  g_assert_cmpuint (looks, ==, 1);
  g_assert_cmpuint (ledger.lost, ==, 0);

  ledger_clear (&ledger);
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
  g_test_add_func ("/ui/crash/typed-before-a-draft", test_typed_before_a_draft);
  g_test_add_func ("/ui/crash/draft-recorded-then-looked-at", test_draft_recorded_then_looked_at);
  g_test_add_func ("/ui/crash/kill-the-app", test_kill_the_app);

  return g_test_run ();
}
