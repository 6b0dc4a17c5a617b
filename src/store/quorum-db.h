/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-db.h: the store's statement and transaction layer, the one boundary between the store
 * and a backend. One driver per backend: src/store/sqlite/ (SQLite, the embedded default) and
 * src/store/postgres/ (libpq, an authority's shared store). Nothing outside src/store includes
 * it, and nothing above the store learns which backend it talks to.
 *
 * SQL is written once wherever the dialects allow: '?' placeholders numbered from 1 in the
 * order they appear (the PostgreSQL driver rewrites them to $1, $2 …, outside quoted text);
 * new ids come back by "INSERT … RETURNING id" (SQLite ≥ 3.35 and PostgreSQL), not by a
 * last-insert call; upserts are "INSERT … ON CONFLICT (…) DO UPDATE/NOTHING", which both
 * understand. What cannot be written once (schema DDL, triggers, pragmas, backups) lives in
 * the driver's folder. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _QuorumDb     QuorumDb;      /* one connection */
typedef struct _QuorumDbStmt QuorumDbStmt;  /* a prepared statement, owned by its QuorumDb */

typedef enum
{
  QUORUM_DB_BACKEND_SQLITE,
  QUORUM_DB_BACKEND_POSTGRES,
} QuorumDbBackend;

/* What a step gives. */
typedef enum
{
  QUORUM_DB_ROW,    /* a row is ready to read with the column calls */
  QUORUM_DB_DONE,   /* the statement has finished */
  QUORUM_DB_FAILED, /* it failed: the GError says how */
} QuorumDbStep;

/* The kinds of failure the store tells apart (domain QUORUM_DB_ERROR). The message is the
 * backend's own, for the store to wrap in a sentence a person can read. */
typedef enum
{
  QUORUM_DB_ERROR_FAILED,       /* anything else */
  QUORUM_DB_ERROR_BUSY,         /* locked, a serialization failure or a deadlock: retry the
                                 * whole transaction; never shown to a person */
  QUORUM_DB_ERROR_CONSTRAINT,   /* a unique, check or foreign-key constraint */
  QUORUM_DB_ERROR_FINALISED,    /* a sign-off or append-only trigger refused the write */
  QUORUM_DB_ERROR_PERMISSION,   /* the server refused this role (PostgreSQL: 42501) */
  QUORUM_DB_ERROR_UNAVAILABLE,  /* the server cannot be reached, or the connection was lost */
  QUORUM_DB_ERROR_READ_ONLY,    /* the database (or the file) is read-only */
  QUORUM_DB_ERROR_FULL,         /* no space left */
  QUORUM_DB_ERROR_CORRUPT,      /* the database is damaged */
} QuorumDbError;

#define QUORUM_DB_ERROR (quorum_db_error_quark ())
GQuark          quorum_db_error_quark        (void);

/* Opens the database at @location: a file path (SQLite), or a PostgreSQL URI
 * (postgresql://, postgres://) or conninfo ("service=quorum", "host=… dbname=…"), when this
 * build has the PostgreSQL driver. Added by the dblayer branch; quorum-db.c implements it. */
QuorumDb       *quorum_db_open               (const char    *location,
                                              GError       **error);
/* Whether @location names a PostgreSQL database rather than a file. */
gboolean        quorum_db_location_is_postgres (const char  *location);

QuorumDbBackend quorum_db_get_backend        (QuorumDb      *db);
/* Closes the connection and frees every statement it prepared. NULL is ignored. */
void            quorum_db_close              (QuorumDb      *db);

/* A prepared statement from the connection's cache (prepared once per SQL text), reset and
 * with its bindings cleared. Valid until the connection is closed. */
QuorumDbStmt   *quorum_db_prepare            (QuorumDb      *db,
                                              const char    *sql,
                                              GError       **error);
/* Runs @sql (one statement or several, without parameters) to the end. */
gboolean        quorum_db_exec               (QuorumDb      *db,
                                              const char    *sql,
                                              GError       **error);

/* Bindings, numbered from 1. A NULL @text binds SQL NULL. */
void            quorum_db_bind_int64         (QuorumDbStmt  *stmt,
                                              int            index,
                                              gint64         value);
void            quorum_db_bind_double        (QuorumDbStmt  *stmt,
                                              int            index,
                                              double         value);
void            quorum_db_bind_text          (QuorumDbStmt  *stmt,
                                              int            index,
                                              const char    *text);
void            quorum_db_bind_null          (QuorumDbStmt  *stmt,
                                              int            index);

/* The next row, or DONE. The first step runs the statement. */
QuorumDbStep    quorum_db_step               (QuorumDbStmt  *stmt,
                                              GError       **error);
/* Steps a statement expected to give no row (or to give rows nobody reads) to the end. */
gboolean        quorum_db_step_done          (QuorumDbStmt  *stmt,
                                              GError       **error);
/* Ends the statement's run and clears its bindings; called by quorum_db_prepare too. */
void            quorum_db_reset              (QuorumDbStmt  *stmt);

/* Fewer round trips to a server. Inside a transaction, a statement sent (bound, not yet
 * stepped) runs with the connection's next round trip, together with every other statement
 * sent before it and the one that makes the trip (a step of a statement not sent, a commit):
 * PostgreSQL sends them in one pipeline and waits once. They run in the order they were
 * sent; a statement stepped without being sent runs after all of them. Do not prepare or
 * reset a sent statement before it is stepped.
 * quorum_db_send: its rows are read with quorum_db_step as usual, and a failure shows at its
 * step (a statement after a failed one fails with the first failure). SQLite: nothing; the
 * statement runs at its first step, as always.
 * quorum_db_send_done: a statement whose rows nobody reads (an INSERT); its failure shows at
 * the call that carried it (the next step of another statement, or the commit, which then
 * commits nothing). Outside a transaction, and on SQLite, it runs now, as
 * quorum_db_step_done, and is reset. */
gboolean        quorum_db_send               (QuorumDbStmt  *stmt,
                                              GError       **error);
gboolean        quorum_db_send_done          (QuorumDbStmt  *stmt,
                                              GError       **error);
/* How many times this connection has waited for its backend: on PostgreSQL every exchange
 * with the server (a statement, a prepare, BEGIN, COMMIT; the statements of one pipeline
 * count once); on SQLite every statement run, BEGIN and COMMIT included. For the tests that
 * hold the store to its number of round trips. */
guint64         quorum_db_get_round_trips    (QuorumDb      *db);

/* Columns of the current row, numbered from 0. Text is UTF-8, NULL for SQL NULL, and valid
 * until the next step or reset. Integers of SQL NULL read as 0. */
int             quorum_db_column_count       (QuorumDbStmt  *stmt);
const char     *quorum_db_column_name        (QuorumDbStmt  *stmt,
                                              int            column);
gboolean        quorum_db_column_is_null     (QuorumDbStmt  *stmt,
                                              int            column);
gint64          quorum_db_column_int64       (QuorumDbStmt  *stmt,
                                              int            column);
double          quorum_db_column_double      (QuorumDbStmt  *stmt,
                                              int            column);
const char     *quorum_db_column_text        (QuorumDbStmt  *stmt,
                                              int            column);

/* The type of a column's value in the current row: what the audit chain's canonical form of a
 * row records, so a value stored with another type never hashes alike. Added by the dblayer
 * branch: PostgreSQL gives int2/int4/int8 (and bool, as 0/1) as INTEGER, float4/float8/numeric
 * as FLOAT, bytea as BLOB, everything else as TEXT, and NULL as NULL. */
typedef enum
{
  QUORUM_DB_TYPE_NULL,
  QUORUM_DB_TYPE_INTEGER,
  QUORUM_DB_TYPE_FLOAT,
  QUORUM_DB_TYPE_TEXT,
  QUORUM_DB_TYPE_BLOB,
} QuorumDbType;

QuorumDbType    quorum_db_column_type        (QuorumDbStmt  *stmt,
                                              int            column);
/* The bytes of a TEXT or BLOB column as stored, all of them (a NUL inside included), and
 * their number in @length; NULL and 0 for SQL NULL. Valid as quorum_db_column_text. Added by
 * the dblayer branch. */
const guint8   *quorum_db_column_bytes       (QuorumDbStmt  *stmt,
                                              int            column,
                                              gsize         *length);

/* The last failure on this connection (of a prepare, exec, step, begin or commit), or NULL:
 * for a caller that stepped with a NULL error and reports the failure later, as
 * sqlite3_errmsg. Kept by quorum-db.c: no driver implements it. */
const GError   *quorum_db_get_last_error     (QuorumDb      *db);

/* Rows changed by the last finished INSERT, UPDATE or DELETE on this connection. */
gint64          quorum_db_changes            (QuorumDb      *db);

/* Transactions. @write: take the write lock at once (SQLite BEGIN IMMEDIATE; PostgreSQL
 * BEGIN ISOLATION LEVEL SERIALIZABLE, or in the store's one-writer mode the writers' lock, which
 * goes to the server with the transaction's first statement and is taken before it runs; a
 * reader's BEGIN goes with its first statement too). A read-only one sees one snapshot. A failure with
 * QUORUM_DB_ERROR_BUSY anywhere inside means: roll back and run the whole transaction again. */
gboolean        quorum_db_begin              (QuorumDb      *db,
                                              gboolean       write,
                                              GError       **error);
gboolean        quorum_db_commit             (QuorumDb      *db,
                                              GError       **error);
void            quorum_db_rollback           (QuorumDb      *db);
gboolean        quorum_db_in_transaction     (QuorumDb      *db);
/* Whether the last write transaction begun on this connection failed with
 * QUORUM_DB_ERROR_BUSY after its BEGIN (anywhere inside, COMMIT included): the backend aborted
 * it for a conflict with another writer (PostgreSQL: SQLSTATE 40001, a serialization failure,
 * or 40P01, a deadlock), and the caller runs the whole transaction again. A BEGIN that waited
 * in vain for the write lock does not count. Kept by quorum-db.c. */
gboolean        quorum_db_get_conflicted     (QuorumDb      *db);

/* The person the backend knows this connection as: PostgreSQL's session_user; NULL for SQLite
 * (the store then records the OS login). */
char           *quorum_db_dup_session_user   (QuorumDb      *db);

/* Live updates. @channel names what changed ("referral", "conference"). NOTIFY is sent when
 * the transaction commits; SQLite delivers nothing to other processes (the store watches the
 * file there). The callback runs in the thread-default main context of the caller of
 * quorum_db_watch, once per notification, with the payload text. What this connection's own
 * session sent is not delivered to it (PostgreSQL delivers it to the sender too): its writer
 * knows (the store tells its process by its signals). */
typedef void  (*QuorumDbNotifyFunc)          (const char    *channel,
                                              const char    *payload,
                                              gpointer       user_data);
gboolean        quorum_db_listen             (QuorumDb      *db,
                                              const char    *channel,
                                              GError       **error);
gboolean        quorum_db_notify             (QuorumDb      *db,
                                              const char    *channel,
                                              const char    *payload,
                                              GError       **error);
/* A source id (g_source_remove) or 0 when the backend has no notifications. */
guint           quorum_db_watch              (QuorumDb           *db,
                                              QuorumDbNotifyFunc  func,
                                              gpointer            user_data,
                                              GDestroyNotify      destroy);

G_END_DECLS
