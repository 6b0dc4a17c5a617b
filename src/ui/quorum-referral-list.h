/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-referral-list.h: the referrals page's rows, paged from the store: a GListModel of
 * QuorumReferralObject whose order and length the store's query gives (the matching ids), and
 * whose items are read from the store a page at a time, for the rows the view asks for. */
#pragma once

#include <gtk/gtk.h>

#include "store/quorum-store.h"
#include "quorum-referral-object.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_REFERRAL_LIST (quorum_referral_list_get_type ())
G_DECLARE_FINAL_TYPE (QuorumReferralList, quorum_referral_list, QUORUM, REFERRAL_LIST, GObject)

/* @store may be NULL until quorum_referral_list_set_store (): the list is empty until then. */
QuorumReferralList *quorum_referral_list_new          (QuorumStore        *store);
void                quorum_referral_list_set_store    (QuorumReferralList *self,
                                                       QuorumStore        *store);
/* Takes @ids (a GArray of gint64 in the list's order); overdue is as of @as_of. Only what
 * changed changes: the ids the old and new lists share at their start and end keep their
 * places (one items-changed for the middle), and of those, a row the view had read changes
 * only if the store's row for it did (then an items-changed of its own). */
void                quorum_referral_list_set_ids      (QuorumReferralList *self,
                                                       GArray             *ids,
                                                       const GDate        *as_of);
/* The position of the referral @referral_id, or GTK_INVALID_LIST_POSITION. */
guint               quorum_referral_list_find         (QuorumReferralList *self,
                                                       gint64              referral_id);
/* How many referral objects the list holds now (its cached pages), for tests and the bench. */
guint               quorum_referral_list_get_n_cached (QuorumReferralList *self);

G_END_DECLS
