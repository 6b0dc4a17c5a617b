/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-application.c: the desktop application: options, the store, app-wide actions. */

#define G_LOG_DOMAIN "quorum-application"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <glib-unix.h>
#include <signal.h>
#include <string.h>

#include "export/quorum-export.h"
#include "quorum-application.h"
#include "quorum-closed-window.h"
#include "quorum-draft.h"
#include "quorum-password-dialog.h"
#include "quorum-ui-util.h"
#include "quorum-window.h"

#define SCREENSHOT_SETTLE_MS 1200
#define SCREENSHOT_GIVE_UP_MS 20000
/* Frames waited for, at most, for a window with a redraw pending to paint itself (--screenshot). */
#define SCREENSHOT_MAX_FRAMES 10

struct _QuorumApplication
{
  AdwApplication  parent_instance;

  char           *db_option;
  char           *screenshot;
  gboolean        demo;
  int             width;
  int             height;
  gint64          open_id;
  gint64          open_child;
  int             exit_status;
  gboolean        damaged_answered;  /* the person chose, for a damaged database */

  QuorumStore    *store;
  /* A shared database whose server asks for a password: the one typed (in memory only), where
   * it came from, and the server it is for (the keyring's key). */
  char           *password;
  gboolean        password_from_keyring;
  gboolean        keyring_tried;
  gboolean        remember_password;
  char           *server[4];      /* host, port, dbname, user */
  guint           screenshot_source;
  GdkFrameClock  *screenshot_clock;  /* waiting for the frame to paint, then saved */
  guint           screenshot_tries;
  guint           daily_source;
  guint           signal_sources[3];  /* SIGTERM, SIGHUP, SIGINT */
  guint           ending_source;      /* one of them came: the words kept, then the app quits */
};

G_DEFINE_FINAL_TYPE (QuorumApplication, quorum_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("The database to use (default: $QUORUM_DB, else the one in your data folder)"), N_("PATH") },
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Load the demonstration conferences and show them"), NULL },
  { "open", 0, 0, G_OPTION_ARG_INT64, NULL,
    N_("Show the conference with this id"), N_("CONF") },
  { "child", 0, 0, G_OPTION_ARG_INT64, NULL,
    N_("With --open, show this child’s decision"), N_("ID") },
  { "screenshot", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Save the window as a PNG once it is drawn, then quit"), N_("FILE") },
  { "size", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The window’s size, e.g. 1280x800"), N_("WxH") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and quit"), NULL },
  { NULL }
};

static QuorumWindow *
get_window (QuorumApplication *self)
{
  for (GList *iter = gtk_application_get_windows (GTK_APPLICATION (self)); iter; iter = iter->next)
    if (QUORUM_IS_WINDOW (iter->data))
      return QUORUM_WINDOW (iter->data);

  return NULL;
}

/* ---- --screenshot ---- */

static void
screenshot_stop_waiting (QuorumApplication *self)
{
  if (self->screenshot_clock != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->screenshot_clock, self);
      g_clear_object (&self->screenshot_clock);
    }
}

/* The frame has just been painted: the window's drawing is the one on the screen. */
static void
screenshot_after_paint_cb (GdkFrameClock     *clock,
                           QuorumApplication *self)
{
  QuorumWindow *window = get_window (self);
  g_autoptr(GError) error = NULL;

  screenshot_stop_waiting (self);
  if (window == NULL)
    {
      g_printerr ("quorum: %s\n", _("There is no window to save"));
      self->exit_status = 1;
    }
  else if (!quorum_ui_save_screenshot (GTK_WIDGET (window), self->screenshot, &error))
    {
      /* Something asked to be drawn again between the paint and this handler: the next frame. */
      if (++self->screenshot_tries < SCREENSHOT_MAX_FRAMES && gtk_widget_get_mapped (GTK_WIDGET (window)))
        {
          self->screenshot_clock = g_object_ref (gtk_widget_get_frame_clock (GTK_WIDGET (window)));
          g_signal_connect (self->screenshot_clock, "after-paint", G_CALLBACK (screenshot_after_paint_cb), self);
          gtk_widget_queue_draw (GTK_WIDGET (window));
          return;
        }
      g_printerr ("quorum: %s\n", error->message);
      self->exit_status = 1;
    }

  g_application_quit (G_APPLICATION (self));
}

/* The window settled: saved as the next frame paints it. Not at once: a timeout runs between
 * frames, and a widget that asked to be drawn again since the last frame (a blinking cursor, a
 * live update, a toast) has let go of the window's drawing, so the window "drew nothing" when
 * saved then. The frame clock's after-paint comes right after the drawing is made. */
static gboolean
screenshot_now_cb (gpointer user_data)
{
  QuorumApplication *self = user_data;
  QuorumWindow *window = get_window (self);
  GdkFrameClock *clock = window != NULL ? gtk_widget_get_frame_clock (GTK_WIDGET (window)) : NULL;

  self->screenshot_source = 0;

  if (clock == NULL)
    {
      g_printerr ("quorum: %s\n", _("There is no window to save"));
      self->exit_status = 1;
      g_application_quit (G_APPLICATION (self));
      return G_SOURCE_REMOVE;
    }

  self->screenshot_clock = g_object_ref (clock);
  g_signal_connect (clock, "after-paint", G_CALLBACK (screenshot_after_paint_cb), self);
  gtk_widget_queue_draw (GTK_WIDGET (window));

  return G_SOURCE_REMOVE;
}

/* Waits for the first frames and for transitions to settle, then saves the window. */
static gboolean
screenshot_tick_cb (GtkWidget     *widget,
                    GdkFrameClock *frame_clock,
                    gpointer       user_data)
{
  QuorumApplication *self = user_data;
  /* The bench sets 0 to time start-up to the first frame (bench/bench-start.c). */
  const char *settle = g_getenv ("QUORUM_SCREENSHOT_SETTLE_MS");
  guint settle_ms = settle != NULL ? (guint) g_ascii_strtoull (settle, NULL, 10) : SCREENSHOT_SETTLE_MS;

  if (self->screenshot_source != 0)
    g_source_remove (self->screenshot_source);
  self->screenshot_source = g_timeout_add (settle_ms, screenshot_now_cb, self);

  return G_SOURCE_REMOVE;
}

static gboolean
screenshot_give_up_cb (gpointer user_data)
{
  QuorumApplication *self = user_data;

  if (self->screenshot_source == 0)
    {
      g_printerr ("quorum: %s\n", _("The window was never drawn, so no screenshot was taken"));
      self->exit_status = 1;
      g_application_quit (G_APPLICATION (self));
    }

  return G_SOURCE_REMOVE;
}

/* ---- ended from outside ---- */

/* A shutdown or a logout (SIGTERM), the terminal gone (SIGHUP), Ctrl+C (SIGINT): the words typed
 * in the last moment, still waiting for the pause after the last key before they are kept
 * (QUORUM_DRAFT_DELAY_MS), are kept now, and the app quits. They are kept as drafts, not
 * recorded: a sentence cut off by a shutdown is given back as typed, marked not yet recorded,
 * as after a crash. Without this the default action ended the process at once and they were
 * lost (trial 7, A9). */
static gboolean
end_idle_cb (gpointer user_data)
{
  QuorumApplication *self = user_data;

  self->ending_source = 0;
  quorum_draft_flush_waiting ();
  g_application_quit (G_APPLICATION (self));
  return G_SOURCE_REMOVE;
}

static gboolean
end_signal_cb (gpointer user_data)
{
  QuorumApplication *self = user_data;
  GdkDisplay *display = gdk_display_get_default ();

  /* The keys pressed before the signal are read first: they come from the display server, and
   * a round trip brings in every one it has sent; the idle below runs after they are handled. */
  if (display != NULL)
    gdk_display_sync (display);
  if (self->ending_source == 0)
    self->ending_source = g_idle_add (end_idle_cb, self);
  return G_SOURCE_CONTINUE;
}

/* ---- actions ---- */

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  QuorumApplication *self = user_data;

  /* Everything is already stored: closing loses nothing. */
  for (GList *iter = gtk_application_get_windows (GTK_APPLICATION (self)); iter != NULL; )
    {
      GtkWindow *window = iter->data;

      iter = iter->next;
      gtk_window_close (window);
    }

  g_application_quit (G_APPLICATION (self));
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  QuorumApplication *self = user_data;
  static const char *developers[] = { "The Quorum developers https://github.com/quorum-app", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", get_window (self),
                        "application-name", _("Quorum"),
                        "application-icon", QUORUM_APP_ID,
                        "developer-name", _("The Quorum developers"),
                        "version", QUORUM_VERSION,
                        "comments", _("Record child protection case conference decisions when professionals disagree, by the local safeguarding policy."),
                        "website", "https://github.com/quorum-app/quorum",
                        "issue-url", "https://github.com/quorum-app/quorum/issues",
                        "support-url", "https://github.com/quorum-app/quorum/discussions",
                        "copyright", _("© 2026 The Quorum developers"),
                        "developers", developers,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: put your names here, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
open_conference_action (GSimpleAction *action,
                        GVariant      *param,
                        gpointer       user_data)
{
  QuorumApplication *self = user_data;
  QuorumWindow *window = get_window (self);

  if (window == NULL)
    {
      g_application_activate (G_APPLICATION (self));
      window = get_window (self);
    }

  if (window != NULL)
    {
      quorum_window_open_conference (window, g_variant_get_int64 (param), 0);
      gtk_window_present (GTK_WINDOW (window));
    }
}

/* The dissent record's languages for export and print, whatever the desktop speaks: "" for the
 * policy's (both under a bilingual profile), "cy", "en" or "cy,en". */
static void
record_language_action (GSimpleAction *action,
                        GVariant      *param,
                        gpointer       user_data)
{
  const char *languages = g_variant_get_string (param, NULL);

  if (*languages != '\0' && !quorum_export_record_languages_valid (languages))
    return;

  quorum_export_set_record_languages (languages);
  g_simple_action_set_state (action, param);
}

/* Another window on the same store (the same connection and session): the Referrals page
 * beside a conference, say. It opens where the app last was; each window lives on its own,
 * and closing the last quits as before. */
static void
new_window_action (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  QuorumApplication *self = user_data;
  QuorumWindow *window;

  /* No record open (a refused password, a damaged database being answered): the first
   * window's way in. */
  if (self->store == NULL || get_window (self) == NULL)
    {
      g_application_activate (G_APPLICATION (self));
      return;
    }

  window = quorum_window_new (GTK_APPLICATION (self), self->store);
  quorum_window_restore (window);
  gtk_window_present (GTK_WINDOW (window));
}

static char *resolve_location (QuorumApplication *self);
static void enter_password_action (GSimpleAction *action,
                                   GVariant      *param,
                                   gpointer       user_data);

static const GActionEntry app_entries[] = {
  { "record-language", NULL, "s", "''", record_language_action },
  { "quit", quit_action },
  { "new-window", new_window_action },
  { "about", about_action },
  { "open-conference", open_conference_action, "x" },
  { "enter-password", enter_password_action },
};

/* ---- GApplication ---- */

static int
quorum_application_handle_local_options (GApplication *application,
                                         GVariantDict *options)
{
  QuorumApplication *self = QUORUM_APPLICATION (application);
  const char *size = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("quorum %s\n", QUORUM_VERSION);
      return 0;
    }

  g_variant_dict_lookup (options, "db", "^ay", &self->db_option);
  g_variant_dict_lookup (options, "screenshot", "^ay", &self->screenshot);
  g_variant_dict_lookup (options, "open", "x", &self->open_id);
  g_variant_dict_lookup (options, "child", "x", &self->open_child);
  self->demo = g_variant_dict_contains (options, "demo");

  if (g_variant_dict_lookup (options, "size", "&s", &size))
    {
      if (sscanf (size, "%dx%d", &self->width, &self->height) != 2 ||
          self->width < 200 || self->height < 200 || self->width > 10000 || self->height > 10000)
        {
          g_printerr (_("quorum: --size takes a width and a height, as in 1280x800\n"));
          return 1;
        }
    }

  /* A run with its own database or a screenshot must not hand over to a running instance. */
  if (self->db_option != NULL || self->screenshot != NULL || self->demo || self->open_id != 0)
    g_application_set_flags (application,
                             g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);

  return G_APPLICATION_CLASS (quorum_application_parent_class)->handle_local_options (application, options);
}

static void
store_failed_response_cb (AdwMessageDialog  *dialog,
                          const char        *response,
                          QuorumApplication *self)
{
  g_application_quit (G_APPLICATION (self));
}

static void
damaged_response_cb (AdwMessageDialog  *dialog,
                     const char        *response,
                     QuorumApplication *self)
{
  g_autofree char *path = resolve_location (self);
  const char *backup = g_object_get_data (G_OBJECT (dialog), "backup");

  self->damaged_answered = TRUE;
  if (g_strcmp0 (response, "restore") == 0 && backup != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *kept = NULL;

      QuorumWindow *window = get_window (self);

      /* The damaged database is closed (the window over it first), kept beside its
       * backups, and replaced. */
      gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);
      if (window != NULL)
        gtk_window_destroy (GTK_WINDOW (window));
      g_clear_object (&self->store);
      if (!quorum_store_restore (path, backup, &kept, &error))
        {
          GtkWidget *failed = adw_message_dialog_new (NULL, _("The Backup Was Not Restored"), NULL);

          adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (failed), "%s", error->message);
          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (failed), "close", _("_Close"));
          gtk_window_set_application (GTK_WINDOW (failed), GTK_APPLICATION (self));
          gtk_window_present (GTK_WINDOW (failed));
        }
    }
  else if (g_strcmp0 (response, "read-only") != 0)
    {
      g_application_quit (G_APPLICATION (self));
      return;
    }
  g_application_activate (G_APPLICATION (self));
}

/* A database that failed its check is never written to: offer its newest backup. */
static gboolean
offer_backup (QuorumApplication *self,
              const char        *path)
{
  g_auto(GStrv) backups = quorum_store_list_backups (path);
  GtkWidget *dialog;
  g_autofree char *when = NULL;

  if (self->damaged_answered || self->screenshot != NULL)
    return FALSE;

  dialog = adw_message_dialog_new (NULL, _("The Database Is Damaged"), NULL);
  if (backups[0] != NULL)
    {
      GStatBuf st;
      g_autoptr(GDateTime) at = NULL;

      if (g_stat (backups[0], &st) == 0)
        at = g_date_time_new_from_unix_local (st.st_mtime);
      when = at ? g_date_time_format (at, "%e %B %Y, %H:%M") : g_strdup ("?");
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      _("Its integrity check found: %s.\n\nQuorum will not write to it. Its newest backup is "
                                        "from %s. Restore it? The damaged database is kept beside its backups."),
                                      quorum_store_get_damaged (self->store), g_strstrip (when));
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "read-only", _("Open _Read-Only"),
                                        "restore", _("_Restore Backup"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
      g_object_set_data_full (G_OBJECT (dialog), "backup", g_strdup (backups[0]), g_free);
    }
  else
    {
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      _("Its integrity check found: %s.\n\nQuorum will not write to it, and it has no backup."),
                                      quorum_store_get_damaged (self->store));
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "read-only", _("Open _Read-Only"));
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "read-only");
    }
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "read-only");
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  if (get_window (self) != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (get_window (self)));
      gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
    }
  g_signal_connect_object (dialog, "response", G_CALLBACK (damaged_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* ---- a shared database's password ---- */

static void
forget_typed_password (QuorumApplication *self)
{
  if (self->password != NULL)
    memset (self->password, 0, strlen (self->password));
  g_clear_pointer (&self->password, g_free);
  self->password_from_keyring = FALSE;
}

static void
show_not_opened (QuorumApplication *self)
{
  g_autofree char *why = NULL;
  QuorumClosedWindow *window;

  /* Translators: user, host, database */
  why = g_strdup_printf (_("No password was given for %s on %s, so Quorum did not open the shared database %s: "
                           "nothing of the record is shown and nothing can be recorded."),
                         self->server[3], self->server[0], self->server[2]);
  window = quorum_closed_window_new (GTK_APPLICATION (self), why);
  gtk_window_present (GTK_WINDOW (window));
}

static void
password_response_cb (QuorumPasswordDialog *dialog,
                      const char           *response,
                      QuorumApplication    *self)
{
  if (g_strcmp0 (response, "open") != 0)
    {
      show_not_opened (self);
      return;
    }
  forget_typed_password (self);
  self->password = g_strdup (quorum_password_dialog_get_password (dialog));
  self->remember_password = quorum_password_dialog_get_remember (dialog);
  g_application_activate (G_APPLICATION (self));
}

/* Asks for the password; @problem says why it asks again, or NULL. */
static void
ask_password (QuorumApplication *self,
              const char        *problem)
{
  QuorumPasswordDialog *dialog = quorum_password_dialog_new (self->server[0], self->server[1],
                                                             self->server[2], self->server[3], problem);

  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect_object (dialog, "response", G_CALLBACK (password_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
enter_password_action (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  QuorumApplication *self = user_data;

  if (self->store != NULL || self->server[0] == NULL)
    return;
  for (GList *iter = gtk_application_get_windows (GTK_APPLICATION (self)); iter != NULL; )
    {
      GtkWindow *window = iter->data;

      iter = iter->next;
      if (QUORUM_IS_CLOSED_WINDOW (window))
        gtk_window_destroy (window);
    }
  ask_password (self, NULL);
}

/* The server asked for a password libpq does not have, or refused the one given: the keyring's
 * first (once), else the person is asked. Returns FALSE when the app waits for them. */
static gboolean
want_password (QuorumApplication *self,
               const char        *path)
{
  const char *problem = NULL;

  if (self->server[0] == NULL &&
      !quorum_store_describe_server (path, &self->server[0], &self->server[1], &self->server[2], &self->server[3]))
    return FALSE;

  if (self->password != NULL && self->password_from_keyring)
    {
      /* A kept password the server no longer takes is of no use: it goes. */
      quorum_password_forget (self->server[0], self->server[1], self->server[2], self->server[3]);
      problem = _("The password kept in the keyring was not accepted by the server, so it was removed from the keyring. Type the password again.");
    }
  else if (self->password != NULL)
    problem = _("The server did not accept that password. Check it and type it again.");
  else if (!self->keyring_tried)
    {
      self->keyring_tried = TRUE;
      self->password = quorum_password_lookup_saved (self->server[0], self->server[1],
                                                     self->server[2], self->server[3]);
      if (self->password != NULL)
        {
          self->password_from_keyring = TRUE;
          return TRUE;
        }
    }
  forget_typed_password (self);
  ask_password (self, problem);
  return FALSE;
}

/* --db, else $QUORUM_DB, else the preferences' shared database, else the file in the data
 * folder. */
static char *
resolve_location (QuorumApplication *self)
{
  const char *env = g_getenv ("QUORUM_DB");

  if ((self->db_option == NULL || *self->db_option == '\0') && (env == NULL || *env == '\0'))
    {
      g_autoptr(GSettings) settings = quorum_ui_settings_new ();
      g_autofree char *shared = settings != NULL ? g_settings_get_string (settings, "database") : NULL;

      if (shared != NULL && *g_strstrip (shared) != '\0')
        {
          /* A password an earlier version let into the setting: used this once, then kept in
           * the keyring only (the preferences refuse to save one now) and taken out of the
           * setting. */
          g_autofree char *stripped = quorum_password_take_from_location (shared, NULL, NULL, NULL);

          if (stripped != NULL)
            g_settings_set_string (settings, "database", stripped);
          return g_steal_pointer (&shared);
        }
    }
  return quorum_store_resolve_path (self->db_option);
}

static gboolean
open_store (QuorumApplication *self)
{
  g_autofree char *path = resolve_location (self);
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;
  gboolean needs_password = FALSE;

  /* The first start of a day checks the whole database and copies it (337 MB for 100,000
   * referrals): after the window is drawn (daily_backup_cb), not before. */
  for (;;)
    {
      g_clear_error (&error);
      self->store = quorum_store_open_with_password (path, self->password,
                                                     QUORUM_STORE_OPEN_CREATE | QUORUM_STORE_OPEN_DEFER_DAILY_BACKUP,
                                                     &needs_password, &error);
      if (self->store != NULL || !needs_password || self->screenshot != NULL)
        break;
      if (!want_password (self, path))
        {
          if (self->server[0] != NULL)
            return FALSE;
          break;
        }
    }
  if (self->store != NULL && self->password != NULL && self->server[0] != NULL)
    {
      /* Kept only when the person asked, and only once the server took it. */
      if (self->remember_password)
        quorum_password_save (self->server[0], self->server[1], self->server[2], self->server[3],
                              self->password);
      self->remember_password = FALSE;
      forget_typed_password (self);
    }
  if (self->store != NULL)
    return quorum_store_get_damaged (self->store) == NULL || !offer_backup (self, path);

  if (self->screenshot != NULL)
    {
      g_printerr ("quorum: %s\n", error->message);
      self->exit_status = 1;
      return FALSE;
    }

  /* Nothing works without the record: say so in plain words, then quit. */
  dialog = adw_message_dialog_new (NULL, _("Quorum Cannot Open Its Database"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), _("%s\n\nThe database is %s."),
                                  error->message, path);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Quit"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect_object (dialog, "response", G_CALLBACK (store_failed_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return FALSE;
}

static void
daily_backup_done_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(QuorumApplication) self = user_data;
  QuorumStore *store = QUORUM_STORE (object);
  g_autofree char *path = NULL;

  quorum_store_run_daily_backup_finish (store, result, NULL);
  /* Only the store still open (not one a restore replaced meanwhile). */
  if (store != self->store || quorum_store_get_damaged (store) == NULL)
    return;
  path = resolve_location (self);
  offer_backup (self, path);
}

/* Once the window is drawn: the day's integrity check and backup, put off at opening, in a
 * thread on a connection of its own (the window answers meanwhile: the copy of a large
 * database takes seconds); a database that fails it is never written to (the store refuses
 * every write), and its newest backup is offered. A write made before the check is done runs
 * the check first (quorum-store.c). */
static gboolean
daily_backup_cb (gpointer user_data)
{
  QuorumApplication *self = user_data;

  self->daily_source = 0;
  if (self->store == NULL || !quorum_store_get_daily_backup_pending (self->store))
    return G_SOURCE_REMOVE;

  quorum_store_run_daily_backup_async (self->store, NULL, daily_backup_done_cb, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

/* Runs as the first frame is laid out: the idle after it comes once it is painted. */
static gboolean
first_frame_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  QuorumApplication *self = user_data;

  if (self->daily_source == 0)
    self->daily_source = g_idle_add_full (G_PRIORITY_LOW, daily_backup_cb, self, NULL);
  return G_SOURCE_REMOVE;
}

static void
quorum_application_activate (GApplication *application)
{
  QuorumApplication *self = QUORUM_APPLICATION (application);
  QuorumWindow *window = get_window (self);

  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  if (self->store == NULL && !open_store (self))
    return;

  window = quorum_window_new (GTK_APPLICATION (self), self->store);

  if (self->width > 0)
    {
      gtk_window_unmaximize (GTK_WINDOW (window));
      gtk_window_set_default_size (GTK_WINDOW (window), self->width, self->height);
    }

  if (self->demo)
    quorum_window_load_demo (window);

  if (self->open_id != 0)
    quorum_window_open_conference (window, self->open_id, self->open_child);
  else if (!self->demo)
    quorum_window_restore (window);

  if (quorum_store_get_daily_backup_pending (self->store))
    gtk_widget_add_tick_callback (GTK_WIDGET (window), first_frame_cb, self, NULL);

  if (self->screenshot != NULL)
    {
      gtk_widget_add_tick_callback (GTK_WIDGET (window), screenshot_tick_cb, self, NULL);
      g_timeout_add (SCREENSHOT_GIVE_UP_MS, screenshot_give_up_cb, self);
    }

  gtk_window_present (GTK_WINDOW (window));
}

static void
quorum_application_startup (GApplication *application)
{
  static gsize name_set = 0;
  static const char *quit_accels[] = { "<Primary>q", NULL };
  static const char *close_accels[] = { "<Primary>w", NULL };
  static const char *new_window_accels[] = { "<Primary><Shift>n", NULL };
  static const char *new_accels[] = { "<Primary>n", NULL };
  static const char *search_accels[] = { "<Primary>f", NULL };
  static const char *list_accels[] = { "<Alt>Left", NULL };
  static const char *fullscreen_accels[] = { "F11", NULL };
  static const char *projector_accels[] = { "<Primary><Shift>p", NULL };
  static const char *preferences_accels[] = { "<Primary>comma", NULL };
  static const char *help_overlay_accels[] = { "<Primary>question", NULL };
  GtkApplication *app = GTK_APPLICATION (application);
  QuorumApplication *self = QUORUM_APPLICATION (application);

  G_APPLICATION_CLASS (quorum_application_parent_class)->startup (application);
  quorum_ui_renderer_chosen ();

  /* A record left half-exported by a run that was killed is not left lying about. */
  quorum_export_clean_stale ();

  /* The name assistive technology and the shell show ("quorum" otherwise), in the reader's
   * language; set once per process. */
  if (g_once_init_enter (&name_set))
    {
      g_set_application_name (_("Quorum"));
      g_once_init_leave (&name_set, 1);
    }

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_entries,
                                   G_N_ELEMENTS (app_entries), application);

  gtk_application_set_accels_for_action (app, "app.quit", quit_accels);
  /* GtkWindow's own action: closes the window that has focus (the About window too). */
  gtk_application_set_accels_for_action (app, "window.close", close_accels);
  gtk_application_set_accels_for_action (app, "win.new-conference", new_accels);
  gtk_application_set_accels_for_action (app, "app.new-window", new_window_accels);
  gtk_application_set_accels_for_action (app, "win.search", search_accels);
  gtk_application_set_accels_for_action (app, "win.show-list", list_accels);
  gtk_application_set_accels_for_action (app, "win.fullscreen", fullscreen_accels);
  gtk_application_set_accels_for_action (app, "win.projector-mode", projector_accels);
  gtk_application_set_accels_for_action (app, "win.preferences", preferences_accels);
  /* GtkApplication's own, set when it finds gtk/help-overlay.ui (QuorumWindow's action now). */
  gtk_application_set_accels_for_action (app, "win.show-help-overlay", help_overlay_accels);

  gtk_window_set_default_icon_name (QUORUM_APP_ID);

  self->signal_sources[0] = g_unix_signal_add (SIGTERM, end_signal_cb, self);
  self->signal_sources[1] = g_unix_signal_add (SIGHUP, end_signal_cb, self);
  self->signal_sources[2] = g_unix_signal_add (SIGINT, end_signal_cb, self);
}

static void
quorum_application_shutdown (GApplication *application)
{
  QuorumApplication *self = QUORUM_APPLICATION (application);

  g_clear_handle_id (&self->screenshot_source, g_source_remove);
  screenshot_stop_waiting (self);
  g_clear_handle_id (&self->daily_source, g_source_remove);
  g_clear_handle_id (&self->ending_source, g_source_remove);
  for (guint i = 0; i < G_N_ELEMENTS (self->signal_sources); i++)
    g_clear_handle_id (&self->signal_sources[i], g_source_remove);

  G_APPLICATION_CLASS (quorum_application_parent_class)->shutdown (application);

  g_clear_object (&self->store);
}

static void
quorum_application_finalize (GObject *object)
{
  QuorumApplication *self = (QuorumApplication *)object;

  g_clear_pointer (&self->db_option, g_free);
  g_clear_pointer (&self->screenshot, g_free);
  g_clear_object (&self->store);
  forget_typed_password (self);
  for (guint i = 0; i < G_N_ELEMENTS (self->server); i++)
    g_clear_pointer (&self->server[i], g_free);

  G_OBJECT_CLASS (quorum_application_parent_class)->finalize (object);
}

static void
quorum_application_class_init (QuorumApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = quorum_application_finalize;

  application_class->handle_local_options = quorum_application_handle_local_options;
  application_class->activate = quorum_application_activate;
  application_class->startup = quorum_application_startup;
  application_class->shutdown = quorum_application_shutdown;
}

static void
quorum_application_init (QuorumApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("The chair’s screen for a child protection case conference."));
}

QuorumApplication *
quorum_application_new (void)
{
  return g_object_new (QUORUM_TYPE_APPLICATION,
                       "application-id", QUORUM_APP_ID,
                       "resource-base-path", "/io/github/quorum_app/quorum",
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}

int
quorum_application_get_exit_status (QuorumApplication *self)
{
  g_return_val_if_fail (QUORUM_IS_APPLICATION (self), 1);

  return self->exit_status;
}
