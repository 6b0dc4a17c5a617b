/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-db-postgres-module.h: between the libpq driver, built as a module of its own
 * (libquorum-postgres.so, quorum-db-postgres.c), and the store, which loads it the first time a
 * PostgreSQL database is named (quorum-db-postgres-load.c). A SQLite start so never loads libpq,
 * nor what libpq links (Kerberos, OpenSSL, LDAP, GnuTLS…): about twenty libraries. */
#pragma once

#include "store/quorum-db.h"

G_BEGIN_DECLS

/* Where the module is, installed (libdir/quorum); $QUORUM_MODULEDIR names the build's folder
 * for a Quorum run from its build tree (build-aux/dev, the tests). */
#define QUORUM_DB_POSTGRES_MODULE_NAME   "quorum-postgres"
/* The one symbol the module exports: a function giving its table. */
#define QUORUM_DB_POSTGRES_MODULE_SYMBOL "quorum_db_postgres_module"

/* The functions of quorum-db-postgres.h, as the module has them. @version is the module's
 * QUORUM_VERSION: a module of another build is refused. */
typedef struct
{
  const char *version;
  QuorumDb   *(*open_full)      (const char  *conninfo,
                                 const char  *password,
                                 gboolean    *needs_password,
                                 GError     **error);
  gboolean    (*describe)       (const char  *conninfo,
                                 char       **host,
                                 char       **port,
                                 char       **dbname,
                                 char       **user);
  gboolean    (*is_conninfo)    (const char  *db_name);
  void        (*set_one_writer) (QuorumDb    *db,
                                 gboolean     one_writer);
  char       *(*rewrite)        (const char  *sql,
                                 int         *n_params);
} QuorumDbPostgresModule;

typedef const QuorumDbPostgresModule *(*QuorumDbPostgresModuleFunc) (void);

G_END_DECLS
