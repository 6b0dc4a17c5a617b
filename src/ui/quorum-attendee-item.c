/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-attendee-item.c: one attendee in the conference's list. */

#include <glib/gi18n.h>

#include "quorum-attendee-item.h"
#include "quorum-ui-util.h"

struct _QuorumAttendeeItem
{
  GObject  parent_instance;

  gint64   id;
  guint    position;      /* order of arrival, to keep it within a section */
  int      rank;          /* 0 voting and present, 1 apologies or report, 2 not voting */
  char    *name;
  char    *subtitle;
  char    *status;
  char    *section;       /* normal form of the line-management structure, or a fixed key */
  char    *section_title;
};

enum {
  PROP_0,
  PROP_NAME,
  PROP_SUBTITLE,
  PROP_STATUS,
  PROP_SECTION_TITLE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (QuorumAttendeeItem, quorum_attendee_item, G_TYPE_OBJECT)

static void
quorum_attendee_item_finalize (GObject *object)
{
  QuorumAttendeeItem *self = (QuorumAttendeeItem *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->section, g_free);
  g_clear_pointer (&self->section_title, g_free);

  G_OBJECT_CLASS (quorum_attendee_item_parent_class)->finalize (object);
}

static void
quorum_attendee_item_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  QuorumAttendeeItem *self = QUORUM_ATTENDEE_ITEM (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;

    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    case PROP_SECTION_TITLE:
      g_value_set_string (value, self->section_title);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_attendee_item_class_init (QuorumAttendeeItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = quorum_attendee_item_finalize;
  object_class->get_property = quorum_attendee_item_get_property;

  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_SECTION_TITLE] =
    g_param_spec_string ("section-title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
quorum_attendee_item_init (QuorumAttendeeItem *self)
{
}

/* @attendee of @conference, named as the name stands after sign-off: a name corrected by an
 * amendment is shown corrected, the signed-off original kept under it, as the record does. */
QuorumAttendeeItem *
quorum_attendee_item_new (const QuorumConference *conference,
                          const QuorumAttendee   *attendee,
                          guint                   position)
{
  QuorumAttendeeItem *self;
  g_autofree char *record = NULL;
  g_autofree char *note = NULL;
  const char *name = attendee->name;

  g_return_val_if_fail (conference != NULL, NULL);
  g_return_val_if_fail (attendee != NULL, NULL);

  self = g_object_new (QUORUM_TYPE_ATTENDEE_ITEM, NULL);
  self->id = attendee->id;
  self->position = position;
  record = g_strdup_printf ("attendee:%" G_GINT64_FORMAT, attendee->id);
  note = quorum_ui_amended_note (conference, record, "name", attendee->name, &name);
  self->name = g_strdup (name);

  if (attendee->role != NULL && *attendee->role != '\0')
    /* Translators: an attendee's role and agency: "Health Visitor, Bolton NHS Foundation Trust" */
    self->subtitle = g_strdup_printf (_("%s, %s"), attendee->role, attendee->agency);
  else
    self->subtitle = g_strdup (attendee->agency);
  if (note != NULL)
    {
      char *with = g_strconcat (self->subtitle, "\n", note, NULL);

      g_free (self->subtitle);
      self->subtitle = with;
    }

  if (attendee->attendance != QUORUM_ATTENDANCE_PRESENT)
    self->status = g_strdup (quorum_attendance_get_label (attendee->attendance));
  else if (!attendee->voting)
    self->status = g_strdup (_("Does not vote"));
  else
    self->status = g_strdup ("");

  if (!attendee->voting)
    {
      self->rank = 2;
      self->section = g_strdup ("~not-voting");
      self->section_title = g_strdup (_("Not voting: family, advocates and others"));
    }
  else if (attendee->attendance != QUORUM_ATTENDANCE_PRESENT)
    {
      self->rank = 1;
      self->section = g_strdup ("~absent");
      self->section_title = g_strdup (_("Apologies and written reports"));
    }
  else
    {
      self->rank = 0;
      self->section = quorum_group_normalize (attendee->line_management);
      self->section_title = g_strdup (attendee->line_management);
    }

  return self;
}

gint64
quorum_attendee_item_get_id (QuorumAttendeeItem *self)
{
  g_return_val_if_fail (QUORUM_IS_ATTENDEE_ITEM (self), 0);
  return self->id;
}

const char *
quorum_attendee_item_get_name (QuorumAttendeeItem *self)
{
  g_return_val_if_fail (QUORUM_IS_ATTENDEE_ITEM (self), NULL);
  return self->name;
}

const char *
quorum_attendee_item_get_subtitle (QuorumAttendeeItem *self)
{
  g_return_val_if_fail (QUORUM_IS_ATTENDEE_ITEM (self), NULL);
  return self->subtitle;
}

const char *
quorum_attendee_item_get_status (QuorumAttendeeItem *self)
{
  g_return_val_if_fail (QUORUM_IS_ATTENDEE_ITEM (self), NULL);
  return self->status;
}

const char *
quorum_attendee_item_get_section (QuorumAttendeeItem *self)
{
  g_return_val_if_fail (QUORUM_IS_ATTENDEE_ITEM (self), NULL);
  return self->section;
}

const char *
quorum_attendee_item_get_section_title (QuorumAttendeeItem *self)
{
  g_return_val_if_fail (QUORUM_IS_ATTENDEE_ITEM (self), NULL);
  return self->section_title;
}

/* @self takes @other's attendee: the list keeps its item (and its row), showing another. */
void
quorum_attendee_item_assign (QuorumAttendeeItem *self,
                             QuorumAttendeeItem *other)
{
  g_return_if_fail (QUORUM_IS_ATTENDEE_ITEM (self));
  g_return_if_fail (QUORUM_IS_ATTENDEE_ITEM (other));

  self->id = other->id;
  self->position = other->position;
  self->rank = other->rank;
  g_free (self->name);
  self->name = g_strdup (other->name);
  g_free (self->subtitle);
  self->subtitle = g_strdup (other->subtitle);
  g_free (self->status);
  self->status = g_strdup (other->status);
  g_free (self->section);
  self->section = g_strdup (other->section);
  g_free (self->section_title);
  self->section_title = g_strdup (other->section_title);
}

gboolean
quorum_attendee_item_equal (QuorumAttendeeItem *a,
                            QuorumAttendeeItem *b)
{
  g_return_val_if_fail (QUORUM_IS_ATTENDEE_ITEM (a), FALSE);
  g_return_val_if_fail (QUORUM_IS_ATTENDEE_ITEM (b), FALSE);

  return a->id == b->id &&
         a->rank == b->rank &&
         g_strcmp0 (a->name, b->name) == 0 &&
         g_strcmp0 (a->subtitle, b->subtitle) == 0 &&
         g_strcmp0 (a->status, b->status) == 0 &&
         g_strcmp0 (a->section, b->section) == 0 &&
         g_strcmp0 (a->section_title, b->section_title) == 0;
}

/* Voting structures in order of first arrival, then apologies, then those who do not vote. */
int
quorum_attendee_item_compare_ptr (gconstpointer a,
                                  gconstpointer b,
                                  gpointer      user_data)
{
  QuorumAttendeeItem *ia = *(QuorumAttendeeItem **) a;
  QuorumAttendeeItem *ib = *(QuorumAttendeeItem **) b;
  GHashTable *first_seen = user_data;
  guint fa;
  guint fb;

  if (ia->rank != ib->rank)
    return ia->rank - ib->rank;

  fa = GPOINTER_TO_UINT (g_hash_table_lookup (first_seen, ia->section));
  fb = GPOINTER_TO_UINT (g_hash_table_lookup (first_seen, ib->section));
  if (fa != fb)
    return fa < fb ? -1 : 1;

  return ia->position < ib->position ? -1 : (ia->position > ib->position ? 1 : 0);
}
