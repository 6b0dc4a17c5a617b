/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-about.c: Quorum is a citizen of the desktop: assistive technology sees the name
 * "Quorum" (not "quorum"), the About window names the website, the issue tracker, the copyright,
 * the developers and the translators, the Keyboard Shortcuts window lists every shortcut the
 * application sets, and Ctrl+W closes the window that has focus. */

#include <string.h>

#include "test-ui-common.h"
#include "export/quorum-export.h"
#include "ui/quorum-application.h"

typedef struct {
  QuorumApplication *app;
  char              *db;
  gboolean           checked;
} Fixture;

/* xdotool and an X display: the keys are pressed as a person presses them. */
static gboolean
have_xdotool (void)
{
  g_autofree char *path = g_find_program_in_path ("xdotool");

  return path != NULL && g_getenv ("DISPLAY") != NULL;
}

static gboolean
about_shown (gpointer data)
{
  return ui_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW) != NULL;
}

static gboolean
no_main_window (gpointer data)
{
  return ui_test_find_toplevel (QUORUM_TYPE_WINDOW) == NULL;
}

static gboolean
no_about (gpointer data)
{
  return !about_shown (data);
}

/* Every GtkShortcutsShortcut's accelerators under @widget, as "keyval:mods" keys. */
static void
collect_listed (GtkWidget  *widget,
                GHashTable *listed)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *accelerator = NULL;
      g_auto(GStrv) parts = NULL;

      g_object_get (widget, "accelerator", &accelerator, NULL);
      parts = g_strsplit_set (accelerator != NULL ? accelerator : "", " &", -1);
      for (guint i = 0; parts[i] != NULL; i++)
        {
          guint key = 0;
          GdkModifierType mods = 0;

          if (gtk_accelerator_parse (parts[i], &key, &mods))
            g_hash_table_add (listed, g_strdup_printf ("%u:%u", key, mods));
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_listed (child, listed);
}

/* The Keyboard Shortcuts window lists every shortcut the application sets (Ctrl+, was missing).
 * It is built when first asked for (Ctrl+?, the menu), not with the window: it is not on its
 * first screen. */
static void
check_shortcuts_listed (GtkApplication *application,
                        GtkWidget      *window)
{
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) actions = gtk_application_list_action_descriptions (application);
  g_auto(GStrv) help_accels = gtk_application_get_accels_for_action (application, "win.show-help-overlay");
  guint checked = 0;

  GLogLevelFlags fatal;

  g_assert_null (overlay);
  g_assert_nonnull (help_accels[0]);
  g_assert_cmpstr (help_accels[0], ==, "<Control>question");
  /* GTK 4.8's GtkShortcutsWindow warns, drawn, that one of its own labels measures below zero
   * (as in test-ui-screenshots): GTK's warning, not fatal while it is shown. */
  fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  gtk_widget_activate_action (window, "win.show-help-overlay", NULL);
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);
  ui_test_wait_until ((UiTestCondition) ui_test_is_drawn, overlay, 10000, "the shortcuts window is drawn");
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (overlay)) == GTK_WINDOW (window));
  collect_listed (GTK_WIDGET (overlay), listed);
  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (application, actions[i]);

      for (guint j = 0; accels[j] != NULL; j++)
        {
          guint key = 0;
          GdkModifierType mods = 0;
          g_autofree char *id = NULL;

          g_assert_true (gtk_accelerator_parse (accels[j], &key, &mods));
          id = g_strdup_printf ("%u:%u", key, mods);
          if (!g_hash_table_contains (listed, id))
            g_error ("%s (%s) is not in the Keyboard Shortcuts window", accels[j], actions[i]);
          checked++;
        }
    }
  g_assert_cmpuint (checked, >=, 8);
  /* Closed, it is hidden and kept, as GtkApplicationWindow's own. */
  gtk_window_close (GTK_WINDOW (overlay));
  ui_test_iterate (10);
  g_log_set_always_fatal (fatal);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_true (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)) == overlay);
}

static void
check_cb (GApplication *application,
          Fixture      *f)
{
  GtkWidget *about;
  GtkWidget *window;
  g_autofree char *website = NULL;
  g_autofree char *issues = NULL;
  g_autofree char *copyright = NULL;
  g_autofree char *credits = NULL;
  g_auto(GStrv) developers = NULL;
  const char * const *accels;
  g_auto(GStrv) close_accels = NULL;

  ui_test_wait_until ((UiTestCondition) ui_test_is_drawn,
                      ui_test_find_toplevel (QUORUM_TYPE_WINDOW), 10000, "the window is drawn");

  /* What AT-SPI reports as the application's name. */
  g_assert_cmpstr (g_get_application_name (), ==, "Quorum");

  check_shortcuts_listed (GTK_APPLICATION (application), GTK_WIDGET (ui_test_find_toplevel (QUORUM_TYPE_WINDOW)));

  g_action_group_activate_action (G_ACTION_GROUP (application), "about", NULL);
  ui_test_wait_until (about_shown, NULL, 5000, "the About window opens");
  about = (GtkWidget *) ui_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_object_get (about, "website", &website, "issue-url", &issues, "copyright", &copyright,
                "developers", &developers, "translator-credits", &credits, NULL);
  g_assert_cmpstr (website, ==, "https://github.com/quorum-app/quorum");
  g_assert_cmpstr (issues, ==, "https://github.com/quorum-app/quorum/issues");
  g_assert_nonnull (strstr (copyright, "Quorum"));
  g_assert_nonnull (developers);
  g_assert_nonnull (developers[0]);
  g_assert_nonnull (credits);

  /* The record in either language, whatever the desktop's: the menu's app.record-language. */
  {
    const char *children[] = { "Alys Morgan", NULL };
    QuorumWindow *main_window = QUORUM_WINDOW (ui_test_find_toplevel (QUORUM_TYPE_WINDOW));
    gint64 id = ui_test_create_conference (main_window, children, "south-east-wales", "CP-1");
    g_autoptr(QuorumStore) store = quorum_store_open (f->db, NULL);
    g_autoptr(QuorumConference) conference = ui_test_load (store, id);
    g_autoptr(QuorumProfile) sew = quorum_profiles_lookup ("south-east-wales", NULL);
    g_autofree char *both = NULL;
    g_autofree char *english = NULL;
    g_autofree char *welsh = NULL;

    g_assert_nonnull (sew);
    both = quorum_export_text_string (conference, sew, "T. Tester", NULL);
    g_action_group_activate_action (G_ACTION_GROUP (application), "record-language", g_variant_new_string ("en"));
    english = quorum_export_text_string (conference, sew, "T. Tester", NULL);
    g_action_group_activate_action (G_ACTION_GROUP (application), "record-language", g_variant_new_string ("cy"));
    welsh = quorum_export_text_string (conference, sew, "T. Tester", NULL);
    g_action_group_activate_action (G_ACTION_GROUP (application), "record-language", g_variant_new_string (""));

    g_assert_nonnull (strstr (both, "Cofnod penderfyniad ac anghytuno / Record of decision and dissent"));
    g_assert_null (strstr (english, "Cofnod penderfyniad"));
    g_assert_nonnull (strstr (english, "Record of decision and dissent"));
    g_assert_null (strstr (welsh, "Record of decision"));
    g_assert_nonnull (strstr (welsh, "Cofnod penderfyniad ac anghytuno"));
    g_assert_null (quorum_export_get_record_languages ());
  }

  /* Ctrl+W is bound to GtkWindow's own close action. */
  close_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (application), "window.close");
  accels = (const char * const *) close_accels;
  g_assert_true (g_strv_contains (accels, "<Control>w"));

  /* Ctrl+W, as a person presses it, closes the About window first, then the main window. */
  gtk_widget_activate_action (about, "window.close", NULL);
  ui_test_wait_until (no_about, NULL, 5000, "Ctrl+W closes the About window");
  window = GTK_WIDGET (ui_test_find_toplevel (QUORUM_TYPE_WINDOW));
  g_assert_nonnull (window);
  if (have_xdotool ())
    {
      gtk_window_present (GTK_WINDOW (window));
      ui_test_iterate (500);
      g_assert_true (g_spawn_command_line_sync ("xdotool key --clearmodifiers ctrl+w", NULL, NULL, NULL, NULL));
      ui_test_wait_until (no_main_window, NULL, 5000, "Ctrl+W closes the main window");
    }
  else
    {
      gtk_widget_activate_action (window, "window.close", NULL);
      ui_test_wait_until (no_main_window, NULL, 5000, "window.close closes the main window");
    }

  f->checked = TRUE;
}

static void
activate_after_cb (GApplication *application,
                   Fixture      *f)
{
  if (!f->checked)
    check_cb (application, f);
}

static void
test_about_and_close (void)
{
  Fixture f = { 0 };
  g_autofree char *db = ui_test_db_path ();
  g_autofree char *db_arg = g_strconcat ("--db=", db, NULL);
  char *argv[] = { (char *) "quorum", db_arg, NULL };
  int status;

  f.db = db;
  f.app = quorum_application_new ();
  g_signal_connect_after (f.app, "activate", G_CALLBACK (activate_after_cb), &f);
  status = g_application_run (G_APPLICATION (f.app), 2, argv);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (f.checked);
  g_object_unref (f.app);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);
  g_test_add_func ("/citizen/about-name-and-ctrl-w", test_about_and_close);
  return g_test_run ();
}
