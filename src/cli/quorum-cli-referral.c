/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-cli-referral.c: the Head of Service's commands: referrals, referral notify, referral panel. */

#include <stdio.h>
#include <glib/gi18n-lib.h>

#include "export/quorum-export.h"
#include "quorum-cli-private.h"


static void
add_referral (JsonBuilder             *builder,
              const QuorumReferralRow *row)
{
  gboolean sent, heard;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, row->id);
  json_builder_set_member_name (builder, "conference");
  json_builder_add_int_value (builder, row->conference_id);
  json_builder_set_member_name (builder, "child");
  json_builder_add_int_value (builder, row->child_id);
  json_builder_set_member_name (builder, "child_name");
  json_builder_add_string_value (builder, row->child);
  json_builder_set_member_name (builder, "chair");
  json_builder_add_string_value (builder, row->chair);
  quorum_json_add_date (builder, "conference_date", &row->conference_date);
  quorum_json_add_date (builder, "due", &row->due);
  /* As it stood on the day the rows were read for (`--as-of`; today by default): sent, heard
   * and decided by then only, a value corrected later as it was before the correction
   * (row->then, core's quorum_referral_as_of (), as the app's Referrals table shows it). */
  quorum_json_add_date (builder, "notified", &row->then.notified);
  quorum_json_add_date (builder, "panel_due", &row->then.panel_due);
  quorum_json_add_date (builder, "panel_date", &row->then.panel_date);
  json_builder_set_member_name (builder, "outcome");
  if (row->then.outcome != QUORUM_PANEL_NONE)
    json_builder_add_string_value (builder, quorum_panel_outcome_to_string (row->then.outcome));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "outcome_reason");
  if (row->then.outcome_reason != NULL)
    json_builder_add_string_value (builder, row->then.outcome_reason);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "overdue");
  json_builder_add_boolean_value (builder, row->overdue);
  /* Lateness shown, never hidden; a due date on a day off with the working day before it. */
  quorum_json_add_date (builder, "due_working", &row->due_working);
  quorum_json_add_date (builder, "panel_due_working", &row->then_panel_due_working);
  quorum_json_add_bool (builder, "sent_late", row->sent_late);
  quorum_json_add_bool (builder, "heard_late", row->heard_late);
  /* Who sent it and how (its notice), null when not recorded; a sent or heard date on a day off
   * said ("saturday", "sunday", "bank-holiday", "closure"), null on a working day. As it stood
   * then, as "notified" and "panel_date" are: not yet sent, no sender (trial 8, A5: a sending
   * recorded the next day gave a sender beside "notified": null). */
  sent = g_date_valid (&row->then.notified);
  heard = g_date_valid (&row->then.panel_date);
  quorum_json_add_string (builder, "sent_by", sent ? row->sent_by : NULL);
  quorum_json_add_string (builder, "sent_means", sent ? row->sent_means : NULL);
  quorum_json_add_string (builder, "sent_day_off", sent ? quorum_day_off_to_string (row->sent_day_off) : NULL);
  quorum_json_add_string (builder, "heard_day_off", heard ? quorum_day_off_to_string (row->heard_day_off) : NULL);
  json_builder_end_object (builder);
}

/* A date given on a day off is recorded as given (people email at weekends) and said, on
 * standard error, so a typo is caught: "quorum-cli: note: 2026-12-05 is a Saturday, not a
 * working day (recorded as given)". */
static void
note_day_off (const GDate  *date,
              QuorumDayOff  day_off,
              QuorumRegion  region)
{
  g_autofree char *iso = NULL;
  const char *label = quorum_day_off_get_label (day_off, region);

  if (label == NULL || !g_date_valid (date))
    return;
  iso = quorum_date_to_string (date);
  g_printerr ("quorum-cli: ");
  /* Translators: "2026-12-05 is a Saturday, not a working day (recorded as given)" */
  g_printerr (_("note: %s is %s, not a working day (recorded as given)"), iso, label);
  g_printerr ("\n");
}

/* As it stood then (row->then), as the JSON says it. */
static const char *
referral_state (const QuorumReferralRow *row)
{
  if (row->then.outcome != QUORUM_PANEL_NONE)
    return quorum_panel_outcome_get_label (row->then.outcome);
  if (g_date_valid (&row->then.notified))
    return _("awaiting the panel");
  return _("awaiting notification");
}

int
quorum_cli_cmd_referrals (QuorumCliContext *ctx,
                          int               argc,
                          char            **argv)
{
  g_autofree char *as_of = NULL;
  gboolean overdue = FALSE;
  const GOptionEntry entries[] = {
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of, N_("Judge what is overdue as of this date (default: today)"), N_("YYYY-MM-DD") },
    { "overdue", 0, 0, G_OPTION_ARG_NONE, &overdue, N_("Only the overdue referrals"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = quorum_cli_option_context (ctx, NULL,
                                                                 _("List referrals to the Head of Service"), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GDate date;
  QuorumStore *store;

  if (!quorum_cli_parse (context, &argc, &argv))
    return QUORUM_EXIT_USAGE;
  if (argc > 1)
    return quorum_cli_usage (context, _("unexpected argument “%s”"), argv[1]);
  if (!quorum_cli_date (as_of, "--as-of", &date, &error))
    return quorum_cli_fail (error);

  if ((store = quorum_cli_get_read_store (ctx, &error)) == NULL ||
      (rows = quorum_store_list_referrals (store, as_of ? &date : NULL, overdue, &error)) == NULL)
    return quorum_cli_fail (error);

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < rows->len; i++)
        add_referral (builder, g_ptr_array_index (rows, i));
      json_builder_end_array (builder);
      quorum_cli_print_json (json_builder_get_root (builder));
      return QUORUM_EXIT_OK;
    }

  for (guint i = 0; i < rows->len; i++)
    {
      QuorumReferralRow *row = g_ptr_array_index (rows, i);
      g_autofree char *due = quorum_date_to_string (&row->due);
      g_autofree char *panel_due = quorum_date_to_string (&row->then.panel_due);

      g_autofree char *panel_working = NULL;

      /* A panel due on a day off is shown with the working day before it. */
      if (g_date_valid (&row->then.panel_due) &&
          g_date_compare (&row->then.panel_due, &row->then_panel_due_working) != 0)
        {
          g_autofree char *w = quorum_date_to_string (&row->then_panel_due_working);

          panel_working = g_strdup_printf (_(" (not a working day: %s before)"), w);
        }
      printf ("%5" G_GINT64_FORMAT "  %s %-6" G_GINT64_FORMAT " %-24s %s %s  %s%s%s%s%s%s%s\n", row->id,
              _("conference"), row->conference_id, row->child, _("due"), due, referral_state (row),
              panel_due ? _(", panel due ") : "", panel_due ? panel_due : "",
              panel_working ? panel_working : "",
              row->overdue ? _("  OVERDUE") : "",
              row->sent_late ? _("  SENT LATE") : "",
              row->heard_late ? _("  HEARD LATE") : "");
    }
  if (rows->len == 0)
    printf ("%s\n", overdue ? _("No overdue referrals.") : _("No referrals."));
  return QUORUM_EXIT_OK;
}


static int
print_row (QuorumCliContext *ctx,
           QuorumStore      *store,
           gint64            id,
           const char       *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumReferralRow) row = quorum_store_get_referral (store, id, &error);

  if (row == NULL)
    return quorum_cli_fail (error);
  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      add_referral (builder, row);
      quorum_cli_print_json (json_builder_get_root (builder));
    }
  else
    printf ("%s\n", text);
  return QUORUM_EXIT_OK;
}

int
quorum_cli_cmd_referral_notify (QuorumCliContext *ctx,
                                int               argc,
                                char            **argv)
{
  g_autofree char *date = NULL;
  g_autofree char *by = NULL;
  g_autofree char *means = NULL;
  const GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The date it was sent to the Head of Service"), N_("YYYY-MM-DD") },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by, N_("Who sent it (default: the conference’s chair)"), N_("NAME") },
    { "means", 0, 0, G_OPTION_ARG_STRING, &means, N_("How it was sent (email, letter, …)"), N_("MEANS") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = quorum_cli_option_context (ctx, "ID", _("Record that a referral was sent"), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumReferralRow) row = NULL;
  g_autofree char *text = NULL;
  g_autofree char *panel_due = NULL;
  QuorumStore *store;
  GDate sent;
  gint64 id;
  int status;

  if (!quorum_cli_parse (context, &argc, &argv))
    return QUORUM_EXIT_USAGE;
  if ((status = quorum_cli_take_id (context, argc, argv, "ID", _("which referral? Give its id"), &id)) != QUORUM_EXIT_OK)
    return status;
  QUORUM_CLI_REQUIRE (context, date, "--date");
  if (!quorum_cli_date (date, "--date", &sent, &error))
    return quorum_cli_fail (error);

  if ((store = quorum_cli_get_store (ctx, &error)) == NULL ||
      !quorum_store_send_referral (store, id, &sent, by, means, &error) ||
      (row = quorum_store_get_referral (store, id, &error)) == NULL)
    return quorum_cli_fail (error);

  note_day_off (&row->notified, row->sent_day_off, row->region);
  panel_due = quorum_date_to_string (&row->panel_due);
  text = g_strdup_printf (_("Referral %lld sent on %s; the panel must hear it by %s"),
                          (long long) id, date, panel_due);
  return print_row (ctx, store, id, text);
}

int
quorum_cli_cmd_referral_panel (QuorumCliContext *ctx,
                               int               argc,
                               char            **argv)
{
  g_autofree char *date = NULL;
  g_autofree char *outcome = NULL;
  g_autofree char *reason = NULL;
  const GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The date the panel heard it"), N_("YYYY-MM-DD") },
    { "outcome", 0, 0, G_OPTION_ARG_STRING, &outcome, N_("plan-confirmed, plan-ended or other"), N_("OUTCOME") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("The panel's reasons (required with other)"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = quorum_cli_option_context (ctx, "ID", _("Record the panel's hearing and outcome"), entries);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  QuorumPanelOutcome value;
  QuorumStore *store;
  GDate heard;
  gint64 id;
  int status;

  if (!quorum_cli_parse (context, &argc, &argv))
    return QUORUM_EXIT_USAGE;
  if ((status = quorum_cli_take_id (context, argc, argv, "ID", _("which referral? Give its id"), &id)) != QUORUM_EXIT_OK)
    return status;
  QUORUM_CLI_REQUIRE (context, date, "--date");
  QUORUM_CLI_REQUIRE (context, outcome, "--outcome");
  if (!quorum_cli_date (date, "--date", &heard, &error))
    return quorum_cli_fail (error);
  if (!quorum_panel_outcome_from_string (outcome, &value) || value == QUORUM_PANEL_NONE)
    {
      g_set_error (&error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("--outcome: “%s” is not one of plan-confirmed, plan-ended, other"), outcome);
      return quorum_cli_fail (error);
    }

  if ((store = quorum_cli_get_store (ctx, &error)) == NULL ||
      !quorum_store_record_panel (store, id, &heard, value, reason, &error))
    return quorum_cli_fail (error);

  {
    g_autoptr(QuorumReferralRow) row = quorum_store_get_referral (store, id, NULL);

    if (row != NULL)
      note_day_off (&row->panel_date, row->heard_day_off, row->region);
  }
  text = g_strdup_printf (_("The panel heard referral %lld on %s: %s"), (long long) id, date,
                          quorum_panel_outcome_get_label (value));
  return print_row (ctx, store, id, text);
}
