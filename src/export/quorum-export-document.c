/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-export-document.c: what the dissent record says, in order, for every renderer. */

#include <string.h>

#include "core/quorum-gettext.h"

#include "quorum-export-private.h"

static void
quorum_block_free (QuorumBlock *block)
{
  g_free (block->text);
  g_clear_pointer (&block->cells, g_ptr_array_unref);
  g_clear_pointer (&block->marked_rows, g_array_unref);
  g_free (block->section);
  g_free (block);
}

void
_quorum_document_free (QuorumDocument *self)
{
  if (self == NULL)
    return;

  g_free (self->title);
  g_free (self->running_title);
  g_free (self->header);
  g_free (self->footer);
  g_free (self->seal);
  g_free (self->section);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_strfreev (self->languages);
  g_free (self);
}

static QuorumBlock *
add_block (QuorumDocument  *doc,
           QuorumBlockKind  kind,
           const char      *text)
{
  QuorumBlock *block = g_new0 (QuorumBlock, 1);

  block->kind = kind;
  block->text = g_strdup (text);
  block->section = g_strdup (doc->section);
  g_ptr_array_add (doc->blocks, block);

  return block;
}

static QuorumBlock *
add_paragraph (QuorumDocument   *doc,
               QuorumBlockStyle  style,
               int               indent,
               const char       *text)
{
  QuorumBlock *block = add_block (doc, QUORUM_BLOCK_PARAGRAPH, text);

  block->style = style;
  block->indent = indent;

  return block;
}

static QuorumBlock *
begin_fields (QuorumDocument *doc,
              int             indent)
{
  QuorumBlock *block = add_block (doc, QUORUM_BLOCK_FIELDS, NULL);

  block->n_columns = 2;
  block->indent = indent;
  block->cells = g_ptr_array_new_with_free_func (g_free);

  return block;
}

/* Adds a field when it has a value: an empty field says nothing a reader needs. */
static void
add_field (QuorumBlock *fields,
           const char  *label,
           const char  *value)
{
  if (value == NULL || *value == '\0')
    return;

  g_ptr_array_add (fields->cells, g_strdup (label));
  g_ptr_array_add (fields->cells, g_strdup (value));
}

static void
add_field_take (QuorumBlock *fields,
                const char  *label,
                char        *value)
{
  add_field (fields, label, value);
  g_free (value);
}

/* A date the Head of Service gave, a day off said: "Saturday 5 December 2026 (a Saturday, not a
 * working day)". */
static char *
day_off_date (const GDate *date,
              int          day_off,
              QuorumRegion region)
{
  g_autofree char *text = _quorum_export_format_date (date);
  const char *label = quorum_day_off_get_label (day_off, region);

  if (label == NULL)
    return g_steal_pointer (&text);
  /* Translators: a date given on a day off, then "a Saturday", "a bank holiday in England and
   * Wales": "Saturday 5 December 2026 (a Saturday, not a working day)" */
  return g_strdup_printf (_("%s (%s, not a working day)"), text, label);
}

/* Drops a FIELDS block that ended up with no field. */
static void
end_fields (QuorumDocument *doc,
            QuorumBlock    *fields)
{
  if (fields->cells->len == 0)
    g_ptr_array_remove (doc->blocks, fields);
}

static QuorumBlock *
begin_table (QuorumDocument     *doc,
             const char * const *headers)
{
  QuorumBlock *block = add_block (doc, QUORUM_BLOCK_TABLE, NULL);

  block->n_columns = g_strv_length ((char **) headers);
  block->cells = g_ptr_array_new_with_free_func (g_free);
  block->marked_rows = g_array_new (FALSE, FALSE, sizeof (gboolean));
  for (guint i = 0; headers[i] != NULL; i++)
    g_ptr_array_add (block->cells, g_strdup (headers[i]));

  return block;
}

/* Takes the cells. */
static void
add_row (QuorumBlock  *table,
         gboolean      marked,
         char        **cells)
{
  for (guint i = 0; i < table->n_columns; i++)
    g_ptr_array_add (table->cells, cells[i] != NULL ? cells[i] : g_strdup (""));
  g_array_append_val (table->marked_rows, marked);
}

static char *
who_and_when (const char *by,
              const char *at)
{
  g_autofree char *when = _quorum_export_format_timestamp (at);

  if (by != NULL && when != NULL)
    /* TRANSLATORS: "Jane Roe, 20 November 2026, 10:45" */
    return g_strdup_printf (_("%s, %s"), by, when);
  if (by != NULL)
    return g_strdup (by);

  return g_steal_pointer (&when);
}

/* An attendee's name where the record names them, as it stands after sign-off: corrected by an
 * amendment ("attendee:9", field "name"), the corrected name with the amendment noted, as a
 * corrected reason is shown where the reason is (add_reason_as_it_stands below); the appendix
 * keeps the original. */
static char *
attendee_name_now (const QuorumConference *conference,
                   const QuorumAttendee   *attendee)
{
  return quorum_conference_format_name_now (conference, attendee->id, attendee->name);
}

/* @name as attendee_name_now () gives it, for a name the record holds as words (a dissent's
 * representatives, a group's members): the attendee of that name, else @name as it is. */
static char *
name_now (const QuorumConference *conference,
          const char             *name)
{
  return quorum_conference_format_name_now (conference, 0, name);
}

/* A representative's name as it stands, by their attendee's id where the loader gave it. */
static char *
member_name_now (const QuorumConference *conference,
                 const QuorumMemberView *mv)
{
  return quorum_conference_format_name_now (conference, mv->attendee_id, mv->name);
}

/* @names joined as _quorum_export_join_names () does, each as name_now () gives it. */
static char *
join_names_now (const QuorumConference *conference,
                const char * const     *names)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) now = NULL;

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autofree char *name = name_now (conference, names[i]);

      g_strv_builder_add (builder, name);
    }
  now = g_strv_builder_end (builder);

  return _quorum_export_join_names ((const char * const *) now);
}

/* @dissent's representatives as the record now holds them (core's
 * quorum_conference_dissent_representatives_now ()), each name as it stands, joined; a
 * correction of the names after sign-off noted as the record notes an amended detail: "A. Khan,
 * B. Jones (amended after sign-off, amendment 3)". The names as signed off are in the appendix. */
static char *
representatives_now (const QuorumConference *conference,
                     const QuorumDissent    *dissent)
{
  guint number = 0;
  g_auto(GStrv) names = quorum_conference_dissent_representatives_now (conference, dissent, &number);
  g_autofree char *joined = join_names_now (conference, (const char * const *) names);

  if (number == 0 || *joined == '\0')
    return g_steal_pointer (&joined);
  /* TRANSLATORS: a conference's detail corrected after sign-off, where the record gives it:
   * "Bolton Town Hall, Room 2 (amended after sign-off, amendment 3)" */
  return g_strdup_printf (_("%s (amended after sign-off, amendment %u)"), joined, number);
}

/* The profile's name in the record's language (Name[cy] in a Welsh record). */
static char *
profile_name (const QuorumProfile *profile)
{
  char *name = quorum_profile_dup_text (profile, "Profile", "Name");

  return name != NULL ? name : g_strdup (profile->name);
}

static char *
build_header (const QuorumConference *conference,
              const QuorumProfile    *profile)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *date = _quorum_export_format_date (&conference->date);
  g_autofree char *record = g_strdup_printf ("conference:%" G_GINT64_FORMAT, conference->id);
  const char *kind = quorum_kind_get_label (conference->kind);

  if (kind != NULL)
    /* TRANSLATORS: the kind of a conference in the page header: "Initial conference" */
    g_ptr_array_add (parts, g_strdup_printf (_("%s conference"), kind));
  if (date != NULL)
    g_ptr_array_add (parts, g_steal_pointer (&date));
  if (conference->chair != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("Chair: %s"),
                                             quorum_conference_current_value (conference, record,
                                                                              "chair", conference->chair)));
  if (profile != NULL && profile->name != NULL)
    g_ptr_array_add (parts, profile_name (profile));
  else if (conference->profile_id != NULL)
    g_ptr_array_add (parts, g_strdup (conference->profile_id));
  g_ptr_array_add (parts, NULL);

  return g_strjoinv ("  ·  ", (char **) parts->pdata);
}

static const char *
rule_description (const QuorumProfile *profile)
{
  if (profile == NULL)
    return NULL;

  switch (profile->rule)
    {
    case QUORUM_RULE_MAJORITY_BY_LINE_MANAGEMENT:
      return _("One view per line-management group; the majority view is taken; equal views "
               "make a child protection plan and a referral to the Head of Service");
    case QUORUM_RULE_CHAIR_DECIDES:
      return _("Without consensus the chair decides; dissenting views are minuted");
    default:
      return NULL;
    }
}

static const char *
basis_description (QuorumBasis basis)
{
  switch (basis)
    {
    case QUORUM_BASIS_CONSENSUS:
      return _("Consensus: every group agreed");
    case QUORUM_BASIS_MAJORITY:
      return _("Majority of the line-management groups");
    case QUORUM_BASIS_SPLIT:
      return _("Split vote: equal views, so the child is subject of a plan and the matter is "
               "referred to the Head of Service");
    case QUORUM_BASIS_CHAIR:
      return _("The chair's decision, without consensus");
    default:
      return NULL;
    }
}

static char *
tally_text (const QuorumDecision *decision)
{
  /* TRANSLATORS: the count of group views: "2 plan · 2 no plan · 1 declined" */
  return g_strdup_printf (_("%d plan  ·  %d no plan  ·  %d declined"),
                          decision->n_plan, decision->n_no_plan, decision->n_declined);
}

/* Whether the conference was quorate under its profile's rule (core's quorum_quoracy_check (),
 * as the conference page says it): who was there, against what the policy needs. Nothing when
 * the profile is not known. */
static void
add_quoracy (QuorumBlock            *fields,
             const QuorumConference *conference,
             const QuorumProfile    *profile)
{
  g_autoptr(QuorumQuoracy) quoracy = NULL;
  gboolean lead_required;

  if (profile == NULL)
    return;
  quoracy = quorum_quoracy_check (conference, profile);
  lead_required = profile->lead_agency_patterns != NULL && profile->lead_agency_patterns[0] != NULL;

  if (!quoracy->quorate)
    /* TRANSLATORS: "Not quorate under this policy’s rule: No one from children’s social care is present" */
    add_field_take (fields, _("Quoracy"),
                    g_strdup_printf (_("Not quorate under this policy’s rule: %s"),
                                     quoracy->missing != NULL ? quoracy->missing : ""));
  else if (lead_required)
    add_field_take (fields, _("Quoracy"),
                    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "Quorate under this policy’s rule: children’s social care and "
                                                  "%d other agency attended (the policy needs %d)",
                                                  "Quorate under this policy’s rule: children’s social care and "
                                                  "%d other agencies attended (the policy needs %d)",
                                                  quoracy->n_other_agencies),
                                     quoracy->n_other_agencies, quoracy->n_other_required));
  else
    add_field_take (fields, _("Quoracy"),
                    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "Quorate under this policy’s rule: %d agency attended "
                                                  "(the policy needs %d)",
                                                  "Quorate under this policy’s rule: %d agencies attended "
                                                  "(the policy needs %d)",
                                                  quoracy->n_other_agencies),
                                     quoracy->n_other_agencies, quoracy->n_other_required));
}

/* The attendees recorded with @attendance (apologies, a written report), "Name (Agency)" each,
 * as one line; NULL for none. */
static char *
attendees_with (const QuorumConference *conference,
                QuorumAttendance        attendance)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; conference->attendees != NULL && i < conference->attendees->len; i++)
    {
      const QuorumAttendee *attendee = g_ptr_array_index (conference->attendees, i);
      g_autofree char *name = NULL;

      if (attendee->attendance != attendance)
        continue;
      name = quorum_conference_format_name_now (conference, attendee->id, attendee->name);
      if (out->len > 0)
        g_string_append (out, _(", "));
      if (attendee->agency != NULL && *attendee->agency != '\0')
        /* TRANSLATORS: an attendee and their agency: "Dr Owen Price (Bolton NHS FT)" */
        g_string_append_printf (out, _("%s (%s)"), name, attendee->agency);
      else
        g_string_append (out, name);
    }

  return out->len > 0 ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

static void
add_conference (QuorumDocument         *doc,
                const QuorumConference *conference,
                const QuorumProfile    *profile)
{
  QuorumBlock *fields = begin_fields (doc, 0);
  g_autofree char *date = _quorum_export_format_date (&conference->date);
  g_autoptr(GString) children = g_string_new (NULL);

  /* Each as it stands after sign-off: a corrected detail, with its amendment noted. */
  g_autofree char *time = quorum_conference_format_field_now (conference, "time", conference->time);

  add_field_take (fields, _("Conference"), _quorum_export_conference_title (conference));
  if (time != NULL && date != NULL)
    /* TRANSLATORS: "20 November 2026 at 10:00" */
    add_field_take (fields, _("Date"), g_strdup_printf (_("%s at %s"), date, time));
  else
    add_field (fields, _("Date"), date);
  add_field_take (fields, _("Venue"), quorum_conference_format_field_now (conference, "venue", conference->venue));
  add_field_take (fields, _("Chair"), quorum_conference_format_field_now (conference, "chair", conference->chair));
  /* On a shared database, each time it changed hands (schema 13): who chaired before, who
   * from then, when, by whom and why. */
  for (guint i = 0; conference->handovers != NULL && i < conference->handovers->len; i++)
    {
      const QuorumHandover *h = g_ptr_array_index (conference->handovers, i);
      g_autofree char *when = who_and_when (h->recorded_by, h->recorded_at);

      if (h->reason != NULL)
        /* TRANSLATORS: "From Bea Chair to Anne Chair (Hari Admin, 2 December 2026, 10:45): Bea is on leave" */
        add_field_take (fields, _("Handed over"), g_strdup_printf (_("From %s to %s (%s): %s"), h->from_name,
                                                                   h->to_name, when, h->reason));
      else
        /* TRANSLATORS: "From Bea Chair to Anne Chair (Hari Admin, 2 December 2026, 10:45)" */
        add_field_take (fields, _("Handed over"), g_strdup_printf (_("From %s to %s (%s)"), h->from_name,
                                                                   h->to_name, when));
    }
  add_field_take (fields, _("Minute-taker"),
                  quorum_conference_format_field_now (conference, "minute_taker", conference->minute_taker));
  add_field_take (fields, _("Case reference"),
                  quorum_conference_format_field_now (conference, "case_ref", conference->case_ref));

  for (guint i = 0; conference->children != NULL && i < conference->children->len; i++)
    {
      const QuorumChild *child = g_ptr_array_index (conference->children, i);
      g_autofree char *name = quorum_conference_format_child_name_now (conference, child);

      if (children->len > 0)
        g_string_append (children, ", ");
      g_string_append (children, name);
    }
  add_field (fields, conference->children != NULL && conference->children->len > 1
                       ? _("Children") : _("Child"),
             children->str);

  if (profile != NULL)
    {
      g_autofree char *name = profile_name (profile);

      add_field_take (fields, _("Policy"), g_strdup_printf ("%s (%s)", name, profile->id));
    }
  else
    add_field (fields, _("Policy"), conference->profile_id);
  add_field (fields, _("Decision rule"), rule_description (profile));

  if (quorum_conference_is_finalised (conference))
    add_field_take (fields, _("Signed off"),
                    who_and_when (conference->finalised_by, conference->finalised_at));
  else
    add_field (fields, _("Signed off"), _("Not yet: this is a draft and may change"));

  add_quoracy (fields, conference, profile);
  add_field (fields, _("Proceeded although inquorate, because"), conference->inquorate_reason);
  add_field_take (fields, _("Apologies"), attendees_with (conference, QUORUM_ATTENDANCE_APOLOGIES));
  add_field_take (fields, _("Written reports"), attendees_with (conference, QUORUM_ATTENDANCE_REPORT_SENT));
  end_fields (doc, fields);
}

static void
add_attendees (QuorumDocument         *doc,
               const QuorumConference *conference)
{
  const char *headers[] = { _("Name"), _("Role and agency"), _("Line management"),
                            _("Attendance"), NULL };
  QuorumBlock *table;

  if (conference->attendees == NULL || conference->attendees->len == 0)
    return;

  add_block (doc, QUORUM_BLOCK_SUBHEADING, _("Attendees"));
  table = begin_table (doc, headers);

  for (guint i = 0; i < conference->attendees->len; i++)
    {
      const QuorumAttendee *attendee = g_ptr_array_index (conference->attendees, i);
      const char *attendance = quorum_attendance_get_label (attendee->attendance);
      char *cells[4];

      cells[0] = attendee_name_now (conference, attendee);
      if (attendee->role != NULL && attendee->agency != NULL)
        cells[1] = g_strdup_printf ("%s, %s", attendee->role, attendee->agency);
      else
        cells[1] = g_strdup (attendee->role != NULL ? attendee->role : attendee->agency);
      cells[2] = g_strdup (attendee->line_management);
      if (attendee->voting)
        cells[3] = g_strdup (attendance);
      else
        /* TRANSLATORS: "Present, does not vote" */
        cells[3] = g_strdup_printf (_("%s, does not vote"), attendance != NULL ? attendance : "");
      /* The timeline: arrived late, left early. */
      if (attendee->arrived_at != NULL)
        {
          char *with = g_strdup_printf (_("%s; arrived %s"), cells[3], attendee->arrived_at);
          g_free (cells[3]);
          cells[3] = with;
        }
      if (attendee->left_at != NULL)
        {
          char *with = g_strdup_printf (_("%s; left %s"), cells[3], attendee->left_at);
          g_free (cells[3]);
          cells[3] = with;
        }

      add_row (table, FALSE, cells);
    }
}

static void
add_votes_table (QuorumDocument         *doc,
                 const QuorumConference *conference,
                 const QuorumDecision   *decision,
                 GPtrArray              *votes)
{
  const char *headers[] = { _("Line-management group"), _("View"), _("Categories"),
                            _("Representatives"), _("Dissent"), NULL };
  QuorumBlock *table;

  add_block (doc, QUORUM_BLOCK_SUBHEADING, _("Views of the line-management groups"));

  if (votes->len == 0)
    {
      add_paragraph (doc, QUORUM_BLOCK_STYLE_NOTE, 0, _("No group’s view was recorded."));
      return;
    }

  table = begin_table (doc, headers);
  for (guint i = 0; i < votes->len; i++)
    {
      const QuorumVote *vote = g_ptr_array_index (votes, i);
      g_auto(GStrv) members = quorum_conference_group_members (conference, vote->group);
      g_autofree char *names = join_names_now (conference, (const char * const *) members);
      gboolean dissents = _quorum_export_find_dissent (decision, vote->group) != NULL;
      char *cells[5];

      cells[0] = g_strdup (vote->group);
      /* The table says "Plan" where the text says "Child protection plan": the column is narrow. */
      cells[1] = g_strdup (vote->view == QUORUM_VIEW_PLAN ? C_("view in a table", "Plan")
                                                          : quorum_view_get_label (vote->view));
      cells[2] = _quorum_export_categories_label (vote->categories);
      g_autoptr(GPtrArray) own = quorum_conference_member_views (conference, vote->child_id, vote->group);

      if (own->len > 0)
        {
          /* Each representative's own position is kept. */
          GString *each = g_string_new (NULL);

          for (guint m = 0; m < own->len; m++)
            {
              const QuorumMemberView *mv = g_ptr_array_index (own, m);
              g_autofree char *name = member_name_now (conference, mv);

              if (each->len > 0)
                g_string_append (each, "; ");
              /* TRANSLATORS: a representative and their own position: "A. Khan: No plan" */
              g_string_append_printf (each, _("%s: %s"), name, quorum_view_get_label (mv->view));
            }
          cells[3] = g_strdup_printf (_("%s (could not agree between them)"), each->str);
          g_string_free (each, TRUE);
        }
      else if (vote->members_disagreed)
        /* TRANSLATORS: representatives of one group who gave different views between them */
        cells[3] = g_strdup_printf (_("%s (could not agree between them)"), names);
      else
        cells[3] = g_steal_pointer (&names);
      if (dissents && own->len > 0 && !_quorum_export_view_dissents (decision, vote->group, vote->view))
        {
          /* The group settled on the outcome's view: only some of its representatives dissent. */
          g_autoptr(GStrvBuilder) who = g_strv_builder_new ();
          g_auto(GStrv) list = NULL;
          g_autofree char *joined = NULL;

          for (guint m = 0; m < own->len; m++)
            {
              const QuorumMemberView *mv = g_ptr_array_index (own, m);

              if (_quorum_export_view_dissents (decision, vote->group, mv->view))
                {
                  g_autofree char *name = member_name_now (conference, mv);

                  g_strv_builder_add (who, name);
                }
            }
          list = g_strv_builder_end (who);
          joined = _quorum_export_join_names ((const char * const *) list);
          /* TRANSLATORS: the Dissent column of a group that settled on the outcome's view when
           * some of its representatives did not: "Ann Gray dissents" */
          cells[4] = g_strdup_printf (_("%s dissents"), joined);
        }
      else
        cells[4] = g_strdup (dissents ? _("Dissents") : "");

      add_row (table, dissents, cells);
    }
}

static void
add_reason (QuorumDocument *doc,
            const char     *reason)
{
  if (reason != NULL && *reason != '\0')
    add_paragraph (doc, QUORUM_BLOCK_STYLE_QUOTE, 1, reason);
  else
    add_paragraph (doc, QUORUM_BLOCK_STYLE_NOTE, 1, _("No reason was given."));
}

/* An amendment's number as the record shows it: 1 for the first after sign-off. */
static guint
amendment_number (const QuorumConference *conference,
                  const QuorumAmendment  *amendment)
{
  guint index = 0;

  g_ptr_array_find (conference->amendments, amendment, &index);
  return index + 1;
}

/* The amendments after sign-off that corrected the reason of @record ("vote:12", "dissent:3"),
 * appended to @into in order. */
static void
collect_reason_amendments (GPtrArray              *into,
                           const QuorumConference *conference,
                           const char             *record)
{
  for (guint i = 0; conference->amendments != NULL && i < conference->amendments->len; i++)
    {
      const QuorumAmendment *amendment = g_ptr_array_index (conference->amendments, i);

      if (g_strcmp0 (amendment->record, record) == 0 && g_strcmp0 (amendment->field, "reason") == 0 &&
          amendment->new_value != NULL)
        g_ptr_array_add (into, (gpointer) amendment);
    }
}

static int
by_amendment_number (gconstpointer a,
                     gconstpointer b,
                     gpointer      data)
{
  const QuorumConference *conference = data;
  guint na = amendment_number (conference, *(const QuorumAmendment * const *) a);
  guint nb = amendment_number (conference, *(const QuorumAmendment * const *) b);

  return na < nb ? -1 : na > nb;
}

/* "amendment 3: Jane Roe, 21 November 2026, 09:00; why: minuted wrongly" */
static char *
amendment_words (const QuorumConference *conference,
                 const QuorumAmendment  *amendment)
{
  g_autofree char *who = who_and_when (amendment->by, amendment->at);

  if (amendment->reason != NULL && *amendment->reason != '\0')
    /* TRANSLATORS: an amendment of a reason, in brackets: "amendment 3: Jane Roe, 21 November
     * 2026, 09:00; why: the school's reason was minuted incompletely" */
    return g_strdup_printf (_("amendment %u: %s; why: %s"), amendment_number (conference, amendment),
                            who != NULL ? who : "", amendment->reason);
  /* TRANSLATORS: an amendment of a reason, in brackets: "amendment 3: Jane Roe, 21 November 2026, 09:00" */
  return g_strdup_printf (_("amendment %u: %s"), amendment_number (conference, amendment),
                          who != NULL ? who : "");
}

/* A reason where the record gives it, as it stands: corrected after sign-off, the corrected words
 * first, then the amendment (number, who, when, why) and the words it replaced, back to the
 * original as signed off (DOMAIN 7: shown with the original), as an amended name or detail
 * shows its value as it stands with the original noted. @original: the reason as signed off;
 * @records: the records whose reason amendments correct ("vote:12", "dissent:3"), NULL-ended. */
static void
add_reason_as_it_stands (QuorumDocument         *doc,
                         const QuorumConference *conference,
                         const char             *original,
                         const char * const     *records)
{
  g_autoptr(GPtrArray) amendments = g_ptr_array_new ();

  for (guint r = 0; records[r] != NULL; r++)
    collect_reason_amendments (amendments, conference, records[r]);
  g_ptr_array_sort_with_data (amendments, by_amendment_number, (gpointer) conference);

  if (amendments->len == 0)
    {
      add_reason (doc, original);
      return;
    }

  /* The latest wording first: the reason as it stands (the CSV's reason by the same rule). */
  add_reason (doc, _quorum_export_reason_now (conference, original, records, NULL));

  for (guint i = amendments->len; i > 0; i--)
    {
      const QuorumAmendment *amendment = g_ptr_array_index (amendments, i - 1);
      g_autofree char *words = amendment_words (conference, amendment);
      g_autofree char *line = NULL;
      QuorumBlock *note;

      if (i > 1)
        {
          const QuorumAmendment *previous = g_ptr_array_index (amendments, i - 2);

          /* TRANSLATORS: after a reason corrected again: "Amended after sign-off (amendment 2:
           * Jane Roe, 22 November 2026, 09:00; why: …); it replaced amendment 1’s wording:" */
          line = g_strdup_printf (_("Amended after sign-off (%s); it replaced amendment %u’s wording:"),
                                  words, amendment_number (conference, previous));
          note = add_paragraph (doc, QUORUM_BLOCK_STYLE_NOTE, 1, line);
          note->keep_with_next = TRUE;
          add_paragraph (doc, QUORUM_BLOCK_STYLE_QUOTE, 1, previous->new_value);
        }
      else
        {
          /* TRANSLATORS: after a reason as it stands, corrected: "Amended after sign-off
           * (amendment 1: Jane Roe, 21 November 2026, 09:00; why: …); the original:" */
          line = g_strdup_printf (_("Amended after sign-off (%s); the original:"), words);
          note = add_paragraph (doc, QUORUM_BLOCK_STYLE_NOTE, 1, line);
          note->keep_with_next = TRUE;
          add_reason (doc, original);
        }
    }
}

/* The chair's own reasons for a decision the chair made, as they stand ("decision:4"). A decision
 * recorded before Quorum kept them (schema 11) says so rather than "No reason was given". */
static void
add_chair_reason (QuorumDocument         *doc,
                  const QuorumConference *conference,
                  const QuorumDecision   *decision)
{
  g_autofree char *record = g_strdup_printf ("decision:%" G_GINT64_FORMAT, decision->id);
  const char *records[2] = { record, NULL };
  g_autoptr(GPtrArray) amended = g_ptr_array_new ();

  add_block (doc, QUORUM_BLOCK_SUBHEADING, _("The chair’s reasons"));
  collect_reason_amendments (amended, conference, record);
  if (decision->reason == NULL && amended->len == 0)
    {
      add_paragraph (doc, QUORUM_BLOCK_STYLE_NOTE, 1,
                     _("Not recorded: the decision was recorded before Quorum kept the chair’s reasons."));
      return;
    }
  add_reason_as_it_stands (doc, conference, decision->reason, records);
}

/* A group's reason where the record gives it, as it stands after every amendment after sign-off
 * that corrected it, not in the appendix alone; a dissent's own reason likewise with @dissent. */
static void
add_group_reason (QuorumDocument         *doc,
                  const QuorumConference *conference,
                  const QuorumVote       *vote,
                  const QuorumDissent    *dissent,
                  const char             *reason)
{
  g_autofree char *vote_record = NULL;
  g_autofree char *dissent_record = NULL;
  const char *records[3] = { NULL, NULL, NULL };
  guint n = 0;

  if (vote != NULL)
    records[n++] = vote_record = g_strdup_printf ("vote:%" G_GINT64_FORMAT, vote->id);
  if (dissent != NULL && dissent->id > 0)
    records[n++] = dissent_record = g_strdup_printf ("dissent:%" G_GINT64_FORMAT, dissent->id);
  add_reason_as_it_stands (doc, conference, reason, records);
}

/* A representative's own reason, as it stands after every amendment after sign-off. */
static void
add_member_reason (QuorumDocument         *doc,
                   const QuorumConference *conference,
                   const QuorumMemberView *mv)
{
  g_autofree char *record = NULL;
  const char *records[2] = { NULL, NULL };

  if (mv->id > 0)
    records[0] = record = g_strdup_printf ("member_view:%" G_GINT64_FORMAT, mv->id);
  add_reason_as_it_stands (doc, conference, mv->reason, records);
}

static const QuorumVote *
find_vote_in (GPtrArray  *votes,
              const char *group)
{
  for (guint i = 0; i < votes->len; i++)
    {
      const QuorumVote *vote = g_ptr_array_index (votes, i);

      if (quorum_group_equal (vote->group, group))
        return vote;
    }

  return NULL;
}

/* TRUE when the record has a section of its own for @vote's group: its representatives could
 * not agree between them. */
static gboolean
could_not_agree (const QuorumConference *conference,
                 const QuorumVote       *vote)
{
  g_autoptr(GPtrArray) own = NULL;

  if (vote->members_disagreed)
    return TRUE;
  own = quorum_conference_member_views (conference, vote->child_id, vote->group);

  return own->len > 0;
}

/* DOMAIN "Reaching a decision" 2 and 6: where a group's representatives could not agree, the
 * record says so and gives the view they settled on with the group's reason, and each one's own
 * position with their reason. */
static void
add_could_not_agree (QuorumDocument         *doc,
                     const QuorumConference *conference,
                     GPtrArray              *votes)
{
  gboolean any = FALSE;

  for (guint i = 0; i < votes->len; i++)
    {
      const QuorumVote *vote = g_ptr_array_index (votes, i);
      g_autoptr(GPtrArray) own = NULL;
      g_autofree char *view = NULL;
      g_autofree char *title = NULL;

      if (!could_not_agree (conference, vote))
        continue;
      if (!any)
        add_block (doc, QUORUM_BLOCK_SUBHEADING, _("Representatives who could not agree"));

      view = _quorum_export_view_label (vote->view, vote->categories);
      title = g_strdup_printf (_("%s: %s"), vote->group, view);
      add_paragraph (doc, QUORUM_BLOCK_STYLE_STRONG, 0, title)->space_before = any;
      add_paragraph (doc, QUORUM_BLOCK_STYLE_BODY, 0,
                     _("The group’s representatives could not agree between them. The view above is "
                       "the one they settled on; the group’s reason, in its own words:"))->keep_with_next = TRUE;
      add_group_reason (doc, conference, vote, NULL, vote->reason);

      own = quorum_conference_member_views (conference, vote->child_id, vote->group);
      if (own->len == 0)
        add_paragraph (doc, QUORUM_BLOCK_STYLE_NOTE, 0,
                       _("The representatives’ own positions were not recorded."));
      for (guint m = 0; m < own->len; m++)
        {
          const QuorumMemberView *mv = g_ptr_array_index (own, m);
          g_autofree char *position = _quorum_export_view_label (mv->view, mv->categories);
          g_autofree char *name = member_name_now (conference, mv);
          /* TRANSLATORS: a representative's own position: "Helen Ford, own position: No plan" */
          g_autofree char *line = g_strdup_printf (_("%s, own position: %s"), name, position);

          add_paragraph (doc, QUORUM_BLOCK_STYLE_BODY, 0, line)->keep_with_next = TRUE;
          add_member_reason (doc, conference, mv);
        }
      any = TRUE;
    }
}

static void
add_dissent (QuorumDocument         *doc,
             const QuorumConference *conference,
             const QuorumDecision   *decision,
             GPtrArray              *votes)
{
  gboolean any_other = FALSE;

  if (decision != NULL)
    {
      gboolean chair = decision->basis == QUORUM_BASIS_CHAIR;

      add_block (doc, QUORUM_BLOCK_SUBHEADING, chair ? _("Dissent: reservations about the chair’s decision")
                                                     : _("Dissent"));

      if (decision->dissent == NULL || decision->dissent->len == 0)
        {
          g_auto(GStrv) without = quorum_conference_left_without_view (conference, decision->child_id);

          add_paragraph (doc, QUORUM_BLOCK_STYLE_NOTE, 0,
                         chair ? _("Every group agreed with the chair’s decision: no reservation was recorded.")
                               : decision->basis != QUORUM_BASIS_CONSENSUS
                                 ? _("No group dissented from the decision.")
                                 : without[0] != NULL
                                   ? _("Every group present agreed: a consensus has no dissent.")
                                   : _("Every group agreed: a consensus has no dissent."));
        }

      for (guint i = 0; decision->dissent != NULL && i < decision->dissent->len; i++)
        {
          const QuorumDissent *dissent = g_ptr_array_index (decision->dissent, i);
          const QuorumVote *vote = find_vote_in (votes, dissent->group);
          g_autoptr(GPtrArray) own = quorum_conference_member_views (conference, decision->child_id,
                                                                      dissent->group);
          g_autofree char *view = NULL;
          g_autofree char *names = NULL;
          g_autofree char *title = NULL;
          gboolean group_dissents;

          if (own->len > 0 && vote != NULL)
            {
              /* The representatives could not agree: the group dissents when the view it settled
               * on differs, and each representative whose own position differs, in their own
               * words; one who held the outcome's view is not named here. */
              if (_quorum_export_find_dissent (decision, dissent->group) != dissent)
                continue; /* the group's representatives are all given with its first entry */
              group_dissents = _quorum_export_view_dissents (decision, vote->group, vote->view);
              if (group_dissents)
                {
                  view = _quorum_export_view_label (vote->view, vote->categories);
                  title = g_strdup_printf (_("%s: %s"), vote->group, view);
                  add_paragraph (doc, QUORUM_BLOCK_STYLE_STRONG, 0, title)->space_before = i > 0;
                  add_paragraph (doc, QUORUM_BLOCK_STYLE_BODY, 0,
                                 _("The view the group’s representatives settled on, though they could "
                                   "not agree; the group’s reason, in its own words:"))->keep_with_next = TRUE;
                  add_group_reason (doc, conference, vote, NULL, vote->reason);
                }
              for (guint m = 0; m < own->len; m++)
                {
                  const QuorumMemberView *mv = g_ptr_array_index (own, m);
                  g_autofree char *position = NULL;
                  g_autofree char *name = NULL;
                  g_autofree char *line = NULL;

                  if (!_quorum_export_view_dissents (decision, vote->group, mv->view))
                    continue;
                  position = _quorum_export_view_label (mv->view, mv->categories);
                  /* TRANSLATORS: a dissenting representative, their group and their own position:
                   * "Ann Gray (Bucks Healthcare NHS Trust): No plan" */
                  name = member_name_now (conference, mv);
                  line = g_strdup_printf (_("%s (%s): %s"), name, vote->group, position);
                  add_paragraph (doc, QUORUM_BLOCK_STYLE_STRONG, 0, line)->space_before =
                    group_dissents || i > 0;
                  if (!group_dissents)
                    {
                      g_autofree char *settled = _quorum_export_view_label (vote->view, vote->categories);
                      g_autofree char *note =
                        g_strdup_printf (_("The view the group settled on, %s, is the outcome’s; this "
                                           "representative’s own position differs from it."), settled);

                      add_paragraph (doc, QUORUM_BLOCK_STYLE_BODY, 0, note)->keep_with_next = TRUE;
                    }
                  else
                    add_paragraph (doc, QUORUM_BLOCK_STYLE_BODY, 0,
                                   _("A representative’s own position, in their own words:"))->keep_with_next = TRUE;
                  add_member_reason (doc, conference, mv);
                }
              /* A dissent's reason corrected after sign-off ("dissent:3"), looked up by the
               * dissent's own id, as a group's is: here its words are the representatives'. */
              for (guint d = 0; d < decision->dissent->len; d++)
                {
                  const QuorumDissent *each = g_ptr_array_index (decision->dissent, d);

                  if (each->id > 0 && quorum_group_equal (each->group, dissent->group))
                    {
                      g_autofree char *record = g_strdup_printf ("dissent:%" G_GINT64_FORMAT, each->id);
                      const char *records[2] = { record, NULL };
                      g_autoptr(GPtrArray) amended = g_ptr_array_new ();
                      guint corrected = 0;

                      g_strfreev (quorum_conference_dissent_representatives_now (conference, each, &corrected));

                      /* Its names corrected after sign-off ("dissent:3" "representatives"): here
                       * each holder is named with their own position above, as recorded. */
                      if (corrected > 0)
                        {
                          g_autofree char *holders = representatives_now (conference, each);
                          /* TRANSLATORS: where representatives who could not agree are each named
                           * above, the names of their dissent as corrected after sign-off: "Names
                           * in this dissent: Ann Gray-Bello (amended after sign-off, amendment 2)" */
                          g_autofree char *line = g_strdup_printf (_("Names in this dissent: %s"), holders);

                          add_paragraph (doc, QUORUM_BLOCK_STYLE_BODY, 0, line);
                        }
                      collect_reason_amendments (amended, conference, record);
                      if (amended->len == 0)
                        continue;
                      add_paragraph (doc, QUORUM_BLOCK_STYLE_BODY, 0,
                                     _("The dissent’s reason, as amended after sign-off:"))->keep_with_next = TRUE;
                      add_reason_as_it_stands (doc, conference, each->reason, records);
                    }
                }
              continue;
            }

          view = _quorum_export_view_label (dissent->view, dissent->categories);
          names = representatives_now (conference, dissent);
          /* TRANSLATORS: a dissenting group and its view: "Police: No plan" */
          title = g_strdup_printf (_("%s: %s"), dissent->group, view);

          add_paragraph (doc, QUORUM_BLOCK_STYLE_STRONG, 0, title)->space_before = i > 0;

          if (*names != '\0')
            {
              g_autofree char *line = g_strdup_printf (_("Representatives: %s"), names);
              /* The group's title and this line head its reason: a page never ends on them. */
              add_paragraph (doc, QUORUM_BLOCK_STYLE_BODY, 0, line)->keep_with_next = TRUE;
            }
          add_group_reason (doc, conference, vote, dissent, dissent->reason);
        }
    }

  /* The other groups' reasons are part of the difference of opinion too. */
  for (guint i = 0; i < votes->len; i++)
    {
      const QuorumVote *vote = g_ptr_array_index (votes, i);
      g_autofree char *view = NULL;
      g_autofree char *title = NULL;
      QuorumBlock *block;

      if (_quorum_export_find_dissent (decision, vote->group) != NULL)
        continue;
      /* Given with its representatives who could not agree, above. */
      if (could_not_agree (conference, vote))
        continue;
      if (vote->reason == NULL || *vote->reason == '\0')
        continue;

      if (!any_other)
        add_block (doc, QUORUM_BLOCK_SUBHEADING,
                   decision != NULL ? _("Reasons of the other groups") : _("Reasons given"));

      view = _quorum_export_view_label (vote->view, vote->categories);
      title = g_strdup_printf (_("%s: %s"), vote->group, view);
      block = add_paragraph (doc, QUORUM_BLOCK_STYLE_STRONG, 0, title);
      block->space_before = any_other;
      add_group_reason (doc, conference, vote, NULL, vote->reason);
      any_other = TRUE;
    }
}

static void
add_attempts (QuorumDocument         *doc,
              const QuorumConference *conference,
              gint64                  child_id)
{
  g_autoptr(GPtrArray) attempts = _quorum_export_child_attempts (conference, child_id);

  add_block (doc, QUORUM_BLOCK_SUBHEADING, _("Consensus attempts"));

  if (attempts->len == 0)
    {
      add_paragraph (doc, QUORUM_BLOCK_STYLE_NOTE, 0, _("No consensus attempt was recorded."));
      return;
    }

  for (guint i = 0; i < attempts->len; i++)
    {
      const QuorumAttempt *attempt = g_ptr_array_index (attempts, i);
      g_autofree char *title = NULL;
      QuorumBlock *block;
      QuorumBlock *fields;

      if (attempt->agreed == QUORUM_VIEW_PLAN || attempt->agreed == QUORUM_VIEW_NO_PLAN)
        {
          g_autofree char *view = _quorum_export_view_label (attempt->agreed, attempt->categories);
          /* TRANSLATORS: "Round 2: consensus, No plan" */
          title = g_strdup_printf (_("Round %d: consensus, %s"), attempt->round, view);
        }
      else
        title = g_strdup_printf (_("Round %d: no consensus"), attempt->round);

      block = add_paragraph (doc, QUORUM_BLOCK_STYLE_STRONG, 0, title);
      block->space_before = i > 0;

      fields = begin_fields (doc, 0);
      add_field (fields, _("Proposal"), attempt->proposal);
      add_field (fields, _("Discussion"), attempt->summary);
      add_field (fields, _("Views held"), attempt->views);
      add_field_take (fields, _("Recorded"), _quorum_export_format_timestamp (attempt->recorded_at));
      end_fields (doc, fields);
    }
}

/* A corrected referral value in the record's words: a panel's outcome by its label ("Plan
 * confirmed", not "plan-confirmed"), a date as the record writes dates ("27 November 2026", not
 * "2026-11-27"); anything else as stored. NULL for NULL. */
static char *
correction_value_words (const char *value)
{
  QuorumPanelOutcome outcome;
  GDate date;

  if (value == NULL)
    return NULL;
  if (quorum_panel_outcome_from_string (value, &outcome) && outcome != QUORUM_PANEL_NONE)
    return g_strdup (quorum_panel_outcome_get_label (outcome));
  g_date_clear (&date, 1);
  if (quorum_date_parse (value, NULL, &date, NULL) && g_date_valid (&date))
    return _quorum_export_format_date (&date);
  return g_strdup (value);
}

static void
add_plan_and_referral (QuorumDocument         *doc,
                       const QuorumConference *conference,
                       const QuorumProfile    *profile,
                       gint64                  child_id)
{
  const QuorumPlan *plan = quorum_conference_find_plan (conference, child_id);
  const QuorumReferral *referral = quorum_conference_find_referral (conference, child_id);
  QuorumBlock *fields;

  if (plan != NULL)
    {
      add_block (doc, QUORUM_BLOCK_SUBHEADING, _("Child protection plan"));
      fields = begin_fields (doc, 0);
      add_field_take (fields, _("Starts"), _quorum_export_format_date (&plan->start));
      guint number = 0;
      guint now = quorum_conference_plan_categories_now (conference, plan, &number);
      g_autofree char *as_decided = _quorum_export_categories_label (plan->categories);
      g_autofree char *as_it_stands = _quorum_export_categories_label (now);

      add_field_take (fields, _("Categories"), quorum_format_amended_categories (as_it_stands, as_decided, number));
      if (plan->from_split)
        add_field (fields, _("Made by"), _("A split decision (equal votes)"));
      for (guint i = 0; plan->reviews != NULL && i < plan->reviews->len; i++)
        add_field_take (fields, _("Review"), _quorum_export_format_date (&g_array_index (plan->reviews, GDate, i)));
      if (plan->ended_by == QUORUM_PLAN_ENDED_BY_PANEL)
        {
          g_autofree char *when = _quorum_export_format_date (&plan->ended);

          add_field_take (fields, _("Ended"),
                          g_strdup_printf (_("%s, by the Appeals and Split Decisions Panel (plan ended)"), when));
        }
      else if (plan->ended_by == QUORUM_PLAN_ENDED_BY_CONFERENCE)
        {
          g_autofree char *when = _quorum_export_format_date (&plan->ended);

          if (plan->ended_by_conference > 0)
            add_field_take (fields, _("Ended"),
                            g_strdup_printf (_("%s, by conference %lld: %s"), when,
                                             (long long) plan->ended_by_conference,
                                             plan->end_reason ? plan->end_reason : ""));
          else
            add_field_take (fields, _("Ended"), g_strdup_printf (_("%s: %s"), when,
                                                                 plan->end_reason ? plan->end_reason : ""));
        }
      for (guint i = 0; conference->challenges != NULL && i < conference->challenges->len; i++)
        if (((QuorumChallenge *)g_ptr_array_index (conference->challenges, i))->plan_id == plan->id)
          add_field (fields, _("Made by"), _("The Safeguarding Co-ordinator: an immediate interim plan, on a challenge"));
      end_fields (doc, fields);
    }

  if (referral != NULL)
    {
      g_autofree char *due = _quorum_export_format_date (&referral->due);

      gboolean by_challenge = FALSE;

      for (guint i = 0; conference->challenges != NULL && i < conference->challenges->len; i++)
        by_challenge |= ((QuorumChallenge *)g_ptr_array_index (conference->challenges, i))->referral_id == referral->id;

      add_block (doc, QUORUM_BLOCK_SUBHEADING, _("Referral to the Head of Service"));
      fields = begin_fields (doc, 0);

      if (by_challenge)
        add_field_take (fields, _("Referred by"),
                        g_strdup_printf (_("The Safeguarding Co-ordinator, on a challenge, %s"), due));
      else if (due != NULL && profile != NULL)
        add_field_take (fields, _("Due by"),
                        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                      "%s (within %d working day of the conference)",
                                                      "%s (within %d working days of the conference)",
                                                      profile->referral_working_days),
                                         due, profile->referral_working_days));
      else
        add_field (fields, _("Due by"), due);

      /* A due date on a day off is shown with the working day before it. */
      if (g_date_valid (&referral->due_working) && g_date_compare (&referral->due, &referral->due_working) != 0)
        add_field_take (fields, _("Due (working day)"), _quorum_export_format_date (&referral->due_working));

      if (g_date_valid (&referral->notified))
        {
          g_autofree char *sent = day_off_date (&referral->notified, referral->sent_day_off, referral->region);

          /* Lateness shown, never hidden; a day off said (kept as given: people email at weekends). */
          add_field_take (fields, _("Notified"),
                          referral->sent_late ? g_strdup_printf (_("%s (SENT LATE: after its due date)"), sent)
                                              : g_steal_pointer (&sent));
          add_field (fields, _("Sent by"), referral->sent_by);
          /* Who told whom, when and how (DOMAIN: every notice is a record): its means. */
          add_field (fields, _("How it was sent"), referral->sent_means);
        }
      else
        add_field (fields, _("Notified"), _("Not yet sent to the Head of Service"));

      /* Lateness shown, never hidden: overdue as of the day the record was exported (core's
       * rule, as the referrals command and the Head of Service's table apply it). */
      if (g_date_valid (&doc->as_of))
        {
          if (_quorum_export_referral_overdue (referral, &doc->as_of))
            {
              g_autofree char *as_of = _quorum_export_format_date (&doc->as_of);

              if (!g_date_valid (&referral->notified))
                /* TRANSLATORS: "OVERDUE on 2 December 2026, the day this record was exported: not
                 * sent to the Head of Service by its due date" */
                add_field_take (fields, _("Overdue"),
                                g_strdup_printf (_("OVERDUE on %s, the day this record was exported: not "
                                                   "sent to the Head of Service by its due date"), as_of));
              else
                add_field_take (fields, _("Overdue"),
                                g_strdup_printf (_("OVERDUE on %s, the day this record was exported: not "
                                                   "heard by the Appeals and Split Decisions Panel by its "
                                                   "due date"), as_of));
            }
        }

      if (g_date_valid (&referral->panel_due))
        {
          g_autofree char *panel_due = _quorum_export_format_date (&referral->panel_due);

          if (profile != NULL)
            add_field_take (fields, _("Panel due"),
                            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%s (Appeals and Split Decisions Panel, within %d day of notification)",
                                                          "%s (Appeals and Split Decisions Panel, within %d days of notification)",
                                                          profile->panel_calendar_days),
                                             panel_due, profile->panel_calendar_days));
          else
            add_field (fields, _("Panel due"), panel_due);
          if (g_date_valid (&referral->panel_due_working) &&
              g_date_compare (&referral->panel_due, &referral->panel_due_working) != 0)
            {
              g_autofree char *working = _quorum_export_format_date (&referral->panel_due_working);

              add_field_take (fields, _("Panel due (working day)"),
                              g_strdup_printf (_("%s (the due date is not a working day)"), working));
            }
        }

      if (g_date_valid (&referral->panel_date))
        {
          g_autofree char *heard = day_off_date (&referral->panel_date, referral->heard_day_off, referral->region);

          add_field_take (fields, _("Panel heard"),
                          referral->heard_late ? g_strdup_printf (_("%s (HEARD LATE: after the panel’s due date)"), heard)
                                               : g_steal_pointer (&heard));
        }
      if (referral->outcome != QUORUM_PANEL_NONE)
        add_field (fields, _("Panel outcome"), quorum_panel_outcome_get_label (referral->outcome));
      add_field (fields, _("Panel’s reasons"), referral->outcome_reason);
      for (guint i = 0; referral->corrections != NULL && i < referral->corrections->len; i++)
        {
          const QuorumReferralCorrection *c = g_ptr_array_index (referral->corrections, i);
          QuorumReferralField field;
          const char *label = quorum_referral_field_from_string (c->field, &field)
                              ? quorum_referral_field_get_label (field) : c->field;
          g_autofree char *who = who_and_when (c->recorded_by, c->recorded_at);

          g_autofree char *was = correction_value_words (c->old_value);
          g_autofree char *now = correction_value_words (c->new_value);

          /* Who corrected it and when, as an amendment says (DOMAIN: records name their writer). */
          if (who != NULL)
            /* TRANSLATORS: "Corrected: Panel outcome, was Plan confirmed, now Plan ended (reason);
             * corrected by Jane Roe, 20 November 2026, 10:45" */
            add_field_take (fields, _("Corrected"),
                            g_strdup_printf (_("%s, was %s, now %s (%s); corrected by %s"), label,
                                             was != NULL ? was : "—", now != NULL ? now : "", c->reason, who));
          else
            /* TRANSLATORS: "Corrected: Panel outcome, was Plan confirmed, now Plan ended (reason)" */
            add_field_take (fields, _("Corrected"),
                            g_strdup_printf (_("%s, was %s, now %s (%s)"), label,
                                             was != NULL ? was : "—", now != NULL ? now : "", c->reason));
        }
      end_fields (doc, fields);
    }
}

/* Who was there for the decision (DOMAIN "Attendance is a timeline"). */
static void
add_presence (QuorumBlock            *fields,
              const QuorumConference *conference,
              const QuorumDecision   *decision)
{
  g_autoptr(GString) present = g_string_new (NULL);
  g_autoptr(GString) left = g_string_new (NULL);
  g_autoptr(GString) after = g_string_new (NULL);
  g_auto(GStrv) without = NULL;
  g_autofree char *without_names = NULL;

  if (decision->presence == NULL)
    return;

  for (guint i = 0; conference->attendees != NULL && i < conference->attendees->len; i++)
    {
      const QuorumAttendee *a = g_ptr_array_index (conference->attendees, i);
      QuorumPresenceStatus status;
      g_autofree char *name = NULL;

      if (a->attendance != QUORUM_ATTENDANCE_PRESENT)
        continue;
      name = attendee_name_now (conference, a);
      if (!quorum_conference_presence_at (conference, decision->child_id, a->id, &status))
        {
          if (after->len > 0)
            g_string_append (after, ", ");
          if (a->arrived_at != NULL)
            /* TRANSLATORS: "Dr Patel (arrived 11:00)" */
            g_string_append_printf (after, _("%s (arrived %s)"), name, a->arrived_at);
          else
            g_string_append (after, name);
        }
      else if (status == QUORUM_PRESENCE_LEFT)
        {
          gboolean given = !a->voting ||
                           quorum_conference_find_current_vote (conference, decision->child_id,
                                                                a->line_management) != NULL;

          if (left->len > 0)
            g_string_append (left, ", ");
          g_string_append_printf (left, given ? _("%s (left %s, after the group’s view was given)")
                                              : _("%s (left %s, before giving a view)"),
                                  name, a->left_at != NULL ? a->left_at : "");
        }
      else
        {
          if (present->len > 0)
            g_string_append (present, ", ");
          g_string_append (present, name);
        }
    }

  add_field (fields, _("Present for the decision"), present->len > 0 ? present->str : NULL);
  add_field (fields, _("Had left before it"), left->len > 0 ? left->str : NULL);
  /* The groups as core reads them (the screen says the same): by the group, not by a substring
   * of the names already listed ("Police" is not "British Transport Police"). */
  without = quorum_conference_left_without_view (conference, decision->child_id);
  without_names = without[0] != NULL ? g_strjoinv (", ", without) : NULL;
  add_field (fields, _("No view: left before giving it"), without_names);
  add_field (fields, _("Arrived after it (not among its voters)"), after->len > 0 ? after->str : NULL);
}

/* A view given before a later consensus attempt stays in the history, marked superseded. */
static void
add_superseded (QuorumDocument         *doc,
                const QuorumConference *conference,
                gint64                  child_id)
{
  gboolean any = FALSE;

  for (guint i = 0; conference->superseded_views != NULL && i < conference->superseded_views->len; i++)
    {
      const QuorumSupersededView *v = g_ptr_array_index (conference->superseded_views, i);
      g_autofree char *view = NULL;
      g_autofree char *title = NULL;

      if (v->child_id != child_id)
        continue;
      if (!any)
        add_block (doc, QUORUM_BLOCK_SUBHEADING, _("Superseded views (history; not counted)"));
      view = _quorum_export_view_label (v->view, v->categories);
      /* TRANSLATORS: "Police: No plan — superseded by round 2" */
      title = g_strdup_printf (_("%s: %s — superseded by round %d"), v->group, view, v->round);
      add_paragraph (doc, QUORUM_BLOCK_STYLE_BODY, 0, title)->space_before = any;
      if (v->reason != NULL && *v->reason != '\0')
        add_paragraph (doc, QUORUM_BLOCK_STYLE_QUOTE, 1, v->reason);
      any = TRUE;
    }
}

/* The challenge route (002 §4.2–4.5): raised, the Co-ordinator alerted, the decisions. */
static void
add_challenges (QuorumDocument         *doc,
                const QuorumConference *conference,
                const QuorumProfile    *profile,
                gint64                  child_id)
{
  guint n = 0;

  for (guint i = 0; conference->challenges != NULL && i < conference->challenges->len; i++)
    {
      const QuorumChallenge *c = g_ptr_array_index (conference->challenges, i);
      g_autofree char *raised = _quorum_export_format_date (&c->raised_on);
      g_autofree char *title = NULL;
      g_autofree char *when = NULL;
      QuorumBlock *fields;

      if (c->child_id != child_id)
        continue;
      /* The policy's words in this pass's language (a bilingual record has two), from the profile
       * as frozen or, where only it has the translation, the one installed now. */
      when = profile != NULL ? quorum_profile_dup_frozen_text (profile, "Challenge", "AlertWhen") : NULL;
      if (when == NULL)
        when = g_strdup (_("immediately"));
      if (n == 0)
        add_block (doc, QUORUM_BLOCK_SUBHEADING, _("Challenge of the decision"));
      title = g_strdup_printf (_("Challenge by %s, raised %s"), c->agency, raised != NULL ? raised : "");
      add_paragraph (doc, QUORUM_BLOCK_STYLE_STRONG, 0, title)->space_before = n > 0;
      fields = begin_fields (doc, 0);
      add_field (fields, _("Raised by"), c->raised_by);
      add_field (fields, _("Raised with"), c->designated_person);
      add_field (fields, _("Concern"), c->concern);
      if (g_date_valid (&c->alerted_on))
        {
          g_autofree char *alerted = _quorum_export_format_date (&c->alerted_on);

          add_field_take (fields, _("Co-ordinator alerted"),
                          quorum_challenge_alert_is_late (c)
                            ? g_strdup_printf (_("%s, %s — late: the policy says %s"), c->coordinator, alerted, when)
                            : g_strdup_printf (_("%s, %s"), c->coordinator, alerted));
        }
      else
        add_field_take (fields, _("Co-ordinator alerted"),
                        g_strdup_printf (_("Not yet: due %s (%s)"), raised != NULL ? raised : "", when));
      if (g_date_valid (&c->decided_on))
        {
          g_autoptr(GString) what = g_string_new (NULL);
          g_autofree char *decided = _quorum_export_format_date (&c->decided_on);

          for (guint bit = 1; bit <= QUORUM_CHALLENGE_REFER; bit <<= 1)
            if (c->decisions & bit)
              {
                if (what->len > 0)
                  g_string_append (what, "; ");
                g_string_append (what, quorum_challenge_decision_get_label (bit));
                if (bit == QUORUM_CHALLENGE_REVIEW_FORWARD && g_date_valid (&c->review_date))
                  {
                    g_autofree char *review = _quorum_export_format_date (&c->review_date);
                    g_string_append_printf (what, _(" to %s (conference %lld)"), review,
                                            (long long) c->review_conference_id);
                  }
              }
          add_field (fields, _("Co-ordinator decided"), decided);
          add_field (fields, _("Decisions"), what->str);
          add_field (fields, _("Co-ordinator’s reasons"), c->reasons);
        }
      else
        add_field (fields, _("Co-ordinator decided"), _("Not yet"));
      end_fields (doc, fields);
      n++;
    }
}

static void
add_child (QuorumDocument         *doc,
           const QuorumConference *conference,
           const QuorumProfile    *profile,
           const QuorumChild      *child)
{
  const QuorumDecision *decision = quorum_conference_find_decision (conference, child->id);
  g_autoptr(GPtrArray) votes = _quorum_export_child_current_votes (conference, child->id);
  g_autofree char *name = quorum_conference_format_child_name_now (conference, child);
  g_autofree char *heading = g_strdup_printf (_("Child: %s"), name);
  QuorumBlock *fields;

  /* Every block of the section names the child, as the name stands: a PDF page that continues
   * it says whose it is. */
  g_free (doc->section);
  doc->section = g_strdup (quorum_conference_child_name_now (conference, child, NULL));
  add_block (doc, QUORUM_BLOCK_HEADING, heading);

  fields = begin_fields (doc, 0);
  if (decision != NULL)
    {
      guint number = 0;
      guint now = quorum_conference_decision_categories_now (conference, decision, &number);
      g_autofree char *as_decided = _quorum_export_categories_label (decision->categories);
      g_autofree char *as_it_stands = _quorum_export_view_label (decision->outcome, now);

      /* Its categories as they stand, those decided beside them (DOMAIN 7). */
      add_field_take (fields, _("Decision"), quorum_format_amended_categories (as_it_stands, as_decided, number));
      {
        g_auto(GStrv) without = quorum_conference_left_without_view (conference, child->id);

        /* A group that left before giving its view did not agree: the consensus is of the
         * groups present (the screen says the same). */
        add_field (fields, _("Basis"),
                   decision->basis == QUORUM_BASIS_CONSENSUS && without[0] != NULL
                   ? _("Consensus: every group present agreed") : basis_description (decision->basis));
      }
      /* A consensus counts no views: a tally beside it would contradict it. */
      if (votes->len > 0 && decision->basis == QUORUM_BASIS_CHAIR)
        /* No vote under a chair-decides policy (002 §4.1): the groups' views before the chair
         * decided, not a tally, which beside "the chair's decision" reads as a tie the chair broke. */
        add_field_take (fields, _("Views before the chair decided"), tally_text (decision));
      else if (votes->len > 0 && decision->basis != QUORUM_BASIS_CONSENSUS)
        add_field_take (fields, _("Tally"), tally_text (decision));
      add_field_take (fields, _("Decided"), who_and_when (decision->decided_by, decision->decided_at));
      add_presence (fields, conference, decision);
    }
  else
    add_field (fields, _("Decision"), _("Not yet decided"));
  end_fields (doc, fields);

  /* Why the chair decided as they did (002 §4.1), in the chair's words as they stand. */
  if (decision != NULL && decision->basis == QUORUM_BASIS_CHAIR)
    add_chair_reason (doc, conference, decision);

  /* A consensus needs no table of views; any view recorded is shown all the same. */
  if (votes->len > 0 || decision == NULL || decision->basis != QUORUM_BASIS_CONSENSUS)
    add_votes_table (doc, conference, decision, votes);
  add_could_not_agree (doc, conference, votes);
  add_dissent (doc, conference, decision, votes);
  add_superseded (doc, conference, child->id);
  add_attempts (doc, conference, child->id);
  add_plan_and_referral (doc, conference, profile, child->id);
  add_challenges (doc, conference, profile, child->id);
  g_clear_pointer (&doc->section, g_free);
}

static void
add_amendments (QuorumDocument         *doc,
                const QuorumConference *conference)
{
  if (conference->amendments == NULL || conference->amendments->len == 0)
    return;

  add_block (doc, QUORUM_BLOCK_HEADING, _("Amendments after sign-off"));

  for (guint i = 0; i < conference->amendments->len; i++)
    {
      const QuorumAmendment *amendment = g_ptr_array_index (conference->amendments, i);
      g_autofree char *who = who_and_when (amendment->by, amendment->at);
      g_autofree char *title = g_strdup_printf (_("Amendment %u: %s"), i + 1, who != NULL ? who : "");
      QuorumBlock *block;
      QuorumBlock *fields;

      block = add_paragraph (doc, QUORUM_BLOCK_STYLE_STRONG, 0, title);
      block->space_before = i > 0;

      fields = begin_fields (doc, 0);
      add_field (fields, _("Reason"), amendment->reason);
      add_field_take (fields, _("Change"), quorum_conference_describe_change (conference, amendment));
      /* The value corrected, in the words the amend dialog offered it ("Reason of Police, for
       * Amy Smith"), not its row's id ("vote:25, reason"); an id kept only when it names none. */
      {
        const QuorumChild *about = quorum_conference_amendment_about (conference, amendment);
        char *what = quorum_conference_describe_value (conference, amendment->record, amendment->field);

        /* An amendment in words about one child: that child, by name as it stands. */
        if (about != NULL)
          {
            g_free (what);
            add_field_take (fields, _("About"), quorum_conference_format_child_name_now (conference, about));
            what = NULL;
          }
        else if (what == NULL && amendment->record != NULL && amendment->field != NULL)
          what = g_strdup_printf ("%s, %s", amendment->record, amendment->field);
        else if (what == NULL)
          what = g_strdup (amendment->record);
        add_field_take (fields, _("Record"), what);
      }
      /* A chain of corrections to one value: each says what it replaced, the first the original,
       * a later one the earlier amendment's words (read from that amendment, so a record amended
       * before the store kept the value as it stood reads right too). */
      {
        const QuorumAmendment *previous = quorum_conference_previous_amendment (conference, amendment);

        if (previous == NULL)
          add_field (fields, _("Original"), amendment->old_value);
        else
          {
            g_autofree char *label = NULL;

            /* TRANSLATORS: a field of an amendment that corrected an earlier one: "Replaced
             * (amendment 1)", then the words it replaced */
            label = g_strdup_printf (_("Replaced (amendment %u)"), amendment_number (conference, previous));
            add_field (fields, label, previous->new_value);
          }
      }
      add_field (fields, _("Amended to"), amendment->new_value);
      end_fields (doc, fields);
    }
}

static QuorumDocument *
build_document (const QuorumConference *conference,
                const QuorumProfile    *profile,
                const char             *exported_by,
                GDateTime              *exported_at)
{
  QuorumDocument *doc = g_new0 (QuorumDocument, 1);
  g_autofree char *when = _quorum_export_format_datetime (exported_at);
  g_autofree char *closing = NULL;
  QuorumBlock *block;

  doc->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) quorum_block_free);
  doc->draft = !quorum_conference_is_finalised (conference);
  g_date_clear (&doc->as_of, 1);
  if (exported_at != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (exported_at);

      g_date_set_dmy (&doc->as_of, g_date_time_get_day_of_month (local),
                      g_date_time_get_month (local), g_date_time_get_year (local));
    }
  doc->title = g_strdup (_("Record of decision and dissent"));
  doc->header = build_header (conference, profile);
  if (conference->case_ref != NULL)
    {
      g_autofree char *record = g_strdup_printf ("conference:%" G_GINT64_FORMAT, conference->id);

      /* TRANSLATORS: the running title at the top of every page */
      doc->running_title = g_strdup_printf (_("%s  ·  Case ref. %s"), doc->title,
                                            quorum_conference_current_value (conference, record, "case_ref",
                                                                             conference->case_ref));
    }
  else
    doc->running_title = g_strdup (doc->title);

  if (exported_by == NULL)
    exported_by = _quorum_export_default_user ();
  if (when != NULL)
    /* TRANSLATORS: the page footer: "Exported 21 November 2026, 14:05 by Minnie Taker" */
    doc->footer = g_strdup_printf (_("Exported %s by %s"), when, exported_by);
  else
    doc->footer = g_strdup_printf (_("Exported by %s"), exported_by);
  if (conference->seal != NULL)
    {
      char *sealed = g_strdup_printf (_("%s · seal %s"), doc->footer, conference->seal);

      doc->seal = g_strdup (conference->seal);
      g_free (doc->footer);
      doc->footer = sealed;
    }

  add_block (doc, QUORUM_BLOCK_TITLE, doc->title);
  if (doc->draft)
    add_paragraph (doc, QUORUM_BLOCK_STYLE_NOTE, 0,
                   _("DRAFT: the chair has not signed this record off. It may still change."));
  add_conference (doc, conference, profile);
  add_attendees (doc, conference);

  for (guint i = 0; conference->children != NULL && i < conference->children->len; i++)
    add_child (doc, conference, profile, g_ptr_array_index (conference->children, i));

  add_amendments (doc, conference);

  closing = g_strdup_printf ("%s.", doc->footer);
  block = add_paragraph (doc, QUORUM_BLOCK_STYLE_NOTE, 0, closing);
  block->space_before = TRUE;
  block->closing = TRUE;
  if (conference->seal != NULL)
    {
      /* TRANSLATORS: %s is the seal, e.g. 412-3f9a2-c81d0-e477a-b21c0; keep the command as is */
      g_autofree char *proof = g_strdup_printf (_("Seal %s: “quorum-cli verify --seal %s” proves that the "
                                                  "database still holds this record as it stood."),
                                                conference->seal, conference->seal);
      add_paragraph (doc, QUORUM_BLOCK_STYLE_NOTE, 0, proof)->closing = TRUE;
    }

  return doc;
}

/* ---- a bilingual record ----
 * The record is built once in each language from the same data, so the two have the same blocks
 * in the same order; they are then woven together, Welsh first. What is the same in both (what
 * the participants wrote: reasons, summaries, names) is kept once, in their words. */

static char *
join_languages (const char *first,
                const char *second,
                const char *separator)
{
  if (second == NULL || g_strcmp0 (first, second) == 0)
    return g_strdup (first);
  if (first == NULL)
    return g_strdup (second);

  return g_strconcat (first, separator, second, NULL);
}

static void
merge_cells (GPtrArray *into,
             GPtrArray *other)
{
  for (guint i = 0; into != NULL && other != NULL && i < into->len && i < other->len; i++)
    {
      char *joined = join_languages (g_ptr_array_index (into, i), g_ptr_array_index (other, i), " / ");

      g_free (g_ptr_array_index (into, i));
      into->pdata[i] = joined;
    }
}

static gboolean
same_shape (const QuorumDocument *a,
            const QuorumDocument *b)
{
  if (a->blocks->len != b->blocks->len)
    return FALSE;

  for (guint i = 0; i < a->blocks->len; i++)
    {
      const QuorumBlock *x = g_ptr_array_index (a->blocks, i);
      const QuorumBlock *y = g_ptr_array_index (b->blocks, i);

      if (x->kind != y->kind || (x->cells != NULL) != (y->cells != NULL) ||
          (x->cells != NULL && x->cells->len != y->cells->len))
        return FALSE;
    }

  return TRUE;
}

/* Weaves @second into @first, block by block; @second is left empty. */
static void
merge_documents (QuorumDocument *first,
                 QuorumDocument *second)
{
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) quorum_block_free);
  char *text;

  for (guint n = first->blocks->len; n > 0; n--)
    {
      QuorumBlock *a = g_ptr_array_steal_index (first->blocks, 0);
      QuorumBlock *b = g_ptr_array_steal_index (second->blocks, 0);

      switch (a->kind)
        {
        case QUORUM_BLOCK_PARAGRAPH:
          g_ptr_array_add (blocks, a);
          /* A sentence of the record in each language; the participants' words once. */
          if (g_strcmp0 (a->text, b->text) != 0)
            {
              b->space_before = FALSE;
              g_ptr_array_add (blocks, g_steal_pointer (&b));
            }
          break;

        case QUORUM_BLOCK_FIELDS:
        case QUORUM_BLOCK_TABLE:
          merge_cells (a->cells, b->cells);
          g_ptr_array_add (blocks, a);
          break;

        case QUORUM_BLOCK_TITLE:
        case QUORUM_BLOCK_HEADING:
        case QUORUM_BLOCK_SUBHEADING:
        default:
          text = join_languages (a->text, b->text, " / ");
          g_free (a->text);
          a->text = text;
          g_ptr_array_add (blocks, a);
          break;
        }

      if (b != NULL)
        quorum_block_free (b);
    }

  g_ptr_array_unref (first->blocks);
  first->blocks = g_steal_pointer (&blocks);

  text = join_languages (first->title, second->title, " / ");
  g_free (first->title);
  first->title = text;
  text = join_languages (first->running_title, second->running_title, " / ");
  g_free (first->running_title);
  first->running_title = text;
  text = join_languages (first->header, second->header, " / ");
  g_free (first->header);
  first->header = text;
  text = join_languages (first->footer, second->footer, "\n");
  g_free (first->footer);
  first->footer = text;
}

/* The languages the record is written in: the setting, else both under a bilingual profile,
 * else NULL (the desktop's). */
static char **
record_languages (const QuorumProfile *profile)
{
  const char *setting = quorum_export_get_record_languages ();

  if (setting != NULL && *setting != '\0')
    return g_strsplit (setting, ",", -1);
  if (profile != NULL && profile->bilingual)
    return g_strsplit ("cy,en", ",", -1);

  return NULL;
}

QuorumDocument *
_quorum_document_new (const QuorumConference *conference,
                      const QuorumProfile    *profile,
                      const char             *exported_by,
                      GDateTime              *exported_at)
{
  g_auto(GStrv) languages = record_languages (profile);
  QuorumDocument *doc;

  if (languages == NULL)
    return build_document (conference, profile, exported_by, exported_at);

  quorum_i18n_push_language (languages[0]);
  doc = build_document (conference, profile, exported_by, exported_at);
  quorum_i18n_pop_language ();

  for (guint i = 1; languages[i] != NULL; i++)
    {
      g_autoptr(QuorumDocument) other = NULL;

      quorum_i18n_push_language (languages[i]);
      other = build_document (conference, profile, exported_by, exported_at);
      quorum_i18n_pop_language ();

      if (same_shape (doc, other))
        merge_documents (doc, other);
    }

  doc->languages = g_steal_pointer (&languages);

  return doc;
}

static char *
each_language (const QuorumDocument *self,
               char *(*say) (gpointer data),
               gpointer data)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (self->languages == NULL)
    return say (data);

  for (guint i = 0; self->languages[i] != NULL; i++)
    {
      char *part;

      quorum_i18n_push_language (self->languages[i]);
      part = say (data);
      quorum_i18n_pop_language ();

      if (parts->len == 0 || g_strcmp0 (g_ptr_array_index (parts, parts->len - 1), part) != 0)
        g_ptr_array_add (parts, part);
      else
        g_free (part);
    }
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" / ", (char **) parts->pdata);
}

static char *
say_draft (gpointer data)
{
  /* TRANSLATORS: marks an unsigned record in every page's header */
  return g_strdup (_("DRAFT"));
}

char *
_quorum_document_draft_label (const QuorumDocument *self)
{
  return each_language (self, say_draft, NULL);
}

static char *
say_page (gpointer data)
{
  const int *pages = data;

  /* TRANSLATORS: the page footer: "Page 2 of 5" */
  return g_strdup_printf (_("Page %d of %d"), pages[0], pages[1]);
}

char *
_quorum_document_page_label (const QuorumDocument *self,
                             int                   page,
                             int                   n_pages)
{
  int pages[2] = { page, n_pages };

  return each_language (self, say_page, pages);
}

static char *
say_continued (gpointer data)
{
  /* TRANSLATORS: the running header of a page that continues a child's section: "Amy Jones (continued)" */
  return g_strdup_printf (_("%s (continued)"), (const char *) data);
}

char *
_quorum_document_continued_label (const QuorumDocument *self,
                                  const char           *name)
{
  return each_language (self, say_continued, (gpointer) name);
}
