/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-referrals-page.c: the Head of Service's page: every referral that split votes made,
 * across every conference and chair, what is due and overdue as of a date, the panel's
 * outcomes, and where to record them. Which referrals match the filters and the search, in the
 * table's order, is asked of the store off the main thread on a connection of its own (only
 * their ids come back), with the tiles' and the chart's counts; the rows themselves are read a
 * page at a time as the table shows them (QuorumReferralList). So 100,000 referrals never hold
 * up a frame nor sit in memory as objects; and the list is read only while the page is shown:
 * when it is mapped, and let go a little after it is hidden. */

#define G_LOG_DOMAIN "quorum-referrals-page"

#include <glib/gi18n.h>
#include <string.h>

#include "quorum-draft.h"
#include "store/quorum-store-report.h"
#include "store/quorum-store-life.h"
#include "quorum-referral-filter.h"
#include "quorum-referral-list.h"
#include "quorum-referral-object.h"
#include "quorum-referrals-chart.h"
#include "quorum-referrals-page.h"
#include "quorum-fold-box.h"
#include "quorum-ui-util.h"

#define CHART_MONTHS 12
/* GTK 4.8's column view makes a row of cells for up to 200 items past the top one, whatever
 * fits on screen: it is given a screenful, and more as it is scrolled (quorum_ui_slice_for_view). */
#define SHOWN_ROWS 60
#define SHOWN_GROW 100
#define FREE_HIDDEN_AFTER_S 5

struct _QuorumReferralsPage
{
  GtkWidget             parent_instance;

  QuorumStore          *store;
  QuorumStoreRoles      roles;          /* what the session's role may do */
  GDate                 as_of;          /* invalid: today */
  QuorumReferralList   *referrals;      /* the matching referrals in the table's order, paged from the store */
  QuorumReferralFilter *filter;         /* what the filters and the search ask for */
  GtkSliceListModel    *shown;          /* the list's first rows: what the table makes rows for */
  GtkSingleSelection   *selection;
  GCancellable         *cancellable;
  gint64                selected_id;    /* the open referral, kept across reloads */
  guint                 n_total;
  guint                 free_source;    /* lets the rows go once the page stays hidden */
  guint                 fit_source;     /* fits the columns to the table's new width */
  guint                 left_out;       /* optional_columns left out of the table, from the first */
  int                   left_out_width[6];  /* what each took when it was left out */
  int                   min_before_leaving_out;  /* the table's least width before the last left out */
  guint                 loading : 1;
  guint                 counts_pending : 1;
  guint                 loaded_once : 1;
  guint                 restoring : 1;
  guint                 syncing_calendar : 1;
  guint                 calendar_turned : 1;  /* the calendar's month or year arrow, this click */
  guint                 day_source;     /* applies a day picked in the calendar */
  guint                 calendar_day_pressed : 1;  /* a day of the calendar's grid, this click */

  AdwFlap              *flap;
  GtkLabel             *due_count_label;
  GtkLabel             *due_caption_label;
  GtkWidget            *due_tile;
  GtkLabel             *overdue_count_label;
  GtkLabel             *overdue_caption_label;
  GtkWidget            *overdue_icon;
  GtkWidget            *overdue_tile;
  GtkLabel             *panel_count_label;
  GtkLabel             *panel_caption_label;
  GtkWidget            *panel_tile;
  QuorumReferralsChart *chart;
  GtkLabel             *chart_caption;
  GtkSearchEntry       *search_entry;
  GtkMenuButton        *as_of_button;
  GtkLabel             *as_of_label;
  GtkPopover           *as_of_popover;
  GtkCalendar          *as_of_calendar;
  GtkStack             *list_stack;
  GtkColumnView        *column_view;
  GtkSpinner           *spinner;
  GtkMenuButton        *filter_menu_button;
  GtkLabel             *count_label;

  GtkScrolledWindow    *pane_scroller;
  GtkLabel             *pane_title;
  GtkLabel             *pane_subtitle;
  GtkWidget            *pane_status_box;
  GtkImage             *pane_status_icon;
  GtkLabel             *pane_status_label;
  GtkWidget            *pane_as_of_box;   /* "As it stood on …", with the way back to today */
  GtkLabel             *pane_as_of_label;
  GtkWidget            *pane_today_button;
  AdwActionRow         *due_row;
  AdwActionRow         *notified_row;
  AdwActionRow         *panel_due_row;
  AdwActionRow         *panel_date_row;
  AdwActionRow         *outcome_row;
  GtkWidget            *notify_group;
  AdwEntryRow          *notify_date_entry;
  GtkWidget            *notify_button;
  GtkWidget            *panel_group;
  AdwEntryRow          *panel_date_entry;
  AdwComboRow          *outcome_combo;
  AdwEntryRow          *reason_entry;
  QuorumDraft          *panel_draft;    /* the date heard, the outcome and its reasons as left, per referral */
  QuorumDraft          *notify_draft;   /* the date sent, by whom and how, per referral */
  QuorumDraft          *correct_draft;  /* the correction as left: what, the right value and why, per referral */
  GtkWidget            *notify_draft_label;
  GtkWidget            *panel_draft_label;
  GtkWidget            *correct_draft_label;
  AdwEntryRow          *sender_entry;
  AdwEntryRow          *means_entry;
  AdwActionRow         *corrections_row;
  GtkWidget            *correct_group;
  GtkWidget            *correct_button;
  AdwComboRow          *correct_field_combo;
  AdwEntryRow          *correct_value_entry;
  AdwComboRow          *correct_outcome_combo;  /* the right outcome, in words, when the outcome is corrected */
  AdwEntryRow          *correct_panel_reason_entry;  /* Other's own reasons (DOMAIN 4), when corrected to Other */
  AdwEntryRow          *correct_reason_entry;
  GtkWidget            *panel_button;
  /* Under each date field, a date typed on a day off said before it is recorded (never refused:
   * people email at weekends; a typo is caught). */
  AdwActionRow         *notify_day_off_row;
  AdwActionRow         *panel_day_off_row;
  AdwActionRow         *correct_day_off_row;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_AS_OF,
  PROP_SHOW,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (QuorumReferralsPage, quorum_referrals_page, GTK_TYPE_WIDGET)

static void update_pane (QuorumReferralsPage *self);
static gboolean viewing_past (QuorumReferralsPage *self, GDate *out);

/* ---- dates ---- */

static void
effective_as_of (QuorumReferralsPage *self,
                 GDate               *out)
{
  if (g_date_valid (&self->as_of))
    *out = self->as_of;
  else
    quorum_date_today (out);
}

static char *
format_short_date (const GDate *date)
{
  char buf[64];

  /* Translators: a date on a button or in a caption, see strftime(3): "Thu 24 Dec 2026" */
  if (quorum_ui_strftime (buf, sizeof buf, _("%a %-d %b %Y"), date) == 0)
    return quorum_date_to_string (date);
  return g_strdup (buf);
}

static void
update_as_of_label (QuorumReferralsPage *self)
{
  g_autofree char *text = NULL;
  g_autofree char *when = NULL;
  GDate today;
  GDate as_of;

  quorum_date_today (&today);
  effective_as_of (self, &as_of);
  when = format_short_date (&as_of);

  if (g_date_compare (&as_of, &today) == 0)
    /* Translators: the as-of button when it is today: "As of today, Thu 24 Dec 2026" */
    text = g_strdup_printf (_("As of today, %s"), when);
  else
    /* Translators: the as-of button: "As of Thu 24 Dec 2026" */
    text = g_strdup_printf (_("As of %s"), when);

  gtk_label_set_label (self->as_of_label, text);
  quorum_ui_set_accessible_label (GTK_WIDGET (self->as_of_button), text);
}

/* The store's messages are written for a person. */
static void
show_error (QuorumReferralsPage *self,
            const GError        *error)
{
  quorum_ui_show_error (GTK_WIDGET (self), error);
}

/* ---- loading, off the main thread ---- */

typedef struct
{
  QuorumStore         *store;   /* the page's, only to open the same database again (its password too) */
  QuorumReferralQuery  query;   /* its search is the request's own copy */
  gboolean             counts;  /* the tiles and the chart too, not only the list */
} LoadRequest;

typedef struct
{
  GArray              *ids;         /* gint64, in the table's order */
  GArray              *months;      /* QuorumMonthCount; NULL when not counted */
  GDate                as_of;
  GDate                week_end;
  QuorumReferralCounts counts;
  gboolean             counted;
} LoadResult;

static void
load_request_free (gpointer data)
{
  LoadRequest *request = data;

  g_clear_object (&request->store);
  g_free ((char *) request->query.search);
  g_free (request);
}

static void
load_result_free (gpointer data)
{
  LoadResult *result = data;

  g_clear_pointer (&result->ids, g_array_unref);
  g_clear_pointer (&result->months, g_array_unref);
  g_free (result);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadRequest *request = task_data;
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(GError) error = NULL;
  LoadResult *result;

  /* A connection of the thread's own: the page's store stays the main thread's. It only
   * reads, so the day's check and backup are the app's to run (quorum-application.c). */
  store = quorum_store_open_again (request->store, QUORUM_STORE_OPEN_CREATE | QUORUM_STORE_OPEN_DEFER_DAILY_BACKUP,
                                   &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  result = g_new0 (LoadResult, 1);
  result->as_of = request->query.as_of;
  /* The week runs Monday to Sunday; "due this week" is what falls due from the as-of date on. */
  result->week_end = request->query.as_of;
  g_date_add_days (&result->week_end, 7 - g_date_get_weekday (&request->query.as_of));

  /* Which referrals, in which order: ids only (the rows are read as they are shown); then the
   * tiles' numbers and the chart's, counted in SQL. */
  result->ids = quorum_store_list_referral_ids (store, &request->query, &error);
  if (result->ids != NULL && request->counts)
    {
      if (quorum_store_count_referrals (store, &request->query.as_of, &result->week_end, &result->counts, &error))
        result->months = quorum_store_count_referrals_by_month (store, &request->query.as_of, CHART_MONTHS, &error);
      result->counted = result->months != NULL;
    }

  if (result->ids == NULL || (request->counts && !result->counted))
    {
      load_result_free (result);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, result, load_result_free);
}

static void
set_loading (QuorumReferralsPage *self,
             gboolean             loading)
{
  if (self->loading == !!loading)
    return;

  self->loading = !!loading;
  gtk_spinner_set_spinning (self->spinner, loading);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOADING]);
}

static void
update_list_state (QuorumReferralsPage *self)
{
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->referrals));
  g_autofree char *count = NULL;

  if (!self->loaded_once)
    gtk_stack_set_visible_child_name (self->list_stack, "loading");
  else if (self->n_total == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "empty");
  else if (n_shown == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "list");

  if (!self->loaded_once)
    count = g_strdup ("");
  else if (n_shown == self->n_total)
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u referral", "%u referrals", self->n_total),
                             self->n_total);
  else
    /* Translators: "Showing 12 of 340 referrals" */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Showing %u of %u referral",
                                          "Showing %u of %u referrals", self->n_total),
                             n_shown, self->n_total);
  gtk_label_set_label (self->count_label, count);
}

static void
set_tile (GtkWidget  *tile,
          GtkLabel   *count_label,
          GtkLabel   *caption_label,
          guint       count,
          const char *name,
          const char *caption)
{
  g_autofree char *number = g_strdup_printf ("%u", count);
  g_autofree char *label = g_strdup_printf ("%s: %u. %s", name, count, caption);

  gtk_label_set_label (count_label, number);
  gtk_label_set_label (caption_label, caption);
  quorum_ui_set_accessible_label (tile, label);
}

static void
update_summary (QuorumReferralsPage *self,
                LoadResult          *result)
{
  g_autofree char *week_end = format_short_date (&result->week_end);
  g_autofree char *due_caption = NULL;
  g_autofree char *overdue_caption = NULL;
  g_autofree char *panel_caption = NULL;
  g_autofree char *chart_summary = NULL;

  const QuorumReferralCounts *counts = &result->counts;

  /* Translators: under "Due this week": "By Sun 27 Dec 2026" */
  due_caption = g_strdup_printf (_("By %s"), week_end);
  set_tile (self->due_tile, self->due_count_label, self->due_caption_label,
            counts->due_soon, _("Due this week"), due_caption);

  /* Translators: under "Overdue": "8 not sent, 4 not heard" */
  overdue_caption = g_strdup_printf (_("%u not sent, %u not heard"),
                                     counts->overdue - counts->panel_overdue, counts->panel_overdue);
  set_tile (self->overdue_tile, self->overdue_count_label, self->overdue_caption_label,
            counts->overdue, _("Overdue"), overdue_caption);
  gtk_widget_set_visible (self->overdue_icon, counts->overdue > 0);
  if (counts->overdue > 0)
    gtk_widget_add_css_class (self->overdue_tile, "overdue");
  else
    gtk_widget_remove_css_class (self->overdue_tile, "overdue");

  /* Translators: under "Awaiting panel": "Sent, not yet heard (and 3 not yet sent)" */
  panel_caption = g_strdup_printf (_("Sent, not yet heard (and %u not yet sent)"), counts->awaiting_notification);
  set_tile (self->panel_tile, self->panel_count_label, self->panel_caption_label,
            counts->awaiting_panel, _("Awaiting panel"), panel_caption);

  quorum_referrals_chart_set_months (self->chart, result->months);
  chart_summary = quorum_referrals_chart_dup_summary (self->chart);
  gtk_label_set_label (self->chart_caption, chart_summary);
}

static guint
find_position (QuorumReferralsPage *self,
               gint64               referral_id)
{
  return quorum_referral_list_find (self->referrals, referral_id);
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *res,
              gpointer      user_data)
{
  QuorumReferralsPage *self = QUORUM_REFERRALS_PAGE (object);
  g_autoptr(GError) error = NULL;
  LoadResult *result;
  guint position;

  result = g_task_propagate_pointer (G_TASK (res), &error);
  if (result == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* Say why, and show what was there before (or the empty page), not a spinner. */
          self->loaded_once = TRUE;
          update_list_state (self);
          set_loading (self, FALSE);
          show_error (self, error);
        }
      return;
    }

  /* A newer load superseded this one. */
  if (g_task_get_cancellable (G_TASK (res)) != self->cancellable)
    {
      load_result_free (result);
      return;
    }

  self->restoring = TRUE;
  if (result->counted)
    {
      self->counts_pending = FALSE;
      self->n_total = result->counts.total;
      update_summary (self, result);
    }
  quorum_referral_list_set_ids (self->referrals, g_steal_pointer (&result->ids), &result->as_of);
  self->loaded_once = TRUE;
  load_result_free (result);

  position = self->selected_id != 0 ? find_position (self, self->selected_id) : GTK_INVALID_LIST_POSITION;
  quorum_ui_slice_reach (self->shown, position);
  gtk_single_selection_set_selected (self->selection, position);
  self->restoring = FALSE;
  if (position == GTK_INVALID_LIST_POSITION)
    self->selected_id = 0;
  update_pane (self);

  update_list_state (self);
  set_loading (self, FALSE);
}

/* What the filters, the search and the table's sorted column ask for. */
static void
current_query (QuorumReferralsPage *self,
               QuorumReferralQuery *query)
{
  static const QuorumReferralMatch matches[] = {
    [QUORUM_REFERRAL_SHOW_ALL] = QUORUM_REFERRAL_MATCH_ALL,
    [QUORUM_REFERRAL_SHOW_AWAITING_NOTIFICATION] = QUORUM_REFERRAL_MATCH_AWAITING_NOTIFICATION,
    [QUORUM_REFERRAL_SHOW_AWAITING_PANEL] = QUORUM_REFERRAL_MATCH_AWAITING_PANEL,
    [QUORUM_REFERRAL_SHOW_OVERDUE] = QUORUM_REFERRAL_MATCH_OVERDUE,
    [QUORUM_REFERRAL_SHOW_DECIDED] = QUORUM_REFERRAL_MATCH_DECIDED,
  };
  QuorumReferralShow show = quorum_referral_filter_get_show (self->filter);
  QuorumReferralColumn column = QUORUM_REFERRAL_COLUMN_STATUS;
  gboolean descending = FALSE;

  memset (query, 0, sizeof *query);
  effective_as_of (self, &query->as_of);
  query->match = show < G_N_ELEMENTS (matches) ? matches[show] : QUORUM_REFERRAL_MATCH_ALL;
  query->search = quorum_referral_filter_get_search (self->filter);
  /* The table's columns and the store's orders are listed alike. */
  G_STATIC_ASSERT ((int) QUORUM_REFERRAL_N_COLUMNS == (int) QUORUM_REFERRAL_N_ORDERS);
  if (self->column_view != NULL &&
      quorum_referral_object_sorter_get_order (gtk_column_view_get_sorter (self->column_view), &column, &descending))
    {
      query->order = (QuorumReferralOrder) column;
      query->descending = descending;
    }
}

/* Asks the store for the list again: with the tiles and chart (@counts) or the list alone (a
 * filter, the search or the order changed). */
static void
load (QuorumReferralsPage *self,
      gboolean             counts)
{
  g_autoptr(GTask) task = NULL;
  LoadRequest *request;

  /* Hidden: the next map reads the list (quorum_referrals_page_map ()). */
  if (self->store == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  /* A load superseded before it gave its counts hands them on to this one. */
  self->counts_pending |= counts;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  request = g_new0 (LoadRequest, 1);
  request->store = g_object_ref (self->store);
  current_query (self, &request->query);
  request->query.search = g_strdup (request->query.search);
  request->counts = self->counts_pending;

  set_loading (self, TRUE);
  update_list_state (self);

  task = g_task_new (self, self->cancellable, load_done_cb, NULL);
  g_task_set_source_tag (task, quorum_referrals_page_reload);
  g_task_set_task_data (task, request, load_request_free);
  g_task_run_in_thread (task, load_thread);
}

void
quorum_referrals_page_reload (QuorumReferralsPage *self)
{
  g_return_if_fail (QUORUM_IS_REFERRALS_PAGE (self));

  load (self, TRUE);
}

/* A filter, the search or the sorted column changed: the list again, not the counts. */
static void
query_changed_cb (QuorumReferralsPage *self)
{
  if (self->loaded_once || self->loading)
    load (self, FALSE);
}

/* ---- the table's cells: built once per visible row, filled from the object's cached text ---- */

static void
setup_text_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  QuorumReferralColumn column = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* Dates are read whole or not at all (fit_columns leaves the least needed out); a name or an
   * outcome gives way, cut short with the whole text in its tooltip. */
  if (column == QUORUM_REFERRAL_COLUMN_CHILD || column == QUORUM_REFERRAL_COLUMN_CHAIR ||
      column == QUORUM_REFERRAL_COLUMN_OUTCOME)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), column == QUORUM_REFERRAL_COLUMN_CHILD ? 10 : 6);
    }
  gtk_list_item_set_child (list_item, label);
}

/* "Saturday 26 December 2026 — not a working day: the working day before is Thursday 24 December
 * 2026", or NULL when the panel is due on a working day. */
static char *
panel_due_note (const GDate *panel_due,
                const GDate *panel_due_working)
{
  g_autofree char *due = NULL;
  g_autofree char *working = NULL;

  if (!g_date_valid (panel_due) || !g_date_valid (panel_due_working) ||
      g_date_compare (panel_due, panel_due_working) == 0)
    return NULL;

  due = quorum_ui_format_date (panel_due);
  working = quorum_ui_format_date (panel_due_working);
  return g_strdup_printf (_("%s — not a working day: the working day before is %s"), due, working);
}

/* Which date cell carries the overdue mark: the deadline that was missed. */
static gboolean
is_missed_deadline (QuorumReferralObject *item,
                    QuorumReferralColumn  column)
{
  if (!quorum_referral_object_get_overdue (item))
    return FALSE;
  if (column == QUORUM_REFERRAL_COLUMN_DUE)
    return quorum_referral_object_get_state (item) == QUORUM_REFERRAL_AWAITING_NOTIFICATION;
  if (column == QUORUM_REFERRAL_COLUMN_PANEL_DUE)
    return quorum_referral_object_get_state (item) == QUORUM_REFERRAL_AWAITING_PANEL;
  return FALSE;
}

static void
bind_text_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  QuorumReferralColumn column = GPOINTER_TO_UINT (user_data);
  QuorumReferralObject *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  const char *text = quorum_referral_object_get_text (item, column);

  gtk_label_set_label (GTK_LABEL (label), text);
  if (gtk_label_get_ellipsize (GTK_LABEL (label)) != PANGO_ELLIPSIZE_NONE)
    gtk_widget_set_tooltip_text (label, *text ? text : NULL);
  else if (column == QUORUM_REFERRAL_COLUMN_PANEL_DUE)
    {
      /* A due day off: the pane's words, whole. */
      const QuorumReferralRow *row = quorum_referral_object_get_row (item);
      /* As the cell shows it: as of the page's date. */
      g_autofree char *note = panel_due_note (&row->then.panel_due, &row->then_panel_due_working);

      gtk_widget_set_tooltip_text (label, note);
    }
  else if (column == QUORUM_REFERRAL_COLUMN_NOTIFIED)
    {
      /* When, how and by whom it was sent, and a day off: the pane's words, whole. */
      const QuorumReferralRow *row = quorum_referral_object_get_row (item);
      gboolean as_recorded = g_date_valid (&row->then.notified) && g_date_valid (&row->notified) &&
                             g_date_compare (&row->then.notified, &row->notified) == 0;
      g_autofree char *sent = quorum_ui_describe_sent (&row->then.notified, row->sent_by, row->sent_means,
                                                       as_recorded ? row->sent_day_off : QUORUM_DAY_WORKING,
                                                       row->region, row->sent_late);

      gtk_widget_set_tooltip_text (label, *sent ? sent : NULL);
    }

  if (is_missed_deadline (item, column))
    gtk_widget_add_css_class (label, "overdue");
  else
    gtk_widget_remove_css_class (label, "overdue");
}

static void
setup_status_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *image = gtk_image_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_add_css_class (box, "referral-status");
  gtk_list_item_set_child (list_item, box);
}

static const char *
status_icon_name (QuorumReferralObject *item)
{
  if (quorum_referral_object_get_overdue (item))
    return "dialog-warning-symbolic";

  switch (quorum_referral_object_get_state (item))
    {
    case QUORUM_REFERRAL_AWAITING_NOTIFICATION:
      return "mail-unread-symbolic";
    case QUORUM_REFERRAL_AWAITING_PANEL:
      return "alarm-symbolic";
    case QUORUM_REFERRAL_DECIDED:
    default:
      return "emblem-ok-symbolic";
    }
}

static void
apply_status_style (GtkWidget            *widget,
                    QuorumReferralObject *item)
{
  static const char * const classes[] = { "not-sent", "awaiting-panel", "decided" };

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (widget, classes[i]);
  gtk_widget_add_css_class (widget, classes[quorum_referral_object_get_state (item)]);

  if (quorum_referral_object_get_overdue (item))
    gtk_widget_add_css_class (widget, "overdue");
  else
    gtk_widget_remove_css_class (widget, "overdue");
}

static void
bind_status_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  QuorumReferralObject *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *image = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (image);
  g_autofree char *description = quorum_referral_object_describe_status (item);

  gtk_image_set_from_icon_name (GTK_IMAGE (image), status_icon_name (item));
  gtk_label_set_label (GTK_LABEL (label), quorum_referral_object_get_status_label (item));
  apply_status_style (box, item);
  gtk_widget_set_tooltip_text (box, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
}

/* ---- sorting by keyboard ---- */

/* GTK 4.8's column titles sort on a click only and never take the focus. Each title becomes a
 * Tab stop that sorts by its column on Enter or Space (again: the other way round), as a click
 * does. The column view itself sends Tab past its titles, straight to the rows: the page moves
 * the focus through them (tab_pressed_cb). */
static GtkWidget *
column_header (QuorumReferralsPage *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (gtk_widget_get_css_name (child), "header") == 0)
      return child;

  return NULL;
}

/* Whether the rows stand in @column's order, first to last: then Enter sorts the other way
 * round. (GTK 4.8 leaves the arrow of a title sorted before on it when another column is
 * sorted, so the titles cannot tell.) */
static gboolean
sorted_ascending_by (QuorumReferralsPage *self,
                     GtkColumnViewColumn *column)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);
  QuorumReferralColumn sorted = QUORUM_REFERRAL_COLUMN_STATUS;
  g_autoptr(GtkColumnViewColumn) sorted_column = NULL;
  gboolean descending = FALSE;

  if (!quorum_referral_object_sorter_get_order (gtk_column_view_get_sorter (self->column_view), &sorted, &descending))
    return FALSE;
  sorted_column = g_list_model_get_item (columns, sorted);
  return sorted_column == column && !descending;
}

static guint
column_index (GtkWidget *title)
{
  guint index = 0;

  for (GtkWidget *w = gtk_widget_get_prev_sibling (title); w != NULL; w = gtk_widget_get_prev_sibling (w))
    index++;
  return index;
}

static gboolean
title_key_pressed_cb (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      QuorumReferralsPage   *self)
{
  GtkWidget *title = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GListModel *columns = gtk_column_view_get_columns (self->column_view);
  g_autoptr(GtkColumnViewColumn) column = NULL;

  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_space &&
      keyval != GDK_KEY_KP_Space)
    return FALSE;

  column = g_list_model_get_item (columns, column_index (title));
  if (column == NULL)
    return FALSE;

  gtk_column_view_sort_by_column (self->column_view, column,
                                  sorted_ascending_by (self, column) ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
  return TRUE;
}

/* The title holding the focus (or the widget inside it that does), or NULL. */
static GtkWidget *
focused_title (QuorumReferralsPage *self,
               GtkWidget           *focus)
{
  GtkWidget *header = column_header (self);

  for (GtkWidget *w = focus; w != NULL && header != NULL; w = gtk_widget_get_parent (w))
    if (gtk_widget_get_parent (w) == header)
      return w;

  return NULL;
}

static GtkWidget *
visible_title (GtkWidget *title,
               gboolean   forward)
{
  while (title != NULL && !gtk_widget_get_visible (title))
    title = forward ? gtk_widget_get_next_sibling (title) : gtk_widget_get_prev_sibling (title);

  return title;
}

/* Tab into the table goes to its first title, from one title to the next and from the last to
 * the rows; Shift+Tab from the rows to the last title and back through them. Otherwise Tab
 * moves the focus as it always does. */
static gboolean
tab_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                QuorumReferralsPage   *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *header = column_header (self);
  gboolean forward;
  GtkWidget *focus;
  GtkWidget *title;
  GtkWidget *target = NULL;
  gboolean in_table;

  if ((keyval != GDK_KEY_Tab && keyval != GDK_KEY_KP_Tab && keyval != GDK_KEY_ISO_Left_Tab) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0 || root == NULL || header == NULL)
    return FALSE;

  forward = keyval != GDK_KEY_ISO_Left_Tab && (state & GDK_SHIFT_MASK) == 0;
  focus = gtk_root_get_focus (root);
  title = focused_title (self, focus);
  in_table = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->column_view));

  if (title != NULL)
    target = forward ? visible_title (gtk_widget_get_next_sibling (title), TRUE)
                     : visible_title (gtk_widget_get_prev_sibling (title), FALSE);
  else if (in_table && !forward)
    target = visible_title (gtk_widget_get_last_child (header), FALSE);

  if (target != NULL)
    return gtk_widget_grab_focus (target);
  if (title != NULL || in_table)
    return FALSE;

  /* From before the table: where Tab goes, unless that is the rows. */
  if (!forward)
    return FALSE;
  g_signal_emit_by_name (root, "move-focus", GTK_DIR_TAB_FORWARD);
  focus = gtk_root_get_focus (root);
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->column_view)) &&
      focused_title (self, focus) == NULL &&
      (target = visible_title (gtk_widget_get_first_child (header), TRUE)) != NULL)
    gtk_widget_grab_focus (target);

  return TRUE;
}

static void
make_headers_keyboard_sortable (QuorumReferralsPage *self)
{
  GtkWidget *header = column_header (self);

  if (header == NULL)
    return;

  /* The column view makes its titles' row refuse the focus, for all inside it. */
  gtk_widget_set_can_focus (header, TRUE);
  for (GtkWidget *title = gtk_widget_get_first_child (header); title != NULL; title = gtk_widget_get_next_sibling (title))
    {
      GtkEventController *keys = gtk_event_controller_key_new ();
      GtkWidget *inside = gtk_widget_get_first_child (title);

      /* A title hands the focus to what it holds (it grabs none itself): that takes it. */
      gtk_widget_set_focusable (title, TRUE);
      if (inside != NULL)
        {
          g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (gtk_column_view_get_columns (self->column_view),
                                                                         column_index (title));

          gtk_widget_set_focusable (inside, TRUE);
          gtk_widget_add_css_class (inside, "column-title-focus");
          if (column != NULL)
            gtk_accessible_update_property (GTK_ACCESSIBLE (inside), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                            gtk_column_view_column_get_title (column), -1);
          gtk_accessible_update_property (GTK_ACCESSIBLE (inside), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                          _("Press Enter to sort by this column"), -1);
        }
      gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _("Press Enter to sort by this column"), -1);
      g_signal_connect_object (keys, "key-pressed", G_CALLBACK (title_key_pressed_cb), self, 0);
      gtk_widget_add_controller (title, keys);
    }
}

typedef struct
{
  QuorumReferralColumn  column;
  const char           *title;
  gboolean              expand;
} ColumnSpec;

static void
add_columns (QuorumReferralsPage *self)
{
  const ColumnSpec specs[] = {
    { QUORUM_REFERRAL_COLUMN_STATUS, N_("Status"), FALSE },
    { QUORUM_REFERRAL_COLUMN_CHILD, N_("Child"), TRUE },
    { QUORUM_REFERRAL_COLUMN_CONFERENCE_DATE, N_("Conference"), FALSE },
    { QUORUM_REFERRAL_COLUMN_CHAIR, N_("Chair"), FALSE },
    { QUORUM_REFERRAL_COLUMN_DUE, N_("Referral Due"), FALSE },
    { QUORUM_REFERRAL_COLUMN_NOTIFIED, N_("Sent"), FALSE },
    { QUORUM_REFERRAL_COLUMN_PANEL_DUE, N_("Panel Due"), FALSE },
    { QUORUM_REFERRAL_COLUMN_PANEL_DATE, N_("Panel Heard"), FALSE },
    { QUORUM_REFERRAL_COLUMN_OUTCOME, N_("Outcome"), TRUE },
  };
  GtkColumnViewColumn *status_column = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      g_autoptr(GtkSorter) sorter = quorum_referral_object_sorter_new (specs[i].column);
      gpointer data = GUINT_TO_POINTER (specs[i].column);

      if (specs[i].column == QUORUM_REFERRAL_COLUMN_STATUS)
        {
          g_signal_connect (factory, "setup", G_CALLBACK (setup_status_cb), data);
          g_signal_connect (factory, "bind", G_CALLBACK (bind_status_cb), data);
        }
      else
        {
          g_signal_connect (factory, "setup", G_CALLBACK (setup_text_cb), data);
          g_signal_connect (factory, "bind", G_CALLBACK (bind_text_cb), data);
        }

      column = gtk_column_view_column_new (_(specs[i].title), g_object_ref (factory));
      g_object_set_data (G_OBJECT (column), "quorum-column", data);
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_resizable (column, TRUE);
      /* No fixed width: a column is as wide as its text, and gives way down to its least
       * (a fixed width is also its least, and the table scrolled sideways beside the pane). */
      gtk_column_view_column_set_expand (column, specs[i].expand);
      gtk_column_view_append_column (self->column_view, column);

      if (specs[i].column == QUORUM_REFERRAL_COLUMN_STATUS)
        status_column = column;
    }

  /* What needs the Head of Service first: overdue, then the nearest deadline. */
  gtk_column_view_sort_by_column (self->column_view, status_column, GTK_SORT_ASCENDING);

  make_headers_keyboard_sortable (self);
}

/* ---- the columns that fit ---- */

/* The columns left out, first to last, when the table is narrower than all of them: what the
 * referral's pane says again (when it was sent and heard, the conference and its chair) before
 * the outcome and the panel's due date. Status, child and the referral's due date stay. */
static const QuorumReferralColumn optional_columns[] = {
  QUORUM_REFERRAL_COLUMN_PANEL_DATE,
  QUORUM_REFERRAL_COLUMN_NOTIFIED,
  QUORUM_REFERRAL_COLUMN_CHAIR,
  QUORUM_REFERRAL_COLUMN_CONFERENCE_DATE,
  QUORUM_REFERRAL_COLUMN_OUTCOME,
  QUORUM_REFERRAL_COLUMN_PANEL_DUE,
};
G_STATIC_ASSERT (G_N_ELEMENTS (optional_columns) == G_N_ELEMENTS (((QuorumReferralsPage *) NULL)->left_out_width));

static void
set_column_shown (QuorumReferralsPage  *self,
                  QuorumReferralColumn  which,
                  gboolean              shown)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (column), "quorum-column")) == which)
        gtk_column_view_column_set_visible (column, shown);
    }
}

/* Shows as many columns as fit the table's width, so that it never scrolls sideways beside the
 * pane: the fewest left out, in optional_columns' order. The table's least width is measured
 * as laid out, so one column goes at a time, a frame apart; a column left out is shown again
 * when the width it took is free. */
static gboolean
fit_columns_cb (gpointer user_data)
{
  QuorumReferralsPage *self = user_data;
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (self->column_view), GTK_TYPE_SCROLLED_WINDOW);
  int width = scroller != NULL ? gtk_widget_get_width (scroller) : 0;
  int min = 0;

  self->fit_source = 0;
  if (width <= 0)
    return G_SOURCE_REMOVE;

  gtk_widget_measure (GTK_WIDGET (self->column_view), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  if (self->min_before_leaving_out > 0)
    {
      self->left_out_width[self->left_out - 1] = MAX (self->min_before_leaving_out - min, 1);
      self->min_before_leaving_out = 0;
    }

  if (min > width && self->left_out < G_N_ELEMENTS (optional_columns))
    {
      self->min_before_leaving_out = min;
      set_column_shown (self, optional_columns[self->left_out++], FALSE);
      return G_SOURCE_REMOVE;
    }

  while (self->left_out > 0 && min + self->left_out_width[self->left_out - 1] <= width)
    {
      min += self->left_out_width[self->left_out - 1];
      set_column_shown (self, optional_columns[--self->left_out], TRUE);
    }

  return G_SOURCE_REMOVE;
}

/* The table's width or its rows changed: the columns fitted once the frame is laid out. */
static void
table_resized_cb (QuorumReferralsPage *self)
{
  if (self->fit_source == 0)
    self->fit_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, fit_columns_cb, self, NULL);
}

/* ---- the pane of the selected referral ---- */

static QuorumReferralObject *
get_selected (QuorumReferralsPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
set_row_date (AdwActionRow *row,
              const GDate  *date,
              const char   *unset)
{
  g_autofree char *text = g_date_valid (date) ? quorum_ui_format_date (date) : g_strdup (unset);

  adw_action_row_set_subtitle (row, text);
}

static void
reset_forms (QuorumReferralsPage *self)
{
  g_autofree char *today = NULL;
  GDate date;

  quorum_date_today (&date);
  today = quorum_date_to_string (&date);
  gtk_editable_set_text (GTK_EDITABLE (self->notify_date_entry), today);
  gtk_editable_set_text (GTK_EDITABLE (self->panel_date_entry), today);
  /* The outcome has no default: the Head of Service chooses it (issue 10). */
  adw_combo_row_set_selected (self->outcome_combo, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->reason_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->sender_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->means_entry), "");
  adw_combo_row_set_selected (self->correct_field_combo, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->correct_value_entry), "");
  adw_combo_row_set_selected (self->correct_outcome_combo, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->correct_panel_reason_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->correct_reason_entry), "");
}

/* What has been recorded, whatever the as-of date: the forms and actions follow the record (a
 * referral sent after the as-of date is shown awaiting notification as of then, but it is not
 * sent again), the status and the overdue flag the as-of date (quorum_referral_object_get_state). */
static QuorumReferralState
recorded_state (const QuorumReferralRow *row)
{
  if (row->outcome != QUORUM_PANEL_NONE)
    return QUORUM_REFERRAL_DECIDED;
  if (g_date_valid (&row->notified))
    return QUORUM_REFERRAL_AWAITING_PANEL;
  return QUORUM_REFERRAL_AWAITING_NOTIFICATION;
}

static void
update_actions (QuorumReferralsPage *self)
{
  QuorumReferralObject *item = get_selected (self);
  QuorumReferralState state = item ? recorded_state (quorum_referral_object_get_row (item)) : QUORUM_REFERRAL_DECIDED;
  /* The notification, the panel and their corrections are a Head of Service's alone. */
  /* (As of a past day the forms are hidden, update_pane (): the actions stay, for the
   * table's own use; no shortcut records.) */
  gboolean head = (self->roles & QUORUM_STORE_ROLE_HEAD_OF_SERVICE) != 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "referrals.notify",
                                 head && item != NULL && state == QUORUM_REFERRAL_AWAITING_NOTIFICATION);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "referrals.record-panel",
                                 head && item != NULL && state == QUORUM_REFERRAL_AWAITING_PANEL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "referrals.correct",
                                 head && item != NULL && state != QUORUM_REFERRAL_AWAITING_NOTIFICATION);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "referrals.open-conference", item != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "referrals.close-pane", item != NULL);
}

/* The corrections of the referral, each with the value it replaced, who made it and when
 * (the store keeps both); as of a past day, only those made by then. */
static void
update_corrections_row (QuorumReferralsPage     *self,
                        const QuorumReferralRow *row)
{
  g_autoptr(QuorumConference) conference = quorum_store_load_conference (self->store, row->conference_id, NULL);
  const QuorumReferral *referral = conference != NULL ? quorum_conference_find_referral (conference, row->child_id) : NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  GDate past;
  gboolean is_past = viewing_past (self, &past);

  for (guint i = 0; referral != NULL && referral->corrections != NULL && i < referral->corrections->len; i++)
    {
      const QuorumReferralCorrection *c = g_ptr_array_index (referral->corrections, i);
      g_autofree char *what = quorum_ui_referral_correction_text (c, NULL);
      g_autofree char *when = quorum_ui_format_timestamp (c->recorded_at);
      g_autofree char *line = NULL;
      GDate made_on;

      if (is_past && quorum_timestamp_get_local_date (c->recorded_at, &made_on) &&
          g_date_compare (&made_on, &past) > 0)
        continue;
      if (c->recorded_by != NULL && *c->recorded_by != '\0')
        /* Translators: a correction, then when and by whom: "Date sent …: … → … (Typo) — 2 Dec
         * 2026, 10:14, by R. Patel" */
        line = g_strdup_printf (_("%s — %s, by %s"), what, when, c->recorded_by);
      else
        /* Translators: a correction, then when: "Date sent …: … → … (Typo) — 2 Dec 2026, 10:14" */
        line = g_strdup_printf (C_("correction made", "%s — %s"), what, when);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, line);
    }
  adw_action_row_set_subtitle (self->corrections_row, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->corrections_row), text->len > 0);
}

/* "Draft · not yet recorded" above each form shown that keeps words not yet recorded. */
/* A form's "not yet recorded" marker keeps its place while the form is shown, seen only while
 * the form holds a draft: appearing as the typing pauses, it moved the form's button from
 * under a pointer about to click it. */
static void
show_marker (GtkWidget *marker,
             GtkWidget *group,
             gboolean   has_draft)
{
  gtk_widget_set_visible (marker, gtk_widget_get_visible (group));
  gtk_widget_set_opacity (marker, has_draft ? 1.0 : 0.0);
  gtk_accessible_update_state (GTK_ACCESSIBLE (marker), GTK_ACCESSIBLE_STATE_HIDDEN, !has_draft, -1);
}

static void
update_draft_markers (QuorumReferralsPage *self)
{
  show_marker (self->notify_draft_label, self->notify_group,
               self->notify_draft != NULL && quorum_draft_get_has_draft (self->notify_draft));
  show_marker (self->panel_draft_label, self->panel_group,
               self->panel_draft != NULL && quorum_draft_get_has_draft (self->panel_draft));
  show_marker (self->correct_draft_label, self->correct_group,
               self->correct_draft != NULL && quorum_draft_get_has_draft (self->correct_draft));
}

/* The three forms' words are kept as typed, like every other form's, per referral: a Head of
 * Service whose app is closed or killed finds them again, marked "not yet recorded". A date the
 * form offers (today) is no draft; a date typed is, and comes back as typed. */
static void
ensure_drafts (QuorumReferralsPage *self)
{
  /* In the order of the outcome list (quorum-referrals-page.ui). */
  static const char * const outcome_keys[] = { "none", "plan-confirmed", "plan-ended", "other", NULL };
  /* In the order of "What to correct": the store's words for the fields. */
  static const char * const field_keys[] = { "notified", "panel_date", "outcome", NULL };

  if (self->panel_draft != NULL || self->store == NULL)
    return;

  self->notify_draft = quorum_draft_new (self->store, 0, NULL);
  quorum_draft_add_field (self->notify_draft, "date", GTK_WIDGET (self->notify_date_entry));
  quorum_draft_add_field (self->notify_draft, "by", GTK_WIDGET (self->sender_entry));
  quorum_draft_add_field (self->notify_draft, "means", GTK_WIDGET (self->means_entry));

  self->panel_draft = quorum_draft_new (self->store, 0, NULL);
  quorum_draft_add_field (self->panel_draft, "date", GTK_WIDGET (self->panel_date_entry));
  quorum_draft_add_choice (self->panel_draft, "outcome", GTK_WIDGET (self->outcome_combo), outcome_keys);
  quorum_draft_set_baseline (self->panel_draft, "outcome", outcome_keys[0]);
  quorum_draft_add_field (self->panel_draft, "reason", GTK_WIDGET (self->reason_entry));

  self->correct_draft = quorum_draft_new (self->store, 0, NULL);
  quorum_draft_add_choice (self->correct_draft, "field", GTK_WIDGET (self->correct_field_combo), field_keys);
  quorum_draft_set_baseline (self->correct_draft, "field", field_keys[0]);
  quorum_draft_add_field (self->correct_draft, "value", GTK_WIDGET (self->correct_value_entry));
  quorum_draft_add_choice (self->correct_draft, "outcome", GTK_WIDGET (self->correct_outcome_combo), outcome_keys);
  quorum_draft_set_baseline (self->correct_draft, "outcome", outcome_keys[0]);
  quorum_draft_add_field (self->correct_draft, "reason", GTK_WIDGET (self->correct_reason_entry));
  quorum_draft_add_field (self->correct_draft, "panel-reason", GTK_WIDGET (self->correct_panel_reason_entry));

  g_signal_connect_object (self->notify_draft, "notify::has-draft", G_CALLBACK (update_draft_markers), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->panel_draft, "notify::has-draft", G_CALLBACK (update_draft_markers), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->correct_draft, "notify::has-draft", G_CALLBACK (update_draft_markers), self, G_CONNECT_SWAPPED);
}

/* A date field offers today: not a draft (its baseline), unless another date is typed or given back. */
static void
offer_today (QuorumDraft *draft,
             const char  *field,
             AdwEntryRow *entry)
{
  g_autofree char *today = NULL;
  GDate date;

  quorum_date_today (&date);
  today = quorum_date_to_string (&date);
  if (draft != NULL)
    quorum_draft_set_baseline (draft, field, today);
  if (*gtk_editable_get_text (GTK_EDITABLE (entry)) == '\0')
    gtk_editable_set_text (GTK_EDITABLE (entry), today);
}

/* What the date typed in @entry is in the selected referral's calendar (its profile's region,
 * with the local closure days): QUORUM_DAY_WORKING when it is not a date. */
static QuorumDayOff
typed_day_off (QuorumReferralsPage *self,
               AdwEntryRow         *entry,
               GDate               *date,
               QuorumRegion        *region)
{
  QuorumReferralObject *item;
  g_autoptr(QuorumCalendar) calendar = NULL;

  *region = QUORUM_REGION_ENGLAND_WALES;
  if (self->selection == NULL || entry == NULL || (item = get_selected (self)) == NULL ||
      !gtk_widget_get_visible (GTK_WIDGET (entry)) ||
      !quorum_date_parse (gtk_editable_get_text (GTK_EDITABLE (entry)), NULL, date, NULL))
    return QUORUM_DAY_WORKING;

  *region = quorum_referral_object_get_row (item)->region;
  calendar = self->store != NULL ? quorum_store_get_calendar (self->store, *region, NULL) : NULL;
  if (calendar == NULL)
    calendar = quorum_calendar_new (*region);
  return quorum_calendar_get_day_off (calendar, date);
}

/* Under each date field, a note that keeps its place while the field is shown (trial 4, defect
 * 11: a warning row that appeared as the date was typed pushed the next fields from under the
 * pointer, and the next words went into the wrong field). It reads the date back in words; a
 * day off is said, never refused (people email at weekends), so a typo is caught; a date in the
 * future is said at once, not first on Record. Its room is kept for the longest (style.css). */
static GtkWidget *
find_by_css (GtkWidget  *root,
             const char *css_class)
{
  if (gtk_widget_has_css_class (root, css_class))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_css (child, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
set_date_note (AdwActionRow *note,
               AdwEntryRow  *entry,
               const char   *text,
               gboolean      warn)
{
  GtkWidget *icon;

  if (note == NULL)
    return;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (note), text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (note), gtk_widget_get_visible (GTK_WIDGET (entry)));
  if (warn)
    gtk_widget_add_css_class (GTK_WIDGET (note), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (note), "warning");
  /* The prefix's warning sign, only for a warning. */
  icon = find_by_css (GTK_WIDGET (note), "day-off-icon");
  if (icon != NULL)
    gtk_widget_set_opacity (icon, warn ? 1.0 : 0.0);
}

/* The note for the date typed in @entry: @day_off_format says a day off ("%s is %s, not a
 * working day…"), @future_format a date after today. */
static void
update_date_note (QuorumReferralsPage *self,
                  AdwEntryRow         *entry,
                  AdwActionRow        *note,
                  const char          *day_off_format,
                  const char          *future_format)
{
  g_autofree char *text = NULL;
  g_autofree char *plain = NULL;
  QuorumRegion region;
  QuorumDayOff day_off;
  GDate date;
  GDate today;
  char buf[128];

  if (!quorum_date_parse (gtk_editable_get_text (GTK_EDITABLE (entry)), NULL, &date, NULL) ||
      get_selected (self) == NULL)
    {
      set_date_note (note, entry, "", FALSE);
      return;
    }
  /* The date without its weekday when the weekday is what is said: "20 December 2026 is a
   * Sunday", not "Sunday 20 December 2026 is a Sunday". */
  if (quorum_ui_strftime (buf, sizeof buf, _("%-d %B %Y"), &date) > 0)
    plain = g_strdup (buf);
  else
    plain = quorum_date_to_string (&date);

  quorum_date_today (&today);
  day_off = typed_day_off (self, entry, &date, &region);
  /* The formats are the callers' translated literals, each checked by xgettext's c-format. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  if (g_date_compare (&date, &today) > 0)
    {
      text = g_strdup_printf (future_format, plain);
      set_date_note (note, entry, text, TRUE);
    }
  else if (day_off != QUORUM_DAY_WORKING)
    {
      text = g_strdup_printf (day_off_format, plain, quorum_day_off_get_label (day_off, region));
      set_date_note (note, entry, text, TRUE);
    }
  else
    {
      text = quorum_ui_format_date (&date);
      set_date_note (note, entry, text, FALSE);
    }
#pragma GCC diagnostic pop
}

static void
update_day_off_notes (QuorumReferralsPage *self)
{
  /* Translators: under the date field: "5 December 2026 is a Saturday, not a working day.
   * Check it is the day it was sent: it can still be recorded." The second %s is "a
   * Saturday", "a Sunday", "a bank holiday in England and Wales" or "a local closure day". */
  update_date_note (self, self->notify_date_entry, self->notify_day_off_row,
                    _("%s is %s, not a working day. Check it is the day it was sent: it can still be recorded."),
                    /* Translators: under the date field: "20 December 2026 is in the future: the
                     * referral cannot have been sent yet." */
                    _("%s is in the future: the referral cannot have been sent yet."));
  update_date_note (self, self->panel_date_entry, self->panel_day_off_row,
                    /* Translators: as above, under the date the panel heard it */
                    _("%s is %s, not a working day. Check it is the day the panel heard it: it can still be recorded."),
                    /* Translators: under the date the panel heard it, a date after today */
                    _("%s is in the future: the panel cannot have heard it yet."));
  update_date_note (self, self->correct_value_entry, self->correct_day_off_row,
                    /* Translators: as above, under the right date of a correction */
                    _("%s is %s, not a working day. Check it is the right date: it can still be recorded."),
                    /* Translators: under the right date of a correction, a date after today */
                    _("%s is in the future: it cannot be recorded yet."));
}

static void
date_entry_changed_cb (QuorumReferralsPage *self,
                       GtkEditable         *editable)
{
  update_day_off_notes (self);
}

/* ---- the pane as of a past day (trial 4, defect 4) ----
 * Looking at a past day, the pane is the referral as it stood then, as the table's cells are
 * (the row's "then", from core's quorum_referral_as_of ()): not sent, heard or decided after
 * it, a value corrected after it as it was, and no correction made after it. It says so, and
 * the forms, which record today's facts, wait for today (the banner's way back). Which
 * referrals are overdue that day is the table's and the tiles' (the filter's), not this. */

/* The as-of day, when it is before today: TRUE and @out set. */
static gboolean
viewing_past (QuorumReferralsPage *self,
              GDate               *out)
{
  GDate today;

  if (!g_date_valid (&self->as_of))
    return FALSE;
  quorum_date_today (&today);
  if (g_date_compare (&self->as_of, &today) >= 0)
    return FALSE;
  if (out != NULL)
    *out = self->as_of;
  return TRUE;
}

/* What @date is in @region's calendar, with the local closure days. */
static QuorumDayOff
day_off_of (QuorumReferralsPage *self,
            QuorumRegion         region,
            const GDate         *date)
{
  g_autoptr(QuorumCalendar) calendar = NULL;

  if (!g_date_valid (date))
    return QUORUM_DAY_WORKING;
  calendar = self->store != NULL ? quorum_store_get_calendar (self->store, region, NULL) : NULL;
  if (calendar == NULL)
    calendar = quorum_calendar_new (region);
  return quorum_calendar_get_day_off (calendar, date);
}

/* The dates and outcome rows: the record as it is, or as it stood on a past as-of day. */
static void
show_referral_rows (QuorumReferralsPage     *self,
                    const QuorumReferralRow *row)
{
  g_autofree char *outcome = NULL;
  gboolean past = viewing_past (self, NULL);
  const GDate *notified = past ? &row->then.notified : &row->notified;
  const GDate *panel_due = past ? &row->then.panel_due : &row->panel_due;
  const GDate *panel_due_working = past ? &row->then_panel_due_working : &row->panel_due_working;
  const GDate *panel_date = past ? &row->then.panel_date : &row->panel_date;
  QuorumPanelOutcome panel_outcome = past ? row->then.outcome : row->outcome;
  const char *reasons = past ? row->then.outcome_reason : row->outcome_reason;
  QuorumDayOff sent_day_off = past ? day_off_of (self, row->region, notified) : row->sent_day_off;
  QuorumDayOff heard_day_off = past ? day_off_of (self, row->region, panel_date) : row->heard_day_off;

  set_row_date (self->due_row, &row->due, "");
  set_row_date (self->notified_row, notified, _("Not yet sent"));
  /* Sent with no panel date: the policy names none (the Co-ordinator's referral on a challenge). */
  set_row_date (self->panel_due_row, panel_due,
                g_date_valid (notified) ? _("No time limit set by this policy") : _("28 days after it is sent"));
  set_row_date (self->panel_date_row, panel_date, _("Not yet heard"));
  /* Lateness shown, never hidden; who sent it; a due day off with the working day before it. */
  if (g_date_valid (notified))
    {
      /* When, how and by whom (its notice); a day off said, never refused (people email at
       * weekends), so a typo is caught. */
      gboolean late = quorum_referral_sent_late (&row->due, notified);
      g_autofree char *text = quorum_ui_describe_sent (notified, row->sent_by, row->sent_means,
                                                       sent_day_off, row->region, late);

      adw_action_row_set_subtitle (self->notified_row, text);
    }
  {
    g_autofree char *note = panel_due_note (panel_due, panel_due_working);

    if (note != NULL)
      adw_action_row_set_subtitle (self->panel_due_row, note);
  }
  if (g_date_valid (panel_date))
    {
      g_autofree char *heard = quorum_ui_format_date_day_off (panel_date, heard_day_off, row->region);
      g_autofree char *text = quorum_referral_heard_late (panel_due, panel_date)
        ? g_strdup_printf (_("%s — heard late, after the panel’s due date"), heard)
        : g_steal_pointer (&heard);

      adw_action_row_set_subtitle (self->panel_date_row, text);
    }
  update_corrections_row (self, row);
  /* The reasons belong to the outcome they were given with (Other's, and Plan ended's when
   * the panel gave them): a correction to another outcome takes its own or none. */
  outcome = panel_outcome == QUORUM_PANEL_NONE ? g_strdup (_("None yet"))
          : reasons != NULL && *reasons != '\0'
          ? g_strdup_printf ("%s: %s", quorum_panel_outcome_get_label (panel_outcome), reasons)
          : g_strdup (quorum_panel_outcome_get_label (panel_outcome));
  adw_action_row_set_subtitle (self->outcome_row, outcome);
}

/* "As it stood on Saturday 28 November 2026" over the pane, or nothing as of today. */
static void
show_as_of_banner (QuorumReferralsPage *self)
{
  GDate day;

  if (viewing_past (self, &day))
    {
      g_autofree char *when = quorum_ui_format_date (&day);
      /* Translators: over a referral's details, as of a past day: "As it stood on Saturday 28
       * November 2026. To record anything, go back to today." */
      g_autofree char *text = g_strdup_printf (_("As it stood on %s. To record anything, go back to today."), when);

      gtk_label_set_label (self->pane_as_of_label, text);
      gtk_widget_set_visible (self->pane_as_of_box, TRUE);
    }
  else
    gtk_widget_set_visible (self->pane_as_of_box, FALSE);
}

static void
update_pane (QuorumReferralsPage *self)
{
  QuorumReferralObject *item = get_selected (self);
  const QuorumReferralRow *row;
  QuorumReferralState state;
  gboolean head;
  g_autofree char *conference = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *status = NULL;

  update_actions (self);

  if (item == NULL)
    {
      if (!self->restoring)
        adw_flap_set_reveal_flap (self->flap, FALSE);
      return;
    }

  row = quorum_referral_object_get_row (item);
  state = quorum_referral_object_get_state (item);

  if (self->selected_id != row->id)
    {
      g_autofree char *notify_scope = g_strdup_printf ("referral:%" G_GINT64_FORMAT ":notify", row->id);
      g_autofree char *panel_scope = g_strdup_printf ("referral:%" G_GINT64_FORMAT ":panel", row->id);
      g_autofree char *correct_scope = g_strdup_printf ("referral:%" G_GINT64_FORMAT ":correct", row->id);

      self->selected_id = row->id;
      /* The referral left keeps its words under its own scope before the forms are emptied;
       * this one's, if any, are given back. */
      ensure_drafts (self);
      if (self->panel_draft != NULL)
        {
          quorum_draft_set_scope (self->notify_draft, 0, NULL);
          quorum_draft_set_scope (self->panel_draft, 0, NULL);
          quorum_draft_set_scope (self->correct_draft, 0, NULL);
        }
      reset_forms (self);
      if (self->panel_draft != NULL)
        {
          quorum_draft_set_scope (self->notify_draft, row->conference_id, notify_scope);
          quorum_draft_set_scope (self->panel_draft, row->conference_id, panel_scope);
          quorum_draft_set_scope (self->correct_draft, row->conference_id, correct_scope);
        }
      offer_today (self->notify_draft, "date", self->notify_date_entry);
      offer_today (self->panel_draft, "date", self->panel_date_entry);
      /* Another referral's pane opens at its top, the child's name in view: never where the
       * last one was scrolled (a trial recorded an outcome with the name scrolled away). */
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->pane_scroller), 0);
    }

  gtk_label_set_label (self->pane_title, row->child);
  conference = quorum_ui_format_date (&row->conference_date);
  /* Translators: under the child's name: "Conference of Thursday 24 December 2026, chaired by J. Okafor" */
  subtitle = g_strdup_printf (_("Conference of %s, chaired by %s"), conference, row->chair);
  gtk_label_set_label (self->pane_subtitle, subtitle);

  status = quorum_referral_object_describe_status (item);
  gtk_label_set_label (self->pane_status_label, status);
  gtk_image_set_from_icon_name (self->pane_status_icon, status_icon_name (item));
  apply_status_style (self->pane_status_box, item);

  show_referral_rows (self, row);
  /* Only a Head of Service records the notification and the panel: hidden from the others;
   * and from her too while she looks at a past day (what she records is today's). */
  state = recorded_state (row);
  head = (self->roles & QUORUM_STORE_ROLE_HEAD_OF_SERVICE) != 0 && !viewing_past (self, NULL);
  gtk_widget_set_visible (self->notify_group, head && state == QUORUM_REFERRAL_AWAITING_NOTIFICATION);
  gtk_widget_set_visible (self->notify_button, head && state == QUORUM_REFERRAL_AWAITING_NOTIFICATION);
  gtk_widget_set_visible (self->panel_group, head && state == QUORUM_REFERRAL_AWAITING_PANEL);
  gtk_widget_set_visible (self->panel_button, head && state == QUORUM_REFERRAL_AWAITING_PANEL);
  gtk_widget_set_visible (GTK_WIDGET (self->reason_entry),
                          adw_combo_row_get_selected (self->outcome_combo) >= 2);
  /* Corrections to the notification and panel dates are the Head of Service's too. */
  gtk_widget_set_visible (self->correct_group, head && state != QUORUM_REFERRAL_AWAITING_NOTIFICATION);
  gtk_widget_set_visible (self->correct_button, head && state != QUORUM_REFERRAL_AWAITING_NOTIFICATION);

  update_draft_markers (self);
  update_day_off_notes (self);
  show_as_of_banner (self);

  adw_flap_set_reveal_flap (self->flap, TRUE);
}

static void
selection_changed_cb (QuorumReferralsPage *self,
                      GParamSpec          *pspec,
                      GtkSingleSelection  *selection)
{
  if (self->restoring)
    return;

  if (get_selected (self) == NULL)
    self->selected_id = 0;
  update_pane (self);
}

static void
flap_revealed_cb (QuorumReferralsPage *self,
                  GParamSpec          *pspec,
                  AdwFlap             *flap)
{
  /* Closed by a click outside it when folded: let go of the referral too. */
  if (!adw_flap_get_reveal_flap (flap) && get_selected (self) != NULL && !self->restoring)
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

/* The outcome is corrected by choosing it, in words; a date by typing it. */
static void
correct_field_selected_cb (QuorumReferralsPage *self,
                           GParamSpec          *pspec,
                           AdwComboRow         *row)
{
  gboolean outcome = adw_combo_row_get_selected (self->correct_field_combo) == 2;
  gboolean other = outcome && adw_combo_row_get_selected (self->correct_outcome_combo) == 3;

  gtk_widget_set_visible (GTK_WIDGET (self->correct_value_entry), !outcome);
  gtk_widget_set_visible (GTK_WIDGET (self->correct_outcome_combo), outcome);
  /* Other is recorded with the panel's own reasons, a correction to it too. */
  gtk_widget_set_visible (GTK_WIDGET (self->correct_panel_reason_entry), other);
  update_day_off_notes (self);
}

static void
outcome_selected_cb (QuorumReferralsPage *self,
                     GParamSpec          *pspec,
                     AdwComboRow         *row)
{
  /* Other needs the panel's reasons; Plan ended may have them (the CLI's --reason). */
  gtk_widget_set_visible (GTK_WIDGET (self->reason_entry), adw_combo_row_get_selected (row) >= 2);
}

/* ---- recording ---- */

static gboolean
read_date (QuorumReferralsPage *self,
           AdwEntryRow         *entry,
           const char          *what,
           GDate               *out)
{
  g_autofree char *text = quorum_ui_editable_get_text (GTK_EDITABLE (entry));

  if (text == NULL || !quorum_date_parse (text, what, out, NULL))
    {
      g_autofree char *message = NULL;
      g_autofree char *example = NULL;
      GDate today;

      /* The example is today's date: one the form accepts (a date in the future is refused). */
      quorum_date_today (&today);
      example = quorum_date_to_string (&today);
      if (text == NULL)
        /* Translators: the first %s is "the date it was sent" or "the date the panel heard it",
         * the second today's date, "2026-12-02" */
        message = g_strdup_printf (_("Enter %s as YYYY-MM-DD, for example %s"), what, example);
      else
        /* Translators: what was typed, "the date it was sent", then today's date, "2026-12-02" */
        message = g_strdup_printf (_("“%s” is not a date: enter %s as YYYY-MM-DD, for example %s"),
                                   text, what, example);
      quorum_ui_toast (GTK_WIDGET (self), message);
      gtk_widget_grab_focus (GTK_WIDGET (entry));
      return FALSE;
    }
  return TRUE;
}

static void
recorded (QuorumReferralsPage *self,
          const char          *message)
{
  quorum_ui_toast (GTK_WIDGET (self), message);
  quorum_referrals_page_reload (self);
}

static void
notify_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  QuorumReferralsPage *self = QUORUM_REFERRALS_PAGE (widget);
  QuorumReferralObject *item = get_selected (self);
  g_autoptr(QuorumReferralRow) row = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sent = NULL;
  g_autofree char *panel_due = NULL;
  g_autofree char *message = NULL;
  const QuorumReferralRow *current;
  GDate date;

  if (item == NULL)
    return;
  current = quorum_referral_object_get_row (item);

  if (!read_date (self, self->notify_date_entry, _("the date it was sent"), &date))
    return;
  if (g_date_compare (&date, &current->conference_date) < 0)
    {
      g_autofree char *conference = quorum_ui_format_date (&current->conference_date);

      message = g_strdup_printf (_("Nothing was recorded: the referral cannot have been sent before its "
                                   "conference on %s"), conference);
      quorum_ui_toast (GTK_WIDGET (self), message);
      return;
    }

  {
    g_autofree char *by = quorum_ui_editable_get_text (GTK_EDITABLE (self->sender_entry));
    g_autofree char *means = quorum_ui_editable_get_text (GTK_EDITABLE (self->means_entry));

    /* The referral's notice names who recorded it. */
    if (quorum_ui_ask_name_first (widget, self->store, action_name, param))
      return;
    if (!quorum_store_send_referral (self->store, current->id, &date, by, means, &error))
      {
        show_error (self, error);
        return;
      }
  }
  if ((row = quorum_store_get_referral (self->store, current->id, &error)) == NULL)
    {
      show_error (self, error);
      return;
    }

  /* Recorded: the draft is done with, and the form emptied. */
  if (self->notify_draft != NULL)
    quorum_draft_discard (self->notify_draft);
  gtk_editable_set_text (GTK_EDITABLE (self->notify_date_entry), "");
  offer_today (self->notify_draft, "date", self->notify_date_entry);
  gtk_editable_set_text (GTK_EDITABLE (self->sender_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->means_entry), "");

  sent = quorum_ui_format_date (&row->notified);
  panel_due = quorum_ui_format_date (&row->panel_due);
  /* Translators: "Ada Smith’s referral was sent on …: the panel must hear it by …" */
  message = g_strdup_printf (_("%s’s referral was sent on %s: the panel must hear it by %s"),
                             row->child, sent, panel_due);
  recorded (self, message);
}

static void
record_panel_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  static const QuorumPanelOutcome outcomes[] = {
    QUORUM_PANEL_NONE, QUORUM_PANEL_PLAN_CONFIRMED, QUORUM_PANEL_PLAN_ENDED, QUORUM_PANEL_OTHER,
  };
  QuorumReferralsPage *self = QUORUM_REFERRALS_PAGE (widget);
  QuorumReferralObject *item = get_selected (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *heard = NULL;
  g_autofree char *message = NULL;
  const QuorumReferralRow *current;
  QuorumPanelOutcome outcome;
  guint selected;
  GDate date;

  if (item == NULL)
    return;
  current = quorum_referral_object_get_row (item);

  if (!read_date (self, self->panel_date_entry, _("the date the panel heard it"), &date))
    return;
  if (g_date_valid (&current->notified) && g_date_compare (&date, &current->notified) < 0)
    {
      g_autofree char *sent = quorum_ui_format_date (&current->notified);

      message = g_strdup_printf (_("Nothing was recorded: the panel cannot have heard the referral before "
                                   "it was sent on %s"), sent);
      quorum_ui_toast (GTK_WIDGET (self), message);
      return;
    }

  selected = adw_combo_row_get_selected (self->outcome_combo);
  outcome = outcomes[MIN (selected, G_N_ELEMENTS (outcomes) - 1)];
  if (outcome == QUORUM_PANEL_NONE)
    {
      quorum_ui_toast (GTK_WIDGET (self), _("Nothing was recorded: choose the panel’s outcome"));
      gtk_widget_grab_focus (GTK_WIDGET (self->outcome_combo));
      return;
    }
  reason = quorum_ui_editable_get_text (GTK_EDITABLE (self->reason_entry));
  /* Plan ended keeps the panel's reasons if given (they are optional for it). */
  if (outcome == QUORUM_PANEL_PLAN_CONFIRMED)
    g_clear_pointer (&reason, g_free);
  else if (outcome == QUORUM_PANEL_OTHER && reason == NULL)
    {
      quorum_ui_toast (GTK_WIDGET (self), _("Nothing was recorded: give the panel’s reasons when the outcome is Other"));
      gtk_widget_grab_focus (GTK_WIDGET (self->reason_entry));
      return;
    }

  if (!quorum_store_record_panel (self->store, current->id, &date, outcome, reason, &error))
    {
      show_error (self, error);
      return;
    }

  /* Recorded: the draft is done with, and the form emptied for the next referral. */
  if (self->panel_draft != NULL)
    quorum_draft_discard (self->panel_draft);
  adw_combo_row_set_selected (self->outcome_combo, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->reason_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->panel_date_entry), "");
  offer_today (self->panel_draft, "date", self->panel_date_entry);

  heard = quorum_ui_format_date (&date);
  /* Translators: "The panel heard Ada Smith’s referral on …: Plan confirmed" */
  message = g_strdup_printf (_("The panel heard %s’s referral on %s: %s"),
                             current->child, heard, quorum_panel_outcome_get_label (outcome));
  recorded (self, message);
}

static void
correct_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  static const QuorumReferralField fields[] = {
    QUORUM_REFERRAL_FIELD_NOTIFIED, QUORUM_REFERRAL_FIELD_PANEL_DATE, QUORUM_REFERRAL_FIELD_OUTCOME,
  };
  /* In the order of the right outcome's list (quorum-referrals-page.ui). */
  static const QuorumPanelOutcome outcomes[] = {
    QUORUM_PANEL_NONE, QUORUM_PANEL_PLAN_CONFIRMED, QUORUM_PANEL_PLAN_ENDED, QUORUM_PANEL_OTHER,
  };
  QuorumReferralsPage *self = QUORUM_REFERRALS_PAGE (widget);
  QuorumReferralObject *item = get_selected (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *panel_reasons = NULL;
  g_autofree char *message = NULL;
  g_autofree char *shown_date = NULL;
  const QuorumReferralRow *current;
  QuorumReferralField field;
  GDate date;
  QuorumPanelOutcome outcome = QUORUM_PANEL_NONE;
  GtkWidget *value_widget;
  const char *shown;

  if (item == NULL)
    return;
  current = quorum_referral_object_get_row (item);
  field = fields[MIN (adw_combo_row_get_selected (self->correct_field_combo), G_N_ELEMENTS (fields) - 1)];
  if (field == QUORUM_REFERRAL_FIELD_OUTCOME)
    {
      outcome = outcomes[MIN (adw_combo_row_get_selected (self->correct_outcome_combo), G_N_ELEMENTS (outcomes) - 1)];
      value = outcome != QUORUM_PANEL_NONE ? g_strdup (quorum_panel_outcome_to_string (outcome)) : NULL;
      value_widget = GTK_WIDGET (self->correct_outcome_combo);
      if (outcome == QUORUM_PANEL_OTHER)
        panel_reasons = quorum_ui_editable_get_text (GTK_EDITABLE (self->correct_panel_reason_entry));
    }
  else
    {
      value = quorum_ui_editable_get_text (GTK_EDITABLE (self->correct_value_entry));
      value_widget = GTK_WIDGET (self->correct_value_entry);
    }
  reason = quorum_ui_editable_get_text (GTK_EDITABLE (self->correct_reason_entry));
  /* Told at once all that is missing, and put in the first field missing (in the form's order):
   * a trial's first refusal named only the value and why, the second the panel's reasons. */
  if (value == NULL || (outcome == QUORUM_PANEL_OTHER && panel_reasons == NULL) || reason == NULL)
    {
      const char *missing;
      GtkWidget *first;

      if (value == NULL)
        {
          missing = reason == NULL ? _("Nothing was recorded: give the right value and why it is corrected")
                                   : _("Nothing was recorded: give the right value");
          first = value_widget;
        }
      else if (outcome == QUORUM_PANEL_OTHER && panel_reasons == NULL)
        {
          missing = reason == NULL ? _("Nothing was recorded: give the panel’s reasons for Other and why it is corrected")
                                   : _("Nothing was recorded: give the panel’s reasons for Other");
          first = GTK_WIDGET (self->correct_panel_reason_entry);
        }
      else
        {
          missing = _("Nothing was recorded: give why it is corrected");
          first = GTK_WIDGET (self->correct_reason_entry);
        }
      quorum_ui_toast (GTK_WIDGET (self), missing);
      gtk_widget_grab_focus (first);
      return;
    }
  /* The correction names who made it. */
  if (quorum_ui_ask_name_first (widget, self->store, action_name, param))
    return;
  if (!quorum_store_correct_referral_full (self->store, current->id, field, value, panel_reasons, reason, &error))
    {
      show_error (self, error);
      return;
    }
  if (field == QUORUM_REFERRAL_FIELD_OUTCOME)
    shown = quorum_panel_outcome_get_label (outcome);
  else if (quorum_date_parse (value, NULL, &date, NULL))
    shown = shown_date = quorum_ui_format_date (&date);
  else
    shown = value;
  /* Translators: "Ada Smith’s referral: Panel outcome corrected to Plan confirmed; the old value is kept" */
  message = g_strdup_printf (_("%s’s referral: %s corrected to %s; the old value is kept"),
                             current->child, quorum_referral_field_get_label (field), shown);
  /* Recorded: the draft is done with, and the form emptied. */
  if (self->correct_draft != NULL)
    quorum_draft_discard (self->correct_draft);
  adw_combo_row_set_selected (self->correct_field_combo, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->correct_value_entry), "");
  adw_combo_row_set_selected (self->correct_outcome_combo, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->correct_panel_reason_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->correct_reason_entry), "");
  recorded (self, message);
}

/* Enter in any field of a form records, as its button does (or says why not). */
static void
notify_entry_activated_cb (QuorumReferralsPage *self,
                           AdwEntryRow         *entry)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "referrals.notify", NULL);
}

static void
panel_entry_activated_cb (QuorumReferralsPage *self,
                          AdwEntryRow         *entry)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "referrals.record-panel", NULL);
}

static void
correct_entry_activated_cb (QuorumReferralsPage *self,
                            AdwEntryRow         *entry)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "referrals.correct", NULL);
}

static void
open_conference (QuorumReferralsPage  *self,
                 QuorumReferralObject *item)
{
  if (item == NULL)
    return;

  /* The window's action: the page never opens a conference itself. It opens at the child's
   * decision, where the plan and the referral are, not wherever that panel was scrolled. */
  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.open-decision", "(xx)",
                                   quorum_referral_object_get_conference_id (item),
                                   quorum_referral_object_get_row (item)->child_id))
    g_message ("No window to open conference %" G_GINT64_FORMAT " in",
               quorum_referral_object_get_conference_id (item));
}

static void
open_conference_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  QuorumReferralsPage *self = QUORUM_REFERRALS_PAGE (widget);

  open_conference (self, get_selected (self));
}

static void
row_activated_cb (QuorumReferralsPage *self,
                  guint                position,
                  GtkColumnView       *column_view)
{
  g_autoptr(QuorumReferralObject) item = g_list_model_get_item (G_LIST_MODEL (self->referrals), position);

  open_conference (self, item);
}

static void
close_pane_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  QuorumReferralsPage *self = QUORUM_REFERRALS_PAGE (widget);

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
today_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  QuorumReferralsPage *self = QUORUM_REFERRALS_PAGE (widget);

  quorum_referrals_page_set_as_of (self, NULL);
  gtk_popover_popdown (self->as_of_popover);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  QuorumReferralsPage *self = QUORUM_REFERRALS_PAGE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* ---- filters, search, as of ---- */

static void
search_changed_cb (QuorumReferralsPage *self,
                   GtkSearchEntry      *entry)
{
  quorum_referral_filter_set_search (self->filter, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
stop_search_cb (QuorumReferralsPage *self,
                GtkSearchEntry      *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
filter_items_changed_cb (QuorumReferralsPage *self,
                         guint                position,
                         guint                removed,
                         guint                added,
                         GListModel          *model)
{
  if (!self->restoring)
    update_list_state (self);
}

/* In a narrow window the filters are a menu: its button names the referrals shown. */
static void
update_filter_menu_button (QuorumReferralsPage *self)
{
  static const char * const names[] = {
    [QUORUM_REFERRAL_SHOW_ALL] = N_("All"),
    [QUORUM_REFERRAL_SHOW_AWAITING_NOTIFICATION] = N_("Not Sent"),
    [QUORUM_REFERRAL_SHOW_AWAITING_PANEL] = N_("Awaiting Panel"),
    [QUORUM_REFERRAL_SHOW_OVERDUE] = N_("Overdue"),
    [QUORUM_REFERRAL_SHOW_DECIDED] = N_("Decided"),
  };
  QuorumReferralShow show = quorum_referral_filter_get_show (self->filter);
  const char *name = show < G_N_ELEMENTS (names) ? _(names[show]) : "";
  g_autofree char *label = NULL;

  gtk_menu_button_set_label (self->filter_menu_button, name);
  /* Translators: the narrow window's filter menu, read out: "Show referrals: Overdue" */
  label = g_strdup_printf (_("Show referrals: %s"), name);
  quorum_ui_set_accessible_label (GTK_WIDGET (self->filter_menu_button), label);
}

static void
filter_show_changed_cb (QuorumReferralsPage  *self,
                        GParamSpec           *pspec,
                        QuorumReferralFilter *filter)
{
  update_filter_menu_button (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SHOW]);
}

static void
sync_calendar (QuorumReferralsPage *self)
{
  g_autoptr(GDateTime) datetime = NULL;
  GDate as_of;

  effective_as_of (self, &as_of);
  datetime = g_date_time_new_local (g_date_get_year (&as_of), g_date_get_month (&as_of),
                                    g_date_get_day (&as_of), 12, 0, 0);
  self->syncing_calendar = TRUE;
  gtk_calendar_select_day (self->as_of_calendar, datetime);
  self->syncing_calendar = FALSE;
}

/* A day picked applies once the click is done: GTK 4.8's calendar also says "day-selected"
 * when its month or year arrow is clicked (the same day of the month shown next), and that is
 * a person turning the page to the month they want, not a choice: the popover stays open. */
static gboolean
apply_calendar_day_cb (gpointer user_data)
{
  QuorumReferralsPage *self = user_data;
  g_autoptr(GDateTime) datetime = NULL;
  GDate date;

  self->day_source = 0;
  /* A greyed day of the month before or after turns the month too (GTK 4.8 says "prev-month"
   * first), but it is a day picked: only the arrows alone are a turn of the page. */
  if (self->calendar_turned && !self->calendar_day_pressed)
    {
      self->calendar_turned = FALSE;
      return G_SOURCE_REMOVE;
    }
  self->calendar_turned = FALSE;
  self->calendar_day_pressed = FALSE;

  datetime = gtk_calendar_get_date (self->as_of_calendar);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (datetime),
                  g_date_time_get_month (datetime), g_date_time_get_year (datetime));
  quorum_referrals_page_set_as_of (self, &date);
  gtk_popover_popdown (self->as_of_popover);
  return G_SOURCE_REMOVE;
}

static void
as_of_day_selected_cb (QuorumReferralsPage *self,
                       GtkCalendar         *calendar)
{
  if (self->syncing_calendar)
    return;

  if (self->day_source == 0)
    self->day_source = g_idle_add (apply_calendar_day_cb, self);
}

static void
calendar_turned_cb (QuorumReferralsPage *self,
                    GtkCalendar         *calendar)
{
  self->calendar_turned = TRUE;
  /* Said before or after its "day-selected": either way, nothing is applied for this click. */
  if (self->day_source == 0)
    self->day_source = g_idle_add (apply_calendar_day_cb, self);
}

/* A press on a day of the calendar's grid (trial 4, defect 5): GTK 4.8's calendar says nothing
 * for a click on the day already selected, and a greyed day of the next or last month comes
 * with a turn of the month; either way the day pressed is the one picked, applied once the
 * calendar has taken the click. */
static void
calendar_pressed_cb (GtkGestureClick     *gesture,
                     int                  n_press,
                     double               x,
                     double               y,
                     QuorumReferralsPage *self)
{
  GtkWidget *calendar = GTK_WIDGET (self->as_of_calendar);
  GtkWidget *picked = gtk_widget_pick (calendar, x, y, GTK_PICK_DEFAULT);

  if (picked == NULL || !gtk_widget_has_css_class (picked, "day-number"))
    return;
  self->calendar_day_pressed = TRUE;
  if (self->day_source == 0)
    self->day_source = g_idle_add (apply_calendar_day_cb, self);
}

/* Closed with a day shown selected that was not applied (a month turned, then Escape): the
 * calendar shows the applied day again, so it and the button never disagree. */
static void
as_of_popover_closed_cb (QuorumReferralsPage *self,
                         GtkPopover          *popover)
{
  if (self->day_source == 0)
    sync_calendar (self);
}

static void
quorum_referrals_page_map (GtkWidget *widget)
{
  QuorumReferralsPage *self = QUORUM_REFERRALS_PAGE (widget);

  GTK_WIDGET_CLASS (quorum_referrals_page_parent_class)->map (widget);

  g_clear_handle_id (&self->free_source, g_source_remove);

  /* Read when first shown; and other pages record decisions: coming back shows what they made. */
  if (!self->loading)
    quorum_referrals_page_reload (self);
}

/* Hidden for a while: let the rows go, so that memory does not grow with rows not on screen.
 * The open referral is kept and chosen again when the page is next shown. */
static gboolean
free_rows_cb (gpointer user_data)
{
  QuorumReferralsPage *self = user_data;

  self->free_source = 0;
  g_cancellable_cancel (self->cancellable);
  set_loading (self, FALSE);
  self->restoring = TRUE;
  quorum_referral_list_set_ids (self->referrals, g_array_new (FALSE, FALSE, sizeof (gint64)), NULL);
  gtk_slice_list_model_set_size (self->shown, SHOWN_ROWS);
  self->restoring = FALSE;
  self->n_total = 0;
  self->loaded_once = FALSE;
  update_list_state (self);
  return G_SOURCE_REMOVE;
}

static void
quorum_referrals_page_unmap (GtkWidget *widget)
{
  QuorumReferralsPage *self = QUORUM_REFERRALS_PAGE (widget);

  g_clear_handle_id (&self->free_source, g_source_remove);
  self->free_source = g_timeout_add_seconds (FREE_HIDDEN_AFTER_S, free_rows_cb, self);

  GTK_WIDGET_CLASS (quorum_referrals_page_parent_class)->unmap (widget);
}

/* ---- GObject ---- */

static void
quorum_referrals_page_constructed (GObject *object)
{
  QuorumReferralsPage *self = (QuorumReferralsPage *)object;

  G_OBJECT_CLASS (quorum_referrals_page_parent_class)->constructed (object);

  quorum_referral_list_set_store (self->referrals, self->store);
  if (self->store != NULL)
    {
      g_autoptr(GError) error = NULL;

      self->roles = quorum_store_get_roles (self->store, &error);
      if (error != NULL)
        g_warning ("The server did not say what this role may do: %s", error->message);
    }

  update_as_of_label (self);
  sync_calendar (self);
}

static void
quorum_referrals_page_dispose (GObject *object)
{
  QuorumReferralsPage *self = (QuorumReferralsPage *)object;

  g_clear_handle_id (&self->free_source, g_source_remove);
  g_clear_handle_id (&self->fit_source, g_source_remove);
  g_clear_handle_id (&self->day_source, g_source_remove);
  g_clear_object (&self->notify_draft);
  g_clear_object (&self->panel_draft);
  g_clear_object (&self->correct_draft);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  /* Removing the columns changes the sorter: nothing may reach the pane's widgets meanwhile. */
  if (self->selection != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->selection, self);
      g_signal_handlers_disconnect_by_data (self->referrals, self);
      g_signal_handlers_disconnect_by_data (self->filter, self);
      g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);
      gtk_column_view_set_model (self->column_view, NULL);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_REFERRALS_PAGE);

  g_clear_object (&self->selection);
  g_clear_object (&self->shown);
  g_clear_object (&self->filter);
  g_clear_object (&self->referrals);

  G_OBJECT_CLASS (quorum_referrals_page_parent_class)->dispose (object);
}

static void
quorum_referrals_page_finalize (GObject *object)
{
  QuorumReferralsPage *self = (QuorumReferralsPage *)object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (quorum_referrals_page_parent_class)->finalize (object);
}

static void
quorum_referrals_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  QuorumReferralsPage *self = QUORUM_REFERRALS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_AS_OF:
      g_value_take_string (value, quorum_date_to_string (&self->as_of));
      break;

    case PROP_SHOW:
      g_value_set_string (value, quorum_referral_show_to_string (quorum_referral_filter_get_show (self->filter)));
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_referrals_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  QuorumReferralsPage *self = QUORUM_REFERRALS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_AS_OF:
      {
        const char *iso = g_value_get_string (value);
        GDate date;

        g_date_clear (&date, 1);
        if (iso != NULL && *iso != '\0' && !quorum_date_parse (iso, "as-of", &date, NULL))
          g_warning ("as-of: “%s” is not a date (YYYY-MM-DD)", iso);
        quorum_referrals_page_set_as_of (self, &date);
      }
      break;

    case PROP_SHOW:
      g_object_set_property (G_OBJECT (self->filter), "show", value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_referrals_page_class_init (QuorumReferralsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = quorum_referrals_page_constructed;
  object_class->dispose = quorum_referrals_page_dispose;
  object_class->finalize = quorum_referrals_page_finalize;
  object_class->get_property = quorum_referrals_page_get_property;
  object_class->set_property = quorum_referrals_page_set_property;

  widget_class->map = quorum_referrals_page_map;
  widget_class->unmap = quorum_referrals_page_unmap;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         QUORUM_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /* "YYYY-MM-DD"; NULL or "" for today. */
  properties [PROP_AS_OF] =
    g_param_spec_string ("as-of", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* "all", "awaiting-notification", "awaiting-panel", "overdue", "decided". */
  properties [PROP_SHOW] =
    g_param_spec_string ("show", NULL, NULL, "all",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (QUORUM_TYPE_REFERRALS_CHART);
  g_type_ensure (QUORUM_TYPE_FOLD_BOX);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/quorum_app/quorum/ui/quorum-referrals-page.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumReferralsPage, flap);
  gtk_widget_class_bind_template_child (widget_class, QuorumReferralsPage, due_count_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumReferralsPage, due_caption_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumReferralsPage, due_tile);
  gtk_widget_class_bind_template_child (widget_class, QuorumReferralsPage, overdue_count_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumReferralsPage, overdue_caption_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumReferralsPage, overdue_icon);
  gtk_widget_class_bind_template_child (widget_class, QuorumReferralsPage, overdue_tile);
  gtk_widget_class_bind_template_child (widget_class, QuorumReferralsPage, panel_count_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumReferralsPage, panel_caption_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumReferralsPage, panel_tile);
  gtk_widget_class_bind_template_child (widget_class, QuorumReferralsPage, chart);
  gtk_widget_class_bind_template_child (widget_class, QuorumReferralsPage, chart_caption);
  gtk_widget_class_bind_template_child (widget_class, QuorumReferralsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, QuorumReferralsPage, as_of_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumReferralsPage, as_of_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumReferralsPage, as_of_popover);
  gtk_widget_class_bind_template_child (widget_class, QuorumReferralsPage, as_of_calendar);
  gtk_widget_class_bind_template_child (widget_class, QuorumReferralsPage, pane_as_of_box);
  gtk_widget_class_bind_template_child (widget_class, QuorumReferralsPage, pane_as_of_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumReferralsPage, pane_today_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumReferralsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, QuorumReferralsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, QuorumReferralsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, QuorumReferralsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumReferralsPage, filter_menu_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumReferralsPage, pane_scroller);
  gtk_widget_class_bind_template_child (widget_class, QuorumReferralsPage, pane_title);
  gtk_widget_class_bind_template_child (widget_class, QuorumReferralsPage, pane_subtitle);
  gtk_widget_class_bind_template_child (widget_class, QuorumReferralsPage, pane_status_box);
  gtk_widget_class_bind_template_child (widget_class, QuorumReferralsPage, pane_status_icon);
  gtk_widget_class_bind_template_child (widget_class, QuorumReferralsPage, pane_status_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumReferralsPage, due_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumReferralsPage, notified_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumReferralsPage, panel_due_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumReferralsPage, panel_date_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumReferralsPage, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumReferralsPage, notify_group);
  gtk_widget_class_bind_template_child (widget_class, QuorumReferralsPage, notify_date_entry);
  gtk_widget_class_bind_template_child (widget_class, QuorumReferralsPage, notify_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumReferralsPage, panel_group);
  gtk_widget_class_bind_template_child (widget_class, QuorumReferralsPage, panel_date_entry);
  gtk_widget_class_bind_template_child (widget_class, QuorumReferralsPage, outcome_combo);
  gtk_widget_class_bind_template_child (widget_class, QuorumReferralsPage, reason_entry);
  gtk_widget_class_bind_template_child (widget_class, QuorumReferralsPage, sender_entry);
  gtk_widget_class_bind_template_child (widget_class, QuorumReferralsPage, means_entry);
  gtk_widget_class_bind_template_child (widget_class, QuorumReferralsPage, corrections_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumReferralsPage, correct_group);
  gtk_widget_class_bind_template_child (widget_class, QuorumReferralsPage, correct_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumReferralsPage, correct_field_combo);
  gtk_widget_class_bind_template_child (widget_class, QuorumReferralsPage, correct_value_entry);
  gtk_widget_class_bind_template_child (widget_class, QuorumReferralsPage, correct_outcome_combo);
  gtk_widget_class_bind_template_child (widget_class, QuorumReferralsPage, correct_panel_reason_entry);
  gtk_widget_class_bind_template_child (widget_class, QuorumReferralsPage, correct_reason_entry);
  gtk_widget_class_bind_template_child (widget_class, QuorumReferralsPage, panel_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumReferralsPage, notify_draft_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumReferralsPage, notify_day_off_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumReferralsPage, panel_day_off_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumReferralsPage, correct_day_off_row);
  gtk_widget_class_bind_template_callback (widget_class, date_entry_changed_cb);
  gtk_widget_class_bind_template_child (widget_class, QuorumReferralsPage, panel_draft_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumReferralsPage, correct_draft_label);
  gtk_widget_class_bind_template_callback (widget_class, flap_revealed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, notify_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, outcome_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, correct_field_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, as_of_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, calendar_turned_cb);
  gtk_widget_class_bind_template_callback (widget_class, panel_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, correct_entry_activated_cb);

  gtk_widget_class_install_property_action (widget_class, "referrals.show", "show");
  gtk_widget_class_install_action (widget_class, "referrals.notify", NULL, notify_action);
  gtk_widget_class_install_action (widget_class, "referrals.record-panel", NULL, record_panel_action);
  gtk_widget_class_install_action (widget_class, "referrals.correct", NULL, correct_action);
  gtk_widget_class_install_action (widget_class, "referrals.open-conference", NULL, open_conference_action);
  gtk_widget_class_install_action (widget_class, "referrals.close-pane", NULL, close_pane_action);
  gtk_widget_class_install_action (widget_class, "referrals.today", NULL, today_action);
  gtk_widget_class_install_action (widget_class, "referrals.search", NULL, search_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "referrals.close-pane", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "referrals.search", NULL);
}

static void
quorum_referrals_page_init (QuorumReferralsPage *self)
{
  g_date_clear (&self->as_of, 1);
  /* Before the template: its filter menu reads the "show" state as it is built. */
  self->filter = quorum_referral_filter_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  {
    GtkGesture *click = gtk_gesture_click_new ();

    gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
    gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
    g_signal_connect_object (click, "pressed", G_CALLBACK (calendar_pressed_cb), self, 0);
    gtk_widget_add_controller (GTK_WIDGET (self->as_of_calendar), GTK_EVENT_CONTROLLER (click));
    g_signal_connect_object (self->as_of_popover, "closed", G_CALLBACK (as_of_popover_closed_cb), self, G_CONNECT_SWAPPED);
  }

  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect_object (keys, "key-pressed", G_CALLBACK (tab_pressed_cb), self, 0);
    gtk_widget_add_controller (GTK_WIDGET (self), keys);
  }

  /* The store finds and orders the rows (the column view's sorter only says by what). */
  self->referrals = quorum_referral_list_new (NULL);
  add_columns (self);
  self->shown = quorum_ui_slice_for_view (G_LIST_MODEL (self->referrals), GTK_SCROLLABLE (self->column_view),
                                          SHOWN_ROWS, SHOWN_GROW);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->shown)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->referrals, "items-changed",
                           G_CALLBACK (filter_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter, "notify::show",
                           G_CALLBACK (filter_show_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter, "changed",
                           G_CALLBACK (query_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (query_changed_cb), self, G_CONNECT_SWAPPED);
  {
    GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->column_view));

    /* Its page size is the table's width; its upper, how wide the columns are. */
    g_signal_connect_object (h, "notify::page-size", G_CALLBACK (table_resized_cb), self, G_CONNECT_SWAPPED);
    g_signal_connect_object (h, "notify::upper", G_CALLBACK (table_resized_cb), self, G_CONNECT_SWAPPED);
  }

  update_filter_menu_button (self);
  update_actions (self);
  update_list_state (self);
}

GtkWidget *
quorum_referrals_page_new (QuorumStore *store)
{
  g_return_val_if_fail (QUORUM_IS_STORE (store), NULL);

  return g_object_new (QUORUM_TYPE_REFERRALS_PAGE,
                       "store", store,
                       NULL);
}

QuorumStore *
quorum_referrals_page_get_store (QuorumReferralsPage *self)
{
  g_return_val_if_fail (QUORUM_IS_REFERRALS_PAGE (self), NULL);

  return self->store;
}

void
quorum_referrals_page_get_as_of (QuorumReferralsPage *self,
                                 GDate               *out)
{
  g_return_if_fail (QUORUM_IS_REFERRALS_PAGE (self));
  g_return_if_fail (out != NULL);

  effective_as_of (self, out);
}

void
quorum_referrals_page_set_as_of (QuorumReferralsPage *self,
                                 const GDate         *as_of)
{
  g_return_if_fail (QUORUM_IS_REFERRALS_PAGE (self));

  if (as_of != NULL && g_date_valid (as_of))
    {
      if (g_date_valid (&self->as_of) && g_date_compare (&self->as_of, as_of) == 0)
        return;
      self->as_of = *as_of;
    }
  else
    {
      if (!g_date_valid (&self->as_of))
        return;
      g_date_clear (&self->as_of, 1);
    }

  update_as_of_label (self);
  sync_calendar (self);
  quorum_referrals_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_AS_OF]);
}

gboolean
quorum_referrals_page_get_loading (QuorumReferralsPage *self)
{
  g_return_val_if_fail (QUORUM_IS_REFERRALS_PAGE (self), FALSE);

  return self->loading;
}

GListModel *
quorum_referrals_page_get_model (QuorumReferralsPage *self)
{
  g_return_val_if_fail (QUORUM_IS_REFERRALS_PAGE (self), NULL);

  return G_LIST_MODEL (self->referrals);
}

gboolean
quorum_referrals_page_select (QuorumReferralsPage *self,
                              gint64               referral_id)
{
  guint position;

  g_return_val_if_fail (QUORUM_IS_REFERRALS_PAGE (self), FALSE);

  position = find_position (self, referral_id);
  if (position == GTK_INVALID_LIST_POSITION && self->store != NULL)
    {
      QuorumReferralQuery query;
      g_autoptr(GArray) ids = NULL;
      g_autoptr(GError) error = NULL;

      /* Hidden by a filter or the search (or not read yet): show everything, and read the
       * list at once to look again (a load under way is superseded: it read the old filter). */
      quorum_referral_filter_set_show (self->filter, QUORUM_REFERRAL_SHOW_ALL);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      quorum_referral_filter_set_search (self->filter, NULL);
      current_query (self, &query);
      ids = quorum_store_list_referral_ids (self->store, &query, &error);
      if (ids == NULL)
        {
          show_error (self, error);
          return FALSE;
        }
      g_cancellable_cancel (self->cancellable);
      set_loading (self, FALSE);
      self->restoring = TRUE;
      quorum_referral_list_set_ids (self->referrals, g_steal_pointer (&ids), &query.as_of);
      self->restoring = FALSE;
      if (!self->loaded_once || self->counts_pending)
        {
          /* The tiles' counts come with the next load. */
          self->loaded_once = TRUE;
          load (self, TRUE);
        }
      update_list_state (self);
      position = find_position (self, referral_id);
    }
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;

  quorum_ui_slice_reach (self->shown, position);
  gtk_single_selection_set_selected (self->selection, position);
  return TRUE;
}

gint64
quorum_referrals_page_get_selected_id (QuorumReferralsPage *self)
{
  QuorumReferralObject *item;

  g_return_val_if_fail (QUORUM_IS_REFERRALS_PAGE (self), 0);

  item = get_selected (self);
  return item != NULL ? quorum_referral_object_get_id (item) : 0;
}
