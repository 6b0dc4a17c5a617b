/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-new-conference-dialog.h: creates a conference: kind, date and time, chair, policy,
 * one or more children. Emits ::created with the new conference's id. */
#pragma once

#include <adwaita.h>

#include "store/quorum-store.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_NEW_CONFERENCE_DIALOG (quorum_new_conference_dialog_get_type ())
G_DECLARE_FINAL_TYPE (QuorumNewConferenceDialog, quorum_new_conference_dialog, QUORUM, NEW_CONFERENCE_DIALOG, AdwWindow)

QuorumNewConferenceDialog *quorum_new_conference_dialog_new (GtkWindow   *parent,
                                                             QuorumStore *store);
/* Fills the form as a person would type it (NULL leaves a field as it is). */
void quorum_new_conference_dialog_fill (QuorumNewConferenceDialog *self,
                                        const char * const        *children,
                                        QuorumConferenceKind       kind,
                                        const char                *date,
                                        const char                *time,
                                        const char                *chair,
                                        const char                *profile_id,
                                        const char                *case_ref);

G_END_DECLS
