/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-text-row.c: a row with a title, a subtitle and suffixes, as AdwActionRow draws one. */

#define G_LOG_DOMAIN "quorum-text-row"

#include "quorum-column.h"
#include "quorum-text-row.h"

struct _QuorumTextRow
{
  GtkListBoxRow  parent_instance;

  GtkWidget     *header;
  GtkWidget     *image;
  GtkWidget     *title_box;
  GtkLabel      *title;
  GtkLabel      *subtitle;
  GtkWidget     *suffixes;
  GtkWidget     *activatable_widget;   /* weak */
  GtkWidget     *list;                 /* the list box whose activations are watched (weak) */
};

enum {
  PROP_0,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_SUBTITLE_LINES,
  PROP_ICON_NAME,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (QuorumTextRow, quorum_text_row, GTK_TYPE_LIST_BOX_ROW)

static void
row_activated_cb (QuorumTextRow *self,
                  GtkListBoxRow *row)
{
  if ((GtkListBoxRow *) self == row && self->activatable_widget != NULL)
    gtk_widget_mnemonic_activate (self->activatable_widget, FALSE);
}

/* Activations come from the list box (a click, or Enter on the focused row). */
static void
parent_changed_cb (QuorumTextRow *self)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));

  if (self->list != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->list, row_activated_cb, self);
      g_clear_weak_pointer (&self->list);
    }
  if (GTK_IS_LIST_BOX (parent))
    {
      g_set_weak_pointer (&self->list, parent);
      g_signal_connect_object (parent, "row-activated", G_CALLBACK (row_activated_cb), self, G_CONNECT_SWAPPED);
    }
}

static void
set_label (GtkLabel   *label,
           const char *text)
{
  gtk_label_set_label (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

static void
quorum_text_row_dispose (GObject *object)
{
  QuorumTextRow *self = (QuorumTextRow *)object;

  if (self->list != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->list, row_activated_cb, self);
      g_clear_weak_pointer (&self->list);
    }
  g_clear_weak_pointer (&self->activatable_widget);

  G_OBJECT_CLASS (quorum_text_row_parent_class)->dispose (object);
}

static void
quorum_text_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  QuorumTextRow *self = QUORUM_TEXT_ROW (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, quorum_text_row_get_title (self));
      break;

    case PROP_SUBTITLE:
      g_value_set_string (value, quorum_text_row_get_subtitle (self));
      break;

    case PROP_SUBTITLE_LINES:
      g_value_set_int (value, gtk_label_get_lines (self->subtitle));
      break;

    case PROP_ICON_NAME:
      g_value_set_string (value, gtk_image_get_icon_name (GTK_IMAGE (self->image)));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_text_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  QuorumTextRow *self = QUORUM_TEXT_ROW (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      quorum_text_row_set_title (self, g_value_get_string (value));
      break;

    case PROP_SUBTITLE:
      quorum_text_row_set_subtitle (self, g_value_get_string (value));
      break;

    case PROP_SUBTITLE_LINES:
      quorum_text_row_set_subtitle_lines (self, g_value_get_int (value));
      break;

    case PROP_ICON_NAME:
      quorum_text_row_set_icon_name (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_text_row_class_init (QuorumTextRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = quorum_text_row_dispose;
  object_class->get_property = quorum_text_row_get_property;
  object_class->set_property = quorum_text_row_set_property;

  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SUBTITLE_LINES] =
    g_param_spec_int ("subtitle-lines", NULL, NULL, 0, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

/* AdwActionRow's tree (libadwaita 1.2, adw-action-row.ui), with a QuorumColumn for its title
 * box: row > box.header > [image.icon] box.title > label.title, label.subtitle; box.suffixes. */
static void
quorum_text_row_init (QuorumTextRow *self)
{
  self->header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_valign (self->header, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (self->header, FALSE);
  gtk_widget_add_css_class (self->header, "header");

  self->image = gtk_image_new ();
  gtk_widget_set_valign (self->image, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (self->image, FALSE);
  gtk_widget_add_css_class (self->image, "icon");
  gtk_box_append (GTK_BOX (self->header), self->image);

  self->title_box = quorum_column_new (0);
  gtk_widget_set_valign (self->title_box, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (self->title_box, TRUE);
  gtk_widget_add_css_class (self->title_box, "title");
  gtk_box_append (GTK_BOX (self->header), self->title_box);

  self->title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->title, TRUE);
  gtk_label_set_wrap_mode (self->title, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (self->title, 0);
  gtk_label_set_mnemonic_widget (self->title, GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self->title), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->title), "title");
  quorum_column_append (QUORUM_COLUMN (self->title_box), GTK_WIDGET (self->title));

  self->subtitle = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->subtitle, TRUE);
  gtk_label_set_wrap_mode (self->subtitle, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (self->subtitle, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->subtitle), "subtitle");
  quorum_column_append (QUORUM_COLUMN (self->title_box), GTK_WIDGET (self->subtitle));

  self->suffixes = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_visible (self->suffixes, FALSE);
  gtk_widget_add_css_class (self->suffixes, "suffixes");
  gtk_box_append (GTK_BOX (self->header), self->suffixes);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), self->header);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);

  /* Named by its title, described by its subtitle, as AdwActionRow is. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->title, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->subtitle, NULL,
                                  -1);
  g_object_set_data (G_OBJECT (self), "quorum-a11y-named", GINT_TO_POINTER (1));

  g_signal_connect (self, "notify::parent", G_CALLBACK (parent_changed_cb), NULL);
}

GtkWidget *
quorum_text_row_new (const char *title,
                     const char *subtitle)
{
  return g_object_new (QUORUM_TYPE_TEXT_ROW, "title", title, "subtitle", subtitle, NULL);
}

const char *
quorum_text_row_get_title (QuorumTextRow *self)
{
  g_return_val_if_fail (QUORUM_IS_TEXT_ROW (self), NULL);

  return gtk_label_get_label (self->title);
}

void
quorum_text_row_set_title (QuorumTextRow *self,
                           const char    *title)
{
  g_return_if_fail (QUORUM_IS_TEXT_ROW (self));

  if (g_strcmp0 (gtk_label_get_label (self->title), title != NULL ? title : "") == 0)
    return;
  set_label (self->title, title);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TITLE]);
}

const char *
quorum_text_row_get_subtitle (QuorumTextRow *self)
{
  g_return_val_if_fail (QUORUM_IS_TEXT_ROW (self), NULL);

  return gtk_label_get_label (self->subtitle);
}

void
quorum_text_row_set_subtitle (QuorumTextRow *self,
                              const char    *subtitle)
{
  g_return_if_fail (QUORUM_IS_TEXT_ROW (self));

  if (g_strcmp0 (gtk_label_get_label (self->subtitle), subtitle != NULL ? subtitle : "") == 0)
    return;
  set_label (self->subtitle, subtitle);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SUBTITLE]);
}

void
quorum_text_row_set_subtitle_lines (QuorumTextRow *self,
                                    int            lines)
{
  g_return_if_fail (QUORUM_IS_TEXT_ROW (self));

  if (gtk_label_get_lines (self->subtitle) == lines)
    return;
  gtk_label_set_lines (self->subtitle, lines);
  gtk_label_set_ellipsize (self->subtitle, lines > 0 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SUBTITLE_LINES]);
}

void
quorum_text_row_set_icon_name (QuorumTextRow *self,
                               const char    *icon_name)
{
  g_return_if_fail (QUORUM_IS_TEXT_ROW (self));

  gtk_image_set_from_icon_name (GTK_IMAGE (self->image), icon_name);
  gtk_widget_set_visible (self->image, icon_name != NULL && *icon_name != '\0');
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ICON_NAME]);
}

void
quorum_text_row_add_suffix (QuorumTextRow *self,
                            GtkWidget     *widget)
{
  g_return_if_fail (QUORUM_IS_TEXT_ROW (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_box_append (GTK_BOX (self->suffixes), widget);
  gtk_widget_set_visible (self->suffixes, TRUE);
}

void
quorum_text_row_set_activatable_widget (QuorumTextRow *self,
                                        GtkWidget     *widget)
{
  g_return_if_fail (QUORUM_IS_TEXT_ROW (self));
  g_return_if_fail (widget == NULL || GTK_IS_WIDGET (widget));

  g_set_weak_pointer (&self->activatable_widget, widget);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), widget != NULL);
}
