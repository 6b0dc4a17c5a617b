/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-screenshot.c: `quorum --screenshot FILE` (used by `./build-aux/dev run` without a
 * display, by test-install and by the bench) saves the window as drawn, every time.
 *
 * It used to fail now and then with "The window drew nothing", mostly on a loaded machine: the
 * screenshot was taken from a timeout, between two frames. A widget that asks to be drawn again
 * (a blinking cursor, a live update from the store, a toast) makes the window let go of its last
 * drawing until the next frame paints; a timeout that ran in between found nothing to save. Under
 * load both are due at once, and the timeout (default priority) runs before the redraw (a lower
 * one). The app now saves the window from the frame clock's after-paint, right after a frame.
 *
 * Here the worst case is made on purpose: the window is asked to be drawn again every
 * millisecond, at the timeout's own priority, as the app runs with --screenshot. */

#include <string.h>

#include "test-ui-common.h"
#include "ui/quorum-application.h"

static gboolean
redraw_cb (gpointer user_data)
{
  QuorumWindow *window = ui_test_app_window (GTK_APPLICATION (user_data));

  if (window != NULL)
    gtk_widget_queue_draw (GTK_WIDGET (window));
  return G_SOURCE_CONTINUE;
}

static void
activate_cb (GApplication *app,
             guint        *source)
{
  if (*source == 0)
    *source = g_timeout_add (1, redraw_cb, app);
}

static void
test_screenshot_while_redrawing (void)
{
  g_autofree char *db = ui_test_db_path ();
  g_autofree char *dir = g_path_get_dirname (db);

  g_setenv ("QUORUM_SCREENSHOT_SETTLE_MS", "50", TRUE);
  for (int run = 0; run < 5; run++)
    {
      g_autofree char *png = g_strdup_printf ("%s/shot-%d.png", dir, run);
      char *argv[] = { "quorum", "--db", db, "--size", "900x700", "--screenshot", png, NULL };
      QuorumApplication *app = quorum_application_new ();
      g_autoptr(GdkTexture) texture = NULL;
      g_autoptr(GError) error = NULL;
      guint source = 0;
      int status;

      g_signal_connect_after (app, "activate", G_CALLBACK (activate_cb), &source);
      status = g_application_run (G_APPLICATION (app), G_N_ELEMENTS (argv) - 1, argv);
      g_clear_handle_id (&source, g_source_remove);
      g_object_unref (app);

      g_test_message ("run %d: exit %d", run, status);
      g_assert_cmpint (status, ==, 0);
      texture = gdk_texture_new_from_filename (png, &error);
      g_assert_no_error (error);
      /* The window as drawn: its size, and more than one colour (text on a background). */
      g_assert_cmpint (gdk_texture_get_width (texture), >, 800);
      g_assert_cmpint (gdk_texture_get_height (texture), >, 600);
      {
        gsize stride = gdk_texture_get_width (texture) * 4;
        g_autofree guchar *pixels = g_malloc (stride * gdk_texture_get_height (texture));
        gsize differ = 0;

        gdk_texture_download (texture, pixels, stride);
        for (gsize i = 4; i < stride * gdk_texture_get_height (texture); i += 4)
          differ += memcmp (pixels + i, pixels, 4) != 0;
        g_assert_cmpuint (differ, >, 1000);
      }
      g_remove (png);
    }
  g_unsetenv ("QUORUM_SCREENSHOT_SETTLE_MS");
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/screenshot/while-redrawing", test_screenshot_while_redrawing);
  return g_test_run ();
}
