/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-cli-record.c: the commands that keep the record true to the policy: the attendance
 * timeline (attendee arrive / leave), a representative's own position (member-view) and the
 * challenge of a chair's decision (challenge raise / alert / decide / show). */

#include <stdio.h>
#include <glib/gi18n-lib.h>

#include "export/quorum-export.h"
#include "quorum-cli-private.h"

/* The store, where @attendee_id is an attendee of @conference_id; else the exit status, the
 * reason said. */
static int
open_attendee (QuorumCliContext  *ctx,
               gint64             conference_id,
               gint64             attendee_id,
               QuorumStore      **store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumConference) conference = NULL;

  if ((*store = quorum_cli_get_store (ctx, &error)) == NULL ||
      (conference = quorum_store_load_conference (*store, conference_id, &error)) == NULL)
    return quorum_cli_fail (error);
  if (quorum_conference_find_attendee (conference, attendee_id) == NULL)
    {
      g_set_error (&error, QUORUM_ERROR, QUORUM_ERROR_NOT_FOUND,
                   _("Conference %lld has no attendee %lld"),
                   (long long) conference_id, (long long) attendee_id);
      return quorum_cli_fail (error);
    }
  return QUORUM_EXIT_OK;
}

/* An attendee's place in the attendance timeline, as the JSON gives it. */
static void
add_attendance (JsonBuilder          *builder,
                const QuorumAttendee *a)
{
  quorum_json_add_int (builder, "id", a->id);
  quorum_json_add_string (builder, "name", a->name);
  quorum_json_add_string (builder, "arrived_at", a->arrived_at);
  quorum_json_add_string (builder, "left_at", a->left_at);
  quorum_json_add_bool (builder, "present", quorum_attendee_is_present (a));
}

static int
attendee_event (QuorumCliContext *ctx,
                int               argc,
                char            **argv,
                gboolean          arriving)
{
  g_autofree char *attendee = NULL;
  g_autofree char *time = NULL;
  const GOptionEntry entries[] = {
    { "attendee", 0, 0, G_OPTION_ARG_STRING, &attendee, N_("The attendee's id"), N_("ID") },
    { "time", 0, 0, G_OPTION_ARG_STRING, &time, arriving ? N_("The time they arrived") : N_("The time they left"),
      N_("HH:MM") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    quorum_cli_option_context (ctx, "CONF", arriving ? _("Record that an attendee arrived late")
                                                     : _("Record that an attendee left"), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumConference) conference = NULL;
  g_autoptr(GArray) without_view = NULL;
  QuorumAttendee *a;
  QuorumStore *store;
  gint64 conference_id;
  gint64 attendee_id;
  int status;

  if (!quorum_cli_parse (context, &argc, &argv))
    return QUORUM_EXIT_USAGE;
  if ((status = quorum_cli_take_id (context, argc, argv, "CONF", _("which conference? Give its id (CONF)"),
                                    &conference_id)) != QUORUM_EXIT_OK)
    return status;
  QUORUM_CLI_REQUIRE (context, attendee, "--attendee");
  QUORUM_CLI_REQUIRE (context, time, "--time");
  if (!quorum_cli_parse_id (attendee, "--attendee", &attendee_id, &error))
    return quorum_cli_fail (error);

  if ((status = open_attendee (ctx, conference_id, attendee_id, &store)) != QUORUM_EXIT_OK)
    return status;

  if (arriving ? !quorum_store_attendee_arrive (store, attendee_id, time, &error)
               : !quorum_store_attendee_leave (store, attendee_id, time, &without_view, &error))
    return quorum_cli_fail (error);
  if ((conference = quorum_store_load_conference (store, conference_id, &error)) == NULL)
    return quorum_cli_fail (error);
  a = quorum_conference_find_attendee (conference, attendee_id);

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      add_attendance (builder, a);
      if (!arriving)
        {
          json_builder_set_member_name (builder, "without_view");
          json_builder_begin_array (builder);
          for (guint i = 0; without_view != NULL && i < without_view->len; i++)
            json_builder_add_int_value (builder, g_array_index (without_view, gint64, i));
          json_builder_end_array (builder);
        }
      json_builder_end_object (builder);
      quorum_cli_print_json (json_builder_get_root (builder));
    }
  else if (arriving)
    printf (_("%s arrived at %s\n"), a->name, a->arrived_at);
  else
    {
      printf (_("%s left at %s; a view their group gave stays counted\n"), a->name, a->left_at);
      for (guint i = 0; without_view != NULL && i < without_view->len; i++)
        {
          QuorumChild *child = quorum_conference_find_child (conference, g_array_index (without_view, gint64, i));

          printf (_("  %s is left without a view for %s\n"), a->line_management, child ? child->name : "?");
        }
    }
  return QUORUM_EXIT_OK;
}

int
quorum_cli_cmd_attendee_arrive (QuorumCliContext *ctx,
                                int               argc,
                                char            **argv)
{
  return attendee_event (ctx, argc, argv, TRUE);
}

int
quorum_cli_cmd_attendee_leave (QuorumCliContext *ctx,
                               int               argc,
                               char            **argv)
{
  return attendee_event (ctx, argc, argv, FALSE);
}

/* Undoes a leave recorded by mistake, before sign-off. */
int
quorum_cli_cmd_attendee_return (QuorumCliContext *ctx,
                                int               argc,
                                char            **argv)
{
  g_autofree char *attendee = NULL;
  const GOptionEntry entries[] = {
    { "attendee", 0, 0, G_OPTION_ARG_STRING, &attendee, N_("The attendee's id"), N_("ID") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    quorum_cli_option_context (ctx, "CONF", _("Undo a leave recorded by mistake: the attendee is back in the room"),
                               entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumConference) conference = NULL;
  QuorumAttendee *a;
  QuorumStore *store;
  gint64 conference_id;
  gint64 attendee_id;
  int status;

  if (!quorum_cli_parse (context, &argc, &argv))
    return QUORUM_EXIT_USAGE;
  if ((status = quorum_cli_take_id (context, argc, argv, "CONF", _("which conference? Give its id (CONF)"),
                                    &conference_id)) != QUORUM_EXIT_OK)
    return status;
  QUORUM_CLI_REQUIRE (context, attendee, "--attendee");
  if (!quorum_cli_parse_id (attendee, "--attendee", &attendee_id, &error))
    return quorum_cli_fail (error);

  if ((status = open_attendee (ctx, conference_id, attendee_id, &store)) != QUORUM_EXIT_OK)
    return status;

  if (!quorum_store_attendee_return (store, attendee_id, &error) ||
      (conference = quorum_store_load_conference (store, conference_id, &error)) == NULL)
    return quorum_cli_fail (error);
  a = quorum_conference_find_attendee (conference, attendee_id);

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      add_attendance (builder, a);
      json_builder_end_object (builder);
      quorum_cli_print_json (json_builder_get_root (builder));
    }
  else
    printf (_("%s is back in the room: the leave is undone\n"), a->name);
  return QUORUM_EXIT_OK;
}

/* ---- member-view ---- */

int
quorum_cli_cmd_member_view (QuorumCliContext *ctx,
                            int               argc,
                            char            **argv)
{
  g_autofree char *child = NULL;
  g_autofree char *attendee = NULL;
  g_autofree char *view = NULL;
  g_autofree char *category = NULL;
  g_autofree char *reason = NULL;
  const GOptionEntry entries[] = {
    { "child", 0, 0, G_OPTION_ARG_STRING, &child, N_("The child's id"), N_("ID") },
    { "attendee", 0, 0, G_OPTION_ARG_STRING, &attendee, N_("The representative's attendee id"), N_("ID") },
    { "view", 0, 0, G_OPTION_ARG_STRING, &view, N_("Their own position: plan or no-plan"), N_("VIEW") },
    { "category", 0, 0, G_OPTION_ARG_STRING, &category, N_("With plan: neglect,physical,emotional,sexual"), N_("LIST") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Their reasons, in their own words"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    quorum_cli_option_context (ctx, "CONF", _("Record one representative's own position where their group's "
                                              "representatives cannot agree"), entries);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  QuorumMemberViewSpec spec = { 0 };
  QuorumStore *store;
  gint64 conference_id;
  gint64 id;
  int status;

  if (!quorum_cli_parse (context, &argc, &argv))
    return QUORUM_EXIT_USAGE;
  if ((status = quorum_cli_take_id (context, argc, argv, "CONF", _("which conference? Give its id (CONF)"),
                                    &conference_id)) != QUORUM_EXIT_OK)
    return status;
  QUORUM_CLI_REQUIRE (context, child, "--child");
  QUORUM_CLI_REQUIRE (context, attendee, "--attendee");
  QUORUM_CLI_REQUIRE (context, view, "--view");

  if (!quorum_cli_parse_id (child, "--child", &spec.child_id, &error) ||
      !quorum_cli_parse_id (attendee, "--attendee", &spec.attendee_id, &error))
    return quorum_cli_fail (error);
  if (!quorum_view_from_string (view, &spec.view) ||
      (spec.view != QUORUM_VIEW_PLAN && spec.view != QUORUM_VIEW_NO_PLAN))
    {
      g_set_error (&error, QUORUM_ERROR, QUORUM_ERROR_INVALID, _("--view: “%s” is not one of plan, no-plan"), view);
      return quorum_cli_fail (error);
    }
  if (category != NULL && !quorum_categories_from_string (category, &spec.categories))
    {
      g_set_error (&error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("--category: “%s” is not a list of categories of abuse "
                     "(neglect, physical, emotional, sexual, separated by commas)"), category);
      return quorum_cli_fail (error);
    }
  spec.reason = reason;

  if ((store = quorum_cli_get_store (ctx, &error)) == NULL ||
      (id = quorum_store_record_member_view (store, conference_id, &spec, &error)) == 0)
    return quorum_cli_fail (error);

  text = g_strdup_printf (_("Own position %lld recorded"), (long long) id);
  quorum_cli_print_id (ctx, id, text);
  return QUORUM_EXIT_OK;
}

/* ---- challenge ---- */

static int
print_challenge (QuorumCliContext *ctx,
                 QuorumStore      *store,
                 gint64            challenge_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumConference) conference = NULL;
  g_autoptr(QuorumProfile) profile = NULL;
  QuorumChallenge *c;
  gint64 conference_id;

  if ((conference_id = quorum_store_challenge_conference (store, challenge_id, &error)) == 0 ||
      (conference = quorum_store_load_conference (store, conference_id, &error)) == NULL)
    return quorum_cli_fail (error);
  profile = quorum_store_get_conference_profile (store, conference_id, NULL);
  c = quorum_conference_find_challenge (conference, challenge_id);

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      quorum_json_build_challenge (builder, conference, c);
      quorum_cli_print_json (json_builder_get_root (builder));
      return QUORUM_EXIT_OK;
    }

  {
    QuorumChild *child = quorum_conference_find_child (conference, c->child_id);
    g_autofree char *raised = quorum_date_to_string (&c->raised_on);

    printf (_("Challenge %lld by %s of the decision for %s (conference %lld)\n"),
            (long long) c->id, c->agency, child ? child->name : "?", (long long) c->conference_id);
    printf (_("  Raised %s with %s\n"), raised, c->designated_person);
    if (g_date_valid (&c->alerted_on))
      {
        g_autofree char *alerted = quorum_date_to_string (&c->alerted_on);

        printf (_("  %s alerted %s%s\n"), c->coordinator, alerted,
                quorum_challenge_alert_is_late (c) ? _(" (late: the policy says immediately)") : "");
      }
    else
      {
        /* The policy's words in the reader's language (quorum_profile_dup_frozen_text) */
        g_autofree char *alerts = profile != NULL ? quorum_profile_dup_frozen_text (profile, "Challenge", "Alerts") : NULL;
        g_autofree char *when = profile != NULL ? quorum_profile_dup_frozen_text (profile, "Challenge", "AlertWhen") : NULL;

        printf (_("  To alert: %s, %s\n"), alerts != NULL ? alerts : _("the Co-ordinator"),
                when != NULL ? when : raised);
      }
    if (g_date_valid (&c->decided_on))
      {
        g_autofree char *decided = quorum_date_to_string (&c->decided_on);

        printf (_("  Decided %s:\n"), decided);
        for (guint bit = 1; bit <= QUORUM_CHALLENGE_REFER; bit <<= 1)
          if (c->decisions & bit)
            printf ("    %s\n", quorum_challenge_decision_get_label (bit));
        if (c->plan_id > 0)
          printf (_("  Interim plan %lld\n"), (long long) c->plan_id);
        if (c->review_conference_id > 0)
          {
            g_autofree char *review = quorum_date_to_string (&c->review_date);
            printf (_("  Review conference %lld on %s\n"), (long long) c->review_conference_id, review);
          }
        if (c->referral_id > 0)
          printf (_("  Referral %lld to the Head of Service\n"), (long long) c->referral_id);
      }
  }
  return QUORUM_EXIT_OK;
}

int
quorum_cli_cmd_challenge_raise (QuorumCliContext *ctx,
                                int               argc,
                                char            **argv)
{
  g_autofree char *child = NULL;
  g_autofree char *agency = NULL;
  g_autofree char *designated = NULL;
  g_autofree char *raised_by = NULL;
  g_autofree char *concern = NULL;
  g_autofree char *date = NULL;
  const GOptionEntry entries[] = {
    { "child", 0, 0, G_OPTION_ARG_STRING, &child, N_("The child whose decision is challenged"), N_("ID") },
    { "agency", 0, 0, G_OPTION_ARG_STRING, &agency, N_("The dissenting agency"), N_("AGENCY") },
    { "designated-person", 0, 0, G_OPTION_ARG_STRING, &designated,
      N_("The agency's Designated Person it is raised with"), N_("NAME") },
    { "raised-by", 0, 0, G_OPTION_ARG_STRING, &raised_by, N_("The dissenting professional"), N_("NAME") },
    { "concern", 0, 0, G_OPTION_ARG_STRING, &concern, N_("Why the decision places the child at risk"), N_("TEXT") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The day it was raised"), N_("YYYY-MM-DD") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    quorum_cli_option_context (ctx, "CONF", _("Challenge a conference decision (a profile's challenge route)"), entries);
  g_autoptr(GError) error = NULL;
  QuorumChallengeSpec spec = { 0 };
  QuorumStore *store;
  gint64 conference_id;
  gint64 id;
  int status;

  if (!quorum_cli_parse (context, &argc, &argv))
    return QUORUM_EXIT_USAGE;
  if ((status = quorum_cli_take_id (context, argc, argv, "CONF", _("which conference? Give its id (CONF)"),
                                    &conference_id)) != QUORUM_EXIT_OK)
    return status;
  QUORUM_CLI_REQUIRE (context, child, "--child");
  QUORUM_CLI_REQUIRE (context, agency, "--agency");
  QUORUM_CLI_REQUIRE (context, designated, "--designated-person");
  QUORUM_CLI_REQUIRE (context, date, "--date");
  if (!quorum_cli_parse_id (child, "--child", &spec.child_id, &error) ||
      !quorum_cli_date (date, "--date", &spec.raised_on, &error))
    return quorum_cli_fail (error);
  spec.agency = agency;
  spec.designated_person = designated;
  spec.raised_by = raised_by;
  spec.concern = concern;

  if ((store = quorum_cli_get_store (ctx, &error)) == NULL ||
      (id = quorum_store_raise_challenge (store, conference_id, &spec, &error)) == 0)
    return quorum_cli_fail (error);
  return print_challenge (ctx, store, id);
}

int
quorum_cli_cmd_challenge_alert (QuorumCliContext *ctx,
                                int               argc,
                                char            **argv)
{
  g_autofree char *coordinator = NULL;
  g_autofree char *date = NULL;
  const GOptionEntry entries[] = {
    { "coordinator", 0, 0, G_OPTION_ARG_STRING, &coordinator, N_("The Safeguarding Co-ordinator alerted"), N_("NAME") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The day of the alert"), N_("YYYY-MM-DD") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    quorum_cli_option_context (ctx, "ID", _("Record that the Designated Person alerted the Co-ordinator"), entries);
  g_autoptr(GError) error = NULL;
  QuorumStore *store;
  GDate day;
  gint64 id;
  int status;

  if (!quorum_cli_parse (context, &argc, &argv))
    return QUORUM_EXIT_USAGE;
  if ((status = quorum_cli_take_id (context, argc, argv, "ID", _("which challenge? Give its id (ID)"), &id)) != QUORUM_EXIT_OK)
    return status;
  QUORUM_CLI_REQUIRE (context, coordinator, "--coordinator");
  QUORUM_CLI_REQUIRE (context, date, "--date");
  if (!quorum_cli_date (date, "--date", &day, &error))
    return quorum_cli_fail (error);

  if ((store = quorum_cli_get_store (ctx, &error)) == NULL ||
      !quorum_store_alert_challenge (store, id, coordinator, &day, &error))
    return quorum_cli_fail (error);
  return print_challenge (ctx, store, id);
}

int
quorum_cli_cmd_challenge_decide (QuorumCliContext *ctx,
                                 int               argc,
                                 char            **argv)
{
  g_autofree char *date = NULL;
  g_autofree char *review = NULL;
  g_autofree char *reasons = NULL;
  gboolean uphold = FALSE;
  gboolean interim = FALSE;
  gboolean refer = FALSE;
  const GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The day the Co-ordinator decided"), N_("YYYY-MM-DD") },
    { "uphold", 0, 0, G_OPTION_ARG_NONE, &uphold, N_("Uphold the decision reached by the conference chair"), NULL },
    { "interim-plan", 0, 0, G_OPTION_ARG_NONE, &interim, N_("Put an immediate interim child protection plan in place"), NULL },
    { "review-forward", 0, 0, G_OPTION_ARG_STRING, &review, N_("Bring the review conference forward to this date"),
      N_("YYYY-MM-DD") },
    { "refer", 0, 0, G_OPTION_ARG_NONE, &refer, N_("Refer the matter to the Head of Service"), NULL },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reasons, N_("The Co-ordinator's reasons"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    quorum_cli_option_context (ctx, "ID", _("Record the Safeguarding Co-ordinator's decisions on a challenge"), entries);
  g_autoptr(GError) error = NULL;
  QuorumStore *store;
  GDate day;
  GDate review_day;
  guint decisions = 0;
  gint64 id;
  int status;

  if (!quorum_cli_parse (context, &argc, &argv))
    return QUORUM_EXIT_USAGE;
  if ((status = quorum_cli_take_id (context, argc, argv, "ID", _("which challenge? Give its id (ID)"), &id)) != QUORUM_EXIT_OK)
    return status;
  QUORUM_CLI_REQUIRE (context, date, "--date");
  if (!uphold && !interim && review == NULL && !refer)
    return quorum_cli_usage (context, _("say what the Co-ordinator decided: --uphold, --interim-plan, "
                                        "--review-forward DATE and/or --refer"));
  g_date_clear (&review_day, 1);
  if (!quorum_cli_date (date, "--date", &day, &error) ||
      (review != NULL && !quorum_cli_date (review, "--review-forward", &review_day, &error)))
    return quorum_cli_fail (error);
  decisions = (uphold ? QUORUM_CHALLENGE_UPHOLD : 0) | (interim ? QUORUM_CHALLENGE_INTERIM_PLAN : 0) |
              (review != NULL ? QUORUM_CHALLENGE_REVIEW_FORWARD : 0) | (refer ? QUORUM_CHALLENGE_REFER : 0);

  if ((store = quorum_cli_get_store (ctx, &error)) == NULL ||
      !quorum_store_decide_challenge (store, id, &day, decisions, review ? &review_day : NULL, reasons, &error))
    return quorum_cli_fail (error);
  return print_challenge (ctx, store, id);
}

int
quorum_cli_cmd_challenge_show (QuorumCliContext *ctx,
                               int               argc,
                               char            **argv)
{
  g_autoptr(GOptionContext) context = quorum_cli_option_context (ctx, "ID", _("Show a challenge"), NULL);
  g_autoptr(GError) error = NULL;
  QuorumStore *store;
  gint64 id;
  int status;

  if (!quorum_cli_parse (context, &argc, &argv))
    return QUORUM_EXIT_USAGE;
  if ((status = quorum_cli_take_id (context, argc, argv, "ID", _("which challenge? Give its id (ID)"), &id)) != QUORUM_EXIT_OK)
    return status;
  if ((store = quorum_cli_get_read_store (ctx, &error)) == NULL)
    return quorum_cli_fail (error);
  return print_challenge (ctx, store, id);
}
