/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-store-report.h: the Head of Service's figures over every conference: referrals made
 * per month by the panel's outcome; and a generator of an authority's years of referrals, for
 * benchmarks and screenshots. */
#pragma once

#include "quorum-store.h"

G_BEGIN_DECLS

/* The series of the referrals chart: what became of the referrals made in a month. */
typedef enum
{
  QUORUM_REPORT_NOT_HEARD,        /* not yet heard by the panel (sent or not) */
  QUORUM_REPORT_PLAN_CONFIRMED,
  QUORUM_REPORT_PLAN_ENDED,
  QUORUM_REPORT_OTHER,
  QUORUM_REPORT_N_SERIES
} QuorumReportSeries;

typedef struct
{
  GDate month;                            /* its first day */
  guint counts[QUORUM_REPORT_N_SERIES];
} QuorumMonthCount;

/* The referrals made (by conference date) in each of the @n_months calendar months ending with
 * @as_of's month, by outcome, oldest month first, as they stood on @as_of (NULL: today): a
 * referral made after it not counted, one heard after it counted as not yet heard. A GArray of
 * QuorumMonthCount, @n_months long. */
GArray   *quorum_store_count_referrals_by_month (QuorumStore  *self,
                                                 const GDate  *as_of,
                                                 guint         n_months,
                                                 GError      **error);

/* For benchmarks, tests and screenshots: adds @n split-vote conferences, one child each, with
 * their decision, plan and referral, spread over the ten years before @until (working days of
 * the profile's region), in one transaction, every record audited so that verify still passes.
 * Referrals older than two months are nearly all decided; a few are left overdue. Deterministic
 * for a given @seed. Returns the number of referrals added. */
guint     quorum_store_generate_referrals       (QuorumStore  *self,
                                                 guint         n,
                                                 const GDate  *until,
                                                 guint32       seed,
                                                 GError      **error);

G_END_DECLS
