/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-export-json.c: a conference and its decisions as JSON, the documents of the CLI. */

#include "quorum-export-private.h"

void
quorum_json_add_string (JsonBuilder *builder,
                        const char  *key,
                        const char  *value)
{
  json_builder_set_member_name (builder, key);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
quorum_json_add_date (JsonBuilder *builder,
                      const char  *key,
                      const GDate *date)
{
  g_autofree char *str = quorum_date_to_string (date);

  quorum_json_add_string (builder, key, str);
}

void
quorum_json_add_int (JsonBuilder *builder,
                     const char  *key,
                     gint64       value)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_int_value (builder, value);
}

/* An id that may be unset (0): null then. */
void
quorum_json_add_id (JsonBuilder *builder,
                    const char  *key,
                    gint64       value)
{
  json_builder_set_member_name (builder, key);
  if (value > 0)
    json_builder_add_int_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
quorum_json_add_bool (JsonBuilder *builder,
                      const char  *key,
                      gboolean     value)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_boolean_value (builder, value);
}

void
quorum_json_add_view (JsonBuilder *builder,
                      const char  *key,
                      QuorumView   view)
{
  quorum_json_add_string (builder, key, quorum_view_to_string (view));
}

void
quorum_json_add_categories (JsonBuilder *builder,
                            const char  *key,
                            guint        categories)
{
  g_autofree char *words = quorum_categories_to_string (categories);
  g_auto(GStrv) items = g_strsplit (words, ",", -1);

  json_builder_set_member_name (builder, key);
  json_builder_begin_array (builder);
  for (guint i = 0; items[i] != NULL; i++)
    {
      if (items[i][0] != '\0')
        json_builder_add_string_value (builder, items[i]);
    }
  json_builder_end_array (builder);
}

void
quorum_json_add_strv (JsonBuilder        *builder,
                      const char         *key,
                      const char * const *values)
{
  json_builder_set_member_name (builder, key);
  json_builder_begin_array (builder);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

static inline gboolean
has_items (GPtrArray *array)
{
  return array != NULL && array->len > 0;
}

static void
build_decision (JsonBuilder            *builder,
                const QuorumConference *conference,
                const QuorumDecision   *decision)
{
  QuorumPlan *plan = NULL;
  QuorumReferral *referral = NULL;

  plan = quorum_conference_find_plan (conference, decision->child_id);
  referral = quorum_conference_find_referral (conference, decision->child_id);

  json_builder_begin_object (builder);

  quorum_json_add_id (builder, "id", decision->id);
  quorum_json_add_int (builder, "child", decision->child_id);
  quorum_json_add_view (builder, "outcome", decision->outcome);
  quorum_json_add_string (builder, "basis", quorum_basis_to_string (decision->basis));
  quorum_json_add_categories (builder, "categories", decision->categories);

  json_builder_set_member_name (builder, "tally");
  json_builder_begin_object (builder);
  quorum_json_add_int (builder, "plan", decision->n_plan);
  quorum_json_add_int (builder, "no-plan", decision->n_no_plan);
  quorum_json_add_int (builder, "declined", decision->n_declined);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "dissent");
  json_builder_begin_array (builder);
  for (guint i = 0; decision->dissent != NULL && i < decision->dissent->len; i++)
    {
      const QuorumDissent *dissent = g_ptr_array_index (decision->dissent, i);

      json_builder_begin_object (builder);
      quorum_json_add_string (builder, "group", dissent->group);
      quorum_json_add_view (builder, "view", dissent->view);
      quorum_json_add_categories (builder, "categories", dissent->categories);
      quorum_json_add_strv (builder, "representatives", (const char * const *) dissent->representatives);
      quorum_json_add_string (builder, "reason", dissent->reason);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  /* A plan exactly when the outcome is a plan; a referral exactly on a split. */
  json_builder_set_member_name (builder, "plan");
  if (decision->outcome == QUORUM_VIEW_PLAN && plan != NULL)
    {
      json_builder_begin_object (builder);
      quorum_json_add_int (builder, "id", plan->id);
      quorum_json_add_date (builder, "start", &plan->start);
      quorum_json_add_bool (builder, "from_split", plan->from_split);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "referral");
  if (decision->basis == QUORUM_BASIS_SPLIT && referral != NULL)
    {
      json_builder_begin_object (builder);
      quorum_json_add_int (builder, "id", referral->id);
      quorum_json_add_date (builder, "due", &referral->due);
      quorum_json_add_date (builder, "notified", &referral->notified);
      quorum_json_add_date (builder, "panel_due", &referral->panel_due);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);

  quorum_json_add_string (builder, "decided_at", decision->decided_at);
  quorum_json_add_string (builder, "decided_by", decision->decided_by);

  json_builder_end_object (builder);
}

JsonNode *
quorum_json_decision (const QuorumConference *conference,
                      const QuorumDecision   *decision)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (conference != NULL, NULL);
  g_return_val_if_fail (decision != NULL, NULL);

  build_decision (builder, conference, decision);

  return json_builder_get_root (builder);
}

JsonNode *
quorum_json_conference (const QuorumConference *conference,
                        const QuorumProfile    *profile)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (conference != NULL, NULL);

  json_builder_begin_object (builder);

  quorum_json_add_int (builder, "id", conference->id);
  quorum_json_add_string (builder, "kind", quorum_kind_to_string (conference->kind));
  quorum_json_add_date (builder, "date", &conference->date);
  quorum_json_add_string (builder, "time", conference->time);
  quorum_json_add_string (builder, "venue", conference->venue);
  quorum_json_add_string (builder, "chair", conference->chair);
  quorum_json_add_string (builder, "minute_taker", conference->minute_taker);
  quorum_json_add_string (builder, "case_ref", conference->case_ref);
  quorum_json_add_string (builder, "profile", conference->profile_id);
  quorum_json_add_string (builder, "profile_name", profile != NULL ? profile->name : NULL);
  quorum_json_add_string (builder, "rule", profile != NULL ? quorum_rule_to_string (profile->rule) : NULL);
  quorum_json_add_string (builder, "created_at", conference->created_at);
  quorum_json_add_string (builder, "created_by", conference->created_by);
  quorum_json_add_bool (builder, "finalised", quorum_conference_is_finalised (conference));
  quorum_json_add_string (builder, "finalised_at", conference->finalised_at);
  quorum_json_add_string (builder, "finalised_by", conference->finalised_by);
  quorum_json_add_string (builder, "inquorate_reason", conference->inquorate_reason);
  /* The audit log's seal as the record was read: `verify --seal` proves it later. */
  if (conference->seal != NULL)
    quorum_json_add_string (builder, "seal", conference->seal);

  json_builder_set_member_name (builder, "children");
  json_builder_begin_array (builder);
  for (guint i = 0; has_items (conference->children) && i < conference->children->len; i++)
    {
      const QuorumChild *child = g_ptr_array_index (conference->children, i);

      json_builder_begin_object (builder);
      quorum_json_add_int (builder, "id", child->id);
      quorum_json_add_string (builder, "name", child->name);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "attendees");
  json_builder_begin_array (builder);
  for (guint i = 0; has_items (conference->attendees) && i < conference->attendees->len; i++)
    {
      const QuorumAttendee *attendee = g_ptr_array_index (conference->attendees, i);

      json_builder_begin_object (builder);
      quorum_json_add_int (builder, "id", attendee->id);
      quorum_json_add_string (builder, "name", attendee->name);
      quorum_json_add_string (builder, "role", attendee->role);
      quorum_json_add_string (builder, "agency", attendee->agency);
      quorum_json_add_string (builder, "line_management", attendee->line_management);
      quorum_json_add_bool (builder, "voting", attendee->voting);
      quorum_json_add_string (builder, "attendance", quorum_attendance_to_string (attendee->attendance));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "attempts");
  json_builder_begin_array (builder);
  for (guint i = 0; has_items (conference->attempts) && i < conference->attempts->len; i++)
    {
      const QuorumAttempt *attempt = g_ptr_array_index (conference->attempts, i);

      json_builder_begin_object (builder);
      quorum_json_add_int (builder, "id", attempt->id);
      quorum_json_add_int (builder, "child", attempt->child_id);
      quorum_json_add_int (builder, "round", attempt->round);
      quorum_json_add_string (builder, "proposal", attempt->proposal);
      quorum_json_add_string (builder, "summary", attempt->summary);
      quorum_json_add_string (builder, "views", attempt->views);
      quorum_json_add_view (builder, "agreed", attempt->agreed);
      quorum_json_add_categories (builder, "categories", attempt->categories);
      quorum_json_add_string (builder, "recorded_at", attempt->recorded_at);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "votes");
  json_builder_begin_array (builder);
  for (guint i = 0; has_items (conference->votes) && i < conference->votes->len; i++)
    {
      const QuorumVote *vote = g_ptr_array_index (conference->votes, i);
      g_auto(GStrv) members = quorum_conference_group_members (conference, vote->group);

      json_builder_begin_object (builder);
      quorum_json_add_int (builder, "id", vote->id);
      quorum_json_add_int (builder, "child", vote->child_id);
      quorum_json_add_string (builder, "group", vote->group);
      quorum_json_add_view (builder, "view", vote->view);
      quorum_json_add_categories (builder, "categories", vote->categories);
      quorum_json_add_string (builder, "reason", vote->reason);
      quorum_json_add_bool (builder, "members_disagreed", vote->members_disagreed);
      quorum_json_add_strv (builder, "representatives", (const char * const *) members);
      quorum_json_add_string (builder, "recorded_at", vote->recorded_at);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "decisions");
  json_builder_begin_array (builder);
  for (guint i = 0; has_items (conference->decisions) && i < conference->decisions->len; i++)
    build_decision (builder, conference, g_ptr_array_index (conference->decisions, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "plans");
  json_builder_begin_array (builder);
  for (guint i = 0; has_items (conference->plans) && i < conference->plans->len; i++)
    {
      const QuorumPlan *plan = g_ptr_array_index (conference->plans, i);

      json_builder_begin_object (builder);
      quorum_json_add_int (builder, "id", plan->id);
      quorum_json_add_int (builder, "child", plan->child_id);
      quorum_json_add_date (builder, "start", &plan->start);
      quorum_json_add_bool (builder, "from_split", plan->from_split);
      quorum_json_add_categories (builder, "categories", plan->categories);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "referrals");
  json_builder_begin_array (builder);
  for (guint i = 0; has_items (conference->referrals) && i < conference->referrals->len; i++)
    {
      const QuorumReferral *referral = g_ptr_array_index (conference->referrals, i);

      json_builder_begin_object (builder);
      quorum_json_add_int (builder, "id", referral->id);
      quorum_json_add_int (builder, "conference", referral->conference_id > 0 ? referral->conference_id
                                                                  : conference->id);
      quorum_json_add_int (builder, "child", referral->child_id);
      quorum_json_add_date (builder, "due", &referral->due);
      quorum_json_add_date (builder, "notified", &referral->notified);
      quorum_json_add_date (builder, "panel_due", &referral->panel_due);
      quorum_json_add_date (builder, "panel_date", &referral->panel_date);
      quorum_json_add_string (builder, "outcome",
                              referral->outcome != QUORUM_PANEL_NONE
                                ? quorum_panel_outcome_to_string (referral->outcome) : NULL);
      quorum_json_add_string (builder, "outcome_reason", referral->outcome_reason);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "amendments");
  json_builder_begin_array (builder);
  for (guint i = 0; has_items (conference->amendments) && i < conference->amendments->len; i++)
    {
      const QuorumAmendment *amendment = g_ptr_array_index (conference->amendments, i);

      json_builder_begin_object (builder);
      quorum_json_add_int (builder, "id", amendment->id);
      quorum_json_add_string (builder, "at", amendment->at);
      quorum_json_add_string (builder, "by", amendment->by);
      quorum_json_add_string (builder, "reason", amendment->reason);
      quorum_json_add_string (builder, "change", amendment->change);
      quorum_json_add_string (builder, "record", amendment->record);
      quorum_json_add_string (builder, "field", amendment->field);
      quorum_json_add_string (builder, "old_value", amendment->old_value);
      quorum_json_add_string (builder, "new_value", amendment->new_value);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

JsonNode *
quorum_json_dissent_record (const QuorumConference *conference,
                            const QuorumProfile    *profile,
                            const char             *exported_by,
                            GDateTime              *exported_at)
{
  JsonNode *node;
  JsonObject *root;
  g_autofree char *at = NULL;

  g_return_val_if_fail (conference != NULL, NULL);

  /* `conference show` with two keys more, last: every other key stays as it is there. */
  node = quorum_json_conference (conference, profile);
  root = json_node_get_object (node);
  at = _quorum_export_iso8601 (exported_at);

  if (exported_by != NULL)
    json_object_set_string_member (root, "exported_by", exported_by);
  else
    json_object_set_null_member (root, "exported_by");
  json_object_set_string_member (root, "exported_at", at);

  return node;
}
