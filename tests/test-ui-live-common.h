/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-live-common.h: the conference the live tests open (two children, three agencies,
 * an attempt that reached no consensus for each), and their look-ups. */
#pragma once

#include <string.h>

#include "test-ui-common.h"
#include "ui/quorum-draft.h"

typedef struct
{
  char         *path;
  QuorumStore  *store;
  QuorumWindow *window;
  gint64        conf;
  gint64        amy;
  gint64        ben;
} Fixture;

/* Shared by the live board's suites (live, board-rebuild, siblings). */
/* A view clicked with the mouse is recorded: the card claimed every press inside it (so that
 * a click into the reason box kept the focus), and the buttons' own clicks were cancelled, so
 * a click on "Plan" or "No plan" did nothing. Found by the crash suite (test-ui-crash). */
static inline GtkWidget *
find_labelled (GtkWidget  *root,
               GType       type,
               const char *label)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      g_strcmp0 (GTK_IS_BUTTON (root) ? gtk_button_get_label (GTK_BUTTON (root))
                                       : gtk_check_button_get_label (GTK_CHECK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_labelled (child, type, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static inline GtkWidget *
card_button (Fixture    *fx,
             const char *group,
             GType       type,
             const char *label)
{
  GtkWidget *found = find_labelled (GTK_WIDGET (ui_test_card (fx->window, fx->amy, group)), type, label);

  g_assert_nonnull (found);
  return found;
}

static inline gboolean
focus_is (QuorumWindow *window,
          GtkWidget    *widget)
{
  return gtk_root_get_focus (GTK_ROOT (window)) == widget;
}

static inline gint64
attendee_id_of (Fixture    *fx,
                const char *name)
{
  g_autoptr(QuorumConference) c = ui_test_load (fx->store, fx->conf);

  for (guint i = 0; i < c->attendees->len; i++)
    {
      QuorumAttendee *a = g_ptr_array_index (c->attendees, i);

      if (g_strcmp0 (a->name, name) == 0)
        return a->id;
    }
  g_assert_not_reached ();
}

static inline void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  static const char * const children[] = { "Amy Live", "Ben Live", NULL };
  static const char * const groups[] = { "Children's Social Care", "Police", "NHS Trust", NULL };
  QuorumConferenceSpec spec = {
    .kind = QUORUM_KIND_INITIAL, .chair = "Jo Chair", .profile_id = "bolton", .children = children,
  };

  /* Each case starts with the chair's name kept (ui_test_db_path), whatever a case before kept
   * or forgot: the settings outlive a case in this process. */
  fx->path = ui_test_db_path ();
  fx->store = quorum_store_open (fx->path, &error);
  g_assert_no_error (error);

  g_date_set_dmy (&spec.date, 2, G_DATE_MARCH, 2026);
  fx->conf = quorum_store_create_conference (fx->store, &spec, &error);
  g_assert_no_error (error);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_autofree char *name = g_strdup_printf ("Rep of %s", groups[i]);
      QuorumAttendeeSpec attendee = {
        .name = name, .agency = groups[i], .line_management = groups[i], .voting = TRUE,
      };

      quorum_store_add_attendee (fx->store, fx->conf, &attendee, &error);
      g_assert_no_error (error);
    }
  fx->amy = ui_test_child_id (fx->store, fx->conf, 0);
  fx->ben = ui_test_child_id (fx->store, fx->conf, 1);

  for (guint i = 0; i < 2; i++)
    {
      QuorumAttemptSpec attempt = { .child_id = i == 0 ? fx->amy : fx->ben, .summary = "No agreement" };

      quorum_store_add_attempt (fx->store, fx->conf, &attempt, &error);
      g_assert_no_error (error);
    }

  fx->window = ui_test_window_new (fx->store, 1280, 900);
  g_assert_true (quorum_window_open_conference (fx->window, fx->conf, fx->amy));
  ui_test_iterate (200);
}

/* A view recorded outside the window (as quorum-cli records it), through the fixture's store. */
static inline void
store_vote (Fixture    *fx,
            gint64      child_id,
            const char *group,
            QuorumView  view,
            const char *reason)
{
  g_autoptr(GError) error = NULL;
  QuorumVoteSpec spec = { .child_id = child_id, .group = group, .view = view, .reason = reason };

  g_assert_cmpint (quorum_store_record_vote (fx->store, fx->conf, &spec, &error), >, 0);
  g_assert_no_error (error);
}

static inline void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  if (fx->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fx->window));
  ui_test_iterate (50);
  g_clear_object (&fx->store);
  g_free (fx->path);
}

static inline GtkWidget *
reason_view (Fixture    *fx,
             gint64      child_id,
             const char *group)
{
  QuorumVoteCard *card = ui_test_card (fx->window, child_id, group);

  return GTK_WIDGET (quorum_text_field_get_view (quorum_vote_card_get_reason_field (card)));
}

static inline gboolean
focus_is_in (QuorumWindow *window,
             GtkWidget    *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static inline GtkWindow *
message_dialog (void)
{
  return ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
}

static inline gboolean
dialog_is_drawn (gpointer data)
{
  GtkWindow *dialog = message_dialog ();

  return dialog != NULL && ui_test_is_drawn (dialog);
}

static inline char *
preview_text (void)
{
  GtkWindow *dialog = message_dialog ();
  GtkWidget *label;

  g_assert_nonnull (dialog);
  label = ui_test_find_named (GTK_WIDGET (dialog), "decision-preview");
  g_assert_nonnull (label);

  return g_strdup (gtk_label_get_label (GTK_LABEL (label)));
}

static inline gboolean
marker_shown (GtkWidget  *scope,
              const char *name)
{
  GtkWidget *marker = ui_test_find_named (scope, name);

  g_assert_nonnull (marker);
  return ui_test_marker_shown (marker);
}

static inline gboolean
new_conference_drawn (gpointer data)
{
  GtkWindow *dialog = ui_test_find_toplevel (QUORUM_TYPE_NEW_CONFERENCE_DIALOG);

  return dialog != NULL && ui_test_is_drawn (dialog);
}

/* Ctrl+N (the application's accelerator for the window's action; no application here): the
 * new conference form of @window, once drawn. */
static inline GtkWindow *
open_new_conference_form (QuorumWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-conference", NULL));
  ui_test_wait_until (new_conference_drawn, NULL, 10000, "the new conference form");
  return ui_test_find_toplevel (QUORUM_TYPE_NEW_CONFERENCE_DIALOG);
}

static inline QuorumWindow *
reopen (Fixture *fx,
        gint64   child_id)
{
  gtk_window_close (GTK_WINDOW (fx->window));
  ui_test_iterate (300);
  g_assert_null (ui_test_find_toplevel (QUORUM_TYPE_WINDOW));

  fx->window = ui_test_window_new (fx->store, 1280, 900);
  g_assert_true (quorum_window_open_conference (fx->window, fx->conf, child_id));
  ui_test_iterate (300);
  /* Until the window has done what it does after its first frames (the other panels built, the
   * board brought back to where the chair left it): at a load of 20, a click aimed after the
   * 300 ms landed where the reason box had been before the board moved. */
  ui_test_settle (2000);

  return fx->window;
}

/* A representative's widget on @group's card for the first child, found again each time (the
 * rows may be new after a rebuild). */
static inline GtkWidget *
member_widget (Fixture    *fx,
               const char *group,
               gint64      attendee_id,
               const char *name)
{
  QuorumVoteCard *card = ui_test_card (fx->window, fx->amy, group);
  g_autofree char *row_name = g_strdup_printf ("member-position-%" G_GINT64_FORMAT, attendee_id);
  GtkWidget *row = ui_test_find_named (GTK_WIDGET (card), row_name);
  GtkWidget *widget;

  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_mapped (row));
  widget = ui_test_find_named (row, name);
  g_assert_nonnull (widget);
  return widget;
}

/* A representative's own position as the database holds it: "view|reason", or NULL. */
static inline char *
member_view_in_db (Fixture *fx,
                   gint64   attendee_id)
{
  return ui_test_db_sqlf (fx->path, "SELECT view || '|' || reason FROM member_view WHERE child_id = %" G_GINT64_FORMAT
                          " AND attendee_id = %" G_GINT64_FORMAT, fx->amy, attendee_id);
}
