/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-cli-misc.c: profiles, workdays add and verify. */

#include <stdio.h>
#include <glib/gi18n-lib.h>

#include "quorum-cli-private.h"

int
quorum_cli_cmd_profiles (QuorumCliContext *ctx,
                         int               argc,
                         char            **argv)
{
  g_autoptr(GOptionContext) context = quorum_cli_option_context (ctx, NULL, _("List the policy profiles"), NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) profiles = NULL;

  if (!quorum_cli_parse (context, &argc, &argv))
    return QUORUM_EXIT_USAGE;
  if (argc > 1)
    return quorum_cli_usage (context, _("unexpected argument “%s”"), argv[1]);
  if ((profiles = quorum_profiles_load_all (&error)) == NULL)
    return quorum_cli_fail (error);

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < profiles->len; i++)
        {
          QuorumProfile *p = g_ptr_array_index (profiles, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, p->id);
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, p->name);
          json_builder_set_member_name (builder, "rule");
          json_builder_add_string_value (builder, quorum_rule_to_string (p->rule));
          json_builder_set_member_name (builder, "default");
          json_builder_add_boolean_value (builder, p->is_default);
          json_builder_set_member_name (builder, "region");
          json_builder_add_string_value (builder, quorum_region_to_string (p->region));
          json_builder_set_member_name (builder, "authority");
          if (p->authority)
            json_builder_add_string_value (builder, p->authority);
          else
            json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "seed");
          if (p->seed)
            json_builder_add_string_value (builder, p->seed);
          else
            json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "referral_working_days");
          json_builder_add_int_value (builder, p->referral_working_days);
          json_builder_set_member_name (builder, "panel_calendar_days");
          json_builder_add_int_value (builder, p->panel_calendar_days);
          /* The challenge route of a conference decision: null for a profile without one. */
          json_builder_set_member_name (builder, "challenge_route");
          if (quorum_profile_has_challenge_route (p))
            {
              g_autofree char *words = quorum_challenge_decisions_to_string (p->challenge_decisions);
              g_auto(GStrv) list = g_strsplit (words, ",", -1);

              json_builder_begin_object (builder);
              json_builder_set_member_name (builder, "raised_with");
              json_builder_add_string_value (builder, p->challenge_raised_with ? p->challenge_raised_with : "");
              json_builder_set_member_name (builder, "alerts");
              json_builder_add_string_value (builder, p->challenge_alerts);
              json_builder_set_member_name (builder, "alert_when");
              json_builder_add_string_value (builder, p->challenge_alert_when ? p->challenge_alert_when : "");
              json_builder_set_member_name (builder, "decisions");
              json_builder_begin_array (builder);
              for (guint d = 0; list[d] != NULL; d++)
                json_builder_add_string_value (builder, list[d]);
              json_builder_end_array (builder);
              json_builder_end_object (builder);
            }
          else
            json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "stages");
          json_builder_begin_array (builder);
          for (guint s = 0; s < p->stages->len; s++)
            {
              QuorumStage *stage = g_ptr_array_index (p->stages, s);

              json_builder_begin_object (builder);
              json_builder_set_member_name (builder, "stage");
              json_builder_add_int_value (builder, stage->number);
              json_builder_set_member_name (builder, "name");
              json_builder_add_string_value (builder, stage->name);
              json_builder_set_member_name (builder, "owner");
              json_builder_add_string_value (builder, stage->owner);
              json_builder_set_member_name (builder, "working_days");
              if (stage->limit_working_days >= 0)
                json_builder_add_int_value (builder, stage->limit_working_days);
              else
                json_builder_add_null_value (builder);
              json_builder_end_object (builder);
            }
          json_builder_end_array (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      quorum_cli_print_json (json_builder_get_root (builder));
      return QUORUM_EXIT_OK;
    }

  for (guint i = 0; i < profiles->len; i++)
    {
      QuorumProfile *p = g_ptr_array_index (profiles, i);

      printf ("%-18s %s%s\n", p->id, p->name, p->is_default ? _(" (default)") : "");
      printf ("%-18s %s; %s\n", "", p->rule == QUORUM_RULE_CHAIR_DECIDES
              ? _("the chair decides when there is no consensus")
              : _("majority by line-management group; a tie makes a plan and a referral"),
              quorum_region_get_label (p->region));
    }
  return QUORUM_EXIT_OK;
}

static gboolean
parse_region (const char    *region,
              QuorumRegion  *out,
              GError       **error)
{
  *out = QUORUM_REGION_ENGLAND_WALES;
  if (region != NULL && !quorum_region_from_string (region, out))
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("--region: “%s” is not one of england-wales, scotland, northern-ireland"), region);
      return FALSE;
    }
  return TRUE;
}

int
quorum_cli_cmd_workdays_add (QuorumCliContext *ctx,
                             int               argc,
                             char            **argv)
{
  g_autofree char *region = NULL;
  const GOptionEntry entries[] = {
    { "region", 0, 0, G_OPTION_ARG_STRING, &region,
      N_("england-wales (default), scotland or northern-ireland"), N_("REGION") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = quorum_cli_option_context (ctx, "D N", _("The Nth working day after a date"), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumCalendar) calendar = NULL;
  g_autofree char *result = NULL;
  QuorumRegion value;
  GDate from, out;
  gint64 n;
  char *end = NULL;

  if (!quorum_cli_parse (context, &argc, &argv))
    return QUORUM_EXIT_USAGE;
  if (argc != 3)
    return quorum_cli_usage (context, _("give a date and a number of working days, e.g. 2026-11-20 5"));
  if (!quorum_cli_date (argv[1], "D", &from, &error))
    return quorum_cli_fail (error);
  n = g_ascii_strtoll (argv[2], &end, 10);
  if (!g_ascii_isdigit (argv[2][0]) || *end != '\0' || n < 0 || n > 10000)
    {
      g_set_error (&error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("N: “%s” is not a number of working days from 0 to 10000"), argv[2]);
      return quorum_cli_fail (error);
    }
  if (!parse_region (region, &value, &error))
    return quorum_cli_fail (error);

  /* The database's local closure days count too. */
  {
    QuorumStore *store = quorum_cli_get_read_store (ctx, &error);

    if (store == NULL || (calendar = quorum_store_get_calendar (store, value, &error)) == NULL)
      return quorum_cli_fail (error);
  }
  quorum_calendar_add_working_days (calendar, &from, (guint)n, &out);
  result = quorum_date_to_string (&out);

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "date");
      json_builder_add_string_value (builder, result);
      json_builder_set_member_name (builder, "from");
      json_builder_add_string_value (builder, argv[1]);
      json_builder_set_member_name (builder, "working_days");
      json_builder_add_int_value (builder, n);
      json_builder_set_member_name (builder, "region");
      json_builder_add_string_value (builder, quorum_region_to_string (value));
      json_builder_end_object (builder);
      quorum_cli_print_json (json_builder_get_root (builder));
    }
  else
    printf ("%s\n", result);
  return QUORUM_EXIT_OK;
}

static void
add_strings (JsonBuilder *builder,
             const char  *member,
             GPtrArray   *strings)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < strings->len; i++)
    json_builder_add_string_value (builder, strings->pdata[i]);
  json_builder_end_array (builder);
}

int
quorum_cli_cmd_verify (QuorumCliContext *ctx,
                       int               argc,
                       char            **argv)
{
  g_autofree char *seal = NULL;
  const GOptionEntry entries[] = {
    { "seal", 0, 0, G_OPTION_ARG_STRING, &seal,
      N_("Also prove that the record sealed by SEAL (printed on an export) is unchanged"), N_("SEAL") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = quorum_cli_option_context (ctx, NULL, _("Check the database and its audit chain"), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumVerifyReport) report = NULL;
  QuorumStore *store;

  if (!quorum_cli_parse (context, &argc, &argv))
    return QUORUM_EXIT_USAGE;
  if (argc > 1)
    return quorum_cli_usage (context, _("unexpected argument “%s”"), argv[1]);
  if ((store = quorum_cli_get_existing_store (ctx, &error)) == NULL)
    return quorum_cli_fail (error);

  report = quorum_store_verify_report (store, seal, &error);
  if (report == NULL)
    return quorum_cli_fail (error);

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "ok");
      json_builder_add_boolean_value (builder, report->ok);
      json_builder_set_member_name (builder, "checked");
      json_builder_add_int_value (builder, report->checked);
      json_builder_set_member_name (builder, "head");
      if (report->head != NULL)
        json_builder_add_string_value (builder, report->head);
      else
        json_builder_add_null_value (builder);
      add_strings (builder, "problems", report->problems);
      add_strings (builder, "unverified", report->unverified);
      if (seal != NULL)
        {
          json_builder_set_member_name (builder, "seal");
          json_builder_add_string_value (builder, seal);
        }
      /* The first problem, as before "problems" (kept for scripts that read it). */
      json_builder_set_member_name (builder, "problem");
      if (report->problems->len > 0)
        json_builder_add_string_value (builder, report->problems->pdata[0]);
      else if (report->unverified->len > 0)
        json_builder_add_string_value (builder, report->unverified->pdata[0]);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
      quorum_cli_print_json (json_builder_get_root (builder));
    }
  else if (report->ok)
    {
      printf (_("The database is intact: %u records and audit entries checked.\n"), report->checked);
      if (report->head != NULL)
        printf (_("Seal: %s\n"), report->head);
      if (seal != NULL)
        printf (_("The record sealed by %s is unchanged.\n"), seal);
    }

  for (guint i = 0; i < report->problems->len; i++)
    {
      /* A problem may quote a tampered record's bytes: what is printed is always UTF-8. */
      g_autofree char *problem = g_utf8_make_valid (report->problems->pdata[i], -1);

      g_printerr (_("quorum-cli: tampering found: %s\n"), problem);
    }
  for (guint i = 0; i < report->unverified->len; i++)
    g_printerr (_("quorum-cli: not verified: %s\n"), (const char *) report->unverified->pdata[i]);

  if (report->problems->len > 0)
    return QUORUM_EXIT_TAMPERED;
  if (report->unverified->len > 0)
    return QUORUM_EXIT_UNVERIFIED;
  return QUORUM_EXIT_OK;
}

int
quorum_cli_cmd_backup (QuorumCliContext *ctx,
                       int               argc,
                       char            **argv)
{
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The backup to write (a new file)"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = quorum_cli_option_context (ctx, NULL,
                                                                 _("Copy the database, consistently, while in use"),
                                                                 entries);
  g_autoptr(GError) error = NULL;
  QuorumStore *store;

  if (!quorum_cli_parse (context, &argc, &argv))
    return QUORUM_EXIT_USAGE;
  if (argc > 1)
    return quorum_cli_usage (context, _("unexpected argument “%s”"), argv[1]);
  QUORUM_CLI_REQUIRE (context, output, "-o");
  if (*output == '\0')
    {
      g_set_error_literal (&error, QUORUM_ERROR, QUORUM_ERROR_INVALID, _("-o: the path is empty"));
      return quorum_cli_fail (error);
    }
  if ((store = quorum_cli_get_existing_store (ctx, &error)) == NULL ||
      !quorum_store_backup (store, output, &error))
    return quorum_cli_fail (error);

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autofree char *seal = quorum_store_get_seal (store, NULL);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "backup");
      json_builder_add_string_value (builder, output);
      json_builder_set_member_name (builder, "seal");
      json_builder_add_string_value (builder, seal);
      json_builder_end_object (builder);
      quorum_cli_print_json (json_builder_get_root (builder));
    }
  else
    printf (_("Backed up to %s\n"), output);
  return QUORUM_EXIT_OK;
}

int
quorum_cli_cmd_restore (QuorumCliContext *ctx,
                        int               argc,
                        char            **argv)
{
  g_autoptr(GOptionContext) context = quorum_cli_option_context (ctx, "FILE",
                                                                 _("Replace the database with a backup, after checking "
                                                                   "the backup's integrity and its audit chain"),
                                                                 NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *kept = NULL;

  if (!quorum_cli_parse (context, &argc, &argv))
    return QUORUM_EXIT_USAGE;
  if (argc < 2)
    return quorum_cli_usage (context, _("which backup? Give its file"));
  if (argc > 2)
    return quorum_cli_usage (context, _("unexpected argument “%s”"), argv[2]);
  if (ctx->db_option != NULL && *ctx->db_option == '\0')
    {
      g_set_error_literal (&error, QUORUM_ERROR, QUORUM_ERROR_INVALID, _("--db: the path is empty; nothing was written"));
      return quorum_cli_fail (error);
    }
  path = quorum_store_resolve_path (ctx->db_option);
  if (!quorum_store_check_location (path, &error) ||
      !quorum_store_restore (path, argv[1], &kept, &error))
    return quorum_cli_fail (error);

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "restored");
      json_builder_add_string_value (builder, argv[1]);
      json_builder_set_member_name (builder, "previous");
      if (kept != NULL)
        json_builder_add_string_value (builder, kept);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
      quorum_cli_print_json (json_builder_get_root (builder));
    }
  else if (kept != NULL)
    printf (_("Restored %s; the database it replaced is kept in %s\n"), argv[1], kept);
  else
    printf (_("Restored %s\n"), argv[1]);
  return QUORUM_EXIT_OK;
}

int
quorum_cli_cmd_workdays_close (QuorumCliContext *ctx,
                               int               argc,
                               char            **argv)
{
  g_autofree char *region = NULL;
  g_autofree char *name = NULL;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("Why the offices are closed"), N_("TEXT") },
    { "region", 0, 0, G_OPTION_ARG_STRING, &region,
      N_("england-wales (default), scotland or northern-ireland"), N_("REGION") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = quorum_cli_option_context (ctx, "D",
                                                                 _("Add a local closure day: not a working day"), entries);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  QuorumRegion value;
  QuorumStore *store;
  GDate date;
  gint64 id;

  if (!quorum_cli_parse (context, &argc, &argv))
    return QUORUM_EXIT_USAGE;
  if (argc != 2)
    return quorum_cli_usage (context, _("give the date of the closure, e.g. 2026-12-29"));
  QUORUM_CLI_REQUIRE (context, name, "--name");
  if (!quorum_cli_date (argv[1], "D", &date, &error) ||
      !parse_region (region, &value, &error))
    return quorum_cli_fail (error);

  if ((store = quorum_cli_get_store (ctx, &error)) == NULL ||
      (id = quorum_store_add_closure_day (store, value, &date, name, &error)) == 0)
    return quorum_cli_fail (error);

  text = g_strdup_printf (_("%s is a closure day in %s"), argv[1], quorum_region_get_label (value));
  quorum_cli_print_id (ctx, id, text);
  return QUORUM_EXIT_OK;
}

int
quorum_cli_cmd_workdays_closures (QuorumCliContext *ctx,
                                  int               argc,
                                  char            **argv)
{
  g_autofree char *region = NULL;
  const GOptionEntry entries[] = {
    { "region", 0, 0, G_OPTION_ARG_STRING, &region,
      N_("england-wales (default), scotland or northern-ireland"), N_("REGION") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = quorum_cli_option_context (ctx, NULL, _("List the local closure days"), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) days = NULL;
  QuorumRegion value;
  QuorumStore *store;

  if (!quorum_cli_parse (context, &argc, &argv))
    return QUORUM_EXIT_USAGE;
  if (argc > 1)
    return quorum_cli_usage (context, _("unexpected argument “%s”"), argv[1]);
  if (!parse_region (region, &value, &error))
    return quorum_cli_fail (error);
  if ((store = quorum_cli_get_read_store (ctx, &error)) == NULL ||
      (days = quorum_store_list_closure_days (store, value, &error)) == NULL)
    return quorum_cli_fail (error);

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < days->len; i++)
        {
          QuorumHoliday *day = &g_array_index (days, QuorumHoliday, i);
          g_autofree char *iso = quorum_date_to_string (&day->date);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "date");
          json_builder_add_string_value (builder, iso);
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, day->name);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      quorum_cli_print_json (json_builder_get_root (builder));
    }
  else
    {
      for (guint i = 0; i < days->len; i++)
        {
          QuorumHoliday *day = &g_array_index (days, QuorumHoliday, i);
          g_autofree char *iso = quorum_date_to_string (&day->date);

          printf ("%s  %s\n", iso, day->name);
        }
      if (days->len == 0)
        printf ("%s\n", _("No local closure days."));
    }
  return QUORUM_EXIT_OK;
}
