/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-ui-util.c: small helpers the app's widgets share. */

#define G_LOG_DOMAIN "quorum-ui"

#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "quorum-text-field.h"
#include "quorum-ui-util.h"
#include "quorum-vote-card.h"
#include "quorum-window.h"

#define SCHEMA_ID "io.github.quorum_app.quorum"
/* Quorum's first application id; its settings are copied once into SCHEMA_ID. */
#define PREVIOUS_SCHEMA_ID "org.gnome.Quorum"
#define PREVIOUS_SCHEMA_PATH "/org/gnome/Quorum/"

static GSettingsSchema *
lookup_schema (GSettingsSchemaSource *source,
               const char            *id)
{
  GSettingsSchema *schema = NULL;

  /* Installed, or (run from the build tree) where $GSETTINGS_SCHEMA_DIR points. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, id, TRUE);

  return schema;
}

/* Copies, once, what a person set under the first id: from its own schema when that is still
 * installed, else by reading its path through the relocatable copy of its keys. */
static void
migrate_previous_settings (GSettingsSchemaSource *source,
                           GSettings             *settings)
{
  g_autoptr(GSettingsSchema) previous = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) old = NULL;
  g_auto(GStrv) keys = NULL;

  if (g_settings_get_boolean (settings, "settings-migrated"))
    return;

  g_object_get (settings, "settings-schema", &schema, NULL);
  previous = lookup_schema (source, PREVIOUS_SCHEMA_ID);
  if (previous != NULL)
    old = g_settings_new_full (previous, NULL, NULL);
  else if ((previous = lookup_schema (source, SCHEMA_ID ".previous")) != NULL)
    old = g_settings_new_full (previous, NULL, PREVIOUS_SCHEMA_PATH);

  if (old != NULL)
    keys = g_settings_schema_list_keys (previous);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      g_autoptr(GVariant) value = g_settings_get_user_value (old, keys[i]);
      g_autoptr(GSettingsSchemaKey) key = NULL;

      if (value == NULL || !g_settings_schema_has_key (schema, keys[i]))
        continue;
      key = g_settings_schema_get_key (schema, keys[i]);
      if (g_variant_is_of_type (value, g_settings_schema_key_get_value_type (key)) &&
          g_settings_schema_key_range_check (key, value))
        g_settings_set_value (settings, keys[i], value);
    }

  g_settings_set_boolean (settings, "settings-migrated", TRUE);
}

GSettings *
quorum_ui_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = lookup_schema (source, SCHEMA_ID);
  GSettings *settings;

  if (schema == NULL)
    {
      g_message ("The settings schema %s is not installed: Quorum will not remember where you were", SCHEMA_ID);
      return NULL;
    }

  settings = g_settings_new_full (schema, NULL, NULL);
  migrate_previous_settings (source, settings);

  return settings;
}

/* Whether a record written now would name this computer's login as who did it: no name in the
 * Preferences and a database of this computer's. On a shared database the actor is the server's
 * user, named as the server knows them: never asked over. */
gboolean
quorum_ui_needs_name (QuorumStore *store)
{
  g_autoptr(GSettings) settings = quorum_ui_settings_new ();
  g_autofree char *name = settings != NULL ? g_settings_get_string (settings, "chair-name") : NULL;

  g_return_val_if_fail (QUORUM_IS_STORE (store), FALSE);

  if (name != NULL && *g_strstrip (name) != '\0')
    return FALSE;
  if (quorum_store_is_shared (store))
    return FALSE;

  return g_strcmp0 (quorum_store_get_signer (store), g_get_user_name ()) == 0;
}

/* Keeps @name where the Preferences keep it: the record names the person from now on, and each
 * window's own handler of the setting names them too. */
void
quorum_ui_keep_name (QuorumStore *store,
                     const char  *name)
{
  g_autoptr(GSettings) settings = quorum_ui_settings_new ();

  g_return_if_fail (QUORUM_IS_STORE (store));
  g_return_if_fail (name != NULL && *name != '\0');

  if (settings != NULL)
    g_settings_set_string (settings, "chair-name", name);
  quorum_store_set_signer (store, name);
}

/* The name in @entry, checked as the store checks every name (blank, too long, a character
 * that would deceive a reader): @entry's response is on only while it passes, and why not is
 * said on its problem line, when it has one, once something is typed. */
static void
name_entry_changed_cb (GtkEditable      *entry,
                       AdwMessageDialog *dialog)
{
  g_autofree char *name = quorum_ui_editable_get_text (entry);
  const char *response = g_object_get_data (G_OBJECT (entry), "quorum-response");
  GtkLabel *problem = g_object_get_data (G_OBJECT (entry), "quorum-name-problem");
  g_autoptr(GError) error = NULL;
  gboolean ok = quorum_check_text (name, _("Your name"), TRUE, QUORUM_MAX_NAME, &error);

  adw_message_dialog_set_response_enabled (dialog, response, ok);
  if (problem != NULL)
    {
      /* Blank is said by the response being off, not by a line in red before anything is typed. */
      gtk_label_set_text (problem, !ok && name != NULL ? error->message : "");
      gtk_widget_set_visible (GTK_WIDGET (problem), !ok && name != NULL);
    }
}

/* An entry for the person's name in @dialog, offering @offered (or nothing): @response is on
 * only while it holds a name the record takes (made after @dialog's responses), and Enter in it
 * gives the default response. The caller places it; quorum_ui_dialog_dup_name () reads it. */
GtkWidget *
quorum_ui_name_entry_new (AdwMessageDialog *dialog,
                          const char       *response,
                          const char       *offered)
{
  GtkWidget *entry = gtk_entry_new ();

  g_return_val_if_fail (ADW_IS_MESSAGE_DIALOG (dialog), NULL);

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Your name"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  quorum_ui_set_accessible_label (entry, _("Your name"));
  if (offered != NULL)
    gtk_editable_set_text (GTK_EDITABLE (entry), offered);

  g_object_set_data_full (G_OBJECT (entry), "quorum-response", g_strdup (response), g_free);
  g_object_set_data (G_OBJECT (dialog), "quorum-name-entry", entry);
  g_signal_connect (entry, "changed", G_CALLBACK (name_entry_changed_cb), dialog);
  name_entry_changed_cb (GTK_EDITABLE (entry), dialog);

  return entry;
}

/* The name typed in @dialog's entry, trimmed; NULL when the dialog asked none, or it is blank or
 * a name the record would refuse. */
char *
quorum_ui_dialog_dup_name (AdwMessageDialog *dialog)
{
  GtkWidget *entry = g_object_get_data (G_OBJECT (dialog), "quorum-name-entry");
  g_autofree char *name = entry != NULL ? quorum_ui_editable_get_text (GTK_EDITABLE (entry)) : NULL;

  if (!quorum_check_text (name, _("Your name"), TRUE, QUORUM_MAX_NAME, NULL))
    return NULL;
  return g_steal_pointer (&name);
}

/* What was to be recorded when the name was asked: the action, run again once it is given. */
typedef struct
{
  GtkWidget *widget;
  char      *action_name;
  GVariant  *param;
  char      *cancel_action_name;   /* given back the words when cancelled; NULL: they are still shown */
} AskedAction;

static void
asked_action_free (AskedAction *asked)
{
  g_clear_object (&asked->widget);
  g_free (asked->action_name);
  g_free (asked->cancel_action_name);
  g_clear_pointer (&asked->param, g_variant_unref);
  g_free (asked);
}

typedef struct
{
  QuorumStore *store;
  GPtrArray   *actions;   /* of AskedAction, in the order they were asked for */
} AskName;

/* The question open now: one at a time. A record asked for while it is open (a reason box
 * committed as the focus left it, and the action that took the focus) waits for its answer. */
static AskName *asking;

static void
ask_name_free (AskName *ask)
{
  /* Gone unanswered (its window destroyed): the next record asks again. */
  if (asking == ask)
    asking = NULL;
  g_clear_object (&ask->store);
  g_clear_pointer (&ask->actions, g_ptr_array_unref);
  g_free (ask);
}

static void
ask_name_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      AskName          *ask)
{
  g_autofree char *name = quorum_ui_dialog_dup_name (dialog);

  if (asking == ask)
    asking = NULL;

  if (g_strcmp0 (response, "continue") == 0 && name != NULL)
    {
      quorum_ui_keep_name (ask->store, name);
      /* The same actions again, now naming them; their forms are as they were (the dialog is
       * modal), and so are the words typed. */
      for (guint i = 0; i < ask->actions->len; i++)
        {
          AskedAction *asked = g_ptr_array_index (ask->actions, i);

          if (gtk_widget_get_root (asked->widget) != NULL)
            gtk_widget_activate_action_variant (asked->widget, asked->action_name, asked->param);
        }
    }
  else
    {
      /* Cancelled (the button, Escape, the window closed): nothing written, nothing kept, and
       * said, calmly; the words typed stay where they were typed. */
      AskedAction *first = ask->actions->len > 0 ? g_ptr_array_index (ask->actions, 0) : NULL;

      if (first != NULL && gtk_widget_get_root (first->widget) != NULL)
        quorum_ui_toast (first->widget,
                         _("Nothing recorded: the record needs your name first. What you typed is still there."));
      /* Words typed in a dialog that has closed (a correction) are given back in it. */
      for (guint i = 0; i < ask->actions->len; i++)
        {
          AskedAction *asked = g_ptr_array_index (ask->actions, i);

          if (asked->cancel_action_name != NULL && gtk_widget_get_root (asked->widget) != NULL)
            gtk_widget_activate_action_variant (asked->widget, asked->cancel_action_name, asked->param);
        }
    }
}

const char *
quorum_ui_account_real_name (void)
{
  const char *real_name = g_get_real_name ();

  if (real_name == NULL || *real_name == '\0' || g_strcmp0 (real_name, "Unknown") == 0 ||
      g_strcmp0 (real_name, g_get_user_name ()) == 0)
    return NULL;
  return real_name;
}

gboolean
quorum_ui_ask_name_first (GtkWidget   *widget,
                          QuorumStore *store,
                          const char  *action_name,
                          GVariant    *param)
{
  return quorum_ui_ask_name_first_full (widget, store, action_name, param, NULL);
}

gboolean
quorum_ui_ask_name_first_full (GtkWidget   *widget,
                               QuorumStore *store,
                               const char  *action_name,
                               GVariant    *param,
                               const char  *cancel_action_name)
{
  const char *real_name = quorum_ui_account_real_name ();
  GtkRoot *root;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *box;
  GtkWidget *caption;
  GtkWidget *entry;
  GtkWidget *problem;
  AskedAction *asked;
  AskName *ask;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (QUORUM_IS_STORE (store), FALSE);
  g_return_val_if_fail (action_name != NULL, FALSE);

  if (!quorum_ui_needs_name (store))
    return FALSE;

  asked = g_new0 (AskedAction, 1);
  asked->widget = g_object_ref (widget);
  asked->action_name = g_strdup (action_name);
  asked->param = param != NULL ? g_variant_ref_sink (param) : NULL;
  asked->cancel_action_name = g_strdup (cancel_action_name);

  /* Asked already, and not yet answered: this waits for the same answer. */
  if (asking != NULL)
    {
      g_ptr_array_add (asking->actions, asked);
      return TRUE;
    }

  root = gtk_widget_get_root (widget);
  /* TRANSLATORS: %s is the computer's login, e.g. "root" */
  body = g_strdup_printf (_("The record names who wrote it. Without your name it would say “%s”, "
                            "this computer’s login. Your name is kept for every record from now on; "
                            "you can change it in Preferences."),
                          g_get_user_name ());
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Your Name for the Record"), body));
  gtk_widget_set_name (GTK_WIDGET (dialog), "record-name-dialog");
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "continue", _("C_ontinue"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "continue", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "continue");
  adw_message_dialog_set_close_response (dialog, "cancel");

  /* The account's real name, offered, but not "Unknown" nor the login again (root's is "root"). */
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  entry = quorum_ui_name_entry_new (dialog, "continue", real_name);
  gtk_widget_set_name (entry, "record-name-entry");
  caption = gtk_label_new_with_mnemonic (_("Your _name, as the record will give it"));
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
  gtk_widget_add_css_class (caption, "heading");
  gtk_label_set_mnemonic_widget (GTK_LABEL (caption), entry);
  quorum_ui_set_accessible_label (entry, _("Your name, as the record will give it"));
  /* Why Continue is off, said as the store would say it. */
  problem = gtk_label_new (NULL);
  gtk_widget_set_name (problem, "record-name-problem");
  gtk_label_set_xalign (GTK_LABEL (problem), 0);
  gtk_label_set_wrap (GTK_LABEL (problem), TRUE);
  gtk_widget_add_css_class (problem, "caption");
  gtk_widget_add_css_class (problem, "error");
  gtk_widget_set_visible (problem, FALSE);
  g_object_set_data (G_OBJECT (entry), "quorum-name-problem", problem);
  gtk_box_append (GTK_BOX (box), caption);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), problem);
  adw_message_dialog_set_extra_child (dialog, box);

  ask = g_new0 (AskName, 1);
  ask->store = g_object_ref (store);
  ask->actions = g_ptr_array_new_with_free_func ((GDestroyNotify) asked_action_free);
  g_ptr_array_add (ask->actions, asked);
  asking = ask;
  g_object_set_data_full (G_OBJECT (dialog), "quorum-ask", ask, (GDestroyNotify) ask_name_free);
  g_signal_connect (dialog, "response", G_CALLBACK (ask_name_response_cb), ask);

  gtk_window_present (GTK_WINDOW (dialog));
  /* In the name, the caret after the name offered: keys the chair goes on typing land there,
   * seen, and Continue waits for a name the record takes. */
  quorum_ui_focus_at_end (entry);

  return TRUE;
}

static gboolean
have_render_node (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return FALSE;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *node = g_build_filename (path, name, NULL);

      /* A node this person may not open (not in its group, a container) draws nothing. */
      if (g_str_has_prefix (name, "renderD") && g_access (node, R_OK | W_OK) == 0)
        return TRUE;
    }
  return FALSE;
}

static char     *person_gdk_debug;
static gboolean  gdk_debug_changed;

void
quorum_ui_choose_renderer (void)
{
  const char *dri = g_getenv ("QUORUM_DRI_DIR");

  /* GTK 4.8 draws with GL whenever a GL context can be made, and Mesa makes one on any machine:
   * llvmpipe, rasterising on the CPU, spends about four times cairo's CPU on Quorum's screens
   * and a third of a second compiling shaders at start. $QUORUM_DRI_DIR lets the tests point at
   * a folder of their own. */
  if (g_getenv ("GSK_RENDERER") != NULL)
    return;
  if (!have_render_node (dri != NULL && *dri != '\0' ? dri : "/dev/dri"))
    {
      const char *debug = g_getenv ("GDK_DEBUG");
      g_autofree char *with_gl_disabled = NULL;

      g_setenv ("GSK_RENDERER", "cairo", TRUE);
      /* GTK 4.8 on X11 still makes a GL context as it opens the display, to choose the
       * window's visual, although the cairo renderer never draws with it: Mesa's llvmpipe and
       * LLVM loaded (some 40 libraries), about 130 ms of CPU and 60 MiB at every start, for
       * nothing. GDK_DEBUG=gl-disable is GTK 4.8's only way to say so (its "gl-disable" is
       * read in every build); the window gets a plain 32-bit visual instead of a GL one, and
       * the same pixels. Once the display is open, quorum_ui_renderer_chosen () gives the
       * person's own flags back, for the programs Quorum opens. */
      with_gl_disabled = debug != NULL && *debug != '\0' ? g_strconcat (debug, ",gl-disable", NULL)
                                                          : g_strdup ("gl-disable");
      g_free (person_gdk_debug);
      person_gdk_debug = g_strdup (debug);
      gdk_debug_changed = TRUE;
      g_setenv ("GDK_DEBUG", with_gl_disabled, TRUE);
    }
}

void
quorum_ui_renderer_chosen (void)
{
  /* GTK has read GDK_DEBUG as it opened the display: a program Quorum opens (a browser from
   * the About window) starts with the person's own flags, not with GL disabled. */
  if (!gdk_debug_changed)
    return;
  if (person_gdk_debug != NULL)
    g_setenv ("GDK_DEBUG", person_gdk_debug, TRUE);
  else
    g_unsetenv ("GDK_DEBUG");
  g_clear_pointer (&person_gdk_debug, g_free);
  gdk_debug_changed = FALSE;
}

gsize
quorum_ui_strftime (char        *buf,
                    gsize        len,
                    const char  *format,
                    const GDate *date)
{
  g_autofree char *text = quorum_date_format (date, format);

  if (text == NULL || strlen (text) >= len)
    return 0;

  return g_strlcpy (buf, text, len);
}

static QuorumWindow *
find_window (GtkWidget *widget)
{
  GtkRoot *root;

  if (widget == NULL)
    return NULL;

  if (QUORUM_IS_WINDOW (widget))
    return QUORUM_WINDOW (widget);

  root = gtk_widget_get_root (widget);
  while (root != NULL && !QUORUM_IS_WINDOW (root) && GTK_IS_WINDOW (root))
    {
      GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (root));

      root = parent != NULL ? GTK_ROOT (parent) : NULL;
    }

  return root != NULL && QUORUM_IS_WINDOW (root) ? QUORUM_WINDOW (root) : NULL;
}

void
quorum_ui_set_marker_shown (GtkWidget *marker,
                            gboolean   shown)
{
  g_return_if_fail (GTK_IS_WIDGET (marker));

  gtk_widget_set_visible (marker, TRUE);
  gtk_widget_set_opacity (marker, shown ? 1.0 : 0.0);
  gtk_widget_set_can_target (marker, shown);
  gtk_accessible_update_state (GTK_ACCESSIBLE (marker), GTK_ACCESSIBLE_STATE_HIDDEN, !shown, -1);
}

gboolean
quorum_ui_get_marker_shown (GtkWidget *marker)
{
  return marker != NULL && gtk_widget_is_drawable (marker) && gtk_widget_get_opacity (marker) > 0.0;
}

void
quorum_ui_toast (GtkWidget  *widget,
                 const char *message)
{
  QuorumWindow *window = find_window (widget);

  g_return_if_fail (message != NULL);

  if (window != NULL)
    quorum_window_add_toast (window, message);
  else
    g_message ("%s", message);
}

void
quorum_ui_toast_about (GtkWidget *first,
                       GtkWidget *last)
{
  QuorumWindow *window = find_window (first);

  if (window != NULL)
    quorum_window_toast_about (window, first, last);
}

char *
quorum_ui_describe_error (GtkWidget    *widget,
                          const GError *error)
{
  GtkRoot *root;

  g_return_val_if_fail (error != NULL, NULL);

  /* The shared record's server gone: the window says so plainly, and this was not recorded. */
  root = widget != NULL ? gtk_widget_get_root (widget) : NULL;
  if (root != NULL && QUORUM_IS_WINDOW (root))
    {
      quorum_window_check_store_failure (QUORUM_WINDOW (root));
      if (quorum_window_get_offline (QUORUM_WINDOW (root)))
        return g_strdup (_("Not recorded: the server cannot be reached"));
    }

  if (g_error_matches (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE))
    return g_strdup_printf (_("Nothing was written: %s"), error->message);

  return g_strdup (error->message);
}

void
quorum_ui_show_error (GtkWidget    *widget,
                      const GError *error)
{
  g_autofree char *message = NULL;

  g_return_if_fail (error != NULL);

  message = quorum_ui_describe_error (widget, error);
  quorum_ui_toast (widget, message);
}

char *
quorum_ui_format_date (const GDate *date)
{
  char buf[128];

  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");

  /* Translators: a date as the chair reads it, see strftime(3): "Tuesday 20 January 2026" */
  if (quorum_ui_strftime (buf, sizeof buf, _("%A %-d %B %Y"), date) == 0)
    return quorum_date_to_string (date);

  return g_strdup (buf);
}

char *
quorum_ui_format_date_day_off (const GDate  *date,
                               QuorumDayOff  day_off,
                               QuorumRegion  region)
{
  g_autofree char *text = quorum_ui_format_date (date);
  const char *label = quorum_day_off_get_label (day_off, region);

  if (label == NULL || *text == '\0')
    return g_steal_pointer (&text);
  /* Translators: a date given on a day off, then "a Saturday", "a bank holiday in England and
   * Wales": "Saturday 5 December 2026 (a Saturday, not a working day)" */
  return g_strdup_printf (_("%s (%s, not a working day)"), text, label);
}

char *
quorum_ui_describe_sent (const GDate  *sent,
                         const char   *by,
                         const char   *means,
                         QuorumDayOff  day_off,
                         QuorumRegion  region,
                         gboolean      late)
{
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;

  if (sent == NULL || !g_date_valid (sent))
    return g_strdup ("");

  date = quorum_ui_format_date_day_off (sent, day_off, region);
  if (means != NULL && *means != '\0' && by != NULL && *by != '\0')
    /* Translators: the date sent, how, who sent it: "Thursday 3 December 2026 by secure email, sent by J. Okafor" */
    text = g_strdup_printf (_("%s by %s, sent by %s"), date, means, by);
  else if (means != NULL && *means != '\0')
    /* Translators: the date sent, then how: "Thursday 3 December 2026 by secure email" */
    text = g_strdup_printf (C_("sent by means", "%s by %s"), date, means);
  else if (by != NULL && *by != '\0')
    text = g_strdup_printf (_("%s by %s"), date, by);
  else
    text = g_steal_pointer (&date);

  if (late)
    return g_strdup_printf (_("%s — sent late, after its due date"), text);
  return g_steal_pointer (&text);
}

char *
quorum_ui_format_timestamp (const char *iso)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (iso == NULL)
    return g_strdup ("");

  utc = g_date_time_new_from_iso8601 (iso, NULL);
  if (utc == NULL)
    return g_strdup (iso);

  local = g_date_time_to_local (utc);
  /* Translators: when something was recorded, see g_date_time_format(): "20 Jan 2026, 10:14" */
  return quorum_date_time_format (local, _("%-d %b %Y, %H:%M"));
}

char *
quorum_ui_format_categories (guint categories)
{
  static const QuorumCategory all[] = {
    QUORUM_CATEGORY_NEGLECT, QUORUM_CATEGORY_PHYSICAL,
    QUORUM_CATEGORY_EMOTIONAL, QUORUM_CATEGORY_SEXUAL,
  };
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      if ((categories & all[i]) == 0)
        continue;
      if (out->len > 0)
        g_string_append (out, _(", "));
      g_string_append (out, quorum_category_get_label (all[i]));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
quorum_ui_amended_note (const QuorumConference  *conference,
                        const char              *record,
                        const char              *field,
                        const char              *original,
                        const char             **current)
{
  guint number = 0;

  *current = original;
  if (quorum_conference_last_amendment (conference, record, field, &number) == NULL)
    return NULL;

  *current = quorum_conference_current_value (conference, record, field, original);
  /* Translators: under a value corrected after sign-off, the value as signed off:
   * "Amended after sign-off (amendment 1); the original: “Two referrals”" */
  return g_strdup_printf (_("Amended after sign-off (amendment %u); the original: “%s”"),
                          number, original != NULL ? original : "");
}

char *
quorum_ui_format_view (QuorumView view,
                       guint      categories)
{
  g_autofree char *cats = NULL;

  switch (view)
    {
    case QUORUM_VIEW_PLAN:
      cats = quorum_ui_format_categories (categories);
      if (*cats != '\0')
        /* Translators: a plan view with its categories of abuse */
        return g_strdup_printf (_("Plan (%s)"), cats);
      return g_strdup (_("Plan"));

    case QUORUM_VIEW_NO_PLAN:
      return g_strdup (_("No plan"));

    case QUORUM_VIEW_DECLINE:
      return g_strdup (_("Declined to give a view"));

    case QUORUM_VIEW_NONE:
    default:
      return g_strdup (_("No view yet"));
    }
}

char *
quorum_ui_referral_correction_text (const QuorumReferralCorrection *c,
                                    gboolean                       *reasons_only)
{
  QuorumReferralField field;
  gboolean known = quorum_referral_field_from_string (c->field, &field);
  const char *label = known ? quorum_referral_field_get_label (field) : c->field;
  const char *old_value = c->old_value ? c->old_value : "—";
  const char *new_value = c->new_value;
  g_autofree char *old_date = NULL;
  g_autofree char *new_date = NULL;
  QuorumPanelOutcome outcome;
  GDate date;

  /* An outcome in words, as the form offers it, not the store's id; a date as the page shows
   * every other ("Monday 30 November 2026"), not as it is stored. */
  if (known && field == QUORUM_REFERRAL_FIELD_OUTCOME)
    {
      if (c->old_value != NULL && quorum_panel_outcome_from_string (c->old_value, &outcome))
        old_value = quorum_panel_outcome_get_label (outcome);
      if (quorum_panel_outcome_from_string (c->new_value, &outcome))
        new_value = quorum_panel_outcome_get_label (outcome);
    }
  else if (known)
    {
      if (c->old_value != NULL && quorum_date_parse (c->old_value, NULL, &date, NULL))
        old_value = old_date = quorum_ui_format_date (&date);
      if (quorum_date_parse (c->new_value, NULL, &date, NULL))
        new_value = new_date = quorum_ui_format_date (&date);
    }

  if (reasons_only != NULL)
    *reasons_only = known && field == QUORUM_REFERRAL_FIELD_OUTCOME && g_strcmp0 (c->old_value, c->new_value) == 0;
  if (known && field == QUORUM_REFERRAL_FIELD_OUTCOME && g_strcmp0 (c->old_value, c->new_value) == 0)
    /* The same outcome with other reasons (the old ones are kept in the record's audit).
     * Translators: "Panel outcome: Other, its reasons corrected (Minuted wrongly)" */
    return g_strdup_printf (_("%s: %s, its reasons corrected (%s)"), label, new_value, c->reason);

  /* Translators: "Panel outcome: Plan ended → Plan confirmed (Minuted wrongly)" */
  return g_strdup_printf (_("%s: %s → %s (%s)"), label, old_value, new_value, c->reason);
}

void
quorum_ui_set_accessible_label (GtkWidget  *widget,
                                const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

char *
quorum_ui_editable_get_text (GtkEditable *editable)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (editable));

  g_strstrip (text);
  if (*text == '\0')
    return NULL;

  return g_steal_pointer (&text);
}

gboolean
quorum_ui_focus_at_end (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  if (QUORUM_IS_TEXT_FIELD (widget))
    widget = GTK_WIDGET (quorum_text_field_get_view (QUORUM_TEXT_FIELD (widget)));

  if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter end;

      if (!gtk_widget_grab_focus (widget))
        return FALSE;
      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_place_cursor (buffer, &end);
      gtk_text_view_scroll_mark_onscreen (GTK_TEXT_VIEW (widget), gtk_text_buffer_get_insert (buffer));
      return TRUE;
    }

  if (GTK_IS_EDITABLE (widget))
    {
      GtkEditable *editable = GTK_EDITABLE (widget);
      GtkEditable *text = editable;

      /* An entry, an entry row or a spin button hands its text to a GtkText. */
      while (!GTK_IS_TEXT (text) && gtk_editable_get_delegate (text) != NULL)
        text = gtk_editable_get_delegate (text);
      if (GTK_IS_TEXT (text))
        {
          if (!gtk_text_grab_focus_without_selecting (GTK_TEXT (text)))
            return FALSE;
        }
      else if (!gtk_widget_grab_focus (widget))
        return FALSE;
      gtk_editable_set_position (editable, -1);
      return TRUE;
    }

  return gtk_widget_grab_focus (widget);
}

gboolean
quorum_ui_save_screenshot (GtkWidget   *widget,
                           const char  *path,
                           GError     **error)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;
  GskRenderer *renderer;
  GtkNative *native;
  graphene_rect_t bounds;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  native = gtk_widget_get_native (widget);
  renderer = native != NULL ? gtk_native_get_renderer (native) : NULL;
  if (renderer == NULL || width <= 0 || height <= 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The window is not drawn yet, so there is nothing to save"));
      return FALSE;
    }

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The window drew nothing"));
      return FALSE;
    }

  graphene_rect_init (&bounds, 0, 0, width, height);
  texture = gsk_renderer_render_texture (renderer, node, &bounds);

  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write the screenshot to %s"), path);
      return FALSE;
    }

  return TRUE;
}

GtkWidget *
quorum_ui_find_named (GtkWidget  *root,
                      const char *name)
{
  g_return_val_if_fail (GTK_IS_WIDGET (root), NULL);

  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = quorum_ui_find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

void
quorum_ui_set_sensitive (GtkWidget *widget,
                         gboolean   sensitive)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (!sensitive && root != NULL)
    {
      GtkWidget *focus = gtk_root_get_focus (root);

      if (focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget)))
        gtk_root_set_focus (root, NULL);
    }

  gtk_widget_set_sensitive (widget, sensitive);
}

static void
collect_modified (GtkWidget *widget,
                  GPtrArray *fields,
                  GPtrArray *cards)
{
  if (QUORUM_IS_TEXT_FIELD (widget) && quorum_text_field_get_modified (QUORUM_TEXT_FIELD (widget)))
    g_ptr_array_add (fields, g_object_ref (widget));
  if (QUORUM_IS_VOTE_CARD (widget))
    g_ptr_array_add (cards, g_object_ref (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_modified (child, fields, cards);
}

void
quorum_ui_commit_pending (GtkWidget *scope)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) cards = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (GTK_IS_WIDGET (scope));

  /* Gathered first: a commit stores, and the record reloaded may rebuild the widgets. */
  collect_modified (scope, fields, cards);

  for (guint i = 0; i < fields->len; i++)
    {
      QuorumTextField *field = g_ptr_array_index (fields, i);

      if (quorum_text_field_get_modified (field) && gtk_widget_get_root (GTK_WIDGET (field)) != NULL)
        quorum_text_field_commit (field);
    }

  /* Then the representatives' own reasons, with the group's view they may take categories from
   * recorded first. A card the reload took away records nothing (its rows are gone). */
  for (guint i = 0; i < cards->len; i++)
    {
      QuorumVoteCard *card = g_ptr_array_index (cards, i);

      if (gtk_widget_get_root (GTK_WIDGET (card)) != NULL)
        quorum_vote_card_commit_pending (card);
    }
}

char *
quorum_ui_get_chair_name (void)
{
  g_autoptr(GSettings) settings = quorum_ui_settings_new ();
  g_autofree char *name = settings != NULL ? g_settings_get_string (settings, "chair-name") : NULL;
  const char *real_name = g_get_real_name ();

  if (name != NULL)
    g_strstrip (name);
  if (name != NULL && *name != '\0')
    return g_steal_pointer (&name);

  if (real_name != NULL && *real_name != '\0' && g_strcmp0 (real_name, "Unknown") != 0)
    return g_strdup (real_name);

  return g_strdup (g_get_user_name ());
}

/* The chair a new conference is offered: the name in Preferences, else the last chair a
 * conference was created under here; NULL when neither (the login is no chair's name). */
char *
quorum_ui_get_default_chair (void)
{
  g_autoptr(GSettings) settings = quorum_ui_settings_new ();
  const char *keys[] = { "chair-name", "last-chair" };

  for (guint i = 0; settings != NULL && i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *name = g_settings_get_string (settings, keys[i]);

      g_strstrip (name);
      if (*name != '\0')
        return g_steal_pointer (&name);
    }

  return NULL;
}

void
quorum_ui_remember_last_chair (const char *chair)
{
  g_autoptr(GSettings) settings = quorum_ui_settings_new ();

  if (settings != NULL && chair != NULL)
    g_settings_set_string (settings, "last-chair", chair);
}

/* ---- accessible names GTK 4.8 gets wrong ---- */

/* "A_dd Attendee" → "Add Attendee"; "__" keeps one underscore. */
static char *
strip_mnemonic (const char *label)
{
  GString *out = g_string_new (NULL);

  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_')
        {
          if (p[1] == '_')
            g_string_append_c (out, '_');
          else
            continue;
          p++;
          continue;
        }
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/* GTK 4.8 names a button with a mnemonic twice, by its raw label ("A_dd Attendee") and by the
 * label inside it ("Add Attendee"): a screen reader reads "A_dd Attendee Add Attendee". */
static void
name_mnemonic_button (GtkWidget *button)
{
  g_autofree char *label = NULL;
  gboolean use_underline = FALSE;

  g_object_get (button, "label", &label, "use-underline", &use_underline, NULL);
  if (label == NULL || !use_underline)
    return;

  {
    g_autofree char *plain = strip_mnemonic (label);

    gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, plain, -1);
  }
}

static void
mnemonic_button_changed_cb (GtkWidget  *button,
                            GParamSpec *pspec,
                            gpointer    user_data)
{
  name_mnemonic_button (button);
}

static GtkWidget *
first_label (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (!gtk_widget_get_visible (child))
        continue;
      if (GTK_IS_LABEL (child))
        return child;
      if ((found = first_label (child)) != NULL)
        return found;
    }

  return NULL;
}

static void
fix_accessible_name (GtkWidget *widget)
{
  GtkAccessibleRole role;

  if (g_object_get_data (G_OBJECT (widget), "quorum-a11y-named") != NULL)
    return;

  if ((GTK_IS_BUTTON (widget) && !GTK_IS_LINK_BUTTON (widget)) || GTK_IS_CHECK_BUTTON (widget))
    {
      g_object_set_data (G_OBJECT (widget), "quorum-a11y-named", GINT_TO_POINTER (1));
      name_mnemonic_button (widget);
      g_signal_connect (widget, "notify::label", G_CALLBACK (mnemonic_button_changed_cb), NULL);
      g_signal_connect (widget, "notify::use-underline", G_CALLBACK (mnemonic_button_changed_cb), NULL);

      /* A drop-down's button is named for the drop-down and the value it shows. */
      if (GTK_IS_DROP_DOWN (gtk_widget_get_parent (widget)))
        gtk_accessible_update_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                        gtk_widget_get_parent (widget), first_label (widget), NULL, -1);
      return;
    }

  /* A row of a list, a table or a board is named by its first label (GTK 4.8 names it by
   * nothing). Preference rows name themselves. */
  role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget));
  if ((role == GTK_ACCESSIBLE_ROLE_LIST_ITEM || role == GTK_ACCESSIBLE_ROLE_ROW ||
       role == GTK_ACCESSIBLE_ROLE_GRID_CELL || role == GTK_ACCESSIBLE_ROLE_CELL) &&
      !ADW_IS_PREFERENCES_ROW (widget))
    {
      GtkWidget *label = first_label (widget);

      if (label == NULL)
        return;
      g_object_set_data (G_OBJECT (widget), "quorum-a11y-named", GINT_TO_POINTER (1));
      gtk_accessible_update_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                      label, NULL, -1);
    }
  else
    /* Nothing to name, now or later (a widget's role is set as it is made): not asked again at
     * the next walk or realize (GTK 4.8 reads the role through a GObject property, a tenth of
     * building a child's panel). */
    g_object_set_data (G_OBJECT (widget), "quorum-a11y-named", GINT_TO_POINTER (2));
}

static void
fix_accessible_names_in (GtkWidget *widget)
{
  fix_accessible_name (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    fix_accessible_names_in (child);
}

static gboolean
realize_hook (GSignalInvocationHint *hint,
              guint                  n_values,
              const GValue          *values,
              gpointer               user_data)
{
  GObject *object = g_value_get_object (&values[0]);

  /* A dialog's tree as a whole: it holds buttons it never shows (AdwMessageDialog's squeezer). */
  if (GTK_IS_WINDOW (object))
    fix_accessible_names_in (GTK_WIDGET (object));
  else if (GTK_IS_WIDGET (object))
    fix_accessible_name (GTK_WIDGET (object));

  return TRUE;
}

void
quorum_ui_fix_accessible_names (GtkWidget *root)
{
  static gsize hooked = 0;

  /* Widgets shown later (rows, dialogs' buttons) are named as they are realized. */
  if (g_once_init_enter (&hooked))
    {
      g_signal_add_emission_hook (g_signal_lookup ("realize", GTK_TYPE_WIDGET), 0, realize_hook, NULL, NULL);
      g_once_init_leave (&hooked, 1);
    }

  if (root != NULL)
    fix_accessible_names_in (root);
}

/* ---- long lists: rows for the screen, not for GTK 4.8's 200 ---- */

typedef struct
{
  GtkSliceListModel *slice;        /* owns this */
  GtkAdjustment     *adjustment;
  guint              grow;
  guint              source;
} SliceGrower;

static gboolean
slice_near_end (SliceGrower *grower)
{
  GListModel *model = gtk_slice_list_model_get_model (grower->slice);

  if (model == NULL || gtk_slice_list_model_get_size (grower->slice) >= g_list_model_get_n_items (model))
    return FALSE;
  return gtk_adjustment_get_value (grower->adjustment) + 2 * gtk_adjustment_get_page_size (grower->adjustment) >=
         gtk_adjustment_get_upper (grower->adjustment);
}

static gboolean
slice_grow_cb (gpointer user_data)
{
  SliceGrower *grower = user_data;

  grower->source = 0;
  if (slice_near_end (grower))
    gtk_slice_list_model_set_size (grower->slice, gtk_slice_list_model_get_size (grower->slice) + grower->grow);
  return G_SOURCE_REMOVE;
}

/* Scrolled, or the rows or the viewport changed size: grown in an idle, not while the view
 * is being laid out. */
static void
slice_adjustment_cb (GtkAdjustment *adjustment,
                     SliceGrower   *grower)
{
  if (grower->source == 0 && slice_near_end (grower))
    grower->source = g_idle_add (slice_grow_cb, grower);
}

static void
slice_grower_free (gpointer data)
{
  SliceGrower *grower = data;

  g_clear_handle_id (&grower->source, g_source_remove);
  g_signal_handlers_disconnect_by_data (grower->adjustment, grower);
  g_object_unref (grower->adjustment);
  g_free (grower);
}

GtkSliceListModel *
quorum_ui_slice_for_view (GListModel    *model,
                          GtkScrollable *view,
                          guint          rows,
                          guint          grow)
{
  GtkSliceListModel *slice = gtk_slice_list_model_new (g_object_ref (model), 0, rows);
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (view);
  SliceGrower *grower;

  g_return_val_if_fail (GTK_IS_ADJUSTMENT (adjustment), slice);

  grower = g_new0 (SliceGrower, 1);
  grower->slice = slice;
  grower->adjustment = g_object_ref (adjustment);
  grower->grow = grow;
  g_signal_connect (adjustment, "changed", G_CALLBACK (slice_adjustment_cb), grower);
  g_signal_connect (adjustment, "value-changed", G_CALLBACK (slice_adjustment_cb), grower);
  g_object_set_data_full (G_OBJECT (slice), "quorum-slice-grower", grower, slice_grower_free);
  return slice;
}

void
quorum_ui_slice_reach (GtkSliceListModel *slice,
                       guint              position)
{
  SliceGrower *grower;

  g_return_if_fail (GTK_IS_SLICE_LIST_MODEL (slice));

  grower = g_object_get_data (G_OBJECT (slice), "quorum-slice-grower");
  if (position != GTK_INVALID_LIST_POSITION && position >= gtk_slice_list_model_get_size (slice))
    gtk_slice_list_model_set_size (slice, position + (grower != NULL ? grower->grow : 1));
}

/* ---- policy names in a drop-down ---- */

typedef struct
{
  GtkWidget *chooser;   /* weak: it owns the factories */
  GPtrArray *profiles;
} PolicyNames;

static void
policy_names_clear (gpointer data)
{
  PolicyNames *names = data;

  g_clear_weak_pointer (&names->chooser);
  g_ptr_array_unref (names->profiles);
}

static void
policy_names_release (gpointer data)
{
  g_rc_box_release_full (data, policy_names_clear);
}

/* The short name of the profile an item names, or the item's own words (e.g. "All policies"). */
static char *
policy_short_name (PolicyNames *names,
                   const char  *full)
{
  for (guint i = 0; i < names->profiles->len; i++)
    {
      QuorumProfile *profile = g_ptr_array_index (names->profiles, i);

      if (g_strcmp0 (full, profile->name != NULL ? profile->name : profile->id) == 0)
        return quorum_profile_dup_short_name (profile);
    }
  return g_strdup (full);
}

static const char *
item_text (GtkListItem *list_item)
{
  GObject *item = gtk_list_item_get_item (list_item);

  return GTK_IS_STRING_OBJECT (item) ? gtk_string_object_get_string (GTK_STRING_OBJECT (item)) : "";
}

static void
chosen_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 PolicyNames              *names)
{
  GtkWidget *squeezer = adw_squeezer_new ();
  GtkWidget *full = gtk_label_new (NULL);
  GtkWidget *short_name = gtk_label_new (NULL);

  /* The whole name where the row has room for it, else the name up to its colon. */
  gtk_label_set_xalign (GTK_LABEL (full), 0);
  gtk_label_set_xalign (GTK_LABEL (short_name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (short_name), PANGO_ELLIPSIZE_END);
  adw_squeezer_add (ADW_SQUEEZER (squeezer), full);
  adw_squeezer_add (ADW_SQUEEZER (squeezer), short_name);
  adw_squeezer_set_xalign (ADW_SQUEEZER (squeezer), 0);
  gtk_list_item_set_child (list_item, squeezer);
}

static void
chosen_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                PolicyNames              *names)
{
  GtkWidget *squeezer = gtk_list_item_get_child (list_item);
  GtkWidget *full = gtk_widget_get_first_child (squeezer);
  GtkWidget *short_name = gtk_widget_get_next_sibling (full);
  g_autofree char *text = policy_short_name (names, item_text (list_item));

  gtk_label_set_text (GTK_LABEL (full), item_text (list_item));
  gtk_label_set_text (GTK_LABEL (short_name), text);
  gtk_widget_set_tooltip_text (squeezer, item_text (list_item));
}

static void
short_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                PolicyNames              *names)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
short_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               PolicyNames              *names)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  g_autofree char *text = policy_short_name (names, item_text (list_item));

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, item_text (list_item));
}

static void
listed_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 PolicyNames              *names)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  /* Every name whole in the list, on two lines where it is long. A drop-down's list is as wide
   * as its items' least width: 26 characters keep it readable and inside a 360 px window. */
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
  gtk_label_set_width_chars (GTK_LABEL (label), 26);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_item_set_child (list_item, box);
}

static void
listed_selected_cb (GObject     *chooser,
                    GParamSpec  *pspec,
                    GtkListItem *list_item)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  g_autoptr(GObject) selected = NULL;

  g_object_get (chooser, "selected-item", &selected, NULL);
  gtk_widget_set_opacity (gtk_widget_get_last_child (box),
                          selected != NULL && selected == gtk_list_item_get_item (list_item) ? 1 : 0);
}

static void
listed_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                PolicyNames              *names)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);

  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (box)), item_text (list_item));
  if (names->chooser == NULL)
    return;
  g_signal_connect (names->chooser, "notify::selected-item", G_CALLBACK (listed_selected_cb), list_item);
  listed_selected_cb (G_OBJECT (names->chooser), NULL, list_item);
}

static void
listed_unbind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  PolicyNames              *names)
{
  if (names->chooser != NULL)
    g_signal_handlers_disconnect_by_func (names->chooser, listed_selected_cb, list_item);
}

/* Each factory holds its own reference to @names: either may be replaced or go first. */
static GtkListItemFactory *
policy_factory (PolicyNames *names,
                GCallback    setup,
                GCallback    bind,
                GCallback    unbind)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", setup, names);
  g_signal_connect (factory, "bind", bind, names);
  if (unbind != NULL)
    g_signal_connect (factory, "unbind", unbind, names);
  g_object_set_data_full (G_OBJECT (factory), "quorum-policy-names", g_rc_box_acquire (names),
                          policy_names_release);

  return factory;
}

/* The same list, for any chooser of words (no policies in it): every item whole. */
void
quorum_ui_show_whole_items (GtkWidget *chooser)
{
  g_autoptr(GtkListItemFactory) listed = NULL;
  PolicyNames *names;

  g_return_if_fail (ADW_IS_COMBO_ROW (chooser) || GTK_IS_DROP_DOWN (chooser));

  names = g_rc_box_new0 (PolicyNames);
  g_set_weak_pointer (&names->chooser, chooser);
  names->profiles = g_ptr_array_new ();
  listed = policy_factory (names, G_CALLBACK (listed_setup_cb), G_CALLBACK (listed_bind_cb),
                           G_CALLBACK (listed_unbind_cb));
  policy_names_release (names);

  if (ADW_IS_COMBO_ROW (chooser))
    adw_combo_row_set_list_factory (ADW_COMBO_ROW (chooser), listed);
  else
    gtk_drop_down_set_list_factory (GTK_DROP_DOWN (chooser), listed);
}

void
quorum_ui_show_policy_names (GtkWidget *chooser,
                             GPtrArray *profiles,
                             gboolean   whole_when_room)
{
  g_autoptr(GtkListItemFactory) chosen = NULL;
  g_autoptr(GtkListItemFactory) listed = NULL;
  PolicyNames *names;

  g_return_if_fail (ADW_IS_COMBO_ROW (chooser) || GTK_IS_DROP_DOWN (chooser));
  g_return_if_fail (profiles != NULL);

  names = g_rc_box_new0 (PolicyNames);
  g_set_weak_pointer (&names->chooser, chooser);
  names->profiles = g_ptr_array_ref (profiles);

  listed = policy_factory (names, G_CALLBACK (listed_setup_cb), G_CALLBACK (listed_bind_cb),
                           G_CALLBACK (listed_unbind_cb));
  chosen = whole_when_room
    ? policy_factory (names, G_CALLBACK (chosen_setup_cb), G_CALLBACK (chosen_bind_cb), NULL)
    : policy_factory (names, G_CALLBACK (short_setup_cb), G_CALLBACK (short_bind_cb), NULL);
  /* The factories hold it now. */
  policy_names_release (names);

  if (ADW_IS_COMBO_ROW (chooser))
    {
      adw_combo_row_set_list_factory (ADW_COMBO_ROW (chooser), listed);
      adw_combo_row_set_factory (ADW_COMBO_ROW (chooser), chosen);
    }
  else
    {
      gtk_drop_down_set_list_factory (GTK_DROP_DOWN (chooser), listed);
      gtk_drop_down_set_factory (GTK_DROP_DOWN (chooser), chosen);
    }
}

gboolean
quorum_ui_takes_words (GtkWidget *focus)
{
  if (GTK_IS_TEXT (focus))
    return gtk_editable_get_editable (GTK_EDITABLE (focus)) && gtk_widget_is_sensitive (focus);
  if (GTK_IS_TEXT_VIEW (focus))
    return gtk_text_view_get_editable (GTK_TEXT_VIEW (focus)) && gtk_widget_is_sensitive (focus);
  return FALSE;
}
