/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-vote-card.h: one line-management group's single view on the vote board.
 * A choice on the card is recorded at once through the `child.record-vote` action; where the
 * group's representatives could not agree, each one's own position through
 * `child.record-member-view`. */
#pragma once

#include <gtk/gtk.h>

#include "quorum-draft.h"
#include "quorum-group-item.h"
#include "quorum-text-field.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_VOTE_CARD (quorum_vote_card_get_type ())
G_DECLARE_FINAL_TYPE (QuorumVoteCard, quorum_vote_card, QUORUM, VOTE_CARD, GtkWidget)

GtkWidget       *quorum_vote_card_new                   (QuorumGroupItem *item);
QuorumGroupItem *quorum_vote_card_get_item              (QuorumVoteCard  *self);

/* What a person does on the card, for tests and keyboard helpers: each is the click it names. */
void             quorum_vote_card_choose                (QuorumVoteCard  *self,
                                                         QuorumView       view);
void             quorum_vote_card_set_category          (QuorumVoteCard  *self,
                                                         QuorumCategory   category,
                                                         gboolean         active);
/* Types @reason into the reason field and presses Ctrl+Enter. */
void             quorum_vote_card_enter_reason          (QuorumVoteCard  *self,
                                                         const char      *reason);
/* Types @reason into the reason field and stays there (nothing is stored yet). */
void             quorum_vote_card_type_reason           (QuorumVoteCard  *self,
                                                         const char      *reason);
QuorumTextField *quorum_vote_card_get_reason_field      (QuorumVoteCard  *self);
void             quorum_vote_card_set_members_disagreed (QuorumVoteCard  *self,
                                                         gboolean         disagreed);
/* The decision was refused for @attendee_id's own position, not recorded where the group's
 * representatives could not agree: the card says so under the representatives and puts the focus
 * on their Plan (or on their reason, when a position waits for it). Returns their row's last
 * widget (their reason), the foot of what the chair must see, or NULL when the focus did not go. */
GtkWidget       *quorum_vote_card_ask_member_position   (QuorumVoteCard  *self,
                                                         gint64           attendee_id);
/* The decision was refused for this group's dissenting view without its reason: the card says so
 * under its reason box and puts the focus in it. Returns the widget saying so (under the box),
 * the foot of what the chair must see, or NULL when the focus did not go. */
GtkWidget       *quorum_vote_card_ask_dissent_reason    (QuorumVoteCard  *self);
/* A decided or signed-off card: the view and its reason as text at full contrast, the card
 * one stop in the Tab order, announced with both. */
void             quorum_vote_card_set_read_only         (QuorumVoteCard  *self,
                                                         gboolean         read_only);
gboolean         quorum_vote_card_get_read_only         (QuorumVoteCard  *self);
/* The view the card shows selected (what is stored, or a decline awaiting its reason). */
QuorumView       quorum_vote_card_get_shown_view        (QuorumVoteCard  *self);
/* Records the representatives' reasons typed and not yet recorded (Enter not pressed), unless
 * the chair is away on another child (quorum_vote_card_set_away ()). */
void             quorum_vote_card_commit_pending        (QuorumVoteCard  *self);

/* The group's view is recorded and its reason box holds words that are not its recorded reason
 * (a draft given back after a restart, the old view's reason kept): they wait for Ctrl+Enter. */
gboolean         quorum_vote_card_get_reason_waiting    (QuorumVoteCard  *self);
/* The group's reason box holds a draft: words kept and not recorded (marked "Draft · not yet
 * recorded"), with or without a view recorded. */
gboolean         quorum_vote_card_get_holds_draft       (QuorumVoteCard  *self);
/* The chair came to this card (its view has the focus) while typing words: until a key that is
 * no text, or a click, the keys choose nothing here and the card says so. */
void             quorum_vote_card_hold_typing           (QuorumVoteCard  *self);
/* The chair has gone to another child (@away) or come back: while away, the reasons typed on
 * the card and not recorded are kept as its draft, not recorded by the field left or unmapped. */
void             quorum_vote_card_set_away              (QuorumVoteCard  *self,
                                                         gboolean         away);
void             quorum_vote_card_set_draft      (QuorumVoteCard  *self,
                                                  QuorumDraft     *draft);

G_END_DECLS
