/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-window.h: the main window: the conferences (a searchable list beside the open
 * conference) and the pages other parts of the app add with quorum_window_add_page(). */
#pragma once

#include <adwaita.h>

#include "store/quorum-store.h"
#include "quorum-conference-page.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_WINDOW (quorum_window_get_type ())
G_DECLARE_FINAL_TYPE (QuorumWindow, quorum_window, QUORUM, WINDOW, AdwApplicationWindow)

/* @application may be NULL (tests build the window alone). */
QuorumWindow         *quorum_window_new                   (GtkApplication *application,
                                                           QuorumStore    *store);
QuorumStore          *quorum_window_get_store             (QuorumWindow   *self);
/* Adds a page to the window's view stack, after the conferences. */
void                  quorum_window_add_page              (QuorumWindow   *self,
                                                           GtkWidget      *page,
                                                           const char     *name,
                                                           const char     *title,
                                                           const char     *icon_name);
/* Shows conference @conference_id (at @child_id, or its first child with 0); says why not
 * in a toast and returns FALSE when it cannot. */
gboolean              quorum_window_open_conference       (QuorumWindow   *self,
                                                           gint64          conference_id,
                                                           gint64          child_id);
/* Shows conference @conference_id at @child_id's decision: that child, its panel scrolled to
 * the top where the decision, the plan and the referral are (the Referrals page's "Open the
 * Conference"). */
gboolean              quorum_window_open_decision         (QuorumWindow   *self,
                                                           gint64          conference_id,
                                                           gint64          child_id);
/* Reopens the conference and child of the last session, if any. */
void                  quorum_window_restore               (QuorumWindow   *self);
/* Reads the list of conferences again. */
void                  quorum_window_refresh               (QuorumWindow   *self);
GListModel           *quorum_window_get_conferences       (QuorumWindow   *self);
QuorumConferencePage *quorum_window_get_conference_page   (QuorumWindow   *self);
void                  quorum_window_add_toast             (QuorumWindow   *self,
                                                           const char     *message);
/* Marks @widget (a form) to be kept whole above a toast when the focus is in it: a toast shown
 * scrolls it up out from under the toast (otherwise the widget with the focus is). */
void                  quorum_window_keep_clear_of_toasts  (GtkWidget      *widget);
/* The toast shown now asks for what lies from @first down to @last (a card's heading down to
 * the field it asks for): that is kept clear of it, scrolled up or the toast beside it, rather
 * than the focus alone. Forgotten with the toast. */
void                  quorum_window_toast_about           (QuorumWindow   *self,
                                                           GtkWidget      *first,
                                                           GtkWidget      *last);
/* The last message shown to the chair as a toast, or NULL (what a test reads). */
const char           *quorum_window_get_last_toast        (QuorumWindow   *self);
/* Hides the toast shown now, if any. */
void                  quorum_window_dismiss_toast         (QuorumWindow   *self);
/* Loads the demonstration conferences and opens the first. */
gboolean              quorum_window_load_demo             (QuorumWindow   *self);

/* Live updates: the server of the shared record cannot be reached (shown plainly, asked again
 * every 2 s) or is back. */
void              quorum_window_set_offline         (QuorumWindow *self,
                                                     gboolean      offline);
gboolean          quorum_window_get_offline         (QuorumWindow *self);
/* After a failed store call: shows the offline message when the server was the cause. */
void              quorum_window_check_store_failure (QuorumWindow *self);

G_END_DECLS
