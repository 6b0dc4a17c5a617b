/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-store-migrate.c: `quorum-cli migrate --from PATH --to DB`: one Quorum database's
 * records copied into another, the shared database's ids its own, every copied row audited in
 * the target's own chain. The written once SQL of the store's layer serves both backends.
 *
 * The map of what was copied is the target's audit log itself: each copied row's entry says
 * "migrated from database ID: TABLE N of PATH" (ID the source's meta database_id, N the row's
 * id there). A second run reads those entries back, copies only what is missing (a run killed
 * midway resumes) and refuses a source that is all there already (a duplicate). No table is
 * added for it, and the map is as tamper-evident as the rest of the log.
 *
 * The order is the one the schema's triggers allow: a conference goes in unsigned, then its
 * children, attendees, attempts, views, decisions, plans and referrals, then it is signed off
 * as it was (finalised_at and finalised_by as recorded), then its amendments (which need a
 * signed-off conference). A difference goes in open at its last stage, then its stages, notes,
 * answers and events, then it is resolved as it was. What refers across conferences and
 * differences (challenges, plan events, referral corrections, notices) comes last. */

#include <string.h>
#include <glib/gi18n-lib.h>

#include "quorum-store-private.h"
#include "quorum-store-migrate.h"
#ifdef QUORUM_HAVE_POSTGRES
#include "postgres/quorum-pg-schema.h"
#endif

#define BATCH 200

typedef struct
{
  const char *column;
  const char *table;
} Ref;

typedef struct
{
  const char *table;
  const char *scope;      /* the column that ties a row to its conference or difference */
  Ref         refs[7];    /* columns holding another row's id, and that row's table */
} Spec;

#define CONF { "conference_id", "conference" }
#define CHILD { "child_id", "child" }
#define ATTENDEE { "attendee_id", "attendee" }
#define DECISION { "decision_id", "decision" }
#define DIFFERENCE { "difference_id", "difference" }

static const Spec closure_spec = { "closure_day", NULL, { { NULL, NULL } } };
static const Spec conference_spec = { "conference", NULL, { { NULL, NULL } } };
/* A conference's own rows, in an order where every reference is to a row before. */
static const Spec conference_specs[] = {
  { "conference_profile", "conference_id", { CONF } },
  { "child",              "conference_id", { CONF } },
  { "attendee",           "conference_id", { CONF } },
  { "attempt",            "conference_id", { CONF, CHILD } },
  { "vote",               "conference_id", { CONF, CHILD } },
  { "decision",           "conference_id", { CONF, CHILD } },
  { "dissent",            "conference_id", { CONF, DECISION } },
  { "plan",               "conference_id", { CONF, CHILD } },
  { "referral",           "conference_id", { CONF, CHILD } },
  { "attendance_event",   "conference_id", { CONF, ATTENDEE } },
  { "decision_presence",  "conference_id", { CONF, DECISION, ATTENDEE } },
  { "member_view",        "conference_id", { CONF, CHILD, ATTENDEE } },
  { "superseded_view",    "conference_id", { CONF, CHILD, { "vote_id", "vote" }, { "attempt_id", "attempt" } } },
};
/* After the sign-off. */
static const Spec amendment_spec = { "amendment", "conference_id", { CONF } };
static const Spec difference_spec = { "difference", NULL, { CONF } };
static const Spec difference_specs[] = {
  { "difference_stage",  "difference_id", { DIFFERENCE } },
  { "difference_note",   "difference_id", { DIFFERENCE } },
  { "difference_answer", "difference_id", { DIFFERENCE, { "note_id", "difference_note" } } },
  { "difference_event",  "difference_id", { DIFFERENCE } },
};
/* What refers across conferences and differences. */
static const Spec later_specs[] = {
  { "challenge", NULL, { CONF, CHILD, DECISION, { "plan_id", "plan" }, { "review_conference_id", "conference" },
                         { "referral_id", "referral" } } },
  { "plan_event", NULL, { CONF, { "plan_id", "plan" }, { "by_conference", "conference" } } },
  { "referral_correction", NULL, { CONF, { "referral_id", "referral" } } },
  { "notice", NULL, { CONF, { "referral_id", "referral" }, DIFFERENCE } },
  /* 13: none on a laptop's database (nothing is handed over there) */
  { "conference_handover", NULL, { CONF } },
};

/* One value of a row, copied out of its statement. */
typedef struct
{
  const char   *name;   /* interned */
  QuorumDbType  type;
  gint64        i;
  double        f;
  char         *text;
} Value;

static void
value_clear (gpointer data)
{
  Value *v = data;

  g_free (v->text);
}

static void
value_set_text (Value      *v,
                const char *text)
{
  g_free (v->text);
  v->text = g_strdup (text);
  v->type = text != NULL ? QUORUM_DB_TYPE_TEXT : QUORUM_DB_TYPE_NULL;
}

static void
value_set_int (Value  *v,
               gint64  i)
{
  g_clear_pointer (&v->text, g_free);
  v->i = i;
  v->type = QUORUM_DB_TYPE_INTEGER;
}

typedef struct
{
  const char *table;
  gint64      target_id;
  gint64      source_id;
  gint64      conference_id;  /* the target's, or 0 */
  const char *action;
} Pending;

typedef struct
{
  QuorumStore         *to;
  QuorumStore         *from;
  const char          *label;
  QuorumMigrateReport *report;
  GHashTable          *map;       /* "table:id" (source) → gint64 * (target) */
  GHashTable          *tables;    /* table → QuorumMigrateTable * (the report's) */
  GArray              *pending;   /* Pending: entries to append before the commit */
  gint64               seen;      /* the newest audit entry of the target the map has read */
} Migration;

static void
migrate_table_free (gpointer data)
{
  QuorumMigrateTable *t = data;

  if (t->ids != NULL)
    g_array_unref (t->ids);
  g_free (t);
}

void
quorum_migrate_report_free (QuorumMigrateReport *self)
{
  if (self == NULL)
    return;
  g_free (self->source_database);
  g_free (self->target_database);
  g_clear_pointer (&self->tables, g_ptr_array_unref);
  g_free (self);
}

static QuorumMigrateTable *
table_report (Migration  *m,
              const char *table)
{
  QuorumMigrateTable *t = g_hash_table_lookup (m->tables, table);

  if (t == NULL)
    {
      t = g_new0 (QuorumMigrateTable, 1);
      t->table = g_intern_string (table);
      t->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_ptr_array_add (m->report->tables, t);
      g_hash_table_insert (m->tables, (gpointer) t->table, t);
    }
  return t;
}

static gboolean
map_lookup (Migration  *m,
            const char *table,
            gint64      source_id,
            gint64     *target_id)
{
  g_autofree char *key = g_strdup_printf ("%s:%" G_GINT64_FORMAT, table, source_id);
  gint64 *found = g_hash_table_lookup (m->map, key);

  if (found == NULL)
    return FALSE;
  if (target_id != NULL)
    *target_id = *found;
  return TRUE;
}

typedef enum
{
  MAPPED_ALREADY,
  MAPPED_COPIED,
  MAPPED_MATCHED,
} MappedHow;

static void
map_add (Migration  *m,
         const char *table,
         gint64      source_id,
         gint64      target_id,
         MappedHow   how)
{
  QuorumMigrateTable *t = table_report (m, table);
  gint64 *value = g_new (gint64, 1);

  *value = target_id;
  g_hash_table_insert (m->map, g_strdup_printf ("%s:%" G_GINT64_FORMAT, table, source_id), value);
  g_array_append_val (t->ids, source_id);
  g_array_append_val (t->ids, target_id);
  switch (how)
    {
    case MAPPED_ALREADY: t->already++; break;
    case MAPPED_COPIED:  t->copied++;  break;
    case MAPPED_MATCHED: t->matched++; break;
    }
}

static char *
meta_value (QuorumStore *store,
            const char  *key)
{
  QuorumDbStmt *stmt = _quorum_store_prepare (store, "SELECT value FROM meta WHERE key = ?", NULL);
  char *value = NULL;

  if (stmt == NULL)
    return NULL;
  quorum_db_bind_text (stmt, 1, key);
  if (quorum_db_step (stmt, NULL) == QUORUM_DB_ROW)
    value = _quorum_column_dup (stmt, 0);
  quorum_db_reset (stmt);
  return value;
}

static char *
summary_prefix (Migration *m)
{
  return g_strdup_printf ("migrated from database %s: ", m->report->source_database);
}

/* The map as earlier runs left it, read from the target's audit log: the entries after
 * m->seen (all of them the first time; in each transaction, under its write lock, what another
 * run copying the same source at the same time committed meanwhile, so nothing is copied twice).
 *
 * The newest entry's id is read first and the map's entries up to it: the first read is not
 * inside a write transaction, and read the other way round, an entry committed between the two
 * statements was counted as seen without being read (the other run's conference then copied a
 * second time: 3 of 61 pairs of runs at once under load). */
static gboolean
load_map (Migration  *m,
          GError    **error)
{
  g_autofree char *prefix = summary_prefix (m);
  g_autofree char *pattern = g_strconcat (prefix, "%", NULL);
  QuorumDbStmt *stmt;
  gint64 newest = m->seen;
  int rc;

  stmt = _quorum_store_prepare (m->to, "SELECT id FROM audit ORDER BY id DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  rc = quorum_db_step (stmt, NULL);
  if (rc == QUORUM_DB_ROW)
    newest = quorum_db_column_int64 (stmt, 0);
  quorum_db_reset (stmt);
  if (rc != QUORUM_DB_ROW && rc != QUORUM_DB_DONE)
    return _quorum_store_fail_read (m->to, error);

  stmt = _quorum_store_prepare (m->to,
                                "SELECT entity, entity_id, summary, id FROM audit "
                                "WHERE id > ? AND id <= ? AND action = 'insert' AND summary LIKE ? ORDER BY id",
                                error);
  if (stmt == NULL)
    return FALSE;
  quorum_db_bind_int64 (stmt, 1, m->seen);
  quorum_db_bind_int64 (stmt, 2, newest);
  quorum_db_bind_text (stmt, 3, pattern);
  while ((rc = quorum_db_step (stmt, NULL)) == QUORUM_DB_ROW)
    {
      const char *entity = quorum_db_column_text (stmt, 0);
      gint64 target_id = quorum_db_column_int64 (stmt, 1);
      const char *summary = quorum_db_column_text (stmt, 2);
      g_auto(GStrv) words = NULL;
      char *end = NULL;
      gint64 source_id;

      if (entity == NULL || summary == NULL || !g_str_has_prefix (summary, prefix))
        continue;
      words = g_strsplit (summary + strlen (prefix), " ", 3);
      if (words[0] == NULL || words[1] == NULL || g_strcmp0 (words[0], entity) != 0)
        continue;
      source_id = g_ascii_strtoll (words[1], &end, 10);
      if (source_id <= 0 || *end != '\0' || map_lookup (m, entity, source_id, NULL))
        continue;
      map_add (m, entity, source_id, target_id, MAPPED_ALREADY);
    }
  quorum_db_reset (stmt);
  if (rc != QUORUM_DB_DONE)
    return _quorum_store_fail_read (m->to, error);

  m->seen = newest;
  return TRUE;
}

/* The current row of @stmt, copied. */
static GArray *
read_row (QuorumDbStmt *stmt)
{
  GArray *row = g_array_new (FALSE, TRUE, sizeof (Value));
  int n = quorum_db_column_count (stmt);

  g_array_set_clear_func (row, value_clear);
  for (int i = 0; i < n; i++)
    {
      Value v = { 0 };

      v.name = g_intern_string (quorum_db_column_name (stmt, i));
      v.type = quorum_db_column_type (stmt, i);
      switch (v.type)
        {
        case QUORUM_DB_TYPE_INTEGER:
          v.i = quorum_db_column_int64 (stmt, i);
          break;
        case QUORUM_DB_TYPE_FLOAT:
          v.f = quorum_db_column_double (stmt, i);
          break;
        case QUORUM_DB_TYPE_TEXT:
        case QUORUM_DB_TYPE_BLOB:
          v.text = g_strdup (quorum_db_column_text (stmt, i));
          break;
        case QUORUM_DB_TYPE_NULL:
        default:
          break;
        }
      g_array_append_val (row, v);
    }
  return row;
}

static Value *
row_get (GArray     *row,
         const char *name)
{
  for (guint i = 0; i < row->len; i++)
    {
      Value *v = &g_array_index (row, Value, i);

      if (g_str_equal (v->name, name))
        return v;
    }
  return NULL;
}

static gint64
row_id (GArray *row)
{
  Value *v = row_get (row, "id");

  return v != NULL && v->type == QUORUM_DB_TYPE_INTEGER ? v->i : 0;
}

static const char *
ref_table (const Spec *spec,
           const char *column)
{
  for (guint i = 0; i < G_N_ELEMENTS (spec->refs) && spec->refs[i].column != NULL; i++)
    if (g_str_equal (spec->refs[i].column, column))
      return spec->refs[i].table;
  return NULL;
}

/* Every reference of @row rewritten to the target's ids. */
static gboolean
map_refs (Migration   *m,
          const Spec  *spec,
          GArray      *row,
          GError     **error)
{
  for (guint i = 0; i < row->len; i++)
    {
      Value *v = &g_array_index (row, Value, i);
      const char *table = ref_table (spec, v->name);
      gint64 target;

      if (table == NULL)
        {
          /* A column that names another row and is not in the table above: a schema newer
           * than this code; copying it as it is would point at the wrong row. */
          if (g_str_has_suffix (v->name, "_id") && !g_str_equal (v->name, "id"))
            {
              g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                           _("The migration does not know what %s.%s refers to; nothing more was copied"),
                           spec->table, v->name);
              return FALSE;
            }
          continue;
        }
      if (v->type == QUORUM_DB_TYPE_NULL)
        continue;
      if (v->type != QUORUM_DB_TYPE_INTEGER || !map_lookup (m, table, v->i, &target))
        {
          g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                       _("%s %lld of %s refers to %s %lld, which was not copied; nothing more was copied"),
                       spec->table, (long long) row_id (row), m->label, table, (long long) v->i);
          return FALSE;
        }
      value_set_int (v, target);
    }
  return TRUE;
}

/* An amendment names the record it corrects ("vote:12"), and its generated description
 * repeats it ("reason of vote:12: …"): both name the target's row. */
static gboolean
map_amendment (Migration  *m,
               GArray     *row,
               GError    **error)
{
  Value *record = row_get (row, "record");
  Value *field = row_get (row, "field");
  Value *change = row_get (row, "change");
  g_auto(GStrv) parts = NULL;
  g_autofree char *renamed = NULL;
  gint64 source_id, target_id;
  char *end = NULL;

  if (record == NULL || record->text == NULL)
    return TRUE;
  parts = g_strsplit (record->text, ":", 2);
  if (parts[0] == NULL || parts[1] == NULL)
    return TRUE;
  source_id = g_ascii_strtoll (parts[1], &end, 10);
  if (*end != '\0' || !map_lookup (m, parts[0], source_id, &target_id))
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                   _("amendment %lld of %s corrects %s, which was not copied; nothing more was copied"),
                   (long long) row_id (row), m->label, record->text);
      return FALSE;
    }
  renamed = g_strdup_printf ("%s:%" G_GINT64_FORMAT, parts[0], target_id);
  if (change != NULL && change->text != NULL && field != NULL && field->text != NULL)
    {
      g_autofree char *old_head = g_strdup_printf ("%s of %s: ", field->text, record->text);

      if (g_str_has_prefix (change->text, old_head))
        {
          g_autofree char *text = g_strdup_printf ("%s of %s: %s", field->text, renamed,
                                                   change->text + strlen (old_head));
          value_set_text (change, text);
        }
    }
  value_set_text (record, renamed);
  return TRUE;
}

static void
bind_value (QuorumDbStmt *stmt,
            int           index,
            const Value  *v)
{
  switch (v->type)
    {
    case QUORUM_DB_TYPE_INTEGER:
      quorum_db_bind_int64 (stmt, index, v->i);
      break;
    case QUORUM_DB_TYPE_FLOAT:
      quorum_db_bind_double (stmt, index, v->f);
      break;
    case QUORUM_DB_TYPE_TEXT:
    case QUORUM_DB_TYPE_BLOB:
      quorum_db_bind_text (stmt, index, v->text);
      break;
    case QUORUM_DB_TYPE_NULL:
    default:
      quorum_db_bind_null (stmt, index);
      break;
    }
}

/* Inserts @row (its references mapped) into the target as a new row of @table; the new id. */
static gboolean
insert_row (Migration   *m,
            const char  *table,
            GArray      *row,
            gint64      *target_id,
            GError     **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) marks = g_string_new (NULL);
  QuorumDbStmt *stmt;
  int n = 0;

  /* The table and column names are the source's own schema's, which verify checked. */
  g_string_append_printf (sql, "INSERT INTO \"%s\" (", table);
  for (guint i = 0; i < row->len; i++)
    {
      Value *v = &g_array_index (row, Value, i);

      if (g_str_equal (v->name, "id"))
        continue;
      g_string_append_printf (sql, "%s\"%s\"", n > 0 ? ", " : "", v->name);
      g_string_append (marks, n > 0 ? ", ?" : "?");
      n++;
    }
  g_string_append_printf (sql, ") VALUES (%s) RETURNING id", marks->str);

  /* Interned: the connection's statement cache keys on the text and keeps it. */
  stmt = _quorum_store_prepare (m->to, g_intern_string (sql->str), error);
  if (stmt == NULL)
    return FALSE;
  n = 0;
  for (guint i = 0; i < row->len; i++)
    {
      Value *v = &g_array_index (row, Value, i);

      if (!g_str_equal (v->name, "id"))
        bind_value (stmt, ++n, v);
    }
  *target_id = 0;
  if (!_quorum_store_exec_insert (m->to, stmt, target_id, error))
    return FALSE;
  if (*target_id <= 0)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE, "%s: no id came back", table);
      return FALSE;
    }
  return TRUE;
}

static void
add_pending (Migration  *m,
             const char *table,
             const char *action,
             gint64      source_id,
             gint64      target_id,
             gint64      conference_id)
{
  Pending p = { g_intern_string (table), target_id, source_id, conference_id, action };

  g_array_append_val (m->pending, p);
}

/* Copies @row, a row of @spec's table, unless an earlier run did. @conference_id: the target's
 * conference the row belongs to, for its audit entry (0: read from the row). */
static gboolean
copy_row (Migration   *m,
          const Spec  *spec,
          GArray      *row,
          gint64       conference_id,
          gint64      *target_id,
          GError     **error)
{
  gint64 source_id = row_id (row);
  gint64 id = 0;

  if (map_lookup (m, spec->table, source_id, target_id))
    return TRUE;
  if (!map_refs (m, spec, row, error))
    return FALSE;
  if (g_str_equal (spec->table, "amendment") && !map_amendment (m, row, error))
    return FALSE;
  if (conference_id == 0)
    {
      Value *c = row_get (row, "conference_id");

      if (c != NULL && c->type == QUORUM_DB_TYPE_INTEGER)
        conference_id = c->i;
    }
  if (!insert_row (m, spec->table, row, &id, error))
    return FALSE;
  if (g_str_equal (spec->table, "conference"))
    conference_id = id;
  map_add (m, spec->table, source_id, id, MAPPED_COPIED);
  add_pending (m, spec->table, "insert", source_id, id, conference_id);
  if (target_id != NULL)
    *target_id = id;
  return TRUE;
}

/* Every row of @spec's table in the source whose @spec->scope is @scope_id (or every row). */
static gboolean
copy_rows (Migration   *m,
           const Spec  *spec,
           gint64       scope_id,
           gint64       conference_id,
           GError     **error)
{
  g_autofree char *sql = NULL;
  QuorumDbStmt *stmt;
  int rc;

  if (spec->scope != NULL)
    sql = g_strdup_printf ("SELECT * FROM \"%s\" WHERE \"%s\" = ? ORDER BY id", spec->table, spec->scope);
  else
    sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY id", spec->table);
  stmt = _quorum_store_prepare (m->from, g_intern_string (sql), error);
  if (stmt == NULL)
    return FALSE;
  if (spec->scope != NULL)
    quorum_db_bind_int64 (stmt, 1, scope_id);
  while ((rc = quorum_db_step (stmt, NULL)) == QUORUM_DB_ROW)
    {
      g_autoptr(GArray) row = read_row (stmt);

      if (!copy_row (m, spec, row, conference_id, NULL, error))
        {
          quorum_db_reset (stmt);
          return FALSE;
        }
    }
  quorum_db_reset (stmt);
  if (rc != QUORUM_DB_DONE)
    return _quorum_store_fail_read (m->from, error);
  return TRUE;
}

/* The audit entries of what this transaction copied: each row as it now stands. */
static gboolean
write_pending (Migration  *m,
               GError    **error)
{
  g_autofree char *prefix = summary_prefix (m);

  for (guint i = 0; i < m->pending->len; i++)
    {
      Pending *p = &g_array_index (m->pending, Pending, i);
      g_autofree char *summary = NULL;

      if (g_str_equal (p->action, "insert"))
        summary = g_strdup_printf ("%s%s %" G_GINT64_FORMAT " of %s", prefix, p->table, p->source_id, m->label);
      else
        summary = g_strdup_printf ("%s%s %" G_GINT64_FORMAT " of %s, completed as it stands there", prefix,
                                   p->table, p->source_id, m->label);
      if (!_quorum_store_audit (m->to, p->action, p->table, p->target_id, p->conference_id, summary, error))
        return FALSE;
    }
  g_array_set_size (m->pending, 0);
  return TRUE;
}

static gboolean
begin (Migration  *m,
       GError    **error)
{
  g_array_set_size (m->pending, 0);
  if (!_quorum_store_begin (m->to, error))
    return FALSE;
#ifdef QUORUM_HAVE_POSTGRES
  /* A server lets a row name someone other than its writer only in a migration's transaction
   * (the laptop's names kept), each row's entry saying it was migrated (docs/notes/pgactor.md). */
  if (quorum_db_get_backend (_quorum_store_get_connection (m->to)) == QUORUM_DB_BACKEND_POSTGRES &&
      !quorum_pg_begin_migration (_quorum_store_get_connection (m->to), error))
    {
      _quorum_store_rollback (m->to);
      return FALSE;
    }
#endif
  /* Under the write lock: what another run of the same source committed since. */
  if (!load_map (m, error))
    {
      _quorum_store_rollback (m->to);
      return FALSE;
    }
  return TRUE;
}

static gboolean
commit (Migration  *m,
        GError    **error)
{
  if (!write_pending (m, error))
    return FALSE;
  return _quorum_store_commit (m->to, error);
}

/* The ids of every row of @table in the source, in order. */
static GArray *
source_ids (Migration   *m,
            const char  *table,
            GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM \"%s\" ORDER BY id", table);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  QuorumDbStmt *stmt = _quorum_store_prepare (m->from, g_intern_string (sql), error);
  int rc;

  if (stmt == NULL)
    {
      g_array_unref (ids);
      return NULL;
    }
  while ((rc = quorum_db_step (stmt, NULL)) == QUORUM_DB_ROW)
    {
      gint64 id = quorum_db_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  quorum_db_reset (stmt);
  if (rc != QUORUM_DB_DONE)
    {
      g_array_unref (ids);
      _quorum_store_fail_read (m->from, error);
      return NULL;
    }
  return ids;
}

static GArray *
read_source_row (Migration   *m,
                 const char  *table,
                 gint64       id,
                 GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" WHERE id = ?", table);
  QuorumDbStmt *stmt = _quorum_store_prepare (m->from, g_intern_string (sql), error);
  GArray *row = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  quorum_db_bind_int64 (stmt, 1, id);
  rc = quorum_db_step (stmt, NULL);
  if (rc == QUORUM_DB_ROW)
    row = read_row (stmt);
  quorum_db_reset (stmt);
  if (row == NULL)
    {
      if (rc == QUORUM_DB_DONE)
        g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE, "%s %lld of %s is gone", table, (long long) id, m->label);
      else
        _quorum_store_fail_read (m->from, error);
    }
  return row;
}

/* A text column of a target row. */
static gboolean
target_text (Migration   *m,
             const char  *sql,
             gint64       id,
             char       **out,
             GError     **error)
{
  QuorumDbStmt *stmt = _quorum_store_prepare (m->to, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  quorum_db_bind_int64 (stmt, 1, id);
  rc = quorum_db_step (stmt, NULL);
  *out = rc == QUORUM_DB_ROW ? _quorum_column_dup (stmt, 0) : NULL;
  quorum_db_reset (stmt);
  if (rc != QUORUM_DB_ROW)
    return _quorum_store_fail_read (m->to, error);
  return TRUE;
}

static gboolean
copy_closure_days (Migration  *m,
                   GError    **error)
{
  QuorumDbStmt *stmt;
  int rc = QUORUM_DB_DONE;
  gboolean ok = TRUE;

  stmt = _quorum_store_prepare (m->from, "SELECT * FROM closure_day ORDER BY id", error);
  if (stmt == NULL || !begin (m, error))
    return FALSE;
  while (ok && (rc = quorum_db_step (stmt, NULL)) == QUORUM_DB_ROW)
    {
      g_autoptr(GArray) row = read_row (stmt);
      gint64 source_id = row_id (row);
      Value *region = row_get (row, "region");
      Value *date = row_get (row, "date");
      QuorumDbStmt *find;
      gint64 existing = 0;

      if (map_lookup (m, "closure_day", source_id, NULL))
        continue;
      /* A day the target closes already (two laptops of one authority) is the same day. */
      find = _quorum_store_prepare (m->to, "SELECT id FROM closure_day WHERE region = ? AND date = ?", error);
      if (find == NULL)
        {
          ok = FALSE;
          break;
        }
      _quorum_bind_text (find, 1, region ? region->text : NULL);
      _quorum_bind_text (find, 2, date ? date->text : NULL);
      if (quorum_db_step (find, NULL) == QUORUM_DB_ROW)
        existing = quorum_db_column_int64 (find, 0);
      quorum_db_reset (find);
      if (existing > 0)
        map_add (m, "closure_day", source_id, existing, MAPPED_MATCHED);
      else
        ok = copy_row (m, &closure_spec, row, 0, NULL, error);
    }
  quorum_db_reset (stmt);
  if (ok && rc != QUORUM_DB_DONE)
    ok = _quorum_store_fail_read (m->from, error);
  if (ok)
    ok = commit (m, error);
  if (!ok)
    _quorum_store_rollback (m->to);
  return ok;
}

/* One conference, whole, in one transaction. */
static gboolean
copy_conference (Migration  *m,
                 gint64      source_id,
                 GError    **error)
{
  g_autoptr(GArray) row = read_source_row (m, "conference", source_id, error);
  g_autofree char *finalised_at = NULL;
  g_autofree char *finalised_by = NULL;
  g_autofree char *target_finalised = NULL;
  gint64 target_id = 0;
  gboolean existed;

  if (row == NULL)
    return FALSE;
  {
    Value *at = row_get (row, "finalised_at");
    Value *by = row_get (row, "finalised_by");

    finalised_at = at != NULL ? g_strdup (at->text) : NULL;
    finalised_by = by != NULL ? g_strdup (by->text) : NULL;
    /* In unsigned: the sign-off triggers refuse what is added to a signed-off conference. */
    if (at != NULL)
      value_set_text (at, NULL);
    if (by != NULL)
      value_set_text (by, NULL);
  }

  if (!begin (m, error))
    return FALSE;
  existed = map_lookup (m, "conference", source_id, &target_id);
  if (!copy_row (m, &conference_spec, row, 0, &target_id, error))
    goto fail;
  for (guint i = 0; i < G_N_ELEMENTS (conference_specs); i++)
    if (!copy_rows (m, &conference_specs[i], source_id, target_id, error))
      goto fail;

  if (finalised_at != NULL)
    {
      if (!target_text (m, "SELECT finalised_at FROM conference WHERE id = ?", target_id, &target_finalised, error))
        goto fail;
      if (target_finalised == NULL)
        {
          QuorumDbStmt *stmt = _quorum_store_prepare (m->to,
                                                      "UPDATE conference SET finalised_at = ?, finalised_by = ? "
                                                      "WHERE id = ?", error);
          if (stmt == NULL)
            goto fail;
          _quorum_bind_text (stmt, 1, finalised_at);
          _quorum_bind_text (stmt, 2, finalised_by);
          quorum_db_bind_int64 (stmt, 3, target_id);
          if (!_quorum_store_exec_stmt (m->to, stmt, error))
            goto fail;
          /* Copied by an earlier run and signed off since: its change is an entry of its own. */
          if (existed)
            add_pending (m, "conference", "update", source_id, target_id, target_id);
        }
    }
  if (!copy_rows (m, &amendment_spec, source_id, target_id, error))
    goto fail;
  if (!commit (m, error))
    return FALSE;
  return TRUE;

fail:
  _quorum_store_rollback (m->to);
  return FALSE;
}

/* One difference, whole, in one transaction. */
static gboolean
copy_difference (Migration  *m,
                 gint64      source_id,
                 GError    **error)
{
  static const char * const resolution[] = {
    "resolved_on", "resolved_by", "outcome", "challenge_outcome", "feedback_to", "feedback_on", NULL
  };
  g_autoptr(GArray) row = read_source_row (m, "difference", source_id, error);
  g_autoptr(GArray) final = NULL;
  g_autofree char *target_status = NULL;
  gint64 target_id = 0;
  gint64 conference_id = 0;
  gboolean existed;
  Value *status;

  if (row == NULL)
    return FALSE;
  final = read_source_row (m, "difference", source_id, error);
  if (final == NULL)
    return FALSE;
  /* In open at its last stage: a resolved difference takes no stage or note, and a stage is
   * only ever climbed one (or over an alternative, two) at a time. */
  status = row_get (row, "status");
  if (status != NULL)
    value_set_text (status, "open");
  for (guint i = 0; resolution[i] != NULL; i++)
    {
      Value *v = row_get (row, resolution[i]);
      if (v != NULL)
        value_set_text (v, NULL);
    }
  {
    Value *debrief = row_get (row, "debrief");
    Value *review = row_get (row, "protocol_review");

    if (debrief != NULL)
      value_set_int (debrief, 0);
    if (review != NULL)
      value_set_int (review, 0);
  }

  if (!begin (m, error))
    return FALSE;
  existed = map_lookup (m, "difference", source_id, &target_id);
  if (!copy_row (m, &difference_spec, row, 0, &target_id, error))
    goto fail;
  {
    Value *c = row_get (row, "conference_id");
    if (c != NULL && c->type == QUORUM_DB_TYPE_INTEGER)
      conference_id = c->i;
    if (existed && c != NULL && c->type == QUORUM_DB_TYPE_INTEGER)
      map_lookup (m, "conference", c->i, &conference_id);
  }
  for (guint i = 0; i < G_N_ELEMENTS (difference_specs); i++)
    if (!copy_rows (m, &difference_specs[i], source_id, conference_id, error))
      goto fail;

  {
    Value *final_status = row_get (final, "status");

    if (!target_text (m, "SELECT status FROM difference WHERE id = ?", target_id, &target_status, error))
      goto fail;
    if (final_status != NULL && g_strcmp0 (final_status->text, "open") != 0 &&
        g_strcmp0 (target_status, "open") == 0)
      {
        QuorumDbStmt *stmt = _quorum_store_prepare (m->to,
                                                    "UPDATE difference SET status = ?, resolved_on = ?, resolved_by = ?, "
                                                    "outcome = ?, challenge_outcome = ?, feedback_to = ?, feedback_on = ?, "
                                                    "debrief = ?, protocol_review = ? WHERE id = ?", error);
        int n = 1;

        if (stmt == NULL)
          goto fail;
        bind_value (stmt, n++, final_status);
        for (guint i = 0; resolution[i] != NULL; i++)
          {
            Value *v = row_get (final, resolution[i]);
            if (v != NULL)
              bind_value (stmt, n, v);
            else
              quorum_db_bind_null (stmt, n);
            n++;
          }
        {
          Value *debrief = row_get (final, "debrief");
          Value *review = row_get (final, "protocol_review");

          quorum_db_bind_int64 (stmt, n++, debrief != NULL ? debrief->i : 0);
          quorum_db_bind_int64 (stmt, n++, review != NULL ? review->i : 0);
        }
        quorum_db_bind_int64 (stmt, n, target_id);
        if (!_quorum_store_exec_stmt (m->to, stmt, error))
          goto fail;
        if (existed)
          add_pending (m, "difference", "update", source_id, target_id, conference_id);
      }
  }
  if (!commit (m, error))
    return FALSE;
  return TRUE;

fail:
  _quorum_store_rollback (m->to);
  return FALSE;
}

/* The rows that refer across conferences and differences, BATCH to a transaction. */
static gboolean
copy_later (Migration   *m,
            const Spec  *spec,
            GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY id", spec->table);
  QuorumDbStmt *stmt = _quorum_store_prepare (m->from, g_intern_string (sql), error);
  gboolean in_tx = FALSE;
  guint n = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = quorum_db_step (stmt, NULL)) == QUORUM_DB_ROW)
    {
      g_autoptr(GArray) row = read_row (stmt);

      if (map_lookup (m, spec->table, row_id (row), NULL))
        continue;
      if (!in_tx)
        {
          if (!begin (m, error))
            goto fail;
          in_tx = TRUE;
        }
      if (!copy_row (m, spec, row, 0, NULL, error))
        goto fail;
      if (++n % BATCH == 0)
        {
          in_tx = FALSE;
          if (!commit (m, error))
            goto fail;
        }
    }
  if (rc != QUORUM_DB_DONE)
    {
      _quorum_store_fail_read (m->from, error);
      goto fail;
    }
  quorum_db_reset (stmt);
  if (in_tx)
    return commit (m, error);
  return TRUE;

fail:
  quorum_db_reset (stmt);
  if (in_tx)
    _quorum_store_rollback (m->to);
  return FALSE;
}

/* ---- rows changed at the source after they were copied ---- */

/* One value as the audit log's canonical form writes it (quorum-store-audit.c, append_row). */
static void
append_canonical_value (GString     *out,
                        const Value *v)
{
  switch (v->type)
    {
    case QUORUM_DB_TYPE_NULL:
      g_string_append (out, "N");
      break;
    case QUORUM_DB_TYPE_INTEGER:
      g_string_append_printf (out, "i%" G_GINT64_FORMAT, v->i);
      break;
    case QUORUM_DB_TYPE_FLOAT:
      g_string_append_printf (out, "f%.17g", v->f);
      break;
    case QUORUM_DB_TYPE_BLOB:
      {
        gsize len = v->text != NULL ? strlen (v->text) : 0;

        g_string_append_printf (out, "b%d:", (int) len);
        for (gsize j = 0; j < len; j++)
          g_string_append_printf (out, "%02x", (guint8) v->text[j]);
      }
      break;
    case QUORUM_DB_TYPE_TEXT:
    default:
      g_string_append_printf (out, "t%d:", (int) (v->text != NULL ? strlen (v->text) : 0));
      if (v->text != NULL)
        g_string_append (out, v->text);
      break;
    }
}

/* An entry's data (a row in canonical form) as column → value, NULL when it does not parse.
 * Compared by name, not by place: a column added by a migration stands last in an old SQLite
 * file and in its place in a server's schema. */
static GHashTable *
parse_canonical (const char *data)
{
  g_autoptr(GHashTable) columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *p = data;

  while (p != NULL && *p != '\0')
    {
      const char *eq = strchr (p, '=');
      const char *value;
      const char *end;

      if (eq == NULL || eq[1] == '\0')
        return NULL;
      value = eq + 1;
      if (*value == 't' || *value == 'b')
        {
          char *colon = NULL;
          gint64 len = g_ascii_strtoll (value + 1, &colon, 10);

          if (colon == NULL || *colon != ':' || len < 0)
            return NULL;
          if (*value == 'b')
            len *= 2;
          if ((gint64) strlen (colon + 1) < len)
            return NULL;
          end = colon + 1 + len;
        }
      else
        end = strchr (value, '\n');
      if (end == NULL || *end != '\n')
        return NULL;
      g_hash_table_insert (columns, g_strndup (p, eq - p), g_strndup (value, end - value));
      p = end + 1;
    }
  return g_steal_pointer (&columns);
}

/* The data of the newest migration entry of every row this source put here: "table:id" (the
 * target's) → the row as it was copied (or completed). */
static GHashTable *
load_copied_data (Migration  *m,
                  GError    **error)
{
  g_autofree char *prefix = summary_prefix (m);
  g_autofree char *pattern = g_strconcat (prefix, "%", NULL);
  g_autoptr(GHashTable) copied = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  QuorumDbStmt *stmt;
  int rc;

  stmt = _quorum_store_prepare (m->to,
                                "SELECT entity, entity_id, data FROM audit "
                                "WHERE summary LIKE ? AND data IS NOT NULL ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  quorum_db_bind_text (stmt, 1, pattern);
  while ((rc = quorum_db_step (stmt, NULL)) == QUORUM_DB_ROW)
    g_hash_table_insert (copied,
                         g_strdup_printf ("%s:%" G_GINT64_FORMAT, quorum_db_column_text (stmt, 0),
                                          quorum_db_column_int64 (stmt, 1)),
                         _quorum_column_dup (stmt, 2));
  quorum_db_reset (stmt);
  if (rc != QUORUM_DB_DONE)
    {
      _quorum_store_fail_read (m->to, error);
      return NULL;
    }
  return g_steal_pointer (&copied);
}

/* The names of @row's columns (mapped to the target's ids) that differ from @data, the row as
 * it was copied; NULL when none do. */
static char *
changed_columns (GArray     *row,
                 const char *data)
{
  g_autoptr(GHashTable) then = parse_canonical (data);
  g_autoptr(GString) changed = g_string_new (NULL);

  if (then == NULL)
    return g_strdup ("?");
  for (guint i = 0; i < row->len; i++)
    {
      Value *v = &g_array_index (row, Value, i);
      g_autoptr(GString) now = g_string_new (NULL);
      const char *was = g_hash_table_lookup (then, v->name);

      append_canonical_value (now, v);
      /* A column a later migration added is left out of the canonical form while NULL
       * (quorum-store-audit.c): absent there and NULL here are the same. */
      if (was == NULL && v->type == QUORUM_DB_TYPE_NULL)
        continue;
      if (g_strcmp0 (was, now->str) != 0)
        g_string_append_printf (changed, "%s%s", changed->len > 0 ? ", " : "", v->name);
      g_hash_table_remove (then, v->name);
    }
  if (g_hash_table_size (then) > 0 && changed->len == 0)
    g_string_append (changed, "?");
  return changed->len > 0 ? g_string_free (g_steal_pointer (&changed), FALSE) : NULL;
}

/* The source's conference a row of @table belongs to (its own id for a conference), or 0. */
static gint64
row_conference (const char *table,
                GArray     *row)
{
  Value *c = row_get (row, g_str_equal (table, "conference") ? "id" : "conference_id");

  return c != NULL && c->type == QUORUM_DB_TYPE_INTEGER ? c->i : 0;
}

/* Refuses (QUORUM_ERROR_INVALID, before anything is written) a row of @spec's table that this
 * source changed after it was copied. The copy adds what is missing; it never writes over a
 * record it copied, which the shared database may have built on since. A conference copied
 * unsigned and signed off there since, and a difference copied open and resolved since, are
 * not changes: the copy completes them, with an entry of its own, as before. */
static gboolean
check_table_unchanged (Migration   *m,
                       const Spec  *spec,
                       GHashTable  *copied,
                       GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY id", spec->table);
  QuorumDbStmt *stmt = _quorum_store_prepare (m->from, g_intern_string (sql), error);
  gboolean ok = TRUE;
  int rc = QUORUM_DB_DONE;

  if (stmt == NULL)
    return FALSE;
  while (ok && (rc = quorum_db_step (stmt, NULL)) == QUORUM_DB_ROW)
    {
      g_autoptr(GArray) row = read_row (stmt);
      g_autoptr(GError) ignored = NULL;
      g_autofree char *key = NULL;
      g_autofree char *changed = NULL;
      gint64 source_id = row_id (row);
      gint64 conference = row_conference (spec->table, row);
      gint64 target_id = 0;
      const char *data;

      if (!map_lookup (m, spec->table, source_id, &target_id))
        continue;
      key = g_strdup_printf ("%s:%" G_GINT64_FORMAT, spec->table, target_id);
      data = g_hash_table_lookup (copied, key);
      /* A closure day the target had already: not copied, nothing to compare. */
      if (data == NULL)
        continue;
      /* A reference the map cannot follow is copy's to report, with its own message. */
      if (!map_refs (m, spec, row, &ignored) ||
          (g_str_equal (spec->table, "amendment") && !map_amendment (m, row, &ignored)))
        continue;
      value_set_int (row_get (row, "id"), target_id);
      if (g_str_equal (spec->table, "conference") && strstr (data, "\nfinalised_at=N\n") != NULL)
        {
          value_set_text (row_get (row, "finalised_at"), NULL);
          value_set_text (row_get (row, "finalised_by"), NULL);
        }
      if (g_str_equal (spec->table, "difference") && strstr (data, "\nstatus=t4:open\n") != NULL)
        {
          static const char * const resolution[] = {
            "resolved_on", "resolved_by", "outcome", "challenge_outcome", "feedback_to", "feedback_on", NULL
          };

          value_set_text (row_get (row, "status"), "open");
          for (guint i = 0; resolution[i] != NULL; i++)
            if (row_get (row, resolution[i]) != NULL)
              value_set_text (row_get (row, resolution[i]), NULL);
          if (row_get (row, "debrief") != NULL)
            value_set_int (row_get (row, "debrief"), 0);
          if (row_get (row, "protocol_review") != NULL)
            value_set_int (row_get (row, "protocol_review"), 0);
        }
      changed = changed_columns (row, data);
      if (changed == NULL)
        continue;

      ok = FALSE;
      if (conference > 0)
        {
          gint64 here = 0;

          map_lookup (m, "conference", conference, &here);
          /* Translators: "Conference 3 of laptop.db (conference 7 here) was changed there after it
           * was copied: vote 12 is not as it was copied (view, reason). …" */
          g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                       _("Conference %lld of %s (conference %lld here) was changed there after it was copied: "
                         "%s %lld is not as it was copied (%s). A migration adds what is missing and never "
                         "writes over what it copied: record the change in this database instead. Nothing was copied."),
                       (long long) conference, m->label, (long long) here, spec->table, (long long) source_id, changed);
        }
      else
        g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                     _("%s %lld of %s was changed there after it was copied (%s). A migration adds what is missing "
                       "and never writes over what it copied: record the change in this database instead. "
                       "Nothing was copied."),
                     spec->table, (long long) source_id, m->label, changed);
    }
  quorum_db_reset (stmt);
  if (ok && rc != QUORUM_DB_DONE)
    return _quorum_store_fail_read (m->from, error);
  return ok;
}

/* Whether the source's conference @source_id has rows of its own (not amendments) that are
 * not in the target yet; @what names the first. */
static gboolean
conference_has_missing (Migration  *m,
                        gint64      source_id,
                        char      **what,
                        GError    **error)
{
  *what = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (conference_specs) && *what == NULL; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT id FROM \"%s\" WHERE \"%s\" = ? ORDER BY id",
                                              conference_specs[i].table, conference_specs[i].scope);
      QuorumDbStmt *stmt = _quorum_store_prepare (m->from, g_intern_string (sql), error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      quorum_db_bind_int64 (stmt, 1, source_id);
      while ((rc = quorum_db_step (stmt, NULL)) == QUORUM_DB_ROW)
        if (!map_lookup (m, conference_specs[i].table, quorum_db_column_int64 (stmt, 0), NULL))
          {
            *what = g_strdup_printf ("%s %lld", conference_specs[i].table, (long long) quorum_db_column_int64 (stmt, 0));
            break;
          }
      quorum_db_reset (stmt);
      if (*what == NULL && rc != QUORUM_DB_DONE)
        return _quorum_store_fail_read (m->from, error);
    }
  return TRUE;
}

/* Refuses, before anything is written, what the copy could only make half of: a conference
 * with new records at the source whose copy here was signed off, or recorded in, since (the
 * triggers would refuse the new rows after other conferences were in, or they would be mixed
 * with what was recorded here). */
static gboolean
check_conferences_not_moved_on (Migration  *m,
                                GError    **error)
{
  g_autofree char *prefix = summary_prefix (m);
  g_autofree char *pattern = g_strconcat (prefix, "%", NULL);
  g_autoptr(GArray) ids = source_ids (m, "conference", error);

  if (ids == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 source_id = g_array_index (ids, gint64, i);
      g_autofree char *missing = NULL;
      g_autofree char *finalised = NULL;
      gint64 target_id = 0;
      gint64 recorded_here = 0;
      QuorumDbStmt *stmt;
      int rc;

      if (!map_lookup (m, "conference", source_id, &target_id))
        continue;
      if (!conference_has_missing (m, source_id, &missing, error))
        return FALSE;
      if (missing == NULL)
        continue;
      if (!target_text (m, "SELECT finalised_at FROM conference WHERE id = ?", target_id, &finalised, error))
        return FALSE;
      stmt = _quorum_store_prepare (m->to,
                                    "SELECT count(*) FROM audit WHERE conference_id = ? "
                                    "AND (summary IS NULL OR summary NOT LIKE ?)", error);
      if (stmt == NULL)
        return FALSE;
      quorum_db_bind_int64 (stmt, 1, target_id);
      quorum_db_bind_text (stmt, 2, pattern);
      rc = quorum_db_step (stmt, NULL);
      if (rc == QUORUM_DB_ROW)
        recorded_here = quorum_db_column_int64 (stmt, 0);
      quorum_db_reset (stmt);
      if (rc != QUORUM_DB_ROW)
        return _quorum_store_fail_read (m->to, error);
      if (finalised == NULL && recorded_here == 0)
        continue;
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   finalised != NULL
                   ? _("Conference %lld of %s has records added there since it was copied (%s), but its copy here "
                       "(conference %lld) has been signed off since: the copy cannot take them. Nothing was copied.")
                   : _("Conference %lld of %s has records added there since it was copied (%s), and its copy here "
                       "(conference %lld) has been recorded in since: the two cannot be merged without a person's "
                       "choice. Record what is missing in this database instead. Nothing was copied."),
                   (long long) source_id, m->label, missing, (long long) target_id);
      return FALSE;
    }
  return TRUE;
}

/* Nothing this source holds is behind what was copied from it: refused before any write. */
static gboolean
check_unchanged (Migration  *m,
                 GError    **error)
{
  g_autoptr(GHashTable) copied = load_copied_data (m, error);

  if (copied == NULL)
    return FALSE;
  if (g_hash_table_size (copied) == 0)
    return TRUE;
  if (!check_table_unchanged (m, &closure_spec, copied, error) ||
      !check_table_unchanged (m, &conference_spec, copied, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (conference_specs); i++)
    if (!check_table_unchanged (m, &conference_specs[i], copied, error))
      return FALSE;
  if (!check_table_unchanged (m, &amendment_spec, copied, error) ||
      !check_table_unchanged (m, &difference_spec, copied, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (difference_specs); i++)
    if (!check_table_unchanged (m, &difference_specs[i], copied, error))
      return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (later_specs); i++)
    if (!check_table_unchanged (m, &later_specs[i], copied, error))
      return FALSE;
  return check_conferences_not_moved_on (m, error);
}

/* Every audited table has its place above: a table added to the schema and not here would be
 * left behind without a word. */
static gboolean
check_tables_known (GError **error)
{
  for (guint i = 0; _quorum_store_audited_tables[i] != NULL; i++)
    {
      const char *table = _quorum_store_audited_tables[i];
      gboolean known = g_str_equal (table, closure_spec.table) || g_str_equal (table, conference_spec.table) ||
                       g_str_equal (table, amendment_spec.table) || g_str_equal (table, difference_spec.table);

      for (guint j = 0; !known && j < G_N_ELEMENTS (conference_specs); j++)
        known = g_str_equal (table, conference_specs[j].table);
      for (guint j = 0; !known && j < G_N_ELEMENTS (difference_specs); j++)
        known = g_str_equal (table, difference_specs[j].table);
      for (guint j = 0; !known && j < G_N_ELEMENTS (later_specs); j++)
        known = g_str_equal (table, later_specs[j].table);
      if (!known)
        {
          g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                       _("The migration does not know how to copy the table %s; nothing was copied"), table);
          return FALSE;
        }
    }
  return TRUE;
}

/* Whether the target closes the day of the source's closure day @id already. */
static gboolean
closure_day_in_target (Migration  *m,
                       gint64      id,
                       gboolean   *found,
                       GError    **error)
{
  g_autoptr(GArray) row = read_source_row (m, "closure_day", id, error);
  Value *region, *date;
  QuorumDbStmt *find;
  int rc;

  if (row == NULL)
    return FALSE;
  region = row_get (row, "region");
  date = row_get (row, "date");
  find = _quorum_store_prepare (m->to, "SELECT id FROM closure_day WHERE region = ? AND date = ?", error);
  if (find == NULL)
    return FALSE;
  _quorum_bind_text (find, 1, region ? region->text : NULL);
  _quorum_bind_text (find, 2, date ? date->text : NULL);
  rc = quorum_db_step (find, NULL);
  quorum_db_reset (find);
  if (rc != QUORUM_DB_ROW && rc != QUORUM_DB_DONE)
    return _quorum_store_fail_read (m->to, error);
  *found = rc == QUORUM_DB_ROW;
  return TRUE;
}

/* How many rows of the source are not in the target yet (a closure day the target closes
 * already is there). */
static gboolean
count_missing (Migration  *m,
               guint      *missing,
               GError    **error)
{
  *missing = 0;
  for (guint i = 0; _quorum_store_audited_tables[i] != NULL; i++)
    {
      const char *table = _quorum_store_audited_tables[i];
      g_autoptr(GArray) ids = source_ids (m, table, error);

      if (ids == NULL)
        return FALSE;
      for (guint j = 0; j < ids->len; j++)
        {
          gint64 id = g_array_index (ids, gint64, j);
          gboolean found = FALSE;

          if (map_lookup (m, table, id, NULL))
            continue;
          if (g_str_equal (table, "closure_day") && !closure_day_in_target (m, id, &found, error))
            return FALSE;
          if (!found)
            (*missing)++;
        }
    }
  return TRUE;
}

static gboolean
verify_or_refuse (QuorumStore  *store,
                  const char   *what,
                  guint        *checked,
                  GError      **error)
{
  g_autoptr(QuorumVerifyReport) report = quorum_store_verify_report (store, NULL, error);

  if (report == NULL)
    return FALSE;
  *checked = report->checked;
  if (!report->ok)
    {
      const char *why = report->problems->len > 0 ? report->problems->pdata[0]
                      : report->unverified->len > 0 ? report->unverified->pdata[0] : "";
      /* Translators: the first %s is "the source PATH" or "the target database", the second why. */
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("%s fails verify (%s); nothing was copied"), what, why);
      return FALSE;
    }
  return TRUE;
}

static QuorumMigrateReport *
migrate_from_once (QuorumStore  *to,
                   QuorumStore  *from,
                   const char   *from_label,
                   GError      **error)
{
  g_autoptr(QuorumMigrateReport) report = g_new0 (QuorumMigrateReport, 1);
  g_autoptr(GHashTable) map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) tables = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) pending = g_array_new (FALSE, FALSE, sizeof (Pending));
  g_autofree char *source_what = NULL;
  g_autofree char *target_what = NULL;
  Migration m = { to, from, from_label, report, map, tables, pending };
  gboolean began = FALSE;
  guint missing = 0;
  gboolean ok = FALSE;

  g_return_val_if_fail (QUORUM_IS_STORE (to), NULL);
  g_return_val_if_fail (QUORUM_IS_STORE (from), NULL);

  report->tables = g_ptr_array_new_with_free_func (migrate_table_free);
  if (from_label == NULL)
    m.label = from_label = quorum_store_get_path (from);

  if (!check_tables_known (error))
    return NULL;

  /* Translators: the subject of "%s fails verify". */
  source_what = g_strdup_printf (_("the source %s"), from_label);
  target_what = g_strdup (_("the target database"));
  if (!verify_or_refuse (from, source_what, &report->source_checked, error) ||
      !verify_or_refuse (to, target_what, &report->target_checked_before, error))
    return NULL;

  report->source_database = meta_value (from, "database_id");
  report->target_database = meta_value (to, "database_id");
  if (report->source_database == NULL || *report->source_database == '\0')
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("%s has no database id, so what was copied from it could not be told apart; nothing was copied"),
                   from_label);
      return NULL;
    }
  if (g_strcmp0 (report->source_database, report->target_database) == 0)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("%s is the target database itself (or a copy of it); nothing was copied"), from_label);
      return NULL;
    }
  if (quorum_store_get_schema_version (from) != quorum_store_get_schema_version (to))
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("%s is at schema version %d and the target at %d: open the older with this version "
                     "of Quorum first; nothing was copied"),
                   from_label, quorum_store_get_schema_version (from), quorum_store_get_schema_version (to));
      return NULL;
    }

  /* One snapshot of the source throughout. */
  if (!_quorum_store_begin_read (from, &began, error))
    return NULL;

  if (!load_map (&m, error) || !check_unchanged (&m, error) || !count_missing (&m, &missing, error))
    goto out;
  for (guint i = 0; i < report->tables->len; i++)
    report->resumed |= ((QuorumMigrateTable *) report->tables->pdata[i])->already > 0;
  if (missing == 0 && report->resumed)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("%s was migrated into this database already (database %s): every record of it is "
                     "here; nothing was copied"), from_label, report->source_database);
      goto out;
    }

  if (!copy_closure_days (&m, error))
    goto out;
  {
    g_autoptr(GArray) ids = source_ids (&m, "conference", error);

    if (ids == NULL)
      goto out;
    for (guint i = 0; i < ids->len; i++)
      if (!copy_conference (&m, g_array_index (ids, gint64, i), error))
        goto out;
  }
  {
    g_autoptr(GArray) ids = source_ids (&m, "difference", error);

    if (ids == NULL)
      goto out;
    for (guint i = 0; i < ids->len; i++)
      if (!copy_difference (&m, g_array_index (ids, gint64, i), error))
        goto out;
  }
  for (guint i = 0; i < G_N_ELEMENTS (later_specs); i++)
    if (!copy_later (&m, &later_specs[i], error))
      goto out;
  ok = TRUE;

out:
  _quorum_store_end_read (from, began);
  if (!ok)
    return NULL;

  {
    g_autoptr(QuorumVerifyReport) after = quorum_store_verify_report (to, NULL, error);

    if (after == NULL)
      return NULL;
    report->target_checked_after = after->checked;
    if (!after->ok)
      {
        const char *why = after->problems->len > 0 ? after->problems->pdata[0]
                        : after->unverified->len > 0 ? after->unverified->pdata[0] : "";
        g_set_error (error, QUORUM_ERROR, after->problems->len > 0 ? QUORUM_ERROR_TAMPERED : QUORUM_ERROR_UNVERIFIED,
                     _("The records were copied but the target fails verify: %s"), why);
        return NULL;
      }
  }
  return g_steal_pointer (&report);
}

/* A conflict (a deadlock or serialization failure on a server) aborts one batch: the migration runs
 * again from the start, which resumes where it stopped (what is already copied is read back from
 * the target's audit log). */
QuorumMigrateReport *
quorum_store_migrate_from (QuorumStore  *to,
                           QuorumStore  *from,
                           const char   *from_label,
                           GError      **error)
{
  _QUORUM_STORE_RETRYING (to, error, QuorumMigrateReport *, migrate_from_once (to, from, from_label, &retry_error));
}
