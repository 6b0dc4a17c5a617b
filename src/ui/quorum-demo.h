/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-demo.h: demonstration conferences, written through the store like any other. */
#pragma once

#include "store/quorum-store.h"

G_BEGIN_DECLS

/* Loads the demonstration (once per database: a second call finds it and loads nothing):
 * a decided Bolton initial conference for two siblings, and a review still in session.
 * @decided_id and @live_id receive their ids. */
gboolean quorum_demo_load (QuorumStore  *store,
                           gint64       *decided_id,
                           gint64       *live_id,
                           GError      **error);

G_END_DECLS
