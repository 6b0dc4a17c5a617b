/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-column.h: a vertical box whose width does not depend on its height.
 *
 * GTK 4.8 asks a child how narrow it can be at a given height whenever it allocates it beside
 * others (a horizontal GtkBox, so every AdwActionRow's title and subtitle) or in a GtkStack,
 * and a vertical GtkBox answers by searching: it lays out all its children's text at ten or
 * more widths, each time GTK allocates. A column of wrapping text given its height for some
 * width is never narrower than that width, so the search only ever finds what the container
 * already gives it: QuorumColumn answers with its width at no height, which GTK keeps.
 * Otherwise it is a GtkBoxLayout (spacing, CSS border-spacing, expanding children), and its CSS
 * name is "box", so it takes a box's style where one stood (`row > box.header > box.title`). */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define QUORUM_TYPE_COLUMN (quorum_column_get_type ())
G_DECLARE_FINAL_TYPE (QuorumColumn, quorum_column, QUORUM, COLUMN, GtkWidget)

GtkWidget *quorum_column_new         (int           spacing);
void       quorum_column_append      (QuorumColumn *self,
                                      GtkWidget    *child);
int        quorum_column_get_spacing (QuorumColumn *self);
void       quorum_column_set_spacing (QuorumColumn *self,
                                      int           spacing);

G_END_DECLS
