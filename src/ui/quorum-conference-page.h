/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-conference-page.h: one conference in session: its attendees grouped by line-management
 * structure, the quoracy banner, sign-off and amendments, and a QuorumChildPanel per child.
 * Commands are the `conference.*` actions. */
#pragma once

#include <adwaita.h>

#include "store/quorum-store.h"
#include "quorum-child-panel.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_CONFERENCE_PAGE (quorum_conference_page_get_type ())
G_DECLARE_FINAL_TYPE (QuorumConferencePage, quorum_conference_page, QUORUM, CONFERENCE_PAGE, GtkWidget)

/* Stores every word being typed on the page (reasons; attempt and attendee drafts). */
void              quorum_conference_page_commit_pending    (QuorumConferencePage *self);
void              quorum_conference_page_set_store         (QuorumConferencePage *self,
                                                            QuorumStore          *store);
/* Shows conference @conference_id at child @child_id (0: the first child). */
gboolean          quorum_conference_page_load              (QuorumConferencePage *self,
                                                            gint64                conference_id,
                                                            gint64                child_id,
                                                            GError              **error);
/* Reads the record again and shows it. */
void              quorum_conference_page_reload            (QuorumConferencePage *self);
void              quorum_conference_page_set_projecting    (QuorumConferencePage *self,
                                                            gboolean              projecting);
gint64            quorum_conference_page_get_conference_id (QuorumConferencePage *self);
gint64            quorum_conference_page_get_child_id      (QuorumConferencePage *self);
void              quorum_conference_page_show_child        (QuorumConferencePage *self,
                                                            gint64                child_id);
/* The panel of @child_id, or of the child shown with 0. */
QuorumChildPanel *quorum_conference_page_get_child_panel   (QuorumConferencePage *self,
                                                            gint64                child_id);
/* The conference as last loaded (owned by the page), or NULL. */
const QuorumConference *quorum_conference_page_get_conference (QuorumConferencePage *self);
/* Asks the chair why an inquorate conference proceeds; records it, then decides for
 * @then_decide_child_id (0: nothing more). */
void              quorum_conference_page_ask_proceed       (QuorumConferencePage *self,
                                                            gint64                then_decide_child_id);
/* Fills the attendee form as a person would type it. */
void              quorum_conference_page_fill_attendee     (QuorumConferencePage *self,
                                                            const char           *name,
                                                            const char           *role,
                                                            const char           *agency,
                                                            const char           *line_management,
                                                            gboolean              voting,
                                                            QuorumAttendance      attendance);

G_END_DECLS
