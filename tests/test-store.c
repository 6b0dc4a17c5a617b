/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-store.c: the store keeps every record whole, durable, private and unchangeable once
 * signed off; every refusal leaves the database as it was. */

#include <fcntl.h>
#include <sys/stat.h>
#include <string.h>

#include "store-fixture.h"
#include "store/quorum-store-private.h"
#include "store/quorum-store-report.h"
#include "store/quorum-store-life.h"

#define count_rows store_fixture_count

static void
test_open_private_and_durable (StoreFixture  *f,
                               gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (f->path);
  struct stat st;

  if (store_fixture_is_postgres ())
    {
      /* Current: the server's schema is at the version this build makes. */
      g_assert_cmpint (quorum_store_get_schema_version (f->store), ==,
                       _quorum_store_migrations[_quorum_store_n_migrations - 1].version);
      store_fixture_sqlite_only ("file and folder modes, WAL and synchronous = FULL are a SQLite file's; "
                                 "a server keeps its own files");
      return;
    }
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  g_assert_cmpint (count_rows (f->store, "PRAGMA synchronous"), ==, 2);  /* FULL */
  g_assert_cmpint (count_rows (f->store, "PRAGMA foreign_keys"), ==, 1);
  {
    sqlite3_stmt *stmt = NULL;
    sqlite3_prepare_v2 (_quorum_store_get_db (f->store), "PRAGMA journal_mode", -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "wal");
    sqlite3_finalize (stmt);
  }
  g_assert_cmpint (quorum_store_get_schema_version (f->store), ==,
                   _quorum_store_migrations[_quorum_store_n_migrations - 1].version);
}

static void
test_split_creates_plan_and_referral (StoreFixture  *f,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumOutcome) outcome = NULL;
  g_autoptr(QuorumConference) c = NULL;
  gint64 conf, amy, plan_id = 0, referral_id = 0;
  QuorumDecision *decision;
  QuorumDissent *dissent;
  QuorumReferral *referral;
  QuorumPlan *plan;
  g_autofree char *due = NULL;

  conf = make_conference (f->store, "bolton", "2026-11-20", &amy, NULL);
  no_consensus (f->store, conf, amy);
  vote (f->store, conf, amy, "Children's Social Care", QUORUM_VIEW_PLAN, QUORUM_CATEGORY_NEGLECT, "Chronic neglect.");
  vote (f->store, conf, amy, "Education", QUORUM_VIEW_PLAN, QUORUM_CATEGORY_EMOTIONAL, "Attendance falling.");
  vote (f->store, conf, amy, "Police", QUORUM_VIEW_NO_PLAN, 0, "No offences disclosed.");
  vote (f->store, conf, amy, "BOLTON NHS FT", QUORUM_VIEW_NO_PLAN, 0, "Health needs are met.");
  vote (f->store, conf, amy, "Probation", QUORUM_VIEW_DECLINE, 0, "No contact with the child.");

  outcome = quorum_store_decide (f->store, conf, amy, QUORUM_VIEW_NONE, 0, &plan_id, &referral_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (outcome->basis, ==, QUORUM_BASIS_SPLIT);
  g_assert_cmpint (plan_id, >, 0);
  g_assert_cmpint (referral_id, >, 0);

  /* What a second reader of the file sees. */
  store_fixture_reopen (f);
  c = quorum_store_load_conference (f->store, conf, &error);
  g_assert_no_error (error);
  decision = quorum_conference_find_decision (c, amy);
  g_assert_nonnull (decision);
  g_assert_cmpint (decision->outcome, ==, QUORUM_VIEW_PLAN);
  g_assert_cmpint (decision->n_plan, ==, 2);
  g_assert_cmpint (decision->n_no_plan, ==, 2);
  g_assert_cmpint (decision->n_declined, ==, 1);
  g_assert_cmpuint (decision->categories, ==, QUORUM_CATEGORY_NEGLECT | QUORUM_CATEGORY_EMOTIONAL);
  g_assert_cmpuint (decision->dissent->len, ==, 2);
  dissent = g_ptr_array_index (decision->dissent, 1);
  /* One group, two representatives, spelled as the attendees spell it. */
  g_assert_cmpstr (dissent->group, ==, "Bolton NHS FT");
  g_assert_cmpuint (g_strv_length (dissent->representatives), ==, 2);
  g_assert_cmpstr (dissent->representatives[1], ==, "H. Visitor Two");
  g_assert_cmpstr (dissent->reason, ==, "Health needs are met.");

  plan = quorum_conference_find_plan (c, amy);
  g_assert_nonnull (plan);
  g_assert_true (plan->from_split);
  referral = quorum_conference_find_referral (c, amy);
  g_assert_nonnull (referral);
  due = quorum_date_to_string (&referral->due);
  g_assert_cmpstr (due, ==, "2026-11-27");
  g_assert_false (g_date_valid (&referral->notified));

  g_assert_true (quorum_store_verify (f->store, NULL, &error));
  g_assert_no_error (error);
}

static void
test_second_view_replaces_first (StoreFixture  *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumConference) c = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  gint64 conf, amy, first, second;
  guint updates = 0;

  conf = make_conference (f->store, "bolton", "2026-11-20", &amy, NULL);
  first = vote (f->store, conf, amy, "Police", QUORUM_VIEW_PLAN, 0, "First thoughts");
  second = vote (f->store, conf, amy, "  police ", QUORUM_VIEW_NO_PLAN, 0, "Settled view");
  g_assert_cmpint (first, ==, second);

  c = quorum_store_load_conference (f->store, conf, &error);
  g_assert_cmpuint (c->votes->len, ==, 1);
  g_assert_cmpint (((QuorumVote *)g_ptr_array_index (c->votes, 0))->view, ==, QUORUM_VIEW_NO_PLAN);
  g_assert_cmpstr (((QuorumVote *)g_ptr_array_index (c->votes, 0))->group, ==, "Police");

  /* The first view is not lost: the audit log keeps it. */
  audit = quorum_store_list_audit (f->store, conf, &error);
  for (guint i = 0; i < audit->len; i++)
    {
      QuorumAuditEntry *e = g_ptr_array_index (audit, i);
      if (g_str_equal (e->entity, "vote") && g_str_equal (e->action, "update"))
        {
          updates++;
          g_assert_nonnull (strstr (e->summary, "(was plan)"));
        }
    }
  g_assert_cmpuint (updates, ==, 1);
}

/* The audit log says what a group's view given again changed: a reason edited under the same
 * view is not logged as the view replaced ("plan (was plan)"), and a view given again word for
 * word says so. */
static void
test_view_given_again_audited_as_what_changed (StoreFixture  *f,
                                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GPtrArray) summaries = g_ptr_array_new ();
  g_autofree char *reason = NULL, *both = NULL, *same = NULL, *replaced = NULL;
  gint64 conf, amy;

  conf = make_conference (f->store, "bolton", "2026-11-20", &amy, NULL);
  vote (f->store, conf, amy, "Police", QUORUM_VIEW_PLAN, QUORUM_CATEGORY_NEGLECT, "First thoughts");
  vote (f->store, conf, amy, "Police", QUORUM_VIEW_PLAN, QUORUM_CATEGORY_NEGLECT, "First thoughts, in full");
  vote (f->store, conf, amy, "Police", QUORUM_VIEW_PLAN, QUORUM_CATEGORY_NEGLECT | QUORUM_CATEGORY_EMOTIONAL,
        "Second thoughts");
  vote (f->store, conf, amy, "Police", QUORUM_VIEW_PLAN, QUORUM_CATEGORY_NEGLECT | QUORUM_CATEGORY_EMOTIONAL,
        "Second thoughts");
  vote (f->store, conf, amy, "Police", QUORUM_VIEW_NO_PLAN, 0, "Second thoughts");

  audit = quorum_store_list_audit (f->store, conf, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < audit->len; i++)
    {
      QuorumAuditEntry *e = g_ptr_array_index (audit, i);
      if (g_str_equal (e->entity, "vote") && g_str_equal (e->action, "update"))
        g_ptr_array_add (summaries, e->summary);
    }
  g_assert_cmpuint (summaries->len, ==, 4);
  reason = g_strdup_printf ("Police kept its view for child %" G_GINT64_FORMAT " (plan) and changed its reason", amy);
  both = g_strdup_printf ("Police kept its view for child %" G_GINT64_FORMAT
                          " (plan) and changed its reason and its categories", amy);
  same = g_strdup_printf ("Police gave the same view again for child %" G_GINT64_FORMAT ": plan", amy);
  replaced = g_strdup_printf ("Police replaced its view for child %" G_GINT64_FORMAT ": no-plan (was plan)", amy);
  g_assert_cmpstr (g_ptr_array_index (summaries, 0), ==, reason);
  g_assert_cmpstr (g_ptr_array_index (summaries, 1), ==, both);
  g_assert_cmpstr (g_ptr_array_index (summaries, 2), ==, same);
  g_assert_cmpstr (g_ptr_array_index (summaries, 3), ==, replaced);
}

static void
test_vote_refusals (StoreFixture  *f,
                    gconstpointer  data)
{
  g_autoptr(QuorumOutcome) outcome = NULL;
  GError *error = NULL;
  gint64 conf, amy;
  QuorumVoteSpec spec = { 0 };

  conf = make_conference (f->store, "bolton", "2026-11-20", &amy, NULL);

  /* A group with no voting attendee (the family) has no vote. */
  spec = (QuorumVoteSpec) { .child_id = amy, .group = "Family", .view = QUORUM_VIEW_PLAN };
  g_assert_cmpint (quorum_store_record_vote (f->store, conf, &spec, &error), ==, 0);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);

  /* Categories go with a plan view only. */
  spec = (QuorumVoteSpec) { .child_id = amy, .group = "Police", .view = QUORUM_VIEW_NO_PLAN,
                            .categories = QUORUM_CATEGORY_PHYSICAL };
  g_assert_cmpint (quorum_store_record_vote (f->store, conf, &spec, &error), ==, 0);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);

  /* After the decision, no vote. */
  no_consensus (f->store, conf, amy);
  vote (f->store, conf, amy, "Children's Social Care", QUORUM_VIEW_PLAN, 0, NULL);
  vote (f->store, conf, amy, "Police", QUORUM_VIEW_PLAN, 0, NULL);
  vote (f->store, conf, amy, "Bolton NHS FT", QUORUM_VIEW_PLAN, 0, NULL);
  vote (f->store, conf, amy, "Education", QUORUM_VIEW_NO_PLAN, 0, "Disagree");
  vote (f->store, conf, amy, "Probation", QUORUM_VIEW_PLAN, 0, NULL);
  outcome = quorum_store_decide (f->store, conf, amy, QUORUM_VIEW_NONE, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (outcome->basis, ==, QUORUM_BASIS_MAJORITY);

  spec = (QuorumVoteSpec) { .child_id = amy, .group = "Education", .view = QUORUM_VIEW_PLAN };
  g_assert_cmpint (quorum_store_record_vote (f->store, conf, &spec, &error), ==, 0);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);
}

/* A write that fails part-way leaves nothing of itself behind. */
static void
test_decision_is_one_transaction (StoreFixture  *f,
                                  gconstpointer  data)
{
  g_autoptr(QuorumOutcome) outcome = NULL;
  GError *error = NULL;
  gint64 conf, amy;

  conf = make_conference (f->store, "bolton", "2026-11-20", &amy, NULL);
  no_consensus (f->store, conf, amy);
  vote (f->store, conf, amy, "Children's Social Care", QUORUM_VIEW_PLAN, 0, NULL);
  vote (f->store, conf, amy, "Police", QUORUM_VIEW_NO_PLAN, 0, "No");
  vote (f->store, conf, amy, "Bolton NHS FT", QUORUM_VIEW_PLAN, 0, NULL);
  vote (f->store, conf, amy, "Education", QUORUM_VIEW_NO_PLAN, 0, "No");
  vote (f->store, conf, amy, "Probation", QUORUM_VIEW_DECLINE, 0, "Not known");

  /* The referral, the last write of a split decision, fails. */
  store_fixture_break_inserts (f->store, "referral");
  outcome = quorum_store_decide (f->store, conf, amy, QUORUM_VIEW_NONE, 0, NULL, NULL, &error);
  g_assert_null (outcome);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE);
  g_clear_error (&error);

  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM decision"), ==, 0);
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM dissent"), ==, 0);
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM plan"), ==, 0);
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM audit WHERE entity IN ('decision', 'plan')"), ==, 0);
  g_assert_true (quorum_store_verify (f->store, NULL, &error));

  /* With the fault gone the same decision goes through whole. */
  store_fixture_mend_inserts (f->store, "referral");
  outcome = quorum_store_decide (f->store, conf, amy, QUORUM_VIEW_NONE, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM referral"), ==, 1);
}

/* Issue 12: concurrent writers — a serialization failure or a deadlock is retried, never
 * shown. PostgreSQL aborts a writer's whole transaction for either (SQLSTATE 40001, 40P01); the
 * store runs the whole call again. Here the server is made to abort the vote's transaction
 * twice, at a statement and then at COMMIT (a deferred check), as a real conflict would. */
static void
test_conflict_retried_never_shown (StoreFixture  *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumConference) c = NULL;
  QuorumVoteSpec spec = { .group = "Police", .view = QUORUM_VIEW_PLAN, .reason = "Seen at home" };
  gint64 conf, amy, id;
  guint before;

  if (store_fixture_postgres_only ("SQLite's BEGIN IMMEDIATE takes the write lock before the first "
                                 "statement: nothing aborts a writer's transaction once begun"))
    return;
  conf = make_conference (f->store, "bolton", "2026-11-20", &amy, NULL);
  no_consensus (f->store, conf, amy);
  spec.child_id = amy;
  g_assert_true (store_fixture_exec (f->store,
    "CREATE SEQUENCE test_conflicts; "
    "CREATE FUNCTION test_conflict () RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN "
    "  IF nextval ('test_conflicts') = 1 THEN "
    "    RAISE EXCEPTION 'could not serialize access due to concurrent update' USING ERRCODE = '40001'; "
    "  END IF; "
    "  RETURN NEW; "
    "END $$; "
    "CREATE FUNCTION test_commit_conflict () RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN "
    "  IF currval ('test_conflicts') = 2 THEN "
    "    RAISE EXCEPTION 'could not serialize access due to read/write dependencies' USING ERRCODE = '40001'; "
    "  END IF; "
    "  RETURN NEW; "
    "END $$; "
    "CREATE TRIGGER test_conflict BEFORE INSERT ON vote FOR EACH ROW EXECUTE FUNCTION test_conflict (); "
    "CREATE CONSTRAINT TRIGGER test_commit_conflict AFTER INSERT ON vote DEFERRABLE INITIALLY DEFERRED "
    "  FOR EACH ROW EXECUTE FUNCTION test_commit_conflict ()"));

  before = _quorum_store_get_retries (f->store);
  id = quorum_store_record_vote (f->store, conf, &spec, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  /* Aborted at the insert, then at COMMIT, then stored. */
  g_assert_cmpuint (_quorum_store_get_retries (f->store) - before, ==, 2);
  g_assert_cmpint (store_fixture_count (f->store, "SELECT last_value FROM test_conflicts"), ==, 3);

  /* Stored once, whole, with its one audit entry. */
  g_assert_cmpint (store_fixture_count (f->store, "SELECT count(*) FROM vote"), ==, 1);
  g_assert_cmpint (store_fixture_count (f->store, "SELECT count(*) FROM audit WHERE entity = 'vote'"), ==, 1);
  c = quorum_store_load_conference (f->store, conf, &error);
  g_assert_cmpstr (quorum_conference_find_vote (c, amy, "Police")->reason, ==, "Seen at home");

  /* A conflict that never clears is shown in the end, and nothing is written. */
  g_assert_true (store_fixture_exec (f->store,
    "DROP TRIGGER test_commit_conflict ON vote; "
    "CREATE OR REPLACE FUNCTION test_conflict () RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN RAISE EXCEPTION 'deadlock detected' USING ERRCODE = '40P01'; END $$"));
  spec.group = "Education";
  before = _quorum_store_get_retries (f->store);
  g_assert_cmpint (quorum_store_record_vote (f->store, conf, &spec, &error), ==, 0);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE);
  g_clear_error (&error);
  g_assert_cmpuint (_quorum_store_get_retries (f->store) - before, ==, QUORUM_STORE_ATTEMPTS - 1);
  g_assert_cmpint (store_fixture_count (f->store, "SELECT count(*) FROM vote"), ==, 1);
  /* What is refused before its transaction begins is refused at once, never run again. */
  before = _quorum_store_get_retries (f->store);
  spec.child_id = 999;
  g_assert_cmpint (quorum_store_record_vote (f->store, conf, &spec, &error), ==, 0);
  g_assert_nonnull (error);
  g_assert_false (g_error_matches (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE));
  g_clear_error (&error);
  g_assert_cmpuint (_quorum_store_get_retries (f->store), ==, before);
  spec.child_id = amy;

  g_assert_true (store_fixture_exec (f->store,
    "DROP TRIGGER test_conflict ON vote; DROP FUNCTION test_conflict (); "
    "DROP FUNCTION test_commit_conflict (); DROP SEQUENCE test_conflicts"));
  g_assert_true (quorum_store_verify (f->store, NULL, &error));
  g_assert_no_error (error);
}

typedef struct
{
  QuorumStore *store;
  gint64       conference;
  gint64       id;
  GError      *error;
} AddInThread;

static gpointer
add_attendee_in_thread (gpointer data)
{
  AddInThread *t = data;
  QuorumAttendeeSpec spec = { .name = "L. Late", .agency = "Housing", .line_management = "Housing",
                              .voting = TRUE, .attendance = QUORUM_ATTENDANCE_PRESENT };

  t->id = quorum_store_add_attendee (t->store, t->conference, &spec, &t->error);
  return NULL;
}

/* A real deadlock: another session (psql, an administrator's script) holds the audit chain's
 * head while the store's writer holds the writers' lock and waits for the head; then the other
 * session asks for the writers' lock. The server aborts the store's transaction (40P01); the
 * store runs it again once the other session is done, and the attendee is recorded once. */
static void
test_deadlock_retried_never_shown (StoreFixture  *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GThread) thread = NULL;
  AddInThread t = { 0 };
  QuorumDb *other;
  guint before;

  if (store_fixture_postgres_only ("SQLite's BEGIN IMMEDIATE takes the write lock before the first "
                                 "statement: two writers queue, they never deadlock"))
    return;
  t.store = f->store;
  t.conference = make_conference (f->store, "bolton", "2026-11-20", NULL, NULL);
  g_assert_cmpint (store_fixture_count (f->store, "SELECT count(*) FROM meta WHERE key = 'audit_head'"), ==, 1);

  other = quorum_db_open (f->path, &error);
  g_assert_no_error (error);
  /* Only the store's session looks for the deadlock (after the server's usual second). */
  g_assert_true (quorum_db_exec (other, "SET deadlock_timeout = '60s'", &error));
  g_assert_true (quorum_db_exec (other, "BEGIN; SELECT 1 FROM meta WHERE key = 'audit_head' FOR UPDATE", &error));
  g_assert_no_error (error);

  before = _quorum_store_get_retries (f->store);
  thread = g_thread_new ("writer", add_attendee_in_thread, &t);
  /* The writer takes the writers' lock, writes, and waits for the head. */
  for (int i = 0; i < 400; i++)
    {
      g_usleep (25000);
      if (store_fixture_count_on (other,
            "SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
            "WHERE NOT l.granted AND a.datname = current_database () AND a.pid <> pg_backend_pid ()") > 0)
        break;
    }
  /* The other session now asks for the writers' lock: a cycle, broken by the server. */
  g_assert_true (quorum_db_exec (other, "SELECT pg_advisory_xact_lock (89564822795629)", &error));
  g_assert_no_error (error);
  g_assert_true (quorum_db_exec (other, "COMMIT", &error));
  quorum_db_close (other);
  g_thread_join (g_steal_pointer (&thread));

  g_assert_no_error (t.error);
  g_assert_cmpint (t.id, >, 0);
  g_assert_cmpuint (_quorum_store_get_retries (f->store) - before, >=, 1);
  g_assert_cmpint (store_fixture_count (f->store, "SELECT count(*) FROM attendee WHERE name = 'L. Late'"), ==, 1);
  g_assert_true (quorum_store_verify (f->store, NULL, &error));
  g_assert_no_error (error);
}

static void
decide_all (StoreFixture *f,
            gint64        conf,
            gint64        amy,
            gint64        ben)
{
  g_autoptr(GError) error = NULL;
  QuorumAttemptSpec consensus = { .child_id = ben, .summary = "All agree.", .agreed = QUORUM_VIEW_NO_PLAN };
  QuorumOutcome *outcome;

  no_consensus (f->store, conf, amy);
  vote (f->store, conf, amy, "Children's Social Care", QUORUM_VIEW_PLAN, 0, NULL);
  vote (f->store, conf, amy, "Police", QUORUM_VIEW_NO_PLAN, 0, "Original reason");
  vote (f->store, conf, amy, "Bolton NHS FT", QUORUM_VIEW_PLAN, 0, NULL);
  vote (f->store, conf, amy, "Education", QUORUM_VIEW_NO_PLAN, 0, "No");
  vote (f->store, conf, amy, "Probation", QUORUM_VIEW_DECLINE, 0, "Not known");
  outcome = quorum_store_decide (f->store, conf, amy, QUORUM_VIEW_NONE, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  quorum_outcome_free (outcome);

  quorum_store_add_attempt (f->store, conf, &consensus, &error);
  g_assert_no_error (error);
  outcome = quorum_store_decide (f->store, conf, ben, QUORUM_VIEW_NONE, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (outcome->basis, ==, QUORUM_BASIS_CONSENSUS);
  quorum_outcome_free (outcome);
}

/* Trial 5, A9: drafts of words already recorded are none. A group's reason as recorded is the
 * record; once the conference is signed off, its board's forms (attendee, child:…) record
 * nothing more, so nothing typed there is kept (the amendment's form still is). On SQLite and,
 * in test-store-postgres, in the person's own drafts table on the server. */
static void
test_recorded_words_are_no_draft (StoreFixture  *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *vote_scope = NULL;
  g_autofree char *attempt_scope = NULL;
  gint64 conf, amy, ben;
  char *text;

  conf = make_conference (f->store, "bolton", "2026-11-20", &amy, &ben);
  vote_scope = g_strdup_printf ("child:%" G_GINT64_FORMAT ":vote:Police", amy);
  attempt_scope = g_strdup_printf ("child:%" G_GINT64_FORMAT ":attempt", amy);
  vote (f->store, conf, amy, "Police", QUORUM_VIEW_NO_PLAN, 0, "Original reason");

  /* The recorded reason (spaces around it or not) is no draft; other words are. */
  g_assert_true (quorum_store_save_draft (f->store, conf, vote_scope, "reason", "Original reason more", &error));
  g_assert_no_error (error);
  text = quorum_store_get_draft (f->store, conf, vote_scope, "reason", &error);
  g_assert_cmpstr (text, ==, "Original reason more");
  g_free (text);
  g_assert_true (quorum_store_save_draft (f->store, conf, vote_scope, "reason", "  Original reason ", &error));
  g_assert_no_error (error);
  g_assert_null (quorum_store_get_draft (f->store, conf, vote_scope, "reason", &error));
  g_assert_no_error (error);
  g_assert_true (quorum_store_save_draft (f->store, conf, attempt_scope, "summary", "Half a thought", &error));
  text = quorum_store_get_draft (f->store, conf, attempt_scope, "summary", &error);
  g_assert_cmpstr (text, ==, "Half a thought");
  g_free (text);

  decide_all (f, conf, amy, ben);
  g_assert_true (quorum_store_finalise (f->store, conf, &error));
  g_assert_no_error (error);

  /* Signed off: the cards and forms leaving it keep nothing of its board; the amendment's
   * form keeps its words. */
  g_assert_true (quorum_store_save_draft (f->store, conf, vote_scope, "reason", "Original reason", &error));
  g_assert_true (quorum_store_save_draft (f->store, conf, attempt_scope, "summary", "Half a thought", &error));
  g_assert_true (quorum_store_save_draft (f->store, conf, "attendee", "name", "P. Constable", &error));
  g_assert_true (quorum_store_save_draft (f->store, conf, "amendment", "reason", "Minuted later", &error));
  g_assert_no_error (error);
  g_assert_null (quorum_store_get_draft (f->store, conf, vote_scope, "reason", &error));
  g_assert_null (quorum_store_get_draft (f->store, conf, attempt_scope, "summary", &error));
  g_assert_null (quorum_store_get_draft (f->store, conf, "attendee", "name", &error));
  g_assert_no_error (error);
  text = quorum_store_get_draft (f->store, conf, "amendment", "reason", &error);
  g_assert_cmpstr (text, ==, "Minuted later");
  g_free (text);
}

static void
test_sign_off_refuses_every_change (StoreFixture  *f,
                                    gconstpointer  data)
{
  g_autoptr(QuorumConference) c = NULL;
  GError *error = NULL;
  gint64 conf, amy, ben, referral_id;
  QuorumAttendeeSpec attendee = { .name = "Late", .agency = "Housing", .line_management = "Housing", .voting = TRUE };
  QuorumAttemptSpec attempt = { .summary = "again", .agreed = QUORUM_VIEW_NONE };
  QuorumVoteSpec v = { .group = "Police", .view = QUORUM_VIEW_PLAN };
  QuorumAmendmentSpec amend = { .reason = "Police asked for their words to be corrected",
                                .record = NULL, .field = "reason", .new_value = "Corrected reason" };
  const char *direct[] = {
    "UPDATE vote SET reason = 'forged' WHERE grp = 'Police'",
    "DELETE FROM vote",
    "INSERT INTO attendee (conference_id, name, agency, line_management, voting, attendance, recorded_at) "
    "SELECT id, 'x', 'x', 'x', 1, 'present', 'now' FROM conference",
    "UPDATE conference SET chair = 'someone else'",
    "UPDATE decision SET outcome = 'no-plan'",
    "DELETE FROM audit",
    "UPDATE audit SET summary = 'x'",
    "UPDATE referral SET due = '2030-01-01'",
  };
  g_autofree char *vote_record = NULL;
  g_autofree char *before = NULL;
  GDate date;

  conf = make_conference (f->store, "bolton", "2026-11-20", &amy, &ben);
  attempt.child_id = amy;
  v.child_id = amy;

  /* Not before every child is decided. */
  g_assert_false (quorum_store_finalise (f->store, conf, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);

  decide_all (f, conf, amy, ben);
  g_assert_true (quorum_store_finalise (f->store, conf, &error));
  g_assert_no_error (error);

  g_assert_cmpint (quorum_store_add_attendee (f->store, conf, &attendee, &error), ==, 0);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_FINALISED);
  g_clear_error (&error);
  g_assert_cmpint (quorum_store_add_attempt (f->store, conf, &attempt, &error), ==, 0);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_FINALISED);
  g_clear_error (&error);
  g_assert_cmpint (quorum_store_record_vote (f->store, conf, &v, &error), ==, 0);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_FINALISED);
  g_clear_error (&error);
  g_assert_false (quorum_store_proceed_inquorate (f->store, conf, "because", &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_FINALISED);
  g_clear_error (&error);
  g_assert_false (quorum_store_finalise (f->store, conf, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_FINALISED);
  g_clear_error (&error);

  /* Even a direct write with SQL is refused by the triggers. */
  for (guint i = 0; i < G_N_ELEMENTS (direct); i++)
    {
      g_test_message ("direct write: %s", direct[i]);
      g_assert_false (store_fixture_exec (f->store, direct[i]));
    }

  /* The Head of Service still records the referral's progress. */
  c = quorum_store_load_conference (f->store, conf, &error);
  referral_id = quorum_conference_find_referral (c, amy)->id;
  quorum_date_parse ("2026-11-25", NULL, &date, NULL);
  g_assert_true (quorum_store_notify_referral (f->store, referral_id, &date, &error));
  g_assert_no_error (error);

  /* An amendment keeps the original beside the correction. */
  for (guint i = 0; i < c->votes->len; i++)
    {
      QuorumVote *vv = g_ptr_array_index (c->votes, i);
      if (g_str_equal (vv->group, "Police"))
        vote_record = g_strdup_printf ("vote:%" G_GINT64_FORMAT, vv->id);
    }
  amend.record = vote_record;
  g_assert_cmpint (quorum_store_amend (f->store, conf, &amend, &error), >, 0);
  g_assert_no_error (error);
  g_clear_pointer (&c, quorum_conference_free);
  c = quorum_store_load_conference (f->store, conf, &error);
  g_assert_cmpuint (c->amendments->len, ==, 1);
  g_assert_cmpstr (((QuorumAmendment *)g_ptr_array_index (c->amendments, 0))->old_value, ==, "Original reason");
  g_assert_cmpstr (((QuorumAmendment *)g_ptr_array_index (c->amendments, 0))->new_value, ==, "Corrected reason");
  g_assert_cmpstr (((QuorumAmendment *)g_ptr_array_index (c->amendments, 0))->by, ==, quorum_store_get_user (f->store));
  {
    QuorumVote *police = quorum_conference_find_vote (c, amy, "Police");
    g_assert_cmpstr (police->reason, ==, "Original reason");
  }

  /* An amendment says why: without a reason nothing is written. */
  before = store_fixture_hash (f);
  store_fixture_reopen (f);
  amend.reason = "   ";
  g_assert_cmpint (quorum_store_amend (f->store, conf, &amend, &error), ==, 0);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autofree char *after = store_fixture_hash (f);
    g_assert_cmpstr (before, ==, after);
  }
  store_fixture_reopen (f);

  /* Whoever amends may name themselves (a minute-taker on the chair's laptop): a name that
   * would deceive a reader (a right-to-left override) is refused and nothing is written; a
   * name given is recorded, trimmed, on a local database; a shared one names its own user. */
  amend.reason = "Minuted wrongly";
  amend.by = "Priya \u202EhahS";
  before = (g_free (before), store_fixture_hash (f));
  store_fixture_reopen (f);
  g_assert_cmpint (quorum_store_amend (f->store, conf, &amend, &error), ==, 0);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autofree char *after = store_fixture_hash (f);
    g_assert_cmpstr (before, ==, after);
  }
  store_fixture_reopen (f);
  amend.by = "  Priya Shah ";
  amend.new_value = "Corrected reason, again";
  g_assert_cmpint (quorum_store_amend (f->store, conf, &amend, &error), >, 0);
  g_assert_no_error (error);
  g_clear_pointer (&c, quorum_conference_free);
  c = quorum_store_load_conference (f->store, conf, &error);
  g_assert_cmpuint (c->amendments->len, ==, 2);
  g_assert_cmpstr (((QuorumAmendment *) g_ptr_array_index (c->amendments, 1))->by, ==,
                   quorum_store_is_shared (f->store) ? quorum_store_get_user (f->store) : "Priya Shah");
  g_assert_true (quorum_store_verify (f->store, NULL, &error));
}

static void
test_update_attendee (StoreFixture  *f,
                      gconstpointer  data)
{
  g_autoptr(QuorumConference) c = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  GError *error = NULL;
  gint64 conf, amy, ben, id;
  QuorumAttendeeSpec spec = { .name = "Dr A. Khan", .role = "Detective Sergeant", .agency = "GMP",
                              .line_management = "POLICE", .voting = TRUE,
                              .attendance = QUORUM_ATTENDANCE_PRESENT };
  guint updates = 0;

  conf = make_conference (f->store, "bolton", "2026-11-20", &amy, &ben);
  id = add_attendee (f->store, conf, "A Khan", "Police", "Police (typo)", TRUE);

  g_assert_true (quorum_store_update_attendee (f->store, id, &spec, &error));
  g_assert_no_error (error);
  c = quorum_store_load_conference (f->store, conf, &error);
  for (guint i = 0; i < c->attendees->len; i++)
    {
      QuorumAttendee *a = g_ptr_array_index (c->attendees, i);
      if (a->id == id)
        {
          g_assert_cmpstr (a->name, ==, "Dr A. Khan");
          /* Joined to the structure already there, in its spelling. */
          g_assert_cmpstr (a->line_management, ==, "Police");
        }
    }
  audit = quorum_store_list_audit (f->store, conf, &error);
  for (guint i = 0; i < audit->len; i++)
    {
      QuorumAuditEntry *e = g_ptr_array_index (audit, i);
      updates += g_str_equal (e->entity, "attendee") && g_str_equal (e->action, "update");
    }
  g_assert_cmpuint (updates, ==, 1);

  /* Unknown, empty, or after sign-off: refused. */
  g_assert_false (quorum_store_update_attendee (f->store, 999, &spec, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  spec.name = " ";
  g_assert_false (quorum_store_update_attendee (f->store, id, &spec, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);
  spec.name = "Dr A. Khan";
  decide_all (f, conf, amy, ben);
  g_assert_true (quorum_store_finalise (f->store, conf, &error));
  g_assert_false (quorum_store_update_attendee (f->store, id, &spec, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_FINALISED);
  g_clear_error (&error);
  g_assert_true (quorum_store_verify (f->store, NULL, &error));
}

/* The name and arrival of @id as loaded. */
static char *
attendee_and_arrival (QuorumStore *store,
                      gint64       conf,
                      gint64       id)
{
  g_autoptr(QuorumConference) c = quorum_store_load_conference (store, conf, NULL);
  QuorumAttendee *a = quorum_conference_find_attendee (c, id);

  return g_strdup_printf ("%s|%s|%s", a->name, quorum_attendance_to_string (a->attendance),
                          a->arrived_at != NULL ? a->arrived_at : "-");
}

/* A correction may carry a late arrival (the correction dialog's "Arrived late"): recorded with
 * it in one transaction, by the rules of `attendee arrive`; any refusal writes nothing of the
 * correction either. Without arrived_at, an arrival on the record stays as it is. */
static void
test_update_attendee_with_arrival (StoreFixture  *f,
                                   gconstpointer  data)
{
  GError *error = NULL;
  gint64 conf, id;
  g_autofree char *held = NULL;
  g_autofree char *before = NULL;
  QuorumAttendeeSpec spec = { .name = "PC L. Late", .agency = "Police", .line_management = "Police",
                              .voting = TRUE, .attendance = QUORUM_ATTENDANCE_PRESENT };

  conf = make_conference (f->store, "bolton", "2026-11-20", NULL, NULL);
  id = add_attendee (f->store, conf, "L. Late", "Police", "Police", TRUE);
  before = store_fixture_hash (f);
  store_fixture_reopen (f);

  /* No time of day; an arrival with apologies: refused before anything is written. */
  spec.arrived_at = "25:99";
  g_assert_false (quorum_store_update_attendee (f->store, id, &spec, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);
  spec.arrived_at = "10:40";
  spec.attendance = QUORUM_ATTENDANCE_APOLOGIES;
  g_assert_false (quorum_store_update_attendee (f->store, id, &spec, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autofree char *after = store_fixture_hash (f);

    g_assert_cmpstr (after, ==, before);
  }
  store_fixture_reopen (f);

  /* The correction and the arrival together. */
  spec.attendance = QUORUM_ATTENDANCE_PRESENT;
  g_assert_true (quorum_store_update_attendee (f->store, id, &spec, &error));
  g_assert_no_error (error);
  held = attendee_and_arrival (f->store, conf, id);
  g_assert_cmpstr (held, ==, "PC L. Late|present|10:40");

  /* A second arrival is refused, and the name corrected with it is not written. */
  spec.name = "DC L. Late";
  spec.arrived_at = "11:00";
  g_assert_false (quorum_store_update_attendee (f->store, id, &spec, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);
  held = (g_free (held), attendee_and_arrival (f->store, conf, id));
  g_assert_cmpstr (held, ==, "PC L. Late|present|10:40");

  /* Without arrived_at the arrival on the record is kept. */
  spec.arrived_at = NULL;
  g_assert_true (quorum_store_update_attendee (f->store, id, &spec, &error));
  g_assert_no_error (error);
  held = (g_free (held), attendee_and_arrival (f->store, conf, id));
  g_assert_cmpstr (held, ==, "DC L. Late|present|10:40");
  g_assert_true (quorum_store_verify (f->store, NULL, &error));
  g_assert_no_error (error);
}

/* Trial 9, D1. DOMAIN "Attendance is a timeline": "Nobody joins the voters of a child whose
 * decision is taken" and "The record says who was present for each child's decision". Someone
 * the decision did not count in the room did not arrive before it: a latecomer added with an
 * earlier arrival, or an absent member corrected to have arrived earlier, is refused, naming the
 * child and the decision's time, and nothing is written. At the decision's minute, they are taken. */
static void
test_arrival_before_decision_not_counted (StoreFixture  *f,
                                          gconstpointer  data)
{
  GError *error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(QuorumConference) c = NULL;
  g_autoptr(QuorumOutcome) outcome = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *decided = NULL;
  g_autofree char *before = NULL;
  g_autofree char *expected = NULL;
  QuorumAttemptSpec agreed = { .summary = "All agreed a plan for neglect.", .agreed = QUORUM_VIEW_PLAN,
                               .categories = QUORUM_CATEGORY_NEGLECT };
  QuorumAttendeeSpec late = { .name = "Dr K. Moss", .agency = "GP", .line_management = "GP",
                              .voting = TRUE, .attendance = QUORUM_ATTENDANCE_PRESENT, .arrived_at = "00:00" };
  QuorumAttendeeSpec came = { .name = "P. Absent", .agency = "Housing", .line_management = "Housing",
                              .voting = TRUE, .attendance = QUORUM_ATTENDANCE_PRESENT, .arrived_at = "00:00" };
  gint64 conf, amy, absent;

  conf = make_conference (f->store, "bolton", today, &amy, NULL);
  absent = add_attendee (f->store, conf, "P. Absent", "Housing", "Housing", TRUE);
  {
    QuorumAttendeeSpec apologies = came;

    apologies.arrived_at = NULL;
    apologies.attendance = QUORUM_ATTENDANCE_APOLOGIES;
    g_assert_true (quorum_store_update_attendee (f->store, absent, &apologies, &error));
    g_assert_no_error (error);
  }
  agreed.child_id = amy;
  g_assert_cmpint (quorum_store_add_attempt (f->store, conf, &agreed, &error), >, 0);
  g_assert_no_error (error);
  outcome = quorum_store_decide (f->store, conf, amy, QUORUM_VIEW_NONE, 0, NULL, NULL, &error);
  g_assert_no_error (error);

  c = quorum_store_load_conference (f->store, conf, &error);
  g_assert_no_error (error);
  utc = g_date_time_new_from_iso8601 (quorum_conference_find_decision (c, amy)->decided_at, NULL);
  local = g_date_time_to_local (utc);
  decided = g_date_time_format (local, "%H:%M");
  if (g_strcmp0 (decided, "00:00") == 0)
    {
      g_test_skip ("the decision was taken at 00:00: no earlier minute on its day");
      return;
    }

  before = store_fixture_hash (f);
  store_fixture_reopen (f);
  expected = g_strdup_printf ("Dr K. Moss was not counted in the room for Amy Jones’s decision, taken at %s: "
                              "they arrived after that, not at 00:00", decided);
  g_assert_cmpint (quorum_store_add_attendee (f->store, conf, &late, &error), ==, 0);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);
  g_free (expected);
  expected = g_strdup_printf ("P. Absent was not counted in the room for Amy Jones’s decision, taken at %s: "
                              "they arrived after that, not at 00:00", decided);
  g_assert_false (quorum_store_update_attendee (f->store, absent, &came, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);
  g_assert_false (quorum_store_attendee_arrive (f->store, absent, "00:00", &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);
  {
    g_autofree char *after = store_fixture_hash (f);

    g_assert_cmpstr (after, ==, before);
  }
  store_fixture_reopen (f);

  /* Coming in the minute the decision was taken is not before it. */
  late.arrived_at = decided;
  g_assert_cmpint (quorum_store_add_attendee (f->store, conf, &late, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (quorum_store_verify (f->store, NULL, &error));
  g_assert_no_error (error);
}

/* Trial 9, D2. DOMAIN "Reaching a decision": a plan view carries the category of abuse. A
 * consensus for a plan is the conference's decision, as the chair's is: its plan is under at
 * least one category. Without one the attempt is refused and nothing is written; with one, the
 * decision and its plan carry it. */
static void
test_consensus_plan_names_category (StoreFixture  *f,
                                    gconstpointer  data)
{
  GError *error = NULL;
  g_autoptr(QuorumConference) c = NULL;
  g_autoptr(QuorumOutcome) outcome = NULL;
  g_autofree char *before = NULL;
  QuorumAttemptSpec agreed = { .summary = "All agreed a plan.", .agreed = QUORUM_VIEW_PLAN };
  gint64 conf, amy;

  conf = make_conference (f->store, "bolton", "2026-11-20", &amy, NULL);
  agreed.child_id = amy;
  before = store_fixture_hash (f);
  store_fixture_reopen (f);
  g_assert_cmpint (quorum_store_add_attempt (f->store, conf, &agreed, &error), ==, 0);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "names the category of abuse"));
  g_clear_error (&error);
  {
    g_autofree char *after = store_fixture_hash (f);

    g_assert_cmpstr (after, ==, before);
  }
  store_fixture_reopen (f);

  agreed.categories = QUORUM_CATEGORY_NEGLECT | QUORUM_CATEGORY_EMOTIONAL;
  g_assert_cmpint (quorum_store_add_attempt (f->store, conf, &agreed, &error), >, 0);
  g_assert_no_error (error);
  outcome = quorum_store_decide (f->store, conf, amy, QUORUM_VIEW_NONE, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (outcome->basis, ==, QUORUM_BASIS_CONSENSUS);
  g_assert_cmpuint (outcome->categories, ==, QUORUM_CATEGORY_NEGLECT | QUORUM_CATEGORY_EMOTIONAL);
  c = quorum_store_load_conference (f->store, conf, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (quorum_conference_find_decision (c, amy)->categories, ==,
                    QUORUM_CATEGORY_NEGLECT | QUORUM_CATEGORY_EMOTIONAL);
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM plan WHERE categories = 'neglect,emotional'"), ==, 1);
}

/* A local bolton.ini that says something else than the shipped one. */
static char *
write_local_bolton (const char *dir,
                    const char *rule,
                    int         working_days,
                    int         panel_days)
{
  g_autoptr(GBytes) shipped = g_resources_lookup_data ("/io/github/quorum_app/quorum/profiles/bolton.ini", 0, NULL);
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autofree char *path = g_build_filename (dir, "bolton.ini", NULL);
  g_autofree char *data = NULL;

  g_assert_true (g_key_file_load_from_bytes (keyfile, shipped, G_KEY_FILE_KEEP_TRANSLATIONS, NULL));
  g_key_file_set_string (keyfile, "Profile", "Rule", rule);
  g_key_file_set_integer (keyfile, "Referral", "WorkingDays", working_days);
  g_key_file_set_integer (keyfile, "Referral", "PanelCalendarDays", panel_days);
  data = g_key_file_to_data (keyfile, NULL, NULL);
  g_assert_true (g_file_set_contents (path, data, -1, NULL));
  return g_steal_pointer (&path);
}

static void
split_vote (StoreFixture *f,
            gint64        conf,
            gint64        child)
{
  no_consensus (f->store, conf, child);
  vote (f->store, conf, child, "Children's Social Care", QUORUM_VIEW_PLAN, 0, NULL);
  vote (f->store, conf, child, "Education", QUORUM_VIEW_PLAN, 0, NULL);
  vote (f->store, conf, child, "Police", QUORUM_VIEW_NO_PLAN, 0, "No");
  vote (f->store, conf, child, "Bolton NHS FT", QUORUM_VIEW_NO_PLAN, 0, "No");
  vote (f->store, conf, child, "Probation", QUORUM_VIEW_DECLINE, 0, "No contact");
}

/* DOMAIN: the profile is chosen when the conference is created and frozen with it; the
 * decision then follows that profile's own rule and limits. */
static void
test_profile_frozen_at_creation (StoreFixture  *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumOutcome) before = NULL;
  g_autoptr(QuorumOutcome) after = NULL;
  g_autoptr(QuorumReferralRow) row = NULL;
  g_autofree char *local = g_build_filename (f->dir, "profiles", NULL);
  g_autofree char *path = NULL;
  g_autofree char *due = NULL;
  g_autofree char *panel_due = NULL;
  gint64 old_conf, old_child, new_conf, new_child, referral = 0;
  GDate sent;

  old_conf = make_conference (f->store, "bolton", "2026-11-20", &old_child, NULL);

  /* Later, a local authority changes bolton: chair decides, 3 working days, a 14-day panel. */
  g_mkdir_with_parents (local, 0700);
  path = write_local_bolton (local, "chair-decides", 3, 14);
  g_setenv ("QUORUM_PROFILES_DIR", local, TRUE);

  /* The older conference keeps the profile it was made under. */
  split_vote (f, old_conf, old_child);
  before = quorum_store_decide (f->store, old_conf, old_child, QUORUM_VIEW_NONE, 0, NULL, &referral, &error);
  g_assert_no_error (error);
  g_assert_cmpint (before->basis, ==, QUORUM_BASIS_SPLIT);
  due = quorum_date_to_string (&before->referral_due);
  g_assert_cmpstr (due, ==, "2026-11-27");
  /* Its panel's 28 days too, while the changed file says 14. */
  g_date_set_dmy (&sent, 25, 11, 2026);
  g_assert_true (quorum_store_notify_referral (f->store, referral, &sent, &error));
  row = quorum_store_get_referral (f->store, referral, &error);
  panel_due = quorum_date_to_string (&row->panel_due);
  g_assert_cmpstr (panel_due, ==, "2026-12-23");

  /* A conference made now takes the new rule and limits: here the chair decides... */
  new_conf = make_conference (f->store, "bolton", "2026-11-20", &new_child, NULL);
  split_vote (f, new_conf, new_child);
  {
    g_autoptr(QuorumProfile) frozen = quorum_store_get_conference_profile (f->store, new_conf, &error);
    g_assert_no_error (error);
    g_assert_cmpint (frozen->rule, ==, QUORUM_RULE_CHAIR_DECIDES);
    g_assert_cmpint (frozen->referral_working_days, ==, 3);
  }
  g_assert_null (quorum_store_decide (f->store, new_conf, new_child, QUORUM_VIEW_NONE, 0, NULL, NULL, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);

  /* ...and even with the file gone again, the conference keeps what it was made under. */
  g_unsetenv ("QUORUM_PROFILES_DIR");
  g_unlink (path);
  after = quorum_store_decide_with_reason (f->store, new_conf, new_child, QUORUM_VIEW_PLAN, 0, "The chair weighed the views recorded.", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (after->basis, ==, QUORUM_BASIS_CHAIR);

  g_assert_true (quorum_store_verify (f->store, NULL, &error));
  g_rmdir (local);
}

/* The decision takes the referral and panel limits from the conference's own profile. */
static void
test_limits_from_profile (StoreFixture  *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumOutcome) outcome = NULL;
  g_autoptr(QuorumReferralRow) row = NULL;
  g_autofree char *local = g_build_filename (f->dir, "profiles", NULL);
  g_autofree char *path = NULL;
  g_autofree char *due = NULL;
  g_autofree char *panel_due = NULL;
  gint64 conf, child, referral = 0;
  GDate sent;

  g_mkdir_with_parents (local, 0700);
  path = write_local_bolton (local, "majority-by-line-management", 3, 14);
  g_setenv ("QUORUM_PROFILES_DIR", local, TRUE);
  conf = make_conference (f->store, "bolton", "2026-11-20", &child, NULL);
  g_unsetenv ("QUORUM_PROFILES_DIR");
  g_unlink (path);
  g_rmdir (local);

  split_vote (f, conf, child);
  outcome = quorum_store_decide (f->store, conf, child, QUORUM_VIEW_NONE, 0, NULL, &referral, &error);
  g_assert_no_error (error);
  due = quorum_date_to_string (&outcome->referral_due);
  g_assert_cmpstr (due, ==, "2026-11-25");        /* Fri 20 → Mon, Tue, Wed */
  g_date_set_dmy (&sent, 25, 11, 2026);
  g_assert_true (quorum_store_notify_referral (f->store, referral, &sent, &error));
  row = quorum_store_get_referral (f->store, referral, &error);
  panel_due = quorum_date_to_string (&row->panel_due);
  g_assert_cmpstr (panel_due, ==, "2026-12-09");  /* 14 calendar days */
}

/* The attendee form offers the line-management structures already used, most used first, one
 * spelling per structure whatever its case (on both backends: PostgreSQL refused the query's bare
 * column beside GROUP BY lower (…)). */
static void
test_line_managements_suggested (StoreFixture  *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) structures = NULL;
  const char *children[] = { "Cara Lee", NULL };
  QuorumConferenceSpec spec = { .kind = QUORUM_KIND_INITIAL, .chair = "R. Patel", .children = children };
  QuorumAttendeeSpec police1 = { .name = "A. Khan", .agency = "GMP", .line_management = "Police", .voting = TRUE };
  QuorumAttendeeSpec police2 = { .name = "B. Lee", .agency = "GMP", .line_management = "police", .voting = TRUE };
  QuorumAttendeeSpec health = { .name = "C. Nurse", .agency = "NHS", .line_management = "Health", .voting = TRUE };
  gint64 id;

  g_date_set_dmy (&spec.date, 2, 12, 2026);
  id = quorum_store_create_conference (f->store, &spec, &error);
  g_assert_no_error (error);
  quorum_store_add_attendee (f->store, id, &police1, &error);
  g_assert_no_error (error);
  quorum_store_add_attendee (f->store, id, &police2, &error);
  g_assert_no_error (error);
  quorum_store_add_attendee (f->store, id, &health, &error);
  g_assert_no_error (error);

  structures = quorum_store_list_line_managements (f->store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (structures);
  g_assert_cmpuint (g_strv_length (structures), ==, 2);
  g_assert_cmpint (g_ascii_strcasecmp (structures[0], "police"), ==, 0);
  g_assert_cmpstr (structures[1], ==, "Health");
}

/* "Nothing acknowledged is ever lost": another library of the app's process opening and closing
 * the database's files (GIO sniffing their type as the export dialog lists their folder) must
 * not let another process take the app's connection for gone and delete the -wal and -shm
 * under it. POSIX locks belong to the process: closing any descriptor of a file drops every
 * lock the process holds on it, SQLite's included. */
static gint64
conference_by_on (QuorumStore *store,
                  const char  *chair)
{
  g_autoptr(GError) error = NULL;
  const char *children[] = { "Dee Moss", NULL };
  QuorumConferenceSpec spec = { .kind = QUORUM_KIND_INITIAL, .chair = chair, .children = children };
  gint64 id;

  g_date_set_dmy (&spec.date, 1, 12, 2026);
  id = quorum_store_create_conference (store, &spec, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
conference_by (StoreFixture *f,
               const char   *chair)
{
  return conference_by_on (f->store, chair);
}

static char *
cli_list (const char *path)
{
  const char *cli = g_getenv ("QUORUM_CLI");
  const char * const argv[] = { cli, "--db", path, "conference", "list", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_nonnull (cli);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
test_foreign_descriptor_keeps_locks (StoreFixture  *f,
                                     gconstpointer  data)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", NULL };
  g_autofree char *out = NULL;

  if (store_fixture_sqlite_only ("a SQLite file's locks"))
    return;

  conference_by (f, "First Chair");

  for (guint i = 0; suffixes[i] != NULL; i++)
    {
      g_autofree char *name = g_strconcat (f->path, suffixes[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (name);
      g_autoptr(GFileInfo) info = NULL;
      g_autoptr(GError) error = NULL;
      int fd;

      g_assert_true (g_file_test (name, G_FILE_TEST_EXISTS));
      /* What GtkFileChooser asks of every file in the folder it shows. */
      info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE, G_FILE_QUERY_INFO_NONE, NULL, &error);
      g_assert_no_error (error);
      /* And any other reader of the file in the process. */
      fd = g_open (name, O_RDONLY, 0);
      g_assert_cmpint (fd, >=, 0);
      g_assert_cmpint (close (fd), ==, 0);
    }

  /* Another process opens and closes the database. */
  g_free (cli_list (f->path));
  g_assert_true (g_file_test (f->path, G_FILE_TEST_EXISTS));
  {
    g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);

    g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (shm, G_FILE_TEST_EXISTS));
  }

  /* What the app writes next is in the file every other process reads. */
  conference_by (f, "Second Chair");
  out = cli_list (f->path);
  g_assert_nonnull (strstr (out, "First Chair"));
  g_assert_nonnull (strstr (out, "Second Chair"));
}

/* DOMAIN, a conference: kind, date and time, venue, chair, minute-taker; attendees with
 * role, agency and structure; apologies and written reports recorded too. */
static void
test_conference_details_recorded (StoreFixture  *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumConference) c = NULL;
  const char *children[] = { "Cara Lee", NULL };
  QuorumConferenceSpec spec = { .kind = QUORUM_KIND_PRE_BIRTH, .time = "09:30", .venue = "Castle Hill Centre",
                                .chair = "R. Patel", .minute_taker = "J. Minute", .case_ref = "PB-9",
                                .profile_id = "south-east-wales", .children = children };
  QuorumAttendeeSpec apologies = { .name = "Dr Gee", .role = "GP", .agency = "Surgery", .line_management = "GP",
                                   .voting = TRUE, .attendance = QUORUM_ATTENDANCE_APOLOGIES };
  QuorumAttendeeSpec report = { .name = "K. Nurse", .role = "Midwife", .agency = "Health Board",
                                .line_management = "Midwifery", .voting = TRUE,
                                .attendance = QUORUM_ATTENDANCE_REPORT_SENT };
  gint64 id;
  g_autofree char *date = NULL;

  g_date_set_dmy (&spec.date, 2, 12, 2026);
  id = quorum_store_create_conference (f->store, &spec, &error);
  g_assert_no_error (error);
  quorum_store_add_attendee (f->store, id, &apologies, &error);
  quorum_store_add_attendee (f->store, id, &report, &error);
  g_assert_no_error (error);

  store_fixture_reopen (f);
  c = quorum_store_load_conference (f->store, id, &error);
  date = quorum_date_to_string (&c->date);
  g_assert_cmpint (c->kind, ==, QUORUM_KIND_PRE_BIRTH);
  g_assert_cmpstr (date, ==, "2026-12-02");
  g_assert_cmpstr (c->time, ==, "09:30");
  g_assert_cmpstr (c->venue, ==, "Castle Hill Centre");
  g_assert_cmpstr (c->minute_taker, ==, "J. Minute");
  g_assert_cmpstr (c->case_ref, ==, "PB-9");
  g_assert_cmpstr (c->profile_id, ==, "south-east-wales");
  g_assert_cmpuint (c->attendees->len, ==, 2);
  g_assert_cmpint (((QuorumAttendee *)g_ptr_array_index (c->attendees, 0))->attendance, ==, QUORUM_ATTENDANCE_APOLOGIES);
  g_assert_cmpstr (((QuorumAttendee *)g_ptr_array_index (c->attendees, 0))->role, ==, "GP");
  g_assert_cmpint (((QuorumAttendee *)g_ptr_array_index (c->attendees, 1))->attendance, ==, QUORUM_ATTENDANCE_REPORT_SENT);
}

/* DOMAIN, consensus attempts: one or more rounds, each with the proposal, a summary of the
 * discussion and the views held. */
static void
test_consensus_rounds_kept (StoreFixture  *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumConference) c = NULL;
  QuorumAttemptSpec first = { .proposal = "Child protection plan under neglect", .summary = "Long discussion",
                              .views = "Police and health disagree", .agreed = QUORUM_VIEW_NONE };
  QuorumAttemptSpec second = { .proposal = "Child in need plan", .summary = "Second round",
                               .views = "All now agree", .agreed = QUORUM_VIEW_NO_PLAN };
  QuorumAttempt *a;
  gint64 conf, amy;

  conf = make_conference (f->store, "bolton", "2026-11-20", &amy, NULL);
  first.child_id = second.child_id = amy;
  quorum_store_add_attempt (f->store, conf, &first, &error);
  quorum_store_add_attempt (f->store, conf, &second, &error);
  g_assert_no_error (error);

  c = quorum_store_load_conference (f->store, conf, &error);
  g_assert_cmpuint (c->attempts->len, ==, 2);
  a = g_ptr_array_index (c->attempts, 0);
  g_assert_cmpint (a->round, ==, 1);
  g_assert_cmpstr (a->proposal, ==, "Child protection plan under neglect");
  g_assert_cmpstr (a->summary, ==, "Long discussion");
  g_assert_cmpstr (a->views, ==, "Police and health disagree");
  g_assert_cmpint (a->agreed, ==, QUORUM_VIEW_NONE);
  a = quorum_conference_last_attempt (c, amy);
  g_assert_cmpint (a->round, ==, 2);
  g_assert_cmpstr (a->views, ==, "All now agree");
  g_assert_cmpint (a->agreed, ==, QUORUM_VIEW_NO_PLAN);
}

static void
test_amend_needs_sign_off (StoreFixture  *f,
                           gconstpointer  data)
{
  GError *error = NULL;
  QuorumAmendmentSpec amend = { .reason = "typo", .change = "spelling of a name" };
  gint64 conf = make_conference (f->store, "bolton", "2026-11-20", NULL, NULL);

  g_assert_cmpint (quorum_store_amend (f->store, conf, &amend, &error), ==, 0);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);
}

/* A signed-off conference: Amy decided by majority (Police and Education dissent), Ben by consensus. */
static gint64
signed_off_conference (StoreFixture *f,
                       gint64       *amy)
{
  GError *error = NULL;
  gint64 ben;
  gint64 conf = make_conference (f->store, "bolton", "2026-11-20", amy, &ben);

  decide_all (f, conf, *amy, ben);
  g_assert_true (quorum_store_finalise (f->store, conf, &error));
  g_assert_no_error (error);
  return conf;
}

/* A correction never blanks what the record requires (a reason, a name), and a corrected name
 * keeps a name's limits; nothing is written when it is refused. */
static void
test_amend_refuses_blank_values (StoreFixture  *f,
                                 gconstpointer  data)
{
  GError *error = NULL;
  gint64 amy;
  gint64 conf = signed_off_conference (f, &amy);
  g_autofree char *too_long = g_strnfill (QUORUM_MAX_NAME + 1, 'a');
  g_autofree char *vote = NULL;
  g_autofree char *dissent = NULL;
  g_autofree char *attendee = NULL;
  g_autofree char *child = g_strdup_printf ("child:%" G_GINT64_FORMAT, amy);
  g_autofree char *conference = g_strdup_printf ("conference:%" G_GINT64_FORMAT, conf);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  QuorumAmendmentSpec ok = { .reason = "Misspelt" };
  struct { const char *record; const char *field; const char *value; const char *change; } bad[] = {
    { NULL, "reason", " ", NULL },
    { NULL, "reason", "", NULL },
    { NULL, "reason", "\n\t ", NULL },
    { NULL, "name", "  ", NULL },
    { NULL, "name", too_long, NULL },
    { NULL, "name", "Ian\nShore", NULL },
    { NULL, "name", " ", NULL },
    { NULL, "chair", "", NULL },
    { NULL, NULL, NULL, " " },
  };

  vote = g_strdup_printf ("vote:%" G_GINT64_FORMAT,
                          store_fixture_count (f->store, "SELECT id FROM vote WHERE grp = 'Police'"));
  dissent = g_strdup_printf ("dissent:%" G_GINT64_FORMAT,
                             store_fixture_count (f->store, "SELECT min(id) FROM dissent"));
  attendee = g_strdup_printf ("attendee:%" G_GINT64_FORMAT,
                              store_fixture_count (f->store, "SELECT min(id) FROM attendee"));
  bad[0].record = vote;
  bad[1].record = vote;
  bad[2].record = dissent;
  bad[3].record = attendee;
  bad[4].record = attendee;
  bad[5].record = attendee;
  bad[6].record = child;
  bad[7].record = conference;

  before = store_fixture_hash (f);
  store_fixture_reopen (f);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      QuorumAmendmentSpec spec = { .reason = "Corrected", .record = bad[i].record, .field = bad[i].field,
                                   .new_value = bad[i].value, .change = bad[i].change };

      g_test_message ("refused: %s %s “%s”", bad[i].record, bad[i].field, bad[i].value);
      g_assert_cmpint (quorum_store_amend (f->store, conf, &spec, &error), ==, 0);
      g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
      g_clear_error (&error);
    }
  after = store_fixture_hash (f);
  g_assert_cmpstr (before, ==, after);
  store_fixture_reopen (f);

  /* A real correction of a name is still taken. */
  ok.record = attendee;
  ok.field = "name";
  ok.new_value = "Ian Shore";
  g_assert_cmpint (quorum_store_amend (f->store, conf, &ok, &error), >, 0);
  g_assert_no_error (error);
}

/* Trial 6 (D2): a category of abuse ticked by mistake is corrected after sign-off as the
 * decision's "categories" (decision:N), the plan made by the decision following it. Refused,
 * nothing written: a decision that made no plan, no category, a word that is none, the value as
 * it stands (in another order too). The decision as signed off is kept. */
static void
test_amend_decision_categories (StoreFixture  *f,
                                gconstpointer  data)
{
  g_autoptr(QuorumConference) c = NULL;
  GError *error = NULL;
  gint64 amy;
  gint64 conf = signed_off_conference (f, &amy);
  g_autofree char *split = g_strdup_printf ("decision:%" G_GINT64_FORMAT,
                                            store_fixture_count (f->store, "SELECT id FROM decision WHERE outcome = 'plan'"));
  g_autofree char *no_plan = g_strdup_printf ("decision:%" G_GINT64_FORMAT,
                                              store_fixture_count (f->store, "SELECT id FROM decision WHERE outcome <> 'plan'"));
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  struct { const char *record; const char *value; } bad[] = {
    { no_plan, "neglect" },
    { split, "" },
    { split, " " },
    { split, "kicking" },
    { split, "neglect, kicking" },
    { split, "," },
  };
  QuorumAmendmentSpec spec = { .reason = "Physical was ticked by mistake", .record = split, .field = "categories" };
  const QuorumAmendment *amendment;
  const QuorumDecision *decision;
  gint64 n;

  before = store_fixture_hash (f);
  store_fixture_reopen (f);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      QuorumAmendmentSpec refused = { .reason = "Corrected", .record = bad[i].record, .field = "categories",
                                      .new_value = bad[i].value };

      g_test_message ("refused: %s “%s”", bad[i].record, bad[i].value);
      g_assert_cmpint (quorum_store_amend (f->store, conf, &refused, &error), ==, 0);
      g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
      g_clear_error (&error);
    }
  after = store_fixture_hash (f);
  g_assert_cmpstr (before, ==, after);
  store_fixture_reopen (f);

  /* Taken in any order and spacing, written in the record's. */
  spec.new_value = "physical, neglect";
  g_assert_cmpint (quorum_store_amend (f->store, conf, &spec, &error), >, 0);
  g_assert_no_error (error);
  /* The same list again, in another order: it would change nothing. */
  n = store_fixture_count (f->store, "SELECT count(*) FROM amendment");
  spec.new_value = "neglect,physical";
  g_assert_cmpint (quorum_store_amend (f->store, conf, &spec, &error), ==, 0);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (store_fixture_count (f->store, "SELECT count(*) FROM amendment"), ==, n);

  c = quorum_store_load_conference (f->store, conf, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (c->amendments->len, ==, 1);
  amendment = g_ptr_array_index (c->amendments, 0);
  g_assert_cmpstr (amendment->record, ==, split);
  g_assert_cmpstr (amendment->field, ==, "categories");
  g_assert_cmpstr (amendment->new_value, ==, "neglect,physical");
  decision = quorum_conference_find_decision (c, amy);
  /* As signed off (the split's plan, no category given), kept; as it stands, amended. */
  g_assert_cmpuint (decision->categories, ==, 0);
  g_assert_cmpuint (quorum_conference_decision_categories_now (c, decision, NULL), ==,
                    QUORUM_CATEGORY_NEGLECT | QUORUM_CATEGORY_PHYSICAL);
  g_assert_cmpuint (c->plans->len, ==, 1);
  g_assert_cmpuint (quorum_conference_plan_categories_now (c, g_ptr_array_index (c->plans, 0), NULL), ==,
                    QUORUM_CATEGORY_NEGLECT | QUORUM_CATEGORY_PHYSICAL);
}

/* Amendments to one field form a chain: each replaces the value as it stood, and one that would
 * change nothing (the value as it stands) is refused. */
static void
test_amend_chain (StoreFixture  *f,
                  gconstpointer  data)
{
  g_autoptr(QuorumConference) c = NULL;
  GError *error = NULL;
  gint64 amy;
  gint64 conf = signed_off_conference (f, &amy);
  g_autofree char *vote = g_strdup_printf ("vote:%" G_GINT64_FORMAT,
                                           store_fixture_count (f->store, "SELECT id FROM vote WHERE grp = 'Police'"));
  QuorumAmendmentSpec spec = { .reason = "Minuted wrongly", .record = vote, .field = "reason" };
  const char *values[] = { "First correction", "Second correction", "First correction" };
  const char *replaced[] = { "Original reason", "First correction", "Second correction" };
  gint64 n;

  /* The original itself changes nothing. */
  spec.new_value = "Original reason";
  g_assert_cmpint (quorum_store_amend (f->store, conf, &spec, &error), ==, 0);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      spec.new_value = values[i];
      g_assert_cmpint (quorum_store_amend (f->store, conf, &spec, &error), >, 0);
      g_assert_no_error (error);
    }

  /* Nor does the value as it stands (the third amendment's). */
  n = store_fixture_count (f->store, "SELECT count(*) FROM amendment");
  g_assert_cmpint (quorum_store_amend (f->store, conf, &spec, &error), ==, 0);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (store_fixture_count (f->store, "SELECT count(*) FROM amendment"), ==, n);

  c = quorum_store_load_conference (f->store, conf, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (c->amendments->len, ==, G_N_ELEMENTS (values));
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      const QuorumAmendment *amendment = g_ptr_array_index (c->amendments, i);

      g_assert_cmpstr (amendment->old_value, ==, replaced[i]);
      g_assert_cmpstr (amendment->new_value, ==, values[i]);
      g_assert_true (quorum_conference_previous_amendment (c, amendment) ==
                     (i > 0 ? g_ptr_array_index (c->amendments, i - 1) : NULL));
    }
  g_assert_cmpstr (quorum_conference_current_value (c, vote, "reason", "Original reason"), ==, "First correction");
  g_assert_cmpstr (quorum_conference_find_vote (c, amy, "Police")->reason, ==, "Original reason");
}

/* A correction that gives no words of its own is described in words, not by the row's id; the
 * dissent's id is read with it (conference show prints it, --record dissent:N uses it). */
static void
test_amend_change_in_words (StoreFixture  *f,
                            gconstpointer  data)
{
  g_autoptr(QuorumConference) c = NULL;
  GError *error = NULL;
  gint64 amy;
  gint64 conf = signed_off_conference (f, &amy);
  gint64 dissent_id = store_fixture_count (f->store, "SELECT id FROM dissent WHERE grp = 'Police'");
  g_autofree char *dissent = g_strdup_printf ("dissent:%" G_GINT64_FORMAT, dissent_id);
  g_autofree char *attendee = g_strdup_printf ("attendee:%" G_GINT64_FORMAT,
                                               store_fixture_count (f->store, "SELECT min(id) FROM attendee"));
  g_autofree char *attendee_name = NULL;
  g_autofree char *expected = NULL;
  QuorumAmendmentSpec spec = { .reason = "Minuted wrongly", .record = dissent, .field = "reason",
                               .new_value = "Corrected dissent" };
  QuorumDecision *decision;
  gboolean found = FALSE;

  g_assert_cmpint (dissent_id, >, 0);
  g_assert_cmpint (quorum_store_amend (f->store, conf, &spec, &error), >, 0);
  g_assert_no_error (error);
  spec.record = attendee;
  spec.field = "name";
  spec.new_value = "Ian Shore";
  g_assert_cmpint (quorum_store_amend (f->store, conf, &spec, &error), >, 0);
  g_assert_no_error (error);

  c = quorum_store_load_conference (f->store, conf, &error);
  g_assert_no_error (error);
  decision = quorum_conference_find_decision (c, amy);
  for (guint i = 0; i < decision->dissent->len; i++)
    {
      QuorumDissent *d = g_ptr_array_index (decision->dissent, i);

      if (g_str_equal (d->group, "Police"))
        {
          g_assert_cmpint (d->id, ==, dissent_id);
          found = TRUE;
        }
    }
  g_assert_true (found);
  attendee_name = g_strdup (((QuorumAttendee *) g_ptr_array_index (c->attendees, 0))->name);
  g_assert_cmpstr (((QuorumAmendment *) g_ptr_array_index (c->amendments, 0))->change, ==,
                   "Reason of the dissent of Police, for Amy Jones: “Original reason” → “Corrected dissent”");
  expected = g_strdup_printf ("Name of the attendee %s: “%s” → “Ian Shore”", attendee_name, attendee_name);
  g_assert_cmpstr (((QuorumAmendment *) g_ptr_array_index (c->amendments, 1))->change, ==, expected);
}

typedef gboolean (*BadInput) (StoreFixture *f, gint64 conf, gint64 amy, GError **error);

static gboolean
bad_unknown_conference (StoreFixture *f, gint64 conf, gint64 amy, GError **error)
{
  QuorumAttendeeSpec s = { .name = "A", .agency = "B", .line_management = "C", .voting = TRUE };
  return quorum_store_add_attendee (f->store, 9999, &s, error) != 0;
}

static gboolean
bad_unknown_child (StoreFixture *f, gint64 conf, gint64 amy, GError **error)
{
  QuorumVoteSpec s = { .child_id = 4242, .group = "Police", .view = QUORUM_VIEW_PLAN };
  return quorum_store_record_vote (f->store, conf, &s, error) != 0;
}

static gboolean
bad_impossible_date (StoreFixture *f, gint64 conf, gint64 amy, GError **error)
{
  const char *children[] = { "Cara", NULL };
  QuorumConferenceSpec s = { .kind = QUORUM_KIND_REVIEW, .chair = "X", .children = children };

  if (!quorum_date_parse ("2026-02-30", "--date", &s.date, error))
    return FALSE;
  return quorum_store_create_conference (f->store, &s, error) != 0;
}

static gboolean
bad_empty_name (StoreFixture *f, gint64 conf, gint64 amy, GError **error)
{
  const char *children[] = { "  ", NULL };
  QuorumConferenceSpec s = { .kind = QUORUM_KIND_REVIEW, .chair = "X", .children = children };

  g_date_set_dmy (&s.date, 1, 12, 2026);
  return quorum_store_create_conference (f->store, &s, error) != 0;
}

static gboolean
bad_unknown_profile (StoreFixture *f, gint64 conf, gint64 amy, GError **error)
{
  const char *children[] = { "Cara", NULL };
  QuorumConferenceSpec s = { .kind = QUORUM_KIND_REVIEW, .chair = "X", .children = children,
                             .profile_id = "atlantis" };

  g_date_set_dmy (&s.date, 1, 12, 2026);
  return quorum_store_create_conference (f->store, &s, error) != 0;
}

static gboolean
bad_category_with_no_plan (StoreFixture *f, gint64 conf, gint64 amy, GError **error)
{
  QuorumVoteSpec s = { .child_id = amy, .group = "Police", .view = QUORUM_VIEW_NO_PLAN,
                       .categories = QUORUM_CATEGORY_SEXUAL };
  return quorum_store_record_vote (f->store, conf, &s, error) != 0;
}

static gboolean
bad_overlong_reason (StoreFixture *f, gint64 conf, gint64 amy, GError **error)
{
  g_autofree char *reason = g_strnfill (QUORUM_MAX_TEXT + 1, 'w');
  QuorumVoteSpec s = { .child_id = amy, .group = "Police", .view = QUORUM_VIEW_NO_PLAN, .reason = reason };
  return quorum_store_record_vote (f->store, conf, &s, error) != 0;
}

static gboolean
bad_invalid_utf8 (StoreFixture *f, gint64 conf, gint64 amy, GError **error)
{
  QuorumAttendeeSpec s = { .name = "Bad \xff\xfe name", .agency = "B", .line_management = "C", .voting = TRUE };
  return quorum_store_add_attendee (f->store, conf, &s, error) != 0;
}

static gboolean
decline_everywhere (StoreFixture *f, gint64 conf, gint64 amy)
{
  const char *groups[] = { "Children's Social Care", "Police", "Bolton NHS FT", "Education", "Probation" };

  /* Setup for test_zero_counted_views: every group declines. */
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      QuorumVoteSpec s = { .child_id = amy, .group = groups[i], .view = QUORUM_VIEW_DECLINE, .reason = "n/a" };
      if (quorum_store_record_vote (f->store, conf, &s, NULL) == 0)
        return FALSE;
    }
  return TRUE;
}

static const struct {
  const char *name;
  BadInput    func;
  int         code;
} bad_inputs[] = {
  { "unknown-conference", bad_unknown_conference, QUORUM_ERROR_NOT_FOUND },
  { "unknown-child", bad_unknown_child, QUORUM_ERROR_NOT_FOUND },
  { "impossible-date", bad_impossible_date, QUORUM_ERROR_INVALID },
  { "empty-name", bad_empty_name, QUORUM_ERROR_INVALID },
  { "unknown-profile", bad_unknown_profile, QUORUM_ERROR_INVALID },
  { "category-with-no-plan", bad_category_with_no_plan, QUORUM_ERROR_INVALID },
  { "over-long-text", bad_overlong_reason, QUORUM_ERROR_INVALID },
  { "invalid-utf8", bad_invalid_utf8, QUORUM_ERROR_INVALID },
};

static void
test_bad_input_leaves_database_unchanged (StoreFixture  *f,
                                          gconstpointer  data)
{
  guint index = GPOINTER_TO_UINT (data);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GError *error = NULL;
  gint64 conf, amy;

  conf = make_conference (f->store, "bolton", "2026-11-20", &amy, NULL);
  before = store_fixture_hash (f);
  store_fixture_reopen (f);

  g_assert_false (bad_inputs[index].func (f, conf, amy, &error));
  g_assert_error (error, QUORUM_ERROR, bad_inputs[index].code);
  /* One line, for a person. */
  g_assert_null (strchr (error->message, '\n'));
  g_test_message ("%s: %s", bad_inputs[index].name, error->message);
  g_clear_error (&error);

  after = store_fixture_hash (f);
  g_assert_cmpstr (before, ==, after);
}

static void
test_zero_counted_views (StoreFixture  *f,
                         gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GError *error = NULL;
  gint64 conf, amy;

  conf = make_conference (f->store, "bolton", "2026-11-20", &amy, NULL);
  no_consensus (f->store, conf, amy);
  g_assert_true (decline_everywhere (f, conf, amy));
  before = store_fixture_hash (f);
  store_fixture_reopen (f);

  g_assert_null (quorum_store_decide (f->store, conf, amy, QUORUM_VIEW_NONE, 0, NULL, NULL, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_NO_VIEWS);
  g_clear_error (&error);

  after = store_fixture_hash (f);
  g_assert_cmpstr (before, ==, after);
}

static void
test_referral_notify_and_panel (StoreFixture  *f,
                                gconstpointer  data)
{
  /* The panel dates below are December 2026: "today" is after them. */
  g_setenv ("QUORUM_TODAY", "2027-06-30", TRUE);

  g_autoptr(QuorumConference) c = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(QuorumReferralRow) row = NULL;
  g_autofree char *panel_due = NULL;
  GError *error = NULL;
  gint64 conf, amy, ben, id;
  GDate d;

  conf = make_conference (f->store, "bolton", "2026-11-20", &amy, &ben);
  decide_all (f, conf, amy, ben);
  c = quorum_store_load_conference (f->store, conf, &error);
  id = quorum_conference_find_referral (c, amy)->id;

  /* Due 2026-11-27: overdue from the 30th (as of the 28th it is not sent, and due has passed). */
  quorum_date_parse ("2026-11-27", NULL, &d, NULL);
  rows = quorum_store_list_referrals (f->store, &d, TRUE, &error);
  g_assert_cmpuint (rows->len, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);
  quorum_date_parse ("2026-11-30", NULL, &d, NULL);
  rows = quorum_store_list_referrals (f->store, &d, TRUE, &error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_true (((QuorumReferralRow *)g_ptr_array_index (rows, 0))->overdue);

  /* A panel needs the notification first. */
  g_assert_false (quorum_store_record_panel (f->store, id, &d, QUORUM_PANEL_PLAN_CONFIRMED, NULL, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);

  quorum_date_parse ("2026-11-26", NULL, &d, NULL);
  g_assert_true (quorum_store_notify_referral (f->store, id, &d, &error));
  row = quorum_store_get_referral (f->store, id, &error);
  panel_due = quorum_date_to_string (&row->panel_due);
  g_assert_cmpstr (panel_due, ==, "2026-12-24");  /* 28 calendar days after notification */

  /* Sent twice? No. */
  g_assert_false (quorum_store_notify_referral (f->store, id, &d, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);

  /* Other needs its reasons. */
  quorum_date_parse ("2026-12-10", NULL, &d, NULL);
  g_assert_false (quorum_store_record_panel (f->store, id, &d, QUORUM_PANEL_OTHER, NULL, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (quorum_store_record_panel (f->store, id, &d, QUORUM_PANEL_PLAN_ENDED, "Threshold not met", &error));
  g_clear_pointer (&row, quorum_referral_row_free);
  row = quorum_store_get_referral (f->store, id, &error);
  g_assert_cmpint (row->outcome, ==, QUORUM_PANEL_PLAN_ENDED);
  g_assert_false (row->overdue);
}

/* refasof 1, DOMAIN 4 ("other with reasons"): Other's reasons corrected, the outcome kept, is
 * a correction: accepted, the record holding the new reasons, the old ones kept in both audit
 * entries; the same reasons again change nothing and are refused, nothing written. */
static void
test_referral_correct_other_reasons (StoreFixture  *f,
                                     gconstpointer  data)
{
  g_autoptr(QuorumConference) c = NULL;
  g_autoptr(QuorumReferralRow) row = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GError *error = NULL;
  gint64 conf, amy, ben, id, correction;
  GDate d;

  g_setenv ("QUORUM_TODAY", "2027-06-30", TRUE);
  conf = make_conference (f->store, "bolton", "2026-11-20", &amy, &ben);
  decide_all (f, conf, amy, ben);
  c = quorum_store_load_conference (f->store, conf, &error);
  id = quorum_conference_find_referral (c, amy)->id;
  quorum_date_parse ("2026-11-26", NULL, &d, NULL);
  g_assert_true (quorum_store_notify_referral (f->store, id, &d, &error));
  quorum_date_parse ("2026-12-10", NULL, &d, NULL);
  g_assert_true (quorum_store_record_panel (f->store, id, &d, QUORUM_PANEL_OTHER,
                                            "Adjourned for a parenting assessment", &error));
  g_assert_no_error (error);

  correction = quorum_store_correct_referral_full (f->store, id, QUORUM_REFERRAL_FIELD_OUTCOME, "other",
                                                   "Referred back to the conference", "Minuted wrongly", &error);
  g_assert_no_error (error);
  g_assert_cmpint (correction, >, 0);
  row = quorum_store_get_referral (f->store, id, &error);
  g_assert_cmpint (row->outcome, ==, QUORUM_PANEL_OTHER);
  g_assert_cmpstr (row->outcome_reason, ==, "Referred back to the conference");
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM referral_correction WHERE field = 'outcome' "
                                         "AND old_value = 'other' AND new_value = 'other' "
                                         "AND reason = 'Minuted wrongly'"), ==, 1);
  /* The old reasons are kept as every outcome correction keeps them: in the referral's update
   * and the correction's insert, both in the chain. */
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM audit WHERE entity IN ('referral', 'referral_correction') "
                                         "AND summary LIKE '%outcome corrected from other (reasons: Adjourned for a "
                                         "parenting assessment) to other (reasons: Referred back to the conference)%'"),
                   ==, 2);

  /* The same reasons again (spaces at their ends aside): nothing to correct, nothing written. */
  before = store_fixture_hash (f);
  store_fixture_reopen (f);
  g_assert_cmpint (quorum_store_correct_referral_full (f->store, id, QUORUM_REFERRAL_FIELD_OUTCOME, "other",
                                                       "Referred back to the conference", "Again", &error), ==, 0);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "nothing to correct"));
  g_clear_error (&error);
  g_assert_cmpint (quorum_store_correct_referral_full (f->store, id, QUORUM_REFERRAL_FIELD_OUTCOME, "other",
                                                       " Referred back to the conference  ", "Again", &error), ==, 0);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);
  after = store_fixture_hash (f);
  g_assert_cmpstr (before, ==, after);
  store_fixture_reopen (f);
  g_assert_true (quorum_store_verify (f->store, NULL, &error));
  g_assert_no_error (error);
}

static void
assert_iso (const GDate *date,
            const char  *iso)
{
  g_autofree char *text = quorum_date_to_string (date);

  g_assert_cmpstr (text, ==, iso);
}

/* The page's rows by id, as of @iso: the one row of @id. */
static QuorumReferralRow *
page_row_as_of (StoreFixture *f,
                gint64        id,
                const char   *iso)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  GDate as_of;

  g_assert_true (quorum_date_parse (iso, NULL, &as_of, NULL));
  rows = quorum_store_get_referrals (f->store, &id, 1, &as_of, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  return g_ptr_array_steal_index (rows, 0);
}

/* refs2 1, DOMAIN 4: as of a date, the row's dates and outcome as they stood then (what the
 * table shows), not as recorded now. Sent 8 October, heard 20 October (Other: Adjourned);
 * then, today (the machine's clock: after 15 November 2026), the sent date corrected to 7
 * October, the panel's to 21 October, the outcome to plan ended and back to Other with new
 * reasons. As of 15 November the row says what the record said on 15 November. */
static void
test_referral_as_of_row_values (StoreFixture  *f,
                                gconstpointer  data)
{
  g_autoptr(QuorumConference) c = NULL;
  g_autoptr(QuorumReferralRow) row = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GError *error = NULL;
  gint64 conf, amy, ben, id;
  GDate d;

  g_setenv ("QUORUM_TODAY", "2027-06-30", TRUE);
  conf = make_conference (f->store, "bolton", "2026-10-05", &amy, &ben);
  decide_all (f, conf, amy, ben);
  c = quorum_store_load_conference (f->store, conf, &error);
  id = quorum_conference_find_referral (c, amy)->id;
  quorum_date_parse ("2026-10-08", NULL, &d, NULL);
  g_assert_true (quorum_store_notify_referral (f->store, id, &d, &error));
  quorum_date_parse ("2026-10-20", NULL, &d, NULL);
  g_assert_true (quorum_store_record_panel (f->store, id, &d, QUORUM_PANEL_OTHER, "Adjourned", &error));
  g_assert_no_error (error);

  /* Before any correction, as of 10 October: sent, its panel due, not yet heard. */
  row = page_row_as_of (f, id, "2026-10-10");
  assert_iso (&row->then.notified, "2026-10-08");
  assert_iso (&row->then.panel_due, "2026-11-05");
  g_assert_false (g_date_valid (&row->then.panel_date));
  g_assert_cmpint (row->then.outcome, ==, QUORUM_PANEL_NONE);
  g_assert_null (row->then.outcome_reason);
  /* The record itself is untouched (the forms follow it). */
  assert_iso (&row->panel_date, "2026-10-20");
  g_assert_cmpint (row->outcome, ==, QUORUM_PANEL_OTHER);
  g_clear_pointer (&row, quorum_referral_row_free);
  /* As of 7 October: not yet sent, so no panel due either. */
  row = page_row_as_of (f, id, "2026-10-07");
  g_assert_false (g_date_valid (&row->then.notified));
  g_assert_false (g_date_valid (&row->then.panel_due));
  g_clear_pointer (&row, quorum_referral_row_free);

  g_assert_cmpint (quorum_store_correct_referral (f->store, id, QUORUM_REFERRAL_FIELD_NOTIFIED, "2026-10-07",
                                                  "The email's date", &error), >, 0);
  g_assert_cmpint (quorum_store_correct_referral (f->store, id, QUORUM_REFERRAL_FIELD_PANEL_DATE, "2026-10-21",
                                                  "Minuted wrongly", &error), >, 0);
  g_assert_cmpint (quorum_store_correct_referral_full (f->store, id, QUORUM_REFERRAL_FIELD_OUTCOME, "plan-ended",
                                                       NULL, "Minuted wrongly", &error), >, 0);
  /* The chart's October as of 15 November, the outcome now plan ended: Other, as the row says. */
  {
    g_autoptr(GArray) months = NULL;
    const QuorumMonthCount *october;

    quorum_date_parse ("2026-11-15", NULL, &d, NULL);
    months = quorum_store_count_referrals_by_month (f->store, &d, 12, &error);
    g_assert_no_error (error);
    october = &g_array_index (months, QuorumMonthCount, 10);
    g_assert_cmpint (g_date_get_month (&october->month), ==, G_DATE_OCTOBER);
    g_assert_cmpuint (october->counts[QUORUM_REPORT_OTHER], ==, 1);
    g_assert_cmpuint (october->counts[QUORUM_REPORT_PLAN_ENDED], ==, 0);
    g_clear_pointer (&months, g_array_unref);
    /* As of today, plan ended. */
    months = quorum_store_count_referrals_by_month (f->store, NULL, 12, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < months->len; i++)
      if (g_date_get_month (&g_array_index (months, QuorumMonthCount, i).month) == G_DATE_OCTOBER &&
          g_date_get_year (&g_array_index (months, QuorumMonthCount, i).month) == 2026)
        g_assert_cmpuint (g_array_index (months, QuorumMonthCount, i).counts[QUORUM_REPORT_PLAN_ENDED], ==, 1);
  }
  g_assert_cmpint (quorum_store_correct_referral_full (f->store, id, QUORUM_REFERRAL_FIELD_OUTCOME, "other",
                                                       "Referred back to the conference", "Wrong minute", &error), >, 0);
  g_assert_no_error (error);

  /* As of 15 November (before the corrections): the values they replaced. */
  row = page_row_as_of (f, id, "2026-11-15");
  assert_iso (&row->then.notified, "2026-10-08");
  assert_iso (&row->then.panel_due, "2026-11-05");
  assert_iso (&row->then.panel_date, "2026-10-20");
  g_assert_cmpint (row->then.outcome, ==, QUORUM_PANEL_OTHER);
  g_assert_cmpstr (row->then.outcome_reason, ==, "Adjourned");
  assert_iso (&row->notified, "2026-10-07");
  assert_iso (&row->panel_due, "2026-11-04");
  g_assert_cmpstr (row->outcome_reason, ==, "Referred back to the conference");
  g_clear_pointer (&row, quorum_referral_row_free);
  /* As of 7 October: the record then said 8 October, so not yet sent. */
  row = page_row_as_of (f, id, "2026-10-07");
  g_assert_false (g_date_valid (&row->then.notified));
  g_clear_pointer (&row, quorum_referral_row_free);
  /* As of today: the record as it is. */
  row = page_row_as_of (f, id, "2027-06-30");
  assert_iso (&row->then.notified, "2026-10-07");
  assert_iso (&row->then.panel_due, "2026-11-04");
  assert_iso (&row->then.panel_date, "2026-10-21");
  g_assert_cmpint (row->then.outcome, ==, QUORUM_PANEL_OTHER);
  g_assert_cmpstr (row->then.outcome_reason, ==, "Referred back to the conference");
  g_clear_pointer (&row, quorum_referral_row_free);

  /* The chart's October, as of 15 November: Other, as the row says (it counted plan ended). */
  {
    g_autoptr(GArray) months = NULL;
    const QuorumMonthCount *october;

    quorum_date_parse ("2026-11-15", NULL, &d, NULL);
    months = quorum_store_count_referrals_by_month (f->store, &d, 12, &error);
    g_assert_no_error (error);
    october = &g_array_index (months, QuorumMonthCount, 10);
    g_assert_cmpint (g_date_get_month (&october->month), ==, G_DATE_OCTOBER);
    g_assert_cmpuint (october->counts[QUORUM_REPORT_OTHER], ==, 1);
    g_assert_cmpuint (october->counts[QUORUM_REPORT_PLAN_ENDED], ==, 0);
    g_clear_pointer (&months, g_array_unref);
    /* As of today: the record's Other too (corrected back); as of 10 October: not yet heard. */
    quorum_date_parse ("2026-10-10", NULL, &d, NULL);
    months = quorum_store_count_referrals_by_month (f->store, &d, 12, &error);
    october = &g_array_index (months, QuorumMonthCount, 11);
    g_assert_cmpuint (october->counts[QUORUM_REPORT_NOT_HEARD], ==, 1);
    g_assert_cmpuint (october->counts[QUORUM_REPORT_OTHER], ==, 0);
  }

  /* The CLI's list (referrals --as-of) reads the same. */
  quorum_date_parse ("2026-11-15", NULL, &d, NULL);
  rows = quorum_store_list_referrals (f->store, &d, FALSE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      QuorumReferralRow *r = g_ptr_array_index (rows, i);

      if (r->id != id)
        continue;
      assert_iso (&r->then.notified, "2026-10-08");
      g_assert_cmpstr (r->then.outcome_reason, ==, "Adjourned");
    }
  g_unsetenv ("QUORUM_TODAY");
}

/* refs2 2, DOMAIN "The challenge of a chair's decision": the Safeguarding Co-ordinator's
 * referral is made the day the Co-ordinator decides to refer, after the conference. As of a
 * day between the two it did not exist: not listed ("not yet sent" it was), not counted, not
 * in the chart; from the day of the decision, listed as sent that day. */
static void
test_referral_coordinator_made_when_decided (StoreFixture  *f,
                                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumOutcome) outcome = NULL;
  g_autoptr(QuorumConference) c = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) months = NULL;
  QuorumChallengeSpec spec = { .agency = "Children's Social Care", .designated_person = "J. Ops Manager",
                               .raised_by = "S. Social", .concern = "The children are left alone at night." };
  QuorumReferralQuery query = { .match = QUORUM_REFERRAL_MATCH_ALL };
  QuorumReferralCounts counts;
  GDate raised, decided, between;
  gint64 conf, amy, id, referral;

  conf = make_conference (f->store, "buckinghamshire", "2026-11-20", &amy, NULL);
  vote (f->store, conf, amy, "Children's Social Care", QUORUM_VIEW_PLAN, 0, "Neglect.");
  vote (f->store, conf, amy, "Police", QUORUM_VIEW_NO_PLAN, 0, NULL);
  vote (f->store, conf, amy, "Bolton NHS FT", QUORUM_VIEW_NO_PLAN, 0, NULL);
  vote (f->store, conf, amy, "Education", QUORUM_VIEW_NO_PLAN, 0, NULL);
  vote (f->store, conf, amy, "Probation", QUORUM_VIEW_DECLINE, 0, "No contact.");
  outcome = quorum_store_decide_with_reason (f->store, conf, amy, QUORUM_VIEW_NO_PLAN, 0, "The chair weighed the views recorded.", NULL, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (quorum_date_parse ("2026-11-21", "date", &raised, NULL));
  g_assert_true (quorum_date_parse ("2026-11-23", "date", &between, NULL));
  g_assert_true (quorum_date_parse ("2026-11-25", "date", &decided, NULL));
  spec.child_id = amy;
  spec.raised_on = raised;
  id = quorum_store_raise_challenge (f->store, conf, &spec, &error);
  g_assert_no_error (error);
  g_assert_true (quorum_store_alert_challenge (f->store, id, "K. Coordinator", &raised, &error));
  g_assert_true (quorum_store_decide_challenge (f->store, id, &decided, QUORUM_CHALLENGE_REFER, NULL,
                                                "Risk at night.", &error));
  g_assert_no_error (error);
  c = quorum_store_load_conference (f->store, conf, &error);
  referral = quorum_conference_find_referral (c, amy)->id;

  /* As of 23 November: the conference had sat, the Co-ordinator not yet decided. */
  rows = quorum_store_list_referrals (f->store, &between, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);
  query.as_of = between;
  ids = quorum_store_list_referral_ids (f->store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 0);
  g_clear_pointer (&ids, g_array_unref);
  query.match = QUORUM_REFERRAL_MATCH_AWAITING_NOTIFICATION;
  ids = quorum_store_list_referral_ids (f->store, &query, &error);
  g_assert_cmpuint (ids->len, ==, 0);
  g_clear_pointer (&ids, g_array_unref);
  g_assert_true (quorum_store_count_referrals (f->store, &between, &between, &counts, &error));
  g_assert_cmpuint (counts.total, ==, 0);
  g_assert_cmpuint (counts.awaiting_notification, ==, 0);
  months = quorum_store_count_referrals_by_month (f->store, &between, 12, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < QUORUM_REPORT_N_SERIES; i++)
    g_assert_cmpuint (g_array_index (months, QuorumMonthCount, 11).counts[i], ==, 0);
  g_clear_pointer (&months, g_array_unref);

  /* As of the day of the decision: made and sent that day, awaiting the Head of Service. */
  rows = quorum_store_list_referrals (f->store, &decided, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpint (((QuorumReferralRow *) g_ptr_array_index (rows, 0))->id, ==, referral);
  g_assert_cmpint (((QuorumReferralRow *) g_ptr_array_index (rows, 0))->state, ==, QUORUM_REFERRAL_AWAITING_PANEL);
  query.as_of = decided;
  query.match = QUORUM_REFERRAL_MATCH_ALL;
  ids = quorum_store_list_referral_ids (f->store, &query, &error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_true (quorum_store_count_referrals (f->store, &decided, &decided, &counts, &error));
  g_assert_cmpuint (counts.total, ==, 1);
  g_assert_cmpuint (counts.awaiting_panel, ==, 1);
  months = quorum_store_count_referrals_by_month (f->store, &decided, 12, &error);
  g_assert_cmpuint (g_array_index (months, QuorumMonthCount, 11).counts[QUORUM_REPORT_NOT_HEARD], ==, 1);
}

/* refasof 2 and 3, DOMAIN 4: as of a date, the referrals as they stood then. One whose
 * conference is later did not exist: not listed (as "not yet sent" it was), not counted, not in
 * the chart; and the chart's months count each referral's outcome as it was then. */
static void
test_referral_as_of_made_and_months (StoreFixture  *f,
                                     gconstpointer  data)
{
  g_autoptr(QuorumConference) early_c = NULL;
  g_autoptr(QuorumConference) late_c = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) months = NULL;
  QuorumReferralCounts counts;
  QuorumReferralQuery query = { .match = QUORUM_REFERRAL_MATCH_ALL };
  const QuorumMonthCount *november;
  GError *error = NULL;
  gint64 early, late, amy, ben;
  GDate d;

  g_setenv ("QUORUM_TODAY", "2027-06-30", TRUE);
  early = make_conference (f->store, "bolton", "2026-11-02", &amy, &ben);
  decide_all (f, early, amy, ben);
  early_c = quorum_store_load_conference (f->store, early, &error);
  early = quorum_conference_find_referral (early_c, amy)->id;
  /* Sent 5 Nov, heard 25 Nov: plan confirmed. */
  quorum_date_parse ("2026-11-05", NULL, &d, NULL);
  g_assert_true (quorum_store_notify_referral (f->store, early, &d, &error));
  quorum_date_parse ("2026-11-25", NULL, &d, NULL);
  g_assert_true (quorum_store_record_panel (f->store, early, &d, QUORUM_PANEL_PLAN_CONFIRMED, NULL, &error));
  /* A conference of 26 November: its referral was made that day. */
  late = make_conference (f->store, "bolton", "2026-11-26", &amy, &ben);
  decide_all (f, late, amy, ben);
  late_c = quorum_store_load_conference (f->store, late, &error);
  late = quorum_conference_find_referral (late_c, amy)->id;
  g_assert_no_error (error);

  /* As of 20 November: the early one alone, sent and not yet heard. */
  quorum_date_parse ("2026-11-20", NULL, &d, NULL);
  rows = quorum_store_list_referrals (f->store, &d, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpint (((QuorumReferralRow *) g_ptr_array_index (rows, 0))->id, ==, early);
  g_assert_cmpint (((QuorumReferralRow *) g_ptr_array_index (rows, 0))->state, ==, QUORUM_REFERRAL_AWAITING_PANEL);
  query.as_of = d;
  ids = quorum_store_list_referral_ids (f->store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, early);
  g_clear_pointer (&ids, g_array_unref);
  query.match = QUORUM_REFERRAL_MATCH_AWAITING_NOTIFICATION;
  ids = quorum_store_list_referral_ids (f->store, &query, &error);
  g_assert_cmpuint (ids->len, ==, 0);
  g_clear_pointer (&ids, g_array_unref);
  g_assert_true (quorum_store_count_referrals (f->store, &d, &d, &counts, &error));
  g_assert_cmpuint (counts.total, ==, 1);
  g_assert_cmpuint (counts.awaiting_notification, ==, 0);
  g_assert_cmpuint (counts.awaiting_panel, ==, 1);
  months = quorum_store_count_referrals_by_month (f->store, &d, 12, &error);
  g_assert_no_error (error);
  november = &g_array_index (months, QuorumMonthCount, 11);
  g_assert_cmpint (g_date_get_month (&november->month), ==, G_DATE_NOVEMBER);
  g_assert_cmpuint (november->counts[QUORUM_REPORT_NOT_HEARD], ==, 1);
  g_assert_cmpuint (november->counts[QUORUM_REPORT_PLAN_CONFIRMED], ==, 0);
  g_clear_pointer (&months, g_array_unref);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* As of 30 November: both; the early one decided, the late one not yet sent. */
  quorum_date_parse ("2026-11-30", NULL, &d, NULL);
  rows = quorum_store_list_referrals (f->store, &d, FALSE, &error);
  g_assert_cmpuint (rows->len, ==, 2);
  query.as_of = d;
  ids = quorum_store_list_referral_ids (f->store, &query, &error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, late);
  g_assert_true (quorum_store_count_referrals (f->store, &d, &d, &counts, &error));
  g_assert_cmpuint (counts.total, ==, 2);
  g_assert_cmpuint (counts.awaiting_notification, ==, 1);
  months = quorum_store_count_referrals_by_month (f->store, &d, 12, &error);
  g_assert_no_error (error);
  november = &g_array_index (months, QuorumMonthCount, 11);
  g_assert_cmpuint (november->counts[QUORUM_REPORT_NOT_HEARD], ==, 1);
  g_assert_cmpuint (november->counts[QUORUM_REPORT_PLAN_CONFIRMED], ==, 1);
}

/* ---- the referrals page's query (issue 14: the page reads its rows a page at a time, so the
 * store orders, filters and counts them as the page did in C) ---- */

static int
ref_state (const QuorumReferralRow *row)
{
  if (row->outcome != QUORUM_PANEL_NONE)
    return 2;
  return g_date_valid (&row->notified) ? 1 : 0;
}

/* Overdue as of @as_of, written again here: not sent by its due date, or sent and not heard by
 * the panel's due date. */
static gboolean
ref_overdue (const QuorumReferralRow *row,
             const GDate             *as_of)
{
  const GDate *due = !g_date_valid (&row->notified) ? &row->due :
                     !g_date_valid (&row->panel_date) ? &row->panel_due : NULL;

  return due != NULL && g_date_valid (due) && g_date_compare (due, as_of) < 0;
}

static guint32
ref_julian (const GDate *date)
{
  return g_date_valid (date) ? g_date_get_julian (date) : G_MAXUINT32;
}

static int
ref_cmp_uint (guint32 a, guint32 b)
{
  return a < b ? -1 : a > b;
}

static int
ref_cmp_fold (const char *a, const char *b)
{
  g_autofree char *fa = g_utf8_casefold (a ? a : "", -1);
  g_autofree char *fb = g_utf8_casefold (b ? b : "", -1);

  return strcmp (fa, fb);
}

static const GDate *
ref_next (const QuorumReferralRow *row)
{
  static const GDate unset = { 0, };

  switch (ref_state (row))
    {
    case 0: return &row->due;
    case 1: return &row->panel_due;
    default: return &unset;
    }
}

/* What quorum_referral_object_compare () does, written again over rows. */
static int
ref_compare (const QuorumReferralRow *a,
             const QuorumReferralRow *b,
             QuorumReferralOrder      order)
{
  int cmp = 0;

  switch (order)
    {
    case QUORUM_REFERRAL_ORDER_STATUS:
      cmp = (a->overdue ? 0 : 1 + ref_state (a)) - (b->overdue ? 0 : 1 + ref_state (b));
      if (cmp == 0)
        cmp = ref_cmp_uint (ref_julian (ref_next (a)), ref_julian (ref_next (b)));
      break;
    case QUORUM_REFERRAL_ORDER_CHILD:
      cmp = ref_cmp_fold (a->child, b->child);
      break;
    case QUORUM_REFERRAL_ORDER_CHAIR:
      cmp = ref_cmp_fold (a->chair, b->chair);
      break;
    case QUORUM_REFERRAL_ORDER_OUTCOME:
      cmp = (int) a->outcome - (int) b->outcome;
      if (cmp == 0)
        cmp = g_strcmp0 (a->outcome_reason, b->outcome_reason);
      break;
    case QUORUM_REFERRAL_ORDER_CONFERENCE_DATE:
      cmp = ref_cmp_uint (ref_julian (&a->conference_date), ref_julian (&b->conference_date));
      break;
    case QUORUM_REFERRAL_ORDER_DUE:
      cmp = ref_cmp_uint (ref_julian (&a->due), ref_julian (&b->due));
      break;
    case QUORUM_REFERRAL_ORDER_NOTIFIED:
      cmp = ref_cmp_uint (ref_julian (&a->notified), ref_julian (&b->notified));
      break;
    case QUORUM_REFERRAL_ORDER_PANEL_DUE:
      cmp = ref_cmp_uint (ref_julian (&a->panel_due), ref_julian (&b->panel_due));
      break;
    case QUORUM_REFERRAL_ORDER_PANEL_DATE:
      cmp = ref_cmp_uint (ref_julian (&a->panel_date), ref_julian (&b->panel_date));
      break;
    default:
      g_assert_not_reached ();
    }
  if (cmp == 0)
    cmp = a->id < b->id ? -1 : a->id > b->id;
  return cmp;
}

static gboolean
ref_matches (const QuorumReferralRow *row,
             QuorumReferralMatch      match,
             const char              *search)
{
  gboolean shown;

  switch (match)
    {
    case QUORUM_REFERRAL_MATCH_AWAITING_NOTIFICATION: shown = ref_state (row) == 0; break;
    case QUORUM_REFERRAL_MATCH_AWAITING_PANEL: shown = ref_state (row) == 1; break;
    case QUORUM_REFERRAL_MATCH_OVERDUE: shown = row->overdue; break;
    case QUORUM_REFERRAL_MATCH_DECIDED: shown = ref_state (row) == 2; break;
    case QUORUM_REFERRAL_MATCH_ALL:
    default: shown = TRUE; break;
    }
  if (shown && search != NULL)
    {
      g_autofree char *needle = g_utf8_casefold (search, -1);
      g_autofree char *child = g_utf8_casefold (row->child ? row->child : "", -1);
      g_autofree char *chair = g_utf8_casefold (row->chair ? row->chair : "", -1);

      shown = strstr (child, needle) != NULL || strstr (chair, needle) != NULL;
    }
  return shown;
}

static QuorumReferralOrder ref_sort_order;
static gboolean ref_sort_descending;

static int
ref_sort (gconstpointer a,
          gconstpointer b)
{
  int cmp = ref_compare (*(QuorumReferralRow **) a, *(QuorumReferralRow **) b, ref_sort_order);

  return ref_sort_descending ? -cmp : cmp;
}

static void
test_referral_page_query (StoreFixture  *f,
                          gconstpointer  data)
{
  static const char *searches[] = { NULL, "jones", "ÉLODIE", "  patel ", "nobody at all" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GArray) everyone = NULL;
  QuorumReferralCounts counts;
  guint n_checked = 0;
  guint n_overdue = 0;
  guint n_by_state[3] = { 0, };
  GDate until;
  GDate as_of;
  GDate week_end;

  g_date_clear (&until, 1);
  g_date_set_dmy (&until, 24, 12, 2026);
  g_assert_cmpuint (quorum_store_generate_referrals (f->store, 240, &until, 5, &error), ==, 240);
  g_assert_no_error (error);

  /* Names beyond ASCII: SQLite's own LIKE and lower () would not fold "É". */
  {
    const char *children[] = { "élodie Brontë", "Zoë ÉLODIE", NULL };
    QuorumConferenceSpec spec = { .kind = QUORUM_KIND_INITIAL, .chair = "Ø. Ångström",
                                  .profile_id = "bolton", .children = children, .case_ref = "CR-2" };
    g_autoptr(QuorumConference) c = NULL;
    gint64 conf;

    g_assert_true (quorum_date_parse ("2026-12-01", "date", &spec.date, NULL));
    conf = quorum_store_create_conference (f->store, &spec, &error);
    g_assert_no_error (error);
    add_attendee (f->store, conf, "S. Social", "Children's Social Care", "Children's Social Care", TRUE);
    add_attendee (f->store, conf, "A. Khan", "Greater Manchester Police", "Police", TRUE);
    add_attendee (f->store, conf, "H. Visitor", "Bolton NHS Foundation Trust", "Bolton NHS FT", TRUE);
    add_attendee (f->store, conf, "T. Teacher", "St Mary's Primary School", "Education", TRUE);
    add_attendee (f->store, conf, "P. Probation", "Probation Service", "Probation", TRUE);
    c = quorum_store_load_conference (f->store, conf, &error);
    g_assert_no_error (error);
    decide_all (f, conf, ((QuorumChild *) g_ptr_array_index (c->children, 0))->id,
                ((QuorumChild *) g_ptr_array_index (c->children, 1))->id);
  }

  g_date_clear (&as_of, 1);
  g_date_set_dmy (&as_of, 24, 12, 2026);
  all = quorum_store_list_referrals (f->store, &as_of, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 241);

  /* Each row's state, lateness and next deadline, worked out by the store in SQL (as it orders,
   * filters and counts), agree with the rule written again here. */
  for (guint i = 0; i < all->len; i++)
    {
      const QuorumReferralRow *row = g_ptr_array_index (all, i);

      g_assert_cmpint (row->state, ==, ref_state (row));
      g_assert_cmpint (row->overdue, ==, ref_overdue (row, &as_of));
      g_assert_cmpuint (ref_julian (&row->next_due), ==, ref_julian (ref_next (row)));
      n_overdue += row->overdue;
      n_by_state[row->state]++;
    }
  g_assert_cmpuint (n_overdue, >, 0);
  g_assert_cmpuint (n_by_state[0] * n_by_state[1] * n_by_state[2], >, 0);

  for (guint order = 0; order < QUORUM_REFERRAL_N_ORDERS; order++)
    for (guint desc = 0; desc < 2; desc++)
      for (guint match = QUORUM_REFERRAL_MATCH_ALL; match <= QUORUM_REFERRAL_MATCH_DECIDED; match++)
        for (guint s = 0; s < G_N_ELEMENTS (searches); s++)
          {
            QuorumReferralQuery query = { .as_of = as_of, .match = match, .search = searches[s],
                                          .order = order, .descending = desc };
            g_autoptr(GPtrArray) expected = g_ptr_array_new ();
            g_autoptr(GArray) ids = quorum_store_list_referral_ids (f->store, &query, &error);
            g_autofree char *needle = searches[s] ? g_strstrip (g_strdup (searches[s])) : NULL;

            g_assert_no_error (error);
            for (guint i = 0; i < all->len; i++)
              if (ref_matches (g_ptr_array_index (all, i), match, needle))
                g_ptr_array_add (expected, g_ptr_array_index (all, i));
            ref_sort_order = order;
            ref_sort_descending = desc;
            g_ptr_array_sort (expected, ref_sort);

            g_assert_cmpuint (ids->len, ==, expected->len);
            for (guint i = 0; i < ids->len; i++)
              g_assert_cmpint (g_array_index (ids, gint64, i), ==, ((QuorumReferralRow *) g_ptr_array_index (expected, i))->id);
            n_checked++;
          }
  g_test_message ("%u orders, filters and searches agree with the page's own comparison", n_checked);

  /* The search folds case beyond ASCII, on both backends. */
  {
    QuorumReferralQuery query = { .as_of = as_of, .search = "ÉLODIE" };
    g_autoptr(GArray) ids = quorum_store_list_referral_ids (f->store, &query, &error);

    g_assert_no_error (error);
    /* "élodie Brontë"'s referral (her brother's decision was by consensus). */
    g_assert_cmpuint (ids->len, ==, 1);
  }

  /* Rows by id, in the order asked, as the whole list gives them. */
  {
    QuorumReferralQuery query = { .as_of = as_of, .order = QUORUM_REFERRAL_ORDER_CHILD };
    g_autoptr(GPtrArray) rows = NULL;

    everyone = quorum_store_list_referral_ids (f->store, &query, &error);
    g_assert_no_error (error);
    rows = quorum_store_get_referrals (f->store, &g_array_index (everyone, gint64, 100), 73, &as_of, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (rows->len, ==, 73);
    for (guint i = 0; i < rows->len; i++)
      {
        QuorumReferralRow *row = g_ptr_array_index (rows, i);
        QuorumReferralRow *same = NULL;

        g_assert_cmpint (row->id, ==, g_array_index (everyone, gint64, 100 + i));
        for (guint j = 0; j < all->len && same == NULL; j++)
          if (((QuorumReferralRow *) g_ptr_array_index (all, j))->id == row->id)
            same = g_ptr_array_index (all, j);
        g_assert_nonnull (same);
        g_assert_cmpstr (row->child, ==, same->child);
        g_assert_cmpstr (row->chair, ==, same->chair);
        g_assert_cmpint (row->overdue, ==, same->overdue);
        g_assert_cmpint (row->outcome, ==, same->outcome);
        g_assert_cmpint (row->sent_late, ==, same->sent_late);
        g_assert_cmpint (row->heard_late, ==, same->heard_late);
        g_assert_cmpstr (row->sent_by, ==, same->sent_by);
        g_assert_cmpint (g_date_compare (&row->due_working, &same->due_working), ==, 0);
      }
  }

  /* The tiles' numbers, counted in SQL, as the page counted them in C. */
  week_end = as_of;
  g_date_add_days (&week_end, 7 - g_date_get_weekday (&as_of));
  g_assert_true (quorum_store_count_referrals (f->store, &as_of, &week_end, &counts, &error));
  g_assert_no_error (error);
  {
    QuorumReferralCounts expected = { 0, };

    for (guint i = 0; i < all->len; i++)
      {
        const QuorumReferralRow *row = g_ptr_array_index (all, i);
        const GDate *next = ref_next (row);

        expected.total++;
        if (row->overdue)
          expected.overdue++;
        else if (g_date_valid (next) && g_date_compare (next, &as_of) >= 0 && g_date_compare (next, &week_end) <= 0)
          expected.due_soon++;
        if (ref_state (row) == 0)
          expected.awaiting_notification++;
        else if (ref_state (row) == 1)
          {
            expected.awaiting_panel++;
            if (row->overdue)
              expected.panel_overdue++;
          }
      }
    g_assert_cmpuint (counts.total, ==, expected.total);
    g_assert_cmpuint (counts.overdue, ==, expected.overdue);
    g_assert_cmpuint (counts.panel_overdue, ==, expected.panel_overdue);
    g_assert_cmpuint (counts.due_soon, ==, expected.due_soon);
    g_assert_cmpuint (counts.awaiting_notification, ==, expected.awaiting_notification);
    g_assert_cmpuint (counts.awaiting_panel, ==, expected.awaiting_panel);
    g_assert_cmpuint (counts.overdue, >, 0);
  }
}

static void
test_list_conferences (StoreFixture  *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  gint64 older = make_conference (f->store, "bolton", "2026-10-01", NULL, NULL);
  gint64 newer = make_conference (f->store, "buckinghamshire", "2026-11-02", NULL, NULL);

  all = quorum_store_list_conferences (f->store, NULL, NULL, NULL, &error);
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_cmpint (((QuorumConferenceSummary *)g_ptr_array_index (all, 0))->id, ==, newer);
  g_assert_cmpint (((QuorumConferenceSummary *)g_ptr_array_index (all, 1))->id, ==, older);
  g_assert_cmpstr (((QuorumConferenceSummary *)g_ptr_array_index (all, 0))->children, ==, "Amy Jones, Ben Jones");

  found = quorum_store_list_conferences (f->store, "2026-10", NULL, NULL, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = quorum_store_list_conferences (f->store, "ben", NULL, NULL, &error);
  g_assert_cmpuint (found->len, ==, 2);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = quorum_store_list_conferences (f->store, "100%", NULL, NULL, &error);
  g_assert_cmpuint (found->len, ==, 0);

  /* The list's length, as the app counts it at start (with no search, along the index). */
  {
    guint n = G_MAXUINT;

    g_assert_true (quorum_store_count_conferences (f->store, NULL, &n, &error));
    g_assert_cmpuint (n, ==, 2);
    g_assert_true (quorum_store_count_conferences (f->store, "", &n, &error));
    g_assert_cmpuint (n, ==, 2);
    g_assert_true (quorum_store_count_conferences (f->store, "2026-10", &n, &error));
    g_assert_cmpuint (n, ==, 1);
    g_assert_true (quorum_store_count_conferences (f->store, "100%", &n, &error));
    g_assert_cmpuint (n, ==, 0);
    g_assert_no_error (error);
  }
}

/* Trial 6, annoyance 12: "chloe" found nothing, "Chloé" found the Walsh conference. The search
 * folds accents and case by core's rule (quorum-search.h) on either backend, in the list, its
 * count and its windows, as `quorum-cli conference list --search` does: each spelling finds
 * the one conference, and nothing else. */
static void
test_list_search_folds_accents (StoreFixture  *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *children[] = { "Chloé Walsh", "Mason Walsh", NULL };
  QuorumConferenceSpec spec = { .kind = QUORUM_KIND_REVIEW, .chair = "Siân Ŵyn Prŷs",
                                .profile_id = "bolton", .children = children, .case_ref = "BOL/2026/0412" };
  const char * const finds[] = { "chloe", "CHLOE", "Chloé", "CHLOÉ", "chloé walsh", "sian", "SIÂN",
                                 "wyn", "prys", "bol/2026", NULL };
  const char * const misses[] = { "chloa", "zoe", "siane", NULL };
  gint64 id;

  make_conference (f->store, "bolton", "2026-10-01", NULL, NULL);
  g_assert_true (quorum_date_parse ("2026-12-02", "date", &spec.date, NULL));
  id = quorum_store_create_conference (f->store, &spec, &error);
  g_assert_no_error (error);

  for (guint i = 0; finds[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) found = quorum_store_list_conferences (f->store, finds[i], NULL, NULL, &error);
      g_autoptr(GPtrArray) window = quorum_store_list_conferences_window (f->store, finds[i], NULL, 0, 10, &error);
      guint n = G_MAXUINT;
      guint position = G_MAXUINT;

      g_assert_no_error (error);
      g_test_message ("search “%s”", finds[i]);
      g_assert_cmpuint (found->len, ==, 1);
      g_assert_cmpint (((QuorumConferenceSummary *) g_ptr_array_index (found, 0))->id, ==, id);
      g_assert_cmpuint (window->len, ==, 1);
      g_assert_cmpint (((QuorumConferenceSummary *) g_ptr_array_index (window, 0))->id, ==, id);
      g_assert_true (quorum_store_count_conferences (f->store, finds[i], &n, &error));
      g_assert_cmpuint (n, ==, 1);
      g_assert_true (quorum_store_find_conference_position (f->store, finds[i], id, &position, &error));
      g_assert_cmpuint (position, ==, 0);
    }
  for (guint i = 0; misses[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) found = quorum_store_list_conferences (f->store, misses[i], NULL, NULL, &error);
      guint n = G_MAXUINT;

      g_assert_no_error (error);
      g_assert_cmpuint (found->len, ==, 0);
      g_assert_true (quorum_store_count_conferences (f->store, misses[i], &n, &error));
      g_assert_cmpuint (n, ==, 0);
    }
}

/* ---- The record is true to the policy (issue 11) ---- */

static gint64
attendee_named (QuorumConference *c,
                const char       *name)
{
  for (guint i = 0; i < c->attendees->len; i++)
    {
      QuorumAttendee *a = g_ptr_array_index (c->attendees, i);
      if (g_strcmp0 (a->name, name) == 0)
        return a->id;
    }
  g_assert_not_reached ();
  return 0;
}

static QuorumConference *
load (StoreFixture *f,
      gint64        conf)
{
  g_autoptr(GError) error = NULL;
  QuorumConference *c = quorum_store_load_conference (f->store, conf, &error);

  g_assert_no_error (error);
  return c;
}

/* Finding 1, DOMAIN "Attendance is a timeline": arrived late, left at a time; a view given
 * stays counted after its giver leaves; the decision keeps who was in the room; a later
 * arrival is recorded as arriving after it and joins no decided child's voters. */
static void
test_record_attendance_timeline (StoreFixture  *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumConference) c = NULL;
  g_autoptr(QuorumOutcome) outcome = NULL;
  g_autoptr(GArray) without = NULL;
  g_auto(GStrv) groups = NULL;
  QuorumAttendeeSpec late = { .name = "Dr Late", .agency = "Spa Road Surgery", .line_management = "GP",
                              .voting = TRUE, .attendance = QUORUM_ATTENDANCE_PRESENT, .arrived_at = "11:05" };
  QuorumAttendeeSpec gone = { .name = "T. Teacher", .agency = "St Mary's Primary School",
                              .line_management = "Education", .voting = TRUE,
                              .attendance = QUORUM_ATTENDANCE_APOLOGIES };
  QuorumDecision *decision;
  QuorumPresenceStatus status;
  gint64 conf, amy, ben, teacher, probation, gp;
  gint64 plan_id = 0, referral_id = 0;

  conf = make_conference (f->store, "bolton", "2026-11-20", &amy, &ben);
  c = load (f, conf);
  teacher = attendee_named (c, "T. Teacher");
  probation = attendee_named (c, "P. Probation");
  g_clear_pointer (&c, quorum_conference_free);

  vote (f->store, conf, amy, "Children's Social Care", QUORUM_VIEW_PLAN, 0, "Neglect.");
  vote (f->store, conf, amy, "Police", QUORUM_VIEW_NO_PLAN, 0, "No offences.");
  vote (f->store, conf, amy, "Bolton NHS FT", QUORUM_VIEW_PLAN, 0, "Growth.");
  vote (f->store, conf, amy, "Education", QUORUM_VIEW_NO_PLAN, 0, "Attendance is good.");
  vote (f->store, conf, amy, "Probation", QUORUM_VIEW_DECLINE, 0, "No contact.");

  /* Apologies are no longer the way to record leaving. */
  g_assert_false (quorum_store_update_attendee (f->store, teacher, &gone, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);

  /* The teacher leaves after the school's view; probation leaves before giving one for Ben. */
  g_assert_true (quorum_store_attendee_leave (f->store, teacher, "10:40", &without, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (without->len, ==, 1);
  g_assert_cmpint (g_array_index (without, gint64, 0), ==, ben);
  g_clear_pointer (&without, g_array_unref);
  g_assert_false (quorum_store_attendee_leave (f->store, teacher, "10:50", NULL, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (quorum_store_attendee_leave (f->store, probation, "25:00", NULL, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (quorum_store_attendee_leave (f->store, probation, "10:45", NULL, &error));
  g_assert_no_error (error);

  outcome = quorum_store_decide (f->store, conf, amy, QUORUM_VIEW_NONE, 0, &plan_id, &referral_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (outcome->basis, ==, QUORUM_BASIS_SPLIT);   /* 2-2: the school's view still counts */
  g_assert_cmpint (outcome->n_no_plan, ==, 2);
  g_assert_cmpint (outcome->n_declined, ==, 1);
  g_assert_cmpint (referral_id, >, 0);

  gp = quorum_store_add_attendee (f->store, conf, &late, &error);
  g_assert_no_error (error);

  c = load (f, conf);
  g_assert_cmpstr (quorum_conference_find_attendee (c, teacher)->left_at, ==, "10:40");
  g_assert_cmpstr (quorum_conference_find_attendee (c, gp)->arrived_at, ==, "11:05");
  decision = quorum_conference_find_decision (c, amy);
  g_assert_nonnull (decision->presence);
  g_assert_true (quorum_conference_presence_at (c, amy, teacher, &status));
  g_assert_cmpint (status, ==, QUORUM_PRESENCE_LEFT);
  g_assert_true (quorum_conference_presence_at (c, amy, attendee_named (c, "A. Khan"), &status));
  g_assert_cmpint (status, ==, QUORUM_PRESENCE_PRESENT);
  g_assert_false (quorum_conference_presence_at (c, amy, gp, &status));
  g_assert_cmpuint (decision->dissent->len, ==, 2);
  g_assert_cmpstr (((QuorumDissent *) g_ptr_array_index (decision->dissent, 1))->group, ==, "Education");

  /* Nobody joins the voters of a decided child; Ben's voters now include the GP, not the school. */
  groups = quorum_conference_child_groups (c, amy);
  g_assert_false (g_strv_contains ((const char * const *) groups, "GP"));
  g_clear_pointer (&groups, g_strfreev);
  groups = quorum_conference_child_groups (c, ben);
  g_assert_true (g_strv_contains ((const char * const *) groups, "GP"));
  g_assert_false (g_strv_contains ((const char * const *) groups, "Education"));

  g_assert_true (quorum_store_verify (f->store, NULL, &error));
  g_assert_no_error (error);
}

/* Finding 2, DOMAIN "Reaching a decision" 6: a view given before a later consensus stays in the
 * history, marked superseded, and the consensus's tally counts none. */
static void
test_record_superseded_kept (StoreFixture  *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumConference) c = NULL;
  g_autoptr(QuorumOutcome) outcome = NULL;
  QuorumAttemptSpec agreed = { .summary = "All agreed a plan for neglect.", .agreed = QUORUM_VIEW_PLAN,
                               .categories = QUORUM_CATEGORY_NEGLECT };
  QuorumSupersededView *history;
  gint64 conf, amy;

  conf = make_conference (f->store, "bolton", "2026-11-20", &amy, NULL);
  vote (f->store, conf, amy, "Police", QUORUM_VIEW_NO_PLAN, 0, "No offences.");
  agreed.child_id = amy;
  quorum_store_add_attempt (f->store, conf, &agreed, &error);
  g_assert_no_error (error);

  outcome = quorum_store_decide (f->store, conf, amy, QUORUM_VIEW_NONE, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (outcome->basis, ==, QUORUM_BASIS_CONSENSUS);
  g_assert_cmpint (outcome->n_plan + outcome->n_no_plan + outcome->n_declined, ==, 0);

  c = load (f, conf);
  g_assert_true (((QuorumVote *) g_ptr_array_index (c->votes, 0))->superseded);
  g_assert_cmpuint (c->superseded_views->len, ==, 1);
  history = g_ptr_array_index (c->superseded_views, 0);
  g_assert_cmpstr (history->group, ==, "Police");
  g_assert_cmpint (history->view, ==, QUORUM_VIEW_NO_PLAN);
  g_assert_cmpint (history->round, ==, 2);
  g_assert_cmpstr (history->reason, ==, "No offences.");
  g_assert_cmpint (quorum_conference_find_decision (c, amy)->n_no_plan, ==, 0);
  g_assert_true (quorum_store_verify (f->store, NULL, &error));
}

/* Findings 3 and 4, DOMAIN "Reaching a decision" 5 and 6: no vote and no chair's decision without
 * an attempt that reached no consensus; each group's view before the chair decides; no dissent
 * without its reason. Each refusal writes nothing. */
static void
test_record_last_resort_and_reasons (StoreFixture  *f,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumOutcome) outcome = NULL;
  g_autoptr(QuorumConference) c = NULL;
  QuorumVoteSpec early = { .group = "Police", .view = QUORUM_VIEW_NO_PLAN, .reason = "Too soon." };
  QuorumVoteSpec bare = { .group = "Education", .view = QUORUM_VIEW_NO_PLAN };
  gint64 conf, amy, ben;

  conf = make_conference (f->store, "buckinghamshire", "2026-11-20", &amy, &ben);
  early.child_id = amy;
  g_assert_cmpint (quorum_store_record_vote (f->store, conf, &early, &error), ==, 0);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  /* Worded by the conference's rule: under chair-decides there is no vote (Bolton's words were
   * given under either rule). */
  g_assert_nonnull (strstr (error->message, "The chair decides only when there is no consensus"));
  g_assert_null (strstr (error->message, "vote"));
  g_clear_error (&error);
  outcome = quorum_store_decide_with_reason (f->store, conf, amy, QUORUM_VIEW_PLAN, 0, "The chair weighed the views recorded.", NULL, NULL, &error);
  g_assert_null (outcome);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);

  no_consensus (f->store, conf, amy);
  outcome = quorum_store_decide_with_reason (f->store, conf, amy, QUORUM_VIEW_PLAN, 0, "The chair weighed the views recorded.", NULL, NULL, &error);
  g_assert_null (outcome);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "before the chair decides"));
  g_clear_error (&error);

  vote (f->store, conf, amy, "Children's Social Care", QUORUM_VIEW_PLAN, 0, "Neglect.");
  vote (f->store, conf, amy, "Police", QUORUM_VIEW_PLAN, 0, "Agree.");
  vote (f->store, conf, amy, "Bolton NHS FT", QUORUM_VIEW_PLAN, 0, "Agree.");
  vote (f->store, conf, amy, "Probation", QUORUM_VIEW_DECLINE, 0, "No contact.");
  bare.child_id = amy;
  g_assert_cmpint (quorum_store_record_vote (f->store, conf, &bare, &error), >, 0);
  g_assert_no_error (error);
  outcome = quorum_store_decide_with_reason (f->store, conf, amy, QUORUM_VIEW_PLAN, 0, "The chair weighed the views recorded.", NULL, NULL, &error);
  g_assert_null (outcome);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "reservation"));
  g_clear_error (&error);
  c = load (f, conf);
  g_assert_cmpuint (c->decisions->len, ==, 0);
  g_clear_pointer (&c, quorum_conference_free);

  vote (f->store, conf, amy, "Education", QUORUM_VIEW_NO_PLAN, 0, "Attendance is good.");
  /* 002 §4.1: the chair decides, and the record says why: without the chair's reasons (none, or
   * only spaces) nothing is written. */
  outcome = quorum_store_decide (f->store, conf, amy, QUORUM_VIEW_PLAN, 0, NULL, NULL, &error);
  g_assert_null (outcome);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "give the chair’s reasons for the decision for Amy"));
  g_clear_error (&error);
  outcome = quorum_store_decide_with_reason (f->store, conf, amy, QUORUM_VIEW_PLAN, 0, " \n ", NULL, NULL, &error);
  g_assert_null (outcome);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);
  c = load (f, conf);
  g_assert_cmpuint (c->decisions->len, ==, 0);
  g_assert_null (quorum_conference_find_plan (c, amy));
  g_clear_pointer (&c, quorum_conference_free);

  outcome = quorum_store_decide_with_reason (f->store, conf, amy, QUORUM_VIEW_PLAN, 0, "The chair weighed the views recorded.", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (outcome->basis, ==, QUORUM_BASIS_CHAIR);
  g_assert_cmpuint (outcome->dissent->len, ==, 1);
  g_assert_cmpstr (((QuorumDissent *) g_ptr_array_index (outcome->dissent, 0))->reason, ==, "Attendance is good.");
  c = load (f, conf);
  g_assert_cmpstr (quorum_conference_find_decision (c, amy)->reason, ==, "The chair weighed the views recorded.");
  g_assert_true (quorum_store_verify (f->store, NULL, &error));
  g_assert_no_error (error);
}

/* DOMAIN "Reaching a decision" 6: each representative's own position is kept; only those who
 * differ from the outcome are listed as dissenting. */
static void
test_record_member_positions (StoreFixture  *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumOutcome) outcome = NULL;
  g_autoptr(QuorumConference) c = NULL;
  QuorumMemberViewSpec one = { .view = QUORUM_VIEW_PLAN, .reason = "Weight has fallen." };
  QuorumMemberViewSpec two = { .view = QUORUM_VIEW_NO_PLAN, .reason = "Mother engages well." };
  QuorumDissent *health = NULL;
  gint64 conf, amy;

  conf = make_conference (f->store, "bolton", "2026-11-20", &amy, NULL);
  vote (f->store, conf, amy, "Children's Social Care", QUORUM_VIEW_PLAN, 0, "Neglect.");
  vote (f->store, conf, amy, "Police", QUORUM_VIEW_NO_PLAN, 0, "No offences.");
  vote (f->store, conf, amy, "Education", QUORUM_VIEW_PLAN, 0, "Hungry at school.");
  vote (f->store, conf, amy, "Probation", QUORUM_VIEW_DECLINE, 0, "No contact.");

  c = load (f, conf);
  one.child_id = two.child_id = amy;
  one.attendee_id = attendee_named (c, "H. Visitor");
  two.attendee_id = attendee_named (c, "H. Visitor Two");
  g_clear_pointer (&c, quorum_conference_free);
  two.reason = NULL;
  g_assert_cmpint (quorum_store_record_member_view (f->store, conf, &two, &error), ==, 0);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);
  two.reason = "Mother engages well.";
  g_assert_cmpint (quorum_store_record_member_view (f->store, conf, &one, &error), >, 0);
  g_assert_cmpint (quorum_store_record_member_view (f->store, conf, &two, &error), >, 0);
  g_assert_no_error (error);
  vote (f->store, conf, amy, "Bolton NHS FT", QUORUM_VIEW_NO_PLAN, 0, "We could not agree.");

  outcome = quorum_store_decide (f->store, conf, amy, QUORUM_VIEW_NONE, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (outcome->basis, ==, QUORUM_BASIS_SPLIT);
  c = load (f, conf);
  g_assert_cmpuint (c->member_views->len, ==, 2);
  for (guint i = 0; i < quorum_conference_find_decision (c, amy)->dissent->len; i++)
    {
      QuorumDissent *d = g_ptr_array_index (quorum_conference_find_decision (c, amy)->dissent, i);
      if (g_strcmp0 (d->group, "Bolton NHS FT") == 0)
        health = d;
    }
  g_assert_nonnull (health);
  g_assert_cmpuint (g_strv_length (health->representatives), ==, 1);
  g_assert_cmpstr (health->representatives[0], ==, "H. Visitor Two");
  g_assert_cmpstr (health->reason, ==, "We could not agree.\nH. Visitor Two: Mother engages well.");
}

/* DOMAIN "Reaching a decision" 2 and 6, through the store as the app and quorum-cli decide reach
 * it: "could not agree" marked and one representative's own position never given, the decision
 * (and its preview, which the app shows for confirmation) is refused, nothing written; with her
 * position recorded the stored dissent holds her and not the one who held the outcome's view. */
static void
test_record_could_not_agree_needs_each_own_position (StoreFixture  *f,
                                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumOutcome) outcome = NULL;
  g_autoptr(QuorumConference) c = NULL;
  QuorumMemberViewSpec one = { .view = QUORUM_VIEW_PLAN, .reason = "Weight has fallen." };
  QuorumMemberViewSpec two = { .view = QUORUM_VIEW_NO_PLAN, .reason = "Mother engages well." };
  QuorumVoteSpec health = { .group = "Bolton NHS FT", .view = QUORUM_VIEW_PLAN,
                            .reason = "We settle on a plan.", .members_disagreed = TRUE };
  QuorumDissent *dissent = NULL;
  gint64 conf, amy, audit;

  conf = make_conference (f->store, "bolton", "2026-11-20", &amy, NULL);
  vote (f->store, conf, amy, "Children's Social Care", QUORUM_VIEW_PLAN, 0, "Neglect.");
  vote (f->store, conf, amy, "Police", QUORUM_VIEW_NO_PLAN, 0, "No offences.");
  vote (f->store, conf, amy, "Education", QUORUM_VIEW_NO_PLAN, 0, "Attendance is good.");
  vote (f->store, conf, amy, "Probation", QUORUM_VIEW_DECLINE, 0, "No contact.");
  health.child_id = amy;
  g_assert_cmpint (quorum_store_record_vote (f->store, conf, &health, &error), >, 0);
  g_assert_no_error (error);

  c = load (f, conf);
  one.child_id = two.child_id = amy;
  one.attendee_id = attendee_named (c, "H. Visitor");
  two.attendee_id = attendee_named (c, "H. Visitor Two");
  g_clear_pointer (&c, quorum_conference_free);
  g_assert_cmpint (quorum_store_record_member_view (f->store, conf, &one, &error), >, 0);
  g_assert_no_error (error);

  audit = count_rows (f->store, "SELECT count(*) FROM audit");
  g_assert_null (quorum_store_preview_decision (f->store, conf, amy, QUORUM_VIEW_NONE, 0, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "H. Visitor Two of “Bolton NHS FT” has not given theirs for Amy Jones’s decision"));
  g_clear_error (&error);
  g_assert_null (quorum_store_decide (f->store, conf, amy, QUORUM_VIEW_NONE, 0, NULL, NULL, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM decision"), ==, 0);
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM dissent"), ==, 0);
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM plan"), ==, 0);
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM referral"), ==, 0);
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM audit"), ==, audit);

  g_assert_cmpint (quorum_store_record_member_view (f->store, conf, &two, &error), >, 0);
  g_assert_no_error (error);
  outcome = quorum_store_decide (f->store, conf, amy, QUORUM_VIEW_NONE, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (outcome->outcome, ==, QUORUM_VIEW_PLAN);
  c = load (f, conf);
  for (guint i = 0; i < quorum_conference_find_decision (c, amy)->dissent->len; i++)
    {
      QuorumDissent *d = g_ptr_array_index (quorum_conference_find_decision (c, amy)->dissent, i);

      if (g_strcmp0 (d->group, "Bolton NHS FT") == 0)
        dissent = d;
    }
  g_assert_nonnull (dissent);
  g_assert_cmpint (dissent->view, ==, QUORUM_VIEW_NO_PLAN);
  g_assert_cmpuint (g_strv_length (dissent->representatives), ==, 1);
  g_assert_cmpstr (dissent->representatives[0], ==, "H. Visitor Two");
  g_assert_cmpstr (dissent->reason, ==, "Mother engages well.");
}

/* A representative's own reason is corrected after sign-off as a group's is: an amendment naming
 * "member_view:ID", the original kept in the record, the value as it stands read from the
 * amendments. Before sign-off, blank, another field, an id that is not this conference's: refused,
 * nothing written. */
static void
test_amend_member_view_reason (StoreFixture  *f,
                               gconstpointer  data)
{
  GError *error = NULL;
  g_autoptr(QuorumConference) c = NULL;
  g_autoptr(QuorumOutcome) outcome = NULL;
  QuorumMemberViewSpec one = { .view = QUORUM_VIEW_PLAN, .reason = "Weight has fallen." };
  QuorumMemberViewSpec two = { .view = QUORUM_VIEW_NO_PLAN, .reason = "Mother engages well." };
  QuorumAttemptSpec consensus = { .summary = "All agree.", .agreed = QUORUM_VIEW_NO_PLAN };
  QuorumAmendmentSpec spec = { .reason = "The minutes cut her words short", .field = "reason",
                               .new_value = "Mother engages well with the health visitor." };
  g_autofree char *record = NULL;
  g_autofree char *other_record = NULL;
  g_autofree char *what = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const QuorumAmendment *amendment;
  const QuorumMemberView *member = NULL;
  gint64 conf, other, amy, ben, id;

  conf = make_conference (f->store, "bolton", "2026-11-20", &amy, &ben);
  vote (f->store, conf, amy, "Children's Social Care", QUORUM_VIEW_PLAN, 0, "Neglect.");
  vote (f->store, conf, amy, "Police", QUORUM_VIEW_NO_PLAN, 0, "No offences.");
  vote (f->store, conf, amy, "Education", QUORUM_VIEW_PLAN, 0, "Hungry at school.");
  vote (f->store, conf, amy, "Probation", QUORUM_VIEW_DECLINE, 0, "No contact.");
  c = load (f, conf);
  one.child_id = two.child_id = amy;
  one.attendee_id = attendee_named (c, "H. Visitor");
  two.attendee_id = attendee_named (c, "H. Visitor Two");
  g_clear_pointer (&c, quorum_conference_free);
  g_assert_cmpint (quorum_store_record_member_view (f->store, conf, &one, &error), >, 0);
  id = quorum_store_record_member_view (f->store, conf, &two, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  record = g_strdup_printf ("member_view:%" G_GINT64_FORMAT, id);
  spec.record = record;
  vote (f->store, conf, amy, "Bolton NHS FT", QUORUM_VIEW_NO_PLAN, 0, "We could not agree.");
  outcome = quorum_store_decide (f->store, conf, amy, QUORUM_VIEW_NONE, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  consensus.child_id = ben;
  quorum_store_add_attempt (f->store, conf, &consensus, &error);
  g_assert_no_error (error);
  g_clear_pointer (&outcome, quorum_outcome_free);
  outcome = quorum_store_decide (f->store, conf, ben, QUORUM_VIEW_NONE, 0, NULL, NULL, &error);
  g_assert_no_error (error);

  /* Not yet signed off: the record itself is corrected, not amended. */
  g_assert_cmpint (quorum_store_amend (f->store, conf, &spec, &error), ==, 0);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (quorum_store_finalise (f->store, conf, &error));
  g_assert_no_error (error);

  /* Another conference's representative is not this one's to correct. */
  other = make_conference (f->store, "bolton", "2026-11-21", &amy, NULL);
  c = load (f, other);
  one.child_id = amy;
  one.attendee_id = attendee_named (c, "H. Visitor");
  g_clear_pointer (&c, quorum_conference_free);
  vote (f->store, other, amy, "Police", QUORUM_VIEW_NO_PLAN, 0, "No offences.");
  other_record = g_strdup_printf ("member_view:%" G_GINT64_FORMAT,
                                  quorum_store_record_member_view (f->store, other, &one, &error));
  g_assert_no_error (error);

  before = store_fixture_hash (f);
  store_fixture_reopen (f);
  {
    struct { const char *record; const char *field; const char *value; int code; } bad[] = {
      { record, "reason", "  ", QUORUM_ERROR_INVALID },
      { record, "reason", "", QUORUM_ERROR_INVALID },
      { record, "view", "plan", QUORUM_ERROR_INVALID },
      { record, "categories", "neglect", QUORUM_ERROR_INVALID },
      { "member_view:999999", "reason", "Words", QUORUM_ERROR_NOT_FOUND },
      { other_record, "reason", "Words", QUORUM_ERROR_NOT_FOUND },
      { record, "reason", "Mother engages well.", QUORUM_ERROR_INVALID },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        QuorumAmendmentSpec refused = { .reason = "Corrected", .record = bad[i].record, .field = bad[i].field,
                                        .new_value = bad[i].value };

        g_test_message ("refused: %s %s “%s”", bad[i].record, bad[i].field, bad[i].value);
        g_assert_cmpint (quorum_store_amend (f->store, conf, &refused, &error), ==, 0);
        g_assert_error (error, QUORUM_ERROR, bad[i].code);
        g_clear_error (&error);
      }
  }
  after = store_fixture_hash (f);
  g_assert_cmpstr (before, ==, after);
  store_fixture_reopen (f);

  /* Taken: the amendment holds the original and the correction; the position is as signed off. */
  g_assert_cmpint (quorum_store_amend (f->store, conf, &spec, &error), >, 0);
  g_assert_no_error (error);
  c = load (f, conf);
  g_assert_cmpuint (c->amendments->len, ==, 1);
  amendment = g_ptr_array_index (c->amendments, 0);
  g_assert_cmpstr (amendment->record, ==, record);
  g_assert_cmpstr (amendment->field, ==, "reason");
  g_assert_cmpstr (amendment->old_value, ==, "Mother engages well.");
  g_assert_cmpstr (amendment->new_value, ==, "Mother engages well with the health visitor.");
  for (guint i = 0; i < c->member_views->len; i++)
    if (((QuorumMemberView *) g_ptr_array_index (c->member_views, i))->id == id)
      member = g_ptr_array_index (c->member_views, i);
  g_assert_nonnull (member);
  g_assert_cmpstr (member->reason, ==, "Mother engages well.");
  g_assert_cmpstr (quorum_conference_current_value (c, record, "reason", member->reason), ==,
                   "Mother engages well with the health visitor.");
  /* Named in words, as the record and the Amend dialog name it. */
  what = quorum_conference_describe_value (c, record, "reason");
  g_assert_cmpstr (what, ==, "Reason of the own position of H. Visitor Two (Bolton NHS FT), for Amy Jones");
  g_assert_nonnull (strstr (amendment->change, what));

  /* A second correction replaces the first one's words. */
  spec.new_value = "Mother engages well; the health visitor sees her weekly.";
  g_assert_cmpint (quorum_store_amend (f->store, conf, &spec, &error), >, 0);
  g_assert_no_error (error);
  g_clear_pointer (&c, quorum_conference_free);
  c = load (f, conf);
  g_assert_cmpuint (c->amendments->len, ==, 2);
  g_assert_cmpstr (((QuorumAmendment *) g_ptr_array_index (c->amendments, 1))->old_value, ==,
                   "Mother engages well with the health visitor.");
}

/* Finding 5, DOMAIN "The challenge of a chair's decision": raised by a dissenting agency with
 * its Designated Person, the Co-ordinator alerted, the decisions acting on the record after
 * sign-off: an interim plan, the review conference brought forward, a referral on the Head of
 * Service's dashboard. A Bolton conference refuses it. Refusals write nothing. */
static void
last_added_cb (QuorumStore *store,
               gint64       conference_id,
               gpointer     user_data)
{
  *(gint64 *) user_data = conference_id;
}

static void
test_record_challenge_route (StoreFixture  *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumOutcome) outcome = NULL;
  g_autoptr(QuorumConference) c = NULL;
  g_autoptr(QuorumConference) review = NULL;
  g_autoptr(GPtrArray) referrals = NULL;
  QuorumChallengeSpec spec = { .agency = "Children's Social Care", .designated_person = "J. Ops Manager",
                               .raised_by = "S. Social", .concern = "The children are left alone at night." };
  QuorumChallenge *challenge;
  GDate day, next, review_day;
  gint64 conf, amy, bolton, bamy, id;
  gint64 review_told = 0;
  gulong told;

  bolton = make_conference (f->store, "bolton", "2026-11-20", &bamy, NULL);
  vote (f->store, bolton, bamy, "Children's Social Care", QUORUM_VIEW_PLAN, 0, "Neglect.");
  vote (f->store, bolton, bamy, "Police", QUORUM_VIEW_NO_PLAN, 0, "No offences.");
  vote (f->store, bolton, bamy, "Bolton NHS FT", QUORUM_VIEW_NO_PLAN, 0, "Engaging.");
  vote (f->store, bolton, bamy, "Education", QUORUM_VIEW_NO_PLAN, 0, "Fine.");
  vote (f->store, bolton, bamy, "Probation", QUORUM_VIEW_DECLINE, 0, "No contact.");
  outcome = quorum_store_decide (f->store, bolton, bamy, QUORUM_VIEW_NONE, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&outcome, quorum_outcome_free);

  conf = make_conference (f->store, "buckinghamshire", "2026-11-20", &amy, NULL);
  vote (f->store, conf, amy, "Children's Social Care", QUORUM_VIEW_PLAN, 0, "Neglect.");
  vote (f->store, conf, amy, "Police", QUORUM_VIEW_NO_PLAN, 0, NULL);
  vote (f->store, conf, amy, "Bolton NHS FT", QUORUM_VIEW_NO_PLAN, 0, NULL);
  vote (f->store, conf, amy, "Education", QUORUM_VIEW_NO_PLAN, 0, NULL);
  vote (f->store, conf, amy, "Probation", QUORUM_VIEW_DECLINE, 0, "No contact.");
  outcome = quorum_store_decide_with_reason (f->store, conf, amy, QUORUM_VIEW_NO_PLAN, 0, "The chair weighed the views recorded.", NULL, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (quorum_date_parse ("2026-11-21", "date", &day, NULL));
  g_assert_true (quorum_date_parse ("2026-11-22", "date", &next, NULL));
  g_assert_true (quorum_date_parse ("2026-12-01", "date", &review_day, NULL));
  spec.raised_on = day;

  /* A Bolton conference refuses a Buckinghamshire challenge: its profile has no route. */
  spec.child_id = bamy;
  g_assert_cmpint (quorum_store_raise_challenge (f->store, bolton, &spec, &error), ==, 0);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);
  /* Only a dissenting agency. */
  spec.child_id = amy;
  spec.agency = "Greater Manchester Police";
  g_assert_cmpint (quorum_store_raise_challenge (f->store, conf, &spec, &error), ==, 0);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);
  spec.agency = "Children's Social Care";
  id = quorum_store_raise_challenge (f->store, conf, &spec, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  /* Decided only once alerted. */
  g_assert_false (quorum_store_decide_challenge (f->store, id, &next, QUORUM_CHALLENGE_UPHOLD, NULL, NULL, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (quorum_store_alert_challenge (f->store, id, "K. Coordinator", &next, &error));
  g_assert_no_error (error);
  g_assert_false (quorum_store_alert_challenge (f->store, id, "K. Coordinator", &next, &error));
  g_clear_error (&error);

  told = g_signal_connect (f->store, "conference-added", G_CALLBACK (last_added_cb), &review_told);
  g_assert_true (quorum_store_decide_challenge (f->store, id, &next,
                                                QUORUM_CHALLENGE_INTERIM_PLAN | QUORUM_CHALLENGE_REVIEW_FORWARD |
                                                QUORUM_CHALLENGE_REFER, &review_day, "Risk at night.", &error));
  g_assert_no_error (error);
  g_signal_handler_disconnect (f->store, told);
  g_assert_false (quorum_store_decide_challenge (f->store, id, &next, QUORUM_CHALLENGE_UPHOLD, NULL, NULL, &error));
  g_clear_error (&error);

  c = load (f, conf);
  challenge = quorum_conference_find_challenge (c, id);
  g_assert_nonnull (challenge);
  g_assert_true (quorum_challenge_alert_is_late (challenge));      /* the next day: not "immediately" */
  g_assert_cmpuint (challenge->decisions, ==,
                    QUORUM_CHALLENGE_INTERIM_PLAN | QUORUM_CHALLENGE_REVIEW_FORWARD | QUORUM_CHALLENGE_REFER);
  g_assert_nonnull (quorum_conference_find_plan (c, amy));
  g_assert_cmpint (quorum_conference_find_plan (c, amy)->id, ==, challenge->plan_id);
  g_assert_nonnull (quorum_conference_find_referral (c, amy));
  g_assert_cmpint (quorum_conference_find_referral (c, amy)->id, ==, challenge->referral_id);
  review = load (f, challenge->review_conference_id);
  g_assert_cmpint (review->kind, ==, QUORUM_KIND_REVIEW);
  /* The review brought forward is told to the store's own process (its list shows it). */
  g_assert_cmpint (review_told, ==, challenge->review_conference_id);
  g_assert_cmpint (g_date_compare (&review->date, &review_day), ==, 0);
  g_assert_cmpstr (review->profile_id, ==, "buckinghamshire");

  referrals = quorum_store_list_referrals (f->store, &next, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (referrals->len, ==, 1);
  g_assert_true (quorum_store_verify (f->store, NULL, &error));
  g_assert_no_error (error);
}

/* Finding 5: after sign-off the Co-ordinator's decisions still act on the record; nothing else
 * gains a plan or a referral. */
static void
test_record_challenge_after_sign_off (StoreFixture  *f,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumOutcome) outcome = NULL;
  g_autoptr(QuorumConference) c = NULL;
  QuorumChallengeSpec spec = { .agency = "Greater Manchester Police", .designated_person = "DI Grey" };
  const char *children[] = { "Cara Jones", NULL };
  QuorumConferenceSpec cspec = { .kind = QUORUM_KIND_INITIAL, .chair = "R. Patel",
                                 .profile_id = "buckinghamshire", .children = children };
  GDate day;
  gint64 conf, cara, id;

  g_assert_true (quorum_date_parse ("2026-11-20", "date", &cspec.date, NULL));
  conf = quorum_store_create_conference (f->store, &cspec, &error);
  add_attendee (f->store, conf, "S. Social", "Children's Social Care", "Children's Social Care", TRUE);
  add_attendee (f->store, conf, "A. Khan", "Greater Manchester Police", "Police", TRUE);
  add_attendee (f->store, conf, "H. Visitor", "Bolton NHS Foundation Trust", "Bolton NHS FT", TRUE);
  c = load (f, conf);
  cara = ((QuorumChild *) g_ptr_array_index (c->children, 0))->id;
  g_clear_pointer (&c, quorum_conference_free);
  vote (f->store, conf, cara, "Children's Social Care", QUORUM_VIEW_NO_PLAN, 0, NULL);
  vote (f->store, conf, cara, "Police", QUORUM_VIEW_PLAN, 0, "Disclosure to the police.");
  vote (f->store, conf, cara, "Bolton NHS FT", QUORUM_VIEW_NO_PLAN, 0, NULL);
  outcome = quorum_store_decide_with_reason (f->store, conf, cara, QUORUM_VIEW_NO_PLAN, 0, "The chair weighed the views recorded.", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (quorum_store_finalise (f->store, conf, &error));
  g_assert_no_error (error);

  g_assert_true (quorum_date_parse ("2026-11-23", "date", &day, NULL));
  spec.child_id = cara;
  spec.raised_on = day;
  id = quorum_store_raise_challenge (f->store, conf, &spec, &error);
  g_assert_no_error (error);
  g_assert_true (quorum_store_alert_challenge (f->store, id, "K. Coordinator", &day, &error));
  g_assert_true (quorum_store_decide_challenge (f->store, id, &day, QUORUM_CHALLENGE_INTERIM_PLAN, NULL, NULL, &error));
  g_assert_no_error (error);

  c = load (f, conf);
  g_assert_nonnull (quorum_conference_find_plan (c, cara));
  g_assert_false (quorum_challenge_alert_is_late (quorum_conference_find_challenge (c, id)));
  /* A direct write of a plan to a signed-off conference is still refused. */
  g_assert_cmpint (count_rows (f->store, "SELECT COUNT(*) FROM plan"), ==, 1);
  g_assert_false (store_fixture_exec (f->store,
                                      "INSERT INTO referral (conference_id, child_id, due) VALUES (1, 1, '2026-11-30')"));
  g_assert_true (quorum_store_verify (f->store, NULL, &error));
}

/* Issue 12: a durable vote on PostgreSQL within 1.5 times a bare INSERT. What a vote waits for
 * is its round trips to the server (docs/notes/pgvote.md): the checks' reads go together with
 * BEGIN and the writers' lock, the vote's row with its read-back for the audit entry, the audit
 * entry with COMMIT (two would need the entry made in the server in the write's trip: measured
 * slower, not kept, docs/notes/pgvote2.md). Counted in the driver (quorum_db_get_round_trips),
 * not timed: a vote that grows past these numbers fails here. On SQLite it counts the statements
 * run. */
#define VOTE_ROUND_TRIPS_POSTGRES 3
#define VOTE_STATEMENTS_SQLITE    18
#define LOAD_ROUND_TRIPS_POSTGRES 5
#define LOAD_STATEMENTS_SQLITE    18

static guint64
vote_round_trips (StoreFixture *f,
                  gint64        conf,
                  gint64        child,
                  const char   *group,
                  QuorumView    view,
                  gint64       *id,
                  GError      **error)
{
  QuorumDb *db = _quorum_store_get_connection (f->store);
  QuorumVoteSpec spec = { .child_id = child, .group = group, .view = view, .reason = "As discussed." };
  guint64 before = quorum_db_get_round_trips (db);

  *id = quorum_store_record_vote (f->store, conf, &spec, error);
  return quorum_db_get_round_trips (db) - before;
}

static void
test_vote_round_trips (StoreFixture  *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumConference) c = NULL;
  guint64 limit = store_fixture_is_postgres () ? VOTE_ROUND_TRIPS_POSTGRES : VOTE_STATEMENTS_SQLITE;
  guint64 first, added, replaced, refused, loaded;
  gint64 conf, amy, id, police;

  conf = make_conference (f->store, "bolton", "2026-11-20", &amy, NULL);
  no_consensus (f->store, conf, amy);
  /* The first vote and the first replaced view prepare their statements on this connection
   * (once per connection). */
  first = vote_round_trips (f, conf, amy, "Children's Social Care", QUORUM_VIEW_PLAN, &id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  first += vote_round_trips (f, conf, amy, "Children's Social Care", QUORUM_VIEW_NO_PLAN, &id, &error);
  g_assert_no_error (error);

  added = vote_round_trips (f, conf, amy, "Police", QUORUM_VIEW_NO_PLAN, &police, &error);
  g_assert_no_error (error);
  replaced = vote_round_trips (f, conf, amy, "police", QUORUM_VIEW_PLAN, &id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, ==, police);
  /* The checks refuse a group with no voting attendee: nothing written, no more trips. */
  refused = vote_round_trips (f, conf, amy, "Family", QUORUM_VIEW_PLAN, &id, &error);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_assert_cmpint (id, ==, 0);
  g_clear_error (&error);

  g_test_message ("round trips of a vote (%s): first %" G_GUINT64_FORMAT ", new %" G_GUINT64_FORMAT
                  ", replacing %" G_GUINT64_FORMAT ", refused %" G_GUINT64_FORMAT,
                  store_fixture_is_postgres () ? "PostgreSQL" : "SQLite statements", first, added, replaced, refused);
  g_assert_cmpuint (added, <=, limit);
  g_assert_cmpuint (replaced, <=, limit);
  g_assert_cmpuint (refused, <=, limit);

  /* What was recorded is whole: both views, the replaced one's audit entry, the chain. The
   * conference's first statements go together too (its page, every other write's checks). */
  g_clear_pointer (&c, quorum_conference_free);
  c = quorum_store_load_conference (f->store, conf, &error);
  g_assert_no_error (error);
  {
    QuorumDb *db = _quorum_store_get_connection (f->store);
    guint64 before = quorum_db_get_round_trips (db);

    g_clear_pointer (&c, quorum_conference_free);
    c = quorum_store_load_conference (f->store, conf, &error);
    g_assert_no_error (error);
    loaded = quorum_db_get_round_trips (db) - before;
    g_test_message ("round trips of a conference's load: %" G_GUINT64_FORMAT, loaded);
    g_assert_cmpuint (loaded, <=, store_fixture_is_postgres () ? LOAD_ROUND_TRIPS_POSTGRES : LOAD_STATEMENTS_SQLITE);
  }
  g_assert_cmpuint (c->votes->len, ==, 2);
  g_assert_cmpint (quorum_conference_find_vote (c, amy, "Police")->view, ==, QUORUM_VIEW_PLAN);
  g_assert_true (quorum_store_verify (f->store, NULL, &error));
  g_assert_no_error (error);
}

/* A vote's audit entry records the row as stored, byte for byte in the form `verify` reads it
 * back (on PostgreSQL the driver's text of each column): values that a canonical form could get
 * wrong, no reason (NULL), text beyond ASCII, quotes, backslashes, line breaks, tabs, a flag
 * set, categories, in a new view and a replaced one, and `verify` finds nothing. (Written for
 * an entry made in the server, docs/notes/pgvote2.md: it failed when that counted characters
 * instead of bytes. Kept for whoever makes the entry elsewhere than from the row read back.) */
static void
test_vote_audit_entry_as_written (StoreFixture  *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumVerifyReport) report = NULL;
  g_autoptr(QuorumConference) c = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  const char *odd = "Barn y grŵp: “ni” — ‘\\’ \"quoted\" 'single' %s \\n\n"
                    "second line\ttab, Ŵŷ, 😀, 100% \u00e9";
  QuorumVoteSpec spec;
  gint64 conf, amy, csc, police;
  guint votes = 0;

  conf = make_conference (f->store, "bolton", "2026-11-20", &amy, NULL);
  no_consensus (f->store, conf, amy);
  spec = (QuorumVoteSpec) { .child_id = amy, .group = "Children's Social Care", .view = QUORUM_VIEW_PLAN,
                            .categories = QUORUM_CATEGORY_NEGLECT | QUORUM_CATEGORY_EMOTIONAL, .reason = odd,
                            .members_disagreed = TRUE };
  csc = quorum_store_record_vote (f->store, conf, &spec, &error);
  g_assert_no_error (error);
  spec = (QuorumVoteSpec) { .child_id = amy, .group = "Police", .view = QUORUM_VIEW_PLAN };
  police = quorum_store_record_vote (f->store, conf, &spec, &error);
  g_assert_no_error (error);
  /* Replaced: the reason now text, then none again. */
  spec = (QuorumVoteSpec) { .child_id = amy, .group = "police", .view = QUORUM_VIEW_NO_PLAN, .reason = odd };
  g_assert_cmpint (quorum_store_record_vote (f->store, conf, &spec, &error), ==, police);
  g_assert_no_error (error);
  spec = (QuorumVoteSpec) { .child_id = amy, .group = "Children's Social Care", .view = QUORUM_VIEW_PLAN };
  g_assert_cmpint (quorum_store_record_vote (f->store, conf, &spec, &error), ==, csc);
  g_assert_no_error (error);

  c = quorum_store_load_conference (f->store, conf, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (c->votes->len, ==, 2);
  g_assert_cmpstr (quorum_conference_find_vote (c, amy, "Police")->reason, ==, odd);
  g_assert_cmpint (quorum_conference_find_vote (c, amy, "Police")->view, ==, QUORUM_VIEW_NO_PLAN);
  audit = quorum_store_list_audit (f->store, conf, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < audit->len; i++)
    {
      QuorumAuditEntry *e = g_ptr_array_index (audit, i);

      if (g_str_equal (e->entity, "vote"))
        {
          g_assert_true (e->entity_id == csc || e->entity_id == police);
          votes++;
        }
    }
  g_assert_cmpuint (votes, ==, 4);

  /* Every row as its newest entry recorded it, every entry on the chain (and, on the server,
   * keyed by it). */
  report = quorum_store_verify_report (f->store, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < report->problems->len; i++)
    g_test_message ("problem: %s", (const char *) g_ptr_array_index (report->problems, i));
  g_assert_cmpuint (report->problems->len, ==, 0);
  g_assert_true (report->ok);
}

typedef struct
{
  guint heard;
} Hearing;

static void
heard_cb (QuorumStore *store,
          const char  *channel,
          const char  *payload,
          gpointer     user_data)
{
  ((Hearing *) user_data)->heard++;
}

static gboolean
both_heard (Hearing *first,
            Hearing *second)
{
  gint64 until = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while ((first->heard == 0 || second->heard == 0) && g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (10000);
  return first->heard > 0 && second->heard > 0;
}

/* Issue 12, "Live": every window of the app watches the record through the one store, and each
 * hears another writer's commit. On PostgreSQL the second watch replaced the first (one
 * notification source a connection): the first window stopped being live. A watch removed
 * hears nothing more, and the others still do. */
static void
test_every_watch_hears (StoreFixture  *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) other = NULL;
  Hearing first = { 0 };
  Hearing second = { 0 };
  guint first_id;
  guint second_id;

  first_id = quorum_store_watch (f->store, heard_cb, &first, NULL);
  second_id = quorum_store_watch (f->store, heard_cb, &second, NULL);
  g_assert_cmpuint (first_id, >, 0);
  g_assert_cmpuint (second_id, >, 0);
  g_assert_cmpuint (first_id, !=, second_id);

  other = quorum_store_open (f->path, &error);
  g_assert_no_error (error);
  conference_by_on (other, "Another Chair");
  g_assert_true (both_heard (&first, &second));

  /* The first window closed: the second still hears, the first no more. */
  g_source_remove (first_id);
  first.heard = 0;
  second.heard = 0;
  conference_by_on (other, "A Third Chair");
  {
    Hearing none = { 1 };

    g_assert_true (both_heard (&none, &second));
  }
  g_assert_cmpuint (first.heard, ==, 0);
  g_source_remove (second_id);

  /* Every window closed, then one opened again: it hears (the connection's source made anew). */
  {
    Hearing again = { 0 };
    Hearing none = { 1 };
    guint again_id = quorum_store_watch (f->store, heard_cb, &again, NULL);

    g_assert_cmpuint (again_id, >, 0);
    conference_by_on (other, "A Fourth Chair");
    g_assert_true (both_heard (&none, &again));
    g_source_remove (again_id);
  }
}

/* What the store tells its own process: "conference-added" with the new id once the
 * transaction that made it committed (another connection reads it already, the store is out
 * of its transaction), once; nothing for a creation refused, whether before the transaction or
 * inside it (rolled back); nothing for another connection's writes (those come through the
 * watch); "conference-changed" once a sign-off committed, not for one refused. */
typedef struct
{
  QuorumStore *other;     /* another connection to the record */
  const char  *check;     /* what else the committed row shows ("" or " AND …") */
  GArray      *ids;       /* gint64, as told */
} TellLog;

static void
told_cb (QuorumStore *store,
         gint64       conference_id,
         gpointer     user_data)
{
  TellLog *log = user_data;
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM conference WHERE id = %" G_GINT64_FORMAT "%s",
                                          conference_id, log->check);

  g_assert_false (quorum_db_in_transaction (_quorum_store_get_connection (store)));
  g_assert_cmpint (store_fixture_count (log->other, sql), ==, 1);
  g_array_append_val (log->ids, conference_id);
}

static void
test_conference_added_told_after_commit (StoreFixture  *f,
                                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) other = quorum_store_open (f->path, &error);
  g_autoptr(GArray) added_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) changed_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  TellLog added = { other, "", added_ids };
  TellLog changed = { other, " AND finalised_at IS NOT NULL", changed_ids };
  const char *no_children[] = { NULL };
  const char *children[] = { "Tess Told", NULL };
  QuorumConferenceSpec spec = { .kind = QUORUM_KIND_INITIAL, .chair = "R. Patel", .children = children };
  gint64 id;
  gint64 conf;
  gint64 amy;
  gint64 ben;

  g_assert_no_error (error);
  g_signal_connect (f->store, "conference-added", G_CALLBACK (told_cb), &added);
  g_signal_connect (f->store, "conference-changed", G_CALLBACK (told_cb), &changed);

  /* Made: told once, with its id, after COMMIT. */
  g_date_set_dmy (&spec.date, 1, 12, 2026);
  id = quorum_store_create_conference (f->store, &spec, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpuint (added_ids->len, ==, 1);
  g_assert_cmpint (g_array_index (added_ids, gint64, 0), ==, id);

  /* Refused before its transaction (no child): nothing told. */
  spec.children = no_children;
  g_assert_cmpint (quorum_store_create_conference (f->store, &spec, &error), ==, 0);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (added_ids->len, ==, 1);

  /* Refused inside it: the conference's row was inserted, its child's failed, all rolled back;
   * nothing told. */
  spec.children = children;
  store_fixture_break_inserts (f->store, "child");
  g_assert_cmpint (quorum_store_create_conference (f->store, &spec, &error), ==, 0);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE);
  g_clear_error (&error);
  store_fixture_mend_inserts (f->store, "child");
  g_assert_cmpint (count_rows (f->store, "SELECT count (*) FROM conference"), ==, 1);
  g_assert_cmpuint (added_ids->len, ==, 1);

  /* Another connection's conference: not this store's to tell (its watch hears it). */
  conference_by_on (other, "Another Chair");
  g_assert_cmpint (count_rows (f->store, "SELECT count (*) FROM conference"), ==, 2);
  g_assert_cmpuint (added_ids->len, ==, 1);

  /* A conference with its attendees, each a transaction of its own: told once, the attendees
   * nothing. */
  conf = make_conference (f->store, "bolton", "2026-11-20", &amy, &ben);
  g_assert_cmpuint (added_ids->len, ==, 2);
  g_assert_cmpint (g_array_index (added_ids, gint64, 1), ==, conf);
  g_assert_cmpuint (changed_ids->len, ==, 0);

  /* Signed off: told as changed once it committed; refused (a child undecided), nothing. */
  g_assert_false (quorum_store_finalise (f->store, conf, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (changed_ids->len, ==, 0);
  decide_all (f, conf, amy, ben);
  g_assert_cmpuint (changed_ids->len, ==, 0);
  g_assert_true (quorum_store_finalise (f->store, conf, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed_ids->len, ==, 1);
  g_assert_cmpint (g_array_index (changed_ids, gint64, 0), ==, conf);
  g_assert_cmpuint (added_ids->len, ==, 2);

  g_signal_handlers_disconnect_by_func (f->store, told_cb, &added);
  g_signal_handlers_disconnect_by_func (f->store, told_cb, &changed);
}

/* What a store's own writes change is told to its process once, in-process
 * ("record-changed", with the channel and id PostgreSQL's triggers send), and its watch does
 * not hear it again: on PostgreSQL the server sends a listener its own notifications, and the
 * app then read the list of conferences twice for every write of its own, 60 ms apart. Another
 * connection's write is still heard, and not told. */
typedef struct
{
  GPtrArray *told;   /* "channel:payload" */
} RecordLog;

static void
record_changed_cb (QuorumStore *store,
                   const char  *channel,
                   const char  *payload,
                   gpointer     user_data)
{
  RecordLog *log = user_data;

  g_assert_false (quorum_db_in_transaction (_quorum_store_get_connection (store)));
  g_ptr_array_add (log->told, g_strdup_printf ("%s:%s", channel != NULL ? channel : "", payload));
}

static void
run_main_loop (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (5000);
}

static void
test_own_writes_told_not_heard (StoreFixture  *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) other = quorum_store_open (f->path, &error);
  g_autoptr(GPtrArray) told = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *expected = NULL;
  RecordLog log = { told };
  Hearing heard = { 0 };
  QuorumVoteSpec vote = { .group = "Police", .view = QUORUM_VIEW_PLAN, .reason = "Told once" };
  guint64 serial;
  guint watch;
  gint64 conf;
  gint64 amy;
  gint64 ben;

  g_assert_no_error (error);
  conf = make_conference (f->store, "bolton", "2026-11-20", &amy, &ben);
  no_consensus (f->store, conf, amy);
  watch = quorum_store_watch (f->store, heard_cb, &heard, NULL);
  g_assert_cmpuint (watch, >, 0);
  g_signal_connect (f->store, "record-changed", G_CALLBACK (record_changed_cb), &log);
  run_main_loop (400);
  heard.heard = 0;

  /* A view recorded here: told once, after COMMIT, with its conference; the serial moved. */
  serial = quorum_store_get_commit_serial (f->store);
  vote.child_id = amy;
  g_assert_cmpint (quorum_store_record_vote (f->store, conf, &vote, &error), >, 0);
  g_assert_no_error (error);
  expected = g_strdup_printf ("conference:%" G_GINT64_FORMAT, conf);
  g_assert_cmpuint (told->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (told, 0), ==, expected);
  g_assert_cmpuint (quorum_store_get_commit_serial (f->store), >, serial);

  /* Its watch does not hear it as well (PostgreSQL's NOTIFY to the sender came ~ms later). */
  run_main_loop (600);
  g_assert_cmpuint (heard.heard, ==, 0);

  /* Refused (a group with no voting attendee): nothing told. */
  vote.group = "Family";
  g_assert_cmpint (quorum_store_record_vote (f->store, conf, &vote, &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpuint (told->len, ==, 1);

  /* Another connection's write: heard, not told. */
  conference_by_on (other, "Another Chair");
  {
    gint64 until = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    while (heard.heard == 0 && g_get_monotonic_time () < until)
      run_main_loop (20);
  }
  g_assert_cmpuint (heard.heard, >, 0);
  g_assert_cmpuint (told->len, ==, 1);

  g_signal_handlers_disconnect_by_func (f->store, record_changed_cb, &log);
  g_source_remove (watch);
}

/* DOMAIN "Reaching a decision" 3: every dissent is recorded with its reasons, the group's reasons
 * for the view it holds (trial 7 D1). A changed view does not keep the old view's reason: given
 * again unconfirmed it is refused and nothing written; without a reason the view is recorded with
 * none, the audit keeping the old one, and the decision refuses the dissent until it has its own. */
static void
test_vote_changed_view_keeps_no_old_reason (StoreFixture  *f,
                                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumConference) c = NULL;
  g_autoptr(QuorumOutcome) outcome = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  const char *plan_reason = "Ruby disclosed to her nursery worker that daddy shouts at mummy.";
  QuorumVoteSpec spec;
  QuorumMemberViewSpec own = { .view = QUORUM_VIEW_PLAN, .reason = "Weight has fallen." };
  QuorumDissent *police = NULL;
  gboolean not_carried = FALSE;
  gint64 conf, amy, id;

  conf = make_conference (f->store, "bolton", "2026-11-20", &amy, NULL);
  vote (f->store, conf, amy, "Children's Social Care", QUORUM_VIEW_PLAN, 0, "Neglect.");
  vote (f->store, conf, amy, "Education", QUORUM_VIEW_PLAN, 0, "Hungry at school.");
  vote (f->store, conf, amy, "Bolton NHS FT", QUORUM_VIEW_PLAN, 0, "Weight has fallen.");
  vote (f->store, conf, amy, "Probation", QUORUM_VIEW_DECLINE, 0, "No contact.");
  spec = (QuorumVoteSpec) { .child_id = amy, .group = "Police", .view = QUORUM_VIEW_PLAN,
                            .categories = QUORUM_CATEGORY_NEGLECT, .reason = plan_reason };
  id = quorum_store_record_vote (f->store, conf, &spec, &error);
  g_assert_no_error (error);

  /* No plan with Plan's words, as the window sent them: refused, nothing written. */
  spec = (QuorumVoteSpec) { .child_id = amy, .group = "Police", .view = QUORUM_VIEW_NO_PLAN, .reason = plan_reason,
                            .reason_may_be_old = TRUE };
  g_assert_cmpint (quorum_store_record_vote (f->store, conf, &spec, &error), ==, 0);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Police"));
  g_clear_error (&error);
  c = load (f, conf);
  g_assert_cmpint (quorum_conference_find_vote (c, amy, "Police")->view, ==, QUORUM_VIEW_PLAN);
  g_assert_cmpstr (quorum_conference_find_vote (c, amy, "Police")->reason, ==, plan_reason);
  g_clear_pointer (&c, quorum_conference_free);

  /* No plan without a reason: recorded with none; the audit says the old one was not carried
   * (its words stay in the entry that recorded them). */
  spec.reason = NULL;
  g_assert_cmpint (quorum_store_record_vote (f->store, conf, &spec, &error), ==, id);
  g_assert_no_error (error);
  c = load (f, conf);
  g_assert_cmpint (quorum_conference_find_vote (c, amy, "Police")->view, ==, QUORUM_VIEW_NO_PLAN);
  g_assert_null (quorum_conference_find_vote (c, amy, "Police")->reason);
  audit = quorum_store_list_audit (f->store, conf, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < audit->len; i++)
    {
      QuorumAuditEntry *e = g_ptr_array_index (audit, i);

      not_carried |= e->entity_id == id && strstr (e->summary, "(was plan); its reason for the old view not carried over") != NULL;
    }
  g_assert_true (not_carried);

  /* The dissent has no reason of its own yet: the decision is refused, naming Police. */
  outcome = quorum_store_decide (f->store, conf, amy, QUORUM_VIEW_NONE, 0, NULL, NULL, &error);
  g_assert_null (outcome);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Police"));
  g_clear_error (&error);
  g_clear_pointer (&c, quorum_conference_free);
  c = load (f, conf);
  g_assert_null (quorum_conference_find_decision (c, amy));
  g_clear_pointer (&c, quorum_conference_free);

  /* Confirmed for No plan (the chair's Ctrl+Enter, or --reason): the same words, now its own. */
  spec.reason = plan_reason;
  spec.reason_may_be_old = FALSE;
  g_assert_cmpint (quorum_store_record_vote (f->store, conf, &spec, &error), ==, id);
  g_assert_no_error (error);
  spec = (QuorumVoteSpec) { .child_id = amy, .group = "Police", .view = QUORUM_VIEW_NO_PLAN,
                            .reason = "DC Lowe: the family's support is enough." };
  g_assert_cmpint (quorum_store_record_vote (f->store, conf, &spec, &error), ==, id);
  g_assert_no_error (error);

  /* A representative's own position: the same rule. */
  c = load (f, conf);
  own.child_id = amy;
  own.attendee_id = attendee_named (c, "H. Visitor");
  g_clear_pointer (&c, quorum_conference_free);
  g_assert_cmpint (quorum_store_record_member_view (f->store, conf, &own, &error), >, 0);
  g_assert_no_error (error);
  own.view = QUORUM_VIEW_NO_PLAN;
  own.reason_may_be_old = TRUE;
  g_assert_cmpint (quorum_store_record_member_view (f->store, conf, &own, &error), ==, 0);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "H. Visitor"));
  g_clear_error (&error);
  c = load (f, conf);
  g_assert_cmpint (((QuorumMemberView *) g_ptr_array_index (c->member_views, 0))->view, ==, QUORUM_VIEW_PLAN);
  g_clear_pointer (&c, quorum_conference_free);
  own.reason_may_be_old = FALSE;
  g_assert_cmpint (quorum_store_record_member_view (f->store, conf, &own, &error), >, 0);
  g_assert_no_error (error);
  c = load (f, conf);
  own = (QuorumMemberViewSpec) { .child_id = amy, .attendee_id = attendee_named (c, "H. Visitor Two"),
                                 .view = QUORUM_VIEW_PLAN, .reason = "Growth has faltered." };
  g_clear_pointer (&c, quorum_conference_free);
  g_assert_cmpint (quorum_store_record_member_view (f->store, conf, &own, &error), >, 0);
  g_assert_no_error (error);

  outcome = quorum_store_decide (f->store, conf, amy, QUORUM_VIEW_NONE, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  c = load (f, conf);
  for (guint i = 0; i < quorum_conference_find_decision (c, amy)->dissent->len; i++)
    {
      QuorumDissent *d = g_ptr_array_index (quorum_conference_find_decision (c, amy)->dissent, i);

      if (g_strcmp0 (d->group, "Police") == 0)
        police = d;
    }
  g_assert_nonnull (police);
  g_assert_cmpint (police->view, ==, QUORUM_VIEW_NO_PLAN);
  g_assert_cmpstr (police->reason, ==, "DC Lowe: the family's support is enough.");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, StoreFixture, NULL, store_fixture_set_up, func, store_fixture_tear_down)

  ADD ("/store/open/private-durable-and-current", test_open_private_and_durable);
  ADD ("/store/open/a-foreign-descriptor-closed-loses-nothing", test_foreign_descriptor_keeps_locks);
  ADD ("/store/bolton/split-creates-plan-and-referral-records", test_split_creates_plan_and_referral);
  ADD ("/store/vote/second-view-from-a-group-replaces-the-first", test_second_view_replaces_first);
  ADD ("/store/vote/refusals", test_vote_refusals);
  ADD ("/store/vote/changed-view-keeps-no-old-reason", test_vote_changed_view_keeps_no_old_reason);
  ADD ("/store/vote/round-trips-to-the-server", test_vote_round_trips);
  ADD ("/store/vote/audit-entry-as-written", test_vote_audit_entry_as_written);
  ADD ("/store/transaction/decision-happens-whole-or-not-at-all", test_decision_is_one_transaction);
  ADD ("/store/transaction/conflict-retried-never-shown", test_conflict_retried_never_shown);
  ADD ("/store/transaction/deadlock-retried-never-shown", test_deadlock_retried_never_shown);
  ADD ("/store/sign-off/refuses-every-change-but-amend", test_sign_off_refuses_every_change);
  ADD ("/store/draft/recorded-words-are-no-draft", test_recorded_words_are_no_draft);
  ADD ("/store/sign-off/amend-needs-sign-off", test_amend_needs_sign_off);
  ADD ("/store/sign-off/amend-refuses-blank-values", test_amend_refuses_blank_values);
  ADD ("/store/sign-off/amend-chain", test_amend_chain);
  ADD ("/store/sign-off/amend-decision-categories", test_amend_decision_categories);
  ADD ("/store/sign-off/amend-change-in-words", test_amend_change_in_words);
  ADD ("/store/sign-off/amend-member-view-reason", test_amend_member_view_reason);
  ADD ("/store/attendee/corrected-before-sign-off-only", test_update_attendee);
  ADD ("/store/attendee/corrected-with-arrival-in-one-transaction", test_update_attendee_with_arrival);
  ADD ("/store/attendee/no-arrival-before-a-decision-taken-without-them", test_arrival_before_decision_not_counted);
  ADD ("/store/record/consensus-for-a-plan-names-its-category", test_consensus_plan_names_category);
  ADD ("/store/conference/profile-frozen-at-creation", test_profile_frozen_at_creation);
  ADD ("/store/conference/details-apologies-and-written-reports-recorded", test_conference_details_recorded);
  ADD ("/store/conference/line-managements-suggested-one-spelling-each", test_line_managements_suggested);
  ADD ("/store/consensus/rounds-keep-proposal-summary-and-views", test_consensus_rounds_kept);
  ADD ("/store/vote/given-again-audited-as-what-changed", test_view_given_again_audited_as_what_changed);
  ADD ("/store/decision/referral-and-panel-limits-from-the-profile", test_limits_from_profile);
  ADD ("/store/bad-input/zero-counted-views-refused-nothing-written", test_zero_counted_views);
  ADD ("/store/referral/notify-panel-and-overdue", test_referral_notify_and_panel);
  ADD ("/store/referral/refasof-other-reasons-corrected-same-ones-refused", test_referral_correct_other_reasons);
  ADD ("/store/referral/refasof-as-of-made-by-then-and-chart-months", test_referral_as_of_made_and_months);
  ADD ("/store/referral/refs2-as-of-row-dates-outcome-before-later-corrections", test_referral_as_of_row_values);
  ADD ("/store/referral/refs2-coordinator-referral-made-when-decided", test_referral_coordinator_made_when_decided);
  ADD ("/store/list/newest-first-and-search", test_list_conferences);
  ADD ("/store/list/search-folds-accents", test_list_search_folds_accents);
  ADD ("/store/referral/page-query-orders-filters-and-counts-as-the-page", test_referral_page_query);
  ADD ("/store/record/attendance-is-a-timeline", test_record_attendance_timeline);
  ADD ("/store/record/view-before-a-later-consensus-is-kept-superseded", test_record_superseded_kept);
  ADD ("/store/record/vote-is-the-last-resort-and-dissent-is-never-empty", test_record_last_resort_and_reasons);
  ADD ("/store/record/only-members-who-differ-dissent", test_record_member_positions);
  ADD ("/store/record/could-not-agree-needs-each-representatives-own-position",
       test_record_could_not_agree_needs_each_own_position);
  ADD ("/store/record/challenge-route-acts-on-the-record", test_record_challenge_route);
  ADD ("/store/record/challenge-after-sign-off", test_record_challenge_after_sign_off);
  ADD ("/store/live/every-watch-of-the-store-hears-another-writer", test_every_watch_hears);
  ADD ("/store/live/conference-added-told-after-commit-never-for-a-refusal", test_conference_added_told_after_commit);
  ADD ("/store/live/own-writes-told-once-not-heard-again", test_own_writes_told_not_heard);

  for (guint i = 0; i < G_N_ELEMENTS (bad_inputs); i++)
    {
      g_autofree char *path = g_strdup_printf ("/store/bad-input/%s/nothing-written", bad_inputs[i].name);
      g_test_add (path, StoreFixture, GUINT_TO_POINTER (i), store_fixture_set_up,
                  test_bad_input_leaves_database_unchanged, store_fixture_tear_down);
    }

  return g_test_run ();
}
