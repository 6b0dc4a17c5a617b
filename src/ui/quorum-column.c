/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-column.c: a vertical box whose width does not depend on its height. */

#define G_LOG_DOMAIN "quorum-column"

#include "quorum-column.h"

struct _QuorumColumn
{
  GtkWidget         parent_instance;

  /* Lays the children out as a vertical GtkBox does; not the widget's layout manager, so that
   * the widget answers the width question itself. */
  GtkLayoutManager *box_layout;
};

enum {
  PROP_0,
  PROP_SPACING,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (QuorumColumn, quorum_column, GTK_TYPE_WIDGET)

static GtkSizeRequestMode
quorum_column_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* Its width at any height is its width at none (the search's answer is never more than what
 * the container gives: GtkStack and GtkBox allocate the larger of the two); its height for a
 * width is the box's. */
static void
quorum_column_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  QuorumColumn *self = QUORUM_COLUMN (widget);

  gtk_layout_manager_measure (self->box_layout, widget, orientation,
                              orientation == GTK_ORIENTATION_HORIZONTAL ? -1 : for_size,
                              minimum, natural, minimum_baseline, natural_baseline);
}

static void
quorum_column_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  QuorumColumn *self = QUORUM_COLUMN (widget);

  gtk_layout_manager_allocate (self->box_layout, widget, width, height, baseline);
}

static void
quorum_column_dispose (GObject *object)
{
  QuorumColumn *self = (QuorumColumn *)object;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->box_layout);

  G_OBJECT_CLASS (quorum_column_parent_class)->dispose (object);
}

static void
quorum_column_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  QuorumColumn *self = QUORUM_COLUMN (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      g_value_set_int (value, quorum_column_get_spacing (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_column_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  QuorumColumn *self = QUORUM_COLUMN (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      quorum_column_set_spacing (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_column_class_init (QuorumColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = quorum_column_dispose;
  object_class->get_property = quorum_column_get_property;
  object_class->set_property = quorum_column_set_property;

  widget_class->get_request_mode = quorum_column_get_request_mode;
  widget_class->measure = quorum_column_measure;
  widget_class->size_allocate = quorum_column_size_allocate;

  properties [PROP_SPACING] =
    g_param_spec_int ("spacing", NULL, NULL, 0, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "box");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
quorum_column_init (QuorumColumn *self)
{
  self->box_layout = gtk_box_layout_new (GTK_ORIENTATION_VERTICAL);
}

GtkWidget *
quorum_column_new (int spacing)
{
  return g_object_new (QUORUM_TYPE_COLUMN, "spacing", spacing, NULL);
}

void
quorum_column_append (QuorumColumn *self,
                      GtkWidget    *child)
{
  g_return_if_fail (QUORUM_IS_COLUMN (self));
  g_return_if_fail (GTK_IS_WIDGET (child));

  gtk_widget_insert_before (child, GTK_WIDGET (self), NULL);
}

int
quorum_column_get_spacing (QuorumColumn *self)
{
  g_return_val_if_fail (QUORUM_IS_COLUMN (self), 0);

  return gtk_box_layout_get_spacing (GTK_BOX_LAYOUT (self->box_layout));
}

void
quorum_column_set_spacing (QuorumColumn *self,
                           int           spacing)
{
  g_return_if_fail (QUORUM_IS_COLUMN (self));

  if (quorum_column_get_spacing (self) == spacing)
    return;

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (self->box_layout), spacing);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SPACING]);
}
