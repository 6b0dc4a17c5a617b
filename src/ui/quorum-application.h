/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-application.h: the desktop application: options, the store, app-wide actions. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define QUORUM_TYPE_APPLICATION (quorum_application_get_type ())
G_DECLARE_FINAL_TYPE (QuorumApplication, quorum_application, QUORUM, APPLICATION, AdwApplication)

QuorumApplication *quorum_application_new             (void);
/* What main() returns beyond g_application_run(): non-zero when --screenshot failed. */
int                quorum_application_get_exit_status (QuorumApplication *self);

G_END_DECLS
