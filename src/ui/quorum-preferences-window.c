/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-preferences-window.c: the app's preferences: the chair's own name for the record. */

#define G_LOG_DOMAIN "quorum-preferences"

#include <glib/gi18n.h>

#include "quorum-preferences-window.h"
#include "quorum-ui-util.h"

struct _QuorumPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  AdwEntryRow          *name_row;
  AdwEntryRow          *database_row;
};

G_DEFINE_FINAL_TYPE (QuorumPreferencesWindow, quorum_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
quorum_preferences_window_dispose (GObject *object)
{
  QuorumPreferencesWindow *self = (QuorumPreferencesWindow *)object;

  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (quorum_preferences_window_parent_class)->dispose (object);
}

static void
quorum_preferences_window_class_init (QuorumPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = quorum_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/quorum_app/quorum/ui/quorum-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumPreferencesWindow, database_row);
}

static void
quorum_preferences_window_init (QuorumPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Kept as it is typed: there is nothing to apply, and closing loses nothing. */
  self->settings = quorum_ui_settings_new ();
  if (self->settings != NULL)
    {
      g_settings_bind (self->settings, "chair-name", self->name_row, "text", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "database", self->database_row, "text", G_SETTINGS_BIND_DEFAULT);
    }
  else
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->name_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->database_row), FALSE);
    }
}

QuorumPreferencesWindow *
quorum_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (QUORUM_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
}

AdwEntryRow *
quorum_preferences_window_get_name_row (QuorumPreferencesWindow *self)
{
  g_return_val_if_fail (QUORUM_IS_PREFERENCES_WINDOW (self), NULL);

  return self->name_row;
}
