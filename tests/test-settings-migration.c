/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-settings-migration.c: what a person set under Quorum's first id (org.gnome.Quorum) is
 * copied once into io.github.quorum_app.quorum, and never again over what they set since. */

#include <gio/gio.h>

#include "ui/quorum-ui-util.h"

static GSettings *
previous_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  g_assert_nonnull (source);
  schema = g_settings_schema_source_lookup (source, "io.github.quorum_app.quorum.previous", TRUE);
  g_assert_nonnull (schema);
  return g_settings_new_full (schema, NULL, "/org/gnome/Quorum/");
}

static void
test_copied_once (void)
{
  g_autoptr(GSettings) old = previous_settings ();
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GSettings) again = NULL;

  /* The settings as the first id left them. */
  g_settings_set_int64 (old, "last-conference", 42);
  g_settings_set_int64 (old, "last-child", 7);
  g_settings_set_boolean (old, "projector-mode", TRUE);
  g_settings_set_int (old, "window-width", 1400);

  settings = quorum_ui_settings_new ();
  g_assert_nonnull (settings);
  g_assert_cmpint (g_settings_get_int64 (settings, "last-conference"), ==, 42);
  g_assert_cmpint (g_settings_get_int64 (settings, "last-child"), ==, 7);
  g_assert_true (g_settings_get_boolean (settings, "projector-mode"));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1400);
  /* A key never set there keeps its default. */
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 780);
  g_assert_true (g_settings_get_boolean (settings, "settings-migrated"));

  /* Once only: a change made since is not overwritten by the old value. */
  g_settings_set_int64 (settings, "last-conference", 3);
  again = quorum_ui_settings_new ();
  g_assert_cmpint (g_settings_get_int64 (again, "last-conference"), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/settings/migrated-once-from-org-gnome-quorum", test_copied_once);
  return g_test_run ();
}
