/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-cli-admin.c: `admin init` and `admin grant USER ROLE`: an authority's shared store on
 * PostgreSQL made once (schema, roles, grants, row-level policies) and its people given roles. */

#include <stdio.h>
#include <glib/gi18n-lib.h>

#include "quorum-cli-private.h"
#include "store/quorum-db.h"
#ifdef QUORUM_HAVE_POSTGRES
#include "store/postgres/quorum-db-postgres.h"
#include "store/postgres/quorum-pg-schema.h"
#endif

/* The location the command works on (--db, else $QUORUM_DB, else the app's own). */
static char *
admin_location (QuorumCliContext *ctx)
{
  if (ctx->db_option != NULL && *ctx->db_option == '\0')
    return NULL;
  return quorum_store_resolve_path (ctx->db_option);
}

#ifdef QUORUM_HAVE_POSTGRES
/* A server's refusal is the person's to fix (exit 2, nothing written); anything else storage. */
static int
admin_fail (const char *location,
            GError     *error)
{
  g_printerr ("quorum-cli: %s: %s\n", location, error->message);
  /* Refused by the server's rights, or the input refused (a name that is no login, no user
   * named): nothing was written, exit 2 as CLI.md says. */
  if (g_error_matches (error, QUORUM_DB_ERROR, QUORUM_DB_ERROR_PERMISSION) ||
      g_error_matches (error, QUORUM_DB_ERROR, QUORUM_DB_ERROR_CONSTRAINT))
    return QUORUM_EXIT_REJECTED;
  return QUORUM_EXIT_STORAGE;
}
#endif

int
quorum_cli_cmd_admin_init (QuorumCliContext *ctx,
                           int               argc,
                           char            **argv)
{
  const GOptionEntry entries[] = { { NULL } };
  g_autoptr(GOptionContext) context =
    quorum_cli_option_context (ctx, NULL, _("Create the schema and the roles of a shared database"), entries);
  g_autoptr(GError) error = NULL;
  g_autofree char *location = NULL;

  if (!quorum_cli_parse (context, &argc, &argv))
    return QUORUM_EXIT_USAGE;
  if (argc > 1)
    return quorum_cli_usage (context, _("unexpected argument “%s”"), argv[1]);
  if ((location = admin_location (ctx)) == NULL)
    return quorum_cli_usage (NULL, _("--db: the path is empty; nothing was written"));

  if (quorum_db_location_is_postgres (location))
    {
#ifdef QUORUM_HAVE_POSTGRES
      QuorumDb *db = quorum_db_postgres_open (location, &error);
      gboolean ok;

      if (db == NULL)
        return admin_fail (location, error);
      ok = quorum_pg_admin_init (db, &error);
      quorum_db_close (db);
      if (!ok)
        return admin_fail (location, error);
#else
      if (!quorum_store_check_location (location, &error))
        return quorum_cli_fail (error);
#endif
    }
  else if (quorum_cli_get_store (ctx, &error) == NULL)
    /* A SQLite file: opening it makes the schema (there are no roles in a file). */
    return quorum_cli_fail (error);

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "ok");
      json_builder_add_boolean_value (builder, TRUE);
      json_builder_end_object (builder);
      quorum_cli_print_json (json_builder_get_root (builder));
    }
  else
    printf (_("The database %s has Quorum's schema and roles.\n"), location);
  return QUORUM_EXIT_OK;
}

int
quorum_cli_cmd_admin_grant (QuorumCliContext *ctx,
                            int               argc,
                            char            **argv)
{
  const GOptionEntry entries[] = { { NULL } };
  g_autoptr(GOptionContext) context =
    quorum_cli_option_context (ctx, _("USER ROLE"), _("Give a person one of Quorum's roles: chair, minute-taker, head-of-service or admin"), entries);
  g_autofree char *location = NULL;

  if (!quorum_cli_parse (context, &argc, &argv))
    return QUORUM_EXIT_USAGE;
  if (argc != 3)
    return quorum_cli_usage (context, _("admin grant needs a user and a role"));
  if ((location = admin_location (ctx)) == NULL)
    return quorum_cli_usage (NULL, _("--db: the path is empty; nothing was written"));

  if (!quorum_db_location_is_postgres (location))
    {
      g_printerr (_("quorum-cli: roles belong to a shared PostgreSQL database; %s is a SQLite file, "
                    "where the login is the only person; nothing was written\n"), location);
      return QUORUM_EXIT_REJECTED;
    }
#ifdef QUORUM_HAVE_POSTGRES
  {
    g_autoptr(GError) error = NULL;
    QuorumPgRole role;
    QuorumDb *db;
    gboolean existed = TRUE;
    gboolean ok;

    if (!quorum_pg_role_from_name (argv[2], &role))
      {
        g_printerr (_("quorum-cli: “%s” is not a role: chair, minute-taker, head-of-service or admin; "
                      "nothing was written\n"), argv[2]);
        return QUORUM_EXIT_REJECTED;
      }
    if ((db = quorum_db_postgres_open (location, &error)) == NULL)
      return admin_fail (location, error);
    ok = quorum_pg_role_exists (db, argv[1], &existed, &error) &&
         quorum_pg_admin_grant (db, argv[1], role, &error);
    quorum_db_close (db);
    if (!ok)
      return admin_fail (location, error);
    if (ctx->json)
      {
        g_autoptr(JsonBuilder) builder = json_builder_new ();

        json_builder_begin_object (builder);
        json_builder_set_member_name (builder, "user");
        json_builder_add_string_value (builder, argv[1]);
        json_builder_set_member_name (builder, "role");
        json_builder_add_string_value (builder, quorum_pg_role_server_name (role));
        json_builder_set_member_name (builder, "created");
        json_builder_add_boolean_value (builder, !existed);
        json_builder_end_object (builder);
        quorum_cli_print_json (json_builder_get_root (builder));
      }
    else if (!existed)
      /* TRANSLATORS: a new login was made on the server; %s are its name and the role */
      printf (_("%s was not a login on this server: it was created, with no password yet (set one "
                "with ALTER ROLE … PASSWORD, or sign in by Kerberos), and now has the role %s.\n"),
              argv[1], quorum_pg_role_server_name (role));
    else
      printf (_("%s now has the role %s.\n"), argv[1], quorum_pg_role_server_name (role));
    return QUORUM_EXIT_OK;
  }
#else
  {
    g_autoptr(GError) error = NULL;

    quorum_store_check_location (location, &error);
    return quorum_cli_fail (error);
  }
#endif
}
