/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-referrals-chart.h: a small stacked bar chart of the referrals made each month, by what
 * the panel decided, drawn with cairo; its words are in its accessible description. */
#pragma once

#include <gtk/gtk.h>

#include "store/quorum-store-report.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_REFERRALS_CHART (quorum_referrals_chart_get_type ())
G_DECLARE_FINAL_TYPE (QuorumReferralsChart, quorum_referrals_chart, QUORUM, REFERRALS_CHART, GtkWidget)

GtkWidget *quorum_referrals_chart_new          (void);
/* @months: a GArray of QuorumMonthCount, oldest first (copied); NULL clears the chart. */
void       quorum_referrals_chart_set_months   (QuorumReferralsChart *self,
                                                GArray               *months);
guint      quorum_referrals_chart_get_n_months (QuorumReferralsChart *self);
/* The totals over the months in one sentence, for a visible caption. */
char      *quorum_referrals_chart_dup_summary  (QuorumReferralsChart *self);
/* Every month's counts in words: the chart's accessible description. */
char      *quorum_referrals_chart_dup_details  (QuorumReferralsChart *self);
/* The translated name of a series, as the legend shows it. */
const char *quorum_report_series_get_label     (QuorumReportSeries    series);

G_END_DECLS
