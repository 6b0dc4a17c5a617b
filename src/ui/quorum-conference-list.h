/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-conference-list.h: the list of conferences as a GListModel that reads from the store
 * only the windows of rows a view asks for. It reads itself again when its store made a
 * conference or signed one off ("conference-added", "conference-changed"); what other
 * processes write, its owner asks for (quorum_conference_list_reload). */
#pragma once

#include <gio/gio.h>

#include "store/quorum-store.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_CONFERENCE_LIST (quorum_conference_list_get_type ())
G_DECLARE_FINAL_TYPE (QuorumConferenceList, quorum_conference_list, QUORUM, CONFERENCE_LIST, GObject)

QuorumConferenceList *quorum_conference_list_new           (QuorumStore           *store);
/* Reads the length again for @search (NULL: all) and forgets every row read. */
gboolean              quorum_conference_list_reload        (QuorumConferenceList  *self,
                                                            const char            *search,
                                                            GError               **error);
/* Where the conference stands in the list, or GTK_INVALID_LIST_POSITION (G_MAXUINT). */
guint                 quorum_conference_list_find          (QuorumConferenceList  *self,
                                                            gint64                 conference_id);
/* How many rows it holds now (never more than a few windows, whatever the list's length). */
guint                 quorum_conference_list_get_n_cached  (QuorumConferenceList  *self);

G_END_DECLS
