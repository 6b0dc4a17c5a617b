/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-common.h: helpers for the UI tests: a real window in-process under Xvfb, a private
 * database, waiting for the main loop, and finding widgets and dialogs as a person would. */
#pragma once

#include <poll.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <adwaita.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include "store/quorum-store.h"
#ifdef QUORUM_HAVE_POSTGRES
#include "store/quorum-db.h"
#include "store/postgres/quorum-pg-schema.h"
#endif
#include "ui/quorum-child-panel.h"
#include "ui/quorum-conference-page.h"
#include "ui/quorum-demo.h"
#include "ui/quorum-new-conference-dialog.h"
#include "ui/quorum-preferences-window.h"
#include "ui/quorum-referrals-page.h"
#include "ui/quorum-ui-util.h"
#include "ui/quorum-vote-card.h"
#include "ui/quorum-window.h"

/* What the test's fixed waits cost (printed at exit): time spent in ui_test_iterate, and
 * xdotool's runs and the wait after each. */
static gint64 ui_test_iterate_us;
static guint ui_test_iterate_calls;
static gint64 ui_test_xdotool_us;
static guint ui_test_xdotool_calls;
static gint64 ui_test_started_us;
/* … and ui_test_settle's calls, their time, and how many ran to their end (something due all the
 * while they ran: a blinking caret, a frame clock that never stops). */
static gint64 ui_test_settle_us;
static guint ui_test_settle_calls;
static guint ui_test_settle_full;

static inline void
ui_test_report_waits (void)
{
  printf ("# waits: %.1f s in all; ui_test_iterate %u calls %.1f s; xdotool %u runs %.1f s; "
          "ui_test_settle %u calls %.1f s, %u to their end\n",
          (g_get_monotonic_time () - ui_test_started_us) / 1e6,
          ui_test_iterate_calls, ui_test_iterate_us / 1e6,
          ui_test_xdotool_calls, ui_test_xdotool_us / 1e6,
          ui_test_settle_calls, ui_test_settle_us / 1e6, ui_test_settle_full);
}

/* The name a chair has kept in Preferences ("Your name"), as every case starts with it (each new
 * database, ui_test_db_path): with none kept on a database of this computer's, the app asks it
 * before its first record that names who wrote it (a view, an attempt, an arrival…,
 * docs/notes/a3name.md). The chair of most of the suites' conferences, whom the decision's
 * confirmation offered when it asked. A case about a person with no name kept forgets it
 * (ui_test_forget_name) once its database is made. */
#define UI_TEST_KEPT_NAME "Jo Chair"

static inline void
ui_test_keep_name (void)
{
  g_autoptr(GSettings) settings = quorum_ui_settings_new ();

  if (settings != NULL)
    g_settings_set_string (settings, "chair-name", UI_TEST_KEPT_NAME);
}

/* No name kept, as on a computer where nobody has given theirs. */
static inline void
ui_test_forget_name (void)
{
  g_autoptr(GSettings) settings = quorum_ui_settings_new ();

  if (settings != NULL)
    g_settings_reset (settings, "chair-name");
}

/* Starts GTK; without a display the test is skipped (exit 77), never failed. */
static inline void
ui_test_init (int    *argc,
              char ***argv)
{
  g_autoptr(GtkCssProvider) css = NULL;

  g_test_init (argc, argv, NULL);
  ui_test_started_us = g_get_monotonic_time ();
  atexit (ui_test_report_waits);

  if (!gtk_init_check ())
    {
      g_printerr ("No display: the UI tests run under xvfb-run (build-aux/dev test)\n");
      exit (77);
    }

  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  ui_test_keep_name ();

  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/io/github/quorum_app/quorum/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/* ---- the database: a SQLite file, or a PostgreSQL database of a throwaway cluster ----
 *
 * The backend comes from the environment, as for the store's suites (tests/store-fixture.h):
 * without $QUORUM_TEST_PG every test gets a new SQLite file in a private temporary folder; with
 * it (a superuser's conninfo, as `build-aux/pg-cluster run` exports in $QUORUM_PG: the meson
 * twins in the `pg-ui` suite set it) every test gets a new database of that server, copied from
 * one the process gave Quorum's schema, roles and grants once (what `quorum-cli admin init`
 * does), and the app logs in to it as a person in a role: a chair by default (uichair), or the
 * minute-taker (uiminutes) or the Head of Service (uihead) through ui_test_db_as (). On SQLite
 * every role is the same file's one person, so a test written with them runs on both. */

#define UI_TEST_CHAIR           "chair"
#define UI_TEST_MINUTE_TAKER    "minute-taker"
#define UI_TEST_HEAD_OF_SERVICE "head-of-service"

/* Whether this run's databases are PostgreSQL databases. */
static inline gboolean
ui_test_is_postgres (void)
{
  const char *pg = g_getenv ("QUORUM_TEST_PG");

  return pg != NULL && *pg != '\0';
}

/* The server's login for a role (UI_TEST_CHAIR …). */
static inline const char *
ui_test_login_of (const char *role)
{
  if (g_strcmp0 (role, UI_TEST_MINUTE_TAKER) == 0)
    return "uiminutes";
  if (g_strcmp0 (role, UI_TEST_HEAD_OF_SERVICE) == 0)
    return "uihead";
  g_assert_cmpstr (role, ==, UI_TEST_CHAIR);
  return "uichair";
}

/* Who the audit log names as doing what @role's store did: the server's login on PostgreSQL
 * (session_user), the OS login on SQLite. */
static inline const char *
ui_test_actor (const char *role)
{
  return ui_test_is_postgres () ? ui_test_login_of (role) : g_get_user_name ();
}

#ifdef QUORUM_HAVE_POSTGRES
static QuorumDb *ui_test_pg_admin;     /* the superuser's connection to $QUORUM_TEST_PG */
static char     *ui_test_pg_template;  /* Quorum's schema, roles, grants: made once per process */
static guint     ui_test_pg_serial;

static inline void
ui_test_pg_admin_exec (const char *sql)
{
  g_autoptr(GError) error = NULL;

  if (!quorum_db_exec (ui_test_pg_admin, sql, &error))
    g_error ("%s: %s", sql, error->message);
}

static void
ui_test_pg_at_exit (void)
{
  g_autofree char *sql = g_strdup_printf ("DROP DATABASE IF EXISTS %s WITH (FORCE)", ui_test_pg_template);

  quorum_db_exec (ui_test_pg_admin, sql, NULL);
  g_clear_pointer (&ui_test_pg_admin, quorum_db_close);
}

/* A new database of the server, a copy of the template (made the first time); its name. The
 * names carry the process and a random number: the anchors this computer keeps are keyed by
 * the location, and an earlier run's must never match. */
static inline char *
ui_test_pg_create (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  char *name;

  if (ui_test_pg_template == NULL)
    {
      static const char * const logins[][2] = {
        { "uichair", "chair" }, { "uiminutes", "minute-taker" }, { "uihead", "head-of-service" },
      };
      g_autofree char *create = NULL;
      g_autofree char *location = NULL;
      QuorumDb *db;

      ui_test_pg_admin = quorum_db_open (g_getenv ("QUORUM_TEST_PG"), &error);
      g_assert_no_error (error);
      ui_test_pg_template = g_strdup_printf ("quorum_ui_template_%d_%08x", (int) getpid (), g_random_int ());
      create = g_strdup_printf ("CREATE DATABASE %s", ui_test_pg_template);
      ui_test_pg_admin_exec (create);
      atexit (ui_test_pg_at_exit);

      location = g_strdup_printf ("%s dbname=%s", g_getenv ("QUORUM_TEST_PG"), ui_test_pg_template);
      db = quorum_db_open (location, &error);
      g_assert_no_error (error);
      g_assert_true (quorum_pg_admin_init (db, &error));
      g_assert_no_error (error);
      /* The people (the server's logins, trusted on the cluster's socket), each in one role. */
      for (guint i = 0; i < G_N_ELEMENTS (logins); i++)
        {
          QuorumPgRole role;

          g_assert_true (quorum_pg_role_from_name (logins[i][1], &role));
          g_assert_true (quorum_pg_admin_grant (db, logins[i][0], role, &error));
          g_assert_no_error (error);
        }
      quorum_db_close (db);
    }

  name = g_strdup_printf ("quorum_ui_%d_%u_%08x", (int) getpid (), ++ui_test_pg_serial, g_random_int ());
  sql = g_strdup_printf ("CREATE DATABASE %s TEMPLATE %s STRATEGY WAL_LOG", name, ui_test_pg_template);
  ui_test_pg_admin_exec (sql);
  return name;
}
#endif

/* A fresh database, as a chair opens it: a file in a private temporary folder, or (with
 * $QUORUM_TEST_PG) a new PostgreSQL database, logged in to as the chair uichair. The chair has
 * kept their name (UI_TEST_KEPT_NAME), whatever the case before forgot. */
static inline char *
ui_test_db_path (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;

  ui_test_keep_name ();

  if (ui_test_is_postgres ())
    {
#ifdef QUORUM_HAVE_POSTGRES
      g_autofree char *name = ui_test_pg_create ();

      return g_strdup_printf ("%s dbname=%s user=%s", g_getenv ("QUORUM_TEST_PG"), name,
                              ui_test_login_of (UI_TEST_CHAIR));
#else
      g_error ("QUORUM_TEST_PG is set, and this build has no PostgreSQL driver");
#endif
    }

  dir = g_dir_make_tmp ("quorum-ui-XXXXXX", &error);
  g_assert_no_error (error);
  return g_build_filename (dir, "quorum.db", NULL);
}

/* The same database as another person opens it: on PostgreSQL the login of @role
 * (UI_TEST_MINUTE_TAKER, UI_TEST_HEAD_OF_SERVICE, UI_TEST_CHAIR), whose grants the server
 * enforces; a SQLite file is one person's, the same path. */
static inline char *
ui_test_db_as (const char *location,
               const char *role)
{
  if (!ui_test_is_postgres ())
    return g_strdup (location);
  /* A later user= wins in a libpq conninfo. */
  return g_strdup_printf ("%s user=%s", location, ui_test_login_of (role));
}

/* A private folder for what a test writes beside its database (exports, copies): the SQLite
 * file's folder, or a new temporary folder for a PostgreSQL database. To be freed. */
static inline char *
ui_test_db_folder (const char *location)
{
  g_autoptr(GError) error = NULL;
  char *dir;

  if (!ui_test_is_postgres ())
    return g_path_get_dirname (location);
  dir = g_dir_make_tmp ("quorum-ui-XXXXXX", &error);
  g_assert_no_error (error);
  return dir;
}

/* The same database as the server's superuser opens it (PostgreSQL; the path on SQLite): for
 * what an administrator does, never for what the test asserts a person can do. */
static inline char *
ui_test_db_admin (const char *location)
{
  const char *dbname;
  g_autofree char *name = NULL;

  if (!ui_test_is_postgres ())
    return g_strdup (location);
  dbname = g_strrstr (location, " dbname=");
  g_assert_nonnull (dbname);
  name = g_strndup (dbname + strlen (" dbname="), strcspn (dbname + strlen (" dbname="), " "));
  return g_strdup_printf ("%s dbname=%s", g_getenv ("QUORUM_TEST_PG"), name);
}

/* Opens @location (ui_test_db_path, ui_test_db_as), failing the test when it cannot. */
static inline QuorumStore *
ui_test_open (const char *location)
{
  g_autoptr(GError) error = NULL;
  QuorumStore *store = quorum_store_open (location, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static inline void
ui_test_iterate (guint ms)
{
  gint64 start = g_get_monotonic_time ();
  gint64 until = start + ms * 1000;

  ui_test_iterate_calls++;
  do
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  while (g_get_monotonic_time () < until);
  ui_test_iterate_us += g_get_monotonic_time () - start;
}

/* Whether a source of the default main context is ready now; if none, *@next_ms is how long
 * until its first timer is due (-1: no timer). What g_main_context_pending () asks, with the
 * timeout it computes and drops. */
static inline gboolean
ui_test_loop_next (gint *next_ms)
{
  GMainContext *context = g_main_context_default ();
  GPollFD fds[64];
  GPollFD *poll_fds = fds;
  gint n_alloc = G_N_ELEMENTS (fds);
  gint max_priority = G_MAXINT;
  gint timeout = -1;
  gint n;
  gboolean ready;

  if (!g_main_context_acquire (context))
    {
      *next_ms = 0;
      return TRUE;
    }
  ready = g_main_context_prepare (context, &max_priority);
  while ((n = g_main_context_query (context, max_priority, &timeout, poll_fds, n_alloc)) > n_alloc)
    {
      if (poll_fds != fds)
        g_free (poll_fds);
      n_alloc = n;
      poll_fds = g_new (GPollFD, n_alloc);
    }
  if (n > 0)
    g_poll (poll_fds, n, 0);
  ready = g_main_context_check (context, max_priority, poll_fds, n) || ready;
  g_main_context_release (context);
  if (poll_fds != fds)
    g_free (poll_fds);
  *next_ms = ready ? 0 : timeout;
  return ready;
}

/* The first time before @until (monotonic µs) that a timer of the default main context is due,
 * leaving out GTK's own that change nothing a test reads: a click's wait for a second click
 * ("_double_click_timeout_cb", 400 ms after every click) and a scrolled window's hiding of its
 * overlay scrollbar ("maybe_hide_indicator"). 0 when only those are due; @until when a timer is
 * due that is not seen here (a source whose own prepare says when). */
static inline gint64
ui_test_first_due (gint64 until)
{
  static const char * const cosmetic[] = { "[gtk] _double_click_timeout_cb", "[gtk] maybe_hide_indicator",
                                             "[quorum] sqlite watch" };
  GSource *probe = g_idle_source_new ();
  guint max_id = g_source_attach (probe, NULL);
  gint64 first = 0;
  gboolean seen = FALSE;

  g_source_destroy (probe);
  g_source_unref (probe);
  for (guint id = 1; id < max_id; id++)
    {
      GSource *source = g_main_context_find_source_by_id (NULL, id);
      gint64 ready;
      const char *name;
      gboolean skip = FALSE;

      if (source == NULL || (ready = g_source_get_ready_time (source)) < 0 || ready >= until)
        continue;
      seen = TRUE;
      name = g_source_get_name (source);
      for (guint i = 0; name != NULL && i < G_N_ELEMENTS (cosmetic); i++)
        skip |= g_str_equal (name, cosmetic[i]);
      if (!skip && (first == 0 || ready < first))
        first = ready;
    }
  return seen ? first : until;
}

/* $QUORUM_TEST_TIMEOUT_MULTIPLIER (1 to 20; `./build-aux/dev test --sanitize` sets 4): what the
 * UI tests' waits and time limits are multiplied by under sanitizers. */
static inline gint64
ui_test_timeout_scale (void)
{
  const char *multiplier = g_getenv ("QUORUM_TEST_TIMEOUT_MULTIPLIER");

  return multiplier != NULL ? CLAMP (g_ascii_strtoll (multiplier, NULL, 10), 1, 20) : 1;
}

/* Runs the main loop as ui_test_iterate (@ms) does, but returns as soon as nothing more would
 * run in those @ms: no source ready, no timer due before they are up (a frame, the app's own
 * short timers: a search's delay, a toast's, a draft's save; not GTK's cosmetic ones nor the
 * SQLite watch, ui_test_first_due), nothing new for 30 ms, and an X round trip
 * (XSync: the X server answers after every event it has made for this window, xdotool's
 * keys and clicks included, as XTest's input is processed when it is asked) brings no event.
 * For the pauses that stand for "until the app has handled what was done": after a key, a
 * click, a response. What another process does (a thread's end, a server's notification) is
 * not waited for beyond the 30 ms: a test waits for that on its condition
 * (ui_test_wait_until). */
static inline void
ui_test_settle (guint ms)
{
  gint64 start = g_get_monotonic_time ();
  /* The bound stretched under sanitizers (it is rarely reached: the wait ends when all is
   * quiet): at a load of 19 under ASan, 300 ms after Ctrl+Enter once ended before the keys typed
   * before it had reached the reason box. */
  gint64 until = start + (gint64) ms * 1000 * ui_test_timeout_scale ();
  gint64 quiet = MIN ((gint64) ms, 30) * 1000;
  gint64 last = start;
  gint64 hold = 0;
  gboolean synced = FALSE;
  GdkDisplay *display = gdk_display_get_default ();

  ui_test_settle_calls++;
  for (;;)
    {
      gint64 now = g_get_monotonic_time ();
      gint next = -1;

      if (now >= until)
        {
          ui_test_settle_full++;
          break;
        }
      if (ui_test_loop_next (&next))
        {
          g_main_context_iteration (NULL, FALSE);
          last = g_get_monotonic_time ();
          hold = 0;
          synced = FALSE;
          continue;
        }
      if (now - last < quiet || now < hold)
        {
          g_usleep (1000);
          continue;
        }
      if (next >= 0 && now + (gint64) next * 1000 < until && (hold = ui_test_first_due (until)) != 0)
        {
          g_usleep (1000);
          continue;
        }
      if (!synced && display != NULL)
        {
          /* The events made before the server answers are read (into Xlib's queue, which the
           * loop's X source sees ready): looked at again. */
          gdk_display_sync (display);
          synced = TRUE;
          continue;
        }
      break;
    }
  ui_test_settle_us += g_get_monotonic_time () - start;
}

typedef gboolean (*UiTestCondition) (gpointer data);

/* How far the machine is overloaded: the one-minute load average over its cores when above one,
 * else 1 (at most 20). On two cores at load 12 another process waits to be scheduled: that is the
 * machine, not Quorum. */
static inline double
ui_test_overload (void)
{
  double load = 0;
  FILE *f = fopen ("/proc/loadavg", "r");

  if (f != NULL)
    {
      if (fscanf (f, "%lf", &load) != 1)
        load = 0;
      fclose (f);
    }
  if (load <= g_get_num_processors ())
    return 1;
  return MIN (load / g_get_num_processors (), 20);
}

/* The policy's "within a second" for a change made elsewhere to show here, as a test may assert
 * it: a second, times the sanitizers' multiplier, times how far the machine is overloaded. What
 * the tests measured is printed beside it; the bench holds the figure. */
static inline gint64
ui_test_live_ms (void)
{
  double factor = ui_test_overload ();

  if (factor > 1)
    g_test_message ("The machine is overloaded (%.1f times its cores): \"within a second\" is allowed %.1f s",
                    factor, factor * ui_test_timeout_scale ());
  return (gint64) (1000 * factor) * ui_test_timeout_scale ();
}

/* Runs the main loop until @condition holds or the monotonic clock passes @until. */
static inline void
ui_test_wait_until_time (UiTestCondition condition,
                         gpointer        data,
                         gint64          until,
                         const char     *what)
{
  while (!condition (data))
    {
      if (g_get_monotonic_time () > until)
        g_error ("Timed out waiting for %s", what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* Runs the main loop until @condition holds; fails the test after @timeout_ms, times
 * $QUORUM_TEST_TIMEOUT_MULTIPLIER (`./build-aux/dev test --sanitize` sets 4, as it does meson's)
 * and times how far the machine is overloaded: the limit only says when to give up on a wait that
 * should end, so stretching it under load loses no check (a wait for Housing's row in the Amend
 * search gave up after 5 s at load 40 on two cores). A wait that is itself the check of a
 * duration is ui_test_wait_live (). */
static inline void
ui_test_wait_until (UiTestCondition condition,
                    gpointer        data,
                    guint           timeout_ms,
                    const char     *what)
{
  ui_test_wait_until_time (condition, data,
                           g_get_monotonic_time ()
                           + (gint64) (timeout_ms * 1000.0 * ui_test_timeout_scale () * ui_test_overload ()),
                           what);
}

/* Fails the test unless @condition holds within the policy's "within a second" (ui_test_live_ms:
 * stretched once by the load, not twice). */
static inline void
ui_test_wait_live (UiTestCondition condition,
                   gpointer        data,
                   const char     *what)
{
  ui_test_wait_until_time (condition, data, g_get_monotonic_time () + ui_test_live_ms () * 1000, what);
}

static inline gboolean
ui_test_is_drawn (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data)) && gtk_widget_get_width (GTK_WIDGET (data)) > 0;
}

static inline QuorumWindow *
ui_test_window_new (QuorumStore *store,
                    int          width,
                    int          height)
{
  QuorumWindow *window = quorum_window_new (NULL, store);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_wait_until (ui_test_is_drawn, window, 10000, "the window to be drawn");
  ui_test_settle (200);

  return window;
}

/* The visible toplevel of @type, newest first, or NULL. */
static inline GtkWindow *
ui_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        found = window;
    }

  return found;
}

/* A condition for ui_test_wait_until: a message dialog (a confirmation, an offer) is shown. */
static inline gboolean
ui_test_dialog_shown (gpointer data)
{
  return ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

/* Whether a marker ("Draft · not yet recorded") is there to read: drawn and not transparent.
 * A marker keeps its room, unseen, while it says nothing (quorum_ui_set_marker_shown ()), so
 * that appearing it moves nothing: being visible or mapped no longer says it is shown. */
static inline gboolean
ui_test_marker_shown (GtkWidget *marker)
{
  return marker != NULL && gtk_widget_get_visible (marker) && gtk_widget_get_mapped (marker) &&
         gtk_widget_get_opacity (marker) > 0.0;
}

static inline GtkWidget *
ui_test_find_named (GtkWidget  *root,
                    const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ui_test_find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Answers the open AdwMessageDialog with @response, as a click on that button does. */
static inline void
ui_test_respond (const char *response)
{
  GtkWindow *found = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_autoptr(GtkWindow) dialog = NULL;

  g_assert_nonnull (found);
  dialog = g_object_ref (found);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), response));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_destroy (dialog);
  ui_test_settle (50);
}

/* The decision's confirmation is open: returns the text it shows (what will be recorded, to
 * be freed) and answers it as Enter does, recording the decision. */
static inline char *
ui_test_confirm_decision (void)
{
  GtkWindow *dialog = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  GtkWidget *preview;
  char *text;

  g_assert_nonnull (dialog);
  preview = ui_test_find_named (GTK_WIDGET (dialog), "decision-preview");
  g_assert_nonnull (preview);
  text = g_strdup (gtk_label_get_label (GTK_LABEL (preview)));
  ui_test_respond ("record");

  return text;
}

/* Creates a conference through the New Conference dialog, as the chair does. */
static inline gint64
ui_test_create_conference (QuorumWindow       *window,
                           const char * const *children,
                           const char         *profile_id,
                           const char         *case_ref)
{
  QuorumConferencePage *page = quorum_window_get_conference_page (window);
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-conference", NULL));
  ui_test_settle (50);
  dialog = ui_test_find_toplevel (QUORUM_TYPE_NEW_CONFERENCE_DIALOG);
  g_assert_nonnull (dialog);

  quorum_new_conference_dialog_fill (QUORUM_NEW_CONFERENCE_DIALOG (dialog), children,
                                     QUORUM_KIND_INITIAL, "2026-03-02", "10:00",
                                     "Jo Chair (IRO)", profile_id, case_ref);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.create", NULL));
  ui_test_settle (100);

  g_assert_null (ui_test_find_toplevel (QUORUM_TYPE_NEW_CONFERENCE_DIALOG));
  g_assert_cmpint (quorum_conference_page_get_conference_id (page), >, 0);

  return quorum_conference_page_get_conference_id (page);
}

static inline void
ui_test_add_attendee (QuorumWindow *window,
                      const char   *name,
                      const char   *role,
                      const char   *agency,
                      const char   *line_management,
                      gboolean      voting)
{
  QuorumConferencePage *page = quorum_window_get_conference_page (window);

  quorum_conference_page_fill_attendee (page, name, role, agency, line_management, voting,
                                        QUORUM_ATTENDANCE_PRESENT);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "conference.add-attendee", NULL));
  ui_test_settle (20);
}

static inline QuorumVoteCard *
ui_test_card (QuorumWindow *window,
              gint64        child_id,
              const char   *group)
{
  QuorumConferencePage *page = quorum_window_get_conference_page (window);
  QuorumChildPanel *panel = quorum_conference_page_get_child_panel (page, child_id);
  QuorumVoteCard *card;

  g_assert_nonnull (panel);
  card = quorum_child_panel_get_card (panel, group);
  g_assert_nonnull (card);

  return card;
}

static inline QuorumConference *
ui_test_load (QuorumStore *store,
              gint64       conference_id)
{
  g_autoptr(GError) error = NULL;
  QuorumConference *conference = quorum_store_load_conference (store, conference_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (conference);

  return conference;
}

static inline gint64
ui_test_child_id (QuorumStore *store,
                  gint64       conference_id,
                  guint        index)
{
  g_autoptr(QuorumConference) conference = ui_test_load (store, conference_id);

  g_assert_cmpuint (index, <, conference->children->len);
  return ((QuorumChild *) g_ptr_array_index (conference->children, index))->id;
}

/* Saves @widget as @name.png under the build's screenshots folder. */
static inline void
ui_test_screenshot (GtkWidget  *widget,
                    const char *name)
{
  const char *builddir = g_getenv ("QUORUM_BUILDDIR");
  g_autofree char *dir = g_build_filename (builddir != NULL ? builddir : ".", "screenshots", NULL);
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (dir, 0755);
  if (QUORUM_IS_WINDOW (widget))
    quorum_window_dismiss_toast (QUORUM_WINDOW (widget));
  ui_test_settle (400);
  /* A toast that had only just appeared goes a moment later (quorum_window_dismiss_toast). */
  for (int tries = 0; tries < 10 && QUORUM_IS_WINDOW (widget); tries++)
    {
      GtkWidget *toast = ui_test_find_named (widget, "toast-message");

      if (toast == NULL || !gtk_widget_get_mapped (toast))
        break;
      ui_test_iterate (100);
    }
  /* A window that has just grown (projector mode) may not have drawn its new size yet on a
   * loaded machine: give the X server its answer before calling it a failure. */
  for (int tries = 0; !quorum_ui_save_screenshot (widget, path, &error) && tries < 10; tries++)
    {
      g_clear_error (&error);
      ui_test_iterate (300);
    }
  if (error != NULL)
    g_error ("%s: %s", path, error->message);
  g_test_message ("screenshot: %s", path);
}

/* ---- a person's hands: xdotool, real pointer and key events through the X server ---- */

static inline gboolean
ui_test_have_xdotool (void)
{
  g_autofree char *path = g_find_program_in_path ("xdotool");

#ifdef GDK_WINDOWING_X11
  return path != NULL && GDK_IS_X11_DISPLAY (gdk_display_get_default ());
#else
  return FALSE;
#endif
}

static void
ui_test_child_exited_cb (GPid     pid,
                         int      status,
                         gpointer user_data)
{
  *(int *) user_data = status;
  g_spawn_close_pid (pid);
}

/* Runs xdotool with @args (NULL-terminated) while this process's main loop keeps running, as
 * the app's does while a person uses it. */
static inline void
ui_test_xdotool (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  int status = -1;
  gint64 start = g_get_monotonic_time ();
  gint64 until = start + 60 * G_USEC_PER_SEC;
  GPid pid;

  g_ptr_array_add (argv, (gpointer) "xdotool");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  line = g_strjoinv (" ", (char **) argv->pdata);
  g_test_message ("%s", line);

  g_spawn_async (NULL, (char **) argv->pdata, NULL,
                 G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &error);
  g_assert_no_error (error);
  g_child_watch_add (pid, ui_test_child_exited_cb, &status);

  while (status == -1)
    {
      if (g_get_monotonic_time () > until)
        g_error ("xdotool did not finish: %s", line);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  ui_test_xdotool_calls++;
  ui_test_xdotool_us += g_get_monotonic_time () - start;
  /* Until the app has handled what xdotool did (at most the 150 ms waited here before). */
  ui_test_settle (150);
}

/* Scrolls @widget's scrolled window, as a person does with the wheel, until it is in view. */
static inline void
ui_test_scroll_into_view (GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;

  /* The text field's own scroller holds the text: the page's is the one to move. */
  while (scroller != NULL && gtk_widget_get_parent (scroller) != NULL &&
         GTK_IS_TEXT_VIEW (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller))))
    scroller = gtk_widget_get_ancestor (gtk_widget_get_parent (scroller), GTK_TYPE_SCROLLED_WINDOW);
  if (scroller == NULL)
    return;

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  g_assert_true (gtk_widget_compute_bounds (widget, scroller, &bounds));
  if (bounds.origin.y < 0 || bounds.origin.y + bounds.size.height > gtk_widget_get_height (scroller))
    {
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + bounds.origin.y - 40);
      ui_test_settle (200);
    }
}

#ifdef GDK_WINDOWING_X11
/* Whether another mapped X window lies above @surface's point (@x, @y): a tooltip shown while
 * the pointer rested on the last widget clicked is a window of its own, and it takes a click
 * on whatever it covers (a category box just under "Plan"). */
static inline gboolean
ui_test_point_covered (GdkSurface *surface,
                       int         x,
                       int         y)
{
  Display *display = gdk_x11_display_get_xdisplay (gdk_surface_get_display (surface));
  Window xid = gdk_x11_surface_get_xid (surface);
  Window root = DefaultRootWindow (display);
  Window parent;
  Window child;
  Window *children = NULL;
  unsigned int n_children = 0;
  gboolean above = FALSE;
  gboolean covered = FALSE;
  int rx = 0;
  int ry = 0;

  /* The tests' X server has no window manager: every toplevel is a child of the root. A window
   * that goes between the calls is an error ignored, not the test's end. */
  gdk_x11_display_error_trap_push (gdk_surface_get_display (surface));
  XTranslateCoordinates (display, xid, root, x, y, &rx, &ry, &child);
  if (!XQueryTree (display, root, &root, &parent, &children, &n_children))
    {
      gdk_x11_display_error_trap_pop_ignored (gdk_surface_get_display (surface));
      return FALSE;
    }
  /* XQueryTree gives the children from the bottom of the stack to the top. */
  for (unsigned int i = 0; i < n_children && !covered; i++)
    {
      XWindowAttributes attributes;

      if (children[i] == xid)
        above = TRUE;
      else if (above && XGetWindowAttributes (display, children[i], &attributes) &&
               attributes.map_state == IsViewable &&
               rx >= attributes.x && rx < attributes.x + attributes.width &&
               ry >= attributes.y && ry < attributes.y + attributes.height)
        covered = TRUE;
    }
  if (children != NULL)
    XFree (children);
  gdk_x11_display_error_trap_pop_ignored (gdk_surface_get_display (surface));
  return covered;
}

/* Whether the pointer already stands at @surface's point (@x, @y). xdotool's `mousemove --sync`
 * waits for the pointer to leave where it was, which it never does when it is already there:
 * xdotool gives up after 500 tries of 30 ms, and only then clicks (15 s for nothing, seven times
 * in one case of test-ui-referrals turning a calendar's month). */
static inline gboolean
ui_test_pointer_at (GdkSurface *surface,
                    int         x,
                    int         y)
{
  Display *display = gdk_x11_display_get_xdisplay (gdk_surface_get_display (surface));
  Window root = DefaultRootWindow (display);
  Window root_return;
  Window child;
  int rx = -1;
  int ry = -1;
  int px = -2;
  int py = -2;
  int wx;
  int wy;
  unsigned int mask;
  gboolean found;

  gdk_x11_display_error_trap_push (gdk_surface_get_display (surface));
  found = XTranslateCoordinates (display, gdk_x11_surface_get_xid (surface), root, x, y, &rx, &ry, &child) &&
          XQueryPointer (display, root, &root_return, &child, &px, &py, &wx, &wy, &mask);
  gdk_x11_display_error_trap_pop_ignored (gdk_surface_get_display (surface));
  return found && px == rx && py == ry;
}

/* The arguments of `xdotool mousemove` to @surface's point (@x, @y) then @rest: with --sync (the
 * click waits until the pointer is there), unless it is there already (ui_test_pointer_at). */
static inline void
ui_test_move_and (GdkSurface         *surface,
                  int                 x,
                  int                 y,
                  const char * const *rest)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (args, g_strdup ("mousemove"));
  if (!ui_test_pointer_at (surface, x, y))
    g_ptr_array_add (args, g_strdup ("--sync"));
  else
    g_test_message ("the pointer is there already: no --sync");
  g_ptr_array_add (args, g_strdup ("--window"));
  g_ptr_array_add (args, g_strdup_printf ("%lu", (unsigned long) gdk_x11_surface_get_xid (surface)));
  g_ptr_array_add (args, g_strdup_printf ("%d", x));
  g_ptr_array_add (args, g_strdup_printf ("%d", y));
  for (guint i = 0; rest[i] != NULL; i++)
    g_ptr_array_add (args, g_strdup (rest[i]));
  g_ptr_array_add (args, NULL);
  ui_test_xdotool ((const char * const *) args->pdata);
}
#endif

/* Moves the pointer to the middle of @widget (or @x, @y inside it when not negative) and
 * clicks there with the first button. With @dodge, a window lying over the point (a tooltip) is
 * first made to go by moving the pointer away; without, the click is made as a hand makes it, at
 * once, and such a window takes it. */
static inline void
ui_test_click_full (GtkWidget *widget,
                    double     x,
                    double     y,
                    gboolean   dodge)
{
#ifdef GDK_WINDOWING_X11
  GtkNative *native = gtk_widget_get_native (widget);
  GdkSurface *surface = gtk_native_get_surface (native);
  graphene_point_t in;
  graphene_point_t out;
  double dx = 0;
  double dy = 0;

  g_assert_true (gtk_widget_get_mapped (widget));
  /* A widget just shown (a conflict's buttons on a card the reload made) is mapped a frame before
   * it has its size: clicked then, the middle of nothing was clicked. */
  for (gint64 until = g_get_monotonic_time () + 2 * G_USEC_PER_SEC * ui_test_timeout_scale ();
       (gtk_widget_get_width (widget) <= 0 || gtk_widget_get_height (widget) <= 0) && g_get_monotonic_time () < until;)
    ui_test_iterate (20);
  ui_test_scroll_into_view (widget);
  in.x = x >= 0 ? x : gtk_widget_get_width (widget) / 2.0;
  in.y = y >= 0 ? y : gtk_widget_get_height (widget) / 2.0;
  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native), &in, &out));
  gtk_native_get_surface_transform (native, &dx, &dy);

  /* A tooltip over the target goes when the pointer leaves the window, as a hand moving on
   * takes it away; only then is the target clicked. A click on an uncovered target is made as
   * before, with no detour. */
  if (!dodge && ui_test_point_covered (surface, (int) (out.x + dx), (int) (out.y + dy)))
    g_test_message ("another window lies over the point (a tooltip): it takes the click, as it would a hand's");
  else if (ui_test_point_covered (surface, (int) (out.x + dx), (int) (out.y + dy)))
    {
      Screen *screen = DefaultScreenOfDisplay (gdk_x11_display_get_xdisplay (gdk_surface_get_display (surface)));
      g_autofree char *cx = g_strdup_printf ("%d", WidthOfScreen (screen) - 1);
      g_autofree char *cy = g_strdup_printf ("%d", HeightOfScreen (screen) - 1);
      const char * const away[] = { "mousemove", "--sync", cx, cy, NULL };

      g_test_message ("another window lies over the point (a tooltip): the pointer leaves first");
      ui_test_xdotool (away);
      for (gint64 until = g_get_monotonic_time () + 2 * G_USEC_PER_SEC * ui_test_timeout_scale ();
           ui_test_point_covered (surface, (int) (out.x + dx), (int) (out.y + dy)) && g_get_monotonic_time () < until;)
        ui_test_iterate (20);
      /* A window that stays (a menu the click is meant to close) takes the click, as before. */
      if (ui_test_point_covered (surface, (int) (out.x + dx), (int) (out.y + dy)))
        g_test_message ("the window over the point stayed: it takes the click");
    }
  {
    const char * const click[] = { "click", "1", NULL };

    ui_test_move_and (surface, (int) (out.x + dx), (int) (out.y + dy), click);
  }
#else
  g_assert_not_reached ();
#endif
}

/* ui_test_click_full, first waiting for a tooltip over the point to go. */
static inline void
ui_test_click (GtkWidget *widget,
               double     x,
               double     y)
{
  ui_test_click_full (widget, x, y, TRUE);
}

/* ui_test_click_full as a person clicks straight on: a window over the point takes the click. */
static inline void
ui_test_click_at_once (GtkWidget *widget,
                       double     x,
                       double     y)
{
  ui_test_click_full (widget, x, y, FALSE);
}

/* Whether another window (a tooltip) comes to lie over the middle of @widget within @ms, as the
 * pointer rests where it last clicked. */
static inline gboolean
ui_test_covered_within (GtkWidget *widget,
                        guint      ms)
{
#ifdef GDK_WINDOWING_X11
  GtkNative *native = gtk_widget_get_native (widget);
  graphene_point_t in = GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0);
  graphene_point_t out;
  double dx = 0;
  double dy = 0;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native), &in, &out));
  gtk_native_get_surface_transform (native, &dx, &dy);
  for (gint64 until = g_get_monotonic_time () + (gint64) ms * 1000; g_get_monotonic_time () < until;)
    {
      if (ui_test_point_covered (gtk_native_get_surface (native), (int) (out.x + dx), (int) (out.y + dy)))
        return TRUE;
      ui_test_iterate (20);
    }
#endif
  return FALSE;
}

/* Types @text on the keyboard, a key at a time, wherever the focus is. */
static inline void
ui_test_type (const char *text)
{
  const char * const args[] = { "type", "--delay", "15", text, NULL };

  ui_test_xdotool (args);
}

/* Presses a key combination ("ctrl+d", "Return", "Escape") on the keyboard. */
static inline void
ui_test_key (const char *keys)
{
  const char * const args[] = { "key", keys, NULL };

  ui_test_xdotool (args);
}

typedef struct
{
  GtkEditable *field;
  const char  *text;
} UiTestTextWait;

static inline gboolean
ui_test_field_reads (gpointer data)
{
  UiTestTextWait *wait = data;

  return g_strcmp0 (gtk_editable_get_text (wait->field), wait->text) == 0;
}

/* Presses the key of a letter on no key of the test's keyboard ("oacute") in @field, which reads
 * @before until then. xdotool binds such a letter to a spare key for the moment and takes it back;
 * on a loaded machine the app read the key after it was taken back and got no letter at all
 * ("Husing" for "Hóusing", at a load of 40 on two cores). A press that brought nothing is made
 * again (at most five times); one that brought the letter is not. */
static inline void
ui_test_key_letter (GtkEditable *field,
                    const char  *before,
                    const char  *keysym,
                    const char  *letter)
{
  g_autofree char *after = g_strconcat (before, letter, NULL);
  UiTestTextWait wait = { field, after };
  UiTestTextWait unchanged = { field, before };

  for (int attempt = 0; attempt < 5; attempt++)
    {
      gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC * ui_test_overload () * ui_test_timeout_scale ();

      ui_test_key (keysym);
      while (!ui_test_field_reads (&wait) && g_get_monotonic_time () < until)
        {
          g_main_context_iteration (NULL, FALSE);
          g_usleep (1000);
        }
      if (ui_test_field_reads (&wait))
        return;
      g_assert_true (ui_test_field_reads (&unchanged));
      g_test_message ("The key %s brought nothing to the field: pressed again", keysym);
    }
  g_error ("The key %s never brought %s to the field", keysym, letter);
}

/* ---- finding what a person sees ---- */

/* The first widget of @type under @root (itself included), depth first, or NULL. */
static inline GtkWidget *
ui_test_find_type (GtkWidget *root,
                   GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ui_test_find_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The popover open (mapped) under @root, depth first, or NULL: a list or a menu shown. */
static inline GtkWidget *
ui_test_shown_popover (GtkWidget *root)
{
  if (GTK_IS_POPOVER (root) && gtk_widget_get_mapped (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ui_test_shown_popover (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static inline gboolean
ui_test_has_shown_popover (gpointer data)
{
  return ui_test_shown_popover (GTK_WIDGET (data)) != NULL;
}

/* Signs off in the sign-off dialog shown: with no name kept, a local database's dialog asks
 * it (its response disabled until one is given), so @name is typed in first. */
static inline void
ui_test_respond_sign_off (const char *name)
{
  GtkWidget *dialog = GTK_WIDGET (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  GtkWidget *entry;

  g_assert_nonnull (dialog);
  entry = ui_test_find_type (dialog, GTK_TYPE_EDITABLE);
  if (entry != NULL && *gtk_editable_get_text (GTK_EDITABLE (entry)) == '\0')
    gtk_editable_set_text (GTK_EDITABLE (entry), name);
  ui_test_settle (50);
  ui_test_respond ("sign-off");
}

/* The label showing @text under @root, on the screen (mapped), or NULL. */
static inline GtkWidget *
ui_test_find_shown_label (GtkWidget  *root,
                          const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0 &&
      gtk_widget_get_mapped (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ui_test_find_shown_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The label on the screen under @root whose text holds @part, or NULL. */
static inline GtkWidget *
ui_test_find_shown_label_holding (GtkWidget  *root,
                                  const char *part)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      strstr (gtk_label_get_text (GTK_LABEL (root)), part) != NULL)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ui_test_find_shown_label_holding (child, part);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first button of @type (a GtkButton or a subclass) under @root whose label is @label. */
static inline GtkWidget *
ui_test_find_button (GtkWidget  *root,
                     GType       type,
                     const char *label)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && GTK_IS_BUTTON (root) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ui_test_find_button (child, type, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A composite widget's template child @name, or a part of a child panel's forms (fails the test
 * when there is none). */
static inline GtkWidget *
ui_test_template_child (gpointer    widget,
                        GType       type,
                        const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  /* The child panel's forms are built when first needed, outside its template. */
  if (child == NULL && QUORUM_IS_CHILD_PANEL (widget))
    child = quorum_child_panel_get_part (QUORUM_CHILD_PANEL (widget), name);
  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

/* The application's main window (shown or not yet), or NULL. */
static inline QuorumWindow *
ui_test_app_window (GtkApplication *app)
{
  for (GList *iter = gtk_application_get_windows (app); iter; iter = iter->next)
    if (QUORUM_IS_WINDOW (iter->data))
      return iter->data;
  return NULL;
}

/* Shows the window's page @name ("conferences", "referrals", "differences"), as its switcher does. */
static inline void
ui_test_show_page (QuorumWindow *window,
                   const char   *name)
{
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (ui_test_find_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK)), name);
}

/* The window's Referrals page, shown. */
static inline QuorumReferralsPage *
ui_test_show_referrals (QuorumWindow *window)
{
  ui_test_show_page (window, "referrals");
  return QUORUM_REFERRALS_PAGE (ui_test_find_type (GTK_WIDGET (window), QUORUM_TYPE_REFERRALS_PAGE));
}

/* A UiTestCondition: the Referrals page @data has loaded. */
static inline gboolean
ui_test_referrals_loaded (gpointer data)
{
  return !quorum_referrals_page_get_loading (QUORUM_REFERRALS_PAGE (data));
}

/* ---- a conference to open ---- */

/* A conference on 2 March 2026 under Bolton's profile for @child: one voting attendee present for
 * each of @groups (its own agency and line-management structure), Sam Social of children's
 * social care present but not voting when @social, and an attempt that reached no consensus,
 * so its vote is open. Returns its id; *@child_id its child's. */
static inline gint64
ui_test_make_vote_open (QuorumStore        *store,
                        const char         *child,
                        const char * const *groups,
                        gboolean            social,
                        gint64             *child_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumConference) conference = NULL;
  const char *children[] = { child, NULL };
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
  if (social)
    {
      QuorumAttendeeSpec attendee = {
        .name = "Sam Social", .agency = "Children's Social Care", .line_management = "Children's Social Care",
        .voting = FALSE, .attendance = QUORUM_ATTENDANCE_PRESENT,
      };
      quorum_store_add_attendee (store, id, &attendee, &error);
      g_assert_no_error (error);
    }
  conference = quorum_store_load_conference (store, id, &error);
  g_assert_no_error (error);
  *child_id = ((QuorumChild *) g_ptr_array_index (conference->children, 0))->id;
  attempt.child_id = *child_id;
  attempt.summary = "No agreement";
  quorum_store_add_attempt (store, id, &attempt, &error);
  g_assert_no_error (error);
  return id;
}

/* ---- other processes ---- */

/* Runs @argv (NULL-terminated, looked up in $PATH) to the end; fails the test unless it exits
 * 0. Its standard output, to be freed. */
static inline char *
ui_test_spawn (const char * const *argv)
{
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s%s", argv[0], out, err);
  return out;
}

/* Forks with a pipe from the child to the parent: returns 0 in the child, with @fd its write
 * end; the child's pid in the parent, with @fd its read end. */
static inline pid_t
ui_test_fork_with_pipe (int *fd)
{
  int fds[2];
  pid_t pid;

  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  close (fds[pid == 0 ? 0 : 1]);
  *fd = fds[pid == 0 ? 1 : 0];
  return pid;
}

/* Waits up to @timeout_ms for a byte on @fd (another process's "done"), running this window's
 * main loop meanwhile; reads it and returns it. */
static inline char
ui_test_wait_byte (int         fd,
                   guint       timeout_ms,
                   const char *what)
{
  struct pollfd pfd = { fd, POLLIN, 0 };
  gint64 until = g_get_monotonic_time () + (gint64) timeout_ms * 1000 * ui_test_timeout_scale ();
  char byte = 0;

  while (poll (&pfd, 1, 0) != 1)
    {
      if (g_get_monotonic_time () > until)
        g_error ("Timed out waiting for %s", what);
      ui_test_iterate (20);
    }
  g_assert_cmpint (read (fd, &byte, 1), ==, 1);
  return byte;
}

/* Brings @window above another app's and gives it the keyboard, as a click on it would under a
 * window manager (Xvfb has none). */
static inline void
ui_test_raise_window (gpointer window)
{
#ifdef GDK_WINDOWING_X11
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *xid = g_strdup_printf ("%lu", (unsigned long) gdk_x11_surface_get_xid (surface));
  const char * const raise[] = { "windowraise", xid, NULL };
  const char * const focus[] = { "windowfocus", "--sync", xid, NULL };

  ui_test_xdotool (raise);
  ui_test_xdotool (focus);
#else
  g_assert_not_reached ();
#endif
}

/* ---- the demo conferences ---- */

static inline char *ui_test_db_sql (const char *location, const char *sql);

/* The demo conferences in @window's database (@location, as the window's @store opened it), as
 * Load Demo Conferences puts them in a database of one's own. A shared database never takes
 * them from the app (quorum_demo_load refuses: they are invented); there the test's
 * administrator moves them in as an authority moves a chair's own database in: loaded into a
 * SQLite file, then `quorum-cli migrate` as the server's superuser; then, as Load Demo Conferences
 * does, the decided conference (DEMO-BOL-0412) is opened. */
static inline void
ui_test_load_demo (QuorumWindow *window,
                   const char   *location)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *file = NULL;
  g_autofree char *admin = NULL;
  g_autofree char *out = NULL;

  if (!ui_test_is_postgres ())
    {
      g_assert_true (quorum_window_load_demo (window));
      return;
    }

  dir = g_dir_make_tmp ("quorum-ui-demo-XXXXXX", &error);
  g_assert_no_error (error);
  file = g_build_filename (dir, "demo.db", NULL);
  {
    g_autoptr(QuorumStore) own = ui_test_open (file);

    g_assert_true (quorum_demo_load (own, NULL, NULL, &error));
    g_assert_no_error (error);
  }
  admin = ui_test_db_admin (location);
  {
    const char * const argv[] = { g_getenv ("QUORUM_CLI"), "migrate", "--from", file, "--to", admin, NULL };

    out = ui_test_spawn (argv);
  }
  g_test_message ("demo migrated: %s", out);
  /* Migrated by the superuser, the conferences are the superuser's (schema 13: a conference is
   * its chair's); an administrator hands them to the chair, as an authority would. */
  {
    g_autofree char *ids = ui_test_db_sql (location, "SELECT string_agg (id::text, ' ' ORDER BY id) FROM conference");
    g_auto(GStrv) each = g_strsplit (g_strstrip (ids), " ", -1);

    for (guint i = 0; each[i] != NULL; i++)
      {
        const char * const argv[] = { g_getenv ("QUORUM_CLI"), "--db", admin, "conference", "handover", each[i],
                                      "--to", ui_test_login_of (UI_TEST_CHAIR), NULL };
        g_autofree char *said = ui_test_spawn (argv);

        g_test_message ("demo conference %s: %s", each[i], said);
      }
  }
  quorum_window_refresh (window);
  /* As Load Demo Conferences does: the decided conference opened. */
  {
    g_autoptr(GPtrArray) found = quorum_store_list_conferences (quorum_window_get_store (window), "DEMO-BOL-0412",
                                                                NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (found->len, ==, 1);
    g_assert_true (quorum_window_open_conference (window, ((QuorumConferenceSummary *) g_ptr_array_index (found, 0))->id, 0));
  }
  ui_test_settle (200);
}

/* ---- what the database holds, read apart from the app ---- */

/* @sql run on @location's database by its own client, as an administrator reads it: the sqlite3
 * shell on the file, or psql as the server's superuser; the first value of its answer (to be
 * freed). For the tests' assertions on what was stored, on either backend. */
static inline char *
ui_test_db_sql (const char *location,
                const char *sql)
{
  g_autofree char *admin = ui_test_db_admin (location);
  char *out;

  if (ui_test_is_postgres ())
    {
      const char * const argv[] = { "psql", "-X", "-q", "-A", "-t", "-d", admin, "-c", sql, NULL };

      out = ui_test_spawn (argv);
    }
  else
    {
      const char * const argv[] = { "sqlite3", "-readonly", location, sql, NULL };

      out = ui_test_spawn (argv);
    }
  return g_strstrip (out);
}

/* ui_test_db_sql () with the query made from @format and @args. */
static inline char *
ui_test_db_sqlv (const char *location,
                 const char *format,
                 va_list     args)
{
  g_autofree char *sql = g_strdup_vprintf (format, args);

  return ui_test_db_sql (location, sql);
}

/* ui_test_db_sql () with the query made from @format. */
static inline char *ui_test_db_sqlf (const char *location, const char *format, ...) G_GNUC_PRINTF (2, 3);

static inline char *
ui_test_db_sqlf (const char *location,
                 const char *format,
                 ...)
{
  va_list args;
  char *answer;

  va_start (args, format);
  answer = ui_test_db_sqlv (location, format, args);
  va_end (args);
  return answer;
}

/* ui_test_db_sqlf () as an assertion's operand: the answer freed when the test ends
 * (g_test_queue_free), so that an assertion on it leaks nothing under AddressSanitizer. */
static inline const char *ui_test_db_answerf (const char *location, const char *format, ...) G_GNUC_PRINTF (2, 3);

static inline const char *
ui_test_db_answerf (const char *location,
                    const char *format,
                    ...)
{
  va_list args;
  char *answer;

  va_start (args, format);
  answer = ui_test_db_sqlv (location, format, args);
  va_end (args);
  g_test_queue_free (answer);
  return answer;
}

/* The table of @role's drafts as ui_test_db_sql names it: on PostgreSQL each person's drafts are
 * in a schema of their own (quorum_drafts_LOGIN), on SQLite in the file's. */
static inline char *
ui_test_drafts_table (const char *role)
{
  if (!ui_test_is_postgres ())
    return g_strdup ("draft");
  return g_strdup_printf ("quorum_drafts_%s.draft", ui_test_login_of (role));
}
