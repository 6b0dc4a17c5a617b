/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-store-audit.c: the append-only audit log, chained by SHA-256, and verify, which
 * recomputes the chain and every record it covers. */

#include <string.h>
#include <glib/gi18n-lib.h>

#include "quorum-store-private.h"

#define GENESIS_HASH "0000000000000000000000000000000000000000000000000000000000000000"

static gboolean
is_audited_table (const char *entity)
{
  for (guint i = 0; _quorum_store_audited_tables[i] != NULL; i++)
    if (g_strcmp0 (_quorum_store_audited_tables[i], entity) == 0)
      return TRUE;
  return FALSE;
}

/* A row's canonical form: every column, named, typed and length-prefixed, so that no two
 * different rows serialise alike. */
static void
append_row (GString      *out,
            sqlite3_stmt *stmt)
{
  int n = sqlite3_column_count (stmt);

  for (int i = 0; i < n; i++)
    {
      const char *name = sqlite3_column_name (stmt, i);

      g_string_append_printf (out, "%s=", name);
      switch (sqlite3_column_type (stmt, i))
        {
        case SQLITE_NULL:
          g_string_append (out, "N");
          break;
        case SQLITE_INTEGER:
          g_string_append_printf (out, "i%" G_GINT64_FORMAT, (gint64)sqlite3_column_int64 (stmt, i));
          break;
        case SQLITE_FLOAT:
          g_string_append_printf (out, "f%.17g", sqlite3_column_double (stmt, i));
          break;
        case SQLITE_BLOB:
          {
            const guchar *blob = sqlite3_column_blob (stmt, i);
            int len = sqlite3_column_bytes (stmt, i);
            g_string_append_printf (out, "b%d:", len);
            for (int j = 0; j < len; j++)
              g_string_append_printf (out, "%02x", blob[j]);
          }
          break;
        case SQLITE_TEXT:
        default:
          {
            const char *text = (const char *)sqlite3_column_text (stmt, i);
            int len = sqlite3_column_bytes (stmt, i);
            g_string_append_printf (out, "t%d:", len);
            g_string_append_len (out, text, len);
          }
          break;
        }
      g_string_append_c (out, '\n');
    }
}

static char *
sha256_hex (const char *data,
            gssize      len)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)data,
                                      len < 0 ? strlen (data) : (gsize)len);
}

static char *
row_canonical (QuorumStore  *self,
               const char   *entity,
               gint64        entity_id,
               gboolean     *found,
               GError      **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  GString *out;
  int rc;

  *found = FALSE;
  if (!is_audited_table (entity))
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                   "“%s” is not a table of records", entity);
      return NULL;
    }

  /* The table name is one of ours (checked above), never input. Interned, the SQL lives as
   * long as the store's statement cache that keys on it. */
  sql = g_strdup_printf ("SELECT * FROM \"%s\" WHERE id = ?", entity);
  stmt = _quorum_store_prepare (self, g_intern_string (sql), error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, entity_id);

  out = g_string_new (NULL);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      append_row (out, stmt);
      *found = TRUE;
    }
  else if (rc != SQLITE_DONE)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                   _("The database could not be read: %s"),
                   sqlite3_errmsg (_quorum_store_get_db (self)));
      sqlite3_reset (stmt);
      g_string_free (out, TRUE);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_string_free (out, FALSE);
}

/* The hash of one entry: every field length-prefixed, then the previous entry's hash. */
static char *
entry_hash (gint64      id,
            const char *at,
            const char *user,
            const char *action,
            const char *entity,
            gint64      entity_id,
            gint64      conference_id,
            const char *summary,
            const char *data,
            const char *row_hash,
            const char *prev_hash)
{
  g_autoptr(GString) s = g_string_new (NULL);
  const char *fields[] = { at, user, action, entity, summary, data, row_hash, prev_hash };

  g_string_append_printf (s, "%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|",
                          id, entity_id, conference_id);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (fields[i] == NULL)
        g_string_append (s, "-|");
      else
        g_string_append_printf (s, "%zu:%s|", strlen (fields[i]), fields[i]);
    }
  return sha256_hex (s->str, s->len);
}

gboolean
_quorum_store_audit (QuorumStore  *self,
                     const char   *action,
                     const char   *entity,
                     gint64        entity_id,
                     gint64        conference_id,
                     const char   *summary,
                     GError      **error)
{
  g_autofree char *data = NULL;
  g_autofree char *row_hash = NULL;
  g_autofree char *prev_hash = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *at = quorum_timestamp_now ();
  g_autofree char *head = NULL;
  const char *user = quorum_store_get_user (self);
  sqlite3_stmt *stmt;
  gint64 id = 1;
  gboolean found = FALSE;

  if (g_strcmp0 (action, "delete") != 0)
    {
      data = row_canonical (self, entity, entity_id, &found, error);
      if (data == NULL)
        return FALSE;
      if (!found)
        {
          g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                       "%s %" G_GINT64_FORMAT " was not written", entity, entity_id);
          return FALSE;
        }
      row_hash = sha256_hex (data, -1);
    }

  stmt = _quorum_store_prepare (self, "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0) + 1;
      prev_hash = _quorum_column_dup (stmt, 1);
    }
  else
    prev_hash = g_strdup (GENESIS_HASH);
  sqlite3_reset (stmt);

  hash = entry_hash (id, at, user, action, entity, entity_id, conference_id,
                     summary, data, row_hash, prev_hash);

  stmt = _quorum_store_prepare (self,
                                "INSERT INTO audit (id, at, user, action, entity, entity_id, "
                                "conference_id, summary, data, row_hash, prev_hash, hash) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  _quorum_bind_text (stmt, 2, at);
  _quorum_bind_text (stmt, 3, user);
  _quorum_bind_text (stmt, 4, action);
  _quorum_bind_text (stmt, 5, entity);
  sqlite3_bind_int64 (stmt, 6, entity_id);
  if (conference_id > 0)
    sqlite3_bind_int64 (stmt, 7, conference_id);
  else
    sqlite3_bind_null (stmt, 7);
  _quorum_bind_text (stmt, 8, summary ? summary : "");
  _quorum_bind_text (stmt, 9, data);
  _quorum_bind_text (stmt, 10, row_hash);
  _quorum_bind_text (stmt, 11, prev_hash);
  _quorum_bind_text (stmt, 12, hash);
  if (!_quorum_store_exec_stmt (self, stmt, error))
    return FALSE;

  /* The head guards the tail: removing the newest entries leaves the head pointing past them. */
  head = g_strdup_printf ("%" G_GINT64_FORMAT ":%s", id, hash);
  stmt = _quorum_store_prepare (self,
                                "INSERT INTO meta (key, value) VALUES ('audit_head', ?) "
                                "ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);
  if (stmt == NULL)
    return FALSE;
  _quorum_bind_text (stmt, 1, head);
  return _quorum_store_exec_stmt (self, stmt, error);
}

static gboolean
tampered (GError    **error,
          const char *format,
          ...) G_GNUC_PRINTF (2, 3);

static gboolean
tampered (GError    **error,
          const char *format,
          ...)
{
  va_list args;
  g_autofree char *msg = NULL;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_TAMPERED, msg);
  return FALSE;
}

typedef struct
{
  char     *row_hash;   /* NULL after a delete */
  gboolean  seen;       /* the row exists */
} Latest;

static void
latest_free (gpointer data)
{
  Latest *l = data;

  g_free (l->row_hash);
  g_free (l);
}

gboolean
quorum_store_verify (QuorumStore  *self,
                     guint        *n_checked,
                     GError      **error)
{
  g_autoptr(GHashTable) latest = NULL;
  g_autofree char *prev = g_strdup (GENESIS_HASH);
  g_autofree char *head = NULL;
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  gint64 last_id = 0;
  guint checked = 0;
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);

  db = _quorum_store_get_db (self);
  latest = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, latest_free);

  /* A read transaction: one consistent snapshot. */
  if (!_quorum_store_exec (self, "BEGIN", error))
    return FALSE;

  {
    GError *local = NULL;
    stmt = NULL;
    if (sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL) == SQLITE_OK &&
        sqlite3_step (stmt) == SQLITE_ROW &&
        g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "ok") != 0)
      {
        tampered (&local, _("The database file is damaged: %s"), sqlite3_column_text (stmt, 0));
      }
    sqlite3_finalize (stmt);
    stmt = NULL;
    if (local != NULL)
      {
        g_propagate_error (error, local);
        goto out;
      }
  }

  if (sqlite3_prepare_v2 (db,
                          "SELECT id, at, user, action, entity, entity_id, conference_id, summary, "
                          "data, row_hash, prev_hash, hash FROM audit ORDER BY rowid",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                   _("The audit log could not be read: %s"), sqlite3_errmsg (db));
      goto out;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *at = (const char *)sqlite3_column_text (stmt, 1);
      const char *user = (const char *)sqlite3_column_text (stmt, 2);
      const char *action = (const char *)sqlite3_column_text (stmt, 3);
      const char *entity = (const char *)sqlite3_column_text (stmt, 4);
      gint64 entity_id = sqlite3_column_int64 (stmt, 5);
      gint64 conference_id = sqlite3_column_int64 (stmt, 6);
      const char *summary = (const char *)sqlite3_column_text (stmt, 7);
      const char *data = (const char *)sqlite3_column_text (stmt, 8);
      const char *row_hash = (const char *)sqlite3_column_text (stmt, 9);
      const char *prev_hash = (const char *)sqlite3_column_text (stmt, 10);
      const char *hash = (const char *)sqlite3_column_text (stmt, 11);
      g_autofree char *expected = NULL;
      g_autofree char *data_hash = NULL;
      g_autofree char *key = NULL;
      Latest *l;

      if (id != last_id + 1)
        {
          tampered (error, _("Audit log: entry %lld follows entry %lld: entries were removed or reordered"), (long long) id, (long long) last_id);
          goto out;
        }
      if (g_strcmp0 (prev_hash, prev) != 0)
        {
          tampered (error, _("Audit log: entry %lld does not follow from the entry "
                             "before it: entries were removed, reordered or altered"), (long long) id);
          goto out;
        }
      expected = entry_hash (id, at, user, action, entity, entity_id, conference_id,
                             summary, data, row_hash, prev_hash);
      if (data != NULL)
        data_hash = sha256_hex (data, -1);
      if (g_strcmp0 (expected, hash) != 0 || g_strcmp0 (data_hash, row_hash) != 0)
        {
          tampered (error, _("Audit log: entry %lld (%s %s %lld) was altered after it was written"),
                    (long long) id, action ? action : "?", entity ? entity : "?", (long long) entity_id);
          goto out;
        }

      key = g_strdup_printf ("%s:%" G_GINT64_FORMAT, entity, entity_id);
      l = g_new0 (Latest, 1);
      l->row_hash = g_strdup (row_hash);
      g_hash_table_replace (latest, g_steal_pointer (&key), l);

      g_free (prev);
      prev = g_strdup (hash);
      last_id = id;
      checked++;
    }
  sqlite3_finalize (stmt);
  stmt = NULL;
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                   _("The audit log could not be read: %s"), sqlite3_errmsg (db));
      goto out;
    }

  /* The newest entries must still be there. */
  if (sqlite3_prepare_v2 (db, "SELECT value FROM meta WHERE key = 'audit_head'", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    head = _quorum_column_dup (stmt, 0);
  sqlite3_finalize (stmt);
  stmt = NULL;
  {
    g_autofree char *expected_head = last_id > 0
      ? g_strdup_printf ("%" G_GINT64_FORMAT ":%s", last_id, prev) : NULL;

    if (g_strcmp0 (head, expected_head) != 0)
      {
        tampered (error, _("Audit log: it ends at entry %lld but its last entry "
                           "written was %lld: its newest entries were removed"),
                  (long long) last_id, (long long) (head ? g_ascii_strtoll (head, NULL, 10) : 0));
        goto out;
      }
  }

  /* Every record is as its newest audit entry says, and every audited record exists. */
  for (guint t = 0; _quorum_store_audited_tables[t] != NULL; t++)
    {
      const char *table = _quorum_store_audited_tables[t];
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY rowid", table);

      if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
        {
          g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                       _("The table %s could not be read: %s"), table, sqlite3_errmsg (db));
          goto out;
        }
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          g_autoptr(GString) canonical = g_string_new (NULL);
          g_autofree char *row_hash = NULL;
          g_autofree char *key = NULL;
          gint64 id = sqlite3_column_int64 (stmt, 0);
          Latest *l;

          append_row (canonical, stmt);
          row_hash = sha256_hex (canonical->str, canonical->len);
          key = g_strdup_printf ("%s:%" G_GINT64_FORMAT, table, id);
          l = g_hash_table_lookup (latest, key);
          if (l == NULL)
            {
              tampered (error, _("%s %lld: not in the audit log: it was written "
                                 "outside Quorum"), table, (long long) id);
              goto out;
            }
          if (g_strcmp0 (l->row_hash, row_hash) != 0)
            {
              tampered (error, _("%s %lld: altered after it was recorded"), table, (long long) id);
              goto out;
            }
          l->seen = TRUE;
          checked++;
        }
      sqlite3_finalize (stmt);
      stmt = NULL;
      if (rc != SQLITE_DONE)
        {
          g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                       _("The table %s could not be read: %s"), table, sqlite3_errmsg (db));
          goto out;
        }
    }

  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, latest);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        Latest *l = value;

        if (l->row_hash != NULL && !l->seen)
          {
            g_auto(GStrv) parts = g_strsplit (key, ":", 2);
            tampered (error, _("%s %s: deleted outside Quorum"), parts[0], parts[1]);
            goto out;
          }
      }
  }

  ok = TRUE;

out:
  if (stmt != NULL)
    sqlite3_finalize (stmt);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  if (n_checked != NULL)
    *n_checked = checked;
  return ok;
}

void
quorum_audit_entry_free (QuorumAuditEntry *self)
{
  if (self == NULL)
    return;
  g_free (self->at);
  g_free (self->user);
  g_free (self->action);
  g_free (self->entity);
  g_free (self->summary);
  g_free (self);
}

GPtrArray *
quorum_store_list_audit (QuorumStore  *self,
                         gint64        conference_id,
                         GError      **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify)quorum_audit_entry_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);

  stmt = _quorum_store_prepare (self,
                                "SELECT id, at, user, action, entity, entity_id, summary FROM audit "
                                "WHERE ?1 = 0 OR conference_id = ?1 ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, conference_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      QuorumAuditEntry *e = g_new0 (QuorumAuditEntry, 1);

      e->id = sqlite3_column_int64 (stmt, 0);
      e->at = _quorum_column_dup (stmt, 1);
      e->user = _quorum_column_dup (stmt, 2);
      e->action = _quorum_column_dup (stmt, 3);
      e->entity = _quorum_column_dup (stmt, 4);
      e->entity_id = sqlite3_column_int64 (stmt, 5);
      e->summary = _quorum_column_dup (stmt, 6);
      g_ptr_array_add (entries, e);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _quorum_store_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&entries);
}
