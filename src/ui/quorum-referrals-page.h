/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-referrals-page.h: the Head of Service's page: every referral that split votes made,
 * across every conference and chair, what is due and overdue as of a date, and the panel's
 * outcomes. */
#pragma once

#include <adwaita.h>

#include "store/quorum-store.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_REFERRALS_PAGE (quorum_referrals_page_get_type ())
G_DECLARE_FINAL_TYPE (QuorumReferralsPage, quorum_referrals_page, QUORUM, REFERRALS_PAGE, GtkWidget)

GtkWidget   *quorum_referrals_page_new            (QuorumStore         *store);
QuorumStore *quorum_referrals_page_get_store      (QuorumReferralsPage *self);
/* The date what is due and overdue is judged as of; today when unset. */
void         quorum_referrals_page_get_as_of      (QuorumReferralsPage *self,
                                                   GDate               *out);
/* NULL or an invalid date: today. Reloads. */
void         quorum_referrals_page_set_as_of      (QuorumReferralsPage *self,
                                                   const GDate         *as_of);
/* Reads the referrals again, off the main thread; "loading" is TRUE until they are shown. */
void         quorum_referrals_page_reload         (QuorumReferralsPage *self);
gboolean     quorum_referrals_page_get_loading    (QuorumReferralsPage *self);
/* The referrals as shown: filtered and sorted (a GListModel of QuorumReferralObject). */
GListModel  *quorum_referrals_page_get_model      (QuorumReferralsPage *self);
/* Selects the referral @referral_id (clearing filters that hide it) and opens its pane. */
gboolean     quorum_referrals_page_select         (QuorumReferralsPage *self,
                                                   gint64               referral_id);
gint64       quorum_referrals_page_get_selected_id (QuorumReferralsPage *self);

G_END_DECLS
