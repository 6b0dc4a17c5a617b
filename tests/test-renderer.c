/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-renderer.c: Quorum draws with cairo where the machine has no GPU (a virtual desktop, a
 * remote session), where GTK's GL renderer would rasterise on the CPU through Mesa's llvmpipe at
 * several times cairo's cost, and then keeps GTK from making a GL context it would not use; with
 * a GPU, GTK chooses; a renderer the person chose is kept. */

#include <glib/gstdio.h>

#include "ui/quorum-ui-util.h"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  fx->dir = g_dir_make_tmp ("quorum-dri-XXXXXX", NULL);
  g_assert_nonnull (fx->dir);
  g_setenv ("QUORUM_DRI_DIR", fx->dir, TRUE);
  g_unsetenv ("GSK_RENDERER");
  g_unsetenv ("GDK_DEBUG");
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fx->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fx->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fx->dir);
  g_free (fx->dir);
  g_unsetenv ("QUORUM_DRI_DIR");
  g_unsetenv ("GSK_RENDERER");
  g_unsetenv ("GDK_DEBUG");
}

static void
add_node (Fixture    *fx,
          const char *name)
{
  g_autofree char *path = g_build_filename (fx->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
}

/* No render node (only a display's card, or nothing): cairo, and no GL context made for it
 * (GTK 4.8 on X11 makes one as it opens the display otherwise: Mesa loaded for nothing). */
static void
test_no_gpu_draws_with_cairo (Fixture       *fx,
                              gconstpointer  data)
{
  quorum_ui_choose_renderer ();
  g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "cairo");
  g_assert_cmpstr (g_getenv ("GDK_DEBUG"), ==, "gl-disable");

  g_unsetenv ("GSK_RENDERER");
  g_unsetenv ("GDK_DEBUG");
  add_node (fx, "card0");
  quorum_ui_choose_renderer ();
  g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "cairo");
  g_assert_cmpstr (g_getenv ("GDK_DEBUG"), ==, "gl-disable");

  /* No /dev/dri at all, as on this kind of machine; the person's own GDK_DEBUG is kept. */
  g_unsetenv ("GSK_RENDERER");
  g_setenv ("GDK_DEBUG", "interactive", TRUE);
  g_setenv ("QUORUM_DRI_DIR", "/nonexistent/dri", TRUE);
  quorum_ui_choose_renderer ();
  g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "cairo");
  g_assert_cmpstr (g_getenv ("GDK_DEBUG"), ==, "interactive,gl-disable");
  /* The display open, the person's flags are theirs again: a browser Quorum opens (the About
   * window's links) does not start with GL disabled. */
  quorum_ui_renderer_chosen ();
  g_assert_cmpstr (g_getenv ("GDK_DEBUG"), ==, "interactive");
  g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "cairo");

  /* With none of their own, none at all. */
  g_unsetenv ("GSK_RENDERER");
  g_unsetenv ("GDK_DEBUG");
  quorum_ui_choose_renderer ();
  g_assert_cmpstr (g_getenv ("GDK_DEBUG"), ==, "gl-disable");
  quorum_ui_renderer_chosen ();
  g_assert_null (g_getenv ("GDK_DEBUG"));
}

/* A GPU's render node: GTK's own choice (GL), untouched. */
static void
test_gpu_left_to_gtk (Fixture       *fx,
                      gconstpointer  data)
{
  add_node (fx, "card0");
  add_node (fx, "renderD128");
  quorum_ui_choose_renderer ();
  g_assert_null (g_getenv ("GSK_RENDERER"));
  g_assert_null (g_getenv ("GDK_DEBUG"));
}

/* The person's choice stands, GPU or not. */
static void
test_person_choice_kept (Fixture       *fx,
                         gconstpointer  data)
{
  g_setenv ("GSK_RENDERER", "ngl", TRUE);
  quorum_ui_choose_renderer ();
  g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "ngl");
  g_assert_null (g_getenv ("GDK_DEBUG"));

  /* Cairo chosen by the person: GL is theirs to keep or not. */
  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  quorum_ui_choose_renderer ();
  g_assert_null (g_getenv ("GDK_DEBUG"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/renderer/no-gpu-draws-with-cairo", Fixture, NULL,
              fixture_set_up, test_no_gpu_draws_with_cairo, fixture_tear_down);
  g_test_add ("/renderer/gpu-left-to-gtk", Fixture, NULL,
              fixture_set_up, test_gpu_left_to_gtk, fixture_tear_down);
  g_test_add ("/renderer/person-choice-kept", Fixture, NULL,
              fixture_set_up, test_person_choice_kept, fixture_tear_down);
  return g_test_run ();
}
