/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-preferences-window.c: the app's preferences: the chair's own name for the record. */

#define G_LOG_DOMAIN "quorum-preferences"

#include <glib/gi18n.h>

#include "quorum-password-dialog.h"
#include "quorum-preferences-window.h"
#include "quorum-ui-util.h"

struct _QuorumPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  AdwEntryRow          *name_row;
  AdwEntryRow          *database_row;
  GCancellable         *cancellable;
};

G_DEFINE_FINAL_TYPE (QuorumPreferencesWindow, quorum_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
quorum_preferences_window_dispose (GObject *object)
{
  QuorumPreferencesWindow *self = (QuorumPreferencesWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (quorum_preferences_window_parent_class)->dispose (object);
}

/* ---- the shared database's location: never with a password in it ---- */

static void
password_kept_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  QuorumPreferencesWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean kept = quorum_password_save_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    g_debug ("The location's password was not kept in the keyring: %s", error->message);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (kept
                                                   ? _("The password went to the keyring, not the settings")
                                                   : _("The password was not saved: Quorum will ask for it")));
}

/* Saved when applied (the button beside it, or Enter), not as it is typed: a password typed
 * into a postgresql:// URI or a connection string would otherwise reach the settings (dconf, a
 * file in the home folder) a keystroke at a time. A password is taken out and put in the
 * keyring, as the password dialog does; the location is saved without it. */
static void
database_apply_cb (QuorumPreferencesWindow *self,
                   AdwEntryRow             *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autofree char *stripped = NULL;

  if (self->settings == NULL)
    return;
  stripped = quorum_password_take_from_location (text, self->cancellable, password_kept_cb, self);
  if (stripped == NULL)
    {
      g_autofree char *location = g_strstrip (g_strdup (text));

      g_settings_set_string (self->settings, "database", location);
      return;
    }

  g_settings_set_string (self->settings, "database", stripped);
  /* Shown without it; the apply button stays away (the text is what was saved). */
  adw_entry_row_set_show_apply_button (row, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (row), stripped);
  adw_entry_row_set_show_apply_button (row, TRUE);
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
  gtk_widget_class_bind_template_callback (widget_class, database_apply_cb);
}

static void
quorum_preferences_window_init (QuorumPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();

  /* The name is kept as it is typed; the database when applied (database_apply_cb). */
  self->settings = quorum_ui_settings_new ();
  if (self->settings != NULL)
    {
      g_autofree char *database = g_settings_get_string (self->settings, "database");

      g_settings_bind (self->settings, "chair-name", self->name_row, "text", G_SETTINGS_BIND_DEFAULT);
      gtk_editable_set_text (GTK_EDITABLE (self->database_row), database);
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
