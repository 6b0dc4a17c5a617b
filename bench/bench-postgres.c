/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-postgres.c: the PostgreSQL server the store's benches measure against: a throwaway
 * cluster of build-aux/pg-cluster, durable (fsync on, synchronous_commit on, as a real server),
 * started for the run and removed after; or the server $QUORUM_BENCH_PG names. When there is
 * neither, the PostgreSQL figures are not measured and the bench says so. */

#include <stdio.h>
#include <string.h>
#include <sys/wait.h>

#include "bench.h"

#ifdef QUORUM_BENCH_HAVE_LIBPQ
#include <libpq-fe.h>
#include "store/quorum-db.h"
#include "store/postgres/quorum-db-postgres.h"
#include "store/postgres/quorum-pg-schema.h"
#endif

static char *cluster_dir;   /* the throwaway cluster's folder, or NULL */
static char *conninfo;      /* the superuser's connection, or NULL */
static char *why_not;       /* why there is no server, or NULL */
static gboolean tried;

#ifdef QUORUM_BENCH_HAVE_LIBPQ
static gboolean
start_cluster (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "PG_CLUSTER_DURABLE", "1", TRUE);
  const char *argv[] = { QUORUM_BENCH_PG_CLUSTER, "start", NULL };
  int status = 0;
  const char *host;

  printf ("postgres: starting a throwaway durable cluster (build-aux/pg-cluster start; fsync on)…\n");
  fflush (stdout);
  if (!g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error))
    {
      why_not = g_strdup_printf ("build-aux/pg-cluster could not be run: %s", error->message);
      return FALSE;
    }
  if (!g_spawn_check_wait_status (status, NULL))
    {
      g_strstrip (err);
      why_not = WIFEXITED (status) && WEXITSTATUS (status) == 77
        ? g_strdup_printf ("PostgreSQL is not installed and could not be installed (%s)", err)
        : g_strdup_printf ("build-aux/pg-cluster start failed: %s", err);
      return FALSE;
    }
  conninfo = g_strstrip (g_steal_pointer (&out));
  host = strstr (conninfo, "host=");
  if (host != NULL)
    cluster_dir = g_strndup (host + 5, strcspn (host + 5, " "));
  return TRUE;
}

/* Makes Quorum's schema and roles, and the chair the benches record as. */
static gboolean
init_schema (void)
{
  g_autoptr(GError) error = NULL;
  QuorumDb *db = quorum_db_postgres_open (conninfo, &error);
  gboolean ok;

  if (db == NULL)
    {
      why_not = g_strdup_printf ("the server could not be reached: %s", error->message);
      return FALSE;
    }
  ok = quorum_pg_admin_init (db, &error) &&
       quorum_pg_admin_grant (db, "bench_chair", QUORUM_PG_ROLE_CHAIR, &error);
  quorum_db_close (db);
  if (!ok)
    why_not = g_strdup_printf ("admin init: %s", error->message);
  return ok;
}
#endif

const char *
bench_pg_conninfo (void)
{
  if (tried)
    return conninfo;
  tried = TRUE;
#ifdef QUORUM_BENCH_HAVE_LIBPQ
  {
    const char *given = g_getenv ("QUORUM_BENCH_PG");

    if (given != NULL && *given != '\0')
      {
        printf ("postgres: the server of $QUORUM_BENCH_PG (its own fsync and synchronous_commit)\n");
        conninfo = g_strdup (given);
      }
    else if (!start_cluster ())
      {
        printf ("postgres: NOT MEASURED: %s\n\n", why_not);
        return NULL;
      }
    if (!init_schema ())
      {
        printf ("postgres: NOT MEASURED: %s\n\n", why_not);
        g_clear_pointer (&conninfo, g_free);
        return NULL;
      }
    printf ("postgres: %s\n\n", conninfo);
  }
#else
  why_not = g_strdup ("this build has no libpq (the PostgreSQL driver is not built)");
  printf ("postgres: NOT MEASURED: %s\n\n", why_not);
#endif
  return conninfo;
}

char *
bench_pg_fresh_database (const char *name)
{
#ifdef QUORUM_BENCH_HAVE_LIBPQ
  g_autoptr(GError) error = NULL;
  g_autofree char *drop = g_strdup_printf ("DROP DATABASE IF EXISTS %s", name);
  g_autofree char *create = g_strdup_printf ("CREATE DATABASE %s TEMPLATE template0 ENCODING 'UTF8' "
                                             "LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'", name);
  char *info;
  PGconn *conn;
  PGresult *res;
  QuorumDb *db;
  gboolean ok;

  if (bench_pg_conninfo () == NULL)
    return NULL;
  conn = PQconnectdb (conninfo);
  res = PQexec (conn, drop);
  PQclear (res);
  res = PQexec (conn, create);
  if (PQresultStatus (res) != PGRES_COMMAND_OK)
    {
      printf ("postgres: NOT MEASURED: %s", PQerrorMessage (conn));
      PQclear (res);
      PQfinish (conn);
      return NULL;
    }
  PQclear (res);
  PQfinish (conn);

  info = g_strdup_printf ("%s dbname=%s", conninfo, name);
  db = quorum_db_postgres_open (info, &error);
  ok = db != NULL && quorum_pg_admin_init (db, &error) &&
       quorum_pg_admin_grant (db, "bench_chair", QUORUM_PG_ROLE_CHAIR, &error);
  quorum_db_close (db);
  if (!ok)
    {
      printf ("postgres: NOT MEASURED: %s\n", error->message);
      g_free (info);
      return NULL;
    }
  return info;
#else
  (void) name;
  return NULL;
#endif
}

char *
bench_pg_conninfo_as (const char *user)
{
  const char *base = bench_pg_conninfo ();

  return base != NULL ? g_strdup_printf ("%s user=%s", base, user) : NULL;
}

void
bench_pg_stop (void)
{
  if (cluster_dir != NULL)
    {
      const char *argv[] = { QUORUM_BENCH_PG_CLUSTER, "stop", cluster_dir, NULL };

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                    NULL, NULL, NULL, NULL, NULL, NULL);
      g_clear_pointer (&cluster_dir, g_free);
    }
  g_clear_pointer (&conninfo, g_free);
  g_clear_pointer (&why_not, g_free);
}
