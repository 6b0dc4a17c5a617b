/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-record-item.h: one read-only line of the record (an attempt, a dissent, an amendment),
 * as a title and a full, wrapped subtitle. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define QUORUM_TYPE_RECORD_ITEM (quorum_record_item_get_type ())
G_DECLARE_FINAL_TYPE (QuorumRecordItem, quorum_record_item, QUORUM, RECORD_ITEM, GObject)

QuorumRecordItem *quorum_record_item_new          (const char       *title,
                                                   const char       *subtitle,
                                                   const char       *icon_name);
const char       *quorum_record_item_get_title    (QuorumRecordItem *self);
const char       *quorum_record_item_get_subtitle (QuorumRecordItem *self);
const char       *quorum_record_item_get_icon_name (QuorumRecordItem *self);
/* A GtkListBoxCreateWidgetFunc: the item as a list row, its full text wrapped beneath. */
GtkWidget        *quorum_record_item_create_row   (gpointer          item,
                                                   gpointer          user_data);

G_END_DECLS
