/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-export.c: the dissent record as PDF, CSV, JSON and text, read back by real readers. */

#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "export/quorum-export.h"
#include "export/quorum-export-private.h"
#include "store/quorum-store.h"

/* Set QUORUM_TEST_KEEP=DIR to keep what the tests write (to look at the PDFs). */
static char *tmpdir;

/* ---- fixtures ---- */

static const char *names_urdu = "عائشہ صدیقی";
static const char *names_chinese = "王小明";
static const char *names_welsh = "Siân Ŵyn Llŷr";
static const char *names_polish = "Zbigniew Łukaszewski-Żółć";

static QuorumChild *
child_new (gint64      id,
           const char *name)
{
  QuorumChild *child = g_new0 (QuorumChild, 1);

  child->id = id;
  child->name = g_strdup (name);

  return child;
}

static void
add_attendee (QuorumConference *conference,
              gint64            id,
              const char       *name,
              const char       *role,
              const char       *agency,
              const char       *line_management,
              gboolean          voting)
{
  QuorumAttendee *attendee = g_new0 (QuorumAttendee, 1);

  attendee->id = id;
  attendee->name = g_strdup (name);
  attendee->role = g_strdup (role);
  attendee->agency = g_strdup (agency);
  attendee->line_management = g_strdup (line_management);
  attendee->voting = voting;
  attendee->attendance = QUORUM_ATTENDANCE_PRESENT;
  g_ptr_array_add (conference->attendees, attendee);
}

static QuorumVote *
add_vote (QuorumConference *conference,
          gint64            id,
          gint64            child_id,
          const char       *group,
          QuorumView        view,
          guint             categories,
          const char       *reason)
{
  QuorumVote *vote = g_new0 (QuorumVote, 1);

  vote->id = id;
  vote->child_id = child_id;
  vote->group = g_strdup (group);
  vote->view = view;
  vote->categories = categories;
  vote->reason = g_strdup (reason);
  vote->recorded_at = g_strdup ("2026-11-20T10:30:00.000000Z");
  g_ptr_array_add (conference->votes, vote);

  return vote;
}

static void
add_dissent_from_vote (QuorumConference *conference,
                       QuorumDecision   *decision,
                       const QuorumVote *vote)
{
  QuorumDissent *dissent = g_new0 (QuorumDissent, 1);

  dissent->group = g_strdup (vote->group);
  dissent->view = vote->view;
  dissent->categories = vote->categories;
  dissent->reason = g_strdup (vote->reason);
  dissent->representatives = quorum_conference_group_members (conference, vote->group);
  g_ptr_array_add (decision->dissent, dissent);
}

/* A reason of at least @length characters made of numbered sentences, so a test can see that
 * every one of them came out, in order. */
static char *
sentence (guint n)
{
  static const char * const tails[] = {
    "",
    " as the incidents reported are historic",
    ", and the family has engaged with early help since the summer",
    "; a child in need plan would keep the support in place without the stigma of a plan",
  };

  return g_strdup_printf ("Sentence %u: the police hold that the threshold is not met%s.",
                          n, tails[n % G_N_ELEMENTS (tails)]);
}

static char *
long_reason (gsize length)
{
  GString *str = g_string_new (NULL);
  guint n = 0;

  while (str->len < length)
    {
      g_autofree char *next = sentence (++n);

      if (str->len > 0)
        g_string_append_c (str, ' ');
      g_string_append (str, next);
    }

  return g_string_free (str, FALSE);
}

static const char *police_reason =
  "We do not consider the threshold for a plan is met: the incidents reported are historic, "
  "the family has engaged with \"early help\", and a child in need plan would keep the support "
  "in place.\nA second paragraph, with a comma, a quote \" and an emoji 😟 to survive the trip.";

static const char *health_reason =
  "Health visiting has seen a pattern of missed appointments and weight loss over six months; "
  "neglect is the concern. Dwy flynedd o bryder: ŵ ŷ.";

/* The conference of issue #5: a split vote of five line-management groups for child 1, a
 * majority with one dissent for child 2. @police_text: the police's reason (NULL: the usual). */
static QuorumConference *
make_conference_with (gboolean    finalised,
                      const char *police_text)
{
  QuorumConference *conference = quorum_conference_new ();
  QuorumDecision *decision;
  QuorumPlan *plan;
  QuorumReferral *referral;
  QuorumAttempt *attempt;
  QuorumVote *police;
  QuorumVote *probation;
  QuorumVote *vote;
  g_autofree char *long_text = NULL;

  conference->id = 7;
  conference->kind = QUORUM_KIND_INITIAL;
  g_date_set_dmy (&conference->date, 20, G_DATE_NOVEMBER, 2026);
  conference->time = g_strdup ("10:00");
  conference->venue = g_strdup ("Town Hall, Room 2");
  conference->chair = g_strdup ("Gwenllïan Ŷr (IRO)");
  conference->minute_taker = g_strdup ("Minnie Taker");
  conference->case_ref = g_strdup ("CP-2026-0042");
  conference->profile_id = g_strdup ("bolton");
  conference->created_at = g_strdup ("2026-11-20T09:55:00.000000Z");
  conference->created_by = g_strdup ("minnie");
  if (finalised)
    {
      conference->finalised_at = g_strdup ("2026-11-20T12:00:00.000000Z");
      conference->finalised_by = g_strdup ("Gwenllïan Ŷr (IRO)");
    }

  g_ptr_array_add (conference->children, child_new (1, "Amy Smith"));
  g_ptr_array_add (conference->children, child_new (2, names_welsh));

  add_attendee (conference, 1, "Sam Social", "Social worker", "Children's Social Care",
                "Bolton Children's Social Care", TRUE);
  add_attendee (conference, 2, names_urdu, "Health visitor", "Bolton NHS FT",
                "Bolton NHS FT Health Visiting", TRUE);
  add_attendee (conference, 3, "Hannah Health", "Health visitor", "Bolton NHS FT",
                "Bolton NHS FT Health Visiting", TRUE);
  add_attendee (conference, 4, names_polish, "Detective constable", "Greater Manchester Police",
                "Greater Manchester Police", TRUE);
  add_attendee (conference, 5, names_chinese, "Head teacher", "St Mary's Primary School",
                "St Mary's Primary School", TRUE);
  add_attendee (conference, 6, "Priya Probation", "Probation officer", "Probation Service",
                "Probation Service North West", TRUE);
  add_attendee (conference, 7, "Mrs Smith", "Mother", "Family", NULL, FALSE);

  /* Child 1: 2 plan, 2 no plan, 1 declined: split. */
  long_text = g_strdup (police_text);
  add_vote (conference, 11, 1, "Bolton Children's Social Care", QUORUM_VIEW_PLAN,
            QUORUM_CATEGORY_NEGLECT | QUORUM_CATEGORY_EMOTIONAL,
            "Social care's assessment found chronic neglect; the home conditions have not improved.");
  add_vote (conference, 12, 1, "Bolton NHS FT Health Visiting", QUORUM_VIEW_PLAN,
            QUORUM_CATEGORY_NEGLECT, health_reason);
  police = add_vote (conference, 13, 1, "Greater Manchester Police", QUORUM_VIEW_NO_PLAN, 0,
                     long_text != NULL ? long_text : police_reason);
  vote = add_vote (conference, 14, 1, "St Mary's Primary School", QUORUM_VIEW_NO_PLAN, 0,
                   "Attendance is 97%, the child is thriving, 学校没有担忧 (no concerns at school).");
  vote->members_disagreed = FALSE;
  probation = add_vote (conference, 15, 1, "Probation Service North West", QUORUM_VIEW_DECLINE, 0,
                        "Probation has had no contact with this family and cannot give a view.");

  decision = g_new0 (QuorumDecision, 1);
  decision->id = 21;
  decision->child_id = 1;
  decision->outcome = QUORUM_VIEW_PLAN;
  decision->basis = QUORUM_BASIS_SPLIT;
  decision->categories = QUORUM_CATEGORY_NEGLECT | QUORUM_CATEGORY_EMOTIONAL;
  decision->n_plan = 2;
  decision->n_no_plan = 2;
  decision->n_declined = 1;
  decision->decided_at = g_strdup ("2026-11-20T11:00:00.000000Z");
  decision->decided_by = g_strdup ("Gwenllïan Ŷr (IRO)");
  decision->dissent = g_ptr_array_new_with_free_func ((GDestroyNotify) quorum_dissent_free);
  add_dissent_from_vote (conference, decision, police);
  add_dissent_from_vote (conference, decision, g_ptr_array_index (conference->votes, 3));
  g_ptr_array_add (conference->decisions, decision);
  (void) probation;

  plan = g_new0 (QuorumPlan, 1);
  plan->id = 31;
  plan->child_id = 1;
  g_date_set_dmy (&plan->start, 20, G_DATE_NOVEMBER, 2026);
  plan->from_split = TRUE;
  plan->categories = decision->categories;
  g_ptr_array_add (conference->plans, plan);

  referral = g_new0 (QuorumReferral, 1);
  referral->id = 41;
  referral->conference_id = 7;
  referral->child_id = 1;
  g_date_clear (&referral->due, 1);
  g_date_clear (&referral->notified, 1);
  g_date_clear (&referral->panel_due, 1);
  g_date_clear (&referral->panel_date, 1);
  g_date_set_dmy (&referral->due, 27, G_DATE_NOVEMBER, 2026);
  g_date_set_dmy (&referral->notified, 23, G_DATE_NOVEMBER, 2026);
  g_date_set_dmy (&referral->panel_due, 21, G_DATE_DECEMBER, 2026);
  g_ptr_array_add (conference->referrals, referral);

  attempt = g_new0 (QuorumAttempt, 1);
  attempt->id = 51;
  attempt->child_id = 1;
  attempt->round = 1;
  attempt->proposal = g_strdup ("Amy to be subject of a child protection plan under neglect.");
  attempt->summary = g_strdup ("Health and social care supported a plan; police and school did not.");
  attempt->agreed = QUORUM_VIEW_NONE;
  attempt->recorded_at = g_strdup ("2026-11-20T10:20:00.000000Z");
  g_ptr_array_add (conference->attempts, attempt);

  /* Child 2: 3 plan to 1 no plan: a majority, the school dissents. */
  add_vote (conference, 16, 2, "Bolton Children's Social Care", QUORUM_VIEW_PLAN,
            QUORUM_CATEGORY_EMOTIONAL, NULL);
  add_vote (conference, 17, 2, "Bolton NHS FT Health Visiting", QUORUM_VIEW_PLAN,
            QUORUM_CATEGORY_EMOTIONAL, NULL);
  add_vote (conference, 18, 2, "Greater Manchester Police", QUORUM_VIEW_PLAN,
            QUORUM_CATEGORY_EMOTIONAL, "Domestic abuse incidents, three in a month.");
  vote = add_vote (conference, 19, 2, "St Mary's Primary School", QUORUM_VIEW_NO_PLAN, 0,
                   "The school sees a settled, happy child.");
  vote->members_disagreed = TRUE;

  decision = g_new0 (QuorumDecision, 1);
  decision->id = 22;
  decision->child_id = 2;
  decision->outcome = QUORUM_VIEW_PLAN;
  decision->basis = QUORUM_BASIS_MAJORITY;
  decision->categories = QUORUM_CATEGORY_EMOTIONAL;
  decision->n_plan = 3;
  decision->n_no_plan = 1;
  decision->decided_at = g_strdup ("2026-11-20T11:10:00.000000Z");
  decision->decided_by = g_strdup ("Gwenllïan Ŷr (IRO)");
  decision->dissent = g_ptr_array_new_with_free_func ((GDestroyNotify) quorum_dissent_free);
  add_dissent_from_vote (conference, decision, vote);
  g_ptr_array_add (conference->decisions, decision);

  plan = g_new0 (QuorumPlan, 1);
  plan->id = 32;
  plan->child_id = 2;
  g_date_set_dmy (&plan->start, 20, G_DATE_NOVEMBER, 2026);
  plan->categories = QUORUM_CATEGORY_EMOTIONAL;
  g_ptr_array_add (conference->plans, plan);

  if (finalised)
    {
      QuorumAmendment *amendment = g_new0 (QuorumAmendment, 1);

      amendment->id = 61;
      amendment->at = g_strdup ("2026-11-21T09:00:00.000000Z");
      amendment->by = g_strdup ("Gwenllïan Ŷr (IRO)");
      amendment->reason = g_strdup ("The school's reason was minuted incompletely.");
      amendment->change = g_strdup ("School's reason corrected");
      amendment->record = g_strdup ("vote:19");
      amendment->field = g_strdup ("reason");
      amendment->old_value = g_strdup ("The school sees a settled child.");
      amendment->new_value = g_strdup ("The school sees a settled, happy child.");
      g_ptr_array_add (conference->amendments, amendment);
    }

  return conference;
}

/* The same, the police's reason @police_reason_length bytes long, or the usual with 0. */
static QuorumConference *
make_conference (gboolean finalised,
                 gsize    police_reason_length)
{
  g_autofree char *text = police_reason_length > 0 ? long_reason (police_reason_length) : NULL;

  return make_conference_with (finalised, text);
}

/* A consensus: one child, one page. */
static QuorumConference *
make_short_conference (void)
{
  QuorumConference *conference = quorum_conference_new ();
  QuorumAttempt *attempt = g_new0 (QuorumAttempt, 1);
  QuorumDecision *decision = g_new0 (QuorumDecision, 1);

  conference->id = 8;
  conference->kind = QUORUM_KIND_REVIEW;
  g_date_set_dmy (&conference->date, 2, G_DATE_DECEMBER, 2026);
  conference->chair = g_strdup ("Chris Chair");
  conference->profile_id = g_strdup ("bolton");
  g_ptr_array_add (conference->children, child_new (3, "Ben Brown"));
  add_attendee (conference, 8, "Sam Social", "Social worker", "Children's Social Care",
                "Children's Social Care", TRUE);

  attempt->id = 52;
  attempt->child_id = 3;
  attempt->round = 1;
  attempt->summary = g_strdup ("All agreed the plan can end.");
  attempt->agreed = QUORUM_VIEW_NO_PLAN;
  g_ptr_array_add (conference->attempts, attempt);

  decision->id = 23;
  decision->child_id = 3;
  decision->outcome = QUORUM_VIEW_NO_PLAN;
  decision->basis = QUORUM_BASIS_CONSENSUS;
  decision->dissent = g_ptr_array_new_with_free_func ((GDestroyNotify) quorum_dissent_free);
  g_ptr_array_add (conference->decisions, decision);

  return conference;
}

/* The parts of the Bolton profile the record shows. */
static QuorumProfile *
make_profile (void)
{
  QuorumProfile *profile = g_new0 (QuorumProfile, 1);

  profile->id = g_strdup ("bolton");
  profile->name = g_strdup ("Bolton: resolution of professional differences");
  profile->rule = QUORUM_RULE_MAJORITY_BY_LINE_MANAGEMENT;
  profile->referral_working_days = 5;
  profile->panel_calendar_days = 28;

  return profile;
}

static void
free_profile (QuorumProfile *profile)
{
  g_free (profile->id);
  g_free (profile->name);
  g_free (profile);
}

static GDateTime *
export_time (void)
{
  return g_date_time_new_utc (2026, 11, 21, 14, 5, 0);
}

/* ---- readers ---- */

static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);

  return out;
}

static gboolean
have_program (const char *name)
{
  g_autofree char *path = g_find_program_in_path (name);

  return path != NULL;
}

/* White space of any kind and length as one space (none after a hyphen): pdftotext lays lines
 * out its own way. */
static char *
squash (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* pdftotext wraps right-to-left runs in embedding marks; they are not the text's. */
      if (c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
        continue;
      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      /* A line may break after a hyphen: "Łukaszewski-" / "Żółć" is still one name. */
      if (space && out->str[out->len - 1] != '-')
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* Asserts @needle occurs in @haystack at or after *@from, and moves *@from past it. */
static void
assert_in_order (const char  *haystack,
                 const char  *needle,
                 const char **from)
{
  g_autofree char *squashed = squash (needle);
  const char *found = strstr (*from, squashed);

  if (found == NULL)
    {
      if (strstr (haystack, squashed) != NULL)
        g_error ("“%.80s” is in the text but out of order", squashed);
      g_error ("“%.80s” is missing from the text", squashed);
    }
  *from = found + strlen (squashed);
}

/* Right-to-left text comes out of pdftotext whole but with spaces of its own between joined
 * letters: compare without any white space. */
static void
assert_rtl_present (const char *haystack,
                    const char *needle)
{
  g_autoptr(GString) hay = g_string_new (NULL);
  g_autoptr(GString) pin = g_string_new (NULL);
  const char *strings[] = { haystack, needle };
  GString *outs[] = { hay, pin };

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *squashed = squash (strings[i]);

      for (const char *p = squashed; *p != '\0'; p = g_utf8_next_char (p))
        if (!g_unichar_isspace (g_utf8_get_char (p)))
          g_string_append_unichar (outs[i], g_utf8_get_char (p));
    }

  if (strstr (hay->str, pin->str) == NULL)
    g_error ("“%s” is missing from the text", needle);
}

/* The text without each page's header and footer, so a paragraph that runs on over a page
 * break reads on as one. */
static char *
strip_chrome (const char *raw)
{
  g_autoptr(GRegex) chrome = g_regex_new ("^(\\s*Record of decision and dissent.*"
                                          "|.*Chair: Gwenllïan.*"
                                          "|.*Page [0-9]+ of [0-9]+.*"
                                          "|.*\\(continued\\)\\s*)$",
                                          G_REGEX_MULTILINE, 0, NULL);

  return g_regex_replace_literal (chrome, raw, -1, 0, "", 0, NULL);
}

static char *
pdf_path (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

static char *
write_pdf (const QuorumConference *conference,
           const char             *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) when = export_time ();
  QuorumProfile *profile = make_profile ();
  char *path = pdf_path (name);

  g_assert_true (quorum_export_pdf (conference, profile, "Minnie Taker", when, path, &error));
  g_assert_no_error (error);
  free_profile (profile);

  return path;
}

/* -layout: the pages as they look (a form feed ends each); -raw: the text in the order it is
 * drawn, which is the record's reading order, table cells whole. */
static char *
pdftotext (const char *path,
           const char *mode)
{
  const char *argv[] = { "pdftotext", mode, "-enc", "UTF-8", path, "-", NULL };

  return run (argv);
}

static int
pdf_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = run (argv);
  const char *line = strstr (out, "\nPages:");

  g_assert_nonnull (line);
  return atoi (line + strlen ("\nPages:"));
}

static gboolean
have_cjk_font (void)
{
  const char *argv[] = { "fc-list", ":charset=738b", "family", NULL };
  g_autofree char *out = NULL;

  if (!have_program ("fc-list"))
    return FALSE;
  out = run (argv);
  return out != NULL && *out != '\0';
}

#define NEED_POPPLER()                                                 \
  G_STMT_START {                                                       \
    if (!have_program ("pdftotext") || !have_program ("pdfinfo"))      \
      {                                                                \
        g_test_skip ("poppler-utils (pdftotext, pdfinfo) not installed"); \
        return;                                                        \
      }                                                                \
  } G_STMT_END

/* ---- PDF ---- */

static void
test_pdf_complete_and_in_order (void)
{
  g_autoptr(QuorumConference) conference = NULL;
  g_autofree char *path = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  const char *from;

  NEED_POPPLER ();

  conference = make_conference (TRUE, 0);
  path = write_pdf (conference, "split.pdf");
  raw = pdftotext (path, "-layout");
  /* Right-to-left runs come out of -raw in drawing order: look for them in -layout. */
  assert_rtl_present (raw, names_urdu);
  g_assert_nonnull (strstr (raw, "😟"));
  g_free (raw);

  raw = pdftotext (path, "-raw");
  text = squash (raw);
  from = text;

  assert_in_order (text, "Record of decision and dissent", &from);
  assert_in_order (text, "CP-2026-0042", &from);
  assert_in_order (text, "Gwenllïan Ŷr (IRO)", &from);

  /* Attendees, every script. */
  assert_in_order (text, names_polish, &from);
  if (have_cjk_font ())
    assert_in_order (text, names_chinese, &from);
  else
    g_test_message ("no CJK font installed: not checking the Chinese name");

  /* Child 1: the decision, the table of every group in order, each dissent's reasons. */
  assert_in_order (text, "Child: Amy Smith", &from);
  assert_in_order (text, "Split vote", &from);
  assert_in_order (text, "2 plan · 2 no plan · 1 declined", &from);
  assert_in_order (text, "Bolton Children's Social Care", &from);
  assert_in_order (text, "Plan", &from);
  assert_in_order (text, "Neglect, Emotional abuse", &from);
  assert_in_order (text, "Sam Social", &from);
  assert_in_order (text, "Bolton NHS FT Health Visiting", &from);
  assert_in_order (text, "Hannah Health", &from);
  assert_in_order (text, "Greater Manchester Police", &from);
  assert_in_order (text, "No plan", &from);
  assert_in_order (text, names_polish, &from);
  assert_in_order (text, "Dissents", &from);
  assert_in_order (text, "St Mary's Primary School", &from);
  assert_in_order (text, "No plan", &from);
  if (have_cjk_font ())
    assert_in_order (text, names_chinese, &from);
  assert_in_order (text, "Dissents", &from);
  assert_in_order (text, "Probation Service North West", &from);
  assert_in_order (text, "Declined", &from);
  assert_in_order (text, "Priya Probation", &from);

  assert_in_order (text, "Dissent", &from);
  assert_in_order (text, "Greater Manchester Police: No plan", &from);
  assert_in_order (text, police_reason, &from);
  assert_in_order (text, "St Mary's Primary School: No plan", &from);
  assert_in_order (text, "Attendance is 97%, the child is thriving,", &from);

  assert_in_order (text, "Reasons of the other groups", &from);
  assert_in_order (text, health_reason, &from);
  assert_in_order (text, "Probation has had no contact with this family and cannot give a view.", &from);

  assert_in_order (text, "Consensus attempts", &from);
  assert_in_order (text, "Round 1: no consensus", &from);
  assert_in_order (text, "Child protection plan", &from);
  assert_in_order (text, "A split decision (equal votes)", &from);
  assert_in_order (text, "Referral to the Head of Service", &from);
  assert_in_order (text, "27 November 2026 (within 5 working days of the conference)", &from);
  assert_in_order (text, "23 November 2026", &from);
  assert_in_order (text, "21 December 2026 (Appeals and Split Decisions Panel, within 28 days", &from);

  /* Child 2: the majority and its one dissent, whose representatives could not agree. */
  assert_in_order (text, names_welsh, &from);
  assert_in_order (text, "Majority", &from);
  assert_in_order (text, "could not agree between them", &from);
  assert_in_order (text, "The school sees a settled, happy child.", &from);

  assert_in_order (text, "Amendments after sign-off", &from);
  assert_in_order (text, "The school's reason was minuted incompletely.", &from);
  assert_in_order (text, "The school sees a settled child.", &from);
  assert_in_order (text, "Exported 21 November 2026", &from);
  assert_in_order (text, "by Minnie Taker", &from);

  /* Signed off: no DRAFT anywhere. */
  g_assert_null (strstr (raw, "DRAFT"));
}

static void
test_pdf_long_reason_breaks_across_pages (void)
{
  g_autoptr(QuorumConference) conference = NULL;
  g_autoptr(QuorumRecord) record = NULL;
  QuorumProfile *profile;
  g_autoptr(GDateTime) when = export_time ();
  g_autofree char *path = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  g_autofree char *reason = long_reason (20000);
  g_auto(GStrv) pages = NULL;
  const char *from;
  guint n_sentences = 0;
  int n_pages;

  NEED_POPPLER ();

  g_assert_cmpuint (strlen (reason), >=, 20000);

  conference = make_conference (FALSE, 20000);
  path = write_pdf (conference, "long-reason-draft.pdf");
  raw = pdftotext (path, "-layout");
  {
    g_autofree char *body = strip_chrome (raw);
    text = squash (body);
  }

  /* Every sentence, in order: nothing cut at a page break, nothing repeated. */
  from = text;
  assert_in_order (text, "Greater Manchester Police: No plan", &from);
  for (guint n = 1; ; n++)
    {
      g_autofree char *expected = sentence (n);

      if (strstr (reason, expected) == NULL)
        break;
      assert_in_order (text, expected, &from);
      n_sentences++;
    }
  g_assert_cmpuint (n_sentences, >, 150);
  {
    g_autofree char *last = g_strdup_printf ("Sentence %u:", n_sentences + 1);
    g_assert_null (strstr (text, last));
  }

  /* The page count: the reason alone takes more than two pages. */
  n_pages = pdf_pages (path);
  g_assert_cmpint (n_pages, >=, 3);

  /* pdfinfo and the layout pass agree, and so does every footer. */
  profile = make_profile ();
  record = quorum_record_new (conference, profile, "Minnie Taker", when);
  {
    cairo_surface_t *surface = cairo_pdf_surface_create (NULL, QUORUM_RECORD_A4_WIDTH,
                                                         QUORUM_RECORD_A4_HEIGHT);
    cairo_t *cr = cairo_create (surface);
    PangoContext *context = quorum_record_create_pdf_context (cr);

    quorum_record_paginate (record, context, QUORUM_RECORD_A4_WIDTH, QUORUM_RECORD_A4_HEIGHT);
    g_assert_cmpint (quorum_record_get_n_pages (record), ==, n_pages);

    g_object_unref (context);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
  g_clear_pointer (&record, quorum_record_free);
  free_profile (profile);

  /* Each page: "Page N of M" and DRAFT (pdftotext ends each page with a form feed). */
  pages = g_strsplit (raw, "\f", -1);
  g_assert_cmpuint (g_strv_length (pages), >=, (guint) n_pages);
  for (int i = 0; i < n_pages; i++)
    {
      g_autofree char *footer = g_strdup_printf ("Page %d of %d", i + 1, n_pages);

      g_assert_nonnull (strstr (pages[i], footer));
      g_assert_nonnull (strstr (pages[i], "DRAFT"));
      g_assert_nonnull (strstr (pages[i], "CP-2026-0042"));
      g_assert_nonnull (strstr (pages[i], "Exported 21 November 2026"));
    }
}

/* The last line of the record on @page (pdftotext -layout's), squashed, or NULL: the running
 * header and the draft mark left out, and the footer ("Exported … seal …", wrapped when long)
 * that follows it. */
static char *
page_last_line (const char *page)
{
  g_auto(GStrv) lines = g_strsplit (page, "\n", -1);
  char *last = NULL;

  for (guint l = 0; lines[l] != NULL; l++)
    {
      g_autofree char *line = squash (lines[l]);

      /* (strip_chrome () would take the footer's first line, and leave its wrapped rest.) */
      if (g_str_has_prefix (line, "Exported "))
        break;
      if (g_str_has_prefix (line, "Record of decision and dissent") || strstr (line, " · Chair: ") != NULL)
        continue;
      if (*line != '\0' && g_strcmp0 (line, "DRAFT") != 0)
        {
          g_free (last);
          last = g_steal_pointer (&line);
        }
    }
  return last;
}

/* A heading keeps with what follows it: no page ends on a heading (a child, a section, or an
 * entry's title such as a group's view) with its content on the next page. The police reason
 * grows step by step, so every heading after it lands, in one PDF or another, at a page's foot. */
static gboolean
page_has_text (const char *page)
{
  g_autofree char *text = g_strstrip (g_strdup (page));

  return *text != '\0';
}

static void
test_pdf_headings_keep_with_next (void)
{
  guint checked_breaks = 0;

  NEED_POPPLER ();

  for (gsize length = 200; length <= 7000; length += 190)
    {
      g_autoptr(QuorumConference) conference = make_conference (FALSE, length);
      g_autoptr(GDateTime) when = export_time ();
      g_autoptr(GPtrArray) headings = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *name = g_strdup_printf ("headings-%zu.pdf", length);
      g_autofree char *path = NULL;
      g_autofree char *raw = NULL;
      g_auto(GStrv) pages = NULL;
      QuorumProfile *profile = make_profile ();

      {
        g_autoptr(QuorumDocument) doc = _quorum_document_new (conference, profile, "Minnie Taker", when);

        for (guint i = 0; i < doc->blocks->len; i++)
          {
            const QuorumBlock *block = g_ptr_array_index (doc->blocks, i);

            if (block->kind == QUORUM_BLOCK_HEADING || block->kind == QUORUM_BLOCK_SUBHEADING ||
                (block->kind == QUORUM_BLOCK_PARAGRAPH && block->style == QUORUM_BLOCK_STYLE_STRONG))
              g_ptr_array_add (headings, squash (block->text));
          }
      }
      free_profile (profile);
      g_assert_cmpuint (headings->len, >, 3);

      path = write_pdf (conference, name);
      raw = pdftotext (path, "-layout");
      pages = g_strsplit (raw, "\f", -1);

      /* Every page but the last: its last line of the record is no heading. */
      for (guint p = 0; pages[p] != NULL && pages[p + 1] != NULL && page_has_text (pages[p + 1]); p++)
        {
          g_autofree char *last = page_last_line (pages[p]);

          if (last == NULL)
            continue;

          checked_breaks++;
          for (guint h = 0; h < headings->len; h++)
            {
              const char *heading = g_ptr_array_index (headings, h);

              if (g_strcmp0 (last, heading) == 0 || (strlen (last) >= 6 && g_str_has_prefix (heading, last)))
                g_error ("%s: page %u ends on the heading “%s”, its content on the next page",
                         name, p + 1, heading);
            }
        }
    }

  /* The loop crossed page breaks: it tested something. */
  g_assert_cmpuint (checked_breaks, >, 20);
}

/* "Amended after sign-off (amendment 1 …); the original:" heads the original words: a
 * page never ends on it with the words overleaf (a minute-taker's trial found one that did). */
static void
test_pdf_amended_note_keeps_with_its_text (void)
{
  guint checked_breaks = 0;

  NEED_POPPLER ();

  for (gsize length = 200; length <= 7000; length += 130)
    {
      g_autoptr(QuorumConference) conference = make_conference (TRUE, length);
      g_autofree char *name = g_strdup_printf ("amended-note-%zu.pdf", length);
      g_autofree char *path = write_pdf (conference, name);
      g_autofree char *raw = pdftotext (path, "-layout");
      g_auto(GStrv) pages = g_strsplit (raw, "\f", -1);

      g_assert_nonnull (strstr (raw, "Amended after sign-off"));
      for (guint p = 0; pages[p] != NULL && pages[p + 1] != NULL && page_has_text (pages[p + 1]); p++)
        {
          g_autofree char *last = page_last_line (pages[p]);

          if (last == NULL)
            continue;
          checked_breaks++;
          if (strstr (last, "Amended after sign-off") != NULL || g_str_has_suffix (last, "the original:") ||
              g_str_has_suffix (last, "wording:"))
            g_error ("%s: page %u ends on “%s”, the amended words on the next page", name, p + 1, last);
        }
    }
  g_assert_cmpuint (checked_breaks, >, 20);
}

/* A new user's conference (Bolton, a 2-2 split with a decline, as they typed it): page 2 ended
 * on "Greater Manchester Police: Child protection plan (Neglect, Emotional abuse)" and its
 * reason began page 3. The heading had kept room for the reason exactly; the reason, asking
 * for the same room summed in another order, was refused it by a rounding. No page ends on a
 * group's heading. */
static void
test_pdf_heading_exactly_at_the_foot (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = pdf_path ("heading-at-the-foot.db");
  g_autofree char *path = pdf_path ("heading-at-the-foot.pdf");
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(QuorumConference) conference = NULL;
  g_autoptr(QuorumProfile) profile = quorum_profiles_lookup ("bolton", NULL);
  g_autoptr(GDateTime) when = export_time ();
  g_autofree char *raw = NULL;
  g_auto(GStrv) pages = NULL;
  const char *children[] = { "Amelia Jones", NULL };
  QuorumConferenceSpec spec = { .kind = QUORUM_KIND_INITIAL, .time = "10:00", .venue = "Civic Centre Room 3",
                                .chair = "Sam Patel", .minute_taker = "Jo Minutes", .case_ref = "CP-2026-0417",
                                .profile_id = "bolton", .children = children };
  static const QuorumAttendeeSpec attendees[] = {
    { "Karen Lee", "Social Worker", "Children's Social Care", "Children's Social Care", TRUE, QUORUM_ATTENDANCE_PRESENT },
    { "Priya Shah", "Health Visitor", "Bolton NHS FT", "Bolton NHS FT 0-19 Service", TRUE, QUORUM_ATTENDANCE_PRESENT },
    { "Tom Reed", "School Nurse", "Bolton NHS FT", "Bolton NHS FT 0-19 Service", TRUE, QUORUM_ATTENDANCE_PRESENT },
    { "PC Dan Hughes", "Police Officer", "Greater Manchester Police", "Greater Manchester Police", TRUE, QUORUM_ATTENDANCE_PRESENT },
    { "Ann Grey", "Head Teacher", "St Mary's Primary School", "St Mary's Primary School", TRUE, QUORUM_ATTENDANCE_PRESENT },
    { "Lisa Jones", "Mother", "Family", "Family", FALSE, QUORUM_ATTENDANCE_PRESENT },
    { "Dr Imran Khan", "GP", "Deane Medical Practice", "Deane Medical Practice", TRUE, QUORUM_ATTENDANCE_APOLOGIES },
    { "Jane Bell", "Housing Officer", "Bolton at Home", "Bolton at Home", TRUE, QUORUM_ATTENDANCE_PRESENT },
  };
  static const struct { const char *group; QuorumView view; guint categories; const char *reason; } votes[] = {
    { "Children's Social Care", QUORUM_VIEW_PLAN, QUORUM_CATEGORY_NEGLECT,
      "Chronic neglect: home conditions poor over six months, two missed medical appointments, the child often hungry at school." },
    { "Bolton NHS FT 0-19 Service", QUORUM_VIEW_NO_PLAN, 0,
      "Health see engaged parents; needs can be met under a child in need plan with health visiting support." },
    { "Greater Manchester Police", QUORUM_VIEW_PLAN, QUORUM_CATEGORY_NEGLECT | QUORUM_CATEGORY_EMOTIONAL,
      "Police attended twice for domestic incidents in the home; the child was present and distressed." },
    { "St Mary's Primary School", QUORUM_VIEW_NO_PLAN, 0,
      "School sees good attendance this term and a child who is clean, fed and settled; no plan needed." },
    { "Bolton at Home", QUORUM_VIEW_DECLINE, 0,
      "Housing has had no contact with the family since the tenancy began and cannot give a view." },
  };
  QuorumAttemptSpec attempt = {
    .proposal = "That Amelia becomes subject of a child protection plan under the category of neglect.",
    .summary = "Discussion of home conditions, missed health appointments and school attendance. Agencies did not agree on whether the threshold is met.",
    .views = "CSC and Police: plan. Health and school: no plan, support under child in need. Housing unsure.",
    .agreed = QUORUM_VIEW_NONE,
  };
  g_autoptr(QuorumOutcome) outcome = NULL;
  gint64 id;
  gint64 child;
  guint ends_checked = 0;

  NEED_POPPLER ();

  store = quorum_store_open (db, &error);
  g_assert_no_error (error);
  quorum_store_set_user (store, "Sam Patel");
  g_date_set_dmy (&spec.date, 1, 12, 2026);
  id = quorum_store_create_conference (store, &spec, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (attendees); i++)
    {
      g_assert_cmpint (quorum_store_add_attendee (store, id, &attendees[i], &error), >, 0);
      g_assert_no_error (error);
    }
  conference = quorum_store_load_conference (store, id, &error);
  g_assert_no_error (error);
  child = ((QuorumChild *) g_ptr_array_index (conference->children, 0))->id;
  g_clear_pointer (&conference, quorum_conference_free);
  attempt.child_id = child;
  g_assert_cmpint (quorum_store_add_attempt (store, id, &attempt, &error), >, 0);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (votes); i++)
    {
      QuorumVoteSpec vote = { .child_id = child, .group = votes[i].group, .view = votes[i].view,
                              .categories = votes[i].categories, .reason = votes[i].reason };

      g_assert_cmpint (quorum_store_record_vote (store, id, &vote, &error), >, 0);
      g_assert_no_error (error);
    }
  outcome = quorum_store_decide (store, id, child, QUORUM_VIEW_NONE, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (quorum_store_finalise (store, id, &error));
  g_assert_no_error (error);
  conference = quorum_store_load_conference (store, id, &error);
  g_assert_no_error (error);

  /* As they exported it: a login short enough for a one-line footer (a longer one wraps the
   * seal, and the footer's height moves every page's foot). */
  g_assert_true (quorum_export_pdf (conference, profile, "root", when, path, &error));
  g_assert_no_error (error);
  raw = pdftotext (path, "-layout");
  pages = g_strsplit (raw, "\f", -1);
  for (guint p = 0; pages[p] != NULL && pages[p + 1] != NULL && page_has_text (pages[p + 1]); p++)
    {
      g_autofree char *last = page_last_line (pages[p]);

      g_test_message ("page %u ends: %s", p + 1, last);
      for (guint i = 0; i < G_N_ELEMENTS (votes); i++)
        g_assert_false (last != NULL && g_str_has_prefix (last, votes[i].group) && strstr (last, ": ") != NULL);
      ends_checked++;
    }
  g_assert_cmpuint (ends_checked, >=, 2);

  g_clear_object (&store);
}

/* The text of a block as pdftotext gives it back, squashed. */
static gboolean
is_heading_block (const QuorumBlock *block)
{
  return block->kind == QUORUM_BLOCK_HEADING || block->kind == QUORUM_BLOCK_SUBHEADING ||
         (block->kind == QUORUM_BLOCK_PARAGRAPH && block->style == QUORUM_BLOCK_STYLE_STRONG);
}

/* Whether @line (a squashed line of a page) is @head or one of its wrapped lines. */
static gboolean
line_of (const char *line,
         const char *head)
{
  return g_strcmp0 (line, head) == 0 ||
         (strlen (line) >= 8 && (g_str_has_prefix (head, line) || g_str_has_suffix (head, line)));
}

/* Issue 10: "the PDF leaves a group's heading alone at the foot of a page". The police's reason
 * grows a few words at a time (not a sentence at a time, as above), so that every heading after
 * it, a dissenting group's above all, falls in turn on each of a page's last lines. A heading
 * (a group's name and view, and the line naming its representatives, which belongs to it) is
 * never the last text of a page: at least the first line of what it heads is on that page. */
static void
test_pdf_group_heading_keeps_with_its_reason (void)
{
  guint near_foot = 0;
  guint groups_near_foot = 0;

  NEED_POPPLER ();

  for (gsize length = 1800; length <= 5600; length += 37)
    {
      g_autofree char *text = long_reason (length);
      g_autoptr(QuorumConference) conference = NULL;
      g_autoptr(GDateTime) when = export_time ();
      g_autoptr(GPtrArray) leads = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *name = g_strdup_printf ("group-heading-%zu.pdf", length);
      g_autofree char *path = NULL;
      g_autofree char *raw = NULL;
      g_auto(GStrv) pages = NULL;
      QuorumProfile *profile = make_profile ();

      text[length] = '\0';   /* cut mid-sentence: the text grows by less than a line */
      conference = make_conference_with (FALSE, text);
      {
        g_autoptr(QuorumDocument) doc = _quorum_document_new (conference, profile, "Minnie Taker", when);

        for (guint i = 0; i < doc->blocks->len; i++)
          {
            const QuorumBlock *block = g_ptr_array_index (doc->blocks, i);
            const QuorumBlock *prev = i > 0 ? g_ptr_array_index (doc->blocks, i - 1) : NULL;
            const QuorumBlock *next = i + 1 < doc->blocks->len ? g_ptr_array_index (doc->blocks, i + 1) : NULL;

            if (is_heading_block (block))
              g_ptr_array_add (leads, squash (block->text));
            /* A dissenting group: its title, "Representatives: …", then its reason. */
            else if (prev != NULL && prev->kind == QUORUM_BLOCK_PARAGRAPH && prev->style == QUORUM_BLOCK_STYLE_STRONG &&
                     block->kind == QUORUM_BLOCK_PARAGRAPH && block->style == QUORUM_BLOCK_STYLE_BODY &&
                     next != NULL && next->kind == QUORUM_BLOCK_PARAGRAPH &&
                     (next->style == QUORUM_BLOCK_STYLE_QUOTE || next->style == QUORUM_BLOCK_STYLE_NOTE))
              {
                g_ptr_array_add (leads, squash (block->text));
                g_ptr_array_add (groups, squash (prev->text));
              }
          }
      }
      free_profile (profile);
      g_assert_cmpuint (groups->len, >=, 2);

      path = write_pdf (conference, name);
      raw = pdftotext (path, "-layout");
      pages = g_strsplit (raw, "\f", -1);

      for (guint p = 0; pages[p] != NULL && pages[p + 1] != NULL && page_has_text (pages[p + 1]); p++)
        {
          g_autofree char *body = strip_chrome (pages[p]);
          g_auto(GStrv) lines = g_strsplit (body, "\n", -1);
          g_autoptr(GPtrArray) text_lines = g_ptr_array_new_with_free_func (g_free);
          const char *last;

          for (guint l = 0; lines[l] != NULL; l++)
            {
              g_autofree char *line = squash (lines[l]);

              if (*line != '\0' && g_strcmp0 (line, "DRAFT") != 0 && !g_str_has_prefix (line, "Exported "))
                g_ptr_array_add (text_lines, g_steal_pointer (&line));
            }
          if (text_lines->len < 4)
            continue;

          last = g_ptr_array_index (text_lines, text_lines->len - 1);
          for (guint h = 0; h < leads->len; h++)
            if (line_of (last, g_ptr_array_index (leads, h)))
              g_error ("%s: page %u ends on “%s”: what it heads begins on page %u",
                       name, p + 1, (const char *) g_ptr_array_index (leads, h), p + 2);

          /* What the loop exercised: a heading in the last four lines, with its first lines. */
          for (guint l = text_lines->len - 4; l < text_lines->len - 1; l++)
            for (guint h = 0; h < leads->len; h++)
              if (line_of (g_ptr_array_index (text_lines, l), g_ptr_array_index (leads, h)))
                {
                  near_foot++;
                  for (guint g = 0; g < groups->len; g++)
                    if (line_of (g_ptr_array_index (text_lines, l), g_ptr_array_index (groups, g)))
                      groups_near_foot++;
                }
        }
    }

  g_test_message ("%u headings among a page's last four lines, %u of them a group's", near_foot, groups_near_foot);
  g_assert_cmpuint (near_foot, >, 20);
  g_assert_cmpuint (groups_near_foot, >, 5);
}

/* The text of page @page of the PDF at @path, in reading order (pdftotext -raw). */
static char *
pdf_page_text (const char *path,
               int         page)
{
  g_autofree char *number = g_strdup_printf ("%d", page);
  const char *argv[] = { "pdftotext", "-raw", "-f", number, "-l", number, "-enc", "UTF-8", path, "-", NULL };

  return run (argv);
}

/* The number of pages of @conference's PDF, from the record's own layout pass. */
static int
record_pages (const QuorumConference *conference)
{
  g_autoptr(QuorumRecord) record = NULL;
  g_autoptr(GDateTime) when = export_time ();
  QuorumProfile *profile = make_profile ();
  cairo_surface_t *surface = cairo_pdf_surface_create (NULL, QUORUM_RECORD_A4_WIDTH, QUORUM_RECORD_A4_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = quorum_record_create_pdf_context (cr);
  int n_pages;

  record = quorum_record_new (conference, profile, "Minnie Taker", when);
  quorum_record_paginate (record, context, QUORUM_RECORD_A4_WIDTH, QUORUM_RECORD_A4_HEIGHT);
  n_pages = quorum_record_get_n_pages (record);

  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  free_profile (profile);

  return n_pages;
}

static QuorumConference *
make_sealed_conference (gsize length)
{
  g_autofree char *text = long_reason (length);
  QuorumConference *conference;
  QuorumAmendment *amendment;

  text[length] = '\0';   /* cut mid-sentence: the text grows by less than a line */
  conference = make_conference_with (TRUE, NULL);
  conference->seal = g_strdup ("412-3f9a2-c81d0-e477a-b21c0");
  /* The amendment's reason, the record's last words before its closing lines. */
  amendment = g_ptr_array_index (conference->amendments, 0);
  g_free (amendment->reason);
  amendment->reason = g_steal_pointer (&text);

  return conference;
}

/* A minute-taker's signed-off record ended on a page holding only the seal's sentence ("Seal
 * …: “quorum-cli verify --seal …” proves …"). The police's reason grows by less than a line at
 * a time; where the record gains a page (found by its own layout pass), its closing lines (who
 * exported it, then the seal) are the first to go over the break: read back from the PDF, the
 * last page holds some of the record besides them, and both of them, whole, once. */
static void
test_pdf_seal_never_alone (void)
{
  guint breaks = 0;
  int pages_before = 0;

  NEED_POPPLER ();

  for (gsize length = 80; length <= 8000 && breaks < 2; length += 80)
    {
      g_autoptr(QuorumConference) conference = make_sealed_conference (length);
      g_autoptr(GDateTime) when = export_time ();
      g_autoptr(GPtrArray) closing = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *footer = NULL;
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;
      g_autofree char *raw = NULL;
      g_autofree char *body = NULL;
      g_autofree char *rest = NULL;
      QuorumProfile *profile;
      int n_pages = record_pages (conference);

      /* The record just gained a page: what went over is what ends it. */
      if (pages_before == 0 || n_pages == pages_before)
        {
          pages_before = n_pages;
          continue;
        }
      pages_before = n_pages;
      breaks++;

      profile = make_profile ();
      {
        g_autoptr(QuorumDocument) doc = _quorum_document_new (conference, profile, "Minnie Taker", when);
        const QuorumBlock *last = g_ptr_array_index (doc->blocks, doc->blocks->len - 1);

        /* The seal's sentence is the record's last. */
        g_assert_nonnull (strstr (last->text, "quorum-cli verify --seal 412-3f9a2-c81d0-e477a-b21c0"));
        for (guint i = 0; i < doc->blocks->len; i++)
          {
            const QuorumBlock *block = g_ptr_array_index (doc->blocks, i);

            if (block->kind == QUORUM_BLOCK_PARAGRAPH && block->closing)
              g_ptr_array_add (closing, squash (block->text));
          }
        footer = squash (doc->footer);
      }
      free_profile (profile);
      g_assert_cmpuint (closing->len, ==, 2);

      name = g_strdup_printf ("seal-%zu.pdf", length);
      path = write_pdf (conference, name);
      g_assert_cmpint (pdf_pages (path), ==, n_pages);
      raw = pdf_page_text (path, n_pages);
      {
        g_autofree char *stripped = strip_chrome (raw);

        body = squash (stripped);
      }

      /* The last page without its closing lines (those it holds) and its footer: some of the
       * record is left. */
      rest = g_strdup (body);
      for (guint i = 0; i < closing->len; i++)
        {
          const char *line = g_ptr_array_index (closing, i);
          char *at = strstr (rest, line);

          if (at != NULL)
            memmove (at, at + strlen (line), strlen (at + strlen (line)) + 1);
        }
      {
        char *at = strstr (rest, footer);

        g_assert_nonnull (at);
        memmove (at, at + strlen (footer), strlen (at + strlen (footer)) + 1);
        g_strstrip (rest);
      }
      g_test_message ("%s: %d pages, the last holds “%s” and the closing lines", name, n_pages, rest);
      if (*rest == '\0')
        g_error ("%s: page %d of %d holds only the record's closing lines:\n%s", name, n_pages, n_pages, body);

      /* And both closing lines, whole, once each: who exported it, then the seal. */
      for (guint i = 0; i < closing->len; i++)
        {
          const char *line = g_ptr_array_index (closing, i);
          const char *at = strstr (body, line);

          if (at == NULL)
            g_error ("%s: the last page lacks “%s”:\n%s", name, line, body);
          g_assert_null (strstr (at + strlen (line), line));
        }
    }

  /* The loop crossed a page break at the record's end: it tested something. */
  g_assert_cmpuint (breaks, ==, 2);
}

static void
test_pdf_short_is_one_page (void)
{
  g_autoptr(QuorumConference) conference = NULL;
  g_autofree char *path = NULL;
  g_autofree char *raw = NULL;

  NEED_POPPLER ();

  conference = make_short_conference ();
  path = write_pdf (conference, "consensus-draft.pdf");
  g_assert_cmpint (pdf_pages (path), ==, 1);

  raw = pdftotext (path, "-layout");
  g_assert_nonnull (strstr (raw, "Page 1 of 1"));
  g_assert_nonnull (strstr (raw, "DRAFT"));
  /* A consensus is said as such: no dissent, and no tally beside it (DOMAIN "Reaching a decision" 6). */
  g_assert_nonnull (strstr (raw, "Every group agreed: a consensus has no dissent."));
  g_assert_null (strstr (raw, "Tally"));
  g_assert_nonnull (strstr (raw, "All agreed the plan can end."));
}

static void
test_pdf_finalised_pages_have_no_draft (void)
{
  g_autoptr(QuorumConference) conference = NULL;
  g_autofree char *path = NULL;
  g_autofree char *raw = NULL;
  g_auto(GStrv) pages = NULL;
  int n_pages;

  NEED_POPPLER ();

  conference = make_conference (TRUE, 20000);
  path = write_pdf (conference, "long-reason-final.pdf");
  n_pages = pdf_pages (path);
  g_assert_cmpint (n_pages, >=, 3);
  raw = pdftotext (path, "-layout");
  g_assert_null (strstr (raw, "DRAFT"));

  pages = g_strsplit (raw, "\f", -1);
  for (int i = 0; i < n_pages; i++)
    {
      g_autofree char *footer = g_strdup_printf ("Page %d of %d", i + 1, n_pages);
      g_assert_nonnull (strstr (pages[i], footer));
    }
}

/* A file that cannot be written leaves nothing behind, and the error says storage. */
static void
test_write_failure_leaves_nothing (void)
{
  g_autoptr(QuorumConference) conference = make_conference (FALSE, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (tmpdir, "no-such-dir", NULL);
  g_autofree char *path = g_build_filename (dir, "x.pdf", NULL);
  g_autofree char *ok = g_build_filename (tmpdir, "replaced.txt", NULL);
  g_autofree char *contents = NULL;

  g_assert_false (quorum_export_conference (conference, NULL, QUORUM_EXPORT_PDF, NULL, NULL,
                                            path, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* An existing file is replaced whole. */
  g_assert_true (g_file_set_contents (ok, "old", -1, NULL));
  g_assert_true (quorum_export_conference (conference, NULL, QUORUM_EXPORT_TEXT, NULL, NULL,
                                           ok, NULL));
  g_assert_true (g_file_get_contents (ok, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "Record of decision and dissent"));
}

static char *amendment_ids (const char *cell);

/* ---- CSV ---- */

static JsonNode *
parse_csv_with_python (const char *path)
{
  const char *script =
    "import csv, json, sys\n"
    "with open(sys.argv[1], newline='', encoding='utf-8') as f:\n"
    "    rows = list(csv.reader(f, strict=True))\n"
    "print(json.dumps(rows))\n";
  const char *argv[] = { "python3", "-c", script, path, NULL };
  g_autofree char *out = run (argv);
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (out, &error);

  g_assert_no_error (error);
  return node;
}

/* @csv parsed by Python's csv module, as parse_csv_with_python () a file. */
static JsonNode *
parse_csv_string (const char *csv)
{
  g_autofree char *path = g_build_filename (tmpdir, "parsed.csv", NULL);

  g_assert_true (g_file_set_contents (path, csv, -1, NULL));
  return parse_csv_with_python (path);
}

/* The place of the column @name in @header; fails when there is none. */
static guint
column_index (JsonArray  *header,
              const char *name)
{
  for (guint h = 0; h < json_array_get_length (header); h++)
    if (g_strcmp0 (json_array_get_string_element (header, h), name) == 0)
      return h;
  g_error ("no column %s", name);
}

static void
test_csv_round_trip (void)
{
  g_autoptr(QuorumConference) conference = make_conference (TRUE, 0);
  g_autoptr(JsonNode) parsed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmpdir, "split.csv", NULL);
  g_autofree char *raw = NULL;
  g_autoptr(GDateTime) when = export_time ();
  const char *expected_header[] = {
    "conference", "conference_date", "child_id", "child", "group", "view", "categories",
    "representatives", "reason", "members_disagreed", "decision_outcome", "decision_basis",
    "dissent", "superseded", "representative_positions", "amendments", "decision_categories",
    "chair_reason", "original_values", "referral_id", "referral_due", "referral_due_working",
    "referral_notified", "referral_sent_late", "referral_overdue", "referral_panel_due",
    "referral_panel_due_working", "referral_panel_date", "referral_heard_late", "referral_outcome",
    "exported_by", "exported_at",
  };
  JsonArray *rows;
  JsonArray *header;
  guint r = 1;

  if (!have_program ("python3"))
    {
      g_test_skip ("python3 not installed");
      return;
    }

  g_assert_true (quorum_export_conference (conference, NULL, QUORUM_EXPORT_CSV, "Minnie Taker", when,
                                           path, &error));
  g_assert_no_error (error);

  /* RFC 4180: CRLF after every record, the header's included. */
  g_assert_true (g_file_get_contents (path, &raw, NULL, NULL));
  g_assert_true (g_str_has_prefix (raw, "conference,conference_date,child_id,"));
  g_assert_true (g_str_has_suffix (raw, "\r\n"));
  g_assert_nonnull (strstr (raw, "dissent,superseded,representative_positions,amendments,decision_categories,"
                                 "chair_reason,original_values,referral_id,referral_due,referral_due_working,"
                                 "referral_notified,referral_sent_late,referral_overdue,referral_panel_due,"
                                 "referral_panel_due_working,referral_panel_date,referral_heard_late,referral_outcome,exported_by,"
                                 "exported_at\r\n"));

  parsed = parse_csv_with_python (path);
  rows = json_node_get_array (parsed);
  /* The header, then one row per group's view per child (CLI.md), and no other. */
  g_assert_cmpuint (json_array_get_length (rows), ==, 1 + conference->votes->len);

  header = json_array_get_array_element (rows, 0);
  g_assert_cmpuint (json_array_get_length (header), ==, G_N_ELEMENTS (expected_header));
  for (guint i = 0; i < G_N_ELEMENTS (expected_header); i++)
    g_assert_cmpstr (json_array_get_string_element (header, i), ==, expected_header[i]);

  /* Row by row, the votes of each child in the children's order. */
  for (guint c = 0; c < conference->children->len; c++)
    {
      QuorumChild *child = g_ptr_array_index (conference->children, c);
      QuorumDecision *decision = quorum_conference_find_decision (conference, child->id);

      for (guint v = 0; v < conference->votes->len; v++)
        {
          QuorumVote *vote = g_ptr_array_index (conference->votes, v);
          JsonArray *row;
          g_auto(GStrv) members = NULL;
          g_autofree char *representatives = NULL;
          g_autofree char *categories = NULL;
          g_autofree char *child_id = NULL;
          gboolean dissents = FALSE;

          if (vote->child_id != child->id)
            continue;

          row = json_array_get_array_element (rows, r++);
          members = quorum_conference_group_members (conference, vote->group);
          representatives = g_strjoinv ("; ", members);
          categories = quorum_categories_to_string (vote->categories);
          child_id = g_strdup_printf ("%" G_GINT64_FORMAT, child->id);
          for (guint d = 0; d < decision->dissent->len; d++)
            dissents |= quorum_group_equal (((QuorumDissent *) g_ptr_array_index (decision->dissent, d))->group,
                                            vote->group);

          g_assert_cmpuint (json_array_get_length (row), ==, G_N_ELEMENTS (expected_header));
          g_assert_cmpstr (json_array_get_string_element (row, 0), ==, "7");
          g_assert_cmpstr (json_array_get_string_element (row, 1), ==, "2026-11-20");
          g_assert_cmpstr (json_array_get_string_element (row, 2), ==, child_id);
          g_assert_cmpstr (json_array_get_string_element (row, 3), ==, child->name);
          g_assert_cmpstr (json_array_get_string_element (row, 4), ==, vote->group);
          g_assert_cmpstr (json_array_get_string_element (row, 5), ==, quorum_view_to_string (vote->view));
          g_assert_cmpstr (json_array_get_string_element (row, 6), ==, categories);
          g_assert_cmpstr (json_array_get_string_element (row, 7), ==, representatives);
          g_assert_cmpstr (json_array_get_string_element (row, 8), ==, vote->reason != NULL ? vote->reason : "");
          g_assert_cmpstr (json_array_get_string_element (row, 9), ==, vote->members_disagreed ? "yes" : "no");
          g_assert_cmpstr (json_array_get_string_element (row, 10), ==, quorum_view_to_string (decision->outcome));
          g_assert_cmpstr (json_array_get_string_element (row, 11), ==, quorum_basis_to_string (decision->basis));
          g_assert_cmpstr (json_array_get_string_element (row, 12), ==, dissents ? "yes" : "no");
          g_assert_cmpstr (json_array_get_string_element (row, 13), ==, vote->superseded ? "yes" : "no");
          /* No group here whose representatives could not agree: no own positions. */
          g_assert_cmpstr (json_array_get_string_element (row, 14), ==, "");
          /* The one amendment, on the row of the vote it corrected only. */
          {
            g_autofree char *ids = amendment_ids (json_array_get_string_element (row, 15));

            g_assert_cmpstr (ids, ==, vote->id == 19 ? "61" : "");
          }
          /* The decision's categories, every one that applies (Amy's: neglect and emotional
           * abuse), in the record's words, on each of the child's rows. */
          g_assert_cmpstr (json_array_get_string_element (row, 16), ==,
                           child->id == 1 ? "neglect; emotional" : "emotional");
          /* No chair's decision here (a split): no chair's reasons. */
          g_assert_cmpstr (json_array_get_string_element (row, 17), ==, "");
          /* No value corrected here (the amendment is in words): no originals. */
          g_assert_cmpstr (json_array_get_string_element (row, 18), ==, "");
          /* The split's referral (Amy's, 41) on each of her rows, as the JSON's "referrals":
           * sent on 23 November, after the export's day (21 November), so not yet sent then and
           * not overdue (due 27 November). None on her brother's rows. */
          {
            const char *amy[] = { "41", "2026-11-27", "", "2026-11-23", "no", "no", "2026-12-21", "", "", "no", "" };

            for (guint k = 0; k < G_N_ELEMENTS (amy); k++)
              g_assert_cmpstr (json_array_get_string_element (row, 19 + k), ==, child->id == 1 ? amy[k] : "");
          }
          /* Who exported it and when, the same on every row; the time in UTC. */
          g_assert_cmpstr (json_array_get_string_element (row, 30), ==, "Minnie Taker");
          g_assert_cmpstr (json_array_get_string_element (row, 31), ==, "2026-11-21T14:05:00.000000Z");
        }
    }
  g_assert_cmpuint (r, ==, json_array_get_length (rows));

  /* Before a child's decision, its rows have no decision's categories: an empty cell. */
  g_ptr_array_remove_index (conference->decisions, 1);
  g_assert_true (quorum_export_conference (conference, NULL, QUORUM_EXPORT_CSV, "Minnie Taker", when,
                                           path, &error));
  g_assert_no_error (error);
  g_clear_pointer (&parsed, json_node_unref);
  parsed = parse_csv_with_python (path);
  rows = json_node_get_array (parsed);
  for (r = 1; r < json_array_get_length (rows); r++)
    {
      JsonArray *row = json_array_get_array_element (rows, r);
      gboolean decided = g_str_equal (json_array_get_string_element (row, 2), "1");

      g_assert_cmpstr (json_array_get_string_element (row, 10), ==, decided ? "plan" : "");
      g_assert_cmpstr (json_array_get_string_element (row, 16), ==, decided ? "neglect; emotional" : "");
    }
}

static void
test_csv_escape (void)
{
  struct { const char *in; const char *out; } cases[] = {
    { "plain", "plain" },
    { "", "" },
    { "a,b", "\"a,b\"" },
    { "say \"no\"", "\"say \"\"no\"\"\"" },
    { "line\nbreak", "\"line\nbreak\"" },
    { "cr\rhere", "\"cr\rhere\"" },
    { "Łódź ŵ 王", "Łódź ŵ 王" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = quorum_csv_escape (cases[i].in);
      g_assert_cmpstr (got, ==, cases[i].out);
    }
}

/* ---- JSON ---- */

static void
test_json_conference (void)
{
  g_autoptr(QuorumConference) conference = make_conference (TRUE, 0);
  g_autoptr(JsonNode) node = quorum_json_conference (conference, NULL);
  JsonObject *root = json_node_get_object (node);
  const char *keys[] = {
    "id", "kind", "date", "time", "venue", "chair", "minute_taker", "case_ref", "profile",
    "profile_name", "rule", "created_at", "created_by", "finalised", "finalised_at",
    "finalised_by", "inquorate_reason", "children", "attendees", "attempts", "votes",
    "decisions", "plans", "referrals", "amendments",
  };
  JsonArray *array;
  JsonObject *object;
  JsonObject *decision;

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_true (json_object_has_member (root, keys[i]));

  g_assert_cmpint (json_object_get_int_member (root, "id"), ==, 7);
  g_assert_cmpstr (json_object_get_string_member (root, "kind"), ==, "initial");
  g_assert_cmpstr (json_object_get_string_member (root, "date"), ==, "2026-11-20");
  g_assert_cmpstr (json_object_get_string_member (root, "chair"), ==, conference->chair);
  g_assert_cmpstr (json_object_get_string_member (root, "profile"), ==, "bolton");
  g_assert_true (json_object_get_null_member (root, "profile_name"));
  g_assert_true (json_object_get_null_member (root, "inquorate_reason"));
  g_assert_true (json_object_get_boolean_member (root, "finalised"));

  array = json_object_get_array_member (root, "children");
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 1), "name"),
                   ==, names_welsh);

  array = json_object_get_array_member (root, "attendees");
  g_assert_cmpuint (json_array_get_length (array), ==, conference->attendees->len);
  object = json_array_get_object_element (array, 1);
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, names_urdu);
  g_assert_cmpstr (json_object_get_string_member (object, "attendance"), ==, "present");
  g_assert_true (json_object_get_boolean_member (object, "voting"));
  object = json_array_get_object_element (array, 6);
  g_assert_false (json_object_get_boolean_member (object, "voting"));
  g_assert_true (json_object_get_null_member (object, "line_management"));

  array = json_object_get_array_member (root, "votes");
  g_assert_cmpuint (json_array_get_length (array), ==, conference->votes->len);
  for (guint i = 0; i < conference->votes->len; i++)
    {
      QuorumVote *vote = g_ptr_array_index (conference->votes, i);
      JsonArray *reps;
      JsonArray *cats;
      g_auto(GStrv) members = quorum_conference_group_members (conference, vote->group);
      g_autofree char *categories = quorum_categories_to_string (vote->categories);
      g_auto(GStrv) words = g_strsplit (categories, ",", -1);

      object = json_array_get_object_element (array, i);
      g_assert_cmpint (json_object_get_int_member (object, "id"), ==, vote->id);
      g_assert_cmpint (json_object_get_int_member (object, "child"), ==, vote->child_id);
      g_assert_cmpstr (json_object_get_string_member (object, "group"), ==, vote->group);
      g_assert_cmpstr (json_object_get_string_member (object, "view"), ==, quorum_view_to_string (vote->view));
      g_assert_cmpstr (json_object_get_string_member_with_default (object, "reason", NULL), ==, vote->reason);
      g_assert_cmpint (json_object_get_boolean_member (object, "members_disagreed"), ==, vote->members_disagreed);

      reps = json_object_get_array_member (object, "representatives");
      g_assert_cmpuint (json_array_get_length (reps), ==, g_strv_length (members));
      for (guint m = 0; members[m] != NULL; m++)
        g_assert_cmpstr (json_array_get_string_element (reps, m), ==, members[m]);

      cats = json_object_get_array_member (object, "categories");
      g_assert_cmpuint (json_array_get_length (cats), ==, *categories != '\0' ? g_strv_length (words) : 0);
      for (guint k = 0; k < json_array_get_length (cats); k++)
        g_assert_cmpstr (json_array_get_string_element (cats, k), ==, words[k]);
    }

  /* The split decision: the shape of decide --json. */
  array = json_object_get_array_member (root, "decisions");
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  decision = json_array_get_object_element (array, 0);
  g_assert_cmpint (json_object_get_int_member (decision, "child"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (decision, "outcome"), ==, "plan");
  g_assert_cmpstr (json_object_get_string_member (decision, "basis"), ==, "split");
  object = json_object_get_object_member (decision, "tally");
  g_assert_cmpint (json_object_get_int_member (object, "plan"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (object, "no-plan"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (object, "declined"), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (decision, "dissent")), ==, 2);
  object = json_array_get_object_element (json_object_get_array_member (decision, "dissent"), 0);
  g_assert_cmpstr (json_object_get_string_member (object, "group"), ==, "Greater Manchester Police");
  g_assert_cmpstr (json_object_get_string_member (object, "view"), ==, "no-plan");
  g_assert_cmpstr (json_object_get_string_member (object, "reason"), ==, police_reason);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (object, "representatives"), 0),
                   ==, names_polish);
  object = json_object_get_object_member (decision, "plan");
  g_assert_cmpint (json_object_get_int_member (object, "id"), ==, 31);
  g_assert_true (json_object_get_boolean_member (object, "from_split"));
  g_assert_cmpstr (json_object_get_string_member (object, "start"), ==, "2026-11-20");
  object = json_object_get_object_member (decision, "referral");
  g_assert_cmpint (json_object_get_int_member (object, "id"), ==, 41);
  g_assert_cmpstr (json_object_get_string_member (object, "due"), ==, "2026-11-27");
  g_assert_cmpstr (json_object_get_string_member (object, "notified"), ==, "2026-11-23");
  g_assert_cmpstr (json_object_get_string_member (object, "panel_due"), ==, "2026-12-21");

  /* The majority decision: a plan, no referral. */
  decision = json_array_get_object_element (array, 1);
  g_assert_cmpstr (json_object_get_string_member (decision, "basis"), ==, "majority");
  g_assert_true (json_object_get_null_member (decision, "referral"));
  g_assert_false (json_object_get_boolean_member (json_object_get_object_member (decision, "plan"),
                                                  "from_split"));

  array = json_object_get_array_member (root, "referrals");
  object = json_array_get_object_element (array, 0);
  g_assert_cmpint (json_object_get_int_member (object, "conference"), ==, 7);
  g_assert_true (json_object_get_null_member (object, "panel_date"));
  g_assert_true (json_object_get_null_member (object, "outcome"));

  array = json_object_get_array_member (root, "amendments");
  object = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "record"), ==, "vote:19");
  g_assert_cmpstr (json_object_get_string_member (object, "old_value"), ==, "The school sees a settled child.");
}

static void
test_json_decision_no_plan (void)
{
  g_autoptr(QuorumConference) conference = make_short_conference ();
  g_autoptr(JsonNode) node = quorum_json_decision (conference, g_ptr_array_index (conference->decisions, 0));
  JsonObject *object = json_node_get_object (node);
  const char *keys[] = { "child", "outcome", "basis", "categories", "tally", "dissent", "plan",
                         "referral", "decided_at", "decided_by" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_true (json_object_has_member (object, keys[i]));
  g_assert_cmpstr (json_object_get_string_member (object, "outcome"), ==, "no-plan");
  g_assert_cmpstr (json_object_get_string_member (object, "basis"), ==, "consensus");
  g_assert_true (json_object_get_null_member (object, "plan"));
  g_assert_true (json_object_get_null_member (object, "referral"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "dissent")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "categories")), ==, 0);
}

/* The JSON file is the same document as quorum_json_conference, with who exported it and
 * when: two keys more, and nothing else different. */
static void
test_json_file (void)
{
  g_autoptr(QuorumConference) conference = make_conference (FALSE, 0);
  g_autoptr(JsonNode) expected = quorum_json_conference (conference, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) east = g_time_zone_new_offset (3600);
  g_autoptr(GDateTime) when = g_date_time_new (east, 2026, 11, 21, 15, 5, 0);
  g_autofree char *path = g_build_filename (tmpdir, "split.json", NULL);
  JsonObject *root;

  g_assert_true (quorum_export_conference (conference, NULL, QUORUM_EXPORT_JSON, "Minnie Taker", when,
                                           path, &error));
  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));

  g_assert_cmpuint (json_object_get_size (root), ==,
                    json_object_get_size (json_node_get_object (expected)) + 2);
  g_assert_cmpstr (json_object_get_string_member (root, "exported_by"), ==, "Minnie Taker");
  /* An hour east of Greenwich, written as UTC. */
  g_assert_cmpstr (json_object_get_string_member (root, "exported_at"), ==, "2026-11-21T14:05:00.000000Z");

  json_object_remove_member (root, "exported_by");
  json_object_remove_member (root, "exported_at");
  /* Lateness is said as of a day: `conference show` today's, the export its own (export4). The
   * rest is the same document. */
  {
    JsonObject *shown = json_node_get_object (expected);
    JsonObject *referral = json_array_get_object_element (json_object_get_array_member (root, "referrals"), 0);
    const char *keys[] = { "overdue", "overdue_as_of" };

    g_assert_cmpstr (json_object_get_string_member (referral, "overdue_as_of"), ==, "2026-11-21");
    for (guint r = 0; r < 2; r++)
      {
        JsonObject *each = r == 0 ? root : shown;
        JsonArray *referrals = json_object_get_array_member (each, "referrals");
        JsonArray *decisions = json_object_get_array_member (each, "decisions");

        for (guint i = 0; i < json_array_get_length (referrals); i++)
          for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
            json_object_remove_member (json_array_get_object_element (referrals, i), keys[k]);
        for (guint i = 0; i < json_array_get_length (decisions); i++)
          {
            JsonNode *node = json_object_get_member (json_array_get_object_element (decisions, i), "referral");

            for (guint k = 0; JSON_NODE_HOLDS_OBJECT (node) && k < G_N_ELEMENTS (keys); k++)
              json_object_remove_member (json_node_get_object (node), keys[k]);
          }
      }
  }
  g_assert_true (json_node_equal (expected, json_parser_get_root (parser)));

  /* Unset, they are the OS user and now. */
  {
    g_autoptr(JsonNode) record = quorum_json_dissent_record (conference, NULL, NULL, NULL);
    g_autoptr(GDateTime) at = NULL;
    g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

    root = json_node_get_object (record);
    g_assert_true (json_object_get_null_member (root, "exported_by"));
    at = g_date_time_new_from_iso8601 (json_object_get_string_member (root, "exported_at"), utc);
    g_assert_nonnull (at);
    g_assert_true (g_str_has_suffix (json_object_get_string_member (root, "exported_at"), "Z"));
    g_assert_cmpint (ABS (g_date_time_difference (now, at)), <, 60 * G_TIME_SPAN_SECOND);
  }
}

/* ---- text ---- */

static void
test_text (void)
{
  g_autoptr(QuorumConference) conference = make_conference (FALSE, 0);
  g_autoptr(GDateTime) when = export_time ();
  g_autofree char *text = quorum_export_text_string (conference, NULL, "Minnie Taker", when);
  g_autofree char *squashed = squash (text);
  const char *from = squashed;

  g_assert_true (g_utf8_validate (text, -1, NULL));
  assert_in_order (squashed, "Record of decision and dissent (DRAFT)", &from);
  assert_in_order (squashed, "Child: Amy Smith", &from);
  /* Table cells wrap at their column's width: the views and names, which fit, in order. */
  assert_in_order (squashed, "Plan Neglect, Emotional abuse Sam Social", &from);
  assert_in_order (squashed, "Plan Neglect", &from);
  assert_in_order (squashed, "Greater Manchester Police No plan", &from);
  assert_in_order (squashed, "Dissents", &from);
  assert_in_order (squashed, "St Mary's Primary School No plan", &from);
  assert_in_order (squashed, "Dissents", &from);
  assert_in_order (squashed, "Probation Service North West Declined Priya Probation", &from);
  assert_in_order (squashed, "Greater Manchester Police: No plan", &from);
  assert_in_order (squashed, police_reason, &from);
  assert_in_order (squashed, "Reasons of the other groups", &from);
  assert_in_order (squashed, health_reason, &from);
  assert_in_order (squashed, names_welsh, &from);
  assert_in_order (squashed, "Exported 21 November 2026", &from);

  /* The table reads as columns: the header's columns start where the rows' do. */
  {
    const char *header = strstr (text, "  Line-management group");
    const char *rule;
    g_assert_nonnull (header);
    rule = strchr (header, '\n') + 1;
    g_assert_true (g_str_has_prefix (rule, "  ----"));
  }
  g_assert_nonnull (strstr (text, names_chinese));
  g_assert_nonnull (strstr (text, names_urdu));
  g_assert_nonnull (strstr (text, "😟"));
}

/* ---- representatives who could not agree (DOMAIN "Reaching a decision" 2, 3 and 6) ---- */

static const char *bucks_group = "Bucks Healthcare NHS Trust";
static const char *bucks_group_reason =
  "On balance the trust's view is that a child in need plan will do.";
static const char *bucks_group_amended =
  "On balance the trust's view is that a child in need plan will do, with weekly health visits.";
static const char *helen_reason =
  "Growth has faltered since the spring and the health visitor has twice found no food in the house.";
static const char *ann_reason =
  "School health reviews show a child who is growing and attending; the family asks for help.";

/* The trust's two representatives could not agree: Helen Ford holds the outcome's view (plan),
 * Ann Gray does not; the group settled on @group_view with its own reason. The decision's
 * dissent is what the rules build from that (src/core/quorum-decision.c, add_member_dissent):
 * only Ann Gray, in her own words. @amended: signed off, and an amendment corrected the group's
 * reason afterwards. */
static QuorumConference *
make_could_not_agree_conference (QuorumView group_view,
                                 gboolean   amended)
{
  QuorumConference *conference = quorum_conference_new ();
  QuorumDecision *decision = g_new0 (QuorumDecision, 1);
  QuorumAttempt *attempt = g_new0 (QuorumAttempt, 1);
  QuorumDissent *dissent = g_new0 (QuorumDissent, 1);
  const char *helen_ann[] = { "Helen Ford", "Ann Gray" };
  const QuorumView own[] = { QUORUM_VIEW_PLAN, QUORUM_VIEW_NO_PLAN };
  const char *own_reasons[] = { helen_reason, ann_reason };
  QuorumVote *trust;

  conference->id = 9;
  conference->kind = QUORUM_KIND_INITIAL;
  g_date_set_dmy (&conference->date, 20, G_DATE_NOVEMBER, 2026);
  conference->chair = g_strdup ("Chris Chair");
  conference->profile_id = g_strdup ("bolton");
  g_ptr_array_add (conference->children, child_new (4, "Cara Cole"));
  add_attendee (conference, 21, "Sam Social", "Social worker", "Children's Social Care",
                "Children's Social Care", TRUE);
  add_attendee (conference, 22, "Pat Police", "Detective constable", "Thames Valley Police",
                "Thames Valley Police", TRUE);
  add_attendee (conference, 23, "Helen Ford", "Health visitor", bucks_group, bucks_group, TRUE);
  add_attendee (conference, 24, "Ann Gray", "School nurse", bucks_group, bucks_group, TRUE);

  attempt->id = 71;
  attempt->child_id = 4;
  attempt->round = 1;
  attempt->summary = g_strdup ("Social care and police supported a plan; the trust was divided.");
  attempt->agreed = QUORUM_VIEW_NONE;
  attempt->recorded_at = g_strdup ("2026-11-20T10:20:00.000000Z");
  g_ptr_array_add (conference->attempts, attempt);

  add_vote (conference, 81, 4, "Children's Social Care", QUORUM_VIEW_PLAN, QUORUM_CATEGORY_NEGLECT,
            "Neglect is chronic.");
  add_vote (conference, 82, 4, "Thames Valley Police", QUORUM_VIEW_PLAN, QUORUM_CATEGORY_NEGLECT,
            "Police share social care's concern.");
  trust = add_vote (conference, 83, 4, bucks_group, group_view,
                    group_view == QUORUM_VIEW_PLAN ? QUORUM_CATEGORY_NEGLECT : 0, bucks_group_reason);
  trust->members_disagreed = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (helen_ann); i++)
    {
      QuorumMemberView *m = g_new0 (QuorumMemberView, 1);

      m->id = 91 + i;
      m->child_id = 4;
      m->attendee_id = 23 + i;
      m->name = g_strdup (helen_ann[i]);
      m->group = g_strdup (bucks_group);
      m->view = own[i];
      m->categories = own[i] == QUORUM_VIEW_PLAN ? QUORUM_CATEGORY_NEGLECT : 0;
      m->reason = g_strdup (own_reasons[i]);
      m->recorded_at = g_strdup ("2026-11-20T10:40:00.000000Z");
      g_ptr_array_add (conference->member_views, m);
    }

  decision->id = 101;
  decision->child_id = 4;
  decision->outcome = QUORUM_VIEW_PLAN;
  decision->basis = QUORUM_BASIS_MAJORITY;
  decision->categories = QUORUM_CATEGORY_NEGLECT;
  decision->n_plan = group_view == QUORUM_VIEW_PLAN ? 3 : 2;
  decision->n_no_plan = group_view == QUORUM_VIEW_PLAN ? 0 : 1;
  decision->decided_at = g_strdup ("2026-11-20T11:00:00.000000Z");
  decision->decided_by = g_strdup ("Chris Chair");
  decision->dissent = g_ptr_array_new_with_free_func ((GDestroyNotify) quorum_dissent_free);
  dissent->group = g_strdup (bucks_group);
  dissent->view = QUORUM_VIEW_NO_PLAN;
  dissent->representatives = g_strsplit ("Ann Gray", "\n", -1);
  dissent->reason = g_strdup (ann_reason);
  g_ptr_array_add (decision->dissent, dissent);
  g_ptr_array_add (conference->decisions, decision);

  if (amended)
    {
      QuorumAmendment *amendment = g_new0 (QuorumAmendment, 1);

      conference->finalised_at = g_strdup ("2026-11-20T12:00:00.000000Z");
      conference->finalised_by = g_strdup ("Chris Chair");
      amendment->id = 111;
      amendment->at = g_strdup ("2026-11-21T09:00:00.000000Z");
      amendment->by = g_strdup ("Chris Chair");
      amendment->reason = g_strdup ("The trust's reason was minuted incompletely.");
      amendment->change = g_strdup ("The trust's reason corrected");
      amendment->record = g_strdup ("vote:83");
      amendment->field = g_strdup ("reason");
      amendment->old_value = g_strdup (bucks_group_reason);
      amendment->new_value = g_strdup (bucks_group_amended);
      g_ptr_array_add (conference->amendments, amendment);
    }

  return conference;
}

/* The dissent section of a record's text, squashed: from its heading (a line of its own) to the
 * next section's. */
static char *
dissent_section (const char *text)
{
  g_autoptr(GRegex) heading = g_regex_new ("^\\s*Dissent\\s*$", G_REGEX_MULTILINE, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  const char *ends[] = { "Reasons of the other groups", "Superseded views", "Consensus attempts" };
  const char *start;
  const char *end = NULL;
  int at;

  g_assert_true (g_regex_match (heading, text, 0, &match));
  g_assert_true (g_match_info_fetch_pos (match, 0, NULL, &at));
  start = text + at;
  for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
    {
      const char *found = strstr (start, ends[i]);

      if (found != NULL && (end == NULL || found < end))
        end = found;
    }
  g_assert_nonnull (end);

  {
    g_autofree char *section = g_strndup (start, end - start);

    return squash (section);
  }
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  g_autofree char *squashed = squash (needle);

  if (strstr (haystack, squashed) == NULL)
    g_error ("“%.80s” is missing", squashed);
}

static void
assert_lacks (const char *haystack,
              const char *needle)
{
  g_autofree char *squashed = squash (needle);

  if (strstr (haystack, squashed) != NULL)
    g_error ("“%.80s” is there and should not be", squashed);
}

/* The record's text twice over, as the minute-taker gets it: the TXT export, and the PDF read
 * back by pdftotext (-raw: reading order) when poppler is there (said otherwise). */
static GPtrArray *
record_texts (const QuorumConference *conference,
              const char             *pdf_name)
{
  g_autoptr(GDateTime) when = export_time ();
  QuorumProfile *profile = make_profile ();
  GPtrArray *records = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (records, quorum_export_text_string (conference, profile, "Minnie Taker", when));
  free_profile (profile);
  if (have_program ("pdftotext"))
    {
      g_autofree char *path = write_pdf (conference, pdf_name);
      g_autofree char *raw = pdftotext (path, "-raw");

      g_ptr_array_add (records, strip_chrome (raw));
    }
  else
    g_test_message ("poppler-utils not installed: the PDF was not read back");
  return records;
}

/* Rules 2, 3 and 6: the group's settled view and its reason in its own words, each
 * representative's own position and reason; the dissent names only Ann Gray, who differs from
 * the outcome, and the group, whose settled view differs, each with their reasons in full;
 * never Helen Ford, who held the outcome's view. */
static void
test_dissent_members_who_could_not_agree (void)
{
  g_autoptr(QuorumConference) conference = make_could_not_agree_conference (QUORUM_VIEW_NO_PLAN, FALSE);
  g_autoptr(GPtrArray) records = record_texts (conference, "could-not-agree.pdf");

  for (guint i = 0; i < records->len; i++)
    {
      g_autofree char *all = NULL;
      g_autofree char *dissent = NULL;

      all = squash (g_ptr_array_index (records, i));
      dissent = dissent_section (g_ptr_array_index (records, i));

      /* The record says they could not agree, and gives the group's and each one's words. */
      assert_contains (all, "could not agree");
      assert_contains (all, bucks_group_reason);
      assert_contains (all, "Helen Ford, own position: Child protection plan (Neglect)");
      assert_contains (all, helen_reason);
      assert_contains (all, "Ann Gray, own position: No plan");
      assert_contains (all, ann_reason);

      /* The dissent: the group (its settled view differs) and Ann Gray, in their words. */
      assert_contains (dissent, "Bucks Healthcare NHS Trust: No plan");
      assert_contains (dissent, bucks_group_reason);
      assert_contains (dissent, "Ann Gray");
      assert_contains (dissent, ann_reason);
      assert_lacks (dissent, "Helen Ford");
      assert_lacks (dissent, helen_reason);
    }
}

/* The group settled on the outcome's view: it does not dissent, Ann Gray alone does; its own
 * reason is still given (with the reasons of the groups that do not dissent), and the table
 * does not mark the group as dissenting. */
static void
test_dissent_only_representatives_who_differ (void)
{
  g_autoptr(QuorumConference) conference = make_could_not_agree_conference (QUORUM_VIEW_PLAN, FALSE);
  g_autoptr(GPtrArray) records = record_texts (conference, "only-representatives-who-differ.pdf");

  for (guint i = 0; i < records->len; i++)
    {
      g_autofree char *all = NULL;
      g_autofree char *dissent = NULL;

      all = squash (g_ptr_array_index (records, i));
      dissent = dissent_section (g_ptr_array_index (records, i));

      assert_contains (all, bucks_group_reason);
      assert_contains (all, helen_reason);
      assert_contains (dissent, "Ann Gray (Bucks Healthcare NHS Trust): No plan");
      assert_contains (dissent, ann_reason);
      assert_lacks (dissent, "Bucks Healthcare NHS Trust: No plan");
      assert_lacks (dissent, "Helen Ford");
      assert_lacks (dissent, bucks_group_reason);
    }
}

/* The JSON tells a group's dissent from a representative's own position: `group_dissents` is
 * false where the group settled on the outcome's view and only Ann Gray's own position differs,
 * true where the group's settled view is the dissent's. (Both read {"group": "Bucks Healthcare
 * NHS Trust", "view": "no-plan", "representatives": ["Ann Gray"], …}: the app's Dissent list
 * showed the first as the group dissenting.) */
static void
test_json_dissent_group_or_own_position (void)
{
  for (guint pass = 0; pass < 2; pass++)
    {
      g_autoptr(QuorumConference) conference =
        make_could_not_agree_conference (pass == 0 ? QUORUM_VIEW_PLAN : QUORUM_VIEW_NO_PLAN, FALSE);
      const QuorumDecision *decision = g_ptr_array_index (conference->decisions, 0);
      g_autoptr(JsonNode) node = quorum_json_decision (conference, decision);
      JsonArray *dissent = json_object_get_array_member (json_node_get_object (node), "dissent");
      gboolean found = FALSE;

      for (guint i = 0; i < json_array_get_length (dissent); i++)
        {
          JsonObject *entry = json_array_get_object_element (dissent, i);

          if (g_strcmp0 (json_object_get_string_member (entry, "group"), bucks_group) != 0)
            continue;
          found = TRUE;
          /* The keys it had are all still there. */
          g_assert_true (json_object_has_member (entry, "id"));
          g_assert_true (json_object_has_member (entry, "view"));
          g_assert_true (json_object_has_member (entry, "representatives"));
          g_assert_true (json_object_has_member (entry, "reason"));
          g_assert_true (json_object_has_member (entry, "group_dissents"));
          g_assert_cmpint (json_object_get_boolean_member (entry, "group_dissents"), ==, pass == 1);
        }
      g_assert_true (found);
    }
}

/* Rule 7 with rule 3: an amendment after sign-off that corrected the group's reason is shown
 * where the reason is, beside the original, not in the appendix alone. */
static void
test_dissent_amended_reason_beside_the_original (void)
{
  g_autoptr(QuorumConference) conference = make_could_not_agree_conference (QUORUM_VIEW_NO_PLAN, TRUE);
  g_autoptr(GPtrArray) records = record_texts (conference, "amended-group-reason.pdf");

  for (guint i = 0; i < records->len; i++)
    {
      g_autofree char *dissent = NULL;
      const char *from;

      dissent = dissent_section (g_ptr_array_index (records, i));
      from = dissent;
      /* As it stands first, then the amendment and the original (export4, trial 4 10c). */
      assert_in_order (dissent, bucks_group_amended, &from);
      assert_in_order (dissent, "Amended after sign-off", &from);
      assert_in_order (dissent, bucks_group_reason, &from);

      /* The appendix names the value corrected in words, as the amend dialog offered it, not
       * by its row's id ("Record: vote:83, reason", which a new user read in an export). */
      {
        g_autofree char *all = squash (g_ptr_array_index (records, i));
        g_autofree char *named = g_strdup_printf ("Reason of the view of %s, for Cara Cole", bucks_group);

        assert_contains (all, named);
        assert_lacks (all, "vote:83");
      }
    }
}

/* Two corrections of one reason: each shown in order with what it replaced, the second not
 * claiming the original is above it (above is the first correction's wording). The second's
 * old_value is the signed-off original, as the store kept it before it kept the value as it
 * stood: what it replaced is read from the chain. */
static void
test_dissent_amendment_chain (void)
{
  g_autoptr(QuorumConference) conference = make_could_not_agree_conference (QUORUM_VIEW_NO_PLAN, TRUE);
  g_autoptr(GPtrArray) records = NULL;
  const char *third = "The trust's view is a child in need plan, with weekly health visits and a review in May.";
  QuorumAmendment *second = g_new0 (QuorumAmendment, 1);

  second->id = 112;
  second->at = g_strdup ("2026-11-22T09:00:00.000000Z");
  second->by = g_strdup ("Chris Chair");
  second->reason = g_strdup ("The review date was left out.");
  second->change = g_strdup ("The trust's reason corrected again");
  second->record = g_strdup ("vote:83");
  second->field = g_strdup ("reason");
  second->old_value = g_strdup (bucks_group_reason);
  second->new_value = g_strdup (third);
  g_ptr_array_add (conference->amendments, second);
  records = record_texts (conference, "amendment-chain.pdf");

  for (guint i = 0; i < records->len; i++)
    {
      g_autofree char *dissent = dissent_section (g_ptr_array_index (records, i));
      g_autofree char *all = squash (g_ptr_array_index (records, i));
      const char *from = dissent;

      /* As it stands (amendment 2's words) first, then each amendment with what it replaced,
       * back to the original. */
      assert_in_order (dissent, third, &from);
      assert_in_order (dissent, "Amended after sign-off (amendment 2", &from);
      assert_in_order (dissent, "it replaced amendment 1’s wording:", &from);
      assert_in_order (dissent, bucks_group_amended, &from);
      assert_in_order (dissent, "Amended after sign-off (amendment 1", &from);
      assert_in_order (dissent, "the original:", &from);
      assert_in_order (dissent, bucks_group_reason, &from);
      assert_lacks (dissent, "the original is above");

      /* The appendix: the second says what it replaced, the first amendment's words. */
      from = strstr (all, "Amendment 2:");
      g_assert_nonnull (from);
      assert_in_order (all, "Replaced (amendment 1)", &from);
      assert_in_order (all, bucks_group_amended, &from);
      assert_in_order (all, "Amended to", &from);
      assert_in_order (all, third, &from);
    }
}

/* The minutes name an amended value in words, never by its row's id: a dissent's reason too, and
 * the words the store wrote for a correction before it named the value ("reason of vote:83: …"). */
static void
test_amendment_in_words (void)
{
  g_autoptr(QuorumConference) conference = make_could_not_agree_conference (QUORUM_VIEW_NO_PLAN, TRUE);
  g_autoptr(GPtrArray) records = NULL;
  QuorumAmendment *first = g_ptr_array_index (conference->amendments, 0);
  QuorumAmendment *dissent_amendment = g_new0 (QuorumAmendment, 1);
  QuorumDecision *decision = g_ptr_array_index (conference->decisions, 0);
  QuorumDissent *dissent = g_ptr_array_index (decision->dissent, 0);
  g_autofree char *dissent_words = g_strdup_printf ("Reason of the dissent of %s, for Cara Cole", dissent->group);

  dissent->id = 5;
  g_free (first->change);
  first->change = g_strdup_printf ("reason of vote:83: “%s” → “%s”", bucks_group_reason, bucks_group_amended);
  dissent_amendment->id = 112;
  dissent_amendment->at = g_strdup ("2026-11-22T09:00:00.000000Z");
  dissent_amendment->by = g_strdup ("Chris Chair");
  dissent_amendment->reason = g_strdup ("Minuted wrongly.");
  dissent_amendment->change = g_strdup ("reason of dissent:5: “x” → “Ann Gray's words, corrected”");
  dissent_amendment->record = g_strdup ("dissent:5");
  dissent_amendment->field = g_strdup ("reason");
  dissent_amendment->old_value = g_strdup ("x");
  dissent_amendment->new_value = g_strdup ("Ann Gray's words, corrected");
  g_ptr_array_add (conference->amendments, dissent_amendment);
  records = record_texts (conference, "amendment-in-words.pdf");

  for (guint i = 0; i < records->len; i++)
    {
      g_autofree char *all = squash (g_ptr_array_index (records, i));
      g_autofree char *vote_words = g_strdup_printf ("Reason of the view of %s, for Cara Cole: “%s”", bucks_group, bucks_group_reason);
      const char *from = strstr (all, "Amendments after sign-off");

      g_assert_nonnull (from);
      assert_in_order (all, vote_words, &from);
      assert_in_order (all, dissent_words, &from);
      assert_lacks (all, "vote:83");
      assert_lacks (all, "dissent:5");
    }
}

/* A dissent's own reason corrected through dissent:N is shown in the Dissent section beside the
 * original, as a vote's is. */
static void
test_dissent_reason_amended_inline (void)
{
  g_autoptr(QuorumConference) conference = make_conference (TRUE, 0);
  g_autoptr(GDateTime) when = export_time ();
  QuorumDecision *decision = quorum_conference_find_decision (conference, 1);
  QuorumAmendment *amendment = g_new0 (QuorumAmendment, 1);
  const char *corrected = "The police's dissent, corrected: two call-outs since the summer.";
  g_autofree char *text = NULL;
  g_autofree char *dissent = NULL;
  const char *from;
  gboolean found = FALSE;

  for (guint i = 0; i < decision->dissent->len; i++)
    {
      QuorumDissent *d = g_ptr_array_index (decision->dissent, i);

      if (g_str_equal (d->group, "Greater Manchester Police"))
        {
          d->id = 9;
          found = TRUE;
        }
    }
  g_assert_true (found);
  amendment->id = 62;
  amendment->at = g_strdup ("2026-11-22T09:00:00.000000Z");
  amendment->by = g_strdup ("Chris Chair");
  amendment->reason = g_strdup ("Minuted wrongly.");
  amendment->change = g_strdup ("The police's dissent corrected");
  amendment->record = g_strdup ("dissent:9");
  amendment->field = g_strdup ("reason");
  amendment->old_value = g_strdup (police_reason);
  amendment->new_value = g_strdup (corrected);
  g_ptr_array_add (conference->amendments, amendment);

  text = quorum_export_text_string (conference, NULL, "Minnie Taker", when);
  dissent = dissent_section (text);
  from = dissent;
  assert_in_order (dissent, "Greater Manchester Police: No plan", &from);
  assert_in_order (dissent, corrected, &from);
  assert_in_order (dissent, "Amended after sign-off (amendment 2", &from);
  assert_in_order (dissent, police_reason, &from);
}

/* A cell of a table of the record's document (text and PDF draw the same) holding @text. */
static gboolean
document_has_cell (const QuorumConference *conference,
                   const char             *text)
{
  g_autoptr(GDateTime) when = export_time ();
  g_autoptr(QuorumDocument) doc = _quorum_document_new (conference, NULL, "Minnie Taker", when);

  for (guint b = 0; b < doc->blocks->len; b++)
    {
      const QuorumBlock *block = g_ptr_array_index (doc->blocks, b);

      for (guint c = 0; block->kind == QUORUM_BLOCK_TABLE && c < block->cells->len; c++)
        if (strstr (g_ptr_array_index (block->cells, c), text) != NULL)
          return TRUE;
    }
  return FALSE;
}

/* The record before its appendix of amendments, squashed. */
static char *
before_appendix (const char *text)
{
  const char *appendix = strstr (text, "Amendments after sign-off");
  g_autofree char *head = NULL;

  g_assert_nonnull (appendix);
  head = g_strndup (text, appendix - text);
  return squash (head);
}

static QuorumAmendment *add_amendment (QuorumConference *conference, gint64 id, const char *record,
                                       const char *change);

/* Rule 7 for a name: an attendee's name corrected after sign-off is shown as it now stands
 * wherever the record names them (the attendees, who was present, the views table, the dissent
 * and its representatives), the amendment noted; the original only in the appendix. */
static void
test_amended_name_where_shown (void)
{
  const char *ann_now = "Ann Grey-Jones (name amended after sign-off, amendment 1)";
  const char *pat_now = "Pat Policeman (name amended after sign-off, amendment 1)";

  /* Ann Gray's own position dissents; the group settled on the outcome's view. */
  {
    g_autoptr(QuorumConference) conference = make_could_not_agree_conference (QUORUM_VIEW_PLAN, TRUE);
    QuorumDecision *decision = g_ptr_array_index (conference->decisions, 0);
    QuorumAmendment *amendment;
    g_autoptr(GPtrArray) records = NULL;

    g_ptr_array_remove_index (conference->amendments, 0);
    amendment = add_amendment (conference, 112, "attendee:24", "Ann Gray's name corrected");
    amendment->field = g_strdup ("name");
    amendment->old_value = g_strdup ("Ann Gray");
    amendment->new_value = g_strdup ("Ann Grey-Jones");
    decision->presence = g_array_new (FALSE, FALSE, sizeof (QuorumPresence));
    for (gint64 id = 21; id <= 24; id++)
      {
        QuorumPresence presence = { id, QUORUM_PRESENCE_PRESENT };

        g_array_append_val (decision->presence, presence);
      }

    /* The tables: the attendees, and the views (the representatives' positions and the dissent). */
    g_assert_true (document_has_cell (conference, ann_now));
    {
      g_autofree char *positions = g_strdup_printf ("%s: No plan", ann_now);
      g_autofree char *dissents = g_strdup_printf ("%s dissents", ann_now);

      g_assert_true (document_has_cell (conference, positions));
      g_assert_true (document_has_cell (conference, dissents));
    }

    records = record_texts (conference, "amended-name.pdf");
    for (guint i = 0; i < records->len; i++)
      {
        g_autofree char *head = before_appendix (g_ptr_array_index (records, i));
        g_autofree char *dissent = dissent_section (g_ptr_array_index (records, i));
        g_autofree char *present = g_strdup_printf ("Sam Social, Pat Police, Helen Ford, %s", ann_now);
        g_autofree char *own = g_strdup_printf ("%s, own position: No plan", ann_now);
        g_autofree char *line = g_strdup_printf ("%s (%s): No plan", ann_now, bucks_group);

        assert_contains (head, present);
        assert_contains (head, own);
        assert_contains (dissent, line);
        /* The original name only in the appendix, which keeps it. */
        assert_lacks (head, "Ann Gray");
        assert_contains (g_ptr_array_index (records, i), "Ann Gray");
      }
  }

  /* A group's dissent: "Representatives: …". */
  {
    g_autoptr(QuorumConference) conference = make_could_not_agree_conference (QUORUM_VIEW_PLAN, TRUE);
    QuorumDecision *decision = g_ptr_array_index (conference->decisions, 0);
    QuorumDissent *dissent = g_new0 (QuorumDissent, 1);
    QuorumAmendment *amendment;
    g_autoptr(GPtrArray) records = NULL;

    /* The police dissent as a group: their view differs from the outcome. */
    for (guint i = 0; i < conference->votes->len; i++)
      {
        QuorumVote *vote = g_ptr_array_index (conference->votes, i);

        if (g_str_equal (vote->group, "Thames Valley Police"))
          {
            vote->view = QUORUM_VIEW_NO_PLAN;
            vote->categories = 0;
          }
      }
    dissent->id = 7;
    dissent->group = g_strdup ("Thames Valley Police");
    dissent->view = QUORUM_VIEW_NO_PLAN;
    dissent->representatives = g_strsplit ("Pat Police", "\n", -1);
    dissent->reason = g_strdup ("Police share social care's concern.");
    g_ptr_array_insert (decision->dissent, 0, dissent);
    g_ptr_array_remove_index (conference->amendments, 0);
    amendment = add_amendment (conference, 113, "attendee:22", "Pat's name corrected");
    amendment->field = g_strdup ("name");
    amendment->old_value = g_strdup ("Pat Police");
    amendment->new_value = g_strdup ("Pat Policeman");

    g_assert_true (document_has_cell (conference, pat_now));
    records = record_texts (conference, "amended-representative.pdf");
    for (guint i = 0; i < records->len; i++)
      {
        g_autofree char *dissent_text = dissent_section (g_ptr_array_index (records, i));
        g_autofree char *line = g_strdup_printf ("Representatives: %s", pat_now);

        assert_contains (dissent_text, line);
      }
  }
}

/* Rule 7 for the child's name and the conference's details: corrected after sign-off, each is
 * given as it now stands where the record gives it (the conference's fields, the child's
 * heading, the running title's case reference), the amendment noted; the original only in the
 * appendix. */
static void
test_amended_details_where_shown (void)
{
  g_autoptr(QuorumConference) conference = make_could_not_agree_conference (QUORUM_VIEW_PLAN, TRUE);
  g_autoptr(GPtrArray) records = NULL;
  QuorumAmendment *amendment;

  g_ptr_array_remove_index (conference->amendments, 0);
  amendment = add_amendment (conference, 115, "child:4", "The child's name corrected");
  amendment->field = g_strdup ("name");
  amendment->old_value = g_strdup ("Cara Cole");
  amendment->new_value = g_strdup ("Kara Cole");
  amendment = add_amendment (conference, 116, "conference:9", "The venue corrected");
  amendment->field = g_strdup ("venue");
  amendment->old_value = g_strdup (conference->venue);
  amendment->new_value = g_strdup ("Aylesbury, Walton Street, Room 4");

  records = record_texts (conference, "amended-details.pdf");
  for (guint i = 0; i < records->len; i++)
    {
      g_autofree char *head = before_appendix (g_ptr_array_index (records, i));

      assert_contains (head, "Child: Kara Cole (name amended after sign-off, amendment 1)");
      assert_contains (head, "Aylesbury, Walton Street, Room 4 (amended after sign-off, amendment 2)");
      assert_lacks (head, "Cara Cole");
      assert_contains (g_ptr_array_index (records, i), "Cara Cole");
    }
}

/* A representative's own dissent (the group settled on the outcome's view, group_dissents false)
 * whose reason was corrected after sign-off: the correction is shown where the reason is, found
 * by the dissent's own id ("dissent:131"), as a group's dissent's is. */
static void
test_own_dissent_amended_in_place (void)
{
  g_autoptr(QuorumConference) conference = make_could_not_agree_conference (QUORUM_VIEW_PLAN, TRUE);
  QuorumDecision *decision = g_ptr_array_index (conference->decisions, 0);
  QuorumDissent *dissent = g_ptr_array_index (decision->dissent, 0);
  const char *corrected = "School health reviews show a child who is growing and attending well.";
  QuorumAmendment *amendment;
  g_autoptr(GPtrArray) records = NULL;

  dissent->id = 131;
  g_ptr_array_remove_index (conference->amendments, 0);
  amendment = add_amendment (conference, 114, "dissent:131", "Ann Gray's reason corrected");
  amendment->field = g_strdup ("reason");
  amendment->old_value = g_strdup (ann_reason);
  amendment->new_value = g_strdup (corrected);

  records = record_texts (conference, "own-dissent-amended.pdf");
  for (guint i = 0; i < records->len; i++)
    {
      g_autofree char *section = dissent_section (g_ptr_array_index (records, i));
      const char *from = section;

      assert_in_order (section, "Ann Gray (Bucks Healthcare NHS Trust): No plan", &from);
      assert_in_order (section, ann_reason, &from);
      /* The dissent's reason as it stands, then the amendment and the original. */
      assert_in_order (section, "The dissent’s reason, as amended after sign-off:", &from);
      assert_in_order (section, corrected, &from);
      assert_in_order (section, "Amended after sign-off (amendment 1", &from);
      assert_in_order (section, ann_reason, &from);
    }
}

/* A referral's corrections in the record's words: an outcome by its label, a date as the record
 * writes dates, never the stored code ("plan-confirmed") or ISO date ("2026-11-28"). */
static void
test_referral_correction_in_words (void)
{
  g_autoptr(QuorumConference) conference = make_conference (TRUE, 0);
  QuorumReferral *referral = quorum_conference_find_referral (conference, 1);
  const char *values[][3] = {
    { "outcome", "plan-ended", "plan-confirmed" },
    { "panel_date", "2026-11-28", "2026-11-27" },
  };
  g_autoptr(GPtrArray) records = NULL;

  g_assert_nonnull (referral);
  referral->corrections = g_ptr_array_new_with_free_func ((GDestroyNotify) quorum_referral_correction_free);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      QuorumReferralCorrection *c = g_new0 (QuorumReferralCorrection, 1);

      c->id = 51 + i;
      c->field = g_strdup (values[i][0]);
      c->old_value = g_strdup (values[i][1]);
      c->new_value = g_strdup (values[i][2]);
      c->reason = g_strdup ("Panel minutes received");
      c->recorded_at = g_strdup ("2026-11-29T09:00:00.000000Z");
      c->recorded_by = g_strdup ("Chris Chair");
      g_ptr_array_add (referral->corrections, c);
    }

  records = record_texts (conference, "referral-corrections.pdf");
  for (guint i = 0; i < records->len; i++)
    {
      g_autofree char *all = squash (g_ptr_array_index (records, i));

      assert_contains (all, "was Plan ended, now Plan confirmed (Panel minutes received)");
      assert_contains (all, "was 28 November 2026, now 27 November 2026 (Panel minutes received)");
      assert_lacks (all, "plan-confirmed");
      assert_lacks (all, "2026-11-27");
    }
}

/* Occurrences of @needle in @haystack. */
static guint
count_of (const char *haystack,
          const char *needle)
{
  guint n = 0;

  for (const char *at = strstr (haystack, needle); at != NULL; at = strstr (at + 1, needle))
    n++;
  return n;
}

/* The seal in the PDF's footer is never broken across lines (its hyphens let a line break
 * inside it: "seal 183-d6ab3-afa6a-" / "d76f5-8d732"), whatever the length of the name before
 * it: every footer holds it whole, as the closing lines do. */
static void
test_pdf_seal_on_one_line (void)
{
  const char *seal = "183-d6ab3-afa6a-d76f5-8d732";

  NEED_POPPLER ();
  for (guint n = 0; n < 14; n++)
    {
      g_autoptr(QuorumConference) conference = make_conference (TRUE, 0);
      g_autoptr(GDateTime) when = export_time ();
      g_autoptr(GError) error = NULL;
      g_autoptr(GString) by = g_string_new ("Dylan Price");
      g_autofree char *name = g_strdup_printf ("seal-on-one-line-%u.pdf", n);
      g_autofree char *path = pdf_path (name);
      g_autofree char *raw = NULL;
      QuorumProfile *profile = make_profile ();

      for (guint i = 0; i < n; i++)
        g_string_append_c (by, "abcdefghij"[i % 10]);
      conference->seal = g_strdup (seal);
      g_assert_true (quorum_export_pdf (conference, profile, by->str, when, path, &error));
      g_assert_no_error (error);
      free_profile (profile);
      raw = pdftotext (path, "-raw");
      /* Each "Exported …" (a page's footer, the closing line) with the seal whole, and the
       * proof's sentence naming it twice. */
      g_assert_cmpuint (count_of (raw, seal), ==, count_of (raw, "Exported ") + 2);
    }
}

/* The representatives' own positions in a "representative_positions" cell, parsed as the
 * README says a script should (JSON); asserts it is an array of @n objects and returns it. */
static JsonArray *
parse_positions (JsonArray  *row,
                 guint       column,
                 guint       n,
                 JsonNode  **node)
{
  g_autoptr(GError) error = NULL;
  JsonArray *positions;

  *node = json_from_string (json_array_get_string_element (row, column), &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (*node));
  positions = json_node_get_array (*node);
  g_assert_cmpuint (json_array_get_length (positions), ==, n);
  return positions;
}

static void
assert_position (JsonArray  *positions,
                 guint       i,
                 const char *name,
                 const char *view,
                 const char *category,
                 const char *reason,
                 gboolean    dissents)
{
  JsonObject *position = json_array_get_object_element (positions, i);
  JsonArray *categories = json_object_get_array_member (position, "categories");

  g_assert_cmpstr (json_object_get_string_member (position, "name"), ==, name);
  g_assert_cmpstr (json_object_get_string_member (position, "view"), ==, view);
  g_assert_cmpuint (json_array_get_length (categories), ==, category != NULL ? 1 : 0);
  if (category != NULL)
    g_assert_cmpstr (json_array_get_string_element (categories, 0), ==, category);
  g_assert_cmpstr (json_object_get_string_member (position, "reason"), ==, reason);
  g_assert_cmpint (json_object_get_boolean_member (position, "dissent"), ==, dissents);
}

static QuorumAmendment *
add_amendment (QuorumConference *conference,
               gint64            id,
               const char       *record,
               const char       *change)
{
  QuorumAmendment *amendment = g_new0 (QuorumAmendment, 1);

  amendment->id = id;
  amendment->at = g_strdup ("2026-11-22T10:00:00.000000Z");
  amendment->by = g_strdup ("Chris Chair");
  amendment->reason = g_strdup ("Minuted wrongly.");
  amendment->change = g_strdup (change);
  amendment->record = g_strdup (record);
  g_ptr_array_add (conference->amendments, amendment);
  return amendment;
}

/* The ids of the amendments in the CSV cell @cell (a JSON array), as "61,62"; "" for none. */
static char *
amendment_ids (const char *cell)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GString) ids = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  JsonArray *array;

  if (*cell == '\0')
    return g_strdup ("");
  g_assert_true (json_parser_load_from_data (parser, cell, -1, &error));
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (array); i++)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            json_object_get_int_member (json_array_get_object_element (array, i), "id"));
  return g_strdup (ids->str);
}

/* Rule 7 in the CSV: a row is never taken for the record as corrected. Each amendment after
 * sign-off is on the rows it bears on, with what it corrected (the original beside the new
 * value); the row's own cells keep the original, as the record does. */
static void
test_csv_amendments_on_their_rows (void)
{
  g_autoptr(QuorumConference) conference = make_conference (TRUE, 0);
  g_autoptr(GDateTime) when = export_time ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmpdir, "amended.csv", NULL);
  g_autoptr(JsonNode) parsed = NULL;
  QuorumAmendment *name;
  JsonArray *rows;
  JsonArray *header;
  guint column = 0;
  guint checked = 0;

  if (!have_program ("python3"))
    {
      g_test_skip ("python3 not installed");
      return;
    }

  /* make_conference's own: 61 corrects the school's reason for child 2 (vote 19). */
  add_amendment (conference, 62, NULL, "The venue was Room 2, not Room 3.");
  name = add_amendment (conference, 63, "child:1", NULL);
  name->field = g_strdup ("name");
  name->old_value = g_strdup ("Amy Brwon");
  name->new_value = g_strdup ("Amy Brown");
  /* A parent's name: she gave no view, her group has no row; on every row, not on none. */
  {
    QuorumAttendee *mother = g_new0 (QuorumAttendee, 1);

    mother->id = 99;
    mother->name = g_strdup ("Kim Brwon");
    mother->agency = g_strdup ("Family");
    mother->line_management = g_strdup ("Family");
    g_ptr_array_add (conference->attendees, mother);
    name = add_amendment (conference, 64, "attendee:99", NULL);
    name->field = g_strdup ("name");
    name->old_value = g_strdup ("Kim Brwon");
    name->new_value = g_strdup ("Kim Brown");
  }

  g_assert_true (quorum_export_conference (conference, NULL, QUORUM_EXPORT_CSV, "Minnie Taker", when,
                                           path, &error));
  g_assert_no_error (error);
  parsed = parse_csv_with_python (path);
  rows = json_node_get_array (parsed);
  header = json_array_get_array_element (rows, 0);
  for (guint h = 0; h < json_array_get_length (header); h++)
    if (g_strcmp0 (json_array_get_string_element (header, h), "amendments") == 0)
      column = h;
  g_assert_cmpuint (column, >, 0);
  /* Before the decision's categories, the chair's reasons, the originals, the eleven of the
   * referral and the two that scripts read from the end. */
  g_assert_cmpuint (column, ==, json_array_get_length (header) - 17);

  for (guint r = 1; r < json_array_get_length (rows); r++)
    {
      JsonArray *row = json_array_get_array_element (rows, r);
      const char *child_id = json_array_get_string_element (row, 2);
      const char *group = json_array_get_string_element (row, 4);
      g_autofree char *ids = amendment_ids (json_array_get_string_element (row, column));

      if (g_str_equal (child_id, "1"))
        g_assert_cmpstr (ids, ==, "62,63,64");  /* the whole conference's, Amy's name, the mother's */
      else if (g_str_equal (group, "St Mary's Primary School"))
        g_assert_cmpstr (ids, ==, "61,62,64");  /* its own reason corrected, the whole conference's, the mother's */
      else
        g_assert_cmpstr (ids, ==, "62,64");
      checked++;
    }
  g_assert_cmpuint (checked, ==, conference->votes->len);

  /* The correction itself, whole: the original beside the corrected value. */
  for (guint r = 1; r < json_array_get_length (rows); r++)
    {
      JsonArray *row = json_array_get_array_element (rows, r);
      const char *cell = json_array_get_string_element (row, column);

      if (g_str_equal (json_array_get_string_element (row, 4), "St Mary's Primary School") &&
          g_str_equal (json_array_get_string_element (row, 2), "2"))
        {
          g_assert_nonnull (strstr (cell, "\"old_value\":\"The school sees a settled child.\""));
          g_assert_nonnull (strstr (cell, "\"new_value\":\"The school sees a settled, happy child.\""));
          g_assert_nonnull (strstr (cell, "\"record\":\"vote:19\""));
        }
    }
}


/* The CSV gives each value as it stands, as the text and PDF do (trial 6, D3 and D2): an
 * attendee's amended name in "representatives", a dissent's amended reason in "reason", a
 * decision's amended categories in "decision_categories"; "original_values" gives each of those
 * cells as signed off, and the existing columns keep their names and places. The text record's
 * decision line and plan categories say the categories as they stand with those decided. */
static void
test_csv_values_as_they_stand (void)
{
  g_autoptr(QuorumConference) conference = make_conference (TRUE, 0);
  g_autoptr(GDateTime) when = export_time ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmpdir, "as-they-stand.csv", NULL);
  g_autoptr(JsonNode) parsed = NULL;
  g_autofree char *text = NULL;
  g_autofree char *dissent_record = NULL;
  QuorumDecision *decision = (QuorumDecision *) quorum_conference_find_decision (conference, 1);
  QuorumAmendment *amendment;
  JsonArray *rows;
  JsonArray *header;
  guint police_rows = 0;
  guint amy_rows = 0;
  guint categories_column;
  guint originals_column;
  gboolean hannah = FALSE;

  if (!have_program ("python3"))
    {
      g_test_skip ("python3 not installed");
      return;
    }

  for (guint d = 0; d < decision->dissent->len; d++)
    {
      QuorumDissent *dissent = g_ptr_array_index (decision->dissent, d);

      if (g_str_equal (dissent->group, "Greater Manchester Police"))
        {
          if (dissent->id <= 0)
            dissent->id = 31;
          dissent_record = g_strdup_printf ("dissent:%" G_GINT64_FORMAT, dissent->id);
        }
    }
  g_assert_nonnull (dissent_record);

  amendment = add_amendment (conference, 70, "attendee:3", NULL);
  amendment->field = g_strdup ("name");
  amendment->old_value = g_strdup ("Hannah Health");
  amendment->new_value = g_strdup ("Hannah Health-Bello");
  amendment = add_amendment (conference, 71, dissent_record, NULL);
  amendment->field = g_strdup ("reason");
  amendment->new_value = g_strdup ("Police see no risk at home; words added after sign-off.");
  amendment = add_amendment (conference, 72, "decision:21", NULL);
  amendment->field = g_strdup ("categories");
  amendment->old_value = g_strdup ("neglect,emotional");
  amendment->new_value = g_strdup ("neglect");

  g_assert_true (quorum_export_conference (conference, NULL, QUORUM_EXPORT_CSV, "Minnie Taker", when,
                                           path, &error));
  g_assert_no_error (error);
  parsed = parse_csv_with_python (path);
  rows = json_node_get_array (parsed);
  header = json_array_get_array_element (rows, 0);
  /* The existing columns where they were; the new one before exported_by and exported_at. */
  g_assert_cmpstr (json_array_get_string_element (header, 7), ==, "representatives");
  g_assert_cmpstr (json_array_get_string_element (header, 8), ==, "reason");
  g_assert_cmpstr (json_array_get_string_element (header, json_array_get_length (header) - 16), ==, "decision_categories");
  g_assert_cmpstr (json_array_get_string_element (header, json_array_get_length (header) - 15), ==, "chair_reason");
  g_assert_cmpstr (json_array_get_string_element (header, json_array_get_length (header) - 14), ==, "original_values");
  g_assert_cmpstr (json_array_get_string_element (header, json_array_get_length (header) - 1), ==, "exported_at");
  categories_column = column_index (header, "decision_categories");
  originals_column = column_index (header, "original_values");

  for (guint r = 1; r < json_array_get_length (rows); r++)
    {
      JsonArray *row = json_array_get_array_element (rows, r);
      const char *representatives = json_array_get_string_element (row, 7);
      const char *originals = json_array_get_string_element (row, originals_column);

      if (strstr (representatives, "Hannah Health") != NULL)
        {
          g_assert_nonnull (strstr (representatives, "Hannah Health-Bello"));
          g_assert_nonnull (strstr (originals, "\"representatives\":"));
          hannah = TRUE;
        }
      if (g_str_equal (json_array_get_string_element (row, 2), "1"))
        {
          g_assert_cmpstr (json_array_get_string_element (row, categories_column), ==, "neglect");
          g_assert_nonnull (strstr (originals, "\"decision_categories\":\"neglect; emotional\""));
          amy_rows++;
          if (g_str_equal (json_array_get_string_element (row, 4), "Greater Manchester Police"))
            {
              g_assert_cmpstr (json_array_get_string_element (row, 8), ==,
                               "Police see no risk at home; words added after sign-off.");
              g_assert_nonnull (strstr (originals, "\"reason\":"));
              police_rows++;
            }
        }
      else
        g_assert_cmpstr (json_array_get_string_element (row, categories_column), ==, "emotional");
    }
  g_assert_true (hannah);
  g_assert_cmpuint (police_rows, ==, 1);
  g_assert_cmpuint (amy_rows, >, 0);

  /* The record says the same: the decision's and the plan's categories as they stand, with
   * those decided beside them. */
  text = quorum_export_text_string (conference, NULL, NULL, NULL);
  g_assert_nonnull (strstr (text, "Neglect (categories amended after sign-off, amendment 4; as decided: "));
  g_assert_nonnull (strstr (text, "Child protection plan (Neglect) (categories amended after sign-off, amendment 4; "
                                  "as decided: Neglect, Emotional abuse)"));
  /* The JSON: "categories" as decided (keys only added), "categories_now" as they stand. */
  {
    g_autoptr(JsonNode) json = quorum_json_conference (conference, NULL);
    JsonArray *decisions = json_object_get_array_member (json_node_get_object (json), "decisions");
    gboolean seen = FALSE;

    for (guint i = 0; i < json_array_get_length (decisions); i++)
      {
        JsonObject *d = json_array_get_object_element (decisions, i);

        if (json_object_get_int_member (d, "id") != 21)
          continue;
        seen = TRUE;
        g_assert_cmpuint (json_array_get_length (json_object_get_array_member (d, "categories")), ==, 2);
        g_assert_cmpuint (json_array_get_length (json_object_get_array_member (d, "categories_now")), ==, 1);
        g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (d, "categories_now"), 0), ==,
                         "neglect");
        g_assert_cmpint (json_object_get_int_member (d, "categories_amendment"), ==, 4);
      }
    g_assert_true (seen);
  }
}

/* The CSV keeps one row per group's view per child (CLI.md): the trust's representatives' own
 * positions travel on the trust's row, in "representative_positions" (before exported_by and
 * exported_at, which stay last); that row lists as dissenting only those who differ from the
 * outcome, never Helen Ford, who held the outcome's view. A reason holding the CSV's and the
 * lists' separators, quotes and a line break comes back whole. */
static void
test_csv_members_who_could_not_agree (void)
{
  const QuorumView settled[] = { QUORUM_VIEW_NO_PLAN, QUORUM_VIEW_PLAN };
  const char *awkward = "She said \"no plan\"; not yet, she wrote:\r\nHelen Ford, \"plan\"], [{";

  if (!have_program ("python3"))
    {
      g_test_skip ("python3 not installed");
      return;
    }

  for (guint s = 0; s < G_N_ELEMENTS (settled) + 1; s++)
    {
      const QuorumView group_view = settled[MIN (s, G_N_ELEMENTS (settled) - 1)];
      g_autoptr(QuorumConference) conference = make_could_not_agree_conference (group_view, FALSE);
      g_autoptr(GDateTime) when = export_time ();
      g_autoptr(GError) error = NULL;
      g_autofree char *path = g_build_filename (tmpdir, "could-not-agree.csv", NULL);
      g_autoptr(JsonNode) parsed = NULL;
      g_autoptr(JsonNode) positions_node = NULL;
      const char *ann_words = ann_reason;
      JsonArray *rows;
      JsonArray *header;
      JsonArray *row;
      JsonArray *positions;
      guint column;

      /* The last pass: Ann Gray's reason is awkward for any list of our own. */
      if (s == G_N_ELEMENTS (settled))
        {
          QuorumMemberView *ann = g_ptr_array_index (conference->member_views, 1);

          g_free (ann->reason);
          ann->reason = g_strdup (awkward);
          ann_words = awkward;
        }

      g_assert_true (quorum_export_conference (conference, NULL, QUORUM_EXPORT_CSV, "Minnie Taker",
                                               when, path, &error));
      g_assert_no_error (error);
      parsed = parse_csv_with_python (path);
      rows = json_node_get_array (parsed);
      header = json_array_get_array_element (rows, 0);
      /* The columns scripts read stay where they were; what is new comes after them. */
      g_assert_cmpstr (json_array_get_string_element (header, 7), ==, "representatives");
      g_assert_cmpstr (json_array_get_string_element (header, 12), ==, "dissent");
      g_assert_cmpstr (json_array_get_string_element (header, 13), ==, "superseded");
      /* exported_by and exported_at stay last (scripts read them from the end). */
      g_assert_cmpuint (json_array_get_length (header), ==, 32);
      column = 14;
      g_assert_cmpstr (json_array_get_string_element (header, column), ==, "representative_positions");
      g_assert_cmpstr (json_array_get_string_element (header, column + 1), ==, "amendments");
      g_assert_cmpstr (json_array_get_string_element (header, column + 2), ==, "decision_categories");
      g_assert_cmpstr (json_array_get_string_element (header, column + 3), ==, "chair_reason");
      g_assert_cmpstr (json_array_get_string_element (header, column + 4), ==, "original_values");
      g_assert_cmpstr (json_array_get_string_element (header, column + 5), ==, "referral_id");
      g_assert_cmpstr (json_array_get_string_element (header, column + 15), ==, "referral_outcome");
      g_assert_cmpstr (json_array_get_string_element (header, column + 16), ==, "exported_by");
      g_assert_cmpstr (json_array_get_string_element (header, column + 17), ==, "exported_at");
      for (guint h = 0; h < json_array_get_length (header); h++)
        g_assert_cmpstr (json_array_get_string_element (header, h), !=, "row_kind");

      /* The header and one row per group's view: three groups, no row of anyone's own. */
      g_assert_cmpuint (json_array_get_length (rows), ==, 1 + 3);
      for (guint r = 1; r < json_array_get_length (rows); r++)
        g_assert_cmpuint (json_array_get_length (json_array_get_array_element (rows, r)), ==, 32);

      row = json_array_get_array_element (rows, 3);
      g_assert_cmpstr (json_array_get_string_element (row, 4), ==, bucks_group);
      g_assert_cmpstr (json_array_get_string_element (row, 5), ==, quorum_view_to_string (group_view));
      g_assert_cmpstr (json_array_get_string_element (row, 8), ==, bucks_group_reason);
      g_assert_cmpstr (json_array_get_string_element (row, 9), ==, "yes");
      g_assert_cmpstr (json_array_get_string_element (row, 10), ==, "plan");
      g_assert_cmpstr (json_array_get_string_element (row, column + 16), ==, "Minnie Taker");
      if (group_view == QUORUM_VIEW_NO_PLAN)
        {
          /* The group dissents; of its representatives only Ann Gray does. */
          g_assert_cmpstr (json_array_get_string_element (row, 12), ==, "yes");
          g_assert_cmpstr (json_array_get_string_element (row, 7), ==, "Ann Gray");
        }
      else
        {
          /* The group settled on the outcome's view: it does not dissent, and its
           * representatives are simply its members. */
          g_assert_cmpstr (json_array_get_string_element (row, 12), ==, "no");
          g_assert_cmpstr (json_array_get_string_element (row, 7), ==, "Helen Ford; Ann Gray");
        }

      /* Each representative's own name, view and reason on the group's row, in the order
       * recorded; Helen Ford held the outcome's view and does not dissent, Ann Gray does. */
      positions = parse_positions (row, column, 2, &positions_node);
      assert_position (positions, 0, "Helen Ford", "plan", "neglect", helen_reason, FALSE);
      assert_position (positions, 1, "Ann Gray", "no-plan", NULL, ann_words, TRUE);

      /* The other groups agreed among themselves: no own positions, dissenting as before. */
      for (guint r = 1; r <= 2; r++)
        {
          row = json_array_get_array_element (rows, r);
          g_assert_cmpstr (json_array_get_string_element (row, 4), !=, bucks_group);
          g_assert_cmpstr (json_array_get_string_element (row, 12), ==, "no");
          g_assert_cmpstr (json_array_get_string_element (row, column), ==, "");
        }
    }
}

/* ---- export4: what a reader needs (trial 4, defect 10) ---- */

static GDateTime *
export_time_on (int month,
                int day)
{
  return g_date_time_new_utc (2026, month, day, 10, 0, 0);
}

/* The record as text and, when poppler is there, as the PDF read back (-raw), exported at @when
 * under @profile (NULL: the usual one). */
static GPtrArray *
record_texts_at (const QuorumConference *conference,
                 QuorumProfile          *profile,
                 GDateTime              *when,
                 const char             *pdf_name)
{
  GPtrArray *records = g_ptr_array_new_with_free_func (g_free);
  QuorumProfile *usual = profile == NULL ? make_profile () : NULL;

  if (profile == NULL)
    profile = usual;
  g_ptr_array_add (records, quorum_export_text_string (conference, profile, "Minnie Taker", when));
  if (have_program ("pdftotext"))
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = pdf_path (pdf_name);
      g_autofree char *raw = NULL;

      g_assert_true (quorum_export_pdf (conference, profile, "Minnie Taker", when, path, &error));
      g_assert_no_error (error);
      raw = pdftotext (path, "-raw");
      g_ptr_array_add (records, strip_chrome (raw));
    }
  if (usual != NULL)
    free_profile (usual);
  return records;
}

/* The referral of the record's first child, not yet sent. */
static QuorumReferral *
unsent_referral (QuorumConference *conference)
{
  QuorumReferral *referral = quorum_conference_find_referral (conference, 1);

  g_assert_nonnull (referral);
  g_date_clear (&referral->notified, 1);
  g_date_clear (&referral->panel_due, 1);
  return referral;
}

/* (a) Lateness shown, never hidden: a referral due 27 November and not sent, exported on
 * 2 December, says it is overdue as of that day, in text, PDF and JSON; exported on 21
 * November, before it is due, it does not. */
static void
test_referral_overdue_as_of_export (void)
{
  g_autoptr(QuorumConference) conference = make_conference (TRUE, 0);
  g_autoptr(GDateTime) late = export_time_on (12, 2);
  g_autoptr(GDateTime) early = export_time_on (11, 21);
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(GPtrArray) not_yet = NULL;

  unsent_referral (conference);
  overdue = record_texts_at (conference, NULL, late, "overdue.pdf");
  not_yet = record_texts_at (conference, NULL, early, "not-yet-overdue.pdf");

  for (guint i = 0; i < overdue->len; i++)
    {
      g_autofree char *all = squash (g_ptr_array_index (overdue, i));
      const char *from = strstr (all, "Referral to the Head of Service");

      g_assert_nonnull (from);
      assert_in_order (all, "27 November 2026 (within 5 working days of the conference)", &from);
      assert_in_order (all, "Not yet sent to the Head of Service", &from);
      assert_in_order (all, "OVERDUE on 2 December 2026, the day this record was exported: not sent "
                            "to the Head of Service by its due date", &from);
    }
  for (guint i = 0; i < not_yet->len; i++)
    {
      g_autofree char *all = squash (g_ptr_array_index (not_yet, i));

      assert_contains (all, "Not yet sent to the Head of Service");
      assert_lacks (all, "OVERDUE");
    }

  /* JSON: "overdue" added to the referral (the referrals command's key), as of the export's day. */
  {
    g_autoptr(JsonNode) node = quorum_json_dissent_record (conference, NULL, "Minnie Taker", late);
    g_autoptr(JsonNode) before = quorum_json_dissent_record (conference, NULL, "Minnie Taker", early);
    JsonObject *referral = json_array_get_object_element (
      json_object_get_array_member (json_node_get_object (node), "referrals"), 0);
    JsonObject *decision = json_array_get_object_element (
      json_object_get_array_member (json_node_get_object (node), "decisions"), 0);
    JsonObject *referral_before = json_array_get_object_element (
      json_object_get_array_member (json_node_get_object (before), "referrals"), 0);

    g_assert_true (json_object_has_member (referral, "overdue"));
    g_assert_true (json_object_get_boolean_member (referral, "overdue"));
    g_assert_cmpstr (json_object_get_string_member (referral, "overdue_as_of"), ==, "2026-12-02");
    g_assert_true (json_object_get_boolean_member (json_object_get_object_member (decision, "referral"), "overdue"));
    g_assert_false (json_object_get_boolean_member (referral_before, "overdue"));
    /* The rest of what `referrals` gives, added beside the keys that were there. */
    g_assert_cmpstr (json_object_get_string_member (referral, "child_name"), ==, "Amy Smith");
    g_assert_cmpstr (json_object_get_string_member (referral, "conference_date"), ==, "2026-11-20");
    g_assert_cmpstr (json_object_get_string_member (referral, "chair"), ==, "Gwenllïan Ŷr (IRO)");
    g_assert_true (json_object_has_member (referral, "due"));
    g_assert_true (json_object_has_member (referral, "sent_late"));
    g_assert_true (json_object_has_member (referral, "heard_late"));
  }
}

/* (a) A referral sent late, and one sent on time whose panel is overdue, and a panel heard late:
 * each said. */
static void
test_referral_sent_and_heard_late (void)
{
  g_autoptr(QuorumConference) conference = make_conference (TRUE, 0);
  QuorumReferral *referral = unsent_referral (conference);
  g_autoptr(GDateTime) panel_late = export_time_on (12, 30);
  g_autoptr(GPtrArray) records = NULL;

  /* Sent on time (23 November), panel due 21 December, not heard by 30 December. */
  g_date_set_dmy (&referral->notified, 23, G_DATE_NOVEMBER, 2026);
  g_date_set_dmy (&referral->panel_due, 21, G_DATE_DECEMBER, 2026);
  records = record_texts_at (conference, NULL, panel_late, "panel-overdue.pdf");
  for (guint i = 0; i < records->len; i++)
    {
      g_autofree char *all = squash (g_ptr_array_index (records, i));

      assert_contains (all, "OVERDUE on 30 December 2026, the day this record was exported: not heard "
                            "by the Appeals and Split Decisions Panel by its due date");
    }
  g_clear_pointer (&records, g_ptr_array_unref);

  /* Sent late (1 December) and heard late (30 December): both said, nothing overdue. */
  g_date_set_dmy (&referral->notified, 1, G_DATE_DECEMBER, 2026);
  referral->sent_late = TRUE;
  g_date_set_dmy (&referral->panel_due, 29, G_DATE_DECEMBER, 2026);
  g_date_set_dmy (&referral->panel_date, 30, G_DATE_DECEMBER, 2026);
  referral->heard_late = TRUE;
  referral->outcome = QUORUM_PANEL_PLAN_CONFIRMED;
  records = record_texts_at (conference, NULL, panel_late, "sent-heard-late.pdf");
  for (guint i = 0; i < records->len; i++)
    {
      g_autofree char *all = squash (g_ptr_array_index (records, i));

      assert_contains (all, "1 December 2026 (SENT LATE: after its due date)");
      assert_contains (all, "30 December 2026 (HEARD LATE: after the panel’s due date)");
      assert_lacks (all, "OVERDUE");
    }
}

/* (b) A PDF page that continues a child's section names the child in its running header, as
 * the name stands (amended after sign-off here); the page a section starts on, and a page that
 * continues no child's section, do not. */
static void
test_pdf_continued_names_the_child (void)
{
  g_autoptr(QuorumConference) conference = make_conference (TRUE, 9000);
  g_autofree char *path = NULL;
  g_autofree char *raw = NULL;
  g_auto(GStrv) pages = NULL;
  QuorumAmendment *amendment = g_new0 (QuorumAmendment, 1);
  int amy_page = -1;
  int next_page = -1;
  guint checked = 0;

  NEED_POPPLER ();

  amendment->id = 70;
  amendment->at = g_strdup ("2026-11-22T09:00:00.000000Z");
  amendment->by = g_strdup ("Chris Chair");
  amendment->reason = g_strdup ("Her name was misspelt.");
  amendment->change = g_strdup ("Child's name corrected");
  amendment->record = g_strdup ("child:1");
  amendment->field = g_strdup ("name");
  amendment->old_value = g_strdup ("Amy Smith");
  amendment->new_value = g_strdup ("Amy Smyth");
  g_ptr_array_add (conference->amendments, amendment);

  path = write_pdf (conference, "continued.pdf");
  raw = pdftotext (path, "-layout");
  pages = g_strsplit (raw, "\f", -1);
  for (int p = 0; pages[p] != NULL; p++)
    {
      if (amy_page < 0 && strstr (pages[p], "Child: Amy Smyth") != NULL)
        amy_page = p;
      if (next_page < 0 && strstr (pages[p], "Child: ") != NULL && strstr (pages[p], "Child: Amy Smyth") == NULL)
        next_page = p;
    }
  g_assert_cmpint (amy_page, >=, 0);
  g_assert_cmpint (next_page, >, amy_page + 1);

  for (int p = 0; pages[p] != NULL && page_has_text (pages[p]); p++)
    {
      const char *top = pages[p] + strspn (pages[p], " \n");
      g_autofree char *first_line = g_strndup (top, strcspn (top, "\n"));

      if (p > amy_page && p < next_page)
        {
          /* Only the body of Amy's section: the header says whose it is. */
          if (strstr (first_line, "Amy Smyth (continued)") == NULL)
            g_error ("page %d continues Amy's section; its header is “%s”", p + 1, first_line);
          g_assert_null (strstr (first_line, "Amy Smith"));
          checked++;
        }
      else if (p <= amy_page)
        g_assert_null (strstr (first_line, "(continued)"));
    }
  g_assert_cmpuint (checked, >, 0);
}

/* (c) A reason amended after sign-off reads as it stands, first, then the amendment (number, who,
 * when, why) and the original: as amended names and details do. */
static void
test_amended_reason_as_it_stands_first (void)
{
  g_autoptr(QuorumConference) conference = make_could_not_agree_conference (QUORUM_VIEW_NO_PLAN, TRUE);
  g_autoptr(GPtrArray) records = record_texts (conference, "reason-as-it-stands.pdf");

  for (guint i = 0; i < records->len; i++)
    {
      g_autofree char *dissent = dissent_section (g_ptr_array_index (records, i));
      const char *from = dissent;
      const char *amended = strstr (dissent, bucks_group_amended);

      g_assert_nonnull (amended);
      assert_in_order (dissent, bucks_group_amended, &from);
      assert_in_order (dissent, "Amended after sign-off (amendment 1:", &from);
      assert_in_order (dissent, "why:", &from);
      assert_in_order (dissent, "the original:", &from);
      assert_in_order (dissent, bucks_group_reason, &from);
      /* The original does not come first. */
      g_assert_true (strstr (dissent, bucks_group_reason) > amended);
      assert_lacks (dissent, "the original is above");
    }
}

/* A quoracy profile: Bolton's rule, children's social care and two other agencies. */
static QuorumProfile *
make_quoracy_profile (void)
{
  QuorumProfile *profile = make_profile ();

  profile->lead_agency_patterns = g_strsplit ("children's social care", "|", -1);
  profile->min_other_agencies = 2;
  return profile;
}

static void
free_quoracy_profile (QuorumProfile *profile)
{
  g_strfreev (profile->lead_agency_patterns);
  free_profile (profile);
}

/* (d) The record says whether the conference was quorate under its profile's rule; inquorate,
 * what it lacked and the reason it proceeded; and the apologies and written reports recorded.
 * Text, PDF, and JSON keys added. */
static void
test_quoracy_stated (void)
{
  g_autoptr(QuorumConference) conference = make_conference (TRUE, 0);
  g_autoptr(GDateTime) when = export_time ();
  QuorumProfile *profile = make_quoracy_profile ();
  g_autoptr(GPtrArray) records = NULL;

  add_attendee (conference, 8, "Dr Owen Price", "GP", "Moss Lane Surgery", "Moss Lane Surgery", TRUE);
  ((QuorumAttendee *) g_ptr_array_index (conference->attendees, 7))->attendance = QUORUM_ATTENDANCE_APOLOGIES;
  add_attendee (conference, 9, "Rita Report", "School nurse", "School Nursing", "School Nursing", TRUE);
  ((QuorumAttendee *) g_ptr_array_index (conference->attendees, 8))->attendance = QUORUM_ATTENDANCE_REPORT_SENT;

  records = record_texts_at (conference, profile, when, "quorate.pdf");
  for (guint i = 0; i < records->len; i++)
    {
      g_autofree char *all = squash (g_ptr_array_index (records, i));
      const char *attendees = strstr (all, "Attendees");
      const char *from = all;

      g_assert_nonnull (attendees);
      assert_in_order (all, "Quorate under this policy’s rule: children’s social care and 4 other "
                            "agencies attended (the policy needs 2)", &from);
      assert_in_order (all, "Dr Owen Price (Moss Lane Surgery)", &from);
      assert_in_order (all, "Rita Report (School Nursing)", &from);
      g_assert_true (from < attendees);
    }
  g_clear_pointer (&records, g_ptr_array_unref);

  {
    g_autoptr(JsonNode) node = quorum_json_dissent_record (conference, profile, "Minnie Taker", when);
    JsonObject *quoracy = json_object_get_object_member (json_node_get_object (node), "quoracy");

    g_assert_nonnull (quoracy);
    g_assert_true (json_object_get_boolean_member (quoracy, "quorate"));
    g_assert_cmpint (json_object_get_int_member (quoracy, "other_agencies"), ==, 4);
    g_assert_cmpint (json_object_get_int_member (quoracy, "other_agencies_required"), ==, 2);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (quoracy, "apologies")), ==, 1);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (quoracy, "written_reports")), ==, 1);
    /* The key that was there stays. */
    g_assert_true (json_object_has_member (json_node_get_object (node), "inquorate_reason"));
  }

  /* Children's social care sent apologies: inquorate, what it lacked, and why it went ahead. */
  ((QuorumAttendee *) g_ptr_array_index (conference->attendees, 0))->attendance = QUORUM_ATTENDANCE_APOLOGIES;
  conference->inquorate_reason = g_strdup ("The social worker was taken ill; the child is at risk now.");
  records = record_texts_at (conference, profile, when, "inquorate.pdf");
  for (guint i = 0; i < records->len; i++)
    {
      g_autofree char *all = squash (g_ptr_array_index (records, i));
      const char *from = all;

      assert_in_order (all, "Not quorate under this policy’s rule: No one from children’s social care is present", &from);
      assert_in_order (all, "The social worker was taken ill; the child is at risk now.", &from);
      assert_in_order (all, "Sam Social (Children's Social Care), Dr Owen Price", &from);
    }
  {
    g_autoptr(JsonNode) node = quorum_json_dissent_record (conference, profile, "Minnie Taker", when);
    JsonObject *quoracy = json_object_get_object_member (json_node_get_object (node), "quoracy");

    g_assert_false (json_object_get_boolean_member (quoracy, "quorate"));
    g_assert_false (json_object_get_boolean_member (quoracy, "lead_agency_present"));
    g_assert_cmpstr (json_object_get_string_member (quoracy, "inquorate_reason"), ==,
                     "The social worker was taken ill; the child is at risk now.");
  }
  free_quoracy_profile (profile);
}

static void
test_formats (void)
{
  QuorumExportFormat format;

  g_assert_true (quorum_export_format_from_string ("pdf", &format));
  g_assert_cmpint (format, ==, QUORUM_EXPORT_PDF);
  g_assert_true (quorum_export_format_from_string ("txt", &format));
  g_assert_cmpint (format, ==, QUORUM_EXPORT_TEXT);
  g_assert_false (quorum_export_format_from_string ("docx", &format));
  g_assert_true (quorum_export_format_from_path ("/tmp/a.b/record.CSV", &format));
  g_assert_cmpint (format, ==, QUORUM_EXPORT_CSV);
  g_assert_false (quorum_export_format_from_path ("/tmp/a.json/record", &format));
  for (guint i = QUORUM_EXPORT_PDF; i <= QUORUM_EXPORT_TEXT; i++)
    {
      g_assert_true (quorum_export_format_from_string (quorum_export_format_to_string (i), &format));
      g_assert_cmpint (format, ==, i);
    }
}

/* 002 §4.1: the chair decides, and the record says why. The chair's own reasons are in every
 * format of the dissent record: text and PDF under "The chair’s reasons" (as they stand after an
 * amendment, the original kept beside them; a decision made before Quorum kept them says so),
 * CSV in "chair_reason" on each of the child's rows, JSON as the decision's "chair_reason". */
static const char *chair_words =
  "The trust could not agree and social care sees chronic neglect; only a plan lets the agencies see it end.";
static const char *chair_words_amended =
  "The trust could not agree and social care sees chronic neglect; only a plan lets the agencies see it end, "
  "and the police share the concern.";

static void
test_chair_reason_in_every_format (void)
{
  g_autoptr(QuorumConference) conference = make_could_not_agree_conference (QUORUM_VIEW_NO_PLAN, FALSE);
  QuorumDecision *decision = g_ptr_array_index (conference->decisions, 0);
  g_autoptr(GDateTime) when = export_time ();
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(JsonNode) json = NULL;
  QuorumAmendment *amendment;
  JsonObject *first;

  g_free (conference->profile_id);
  conference->profile_id = g_strdup ("buckinghamshire");
  decision->basis = QUORUM_BASIS_CHAIR;
  decision->reason = g_strdup (chair_words);

  records = record_texts (conference, "chair-reason.pdf");
  for (guint i = 0; i < records->len; i++)
    {
      g_autofree char *all = squash (g_ptr_array_index (records, i));

      assert_contains (all, "The chair’s reasons");
      assert_contains (all, chair_words);
    }
  g_clear_pointer (&records, g_ptr_array_unref);

  csv = quorum_export_csv_string (conference, "Minnie Taker", when);
  g_assert_nonnull (strstr (csv, ",chair_reason,original_values,referral_id,"));
  g_assert_nonnull (strstr (csv, ",referral_outcome,exported_by,exported_at\r\n"));
  {
    g_auto(GStrv) lines = g_strsplit (csv, "\r\n", -1);
    guint rows = 0;

    for (guint i = 1; lines[i] != NULL && *lines[i] != '\0'; i++, rows++)
      g_assert_nonnull (strstr (lines[i], chair_words));
    g_assert_cmpuint (rows, ==, 3);
  }

  json = quorum_json_conference (conference, NULL);
  first = json_array_get_object_element (json_object_get_array_member (json_node_get_object (json), "decisions"), 0);
  g_assert_cmpstr (json_object_get_string_member (first, "chair_reason"), ==, chair_words);
  /* Every key of the decision as before: one added. */
  g_assert_true (json_object_has_member (first, "basis"));
  g_assert_true (json_object_has_member (first, "tally"));
  g_assert_true (json_object_has_member (first, "dissent"));

  /* Amended after sign-off: as they stand, then the amendment and the original. */
  conference->finalised_at = g_strdup ("2026-11-20T12:00:00.000000Z");
  amendment = add_amendment (conference, 130, "decision:101", "The chair's reasons corrected");
  amendment->field = g_strdup ("reason");
  amendment->old_value = g_strdup (chair_words);
  amendment->new_value = g_strdup (chair_words_amended);
  records = record_texts (conference, "chair-reason-amended.pdf");
  for (guint i = 0; i < records->len; i++)
    {
      const char *record = g_ptr_array_index (records, i);
      g_autofree char *all = squash (record);
      const char *now = strstr (all, chair_words_amended);
      const char *original = strstr (all, "Amended after sign-off (amendment 1");

      g_assert_nonnull (now);
      g_assert_nonnull (original);
      g_assert_true (now < original);
    }
  g_clear_pointer (&records, g_ptr_array_unref);
  /* The CSV as the record: "chair_reason" as they stand, as signed off in "original_values". */
  {
    g_autofree char *amended_csv = quorum_export_csv_string (conference, "Minnie Taker", when);
    g_autoptr(JsonNode) rows = parse_csv_string (amended_csv);
    JsonArray *table = json_node_get_array (rows);
    JsonArray *header = json_array_get_array_element (table, 0);
    guint reason_column = column_index (header, "chair_reason");
    guint original_column = column_index (header, "original_values");

    g_assert_cmpuint (json_array_get_length (table), ==, 4);
    for (guint r = 1; r < json_array_get_length (table); r++)
      {
        JsonArray *row = json_array_get_array_element (table, r);
        g_autoptr(JsonNode) originals = json_from_string (json_array_get_string_element (row, original_column), NULL);

        g_assert_cmpstr (json_array_get_string_element (row, reason_column), ==, chair_words_amended);
        g_assert_nonnull (originals);
        g_assert_cmpstr (json_object_get_string_member (json_node_get_object (originals), "chair_reason"), ==,
                         chair_words);
      }
  }

  /* A chair's decision recorded before schema 11: no reasons, said so; never "No reason was given". */
  g_ptr_array_remove_index (conference->amendments, conference->amendments->len - 1);
  g_clear_pointer (&decision->reason, g_free);
  records = record_texts (conference, "chair-reason-none.pdf");
  for (guint i = 0; i < records->len; i++)
    {
      g_autofree char *all = squash (g_ptr_array_index (records, i));

      assert_contains (all, "Not recorded: the decision was recorded before Quorum kept the chair’s reasons.");
    }
  g_clear_pointer (&records, g_ptr_array_unref);

  /* Not a chair's decision: no such heading. */
  decision->basis = QUORUM_BASIS_MAJORITY;
  records = record_texts (conference, "chair-reason-majority.pdf");
  for (guint i = 0; i < records->len; i++)
    assert_lacks (g_ptr_array_index (records, i), "The chair’s reasons");
}

int
main (int   argc,
      char *argv[])
{
  const char *keep = g_getenv ("QUORUM_TEST_KEEP");
  int ret;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  if (keep != NULL && *keep != '\0')
    {
      tmpdir = g_strdup (keep);
      g_mkdir_with_parents (tmpdir, 0700);
    }
  else
    tmpdir = g_dir_make_tmp ("quorum-test-export-XXXXXX", NULL);
  g_assert_nonnull (tmpdir);

  g_test_add_func ("/export/formats", test_formats);
  g_test_add_func ("/export/chair-decides/chair-reason-in-every-format", test_chair_reason_in_every_format);
  g_test_add_func ("/export/pdf/complete-and-in-order", test_pdf_complete_and_in_order);
  g_test_add_func ("/export/pdf/long-reason-breaks-across-pages", test_pdf_long_reason_breaks_across_pages);
  g_test_add_func ("/export/pdf/short-is-one-page", test_pdf_short_is_one_page);
  g_test_add_func ("/export/pdf/headings-keep-with-next", test_pdf_headings_keep_with_next);
  g_test_add_func ("/export/pdf/group-heading-keeps-with-its-reason", test_pdf_group_heading_keeps_with_its_reason);
  g_test_add_func ("/export/pdf/group-heading-exactly-at-the-foot", test_pdf_heading_exactly_at_the_foot);
  g_test_add_func ("/export/pdf/finalised-has-no-draft", test_pdf_finalised_pages_have_no_draft);
  g_test_add_func ("/export/pdf/seal-never-alone-on-a-page", test_pdf_seal_never_alone);
  g_test_add_func ("/export/write-failure-leaves-nothing", test_write_failure_leaves_nothing);
  g_test_add_func ("/export/csv/escape", test_csv_escape);
  g_test_add_func ("/export/csv/round-trip", test_csv_round_trip);
  g_test_add_func ("/export/csv/values-as-they-stand", test_csv_values_as_they_stand);
  g_test_add_func ("/export/json/conference", test_json_conference);
  g_test_add_func ("/export/json/decision-no-plan", test_json_decision_no_plan);
  g_test_add_func ("/export/json/file", test_json_file);
  g_test_add_func ("/export/text", test_text);
  g_test_add_func ("/export/dissent/members-who-could-not-agree", test_dissent_members_who_could_not_agree);
  g_test_add_func ("/export/dissent/only-representatives-who-differ", test_dissent_only_representatives_who_differ);
  g_test_add_func ("/export/json/dissent-group-or-own-position", test_json_dissent_group_or_own_position);
  g_test_add_func ("/export/dissent/amended-reason-beside-the-original", test_dissent_amended_reason_beside_the_original);
  g_test_add_func ("/export/dissent/amendment-chain", test_dissent_amendment_chain);
  g_test_add_func ("/export/amendment-in-words", test_amendment_in_words);
  g_test_add_func ("/export/amended-name-where-shown", test_amended_name_where_shown);
  g_test_add_func ("/export/amended-details-where-shown", test_amended_details_where_shown);
  g_test_add_func ("/export/pdf/seal-on-one-line", test_pdf_seal_on_one_line);
  g_test_add_func ("/export/pdf/amended-note-keeps-with-its-text", test_pdf_amended_note_keeps_with_its_text);
  g_test_add_func ("/export/referral-correction-in-words", test_referral_correction_in_words);
  g_test_add_func ("/export/dissent/own-amended-in-place", test_own_dissent_amended_in_place);
  g_test_add_func ("/export/dissent/reason-amended-inline", test_dissent_reason_amended_inline);
  g_test_add_func ("/export/csv/members-who-could-not-agree", test_csv_members_who_could_not_agree);
  g_test_add_func ("/export/csv/amendments-on-the-rows-they-bear-on", test_csv_amendments_on_their_rows);
  g_test_add_func ("/export/referral/overdue-as-of-export", test_referral_overdue_as_of_export);
  g_test_add_func ("/export/referral/sent-and-heard-late", test_referral_sent_and_heard_late);
  g_test_add_func ("/export/pdf/continued-names-the-child", test_pdf_continued_names_the_child);
  g_test_add_func ("/export/dissent/amended-reason-as-it-stands-first", test_amended_reason_as_it_stands_first);
  g_test_add_func ("/export/quoracy-stated", test_quoracy_stated);

  ret = g_test_run ();

  if (keep == NULL || *keep == '\0')
    {
      g_autoptr(GDir) dir = g_dir_open (tmpdir, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (tmpdir, name, NULL);
          g_unlink (path);
        }
      g_rmdir (tmpdir);
    }
  g_free (tmpdir);

  return ret;
}
