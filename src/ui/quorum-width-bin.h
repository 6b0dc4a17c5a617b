/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-width-bin.h: a bin whose width does not depend on its height. GTK 4.8 asks a child
 * how narrow it can be at a given height when it allocates it (GtkStack, a horizontal GtkBox),
 * and a vertical GtkBox answers by searching: it lays out all its children's text at ten or
 * more widths. In a column of wrapping text the answer never narrows what it is given, so the
 * bin answers with the child's width at no height, measured once and cached by GTK. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define QUORUM_TYPE_WIDTH_BIN (quorum_width_bin_get_type ())
G_DECLARE_FINAL_TYPE (QuorumWidthBin, quorum_width_bin, QUORUM, WIDTH_BIN, GtkWidget)

GtkWidget *quorum_width_bin_new       (GtkWidget      *child);
void       quorum_width_bin_set_child (QuorumWidthBin *self,
                                       GtkWidget      *child);
GtkWidget *quorum_width_bin_get_child (QuorumWidthBin *self);

G_END_DECLS
