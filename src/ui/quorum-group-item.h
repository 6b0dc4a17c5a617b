/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-group-item.h: one line-management group on the vote board, with its current view
 * for one child. Updated in place as the record changes, so its card keeps focus. */
#pragma once

#include <glib-object.h>
#include <quorum/quorum.h>

G_BEGIN_DECLS

#define QUORUM_TYPE_GROUP_ITEM (quorum_group_item_get_type ())
G_DECLARE_FINAL_TYPE (QuorumGroupItem, quorum_group_item, QUORUM, GROUP_ITEM, GObject)

QuorumGroupItem    *quorum_group_item_new                   (const char        *name);
const char         *quorum_group_item_get_name              (QuorumGroupItem   *self);
const char * const *quorum_group_item_get_members           (QuorumGroupItem   *self);
/* QUORUM_VIEW_NONE until the group has given its view. */
QuorumView          quorum_group_item_get_view              (QuorumGroupItem   *self);
guint               quorum_group_item_get_categories        (QuorumGroupItem   *self);
const char         *quorum_group_item_get_reason            (QuorumGroupItem   *self);
gboolean            quorum_group_item_get_members_disagreed (QuorumGroupItem   *self);
const char         *quorum_group_item_get_recorded_at       (QuorumGroupItem   *self);
/* Takes the group's members and stored view (@vote may be NULL) from the record; always emits
 * ::changed so that a card showing an unrecorded edit goes back to what is stored. */
void                quorum_group_item_update                (QuorumGroupItem   *self,
                                                             const char * const *members,
                                                             const QuorumVote  *vote);

/* The group's reason as corrected after sign-off and the words keeping the original beside it
 * (quorum_ui_amended_note), or NULL @note when it was not corrected; taken before
 * quorum_group_item_update, whose ::changed shows them on a read-only card. */
void                quorum_group_item_set_amended           (QuorumGroupItem   *self,
                                                             const char        *reason,
                                                             const char        *note);
/* The note, or NULL; @reason (may be NULL) is set to the reason as it stands. */
const char         *quorum_group_item_get_amended_note      (QuorumGroupItem   *self,
                                                             const char       **reason);

/* The group's representatives for one child, each with their own position where they could
 * not agree (DOMAIN "Reaching a decision" 2 and 6): those voting and in the room, and anyone
 * whose own position is recorded. Read from the record; taken before quorum_group_item_update,
 * whose ::changed shows them. */
void                quorum_group_item_set_representatives   (QuorumGroupItem        *self,
                                                             const QuorumConference *conference,
                                                             gint64                  child_id);
guint               quorum_group_item_get_n_representatives (QuorumGroupItem   *self);
/* The @index-th representative: their attendee id, name, own position (QUORUM_VIEW_NONE when
 * none is recorded) and its reason (NULL when none); any out-parameter may be NULL. */
void                quorum_group_item_get_representative    (QuorumGroupItem   *self,
                                                             guint              index,
                                                             gint64            *attendee_id,
                                                             const char       **name,
                                                             QuorumView        *view,
                                                             const char       **reason);
/* Whether any representative's own position is recorded for this child. */
gboolean            quorum_group_item_has_positions         (QuorumGroupItem   *self);

G_END_DECLS
