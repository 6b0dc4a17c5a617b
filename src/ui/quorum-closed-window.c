/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-closed-window.c: the shared database was not opened (its password was not given):
 * the window says so and shows nothing of the record; "Enter the Password…" asks again
 * (app.enter-password), "Quit" quits. */

#include <glib/gi18n.h>

#include "quorum-closed-window.h"

struct _QuorumClosedWindow
{
  AdwApplicationWindow  parent_instance;

  AdwStatusPage        *status_page;
};

G_DEFINE_FINAL_TYPE (QuorumClosedWindow, quorum_closed_window, ADW_TYPE_APPLICATION_WINDOW)

static void
quorum_closed_window_class_init (QuorumClosedWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/quorum_app/quorum/ui/quorum-closed-window.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumClosedWindow, status_page);
}

static void
quorum_closed_window_init (QuorumClosedWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

QuorumClosedWindow *
quorum_closed_window_new (GtkApplication *application,
                          const char     *why)
{
  QuorumClosedWindow *self = g_object_new (QUORUM_TYPE_CLOSED_WINDOW, "application", application, NULL);

  adw_status_page_set_description (self->status_page, why);
  return self;
}
