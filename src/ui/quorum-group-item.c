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
  /* The reason corrected after sign-off, and the words keeping the original beside it. */
  char       *amended_reason;
  char       *amended_note;
  GPtrArray  *representatives;   /* Representative* */
};

typedef struct
{
  gint64      attendee_id;
  char       *name;
  QuorumView  view;
  char       *reason;
} Representative;

static void
representative_free (Representative *r)
{
  g_free (r->name);
  g_free (r->reason);
  g_free (r);
}

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
  g_clear_pointer (&self->amended_reason, g_free);
  g_clear_pointer (&self->amended_note, g_free);
  g_clear_pointer (&self->representatives, g_ptr_array_unref);

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
  self->representatives = g_ptr_array_new_with_free_func ((GDestroyNotify) representative_free);
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

void
quorum_group_item_set_amended (QuorumGroupItem *self,
                               const char      *reason,
                               const char      *note)
{
  g_return_if_fail (QUORUM_IS_GROUP_ITEM (self));

  g_free (self->amended_reason);
  self->amended_reason = note != NULL ? g_strdup (reason) : NULL;
  g_free (self->amended_note);
  self->amended_note = g_strdup (note);
}

const char *
quorum_group_item_get_amended_note (QuorumGroupItem  *self,
                                    const char      **reason)
{
  g_return_val_if_fail (QUORUM_IS_GROUP_ITEM (self), NULL);

  if (reason != NULL)
    *reason = self->amended_reason;
  return self->amended_note;
}

static Representative *
find_representative (QuorumGroupItem *self,
                     gint64           attendee_id)
{
  for (guint i = 0; i < self->representatives->len; i++)
    {
      Representative *r = g_ptr_array_index (self->representatives, i);

      if (r->attendee_id == attendee_id)
        return r;
    }
  return NULL;
}

void
quorum_group_item_set_representatives (QuorumGroupItem        *self,
                                       const QuorumConference *conference,
                                       gint64                  child_id)
{
  g_autoptr(GPtrArray) positions = NULL;

  g_return_if_fail (QUORUM_IS_GROUP_ITEM (self));
  g_return_if_fail (conference != NULL);

  g_ptr_array_set_size (self->representatives, 0);

  /* Those who can give their own position now: voting, and in the room. */
  for (guint i = 0; conference->attendees != NULL && i < conference->attendees->len; i++)
    {
      const QuorumAttendee *a = g_ptr_array_index (conference->attendees, i);
      Representative *r;

      if (!a->voting || !quorum_attendee_is_present (a) || !quorum_group_equal (a->line_management, self->name))
        continue;
      r = g_new0 (Representative, 1);
      r->attendee_id = a->id;
      r->name = g_strdup (quorum_conference_name_now (conference, a->id, a->name, NULL));
      g_ptr_array_add (self->representatives, r);
    }

  /* Their positions, and those of anyone who gave one and has since left. */
  positions = quorum_conference_member_views (conference, child_id, self->name);
  for (guint i = 0; i < positions->len; i++)
    {
      const QuorumMemberView *m = g_ptr_array_index (positions, i);
      Representative *r = find_representative (self, m->attendee_id);

      if (r == NULL)
        {
          r = g_new0 (Representative, 1);
          r->attendee_id = m->attendee_id;
          r->name = g_strdup (quorum_conference_name_now (conference, m->attendee_id, m->name, NULL));
          g_ptr_array_add (self->representatives, r);
        }
      r->view = m->view;
      g_free (r->reason);
      r->reason = g_strdup (m->reason);
    }
}

guint
quorum_group_item_get_n_representatives (QuorumGroupItem *self)
{
  g_return_val_if_fail (QUORUM_IS_GROUP_ITEM (self), 0);
  return self->representatives->len;
}

void
quorum_group_item_get_representative (QuorumGroupItem  *self,
                                      guint             index,
                                      gint64           *attendee_id,
                                      const char      **name,
                                      QuorumView       *view,
                                      const char      **reason)
{
  const Representative *r;

  g_return_if_fail (QUORUM_IS_GROUP_ITEM (self));
  g_return_if_fail (index < self->representatives->len);

  r = g_ptr_array_index (self->representatives, index);
  if (attendee_id != NULL)
    *attendee_id = r->attendee_id;
  if (name != NULL)
    *name = r->name;
  if (view != NULL)
    *view = r->view;
  if (reason != NULL)
    *reason = r->reason;
}

gboolean
quorum_group_item_has_positions (QuorumGroupItem *self)
{
  g_return_val_if_fail (QUORUM_IS_GROUP_ITEM (self), FALSE);

  for (guint i = 0; i < self->representatives->len; i++)
    if (((Representative *) g_ptr_array_index (self->representatives, i))->view != QUORUM_VIEW_NONE)
      return TRUE;
  return FALSE;
}
