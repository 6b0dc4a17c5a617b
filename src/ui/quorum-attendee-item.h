/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-attendee-item.h: one attendee in the conference's list, with the section it shows in. */
#pragma once

#include <glib-object.h>
#include <quorum/quorum.h>

G_BEGIN_DECLS

#define QUORUM_TYPE_ATTENDEE_ITEM (quorum_attendee_item_get_type ())
G_DECLARE_FINAL_TYPE (QuorumAttendeeItem, quorum_attendee_item, QUORUM, ATTENDEE_ITEM, GObject)

QuorumAttendeeItem *quorum_attendee_item_new               (const QuorumConference *conference,
                                                            const QuorumAttendee   *attendee,
                                                            guint                   position);
gint64              quorum_attendee_item_get_id            (QuorumAttendeeItem *self);
const char         *quorum_attendee_item_get_name          (QuorumAttendeeItem *self);
const char         *quorum_attendee_item_get_subtitle      (QuorumAttendeeItem *self);
const char         *quorum_attendee_item_get_status        (QuorumAttendeeItem *self);
/* The list groups attendees by this: voting structures first, then apologies, then non-voting. */
const char         *quorum_attendee_item_get_section       (QuorumAttendeeItem *self);
const char         *quorum_attendee_item_get_section_title (QuorumAttendeeItem *self);
/* Whether @a and @b show the same: the same attendee, name, subtitle, status and section. */
void                quorum_attendee_item_assign            (QuorumAttendeeItem *self,
                                                            QuorumAttendeeItem *other);
gboolean            quorum_attendee_item_equal             (QuorumAttendeeItem *a,
                                                            QuorumAttendeeItem *b);
/* For g_ptr_array_sort_with_data() on an array of items; @user_data maps a section to the
 * position of its first attendee. */
int                 quorum_attendee_item_compare_ptr       (gconstpointer a,
                                                            gconstpointer b,
                                                            gpointer      user_data);

G_END_DECLS
