/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-export-csv.c: the dissent record as RFC 4180 CSV, one row per group's view per child,
 * and one for a child decided with no view recorded (by consensus). */

#include <string.h>

#include "quorum-export-private.h"

/* The column names are a contract with the spreadsheets that read them: never translate, never
 * rename or reorder. "exported_by" and "exported_at" stay the last two (scripts read them from
 * the end, as a sealed record's "seal" comes before them): a new column goes after the others,
 * before those two, and after "seal". */
static const char * const columns[] = {
  "conference", "conference_date", "child_id", "child", "group", "view", "categories",
  "representatives", "reason", "members_disagreed", "decision_outcome", "decision_basis",
  "dissent", "superseded", "exported_by", "exported_at",
  /* Where the group's representatives could not agree, each one's own position, on the group's
   * own row (see representative_positions () below); empty otherwise. Written before
   * exported_by. */
  "representative_positions",
  /* The amendments after sign-off that bear on the row (see row_amendments () below), so that a
   * row read alone is never taken for the record as corrected; empty when none. Written
   * before exported_by. */
  "amendments",
  /* The decision's categories of abuse (more than one may apply) in the record's own words,
   * "neglect; emotional", as `vote --category` and the JSON's "categories" name them; empty
   * before the decision and for no plan. The group's own view's are in "categories". Written
   * before exported_by. */
  "decision_categories",
  /* The chair's own reasons for a decision the chair made (chair-decides, no consensus), on
   * each of the child's rows, as they stand (a correction after sign-off is in "amendments",
   * the reasons as signed off in "original_values"); empty for any other basis and before the
   * decision. Written before exported_by. */
  "chair_reason",
  /* Where the row gives a value as it stands after an amendment after sign-off (an attendee's
   * or the child's name, a reason, a representative's own reason, the decision's categories,
   * the chair's reasons), the value as signed off, as a JSON object: the column's name, its
   * cell as signed off ({"reason":"…","decision_categories":"neglect; physical"}). Empty when
   * the row's cells are as signed off. Written before exported_by. */
  "original_values",
  /* The child's referral to the Head of Service (a split's, within the profile's working days;
   * or one made on a challenge), on each of the child's rows, as the JSON's "referrals" give it:
   * its id; its due date and, when that is a day off, the working day before it; when it was
   * sent, and whether late; whether overdue on the day of the export (the JSON's "overdue" as of
   * "overdue_as_of"); the panel's due date (and the working day before it when that is a day
   * off), its hearing, whether late, and its outcome. Dates as ISO 8601, yes/no as the other
   * columns say it. Empty for a child with no referral. Written before exported_by (see
   * referral_cells () below). */
  "referral_id", "referral_due", "referral_due_working", "referral_notified", "referral_sent_late",
  "referral_overdue", "referral_panel_due", "referral_panel_due_working", "referral_panel_date",
  "referral_heard_late", "referral_outcome",
};

#define FIRST_REFERRAL_COLUMN 21
#define N_REFERRAL_COLUMNS 11

/* The fields in the order they are written: the columns up to "superseded", "seal" (-1) in a
 * sealed record, the columns added since, then exported_by and exported_at. */
static const int written[] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, -1, 16, 17, 18, 19, 20,
                               21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 14, 15 };

char *
quorum_csv_escape (const char *field)
{
  GString *str;

  if (field == NULL)
    return g_strdup ("");

  if (strpbrk (field, ",\"\r\n") == NULL)
    return g_strdup (field);

  str = g_string_sized_new (strlen (field) + 2);
  g_string_append_c (str, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (str, '"');
      g_string_append_c (str, *p);
    }
  g_string_append_c (str, '"');

  return g_string_free (str, FALSE);
}

static void
append_row (GString            *out,
            const char * const *fields,
            guint               n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *escaped = quorum_csv_escape (fields[i]);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, escaped);
    }
  g_string_append (out, "\r\n");
}

/* Writes @fields (in the order of columns[]) in the order of written[]: a sealed record carries
 * its seal in a column of its own. */
static void
append_row_sealed (GString            *out,
                   const char * const *fields,
                   const char  *seal,
                   gboolean     sealed)
{
  const char *row[G_N_ELEMENTS (written)];
  guint n = 0;

  G_STATIC_ASSERT (G_N_ELEMENTS (written) == G_N_ELEMENTS (columns) + 1);
  G_STATIC_ASSERT (FIRST_REFERRAL_COLUMN + N_REFERRAL_COLUMNS == G_N_ELEMENTS (columns));

  for (guint i = 0; i < G_N_ELEMENTS (written); i++)
    {
      if (written[i] < 0 && !sealed)
        continue;
      row[n++] = written[i] < 0 ? seal : fields[written[i]];
    }
  append_row (out, row, n);
}

/* The cells "referral_id" … "referral_outcome" of @child's rows, in @cells (each freed by the
 * caller): its referral to the Head of Service as the JSON export gives it (its "referrals"),
 * overdue or not as of @as_of, the day of the export, by core's rule (as `referrals --as-of`,
 * the PDF and the JSON say it). All empty when the child has no referral. */
static void
referral_cells (const QuorumConference *conference,
                const QuorumChild      *child,
                const GDate            *as_of,
                char                   *cells[N_REFERRAL_COLUMNS])
{
  const QuorumReferral *referral = quorum_conference_find_referral (conference, child->id);
  guint n = 0;

  if (referral == NULL)
    {
      for (guint i = 0; i < N_REFERRAL_COLUMNS; i++)
        cells[i] = g_strdup ("");
      return;
    }

  cells[n++] = g_strdup_printf ("%" G_GINT64_FORMAT, referral->id);
  cells[n++] = g_date_valid (&referral->due) ? quorum_date_to_string (&referral->due) : g_strdup ("");
  cells[n++] = g_date_valid (&referral->due_working) ? quorum_date_to_string (&referral->due_working) : g_strdup ("");
  cells[n++] = g_date_valid (&referral->notified) ? quorum_date_to_string (&referral->notified) : g_strdup ("");
  cells[n++] = g_strdup (referral->sent_late ? "yes" : "no");
  cells[n++] = g_strdup (_quorum_export_referral_overdue (referral, as_of) ? "yes" : "no");
  cells[n++] = g_date_valid (&referral->panel_due) ? quorum_date_to_string (&referral->panel_due) : g_strdup ("");
  cells[n++] = g_date_valid (&referral->panel_due_working) ? quorum_date_to_string (&referral->panel_due_working) : g_strdup ("");
  cells[n++] = g_date_valid (&referral->panel_date) ? quorum_date_to_string (&referral->panel_date) : g_strdup ("");
  cells[n++] = g_strdup (referral->heard_late ? "yes" : "no");
  cells[n++] = g_strdup (referral->outcome != QUORUM_PANEL_NONE ? quorum_panel_outcome_to_string (referral->outcome) : "");
  g_assert (n == N_REFERRAL_COLUMNS);
}

/* @categories as the record's own words, "neglect; emotional"; "" for none. */
static char *
categories_cell (guint categories)
{
  g_autofree char *words = quorum_categories_to_string (categories);
  g_auto(GStrv) items = g_strsplit (words, ",", -1);

  return g_strjoinv ("; ", items);
}

/* @names as they stand after sign-off (an attendee's name amended), joined by "; ": names may
 * carry commas ("Khan, A."). Core's look-up, as the record's; no note here: the row's
 * "original_values" and "amendments" give the original. */
static char *
names_now (const QuorumConference *conference,
           const char * const     *names)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) now = NULL;

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    g_strv_builder_add (builder, quorum_conference_name_now (conference, 0, names[i], NULL));
  now = g_strv_builder_end (builder);

  return g_strjoinv ("; ", now);
}

/* A representative's own reason as it stands ("member_view:ID"), by the record's rule. */
static const char *
member_reason_now (const QuorumConference *conference,
                   const QuorumMemberView *mv)
{
  g_autofree char *record = g_strdup_printf ("member_view:%" G_GINT64_FORMAT, mv->id);
  const char *records[2] = { record, NULL };

  if (mv->id <= 0)
    return mv->reason;
  return _quorum_export_reason_now (conference, mv->reason, records, NULL);
}

/* The names of @group's representatives whose own position dissents from @decision, as they
 * stand when @conference is given, else as recorded. */
static char *
dissenting_representatives (const QuorumConference *conference,
                            const QuorumDecision   *decision,
                            const char             *group,
                            GPtrArray              *own)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;

  for (guint m = 0; m < own->len; m++)
    {
      const QuorumMemberView *mv = g_ptr_array_index (own, m);

      if (_quorum_export_view_dissents (decision, group, mv->view))
        g_strv_builder_add (names, conference != NULL
                                     ? quorum_conference_name_now (conference, mv->attendee_id, mv->name, NULL)
                                     : mv->name != NULL ? mv->name : "");
    }
  list = g_strv_builder_end (names);

  return g_strjoinv ("; ", list);
}

/* The cell "representative_positions": the own positions @own of @group's representatives who
 * could not agree, as a JSON array (RFC 8259) in the order recorded, one object per
 * representative: {"name", "view", "categories" (an array), "reason", "dissent"}, the first four
 * as in "member_views" of the JSON export; "dissent" is whether their own position differs
 * from the outcome, null before the decision. JSON, not a list of our own: a reason may hold any
 * separator, and any JSON parser splits it back whole. An empty cell when there are none. */
static char *
representative_positions (const QuorumConference *conference,
                          const QuorumDecision   *decision,
                          const char             *group,
                          GPtrArray              *own)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) root = NULL;

  if (own->len == 0)
    return g_strdup ("");

  builder = json_builder_new ();
  json_builder_begin_array (builder);
  for (guint m = 0; m < own->len; m++)
    {
      const QuorumMemberView *mv = g_ptr_array_index (own, m);

      json_builder_begin_object (builder);
      /* As they stand when @conference is given (the row's own cells), else as signed off. */
      quorum_json_add_string (builder, "name", conference != NULL
                                                 ? quorum_conference_name_now (conference, mv->attendee_id, mv->name, NULL)
                                                 : mv->name);
      quorum_json_add_view (builder, "view", mv->view);
      quorum_json_add_categories (builder, "categories", mv->categories);
      quorum_json_add_string (builder, "reason", conference != NULL ? member_reason_now (conference, mv) : mv->reason);
      json_builder_set_member_name (builder, "dissent");
      if (decision != NULL)
        json_builder_add_boolean_value (builder, _quorum_export_view_dissents (decision, group, mv->view));
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);

  return json_to_string (root, FALSE);
}

/* Whether @amendment (its record "KIND:ID", or none) bears on the row of @vote of @child: one
 * of the whole conference or with no record named, on every row (a spreadsheet filtered by
 * child still shows it); one in words about one child ("child:ID" with no field:
 * quorum_conference_amendment_about ()), a child's name or an attempt at its decision, on the
 * child's rows only; a vote's reason, on its own row; a representative's own
 * reason, on their group's row for the child; an attendee's details, on the rows of their group;
 * a dissent's reason or names, on its group's row for its child (trial 8, D3: they were on every
 * row of every child, and a minute-taker filtering the amended rows found the other child's). */
static gboolean
amendment_bears_on (const QuorumConference *conference,
                    const QuorumAmendment  *amendment,
                    const QuorumChild      *child,
                    const QuorumVote       *vote)
{
  gsize kind_len;
  gint64 id;
  g_autofree char *kind = NULL;

  if (!quorum_amendment_parse_record (amendment->record, &kind_len, &id))
    return TRUE;
  kind = g_strndup (amendment->record, kind_len);

  if (g_str_equal (kind, "child"))
    return id == child->id;
  if (g_str_equal (kind, "vote"))
    return vote != NULL && id == vote->id;
  /* A decision's categories or the chair's reasons: on its child's rows, where
   * "decision_categories" and "chair_reason" hold them. */
  if (g_str_equal (kind, "decision"))
    {
      for (guint i = 0; conference->decisions != NULL && i < conference->decisions->len; i++)
        {
          const QuorumDecision *decision = g_ptr_array_index (conference->decisions, i);

          if (decision->id == id)
            return decision->child_id == child->id;
        }
      return TRUE;
    }
  if (g_str_equal (kind, "attempt"))
    {
      for (guint i = 0; conference->attempts != NULL && i < conference->attempts->len; i++)
        {
          const QuorumAttempt *attempt = g_ptr_array_index (conference->attempts, i);

          if (attempt->id == id)
            return attempt->child_id == child->id;
        }
      return TRUE;
    }
  if (g_str_equal (kind, "attendee"))
    {
      const QuorumAttendee *attendee = quorum_conference_find_attendee (conference, id);

      return attendee == NULL || (vote != NULL && quorum_group_equal (attendee->line_management, vote->group));
    }
  /* A representative's own reason: on the row of their group's view for the child, where
   * "representative_positions" holds it. */
  if (g_str_equal (kind, "member_view"))
    {
      for (guint i = 0; conference->member_views != NULL && i < conference->member_views->len; i++)
        {
          const QuorumMemberView *m = g_ptr_array_index (conference->member_views, i);

          if (m->id == id)
            return m->child_id == child->id && vote != NULL && !vote->superseded &&
                   quorum_group_equal (m->group, vote->group);
        }
      return TRUE;
    }
  if (g_str_equal (kind, "dissent"))
    {
      for (guint i = 0; conference->decisions != NULL && i < conference->decisions->len; i++)
        {
          const QuorumDecision *decision = g_ptr_array_index (conference->decisions, i);

          for (guint d = 0; decision->dissent != NULL && d < decision->dissent->len; d++)
            {
              const QuorumDissent *dissent = g_ptr_array_index (decision->dissent, d);

              if (dissent->id == id)
                return decision->child_id == child->id && vote != NULL && !vote->superseded &&
                       quorum_group_equal (dissent->group, vote->group);
            }
        }
      return TRUE;
    }
  return TRUE;
}

/* Whether @amendment bears on some row of the export: one that bears on none (a non-voting
 * attendee's name, a child with no views) is put on every row, never left out. */
static gboolean
amendment_has_a_row (const QuorumConference *conference,
                     const QuorumAmendment  *amendment)
{
  for (guint c = 0; conference->children != NULL && c < conference->children->len; c++)
    {
      const QuorumChild *child = g_ptr_array_index (conference->children, c);
      g_autoptr(GPtrArray) votes = _quorum_export_child_votes (conference, child->id);

      for (guint v = 0; v < votes->len; v++)
        if (amendment_bears_on (conference, amendment, child, g_ptr_array_index (votes, v)))
          return TRUE;
      /* A child decided with no view recorded (by consensus) has a row of its own. */
      if (votes->len == 0 && quorum_conference_find_decision (conference, child->id) != NULL &&
          amendment_bears_on (conference, amendment, child, NULL))
        return TRUE;
    }
  return FALSE;
}

/* The cell "amendments": those bearing on the row, as a JSON array in the order made, one
 * object per amendment as in "amendments" of the JSON export. The row's own cells give each
 * value as it stands, as the record does, and "original_values" the cells as signed off. An
 * empty cell when there are none. */
static char *
row_amendments (const QuorumConference *conference,
                const QuorumChild      *child,
                const QuorumVote       *vote)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  gboolean any = FALSE;

  json_builder_begin_array (builder);
  for (guint i = 0; conference->amendments != NULL && i < conference->amendments->len; i++)
    {
      const QuorumAmendment *amendment = g_ptr_array_index (conference->amendments, i);

      if (!amendment_bears_on (conference, amendment, child, vote) &&
          amendment_has_a_row (conference, amendment))
        continue;
      any = TRUE;
      quorum_json_add_amendment (builder, amendment);
    }
  json_builder_end_array (builder);
  if (!any)
    return g_strdup ("");
  root = json_builder_get_root (builder);

  return json_to_string (root, FALSE);
}

/* The chair's reasons for @decision as they stand ("decision:ID" "reason"); NULL for none. */
static const char *
chair_reason_now (const QuorumConference *conference,
                  const QuorumDecision   *decision)
{
  g_autofree char *record = NULL;
  const char *records[2] = { NULL, NULL };

  if (decision == NULL || decision->id <= 0)
    return decision != NULL ? decision->reason : NULL;
  records[0] = record = g_strdup_printf ("decision:%" G_GINT64_FORMAT, decision->id);
  return _quorum_export_reason_now (conference, decision->reason, records, NULL);
}

/* Adds to @originals (a JSON object being built) the column @column's cell as signed off,
 * @original, where it differs from the cell as it stands, @now. */
static void
note_original (JsonBuilder *originals,
               gboolean    *any,
               const char  *column,
               const char  *original,
               const char  *now)
{
  if (g_strcmp0 (original != NULL ? original : "", now != NULL ? now : "") == 0)
    return;
  *any = TRUE;
  quorum_json_add_string (originals, column, original != NULL ? original : "");
}

static char *
finish_originals (JsonBuilder *originals,
                  gboolean     any)
{
  g_autoptr(JsonNode) root = NULL;

  json_builder_end_object (originals);
  if (!any)
    return g_strdup ("");
  root = json_builder_get_root (originals);
  return json_to_string (root, FALSE);
}

char *
quorum_export_csv_string (const QuorumConference *conference,
                          const char             *exported_by,
                          GDateTime              *exported_at)
{
  GString *out;
  g_autofree char *conference_id = NULL;
  g_autofree char *conference_date = NULL;
  g_autofree char *exported_at_str = NULL;
  GDate as_of;

  g_return_val_if_fail (conference != NULL, NULL);

  out = g_string_new (NULL);
  exported_at_str = _quorum_export_iso8601 (exported_at);

  /* Lateness as of the day of the export, in its local calendar, as the JSON's "overdue_as_of". */
  _quorum_export_local_day (exported_at, &as_of);

  conference_id = g_strdup_printf ("%" G_GINT64_FORMAT, conference->id);
  conference_date = quorum_date_to_string (&conference->date);

  append_row_sealed (out, columns, "seal", conference->seal != NULL);

  for (guint c = 0; conference->children != NULL && c < conference->children->len; c++)
    {
      const QuorumChild *child = g_ptr_array_index (conference->children, c);
      const QuorumDecision *decision = quorum_conference_find_decision (conference, child->id);
      g_autoptr(GPtrArray) votes = _quorum_export_child_votes (conference, child->id);
      g_autofree char *child_id = g_strdup_printf ("%" G_GINT64_FORMAT, child->id);
      char *referral[N_REFERRAL_COLUMNS];

      /* The same on each of the child's rows. */
      referral_cells (conference, child, &as_of, referral);

      /* A child decided with no group's view recorded (a consensus counts none) still has its
       * row: the group's cells empty, its decision and basis ("consensus") said; never no row
       * at all, as if the child had not been decided. */
      if (votes->len == 0 && decision != NULL)
        {
          g_autofree char *amendments = row_amendments (conference, child, NULL);
          g_autofree char *decision_categories =
            categories_cell (quorum_conference_decision_categories_now (conference, decision, NULL));
          g_autofree char *decision_categories_signed = categories_cell (decision->categories);
          g_autoptr(JsonBuilder) originals = json_builder_new ();
          g_autofree char *original_values = NULL;
          const char *child_name = quorum_conference_child_name_now (conference, child, NULL);
          const char *chair_reason = chair_reason_now (conference, decision);
          gboolean any = FALSE;
          const char *fields[G_N_ELEMENTS (columns)] = { NULL };

          json_builder_begin_object (originals);
          note_original (originals, &any, "child", child->name, child_name);
          note_original (originals, &any, "decision_categories", decision_categories_signed, decision_categories);
          note_original (originals, &any, "chair_reason", decision->reason, chair_reason);
          original_values = finish_originals (originals, any);

          fields[0] = conference_id;
          fields[1] = conference_date;
          fields[2] = child_id;
          fields[3] = child_name;
          fields[4] = "";
          fields[5] = "";
          fields[6] = "";
          fields[7] = "";
          fields[8] = "";
          fields[9] = "no";
          fields[10] = quorum_view_to_string (decision->outcome);
          fields[11] = quorum_basis_to_string (decision->basis);
          fields[12] = decision->dissent != NULL && decision->dissent->len > 0 ? "yes" : "no";
          fields[13] = "no";
          fields[14] = exported_by;
          fields[15] = exported_at_str;
          fields[16] = "";
          fields[17] = amendments;
          fields[18] = decision_categories;
          fields[19] = chair_reason;
          fields[20] = original_values;
          for (guint i = 0; i < N_REFERRAL_COLUMNS; i++)
            fields[FIRST_REFERRAL_COLUMN + i] = referral[i];
          append_row_sealed (out, fields, conference->seal, conference->seal != NULL);
        }

      for (guint v = 0; v < votes->len; v++)
        {
          const QuorumVote *vote = g_ptr_array_index (votes, v);
          g_auto(GStrv) members = quorum_conference_group_members (conference, vote->group);
          g_autoptr(GPtrArray) own = vote->superseded
                                       ? g_ptr_array_new ()
                                       : quorum_conference_member_views (conference, child->id, vote->group);
          g_autofree char *representatives = NULL;
          g_autofree char *representatives_signed = NULL;
          g_autofree char *positions = NULL;
          g_autofree char *positions_signed = NULL;
          g_autofree char *decision_categories_signed = NULL;
          g_autofree char *original_values = NULL;
          g_autoptr(JsonBuilder) originals = json_builder_new ();
          const char *child_name = quorum_conference_child_name_now (conference, child, NULL);
          const char *reason = _quorum_export_vote_reason_now (conference, decision, vote, NULL);
          const char *chair_reason = chair_reason_now (conference, decision);
          gboolean any = FALSE;
          g_autofree char *amendments = row_amendments (conference, child, vote);
          g_autofree char *categories = quorum_categories_to_string (vote->categories);
          g_autofree char *decision_categories =
            categories_cell (decision != NULL ? quorum_conference_decision_categories_now (conference, decision, NULL) : 0);
          const char *dissent = "";
          const char *fields[G_N_ELEMENTS (columns)];

          /* Names may carry commas ("Khan, A."): a semicolon keeps them apart. As they stand. */
          representatives = names_now (conference, (const char * const *) members);
          representatives_signed = g_strjoinv ("; ", members);

          /* Dissent is known once the child is decided; before that the cell stays empty. */
          if (decision != NULL)
            dissent = !vote->superseded && _quorum_export_find_dissent (decision, vote->group) != NULL ? "yes" : "no";

          /* Representatives who could not agree, each with a position of their own: the group
           * dissents when the view it settled on differs from the outcome, and of them only
           * those whose own position differs are listed as dissenting (DOMAIN "Reaching a
           * decision" 6); their own positions are on this row, in "representative_positions". */
          if (own->len > 0 && decision != NULL && g_str_equal (dissent, "yes"))
            {
              if (_quorum_export_view_dissents (decision, vote->group, vote->view))
                {
                  g_free (representatives);
                  g_free (representatives_signed);
                  representatives = dissenting_representatives (conference, decision, vote->group, own);
                  representatives_signed = dissenting_representatives (NULL, decision, vote->group, own);
                }
              else
                dissent = "no";
            }
          /* The group's dissent: its representatives as the record now holds them, a correction
           * of the dissent's names after sign-off ("dissent:ID" "representatives") too, by the
           * rule the JSON's "representatives_now" and the record's "Representatives:" follow;
           * the cell as signed off in "original_values". */
          else if (own->len == 0 && g_str_equal (dissent, "yes"))
            {
              const QuorumDissent *d = _quorum_export_find_dissent (decision, vote->group);
              guint number = 0;
              g_auto(GStrv) names = quorum_conference_dissent_representatives_now (conference, d, &number);

              if (number > 0)
                {
                  g_free (representatives);
                  representatives = names_now (conference, (const char * const *) names);
                }
            }

          fields[0] = conference_id;
          fields[1] = conference_date;
          fields[2] = child_id;
          fields[3] = child_name;
          fields[4] = vote->group;
          fields[5] = quorum_view_to_string (vote->view);
          fields[6] = categories;
          fields[7] = representatives;
          fields[8] = reason;
          fields[9] = vote->members_disagreed ? "yes" : "no";
          fields[10] = decision != NULL ? quorum_view_to_string (decision->outcome) : "";
          fields[11] = decision != NULL ? quorum_basis_to_string (decision->basis) : "";
          fields[12] = dissent;
          /* A view given before a later consensus attempt: history, not counted. */
          fields[13] = vote->superseded ? "yes" : "no";
          fields[14] = exported_by;
          fields[15] = exported_at_str;
          positions = representative_positions (conference, decision, vote->group, own);
          positions_signed = representative_positions (NULL, decision, vote->group, own);
          fields[16] = positions;
          fields[17] = amendments;
          fields[18] = decision_categories;
          decision_categories_signed = categories_cell (decision != NULL ? decision->categories : 0);
          fields[19] = chair_reason;

          json_builder_begin_object (originals);
          note_original (originals, &any, "child", child->name, child_name);
          note_original (originals, &any, "representatives", representatives_signed, representatives);
          note_original (originals, &any, "reason", vote->reason, reason);
          note_original (originals, &any, "representative_positions", positions_signed, positions);
          note_original (originals, &any, "decision_categories", decision_categories_signed, decision_categories);
          note_original (originals, &any, "chair_reason", decision != NULL ? decision->reason : NULL, chair_reason);
          original_values = finish_originals (originals, any);
          fields[20] = original_values;
          for (guint i = 0; i < N_REFERRAL_COLUMNS; i++)
            fields[FIRST_REFERRAL_COLUMN + i] = referral[i];

          append_row_sealed (out, fields, conference->seal, conference->seal != NULL);
        }

      for (guint i = 0; i < N_REFERRAL_COLUMNS; i++)
        g_free (referral[i]);
    }

  return g_string_free (out, FALSE);
}
