/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-conference-list.c: the list of conferences, read a window at a time. A view asks
 * for the rows it shows; each window of rows is read once and kept among the few most
 * recently used, so an authority's 100,000 conferences cost a screenful at start-up and in
 * memory. The next window is read right after the last row of the one before it, which
 * stays fast however far the list is scrolled. */

#define G_LOG_DOMAIN "quorum-conference-list"

#include <gtk/gtk.h>

#include "quorum-conference-item.h"
#include "quorum-conference-list.h"

#define WINDOW_ROWS 64
#define MAX_WINDOWS 6

typedef struct
{
  guint                    index;
  GPtrArray               *items;   /* QuorumConferenceItem */
  QuorumConferenceSummary *last;    /* where the next window starts */
} Window;

struct _QuorumConferenceList
{
  GObject      parent_instance;

  QuorumStore *store;
  char        *search;
  guint        n_items;
  GQueue       windows;             /* Window*, most recently used first */
  guint        refresh_source;
};

static void quorum_conference_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (QuorumConferenceList, quorum_conference_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, quorum_conference_list_model_init))

static void
window_free (gpointer data)
{
  Window *window = data;

  g_clear_pointer (&window->items, g_ptr_array_unref);
  g_clear_pointer (&window->last, quorum_conference_summary_free);
  g_free (window);
}

static void
forget_windows (QuorumConferenceList *self)
{
  g_queue_clear_full (&self->windows, window_free);
}

static Window *
find_window (QuorumConferenceList *self,
             guint                 index)
{
  for (GList *l = self->windows.head; l != NULL; l = l->next)
    {
      Window *window = l->data;

      if (window->index == index)
        return window;
    }
  return NULL;
}

/* The rows changed under the list (another process wrote, or the store made or signed off a
 * conference): read the length again. */
static gboolean
refresh_cb (gpointer user_data)
{
  QuorumConferenceList *self = user_data;
  g_autofree char *search = g_strdup (self->search);
  g_autoptr(GError) error = NULL;

  self->refresh_source = 0;
  if (!quorum_conference_list_reload (self, search, &error))
    g_warning ("The list of conferences: %s", error->message);
  return G_SOURCE_REMOVE;
}

/* The store made a conference, or changed what the list shows of one, and committed it:
 * whichever window or page wrote it. Read again once the writer's call has returned, one
 * reload for every conference of the transaction. */
static void
store_conference_cb (QuorumConferenceList *self,
                     gint64                conference_id,
                     QuorumStore          *store)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh_cb, self);
}

static Window *
read_window (QuorumConferenceList *self,
             guint                 index)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  Window *before = index > 0 ? find_window (self, index - 1) : NULL;
  Window *window;

  rows = quorum_store_list_conferences_window (self->store, self->search,
                                               before != NULL ? before->last : NULL,
                                               index * WINDOW_ROWS, WINDOW_ROWS, &error);
  if (rows == NULL)
    {
      g_warning ("The list of conferences: %s", error->message);
      return NULL;
    }

  window = g_new0 (Window, 1);
  window->index = index;
  window->items = g_ptr_array_new_full (rows->len, g_object_unref);
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (window->items, quorum_conference_item_new (g_ptr_array_index (rows, i)));
  if (rows->len > 0)
    window->last = g_ptr_array_steal_index (rows, rows->len - 1);

  /* Fewer rows than the length promised: the list changed since it was counted. */
  if (window->items->len < MIN (WINDOW_ROWS, self->n_items - index * WINDOW_ROWS) &&
      self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh_cb, self);

  g_queue_push_head (&self->windows, window);
  while (self->windows.length > MAX_WINDOWS)
    window_free (g_queue_pop_tail (&self->windows));

  return window;
}

/* ---- GListModel ---- */

static GType
quorum_conference_list_get_item_type (GListModel *model)
{
  return QUORUM_TYPE_CONFERENCE_ITEM;
}

static guint
quorum_conference_list_get_n_items (GListModel *model)
{
  return QUORUM_CONFERENCE_LIST (model)->n_items;
}

static gpointer
quorum_conference_list_get_item (GListModel *model,
                                 guint       position)
{
  QuorumConferenceList *self = QUORUM_CONFERENCE_LIST (model);
  guint index = position / WINDOW_ROWS;
  Window *window;
  GList *link;

  if (position >= self->n_items)
    return NULL;

  window = find_window (self, index);
  if (window == NULL)
    window = read_window (self, index);
  else if ((link = g_queue_find (&self->windows, window)) != self->windows.head)
    {
      g_queue_unlink (&self->windows, link);
      g_queue_push_head_link (&self->windows, link);
    }

  if (window == NULL || position % WINDOW_ROWS >= window->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (window->items, position % WINDOW_ROWS));
}

static void
quorum_conference_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = quorum_conference_list_get_item_type;
  iface->get_n_items = quorum_conference_list_get_n_items;
  iface->get_item = quorum_conference_list_get_item;
}

/* ---- GObject ---- */

static void
quorum_conference_list_finalize (GObject *object)
{
  QuorumConferenceList *self = (QuorumConferenceList *)object;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  forget_windows (self);
  g_clear_pointer (&self->search, g_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (quorum_conference_list_parent_class)->finalize (object);
}

static void
quorum_conference_list_class_init (QuorumConferenceListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = quorum_conference_list_finalize;
}

static void
quorum_conference_list_init (QuorumConferenceList *self)
{
  g_queue_init (&self->windows);
}

QuorumConferenceList *
quorum_conference_list_new (QuorumStore *store)
{
  QuorumConferenceList *self;

  g_return_val_if_fail (QUORUM_IS_STORE (store), NULL);

  self = g_object_new (QUORUM_TYPE_CONFERENCE_LIST, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "conference-added", G_CALLBACK (store_conference_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "conference-changed", G_CALLBACK (store_conference_cb), self, G_CONNECT_SWAPPED);
  return self;
}

gboolean
quorum_conference_list_reload (QuorumConferenceList  *self,
                               const char            *search,
                               GError               **error)
{
  guint before;
  guint n = 0;

  g_return_val_if_fail (QUORUM_IS_CONFERENCE_LIST (self), FALSE);

  if (!quorum_store_count_conferences (self->store, search, &n, error))
    return FALSE;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  forget_windows (self);
  g_free (self->search);
  self->search = search != NULL && *search != '\0' ? g_strdup (search) : NULL;
  before = self->n_items;
  self->n_items = n;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, before, n);
  return TRUE;
}

guint
quorum_conference_list_find (QuorumConferenceList *self,
                             gint64                conference_id)
{
  g_autoptr(GError) error = NULL;
  guint position;

  g_return_val_if_fail (QUORUM_IS_CONFERENCE_LIST (self), GTK_INVALID_LIST_POSITION);

  if (conference_id <= 0 ||
      !quorum_store_find_conference_position (self->store, self->search, conference_id, &position, &error))
    {
      if (error != NULL)
        g_warning ("The list of conferences: %s", error->message);
      return GTK_INVALID_LIST_POSITION;
    }
  return position < self->n_items ? position : GTK_INVALID_LIST_POSITION;
}

guint
quorum_conference_list_get_n_cached (QuorumConferenceList *self)
{
  guint n = 0;

  g_return_val_if_fail (QUORUM_IS_CONFERENCE_LIST (self), 0);

  for (GList *l = self->windows.head; l != NULL; l = l->next)
    n += ((Window *)l->data)->items->len;
  return n;
}
