/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-frame-pool.c: keeps cairo-xlib's shared memory for a window's frames from one frame to the next. */

#define G_LOG_DOMAIN "quorum-frame-pool"

#include <sys/mman.h>
#include <unistd.h>

#include "quorum-frame-pool.h"

#ifdef GDK_WINDOWING_X11
#include <cairo-xlib.h>
#include <gdk/x11/gdkx.h>
#endif

/* Why: GTK 4.8's cairo renderer on X11 (the one Quorum draws with where there is no GPU,
 * quorum_ui_choose_renderer) paints each frame into a new image of the changed area and has
 * cairo-xlib copy it into MIT-SHM memory for the X server. cairo 1.16 frees a shared-memory pool
 * as soon as nothing in it is in use, so each such frame makes a new segment (shmget, attached
 * by the X server too) and touches every page of it anew: for a frame of the whole content pane,
 * some 18 ms of CPU on the development machines, a third of the frame (docs/notes/openfast3.md).
 *
 * Holding one block of a pool keeps the pool, its pages mapped on both sides, for the next
 * frame. cairo sizes a pool for the request that made it (the largest block is the smallest
 * power of two above it), so the block held is an image the window's size: every frame's copy
 * fits beside it. The block is never drawn on or shown, and its own pages are given back at
 * once (MADV_REMOVE), so it costs address space, not memory. Nothing here changes a pixel;
 * where the X server or cairo does otherwise, the held image is merely unused. */

#ifdef GDK_WINDOWING_X11

typedef struct
{
  GtkWindow       *window;
  GdkFrameClock   *clock;
  gulong           paint_id;
  guint            idle_id;
  cairo_surface_t *kept;
  gsize            capacity;   /* the largest frame, in bytes, the held pool takes */
} FramePool;

static gsize
surface_bytes (GdkSurface *surface,
               int        *width,
               int        *height)
{
  int scale = gdk_surface_get_scale_factor (surface);

  *width = gdk_surface_get_width (surface) * scale;
  *height = gdk_surface_get_height (surface) * scale;
  return (gsize) *width * (gsize) *height * 4;
}

static gboolean
hold_pool_cb (gpointer data)
{
  FramePool *pool = data;
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (pool->window));
  Display *xdisplay;
  cairo_surface_t *root;
  cairo_surface_t *kept;
  int width;
  int height;
  gsize bytes;

  pool->idle_id = 0;
  if (surface == NULL)
    return G_SOURCE_REMOVE;
  bytes = surface_bytes (surface, &width, &height);
  if (bytes <= pool->capacity || width <= 0 || height <= 0)
    return G_SOURCE_REMOVE;

  /* Any drawable of the display will do: cairo keeps its pools per X connection. */
  xdisplay = gdk_x11_display_get_xdisplay (gdk_surface_get_display (surface));
  root = cairo_xlib_surface_create (xdisplay, DefaultRootWindow (xdisplay),
                                    DefaultVisual (xdisplay, DefaultScreen (xdisplay)), 1, 1);
  kept = cairo_surface_create_similar_image (root, CAIRO_FORMAT_RGB24, width, height);
  cairo_surface_destroy (root);
  if (cairo_surface_status (kept) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (kept);
      pool->capacity = G_MAXSIZE;   /* not again */
      return G_SOURCE_REMOVE;
    }

  /* The held image's own pages back to the system (cairo cleared them as it made it). */
  {
    gsize page = (gsize) sysconf (_SC_PAGESIZE);
    guintptr start = (guintptr) cairo_image_surface_get_data (kept);
    guintptr end = start + (gsize) cairo_image_surface_get_stride (kept) * (gsize) height;

    start = (start + page - 1) & ~(page - 1);
    end &= ~(page - 1);
    if (start != 0 && end > start)
      madvise ((void *) start, end - start, MADV_REMOVE);
  }

  /* The new pool first, then the old one let go. */
  g_clear_pointer (&pool->kept, cairo_surface_destroy);
  pool->kept = kept;
  /* As cairo sizes it: the smallest power of two above the first request (64 KiB at least). */
  pool->capacity = 1 << 16;
  while (pool->capacity <= bytes)
    pool->capacity <<= 1;
  return G_SOURCE_REMOVE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                FramePool     *pool)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (pool->window));
  int width;
  int height;

  /* After a frame, never before the first: not in the way of the window's first paint. */
  if (surface != NULL && pool->idle_id == 0 && surface_bytes (surface, &width, &height) > pool->capacity)
    pool->idle_id = g_idle_add_full (G_PRIORITY_LOW, hold_pool_cb, pool, NULL);
}

static void
let_go (FramePool *pool)
{
  if (pool->paint_id != 0)
    g_signal_handler_disconnect (pool->clock, pool->paint_id);
  pool->paint_id = 0;
  g_clear_object (&pool->clock);
  g_clear_handle_id (&pool->idle_id, g_source_remove);
  g_clear_pointer (&pool->kept, cairo_surface_destroy);
  pool->capacity = 0;
}

static void
realize_cb (GtkWidget *widget,
            FramePool *pool)
{
  GtkNative *native = GTK_NATIVE (widget);

  let_go (pool);
  if (!GDK_IS_X11_DISPLAY (gtk_widget_get_display (widget)) ||
      !GSK_IS_CAIRO_RENDERER (gtk_native_get_renderer (native)))
    return;
  pool->clock = g_object_ref (gtk_widget_get_frame_clock (widget));
  pool->paint_id = g_signal_connect (pool->clock, "after-paint", G_CALLBACK (after_paint_cb), pool);
}

static void
unrealize_cb (GtkWidget *widget,
              FramePool *pool)
{
  let_go (pool);
}

static void
frame_pool_free (gpointer data)
{
  FramePool *pool = data;

  let_go (pool);
  g_free (pool);
}

#endif

/* For the life of @window's X11 surface, drawn with the cairo renderer; otherwise nothing. */
void
quorum_frame_pool_keep (GtkWindow *window)
{
#ifdef GDK_WINDOWING_X11
  FramePool *pool = g_new0 (FramePool, 1);

  pool->window = window;
  g_object_set_data_full (G_OBJECT (window), "quorum-frame-pool", pool, frame_pool_free);
  g_signal_connect_after (window, "realize", G_CALLBACK (realize_cb), pool);
  g_signal_connect (window, "unrealize", G_CALLBACK (unrealize_cb), pool);
  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    realize_cb (GTK_WIDGET (window), pool);
#endif
}
