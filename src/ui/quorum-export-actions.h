/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-export-actions.h: the app's "Export…" and "Print…" of a conference's dissent record. */
#pragma once

#include <adwaita.h>

#include "export/quorum-export.h"
#include "store/quorum-store.h"

G_BEGIN_DECLS

/* Asks where to save (PDF, CSV, JSON or text, by the extension typed or the filter chosen),
 * then does what quorum_export_actions_save_to () does. */
void               quorum_export_actions_save                (GtkWindow          *parent,
                                                              QuorumStore        *store,
                                                              gint64              conference_id);
/* What "Export…" does once the person has chosen @file and @format: writes the record off the
 * main loop, then a toast on the window of @parent, or a dialog saying why nothing was saved. */
void               quorum_export_actions_save_to             (GtkWindow          *parent,
                                                              QuorumStore        *store,
                                                              gint64              conference_id,
                                                              GFile              *file,
                                                              QuorumExportFormat  format);
/* The print operation of the record: A4, in points, the same pages as the PDF; errors and
 * success reach @parent as the print action's do. NULL, with @error set, when the conference
 * cannot be read. "Print…" runs it with the print dialog; a test exports it to a file
 * (gtk_print_operation_set_export_filename ()). */
GtkPrintOperation *quorum_export_actions_new_print_operation (GtkWindow          *parent,
                                                              QuorumStore        *store,
                                                              gint64              conference_id,
                                                              GError            **error);
/* Prints the record through the print dialog: the same pages as the PDF. */
void               quorum_export_actions_print               (GtkWindow          *parent,
                                                              QuorumStore        *store,
                                                              gint64              conference_id);

G_END_DECLS
