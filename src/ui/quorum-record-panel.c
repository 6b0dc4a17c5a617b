/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-record-panel.c: the record beside the attendees: who arrived late, who left and when,
 * who was present for each child's decision; and, under a profile with the route, the challenge
 * of a decision: raised by a dissenting agency, the Co-ordinator alerted, the decisions taken. */

#include <string.h>
#include <glib/gi18n.h>

#include "quorum-draft.h"
#include "quorum-record-panel.h"
#include "quorum-text-row.h"
#include "quorum-ui-util.h"

GResource *quorum_record_get_resource (void);
void       quorum_record_register_resource (void);

struct _QuorumRecordPanel
{
  GtkWidget          parent_instance;

  QuorumStore       *store;
  gint64             conference_id;
  gboolean           closed;       /* signed off, or (a shared database) not this reader's conference */
  GArray            *challenge_children;   /* gint64: the dropdown's children, in order */
  GPtrArray         *challenge_agencies;   /* GStrv per child: the agencies that may challenge */
  GHashTable        *child_names;          /* child id (gint64*) → name */
  char              *timeline_shown;       /* what the timeline rows say, to rebuild only on change */
  gboolean           timeline_buttons;     /* the timeline shows an "Arrived" or a "Left" button */
  gint64             alert_challenge;      /* raised, not yet alerted: 0 when none */
  gint64             decide_challenge;     /* alerted, not yet decided: 0 when none */
  /* The words typed in each challenge form and not yet recorded, kept as they are typed: a
   * Co-ordinator's reasons survive the window closing. The dates are not kept (today). The
   * alert's and the decision's belong to the challenge they are for, not to the conference. */
  QuorumDraft       *raise_draft;
  QuorumDraft       *alert_draft;
  QuorumDraft       *decide_draft;

  GtkWidget         *box;
  GtkEntry          *time_entry;
  GtkLabel          *time_error;   /* under the Time: why the time typed was refused */
  GtkListBox        *timeline_list;
  GtkWidget         *challenge_box;
  GtkLabel          *route_label;
  GtkListBox        *challenges_list;
  GtkWidget         *raise_form;
  gboolean           reset_agency; /* a challenge just raised: the next chooses its agency afresh */
  gboolean           may_record;   /* a chair: attendance and challenges */
  GtkDropDown       *child_dropdown;
  GtkDropDown       *agency_dropdown;
  GtkEntry          *designated_entry;
  GtkEntry          *raised_by_entry;
  GtkEntry          *concern_entry;
  GtkEntry          *raised_entry;
  GtkWidget         *alert_form;
  GtkLabel          *alert_title;
  GtkEntry          *coordinator_entry;
  GtkEntry          *alerted_entry;
  GtkWidget         *decide_form;
  GtkLabel          *decide_title;
  GtkCheckButton    *uphold_check;
  GtkCheckButton    *interim_check;
  GtkCheckButton    *refer_check;
  GtkEntry          *review_entry;
  GtkEntry          *decided_entry;
  GtkEntry          *reasons_entry;
};

G_DEFINE_FINAL_TYPE (QuorumRecordPanel, quorum_record_panel, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void set_time_error (QuorumRecordPanel *self,
                            const char        *message);

static char *
today_iso (void)
{
  GDate today;

  /* The record's today ($QUORUM_TODAY on a replayed day), which the store checks dates against. */
  quorum_date_today (&today);
  return quorum_date_to_string (&today);
}

static void
set_if_empty (GtkEntry   *entry,
              const char *text)
{
  if (gtk_entry_get_text_length (entry) == 0)
    gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
row_button (const char *label,
            const char *name,
            const char *action,
            gint64      target,
            const char *accessible)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_name (button, name);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", target);
  quorum_ui_set_accessible_label (button, accessible);
  return button;
}

/* "Arrived 10:50 · left 11:20 · present for Amy’s decision · arrived after Ben’s decision" */
static char *
timeline_text (const QuorumConference *conference,
               const QuorumAttendee   *a)
{
  g_autoptr(GString) out = g_string_new (NULL);

  if (a->attendance != QUORUM_ATTENDANCE_PRESENT)
    g_string_append (out, quorum_attendance_get_label (a->attendance));
  else if (a->arrived_at != NULL)
    g_string_append_printf (out, _("Arrived late, %s"), a->arrived_at);
  else
    g_string_append (out, _("Present from the start"));
  if (a->left_at != NULL)
    g_string_append_printf (out, _(" · left %s"), a->left_at);

  for (guint i = 0; conference->decisions != NULL && i < conference->decisions->len; i++)
    {
      const QuorumDecision *d = g_ptr_array_index (conference->decisions, i);
      const QuorumChild *child = quorum_conference_find_child (conference, d->child_id);
      QuorumPresenceStatus status;

      if (d->presence == NULL || child == NULL || a->attendance != QUORUM_ATTENDANCE_PRESENT)
        continue;
      g_string_append (out, " · ");
      if (!quorum_conference_presence_at (conference, d->child_id, a->id, &status))
        /* Translators: %s is a child's name */
        g_string_append_printf (out, _("arrived after %s’s decision"), child->name);
      else if (status == QUORUM_PRESENCE_LEFT)
        g_string_append_printf (out, _("had left before %s’s decision"), child->name);
      else
        g_string_append_printf (out, _("present for %s’s decision"), child->name);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Which buttons @a's row has: "Arrived" (1), "Left" (2), "Back in the Room" (4). */
static guint
timeline_buttons_of (QuorumRecordPanel      *self,
                     const QuorumConference *conference,
                     const QuorumAttendee   *a)
{
  guint buttons = 0;

  /* Only a chair records who came and went: the others see the timeline, no buttons. */
  if (!self->may_record || self->closed)
    return 0;
  if (a->arrived_at == NULL && a->left_at == NULL)
    buttons |= 1;
  if (quorum_attendee_is_present (a))
    buttons |= 2;
  /* A "Left" clicked by mistake is undone until sign-off: back in the room, their group's
   * card with them. (It needs no time: the leave never happened.) Not once a decision was taken
   * while they were gone: its record keeps when they had left. */
  if (a->left_at != NULL && quorum_check_return (conference, a->id, NULL))
    buttons |= 4;
  return buttons;
}

/* What @a's row says and offers: a row is made again only when this changes. */
static char *
timeline_key (QuorumRecordPanel      *self,
              const QuorumConference *conference,
              const QuorumAttendee   *a)
{
  g_autofree char *subtitle = timeline_text (conference, a);
  g_autofree char *name = quorum_conference_format_name_now (conference, a->id, a->name);

  return g_strdup_printf ("%lld\x1f%s\x1f%s\x1f%u", (long long) a->id, name, subtitle,
                          timeline_buttons_of (self, conference, a));
}

static GtkWidget *
timeline_row_new (QuorumRecordPanel      *self,
                  const QuorumConference *conference,
                  const QuorumAttendee   *a,
                  char                   *key)
{
  g_autofree char *subtitle = timeline_text (conference, a);
  /* Named as the record names them: a name corrected after sign-off, noted. */
  g_autofree char *title = quorum_conference_format_name_now (conference, a->id, a->name);
  GtkWidget *row = quorum_text_row_new (title, subtitle);
  guint buttons = timeline_buttons_of (self, conference, a);

  /* Whole, wrapped: who was present for each child's decision is the record's to say, and
   * three siblings' ran past three lines ("present for Jayden Walsh’s decision · pre…"). */
  quorum_text_row_set_subtitle_lines (QUORUM_TEXT_ROW (row), 0);
  g_object_set_data_full (G_OBJECT (row), "quorum-timeline-key", key, g_free);

  if (buttons & 1)
    {
      g_autofree char *name = g_strdup_printf ("arrive-button-%lld", (long long) a->id);
      /* Translators: the accessible label of the Arrived button of one attendee */
      g_autofree char *accessible = g_strdup_printf (_("%s arrived late"), a->name);

      quorum_text_row_add_suffix (QUORUM_TEXT_ROW (row),
                                  row_button (_("Arrived"), name, "record.arrive", a->id, accessible));
    }
  if (buttons & 2)
    {
      g_autofree char *name = g_strdup_printf ("leave-button-%lld", (long long) a->id);
      g_autofree char *accessible = g_strdup_printf (_("%s left"), a->name);

      quorum_text_row_add_suffix (QUORUM_TEXT_ROW (row),
                                  row_button (_("Left"), name, "record.leave", a->id, accessible));
    }
  if (buttons & 4)
    {
      g_autofree char *name = g_strdup_printf ("return-button-%lld", (long long) a->id);
      /* Translators: the accessible label of the Back in the Room button of one attendee */
      g_autofree char *accessible = g_strdup_printf (_("%s is back in the room: undo their leaving"), a->name);

      quorum_text_row_add_suffix (QUORUM_TEXT_ROW (row),
                                  row_button (_("Back in the Room"), name, "record.return", a->id, accessible));
    }
  return row;
}

/* The first widget under @root that takes the focus (a row's first button), or NULL. */
static GtkWidget *
first_focusable (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && gtk_widget_get_visible (child) && gtk_widget_get_sensitive (child))
        return child;
      if ((found = first_focusable (child)) != NULL)
        return found;
    }
  return NULL;
}

static void
update_timeline (QuorumRecordPanel      *self,
                 const QuorumConference *conference)
{
  g_autoptr(GString) shown = g_string_new (self->closed ? "F" : "");
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  guint n = conference->attendees != NULL ? conference->attendees->len : 0;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *focus_row = NULL;
  g_autofree char *focus_key = NULL;
  g_autofree char *focus_name = NULL;
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = scroller != NULL ? gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)) : NULL;
  double scrolled = adjustment != NULL ? gtk_adjustment_get_value (adjustment) : 0;
  gboolean same_people;

  /* A reload that changes nothing keeps the rows, their buttons and the focus. */
  for (guint i = 0; i < n; i++)
    {
      char *key = timeline_key (self, conference, g_ptr_array_index (conference->attendees, i));

      g_string_append_printf (shown, "%s\x1e", key);
      g_ptr_array_add (keys, key);
    }
  if (g_strcmp0 (shown->str, self->timeline_shown) == 0)
    return;
  g_free (self->timeline_shown);
  self->timeline_shown = g_strdup (shown->str);

  self->timeline_buttons = FALSE;
  for (guint i = 0; i < n; i++)
    if (timeline_buttons_of (self, conference, g_ptr_array_index (conference->attendees, i)) & 3)
      self->timeline_buttons = TRUE;

  /* Trial 8, A6: the focus on a row's button ("Left", just clicked) went with the row made again;
   * the window then gave it to the list's first row, and the pane scrolled to that row: every
   * row moved under the pointer. The focus goes back to the same attendee's row (the button of
   * the same name, or its first), and the pane stays where it was. */
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->timeline_list)))
    {
      focus_row = GTK_IS_LIST_BOX_ROW (focus) ? focus : gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);
      if (focus_row != NULL)
        {
          const char *id = g_object_get_data (G_OBJECT (focus_row), "quorum-timeline-key");

          /* The attendee's id, up to the first separator. */
          focus_key = id != NULL ? g_strndup (id, strcspn (id, "\x1f")) : NULL;
          focus_name = focus != focus_row ? g_strdup (gtk_widget_get_name (focus)) : NULL;
        }
    }

  /* The same people in the same order: only the rows whose words or buttons changed are made
   * again, in their places; the others keep their widgets. Otherwise every row is. */
  same_people = TRUE;
  for (guint i = 0; i < n && same_people; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->timeline_list, (int) i);
      const char *key = row != NULL ? g_object_get_data (G_OBJECT (row), "quorum-timeline-key") : NULL;
      const char *wanted = g_ptr_array_index (keys, i);
      size_t id_len = strcspn (wanted, "\x1f");

      same_people = key != NULL && strncmp (key, wanted, id_len) == 0 && key[id_len] == '\x1f';
    }
  if (same_people && gtk_list_box_get_row_at_index (self->timeline_list, (int) n) != NULL)
    same_people = FALSE;

  if (!same_people)
    clear_list (self->timeline_list);
  for (guint i = 0; i < n; i++)
    {
      GtkListBoxRow *old = same_people ? gtk_list_box_get_row_at_index (self->timeline_list, (int) i) : NULL;
      GtkWidget *row;

      if (old != NULL && g_strcmp0 (g_object_get_data (G_OBJECT (old), "quorum-timeline-key"),
                                    g_ptr_array_index (keys, i)) == 0)
        continue;
      row = timeline_row_new (self, conference, g_ptr_array_index (conference->attendees, i),
                              g_strdup (g_ptr_array_index (keys, i)));
      if (old != NULL)
        {
          gtk_list_box_insert (self->timeline_list, row, (int) i);
          gtk_list_box_remove (self->timeline_list, GTK_WIDGET (old));
        }
      else
        gtk_list_box_append (self->timeline_list, row);
    }

  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (focus_key != NULL && (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->timeline_list))))
    {
      for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->timeline_list)); row != NULL;
           row = gtk_widget_get_next_sibling (row))
        {
          const char *key = g_object_get_data (G_OBJECT (row), "quorum-timeline-key");
          GtkWidget *target;

          if (key == NULL || strncmp (key, focus_key, strlen (focus_key)) != 0 || key[strlen (focus_key)] != '\x1f')
            continue;
          target = focus_name != NULL ? quorum_ui_find_named (row, focus_name) : NULL;
          /* "Left" clicked: its "Back in the Room" (and back again), not "Arrived". */
          if (target == NULL && focus_name != NULL)
            {
              g_autofree char *other = g_str_has_prefix (focus_name, "leave-button-")
                                       ? g_strconcat ("return-button-", focus_name + strlen ("leave-button-"), NULL)
                                       : g_str_has_prefix (focus_name, "return-button-")
                                       ? g_strconcat ("leave-button-", focus_name + strlen ("return-button-"), NULL)
                                       : NULL;

              target = other != NULL ? quorum_ui_find_named (row, other) : NULL;
              if (target == NULL)
                target = first_focusable (row);
            }
          gtk_widget_grab_focus (target != NULL ? target : row);
          /* The viewport scrolls to the focus at once, to where a row not yet allocated is
           * thought to be (133 px up, measured): the pane stays where the chair had it. */
          if (adjustment != NULL && gtk_adjustment_get_value (adjustment) != scrolled)
            gtk_adjustment_set_value (adjustment, scrolled);
          break;
        }
    }
}

/* The time is for "Arrived" and "Left": shown only beside one of those buttons, never where
 * nothing can be recorded (a signed-off conference, a reader, everyone gone). */
static void
update_time_box (QuorumRecordPanel *self)
{
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->time_entry)),
                          self->may_record && !self->closed && self->timeline_buttons);
}

/* A word of the challenge route ("immediately") in the reader's language: from the profile as
 * frozen with the conference, or the one installed now where only it has the translation
 * (quorum_profile_dup_frozen_text); @fallback when the profile says nothing. */
static char *
route_text (const QuorumProfile *profile,
            const char          *key,
            const char          *fallback)
{
  char *text = profile != NULL ? quorum_profile_dup_frozen_text (profile, "Challenge", key) : NULL;

  return text != NULL ? text : g_strdup (fallback);
}

/* @when: the policy's words for when the Co-ordinator is alerted ("immediately"). */
static char *
challenge_text (const QuorumConference *conference,
                const QuorumChallenge  *c,
                const char             *when)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *raised = quorum_ui_format_date (&c->raised_on);

  if (c->raised_by != NULL && *c->raised_by != '\0')
    /* Translators: "Raised 3 March 2026 by DC Reed with J. Ops Manager" */
    g_string_append_printf (out, _("Raised %s by %s with %s"), raised, c->raised_by, c->designated_person);
  else
    g_string_append_printf (out, _("Raised %s with %s"), raised, c->designated_person);
  if (g_date_valid (&c->alerted_on))
    {
      g_autofree char *alerted = quorum_ui_format_date (&c->alerted_on);

      g_string_append_printf (out, _(" · %s alerted %s"), c->coordinator, alerted);
      if (quorum_challenge_alert_is_late (c))
        g_string_append_printf (out, _(" (late: the policy says %s)"), when);
    }
  else
    g_string_append_printf (out, _(" · the Co-ordinator is to be alerted %s"), when);
  if (g_date_valid (&c->decided_on))
    {
      g_autofree char *decided = quorum_ui_format_date (&c->decided_on);

      g_string_append_printf (out, _(" · decided %s:"), decided);
      for (guint bit = 1; bit <= QUORUM_CHALLENGE_REFER; bit <<= 1)
        if (c->decisions & bit)
          {
            g_string_append_printf (out, "\n• %s", quorum_challenge_decision_get_label (bit));
            if (bit == QUORUM_CHALLENGE_REVIEW_FORWARD && g_date_valid (&c->review_date))
              {
                g_autofree char *review = quorum_ui_format_date (&c->review_date);
                g_string_append_printf (out, _(", to %s"), review);
              }
          }
      if (c->reasons != NULL && *c->reasons != '\0')
        /* Translators: the Safeguarding Co-ordinator's reasons, in their own words */
        g_string_append_printf (out, _("\nCo-ordinator’s reasons: “%s”"), c->reasons);
    }
  if (c->concern != NULL && *c->concern != '\0')
    /* Translators: the dissenting professional's concern, in their own words (last: the
     * dates and decisions read on one line above it) */
    g_string_append_printf (out, _("\nConcern: “%s”"), c->concern);
  /* What the Co-ordinator weighs against the concern: why the chair decided as they did, as it
   * stands after any amendment. */
  for (guint i = 0; conference->decisions != NULL && i < conference->decisions->len; i++)
    {
      const QuorumDecision *decision = g_ptr_array_index (conference->decisions, i);
      g_autofree char *record = NULL;
      const char *reason;

      if (decision->id != c->decision_id || decision->basis != QUORUM_BASIS_CHAIR)
        continue;
      record = g_strdup_printf ("decision:%" G_GINT64_FORMAT, decision->id);
      reason = quorum_conference_current_value (conference, record, "reason", decision->reason);
      if (reason != NULL && *reason != '\0')
        /* Translators: on the challenge's card, the chair's own reasons for the decision challenged */
        g_string_append_printf (out, _("\nThe chair’s reasons for the decision: “%s”"), reason);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
selected_agency (QuorumRecordPanel *self)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (self->agency_dropdown);

  return item != NULL ? g_strdup (gtk_string_object_get_string (item)) : NULL;
}

/* The dissenting agencies of the chosen child's decision, keeping @keep chosen if it is one. */
static void
fill_agencies (QuorumRecordPanel *self,
               const char        *keep)
{
  guint selected = gtk_drop_down_get_selected (self->child_dropdown);
  const char * const *agencies = selected < self->challenge_agencies->len
                                 ? g_ptr_array_index (self->challenge_agencies, selected) : NULL;
  g_autoptr(GtkStringList) model = gtk_string_list_new (agencies);

  gtk_drop_down_set_model (self->agency_dropdown, G_LIST_MODEL (model));
  for (guint i = 0; keep != NULL && agencies != NULL && agencies[i] != NULL; i++)
    if (g_strcmp0 (agencies[i], keep) == 0)
      gtk_drop_down_set_selected (self->agency_dropdown, i);
}

static void
child_selected_cb (QuorumRecordPanel *self)
{
  fill_agencies (self, NULL);
}

/* The chair chose an agency: the reset after a raise is over. */
static void
agency_selected_cb (QuorumRecordPanel *self)
{
  if (gtk_drop_down_get_selected (self->agency_dropdown) != GTK_INVALID_LIST_POSITION)
    self->reset_agency = FALSE;
}

static void
update_challenges (QuorumRecordPanel      *self,
                   const QuorumConference *conference,
                   const QuorumProfile    *profile)
{
  g_autoptr(GtkStringList) children = gtk_string_list_new (NULL);
  gboolean route = quorum_profile_has_challenge_route (profile);
  g_autofree char *raised_with = NULL;
  g_autofree char *alerts = NULL;
  g_autofree char *when = NULL;
  g_autofree char *today = today_iso ();
  g_autofree char *agency = selected_agency (self);
  /* Read before the child's drop-down is refilled, which chooses an agency of its own. */
  gboolean reset = self->reset_agency;
  guint selected = gtk_drop_down_get_selected (self->child_dropdown);
  gint64 child_id = selected < self->challenge_children->len
                    ? g_array_index (self->challenge_children, gint64, selected) : 0;

  gtk_widget_set_visible (self->challenge_box, route);
  clear_list (self->challenges_list);
  g_array_set_size (self->challenge_children, 0);
  g_ptr_array_set_size (self->challenge_agencies, 0);
  self->alert_challenge = 0;
  self->decide_challenge = 0;
  if (!route)
    return;

  raised_with = route_text (profile, "RaisedWith", _("Designated Person"));
  alerts = route_text (profile, "Alerts", "");
  when = route_text (profile, "AlertWhen", _("immediately"));
  {
    g_autofree char *words =
      g_strdup_printf (_("A dissenting agency raises it with its %s, who alerts the %s %s."),
                       raised_with, alerts, when);
    gtk_label_set_text (self->route_label, words);
  }

  for (guint i = 0; conference->challenges != NULL && i < conference->challenges->len; i++)
    {
      const QuorumChallenge *c = g_ptr_array_index (conference->challenges, i);
      const QuorumChild *child = quorum_conference_find_child (conference, c->child_id);
      g_autofree char *title = g_strdup_printf (_("%s challenges %s’s decision"), c->agency,
                                                child != NULL ? child->name : "?");
      g_autofree char *subtitle = challenge_text (conference, c, when);
      GtkWidget *row = quorum_text_row_new (title, subtitle);

      quorum_text_row_set_subtitle_lines (QUORUM_TEXT_ROW (row), 12);
      gtk_list_box_append (self->challenges_list, row);

      if (!g_date_valid (&c->alerted_on) && self->alert_challenge == 0)
        {
          g_autofree char *what = g_strdup_printf (_("%s’s challenge: the %s is alerted %s"), c->agency,
                                                   alerts, when);
          self->alert_challenge = c->id;
          gtk_label_set_text (self->alert_title, what);
        }
      else if (g_date_valid (&c->alerted_on) && !g_date_valid (&c->decided_on) && self->decide_challenge == 0)
        {
          g_autofree char *what = g_strdup_printf (_("The Co-ordinator’s decisions on %s’s challenge (one or more)"),
                                                   c->agency);
          self->decide_challenge = c->id;
          gtk_label_set_text (self->decide_title, what);
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->challenges_list), conference->challenges->len > 0);

  /* A challenge is of a decision with dissent. */
  for (guint i = 0; conference->decisions != NULL && i < conference->decisions->len; i++)
    {
      const QuorumDecision *d = g_ptr_array_index (conference->decisions, i);
      const QuorumChild *child = quorum_conference_find_child (conference, d->child_id);

      if (child == NULL || d->dissent == NULL || d->dissent->len == 0)
        continue;
      gtk_string_list_append (children, child->name);
      g_array_append_val (self->challenge_children, d->child_id);
      g_ptr_array_add (self->challenge_agencies, quorum_challenge_dup_agencies (conference, d->child_id));
    }
  /* A reload (another window's vote, say) keeps the child and the agency the chair chose. */
  gtk_drop_down_set_model (self->child_dropdown, G_LIST_MODEL (children));
  for (guint i = 0; i < self->challenge_children->len; i++)
    if (g_array_index (self->challenge_children, gint64, i) == child_id)
      gtk_drop_down_set_selected (self->child_dropdown, i);
  /* …except after a challenge is raised: the next one's agency is chosen, not assumed. */
  fill_agencies (self, reset ? NULL : agency);
  if (reset)
    {
      gtk_drop_down_set_selected (self->agency_dropdown, GTK_INVALID_LIST_POSITION);
      self->reset_agency = TRUE;
    }
  gtk_widget_set_visible (self->raise_form, self->challenge_children->len > 0 && self->may_record);
  gtk_widget_set_visible (self->alert_form, self->alert_challenge != 0 && self->may_record);
  gtk_widget_set_visible (self->decide_form, self->decide_challenge != 0 && self->may_record);
  set_if_empty (self->raised_entry, today);
  set_if_empty (self->alerted_entry, today);
  set_if_empty (self->decided_entry, today);
}

static QuorumDraft *
draft_new (QuorumRecordPanel  *self,
           gint64              conference_id,
           const char         *scope,
           const char * const *fields,
           GtkEntry          **entries)
{
  QuorumDraft *draft = quorum_draft_new (self->store, conference_id, scope);

  for (guint i = 0; fields[i] != NULL; i++)
    quorum_draft_add_field (draft, fields[i], GTK_WIDGET (entries[i]));
  quorum_draft_restore (draft);
  return draft;
}

static void
clear_drafts (QuorumRecordPanel *self)
{
  g_clear_object (&self->raise_draft);
  g_clear_object (&self->alert_draft);
  g_clear_object (&self->decide_draft);
}

static void
follow_challenge (QuorumDraft *draft,
                  gint64       conference_id,
                  gint64       challenge_id,
                  const char  *form)
{
  g_autofree char *scope = challenge_id != 0 ? g_strdup_printf ("challenge:%" G_GINT64_FORMAT ":%s",
                                                                challenge_id, form)
                                             : NULL;

  if (draft != NULL)
    quorum_draft_set_scope (draft, conference_id, scope);
}

/* The raising form's draft is the conference's; the alert's and the decision's follow the
 * challenge the form is for (a second child's challenge never gets the first's reasons). */
static void
follow_drafts (QuorumRecordPanel *self,
               gint64             conference_id)
{
  static const char * const raise_fields[] = { "designated-person", "raised-by", "concern", NULL };
  static const char * const alert_fields[] = { "coordinator", NULL };
  static const char * const decide_fields[] = { "review", "reasons", NULL };

  if (self->store == NULL)
    return;
  if (self->raise_draft == NULL)
    {
      self->raise_draft = draft_new (self, conference_id, "challenge:raise", raise_fields,
                                     (GtkEntry *[]) { self->designated_entry, self->raised_by_entry,
                                                      self->concern_entry });
      self->alert_draft = draft_new (self, conference_id, NULL, alert_fields,
                                     (GtkEntry *[]) { self->coordinator_entry });
      self->decide_draft = draft_new (self, conference_id, NULL, decide_fields,
                                      (GtkEntry *[]) { self->review_entry, self->reasons_entry });
      return;
    }
  quorum_draft_set_scope (self->raise_draft, conference_id, "challenge:raise");
}

void
quorum_record_panel_set_conference (QuorumRecordPanel      *self,
                                    const QuorumConference *conference,
                                    const QuorumProfile    *profile)
{
  g_return_if_fail (QUORUM_IS_RECORD_PANEL (self));
  g_return_if_fail (conference != NULL);

  follow_drafts (self, conference->id);
  if (self->conference_id != conference->id)
    set_time_error (self, NULL);
  self->conference_id = conference->id;
  /* Who came and went is recorded until sign-off, by the conference's own chair (schema 13). */
  self->closed = quorum_conference_is_finalised (conference) || !conference->chaired_by_reader;
  g_hash_table_remove_all (self->child_names);
  for (guint i = 0; i < conference->children->len; i++)
    {
      const QuorumChild *child = g_ptr_array_index (conference->children, i);

      g_hash_table_insert (self->child_names, g_memdup2 (&child->id, sizeof child->id), g_strdup (child->name));
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->time_entry), !self->closed);
  update_timeline (self, conference);
  update_time_box (self);
  update_challenges (self, conference, profile);
  follow_challenge (self->alert_draft, conference->id, self->alert_challenge, "alert");
  follow_challenge (self->decide_draft, conference->id, self->decide_challenge, "decide");
}

void
quorum_record_panel_set_store (QuorumRecordPanel *self,
                               QuorumStore       *store)
{
  static const char * const chair_actions[] = {
    "record.arrive", "record.leave", "record.return", "record.raise-challenge", "record.alert-challenge", "record.decide-challenge",
  };
  g_return_if_fail (QUORUM_IS_RECORD_PANEL (self));

  if (store != self->store)
    {
      clear_drafts (self);
      /* The rows' buttons are the role's: rebuilt for the new one at the next conference shown. */
      g_clear_pointer (&self->timeline_shown, g_free);
    }
  g_set_object (&self->store, store);
  /* Attendance and challenges are a chair's to record (the server refuses the others). */
  self->may_record = store != NULL && (quorum_store_get_roles (store, NULL) & QUORUM_STORE_ROLE_CHAIR) != 0;
  for (guint i = 0; i < G_N_ELEMENTS (chair_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), chair_actions[i], self->may_record);
  if (!self->may_record)
    {
      gtk_widget_set_visible (self->raise_form, FALSE);
      gtk_widget_set_visible (self->alert_form, FALSE);
      gtk_widget_set_visible (self->decide_form, FALSE);
    }
  /* The time is for "Arrived" and "Left", a chair's buttons. */
  update_time_box (self);
}

/* ---- actions ---- */

static void
done (QuorumRecordPanel *self,
      const char        *message)
{
  g_signal_emit (self, signals [CHANGED], 0);
  quorum_ui_toast (GTK_WIDGET (self), message);
}

/* The time typed, or now when none is. */
static char *
time_of (QuorumRecordPanel *self)
{
  g_autofree char *typed = quorum_ui_editable_get_text (GTK_EDITABLE (self->time_entry));

  if (typed != NULL)
    return g_steal_pointer (&typed);
  /* The clock the store checks a time against ($QUORUM_NOW in tests). */
  return quorum_time_now ();
}

/* Why the time was refused, under the Time field, with the focus there to type it again;
 * NULL clears it. */
static void
set_time_error (QuorumRecordPanel *self,
                const char        *message)
{
  gtk_label_set_text (self->time_error, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->time_error), message != NULL);
  if (message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->time_entry), "error");
      gtk_widget_grab_focus (GTK_WIDGET (self->time_entry));
    }
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->time_entry), "error");
}

static void
time_changed_cb (QuorumRecordPanel *self)
{
  if (gtk_widget_get_visible (GTK_WIDGET (self->time_error)))
    set_time_error (self, NULL);
}

static void
arrive_or_leave (QuorumRecordPanel *self,
                 const char        *action_name,
                 GVariant          *param,
                 gboolean           arriving)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) without = NULL;
  g_autofree char *time = time_of (self);
  gint64 attendee = g_variant_get_int64 (param);
  g_autofree char *message = NULL;

  if (self->store == NULL)
    return;
  /* The record names who wrote it: with no name kept, asked first (nothing written till then). */
  if (quorum_ui_ask_name_first (GTK_WIDGET (self), self->store, action_name, param))
    return;
  if (arriving ? !quorum_store_attendee_arrive (self->store, attendee, time, &error)
               : !quorum_store_attendee_leave (self->store, attendee, time, &without, &error))
    {
      /* A refused time is said under the Time field, where it is typed again; the rest (a
       * storage failure, a reader) as any other error. */
      if (g_error_matches (error, QUORUM_ERROR, QUORUM_ERROR_INVALID))
        set_time_error (self, error->message);
      else
        quorum_ui_show_error (GTK_WIDGET (self), error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->time_entry), "");
  set_time_error (self, NULL);
  if (arriving)
    message = g_strdup_printf (_("Arrival recorded at %s"), time);
  else if (without != NULL && without->len > 0)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < without->len; i++)
        {
          const char *name = g_hash_table_lookup (self->child_names, &g_array_index (without, gint64, i));

          if (names->len > 0)
            g_string_append (names, ", ");
          g_string_append (names, name != NULL ? name : "?");
        }
      /* Translators: %s is the time, then the names of children */
      message = g_strdup_printf (_("Left at %s: their group is left without a view for %s"), time, names->str);
    }
  else
    message = g_strdup_printf (_("Left at %s; a view the group gave stays counted"), time);
  done (self, message);
}

static void
arrive_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  arrive_or_leave (QUORUM_RECORD_PANEL (widget), action_name, param, TRUE);
}

static void
leave_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  arrive_or_leave (QUORUM_RECORD_PANEL (widget), action_name, param, FALSE);
}

static void
return_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  QuorumRecordPanel *self = QUORUM_RECORD_PANEL (widget);
  g_autoptr(GError) error = NULL;
  gint64 attendee = g_variant_get_int64 (param);

  if (self->store == NULL)
    return;
  if (quorum_ui_ask_name_first (widget, self->store, action_name, param))
    return;
  if (!quorum_store_attendee_return (self->store, attendee, &error))
    {
      quorum_ui_show_error (widget, error);
      return;
    }
  done (self, _("Back in the room: their leaving is undone"));
}

static gboolean
date_of (GtkEntry    *entry,
         const char  *what,
         GDate       *out,
         GError     **error)
{
  g_autofree char *text = quorum_ui_editable_get_text (GTK_EDITABLE (entry));

  return quorum_date_parse (text, what, out, error);
}

static void
raise_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  QuorumRecordPanel *self = QUORUM_RECORD_PANEL (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *agency = selected_agency (self);
  g_autofree char *designated = quorum_ui_editable_get_text (GTK_EDITABLE (self->designated_entry));
  g_autofree char *raised_by = quorum_ui_editable_get_text (GTK_EDITABLE (self->raised_by_entry));
  g_autofree char *concern = quorum_ui_editable_get_text (GTK_EDITABLE (self->concern_entry));
  QuorumChallengeSpec spec = { 0 };
  guint selected = gtk_drop_down_get_selected (self->child_dropdown);

  if (self->store == NULL || selected >= self->challenge_children->len)
    return;
  if (quorum_ui_ask_name_first (widget, self->store, action_name, param))
    return;
  spec.child_id = g_array_index (self->challenge_children, gint64, selected);
  spec.agency = agency;
  spec.designated_person = designated;
  spec.raised_by = raised_by;
  spec.concern = concern;
  if (!date_of (self->raised_entry, _("The day it was raised"), &spec.raised_on, &error) ||
      quorum_store_raise_challenge (self->store, self->conference_id, &spec, &error) == 0)
    {
      quorum_ui_show_error (widget, error);
      return;
    }
  /* The next challenge starts afresh: no agency chosen, its own professional, Designated
   * Person and concern, raised today unless typed. */
  gtk_editable_set_text (GTK_EDITABLE (self->designated_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->raised_by_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->concern_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->raised_entry), "");
  self->reset_agency = TRUE;
  if (self->raise_draft != NULL)
    quorum_draft_discard (self->raise_draft);
  done (self, _("Challenge raised"));
}

static void
alert_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  QuorumRecordPanel *self = QUORUM_RECORD_PANEL (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *coordinator = quorum_ui_editable_get_text (GTK_EDITABLE (self->coordinator_entry));
  GDate day;

  if (self->store == NULL || self->alert_challenge == 0)
    return;
  if (quorum_ui_ask_name_first (widget, self->store, action_name, param))
    return;
  if (!date_of (self->alerted_entry, _("The day of the alert"), &day, &error) ||
      !quorum_store_alert_challenge (self->store, self->alert_challenge, coordinator, &day, &error))
    {
      quorum_ui_show_error (widget, error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->coordinator_entry), "");
  if (self->alert_draft != NULL)
    quorum_draft_discard (self->alert_draft);
  done (self, _("The Co-ordinator’s alert is recorded"));
}

static void
decide_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  QuorumRecordPanel *self = QUORUM_RECORD_PANEL (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *review = quorum_ui_editable_get_text (GTK_EDITABLE (self->review_entry));
  g_autofree char *reasons = quorum_ui_editable_get_text (GTK_EDITABLE (self->reasons_entry));
  guint decisions = 0;
  GDate day;
  GDate review_day;

  if (self->store == NULL || self->decide_challenge == 0)
    return;
  if (quorum_ui_ask_name_first (widget, self->store, action_name, param))
    return;
  g_date_clear (&review_day, 1);
  if (gtk_check_button_get_active (self->uphold_check))
    decisions |= QUORUM_CHALLENGE_UPHOLD;
  if (gtk_check_button_get_active (self->interim_check))
    decisions |= QUORUM_CHALLENGE_INTERIM_PLAN;
  if (gtk_check_button_get_active (self->refer_check))
    decisions |= QUORUM_CHALLENGE_REFER;
  if (review != NULL)
    decisions |= QUORUM_CHALLENGE_REVIEW_FORWARD;

  if (!date_of (self->decided_entry, _("The day of the decision"), &day, &error) ||
      (review != NULL && !date_of (self->review_entry, _("The review conference’s new date"), &review_day, &error)) ||
      !quorum_store_decide_challenge (self->store, self->decide_challenge, &day, decisions,
                                      review != NULL ? &review_day : NULL, reasons, &error))
    {
      quorum_ui_show_error (widget, error);
      return;
    }
  gtk_check_button_set_active (self->uphold_check, FALSE);
  gtk_check_button_set_active (self->interim_check, FALSE);
  gtk_check_button_set_active (self->refer_check, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->review_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->reasons_entry), "");
  if (self->decide_draft != NULL)
    quorum_draft_discard (self->decide_draft);
  done (self, _("The Co-ordinator’s decisions are recorded"));
}

/* ---- GObject ---- */

static void
quorum_record_panel_dispose (GObject *object)
{
  QuorumRecordPanel *self = QUORUM_RECORD_PANEL (object);

  /* Before the entries go: the last words typed are written from them; and the drop-downs
   * going tell nobody. */
  clear_drafts (self);
  if (self->child_dropdown != NULL)
    g_signal_handlers_disconnect_by_data (self->child_dropdown, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_RECORD_PANEL);
  g_clear_object (&self->store);
  g_clear_pointer (&self->challenge_children, g_array_unref);
  g_clear_pointer (&self->challenge_agencies, g_ptr_array_unref);
  g_clear_pointer (&self->child_names, g_hash_table_unref);
  g_clear_pointer (&self->timeline_shown, g_free);

  G_OBJECT_CLASS (quorum_record_panel_parent_class)->dispose (object);
}

static void
quorum_record_panel_class_init (QuorumRecordPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = quorum_record_panel_dispose;

  /* Emitted after a change to the record: the page reloads the conference. */
  signals [CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  quorum_record_register_resource ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/gnome/Quorum/ui/quorum-record-panel.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, QuorumRecordPanel, box);
  gtk_widget_class_bind_template_child (widget_class, QuorumRecordPanel, time_entry);
  gtk_widget_class_bind_template_child (widget_class, QuorumRecordPanel, time_error);
  gtk_widget_class_bind_template_child (widget_class, QuorumRecordPanel, timeline_list);
  gtk_widget_class_bind_template_child (widget_class, QuorumRecordPanel, challenge_box);
  gtk_widget_class_bind_template_child (widget_class, QuorumRecordPanel, route_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumRecordPanel, challenges_list);
  gtk_widget_class_bind_template_child (widget_class, QuorumRecordPanel, raise_form);
  gtk_widget_class_bind_template_child (widget_class, QuorumRecordPanel, child_dropdown);
  gtk_widget_class_bind_template_child (widget_class, QuorumRecordPanel, agency_dropdown);
  gtk_widget_class_bind_template_child (widget_class, QuorumRecordPanel, designated_entry);
  gtk_widget_class_bind_template_child (widget_class, QuorumRecordPanel, raised_by_entry);
  gtk_widget_class_bind_template_child (widget_class, QuorumRecordPanel, concern_entry);
  gtk_widget_class_bind_template_child (widget_class, QuorumRecordPanel, raised_entry);
  gtk_widget_class_bind_template_child (widget_class, QuorumRecordPanel, alert_form);
  gtk_widget_class_bind_template_child (widget_class, QuorumRecordPanel, alert_title);
  gtk_widget_class_bind_template_child (widget_class, QuorumRecordPanel, coordinator_entry);
  gtk_widget_class_bind_template_child (widget_class, QuorumRecordPanel, alerted_entry);
  gtk_widget_class_bind_template_child (widget_class, QuorumRecordPanel, decide_form);
  gtk_widget_class_bind_template_child (widget_class, QuorumRecordPanel, decide_title);
  gtk_widget_class_bind_template_child (widget_class, QuorumRecordPanel, uphold_check);
  gtk_widget_class_bind_template_child (widget_class, QuorumRecordPanel, interim_check);
  gtk_widget_class_bind_template_child (widget_class, QuorumRecordPanel, refer_check);
  gtk_widget_class_bind_template_child (widget_class, QuorumRecordPanel, review_entry);
  gtk_widget_class_bind_template_child (widget_class, QuorumRecordPanel, decided_entry);
  gtk_widget_class_bind_template_child (widget_class, QuorumRecordPanel, reasons_entry);

  gtk_widget_class_install_action (widget_class, "record.arrive", "x", arrive_action);
  gtk_widget_class_install_action (widget_class, "record.leave", "x", leave_action);
  gtk_widget_class_install_action (widget_class, "record.return", "x", return_action);
  gtk_widget_class_install_action (widget_class, "record.raise-challenge", NULL, raise_action);
  gtk_widget_class_install_action (widget_class, "record.alert-challenge", NULL, alert_action);
  gtk_widget_class_install_action (widget_class, "record.decide-challenge", NULL, decide_action);
}

static void
quorum_record_panel_init (QuorumRecordPanel *self)
{
  self->challenge_children = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->challenge_agencies = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  self->child_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->child_dropdown, "notify::selected", G_CALLBACK (child_selected_cb), self);
  g_signal_connect_swapped (self->agency_dropdown, "notify::selected", G_CALLBACK (agency_selected_cb), self);
  g_signal_connect_swapped (self->time_entry, "changed", G_CALLBACK (time_changed_cb), self);
}

/* The chair came from a decision's "Record a Challenge…": its child chosen in the raising form,
 * the focus on the first thing to choose there (the dissenting agency), or, with no decision of
 * that child to challenge, on the route's words. Returns the part to bring into view. */
GtkWidget *
quorum_record_panel_show_challenge (QuorumRecordPanel *self,
                                    gint64             child_id)
{
  g_return_val_if_fail (QUORUM_IS_RECORD_PANEL (self), NULL);

  for (guint i = 0; i < self->challenge_children->len; i++)
    if (g_array_index (self->challenge_children, gint64, i) == child_id)
      gtk_drop_down_set_selected (self->child_dropdown, i);

  if (gtk_widget_get_visible (self->raise_form) && gtk_widget_is_sensitive (self->raise_form))
    gtk_widget_grab_focus (GTK_WIDGET (self->agency_dropdown));
  else
    gtk_widget_child_focus (self->challenge_box, GTK_DIR_TAB_FORWARD);
  return self->challenge_box;
}
