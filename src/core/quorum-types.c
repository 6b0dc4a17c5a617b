/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-types.c: the stable string forms and the translated labels of the domain's enums. */

#include <string.h>
#include "quorum-gettext.h"

#include "quorum/quorum-types.h"

/* The words are the CLI's and the database's: never translate or change them. */
static const char * const region_words[] = {
  "england-wales", "scotland", "northern-ireland",
};
static const char * const rule_words[] = {
  "majority-by-line-management", "chair-decides",
};
static const char * const kind_words[] = {
  "initial", "review", "transfer-in", "pre-birth",
};
static const char * const view_words[] = {
  "none", "plan", "no-plan", "decline",
};
static const char * const basis_words[] = {
  "consensus", "majority", "split", "chair",
};
static const char * const attendance_words[] = {
  "present", "apologies", "report-sent",
};
static const char * const panel_words[] = {
  "none", "plan-confirmed", "plan-ended", "other",
};
static const char * const category_words[] = {
  "neglect", "physical", "emotional", "sexual",
};

static const char *
word_of (const char * const *words,
         guint               n_words,
         guint               value)
{
  return value < n_words ? words[value] : NULL;
}

static gboolean
value_of (const char * const *words,
          guint               n_words,
          const char         *str,
          guint              *out)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < n_words; i++)
    {
      if (strcmp (words[i], str) == 0)
        {
          if (out != NULL)
            *out = i;
          return TRUE;
        }
    }

  return FALSE;
}

#define DEFINE_STRING_FORMS(prefix, Type, words)                              \
  const char *                                                                \
  prefix##_to_string (Type value)                                             \
  {                                                                           \
    return word_of (words, G_N_ELEMENTS (words), (guint) value);              \
  }                                                                           \
                                                                              \
  gboolean                                                                    \
  prefix##_from_string (const char *str,                                      \
                        Type       *out)                                      \
  {                                                                           \
    guint value;                                                              \
                                                                              \
    if (!value_of (words, G_N_ELEMENTS (words), str, &value))                 \
      return FALSE;                                                           \
    if (out != NULL)                                                          \
      *out = (Type) value;                                                    \
    return TRUE;                                                              \
  }

DEFINE_STRING_FORMS (quorum_region, QuorumRegion, region_words)
DEFINE_STRING_FORMS (quorum_rule, QuorumRule, rule_words)
DEFINE_STRING_FORMS (quorum_kind, QuorumConferenceKind, kind_words)
DEFINE_STRING_FORMS (quorum_view, QuorumView, view_words)
DEFINE_STRING_FORMS (quorum_basis, QuorumBasis, basis_words)
DEFINE_STRING_FORMS (quorum_attendance, QuorumAttendance, attendance_words)
DEFINE_STRING_FORMS (quorum_panel_outcome, QuorumPanelOutcome, panel_words)

gboolean
quorum_categories_from_string (const char *str,
                               guint      *out)
{
  g_auto(GStrv) items = NULL;
  g_autofree char *copy = NULL;
  guint categories = QUORUM_CATEGORY_NONE;

  if (str == NULL)
    return FALSE;

  copy = g_strstrip (g_strdup (str));

  /* An empty list (or only white space) means no category. */
  if (*copy != '\0')
    {
      items = g_strsplit (copy, ",", -1);

      for (guint i = 0; items[i] != NULL; i++)
        {
          guint bit;

          g_strstrip (items[i]);
          if (!value_of (category_words, G_N_ELEMENTS (category_words), items[i], &bit))
            return FALSE;
          categories |= 1u << bit;
        }
    }

  if (out != NULL)
    *out = categories;

  return TRUE;
}

char *
quorum_categories_to_string (guint categories)
{
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (category_words); i++)
    {
      if ((categories & (1u << i)) == 0)
        continue;
      if (str->len > 0)
        g_string_append_c (str, ',');
      g_string_append (str, category_words[i]);
    }

  return g_string_free (str, FALSE);
}

const char *
quorum_kind_get_label (QuorumConferenceKind kind)
{
  switch (kind)
    {
    case QUORUM_KIND_INITIAL:     return _("Initial");
    case QUORUM_KIND_REVIEW:      return _("Review");
    case QUORUM_KIND_TRANSFER_IN: return _("Transfer-in");
    case QUORUM_KIND_PRE_BIRTH:   return _("Pre-birth");
    case QUORUM_N_KINDS:
    default:                      return NULL;
    }
}

const char *
quorum_view_get_label (QuorumView view)
{
  switch (view)
    {
    case QUORUM_VIEW_NONE:    return _("None");
    case QUORUM_VIEW_PLAN:    return _("Child protection plan");
    case QUORUM_VIEW_NO_PLAN: return _("No plan");
    case QUORUM_VIEW_DECLINE: return _("Declined");
    default:                  return NULL;
    }
}

const char *
quorum_basis_get_label (QuorumBasis basis)
{
  switch (basis)
    {
    case QUORUM_BASIS_CONSENSUS: return _("Consensus");
    case QUORUM_BASIS_MAJORITY:  return _("Majority");
    case QUORUM_BASIS_SPLIT:     return _("Split vote");
    case QUORUM_BASIS_CHAIR:     return _("Chair's decision");
    default:                     return NULL;
    }
}

const char *
quorum_category_get_label (QuorumCategory category)
{
  switch (category)
    {
    case QUORUM_CATEGORY_NEGLECT:   return _("Neglect");
    case QUORUM_CATEGORY_PHYSICAL:  return _("Physical abuse");
    case QUORUM_CATEGORY_EMOTIONAL: return _("Emotional abuse");
    case QUORUM_CATEGORY_SEXUAL:    return _("Sexual abuse");
    case QUORUM_CATEGORY_NONE:
    case QUORUM_CATEGORY_ALL:
    default:                        return NULL;
    }
}

const char *
quorum_region_get_label (QuorumRegion region)
{
  switch (region)
    {
    case QUORUM_REGION_ENGLAND_WALES:    return _("England and Wales");
    case QUORUM_REGION_SCOTLAND:         return _("Scotland");
    case QUORUM_REGION_NORTHERN_IRELAND: return _("Northern Ireland");
    case QUORUM_N_REGIONS:
    default:                             return NULL;
    }
}

const char *
quorum_panel_outcome_get_label (QuorumPanelOutcome outcome)
{
  switch (outcome)
    {
    case QUORUM_PANEL_NONE:           return _("None");
    case QUORUM_PANEL_PLAN_CONFIRMED: return _("Plan confirmed");
    case QUORUM_PANEL_PLAN_ENDED:     return _("Plan ended");
    case QUORUM_PANEL_OTHER:          return _("Other");
    default:                          return NULL;
    }
}

const char *
quorum_attendance_get_label (QuorumAttendance attendance)
{
  switch (attendance)
    {
    case QUORUM_ATTENDANCE_PRESENT:     return _("Present");
    case QUORUM_ATTENDANCE_APOLOGIES:   return _("Apologies");
    case QUORUM_ATTENDANCE_REPORT_SENT: return _("Report sent");
    default:                            return NULL;
    }
}
