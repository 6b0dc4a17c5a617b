/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-store-audit.c: the append-only audit log, chained by SHA-256 and keyed entry by entry
 * with HMAC-SHA-256 under a key kept outside the database; its seals; and verify, which checks
 * the schema, the chain, its keys and every record it covers. */

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "quorum-store-private.h"
#ifdef QUORUM_HAVE_POSTGRES
#include "postgres/quorum-pg-schema.h"
#endif
#include "sqlite/quorum-sqlite-private.h"

#define GENESIS_HASH "0000000000000000000000000000000000000000000000000000000000000000"

/* Every table whose rows the audit chain covers, in the order verify checks them. */
const char * const _quorum_store_audited_tables[] = {
  "conference",
  "child",
  "attendee",
  "attempt",
  "vote",
  "decision",
  "dissent",
  "plan",
  "referral",
  "amendment",
  "closure_day",
  "difference",
  "difference_stage",
  "difference_note",
  "difference_answer",
  "conference_profile",
  "attendance_event",
  "decision_presence",
  "member_view",
  "superseded_view",
  "challenge",
  "plan_event",
  "referral_correction",
  "notice",
  "difference_event",
  "conference_handover",
  NULL
};

static gboolean
is_audited_table (const char *entity)
{
  for (guint i = 0; _quorum_store_audited_tables[i] != NULL; i++)
    if (g_strcmp0 (_quorum_store_audited_tables[i], entity) == 0)
      return TRUE;
  return FALSE;
}

/* The connection's last failure, in the backend's words. */
static const char *
last_message (QuorumStore *self)
{
  const GError *failure = quorum_db_get_last_error (_quorum_store_get_connection (self));

  return failure != NULL ? failure->message : "unknown error";
}

/* Columns a migration added to a table that already held audited rows (schema 10:
 * attendance_event's withdrawal; 11: the chair's reasons for a decision). While NULL they are
 * left out of a row's canonical form, so a row written before them hashes as it did; once set
 * they are in it like any other column. By table: a "reason" elsewhere (a vote's) was always
 * in its rows' form, NULL or not. */
static const struct {
  const char *table;
  const char *column;
} late_columns[] = {
  { "attendance_event", "withdrawn_at" },
  { "attendance_event", "withdrawn_by" },
  { "decision", "reason" },
};

static gboolean
is_late_column (const char *table,
                const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (late_columns); i++)
    if (g_strcmp0 (late_columns[i].table, table) == 0 && g_strcmp0 (late_columns[i].column, name) == 0)
      return TRUE;
  return FALSE;
}

/* A row's canonical form: every column, named, typed and length-prefixed, so that no two
 * different rows serialise alike (a late column, above, only while it holds a value: its name
 * says whether it is there). */
static void
append_row (GString      *out,
            const char   *table,
            QuorumDbStmt *stmt)
{
  int n = quorum_db_column_count (stmt);

  for (int i = 0; i < n; i++)
    {
      const char *name = quorum_db_column_name (stmt, i);

      if (quorum_db_column_type (stmt, i) == QUORUM_DB_TYPE_NULL && is_late_column (table, name))
        continue;
      g_string_append_printf (out, "%s=", name);
      switch (quorum_db_column_type (stmt, i))
        {
        case QUORUM_DB_TYPE_NULL:
          g_string_append (out, "N");
          break;
        case QUORUM_DB_TYPE_INTEGER:
          g_string_append_printf (out, "i%" G_GINT64_FORMAT, (gint64)quorum_db_column_int64 (stmt, i));
          break;
        case QUORUM_DB_TYPE_FLOAT:
          g_string_append_printf (out, "f%.17g", quorum_db_column_double (stmt, i));
          break;
        case QUORUM_DB_TYPE_BLOB:
          {
            gsize len = 0;
            const guint8 *blob = quorum_db_column_bytes (stmt, i, &len);
            g_string_append_printf (out, "b%d:", (int) len);
            for (gsize j = 0; j < len; j++)
              g_string_append_printf (out, "%02x", blob[j]);
          }
          break;
        case QUORUM_DB_TYPE_TEXT:
        default:
          {
            gsize len = 0;
            const char *text = (const char *)quorum_db_column_bytes (stmt, i, &len);
            g_string_append_printf (out, "t%d:", (int) len);
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

QuorumDbStmt *
_quorum_store_prepare_row (QuorumStore  *self,
                           const char   *entity,
                           const char   *where,
                           GError      **error)
{
  g_autofree char *sql = NULL;

  if (!is_audited_table (entity))
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                   "“%s” is not a table of records", entity);
      return NULL;
    }
  /* The table name is one of ours (checked above), never input, and @where the store's own.
   * Interned, the SQL lives as long as the store's statement cache that keys on it. */
  sql = g_strdup_printf ("SELECT * FROM \"%s\" WHERE %s", entity, where);
  return _quorum_store_prepare (self, g_intern_string (sql), error);
}

/* The canonical form of the row @stmt gives (prepared by _quorum_store_prepare_row and bound);
 * *@found FALSE when it gives none, or (@check_id) when its id is not @entity_id. Resets @stmt. */
static char *
canonical_from (QuorumStore   *self,
                const char    *table,
                QuorumDbStmt  *stmt,
                gint64         entity_id,
                gboolean       check_id,
                gboolean      *found,
                GError       **error)
{
  GString *out;
  int rc;

  *found = FALSE;
  out = g_string_new (NULL);
  rc = quorum_db_step (stmt, NULL);
  if (rc == QUORUM_DB_ROW)
    {
      gboolean ours = !check_id;

      for (int i = 0; check_id && i < quorum_db_column_count (stmt); i++)
        if (g_strcmp0 (quorum_db_column_name (stmt, i), "id") == 0)
          ours = quorum_db_column_int64 (stmt, i) == entity_id;
      if (!ours)
        {
          quorum_db_reset (stmt);
          g_string_free (out, TRUE);
          /* Not the row written: nothing is recorded against another's. */
          return g_strdup ("");
        }
      append_row (out, table, stmt);
      *found = TRUE;
    }
  else if (rc != QUORUM_DB_DONE)
    {
      _quorum_store_fail_read (self, error);
      quorum_db_reset (stmt);
      g_string_free (out, TRUE);
      return NULL;
    }
  quorum_db_reset (stmt);
  return g_string_free (out, FALSE);
}

static char *
row_canonical (QuorumStore  *self,
               const char   *entity,
               gint64        entity_id,
               gboolean     *found,
               GError      **error)
{
  QuorumDbStmt *stmt;

  *found = FALSE;
  stmt = _quorum_store_prepare_row (self, entity, "id = ?", error);
  if (stmt == NULL)
    return NULL;
  quorum_db_bind_int64 (stmt, 1, entity_id);
  return canonical_from (self, entity, stmt, entity_id, FALSE, found, error);
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

static char *
meta_get (QuorumStore *self,
          const char  *key)
{
  QuorumDbStmt *stmt = _quorum_store_prepare (self, "SELECT value FROM meta WHERE key = ?", NULL);
  char *value = NULL;

  if (stmt != NULL)
    {
      quorum_db_bind_text (stmt, 1, key);
      if (quorum_db_step (stmt, NULL) == QUORUM_DB_ROW)
        value = _quorum_column_dup (stmt, 0);
      quorum_db_reset (stmt);
    }
  return value;
}

static gboolean
meta_set (QuorumStore  *self,
          const char   *key,
          const char   *value,
          GError      **error)
{
  QuorumDbStmt *stmt = _quorum_store_prepare (self,
                                              "INSERT INTO meta (key, value) VALUES (?, ?) "
                                              "ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);
  if (stmt == NULL)
    return FALSE;
  _quorum_bind_text (stmt, 1, key);
  _quorum_bind_text (stmt, 2, value);
  return _quorum_store_exec_stmt (self, stmt, error);
}

/* The MACs: each entry's covers its hash and the MAC before it, from a genesis bound to the
 * database's id; the head's covers the newest entry, so that removing the newest entries
 * needs the key as much as changing one. */
static char *
genesis_mac (GBytes     *key,
             const char *database_id)
{
  g_autofree char *text = g_strdup_printf ("quorum-audit-genesis|%s", database_id ? database_id : "");
  return _quorum_store_hmac (key, text);
}

static char *
entry_mac (GBytes     *key,
           gint64      id,
           const char *prev_mac,
           const char *hash)
{
  g_autofree char *text = g_strdup_printf ("quorum-audit-entry|%" G_GINT64_FORMAT "|%s|%s", id, prev_mac, hash);
  return _quorum_store_hmac (key, text);
}

static char *
head_mac (GBytes     *key,
          const char *database_id,
          gint64      id,
          const char *mac)
{
  g_autofree char *text = g_strdup_printf ("quorum-audit-head|%s|%" G_GINT64_FORMAT "|%s",
                                           database_id ? database_id : "", id, mac ? mac : "");
  return _quorum_store_hmac (key, text);
}

char *
_quorum_store_key_id (GBytes *key)
{
  g_autofree char *mac = _quorum_store_hmac (key, "quorum-key-id");
  return g_strndup (mac, 16);
}

static gboolean
key_entry (QuorumStore  *self,
           GBytes       *key,
           gint64        id,
           const char   *hash,
           GError      **error)
{
  g_autofree char *database_id = meta_get (self, "database_id");
  g_autofree char *prev_mac = NULL;
  g_autofree char *mac = NULL;
  g_autofree char *head = NULL;
  QuorumDbStmt *stmt;

  if (id == 1)
    prev_mac = genesis_mac (key, database_id);
  else
    {
      stmt = _quorum_store_prepare (self, "SELECT mac FROM audit_mac WHERE audit_id = ?", error);
      if (stmt == NULL)
        return FALSE;
      quorum_db_bind_int64 (stmt, 1, id - 1);
      if (quorum_db_step (stmt, NULL) == QUORUM_DB_ROW)
        prev_mac = _quorum_column_dup (stmt, 0);
      quorum_db_reset (stmt);
      if (prev_mac == NULL)
        {
          g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                       _("The audit log's entry %lld has no key: run “quorum-cli verify”; nothing was recorded"),
                       (long long) (id - 1));
          return FALSE;
        }
    }
  mac = entry_mac (key, id, prev_mac, hash);

  stmt = _quorum_store_prepare (self, "INSERT INTO audit_mac (audit_id, mac) VALUES (?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  quorum_db_bind_int64 (stmt, 1, id);
  _quorum_bind_text (stmt, 2, mac);
  if (!_quorum_store_exec_stmt (self, stmt, error))
    return FALSE;

  head = head_mac (key, database_id, id, mac);
  if (!meta_set (self, "audit_head_mac", head, error))
    return FALSE;
  {
    g_autofree char *anchor = g_strdup_printf ("%s %" G_GINT64_FORMAT " %s", database_id, id, mac);
    _quorum_store_set_pending_anchor (self, anchor);
  }
  return TRUE;
}

/* Whether an entry can be written and keyed: with the store's key, or by the server. An entry
 * that cannot be keyed would read as tampering: nothing is written without the key. */
static gboolean
can_key (QuorumStore  *self,
         GError      **error)
{
  if (_quorum_store_get_server_keyed (self) || _quorum_store_get_key (self) != NULL)
    return TRUE;
  g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
               _("The audit key is not available, so nothing was recorded: %s"),
               _quorum_store_get_key_problem (self));
  return FALSE;
}

/* The entry for a row read back as @data: refused when the row was not there (@found). */
static gboolean
append_found (QuorumStore  *self,
              const char   *action,
              const char   *entity,
              gint64        entity_id,
              gint64        conference_id,
              const char   *summary,
              const char   *data,
              gboolean      found,
              GError      **error)
{
  if (!found)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                   "%s %" G_GINT64_FORMAT " was not written", entity, entity_id);
      return FALSE;
    }
  return _quorum_store_append_audit (self, NULL, action, entity, entity_id, conference_id, summary, data, error);
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
  gboolean found = FALSE;

  if (!can_key (self, error))
    return FALSE;

  if (g_strcmp0 (action, "delete") != 0)
    {
      data = row_canonical (self, entity, entity_id, &found, error);
      if (data == NULL)
        return FALSE;
    }

  return append_found (self, action, entity, entity_id, conference_id, summary, data,
                       found || g_strcmp0 (action, "delete") == 0, error);
}

gboolean
_quorum_store_audit_row (QuorumStore  *self,
                         const char   *action,
                         const char   *entity,
                         gint64        entity_id,
                         gint64        conference_id,
                         const char   *summary,
                         QuorumDbStmt *row,
                         GError      **error)
{
  g_autofree char *data = NULL;
  gboolean found = FALSE;

  if (!can_key (self, error))
    {
      quorum_db_reset (row);
      return FALSE;
    }
  data = canonical_from (self, entity, row, entity_id, TRUE, &found, error);
  if (data == NULL)
    return FALSE;
  return append_found (self, action, entity, entity_id, conference_id, summary, data, found, error);
}

#define AUDIT_HEAD_SQL "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1"

gboolean
_quorum_store_send_audit_head (QuorumStore  *self,
                               GError      **error)
{
  QuorumDbStmt *stmt = _quorum_store_prepare (self, AUDIT_HEAD_SQL, error);

  if (stmt == NULL)
    return FALSE;
  if (!quorum_db_send (stmt, NULL))
    return _quorum_store_fail_read (self, error);
  _quorum_store_set_sent_audit_head (self, stmt);
  return TRUE;
}

gboolean
_quorum_store_append_audit (QuorumStore  *self,
                            const char   *at,
                            const char   *action,
                            const char   *entity,
                            gint64        entity_id,
                            gint64        conference_id,
                            const char   *summary,
                            const char   *data,
                            GError      **error)
{
  g_autofree char *row_hash = NULL;
  g_autofree char *prev_hash = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *now = at == NULL ? quorum_timestamp_now () : NULL;
  g_autofree char *head = NULL;
  const char *user = quorum_store_get_user (self);
  gboolean server_keyed = _quorum_store_get_server_keyed (self);
  GBytes *key = _quorum_store_get_key (self);
  QuorumDbStmt *stmt;
  gint64 id = 1;

  if (!can_key (self, error))
    return FALSE;
  if (at == NULL)
    at = now;
  if (data != NULL)
    row_hash = sha256_hex (data, -1);

  /* The head, read now or with the transaction's first statements (_quorum_store_send_audit_head:
   * the transaction's writers' lock was taken before it, and nothing but this function writes
   * the log). */
  stmt = _quorum_store_take_sent_audit_head (self);
  if (stmt == NULL)
    stmt = _quorum_store_prepare (self, AUDIT_HEAD_SQL, error);
  if (stmt == NULL)
    return FALSE;
  switch (quorum_db_step (stmt, NULL))
    {
    case QUORUM_DB_ROW:
      id = quorum_db_column_int64 (stmt, 0) + 1;
      prev_hash = _quorum_column_dup (stmt, 1);
      break;
    case QUORUM_DB_DONE:
      prev_hash = g_strdup (GENESIS_HASH);
      break;
    default:
      quorum_db_reset (stmt);
      return _quorum_store_fail_read (self, error);
    }
  quorum_db_reset (stmt);

  hash = entry_hash (id, at, user, action, entity, entity_id, conference_id,
                     summary, data, row_hash, prev_hash);

  stmt = _quorum_store_prepare (self,
                                "INSERT INTO audit (id, at, \"user\", action, entity, entity_id, "
                                "conference_id, summary, data, row_hash, prev_hash, hash) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  quorum_db_bind_int64 (stmt, 1, id);
  _quorum_bind_text (stmt, 2, at);
  _quorum_bind_text (stmt, 3, user);
  _quorum_bind_text (stmt, 4, action);
  _quorum_bind_text (stmt, 5, entity);
  quorum_db_bind_int64 (stmt, 6, entity_id);
  if (conference_id > 0)
    quorum_db_bind_int64 (stmt, 7, conference_id);
  else
    quorum_db_bind_null (stmt, 7);
  _quorum_bind_text (stmt, 8, summary ? summary : "");
  _quorum_bind_text (stmt, 9, data);
  _quorum_bind_text (stmt, 10, row_hash);
  _quorum_bind_text (stmt, 11, prev_hash);
  _quorum_bind_text (stmt, 12, hash);
  /* Every audited row is a change the app's other windows show (told after COMMIT only). */
  _quorum_store_tell_record_changed (self, entity, entity_id, conference_id);

  /* On the server, the trigger audit_keyed keys the entry and moves the head, as the tables'
   * owner: no client may write either. The entry goes with the transaction's next statement or
   * its COMMIT (one round trip less); a refusal shows there, and nothing is committed. */
  if (server_keyed)
    {
      if (!quorum_db_send_done (stmt, NULL))
        return _quorum_store_fail (self, error);
      return TRUE;
    }
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
  if (!_quorum_store_exec_stmt (self, stmt, error))
    return FALSE;

  return key_entry (self, key, id, hash, error);
}

#define MAX_PROBLEMS 50

static void
problem (GPtrArray  *problems,
         const char *format,
         ...) G_GNUC_PRINTF (2, 3);

static void
problem (GPtrArray  *problems,
         const char *format,
         ...)
{
  va_list args;

  if (problems->len >= MAX_PROBLEMS)
    return;
  va_start (args, format);
  {
    /* A damaged file's names and values may be any bytes: the report stays text. */
    g_autofree char *text = g_strdup_vprintf (format, args);
    g_ptr_array_add (problems, g_utf8_make_valid (text, -1));
  }
  va_end (args);
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

void
quorum_verify_report_free (QuorumVerifyReport *self)
{
  if (self == NULL)
    return;
  g_free (self->head);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->unverified, g_ptr_array_unref);
  g_free (self);
}

/* "412-3f9a2-c81d0-e477a-b21c0": the newest entry's number and the first 20 hex digits of its
 * hash. The hash covers every entry before it, so the seal names the whole record as it stood. */
static char *
make_seal (gint64      id,
           const char *hash)
{
  if (id <= 0 || hash == NULL || strlen (hash) < 20)
    return NULL;
  return g_strdup_printf ("%" G_GINT64_FORMAT "-%.5s-%.5s-%.5s-%.5s", id, hash, hash + 5, hash + 10, hash + 15);
}

static gboolean
parse_seal (const char *seal,
            gint64     *id,
            char      **tag)
{
  g_autofree char *compact = NULL;
  char *end = NULL;
  GString *hex;

  if (seal == NULL || !g_ascii_isdigit (*seal))
    return FALSE;
  errno = 0;
  *id = g_ascii_strtoll (seal, &end, 10);
  if (errno != 0 || *id <= 0 || *end != '-')
    return FALSE;
  hex = g_string_new (NULL);
  for (const char *p = end; *p != '\0'; p++)
    {
      if (*p == '-' || *p == ' ')
        continue;
      if (!g_ascii_isxdigit (*p))
        {
          g_string_free (hex, TRUE);
          return FALSE;
        }
      g_string_append_c (hex, g_ascii_tolower (*p));
    }
  if (hex->len != 20)
    {
      g_string_free (hex, TRUE);
      return FALSE;
    }
  *tag = g_string_free (hex, FALSE);
  return TRUE;
}

/* The checks of verify, inside a read transaction the caller holds. @key NULL: the MACs are
 * not checked and the report says so. */
static gboolean
check_chain (QuorumStore         *self,
             GBytes              *key,
             gboolean             expect_keys,
             gboolean             check_rows,
             const char          *seal,
             const char          *anchor,
             QuorumVerifyReport  *report,
             GError             **error)
{
  g_autoptr(GHashTable) latest = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, latest_free);
  g_autofree char *prev = g_strdup (GENESIS_HASH);
  g_autofree char *prev_mac = NULL;
  g_autofree char *head = NULL;
  g_autofree char *stored_head_mac = NULL;
  g_autofree char *database_id = NULL;
  g_autofree char *seal_tag = NULL;
  gint64 seal_id = 0;
  gboolean seal_found = FALSE;
  gboolean chain_broken = FALSE;
  GPtrArray *problems = report->problems;
  QuorumDbStmt *stmt = NULL;
  gint64 last_id = 0;
  int rc;

  if (seal != NULL && !parse_seal (seal, &seal_id, &seal_tag))
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("“%s” is not a seal (a seal reads like 412-3f9a2-c81d0-e477a-b21c0)"), seal);
      return FALSE;
    }

  database_id = meta_get (self, "database_id");
  stored_head_mac = meta_get (self, "audit_head_mac");
  if (key != NULL)
    prev_mac = genesis_mac (key, database_id);

  /* A log from before its keys has no audit_mac table. The id is the row's key on both
   * backends (SQLite: the rowid itself). */
  stmt = _quorum_store_prepare (self,
                                "SELECT a.id, a.at, a.user, a.action, a.entity, a.entity_id, a.conference_id, "
                                "a.summary, a.data, a.row_hash, a.prev_hash, a.hash, m.mac "
                                "FROM audit a LEFT JOIN audit_mac m ON m.audit_id = a.id ORDER BY a.id", NULL);
  if (stmt == NULL)
    stmt = _quorum_store_prepare (self,
                                  "SELECT id, at, \"user\", action, entity, entity_id, conference_id, summary, "
                                  "data, row_hash, prev_hash, hash, NULL FROM audit ORDER BY id", NULL);
  if (stmt == NULL)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                   _("The audit log could not be read: %s"), last_message (self));
      return FALSE;
    }

  while ((rc = quorum_db_step (stmt, NULL)) == QUORUM_DB_ROW)
    {
      gint64 id = quorum_db_column_int64 (stmt, 0);
      const char *at = (const char *)quorum_db_column_text (stmt, 1);
      const char *user = (const char *)quorum_db_column_text (stmt, 2);
      const char *action = (const char *)quorum_db_column_text (stmt, 3);
      const char *entity = (const char *)quorum_db_column_text (stmt, 4);
      gint64 entity_id = quorum_db_column_int64 (stmt, 5);
      gint64 conference_id = quorum_db_column_int64 (stmt, 6);
      const char *summary = (const char *)quorum_db_column_text (stmt, 7);
      const char *data = (const char *)quorum_db_column_text (stmt, 8);
      const char *row_hash = (const char *)quorum_db_column_text (stmt, 9);
      const char *prev_hash = (const char *)quorum_db_column_text (stmt, 10);
      const char *hash = (const char *)quorum_db_column_text (stmt, 11);
      const char *mac = (const char *)quorum_db_column_text (stmt, 12);
      g_autofree char *expected = NULL;
      g_autofree char *data_hash = NULL;
      g_autofree char *latest_key = NULL;
      Latest *l;

      report->checked++;
      if (!chain_broken && id != last_id + 1)
        {
          problem (problems, _("Audit log: entry %lld follows entry %lld: entries were removed or reordered"),
                   (long long) id, (long long) last_id);
          chain_broken = TRUE;
        }
      if (!chain_broken && g_strcmp0 (prev_hash, prev) != 0)
        {
          problem (problems, _("Audit log: entry %lld does not follow from the entry before it: entries "
                               "were removed, reordered or altered"), (long long) id);
          chain_broken = TRUE;
        }
      expected = entry_hash (id, at, user, action, entity, entity_id, conference_id,
                             summary, data, row_hash, prev_hash);
      if (data != NULL)
        data_hash = sha256_hex (data, -1);
      if (!chain_broken && (g_strcmp0 (expected, hash) != 0 || g_strcmp0 (data_hash, row_hash) != 0))
        {
          problem (problems, _("Audit log: entry %lld (%s %s %lld) was altered after it was written"),
                   (long long) id, action ? action : "?", entity ? entity : "?", (long long) entity_id);
          chain_broken = TRUE;
        }
      if (key != NULL && !chain_broken)
        {
          g_autofree char *want = entry_mac (key, id, prev_mac, hash ? hash : "");

          if (mac == NULL)
            {
              problem (problems, _("Audit log: entry %lld has no key: it was written outside Quorum"), (long long) id);
              chain_broken = TRUE;
            }
          else if (g_strcmp0 (want, mac) != 0)
            {
              problem (problems, _("Audit log: entry %lld does not match its key: the log was rewritten "
                                   "outside Quorum from this entry on"), (long long) id);
              chain_broken = TRUE;
            }
          g_free (prev_mac);
          prev_mac = g_strdup (mac);
        }

      if (seal_id == id)
        {
          seal_found = TRUE;
          if (hash == NULL || !g_str_has_prefix (hash, seal_tag))
            problem (problems, _("Seal %s: entry %lld is not the entry the seal was made from: the record "
                                 "as sealed is no longer in this database"), seal, (long long) id);
        }

      if (entity != NULL)
        {
          latest_key = g_strdup_printf ("%s:%" G_GINT64_FORMAT, entity, entity_id);
          l = g_new0 (Latest, 1);
          l->row_hash = g_strdup (row_hash);
          g_hash_table_replace (latest, g_steal_pointer (&latest_key), l);
        }

      g_free (prev);
      prev = g_strdup (hash);
      last_id = id;
    }
  quorum_db_reset (stmt);
  stmt = NULL;
  if (rc != QUORUM_DB_DONE)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                   _("The audit log could not be read: %s"), last_message (self));
      return FALSE;
    }

  report->head = make_seal (last_id, prev);
  if (seal != NULL)
    {
      report->seal_checked = TRUE;
      if (!seal_found)
        problem (problems, _("Seal %s: entry %lld is not in this database: the record as sealed was removed"),
                 seal, (long long) seal_id);
    }

  /* The newest entries must still be there. */
  head = meta_get (self, "audit_head");
  {
    g_autofree char *expected_head = last_id > 0
      ? g_strdup_printf ("%" G_GINT64_FORMAT ":%s", last_id, prev) : NULL;

    if (!chain_broken && g_strcmp0 (head, expected_head) != 0)
      problem (problems, _("Audit log: it ends at entry %lld but its last entry written was %lld: its "
                           "newest entries were removed"),
               (long long) last_id, (long long) (head ? g_ascii_strtoll (head, NULL, 10) : 0));
  }
  if (key != NULL && !chain_broken && last_id > 0)
    {
      g_autofree char *want = head_mac (key, database_id, last_id, prev_mac);

      if (g_strcmp0 (want, stored_head_mac) != 0)
        problem (problems, _("Audit log: its end (entry %lld) does not match its key: the newest entries "
                             "were removed outside Quorum"), (long long) last_id);
    }

  /* Every entry is keyed as it is written: entries without a key, or a log without its key's
   * id, had their keys removed. This much needs no key to see. */
  if (expect_keys && last_id > 0)
    {
      g_autofree char *key_id = meta_get (self, "audit_key_id");
      gint64 unkeyed = -1;

      /* NOT EXISTS, not NOT IN: PostgreSQL runs a NOT IN whose list outgrows work_mem as a scan
       * of audit_mac per entry (verify of 500,000 entries did not finish in 6 minutes); an
       * anti-join is one pass on both backends. */
      stmt = _quorum_store_prepare (self, "SELECT count(*) FROM audit a WHERE NOT EXISTS "
                                    "(SELECT 1 FROM audit_mac m WHERE m.audit_id = a.id)", NULL);
      if (stmt != NULL && quorum_db_step (stmt, NULL) == QUORUM_DB_ROW)
        unkeyed = quorum_db_column_int64 (stmt, 0);
      if (stmt != NULL)
        quorum_db_reset (stmt);
      stmt = NULL;
      if (key_id == NULL)
        problem (problems, _("Audit log: it has entries but no key: its keys were removed outside Quorum"));
      else if (key != NULL)
        {
          g_autofree char *ours = _quorum_store_key_id (key);
          if (g_strcmp0 (ours, key_id) != 0)
            problem (problems, _("Audit log: the id of its key was altered outside Quorum"));
        }
      else if (unkeyed != 0 && key == NULL)
        problem (problems, _("Audit log: %lld of its entries have no key: they were written or rewritten "
                             "outside Quorum"), (long long) unkeyed);
    }

  /* What this computer last saw the database hold must still be there. @anchor was read before
   * the snapshot began: read after it, a writer committing meanwhile (the app beside the CLI)
   * would leave an anchor newer than the snapshot, taken for a log cut back. */
  {
    g_auto(GStrv) parts = anchor ? g_strsplit (anchor, " ", 3) : NULL;

    if (parts != NULL && g_strv_length (parts) == 3)
      {
        gint64 anchored = g_ascii_strtoll (parts[1], NULL, 10);
        g_autofree char *held = NULL;

        stmt = _quorum_store_prepare (self, "SELECT mac FROM audit_mac WHERE audit_id = ?", NULL);
        if (stmt != NULL)
          {
            quorum_db_bind_int64 (stmt, 1, anchored);
            if (quorum_db_step (stmt, NULL) == QUORUM_DB_ROW)
              held = _quorum_column_dup (stmt, 0);
            quorum_db_reset (stmt);
          }
        stmt = NULL;
        if (g_strcmp0 (parts[0], database_id) != 0)
          problem (problems, _("This is not the database this computer last saw at this path (its id was %s): "
                               "it was replaced"), parts[0]);
        else if (g_strcmp0 (held, parts[2]) != 0)
          problem (problems, _("Audit log: entry %lld, which this computer saw written, is %s: the log was "
                               "cut back, replaced by an older copy, or stripped of its keys"),
                   (long long) anchored, held == NULL ? _("missing") : _("different"));
      }
  }

  if (!check_rows)
    return TRUE;

  /* Every record is as its newest audit entry says, and every audited record exists. */
  for (guint t = 0; _quorum_store_audited_tables[t] != NULL; t++)
    {
      const char *table = _quorum_store_audited_tables[t];
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY id", table);

      stmt = _quorum_store_prepare (self, sql, NULL);
      if (stmt == NULL)
        {
          problem (problems, _("The table %s could not be read: %s"), table, last_message (self));
          continue;
        }
      while ((rc = quorum_db_step (stmt, NULL)) == QUORUM_DB_ROW)
        {
          g_autoptr(GString) canonical = g_string_new (NULL);
          g_autofree char *row_hash = NULL;
          g_autofree char *latest_key = NULL;
          gint64 id = quorum_db_column_int64 (stmt, 0);
          Latest *l;

          append_row (canonical, table, stmt);
          row_hash = sha256_hex (canonical->str, canonical->len);
          latest_key = g_strdup_printf ("%s:%" G_GINT64_FORMAT, table, id);
          l = g_hash_table_lookup (latest, latest_key);
          report->checked++;
          if (l == NULL)
            problem (problems, _("%s %lld: not in the audit log: it was written outside Quorum"),
                     table, (long long) id);
          else
            {
              if (g_strcmp0 (l->row_hash, row_hash) != 0)
                problem (problems, _("%s %lld: altered after it was recorded"), table, (long long) id);
              l->seen = TRUE;
            }
        }
      quorum_db_reset (stmt);
      stmt = NULL;
      if (rc != QUORUM_DB_DONE)
        problem (problems, _("The table %s could not be read: %s"), table, last_message (self));
    }

  {
    GHashTableIter iter;
    gpointer k, value;

    g_hash_table_iter_init (&iter, latest);
    while (g_hash_table_iter_next (&iter, &k, &value))
      {
        Latest *l = value;

        if (l->row_hash != NULL && !l->seen)
          {
            g_auto(GStrv) parts = g_strsplit (k, ":", 2);
            problem (problems, _("%s %s: deleted outside Quorum"), parts[0], parts[1]);
          }
      }
  }
  return TRUE;
}

QuorumVerifyReport *
quorum_store_verify_report (QuorumStore  *self,
                            const char   *seal,
                            GError      **error)
{
  g_autoptr(QuorumVerifyReport) report = g_new0 (QuorumVerifyReport, 1);
  g_autofree char *anchor = NULL;
  GBytes *key;
  sqlite3 *db;
  gboolean done;
  gboolean server_checked = FALSE;
  gboolean on_server;

  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);

  db = _quorum_store_get_db (self);
  on_server = db == NULL &&
              quorum_db_get_backend (_quorum_store_get_connection (self)) == QUORUM_DB_BACKEND_POSTGRES;
  key = _quorum_store_get_key (self);
  report->problems = g_ptr_array_new_with_free_func (g_free);
  report->unverified = g_ptr_array_new_with_free_func (g_free);

  /* The anchor first, then the snapshot (see check_chain). */
  anchor = _quorum_store_read_anchor (quorum_store_get_path (self));

  /* A read transaction: one consistent snapshot (on PostgreSQL the driver's read transaction is
   * REPEATABLE READ, so the server's check of the keys sees what the rest of verify sees). */
  if (db != NULL)
    {
      if (!_quorum_store_exec (self, "BEGIN", error))
        return NULL;
    }
  else if (!quorum_db_begin (_quorum_store_get_connection (self), FALSE, NULL))
    {
      _quorum_store_fail_read (self, error);
      return NULL;
    }

  /* The file and its schema are SQLite's to check; a server checks its own pages, and its
   * schema belongs to the PostgreSQL driver. */
  if (db != NULL)
    {
      g_autofree char *why = NULL;

      if (!_quorum_sqlite_quick_check (db, &why))
        problem (report->problems, _("The database file is damaged: %s"), why);

      /* The triggers are what keep a signed-off record unchangeable: they must be this version's. */
      if (!_quorum_store_check_schema (db, report->problems, error))
        {
          if (error != NULL && *error != NULL)
            {
              quorum_db_commit (_quorum_store_get_connection (self), NULL);
              return NULL;
            }
        }
    }
#ifdef QUORUM_HAVE_POSTGRES
  else if (quorum_db_get_backend (_quorum_store_get_connection (self)) == QUORUM_DB_BACKEND_POSTGRES)
    {
      /* On the server, the triggers and their functions must be this version's, enabled. */
      if (!quorum_pg_schema_check (_quorum_store_get_connection (self), report->problems, error) &&
          error != NULL && *error != NULL)
        {
          quorum_db_commit (_quorum_store_get_connection (self), NULL);
          return NULL;
        }
    }
#endif

  done = check_chain (self, key, TRUE, TRUE, seal, anchor, report, error);
#ifdef QUORUM_HAVE_POSTGRES
  /* The keys of a shared database are the server's to check: it recomputes the chain's MACs
   * with its key and says where they first fail, or why it cannot. */
  if (done && on_server)
    {
      guint unverified_before = report->unverified->len;

      done = quorum_pg_audit_check (_quorum_store_get_connection (self), report->problems, report->unverified, error);
      server_checked = done && report->unverified->len == unverified_before;
    }
#endif
  quorum_db_commit (_quorum_store_get_connection (self), NULL);
  if (!done)
    return NULL;

  if (key == NULL && !on_server)
    g_ptr_array_add (report->unverified,
                     g_strdup_printf (_("The audit log's keys (HMAC-SHA-256) could not be checked: %s. "
                                        "Anyone with the file can recompute an unkeyed chain, so the "
                                        "database is not shown to be intact"),
                                      _quorum_store_get_key_problem (self)));
  if (report->seal_checked && key == NULL && !server_checked && report->problems->len == 0)
    g_ptr_array_add (report->unverified,
                     g_strdup (_("The seal was found in the log as it stood; what was written after it "
                                 "could not be checked without the key")));

  report->ok = report->problems->len == 0 && report->unverified->len == 0;
  return g_steal_pointer (&report);
}

gboolean
quorum_store_verify (QuorumStore  *self,
                     guint        *n_checked,
                     GError      **error)
{
  g_autoptr(QuorumVerifyReport) report = quorum_store_verify_report (self, NULL, error);

  if (report == NULL)
    return FALSE;
  if (n_checked != NULL)
    *n_checked = report->checked;
  if (report->problems->len > 0)
    {
      g_autofree char *all = NULL;

      g_ptr_array_add (report->problems, NULL);
      all = g_strjoinv ("; ", (char **) report->problems->pdata);
      g_ptr_array_remove_index (report->problems, report->problems->len - 1);
      g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_TAMPERED, all);
      return FALSE;
    }
  if (report->unverified->len > 0)
    {
      g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_UNVERIFIED, report->unverified->pdata[0]);
      return FALSE;
    }
  return TRUE;
}

char *
quorum_store_get_seal (QuorumStore  *self,
                       GError      **error)
{
  QuorumDbStmt *stmt;
  char *seal = NULL;

  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);

  stmt = _quorum_store_prepare (self, "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  if (quorum_db_step (stmt, NULL) == QUORUM_DB_ROW)
    seal = make_seal (quorum_db_column_int64 (stmt, 0), (const char *)quorum_db_column_text (stmt, 1));
  quorum_db_reset (stmt);
  if (seal == NULL)
    seal = g_strdup ("0-00000-00000-00000-00000");
  return seal;
}

/* Whether @key made the head MAC the database holds. */
static gboolean
key_opens_head (QuorumStore *self,
                GBytes      *key)
{
  g_autofree char *database_id = NULL;
  g_autofree char *stored = meta_get (self, "audit_head_mac");
  g_autofree char *mac = NULL;
  g_autofree char *want = NULL;
  QuorumDbStmt *stmt = NULL;
  gint64 id = 0;

  database_id = meta_get (self, "database_id");
  if (stored == NULL)
    return FALSE;
  stmt = _quorum_store_prepare (self, "SELECT audit_id, mac FROM audit_mac ORDER BY audit_id DESC LIMIT 1", NULL);
  if (stmt != NULL && quorum_db_step (stmt, NULL) == QUORUM_DB_ROW)
    {
      id = quorum_db_column_int64 (stmt, 0);
      mac = _quorum_column_dup (stmt, 1);
    }
  if (stmt != NULL)
    quorum_db_reset (stmt);
  if (mac == NULL)
    return FALSE;
  want = head_mac (key, database_id, id, mac);
  return g_strcmp0 (want, stored) == 0;
}

gboolean
_quorum_store_attach_key (QuorumStore  *self,
                          GBytes       *key,
                          const char   *source,
                          GError      **error)
{
  QuorumDb *db = _quorum_store_get_connection (self);
  g_autofree char *key_id = _quorum_store_key_id (key);
  g_autofree char *stored_id = meta_get (self, "audit_key_id");
  g_autofree char *database_id = NULL;
  g_autoptr(QuorumVerifyReport) report = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *prev_mac = NULL;
  g_autofree char *last_hash = NULL;
  g_autofree char *chain_anchor = NULL;
  QuorumDbStmt *stmt = NULL;
  gint64 last_id = 0;
  guint n = 0;

  if (stored_id != NULL)
    {
      if (g_strcmp0 (stored_id, key_id) == 0 || key_opens_head (self, key))
        /* An id that does not match a key that does open the log: the id was altered, which
         * verify reports; the key is still this database's. */
        _quorum_store_set_key (self, key, NULL);
      else
        {
          g_autofree char *why = g_strdup_printf (_("the database is keyed with key %s but the key in %s is %s"),
                                                  stored_id, source, key_id);
          _quorum_store_set_key (self, NULL, why);
        }
      return TRUE;
    }

  /* An unkeyed chain (a database made before keys, or a new one): checked, then keyed, in one
   * write transaction, so a broken chain is never keyed into looking intact. */
  if (!quorum_db_begin (db, TRUE, NULL))
    {
      g_autofree char *why = g_strdup_printf (_("the database's audit log is not keyed yet and the database "
                                                "cannot be written: %s"), last_message (self));
      _quorum_store_set_key (self, NULL, why);
      return TRUE;
    }
  g_free (stored_id);
  stored_id = meta_get (self, "audit_key_id");
  if (stored_id != NULL)
    {
      quorum_db_commit (db, NULL);
      g_clear_pointer (&stored_id, g_free);
      return _quorum_store_attach_key (self, key, source, error);
    }

  report = g_new0 (QuorumVerifyReport, 1);
  report->problems = g_ptr_array_new_with_free_func (g_free);
  report->unverified = g_ptr_array_new_with_free_func (g_free);
  /* Inside the write transaction: nobody writes meanwhile. */
  chain_anchor = _quorum_store_read_anchor (quorum_store_get_path (self));
  /* A log this computer has seen keyed at this path is never keyed again: its keys were
   * removed. (An empty log, a database made anew, has nothing to launder.) */
  {
    g_autofree char *anchor = _quorum_store_read_anchor (quorum_store_get_path (self));
    g_autofree char *any = NULL;
    QuorumDbStmt *probe = NULL;

    probe = _quorum_store_prepare (self, "SELECT id FROM audit LIMIT 1", NULL);
    if (probe != NULL && quorum_db_step (probe, NULL) == QUORUM_DB_ROW)
      any = _quorum_column_dup (probe, 0);
    if (probe != NULL)
      quorum_db_reset (probe);
    /* Keys came with their migration (schema 8) and every entry since is keyed as it is written: a log with
     * entries and no key in a database that was already at 8 has had its keys removed. */
    if (any != NULL && anchor == NULL && _quorum_store_get_version_at_open (self) >= _quorum_store_keyed_since ())
      {
        quorum_db_rollback (db);
        _quorum_store_set_key (self, NULL, _("the database's audit log has entries but no keys, though every "
                                             "entry is keyed as it is written: its keys were removed, so it "
                                             "is not keyed again"));
        return TRUE;
      }
    if (anchor != NULL && any != NULL)
      {
        quorum_db_rollback (db);
        _quorum_store_set_key (self, NULL, _("the database was keyed when this computer last saw it and its "
                                             "keys are gone, so it is not keyed again"));
        return TRUE;
      }
  }
  if (!check_chain (self, NULL, FALSE, TRUE, NULL, chain_anchor, report, &local) || report->problems->len > 0)
    {
      g_autofree char *why = g_strdup_printf (_("the database's audit log was never keyed and it is broken (%s), "
                                                "so it was not keyed now"),
                                              local ? local->message : (char *) report->problems->pdata[0]);
      quorum_db_rollback (db);
      _quorum_store_set_key (self, NULL, why);
      return TRUE;
    }

  _quorum_store_set_key (self, key, NULL);
  database_id = meta_get (self, "database_id");
  prev_mac = genesis_mac (key, database_id);
  stmt = _quorum_store_prepare (self, "SELECT id, hash FROM audit ORDER BY id", &local);
  if (stmt == NULL)
    goto fail;
  while (quorum_db_step (stmt, NULL) == QUORUM_DB_ROW)
    {
      gint64 id = quorum_db_column_int64 (stmt, 0);
      const char *hash = (const char *)quorum_db_column_text (stmt, 1);
      g_autofree char *mac = entry_mac (key, id, prev_mac, hash ? hash : "");
      QuorumDbStmt *insert = _quorum_store_prepare (self, "INSERT INTO audit_mac (audit_id, mac) VALUES (?, ?)", &local);

      if (insert == NULL)
        goto fail;
      quorum_db_bind_int64 (insert, 1, id);
      _quorum_bind_text (insert, 2, mac);
      if (!_quorum_store_exec_stmt (self, insert, &local))
        goto fail;
      g_free (prev_mac);
      prev_mac = g_steal_pointer (&mac);
      g_free (last_hash);
      last_hash = g_strdup (hash);
      last_id = id;
      n++;
    }
  quorum_db_reset (stmt);
  stmt = NULL;

  if (last_id > 0)
    {
      g_autofree char *head = head_mac (key, database_id, last_id, prev_mac);
      if (!meta_set (self, "audit_head_mac", head, &local))
        goto fail;
    }
  if (!meta_set (self, "audit_key_id", key_id, &local))
    goto fail;
  if (!quorum_db_commit (db, NULL))
    goto fail;
  if (last_id > 0)
    {
      g_autofree char *anchor = g_strdup_printf ("%s %" G_GINT64_FORMAT " %s", database_id, last_id, prev_mac);
      _quorum_store_write_anchor (quorum_store_get_path (self), anchor);
    }

  if (n > 0)
    {
      g_autofree char *notice = g_strdup_printf (ngettext ("The audit log was not keyed: its %u entry was checked "
                                                           "and is now keyed with the key in %s",
                                                           "The audit log was not keyed: its %u entries were checked "
                                                           "and are now keyed with the key in %s", n),
                                                 n, source);
      _quorum_store_add_notice (self, notice);
    }
  return TRUE;

fail:
  if (stmt != NULL)
    quorum_db_reset (stmt);
  quorum_db_rollback (db);
  {
    g_autofree char *why = g_strdup_printf (_("the audit log could not be keyed: %s"),
                                            local ? local->message : last_message (self));
    _quorum_store_set_key (self, NULL, why);
  }
  return TRUE;
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
  QuorumDbStmt *stmt;
  int rc;

  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);

  stmt = _quorum_store_prepare (self,
                                "SELECT id, at, \"user\", action, entity, entity_id, summary FROM audit "
                                "WHERE ?1 = 0 OR conference_id = ?1 ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  quorum_db_bind_int64 (stmt, 1, conference_id);

  while ((rc = quorum_db_step (stmt, NULL)) == QUORUM_DB_ROW)
    {
      QuorumAuditEntry *e = g_new0 (QuorumAuditEntry, 1);

      e->id = quorum_db_column_int64 (stmt, 0);
      e->at = _quorum_column_dup (stmt, 1);
      e->user = _quorum_column_dup (stmt, 2);
      e->action = _quorum_column_dup (stmt, 3);
      e->entity = _quorum_column_dup (stmt, 4);
      e->entity_id = quorum_db_column_int64 (stmt, 5);
      e->summary = _quorum_column_dup (stmt, 6);
      g_ptr_array_add (entries, e);
    }
  quorum_db_reset (stmt);
  if (rc != QUORUM_DB_DONE)
    {
      _quorum_store_fail (self, error);
      return NULL;
    }
  return g_steal_pointer (&entries);
}
