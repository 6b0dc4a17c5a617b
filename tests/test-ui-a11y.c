/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-a11y.c: what a screen reader hears. Drives the real window through every page
 * (empty, the demo, a decision, sign-off, referrals, differences, each dialog) and, at each,
 * walks the AT-SPI tree from outside the process (tests/atspi-walk.py, python3-pyatspi): every
 * interactive widget must have a name, and none may repeat it with a mnemonic underscore. */

#include "test-ui-common.h"

#include "ui/quorum-differences-page.h"
#include "ui/quorum-referrals-page.h"

typedef struct
{
  gboolean  done;
  gboolean  ok;
  char     *output;
} Walk;

static void
walk_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Walk *walk = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, &walk->output, &err, &error);
  g_assert_no_error (error);
  if (err != NULL && *err != '\0')
    g_test_message ("%s", err);
  walk->ok = g_subprocess_get_if_exited (G_SUBPROCESS (source)) &&
             g_subprocess_get_exit_status (G_SUBPROCESS (source)) == 0;
  walk->done = TRUE;
}

static gboolean
walk_timed_out_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until the walk is done, sleeping in the loop's own poll: every call the
 * walker makes on the accessibility bus (thousands a walk) is answered as it arrives. Polled
 * with a millisecond's sleep between turns (ui_test_wait_until), each call waited for the next
 * turn, and a walk took 30-36 s, a core mostly idle, against 5-9 s. */
static void
wait_for_walk (Walk *walk)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add (120000 * ui_test_timeout_scale (), walk_timed_out_cb, &timed_out);

  while (!walk->done && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!walk->done)
    g_error ("Timed out waiting for the AT-SPI walk");
  g_source_remove (timeout);
}

/* Walks the tree while this process keeps answering the accessibility bus; returns the
 * problems found (one a line), or NULL when there are none. */
static char *
walk_tree (const char *state,
           const char *expected)
{
  g_autofree char *script = g_build_filename (g_getenv ("QUORUM_SRCDIR"), "tests", "atspi-walk.py", NULL);
  g_autofree char *pid = g_strdup_printf ("%d", (int) getpid ());
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  Walk walk = { 0 };

  ui_test_iterate (300);
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                              "/usr/bin/python3", script, pid, state, expected, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (process, NULL, NULL, walk_done_cb, &walk);
  wait_for_walk (&walk);
  g_test_message ("%s", walk.output);

  if (walk.ok)
    {
      g_free (walk.output);
      return NULL;
    }

  return walk.output;
}

static void
check (GString    *problems,
       const char *state,
       const char *expected)
{
  g_autofree char *found = walk_tree (state, expected);

  if (found != NULL)
    g_string_append (problems, found);
}

static gint64
find_conference (QuorumStore *store,
                 const char  *case_ref)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = quorum_store_list_conferences (store, case_ref, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  return ((QuorumConferenceSummary *) g_ptr_array_index (found, 0))->id;
}

static void
close_dialog (void)
{
  GtkWindow *dialog = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  g_assert_nonnull (dialog);
  gtk_window_destroy (dialog);
  ui_test_iterate (100);
}

static void
test_every_page_named (void)
{
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = quorum_store_open (path, &error);
  g_autoptr(GString) problems = g_string_new (NULL);
  QuorumConferencePage *page;
  QuorumWindow *window;
  GtkWindow *dialog;
  gint64 decided;
  gint64 live;

  g_assert_no_error (error);
  window = ui_test_window_new (store, 1280, 800);
  page = quorum_window_get_conference_page (window);

  /* Each walk covers the whole window, its hidden pages included, and every dialog open. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-conference", NULL));
  ui_test_iterate (100);
  dialog = ui_test_find_toplevel (QUORUM_TYPE_NEW_CONFERENCE_DIALOG);
  g_assert_nonnull (dialog);
  check (problems, "empty, with the new conference dialog", NULL);
  gtk_window_destroy (dialog);

  ui_test_load_demo (window, path);
  decided = find_conference (store, "DEMO-BOL-0412");
  live = find_conference (store, "DEMO-BOL-0588");

  /* The live vote, the attendee form open, the decision asked for. */
  quorum_window_open_conference (window, live, 0);
  gtk_widget_activate_action (GTK_WIDGET (page), "conference.new-attendee", NULL);
  gtk_widget_activate_action (GTK_WIDGET (page), "conference.decide", NULL);
  ui_test_iterate (100);
  /* The conference menu has no tooltip (it lay over the menu's first item): its name is its
   * accessible label. */
  check (problems, "live vote, attendees and the decision", "Conference menu");
  if (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL)
    close_dialog ();

  /* A decided conference, with the referrals and differences pages filled by the demo. */
  quorum_window_open_conference (window, decided, 0);
  gtk_widget_activate_action (GTK_WIDGET (page), "conference.sign-off", NULL);
  ui_test_iterate (100);
  g_assert_nonnull (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  /* A decided card is announced with its group, view and reason (it is not greyed out). */
  check (problems, "decided, with the sign-off dialog",
         "Greater Manchester Police: No plan|No offence has been identified");
  /* No name is kept: on a local database the sign-off asks it (a shared one names its user). */
  ui_test_respond_sign_off ("Jo Chair");

  gtk_widget_activate_action (GTK_WIDGET (page), "conference.amend", NULL);
  ui_test_iterate (100);
  g_assert_nonnull (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  check (problems, "signed off, with the amend dialog", "Greater Manchester Police: No plan|No offence has been identified");
  close_dialog ();

  gtk_window_destroy (GTK_WINDOW (window));

  if (problems->len > 0)
    g_error ("Interactive widgets a screen reader cannot name:\n%s", problems->str);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  if (!g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_printerr ("python3-pyatspi is needed (build-aux/dev installs it)\n");
      return 77;
    }

  g_test_add_func ("/ui/a11y/every-page-named", test_every_page_named);

  return g_test_run ();
}
