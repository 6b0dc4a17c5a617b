/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-group-item.c: one line-management group on the vote board. */

#include "quorum-group-item.h"

struct _QuorumGroupItem
{
  GObject     parent_instance;

  char       *name;
  char      **members;
  QuorumView  view;
  guint       categories;
  char       *reason;
  gboolean    members_disagreed;
  char       *recorded_at;
};

enum {
  PROP_0,
  PROP_NAME,
  PROP_VIEW,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

G_DEFINE_FINAL_TYPE (QuorumGroupItem, quorum_group_item, G_TYPE_OBJECT)

static void
quorum_group_item_finalize (GObject *object)
{
  QuorumGroupItem *self = (QuorumGroupItem *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->members, g_strfreev);
  g_clear_pointer (&self->reason, g_free);
  g_clear_pointer (&self->recorded_at, g_free);

  G_OBJECT_CLASS (quorum_group_item_parent_class)->finalize (object);
}

static void
quorum_group_item_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  QuorumGroupItem *self = QUORUM_GROUP_ITEM (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_VIEW:
      g_value_set_int (value, self->view);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_group_item_class_init (QuorumGroupItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = quorum_group_item_finalize;
  object_class->get_property = quorum_group_item_get_property;

  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_VIEW] =
    g_param_spec_int ("view", NULL, NULL,
                      QUORUM_VIEW_NONE, QUORUM_VIEW_DECLINE, QUORUM_VIEW_NONE,
                      (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
quorum_group_item_init (QuorumGroupItem *self)
{
}

QuorumGroupItem *
quorum_group_item_new (const char *name)
{
  QuorumGroupItem *self = g_object_new (QUORUM_TYPE_GROUP_ITEM, NULL);

  self->name = g_strdup (name);
  self->members = g_new0 (char *, 1);

  return self;
}

const char *
quorum_group_item_get_name (QuorumGroupItem *self)
{
  g_return_val_if_fail (QUORUM_IS_GROUP_ITEM (self), NULL);
  return self->name;
}

const char * const *
quorum_group_item_get_members (QuorumGroupItem *self)
{
  g_return_val_if_fail (QUORUM_IS_GROUP_ITEM (self), NULL);
  return (const char * const *) self->members;
}

QuorumView
quorum_group_item_get_view (QuorumGroupItem *self)
{
  g_return_val_if_fail (QUORUM_IS_GROUP_ITEM (self), QUORUM_VIEW_NONE);
  return self->view;
}

guint
quorum_group_item_get_categories (QuorumGroupItem *self)
{
  g_return_val_if_fail (QUORUM_IS_GROUP_ITEM (self), 0);
  return self->categories;
}

const char *
quorum_group_item_get_reason (QuorumGroupItem *self)
{
  g_return_val_if_fail (QUORUM_IS_GROUP_ITEM (self), NULL);
  return self->reason;
}

gboolean
quorum_group_item_get_members_disagreed (QuorumGroupItem *self)
{
  g_return_val_if_fail (QUORUM_IS_GROUP_ITEM (self), FALSE);
  return self->members_disagreed;
}

const char *
quorum_group_item_get_recorded_at (QuorumGroupItem *self)
{
  g_return_val_if_fail (QUORUM_IS_GROUP_ITEM (self), NULL);
  return self->recorded_at;
}

void
quorum_group_item_update (QuorumGroupItem    *self,
                          const char * const *members,
                          const QuorumVote   *vote)
{
  QuorumView view = vote != NULL ? vote->view : QUORUM_VIEW_NONE;

  g_return_if_fail (QUORUM_IS_GROUP_ITEM (self));

  g_clear_pointer (&self->members, g_strfreev);
  self->members = members != NULL ? g_strdupv ((char **) members) : g_new0 (char *, 1);

  self->categories = vote != NULL ? vote->categories : 0;
  self->members_disagreed = vote != NULL && vote->members_disagreed;
  g_free (self->reason);
  self->reason = g_strdup (vote != NULL ? vote->reason : NULL);
  g_free (self->recorded_at);
  self->recorded_at = g_strdup (vote != NULL ? vote->recorded_at : NULL);

  if (self->view != view)
    {
      self->view = view;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VIEW]);
    }

  g_signal_emit (self, signals [CHANGED], 0);
}
