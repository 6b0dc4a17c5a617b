/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-fold-box.h: children side by side while they fit, one above the other when the
 * window is too narrow for them (a header's title and its buttons, a row of buttons). */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define QUORUM_TYPE_FOLD_BOX (quorum_fold_box_get_type ())
G_DECLARE_FINAL_TYPE (QuorumFoldBox, quorum_fold_box, QUORUM, FOLD_BOX, GtkWidget)

GtkWidget *quorum_fold_box_new            (void);
/* Below this width (px) the children are stacked; -1: whenever their natural widths do not
 * all fit side by side. They are stacked too when their minimum widths do not fit. */
int        quorum_fold_box_get_fold_below (QuorumFoldBox *self);
void       quorum_fold_box_set_fold_below (QuorumFoldBox *self,
                                           int            fold_below);
int        quorum_fold_box_get_spacing    (QuorumFoldBox *self);
void       quorum_fold_box_set_spacing    (QuorumFoldBox *self,
                                           int            spacing);
/* Whether the children were last laid out one above the other. */
gboolean   quorum_fold_box_get_folded     (QuorumFoldBox *self);

G_END_DECLS
