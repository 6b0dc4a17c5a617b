/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-referral-object.c: one referral to the Head of Service, as the referrals page lists it.
 * Sort keys are computed once, texts when first shown, so 100,000 rows stay light. */

#include <glib/gi18n.h>
#include <string.h>

#include "quorum/quorum-search.h"

#include "quorum-referral-object.h"
#include "quorum-ui-util.h"

struct _QuorumReferralObject
{
  GObject              parent_instance;

  QuorumReferralRow   *row;
  char                *child_key;     /* casefolded, for search and sorting */
  char                *chair_key;
  char                *child_search;  /* folded by core's search rule (accents, case), for search */
  char                *chair_search;
  guint32              julian[QUORUM_REFERRAL_N_COLUMNS];  /* date columns; G_MAXUINT32 when unset */
  char                *texts[QUORUM_REFERRAL_N_COLUMNS];
};

enum {
  PROP_0,
  PROP_ID,
  PROP_CONFERENCE_ID,
  PROP_CHILD,
  PROP_CHAIR,
  PROP_STATE,
  PROP_OVERDUE,
  PROP_STATUS_LABEL,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (QuorumReferralObject, quorum_referral_object, G_TYPE_OBJECT)

static guint32
julian_or_max (const GDate *date)
{
  return g_date_valid (date) ? g_date_get_julian (date) : G_MAXUINT32;
}

static void
quorum_referral_object_finalize (GObject *object)
{
  QuorumReferralObject *self = (QuorumReferralObject *)object;

  g_clear_pointer (&self->row, quorum_referral_row_free);
  g_clear_pointer (&self->child_key, g_free);
  g_clear_pointer (&self->chair_key, g_free);
  g_clear_pointer (&self->child_search, g_free);
  g_clear_pointer (&self->chair_search, g_free);
  for (guint i = 0; i < QUORUM_REFERRAL_N_COLUMNS; i++)
    g_clear_pointer (&self->texts[i], g_free);

  G_OBJECT_CLASS (quorum_referral_object_parent_class)->finalize (object);
}

static void
quorum_referral_object_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  QuorumReferralObject *self = QUORUM_REFERRAL_OBJECT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->row->id);
      break;

    case PROP_CONFERENCE_ID:
      g_value_set_int64 (value, self->row->conference_id);
      break;

    case PROP_CHILD:
      g_value_set_string (value, self->row->child);
      break;

    case PROP_CHAIR:
      g_value_set_string (value, self->row->chair);
      break;

    case PROP_STATE:
      g_value_set_uint (value, self->row->state);
      break;

    case PROP_OVERDUE:
      g_value_set_boolean (value, self->row->overdue);
      break;

    case PROP_STATUS_LABEL:
      g_value_set_string (value, quorum_referral_object_get_status_label (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_referral_object_class_init (QuorumReferralObjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = quorum_referral_object_finalize;
  object_class->get_property = quorum_referral_object_get_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_CONFERENCE_ID] =
    g_param_spec_int64 ("conference-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_CHILD] =
    g_param_spec_string ("child", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_CHAIR] =
    g_param_spec_string ("chair", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_STATE] =
    g_param_spec_uint ("state", NULL, NULL,
                       QUORUM_REFERRAL_AWAITING_NOTIFICATION, QUORUM_REFERRAL_DECIDED,
                       QUORUM_REFERRAL_AWAITING_NOTIFICATION,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_OVERDUE] =
    g_param_spec_boolean ("overdue", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_STATUS_LABEL] =
    g_param_spec_string ("status-label", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
quorum_referral_object_init (QuorumReferralObject *self)
{
}

QuorumReferralObject *
quorum_referral_object_new (QuorumReferralRow *row)
{
  QuorumReferralObject *self;

  g_return_val_if_fail (row != NULL, NULL);

  self = g_object_new (QUORUM_TYPE_REFERRAL_OBJECT, NULL);
  self->row = row;


  self->child_key = g_utf8_casefold (row->child ? row->child : "", -1);
  self->chair_key = g_utf8_casefold (row->chair ? row->chair : "", -1);
  /* As the store's search folds them: "chloe" finds Chloé. */
  self->child_search = quorum_search_fold (row->child ? row->child : "");
  self->chair_search = quorum_search_fold (row->chair ? row->chair : "");

  self->julian[QUORUM_REFERRAL_COLUMN_CONFERENCE_DATE] = julian_or_max (&row->conference_date);
  self->julian[QUORUM_REFERRAL_COLUMN_DUE] = julian_or_max (&row->due);
  self->julian[QUORUM_REFERRAL_COLUMN_NOTIFIED] = julian_or_max (&row->notified);
  self->julian[QUORUM_REFERRAL_COLUMN_PANEL_DUE] = julian_or_max (&row->panel_due);
  self->julian[QUORUM_REFERRAL_COLUMN_PANEL_DATE] = julian_or_max (&row->panel_date);
  self->julian[QUORUM_REFERRAL_COLUMN_STATUS] = julian_or_max (quorum_referral_object_get_next_due (self));

  return self;
}

const QuorumReferralRow *
quorum_referral_object_get_row (QuorumReferralObject *self)
{
  g_return_val_if_fail (QUORUM_IS_REFERRAL_OBJECT (self), NULL);

  return self->row;
}

gint64
quorum_referral_object_get_id (QuorumReferralObject *self)
{
  g_return_val_if_fail (QUORUM_IS_REFERRAL_OBJECT (self), 0);

  return self->row->id;
}

gint64
quorum_referral_object_get_conference_id (QuorumReferralObject *self)
{
  g_return_val_if_fail (QUORUM_IS_REFERRAL_OBJECT (self), 0);

  return self->row->conference_id;
}

QuorumReferralState
quorum_referral_object_get_state (QuorumReferralObject *self)
{
  g_return_val_if_fail (QUORUM_IS_REFERRAL_OBJECT (self), 0);

  return self->row->state;
}

gboolean
quorum_referral_object_get_overdue (QuorumReferralObject *self)
{
  g_return_val_if_fail (QUORUM_IS_REFERRAL_OBJECT (self), FALSE);

  return self->row->overdue;
}

const GDate *
quorum_referral_object_get_next_due (QuorumReferralObject *self)
{
  g_return_val_if_fail (QUORUM_IS_REFERRAL_OBJECT (self), NULL);

  return &self->row->next_due;
}

static char *
format_short_date (const GDate *date)
{
  char buf[64];

  if (!g_date_valid (date))
    return g_strdup ("");
  /* Translators: a date in a table column, see strftime(3): "5 Jan 2027" */
  if (quorum_ui_strftime (buf, sizeof buf, _("%-d %b %Y"), date) == 0)
    return quorum_date_to_string (date);
  return g_strdup (buf);
}

/* The outcome as it stood on the list's as-of date (row->then, DOMAIN 4). */
static char *
format_outcome (const QuorumReferralRow *row)
{
  if (row->then.outcome == QUORUM_PANEL_NONE)
    return g_strdup ("");
  if (row->then.outcome == QUORUM_PANEL_OTHER && row->then.outcome_reason != NULL)
    /* Translators: the panel's outcome "Other" with its reasons */
    return g_strdup_printf (_("Other: %s"), row->then.outcome_reason);
  return g_strdup (quorum_panel_outcome_get_label (row->then.outcome));
}

const char *
quorum_referral_object_get_text (QuorumReferralObject *self,
                                 QuorumReferralColumn  column)
{
  const QuorumReferralRow *row;

  g_return_val_if_fail (QUORUM_IS_REFERRAL_OBJECT (self), NULL);
  g_return_val_if_fail (column < QUORUM_REFERRAL_N_COLUMNS, NULL);

  row = self->row;
  switch (column)
    {
    case QUORUM_REFERRAL_COLUMN_CHILD:
      return row->child ? row->child : "";
    case QUORUM_REFERRAL_COLUMN_CHAIR:
      return row->chair ? row->chair : "";
    case QUORUM_REFERRAL_COLUMN_STATUS:
      return quorum_referral_object_get_status_label (self);
    default:
      break;
    }

  if (self->texts[column] != NULL)
    return self->texts[column];

  switch (column)
    {
    case QUORUM_REFERRAL_COLUMN_CONFERENCE_DATE:
      self->texts[column] = format_short_date (&row->conference_date);
      break;
    case QUORUM_REFERRAL_COLUMN_DUE:
      self->texts[column] = format_short_date (&row->due);
      break;
    /* The dates the Head of Service and the panel give, and the outcome, as they stood on the
     * as-of date (row->then): sent or heard later, blank; corrected later, the value before. */
    case QUORUM_REFERRAL_COLUMN_NOTIFIED:
      self->texts[column] = format_short_date (&row->then.notified);
      break;
    case QUORUM_REFERRAL_COLUMN_PANEL_DUE:
      /* Sent with no panel due: the policy sets no time limit for a panel (the Co-ordinator's
       * referral on a challenge, 002 §4.5), said rather than left blank as an unsent one is. */
      if (g_date_valid (&row->then.notified) && !g_date_valid (&row->then.panel_due))
        {
          /* Translators: the Panel Due cell when the policy sets no time limit for a panel */
          self->texts[column] = g_strdup (_("No limit"));
          break;
        }
      self->texts[column] = format_short_date (&row->then.panel_due);
      /* A due day off is said in words (the cell's tooltip and the pane give the working day
       * before it, as the CLI does). */
      if (quorum_referral_object_get_panel_due_off (self))
        {
          g_autofree char *due = g_steal_pointer (&self->texts[column]);

          /* Translators: the Panel Due cell of a day off: "26 Dec 2026 · not a working day" */
          self->texts[column] = g_strdup_printf (_("%s · not a working day"), due);
        }
      break;
    case QUORUM_REFERRAL_COLUMN_PANEL_DATE:
      self->texts[column] = format_short_date (&row->then.panel_date);
      break;
    case QUORUM_REFERRAL_COLUMN_OUTCOME:
      self->texts[column] = format_outcome (row);
      break;
    case QUORUM_REFERRAL_COLUMN_STATUS:
    case QUORUM_REFERRAL_COLUMN_CHILD:
    case QUORUM_REFERRAL_COLUMN_CHAIR:
    case QUORUM_REFERRAL_N_COLUMNS:
    default:
      g_assert_not_reached ();
    }

  return self->texts[column];
}

gboolean
quorum_referral_object_get_panel_due_off (QuorumReferralObject *self)
{
  g_return_val_if_fail (QUORUM_IS_REFERRAL_OBJECT (self), FALSE);

  return g_date_valid (&self->row->then.panel_due) && g_date_valid (&self->row->then_panel_due_working) &&
         g_date_compare (&self->row->then.panel_due, &self->row->then_panel_due_working) != 0;
}

/* Lateness shown, never hidden (DOMAIN: "Plans, referrals and notices over time"). */
static char *
late_suffix (const QuorumReferralRow *row,
             const char              *text)
{
  if (row->sent_late && row->heard_late)
    return g_strdup_printf (_("%s (sent late; heard late)"), text);
  if (row->sent_late)
    return g_strdup_printf (_("%s (sent late)"), text);
  if (row->heard_late)
    return g_strdup_printf (_("%s (heard late)"), text);
  return g_strdup (text);
}

const char *
quorum_referral_object_get_status_label (QuorumReferralObject *self)
{
  const char *state;

  g_return_val_if_fail (QUORUM_IS_REFERRAL_OBJECT (self), NULL);

  if (self->texts[QUORUM_REFERRAL_COLUMN_STATUS] != NULL)
    return self->texts[QUORUM_REFERRAL_COLUMN_STATUS];

  if (self->row->overdue)
    state = _("Overdue");
  else if (self->row->state == QUORUM_REFERRAL_AWAITING_NOTIFICATION)
    state = _("Not yet sent");
  else if (self->row->state == QUORUM_REFERRAL_AWAITING_PANEL)
    state = _("Awaiting panel");
  else
    state = _("Decided");

  /* Lateness in words in the table too, not only in the pane (DOMAIN: shown, never hidden). */
  self->texts[QUORUM_REFERRAL_COLUMN_STATUS] = late_suffix (self->row, state);

  return self->texts[QUORUM_REFERRAL_COLUMN_STATUS];
}

char *
quorum_referral_object_describe_status (QuorumReferralObject *self)
{
  g_autofree char *when = NULL;

  g_return_val_if_fail (QUORUM_IS_REFERRAL_OBJECT (self), NULL);

  when = quorum_ui_format_date (quorum_referral_object_get_next_due (self));

  switch (self->row->state)
    {
    case QUORUM_REFERRAL_AWAITING_NOTIFICATION:
      if (self->row->overdue)
        return g_strdup_printf (_("Overdue: due %s and not yet sent to the Head of Service"), when);
      return g_strdup_printf (_("Not yet sent to the Head of Service: due %s"), when);

    case QUORUM_REFERRAL_AWAITING_PANEL:
      /* Sent with no panel date: the Co-ordinator's referral on a challenge (its policy names
       * no panel and no time for one). */
      if (!g_date_valid (&self->row->then.panel_due))
        {
          g_autofree char *sent = quorum_ui_format_date (&self->row->then.notified);
          g_autofree char *text = g_strdup_printf (_("Sent to the Head of Service on %s: no time limit for a panel is set by this policy"),
                                                   sent);

          return late_suffix (self->row, text);
        }
      {
        g_autofree char *text = self->row->overdue
          ? g_strdup_printf (_("Overdue: the panel was due to hear it by %s"), when)
          : g_strdup_printf (_("Awaiting the panel: due to be heard by %s"), when);

        return late_suffix (self->row, text);
      }

    case QUORUM_REFERRAL_DECIDED:
    default:
      {
        g_autofree char *heard = quorum_ui_format_date (&self->row->then.panel_date);
        g_autofree char *outcome = format_outcome (self->row);
        g_autofree char *text = g_strdup_printf (_("Decided by the panel on %s: %s"), heard, outcome);

        return late_suffix (self->row, text);
      }
    }
}

gboolean
quorum_referral_object_matches (QuorumReferralObject *self,
                                const char           *folded)
{
  if (folded == NULL || *folded == '\0')
    return TRUE;

  return strstr (self->child_search, folded) != NULL || strstr (self->chair_search, folded) != NULL;
}

/* Overdue first, then what is waiting on the Head of Service, on the panel, then decided. */
static int
status_rank (QuorumReferralObject *self)
{
  if (self->row->overdue)
    return 0;
  return 1 + (int)self->row->state;
}

static int
compare_uint (guint32 a,
              guint32 b)
{
  return a < b ? -1 : a > b;
}

int
quorum_referral_object_compare (QuorumReferralObject *a,
                                QuorumReferralObject *b,
                                QuorumReferralColumn  column)
{
  int cmp = 0;

  switch (column)
    {
    case QUORUM_REFERRAL_COLUMN_STATUS:
      cmp = status_rank (a) - status_rank (b);
      if (cmp == 0)
        cmp = compare_uint (a->julian[column], b->julian[column]);
      break;

    case QUORUM_REFERRAL_COLUMN_CHILD:
      cmp = strcmp (a->child_key, b->child_key);
      break;

    case QUORUM_REFERRAL_COLUMN_CHAIR:
      cmp = strcmp (a->chair_key, b->chair_key);
      break;

    case QUORUM_REFERRAL_COLUMN_OUTCOME:
      cmp = (int)a->row->outcome - (int)b->row->outcome;
      if (cmp == 0)
        cmp = g_strcmp0 (a->row->outcome_reason, b->row->outcome_reason);
      break;

    case QUORUM_REFERRAL_COLUMN_CONFERENCE_DATE:
    case QUORUM_REFERRAL_COLUMN_DUE:
    case QUORUM_REFERRAL_COLUMN_NOTIFIED:
    case QUORUM_REFERRAL_COLUMN_PANEL_DUE:
    case QUORUM_REFERRAL_COLUMN_PANEL_DATE:
      cmp = compare_uint (a->julian[column], b->julian[column]);
      break;

    case QUORUM_REFERRAL_N_COLUMNS:
    default:
      g_return_val_if_reached (0);
    }

  if (cmp == 0)
    cmp = a->row->id < b->row->id ? -1 : a->row->id > b->row->id;
  return cmp;
}

/* The column a probe comparison reached first (quorum_referral_object_sorter_get_order ()). */
static GPrivate probe_column;

static int
sort_func (gconstpointer a,
           gconstpointer b,
           gpointer      user_data)
{
  if (g_private_get (&probe_column) == GINT_TO_POINTER (-1))
    g_private_set (&probe_column, GINT_TO_POINTER (GPOINTER_TO_UINT (user_data) + 1));
  return quorum_referral_object_compare ((QuorumReferralObject *)a, (QuorumReferralObject *)b,
                                         GPOINTER_TO_UINT (user_data));
}

GtkSorter *
quorum_referral_object_sorter_new (QuorumReferralColumn column)
{
  g_return_val_if_fail (column < QUORUM_REFERRAL_N_COLUMNS, NULL);

  return GTK_SORTER (gtk_custom_sorter_new (sort_func, GUINT_TO_POINTER (column), NULL));
}

gboolean
quorum_referral_object_sorter_get_order (GtkSorter            *sorter,
                                         QuorumReferralColumn *column,
                                         gboolean             *descending)
{
  g_autoptr(QuorumReferralObject) first = NULL;
  g_autoptr(QuorumReferralObject) second = NULL;
  QuorumReferralRow *row;
  GtkOrdering order;
  int reached;

  g_return_val_if_fail (GTK_IS_SORTER (sorter), FALSE);

  /* Two rows alike but for their ids: a column's sorter orders them by id, so the first
   * column asked is the primary one, and the answer says which way round. */
  row = g_new0 (QuorumReferralRow, 1);
  row->id = 1;
  first = quorum_referral_object_new (row);
  row = g_new0 (QuorumReferralRow, 1);
  row->id = 2;
  second = quorum_referral_object_new (row);

  g_private_set (&probe_column, GINT_TO_POINTER (-1));
  order = gtk_sorter_compare (sorter, first, second);
  reached = GPOINTER_TO_INT (g_private_get (&probe_column));
  g_private_set (&probe_column, NULL);

  if (reached <= 0 || order == GTK_ORDERING_EQUAL)
    return FALSE;
  if (column != NULL)
    *column = reached - 1;
  if (descending != NULL)
    *descending = order == GTK_ORDERING_LARGER;
  return TRUE;
}
