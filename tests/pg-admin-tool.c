/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pg-admin-tool.c: `admin init` and `admin grant` on PostgreSQL for the roles test, until
 * quorum-cli calls the same functions (quorum_pg_admin_init, quorum_pg_admin_grant).
 *   pg-admin-tool init CONNINFO
 *   pg-admin-tool grant CONNINFO USER ROLE
 *   pg-admin-tool check CONNINFO              (verify's schema part: problems on stdout)
 * Exit status as quorum-cli's: 0 done, 1 usage, 2 rejected input, 3 storage failure, 4 tampering. */

#include <stdio.h>
#include <string.h>

#include "store/postgres/quorum-db-postgres.h"
#include "store/postgres/quorum-pg-schema.h"

/* Weak: the statement layer's own (quorum-db.c) wins wherever it is linked. */
__attribute__((weak)) GQuark
quorum_db_error_quark (void)
{
  return g_quark_from_static_string ("quorum-db-error-quark");
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  QuorumPgRole role = QUORUM_PG_ROLE_CHAIR;
  QuorumDb *db;
  gboolean ok;

  if (argc < 3 || (strcmp (argv[1], "init") == 0 && argc != 3) ||
      (strcmp (argv[1], "check") == 0 && argc != 3) ||
      (strcmp (argv[1], "grant") == 0 && argc != 5) ||
      (strcmp (argv[1], "init") != 0 && strcmp (argv[1], "grant") != 0 && strcmp (argv[1], "check") != 0))
    {
      fprintf (stderr, "usage: pg-admin-tool init CONNINFO | grant CONNINFO USER ROLE | check CONNINFO\n");
      return 1;
    }
  if (strcmp (argv[1], "grant") == 0 && !quorum_pg_role_from_name (argv[4], &role))
    {
      fprintf (stderr, "pg-admin-tool: “%s” is not a role: chair, minute-taker, head-of-service or admin\n", argv[4]);
      return 2;
    }

  db = quorum_db_postgres_open (argv[2], &error);
  if (db == NULL)
    {
      fprintf (stderr, "pg-admin-tool: %s\n", error->message);
      return 3;
    }
  if (strcmp (argv[1], "check") == 0)
    {
      g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

      ok = quorum_pg_schema_check (db, problems, &error);
      for (guint i = 0; i < problems->len; i++)
        printf ("%s\n", (char *) problems->pdata[i]);
      if (!ok && error == NULL)
        {
          quorum_db_postgres_driver.close (db);
          return 4;
        }
    }
  else if (strcmp (argv[1], "init") == 0)
    ok = quorum_pg_admin_init (db, &error);
  else
    ok = quorum_pg_admin_grant (db, argv[3], role, &error);
  quorum_db_postgres_driver.close (db);
  if (!ok)
    {
      fprintf (stderr, "pg-admin-tool: %s\n", error->message);
      return g_error_matches (error, QUORUM_DB_ERROR, QUORUM_DB_ERROR_PERMISSION) ? 2 : 3;
    }
  return 0;
}
