/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-conference-page.c: one conference in session. */

#define G_LOG_DOMAIN "quorum-conference-page"

#include <glib/gi18n.h>
#include <math.h>

#include "quorum-attendee-item.h"
#include "quorum-record-panel.h"
#include "quorum-draft.h"
#include "quorum-conference-page.h"
#include "quorum/quorum-search.h"
#include "quorum-fold-box.h"
#include "quorum-export-actions.h"
#include "quorum-record-item.h"
#include "quorum-scroll-bin.h"
#include "quorum-text-field.h"
#include "quorum-text-row.h"
#include "quorum-ui-util.h"
#include "quorum-window.h"

struct _QuorumConferencePage
{
  GtkWidget          parent_instance;

  QuorumStore       *store;
  gint64             conference_id;
  QuorumConference  *conference;
  QuorumProfile     *profile;
  gint64             pending_decide_child;
  gboolean           loading;           /* the screen is being updated from the record */
  gint64             pending_load;      /* a load asked for meanwhile: done after this one */

  GListStore        *attendees;
  GListStore        *amendments;
  GtkListStore      *line_managements;  /* completion of the group entry */
  gboolean           line_managements_stale; /* read again when next wanted */
  QuorumDraft       *attendee_draft;    /* the attendee form's words not yet recorded */
  gboolean           voting_set_by_hand;
  GtkWidget         *error_field;       /* the field a toast said was wrong (weak) */
  gboolean           voting_setting;

  GtkLabel          *title_label;
  GtkLabel          *subtitle_label;
  gboolean           projecting;      /* the room reads the header: one line of details */
  GtkLabel          *attendees_count_label;
  GtkToggleButton   *attendees_button;
  GtkMenuButton     *menu_button;
  GtkRevealer       *quoracy_revealer;
  GtkWidget         *quoracy_box;
  GtkImage          *quoracy_icon;
  GtkLabel          *quoracy_label;
  GtkWidget         *proceed_button;
  GtkRevealer       *signed_revealer;
  GtkRevealer       *owner_revealer;
  GtkLabel          *owner_label;
  GtkWidget         *amend_button;
  GMenuModel        *conference_menu;
  GMenuModel        *reader_menu;    /* the menu of a role that does not record: Export only */
  GtkLabel          *signed_label;
  GtkWidget         *amendments_scroller;
  GtkLabel          *amendments_summary;
  GtkStack          *amendments_button_stack;
  GtkToggleButton   *amendments_button;
  gint64             amendments_of;       /* the conference whose amendments the line counts */
  GtkListBox        *amendments_list;
  AdwFlap           *flap;
  GtkWidget         *attendee_form;
  gboolean           may_record;     /* the session's role records conferences (a chair's) */
  gboolean           records_here;   /* … and this conference is theirs (a shared database: its chair) */
  gint64             records_here_of; /* the conference records_here was found for */
  gboolean           attendee_rows_stale;  /* made for another role: made again at the next update */
  gboolean           pointer_in_attendees; /* the pointer over the list, at pointer_y in it */
  double             pointer_y;
  gint64             anchor_attendee;   /* whose row is kept in place on the screen after a change */
  double             anchor_y;          /* … its top in the pane before the change */
  GdkFrameClock     *anchor_clock;      /* whose next layout puts it back */
  gulong             anchor_handler;
  GArray            *new_attendees;     /* gint64: added while shown, not yet seen in the pane */
  GtkWidget         *new_above_note;    /* "1 new attendee above": over the pane's top edge */
  GtkWidget         *new_below_note;    /* … and its bottom edge */
  GdkFrameClock     *new_rows_clock;    /* whose next layout says where they are */
  gulong             new_rows_handler;
  GtkWidget         *attendee_draft_label;
  GtkEntry          *name_entry;
  GtkEntry          *role_entry;
  GtkEntry          *agency_entry;
  GtkEntry          *group_entry;
  GtkDropDown       *attendance_dropdown;
  GtkEntry          *arrived_entry;     /* the time of a late arrival: shown for "Arrived late" */
  GtkCheckButton    *voting_check;
  GtkWidget         *voting_note;       /* says the box was unticked by the form's guess */
  GtkListBox        *attendees_list;
  GtkWidget         *challenge_target;        /* weak: where "Record a Challenge…" scrolls to */
  guint              challenge_scroll_source;
  guint              challenge_scroll_tries;
  QuorumRecordPanel *record_panel;    /* the attendance timeline and the challenge route: below
                                        the attendees, built once the open conference is drawn */
  guint              record_source;
  GtkStackSwitcher  *child_switcher;
  GtkStack          *child_stack;
  /* A child's tab clicked: the panel left (weak) until the switch, and whether the chair was
   * typing there (switcher_event_cb). */
  QuorumChildPanel  *tab_left;
  gboolean           tab_was_typing;
  guint              tab_source;
  /* The child shown (weak), and the last widget in it that had the focus (weak): where the
   * chair was on it when the focus went to a child's tab by the keyboard (focus_changed_cb). */
  QuorumChildPanel  *shown_panel;
  GtkWidget         *panel_focus;
  gboolean           stepping;     /* step_child gives the focus back itself */
  gulong             focus_handler;
  GtkRoot           *focus_root;
  /* The page itself left for another of the window's (Referrals, Differences, the list of
   * conferences when folded): the child the chair was on (weak), whether they were typing, and
   * whether the focus was in it, to give back once the page is shown again (unmap, map). */
  QuorumChildPanel  *page_left;
  gboolean           page_was_typing;
  gboolean           page_had_focus;
  guint              page_source;
  gboolean           rebuilding;   /* the stand-ins go in: build nothing yet */
  guint              build_source; /* the other children's panels, after the frame */
  GPtrArray         *dying;        /* the last conference's panels, let go after the frame */
  guint              dying_source;
  GdkFrameClock     *frame_clock;  /* whose next paint starts the work put off (while waiting) */
  gulong             after_paint_id;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_CONFERENCE_ID,
  PROP_CHILD_ID,
  PROP_TITLE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

G_DEFINE_FINAL_TYPE (QuorumConferencePage, quorum_conference_page, GTK_TYPE_WIDGET)

static GtkWindow *
get_window (QuorumConferencePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* ---- attendees ---- */

static GtkWidget *
create_attendee_row (gpointer item,
                     gpointer user_data)
{
  QuorumAttendeeItem *attendee = item;
  QuorumConferencePage *self = user_data;
  GtkWidget *row = quorum_text_row_new (quorum_attendee_item_get_name (attendee),
                                        quorum_attendee_item_get_subtitle (attendee));
  const char *status = quorum_attendee_item_get_status (attendee);
  GtkWidget *label = gtk_label_new (status);

  /* Role and agency; under an amended name, the original as signed off. */
  quorum_text_row_set_subtitle_lines (QUORUM_TEXT_ROW (row), 4);

  /* Always there, hidden while empty: a change of attendance is shown in the same row. */
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_set_visible (label, status != NULL && *status != '\0');
  quorum_text_row_add_suffix (QUORUM_TEXT_ROW (row), label);
  g_object_set_data (G_OBJECT (row), "quorum-status-label", label);

  /* A correction before sign-off (a typo, the wrong structure); the action goes off after it.
   * Only a chair corrects: the others are not shown the pencil. */
  if (self->records_here)
    {
      GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
      g_autofree char *accessible = g_strdup_printf (_("Edit %s"), quorum_attendee_item_get_name (attendee));

      gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (edit, _("Correct This Attendee"));
      gtk_widget_add_css_class (edit, "flat");
      gtk_widget_set_name (edit, "edit-attendee-button");
      quorum_ui_set_accessible_label (edit, accessible);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "conference.edit-attendee");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (edit), "x", quorum_attendee_item_get_id (attendee));
      quorum_text_row_add_suffix (QUORUM_TEXT_ROW (row), edit);
      g_object_set_data (G_OBJECT (row), "quorum-edit-button", edit);
      /* Enter or Space on the row opens the same correction. */
      quorum_text_row_set_activatable_widget (QUORUM_TEXT_ROW (row), edit);
    }

  g_object_set_data_full (G_OBJECT (row), "quorum-item", g_object_ref (attendee), g_object_unref);

  return row;
}

static guint
count_section (QuorumConferencePage *self,
               const char           *section)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->attendees));
  guint count = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumAttendeeItem) item = g_list_model_get_item (G_LIST_MODEL (self->attendees), i);

      if (g_strcmp0 (quorum_attendee_item_get_section (item), section) == 0)
        count++;
    }

  return count;
}

/* One header per line-management structure: the list shows the groups that vote. */
static void
attendees_header_func (GtkListBoxRow *row,
                       GtkListBoxRow *before,
                       gpointer       user_data)
{
  QuorumConferencePage *self = user_data;
  QuorumAttendeeItem *item = g_object_get_data (G_OBJECT (row), "quorum-item");
  QuorumAttendeeItem *previous = before != NULL ? g_object_get_data (G_OBJECT (before), "quorum-item") : NULL;
  const char *section;
  GtkWidget *header;
  guint n;

  if (item == NULL)
    return;

  section = quorum_attendee_item_get_section (item);
  if (previous != NULL && g_strcmp0 (section, quorum_attendee_item_get_section (previous)) == 0)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  n = count_section (self, section);
  if (section[0] != '~' && n > 1)
    {
      /* Translators: a line-management structure shared by several representatives */
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%s · %u representative, one view",
                                                            "%s · %u representatives, one view", n),
                                               quorum_attendee_item_get_section_title (item), n);
      header = gtk_label_new (text);
    }
  else
    header = gtk_label_new (quorum_attendee_item_get_section_title (item));

  /* The same words: the header shown stays (every row's is asked again after a change). */
  if (GTK_IS_LABEL (gtk_list_box_row_get_header (row)) &&
      g_strcmp0 (gtk_label_get_label (GTK_LABEL (gtk_list_box_row_get_header (row))),
                 gtk_label_get_label (GTK_LABEL (header))) == 0)
    {
      g_object_ref_sink (header);
      g_object_unref (header);
      return;
    }

  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_label_set_wrap (GTK_LABEL (header), TRUE);
  gtk_widget_add_css_class (header, "group-header");
  gtk_widget_add_css_class (header, "heading");
  gtk_list_box_row_set_header (row, header);
}

static gboolean
attendees_unchanged (QuorumConferencePage *self,
                     GPtrArray            *items)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->attendees)) != items->len)
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    {
      g_autoptr(QuorumAttendeeItem) shown = g_list_model_get_item (G_LIST_MODEL (self->attendees), i);

      if (!quorum_attendee_item_equal (shown, g_ptr_array_index (items, i)))
        return FALSE;
    }
  return TRUE;
}

/* @row shows @attendee: the list's item (the row's) takes its words, the row keeps its widgets. */
static void
show_attendee_in_row (GtkListBoxRow      *row,
                      QuorumAttendeeItem *attendee)
{
  QuorumAttendeeItem *item = g_object_get_data (G_OBJECT (row), "quorum-item");
  GtkWidget *status = g_object_get_data (G_OBJECT (row), "quorum-status-label");
  GtkWidget *edit = g_object_get_data (G_OBJECT (row), "quorum-edit-button");
  const char *text;

  quorum_attendee_item_assign (item, attendee);
  quorum_text_row_set_title (QUORUM_TEXT_ROW (row), quorum_attendee_item_get_name (item));
  quorum_text_row_set_subtitle (QUORUM_TEXT_ROW (row), quorum_attendee_item_get_subtitle (item));
  text = quorum_attendee_item_get_status (item);
  gtk_label_set_label (GTK_LABEL (status), text);
  gtk_widget_set_visible (status, text != NULL && *text != '\0');
  if (edit != NULL)
    {
      g_autofree char *accessible = g_strdup_printf (_("Edit %s"), quorum_attendee_item_get_name (item));

      quorum_ui_set_accessible_label (edit, accessible);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (edit), "x", quorum_attendee_item_get_id (item));
    }
}

/* Another conference's attendees, as many as the rows shown: each row is given its new
 * attendee (title, subtitle, status, the edit button's target and name) instead of every row
 * being made again with its buttons, most of what opening a conference spent on its
 * attendees. FALSE (nothing changed) when they do not fit, or when the focus is on a row (it
 * would stay there, on another attendee). */
static gboolean
refill_attendee_rows (QuorumConferencePage *self,
                      GPtrArray            *items)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->attendees));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (n == 0 || n != items->len ||
      (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->attendees_list))))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->attendees_list, (int) i);

      if (!QUORUM_IS_TEXT_ROW (row) || g_object_get_data (G_OBJECT (row), "quorum-item") == NULL)
        return FALSE;
    }

  for (guint i = 0; i < n; i++)
    show_attendee_in_row (gtk_list_box_get_row_at_index (self->attendees_list, (int) i),
                          g_ptr_array_index (items, i));
  return TRUE;
}

/* The same conference's attendees after a change (an arrival, an attendee added or corrected,
 * here or by another computer): the rows of the longest run of attendees kept in order stay,
 * updated in place where their words changed; the others go or come one run at a time
 * (items-changed for those positions only). The focus and the pointer stay on the rows they
 * were on. FALSE (nothing changed) when no attendee is kept: another conference. */
static gboolean
patch_attendee_rows (QuorumConferencePage *self,
                     GPtrArray            *items)
{
  GListModel *model = G_LIST_MODEL (self->attendees);
  guint n = g_list_model_get_n_items (model);
  guint m = items->len;
  g_autofree gint64 *shown = g_new0 (gint64, n + 1);
  g_autofree guint *run = g_new0 (guint, (n + 1) * (m + 1));
  guint i = 0;
  guint j = 0;
  guint position = 0;

#define RUN(a, b) run[(a) * (m + 1) + (b)]
#define ID_AT(b) quorum_attendee_item_get_id (g_ptr_array_index (items, (b)))
  for (guint k = 0; k < n; k++)
    {
      g_autoptr(QuorumAttendeeItem) item = g_list_model_get_item (model, k);

      shown[k] = quorum_attendee_item_get_id (item);
    }
  /* RUN (a, b): how many attendees of shown[a…] and items[b…] can stay in order. */
  for (guint a = n; a-- > 0;)
    for (guint b = m; b-- > 0;)
      RUN (a, b) = shown[a] == ID_AT (b) ? RUN (a + 1, b + 1) + 1 : MAX (RUN (a + 1, b), RUN (a, b + 1));
  if (RUN (0, 0) == 0)
    return FALSE;

  while (i < n || j < m)
    {
      guint i0 = i;
      guint j0 = j;

      while (i < n && j < m && shown[i] != ID_AT (j))
        {
          if (RUN (i + 1, j) >= RUN (i, j + 1))
            i++;
          else
            j++;
        }
      if (i == n || j == m)
        {
          i = n;
          j = m;
        }
      if (i > i0 || j > j0)
        g_list_store_splice (self->attendees, position, i - i0, items->pdata + j0, j - j0);
      position += j - j0;
      if (i < n && j < m)
        {
          GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->attendees_list, (int) position);
          QuorumAttendeeItem *item = g_object_get_data (G_OBJECT (row), "quorum-item");

          if (item != NULL && !quorum_attendee_item_equal (item, g_ptr_array_index (items, j)))
            show_attendee_in_row (row, g_ptr_array_index (items, j));
          position++;
          i++;
          j++;
        }
    }
#undef RUN
#undef ID_AT
  return TRUE;
}

static GtkListBoxRow *
attendee_row (QuorumConferencePage *self,
              gint64                attendee_id)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->attendees_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      QuorumAttendeeItem *item = g_object_get_data (G_OBJECT (row), "quorum-item");

      if (GTK_IS_LIST_BOX_ROW (row) && item != NULL && quorum_attendee_item_get_id (item) == attendee_id)
        return GTK_LIST_BOX_ROW (row);
    }
  return NULL;
}

static gint64
attendee_of_row (GtkWidget *row)
{
  QuorumAttendeeItem *item = row != NULL ? g_object_get_data (G_OBJECT (row), "quorum-item") : NULL;

  return item != NULL ? quorum_attendee_item_get_id (item) : 0;
}

static GtkWidget *
attendee_pane (QuorumConferencePage *self)
{
  return gtk_widget_get_ancestor (GTK_WIDGET (self->attendees_list), GTK_TYPE_SCROLLED_WINDOW);
}

/* Once the changed rows are laid out: the anchored attendee's row back where it was in the
 * pane, the pane scrolled by what came or went above it (in the same frame: the frame clock
 * lays out again before painting). */
static void
attendee_anchor_layout_cb (GdkFrameClock        *clock,
                           QuorumConferencePage *self)
{
  GtkWidget *pane = attendee_pane (self);
  GtkListBoxRow *row = attendee_row (self, self->anchor_attendee);
  graphene_point_t origin = GRAPHENE_POINT_INIT (0, 0);
  graphene_point_t now;

  g_clear_signal_handler (&self->anchor_handler, clock);
  g_clear_object (&self->anchor_clock);
  if (row != NULL && gtk_widget_get_mapped (GTK_WIDGET (row)) &&
      gtk_widget_compute_point (GTK_WIDGET (row), pane, &origin, &now) && fabs (now.y - self->anchor_y) >= 1)
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (pane));

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + now.y - self->anchor_y);
    }
}

/* Whether the anchor's handler is still to run. A clock disposed with its window's surface has
 * dropped it: forgotten then, so the next change is anchored again. */
static gboolean
anchor_pending (QuorumConferencePage *self)
{
  if (self->anchor_handler != 0 &&
      (self->anchor_clock == NULL || !g_signal_handler_is_connected (self->anchor_clock, self->anchor_handler)))
    {
      self->anchor_handler = 0;
      g_clear_object (&self->anchor_clock);
    }
  return self->anchor_handler != 0;
}

static void
attendees_pointer_cb (QuorumConferencePage *self,
                      double                x,
                      double                y)
{
  self->pointer_in_attendees = TRUE;
  self->pointer_y = y;
}

static void
attendees_pointer_left_cb (QuorumConferencePage *self)
{
  self->pointer_in_attendees = FALSE;
}

/* A new attendee's row seen a moment: its tint goes (the row's transition fades it). */
static gboolean
new_attendee_seen_cb (gpointer data)
{
  gtk_widget_remove_css_class (GTK_WIDGET (data), "new-attendee");
  return G_SOURCE_REMOVE;
}

#define NEW_ATTENDEE_SEEN_SECONDS 4

/* The notes at the pane's edges: how many attendees added while the chair was on the list are
 * out of view above and below. One in view is seen: its tint stays a few seconds, then goes.
 * The same words are the list's accessible description while they stand (GTK 4.8 has no
 * announcement; a screen reader reads it on the list). */
static void
update_new_attendee_notes (QuorumConferencePage *self)
{
  GtkWidget *pane = attendee_pane (self);
  GtkWidget *viewport = pane != NULL ? gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (pane)) : NULL;
  GtkWidget *content = GTK_IS_VIEWPORT (viewport) ? gtk_viewport_get_child (GTK_VIEWPORT (viewport)) : viewport;
  GtkAdjustment *adjustment = pane != NULL ? gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (pane)) : NULL;
  g_autofree char *above_text = NULL;
  g_autofree char *below_text = NULL;
  guint above = 0;
  guint below = 0;

  for (guint i = 0; self->new_attendees != NULL && i < self->new_attendees->len;)
    {
      GtkListBoxRow *row = attendee_row (self, g_array_index (self->new_attendees, gint64, i));
      graphene_rect_t bounds;
      double top;
      double bottom;
      double middle;

      if (row == NULL || content == NULL || !gtk_widget_get_mapped (GTK_WIDGET (row)) ||
          !gtk_widget_compute_bounds (GTK_WIDGET (row), content, &bounds))
        {
          if (row == NULL)
            g_array_remove_index (self->new_attendees, i);
          else
            i++;
          continue;
        }
      top = gtk_adjustment_get_value (adjustment);
      bottom = top + gtk_adjustment_get_page_size (adjustment);
      middle = bounds.origin.y + bounds.size.height / 2;
      if (middle < top)
        above++;
      else if (middle > bottom)
        below++;
      else
        {
          g_timeout_add_seconds_full (G_PRIORITY_DEFAULT, NEW_ATTENDEE_SEEN_SECONDS, new_attendee_seen_cb,
                                      g_object_ref (row), g_object_unref);
          g_array_remove_index (self->new_attendees, i);
          continue;
        }
      i++;
    }

  if (above > 0)
    /* Translators: over the top of the attendees list: attendees added out of view */
    above_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new attendee above", "%u new attendees above", above), above);
  if (below > 0)
    /* Translators: under the bottom of the attendees list: attendees added out of view */
    below_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new attendee below", "%u new attendees below", below), below);
  /* The arrow for the eye; a screen reader is given the words. */
  {
    g_autofree char *above_shown = above_text != NULL ? g_strconcat ("↑ ", above_text, NULL) : NULL;
    g_autofree char *below_shown = below_text != NULL ? g_strconcat ("↓ ", below_text, NULL) : NULL;

    gtk_label_set_text (GTK_LABEL (self->new_above_note), above_shown != NULL ? above_shown : "");
    gtk_widget_set_visible (self->new_above_note, above_shown != NULL);
    gtk_label_set_text (GTK_LABEL (self->new_below_note), below_shown != NULL ? below_shown : "");
    gtk_widget_set_visible (self->new_below_note, below_shown != NULL);
  }
  if (above_text != NULL || below_text != NULL)
    {
      g_autofree char *said = g_strjoin ("; ", above_text != NULL ? above_text : below_text,
                                         above_text != NULL ? below_text : NULL, NULL);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self->attendees_list), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      said, -1);
    }
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->attendees_list), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void queue_new_attendee_notes (QuorumConferencePage *self);

static void
forget_new_rows_handler (QuorumConferencePage *self)
{
  /* A clock disposed with its surface has dropped its handlers already. */
  if (self->new_rows_clock != NULL && self->new_rows_handler != 0 &&
      g_signal_handler_is_connected (self->new_rows_clock, self->new_rows_handler))
    g_signal_handler_disconnect (self->new_rows_clock, self->new_rows_handler);
  self->new_rows_handler = 0;
  g_clear_object (&self->new_rows_clock);
}

static void
new_rows_layout_cb (GdkFrameClock        *clock,
                    QuorumConferencePage *self)
{
  forget_new_rows_handler (self);
  /* The chair's row not yet put back (its handler comes after this one): the next frame. */
  if (anchor_pending (self) && self->anchor_clock == clock)
    queue_new_attendee_notes (self);
  else
    update_new_attendee_notes (self);
}

/* Said once the frame is laid out (after the anchor's own handler: where the rows are once the
 * chair's row is back), never mid-allocation, where a row just made has no place yet. */
static void
queue_new_attendee_notes (QuorumConferencePage *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self->attendees_list));

  if (clock == NULL)
    return;
  if (self->new_rows_handler != 0)
    {
      if (self->new_rows_clock == clock && g_signal_handler_is_connected (clock, self->new_rows_handler))
        return;
      /* Its window's clock went (unrealized): the handler went with it. */
      forget_new_rows_handler (self);
    }
  self->new_rows_clock = g_object_ref (clock);
  self->new_rows_handler = g_signal_connect_after (clock, "layout", G_CALLBACK (new_rows_layout_cb), self);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_LAYOUT);
}

static void
attendees_scrolled_cb (QuorumConferencePage *self)
{
  if (self->new_attendees == NULL || self->new_above_note == NULL)
    return;
  if (self->new_attendees->len > 0 || gtk_widget_get_visible (self->new_above_note) ||
      gtk_widget_get_visible (self->new_below_note))
    queue_new_attendee_notes (self);
}

/* Nothing new to say: another conference, or the rows made again. */
static void
forget_new_attendees (QuorumConferencePage *self)
{
  if (self->new_attendees->len == 0 && !gtk_widget_get_visible (self->new_above_note) &&
      !gtk_widget_get_visible (self->new_below_note))
    return;
  for (guint i = 0; i < self->new_attendees->len; i++)
    {
      GtkListBoxRow *row = attendee_row (self, g_array_index (self->new_attendees, gint64, i));

      if (row != NULL)
        gtk_widget_remove_css_class (GTK_WIDGET (row), "new-attendee");
    }
  g_array_set_size (self->new_attendees, 0);
  update_new_attendee_notes (self);
}

/* The attendees in @items not among @before (ids shown before the change): tinted, and said at
 * the pane's edge once laid out if they are out of view. */
static void
mark_new_attendees (QuorumConferencePage *self,
                    GHashTable           *before,
                    GPtrArray            *items)
{
  gboolean any = FALSE;

  for (guint i = 0; i < items->len; i++)
    {
      gint64 id = quorum_attendee_item_get_id (g_ptr_array_index (items, i));
      GtkListBoxRow *row;

      if (g_hash_table_contains (before, &id) || (row = attendee_row (self, id)) == NULL)
        continue;
      gtk_widget_add_css_class (GTK_WIDGET (row), "new-attendee");
      g_array_append_val (self->new_attendees, id);
      any = TRUE;
    }
  if (any)
    queue_new_attendee_notes (self);
}

static void
update_attendees (QuorumConferencePage *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) first_seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *count = NULL;
  guint n_present = 0;

  for (guint i = 0; i < self->conference->attendees->len; i++)
    {
      QuorumAttendee *attendee = g_ptr_array_index (self->conference->attendees, i);
      QuorumAttendeeItem *item = quorum_attendee_item_new (self->conference, attendee, i);
      const char *section = quorum_attendee_item_get_section (item);

      if (!g_hash_table_contains (first_seen, section))
        g_hash_table_insert (first_seen, (gpointer) section, GUINT_TO_POINTER (i));
      if (attendee->attendance == QUORUM_ATTENDANCE_PRESENT)
        n_present++;

      g_ptr_array_add (items, item);
    }

  g_ptr_array_sort_with_data (items, (GCompareDataFunc) quorum_attendee_item_compare_ptr, first_seen);

  /* A reload after a vote (every vote, in the meeting) leaves the attendees as they were: their
   * rows stay, with the focus a keyboard user left on one of them. Rebuilding every row with its
   * buttons was most of a vote's reload (25–80 ms of 40–100 ms on a loaded machine). */
  if (self->attendee_rows_stale || !attendees_unchanged (self, items))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
      GtkWidget *list = GTK_WIDGET (self->attendees_list);
      GtkWidget *pane = attendee_pane (self);
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (pane));
      double scrolled = gtk_adjustment_get_value (adjustment);
      g_autoptr(GtkWidget) focus_row = NULL;   /* held: it may leave the list */
      gint64 focus_attendee = 0;
      gboolean on_edit = FALSE;
      gint64 anchor = 0;
      g_autoptr(GHashTable) before = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

      /* Who the chair is on: the focused row, else (the focus not in the pane) the row under
       * the pointer. That attendee's row stays where it is on the screen. */
      if (focus != NULL && gtk_widget_is_ancestor (focus, list))
        {
          focus_row = GTK_IS_LIST_BOX_ROW (focus) ? focus : gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);
          if (focus_row != NULL)
            g_object_ref (focus_row);
          focus_attendee = anchor = attendee_of_row (focus_row);
          on_edit = focus_row != NULL && focus == g_object_get_data (G_OBJECT (focus_row), "quorum-edit-button");
        }
      else if (self->pointer_in_attendees && (focus == NULL || !gtk_widget_is_ancestor (focus, pane)))
        anchor = attendee_of_row (GTK_WIDGET (gtk_list_box_get_row_at_y (self->attendees_list,
                                                                         (int) self->pointer_y)));
      if (anchor != 0 && !anchor_pending (self) && gtk_widget_get_mapped (list))
        {
          graphene_point_t origin = GRAPHENE_POINT_INIT (0, 0);
          graphene_point_t at;
          GdkFrameClock *clock = gtk_widget_get_frame_clock (list);
          GtkListBoxRow *row = attendee_row (self, anchor);

          if (clock != NULL && row != NULL &&
              gtk_widget_compute_point (GTK_WIDGET (row), pane, &origin, &at))
            {
              self->anchor_attendee = anchor;
              self->anchor_y = at.y;
              self->anchor_clock = g_object_ref (clock);
              self->anchor_handler = g_signal_connect_after (clock, "layout",
                                                             G_CALLBACK (attendee_anchor_layout_cb), self);
              gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_LAYOUT);
            }
        }

      /* Who was shown: an attendee added since is new to the chair. */
      for (guint i = 0, n = g_list_model_get_n_items (G_LIST_MODEL (self->attendees)); i < n; i++)
        {
          g_autoptr(QuorumAttendeeItem) item = g_list_model_get_item (G_LIST_MODEL (self->attendees), i);
          gint64 *id = g_new (gint64, 1);

          *id = quorum_attendee_item_get_id (item);
          g_hash_table_add (before, id);
        }
      if (!self->attendee_rows_stale && patch_attendee_rows (self, items))
        mark_new_attendees (self, before, items);
      else
        {
          forget_new_attendees (self);
          if (self->attendee_rows_stale || !refill_attendee_rows (self, items))
            g_list_store_splice (self->attendees, 0, g_list_model_get_n_items (G_LIST_MODEL (self->attendees)),
                                 items->pdata, items->len);
        }
      self->attendee_rows_stale = FALSE;
      gtk_list_box_invalidate_headers (self->attendees_list);

      /* The focused row made again (the attendee moved to another section, the rows made for
       * another role): the focus to the same attendee's new row, the pane left as it was. */
      if (focus_attendee != 0 && gtk_widget_get_parent (focus_row) != list)
        {
          GtkListBoxRow *row = attendee_row (self, focus_attendee);
          GtkWidget *edit = row != NULL ? g_object_get_data (G_OBJECT (row), "quorum-edit-button") : NULL;

          if (row != NULL)
            {
              gtk_widget_grab_focus (on_edit && edit != NULL ? edit : GTK_WIDGET (row));
              if (gtk_adjustment_get_value (adjustment) != scrolled)
                gtk_adjustment_set_value (adjustment, scrolled);
            }
        }
    }

  /* Translators: the attendees button: how many are in the room */
  count = g_strdup_printf (_("Attendees (%u)"), n_present);
  gtk_label_set_label (self->attendees_count_label, count);
}

/* The structures the store knows, read when a group entry is first used after a change (the
 * form's entry takes the focus, the correction dialog opens), not as a conference opens: every
 * attendee of every conference, for a list the first screen does not show. */
static void
ensure_completion (QuorumConferencePage *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;

  if (!self->line_managements_stale || self->store == NULL)
    return;
  self->line_managements_stale = FALSE;
  names = quorum_store_list_line_managements (self->store, &error);
  if (names == NULL)
    {
      g_debug ("No line-management structures for completion: %s", error ? error->message : "");
      return;
    }

  gtk_list_store_clear (self->line_managements);
  for (guint i = 0; names[i] != NULL; i++)
    gtk_list_store_insert_with_values (self->line_managements, NULL, -1, 0, names[i], -1);
}

static void
update_completion (QuorumConferencePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  self->line_managements_stale = TRUE;
  /* Being typed in: at once. */
  if (focus != NULL && (focus == GTK_WIDGET (self->group_entry) ||
                        gtk_widget_is_ancestor (focus, GTK_WIDGET (self->group_entry))))
    ensure_completion (self);
}

/* The structures already known, offered as a list to choose from (arrows, then Enter). Nothing
 * is ever put in the field that the person did not choose: inline completion inserted a
 * structure's remaining words while the chair typed, and the record kept them. */
static GtkEntryCompletion *
new_line_management_completion (QuorumConferencePage *self)
{
  GtkEntryCompletion *completion = gtk_entry_completion_new ();

  gtk_entry_completion_set_model (completion, GTK_TREE_MODEL (self->line_managements));
  gtk_entry_completion_set_text_column (completion, 0);
  gtk_entry_completion_set_inline_completion (completion, FALSE);
  gtk_entry_completion_set_inline_selection (completion, FALSE);
  gtk_entry_completion_set_popup_completion (completion, TRUE);
  gtk_entry_completion_set_popup_single_match (completion, TRUE);

  return completion;
}

/* ---- the rest of the record ---- */

static char *
join_children (const QuorumConference *conference)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  /* Each as it stands after sign-off: a name corrected by an amendment, corrected. */
  for (guint i = 0; i < conference->children->len; i++)
    g_ptr_array_add (names, (gpointer) quorum_conference_child_name_now (conference,
                                                                         g_ptr_array_index (conference->children, i),
                                                                         NULL));

  if (names->len == 0)
    return g_strdup ("");
  if (names->len == 1)
    return g_strdup (g_ptr_array_index (names, 0));

  {
    g_autoptr(GString) out = g_string_new (NULL);

    for (guint i = 0; i < names->len; i++)
      {
        if (i > 0)
          g_string_append (out, i + 1 == names->len ? _(" and ") : _(", "));
        g_string_append (out, g_ptr_array_index (names, i));
      }

    return g_string_free (g_steal_pointer (&out), FALSE);
  }
}

static void
update_header (QuorumConferencePage *self)
{
  const QuorumConference *conference = self->conference;
  g_autofree char *children = join_children (conference);
  g_autofree char *date = quorum_ui_format_date (&conference->date);
  g_autofree char *record = g_strdup_printf ("conference:%" G_GINT64_FORMAT, conference->id);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  /* The details as they stand after sign-off (the pinned amendments say what changed). */
  const char *time = quorum_conference_current_value (conference, record, "time", conference->time);
  const char *venue = quorum_conference_current_value (conference, record, "venue", conference->venue);
  const char *chair = quorum_conference_current_value (conference, record, "chair", conference->chair);
  const char *case_ref = quorum_conference_current_value (conference, record, "case_ref", conference->case_ref);
  gsize line_end;

  gtk_label_set_label (self->title_label, children);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), children);

  /* Translators: "Initial conference"; %s is the kind of conference */
  g_string_append_printf (subtitle, _("%s conference"), quorum_kind_get_label (conference->kind));
  g_string_append_printf (subtitle, " · %s", date);
  if (time != NULL)
    g_string_append_printf (subtitle, _(", %s"), time);
  if (venue != NULL && *venue != '\0')
    g_string_append_printf (subtitle, " · %s", venue);
  line_end = subtitle->len;
  g_string_append_c (subtitle, '\n');
  g_string_append_printf (subtitle, _("Chair: %s"), chair);
  if (case_ref != NULL && *case_ref != '\0')
    g_string_append_printf (subtitle, _(" · Case %s"), case_ref);
  if (self->profile != NULL)
    g_string_append_printf (subtitle, _(" · Policy: %s"), self->profile->name);

  /* On a projector the room needs the decision, not the case number and the policy: the
   * header keeps to the kind, date and venue on one line (all of it in the tooltip), and at
   * 1024×640 gives the board 100 px more (trial 7, A7). */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->subtitle_label), self->projecting ? subtitle->str : NULL);
  if (self->projecting)
    g_string_truncate (subtitle, line_end);
  gtk_label_set_wrap (self->subtitle_label, !self->projecting);
  gtk_label_set_ellipsize (self->subtitle_label, self->projecting ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  gtk_label_set_label (self->subtitle_label, subtitle->str);

  /* The children's tabs, named as the title names them. */
  for (guint i = 0; i < conference->children->len; i++)
    {
      const QuorumChild *child = g_ptr_array_index (conference->children, i);
      g_autofree char *name = g_strdup_printf ("child-%" G_GINT64_FORMAT, child->id);
      GtkWidget *tab = gtk_stack_get_child_by_name (self->child_stack, name);
      const char *now = quorum_conference_child_name_now (conference, child, NULL);

      if (tab != NULL && g_strcmp0 (gtk_stack_page_get_title (gtk_stack_get_page (self->child_stack, tab)), now) != 0)
        gtk_stack_page_set_title (gtk_stack_get_page (self->child_stack, tab), now);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TITLE]);
}

static void
update_quoracy (QuorumConferencePage *self)
{
  g_autoptr(QuorumQuoracy) quoracy = NULL;
  gboolean finalised = quorum_conference_is_finalised (self->conference);

  if (self->profile == NULL)
    {
      gtk_revealer_set_reveal_child (self->quoracy_revealer, FALSE);
      return;
    }

  quoracy = quorum_quoracy_check (self->conference, self->profile);

  if (quoracy->quorate)
    {
      gtk_revealer_set_reveal_child (self->quoracy_revealer, FALSE);
      return;
    }

  if (self->conference->inquorate_reason != NULL && *self->conference->inquorate_reason != '\0')
    {
      g_autofree char *text = g_strdup_printf (_("Not quorate: %s. The conference proceeds because: %s"),
                                               quoracy->missing, self->conference->inquorate_reason);
      gtk_label_set_label (self->quoracy_label, text);
      gtk_widget_set_visible (self->proceed_button, FALSE);
      gtk_widget_remove_css_class (self->quoracy_box, "warning");
      gtk_widget_add_css_class (self->quoracy_box, "info");
      gtk_image_set_from_icon_name (self->quoracy_icon, "dialog-information-symbolic");
    }
  else
    {
      g_autofree char *text = g_strdup_printf (_("Not quorate: %s."), quoracy->missing);
      gtk_label_set_label (self->quoracy_label, text);
      gtk_widget_set_visible (self->proceed_button, !finalised && self->records_here);
      gtk_widget_remove_css_class (self->quoracy_box, "info");
      gtk_widget_add_css_class (self->quoracy_box, "warning");
      gtk_image_set_from_icon_name (self->quoracy_icon, "dialog-warning-symbolic");
    }

  gtk_revealer_set_reveal_child (self->quoracy_revealer, TRUE);
}

/* ---- what an amendment may correct ---- */

/* One recorded value a correction can point at: quorum_store_amend's record and field. */
typedef struct
{
  char *record;   /* "vote:12" */
  char *field;    /* "reason" */
  char *label;    /* "Reason of Police, for Amy Smith" */
  char *value;    /* as it stands (the latest amendment's, else as recorded); may be NULL */
  const char *hint; /* how the value is written ("HH:MM"), over its field; NULL: "Corrected text" */
} AmendTarget;

static void
amend_target_free (AmendTarget *target)
{
  g_free (target->record);
  g_free (target->field);
  g_free (target->label);
  g_free (target->value);
  g_free (target);
}

/* The value's words are core's (quorum_conference_describe_value): the exports name an
 * amended value as the dialog offered it. */
static AmendTarget *
add_target (GPtrArray              *targets,
            const QuorumConference *conference,
            const char             *table,
            gint64                  id,
            const char             *field,
            const char             *value)
{
  AmendTarget *target = g_new0 (AmendTarget, 1);

  target->record = g_strdup_printf ("%s:%" G_GINT64_FORMAT, table, id);
  target->field = g_strdup (field);
  target->label = quorum_conference_describe_value (conference, target->record, field);
  /* The value as it stands: a second correction starts from the first one's words. */
  target->value = g_strdup (quorum_conference_current_value (conference, target->record, field, value));
  g_assert (target->label != NULL);
  g_ptr_array_add (targets, target);
  return target;
}

/* The values a person may correct after sign-off, in words, in the order of the record. */
static GPtrArray *
collect_amend_targets (const QuorumConference *conference)
{
  GPtrArray *targets = g_ptr_array_new_with_free_func ((GDestroyNotify) amend_target_free);

  for (guint i = 0; i < conference->votes->len; i++)
    {
      const QuorumVote *vote = g_ptr_array_index (conference->votes, i);

      add_target (targets, conference, "vote", vote->id, "reason", vote->reason);
    }

  /* A representative's own reason, where their group's representatives could not agree. */
  for (guint i = 0; conference->member_views != NULL && i < conference->member_views->len; i++)
    {
      const QuorumMemberView *member = g_ptr_array_index (conference->member_views, i);

      add_target (targets, conference, "member_view", member->id, "reason", member->reason);
    }

  /* A dissent's reason and representatives are the record's own copy, which the exports print.
   * Where the dissent's reason is its group's view's, word for word (one spoken reason:
   * quorum_conference_shared_reason ()), it is offered once, as the view's ("Reason of the
   * dissenting view of …"): a correction of it is both's. The chair's reasons for a decision the
   * chair made come first (one recorded before Quorum kept them may be given here). */
  for (guint i = 0; i < conference->decisions->len; i++)
    {
      const QuorumDecision *decision = g_ptr_array_index (conference->decisions, i);

      if (decision->basis == QUORUM_BASIS_CHAIR && decision->id > 0)
        add_target (targets, conference, "decision", decision->id, "reason", decision->reason);

      for (guint j = 0; decision->dissent != NULL && j < decision->dissent->len; j++)
        {
          const QuorumDissent *dissent = g_ptr_array_index (decision->dissent, j);
          /* As the store keeps them: one name a line. */
          g_autofree char *representatives = dissent->representatives != NULL
                                               ? g_strjoinv ("\n", dissent->representatives) : NULL;
          g_autofree char *record = NULL;
          g_autofree char *shared = NULL;

          if (dissent->id <= 0)
            continue;
          record = g_strdup_printf ("dissent:%" G_GINT64_FORMAT, dissent->id);
          if ((shared = quorum_conference_shared_reason (conference, record)) == NULL)
            add_target (targets, conference, "dissent", dissent->id, "reason", dissent->reason);
          add_target (targets, conference, "dissent", dissent->id, "representatives",
                      representatives)->hint = _("Corrected names, one a line");
        }
    }

  /* A decision's categories of abuse (one ticked by mistake): chosen, not typed; the plan the
   * decision made follows them. */
  for (guint i = 0; i < conference->decisions->len; i++)
    {
      const QuorumDecision *decision = g_ptr_array_index (conference->decisions, i);
      g_autofree char *categories = NULL;

      if (decision->id <= 0 || decision->outcome != QUORUM_VIEW_PLAN)
        continue;
      categories = quorum_categories_to_string (decision->categories);
      add_target (targets, conference, "decision", decision->id, "categories", categories);
    }

  for (guint i = 0; i < conference->attendees->len; i++)
    {
      const QuorumAttendee *attendee = g_ptr_array_index (conference->attendees, i);

      add_target (targets, conference, "attendee", attendee->id, "name", attendee->name);
      add_target (targets, conference, "attendee", attendee->id, "role", attendee->role);
      add_target (targets, conference, "attendee", attendee->id, "agency", attendee->agency);
    }

  for (guint i = 0; i < conference->attempts->len; i++)
    {
      const QuorumAttempt *attempt = g_ptr_array_index (conference->attempts, i);

      add_target (targets, conference, "attempt", attempt->id, "proposal", attempt->proposal);
      add_target (targets, conference, "attempt", attempt->id, "summary", attempt->summary);
      add_target (targets, conference, "attempt", attempt->id, "views", attempt->views);
    }

  for (guint i = 0; i < conference->children->len; i++)
    {
      const QuorumChild *child = g_ptr_array_index (conference->children, i);

      add_target (targets, conference, "child", child->id, "name", child->name);
    }

  add_target (targets, conference, "conference", conference->id, "time",
              conference->time)->hint = _("Corrected time (HH:MM, e.g. 09:30)");
  add_target (targets, conference, "conference", conference->id, "venue", conference->venue);
  add_target (targets, conference, "conference", conference->id, "chair", conference->chair);
  add_target (targets, conference, "conference", conference->id, "minute_taker", conference->minute_taker);
  add_target (targets, conference, "conference", conference->id, "case_ref", conference->case_ref);

  return targets;
}

static const AmendTarget *
find_amend_target (GPtrArray  *targets,
                   const char *record,
                   const char *field)
{
  for (guint i = 0; i < targets->len; i++)
    {
      const AmendTarget *target = g_ptr_array_index (targets, i);

      if (g_strcmp0 (target->record, record) == 0 && g_strcmp0 (target->field, field) == 0)
        return target;
    }

  return NULL;
}

/* The target offered for @record's @field: a dissent's reason offered as its view's is found
 * by the view's. */
static const AmendTarget *
find_offered_target (GPtrArray              *targets,
                     const QuorumConference *conference,
                     const char             *record,
                     const char             *field)
{
  const AmendTarget *target = find_amend_target (targets, record, field);
  g_autofree char *shared = NULL;

  if (target == NULL && g_strcmp0 (field, "reason") == 0 &&
      (shared = quorum_conference_shared_reason (conference, record)) != NULL)
    target = find_amend_target (targets, shared, field);
  return target;
}

static void
update_signed (QuorumConferencePage *self)
{
  const QuorumConference *conference = self->conference;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  /* The amendments' words name what they correct: a conference without any (most, and every
   * one before its sign-off) needs none of the record's values described. */
  g_autoptr(GPtrArray) targets = conference->amendments->len > 0 ? collect_amend_targets (conference) : NULL;
  gboolean finalised = quorum_conference_is_finalised (conference);

  gtk_revealer_set_reveal_child (self->signed_revealer, finalised);

  if (finalised)
    {
      g_autofree char *when = quorum_ui_format_timestamp (conference->finalised_at);
      g_autofree char *text = g_strdup_printf (_("Signed off by %s, %s. The record is read-only: a correction is an amendment, kept beside the original."),
                                               conference->finalised_by != NULL ? conference->finalised_by : "",
                                               when);
      gtk_label_set_label (self->signed_label, text);
    }

  for (guint i = 0; i < conference->amendments->len; i++)
    {
      QuorumAmendment *amendment = g_ptr_array_index (conference->amendments, i);
      g_autofree char *when = quorum_ui_format_timestamp (amendment->at);
      g_autoptr(GString) body = g_string_new (NULL);
      g_autofree char *title = NULL;

      const AmendTarget *target = amendment->record != NULL
                                    ? find_offered_target (targets, conference, amendment->record, amendment->field)
                                    : NULL;

      if (amendment->change != NULL && *amendment->change != '\0')
        {
          /* In words, not the row's id ("reason of vote:11"). */
          g_autofree char *change = quorum_conference_describe_change (conference, amendment);

          title = g_strdup_printf (_("Amendment: %s"), change);
        }
      else if (target != NULL)
        /* Translators: %s says what was corrected, e.g. "Reason of Police, for Amy Smith" */
        title = g_strdup_printf (_("Correction: %s"), target->label);
      else
        title = g_strdup_printf (_("Amendment to %s"), amendment->record != NULL ? amendment->record : _("the record"));

      if (quorum_conference_amendment_about (conference, amendment) != NULL)
        {
          g_autofree char *name =
            quorum_conference_format_child_name_now (conference, quorum_conference_amendment_about (conference, amendment));

          /* Translators: an amendment in words only, about one child: "About: Jayden Walsh" */
          g_string_append_printf (body, _("About: %s\n"), name);
        }
      else if (amendment->change != NULL && *amendment->change != '\0' && target != NULL)
        g_string_append_printf (body, _("Corrects: %s\n"), target->label);
      else if (amendment->change != NULL && *amendment->change != '\0' && amendment->record != NULL)
        {
          /* A value the dialog does not offer (a dissent's, made with quorum-cli), in words too. */
          g_autofree char *what = quorum_conference_describe_value (conference, amendment->record,
                                                                   amendment->field);

          if (what != NULL)
            g_string_append_printf (body, _("Corrects: %s\n"), what);
        }
      /* The original beside the correction, never replaced by it. */
      if (amendment->old_value != NULL || amendment->new_value != NULL)
        g_string_append_printf (body, _("“%s” → “%s”\n"),
                                amendment->old_value != NULL ? amendment->old_value : "",
                                amendment->new_value != NULL ? amendment->new_value : "");
      g_string_append_printf (body, _("Why: %s\n"), amendment->reason);
      g_string_append_printf (body, _("By %s, %s"), amendment->by != NULL ? amendment->by : "", when);

      g_ptr_array_add (items, quorum_record_item_new (title, body->str, "document-edit-symbolic"));
    }

  g_list_store_splice (self->amendments, 0, g_list_model_get_n_items (G_LIST_MODEL (self->amendments)),
                       items->pdata, items->len);

  /* One line, as high with none as with many: the list opens only when asked (Show), so an
   * amendment recorded moves nothing under the pointer (the child switcher below). */
  {
    g_autofree char *summary = NULL;

    if (items->len == 0)
      summary = g_strdup (_("No amendments after sign-off"));
    else
      /* TRANSLATORS: shown under "Signed off by …"; %u is how many amendments */
      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u amendment after sign-off",
                                              "%u amendments after sign-off", items->len),
                                 items->len);
    gtk_label_set_text (self->amendments_summary, summary);
    gtk_stack_set_visible_child_name (self->amendments_button_stack, items->len > 0 ? "button" : "none");
    /* Another conference opens with its list closed. */
    if (items->len == 0 || self->amendments_of != conference->id)
      gtk_toggle_button_set_active (self->amendments_button, FALSE);
    self->amendments_of = conference->id;
  }
}

static void
amendments_toggled_cb (QuorumConferencePage *self,
                       GtkToggleButton      *button)
{
  gboolean shown = gtk_toggle_button_get_active (button);

  gtk_button_set_label (GTK_BUTTON (button), shown ? _("Hide") : _("Show"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  shown ? _("Hide the amendments") : _("Show the amendments"), -1);
}

static void
update_actions (QuorumConferencePage *self)
{
  gboolean loaded = self->conference != NULL;
  gboolean finalised = loaded && quorum_conference_is_finalised (self->conference);
  guint n_children = loaded ? self->conference->children->len : 0;
  /* Only a chair records, signs off and amends, and on a shared database only the conference's
   * own chair: the others are refused by the server, so the controls are not shown to them
   * (they read, print and export). */
  gboolean may = self->records_here;
  /* Taking the decision is for the child on screen, once: after it, the menu item and Ctrl+D
   * have nothing left to do there (they did nothing while still offered). */
  gint64 child = loaded ? quorum_conference_page_get_child_id (self) : 0;
  gboolean undecided = child != 0 && quorum_conference_find_decision (self->conference, child) == NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "conference.add-attendee", may && loaded && !finalised);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "conference.new-attendee", may && loaded && !finalised);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "conference.edit-attendee", may && loaded && !finalised);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "conference.edit-attendee-again", may && loaded && !finalised);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "conference.correct-attendee", may && loaded && !finalised);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "conference.proceed-inquorate", may && loaded && !finalised);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "conference.decide", may && undecided && !finalised);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "conference.sign-off", may && loaded && !finalised);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "conference.amend", may && finalised);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "conference.export", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "conference.print", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "conference.next-child", n_children > 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "conference.previous-child", n_children > 1);

  /* Read-only after sign-off: every entry widget of the form goes insensitive. */
  quorum_ui_set_sensitive (self->attendee_form, may && loaded && !finalised);
  gtk_widget_set_visible (self->attendee_form, may && !finalised);
  /* Set only when it changes: GTK 4.8 builds the button's popover menu again each time it is
   * given a model, the same one or not (a fifth of the call that opens a conference). */
  if (self->reader_menu != NULL &&
      gtk_menu_button_get_menu_model (self->menu_button) != (may ? self->conference_menu : self->reader_menu))
    gtk_menu_button_set_menu_model (self->menu_button, may ? self->conference_menu : self->reader_menu);
  gtk_widget_set_visible (self->amend_button, may);
}

/* A chair on a shared database looking at another chair's conference: whose it is, and how to
 * have it handed over, where the controls she cannot use would have been. */
static void
update_owner (QuorumConferencePage *self)
{
  const QuorumConference *conference = self->conference;
  gboolean other = self->may_record && conference != NULL && !conference->chaired_by_reader &&
                   conference->chaired_by != NULL;

  gtk_revealer_set_reveal_child (self->owner_revealer, other);
  if (other)
    {
      const char *me = quorum_store_get_actor (self->store);
      g_autofree char *whose = g_strcmp0 (conference->chaired_by_name, conference->chaired_by) != 0
                                 ? g_strdup_printf ("%s (%s)", conference->chaired_by_name, conference->chaired_by)
                                 : g_strdup (conference->chaired_by);
      g_autofree char *text = NULL;

      /* TRANSLATORS: the first %s is “Bea Chair (bchair)”; the command in brackets is typed as it is */
      text = g_strdup_printf (_("This conference is chaired by %s: only its chair records in it, signs it off "
                                "or amends it, so you can read it here but not change it. If it should be "
                                "yours, ask a Quorum administrator to hand it to you "
                                "(quorum-cli conference handover %lld --to %s)."),
                              whose, (long long) conference->id, me != NULL ? me : "");
      gtk_label_set_label (self->owner_label, text);
    }
}

/* A child's place in the stack holds a stand-in until that child is first shown (or asked
 * for): opening a conference builds the one panel on screen, not one per child. */
static QuorumChildPanel *
panel_of (GtkWidget *stand_in)
{
  GtkWidget *child = ADW_IS_BIN (stand_in) ? adw_bin_get_child (ADW_BIN (stand_in)) : NULL;

  return QUORUM_IS_CHILD_PANEL (child) ? QUORUM_CHILD_PANEL (child) : NULL;
}

static QuorumChildPanel *
ensure_panel (QuorumConferencePage *self,
              GtkWidget            *stand_in)
{
  GtkWidget *panel;
  gint64 child_id;

  if (!ADW_IS_BIN (stand_in) || self->conference == NULL)
    return NULL;
  if (panel_of (stand_in) != NULL)
    return panel_of (stand_in);

  child_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (stand_in), "quorum-child-id"));
  panel = quorum_child_panel_new (self->store, self->conference_id, child_id);
  g_signal_connect_object (panel, "changed",
                           G_CALLBACK (quorum_conference_page_reload), self,
                           G_CONNECT_SWAPPED);
  adw_bin_set_child (ADW_BIN (stand_in), panel);
  quorum_child_panel_update (QUORUM_CHILD_PANEL (panel), self->conference, self->profile);
  return QUORUM_CHILD_PANEL (panel);
}

/* Below the attendees (off the screen at first, ~150 widgets for eight attendees): the record
 * panel, built once the conference is drawn, or at once when asked for. Its place in the pane,
 * its names and its contents are those it had when it was built with the page. */
static QuorumRecordPanel *
ensure_record_panel (QuorumConferencePage *self)
{
  if (self->record_panel != NULL)
    return self->record_panel;

  g_clear_handle_id (&self->record_source, g_source_remove);
  self->record_panel = g_object_new (QUORUM_TYPE_RECORD_PANEL, NULL);
  gtk_box_append (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->attendees_list))),
                  GTK_WIDGET (self->record_panel));
  g_signal_connect_object (self->record_panel, "changed", G_CALLBACK (quorum_conference_page_reload),
                           self, G_CONNECT_SWAPPED);
  if (self->store != NULL)
    quorum_record_panel_set_store (self->record_panel, self->store);
  if (self->conference != NULL)
    quorum_record_panel_set_conference (self->record_panel, self->conference, self->profile);
  quorum_ui_fix_accessible_names (GTK_WIDGET (self->record_panel));
  return self->record_panel;
}

static gboolean
build_record_cb (gpointer user_data)
{
  QuorumConferencePage *self = user_data;

  self->record_source = 0;
  ensure_record_panel (self);
  return G_SOURCE_REMOVE;
}

/* Wanted now, not in the idle time after the frames: the pane's end is on the screen (a tall
 * window, or scrolled down) or the focus is in the pane (Tab reaches the panel). Built before
 * the next frame, not while GTK allocates or moves the focus. */
static void
record_panel_wanted (QuorumConferencePage *self)
{
  if (self->record_panel != NULL || self->conference == NULL)
    return;
  g_clear_handle_id (&self->record_source, g_source_remove);
  self->record_source = g_idle_add_full (G_PRIORITY_DEFAULT, build_record_cb, self, NULL);
}

/* Another conference opens: a record panel off the screen (the attendee pane not scrolled to
 * its end) is let go with the last conference's panels and built again for the new one once
 * it is drawn, as at start, rather than refilled (a row of buttons per attendee) before the
 * new conference's first frame. One on the screen, or holding the focus, is refilled. */
static void
let_record_panel_go (QuorumConferencePage *self)
{
  GtkWidget *panel = GTK_WIDGET (self->record_panel);
  GtkWidget *scroller;
  GtkAdjustment *adjustment;
  GtkRoot *root;
  GtkWidget *focus;

  if (panel == NULL)
    return;
  root = gtk_widget_get_root (panel);
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (focus != NULL && gtk_widget_is_ancestor (focus, panel))
    return;
  scroller = gtk_widget_get_ancestor (GTK_WIDGET (self->attendees_list), GTK_TYPE_SCROLLED_WINDOW);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  if (gtk_widget_get_mapped (panel) &&
      gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment) >
      gtk_adjustment_get_upper (adjustment) - gtk_widget_get_height (panel))
    return;

  /* Hidden now (unmapped), taken out of the pane with the last conference's panels: taking its
   * widgets out of the window (unrealizing each, its accessible object with it) is work the
   * new conference's first frame need not wait for. */
  g_ptr_array_add (self->dying, g_object_ref (panel));
  gtk_widget_set_visible (panel, FALSE);
  self->record_panel = NULL;
}

static void
attendee_pane_scrolled_cb (QuorumConferencePage *self,
                           GtkAdjustment        *adjustment)
{
  /* The record panel's place is the end of the pane. */
  if (self->record_panel == NULL &&
      gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment) >=
      gtk_adjustment_get_upper (adjustment) - 1)
    record_panel_wanted (self);
}

/* The other children's panels, once the open conference is on screen: switching child then
 * only lays one out. */
static gboolean
build_panels_cb (gpointer user_data)
{
  QuorumConferencePage *self = user_data;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->child_stack));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child) && panel_of (child) == NULL)
      {
        /* One a turn of the main loop: a key pressed meanwhile is not kept waiting. The id is
         * kept while the source goes on, so that the page gone removes it. */
        if (ensure_panel (self, child) != NULL)
          return G_SOURCE_CONTINUE;
        break;
      }
  self->build_source = 0;
  return G_SOURCE_REMOVE;
}

static gboolean
let_panels_go_cb (gpointer user_data)
{
  QuorumConferencePage *self = user_data;

  self->dying_source = 0;
  /* Taken out of the window now: the stack's pages and the record panel were only hidden. */
  for (guint i = 0; i < self->dying->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (self->dying, i);
      GtkWidget *parent = gtk_widget_get_parent (widget);

      if (GTK_IS_STACK (parent))
        gtk_stack_remove (GTK_STACK (parent), widget);
      else if (GTK_IS_BOX (parent))
        gtk_box_remove (GTK_BOX (parent), widget);
    }
  g_ptr_array_set_size (self->dying, 0);
  return G_SOURCE_REMOVE;
}

/* The work put off while a conference opens (the other children's panels to build, the last
 * conference's to dispose) starts once the opened conference is painted, in the idle time
 * after it: an idle added at once ran while the frame clock waited for its next frame. */
static void
start_put_off_work (QuorumConferencePage *self)
{
  if (self->dying->len > 0 && self->dying_source == 0)
    self->dying_source = g_idle_add_full (G_PRIORITY_LOW, let_panels_go_cb, self, NULL);
  if (self->record_panel == NULL && self->record_source == 0 && self->conference != NULL)
    self->record_source = g_idle_add_full (G_PRIORITY_LOW, build_record_cb, self, NULL);
  if (self->build_source == 0 && self->conference != NULL && self->conference->children->len > 1)
    self->build_source = g_idle_add_full (G_PRIORITY_LOW, build_panels_cb, self, NULL);
}

static void
stop_waiting_for_frame (QuorumConferencePage *self)
{
  /* The clock's handlers are gone with it when the window's surface is destroyed first. */
  /* The clock's handlers are gone with it when the window's surface is destroyed first. */
  if (self->after_paint_id != 0 && g_signal_handler_is_connected (self->frame_clock, self->after_paint_id))
    g_signal_handler_disconnect (self->frame_clock, self->after_paint_id);
  self->after_paint_id = 0;
  g_clear_object (&self->frame_clock);
}

static void
after_paint_cb (QuorumConferencePage *self,
                GdkFrameClock        *clock)
{
  stop_waiting_for_frame (self);
  start_put_off_work (self);
}

static void
after_next_frame (QuorumConferencePage *self)
{
  GdkFrameClock *clock = gtk_widget_get_mapped (GTK_WIDGET (self)) ? gtk_widget_get_frame_clock (GTK_WIDGET (self)) : NULL;

  /* Not on screen (no frame will come): now. */
  if (clock == NULL)
    {
      stop_waiting_for_frame (self);
      start_put_off_work (self);
      return;
    }
  if (self->after_paint_id != 0)
    return;
  self->frame_clock = g_object_ref (clock);
  self->after_paint_id = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (after_paint_cb), self);
}

static void
rebuild_child_panels (QuorumConferencePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkStackTransitionType transition = gtk_stack_get_transition_type (self->child_stack);
  g_autoptr(GPtrArray) old = g_ptr_array_new ();
  GtkWidget *first = NULL;

  /* The focus leaves the panels before they go: removing the panel that held it (the decision,
   * after Ctrl+D) left GTK 4.8 a stale focus widget, and a critical at the next layout. */
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->child_stack)))
    gtk_root_set_focus (root, NULL);

  self->rebuilding = TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->child_stack));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child))
      g_ptr_array_add (old, child);

  /* The new children's places, shown at once (no crossfade from the last conference's, as when
   * those were removed first); the last conference's pages are hidden now (off the screen,
   * unmapped) and taken out of the stack once the new conference is drawn: tearing a panel's
   * few hundred widgets down was a third of opening the next conference, and taking them out
   * of the window (unrealizing each) most of what was left of it. */
  gtk_stack_set_transition_type (self->child_stack, GTK_STACK_TRANSITION_TYPE_NONE);
  for (guint i = 0; i < self->conference->children->len; i++)
    {
      QuorumChild *qchild = g_ptr_array_index (self->conference->children, i);
      GtkWidget *stand_in = adw_bin_new ();
      g_autofree char *name = g_strdup_printf ("child-%" G_GINT64_FORMAT, qchild->id);
      GtkWidget *same = gtk_stack_get_child_by_name (self->child_stack, name);

      /* The same conference's child, still waiting to go (opened again at once): nameless now. */
      if (same != NULL)
        gtk_stack_page_set_name (gtk_stack_get_page (self->child_stack, same), NULL);
      g_object_set_data (G_OBJECT (stand_in), "quorum-child-id", GSIZE_TO_POINTER ((gsize) qchild->id));
      gtk_stack_add_titled (self->child_stack, stand_in, name,
                            quorum_conference_child_name_now (self->conference, qchild, NULL));
      if (first == NULL)
        first = stand_in;
    }
  if (first != NULL)
    gtk_stack_set_visible_child (self->child_stack, first);
  for (guint i = 0; i < old->len; i++)
    {
      GtkWidget *child = g_ptr_array_index (old, i);

      g_ptr_array_add (self->dying, g_object_ref (child));
      /* The page's own visibility: the switcher drops its button (the child's alone does not). */
      gtk_stack_page_set_visible (gtk_stack_get_page (self->child_stack, child), FALSE);
    }
  gtk_stack_set_transition_type (self->child_stack, transition);
  self->rebuilding = FALSE;
  after_next_frame (self);

  gtk_widget_set_visible (GTK_WIDGET (self->child_switcher), self->conference->children->len > 1);
}

/* Whether the attendee pane's end (the record panel's place) may be on the first screen: the
 * least the pane's content can measure (the form, 40 px an attendee's row, 30 px a group's
 * heading, below the header bar and the conference's header) against the window's height. A
 * short list or a tall window builds the panel with the page, as before; a long list builds it
 * after the first frame. */
static gboolean
record_place_may_show (QuorumConferencePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GHashTable) groups = g_hash_table_new (g_str_hash, g_str_equal);
  int width = 0;
  int height = 0;

  if (GTK_IS_WINDOW (root))
    {
      height = gtk_widget_get_height (GTK_WIDGET (root));
      /* GTK 4.8 needs both pointers. */
      if (height <= 0)
        gtk_window_get_default_size (GTK_WINDOW (root), &width, &height);
    }
  /* Not known (maximized before it is shown): as before. */
  if (height <= 0)
    return TRUE;

  for (guint i = 0; i < self->conference->attendees->len; i++)
    {
      const QuorumAttendee *a = g_ptr_array_index (self->conference->attendees, i);

      g_hash_table_add (groups, a->line_management != NULL ? a->line_management : "");
    }
  return 100 + 330 + 40 * (int) self->conference->attendees->len + 30 * (int) g_hash_table_size (groups) <= height;
}

static void
update_all (QuorumConferencePage *self)
{
  gboolean records_here = self->may_record && self->conference != NULL && self->conference->chaired_by_reader;
  /* Handed to this reader, or away from her, while it is open: its boards were built for
   * reading (or recording) and are built again, as for another conference. */
  gboolean handed = records_here != self->records_here && self->records_here_of == self->conference_id;

  /* The rows' edit buttons are for who records here. */
  if (records_here != self->records_here)
    self->attendee_rows_stale = TRUE;
  self->records_here = records_here;
  self->records_here_of = self->conference_id;
  if (handed)
    rebuild_child_panels (self);
  update_owner (self);
  update_header (self);
  update_attendees (self);
  if (self->record_panel != NULL)
    quorum_record_panel_set_conference (self->record_panel, self->conference, self->profile);
  else if (record_place_may_show (self))
    ensure_record_panel (self);
  else
    after_next_frame (self);
  update_quoracy (self);
  update_signed (self);
  update_actions (self);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->child_stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      QuorumChildPanel *panel = panel_of (child);

      /* The last conference's, waiting to go. */
      if (!gtk_widget_get_visible (child))
        continue;
      /* The child on screen is built now; the others when they are shown. */
      if (panel == NULL && child == gtk_stack_get_visible_child (self->child_stack))
        ensure_panel (self, child);
      else if (panel != NULL)
        quorum_child_panel_update (panel, self->conference, self->profile);
    }
}

/* ---- dialogs ---- */

static GtkWidget *
dialog_entry (const char *name,
              const char *placeholder)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_widget_set_name (entry, name);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  quorum_ui_set_accessible_label (entry, placeholder);

  return entry;
}

static void
enable_when_filled_cb (GtkEditable      *editable,
                       AdwMessageDialog *dialog)
{
  const char *response = g_object_get_data (G_OBJECT (editable), "quorum-response");
  GtkWidget *other = g_object_get_data (G_OBJECT (editable), "quorum-other");
  g_autofree char *text = quorum_ui_editable_get_text (editable);
  g_autofree char *other_text = other != NULL ? quorum_ui_editable_get_text (GTK_EDITABLE (other)) : g_strdup ("x");

  adw_message_dialog_set_response_enabled (dialog, response, text != NULL && other_text != NULL);
}

static void
proceed_response_cb (AdwMessageDialog     *dialog,
                     const char           *response,
                     QuorumConferencePage *self)
{
  GtkWidget *entry = g_object_get_data (G_OBJECT (dialog), "quorum-entry");
  GtkWidget *refusal = g_object_get_data (G_OBJECT (dialog), "quorum-refusal");
  g_autofree char *reason = quorum_ui_editable_get_text (GTK_EDITABLE (entry));
  g_autoptr(GError) error = NULL;
  gint64 then_decide = self->pending_decide_child;

  if (g_strcmp0 (response, "proceed") == 0 &&
      !quorum_store_proceed_inquorate (self->store, self->conference_id, reason, &error))
    {
      g_autofree char *message = quorum_ui_describe_error (GTK_WIDGET (self), error);

      /* Refused (the sitting day not come, the record signed off elsewhere): the dialog comes
       * back with the reason as typed and the refusal in it, nothing written. */
      gtk_label_set_text (GTK_LABEL (refusal), message);
      gtk_widget_set_visible (refusal, TRUE);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (entry),
                                      GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, refusal, NULL, -1);
      gtk_window_present (GTK_WINDOW (dialog));
      /* Unselected: a word typed next adds to the reason rather than replacing it. */
      gtk_entry_grab_focus_without_selecting (GTK_ENTRY (entry));
      return;
    }

  self->pending_decide_child = 0;
  /* Hidden on close so that a refusal can bring it back: any other answer ends it. */
  gtk_window_destroy (GTK_WINDOW (dialog));

  if (g_strcmp0 (response, "proceed") != 0)
    return;

  quorum_conference_page_reload (self);
  quorum_ui_toast (GTK_WIDGET (self), _("The reason to proceed is recorded"));

  if (then_decide != 0)
    {
      QuorumChildPanel *panel = quorum_conference_page_get_child_panel (self, then_decide);

      if (panel != NULL)
        gtk_widget_activate_action (GTK_WIDGET (panel), "child.decide", NULL);
    }
}

void
quorum_conference_page_ask_proceed (QuorumConferencePage *self,
                                    gint64                then_decide_child_id)
{
  g_autoptr(QuorumQuoracy) quoracy = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *box;
  GtkWidget *entry;
  GtkWidget *refusal;

  g_return_if_fail (QUORUM_IS_CONFERENCE_PAGE (self));

  if (self->conference == NULL || self->profile == NULL)
    return;

  quoracy = quorum_quoracy_check (self->conference, self->profile);
  body = g_strdup_printf (_("%s. The decision can be taken only with the reason the conference goes ahead recorded."),
                          quoracy->missing != NULL ? quoracy->missing : _("The conference is not quorate"));

  self->pending_decide_child = then_decide_child_id;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (get_window (self),
                                                       _("Proceed Though Not Quorate?"),
                                                       body));
  /* A response closes the dialog before it is handled: hidden, not destroyed, it can come back
   * with what was typed when the store refuses. */
  gtk_window_set_hide_on_close (GTK_WINDOW (dialog), TRUE);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  entry = dialog_entry ("reason-entry", _("Why the conference proceeds"));
  g_object_set_data (G_OBJECT (entry), "quorum-response", (gpointer) "proceed");
  g_signal_connect (entry, "changed", G_CALLBACK (enable_when_filled_cb), dialog);
  gtk_box_append (GTK_BOX (box), entry);
  refusal = gtk_label_new (NULL);
  gtk_widget_set_name (refusal, "refusal-label");
  gtk_label_set_wrap (GTK_LABEL (refusal), TRUE);
  gtk_label_set_xalign (GTK_LABEL (refusal), 0);
  gtk_label_set_selectable (GTK_LABEL (refusal), TRUE);
  gtk_widget_add_css_class (refusal, "error");
  gtk_widget_set_visible (refusal, FALSE);
  gtk_box_append (GTK_BOX (box), refusal);
  adw_message_dialog_set_extra_child (dialog, box);
  g_object_set_data (G_OBJECT (dialog), "quorum-entry", entry);
  g_object_set_data (G_OBJECT (dialog), "quorum-refusal", refusal);

  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "proceed", _("_Record and Proceed"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "proceed", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "proceed", FALSE);
  adw_message_dialog_set_default_response (dialog, "proceed");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (proceed_response_cb), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  quorum_ui_focus_at_end (entry);
}

static void
sign_off_response_cb (AdwMessageDialog     *dialog,
                      const char           *response,
                      QuorumConferencePage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  /* Not signed off: said, so that a chair who pressed Escape (or Cancel) is not left thinking
   * the record is final. */
  if (g_strcmp0 (response, "sign-off") != 0)
    {
      quorum_ui_toast (GTK_WIDGET (self), _("Not signed off: the conference can still be changed"));
      return;
    }

  /* Asked because the record would name this computer's login: the record names them, and the
   * Preferences keep the name once it is signed off (refused, nothing is kept). */
  name = quorum_ui_dialog_dup_name (dialog);
  if (g_object_get_data (G_OBJECT (dialog), "quorum-name-entry") != NULL && name == NULL)
    return;
  if (name != NULL)
    quorum_store_set_signer (self->store, name);

  if (!quorum_store_finalise (self->store, self->conference_id, &error))
    {
      if (name != NULL)
        quorum_store_set_signer (self->store, NULL);
      quorum_ui_show_error (GTK_WIDGET (self), error);
      return;
    }
  if (name != NULL)
    quorum_ui_keep_name (self->store, name);

  quorum_conference_page_reload (self);
  {
    /* The seal anchors the record outside the file: written on the paper record it proves,
     * with `quorum-cli verify --seal`, that the database still holds it as signed off. */
    g_autofree char *seal = quorum_store_get_seal (self->store, NULL);
    g_autofree char *message = seal != NULL
      ? g_strdup_printf (_("Signed off: the record is now read-only. Its seal is %s"), seal)
      : g_strdup (_("Signed off: the record is now read-only"));

    quorum_ui_toast (GTK_WIDGET (self), message);
  }
}

static void
sign_off_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  QuorumConferencePage *self = QUORUM_CONFERENCE_PAGE (widget);
  g_autoptr(GPtrArray) undecided = g_ptr_array_new ();
  AdwMessageDialog *dialog;

  quorum_conference_page_commit_pending (QUORUM_CONFERENCE_PAGE (widget));

  for (guint i = 0; i < self->conference->children->len; i++)
    {
      QuorumChild *child = g_ptr_array_index (self->conference->children, i);

      if (quorum_conference_find_decision (self->conference, child->id) == NULL)
        g_ptr_array_add (undecided, child->name);
    }

  /* Say what is missing now rather than after a confirmation the store would refuse. */
  if (undecided->len > 0)
    {
      g_autofree char *names = NULL;
      g_autofree char *message = NULL;

      g_ptr_array_add (undecided, NULL);
      names = g_strjoinv (_(", "), (char **) undecided->pdata);
      message = g_strdup_printf (_("Take the decision for every child before signing off: %s has none yet"), names);
      quorum_ui_toast (widget, message);
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (get_window (self),
                                                       _("Sign Off This Conference?"),
                                                       _("After sign-off nothing in this conference can be changed: a correction is recorded as an amendment, with the reason, beside the original.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "sign-off", _("_Sign Off"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "sign-off", ADW_RESPONSE_SUGGESTED);
  /* The dialog is the confirmation: the chair chose Sign Off to open it, and Enter answers its
   * question as the suggested button does (GNOME's HIG: the affirmative response is the
   * default). Cancel made the default left Enter cancelling without a word (trial 4). Escape
   * cancels, and says so. With a name to give, Enter signs off only once it is given. */
  adw_message_dialog_set_default_response (dialog, "sign-off");
  adw_message_dialog_set_close_response (dialog, "cancel");
  /* The record names who signed it off: with no name set it would be this computer's login. */
  if (quorum_ui_needs_name (self->store))
    {
      /* Whoever signs off names themselves: the chair's name is only suggested (the minute-taker
       * may be signing), never filled in for one Enter to sign in it. */
      GtkWidget *entry = quorum_ui_name_entry_new (dialog, "sign-off", NULL);
      const char *chair = self->conference->chair;

      gtk_widget_set_name (entry, "sign-off-name-entry");
      if (chair != NULL && *chair != '\0')
        {
          /* TRANSLATORS: the sign-off name field's placeholder; %s is the conference's chair */
          g_autofree char *placeholder = g_strdup_printf (_("Your name (the chair is %s)"), chair);

          gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
        }
      adw_message_dialog_format_body (dialog, "%s",
                                      _("After sign-off nothing in this conference can be changed: a correction is recorded as an amendment, with the reason, beside the original. The record names who signed it off: give your name, kept for every record from now on."));
      quorum_ui_set_accessible_label (entry, _("Signed off by (your name)"));
      adw_message_dialog_set_extra_child (dialog, entry);
    }
  g_signal_connect_object (dialog, "response", G_CALLBACK (sign_off_response_cb), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
}

static const AmendTarget *
chosen_amend_target (AdwMessageDialog *dialog)
{
  GPtrArray *targets = g_object_get_data (G_OBJECT (dialog), "quorum-targets");
  GtkDropDown *dropdown = g_object_get_data (G_OBJECT (dialog), "quorum-target");
  guint selected = gtk_drop_down_get_selected (dropdown);

  /* The first item is "nothing": the amendment is in words only. */
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected > targets->len)
    return NULL;

  return g_ptr_array_index (targets, selected - 1);
}

static gboolean
is_categories_target (const AmendTarget *target)
{
  return target != NULL && g_strcmp0 (target->field, "categories") == 0;
}

/* The corrected value: the categories ticked ("neglect,emotional", NULL for none) for a
 * decision's categories, else the words in the value's field. */
static char *
amend_value (AdwMessageDialog  *dialog,
             const AmendTarget *target)
{
  QuorumTextField *value_field = g_object_get_data (G_OBJECT (dialog), "quorum-value");
  GtkWidget **checks = g_object_get_data (G_OBJECT (dialog), "quorum-category-checks");
  guint categories = 0;

  if (!is_categories_target (target))
    return quorum_text_field_get_text (value_field);
  for (guint i = 0; i < 4; i++)
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (checks[i])))
      categories |= 1u << i;
  return categories != 0 ? quorum_categories_to_string (categories) : NULL;
}

/* Why is required; and either what changed, in words, or a corrected value. A corrected value
 * is refused as the store refuses it (quorum_store_amend, as `quorum-cli amend`): blank, or the
 * value as it stands; the line under it says which. The store has the last word (the field's
 * limits, a time's form), told in a toast. */
static void
update_amend_response (AdwMessageDialog *dialog)
{
  GtkWidget *change_entry = g_object_get_data (G_OBJECT (dialog), "quorum-change");
  GtkWidget *reason_entry = g_object_get_data (G_OBJECT (dialog), "quorum-reason");
  GtkLabel *problem_label = g_object_get_data (G_OBJECT (dialog), "quorum-value-problem");
  g_autofree char *change = quorum_ui_editable_get_text (GTK_EDITABLE (change_entry));
  g_autofree char *reason = quorum_ui_editable_get_text (GTK_EDITABLE (reason_entry));
  GtkWidget *by_entry = g_object_get_data (G_OBJECT (dialog), "quorum-by");
  g_autofree char *by = by_entry != NULL ? quorum_ui_editable_get_text (GTK_EDITABLE (by_entry)) : NULL;
  gboolean by_given = by_entry == NULL || by != NULL;
  const AmendTarget *target = chosen_amend_target (dialog);
  g_autofree char *value = amend_value (dialog, target);
  const char *problem = NULL;

  if (is_categories_target (target) && value == NULL)
    problem = _("A plan is under at least one category of abuse: tick the categories as they should stand");
  else if (target != NULL && value == NULL)
    problem = _("A corrected value cannot be blank");
  else if (target != NULL && g_strcmp0 (value, target->value) == 0)
    problem = _("This is the value as it stands: change it to correct it");

  /* "Not yet recorded" only over words the person typed: a value chosen in the list shows its
   * words as they stand, which are no draft until they are changed. */
  /* And only over a form given back (the draft restored when the dialog opened): words typed
   * for the first time are no "form as it was left". Given back and then emptied, it is gone. */
  {
    gboolean words = change != NULL || reason != NULL ||
                     (target != NULL && value != NULL && g_strcmp0 (value, target->value) != 0);

    if (!words)
      g_object_set_data (G_OBJECT (dialog), "quorum-given-back", NULL);
    quorum_ui_set_marker_shown (g_object_get_data (G_OBJECT (dialog), "quorum-draft-marker"),
                            words && g_object_get_data (G_OBJECT (dialog), "quorum-given-back") != NULL);
  }

  /* Emptied, not hidden: the line keeps its height, and Why and Record stay where they were as
   * the typing makes the value blank or not. */
  gtk_label_set_text (problem_label, problem != NULL ? problem : "");
  adw_message_dialog_set_response_enabled (dialog, "amend",
                                           reason != NULL && by_given &&
                                           (target != NULL ? problem == NULL : change != NULL));

  /* Under Why, where Enter is pressed: what Record Amendment waits for, once a reason is given
   * (or Enter pressed without one). A value left as it stands greyed Record with nothing said
   * there (trial 6, A7). One line, emptied when nothing is missing. */
  {
    GtkLabel *waiting_label = g_object_get_data (G_OBJECT (dialog), "quorum-waiting");
    gboolean asked = reason != NULL || g_object_get_data (G_OBJECT (dialog), "quorum-enter-pressed") != NULL;
    const char *waiting = NULL;

    if (target != NULL && problem != NULL && g_strcmp0 (value, target->value) == 0)
      waiting = _("Not recorded yet: the value above is unchanged (or choose “No recorded value”)");
    else if (target != NULL && problem != NULL && is_categories_target (target))
      waiting = _("Not recorded yet: no category of abuse is ticked above");
    else if (target != NULL && problem != NULL)
      waiting = _("Not recorded yet: the corrected value above is blank");
    else if (target == NULL && change == NULL)
      waiting = _("Not recorded yet: say in What changes what was recorded wrongly");
    else if (reason == NULL)
      waiting = _("Not recorded yet: say why the record is amended");
    else if (!by_given)
      waiting = _("Not recorded yet: give your name under Amended by");
    gtk_label_set_text (waiting_label, asked && waiting != NULL ? waiting : "");
  }
}

static gboolean
grab_focus_idle (gpointer data)
{
  gtk_widget_grab_focus (GTK_WIDGET (data));
  return G_SOURCE_REMOVE;
}

/* Enter in a field of the Amend dialog records when Record Amendment is offered (the entries
 * activate the default response); when it is not, the focus goes to what it waits for, and the
 * line under Why says it, rather than nothing happening. */
static void
amend_entry_activate_cb (GtkEntry         *entry,
                         AdwMessageDialog *dialog)
{
  GtkWidget *change_entry = g_object_get_data (G_OBJECT (dialog), "quorum-change");
  GtkWidget *reason_entry = g_object_get_data (G_OBJECT (dialog), "quorum-reason");
  GtkWidget *by_entry = g_object_get_data (G_OBJECT (dialog), "quorum-by");
  const AmendTarget *target = chosen_amend_target (dialog);
  g_autofree char *change = quorum_ui_editable_get_text (GTK_EDITABLE (change_entry));
  g_autofree char *reason = quorum_ui_editable_get_text (GTK_EDITABLE (reason_entry));
  g_autofree char *value = amend_value (dialog, target);
  g_autofree char *by = by_entry != NULL ? quorum_ui_editable_get_text (GTK_EDITABLE (by_entry)) : NULL;
  GtkWidget *next = NULL;

  if (adw_message_dialog_get_response_enabled (dialog, "amend"))
    return;
  g_object_set_data (G_OBJECT (dialog), "quorum-enter-pressed", GINT_TO_POINTER (TRUE));
  if (target != NULL && (value == NULL || g_strcmp0 (value, target->value) == 0))
    next = is_categories_target (target)
             ? ((GtkWidget **) g_object_get_data (G_OBJECT (dialog), "quorum-category-checks"))[0]
             : g_object_get_data (G_OBJECT (dialog), "quorum-value");
  else if (target == NULL && change == NULL)
    next = change_entry;
  else if (reason == NULL)
    next = reason_entry;
  else if (by_entry != NULL && by == NULL)
    next = by_entry;
  update_amend_response (dialog);
  gtk_widget_error_bell (GTK_WIDGET (entry));
  /* After the key is done with: moved while Enter was being handled, the focus took the key
   * too, and a category's check was unticked by it. */
  if (next != NULL && next != GTK_WIDGET (entry))
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, grab_focus_idle, g_object_ref (next), g_object_unref);
}

static void
amend_changed_cb (GObject          *object,
                  GParamSpec       *pspec,
                  AdwMessageDialog *dialog)
{
  update_amend_response (dialog);
}

static void
amend_entry_changed_cb (GtkEditable      *editable,
                        AdwMessageDialog *dialog)
{
  update_amend_response (dialog);
}

static void
amend_target_changed_cb (GtkDropDown      *dropdown,
                         GParamSpec       *pspec,
                         AdwMessageDialog *dialog)
{
  QuorumTextField *value_field = g_object_get_data (G_OBJECT (dialog), "quorum-value");
  GtkWidget *value_box = g_object_get_data (G_OBJECT (dialog), "quorum-value-box");
  GtkLabel *value_label = g_object_get_data (G_OBJECT (dialog), "quorum-value-label");
  const AmendTarget *target = chosen_amend_target (dialog);
  const char *label = target != NULL && target->hint != NULL ? target->hint : _("Corrected text");

  QuorumDraft *draft = g_object_get_data (G_OBJECT (dialog), "quorum-draft");

  /* How this value is written (a time, names a line each) is said over it. */
  gtk_label_set_text (value_label, label);
  g_object_set (value_field, "label", label, NULL);

  /* Start from the value as recorded: a correction is usually a few words of it. */
  gtk_widget_set_visible (value_box, target != NULL);
  /* Whom words alone are about; a value chosen says it. */
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (dialog), "quorum-about-box"), target == NULL);
  /* Categories are ticked, not typed: the checks show them as they stand. */
  {
    GtkWidget *checks_box = g_object_get_data (G_OBJECT (dialog), "quorum-categories-box");
    GtkWidget **checks = g_object_get_data (G_OBJECT (dialog), "quorum-category-checks");
    guint categories = 0;

    gtk_widget_set_visible (GTK_WIDGET (value_field), !is_categories_target (target));
    gtk_widget_set_visible (checks_box, is_categories_target (target));
    if (is_categories_target (target))
      {
        gtk_label_set_text (value_label, _("Categories of abuse, as they should stand"));
        quorum_categories_from_string (target->value, &categories);
      }
    for (guint i = 0; i < 4; i++)
      gtk_check_button_set_active (GTK_CHECK_BUTTON (checks[i]), (categories & (1u << i)) != 0);
  }
  quorum_text_field_type (value_field, target != NULL && !is_categories_target (target) ? target->value : NULL);
  /* Only words that differ from it are a draft. */
  if (draft != NULL)
    quorum_draft_set_baseline (draft, "value", target != NULL ? target->value : NULL);
  update_amend_response (dialog);
}

static void
amend_response_cb (AdwMessageDialog     *dialog,
                   const char           *response,
                   QuorumConferencePage *self)
{
  GtkWidget *change_entry = g_object_get_data (G_OBJECT (dialog), "quorum-change");
  GtkWidget *reason_entry = g_object_get_data (G_OBJECT (dialog), "quorum-reason");
  g_autofree char *change = quorum_ui_editable_get_text (GTK_EDITABLE (change_entry));
  g_autofree char *reason = quorum_ui_editable_get_text (GTK_EDITABLE (reason_entry));
  const AmendTarget *target = chosen_amend_target (dialog);
  g_autofree char *value = amend_value (dialog, target);
  GtkWidget *by_entry = g_object_get_data (G_OBJECT (dialog), "quorum-by");
  g_autofree char *spec_by = NULL;
  g_autoptr(GError) error = NULL;
  QuorumAmendmentSpec spec = { 0 };

  if (g_strcmp0 (response, "amend") != 0)
    return;

  spec.reason = reason;
  spec.change = change;
  if (by_entry != NULL)
    {
      g_autofree char *by = quorum_ui_editable_get_text (GTK_EDITABLE (by_entry));

      /* With no name kept, the name given is kept, as every form that asks it keeps it. A
       * name kept and another given: that person amends, and the name kept stays the chair's. */
      if (by != NULL && quorum_ui_needs_name (self->store))
        quorum_ui_keep_name (self->store, by);
      else if (by != NULL)
        spec_by = g_steal_pointer (&by);
      spec.by = spec_by;
    }
  if (target != NULL)
    {
      spec.record = target->record;
      spec.field = target->field;
      spec.new_value = value;
    }
  else
    {
      /* In words only: about the child chosen under About, or (the last item) the whole
       * conference. */
      guint about = gtk_drop_down_get_selected (g_object_get_data (G_OBJECT (dialog), "quorum-about"));

      if (self->conference->children != NULL && about < self->conference->children->len)
        spec.child_id = ((QuorumChild *) g_ptr_array_index (self->conference->children, about))->id;
    }

  if (quorum_store_amend (self->store, self->conference_id, &spec, &error) <= 0)
    {
      quorum_ui_show_error (GTK_WIDGET (self), error);
      return;
    }

  /* Recorded: the words typed are the record now. */
  quorum_draft_discard (g_object_get_data (G_OBJECT (dialog), "quorum-draft"));
  g_object_set_data (G_OBJECT (dialog), "quorum-draft", NULL);

  quorum_conference_page_reload (self);
  quorum_ui_toast (GTK_WIDGET (self), _("Amendment recorded beside the original"));
}

/* GtkDropDown's search (GTK 4.8) matches the start of an entry only, and offers no setting for
 * it (gtk_drop_down_set_search_match_mode () is 4.12's): its popup's list filters through a
 * GtkStringFilter, here set to match the words typed anywhere in an entry ("Housing" finds
 * "Reason of the view of Housing, …"), case aside as before. The filter is made once, with the
 * model and expression, which are not set again. Accents aside too: GtkStringFilter has no mode
 * for it, so the filter reads each entry without its accents, and the words typed are given to
 * it without theirs after the drop-down has given them as typed ("Zoe" finds "Zoë", "Zoë"
 * finds "Zoe"). */
static GtkStringFilter *
find_string_filter (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget))
    {
      GtkSelectionModel *selection = gtk_list_view_get_model (GTK_LIST_VIEW (widget));
      GListModel *model = GTK_IS_SINGLE_SELECTION (selection)
                            ? gtk_single_selection_get_model (GTK_SINGLE_SELECTION (selection)) : NULL;
      GtkFilter *filter = GTK_IS_FILTER_LIST_MODEL (model)
                            ? gtk_filter_list_model_get_filter (GTK_FILTER_LIST_MODEL (model)) : NULL;

      return GTK_IS_STRING_FILTER (filter) ? GTK_STRING_FILTER (filter) : NULL;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkStringFilter *filter = find_string_filter (child);

      if (filter != NULL)
        return filter;
    }

  return NULL;
}

/* The words typed, each folded (core's quorum_search_fold ()): an entry is found when it holds
 * every one of them, anywhere and in any order ("police ruby" finds "Reason of the dissent of
 * Police, for Ruby Carter"). GtkStringFilter compares one string: the expression gives MATCHED
 * for an entry holding every word and the filter looks for MATCHED (nothing typed: every entry). */
#define SEARCH_WORDS_KEY "quorum-search-words"
#define SEARCH_MATCHED "\x01"

static char *
string_has_search_words (GtkStringObject *item,
                         GtkStringFilter *filter)
{
  const char * const *words = g_object_get_data (G_OBJECT (filter), SEARCH_WORDS_KEY);
  g_autofree char *folded = quorum_search_fold (gtk_string_object_get_string (item));

  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    if (folded == NULL || strstr (folded, words[i]) == NULL)
      return g_strdup ("");
  return g_strdup (SEARCH_MATCHED);
}

static void
search_without_accents (GtkSearchEntry  *entry,
                        GtkStringFilter *filter)
{
  g_autofree char *search = quorum_search_fold (gtk_editable_get_text (GTK_EDITABLE (entry)));
  g_auto(GStrv) split = g_strsplit_set (search != NULL ? search : "", " \t\n", -1);
  g_autoptr(GStrvBuilder) words = g_strv_builder_new ();

  for (guint i = 0; split[i] != NULL; i++)
    if (*split[i] != '\0')
      g_strv_builder_add (words, split[i]);
  g_object_set_data_full (G_OBJECT (filter), SEARCH_WORDS_KEY, g_strv_builder_end (words),
                          (GDestroyNotify) g_strfreev);
  /* The drop-down gave the filter the words as typed; the filter looks for MATCHED instead, and
   * is told the words changed when its own search stays the same. */
  if (g_strcmp0 (gtk_string_filter_get_search (filter), SEARCH_MATCHED) == 0)
    gtk_filter_changed (GTK_FILTER (filter), GTK_FILTER_CHANGE_DIFFERENT);
  else
    gtk_string_filter_set_search (filter, SEARCH_MATCHED);
}

/* GtkSearchEntry's key capture forwards every key but Space (and the keys that move), which it
 * leaves to the widget with the focus, here the list, where Space chose nothing and typed nothing:
 * "Police, for" arrived as "Police,for". A Space typed while the words are being typed in the
 * search (it has some) goes to the search too; an empty search leaves Space to the list. Ctrl+A
 * there selected nothing either: it now takes the focus into the search and selects its words,
 * so that what is typed next replaces them, as in any field. */
static gboolean
search_popup_key (GtkEventControllerKey *controller,
                  guint                  keyval,
                  guint                  keycode,
                  GdkModifierType        state,
                  GtkEditable           *entry)
{
  GdkModifierType mods = state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK | GDK_SHIFT_MASK);
  gboolean space = (keyval == GDK_KEY_space || keyval == GDK_KEY_KP_Space) &&
                   (mods & ~GDK_SHIFT_MASK) == 0;
  gboolean select_all = (keyval == GDK_KEY_a || keyval == GDK_KEY_A) && mods == GDK_CONTROL_MASK;
  GtkWidget *focus;
  int position;

  if ((!space && !select_all) || *gtk_editable_get_text (entry) == '\0')
    return GDK_EVENT_PROPAGATE;
  /* Typed in the search itself: it takes the key as any field does. */
  focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (entry)));
  if (focus != NULL && (focus == GTK_WIDGET (entry) || gtk_widget_is_ancestor (focus, GTK_WIDGET (entry))))
    return GDK_EVENT_PROPAGATE;
  if (select_all)
    {
      gtk_widget_grab_focus (GTK_WIDGET (entry));
      gtk_editable_select_region (entry, 0, -1);
      return GDK_EVENT_STOP;
    }
  /* At the end of the words typed, where the next key forwarded goes too. */
  position = g_utf8_strlen (gtk_editable_get_text (entry), -1);
  gtk_editable_insert_text (entry, " ", 1, &position);
  gtk_editable_set_position (entry, position);
  return GDK_EVENT_STOP;
}

/* The popup opens with the focus in its list, where typed words went nowhere until the search
 * field was clicked: they now go to the search field, as in a GtkListBox's search bar. */
static void
search_popup_mapped (GtkWidget      *popover,
                     GtkSearchEntry *entry)
{
  gtk_search_entry_set_key_capture_widget (entry, popover);
}

static GtkWidget *
find_child_of_type (GtkWidget *widget,
                    GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_child_of_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
enable_substring_search (GtkDropDown *dropdown)
{
  GtkStringFilter *filter = find_string_filter (GTK_WIDGET (dropdown));
  GtkWidget *popover = find_child_of_type (GTK_WIDGET (dropdown), GTK_TYPE_POPOVER);
  GtkWidget *entry = popover != NULL ? find_child_of_type (popover, GTK_TYPE_SEARCH_ENTRY) : NULL;

  if (filter == NULL || entry == NULL)
    {
      g_warning ("The value list's search filter was not found: it matches an entry's start only");
      return;
    }
  gtk_string_filter_set_match_mode (filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  gtk_string_filter_set_ignore_case (filter, TRUE);
  gtk_string_filter_set_expression (filter,
                                    gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                                 G_CALLBACK (string_has_search_words),
                                                                 filter, NULL));
  g_signal_connect_object (entry, "search-changed", G_CALLBACK (search_without_accents), filter,
                           G_CONNECT_AFTER);
  g_signal_connect_object (popover, "map", G_CALLBACK (search_popup_mapped), entry, 0);
  /* Before the search's own key capture, which leaves Space to the list (search_popup_key). */
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect_object (keys, "key-pressed", G_CALLBACK (search_popup_key), entry, 0);
    gtk_widget_add_controller (popover, keys);
  }
}

static void
amend_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  QuorumConferencePage *self = QUORUM_CONFERENCE_PAGE (widget);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GPtrArray *targets;
  AdwMessageDialog *dialog;
  GtkWidget *box;
  GtkWidget *change;
  GtkWidget *reason;
  GtkWidget *dropdown;
  GtkWidget *heading;
  GtkWidget *value_box;
  GtkWidget *value_label;
  GtkWidget *value;
  GtkWidget *value_problem;
  GtkWidget *not_listed;
  GtkWidget *draft_label;
  GtkWidget *change_heading;
  GtkWidget *reason_heading;
  GtkWidget *about;
  GtkWidget *by = NULL;

  quorum_conference_page_commit_pending (QUORUM_CONFERENCE_PAGE (widget));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (get_window (self),
                                                       _("Amend the Signed-Off Record"),
                                                       _("The original stays as it was recorded. Say what changes and why; your name and the time are recorded with it.")));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  change = dialog_entry ("change-entry", _("What changes"));
  reason = dialog_entry ("reason-entry", _("Why (required)"));
  /* Each field named above it, as Correct a recorded value is: a placeholder alone goes with the
   * first word typed, and a dialog opened again with its words given back named neither. */
  change_heading = gtk_label_new_with_mnemonic (_("_What changes"));
  gtk_widget_set_name (change_heading, "change-label");
  gtk_label_set_xalign (GTK_LABEL (change_heading), 0);
  gtk_widget_add_css_class (change_heading, "heading");
  gtk_label_set_mnemonic_widget (GTK_LABEL (change_heading), change);
  gtk_entry_set_placeholder_text (GTK_ENTRY (change), NULL);
  /* Named by its label now (the mnemonic label labels it): a label of its own as well was read
   * twice, "What changes What changes". */
  gtk_accessible_reset_property (GTK_ACCESSIBLE (change), GTK_ACCESSIBLE_PROPERTY_LABEL);
  gtk_box_append (GTK_BOX (box), change_heading);
  gtk_box_append (GTK_BOX (box), change);

  /* Optionally, the recorded value it corrects: kept beside the original as old → new. */
  targets = collect_amend_targets (self->conference);
  gtk_string_list_append (labels, _("No recorded value: the change in words only"));
  for (guint i = 0; i < targets->len; i++)
    gtk_string_list_append (labels, ((AmendTarget *) g_ptr_array_index (targets, i))->label);

  heading = gtk_label_new_with_mnemonic (_("Correct a _recorded value (optional)"));
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_set_margin_top (heading, 6);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (box), heading);

  /* With an expression the search (on from eleven values) filters the list by its words. */
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)),
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_widget_set_name (dropdown, "target-dropdown");
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (dropdown), targets->len > 10);
  enable_substring_search (GTK_DROP_DOWN (dropdown));
  gtk_label_set_mnemonic_widget (GTK_LABEL (heading), dropdown);
  quorum_ui_set_accessible_label (dropdown, _("The recorded value this amendment corrects"));
  gtk_box_append (GTK_BOX (box), dropdown);

  /* What a person may look for in the list and not find: the store takes no corrected value for
   * them (they are the decision), an amendment in words only. */
  not_listed = gtk_label_new (_("Groups’ views, their categories and attendance are the decision as taken and "
                                "are not listed here: say in What changes what was recorded wrongly. A "
                                "decision’s categories of abuse are listed."));
  gtk_widget_set_name (not_listed, "amend-not-listed");
  gtk_label_set_xalign (GTK_LABEL (not_listed), 0);
  gtk_label_set_wrap (GTK_LABEL (not_listed), TRUE);
  gtk_widget_add_css_class (not_listed, "caption");
  gtk_widget_add_css_class (not_listed, "dim-label");
  gtk_box_append (GTK_BOX (box), not_listed);

  /* An amendment in words only says which child it is about (trial 6, A14: one about a child
   * was put on every sibling's rows of the CSV): the child shown when Amend was chosen, or the
   * whole conference. Shown while no recorded value is chosen (a value says whose it is). */
  {
    g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
    GtkWidget *about_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
    GtkWidget *about_heading = gtk_label_new_with_mnemonic (_("Ab_out"));
    GtkWidget *about_note = gtk_label_new (_("An amendment in words is shown with this child’s record, or with "
                                             "every child’s when it is about the whole conference."));
    gint64 shown = quorum_conference_page_get_child_id (self);
    guint n_children = self->conference->children != NULL ? self->conference->children->len : 0;
    guint selected = n_children;

    for (guint i = 0; i < n_children; i++)
      {
        const QuorumChild *child = g_ptr_array_index (self->conference->children, i);

        gtk_string_list_append (names, quorum_conference_child_name_now (self->conference, child, NULL));
        if (child->id == shown)
          selected = i;
      }
    gtk_string_list_append (names, _("The whole conference"));

    about = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL);
    gtk_widget_set_name (about, "about-dropdown");
    gtk_drop_down_set_selected (GTK_DROP_DOWN (about), selected);
    gtk_widget_set_name (about_heading, "about-label");
    gtk_label_set_xalign (GTK_LABEL (about_heading), 0);
    gtk_widget_set_margin_top (about_heading, 6);
    gtk_widget_add_css_class (about_heading, "heading");
    gtk_label_set_mnemonic_widget (GTK_LABEL (about_heading), about);
    quorum_ui_set_accessible_label (about, _("The child this amendment is about"));
    gtk_label_set_xalign (GTK_LABEL (about_note), 0);
    gtk_label_set_wrap (GTK_LABEL (about_note), TRUE);
    gtk_widget_add_css_class (about_note, "caption");
    gtk_widget_add_css_class (about_note, "dim-label");
    gtk_box_append (GTK_BOX (about_box), about_heading);
    gtk_box_append (GTK_BOX (about_box), about);
    gtk_box_append (GTK_BOX (about_box), about_note);
    gtk_box_append (GTK_BOX (box), about_box);
    g_object_set_data (G_OBJECT (dialog), "quorum-about", about);
    g_object_set_data (G_OBJECT (dialog), "quorum-about-box", about_box);
    g_object_set_data (G_OBJECT (dialog), "quorum-about-default", GUINT_TO_POINTER (selected));
  }

  value_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  value_label = gtk_label_new (_("Corrected text"));
  gtk_label_set_xalign (GTK_LABEL (value_label), 0);
  gtk_widget_add_css_class (value_label, "caption");
  gtk_widget_add_css_class (value_label, "dim-label");
  value = g_object_new (QUORUM_TYPE_TEXT_FIELD,
                        "label", _("Corrected text"),
                        "max-content-height", 140,
                        NULL);
  gtk_widget_set_name (value, "value-field");
  /* Why Record is off while a value is chosen: blank, or unchanged. */
  value_problem = gtk_label_new (NULL);
  gtk_widget_set_name (value_problem, "value-problem");
  gtk_label_set_xalign (GTK_LABEL (value_problem), 0);
  gtk_label_set_wrap (GTK_LABEL (value_problem), TRUE);
  gtk_widget_add_css_class (value_problem, "caption");
  gtk_widget_add_css_class (value_problem, "dim-label");
  gtk_box_append (GTK_BOX (value_box), value_label);
  gtk_box_append (GTK_BOX (value_box), value);
  /* A decision's categories: one check each, in the record's order (neglect, physical,
   * emotional, sexual), shown in place of the text for that value. */
  {
    GtkWidget *checks_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
    GtkWidget **checks = g_new0 (GtkWidget *, 4);

    gtk_widget_set_name (checks_box, "amend-categories");
    for (guint i = 0; i < 4; i++)
      {
        g_autofree char *name = quorum_categories_to_string (1u << i);
        g_autofree char *id = g_strdup_printf ("amend-category-%s", name);

        checks[i] = gtk_check_button_new_with_label (quorum_category_get_label (1u << i));
        gtk_widget_set_name (checks[i], id);
        g_signal_connect_object (checks[i], "notify::active", G_CALLBACK (amend_changed_cb), dialog, 0);
        gtk_box_append (GTK_BOX (checks_box), checks[i]);
      }
    gtk_widget_set_visible (checks_box, FALSE);
    gtk_box_append (GTK_BOX (value_box), checks_box);
    g_object_set_data (G_OBJECT (dialog), "quorum-categories-box", checks_box);
    g_object_set_data_full (G_OBJECT (dialog), "quorum-category-checks", checks, g_free);
  }
  gtk_box_append (GTK_BOX (value_box), value_problem);
  gtk_widget_set_visible (value_box, FALSE);
  gtk_box_append (GTK_BOX (box), value_box);

  reason_heading = gtk_label_new_with_mnemonic (_("W_hy (required)"));
  gtk_widget_set_name (reason_heading, "reason-label");
  gtk_label_set_xalign (GTK_LABEL (reason_heading), 0);
  gtk_widget_set_margin_top (reason_heading, 6);
  gtk_widget_add_css_class (reason_heading, "heading");
  gtk_label_set_mnemonic_widget (GTK_LABEL (reason_heading), reason);
  gtk_entry_set_placeholder_text (GTK_ENTRY (reason), NULL);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (reason), GTK_ACCESSIBLE_PROPERTY_LABEL);
  gtk_box_append (GTK_BOX (box), reason_heading);
  gtk_box_append (GTK_BOX (box), reason);
  {
    GtkWidget *waiting = gtk_label_new (NULL);

    gtk_widget_set_name (waiting, "amend-waiting");
    gtk_label_set_xalign (GTK_LABEL (waiting), 0);
    gtk_label_set_wrap (GTK_LABEL (waiting), TRUE);
    gtk_widget_add_css_class (waiting, "caption");
    gtk_box_append (GTK_BOX (box), waiting);
    g_object_set_data (G_OBJECT (dialog), "quorum-waiting", waiting);
  }

  /* Who amends, named by themselves: the name kept on this computer is offered (usually the
   * chair's), and a minute-taker amending here writes their own over it for this amendment.
   * A shared database names the server's user: nothing to ask. */
  if (!quorum_store_is_shared (self->store))
    {
      gboolean kept = !quorum_ui_needs_name (self->store);
      GtkWidget *by_heading = gtk_label_new_with_mnemonic (_("Amended _by"));
      GtkWidget *by_note;

      by = dialog_entry ("amended-by-entry", _("Amended by"));
      gtk_entry_set_placeholder_text (GTK_ENTRY (by), NULL);
      gtk_widget_set_name (by_heading, "amended-by-label");
      gtk_label_set_xalign (GTK_LABEL (by_heading), 0);
      gtk_widget_set_margin_top (by_heading, 6);
      gtk_widget_add_css_class (by_heading, "heading");
      gtk_label_set_mnemonic_widget (GTK_LABEL (by_heading), by);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (by), GTK_ACCESSIBLE_PROPERTY_LABEL);
      if (kept)
        gtk_editable_set_text (GTK_EDITABLE (by), quorum_store_get_signer (self->store));
      by_note = gtk_label_new (kept
                                 ? _("Recorded with this amendment. A name written here does not change the name kept in Preferences.")
                                 : _("Recorded with this amendment, and kept for every record from now on."));
      gtk_label_set_xalign (GTK_LABEL (by_note), 0);
      gtk_label_set_wrap (GTK_LABEL (by_note), TRUE);
      gtk_widget_add_css_class (by_note, "caption");
      gtk_widget_add_css_class (by_note, "dim-label");
      gtk_box_append (GTK_BOX (box), by_heading);
      gtk_box_append (GTK_BOX (box), by);
      gtk_box_append (GTK_BOX (box), by_note);
      g_object_set_data (G_OBJECT (dialog), "quorum-by", by);
    }

  adw_message_dialog_set_extra_child (dialog, box);
  g_object_set_data (G_OBJECT (dialog), "quorum-change", change);
  g_object_set_data (G_OBJECT (dialog), "quorum-reason", reason);
  g_object_set_data (G_OBJECT (dialog), "quorum-target", dropdown);
  g_object_set_data (G_OBJECT (dialog), "quorum-value", value);
  g_object_set_data (G_OBJECT (dialog), "quorum-value-box", value_box);
  g_object_set_data (G_OBJECT (dialog), "quorum-value-label", value_label);
  g_object_set_data (G_OBJECT (dialog), "quorum-value-problem", value_problem);
  g_object_set_data_full (G_OBJECT (dialog), "quorum-targets", targets, (GDestroyNotify) g_ptr_array_unref);

  /* What was typed is kept as a draft, as every form's words are: an Escape, a click outside,
   * the app closed or killed lose nothing, and the dialog opened again gives it back. */
  draft_label = gtk_label_new (_("Draft · not yet recorded: the form as it was left"));
  gtk_widget_set_name (draft_label, "amendment-draft-marker");
  gtk_widget_add_css_class (draft_label, "draft-marker");
  gtk_box_prepend (GTK_BOX (box), draft_label);
  {
    g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
    QuorumDraft *draft = quorum_draft_new (self->store, self->conference_id, "amendment");

    g_ptr_array_add (keys, g_strdup ("none"));
    for (guint i = 0; i < targets->len; i++)
      {
        const AmendTarget *target = g_ptr_array_index (targets, i);

        g_ptr_array_add (keys, g_strdup_printf ("%s/%s", target->record, target->field));
      }
    g_ptr_array_add (keys, NULL);

    quorum_draft_add_field (draft, "change", change);
    quorum_draft_add_choice (draft, "target", dropdown, (const char * const *) keys->pdata);
    quorum_draft_set_baseline (draft, "target", "none");
    /* Whom it is about, by the child's id ("child:4") or "conference": only a choice other than
     * the child shown is a draft. */
    {
      g_autoptr(GPtrArray) about_keys = g_ptr_array_new_with_free_func (g_free);
      guint n_children = self->conference->children != NULL ? self->conference->children->len : 0;
      guint shown = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "quorum-about-default"));

      for (guint i = 0; i < n_children; i++)
        g_ptr_array_add (about_keys, g_strdup_printf ("child:%" G_GINT64_FORMAT,
                                                      ((QuorumChild *) g_ptr_array_index (self->conference->children, i))->id));
      g_ptr_array_add (about_keys, g_strdup ("conference"));
      g_ptr_array_add (about_keys, NULL);
      quorum_draft_add_choice (draft, "about", about, (const char * const *) about_keys->pdata);
      quorum_draft_set_baseline (draft, "about", g_ptr_array_index (about_keys, shown));
    }
    quorum_draft_add_field (draft, "value", value);
    quorum_draft_add_field (draft, "reason", reason);
    if (by != NULL)
      {
        /* Only a name other than the one offered is a draft. */
        quorum_draft_add_field (draft, "by", by);
        quorum_draft_set_baseline (draft, "by", gtk_editable_get_text (GTK_EDITABLE (by)));
      }
    g_object_set_data_full (G_OBJECT (dialog), "quorum-draft", draft, g_object_unref);
  }
  /* Shown by update_amend_response (): the choice of a value alone is kept, but is no words;
   * typed words are. */
  quorum_ui_set_marker_shown (draft_label, FALSE);
  g_object_set_data (G_OBJECT (dialog), "quorum-draft-marker", draft_label);

  g_signal_connect (change, "changed", G_CALLBACK (amend_entry_changed_cb), dialog);
  g_signal_connect (reason, "changed", G_CALLBACK (amend_entry_changed_cb), dialog);
  g_signal_connect (change, "activate", G_CALLBACK (amend_entry_activate_cb), dialog);
  g_signal_connect (reason, "activate", G_CALLBACK (amend_entry_activate_cb), dialog);
  if (by != NULL)
    {
      g_signal_connect (by, "changed", G_CALLBACK (amend_entry_changed_cb), dialog);
      g_signal_connect (by, "activate", G_CALLBACK (amend_entry_activate_cb), dialog);
    }
  g_signal_connect (value, "notify::text", G_CALLBACK (amend_changed_cb), dialog);
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (amend_target_changed_cb), dialog);

  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "amend", _("_Record Amendment"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "amend", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "amend", FALSE);
  adw_message_dialog_set_default_response (dialog, "amend");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (amend_response_cb), self, 0);

  /* After the signals: the target given back shows its value, and Record is offered; marked
   * "as it was left" if anything was given back. */
  if (quorum_draft_restore (g_object_get_data (G_OBJECT (dialog), "quorum-draft")))
    g_object_set_data (G_OBJECT (dialog), "quorum-given-back", GINT_TO_POINTER (TRUE));
  update_amend_response (dialog);

  gtk_window_present (GTK_WINDOW (dialog));
  /* A draft given back: the caret at its end, nothing selected, so the next key adds to it. */
  quorum_ui_focus_at_end (change);
}

/* ---- correcting an attendee ---- */

/* The Attendance choices of the add form and the correction dialog, in the order shown. */
enum {
  ATTENDANCE_CHOICE_PRESENT,
  ATTENDANCE_CHOICE_APOLOGIES,
  ATTENDANCE_CHOICE_REPORT_SENT,
  ATTENDANCE_CHOICE_ARRIVED_LATE,
};

static const QuorumAttendee *
find_attendee (QuorumConferencePage *self,
               gint64                attendee_id)
{
  for (guint i = 0; self->conference != NULL && i < self->conference->attendees->len; i++)
    {
      const QuorumAttendee *attendee = g_ptr_array_index (self->conference->attendees, i);

      if (attendee->id == attendee_id)
        return attendee;
    }

  return NULL;
}

static GtkWidget *
labelled (GtkGrid    *grid,
          int         row,
          const char *mnemonic,
          GtkWidget  *widget)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);

  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, widget, 1, row, 1, 1);

  return widget;
}

/* Back to the attendee's row after its dialog, if the focus is not on it still. */
static void
focus_attendee_row (QuorumConferencePage *self,
                    gint64                attendee_id)
{
  GtkListBoxRow *row = attendee_row (self, attendee_id);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  /* Already there (on its pencil, the row kept): it stays. */
  if (row != NULL && (focus == GTK_WIDGET (row) || (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (row)))))
    return;
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* Once the dialog is gone, whatever was answered: the window has its focus back to give. */
static void
edit_attendee_destroyed_cb (AdwMessageDialog     *dialog,
                            QuorumConferencePage *self)
{
  focus_attendee_row (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "quorum-attendee-id")));
}

/* A correction as typed in its dialog: (id, name, role, agency, line management, votes,
 * attendance choice, arrival time or ""). The dialog is gone once answered, so the words travel
 * with the action, which may have to ask the name first and give them back if cancelled. */
#define CORRECTION_TYPE "(xssssbus)"

/* @text trimmed, as the dialog's fields are read; NULL when blank. */
static char *
stripped_or_null (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));

  return *copy != '\0' ? g_steal_pointer (&copy) : NULL;
}

static void
edit_attendee_response_cb (AdwMessageDialog     *dialog,
                           const char           *response,
                           QuorumConferencePage *self)
{
  GtkWidget *grid = adw_message_dialog_get_extra_child (dialog);
  gint64 attendee_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "quorum-attendee-id"));
  GtkWidget *arrived = quorum_ui_find_named (grid, "edit-arrived");
  guint choice = gtk_drop_down_get_selected (GTK_DROP_DOWN (quorum_ui_find_named (grid, "edit-attendance")));
  const char *time = "";

  if (g_strcmp0 (response, "save") != 0)
    return;

  /* An arrival already on the record is shown, not written again. */
  if (choice == ATTENDANCE_CHOICE_ARRIVED_LATE && gtk_widget_is_sensitive (arrived))
    time = gtk_editable_get_text (GTK_EDITABLE (arrived));
  gtk_widget_activate_action (GTK_WIDGET (self), "conference.correct-attendee", CORRECTION_TYPE,
                              attendee_id,
                              gtk_editable_get_text (GTK_EDITABLE (quorum_ui_find_named (grid, "edit-name"))),
                              gtk_editable_get_text (GTK_EDITABLE (quorum_ui_find_named (grid, "edit-role"))),
                              gtk_editable_get_text (GTK_EDITABLE (quorum_ui_find_named (grid, "edit-agency"))),
                              gtk_editable_get_text (GTK_EDITABLE (quorum_ui_find_named (grid, "edit-group"))),
                              gtk_check_button_get_active (GTK_CHECK_BUTTON (quorum_ui_find_named (grid, "edit-voting"))),
                              choice, time);
}

static void
correct_attendee_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  QuorumConferencePage *self = QUORUM_CONFERENCE_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *role = NULL;
  g_autofree char *agency = NULL;
  g_autofree char *group = NULL;
  g_autofree char *arrived_at = NULL;
  const char *typed[5];
  QuorumAttendeeSpec spec = { 0 };
  gint64 attendee_id;
  guint choice;

  g_variant_get (param, "(x&s&s&s&sbu&s)", &attendee_id, &typed[0], &typed[1], &typed[2], &typed[3],
                 &spec.voting, &choice, &typed[4]);
  spec.name = name = stripped_or_null (typed[0]);
  spec.role = role = stripped_or_null (typed[1]);
  spec.agency = agency = stripped_or_null (typed[2]);
  group = stripped_or_null (typed[3]);
  spec.line_management = group != NULL ? group : agency;
  switch (choice)
    {
    case ATTENDANCE_CHOICE_APOLOGIES:
      spec.attendance = QUORUM_ATTENDANCE_APOLOGIES;
      break;
    case ATTENDANCE_CHOICE_REPORT_SENT:
      spec.attendance = QUORUM_ATTENDANCE_REPORT_SENT;
      break;
    case ATTENDANCE_CHOICE_ARRIVED_LATE:
      /* Present from the time they arrived: the correction and the arrival in one transaction,
       * the same attendance event as the record's Arrived button. */
      spec.attendance = QUORUM_ATTENDANCE_PRESENT;
      spec.arrived_at = arrived_at = stripped_or_null (typed[4]);
      break;
    default:
      spec.attendance = QUORUM_ATTENDANCE_PRESENT;
      break;
    }

  /* The arrival is a row of its own naming who recorded it: with no name kept, asked first;
   * cancelled, the correction comes back as it was typed. */
  if (spec.arrived_at != NULL &&
      quorum_ui_ask_name_first_full (widget, self->store, action_name, param, "conference.edit-attendee-again"))
    return;
  if (!quorum_store_update_attendee (self->store, attendee_id, &spec, &error))
    {
      quorum_ui_show_error (GTK_WIDGET (self), error);
      return;
    }

  quorum_conference_page_reload (self);
  update_completion (self);
  focus_attendee_row (self, attendee_id);
  quorum_ui_toast (GTK_WIDGET (self), _("Attendee corrected"));
}

/* Correct is offered while the dialog holds what the record takes: a name, an agency, and for a
 * late arrival not yet recorded a time the rules of an arrival take (a time of day, not before
 * the start, not after they left), said under the choice as it is typed, not after Correct. */
static void
edit_attendee_check_cb (QuorumConferencePage *self,
                        GtkWidget            *changed)
{
  GtkRoot *root = gtk_widget_get_root (changed);
  GtkWidget *grid;
  GtkWidget *arrived;
  GtkWidget *note;
  g_autofree char *name = NULL;
  g_autofree char *agency = NULL;
  g_autoptr(GError) problem = NULL;
  gboolean late;
  gint64 attendee_id;

  if (!ADW_IS_MESSAGE_DIALOG (root))
    return;
  grid = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (root));
  arrived = quorum_ui_find_named (grid, "edit-arrived");
  note = quorum_ui_find_named (grid, "edit-arrival-note");
  attendee_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (root), "quorum-attendee-id"));
  name = quorum_ui_editable_get_text (GTK_EDITABLE (quorum_ui_find_named (grid, "edit-name")));
  agency = quorum_ui_editable_get_text (GTK_EDITABLE (quorum_ui_find_named (grid, "edit-agency")));
  late = gtk_drop_down_get_selected (GTK_DROP_DOWN (quorum_ui_find_named (grid, "edit-attendance"))) == ATTENDANCE_CHOICE_ARRIVED_LATE;

  /* An arrival on the record stays as it is: shown, nothing to check. */
  if (gtk_widget_is_sensitive (arrived))
    {
      if (late && gtk_entry_get_text_length (GTK_ENTRY (arrived)) == 0 && changed != arrived)
        {
          g_autoptr(GDateTime) now = g_date_time_new_now_local ();
          g_autofree char *text = g_date_time_format (now, "%H:%M");

          gtk_editable_set_text (GTK_EDITABLE (arrived), text);
          return;   /* checked by its own "changed" */
        }
      gtk_widget_set_visible (arrived, late);
      if (late)
        {
          g_autofree char *time = quorum_ui_editable_get_text (GTK_EDITABLE (arrived));

          if (quorum_time_check (time, &problem) && self->conference != NULL)
            quorum_check_arrival (self->conference, attendee_id, time, &problem);
        }
      gtk_label_set_text (GTK_LABEL (note), problem != NULL ? problem->message : "");
      gtk_widget_set_visible (note, problem != NULL);
      gtk_accessible_update_state (GTK_ACCESSIBLE (arrived),
                                   GTK_ACCESSIBLE_STATE_INVALID,
                                   problem != NULL ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                                   -1);
    }

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (root), "save",
                                           name != NULL && agency != NULL && problem == NULL);
}

static void
edit_attendance_changed_cb (QuorumConferencePage *self,
                            GParamSpec           *pspec,
                            GtkWidget            *dropdown)
{
  edit_attendee_check_cb (self, dropdown);
}

/* The correction dialog of @attendee_id, holding the record's words, or those of @typed (a
 * correction as typed, CORRECTION_TYPE) when it is given back after the name was not given. */
static void
open_edit_dialog (QuorumConferencePage *self,
                  gint64                attendee_id,
                  GVariant             *typed)
{
  GtkWidget *widget = GTK_WIDGET (self);
  const QuorumAttendee *attendee;
  g_autoptr(GtkEntryCompletion) completion = NULL;
  const char * const attendance[] = { _("Present"), _("Apologies"), _("Report sent"), _("Arrived late"), NULL };
  AdwMessageDialog *dialog;
  GtkWidget *grid;
  GtkWidget *name;
  GtkWidget *agency;
  GtkWidget *group;
  GtkWidget *dropdown;
  GtkWidget *arrived;
  GtkWidget *note;
  GtkWidget *box;
  GtkWidget *voting;

  quorum_conference_page_commit_pending (QUORUM_CONFERENCE_PAGE (widget));

  /* Found after the words typed were stored: that may have reloaded the record. */
  attendee = find_attendee (self, attendee_id);
  if (attendee == NULL)
    return;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (get_window (self),
                                                       _("Correct an Attendee"),
                                                       _("The correction is kept in the audit log with what it said before. Attendees who share a line-management structure give one view between them.")));

  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 8);
  /* Wide enough for a structure's full name: the dialog grows to its extra child. */
  gtk_widget_set_size_request (grid, 440, -1);

  name = labelled (GTK_GRID (grid), 0, _("_Name"), dialog_entry ("edit-name", _("Attendee’s name")));
  labelled (GTK_GRID (grid), 1, _("Rol_e"), dialog_entry ("edit-role", _("Role, e.g. Health Visitor")));
  agency = labelled (GTK_GRID (grid), 2, _("A_gency"), dialog_entry ("edit-agency", _("Agency")));
  group = labelled (GTK_GRID (grid), 3, _("_Line management"), dialog_entry ("edit-group", _("Same as the agency")));
  quorum_ui_set_accessible_label (group, _("Line-management structure the attendee reports through"));
  ensure_completion (self);
  completion = new_line_management_completion (self);
  gtk_entry_set_completion (GTK_ENTRY (group), completion);

  dropdown = gtk_drop_down_new_from_strings (attendance);
  gtk_widget_set_name (dropdown, "edit-attendance");
  gtk_widget_set_hexpand (dropdown, TRUE);
  quorum_ui_set_accessible_label (dropdown, _("Attendance"));
  /* "Arrived late" asks for the time they came, beside the choice, as the add form does. */
  arrived = gtk_entry_new ();
  gtk_widget_set_name (arrived, "edit-arrived");
  gtk_entry_set_placeholder_text (GTK_ENTRY (arrived), _("HH:MM"));
  gtk_editable_set_width_chars (GTK_EDITABLE (arrived), 5);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (arrived), 5);
  gtk_entry_set_activates_default (GTK_ENTRY (arrived), TRUE);
  gtk_widget_set_visible (arrived, FALSE);
  quorum_ui_set_accessible_label (arrived, _("The time they arrived"));
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (box), dropdown);
  gtk_box_append (GTK_BOX (box), arrived);
  labelled (GTK_GRID (grid), 4, _("A_ttendance"), box);
  gtk_label_set_mnemonic_widget (GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (grid), 0, 4)), dropdown);

  /* Under the choice: why the time is not taken, or that the arrival is on the record. */
  note = gtk_label_new (NULL);
  gtk_widget_set_name (note, "edit-arrival-note");
  gtk_label_set_wrap (GTK_LABEL (note), TRUE);
  /* Wrapped in the dialog's width, not widening it. */
  gtk_label_set_max_width_chars (GTK_LABEL (note), 40);
  gtk_label_set_xalign (GTK_LABEL (note), 0);
  gtk_widget_add_css_class (note, "caption");
  gtk_widget_set_visible (note, FALSE);
  gtk_grid_attach (GTK_GRID (grid), note, 1, 5, 1, 1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (arrived), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, note, NULL, -1);

  voting = gtk_check_button_new_with_mnemonic (_("_Votes for an agency"));
  gtk_widget_set_name (voting, "edit-voting");
  gtk_widget_set_tooltip_text (voting, _("Parents, family members and advocates attend but do not vote"));
  gtk_grid_attach (GTK_GRID (grid), voting, 1, 6, 1, 1);

  gtk_editable_set_text (GTK_EDITABLE (name), attendee->name);
  gtk_editable_set_text (GTK_EDITABLE (quorum_ui_find_named (grid, "edit-role")), attendee->role != NULL ? attendee->role : "");
  gtk_editable_set_text (GTK_EDITABLE (agency), attendee->agency);
  gtk_editable_set_text (GTK_EDITABLE (group), attendee->line_management);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown),
                              attendee->attendance == QUORUM_ATTENDANCE_APOLOGIES ? ATTENDANCE_CHOICE_APOLOGIES :
                              attendee->attendance == QUORUM_ATTENDANCE_REPORT_SENT ? ATTENDANCE_CHOICE_REPORT_SENT :
                              attendee->arrived_at != NULL ? ATTENDANCE_CHOICE_ARRIVED_LATE : ATTENDANCE_CHOICE_PRESENT);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (voting), attendee->voting);
  /* An arrival on the record is shown as it is: nothing corrects one (and someone who was there
   * is not made absent), so the choice and the time are not offered for change. */
  if (attendee->arrived_at != NULL)
    {
      g_autofree char *recorded = g_strdup_printf (_("Their arrival at %s is on the record and is not changed here"),
                                                   attendee->arrived_at);

      gtk_editable_set_text (GTK_EDITABLE (arrived), attendee->arrived_at);
      gtk_widget_set_visible (arrived, TRUE);
      gtk_widget_set_sensitive (arrived, FALSE);
      gtk_widget_set_sensitive (dropdown, FALSE);
      gtk_label_set_text (GTK_LABEL (note), recorded);
      gtk_widget_add_css_class (note, "dim-label");
      gtk_widget_set_visible (note, TRUE);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, note, NULL, -1);
    }
  else
    gtk_widget_add_css_class (note, "error");

  if (typed != NULL)
    {
      const char *words[5];
      gboolean votes;
      guint choice;

      g_variant_get (typed, "(x&s&s&s&sbu&s)", NULL, &words[0], &words[1], &words[2], &words[3],
                     &votes, &choice, &words[4]);
      gtk_editable_set_text (GTK_EDITABLE (name), words[0]);
      gtk_editable_set_text (GTK_EDITABLE (quorum_ui_find_named (grid, "edit-role")), words[1]);
      gtk_editable_set_text (GTK_EDITABLE (agency), words[2]);
      gtk_editable_set_text (GTK_EDITABLE (group), words[3]);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (voting), votes);
      /* An arrival recorded meanwhile stays shown as the record's. */
      if (attendee->arrived_at == NULL)
        {
          gtk_editable_set_text (GTK_EDITABLE (arrived), words[4]);
          gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), choice);
          gtk_widget_set_visible (arrived, choice == ATTENDANCE_CHOICE_ARRIVED_LATE);
        }
    }

  adw_message_dialog_set_extra_child (dialog, grid);
  g_object_set_data (G_OBJECT (dialog), "quorum-attendee-id", GSIZE_TO_POINTER ((gsize) attendee_id));

  /* Name and agency are required, as when adding; a late arrival's time is checked as typed. */
  g_signal_connect_object (name, "changed", G_CALLBACK (edit_attendee_check_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (agency, "changed", G_CALLBACK (edit_attendee_check_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (arrived, "changed", G_CALLBACK (edit_attendee_check_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (edit_attendance_changed_cb), self, G_CONNECT_SWAPPED);

  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "save", _("_Correct"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  /* Given back as typed: Correct and the note say what they said then. */
  if (typed != NULL)
    edit_attendee_check_cb (self, arrived);
  g_signal_connect_object (dialog, "response", G_CALLBACK (edit_attendee_response_cb), self, 0);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (edit_attendee_destroyed_cb), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  quorum_ui_focus_at_end (name);
}

static void
edit_attendee_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  open_edit_dialog (QUORUM_CONFERENCE_PAGE (widget), g_variant_get_int64 (param), NULL);
}

/* A correction whose writer's name was asked and not given: its dialog again, as typed. */
static void
edit_attendee_again_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  gint64 attendee_id;

  g_variant_get_child (param, 0, "x", &attendee_id);
  open_edit_dialog (QUORUM_CONFERENCE_PAGE (widget), attendee_id, param);
}

/* ---- actions ---- */

static void
set_voting (QuorumConferencePage *self,
            gboolean              voting)
{
  self->voting_setting = TRUE;
  gtk_check_button_set_active (self->voting_check, voting);
  self->voting_setting = FALSE;
  /* The guess says what it did: a box unticked unseen was ticked again by a chair who clicked
   * it to untick it. */
  if (self->voting_note != NULL)
    gtk_widget_set_visible (self->voting_note, !voting);
}


static void
add_attendee_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  QuorumConferencePage *self = QUORUM_CONFERENCE_PAGE (widget);
  g_autofree char *name = quorum_ui_editable_get_text (GTK_EDITABLE (self->name_entry));
  g_autofree char *role = quorum_ui_editable_get_text (GTK_EDITABLE (self->role_entry));
  g_autofree char *agency = quorum_ui_editable_get_text (GTK_EDITABLE (self->agency_entry));
  g_autofree char *group = quorum_ui_editable_get_text (GTK_EDITABLE (self->group_entry));
  g_autofree char *arrived_at = NULL;
  g_autoptr(GError) error = NULL;
  QuorumAttendeeSpec spec = { 0 };

  quorum_conference_page_commit_pending (QUORUM_CONFERENCE_PAGE (widget));

  if (name == NULL)
    {
      quorum_ui_toast (widget, _("Type the attendee’s name first"));
      g_set_weak_pointer (&self->error_field, GTK_WIDGET (self->name_entry));
      gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
      return;
    }

  /* A parent, a relative or an advocate attends for the family: that is their agency. */
  if (agency == NULL && !gtk_check_button_get_active (self->voting_check))
    agency = g_strdup (_("Family"));

  if (agency == NULL)
    {
      quorum_ui_toast (widget, _("Type the attendee’s agency (for a parent: “Family”)"));
      g_set_weak_pointer (&self->error_field, GTK_WIDGET (self->agency_entry));
      gtk_widget_grab_focus (GTK_WIDGET (self->agency_entry));
      return;
    }

  spec.name = name;
  spec.role = role;
  spec.agency = agency;
  /* Most agencies are one line-management structure: the agency is the default. */
  spec.line_management = group != NULL ? group : agency;
  spec.voting = gtk_check_button_get_active (self->voting_check);
  switch (gtk_drop_down_get_selected (self->attendance_dropdown))
    {
    case ATTENDANCE_CHOICE_APOLOGIES:
      spec.attendance = QUORUM_ATTENDANCE_APOLOGIES;
      break;
    case ATTENDANCE_CHOICE_REPORT_SENT:
      spec.attendance = QUORUM_ATTENDANCE_REPORT_SENT;
      break;
    case ATTENDANCE_CHOICE_ARRIVED_LATE:
      /* Present from the time they arrived: the attendee and their arrival in one transaction,
       * the same attendance event the record's Arrived button writes. */
      spec.attendance = QUORUM_ATTENDANCE_PRESENT;
      arrived_at = quorum_ui_editable_get_text (GTK_EDITABLE (self->arrived_entry));
      if (arrived_at == NULL)
        {
          quorum_ui_toast (widget, _("Give the time the attendee arrived (HH:MM)"));
          g_set_weak_pointer (&self->error_field, GTK_WIDGET (self->arrived_entry));
          gtk_widget_grab_focus (GTK_WIDGET (self->arrived_entry));
          return;
        }
      spec.arrived_at = arrived_at;
      break;
    default:
      spec.attendance = QUORUM_ATTENDANCE_PRESENT;
      break;
    }

  /* A late arrival is a row of its own, naming who recorded it: with no name kept, asked
   * first (the form stays as it is). */
  if (spec.arrived_at != NULL && quorum_ui_ask_name_first (widget, self->store, action_name, param))
    return;
  if (quorum_store_add_attendee (self->store, self->conference_id, &spec, &error) <= 0)
    {
      quorum_ui_show_error (widget, error);
      if (arrived_at != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (self->arrived_entry));
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->role_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->agency_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->group_entry), "");
  quorum_draft_discard (self->attendee_draft);
  set_voting (self, TRUE);
  self->voting_set_by_hand = FALSE;
  gtk_drop_down_set_selected (self->attendance_dropdown, ATTENDANCE_CHOICE_PRESENT);
  gtk_editable_set_text (GTK_EDITABLE (self->arrived_entry), "");

  quorum_conference_page_reload (self);
  update_completion (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
}

static void
new_attendee_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  QuorumConferencePage *self = QUORUM_CONFERENCE_PAGE (widget);

  quorum_conference_page_commit_pending (QUORUM_CONFERENCE_PAGE (widget));

  adw_flap_set_reveal_flap (self->flap, TRUE);
  quorum_ui_focus_at_end (GTK_WIDGET (self->name_entry));
}

/* Where the keyboard goes when the attendees pane opens: the form, else (signed off) the list. */
static void
focus_attendees (QuorumConferencePage *self)
{
  if (gtk_widget_get_visible (self->attendee_form) && gtk_widget_is_sensitive (self->attendee_form))
    quorum_ui_focus_at_end (GTK_WIDGET (self->name_entry));
  else
    gtk_widget_child_focus (GTK_WIDGET (self->attendees_list), GTK_DIR_TAB_FORWARD);
}

/* Brings the challenge part of the attendees pane to the top of its view, once it is laid out. */
static gboolean
scroll_to_challenge_cb (gpointer user_data)
{
  QuorumConferencePage *self = user_data;
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (self->attendees_list), GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *target = self->challenge_target;
  graphene_point_t at;

  if (scroller == NULL || target == NULL || ++self->challenge_scroll_tries > 20)
    {
      self->challenge_scroll_source = 0;
      return G_SOURCE_REMOVE;
    }
  /* The panel may have been built just now: until the pane is laid out again with it, its place
   * and the pane's length are not known, so this looks again until the part stands at the top. */
  if (gtk_widget_get_height (target) > 0 &&
      gtk_widget_compute_point (target, scroller, &GRAPHENE_POINT_INIT (0, 0), &at))
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
      double value = gtk_adjustment_get_value (adjustment);
      double wanted = CLAMP (value + at.y - 12, 0,
                             gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));

      if (ABS (wanted - value) < 1 && self->challenge_scroll_tries > 2)
        {
          self->challenge_scroll_source = 0;
          return G_SOURCE_REMOVE;
        }
      gtk_adjustment_set_value (adjustment, wanted);
    }
  return G_SOURCE_CONTINUE;
}

/* "Record a Challenge…" on a decided child: the challenge form was at the foot of the attendees
 * pane, under the whole attendance timeline, and nothing on the decision led there (trial 6). The
 * pane opens, the form is brought up with this child's decision chosen and the focus in it. */
static void
show_challenge_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  QuorumConferencePage *self = QUORUM_CONFERENCE_PAGE (widget);
  QuorumRecordPanel *panel;

  quorum_conference_page_commit_pending (self);
  adw_flap_set_reveal_flap (self->flap, TRUE);
  panel = ensure_record_panel (self);
  g_set_weak_pointer (&self->challenge_target, quorum_record_panel_show_challenge (panel, g_variant_get_int64 (param)));
  g_clear_handle_id (&self->challenge_scroll_source, g_source_remove);
  self->challenge_scroll_tries = 0;
  self->challenge_scroll_source = g_timeout_add_full (G_PRIORITY_LOW, 50, scroll_to_challenge_cb, self, NULL);
}

static void
toggle_attendees_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  QuorumConferencePage *self = QUORUM_CONFERENCE_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  gboolean reveal = !adw_flap_get_reveal_flap (self->flap);

  quorum_conference_page_commit_pending (QUORUM_CONFERENCE_PAGE (widget));

  adw_flap_set_reveal_flap (self->flap, reveal);

  /* The keyboard follows the pane: into it when it opens, and out of it when it closes. */
  if (reveal)
    focus_attendees (self);
  else if (focus == NULL || gtk_widget_is_ancestor (focus, adw_flap_get_flap (self->flap)))
    gtk_widget_grab_focus (GTK_WIDGET (self->attendees_button));
}

static void
proceed_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  quorum_conference_page_commit_pending (QUORUM_CONFERENCE_PAGE (widget));

  quorum_conference_page_ask_proceed (QUORUM_CONFERENCE_PAGE (widget), 0);
}

static void
decide_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  QuorumChildPanel *panel;

  quorum_conference_page_commit_pending (QUORUM_CONFERENCE_PAGE (widget));

  panel = quorum_conference_page_get_child_panel (QUORUM_CONFERENCE_PAGE (widget), 0);
  if (panel != NULL)
    gtk_widget_activate_action (GTK_WIDGET (panel), "child.decide", NULL);
}

static void
step_child (QuorumConferencePage *self,
            int                   step)
{
  const QuorumConference *conference = self->conference;
  gint64 current = quorum_conference_page_get_child_id (self);
  gint64 next_id = 0;
  guint n = conference->children->len;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  gboolean was_typing = focus != NULL && quorum_ui_takes_words (focus);
  QuorumChildPanel *panel;

  for (guint i = 0; i < n && next_id == 0; i++)
    {
      QuorumChild *child = g_ptr_array_index (conference->children, i);

      if (child->id == current)
        next_id = ((QuorumChild *) g_ptr_array_index (conference->children, (i + n + step) % n))->id;
    }
  if (next_id == 0)
    return;

  /* Where the chair is on this child, kept for their return (Ctrl+Page Up mid-sentence came
   * back to the first group without a view, and the sentence's next Space chose Plan for it;
   * trial 8). Its reasons half typed stay drafts (A2): left before what else is being typed is
   * stored, as every action stores it first (the store may read the conference again). */
  panel = quorum_conference_page_get_child_panel (self, current);
  if (panel != NULL && next_id != current)
    quorum_child_panel_leave (panel, focus);
  quorum_conference_page_commit_pending (self);
  self->stepping = TRUE;
  quorum_conference_page_show_child (self, next_id);
  self->stepping = FALSE;
  /* The chair goes on with that child: the focus where they were on it, else where it is filled
   * in next (its proposal, or its first group still to give a view), not wherever GTK put it as
   * the last child's panel went (the Attendees list). */
  panel = quorum_conference_page_get_child_panel (self, next_id);
  if (panel != NULL)
    quorum_child_panel_return_focus (panel, was_typing);
}

static void
next_child_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  step_child (QUORUM_CONFERENCE_PAGE (widget), 1);
}

static void
previous_child_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  step_child (QUORUM_CONFERENCE_PAGE (widget), -1);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  QuorumConferencePage *self = QUORUM_CONFERENCE_PAGE (widget);

  quorum_conference_page_commit_pending (QUORUM_CONFERENCE_PAGE (widget));

  quorum_export_actions_save (get_window (self), self->store, self->conference_id);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  QuorumConferencePage *self = QUORUM_CONFERENCE_PAGE (widget);

  quorum_conference_page_commit_pending (QUORUM_CONFERENCE_PAGE (widget));

  quorum_export_actions_print (get_window (self), self->store, self->conference_id);
}

/* ---- callbacks ---- */


/* The field a message said was missing is filled in: the message goes, rather than stay
 * on the screen saying something that is no longer true. */
static void
attendee_field_changed_cb (QuorumConferencePage *self,
                           GtkEditable          *editable)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *text = NULL;

  if (self->error_field == NULL || GTK_WIDGET (editable) != self->error_field)
    return;

  text = quorum_ui_editable_get_text (editable);
  if (text == NULL)
    return;

  g_clear_weak_pointer (&self->error_field);
  if (QUORUM_IS_WINDOW (root))
    quorum_window_dismiss_toast (QUORUM_WINDOW (root));
}

static void
voting_toggled_cb (QuorumConferencePage *self,
                   GtkCheckButton       *check)
{
  if (!self->voting_setting)
    {
      /* The chair's now: never changed by the form again until it is cleared after adding. */
      self->voting_set_by_hand = TRUE;
      gtk_widget_set_visible (self->voting_note, FALSE);
    }
}

/* A parent, carer or relative attends for the family and does not vote: the switch goes off
 * as their role or agency is typed, unless the chair set it by hand. */
static void
role_or_agency_changed_cb (QuorumConferencePage *self,
                           GtkEditable          *editable)
{
  const char *role = gtk_editable_get_text (GTK_EDITABLE (self->role_entry));
  const char *agency = gtk_editable_get_text (GTK_EDITABLE (self->agency_entry));

  if (self->voting_set_by_hand)
    return;

  set_voting (self, !quorum_attendee_is_family (role) && !quorum_attendee_is_family (agency));
}

static void
attendee_entry_activate_cb (QuorumConferencePage *self,
                            GtkEntry             *entry)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "conference.add-attendee", NULL);
}

/* Enter in the name moves on to the role, the next field: a role is asked for, not skipped. */
static void
name_entry_activate_cb (QuorumConferencePage *self,
                        GtkEntry             *entry)
{
  quorum_ui_focus_at_end (GTK_WIDGET (self->role_entry));
}

/* Enter in the role adds the attendee when the form has what it needs (a parent's agency is
 * Family), else moves on to the agency, the next field. */
static void
role_entry_activate_cb (QuorumConferencePage *self,
                        GtkEntry             *entry)
{
  if (gtk_entry_get_text_length (self->agency_entry) == 0 && gtk_check_button_get_active (self->voting_check))
    quorum_ui_focus_at_end (GTK_WIDGET (self->agency_entry));
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "conference.add-attendee", NULL);
}

/* "Arrived late" asks for the time they came, now unless the chair types another. */
static void
attendance_changed_cb (QuorumConferencePage *self,
                       GParamSpec           *pspec,
                       GtkDropDown          *dropdown)
{
  gboolean late = gtk_drop_down_get_selected (dropdown) == ATTENDANCE_CHOICE_ARRIVED_LATE;

  if (late && gtk_entry_get_text_length (self->arrived_entry) == 0)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *text = g_date_time_format (now, "%H:%M");

      gtk_editable_set_text (GTK_EDITABLE (self->arrived_entry), text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->arrived_entry), late);
}

/* The focus is on one of the children's tabs. */
static gboolean
focus_on_switcher (QuorumConferencePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->child_switcher));
}

/* Where the chair is on the child shown, kept as the focus moves: when they go to the tabs by
 * the keyboard, the focus has left the child before the switch (visible_child_changed_cb). */
static void
focus_changed_cb (QuorumConferencePage *self,
                  GParamSpec           *pspec,
                  GtkRoot              *root)
{
  GtkWidget *focus = gtk_root_get_focus (root);
  GtkWidget *shown = self->child_stack != NULL ? gtk_stack_get_visible_child (self->child_stack) : NULL;

  if (focus != NULL && shown != NULL && gtk_widget_is_ancestor (focus, shown))
    g_set_weak_pointer (&self->panel_focus, focus);
}

/* No switch came of the tab's release (let go off it): the chair stayed with the child. */
static gboolean
tab_switch_done_cb (gpointer user_data)
{
  QuorumConferencePage *self = user_data;

  self->tab_source = 0;
  if (self->tab_left != NULL)
    quorum_child_panel_come_back (self->tab_left);
  g_clear_weak_pointer (&self->tab_left);
  return G_SOURCE_REMOVE;
}

/* Another child's tab clicked is the chair going to that child, as Ctrl+Page Down/Up is
 * (step_child): the child left keeps where the chair was, and its reasons half typed as drafts,
 * not recorded; the child shown gives the focus back where the chair was on it (GtkStack put it on
 * the first widget that takes it, a flow box child on a board, where typed words went nowhere).
 * Seen at the button's release, before its click switches: the switcher's buttons take no focus,
 * so the field being typed in was not left before. */
static gboolean
switcher_event_cb (QuorumConferencePage     *self,
                   GdkEvent                 *event,
                   GtkEventControllerLegacy *controller)
{
  GdkEventType type = gdk_event_get_event_type (event);
  GtkWidget *switcher = GTK_WIDGET (self->child_switcher);
  GtkNative *native = gtk_widget_get_native (switcher);
  GtkRoot *root = gtk_widget_get_root (switcher);
  QuorumChildPanel *panel;
  GtkWidget *focus;
  GtkWidget *tab;
  double x;
  double y;
  double native_x;
  double native_y;

  if (type != GDK_BUTTON_RELEASE && type != GDK_TOUCH_END)
    return GDK_EVENT_PROPAGATE;
  if (type == GDK_BUTTON_RELEASE && gdk_button_event_get_button (event) != GDK_BUTTON_PRIMARY)
    return GDK_EVENT_PROPAGATE;
  if (native == NULL || root == NULL || self->tab_left != NULL || !gdk_event_get_position (event, &x, &y))
    return GDK_EVENT_PROPAGATE;

  /* The tab under the pointer: another child's, not the one shown. */
  gtk_native_get_surface_transform (native, &native_x, &native_y);
  tab = gtk_widget_pick (GTK_WIDGET (native), x - native_x, y - native_y, GTK_PICK_DEFAULT);
  while (tab != NULL && gtk_widget_get_parent (tab) != switcher)
    tab = gtk_widget_get_parent (tab);
  if (tab == NULL || !GTK_IS_TOGGLE_BUTTON (tab) || gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (tab)) ||
      !gtk_widget_is_sensitive (tab))
    return GDK_EVENT_PROPAGATE;

  panel = quorum_conference_page_get_child_panel (self, 0);
  if (panel == NULL)
    return GDK_EVENT_PROPAGATE;
  focus = gtk_root_get_focus (root);
  self->tab_was_typing = focus != NULL && quorum_ui_takes_words (focus);
  quorum_child_panel_leave (panel, focus);
  g_set_weak_pointer (&self->tab_left, panel);
  self->tab_source = g_idle_add (tab_switch_done_cb, self);

  return GDK_EVENT_PROPAGATE;
}

static void
visible_child_changed_cb (QuorumConferencePage *self,
                          GParamSpec           *pspec,
                          GtkStack             *stack)
{
  GtkWidget *visible = gtk_stack_get_visible_child (stack);

  if (visible != NULL && !self->rebuilding)
    {
      QuorumChildPanel *panel = ensure_panel (self, visible);

      update_actions (self);
      /* A tab clicked (switcher_event_cb): the focus back where the chair was on this child. */
      if (self->tab_left != NULL && panel != NULL && panel != self->tab_left)
        {
          g_clear_weak_pointer (&self->tab_left);
          g_clear_handle_id (&self->tab_source, g_source_remove);
          quorum_child_panel_return_focus (panel, self->tab_was_typing);
        }
      /* A tab reached by the keyboard (Tab) and pressed (Space, Enter): the focus stayed on the
       * tab, where the chair's next keys did nothing on the child they went to. As a click: the
       * child left keeps where the chair last was on it (the focus left it for the tabs), and
       * the child shown gives the focus back where the chair was on it, else its next step. */
      else if (panel != NULL && self->shown_panel != NULL && panel != self->shown_panel &&
               !self->stepping && focus_on_switcher (self))
        {
          GtkWidget *was = self->panel_focus;

          if (was != NULL && !gtk_widget_is_ancestor (was, GTK_WIDGET (self->shown_panel)))
            was = NULL;
          quorum_child_panel_leave (self->shown_panel, was);
          quorum_child_panel_return_focus (panel, FALSE);
        }
      g_set_weak_pointer (&self->shown_panel, panel);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CHILD_ID]);
}

/* ---- public ---- */

void
quorum_conference_page_set_store (QuorumConferencePage *self,
                                  QuorumStore          *store)
{
  g_return_if_fail (QUORUM_IS_CONFERENCE_PAGE (self));

  if (g_set_object (&self->store, store))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STORE]);
  self->may_record = store != NULL && (quorum_store_get_roles (store, NULL) & QUORUM_STORE_ROLE_CHAIR) != 0;
  /* The rows' edit buttons are the chair's. */
  self->attendee_rows_stale = TRUE;
  if (self->record_panel != NULL)
    quorum_record_panel_set_store (self->record_panel, store);

  /* A minute-taker or a Head of Service reads, prints and exports: their menu has nothing else
   * (the record's items would only be insensitive), nor do they see the amend button. */
  if (self->reader_menu == NULL)
    {
      GMenu *reader = g_menu_new ();

      for (int i = 0; i < g_menu_model_get_n_items (self->conference_menu); i++)
        {
          g_autoptr(GMenuModel) section = g_menu_model_get_item_link (self->conference_menu, i, G_MENU_LINK_SECTION);
          g_autofree char *label = NULL;

          if (section == NULL || g_menu_model_get_n_items (section) == 0)
            continue;
          /* The Export section: its items are the ones every role may use. */
          {
            g_autofree char *action = NULL;

            if (!g_menu_model_get_item_attribute (section, 0, G_MENU_ATTRIBUTE_ACTION, "s", &action) ||
                g_strcmp0 (action, "conference.export") != 0)
              continue;
          }
          g_menu_model_get_item_attribute (self->conference_menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label);
          g_menu_append_section (reader, label, section);
        }
      self->reader_menu = G_MENU_MODEL (reader);
    }
  gtk_menu_button_set_menu_model (self->menu_button, self->may_record ? self->conference_menu : self->reader_menu);
  gtk_widget_set_visible (self->amend_button, self->may_record);
}

static void role_or_agency_changed_cb (QuorumConferencePage *self,
                                       GtkEditable          *editable);

/* The vote box in the attendee form's draft: kept only once the chair set it by hand, as they
 * left it; while the form's guess holds it nothing is kept (the guess comes again from the role
 * and agency given back). */
#define VOTING_DRAFT_VOTES "votes"
#define VOTING_DRAFT_NO_VOTE "no-vote"

static char *
voting_draft_get (gpointer user_data)
{
  QuorumConferencePage *self = user_data;

  if (!self->voting_set_by_hand || self->voting_check == NULL)
    return NULL;
  return g_strdup (gtk_check_button_get_active (self->voting_check) ? VOTING_DRAFT_VOTES : VOTING_DRAFT_NO_VOTE);
}

static void
voting_draft_set (const char *text,
                  gpointer    user_data)
{
  QuorumConferencePage *self = user_data;
  gboolean votes = g_strcmp0 (text, VOTING_DRAFT_VOTES) == 0;

  if (self->voting_check == NULL)
    return;
  if (votes || g_strcmp0 (text, VOTING_DRAFT_NO_VOTE) == 0)
    {
      /* Given back as the chair's: the form never changes it, and says nothing of a guess. */
      self->voting_setting = TRUE;
      gtk_check_button_set_active (self->voting_check, votes);
      self->voting_setting = FALSE;
      self->voting_set_by_hand = TRUE;
      gtk_widget_set_visible (self->voting_note, FALSE);
    }
  else
    {
      self->voting_set_by_hand = FALSE;
      role_or_agency_changed_cb (self, NULL);
    }
}

static gboolean
load_once (QuorumConferencePage *self,
           gint64                conference_id,
           gint64                child_id,
           GError              **error)
{
  g_autoptr(QuorumConference) conference = NULL;
  gboolean same;

  conference = quorum_store_load_conference (self->store, conference_id, error);
  if (conference == NULL)
    return FALSE;

  same = self->conference != NULL && self->conference_id == conference_id;

  if (!same || self->profile == NULL || g_strcmp0 (self->profile->id, conference->profile_id) != 0)
    {
      g_autoptr(GError) profile_error = NULL;

      g_clear_pointer (&self->profile, quorum_profile_unref);
      self->profile = quorum_store_get_conference_profile (self->store, conference_id, &profile_error);
      if (self->profile == NULL)
        quorum_ui_show_error (GTK_WIDGET (self), profile_error);
    }

  g_clear_pointer (&self->conference, quorum_conference_free);
  self->conference = g_steal_pointer (&conference);
  self->conference_id = conference_id;

  if (!same)
    {
      /* The attendee form's draft is this conference's. */
      if (self->attendee_draft == NULL)
        {
          self->attendee_draft = quorum_draft_new (self->store, conference_id, "attendee");
          quorum_draft_add_field (self->attendee_draft, "name", GTK_WIDGET (self->name_entry));
          quorum_draft_add_field (self->attendee_draft, "role", GTK_WIDGET (self->role_entry));
          quorum_draft_add_field (self->attendee_draft, "agency", GTK_WIDGET (self->agency_entry));
          quorum_draft_add_field (self->attendee_draft, "line-management", GTK_WIDGET (self->group_entry));
          /* After the role and agency, whose guess it then overrides when set by hand. */
          quorum_draft_add_value (self->attendee_draft, "voting", GTK_WIDGET (self->voting_check),
                                  voting_draft_get, voting_draft_set, self);
          quorum_draft_bind_marker (self->attendee_draft, self->attendee_draft_label);
          quorum_draft_restore (self->attendee_draft);
        }
      else
        quorum_draft_set_scope (self->attendee_draft, conference_id, "attendee");

      let_record_panel_go (self);
      rebuild_child_panels (self);
      update_completion (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CONFERENCE_ID]);
    }

  update_all (self);

  if (child_id != 0)
    quorum_conference_page_show_child (self, child_id);

  return TRUE;
}

gboolean
quorum_conference_page_load (QuorumConferencePage *self,
                             gint64                conference_id,
                             gint64                child_id,
                             GError              **error)
{
  gboolean ok;

  g_return_val_if_fail (QUORUM_IS_CONFERENCE_PAGE (self), FALSE);
  g_return_val_if_fail (QUORUM_IS_STORE (self->store), FALSE);

  /* A load asked for while the screen is being updated from the record (a field that stores
   * its words as it loses the focus, a card that records as it is rebuilt) must not free the
   * record the update is reading: it runs once the update is done. */
  if (self->loading)
    {
      self->pending_load = conference_id;
      return TRUE;
    }

  self->loading = TRUE;
  ok = load_once (self, conference_id, child_id, error);
  while (ok && self->pending_load != 0)
    {
      gint64 again = self->pending_load;

      self->pending_load = 0;
      ok = load_once (self, again, 0, error);
    }
  self->pending_load = 0;
  self->loading = FALSE;

  if (ok)
    g_signal_emit (self, signals [CHANGED], 0);

  return ok;
}

/* Every action starts here: what is being typed is stored (or kept as a draft) first, and
 * the action then reads the record as reloaded, never a pointer taken before. */
void
quorum_conference_page_commit_pending (QuorumConferencePage *self)
{
  g_return_if_fail (QUORUM_IS_CONFERENCE_PAGE (self));

  quorum_ui_commit_pending (GTK_WIDGET (self));
}

/* Projector mode: the header's details on one line (the window tells its page). */
void
quorum_conference_page_set_projecting (QuorumConferencePage *self,
                                       gboolean              projecting)
{
  g_return_if_fail (QUORUM_IS_CONFERENCE_PAGE (self));

  if (self->projecting == !!projecting)
    return;
  self->projecting = !!projecting;
  if (self->conference != NULL)
    update_header (self);
}

void
quorum_conference_page_reload (QuorumConferencePage *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (QUORUM_IS_CONFERENCE_PAGE (self));

  if (self->conference_id == 0)
    return;

  if (!quorum_conference_page_load (self, self->conference_id, 0, &error))
    quorum_ui_show_error (GTK_WIDGET (self), error);
}

gint64
quorum_conference_page_get_conference_id (QuorumConferencePage *self)
{
  g_return_val_if_fail (QUORUM_IS_CONFERENCE_PAGE (self), 0);

  return self->conference_id;
}

const QuorumConference *
quorum_conference_page_get_conference (QuorumConferencePage *self)
{
  g_return_val_if_fail (QUORUM_IS_CONFERENCE_PAGE (self), NULL);

  return self->conference;
}

gint64
quorum_conference_page_get_child_id (QuorumConferencePage *self)
{
  GtkWidget *panel;

  g_return_val_if_fail (QUORUM_IS_CONFERENCE_PAGE (self), 0);

  panel = gtk_stack_get_visible_child (self->child_stack);

  return panel != NULL ? (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (panel), "quorum-child-id")) : 0;
}

void
quorum_conference_page_show_child (QuorumConferencePage *self,
                                   gint64                child_id)
{
  g_autofree char *name = NULL;

  g_return_if_fail (QUORUM_IS_CONFERENCE_PAGE (self));

  name = g_strdup_printf ("child-%" G_GINT64_FORMAT, child_id);
  if (gtk_stack_get_child_by_name (self->child_stack, name) != NULL)
    gtk_stack_set_visible_child_name (self->child_stack, name);
}

QuorumChildPanel *
quorum_conference_page_get_child_panel (QuorumConferencePage *self,
                                        gint64                child_id)
{
  g_autofree char *name = NULL;
  GtkWidget *panel;

  g_return_val_if_fail (QUORUM_IS_CONFERENCE_PAGE (self), NULL);

  if (child_id == 0)
    panel = gtk_stack_get_visible_child (self->child_stack);
  else
    {
      name = g_strdup_printf ("child-%" G_GINT64_FORMAT, child_id);
      panel = gtk_stack_get_child_by_name (self->child_stack, name);
    }

  return panel != NULL ? ensure_panel (self, panel) : NULL;
}

void
quorum_conference_page_fill_attendee (QuorumConferencePage *self,
                                      const char           *name,
                                      const char           *role,
                                      const char           *agency,
                                      const char           *line_management,
                                      gboolean              voting,
                                      QuorumAttendance      attendance)
{
  g_return_if_fail (QUORUM_IS_CONFERENCE_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), name != NULL ? name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->role_entry), role != NULL ? role : "");
  gtk_editable_set_text (GTK_EDITABLE (self->agency_entry), agency != NULL ? agency : "");
  gtk_editable_set_text (GTK_EDITABLE (self->group_entry), line_management != NULL ? line_management : "");
  gtk_check_button_set_active (self->voting_check, voting);
  self->voting_set_by_hand = TRUE;
  gtk_drop_down_set_selected (self->attendance_dropdown,
                              attendance == QUORUM_ATTENDANCE_APOLOGIES ? 1 :
                              attendance == QUORUM_ATTENDANCE_REPORT_SENT ? 2 : 0);
}

/* ---- GObject ---- */

static void
quorum_conference_page_dispose (GObject *object)
{
  QuorumConferencePage *self = (QuorumConferencePage *)object;

  g_clear_handle_id (&self->build_source, g_source_remove);
  g_clear_handle_id (&self->dying_source, g_source_remove);
  g_clear_handle_id (&self->record_source, g_source_remove);
  g_clear_handle_id (&self->challenge_scroll_source, g_source_remove);
  g_clear_weak_pointer (&self->challenge_target);
  g_clear_handle_id (&self->tab_source, g_source_remove);
  g_clear_weak_pointer (&self->tab_left);
  g_clear_weak_pointer (&self->shown_panel);
  g_clear_weak_pointer (&self->panel_focus);
  g_clear_handle_id (&self->page_source, g_source_remove);
  g_clear_weak_pointer (&self->page_left);
  if (self->focus_root != NULL)
    g_clear_signal_handler (&self->focus_handler, self->focus_root);
  self->focus_root = NULL;
  if (anchor_pending (self))
    g_clear_signal_handler (&self->anchor_handler, self->anchor_clock);
  g_clear_object (&self->anchor_clock);
  forget_new_rows_handler (self);
  g_clear_pointer (&self->new_attendees, g_array_unref);
  stop_waiting_for_frame (self);
  g_clear_pointer (&self->dying, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_CONFERENCE_PAGE);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_first_child (GTK_WIDGET (self)))
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  g_clear_object (&self->conference_menu);
  g_clear_object (&self->reader_menu);
  g_clear_object (&self->attendees);
  g_clear_object (&self->amendments);
  g_clear_object (&self->line_managements);
  g_clear_object (&self->attendee_draft);
  g_clear_weak_pointer (&self->error_field);
  g_clear_pointer (&self->conference, quorum_conference_free);
  g_clear_pointer (&self->profile, quorum_profile_unref);

  G_OBJECT_CLASS (quorum_conference_page_parent_class)->dispose (object);
}

static void
quorum_conference_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  QuorumConferencePage *self = QUORUM_CONFERENCE_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_CONFERENCE_ID:
      g_value_set_int64 (value, self->conference_id);
      break;

    case PROP_CHILD_ID:
      g_value_set_int64 (value, quorum_conference_page_get_child_id (self));
      break;

    case PROP_TITLE:
      g_value_set_string (value, gtk_label_get_label (self->title_label));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_conference_page_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  QuorumConferencePage *self = QUORUM_CONFERENCE_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      quorum_conference_page_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_conference_page_root (GtkWidget *widget)
{
  QuorumConferencePage *self = QUORUM_CONFERENCE_PAGE (widget);

  GTK_WIDGET_CLASS (quorum_conference_page_parent_class)->root (widget);

  self->focus_root = gtk_widget_get_root (widget);
  self->focus_handler = g_signal_connect_object (self->focus_root, "notify::focus-widget",
                                                 G_CALLBACK (focus_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
quorum_conference_page_unroot (GtkWidget *widget)
{
  QuorumConferencePage *self = QUORUM_CONFERENCE_PAGE (widget);

  if (self->focus_root != NULL)
    g_clear_signal_handler (&self->focus_handler, self->focus_root);
  self->focus_root = NULL;

  GTK_WIDGET_CLASS (quorum_conference_page_parent_class)->unroot (widget);
}

/* Shown again after another of the window's pages: the focus where the chair was on the child,
 * once the window's stack has put it where it keeps it (an entry's grab selects its words; the
 * header's page switcher keeps it). */
static gboolean
page_back_cb (gpointer user_data)
{
  QuorumConferencePage *self = user_data;
  QuorumChildPanel *panel = self->page_left;

  self->page_source = 0;
  g_clear_weak_pointer (&self->page_left);
  if (panel != NULL && gtk_widget_get_mapped (GTK_WIDGET (panel)) &&
      panel == panel_of (gtk_stack_get_visible_child (self->child_stack)))
    quorum_child_panel_return_focus (panel, self->page_was_typing);
  return G_SOURCE_REMOVE;
}

static void
quorum_conference_page_map (GtkWidget *widget)
{
  QuorumConferencePage *self = QUORUM_CONFERENCE_PAGE (widget);

  /* The child panel shown lets its cards go as it is mapped (quorum_child_panel_map): the
   * chair records the words as ever. */
  GTK_WIDGET_CLASS (quorum_conference_page_parent_class)->map (widget);

  if (self->page_left != NULL && self->page_had_focus)
    {
      g_clear_handle_id (&self->page_source, g_source_remove);
      /* Before the keys that come next (a key's event waits behind it). */
      self->page_source = g_idle_add_full (G_PRIORITY_HIGH, page_back_cb, self, NULL);
    }
  else
    g_clear_weak_pointer (&self->page_left);
}

/* The window shows another of its pages (Alt+2, Alt+3, its page switcher, the list of
 * conferences in a narrow window): the chair is called away from the child, as by Ctrl+Page
 * Down. The reason half typed was recorded as the field lost the focus or went off the screen;
 * now it stays a draft, marked, and where the chair was is given back on their return
 * (docs/notes/live7.md). Before the fields are unmapped (the children after this), and before
 * the stack moves the focus. As the window closes (no longer mapped then) the same words stay a
 * draft too, written before the fields go. */
static void
quorum_conference_page_unmap (GtkWidget *widget)
{
  QuorumConferencePage *self = QUORUM_CONFERENCE_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  QuorumChildPanel *panel = NULL;

  if (root != NULL && gtk_widget_get_mapped (GTK_WIDGET (root)) && self->conference != NULL &&
      self->child_stack != NULL)
    panel = panel_of (gtk_stack_get_visible_child (self->child_stack));
  else if (root != NULL && self->conference != NULL && self->child_stack != NULL)
    {
      /* The window closing (unmapped before its children): a reason half typed is no more
       * finished than when the chair is called to another child. Its words are written now as
       * the card's draft, marked, and nothing is recorded; opened again, the board shows them
       * where they were (trial 9 A2, docs/notes/live8.md). */
      QuorumChildPanel *going = panel_of (gtk_stack_get_visible_child (self->child_stack));

      if (going != NULL)
        quorum_child_panel_leave (going, NULL);
    }
  if (panel != NULL)
    {
      GtkWidget *focus = gtk_root_get_focus (root);

      self->page_had_focus = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (panel));
      if (!self->page_had_focus)
        focus = NULL;
      self->page_was_typing = focus != NULL && quorum_ui_takes_words (focus);
      quorum_child_panel_leave (panel, focus);
      g_set_weak_pointer (&self->page_left, panel);
    }

  GTK_WIDGET_CLASS (quorum_conference_page_parent_class)->unmap (widget);
}

static void
quorum_conference_page_class_init (QuorumConferencePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = quorum_conference_page_dispose;
  object_class->get_property = quorum_conference_page_get_property;
  object_class->set_property = quorum_conference_page_set_property;
  widget_class->root = quorum_conference_page_root;
  widget_class->unroot = quorum_conference_page_unroot;
  widget_class->map = quorum_conference_page_map;
  widget_class->unmap = quorum_conference_page_unmap;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         QUORUM_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_CONFERENCE_ID] =
    g_param_spec_int64 ("conference-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_CHILD_ID] =
    g_param_spec_int64 ("child-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted after every load: the record may have changed (the list shows sign-off). */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "conference.add-attendee", NULL, add_attendee_action);
  gtk_widget_class_install_action (widget_class, "conference.new-attendee", NULL, new_attendee_action);
  gtk_widget_class_install_action (widget_class, "conference.edit-attendee", "x", edit_attendee_action);
  gtk_widget_class_install_action (widget_class, "conference.edit-attendee-again", CORRECTION_TYPE,
                                   edit_attendee_again_action);
  gtk_widget_class_install_action (widget_class, "conference.correct-attendee", CORRECTION_TYPE,
                                   correct_attendee_action);
  gtk_widget_class_install_action (widget_class, "conference.toggle-attendees", NULL, toggle_attendees_action);
  gtk_widget_class_install_action (widget_class, "conference.show-challenge", "x", show_challenge_action);
  gtk_widget_class_install_action (widget_class, "conference.proceed-inquorate", NULL, proceed_action);
  gtk_widget_class_install_action (widget_class, "conference.decide", NULL, decide_action);
  gtk_widget_class_install_action (widget_class, "conference.sign-off", NULL, sign_off_action);
  gtk_widget_class_install_action (widget_class, "conference.amend", NULL, amend_action);
  gtk_widget_class_install_action (widget_class, "conference.next-child", NULL, next_child_action);
  gtk_widget_class_install_action (widget_class, "conference.previous-child", NULL, previous_child_action);
  gtk_widget_class_install_action (widget_class, "conference.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "conference.print", NULL, print_action);

  /* Their keys (F9, Ctrl+T, Ctrl+D…) are the window's, so they work wherever the focus is:
   * see add_shortcuts() in quorum-window.c. */

  g_type_ensure (QUORUM_TYPE_CHILD_PANEL);
  g_type_ensure (QUORUM_TYPE_FOLD_BOX);
  g_type_ensure (QUORUM_TYPE_SCROLL_BIN);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/quorum_app/quorum/ui/quorum-conference-page.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumConferencePage, title_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumConferencePage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumConferencePage, attendees_count_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumConferencePage, attendees_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumConferencePage, menu_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumConferencePage, quoracy_revealer);
  gtk_widget_class_bind_template_child (widget_class, QuorumConferencePage, quoracy_box);
  gtk_widget_class_bind_template_child (widget_class, QuorumConferencePage, quoracy_icon);
  gtk_widget_class_bind_template_child (widget_class, QuorumConferencePage, quoracy_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumConferencePage, proceed_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumConferencePage, signed_revealer);
  gtk_widget_class_bind_template_child (widget_class, QuorumConferencePage, owner_revealer);
  gtk_widget_class_bind_template_child (widget_class, QuorumConferencePage, owner_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumConferencePage, amend_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumConferencePage, signed_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumConferencePage, amendments_scroller);
  gtk_widget_class_bind_template_child (widget_class, QuorumConferencePage, amendments_list);
  gtk_widget_class_bind_template_child (widget_class, QuorumConferencePage, amendments_summary);
  gtk_widget_class_bind_template_child (widget_class, QuorumConferencePage, amendments_button_stack);
  gtk_widget_class_bind_template_child (widget_class, QuorumConferencePage, amendments_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumConferencePage, flap);
  gtk_widget_class_bind_template_child (widget_class, QuorumConferencePage, attendee_form);
  gtk_widget_class_bind_template_child (widget_class, QuorumConferencePage, attendee_draft_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumConferencePage, name_entry);
  gtk_widget_class_bind_template_child (widget_class, QuorumConferencePage, role_entry);
  gtk_widget_class_bind_template_child (widget_class, QuorumConferencePage, agency_entry);
  gtk_widget_class_bind_template_child (widget_class, QuorumConferencePage, group_entry);
  gtk_widget_class_bind_template_child (widget_class, QuorumConferencePage, attendance_dropdown);
  gtk_widget_class_bind_template_child (widget_class, QuorumConferencePage, arrived_entry);
  gtk_widget_class_bind_template_child (widget_class, QuorumConferencePage, voting_check);
  gtk_widget_class_bind_template_child (widget_class, QuorumConferencePage, attendees_list);
  gtk_widget_class_bind_template_child (widget_class, QuorumConferencePage, new_above_note);
  gtk_widget_class_bind_template_child (widget_class, QuorumConferencePage, new_below_note);
  gtk_widget_class_bind_template_child (widget_class, QuorumConferencePage, child_switcher);
  gtk_widget_class_bind_template_child (widget_class, QuorumConferencePage, child_stack);
  gtk_widget_class_bind_template_callback (widget_class, attendee_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, amendments_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, role_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, attendance_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, voting_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, role_or_agency_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, visible_child_changed_cb);
}

static void
quorum_conference_page_init (QuorumConferencePage *self)
{
  g_autoptr(GtkEntryCompletion) completion = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->conference_menu = g_object_ref (gtk_menu_button_get_menu_model (self->menu_button));
  {
    GtkEventController *legacy = gtk_event_controller_legacy_new ();

    /* Before the tab's own click switches the child. */
    gtk_event_controller_set_propagation_phase (legacy, GTK_PHASE_CAPTURE);
    g_signal_connect_object (legacy, "event", G_CALLBACK (switcher_event_cb), self, G_CONNECT_SWAPPED);
    gtk_widget_add_controller (GTK_WIDGET (self->child_switcher), legacy);
  }
  /* "Conference created…" lay over Add Attendee: the whole form comes up out from under a toast. */
  quorum_window_keep_clear_of_toasts (self->attendee_form);

  self->dying = g_ptr_array_new_with_free_func (g_object_unref);
  self->new_attendees = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->attendees = g_list_store_new (QUORUM_TYPE_ATTENDEE_ITEM);
  self->amendments = g_list_store_new (QUORUM_TYPE_RECORD_ITEM);
  self->line_managements = gtk_list_store_new (1, G_TYPE_STRING);

  gtk_list_box_bind_model (self->attendees_list, G_LIST_MODEL (self->attendees),
                           create_attendee_row, self, NULL);
  gtk_list_box_set_header_func (self->attendees_list, attendees_header_func, self, NULL);
  {
    GtkEventController *motion = gtk_event_controller_motion_new ();

    g_signal_connect_object (motion, "enter", G_CALLBACK (attendees_pointer_cb), self, G_CONNECT_SWAPPED);
    g_signal_connect_object (motion, "motion", G_CALLBACK (attendees_pointer_cb), self, G_CONNECT_SWAPPED);
    g_signal_connect_object (motion, "leave", G_CALLBACK (attendees_pointer_left_cb), self, G_CONNECT_SWAPPED);
    gtk_widget_add_controller (GTK_WIDGET (self->attendees_list), motion);
  }
  gtk_list_box_bind_model (self->amendments_list, G_LIST_MODEL (self->amendments),
                           quorum_record_item_create_row, NULL, NULL);

  /* The record panel below the attendees is built after the first frame, or as soon as its
   * place is on the screen or the focus enters the pane. */
  {
    GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (self->attendees_list), GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
    GtkEventController *focus = gtk_event_controller_focus_new ();

    g_signal_connect_object (adjustment, "changed", G_CALLBACK (attendee_pane_scrolled_cb), self, G_CONNECT_SWAPPED);
    g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (attendee_pane_scrolled_cb), self, G_CONNECT_SWAPPED);
    g_signal_connect_object (adjustment, "changed", G_CALLBACK (attendees_scrolled_cb), self, G_CONNECT_SWAPPED);
    g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (attendees_scrolled_cb), self, G_CONNECT_SWAPPED);
    g_signal_connect_object (focus, "enter", G_CALLBACK (record_panel_wanted), self, G_CONNECT_SWAPPED);
    gtk_widget_add_controller (scroller, focus);
  }

  completion = new_line_management_completion (self);
  gtk_entry_set_completion (self->group_entry, completion);
  {
    GtkEventController *focus = gtk_event_controller_focus_new ();

    g_signal_connect_object (focus, "enter", G_CALLBACK (ensure_completion), self, G_CONNECT_SWAPPED);
    gtk_widget_add_controller (GTK_WIDGET (self->group_entry), focus);
  }

  g_signal_connect_object (self->name_entry, "changed", G_CALLBACK (attendee_field_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->agency_entry, "changed", G_CALLBACK (attendee_field_changed_cb), self, G_CONNECT_SWAPPED);

  quorum_ui_set_accessible_label (GTK_WIDGET (self->name_entry), _("Attendee’s name"));
  quorum_ui_set_accessible_label (GTK_WIDGET (self->role_entry), _("Attendee’s role"));
  quorum_ui_set_accessible_label (GTK_WIDGET (self->agency_entry), _("Attendee’s agency"));
  quorum_ui_set_accessible_label (GTK_WIDGET (self->arrived_entry), _("The time they arrived"));

  /* Under the vote box, shown while the form's guess (a family member) holds it unticked. */
  {
    GtkWidget *grid = gtk_widget_get_parent (GTK_WIDGET (self->voting_check));

    self->voting_note = gtk_label_new (_("Unticked: a family member attends without a vote"));
    gtk_widget_set_name (self->voting_note, "voting-note");
    gtk_label_set_wrap (GTK_LABEL (self->voting_note), TRUE);
    gtk_label_set_xalign (GTK_LABEL (self->voting_note), 0);
    gtk_widget_add_css_class (self->voting_note, "caption");
    gtk_widget_add_css_class (self->voting_note, "dim-label");
    gtk_widget_set_visible (self->voting_note, FALSE);
    gtk_grid_insert_next_to (GTK_GRID (grid), GTK_WIDGET (self->voting_check), GTK_POS_BOTTOM);
    gtk_grid_attach_next_to (GTK_GRID (grid), self->voting_note, GTK_WIDGET (self->voting_check), GTK_POS_BOTTOM, 1, 1);
    /* Read with the box by a screen reader, while it is shown. */
    gtk_accessible_update_relation (GTK_ACCESSIBLE (self->voting_check),
                                    GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->voting_note, NULL,
                                    -1);
  }
  quorum_ui_set_accessible_label (GTK_WIDGET (self->group_entry), _("Line-management structure the attendee reports through"));

  update_actions (self);
}
