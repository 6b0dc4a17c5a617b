/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-record-item.c: one read-only line of the record. */

#include <gtk/gtk.h>

#include "quorum-record-item.h"
#include "quorum-wrap-label.h"

struct _QuorumRecordItem
{
  GObject  parent_instance;

  char    *title;
  char    *subtitle;
  char    *icon_name;
};

enum {
  PROP_0,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_ICON_NAME,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (QuorumRecordItem, quorum_record_item, G_TYPE_OBJECT)

static void
quorum_record_item_finalize (GObject *object)
{
  QuorumRecordItem *self = (QuorumRecordItem *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->icon_name, g_free);

  G_OBJECT_CLASS (quorum_record_item_parent_class)->finalize (object);
}

static void
quorum_record_item_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  QuorumRecordItem *self = QUORUM_RECORD_ITEM (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;

    case PROP_ICON_NAME:
      g_value_set_string (value, self->icon_name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_record_item_class_init (QuorumRecordItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = quorum_record_item_finalize;
  object_class->get_property = quorum_record_item_get_property;

  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
quorum_record_item_init (QuorumRecordItem *self)
{
}

QuorumRecordItem *
quorum_record_item_new (const char *title,
                        const char *subtitle,
                        const char *icon_name)
{
  QuorumRecordItem *self = g_object_new (QUORUM_TYPE_RECORD_ITEM, NULL);

  self->title = g_strdup (title != NULL ? title : "");
  self->subtitle = g_strdup (subtitle != NULL ? subtitle : "");
  self->icon_name = g_strdup (icon_name);

  return self;
}

const char *
quorum_record_item_get_title (QuorumRecordItem *self)
{
  g_return_val_if_fail (QUORUM_IS_RECORD_ITEM (self), NULL);
  return self->title;
}

const char *
quorum_record_item_get_subtitle (QuorumRecordItem *self)
{
  g_return_val_if_fail (QUORUM_IS_RECORD_ITEM (self), NULL);
  return self->subtitle;
}

const char *
quorum_record_item_get_icon_name (QuorumRecordItem *self)
{
  g_return_val_if_fail (QUORUM_IS_RECORD_ITEM (self), NULL);
  return self->icon_name;
}

/* A record as a row: an icon and a title, and the full text beneath. Not an AdwActionRow, nor
 * any horizontal box around the text: sharing width between siblings makes GTK measure a
 * wrapping label's natural width, the whole text on one line, again and again (four
 * 8,000-character reasons held the window for 13.6 s; in a vertical box, 2.3 s). */
GtkWidget *
quorum_record_item_create_row (gpointer item,
                               gpointer user_data)
{
  QuorumRecordItem *record = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *vbox = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *heading = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = gtk_label_new (quorum_record_item_get_title (record));
  const char *text = quorum_record_item_get_subtitle (record);
  const char *icon_name = quorum_record_item_get_icon_name (record);

  if (icon_name != NULL)
    gtk_box_append (GTK_BOX (heading), gtk_image_new_from_icon_name (icon_name));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_box_append (GTK_BOX (heading), title);
  gtk_box_append (GTK_BOX (vbox), heading);

  if (text != NULL && *text != '\0')
    {
      /* A dissent's or a discussion's words in full: laid out once for its width. */
      GtkWidget *subtitle = quorum_wrap_label_new (text);
      GtkWidget *inner = GTK_WIDGET (quorum_wrap_label_get_inner (QUORUM_WRAP_LABEL (subtitle)));

      gtk_widget_add_css_class (inner, "dim-label");
      gtk_widget_add_css_class (inner, "caption");
      if (icon_name != NULL)
        gtk_widget_set_margin_start (subtitle, 28);  /* under the title, past the icon */
      gtk_box_append (GTK_BOX (vbox), subtitle);
    }

  gtk_widget_set_margin_start (vbox, 12);
  gtk_widget_set_margin_end (vbox, 12);
  gtk_widget_set_margin_top (vbox, 10);
  gtk_widget_set_margin_bottom (vbox, 10);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), vbox);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}
