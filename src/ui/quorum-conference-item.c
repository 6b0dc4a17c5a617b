/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-conference-item.c: one conference in the list of conferences. */

#include <glib/gi18n.h>

#include "quorum-conference-item.h"
#include "quorum-ui-util.h"

struct _QuorumConferenceItem
{
  GObject   parent_instance;

  gint64    id;
  char     *title;
  char     *subtitle;
  char     *case_ref;
  char     *status;
  gboolean  finalised;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_CASE_REF,
  PROP_STATUS,
  PROP_FINALISED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (QuorumConferenceItem, quorum_conference_item, G_TYPE_OBJECT)

static void
quorum_conference_item_finalize (GObject *object)
{
  QuorumConferenceItem *self = (QuorumConferenceItem *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->case_ref, g_free);
  g_clear_pointer (&self->status, g_free);

  G_OBJECT_CLASS (quorum_conference_item_parent_class)->finalize (object);
}

static void
quorum_conference_item_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  QuorumConferenceItem *self = QUORUM_CONFERENCE_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;

    case PROP_CASE_REF:
      g_value_set_string (value, self->case_ref);
      break;

    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    case PROP_FINALISED:
      g_value_set_boolean (value, self->finalised);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_conference_item_class_init (QuorumConferenceItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = quorum_conference_item_finalize;
  object_class->get_property = quorum_conference_item_get_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_CASE_REF] =
    g_param_spec_string ("case-ref", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_FINALISED] =
    g_param_spec_boolean ("finalised", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
quorum_conference_item_init (QuorumConferenceItem *self)
{
}

QuorumConferenceItem *
quorum_conference_item_new (const QuorumConferenceSummary *summary)
{
  QuorumConferenceItem *self;
  char buf[64] = "";

  g_return_val_if_fail (summary != NULL, NULL);

  self = g_object_new (QUORUM_TYPE_CONFERENCE_ITEM, NULL);
  self->id = summary->id;
  self->title = g_strdup (summary->children != NULL && *summary->children != '\0'
                          ? summary->children : _("Unnamed child"));
  self->case_ref = g_strdup (summary->case_ref != NULL ? summary->case_ref : "");
  self->finalised = summary->finalised;
  self->status = g_strdup (summary->finalised ? _("Signed off") : "");

  /* Translators: a short date in the list of conferences, see strftime(3) */
  if (g_date_valid (&summary->date))
    quorum_ui_strftime (buf, sizeof buf, _("%-d %b %Y"), &summary->date);

  /* Translators: a conference in the list: "Initial · 20 Jan 2026 10:00 · Chair: Jane Doe" */
  self->subtitle = g_strdup_printf (_("%s · %s%s%s · Chair: %s"),
                                    quorum_kind_get_label (summary->kind),
                                    buf,
                                    summary->time != NULL ? " " : "",
                                    summary->time != NULL ? summary->time : "",
                                    summary->chair != NULL ? summary->chair : "");

  return self;
}

gint64
quorum_conference_item_get_id (QuorumConferenceItem *self)
{
  g_return_val_if_fail (QUORUM_IS_CONFERENCE_ITEM (self), 0);

  return self->id;
}

const char *
quorum_conference_item_get_title (QuorumConferenceItem *self)
{
  g_return_val_if_fail (QUORUM_IS_CONFERENCE_ITEM (self), NULL);

  return self->title;
}

const char *
quorum_conference_item_get_subtitle (QuorumConferenceItem *self)
{
  g_return_val_if_fail (QUORUM_IS_CONFERENCE_ITEM (self), NULL);

  return self->subtitle;
}

gboolean
quorum_conference_item_get_finalised (QuorumConferenceItem *self)
{
  g_return_val_if_fail (QUORUM_IS_CONFERENCE_ITEM (self), FALSE);

  return self->finalised;
}
