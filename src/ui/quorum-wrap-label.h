/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-wrap-label.h: words kept in full and read, not edited (a decided group's reason, a
 * dissent): a wrapping GtkLabel that is laid out once for the width it is given. A GtkLabel
 * asked how narrow it can be at a given height searches for it, laying out the whole text
 * ten times or more; over eight long reasons that held a decided conference's first frame. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define QUORUM_TYPE_WRAP_LABEL (quorum_wrap_label_get_type ())
G_DECLARE_FINAL_TYPE (QuorumWrapLabel, quorum_wrap_label, QUORUM, WRAP_LABEL, GtkWidget)

GtkWidget  *quorum_wrap_label_new       (const char      *text);
void        quorum_wrap_label_set_label (QuorumWrapLabel *self,
                                         const char      *text);
const char *quorum_wrap_label_get_label (QuorumWrapLabel *self);
/* The GtkLabel that shows the text (its style classes, its accessible text). */
GtkLabel   *quorum_wrap_label_get_inner (QuorumWrapLabel *self);

G_END_DECLS
