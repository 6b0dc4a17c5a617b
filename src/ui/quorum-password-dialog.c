/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-password-dialog.c: the password a shared database's server asks for. The person types
 * it; it is kept in the keyring (libsecret) only when they switch "Remember in keyring" on,
 * never in settings or a file. Without a keyring the switch cannot be turned on, and the dialog
 * says why. */

#define G_LOG_DOMAIN "quorum-password"

#include <string.h>
#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "quorum-password-dialog.h"
#include "store/quorum-store.h"

struct _QuorumPasswordDialog
{
  AdwMessageDialog  parent_instance;

  GtkLabel         *problem_label;
  GtkPasswordEntry *entry;
  GtkSwitch        *remember_switch;
  GtkLabel         *keyring_label;

  GCancellable     *cancellable;
  gboolean          keyring_checked;
  gboolean          keyring_available;
};

G_DEFINE_FINAL_TYPE (QuorumPasswordDialog, quorum_password_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* ---- the keyring ---- */

static const SecretSchema *
password_schema (void)
{
  static const SecretSchema schema = {
    "io.github.quorum_app.quorum.Password", SECRET_SCHEMA_NONE,
    {
      { "host", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "port", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "dbname", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  };

  return &schema;
}

static gboolean
keyring_turned_off (void)
{
  const char *off = g_getenv ("QUORUM_NO_KEYRING");

  return off != NULL && *off != '\0' && g_strcmp0 (off, "0") != 0;
}

char *
quorum_password_lookup_saved (const char *host,
                              const char *port,
                              const char *dbname,
                              const char *user)
{
  g_autoptr(GError) error = NULL;
  char *secret;
  char *password;

  if (keyring_turned_off ())
    return NULL;
  secret = secret_password_lookup_sync (password_schema (), NULL, &error,
                                        "host", host, "port", port, "dbname", dbname, "user", user,
                                        NULL);
  if (error != NULL)
    g_debug ("No password from the keyring: %s", error->message);
  if (secret == NULL)
    return NULL;
  password = g_strdup (secret);
  secret_password_free (secret);
  return password;
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!secret_password_store_finish (result, &error))
    g_warning ("The password was not kept in the keyring: %s", error->message);
}

void
quorum_password_save (const char *host,
                      const char *port,
                      const char *dbname,
                      const char *user,
                      const char *password)
{
  /* Translators: the keyring's label of a kept password: user, host, database */
  g_autofree char *label = g_strdup_printf (_("Quorum: %s on %s, database %s"), user, host, dbname);

  if (keyring_turned_off ())
    return;
  secret_password_store (password_schema (), SECRET_COLLECTION_DEFAULT, label, password, NULL, saved_cb, NULL,
                         "host", host, "port", port, "dbname", dbname, "user", user, NULL);
}

static void
saved_task_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (secret_password_store_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
quorum_password_save_async (const char          *host,
                            const char          *port,
                            const char          *dbname,
                            const char          *user,
                            const char          *password,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autofree char *label = g_strdup_printf (_("Quorum: %s on %s, database %s"), user, host, dbname);
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  if (keyring_turned_off ())
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "the keyring is turned off ($QUORUM_NO_KEYRING)");
      g_object_unref (task);
      return;
    }
  secret_password_store (password_schema (), SECRET_COLLECTION_DEFAULT, label, password, cancellable, saved_task_cb, task,
                         "host", host, "port", port, "dbname", dbname, "user", user, NULL);
}

gboolean
quorum_password_save_finish (GAsyncResult  *result,
                             GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

char *
quorum_password_take_from_location (const char          *location,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autofree char *password = NULL;
  char *stripped = quorum_store_location_take_password (location, &password);
  g_autofree char *host = NULL;
  g_autofree char *port = NULL;
  g_autofree char *dbname = NULL;
  g_autofree char *user = NULL;

  if (stripped == NULL)
    return NULL;
  if (*password != '\0' && quorum_store_describe_server (stripped, &host, &port, &dbname, &user))
    quorum_password_save_async (host, port, dbname, user, password, cancellable, callback, user_data);
  else
    {
      GTask *task = g_task_new (NULL, cancellable, callback, user_data);

      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "no server to keep the password under");
      g_object_unref (task);
    }
  memset (password, 0, strlen (password));
  return stripped;
}

void
quorum_password_forget (const char *host,
                        const char *port,
                        const char *dbname,
                        const char *user)
{
  g_autoptr(GError) error = NULL;

  if (keyring_turned_off ())
    return;
  secret_password_clear_sync (password_schema (), NULL, &error,
                              "host", host, "port", port, "dbname", dbname, "user", user, NULL);
}

/* ---- the dialog ---- */

static void
keyring_found_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(QuorumPasswordDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SecretService) service = secret_service_get_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->keyring_checked = TRUE;
  self->keyring_available = service != NULL;
  gtk_widget_set_sensitive (GTK_WIDGET (self->remember_switch), self->keyring_available);
  if (self->keyring_available)
    gtk_label_set_label (self->keyring_label,
                         _("Kept by your desktop’s keyring, which unlocks with your login: never in Quorum’s settings or files."));
  else
    {
      g_debug ("No keyring: %s", error != NULL ? error->message : "");
      gtk_label_set_label (self->keyring_label,
                           _("This computer has no keyring running (no Secret Service answered), so the password cannot be remembered: Quorum will ask for it each time it opens."));
    }
}

static void
quorum_password_dialog_dispose (GObject *object)
{
  QuorumPasswordDialog *self = QUORUM_PASSWORD_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (quorum_password_dialog_parent_class)->dispose (object);
}

static void
quorum_password_dialog_class_init (QuorumPasswordDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = quorum_password_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/quorum_app/quorum/ui/quorum-password-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumPasswordDialog, problem_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumPasswordDialog, entry);
  gtk_widget_class_bind_template_child (widget_class, QuorumPasswordDialog, remember_switch);
  gtk_widget_class_bind_template_child (widget_class, QuorumPasswordDialog, keyring_label);
}

static void
quorum_password_dialog_init (QuorumPasswordDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  if (keyring_turned_off ())
    {
      self->keyring_checked = TRUE;
      gtk_label_set_label (self->keyring_label,
                           _("The keyring is turned off for Quorum ($QUORUM_NO_KEYRING), so the password cannot be remembered: Quorum will ask for it each time it opens."));
    }
  else
    secret_service_get (SECRET_SERVICE_OPEN_SESSION, self->cancellable, keyring_found_cb, g_object_ref (self));
}

QuorumPasswordDialog *
quorum_password_dialog_new (const char *host,
                            const char *port,
                            const char *dbname,
                            const char *user,
                            const char *problem)
{
  QuorumPasswordDialog *self = g_object_new (QUORUM_TYPE_PASSWORD_DIALOG, NULL);

  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (self),
                                  _("The server %s (port %s) asks for %s’s password to open the database %s."),
                                  host, port, user, dbname);
  if (problem != NULL)
    {
      gtk_label_set_label (self->problem_label, problem);
      gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  return self;
}

const char *
quorum_password_dialog_get_password (QuorumPasswordDialog *self)
{
  g_return_val_if_fail (QUORUM_IS_PASSWORD_DIALOG (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->entry));
}

gboolean
quorum_password_dialog_get_remember (QuorumPasswordDialog *self)
{
  g_return_val_if_fail (QUORUM_IS_PASSWORD_DIALOG (self), FALSE);

  return self->keyring_available && gtk_switch_get_active (self->remember_switch);
}

gboolean
quorum_password_dialog_get_keyring_checked (QuorumPasswordDialog *self)
{
  g_return_val_if_fail (QUORUM_IS_PASSWORD_DIALOG (self), FALSE);

  return self->keyring_checked;
}

gboolean
quorum_password_dialog_get_keyring_available (QuorumPasswordDialog *self)
{
  g_return_val_if_fail (QUORUM_IS_PASSWORD_DIALOG (self), FALSE);

  return self->keyring_available;
}
