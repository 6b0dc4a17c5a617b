/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-export-csv.c: the dissent record as RFC 4180 CSV, one row per group's view per child. */

#include <string.h>

#include "quorum-export-private.h"

/* The column names are a contract with the spreadsheets that read them: never translate. */
static const char * const columns[] = {
  "conference", "conference_date", "child_id", "child", "group", "view", "categories",
  "representatives", "reason", "members_disagreed", "decision_outcome", "decision_basis",
  "dissent", "superseded", "exported_by", "exported_at",
};

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

/* A sealed record carries its seal in a column before exported_by and exported_at, which
 * stay last. */
static void
append_row_sealed (GString            *out,
                   const char * const *fields,
                   const char  *seal,
                   gboolean     sealed)
{
  const guint n = G_N_ELEMENTS (columns);
  const char *row[G_N_ELEMENTS (columns) + 1];

  if (!sealed)
    {
      append_row (out, fields, n);
      return;
    }
  memcpy (row, fields, sizeof (char *) * (n - 2));
  row[n - 2] = seal;
  row[n - 1] = fields[n - 2];
  row[n] = fields[n - 1];
  append_row (out, row, n + 1);
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

  g_return_val_if_fail (conference != NULL, NULL);

  out = g_string_new (NULL);
  exported_at_str = _quorum_export_iso8601 (exported_at);

  conference_id = g_strdup_printf ("%" G_GINT64_FORMAT, conference->id);
  conference_date = quorum_date_to_string (&conference->date);

  append_row_sealed (out, columns, "seal", conference->seal != NULL);

  for (guint c = 0; conference->children != NULL && c < conference->children->len; c++)
    {
      const QuorumChild *child = g_ptr_array_index (conference->children, c);
      const QuorumDecision *decision = quorum_conference_find_decision (conference, child->id);
      g_autoptr(GPtrArray) votes = _quorum_export_child_votes (conference, child->id);
      g_autofree char *child_id = g_strdup_printf ("%" G_GINT64_FORMAT, child->id);

      for (guint v = 0; v < votes->len; v++)
        {
          const QuorumVote *vote = g_ptr_array_index (votes, v);
          g_auto(GStrv) members = quorum_conference_group_members (conference, vote->group);
          g_autofree char *representatives = NULL;
          g_autofree char *categories = quorum_categories_to_string (vote->categories);
          const char *dissent = "";
          const char *fields[G_N_ELEMENTS (columns)];

          /* Names may carry commas ("Khan, A."): a semicolon keeps them apart. */
          representatives = g_strjoinv ("; ", members);

          /* Dissent is known once the child is decided; before that the cell stays empty. */
          if (decision != NULL)
            dissent = !vote->superseded && _quorum_export_find_dissent (decision, vote->group) != NULL ? "yes" : "no";

          fields[0] = conference_id;
          fields[1] = conference_date;
          fields[2] = child_id;
          fields[3] = child->name;
          fields[4] = vote->group;
          fields[5] = quorum_view_to_string (vote->view);
          fields[6] = categories;
          fields[7] = representatives;
          fields[8] = vote->reason;
          fields[9] = vote->members_disagreed ? "yes" : "no";
          fields[10] = decision != NULL ? quorum_view_to_string (decision->outcome) : "";
          fields[11] = decision != NULL ? quorum_basis_to_string (decision->basis) : "";
          fields[12] = dissent;
          /* A view given before a later consensus attempt: history, not counted. */
          fields[13] = vote->superseded ? "yes" : "no";
          fields[14] = exported_by;
          fields[15] = exported_at_str;

          append_row_sealed (out, fields, conference->seal, conference->seal != NULL);
        }
    }

  return g_string_free (out, FALSE);
}
