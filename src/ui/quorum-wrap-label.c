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
/* The sizes are the inner label's, found from copies of its own layout (its text, font and
 * attributes) instead of asking the label. GTK 4.8 measures a wrapping GtkLabel's minimum
 * width by laying its text out at width 0: every word, then every character, wraps, and Pango
 * shapes the rest of the paragraph again at each break, so a reason of a few hundred words
 * took tens of milliseconds; and it does so before any height is asked (to bound the width),
 * so asking the label for a height cost as much. At width 0 with word-char wrapping each line
 * holds one grapheme: the minimum is the widest grapheme. The natural width is the text's on
 * one line, the height for a width that of the text wrapped at it: as GTK has them. The inner
 * label has no CSS box of its own (only classes that set its colour or font). */
static PangoLayout *
measuring_layout (QuorumWrapLabel *self,
                  int              width)
{
  PangoLayout *own = gtk_label_get_layout (self->label);
  PangoLayout *layout;

  /* As GtkLabel does: before the label is first allocated its own layout is measured (and the
   * lines found for the width it is then given are kept for drawing); afterwards a copy, so
   * that what is drawn never changes width without an allocation. */
  if (gtk_widget_get_width (GTK_WIDGET (self->label)) <= 1)
    layout = g_object_ref (own);
  else
    layout = pango_layout_copy (own);

  pango_layout_set_width (layout, width);
  return layout;
}

static void
measure_width (QuorumWrapLabel *self,
               int             *minimum,
               int             *natural)
{
  g_autoptr(PangoLayout) layout = measuring_layout (self, -1);
  PangoLayoutIter *iter;
  PangoRectangle logical;
  int widest = 0;

  pango_layout_get_size (layout, natural, NULL);

  iter = pango_layout_get_iter (layout);
  do
    {
      pango_layout_iter_get_cluster_extents (iter, NULL, &logical);
      widest = MAX (widest, logical.width);
    }
  while (pango_layout_iter_next_cluster (iter));
  pango_layout_iter_free (iter);

  *minimum = MIN (widest, *natural);
}

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
    {
      measure_width (self, minimum, natural);
      *minimum = PANGO_PIXELS_CEIL (*minimum);
      *natural = MAX (PANGO_PIXELS_CEIL (*natural), *minimum);
    }
  else
    {
      /* With no width given, the text on one line (the minimum) and at its natural width,
       * which is the same line. */
      g_autoptr(PangoLayout) layout = measuring_layout (self, for_size > 0 ? for_size * PANGO_SCALE : -1);
      int height;

      pango_layout_get_size (layout, NULL, &height);
      *minimum = *natural = PANGO_PIXELS_CEIL (height);
      *minimum_baseline = *natural_baseline = PANGO_PIXELS_CEIL (pango_layout_get_baseline (layout));
    }
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
