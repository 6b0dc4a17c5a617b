/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-pg-people.c: the names a shared database's people are shown by: each login's comment,
 * which `admin grant USER ROLE --name NAME` sets (quorum_name_role, as the owner), read from
 * PostgreSQL's catalogue. */

#include "quorum/quorum-validate.h"

#include "quorum-pg-people.h"

GHashTable *
quorum_pg_read_people (QuorumDb *db)
{
  GHashTable *people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  QuorumDbStmt *stmt = quorum_db_prepare (db,
                                          "SELECT rolname, shobj_description (oid, 'pg_authid') FROM pg_catalog.pg_roles "
                                          "WHERE rolcanlogin AND shobj_description (oid, 'pg_authid') IS NOT NULL",
                                          NULL);

  if (stmt == NULL)
    return people;
  while (quorum_db_step (stmt, NULL) == QUORUM_DB_ROW)
    {
      const char *name = quorum_db_column_text (stmt, 1);

      if (name != NULL && quorum_check_text (name, NULL, TRUE, QUORUM_MAX_NAME, NULL))
        g_hash_table_insert (people, g_strdup (quorum_db_column_text (stmt, 0)), g_strdup (name));
    }
  quorum_db_reset (stmt);
  return people;
}
