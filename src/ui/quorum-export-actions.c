/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-export-actions.c: saving the dissent record to a file (in a thread) and printing it. */

#define G_LOG_DOMAIN "quorum-export-actions"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "export/quorum-export.h"
#include "quorum-export-actions.h"
#include "quorum-ui-util.h"

/* What an export or a print needs, loaded on the main thread: the thread then works on plain
 * data and never touches the store, which is not shared between threads. */
typedef struct
{
  GtkWindow          *parent;
  QuorumConference   *conference;
  QuorumProfile      *profile;
  char               *user;
  GDateTime          *exported_at;
  QuorumExportFormat  format;
  char               *path;
  QuorumRecord       *record;      /* printing only */
  gboolean            error_shown;
  gboolean            printed_made; /* printing to a file: @path made by us, empty, to be 0600 */
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->parent);
  g_clear_pointer (&job->conference, quorum_conference_free);
  g_clear_pointer (&job->profile, quorum_profile_unref);
  g_clear_pointer (&job->exported_at, g_date_time_unref);
  g_clear_pointer (&job->record, quorum_record_free);
  g_free (job->user);
  g_free (job->path);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportJob, export_job_free)

static void
show_error (GtkWindow    *parent,
            const char   *heading,
            const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static ExportJob *
export_job_new (GtkWindow    *parent,
                QuorumStore  *store,
                gint64        conference_id,
                GError      **error)
{
  g_autoptr(ExportJob) job = g_new0 (ExportJob, 1);

  job->conference = quorum_store_load_conference (store, conference_id, error);
  if (job->conference == NULL)
    return NULL;

  job->parent = parent != NULL ? g_object_ref (parent) : NULL;
  /* The profile frozen with it; an unreadable one must not stop its record. */
  job->profile = quorum_store_get_conference_profile (store, conference_id, NULL);
  job->user = quorum_store_dup_shown_signer (store);
  job->exported_at = g_date_time_new_now_local ();

  return g_steal_pointer (&job);
}

/* ---- save ---- */

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GError) error = NULL;

  if (!quorum_export_conference (job->conference, job->profile, job->format,
                                 job->user, job->exported_at, job->path, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
save_done (GObject      *source_object,
           GAsyncResult *result,
           gpointer      user_data)
{
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      show_error (job->parent, _("The Record Was Not Saved"), error);
      return;
    }

  /* The export dialog opens here next time. */
  {
    g_autoptr(GSettings) settings = quorum_ui_settings_new ();
    g_autofree char *folder = g_path_get_dirname (job->path);

    if (settings != NULL)
      g_settings_set_string (settings, "export-folder", folder);
  }

  {
    g_autofree char *name = g_path_get_basename (job->path);
    g_autofree char *message = g_strdup_printf (_("Dissent record saved as “%s”"), name);

    quorum_ui_toast (GTK_WIDGET (job->parent), message);
  }
}

static GtkFileFilter *
add_filter (GtkFileChooser     *chooser,
            const char         *name,
            QuorumExportFormat  format)
{
  GtkFileFilter *filter = gtk_file_filter_new ();
  g_autofree char *pattern = g_strdup_printf ("*.%s", quorum_export_format_to_string (format));

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_mime_type (filter, quorum_export_format_get_mime_type (format));
  gtk_file_filter_add_pattern (filter, pattern);
  g_object_set_data (G_OBJECT (filter), "quorum-export-format", GINT_TO_POINTER (format + 1));
  gtk_file_chooser_add_filter (chooser, filter);
  g_object_unref (filter);

  return filter;
}

void
quorum_export_actions_save_to (GtkWindow          *parent,
                               QuorumStore        *store,
                               gint64              conference_id,
                               GFile              *file,
                               QuorumExportFormat  format)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ExportJob) job = NULL;
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (QUORUM_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  if (path == NULL)
    {
      error = g_error_new (QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                           _("Choose a folder on this computer."));
      show_error (parent, _("The Record Was Not Saved"), error);
      return;
    }

  /* Loaded now, on the main thread: the record says when it was exported, not when the
   * chooser opened. */
  job = export_job_new (parent, store, conference_id, &error);
  if (job == NULL)
    {
      show_error (parent, _("The Record Could Not Be Read"), error);
      return;
    }
  job->format = format;
  job->path = g_steal_pointer (&path);

  task = g_task_new (NULL, NULL, save_done, NULL);
  g_task_set_source_tag (task, quorum_export_actions_save_to);
  g_task_set_task_data (task, g_steal_pointer (&job), (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, save_thread);
}

/* What the chooser's answer needs: where to report, and which conference; and what to do
 * once the person's name is known (ask_name_then ()). */
typedef struct _ChooserData ChooserData;
typedef void (*NamedFunc) (ChooserData *data);

struct _ChooserData
{
  GtkWindow   *parent;
  QuorumStore *store;
  gint64       conference_id;
  NamedFunc    then;
};

static void
chooser_data_free (ChooserData *data)
{
  g_clear_object (&data->parent);
  g_clear_object (&data->store);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChooserData, chooser_data_free)

static void
chooser_response_cb (GtkNativeDialog *native,
                     int              response,
                     gpointer         user_data)
{
  g_autoptr(ChooserData) data = user_data;
  g_autoptr(GFile) file = NULL;
  g_autofree char *name = NULL;
  GtkFileFilter *filter;
  QuorumExportFormat format = QUORUM_EXPORT_PDF;

  if (response != GTK_RESPONSE_ACCEPT ||
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native))) == NULL)
    {
      g_object_unref (native);
      return;
    }

  filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (native));
  name = g_file_get_basename (file);

  /* The extension typed wins (a person who types "record.csv" wants CSV, whatever the
   * filter shows); else the filter chosen says, and gives the extension. */
  if (name == NULL || !quorum_export_format_from_path (name, &format))
    {
      int chosen = filter != NULL
                     ? GPOINTER_TO_INT (g_object_get_data (G_OBJECT (filter), "quorum-export-format"))
                     : 0;
      g_autoptr(GFile) parent_dir = g_file_get_parent (file);
      g_autofree char *with_extension = NULL;

      format = chosen > 0 ? (QuorumExportFormat) (chosen - 1) : QUORUM_EXPORT_PDF;
      with_extension = g_strdup_printf ("%s.%s", name != NULL ? name : "record",
                                        quorum_export_format_to_string (format));
      if (parent_dir != NULL)
        {
          g_object_unref (file);
          file = g_file_get_child (parent_dir, with_extension);
        }
    }
  g_object_unref (native);

  quorum_export_actions_save_to (data->parent, data->store, data->conference_id, file, format);
}

/* The format chosen in the chooser: the name follows it, while it still ends in another
 * format's extension ("conference-7-2026-12-01.pdf" becomes ".csv" when CSV is chosen). A name
 * with no extension of ours, or with the chosen one, is the person's and stays as it is. */
static void
chooser_filter_changed_cb (GtkFileChooser *chooser,
                           GParamSpec     *pspec,
                           gpointer        user_data)
{
  GtkFileFilter *filter = gtk_file_chooser_get_filter (chooser);
  g_autofree char *name = NULL;
  g_autofree char *renamed = NULL;
  QuorumExportFormat chosen;
  QuorumExportFormat named;
  int data;

  data = filter != NULL ? GPOINTER_TO_INT (g_object_get_data (G_OBJECT (filter), "quorum-export-format")) : 0;
  if (data <= 0)
    return;
  chosen = (QuorumExportFormat) (data - 1);

  name = gtk_file_chooser_get_current_name (chooser);
  if (name == NULL || !quorum_export_format_from_path (name, &named) || named == chosen)
    return;

  renamed = g_strdup_printf ("%.*s.%s", (int) (strrchr (name, '.') - name), name,
                             quorum_export_format_to_string (chosen));
  gtk_file_chooser_set_current_name (chooser, renamed);
}

/* The dialog GtkFileChooserNative shows when there is no portal (a GtkFileChooserDialog of its
 * own, not reachable through its API, whose filter choice it does not report until the answer):
 * the window holding @filter, or NULL (a portal's dialog is another process's). */
static GtkFileChooser *
find_fallback_chooser (GtkFileFilter *filter)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      g_autoptr(GListModel) filters = NULL;

      if (!GTK_IS_FILE_CHOOSER_DIALOG (window))
        continue;

      filters = gtk_file_chooser_get_filters (GTK_FILE_CHOOSER (window));
      for (guint j = 0; j < g_list_model_get_n_items (filters); j++)
        {
          g_autoptr(GtkFileFilter) held = g_list_model_get_item (filters, j);

          if (held == filter)
            return GTK_FILE_CHOOSER (window);
        }
    }

  return NULL;
}

/* The folder the export dialog opens in: the last one exported to, else the person's
 * Documents folder, else their home folder (never the working directory, which is Quorum's). */
static GFile *
export_folder (void)
{
  g_autoptr(GSettings) settings = quorum_ui_settings_new ();
  g_autofree char *last = settings != NULL ? g_settings_get_string (settings, "export-folder") : NULL;
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  if (last != NULL && *last != '\0' && g_file_test (last, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (last);
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (documents);

  return g_file_new_for_path (g_get_home_dir ());
}

/* The name a conference's record is offered under, without its extension:
 * "conference-7-2026-12-01". */
static char *
file_base_name (const QuorumConference *conference)
{
  g_autofree char *date = quorum_date_to_string (&conference->date);

  return g_strdup_printf ("conference-%" G_GINT64_FORMAT "-%s", conference->id,
                          date != NULL ? date : "undated");
}

static void
show_chooser (ChooserData *data)
{
  g_autoptr(QuorumConference) conference = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *native;
  GtkFileChooser *chooser;
  GtkFileFilter *pdf;

  /* Read once before asking where to save: a record that cannot be read is said at once. */
  conference = quorum_store_load_conference (data->store, data->conference_id, &error);
  if (conference == NULL)
    {
      show_error (data->parent, _("The Record Could Not Be Read"), error);
      chooser_data_free (data);
      return;
    }

  native = gtk_file_chooser_native_new (_("Export the Dissent Record"), data->parent,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  chooser = GTK_FILE_CHOOSER (native);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  pdf = add_filter (chooser, _("PDF document, to circulate"), QUORUM_EXPORT_PDF);
  add_filter (chooser, _("CSV spreadsheet, one row per group’s view"), QUORUM_EXPORT_CSV);
  add_filter (chooser, _("JSON, the whole record"), QUORUM_EXPORT_JSON);
  add_filter (chooser, _("Plain text, for the minutes"), QUORUM_EXPORT_TEXT);
  gtk_file_chooser_set_filter (chooser, pdf);

  folder = export_folder ();
  if (!gtk_file_chooser_set_current_folder (chooser, folder, &error))
    g_debug ("The export dialog could not open in its folder: %s", error->message);

  base = file_base_name (conference);
  name = g_strconcat (base, ".pdf", NULL);
  gtk_file_chooser_set_current_name (chooser, name);

  /* GTK's own dialog (no portal): the name follows the format chosen, before the person
   * presses Export and is asked whether to replace the file of that name. */
  {
    GtkFileChooser *fallback = find_fallback_chooser (pdf);

    if (fallback != NULL)
      g_signal_connect (fallback, "notify::filter", G_CALLBACK (chooser_filter_changed_cb), NULL);
  }

  g_signal_connect (native, "response", G_CALLBACK (chooser_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* ---- the person's name, asked once ---- */

static void
name_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  ChooserData      *data)
{
  g_autofree char *name = quorum_ui_dialog_dup_name (dialog);

  /* Cancelled (the button, Escape, the window closed): no export, nothing kept. */
  if (g_strcmp0 (response, "continue") != 0 || name == NULL)
    {
      chooser_data_free (data);
      return;
    }

  quorum_ui_keep_name (data->store, name);

  data->then (data);
}

/* Asks the person's name when the record would otherwise name the login (quorum_ui_needs_name ()),
 * then does @then; cancelled, does nothing. @data is @then's, or freed. */
static void
ask_name_then (ChooserData *data,
               NamedFunc    then)
{
  const char *real_name = quorum_ui_account_real_name ();
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  data->then = then;
  if (!quorum_ui_needs_name (data->store))
    {
      then (data);
      return;
    }

  /* TRANSLATORS: %s is the computer's login, e.g. "root" */
  body = g_strdup_printf (_("The record names who exported it. Without your name it would say “%s”, "
                            "this computer’s login. Your name is kept for every record from now on; "
                            "you can change it in Preferences."),
                          g_get_user_name ());
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (data->parent, _("Your Name for the Record"), body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "continue", _("C_ontinue"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "continue", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "continue");
  adw_message_dialog_set_close_response (dialog, "cancel");

  /* The account's real name, offered; GLib says "Unknown" when it has none, and one that is
   * the login again (root's is "root") is the name this dialog is here to replace. */
  entry = quorum_ui_name_entry_new (dialog, "continue", real_name);
  gtk_widget_set_name (entry, "export-name-entry");
  adw_message_dialog_set_extra_child (dialog, entry);
  g_signal_connect (dialog, "response", G_CALLBACK (name_response_cb), data);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static ChooserData *
chooser_data_new (GtkWindow   *parent,
                  QuorumStore *store,
                  gint64       conference_id)
{
  ChooserData *data = g_new0 (ChooserData, 1);

  data->parent = parent != NULL ? g_object_ref (parent) : NULL;
  data->store = g_object_ref (store);
  data->conference_id = conference_id;

  return data;
}

void
quorum_export_actions_save (GtkWindow   *parent,
                            QuorumStore *store,
                            gint64       conference_id)
{
  g_autoptr(QuorumConference) conference = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (QUORUM_IS_STORE (store));

  /* Read once before asking anything: a record that cannot be read is said at once. */
  conference = quorum_store_load_conference (store, conference_id, &error);
  if (conference == NULL)
    {
      show_error (parent, _("The Record Could Not Be Read"), error);
      return;
    }

  ask_name_then (chooser_data_new (parent, store, conference_id), show_chooser);
}

/* ---- print ---- */

/* The file a print goes to, or NULL for a printer: the operation's export file, or the file
 * "Print to File" writes (the print dialog sets the output URI in the settings it returns; the
 * file backend, given none, builds it from the folder, name and format, as here). */
static char *
printed_file (GtkPrintOperation *operation)
{
  GtkPrintSettings *settings = gtk_print_operation_get_print_settings (operation);
  g_autofree char *export_filename = NULL;
  const char *uri;

  g_object_get (operation, "export-filename", &export_filename, NULL);
  if (export_filename != NULL)
    return g_steal_pointer (&export_filename);
  if (settings == NULL)
    return NULL;
  uri = gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_URI);
  if (uri != NULL)
    return g_str_has_prefix (uri, "file:") ? g_filename_from_uri (uri, NULL, NULL) : NULL;
  if (g_strcmp0 (gtk_print_settings_get_printer (settings), g_dgettext ("gtk40", "Print to File")) == 0)
    {
      const char *dir = gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_DIR);
      const char *base = gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME);
      const char *format = gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT);
      g_autofree char *name = NULL;

      if (dir == NULL || base == NULL || !g_path_is_absolute (dir))
        return NULL;
      name = g_strdup_printf ("%s.%s", base, format != NULL ? format : "pdf");
      return g_build_filename (dir, name, NULL);
    }
  return NULL;
}

/* A printed copy of the record is a record about children, as an export is: readable by its
 * owner only (0600). GTK writes it with the default mode (0644 under the usual umask): the
 * file is made 0600 before GTK writes into it (GLib's replacing keeps the mode of the file it
 * replaces), and made so again once printed. */
static void
make_printed_private (ExportJob  *job,
                      const char *path,
                      gboolean    before)
{
  GStatBuf st;

  if (path == NULL)
    return;
  if (g_lstat (path, &st) == 0)
    {
      if (S_ISREG (st.st_mode) && (st.st_mode & 0777) != 0600)
        g_chmod (path, 0600);
      return;
    }
  if (before && errno == ENOENT)
    {
      int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

      if (fd >= 0)
        {
          fchmod (fd, 0600);
          close (fd);
          job->printed_made = TRUE;
        }
    }
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                gpointer           user_data)
{
  ExportJob *job = user_data;
  PangoContext *pango = quorum_record_create_pdf_context (gtk_print_context_get_cairo_context (context));

  /* The settings are the ones chosen by now: where a file goes is known. */
  g_clear_pointer (&job->path, g_free);
  job->path = printed_file (operation);
  make_printed_private (job, job->path, TRUE);

  /* The same layout pass as the PDF, with the PDF's fonts and unhinted metrics: paper and
   * file break their pages in the same places. */
  quorum_record_paginate (job->record, pango,
                          gtk_print_context_get_width (context),
                          gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, quorum_record_get_n_pages (job->record));
  g_object_unref (pango);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              gpointer           user_data)
{
  ExportJob *job = user_data;

  quorum_record_draw_page (job->record, gtk_print_context_get_cairo_context (context), page);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               gpointer                 user_data)
{
  ExportJob *job = user_data;

  if (job->path != NULL)
    {
      GStatBuf st;

      /* Nothing printed: the empty file made for it goes. */
      if (result != GTK_PRINT_OPERATION_RESULT_APPLY && result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS &&
          job->printed_made && g_stat (job->path, &st) == 0 && st.st_size == 0)
        g_unlink (job->path);
      else
        make_printed_private (job, job->path, FALSE);
    }

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      if (error != NULL && !job->error_shown)
        show_error (job->parent, _("The Record Was Not Printed"), error);
      job->error_shown = TRUE;
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY && job->path != NULL)
    {
      /* Printed to a file: where it went, as an export says where it saved. */
      g_autofree char *where = g_strdup_printf (_("Dissent record printed to %s"), job->path);

      quorum_ui_toast (GTK_WIDGET (job->parent), where);
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    quorum_ui_toast (GTK_WIDGET (job->parent), _("Dissent record sent to the printer"));
}

/* "Print to File" writes the file after "done", from the main loop: once it has, the mode
 * is made sure of again. */
static void
print_status_cb (GtkPrintOperation *operation,
                 gpointer           user_data)
{
  ExportJob *job = user_data;

  if (job->path != NULL && gtk_print_operation_get_status (operation) == GTK_PRINT_STATUS_FINISHED)
    make_printed_private (job, job->path, FALSE);
}

GtkPrintOperation *
quorum_export_actions_new_print_operation (GtkWindow    *parent,
                                           QuorumStore  *store,
                                           gint64        conference_id,
                                           GError      **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autoptr(GtkPaperSize) a4 = NULL;
  g_autofree char *job_name = NULL;
  ExportJob *job;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (QUORUM_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  job = export_job_new (parent, store, conference_id, error);
  if (job == NULL)
    return NULL;
  job->record = quorum_record_new (job->conference, job->profile, job->user, job->exported_at);

  operation = gtk_print_operation_new ();
  /* Points and the whole sheet: the record keeps its own filing margins, as in the PDF. */
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  setup = gtk_page_setup_new ();
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_allow_async (operation, TRUE);
  job_name = g_strdup_printf (_("Dissent record, conference %lld"), (long long) conference_id);
  gtk_print_operation_set_job_name (operation, job_name);

  /* "Print to File" offers the export's folder and name, not "output.pdf" in the folder
   * Quorum was started from. */
  {
    g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
    g_autoptr(GFile) folder = export_folder ();
    g_autofree char *folder_path = g_file_get_path (folder);
    g_autofree char *base = file_base_name (job->conference);

    /* A path: GTK's file printer joins it with the name as a file name (a URI there left
     * its File empty, and nothing was printed). */
    gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_DIR, folder_path);
    gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, base);
    gtk_print_operation_set_print_settings (operation, settings);
  }

  /* The job lives as long as the operation, which lives until "done". */
  g_object_set_data_full (G_OBJECT (operation), "quorum-export-job", job,
                          (GDestroyNotify) export_job_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);
  g_signal_connect (operation, "done", G_CALLBACK (print_done_cb), job);
  g_signal_connect (operation, "status-changed", G_CALLBACK (print_status_cb), job);

  return g_steal_pointer (&operation);
}

static void
print_named (ChooserData *data)
{
  g_autoptr(ChooserData) owned = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  GtkWindow *parent = data->parent;
  ExportJob *job;

  operation = quorum_export_actions_new_print_operation (parent, data->store, data->conference_id, &error);
  if (operation == NULL)
    {
      show_error (parent, _("The Record Could Not Be Read"), error);
      return;
    }
  job = g_object_get_data (G_OBJECT (operation), "quorum-export-job");

  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               parent, &error) == GTK_PRINT_OPERATION_RESULT_ERROR &&
      error != NULL && !job->error_shown)
    {
      show_error (parent, _("The Record Was Not Printed"), error);
      job->error_shown = TRUE;
    }
}

void
quorum_export_actions_print (GtkWindow   *parent,
                             QuorumStore *store,
                             gint64       conference_id)
{
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (QUORUM_IS_STORE (store));

  /* The printed record names who printed it ("Exported … by"), as the file does. */
  ask_name_then (chooser_data_new (parent, store, conference_id), print_named);
}
