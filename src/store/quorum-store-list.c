/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-store-list.c: the conference list read a window at a time, for a list that shows a
 * screenful of an authority's 100,000 conferences without reading the rest: its length, a
 * window of rows from a position or right after a known row, and a conference's position. The
 * order and the search are quorum_store_list_conferences ()'s. */

#include "quorum-store-private.h"

/* The order is date DESC, time DESC (no time last), id DESC. Where SQLite and PostgreSQL
 * differ (the children's names joined, a search that ignores case, where a missing time
 * sorts) each statement is written twice, through _quorum_store_dialect. */
#define LIST_COLUMNS(CHILDREN) \
  "c.id, c.kind, c.date, c.time, c.chair, c.case_ref, c.profile, " CHILDREN ", " \
  "c.finalised_at IS NOT NULL "
#define SQLITE_CHILDREN(T) \
  "(SELECT group_concat (name, ', ') FROM " \
  "  (SELECT name FROM child WHERE conference_id = " T ".id ORDER BY position))"
#define POSTGRES_CHILDREN(T) \
  "(SELECT string_agg (name, ', ' ORDER BY position) FROM child WHERE conference_id = " T ".id)"
/* The search as quorum_store_list_conferences ()'s: the names as they stand
 * (QUORUM_STORE_NAME_NOW), as the list shows them, folded by core's rule. */
#define SQLITE_SEARCH(T, P)   QUORUM_STORE_SEARCH (QUORUM_STORE_SQLITE_FOLD, T, P)
#define POSTGRES_SEARCH(T, P) QUORUM_STORE_SEARCH (QUORUM_STORE_POSTGRES_FOLD, T, P)
/* SQLite sorts NULL first, so last when descending; PostgreSQL the other way round. */
#define SQLITE_ORDER   "ORDER BY c.date DESC, c.time DESC, c.id DESC "
#define POSTGRES_ORDER "ORDER BY c.date DESC, c.time DESC NULLS LAST, c.id DESC "

char *
_quorum_store_search_pattern (const char *search)
{
  g_autofree char *folded = NULL;
  GString *pattern;

  if (search == NULL || *search == '\0')
    return NULL;

  folded = quorum_search_fold (search);
  pattern = g_string_new ("%");
  for (const char *c = folded; *c; c++)
    {
      if (*c == '%' || *c == '_' || *c == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *c);
    }
  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}

static void
bind_search (QuorumDbStmt *stmt,
             const char   *search)
{
  g_autofree char *pattern = _quorum_store_search_pattern (search);

  if (pattern == NULL)
    quorum_db_bind_null (stmt, 1);
  else
    quorum_db_bind_text (stmt, 1, pattern);
}

static gboolean
read_done (QuorumStore   *self,
           QuorumDbStmt  *stmt,
           int            rc,
           GError       **error)
{
  quorum_db_reset (stmt);
  if (rc != QUORUM_DB_DONE && rc != QUORUM_DB_ROW)
    return _quorum_store_fail (self, error);
  return TRUE;
}

gboolean
quorum_store_count_conferences (QuorumStore  *self,
                                const char   *search,
                                guint        *n,
                                GError      **error)
{
  QuorumDbStmt *stmt;
  int rc;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);
  g_return_val_if_fail (n != NULL, FALSE);

  /* No search: counted along the index on date (1 ms for 100,000 conferences, not the 40 ms
   * of the search's clause tried on every row), as the list is counted at every start. */
  if (search == NULL || *search == '\0')
    stmt = _quorum_store_prepare (self, "SELECT count (*) FROM conference", error);
  else
    stmt = _quorum_store_prepare (self, _quorum_store_dialect (self,
                                  "SELECT count (*) FROM conference c WHERE " SQLITE_SEARCH ("c", "?1"),
                                  "SELECT count (*) FROM conference c WHERE " POSTGRES_SEARCH ("c", "?1")), error);
  if (stmt == NULL)
    return FALSE;
  if (search != NULL && *search != '\0')
    bind_search (stmt, search);
  rc = quorum_db_step (stmt, NULL);
  *n = rc == QUORUM_DB_ROW ? (guint) quorum_db_column_int64 (stmt, 0) : 0;
  return read_done (self, stmt, rc, error);
}

GPtrArray *
quorum_store_list_conferences_window (QuorumStore                   *self,
                                      const char                    *search,
                                      const QuorumConferenceSummary *after,
                                      guint                          offset,
                                      guint                          limit,
                                      GError                       **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)quorum_conference_summary_free);
  QuorumDbStmt *stmt;
  int rc;

  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);

  /* Right after a known row the index on date finds the place at once; from a bare position
   * SQLite has to walk every row before it. */
  if (after != NULL)
#define AFTER \
  "AND c.date <= ?2 AND (c.date < ?2 " \
  "  OR (c.time IS NOT NULL AND ?3 IS NOT NULL AND c.time < ?3) " \
  "  OR (c.time IS NULL AND ?3 IS NOT NULL) " \
  "  OR (c.time IS NOT DISTINCT FROM ?3 AND c.id < ?4)) "
    stmt = _quorum_store_prepare (self, _quorum_store_dialect (self,
                                  "SELECT " LIST_COLUMNS (SQLITE_CHILDREN ("c")) "FROM conference c WHERE "
                                  SQLITE_SEARCH ("c", "?1") AFTER SQLITE_ORDER "LIMIT ?5",
                                  "SELECT " LIST_COLUMNS (POSTGRES_CHILDREN ("c")) "FROM conference c WHERE "
                                  POSTGRES_SEARCH ("c", "?1") AFTER POSTGRES_ORDER "LIMIT ?5"), error);
#undef AFTER
  else
    stmt = _quorum_store_prepare (self, _quorum_store_dialect (self,
                                  "SELECT " LIST_COLUMNS (SQLITE_CHILDREN ("c")) "FROM conference c WHERE "
                                  SQLITE_SEARCH ("c", "?1") SQLITE_ORDER "LIMIT ?5 OFFSET ?6",
                                  "SELECT " LIST_COLUMNS (POSTGRES_CHILDREN ("c")) "FROM conference c WHERE "
                                  POSTGRES_SEARCH ("c", "?1") POSTGRES_ORDER "LIMIT ?5 OFFSET ?6"), error);
  if (stmt == NULL)
    return NULL;

  bind_search (stmt, search);
  if (after != NULL)
    {
      _quorum_bind_date (stmt, 2, &after->date);
      _quorum_bind_text (stmt, 3, after->time);
      quorum_db_bind_int64 (stmt, 4, after->id);
    }
  else
    quorum_db_bind_int64 (stmt, 6, offset);
  quorum_db_bind_int64 (stmt, 5, limit);

  while ((rc = quorum_db_step (stmt, NULL)) == QUORUM_DB_ROW)
    {
      QuorumConferenceSummary *s = g_new0 (QuorumConferenceSummary, 1);

      s->id = quorum_db_column_int64 (stmt, 0);
      quorum_kind_from_string ((const char *)quorum_db_column_text (stmt, 1), &s->kind);
      _quorum_column_date (stmt, 2, &s->date);
      s->time = _quorum_column_dup (stmt, 3);
      s->chair = _quorum_column_dup (stmt, 4);
      s->case_ref = _quorum_column_dup (stmt, 5);
      s->profile_id = _quorum_column_dup (stmt, 6);
      s->children = _quorum_column_dup (stmt, 7);
      s->finalised = quorum_db_column_int64 (stmt, 8) != 0;
      g_ptr_array_add (rows, s);
    }
  if (!read_done (self, stmt, rc, error) ||
      !_quorum_store_summaries_now (self, rows, error))
    return NULL;
  return g_steal_pointer (&rows);
}

gboolean
quorum_store_find_conference_position (QuorumStore  *self,
                                       const char   *search,
                                       gint64        conference_id,
                                       guint        *position,
                                       GError      **error)
{
  QuorumDbStmt *stmt;
  gboolean found;
  int rc;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);
  g_return_val_if_fail (position != NULL, FALSE);

  /* The rows before it in the list's order, counted along the index on date. */
#define BEFORE \
  "  AND c.date >= t.date AND (c.date > t.date " \
  "    OR (c.time IS NOT NULL AND (t.time IS NULL OR c.time > t.time)) " \
  "    OR (c.time IS NOT DISTINCT FROM t.time AND c.id > t.id))) " \
  "FROM conference t WHERE t.id = ?2 AND "
  stmt = _quorum_store_prepare (self, _quorum_store_dialect (self,
                                "SELECT (SELECT count (*) FROM conference c WHERE " SQLITE_SEARCH ("c", "?1")
                                BEFORE SQLITE_SEARCH ("t", "?1"),
                                "SELECT (SELECT count (*) FROM conference c WHERE " POSTGRES_SEARCH ("c", "?1")
                                BEFORE POSTGRES_SEARCH ("t", "?1")), error);
#undef BEFORE
  if (stmt == NULL)
    return FALSE;
  bind_search (stmt, search);
  quorum_db_bind_int64 (stmt, 2, conference_id);
  rc = quorum_db_step (stmt, NULL);
  found = rc == QUORUM_DB_ROW;
  *position = found ? (guint) quorum_db_column_int64 (stmt, 0) : G_MAXUINT;
  if (!read_done (self, stmt, rc, error))
    return FALSE;
  return found;
}

/* *@field set to @value, which may be *@field itself. */
static void
replace_str (char       **field,
             const char  *value)
{
  char *copy;

  if (*field == value)
    return;
  copy = g_strdup (value);
  g_free (*field);
  *field = copy;
}

/* One summary's names as they stand, from @conference (its amendments read): its children's,
 * its chair and case reference, each as core gives them for the record
 * (quorum_conference_child_name_now (), quorum_conference_current_value ()). */
static gboolean
summary_now (QuorumStore             *self,
             QuorumConferenceSummary *summary,
             QuorumConference        *conference,
             GError                 **error)
{
  g_autofree char *record = g_strdup_printf ("conference:%" G_GINT64_FORMAT, summary->id);
  g_autoptr(GString) children = NULL;
  gboolean child_amended = FALSE;
  QuorumDbStmt *stmt;
  int rc;

  replace_str (&summary->chair, quorum_conference_current_value (conference, record, "chair", summary->chair));
  replace_str (&summary->case_ref, quorum_conference_current_value (conference, record, "case_ref", summary->case_ref));

  for (guint i = 0; i < conference->amendments->len && !child_amended; i++)
    child_amended = g_str_has_prefix (((QuorumAmendment *) g_ptr_array_index (conference->amendments, i))->record, "child:");
  if (!child_amended)
    return TRUE;

  stmt = _quorum_store_prepare (self, "SELECT id, name FROM child WHERE conference_id = ? ORDER BY position", error);
  if (stmt == NULL)
    return FALSE;
  quorum_db_bind_int64 (stmt, 1, summary->id);
  while ((rc = quorum_db_step (stmt, NULL)) == QUORUM_DB_ROW)
    {
      QuorumChild *child = g_new0 (QuorumChild, 1);

      child->id = quorum_db_column_int64 (stmt, 0);
      child->name = _quorum_column_dup (stmt, 1);
      g_ptr_array_add (conference->children, child);
    }
  if (!read_done (self, stmt, rc, error))
    return FALSE;
  /* Joined as the list's statement joins them. */
  children = g_string_new (NULL);
  for (guint i = 0; i < conference->children->len; i++)
    {
      if (i > 0)
        g_string_append (children, ", ");
      g_string_append (children, quorum_conference_child_name_now (conference, g_ptr_array_index (conference->children, i), NULL));
    }
  replace_str (&summary->children, children->str);
  return TRUE;
}

gboolean
_quorum_store_summaries_now (QuorumStore  *self,
                             GPtrArray    *rows,
                             GError      **error)
{
  g_autoptr(GHashTable) amended = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                         (GDestroyNotify) quorum_conference_free);
  gint64 first = G_MAXINT64;
  gint64 last = 0;
  QuorumDbStmt *stmt;
  int rc;

  /* Only a signed-off conference has amendments (the schema's trigger refuses the rest). */
  for (guint i = 0; i < rows->len; i++)
    {
      QuorumConferenceSummary *summary = g_ptr_array_index (rows, i);

      if (summary->finalised)
        {
          first = MIN (first, summary->id);
          last = MAX (last, summary->id);
        }
    }
  if (last == 0)
    return TRUE;

  /* The amendments of the rows' names, in one statement along the index on the conference
   * (a window's rows lie close together; corrections are few). */
  stmt = _quorum_store_prepare (self, "SELECT conference_id, id, record, field, new_value FROM amendment "
                                "WHERE conference_id BETWEEN ? AND ? AND field IN ('name', 'chair', 'case_ref') "
                                "AND (record LIKE 'child:%' OR record LIKE 'conference:%') ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  quorum_db_bind_int64 (stmt, 1, first);
  quorum_db_bind_int64 (stmt, 2, last);
  while ((rc = quorum_db_step (stmt, NULL)) == QUORUM_DB_ROW)
    {
      gint64 conference_id = quorum_db_column_int64 (stmt, 0);
      QuorumConference *conference = g_hash_table_lookup (amended, &conference_id);
      QuorumAmendment *a = g_new0 (QuorumAmendment, 1);

      if (conference == NULL)
        {
          conference = quorum_conference_new ();
          conference->id = conference_id;
          g_hash_table_insert (amended, &conference->id, conference);
        }
      a->id = quorum_db_column_int64 (stmt, 1);
      a->record = _quorum_column_dup (stmt, 2);
      a->field = _quorum_column_dup (stmt, 3);
      a->new_value = _quorum_column_dup (stmt, 4);
      g_ptr_array_add (conference->amendments, a);
    }
  if (!read_done (self, stmt, rc, error))
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      QuorumConferenceSummary *summary = g_ptr_array_index (rows, i);
      QuorumConference *conference = g_hash_table_lookup (amended, &summary->id);

      if (conference != NULL && !summary_now (self, summary, conference, error))
        return FALSE;
    }
  return TRUE;
}
