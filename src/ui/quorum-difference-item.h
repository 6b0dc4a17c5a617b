/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-difference-item.h: one professional difference in the Differences page's list. */
#pragma once

#include <glib-object.h>
#include <quorum/quorum.h>

G_BEGIN_DECLS

#define QUORUM_TYPE_DIFFERENCE_ITEM (quorum_difference_item_get_type ())
G_DECLARE_FINAL_TYPE (QuorumDifferenceItem, quorum_difference_item, QUORUM, DIFFERENCE_ITEM, GObject)

/* Takes @difference; @profile (may be NULL) names its next stage when it is overdue as of @as_of. */
QuorumDifferenceItem   *quorum_difference_item_new            (QuorumDifference    *difference,
                                                               QuorumProfile       *profile,
                                                               const GDate         *as_of);
gint64                  quorum_difference_item_get_id         (QuorumDifferenceItem *self);
const QuorumDifference *quorum_difference_item_get_difference (QuorumDifferenceItem *self);
gboolean                quorum_difference_item_get_overdue    (QuorumDifferenceItem *self);
const char             *quorum_difference_item_get_title      (QuorumDifferenceItem *self);
const char             *quorum_difference_item_get_subtitle   (QuorumDifferenceItem *self);
const char             *quorum_difference_item_get_status     (QuorumDifferenceItem *self);
/* When @newer (the same difference read again) shows in the list as @self does, @self takes
 * its difference (the detail reads the newer one) and TRUE: the list's row need not change. */
gboolean                quorum_difference_item_take_if_same   (QuorumDifferenceItem *self,
                                                               QuorumDifferenceItem *newer);

G_END_DECLS
