/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-differences-page.c: the Differences page: raise a professional difference, record its
 * discussions, escalate it stage by stage and resolve it; filter the list and see the counts. */

#define G_LOG_DOMAIN "quorum-differences"

#include <string.h>
#include <glib/gi18n.h>

#include "store/quorum-store-difference.h"
#include "store/quorum-store-life.h"
#include "quorum-difference-item.h"
#include "quorum-differences-page.h"
#include "quorum-fold-box.h"
#include "quorum-draft.h"
#include "quorum-differences-resources.h"
#include "quorum-ui-util.h"

struct _QuorumDifferencesPage
{
  GtkWidget           parent_instance;

  QuorumStore        *store;
  GPtrArray          *profiles;        /* QuorumProfile*, in the order of the profile rows */
  GListStore         *items;           /* QuorumDifferenceItem* */
  GtkCustomFilter    *filter;
  GPtrArray          *checklist_rows;  /* AdwEntryRow*, one per question of the current stage */
  QuorumDraft        *note_draft;      /* the discussion typed, kept per difference and stage */
  QuorumDraft        *escalate_draft;  /* why it is escalated: per difference and stage */
  QuorumDraft        *resolve_draft;   /* the outcome typed: per difference */
  QuorumDraft        *notice_draft;    /* a notice's by, to and how: per difference */
  QuorumDraft        *raise_draft;     /* the Raise a Difference form: one, not yet a difference */
  GtkWidget          *note_draft_label;
  GtkWidget          *raise_draft_label;
  GDate               as_of;
  gboolean            as_of_fixed;
  guint               narrow_source;    /* update_narrow () after the leaflet (un)folds */

  /* template */
  GtkWidget          *main_box;
  GtkRevealer        *risk_revealer;
  GtkLabel           *risk_title;
  GtkLabel           *risk_label;
  GtkDropDown        *status_dropdown;
  GtkDropDown        *profile_dropdown;
  GtkSearchEntry     *agency_entry;
  GtkLabel           *count_label;
  GtkListView        *list_view;
  GtkSingleSelection *selection;
  GtkFilterListModel *filter_model;
  GtkLabel           *chart_title;
  GtkDrawingArea     *chart;
  GtkLabel           *chart_text;
  GtkWidget          *filter_bar;
  AdwLeaflet         *leaflet;
  GtkWidget          *back_button;
  GtkStack           *detail_stack;
  AdwComboRow        *profile_row;
  AdwEntryRow        *raised_date_row;
  AdwEntryRow        *raised_by_row;
  AdwEntryRow        *role_row;
  AdwEntryRow        *agency_row;
  AdwEntryRow        *against_row;
  AdwEntryRow        *against_decision_row;
  AdwEntryRow        *child_row;
  AdwEntryRow        *conference_row;
  AdwComboRow        *area_row;
  AdwEntryRow        *area_other_row;
  GtkLabel           *notices_label;
  AdwComboRow        *notice_kind_row;
  AdwEntryRow        *notice_date_row;
  AdwEntryRow        *notice_by_row;
  AdwEntryRow        *notice_to_row;
  AdwEntryRow        *notice_means_row;
  GtkWidget          *notices_group;
  GtkWidget          *notice_buttons;
  GtkWidget          *flag_challenge_button;
  GtkWidget          *flag_risk_button;
  GtkWidget          *notice_button;
  GtkScrolledWindow  *raise_scroller;
  GtkWidget          *raise_button;
  GtkScrolledWindow  *detail_scroller;
  GtkWidget          *disagreement_remains_row;
  GtkSwitch          *disagreement_remains_switch;
  GPtrArray          *pending_notices;  /* QuorumNoticeRow* of the selected difference */
  AdwEntryRow        *outcome_sought_row;
  GtkSwitch          *immediate_risk_switch;
  AdwActionRow       *immediate_risk_row;
  GtkLabel           *detail_title;
  GtkLabel           *detail_summary;
  GtkLabel           *detail_due;
  GtkLabel           *history_label;
  AdwPreferencesGroup *record_group;
  AdwPreferencesGroup *checklist_group;
  GtkListBox         *checklist_box;
  GtkWidget          *record_button;
  AdwPreferencesGroup *escalate_group;
  GtkWidget          *escalate_button;
  AdwEntryRow        *note_date_row;
  AdwEntryRow        *note_with_row;
  AdwEntryRow        *note_summary_row;
  AdwEntryRow        *note_agreed_row;
  AdwEntryRow        *escalate_date_row;
  AdwEntryRow        *escalate_reason_row;
  AdwPreferencesGroup *resolve_group;
  AdwEntryRow        *resolve_date_row;
  AdwComboRow        *challenge_row;
  AdwEntryRow        *outcome_row;
  AdwEntryRow        *feedback_to_row;
  AdwEntryRow        *feedback_date_row;
  GtkSwitch          *debrief_switch;
  GtkSwitch          *protocol_review_switch;
  GtkWidget          *resolve_button;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_AS_OF,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The status filter's rows, as ui/quorum-differences-page.ui lists them. */
enum {
  SHOW_ALL,
  SHOW_OPEN,
  SHOW_OVERDUE,
  SHOW_RESOLVED,
  SHOW_DISAGREEMENT_REMAINS,   /* closed, the disagreement remaining (001, 004): not resolved */
};

/* Adwaita's palette: blue 3, green 4, red 3, and a neutral grey. */
static const GdkRGBA colour_open = { 0.208, 0.518, 0.894, 1.0 };
static const GdkRGBA colour_resolved = { 0.180, 0.761, 0.494, 1.0 };
static const GdkRGBA colour_overdue = { 0.878, 0.106, 0.141, 1.0 };
static const GdkRGBA colour_escalated = { 0.604, 0.600, 0.588, 1.0 };
/* Orange 4: closed with the disagreement remaining, neither resolved nor open */
static const GdkRGBA colour_disagreement = { 0.902, 0.380, 0.0, 1.0 };

G_DEFINE_FINAL_TYPE (QuorumDifferencesPage, quorum_differences_page, GTK_TYPE_WIDGET)

static void update_detail (QuorumDifferencesPage *self);
static void update_counts (QuorumDifferencesPage *self);

/* ---- helpers ---- */

static QuorumProfile *
find_profile (QuorumDifferencesPage *self,
              const char            *id)
{
  for (guint i = 0; self->profiles != NULL && i < self->profiles->len; i++)
    {
      QuorumProfile *profile = g_ptr_array_index (self->profiles, i);

      if (g_strcmp0 (profile->id, id) == 0)
        return profile;
    }

  return NULL;
}

/* A policy's short name ("South East Wales") for the counts, or its id when not installed. */
static char *
policy_short_name (QuorumDifferencesPage *self,
                   const char            *id)
{
  QuorumProfile *profile = find_profile (self, id);

  return profile != NULL ? quorum_profile_dup_short_name (profile) : g_strdup (id);
}

/* The profile the filter shows, or NULL for all. */
static QuorumProfile *
filtered_profile (QuorumDifferencesPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->profile_dropdown);

  if (selected == GTK_INVALID_LIST_POSITION || selected == 0 || self->profiles == NULL ||
      selected > self->profiles->len)
    return NULL;

  return g_ptr_array_index (self->profiles, selected - 1);
}

static QuorumDifferenceItem *
selected_item (QuorumDifferencesPage *self)
{
  gpointer item = gtk_single_selection_get_selected_item (self->selection);

  return item != NULL ? QUORUM_DIFFERENCE_ITEM (item) : NULL;
}

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static char *
row_text (AdwEntryRow *row)
{
  return quorum_ui_editable_get_text (GTK_EDITABLE (row));
}

/* Reads a date row; an empty one is @as_of. Shows the reason and returns FALSE when wrong. */
static gboolean
read_date (QuorumDifferencesPage *self,
           AdwEntryRow           *row,
           const char            *what,
           gboolean               empty_is_unset,
           GDate                 *out)
{
  g_autofree char *text = row_text (row);
  g_autoptr(GError) error = NULL;

  g_date_clear (out, 1);
  if (text == NULL)
    {
      if (!empty_is_unset)
        *out = self->as_of;
      return TRUE;
    }

  if (!quorum_date_parse (text, what, out, &error))
    {
      quorum_ui_show_error (GTK_WIDGET (self), error);
      gtk_widget_grab_focus (GTK_WIDGET (row));
      return FALSE;
    }

  return TRUE;
}

static void
prefill_date (QuorumDifferencesPage *self,
              AdwEntryRow           *row)
{
  g_autofree char *today = quorum_date_to_string (&self->as_of);

  set_row_text (row, today);
}

/* The Area row's first item asks for a choice: the areas follow it, QuorumArea + 1. */
#define AREA_NONE 0

/* The default policy's place in the Raise form's list (the profiles come default first). */
static guint
default_profile_index (QuorumDifferencesPage *self)
{
  for (guint i = 0; self->profiles != NULL && i < self->profiles->len; i++)
    if (((QuorumProfile *) g_ptr_array_index (self->profiles, i))->is_default)
      return i;
  return 0;
}

/* Brings @scroller back to its top: a form or a difference is read from its beginning. */
static void
scroll_to_top (GtkScrolledWindow *scroller)
{
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scroller), 0);
}

/* ---- the list and its filters ---- */

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  QuorumDifferencesPage *self = user_data;
  QuorumDifferenceItem *difference_item = item;
  const QuorumDifference *d = quorum_difference_item_get_difference (difference_item);
  QuorumProfile *profile = filtered_profile (self);
  const char *agency = gtk_editable_get_text (GTK_EDITABLE (self->agency_entry));

  switch (gtk_drop_down_get_selected (self->status_dropdown))
    {
    case SHOW_OPEN:
      if (d->status != QUORUM_DIFFERENCE_OPEN)
        return FALSE;
      break;

    case SHOW_OVERDUE:
      if (!quorum_difference_item_get_overdue (difference_item))
        return FALSE;
      break;

    case SHOW_RESOLVED:
      if (d->status != QUORUM_DIFFERENCE_RESOLVED || d->disagreement_remains)
        return FALSE;
      break;

    case SHOW_DISAGREEMENT_REMAINS:
      if (d->status != QUORUM_DIFFERENCE_RESOLVED || !d->disagreement_remains)
        return FALSE;
      break;

    case SHOW_ALL:
    default:
      break;
    }

  if (profile != NULL && g_strcmp0 (profile->id, d->profile_id) != 0)
    return FALSE;

  if (agency != NULL && *agency != '\0')
    {
      g_autofree char *key = quorum_group_normalize (agency);
      g_autofree char *raising = quorum_group_normalize (d->agency);
      g_autofree char *against = quorum_group_normalize (d->against);

      if (strstr (raising, key) == NULL && strstr (against, key) == NULL)
        return FALSE;
    }

  return TRUE;
}

static void
filter_changed_cb (QuorumDifferencesPage *self)
{
  if (self->filter == NULL)
    return;

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_counts (self);
}

static void
selection_changed_cb (QuorumDifferencesPage *self)
{
  update_detail (self);
  /* Another difference is read from its title, not where the last one was left */
  scroll_to_top (self->detail_scroller);
}

/* ---- narrow: the list and the chosen difference one at a time ---- */

static void
update_narrow (QuorumDifferencesPage *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);
  gboolean on_detail = g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "detail") == 0;

  gtk_widget_set_visible (self->back_button, folded);
  /* The filters choose what the list shows: with the list out of sight they give its room
   * to the difference. */
  gtk_widget_set_visible (self->filter_bar, !(folded && on_detail));
  /* Narrow, the list keeps its room: the counts stay, in words. */
  gtk_widget_set_visible (GTK_WIDGET (self->chart), !folded);
}

static gboolean
update_narrow_cb (gpointer user_data)
{
  QuorumDifferencesPage *self = user_data;

  self->narrow_source = 0;
  update_narrow (self);
  return G_SOURCE_REMOVE;
}

/* The leaflet folds as it is given its size: what it shows and hides follows once that is
 * done (showing or hiding widgets in the middle of it leaves them unallocated). */
static void
leaflet_folded_cb (QuorumDifferencesPage *self)
{
  if (self->back_button != NULL && self->narrow_source == 0)
    self->narrow_source = g_idle_add (update_narrow_cb, self);
}

static void
leaflet_visible_cb (QuorumDifferencesPage *self)
{
  if (self->back_button == NULL || self->selection == NULL)
    return;

  update_narrow (self);
  /* Back at the list of a folded page nothing stays chosen, so that choosing any difference,
   * the one just left too, opens it. */
  if (adw_leaflet_get_folded (self->leaflet) &&
      g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "list") == 0 &&
      gtk_single_selection_get_selected (self->selection) != GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

static void
show_list_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  QuorumDifferencesPage *self = QUORUM_DIFFERENCES_PAGE (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

void
quorum_differences_page_refresh (QuorumDifferencesPage *self)
{
  g_autoptr(GPtrArray) differences = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  gint64 selected;

  g_return_if_fail (QUORUM_IS_DIFFERENCES_PAGE (self));

  if (self->store == NULL)
    return;

  if (!self->as_of_fixed)
    quorum_date_today (&self->as_of);

  selected = quorum_differences_page_get_selected (self);

  differences = quorum_store_list_differences (self->store, NULL, &error);
  if (differences == NULL)
    {
      quorum_ui_show_error (GTK_WIDGET (self), error);
      return;
    }

  /* Newest first: the one just raised is at the top */
  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = differences->len; i > 0; i--)
    {
      QuorumDifference *d = g_ptr_array_steal_index (differences, i - 1);

      g_ptr_array_add (items, quorum_difference_item_new (d, find_profile (self, d->profile_id), &self->as_of));
    }

  /* Only what changed is replaced (a write of this window's or another's reads the list
   * again): the differences the old and new lists share at their start and end keep their
   * items, and of those, one whose row reads the same keeps its object (taking the newer
   * record for the detail); so the list keeps its scroll, and the open one stays open. */
  {
    GListModel *old = G_LIST_MODEL (self->items);
    guint n_old = g_list_model_get_n_items (old);
    guint n_new = items->len;
    guint prefix = 0;
    guint suffix = 0;

    while (prefix < n_old && prefix < n_new)
      {
        g_autoptr(QuorumDifferenceItem) item = g_list_model_get_item (old, prefix);

        if (quorum_difference_item_get_id (item) != quorum_difference_item_get_id (g_ptr_array_index (items, prefix)))
          break;
        prefix++;
      }
    while (suffix < n_old - prefix && suffix < n_new - prefix)
      {
        g_autoptr(QuorumDifferenceItem) item = g_list_model_get_item (old, n_old - 1 - suffix);

        if (quorum_difference_item_get_id (item) !=
            quorum_difference_item_get_id (g_ptr_array_index (items, n_new - 1 - suffix)))
          break;
        suffix++;
      }
    if (n_old - prefix - suffix > 0 || n_new - prefix - suffix > 0)
      g_list_store_splice (self->items, prefix, n_old - prefix - suffix,
                           items->pdata + prefix, n_new - prefix - suffix);
    for (guint i = 0; i < n_new; i++)
      {
        g_autoptr(QuorumDifferenceItem) item = NULL;

        if (i == prefix)
          i = n_new - suffix;
        if (i >= n_new)
          break;
        item = g_list_model_get_item (old, i);
        if (!quorum_difference_item_take_if_same (item, g_ptr_array_index (items, i)))
          g_list_store_splice (self->items, i, 1, &items->pdata[i], 1);
      }
  }

  /* The open one (kept, or chosen again): its detail as read now. */
  if (selected != 0)
    quorum_differences_page_select (self, selected);
  update_detail (self);
  update_counts (self);
}

GListModel *
quorum_differences_page_get_model (QuorumDifferencesPage *self)
{
  g_return_val_if_fail (QUORUM_IS_DIFFERENCES_PAGE (self), NULL);

  return G_LIST_MODEL (self->filter_model);
}

gboolean
quorum_differences_page_select (QuorumDifferencesPage *self,
                                gint64                 id)
{
  GListModel *model;
  guint n;

  g_return_val_if_fail (QUORUM_IS_DIFFERENCES_PAGE (self), FALSE);

  model = G_LIST_MODEL (self->filter_model);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumDifferenceItem) item = g_list_model_get_item (model, i);

      if (quorum_difference_item_get_id (item) == id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          /* The same position may hold a new item after a refresh */
          update_detail (self);
          return TRUE;
        }
    }

  return FALSE;
}

gint64
quorum_differences_page_get_selected (QuorumDifferencesPage *self)
{
  QuorumDifferenceItem *item;

  g_return_val_if_fail (QUORUM_IS_DIFFERENCES_PAGE (self), 0);

  item = selected_item (self);
  return item != NULL ? quorum_difference_item_get_id (item) : 0;
}

/* ---- the selected difference ---- */

static void
show_risk (QuorumDifferencesPage  *self,
           const QuorumDifference *d)
{
  QuorumProfile *profile;
  const QuorumDifferenceStage *first;
  g_autofree char *due = NULL;
  g_autofree char *title = NULL;
  const char *advice;

  if (d == NULL || !d->immediate_risk || d->status != QUORUM_DIFFERENCE_OPEN)
    {
      gtk_revealer_set_reveal_child (self->risk_revealer, FALSE);
      return;
    }

  profile = find_profile (self, d->profile_id);
  /* The stage it was identified at: the current one carries the same-day due date. */
  first = quorum_difference_get_current_stage (d);
  due = g_date_valid (&first->due) ? quorum_ui_format_date (&first->due) : NULL;
  advice = profile != NULL && profile->immediate_risk_advice != NULL
    ? profile->immediate_risk_advice
    : _("Refer to children’s social care without delay, or escalate within your own agency for immediate action.");

  /* Translators: the banner over a difference raised with a child at immediate risk. The same
   * working day only where the profile asks (Bradford); otherwise the policy's words say what. */
  if (profile != NULL && profile->immediate_risk_same_day && due != NULL)
    title = g_strdup_printf (_("Immediate risk of significant harm: escalate the same day (%s)"), due);
  else
    title = g_strdup (_("Immediate risk of significant harm: act without delay"));
  gtk_label_set_label (self->risk_title, title);
  gtk_label_set_label (self->risk_label, advice);
  gtk_revealer_set_reveal_child (self->risk_revealer, TRUE);
}

/* @profile: the profile installed under the difference's id, or NULL; what the record copied
 * from it is shown in the reader's language while it still says the same (quorum-difference.h). */
static char *
format_history (const QuorumDifference *d,
                const QuorumProfile    *profile)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < d->stages->len; i++)
    {
      const QuorumDifferenceStage *s = g_ptr_array_index (d->stages, i);
      g_autofree char *entered = quorum_ui_format_date (&s->entered);
      g_autofree char *due = g_date_valid (&s->due) ? quorum_ui_format_date (&s->due)
                                                    : g_strdup (_("no time limit set by this policy"));
      g_autofree char *name = quorum_difference_stage_dup_name (s, profile);
      g_autofree char *owner = quorum_difference_stage_dup_owner (s, profile);

      /* The rule its due date follows where it is not the stage's own limit. */
      if (quorum_difference_stage_due_same_day (d, s))
        {
          g_autofree char *day = g_steal_pointer (&due);

          /* Translators: a stage's due date at immediate risk: "Wednesday 2 December 2026 (the
           * same working day: immediate risk of significant harm)" */
          due = g_strdup_printf (_("%s (the same working day: immediate risk of significant harm)"), day);
        }
      if (out->len > 0)
        g_string_append (out, "\n\n");
      g_string_append_printf (out, _("Stage %d: %s\nOwner: %s\nFrom %s; due: %s"),
                              s->number, name, owner, entered, due);
      /* Lateness is shown, never hidden: escalated here after the stage before was due. */
      if (i > 0)
        {
          const QuorumDifferenceStage *before = g_ptr_array_index (d->stages, i - 1);

          if (g_date_valid (&before->due) && g_date_compare (&s->entered, &before->due) > 0)
            {
              g_autofree char *was_due = quorum_ui_format_date (&before->due);

              /* Translators: "Escalated late: stage 1 was due Monday 30 November 2026" */
              g_string_append_printf (out, _("\nEscalated late: stage %d was due %s"), before->number, was_due);
            }
        }
      if (s->reason != NULL)
        g_string_append_printf (out, _("\nEscalated because: %s"), s->reason);

      for (guint j = 0; j < d->notes->len; j++)
        {
          const QuorumDifferenceNote *n = g_ptr_array_index (d->notes, j);
          g_autofree char *held = NULL;

          if (n->stage != s->number)
            continue;

          /* Each discussion under its stage, oldest first (the store orders them): when, who
           * took part, what was said and agreed, and who recorded it. */
          held = quorum_ui_format_date (&n->date);
          /* Translators: "Discussion on Thursday 26 November 2026 with A. Khan, B. Jones" */
          g_string_append_printf (out, _("\n\n• Discussion on %s with %s"), held, n->participants);
          g_string_append_printf (out, _("\n    Said: %s"), n->summary);
          if (n->agreed != NULL)
            g_string_append_printf (out, _("\n    Agreed: %s"), n->agreed);
          for (guint k = 0; n->questions != NULL && n->questions[k] != NULL; k++)
            if (n->answers[k] != NULL && *n->answers[k] != '\0')
              {
                g_autofree char *question = quorum_difference_note_dup_question (n, k, profile);

                g_string_append_printf (out, "\n    %s %s", question, n->answers[k]);
              }
          if (n->recorded_by != NULL && *n->recorded_by != '\0')
            g_string_append_printf (out, _("\n    Recorded by %s"), n->recorded_by);
        }
    }

  if (d->status == QUORUM_DIFFERENCE_RESOLVED)
    {
      g_autofree char *resolved = quorum_ui_format_date (&d->resolved);

      g_string_append_printf (out, _("\n\nResolved %s: %s"), resolved, d->outcome);
      if (d->challenge_outcome != NULL)
        {
          g_autofree char *decision = quorum_difference_dup_challenge_outcome (d, profile);

          g_string_append_printf (out, _("\nSafeguarding Co-ordinator’s decision: %s"), decision);
        }
      if (d->feedback_to != NULL)
        g_string_append_printf (out, _("\nFeedback given to %s"), d->feedback_to);
      else
        g_string_append (out, _("\nFeedback to the practitioner who raised it: not yet recorded"));
      g_string_append_printf (out, _("\nDebrief: %s. Protocol review: %s."),
                              d->debrief ? _("yes") : _("no"),
                              d->protocol_review ? _("yes") : _("no"));
    }

  return g_string_free (out, FALSE);
}

static void note_row_activated_cb (QuorumDifferencesPage *self,
                                   AdwEntryRow           *row);

static void
rebuild_checklist (QuorumDifferencesPage *self,
                   const QuorumStage     *stage)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->checklist_box))) != NULL)
    gtk_list_box_remove (self->checklist_box, child);
  g_ptr_array_set_size (self->checklist_rows, 0);

  gtk_widget_set_visible (GTK_WIDGET (self->checklist_group), stage != NULL && stage->checklist != NULL);
  if (stage == NULL || stage->checklist == NULL)
    return;

  /* One row per question of the policy's own checklist: data, not layout */
  for (guint i = 0; stage->checklist[i] != NULL; i++)
    {
      GtkWidget *row = adw_entry_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), stage->checklist[i]);
      gtk_list_box_append (self->checklist_box, row);
      g_ptr_array_add (self->checklist_rows, row);
      g_signal_connect_object (row, "entry-activated", G_CALLBACK (note_row_activated_cb), self, G_CONNECT_SWAPPED);
      /* An answer typed is the discussion's draft too: kept with its difference and stage */
      if (self->note_draft != NULL)
        {
          g_autofree char *field = g_strdup_printf ("answer-%u", i);

          quorum_draft_add_field (self->note_draft, field, row);
        }
    }

  if (self->note_draft != NULL)
    quorum_draft_restore (self->note_draft);
}

static void
set_challenge_outcomes (QuorumDifferencesPage *self,
                        QuorumProfile         *profile)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  gboolean has = profile != NULL && profile->challenge_outcomes != NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->challenge_row), has);
  if (!has)
    return;

  gtk_string_list_append (list, _("Not a challenge: the outcome as written"));
  for (guint i = 0; profile->challenge_outcomes[i] != NULL; i++)
    gtk_string_list_append (list, profile->challenge_outcomes[i]);
  adw_combo_row_set_model (self->challenge_row, G_LIST_MODEL (list));
  adw_combo_row_set_selected (self->challenge_row, 0);
}

/* What the policies add, in words: the area in the raiser's words, a formal challenge,
 * immediate risk identified later, and how it closed. */
static char *
format_policy_facts (const QuorumDifference *d)
{
  GString *out = g_string_new (NULL);

  if (d->area_other != NULL)
    g_string_append_printf (out, _("Area, in the raiser’s words: %s\n"), d->area_other);
  for (guint i = 0; d->events != NULL && i < d->events->len; i++)
    {
      const QuorumDifferenceEvent *e = g_ptr_array_index (d->events, i);
      g_autofree char *when = quorum_ui_format_date (&e->date);

      if (g_strcmp0 (e->kind, "formal-challenge") == 0)
        g_string_append_printf (out, _("Formal challenge lodged %s, at stage %d%s%s\n"), when, e->stage,
                                e->detail ? ": " : "", e->detail ? e->detail : "");
      else if (g_strcmp0 (e->kind, "immediate-risk") == 0)
        g_string_append_printf (out, _("Immediate risk of significant harm identified %s, at stage %d\n"), when, e->stage);
    }
  if (d->status == QUORUM_DIFFERENCE_RESOLVED)
    g_string_append (out, d->disagreement_remains ? _("Closed: the disagreement remains.\n") : _("Closed: resolved.\n"));
  if (out->len > 0)
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

/* What a notice tells, in its policy's words ("That the owning agency is invoking …"), not
 * its id; the id when the policy is no longer installed. */
static const char *
notice_words (QuorumDifferencesPage *self,
              const QuorumNoticeRow *n)
{
  QuorumProfile *profile = find_profile (self, n->profile_id);
  const QuorumNoticeRule *rule = profile != NULL ? quorum_profile_get_notice (profile, n->kind) : NULL;

  return rule != NULL && rule->what != NULL && *rule->what != '\0' ? rule->what : n->kind;
}

/* The notices its policy names: pending with their owner, given with who, whom, when, how. */
static void
update_notices (QuorumDifferencesPage  *self,
                const QuorumDifference *d)
{
  g_autoptr(GPtrArray) rows = quorum_store_list_notices (self->store, FALSE, NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  g_clear_pointer (&self->pending_notices, g_ptr_array_unref);
  self->pending_notices = g_ptr_array_new_with_free_func ((GDestroyNotify) quorum_notice_row_free);
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      QuorumNoticeRow *n = g_ptr_array_index (rows, i);
      g_autofree char *stage = n->stage > 0 ? g_strdup_printf (_(" (stage %d)"), n->stage) : g_strdup ("");

      if (n->difference_id != d->id)
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      if (n->pending)
        {
          g_autofree char *due = g_date_valid (&n->due) ? quorum_ui_format_date (&n->due) : NULL;

          /* Translators: "PENDING That a professional challenge has been escalated to step 5 (stage 5):
           * the Chair … → the RSCB Business Unit, due …": the first %s is what the notice tells,
           * in the policy's words */
          g_string_append_printf (text, _("PENDING %s%s: %s → %s%s%s"), notice_words (self, n), stage,
                                  n->by, n->to, due ? _(", due ") : "", due ? due : "");
          gtk_string_list_append (kinds, notice_words (self, n));
          /* The list keeps the row: the slot in @rows is emptied so it is not freed twice */
          g_ptr_array_add (self->pending_notices, g_steal_pointer (&g_ptr_array_index (rows, i)));
        }
      else
        {
          g_autofree char *when = quorum_ui_format_date (&n->date);
          /* Whom the policy names, kept with the notice in its recorder's language: in the reader's */
          g_autofree char *to = quorum_profile_dup_notice_text_as_read (find_profile (self, n->profile_id),
                                                                        n->kind, "To", n->to);

          /* Translators: "Given Feedback to the practitioner who raised it: 5 November 2026, by Team
           * leader to H. Visitor (phone)": the first %s is what the notice tells */
          g_string_append_printf (text, _("Given %s%s: %s, by %s to %s (%s)"), notice_words (self, n), stage,
                                  when, n->by, to, n->means);
        }
    }
  {
    g_autofree char *facts = format_policy_facts (d);

    if (*facts != '\0')
      {
        if (text->len > 0)
          g_string_prepend (text, "\n\n");
        g_string_prepend (text, facts);
      }
  }
  gtk_label_set_label (self->notices_label, text->len > 0 ? text->str : _("This policy names no notice for it."));
  adw_combo_row_set_model (self->notice_kind_row, G_LIST_MODEL (kinds));
  gtk_widget_set_visible (GTK_WIDGET (self->notice_kind_row), self->pending_notices->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->notice_date_row), self->pending_notices->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->notice_by_row), self->pending_notices->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->notice_to_row), self->pending_notices->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->notice_means_row), self->pending_notices->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "differences.give-notice", self->pending_notices->len > 0);
}

static void
update_detail (QuorumDifferencesPage *self)
{
  QuorumDifferenceItem *item = selected_item (self);
  const QuorumDifference *d;
  const QuorumDifferenceStage *current;
  QuorumProfile *profile;
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *due_text = NULL;
  g_autofree char *history = NULL;
  g_autofree char *raised = NULL;
  gboolean open;
  gboolean last;

  if (item == NULL)
    {
      if (self->note_draft != NULL)
        {
          quorum_draft_set_scope (self->note_draft, 0, NULL);
          quorum_draft_set_scope (self->escalate_draft, 0, NULL);
          quorum_draft_set_scope (self->resolve_draft, 0, NULL);
          quorum_draft_set_scope (self->notice_draft, 0, NULL);
        }
      if (g_strcmp0 (gtk_stack_get_visible_child_name (self->detail_stack), "raise") != 0)
        {
          gtk_stack_set_visible_child_name (self->detail_stack, "empty");
          adw_leaflet_set_visible_child_name (self->leaflet, "list");
        }
      gtk_revealer_set_reveal_child (self->risk_revealer, FALSE);
      return;
    }

  d = quorum_difference_item_get_difference (item);
  current = quorum_difference_get_current_stage (d);

  /* Words typed belong to their difference (a discussion and a reason to escalate to its
   * stage too): never carried to another difference or to the next stage, and given back
   * when it is chosen again. */
  if (self->note_draft != NULL)
    {
      gboolean is_open = d->status == QUORUM_DIFFERENCE_OPEN;
      g_autofree char *scope = g_strdup_printf ("difference:%lld:stage:%d", (long long) d->id, current->number);
      g_autofree char *escalate = g_strdup_printf ("difference:%lld:stage:%d:escalate", (long long) d->id, current->number);
      g_autofree char *resolve = g_strdup_printf ("difference:%lld:resolve", (long long) d->id);
      g_autofree char *notice = g_strdup_printf ("difference:%lld:notice", (long long) d->id);

      quorum_draft_set_scope (self->note_draft, 0, is_open ? scope : NULL);
      quorum_draft_set_scope (self->escalate_draft, 0, is_open ? escalate : NULL);
      quorum_draft_set_scope (self->resolve_draft, 0, is_open ? resolve : NULL);
      quorum_draft_set_scope (self->notice_draft, 0, notice);
    }
  profile = find_profile (self, d->profile_id);
  open = d->status == QUORUM_DIFFERENCE_OPEN;
  last = profile == NULL || (guint) current->number >= quorum_profile_get_n_stages (profile);

  title = g_strdup_printf (_("Difference %lld: %s"), (long long) d->id,
                           d->child != NULL ? d->child : quorum_area_get_label (d->area));
  raised = quorum_ui_format_date (&d->raised);
  summary = g_strdup_printf (_("Raised %s by %s%s%s (%s) against %s, under %s.\nArea: %s.%s%s\nOutcome sought: %s"),
                             raised, d->raised_by,
                             d->role != NULL ? _(", ") : "", d->role != NULL ? d->role : "",
                             d->agency, d->against,
                             profile != NULL ? profile->name : d->profile_id,
                             quorum_area_get_label (d->area),
                             d->against_decision != NULL ? _("\nDecision disputed: ") : "",
                             d->against_decision != NULL ? d->against_decision : "",
                             d->outcome_sought);

  if (!open)
    due_text = g_strdup_printf (_("Resolved at stage %d"), current->number);
  else if (quorum_difference_item_get_overdue (item))
    due_text = g_strdup (quorum_difference_item_get_subtitle (item));
  else if (g_date_valid (&current->due))
    {
      g_autofree char *due = quorum_ui_format_date (&current->due);
      due_text = g_strdup_printf (_("Stage %d of %u is due %s"), current->number,
                                  profile != NULL ? quorum_profile_get_n_stages (profile) : 0, due);
    }
  else
    due_text = g_strdup_printf (_("Stage %d of %u: no time limit set by this policy"), current->number,
                                profile != NULL ? quorum_profile_get_n_stages (profile) : 0);

  history = format_history (d, profile);

  gtk_label_set_label (self->detail_title, title);
  gtk_label_set_label (self->detail_summary, summary);
  gtk_label_set_label (self->detail_due, due_text);
  gtk_label_set_label (self->history_label, history);

  gtk_widget_set_visible (GTK_WIDGET (self->record_group), open);
  gtk_widget_set_visible (self->record_button, open);
  gtk_widget_set_visible (GTK_WIDGET (self->escalate_group), open && !last);
  gtk_widget_set_visible (self->escalate_button, open && !last);
  rebuild_checklist (self, open && profile != NULL ? quorum_profile_get_stage (profile, current->number) : NULL);
  set_challenge_outcomes (self, open ? profile : NULL);

  /* Once resolved only the follow-up remains: feedback, debrief, protocol review */
  gtk_widget_set_visible (GTK_WIDGET (self->resolve_date_row), open);
  gtk_widget_set_visible (GTK_WIDGET (self->outcome_row), open);
  adw_preferences_group_set_title (self->resolve_group, open ? _("Resolve") : _("After the Resolution"));
  gtk_button_set_label (GTK_BUTTON (self->resolve_button), open ? _("Re_solve") : _("_Save Follow-up"));
  gtk_switch_set_active (self->debrief_switch, d->debrief);
  gtk_switch_set_active (self->protocol_review_switch, d->protocol_review);
  set_row_text (self->feedback_to_row, d->feedback_to != NULL ? d->feedback_to : (open ? "" : d->raised_by));
  gtk_widget_set_sensitive (GTK_WIDGET (self->feedback_to_row), d->feedback_to == NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->feedback_date_row), !g_date_valid (&d->feedback_date));
  if (g_date_valid (&d->feedback_date))
    {
      g_autofree char *given = quorum_date_to_string (&d->feedback_date);
      set_row_text (self->feedback_date_row, given);
    }
  else
    set_row_text (self->feedback_date_row, NULL);

  prefill_date (self, self->note_date_row);
  prefill_date (self, self->escalate_date_row);
  prefill_date (self, self->resolve_date_row);

  gtk_widget_set_visible (self->disagreement_remains_row, open);
  gtk_switch_set_active (self->disagreement_remains_switch, FALSE);
  gtk_widget_set_visible (self->flag_challenge_button,
                          open && profile != NULL && profile->formal_challenge &&
                          quorum_difference_find_event (d, "formal-challenge") == NULL);
  /* Immediate risk is recorded once: not offered again on a difference already at it */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "differences.flag-risk", open && !d->immediate_risk);
  gtk_widget_set_visible (self->flag_risk_button, open && !d->immediate_risk);
  update_notices (self, d);
  prefill_date (self, self->notice_date_row);

  show_risk (self, d);
  gtk_stack_set_visible_child_name (self->detail_stack, "detail");
  adw_leaflet_set_visible_child_name (self->leaflet, "detail");
}

/* ---- the counts ---- */

static GPtrArray *
visible_differences (QuorumDifferencesPage *self)
{
  GListModel *model = G_LIST_MODEL (self->filter_model);
  GPtrArray *ret = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumDifferenceItem) item = g_list_model_get_item (model, i);

      /* The items live in self->items, so the differences outlive this array */
      g_ptr_array_add (ret, (gpointer) quorum_difference_item_get_difference (item));
    }

  return ret;
}

static QuorumDifferenceStats *
current_stats (QuorumDifferencesPage *self)
{
  g_autoptr(GPtrArray) visible = visible_differences (self);
  g_autoptr(GPtrArray) profiles = g_ptr_array_new ();
  QuorumProfile *profile = filtered_profile (self);

  if (profile != NULL)
    g_ptr_array_add (profiles, profile);

  return quorum_difference_stats_new (visible, profiles, NULL, NULL, &self->as_of);
}

static char *
stats_in_words (QuorumDifferencesPage       *self,
                const QuorumDifferenceStats *stats)
{
  QuorumProfile *profile = filtered_profile (self);
  GString *out = g_string_new (NULL);

  if (stats->total == 0)
    {
      g_string_append (out, _("No differences to count."));
      return g_string_free (out, FALSE);
    }

  if (profile != NULL && stats->profiles->len > 0)
    {
      const QuorumDifferenceProfileStats *p = g_ptr_array_index (stats->profiles, 0);

      for (guint i = 0; i < p->stages->len; i++)
        {
          const QuorumDifferenceStageCount *s = g_ptr_array_index (p->stages, i);

          g_string_append_printf (out, _("Stage %d reached by %d (%d resolved there, %d closed there with the disagreement "
                                         "remaining, %d open, %d overdue, %d escalated). "),
                                  s->number, s->reached, s->resolved - s->disagreement_remains, s->disagreement_remains,
                                  s->open - s->overdue, s->overdue, s->escalated);
        }
      if (p->monitored_stage > 0)
        g_string_append_printf (out, _("Reached the monitored stage %d: %d."), p->monitored_stage, p->monitored_reached);
    }
  else
    {
      for (guint i = 0; i < stats->profiles->len; i++)
        {
          const QuorumDifferenceProfileStats *p = g_ptr_array_index (stats->profiles, i);

          g_autofree char *policy = policy_short_name (self, p->profile_id);

          g_string_append_printf (out, _("%s: %d (%d open, %d overdue, %d resolved, %d closed with the disagreement remaining). "),
                                  policy, p->total, p->open - p->overdue, p->overdue,
                                  p->resolved - p->disagreement_remains, p->disagreement_remains);
        }
    }

  return g_string_free (out, FALSE);
}

static void
update_counts (QuorumDifferencesPage *self)
{
  g_autoptr(QuorumDifferenceStats) stats = current_stats (self);
  g_autofree char *words = stats_in_words (self, stats);
  g_autofree char *count = NULL;
  QuorumProfile *profile = filtered_profile (self);
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));

  count = g_strdup_printf (ngettext ("%u difference, %d overdue", "%u differences, %d overdue", shown),
                           shown, stats->overdue);
  gtk_label_set_label (self->count_label, count);

  gtk_label_set_label (self->chart_title,
                       profile != NULL ? _("Counts by Stage Reached") : _("Counts by Policy"));
  gtk_label_set_label (self->chart_text, words);
  /* With nothing to count the chart says so itself: its caption said it again below it
   * (trial 9, A6). */
  gtk_widget_set_visible (GTK_WIDGET (self->chart_text), stats->total > 0);
  /* The chart is a picture of the sentence below it */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Chart of the differences shown"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, words,
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self->chart));
}

typedef struct
{
  char *label;
  int   values[5];   /* resolved, open, overdue, escalated, disagreement remains */
} Bar;

static void
bar_clear (Bar *bar)
{
  g_free (bar->label);
}

static void
draw_text (cairo_t    *cr,
           GtkWidget  *widget,
           const char *text,
           double      x,
           double      y,
           double      align)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int width;
  int height;

  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_move_to (cr, x - width * align, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  QuorumDifferencesPage *self = user_data;
  g_autoptr(QuorumDifferenceStats) stats = current_stats (self);
  g_autoptr(GArray) bars = g_array_new (FALSE, TRUE, sizeof (Bar));
  const GdkRGBA *colours[] = { &colour_resolved, &colour_open, &colour_overdue, &colour_escalated, &colour_disagreement };
  const char *names[] = { _("Resolved"), _("Open"), _("Overdue"), _("Escalated"), _("Disagreement remains") };
  GtkStyleContext *style = gtk_widget_get_style_context (GTK_WIDGET (area));
  QuorumProfile *profile = filtered_profile (self);
  GdkRGBA fg;
  double legend_h = 22;
  double label_h = 20;
  double plot_top;
  double plot_h;
  double slot;
  int max = 1;

  g_array_set_clear_func (bars, (GDestroyNotify) bar_clear);
  gtk_style_context_get_color (style, &fg);

  if (profile != NULL && stats->profiles->len > 0)
    {
      const QuorumDifferenceProfileStats *p = g_ptr_array_index (stats->profiles, 0);

      for (guint i = 0; i < p->stages->len; i++)
        {
          const QuorumDifferenceStageCount *s = g_ptr_array_index (p->stages, i);
          Bar bar = { g_strdup_printf ("%d", s->number),
                      { s->resolved - s->disagreement_remains, s->open - s->overdue, s->overdue, s->escalated,
                        s->disagreement_remains } };

          g_array_append_val (bars, bar);
        }
    }
  else
    {
      for (guint i = 0; i < stats->profiles->len; i++)
        {
          const QuorumDifferenceProfileStats *p = g_ptr_array_index (stats->profiles, i);
          Bar bar = { policy_short_name (self, p->profile_id),
                      { p->resolved - p->disagreement_remains, p->open - p->overdue, p->overdue, 0,
                        p->disagreement_remains } };

          g_array_append_val (bars, bar);
        }
    }

  /* The legend: a key that does not fit goes on the next line */
  {
    double x = 0;
    double y = 1;

    for (guint k = 0; k < G_N_ELEMENTS (colours); k++)
      {
        g_autoptr(PangoLayout) layout = NULL;
        int text_w;
        int text_h;

        /* By policy, escalation is a stage's measure: no key for it */
        if (profile == NULL && k == 3)
          continue;
        layout = gtk_widget_create_pango_layout (GTK_WIDGET (area), names[k]);
        pango_layout_get_pixel_size (layout, &text_w, &text_h);
        if (x > 0 && x + 16 + text_w > width)
          {
            x = 0;
            y += legend_h;
          }
        gdk_cairo_set_source_rgba (cr, colours[k]);
        cairo_rectangle (cr, x, y + 3, 12, 12);
        cairo_fill (cr);
        gdk_cairo_set_source_rgba (cr, &fg);
        draw_text (cr, GTK_WIDGET (area), names[k], x + 16, y, 0);
        x += MAX (110, 16 + text_w + 16);
      }
    legend_h = y - 1 + legend_h;
  }

  if (bars->len == 0)
    {
      gdk_cairo_set_source_rgba (cr, &fg);
      draw_text (cr, GTK_WIDGET (area), _("No differences to count."), width / 2.0, height / 2.0 - 8, 0.5);
      return;
    }

  for (guint i = 0; i < bars->len; i++)
    {
      const Bar *bar = &g_array_index (bars, Bar, i);
      int total = bar->values[0] + bar->values[1] + bar->values[2] + bar->values[3] + bar->values[4];

      max = MAX (max, total);
    }

  plot_top = legend_h + 16;
  plot_h = MAX (10.0, height - plot_top - label_h);
  slot = (double) width / bars->len;

  for (guint i = 0; i < bars->len; i++)
    {
      const Bar *bar = &g_array_index (bars, Bar, i);
      double bar_w = MIN (48.0, slot * 0.6);
      double x = slot * i + (slot - bar_w) / 2;
      double y = plot_top + plot_h;
      int total = 0;
      g_autofree char *value = NULL;

      for (guint k = 0; k < G_N_ELEMENTS (bar->values); k++)
        {
          double h = plot_h * bar->values[k] / max;

          if (bar->values[k] == 0)
            continue;
          total += bar->values[k];
          gdk_cairo_set_source_rgba (cr, colours[k]);
          cairo_rectangle (cr, x, y - h, bar_w, h);
          cairo_fill (cr);
          y -= h;
        }

      gdk_cairo_set_source_rgba (cr, &fg);
      value = g_strdup_printf ("%d", total);
      draw_text (cr, GTK_WIDGET (area), value, x + bar_w / 2, y - 16, 0.5);
      draw_text (cr, GTK_WIDGET (area), bar->label, x + bar_w / 2, plot_top + plot_h + 2, 0.5);
    }

  /* The baseline */
  gdk_cairo_set_source_rgba (cr, &fg);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, 0, plot_top + plot_h + 0.5);
  cairo_line_to (cr, width, plot_top + plot_h + 0.5);
  cairo_stroke (cr);
}

/* ---- actions ---- */

static void
show_raise_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  QuorumDifferencesPage *self = QUORUM_DIFFERENCES_PAGE (widget);
  g_autofree char *date = row_text (self->raised_date_row);

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_revealer_set_reveal_child (self->risk_revealer, FALSE);
  /* A new form (clear_raise_form () emptied it once raised) is dated today; one in progress
   * keeps its words and choices. Either is read from the top, the first field ready. */
  if (date == NULL)
    prefill_date (self, self->raised_date_row);
  gtk_stack_set_visible_child_name (self->detail_stack, "raise");
  adw_leaflet_set_visible_child_name (self->leaflet, "detail");
  scroll_to_top (self->raise_scroller);
  quorum_ui_focus_at_end (GTK_WIDGET (self->raised_by_row));
}

static void
clear_raise_form (QuorumDifferencesPage *self)
{
  AdwEntryRow *rows[] = {
    self->raised_by_row, self->role_row, self->agency_row, self->against_row,
    self->against_decision_row, self->child_row, self->conference_row, self->outcome_sought_row,
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    set_row_text (rows[i], NULL);
  set_row_text (self->area_other_row, NULL);
  gtk_switch_set_active (self->immediate_risk_switch, FALSE);
  /* The next difference is not this one: dated when its form is opened, under the default
   * policy, with no area chosen (the one before's choices gave back-dated, mis-filed ones) */
  set_row_text (self->raised_date_row, NULL);
  adw_combo_row_set_selected (self->profile_row, default_profile_index (self));
  adw_combo_row_set_selected (self->area_row, AREA_NONE);
  /* Raised: what the form held is recorded now */
  quorum_draft_discard (self->raise_draft);
}

/* Enter in one of a form's one-line fields (@from): the focus on the next of @order shown (the
 * form's fields in the order they are answered, then its button), as in the New Conference
 * form. The button is not pressed: Enter on it, or Ctrl+Enter anywhere in the form, does that. */
static void
focus_next_shown (GtkWidget * const *order,
                  guint              n,
                  GtkWidget         *from)
{
  for (guint i = 0; i + 1 < n; i++)
    if (order[i] == from)
      {
        for (guint j = i + 1; j < n; j++)
          if (order[j] != NULL && gtk_widget_is_visible (order[j]) && gtk_widget_is_sensitive (order[j]))
            {
              if (ADW_IS_ENTRY_ROW (order[j]))
                quorum_ui_focus_at_end (order[j]);
              else
                gtk_widget_grab_focus (order[j]);
              return;
            }
        return;
      }
}

/* One answer of a form, for a refusal: @row, which the store's words name @what (its message
 * holds it: "Who took part must not be empty"); @required when it must not be left empty. */
typedef struct
{
  AdwEntryRow *row;
  const char  *what;
  gboolean     required;
} Answer;

/* A form refused by the store: the focus on the answer its words name, else on the first
 * required answer left empty (the store's checks run in the form's order), where the toast's
 * words point. The focus stayed on the button, or in the field Ctrl+Enter was pressed in. */
static void
focus_refused_answer (const GError *error,
                      const Answer *answers,
                      guint         n)
{
  for (guint i = 0; error != NULL && i < n; i++)
    if (answers[i].what != NULL && strstr (error->message, answers[i].what) != NULL &&
        gtk_widget_is_visible (GTK_WIDGET (answers[i].row)))
      {
        quorum_ui_focus_at_end (GTK_WIDGET (answers[i].row));
        return;
      }

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = NULL;

      if (!answers[i].required || !gtk_widget_is_visible (GTK_WIDGET (answers[i].row)))
        continue;
      text = row_text (answers[i].row);
      if (text == NULL)
        {
          quorum_ui_focus_at_end (GTK_WIDGET (answers[i].row));
          return;
        }
    }
}

/* Ctrl+Enter (either Enter key) anywhere in @widget activates @action: the form's button. */
static void
add_ctrl_enter (GtkWidget  *widget,
                const char *action)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_alternative_trigger_new (gtk_shortcut_trigger_parse_string ("<Control>Return"),
                                                                                       gtk_shortcut_trigger_parse_string ("<Control>KP_Enter")),
                                                          gtk_named_action_new (action)));
  gtk_widget_add_controller (widget, shortcuts);
}

/* The Raise form's fields in the order they are answered: Enter in one moves on to the next
 * shown (the area other only with "Other"), as in the New Conference form; from the outcome
 * sought, the last, to Raise, past the immediate risk switch the practitioner sees on the way.
 * Enter did nothing: a practitioner typing each answer and pressing Enter had them all run
 * together in "Raised by" (trial 7, A1). Ctrl+Enter anywhere in the form raises it. */
static void
raise_row_activated_cb (QuorumDifferencesPage *self,
                        gpointer               row)
{
  GtkWidget *order[] = {
    GTK_WIDGET (self->raised_date_row), GTK_WIDGET (self->raised_by_row), GTK_WIDGET (self->role_row),
    GTK_WIDGET (self->agency_row), GTK_WIDGET (self->against_row), GTK_WIDGET (self->against_decision_row),
    GTK_WIDGET (self->child_row), GTK_WIDGET (self->conference_row), GTK_WIDGET (self->area_row),
    GTK_WIDGET (self->area_other_row), GTK_WIDGET (self->outcome_sought_row), self->raise_button,
  };

  focus_next_shown (order, G_N_ELEMENTS (order), GTK_WIDGET (row));
}

/* Enter on the Area of disagreement, an area chosen, moves on as Enter in the form's other
 * fields does: it reopened the list, and the outcome sought typed next went into the list and
 * was lost, with no sign (trial 9, D4). With none chosen yet, Enter opens the list, as Space
 * and Alt+Down always do. */
static gboolean
area_key_pressed_cb (QuorumDifferencesPage *self,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     GtkEventControllerKey *controller)
{
  GdkModifierType mods = state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK | GDK_SUPER_MASK);
  GtkWidget *row = GTK_WIDGET (self->area_row);

  /* Only the row's own keys: not those of its open list, whose Enter chooses. */
  if (!gtk_widget_has_focus (row) || gtk_widget_get_focus_child (row) != NULL)
    return GDK_EVENT_PROPAGATE;

  if ((keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down) && mods == GDK_ALT_MASK)
    {
      adw_action_row_activate (ADW_ACTION_ROW (row));
      return GDK_EVENT_STOP;
    }
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter) && mods == 0 &&
      adw_combo_row_get_selected (self->area_row) != AREA_NONE)
    {
      raise_row_activated_cb (self, row);
      return GDK_EVENT_STOP;
    }
  return GDK_EVENT_PROPAGATE;
}

/* The difference's other forms, as the Raise form (memberkeys): Enter moves on, from the last
 * field to the form's button; Ctrl+Enter records; a refusal puts the focus on the answer. They
 * did nothing on Enter. The notice: its date, by, to and how, then Record Notice (past the
 * immediate risk and formal challenge buttons, which record for good and ask first). */
static void
notice_row_activated_cb (QuorumDifferencesPage *self,
                         AdwEntryRow           *row)
{
  GtkWidget *order[] = {
    GTK_WIDGET (self->notice_date_row), GTK_WIDGET (self->notice_by_row), GTK_WIDGET (self->notice_to_row),
    GTK_WIDGET (self->notice_means_row), self->notice_button,
  };

  focus_next_shown (order, G_N_ELEMENTS (order), GTK_WIDGET (row));
}

/* The discussion: its date, who took part, what was said, what was agreed, then the stage's
 * checklist answers, then Record Discussion. */
static void
note_row_activated_cb (QuorumDifferencesPage *self,
                       AdwEntryRow           *row)
{
  g_autoptr(GPtrArray) order = g_ptr_array_new ();

  g_ptr_array_add (order, self->note_date_row);
  g_ptr_array_add (order, self->note_with_row);
  g_ptr_array_add (order, self->note_summary_row);
  g_ptr_array_add (order, self->note_agreed_row);
  for (guint i = 0; i < self->checklist_rows->len; i++)
    g_ptr_array_add (order, g_ptr_array_index (self->checklist_rows, i));
  g_ptr_array_add (order, self->record_button);
  focus_next_shown ((GtkWidget * const *) order->pdata, order->len, GTK_WIDGET (row));
}

static void
escalate_row_activated_cb (QuorumDifferencesPage *self,
                           AdwEntryRow           *row)
{
  GtkWidget *order[] = {
    GTK_WIDGET (self->escalate_date_row), GTK_WIDGET (self->escalate_reason_row), self->escalate_button,
  };

  focus_next_shown (order, G_N_ELEMENTS (order), GTK_WIDGET (row));
}

/* The resolution: its date, the Co-ordinator's decision (a chair-decides challenge), the
 * outcome, feedback to whom and when, then Resolve, past the switches seen on the way. */
static void
resolve_row_activated_cb (QuorumDifferencesPage *self,
                          AdwEntryRow           *row)
{
  GtkWidget *order[] = {
    GTK_WIDGET (self->resolve_date_row), GTK_WIDGET (self->challenge_row), GTK_WIDGET (self->outcome_row),
    GTK_WIDGET (self->feedback_to_row), GTK_WIDGET (self->feedback_date_row), self->resolve_button,
  };

  focus_next_shown (order, G_N_ELEMENTS (order), GTK_WIDGET (row));
}

/* Raise refused for an answer missing: the focus on its field, the first the store asks for,
 * where the toast's words point. */
static void
focus_missing_answer (QuorumDifferencesPage *self)
{
  AdwEntryRow *required[] = {
    self->area_other_row, self->raised_by_row, self->agency_row, self->against_row, self->outcome_sought_row,
  };

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    {
      g_autofree char *text = NULL;

      if (!gtk_widget_get_visible (GTK_WIDGET (required[i])))
        continue;
      text = row_text (required[i]);
      if (text == NULL)
        {
          quorum_ui_focus_at_end (GTK_WIDGET (required[i]));
          return;
        }
    }
}

/* The form gone, the focus is given to the raised difference's row in the list, where the
 * keyboard goes on from what is shown: GTK gave it to the detail's first focusable widget, a
 * selectable text with its words all selected or a choice of the notice form (trial 8, A8). Where
 * the list is folded away, to the detail's heading pane. */
static void
focus_selected_row (QuorumDifferencesPage *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);

  if (position == GTK_INVALID_LIST_POSITION || !gtk_widget_get_mapped (GTK_WIDGET (self->list_view)))
    return;
  /* GTK 4.8's list focuses the item it tracks: moved to the new row by scrolling to it. */
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
raise_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  QuorumDifferencesPage *self = QUORUM_DIFFERENCES_PAGE (widget);
  g_autofree char *raised_by = row_text (self->raised_by_row);
  g_autofree char *role = row_text (self->role_row);
  g_autofree char *agency = row_text (self->agency_row);
  g_autofree char *against = row_text (self->against_row);
  g_autofree char *against_decision = row_text (self->against_decision_row);
  g_autofree char *child = row_text (self->child_row);
  g_autofree char *conference = row_text (self->conference_row);
  g_autofree char *outcome_sought = row_text (self->outcome_sought_row);
  g_autofree char *area_other = row_text (self->area_other_row);
  g_autoptr(GError) error = NULL;
  QuorumDifferenceSpec spec = { 0 };
  guint profile_index = adw_combo_row_get_selected (self->profile_row);
  guint area_index = adw_combo_row_get_selected (self->area_row);
  gint64 id;

  if (self->profiles == NULL || profile_index >= self->profiles->len)
    return;

  if (!read_date (self, self->raised_date_row, _("The date raised"), FALSE, &spec.date))
    return;

  if (conference != NULL)
    {
      char *end = NULL;

      spec.conference_id = g_ascii_strtoll (conference, &end, 10);
      if (end == NULL || *end != '\0' || spec.conference_id <= 0)
        {
          g_set_error (&error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                       _("The conference number is the whole number shown in the list of conferences"));
          quorum_ui_show_error (widget, error);
          gtk_widget_grab_focus (GTK_WIDGET (self->conference_row));
          return;
        }
    }

  spec.profile_id = ((QuorumProfile *) g_ptr_array_index (self->profiles, profile_index))->id;
  spec.raised_by = raised_by;
  spec.role = role;
  spec.agency = agency;
  spec.against = against;
  spec.against_decision = against_decision;
  spec.child = child;
  if (area_index == AREA_NONE || area_index > QUORUM_N_AREAS)
    {
      g_set_error (&error, QUORUM_ERROR, QUORUM_ERROR_INVALID, _("Choose the area of disagreement"));
      quorum_ui_show_error (widget, error);
      gtk_widget_grab_focus (GTK_WIDGET (self->area_row));
      return;
    }
  spec.area = (QuorumArea) (area_index - 1);
  spec.area_other = spec.area == QUORUM_AREA_OTHER ? area_other : NULL;
  spec.outcome_sought = outcome_sought;
  spec.immediate_risk = gtk_switch_get_active (self->immediate_risk_switch);

  /* The record names who wrote it: with no name kept, asked first (nothing written till then). */
  if (quorum_ui_ask_name_first (widget, self->store, action_name, param))
    return;
  id = quorum_store_raise_difference (self->store, &spec, &error);
  if (id == 0)
    {
      quorum_ui_show_error (widget, error);
      focus_missing_answer (self);
      return;
    }

  clear_raise_form (self);
  quorum_differences_page_refresh (self);
  if (!quorum_differences_page_select (self, id))
    {
      /* The filters hid it: show everything so the person sees what they raised */
      gtk_drop_down_set_selected (self->status_dropdown, SHOW_ALL);
      gtk_drop_down_set_selected (self->profile_dropdown, 0);
      gtk_editable_set_text (GTK_EDITABLE (self->agency_entry), "");
      quorum_differences_page_select (self, id);
    }
  focus_selected_row (self);

  {
    QuorumProfile *profile = find_profile (self, spec.profile_id);

    quorum_ui_toast (widget, !spec.immediate_risk ? _("Difference raised")
                           : profile != NULL && profile->immediate_risk_same_day
                           ? _("Difference raised: immediate risk, escalate the same day")
                           : _("Difference raised: immediate risk, act without delay"));
  }
}

static void
give_notice_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  QuorumDifferencesPage *self = QUORUM_DIFFERENCES_PAGE (widget);
  QuorumDifferenceItem *item = selected_item (self);
  g_autofree char *by = row_text (self->notice_by_row);
  g_autofree char *to = row_text (self->notice_to_row);
  g_autofree char *means = row_text (self->notice_means_row);
  g_autoptr(GError) error = NULL;
  QuorumNoticeSpec spec = { 0 };
  const QuorumNoticeRow *pending;
  guint index = adw_combo_row_get_selected (self->notice_kind_row);
  gint64 id;

  if (item == NULL || self->pending_notices == NULL || index >= self->pending_notices->len)
    return;
  pending = g_ptr_array_index (self->pending_notices, index);
  if (!read_date (self, self->notice_date_row, _("The date the notice was given"), FALSE, &spec.date))
    return;
  id = quorum_difference_item_get_difference (item)->id;
  spec.kind = pending->kind;
  spec.difference_id = id;
  spec.stage = pending->stage;
  spec.by = by;
  spec.to = to;
  spec.means = means;
  if (quorum_ui_ask_name_first (widget, self->store, action_name, param))
    return;
  if (quorum_store_give_notice (self->store, &spec, &error) == 0)
    {
      Answer answers[] = {
        { self->notice_date_row, _("The date the notice was given"), FALSE },
      };

      quorum_ui_show_error (widget, error);
      focus_refused_answer (error, answers, G_N_ELEMENTS (answers));
      return;
    }
  set_row_text (self->notice_by_row, NULL);
  set_row_text (self->notice_to_row, NULL);
  set_row_text (self->notice_means_row, NULL);
  quorum_draft_discard (self->notice_draft);
  quorum_differences_page_refresh (self);
  quorum_differences_page_select (self, id);
  quorum_ui_toast (widget, _("Notice recorded as given"));
}

/* Records the flag @kind on difference @id, dated @when, and says what it means. */
static void
record_flag (QuorumDifferencesPage *self,
             gint64                 id,
             const char            *kind,
             const GDate           *when,
             const char            *detail)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean risk = g_str_equal (kind, "immediate-risk");
  g_autoptr(QuorumDifference) d = NULL;
  g_autoptr(GError) error = NULL;
  QuorumProfile *profile = NULL;

  d = quorum_store_load_difference (self->store, id, NULL);
  if (d != NULL)
    profile = find_profile (self, d->profile_id);
  if (quorum_store_flag_difference (self->store, id, kind, when, detail, &error) == 0)
    {
      quorum_ui_show_error (widget, error);
      return;
    }
  quorum_differences_page_refresh (self);
  quorum_differences_page_select (self, id);
  /* The same working day only where the profile asks; otherwise its own words */
  quorum_ui_toast (widget, !risk ? _("Formal challenge recorded")
                         : profile != NULL && profile->immediate_risk_same_day
                         ? _("Immediate risk recorded: escalate the same working day")
                         : _("Immediate risk recorded: act without delay, as the policy says"));
}

static void
flag_risk_response_cb (AdwMessageDialog      *dialog,
                       const char            *response,
                       QuorumDifferencesPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "quorum-difference"));
  const GDate *when = g_object_get_data (G_OBJECT (dialog), "quorum-date");

  if (g_strcmp0 (response, "record") != 0 || self->store == NULL)
    return;

  record_flag (self, id, "immediate-risk", when, NULL);
}

/* The formal challenge's dialog: recorded only by its own button, with the date and detail
 * typed in it. */
static void
flag_challenge_response_cb (AdwMessageDialog      *dialog,
                            const char            *response,
                            QuorumDifferencesPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "quorum-difference"));
  GtkEditable *date_row = g_object_get_data (G_OBJECT (dialog), "quorum-date-row");
  GtkEditable *detail_row = g_object_get_data (G_OBJECT (dialog), "quorum-detail-row");
  g_autofree char *date = NULL;
  g_autofree char *detail = NULL;
  g_autoptr(GError) error = NULL;
  GDate when;

  if (g_strcmp0 (response, "record") != 0 || self->store == NULL)
    return;

  date = quorum_ui_editable_get_text (date_row);
  detail = quorum_ui_editable_get_text (detail_row);
  if (!quorum_date_parse (date != NULL ? date : "", _("The date the formal challenge was lodged"), &when, &error))
    {
      quorum_ui_show_error (GTK_WIDGET (self), error);
      return;
    }
  record_flag (self, id, "formal-challenge", &when, detail);
}

/* Asks before a formal challenge is recorded for good (Bradford), with its date and detail. */
static void
ask_formal_challenge (QuorumDifferencesPage *self,
                      gint64                 id,
                      int                    stage,
                      const GDate           *when)
{
  GtkWidget *widget = GTK_WIDGET (self);
  AdwMessageDialog *dialog;
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *date_row = adw_entry_row_new ();
  GtkWidget *detail_row = adw_entry_row_new ();
  g_autofree char *body = NULL;
  g_autofree char *day = quorum_date_to_string (when);

  body = g_strdup_printf (_("Difference %lld: a formal challenge lodged at stage %d. "
                            "This is recorded for good and cannot be removed."), (long long) id, stage);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                       _("Record Formal Challenge?"), body));
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (date_row), _("Lodged on (YYYY-MM-DD)"));
  gtk_editable_set_text (GTK_EDITABLE (date_row), day);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (detail_row), _("Detail (optional)"));
  gtk_widget_set_name (date_row, "challenge-date");
  gtk_widget_set_name (detail_row, "challenge-detail");
  gtk_list_box_append (GTK_LIST_BOX (list), date_row);
  gtk_list_box_append (GTK_LIST_BOX (list), detail_row);
  adw_message_dialog_set_extra_child (dialog, list);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "record", _("_Record Formal Challenge"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "record", ADW_RESPONSE_SUGGESTED);
  /* Cancel is the default: Enter or a double click records nothing */
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "quorum-difference", GSIZE_TO_POINTER ((gsize) id));
  g_object_set_data (G_OBJECT (dialog), "quorum-date-row", date_row);
  g_object_set_data (G_OBJECT (dialog), "quorum-detail-row", detail_row);
  g_signal_connect_object (dialog, "response", G_CALLBACK (flag_challenge_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (detail_row);
}

static void
flag_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  QuorumDifferencesPage *self = QUORUM_DIFFERENCES_PAGE (widget);
  QuorumDifferenceItem *item = selected_item (self);
  gboolean risk = g_str_equal (action_name, "differences.flag-risk");
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;
  g_autofree char *day = NULL;
  GDate when;
  gint64 id;

  if (item == NULL)
    return;
  /* The date is the notice form's: the day it was identified or lodged. */
  if (!read_date (self, self->notice_date_row, risk ? _("The date immediate risk was identified")
                                                    : _("The date the formal challenge was lodged"), FALSE, &when))
    return;
  /* Named before it is asked to be confirmed: the confirmation then records at once. */
  if (quorum_ui_ask_name_first (widget, self->store, action_name, param))
    return;
  id = quorum_difference_item_get_difference (item)->id;
  if (!risk)
    {
      /* Offered once: the button goes once it is recorded. Asked first, as immediate risk is:
       * a record is never deleted. */
      ask_formal_challenge (self, id,
                            quorum_difference_get_current_stage (quorum_difference_item_get_difference (item))->number,
                            &when);
      return;
    }

  /* A record is never deleted: a click by mistake, or a second one, must not make one.
   * Cancel is the default, so Enter or a double click records nothing. */
  day = quorum_ui_format_date (&when);
  body = g_strdup_printf (_("Difference %lld: a child at immediate risk of significant harm, identified %s at "
                            "stage %d. This is recorded for good and cannot be removed."),
                          (long long) id, day,
                          quorum_difference_get_current_stage (quorum_difference_item_get_difference (item))->number);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                       _("Record Immediate Risk?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "record", _("_Record Immediate Risk"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "record", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "quorum-difference", GSIZE_TO_POINTER ((gsize) id));
  g_object_set_data_full (G_OBJECT (dialog), "quorum-date", g_memdup2 (&when, sizeof when), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (flag_risk_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* What immediate risk does under the policy chosen in the Raise form: a same-day due date only
 * where the profile asks (Bradford); otherwise no due date, and the policy's own words. */
static void
profile_selected_cb (QuorumDifferencesPage *self)
{
  guint index = adw_combo_row_get_selected (self->profile_row);
  QuorumProfile *profile;
  g_autofree char *subtitle = NULL;

  if (self->profiles == NULL || index >= self->profiles->len)
    return;

  profile = g_ptr_array_index (self->profiles, index);
  if (profile->immediate_risk_same_day)
    subtitle = g_strdup (_("The first stage is then due the day it is raised"));
  else
    subtitle = g_strdup_printf (_("No due date is set: this policy asks for action without delay. %s"),
                                profile->immediate_risk_advice != NULL ? profile->immediate_risk_advice : "");
  adw_action_row_set_subtitle (self->immediate_risk_row, g_strstrip (subtitle));
}

static void
area_selected_cb (QuorumDifferencesPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->area_other_row),
                          adw_combo_row_get_selected (self->area_row) == QUORUM_AREA_OTHER + 1);
}

static void
record_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  QuorumDifferencesPage *self = QUORUM_DIFFERENCES_PAGE (widget);
  gint64 id = quorum_differences_page_get_selected (self);
  g_autofree char *with = row_text (self->note_with_row);
  g_autofree char *summary = row_text (self->note_summary_row);
  g_autofree char *agreed = row_text (self->note_agreed_row);
  g_autoptr(GPtrArray) answers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  QuorumDifferenceNoteSpec spec = { 0 };
  gboolean any_answer = FALSE;

  if (id == 0)
    return;
  if (!read_date (self, self->note_date_row, _("The date of the discussion"), FALSE, &spec.date))
    return;

  for (guint i = 0; i < self->checklist_rows->len; i++)
    {
      char *answer = row_text (g_ptr_array_index (self->checklist_rows, i));

      any_answer |= answer != NULL;
      g_ptr_array_add (answers, answer != NULL ? answer : g_strdup (""));
    }
  g_ptr_array_add (answers, NULL);

  spec.participants = with;
  spec.summary = summary;
  spec.agreed = agreed;
  spec.answers = any_answer ? (const char * const *) answers->pdata : NULL;

  if (quorum_ui_ask_name_first (widget, self->store, action_name, param))
    return;
  if (quorum_store_record_difference_note (self->store, id, &spec, &error) == 0)
    {
      Answer asked[] = {
        { self->note_date_row, _("The date of the discussion"), FALSE },
        { self->note_date_row, _("The discussion"), FALSE },
        { self->note_with_row, _("Who took part"), TRUE },
        { self->note_summary_row, _("The summary of what was said"), TRUE },
        { self->note_agreed_row, _("What was agreed"), FALSE },
      };

      quorum_ui_show_error (widget, error);
      focus_refused_answer (error, asked, G_N_ELEMENTS (asked));
      return;
    }

  set_row_text (self->note_with_row, NULL);
  set_row_text (self->note_summary_row, NULL);
  set_row_text (self->note_agreed_row, NULL);
  for (guint i = 0; i < self->checklist_rows->len; i++)
    set_row_text (g_ptr_array_index (self->checklist_rows, i), NULL);
  quorum_draft_discard (self->note_draft);
  quorum_differences_page_refresh (self);
  quorum_ui_toast (widget, _("Discussion recorded"));
}

static void
escalate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  QuorumDifferencesPage *self = QUORUM_DIFFERENCES_PAGE (widget);
  gint64 id = quorum_differences_page_get_selected (self);
  g_autofree char *reason = row_text (self->escalate_reason_row);
  g_autoptr(QuorumDifferenceStage) stage = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  GDate date;

  if (id == 0)
    return;
  if (!read_date (self, self->escalate_date_row, _("The date of the escalation"), FALSE, &date))
    return;

  if (quorum_ui_ask_name_first (widget, self->store, action_name, param))
    return;
  stage = quorum_store_escalate_difference (self->store, id, &date, reason, &error);
  if (stage == NULL)
    {
      Answer answers[] = {
        { self->escalate_date_row, _("The date of the escalation"), FALSE },
        { self->escalate_date_row, _("The escalation"), FALSE },
        { self->escalate_reason_row, _("The reason for escalating"), TRUE },
      };

      quorum_ui_show_error (widget, error);
      focus_refused_answer (error, answers, G_N_ELEMENTS (answers));
      return;
    }

  set_row_text (self->escalate_reason_row, NULL);
  quorum_draft_discard (self->escalate_draft);
  quorum_differences_page_refresh (self);

  if (g_date_valid (&stage->due))
    {
      g_autofree char *due = quorum_ui_format_date (&stage->due);
      message = g_strdup_printf (_("Escalated to stage %d, due %s"), stage->number, due);
    }
  else
    message = g_strdup_printf (_("Escalated to stage %d: no time limit set by this policy"), stage->number);
  quorum_ui_toast (widget, message);
}

static void
resolve_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  QuorumDifferencesPage *self = QUORUM_DIFFERENCES_PAGE (widget);
  QuorumDifferenceItem *item = selected_item (self);
  g_autofree char *outcome = row_text (self->outcome_row);
  g_autofree char *feedback_to = row_text (self->feedback_to_row);
  g_autoptr(GError) error = NULL;
  QuorumResolutionSpec spec = { 0 };
  const QuorumDifference *d;
  gint64 id;

  if (item == NULL)
    return;

  d = quorum_difference_item_get_difference (item);
  id = d->id;

  if (!read_date (self, self->feedback_date_row, _("The date feedback was given"), TRUE, &spec.feedback_date))
    return;
  if (quorum_ui_ask_name_first (widget, self->store, action_name, param))
    return;

  if (d->status == QUORUM_DIFFERENCE_RESOLVED)
    {
      if (!quorum_store_follow_up_difference (self->store, id,
                                              gtk_switch_get_active (self->debrief_switch),
                                              gtk_switch_get_active (self->protocol_review_switch),
                                              d->feedback_to == NULL ? feedback_to : NULL,
                                              &spec.feedback_date, &error))
        {
          Answer answers[] = {
            { self->feedback_to_row, _("A feedback date needs the name of who was given the feedback"), FALSE },
            { self->feedback_date_row, _("Feedback on the outcome cannot be dated before the resolution"), FALSE },
            { self->feedback_date_row, _("The date feedback was given"), FALSE },
            { self->feedback_to_row, _("Who was given feedback"), FALSE },
          };

          quorum_ui_show_error (widget, error);
          focus_refused_answer (error, answers, G_N_ELEMENTS (answers));
          return;
        }
      quorum_differences_page_refresh (self);
      quorum_ui_toast (widget, _("Follow-up saved"));
      return;
    }

  if (!read_date (self, self->resolve_date_row, _("The date of the resolution"), FALSE, &spec.date))
    return;

  /* A chair-decides profile's challenge: the Safeguarding Co-ordinator's decision, in the
   * policy's words, unless an outcome is written out */
  if (outcome == NULL && gtk_widget_get_visible (GTK_WIDGET (self->challenge_row)))
    {
      GObject *selected = adw_combo_row_get_selected_item (self->challenge_row);

      if (adw_combo_row_get_selected (self->challenge_row) > 0 && GTK_IS_STRING_OBJECT (selected))
        outcome = g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (selected)));
    }

  spec.outcome = outcome;
  spec.feedback_to = feedback_to;
  spec.debrief = gtk_switch_get_active (self->debrief_switch);
  spec.protocol_review = gtk_switch_get_active (self->protocol_review_switch);
  spec.disagreement_remains = gtk_switch_get_active (self->disagreement_remains_switch);

  if (!quorum_store_resolve_difference (self->store, id, &spec, &error))
    {
      Answer answers[] = {
        { self->feedback_to_row, _("A feedback date needs the name of who was given the feedback"), FALSE },
        { self->feedback_date_row, _("Feedback on the outcome cannot be dated before the resolution"), FALSE },
        { self->feedback_date_row, _("The date feedback was given"), FALSE },
        { self->resolve_date_row, _("The date of the resolution"), FALSE },
        { self->resolve_date_row, _("The resolution"), FALSE },
        { self->outcome_row, _("The agreed outcome"), TRUE },
        { self->feedback_to_row, _("Who was given feedback"), FALSE },
      };

      quorum_ui_show_error (widget, error);
      focus_refused_answer (error, answers, G_N_ELEMENTS (answers));
      return;
    }

  set_row_text (self->outcome_row, NULL);
  quorum_draft_discard (self->resolve_draft);
  quorum_differences_page_refresh (self);
  quorum_ui_toast (widget, _("Difference resolved"));
}

/* ---- setup ---- */

static void
load_profiles (QuorumDifferencesPage *self)
{
  g_autoptr(GtkStringList) filter_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) areas = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;

  self->profiles = quorum_profiles_load_all (&error);
  if (self->profiles == NULL)
    {
      g_warning ("No policy profiles: %s", error->message);
      self->profiles = g_ptr_array_new ();
    }

  gtk_string_list_append (filter_names, _("All policies"));
  for (guint i = 0; i < self->profiles->len; i++)
    {
      QuorumProfile *profile = g_ptr_array_index (self->profiles, i);

      gtk_string_list_append (filter_names, profile->name);
      gtk_string_list_append (names, profile->name);
    }
  /* Nothing chosen until the person chooses: a new form never carries an area over */
  gtk_string_list_append (areas, _("Choose the area…"));
  for (guint i = 0; i < QUORUM_N_AREAS; i++)
    gtk_string_list_append (areas, quorum_area_get_label ((QuorumArea) i));

  /* The filter shows the short name in the bar, where a long one would move the others. */
  quorum_ui_show_policy_names (GTK_WIDGET (self->profile_dropdown), self->profiles, FALSE);
  quorum_ui_show_policy_names (GTK_WIDGET (self->profile_row), self->profiles, TRUE);
  gtk_drop_down_set_model (self->profile_dropdown, G_LIST_MODEL (filter_names));
  adw_combo_row_set_model (self->profile_row, G_LIST_MODEL (names));
  adw_combo_row_set_model (self->area_row, G_LIST_MODEL (areas));
  adw_combo_row_set_selected (self->area_row, AREA_NONE);
  /* Long choices ("Outcome of an assessment by …", a notice in its policy's words) whole, in
   * the list and in the row (under its title, where a long one wraps), at any width */
  quorum_ui_show_whole_items (GTK_WIDGET (self->area_row));
  adw_combo_row_set_use_subtitle (self->area_row, TRUE);
  quorum_ui_show_whole_items (GTK_WIDGET (self->notice_kind_row));
  adw_combo_row_set_use_subtitle (self->notice_kind_row, TRUE);
  g_signal_connect_object (self->profile_row, "notify::selected", G_CALLBACK (profile_selected_cb),
                           self, G_CONNECT_SWAPPED);
  profile_selected_cb (self);
}

void
quorum_differences_page_set_as_of (QuorumDifferencesPage *self,
                                   const char            *as_of)
{
  g_return_if_fail (QUORUM_IS_DIFFERENCES_PAGE (self));

  if (as_of != NULL && quorum_date_parse (as_of, "as-of", &self->as_of, NULL))
    self->as_of_fixed = TRUE;
  else
    {
      self->as_of_fixed = FALSE;
      quorum_date_today (&self->as_of);
    }
  /* The date the Raise form offers is no draft of its own, whichever day is today. */
  if (self->raise_draft != NULL)
    {
      g_autofree char *today = quorum_date_to_string (&self->as_of);

      quorum_draft_set_baseline (self->raise_draft, "date", today);
    }

  quorum_differences_page_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_AS_OF]);
}

static void
quorum_differences_page_constructed (GObject *object)
{
  QuorumDifferencesPage *self = (QuorumDifferencesPage *)object;

  G_OBJECT_CLASS (quorum_differences_page_parent_class)->constructed (object);

  if (self->store == NULL)
    return;

  self->note_draft = quorum_draft_new (self->store, 0, NULL);
  quorum_draft_add_field (self->note_draft, "with", GTK_WIDGET (self->note_with_row));
  quorum_draft_add_field (self->note_draft, "summary", GTK_WIDGET (self->note_summary_row));
  quorum_draft_add_field (self->note_draft, "agreed", GTK_WIDGET (self->note_agreed_row));
  g_object_bind_property (self->note_draft, "has-draft", self->note_draft_label, "visible", G_BINDING_SYNC_CREATE);

  self->escalate_draft = quorum_draft_new (self->store, 0, NULL);
  quorum_draft_add_field (self->escalate_draft, "reason", GTK_WIDGET (self->escalate_reason_row));
  self->resolve_draft = quorum_draft_new (self->store, 0, NULL);
  quorum_draft_add_field (self->resolve_draft, "outcome", GTK_WIDGET (self->outcome_row));
  self->notice_draft = quorum_draft_new (self->store, 0, NULL);
  quorum_draft_add_field (self->notice_draft, "by", GTK_WIDGET (self->notice_by_row));
  quorum_draft_add_field (self->notice_draft, "to", GTK_WIDGET (self->notice_to_row));
  quorum_draft_add_field (self->notice_draft, "means", GTK_WIDGET (self->notice_means_row));

  /* The Raise form is one for the page: what was typed in it comes back after a close or a
   * crash, until the difference is raised. */
  self->raise_draft = quorum_draft_new (self->store, 0, "difference:raise");
  quorum_draft_add_field (self->raise_draft, "raised-by", GTK_WIDGET (self->raised_by_row));
  quorum_draft_add_field (self->raise_draft, "role", GTK_WIDGET (self->role_row));
  quorum_draft_add_field (self->raise_draft, "agency", GTK_WIDGET (self->agency_row));
  quorum_draft_add_field (self->raise_draft, "against", GTK_WIDGET (self->against_row));
  quorum_draft_add_field (self->raise_draft, "against-decision", GTK_WIDGET (self->against_decision_row));
  quorum_draft_add_field (self->raise_draft, "child", GTK_WIDGET (self->child_row));
  quorum_draft_add_field (self->raise_draft, "conference", GTK_WIDGET (self->conference_row));
  quorum_draft_add_field (self->raise_draft, "area-other", GTK_WIDGET (self->area_other_row));
  quorum_draft_add_field (self->raise_draft, "outcome-sought", GTK_WIDGET (self->outcome_sought_row));
  /* Its choices and date too, as the New Conference form keeps its kind and policy: given back
   * with the words only, a difference was raised under the default policy and dated today
   * (trial 9, D3: Bradford from 20 November became Bolton from 3 December). The policy and the
   * area by their ids; the date offered (today) is no draft of its own. */
  if (self->profiles->len > 0)
    {
      g_autoptr(GPtrArray) keys = g_ptr_array_new ();

      for (guint i = 0; i < self->profiles->len; i++)
        g_ptr_array_add (keys, ((QuorumProfile *) g_ptr_array_index (self->profiles, i))->id);
      g_ptr_array_add (keys, NULL);
      quorum_draft_add_choice (self->raise_draft, "policy", GTK_WIDGET (self->profile_row),
                               (const char * const *) keys->pdata);
      quorum_draft_set_baseline (self->raise_draft, "policy",
                                 ((QuorumProfile *) g_ptr_array_index (self->profiles, default_profile_index (self)))->id);
    }
  {
    const char *keys[QUORUM_N_AREAS + 2] = { "none" };

    for (guint i = 0; i < QUORUM_N_AREAS; i++)
      keys[i + 1] = quorum_area_to_string ((QuorumArea) i);
    quorum_draft_add_choice (self->raise_draft, "area", GTK_WIDGET (self->area_row), keys);
    quorum_draft_set_baseline (self->raise_draft, "area", "none");
  }
  quorum_draft_add_field (self->raise_draft, "date", GTK_WIDGET (self->raised_date_row));
  {
    g_autofree char *today = quorum_date_to_string (&self->as_of);

    quorum_draft_set_baseline (self->raise_draft, "date", today);
  }
  quorum_draft_restore (self->raise_draft);
  quorum_draft_bind_marker (self->raise_draft, self->raise_draft_label);

  quorum_differences_page_refresh (self);
}

static void
quorum_differences_page_dispose (GObject *object)
{
  QuorumDifferencesPage *self = (QuorumDifferencesPage *)object;

  g_clear_handle_id (&self->narrow_source, g_source_remove);
  g_clear_object (&self->note_draft);
  g_clear_object (&self->escalate_draft);
  g_clear_object (&self->resolve_draft);
  g_clear_object (&self->notice_draft);
  g_clear_object (&self->raise_draft);
  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_DIFFERENCES_PAGE);

  g_clear_object (&self->store);
  g_clear_object (&self->items);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->profiles, g_ptr_array_unref);
  g_clear_pointer (&self->checklist_rows, g_ptr_array_unref);
  g_clear_pointer (&self->pending_notices, g_ptr_array_unref);

  G_OBJECT_CLASS (quorum_differences_page_parent_class)->dispose (object);
}

static void
quorum_differences_page_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  QuorumDifferencesPage *self = QUORUM_DIFFERENCES_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_AS_OF:
      g_value_take_string (value, self->as_of_fixed ? quorum_date_to_string (&self->as_of) : NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_differences_page_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  QuorumDifferencesPage *self = QUORUM_DIFFERENCES_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_set_object (&self->store, g_value_get_object (value));
      break;

    case PROP_AS_OF:
      if (g_value_get_string (value) != NULL)
        self->as_of_fixed = quorum_date_parse (g_value_get_string (value), "as-of", &self->as_of, NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_differences_page_class_init (QuorumDifferencesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = quorum_differences_page_constructed;
  object_class->dispose = quorum_differences_page_dispose;
  object_class->get_property = quorum_differences_page_get_property;
  object_class->set_property = quorum_differences_page_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         QUORUM_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_AS_OF] =
    g_param_spec_string ("as-of", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "differences.show-raise", NULL, show_raise_action);
  gtk_widget_class_install_action (widget_class, "differences.show-list", NULL, show_list_action);
  gtk_widget_class_install_action (widget_class, "differences.raise", NULL, raise_action);
  gtk_widget_class_install_action (widget_class, "differences.record", NULL, record_action);
  gtk_widget_class_install_action (widget_class, "differences.escalate", NULL, escalate_action);
  gtk_widget_class_install_action (widget_class, "differences.resolve", NULL, resolve_action);
  gtk_widget_class_install_action (widget_class, "differences.give-notice", NULL, give_notice_action);
  gtk_widget_class_install_action (widget_class, "differences.flag-risk", NULL, flag_action);
  gtk_widget_class_install_action (widget_class, "differences.flag-challenge", NULL, flag_action);

  /* The page's template is its own resource, so the page adds itself with no shared file */
  quorum_differences_register_resource ();
  g_type_ensure (QUORUM_TYPE_DIFFERENCE_ITEM);
  g_type_ensure (QUORUM_TYPE_FOLD_BOX);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/quorum_app/quorum/ui/quorum-differences-page.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, main_box);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, risk_revealer);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, risk_title);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, risk_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, profile_dropdown);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, agency_entry);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, selection);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, filter_model);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, chart_title);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, chart);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, chart_text);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, profile_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, raised_date_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, raised_by_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, role_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, agency_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, against_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, against_decision_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, child_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, conference_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, area_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, area_other_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, notices_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, notice_kind_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, notice_date_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, notice_by_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, notice_to_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, notice_means_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, notices_group);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, notice_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, notice_buttons);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, flag_challenge_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, flag_risk_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, raise_scroller);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, raise_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, detail_scroller);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, disagreement_remains_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, disagreement_remains_switch);
  gtk_widget_class_bind_template_callback (widget_class, area_selected_cb);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, outcome_sought_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, immediate_risk_switch);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, immediate_risk_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, detail_title);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, detail_summary);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, detail_due);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, history_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, record_group);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, checklist_group);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, checklist_box);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, record_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, escalate_group);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, escalate_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, note_date_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, note_with_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, note_draft_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, raise_draft_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, note_summary_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, note_agreed_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, escalate_date_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, escalate_reason_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, resolve_group);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, resolve_date_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, challenge_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, feedback_to_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, feedback_date_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, debrief_switch);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, protocol_review_switch);
  gtk_widget_class_bind_template_child (widget_class, QuorumDifferencesPage, resolve_button);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_visible_cb);

  gtk_widget_class_set_css_name (widget_class, "differences-page");
}

static void
quorum_differences_page_init (QuorumDifferencesPage *self)
{
  quorum_date_today (&self->as_of);
  self->items = g_list_store_new (QUORUM_TYPE_DIFFERENCE_ITEM);
  self->checklist_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    /* Before the list box's own Enter, which opens the list. */
    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect_object (keys, "key-pressed", G_CALLBACK (area_key_pressed_cb), self, G_CONNECT_SWAPPED);
    gtk_widget_add_controller (GTK_WIDGET (self->area_row), keys);
  }
  {
    AdwEntryRow *rows[] = {
      self->raised_date_row, self->raised_by_row, self->role_row, self->agency_row, self->against_row,
      self->against_decision_row, self->child_row, self->conference_row, self->area_other_row,
      self->outcome_sought_row,
    };
    struct { AdwEntryRow *row; GCallback cb; } others[] = {
      { self->notice_date_row, G_CALLBACK (notice_row_activated_cb) },
      { self->notice_by_row, G_CALLBACK (notice_row_activated_cb) },
      { self->notice_to_row, G_CALLBACK (notice_row_activated_cb) },
      { self->notice_means_row, G_CALLBACK (notice_row_activated_cb) },
      { self->note_date_row, G_CALLBACK (note_row_activated_cb) },
      { self->note_with_row, G_CALLBACK (note_row_activated_cb) },
      { self->note_summary_row, G_CALLBACK (note_row_activated_cb) },
      { self->note_agreed_row, G_CALLBACK (note_row_activated_cb) },
      { self->escalate_date_row, G_CALLBACK (escalate_row_activated_cb) },
      { self->escalate_reason_row, G_CALLBACK (escalate_row_activated_cb) },
      { self->resolve_date_row, G_CALLBACK (resolve_row_activated_cb) },
      { self->outcome_row, G_CALLBACK (resolve_row_activated_cb) },
      { self->feedback_to_row, G_CALLBACK (resolve_row_activated_cb) },
      { self->feedback_date_row, G_CALLBACK (resolve_row_activated_cb) },
    };

    for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
      g_signal_connect_object (rows[i], "entry-activated", G_CALLBACK (raise_row_activated_cb), self, G_CONNECT_SWAPPED);
    for (guint i = 0; i < G_N_ELEMENTS (others); i++)
      g_signal_connect_object (others[i].row, "entry-activated", others[i].cb, self, G_CONNECT_SWAPPED);
    /* Ctrl+Enter anywhere in a form records it, as it records an attempt in the attempt's. */
    add_ctrl_enter (GTK_WIDGET (self->raise_scroller), "differences.raise");
    add_ctrl_enter (self->notices_group, "differences.give-notice");
    add_ctrl_enter (GTK_WIDGET (self->record_group), "differences.record");
    add_ctrl_enter (GTK_WIDGET (self->checklist_group), "differences.record");
    add_ctrl_enter (GTK_WIDGET (self->escalate_group), "differences.escalate");
    add_ctrl_enter (GTK_WIDGET (self->resolve_group), "differences.resolve");
  }

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  gtk_filter_list_model_set_filter (self->filter_model, GTK_FILTER (self->filter));
  gtk_filter_list_model_set_model (self->filter_model, G_LIST_MODEL (self->items));
  gtk_drawing_area_set_draw_func (self->chart, draw_chart, self, NULL);
  update_narrow (self);

  load_profiles (self);
}

GtkWidget *
quorum_differences_page_new (QuorumStore *store)
{
  g_return_val_if_fail (QUORUM_IS_STORE (store), NULL);

  return g_object_new (QUORUM_TYPE_DIFFERENCES_PAGE, "store", store, NULL);
}

QuorumStore *
quorum_differences_page_get_store (QuorumDifferencesPage *self)
{
  g_return_val_if_fail (QUORUM_IS_DIFFERENCES_PAGE (self), NULL);

  return self->store;
}
