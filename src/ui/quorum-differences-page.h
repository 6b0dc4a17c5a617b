/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-differences-page.h: the Differences page: professional differences between agencies,
 * raised, discussed, escalated stage by stage and resolved, with their filters and counts. */
#pragma once

#include <adwaita.h>

#include "store/quorum-store.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_DIFFERENCES_PAGE (quorum_differences_page_get_type ())
G_DECLARE_FINAL_TYPE (QuorumDifferencesPage, quorum_differences_page, QUORUM, DIFFERENCES_PAGE, GtkWidget)

GtkWidget   *quorum_differences_page_new          (QuorumStore           *store);
QuorumStore *quorum_differences_page_get_store    (QuorumDifferencesPage *self);
/* Reads the differences again, keeping the selection. */
void         quorum_differences_page_refresh      (QuorumDifferencesPage *self);
/* The differences shown, after the filters: a GListModel of QuorumDifferenceItem. */
GListModel  *quorum_differences_page_get_model    (QuorumDifferencesPage *self);
/* Selects difference @id if the filters show it; FALSE otherwise. */
gboolean     quorum_differences_page_select       (QuorumDifferencesPage *self,
                                                   gint64                 id);
gint64       quorum_differences_page_get_selected (QuorumDifferencesPage *self);
/* "Today" for due dates and overdue ("YYYY-MM-DD"; NULL: the real today). */
void         quorum_differences_page_set_as_of    (QuorumDifferencesPage *self,
                                                   const char            *as_of);

G_END_DECLS
