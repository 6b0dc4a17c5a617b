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
/* SQLite's LIKE ignores the case of ASCII letters; PostgreSQL's ILIKE does that. */
#define LIST_SEARCH(LIKE, T, P) \
  "(" P " IS NULL OR " T ".chair " LIKE " " P " ESCAPE '\\' OR " T ".case_ref " LIKE " " P " ESCAPE '\\' " \
  "  OR " T ".date " LIKE " " P " ESCAPE '\\' OR EXISTS (SELECT 1 FROM child " \
  "  WHERE conference_id = " T ".id AND name " LIKE " " P " ESCAPE '\\')) "
#define SQLITE_SEARCH(T, P)   LIST_SEARCH ("LIKE", T, P)
#define POSTGRES_SEARCH(T, P) LIST_SEARCH ("ILIKE", T, P)
/* SQLite sorts NULL first, so last when descending; PostgreSQL the other way round. */
#define SQLITE_ORDER   "ORDER BY c.date DESC, c.time DESC, c.id DESC "
#define POSTGRES_ORDER "ORDER BY c.date DESC, c.time DESC NULLS LAST, c.id DESC "

static void
bind_search (QuorumDbStmt *stmt,
             const char   *search)
{
  g_autoptr(GString) pattern = NULL;

  if (search == NULL || *search == '\0')
    {
      quorum_db_bind_null (stmt, 1);
      return;
    }

  pattern = g_string_new ("%");
  for (const char *c = search; *c; c++)
    {
      if (*c == '%' || *c == '_' || *c == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *c);
    }
  g_string_append_c (pattern, '%');
  quorum_db_bind_text (stmt, 1, pattern->str);
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
  if (!read_done (self, stmt, rc, error))
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
