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
 * libpq does not have, or refuses the one it had (typed, $PGPASSWORD, ~/.pgpass), fails with
 * QUORUM_DB_ERROR_PERMISSION and sets *@needs_password, so the caller can ask for one (and keep
 * it in the keyring, never elsewhere); a server that cannot be reached is UNAVAILABLE. */
QuorumDb   *quorum_db_postgres_open_full     (const char  *conninfo,
                                              const char  *password,
                                              gboolean    *needs_password,
                                              GError     **error);
/* Where libpq would take @conninfo (its service and defaults applied), without logging in:
 * the server's host (or socket folder), port, database and user, for a person to be told and
 * a password to be kept under. FALSE when libpq cannot read @conninfo. */
gboolean    quorum_db_postgres_describe      (const char  *conninfo,
                                              char       **host,
                                              char       **port,
                                              char       **dbname,
                                              char       **user);
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


G_END_DECLS
