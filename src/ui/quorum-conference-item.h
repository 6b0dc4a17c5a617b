/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-conference-item.h: one conference in the list of conferences. */
#pragma once

#include <glib-object.h>

#include "store/quorum-store.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_CONFERENCE_ITEM (quorum_conference_item_get_type ())
G_DECLARE_FINAL_TYPE (QuorumConferenceItem, quorum_conference_item, QUORUM, CONFERENCE_ITEM, GObject)

QuorumConferenceItem *quorum_conference_item_new          (const QuorumConferenceSummary *summary);
gint64                quorum_conference_item_get_id       (QuorumConferenceItem *self);
const char           *quorum_conference_item_get_title    (QuorumConferenceItem *self);
const char           *quorum_conference_item_get_subtitle (QuorumConferenceItem *self);
gboolean              quorum_conference_item_get_finalised (QuorumConferenceItem *self);

G_END_DECLS
