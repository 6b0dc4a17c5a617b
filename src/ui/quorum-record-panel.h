/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-record-panel.h: the attendance timeline and the challenge route of one conference. */
#pragma once

#include <adwaita.h>
#include "store/quorum-store.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_RECORD_PANEL (quorum_record_panel_get_type ())
G_DECLARE_FINAL_TYPE (QuorumRecordPanel, quorum_record_panel, QUORUM, RECORD_PANEL, GtkWidget)

void     quorum_record_panel_set_store      (QuorumRecordPanel      *self,
                                             QuorumStore            *store);
/* Shows @conference (borrowed for the call) under @profile (may be NULL). */
void     quorum_record_panel_set_conference (QuorumRecordPanel      *self,
                                             const QuorumConference *conference,
                                             const QuorumProfile    *profile);

/* Brings @child_id's decision into the form that raises a challenge of it, the focus there;
 * returns the challenge part of the panel, to scroll into view. */
GtkWidget *quorum_record_panel_show_challenge (QuorumRecordPanel *self,
                                               gint64             child_id);

G_END_DECLS
