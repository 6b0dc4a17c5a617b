/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-width-bin.c: a bin whose width does not depend on its height. */

#define G_LOG_DOMAIN "quorum-width-bin"

#include "quorum-width-bin.h"

struct _QuorumWidthBin
{
  GtkWidget  parent_instance;

  GtkWidget *child;
};

enum {
  PROP_0,
  PROP_CHILD,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void quorum_width_bin_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (QuorumWidthBin, quorum_width_bin, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, quorum_width_bin_buildable_init))

static GtkBuildableIface *parent_buildable_iface;

static GtkSizeRequestMode
quorum_width_bin_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* Its width at any height is its width at none: a column of wrapping text given its height
 * for some width is at least that wide, so the width the search would find is never more
 * than the one the container already gives (GtkStack and GtkBox allocate the larger). Its
 * height for a width is the child's. */
static void
quorum_width_bin_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  QuorumWidthBin *self = QUORUM_WIDTH_BIN (widget);

  if (self->child == NULL || !gtk_widget_should_layout (self->child))
    return;

  gtk_widget_measure (self->child, orientation,
                      orientation == GTK_ORIENTATION_HORIZONTAL ? -1 : for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
quorum_width_bin_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  QuorumWidthBin *self = QUORUM_WIDTH_BIN (widget);

  if (self->child != NULL && gtk_widget_should_layout (self->child))
    gtk_widget_allocate (self->child, width, height, baseline, NULL);
}

static void
quorum_width_bin_dispose (GObject *object)
{
  QuorumWidthBin *self = (QuorumWidthBin *)object;

  g_clear_pointer (&self->child, gtk_widget_unparent);

  G_OBJECT_CLASS (quorum_width_bin_parent_class)->dispose (object);
}

static void
quorum_width_bin_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  QuorumWidthBin *self = QUORUM_WIDTH_BIN (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      g_value_set_object (value, self->child);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_width_bin_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  QuorumWidthBin *self = QUORUM_WIDTH_BIN (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      quorum_width_bin_set_child (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_width_bin_add_child (GtkBuildable *buildable,
                            GtkBuilder   *builder,
                            GObject      *child,
                            const char   *type)
{
  if (GTK_IS_WIDGET (child))
    quorum_width_bin_set_child (QUORUM_WIDTH_BIN (buildable), GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
quorum_width_bin_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = quorum_width_bin_add_child;
}

static void
quorum_width_bin_class_init (QuorumWidthBinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = quorum_width_bin_dispose;
  object_class->get_property = quorum_width_bin_get_property;
  object_class->set_property = quorum_width_bin_set_property;

  widget_class->get_request_mode = quorum_width_bin_get_request_mode;
  widget_class->measure = quorum_width_bin_measure;
  widget_class->size_allocate = quorum_width_bin_size_allocate;

  properties [PROP_CHILD] =
    g_param_spec_object ("child", NULL, NULL,
                         GTK_TYPE_WIDGET,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "widthbin");
}

static void
quorum_width_bin_init (QuorumWidthBin *self)
{
}

GtkWidget *
quorum_width_bin_new (GtkWidget *child)
{
  return g_object_new (QUORUM_TYPE_WIDTH_BIN, "child", child, NULL);
}

void
quorum_width_bin_set_child (QuorumWidthBin *self,
                            GtkWidget      *child)
{
  g_return_if_fail (QUORUM_IS_WIDTH_BIN (self));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  if (self->child == child)
    return;

  g_clear_pointer (&self->child, gtk_widget_unparent);
  if (child != NULL)
    {
      self->child = child;
      gtk_widget_set_parent (child, GTK_WIDGET (self));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CHILD]);
}

GtkWidget *
quorum_width_bin_get_child (QuorumWidthBin *self)
{
  g_return_val_if_fail (QUORUM_IS_WIDTH_BIN (self), NULL);

  return self->child;
}
