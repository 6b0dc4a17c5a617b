/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-referral-object.h: one referral to the Head of Service, as the referrals page lists it. */
#pragma once

#include <gtk/gtk.h>

#include "store/quorum-store.h"

G_BEGIN_DECLS

/* The columns of the referrals page, each sortable. */
typedef enum
{
  QUORUM_REFERRAL_COLUMN_STATUS,
  QUORUM_REFERRAL_COLUMN_CHILD,
  QUORUM_REFERRAL_COLUMN_CONFERENCE_DATE,
  QUORUM_REFERRAL_COLUMN_CHAIR,
  QUORUM_REFERRAL_COLUMN_DUE,
  QUORUM_REFERRAL_COLUMN_NOTIFIED,
  QUORUM_REFERRAL_COLUMN_PANEL_DUE,
  QUORUM_REFERRAL_COLUMN_PANEL_DATE,
  QUORUM_REFERRAL_COLUMN_OUTCOME,
  QUORUM_REFERRAL_N_COLUMNS
} QuorumReferralColumn;

#define QUORUM_TYPE_REFERRAL_OBJECT (quorum_referral_object_get_type ())
G_DECLARE_FINAL_TYPE (QuorumReferralObject, quorum_referral_object, QUORUM, REFERRAL_OBJECT, GObject)

/* Takes @row. Safe to call from a worker thread. */
QuorumReferralObject    *quorum_referral_object_new              (QuorumReferralRow    *row);
const QuorumReferralRow *quorum_referral_object_get_row          (QuorumReferralObject *self);
gint64                   quorum_referral_object_get_id           (QuorumReferralObject *self);
gint64                   quorum_referral_object_get_conference_id (QuorumReferralObject *self);
QuorumReferralState      quorum_referral_object_get_state        (QuorumReferralObject *self);
gboolean                 quorum_referral_object_get_overdue      (QuorumReferralObject *self);
/* The date of the next step still to come: the referral's due date until it is sent, then
 * the panel's; invalid once decided. */
const GDate             *quorum_referral_object_get_next_due     (QuorumReferralObject *self);

/* A column's text: a short date ("5 Jan 2027"), a name, an outcome; "" when unset.
 * Formatted on first use and kept: only the rows on screen are ever formatted. */
const char              *quorum_referral_object_get_text         (QuorumReferralObject *self,
                                                                  QuorumReferralColumn  column);
/* "Overdue", "Not yet sent", "Awaiting panel", "Decided", with its lateness: "Decided · heard late". */
const char              *quorum_referral_object_get_status_label (QuorumReferralObject *self);
/* Whether the panel is due on a day that is not a working day (then the working day before it counts). */
gboolean                  quorum_referral_object_get_panel_due_off (QuorumReferralObject *self);
/* The status in a sentence, for screen readers and tooltips:
 * "Overdue: due Tuesday 5 January 2027 and not yet sent to the Head of Service". */
char                    *quorum_referral_object_describe_status  (QuorumReferralObject *self);

/* Whether the child's or the chair's name contains @folded (already quorum_search_fold ()ed: accents
 * and case ignored, as the store's search ignores them). */
gboolean                 quorum_referral_object_matches          (QuorumReferralObject *self,
                                                                  const char           *folded);
/* Orders by @column (dates as dates, unset last), then by id. */
int                      quorum_referral_object_compare          (QuorumReferralObject *a,
                                                                  QuorumReferralObject *b,
                                                                  QuorumReferralColumn  column);
/* A GtkCustomSorter ordering by @column, for a GtkColumnViewColumn. */
GtkSorter               *quorum_referral_object_sorter_new       (QuorumReferralColumn  column);

/* Which column (of those made by quorum_referral_object_sorter_new ()) @sorter orders by
 * first, and which way round: e.g. a GtkColumnView's sorter. FALSE when it orders by none. */
gboolean                 quorum_referral_object_sorter_get_order (GtkSorter            *sorter,
                                                                  QuorumReferralColumn *column,
                                                                  gboolean             *descending);

G_END_DECLS
