/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-cli-life.c: plans, referrals and notices over time: referral correct, plan end,
 * plan review, notices, notice give, difference flag. */

#include <stdio.h>
#include <glib/gi18n-lib.h>

#include "export/quorum-export.h"
#include "store/quorum-store-life.h"
#include "store/quorum-store-difference.h"
#include "quorum-cli-private.h"

/* ---- referral correct ---- */

int
quorum_cli_cmd_referral_correct (QuorumCliContext *ctx,
                                 int               argc,
                                 char            **argv)
{
  g_autofree char *field = NULL;
  g_autofree char *value = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *panel_reason = NULL;
  const GOptionEntry entries[] = {
    { "field", 0, 0, G_OPTION_ARG_STRING, &field, N_("What to correct: notified, panel_date or outcome"), N_("FIELD") },
    { "value", 0, 0, G_OPTION_ARG_STRING, &value, N_("The right value: a date (YYYY-MM-DD) or plan-confirmed, plan-ended, other"), N_("VALUE") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why it is corrected"), N_("TEXT") },
    { "panel-reason", 0, 0, G_OPTION_ARG_STRING, &panel_reason, N_("The panel's reasons for the corrected outcome (needed for other; else the old reasons are cleared)"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = quorum_cli_option_context (ctx, "ID", _("Correct a referral’s date or outcome, keeping the old value"), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumReferralRow) row = NULL;
  QuorumReferralField which;
  QuorumStore *store;
  gint64 id;
  gint64 correction;
  int status;

  if (!quorum_cli_parse (context, &argc, &argv))
    return QUORUM_EXIT_USAGE;
  if ((status = quorum_cli_take_id (context, argc, argv, "ID", _("which referral? Give its id"), &id)) != QUORUM_EXIT_OK)
    return status;
  QUORUM_CLI_REQUIRE (context, field, "--field");
  QUORUM_CLI_REQUIRE (context, value, "--value");
  QUORUM_CLI_REQUIRE (context, reason, "--reason");
  if (!quorum_referral_field_from_string (field, &which))
    {
      g_set_error (&error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("--field: “%s” is not one of notified, panel_date, outcome"), field);
      return quorum_cli_fail (error);
    }

  if (!(store = quorum_cli_get_store (ctx, &error)) ||
      !(correction = quorum_store_correct_referral_full (store, id, which, value, panel_reason, reason, &error)) ||
      !(row = quorum_store_get_referral (store, id, &error)))
    return quorum_cli_fail (error);

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(QuorumConference) conference = quorum_store_load_conference (store, row->conference_id, NULL);
      const QuorumReferral *referral = conference ? quorum_conference_find_referral (conference, row->child_id) : NULL;
      const QuorumReferralCorrection *c = NULL;

      if (referral != NULL && referral->corrections != NULL && referral->corrections->len > 0)
        c = g_ptr_array_index (referral->corrections, referral->corrections->len - 1);

      json_builder_begin_object (builder);
      quorum_json_add_int (builder, "id", correction);
      quorum_json_add_int (builder, "referral", id);
      quorum_json_add_string (builder, "field", quorum_referral_field_to_string (which));
      quorum_json_add_string (builder, "old_value", c != NULL ? c->old_value : NULL);
      quorum_json_add_string (builder, "new_value", c != NULL ? c->new_value : value);
      quorum_json_add_string (builder, "reason", reason);
      quorum_json_add_date (builder, "notified", &row->notified);
      quorum_json_add_date (builder, "panel_due", &row->panel_due);
      quorum_json_add_date (builder, "panel_due_working", &row->panel_due_working);
      quorum_json_add_date (builder, "panel_date", &row->panel_date);
      quorum_json_add_string (builder, "outcome", row->outcome != QUORUM_PANEL_NONE
                                                  ? quorum_panel_outcome_to_string (row->outcome) : NULL);
      quorum_json_add_string (builder, "outcome_reason", row->outcome_reason);
      quorum_json_add_bool (builder, "sent_late", row->sent_late);
      quorum_json_add_bool (builder, "heard_late", row->heard_late);
      quorum_json_add_string (builder, "sent_day_off", quorum_day_off_to_string (row->sent_day_off));
      quorum_json_add_string (builder, "heard_day_off", quorum_day_off_to_string (row->heard_day_off));
      json_builder_end_object (builder);
      quorum_cli_print_json (json_builder_get_root (builder));
    }
  else
    printf (_("Referral %lld: %s corrected to %s (correction %lld; the old value is kept).\n"),
            (long long) id, quorum_referral_field_get_label (which), value, (long long) correction);
  return QUORUM_EXIT_OK;
}

/* ---- plan end / plan review ---- */

int
quorum_cli_cmd_plan_end (QuorumCliContext *ctx,
                         int               argc,
                         char            **argv)
{
  g_autofree char *date = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *conference = NULL;
  const GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The date the plan ended"), N_("YYYY-MM-DD") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why it ended"), N_("TEXT") },
    { "conference", 0, 0, G_OPTION_ARG_STRING, &conference, N_("The later conference that ended it"), N_("CONF") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = quorum_cli_option_context (ctx, "PLAN", _("Record the end of a child protection plan"), entries);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  QuorumStore *store;
  gint64 conf_id = 0;
  gint64 id;
  gint64 event;
  GDate when;
  int status;

  if (!quorum_cli_parse (context, &argc, &argv))
    return QUORUM_EXIT_USAGE;
  if ((status = quorum_cli_take_id (context, argc, argv, "PLAN", _("which plan? Give its id"), &id)) != QUORUM_EXIT_OK)
    return status;
  QUORUM_CLI_REQUIRE (context, date, "--date");
  QUORUM_CLI_REQUIRE (context, reason, "--reason");
  if (!quorum_cli_date (date, "--date", &when, &error) ||
      (conference != NULL && !quorum_cli_parse_id (conference, "--conference", &conf_id, &error)))
    return quorum_cli_fail (error);

  if (!(store = quorum_cli_get_store (ctx, &error)) ||
      !(event = quorum_store_end_plan (store, id, &when, conf_id, reason, &error)))
    return quorum_cli_fail (error);

  text = g_strdup_printf (_("Plan %lld ended on %s."), (long long) id, date);
  quorum_cli_print_id (ctx, event, text);
  return QUORUM_EXIT_OK;
}

int
quorum_cli_cmd_plan_review (QuorumCliContext *ctx,
                            int               argc,
                            char            **argv)
{
  g_autofree char *date = NULL;
  const GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The review date"), N_("YYYY-MM-DD") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = quorum_cli_option_context (ctx, "PLAN", _("Record a review date of a child protection plan"), entries);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  QuorumStore *store;
  gint64 id;
  gint64 event;
  GDate when;
  int status;

  if (!quorum_cli_parse (context, &argc, &argv))
    return QUORUM_EXIT_USAGE;
  if ((status = quorum_cli_take_id (context, argc, argv, "PLAN", _("which plan? Give its id"), &id)) != QUORUM_EXIT_OK)
    return status;
  QUORUM_CLI_REQUIRE (context, date, "--date");
  if (!quorum_cli_date (date, "--date", &when, &error))
    return quorum_cli_fail (error);

  if (!(store = quorum_cli_get_store (ctx, &error)) ||
      !(event = quorum_store_review_plan (store, id, &when, &error)))
    return quorum_cli_fail (error);

  text = g_strdup_printf (_("Plan %lld: review on %s."), (long long) id, date);
  quorum_cli_print_id (ctx, event, text);
  return QUORUM_EXIT_OK;
}

/* ---- notices ---- */

static void
add_notice (JsonBuilder           *builder,
            const QuorumNoticeRow *n)
{
  json_builder_begin_object (builder);
  if (n->id > 0)
    quorum_json_add_int (builder, "id", n->id);
  else
    {
      json_builder_set_member_name (builder, "id");
      json_builder_add_null_value (builder);
    }
  quorum_json_add_string (builder, "kind", n->kind);
  quorum_json_add_string (builder, "profile", n->profile_id);
  quorum_json_add_bool (builder, "pending", n->pending);
  json_builder_set_member_name (builder, "referral");
  if (n->referral_id > 0)
    json_builder_add_int_value (builder, n->referral_id);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "difference");
  if (n->difference_id > 0)
    json_builder_add_int_value (builder, n->difference_id);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "conference");
  if (n->conference_id > 0)
    json_builder_add_int_value (builder, n->conference_id);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "stage");
  if (n->stage > 0)
    json_builder_add_int_value (builder, n->stage);
  else
    json_builder_add_null_value (builder);
  quorum_json_add_date (builder, "due", &n->due);
  quorum_json_add_date (builder, "date", &n->date);
  quorum_json_add_string (builder, n->pending ? "owner" : "by", n->by);
  quorum_json_add_string (builder, "to", n->to);
  quorum_json_add_string (builder, "about", n->about);
  quorum_json_add_string (builder, "means", n->means);
  quorum_json_add_string (builder, "source", n->source);
  json_builder_end_object (builder);
}

int
quorum_cli_cmd_notices (QuorumCliContext *ctx,
                        int               argc,
                        char            **argv)
{
  gboolean pending = FALSE;
  const GOptionEntry entries[] = {
    { "pending", 0, 0, G_OPTION_ARG_NONE, &pending, N_("Only the notices not yet given"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = quorum_cli_option_context (ctx, NULL, _("List the notices the policies name, given and pending"), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) profiles = NULL;
  QuorumStore *store;

  if (!quorum_cli_parse (context, &argc, &argv))
    return QUORUM_EXIT_USAGE;
  if (argc > 1)
    return quorum_cli_usage (context, _("unexpected argument “%s”"), argv[1]);
  if (!(store = quorum_cli_get_read_store (ctx, &error)) ||
      !(rows = quorum_store_list_notices (store, pending, &error)))
    return quorum_cli_fail (error);

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < rows->len; i++)
        add_notice (builder, g_ptr_array_index (rows, i));
      json_builder_end_array (builder);
      quorum_cli_print_json (json_builder_get_root (builder));
      return QUORUM_EXIT_OK;
    }

  profiles = quorum_profiles_load_all (NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      const QuorumNoticeRow *n = g_ptr_array_index (rows, i);
      g_autofree char *subject = n->referral_id > 0
        ? g_strdup_printf (_("referral %lld"), (long long) n->referral_id)
        : n->stage > 0 ? g_strdup_printf (_("difference %lld, stage %d"), (long long) n->difference_id, n->stage)
                       : g_strdup_printf (_("difference %lld"), (long long) n->difference_id);

      if (n->pending)
        {
          g_autofree char *due = quorum_date_to_string (&n->due);

          printf (_("PENDING  %-18s %s: %s → %s%s%s\n"), n->kind, subject, n->by, n->to,
                  due ? _(", due ") : "", due ? due : "");
        }
      else
        {
          g_autofree char *when = quorum_date_to_string (&n->date);
          /* Whom the policy names, kept with the notice in its recorder's language: in the reader's */
          g_autofree char *to = NULL;
          const QuorumProfile *profile = NULL;

          for (guint k = 0; profiles != NULL && k < profiles->len && profile == NULL; k++)
            if (g_strcmp0 (((QuorumProfile *) g_ptr_array_index (profiles, k))->id, n->profile_id) == 0)
              profile = g_ptr_array_index (profiles, k);
          to = quorum_profile_dup_notice_text_as_read (profile, n->kind, "To", n->to);
          printf (_("given    %-18s %s: %s, by %s to %s (%s)\n"), n->kind, subject, when, n->by, to, n->means);
        }
    }
  if (rows->len == 0)
    printf ("%s\n", pending ? _("No pending notices.") : _("No notices."));
  return QUORUM_EXIT_OK;
}

int
quorum_cli_cmd_notice_give (QuorumCliContext *ctx,
                            int               argc,
                            char            **argv)
{
  g_autofree char *kind = NULL;
  g_autofree char *difference = NULL;
  g_autofree char *referral = NULL;
  g_autofree char *date = NULL;
  g_autofree char *by = NULL;
  g_autofree char *to = NULL;
  g_autofree char *about = NULL;
  g_autofree char *means = NULL;
  int stage = 0;
  const GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, N_("The notice, as its profile names it (e.g. business-unit, feedback)"), N_("KIND") },
    { "difference", 0, 0, G_OPTION_ARG_STRING, &difference, N_("The difference it is about"), N_("ID") },
    { "referral", 0, 0, G_OPTION_ARG_STRING, &referral, N_("The referral it is about (use referral notify)"), N_("ID") },
    { "stage", 0, 0, G_OPTION_ARG_INT, &stage, N_("For a notice at every stage: which (default: the current)"), N_("N") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("When it was given"), N_("YYYY-MM-DD") },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by, N_("Who gave it"), N_("NAME") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Who was told (default: the policy’s words)"), N_("WHOM") },
    { "about", 0, 0, G_OPTION_ARG_STRING, &about, N_("What they were told (default: the policy’s words)"), N_("TEXT") },
    { "means", 0, 0, G_OPTION_ARG_STRING, &means, N_("How: email, letter, phone, meeting…"), N_("MEANS") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = quorum_cli_option_context (ctx, NULL, _("Record a notice a policy names as given"), entries);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  QuorumNoticeSpec spec = { 0 };
  QuorumStore *store;
  gint64 id;

  if (!quorum_cli_parse (context, &argc, &argv))
    return QUORUM_EXIT_USAGE;
  if (argc > 1)
    return quorum_cli_usage (context, _("unexpected argument “%s”"), argv[1]);
  QUORUM_CLI_REQUIRE (context, kind, "--kind");
  if (difference == NULL && referral == NULL)
    return quorum_cli_usage (context, _("%s is required"), "--difference");
  QUORUM_CLI_REQUIRE (context, date, "--date");
  QUORUM_CLI_REQUIRE (context, by, "--by");
  QUORUM_CLI_REQUIRE (context, means, "--means");

  if ((difference != NULL && !quorum_cli_parse_id (difference, "--difference", &spec.difference_id, &error)) ||
      (referral != NULL && !quorum_cli_parse_id (referral, "--referral", &spec.referral_id, &error)) ||
      !quorum_cli_date (date, "--date", &spec.date, &error))
    return quorum_cli_fail (error);
  spec.kind = kind;
  spec.stage = stage;
  spec.by = by;
  spec.to = to;
  spec.about = about;
  spec.means = means;

  if (!(store = quorum_cli_get_store (ctx, &error)) ||
      !(id = quorum_store_give_notice (store, &spec, &error)))
    return quorum_cli_fail (error);

  text = g_strdup_printf (_("Notice %s recorded as given on %s."), kind, date);
  quorum_cli_print_id (ctx, id, text);
  return QUORUM_EXIT_OK;
}

/* ---- difference flag ---- */

int
quorum_cli_cmd_difference_flag (QuorumCliContext *ctx,
                                int               argc,
                                char            **argv)
{
  gboolean immediate_risk = FALSE;
  gboolean formal_challenge = FALSE;
  g_autofree char *date = NULL;
  g_autofree char *detail = NULL;
  const GOptionEntry entries[] = {
    { "immediate-risk", 0, 0, G_OPTION_ARG_NONE, &immediate_risk, N_("A child is at immediate risk of significant harm (at any stage)"), NULL },
    { "formal-challenge", 0, 0, G_OPTION_ARG_NONE, &formal_challenge, N_("A formal challenge was lodged (profiles that record one)"), NULL },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("When"), N_("YYYY-MM-DD") },
    { "detail", 0, 0, G_OPTION_ARG_STRING, &detail, N_("What the risk is, or the challenge’s reasons"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = quorum_cli_option_context (ctx, "ID", _("Flag immediate risk or a formal challenge on a difference"), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumDifference) d = NULL;
  g_autoptr(QuorumProfile) profile = NULL;
  const QuorumDifferenceStage *stage;
  QuorumStore *store;
  GDate when;
  gint64 id;
  gint64 event;
  int status;

  if (!quorum_cli_parse (context, &argc, &argv))
    return QUORUM_EXIT_USAGE;
  if ((status = quorum_cli_take_id (context, argc, argv, "ID", _("which difference? Give its id (ID)"), &id)) != QUORUM_EXIT_OK)
    return status;
  if (immediate_risk == formal_challenge)
    return quorum_cli_usage (context, _("give one of --immediate-risk or --formal-challenge"));
  QUORUM_CLI_REQUIRE (context, date, "--date");
  if (!quorum_cli_date (date, "--date", &when, &error))
    return quorum_cli_fail (error);

  if (!(store = quorum_cli_get_store (ctx, &error)) ||
      !(event = quorum_store_flag_difference (store, id, immediate_risk ? "immediate-risk" : "formal-challenge",
                                              &when, detail, &error)) ||
      !(d = quorum_store_load_difference (store, id, &error)))
    return quorum_cli_fail (error);
  profile = quorum_profiles_lookup (d->profile_id, NULL);
  stage = quorum_difference_get_current_stage (d);

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      quorum_json_add_int (builder, "id", event);
      quorum_json_add_int (builder, "difference", id);
      quorum_json_add_string (builder, "kind", immediate_risk ? "immediate-risk" : "formal-challenge");
      quorum_json_add_int (builder, "stage", stage->number);
      quorum_json_add_date (builder, "due", &stage->due);
      quorum_json_add_bool (builder, "immediate_risk_same_day", profile != NULL && profile->immediate_risk_same_day);
      quorum_json_add_string (builder, "immediate_risk_advice",
                              immediate_risk && profile != NULL ? profile->immediate_risk_advice : NULL);
      json_builder_end_object (builder);
      quorum_cli_print_json (json_builder_get_root (builder));
    }
  else if (immediate_risk)
    {
      g_autofree char *due = quorum_date_to_string (&stage->due);

      printf ("%s\n%s\n", _("!!! IMMEDIATE RISK OF SIGNIFICANT HARM !!!"),
              profile != NULL ? profile->immediate_risk_advice : "");
      if (profile != NULL && profile->immediate_risk_same_day && due != NULL)
        printf (_("Escalate the same working day: stage %d is due %s.\n"), stage->number, due);
    }
  else
    printf (_("Difference %lld: a formal challenge is recorded as lodged on %s.\n"), (long long) id, date);
  return QUORUM_EXIT_OK;
}
