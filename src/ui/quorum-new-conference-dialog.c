/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-new-conference-dialog.c: creates a conference. */

#define G_LOG_DOMAIN "quorum-new-conference"

#include <glib/gi18n.h>

#include "quorum-draft.h"
#include "quorum-new-conference-dialog.h"
#include "quorum-ui-util.h"

struct _QuorumNewConferenceDialog
{
  AdwWindow            parent_instance;

  QuorumStore         *store;
  GPtrArray           *profiles;      /* QuorumProfile*, in the order of profile_row */
  GPtrArray           *child_rows;    /* AdwEntryRow* */
  QuorumDraft         *draft;         /* the form as left, until the conference is created */
  gboolean             given_back;    /* the draft was given back when the form opened */
  gboolean             ask_name;      /* no name kept: the record would name the login */
  gboolean             name_follows;  /* "Your name" is the chair's, as typed, until changed */
  gboolean             mirroring;     /* the chair's name being put in "Your name" */

  GtkWidget           *draft_label;

  AdwToastOverlay     *toast_overlay;
  GtkWidget           *create_button;
  AdwPreferencesGroup *children_group;
  AdwComboRow         *kind_row;
  AdwEntryRow         *date_row;
  GtkMenuButton       *calendar_button;
  GtkCalendar         *calendar;
  AdwEntryRow         *time_row;
  AdwEntryRow         *chair_row;
  GtkWidget           *name_group;
  AdwEntryRow         *name_row;
  GtkWidget           *field_error_row;   /* why Create was refused, under the field refused */
  GtkWidget           *field_error_label;
  GtkWidget           *error_field;       /* the field it is under, while shown */
  AdwComboRow         *profile_row;
  AdwEntryRow         *venue_row;
  AdwEntryRow         *minute_taker_row;
  AdwEntryRow         *case_ref_row;
};

enum {
  CREATED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* How many empty rows in a row the draft looks past for a further child's name. */
#define MAX_EMPTY_CHILD_ROWS 3

G_DEFINE_FINAL_TYPE (QuorumNewConferenceDialog, quorum_new_conference_dialog, ADW_TYPE_WINDOW)

static void
show_error (QuorumNewConferenceDialog *self,
            const char                *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
hide_field_error (QuorumNewConferenceDialog *self)
{
  if (self->error_field == NULL)
    return;

  gtk_widget_remove_css_class (self->error_field, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->error_field),
                               GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->error_field), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);
  gtk_widget_set_visible (self->field_error_row, FALSE);
  self->error_field = NULL;
}

/* Once laid out: the message shown whole, under its field (the focus scrolls the field into
 * view, not the line under it: "Your name", last in its page, left the message cut off). */
static gboolean
show_message_whole_cb (gpointer data)
{
  QuorumNewConferenceDialog *self = data;
  GtkWidget *scroller;
  graphene_rect_t bounds;

  /* Closed meanwhile: nothing to show. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return G_SOURCE_REMOVE;

  scroller = gtk_widget_get_ancestor (self->field_error_row, GTK_TYPE_SCROLLED_WINDOW);
  if (scroller != NULL && gtk_widget_get_visible (self->field_error_row) &&
      gtk_widget_compute_bounds (self->field_error_row, scroller, &bounds))
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
      double below = bounds.origin.y + bounds.size.height - gtk_widget_get_height (scroller);

      if (below > 0)
        gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + below + 12);
    }
  return G_SOURCE_REMOVE;
}

/* Every refusal is said under the field refused, in red, with the focus put there to mend it:
 * not in a toast, which at the foot of the window lay over the very fields it asked to fill and
 * left the focus where it was (in the chair's name, for a time refused). The one message row
 * moves to the row after the field's. */
static void
show_field_error (QuorumNewConferenceDialog *self,
                  GtkWidget                 *field,
                  const char                *message)
{
  GtkWidget *list = gtk_widget_get_parent (field);
  GtkWidget *old_list = gtk_widget_get_parent (self->field_error_row);

  hide_field_error (self);

  g_object_ref (self->field_error_row);
  if (old_list != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (old_list), self->field_error_row);
  gtk_list_box_insert (GTK_LIST_BOX (list), self->field_error_row,
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (field)) + 1);
  g_object_unref (self->field_error_row);

  gtk_label_set_text (GTK_LABEL (self->field_error_label), message);
  gtk_widget_set_visible (self->field_error_row, TRUE);
  gtk_widget_add_css_class (field, "error");
  /* The message is read with the field. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (field),
                               GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                               -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (field),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->field_error_label, NULL,
                                  -1);
  self->error_field = field;
  gtk_widget_grab_focus (field);
  /* After the frame lays the message out (redraws run at a higher priority). */
  g_idle_add_full (G_PRIORITY_LOW, show_message_whole_cb, g_object_ref (self), g_object_unref);
}

/* The refused field typed in: the message about it goes. */
static void
field_changed_cb (QuorumNewConferenceDialog *self,
                  GtkEditable               *editable)
{
  if (self->error_field == GTK_WIDGET (editable))
    hide_field_error (self);
}

/* The draft marker says "the form as it was left": only over a form given back, never over
 * words typed for the first time. A draft given back and then emptied is gone: what is typed
 * after it is new. */
static void
draft_changed_cb (QuorumNewConferenceDialog *self)
{
  gboolean has_draft = quorum_draft_get_has_draft (self->draft);

  if (!has_draft)
    self->given_back = FALSE;
  gtk_widget_set_visible (self->draft_label, self->given_back && has_draft);
}

/* "Your name" follows the chair's as it is typed: whoever creates a conference is most often
 * its chair. Typed over (a minute-taker creating it), it is theirs and follows no more. */
static void
chair_changed_cb (QuorumNewConferenceDialog *self,
                  GtkEditable               *chair)
{
  if (!self->name_follows)
    return;

  self->mirroring = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), gtk_editable_get_text (chair));
  self->mirroring = FALSE;
}

static void
name_changed_cb (QuorumNewConferenceDialog *self,
                 GtkEditable               *name)
{
  if (self->mirroring)
    return;

  /* Typed back to the chair's, it follows again. */
  self->name_follows = g_strcmp0 (gtk_editable_get_text (name),
                                  gtk_editable_get_text (GTK_EDITABLE (self->chair_row))) == 0;
}

static AdwEntryRow *add_child_row (QuorumNewConferenceDialog *self);

/* Enter in a child's name: the next child's row, made if there is none; Enter in the last row
 * left empty moves on to the conference's kind. Never the conference created: a name typed and
 * Enter pressed means "and the next child", as the form has more to fill. */
static void
child_row_activated_cb (QuorumNewConferenceDialog *self,
                        AdwEntryRow               *row)
{
  g_autofree char *text = quorum_ui_editable_get_text (GTK_EDITABLE (row));
  guint index;

  if (!g_ptr_array_find (self->child_rows, row, &index))
    return;

  if (index + 1 < self->child_rows->len)
    quorum_ui_focus_at_end (g_ptr_array_index (self->child_rows, index + 1));
  else if (text != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (add_child_row (self)));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->kind_row));
}

/* Enter in any other field moves on to the next, in the order they are shown; from the last,
 * to Create. Ctrl+Return creates from anywhere. */
static void
field_activated_cb (QuorumNewConferenceDialog *self,
                    AdwEntryRow               *row)
{
  GtkWidget *order[] = {
    GTK_WIDGET (self->date_row), GTK_WIDGET (self->time_row), GTK_WIDGET (self->chair_row),
    GTK_WIDGET (self->profile_row), GTK_WIDGET (self->name_row), GTK_WIDGET (self->venue_row),
    GTK_WIDGET (self->minute_taker_row), GTK_WIDGET (self->case_ref_row), self->create_button,
  };

  for (guint i = 0; i + 1 < G_N_ELEMENTS (order); i++)
    if (order[i] == GTK_WIDGET (row))
      {
        quorum_ui_focus_at_end (order[i + 1]);
        return;
      }
}

static AdwEntryRow *
add_child_row (QuorumNewConferenceDialog *self)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());
  g_autofree char *title = NULL;

  /* Numbered from the first, so the rows read alike: "Child 1’s name", "Child 2’s name". */
  if (self->child_rows->len == 0)
    title = g_strdup (_("Child 1’s _name"));
  else
    title = g_strdup_printf (_("Child %u’s name"), self->child_rows->len + 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  g_signal_connect_object (row, "entry-activated", G_CALLBACK (child_row_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "changed", G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (self->children_group, GTK_WIDGET (row));
  g_ptr_array_add (self->child_rows, row);

  /* Every child's name is kept as typed, not the first's only. */
  if (self->draft != NULL)
    {
      g_autofree char *field = g_strdup_printf ("child-%u", self->child_rows->len);

      quorum_draft_add_field (self->draft, field, GTK_WIDGET (row));
    }

  return row;
}

static void
add_child_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  QuorumNewConferenceDialog *self = QUORUM_NEW_CONFERENCE_DIALOG (widget);

  gtk_widget_grab_focus (GTK_WIDGET (add_child_row (self)));
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  QuorumNewConferenceDialog *self = QUORUM_NEW_CONFERENCE_DIALOG (widget);
  g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *date_text = quorum_ui_editable_get_text (GTK_EDITABLE (self->date_row));
  g_autofree char *time_text = quorum_ui_editable_get_text (GTK_EDITABLE (self->time_row));
  g_autofree char *chair = quorum_ui_editable_get_text (GTK_EDITABLE (self->chair_row));
  g_autofree char *venue = quorum_ui_editable_get_text (GTK_EDITABLE (self->venue_row));
  g_autofree char *minute_taker = quorum_ui_editable_get_text (GTK_EDITABLE (self->minute_taker_row));
  g_autofree char *case_ref = quorum_ui_editable_get_text (GTK_EDITABLE (self->case_ref_row));
  g_autofree char *your_name = self->ask_name ? quorum_ui_editable_get_text (GTK_EDITABLE (self->name_row)) : NULL;
  g_autoptr(GError) error = NULL;
  QuorumConferenceSpec spec = { 0 };
  guint profile_index;
  gint64 id;

  /* Each field checked as the store checks it, in the order the form shows them: the first
   * refused is said under it, with the focus there. */
  for (guint i = 0; i < self->child_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->child_rows, i);
      char *name = quorum_ui_editable_get_text (GTK_EDITABLE (row));

      if (name == NULL)
        continue;
      g_ptr_array_add (children, name);
      if (!quorum_check_text (name, _("A child's name"), TRUE, QUORUM_MAX_NAME, &error))
        {
          show_field_error (self, row, error->message);
          return;
        }
    }

  if (children->len == 0)
    {
      show_field_error (self, g_ptr_array_index (self->child_rows, 0), _("Type the name of at least one child"));
      return;
    }
  g_ptr_array_add (children, NULL);

  if (date_text == NULL)
    {
      show_field_error (self, GTK_WIDGET (self->date_row), _("Give the conference’s date, as YYYY-MM-DD"));
      return;
    }

  if (!quorum_date_parse (date_text, _("The date"), &spec.date, &error))
    {
      show_field_error (self, GTK_WIDGET (self->date_row), error->message);
      return;
    }

  if (time_text != NULL && !quorum_time_check (time_text, &error))
    {
      show_field_error (self, GTK_WIDGET (self->time_row), error->message);
      return;
    }

  if (chair == NULL)
    {
      show_field_error (self, GTK_WIDGET (self->chair_row),
                        _("Give the chair’s name: the conference is recorded under it"));
      return;
    }

  if (self->ask_name && your_name == NULL)
    {
      show_field_error (self, GTK_WIDGET (self->name_row),
                        _("Give your name: the record names who entered this conference"));
      return;
    }

  {
    struct { GtkWidget *row; const char *text; const char *what; } texts[] = {
      { GTK_WIDGET (self->chair_row), chair, _("The chair's name") },
      { GTK_WIDGET (self->name_row), your_name, _("Your name") },
      { GTK_WIDGET (self->venue_row), venue, _("The venue") },
      { GTK_WIDGET (self->minute_taker_row), minute_taker, _("The minute-taker's name") },
      { GTK_WIDGET (self->case_ref_row), case_ref, _("The case reference") },
    };

    for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
      if (!quorum_check_text (texts[i].text, texts[i].what, FALSE, QUORUM_MAX_NAME, &error))
        {
          show_field_error (self, texts[i].row, error->message);
          return;
        }
  }

  spec.kind = (QuorumConferenceKind) adw_combo_row_get_selected (self->kind_row);
  spec.time = time_text;
  spec.venue = venue;
  spec.chair = chair;
  spec.minute_taker = minute_taker;
  spec.case_ref = case_ref;
  profile_index = adw_combo_row_get_selected (self->profile_row);
  if (self->profiles != NULL && profile_index < self->profiles->len)
    spec.profile_id = ((QuorumProfile *) g_ptr_array_index (self->profiles, profile_index))->id;
  spec.children = (const char * const *) children->pdata;

  /* The record names the person from its first row: the conference's created_by, and all
   * that is recorded after it. Kept only once the conference is made. */
  if (your_name != NULL)
    quorum_store_set_signer (self->store, your_name);
  id = quorum_store_create_conference (self->store, &spec, &error);
  if (id <= 0)
    {
      if (your_name != NULL)
        quorum_store_set_signer (self->store, NULL);
      show_error (self, error != NULL ? error->message : _("The conference could not be created"));
      return;
    }
  if (your_name != NULL)
    quorum_ui_keep_name (self->store, your_name);

  /* The chair's name is offered the next time, when Preferences has none. */
  quorum_ui_remember_last_chair (chair);

  /* Created: the form's words are the record now, and the form going keeps nothing. */
  quorum_draft_discard (self->draft);
  g_clear_object (&self->draft);
  g_signal_emit (self, signals [CREATED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
day_selected_cb (QuorumNewConferenceDialog *self,
                 GtkCalendar               *calendar)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (day, "%Y-%m-%d");
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER);

  gtk_editable_set_text (GTK_EDITABLE (self->date_row), text);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
  /* Back in the date, where Tab goes on to the time. */
  gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
}

/* Alt+Down in the date: the calendar, at the date typed if it is one (as Alt+Down opens a GTK
 * combo box's list). The button is out of the Tab order, so Tab goes from the date to the time. */
static void
choose_date_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  QuorumNewConferenceDialog *self = QUORUM_NEW_CONFERENCE_DIALOG (widget);
  g_autofree char *text = quorum_ui_editable_get_text (GTK_EDITABLE (self->date_row));
  GDate date;

  if (text != NULL && quorum_date_parse (text, "", &date, NULL))
    {
      g_autoptr(GDateTime) day = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                                        g_date_get_day (&date), 0, 0, 0);

      g_signal_handlers_block_by_func (self->calendar, day_selected_cb, self);
      gtk_calendar_select_day (self->calendar, day);
      g_signal_handlers_unblock_by_func (self->calendar, day_selected_cb, self);
    }
  gtk_menu_button_popup (self->calendar_button);
}

/* The calendar shown: the keys go to it (arrows move the day, Space chooses it, Escape goes
 * back to the date), however it was opened. */
static gboolean
focus_calendar_cb (gpointer data)
{
  GtkWidget *calendar = data;

  if (gtk_widget_get_mapped (calendar))
    gtk_widget_grab_focus (calendar);
  return G_SOURCE_REMOVE;
}

static void
calendar_mapped_cb (QuorumNewConferenceDialog *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, focus_calendar_cb, g_object_ref (self->calendar), g_object_unref);
}

static void
load_profiles (QuorumNewConferenceDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;

  self->profiles = quorum_profiles_load_all (&error);
  if (self->profiles == NULL)
    {
      show_error (self, error->message);
      return;
    }

  for (guint i = 0; i < self->profiles->len; i++)
    {
      QuorumProfile *profile = g_ptr_array_index (self->profiles, i);

      gtk_string_list_append (names, profile->name != NULL ? profile->name : profile->id);
    }

  quorum_ui_show_policy_names (GTK_WIDGET (self->profile_row), self->profiles, TRUE);
  adw_combo_row_set_model (self->profile_row, G_LIST_MODEL (names));
}

static void
quorum_new_conference_dialog_dispose (GObject *object)
{
  QuorumNewConferenceDialog *self = (QuorumNewConferenceDialog *)object;

  g_clear_object (&self->draft);
  g_clear_object (&self->store);
  g_clear_pointer (&self->profiles, g_ptr_array_unref);
  g_clear_pointer (&self->child_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (quorum_new_conference_dialog_parent_class)->dispose (object);
}

static void
quorum_new_conference_dialog_class_init (QuorumNewConferenceDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = quorum_new_conference_dialog_dispose;

  signals [CREATED] =
    g_signal_new ("created",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "dialog.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "dialog.add-child", NULL, add_child_action);
  gtk_widget_class_install_action (widget_class, "dialog.choose-date", NULL, choose_date_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "dialog.create", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "dialog.create", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_ISO_Enter, GDK_CONTROL_MASK, "dialog.create", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/quorum_app/quorum/ui/quorum-new-conference-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumNewConferenceDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, QuorumNewConferenceDialog, draft_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumNewConferenceDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumNewConferenceDialog, children_group);
  gtk_widget_class_bind_template_child (widget_class, QuorumNewConferenceDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumNewConferenceDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumNewConferenceDialog, calendar_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumNewConferenceDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, QuorumNewConferenceDialog, time_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumNewConferenceDialog, chair_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumNewConferenceDialog, name_group);
  gtk_widget_class_bind_template_child (widget_class, QuorumNewConferenceDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumNewConferenceDialog, field_error_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumNewConferenceDialog, field_error_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumNewConferenceDialog, profile_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumNewConferenceDialog, venue_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumNewConferenceDialog, minute_taker_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumNewConferenceDialog, case_ref_row);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, chair_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
}

static void
quorum_new_conference_dialog_init (QuorumNewConferenceDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *chair_name = quorum_ui_get_default_chair ();

  self->name_follows = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  quorum_ui_fix_accessible_names (GTK_WIDGET (self));
  {
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();

    /* Before the entry's own keys, which would take the Down. */
    gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Down, GDK_ALT_MASK),
                                                                                         gtk_keyval_trigger_new (GDK_KEY_KP_Down, GDK_ALT_MASK)),
                                                            gtk_named_action_new ("dialog.choose-date")));
    gtk_widget_add_controller (GTK_WIDGET (self->date_row), shortcuts);
  }
  /* The calendar's button out of the Tab order: its own button (GtkMenuButton offers no
   * property for it; can-focus on the menu button would keep the focus out of the calendar too). */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->calendar_button));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child))
      gtk_widget_set_focusable (child, FALSE);
  g_signal_connect_object (gtk_menu_button_get_popover (self->calendar_button), "map",
                           G_CALLBACK (calendar_mapped_cb), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  self->child_rows = g_ptr_array_new ();
  add_child_row (self);

  for (int kind = 0; kind < QUORUM_N_KINDS; kind++)
    gtk_string_list_append (kinds, quorum_kind_get_label (kind));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));

  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
  /* The chair's name from Preferences, else the last chair a conference was created under;
   * never the computer's login ("root" is nobody's name): else left to be typed. */
  gtk_editable_set_text (GTK_EDITABLE (self->chair_row), chair_name != NULL ? chair_name : "");

  gtk_window_set_default_widget (GTK_WINDOW (self), self->create_button);
  /* The first thing to type is the child's name, not a button to press. */
  gtk_widget_grab_focus (g_ptr_array_index (self->child_rows, 0));

  load_profiles (self);
}

QuorumNewConferenceDialog *
quorum_new_conference_dialog_new (GtkWindow   *parent,
                                  QuorumStore *store)
{
  QuorumNewConferenceDialog *self;

  g_return_val_if_fail (QUORUM_IS_STORE (store), NULL);

  self = g_object_new (QUORUM_TYPE_NEW_CONFERENCE_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  /* No name kept, and the record would name this computer's login: asked here, before the
   * first row is written (quorum_ui_needs_name ()). */
  self->ask_name = quorum_ui_needs_name (store);
  gtk_widget_set_visible (self->name_group, self->ask_name);

  /* What was typed and not created is kept, and given back the next time the form opens. The
   * prefilled date and chair are no draft of their own. */
  self->draft = quorum_draft_new (store, 0, "new-conference");
  quorum_draft_add_field (self->draft, "child-1", g_ptr_array_index (self->child_rows, 0));
  /* The rows of the children after the first, as many as the draft holds names for (a row
   * left empty between two keeps nothing: look past a few; each look is a read, a round trip
   * on PostgreSQL). */
  {
    guint last = 1;

    for (guint n = 2; n <= last + MAX_EMPTY_CHILD_ROWS; n++)
      {
        g_autofree char *field = g_strdup_printf ("child-%u", n);

        if (quorum_draft_peek (self->draft, field, NULL))
          last = n;
      }
    while (self->child_rows->len < last)
      add_child_row (self);
  }
  /* The choices, kept by their ids: a conference created under the policy chosen, not the
   * first in the list because the form was given back. */
  {
    g_autoptr(GPtrArray) keys = g_ptr_array_new ();

    for (int kind = 0; kind < QUORUM_N_KINDS; kind++)
      g_ptr_array_add (keys, (gpointer) quorum_kind_to_string (kind));
    g_ptr_array_add (keys, NULL);
    quorum_draft_add_choice (self->draft, "kind", GTK_WIDGET (self->kind_row), (const char * const *) keys->pdata);
    quorum_draft_set_baseline (self->draft, "kind",
                               quorum_kind_to_string (adw_combo_row_get_selected (self->kind_row)));
  }
  if (self->profiles != NULL && self->profiles->len > 0)
    {
      g_autoptr(GPtrArray) keys = g_ptr_array_new ();
      guint selected = adw_combo_row_get_selected (self->profile_row);

      for (guint i = 0; i < self->profiles->len; i++)
        g_ptr_array_add (keys, ((QuorumProfile *) g_ptr_array_index (self->profiles, i))->id);
      g_ptr_array_add (keys, NULL);
      quorum_draft_add_choice (self->draft, "profile", GTK_WIDGET (self->profile_row), (const char * const *) keys->pdata);
      if (selected < self->profiles->len)
        quorum_draft_set_baseline (self->draft, "profile",
                                   ((QuorumProfile *) g_ptr_array_index (self->profiles, selected))->id);
    }
  quorum_draft_add_field (self->draft, "date", GTK_WIDGET (self->date_row));
  quorum_draft_set_baseline (self->draft, "date", gtk_editable_get_text (GTK_EDITABLE (self->date_row)));
  quorum_draft_add_field (self->draft, "time", GTK_WIDGET (self->time_row));
  /* Before the chair: given back first, a name not the chair's is not then overwritten by it. */
  if (self->ask_name)
    {
      quorum_draft_add_field (self->draft, "your-name", GTK_WIDGET (self->name_row));
      quorum_draft_set_baseline (self->draft, "your-name", gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
    }
  quorum_draft_add_field (self->draft, "chair", GTK_WIDGET (self->chair_row));
  quorum_draft_set_baseline (self->draft, "chair", gtk_editable_get_text (GTK_EDITABLE (self->chair_row)));
  quorum_draft_add_field (self->draft, "venue", GTK_WIDGET (self->venue_row));
  quorum_draft_add_field (self->draft, "minute-taker", GTK_WIDGET (self->minute_taker_row));
  quorum_draft_add_field (self->draft, "case-ref", GTK_WIDGET (self->case_ref_row));
  self->given_back = quorum_draft_restore (self->draft);
  /* The focus was put in the first child's name before its words came back, so the caret
   * stood at their start and the next keys went in front of them (trial 9, A3): at their end,
   * as everywhere words are given back. */
  if (self->given_back)
    quorum_ui_focus_at_end (g_ptr_array_index (self->child_rows, 0));
  self->name_follows = g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                                  gtk_editable_get_text (GTK_EDITABLE (self->chair_row))) == 0;
  g_signal_connect_object (self->draft, "notify::has-draft", G_CALLBACK (draft_changed_cb), self, G_CONNECT_SWAPPED);
  draft_changed_cb (self);

  return self;
}

void
quorum_new_conference_dialog_fill (QuorumNewConferenceDialog *self,
                                   const char * const        *children,
                                   QuorumConferenceKind       kind,
                                   const char                *date,
                                   const char                *time,
                                   const char                *chair,
                                   const char                *profile_id,
                                   const char                *case_ref)
{
  g_return_if_fail (QUORUM_IS_NEW_CONFERENCE_DIALOG (self));

  for (guint i = 0; children != NULL && children[i] != NULL; i++)
    {
      AdwEntryRow *row = i < self->child_rows->len
        ? g_ptr_array_index (self->child_rows, i) : add_child_row (self);

      gtk_editable_set_text (GTK_EDITABLE (row), children[i]);
    }

  adw_combo_row_set_selected (self->kind_row, kind);
  if (date != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
  if (time != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->time_row), time);
  if (chair != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->chair_row), chair);
  if (case_ref != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->case_ref_row), case_ref);

  for (guint i = 0; profile_id != NULL && self->profiles != NULL && i < self->profiles->len; i++)
    if (g_strcmp0 (((QuorumProfile *) g_ptr_array_index (self->profiles, i))->id, profile_id) == 0)
      adw_combo_row_set_selected (self->profile_row, i);
}
