/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-referral-filter.c: which referrals the page shows: by state, and by the child's or
 * the chair's name. It tells its models whether a change narrows or widens the match, so a
 * GtkFilterListModel of 100,000 rows refilters only what it must. */

#include <string.h>

#include "quorum/quorum-search.h"

#include "quorum-referral-filter.h"

struct _QuorumReferralFilter
{
  GtkFilter           parent_instance;

  QuorumReferralShow  show;
  char               *search;      /* as typed */
  char               *casefolded;  /* quorum_search_fold ()ed (accents and case ignored); NULL: no search */
};

enum {
  PROP_0,
  PROP_SHOW,
  PROP_SEARCH,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (QuorumReferralFilter, quorum_referral_filter, GTK_TYPE_FILTER)

static const char * const show_names[] = {
  "all", "awaiting-notification", "awaiting-panel", "overdue", "decided",
};

const char *
quorum_referral_show_to_string (QuorumReferralShow show)
{
  g_return_val_if_fail (show < G_N_ELEMENTS (show_names), NULL);

  return show_names[show];
}

gboolean
quorum_referral_show_from_string (const char         *str,
                                  QuorumReferralShow *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (show_names); i++)
    if (g_strcmp0 (str, show_names[i]) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

static gboolean
quorum_referral_filter_match (GtkFilter *filter,
                              gpointer   item)
{
  QuorumReferralFilter *self = (QuorumReferralFilter *)filter;
  QuorumReferralObject *referral = item;
  gboolean shown;

  switch (self->show)
    {
    case QUORUM_REFERRAL_SHOW_AWAITING_NOTIFICATION:
      shown = quorum_referral_object_get_state (referral) == QUORUM_REFERRAL_AWAITING_NOTIFICATION;
      break;
    case QUORUM_REFERRAL_SHOW_AWAITING_PANEL:
      shown = quorum_referral_object_get_state (referral) == QUORUM_REFERRAL_AWAITING_PANEL;
      break;
    case QUORUM_REFERRAL_SHOW_OVERDUE:
      shown = quorum_referral_object_get_overdue (referral);
      break;
    case QUORUM_REFERRAL_SHOW_DECIDED:
      shown = quorum_referral_object_get_state (referral) == QUORUM_REFERRAL_DECIDED;
      break;
    case QUORUM_REFERRAL_SHOW_ALL:
    default:
      shown = TRUE;
      break;
    }

  return shown && quorum_referral_object_matches (referral, self->casefolded);
}

static GtkFilterMatch
quorum_referral_filter_get_strictness (GtkFilter *filter)
{
  QuorumReferralFilter *self = (QuorumReferralFilter *)filter;

  if (self->show == QUORUM_REFERRAL_SHOW_ALL && self->casefolded == NULL)
    return GTK_FILTER_MATCH_ALL;
  return GTK_FILTER_MATCH_SOME;
}

static void
quorum_referral_filter_finalize (GObject *object)
{
  QuorumReferralFilter *self = (QuorumReferralFilter *)object;

  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->casefolded, g_free);

  G_OBJECT_CLASS (quorum_referral_filter_parent_class)->finalize (object);
}

static void
quorum_referral_filter_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  QuorumReferralFilter *self = QUORUM_REFERRAL_FILTER (object);

  switch (prop_id)
    {
    case PROP_SHOW:
      g_value_set_string (value, quorum_referral_show_to_string (self->show));
      break;

    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_referral_filter_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  QuorumReferralFilter *self = QUORUM_REFERRAL_FILTER (object);
  QuorumReferralShow show;

  switch (prop_id)
    {
    case PROP_SHOW:
      if (quorum_referral_show_from_string (g_value_get_string (value), &show))
        quorum_referral_filter_set_show (self, show);
      else
        g_warning ("Unknown referral filter “%s”", g_value_get_string (value));
      break;

    case PROP_SEARCH:
      quorum_referral_filter_set_search (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_referral_filter_class_init (QuorumReferralFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkFilterClass *filter_class = GTK_FILTER_CLASS (klass);

  object_class->finalize = quorum_referral_filter_finalize;
  object_class->get_property = quorum_referral_filter_get_property;
  object_class->set_property = quorum_referral_filter_set_property;

  filter_class->match = quorum_referral_filter_match;
  filter_class->get_strictness = quorum_referral_filter_get_strictness;

  properties [PROP_SHOW] =
    g_param_spec_string ("show", NULL, NULL, "all",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
quorum_referral_filter_init (QuorumReferralFilter *self)
{
  self->show = QUORUM_REFERRAL_SHOW_ALL;
}

QuorumReferralFilter *
quorum_referral_filter_new (void)
{
  return g_object_new (QUORUM_TYPE_REFERRAL_FILTER, NULL);
}

QuorumReferralShow
quorum_referral_filter_get_show (QuorumReferralFilter *self)
{
  g_return_val_if_fail (QUORUM_IS_REFERRAL_FILTER (self), QUORUM_REFERRAL_SHOW_ALL);

  return self->show;
}

void
quorum_referral_filter_set_show (QuorumReferralFilter *self,
                                 QuorumReferralShow    show)
{
  GtkFilterChange change;

  g_return_if_fail (QUORUM_IS_REFERRAL_FILTER (self));
  g_return_if_fail (show < G_N_ELEMENTS (show_names));

  if (self->show == show)
    return;

  /* From "all" every other choice narrows; to "all" widens; between two states, both. */
  if (self->show == QUORUM_REFERRAL_SHOW_ALL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (show == QUORUM_REFERRAL_SHOW_ALL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  self->show = show;
  gtk_filter_changed (GTK_FILTER (self), change);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SHOW]);
}

const char *
quorum_referral_filter_get_search (QuorumReferralFilter *self)
{
  g_return_val_if_fail (QUORUM_IS_REFERRAL_FILTER (self), NULL);

  return self->search;
}

void
quorum_referral_filter_set_search (QuorumReferralFilter *self,
                                   const char           *search)
{
  g_autofree char *stripped = NULL;
  g_autofree char *casefolded = NULL;
  GtkFilterChange change;

  g_return_if_fail (QUORUM_IS_REFERRAL_FILTER (self));

  stripped = g_strstrip (g_strdup (search ? search : ""));
  if (*stripped != '\0')
    casefolded = quorum_search_fold (stripped);

  if (g_strcmp0 (casefolded, self->casefolded) == 0)
    {
      g_free (self->search);
      self->search = g_strdup (search);
      return;
    }

  /* Typing on narrows the match; deleting widens it. */
  if (self->casefolded == NULL || (casefolded != NULL && strstr (casefolded, self->casefolded) != NULL))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (casefolded == NULL || strstr (self->casefolded, casefolded) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  g_free (self->search);
  self->search = g_strdup (search);
  g_free (self->casefolded);
  self->casefolded = g_steal_pointer (&casefolded);

  gtk_filter_changed (GTK_FILTER (self), change);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SEARCH]);
}
