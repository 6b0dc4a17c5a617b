/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-empty-window.c: the start-up baseline: an empty AdwApplicationWindow of the app's size
 * that does what `quorum --screenshot FILE` does (first frame, saved as PNG, quit), so that the
 * bench can time both whole processes from outside. Links GTK and libadwaita only. */

#include <adwaita.h>

typedef struct
{
  char *screenshot;
  guint settle_ms;
  int   status;
} Baseline;

static void
save_after_paint_cb (GdkFrameClock *clock,
                     gpointer       user_data)
{
  GApplication *app = user_data;
  Baseline *b = g_object_get_data (G_OBJECT (app), "baseline");
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (GTK_WIDGET (window));
  int height = gtk_widget_get_height (GTK_WIDGET (window));
  graphene_rect_t bounds;

  /* As quorum_ui_save_screenshot (): the window's paintable rendered by its own renderer. */
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  graphene_rect_init (&bounds, 0, 0, width, height);
  if (node != NULL)
    texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node, &bounds);
  if (texture == NULL || !gdk_texture_save_to_png (texture, b->screenshot))
    b->status = 1;

  g_signal_handlers_disconnect_by_func (clock, save_after_paint_cb, user_data);
  g_application_quit (app);
}

/* As quorum --screenshot: saved right after the next frame paints. */
static gboolean
save_cb (gpointer user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (save_after_paint_cb), user_data);
  gtk_widget_queue_draw (GTK_WIDGET (window));
  return G_SOURCE_REMOVE;
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  Baseline *b = g_object_get_data (G_OBJECT (user_data), "baseline");

  g_timeout_add (b->settle_ms, save_cb, user_data);
  return G_SOURCE_REMOVE;
}

static void
activate_cb (GApplication *app)
{
  Baseline *b = g_object_get_data (G_OBJECT (app), "baseline");
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));

  gtk_window_set_default_size (GTK_WINDOW (window), 1180, 780);
  if (b->screenshot != NULL)
    gtk_widget_add_tick_callback (window, tick_cb, app, NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(AdwApplication) app = NULL;
  const char *settle = g_getenv ("QUORUM_SCREENSHOT_SETTLE_MS");
  Baseline b = { 0, };
  int status;

  if (argc == 3 && g_str_equal (argv[1], "--screenshot"))
    b.screenshot = argv[2];
  b.settle_ms = settle != NULL ? (guint) g_ascii_strtoull (settle, NULL, 10) : 1200;

  app = adw_application_new ("io.github.quorum_app.quorum.BenchBaseline", G_APPLICATION_NON_UNIQUE);
  g_object_set_data (G_OBJECT (app), "baseline", &b);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  status = g_application_run (G_APPLICATION (app), 1, argv);

  return status != 0 ? status : b.status;
}
