/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-cli-difference.c: the escalation of a professional difference from the shell:
 * difference raise, record, escalate, resolve and show, and differences (list and counts). */

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "export/quorum-export.h"
#include "store/quorum-store-difference.h"
#include "quorum-cli-private.h"

/* ---- helpers ---- */




static void
add_int_or_null (JsonBuilder *builder,
                 const char  *name,
                 gint64       value,
                 gboolean     is_null)
{
  json_builder_set_member_name (builder, name);
  if (is_null)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, value);
}


/* The keys of CLI.md for a stage: stage, stage_name, owner, due; and its limit. stage_name and
 * owner are the record's words, as stored whatever the reader's language (scripts compare them);
 * stage_name_shown and owner_shown are what the text shows this reader (docs/notes/stageids.md). */
static void
add_stage_members (JsonBuilder                 *builder,
                   const QuorumDifferenceStage *stage,
                   const QuorumProfile         *profile)
{
  g_autofree char *name = quorum_difference_stage_dup_name (stage, profile);
  g_autofree char *owner = quorum_difference_stage_dup_owner (stage, profile);

  quorum_json_add_int (builder, "stage", stage->number);
  quorum_json_add_string (builder, "stage_name", stage->name);
  quorum_json_add_string (builder, "stage_name_shown", name);
  quorum_json_add_string (builder, "owner", stage->owner);
  quorum_json_add_string (builder, "owner_shown", owner);
  quorum_json_add_date (builder, "due", &stage->due);
  add_int_or_null (builder, "limit_working_days", stage->limit_working_days,
                   stage->limit_working_days < 0);
}

/* "2026-12-31", or the policy's silence said plainly. */
static char *
format_due (const QuorumDifferenceStage *stage)
{
  if (!g_date_valid (&stage->due))
    return g_strdup (_("no time limit set by this policy"));

  return quorum_date_to_string (&stage->due);
}

static void
print_stage_text (const QuorumDifferenceStage *stage,
                  const QuorumProfile         *profile,
                  gboolean                     same_day)
{
  const QuorumStage *pstage = NULL;
  g_autofree char *due = format_due (stage);
  g_autofree char *name = quorum_difference_stage_dup_name (stage, profile);
  g_autofree char *owner = quorum_difference_stage_dup_owner (stage, profile);

  if (profile != NULL)
    pstage = quorum_profile_get_stage ((QuorumProfile *) profile, stage->number);

  printf (_("Stage %d: %s\n"), stage->number, name);
  printf (_("  Owner: %s\n"), owner);
  if (same_day)
    printf (_("  Due: %s (the same working day: immediate risk of significant harm)\n"), due);
  else if (g_date_valid (&stage->due) && stage->limit_working_days >= 0)
    printf (ngettext ("  Due: %s (within %d working day)\n",
                      "  Due: %s (within %d working days)\n",
                      stage->limit_working_days),
            due, stage->limit_working_days);
  else
    printf (_("  Due: %s\n"), due);
  if (!same_day && pstage != NULL && pstage->limit_source != NULL)
    printf (_("  The policy says: “%s”\n"), pstage->limit_source);
}

static const char *
immediate_risk_advice (const QuorumProfile *profile)
{
  if (profile != NULL && profile->immediate_risk_advice != NULL)
    return profile->immediate_risk_advice;

  return _("Refer to children’s social care without delay, or escalate within your own agency for immediate action.");
}


/* --as-of, else today. */
static gboolean
parse_as_of (const char  *value,
             GDate       *out,
             GError     **error)
{
  if (value == NULL)
    {
      quorum_date_today (out);
      return TRUE;
    }

  return quorum_cli_date (value, "--as-of", out, error);
}

/* The profile a difference was raised under, if it is still installed. */
static QuorumProfile *
find_profile (GPtrArray  *profiles,
              const char *id)
{
  for (guint i = 0; profiles != NULL && i < profiles->len; i++)
    {
      QuorumProfile *profile = g_ptr_array_index (profiles, i);

      if (g_strcmp0 (profile->id, id) == 0)
        return profile;
    }

  return NULL;
}

static void
add_overdue_members (JsonBuilder            *builder,
                     const QuorumDifference *d,
                     const QuorumProfile    *profile,
                     const GDate            *as_of)
{
  gboolean overdue = quorum_difference_is_overdue (d, as_of);
  int next = (overdue && profile != NULL) ? quorum_difference_get_next_stage_due (d, profile, as_of) : 0;
  const QuorumStage *next_stage = next > 0 ? quorum_profile_get_stage ((QuorumProfile *) profile, next) : NULL;

  quorum_json_add_bool (builder, "overdue", overdue);
  /* A missed time limit means the next stage is due */
  add_int_or_null (builder, "next_stage", next, next_stage == NULL);
  quorum_json_add_string (builder, "next_stage_name", next_stage != NULL ? next_stage->name : NULL);
}

/* The summary of one difference, as `differences` lists it. */
/* What the policies add (DOMAIN: escalation): the area in the raiser's words, how it closed, the
 * formal challenge and immediate risk at any stage, in the policy's words. */
static void
add_policy_members (JsonBuilder            *builder,
                    const QuorumDifference *d,
                    const QuorumProfile    *profile)
{
  const QuorumDifferenceEvent *challenge = quorum_difference_find_event (d, "formal-challenge");

  quorum_json_add_string (builder, "area_other", d->area_other);
  quorum_json_add_string (builder, "closure", d->status != QUORUM_DIFFERENCE_RESOLVED ? NULL
                                              : d->disagreement_remains ? "disagreement-remains" : "resolved");
  quorum_json_add_bool (builder, "disagreement_remains", d->disagreement_remains);
  json_builder_set_member_name (builder, "formal_challenge");
  if (challenge != NULL)
    {
      json_builder_begin_object (builder);
      quorum_json_add_date (builder, "date", &challenge->date);
      quorum_json_add_int (builder, "stage", challenge->stage);
      quorum_json_add_string (builder, "detail", challenge->detail);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);
  quorum_json_add_bool (builder, "immediate_risk_same_day", profile != NULL && profile->immediate_risk_same_day);
  json_builder_set_member_name (builder, "events");
  json_builder_begin_array (builder);
  for (guint i = 0; d->events != NULL && i < d->events->len; i++)
    {
      const QuorumDifferenceEvent *e = g_ptr_array_index (d->events, i);

      json_builder_begin_object (builder);
      quorum_json_add_int (builder, "id", e->id);
      quorum_json_add_string (builder, "kind", e->kind);
      quorum_json_add_int (builder, "stage", e->stage);
      quorum_json_add_date (builder, "date", &e->date);
      quorum_json_add_string (builder, "detail", e->detail);
      quorum_json_add_date (builder, "due", &e->due);
      quorum_json_add_string (builder, "recorded_by", e->recorded_by);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_difference_members (JsonBuilder            *builder,
                        const QuorumDifference *d,
                        const QuorumProfile    *profile,
                        const GDate            *as_of)
{
  const QuorumDifferenceStage *current = quorum_difference_get_current_stage (d);

  quorum_json_add_int (builder, "id", d->id);
  quorum_json_add_string (builder, "profile", d->profile_id);
  if (current != NULL)
    add_stage_members (builder, current, profile);
  add_overdue_members (builder, d, profile, as_of);
  quorum_json_add_string (builder, "status", quorum_difference_status_to_string (d->status));
  quorum_json_add_date (builder, "raised", &d->raised);
  quorum_json_add_string (builder, "raised_by", d->raised_by);
  quorum_json_add_string (builder, "role", d->role);
  quorum_json_add_string (builder, "agency", d->agency);
  quorum_json_add_string (builder, "against", d->against);
  quorum_json_add_string (builder, "against_decision", d->against_decision);
  quorum_json_add_string (builder, "child", d->child);
  add_int_or_null (builder, "conference", d->conference_id, d->conference_id <= 0);
  quorum_json_add_string (builder, "area", quorum_area_to_string (d->area));
  quorum_json_add_string (builder, "outcome_sought", d->outcome_sought);
  quorum_json_add_bool (builder, "immediate_risk", d->immediate_risk);
  quorum_json_add_date (builder, "resolved", &d->resolved);
  quorum_json_add_string (builder, "outcome", d->outcome);
  quorum_json_add_string (builder, "challenge_outcome", d->challenge_outcome);
  {
    g_autofree char *shown = quorum_difference_dup_challenge_outcome (d, profile);

    quorum_json_add_string (builder, "challenge_outcome_shown", shown);
  }
  add_policy_members (builder, d, profile);
}

/* ---- difference raise ---- */

int
quorum_cli_cmd_difference_raise (QuorumCliContext *ctx,
                                 int               argc,
                                 char            **argv)
{
  g_autofree char *profile_id = NULL;
  g_autofree char *date = NULL;
  g_autofree char *raised_by = NULL;
  g_autofree char *role = NULL;
  g_autofree char *agency = NULL;
  g_autofree char *against = NULL;
  g_autofree char *against_decision = NULL;
  g_autofree char *area = NULL;
  g_autofree char *outcome_sought = NULL;
  g_autofree char *child = NULL;
  g_autofree char *conference = NULL;
  g_autofree char *area_other = NULL;
  gboolean immediate_risk = FALSE;
  const GOptionEntry entries[] = {
    { "profile", 0, 0, G_OPTION_ARG_STRING, &profile_id, N_("The policy profile (default: the linked conference’s, else bolton)"), N_("ID") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The date it is raised"), N_("YYYY-MM-DD") },
    { "raised-by", 0, 0, G_OPTION_ARG_STRING, &raised_by, N_("The practitioner raising it"), N_("NAME") },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role, N_("Their role"), N_("ROLE") },
    { "agency", 0, 0, G_OPTION_ARG_STRING, &agency, N_("Their agency"), N_("AGENCY") },
    { "against", 0, 0, G_OPTION_ARG_STRING, &against, N_("The agency whose decision or inaction is disputed"), N_("AGENCY") },
    { "against-decision", 0, 0, G_OPTION_ARG_STRING, &against_decision, N_("The decision disputed"), N_("TEXT") },
    { "area", 0, 0, G_OPTION_ARG_STRING, &area, N_("The area of disagreement (thresholds, referral-criteria, assessment-outcome, roles-responsibilities, information-sharing, communication, timeliness-drift, strategy-meeting-s47-conference, case-closure, service-provision, resources, other)"), N_("AREA") },
    { "area-other", 0, 0, G_OPTION_ARG_STRING, &area_other, N_("With --area other: the area, in your words"), N_("TEXT") },
    { "outcome-sought", 0, 0, G_OPTION_ARG_STRING, &outcome_sought, N_("The outcome sought"), N_("TEXT") },
    { "child", 0, 0, G_OPTION_ARG_STRING, &child, N_("The child it is about (none for a process)"), N_("NAME") },
    { "conference", 0, 0, G_OPTION_ARG_STRING, &conference, N_("A conference it arises from (e.g. a dissent)"), N_("CONF") },
    { "immediate-risk", 0, 0, G_OPTION_ARG_NONE, &immediate_risk, N_("The child is at immediate risk of significant harm (the same working day where the profile asks)"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = quorum_cli_option_context (ctx, NULL, _("Raise a professional difference"), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumDifference) d = NULL;
  g_autoptr(QuorumProfile) profile = NULL;
  const QuorumDifferenceStage *stage;
  QuorumDifferenceSpec spec = { 0 };
  QuorumStore *store;
  gint64 id;

  if (!quorum_cli_parse (context, &argc, &argv))
    return QUORUM_EXIT_USAGE;
  if (argc > 1)
    return quorum_cli_usage (context, _("unexpected argument “%s”"), argv[1]);
  if (profile_id == NULL && conference == NULL)
    QUORUM_CLI_REQUIRE (context, profile_id, "--profile");
  QUORUM_CLI_REQUIRE (context, date, "--date");
  QUORUM_CLI_REQUIRE (context, raised_by, "--raised-by");
  QUORUM_CLI_REQUIRE (context, agency, "--agency");
  QUORUM_CLI_REQUIRE (context, against, "--against");
  QUORUM_CLI_REQUIRE (context, area, "--area");
  QUORUM_CLI_REQUIRE (context, outcome_sought, "--outcome-sought");

  spec.profile_id = profile_id;
  if (!quorum_cli_date (date, "--date", &spec.date, &error))
    return quorum_cli_fail (error);
  if (!quorum_area_from_string (area, &spec.area))
    {
      g_autofree char *words = quorum_area_list_words ();

      g_set_error (&error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("--area: “%s” is not one of %s"), area, words);
      return quorum_cli_fail (error);
    }
  if (conference != NULL && !quorum_cli_parse_id (conference, "--conference", &spec.conference_id, &error))
    return quorum_cli_fail (error);
  spec.raised_by = raised_by;
  spec.role = role;
  spec.agency = agency;
  spec.against = against;
  spec.against_decision = against_decision;
  spec.child = child;
  spec.outcome_sought = outcome_sought;
  spec.immediate_risk = immediate_risk;
  spec.area_other = area_other;

  if (!(store = quorum_cli_get_store (ctx, &error)) ||
      !(id = quorum_store_raise_difference (store, &spec, &error)) ||
      !(d = quorum_store_load_difference (store, id, &error)))
    return quorum_cli_fail (error);

  /* Only for the advice and the policy's words: the record itself is written */
  profile = quorum_profiles_lookup (d->profile_id, NULL);
  stage = quorum_difference_get_current_stage (d);

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      quorum_json_add_int (builder, "id", id);
      add_stage_members (builder, stage, profile);
      quorum_json_add_string (builder, "profile", d->profile_id);
      quorum_json_add_string (builder, "status", quorum_difference_status_to_string (d->status));
      quorum_json_add_bool (builder, "immediate_risk", d->immediate_risk);
      quorum_json_add_string (builder, "immediate_risk_advice",
                              d->immediate_risk ? immediate_risk_advice (profile) : NULL);
      quorum_json_add_bool (builder, "immediate_risk_same_day", profile != NULL && profile->immediate_risk_same_day);
      quorum_json_add_string (builder, "area_other", d->area_other);
      json_builder_end_object (builder);
      quorum_cli_print_json (json_builder_get_root (builder));
    }
  else
    {
      if (d->immediate_risk)
        {
          g_autofree char *due = format_due (stage);

          printf ("\n%s\n", _("!!! IMMEDIATE RISK OF SIGNIFICANT HARM !!!"));
          printf ("%s\n", immediate_risk_advice (profile));
          /* The same working day only where the profile asks; otherwise its words say it all. */
          if (profile != NULL && profile->immediate_risk_same_day)
            printf (_("Escalate the same working day: due %s.\n\n"), due);
          else
            printf ("\n");
        }
      printf (_("Difference %lld raised under %s.\n"), (long long) id, d->profile_id);
      print_stage_text (stage, profile, quorum_difference_stage_due_same_day (d, stage));
    }

  return QUORUM_EXIT_OK;
}

/* ---- difference record ---- */

int
quorum_cli_cmd_difference_record (QuorumCliContext *ctx,
                                  int               argc,
                                  char            **argv)
{
  g_autofree char *date = NULL;
  g_autofree char *with = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *agreed = NULL;
  g_autofree char *checklist = NULL;
  const GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The date of the discussion"), N_("YYYY-MM-DD") },
    { "with", 0, 0, G_OPTION_ARG_STRING, &with, N_("Who took part"), N_("NAMES") },
    { "summary", 0, 0, G_OPTION_ARG_STRING, &summary, N_("What was said"), N_("TEXT") },
    { "agreed", 0, 0, G_OPTION_ARG_STRING, &agreed, N_("What was agreed"), N_("TEXT") },
    { "checklist", 0, 0, G_OPTION_ARG_STRING, &checklist, N_("Answers to the stage’s checklist, in order, separated by “|”"), N_("ANSWERS") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = quorum_cli_option_context (ctx, "ID", _("Record a discussion at the current stage"), entries);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) answers = NULL;
  QuorumDifferenceNoteSpec spec = { 0 };
  QuorumStore *store;
  gint64 id = 0;
  gint64 note_id;
  int status;

  if (!quorum_cli_parse (context, &argc, &argv))
    return QUORUM_EXIT_USAGE;
  if ((status = quorum_cli_take_id (context, argc, argv, "ID", _("which difference? Give its id (ID)"), &id)) != QUORUM_EXIT_OK)
    return status;
  QUORUM_CLI_REQUIRE (context, date, "--date");
  QUORUM_CLI_REQUIRE (context, with, "--with");
  QUORUM_CLI_REQUIRE (context, summary, "--summary");

  if (!quorum_cli_date (date, "--date", &spec.date, &error))
    return quorum_cli_fail (error);
  spec.participants = with;
  spec.summary = summary;
  spec.agreed = agreed;
  if (checklist != NULL)
    {
      answers = g_strsplit (checklist, "|", -1);
      for (guint i = 0; answers[i] != NULL; i++)
        g_strstrip (answers[i]);
      spec.answers = (const char * const *) answers;
    }

  if (!(store = quorum_cli_get_store (ctx, &error)) ||
      !(note_id = quorum_store_record_difference_note (store, id, &spec, &error)))
    return quorum_cli_fail (error);

  if (ctx->json)
    {
      g_autoptr(QuorumDifference) d = quorum_store_load_difference (store, id, NULL);
      const QuorumDifferenceStage *stage = d != NULL ? quorum_difference_get_current_stage (d) : NULL;
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      quorum_json_add_int (builder, "id", note_id);
      quorum_json_add_int (builder, "difference", id);
      add_int_or_null (builder, "stage", stage != NULL ? stage->number : 0, stage == NULL);
      quorum_json_add_date (builder, "date", &spec.date);
      quorum_json_add_int (builder, "checklist_answers", answers != NULL ? g_strv_length (answers) : 0);
      json_builder_end_object (builder);
      quorum_cli_print_json (json_builder_get_root (builder));
    }
  else
    {
      printf (_("Discussion %lld recorded for difference %lld.\n"),
              (long long) note_id, (long long) id);
    }

  return QUORUM_EXIT_OK;
}

/* ---- difference escalate ---- */

int
quorum_cli_cmd_difference_escalate (QuorumCliContext *ctx,
                                    int               argc,
                                    char            **argv)
{
  g_autofree char *date = NULL;
  g_autofree char *reason = NULL;
  int to = 0;
  const GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The date of the escalation"), N_("YYYY-MM-DD") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why it is escalated"), N_("TEXT") },
    { "to", 0, 0, G_OPTION_ARG_INT, &to, N_("Where the profile branches: the stage to take (six-stage: 4 for risk, 5 for resources)"), N_("N") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = quorum_cli_option_context (ctx, "ID", _("Escalate to the next stage"), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumDifferenceStage) stage = NULL;
  g_autoptr(QuorumProfile) profile = NULL;
  g_autoptr(QuorumDifference) d = NULL;
  GDate when;
  QuorumStore *store;
  gint64 id = 0;
  int status;

  if (!quorum_cli_parse (context, &argc, &argv))
    return QUORUM_EXIT_USAGE;
  if ((status = quorum_cli_take_id (context, argc, argv, "ID", _("which difference? Give its id (ID)"), &id)) != QUORUM_EXIT_OK)
    return status;
  QUORUM_CLI_REQUIRE (context, date, "--date");
  QUORUM_CLI_REQUIRE (context, reason, "--reason");

  if (!quorum_cli_date (date, "--date", &when, &error))
    return quorum_cli_fail (error);

  if (!(store = quorum_cli_get_store (ctx, &error)) ||
      !(stage = quorum_store_escalate_difference_to (store, id, &when, reason, to, &error)))
    return quorum_cli_fail (error);

  d = quorum_store_load_difference (store, id, NULL);
  if (d != NULL)
    profile = quorum_profiles_lookup (d->profile_id, NULL);

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      quorum_json_add_int (builder, "difference", id);
      add_stage_members (builder, stage, profile);
      quorum_json_add_bool (builder, "last_stage",
                            profile != NULL && (guint) stage->number >= quorum_profile_get_n_stages (profile));
      json_builder_end_object (builder);
      quorum_cli_print_json (json_builder_get_root (builder));
    }
  else
    {
      printf (_("Difference %lld escalated.\n"), (long long) id);
      /* Due by the rule applied: the same working day where the child is at immediate risk. */
      print_stage_text (stage, profile, d != NULL && quorum_difference_stage_due_same_day (d, stage));
    }

  return QUORUM_EXIT_OK;
}

/* ---- difference resolve ---- */

int
quorum_cli_cmd_difference_resolve (QuorumCliContext *ctx,
                                   int               argc,
                                   char            **argv)
{
  g_autofree char *date = NULL;
  g_autofree char *outcome = NULL;
  g_autofree char *feedback_to = NULL;
  g_autofree char *feedback_date = NULL;
  gboolean debrief = FALSE;
  gboolean protocol_review = FALSE;
  gboolean disagreement_remains = FALSE;
  const GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The date it was resolved"), N_("YYYY-MM-DD") },
    { "outcome", 0, 0, G_OPTION_ARG_STRING, &outcome, N_("The agreed outcome, in writing (or, for a challenge under a chair-decides profile, one of its outcomes)"), N_("TEXT") },
    { "feedback-to", 0, 0, G_OPTION_ARG_STRING, &feedback_to, N_("Who was told the outcome (the practitioner who raised it)"), N_("NAME") },
    { "feedback-date", 0, 0, G_OPTION_ARG_STRING, &feedback_date, N_("When they were told"), N_("YYYY-MM-DD") },
    { "debrief", 0, 0, G_OPTION_ARG_NONE, &debrief, N_("A debrief is to follow"), NULL },
    { "protocol-review", 0, 0, G_OPTION_ARG_NONE, &protocol_review, N_("The protocol is to be reviewed"), NULL },
    { "disagreement-remains", 0, 0, G_OPTION_ARG_NONE, &disagreement_remains, N_("Closed, the disagreement remaining (001, 004)"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = quorum_cli_option_context (ctx, "ID", _("Close a difference as resolved; once resolved, add its follow-up"), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumDifference) d = NULL;
  g_autoptr(QuorumProfile) profile = NULL;
  g_autofree char *stage_name = NULL;
  g_autofree char *challenge_outcome = NULL;
  QuorumResolutionSpec spec = { 0 };
  const QuorumDifferenceStage *stage;
  QuorumStore *store;
  gint64 id = 0;
  int status;

  if (!quorum_cli_parse (context, &argc, &argv))
    return QUORUM_EXIT_USAGE;
  if ((status = quorum_cli_take_id (context, argc, argv, "ID", _("which difference? Give its id (ID)"), &id)) != QUORUM_EXIT_OK)
    return status;

  if (!quorum_cli_date (feedback_date, "--feedback-date", &spec.feedback_date, &error))
    return quorum_cli_fail (error);

  if (!(store = quorum_cli_get_store (ctx, &error)) ||
      !(d = quorum_store_load_difference (store, id, &error)))
    return quorum_cli_fail (error);

  if (outcome == NULL && date == NULL && d->status == QUORUM_DIFFERENCE_RESOLVED)
    {
      /* Already resolved: the debrief, protocol review and late feedback follow */
      if (!debrief && !protocol_review && feedback_to == NULL && feedback_date == NULL)
        return quorum_cli_usage (context, _("difference %lld is resolved: give --debrief, --protocol-review or --feedback-to to add its follow-up"), (long long) id);
      if (!quorum_store_follow_up_difference (store, id, debrief, protocol_review, feedback_to,
                                              &spec.feedback_date, &error))
        return quorum_cli_fail (error);
    }
  else
    {
      QUORUM_CLI_REQUIRE (context, date, "--date");
      QUORUM_CLI_REQUIRE (context, outcome, "--outcome");

      if (!quorum_cli_date (date, "--date", &spec.date, &error))
        return quorum_cli_fail (error);
      spec.outcome = outcome;
      spec.feedback_to = feedback_to;
      spec.debrief = debrief;
      spec.protocol_review = protocol_review;
      spec.disagreement_remains = disagreement_remains;

      if (!quorum_store_resolve_difference (store, id, &spec, &error))
        return quorum_cli_fail (error);
    }

  g_clear_pointer (&d, quorum_difference_free);
  if (!(d = quorum_store_load_difference (store, id, &error)))
    return quorum_cli_fail (error);
  stage = quorum_difference_get_current_stage (d);
  /* Only for the profile's words in the reader's language: the record itself is written */
  profile = quorum_profiles_lookup (d->profile_id, NULL);
  stage_name = quorum_difference_stage_dup_name (stage, profile);
  challenge_outcome = quorum_difference_dup_challenge_outcome (d, profile);

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      quorum_json_add_int (builder, "difference", id);
      quorum_json_add_string (builder, "status", quorum_difference_status_to_string (d->status));
      quorum_json_add_int (builder, "stage", stage->number);
      quorum_json_add_string (builder, "stage_name", stage->name);
      quorum_json_add_string (builder, "stage_name_shown", stage_name);
      quorum_json_add_date (builder, "resolved", &d->resolved);
      quorum_json_add_string (builder, "outcome", d->outcome);
      quorum_json_add_string (builder, "challenge_outcome", d->challenge_outcome);
      quorum_json_add_string (builder, "challenge_outcome_shown", challenge_outcome);
      quorum_json_add_string (builder, "feedback_to", d->feedback_to);
      quorum_json_add_date (builder, "feedback_date", &d->feedback_date);
      quorum_json_add_bool (builder, "debrief", d->debrief);
      quorum_json_add_bool (builder, "protocol_review", d->protocol_review);
      quorum_json_add_string (builder, "closure", d->disagreement_remains ? "disagreement-remains" : "resolved");
      json_builder_end_object (builder);
      quorum_cli_print_json (json_builder_get_root (builder));
    }
  else
    {
      g_autofree char *resolved = quorum_date_to_string (&d->resolved);

      printf (_("Difference %lld resolved on %s at stage %d: %s\n"),
              (long long) id, resolved, stage->number, stage_name);
      if (challenge_outcome != NULL)
        printf (_("  Challenge outcome: %s\n"), challenge_outcome);
      if (d->feedback_to == NULL)
        printf ("%s\n", _("  Feedback to the practitioner who raised it: not yet recorded"));
      if (d->debrief)
        printf ("%s\n", _("  A debrief is to follow."));
      if (d->protocol_review)
        printf ("%s\n", _("  The protocol is to be reviewed."));
    }

  return QUORUM_EXIT_OK;
}

/* ---- difference show ---- */


static JsonNode *
difference_to_json (const QuorumDifference *d,
                    const QuorumProfile    *profile,
                    const GDate            *as_of)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_difference_members (builder, d, profile, as_of);
  quorum_json_add_string (builder, "profile_name", profile != NULL ? profile->name : NULL);
  quorum_json_add_string (builder, "area_label", quorum_area_get_label (d->area));
  quorum_json_add_date (builder, "as_of", as_of);
  quorum_json_add_string (builder, "immediate_risk_advice",
                          d->immediate_risk ? immediate_risk_advice (profile) : NULL);
  quorum_json_add_string (builder, "feedback_to", d->feedback_to);
  quorum_json_add_date (builder, "feedback_date", &d->feedback_date);
  quorum_json_add_bool (builder, "debrief", d->debrief);
  quorum_json_add_bool (builder, "protocol_review", d->protocol_review);
  quorum_json_add_string (builder, "created_at", d->created_at);
  quorum_json_add_string (builder, "created_by", d->created_by);

  json_builder_set_member_name (builder, "stages");
  json_builder_begin_array (builder);
  for (guint i = 0; i < d->stages->len; i++)
    {
      const QuorumDifferenceStage *s = g_ptr_array_index (d->stages, i);
      g_autofree char *name = quorum_difference_stage_dup_name (s, profile);
      g_autofree char *owner = quorum_difference_stage_dup_owner (s, profile);

      json_builder_begin_object (builder);
      quorum_json_add_int (builder, "number", s->number);
      quorum_json_add_string (builder, "name", s->name);
      quorum_json_add_string (builder, "name_shown", name);
      quorum_json_add_string (builder, "owner", s->owner);
      quorum_json_add_string (builder, "owner_shown", owner);
      quorum_json_add_date (builder, "entered", &s->entered);
      quorum_json_add_date (builder, "due", &s->due);
      add_int_or_null (builder, "limit_working_days", s->limit_working_days, s->limit_working_days < 0);
      quorum_json_add_string (builder, "reason", s->reason);
      quorum_json_add_string (builder, "recorded_at", s->recorded_at);
      quorum_json_add_string (builder, "recorded_by", s->recorded_by);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "notes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < d->notes->len; i++)
    {
      const QuorumDifferenceNote *n = g_ptr_array_index (d->notes, i);

      json_builder_begin_object (builder);
      quorum_json_add_int (builder, "id", n->id);
      quorum_json_add_int (builder, "stage", n->stage);
      quorum_json_add_date (builder, "date", &n->date);
      quorum_json_add_string (builder, "with", n->participants);
      quorum_json_add_string (builder, "summary", n->summary);
      quorum_json_add_string (builder, "agreed", n->agreed);
      json_builder_set_member_name (builder, "checklist");
      json_builder_begin_array (builder);
      for (guint j = 0; n->questions != NULL && n->questions[j] != NULL; j++)
        {
          g_autofree char *question = quorum_difference_note_dup_question (n, j, profile);

          json_builder_begin_object (builder);
          quorum_json_add_string (builder, "question", n->questions[j]);
          quorum_json_add_string (builder, "question_shown", question);
          quorum_json_add_string (builder, "answer", n->answers != NULL ? n->answers[j] : NULL);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      quorum_json_add_string (builder, "recorded_at", n->recorded_at);
      quorum_json_add_string (builder, "recorded_by", n->recorded_by);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  if (profile != NULL)
    {
      const QuorumDifferenceStage *current = quorum_difference_get_current_stage (d);
      const QuorumStage *pstage = quorum_profile_get_stage ((QuorumProfile *) profile, current->number);

      quorum_json_add_strv (builder, "challenge_outcomes", (const char * const *)profile->challenge_outcomes);
      quorum_json_add_strv (builder, "checklist", (const char * const *)(pstage != NULL ? pstage->checklist : NULL));
      quorum_json_add_int (builder, "n_stages", quorum_profile_get_n_stages ((QuorumProfile *) profile));
    }

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
print_difference_text (const QuorumDifference *d,
                       const QuorumProfile    *profile,
                       const GDate            *as_of)
{
  const QuorumDifferenceStage *current = quorum_difference_get_current_stage (d);
  g_autofree char *raised = quorum_date_to_string (&d->raised);

  printf (_("Difference %lld (%s): %s\n"), (long long) d->id, d->profile_id,
          quorum_difference_status_get_label (d->status));
  if (d->immediate_risk)
    printf ("%s\n  %s\n", _("!!! IMMEDIATE RISK OF SIGNIFICANT HARM !!!"), immediate_risk_advice (profile));
  printf (_("Raised %s by %s%s%s (%s) against %s\n"), raised, d->raised_by,
          d->role != NULL ? ", " : "", d->role != NULL ? d->role : "", d->agency, d->against);
  if (d->against_decision != NULL)
    printf (_("Decision disputed: %s\n"), d->against_decision);
  if (d->child != NULL)
    printf (_("Child: %s\n"), d->child);
  if (d->conference_id > 0)
    printf (_("Conference: %lld\n"), (long long) d->conference_id);
  printf (_("Area: %s\n"), quorum_area_get_label (d->area));
  printf (_("Outcome sought: %s\n"), d->outcome_sought);
  printf ("\n");

  for (guint i = 0; i < d->stages->len; i++)
    {
      const QuorumDifferenceStage *s = g_ptr_array_index (d->stages, i);
      g_autofree char *entered = quorum_date_to_string (&s->entered);

      print_stage_text (s, profile, quorum_difference_stage_due_same_day (d, s));
      printf (_("  Entered: %s\n"), entered);
      if (s->reason != NULL)
        printf (_("  Escalated because: %s\n"), s->reason);

      for (guint j = 0; j < d->notes->len; j++)
        {
          const QuorumDifferenceNote *n = g_ptr_array_index (d->notes, j);
          g_autofree char *held = NULL;

          if (n->stage != s->number)
            continue;

          held = quorum_date_to_string (&n->date);
          printf (_("  Discussion %s with %s\n"), held, n->participants);
          printf (_("    Said: %s\n"), n->summary);
          if (n->agreed != NULL)
            printf (_("    Agreed: %s\n"), n->agreed);
          for (guint k = 0; n->questions != NULL && n->questions[k] != NULL; k++)
            {
              g_autofree char *question = quorum_difference_note_dup_question (n, k, profile);

              printf ("    %s %s\n", question, n->answers[k]);
            }
        }
    }
  printf ("\n");

  if (d->status == QUORUM_DIFFERENCE_RESOLVED)
    {
      g_autofree char *resolved = quorum_date_to_string (&d->resolved);

      printf (_("Resolved %s at stage %d: %s\n"), resolved, current->number, d->outcome);
      if (d->challenge_outcome != NULL)
        {
          g_autofree char *outcome = quorum_difference_dup_challenge_outcome (d, profile);

          printf (_("Challenge outcome: %s\n"), outcome);
        }
      if (d->feedback_to != NULL)
        {
          g_autofree char *when = g_date_valid (&d->feedback_date) ? quorum_date_to_string (&d->feedback_date) : NULL;

          printf (_("Feedback given to %s%s%s\n"), d->feedback_to,
                  when != NULL ? _(" on ") : "", when != NULL ? when : "");
        }
      else
        printf ("%s\n", _("Feedback to the practitioner who raised it: not yet recorded"));
      printf (_("Debrief: %s; protocol review: %s\n"),
              d->debrief ? _("yes") : _("no"), d->protocol_review ? _("yes") : _("no"));
    }
  else if (quorum_difference_is_overdue (d, as_of))
    {
      int next = profile != NULL ? quorum_difference_get_next_stage_due (d, profile, as_of) : 0;
      g_autofree char *due = quorum_date_to_string (&current->due);

      if (next > 0)
        printf (_("OVERDUE: stage %d was due %s; the next stage (%d) is now due.\n"),
                current->number, due, next);
      else
        printf (_("OVERDUE: stage %d, the last, was due %s.\n"), current->number, due);
    }
}

int
quorum_cli_cmd_difference_show (QuorumCliContext *ctx,
                                int               argc,
                                char            **argv)
{
  g_autofree char *as_of_option = NULL;
  const GOptionEntry entries[] = {
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of_option, N_("The difference as it stood on this date (default: today)"), N_("YYYY-MM-DD") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = quorum_cli_option_context (ctx, "ID", _("Show a difference and its stages"), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumDifference) d = NULL;
  g_autoptr(QuorumProfile) profile = NULL;
  QuorumStore *store;
  GDate as_of;
  gint64 id = 0;
  int status;

  if (!quorum_cli_parse (context, &argc, &argv))
    return QUORUM_EXIT_USAGE;
  if ((status = quorum_cli_take_id (context, argc, argv, "ID", _("which difference? Give its id (ID)"), &id)) != QUORUM_EXIT_OK)
    return status;
  if (!parse_as_of (as_of_option, &as_of, &error))
    return quorum_cli_fail (error);

  if (!(store = quorum_cli_get_read_store (ctx, &error)) ||
      !(d = quorum_store_load_difference (store, id, &error)))
    return quorum_cli_fail (error);

  /* As it stood on --as-of, as `differences --as-of` lists it (core's
   * quorum_difference_restrict_to_day ()): the stage reached then, open if resolved later. */
  if (as_of_option != NULL && !quorum_difference_restrict_to_day (d, &as_of))
    {
      g_autofree char *raised = quorum_date_to_string (&d->raised);

      /* Translators: "Difference 4 had not been raised on 2026-11-18: it was raised on 2026-11-19" */
      g_set_error (&error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("Difference %lld had not been raised on %s: it was raised on %s"),
                   (long long) d->id, as_of_option, raised);
      return quorum_cli_fail (error);
    }

  profile = quorum_profiles_lookup (d->profile_id, NULL);

  if (ctx->json)
    quorum_cli_print_json (difference_to_json (d, profile, &as_of));
  else
    print_difference_text (d, profile, &as_of);

  return QUORUM_EXIT_OK;
}

/* ---- differences ---- */

static JsonNode *
stats_to_json (const QuorumDifferenceStats *stats)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  quorum_json_add_date (builder, "from", &stats->from);
  quorum_json_add_date (builder, "to", &stats->to);
  quorum_json_add_date (builder, "as_of", &stats->as_of);
  quorum_json_add_int (builder, "total", stats->total);
  quorum_json_add_int (builder, "open", stats->open);
  quorum_json_add_int (builder, "resolved", stats->resolved);
  quorum_json_add_int (builder, "disagreement_remains", stats->disagreement_remains);
  quorum_json_add_int (builder, "overdue", stats->overdue);

  json_builder_set_member_name (builder, "profiles");
  json_builder_begin_array (builder);
  for (guint i = 0; i < stats->profiles->len; i++)
    {
      const QuorumDifferenceProfileStats *p = g_ptr_array_index (stats->profiles, i);

      json_builder_begin_object (builder);
      quorum_json_add_string (builder, "profile", p->profile_id);
      quorum_json_add_string (builder, "name", p->profile_name);
      quorum_json_add_int (builder, "total", p->total);
      quorum_json_add_int (builder, "open", p->open);
      quorum_json_add_int (builder, "resolved", p->resolved);
      quorum_json_add_int (builder, "disagreement_remains", p->disagreement_remains);
      quorum_json_add_int (builder, "overdue", p->overdue);
      quorum_json_add_int (builder, "immediate_risk", p->immediate_risk);
      add_int_or_null (builder, "monitored_stage", p->monitored_stage, p->monitored_stage <= 0);
      add_int_or_null (builder, "monitored_reached", p->monitored_reached, p->monitored_stage <= 0);

      json_builder_set_member_name (builder, "stages");
      json_builder_begin_array (builder);
      for (guint j = 0; j < p->stages->len; j++)
        {
          const QuorumDifferenceStageCount *s = g_ptr_array_index (p->stages, j);

          json_builder_begin_object (builder);
          quorum_json_add_int (builder, "stage", s->number);
          quorum_json_add_string (builder, "name", s->name);
          quorum_json_add_int (builder, "reached", s->reached);
          quorum_json_add_int (builder, "escalated", s->escalated);
          quorum_json_add_int (builder, "resolved", s->resolved);
          quorum_json_add_int (builder, "disagreement_remains", s->disagreement_remains);
          quorum_json_add_int (builder, "open", s->open);
          quorum_json_add_int (builder, "overdue", s->overdue);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      json_builder_set_member_name (builder, "outcomes");
      json_builder_begin_array (builder);
      for (guint j = 0; j < p->outcomes->len; j++)
        {
          const QuorumDifferenceOutcomeCount *o = g_ptr_array_index (p->outcomes, j);

          json_builder_begin_object (builder);
          quorum_json_add_string (builder, "outcome", o->outcome);
          quorum_json_add_int (builder, "count", o->count);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
print_stats_text (const QuorumDifferenceStats *stats)
{
  g_autofree char *from = g_date_valid (&stats->from) ? quorum_date_to_string (&stats->from) : g_strdup ("…");
  g_autofree char *to = g_date_valid (&stats->to) ? quorum_date_to_string (&stats->to) : g_strdup ("…");
  g_autofree char *as_of = quorum_date_to_string (&stats->as_of);

  /* Closed with the disagreement remaining is not resolved: counted on its own (001, 004) */
  printf (_("Differences raised %s to %s (as of %s): %d, %d open, %d resolved, "
            "%d closed with the disagreement remaining, %d overdue\n"),
          from, to, as_of, stats->total, stats->open, stats->resolved - stats->disagreement_remains,
          stats->disagreement_remains, stats->overdue);

  for (guint i = 0; i < stats->profiles->len; i++)
    {
      const QuorumDifferenceProfileStats *p = g_ptr_array_index (stats->profiles, i);

      /* The JSON lists every profile; a person reads the ones with differences */
      if (p->total == 0 && stats->profiles->len > 1)
        continue;

      printf ("\n%s (%s): %d\n", p->profile_name != NULL ? p->profile_name : p->profile_id,
              p->profile_id, p->total);
      printf ("  %-6s %8s %10s %9s %12s %6s %8s\n", _("Stage"), _("Reached"), _("Escalated"),
              _("Resolved"), _("Disagreeing"), _("Open"), _("Overdue"));
      for (guint j = 0; j < p->stages->len; j++)
        {
          const QuorumDifferenceStageCount *s = g_ptr_array_index (p->stages, j);

          printf ("  %-6d %8d %10d %9d %12d %6d %8d\n", s->number, s->reached, s->escalated,
                  s->resolved - s->disagreement_remains, s->disagreement_remains, s->open, s->overdue);
        }
      for (guint j = 0; j < p->outcomes->len; j++)
        {
          const QuorumDifferenceOutcomeCount *o = g_ptr_array_index (p->outcomes, j);

          printf (_("  Outcome “%s”: %d\n"), o->outcome, o->count);
        }
      if (p->monitored_stage > 0)
        printf (_("  Reached the monitored stage %d: %d\n"), p->monitored_stage, p->monitored_reached);
    }
}

int
quorum_cli_cmd_differences (QuorumCliContext *ctx,
                            int               argc,
                            char            **argv)
{
  g_autofree char *as_of_option = NULL;
  g_autofree char *from_option = NULL;
  g_autofree char *to_option = NULL;
  g_autofree char *profile_id = NULL;
  g_autofree char *agency = NULL;
  g_autofree char *status_option = NULL;
  gboolean overdue_only = FALSE;
  gboolean stats = FALSE;
  const GOptionEntry entries[] = {
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of_option, N_("Judge overdue as of this date (default: today)"), N_("YYYY-MM-DD") },
    { "overdue", 0, 0, G_OPTION_ARG_NONE, &overdue_only, N_("Only those past their stage’s time limit"), NULL },
    { "stats", 0, 0, G_OPTION_ARG_NONE, &stats, N_("Count by profile, stage reached and outcome"), NULL },
    { "profile", 0, 0, G_OPTION_ARG_STRING, &profile_id, N_("Only under this profile"), N_("ID") },
    { "agency", 0, 0, G_OPTION_ARG_STRING, &agency, N_("Only those raised by or against this agency"), N_("AGENCY") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_option, N_("open or resolved"), N_("STATUS") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_option, N_("Only those raised on or after this date"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_option, N_("Only those raised on or before this date"), N_("YYYY-MM-DD") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = quorum_cli_option_context (ctx, NULL, _("List differences, or count them"), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) differences = NULL;
  g_autoptr(GPtrArray) profiles = NULL;
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  QuorumDifferenceFilter filter = { 0 };
  QuorumStore *store;
  GDate as_of;
  GDate from;
  GDate to;

  if (!quorum_cli_parse (context, &argc, &argv))
    return QUORUM_EXIT_USAGE;
  if (argc > 1)
    return quorum_cli_usage (context, _("unexpected argument “%s”"), argv[1]);

  if (!parse_as_of (as_of_option, &as_of, &error) ||
      !quorum_cli_date (from_option, "--from", &from, &error) ||
      !quorum_cli_date (to_option, "--to", &to, &error))
    return quorum_cli_fail (error);
  if (g_date_valid (&from) && g_date_valid (&to) && g_date_compare (&from, &to) > 0)
    {
      g_set_error (&error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("--from %s is after --to %s"), from_option, to_option);
      return quorum_cli_fail (error);
    }

  filter.any_status = TRUE;
  if (status_option != NULL)
    {
      if (!quorum_difference_status_from_string (status_option, &filter.status))
        {
          g_set_error (&error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                       _("--status: “%s” is not one of open, resolved"), status_option);
          return quorum_cli_fail (error);
        }
      filter.any_status = FALSE;
    }

  if (!(profiles = quorum_profiles_load_all (&error)))
    return quorum_cli_fail (error);
  if (profile_id != NULL)
    {
      QuorumProfile *profile = find_profile (profiles, profile_id);

      if (profile == NULL)
        {
          g_autoptr(QuorumProfile) lookup = quorum_profiles_lookup (profile_id, &error);

          /* The lookup names the known ids */
          if (lookup == NULL)
            return quorum_cli_fail (error);
        }
      else
        {
          quorum_profile_ref (profile);
          g_clear_pointer (&profiles, g_ptr_array_unref);
          profiles = g_ptr_array_new_with_free_func ((GDestroyNotify) quorum_profile_unref);
          g_ptr_array_add (profiles, profile);
        }
    }

  filter.profile_id = profile_id;
  filter.agency = agency;
  filter.from = g_date_valid (&from) ? &from : NULL;
  filter.to = g_date_valid (&to) ? &to : NULL;

  if (!(store = quorum_cli_get_read_store (ctx, &error)) ||
      !(differences = quorum_store_list_differences (store, &filter, &error)))
    return quorum_cli_fail (error);

  for (guint i = 0; i < differences->len; i++)
    {
      QuorumDifference *d = g_ptr_array_index (differences, i);

      /* As it stood on --as-of: one raised later did not exist then; the stage it had
       * reached, open or resolved, as then (core's quorum_difference_restrict_to_day ()). */
      if (as_of_option != NULL && !quorum_difference_restrict_to_day (d, &as_of))
        continue;
      if (overdue_only && !quorum_difference_is_overdue (d, &as_of))
        continue;
      g_ptr_array_add (shown, d);
    }

  if (stats)
    {
      g_autoptr(QuorumDifferenceStats) counts =
        quorum_difference_stats_new (shown, profiles, filter.from, filter.to, &as_of);

      if (ctx->json)
        quorum_cli_print_json (stats_to_json (counts));
      else
        print_stats_text (counts);

      return QUORUM_EXIT_OK;
    }

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < shown->len; i++)
        {
          const QuorumDifference *d = g_ptr_array_index (shown, i);

          json_builder_begin_object (builder);
          add_difference_members (builder, d, find_profile (profiles, d->profile_id), &as_of);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      quorum_cli_print_json (json_builder_get_root (builder));
    }
  else
    {
      if (shown->len == 0)
        printf ("%s\n", _("No differences."));

      for (guint i = 0; i < shown->len; i++)
        {
          const QuorumDifference *d = g_ptr_array_index (shown, i);
          const QuorumDifferenceStage *current = quorum_difference_get_current_stage (d);
          g_autofree char *due = format_due (current);
          const char *state;
          const QuorumProfile *profile = find_profile (profiles, d->profile_id);
          g_autofree char *name = quorum_difference_stage_dup_name (current, profile);

          if (d->status == QUORUM_DIFFERENCE_RESOLVED && d->disagreement_remains)
            state = _("closed, disagreement remains");
          else if (d->status == QUORUM_DIFFERENCE_RESOLVED)
            state = _("resolved");
          else if (!quorum_difference_is_overdue (d, &as_of))
            state = _("open");
          else if (profile != NULL && quorum_difference_get_next_stage_due (d, profile, &as_of) > 0)
            state = _("OVERDUE: the next stage is due");
          else
            state = _("OVERDUE");

          printf (_("%lld\t%s\tstage %d: %s\tdue %s\t%s%s\n"),
                  (long long) d->id, d->profile_id, current->number, name, due, state,
                  d->immediate_risk ? _(" (immediate risk)") : "");
        }
    }

  return QUORUM_EXIT_OK;
}
