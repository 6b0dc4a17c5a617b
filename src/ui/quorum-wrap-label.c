/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-wrap-label.c: a wrapping label laid out once for the width it is given. */

#define G_LOG_DOMAIN "quorum-wrap-label"

#include "quorum-wrap-label.h"

struct _QuorumWrapLabel
{
  GtkWidget  parent_instance;

  GtkLabel  *label;
};

enum {
  PROP_0,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (QuorumWrapLabel, quorum_wrap_label, GTK_TYPE_WIDGET)

static GtkSizeRequestMode
quorum_wrap_label_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* Its widths do not depend on a height: the narrowest is its longest word whatever the
 * height, so a container asking for a width at a height gets that, without GtkLabel's
 * search (a layout of the whole text per step). Its height for a width is the label's. */
static void
quorum_wrap_label_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  QuorumWrapLabel *self = QUORUM_WRAP_LABEL (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    for_size = -1;
  gtk_widget_measure (GTK_WIDGET (self->label), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
quorum_wrap_label_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  QuorumWrapLabel *self = QUORUM_WRAP_LABEL (widget);

  gtk_widget_allocate (GTK_WIDGET (self->label), width, height, baseline, NULL);
}

static void
quorum_wrap_label_dispose (GObject *object)
{
  QuorumWrapLabel *self = (QuorumWrapLabel *)object;

  if (self->label != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->label));
      self->label = NULL;
    }

  G_OBJECT_CLASS (quorum_wrap_label_parent_class)->dispose (object);
}

static void
quorum_wrap_label_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  QuorumWrapLabel *self = QUORUM_WRAP_LABEL (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, quorum_wrap_label_get_label (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_wrap_label_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  QuorumWrapLabel *self = QUORUM_WRAP_LABEL (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      quorum_wrap_label_set_label (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_wrap_label_class_init (QuorumWrapLabelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = quorum_wrap_label_dispose;
  object_class->get_property = quorum_wrap_label_get_property;
  object_class->set_property = quorum_wrap_label_set_property;

  widget_class->get_request_mode = quorum_wrap_label_get_request_mode;
  widget_class->measure = quorum_wrap_label_measure;
  widget_class->size_allocate = quorum_wrap_label_size_allocate;

  properties [PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The text is the inner label's, read by assistive technology as any label's. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
  gtk_widget_class_set_css_name (widget_class, "wraplabel");
}

static void
quorum_wrap_label_init (QuorumWrapLabel *self)
{
  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->label, 0);
  gtk_label_set_wrap (self->label, TRUE);
  gtk_label_set_wrap_mode (self->label, PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_parent (GTK_WIDGET (self->label), GTK_WIDGET (self));
}

GtkWidget *
quorum_wrap_label_new (const char *text)
{
  return g_object_new (QUORUM_TYPE_WRAP_LABEL, "label", text, NULL);
}

void
quorum_wrap_label_set_label (QuorumWrapLabel *self,
                             const char      *text)
{
  g_return_if_fail (QUORUM_IS_WRAP_LABEL (self));

  if (g_strcmp0 (gtk_label_get_label (self->label), text != NULL ? text : "") == 0)
    return;

  gtk_label_set_label (self->label, text);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LABEL]);
}

const char *
quorum_wrap_label_get_label (QuorumWrapLabel *self)
{
  g_return_val_if_fail (QUORUM_IS_WRAP_LABEL (self), NULL);

  return gtk_label_get_label (self->label);
}

GtkLabel *
quorum_wrap_label_get_inner (QuorumWrapLabel *self)
{
  g_return_val_if_fail (QUORUM_IS_WRAP_LABEL (self), NULL);

  return self->label;
}
