/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-cli-conference.c: the commands a chair runs a conference with: conference, attendee,
 * consensus, vote, decide, finalise and amend. */

#include <stdio.h>
#include <glib/gi18n-lib.h>

#include "export/quorum-export.h"
#include "quorum-cli-private.h"


static gboolean
parse_child (const char  *value,
             gint64      *out,
             GError     **error)
{
  return quorum_cli_parse_id (value, "--child", out, error);
}

static gboolean
parse_categories (const char  *value,
                  guint       *out,
                  GError     **error)
{
  *out = 0;
  if (value == NULL)
    return TRUE;
  if (!quorum_categories_from_string (value, out))
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("--category: “%s” is not a list of categories of abuse "
                     "(neglect, physical, emotional, sexual, separated by commas)"), value);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_view (const char  *value,
            const char  *option,
            gboolean     allow_decline,
            gboolean     allow_none,
            QuorumView  *out,
            GError     **error)
{
  if (!quorum_view_from_string (value, out) ||
      (*out == QUORUM_VIEW_DECLINE && !allow_decline) ||
      (*out == QUORUM_VIEW_NONE && !allow_none))
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID, _("%s: “%s” is not one of %s"), option, value,
                   allow_decline ? "plan, no-plan, decline" : allow_none ? "plan, no-plan, none" : "plan, no-plan");
      return FALSE;
    }
  return TRUE;
}


/* ---- conference new ---- */

int
quorum_cli_cmd_conference_new (QuorumCliContext *ctx,
                               int               argc,
                               char            **argv)
{
  g_auto(GStrv) children = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;
  g_autofree char *chair = NULL;
  g_autofree char *profile = NULL;
  g_autofree char *case_ref = NULL;
  g_autofree char *venue = NULL;
  g_autofree char *minute_taker = NULL;
  const GOptionEntry entries[] = {
    { "child", 0, 0, G_OPTION_ARG_STRING_ARRAY, &children, N_("A child the conference is about (repeat for siblings)"), N_("NAME") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, N_("initial, review, transfer-in or pre-birth"), N_("KIND") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The date of the conference"), N_("YYYY-MM-DD") },
    { "time", 0, 0, G_OPTION_ARG_STRING, &time, N_("The time it starts"), N_("HH:MM") },
    { "chair", 0, 0, G_OPTION_ARG_STRING, &chair, N_("The chair (IRO)"), N_("NAME") },
    { "profile", 0, 0, G_OPTION_ARG_STRING, &profile, N_("The policy profile (default: bolton)"), N_("ID") },
    { "case-ref", 0, 0, G_OPTION_ARG_STRING, &case_ref, N_("The case reference"), N_("REF") },
    { "venue", 0, 0, G_OPTION_ARG_STRING, &venue, N_("Where it is held"), N_("TEXT") },
    { "minute-taker", 0, 0, G_OPTION_ARG_STRING, &minute_taker, N_("Who takes the minutes"), N_("NAME") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = quorum_cli_option_context (ctx, NULL, _("Create a conference"), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumConference) conference = NULL;
  QuorumConferenceSpec spec = { 0 };
  QuorumStore *store;
  gint64 id;

  if (!quorum_cli_parse (context, &argc, &argv))
    return QUORUM_EXIT_USAGE;
  if (argc > 1)
    return quorum_cli_usage (context, _("unexpected argument “%s”"), argv[1]);
  QUORUM_CLI_REQUIRE (context, children, "--child");
  QUORUM_CLI_REQUIRE (context, kind, "--kind");
  QUORUM_CLI_REQUIRE (context, date, "--date");
  QUORUM_CLI_REQUIRE (context, chair, "--chair");

  if (!quorum_kind_from_string (kind, &spec.kind))
    {
      g_set_error (&error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("--kind: “%s” is not one of initial, review, transfer-in, pre-birth"), kind);
      return quorum_cli_fail (error);
    }
  if (!quorum_cli_date (date, "--date", &spec.date, &error))
    return quorum_cli_fail (error);
  spec.time = time;
  spec.chair = chair;
  spec.profile_id = profile;
  spec.case_ref = case_ref;
  spec.venue = venue;
  spec.minute_taker = minute_taker;
  spec.children = (const char * const *)children;

  if ((store = quorum_cli_get_store (ctx, &error)) == NULL ||
      (id = quorum_store_create_conference (store, &spec, &error)) == 0 ||
      (conference = quorum_store_load_conference (store, id, &error)) == NULL)
    return quorum_cli_fail (error);

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, id);
      json_builder_set_member_name (builder, "profile");
      json_builder_add_string_value (builder, conference->profile_id);
      json_builder_set_member_name (builder, "children");
      json_builder_begin_array (builder);
      for (guint i = 0; i < conference->children->len; i++)
        {
          QuorumChild *child = g_ptr_array_index (conference->children, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_int_value (builder, child->id);
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, child->name);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      quorum_cli_print_json (json_builder_get_root (builder));
    }
  else
    {
      printf (_("Conference %lld created under the %s profile\n"), (long long) id, conference->profile_id);
      for (guint i = 0; i < conference->children->len; i++)
        {
          QuorumChild *child = g_ptr_array_index (conference->children, i);
          printf (_("  child %lld: %s\n"), (long long) child->id, child->name);
        }
    }
  return QUORUM_EXIT_OK;
}

/* ---- conference show / list / proceed ---- */

int
quorum_cli_cmd_conference_show (QuorumCliContext *ctx,
                                int               argc,
                                char            **argv)
{
  g_autoptr(GOptionContext) context = quorum_cli_option_context (ctx, "CONF", _("Show a whole conference"), NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumConference) conference = NULL;
  g_autoptr(QuorumProfile) profile = NULL;
  QuorumStore *store;
  gint64 id;
  int status;

  if (!quorum_cli_parse (context, &argc, &argv))
    return QUORUM_EXIT_USAGE;
  if ((status = quorum_cli_take_id (context, argc, argv, "CONF", _("which conference? Give its id (CONF)"), &id)) != QUORUM_EXIT_OK)
    return status;

  if ((store = quorum_cli_get_read_store (ctx, &error)) == NULL ||
      (conference = quorum_store_load_conference (store, id, &error)) == NULL)
    return quorum_cli_fail (error);
  /* The profile frozen with it; an unreadable one still lets the record be read. */
  profile = quorum_store_get_conference_profile (store, id, NULL);

  if (ctx->json)
    quorum_cli_print_json (quorum_json_conference (conference, profile));
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *by = quorum_store_dup_shown_signer (store);
      g_autofree char *text = quorum_export_text_string (conference, profile, by, now);

      fputs (text, stdout);
    }
  return QUORUM_EXIT_OK;
}

int
quorum_cli_cmd_conference_list (QuorumCliContext *ctx,
                                int               argc,
                                char            **argv)
{
  g_autofree char *search = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  const GOptionEntry entries[] = {
    { "search", 0, 0, G_OPTION_ARG_STRING, &search, N_("Child, case reference, chair or date"), N_("TEXT") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("On or after this date"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("On or before this date"), N_("YYYY-MM-DD") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = quorum_cli_option_context (ctx, NULL, _("List conferences, newest first"), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GDate from_date, to_date;
  QuorumStore *store;

  if (!quorum_cli_parse (context, &argc, &argv))
    return QUORUM_EXIT_USAGE;
  if (!quorum_cli_date (from, "--from", &from_date, &error) ||
      !quorum_cli_date (to, "--to", &to_date, &error))
    return quorum_cli_fail (error);
  if ((store = quorum_cli_get_read_store (ctx, &error)) == NULL ||
      (rows = quorum_store_list_conferences (store, search, from ? &from_date : NULL,
                                             to ? &to_date : NULL, &error)) == NULL)
    return quorum_cli_fail (error);

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < rows->len; i++)
        {
          QuorumConferenceSummary *s = g_ptr_array_index (rows, i);
          g_autofree char *date_str = quorum_date_to_string (&s->date);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_int_value (builder, s->id);
          json_builder_set_member_name (builder, "kind");
          json_builder_add_string_value (builder, quorum_kind_to_string (s->kind));
          quorum_json_add_string (builder, "date", date_str);
          quorum_json_add_string (builder, "time", s->time);
          quorum_json_add_string (builder, "chair", s->chair);
          quorum_json_add_string (builder, "case_ref", s->case_ref);
          quorum_json_add_string (builder, "profile", s->profile_id);
          quorum_json_add_string (builder, "child_names", s->children);
          json_builder_set_member_name (builder, "finalised");
          json_builder_add_boolean_value (builder, s->finalised);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      quorum_cli_print_json (json_builder_get_root (builder));
    }
  else
    {
      for (guint i = 0; i < rows->len; i++)
        {
          QuorumConferenceSummary *s = g_ptr_array_index (rows, i);
          g_autofree char *date_str = quorum_date_to_string (&s->date);

          printf ("%5" G_GINT64_FORMAT "  %s  %-12s %-24s %s%s\n", s->id, date_str,
                  quorum_kind_to_string (s->kind), s->chair, s->children ? s->children : "",
                  s->finalised ? _("  (signed off)") : "");
        }
      if (rows->len == 0)
        printf ("%s\n", _("No conferences."));
    }
  return QUORUM_EXIT_OK;
}

int
quorum_cli_cmd_conference_proceed (QuorumCliContext *ctx,
                                   int               argc,
                                   char            **argv)
{
  g_autofree char *reason = NULL;
  const GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why the conference proceeds though inquorate"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = quorum_cli_option_context (ctx, "CONF",
                                                                 _("Record why an inquorate conference proceeds"), entries);
  g_autoptr(GError) error = NULL;
  QuorumStore *store;
  gint64 id;
  int status;

  if (!quorum_cli_parse (context, &argc, &argv))
    return QUORUM_EXIT_USAGE;
  if ((status = quorum_cli_take_id (context, argc, argv, "CONF", _("which conference? Give its id (CONF)"), &id)) != QUORUM_EXIT_OK)
    return status;
  QUORUM_CLI_REQUIRE (context, reason, "--reason");

  if ((store = quorum_cli_get_store (ctx, &error)) == NULL ||
      !quorum_store_proceed_inquorate (store, id, reason, &error))
    return quorum_cli_fail (error);
  quorum_cli_print_id (ctx, id, _("The reason to proceed is recorded."));
  return QUORUM_EXIT_OK;
}

/* ---- conference handover ---- */

/* A shared database's way out when a conference's chair is away: a Quorum administrator (or its
 * chair) hands it to another chair's login; the server checks who and to whom. */
int
quorum_cli_cmd_conference_handover (QuorumCliContext *ctx,
                                    int               argc,
                                    char            **argv)
{
  g_autofree char *to = NULL;
  g_autofree char *reason = NULL;
  const GOptionEntry entries[] = {
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("The login of the chair who chairs it from now"), N_("USER") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why it is handed over"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = quorum_cli_option_context (ctx, "CONF",
                                                                 _("Hand a conference to another chair (a shared database)"),
                                                                 entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumConference) conference = NULL;
  QuorumStore *store;
  const QuorumHandover *h;
  gint64 conference_id;
  gint64 id;
  int status;

  if (!quorum_cli_parse (context, &argc, &argv))
    return QUORUM_EXIT_USAGE;
  if ((status = quorum_cli_take_id (context, argc, argv, "CONF", _("which conference? Give its id (CONF)"),
                                    &conference_id)) != QUORUM_EXIT_OK)
    return status;
  QUORUM_CLI_REQUIRE (context, to, "--to");

  if ((store = quorum_cli_get_store (ctx, &error)) == NULL ||
      (id = quorum_store_hand_over (store, conference_id, to, reason, &error)) == 0 ||
      (conference = quorum_store_load_conference (store, conference_id, &error)) == NULL)
    return quorum_cli_fail (error);
  g_assert (conference->handovers->len > 0);
  h = g_ptr_array_index (conference->handovers, conference->handovers->len - 1);

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, id);
      json_builder_set_member_name (builder, "conference");
      json_builder_add_int_value (builder, conference_id);
      quorum_json_add_string (builder, "from", h->from_chair);
      quorum_json_add_string (builder, "to", h->to_chair);
      quorum_json_add_string (builder, "at", h->recorded_at);
      json_builder_end_object (builder);
      quorum_cli_print_json (json_builder_get_root (builder));
    }
  else
    printf (_("Conference %lld is handed over: %s chairs it from now (it was %s's).\n"),
            (long long) conference_id, h->to_name, h->from_name);
  return QUORUM_EXIT_OK;
}

/* ---- attendee add ---- */

int
quorum_cli_cmd_attendee_add (QuorumCliContext *ctx,
                             int               argc,
                             char            **argv)
{
  g_autofree char *name = NULL;
  g_autofree char *agency = NULL;
  g_autofree char *line_management = NULL;
  g_autofree char *role = NULL;
  g_autofree char *attendance = NULL;
  g_autofree char *arrived = NULL;
  gboolean non_voting = FALSE;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The attendee's name"), N_("NAME") },
    { "agency", 0, 0, G_OPTION_ARG_STRING, &agency, N_("The agency"), N_("AGENCY") },
    { "line-management", 0, 0, G_OPTION_ARG_STRING, &line_management,
      N_("The line-management structure they report through (one view per structure)"), N_("STRUCTURE") },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role, N_("The role"), N_("ROLE") },
    { "non-voting", 0, 0, G_OPTION_ARG_NONE, &non_voting, N_("Attends without a vote (parents, family, advocates)"), NULL },
    { "attendance", 0, 0, G_OPTION_ARG_STRING, &attendance, N_("present (default), apologies or report-sent"), N_("HOW") },
    { "arrived", 0, 0, G_OPTION_ARG_STRING, &arrived, N_("Arrived late, at this time"), N_("HH:MM") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = quorum_cli_option_context (ctx, "CONF", _("Add an attendee"), entries);
  g_autoptr(GError) error = NULL;
  QuorumAttendeeSpec spec = { 0 };
  g_autofree char *text = NULL;
  QuorumStore *store;
  gint64 conference_id;
  gint64 id;
  int status;

  if (!quorum_cli_parse (context, &argc, &argv))
    return QUORUM_EXIT_USAGE;
  if ((status = quorum_cli_take_id (context, argc, argv, "CONF", _("which conference? Give its id (CONF)"), &conference_id)) != QUORUM_EXIT_OK)
    return status;
  QUORUM_CLI_REQUIRE (context, name, "--name");
  QUORUM_CLI_REQUIRE (context, agency, "--agency");
  QUORUM_CLI_REQUIRE (context, line_management, "--line-management");

  spec.attendance = QUORUM_ATTENDANCE_PRESENT;
  if (attendance != NULL && !quorum_attendance_from_string (attendance, &spec.attendance))
    {
      g_set_error (&error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("--attendance: “%s” is not one of present, apologies, report-sent"), attendance);
      return quorum_cli_fail (error);
    }
  spec.name = name;
  spec.agency = agency;
  spec.line_management = line_management;
  spec.role = role;
  spec.voting = !non_voting;
  spec.arrived_at = arrived;

  if ((store = quorum_cli_get_store (ctx, &error)) == NULL ||
      (id = quorum_store_add_attendee (store, conference_id, &spec, &error)) == 0)
    return quorum_cli_fail (error);

  text = g_strdup_printf (_("Attendee %lld added"), (long long) id);
  quorum_cli_print_id (ctx, id, text);
  return QUORUM_EXIT_OK;
}

/* ---- consensus ---- */

int
quorum_cli_cmd_consensus (QuorumCliContext *ctx,
                          int               argc,
                          char            **argv)
{
  g_autofree char *child = NULL;
  g_autofree char *agreed = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *proposal = NULL;
  g_autofree char *views = NULL;
  g_autofree char *category = NULL;
  const GOptionEntry entries[] = {
    { "child", 0, 0, G_OPTION_ARG_STRING, &child, N_("The child's id"), N_("ID") },
    { "agreed", 0, 0, G_OPTION_ARG_STRING, &agreed, N_("plan, no-plan, or none (no consensus)"), N_("VIEW") },
    { "summary", 0, 0, G_OPTION_ARG_STRING, &summary, N_("A summary of the discussion"), N_("TEXT") },
    { "proposal", 0, 0, G_OPTION_ARG_STRING, &proposal, N_("The proposal discussed"), N_("TEXT") },
    { "views", 0, 0, G_OPTION_ARG_STRING, &views, N_("The views held"), N_("TEXT") },
    { "category", 0, 0, G_OPTION_ARG_STRING, &category, N_("With an agreed plan: neglect,physical,emotional,sexual"), N_("LIST") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = quorum_cli_option_context (ctx, "CONF", _("Record a consensus attempt for a child"), entries);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  QuorumAttemptSpec spec = { 0 };
  QuorumStore *store;
  gint64 conference_id;
  gint64 id;
  int status;

  if (!quorum_cli_parse (context, &argc, &argv))
    return QUORUM_EXIT_USAGE;
  if ((status = quorum_cli_take_id (context, argc, argv, "CONF", _("which conference? Give its id (CONF)"), &conference_id)) != QUORUM_EXIT_OK)
    return status;
  QUORUM_CLI_REQUIRE (context, child, "--child");
  QUORUM_CLI_REQUIRE (context, agreed, "--agreed");
  QUORUM_CLI_REQUIRE (context, summary, "--summary");

  if (!parse_child (child, &spec.child_id, &error) ||
      !parse_view (agreed, "--agreed", FALSE, TRUE, &spec.agreed, &error) ||
      !parse_categories (category, &spec.categories, &error))
    return quorum_cli_fail (error);
  spec.summary = summary;
  spec.proposal = proposal;
  spec.views = views;

  if ((store = quorum_cli_get_store (ctx, &error)) == NULL ||
      (id = quorum_store_add_attempt (store, conference_id, &spec, &error)) == 0)
    return quorum_cli_fail (error);

  text = spec.agreed == QUORUM_VIEW_NONE
    ? g_strdup_printf (_("Consensus attempt %lld recorded: no consensus"), (long long) id)
    : g_strdup_printf (_("Consensus attempt %lld recorded: consensus on %s"), (long long) id,
                       quorum_view_get_label (spec.agreed));
  quorum_cli_print_id (ctx, id, text);
  return QUORUM_EXIT_OK;
}

/* ---- vote ---- */

int
quorum_cli_cmd_vote (QuorumCliContext *ctx,
                     int               argc,
                     char            **argv)
{
  g_autofree char *child = NULL;
  g_autofree char *group = NULL;
  g_autofree char *view = NULL;
  g_autofree char *category = NULL;
  g_autofree char *reason = NULL;
  gboolean disagreed = FALSE;
  const GOptionEntry entries[] = {
    { "child", 0, 0, G_OPTION_ARG_STRING, &child, N_("The child's id"), N_("ID") },
    { "group", 0, 0, G_OPTION_ARG_STRING, &group, N_("The line-management structure giving its view"), N_("STRUCTURE") },
    { "view", 0, 0, G_OPTION_ARG_STRING, &view, N_("plan, no-plan or decline"), N_("VIEW") },
    { "category", 0, 0, G_OPTION_ARG_STRING, &category, N_("With plan: neglect,physical,emotional,sexual"), N_("LIST") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("The group's reasons, in its own words"), N_("TEXT") },
    { "members-disagreed", 0, 0, G_OPTION_ARG_NONE, &disagreed,
      N_("The group's representatives could not agree; this is the view they settled on"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = quorum_cli_option_context (ctx, "CONF", _("Record a line-management group's view"), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumConference) conference = NULL;
  QuorumVoteSpec spec = { 0 };
  QuorumStore *store;
  QuorumVote *vote = NULL;
  gint64 conference_id;
  gint64 id;
  int status;

  if (!quorum_cli_parse (context, &argc, &argv))
    return QUORUM_EXIT_USAGE;
  if ((status = quorum_cli_take_id (context, argc, argv, "CONF", _("which conference? Give its id (CONF)"), &conference_id)) != QUORUM_EXIT_OK)
    return status;
  QUORUM_CLI_REQUIRE (context, child, "--child");
  QUORUM_CLI_REQUIRE (context, group, "--group");
  QUORUM_CLI_REQUIRE (context, view, "--view");

  if (!parse_child (child, &spec.child_id, &error) ||
      !parse_view (view, "--view", TRUE, FALSE, &spec.view, &error) ||
      !parse_categories (category, &spec.categories, &error))
    return quorum_cli_fail (error);
  spec.group = group;
  spec.reason = reason;
  /* --reason is given with this view (spec.reason_may_be_old FALSE): its words are the new
   * view's. Without it, a changed view keeps none of the old view's reason. */
  spec.members_disagreed = disagreed;

  if ((store = quorum_cli_get_store (ctx, &error)) == NULL ||
      (id = quorum_store_record_vote (store, conference_id, &spec, &error)) == 0 ||
      (conference = quorum_store_load_conference (store, conference_id, &error)) == NULL)
    return quorum_cli_fail (error);

  for (guint i = 0; i < conference->votes->len; i++)
    if (((QuorumVote *)g_ptr_array_index (conference->votes, i))->id == id)
      vote = g_ptr_array_index (conference->votes, i);
  g_assert (vote != NULL);

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_auto(GStrv) groups = quorum_conference_child_groups (conference, spec.child_id);
      int n_plan = 0, n_no_plan = 0, n_declined = 0;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, id);
      json_builder_set_member_name (builder, "child");
      json_builder_add_int_value (builder, spec.child_id);
      json_builder_set_member_name (builder, "group");
      json_builder_add_string_value (builder, vote->group);
      json_builder_set_member_name (builder, "view");
      json_builder_add_string_value (builder, quorum_view_to_string (vote->view));
      /* The live tally: who has given a view, and who is still to. */
      json_builder_set_member_name (builder, "awaiting");
      json_builder_begin_array (builder);
      for (guint i = 0; groups[i] != NULL; i++)
        {
          QuorumVote *v = quorum_conference_find_current_vote (conference, spec.child_id, groups[i]);

          if (v == NULL)
            json_builder_add_string_value (builder, groups[i]);
          else if (v->view == QUORUM_VIEW_PLAN)
            n_plan++;
          else if (v->view == QUORUM_VIEW_NO_PLAN)
            n_no_plan++;
          else if (v->view == QUORUM_VIEW_DECLINE)
            n_declined++;
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "tally");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "plan");
      json_builder_add_int_value (builder, n_plan);
      json_builder_set_member_name (builder, "no-plan");
      json_builder_add_int_value (builder, n_no_plan);
      json_builder_set_member_name (builder, "declined");
      json_builder_add_int_value (builder, n_declined);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
      quorum_cli_print_json (json_builder_get_root (builder));
    }
  else
    printf (_("%s: %s (vote %lld)\n"), vote->group, quorum_view_get_label (vote->view), (long long) id);
  return QUORUM_EXIT_OK;
}

/* ---- decide ---- */

static void
print_decision_text (const QuorumConference *conference,
                     const QuorumDecision   *decision)
{
  QuorumChild *child = quorum_conference_find_child (conference, decision->child_id);
  QuorumPlan *plan = quorum_conference_find_plan (conference, decision->child_id);
  QuorumReferral *referral = quorum_conference_find_referral (conference, decision->child_id);

  printf (_("%s: %s — %s (%d plan, %d no plan, %d declined)\n"), child ? child->name : "?",
          quorum_view_get_label (decision->outcome), quorum_basis_get_label (decision->basis),
          decision->n_plan, decision->n_no_plan, decision->n_declined);
  if (decision->reason != NULL)
    printf (_("  The chair’s reasons: %s\n"), decision->reason);
  for (guint i = 0; i < decision->dissent->len; i++)
    {
      QuorumDissent *d = g_ptr_array_index (decision->dissent, i);
      g_autofree char *reps = g_strjoinv (", ", d->representatives);

      printf (_("  Dissent: %s (%s), %s: %s\n"), d->group, reps, quorum_view_get_label (d->view),
              d->reason ? d->reason : _("no reason given"));
    }
  if (plan != NULL)
    {
      g_autofree char *start = quorum_date_to_string (&plan->start);
      printf (_("  Child protection plan %lld from %s%s\n"), (long long) plan->id, start,
              plan->from_split ? _(" (from a split decision)") : "");
    }
  if (referral != NULL)
    {
      g_autofree char *due = quorum_date_to_string (&referral->due);
      printf (_("  Referral %lld to the Head of Service Child Protection, due %s\n"),
              (long long) referral->id, due);
    }
}

int
quorum_cli_cmd_decide (QuorumCliContext *ctx,
                       int               argc,
                       char            **argv)
{
  g_autofree char *child = NULL;
  g_autofree char *chair_view = NULL;
  g_autofree char *category = NULL;
  g_autofree char *reason = NULL;
  const GOptionEntry entries[] = {
    { "child", 0, 0, G_OPTION_ARG_STRING, &child, N_("The child's id"), N_("ID") },
    { "chair-view", 0, 0, G_OPTION_ARG_STRING, &chair_view,
      N_("Under a chair-decides profile without consensus: plan or no-plan"), N_("VIEW") },
    { "category", 0, 0, G_OPTION_ARG_STRING, &category, N_("With the chair's plan: neglect,physical,emotional,sexual"), N_("LIST") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason,
      N_("With the chair's decision (chair-decides, no consensus; required there): the chair's reasons"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = quorum_cli_option_context (ctx, "CONF",
                                                                 _("Apply the profile's rule and record the decision"), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumOutcome) outcome = NULL;
  g_autoptr(QuorumConference) conference = NULL;
  QuorumDecision *decision;
  QuorumView view = QUORUM_VIEW_NONE;
  guint categories = 0;
  gint64 child_id;
  QuorumStore *store;
  gint64 conference_id;
  int status;

  if (!quorum_cli_parse (context, &argc, &argv))
    return QUORUM_EXIT_USAGE;
  if ((status = quorum_cli_take_id (context, argc, argv, "CONF", _("which conference? Give its id (CONF)"), &conference_id)) != QUORUM_EXIT_OK)
    return status;
  QUORUM_CLI_REQUIRE (context, child, "--child");

  if (!parse_child (child, &child_id, &error) ||
      (chair_view != NULL && !parse_view (chair_view, "--chair-view", FALSE, FALSE, &view, &error)) ||
      !parse_categories (category, &categories, &error))
    return quorum_cli_fail (error);

  if ((store = quorum_cli_get_store (ctx, &error)) == NULL ||
      (outcome = quorum_store_decide_with_reason (store, conference_id, child_id, view, categories, reason,
                                                  NULL, NULL, &error)) == NULL ||
      (conference = quorum_store_load_conference (store, conference_id, &error)) == NULL)
    {
      if (g_error_matches (error, QUORUM_ERROR, QUORUM_ERROR_INQUORATE))
        {
          g_autofree char *hint = g_strdup_printf (_("%s (quorum-cli conference proceed %lld --reason TEXT)"),
                                                   error->message, (long long) conference_id);
          g_free (error->message);
          error->message = g_steal_pointer (&hint);
        }
      return quorum_cli_fail (error);
    }

  decision = quorum_conference_find_decision (conference, child_id);
  g_assert (decision != NULL);
  if (ctx->json)
    quorum_cli_print_json (quorum_json_decision (conference, decision));
  else
    print_decision_text (conference, decision);
  return QUORUM_EXIT_OK;
}

/* ---- finalise / amend ---- */

int
quorum_cli_cmd_finalise (QuorumCliContext *ctx,
                         int               argc,
                         char            **argv)
{
  g_autoptr(GOptionContext) context = quorum_cli_option_context (ctx, "CONF", _("Sign a conference off"), NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumConference) conference = NULL;
  QuorumStore *store;
  gint64 id;
  int status;

  if (!quorum_cli_parse (context, &argc, &argv))
    return QUORUM_EXIT_USAGE;
  if ((status = quorum_cli_take_id (context, argc, argv, "CONF", _("which conference? Give its id (CONF)"), &id)) != QUORUM_EXIT_OK)
    return status;

  if ((store = quorum_cli_get_store (ctx, &error)) == NULL ||
      !quorum_store_finalise (store, id, &error) ||
      (conference = quorum_store_load_conference (store, id, &error)) == NULL)
    return quorum_cli_fail (error);

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, id);
      quorum_json_add_string (builder, "finalised_at", conference->finalised_at);
      quorum_json_add_string (builder, "finalised_by", conference->finalised_by);
      json_builder_end_object (builder);
      quorum_cli_print_json (json_builder_get_root (builder));
    }
  else
    printf (_("Conference %lld is signed off. From now on it can only be amended.\n"), (long long) id);
  return QUORUM_EXIT_OK;
}

int
quorum_cli_cmd_amend (QuorumCliContext *ctx,
                      int               argc,
                      char            **argv)
{
  g_autofree char *reason = NULL;
  g_autofree char *change = NULL;
  g_autofree char *record = NULL;
  g_autofree char *field = NULL;
  g_autofree char *value = NULL;
  g_autofree char *child = NULL;
  const GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why the record is amended"), N_("TEXT") },
    { "change", 0, 0, G_OPTION_ARG_STRING, &change, N_("What changed, in words"), N_("TEXT") },
    { "child", 0, 0, G_OPTION_ARG_STRING, &child, N_("With --change alone: the child it is about (else the whole conference)"), N_("ID") },
    { "record", 0, 0, G_OPTION_ARG_STRING, &record, N_("The record corrected, e.g. vote:12"), N_("KIND:ID") },
    { "field", 0, 0, G_OPTION_ARG_STRING, &field, N_("Its field, e.g. reason"), N_("FIELD") },
    { "value", 0, 0, G_OPTION_ARG_STRING, &value, N_("The corrected value"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = quorum_cli_option_context (ctx, "CONF", _("Amend a signed-off conference"), entries);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  QuorumAmendmentSpec spec = { 0 };
  QuorumStore *store;
  gint64 conference_id;
  gint64 id;
  int status;

  if (!quorum_cli_parse (context, &argc, &argv))
    return QUORUM_EXIT_USAGE;
  if ((status = quorum_cli_take_id (context, argc, argv, "CONF", _("which conference? Give its id (CONF)"), &conference_id)) != QUORUM_EXIT_OK)
    return status;
  QUORUM_CLI_REQUIRE (context, reason, "--reason");
  if (change == NULL && record == NULL)
    return quorum_cli_usage (context, _("say what changed: --change TEXT, or --record KIND:ID --field F --value V"));

  if (child != NULL && !parse_child (child, &spec.child_id, &error))
    return quorum_cli_fail (error);
  spec.reason = reason;
  spec.change = change;
  spec.record = record;
  spec.field = field;
  spec.new_value = value;

  if ((store = quorum_cli_get_store (ctx, &error)) == NULL ||
      (id = quorum_store_amend (store, conference_id, &spec, &error)) == 0)
    return quorum_cli_fail (error);

  text = g_strdup_printf (_("Amendment %lld recorded; the original is kept"), (long long) id);
  quorum_cli_print_id (ctx, id, text);
  return QUORUM_EXIT_OK;
}
