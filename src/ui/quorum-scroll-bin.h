/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-scroll-bin.h: holds a GtkScrolledWindow that scrolls vertically, and answers for its
 * height without asking it.
 *
 * A scrolled window's height (its vertical scrollbar's, or its minimum content height) does
 * not depend on what it scrolls, yet GTK 4.8's GtkScrolledWindow, asked its height for a
 * width, first asks its content the same and drops the answer. GTK asks a window's whole tree
 * its height at the window's width before every layout that follows a change (the toplevel's
 * size computation), and AdwLeaflet and AdwFlap hand that width on whole to each of their
 * children: a conference's panels had all their text laid out at a width they never get, then
 * again at their own. The bin keeps the scrolled window's height as last measured (every
 * allocation measures it again at the width given), so those passes stop at it. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define QUORUM_TYPE_SCROLL_BIN (quorum_scroll_bin_get_type ())
G_DECLARE_FINAL_TYPE (QuorumScrollBin, quorum_scroll_bin, QUORUM, SCROLL_BIN, GtkWidget)

GtkWidget *quorum_scroll_bin_new       (void);
void       quorum_scroll_bin_set_child (QuorumScrollBin   *self,
                                        GtkScrolledWindow *child);

G_END_DECLS
