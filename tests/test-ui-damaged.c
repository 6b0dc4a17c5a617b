/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-damaged.c: a database that fails its integrity check is never written to, and the app
 * offers its newest good backup; Enter on the offer restores it (issue 14, backups). The app
 * runs the day's check once its window is drawn (start-up does not wait for a copy of the whole
 * database); a write made before the check runs it first, so the rule still holds. */

#include <sqlite3.h>
#include <glib/gstdio.h>

#include "test-ui-common.h"
#include "ui/quorum-application.h"

typedef struct
{
  QuorumApplication *app;
  gboolean           answered;
  GtkWindow         *old_window;   /* compared, never dereferenced */
} Fixture;

/* xdotool and an X display: the keys are pressed as a person presses them. */
static gboolean
have_xdotool (void)
{
  g_autofree char *path = g_find_program_in_path ("xdotool");

  return path != NULL && g_getenv ("DISPLAY") != NULL;
}

static gint64
make_conference (QuorumStore *store,
                 const char  *child)
{
  const char * const children[] = { child, NULL };
  QuorumConferenceSpec spec = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 id;

  spec.kind = QUORUM_KIND_INITIAL;
  g_date_clear (&spec.date, 1);
  g_date_set_dmy (&spec.date, 20, G_DATE_NOVEMBER, 2026);
  spec.chair = "R. Patel";
  spec.children = children;
  id = quorum_store_create_conference (store, &spec, &error);
  g_assert_no_error (error);
  return id;
}

static gboolean
dialog_shown (gpointer data)
{
  return ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
new_window_shown (gpointer data)
{
  Fixture *f = data;
  GtkWindow *window = ui_test_find_toplevel (QUORUM_TYPE_WINDOW);

  return window != NULL && window != f->old_window;
}

static void
activate_after_cb (GApplication *application,
                   Fixture      *f)
{
  GtkWindow *dialog;
  GtkWindow *window;
  g_autoptr(GError) error = NULL;
  g_autofree char *shot = NULL;

  if (f->answered)
    return;
  f->answered = TRUE;

  /* The window is drawn first; the day's check, run after its first frame, finds the damage
   * and the offer comes over the window, which has written nothing. */
  ui_test_wait_until (dialog_shown, NULL, 10000, "the damaged database's offer is shown");
  window = ui_test_find_toplevel (QUORUM_TYPE_WINDOW);
  g_assert_nonnull (window);
  dialog = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_true (gtk_window_get_transient_for (dialog) == window);
  g_assert_true (gtk_window_get_modal (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "The Database Is Damaged");
  ui_test_iterate (300);
  shot = g_build_filename (g_getenv ("QUORUM_BUILDDIR"), "screenshots-damaged.png", NULL);
  if (!quorum_ui_save_screenshot (GTK_WIDGET (dialog), shot, &error))
    g_test_message ("no screenshot: %s", error->message);

  /* Enter, as a person answers it: the suggested response restores the backup. */
  if (have_xdotool ())
    {
      g_autofree char *focus = NULL;

      gtk_window_present (dialog);
      ui_test_iterate (500);
      /* The window is there too (no window manager under Xvfb): the key goes to the offer. */
      focus = g_strdup_printf ("xdotool windowfocus --sync %lu",
                               (unsigned long) gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (dialog))));
      g_assert_true (g_spawn_command_line_sync (focus, NULL, NULL, NULL, NULL));
      ui_test_iterate (300);
      g_assert_true (g_spawn_command_line_sync ("xdotool key --clearmodifiers Return", NULL, NULL, NULL, NULL));
    }
  else
    ui_test_respond ("restore");

  /* The window over the damaged database is closed; a new one opens on the restored one. */
  f->old_window = window;
  ui_test_wait_until (new_window_shown, f, 10000, "the main window opens on the restored database");
  window = ui_test_find_toplevel (QUORUM_TYPE_WINDOW);
  gtk_widget_activate_action (GTK_WIDGET (window), "window.close", NULL);
}

static void
damage (const char *db)
{
  sqlite3 *raw = NULL;

  g_assert_cmpint (sqlite3_open (db, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "PRAGMA writable_schema = ON; "
                                 "UPDATE sqlite_master SET sql = replace (sql, 'venue            TEXT,', "
                                 "'venue            TEXT NOT NULL,') WHERE name = 'conference';",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);
}

static guint
count_dailies (const char *db)
{
  g_auto(GStrv) backups = quorum_store_list_backups (db);
  guint n = 0;

  for (guint i = 0; backups[i] != NULL; i++)
    n += strstr (backups[i], "/daily-") != NULL;
  return n;
}

/* The rule "a database failing its integrity check is never written to" holds when the app
 * puts the day's check off until its window is drawn: the first write runs it, and is refused. */
static void
test_deferred_check_runs_before_a_write (void)
{
  g_autofree char *db = ui_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = NULL;
  const char * const children[] = { "Cara Written", NULL };
  QuorumConferenceSpec spec = { 0 };

  g_setenv ("QUORUM_BACKUPS_KEEP", "7", TRUE);
  {
    g_autoptr(QuorumStore) first = quorum_store_open_full (db, QUORUM_STORE_OPEN_CREATE |
                                                           QUORUM_STORE_OPEN_DEFER_DAILY_BACKUP, &error);
    g_assert_no_error (error);
    make_conference (first, "Amy Before");
  }
  damage (db);

  store = quorum_store_open_full (db, QUORUM_STORE_OPEN_DEFER_DAILY_BACKUP, &error);
  g_assert_no_error (error);
  /* Opened without the check: nothing known yet, nothing copied. */
  g_assert_true (quorum_store_get_daily_backup_pending (store));
  g_assert_null (quorum_store_get_damaged (store));
  g_assert_cmpuint (count_dailies (db), ==, 0);

  spec.kind = QUORUM_KIND_INITIAL;
  g_date_clear (&spec.date, 1);
  g_date_set_dmy (&spec.date, 21, G_DATE_NOVEMBER, 2026);
  spec.chair = "R. Patel";
  spec.children = children;
  g_assert_cmpint (quorum_store_create_conference (store, &spec, &error), ==, 0);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE);
  g_assert_nonnull (strstr (error->message, "damaged"));
  g_assert_nonnull (quorum_store_get_damaged (store));
  g_assert_false (quorum_store_get_daily_backup_pending (store));
  g_assert_cmpuint (count_dailies (db), ==, 0);   /* a damaged database is not copied as a backup */
}

/* A sound database: the check put off at opening runs when asked, once, and takes the day's copy. */
static void
test_deferred_backup_runs_when_asked (void)
{
  g_autofree char *db = ui_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = NULL;

  g_setenv ("QUORUM_BACKUPS_KEEP", "7", TRUE);
  {
    g_autoptr(QuorumStore) first = quorum_store_open_full (db, QUORUM_STORE_OPEN_CREATE |
                                                           QUORUM_STORE_OPEN_DEFER_DAILY_BACKUP, &error);
    g_assert_no_error (error);
    make_conference (first, "Amy Before");
  }
  store = quorum_store_open_full (db, QUORUM_STORE_OPEN_DEFER_DAILY_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_true (quorum_store_get_daily_backup_pending (store));
  g_assert_cmpuint (count_dailies (db), ==, 0);
  quorum_store_run_daily_backup (store);
  g_assert_false (quorum_store_get_daily_backup_pending (store));
  g_assert_null (quorum_store_get_damaged (store));
  g_assert_cmpuint (count_dailies (db), ==, 1);
  quorum_store_run_daily_backup (store);
  g_assert_cmpuint (count_dailies (db), ==, 1);
  /* Writes go on as before. */
  make_conference (store, "Ben After");
}

static void
test_damaged_offers_backup (void)
{
  Fixture f = { 0 };
  g_autofree char *db = ui_test_db_path ();
  g_autofree char *db_arg = g_strconcat ("--db=", db, NULL);
  g_autofree char *backup = g_strconcat (db, ".backups/daily-20200101-000000-1.db", NULL);
  char *argv[] = { (char *) "quorum", db_arg, NULL };
  g_autoptr(GError) error = NULL;
  int status;

  /* One conference, backed up; a second after the backup; then the file is damaged. */
  {
    g_autoptr(QuorumStore) store = quorum_store_open (db, &error);

    g_assert_no_error (error);
    make_conference (store, "Amy Before");
    g_assert_true (quorum_store_backup (store, backup, &error));
    g_assert_no_error (error);
    make_conference (store, "Ben After");
  }
  damage (db);

  g_setenv ("QUORUM_BACKUPS_KEEP", "7", TRUE);
  f.app = quorum_application_new ();
  g_signal_connect_after (f.app, "activate", G_CALLBACK (activate_after_cb), &f);
  status = g_application_run (G_APPLICATION (f.app), 2, argv);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (f.answered);
  g_object_unref (f.app);

  /* The backup is the database now: sound, verified, the conference made after it gone. */
  {
    g_autoptr(QuorumStore) store = quorum_store_open (db, &error);
    g_autoptr(GPtrArray) list = NULL;
    g_auto(GStrv) backups = quorum_store_list_backups (db);
    gboolean kept = FALSE;

    g_assert_no_error (error);
    g_assert_null (quorum_store_get_damaged (store));
    g_assert_true (quorum_store_verify (store, NULL, &error));
    g_assert_no_error (error);
    list = quorum_store_list_conferences (store, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (list->len, ==, 1);
    g_assert_cmpstr (((QuorumConferenceSummary *) list->pdata[0])->children, ==, "Amy Before");
    /* The damaged database is kept beside the backups. */
    for (guint i = 0; backups[i] != NULL; i++)
      kept |= strstr (backups[i], "before-restore-") != NULL;
    g_assert_true (kept);
  }
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);
  g_test_add_func ("/backups/damaged-database-offers-its-newest-backup", test_damaged_offers_backup);
  g_test_add_func ("/backups/deferred-check-runs-before-a-write", test_deferred_check_runs_before_a_write);
  g_test_add_func ("/backups/deferred-backup-runs-when-asked", test_deferred_backup_runs_when_asked);
  return g_test_run ();
}
