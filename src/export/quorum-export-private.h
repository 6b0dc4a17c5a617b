/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-export-private.h: the words and look-ups every format of the record shares. */
#pragma once

#include "quorum-export.h"

G_BEGIN_DECLS

/* "20 November 2026"; NULL for an unset date. */
char                *_quorum_export_format_date       (const GDate *date);
/* An ISO 8601 timestamp of the store as local "20 November 2026, 10:05"; the text itself when it
 * does not parse; NULL for NULL. */
char                *_quorum_export_format_timestamp  (const char  *iso8601);
char                *_quorum_export_format_datetime   (GDateTime   *datetime);
/* @datetime (NULL: now) as an ISO 8601 UTC timestamp, as the store writes them:
 * "2026-11-21T14:05:00.000000Z". */
char                *_quorum_export_iso8601           (GDateTime   *datetime);
/* The local day of @datetime (NULL: now), the day an export's lateness is said as of. */
void                 _quorum_export_local_day         (GDateTime   *datetime,
                                                       GDate       *out);
/* Whether @referral was overdue on @as_of, by its recorded dates (core's
 * quorum_referral_overdue_as_of ()), as `referrals`, the JSON, the PDF and the CSV say it. */
gboolean             _quorum_export_referral_overdue  (const QuorumReferral *referral,
                                                       const GDate          *as_of);
/* "Neglect, Emotional abuse", or NULL for none. */
char                *_quorum_export_categories_label  (guint        categories);
/* "Child protection plan (Neglect)", "No plan", "Declined". */
char                *_quorum_export_view_label        (QuorumView   view,
                                                       guint        categories);
/* "Initial child protection conference". */
char                *_quorum_export_conference_title  (const QuorumConference *conference);
/* The dissent of @decision naming @group, or NULL. */
const QuorumDissent *_quorum_export_find_dissent      (const QuorumDecision   *decision,
                                                       const char             *group);
/* TRUE when @view, held by @group or by one of its representatives, dissents from @decision:
 * the decision records a dissent of @group and @view is a counted view other than its outcome.
 * Where a group's representatives could not agree, the group and each of them are asked apart
 * (DOMAIN "Reaching a decision" 6: nobody who held the outcome's view is listed as dissenting). */
gboolean             _quorum_export_view_dissents     (const QuorumDecision   *decision,
                                                       const char             *group,
                                                       QuorumView              view);
/* The representatives as one line, "A. Khan, B. Jones"; an empty string for none. */
char                *_quorum_export_join_names        (const char * const     *names);
/* The votes of one child, in the order recorded. Free the array only (elements borrowed). */
GPtrArray           *_quorum_export_child_votes       (const QuorumConference *conference,
                                                       gint64                  child_id);
/* The same, without those a later consensus attempt superseded: the views that count. */
GPtrArray           *_quorum_export_child_current_votes (const QuorumConference *conference,
                                                         gint64                  child_id);
GPtrArray           *_quorum_export_child_attempts    (const QuorumConference *conference,
                                                       gint64                  child_id);
/* A reason as it stands after sign-off: the latest amendment's words among those correcting the
 * "reason" of @records ("vote:12", "dissent:3"; NULL-ended), else @original. @number (may be
 * NULL) is set to that amendment's number, 0 when none. The record (text, PDF) and the CSV give a
 * reason by this one rule. */
const char          *_quorum_export_reason_now        (const QuorumConference *conference,
                                                       const char             *original,
                                                       const char * const     *records,
                                                       guint                  *number);
/* The reason of @vote as it stands, the CSV row's rule: the latest correction of the view's
 * reason ("vote:ID") or, where its group's dissent took that reason
 * (quorum_conference_shared_reason ()), of that dissent's ("dissent:ID"). @number as above.
 * @decision is not needed (kept for the callers). */
const char          *_quorum_export_vote_reason_now   (const QuorumConference *conference,
                                                       const QuorumDecision   *decision,
                                                       const QuorumVote       *vote,
                                                       guint                  *number);
/* The reason of @decision's @dissent as it stands, the record's rule: the latest correction of
 * "dissent:ID" or, where the dissent took its group's current view's reason, of that view
 * ("vote:ID", quorum_conference_shared_reason ()); of the dissent alone otherwise (only some
 * representatives dissent, or the dissent's words are others' too). */
const char          *_quorum_export_dissent_reason_now (const QuorumConference *conference,
                                                        const QuorumDecision   *decision,
                                                        const QuorumDissent    *dissent,
                                                        guint                  *number);
/* The name of the user exporting: the OS user's real name or login. */
const char          *_quorum_export_default_user      (void);

/* ---- the record as a sequence of blocks (quorum-export-document.c) ----
 * One description of the record's contents, in order, that the PDF and the text renderers
 * both draw: the two can never disagree about what the record says. */

typedef enum
{
  QUORUM_BLOCK_TITLE,        /* the document's title */
  QUORUM_BLOCK_HEADING,      /* a child: "Child: Amy Smith" */
  QUORUM_BLOCK_SUBHEADING,   /* a section: "Dissent" */
  QUORUM_BLOCK_FIELDS,       /* label / value pairs, aligned */
  QUORUM_BLOCK_TABLE,        /* a header row and rows */
  QUORUM_BLOCK_PARAGRAPH,
} QuorumBlockKind;

typedef enum
{
  QUORUM_BLOCK_STYLE_BODY,
  QUORUM_BLOCK_STYLE_STRONG,  /* the title line of an entry: "Police: No plan" */
  QUORUM_BLOCK_STYLE_QUOTE,   /* someone's own words: reasons, summaries */
  QUORUM_BLOCK_STYLE_NOTE,    /* a quiet remark: "No dissent: the decision was unanimous." */
} QuorumBlockStyle;

typedef struct
{
  QuorumBlockKind   kind;
  QuorumBlockStyle  style;
  int               indent;       /* levels of indentation */
  char             *text;         /* TITLE, HEADING, SUBHEADING, PARAGRAPH */
  guint             n_columns;    /* TABLE: columns; FIELDS: 2 */
  GPtrArray        *cells;        /* FIELDS, TABLE: char*, row by row; a TABLE's first row is its header */
  GArray           *marked_rows;  /* TABLE: gboolean per body row (a dissenting group) */
  gboolean          space_before; /* a gap before, between entries of a section */
  gboolean          keep_with_next; /* PARAGRAPH: part of the title before it (a group's
                                     * representatives): never apart from what follows */
  gboolean          closing;      /* PARAGRAPH: the record's closing lines (who exported it,
                                 * and the seal): never a page of their own, kept with the
                                 * last lines of what comes before them */
  char             *section;      /* the child whose section the block is part of, by the name as
                                   * it stands (amended or not), or NULL outside a child's section:
                                   * a PDF page that continues it names the child in its header */
} QuorumBlock;

typedef struct
{
  char      *title;           /* "Dissent record" */
  char      *running_title;   /* "Record of decision and dissent · Case ref. CP-2026-0042" */
  char      *header;          /* "Initial conference · 20 November 2026 · Chair: … · Bolton: …" */
  char      *footer;          /* "Exported 21 November 2026, 14:05 by Minnie Taker" */
  gboolean   draft;           /* not signed off */
  GPtrArray *blocks;          /* QuorumBlock* */
  char      *seal;            /* the seal the footer names, or NULL: the PDF keeps it on one line */
  char     **languages;       /* {"cy", "en"} for a bilingual record, Welsh first; NULL: the desktop's */
  GDate      as_of;           /* the day it was exported: lateness is said as of it */
  char      *section;         /* while it is built: the child whose section is being added */
} QuorumDocument;

QuorumDocument *_quorum_document_new  (const QuorumConference *conference,
                                       const QuorumProfile    *profile,
                                       const char             *exported_by,
                                       GDateTime              *exported_at);
void            _quorum_document_free (QuorumDocument         *self);
/* "DRAFT" and "Page 2 of 5" in each of the record's languages: "DRAFFT / DRAFT". */
char           *_quorum_document_draft_label (const QuorumDocument *self);
char           *_quorum_document_page_label  (const QuorumDocument *self,
                                              int                   page,
                                              int                   n_pages);
/* "Amy Jones (continued)" in each of the record's languages: the running header of a page that
 * continues a child's section. */
char           *_quorum_document_continued_label (const QuorumDocument *self,
                                                  const char           *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QuorumDocument, _quorum_document_free)

/* The fonts of a PDF record (quorum-export-pdf.c): outline fonts only, so every character,
 * emoji too, stays text. */
PangoFontMap   *_quorum_record_create_font_map (void);

G_END_DECLS
