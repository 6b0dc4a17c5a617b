/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-scroll-bin.c: a scrolled window's height, without asking it what it scrolls. */

#define G_LOG_DOMAIN "quorum-scroll-bin"

#include "quorum-scroll-bin.h"

struct _QuorumScrollBin
{
  GtkWidget  parent_instance;

  GtkWidget *child;
  gboolean   height_known;
  int        min_height;
  int        nat_height;
};

static void quorum_scroll_bin_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (QuorumScrollBin, quorum_scroll_bin, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, quorum_scroll_bin_buildable_init))

static GtkBuildableIface *parent_buildable_iface;

/* Its height does not depend on what it scrolls, nor on its width, as long as it scrolls
 * vertically and does not take its content's natural height: otherwise, asked each time. */
static gboolean
height_is_its_own (QuorumScrollBin *self)
{
  GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (self->child);
  GtkPolicyType vpolicy;

  gtk_scrolled_window_get_policy (scrolled, NULL, &vpolicy);
  return vpolicy != GTK_POLICY_NEVER && !gtk_scrolled_window_get_propagate_natural_height (scrolled);
}

static GtkSizeRequestMode
quorum_scroll_bin_get_request_mode (GtkWidget *widget)
{
  QuorumScrollBin *self = QUORUM_SCROLL_BIN (widget);

  return self->child != NULL ? gtk_widget_get_request_mode (self->child) : GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
quorum_scroll_bin_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  QuorumScrollBin *self = QUORUM_SCROLL_BIN (widget);

  if (self->child == NULL || !gtk_widget_should_layout (self->child))
    return;

  if (orientation == GTK_ORIENTATION_VERTICAL && self->height_known && height_is_its_own (self))
    {
      *minimum = self->min_height;
      *natural = self->nat_height;
      return;
    }

  gtk_widget_measure (self->child, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      self->min_height = *minimum;
      self->nat_height = *natural;
      self->height_known = TRUE;
    }
}

static void
quorum_scroll_bin_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  QuorumScrollBin *self = QUORUM_SCROLL_BIN (widget);

  if (self->child == NULL || !gtk_widget_should_layout (self->child))
    return;

  /* Measured as GTK would have it, at the width it gets: the content's height at that width
   * is what the scrolled window allocates anyway (GTK keeps it), and the height kept here
   * follows any change of the scrolled window's own. */
  gtk_widget_measure (self->child, GTK_ORIENTATION_VERTICAL, width, &self->min_height, &self->nat_height, NULL, NULL);
  self->height_known = TRUE;
  gtk_widget_allocate (self->child, width, height, baseline, NULL);
}

static void
quorum_scroll_bin_dispose (GObject *object)
{
  QuorumScrollBin *self = (QuorumScrollBin *)object;

  g_clear_pointer (&self->child, gtk_widget_unparent);

  G_OBJECT_CLASS (quorum_scroll_bin_parent_class)->dispose (object);
}

static void
quorum_scroll_bin_add_child (GtkBuildable *buildable,
                             GtkBuilder   *builder,
                             GObject      *child,
                             const char   *type)
{
  if (GTK_IS_SCROLLED_WINDOW (child))
    quorum_scroll_bin_set_child (QUORUM_SCROLL_BIN (buildable), GTK_SCROLLED_WINDOW (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
quorum_scroll_bin_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = quorum_scroll_bin_add_child;
}

static void
quorum_scroll_bin_class_init (QuorumScrollBinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = quorum_scroll_bin_dispose;

  widget_class->get_request_mode = quorum_scroll_bin_get_request_mode;
  widget_class->measure = quorum_scroll_bin_measure;
  widget_class->size_allocate = quorum_scroll_bin_size_allocate;

  gtk_widget_class_set_css_name (widget_class, "scrollbin");
}

static void
quorum_scroll_bin_init (QuorumScrollBin *self)
{
}

GtkWidget *
quorum_scroll_bin_new (void)
{
  return g_object_new (QUORUM_TYPE_SCROLL_BIN, NULL);
}

void
quorum_scroll_bin_set_child (QuorumScrollBin   *self,
                             GtkScrolledWindow *child)
{
  g_return_if_fail (QUORUM_IS_SCROLL_BIN (self));
  g_return_if_fail (child == NULL || GTK_IS_SCROLLED_WINDOW (child));

  g_clear_pointer (&self->child, gtk_widget_unparent);
  self->height_known = FALSE;
  if (child != NULL)
    {
      self->child = GTK_WIDGET (child);
      gtk_widget_set_parent (self->child, GTK_WIDGET (self));
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
}
