/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-conference-row.h: one conference in the list: its children, when and what, its case
 * reference, and whether it is signed off. */
#pragma once

#include <gtk/gtk.h>

#include "quorum-conference-item.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_CONFERENCE_ROW (quorum_conference_row_get_type ())
G_DECLARE_FINAL_TYPE (QuorumConferenceRow, quorum_conference_row, QUORUM, CONFERENCE_ROW, GtkWidget)

GtkWidget *quorum_conference_row_new      (void);
/* Shows @item (NULL: nothing). */
void       quorum_conference_row_set_item (QuorumConferenceRow  *self,
                                           QuorumConferenceItem *item);

/* A factory of these rows for a GtkListView of QuorumConferenceItems. GTK 4.8's list view
 * makes up to 200 rows whatever is on screen: each is a precompiled template whose labels
 * are set when it is bound, not a GtkBuilder run with an expression watch per label. */
GtkListItemFactory *quorum_conference_row_factory_new (void);

G_END_DECLS
