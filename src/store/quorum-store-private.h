/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-store-private.h: what the store's files share. Nothing outside src/store includes it. */
#pragma once

#include <sqlite3.h>
#include "quorum-store.h"

G_BEGIN_DECLS

/* Every table whose rows the audit chain covers, in the order verify checks them.
 * A table added by a migration that holds records must be listed here. */
extern const char * const _quorum_store_audited_tables[];

sqlite3      *_quorum_store_get_db      (QuorumStore *self);

/* A prepared statement from the store's cache, reset and with bindings cleared. */
sqlite3_stmt *_quorum_store_prepare     (QuorumStore  *self,
                                         const char   *sql,
                                         GError      **error);

/* One transaction per command: BEGIN IMMEDIATE … COMMIT, or ROLLBACK on any failure. */
gboolean      _quorum_store_begin       (QuorumStore  *self,
                                         GError      **error);
gboolean      _quorum_store_commit      (QuorumStore  *self,
                                         GError      **error);
void          _quorum_store_rollback    (QuorumStore  *self);
/* A read of several statements sees one snapshot: BEGIN (deferred) unless a transaction is
 * already open. _quorum_store_end_read ends only what _quorum_store_begin_read began. */
gboolean      _quorum_store_begin_read  (QuorumStore  *self,
                                         gboolean     *began,
                                         GError      **error);
void          _quorum_store_end_read    (QuorumStore  *self,
                                         gboolean      began);

/* Sets @error from SQLite's state after @rc (QUORUM_ERROR_STORAGE, or FINALISED when a
 * sign-off trigger refused the write). Always returns FALSE. */
gboolean      _quorum_store_fail        (QuorumStore  *self,
                                         int           rc,
                                         GError      **error);

/* Steps a statement expected to finish with SQLITE_DONE. */
gboolean      _quorum_store_exec_stmt   (QuorumStore   *self,
                                         sqlite3_stmt  *stmt,
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

/* Binding helpers: NULL strings and invalid dates bind as SQL NULL. */
void          _quorum_bind_text         (sqlite3_stmt *stmt, int index, const char *text);
void          _quorum_bind_date         (sqlite3_stmt *stmt, int index, const GDate *date);
char         *_quorum_column_dup        (sqlite3_stmt *stmt, int column);
void          _quorum_column_date       (sqlite3_stmt *stmt, int column, GDate *out);

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
/* quorum-store-challenge.c: fills @conference->challenges. */
gboolean      _quorum_store_load_challenges (QuorumStore       *self,
                                             QuorumConference  *conference,
                                             GError           **error);

/* Migrations: schema versions 1..N; quorum-store-schema.c. */
typedef struct
{
  int         version;
  const char *sql;
} QuorumMigration;

extern const QuorumMigration _quorum_store_migrations[];
extern const guint           _quorum_store_n_migrations;

/* Upgrades @db to @target_version (0: latest) in one transaction. */
gboolean      _quorum_store_migrate     (sqlite3      *db,
                                         int           target_version,
                                         GError      **error);

G_END_DECLS
