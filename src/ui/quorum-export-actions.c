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
  char               *languages;   /* chosen for this export ("cy", "en", "cy,en"), or NULL */
  GDateTime          *exported_at;
  QuorumExportFormat  format;
  char               *path;
  QuorumRecord       *record;      /* printing only */
  gboolean            error_shown;
  gboolean            printed_made; /* printing to a file: @path made by us, empty, to be 0600 */
  gboolean            previewed;    /* Preview chosen in the print dialog: nothing goes to a printer */
  char               *previewer;    /* the previewer GTK starts (gtk-print-preview-command), NULL: none found */
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
  g_free (job->languages);
  g_free (job->path);
  g_free (job->previewer);
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

/* @exporter: who this export names (NULL: the store's signer); @languages: the record's (NULL:
 * as the Record Language menu, the policy or the desktop says). */
static ExportJob *
export_job_new (GtkWindow    *parent,
                QuorumStore  *store,
                gint64        conference_id,
                const char   *exporter,
                const char   *languages,
                GError      **error)
{
  g_autoptr(ExportJob) job = g_new0 (ExportJob, 1);

  job->conference = quorum_store_load_conference (store, conference_id, error);
  if (job->conference == NULL)
    return NULL;

  job->parent = parent != NULL ? g_object_ref (parent) : NULL;
  /* The profile frozen with it; an unreadable one must not stop its record. */
  job->profile = quorum_store_get_conference_profile (store, conference_id, NULL);
  job->user = exporter != NULL ? g_strdup (exporter) : quorum_store_dup_shown_signer (store);
  job->languages = g_strdup (languages);
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
  gboolean saved;

  /* This export's language, in this thread only: the menu's choice stays the app's. */
  quorum_export_set_thread_record_languages (job->languages);
  saved = quorum_export_conference (job->conference, job->profile, job->format,
                                    job->user, job->exported_at, job->path, &error);
  quorum_export_set_thread_record_languages (NULL);

  if (!saved)
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

static void
save_as (GtkWindow          *parent,
         QuorumStore        *store,
         gint64              conference_id,
         const char         *exporter,
         const char         *languages,
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
  job = export_job_new (parent, store, conference_id, exporter, languages, &error);
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

void
quorum_export_actions_save_to (GtkWindow          *parent,
                               QuorumStore        *store,
                               gint64              conference_id,
                               GFile              *file,
                               QuorumExportFormat  format)
{
  save_as (parent, store, conference_id, NULL, NULL, file, format);
}

/* What the chooser's answer needs: where to report, and which conference; and what to do
 * once who exports it and its language are known (ask_export_then ()). */
typedef struct _ChooserData ChooserData;
typedef void (*NamedFunc) (ChooserData *data);

struct _ChooserData
{
  GtkWindow   *parent;
  QuorumStore *store;
  gint64       conference_id;
  NamedFunc    then;
  char        *exporter;   /* named in the export dialog for this export only, or NULL */
  char        *languages;  /* chosen in the export dialog */
};

static void
chooser_data_free (ChooserData *data)
{
  g_clear_object (&data->parent);
  g_clear_object (&data->store);
  g_free (data->exporter);
  g_free (data->languages);
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

  save_as (data->parent, data->store, data->conference_id, data->exporter, data->languages, file, format);
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

/* @text made safe for a file name: letters and digits (of any script) kept, every other run of
 * characters one "-", none at either end; at most 60 characters. */
static void
append_safe (GString    *out,
             const char *text)
{
  gboolean dash = FALSE;
  guint kept = 0;

  for (const char *p = text; p != NULL && *p != '\0' && kept < 60; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        {
          if (dash && out->len > 0 && out->str[out->len - 1] != '_')
            g_string_append_c (out, '-');
          dash = FALSE;
          g_string_append_unichar (out, c);
          kept++;
        }
      else
        dash = TRUE;
    }
}

/* The name a conference's record is offered under, without its extension: its case reference,
 * else the children's family names, and its date ("BOL-2026-0412_2026-12-02",
 * "Jones_2026-11-20"); with neither, "conference-7_2026-12-01". */
static char *
file_base_name (const QuorumConference *conference)
{
  g_autofree char *date = quorum_date_to_string (&conference->date);
  g_autoptr(GPtrArray) families = g_ptr_array_new_with_free_func (g_free);
  GString *name = g_string_new (NULL);
  gboolean by_ref;

  append_safe (name, conference->case_ref);
  by_ref = name->len > 0;
  for (guint i = 0; conference->children != NULL && i < conference->children->len; i++)
    {
      const QuorumChild *child = g_ptr_array_index (conference->children, i);
      g_autofree char *trimmed = g_strstrip (g_strdup (child->name != NULL ? child->name : ""));
      const char *space = strrchr (trimmed, ' ');
      const char *family = space != NULL ? space + 1 : trimmed;

      if (*family != '\0' && !g_ptr_array_find_with_equal_func (families, family, g_str_equal, NULL))
        g_ptr_array_add (families, g_strdup (family));
    }
  /* No case reference: the families (three at most, a sibling group's one name once). */
  for (guint i = 0; !by_ref && i < families->len && i < 3; i++)
    {
      if (name->len > 0 && name->str[name->len - 1] != '-')
        g_string_append_c (name, '-');
      append_safe (name, g_ptr_array_index (families, i));
    }
  /* A name of children wholly other than letters (or none): the conference's number. */
  if (name->len == 0)
    g_string_append_printf (name, "conference-%" G_GINT64_FORMAT, conference->id);

  g_string_append_printf (name, "_%s", date != NULL ? date : "undated");

  return g_string_free (name, FALSE);
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

/* ---- who exports it, and in which language ---- */

/* The record's languages the dialog offers, in its order: the CLI's --language words. */
static const char * const language_codes[] = { "en", "cy", "cy,en" };

static GtkWidget *
dialog_heading (const char *mnemonic,
                GtkWidget  *widget,
                gboolean    first)
{
  GtkWidget *heading = gtk_label_new_with_mnemonic (mnemonic);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_mnemonic_widget (GTK_LABEL (heading), widget);
  if (!first)
    gtk_widget_set_margin_top (heading, 12);
  return heading;
}

static GtkWidget *
dialog_note (const char *text)
{
  GtkWidget *note = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (note), 0);
  gtk_label_set_wrap (GTK_LABEL (note), TRUE);
  gtk_widget_add_css_class (note, "caption");
  gtk_widget_add_css_class (note, "dim-label");
  return note;
}

/* The name as the store would take it (core's checks: blank, too long, a character that
 * could make it read as something else), said under the field; Continue only with one. */
static gboolean
check_exporter (AdwMessageDialog  *dialog,
                char             **name_out)
{
  GtkWidget *entry = g_object_get_data (G_OBJECT (dialog), "quorum-exporter");
  GtkLabel *problem = g_object_get_data (G_OBJECT (dialog), "quorum-exporter-problem");
  g_autofree char *name = quorum_ui_editable_get_text (GTK_EDITABLE (entry));
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = quorum_check_text (name, _("The name of who exports the record"), TRUE, QUORUM_MAX_NAME, &error);
  /* Blank is said by Continue being off, not by a line in red before anything is typed. */
  gtk_label_set_text (problem, !ok && name != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (problem), !ok && name != NULL);
  adw_message_dialog_set_response_enabled (dialog, "continue", ok);
  if (ok && name_out != NULL)
    *name_out = g_steal_pointer (&name);
  return ok;
}

static void
exporter_changed_cb (GtkEditable      *editable,
                     AdwMessageDialog *dialog)
{
  check_exporter (dialog, NULL);
}

static void
export_dialog_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           ChooserData      *data)
{
  GtkDropDown *languages = g_object_get_data (G_OBJECT (dialog), "quorum-languages");
  g_autofree char *name = NULL;
  guint chosen;

  /* Cancelled (the button, Escape, the window closed): no export, nothing kept. */
  if (g_strcmp0 (response, "continue") != 0 || !check_exporter (dialog, &name))
    {
      chooser_data_free (data);
      return;
    }

  /* With no name kept, the name given is kept, as every form that asks it keeps it. A name
   * kept and another given: that person exports, and the name kept stays as it was. */
  if (quorum_ui_needs_name (data->store))
    quorum_ui_keep_name (data->store, name);
  else
    {
      g_autofree char *shown = quorum_store_dup_shown_signer (data->store);

      /* On a shared database the name offered is the login's given name (admin grant --name). */
      if (g_strcmp0 (name, quorum_store_get_signer (data->store)) != 0 && g_strcmp0 (name, shown) != 0)
        data->exporter = g_steal_pointer (&name);
    }

  chosen = gtk_drop_down_get_selected (languages);
  if (chosen < G_N_ELEMENTS (language_codes))
    data->languages = g_strdup (language_codes[chosen]);

  data->then (data);
}

/* Asks who exports the record (the name kept offered; another written there is for this export
 * only; with none kept, required, and kept) and the record's language (as the Record Language
 * menu, the policy or the desktop says, offered), then does @then; cancelled, does nothing.
 * @data is @then's, or freed. @printing: for Print…, else Export…. */
static void
ask_export_then (ChooserData *data,
                 NamedFunc    then,
                 gboolean     printing)
{
  gboolean needs_name = quorum_ui_needs_name (data->store);
  g_autoptr(QuorumProfile) profile = quorum_store_get_conference_profile (data->store, data->conference_id, NULL);
  g_autofree char *languages = quorum_export_default_record_languages (profile);
  g_autoptr(GtkStringList) language_names = gtk_string_list_new (NULL);
  AdwMessageDialog *dialog;
  GtkWidget *box;
  GtkWidget *entry;
  GtkWidget *problem;
  GtkWidget *dropdown;
  const char *offered;
  g_autofree char *shown = NULL;

  data->then = then;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (data->parent,
                                                       printing ? _("Print the Dissent Record")
                                                                : _("Export the Dissent Record"),
                                                       _("The record says who exported it, and when. "
                                                         "It is written in the language chosen here.")));
  gtk_widget_set_name (GTK_WIDGET (dialog), "export-dialog");
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "continue", printing ? _("_Print…") : _("C_hoose File…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "continue", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "continue");
  adw_message_dialog_set_close_response (dialog, "cancel");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  /* Who exports: the name kept on this computer offered (on a shared database with none kept,
   * the server's user, who the record named before), and with none kept the account's real
   * name, never the login (root's is "root"). */
  if (!needs_name)
    shown = quorum_store_dup_shown_signer (data->store);
  offered = needs_name ? quorum_ui_account_real_name () : shown;
  entry = gtk_entry_new ();
  gtk_widget_set_name (entry, "exported-by-entry");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  if (offered != NULL)
    gtk_editable_set_text (GTK_EDITABLE (entry), offered);
  gtk_box_append (GTK_BOX (box), dialog_heading (_("Exported _by"), entry, TRUE));
  gtk_box_append (GTK_BOX (box), entry);
  /* Why Continue is off, said as the store would say it. */
  problem = dialog_note (NULL);
  gtk_widget_set_name (problem, "exported-by-problem");
  gtk_widget_remove_css_class (problem, "dim-label");
  gtk_widget_add_css_class (problem, "error");
  gtk_widget_set_visible (problem, FALSE);
  gtk_box_append (GTK_BOX (box), problem);
  gtk_box_append (GTK_BOX (box),
                  dialog_note (needs_name
                                 ? _("Written on the record, and kept for every record from now on.")
                                 : _("Written on this record only. A name written here does not change the name kept in Preferences.")));

  /* Its language: a Bolton record exported from a Welsh desktop is not Welsh without saying. */
  gtk_string_list_append (language_names, "English");
  gtk_string_list_append (language_names, "Cymraeg");
  gtk_string_list_append (language_names, _("Cymraeg and English (Welsh first)"));
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&language_names)), NULL);
  gtk_widget_set_name (dropdown, "record-language-dropdown");
  for (guint i = 0; i < G_N_ELEMENTS (language_codes); i++)
    if (g_strcmp0 (languages, language_codes[i]) == 0 ||
        (g_strcmp0 (languages, "en,cy") == 0 && i == 2))
      gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), i);
  gtk_box_append (GTK_BOX (box), dialog_heading (_("Language of the _record"), dropdown, FALSE));
  gtk_box_append (GTK_BOX (box), dropdown);
  gtk_box_append (GTK_BOX (box),
                  dialog_note (printing
                                 ? _("The record’s own words, such as each agency’s reasons, stay as they were written.")
                                 : _("For the PDF and the plain text. The record’s own words, such as each agency’s reasons, "
                                     "stay as they were written; CSV and JSON have no language of their own.")));

  adw_message_dialog_set_extra_child (dialog, box);
  g_object_set_data (G_OBJECT (dialog), "quorum-exporter", entry);
  g_object_set_data (G_OBJECT (dialog), "quorum-exporter-problem", problem);
  g_object_set_data (G_OBJECT (dialog), "quorum-languages", dropdown);
  g_signal_connect (entry, "changed", G_CALLBACK (exporter_changed_cb), dialog);
  check_exporter (dialog, NULL);
  g_signal_connect (dialog, "response", G_CALLBACK (export_dialog_response_cb), data);

  gtk_window_present (GTK_WINDOW (dialog));
  quorum_ui_focus_at_end (entry);
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

  ask_export_then (chooser_data_new (parent, store, conference_id), show_chooser, FALSE);
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

/* Preview, chosen in the print dialog: GTK renders the record to a PDF and starts the
 * previewer its settings name ("gtk-print-preview-command", Evince by default), and says
 * "done" with APPLY whether or not that program exists. What happened is said from whether it
 * does; GTK's own preview goes on (FALSE). */
static gboolean
preview_cb (GtkPrintOperation        *operation,
            GtkPrintOperationPreview *preview,
            GtkPrintContext          *context,
            GtkWindow                *parent,
            gpointer                  user_data)
{
  ExportJob *job = user_data;
  g_autofree char *command = NULL;
  g_auto(GStrv) argv = NULL;

  job->previewed = TRUE;
  g_clear_pointer (&job->previewer, g_free);
  g_object_get (gtk_settings_get_default (), "gtk-print-preview-command", &command, NULL);
  if (command != NULL && g_shell_parse_argv (command, NULL, &argv, NULL) && argv[0] != NULL)
    {
      g_autofree char *found = g_find_program_in_path (argv[0]);

      if (found != NULL)
        job->previewer = g_path_get_basename (argv[0]);
    }
  return FALSE;
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
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY && job->previewed && job->previewer == NULL)
    {
      g_autoptr(GError) error =
        g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                             _("This computer has no program to show a print preview. Nothing was "
                               "previewed or printed: choose a printer, or Print to File, or "
                               "export the record as a PDF and open it."));

      show_error (job->parent, _("No Print Preview"), error);
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY && job->previewed)
    {
      /* Translators: the print preview was handed to the previewer: "Print preview opened in evince;
       * nothing was printed" */
      g_autofree char *words = g_strdup_printf (_("Print preview opened in %s; nothing was printed"),
                                                job->previewer);

      quorum_ui_toast (GTK_WIDGET (job->parent), words);
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

static GtkPrintOperation *
new_print_operation (GtkWindow    *parent,
                     QuorumStore  *store,
                     gint64        conference_id,
                     const char   *exporter,
                     const char   *languages,
                     GError      **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autoptr(GtkPaperSize) a4 = NULL;
  g_autofree char *job_name = NULL;
  ExportJob *job;

  job = export_job_new (parent, store, conference_id, exporter, languages, error);
  if (job == NULL)
    return NULL;
  /* The record's words are made here, in the language chosen for this print. */
  quorum_export_set_thread_record_languages (job->languages);
  job->record = quorum_record_new (job->conference, job->profile, job->user, job->exported_at);
  quorum_export_set_thread_record_languages (NULL);

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
  g_signal_connect (operation, "preview", G_CALLBACK (preview_cb), job);
  g_signal_connect (operation, "done", G_CALLBACK (print_done_cb), job);
  g_signal_connect (operation, "status-changed", G_CALLBACK (print_status_cb), job);

  return g_steal_pointer (&operation);
}

GtkPrintOperation *
quorum_export_actions_new_print_operation (GtkWindow    *parent,
                                           QuorumStore  *store,
                                           gint64        conference_id,
                                           GError      **error)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (QUORUM_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return new_print_operation (parent, store, conference_id, NULL, NULL, error);
}

static void
print_named (ChooserData *data)
{
  g_autoptr(ChooserData) owned = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  GtkWindow *parent = data->parent;
  ExportJob *job;

  operation = new_print_operation (parent, data->store, data->conference_id, data->exporter, data->languages, &error);
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
  ask_export_then (chooser_data_new (parent, store, conference_id), print_named, TRUE);
}
