/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-child-panel.h: the decision for one child of a conference: the attempts at consensus,
 * the vote board (one QuorumVoteCard per line-management group) and the outcome. */
#pragma once

#include <adwaita.h>

#include "store/quorum-store.h"
#include "quorum-vote-card.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_CHILD_PANEL (quorum_child_panel_get_type ())
G_DECLARE_FINAL_TYPE (QuorumChildPanel, quorum_child_panel, QUORUM, CHILD_PANEL, GtkWidget)

GtkWidget      *quorum_child_panel_new          (QuorumStore            *store,
                                                 gint64                  conference_id,
                                                 gint64                  child_id);
gint64          quorum_child_panel_get_child_id (QuorumChildPanel       *self);
/* Shows what the record holds for the child now; cards keep their focus. */
void            quorum_child_panel_update       (QuorumChildPanel       *self,
                                                 const QuorumConference *conference,
                                                 QuorumProfile          *profile);
/* The card of @group on the vote board, or NULL. */
QuorumVoteCard *quorum_child_panel_get_card     (QuorumChildPanel       *self,
                                                 const char             *group);
/* Fills the attempt form as a person would type it (the test's and the demo's hands). */
void            quorum_child_panel_fill_attempt (QuorumChildPanel       *self,
                                                 const char             *proposal,
                                                 const char             *summary,
                                                 const char             *views,
                                                 QuorumView              agreed,
                                                 guint                   categories);
/* Puts the focus where the chair goes on with this child: the attempt's first empty field (the
 * proposal), the first group still to give its view once the vote is open (then the decision),
 * the decision once taken. Whether the focus went into the panel. */
gboolean        quorum_child_panel_focus_next_step (QuorumChildPanel   *self);
/* The first vote card whose reason box holds a draft (kept by a window closed or a process
 * killed mid-sentence), scrolled to and focused, the caret at the end of its words. FALSE when
 * no card holds one (the focus untouched). */
gboolean        quorum_child_panel_focus_draft     (QuorumChildPanel   *self);
/* The chair leaves this child for another with the focus on @focus (NULL: nowhere in it). Until
 * they come back (the panel shown again, or quorum_child_panel_come_back ()), the reasons typed
 * on its vote cards and not recorded are kept as drafts, not recorded (trial 8, A2). */
void            quorum_child_panel_leave           (QuorumChildPanel   *self,
                                                    GtkWidget          *focus);
/* The chair is with this child again (it did not go after all): the words typed are theirs to
 * record as usual. */
void            quorum_child_panel_come_back       (QuorumChildPanel   *self);
/* The chair comes back: the focus where they left it (the caret where it was), else where they
 * go on (quorum_child_panel_focus_next_step). @was_typing: they came from words being typed,
 * which then choose nothing where the focus lands. Whether the focus went into the panel. */
gboolean        quorum_child_panel_return_focus    (QuorumChildPanel   *self,
                                                    gboolean            was_typing);
/* Shows the decision, the plan and the referral, once taken: the panel scrolled to its top
 * (where the decision is), the focus on it. FALSE when the child is not decided. */
gboolean        quorum_child_panel_show_decision (QuorumChildPanel  *self);
/* What a decision of @outcome records, in words: the confirmation's text. */
char           *quorum_child_panel_format_preview (QuorumChildPanel  *self,
                                                 const QuorumOutcome    *outcome,
                                                 const char             *decided_by);
/* Chooses the chair's view under a chair-decides policy. */
void            quorum_child_panel_set_chair_view (QuorumChildPanel     *self,
                                                 QuorumView              view,
                                                 guint                   categories);
/* A part of the attempt's form or of the decision still to take, by its id in
 * quorum-child-panel-attempt.ui or quorum-child-panel-pending.ui ("agreed_row",
 * "decide_button"): both are built, if they were not yet (a decided child builds neither). */
GObject        *quorum_child_panel_get_part      (QuorumChildPanel     *self,
                                                 const char             *name);

G_END_DECLS
