/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-frame-pool.h: keeps cairo-xlib's shared memory for a window's frames from one frame to the next. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void quorum_frame_pool_keep (GtkWindow *window);

G_END_DECLS
