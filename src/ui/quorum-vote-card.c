/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-vote-card.c: one line-management group's single view on the vote board. */

#define G_LOG_DOMAIN "quorum-vote-card"

#include <glib/gi18n.h>

#include "quorum-draft.h"
#include "quorum-text-field.h"
#include "quorum-ui-util.h"
#include "quorum-vote-card.h"
#include "quorum-wrap-label.h"

struct _QuorumVoteCard
{
  GtkWidget        parent_instance;

  QuorumGroupItem *item;
  QuorumDraft     *draft;
  gboolean         syncing;
  gboolean         attention;   /* the status asks for something */
  gboolean         read_only;
  /* The group's reason as this card last saw it stored; another writer's reason arriving
   * while words are typed here that differ from both is a conflict: nothing is recorded over
   * it until the chair chooses (keep theirs, or record these words instead). */
  char            *seen_reason;
  gboolean         conflict;
  /* The controls below the reason label (quorum-vote-card-editor.ui) exist only once the card
   * has been editable, or holds a draft: a decided card shows text. Until then they are NULL. */
  gboolean         has_editor;
  gboolean         draft_attached;
  /* A view chosen here and not stored yet (a decline waits for its reason): it stays chosen when
   * the board is read again meanwhile (another chair's write, or this one's arriving live). */
  QuorumView       waiting_view;
  /* The view button being pressed is pressed from the keyboard (Space or Enter): the focus stays
   * on it, where the chair's next key goes, rather than moving on as after a click. */
  gboolean         keyboard_choice;
  /* Keys typed as words, where no words go (a view, a category, "could not agree"; or the view
   * the focus came to as the chair switched child while typing): they choose and tick nothing,
   * the card says so, until a key that is no text (Tab, an arrow) or a click. The status it
   * showed before, given back then. */
  gboolean         holding_typing;
  GString         *held_words;    /* what was typed meanwhile, shown so that it can be typed again */
  char            *held_status;
  gboolean         held_attention;
  char            *held_said;     /* what the card then says */
  /* What the status last said of the view recorded (say_recorded): said again when the
   * reason's words become a draft or stop being one. */
  char            *recorded_said;
  /* The last record asked for (a view, its categories, its reason) was not stored: refused by
   * the store (the server down), or waiting (a decline with no reason, a reason conflict).
   * Ctrl+Enter then keeps the focus where the words are, rather than going on. */
  gboolean         not_recorded;
  /* The chair went to another child (quorum_vote_card_set_away): the words typed here and not
   * recorded, the group's reason and the representatives', are a draft until they come back. */
  gboolean         away;
  /* The reason in the field was given for another view (carried_for), the one recorded before
   * the chair changed it: the change was recorded without it (quorum_check_view_change), and
   * the words stay here, marked, until the chair edits them or confirms them for the new view
   * (Ctrl+Enter). Leaving the field does not record them. NULL when no such words wait. */
  char            *carried_text;
  QuorumView       carried_for;
  /* What the draft keeps of it ("plan": the words in the field were given for Plan), as last
   * written, so that the mark comes back with the words after a restart or a crash. */
  char            *carried_kept;

  GtkBox          *box;
  GtkLabel        *group_label;
  GtkImage        *recorded_icon;
  GtkLabel        *members_label;
  GtkLabel        *view_label;
  GtkLabel        *decided_category_label;
  QuorumWrapLabel *reason_label;
  GtkWidget       *view_box;
  GtkToggleButton *plan_button;
  GtkToggleButton *no_plan_button;
  GtkToggleButton *decline_button;
  GtkWidget       *categories_box;
  GtkWidget       *categories_grid;
  GtkLabel        *no_category_label;
  GtkCheckButton  *neglect_check;
  GtkCheckButton  *physical_check;
  GtkCheckButton  *emotional_check;
  GtkCheckButton  *sexual_check;
  QuorumTextField *reason_field;
  GtkWidget       *reason_draft_label;
  GtkCheckButton  *disagreed_check;
  GtkWidget       *disagreed_note;
  GtkLabel        *status_label;
  GtkWidget       *status_room;
  GtkWidget       *conflict_box;
  GtkLabel        *conflict_label;
  /* Each representative's own position where they could not agree: a MemberRow each. */
  GtkBox          *members_box;
  GPtrArray       *member_rows;
  gboolean         member_rows_editable;
  QuorumDraft     *member_draft;   /* the representatives' reasons typed and not yet recorded */
};

/* One representative on the card: their own position and its reason (controls), or, on a
 * read-only card, both as text. */
typedef struct
{
  QuorumVoteCard  *card;
  gint64           attendee_id;
  char            *name;
  GtkWidget       *row;            /* held: its widgets are there to be let go in member_row_free */
  GtkToggleButton *plan_button;
  GtkToggleButton *no_plan_button;
  GtkEntry        *reason_entry;
  GtkEventController *reason_focus;
  GtkEventController *position_keys;
  /* Chosen here and not stored yet: it waits for the representative's reason. */
  QuorumView       waiting_view;
  /* The stored reason as this row last showed it: words that differ are being typed. */
  char            *seen_reason;
  char            *draft_field;   /* its reason's name in the card's member draft, once kept there */
} MemberRow;

/* The row's widgets can outlive it: the window holds its focus widget until the focus moves on,
 * so a representative's reason with the focus, its row let go as the card was rebuilt (the
 * decision recorded, the representatives changed), was still the focus, orphaned; the focus then
 * moving to the decision ran its "leave" handler on the freed row (trial 6, D0: SIGSEGV). Nothing
 * of the row's widgets reaches the row once it is let go. */
static void
member_row_free (MemberRow *row)
{
  if (row->reason_entry != NULL)
    {
      g_signal_handlers_disconnect_by_data (row->plan_button, row);
      g_signal_handlers_disconnect_by_data (row->no_plan_button, row);
      g_signal_handlers_disconnect_by_data (row->reason_entry, row);
      g_signal_handlers_disconnect_by_data (row->reason_focus, row);
      g_signal_handlers_disconnect_by_data (row->position_keys, row);
    }
  g_clear_object (&row->row);
  g_free (row->name);
  g_free (row->seen_reason);
  g_free (row->draft_field);
  g_free (row);
}

enum {
  PROP_0,
  PROP_ITEM,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (QuorumVoteCard, quorum_vote_card, GTK_TYPE_WIDGET)

QuorumView
quorum_vote_card_get_shown_view (QuorumVoteCard *self)
{
  g_return_val_if_fail (QUORUM_IS_VOTE_CARD (self), QUORUM_VIEW_NONE);

  /* Without its controls the card shows what is stored. */
  if (!self->has_editor)
    return self->item != NULL ? quorum_group_item_get_view (self->item) : QUORUM_VIEW_NONE;

  if (gtk_toggle_button_get_active (self->plan_button))
    return QUORUM_VIEW_PLAN;
  if (gtk_toggle_button_get_active (self->no_plan_button))
    return QUORUM_VIEW_NO_PLAN;
  if (gtk_toggle_button_get_active (self->decline_button))
    return QUORUM_VIEW_DECLINE;

  return QUORUM_VIEW_NONE;
}

static guint
get_shown_categories (QuorumVoteCard *self)
{
  guint categories = 0;

  if (!self->has_editor)
    return self->item != NULL ? quorum_group_item_get_categories (self->item) : 0;

  if (gtk_check_button_get_active (self->neglect_check))
    categories |= QUORUM_CATEGORY_NEGLECT;
  if (gtk_check_button_get_active (self->physical_check))
    categories |= QUORUM_CATEGORY_PHYSICAL;
  if (gtk_check_button_get_active (self->emotional_check))
    categories |= QUORUM_CATEGORY_EMOTIONAL;
  if (gtk_check_button_get_active (self->sexual_check))
    categories |= QUORUM_CATEGORY_SEXUAL;

  return categories;
}

/* The category boxes are always on the card (it keeps its height whichever view is chosen), to
 * be ticked only with a plan; a plan with none ticked says so, calmly, on the line kept for it
 * (DOMAIN "Reaching a decision": with plan, the category of abuse). */
static void
sync_categories (QuorumVoteCard *self)
{
  gboolean plan = quorum_vote_card_get_shown_view (self) == QUORUM_VIEW_PLAN;

  if (!self->has_editor)
    return;

  gtk_widget_set_sensitive (self->categories_grid, plan);
  gtk_label_set_label (self->no_category_label,
                       plan && get_shown_categories (self) == 0 ? _("No category of abuse given") : "");
}

static void
set_status (QuorumVoteCard *self,
            const char     *text,
            gboolean        attention)
{
  gtk_label_set_label (self->status_label, text);
  self->attention = attention;

  if (attention)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "warning");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "warning");
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "dim-label");
    }
}

/* What the card says of the group's view once recorded: when, and, while the reason box holds
 * words that are not the recorded reason (a draft, marked "Draft · not yet recorded" under the
 * box), that those are not recorded. "Recorded <time>" under that mark said the opposite
 * (after a switch away and back: docs/notes/live7.md). */
static void
say_recorded (QuorumVoteCard *self)
{
  g_autofree char *when = quorum_ui_format_timestamp (quorum_group_item_get_recorded_at (self->item));
  const char *reason = quorum_group_item_get_reason (self->item);
  gboolean draft = self->draft_attached && quorum_draft_get_has_draft (self->draft);

  g_free (self->recorded_said);
  if (draft && (reason == NULL || *reason == '\0'))
    /* Translators: %s is when the group's view was recorded; the words in its reason box are
     * a draft, not recorded */
    self->recorded_said = g_strdup_printf (_("View recorded %s · its reason not yet recorded"), when);
  else if (draft)
    /* Translators: %s is when the group's view and its reason were recorded; the reason box now
     * holds other words, a draft not recorded */
    self->recorded_said = g_strdup_printf (_("View and earlier reason recorded %s · the new words not yet recorded"), when);
  else if (quorum_group_item_get_members_disagreed (self->item))
    /* Translators: %s is when the view was recorded */
    self->recorded_said = g_strdup_printf (_("Recorded %s · the representatives disagreed"), when);
  else
    self->recorded_said = g_strdup_printf (_("Recorded %s"), when);
  set_status (self, self->recorded_said, FALSE);
}

/* The reason's words became a draft, or stopped being one: the status follows, when it is the
 * recorded view's (not a question the card asks, nor the words it held). */
static void
draft_state_cb (QuorumVoteCard *self)
{
  if (self->syncing || self->item == NULL || quorum_group_item_get_view (self->item) == QUORUM_VIEW_NONE ||
      self->recorded_said == NULL || g_strcmp0 (gtk_label_get_label (self->status_label), self->recorded_said) != 0)
    return;
  say_recorded (self);
}

static void
ask_decline_reason (QuorumVoteCard *self)
{
  set_status (self, _("Not recorded yet: type the group’s reason for declining, then leave the field or press Ctrl+Enter"), TRUE);
}

static void
ask_to_record_reason (QuorumVoteCard *self)
{
  set_status (self, _("Not recorded yet: leave the field or press Ctrl+Enter to record it"), FALSE);
}

/* The words on a view's button, for the card's own sentences. */
static const char *
view_button_label (QuorumView view)
{
  switch (view)
    {
    case QUORUM_VIEW_PLAN:    return C_("view", "Plan");
    case QUORUM_VIEW_NO_PLAN: return C_("view", "No plan");
    case QUORUM_VIEW_DECLINE: return C_("view", "Declined");
    case QUORUM_VIEW_NONE:
    default:                  return "";
    }
}

static void
clear_carried (QuorumVoteCard *self)
{
  g_clear_pointer (&self->carried_text, g_free);
  self->carried_for = QUORUM_VIEW_NONE;
}

/* The old view's reason waits in the field for the new view: said on the card, plainly. */
static void
ask_carried_reason (QuorumVoteCard *self,
                    QuorumView      view)
{
  g_autofree char *text = NULL;

  /* Translators: the view the reason was given for, then the view now recorded (twice), e.g.
   * "Reason given for Plan · not yet recorded for No plan: edit it, or press Ctrl+Enter to
   * record it for No plan" */
  text = g_strdup_printf (_("Reason given for %s · not yet recorded for %s: edit it, or press Ctrl+Enter to record it for %s"),
                          view_button_label (self->carried_for), view_button_label (view),
                          view_button_label (view));
  set_status (self, text, TRUE);
}

/* The field still holds, word for word, the reason waiting from the old view. */
static gboolean
field_holds_carried (QuorumVoteCard *self)
{
  g_autofree char *words = NULL;

  if (self->carried_text == NULL || !self->has_editor)
    return FALSE;
  words = quorum_text_field_get_text (self->reason_field);
  return words != NULL && g_strcmp0 (g_strstrip (words), self->carried_text) == 0;
}

/* The draft's "reason-given-for": the view the words in the field were given for, while they
 * wait, word for word, for the view now recorded; else nothing. Kept beside the words (the
 * draft's "reason"), so that after a restart or a crash they come back marked as the old view's,
 * not as an ordinary draft that leaving the field would record for the new view. */
static char *
carried_draft_get (gpointer user_data)
{
  QuorumVoteCard *self = user_data;

  if (!field_holds_carried (self))
    return NULL;
  return g_strdup (quorum_view_to_string (self->carried_for));
}

/* Given back: the words in the field (given back just before, as the draft's "reason") were
 * given for @text's view, while another is recorded now without a reason of its own. */
static void
carried_draft_set (const char *text,
                   gpointer    user_data)
{
  QuorumVoteCard *self = user_data;
  g_autofree char *words = NULL;
  QuorumView given = QUORUM_VIEW_NONE;
  QuorumView recorded;
  const char *reason;

  g_free (self->carried_kept);
  self->carried_kept = g_strdup (text);
  if (text == NULL || !quorum_view_from_string (text, &given) || self->item == NULL || !self->has_editor)
    {
      clear_carried (self);
      return;
    }

  recorded = quorum_group_item_get_view (self->item);
  reason = quorum_group_item_get_reason (self->item);
  words = quorum_text_field_get_text (self->reason_field);
  if (words == NULL)
    words = g_strdup ("");
  g_strstrip (words);
  /* Only while it still holds: the view changed, no reason recorded for it, the words there. */
  if (recorded == QUORUM_VIEW_NONE || recorded == given || quorum_view_change_keeps_reason (given, recorded) ||
      (reason != NULL && *reason != '\0') || *words == '\0')
    {
      clear_carried (self);
      return;
    }

  g_free (self->carried_text);
  self->carried_text = g_steal_pointer (&words);
  self->carried_for = given;
  ask_carried_reason (self, recorded);
}

/* Writes the mark now when it changed (the view just changed, or the words were confirmed or
 * edited): a kill a moment after the card showed it must not lose it. */
static void
keep_carried (QuorumVoteCard *self)
{
  g_autofree char *now = NULL;

  if (!self->draft_attached || self->draft == NULL)
    return;
  now = carried_draft_get (self);
  if (g_strcmp0 (now, self->carried_kept) == 0)
    return;
  g_free (self->carried_kept);
  self->carried_kept = g_steal_pointer (&now);
  quorum_draft_flush (self->draft);
}

/* Records what the card shows, as one view of the group, through the child panel's action. */
static void
quorum_vote_card_record (QuorumVoteCard *self)
{
  QuorumView view = quorum_vote_card_get_shown_view (self);
  g_autofree char *reason = NULL;
  guint categories = 0;

  if (self->item == NULL || self->syncing || !self->has_editor)
    return;

  self->not_recorded = TRUE;
  if (self->conflict)
    {
      /* Never over another's recorded reason without the chair's choice. */
      set_status (self, _("Not recorded: this group’s reason was recorded elsewhere while you typed; keep theirs or record yours instead"), TRUE);
      return;
    }

  if (view == QUORUM_VIEW_NONE)
    {
      set_status (self, _("Choose plan, no plan or declined first"), TRUE);
      return;
    }

  reason = quorum_text_field_get_text (self->reason_field);

  /* DOMAIN "Reaching a decision" 3 (quorum_check_view_change): the recorded view changed with
   * the field still holding its reason, word for word; those words were given for the old view.
   * The new view is recorded without them; they stay in the field, marked, to edit or confirm. */
  {
    QuorumView stored = quorum_group_item_get_view (self->item);
    const char *stored_reason = quorum_group_item_get_reason (self->item);
    g_autofree char *words = g_strstrip (g_strdup (reason != NULL ? reason : ""));
    g_autofree char *given = g_strstrip (g_strdup (stored_reason != NULL ? stored_reason : ""));

    if (!quorum_view_change_keeps_reason (stored, view) && *given != '\0' && g_strcmp0 (words, given) == 0)
      {
        g_free (self->carried_text);
        self->carried_text = g_strdup (words);
        self->carried_for = stored;
      }
    if (self->carried_text != NULL && field_holds_carried (self))
      {
        if (view == self->carried_for)
          clear_carried (self);        /* back to the view they were given for: theirs again */
        else
          g_clear_pointer (&reason, g_free);
      }
  }

  if (view == QUORUM_VIEW_DECLINE && reason == NULL)
    {
      /* Nothing is stored yet: say so, rather than showing the decline as recorded. */
      self->waiting_view = view;
      ask_decline_reason (self);
      if (gtk_widget_get_mapped (GTK_WIDGET (self->reason_field)))
        gtk_widget_grab_focus (GTK_WIDGET (quorum_text_field_get_view (self->reason_field)));
      return;
    }

  if (view == QUORUM_VIEW_PLAN)
    categories = get_shown_categories (self);

  self->waiting_view = QUORUM_VIEW_NONE;
  gtk_widget_activate_action (GTK_WIDGET (self), "child.record-vote", "(ssusb)",
                              quorum_group_item_get_name (self->item),
                              quorum_view_to_string (view),
                              categories,
                              reason != NULL ? reason : "",
                              gtk_check_button_get_active (self->disagreed_check));
  /* The board is read again before the action returns: what it holds now is what was stored. */
  self->not_recorded = self->item == NULL ||
                       quorum_group_item_get_view (self->item) != view ||
                       quorum_group_item_get_categories (self->item) != categories ||
                       g_strcmp0 (reason != NULL ? reason : "",
                                  quorum_group_item_get_reason (self->item) != NULL ? quorum_group_item_get_reason (self->item) : "") != 0;

  /* Refused: the board read again shows the view as stored, but the words typed are never taken
   * back (the reload gave the field the stored reason once its words had been committed): they
   * stay, as typed words, a draft until recorded. */
  if (self->not_recorded && self->item != NULL && self->has_editor && reason != NULL)
    {
      g_autofree char *shown = quorum_text_field_get_text (self->reason_field);

      if (g_strcmp0 (shown, reason) != 0)
        quorum_text_field_type (self->reason_field, reason);
    }
}

/* Read-only, the card shows text, not controls drawn inactive: readable on a projector, and
 * the card stays in the Tab order, announced with the group's view and reason. */
static void
sync_read_only (QuorumVoteCard *self,
                QuorumView      view,
                guint           categories,
                const char     *reason)
{
  gboolean ro = self->read_only;
  g_autofree char *shown = quorum_ui_format_view (view, categories);
  g_autofree char *label = NULL;
  g_autofree char *amended = NULL;
  /* A plan with no category of abuse is said on the decided card too, as on the live one. */
  const char *no_category = view == QUORUM_VIEW_PLAN && categories == 0 ? _("No category of abuse given") : NULL;

  if (self->has_editor)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->view_box), !ro);
      gtk_widget_set_visible (self->categories_box, !ro);
      gtk_widget_set_visible (GTK_WIDGET (self->reason_field), !ro);
      if (ro)
        {
          gtk_widget_set_visible (GTK_WIDGET (self->disagreed_check), FALSE);
          gtk_widget_set_visible (self->disagreed_note, FALSE);
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->view_label), ro);
  gtk_widget_set_visible (GTK_WIDGET (self->decided_category_label), ro && no_category != NULL);
  gtk_label_set_label (self->decided_category_label, ro && no_category != NULL ? no_category : "");
  /* Room for a two-line status only while the status can change under the chair's hands. */
  gtk_widget_set_visible (self->status_room, !ro);
  /* Corrected after sign-off: the reason as it stands, the original kept beside it (DOMAIN 7). */
  if (ro && self->item != NULL)
    {
      const char *current = NULL;
      const char *note = quorum_group_item_get_amended_note (self->item, &current);

      if (note != NULL)
        reason = amended = g_strconcat (current != NULL ? current : "", "\n", note, NULL);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->reason_label), ro && reason != NULL && *reason != '\0');
  gtk_widget_set_focusable (GTK_WIDGET (self), ro);

  gtk_label_set_label (self->view_label, shown);
  quorum_wrap_label_set_label (self->reason_label, reason != NULL ? reason : "");

  if (ro)
    {
      /* Translators: the group, then its view, e.g. "Greater Manchester Police: No plan" */
      label = g_strdup_printf (_("%s: %s"), quorum_group_item_get_name (self->item), shown);
      if (no_category != NULL)
        {
          char *with_note;

          /* Translators: a decided card's name for a screen reader, then the note that the plan
           * was given with no category of abuse, e.g. "Police: Plan · No category of abuse given" */
          with_note = g_strdup_printf (_("%s · %s"), label, no_category);
          g_free (label);
          label = with_note;
        }
      quorum_ui_set_accessible_label (GTK_WIDGET (self), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, reason != NULL ? reason : "",
                                      GTK_ACCESSIBLE_PROPERTY_READ_ONLY, TRUE,
                                      -1);
    }
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void quorum_vote_card_sync (QuorumVoteCard *self);

/* Shows that @theirs was recorded elsewhere for this group while other words were typed here. */
static void
set_conflict (QuorumVoteCard *self,
              const char     *theirs)
{
  g_autofree char *text = NULL;

  self->conflict = TRUE;
  g_free (self->seen_reason);
  self->seen_reason = g_strdup (theirs);
  text = g_strdup_printf (_("While you typed, this group’s reason was recorded elsewhere: “%s”. Your words are kept here as a draft and were not recorded."),
                          theirs);
  gtk_label_set_label (self->conflict_label, text);
  gtk_widget_set_visible (self->conflict_box, TRUE);
}

static void
clear_conflict (QuorumVoteCard *self)
{
  self->conflict = FALSE;
  gtk_widget_set_visible (self->conflict_box, FALSE);
}

/* The recorded reason stays; the words typed here go (their draft too). */
static void
keep_theirs_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  QuorumVoteCard *self = QUORUM_VOTE_CARD (widget);

  if (!self->conflict)
    return;
  clear_conflict (self);
  quorum_text_field_set_text (self->reason_field, self->seen_reason);
  if (self->draft != NULL)
    quorum_draft_discard (self->draft);
  quorum_vote_card_sync (self);
}

/* The chair chose: the words typed here are recorded as the group's reason. */
static void
record_mine_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  QuorumVoteCard *self = QUORUM_VOTE_CARD (widget);

  if (!self->conflict)
    return;
  clear_conflict (self);
  quorum_vote_card_record (self);
}

/* ---- each representative's own position ---- */

static QuorumView
member_row_chosen (MemberRow *row)
{
  if (gtk_toggle_button_get_active (row->plan_button))
    return QUORUM_VIEW_PLAN;
  if (gtk_toggle_button_get_active (row->no_plan_button))
    return QUORUM_VIEW_NO_PLAN;
  return QUORUM_VIEW_NONE;
}

/* Whether @row is still one of its card's, the card in its window: a row being taken away (its
 * card rebuilt or disposed) records nothing; what was typed in it is kept by the card's draft,
 * or carried over to the row made in its place (sync_members). */
static gboolean
member_row_live (MemberRow *row)
{
  QuorumVoteCard *self = row->card;

  return self->item != NULL && self->has_editor && self->member_rows_editable &&
         gtk_widget_get_root (GTK_WIDGET (self)) != NULL &&
         gtk_widget_is_ancestor (row->row, GTK_WIDGET (self->members_box));
}

static void
ask_member_reason (QuorumVoteCard *self,
                   MemberRow      *row)
{
  g_autofree char *text = NULL;

  /* Translators: %s is a representative's name */
  text = g_strdup_printf (_("Not recorded yet: type %s’s reason, then press Enter or leave the field"), row->name);
  set_status (self, text, TRUE);
}

/* Records the position the row shows through the child panel's action, with its reason; without
 * a reason it waits, and says so (the store keeps no own position without its reason). */
static QuorumView member_stored (QuorumVoteCard *self, gint64 attendee_id, const char **reason);

/* With @confirmed (Enter or Ctrl+Enter in their reason), the words are the representative's for
 * the position chosen, even the old position's words again; without it (a position clicked, the
 * field left), a changed position whose words are still the old one's reason waits for them to
 * be edited or confirmed (quorum_check_view_change). */
static void
member_row_record (MemberRow *row,
                   gboolean   confirmed)
{
  QuorumVoteCard *self = row->card;
  QuorumView view = member_row_chosen (row);
  g_autofree char *reason = NULL;
  guint categories = 0;
  const char *stored_reason = NULL;
  QuorumView stored;

  if (self->syncing || !member_row_live (row) || view == QUORUM_VIEW_NONE)
    return;

  reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row->reason_entry))));
  if (*reason == '\0')
    {
      row->waiting_view = view;
      ask_member_reason (self, row);
      /* Clicked, the reason is ready to type. Chosen from the keyboard, the focus stays on the
       * position, as on a group card: Tab then goes to the reason. It jumped into the reason,
       * so the chair's Tab (as on every group card) went on to the next representative's Plan
       * and the sentence typed, its first space choosing Plan for them, was recorded as theirs
       * (trial 7, D2). */
      if (!self->keyboard_choice && gtk_widget_get_mapped (GTK_WIDGET (row->reason_entry)))
        gtk_widget_grab_focus (GTK_WIDGET (row->reason_entry));
      return;
    }

  stored = member_stored (self, row->attendee_id, &stored_reason);
  if (!confirmed && !quorum_view_change_keeps_reason (stored, view) && stored_reason != NULL)
    {
      g_autofree char *given = g_strstrip (g_strdup (stored_reason));

      if (g_strcmp0 (given, reason) == 0)
        {
          g_autofree char *text = NULL;

          row->waiting_view = view;
          /* Translators: a representative's name, the position their reason was given for, then
           * the position now chosen (twice) */
          text = g_strdup_printf (_("%s’s reason was given for %s · not yet recorded for %s: edit it, or press Enter to record it for %s"),
                                  row->name, view_button_label (stored), view_button_label (view),
                                  view_button_label (view));
          set_status (self, text, TRUE);
          if (gtk_widget_get_mapped (GTK_WIDGET (row->reason_entry)))
            gtk_widget_grab_focus (GTK_WIDGET (row->reason_entry));
          return;
        }
    }

  /* A plan position takes the categories the card shows for the group's plan view. */
  if (view == QUORUM_VIEW_PLAN && quorum_vote_card_get_shown_view (self) == QUORUM_VIEW_PLAN)
    categories = get_shown_categories (self);

  row->waiting_view = QUORUM_VIEW_NONE;
  gtk_widget_activate_action (GTK_WIDGET (self), "child.record-member-view", "(xsusb)",
                              row->attendee_id, quorum_view_to_string (view), categories, reason, confirmed);
}

static void
member_toggled_cb (GtkToggleButton *button,
                   MemberRow       *row)
{
  if (row->card->syncing || !member_row_live (row) || !gtk_toggle_button_get_active (button))
    return;

  member_row_record (row, FALSE);
}

/* Enter in the reason (@confirmed), or leaving it with new words: recorded with the position
 * chosen. */
static void
member_reason_done (MemberRow *row,
                    gboolean   confirmed)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row->reason_entry));
  QuorumView stored = QUORUM_VIEW_NONE;
  const char *reason = NULL;

  if (row->card->syncing || !member_row_live (row) || member_row_chosen (row) == QUORUM_VIEW_NONE)
    return;
  /* Left as the chair went to another child: the words stay a draft (trial 8, A2). */
  if (row->card->away && !confirmed)
    return;

  for (guint i = 0; i < quorum_group_item_get_n_representatives (row->card->item); i++)
    {
      gint64 id;
      QuorumView view;
      const char *r;

      quorum_group_item_get_representative (row->card->item, i, &id, NULL, &view, &r);
      if (id == row->attendee_id)
        {
          stored = view;
          reason = r;
        }
    }
  if (stored == member_row_chosen (row) && g_strcmp0 (text, reason) == 0)
    return;

  member_row_record (row, confirmed);
}

/* Enter in the reason: recorded with the position chosen; with none chosen yet, nothing can be,
 * and the card says so and puts the focus on the representative's Plan (Enter did nothing and
 * said nothing). The words wait in the field. */
static void
member_reason_activate_cb (GtkEntry  *entry,
                           MemberRow *row)
{
  QuorumVoteCard *self = row->card;

  if (!member_row_live (row))
    return;
  if (!self->syncing && member_row_chosen (row) == QUORUM_VIEW_NONE)
    {
      g_autofree char *text = NULL;
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      /* Translators: %s is a representative's name; Plan and No plan are the buttons' labels */
      text = g_strdup_printf (_("Not recorded: choose Plan or No plan for %s first"), row->name);
      set_status (self, text, TRUE);
      if (GTK_IS_WINDOW (root))
        gtk_window_set_focus_visible (GTK_WINDOW (root), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (row->plan_button));
      return;
    }

  member_reason_done (row, TRUE);
}

static void
member_reason_leave_cb (GtkEventControllerFocus *controller,
                        MemberRow               *row)
{
  member_reason_done (row, FALSE);
}

/* The position the store holds for representative @attendee_id of the card's group, and its
 * reason. */
static QuorumView
member_stored (QuorumVoteCard  *self,
               gint64           attendee_id,
               const char     **reason)
{
  for (guint i = 0; self->item != NULL && i < quorum_group_item_get_n_representatives (self->item); i++)
    {
      gint64 id;
      QuorumView view;
      const char *r;

      quorum_group_item_get_representative (self->item, i, &id, NULL, &view, &r);
      if (id == attendee_id)
        {
          if (reason != NULL)
            *reason = r;
          return view;
        }
    }
  if (reason != NULL)
    *reason = NULL;
  return QUORUM_VIEW_NONE;
}

static MemberRow *
member_row_find (QuorumVoteCard *self,
                 gint64          attendee_id,
                 guint          *index)
{
  for (guint i = 0; self->member_rows_editable && i < self->member_rows->len; i++)
    {
      MemberRow *row = g_ptr_array_index (self->member_rows, i);

      if (row->attendee_id == attendee_id && row->reason_entry != NULL)
        {
          if (index != NULL)
            *index = i;
          return row;
        }
    }
  return NULL;
}

/* Ctrl+Enter in a representative's reason does what it does in the group's: records (their
 * position with these words) and goes on, to the group's next representative with no position
 * yet, else to the next group. It did nothing and said nothing. Nothing recorded (no position
 * chosen, no reason, the store refused), the card says why and the focus stays for it. */
static gboolean
member_reason_ctrl_enter_cb (GtkWidget *widget,
                             GVariant  *args,
                             gpointer   user_data)
{
  MemberRow *row = user_data;
  g_autoptr(QuorumVoteCard) self = g_object_ref (row->card);
  GtkRoot *root = gtk_widget_get_root (widget);
  gint64 id = row->attendee_id;
  g_autofree char *typed = NULL;
  const char *stored_reason = NULL;
  QuorumView chosen;
  guint at = 0;

  if (self->syncing || self->item == NULL)
    return TRUE;
  if (GTK_IS_WINDOW (root))
    gtk_window_set_focus_visible (GTK_WINDOW (root), TRUE);

  chosen = member_row_chosen (row);
  if (chosen == QUORUM_VIEW_NONE)
    {
      /* As Enter: said on the card, the focus on their Plan. */
      member_reason_activate_cb (row->reason_entry, row);
      return TRUE;
    }

  typed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row->reason_entry))));
  member_reason_done (row, TRUE);

  /* The board was read again meanwhile: the row is found anew. */
  row = member_row_find (self, id, &at);
  if (row == NULL)
    return TRUE;
  if (*typed == '\0' || member_stored (self, id, &stored_reason) != chosen ||
      g_strcmp0 (stored_reason, typed) != 0)
    {
      if (!self->attention)
        set_status (self, _("Not recorded: your words stay here; press Ctrl+Enter to try again"), TRUE);
      if (!gtk_widget_has_focus (GTK_WIDGET (row->reason_entry)) &&
          !gtk_widget_is_ancestor (gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self))), GTK_WIDGET (row->reason_entry)))
        gtk_widget_grab_focus (GTK_WIDGET (row->reason_entry));
      return TRUE;
    }

  for (guint k = 1; k < self->member_rows->len; k++)
    {
      MemberRow *other = g_ptr_array_index (self->member_rows, (at + k) % self->member_rows->len);

      if (other->plan_button != NULL && member_stored (self, other->attendee_id, NULL) == QUORUM_VIEW_NONE)
        {
          gtk_widget_grab_focus (other->waiting_view != QUORUM_VIEW_NONE ? GTK_WIDGET (other->reason_entry)
                                                                         : GTK_WIDGET (other->plan_button));
          return TRUE;
        }
    }

  gtk_widget_activate_action (GTK_WIDGET (self), "child.next-card", "s",
                              quorum_group_item_get_name (self->item));
  return TRUE;
}

/* A representative's Plan and No plan are one choice, as a group card's three views are
 * (view_key_pressed_cb): Left and Right (Home, End) move between them choosing nothing, Space
 * or Enter chooses the one with the focus and keeps the focus there, and Tab leaves the two for
 * the reason (Shift+Tab back before them). */
static gboolean
member_position_key_pressed_cb (GtkEventControllerKey *controller,
                                guint                  keyval,
                                guint                  keycode,
                                GdkModifierType        state,
                                MemberRow             *row)
{
  GtkWidget *buttons[] = { GTK_WIDGET (row->plan_button), GTK_WIDGET (row->no_plan_button) };
  int at = -1;
  int to;

  for (int i = 0; i < 2; i++)
    if (gtk_widget_has_focus (buttons[i]))
      at = i;
  if (at < 0)
    return FALSE;

  if ((keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab || keyval == GDK_KEY_ISO_Left_Tab) &&
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) == 0)
    {
      gboolean back = keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK) != 0;

      gtk_widget_grab_focus (buttons[back ? 0 : 1]);
      return FALSE;
    }

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK | GDK_SUPER_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      to = 1 - at;
      break;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      to = 0;
      break;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      to = 1;
      break;
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
    case GDK_KEY_Return:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_KP_Enter:
      {
        /* Recording reads the board again, which may make the card's rows anew and let this
         * one go: nothing of @row is read after it. */
        g_autoptr(QuorumVoteCard) card = g_object_ref (row->card);
        g_autoptr(GtkWidget) button = g_object_ref (buttons[at]);

        card->keyboard_choice = TRUE;
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
        card->keyboard_choice = FALSE;
        if (gtk_widget_get_root (button) != NULL && !gtk_widget_has_focus (button))
          gtk_widget_grab_focus (button);
      }
      return TRUE;
    default:
      return FALSE;
    }

  gtk_widget_grab_focus (buttons[to]);
  return TRUE;
}

static MemberRow *
member_row_new (QuorumVoteCard *self,
                gint64          attendee_id,
                const char     *name,
                gboolean        editable)
{
  MemberRow *row = g_new0 (MemberRow, 1);
  g_autofree char *widget_name = g_strdup_printf ("member-position-%" G_GINT64_FORMAT, attendee_id);

  row->card = self;
  row->attendee_id = attendee_id;
  row->name = g_strdup (name);

  if (editable)
    {
      g_autofree char *plan_label = NULL;
      g_autofree char *no_plan_label = NULL;
      g_autofree char *reason_label = NULL;
      GtkWidget *name_label;
      GtkWidget *buttons;
      GtkEventController *focus;
      GtkEventController *shortcuts;
      g_autoptr(GtkShortcutTrigger) trigger = NULL;

      row->row = g_object_ref_sink (gtk_box_new (GTK_ORIENTATION_VERTICAL, 4));
      name_label = gtk_label_new (name);
      gtk_label_set_xalign (GTK_LABEL (name_label), 0);
      gtk_label_set_wrap (GTK_LABEL (name_label), TRUE);
      gtk_widget_add_css_class (name_label, "heading");
      gtk_box_append (GTK_BOX (row->row), name_label);

      buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      gtk_box_set_homogeneous (GTK_BOX (buttons), TRUE);
      gtk_widget_add_css_class (buttons, "linked");
      row->plan_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_label (C_("view", "Plan")));
      row->no_plan_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_label (C_("view", "No plan")));
      gtk_toggle_button_set_group (row->no_plan_button, row->plan_button);
      gtk_widget_set_name (GTK_WIDGET (row->plan_button), "member-plan");
      gtk_widget_set_name (GTK_WIDGET (row->no_plan_button), "member-no-plan");
      gtk_widget_add_css_class (GTK_WIDGET (row->plan_button), "view-plan");
      gtk_widget_add_css_class (GTK_WIDGET (row->no_plan_button), "view-no-plan");
      /* Translators: %s is a representative's name; their own position is a plan */
      plan_label = g_strdup_printf (_("%s’s own position: plan"), name);
      /* Translators: %s is a representative's name; their own position is no plan */
      no_plan_label = g_strdup_printf (_("%s’s own position: no plan"), name);
      quorum_ui_set_accessible_label (GTK_WIDGET (row->plan_button), plan_label);
      quorum_ui_set_accessible_label (GTK_WIDGET (row->no_plan_button), no_plan_label);
      gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (row->plan_button));
      gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (row->no_plan_button));
      gtk_box_append (GTK_BOX (row->row), buttons);
      row->position_keys = gtk_event_controller_key_new ();
      gtk_event_controller_set_propagation_phase (row->position_keys, GTK_PHASE_CAPTURE);
      g_signal_connect (row->position_keys, "key-pressed", G_CALLBACK (member_position_key_pressed_cb), row);
      gtk_widget_add_controller (buttons, row->position_keys);

      row->reason_entry = GTK_ENTRY (gtk_entry_new ());
      gtk_widget_set_name (GTK_WIDGET (row->reason_entry), "member-reason");
      /* Translators: %s is a representative's name */
      reason_label = g_strdup_printf (_("%s’s reason, in their own words"), name);
      gtk_entry_set_placeholder_text (row->reason_entry, reason_label);
      quorum_ui_set_accessible_label (GTK_WIDGET (row->reason_entry), reason_label);
      /* Heard, not a tooltip: one lay over the next representative's position. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->reason_entry),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _("Recorded with their position when you press Enter or leave the field"),
                                      -1);
      gtk_box_append (GTK_BOX (row->row), GTK_WIDGET (row->reason_entry));

      g_signal_connect (row->plan_button, "toggled", G_CALLBACK (member_toggled_cb), row);
      g_signal_connect (row->no_plan_button, "toggled", G_CALLBACK (member_toggled_cb), row);
      g_signal_connect (row->reason_entry, "activate", G_CALLBACK (member_reason_activate_cb), row);
      focus = gtk_event_controller_focus_new ();
      row->reason_focus = focus;
      g_signal_connect (focus, "leave", G_CALLBACK (member_reason_leave_cb), row);
      gtk_widget_add_controller (GTK_WIDGET (row->reason_entry), focus);
      shortcuts = gtk_shortcut_controller_new ();
      gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
      trigger = gtk_alternative_trigger_new (gtk_shortcut_trigger_parse_string ("<Control>Return"),
                                             gtk_shortcut_trigger_parse_string ("<Control>KP_Enter"));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                            gtk_shortcut_new (g_steal_pointer (&trigger),
                                                              gtk_callback_action_new (member_reason_ctrl_enter_cb, row, NULL)));
      gtk_widget_add_controller (GTK_WIDGET (row->reason_entry), shortcuts);
    }
  else
    {
      row->row = g_object_ref_sink (gtk_label_new (NULL));
      gtk_label_set_xalign (GTK_LABEL (row->row), 0);
      gtk_label_set_wrap (GTK_LABEL (row->row), TRUE);
      gtk_label_set_selectable (GTK_LABEL (row->row), FALSE);
    }
  gtk_widget_set_name (row->row, widget_name);

  return row;
}

/* Whether the card's rows are those of @self's representatives, in their order and mode. */
static gboolean
member_rows_match (QuorumVoteCard *self,
                   gboolean        editable)
{
  guint n = quorum_group_item_get_n_representatives (self->item);

  if (self->member_rows->len != n || self->member_rows_editable != editable)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      gint64 id;

      quorum_group_item_get_representative (self->item, i, &id, NULL, NULL, NULL);
      if (((MemberRow *) g_ptr_array_index (self->member_rows, i))->attendee_id != id)
        return FALSE;
    }
  return TRUE;
}

/* A representative's reason typed and not yet recorded is kept as a draft, as the group's is,
 * in a draft of its own beside the card's (the group's reason is not "being typed" because of
 * theirs), and given back when the row is made again (the window reopened after a close or a
 * kill). */
static void
attach_member_drafts (QuorumVoteCard *self)
{
  gboolean added = FALSE;

  if (self->draft == NULL || !self->member_rows_editable)
    return;
  if (self->member_draft == NULL)
    self->member_draft = quorum_draft_new_beside (self->draft, ":members");

  for (guint i = 0; i < self->member_rows->len; i++)
    {
      MemberRow *row = g_ptr_array_index (self->member_rows, i);
      QuorumView view;
      const char *reason;

      if (row->draft_field != NULL || row->reason_entry == NULL)
        continue;
      row->draft_field = g_strdup_printf ("reason-%" G_GINT64_FORMAT, row->attendee_id);
      quorum_draft_add_field (self->member_draft, row->draft_field, GTK_WIDGET (row->reason_entry));
      quorum_group_item_get_representative (self->item, i, NULL, NULL, &view, &reason);
      quorum_draft_set_baseline (self->member_draft, row->draft_field, view != QUORUM_VIEW_NONE ? reason : NULL);
      added = TRUE;
    }
  if (added)
    quorum_draft_restore (self->member_draft);
}

/* Shows each representative's own position: controls once "could not agree" is ticked on a
 * card of two or more (or a position is recorded), text on a read-only card that has any. */
static void
sync_members (QuorumVoteCard *self)
{
  guint n = quorum_group_item_get_n_representatives (self->item);
  gboolean positions = quorum_group_item_has_positions (self->item);
  gboolean editable = !self->read_only && self->has_editor;
  gboolean shown;
  MemberRow *waiting = NULL;
  g_autoptr(GString) described = NULL;

  if (editable)
    shown = n > 1 && (gtk_check_button_get_active (self->disagreed_check) || positions);
  else
    shown = positions;
  gtk_widget_set_visible (GTK_WIDGET (self->members_box), shown);
  /* The note over the rows comes and goes with them, and keeps its height when its words
   * change (a position recorded): the rows never move under the chair's next click. */
  if (editable)
    {
      gtk_widget_set_visible (self->disagreed_note, shown);
      gtk_stack_set_visible_child_name (GTK_STACK (self->disagreed_note), positions ? "kept" : "give");
    }
  if (!shown)
    return;

  if (!member_rows_match (self, editable))
    {
      g_autoptr(GPtrArray) old_rows = NULL;
      GtkWidget *child;
      GtkWidget *focus = NULL;
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      MemberRow *refocus = NULL;
      int refocus_at = -1;

      if (root != NULL)
        focus = gtk_root_get_focus (root);

      /* The rows made anew (a representative came or went, or the card was decided): the old
       * ones let go only once the words typed in them are in the new ones. */
      old_rows = g_steal_pointer (&self->member_rows);
      self->member_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) member_row_free);
      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->members_box))) != NULL)
        gtk_box_remove (self->members_box, child);
      for (guint i = 0; i < n; i++)
        {
          gint64 id;
          const char *name;
          MemberRow *row;

          quorum_group_item_get_representative (self->item, i, &id, &name, NULL, NULL);
          row = member_row_new (self, id, name, editable);
          g_ptr_array_add (self->member_rows, row);
          gtk_box_append (self->members_box, row->row);

          if (!editable || !self->member_rows_editable)
            continue;
          for (guint j = 0; j < old_rows->len; j++)
            {
              MemberRow *old = g_ptr_array_index (old_rows, j);

              if (old->attendee_id != id || old->reason_entry == NULL)
                continue;
              /* The words as they were (sync below keeps typed words over the stored ones),
               * the position waiting for them, and the focus with the caret where it was. */
              gtk_editable_set_text (GTK_EDITABLE (row->reason_entry),
                                     gtk_editable_get_text (GTK_EDITABLE (old->reason_entry)));
              row->seen_reason = g_strdup (old->seen_reason);
              row->waiting_view = old->waiting_view;
              if (focus != NULL && (focus == GTK_WIDGET (old->reason_entry) ||
                                    gtk_widget_is_ancestor (focus, GTK_WIDGET (old->reason_entry))))
                {
                  refocus = row;
                  refocus_at = gtk_editable_get_position (GTK_EDITABLE (old->reason_entry));
                }
            }
        }
      self->member_rows_editable = editable;
      g_clear_pointer (&old_rows, g_ptr_array_unref);

      if (refocus != NULL && gtk_widget_get_visible (GTK_WIDGET (self->members_box)))
        {
          gtk_widget_grab_focus (GTK_WIDGET (refocus->reason_entry));
          gtk_editable_select_region (GTK_EDITABLE (refocus->reason_entry), refocus_at, refocus_at);
        }
    }

  for (guint i = 0; i < n; i++)
    {
      MemberRow *row = g_ptr_array_index (self->member_rows, i);
      QuorumView view;
      const char *name;
      const char *reason;

      quorum_group_item_get_representative (self->item, i, NULL, &name, &view, &reason);

      if (!editable)
        {
          g_autofree char *text = NULL;

          /* A name corrected after sign-off is shown as it stands, the rows kept. */
          if (g_strcmp0 (row->name, name) != 0)
            {
              g_free (row->name);
              row->name = g_strdup (name);
            }

          gtk_widget_set_visible (row->row, view != QUORUM_VIEW_NONE);
          if (view == QUORUM_VIEW_NONE)
            continue;
          /* Translators: a representative, their own position and their reason, e.g.
           * "Ann Visitor’s own position: No plan. The family engages with support" */
          text = g_strdup_printf (_("%s’s own position: %s. %s"), row->name,
                                  view == QUORUM_VIEW_PLAN ? C_("view", "Plan") : C_("view", "No plan"),
                                  reason != NULL ? reason : "");
          gtk_label_set_label (GTK_LABEL (row->row), text);
          if (described == NULL)
            {
              const char *reason_shown = quorum_group_item_get_reason (self->item);

              described = g_string_new (reason_shown != NULL ? reason_shown : "");
            }
          if (described->len > 0)
            g_string_append_c (described, '\n');
          g_string_append (described, text);
          continue;
        }

      /* A position stored (here or elsewhere) replaces one waiting here. */
      if (view != QUORUM_VIEW_NONE && row->waiting_view == view)
        row->waiting_view = QUORUM_VIEW_NONE;
      {
        QuorumView chosen = row->waiting_view != QUORUM_VIEW_NONE ? row->waiting_view : view;
        const char *shown_text = gtk_editable_get_text (GTK_EDITABLE (row->reason_entry));

        gtk_toggle_button_set_active (row->plan_button, chosen == QUORUM_VIEW_PLAN);
        gtk_toggle_button_set_active (row->no_plan_button, chosen == QUORUM_VIEW_NO_PLAN);

        /* Words typed and not yet stored are never replaced. */
        if ((*shown_text == '\0' || g_strcmp0 (shown_text, row->seen_reason) == 0) && reason != NULL)
          gtk_editable_set_text (GTK_EDITABLE (row->reason_entry), reason);
        g_free (row->seen_reason);
        row->seen_reason = g_strdup (reason);
        /* Recorded as it shows: its draft is done with. */
        if (row->draft_field != NULL)
          quorum_draft_set_baseline (self->member_draft, row->draft_field, view != QUORUM_VIEW_NONE ? reason : NULL);
      }
      if (row->waiting_view != QUORUM_VIEW_NONE && waiting == NULL)
        waiting = row;
    }

  /* Read-only, the card is announced with its reason and each representative's position. */
  if (described != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, described->str,
                                    -1);

  if (editable)
    attach_member_drafts (self);

  if (waiting != NULL)
    {
      const char *typed = gtk_editable_get_text (GTK_EDITABLE (waiting->reason_entry));

      if (*typed == '\0')
        ask_member_reason (self, waiting);
    }
}

/* A representative's reason typed and not recorded (no Enter, the focus still in it) is recorded
 * with the position chosen, before what it is part of is worked out (the decision's preview):
 * Ctrl+D while typing it recorded the decision without it, the focus then leaving an entry of a
 * board rebuilt. Recording may reload the board: the rows are read again each time. */
void
quorum_vote_card_commit_pending (QuorumVoteCard *self)
{
  g_return_if_fail (QUORUM_IS_VOTE_CARD (self));

  g_object_ref (self);
  for (guint i = 0; self->member_rows != NULL && i < self->member_rows->len; i++)
    {
      MemberRow *row = g_ptr_array_index (self->member_rows, i);
      g_autofree char *typed = NULL;

      if (row->reason_entry == NULL)
        continue;
      /* A position waiting with no words still waits: the card asks for them as it did. */
      typed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row->reason_entry))));
      if (*typed != '\0')
        member_reason_done (row, FALSE);
    }
  g_object_unref (self);
}

static void
quorum_vote_card_sync (QuorumVoteCard *self)
{
  const char * const *members;
  QuorumView view;
  QuorumView chosen;
  guint categories;
  const char *reason;
  g_autofree char *members_text = NULL;
  g_autofree char *accessible = NULL;
  gboolean typed;

  if (self->item == NULL)
    return;

  self->syncing = TRUE;

  view = quorum_group_item_get_view (self->item);
  categories = quorum_group_item_get_categories (self->item);
  reason = quorum_group_item_get_reason (self->item);
  members = quorum_group_item_get_members (self->item);

  /* The old view's reason waiting for the new view is done with once a reason is recorded for
   * the view (confirmed here, or given elsewhere), or the view is the one it was given for. */
  if (self->carried_text != NULL &&
      ((reason != NULL && *reason != '\0') || view == QUORUM_VIEW_NONE || view == self->carried_for))
    clear_carried (self);

  gtk_label_set_label (self->group_label, quorum_group_item_get_name (self->item));
  accessible = g_strdup_printf (_("View of %s"), quorum_group_item_get_name (self->item));
  quorum_ui_set_accessible_label (GTK_WIDGET (self), accessible);

  members_text = g_strjoinv (_(", "), (char **) members);
  if (g_strv_length ((char **) members) > 1)
    {
      g_autofree char *shared = g_strdup_printf (_("%s: one view between them"), members_text);
      gtk_label_set_label (self->members_label, shared);
    }
  else
    gtk_label_set_label (self->members_label, members_text);

  /* A view stored (here or elsewhere) replaces one waiting here. */
  if (view != QUORUM_VIEW_NONE)
    self->waiting_view = QUORUM_VIEW_NONE;
  chosen = view != QUORUM_VIEW_NONE ? view : self->waiting_view;

  if (self->has_editor)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->disagreed_check), g_strv_length ((char **) members) > 1
                              || quorum_group_item_get_members_disagreed (self->item));

      gtk_toggle_button_set_active (self->plan_button, chosen == QUORUM_VIEW_PLAN);
      gtk_toggle_button_set_active (self->no_plan_button, chosen == QUORUM_VIEW_NO_PLAN);
      gtk_toggle_button_set_active (self->decline_button, chosen == QUORUM_VIEW_DECLINE);

      gtk_check_button_set_active (self->neglect_check, (categories & QUORUM_CATEGORY_NEGLECT) != 0);
      gtk_check_button_set_active (self->physical_check, (categories & QUORUM_CATEGORY_PHYSICAL) != 0);
      gtk_check_button_set_active (self->emotional_check, (categories & QUORUM_CATEGORY_EMOTIONAL) != 0);
      gtk_check_button_set_active (self->sexual_check, (categories & QUORUM_CATEGORY_SEXUAL) != 0);
      sync_categories (self);
    }

  /* The recorded reason: words that differ from it are a draft until recorded. */
  if (self->draft_attached)
    quorum_draft_set_baseline (self->draft, "reason", view != QUORUM_VIEW_NONE ? reason : NULL);

  /* Words typed here and not yet stored (being typed, or a draft given back); a card without
   * its controls has none. */
  typed = self->has_editor &&
          (quorum_text_field_get_modified (self->reason_field) ||
           (self->draft_attached && quorum_draft_get_has_draft (self->draft)));

  /* Another writer recorded a reason for this group (it is not the one this card last saw)
   * while different words wait here: a conflict, shown, never resolved by itself. */
  if (!self->conflict && reason != NULL && *reason != '\0' && g_strcmp0 (reason, self->seen_reason) != 0 && typed)
    {
      g_autofree char *words = quorum_text_field_get_text (self->reason_field);

      /* Cleared words differ too: recording them would blank the other reason. */
      if (g_strcmp0 (words, reason) != 0)
        set_conflict (self, reason);
    }
  else if (self->conflict && g_strcmp0 (reason, self->seen_reason) != 0)
    set_conflict (self, reason);
  if (!self->conflict)
    {
      g_free (self->seen_reason);
      self->seen_reason = g_strdup (reason);
    }

  /* With no view stored, keep a reason being typed: it is recorded with the view. Words typed
   * and not yet stored (being typed, or a draft given back) are never replaced. */
  if (self->has_editor && view != QUORUM_VIEW_NONE && !self->conflict && !typed && self->carried_text == NULL)
    {
      g_autofree char *shown = quorum_text_field_get_text (self->reason_field);

      if (g_strcmp0 (shown, reason) != 0)
        quorum_text_field_set_text (self->reason_field, reason);
    }

  /* Ticked and waiting for the group's view, the box stays ticked: the representatives' own
   * positions are given meanwhile; once any is recorded, they did not agree. */
  if (self->has_editor)
    {
      gboolean positions = quorum_group_item_has_positions (self->item);

      gtk_check_button_set_active (self->disagreed_check,
                                   quorum_group_item_get_members_disagreed (self->item) || positions ||
                                   (view == QUORUM_VIEW_NONE && gtk_check_button_get_active (self->disagreed_check)));
      /* A position recorded is kept (the record never drops one): the box stays ticked, and
       * the card says why it cannot be unticked. Before that it can be ticked at any time until
       * the decision, a view recorded or not: the store keeps "could not agree" with the view,
       * and changes it with it. */
      gtk_widget_set_sensitive (GTK_WIDGET (self->disagreed_check), !positions);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->recorded_icon), view != QUORUM_VIEW_NONE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->box), "voted-plan");
  gtk_widget_remove_css_class (GTK_WIDGET (self->box), "voted-no-plan");
  gtk_widget_remove_css_class (GTK_WIDGET (self->box), "voted-decline");

  if (view == QUORUM_VIEW_NONE && chosen == QUORUM_VIEW_DECLINE)
    {
      /* The reason may be typed already (the board read again while the chair types it): then
       * what is left is recording it, as the card said before the reload. */
      g_autofree char *words = self->has_editor ? quorum_text_field_get_text (self->reason_field) : NULL;

      if (words != NULL)
        ask_to_record_reason (self);
      else
        ask_decline_reason (self);
    }
  else if (view == QUORUM_VIEW_NONE)
    set_status (self, _("Waiting for this group’s view"), FALSE);
  else
    {
      say_recorded (self);
      if (self->carried_text != NULL)
        ask_carried_reason (self, view);

      gtk_widget_add_css_class (GTK_WIDGET (self->box),
                                view == QUORUM_VIEW_PLAN ? "voted-plan" :
                                view == QUORUM_VIEW_NO_PLAN ? "voted-no-plan" : "voted-decline");
    }

  sync_read_only (self, view, categories, reason);
  sync_members (self);

  self->syncing = FALSE;
  keep_carried (self);
}

static void
view_toggled_cb (QuorumVoteCard  *self,
                 GtkToggleButton *button)
{
  if (self->syncing || !gtk_toggle_button_get_active (button))
    return;

  sync_categories (self);
  quorum_vote_card_record (self);

  /* Chosen from the keyboard, the focus stays on the view chosen: Tab goes on to the categories
   * or the reason, and the chair's next key is not lost somewhere else. So does a plan clicked:
   * Tab then goes to the first category, Neglect, as after Space (the focus put on Neglect by
   * the click was not shown, and Tab took it on to Physical, where Space ticked the wrong one;
   * trial 5). No plan or Declined clicked, the reason has the focus, ready to type. */
  if (!gtk_widget_is_sensitive (GTK_WIDGET (self)))
    return;
  if (self->keyboard_choice || button == self->plan_button)
    gtk_widget_grab_focus (GTK_WIDGET (button));
  else
    quorum_ui_focus_at_end (GTK_WIDGET (self->reason_field));
}

static void
category_toggled_cb (QuorumVoteCard *self,
                     GtkCheckButton *check)
{
  if (self->syncing || quorum_vote_card_get_shown_view (self) != QUORUM_VIEW_PLAN)
    return;

  sync_categories (self);
  quorum_vote_card_record (self);
}

static void
disagreed_toggled_cb (QuorumVoteCard *self,
                      GtkCheckButton *check)
{
  if (self->syncing)
    return;

  self->syncing = TRUE;
  sync_members (self);
  self->syncing = FALSE;

  if (quorum_vote_card_get_shown_view (self) == QUORUM_VIEW_NONE)
    {
      set_status (self, _("Choose the view the representatives settled on"), TRUE);
      return;
    }

  quorum_vote_card_record (self);
}

/* Leaving the reason, Ctrl+Enter or the card going away with changes: store the reason with
 * the view shown. Without a view yet the words wait, and are recorded with it. */
static void
reason_commit_cb (QuorumVoteCard  *self,
                  QuorumTextField *field)
{
  g_autofree char *reason = NULL;
  QuorumView view;

  if (self->item == NULL)
    return;

  /* Nothing to record (unchanged, or no view yet: Ctrl+Enter says so) is no refusal. */
  self->not_recorded = FALSE;
  view = quorum_vote_card_get_shown_view (self);
  if (view == QUORUM_VIEW_NONE)
    return;

  /* The old view's reason, unchanged, is not recorded for the new one by leaving the field:
   * only Ctrl+Enter confirms it (reason_activate_cb). Words edited are the chair's for it. */
  if (field_holds_carried (self))
    {
      self->not_recorded = TRUE;
      ask_carried_reason (self, view);
      return;
    }
  clear_carried (self);

  reason = quorum_text_field_get_text (self->reason_field);
  if (g_strcmp0 (reason, quorum_group_item_get_reason (self->item)) == 0 &&
      view == quorum_group_item_get_view (self->item))
    return;

  quorum_vote_card_record (self);
}

/* Ctrl+Enter in the reason (stored by then, through ::commit): on to the next group. */
static void
reason_activate_cb (QuorumVoteCard  *self,
                    QuorumTextField *field)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->item == NULL)
    return;

  if (GTK_IS_WINDOW (root))
    gtk_window_set_focus_visible (GTK_WINDOW (root), TRUE);

  /* No view chosen: nothing can be recorded (the words wait in the field, kept as its draft).
   * Said on the card, where the chair is looking, and the focus on Plan, where the view is
   * chosen; Ctrl+Enter did nothing and said nothing. */
  if (quorum_vote_card_get_shown_view (self) == QUORUM_VIEW_NONE)
    {
      set_status (self, _("Choose plan, no plan or declined first"), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->plan_button));
      return;
    }

  /* Ctrl+Enter on the old view's reason, unchanged: the chair confirms the words for the view
   * now recorded (its change was recorded without them). */
  if (field_holds_carried (self))
    {
      clear_carried (self);
      quorum_vote_card_record (self);
    }

  /* Not stored (the store refused, the server down; a decline waiting for its reason; another
   * writer's reason): the focus stays with the words, and the card says so, as the toast does;
   * going on to the next group let the chair believe this one was taken (trial 5). */
  if (self->not_recorded)
    {
      if (!self->attention)
        set_status (self, _("Not recorded: your words stay here; press Ctrl+Enter to try again"), TRUE);
      if (!gtk_widget_has_focus (GTK_WIDGET (quorum_text_field_get_view (self->reason_field))))
        quorum_ui_focus_at_end (GTK_WIDGET (self->reason_field));
      return;
    }

  gtk_widget_activate_action (GTK_WIDGET (self), "child.next-card", "s",
                              quorum_group_item_get_name (self->item));
}

/* What the status asked for is being done: it no longer says something is wrong. */
static void
reason_text_changed_cb (QuorumVoteCard  *self,
                        GParamSpec      *pspec,
                        QuorumTextField *field)
{
  g_autofree char *reason = NULL;

  if (!self->attention || self->syncing)
    return;

  reason = quorum_text_field_get_text (field);
  if (reason != NULL && quorum_vote_card_get_shown_view (self) != QUORUM_VIEW_NONE)
    ask_to_record_reason (self);
}

gboolean
quorum_vote_card_get_reason_waiting (QuorumVoteCard *self)
{
  g_autofree char *reason = NULL;

  g_return_val_if_fail (QUORUM_IS_VOTE_CARD (self), FALSE);

  if (self->read_only || !self->has_editor || self->item == NULL ||
      quorum_group_item_get_view (self->item) == QUORUM_VIEW_NONE)
    return FALSE;
  reason = quorum_text_field_get_text (self->reason_field);
  return reason != NULL && g_strcmp0 (reason, quorum_group_item_get_reason (self->item)) != 0;
}

gboolean
quorum_vote_card_get_holds_draft (QuorumVoteCard *self)
{
  g_return_val_if_fail (QUORUM_IS_VOTE_CARD (self), FALSE);

  return !self->read_only && self->has_editor && self->draft_attached &&
         quorum_draft_get_has_draft (self->draft);
}

/* The keys are the chair's again: the card says what it said before they were held, unless it
 * has had something new to say meanwhile (the group's view arrived). */
static void
release_typing (QuorumVoteCard *self)
{
  if (!self->holding_typing)
    return;
  self->holding_typing = FALSE;
  if (self->held_words != NULL)
    g_string_truncate (self->held_words, 0);
  if (self->held_status != NULL && self->held_said != NULL &&
      g_strcmp0 (gtk_label_get_label (self->status_label), self->held_said) == 0)
    set_status (self, self->held_status, self->held_attention);
  g_clear_pointer (&self->held_status, g_free);
  g_clear_pointer (&self->held_said, g_free);
}

static void
start_holding (QuorumVoteCard *self)
{
  if (self->holding_typing)
    return;
  g_free (self->held_status);
  self->held_status = g_strdup (gtk_label_get_label (self->status_label));
  self->held_attention = self->attention;
  self->holding_typing = TRUE;
}

static void
say_typing_held (QuorumVoteCard *self,
                 GtkWidget      *focus,
                 gunichar        typed)
{
  const char *shown;

  start_holding (self);
  if (self->held_words == NULL)
    self->held_words = g_string_new (NULL);
  if (typed != 0)
    g_string_append_unichar (self->held_words, typed);
  /* The last words typed, as many as a line holds. */
  shown = self->held_words->str;
  if (g_utf8_strlen (shown, -1) > 40)
    shown = g_utf8_offset_to_pointer (shown, g_utf8_strlen (shown, -1) - 40);
  g_free (self->held_said);
  if (GTK_IS_TOGGLE_BUTTON (focus))
    /* Translators: %s is what the chair typed, in their own words. */
    self->held_said = g_strdup_printf (_("Nothing chosen: “%s” was typed as words, here on the views. Press Left or Right, then Space, to choose a view"), shown);
  else
    /* Translators: %s is what the chair typed, in their own words. */
    self->held_said = g_strdup_printf (_("Not typed: “%s” went to no box for words. Click a reason to type it there"), shown);
  set_status (self, self->held_said, TRUE);
  /* Said under the controls: the card shown down to it. */
  if (self->item != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "child.show-card", "s",
                                quorum_group_item_get_name (self->item));
}

void
quorum_vote_card_hold_typing (QuorumVoteCard *self)
{
  GtkRoot *root;
  GtkWidget *focus;

  g_return_if_fail (QUORUM_IS_VOTE_CARD (self));

  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (self->read_only || focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    return;
  /* Said only when a key is typed: arriving, the card reads as it did. */
  start_holding (self);
}

static gboolean
is_modifier_key (guint keyval)
{
  return (keyval >= GDK_KEY_Shift_L && keyval <= GDK_KEY_Hyper_R) ||
         keyval == GDK_KEY_ISO_Level3_Shift || keyval == GDK_KEY_ISO_Level5_Shift ||
         keyval == GDK_KEY_ISO_Group_Shift || keyval == GDK_KEY_Mode_switch ||
         keyval == GDK_KEY_Num_Lock;
}

/* A letter typed where no words go was lost with no sign: after No plan the chair's Tabs, as on
 * a Plan card, went past the reason, and the sentence landed on the next card's "could not
 * agree" (its spaces ticking and unticking it; trial 8). Such keys now choose and tick
 * nothing, the card says so and the bell rings; a Space or Enter among them is held too, so
 * that words typed on a view (the chair went on typing after a child switch) choose nothing. */
static gboolean
card_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     QuorumVoteCard        *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  gunichar c = gdk_keyval_to_unicode (keyval);
  gboolean printable = c != 0 && g_unichar_isgraph (c);
  gboolean space_or_enter = keyval == GDK_KEY_space || keyval == GDK_KEY_KP_Space ||
                            keyval == GDK_KEY_Return || keyval == GDK_KEY_ISO_Enter ||
                            keyval == GDK_KEY_KP_Enter;

  if (self->read_only || focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)) ||
      quorum_ui_takes_words (focus))
    {
      release_typing (self);
      return FALSE;
    }
  if (is_modifier_key (keyval))
    return FALSE;
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0 ||
      (!printable && !(space_or_enter && self->holding_typing)))
    {
      release_typing (self);
      return FALSE;
    }

  /* The bell once, as the first key is held. */
  if (self->held_said == NULL)
    gtk_widget_error_bell (GTK_WIDGET (self));
  say_typing_held (self, focus, printable ? c : keyval == GDK_KEY_space || keyval == GDK_KEY_KP_Space ? ' ' : 0);
  return TRUE;
}

static void
card_pressed_capture_cb (GtkGestureClick *gesture,
                         int              n_press,
                         double           x,
                         double           y,
                         QuorumVoteCard  *self)
{
  release_typing (self);
}

static void
card_focus_leave_cb (GtkEventControllerFocus *controller,
                     QuorumVoteCard          *self)
{
  release_typing (self);
}

/* Left and Right (and Home and End) move the focus among Plan, No plan and Declined, choosing
 * nothing, as in a radio group; Space or Enter then chooses the view that has the focus, and
 * Tab leaves the three. */
static gboolean
view_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     QuorumVoteCard        *self)
{
  GtkWidget *buttons[] = { GTK_WIDGET (self->plan_button), GTK_WIDGET (self->no_plan_button),
                           GTK_WIDGET (self->decline_button) };
  const int n = G_N_ELEMENTS (buttons);
  gboolean rtl = gtk_widget_get_direction (self->view_box) == GTK_TEXT_DIR_RTL;
  int at = -1;
  int to;

  for (int i = 0; i < n; i++)
    if (gtk_widget_has_focus (buttons[i]))
      at = i;
  if (at < 0)
    return FALSE;

  /* One stop for Tab, as a radio group is: from any view, Tab goes on to the categories (with a
   * plan) or the reason, Shift+Tab back before the views. The window moves the focus on from
   * the last view, or back from the first. */
  if ((keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab || keyval == GDK_KEY_ISO_Left_Tab) &&
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) == 0)
    {
      gboolean back = keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK) != 0;

      gtk_widget_grab_focus (buttons[back ? 0 : n - 1]);
      return FALSE;
    }

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK | GDK_SUPER_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      to = rtl ? (at + 1) % n : (at + n - 1) % n;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      to = rtl ? (at + n - 1) % n : (at + 1) % n;
      break;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      to = 0;
      break;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      to = n - 1;
      break;
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
    case GDK_KEY_Return:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_KP_Enter:
      /* Chosen here, so that the focus is known to stay on it (view_toggled_cb). */
      self->keyboard_choice = TRUE;
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (buttons[at]), TRUE);
      self->keyboard_choice = FALSE;
      return TRUE;
    default:
      return FALSE;
    }

  gtk_widget_grab_focus (buttons[to]);
  return TRUE;
}

/* The categories are one stop for Tab too, as the views are, so that the reason is one Tab on
 * from where the chair chose: after No plan (the categories greyed) from the view, after Plan
 * from the categories. Within them the arrows move (as laid out, two by two; Home, End) and
 * Space ticks; Tab goes on to the reason, Shift+Tab back to the view chosen. They are entered as
 * GTK enters them, on Neglect from the view and on the last from the reason: not on a ticked
 * one, where the next Space would untick it. Each category was a stop: a plan's reason was five
 * Tabs from its view, a no plan's one (keyrhythm). */
static gboolean
categories_key_pressed_cb (GtkEventControllerKey *controller,
                           guint                  keyval,
                           guint                  keycode,
                           GdkModifierType        state,
                           QuorumVoteCard        *self)
{
  /* As they are laid out: two by two. */
  GtkWidget *checks[] = { GTK_WIDGET (self->neglect_check), GTK_WIDGET (self->physical_check),
                          GTK_WIDGET (self->emotional_check), GTK_WIDGET (self->sexual_check) };
  int at = -1;
  int to;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0)
    return FALSE;

  if (keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab || keyval == GDK_KEY_ISO_Left_Tab)
    {
      if (keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK) != 0)
        {
          gtk_widget_grab_focus (GTK_WIDGET (self->plan_button));
          return TRUE;
        }
      /* The window moves the focus on from the last category, to whatever comes next. */
      gtk_widget_grab_focus (checks[3]);
      return FALSE;
    }

  for (int i = 0; i < 4; i++)
    if (gtk_widget_has_focus (checks[i]))
      at = i;
  if (at < 0 || (state & GDK_SHIFT_MASK) != 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      to = at ^ 1;   /* the other column */
      break;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      to = at ^ 2;   /* the other row */
      break;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      to = 0;
      break;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      to = 3;
      break;
    default:
      return FALSE;
    }
  gtk_widget_grab_focus (checks[to]);
  return TRUE;
}

/* ---- the controls, built when first needed ---- */

/* The draft keeps the words typed in the reason field: attached once the field exists. */
static void
attach_draft (QuorumVoteCard *self)
{
  if (self->draft == NULL || self->draft_attached || !self->has_editor)
    return;

  self->draft_attached = TRUE;
  quorum_draft_add_field (self->draft, "reason", GTK_WIDGET (self->reason_field));
  /* After the words, so that it is given back after them. */
  quorum_draft_add_value (self->draft, "reason-given-for", GTK_WIDGET (self->reason_field),
                          carried_draft_get, carried_draft_set, self);
  if (self->item != NULL && quorum_group_item_get_view (self->item) != QUORUM_VIEW_NONE)
    quorum_draft_set_baseline (self->draft, "reason", quorum_group_item_get_reason (self->item));
  quorum_draft_bind_marker (self->draft, self->reason_draft_label);
  g_signal_connect_object (self->draft, "notify::has-draft", G_CALLBACK (draft_state_cb), self, G_CONNECT_SWAPPED);
  quorum_draft_restore (self->draft);
}

/* Builds the card's controls (quorum-vote-card-editor.ui) after its reason label, shows what is
 * stored in them and gives back a draft: the card as it was when it always had them. */
static void
ensure_editor (QuorumVoteCard *self)
{
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GtkBuilderScope) scope = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *previous = GTK_WIDGET (self->reason_label);
  GtkEventController *keys;
  static const char *ids[] = { "view_box", "categories_box", "reason_field", "disagreed_check",
                               "disagreed_note", "reason_draft_label", "conflict_box", NULL };

  if (self->has_editor)
    return;

  scope = gtk_builder_cscope_new ();
  gtk_builder_cscope_add_callback_symbols (GTK_BUILDER_CSCOPE (scope),
                                           "view_toggled_cb", G_CALLBACK (view_toggled_cb),
                                           "category_toggled_cb", G_CALLBACK (category_toggled_cb),
                                           "disagreed_toggled_cb", G_CALLBACK (disagreed_toggled_cb),
                                           "reason_commit_cb", G_CALLBACK (reason_commit_cb),
                                           "reason_activate_cb", G_CALLBACK (reason_activate_cb),
                                           NULL);
  builder = gtk_builder_new ();
  gtk_builder_set_scope (builder, scope);
  gtk_builder_set_current_object (builder, G_OBJECT (self));
  if (!gtk_builder_add_from_resource (builder, "/io/github/quorum_app/quorum/ui/quorum-vote-card-editor.ui", &error))
    g_error ("The vote card's controls: %s", error->message);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      GtkWidget *widget = GTK_WIDGET (gtk_builder_get_object (builder, ids[i]));

      gtk_box_insert_child_after (self->box, widget, previous);
      previous = widget;
    }

  self->view_box = GTK_WIDGET (gtk_builder_get_object (builder, "view_box"));
  self->plan_button = GTK_TOGGLE_BUTTON (gtk_builder_get_object (builder, "plan_button"));
  self->no_plan_button = GTK_TOGGLE_BUTTON (gtk_builder_get_object (builder, "no_plan_button"));
  self->decline_button = GTK_TOGGLE_BUTTON (gtk_builder_get_object (builder, "decline_button"));
  self->categories_box = GTK_WIDGET (gtk_builder_get_object (builder, "categories_box"));
  self->categories_grid = GTK_WIDGET (gtk_builder_get_object (builder, "categories_grid"));
  self->no_category_label = GTK_LABEL (gtk_builder_get_object (builder, "no_category_label"));
  self->neglect_check = GTK_CHECK_BUTTON (gtk_builder_get_object (builder, "neglect_check"));
  self->physical_check = GTK_CHECK_BUTTON (gtk_builder_get_object (builder, "physical_check"));
  self->emotional_check = GTK_CHECK_BUTTON (gtk_builder_get_object (builder, "emotional_check"));
  self->sexual_check = GTK_CHECK_BUTTON (gtk_builder_get_object (builder, "sexual_check"));
  self->reason_field = QUORUM_TEXT_FIELD (gtk_builder_get_object (builder, "reason_field"));
  self->disagreed_check = GTK_CHECK_BUTTON (gtk_builder_get_object (builder, "disagreed_check"));
  self->disagreed_note = GTK_WIDGET (gtk_builder_get_object (builder, "disagreed_note"));
  self->reason_draft_label = GTK_WIDGET (gtk_builder_get_object (builder, "reason_draft_label"));
  self->conflict_box = GTK_WIDGET (gtk_builder_get_object (builder, "conflict_box"));
  self->conflict_label = GTK_LABEL (gtk_builder_get_object (builder, "conflict_label"));
  self->has_editor = TRUE;
  quorum_text_field_set_held (self->reason_field, self->away);
  gtk_box_reorder_child_after (self->box, GTK_WIDGET (self->members_box), self->disagreed_note);

  g_signal_connect_object (self->reason_field, "notify::text",
                           G_CALLBACK (reason_text_changed_cb), self, G_CONNECT_SWAPPED);

  /* No tooltip on the field (it lay over the next thing clicked): what it says is heard. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (quorum_text_field_get_view (self->reason_field)),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Recorded when you leave the field or press Ctrl+Enter"),
                                  -1);

  /* The three views are one choice: the arrows move between them, as in a radio group. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (view_key_pressed_cb), self, 0);
  gtk_widget_add_controller (self->view_box, keys);
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (categories_key_pressed_cb), self, 0);
  gtk_widget_add_controller (self->categories_grid, keys);

  quorum_vote_card_sync (self);
  attach_draft (self);
}

static void
item_changed_cb (QuorumVoteCard  *self,
                 QuorumGroupItem *item)
{
  quorum_vote_card_sync (self);
}

static void
quorum_vote_card_set_item (QuorumVoteCard  *self,
                           QuorumGroupItem *item)
{
  if (self->item == item)
    return;

  if (self->item != NULL)
    g_signal_handlers_disconnect_by_func (self->item, item_changed_cb, self);

  g_set_object (&self->item, item);

  if (self->item != NULL)
    g_signal_connect_object (self->item, "changed",
                             G_CALLBACK (item_changed_cb), self,
                             G_CONNECT_SWAPPED);

  quorum_vote_card_sync (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ITEM]);
}

/* The card takes the focus on its view: the one recorded, else the first. */
static gboolean
quorum_vote_card_grab_focus (GtkWidget *widget)
{
  QuorumVoteCard *self = QUORUM_VOTE_CARD (widget);

  if (self->read_only || !self->has_editor)
    return GTK_WIDGET_CLASS (quorum_vote_card_parent_class)->grab_focus (widget);

  switch (quorum_vote_card_get_shown_view (self))
    {
    case QUORUM_VIEW_NO_PLAN:
      return gtk_widget_grab_focus (GTK_WIDGET (self->no_plan_button));
    case QUORUM_VIEW_DECLINE:
      return gtk_widget_grab_focus (GTK_WIDGET (self->decline_button));
    case QUORUM_VIEW_PLAN:
    case QUORUM_VIEW_NONE:
    default:
      return gtk_widget_grab_focus (GTK_WIDGET (self->plan_button));
    }
}

/* The button a choice is entered on, when the focus comes to @to, one of its buttons, from
 * outside it (@from): the one chosen, else the first, as the card takes the focus
 * (quorum_vote_card_grab_focus) and as a radio group is entered. NULL when @to is no choice's,
 * or the focus moved within it. */
static GtkWidget *
choice_entered_on (QuorumVoteCard *self,
                   GtkWidget      *from,
                   GtkWidget      *to)
{
  GtkWidget *views[] = { GTK_WIDGET (self->plan_button), GTK_WIDGET (self->no_plan_button),
                         GTK_WIDGET (self->decline_button) };

  if (to == views[0] || to == views[1] || to == views[2])
    {
      if (from == views[0] || from == views[1] || from == views[2])
        return NULL;
      switch (quorum_vote_card_get_shown_view (self))
        {
        case QUORUM_VIEW_NO_PLAN: return views[1];
        case QUORUM_VIEW_DECLINE: return views[2];
        case QUORUM_VIEW_PLAN:
        case QUORUM_VIEW_NONE:
        default:                  return views[0];
        }
    }

  for (guint i = 0; self->member_rows != NULL && i < self->member_rows->len; i++)
    {
      MemberRow *row = g_ptr_array_index (self->member_rows, i);
      GtkWidget *plan = GTK_WIDGET (row->plan_button);
      GtkWidget *no_plan = GTK_WIDGET (row->no_plan_button);

      if (row->reason_entry == NULL || (to != plan && to != no_plan))
        continue;
      if (from == plan || from == no_plan)
        return NULL;
      return member_row_chosen (row) == QUORUM_VIEW_NO_PLAN ? no_plan : plan;
    }

  return NULL;
}

/* Tab and Shift+Tab enter a choice (the group's views, a representative's positions) where
 * the card is entered: on the one chosen, else on Plan, from either side. GTK's own order
 * entered it on its first button going forwards and its last going backwards: Shift+Tab from
 * a representative's reason landed on No plan whatever she held, and from a group's reason on
 * Declined (memberkeys). */
static gboolean
quorum_vote_card_focus (GtkWidget        *widget,
                        GtkDirectionType  direction)
{
  QuorumVoteCard *self = QUORUM_VOTE_CARD (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *from = root != NULL ? gtk_root_get_focus (root) : NULL;
  gboolean moved = GTK_WIDGET_CLASS (quorum_vote_card_parent_class)->focus (widget, direction);
  GtkWidget *entry;

  if (!moved || root == NULL || self->read_only || !self->has_editor ||
      (direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD))
    return moved;

  entry = choice_entered_on (self, from, gtk_root_get_focus (root));
  if (entry != NULL && entry != gtk_root_get_focus (root) && gtk_widget_is_sensitive (entry))
    gtk_widget_grab_focus (entry);
  return moved;
}

static void
quorum_vote_card_constructed (GObject *object)
{
  QuorumVoteCard *self = (QuorumVoteCard *)object;

  G_OBJECT_CLASS (quorum_vote_card_parent_class)->constructed (object);

  if (!self->read_only)
    ensure_editor (self);
}

static void
quorum_vote_card_dispose (GObject *object)
{
  QuorumVoteCard *self = (QuorumVoteCard *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_VOTE_CARD);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_first_child (GTK_WIDGET (self)))
    gtk_widget_unparent (child);
  /* After the rows' widgets: a reason left as they go still finds its row (and, the row no
   * longer in the card, records nothing: the card's draft keeps its words). Then nothing of a
   * control that outlives the card (the window's focus widget) reaches the rows or the controls
   * freed: the rows' handlers go with them, and the card's own see no editor. */
  g_clear_pointer (&self->member_rows, g_ptr_array_unref);
  self->has_editor = FALSE;
  g_clear_object (&self->member_draft);
  g_clear_object (&self->item);
  g_clear_object (&self->draft);
  g_clear_pointer (&self->seen_reason, g_free);
  g_clear_pointer (&self->held_said, g_free);
  g_clear_pointer (&self->held_status, g_free);
  g_clear_pointer (&self->recorded_said, g_free);
  if (self->held_words != NULL)
    g_string_free (self->held_words, TRUE);
  self->held_words = NULL;
  g_clear_pointer (&self->carried_text, g_free);
  g_clear_pointer (&self->carried_kept, g_free);

  G_OBJECT_CLASS (quorum_vote_card_parent_class)->dispose (object);
}

static void
quorum_vote_card_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  QuorumVoteCard *self = QUORUM_VOTE_CARD (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_vote_card_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  QuorumVoteCard *self = QUORUM_VOTE_CARD (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      quorum_vote_card_set_item (self, g_value_get_object (value));
      break;

    case PROP_READ_ONLY:
      quorum_vote_card_set_read_only (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_vote_card_class_init (QuorumVoteCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = quorum_vote_card_constructed;
  object_class->dispose = quorum_vote_card_dispose;
  object_class->get_property = quorum_vote_card_get_property;
  object_class->set_property = quorum_vote_card_set_property;

  widget_class->grab_focus = quorum_vote_card_grab_focus;
  widget_class->focus = quorum_vote_card_focus;

  properties [PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         QUORUM_TYPE_GROUP_ITEM,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* Given at construction, a read-only card never builds the controls it would not show. */
  properties [PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (QUORUM_TYPE_TEXT_FIELD);
  g_type_ensure (QUORUM_TYPE_WRAP_LABEL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_css_name (widget_class, "votecard");
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/quorum_app/quorum/ui/quorum-vote-card.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumVoteCard, box);
  gtk_widget_class_bind_template_child (widget_class, QuorumVoteCard, group_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumVoteCard, recorded_icon);
  gtk_widget_class_bind_template_child (widget_class, QuorumVoteCard, members_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumVoteCard, view_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumVoteCard, decided_category_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumVoteCard, reason_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumVoteCard, members_box);
  gtk_widget_class_install_action (widget_class, "card.keep-theirs", NULL, keep_theirs_action);
  gtk_widget_class_install_action (widget_class, "card.record-mine", NULL, record_mine_action);
  gtk_widget_class_bind_template_child (widget_class, QuorumVoteCard, status_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumVoteCard, status_room);
}

/* A click inside the card is the card's: the vote board (a GtkFlowBox) otherwise moves its
 * cursor to the card on release, taking the focus from the reason box just clicked into.
 * A click on one of the card's buttons (a view, a category, "disagreed") is left to the
 * button, which claims it on release: claimed here on press, it was cancelled and the
 * chair's click on "Plan" or "No plan" did nothing. */
static void
card_pressed_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 QuorumVoteCard  *self)
{
  GtkWidget *target = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);

  if (target != NULL &&
      (GTK_IS_BUTTON (target) || GTK_IS_CHECK_BUTTON (target) ||
       gtk_widget_get_ancestor (target, GTK_TYPE_BUTTON) != NULL ||
       gtk_widget_get_ancestor (target, GTK_TYPE_CHECK_BUTTON) != NULL))
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
quorum_vote_card_init (QuorumVoteCard *self)
{
  GtkGesture *click;
  GtkEventController *keys;
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->member_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) member_row_free);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_BUBBLE);
  g_signal_connect (click, "pressed", G_CALLBACK (card_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  /* Before the views' own keys (view_key_pressed_cb), and a click releases what they held. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (card_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (card_pressed_capture_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (card_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
}

GtkWidget *
quorum_vote_card_new (QuorumGroupItem *item)
{
  return g_object_new (QUORUM_TYPE_VOTE_CARD,
                       "item", item,
                       NULL);
}

QuorumGroupItem *
quorum_vote_card_get_item (QuorumVoteCard *self)
{
  g_return_val_if_fail (QUORUM_IS_VOTE_CARD (self), NULL);

  return self->item;
}

void
quorum_vote_card_choose (QuorumVoteCard *self,
                         QuorumView      view)
{
  GtkToggleButton *button;

  g_return_if_fail (QUORUM_IS_VOTE_CARD (self));

  ensure_editor (self);
  switch (view)
    {
    case QUORUM_VIEW_PLAN:
      button = self->plan_button;
      break;
    case QUORUM_VIEW_NO_PLAN:
      button = self->no_plan_button;
      break;
    case QUORUM_VIEW_DECLINE:
      button = self->decline_button;
      break;
    case QUORUM_VIEW_NONE:
    default:
      g_return_if_reached ();
    }

  if (gtk_toggle_button_get_active (button))
    quorum_vote_card_record (self);
  else
    gtk_toggle_button_set_active (button, TRUE);
}

void
quorum_vote_card_set_category (QuorumVoteCard *self,
                               QuorumCategory  category,
                               gboolean        active)
{
  GtkCheckButton *check;

  g_return_if_fail (QUORUM_IS_VOTE_CARD (self));

  ensure_editor (self);
  switch (category)
    {
    case QUORUM_CATEGORY_NEGLECT:   check = self->neglect_check; break;
    case QUORUM_CATEGORY_PHYSICAL:  check = self->physical_check; break;
    case QUORUM_CATEGORY_EMOTIONAL: check = self->emotional_check; break;
    case QUORUM_CATEGORY_SEXUAL:    check = self->sexual_check; break;
    case QUORUM_CATEGORY_NONE:
    case QUORUM_CATEGORY_ALL:
    default:
      g_return_if_reached ();
    }

  gtk_check_button_set_active (check, active);
}

void
quorum_vote_card_enter_reason (QuorumVoteCard *self,
                               const char     *reason)
{
  g_return_if_fail (QUORUM_IS_VOTE_CARD (self));

  ensure_editor (self);
  quorum_text_field_type (self->reason_field, reason);
  quorum_text_field_commit (self->reason_field);
}

void
quorum_vote_card_type_reason (QuorumVoteCard *self,
                              const char     *reason)
{
  g_return_if_fail (QUORUM_IS_VOTE_CARD (self));

  ensure_editor (self);
  quorum_text_field_type (self->reason_field, reason);
}

QuorumTextField *
quorum_vote_card_get_reason_field (QuorumVoteCard *self)
{
  g_return_val_if_fail (QUORUM_IS_VOTE_CARD (self), NULL);

  ensure_editor (self);
  return self->reason_field;
}

void
quorum_vote_card_set_members_disagreed (QuorumVoteCard *self,
                                        gboolean        disagreed)
{
  g_return_if_fail (QUORUM_IS_VOTE_CARD (self));

  ensure_editor (self);
  gtk_check_button_set_active (self->disagreed_check, disagreed);
}

GtkWidget *
quorum_vote_card_ask_member_position (QuorumVoteCard *self,
                                      gint64          attendee_id)
{
  g_autofree char *text = NULL;
  MemberRow *row = NULL;
  GtkWidget *target;
  GtkRoot *root;

  g_return_val_if_fail (QUORUM_IS_VOTE_CARD (self), NULL);

  if (self->read_only || !self->member_rows_editable ||
      !gtk_widget_get_visible (GTK_WIDGET (self->members_box)))
    return NULL;
  for (guint i = 0; i < self->member_rows->len && row == NULL; i++)
    if (((MemberRow *) g_ptr_array_index (self->member_rows, i))->attendee_id == attendee_id)
      row = g_ptr_array_index (self->member_rows, i);
  if (row == NULL || row->reason_entry == NULL)
    return NULL;

  /* Under the representatives, where the chair looks: whose position is missing, and what to do.
   * With a position chosen and waiting for its reason, the reason is what is missing. */
  if (member_row_chosen (row) == QUORUM_VIEW_NONE)
    {
      /* Translators: %s is a representative's name; Plan and No plan are the buttons' labels */
      text = g_strdup_printf (_("Not decided: %s’s own position is not recorded. Choose Plan or No plan for them, "
                                "with their reason"), row->name);
      target = GTK_WIDGET (row->plan_button);
    }
  else
    {
      /* Translators: %s is a representative's name */
      text = g_strdup_printf (_("Not decided: %s’s own position is not recorded. Type their reason, then press "
                                "Enter"), row->name);
      target = GTK_WIDGET (row->reason_entry);
    }
  set_status (self, text, TRUE);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_focus_visible (GTK_WINDOW (root), TRUE);
  return gtk_widget_grab_focus (target) ? GTK_WIDGET (row->reason_entry) : NULL;
}

GtkWidget *
quorum_vote_card_ask_dissent_reason (QuorumVoteCard *self)
{
  GtkWidget *view;
  GtkRoot *root;

  g_return_val_if_fail (QUORUM_IS_VOTE_CARD (self), NULL);

  if (self->read_only || !self->has_editor || self->item == NULL)
    return NULL;

  /* Under the field, where the chair looks: what is missing here. The old view's words waiting
   * for this one say so already, and what to do with them. */
  if (self->carried_text != NULL && field_holds_carried (self))
    ask_carried_reason (self, quorum_group_item_get_view (self->item));
  else
    /* Translators: under a group's reason box, when the decision was refused for it */
    set_status (self, _("Not decided: this group’s view dissents from the decision and needs its reason. "
                        "Type it here, then press Ctrl+Enter"), TRUE);

  view = GTK_WIDGET (quorum_text_field_get_view (self->reason_field));
  root = gtk_widget_get_root (view);
  if (!gtk_widget_grab_focus (view))
    return NULL;
  if (GTK_IS_WINDOW (root))
    gtk_window_set_focus_visible (GTK_WINDOW (root), TRUE);
  return GTK_WIDGET (self->status_label);
}

/* Keeps the reason typed and not yet recorded in @draft, and gives it back now if there is one.
 * A read-only card shows a draft only when one is kept that differs from the recorded reason
 * (its controls are built for it, marker included); otherwise it reads nothing more. */
void
quorum_vote_card_set_draft (QuorumVoteCard *self,
                            QuorumDraft    *draft)
{
  g_return_if_fail (QUORUM_IS_VOTE_CARD (self));
  g_return_if_fail (self->draft == NULL);

  self->draft = g_object_ref (draft);
  if (self->has_editor)
    attach_draft (self);
  else if (quorum_draft_peek (draft, "reason",
                              self->item != NULL && quorum_group_item_get_view (self->item) != QUORUM_VIEW_NONE
                                ? quorum_group_item_get_reason (self->item) : NULL))
    ensure_editor (self);
}

/* Words the chair was typing when called to another child were recorded as the group's reason,
 * half a sentence and no draft mark (trial 7 and 8, A2): a switch is no sign that they are
 * finished. Away, they are kept as the card's draft, written now, and marked "not yet recorded";
 * back, the chair records them as ever (Ctrl+Enter, Enter in a representative's reason, leaving
 * the field). The view chosen before stays recorded. */
void
quorum_vote_card_set_away (QuorumVoteCard *self,
                           gboolean        away)
{
  g_return_if_fail (QUORUM_IS_VOTE_CARD (self));

  away = !!away;
  if (self->away == away)
    return;

  self->away = away;
  if (self->has_editor)
    quorum_text_field_set_held (self->reason_field, away);
  if (!away)
    return;
  if (self->draft_attached)
    quorum_draft_flush (self->draft);
  if (self->member_draft != NULL)
    quorum_draft_flush (self->member_draft);
}

void
quorum_vote_card_set_read_only (QuorumVoteCard *self,
                                gboolean        read_only)
{
  g_return_if_fail (QUORUM_IS_VOTE_CARD (self));

  read_only = !!read_only;
  if (self->read_only == read_only)
    return;

  self->read_only = read_only;
  if (!read_only)
    ensure_editor (self);
  quorum_vote_card_sync (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_READ_ONLY]);
}

gboolean
quorum_vote_card_get_read_only (QuorumVoteCard *self)
{
  g_return_val_if_fail (QUORUM_IS_VOTE_CARD (self), FALSE);

  return self->read_only;
}
