/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-text-row.h: a row of a boxed list that shows a title, a subtitle and widgets after
 * them, built and styled as an AdwActionRow is (the same CSS nodes and classes, so it looks
 * the same), but measured without GTK 4.8's searches: an AdwActionRow's title and subtitle sit
 * in a vertical GtkBox beside its suffixes, and GTK lays their text out at ten or more widths
 * each time it measures or allocates the row (quorum-column.h). */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define QUORUM_TYPE_TEXT_ROW (quorum_text_row_get_type ())
G_DECLARE_FINAL_TYPE (QuorumTextRow, quorum_text_row, QUORUM, TEXT_ROW, GtkListBoxRow)

GtkWidget  *quorum_text_row_new                    (const char    *title,
                                                    const char    *subtitle);
const char *quorum_text_row_get_title              (QuorumTextRow *self);
void        quorum_text_row_set_title              (QuorumTextRow *self,
                                                    const char    *title);
const char *quorum_text_row_get_subtitle           (QuorumTextRow *self);
void        quorum_text_row_set_subtitle           (QuorumTextRow *self,
                                                    const char    *subtitle);
/* At most @lines lines of subtitle, ellipsized; 0 for all of it (as AdwActionRow). */
void        quorum_text_row_set_subtitle_lines     (QuorumTextRow *self,
                                                    int            lines);
void        quorum_text_row_set_icon_name          (QuorumTextRow *self,
                                                    const char    *icon_name);
void        quorum_text_row_add_suffix             (QuorumTextRow *self,
                                                    GtkWidget     *widget);
/* Activating the row (Enter, Space, a click) activates @widget, as AdwActionRow does. */
void        quorum_text_row_set_activatable_widget (QuorumTextRow *self,
                                                    GtkWidget     *widget);

G_END_DECLS
