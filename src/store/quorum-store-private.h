/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-store-private.h: what the store's files share. Nothing outside src/store includes it. */
#pragma once

#include "quorum-store.h"
#include "quorum-db.h"
/* The SQLite-only parts (the file, its schema, backups) and the tests reach the handle. */
#include "sqlite/quorum-db-sqlite.h"

G_BEGIN_DECLS

/* A referral's state (QuorumReferralState: 0 not sent, 1 awaiting the panel, 2 decided), whether
 * it is overdue as of ?1 (not sent by its due date, or sent and not heard by the panel's due date),
 * and its next deadline: worked out here only, for the rows as for the page's orders, filters and
 * counts (the chart's by month too, quorum-store-report.c), so a row never says other than where
 * it was sorted or counted.
 * All as they stood on ?1 (DOMAIN 4, "Plans, referrals and notices over time"): a referral sent,
 * or a panel heard, after ?1 had not been yet. Plain comparisons of the row's own columns, as
 * before: the scan is the same, no index is lost. */
#define R_SENT    "(r.notified IS NOT NULL AND r.notified <= ?1)"
#define R_UNSENT  "(r.notified IS NULL OR r.notified > ?1)"
#define R_UNHEARD "(r.panel_date IS NULL OR r.panel_date > ?1)"
#define R_DECIDED "(coalesce (r.outcome, 'none') <> 'none' AND r.panel_date IS NOT NULL AND r.panel_date <= ?1)"
/* A referral existed on ?1 once what made it had happened: a split vote's once its conference
 * had been held; a Safeguarding Co-ordinator's (Buckinghamshire's challenge route) once the
 * Co-ordinator had decided to refer, which is after the conference. One not yet made is not
 * "not yet sent": it is neither listed nor counted as of ?1. (The challenges decided after ?1
 * are a handful, read once per statement, not once a row.) */
#define R_EXISTS  "(c.date <= ?1 AND r.id NOT IN (SELECT k.referral_id FROM challenge k " \
                  "WHERE k.referral_id IS NOT NULL AND k.decided_on > ?1))"
/* The outcome as it stood on ?1: the one a correction made after it replaced (AFTER: the
 * statement's parameter holding quorum_timestamp_after_local_day (?1)), or the record's. As the
 * table's Outcome cell says it (quorum_referral_as_of ()). */
#define R_OUTCOME_THEN(AFTER) \
  "coalesce ((SELECT k.old_value FROM referral_correction k WHERE k.referral_id = r.id " \
  "AND k.field = 'outcome' AND k.recorded_at >= " AFTER " ORDER BY k.id LIMIT 1), r.outcome)"
/* Whether the referral was corrected after ?1 (AFTER: the parameter holding
 * quorum_timestamp_after_local_day (?1)): its columns then said otherwise than R_STATE,
 * R_OVERDUE and R_NEXT read them now, so it is judged apart, in C, as it stood then (a handful). */
#define R_CORRECTED_AFTER(AFTER) \
  "(r.id IN (SELECT k.referral_id FROM referral_correction k WHERE k.recorded_at >= " AFTER "))"
#define R_STATE   "(CASE WHEN " R_DECIDED " THEN 2 WHEN " R_SENT " THEN 1 ELSE 0 END)"
#define R_OVERDUE "(CASE WHEN " R_UNSENT " AND r.due < ?1 THEN 1 " \
                  "WHEN " R_SENT " AND " R_UNHEARD " AND r.panel_due < ?1 THEN 1 ELSE 0 END)"
#define R_NEXT    "(CASE WHEN " R_DECIDED " THEN NULL WHEN " R_SENT " THEN r.panel_due ELSE r.due END)"
/* (r is the referral, c its conference, in every statement that reads these.) */

/* Every table whose rows the audit chain covers, in the order verify checks them.
 * A table added by a migration that holds records must be listed here. */
extern const char * const _quorum_store_audited_tables[];

/* The store's connection. */
QuorumDb     *_quorum_store_get_connection (QuorumStore *self);
/* The SQLite handle beneath it, for what only SQLite has; NULL on another backend. */
sqlite3      *_quorum_store_get_db      (QuorumStore *self);

/* A prepared statement from the connection's cache, reset and with bindings cleared. */
QuorumDbStmt *_quorum_store_prepare     (QuorumStore  *self,
                                         const char   *sql,
                                         GError      **error);

/* Where SQLite and PostgreSQL differ and no one text serves both, the statement is written
 * for each and this gives the one for the store's backend. The only such statements are the
 * conference list's and search's (quorum-store-list.c, quorum-store-conference.c). */
/* The list's names as they stand, as core's quorum_conference_child_name_now () and
 * quorum_conference_current_value () give them (the last amendment of the field, a name amended
 * to nothing being its original), written in SQL for the list's search: a child @T's name, and
 * conference @T's @FIELD (a string literal). Both dialects read them alike. */
#define QUORUM_STORE_NAME_NOW(T) \
  "COALESCE (NULLIF ((SELECT a.new_value FROM amendment a WHERE a.conference_id = " T ".conference_id " \
  "  AND a.record = 'child:' || " T ".id AND a.field = 'name' ORDER BY a.id DESC LIMIT 1), ''), " T ".name)"
#define QUORUM_STORE_FIELD_NOW(T, FIELD) \
  "COALESCE ((SELECT a.new_value FROM amendment a WHERE a.conference_id = " T ".id " \
  "  AND a.record = 'conference:' || " T ".id AND a.field = '" FIELD "' ORDER BY a.id DESC LIMIT 1), " T "." FIELD ")"
/* The conference search (the list's, quorum_store_list_conferences ()'s, `quorum-cli conference
 * list --search`): the chair, the case reference, the date and each child's name as they stand,
 * folded by core's rule (quorum-search.h: accents dropped, case lowered), LIKE the folded
 * search (_quorum_store_search_pattern). SQLite folds through its driver's quorum_search_fold (),
 * which is core's function; PostgreSQL by translate () with core's map: one rule on both. */
#define QUORUM_STORE_SQLITE_FOLD(X)   "quorum_search_fold (" X ")"
#define QUORUM_STORE_POSTGRES_FOLD(X) \
  "translate (" X ", '" QUORUM_SEARCH_FOLD_FROM "', '" QUORUM_SEARCH_FOLD_TO "')"
#define QUORUM_STORE_SEARCH(FOLD, T, P) \
  "(" P " IS NULL OR " FOLD (QUORUM_STORE_FIELD_NOW (T, "chair")) " LIKE " P " ESCAPE '\\' " \
  "  OR " FOLD (QUORUM_STORE_FIELD_NOW (T, "case_ref")) " LIKE " P " ESCAPE '\\' " \
  "  OR " T ".date LIKE " P " ESCAPE '\\' OR EXISTS (SELECT 1 FROM child ch " \
  "  WHERE ch.conference_id = " T ".id AND " FOLD (QUORUM_STORE_NAME_NOW ("ch")) " LIKE " P " ESCAPE '\\')) "
/* The LIKE pattern of @search: folded, its % _ and \ escaped, between %s; NULL for no search. */
char         *_quorum_store_search_pattern (const char *search);
/* Each signed-off summary of @rows (QuorumConferenceSummary*) with its names as they stand. */
gboolean      _quorum_store_summaries_now (QuorumStore  *self,
                                           GPtrArray    *rows,
                                           GError      **error);
const char   *_quorum_store_dialect     (QuorumStore  *self,
                                         const char   *sqlite_sql,
                                         const char   *postgres_sql);

/* One transaction per command: a write transaction (SQLite: BEGIN IMMEDIATE) … COMMIT, or
 * ROLLBACK on any failure. */
gboolean      _quorum_store_begin       (QuorumStore  *self,
                                         GError      **error);
gboolean      _quorum_store_commit      (QuorumStore  *self,
                                         GError      **error);
void          _quorum_store_rollback    (QuorumStore  *self);
/* In the open transaction: "conference-added" / "conference-changed" for @conference_id,
 * emitted once _quorum_store_commit () has committed it, forgotten if it rolls back. */
void          _quorum_store_tell_conference_added   (QuorumStore  *self,
                                                     gint64        conference_id);
void          _quorum_store_tell_conference_changed (QuorumStore  *self,
                                                     gint64        conference_id);
/* In the open transaction, for each audited row: "record-changed" with the channel and id
 * PostgreSQL's notify triggers send for its table, once the transaction commits. */
void          _quorum_store_tell_record_changed     (QuorumStore  *self,
                                                     const char   *entity,
                                                     gint64        entity_id,
                                                     gint64        conference_id);
/* "draft-changed": a draft was written or discarded (@field NULL: every field of @scope). */
void          _quorum_store_tell_draft_changed      (QuorumStore  *self,
                                                     gint64        conference_id,
                                                     const char   *scope,
                                                     const char   *field);

/* A conflict is retried, never shown. Every store call that writes begins, commits or rolls
 * back one transaction of its own (its body, NAME_once); when the backend aborted that
 * transaction for a conflict with another writer (quorum_db_get_conflicted: PostgreSQL's
 * serialization failures and deadlocks), the whole call runs again, after a short random
 * wait, up to QUORUM_STORE_ATTEMPTS times. _quorum_store_retry decides and clears the error. */
#define QUORUM_STORE_ATTEMPTS 20
gboolean      _quorum_store_retry       (QuorumStore  *self,
                                         guint         attempt,
                                         GError      **error);
/* How many times this store ran a transaction again (for the tests). */
guint         _quorum_store_get_retries (QuorumStore  *self);
#define _QUORUM_STORE_RETRYING(self, error, type, call)                                        \
  G_STMT_START {                                                                                \
    for (guint retry_attempt = 0;; retry_attempt++)                                             \
      {                                                                                         \
        GError *retry_error = NULL;                                                             \
        type retry_result = (call);                                                             \
                                                                                                \
        if (retry_error == NULL || !_quorum_store_retry ((self), retry_attempt, &retry_error))  \
          {                                                                                     \
            if (retry_error != NULL)                                                            \
              g_propagate_error ((error), retry_error);                                         \
            return retry_result;                                                                \
          }                                                                                     \
      }                                                                                         \
  } G_STMT_END
/* A read of several statements sees one snapshot: BEGIN (deferred) unless a transaction is
 * already open. _quorum_store_end_read ends only what _quorum_store_begin_read began. */
gboolean      _quorum_store_begin_read  (QuorumStore  *self,
                                         gboolean     *began,
                                         GError      **error);
void          _quorum_store_end_read    (QuorumStore  *self,
                                         gboolean      began);

/* Sets @error from the connection's last failure (QUORUM_ERROR_STORAGE, FINALISED when a
 * sign-off trigger refused the write, INVALID when another of Quorum's triggers did).
 * Always returns FALSE. */
gboolean      _quorum_store_fail        (QuorumStore  *self,
                                         GError      **error);
/* The same, from a failure the caller holds. */
gboolean      _quorum_store_fail_with   (QuorumStore  *self,
                                         const GError *failure,
                                         GError      **error);

/* As _quorum_store_fail, for a read: "could not be read", QUORUM_ERROR_STORAGE. */
gboolean      _quorum_store_fail_read   (QuorumStore  *self,
                                         GError      **error);

/* Steps a statement expected to finish (rows it gives are not read). */
gboolean      _quorum_store_exec_stmt   (QuorumStore   *self,
                                         QuorumDbStmt  *stmt,
                                         GError       **error);
/* Steps an "INSERT … RETURNING id" (or an UPDATE giving no row) to the end; @id gets the
 * new row's id when one comes back, and is left as it was otherwise. */
gboolean      _quorum_store_exec_insert (QuorumStore   *self,
                                         QuorumDbStmt  *stmt,
                                         gint64        *id,
                                         GError       **error);
gboolean      _quorum_store_exec        (QuorumStore  *self,
                                         const char   *sql,
                                         GError      **error);

/* Appends an audit entry for the row @entity/@entity_id as it now stands (or its deletion),
 * chaining SHA-256 over the entry and the previous hash. Call inside the transaction,
 * after the write. */
gboolean      _quorum_store_audit       (QuorumStore  *self,
                                         const char   *action,
                                         const char   *entity,
                                         gint64        entity_id,
                                         gint64        conference_id,
                                         const char   *summary,
                                         GError      **error);

/* The same for a row written by a statement sent (quorum_db_send) just before: @row, made by
 * _quorum_store_prepare_row, bound and sent after the write, gives the row as it now stands,
 * read back in the write's round trip. Its "id" must be @entity_id. */
gboolean      _quorum_store_audit_row   (QuorumStore  *self,
                                         const char   *action,
                                         const char   *entity,
                                         gint64        entity_id,
                                         gint64        conference_id,
                                         const char   *summary,
                                         QuorumDbStmt *row,
                                         GError      **error);
/* "SELECT * FROM "@entity" WHERE @where": every column of an audited table's row, as the audit
 * chain records it; the caller binds @where's parameters. */
QuorumDbStmt *_quorum_store_prepare_row (QuorumStore  *self,
                                         const char   *entity,
                                         const char   *where,
                                         GError      **error);
/* Sends the read of the audit chain's head with the statements of the transaction's first
 * round trip; the transaction's first audit entry reads it (PostgreSQL: one round trip less). */
gboolean      _quorum_store_send_audit_head (QuorumStore *self,
                                         GError      **error);
void          _quorum_store_set_sent_audit_head (QuorumStore  *self,
                                         QuorumDbStmt *stmt);
QuorumDbStmt *_quorum_store_take_sent_audit_head (QuorumStore *self);

/* Appends one audit entry to the chain: @data is the canonical row it records (NULL for a
 * deletion), @at its time (NULL: now), its user the store's. Hashes it on the previous entry,
 * moves the head and keys it (SQLite: with the store's key; PostgreSQL: the server does, as the
 * entry is inserted). The one way an entry is written: _quorum_store_audit reads the row and
 * calls it; `migrate` may call it to re-chain entries. Inside the transaction. */
gboolean      _quorum_store_append_audit (QuorumStore  *self,
                                         const char   *at,
                                         const char   *action,
                                         const char   *entity,
                                         gint64        entity_id,
                                         gint64        conference_id,
                                         const char   *summary,
                                         const char   *data,
                                         GError      **error);

/* "Quor": PRAGMA application_id of every Quorum database. */
#define QUORUM_APPLICATION_ID 1366650738

/* The audit key (see quorum-store-key.c): NULL with @error when none can be had. @source
 * names where it came from; @notices collects what a person should be told. */
GBytes       *_quorum_store_load_key    (char        **source,
                                         GPtrArray    *notices,
                                         GError      **error);
/* HMAC-SHA-256 of @data under @key, in hex. */
char         *_quorum_store_hmac        (GBytes       *key,
                                         const char   *data);
/* PostgreSQL: the server keys every audit entry as it is inserted (the trigger audit_keyed) and
 * checks the keys for verify; the store holds no key (docs/notes/pgkey.md). */
gboolean      _quorum_store_get_server_keyed (QuorumStore *self);
/* The key this store writes with, or NULL (then every write is refused, and
 * _quorum_store_get_key_problem says why). */
GBytes       *_quorum_store_get_key     (QuorumStore  *self);
const char   *_quorum_store_get_key_problem (QuorumStore *self);
void          _quorum_store_set_key     (QuorumStore  *self,
                                         GBytes       *key,
                                         const char   *problem);
/* The schema version the database had before this opening's migrations (0: a new one). */
int           _quorum_store_get_version_at_open (QuorumStore *self);
/* A short public id of @key: 16 hex digits of its HMAC of a fixed text. */
char         *_quorum_store_key_id      (GBytes       *key);
/* Keys an unkeyed chain after checking it, or checks that the key is the database's. */
gboolean      _quorum_store_attach_key  (QuorumStore  *self,
                                         GBytes       *key,
                                         const char   *source,
                                         GError      **error);
void          _quorum_store_add_notice  (QuorumStore  *self,
                                         const char   *notice);
/* Compares @db's tables, indexes and triggers, SQL and all, with what the migrations make of
 * an empty database. Problems found are appended to @problems; FALSE when any, or on @error. */
gboolean      _quorum_store_check_schema (sqlite3     *db,
                                         GPtrArray    *problems,
                                         GError      **error);

/* The anchor outside the file ("DATABASE_ID N MAC"): see quorum-store.c. The pending one is
 * written when the transaction commits. */
void          _quorum_store_set_pending_anchor (QuorumStore *self,
                                         const char   *anchor);
void          _quorum_store_write_anchor (const char  *path,
                                         const char   *anchor);
char         *_quorum_store_read_anchor (const char   *path);

/* Backups (quorum-store-backup.c). */
gboolean      _quorum_store_backup_before_migration (QuorumStore *self,
                                         GError      **error);
void          _quorum_store_daily_backup (QuorumStore *self);
/* The daily check alone (no copy): for a write while a thread takes the day's copy. */
void          _quorum_store_daily_check  (QuorumStore *self);
void          _quorum_store_set_damaged (QuorumStore  *self,
                                         const char   *why);
/* PRAGMA integrity_check (@full) or quick_check: TRUE when "ok", else @why says what. */
gboolean      _quorum_store_integrity_ok (sqlite3     *db,
                                         gboolean      full,
                                         char        **why);

/* Binding helpers: NULL strings and invalid dates bind as SQL NULL. */
void          _quorum_bind_text         (QuorumDbStmt *stmt, int index, const char *text);
void          _quorum_bind_date         (QuorumDbStmt *stmt, int index, const GDate *date);
char         *_quorum_column_dup        (QuorumDbStmt *stmt, int column);
/* A "by" column (who wrote a row: a login on a shared database) as the record shows them. */
char         *_quorum_store_column_person (QuorumStore *self, QuorumDbStmt *stmt, int column);
void          _quorum_column_date       (QuorumDbStmt *stmt, int column, GDate *out);

/* quorum-store-conference.c: the conference for a change (exists, not signed off), read in
 * the open transaction; a conference's rows inserted with @profile frozen with it. */
QuorumConference *_quorum_store_load_for_change   (QuorumStore  *self,
                                                  gint64        conference_id,
                                                  GError      **error);
gint64        _quorum_store_insert_conference (QuorumStore                *self,
                                               const QuorumConferenceSpec *spec,
                                               const QuorumProfile        *profile,
                                               GError                    **error);
/* A "HH:MM" time of day, or NULL: FALSE with a message otherwise. */
gboolean      _quorum_store_check_time   (const char  *time,
                                          GError     **error);
/* quorum-store-attendance.c: one arrival or departure, audited, in the open transaction. */
gboolean      _quorum_store_insert_attendance_event (QuorumStore  *self,
                                                     gint64        conference_id,
                                                     gint64        attendee_id,
                                                     const char   *event,
                                                     const char   *time,
                                                     GError      **error);
/* quorum-store-handover.c: on a shared database, who chairs @conference now and its
 * hand-overs (nothing on one's own): the statement that reads them (NULL on one's own
 * database, or on failure with @error), to be sent with the others; and their reading, from
 * that statement sent (or, @stmt NULL, prepared and read now). */
QuorumDbStmt *_quorum_store_prepare_handovers (QuorumStore       *self,
                                               QuorumConference  *conference,
                                               GError           **error);
gboolean      _quorum_store_load_handovers (QuorumStore       *self,
                                            QuorumConference  *conference,
                                            QuorumDbStmt      *stmt,
                                            GError           **error);
/* quorum-store-challenge.c: fills @conference->challenges. */
gboolean      _quorum_store_load_challenges (QuorumStore       *self,
                                             QuorumConference  *conference,
                                             GError           **error);

/* Migrations of the SQLite schema: versions 1..N; sqlite/quorum-sqlite-schema.c. */
typedef struct
{
  int         version;
  const char *sql;
} QuorumMigration;

extern const QuorumMigration _quorum_store_migrations[];
extern const guint           _quorum_store_n_migrations;

/* The schema version whose migration brought the audit keys. */
int           _quorum_store_keyed_since (void);

/* Upgrades @db to @target_version (0: latest) in one transaction. */
gboolean      _quorum_store_migrate     (sqlite3      *db,
                                         int           target_version,
                                         GError      **error);
/* A step run after migration @version's SQL, inside its transaction (before the version is
 * set): what SQL alone cannot do, such as the audit entries of rows the migration changed. */
typedef gboolean (*QuorumMigrationStep) (int        version,
                                         gpointer   data,
                                         GError   **error);
gboolean      _quorum_store_migrate_with (sqlite3            *db,
                                          int                 target_version,
                                          QuorumMigrationStep step,
                                          gpointer            data,
                                          GError            **error);
/* quorum-store-attendance.c: the step of migration 10 on a store: an audit entry for each leave
 * the migration carried over withdrawn (a version-9 "29:59"), keyed with @key, which must be the
 * database's own; nothing to do when there is none. */
gboolean      _quorum_store_audit_carried_leaves (QuorumStore  *self,
                                                  GBytes       *key,
                                                  GError      **error);

/* The rule of @conference_id's frozen profile (majority when it cannot be read): what a check's
 * refusal is worded by (QuorumConference.rule). */
QuorumRule      _quorum_store_conference_rule (QuorumStore *self,
                                               gint64       conference_id);

G_END_DECLS
