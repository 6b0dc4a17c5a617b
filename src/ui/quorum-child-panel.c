/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-child-panel.c: the decision for one child of a conference. */

#define G_LOG_DOMAIN "quorum-child-panel"

#include <string.h>
#include <glib/gi18n.h>

#include "quorum-child-panel.h"
#include "quorum-conference-page.h"
#include "quorum-draft.h"
#include "quorum-fold-box.h"
#include "quorum-group-item.h"
#include "quorum-record-item.h"
#include "quorum-scroll-bin.h"
#include "quorum-text-field.h"
#include "quorum-text-row.h"
#include "quorum-ui-util.h"
#include "quorum-column.h"

struct _QuorumChildPanel
{
  GtkWidget        parent_instance;

  QuorumStore     *store;
  gboolean         may_vote;        /* the session records votes and decisions here: a chair's
                                     * role, and (a shared database) this conference's chair */
  gboolean         chair_role;      /* the session's role records votes and decisions */
  gboolean         roles_known;
  gint64           conference_id;
  gint64           child_id;
  char            *child_name;
  char            *chair;           /* the conference's chair: the name offered when none is set */
  QuorumProfile   *profile;
  gboolean         needs_chair_view;
  gboolean         chair_rule;        /* no vote: each group's view, then the chair decides */
  /* Where the child stands, as last shown: where the chair goes on (quorum_child_panel_focus_next_step). */
  gboolean         decided;
  gboolean         finalised;
  gboolean         consensus;
  gboolean         vote_open;

  GListStore      *attempts;
  GListStore      *groups;
  GListStore      *dissent;
  QuorumDraft     *attempt_draft;     /* the attempt form's words not yet recorded */

  GtkScrolledWindow *scroller;
  GtkBox          *content_box;
  GtkWidget       *decision_group;
  AdwPreferencesGroup *attempts_group;
  GtkListBox      *attempts_list;
  AdwPreferencesGroup *attempt_form;
  GtkWidget       *attempt_draft_label;
  GtkButton       *same_as_button;
  /* The previous sibling's last attempt, offered on this child's empty form ("Same as …"). */
  char            *same_as_name;
  char            *same_as_proposal;
  char            *same_as_summary;
  AdwEntryRow     *proposal_row;
  QuorumTextField *summary_field;
  QuorumTextField *views_field;
  AdwComboRow     *agreed_row;
  GtkWidget       *attempt_categories_row;
  GtkCheckButton  *attempt_neglect;
  GtkCheckButton  *attempt_physical;
  GtkCheckButton  *attempt_emotional;
  GtkCheckButton  *attempt_sexual;
  GtkWidget       *record_attempt_button;
  GtkWidget       *outcome_error_row;
  GtkWidget       *outcome_error_label;
  GtkWidget       *attempt_category_row;
  GtkLabel        *attempt_category_label;
  GtkWidget       *vote_section;
  GtkLabel        *vote_title;
  GtkLabel        *tally_label;
  GtkLabel        *vote_hint;
  GtkFlowBox      *vote_board;
  gboolean         board_read_only;
  gboolean         board_bound;       /* the cards are made (the board bound to the groups) */
  gboolean         board_deferred;    /* read-only cards to make once drawn, or when asked for */
  GdkFrameClock   *board_clock;
  /* The card the focus just went to, shown whole again once the frame is laid out (down to
   * whole_card_foot, when a refusal asks for something on it). */
  GtkWidget       *whole_card;
  GtkWidget       *whole_card_foot;
  GdkFrameClock   *whole_card_clock;
  gulong           whole_card_layout_id;
  gulong           board_layout_id;
  gulong           board_paint_id;
  guint            board_source;
  GtkWidget       *vote_closed_label;
  GtkStack        *decision_stack;
  GtkWidget       *pending_page;      /* built when first needed, as the attempt form */
  GtkBuilder      *attempt_builder;   /* each built part by its id (quorum_child_panel_get_part) */
  GtkBuilder      *pending_builder;
  GtkWidget       *chair_list;
  GtkToggleButton *chair_plan_button;
  GtkToggleButton *chair_no_plan_button;
  GtkWidget       *chair_categories_row;
  GtkCheckButton  *chair_neglect;
  GtkCheckButton  *chair_physical;
  GtkCheckButton  *chair_emotional;
  GtkCheckButton  *chair_sexual;
  GtkWidget       *chair_reason_row;
  QuorumTextField *chair_reason_field;
  GtkWidget       *chair_reason_draft_label;
  GtkWidget       *chair_choice_draft_label;
  GtkWidget       *chair_reason_error;
  QuorumDraft     *decision_draft;    /* the chair's reasons typed, not yet recorded */
  GtkWidget       *chair_error_row;
  GtkLabel        *chair_error_label;
  GtkLabel        *pending_label;
  GtkWidget       *decide_button;
  GtkWidget       *outcome_box;
  GtkLabel        *outcome_label;
  GtkLabel        *basis_label;
  GtkLabel        *chair_reason_label;
  GtkLabel        *left_view_label;
  GtkLabel        *decided_label;
  QuorumTextRow   *plan_row;
  QuorumTextRow   *referral_row;
  GtkWidget       *dissent_heading;
  GtkWidget       *challenge_button;
  GtkListBox      *dissent_list;
  /* Where the chair was on this child when they went to another (Ctrl+Page Down/Up), and the
   * caret there: given back when they come back (quorum_child_panel_return_focus). */
  GtkWidget       *left_focus;
  int              left_caret;
  /* Left for another child and not shown since: the words typed on its cards are drafts. */
  gboolean         away;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_CONFERENCE_ID,
  PROP_CHILD_ID,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

/* Nothing but white space, or nothing: no reason given. */
static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

G_DEFINE_FINAL_TYPE (QuorumChildPanel, quorum_child_panel, GTK_TYPE_WIDGET)

static void ensure_attempt_form (QuorumChildPanel *self);
static void ensure_pending_page (QuorumChildPanel *self);

static guint
read_categories (GtkCheckButton *neglect,
                 GtkCheckButton *physical,
                 GtkCheckButton *emotional,
                 GtkCheckButton *sexual)
{
  guint categories = 0;

  if (gtk_check_button_get_active (neglect))
    categories |= QUORUM_CATEGORY_NEGLECT;
  if (gtk_check_button_get_active (physical))
    categories |= QUORUM_CATEGORY_PHYSICAL;
  if (gtk_check_button_get_active (emotional))
    categories |= QUORUM_CATEGORY_EMOTIONAL;
  if (gtk_check_button_get_active (sexual))
    categories |= QUORUM_CATEGORY_SEXUAL;

  return categories;
}

static void
write_categories (guint           categories,
                  GtkCheckButton *neglect,
                  GtkCheckButton *physical,
                  GtkCheckButton *emotional,
                  GtkCheckButton *sexual)
{
  gtk_check_button_set_active (neglect, (categories & QUORUM_CATEGORY_NEGLECT) != 0);
  gtk_check_button_set_active (physical, (categories & QUORUM_CATEGORY_PHYSICAL) != 0);
  gtk_check_button_set_active (emotional, (categories & QUORUM_CATEGORY_EMOTIONAL) != 0);
  gtk_check_button_set_active (sexual, (categories & QUORUM_CATEGORY_SEXUAL) != 0);
}

/* The Outcome list's items, in order (quorum-child-panel.ui). */
enum {
  OUTCOME_UNCHOSEN,
  OUTCOME_NONE,
  OUTCOME_PLAN,
  OUTCOME_NO_PLAN,
};

static QuorumView
agreed_from_row (QuorumChildPanel *self)
{
  /* The first item is "Not chosen yet": see outcome_chosen (). */
  switch (adw_combo_row_get_selected (self->agreed_row))
    {
    case OUTCOME_PLAN:
      return QUORUM_VIEW_PLAN;
    case OUTCOME_NO_PLAN:
      return QUORUM_VIEW_NO_PLAN;
    default:
      return QUORUM_VIEW_NONE;
    }
}

static gboolean
outcome_chosen (QuorumChildPanel *self)
{
  guint selected = adw_combo_row_get_selected (self->agreed_row);

  return selected >= OUTCOME_NONE && selected <= OUTCOME_NO_PLAN;
}

static void
show_outcome_error (QuorumChildPanel *self,
                    gboolean          shown)
{
  GtkWidget *row = GTK_WIDGET (self->agreed_row);

  gtk_widget_set_visible (self->outcome_error_row, shown);
  if (shown)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                      self->outcome_error_label, NULL, -1);
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_FALSE, -1);
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);
    }
}

/* A consensus for a plan with no category ticked, said under the boxes as soon as the boxes are
 * shown; @refusal (the rule's words when Record was refused, NULL otherwise) says it as an error. */
static void
show_attempt_category (QuorumChildPanel *self,
                       const char       *refusal)
{
  gboolean missing = agreed_from_row (self) == QUORUM_VIEW_PLAN &&
                     read_categories (self->attempt_neglect, self->attempt_physical,
                                      self->attempt_emotional, self->attempt_sexual) == QUORUM_CATEGORY_NONE;
  GtkWidget *label = GTK_WIDGET (self->attempt_category_label);

  gtk_widget_set_visible (self->attempt_category_row, missing);
  if (refusal != NULL)
    gtk_label_set_text (self->attempt_category_label, refusal);
  else if (!missing)
    gtk_label_set_text (self->attempt_category_label,
                        _("No category of abuse ticked: a consensus for a plan is recorded under at least one"));
  if (missing && refusal != NULL)
    {
      gtk_widget_remove_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "error");
    }
  else if (!missing || !gtk_widget_has_css_class (label, "error"))
    {
      gtk_widget_remove_css_class (label, "error");
      gtk_widget_add_css_class (label, "dim-label");
    }
}

static void
attempt_category_toggled_cb (QuorumChildPanel *self)
{
  show_attempt_category (self, NULL);
}

/* What the chair must give before deciding, said under the chair's rows (a toast lay over the
 * very boxes it asked for); NULL hides it. */
static void
show_chair_error (QuorumChildPanel *self,
                  const char       *message)
{
  gtk_widget_set_visible (self->chair_error_row, message != NULL);
  if (message != NULL)
    {
      gtk_label_set_text (self->chair_error_label, message);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (self->chair_list), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                      self->chair_error_label, NULL, -1);
    }
  else
    gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->chair_list), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);
}

static void
chair_category_toggled_cb (QuorumChildPanel *self,
                           GtkCheckButton   *check)
{
  if (gtk_check_button_get_active (check))
    show_chair_error (self, NULL);
}

static char *
vote_scope (QuorumChildPanel *self,
            const char       *group)
{
  return g_strdup_printf ("child:%" G_GINT64_FORMAT ":vote:%s", self->child_id, group);
}
static QuorumVoteCard *card_at (QuorumChildPanel *self,
                                guint             position);

static GtkWidget *
create_card (gpointer item,
             gpointer user_data)
{
  QuorumChildPanel *self = user_data;
  /* Read-only from the start: a decided card never builds the controls it would not show. */
  GtkWidget *card = g_object_new (QUORUM_TYPE_VOTE_CARD,
                                  "read-only", self->board_read_only,
                                  "item", item,
                                  NULL);
  g_autofree char *scope = vote_scope (self, quorum_group_item_get_name (item));
  g_autoptr(QuorumDraft) draft = quorum_draft_new (self->store, self->conference_id, scope);

  /* A reason typed and not yet recorded (no view chosen yet, the window closed) is kept. */
  quorum_vote_card_set_draft (QUORUM_VOTE_CARD (card), draft);
  quorum_vote_card_set_away (QUORUM_VOTE_CARD (card), self->away);

  return card;
}

/* A decided or signed-off board is read, not greyed out: each card shows its view as text. */
static void
set_board_read_only (QuorumChildPanel *self,
                     gboolean          read_only)
{
  QuorumVoteCard *card;

  self->board_read_only = read_only;
  for (guint i = 0; (card = card_at (self, i)) != NULL; i++)
    quorum_vote_card_set_read_only (card, read_only);
}

static void
emit_changed (QuorumChildPanel *self)
{
  g_signal_emit (self, signals [CHANGED], 0);
}

static QuorumVoteCard *
card_at (QuorumChildPanel *self,
         guint             position)
{
  GtkFlowBoxChild *child = gtk_flow_box_get_child_at_index (self->vote_board, position);

  return child != NULL ? QUORUM_VOTE_CARD (gtk_flow_box_child_get_child (child)) : NULL;
}

/* ---- the board's cards, made when they can be seen ---- */

/* A read-only board (decided, signed off, or a reader's) below the decision and its dissent is
 * most often off the first screen, and its cards (a long reason each) were a third of laying
 * an opened conference out. Its cards are made when the board is drawn on the screen: at once
 * when its top is inside the panel's view after the frame's layout (the frame is laid out again
 * with them, before it is painted, so the first frame shows what it showed before), else once
 * the frame is painted; and at once whenever a caller asks for a card. An editable board's are
 * made with the panel, as before. */
static void stop_board_wait (QuorumChildPanel *self);

static void
ensure_board (QuorumChildPanel *self)
{
  if (self->board_bound)
    return;
  stop_board_wait (self);
  g_clear_handle_id (&self->board_source, g_source_remove);
  self->board_bound = TRUE;
  self->board_deferred = FALSE;
  gtk_flow_box_bind_model (self->vote_board, G_LIST_MODEL (self->groups), create_card, self, NULL);
  quorum_ui_fix_accessible_names (GTK_WIDGET (self->vote_board));
}

static gboolean
board_idle_cb (gpointer user_data)
{
  QuorumChildPanel *self = user_data;

  self->board_source = 0;
  ensure_board (self);
  return G_SOURCE_REMOVE;
}

/* Whether the board's top is inside the panel's view, as just laid out. */
static gboolean
board_on_screen (QuorumChildPanel *self)
{
  graphene_point_t top;

  if (!gtk_widget_is_drawable (GTK_WIDGET (self->vote_board)))
    return FALSE;
  if (!gtk_widget_compute_point (GTK_WIDGET (self->vote_board), GTK_WIDGET (self->scroller),
                                 &GRAPHENE_POINT_INIT (0, 0), &top))
    return TRUE;
  return top.y < gtk_widget_get_height (GTK_WIDGET (self->scroller));
}

static void
board_layout_cb (GdkFrameClock    *clock,
                 QuorumChildPanel *self)
{
  /* After GTK's own layout (connected after it): made now, the frame clock lays the frame out
   * again before painting it. */
  if (self->board_deferred && board_on_screen (self))
    ensure_board (self);
}

static void
board_painted_cb (GdkFrameClock    *clock,
                  QuorumChildPanel *self)
{
  stop_board_wait (self);
  if (self->board_deferred && self->board_source == 0)
    self->board_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, board_idle_cb, self, NULL);
}

static void
stop_board_wait (QuorumChildPanel *self)
{
  if (self->board_clock == NULL)
    return;
  g_clear_signal_handler (&self->board_layout_id, self->board_clock);
  g_clear_signal_handler (&self->board_paint_id, self->board_clock);
  g_clear_object (&self->board_clock);
}

static void
start_board_wait (QuorumChildPanel *self)
{
  GdkFrameClock *clock;

  if (!self->board_deferred || self->board_clock != NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (clock == NULL)
    return;
  self->board_clock = g_object_ref (clock);
  self->board_layout_id = g_signal_connect_after (clock, "layout", G_CALLBACK (board_layout_cb), self);
  self->board_paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (board_painted_cb), self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* Where @widget lies in the panel's scrolled content, in the content's own coordinates. */
static gboolean
bounds_in_content (QuorumChildPanel *self,
                   GtkWidget        *widget,
                   graphene_rect_t  *bounds)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  GtkWidget *content = gtk_scrolled_window_get_child (self->scroller);

  if (GTK_IS_VIEWPORT (content) && gtk_viewport_get_child (GTK_VIEWPORT (content)) != NULL)
    content = gtk_viewport_get_child (GTK_VIEWPORT (content));
  if (content == NULL || !gtk_widget_compute_bounds (widget, content, bounds))
    return FALSE;

  /* Unless the content is the viewport itself (then in the view's). */
  if (content == gtk_scrolled_window_get_child (self->scroller))
    bounds->origin.y += gtk_adjustment_get_value (adjustment);
  return TRUE;
}

/* The whole of @card in the panel's view (its top, when it is taller than the view), as the
 * focus goes to it: the scrolled window shows only the widget with the focus, and the next
 * group's Plan button came to the bottom edge with its categories and reason off the screen.
 *
 * With @foot (the field a refusal asks for, or what says so under it): the card's heading at
 * the top of the view and the card down to @foot below it, so the chair sees whose card she is
 * in and what it asks, clear of the toast at the window's foot. The view scrolled only as far as
 * the focus went, and the refused dissent's reason box stood at the top edge with its group's
 * name scrolled away (trial 7, A8). When the heading and @foot do not fit together, @foot at the
 * view's foot and as much of the card above it as fits. */
static void
show_whole_card (QuorumChildPanel *self,
                 GtkWidget        *card,
                 GtkWidget        *foot)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double page = gtk_adjustment_get_page_size (adjustment);
  graphene_rect_t bounds;
  graphene_rect_t foot_bounds;
  double top;
  double bottom;

  if (!bounds_in_content (self, card, &bounds))
    return;
  top = bounds.origin.y;

  if (foot == NULL || !gtk_widget_is_ancestor (foot, card) || !bounds_in_content (self, foot, &foot_bounds))
    {
      gtk_adjustment_clamp_page (adjustment, top, top + MIN (bounds.size.height, page));
      return;
    }

  /* A little room above the heading and below the foot. */
  top = MAX (top - 6, gtk_adjustment_get_lower (adjustment));
  bottom = foot_bounds.origin.y + foot_bounds.size.height + 12;
  gtk_adjustment_set_value (adjustment, bottom - top <= page ? top : bottom - page);
}

static void
stop_whole_card_wait (QuorumChildPanel *self)
{
  if (self->whole_card_clock != NULL)
    g_clear_signal_handler (&self->whole_card_layout_id, self->whole_card_clock);
  g_clear_object (&self->whole_card_clock);
  g_clear_weak_pointer (&self->whole_card);
  g_clear_weak_pointer (&self->whole_card_foot);
}

static void
whole_card_layout_cb (GdkFrameClock    *clock,
                      QuorumChildPanel *self)
{
  GtkWidget *card = self->whole_card;
  GtkWidget *foot = self->whole_card_foot;

  stop_whole_card_wait (self);
  if (card != NULL && gtk_widget_get_mapped (card) && gtk_widget_is_ancestor (card, GTK_WIDGET (self)))
    show_whole_card (self, card, foot);
}

/* show_whole_card () now, and again once the frame is laid out: the record just made changes
 * the card above (its draft marker goes) after the focus has moved, and the card was then
 * measured where it no longer was; a refusal's words under the field change its height. */
static void
show_whole_card_laid_out (QuorumChildPanel *self,
                          GtkWidget        *card,
                          GtkWidget        *foot)
{
  GdkFrameClock *clock;

  show_whole_card (self, card, foot);
  stop_whole_card_wait (self);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (clock == NULL)
    return;
  g_set_weak_pointer (&self->whole_card, card);
  g_set_weak_pointer (&self->whole_card_foot, foot);
  self->whole_card_clock = g_object_ref (clock);
  self->whole_card_layout_id = g_signal_connect_after (clock, "layout", G_CALLBACK (whole_card_layout_cb), self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* Whether the scrolled window scrolls to the focus: set, and what it was. */
static gboolean
set_scroll_to_focus (QuorumChildPanel *self,
                     gboolean          scrolls)
{
  GtkWidget *viewport = gtk_scrolled_window_get_child (self->scroller);
  gboolean was;

  if (!GTK_IS_VIEWPORT (viewport))
    return FALSE;
  was = gtk_viewport_get_scroll_to_focus (GTK_VIEWPORT (viewport));
  gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (viewport), scrolls);
  return was;
}

/* Gives @widget the focus without the scrolled window's own scroll to it: that scroll is
 * animated (GtkAdjustment's animation, with animations on, as in the app and not in the
 * tests), and its frames then scrolled back from the whole card to the Plan button at the
 * bottom edge (trial 6). */
static gboolean
grab_focus_unscrolled (QuorumChildPanel *self,
                       GtkWidget        *widget)
{
  gboolean scrolls = set_scroll_to_focus (self, FALSE);
  gboolean grabbed;

  grabbed = gtk_widget_grab_focus (widget);
  if (scrolls)
    set_scroll_to_focus (self, TRUE);
  return grabbed;
}

/* The next card still waiting for a view, or for the words in its reason box to be recorded
 * (a draft given back after a restart: Ctrl+Enter went past it to the decision, which then
 * refused for want of the reason shown there; trial 8), from @start on (then from the first);
 * every view and reason given, the decision, which is what comes next. */
static void
focus_waiting_card (QuorumChildPanel *self,
                    guint             start)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->groups));

  ensure_board (self);
  for (guint k = 0; k < n; k++)
    {
      guint i = (start + k) % n;
      g_autoptr(QuorumGroupItem) item = g_list_model_get_item (G_LIST_MODEL (self->groups), i);
      QuorumVoteCard *card = card_at (self, i);
      gboolean grabbed = FALSE;

      if (card == NULL)
        continue;
      if (quorum_group_item_get_view (item) == QUORUM_VIEW_NONE)
        grabbed = grab_focus_unscrolled (self, GTK_WIDGET (card));
      else if (quorum_vote_card_get_reason_waiting (card))
        {
          gboolean scrolls = set_scroll_to_focus (self, FALSE);

          grabbed = quorum_ui_focus_at_end (GTK_WIDGET (quorum_vote_card_get_reason_field (card)));
          if (scrolls)
            set_scroll_to_focus (self, TRUE);
        }
      if (grabbed)
        {
          show_whole_card_laid_out (self, GTK_WIDGET (card), NULL);
          return;
        }
    }

  ensure_pending_page (self);
  if (self->needs_chair_view && gtk_widget_grab_focus (GTK_WIDGET (self->chair_plan_button)))
    return;

  gtk_widget_grab_focus (self->decide_button);
}

/* Shows the top of the panel: the decision, once taken, is first there. */
static void
scroll_to_top (QuorumChildPanel *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
}

/* ---- actions ---- */

static void
record_attempt_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  QuorumChildPanel *self = QUORUM_CHILD_PANEL (widget);
  g_autofree char *proposal = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *views = NULL;
  g_autoptr(GError) error = NULL;
  QuorumAttemptSpec spec = { 0 };

  ensure_attempt_form (self);
  proposal = quorum_ui_editable_get_text (GTK_EDITABLE (self->proposal_row));
  summary = quorum_text_field_get_text (self->summary_field);
  views = quorum_text_field_get_text (self->views_field);

  quorum_ui_commit_pending (widget);

  /* The record says what the chair chose: no outcome taken for granted (Ctrl+Enter recorded
   * "No consensus", the list's first item, when nothing was chosen). Said under the Outcome,
   * with the focus there to choose it; nothing recorded. */
  if (!outcome_chosen (self))
    {
      show_outcome_error (self, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->agreed_row));
      return;
    }

  spec.child_id = self->child_id;
  spec.proposal = proposal;
  spec.summary = summary;
  spec.views = views;
  spec.agreed = agreed_from_row (self);
  spec.categories = spec.agreed == QUORUM_VIEW_PLAN
    ? read_categories (self->attempt_neglect, self->attempt_physical,
                       self->attempt_emotional, self->attempt_sexual)
    : 0;

  /* A plan agreed with no category of abuse: the rule's words under the boxes, the focus on the
   * first of them; nothing recorded (trial 9, D2: it was recorded with none). */
  if (!quorum_check_attempt_outcome (spec.agreed, spec.categories, &error))
    {
      if (spec.agreed == QUORUM_VIEW_PLAN)
        {
          show_attempt_category (self, error->message);
          gtk_widget_grab_focus (GTK_WIDGET (self->attempt_neglect));
        }
      else
        quorum_ui_show_error (widget, error);
      return;
    }

  /* The record names who wrote it: with no name kept, asked first (nothing written till then). */
  if (quorum_ui_ask_name_first (widget, self->store, action_name, param))
    return;
  if (quorum_store_add_attempt (self->store, self->conference_id, &spec, &error) <= 0)
    {
      quorum_ui_show_error (widget, error);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->proposal_row), "");
  quorum_text_field_set_text (self->summary_field, NULL);
  quorum_text_field_set_text (self->views_field, NULL);
  quorum_draft_discard (self->attempt_draft);
  adw_combo_row_set_selected (self->agreed_row, OUTCOME_UNCHOSEN);
  write_categories (0, self->attempt_neglect, self->attempt_physical,
                    self->attempt_emotional, self->attempt_sexual);

  if (spec.agreed == QUORUM_VIEW_NONE && self->chair_rule)
    quorum_ui_toast (widget, _("No consensus recorded: record each group’s view, then the chair decides"));
  else if (spec.agreed == QUORUM_VIEW_NONE)
    quorum_ui_toast (widget, _("No consensus recorded: the vote is open"));
  else
    quorum_ui_toast (widget, _("Consensus recorded: take the decision"));

  emit_changed (self);

  /* The form just recorded is gone or emptied: on to what comes next, the vote or the decision. */
  if (spec.agreed == QUORUM_VIEW_NONE)
    focus_waiting_card (self, 0);
  else
    {
      ensure_pending_page (self);
      gtk_widget_grab_focus (self->decide_button);
    }
}

static void
record_vote_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  QuorumChildPanel *self = QUORUM_CHILD_PANEL (widget);
  g_autoptr(GError) error = NULL;
  const char *group = NULL;
  const char *view_str = NULL;
  const char *reason = NULL;
  QuorumVoteSpec spec = { 0 };
  QuorumView view = QUORUM_VIEW_NONE;
  guint categories = 0;
  gboolean disagreed = FALSE;

  g_variant_get (param, "(&s&su&sb)", &group, &view_str, &categories, &reason, &disagreed);

  if (!quorum_view_from_string (view_str, &view))
    {
      g_critical ("Unknown view “%s”", view_str);
      return;
    }

  spec.child_id = self->child_id;
  spec.group = group;
  spec.view = view;
  spec.categories = categories;
  spec.reason = reason != NULL && *reason != '\0' ? reason : NULL;
  /* The card's field: the store refuses a changed view with the old one's words (the card
   * records a change without them, and confirms them by a second record). */
  spec.reason_may_be_old = TRUE;
  spec.members_disagreed = disagreed;

  /* The record names who wrote it: with no name kept, asked first (nothing written till then). */
  if (!quorum_ui_ask_name_first (widget, self->store, action_name, param) &&
      quorum_store_record_vote (self->store, self->conference_id, &spec, &error) <= 0)
    quorum_ui_show_error (widget, error);

  /* Either way the board shows what is stored now: a refused view goes back. */
  emit_changed (self);
}

/* One representative's own position where their group could not agree (DOMAIN "Reaching a
 * decision" 2 and 6), recorded at once as the card's view is. */
static void
record_member_view_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  QuorumChildPanel *self = QUORUM_CHILD_PANEL (widget);
  g_autoptr(GError) error = NULL;
  const char *view_str = NULL;
  const char *reason = NULL;
  QuorumMemberViewSpec spec = { 0 };
  gint64 attendee_id = 0;
  guint categories = 0;
  gboolean confirmed = FALSE;

  g_variant_get (param, "(x&su&sb)", &attendee_id, &view_str, &categories, &reason, &confirmed);

  if (!quorum_view_from_string (view_str, &spec.view))
    {
      g_critical ("Unknown view “%s”", view_str);
      return;
    }

  spec.child_id = self->child_id;
  spec.attendee_id = attendee_id;
  spec.categories = categories;
  spec.reason = reason != NULL && *reason != '\0' ? reason : NULL;
  spec.reason_may_be_old = !confirmed;   /* the row's field, unless Enter confirmed it */

  /* The record names who wrote it: with no name kept, asked first (nothing written till then). */
  if (!quorum_ui_ask_name_first (widget, self->store, action_name, param) &&
      quorum_store_record_member_view (self->store, self->conference_id, &spec, &error) <= 0)
    quorum_ui_show_error (widget, error);

  /* Either way the board shows what is stored now. */
  emit_changed (self);
}

static char *
format_outcome (QuorumView outcome,
                guint      categories)
{
  g_autofree char *cats = NULL;

  if (outcome != QUORUM_VIEW_PLAN)
    return g_strdup (_("No child protection plan"));

  cats = quorum_ui_format_categories (categories);
  if (*cats != '\0')
    return g_strdup_printf (_("Child protection plan: %s"), cats);

  return g_strdup (_("Child protection plan"));
}

static char *
format_basis (QuorumBasis basis,
              int         n_plan,
              int         n_no_plan,
              int         n_declined)
{
  switch (basis)
    {
    case QUORUM_BASIS_CONSENSUS:
      return g_strdup (_("By consensus"));
    case QUORUM_BASIS_MAJORITY:
      return g_strdup_printf (_("By majority of line-management groups: %d for a plan, %d for no plan, %d declined"),
                              n_plan, n_no_plan, n_declined);
    case QUORUM_BASIS_SPLIT:
      return g_strdup_printf (_("Split vote, %d for a plan and %d for no plan (%d declined): the child becomes subject of a plan and the matter goes to the Head of Service"),
                              n_plan, n_no_plan, n_declined);
    case QUORUM_BASIS_CHAIR:
      return g_strdup (_("Decided by the chair, as this policy provides when there is no consensus"));
    default:
      return g_strdup (quorum_basis_get_label (basis));
    }
}

static char *
format_dissent (const QuorumConference *conference,
                gint64                  child_id,
                const QuorumDissent    *dissent)
{
  g_autofree char *view = quorum_ui_format_view (dissent->view, dissent->categories);
  g_autofree char *names = dissent->representatives != NULL
    ? g_strjoinv (_(", "), dissent->representatives) : g_strdup ("");

  /* The group settled on the outcome's view: each representative whose own position differs,
   * named with their group, as the record names them; never the group as if it dissented. */
  if (conference != NULL && !quorum_conference_dissent_is_group (conference, child_id, dissent))
    {
      g_autoptr(GPtrArray) own = quorum_conference_member_views (conference, child_id, dissent->group);
      const QuorumVote *vote = quorum_conference_find_current_vote (conference, child_id, dissent->group);
      g_autofree char *settled = quorum_ui_format_view (vote->view, vote->categories);
      g_autofree char *differs =
        g_strdup_printf (_("The view the group settled on, %s, is the outcome’s; this representative’s own position differs from it."),
                         settled);
      g_autoptr(GString) lines = g_string_new (NULL);

      for (guint m = 0; m < own->len; m++)
        {
          const QuorumMemberView *mv = g_ptr_array_index (own, m);
          g_autofree char *position = NULL;
          g_autofree char *heading = NULL;

          if (mv->view != dissent->view)
            continue;
          position = quorum_ui_format_view (mv->view, mv->categories);
          heading = g_strdup_printf (_("%s (%s): %s"), mv->name != NULL ? mv->name : "", dissent->group, position);
          if (lines->len > 0)
            g_string_append (lines, "\n• ");
          if (mv->reason != NULL && *mv->reason != '\0')
            g_string_append_printf (lines, _("%s — “%s”"), heading, mv->reason);
          else
            g_string_append_printf (lines, _("%s — no reason given"), heading);
          g_string_append_printf (lines, "\n  %s", differs);
        }
      if (lines->len > 0)
        return g_string_free (g_steal_pointer (&lines), FALSE);
    }

  if (dissent->reason != NULL && *dissent->reason != '\0')
    /* Translators: a dissenting group, its representatives, its view, then its reason in its own words */
    return g_strdup_printf (_("%s (%s): %s — “%s”"), dissent->group, names, view, dissent->reason);

  return g_strdup_printf (_("%s (%s): %s — no reason given"), dissent->group, names, view);
}

/* What will be recorded, in the words the record will use: outcome, basis, tally, each
 * dissent with its reason, the plan, the referral's due date, and who decides. */
char *
quorum_child_panel_format_preview (QuorumChildPanel    *self,
                                   const QuorumOutcome *outcome,
                                   const char          *decided_by)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *what = format_outcome (outcome->outcome, outcome->categories);
  g_autofree char *basis = format_basis (outcome->basis, outcome->n_plan, outcome->n_no_plan, outcome->n_declined);
  g_autoptr(QuorumConference) conference = NULL;

  g_return_val_if_fail (QUORUM_IS_CHILD_PANEL (self), NULL);

  /* The record as stored now: the groups' views and their representatives' own positions, and
   * who left before giving a view. */
  conference = quorum_store_load_conference (self->store, self->conference_id, NULL);

  g_string_append_printf (text, _("Outcome: %s\n"), what);
  g_string_append_printf (text, _("Basis: %s\n"), basis);
  /* Why the chair decided as they did, as typed: recorded with the decision (002 §4.1). */
  if (outcome->basis == QUORUM_BASIS_CHAIR)
    {
      g_autofree char *reason = NULL;

      ensure_pending_page (self);
      reason = quorum_text_field_get_text (self->chair_reason_field);

      g_string_append_printf (text, _("The chair’s reasons: “%s”\n"), reason != NULL ? reason : "");
    }
  /* Under a chair-decides policy there is no vote: the groups' views, not a tally the chair broke. */
  if (outcome->basis == QUORUM_BASIS_CHAIR)
    /* Translators: the groups' views recorded before the chair decided, e.g. "Views: 2 plan · 2 no plan · 0 declined" */
    g_string_append_printf (text, _("Views: %d plan · %d no plan · %d declined\n"),
                            outcome->n_plan, outcome->n_no_plan, outcome->n_declined);
  else if (outcome->basis != QUORUM_BASIS_CONSENSUS)
    g_string_append_printf (text, _("Tally: Plan %d · No plan %d · Declined %d\n"),
                            outcome->n_plan, outcome->n_no_plan, outcome->n_declined);

  if (outcome->dissent != NULL && outcome->dissent->len > 0)
    {
      g_string_append (text, outcome->basis == QUORUM_BASIS_CHAIR
                             ? _("Dissent (the views that differ from the chair’s decision), recorded with it:\n")
                             : _("Dissent, recorded with the decision:\n"));
      for (guint i = 0; i < outcome->dissent->len; i++)
        {
          g_autofree char *line = format_dissent (conference, self->child_id,
                                                  g_ptr_array_index (outcome->dissent, i));

          g_string_append_printf (text, "• %s\n", line);
        }
    }
  else
    g_string_append (text, _("Dissent: none\n"));

  /* A group whose representatives all left before giving its view has none: said before the
   * chair confirms, in the record's words (core's rule, as the decided record and the PDF). */
  if (conference != NULL)
    {
      g_auto(GStrv) without = quorum_conference_left_without_view (conference, self->child_id);

      if (without[0] != NULL)
        {
          g_autofree char *names = g_strjoinv (_(", "), without);

          /* Translators: as in the decided record, e.g. "No view: left before giving it: GP" */
          g_string_append_printf (text, _("No view: left before giving it: %s"), names);
          g_string_append_c (text, '\n');
        }
    }

  if (outcome->creates_plan)
    {
      g_autofree char *start = quorum_ui_format_date (&outcome->plan_start);

      if (outcome->plan_from_split)
        g_string_append_printf (text, _("Plan: starts %s, made by the split decision\n"), start);
      else
        g_string_append_printf (text, _("Plan: starts %s\n"), start);
    }

  if (outcome->creates_referral)
    {
      g_autofree char *due = quorum_ui_format_date (&outcome->referral_due);

      g_string_append_printf (text, _("Referral to the Head of Service: due by %s\n"), due);
    }

  /* Without a name, the dialog asks it beneath. */
  if (decided_by != NULL)
    g_string_append_printf (text, _("Decided by: %s"), decided_by);
  else if (text->len > 0 && text->str[text->len - 1] == '\n')
    g_string_truncate (text, text->len - 1);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The chair's view kept in the decision's draft: "plan", "no-plan", or nothing chosen (NULL). */
static char *
chair_view_draft_get (gpointer user_data)
{
  QuorumChildPanel *self = user_data;

  if (gtk_toggle_button_get_active (self->chair_plan_button))
    return g_strdup ("plan");
  if (gtk_toggle_button_get_active (self->chair_no_plan_button))
    return g_strdup ("no-plan");
  return NULL;
}

static void
chair_view_draft_set (const char *text,
                      gpointer    user_data)
{
  QuorumChildPanel *self = user_data;

  gtk_toggle_button_set_active (self->chair_plan_button, g_strcmp0 (text, "plan") == 0);
  gtk_toggle_button_set_active (self->chair_no_plan_button, g_strcmp0 (text, "no-plan") == 0);
}

/* The categories ticked, kept by their keys ("neglect,emotional"); NULL: none. */
static char *
chair_categories_draft_get (gpointer user_data)
{
  QuorumChildPanel *self = user_data;
  GtkCheckButton *checks[] = { self->chair_neglect, self->chair_physical, self->chair_emotional, self->chair_sexual };
  static const char *keys[] = { "neglect", "physical", "emotional", "sexual" };
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    if (gtk_check_button_get_active (checks[i]))
      g_string_append_printf (out, "%s%s", out->len > 0 ? "," : "", keys[i]);

  return out->len > 0 ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

static void
chair_categories_draft_set (const char *text,
                            gpointer    user_data)
{
  QuorumChildPanel *self = user_data;
  GtkCheckButton *checks[] = { self->chair_neglect, self->chair_physical, self->chair_emotional, self->chair_sexual };
  static const char *keys[] = { "neglect", "physical", "emotional", "sexual" };
  g_auto(GStrv) kept = g_strsplit (text != NULL ? text : "", ",", -1);

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    gtk_check_button_set_active (checks[i], g_strv_contains ((const char * const *) kept, keys[i]));
}

/* The decision recorded as it was shown: the toast says it, and the focus goes to it. */
static void
decision_recorded (QuorumChildPanel    *self,
                   const QuorumOutcome *outcome)
{
  g_autofree char *message = NULL;

  if (outcome->creates_referral)
    {
      g_autofree char *due = quorum_ui_format_date (&outcome->referral_due);

      message = g_strdup_printf (_("Decision recorded for %s: split vote, so a plan; referral due by %s"),
                                 self->child_name, due);
    }
  else
    message = g_strdup_printf (_("Decision recorded for %s: %s"),
                               self->child_name,
                               outcome->outcome == QUORUM_VIEW_PLAN
                                 ? _("a child protection plan") : _("no plan"));
  quorum_ui_toast (GTK_WIDGET (self), message);

  emit_changed (self);

  /* The result is what the room must see: the decision, at the top, with the focus. The
   * stack's page change gave the focus to its first label, selecting all of it: unselected. */
  gtk_widget_grab_focus (self->outcome_box);
  gtk_label_select_region (self->outcome_label, 0, 0);
  gtk_label_select_region (self->basis_label, 0, 0);
  scroll_to_top (self);
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     QuorumChildPanel *self)
{
  const QuorumOutcome *previewed = g_object_get_data (G_OBJECT (dialog), "quorum-preview");
  QuorumView chair_view = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "quorum-chair-view"));
  guint chair_categories = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "quorum-chair-categories"));
  const char *chair_reason = g_object_get_data (G_OBJECT (dialog), "quorum-chair-reason");
  gboolean asked_name = g_object_get_data (G_OBJECT (dialog), "quorum-name-entry") != NULL;
  g_autoptr(QuorumOutcome) outcome = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "record") != 0)
    {
      /* Back where the chair was: nothing recorded, nor the name typed. */
      gtk_widget_grab_focus (self->decide_button);
      return;
    }

  /* The response is off while the name is blank. The record names them; the Preferences keep
   * the name once the decision is recorded (refused, nothing is kept). */
  name = asked_name ? quorum_ui_dialog_dup_name (dialog) : NULL;
  if (asked_name && name == NULL)
    return;
  if (name != NULL)
    quorum_store_set_signer (self->store, name);

  outcome = quorum_store_decide_previewed (self->store, self->conference_id, self->child_id,
                                           chair_view, chair_categories, chair_reason, previewed,
                                           NULL, NULL, &error);
  if (outcome == NULL)
    {
      if (name != NULL)
        quorum_store_set_signer (self->store, NULL);
      quorum_ui_show_error (GTK_WIDGET (self), error);
      emit_changed (self);
      return;
    }
  if (name != NULL)
    quorum_ui_keep_name (self->store, name);

  /* The chair's decision (choice, categories, reasons) is the record's now: no longer a draft. */
  quorum_text_field_set_text (self->chair_reason_field, NULL);
  chair_view_draft_set (NULL, self);
  chair_categories_draft_set (NULL, self);
  quorum_draft_discard (self->decision_draft);

  decision_recorded (self, outcome);
}

/* What a refused decision asks of @card (@foot, the part that says it, asked for with the
 * scrolled window's own animated scroll turned off: @scrolls, whether it was on): the card shown
 * below its heading down to @foot, the toast clear of them. Whether there was anything to show. */
static gboolean
show_what_card_asks (QuorumChildPanel *self,
                     gboolean          scrolls,
                     QuorumVoteCard   *card,
                     GtkWidget        *foot)
{
  if (scrolls)
    set_scroll_to_focus (self, TRUE);
  if (foot == NULL)
    return FALSE;
  show_whole_card_laid_out (self, GTK_WIDGET (card), foot);
  quorum_ui_toast_about (GTK_WIDGET (card), foot);
  return TRUE;
}

/* The decision was refused for a dissent without its reason: the focus goes to the reason box of
 * the (first) group that needs one, where the chair types it, its card saying so under it, and
 * the card's heading and box in view. Whether it went there. */
static gboolean
focus_missing_reason (QuorumChildPanel *self,
                      QuorumView        chair_view,
                      guint             chair_categories)
{
  g_autoptr(QuorumConference) conference = NULL;
  g_autoptr(QuorumCalendar) calendar = NULL;
  g_auto(GStrv) groups = NULL;
  QuorumVoteCard *card;
  GtkWidget *foot;
  gboolean scrolls;

  if (self->profile == NULL)
    return FALSE;
  conference = quorum_store_load_conference (self->store, self->conference_id, NULL);
  calendar = quorum_store_get_calendar (self->store, self->profile->region, NULL);
  if (conference == NULL || calendar == NULL)
    return FALSE;

  groups = quorum_decide_dissent_without_reason (conference, self->profile, calendar, self->child_id,
                                                 chair_view, chair_categories);
  if (groups == NULL || groups[0] == NULL)
    return FALSE;

  card = quorum_child_panel_get_card (self, groups[0]);
  if (card == NULL || quorum_vote_card_get_read_only (card))
    return FALSE;

  scrolls = set_scroll_to_focus (self, FALSE);
  foot = quorum_vote_card_ask_dissent_reason (card);
  return show_what_card_asks (self, scrolls, card, foot);
}

/* The decision was refused for a representative's own position not recorded where their group
 * could not agree (core's rule): their card says whose, under the representatives, and the focus
 * goes to the position to record, the card's heading and their row in view. Whether it went
 * there. */
static gboolean
focus_missing_position (QuorumChildPanel *self)
{
  g_autoptr(QuorumConference) conference = NULL;
  g_autoptr(GArray) missing = NULL;
  const QuorumAttendee *attendee;
  QuorumVoteCard *card;
  GtkWidget *foot;
  gboolean scrolls;

  conference = quorum_store_load_conference (self->store, self->conference_id, NULL);
  if (conference == NULL)
    return FALSE;
  missing = quorum_decide_missing_positions (conference, self->child_id);
  if (missing->len == 0)
    return FALSE;
  attendee = quorum_conference_find_attendee (conference, g_array_index (missing, gint64, 0));
  card = attendee != NULL ? quorum_child_panel_get_card (self, attendee->line_management) : NULL;
  if (card == NULL)
    return FALSE;
  scrolls = set_scroll_to_focus (self, FALSE);
  foot = quorum_vote_card_ask_member_position (card, attendee->id);
  return show_what_card_asks (self, scrolls, card, foot);
}

/* The groups whose view on the board is a plan with no category of abuse, quoted and joined
 * ("“Police”, “Education”"), or NULL when there are none. */
static char *
plans_without_category (QuorumChildPanel *self)
{
  g_autoptr(GString) names = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->groups));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumGroupItem) item = g_list_model_get_item (G_LIST_MODEL (self->groups), i);

      if (quorum_group_item_get_view (item) != QUORUM_VIEW_PLAN ||
          quorum_group_item_get_categories (item) != QUORUM_CATEGORY_NONE)
        continue;
      if (names == NULL)
        names = g_string_new (NULL);
      else
        g_string_append (names, _(", "));
      /* Translators: a group's name in quotes */
      g_string_append_printf (names, _("“%s”"), quorum_group_item_get_name (item));
    }

  return names != NULL ? g_string_free (g_steal_pointer (&names), FALSE) : NULL;
}

static void
decide_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  QuorumChildPanel *self = QUORUM_CHILD_PANEL (widget);
  g_autoptr(QuorumOutcome) preview = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *body = NULL;
  QuorumView chair_view = QUORUM_VIEW_NONE;
  guint chair_categories = 0;
  g_autofree char *chair_reason = NULL;
  g_autofree char *no_category = NULL;
  GtkWindow *parent;
  AdwMessageDialog *dialog;
  GtkWidget *label;
  GtkWidget *extra;
  gboolean ask_name;
  g_autofree char *shown_signer = NULL;

  ensure_pending_page (self);
  /* A reason still being typed is part of what is decided on: stored first. */
  quorum_ui_commit_pending (widget);

  if (self->needs_chair_view)
    {
      if (gtk_toggle_button_get_active (self->chair_plan_button))
        chair_view = QUORUM_VIEW_PLAN;
      else if (gtk_toggle_button_get_active (self->chair_no_plan_button))
        chair_view = QUORUM_VIEW_NO_PLAN;

      if (chair_view == QUORUM_VIEW_NONE)
        {
          show_chair_error (self, _("Choose the chair’s decision, plan or no plan, first"));
          gtk_widget_grab_focus (GTK_WIDGET (self->chair_plan_button));
          return;
        }

      show_chair_error (self, NULL);
      if (chair_view == QUORUM_VIEW_PLAN)
        chair_categories = read_categories (self->chair_neglect, self->chair_physical,
                                            self->chair_emotional, self->chair_sexual);
      /* A plan is under a category of abuse (core's rule): asked for before anything is shown. */
      if (!quorum_check_chair_plan (chair_view, chair_categories, &error))
        {
          show_chair_error (self, error->message);
          gtk_widget_grab_focus (GTK_WIDGET (self->chair_neglect));
          return;
        }
      chair_reason = quorum_text_field_get_text (self->chair_reason_field);
    }

  /* The rule run on the record as stored now, writing nothing: what the chair confirms. */
  preview = quorum_store_preview_decision (self->store, self->conference_id, self->child_id,
                                           chair_view, chair_categories, &error);
  if (preview == NULL)
    {
      GtkWidget *page = gtk_widget_get_ancestor (widget, QUORUM_TYPE_CONFERENCE_PAGE);

      /* An inquorate conference goes ahead only with its reason: ask, then decide. */
      if (g_error_matches (error, QUORUM_ERROR, QUORUM_ERROR_INQUORATE) && page != NULL)
        quorum_conference_page_ask_proceed (QUORUM_CONFERENCE_PAGE (page), self->child_id);
      else
        {
          quorum_ui_show_error (widget, error);
          /* A representative's own position missing, or a dissent without its reason: the
           * chair is taken to where it is given. */
          if (g_error_matches (error, QUORUM_ERROR, QUORUM_ERROR_INVALID) &&
              !focus_missing_position (self))
            focus_missing_reason (self, chair_view, chair_categories);
        }
      return;
    }

  /* The record says why the chair decided as they did (002 §4.1; core's rule, which the store
   * applies too): asked for under the field, with the focus in it, before anything is shown. */
  if (self->needs_chair_view &&
      !quorum_check_decision_reason (preview, self->child_name, chair_reason, &error))
    {
      /* Blank: the field's own words; anything else (a character that would deceive a reader,
       * too long): the rule's. */
      if (!is_blank (chair_reason))
        gtk_label_set_text (GTK_LABEL (self->chair_reason_error), error->message);
      gtk_widget_set_visible (self->chair_reason_error, TRUE);
      quorum_ui_focus_at_end (GTK_WIDGET (quorum_text_field_get_view (self->chair_reason_field)));
      return;
    }

  /* The first decision is where a chair learns that the record names them: with no name set, the
   * record would say this computer's login ("root"), so the dialog asks, offering the chair's. */
  ask_name = quorum_ui_needs_name (self->store);
  shown_signer = ask_name ? NULL : quorum_store_dup_shown_actor (self->store);
  text = quorum_child_panel_format_preview (self, preview, shown_signer);
  if (ask_name)
    body = g_strdup_printf (_("For %s. This is what will be recorded; once signed off, a correction is an amendment beside it. The record names who decided: give your name, kept for every record from now on (Preferences, Ctrl+,)."),
                            self->child_name);
  else
    body = g_strdup_printf (_("For %s. This is what will be recorded; once signed off, a correction is an amendment beside it."),
                            self->child_name);

  parent = GTK_IS_WINDOW (gtk_widget_get_root (widget)) ? GTK_WINDOW (gtk_widget_get_root (widget)) : NULL;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Record This Decision?"), body));

  label = gtk_label_new (text);
  gtk_widget_set_name (label, "decision-preview");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  /* Wide enough to read a reason at a glance; the dialog grows to its extra child, and the
   * whole of what will be recorded is shown (a scrolled part cut off the referral). */
  gtk_label_set_width_chars (GTK_LABEL (label), 46);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 64);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_widget_add_css_class (label, "decision-preview");
  quorum_ui_set_accessible_label (label, text);

  extra = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (extra), label);
  /* A plan view given with no category of abuse is named before the chair confirms (the record
   * takes it: `quorum-cli vote --view plan` gives none by its contract). */
  no_category = plans_without_category (self);
  if (no_category == NULL && preview->basis == QUORUM_BASIS_CONSENSUS && preview->outcome == QUORUM_VIEW_PLAN &&
      preview->categories == QUORUM_CATEGORY_NONE)
    /* A consensus for a plan recorded before its category was asked (trial 9, D2): said too. */
    no_category = g_strdup (_("No category of abuse was given with the consensus for a plan. Go back to record "
                              "a further attempt that names it, or record the decision without."));
  else if (no_category != NULL)
    {
      g_autofree char *groups = g_steal_pointer (&no_category);

      no_category = g_strdup_printf (_("No category of abuse given with the plan view of %s. "
                                       "Go back to tick one on the group’s card, or record the decision without."),
                                     groups);
    }
  if (no_category != NULL)
    {
      const char *note_text = no_category;
      GtkWidget *note = gtk_label_new (note_text);

      gtk_widget_set_name (note, "decision-category-note");
      gtk_label_set_wrap (GTK_LABEL (note), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (note), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (note), 0);
      gtk_label_set_width_chars (GTK_LABEL (note), 46);
      gtk_label_set_max_width_chars (GTK_LABEL (note), 64);
      gtk_box_append (GTK_BOX (extra), note);
    }
  adw_message_dialog_set_extra_child (dialog, extra);

  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Go Back"),
                                    "record", _("_Record Decision"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "record", ADW_RESPONSE_SUGGESTED);
  /* Enter records what is shown; Escape goes back, recording nothing. */
  adw_message_dialog_set_default_response (dialog, "record");
  adw_message_dialog_set_close_response (dialog, "cancel");
  /* After the responses: the name's entry turns "record" off while it is blank. */
  if (ask_name)
    {
      GtkWidget *caption = gtk_label_new_with_mnemonic (_("_Decided by (your name)"));
      GtkWidget *name_entry = quorum_ui_name_entry_new (dialog, "record", self->chair);

      gtk_widget_set_name (name_entry, "decision-name-entry");
      gtk_label_set_xalign (GTK_LABEL (caption), 0);
      gtk_widget_add_css_class (caption, "heading");
      gtk_label_set_mnemonic_widget (GTK_LABEL (caption), name_entry);
      quorum_ui_set_accessible_label (name_entry, _("Decided by (your name)"));
      gtk_box_append (GTK_BOX (extra), caption);
      gtk_box_append (GTK_BOX (extra), name_entry);
    }

  g_object_set_data_full (G_OBJECT (dialog), "quorum-preview", g_steal_pointer (&preview),
                          (GDestroyNotify) quorum_outcome_free);
  g_object_set_data (G_OBJECT (dialog), "quorum-chair-view", GINT_TO_POINTER (chair_view));
  g_object_set_data (G_OBJECT (dialog), "quorum-chair-categories", GUINT_TO_POINTER (chair_categories));
  /* What the chair confirms is what is recorded: the reasons as they were shown. */
  g_object_set_data_full (G_OBJECT (dialog), "quorum-chair-reason", g_steal_pointer (&chair_reason), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
}

/* The place of @group's card on the board, or -1. */
static int
group_index (QuorumChildPanel *self,
             const char       *group)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->groups));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumGroupItem) item = g_list_model_get_item (G_LIST_MODEL (self->groups), i);

      if (quorum_group_equal (quorum_group_item_get_name (item), group))
        return (int) i;
    }
  return -1;
}

static void
next_card_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  QuorumChildPanel *self = QUORUM_CHILD_PANEL (widget);
  int i = group_index (self, g_variant_get_string (param, NULL));

  if (i >= 0)
    focus_waiting_card (self, (guint) i + 1);
}

/* A card says something under its controls (keys typed where no words go): the card shown
 * whole, down to what it says, where the chair looks. */
static void
show_card_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  QuorumChildPanel *self = QUORUM_CHILD_PANEL (widget);
  int i = group_index (self, g_variant_get_string (param, NULL));
  QuorumVoteCard *card = i >= 0 ? card_at (self, (guint) i) : NULL;

  if (card != NULL)
    show_whole_card_laid_out (self, GTK_WIDGET (card), NULL);
}

/* ---- callbacks ---- */

static void
agreed_changed_cb (QuorumChildPanel *self,
                   GParamSpec       *pspec,
                   AdwComboRow      *row)
{
  gtk_widget_set_visible (GTK_WIDGET (self->attempt_categories_row),
                          agreed_from_row (self) == QUORUM_VIEW_PLAN);
  show_attempt_category (self, NULL);
  if (outcome_chosen (self))
    show_outcome_error (self, FALSE);
}

static void
attempt_entry_activated_cb (QuorumChildPanel *self,
                            GtkWidget        *row)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "child.record-attempt", NULL);
}

static void
chair_reason_activated_cb (QuorumChildPanel *self,
                           GtkWidget        *field)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "child.decide", NULL);
}

static void
chair_reason_changed_cb (QuorumChildPanel *self)
{
  g_autofree char *reason = quorum_text_field_get_text (self->chair_reason_field);

  if (!is_blank (reason))
    gtk_widget_set_visible (self->chair_reason_error, FALSE);
}

static void
chair_view_toggled_cb (QuorumChildPanel *self,
                       GtkToggleButton  *button)
{
  quorum_ui_set_sensitive (self->chair_categories_row,
                            gtk_toggle_button_get_active (self->chair_plan_button));
  if (gtk_toggle_button_get_active (button))
    show_chair_error (self, NULL);
}

/* ---- a sibling's words ---- */

static gboolean
blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

/* "Same as …" is offered while this child's attempt form is shown and nothing is typed in it. */
static void
sync_same_as (QuorumChildPanel *self)
{
  gboolean empty;

  if (self->attempt_form == NULL)
    return;
  if (self->same_as_name == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->same_as_button), FALSE);
      gtk_widget_set_visible (self->attempt_draft_label, TRUE);
      return;
    }

  {
    g_autofree char *proposal = quorum_ui_editable_get_text (GTK_EDITABLE (self->proposal_row));
    g_autofree char *summary = quorum_text_field_get_text (self->summary_field);
    g_autofree char *views = quorum_text_field_get_text (self->views_field);

    empty = proposal == NULL && summary == NULL && views == NULL;
  }
  gtk_widget_set_visible (GTK_WIDGET (self->same_as_button), empty);
  /* The draft marker keeps its room unseen (nothing moves when it shows), but beside the
   * button, shown only on an empty form, the room it kept cut the form's heading to "Record an
   * Attempt at …" (trial 7, A11): given up while the button shows and no draft is kept. */
  gtk_widget_set_visible (self->attempt_draft_label,
                          !empty || self->attempt_draft == NULL || quorum_draft_get_has_draft (self->attempt_draft));
}

/* Siblings are often discussed alike: this child's first attempt may start from the words of
 * the previous child's last attempt (its proposal and summary), when it has any. */
static void
update_same_as (QuorumChildPanel       *self,
                const QuorumConference *conference,
                const QuorumAttempt    *last)
{
  const QuorumChild *previous = NULL;
  const QuorumAttempt *theirs = NULL;

  g_clear_pointer (&self->same_as_name, g_free);
  g_clear_pointer (&self->same_as_proposal, g_free);
  g_clear_pointer (&self->same_as_summary, g_free);

  for (guint i = 1; conference->children != NULL && i < conference->children->len; i++)
    if (((QuorumChild *) g_ptr_array_index (conference->children, i))->id == self->child_id)
      previous = g_ptr_array_index (conference->children, i - 1);
  if (previous != NULL)
    theirs = quorum_conference_last_attempt (conference, previous->id);

  if (last == NULL && theirs != NULL && (!blank (theirs->proposal) || !blank (theirs->summary)) &&
      self->may_vote && !self->finalised && !self->decided)
    {
      g_autofree char *label = NULL;
      g_autofree char *description = NULL;

      self->same_as_name = g_strdup (previous->name);
      self->same_as_proposal = g_strdup (blank (theirs->proposal) ? NULL : theirs->proposal);
      self->same_as_summary = g_strdup (blank (theirs->summary) ? NULL : theirs->summary);
      /* Translators: a button on a child's empty attempt at consensus; %s is the previous
       * child's name, whose proposal and summary it puts in the fields, e.g. "Same as Amy" */
      label = g_strdup_printf (_("Same as %s"), previous->name);
      ensure_attempt_form (self);
      gtk_button_set_label (self->same_as_button, label);
      /* No tooltip: it would lie over the proposal, the next thing clicked. */
      description = g_strdup_printf (_("Puts the proposal and summary of %s’s last attempt in these fields, "
                                       "to change as needed. Nothing is recorded until you record the attempt."),
                                     previous->name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->same_as_button),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                      -1);
    }
  sync_same_as (self);
}

static void
attempt_text_changed_cb (QuorumChildPanel *self)
{
  sync_same_as (self);
}

/* The previous child's words, put in the fields as if typed: kept as this child's draft, and
 * recorded only when the chair records the attempt. The focus goes to the proposal, at its end,
 * nothing selected, to go on from there. */
static void
same_as_clicked_cb (QuorumChildPanel *self,
                    GtkButton        *button)
{
  g_autofree char *proposal = g_strdup (self->same_as_proposal);
  g_autofree char *summary = g_strdup (self->same_as_summary);

  if (self->same_as_name == NULL)
    return;

  /* Before the button goes (the form is no longer empty): the focus is not left on nothing. */
  quorum_ui_focus_at_end (GTK_WIDGET (self->proposal_row));
  gtk_editable_set_text (GTK_EDITABLE (self->proposal_row), proposal != NULL ? proposal : "");
  quorum_text_field_type (self->summary_field, summary);
  gtk_editable_set_position (GTK_EDITABLE (self->proposal_row), -1);
}

/* ---- the forms, built when first needed ---- */

/* The attempt's form as the child stands: shown until a consensus or the decision closes it,
 * never to a minute-taker; titled for a second try once the vote is open. */
static void
sync_attempt_form (QuorumChildPanel *self)
{
  gboolean open = !self->finalised && !self->decided && !self->consensus;

  if (self->attempt_form == NULL)
    return;
  quorum_ui_set_sensitive (GTK_WIDGET (self->attempt_form), open);
  gtk_widget_set_visible (GTK_WIDGET (self->attempt_form), open && self->may_vote);
  adw_preferences_group_set_title (self->attempt_form,
                                   self->vote_open ? _("Try Consensus Again") : _("Record an Attempt at Consensus"));
}

/* The attempt's form (quorum-child-panel-attempt.ui), placed after the attempts, and its draft
 * given back: built the first time the form is shown or used, as the template built it. */
static void
ensure_attempt_form (QuorumChildPanel *self)
{
  GtkBuilder *builder;
  g_autofree char *scope = NULL;
  GtkEventController *shortcuts;
  g_autoptr(GtkShortcutTrigger) trigger = NULL;

  if (self->attempt_form != NULL || gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;

  builder = self->attempt_builder = gtk_builder_new_from_resource ("/io/github/quorum_app/quorum/ui/quorum-child-panel-attempt.ui");
#define GET(name) self->name = (gpointer) gtk_builder_get_object (builder, #name)
  GET (attempt_form);
  GET (attempt_draft_label);
  GET (same_as_button);
  GET (proposal_row);
  GET (summary_field);
  GET (views_field);
  GET (agreed_row);
  GET (attempt_categories_row);
  GET (attempt_neglect);
  GET (attempt_physical);
  GET (attempt_emotional);
  GET (attempt_sexual);
  GET (record_attempt_button);
  GET (outcome_error_row);
  GET (outcome_error_label);
  GET (attempt_category_row);
  GET (attempt_category_label);
#undef GET
  gtk_box_insert_child_after (self->content_box, GTK_WIDGET (self->attempt_form), GTK_WIDGET (self->attempts_group));
  {
    GtkCheckButton *checks[] = { self->attempt_neglect, self->attempt_physical,
                                 self->attempt_emotional, self->attempt_sexual };

    for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
      g_signal_connect_object (checks[i], "toggled", G_CALLBACK (attempt_category_toggled_cb), self,
                               G_CONNECT_SWAPPED);
  }

  g_signal_connect_object (self->same_as_button, "clicked", G_CALLBACK (same_as_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->summary_field, "activate", G_CALLBACK (attempt_entry_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->views_field, "activate", G_CALLBACK (attempt_entry_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->agreed_row, "notify::selected", G_CALLBACK (agreed_changed_cb), self, G_CONNECT_SWAPPED);

  /* Ctrl+Enter anywhere in the attempt's form records the attempt (or says under the Outcome
   * what is missing), as it does in its text fields: on the Outcome, where the form puts the
   * focus to have it chosen, it did nothing and said nothing (trials 5 and 6). */
  shortcuts = gtk_shortcut_controller_new ();
  trigger = gtk_alternative_trigger_new (gtk_shortcut_trigger_parse_string ("<Control>Return"),
                                         gtk_shortcut_trigger_parse_string ("<Control>KP_Enter"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (g_steal_pointer (&trigger),
                                                          gtk_named_action_new ("child.record-attempt")));
  gtk_widget_add_controller (GTK_WIDGET (self->attempt_form), shortcuts);
  /* The outcomes whole in their list: "Consensus: a child prote…" left the chair to guess. */
  quorum_ui_show_whole_items (GTK_WIDGET (self->agreed_row));

  /* "Same as …" goes once anything is typed in the attempt, and comes back if it is cleared. */
  g_signal_connect_object (self->proposal_row, "changed", G_CALLBACK (attempt_text_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->summary_field, "notify::text", G_CALLBACK (attempt_text_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->views_field, "notify::text", G_CALLBACK (attempt_text_changed_cb), self, G_CONNECT_SWAPPED);

  /* The attempt's words are kept as they are typed, for this child, until recorded. */
  scope = g_strdup_printf ("child:%" G_GINT64_FORMAT ":attempt", self->child_id);
  self->attempt_draft = quorum_draft_new (self->store, self->conference_id, scope);
  quorum_draft_add_field (self->attempt_draft, "proposal", GTK_WIDGET (self->proposal_row));
  quorum_draft_add_field (self->attempt_draft, "summary", GTK_WIDGET (self->summary_field));
  quorum_draft_add_field (self->attempt_draft, "views", GTK_WIDGET (self->views_field));
  /* The outcome chosen is part of the form given back (kept by its key; unchosen is no draft). */
  {
    const char * const outcomes[] = { "unchosen", "none", "plan", "no-plan", NULL };

    quorum_draft_add_choice (self->attempt_draft, "outcome", GTK_WIDGET (self->agreed_row), outcomes);
    quorum_draft_set_baseline (self->attempt_draft, "outcome", "unchosen");
  }
  quorum_draft_bind_marker (self->attempt_draft, self->attempt_draft_label);
  g_signal_connect_object (self->attempt_draft, "notify::has-draft", G_CALLBACK (sync_same_as), self, G_CONNECT_SWAPPED);
  quorum_draft_restore (self->attempt_draft);

  sync_attempt_form (self);
  sync_same_as (self);
  quorum_ui_fix_accessible_names (GTK_WIDGET (self->attempt_form));
}

/* The decision still to take as the child stands: the chair's rows when the chair must give a
 * view, none of it for a minute-taker, nothing to change once signed off. */
static void
sync_pending_page (QuorumChildPanel *self)
{
  if (self->pending_page == NULL)
    return;
  gtk_widget_set_visible (self->chair_list, self->needs_chair_view && self->may_vote);
  quorum_ui_set_sensitive (self->chair_list, !self->finalised);
  quorum_ui_set_sensitive (self->decide_button, !self->finalised);
  gtk_widget_set_visible (self->decide_button, self->may_vote);
}

/* The decision stack's "pending" page (quorum-child-panel-pending.ui) and the chair's draft:
 * built the first time it is shown or used. */
static void
ensure_pending_page (QuorumChildPanel *self)
{
  GtkBuilder *builder;
  g_autofree char *scope = NULL;

  if (self->pending_page != NULL || gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;

  builder = self->pending_builder = gtk_builder_new_from_resource ("/io/github/quorum_app/quorum/ui/quorum-child-panel-pending.ui");
#define GET(name) self->name = (gpointer) gtk_builder_get_object (builder, #name)
  GET (pending_page);
  GET (chair_list);
  GET (chair_plan_button);
  GET (chair_no_plan_button);
  GET (chair_categories_row);
  GET (chair_neglect);
  GET (chair_physical);
  GET (chair_emotional);
  GET (chair_sexual);
  GET (chair_reason_row);
  GET (chair_reason_field);
  GET (chair_reason_draft_label);
  GET (chair_choice_draft_label);
  GET (chair_reason_error);
  GET (chair_error_row);
  GET (chair_error_label);
  GET (pending_label);
  GET (decide_button);
#undef GET
  gtk_stack_add_named (self->decision_stack, self->pending_page, "pending");

  g_signal_connect_object (self->chair_plan_button, "toggled", G_CALLBACK (chair_view_toggled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->chair_no_plan_button, "toggled", G_CALLBACK (chair_view_toggled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->chair_reason_field, "activate", G_CALLBACK (chair_reason_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->chair_reason_field, "notify::text", G_CALLBACK (chair_reason_changed_cb), self, G_CONNECT_SWAPPED);
  {
    GtkCheckButton *checks[] = { self->chair_neglect, self->chair_physical, self->chair_emotional, self->chair_sexual };

    for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
      g_signal_connect_object (checks[i], "toggled", G_CALLBACK (chair_category_toggled_cb), self, G_CONNECT_SWAPPED);
  }

  /* The chair's reasons are kept as they are typed, for this child's decision, until recorded. */
  scope = g_strdup_printf ("child:%" G_GINT64_FORMAT ":decision", self->child_id);
  self->decision_draft = quorum_draft_new (self->store, self->conference_id, scope);
  quorum_draft_add_field (self->decision_draft, "reason", GTK_WIDGET (self->chair_reason_field));
  /* The chair's Plan / No plan and the categories chosen are the form as it was left too. */
  quorum_draft_add_value (self->decision_draft, "view", GTK_WIDGET (self->chair_plan_button),
                          chair_view_draft_get, chair_view_draft_set, self);
  quorum_draft_watch (self->decision_draft, GTK_WIDGET (self->chair_no_plan_button));
  quorum_draft_add_value (self->decision_draft, "categories", GTK_WIDGET (self->chair_neglect),
                          chair_categories_draft_get, chair_categories_draft_set, self);
  quorum_draft_watch (self->decision_draft, GTK_WIDGET (self->chair_physical));
  quorum_draft_watch (self->decision_draft, GTK_WIDGET (self->chair_emotional));
  quorum_draft_watch (self->decision_draft, GTK_WIDGET (self->chair_sexual));
  /* Each marker says what is kept beside it: the reasons' only the reasons' words, the choice's
   * the Plan / No plan and the categories (a chair who has only clicked Plan has typed no draft). */
  {
    const char * const reason[] = { "reason", NULL };
    const char * const choice[] = { "view", "categories", NULL };

    quorum_draft_bind_fields_marker (self->decision_draft, self->chair_reason_draft_label, reason);
    quorum_draft_bind_fields_marker (self->decision_draft, self->chair_choice_draft_label, choice);
  }
  quorum_draft_restore (self->decision_draft);

  sync_pending_page (self);
  quorum_ui_fix_accessible_names (self->pending_page);
}

/* ---- showing the record ---- */

static void
update_attempts (QuorumChildPanel       *self,
                 const QuorumConference *conference)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < conference->attempts->len; i++)
    {
      QuorumAttempt *attempt = g_ptr_array_index (conference->attempts, i);
      g_autofree char *title = NULL;
      g_autofree char *when = NULL;
      g_autoptr(GString) body = g_string_new (NULL);

      if (attempt->child_id != self->child_id)
        continue;

      if (attempt->agreed == QUORUM_VIEW_NONE)
        /* Translators: a round of discussion that did not reach consensus */
        title = g_strdup_printf (_("Round %d: no consensus"), attempt->round);
      else
        {
          g_autofree char *view = quorum_ui_format_view (attempt->agreed, attempt->categories);
          /* Translators: a round of discussion that reached consensus on %s (a view) */
          title = g_strdup_printf (_("Round %d: consensus, %s"), attempt->round, view);
        }

      if (attempt->proposal != NULL && *attempt->proposal != '\0')
        g_string_append_printf (body, _("Proposal: %s\n"), attempt->proposal);
      if (attempt->summary != NULL && *attempt->summary != '\0')
        g_string_append_printf (body, _("Discussion: %s\n"), attempt->summary);
      if (attempt->views != NULL && *attempt->views != '\0')
        g_string_append_printf (body, _("Views: %s\n"), attempt->views);
      when = quorum_ui_format_timestamp (attempt->recorded_at);
      g_string_append_printf (body, _("Recorded %s"), when);

      g_ptr_array_add (items, quorum_record_item_new (title, body->str,
                                                      attempt->agreed == QUORUM_VIEW_NONE
                                                        ? "dialog-warning-symbolic"
                                                        : "object-select-symbolic"));
    }

  g_list_store_splice (self->attempts, 0, g_list_model_get_n_items (G_LIST_MODEL (self->attempts)),
                       items->pdata, items->len);
  gtk_widget_set_visible (GTK_WIDGET (self->attempts_list), items->len > 0);
}

/* A group's reason corrected after sign-off ("vote:12"), shown on its card beside the original. */
static void
set_amended_reason (QuorumGroupItem        *item,
                    const QuorumConference *conference,
                    const QuorumVote       *vote)
{
  g_autofree char *record = NULL;
  g_autofree char *note = NULL;
  const char *current = NULL;

  if (vote != NULL && vote->id > 0)
    {
      record = g_strdup_printf ("vote:%" G_GINT64_FORMAT, vote->id);
      note = quorum_ui_amended_note (conference, record, "reason", vote->reason, &current);
    }
  quorum_group_item_set_amended (item, current, note);
}

/* A group's members as the card names them: each name as it stands after sign-off. */
static GStrv
members_now (const QuorumConference *conference,
             const char             *group)
{
  g_auto(GStrv) members = quorum_conference_group_members (conference, group);
  GStrv now = g_new0 (char *, g_strv_length (members) + 1);

  for (guint i = 0; members[i] != NULL; i++)
    now[i] = quorum_conference_format_name_now (conference, 0, members[i]);
  return now;
}

static gboolean give_back_left_focus (QuorumChildPanel *self);

/* The group whose reason the chair is typing in (the focus in its card's reason), and where the
 * caret is; NULL when the focus is not in a reason of this board. */
static char *
typing_in_reason (QuorumChildPanel *self,
                  int              *caret)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *card;
  GtkTextBuffer *buffer;
  GtkTextIter at;

  if (focus == NULL || !GTK_IS_TEXT_VIEW (focus) || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->vote_board)))
    return NULL;
  card = gtk_widget_get_ancestor (focus, QUORUM_TYPE_VOTE_CARD);
  if (card == NULL || quorum_vote_card_get_item (QUORUM_VOTE_CARD (card)) == NULL ||
      focus != GTK_WIDGET (quorum_text_field_get_view (quorum_vote_card_get_reason_field (QUORUM_VOTE_CARD (card)))))
    return NULL;
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus));
  gtk_text_buffer_get_iter_at_mark (buffer, &at, gtk_text_buffer_get_insert (buffer));
  *caret = gtk_text_iter_get_offset (&at);
  return g_strdup (quorum_group_item_get_name (quorum_vote_card_get_item (QUORUM_VOTE_CARD (card))));
}

/* Keeps the existing group items (and so their cards and focus) when the groups are the same. */
static void
update_groups (QuorumChildPanel       *self,
               const QuorumConference *conference)
{
  /* The groups of this child: a decided child's are those in the room when it was decided
   * (nobody joins its voters); an undecided child's include a group whose givers have left. */
  g_auto(GStrv) names = quorum_conference_child_groups (conference, self->child_id);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->groups));
  guint n_names = g_strv_length (names);
  gboolean same = n_items == n_names;
  g_autofree char *typing = NULL;
  int caret = -1;

  for (guint i = 0; same && i < n_items; i++)
    {
      g_autoptr(QuorumGroupItem) item = g_list_model_get_item (G_LIST_MODEL (self->groups), i);

      same = g_strcmp0 (quorum_group_item_get_name (item), names[i]) == 0;
    }

  if (!same)
    {
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

      /* Each item holds its group's recorded view before its card is made: a card that first
       * saw its group without one took the recorded reason, arriving next while a draft given
       * back was in the field, for another writer's (a conflict, and Ctrl+Enter refused). */
      for (guint i = 0; i < n_names; i++)
        {
          QuorumGroupItem *item = quorum_group_item_new (names[i]);
          g_auto(GStrv) members = members_now (conference, names[i]);

          quorum_group_item_set_representatives (item, conference, self->child_id);
          set_amended_reason (item, conference,
                              quorum_conference_find_current_vote (conference, self->child_id, names[i]));
          quorum_group_item_update (item, (const char * const *) members,
                                    quorum_conference_find_current_vote (conference, self->child_id, names[i]));
          g_ptr_array_add (items, item);
        }
      typing = typing_in_reason (self, &caret);
      g_list_store_splice (self->groups, 0, n_items, items->pdata, items->len);
    }

  for (guint i = 0; i < n_names; i++)
    {
      g_autoptr(QuorumGroupItem) item = g_list_model_get_item (G_LIST_MODEL (self->groups), i);
      g_auto(GStrv) members = members_now (conference, names[i]);
      QuorumVote *vote = quorum_conference_find_current_vote (conference, self->child_id, names[i]);

      quorum_group_item_set_representatives (item, conference, self->child_id);
      set_amended_reason (item, conference, vote);
      quorum_group_item_update (item, (const char * const *) members, vote);
    }

  /* Every card was made anew (a group joined or went, another chair's change) while the chair
   * typed a group's reason: the focus goes on in that group's new card, the caret where it was.
   * It went to a flow box child (the new card's place), where the next words did nothing and
   * were lost (docs/notes/flakes.md). */
  if (typing != NULL)
    {
      QuorumVoteCard *card = quorum_child_panel_get_card (self, typing);

      if (card != NULL)
        {
          g_set_weak_pointer (&self->left_focus,
                              GTK_WIDGET (quorum_text_field_get_view (quorum_vote_card_get_reason_field (card))));
          self->left_caret = caret;
          give_back_left_focus (self);
          g_clear_weak_pointer (&self->left_focus);
        }
    }
}

static void
update_tally (QuorumChildPanel       *self,
              const QuorumConference *conference,
              gboolean                decided)
{
  /* Core's one rule: the groups whose representatives all left before giving a view. */
  g_auto(GStrv) without = quorum_conference_left_without_view (conference, self->child_id);
  g_autoptr(GArray) missing = NULL;
  g_autofree char *gone = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->groups));
  g_autoptr(GPtrArray) waiting = g_ptr_array_new ();
  g_autofree char *tally = NULL;
  g_autofree char *accessible = NULL;
  int n_plan = 0;
  int n_no_plan = 0;
  int n_declined = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumGroupItem) item = g_list_model_get_item (G_LIST_MODEL (self->groups), i);

      switch (quorum_group_item_get_view (item))
        {
        case QUORUM_VIEW_PLAN:
          n_plan++;
          break;
        case QUORUM_VIEW_NO_PLAN:
          n_no_plan++;
          break;
        case QUORUM_VIEW_DECLINE:
          n_declined++;
          break;
        case QUORUM_VIEW_NONE:
        default:
          g_ptr_array_add (waiting, (gpointer) quorum_group_item_get_name (item));
          break;
        }
    }

  if (self->chair_rule)
    {
      /* Translators: the groups' views before the chair decides: plan, no plan, declined, waiting */
      tally = g_strdup_printf (_("Views: %d plan · %d no plan · %d declined · %u waiting"),
                               n_plan, n_no_plan, n_declined, waiting->len);
      accessible = g_strdup_printf (_("Views before the chair decides: %d for a plan, %d for no plan, %d declined, %u still to give a view"),
                                    n_plan, n_no_plan, n_declined, waiting->len);
    }
  else
    {
      /* Translators: the live tally: plan, no plan, declined, waiting */
      tally = g_strdup_printf (_("Plan %d · No plan %d · Declined %d · Waiting %u"),
                               n_plan, n_no_plan, n_declined, waiting->len);
      accessible = g_strdup_printf (_("Tally: %d for a plan, %d for no plan, %d declined, %u still to give a view"),
                                    n_plan, n_no_plan, n_declined, waiting->len);
    }
  gtk_label_set_label (self->tally_label, tally);
  quorum_ui_set_accessible_label (GTK_WIDGET (self->tally_label), accessible);

  if (without[0] != NULL)
    {
      g_autofree char *names = g_strjoinv (_(", "), without);

      /* Translators: the groups whose representatives left before giving their view, e.g.
       * "Left before giving a view: GP." */
      gone = g_strdup_printf (_("Left before giving a view: %s."), names);
    }

  if (self->pending_label == NULL)
    return;
  if (decided)
    gtk_label_set_label (self->pending_label, "");
  else if (self->needs_chair_view)
    gtk_label_set_label (self->pending_label,
                         _("Record each group’s view for the minutes, then give the chair’s decision."));
  else if (waiting->len > 0)
    {
      g_autofree char *names = NULL;
      g_autofree char *pending = NULL;

      g_ptr_array_add (waiting, NULL);
      names = g_strjoinv (_(", "), (char **) waiting->pdata);
      pending = g_strdup_printf (_("Waiting for the view of: %s."), names);
      if (gone != NULL)
        {
          g_autofree char *both = g_strdup_printf ("%s %s", pending, gone);
          gtk_label_set_label (self->pending_label, both);
        }
      else
        gtk_label_set_label (self->pending_label, pending);
    }
  else if (n > 0 && gone != NULL)
    {
      /* Not "every group": one left without giving its view, and the chair sees it. */
      g_autofree char *text = g_strdup_printf ("%s %s", _("Every group in the room has given its view."), gone);
      gtk_label_set_label (self->pending_label, text);
    }
  else if (n > 0 && (missing = quorum_decide_missing_positions (conference, self->child_id))->len > 0)
    {
      /* Core's rule: the decision waits for these representatives' own positions (the card
       * above says so too); "every group has given its view" read as ready to decide. */
      g_autoptr(GPtrArray) names = g_ptr_array_new ();
      g_autofree char *joined = NULL;
      g_autofree char *text = NULL;

      for (guint i = 0; i < missing->len; i++)
        {
          const QuorumAttendee *attendee = quorum_conference_find_attendee (conference, g_array_index (missing, gint64, i));

          if (attendee != NULL)
            g_ptr_array_add (names, attendee->name);
        }
      g_ptr_array_add (names, NULL);
      joined = g_strjoinv (_(", "), (char **) names->pdata);
      /* TRANSLATORS: %s names representatives whose group could not agree */
      text = g_strdup_printf (_("Every group has given its view. Waiting for the own position of: %s."), joined);
      gtk_label_set_label (self->pending_label, text);
    }
  else if (n > 0)
    gtk_label_set_label (self->pending_label, _("Every group has given its view."));
  else
    gtk_label_set_label (self->pending_label, "");
}

/* A dissent's reason as it stands: corrected after sign-off as the dissent's own ("dissent:3"),
 * or as its group's reason ("vote:12"), which the dissent took when the decision was made. Sets
 * @note to the words keeping the original beside it (NULL when not amended). */
static const char *
dissent_reason_now (const QuorumConference *conference,
                    gint64                  child_id,
                    const QuorumDissent    *dissent,
                    char                  **note,
                    char                  **owned)
{
  const QuorumVote *vote;
  const char *current = dissent->reason;
  g_autofree char *record = NULL;

  *note = NULL;
  *owned = NULL;
  if (dissent->id > 0)
    {
      record = g_strdup_printf ("dissent:%" G_GINT64_FORMAT, dissent->id);
      *note = quorum_ui_amended_note (conference, record, "reason", dissent->reason, &current);
      if (*note != NULL)
        return current;
    }

  vote = quorum_conference_find_current_vote (conference, child_id, dissent->group);
  if (vote == NULL || vote->id <= 0 || vote->reason == NULL || *vote->reason == '\0' ||
      dissent->reason == NULL || !quorum_conference_dissent_is_group (conference, child_id, dissent) ||
      !g_str_has_prefix (dissent->reason, vote->reason))
    return dissent->reason;
  /* The group's reason first, then any of its representatives' own words on their lines. */
  if (dissent->reason[strlen (vote->reason)] != '\0' && dissent->reason[strlen (vote->reason)] != '\n')
    return dissent->reason;

  g_clear_pointer (&record, g_free);
  record = g_strdup_printf ("vote:%" G_GINT64_FORMAT, vote->id);
  *note = quorum_ui_amended_note (conference, record, "reason", vote->reason, &current);
  if (*note == NULL)
    return dissent->reason;
  *owned = g_strconcat (current != NULL ? current : "", dissent->reason + strlen (vote->reason), NULL);
  return *owned;
}

/* Representatives' names as the record holds them, joined, each as it stands after sign-off
 * (a name corrected by an amendment, noted), as the record names them. */
static char *
names_now (const QuorumConference *conference,
           char                  **names)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autofree char *name = quorum_conference_format_name_now (conference, 0, names[i]);

      if (i > 0)
        g_string_append (out, _(", "));
      g_string_append (out, name);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The Dissent list's rows for one dissent. Where the group settled on the outcome's view and
 * only some representatives' own positions differ, each of them is named with their group, as
 * the record does, and never the group as if it dissented (DOMAIN "Reaching a decision" 6). */
static void
add_dissent_items (GPtrArray              *items,
                   const QuorumConference *conference,
                   gint64                  child_id,
                   const QuorumDissent    *dissent)
{
  g_autofree char *view = quorum_ui_format_view (dissent->view, dissent->categories);
  g_autofree char *names = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *note = NULL;
  g_autofree char *owned = NULL;
  const char *reason;

  if (!quorum_conference_dissent_is_group (conference, child_id, dissent))
    {
      g_autoptr(GPtrArray) own = quorum_conference_member_views (conference, child_id, dissent->group);
      const QuorumVote *vote = quorum_conference_find_current_vote (conference, child_id, dissent->group);
      g_autofree char *settled = quorum_ui_format_view (vote->view, vote->categories);
      /* Translators: under a representative whose own position differs, e.g. "The view the group
       * settled on, No plan, is the outcome’s; this representative’s own position differs from it." */
      g_autofree char *differs =
        g_strdup_printf (_("The view the group settled on, %s, is the outcome’s; this representative’s own position differs from it."),
                         settled);
      guint added = 0;
      guint holders = 0;
      g_autofree char *record = NULL;
      g_autofree char *amended = NULL;
      const char *current = NULL;

      /* The dissent's reason corrected after sign-off, looked up by the dissent's own id
       * ("dissent:3") as a group's is: its words are its holders' own. */
      for (guint m = 0; m < own->len; m++)
        holders += ((const QuorumMemberView *) g_ptr_array_index (own, m))->view == dissent->view;
      if (dissent->id > 0)
        {
          record = g_strdup_printf ("dissent:%" G_GINT64_FORMAT, dissent->id);
          amended = quorum_ui_amended_note (conference, record, "reason", dissent->reason, &current);
        }

      for (guint m = 0; m < own->len; m++)
        {
          const QuorumMemberView *mv = g_ptr_array_index (own, m);
          g_autofree char *position = NULL;
          g_autofree char *line = NULL;
          g_autofree char *below = NULL;
          g_autofree char *mv_record = NULL;
          g_autofree char *own_note = NULL;
          g_autofree char *mv_name = NULL;
          const char *own_reason = NULL;
          const char *words;

          if (mv->view != dissent->view)
            continue;
          /* Their reason as it stands, the original kept beside a correction after sign-off
           * ("member_view:4"); one holder: the dissent's words are theirs, shown as they stand. */
          mv_record = g_strdup_printf ("member_view:%" G_GINT64_FORMAT, mv->id);
          own_note = quorum_ui_amended_note (conference, mv_record, "reason", mv->reason, &own_reason);
          words = own_reason;
          if (amended != NULL && holders == 1)
            words = current;
          position = quorum_ui_format_view (mv->view, mv->categories);
          /* Translators: a dissenting representative, their group and their own position:
           * "Ann Gray (Bucks Healthcare NHS Trust): No plan" */
          mv_name = quorum_conference_format_name_now (conference, mv->attendee_id, mv->name);
          line = g_strdup_printf (_("%s (%s): %s"), mv_name, dissent->group, position);
          if (words != NULL && *words != '\0')
            /* Translators: what the record says of the position, then the reason in their own words */
            below = g_strdup_printf (_("%s — “%s”"), differs, words);
          else
            below = g_strdup_printf (_("%s — no reason given"), differs);
          if (own_note != NULL)
            {
              char *with = g_strconcat (below, "\n", own_note, NULL);

              g_free (below);
              below = with;
            }
          added++;
          /* The note keeping the original, under the one holder, or under the last of several
           * with the dissent's words as they now stand. */
          if (amended != NULL && added == holders)
            {
              char *with = holders == 1 ? g_strconcat (below, "\n", amended, NULL)
                                        : g_strconcat (below, "\n“", current != NULL ? current : "",
                                                       "”\n", amended, NULL);

              g_free (below);
              below = with;
            }
          g_ptr_array_add (items, quorum_record_item_new (line, below, "dialog-information-symbolic"));
        }
      if (added > 0)
        return;
    }

  /* As the record names them: a correction of the dissent's names after sign-off
   * ("dissent:ID" "representatives") noted as the record notes it, each name as it stands. */
  {
    guint corrected = 0;
    g_auto(GStrv) holders = quorum_conference_dissent_representatives_now (conference, dissent, &corrected);

    names = names_now (conference, holders);
    if (corrected > 0 && *names != '\0')
      {
        char *noted = g_strdup_printf (_("%s (amended after sign-off, amendment %u)"), names, corrected);

        g_free (names);
        names = noted;
      }
  }
  title = g_strdup_printf (_("%s: %s"), dissent->group, view);
  reason = dissent_reason_now (conference, child_id, dissent, &note, &owned);
  if (reason != NULL && *reason != '\0')
    /* Translators: representatives, then their reason in their own words */
    subtitle = g_strdup_printf (_("%s — “%s”"), names, reason);
  else
    subtitle = g_strdup_printf (_("%s — no reason given"), names);
  if (note != NULL)
    {
      char *with = g_strconcat (subtitle, "\n", note, NULL);

      g_free (subtitle);
      subtitle = with;
    }

  g_ptr_array_add (items, quorum_record_item_new (title, subtitle, "dialog-information-symbolic"));
}

/* The panel's outcome in words, with the reasons it gave (DOMAIN 4: "other with reasons"). */
static char *
format_panel_outcome (const QuorumReferral *referral)
{
  const char *label = quorum_panel_outcome_get_label (referral->outcome);

  if (referral->outcome_reason != NULL && *referral->outcome_reason != '\0')
    /* Translators: the panel's outcome with its reasons: "Other: the panel kept the plan for six weeks" */
    return g_strdup_printf (_("%s: %s"), label, referral->outcome_reason);
  return g_strdup (label);
}

/* A due date as recorded, with the working day before it when it falls on a day off (the
 * store works that out with the profile's calendar, quorum_calendar_working_day_on_or_before). */
static char *
format_due (const GDate *due,
            const GDate *due_working)
{
  g_autofree char *text = quorum_ui_format_date (due);

  if (g_date_valid (due_working) && g_date_compare (due, due_working) != 0)
    {
      g_autofree char *working = quorum_ui_format_date (due_working);

      return g_strdup_printf (_("%s — not a working day: the working day before is %s"), text, working);
    }
  return g_steal_pointer (&text);
}

/* What stands now of the plan: how it was made, and the panel's or a later conference's end. */
static char *
format_plan (const QuorumConference *conference,
             const QuorumPlan       *plan,
             const QuorumReferral   *referral)
{
  g_autofree char *start = quorum_ui_format_date (&plan->start);
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean heard = referral != NULL && g_date_valid (&referral->panel_date) &&
                   referral->outcome != QUORUM_PANEL_NONE;
  gboolean interim = FALSE;

  for (guint i = 0; conference->challenges != NULL && i < conference->challenges->len; i++)
    interim |= ((QuorumChallenge *) g_ptr_array_index (conference->challenges, i))->plan_id == plan->id;

  if (plan->from_split && plan->ended_by == QUORUM_PLAN_ENDED_BY_PANEL)
    {
      g_autofree char *ended = quorum_ui_format_date (&plan->ended);

      g_string_append_printf (text, _("Starts %s. Made by the split decision; ended by the Appeals and Split Decisions Panel on %s (plan ended)."),
                              start, ended);
    }
  else if (plan->from_split && heard && referral->outcome == QUORUM_PANEL_PLAN_CONFIRMED)
    {
      g_autofree char *on = quorum_ui_format_date (&referral->panel_date);

      g_string_append_printf (text, _("Starts %s. Made by the split decision; confirmed by the Appeals and Split Decisions Panel on %s."),
                              start, on);
    }
  else if (plan->from_split && heard)
    {
      g_autofree char *on = quorum_ui_format_date (&referral->panel_date);
      g_autofree char *outcome = format_panel_outcome (referral);

      /* Translators: "Starts Monday 30 November 2026. Made by the split decision; heard by the
       * Appeals and Split Decisions Panel on Wednesday 2 December 2026: Other: …" */
      g_string_append_printf (text, _("Starts %s. Made by the split decision; heard by the Appeals and Split Decisions Panel on %s: %s."),
                              start, on, outcome);
    }
  else if (plan->from_split)
    g_string_append_printf (text, _("Starts %s. Made by the split decision, pending the Appeals and Split Decisions Panel."), start);
  else if (interim)
    g_string_append_printf (text, _("Starts %s. An immediate interim plan, put in place by the Safeguarding Co-ordinator on a challenge."), start);
  else
    g_string_append_printf (text, _("Starts %s."), start);

  /* The panel's end of a plan not made by the split (the Safeguarding Co-ordinator's interim
   * plan, referred too): said as the split's is, on a line of its own. */
  if (!plan->from_split && plan->ended_by == QUORUM_PLAN_ENDED_BY_PANEL)
    {
      g_autofree char *ended = quorum_ui_format_date (&plan->ended);

      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Ended by the Appeals and Split Decisions Panel on %s (plan ended)."), ended);
    }
  /* A later conference's end, when it came first (the panel's is said above). */
  if (plan->ended_by == QUORUM_PLAN_ENDED_BY_CONFERENCE)
    {
      g_autofree char *ended = quorum_ui_format_date (&plan->ended);

      g_string_append_c (text, '\n');
      if (plan->ended_by_conference > 0)
        g_string_append_printf (text, _("Ended %s by conference %lld: %s"), ended,
                                (long long) plan->ended_by_conference, plan->end_reason ? plan->end_reason : "");
      else
        g_string_append_printf (text, _("Ended %s: %s"), ended, plan->end_reason ? plan->end_reason : "");
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* What stands now of the referral: when it was due, sent (late?), due to be heard (a day off
 * with the working day before it), heard (late?), the outcome, and every correction. The
 * dates and the outcome are the values standing, corrections included (the store keeps the
 * old ones beside them). */
static char *
format_referral (const QuorumConference *conference,
                 const QuorumReferral   *referral,
                 const QuorumProfile    *profile)
{
  g_autofree char *due = format_due (&referral->due, &referral->due_working);
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean by_challenge = FALSE;
  int working_days = profile != NULL ? profile->referral_working_days : 5;
  int panel_days = profile != NULL ? profile->panel_calendar_days : 28;

  for (guint i = 0; conference->challenges != NULL && i < conference->challenges->len; i++)
    by_challenge |= ((QuorumChallenge *) g_ptr_array_index (conference->challenges, i))->referral_id == referral->id;

  if (by_challenge)
    g_string_append_printf (text, _("Referred by the Safeguarding Co-ordinator on a challenge, %s."), due);
  else
    g_string_append_printf (text,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "The chair refers the split decision within %d working day: by %s.",
                                         "The chair refers the split decision within %d working days: by %s.",
                                         working_days),
                            working_days, due);

  if (!g_date_valid (&referral->notified))
    {
      if (!by_challenge)
        g_string_append_printf (text,
                                g_dngettext (GETTEXT_PACKAGE,
                                             " The Appeals and Split Decisions Panel hears it within %d day of notification.",
                                             " The Appeals and Split Decisions Panel hears it within %d days of notification.",
                                             panel_days),
                                panel_days);
      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  {
    g_autofree char *when = quorum_ui_describe_sent (&referral->notified, referral->sent_by, referral->sent_means,
                                                     referral->sent_day_off, referral->region, referral->sent_late);

    g_string_append_c (text, '\n');
    /* Translators: "Sent to the Head of Service on Saturday 24 October 2026 — sent late, after its due date." */
    g_string_append_printf (text, _("Sent to the Head of Service on %s."), when);
  }

  if (g_date_valid (&referral->panel_due))
    {
      g_autofree char *panel_due = format_due (&referral->panel_due, &referral->panel_due_working);

      g_string_append_c (text, ' ');
      if (g_date_valid (&referral->panel_date))
        g_string_append_printf (text, _("The panel was due to hear it by %s."), panel_due);
      else
        g_string_append_printf (text, _("The panel hears it by %s."), panel_due);
    }

  if (g_date_valid (&referral->panel_date))
    {
      g_autofree char *heard = quorum_ui_format_date_day_off (&referral->panel_date, referral->heard_day_off,
                                                              referral->region);
      g_autofree char *when = referral->heard_late
        ? g_strdup_printf (_("%s — heard late, after the panel’s due date"), heard)
        : g_steal_pointer (&heard);

      g_string_append_c (text, '\n');
      if (referral->outcome != QUORUM_PANEL_NONE)
        {
          g_autofree char *outcome = format_panel_outcome (referral);

          /* Translators: "Heard by the panel on Saturday 21 November 2026. Outcome: Plan ended." */
          g_string_append_printf (text, _("Heard by the panel on %s. Outcome: %s."), when, outcome);
        }
      else
        g_string_append_printf (text, _("Heard by the panel on %s."), when);
    }

  for (guint i = 0; referral->corrections != NULL && i < referral->corrections->len; i++)
    {
      gboolean reasons_only;
      g_autofree char *change = quorum_ui_referral_correction_text (g_ptr_array_index (referral->corrections, i),
                                                                    &reasons_only);

      g_string_append_c (text, '\n');
      if (reasons_only)
        g_string_append (text, change);
      else
        /* Translators: a correction of the referral, the value now standing after the arrow:
         * "Corrected: Panel outcome: Plan confirmed → Plan ended (minuted wrongly)" */
        g_string_append_printf (text, _("Corrected: %s"), change);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
update_decision (QuorumChildPanel       *self,
                 const QuorumConference *conference,
                 const QuorumDecision   *decision)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  QuorumPlan *plan = quorum_conference_find_plan (conference, self->child_id);
  QuorumReferral *referral = quorum_conference_find_referral (conference, self->child_id);
  g_autofree char *outcome = NULL;
  g_autofree char *basis = NULL;
  g_autofree char *when = NULL;
  g_autofree char *decided = NULL;

  /* The categories as they stand after an amendment of them, those decided beside them, as the
   * record says it. */
  {
    guint number = 0;
    guint now = quorum_conference_decision_categories_now (conference, decision, &number);
    g_autofree char *as_decided = quorum_ui_format_categories (decision->categories);
    g_autofree char *as_it_stands = format_outcome (decision->outcome, now);

    outcome = quorum_format_amended_categories (as_it_stands, as_decided, number);
  }
  gtk_label_set_label (self->outcome_label, outcome);

  /* A group whose representatives all left before giving its view gave none: said in the
   * decision's block, in the record's words. A consensus is then of the groups present, not of
   * every group (DOMAIN "Attendance is a timeline"): the basis says so, as the record does. */
  {
    g_auto(GStrv) without = quorum_conference_left_without_view (conference, self->child_id);

    if (decision->basis == QUORUM_BASIS_CONSENSUS && without[0] != NULL)
      basis = g_strdup (_("By consensus: every group present agreed"));
    else
      basis = format_basis (decision->basis, decision->n_plan, decision->n_no_plan, decision->n_declined);
    gtk_label_set_label (self->basis_label, basis);

    gtk_widget_set_visible (GTK_WIDGET (self->left_view_label), without[0] != NULL);
    if (without[0] != NULL)
      {
        g_autofree char *names = g_strjoinv (_(", "), without);
        /* Translators: the groups whose representatives left before giving their view, e.g.
         * "No view: left before giving it: Housing" */
        g_autofree char *text = g_strdup_printf (_("No view: left before giving it: %s"), names);

        gtk_label_set_label (self->left_view_label, text);
      }
  }

  /* Why the chair decided as they did, as it stands (amended after sign-off: with the original). */
  gtk_widget_set_visible (GTK_WIDGET (self->chair_reason_label), decision->basis == QUORUM_BASIS_CHAIR);
  if (decision->basis == QUORUM_BASIS_CHAIR)
    {
      g_autofree char *record = g_strdup_printf ("decision:%" G_GINT64_FORMAT, decision->id);
      const char *current = decision->reason;
      g_autofree char *note = quorum_ui_amended_note (conference, record, "reason", decision->reason, &current);
      g_autofree char *text = NULL;

      if (current != NULL && *current != '\0')
        /* Translators: on the decided record, the chair's own reasons in their words */
        text = g_strdup_printf (_("The chair’s reasons: “%s”"), current);
      else
        text = g_strdup (_("The chair’s reasons: not recorded (decided before Quorum kept them)"));
      /* Given after sign-off to a decision recorded before Quorum kept them: no original to show. */
      if (note != NULL && decision->reason == NULL)
        {
          guint number = 0;

          quorum_conference_last_amendment (conference, record, "reason", &number);
          g_free (note);
          note = g_strdup_printf (_("Given after sign-off (amendment %u): none was recorded with the decision"), number);
        }
      if (note != NULL)
        {
          g_autofree char *plain = g_steal_pointer (&text);

          text = g_strdup_printf ("%s\n%s", plain, note);
        }
      gtk_label_set_label (self->chair_reason_label, text);
    }

  when = quorum_ui_format_timestamp (decision->decided_at);
  decided = g_strdup_printf (_("Recorded %s by %s"), when,
                             decision->decided_by != NULL ? decision->decided_by : "");
  gtk_label_set_label (self->decided_label, decided);

  gtk_widget_remove_css_class (self->outcome_box, "outcome-plan");
  gtk_widget_remove_css_class (self->outcome_box, "outcome-no-plan");
  gtk_widget_add_css_class (self->outcome_box,
                            decision->outcome == QUORUM_VIEW_PLAN ? "outcome-plan" : "outcome-no-plan");

  gtk_widget_set_visible (GTK_WIDGET (self->plan_row), plan != NULL);
  if (plan != NULL)
    {
      g_autofree char *subtitle = format_plan (conference, plan, referral);

      quorum_text_row_set_subtitle (self->plan_row, subtitle);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->referral_row), referral != NULL);
  if (referral != NULL)
    {
      g_autofree char *subtitle = format_referral (conference, referral, self->profile);

      quorum_text_row_set_subtitle (self->referral_row, subtitle);
    }
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->plan_row)), plan != NULL || referral != NULL);

  for (guint i = 0; decision->dissent != NULL && i < decision->dissent->len; i++)
    add_dissent_items (items, conference, self->child_id, g_ptr_array_index (decision->dissent, i));

  g_list_store_splice (self->dissent, 0, g_list_model_get_n_items (G_LIST_MODEL (self->dissent)),
                       items->pdata, items->len);
  gtk_widget_set_visible (self->dissent_heading, items->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->dissent_list), items->len > 0);
}

/* @first and the four sections after it, in this order; a NULL one (the attempt's form not
 * built) is passed over. */
static void
order_sections (QuorumChildPanel *self,
                GtkWidget        *first,
                ...)
{
  GtkWidget *previous = first;
  GtkWidget *next;
  va_list args;

  gtk_box_reorder_child_after (self->content_box, first, NULL);

  va_start (args, first);
  for (int i = 0; i < 4; i++)
    {
      next = va_arg (args, GtkWidget *);
      if (next == NULL)
        continue;
      gtk_box_reorder_child_after (self->content_box, next, previous);
      previous = next;
    }
  va_end (args);
}

void
quorum_child_panel_update (QuorumChildPanel       *self,
                           const QuorumConference *conference,
                           QuorumProfile          *profile)
{
  QuorumChild *child;
  QuorumDecision *decision;
  QuorumAttempt *last;
  gboolean finalised;
  gboolean consensus;
  gboolean vote_open;
  gboolean has_votes = FALSE;
  gboolean chair_rule;

  g_return_if_fail (QUORUM_IS_CHILD_PANEL (self));
  g_return_if_fail (conference != NULL);

  if (self->profile != profile)
    {
      g_clear_pointer (&self->profile, quorum_profile_unref);
      self->profile = profile != NULL ? quorum_profile_ref (profile) : NULL;
    }

  child = quorum_conference_find_child (conference, self->child_id);
  g_free (self->child_name);
  self->child_name = g_strdup (child != NULL ? quorum_conference_child_name_now (conference, child, NULL) : "");
  g_free (self->chair);
  self->chair = g_strdup (conference->chair);

  decision = quorum_conference_find_decision (conference, self->child_id);
  last = quorum_conference_last_attempt (conference, self->child_id);
  finalised = quorum_conference_is_finalised (conference);
  consensus = last != NULL && last->agreed != QUORUM_VIEW_NONE;
  chair_rule = profile != NULL && profile->rule == QUORUM_RULE_CHAIR_DECIDES;
  self->chair_rule = chair_rule;

  for (guint i = 0; i < conference->votes->len && !has_votes; i++)
    has_votes = ((QuorumVote *) g_ptr_array_index (conference->votes, i))->child_id == self->child_id;

  vote_open = !consensus && (last != NULL || has_votes);
  self->needs_chair_view = chair_rule && !consensus && decision == NULL;
  self->decided = decision != NULL;
  self->finalised = finalised;
  self->consensus = consensus;
  self->vote_open = vote_open;

  /* A minute-taker sees the vote and the decision, never the controls that record them. */
  /* Asked of the server once per panel, not at every update. */
  if (!self->roles_known)
    {
      self->chair_role = (quorum_store_get_roles (self->store, NULL) & QUORUM_STORE_ROLE_CHAIR) != 0;
      self->roles_known = TRUE;
    }
  /* Another chair's conference is read, not recorded in: the server would refuse it. */
  self->may_vote = self->chair_role && conference->chaired_by_reader;

  /* Known before the cards are made, so that a decided board's are made read-only. */
  self->board_read_only = finalised || decision != NULL || !self->may_vote;
  if (!self->board_bound && !self->board_read_only)
    ensure_board (self);
  else if (!self->board_bound)
    {
      self->board_deferred = TRUE;
      start_board_wait (self);
    }

  /* The forms this child shows are built before they are filled; those it does not show wait
   * until they are first needed (a decided child shows neither). */
  if (self->may_vote && !finalised && decision == NULL && !consensus)
    ensure_attempt_form (self);
  if (decision == NULL)
    ensure_pending_page (self);

  update_attempts (self, conference);
  update_groups (self, conference);
  update_same_as (self, conference, last);

  /* The attempt form stays until a consensus or the decision closes it. */
  sync_attempt_form (self);
  /* Nor can a key or a stray activation reach them. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "child.record-attempt", self->may_vote);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "child.record-vote", self->may_vote);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "child.record-member-view", self->may_vote);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "child.decide", self->may_vote);
  gtk_widget_set_visible (self->vote_section, vote_open);
  gtk_widget_set_visible (self->vote_closed_label, !vote_open && !consensus && decision == NULL);
  set_board_read_only (self, self->board_read_only);
  /* Under a chair-decides policy there is no vote (002 §4.1): each group's view is minuted,
   * then the chair decides, and the views that differ from the decision are its dissent. */
  if (chair_rule)
    {
      gtk_label_set_label (self->vote_title, _("Views Before the Chair Decides"));
      gtk_label_set_label (self->vote_hint,
                           _("Each line-management structure gives one view, minuted with its reasons. Under this policy there is no vote: the chair then decides, and the views that differ from the decision are recorded as dissent."));
      adw_preferences_group_set_description (self->attempts_group,
                                             _("Every group is asked to agree. Without consensus, the chair decides."));
      gtk_label_set_label (GTK_LABEL (self->vote_closed_label),
                           _("Each group’s view is recorded when an attempt at consensus fails; then the chair decides."));
    }
  else
    {
      gtk_label_set_label (self->vote_title, _("The Vote"));
      gtk_label_set_label (self->vote_hint,
                           _("Each line-management structure gives one view: representatives who share a structure agree it between them. The majority view is taken; an equal split means a plan and a referral to the Head of Service."));
      adw_preferences_group_set_description (self->attempts_group,
                                             _("Every group is asked to agree. The vote is a last resort."));
      gtk_label_set_label (GTK_LABEL (self->vote_closed_label),
                           _("The vote opens when an attempt at consensus fails."));
    }

  update_tally (self, conference, decision != NULL);

  sync_pending_page (self);

  /* What the room needs to see comes first: the decision once taken, else the open vote
   * and what it waits for; the consensus record follows. */
  if (decision != NULL)
    order_sections (self, self->decision_group, self->vote_section,
                    GTK_WIDGET (self->attempts_group), GTK_WIDGET (self->attempt_form),
                    self->vote_closed_label);
  else if (vote_open)
    order_sections (self, self->vote_section, self->decision_group,
                    GTK_WIDGET (self->attempts_group), GTK_WIDGET (self->attempt_form),
                    self->vote_closed_label);
  else
    order_sections (self, GTK_WIDGET (self->attempts_group), GTK_WIDGET (self->attempt_form),
                    self->vote_closed_label, self->vote_section, self->decision_group);

  if (decision != NULL)
    {
      update_decision (self, conference, decision);
      gtk_stack_set_visible_child_name (self->decision_stack, "decided");
      /* A challenge is of a decision with dissent, under a policy with the route (as the form). */
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->challenge_button), "x", self->child_id);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->challenge_button), "conference.show-challenge");
      /* The Co-ordinator's route is any chair's to record, not only the conference's chair's. */
      gtk_widget_set_visible (self->challenge_button,
                              self->chair_role && quorum_profile_has_challenge_route (profile) &&
                              decision->dissent != NULL && decision->dissent->len > 0);
    }
  else
    {
      gtk_stack_set_visible_child_name (self->decision_stack, "pending");
      if (finalised)
        gtk_label_set_label (self->pending_label, _("The conference was signed off without a decision for this child."));
      else if (consensus)
        gtk_label_set_label (self->pending_label, _("The conference agreed. Take the decision to record it."));
      else if (!vote_open)
        gtk_label_set_label (self->pending_label, _("Record an attempt at consensus first."));
    }

  /* Rows and buttons built for a child not shown yet are named too. */
  quorum_ui_fix_accessible_names (GTK_WIDGET (self));
}

/* ---- GObject ---- */

static void
quorum_child_panel_dispose (GObject *object)
{
  QuorumChildPanel *self = (QuorumChildPanel *)object;

  stop_board_wait (self);
  stop_whole_card_wait (self);
  g_clear_handle_id (&self->board_source, g_source_remove);
  g_clear_weak_pointer (&self->left_focus);
  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_CHILD_PANEL);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_first_child (GTK_WIDGET (self)))
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  g_clear_object (&self->attempts);
  g_clear_object (&self->groups);
  g_clear_object (&self->dissent);
  g_clear_object (&self->attempt_draft);
  g_clear_object (&self->decision_draft);
  g_clear_object (&self->attempt_builder);
  g_clear_object (&self->pending_builder);
  g_clear_pointer (&self->profile, quorum_profile_unref);
  g_clear_pointer (&self->child_name, g_free);
  g_clear_pointer (&self->chair, g_free);
  g_clear_pointer (&self->same_as_name, g_free);
  g_clear_pointer (&self->same_as_proposal, g_free);
  g_clear_pointer (&self->same_as_summary, g_free);

  G_OBJECT_CLASS (quorum_child_panel_parent_class)->dispose (object);
}

static void
quorum_child_panel_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  QuorumChildPanel *self = QUORUM_CHILD_PANEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_CONFERENCE_ID:
      g_value_set_int64 (value, self->conference_id);
      break;

    case PROP_CHILD_ID:
      g_value_set_int64 (value, self->child_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_child_panel_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  QuorumChildPanel *self = QUORUM_CHILD_PANEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_CONFERENCE_ID:
      self->conference_id = g_value_get_int64 (value);
      break;

    case PROP_CHILD_ID:
      self->child_id = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_child_panel_constructed (GObject *object)
{
  QuorumChildPanel *self = (QuorumChildPanel *)object;

  G_OBJECT_CLASS (quorum_child_panel_parent_class)->constructed (object);

  g_return_if_fail (QUORUM_IS_STORE (self->store));
  /* The attempt's form and the decision still to take, with their drafts, are built when first
   * shown or used (ensure_attempt_form (), ensure_pending_page ()): a decided child needs neither. */
}

static void
set_away (QuorumChildPanel *self,
          gboolean          away)
{
  QuorumVoteCard *card;

  self->away = away;
  for (guint i = 0; (card = card_at (self, i)) != NULL; i++)
    quorum_vote_card_set_away (card, away);
}

static void
quorum_child_panel_map (GtkWidget *widget)
{
  QuorumChildPanel *self = QUORUM_CHILD_PANEL (widget);

  /* Shown again: the chair is back with this child. */
  if (self->away)
    quorum_child_panel_come_back (self);
  GTK_WIDGET_CLASS (quorum_child_panel_parent_class)->map (widget);
  start_board_wait (self);
}

static void
quorum_child_panel_unmap (GtkWidget *widget)
{
  QuorumChildPanel *self = QUORUM_CHILD_PANEL (widget);

  stop_board_wait (self);
  stop_whole_card_wait (self);
  GTK_WIDGET_CLASS (quorum_child_panel_parent_class)->unmap (widget);
}

static void
quorum_child_panel_class_init (QuorumChildPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = quorum_child_panel_constructed;
  object_class->dispose = quorum_child_panel_dispose;
  object_class->get_property = quorum_child_panel_get_property;
  object_class->set_property = quorum_child_panel_set_property;
  widget_class->map = quorum_child_panel_map;
  widget_class->unmap = quorum_child_panel_unmap;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         QUORUM_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_CONFERENCE_ID] =
    g_param_spec_int64 ("conference-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_CHILD_ID] =
    g_param_spec_int64 ("child-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted after the panel wrote to the store (or tried): the page reloads the record. */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "child.record-attempt", NULL, record_attempt_action);
  gtk_widget_class_install_action (widget_class, "child.record-vote", "(ssusb)", record_vote_action);
  gtk_widget_class_install_action (widget_class, "child.record-member-view", "(xsusb)", record_member_view_action);
  gtk_widget_class_install_action (widget_class, "child.decide", NULL, decide_action);
  gtk_widget_class_install_action (widget_class, "child.next-card", "s", next_card_action);
  gtk_widget_class_install_action (widget_class, "child.show-card", "s", show_card_action);

  g_type_ensure (QUORUM_TYPE_TEXT_FIELD);
  g_type_ensure (QUORUM_TYPE_COLUMN);
  g_type_ensure (QUORUM_TYPE_TEXT_ROW);
  g_type_ensure (QUORUM_TYPE_SCROLL_BIN);
  g_type_ensure (QUORUM_TYPE_FOLD_BOX);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/quorum_app/quorum/ui/quorum-child-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumChildPanel, scroller);
  gtk_widget_class_bind_template_child (widget_class, QuorumChildPanel, content_box);
  gtk_widget_class_bind_template_child (widget_class, QuorumChildPanel, decision_group);
  gtk_widget_class_bind_template_child (widget_class, QuorumChildPanel, attempts_group);
  gtk_widget_class_bind_template_child (widget_class, QuorumChildPanel, attempts_list);
  gtk_widget_class_bind_template_child (widget_class, QuorumChildPanel, vote_section);
  gtk_widget_class_bind_template_child (widget_class, QuorumChildPanel, vote_title);
  gtk_widget_class_bind_template_child (widget_class, QuorumChildPanel, tally_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumChildPanel, vote_hint);
  gtk_widget_class_bind_template_child (widget_class, QuorumChildPanel, vote_board);
  gtk_widget_class_bind_template_child (widget_class, QuorumChildPanel, vote_closed_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumChildPanel, decision_stack);
  gtk_widget_class_bind_template_child (widget_class, QuorumChildPanel, outcome_box);
  gtk_widget_class_bind_template_child (widget_class, QuorumChildPanel, outcome_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumChildPanel, basis_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumChildPanel, chair_reason_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumChildPanel, left_view_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumChildPanel, decided_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumChildPanel, plan_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumChildPanel, referral_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumChildPanel, dissent_heading);
  gtk_widget_class_bind_template_child (widget_class, QuorumChildPanel, challenge_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumChildPanel, dissent_list);
}

static void
quorum_child_panel_init (QuorumChildPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->attempts = g_list_store_new (QUORUM_TYPE_RECORD_ITEM);
  self->groups = g_list_store_new (QUORUM_TYPE_GROUP_ITEM);
  self->dissent = g_list_store_new (QUORUM_TYPE_RECORD_ITEM);

  gtk_list_box_bind_model (self->attempts_list, G_LIST_MODEL (self->attempts),
                           quorum_record_item_create_row, NULL, NULL);
  gtk_list_box_bind_model (self->dissent_list, G_LIST_MODEL (self->dissent),
                           quorum_record_item_create_row, NULL, NULL);
}

/* The attempt's form: the proposal, its first field, with the caret at the end of any words
 * kept there and nothing selected, as every time (README: "its proposal"). The focus went to the
 * first field still empty, and the proposal's words were selected: the chair, expecting the
 * proposal, typed it into the summary, or replaced the proposal with the next key. */
static gboolean
focus_attempt_form (QuorumChildPanel *self)
{
  ensure_attempt_form (self);
  return quorum_ui_focus_at_end (GTK_WIDGET (self->proposal_row));
}

gboolean
quorum_child_panel_focus_next_step (QuorumChildPanel *self)
{
  GtkRoot *root;

  g_return_val_if_fail (QUORUM_IS_CHILD_PANEL (self), FALSE);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_focus_visible (GTK_WINDOW (root), TRUE);

  if (self->decided)
    {
      /* The decision, at the top, as once it is taken. */
      scroll_to_top (self);
      if (gtk_widget_grab_focus (self->outcome_box))
        {
          gtk_label_select_region (self->outcome_label, 0, 0);
          gtk_label_select_region (self->basis_label, 0, 0);
          return TRUE;
        }
    }
  else if (self->may_vote && !self->finalised)
    {
      if (self->vote_open)
        {
          /* The first group still to give its view, else the decision. */
          focus_waiting_card (self, 0);
          return TRUE;
        }
      if (self->consensus)
        {
          ensure_pending_page (self);
          return gtk_widget_grab_focus (self->decide_button);
        }
      scroll_to_top (self);
      return focus_attempt_form (self);
    }

  scroll_to_top (self);
  return gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
}

/* Reopened after the window was closed, or the app killed, mid-sentence, the board opened at its
 * top, and the card holding the kept words could be four cards down, unseen (trial 9 A5). */
gboolean
quorum_child_panel_focus_draft (QuorumChildPanel *self)
{
  QuorumVoteCard *card;

  g_return_val_if_fail (QUORUM_IS_CHILD_PANEL (self), FALSE);

  if (!self->may_vote || self->finalised || !self->vote_open)
    return FALSE;
  ensure_board (self);
  for (guint i = 0; (card = card_at (self, i)) != NULL; i++)
    {
      gboolean scrolls;
      gboolean grabbed;

      if (!quorum_vote_card_get_holds_draft (card))
        continue;
      scrolls = set_scroll_to_focus (self, FALSE);
      grabbed = quorum_ui_focus_at_end (GTK_WIDGET (quorum_vote_card_get_reason_field (card)));
      if (scrolls)
        set_scroll_to_focus (self, TRUE);
      if (!grabbed)
        continue;
      show_whole_card_laid_out (self, GTK_WIDGET (card), NULL);
      return TRUE;
    }
  return FALSE;
}

void
quorum_child_panel_leave (QuorumChildPanel *self,
                          GtkWidget        *focus)
{
  g_return_if_fail (QUORUM_IS_CHILD_PANEL (self));

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    focus = NULL;
  /* What the chair was typing here is not finished because they went: a draft, not recorded. */
  set_away (self, TRUE);

  g_set_weak_pointer (&self->left_focus, focus);
  self->left_caret = -1;
  if (focus == NULL)
    return;
  if (GTK_IS_TEXT (focus))
    self->left_caret = gtk_editable_get_position (GTK_EDITABLE (focus));
  else if (GTK_IS_TEXT_VIEW (focus))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus));
      GtkTextIter at;

      gtk_text_buffer_get_iter_at_mark (buffer, &at, gtk_text_buffer_get_insert (buffer));
      self->left_caret = gtk_text_iter_get_offset (&at);
    }
}

void
quorum_child_panel_come_back (QuorumChildPanel *self)
{
  g_return_if_fail (QUORUM_IS_CHILD_PANEL (self));

  if (self->away)
    set_away (self, FALSE);
}

/* The widget the chair left, given the focus again as they had it: in words, the caret where
 * it was and nothing selected (an entry's grab selects all of it, and the next key replaced
 * it). FALSE when it is gone (the panel rebuilt) or can no longer take the focus. */
static gboolean
give_back_left_focus (QuorumChildPanel *self)
{
  GtkWidget *focus = self->left_focus;
  int caret = self->left_caret;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)) ||
      !gtk_widget_is_drawable (focus) || !gtk_widget_is_sensitive (focus))
    return FALSE;

  if (GTK_IS_TEXT (focus))
    {
      int length = (int) gtk_entry_buffer_get_length (gtk_text_get_buffer (GTK_TEXT (focus)));

      if (!gtk_text_grab_focus_without_selecting (GTK_TEXT (focus)))
        return FALSE;
      caret = caret < 0 || caret > length ? length : caret;
      gtk_editable_select_region (GTK_EDITABLE (focus), caret, caret);
      return TRUE;
    }
  if (GTK_IS_TEXT_VIEW (focus))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus));
      GtkTextIter at;

      if (!gtk_widget_grab_focus (focus))
        return FALSE;
      if (caret >= 0 && caret <= gtk_text_buffer_get_char_count (buffer))
        gtk_text_buffer_get_iter_at_offset (buffer, &at, caret);
      else
        gtk_text_buffer_get_end_iter (buffer, &at);
      gtk_text_buffer_place_cursor (buffer, &at);
      gtk_text_view_scroll_mark_onscreen (GTK_TEXT_VIEW (focus), gtk_text_buffer_get_insert (buffer));
      return TRUE;
    }
  return gtk_widget_grab_focus (focus);
}

gboolean
quorum_child_panel_return_focus (QuorumChildPanel *self,
                                 gboolean          was_typing)
{
  GtkRoot *root;
  GtkWidget *focus;

  g_return_val_if_fail (QUORUM_IS_CHILD_PANEL (self), FALSE);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (give_back_left_focus (self))
    {
      if (GTK_IS_WINDOW (root))
        gtk_window_set_focus_visible (GTK_WINDOW (root), TRUE);
      g_clear_weak_pointer (&self->left_focus);
      return TRUE;
    }
  g_clear_weak_pointer (&self->left_focus);

  if (!quorum_child_panel_focus_next_step (self))
    return FALSE;

  /* The chair was typing when they switched: the words they go on with must not choose a view
   * where the focus now is (a Space chose Plan for a group that had not spoken; trial 8). The
   * card holds the keys until the chair presses one that is no text. */
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (was_typing && focus != NULL && !quorum_ui_takes_words (focus))
    {
      GtkWidget *card = gtk_widget_get_ancestor (focus, QUORUM_TYPE_VOTE_CARD);

      if (card != NULL)
        quorum_vote_card_hold_typing (QUORUM_VOTE_CARD (card));
    }
  return TRUE;
}

gboolean
quorum_child_panel_show_decision (QuorumChildPanel *self)
{
  g_return_val_if_fail (QUORUM_IS_CHILD_PANEL (self), FALSE);

  if (!self->decided)
    return FALSE;
  /* Once taken the decision is first in the panel: its top is the decision. */
  return quorum_child_panel_focus_next_step (self);
}

GtkWidget *
quorum_child_panel_new (QuorumStore *store,
                        gint64       conference_id,
                        gint64       child_id)
{
  return g_object_new (QUORUM_TYPE_CHILD_PANEL,
                       "store", store,
                       "conference-id", conference_id,
                       "child-id", child_id,
                       NULL);
}

gint64
quorum_child_panel_get_child_id (QuorumChildPanel *self)
{
  g_return_val_if_fail (QUORUM_IS_CHILD_PANEL (self), 0);

  return self->child_id;
}

QuorumVoteCard *
quorum_child_panel_get_card (QuorumChildPanel *self,
                             const char       *group)
{
  g_return_val_if_fail (QUORUM_IS_CHILD_PANEL (self), NULL);

  ensure_board (self);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->vote_board));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *card = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

      if (QUORUM_IS_VOTE_CARD (card) &&
          quorum_group_equal (quorum_group_item_get_name (quorum_vote_card_get_item (QUORUM_VOTE_CARD (card))), group))
        return QUORUM_VOTE_CARD (card);
    }

  return NULL;
}

void
quorum_child_panel_fill_attempt (QuorumChildPanel *self,
                                 const char       *proposal,
                                 const char       *summary,
                                 const char       *views,
                                 QuorumView        agreed,
                                 guint             categories)
{
  g_return_if_fail (QUORUM_IS_CHILD_PANEL (self));

  ensure_attempt_form (self);
  gtk_editable_set_text (GTK_EDITABLE (self->proposal_row), proposal != NULL ? proposal : "");
  quorum_text_field_type (self->summary_field, summary);
  quorum_text_field_type (self->views_field, views);
  adw_combo_row_set_selected (self->agreed_row,
                              agreed == QUORUM_VIEW_PLAN ? OUTCOME_PLAN
                              : agreed == QUORUM_VIEW_NO_PLAN ? OUTCOME_NO_PLAN : OUTCOME_NONE);
  write_categories (categories, self->attempt_neglect, self->attempt_physical,
                    self->attempt_emotional, self->attempt_sexual);
}

void
quorum_child_panel_set_chair_view (QuorumChildPanel *self,
                                   QuorumView        view,
                                   guint             categories)
{
  g_return_if_fail (QUORUM_IS_CHILD_PANEL (self));

  ensure_pending_page (self);
  gtk_toggle_button_set_active (self->chair_plan_button, view == QUORUM_VIEW_PLAN);
  gtk_toggle_button_set_active (self->chair_no_plan_button, view == QUORUM_VIEW_NO_PLAN);
  write_categories (categories, self->chair_neglect, self->chair_physical,
                    self->chair_emotional, self->chair_sexual);
}

GObject *
quorum_child_panel_get_part (QuorumChildPanel *self,
                             const char       *name)
{
  GObject *part;

  g_return_val_if_fail (QUORUM_IS_CHILD_PANEL (self), NULL);

  ensure_attempt_form (self);
  ensure_pending_page (self);
  part = self->attempt_builder != NULL ? gtk_builder_get_object (self->attempt_builder, name) : NULL;
  if (part == NULL && self->pending_builder != NULL)
    part = gtk_builder_get_object (self->pending_builder, name);
  return part;
}
