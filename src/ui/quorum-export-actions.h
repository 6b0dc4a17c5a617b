/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-export-actions.h: the app's "Export…" and "Print…" of a conference's dissent record. */
#pragma once

#include <adwaita.h>

#include "store/quorum-store.h"

G_BEGIN_DECLS

/* Asks where to save (PDF, CSV, JSON or text, by the filter or the extension chosen), then
 * writes the record off the main loop; says how it went in a toast, or a dialog on failure. */
void quorum_export_actions_save  (GtkWindow   *parent,
                                  QuorumStore *store,
                                  gint64       conference_id);
/* Prints the record through the print dialog: the same pages as the PDF. */
void quorum_export_actions_print (GtkWindow   *parent,
                                  QuorumStore *store,
                                  gint64       conference_id);

G_END_DECLS
