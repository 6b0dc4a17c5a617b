/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-store-difference.c: a professional difference in the store: each action one transaction
 * with its audit entries; every refusal leaves the database byte-for-byte as it was. */

#include <string.h>

#include "store-fixture.h"
#include "store/quorum-store-private.h"
#include "store/quorum-store-difference.h"

#define count_rows store_fixture_count

static void
set_iso (GDate      *date,
         const char *iso)
{
  g_assert_true (quorum_date_parse (iso, "date", date, NULL));
}

static void
spec_init (QuorumDifferenceSpec *spec,
           const char           *profile_id,
           const char           *date)
{
  memset (spec, 0, sizeof *spec);
  spec->profile_id = profile_id;
  set_iso (&spec->date, date);
  spec->raised_by = "H. Visitor";
  spec->role = "Health visitor";
  spec->agency = "Bolton NHS Foundation Trust";
  spec->against = "Children's Social Care";
  spec->child = "Amy Jones";
  spec->area = QUORUM_AREA_THRESHOLDS;
  spec->outcome_sought = "A strategy meeting";
}

static gint64
raise_difference (QuorumStore *store,
                  const char  *profile_id,
                  const char  *date)
{
  g_autoptr(GError) error = NULL;
  QuorumDifferenceSpec spec;
  gint64 id;

  spec_init (&spec, profile_id, date);
  id = quorum_store_raise_difference (store, &spec, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
escalate (QuorumStore *store,
          gint64       id,
          const char  *date)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumDifferenceStage) stage = NULL;
  GDate when;

  set_iso (&when, date);
  stage = quorum_store_escalate_difference (store, id, &when, "No agreement", &error);
  g_assert_no_error (error);
  g_assert_nonnull (stage);
}

static void
assert_verified (QuorumStore *store)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_true (quorum_store_verify (store, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, >, 0);
}

static char *
due_of (const QuorumDifferenceStage *stage)
{
  return g_date_valid (&stage->due) ? quorum_date_to_string (&stage->due) : NULL;
}

static void
test_raise_one_transaction_audited (StoreFixture  *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumDifference) d = NULL;
  g_autofree char *due = NULL;
  const QuorumDifferenceStage *stage;
  StoreCommits commits;
  gint64 id;

  store_fixture_watch_commits (f->store, &commits);
  id = raise_difference (f->store, "bradford", "2026-12-24");
  g_assert_cmpint (store_fixture_commits (&commits), ==, 1);

  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM difference"), ==, 1);
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM difference_stage"), ==, 1);
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM audit WHERE entity = 'difference' AND action = 'insert'"), ==, 1);
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM audit WHERE entity = 'difference_stage' AND action = 'insert'"), ==, 1);

  store_fixture_reopen (f);
  d = quorum_store_load_difference (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (d->profile_id, ==, "bradford");
  g_assert_cmpstr (d->raised_by, ==, "H. Visitor");
  g_assert_cmpstr (d->role, ==, "Health visitor");
  g_assert_cmpstr (d->child, ==, "Amy Jones");
  g_assert_cmpint (d->area, ==, QUORUM_AREA_THRESHOLDS);
  g_assert_cmpint (d->status, ==, QUORUM_DIFFERENCE_OPEN);
  g_assert_nonnull (d->created_at);
  g_assert_cmpuint (d->stages->len, ==, 1);
  stage = quorum_difference_get_current_stage (d);
  g_assert_cmpint (stage->number, ==, 1);
  g_assert_cmpint (stage->limit_working_days, ==, 5);
  /* Thu 24 Dec 2026 + 5 working days over Christmas and New Year */
  due = due_of (stage);
  g_assert_cmpstr (due, ==, "2027-01-05");

  assert_verified (f->store);
}

static void
test_escalate_record_resolve (StoreFixture  *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumDifference) d = NULL;
  g_autoptr(QuorumDifferenceStage) stage = NULL;
  QuorumDifferenceNoteSpec note = { 0 };
  QuorumResolutionSpec resolution = { 0 };
  g_autofree char *due = NULL;
  GDate when;
  StoreCommits commits;
  gint64 id;
  gint64 note_id;

  id = raise_difference (f->store, "south-east-wales", "2026-08-24");
  escalate (f->store, id, "2026-08-25");

  /* Step 3: within 2 working days, over the summer bank holiday */
  store_fixture_watch_commits (f->store, &commits);
  set_iso (&when, "2026-08-28");
  stage = quorum_store_escalate_difference (f->store, id, &when, "Line managers could not agree", &error);
  g_assert_no_error (error);
  g_assert_cmpint (store_fixture_commits (&commits), ==, 1);
  g_assert_cmpint (stage->number, ==, 3);
  g_assert_cmpint (stage->id, >, 0);
  /* Rule: SEW step 3 runs 2 working days from step 2 (08-25), not from its own opening (08-28). */
  due = due_of (stage);
  g_assert_cmpstr (due, ==, "2026-08-27");
  g_assert_cmpint (count_rows (f->store, "SELECT stage FROM difference"), ==, 3);
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM audit WHERE entity = 'difference' AND action = 'update'"), ==, 2);

  store_fixture_watch_commits (f->store, &commits);
  set_iso (&note.date, "2026-09-01");
  note.participants = "H. Visitor, S. Social, their managers";
  note.summary = "Discussed the threshold decision";
  note.agreed = "A joint visit";
  note_id = quorum_store_record_difference_note (f->store, id, &note, &error);
  g_assert_no_error (error);
  g_assert_cmpint (note_id, >, 0);
  g_assert_cmpint (store_fixture_commits (&commits), ==, 1);
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM audit WHERE entity = 'difference_note'"), ==, 1);

  store_fixture_watch_commits (f->store, &commits);
  set_iso (&resolution.date, "2026-09-02");
  resolution.outcome = "Agreed in writing: a strategy meeting on 3 September";
  resolution.feedback_to = "H. Visitor";
  set_iso (&resolution.feedback_date, "2026-09-02");
  g_assert_true (quorum_store_resolve_difference (f->store, id, &resolution, &error));
  g_assert_no_error (error);
  g_assert_cmpint (store_fixture_commits (&commits), ==, 1);

  /* The follow-up after resolution; a second time changes nothing and writes nothing */
  store_fixture_watch_commits (f->store, &commits);
  g_assert_true (quorum_store_follow_up_difference (f->store, id, TRUE, TRUE, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (store_fixture_commits (&commits), ==, 1);
  store_fixture_watch_commits (f->store, &commits);
  g_assert_true (quorum_store_follow_up_difference (f->store, id, TRUE, FALSE, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (store_fixture_commits (&commits), ==, 0);

  store_fixture_reopen (f);
  d = quorum_store_load_difference (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (d->status, ==, QUORUM_DIFFERENCE_RESOLVED);
  g_assert_cmpstr (d->outcome, ==, resolution.outcome);
  g_assert_null (d->challenge_outcome);
  g_assert_cmpstr (d->feedback_to, ==, "H. Visitor");
  g_assert_true (g_date_valid (&d->feedback_date));
  g_assert_true (d->debrief);
  g_assert_true (d->protocol_review);
  g_assert_cmpuint (d->stages->len, ==, 3);
  g_assert_cmpuint (d->notes->len, ==, 1);
  g_assert_cmpstr (((QuorumDifferenceNote *) g_ptr_array_index (d->notes, 0))->agreed, ==, "A joint visit");
  g_assert_cmpstr (((QuorumDifferenceStage *) g_ptr_array_index (d->stages, 2))->reason, ==,
                   "Line managers could not agree");

  assert_verified (f->store);
}

static void
test_checklist_answers_kept_with_questions (StoreFixture  *f,
                                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumDifference) d = NULL;
  g_autoptr(QuorumProfile) profile = quorum_profiles_lookup ("six-stage", NULL);
  const QuorumStage *first = quorum_profile_get_stage (profile, 1);
  g_autoptr(GPtrArray) answers = g_ptr_array_new_with_free_func (g_free);
  QuorumDifferenceNoteSpec note = { 0 };
  QuorumDifferenceNote *recorded;
  guint n = g_strv_length (first->checklist);
  gint64 id;
  StoreCommits commits;

  id = raise_difference (f->store, "six-stage", "2026-11-20");
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (answers, g_strdup_printf ("Answer %u", i + 1));
  g_ptr_array_add (answers, NULL);

  set_iso (&note.date, "2026-11-20");
  note.participants = "H. Visitor, S. Social";
  note.summary = "Worked through the stage 1 questions";
  note.answers = (const char * const *) answers->pdata;

  store_fixture_watch_commits (f->store, &commits);
  g_assert_cmpint (quorum_store_record_difference_note (f->store, id, &note, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (store_fixture_commits (&commits), ==, 1);
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM difference_answer"), ==, n);
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM audit WHERE entity = 'difference_answer'"), ==, n);

  d = quorum_store_load_difference (f->store, id, &error);
  g_assert_no_error (error);
  recorded = g_ptr_array_index (d->notes, 0);
  g_assert_cmpuint (g_strv_length (recorded->questions), ==, n);
  g_assert_cmpstr (recorded->questions[0], ==, first->checklist[0]);
  g_assert_cmpstr (recorded->answers[n - 1], ==, g_ptr_array_index (answers, n - 1));

  assert_verified (f->store);
}

/* ---- refusals leave the file as it was ---- */

typedef void (*BadAction) (QuorumStore *store, gint64 id, GError **error);

static void
bad_blank_raiser (QuorumStore *store, gint64 id, GError **error)
{
  QuorumDifferenceSpec spec;

  spec_init (&spec, "bradford", "2026-11-19");
  spec.raised_by = "  ";
  g_assert_cmpint (quorum_store_raise_difference (store, &spec, error), ==, 0);
}

static void
bad_unknown_profile (QuorumStore *store, gint64 id, GError **error)
{
  QuorumDifferenceSpec spec;

  spec_init (&spec, "atlantis", "2026-11-19");
  g_assert_cmpint (quorum_store_raise_difference (store, &spec, error), ==, 0);
}

static void
bad_unknown_conference (QuorumStore *store, gint64 id, GError **error)
{
  QuorumDifferenceSpec spec;

  spec_init (&spec, "bradford", "2026-11-19");
  spec.conference_id = 999;
  g_assert_cmpint (quorum_store_raise_difference (store, &spec, error), ==, 0);
}

static void
bad_child_not_in_conference (QuorumStore *store, gint64 id, GError **error)
{
  QuorumDifferenceSpec spec;

  spec_init (&spec, "bolton", "2026-11-19");
  spec.conference_id = 1;
  spec.child = "Zed Nobody";
  g_assert_cmpint (quorum_store_raise_difference (store, &spec, error), ==, 0);
}

static void
bad_note_backwards (QuorumStore *store, gint64 id, GError **error)
{
  QuorumDifferenceNoteSpec note = { 0 };

  set_iso (&note.date, "2026-12-23");
  note.participants = "A, B";
  note.summary = "Before it was raised";
  g_assert_cmpint (quorum_store_record_difference_note (store, id, &note, error), ==, 0);
}

static void
bad_note_checklist_without_one (QuorumStore *store, gint64 id, GError **error)
{
  const char *answers[] = { "Yes", NULL };
  QuorumDifferenceNoteSpec note = { 0 };

  set_iso (&note.date, "2026-12-29");
  note.participants = "A, B";
  note.summary = "Bradford has no checklist";
  note.answers = answers;
  g_assert_cmpint (quorum_store_record_difference_note (store, id, &note, error), ==, 0);
}

static void
bad_note_unknown_difference (QuorumStore *store, gint64 id, GError **error)
{
  QuorumDifferenceNoteSpec note = { 0 };

  set_iso (&note.date, "2026-12-29");
  note.participants = "A, B";
  note.summary = "No such difference";
  g_assert_cmpint (quorum_store_record_difference_note (store, 4242, &note, error), ==, 0);
}

static void
bad_escalate_backwards (QuorumStore *store, gint64 id, GError **error)
{
  g_autoptr(QuorumDifferenceStage) stage = NULL;
  GDate when;

  set_iso (&when, "2026-12-01");
  stage = quorum_store_escalate_difference (store, id, &when, "Because", error);
  g_assert_null (stage);
}

static void
bad_escalate_without_reason (QuorumStore *store, gint64 id, GError **error)
{
  g_autoptr(QuorumDifferenceStage) stage = NULL;
  GDate when;

  set_iso (&when, "2026-12-29");
  stage = quorum_store_escalate_difference (store, id, &when, "", error);
  g_assert_null (stage);
}

static void
bad_resolve_without_outcome (QuorumStore *store, gint64 id, GError **error)
{
  QuorumResolutionSpec spec = { 0 };

  set_iso (&spec.date, "2026-12-29");
  spec.outcome = NULL;
  g_assert_false (quorum_store_resolve_difference (store, id, &spec, error));
}

static void
bad_follow_up_while_open (QuorumStore *store, gint64 id, GError **error)
{
  g_assert_false (quorum_store_follow_up_difference (store, id, TRUE, FALSE, NULL, NULL, error));
}

static const struct {
  const char *path;
  BadAction   action;
  int         code;
} bad_actions[] = {
  { "/store/difference/refused/raise-without-who-raised-it", bad_blank_raiser, QUORUM_ERROR_INVALID },
  { "/store/difference/refused/raise-under-an-unknown-profile", bad_unknown_profile, QUORUM_ERROR_INVALID },
  { "/store/difference/refused/raise-linked-to-an-unknown-conference", bad_unknown_conference, QUORUM_ERROR_NOT_FOUND },
  { "/store/difference/refused/raise-about-a-child-not-in-the-conference", bad_child_not_in_conference, QUORUM_ERROR_INVALID },
  { "/store/difference/refused/discussion-dated-before-the-last-event", bad_note_backwards, QUORUM_ERROR_INVALID },
  { "/store/difference/refused/checklist-at-a-stage-without-one", bad_note_checklist_without_one, QUORUM_ERROR_INVALID },
  { "/store/difference/refused/discussion-of-an-unknown-difference", bad_note_unknown_difference, QUORUM_ERROR_NOT_FOUND },
  { "/store/difference/refused/escalation-dated-before-the-last-event", bad_escalate_backwards, QUORUM_ERROR_INVALID },
  { "/store/difference/refused/escalation-without-a-reason", bad_escalate_without_reason, QUORUM_ERROR_INVALID },
  { "/store/difference/refused/resolution-without-an-outcome", bad_resolve_without_outcome, QUORUM_ERROR_INVALID },
  { "/store/difference/refused/follow-up-before-resolution", bad_follow_up_while_open, QUORUM_ERROR_INVALID },
};

static void
test_refusal_leaves_file_unchanged (StoreFixture  *f,
                                    gconstpointer  data)
{
  guint i = GPOINTER_TO_UINT (data);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  StoreCommits commits;
  gint64 id;

  make_conference (f->store, "bolton", "2026-11-20", NULL, NULL);
  id = raise_difference (f->store, "bradford", "2026-12-24");

  before = store_fixture_hash (f);
  store_fixture_reopen (f);
  store_fixture_watch_commits (f->store, &commits);

  bad_actions[i].action (f->store, id, &error);
  g_assert_error (error, QUORUM_ERROR, bad_actions[i].code);
  g_assert_cmpint (store_fixture_commits (&commits), ==, 0);

  after = store_fixture_hash (f);
  g_assert_cmpstr (before, ==, after);
  store_fixture_reopen (f);
}

static void
test_past_last_stage_refused_unchanged (StoreFixture  *f,
                                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumDifferenceStage) stage = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GDate when;
  gint64 id;

  id = raise_difference (f->store, "bolton", "2026-11-19");
  escalate (f->store, id, "2026-11-20");
  escalate (f->store, id, "2026-11-23");

  before = store_fixture_hash (f);
  store_fixture_reopen (f);
  set_iso (&when, "2026-11-24");
  stage = quorum_store_escalate_difference (f->store, id, &when, "Still no agreement", &error);
  g_assert_null (stage);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "already at the last stage of bolton: "));
  after = store_fixture_hash (f);
  g_assert_cmpstr (before, ==, after);
  store_fixture_reopen (f);
}

static void
test_resolved_is_closed (StoreFixture  *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumDifferenceStage) stage = NULL;
  QuorumResolutionSpec spec = { 0 };
  QuorumDifferenceNoteSpec note = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GDate when;
  gint64 id;

  id = raise_difference (f->store, "bradford", "2026-11-19");
  set_iso (&spec.date, "2026-11-20");
  spec.outcome = "Agreed";
  g_assert_true (quorum_store_resolve_difference (f->store, id, &spec, &error));
  g_assert_no_error (error);

  before = store_fixture_hash (f);
  store_fixture_reopen (f);

  g_assert_false (quorum_store_resolve_difference (f->store, id, &spec, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);

  set_iso (&when, "2026-11-23");
  stage = quorum_store_escalate_difference (f->store, id, &when, "Reopen", &error);
  g_assert_null (stage);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);

  note.date = when;
  note.participants = "A";
  note.summary = "After the resolution";
  g_assert_cmpint (quorum_store_record_difference_note (f->store, id, &note, &error), ==, 0);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);

  after = store_fixture_hash (f);
  g_assert_cmpstr (before, ==, after);
  store_fixture_reopen (f);
}

static void
test_triggers_guard_the_record (StoreFixture  *f,
                                gconstpointer  data)
{
  const char *refused[] = {
    "DELETE FROM difference",
    "DELETE FROM difference_stage",
    "UPDATE difference SET raised_by = 'Someone else'",
    "UPDATE difference SET against = 'Police'",
    /* One stage at a time, or over one alternative (six-stage 3 → 5): never three up */
    "UPDATE difference SET stage = 4",
    "UPDATE difference_stage SET due = '2030-01-01'",
    "UPDATE difference SET area = 'not-an-area'",
  };
  gint64 id;

  id = raise_difference (f->store, "bradford", "2026-11-19");
  g_assert_cmpint (id, >, 0);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    g_assert_false (store_fixture_exec (f->store, refused[i]));

  assert_verified (f->store);
}

static void
test_verify_detects_tampering (StoreFixture  *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  QuorumDifferenceNoteSpec note = { 0 };
  gint64 id;

  id = raise_difference (f->store, "bradford", "2026-11-19");
  set_iso (&note.date, "2026-11-20");
  note.participants = "A, B";
  note.summary = "What was said";
  g_assert_cmpint (quorum_store_record_difference_note (f->store, id, &note, &error), >, 0);
  assert_verified (f->store);

  /* Someone with the file and sqlite3, or a superuser with psql, rewrites what was said */
  store_fixture_tamper (f->path, "DROP TRIGGER difference_note_no_update; "
                                 "UPDATE difference_note SET summary = 'Something else'",
                        "UPDATE difference_note SET summary = 'Something else'");
  g_assert_false (quorum_store_verify (f->store, NULL, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_TAMPERED);
}

static void
test_list_filters (StoreFixture  *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  QuorumResolutionSpec spec = { 0 };
  QuorumDifferenceSpec raise_spec;
  QuorumDifferenceFilter filter = { 0 };
  GDate from;
  GDate to;
  gint64 conf;
  gint64 a;
  gint64 b;
  gint64 c;

  conf = make_conference (f->store, "buckinghamshire", "2026-11-20", NULL, NULL);
  a = raise_difference (f->store, "bradford", "2026-10-01");
  b = raise_difference (f->store, "south-east-wales", "2026-11-02");

  spec_init (&raise_spec, NULL, "2026-11-23");
  raise_spec.conference_id = conf;
  raise_spec.agency = "Thames Valley Police";
  raise_spec.against = "The conference chair";
  c = quorum_store_raise_difference (f->store, &raise_spec, &error);
  g_assert_no_error (error);

  set_iso (&spec.date, "2026-11-24");
  spec.outcome = "uphold";
  g_assert_true (quorum_store_resolve_difference (f->store, c, &spec, &error));
  g_assert_no_error (error);

  {
    g_autoptr(GPtrArray) all = quorum_store_list_differences (f->store, NULL, &error);
    QuorumDifference *linked;

    g_assert_no_error (error);
    g_assert_cmpuint (all->len, ==, 3);
    g_assert_cmpint (((QuorumDifference *) g_ptr_array_index (all, 0))->id, ==, a);
    linked = g_ptr_array_index (all, 2);
    g_assert_cmpint (linked->id, ==, c);
    /* Without --profile a linked difference takes its conference's profile */
    g_assert_cmpstr (linked->profile_id, ==, "buckinghamshire");
    g_assert_cmpint (linked->conference_id, ==, conf);
    g_assert_cmpstr (linked->challenge_outcome, ==, "Uphold the decision reached by the conference chair");
    g_assert_cmpuint (linked->stages->len, ==, 1);
  }

  filter.any_status = TRUE;
  filter.profile_id = "south-east-wales";
  {
    g_autoptr(GPtrArray) list = quorum_store_list_differences (f->store, &filter, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (list->len, ==, 1);
    g_assert_cmpint (((QuorumDifference *) g_ptr_array_index (list, 0))->id, ==, b);
  }

  filter.profile_id = NULL;
  filter.agency = "police";
  {
    g_autoptr(GPtrArray) list = quorum_store_list_differences (f->store, &filter, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (list->len, ==, 1);
  }

  filter.agency = "children's social";
  {
    g_autoptr(GPtrArray) list = quorum_store_list_differences (f->store, &filter, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (list->len, ==, 2);
  }

  filter.agency = NULL;
  filter.any_status = FALSE;
  filter.status = QUORUM_DIFFERENCE_RESOLVED;
  {
    g_autoptr(GPtrArray) list = quorum_store_list_differences (f->store, &filter, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (list->len, ==, 1);
  }

  filter.any_status = TRUE;
  set_iso (&from, "2026-11-01");
  set_iso (&to, "2026-11-22");
  filter.from = &from;
  filter.to = &to;
  {
    g_autoptr(GPtrArray) list = quorum_store_list_differences (f->store, &filter, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (list->len, ==, 1);
    g_assert_cmpint (((QuorumDifference *) g_ptr_array_index (list, 0))->id, ==, b);
  }

  filter.from = NULL;
  filter.to = NULL;
  filter.conference_id = conf;
  {
    g_autoptr(GPtrArray) list = quorum_store_list_differences (f->store, &filter, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (list->len, ==, 1);
  }

  /* The linked difference's audit entries belong to its conference's history */
  {
    g_autoptr(GPtrArray) audit = quorum_store_list_audit (f->store, conf, &error);
    gboolean found = FALSE;

    g_assert_no_error (error);
    for (guint i = 0; i < audit->len; i++)
      {
        QuorumAuditEntry *entry = g_ptr_array_index (audit, i);
        if (g_strcmp0 (entry->entity, "difference") == 0 && entry->entity_id == c)
          found = TRUE;
      }
    g_assert_true (found);
  }

  assert_verified (f->store);
}

static void
test_local_closure_day_counts (StoreFixture  *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumDifference) d = NULL;
  g_autofree char *due = NULL;
  GDate closed;
  gint64 id;

  /* A council's office closure on Friday 20 November 2026 */
  set_iso (&closed, "2026-11-20");
  g_assert_cmpint (quorum_store_add_closure_day (f->store, QUORUM_REGION_ENGLAND_WALES, &closed,
                                                 "Office closure", &error), >, 0);
  g_assert_no_error (error);

  id = raise_difference (f->store, "bradford", "2026-11-19");
  d = quorum_store_load_difference (f->store, id, &error);
  g_assert_no_error (error);
  /* 23, 24, 25, 26, 27 November */
  due = due_of (quorum_difference_get_current_stage (d));
  g_assert_cmpstr (due, ==, "2026-11-27");
  assert_verified (f->store);
}

int
main (int   argc,
      char *argv[])
{
  /* Its differences run over Christmas 2026; today is after them (no date in the future). */
  g_setenv ("QUORUM_TODAY", "2027-06-30", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, StoreFixture, NULL, store_fixture_set_up, func, store_fixture_tear_down)

  ADD ("/store/difference/raise/one-transaction-with-audit-entries", test_raise_one_transaction_audited);
  ADD ("/store/difference/escalate-record-resolve/one-transaction-each", test_escalate_record_resolve);
  ADD ("/store/difference/six-stage/checklist-answers-kept-with-their-questions", test_checklist_answers_kept_with_questions);
  ADD ("/store/difference/refused/escalation-past-the-last-stage", test_past_last_stage_refused_unchanged);
  ADD ("/store/difference/refused/anything-after-resolution", test_resolved_is_closed);
  ADD ("/store/difference/triggers/no-delete-no-rewrite", test_triggers_guard_the_record);
  ADD ("/store/difference/verify/detects-a-rewritten-discussion", test_verify_detects_tampering);
  ADD ("/store/difference/list/filters-by-profile-agency-status-period-conference", test_list_filters);
  ADD ("/store/difference/calendar/local-closure-days-are-not-working-days", test_local_closure_day_counts);

  for (guint i = 0; i < G_N_ELEMENTS (bad_actions); i++)
    g_test_add (bad_actions[i].path, StoreFixture, GUINT_TO_POINTER (i),
                store_fixture_set_up, test_refusal_leaves_file_unchanged, store_fixture_tear_down);

#undef ADD

  return g_test_run ();
}
