/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-record-item.c: one read-only line of the record. */

#include "quorum-record-item.h"

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
