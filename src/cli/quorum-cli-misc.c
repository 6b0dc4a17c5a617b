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
    QuorumStore *store = quorum_cli_get_store (ctx, &error);

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

int
quorum_cli_cmd_verify (QuorumCliContext *ctx,
                       int               argc,
                       char            **argv)
{
  g_autoptr(GOptionContext) context = quorum_cli_option_context (ctx, NULL, _("Check the database and its audit chain"), NULL);
  g_autoptr(GError) error = NULL;
  QuorumStore *store;
  guint n_checked = 0;
  gboolean ok;

  if (!quorum_cli_parse (context, &argc, &argv))
    return QUORUM_EXIT_USAGE;
  if (argc > 1)
    return quorum_cli_usage (context, _("unexpected argument “%s”"), argv[1]);
  if ((store = quorum_cli_get_existing_store (ctx, &error)) == NULL)
    return quorum_cli_fail (error);

  ok = quorum_store_verify (store, &n_checked, &error);
  if (!ok && !g_error_matches (error, QUORUM_ERROR, QUORUM_ERROR_TAMPERED))
    return quorum_cli_fail (error);

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "ok");
      json_builder_add_boolean_value (builder, ok);
      json_builder_set_member_name (builder, "checked");
      json_builder_add_int_value (builder, n_checked);
      json_builder_set_member_name (builder, "problem");
      if (ok)
        json_builder_add_null_value (builder);
      else
        json_builder_add_string_value (builder, error->message);
      json_builder_end_object (builder);
      quorum_cli_print_json (json_builder_get_root (builder));
    }
  else if (ok)
    printf (_("The database is intact: %u records and audit entries checked.\n"), n_checked);

  if (!ok)
    {
      g_printerr (_("quorum-cli: tampering found: %s\n"), error->message);
      return QUORUM_EXIT_TAMPERED;
    }
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
  if ((store = quorum_cli_get_store (ctx, &error)) == NULL ||
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
