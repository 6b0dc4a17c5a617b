/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-fold-box.c: children side by side while they fit, stacked when they do not. Side by
 * side, each child gets its minimum width, then up to its natural width, and what is left goes
 * to the children that expand; stacked, each takes the whole width or, aligned by its halign,
 * its natural width. GtkFlowBox cannot do this here: its natural width is its widest child's,
 * so it is one child a line wherever it is not stretched. */

#define G_LOG_DOMAIN "quorum-fold-box"

#include "quorum-fold-box.h"

struct _QuorumFoldBox
{
  GtkWidget parent_instance;

  int       fold_below;
  int       spacing;
  gboolean  folded;
};

enum {
  PROP_0,
  PROP_FOLD_BELOW,
  PROP_SPACING,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (QuorumFoldBox, quorum_fold_box, GTK_TYPE_WIDGET)

static guint
count_visible (QuorumFoldBox *self)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self)); child; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_should_layout (child))
      n++;
  return n;
}

static void
row_widths (QuorumFoldBox *self,
            int           *min,
            int           *nat)
{
  guint n = count_visible (self);

  *min = *nat = n > 1 ? (int) (n - 1) * self->spacing : 0;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self)); child; child = gtk_widget_get_next_sibling (child))
    {
      int child_min;
      int child_nat;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &child_min, &child_nat, NULL, NULL);
      *min += child_min;
      *nat += child_nat;
    }
}

static gboolean
folds_at (QuorumFoldBox *self,
          int            width)
{
  int min;
  int nat;

  row_widths (self, &min, &nat);
  if (width < min)
    return TRUE;
  return self->fold_below >= 0 ? width < self->fold_below : width < nat;
}

/* The children's widths side by side in @width: fills @sizes (one per visible child). */
static void
distribute_row (QuorumFoldBox    *self,
                int               width,
                GtkRequestedSize *sizes,
                guint             n)
{
  int extra = width - (n > 1 ? (int) (n - 1) * self->spacing : 0);
  guint n_expand = 0;
  guint i = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self)); child; child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &sizes[i].minimum_size, &sizes[i].natural_size, NULL, NULL);
      sizes[i].data = child;
      extra -= sizes[i].minimum_size;
      if (gtk_widget_compute_expand (child, GTK_ORIENTATION_HORIZONTAL))
        n_expand++;
      i++;
    }

  extra = gtk_distribute_natural_allocation (MAX (extra, 0), n, sizes);
  for (i = 0; i < n && n_expand > 0; i++)
    if (gtk_widget_compute_expand (sizes[i].data, GTK_ORIENTATION_HORIZONTAL))
      {
        int share = extra / (int) n_expand;

        sizes[i].minimum_size += share;
        extra -= share;
        n_expand--;
      }
}

/* A stacked child's width in @width: all of it, or its natural width when aligned. */
static int
stacked_width (GtkWidget *child,
               int        width)
{
  int child_min;
  int child_nat;

  if (gtk_widget_get_halign (child) == GTK_ALIGN_FILL)
    return width;
  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &child_min, &child_nat, NULL, NULL);
  return CLAMP (child_nat, child_min, MAX (width, child_min));
}

static GtkSizeRequestMode
quorum_fold_box_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
quorum_fold_box_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  QuorumFoldBox *self = QUORUM_FOLD_BOX (widget);
  guint n = count_visible (self);

  *minimum = *natural = 0;
  if (n == 0)
    return;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int row_min;

      /* Stacked, the widest child is the minimum; side by side all of them, the natural. */
      row_widths (self, &row_min, natural);
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
        {
          int child_min;

          if (!gtk_widget_should_layout (child))
            continue;
          gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &child_min, NULL, NULL, NULL);
          *minimum = MAX (*minimum, child_min);
        }
      *natural = MAX (*natural, *minimum);
      return;
    }

  if (for_size < 0 || !folds_at (self, for_size))
    {
      g_autofree GtkRequestedSize *sizes = g_new0 (GtkRequestedSize, n);

      if (for_size >= 0)
        distribute_row (self, for_size, sizes, n);
      for (guint i = 0; i < n; i++)
        {
          GtkWidget *child = sizes[i].data;
          int child_min;
          int child_nat;

          if (child == NULL)
            continue;
          gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, sizes[i].minimum_size, &child_min, &child_nat, NULL, NULL);
          *minimum = MAX (*minimum, child_min);
          *natural = MAX (*natural, child_nat);
        }
      if (for_size < 0)
        for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
          {
            int child_min;
            int child_nat;

            if (!gtk_widget_should_layout (child))
              continue;
            gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, -1, &child_min, &child_nat, NULL, NULL);
            *minimum = MAX (*minimum, child_min);
            *natural = MAX (*natural, child_nat);
          }
      return;
    }

  *minimum = *natural = (int) (n - 1) * self->spacing;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      int child_min;
      int child_nat;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, stacked_width (child, for_size), &child_min, &child_nat, NULL, NULL);
      *minimum += child_min;
      *natural += child_nat;
    }
}

static void
quorum_fold_box_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  QuorumFoldBox *self = QUORUM_FOLD_BOX (widget);
  guint n = count_visible (self);
  gboolean folded;

  if (n == 0)
    return;

  folded = folds_at (self, width);
  if (folded != self->folded)
    {
      self->folded = folded;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FOLDED]);
    }

  if (!folded)
    {
      g_autofree GtkRequestedSize *sizes = g_new0 (GtkRequestedSize, n);
      int x = 0;

      distribute_row (self, width, sizes, n);
      for (guint i = 0; i < n; i++)
        {
          GtkAllocation allocation = { x, 0, sizes[i].minimum_size, height };

          if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
            allocation.x = width - x - allocation.width;
          gtk_widget_size_allocate (sizes[i].data, &allocation, -1);
          x += sizes[i].minimum_size + self->spacing;
        }
      return;
    }

  {
    int y = 0;

    for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
      {
        GtkAllocation allocation;
        GtkAlign align = gtk_widget_get_halign (child);
        int child_height;

        if (!gtk_widget_should_layout (child))
          continue;
        allocation.width = stacked_width (child, width);
        gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, allocation.width, &child_height, NULL, NULL, NULL);
        if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
          align = align == GTK_ALIGN_END ? GTK_ALIGN_START : align == GTK_ALIGN_START ? GTK_ALIGN_END : align;
        allocation.x = align == GTK_ALIGN_END ? width - allocation.width
                     : align == GTK_ALIGN_CENTER ? (width - allocation.width) / 2 : 0;
        allocation.y = y;
        allocation.height = child_height;
        gtk_widget_size_allocate (child, &allocation, -1);
        y += child_height + self->spacing;
      }
  }
}

static void
quorum_fold_box_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (quorum_fold_box_parent_class)->dispose (object);
}

static void
quorum_fold_box_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  QuorumFoldBox *self = QUORUM_FOLD_BOX (object);

  switch (prop_id)
    {
    case PROP_FOLD_BELOW:
      g_value_set_int (value, self->fold_below);
      break;

    case PROP_SPACING:
      g_value_set_int (value, self->spacing);
      break;

    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_fold_box_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  QuorumFoldBox *self = QUORUM_FOLD_BOX (object);

  switch (prop_id)
    {
    case PROP_FOLD_BELOW:
      quorum_fold_box_set_fold_below (self, g_value_get_int (value));
      break;

    case PROP_SPACING:
      quorum_fold_box_set_spacing (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_fold_box_class_init (QuorumFoldBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = quorum_fold_box_dispose;
  object_class->get_property = quorum_fold_box_get_property;
  object_class->set_property = quorum_fold_box_set_property;

  widget_class->get_request_mode = quorum_fold_box_get_request_mode;
  widget_class->measure = quorum_fold_box_measure;
  widget_class->size_allocate = quorum_fold_box_size_allocate;

  properties [PROP_FOLD_BELOW] =
    g_param_spec_int ("fold-below", NULL, NULL, -1, G_MAXINT, -1,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SPACING] =
    g_param_spec_int ("spacing", NULL, NULL, 0, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "foldbox");
}

static void
quorum_fold_box_init (QuorumFoldBox *self)
{
  self->fold_below = -1;
}

GtkWidget *
quorum_fold_box_new (void)
{
  return g_object_new (QUORUM_TYPE_FOLD_BOX, NULL);
}

int
quorum_fold_box_get_fold_below (QuorumFoldBox *self)
{
  g_return_val_if_fail (QUORUM_IS_FOLD_BOX (self), -1);

  return self->fold_below;
}

void
quorum_fold_box_set_fold_below (QuorumFoldBox *self,
                                int            fold_below)
{
  g_return_if_fail (QUORUM_IS_FOLD_BOX (self));

  if (self->fold_below == fold_below)
    return;
  self->fold_below = fold_below;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FOLD_BELOW]);
}

int
quorum_fold_box_get_spacing (QuorumFoldBox *self)
{
  g_return_val_if_fail (QUORUM_IS_FOLD_BOX (self), 0);

  return self->spacing;
}

void
quorum_fold_box_set_spacing (QuorumFoldBox *self,
                             int            spacing)
{
  g_return_if_fail (QUORUM_IS_FOLD_BOX (self));

  if (self->spacing == spacing)
    return;
  self->spacing = spacing;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SPACING]);
}

gboolean
quorum_fold_box_get_folded (QuorumFoldBox *self)
{
  g_return_val_if_fail (QUORUM_IS_FOLD_BOX (self), FALSE);

  return self->folded;
}
