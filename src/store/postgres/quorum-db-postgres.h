/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-db-postgres.h: the libpq driver of the store's statement layer (quorum-db.h), an
 * authority's shared store. */
#pragma once

#include "store/quorum-db.h"

G_BEGIN_DECLS

/* The SQLSTATE the schema's sign-off and append-only triggers raise; read as
 * QUORUM_DB_ERROR_FINALISED. */
#define QUORUM_PG_SQLSTATE_FINALISED "QR001"

/* Opens a connection. @conninfo is anything libpq takes: a URI ("postgresql://host/db"), a
 * conninfo string ("host=… dbname=…") or a service ("service=quorum"); libpq does the
 * authentication (SCRAM, .pgpass, the service file, TLS, GSSAPI). */
QuorumDb   *quorum_db_postgres_open          (const char  *conninfo,
                                              GError     **error);
/* The same with a password a person typed (NULL: none). When the server asks for a password
 * libpq does not have, fails with QUORUM_DB_ERROR_PERMISSION and sets *@needs_password, so the
 * caller can ask for one (and keep it in the keyring, never elsewhere); a password refused is
 * PERMISSION too; a server that cannot be reached is UNAVAILABLE. */
QuorumDb   *quorum_db_postgres_open_full     (const char  *conninfo,
                                              const char  *password,
                                              gboolean    *needs_password,
                                              GError     **error);
/* TRUE when @db_name (what --db, $QUORUM_DB or the preferences hold) names a PostgreSQL
 * database rather than a SQLite file: a postgresql:// or postgres:// URI, or a conninfo
 * string starting with one of libpq's keywords ("service=quorum", "host=… dbname=…"); a file
 * named "a=b.db" stays a file. */
gboolean    quorum_db_postgres_is_conninfo   (const char  *db_name);

/* Write transactions one at a time (READ COMMITTED after an advisory lock that is their first
 * statement) instead of SERIALIZABLE ones that may fail and run again: the store's way, since
 * every write moves the one audit chain's head. Off by default. */
void        quorum_db_postgres_set_one_writer (QuorumDb   *db,
                                               gboolean    one_writer);

/* '?' placeholders outside quoted text and comments as $1, $2 … (and SQLite's ?NNN as $NNN);
 * *@n_params their number (the largest).
 * Exposed for tests. */
char       *quorum_db_postgres_rewrite       (const char  *sql,
                                              int         *n_params);

/* The driver's functions, with the signatures of quorum-db.h without their prefix: the
 * statement layer's dispatch (quorum-db.c) calls them through its QuorumDbDriver (set in every
 * connection this driver opens), and the driver's tests and the schema call them here too. */
typedef struct
{
  QuorumDbBackend (*get_backend)       (QuorumDb *db);
  void            (*close)             (QuorumDb *db);
  QuorumDbStmt   *(*prepare)           (QuorumDb *db, const char *sql, GError **error);
  gboolean        (*exec)              (QuorumDb *db, const char *sql, GError **error);
  void            (*bind_int64)        (QuorumDbStmt *stmt, int index, gint64 value);
  void            (*bind_double)       (QuorumDbStmt *stmt, int index, double value);
  void            (*bind_text)         (QuorumDbStmt *stmt, int index, const char *text);
  void            (*bind_null)         (QuorumDbStmt *stmt, int index);
  QuorumDbStep    (*step)              (QuorumDbStmt *stmt, GError **error);
  gboolean        (*step_done)         (QuorumDbStmt *stmt, GError **error);
  void            (*reset)             (QuorumDbStmt *stmt);
  int             (*column_count)      (QuorumDbStmt *stmt);
  const char     *(*column_name)       (QuorumDbStmt *stmt, int column);
  gboolean        (*column_is_null)    (QuorumDbStmt *stmt, int column);
  gint64          (*column_int64)      (QuorumDbStmt *stmt, int column);
  double          (*column_double)     (QuorumDbStmt *stmt, int column);
  const char     *(*column_text)       (QuorumDbStmt *stmt, int column);
  gint64          (*changes)           (QuorumDb *db);
  gboolean        (*begin)             (QuorumDb *db, gboolean write, GError **error);
  gboolean        (*commit)            (QuorumDb *db, GError **error);
  void            (*rollback)          (QuorumDb *db);
  gboolean        (*in_transaction)    (QuorumDb *db);
  char           *(*dup_session_user)  (QuorumDb *db);
  gboolean        (*listen)            (QuorumDb *db, const char *channel, GError **error);
  gboolean        (*notify)            (QuorumDb *db, const char *channel, const char *payload, GError **error);
  guint           (*watch)             (QuorumDb *db, QuorumDbNotifyFunc func, gpointer user_data,
                                        GDestroyNotify destroy);
  QuorumDbType    (*column_type)       (QuorumDbStmt *stmt, int column);
  const guint8   *(*column_bytes)      (QuorumDbStmt *stmt, int column, gsize *length);
} QuorumDbPostgresDriver;

extern const QuorumDbPostgresDriver quorum_db_postgres_driver;

G_END_DECLS
