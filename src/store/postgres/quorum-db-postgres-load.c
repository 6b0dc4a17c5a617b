/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-db-postgres-load.c: quorum-db-postgres.h for the store, the CLI and the tests: each
 * call goes to the libpq driver, a module loaded the first time one is made (GModule), so that
 * opening a SQLite file never loads libpq and what it links. */

#include <glib/gi18n-lib.h>
#include <gmodule.h>

#include "quorum-db-postgres.h"
#include "quorum-db-postgres-module.h"

/* The module's table, loaded once per process and kept (never unloaded: a connection's
 * driver lives in it); NULL with @error when it cannot be loaded. */
static const QuorumDbPostgresModule *
get_module (GError **error)
{
  static GMutex lock;
  static const QuorumDbPostgresModule *table;
  static char *failure;
  const QuorumDbPostgresModule *found;

  g_mutex_lock (&lock);
  if (table == NULL && failure == NULL)
    {
      const char *dir = g_getenv ("QUORUM_MODULEDIR");
      g_autofree char *path = g_module_build_path (dir != NULL && *dir != '\0' ? dir : QUORUM_MODULEDIR,
                                                   QUORUM_DB_POSTGRES_MODULE_NAME);
      GModule *module = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
      QuorumDbPostgresModuleFunc get_table = NULL;

      if (module == NULL)
        failure = g_strdup (g_module_error ());
      else if (!g_module_symbol (module, QUORUM_DB_POSTGRES_MODULE_SYMBOL, (gpointer *) &get_table) ||
               get_table == NULL)
        failure = g_strdup_printf ("%s: %s", path, g_module_error ());
      else if (g_strcmp0 (get_table ()->version, QUORUM_VERSION) != 0)
        failure = g_strdup_printf ("%s is of Quorum %s, not %s", path, get_table ()->version, QUORUM_VERSION);
      else
        {
          g_module_make_resident (module);
          table = get_table ();
        }
      if (table == NULL && module != NULL)
        g_module_close (module);
    }
  found = table;
  if (found == NULL)
    g_set_error (error, QUORUM_DB_ERROR, QUORUM_DB_ERROR_UNAVAILABLE,
                 /* Translators: %s is the system's own explanation (a file's path, in English) */
                 _("Quorum’s PostgreSQL driver could not be loaded; Quorum may be installed incompletely (%s)"),
                 failure);
  g_mutex_unlock (&lock);
  return found;
}

QuorumDb *
quorum_db_postgres_open (const char  *conninfo,
                         GError     **error)
{
  return quorum_db_postgres_open_full (conninfo, NULL, NULL, error);
}

QuorumDb *
quorum_db_postgres_open_full (const char  *conninfo,
                              const char  *password,
                              gboolean    *needs_password,
                              GError     **error)
{
  const QuorumDbPostgresModule *module = get_module (error);

  if (needs_password != NULL)
    *needs_password = FALSE;
  return module != NULL ? module->open_full (conninfo, password, needs_password, error) : NULL;
}

gboolean
quorum_db_postgres_describe (const char  *conninfo,
                             char       **host,
                             char       **port,
                             char       **dbname,
                             char       **user)
{
  const QuorumDbPostgresModule *module = get_module (NULL);

  return module != NULL && module->describe (conninfo, host, port, dbname, user);
}

gboolean
quorum_db_postgres_is_conninfo (const char *db_name)
{
  const QuorumDbPostgresModule *module = get_module (NULL);

  return module != NULL && module->is_conninfo (db_name);
}

void
quorum_db_postgres_set_one_writer (QuorumDb *db,
                                   gboolean  one_writer)
{
  const QuorumDbPostgresModule *module = get_module (NULL);

  /* Only a connection the module made gets here: it is loaded. */
  g_return_if_fail (module != NULL);
  module->set_one_writer (db, one_writer);
}

char *
quorum_db_postgres_rewrite (const char *sql,
                            int        *n_params)
{
  const QuorumDbPostgresModule *module = get_module (NULL);

  return module != NULL ? module->rewrite (sql, n_params) : NULL;
}
