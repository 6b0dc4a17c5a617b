/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-contrast.c: every text the window draws meets WCAG AA contrast (4.5:1, or 3:1 for
 * large text: 18 pt, or 14 pt bold) in the light, dark, high-contrast and projector styles.
 *
 * The key pages are drawn as they are on screen; for each label drawn, the pixels of its box
 * are read back: the background is the colour most of them have, the text's colour the one
 * furthest from it. So whatever makes text faint (a dim class, an opacity, an insensitive
 * parent, a tinted card) is measured as the room sees it. Inactive controls are exempt (WCAG
 * 1.4.3); a decided or signed-off record is not inactive, and is measured. */

#include <math.h>
#include <string.h>

#include "test-ui-common.h"

#include "ui/quorum-differences-page.h"
#include "ui/quorum-referrals-page.h"

typedef struct
{
  GBytes *bytes;
  const guchar *data;
  int     width;
  int     height;
  gsize   stride;
} Shot;

static void
shot_clear (Shot *shot)
{
  g_clear_pointer (&shot->bytes, g_bytes_unref);
}

static void
shot_take (GtkWidget *widget,
           Shot      *shot)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  graphene_rect_t bounds;
  guchar *data;

  shot->width = gtk_widget_get_width (widget);
  shot->height = gtk_widget_get_height (widget);
  gdk_paintable_snapshot (paintable, snapshot, shot->width, shot->height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  graphene_rect_init (&bounds, 0, 0, shot->width, shot->height);
  texture = gsk_renderer_render_texture (renderer, node, &bounds);

  /* Cairo's ARGB32: B, G, R, A in memory on this little-endian machine, premultiplied. */
  shot->stride = (gsize) shot->width * 4;
  data = g_malloc (shot->stride * shot->height);
  gdk_texture_download (texture, data, shot->stride);
  shot->bytes = g_bytes_new_take (data, shot->stride * shot->height);
  shot->data = data;
}

static guint32
pixel_at (const Shot *shot,
          int         x,
          int         y)
{
  const guchar *p = shot->data + (gsize) y * shot->stride + (gsize) x * 4;

  return ((guint32) p[2] << 16) | ((guint32) p[1] << 8) | p[0];
}

static double
channel (guint v)
{
  double c = v / 255.0;

  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
luminance (guint32 rgb)
{
  return 0.2126 * channel ((rgb >> 16) & 0xff) + 0.7152 * channel ((rgb >> 8) & 0xff) + 0.0722 * channel (rgb & 0xff);
}

static double
contrast (guint32 a,
          guint32 b)
{
  double la = luminance (a);
  double lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/* Large text in WCAG's sense: 18 pt, or 14 pt bold. */
static gboolean
is_large (GtkWidget *label)
{
  PangoFontDescription *font = pango_context_get_font_description (gtk_widget_get_pango_context (label));
  double points = pango_font_description_get_size (font) / (double) PANGO_SCALE;

  if (pango_font_description_get_size_is_absolute (font))
    points = points * 72.0 / 96.0;

  return points >= 18.0 || (points >= 14.0 && pango_font_description_get_weight (font) >= PANGO_WEIGHT_BOLD);
}

typedef struct
{
  const Shot *shot;
  GtkWidget  *window;
  const char *where;
  GString    *failures;
  guint       measured;
} Check;

static gboolean
visible_rect (GtkWidget       *widget,
              GtkWidget       *window,
              graphene_rect_t *out)
{
  graphene_rect_t rect;

  if (!gtk_widget_compute_bounds (widget, window, &rect))
    return FALSE;

  /* Only what the ancestors let through (a scrolled window clips what is scrolled away). */
  for (GtkWidget *parent = gtk_widget_get_parent (widget); parent != NULL && parent != window;
       parent = gtk_widget_get_parent (parent))
    {
      graphene_rect_t clip;

      if (gtk_widget_get_overflow (parent) != GTK_OVERFLOW_HIDDEN && !GTK_IS_VIEWPORT (parent) &&
          !GTK_IS_SCROLLED_WINDOW (parent))
        continue;
      if (!gtk_widget_compute_bounds (parent, window, &clip) ||
          !graphene_rect_intersection (&rect, &clip, &rect))
        return FALSE;
    }

  *out = rect;
  return TRUE;
}

static void
check_label (Check      *check,
             GtkWidget  *label,
             const char *text)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  graphene_rect_t full;
  graphene_rect_t rect;
  guint32 background = 0;
  guint32 foreground = 0;
  guint best = 0;
  double ratio = 1.0;
  double needed;
  int x0, y0, x1, y1;

  /* WCAG exempts inactive controls; a record on screen is never drawn inactive (see below). */
  if (!gtk_widget_is_sensitive (label))
    return;
  if (!gtk_widget_compute_bounds (label, check->window, &full) || !visible_rect (label, check->window, &rect))
    return;
  /* Mostly scrolled away: measured where it is in view. */
  if (rect.size.width * rect.size.height < 0.5 * full.size.width * full.size.height)
    return;

  x0 = MAX (0, (int) ceil (rect.origin.x));
  y0 = MAX (0, (int) ceil (rect.origin.y));
  x1 = MIN (check->shot->width, (int) floor (rect.origin.x + rect.size.width));
  y1 = MIN (check->shot->height, (int) floor (rect.origin.y + rect.size.height));
  if (x1 - x0 < 2 || y1 - y0 < 2)
    return;

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        gpointer key = GUINT_TO_POINTER (pixel_at (check->shot, x, y) | 0x1000000);
        guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + 1;

        g_hash_table_insert (counts, key, GUINT_TO_POINTER (n));
        if (n > best)
          {
            best = n;
            background = pixel_at (check->shot, x, y);
          }
      }

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        double c = contrast (pixel_at (check->shot, x, y), background);

        if (c > ratio)
          {
            ratio = c;
            foreground = pixel_at (check->shot, x, y);
          }
      }

  check->measured++;
  needed = is_large (label) ? 3.0 : 4.5;
  if (ratio + 0.005 < needed)
    {
      g_autofree char *shown = g_utf8_substring (text, 0, MIN (g_utf8_strlen (text, -1), 60));

      g_string_append_printf (check->failures, "%s: “%s” is %.2f:1 (#%06x on #%06x), needs %.1f:1\n",
                              check->where, shown, ratio, foreground, background, needed);
    }
}

/* Solid blocks stand in for the words, so the text's colour is read from whole pixels, not from
 * the anti-aliased edges of thin strokes; the spaces between them keep the background the
 * colour most pixels have. */
#define BLOCKS "\u2588      \u2588"

static void
collect_labels (GtkWidget *widget,
                GPtrArray *labels)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  /* Drawn not at all: a draft marker keeps its room unseen while nothing is kept (its words are
   * not presented, to the eye or to a screen reader). Any opacity above nothing is measured. */
  if (gtk_widget_get_opacity (widget) == 0.0)
    return;
  /* A tooltip or popover is another surface, drawn apart from the window's pixels. */
  if (GTK_IS_NATIVE (widget) && !GTK_IS_WINDOW (widget))
    return;

  if (GTK_IS_LABEL (widget))
    {
      g_autofree char *text = g_strdup (gtk_label_get_text (GTK_LABEL (widget)));

      if (*g_strstrip (text) != '\0')
        g_ptr_array_add (labels, g_object_ref (widget));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_labels (child, labels);
}

static void
check_window (GtkWidget  *window,
              const char *style,
              const char *page,
              GString    *failures)
{
  g_autofree char *where = g_strdup_printf ("%s, %s", style, page);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  Shot shot = { 0 };
  Check check = { &shot, window, where, failures, 0 };

  if (QUORUM_IS_WINDOW (window))
    quorum_window_dismiss_toast (QUORUM_WINDOW (window));
  ui_test_iterate (200);

  collect_labels (window, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);

      g_ptr_array_add (texts, g_strdup (gtk_label_get_text (label)));
      g_ptr_array_add (texts, g_strdup (gtk_label_get_label (label)));
      gtk_label_set_label (label, BLOCKS);
    }
  ui_test_iterate (300);

  shot_take (window, &shot);
  for (guint i = 0; i < labels->len; i++)
    check_label (&check, g_ptr_array_index (labels, i), g_ptr_array_index (texts, 2 * i));
  shot_clear (&shot);

  for (guint i = 0; i < labels->len; i++)
    gtk_label_set_label (g_ptr_array_index (labels, i), g_ptr_array_index (texts, 2 * i + 1));
  ui_test_iterate (100);

  g_test_message ("%s: %u texts measured", where, check.measured);
  /* The check measured something: a page with no text read would pass for nothing. */
  g_assert_cmpuint (check.measured, >, 5);
}

/* A decided record is read as it is: never drawn as an inactive control. */
static void
assert_record_not_greyed (QuorumWindow *window,
                          gint64        child_id,
                          const char   *group)
{
  QuorumVoteCard *card = ui_test_card (window, child_id, group);

  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (card)));
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

typedef enum
{
  STYLE_LIGHT,
  STYLE_DARK,
  STYLE_HIGH_CONTRAST,
  STYLE_PROJECTOR,
} Style;

static const char * const style_names[] = { "light", "dark", "high contrast", "projector" };

static void
set_style (QuorumWindow *window,
           Style         style)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  g_autoptr(GSettings) a11y = g_settings_new ("org.gnome.desktop.a11y.interface");
  GVariant *state = g_action_group_get_action_state (G_ACTION_GROUP (window), "projector-mode");
  gboolean projecting = g_variant_get_boolean (state);

  g_variant_unref (state);
  adw_style_manager_set_color_scheme (manager, style == STYLE_DARK ? ADW_COLOR_SCHEME_FORCE_DARK
                                                                   : ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_settings_set_boolean (a11y, "high-contrast", style == STYLE_HIGH_CONTRAST);
  if (projecting != (style == STYLE_PROJECTOR))
    g_action_group_activate_action (G_ACTION_GROUP (window), "projector-mode", NULL);
  ui_test_iterate (500);

  g_assert_cmpint (adw_style_manager_get_dark (manager), ==, style == STYLE_DARK);
  g_assert_cmpint (adw_style_manager_get_high_contrast (manager), ==, style == STYLE_HIGH_CONTRAST);
}

static void
test_contrast (void)
{
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = quorum_store_open (path, &error);
  g_autoptr(GString) failures = g_string_new (NULL);
  QuorumConferencePage *page;
  QuorumWindow *window;
  GLogLevelFlags fatal;
  gint64 decided;
  gint64 live;
  gint64 lily;

  g_assert_no_error (error);
  window = ui_test_window_new (store, 1280, 800);
  page = quorum_window_get_conference_page (window);
  ui_test_load_demo (window, path);
  decided = find_conference (store, "DEMO-BOL-0412");
  live = find_conference (store, "DEMO-BOL-0588");
  lily = ui_test_child_id (store, decided, 0);

  /* Projector mode makes the window grow; GTK warns about the short allocation meanwhile. */
  fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);

  for (Style style = STYLE_LIGHT; style <= STYLE_PROJECTOR; style++)
    {
      const char *name = style_names[style];

      set_style (window, style);

      quorum_window_open_conference (window, live, 0);
      check_window (GTK_WIDGET (window), name, "the live vote", failures);

      quorum_window_open_conference (window, decided, lily);
      assert_record_not_greyed (window, lily, "Greater Manchester Police");
      check_window (GTK_WIDGET (window), name, "a split decision", failures);
      /* The decided board, below the decision. */
      gtk_widget_grab_focus (GTK_WIDGET (ui_test_card (window, lily, "Greater Manchester Police")));
      check_window (GTK_WIDGET (window), name, "the decided vote board", failures);

      if (style == STYLE_PROJECTOR)
        continue;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "referrals"));
      ui_test_iterate (500);
      check_window (GTK_WIDGET (window), name, "referrals", failures);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "differences"));
      check_window (GTK_WIDGET (window), name, "differences", failures);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "conferences"));
    }

  /* Signed off: the whole record read-only, at full contrast. */
  set_style (window, STYLE_LIGHT);
  quorum_window_open_conference (window, decided, lily);
  gtk_widget_activate_action (GTK_WIDGET (page), "conference.sign-off", NULL);
  ui_test_iterate (100);
  ui_test_respond_sign_off ("Jo Chair");
  for (Style style = STYLE_LIGHT; style <= STYLE_PROJECTOR; style++)
    {
      set_style (window, style);
      assert_record_not_greyed (window, lily, "Greater Manchester Police");
      gtk_widget_grab_focus (GTK_WIDGET (ui_test_card (window, lily, "Greater Manchester Police")));
      check_window (GTK_WIDGET (window), style_names[style], "signed off", failures);
    }
  ui_test_screenshot (GTK_WIDGET (window), "contrast-signed-off-projector");

  /* Read-only, the board stays in the Tab order: one card, then (Tab) the next. */
  {
    QuorumVoteCard *first = ui_test_card (window, lily, "Bolton Children's Social Care");
    QuorumVoteCard *second = ui_test_card (window, lily, "Greater Manchester Police");
    GtkWidget *focus = NULL;

    g_assert_true (quorum_vote_card_get_read_only (first));
    g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (first)));
    g_assert_true (gtk_widget_has_focus (GTK_WIDGET (first)));
    for (guint i = 0; i < 3; i++)
      {
        gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
        focus = gtk_root_get_focus (GTK_ROOT (window));
        if (focus == GTK_WIDGET (second))
          break;
      }
    g_assert_true (focus == GTK_WIDGET (second));
  }
  set_style (window, STYLE_LIGHT);

  g_log_set_always_fatal (fatal);
  gtk_window_destroy (GTK_WINDOW (window));

  if (failures->len > 0)
    g_error ("Text below WCAG AA contrast:\n%s", failures->str);
}

int
main (int   argc,
      char *argv[])
{
  /* Pixels only: no screen reader is asked, and relabelling every text is quicker without one. */
  g_setenv ("GTK_A11Y", "none", TRUE);
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/contrast/wcag-aa", test_contrast);

  return g_test_run ();
}
