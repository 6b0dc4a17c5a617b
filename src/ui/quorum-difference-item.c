/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-difference-item.c: one professional difference in the Differences page's list. */

#include <glib/gi18n.h>

#include "quorum-difference-item.h"
#include "quorum-ui-util.h"

struct _QuorumDifferenceItem
{
  GObject           parent_instance;

  QuorumDifference *difference;
  char             *title;
  char             *subtitle;
  char             *status;
  gboolean          overdue;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_STATUS,
  PROP_OVERDUE,
  PROP_RESOLVED,
  PROP_IMMEDIATE_RISK,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (QuorumDifferenceItem, quorum_difference_item, G_TYPE_OBJECT)

static void
quorum_difference_item_finalize (GObject *object)
{
  QuorumDifferenceItem *self = (QuorumDifferenceItem *)object;

  g_clear_pointer (&self->difference, quorum_difference_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->status, g_free);

  G_OBJECT_CLASS (quorum_difference_item_parent_class)->finalize (object);
}

static void
quorum_difference_item_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  QuorumDifferenceItem *self = QUORUM_DIFFERENCE_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->difference->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;

    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    case PROP_OVERDUE:
      g_value_set_boolean (value, self->overdue);
      break;

    case PROP_RESOLVED:
      g_value_set_boolean (value, self->difference->status == QUORUM_DIFFERENCE_RESOLVED);
      break;

    case PROP_IMMEDIATE_RISK:
      g_value_set_boolean (value, self->difference->immediate_risk);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_difference_item_class_init (QuorumDifferenceItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = quorum_difference_item_finalize;
  object_class->get_property = quorum_difference_item_get_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_OVERDUE] =
    g_param_spec_boolean ("overdue", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_RESOLVED] =
    g_param_spec_boolean ("resolved", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_IMMEDIATE_RISK] =
    g_param_spec_boolean ("immediate-risk", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
quorum_difference_item_init (QuorumDifferenceItem *self)
{
}

/* "4 Nov 2026", as the lists of conferences and referrals give a date; ISO if it cannot. */
static char *
short_date (const GDate *date)
{
  char buf[64];

  /* Translators: a short date in the list of conferences, see strftime(3) */
  if (quorum_ui_strftime (buf, sizeof buf, _("%-d %b %Y"), date) == 0)
    return quorum_date_to_string (date);
  return g_strdup (buf);
}

QuorumDifferenceItem *
quorum_difference_item_new (QuorumDifference *difference,
                            QuorumProfile    *profile,
                            const GDate      *as_of)
{
  QuorumDifferenceItem *self;
  const QuorumDifferenceStage *stage;
  g_autofree char *due = NULL;
  const char *about;

  g_return_val_if_fail (difference != NULL, NULL);
  g_return_val_if_fail (as_of != NULL && g_date_valid (as_of), NULL);

  self = g_object_new (QUORUM_TYPE_DIFFERENCE_ITEM, NULL);
  self->difference = difference;
  self->overdue = quorum_difference_is_overdue (difference, as_of);
  stage = quorum_difference_get_current_stage (difference);

  about = difference->child != NULL ? difference->child : quorum_area_get_label (difference->area);
  /* Translators: a difference in the list: "4 · Amy Jones: Bolton NHS FT and Children's Social Care" */
  self->title = g_strdup_printf (_("%lld · %s: %s and %s"), (long long) difference->id, about,
                                 difference->agency, difference->against);

  if (stage != NULL && g_date_valid (&stage->due))
    due = short_date (&stage->due);

  if (difference->status == QUORUM_DIFFERENCE_RESOLVED && difference->disagreement_remains)
    {
      g_autofree char *closed = short_date (&difference->resolved);

      /* Not resolved: closed with the professionals still disagreeing (001, 004) */
      self->status = g_strdup (_("Disagreement remains"));
      self->subtitle = g_strdup_printf (_("Closed %s at stage %d, the disagreement remaining"), closed,
                                        stage != NULL ? stage->number : 0);
    }
  else if (difference->status == QUORUM_DIFFERENCE_RESOLVED)
    {
      g_autofree char *resolved = short_date (&difference->resolved);

      self->status = g_strdup (_("Resolved"));
      self->subtitle = g_strdup_printf (_("Resolved %s at stage %d"), resolved,
                                        stage != NULL ? stage->number : 0);
    }
  else if (self->overdue)
    {
      int next = profile != NULL ? quorum_difference_get_next_stage_due (difference, profile, as_of) : 0;

      self->status = g_strdup (_("Overdue"));
      if (next > 0)
        self->subtitle = g_strdup_printf (_("Stage %d was due %s: stage %d is now due"),
                                          stage->number, due, next);
      else
        self->subtitle = g_strdup_printf (_("Stage %d, the last, was due %s"), stage->number, due);
    }
  else
    {
      g_autofree char *policy = profile != NULL ? quorum_profile_dup_short_name (profile)
                                                : g_strdup (difference->profile_id);

      self->status = g_strdup (_("Open"));
      if (due != NULL)
        self->subtitle = g_strdup_printf (_("%s · stage %d, due %s"), policy, stage->number, due);
      else
        self->subtitle = g_strdup_printf (_("%s · stage %d, no time limit set by this policy"),
                                          policy, stage != NULL ? stage->number : 0);
    }

  return self;
}

gint64
quorum_difference_item_get_id (QuorumDifferenceItem *self)
{
  g_return_val_if_fail (QUORUM_IS_DIFFERENCE_ITEM (self), 0);

  return self->difference->id;
}

const QuorumDifference *
quorum_difference_item_get_difference (QuorumDifferenceItem *self)
{
  g_return_val_if_fail (QUORUM_IS_DIFFERENCE_ITEM (self), NULL);

  return self->difference;
}

gboolean
quorum_difference_item_get_overdue (QuorumDifferenceItem *self)
{
  g_return_val_if_fail (QUORUM_IS_DIFFERENCE_ITEM (self), FALSE);

  return self->overdue;
}

const char *
quorum_difference_item_get_title (QuorumDifferenceItem *self)
{
  g_return_val_if_fail (QUORUM_IS_DIFFERENCE_ITEM (self), NULL);

  return self->title;
}

const char *
quorum_difference_item_get_subtitle (QuorumDifferenceItem *self)
{
  g_return_val_if_fail (QUORUM_IS_DIFFERENCE_ITEM (self), NULL);

  return self->subtitle;
}

const char *
quorum_difference_item_get_status (QuorumDifferenceItem *self)
{
  g_return_val_if_fail (QUORUM_IS_DIFFERENCE_ITEM (self), NULL);

  return self->status;
}

gboolean
quorum_difference_item_take_if_same (QuorumDifferenceItem *self,
                                     QuorumDifferenceItem *newer)
{
  g_return_val_if_fail (QUORUM_IS_DIFFERENCE_ITEM (self), FALSE);
  g_return_val_if_fail (QUORUM_IS_DIFFERENCE_ITEM (newer), FALSE);

  if (self->difference->id != newer->difference->id || g_strcmp0 (self->title, newer->title) != 0 ||
      g_strcmp0 (self->subtitle, newer->subtitle) != 0 || g_strcmp0 (self->status, newer->status) != 0 ||
      !self->overdue != !newer->overdue || self->difference->status != newer->difference->status ||
      !self->difference->immediate_risk != !newer->difference->immediate_risk)
    return FALSE;

  g_clear_pointer (&self->difference, quorum_difference_free);
  /* @newer, left without one, is only let go by its caller. */
  self->difference = g_steal_pointer (&newer->difference);
  return TRUE;
}
