/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-pg-schema.h: Quorum's schema on PostgreSQL, its roles and its administration. */
#pragma once

#include "store/quorum-db.h"

G_BEGIN_DECLS

/* The SQLite schema's version this schema matches (src/store/quorum-store-schema.c). */
#define QUORUM_PG_SCHEMA_VERSION 13

/* The four roles, as `admin grant USER ROLE` names them. */
typedef enum
{
  QUORUM_PG_ROLE_CHAIR,
  QUORUM_PG_ROLE_MINUTE_TAKER,
  QUORUM_PG_ROLE_HEAD_OF_SERVICE,
  QUORUM_PG_ROLE_ADMIN,
} QuorumPgRole;

/* "chair", "minute-taker", "head-of-service", "admin" → the role; FALSE for anything else. */
gboolean     quorum_pg_role_from_name     (const char    *name,
                                           QuorumPgRole  *role);
/* The server's name of the role: quorum_chair … */
const char  *quorum_pg_role_server_name   (QuorumPgRole   role);

/* The tables, indexes and triggers of the newest version, and the migrations table, in the
 * connection's current schema (no roles, no grants). For tests and for admin init. */
gboolean     quorum_pg_schema_create      (QuorumDb      *db,
                                           GError       **error);
/* The schema's version (0 when there is none yet; -1 and @error when it cannot be read). */
int          quorum_pg_schema_version     (QuorumDb      *db,
                                           GError       **error);
/* Runs every migration after the database's version, in one transaction. */
gboolean     quorum_pg_schema_migrate     (QuorumDb      *db,
                                           GError       **error);

/* verify's part on PostgreSQL (as _quorum_store_check_schema on SQLite): the schema's version,
 * and every trigger of this version present on its table, calling its function with its
 * arguments, enabled, and nothing else; every trigger function's body as this version makes it.
 * Adds one line to @problems for each difference; FALSE with @error when it cannot read. */
gboolean     quorum_pg_schema_check       (QuorumDb      *db,
                                           GPtrArray     *problems,
                                           GError       **error);

/* The audit chain keyed by the server (docs/notes/pgkey.md): TRUE when the trigger audit_keyed
 * and quorum_audit_check () are there, so every entry inserted is keyed by the server; FALSE
 * for a database made before (its administrator runs `admin init` once), or on @error. */
gboolean     quorum_pg_audit_keyed        (QuorumDb      *db,
                                           GError       **error);
/* verify's keyed part on PostgreSQL: the server recomputes the chain's MACs with its key
 * (quorum_audit_check ()) and the first entry not as it keyed it, or a head that is not, is
 * added to @problems; when the server cannot check (no check function: a database made before
 * the key was the server's), why is added to @unverified. FALSE with @error when the server
 * cannot be asked. Any role may run it; it never reveals the key. */
gboolean     quorum_pg_audit_check        (QuorumDb      *db,
                                           GPtrArray     *problems,
                                           GPtrArray     *unverified,
                                           GError       **error);

/* Inside a transaction, before `quorum-cli migrate` writes: marks it a migration's, in which
 * a row may keep the name its source gave its writer (schema 12's <table>_actor), each row's
 * audit entry then saying it was migrated (<table>_audited). Ends with the transaction. */
gboolean     quorum_pg_begin_migration    (QuorumDb      *db,
                                           GError       **error);

/* `quorum-cli admin init`: on an empty database, as a superuser: the roles (NOLOGIN groups
 * quorum_chair, quorum_minute_taker, quorum_head_of_service, quorum_admin, and the tables'
 * owner quorum_owner, whom nobody logs in as), the schema owned by quorum_owner, the grants
 * and the row-level policies. On a database that has them, migrates it and renews the grants.
 * One transaction: all of it or nothing. */
gboolean     quorum_pg_admin_init         (QuorumDb      *db,
                                           GError       **error);
/* `quorum-cli admin grant USER ROLE`: makes the login USER (when it is not one yet: without a
 * password, for SCRAM set by ALTER ROLE … PASSWORD, or Kerberos) a member of ROLE. Run by a
 * member of quorum_admin or a superuser. */
gboolean     quorum_pg_admin_grant        (QuorumDb      *db,
                                           const char    *user,
                                           QuorumPgRole   role,
                                           GError       **error);
/* The person's name as the record shows them (the login's comment); the login stays who wrote. */
gboolean     quorum_pg_admin_name         (QuorumDb      *db,
                                           const char    *user,
                                           const char    *name,
                                           GError       **error);
/* Whether the login (or role) @user exists on the server: `admin grant` says when it makes one. */
gboolean     quorum_pg_role_exists        (QuorumDb      *db,
                                           const char    *user,
                                           gboolean      *exists,
                                           GError       **error);

G_END_DECLS
