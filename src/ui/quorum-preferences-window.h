/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-preferences-window.h: the app's preferences: the chair's own name for the record. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define QUORUM_TYPE_PREFERENCES_WINDOW (quorum_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (QuorumPreferencesWindow, quorum_preferences_window, QUORUM, PREFERENCES_WINDOW, AdwPreferencesWindow)

QuorumPreferencesWindow *quorum_preferences_window_new           (GtkWindow               *parent);
/* The "Your name" row, as a person types into it. */
AdwEntryRow             *quorum_preferences_window_get_name_row  (QuorumPreferencesWindow *self);

G_END_DECLS
