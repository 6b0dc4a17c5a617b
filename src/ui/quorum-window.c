/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-window.c: the main window. */

#define G_LOG_DOMAIN "quorum-window"

#include <glib/gi18n.h>

#include "quorum-conference-item.h"
#include "quorum-conference-list.h"
#include "quorum-demo.h"
#include "quorum-differences-page.h"
#include "quorum-frame-pool.h"
#include "quorum-new-conference-dialog.h"
#include "quorum-preferences-window.h"
#include "quorum-referrals-page.h"
#include "quorum-ui-util.h"
#include "quorum-window.h"

struct _QuorumWindow
{
  AdwApplicationWindow  parent_instance;

  GtkMenuButton        *primary_menu_button;
  GtkLabel             *identity_name;   /* in the primary menu */
  GtkLabel             *identity_where;
  GtkLabel             *identity_exports;  /* a shared record's: the name exports give, when not the login's */

  QuorumStore          *store;
  GSettings            *settings;
  gboolean              chair;        /* this person may make conferences and record them */
  QuorumConferenceList *conferences;  /* read a window at a time */
  GtkSliceListModel    *shown;        /* its first rows: what the list view makes rows for */
  GtkSingleSelection   *selection;
  char                 *last_toast;
  AdwToast             *toast;          /* the one shown and not yet dismissed, weak */
  GtkLabel             *toast_label;    /* its words, weak */
  gint64                toast_shown_at; /* monotonic µs */
  guint                 toast_dismiss_source;
  guint                 toast_clear_source; /* moves what the toast is about out from under it */
  /* What the toast shown now asks for, from its first widget to its last (a card's heading down
   * to the field it asks for), when the caller says so; else the focus is. Weak. */
  GtkWidget            *toast_about_first;
  GtkWidget            *toast_about_last;

  AdwToastOverlay      *toast_overlay;
  GtkWidget            *back_button;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack         *view_stack;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  GtkWidget            *sidebar_separator;
  AdwViewSwitcherBar   *switcher_bar;
  GtkSearchEntry       *search_entry;
  GtkStack             *list_stack;
  GtkListView          *conference_list;
  AdwStatusPage        *empty_status;
  AdwStatusPage        *welcome_status;
  GtkStack             *content_stack;
  QuorumConferencePage *conference_page;

  guint                 build_pages_source;
  gboolean              pages_built;

  /* Live: another writer changed the record (quorum_store_watch). */
  GtkInfoBar           *offline_bar;
  guint                 watch_id;
  guint                 live_source;      /* the reload, gathered over LIVE_GATHER_MS */
  gboolean              live_all;         /* anything may have changed */
  gboolean              live_conference;  /* the open conference changed */
  gboolean              live_referrals;
  gboolean              live_differences;
  gboolean              live_other;       /* another writer: the list is read again */
  guint                 reachable_source; /* while offline: asks the server again */
  gboolean              offline;
  gboolean              close_confirmed;  /* closed while offline, the person told */
  guint                 focus_source;     /* a page shown before it was on screen: focused once it is */
  guint                 back_source;      /* the leaflet folded or unfolded: the back button after the frame */
  guint                 focus_tries;
  /* A conference opened: the card holding a kept draft is focused once the page is shown. */
  guint                 draft_focus_source;
  gboolean              draft_focus_waiting; /* … the page not yet mapped */
  guint                 draft_focus_tries;
  GtkWidget            *draft_focus_from;    /* the focus then (weak): moved since, left alone */
  /* What this process wrote (another window of the app, or this one): the store's
   * "record-changed". A view read at the commit's serial or later has it already: the window
   * that wrote is not read again. */
  guint64               own_serial;       /* the newest such commit not yet shown */
  gboolean              own_conference;   /* … changed the open conference */
  gboolean              own_referrals;
  gboolean              own_differences;
  guint64               page_serial;      /* the conference page read the record then */
  guint64               list_serial;      /* the list of conferences, likewise */
};

/* GTK 4.8's list view makes a row widget for up to 200 items past the top one, whatever
 * fits on screen (GTK_LIST_VIEW_MAX_LIST_ITEMS): ~0.2 s of CPU and 11 MiB at start-up on a
 * long list, for rows nobody sees. It is given the list's first SHOWN_ROWS items, a screenful
 * on any display, and SHOWN_GROW more as it is scrolled (quorum_ui_slice_for_view). */
#define SHOWN_ROWS 40
#define SHOWN_GROW 100

/* Notifications of one transaction arrive together: one reload for them all. */
#define LIVE_GATHER_MS   60
#define OFFLINE_RETRY_S  2

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (QuorumWindow, quorum_window, ADW_TYPE_APPLICATION_WINDOW)

/* ---- the list of conferences ---- */

static void
select_conference (QuorumWindow *self,
                   gint64        conference_id)
{
  /* The store says where it stands: no walk through rows that are not on screen. */
  guint position = quorum_conference_list_find (self->conferences, conference_id);

  quorum_ui_slice_reach (self->shown, position);
  gtk_single_selection_set_selected (self->selection, position);
}

/* The list was read again: asked for here (a search, another writer), or by itself when the
 * store made or signed off a conference (a review brought forward, another window's form). */
static void
conferences_changed_cb (QuorumWindow *self,
                        guint         position,
                        guint         removed,
                        guint         added,
                        GListModel   *conferences)
{
  g_autofree char *search = quorum_ui_editable_get_text (GTK_EDITABLE (self->search_entry));

  self->list_serial = quorum_store_get_commit_serial (self->store);
  if (g_list_model_get_n_items (conferences) > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "list");
  else if (search != NULL)
    gtk_stack_set_visible_child_name (self->list_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "empty");

  /* The highlight stays on the conference open, whatever came in above it. */
  select_conference (self, quorum_conference_page_get_conference_id (self->conference_page));
}

void
quorum_window_refresh (QuorumWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *search = NULL;

  g_return_if_fail (QUORUM_IS_WINDOW (self));

  search = quorum_ui_editable_get_text (GTK_EDITABLE (self->search_entry));
  if (!quorum_conference_list_reload (self->conferences, search, &error))
    quorum_ui_show_error (GTK_WIDGET (self), error);
}

static void
search_changed_cb (QuorumWindow   *self,
                   GtkSearchEntry *entry)
{
  quorum_window_refresh (self);
}

static void
search_activate_cb (QuorumWindow   *self,
                    GtkSearchEntry *entry)
{
  /* Enter opens the first match: search then go, without the mouse. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->conferences)) > 0)
    {
      g_autoptr(QuorumConferenceItem) item = g_list_model_get_item (G_LIST_MODEL (self->conferences), 0);

      quorum_window_open_conference (self, quorum_conference_item_get_id (item), 0);
    }
}

static void
conference_activated_cb (QuorumWindow *self,
                         guint         position,
                         GtkListView  *list_view)
{
  g_autoptr(QuorumConferenceItem) item = g_list_model_get_item (G_LIST_MODEL (self->conferences), position);

  if (item != NULL)
    quorum_window_open_conference (self, quorum_conference_item_get_id (item), 0);
}

static gboolean
is_projecting (QuorumWindow *self)
{
  return gtk_widget_has_css_class (GTK_WIDGET (self), "projector");
}

/* Projector mode shows the room this conference only: the list, the search and the other pages
 * stay out of reach, but a key that would reach them says why rather than doing nothing (trial 8,
 * A9: a Head of Service opening the app the next morning, still in projector mode, pressed Alt+2
 * and nothing happened). */
static gboolean
refused_while_projecting (QuorumWindow *self)
{
  if (!is_projecting (self))
    return FALSE;

  quorum_window_add_toast (self, _("Projector mode shows this conference only: press Ctrl+Shift+P to leave it"));
  return TRUE;
}

static void
update_back_button (QuorumWindow *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);
  const char *visible = adw_leaflet_get_visible_child_name (self->leaflet);

  /* Back to the list of conferences: on their page only. */
  gtk_widget_set_visible (self->back_button,
                          folded && g_strcmp0 (visible, "content") == 0 && !is_projecting (self) &&
                          g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "conferences") == 0);
}

static gboolean
update_back_button_cb (gpointer user_data)
{
  QuorumWindow *self = user_data;

  self->back_source = 0;
  update_back_button (self);
  return G_SOURCE_REMOVE;
}

/* The leaflet folds and unfolds while it is laid out: a button shown then, in the header bar
 * already laid out, would be drawn without a size ("Trying to snapshot AdwHeaderBar without a
 * current allocation"); it is shown or hidden once the frame is done. */
static void
leaflet_changed_cb (QuorumWindow *self,
                    GParamSpec   *pspec,
                    AdwLeaflet   *leaflet)
{
  if (self->back_source == 0)
    self->back_source = g_idle_add (update_back_button_cb, self);
}

/* ---- the open conference ---- */

static void
conference_page_child_cb (QuorumWindow         *self,
                          GParamSpec           *pspec,
                          QuorumConferencePage *page)
{
  gint64 child_id = quorum_conference_page_get_child_id (page);

  if (self->settings != NULL && child_id != 0)
    g_settings_set_int64 (self->settings, "last-child", child_id);
}

/* Opened again after the window was closed, or the app killed, mid-sentence: the board opened
 * at its top while the words kept were four cards down, unseen (trial 9 A5). The first card
 * holding a draft is scrolled to and focused, the caret at the end of its words; not when the
 * chair is already in words here. Before the keys that come next (a key's event waits). */
static gboolean
draft_focus_cb (gpointer user_data)
{
  QuorumWindow *self = user_data;
  GtkWidget *page = GTK_WIDGET (self->conference_page);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  QuorumChildPanel *panel;

  self->draft_focus_source = 0;
  if (!gtk_widget_get_mapped (page))
    {
      self->draft_focus_waiting = TRUE;
      return G_SOURCE_REMOVE;
    }
  self->draft_focus_waiting = FALSE;
  /* The chair already put the focus in the conference since (a click, a key), or is in words
   * there: theirs. */
  if (focus != NULL && gtk_widget_is_ancestor (focus, page) &&
      (focus != self->draft_focus_from || quorum_ui_takes_words (focus)))
    return G_SOURCE_REMOVE;
  panel = quorum_conference_page_get_child_panel (self->conference_page,
                                                  quorum_conference_page_get_child_id (self->conference_page));
  if (panel != NULL && quorum_child_panel_focus_draft (panel))
    gtk_window_set_focus_visible (GTK_WINDOW (self), TRUE);
  else if (panel != NULL && gtk_widget_get_width (GTK_WIDGET (panel)) == 0 && ++self->draft_focus_tries < 50)
    /* Not laid out yet: once it is. */
    self->draft_focus_source = g_timeout_add_full (G_PRIORITY_HIGH, 20, draft_focus_cb, self, NULL);
  return G_SOURCE_REMOVE;
}

static void
want_draft_focus (QuorumWindow *self)
{
  g_clear_handle_id (&self->draft_focus_source, g_source_remove);
  g_set_weak_pointer (&self->draft_focus_from, gtk_root_get_focus (GTK_ROOT (self)));
  self->draft_focus_tries = 0;
  self->draft_focus_source = g_idle_add_full (G_PRIORITY_HIGH, draft_focus_cb, self, NULL);
}

static void
conference_page_mapped_cb (QuorumWindow *self)
{
  if (self->draft_focus_waiting)
    want_draft_focus (self);
}

gboolean
quorum_window_open_conference (QuorumWindow *self,
                               gint64        conference_id,
                               gint64        child_id)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (QUORUM_IS_WINDOW (self), FALSE);

  if (!quorum_conference_page_load (self->conference_page, conference_id, child_id, &error))
    {
      quorum_ui_show_error (GTK_WIDGET (self), error);
      return FALSE;
    }

  gtk_stack_set_visible_child_name (self->content_stack, "conference");
  adw_view_stack_set_visible_child_name (self->view_stack, "conferences");
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
  select_conference (self, conference_id);
  want_draft_focus (self);

  if (self->settings != NULL)
    {
      g_settings_set_int64 (self->settings, "last-conference", conference_id);
      g_settings_set_int64 (self->settings, "last-child",
                            quorum_conference_page_get_child_id (self->conference_page));
    }

  return TRUE;
}

gboolean
quorum_window_open_decision (QuorumWindow *self,
                             gint64        conference_id,
                             gint64        child_id)
{
  QuorumChildPanel *panel;

  g_return_val_if_fail (QUORUM_IS_WINDOW (self), FALSE);

  if (!quorum_window_open_conference (self, conference_id, child_id))
    return FALSE;

  /* Where the Head of Service reads the panel's outcome: not wherever the child's panel was
   * last scrolled to (the vote cards). */
  panel = quorum_conference_page_get_child_panel (self->conference_page, child_id);
  if (panel != NULL)
    quorum_child_panel_show_decision (panel);
  return TRUE;
}

static void
restore_last_conference (QuorumWindow *self)
{
  gint64 conference_id;
  gint64 child_id;
  g_autoptr(QuorumConference) conference = NULL;

  if (self->settings == NULL)
    return;

  conference_id = g_settings_get_int64 (self->settings, "last-conference");
  child_id = g_settings_get_int64 (self->settings, "last-child");
  if (conference_id <= 0)
    return;

  /* A conference of another database is not an error: start from the list. */
  conference = quorum_store_load_conference (self->store, conference_id, NULL);
  if (conference == NULL)
    return;
  if (quorum_conference_find_child (conference, child_id) == NULL)
    child_id = 0;

  quorum_window_open_conference (self, conference_id, child_id);
}

void
quorum_window_restore (QuorumWindow *self)
{
  QuorumStoreRoles roles;

  g_return_if_fail (QUORUM_IS_WINDOW (self));

  restore_last_conference (self);

  /* A Head of Service who does not chair starts where their work is: the referrals the split
   * decisions made (the conference they last read is still open behind Alt+1). */
  roles = quorum_store_get_roles (self->store, NULL);
  if ((roles & QUORUM_STORE_ROLE_HEAD_OF_SERVICE) != 0 && (roles & QUORUM_STORE_ROLE_CHAIR) == 0)
    g_action_group_activate_action (G_ACTION_GROUP (self), "show-page", g_variant_new_string ("referrals"));
}

/* ---- actions ---- */

static void
conference_created_cb (QuorumWindow              *self,
                       gint64                     conference_id,
                       QuorumNewConferenceDialog *dialog)
{
  g_autofree char *message = NULL;

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  quorum_window_refresh (self);

  if (quorum_window_open_conference (self, conference_id, 0))
    {
      quorum_window_add_toast (self, _("Conference created: add the attendees as they arrive"));
      gtk_widget_activate_action (GTK_WIDGET (self->conference_page), "conference.new-attendee", NULL);
    }
}

static void
new_conference_action (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  QuorumWindow *self = user_data;
  QuorumNewConferenceDialog *dialog = quorum_new_conference_dialog_new (GTK_WINDOW (self), self->store);

  g_signal_connect_object (dialog, "created", G_CALLBACK (conference_created_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_conference_action (GSimpleAction *action,
                        GVariant      *param,
                        gpointer       user_data)
{
  quorum_window_open_conference (QUORUM_WINDOW (user_data), g_variant_get_int64 (param), 0);
}

static void
open_decision_action (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  gint64 conference_id;
  gint64 child_id;

  g_variant_get (param, "(xx)", &conference_id, &child_id);
  quorum_window_open_decision (QUORUM_WINDOW (user_data), conference_id, child_id);
}

static void
search_action (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  QuorumWindow *self = user_data;

  if (refused_while_projecting (self))
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, "conferences");
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
show_list_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  QuorumWindow *self = user_data;

  if (refused_while_projecting (self))
    return;

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
}

gboolean
quorum_window_load_demo (QuorumWindow *self)
{
  g_autoptr(GError) error = NULL;
  gint64 decided_id = 0;
  gint64 live_id = 0;

  g_return_val_if_fail (QUORUM_IS_WINDOW (self), FALSE);

  if (!quorum_demo_load (self->store, &decided_id, &live_id, &error))
    {
      quorum_ui_show_error (GTK_WIDGET (self), error);
      return FALSE;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  quorum_window_refresh (self);

  return quorum_window_open_conference (self, decided_id, 0);
}

static void
load_demo_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  QuorumWindow *self = user_data;

  if (quorum_window_load_demo (self))
    quorum_window_add_toast (self, _("Demo conferences loaded: the second one is still in session, try its vote"));
}

static void
fullscreen_action (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  GtkWindow *window = GTK_WINDOW (user_data);

  if (gtk_window_is_fullscreen (window))
    gtk_window_unfullscreen (window);
  else
    gtk_window_fullscreen (window);
}

static void
set_action_enabled (QuorumWindow *self,
                    const char   *name,
                    gboolean      enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  if (G_IS_SIMPLE_ACTION (action))
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
hide_other_pages (QuorumWindow *self,
                  gboolean      hidden)
{
  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (self->view_stack)); page;
       page = gtk_widget_get_next_sibling (page))
    if (page != adw_view_stack_get_child_by_name (self->view_stack, "conferences"))
      gtk_widget_set_visible (page, !hidden);
}

/* A dialog over a projecting window (the decision's confirmation, a sign-off's) is read by the
 * room too: it takes projector mode's text sizes (trial 7, A7: its text was 11 px). */
static void
toplevel_realize_cb (GtkWindow    *toplevel,
                     QuorumWindow *self)
{
  if (gtk_window_get_transient_for (toplevel) == GTK_WINDOW (self) && is_projecting (self))
    gtk_widget_add_css_class (GTK_WIDGET (toplevel), "projector");
}

static void
toplevels_changed_cb (QuorumWindow *self,
                      guint         position,
                      guint         removed,
                      guint         added,
                      GListModel   *toplevels)
{
  if (!is_projecting (self))
    return;
  /* Its parent is set after the list learns of it: looked at when it is realized. */
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (toplevel != GTK_WINDOW (self))
        g_signal_connect_object (toplevel, "realize", G_CALLBACK (toplevel_realize_cb), self, 0);
    }
}

/* The page before a conference is chosen says what this person can do from there: in projector
 * mode the list it would name is hidden (trial 8, A9: the morning after, it said "Choose a
 * conference from the list" with no list on the screen). */
static void
update_welcome (QuorumWindow *self)
{
  const char *description;

  if (is_projecting (self))
    description = _("Projector mode shows one conference at a time, and none is open: press Ctrl+Shift+P to choose one from the list");
  else if (!self->chair)
    description = _("Choose a conference from the list to read its record, print it or export it.");
  else
    description = _("Choose a conference from the list, or start a new one. Everything is recorded as you enter it: there is nothing to save.");
  adw_status_page_set_description (self->welcome_status, description);
}

/* Projector mode shows the room one conference and nothing of any other family: no list of
 * conferences, no search, no Referrals or Differences pages (every child's name is on them),
 * and no way to reach them until the mode is left. */
static void
apply_projector_mode (QuorumWindow *self,
                      gboolean      enabled)
{
  if (enabled)
    gtk_widget_add_css_class (GTK_WIDGET (self), "projector");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "projector");
  quorum_conference_page_set_projecting (self->conference_page, enabled);

  if (enabled)
    {
      adw_view_stack_set_visible_child_name (self->view_stack, "conferences");
      adw_leaflet_set_visible_child_name (self->leaflet, "content");
    }

  /* Hidden too, and so not measured: AdwViewStack asks every page its height, and the hidden
   * Differences page's (its filters wrapped at projector sizes) made the window 681 px high on a
   * 1024×640 projector (trial 6). */
  hide_other_pages (self, enabled);

  gtk_widget_set_visible (self->sidebar, !enabled);
  gtk_widget_set_visible (self->sidebar_separator, !enabled);
  gtk_widget_set_visible (GTK_WIDGET (self->switcher_title), !enabled);
  gtk_widget_set_visible (GTK_WIDGET (self->switcher_bar), !enabled);
  update_welcome (self);
  update_back_button (self);
}

static void
projector_changed_cb (QuorumWindow *self,
                      const char   *key,
                      GSettings    *settings)
{
  apply_projector_mode (self, g_settings_get_boolean (settings, "projector-mode"));
}

/* Without settings (no schema), projector mode still works for the session. */
static void
projector_state_cb (GSimpleAction *action,
                    GVariant      *state,
                    gpointer       user_data)
{
  g_simple_action_set_state (action, state);
  apply_projector_mode (QUORUM_WINDOW (user_data), g_variant_get_boolean (state));
}

static void build_pages (QuorumWindow *self);

/* The keyboard goes with the page shown: into the open conference, else the first control. */
static void
focus_shown_page (QuorumWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);
  GtkWidget *page = adw_view_stack_get_visible_child (self->view_stack);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (page == NULL || (focus != NULL && gtk_widget_is_ancestor (focus, page)))
    return;

  if (g_strcmp0 (name, "conferences") == 0 &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "conference") == 0 &&
      g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "content") == 0 &&
      gtk_widget_child_focus (GTK_WIDGET (self->conference_page), GTK_DIR_TAB_FORWARD))
    return;

  gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
}

/* A page shown before the window is on screen (at start-up) takes the focus once it is laid
 * out: nothing unmapped or unallocated can take it. */
static gboolean
focus_shown_page_cb (gpointer user_data)
{
  QuorumWindow *self = user_data;
  GtkWidget *page = adw_view_stack_get_visible_child (self->view_stack);

  if (page != NULL && (!gtk_widget_get_mapped (page) || gtk_widget_get_width (page) == 0) &&
      ++self->focus_tries < 100)
    return G_SOURCE_CONTINUE;
  self->focus_source = 0;
  focus_shown_page (self);
  return G_SOURCE_REMOVE;
}

static void
show_page_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  QuorumWindow *self = user_data;
  const char *name = g_variant_get_string (param, NULL);
  GtkWidget *page;

  if (g_strcmp0 (name, "conferences") != 0 && refused_while_projecting (self))
    return;

  /* Before the first frame the later pages are stand-ins, and showing one builds the real
   * pages and frees the stand-in: the page is looked up once they are built, never kept from
   * before (a Head of Service's window, shown its referrals at start-up, focused a freed
   * stand-in and crashed: docs/notes/pgapp2.md). */
  if (!self->pages_built && g_strcmp0 (name, "conferences") != 0)
    build_pages (self);
  page = adw_view_stack_get_child_by_name (self->view_stack, name);
  if (page == NULL)
    return;

  adw_view_stack_set_visible_child (self->view_stack, page);

  g_clear_handle_id (&self->focus_source, g_source_remove);
  if (!gtk_widget_get_mapped (page))
    {
      self->focus_tries = 0;
      self->focus_source = g_timeout_add_full (G_PRIORITY_LOW, 20, focus_shown_page_cb, self, NULL);
      return;
    }
  focus_shown_page (self);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  QuorumPreferencesWindow *preferences = quorum_preferences_window_new (GTK_WINDOW (user_data));

  gtk_window_present (GTK_WINDOW (preferences));
}

/* At the top of the primary menu, and on its button: who the record names as doing what is
 * done in this window, and which record it is (this computer's, or the shared one on its
 * server), for a laptop passed between a chair and a minute-taker, or two chairs on one server.
 * On a shared database the server records the login (schema 12), whatever name is kept: the
 * menu names the login by its given name, as the decisions, sign-offs and amendments show it,
 * and says apart the name kept in Preferences, which exports still give (docs/notes/exportwho.md). */
static void
update_identity (QuorumWindow *self)
{
  g_autofree char *host = NULL;
  g_autofree char *port = NULL;
  g_autofree char *dbname = NULL;
  g_autofree char *user = NULL;
  g_autofree char *where = NULL;
  g_autofree char *description = NULL;
  g_autofree char *who = NULL;
  g_autofree char *exports = NULL;

  if (self->store == NULL || self->identity_name == NULL)
    return;

  if (quorum_store_is_shared (self->store))
    {
      /* Who the server records (the login, by the name an administrator gave it) … */
      g_autofree char *signer = quorum_store_dup_shown_signer (self->store);

      who = quorum_store_dup_shown_actor (self->store);
      /* … and, when another name is kept, the name an export gives as its "by". */
      if (g_strcmp0 (signer, who) != 0)
        /* TRANSLATORS: under the name the shared record writes, in the primary menu; %s is the
         * name kept in Preferences, e.g. "Exports say “by Rachel O’Neill”, the name kept in Preferences" */
        exports = g_strdup_printf (_("Exports say “by %s”, the name kept in Preferences"), signer);
    }
  else
    /* The name kept (what the record on this computer writes). */
    who = quorum_store_dup_shown_signer (self->store);
  if (quorum_ui_needs_name (self->store))
    gtk_label_set_text (self->identity_name, _("No name kept: the record will ask it"));
  else
    gtk_label_set_text (self->identity_name, who);
  gtk_label_set_text (self->identity_exports, exports != NULL ? exports : "");
  gtk_widget_set_visible (GTK_WIDGET (self->identity_exports), exports != NULL);

  if (quorum_store_is_shared (self->store) &&
      quorum_store_describe_server (quorum_store_get_path (self->store), &host, &port, &dbname, &user))
    /* TRANSLATORS: the shared record's database, its server and the login on it,
     * e.g. "Shared record quorum on db.bolton.gov.uk, signed in as achair" */
    where = g_strdup_printf (_("Shared record %s on %s, signed in as %s"),
                             dbname != NULL ? dbname : "", host != NULL && *host != '/' ? host : _("this computer"),
                             quorum_store_get_user (self->store));
  else
    where = g_strdup (_("The record on this computer"));
  gtk_label_set_text (self->identity_where, where);

  /* Said to a screen reader, not as a tooltip: a tooltip opened over the menu and took the click
   * meant for its first item (test-ui-forms, /ui/forms/menu-buttons-without-tooltips). */
  /* TRANSLATORS: the primary menu button's description: the name the record uses, then where */
  description = g_strdup_printf (_("Main Menu · %s · %s"), gtk_label_get_text (self->identity_name), where);
  if (exports != NULL)
    {
      char *longer = g_strconcat (description, " · ", exports, NULL);

      g_free (description);
      description = longer;
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->primary_menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
}

/* The chair's name, from Preferences, is who the record says decided and signed off. */
static void
apply_chair_name (QuorumWindow *self)
{
  g_autofree char *name = self->settings != NULL ? g_settings_get_string (self->settings, "chair-name") : NULL;

  /* Not set: the store's own user (the login) is named, as before. */
  if (self->store != NULL)
    quorum_store_set_signer (self->store, name);
  update_identity (self);
}

static void
chair_name_changed_cb (QuorumWindow *self,
                       const char   *key,
                       GSettings    *settings)
{
  apply_chair_name (self);
}

/* The Keyboard Shortcuts window (Ctrl+?, the primary menu), built the first time it is asked
 * for: GtkApplication would build it with every window (a GtkShortcutsWindow of some 150
 * widgets, ~10 ms before the first frame) from gtk/help-overlay.ui, which is why the resource
 * has another name (ui/help-overlay.ui). This action stands for GtkApplicationWindow's, which
 * gtk_application_window_set_help_overlay () then does not add. */
static void
show_help_overlay_action (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (user_data);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/quorum_app/quorum/ui/help-overlay.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

static const GActionEntry win_entries[] = {
  { "show-help-overlay", show_help_overlay_action },
  { "preferences", preferences_action },
  { "new-conference", new_conference_action },
  { "show-page", show_page_action, "s" },
  { "open-conference", open_conference_action, "x" },
  { "open-decision", open_decision_action, "(xx)" },
  { "search", search_action },
  { "show-list", show_list_action },
  { "load-demo", load_demo_action },
  { "fullscreen", fullscreen_action },
};

/* ---- shortcuts ---- */

/* The open conference's commands work wherever the focus is in the window, or when there is
 * none (after a dialog, a toast, a record that rebuilt the widget that had it): the window
 * hands them to the page while the Conferences page shows a conference. */
static gboolean
conference_shortcut_cb (GtkWidget *widget,
                        GVariant  *args,
                        gpointer   user_data)
{
  QuorumWindow *self = QUORUM_WINDOW (widget);
  const char *action = user_data;

  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "conferences") != 0 ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "conference") != 0 ||
      quorum_conference_page_get_conference_id (self->conference_page) == 0)
    return FALSE;

  /* A key that does nothing looks broken: a minute-taker's Ctrl+T is told why (trial 5). */
  if (!self->chair && g_strcmp0 (action, "conference.new-attendee") == 0)
    {
      quorum_window_add_toast (self, _("Your role cannot add attendees: only a chair can"));
      return TRUE;
    }

  adw_leaflet_set_visible_child_name (self->leaflet, "content");
  /* A person at the keyboard: wherever the action puts the focus, show it. */
  gtk_window_set_focus_visible (GTK_WINDOW (self), TRUE);

  return gtk_widget_activate_action (GTK_WIDGET (self->conference_page), action, NULL);
}

/* Ctrl+N where this person may not make conferences (the action is disabled, its buttons
 * hidden): said, not silent (a minute-taker pressed it and nothing happened; trial 5). A
 * chair's Ctrl+N goes on to the application's shortcut. */
static gboolean
new_conference_refused_cb (GtkWidget *widget,
                           GVariant  *args,
                           gpointer   user_data)
{
  QuorumWindow *self = QUORUM_WINDOW (widget);

  if (self->chair)
    return FALSE;
  quorum_window_add_toast (self, _("Your role cannot create conferences: only a chair can"));
  return TRUE;
}

static void
add_shortcuts (QuorumWindow *self)
{
  static const struct {
    const char *trigger;
    const char *action;
  } conference_shortcuts[] = {
    { "F9", "conference.toggle-attendees" },
    { "<Control>t", "conference.new-attendee" },
    { "<Control>d", "conference.decide" },
    { "<Control>Page_Down", "conference.next-child" },
    { "<Control>Page_Up", "conference.previous-child" },
    { "<Control>e", "conference.export" },
    { "<Control>p", "conference.print" },
  };
  static const struct {
    const char *trigger;
    const char *page;
  } page_shortcuts[] = {
    { "<Alt>1", "conferences" },
    { "<Alt>2", "referrals" },
    { "<Alt>3", "differences" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_name (controller, "quorum-window-shortcuts");
  /* Before the focused widget: a scrolled window or a text view must not take Ctrl+Page_Down. */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);

  for (guint i = 0; i < G_N_ELEMENTS (conference_shortcuts); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_shortcut_trigger_parse_string (conference_shortcuts[i].trigger),
                                                            gtk_callback_action_new (conference_shortcut_cb,
                                                                                     (gpointer) conference_shortcuts[i].action,
                                                                                     NULL)));

  for (guint i = 0; i < G_N_ELEMENTS (page_shortcuts); i++)
    {
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_shortcut_trigger_parse_string (page_shortcuts[i].trigger),
                                                gtk_named_action_new ("win.show-page"));

      gtk_shortcut_set_arguments (shortcut, g_variant_new_string (page_shortcuts[i].page));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>n"),
                                                          gtk_callback_action_new (new_conference_refused_cb, NULL, NULL)));

  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* ---- pages ---- */

void
quorum_window_add_page (QuorumWindow *self,
                        GtkWidget    *page,
                        const char   *name,
                        const char   *title,
                        const char   *icon_name)
{
  AdwViewStackPage *stack_page;

  g_return_if_fail (QUORUM_IS_WINDOW (self));
  g_return_if_fail (GTK_IS_WIDGET (page));

  stack_page = adw_view_stack_add_titled (self->view_stack, page, name, title);
  adw_view_stack_page_set_icon_name (stack_page, icon_name);
  adw_view_stack_page_set_use_underline (stack_page, TRUE);
}

typedef struct
{
  GtkWidget  *(*page_new) (QuorumStore *store);
  const char  *name;
  const char  *title;
  const char  *icon_name;
} DeferredPage;

static const DeferredPage deferred_pages[] = {
  { quorum_referrals_page_new, "referrals", N_("_Referrals"), "mail-send-symbolic" },
  { quorum_differences_page_new, "differences", N_("_Differences"), "dialog-warning-symbolic" },
};

/* The pages after "Conferences" take their places in the switcher at once, as empty
 * stand-ins; the pages themselves are built when one is first shown or once the first frame
 * is on screen, whichever comes first, and then stand where the stand-ins stood. Start-up
 * builds only what the first screen shows. */
static void
build_pages (QuorumWindow *self)
{
  g_autofree char *visible = NULL;

  if (self->pages_built)
    return;
  self->pages_built = TRUE;
  g_clear_handle_id (&self->build_pages_source, g_source_remove);

  visible = g_strdup (adw_view_stack_get_visible_child_name (self->view_stack));
  for (guint i = 0; i < G_N_ELEMENTS (deferred_pages); i++)
    {
      GtkWidget *stand_in = adw_view_stack_get_child_by_name (self->view_stack, deferred_pages[i].name);

      if (stand_in != NULL)
        adw_view_stack_remove (self->view_stack, stand_in);
    }
  for (guint i = 0; i < G_N_ELEMENTS (deferred_pages); i++)
    quorum_window_add_page (self, deferred_pages[i].page_new (self->store), deferred_pages[i].name,
                            _(deferred_pages[i].title), deferred_pages[i].icon_name);
  if (visible != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, visible);
  hide_other_pages (self, is_projecting (self));
  /* Pages built late are named like the rest (see quorum_ui_fix_accessible_names). */
  quorum_ui_fix_accessible_names (GTK_WIDGET (self->view_stack));
}

static void
visible_page_cb (QuorumWindow *self,
                 GParamSpec   *pspec,
                 AdwViewStack *view_stack)
{
  const char *visible = adw_view_stack_get_visible_child_name (view_stack);

  if (!self->pages_built && g_strcmp0 (visible, "conferences") != 0)
    build_pages (self);
  update_back_button (self);
}

static gboolean
build_pages_cb (gpointer user_data)
{
  QuorumWindow *self = user_data;

  self->build_pages_source = 0;
  build_pages (self);
  return G_SOURCE_REMOVE;
}

/* Runs before the first frame is painted; the low-priority idle after it. */
static gboolean
first_frame_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  QuorumWindow *self = QUORUM_WINDOW (widget);

  if (!self->pages_built && self->build_pages_source == 0)
    self->build_pages_source = g_idle_add_full (G_PRIORITY_LOW, build_pages_cb, self, NULL);
  return G_SOURCE_REMOVE;
}

/* The one place where the window's pages are added, after "Conferences". Each page is a
 * widget with a construct property "store"; it shows a conference with the action
 * "win.open-conference" (or "app.open-conference"), an int64 id, or a child's decision in it
 * with "win.open-decision", (conference id, child id). */
static void
quorum_window_add_pages (QuorumWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (deferred_pages); i++)
    quorum_window_add_page (self, adw_bin_new (), deferred_pages[i].name,
                            _(deferred_pages[i].title), deferred_pages[i].icon_name);

  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (visible_page_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_tick_callback (GTK_WIDGET (self), first_frame_cb, NULL, NULL);
}

/* ---- live: what another app or the CLI records shows here without a refresh ---- */

static GtkWidget *
find_page (QuorumWindow *self,
           const char   *name,
           GType         type)
{
  GtkWidget *page = adw_view_stack_get_child_by_name (self->view_stack, name);

  return page != NULL && G_TYPE_CHECK_INSTANCE_TYPE (page, type) ? page : NULL;
}

/* Whether the open conference made a referral: a referral's notification, panel or correction
 * (the Referrals page, another window, the CLI) changes what its child's decision says. */
static gboolean
open_conference_has_referral (QuorumWindow *self)
{
  const QuorumConference *conference = quorum_conference_page_get_conference (self->conference_page);

  return conference != NULL && conference->referrals != NULL && conference->referrals->len > 0;
}

static gboolean
live_reload_cb (gpointer user_data)
{
  QuorumWindow *self = user_data;
  GtkWidget *page;
  gboolean all = self->live_all;
  gboolean other = self->live_other;
  gboolean own = self->own_serial != 0;

  self->live_source = 0;

  /* What is open first (what the room is looking at), then the list (its sign-off marks and
   * new conferences). Words being typed stay: a reload never replaces a field that is
   * modified or holds a draft. What this process wrote is read again only by a view that
   * read the record before it committed (not the window whose page recorded it). */
  if (all || self->live_conference || (self->own_conference && self->page_serial < self->own_serial) ||
      ((self->live_referrals || self->own_referrals) && open_conference_has_referral (self)))
    quorum_conference_page_reload (self->conference_page);
  if (all || other || (own && self->list_serial < self->own_serial))
    quorum_window_refresh (self);
  if ((all || self->live_referrals || self->own_referrals) &&
      (page = find_page (self, "referrals", QUORUM_TYPE_REFERRALS_PAGE)) != NULL)
    quorum_referrals_page_reload (QUORUM_REFERRALS_PAGE (page));
  if ((all || self->live_differences || self->own_differences) &&
      (page = find_page (self, "differences", QUORUM_TYPE_DIFFERENCES_PAGE)) != NULL &&
      gtk_widget_get_mapped (page))
    quorum_differences_page_refresh (QUORUM_DIFFERENCES_PAGE (page));

  self->live_all = self->live_conference = self->live_referrals = self->live_differences = FALSE;
  self->live_other = FALSE;
  self->own_serial = 0;
  self->own_conference = self->own_referrals = self->own_differences = FALSE;
  return G_SOURCE_REMOVE;
}

/* This process committed a change (any window of the app): gathered as another writer's are. */
static void
record_changed_cb (QuorumWindow *self,
                   const char   *channel,
                   const char   *payload,
                   QuorumStore  *store)
{
  self->own_serial = quorum_store_get_commit_serial (store);
  if (channel == NULL)
    self->own_conference = self->own_referrals = self->own_differences = TRUE;
  else if (g_str_equal (channel, "conference"))
    self->own_conference |= g_ascii_strtoll (payload, NULL, 10) ==
                            quorum_conference_page_get_conference_id (self->conference_page);
  else if (g_str_equal (channel, "referral"))
    self->own_referrals = TRUE;
  else if (g_str_equal (channel, "difference"))
    self->own_differences = TRUE;

  if (self->live_source == 0)
    self->live_source = g_timeout_add (LIVE_GATHER_MS, live_reload_cb, self);
}

static void
conference_page_changed_cb (QuorumWindow         *self,
                            QuorumConferencePage *page)
{
  self->page_serial = quorum_store_get_commit_serial (self->store);
}

static void
store_changed_cb (QuorumStore *store,
                  const char  *channel,
                  const char  *payload,
                  gpointer     user_data)
{
  QuorumWindow *self = user_data;

  /* PostgreSQL: the connection was lost (its watch saw the socket close). A window that only
   * reads says so at once, as one that tried to write does. */
  if ((channel == NULL || channel[0] == '\0') && quorum_store_get_unreachable (store))
    {
      quorum_window_set_offline (self, TRUE);
      return;
    }

  self->live_other = TRUE;
  if (channel == NULL || payload == NULL || payload[0] == '\0')
    {
      self->live_all = TRUE;
      /* PostgreSQL: the connection is back. */
      if (self->offline)
        quorum_window_set_offline (self, FALSE);
    }
  else if (g_str_equal (channel, "conference"))
    {
      gint64 id = g_ascii_strtoll (payload, NULL, 10);

      if (id == quorum_conference_page_get_conference_id (self->conference_page))
        self->live_conference = TRUE;
      /* A split decision makes a referral and a conference may raise a difference: the
       * list's marks change too (refreshed below whatever the channel). */
    }
  else if (g_str_equal (channel, "referral"))
    self->live_referrals = TRUE;
  else if (g_str_equal (channel, "difference"))
    self->live_differences = TRUE;

  if (self->live_source == 0)
    self->live_source = g_timeout_add (LIVE_GATHER_MS, live_reload_cb, self);
}

static gboolean
reachable_cb (gpointer user_data)
{
  QuorumWindow *self = user_data;

  if (!quorum_store_check_reachable (self->store, NULL))
    return G_SOURCE_CONTINUE;

  self->reachable_source = 0;
  quorum_window_set_offline (self, FALSE);
  self->live_all = TRUE;
  if (self->live_source == 0)
    self->live_source = g_idle_add (live_reload_cb, self);
  return G_SOURCE_REMOVE;
}

void
quorum_window_set_offline (QuorumWindow *self,
                           gboolean      offline)
{
  g_return_if_fail (QUORUM_IS_WINDOW (self));

  if (self->offline == offline)
    return;
  self->offline = offline;
  /* Back: the words typed meanwhile, kept on this computer, go to the server now, without
   * waiting for a key (the forms showing them read them again: the same words). */
  if (!offline && quorum_store_count_kept_drafts (self->store) > 0)
    {
      g_autoptr(GError) error = NULL;

      if (quorum_store_send_kept_drafts (self->store, &error) == 0 && error != NULL)
        g_warning ("The drafts kept on this computer are not yet on the server: %s", error->message);
    }
  gtk_info_bar_set_revealed (self->offline_bar, offline);
  if (offline && self->reachable_source == 0)
    self->reachable_source = g_timeout_add_seconds (OFFLINE_RETRY_S, reachable_cb, self);
  else if (!offline)
    g_clear_handle_id (&self->reachable_source, g_source_remove);
  g_clear_handle_id (&self->toast_dismiss_source, g_source_remove);
}

gboolean
quorum_window_get_offline (QuorumWindow *self)
{
  g_return_val_if_fail (QUORUM_IS_WINDOW (self), FALSE);

  return self->offline;
}

void
quorum_window_check_store_failure (QuorumWindow *self)
{
  g_return_if_fail (QUORUM_IS_WINDOW (self));

  if (quorum_store_get_unreachable (self->store))
    quorum_window_set_offline (self, TRUE);
}

/* Hides every button under @root that activates one of @actions. */
static void
hide_actionables (GtkWidget          *root,
                  const char * const *actions)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_ACTIONABLE (child) &&
          g_strv_contains (actions, gtk_actionable_get_action_name (GTK_ACTIONABLE (child)) ?: ""))
        gtk_widget_set_visible (child, FALSE);
      else
        hide_actionables (child, actions);
    }
}

/* ---- GObject ---- */

static void
quorum_window_constructed (GObject *object)
{
  QuorumWindow *self = (QuorumWindow *)object;

  G_OBJECT_CLASS (quorum_window_parent_class)->constructed (object);

  g_assert (QUORUM_IS_STORE (self->store));

  quorum_conference_page_set_store (self->conference_page, self->store);
  /* Only a chair makes conferences (the server refuses the others): the others are not shown
   * the buttons, and the menu hides the items (hidden-when). The demo is a chair's, and only in
   * a database of their own: never in the authority's shared record (quorum_demo_load). */
  {
    gboolean chair = (quorum_store_get_roles (self->store, NULL) & QUORUM_STORE_ROLE_CHAIR) != 0;
    gboolean demo = chair && !quorum_store_is_shared (self->store);

    self->chair = chair;

    set_action_enabled (self, "new-conference", chair);
    set_action_enabled (self, "load-demo", demo);
    if (!chair)
      hide_actionables (GTK_WIDGET (self), (const char * const []) { "win.new-conference", NULL });
    if (!demo)
      hide_actionables (GTK_WIDGET (self), (const char * const []) { "win.load-demo", NULL });
    /* The empty list, and the page before a conference is chosen, offer only what this person
     * may do there. */
    if (!chair)
      adw_status_page_set_description (self->empty_status,
                                       _("The conferences the chairs record will be listed here."));
    else if (!demo)
      adw_status_page_set_description (self->empty_status, _("Create the first one."));
    update_welcome (self);
  }
  apply_chair_name (self);
  self->conferences = quorum_conference_list_new (self->store);
  self->shown = quorum_ui_slice_for_view (G_LIST_MODEL (self->conferences), GTK_SCROLLABLE (self->conference_list),
                                          SHOWN_ROWS, SHOWN_GROW);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->shown)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->conference_list, GTK_SELECTION_MODEL (self->selection));
  /* After the slice, the selection and the view: they know of the change when it runs. */
  g_signal_connect_object (self->conferences, "items-changed",
                           G_CALLBACK (conferences_changed_cb), self, G_CONNECT_SWAPPED);
  quorum_window_add_pages (self);
  quorum_window_refresh (self);
  quorum_ui_fix_accessible_names (GTK_WIDGET (self));
  self->watch_id = quorum_store_watch (self->store, store_changed_cb, self, NULL);
  /* Words kept on this computer by a window closed while the server was away go to it now. */
  if (quorum_store_count_kept_drafts (self->store) > 0)
    {
      g_autoptr(GError) error = NULL;

      quorum_store_send_kept_drafts (self->store, &error);
    }
  g_signal_connect_object (self->store, "record-changed", G_CALLBACK (record_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->conference_page, "changed", G_CALLBACK (conference_page_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->conference_page, "map", G_CALLBACK (conference_page_mapped_cb),
                           self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  /* Before GTK gives the first focus to the first button it finds (the header's New Conference). */
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
quorum_window_close_request_save (QuorumWindow *self)
{
  int width;
  int height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && !gtk_window_is_fullscreen (GTK_WINDOW (self)))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static gboolean
close_confirmed_cb (gpointer user_data)
{
  g_autoptr(QuorumWindow) self = user_data;

  if (!gtk_widget_in_destruction (GTK_WIDGET (self)))
    gtk_window_close (GTK_WINDOW (self));
  return G_SOURCE_REMOVE;
}

static void
close_offline_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           QuorumWindow     *self)
{
  if (g_strcmp0 (response, "close") != 0)
    return;
  self->close_confirmed = TRUE;
  /* Once the dialog, transient for the window, has gone. */
  g_idle_add (close_confirmed_cb, g_object_ref (self));
}

static gboolean
quorum_window_close_request (GtkWindow *window)
{
  QuorumWindow *self = QUORUM_WINDOW (window);

  /* Closed while the server cannot be reached: the words typed meanwhile are not in the
   * record; the person is told where they are before the window goes (pgapp2.md). */
  if (self->offline && !self->close_confirmed && quorum_store_is_shared (self->store))
    {
      GtkWidget *dialog = adw_message_dialog_new (window, _("Close While the Server Is Away?"), NULL);

      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                                   _("The shared record’s server cannot be reached, so nothing typed since it went is recorded. "
                                     "Those words are kept on this computer, and go to the server as soon as Quorum reaches it again."));
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Keep Open"),
                                        "close", _("_Close"),
                                        NULL);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_signal_connect_object (dialog, "response", G_CALLBACK (close_offline_response_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return TRUE;
    }

  quorum_window_close_request_save (self);

  return GTK_WINDOW_CLASS (quorum_window_parent_class)->close_request (window);
}

static void
quorum_window_dispose (GObject *object)
{
  QuorumWindow *self = (QuorumWindow *)object;

  /* The settings keep this action alive: let go of it with the window. */
  g_action_map_remove_action (G_ACTION_MAP (self), "projector-mode");
  g_clear_handle_id (&self->build_pages_source, g_source_remove);
  g_clear_handle_id (&self->watch_id, g_source_remove);
  g_clear_handle_id (&self->live_source, g_source_remove);
  g_clear_handle_id (&self->reachable_source, g_source_remove);
  g_clear_handle_id (&self->toast_clear_source, g_source_remove);
  g_clear_handle_id (&self->focus_source, g_source_remove);
  g_clear_handle_id (&self->draft_focus_source, g_source_remove);
  g_clear_weak_pointer (&self->draft_focus_from);
  g_clear_handle_id (&self->back_source, g_source_remove);
  /* The list may outlive the window a moment (a model still holds it): it tells it no more. */
  if (self->conferences != NULL)
    g_signal_handlers_disconnect_by_data (self->conferences, self);
  /* A field going with the window may still record (below): nothing to reload any more. */
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_WINDOW);
  g_clear_object (&self->selection);
  g_clear_object (&self->shown);
  g_clear_object (&self->conferences);

  G_OBJECT_CLASS (quorum_window_parent_class)->dispose (object);
}

static void
quorum_window_finalize (GObject *object)
{
  QuorumWindow *self = (QuorumWindow *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->last_toast, g_free);
  g_clear_weak_pointer (&self->toast);
  g_clear_weak_pointer (&self->toast_label);
  g_clear_weak_pointer (&self->toast_about_first);
  g_clear_weak_pointer (&self->toast_about_last);

  G_OBJECT_CLASS (quorum_window_parent_class)->finalize (object);
}

static void
quorum_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  QuorumWindow *self = QUORUM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  QuorumWindow *self = QUORUM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_window_class_init (QuorumWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = quorum_window_constructed;
  object_class->dispose = quorum_window_dispose;
  object_class->finalize = quorum_window_finalize;
  object_class->get_property = quorum_window_get_property;
  object_class->set_property = quorum_window_set_property;

  window_class->close_request = quorum_window_close_request;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         QUORUM_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (QUORUM_TYPE_CONFERENCE_PAGE);
  g_type_ensure (QUORUM_TYPE_CONFERENCE_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/quorum_app/quorum/ui/quorum-window.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, sidebar_separator);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, conference_list);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, empty_status);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, welcome_status);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, conference_page);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, offline_bar);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, conference_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_changed_cb);
}

static void
quorum_window_init (QuorumWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  quorum_frame_pool_keep (GTK_WINDOW (self));

  /* GtkApplication adds this itself; a window built alone (tests) needs it for the app icon. */
  {
    GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));

    if (!gtk_icon_theme_has_icon (theme, QUORUM_APP_ID))
      gtk_icon_theme_add_resource_path (theme, "/io/github/quorum_app/quorum/icons");
  }

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_entries, G_N_ELEMENTS (win_entries), self);
  add_shortcuts (self);

  {
    GtkWidget *identity = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
    GtkWidget *name = gtk_label_new (NULL);
    GtkWidget *where = gtk_label_new (NULL);
    GtkWidget *exports = gtk_label_new (NULL);

    gtk_widget_set_name (identity, "identity");
    gtk_widget_set_name (name, "identity-name");
    gtk_widget_set_name (where, "identity-where");
    gtk_widget_set_name (exports, "identity-exports");
    gtk_widget_add_css_class (name, "heading");
    gtk_widget_add_css_class (where, "caption");
    gtk_widget_add_css_class (where, "dim-label");
    gtk_widget_add_css_class (exports, "caption");
    gtk_widget_add_css_class (exports, "dim-label");
    gtk_widget_set_visible (exports, FALSE);
    for (guint i = 0; i < 3; i++)
      {
        GtkLabel *label = GTK_LABEL (i == 0 ? name : i == 1 ? where : exports);

        gtk_label_set_xalign (label, 0);
        gtk_label_set_wrap (label, TRUE);
        gtk_label_set_max_width_chars (label, 36);
      }
    gtk_widget_set_margin_start (identity, 12);
    gtk_widget_set_margin_end (identity, 12);
    gtk_widget_set_margin_top (identity, 6);
    gtk_widget_set_margin_bottom (identity, 6);
    gtk_box_append (GTK_BOX (identity), name);
    gtk_box_append (GTK_BOX (identity), where);
    gtk_box_append (GTK_BOX (identity), exports);
    gtk_popover_menu_add_child (GTK_POPOVER_MENU (gtk_menu_button_get_popover (self->primary_menu_button)),
                                identity, "identity");
    self->identity_name = GTK_LABEL (name);
    self->identity_where = GTK_LABEL (where);
    self->identity_exports = GTK_LABEL (exports);
  }

  g_signal_connect_object (gtk_window_get_toplevels (), "items-changed",
                           G_CALLBACK (toplevels_changed_cb), self, G_CONNECT_SWAPPED);

  self->settings = quorum_ui_settings_new ();
  if (self->settings != NULL)
    {
      g_autoptr(GAction) projector = g_settings_create_action (self->settings, "projector-mode");

      g_action_map_add_action (G_ACTION_MAP (self), projector);
      g_signal_connect_object (self->settings, "changed::chair-name",
                               G_CALLBACK (chair_name_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->settings, "changed::projector-mode",
                               G_CALLBACK (projector_changed_cb), self, G_CONNECT_SWAPPED);
      apply_projector_mode (self, g_settings_get_boolean (self->settings, "projector-mode"));
      /* Kept from the last time, perhaps the last meeting: said, so the window's narrower
       * reach is not a surprise. */
      if (is_projecting (self))
        quorum_window_add_toast (self, _("Projector mode is on, as you left it: press Ctrl+Shift+P to leave it"));

      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }
  else
    {
      g_autoptr(GSimpleAction) projector = g_simple_action_new_stateful ("projector-mode", NULL,
                                                                        g_variant_new_boolean (FALSE));

      g_signal_connect_object (projector, "change-state", G_CALLBACK (projector_state_cb), self, 0);
      g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (projector));
      gtk_window_set_default_size (GTK_WINDOW (self), 1180, 780);
    }

  /* The list's model needs the store: quorum_window_constructed (). */
  factory = gtk_builder_list_item_factory_new_from_resource (NULL, "/io/github/quorum_app/quorum/ui/quorum-conference-row.ui");
  gtk_list_view_set_factory (self->conference_list, factory);

  g_signal_connect_object (self->conference_page, "notify::child-id",
                           G_CALLBACK (conference_page_child_cb), self, G_CONNECT_SWAPPED);

#ifdef DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

QuorumWindow *
quorum_window_new (GtkApplication *application,
                   QuorumStore    *store)
{
  g_return_val_if_fail (QUORUM_IS_STORE (store), NULL);

  return g_object_new (QUORUM_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

QuorumStore *
quorum_window_get_store (QuorumWindow *self)
{
  g_return_val_if_fail (QUORUM_IS_WINDOW (self), NULL);

  return self->store;
}

GListModel *
quorum_window_get_conferences (QuorumWindow *self)
{
  g_return_val_if_fail (QUORUM_IS_WINDOW (self), NULL);

  return G_LIST_MODEL (self->conferences);
}

QuorumConferencePage *
quorum_window_get_conference_page (QuorumWindow *self)
{
  g_return_val_if_fail (QUORUM_IS_WINDOW (self), NULL);

  return self->conference_page;
}

/* libadwaita 1.2 frees a toast dismissed while its appearing animation still plays (a toast
 * that replaced another appears over 500 ms, and goes over 300 ms), then reads it when that
 * animation ends: a crash, SIGSEGV in the crash suite's app (fixed upstream in 1.3,
 * "toast-overlay: Prevent show_done from firing after hide_done"). So a toast is never
 * dismissed in its first moments: the newest message takes the place of the words of the
 * toast on screen, and a dismissal asked for early waits until going cannot end before
 * appearing has. */
#define TOAST_SETTLED_US (300 * G_TIME_SPAN_MILLISECOND)

static void
toast_dismissed_cb (QuorumWindow *self,
                    AdwToast     *toast)
{
  if (self->toast != toast)
    return;
  g_clear_weak_pointer (&self->toast);
  g_clear_weak_pointer (&self->toast_label);
  g_clear_weak_pointer (&self->toast_about_first);
  g_clear_weak_pointer (&self->toast_about_last);
  g_clear_handle_id (&self->toast_dismiss_source, g_source_remove);
}

/* libadwaita 1.2's toast has a close button with an icon and no name (a screen reader says
 * "button"): named here, once the overlay has made the toast's widget. */
static void
name_toast_close_buttons (GtkWidget *widget,
                          gboolean   in_toast)
{
  in_toast = in_toast || g_str_equal (G_OBJECT_TYPE_NAME (widget), "AdwToastWidget");
  if (in_toast && GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "window-close-symbolic") == 0)
    {
      /* Translators: the accessible name of the close button of a message at the window's foot */
      quorum_ui_set_accessible_label (widget, _("Dismiss the message"));
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    name_toast_close_buttons (child, in_toast);
}

static void
set_toast_words (GtkLabel   *label,
                 const char *message)
{
  gtk_label_set_text (label, message);
  /* Not so wide that it cannot fit a window 360 px wide with its close button. */
  gtk_label_set_width_chars (label, MIN ((int) g_utf8_strlen (message, -1), 20));
}

static GtkWidget *
toast_widget_of (QuorumWindow *self)
{
  GtkWidget *found = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->toast_overlay)); child;
       child = gtk_widget_get_next_sibling (child))
    if (g_str_equal (G_OBJECT_TYPE_NAME (child), "AdwToastWidget"))
      found = child;
  return found;
}

/* The band at the window's foot where a toast with these words is drawn, in the overlay's
 * coordinates: its measured size (the toast's margins included), centred at the bottom. */
static graphene_rect_t
toast_band (QuorumWindow *self)
{
  GtkWidget *overlay = GTK_WIDGET (self->toast_overlay);
  GtkWidget *toast_widget = toast_widget_of (self);
  int width = gtk_widget_get_width (overlay);
  int height = gtk_widget_get_height (overlay);
  int toast_min;
  int toast_width;
  int toast_height;
  int dummy;

  if (toast_widget == NULL)
    return GRAPHENE_RECT_INIT (0, 0, 0, 0);

  gtk_widget_measure (toast_widget, GTK_ORIENTATION_HORIZONTAL, -1, &toast_min, &toast_width, NULL, NULL);
  toast_width = MIN (MAX (toast_width, toast_min), width);
  gtk_widget_measure (toast_widget, GTK_ORIENTATION_VERTICAL, toast_width, &dummy, &toast_height, NULL, NULL);
  return GRAPHENE_RECT_INIT ((width - toast_width) / 2.f, height - toast_height, toast_width, toast_height);
}

/* What a toast is about: the widget with the focus, or the form holding it when that form
 * asks to be kept whole in sight (quorum_window_keep_clear_of_toasts). */
static GtkWidget *
toast_subject (QuorumWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
    if (g_object_get_data (G_OBJECT (w), "quorum-keep-clear-of-toasts") != NULL)
      return w;
  return focus;
}

/* Where what the toast is about lies, in the overlay's coordinates, and the widget whose
 * scrolled window moves it: the caller's first to last widget (quorum_window_toast_about),
 * else the focus (toast_subject). */
static GtkWidget *
toast_subject_bounds (QuorumWindow    *self,
                      graphene_rect_t *bounds)
{
  GtkWidget *overlay = GTK_WIDGET (self->toast_overlay);
  GtkWidget *subject;

  if (self->toast_about_first != NULL && self->toast_about_last != NULL &&
      gtk_widget_get_mapped (self->toast_about_first) && gtk_widget_get_mapped (self->toast_about_last))
    {
      graphene_rect_t first;
      graphene_rect_t last;

      if (gtk_widget_compute_bounds (self->toast_about_first, overlay, &first) &&
          gtk_widget_compute_bounds (self->toast_about_last, overlay, &last))
        {
          /* From the first's top to the last's foot, across both: not the whole of the first
           * (a card goes on below the field it asks for). */
          float left = MIN (first.origin.x, last.origin.x);
          float right = MAX (first.origin.x + first.size.width, last.origin.x + last.size.width);
          float bottom = last.origin.y + last.size.height;

          graphene_rect_init (bounds, left, first.origin.y, right - left, MAX (bottom - first.origin.y, 0));
          return self->toast_about_last;
        }
    }

  subject = toast_subject (self);
  if (subject == NULL || !gtk_widget_get_mapped (subject) ||
      !gtk_widget_compute_bounds (subject, overlay, bounds))
    return NULL;
  return subject;
}

/* The toast lies at the window's foot, over whatever is there: the control it talks about,
 * or the one the chair goes to next (the focus), is scrolled up above it when it is under it
 * (a toast "Choose the category…" lay over the very boxes it asked for). */
static gboolean
clear_toast_area_cb (gpointer user_data)
{
  QuorumWindow *self = user_data;
  GtkWidget *subject;
  GtkWidget *scroller;
  GtkAdjustment *adjustment;
  graphene_rect_t band;
  graphene_rect_t bounds;
  graphene_rect_t view;
  double overlap;
  double value;

  self->toast_clear_source = 0;
  if (self->toast == NULL)
    return G_SOURCE_REMOVE;
  subject = toast_subject_bounds (self, &bounds);
  if (subject == NULL)
    return G_SOURCE_REMOVE;

  band = toast_band (self);
  if (band.size.height <= 0 || !graphene_rect_intersection (&band, &bounds, NULL))
    return G_SOURCE_REMOVE;
  /* Up by what lies under the toast, and a little, when that does not take its top out of view. */
  scroller = gtk_widget_get_ancestor (subject, GTK_TYPE_SCROLLED_WINDOW);
  overlap = bounds.origin.y + bounds.size.height - band.origin.y + 6;
  if (scroller != NULL && gtk_widget_compute_bounds (scroller, GTK_WIDGET (self->toast_overlay), &view) &&
      overlap <= bounds.origin.y - view.origin.y)
    {
      adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
      value = gtk_adjustment_get_value (adjustment);
      if (value + overlap <= gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment))
        {
          gtk_adjustment_set_value (adjustment, value + overlap);
          return G_SOURCE_REMOVE;
        }
    }

  /* Too tall to come clear above it (a form in a short window): the toast stands beside it, on
   * the side with more room, its words wrapping to the room there. */
  {
    GtkWidget *toast_widget = toast_widget_of (self);
    int width = gtk_widget_get_width (GTK_WIDGET (self->toast_overlay));
    int before = (int) bounds.origin.x;
    int after = width - (int) (bounds.origin.x + bounds.size.width);

    if (toast_widget == NULL || MAX (before, after) < 200)
      return G_SOURCE_REMOVE;
    if (after >= before)
      gtk_widget_set_margin_start (toast_widget, width - after + 12);
    else
      gtk_widget_set_margin_end (toast_widget, width - before + 12);
  }
  return G_SOURCE_REMOVE;
}

void
quorum_window_keep_clear_of_toasts (GtkWidget *widget)
{
  g_object_set_data (G_OBJECT (widget), "quorum-keep-clear-of-toasts", GINT_TO_POINTER (TRUE));
}

static void clear_toast_area_soon (QuorumWindow *self);

void
quorum_window_toast_about (QuorumWindow *self,
                           GtkWidget    *first,
                           GtkWidget    *last)
{
  g_return_if_fail (QUORUM_IS_WINDOW (self));
  g_return_if_fail (GTK_IS_WIDGET (first) && GTK_IS_WIDGET (last));

  if (self->toast == NULL)
    return;
  g_set_weak_pointer (&self->toast_about_first, first);
  g_set_weak_pointer (&self->toast_about_last, last);
  clear_toast_area_soon (self);
}

/* Once the focus has gone where the caller sends it after the toast, and the window is laid out. */
static void
clear_toast_area_soon (QuorumWindow *self)
{
  g_clear_handle_id (&self->toast_clear_source, g_source_remove);
  self->toast_clear_source = g_timeout_add_full (G_PRIORITY_LOW, 50, clear_toast_area_cb, self, NULL);
}

void
quorum_window_add_toast (QuorumWindow *self,
                         const char   *message)
{
  g_autofree char *escaped = NULL;
  GtkWidget *title;
  AdwToast *toast;

  g_return_if_fail (QUORUM_IS_WINDOW (self));

  g_free (self->last_toast);
  self->last_toast = g_strdup (message);
  /* A new message is about what its caller says next, if anything. */
  g_clear_weak_pointer (&self->toast_about_first);
  g_clear_weak_pointer (&self->toast_about_last);

  /* The newest message is the one that matters: no backlog of stale toasts. It takes the
   * place of the words on screen, for the toast's whole time again (adding a toast already
   * shown restarts its timeout). */
  if (self->toast != NULL && self->toast_label != NULL)
    {
      g_clear_handle_id (&self->toast_dismiss_source, g_source_remove);
      set_toast_words (self->toast_label, message);
      adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (self->toast));
      clear_toast_area_soon (self);
      return;
    }

  /* A toast's title is markup; the store's messages are plain text. */
  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);

  /* Said in full: a toast's own title is one line, and cut a long message short. */
  title = gtk_label_new (NULL);
  gtk_widget_set_name (title, "toast-message");
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 60);
  set_toast_words (GTK_LABEL (title), message);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  adw_toast_set_custom_title (toast, title);
  adw_toast_set_timeout (toast, 6);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), self, G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->toast, toast);
  g_set_weak_pointer (&self->toast_label, GTK_LABEL (title));
  self->toast_shown_at = g_get_monotonic_time ();
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  name_toast_close_buttons (GTK_WIDGET (self->toast_overlay), FALSE);
  clear_toast_area_soon (self);
}

static gboolean
dismiss_toast_cb (gpointer user_data)
{
  QuorumWindow *self = user_data;

  self->toast_dismiss_source = 0;
  if (self->toast != NULL)
    adw_toast_dismiss (self->toast);

  return G_SOURCE_REMOVE;
}

const char *
quorum_window_get_last_toast (QuorumWindow *self)
{
  g_return_val_if_fail (QUORUM_IS_WINDOW (self), NULL);

  return self->last_toast;
}

void
quorum_window_dismiss_toast (QuorumWindow *self)
{
  g_return_if_fail (QUORUM_IS_WINDOW (self));

  if (self->toast == NULL || self->toast_dismiss_source != 0)
    return;
  /* Not in its first moments (above): then, once it has appeared. */
  {
    gint64 shown_for = g_get_monotonic_time () - self->toast_shown_at;

    if (shown_for < TOAST_SETTLED_US)
      self->toast_dismiss_source = g_timeout_add ((TOAST_SETTLED_US - shown_for) / G_TIME_SPAN_MILLISECOND + 1,
                                                  dismiss_toast_cb, self);
    else
      adw_toast_dismiss (self->toast);
  }
}
