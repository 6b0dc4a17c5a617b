/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-cli-migrate.c: `migrate --from PATH [--to DB]`: a chair's SQLite database copied into
 * a shared one (or another file), both audit chains verified before and the target's after. The
 * work is the store's (quorum_store_migrate_from); this is its command line. */

#include <stdio.h>
#include <stdlib.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "quorum-cli-private.h"
#include "store/quorum-db.h"
#include "store/quorum-store-migrate.h"

static void
print_report (QuorumCliContext    *ctx,
              const char          *from,
              QuorumMigrateReport *report)
{
  guint copied = 0, already = 0, matched = 0;

  for (guint i = 0; i < report->tables->len; i++)
    {
      QuorumMigrateTable *t = report->tables->pdata[i];

      copied += t->copied;
      already += t->already;
      matched += t->matched;
    }

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "from");
      json_builder_add_string_value (builder, from);
      json_builder_set_member_name (builder, "source_database");
      json_builder_add_string_value (builder, report->source_database);
      json_builder_set_member_name (builder, "target_database");
      if (report->target_database != NULL)
        json_builder_add_string_value (builder, report->target_database);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "resumed");
      json_builder_add_boolean_value (builder, report->resumed);
      json_builder_set_member_name (builder, "copied");
      json_builder_add_int_value (builder, copied);
      json_builder_set_member_name (builder, "already");
      json_builder_add_int_value (builder, already);
      json_builder_set_member_name (builder, "matched");
      json_builder_add_int_value (builder, matched);
      json_builder_set_member_name (builder, "checked");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "source");
      json_builder_add_int_value (builder, report->source_checked);
      json_builder_set_member_name (builder, "target_before");
      json_builder_add_int_value (builder, report->target_checked_before);
      json_builder_set_member_name (builder, "target_after");
      json_builder_add_int_value (builder, report->target_checked_after);
      json_builder_end_object (builder);
      json_builder_set_member_name (builder, "tables");
      json_builder_begin_object (builder);
      for (guint i = 0; i < report->tables->len; i++)
        {
          QuorumMigrateTable *t = report->tables->pdata[i];

          json_builder_set_member_name (builder, t->table);
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "copied");
          json_builder_add_int_value (builder, t->copied);
          json_builder_set_member_name (builder, "already");
          json_builder_add_int_value (builder, t->already);
          json_builder_set_member_name (builder, "matched");
          json_builder_add_int_value (builder, t->matched);
          /* The source's id → the target's, for every row of the table. */
          json_builder_set_member_name (builder, "ids");
          json_builder_begin_object (builder);
          for (guint j = 0; j + 1 < t->ids->len; j += 2)
            {
              g_autofree char *key = g_strdup_printf ("%lld", (long long) g_array_index (t->ids, gint64, j));

              json_builder_set_member_name (builder, key);
              json_builder_add_int_value (builder, g_array_index (t->ids, gint64, j + 1));
            }
          json_builder_end_object (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_object (builder);
      json_builder_end_object (builder);
      quorum_cli_print_json (json_builder_get_root (builder));
      return;
    }

  if (report->resumed)
    printf (_("Copied %u records from %s, resuming an earlier run that had copied %u.\n"), copied, from, already);
  else
    printf (_("Copied %u records from %s.\n"), copied, from);
  for (guint i = 0; i < report->tables->len; i++)
    {
      QuorumMigrateTable *t = report->tables->pdata[i];

      if (t->copied > 0)
        printf ("  %-20s %u\n", t->table, t->copied);
    }
  if (matched > 0)
    printf (ngettext ("%u closure day was in the target already.\n",
                      "%u closure days were in the target already.\n", matched), matched);
  printf (_("Both audit chains verified: %u records and entries in the source before, %u in the target after.\n"),
          report->source_checked, report->target_checked_after);
}

int
quorum_cli_cmd_migrate (QuorumCliContext *ctx,
                        int               argc,
                        char            **argv)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_FILENAME, &from, N_("The SQLite database to copy"), N_("PATH") },
    { "to", 0, 0, G_OPTION_ARG_FILENAME, &to,
      N_("The database to copy it into (default: --db, else $QUORUM_DB)"), N_("DB") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    quorum_cli_option_context (ctx, NULL, _("Copy a SQLite database into a shared one, its audit chain verified"), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) source = NULL;
  g_autoptr(QuorumMigrateReport) report = NULL;
  QuorumStore *target;

  if (!quorum_cli_parse (context, &argc, &argv))
    return QUORUM_EXIT_USAGE;
  if (argc > 1)
    return quorum_cli_usage (context, _("unexpected argument “%s”"), argv[1]);
  QUORUM_CLI_REQUIRE (context, from, "--from");
  if (to != NULL && ctx->db_option != NULL)
    return quorum_cli_usage (context, _("give the target once: --to or --db, not both"));

  if (*from == '\0' || (to != NULL && *to == '\0'))
    {
      g_printerr (_("quorum-cli: %s: the path is empty; nothing was written\n"), *from == '\0' ? "--from" : "--to");
      return QUORUM_EXIT_REJECTED;
    }
  if (quorum_db_location_is_postgres (from))
    {
      g_printerr (_("quorum-cli: --from names a PostgreSQL database; migrate copies a chair's SQLite file "
                    "into a shared one; nothing was written\n"));
      return QUORUM_EXIT_REJECTED;
    }
  if (!g_file_test (from, G_FILE_TEST_IS_REGULAR))
    {
      g_printerr (_("quorum-cli: there is no database at %s; nothing was written\n"), from);
      return QUORUM_EXIT_REJECTED;
    }
  if (to != NULL)
    {
      g_free (ctx->db_option);
      ctx->db_option = g_strdup (to);
    }
  {
    g_autofree char *target_path = quorum_store_resolve_path (ctx->db_option);

    if (!quorum_db_location_is_postgres (target_path) && g_file_test (target_path, G_FILE_TEST_EXISTS))
      {
        g_autofree char *a = g_canonicalize_filename (from, NULL);
        g_autofree char *b = g_canonicalize_filename (target_path, NULL);
        g_autofree char *ra = realpath (a, NULL);
        g_autofree char *rb = realpath (b, NULL);

        if (g_strcmp0 (ra != NULL ? ra : a, rb != NULL ? rb : b) == 0)
          {
            g_printerr (_("quorum-cli: --from and the target are the same database (%s); nothing was written\n"), from);
            return QUORUM_EXIT_REJECTED;
          }
      }
  }

  /* The source first: a source that is not a Quorum database leaves no target made for nothing. */
  source = quorum_store_open_full (from, QUORUM_STORE_OPEN_NO_BACKUPS, &error);
  if (source == NULL)
    {
      g_printerr (_("quorum-cli: %s cannot be migrated: %s; nothing was written\n"), from, error->message);
      return QUORUM_EXIT_REJECTED;
    }
  if ((target = quorum_cli_get_store (ctx, &error)) == NULL)
    return quorum_cli_fail (error);

  {
    /* The target's audit entries name the file and the computer it was copied from. */
    g_autofree char *absolute = g_canonicalize_filename (from, NULL);
    g_autofree char *label = g_strdup_printf ("%s on %s", absolute, g_get_host_name ());

    report = quorum_store_migrate_from (target, source, label, &error);
  }
  if (report == NULL)
    return quorum_cli_fail (error);
  print_report (ctx, from, report);
  return QUORUM_EXIT_OK;
}
