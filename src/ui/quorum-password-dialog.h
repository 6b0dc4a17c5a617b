/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-password-dialog.h: asking for a shared database's password, and its keyring. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define QUORUM_TYPE_PASSWORD_DIALOG (quorum_password_dialog_get_type ())

G_DECLARE_FINAL_TYPE (QuorumPasswordDialog, quorum_password_dialog, QUORUM, PASSWORD_DIALOG, AdwMessageDialog)

/* Asks for @user's password on the server @host:@port, database @dbname; @problem (or NULL)
 * says why it asks again (a password refused). */
QuorumPasswordDialog *quorum_password_dialog_new           (const char *host,
                                                            const char *port,
                                                            const char *dbname,
                                                            const char *user,
                                                            const char *problem);
const char           *quorum_password_dialog_get_password  (QuorumPasswordDialog *self);
/* Whether the person asked for the password to be kept in the keyring (never when there is
 * none to keep it). */
gboolean              quorum_password_dialog_get_remember  (QuorumPasswordDialog *self);
/* Whether the keyring has been looked for, and whether one answered. */
gboolean              quorum_password_dialog_get_keyring_checked   (QuorumPasswordDialog *self);
gboolean              quorum_password_dialog_get_keyring_available (QuorumPasswordDialog *self);

/* The keyring (libsecret's Secret Service), the only place a password is kept: under the
 * server's host, port, database and user; never in settings or files. $QUORUM_NO_KEYRING
 * turns it off. */
char                 *quorum_password_lookup_saved (const char *host,
                                                    const char *port,
                                                    const char *dbname,
                                                    const char *user);
void                  quorum_password_save         (const char *host,
                                                    const char *port,
                                                    const char *dbname,
                                                    const char *user,
                                                    const char *password);
/* The same, saying whether the keyring kept it (FALSE with an error when none answered). */
void                  quorum_password_save_async   (const char          *host,
                                                    const char          *port,
                                                    const char          *dbname,
                                                    const char          *user,
                                                    const char          *password,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean              quorum_password_save_finish  (GAsyncResult        *result,
                                                    GError             **error);
/* A password written into @location (postgresql://user:secret@host/db, ?password=, password=…)
 * is given to the keyring under the server the location names (@callback, may be NULL, is told
 * whether it was kept: quorum_password_save_finish) and the location returned without it; NULL
 * when @location holds none. Never kept in settings. */
char                 *quorum_password_take_from_location (const char          *location,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
void                  quorum_password_forget       (const char *host,
                                                    const char *port,
                                                    const char *dbname,
                                                    const char *user);

G_END_DECLS
