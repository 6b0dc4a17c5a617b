/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-closed-window.h: the window shown when the shared database was not opened. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define QUORUM_TYPE_CLOSED_WINDOW (quorum_closed_window_get_type ())

G_DECLARE_FINAL_TYPE (QuorumClosedWindow, quorum_closed_window, QUORUM, CLOSED_WINDOW, AdwApplicationWindow)

/* @why says what was not opened and why, in plain words. */
QuorumClosedWindow *quorum_closed_window_new (GtkApplication *application,
                                              const char     *why);

G_END_DECLS
