/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-referral-filter.h: which referrals the page shows: by state, and by the child's or
 * the chair's name. */
#pragma once

#include <gtk/gtk.h>

#include "quorum-referral-object.h"

G_BEGIN_DECLS

typedef enum
{
  QUORUM_REFERRAL_SHOW_ALL,
  QUORUM_REFERRAL_SHOW_AWAITING_NOTIFICATION,
  QUORUM_REFERRAL_SHOW_AWAITING_PANEL,
  QUORUM_REFERRAL_SHOW_OVERDUE,
  QUORUM_REFERRAL_SHOW_DECIDED,
} QuorumReferralShow;

#define QUORUM_TYPE_REFERRAL_FILTER (quorum_referral_filter_get_type ())
G_DECLARE_FINAL_TYPE (QuorumReferralFilter, quorum_referral_filter, QUORUM, REFERRAL_FILTER, GtkFilter)

QuorumReferralFilter *quorum_referral_filter_new        (void);
QuorumReferralShow    quorum_referral_filter_get_show   (QuorumReferralFilter *self);
void                  quorum_referral_filter_set_show   (QuorumReferralFilter *self,
                                                         QuorumReferralShow    show);
const char           *quorum_referral_filter_get_search (QuorumReferralFilter *self);
/* Matches the child's or the chair's name, ignoring case; NULL or "" matches all. */
void                  quorum_referral_filter_set_search (QuorumReferralFilter *self,
                                                         const char           *search);
/* "awaiting-notification" ↔ QUORUM_REFERRAL_SHOW_AWAITING_NOTIFICATION, for actions' states. */
const char           *quorum_referral_show_to_string    (QuorumReferralShow    show);
gboolean              quorum_referral_show_from_string  (const char           *str,
                                                         QuorumReferralShow   *out);

G_END_DECLS
