/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-referral-list.c: the referrals page's rows, paged from the store. The list holds the
 * matching referrals' ids in order (8 bytes each) and the objects of the few pages last asked
 * for; an item is read from the store, with the 49 around it, when the view first asks for
 * it. 100,000 referrals are never all objects at once (issue 14: memory that does not grow
 * with rows not on screen). */

#define G_LOG_DOMAIN "quorum-referral-list"

#include "quorum-referral-list.h"

/* Rows read at once, and pages kept: a screenful or two on any display, and what the page's
 * slice of the list reaches ahead of it. */
#define PAGE_SIZE 50
#define MAX_PAGES 8

struct _QuorumReferralList
{
  GObject      parent_instance;

  QuorumStore *store;
  GArray      *ids;        /* gint64 */
  GDate        as_of;
  GHashTable  *pages;      /* page number → GPtrArray of QuorumReferralObject (NULL where not found) */
  GQueue       recent;     /* page numbers, the last used first */
  GHashTable  *before;     /* while quorum_referral_list_set_ids () runs: id → the object read
                            * before, given again when the store's row is the same */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (QuorumReferralList, quorum_referral_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return QUORUM_TYPE_REFERRAL_OBJECT;
}

static guint
get_n_items (GListModel *model)
{
  QuorumReferralList *self = QUORUM_REFERRAL_LIST (model);

  return self->ids->len;
}

/* A row standing for a referral the store no longer gives (a database restored under the
 * page): its id, nothing else, until the next reload. */
static QuorumReferralRow *
missing_row (gint64 id)
{
  QuorumReferralRow *row = g_new0 (QuorumReferralRow, 1);

  row->id = id;
  row->child = g_strdup ("");
  row->chair = g_strdup ("");
  return row;
}

static GPtrArray *
read_page (QuorumReferralList *self,
           guint               page)
{
  guint start = page * PAGE_SIZE;
  guint n = MIN (PAGE_SIZE, self->ids->len - start);
  const gint64 *ids = &g_array_index (self->ids, gint64, start);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = quorum_store_get_referrals (self->store, ids, n, &self->as_of, &error);
  GPtrArray *items = g_ptr_array_new_full (n, g_object_unref);
  guint r = 0;

  if (rows == NULL)
    g_warning ("Could not read referrals: %s", error->message);
  else
    g_ptr_array_set_free_func (rows, NULL);

  for (guint i = 0; i < n; i++)
    {
      QuorumReferralRow *row = NULL;

      if (rows != NULL && r < rows->len && ((QuorumReferralRow *) g_ptr_array_index (rows, r))->id == ids[i])
        row = g_ptr_array_index (rows, r++);
      if (row != NULL && self->before != NULL)
        {
          QuorumReferralObject *old = g_hash_table_lookup (self->before, &ids[i]);

          /* Unchanged: the same object, so the view keeps its row as it is. */
          if (old != NULL && quorum_referral_row_equal (quorum_referral_object_get_row (old), row))
            {
              quorum_referral_row_free (row);
              g_ptr_array_add (items, g_object_ref (old));
              continue;
            }
        }
      g_ptr_array_add (items, quorum_referral_object_new (row != NULL ? row : missing_row (ids[i])));
    }
  return items;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  QuorumReferralList *self = QUORUM_REFERRAL_LIST (model);
  guint page = position / PAGE_SIZE;
  GPtrArray *items;

  if (position >= self->ids->len)
    return NULL;

  items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (items == NULL)
    {
      items = read_page (self, page);
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), items);
      g_queue_push_head (&self->recent, GUINT_TO_POINTER (page));
      /* The views keep what they show: a page let go here stays alive in its rows. */
      while (g_queue_get_length (&self->recent) > MAX_PAGES)
        g_hash_table_remove (self->pages, g_queue_pop_tail (&self->recent));
    }
  else if (g_queue_peek_head (&self->recent) != GUINT_TO_POINTER (page))
    {
      g_queue_remove (&self->recent, GUINT_TO_POINTER (page));
      g_queue_push_head (&self->recent, GUINT_TO_POINTER (page));
    }

  return g_object_ref (g_ptr_array_index (items, position - page * PAGE_SIZE));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
quorum_referral_list_finalize (GObject *object)
{
  QuorumReferralList *self = (QuorumReferralList *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_queue_clear (&self->recent);

  G_OBJECT_CLASS (quorum_referral_list_parent_class)->finalize (object);
}

static void
quorum_referral_list_class_init (QuorumReferralListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = quorum_referral_list_finalize;
}

static void
quorum_referral_list_init (QuorumReferralList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_queue_init (&self->recent);
  g_date_clear (&self->as_of, 1);
}

QuorumReferralList *
quorum_referral_list_new (QuorumStore *store)
{
  QuorumReferralList *self;

  g_return_val_if_fail (store == NULL || QUORUM_IS_STORE (store), NULL);

  self = g_object_new (QUORUM_TYPE_REFERRAL_LIST, NULL);
  if (store != NULL)
    self->store = g_object_ref (store);
  return self;
}

void
quorum_referral_list_set_store (QuorumReferralList *self,
                                QuorumStore        *store)
{
  g_return_if_fail (QUORUM_IS_REFERRAL_LIST (self));

  g_set_object (&self->store, store);
}

/* Whether a position's object is read already (its page cached). */
static QuorumReferralObject *
peek_item (QuorumReferralList *self,
           guint               position)
{
  GPtrArray *items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (position / PAGE_SIZE));

  return items != NULL ? g_ptr_array_index (items, position % PAGE_SIZE) : NULL;
}

void
quorum_referral_list_set_ids (QuorumReferralList *self,
                              GArray             *ids,
                              const GDate        *as_of)
{
  g_autoptr(GArray) old_ids = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GArray) shown = NULL;
  guint prefix = 0;
  guint suffix = 0;
  guint n_old, n_new;

  g_return_if_fail (QUORUM_IS_REFERRAL_LIST (self));
  g_return_if_fail (ids != NULL && g_array_get_element_size (ids) == sizeof (gint64));

  old_ids = g_steal_pointer (&self->ids);
  self->ids = ids;
  n_old = old_ids->len;
  n_new = ids->len;
  if (as_of != NULL && g_date_valid (as_of))
    self->as_of = *as_of;
  else
    g_date_clear (&self->as_of, 1);

  /* The same ids at the start and at the end are the same rows: only the middle, where the
   * order or the matches changed, is replaced. A write of this window's (a notification, a
   * panel, a correction) or of another's reads the list again; the rows around it stay
   * where they are, with the view's scroll and selection. */
  while (prefix < n_old && prefix < n_new &&
         g_array_index (old_ids, gint64, prefix) == g_array_index (ids, gint64, prefix))
    prefix++;
  while (suffix < n_old - prefix && suffix < n_new - prefix &&
         g_array_index (old_ids, gint64, n_old - 1 - suffix) == g_array_index (ids, gint64, n_new - 1 - suffix))
    suffix++;

  /* The objects read before, by id, and the positions kept that the view had read. */
  before = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_object_unref);
  shown = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < n_old; i++)
    {
      QuorumReferralObject *old = peek_item (self, i);

      if (old == NULL)
        continue;
      g_hash_table_insert (before, &g_array_index (old_ids, gint64, i), g_object_ref (old));
      if (i < prefix || i >= n_old - suffix)
        {
          guint position = i < prefix ? i : i - n_old + n_new;

          g_array_append_val (shown, position);
        }
    }
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->recent);

  self->before = before;
  if (n_old - prefix - suffix > 0 || n_new - prefix - suffix > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, n_old - prefix - suffix, n_new - prefix - suffix);

  /* The kept rows the view had read: read again (their pages), and changed only where the
   * store's row changed. */
  for (guint i = 0; i < shown->len; i++)
    {
      guint position = g_array_index (shown, guint, i);
      gint64 id = g_array_index (ids, gint64, position);
      g_autoptr(QuorumReferralObject) item = g_list_model_get_item (G_LIST_MODEL (self), position);

      if (item != g_hash_table_lookup (before, &id))
        g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
    }
  self->before = NULL;
}

guint
quorum_referral_list_find (QuorumReferralList *self,
                           gint64              referral_id)
{
  g_return_val_if_fail (QUORUM_IS_REFERRAL_LIST (self), GTK_INVALID_LIST_POSITION);

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == referral_id)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

guint
quorum_referral_list_get_n_cached (QuorumReferralList *self)
{
  GHashTableIter iter;
  gpointer value;
  guint n = 0;

  g_return_val_if_fail (QUORUM_IS_REFERRAL_LIST (self), 0);

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    n += ((GPtrArray *) value)->len;
  return n;
}
