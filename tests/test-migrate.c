/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-migrate.c: a database made by the first schema opens and is upgraded without loss;
 * a database from a newer Quorum, or a file that is not one, is refused untouched. */

#include <string.h>
#include <glib/gstdio.h>

#include "store/quorum-store-private.h"

static char *
make_db_from (const char *dir,
              const char *name)
{
  g_autofree char *fixture = g_build_filename (g_getenv ("QUORUM_SRCDIR"), "tests", "fixtures", name, NULL);
  g_autofree char *sql = NULL;
  char *path = g_build_filename (dir, "old.db", NULL);
  sqlite3 *db = NULL;
  char *msg = NULL;

  g_assert_true (g_file_get_contents (fixture, &sql, NULL, NULL));
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &msg) != SQLITE_OK)
    g_error ("fixture: %s", msg);
  sqlite3_close (db);
  return path;
}

static char *
make_db_from_fixture (const char *dir)
{
  return make_db_from (dir, "schema-v1.sql");
}

static char *
sql_text (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *text = NULL;
  GString *out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        g_string_append_printf (out, "%s%s", i > 0 ? "|" : "",
                                sqlite3_column_text (stmt, i) ? (const char *) sqlite3_column_text (stmt, i) : "NULL");
      g_string_append_c (out, ';');
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  text = g_string_free (out, FALSE);
  return text;
}

/* A version-9 database made by version 9's quorum-cli (tests/fixtures/schema-v9-withdrawn.sql, its
 * key beside it): A. Khan left at 10:40 and was back in the room; N. Nurse left at 10:50, back,
 * left at 11:00, back again (the row rewritten each time); conference 2, signed off, had
 * B. Police leave at 09:30 and come back. Version 9 overwrote each leave's time with 29:59. */
/* The fixture's key @name, copied into @dir (0600): its path. */
static char *
use_fixture_key (const char *dir,
                 const char *name)
{
  g_autofree char *fixture = g_build_filename (g_getenv ("QUORUM_SRCDIR"), "tests", "fixtures", name, NULL);
  g_autofree char *key = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_get_contents (fixture, &key, NULL, NULL));
  g_assert_true (g_file_set_contents_full (path, key, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, NULL));
  return path;
}

static char *
use_v9_key (const char *dir)
{
  return use_fixture_key (dir, "schema-v9-withdrawn.key");
}

static void
test_v9_withdrawn_leaves_carried (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("quorum-migrate-XXXXXX", NULL);
  g_autofree char *path = make_db_from (dir, "schema-v9-withdrawn.sql");
  g_autofree char *saved_key = g_strdup (g_getenv ("QUORUM_KEY_FILE"));
  g_autofree char *key = use_v9_key (dir);
  g_autofree char *rows = NULL;
  g_autofree char *entries = NULL;
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(QuorumConference) c = NULL;
  g_autoptr(QuorumConference) signed_off = NULL;

  rows = sql_text (path, "SELECT id, at FROM attendance_event ORDER BY id");
  g_assert_cmpstr (rows, ==, "1|29:59;2|29:59;3|29:59;");
  g_clear_pointer (&rows, g_free);

  g_setenv ("QUORUM_KEY_FILE", key, TRUE);
  store = quorum_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (quorum_store_get_schema_version (store), ==, 13);

  /* Each leave withdrawn, with its own time (and who recorded it, when) from the audit log,
   * and who undid it, when, from what version 9 wrote over it. */
  rows = sql_text (path, "SELECT id, at, withdrawn_at IS NOT NULL, withdrawn_by, recorded_at < withdrawn_at "
                   "FROM attendance_event ORDER BY id");
  g_assert_cmpstr (rows, ==, "1|10:40|1|root|1;2|11:00|1|root|1;3|09:30|1|root|1;");
  g_clear_pointer (&rows, g_free);
  rows = sql_text (path, "SELECT count (*) FROM attendance_event WHERE at = '29:59'");
  g_assert_cmpstr (rows, ==, "0;");
  entries = sql_text (path, "SELECT entity_id, action, summary FROM audit WHERE summary LIKE '%schema 10%' ORDER BY id");
  g_assert_nonnull (strstr (entries, "1|update|attendee 2 left at 10:40 undone: back in the room"));
  g_assert_nonnull (strstr (entries, "2|update|attendee 3 left at 11:00 undone"));
  g_assert_nonnull (strstr (entries, "3|update|attendee 5 left at 09:30 undone"));

  /* The chain and its keys still verify, every row as its newest entry says. */
  g_assert_true (quorum_store_verify (store, NULL, &error));
  g_assert_no_error (error);

  /* In the room, as before; and they may leave again, for real: a row of its own. */
  c = quorum_store_load_conference (store, 1, &error);
  g_assert_no_error (error);
  g_assert_null (quorum_conference_find_attendee (c, 2)->left_at);
  g_assert_null (quorum_conference_find_attendee (c, 3)->left_at);
  g_assert_true (quorum_store_attendee_leave (store, 2, "11:10", NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&c, quorum_conference_free);
  c = quorum_store_load_conference (store, 1, &error);
  g_assert_cmpstr (quorum_conference_find_attendee (c, 2)->left_at, ==, "11:10");
  g_assert_true (quorum_store_verify (store, NULL, &error));
  g_assert_no_error (error);

  /* The signed-off conference reads as it did, and changes no more. */
  signed_off = quorum_store_load_conference (store, 2, &error);
  g_assert_no_error (error);
  g_assert_null (quorum_conference_find_attendee (signed_off, 5)->left_at);
  g_assert_false (quorum_store_attendee_leave (store, 5, "10:00", NULL, &error));
  g_clear_error (&error);

  /* Opening again runs no migration twice, and appends nothing. */
  g_clear_object (&store);
  g_clear_pointer (&rows, g_free);
  rows = sql_text (path, "SELECT count (*) FROM audit");
  store = quorum_store_open (path, &error);
  g_assert_no_error (error);
  {
    g_autofree char *again = sql_text (path, "SELECT count (*) FROM audit");
    g_assert_cmpstr (again, ==, rows);
  }
  g_assert_true (quorum_store_verify (store, NULL, &error));
  g_assert_no_error (error);

  /* A file posing as version 9 that already has 10's columns (the proofs' tamper suite makes
   * one): 10 is not run again, nothing it carried over is lost. */
  g_clear_object (&store);
  g_clear_pointer (&rows, g_free);
  rows = sql_text (path, "SELECT group_concat (at || ':' || coalesce (withdrawn_by, '-')), (SELECT count (*) FROM audit) "
                   "FROM attendance_event");
  {
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 9", NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }
  /* The backup before this opening's migration is named to the second, as the first one was. */
  g_usleep (1100 * 1000);
  store = quorum_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (quorum_store_get_schema_version (store), ==, 13);
  {
    g_autofree char *again = sql_text (path, "SELECT group_concat (at || ':' || coalesce (withdrawn_by, '-')), "
                                       "(SELECT count (*) FROM audit) FROM attendance_event");
    g_assert_cmpstr (again, ==, rows);
  }
  g_assert_true (quorum_store_verify (store, NULL, &error));
  g_assert_no_error (error);

  if (saved_key != NULL)
    g_setenv ("QUORUM_KEY_FILE", saved_key, TRUE);
  else
    g_unsetenv ("QUORUM_KEY_FILE");
}

/* Without the database's own key the leaves could not be audited: nothing changes. */
static void
test_v9_withdrawn_leaves_need_the_key (void)
{
  GError *error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("quorum-migrate-XXXXXX", NULL);
  g_autofree char *path = make_db_from (dir, "schema-v9-withdrawn.sql");
  g_autofree char *saved_key = g_strdup (g_getenv ("QUORUM_KEY_FILE"));
  g_autofree char *other = g_build_filename (dir, "other.key", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  QuorumStore *store;

  before = sql_text (path, "SELECT (SELECT group_concat (at) FROM attendance_event), (SELECT count (*) FROM audit)");
  g_setenv ("QUORUM_KEY_FILE", other, TRUE);
  store = quorum_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE);
  g_assert_nonnull (strstr (error->message, "audit key"));
  g_clear_error (&error);
  after = sql_text (path, "SELECT (SELECT group_concat (at) FROM attendance_event), (SELECT count (*) FROM audit)");
  g_assert_cmpstr (after, ==, before);
  {
    g_autofree char *version = sql_text (path, "PRAGMA user_version");
    g_assert_cmpstr (version, ==, "9;");
  }
  if (saved_key != NULL)
    g_setenv ("QUORUM_KEY_FILE", saved_key, TRUE);
  else
    g_unsetenv ("QUORUM_KEY_FILE");
}

/* A version-10 database made by version 10's quorum-cli (tests/fixtures/schema-v10-chair.sql, its
 * key beside it): conference 1 (Buckinghamshire, signed off) has two chair's decisions, which 10
 * had no place to give reasons for; conference 2 (Buckinghamshire) has every view of Cara Open
 * given and no decision; conference 3 (Bolton) a majority decision. Schema 11 adds
 * decision.reason: every row of 10 still verifies (the column, NULL, is out of their audited
 * form), a chair's decision now needs the chair's reasons, and an old one gains them only by an
 * amendment. */
static void
test_v10_chair_reason_added (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("quorum-migrate-XXXXXX", NULL);
  g_autofree char *path = make_db_from (dir, "schema-v10-chair.sql");
  g_autofree char *saved_key = g_strdup (g_getenv ("QUORUM_KEY_FILE"));
  g_autofree char *key = use_fixture_key (dir, "schema-v10-chair.key");
  g_autofree char *rows = NULL;
  g_autofree char *audit_before = NULL;
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(QuorumConference) c = NULL;
  g_autoptr(QuorumOutcome) outcome = NULL;
  QuorumAmendmentSpec amend = { .reason = "The chair's reasons were minuted after the meeting",
                                .record = "decision:1", .field = "reason",
                                .new_value = "Neglect at night is unresolved; only a plan lets the agencies see it is" };

  rows = sql_text (path, "SELECT (SELECT count (*) FROM pragma_table_info ('decision') WHERE name = 'reason'), "
                   "(SELECT count (*) FROM decision)");
  g_assert_cmpstr (rows, ==, "0|3;");
  g_clear_pointer (&rows, g_free);
  audit_before = sql_text (path, "SELECT count (*) FROM audit");

  g_setenv ("QUORUM_KEY_FILE", key, TRUE);
  store = quorum_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (quorum_store_get_schema_version (store), ==, 13);

  /* The column is there, last; 10's decisions hold no reasons, and nothing was rewritten or
   * appended to the log: their audited form is as 10 wrote it. */
  rows = sql_text (path, "SELECT group_concat (name) FROM pragma_table_info ('decision')");
  g_assert_true (g_str_has_suffix (rows, ",decided_by,reason;"));
  g_clear_pointer (&rows, g_free);
  rows = sql_text (path, "SELECT id, basis, reason FROM decision ORDER BY id");
  g_assert_cmpstr (rows, ==, "1|chair|NULL;2|chair|NULL;3|majority|NULL;");
  g_clear_pointer (&rows, g_free);
  {
    g_autofree char *audit_after = sql_text (path, "SELECT count (*) FROM audit");
    g_assert_cmpstr (audit_after, ==, audit_before);
  }
  g_assert_true (quorum_store_verify (store, NULL, &error));
  g_assert_no_error (error);

  /* Cara Open's decision, now: not without the chair's reasons (nothing written), then with them. */
  outcome = quorum_store_decide (store, 2, 3, QUORUM_VIEW_PLAN, QUORUM_CATEGORY_PHYSICAL, NULL, NULL, &error);
  g_assert_null (outcome);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);
  rows = sql_text (path, "SELECT count (*), (SELECT count (*) FROM audit) FROM decision");
  {
    g_autofree char *expected = g_strdup_printf ("3|%.*s;", (int) strlen (audit_before) - 1, audit_before);
    g_assert_cmpstr (rows, ==, expected);
  }
  g_clear_pointer (&rows, g_free);
  outcome = quorum_store_decide_with_reason (store, 2, 3, QUORUM_VIEW_PLAN, QUORUM_CATEGORY_PHYSICAL,
                                             "Medical opinion of non-accidental injury outweighs the explanation",
                                             NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (outcome->basis, ==, QUORUM_BASIS_CHAIR);
  rows = sql_text (path, "SELECT reason FROM decision WHERE child_id = 3");
  g_assert_cmpstr (rows, ==, "Medical opinion of non-accidental injury outweighs the explanation;");
  g_clear_pointer (&rows, g_free);
  g_assert_true (quorum_store_verify (store, NULL, &error));
  g_assert_no_error (error);

  /* The signed-off decision's row changes no more (the sign-off guard, as before); its reasons
   * are given by an amendment, kept beside the original (none), and verify still passes. */
  {
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "UPDATE decision SET reason = 'written outside Quorum' WHERE id = 1",
                                   NULL, NULL, NULL), !=, SQLITE_OK);
    sqlite3_close (db);
  }
  g_assert_cmpint (quorum_store_amend (store, 1, &amend, &error), >, 0);
  g_assert_no_error (error);
  c = quorum_store_load_conference (store, 1, &error);
  g_assert_no_error (error);
  g_assert_null (quorum_conference_find_decision (c, 1)->reason);
  g_assert_cmpstr (quorum_conference_current_value (c, "decision:1", "reason", NULL), ==, amend.new_value);
  /* Not for a decision the groups' views made (Bolton's majority): it has no chair's reasons. */
  {
    QuorumAmendmentSpec other = amend;

    g_assert_true (quorum_store_finalise (store, 3, &error));
    g_assert_no_error (error);
    other.record = "decision:3";
    g_assert_cmpint (quorum_store_amend (store, 3, &other, &error), ==, 0);
    g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
    g_clear_error (&error);
  }
  g_assert_true (quorum_store_verify (store, NULL, &error));
  g_assert_no_error (error);

  /* Opening again runs nothing twice; a file posing as 10 with 11's column opens as 11. */
  g_clear_object (&store);
  store = quorum_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  {
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 10", NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }
  /* The backup before this opening's migration is named to the second, as the first one was. */
  g_usleep (1100 * 1000);
  store = quorum_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (quorum_store_get_schema_version (store), ==, 13);
  rows = sql_text (path, "SELECT count (reason) FROM decision");
  g_assert_cmpstr (rows, ==, "1;");
  g_assert_true (quorum_store_verify (store, NULL, &error));
  g_assert_no_error (error);

  if (saved_key != NULL)
    g_setenv ("QUORUM_KEY_FILE", saved_key, TRUE);
  else
    g_unsetenv ("QUORUM_KEY_FILE");
}

static void
test_old_database_upgraded (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("quorum-migrate-XXXXXX", NULL);
  g_autofree char *path = make_db_from_fixture (dir);
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(QuorumConference) c = NULL;
  g_autoptr(GPtrArray) referrals = NULL;
  int latest = _quorum_store_migrations[_quorum_store_n_migrations - 1].version;
  QuorumDecision *d;

  g_assert_cmpint (latest, >, 1);
  store = quorum_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (quorum_store_get_schema_version (store), ==, latest);

  /* Everything the first version recorded is still there, and still verifies. */
  c = quorum_store_load_conference (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (c->children->len, ==, 2);
  g_assert_cmpuint (c->attendees->len, ==, 7);
  g_assert_cmpuint (c->votes->len, ==, 5);
  d = quorum_conference_find_decision (c, ((QuorumChild *)g_ptr_array_index (c->children, 0))->id);
  g_assert_nonnull (d);
  g_assert_cmpint (d->basis, ==, QUORUM_BASIS_SPLIT);
  g_assert_cmpuint (d->dissent->len, ==, 2);
  referrals = quorum_store_list_referrals (store, NULL, FALSE, &error);
  g_assert_cmpuint (referrals->len, ==, 1);
  g_assert_true (quorum_store_verify (store, NULL, &error));
  g_assert_no_error (error);

  /* A conference made before profiles were frozen with it reads the installed one. */
  {
    g_autoptr(QuorumProfile) profile = quorum_store_get_conference_profile (store, 1, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (profile->id, ==, "bolton");
  }

  /* And the upgraded database takes new records. */
  {
    const char *children[] = { "Cara", NULL };
    QuorumConferenceSpec spec = { .kind = QUORUM_KIND_REVIEW, .chair = "New chair", .children = children };

    g_date_set_dmy (&spec.date, 1, 12, 2026);
    g_assert_cmpint (quorum_store_create_conference (store, &spec, &error), ==, 2);
    g_assert_true (quorum_store_verify (store, NULL, &error));
  }

  /* Opening again runs no migration twice. */
  g_clear_object (&store);
  store = quorum_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (quorum_store_get_schema_version (store), ==, latest);
}

/* 12 changes nothing on SQLite (its guard against a record written by hand is the server's:
 * docs/notes/pgactor.md); the version moves so that both backends stay at one number. A
 * version-11 file (the v10 fixture brought to 11: its tables are 11's, the same as 12's, and
 * 13's empty table of hand-overs already made, which 13 leaves as it is) opens at the newest
 * version with its schema, rows and audit log as they were, and verify passes. */
static void
test_v11_to_v12_changes_nothing (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("quorum-migrate-XXXXXX", NULL);
  g_autofree char *path = make_db_from (dir, "schema-v10-chair.sql");
  g_autofree char *saved_key = g_strdup (g_getenv ("QUORUM_KEY_FILE"));
  g_autofree char *key = use_fixture_key (dir, "schema-v10-chair.key");
  g_autofree char *schema = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *version = NULL;
  const char *dump = "SELECT type, name, sql FROM sqlite_schema ORDER BY type, name";
  const char *content = "SELECT (SELECT count (*) FROM audit), (SELECT max (hash) FROM audit), "
                        "(SELECT group_concat (id || reason, ',') FROM vote), (SELECT count (*) FROM decision)";
  QuorumStore *store;
  sqlite3 *db = NULL;

  g_setenv ("QUORUM_KEY_FILE", key, TRUE);
  store = quorum_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 11", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  schema = sql_text (path, dump);
  rows = sql_text (path, content);

  /* The backup before this opening's migration is named to the second, as the first one was. */
  g_usleep (1100 * 1000);
  store = quorum_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (quorum_store_get_schema_version (store), ==, 13);
  g_assert_true (quorum_store_verify (store, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  version = sql_text (path, "PRAGMA user_version");
  g_assert_cmpstr (version, ==, "13;");
  {
    g_autofree char *schema_after = sql_text (path, dump);
    g_autofree char *rows_after = sql_text (path, content);

    g_assert_cmpstr (schema_after, ==, schema);
    g_assert_cmpstr (rows_after, ==, rows);
  }
  if (saved_key != NULL)
    g_setenv ("QUORUM_KEY_FILE", saved_key, TRUE);
  else
    g_unsetenv ("QUORUM_KEY_FILE");
}

/* 13 on SQLite: the table of hand-overs, empty and append-only (a file is one chair's: nothing is
 * handed over there, nothing changes in what it records; docs/notes/chairown.md). A version-12
 * file (the v10 fixture at 13 with that table taken away) opens at 13 with the table as a new
 * file has it, its rows and audit log as they were, verify passing; and the table refuses a
 * change or a deletion, as every table of records does. */
static void
test_v12_to_v13_handover_table (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("quorum-migrate-XXXXXX", NULL);
  g_autofree char *path = make_db_from (dir, "schema-v10-chair.sql");
  g_autofree char *saved_key = g_strdup (g_getenv ("QUORUM_KEY_FILE"));
  g_autofree char *key = use_fixture_key (dir, "schema-v10-chair.key");
  g_autofree char *schema = NULL;
  g_autofree char *at_12 = NULL;
  g_autofree char *rows = NULL;
  const char *dump = "SELECT type, name, sql FROM sqlite_schema ORDER BY type, name";
  const char *content = "SELECT (SELECT count (*) FROM audit), (SELECT max (hash) FROM audit), "
                        "(SELECT group_concat (id || reason, ',') FROM vote), (SELECT count (*) FROM decision)";
  QuorumStore *store;
  sqlite3 *db = NULL;
  char *message = NULL;

  g_setenv ("QUORUM_KEY_FILE", key, TRUE);
  store = quorum_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  schema = sql_text (path, dump);
  g_assert_nonnull (strstr (schema, "table|conference_handover|"));
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DROP TABLE conference_handover; PRAGMA user_version = 12", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
  at_12 = sql_text (path, dump);
  g_assert_null (strstr (at_12, "conference_handover"));
  rows = sql_text (path, content);

  g_usleep (1100 * 1000);
  store = quorum_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (quorum_store_get_schema_version (store), ==, 13);
  g_assert_true (quorum_store_verify (store, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  {
    g_autofree char *schema_after = sql_text (path, dump);
    g_autofree char *rows_after = sql_text (path, content);
    g_autofree char *n = sql_text (path, "SELECT count (*) FROM conference_handover");

    g_assert_cmpstr (schema_after, ==, schema);
    g_assert_cmpstr (rows_after, ==, rows);
    g_assert_cmpstr (n, ==, "0;");
  }

  /* Append-only, as every table of records. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO conference_handover (conference_id, from_chair, to_chair, "
                                     "recorded_at, recorded_by) VALUES (1, 'a', 'b', 'now', 'x')", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE conference_handover SET to_chair = 'c'", NULL, NULL, &message), !=, SQLITE_OK);
  g_assert_nonnull (strstr (message, "quorum: records are never changed"));
  sqlite3_free (message);
  message = NULL;
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM conference_handover", NULL, NULL, &message), !=, SQLITE_OK);
  g_assert_nonnull (strstr (message, "quorum: records are never deleted"));
  sqlite3_free (message);
  sqlite3_close (db);

  if (saved_key != NULL)
    g_setenv ("QUORUM_KEY_FILE", saved_key, TRUE);
  else
    g_unsetenv ("QUORUM_KEY_FILE");
}

static void
test_newer_database_refused (void)
{
  GError *error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("quorum-migrate-XXXXXX", NULL);
  g_autofree char *path = make_db_from_fixture (dir);
  sqlite3 *db = NULL;
  QuorumStore *store;

  sqlite3_open (path, &db);
  sqlite3_exec (db, "PRAGMA user_version = 999", NULL, NULL, NULL);
  sqlite3_close (db);

  store = quorum_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE);
  g_assert_nonnull (strstr (error->message, "newer Quorum"));
  g_clear_error (&error);
}

static void
test_not_a_database_refused (void)
{
  GError *error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("quorum-migrate-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "notes.db", NULL);
  g_autofree char *after = NULL;
  const char *text = "These are a chair's notes, not a database.\n";
  QuorumStore *store;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  store = quorum_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, text);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/migrate/first-schema-database-upgraded-without-loss", test_old_database_upgraded);
  g_test_add_func ("/migrate/v9-withdrawn-leaves-carried-and-verified", test_v9_withdrawn_leaves_carried);
  g_test_add_func ("/migrate/v9-withdrawn-leaves-need-the-key", test_v9_withdrawn_leaves_need_the_key);
  g_test_add_func ("/migrate/v10-chair-reason-added-and-verified", test_v10_chair_reason_added);
  g_test_add_func ("/migrate/v11-to-v12-changes-nothing-on-sqlite", test_v11_to_v12_changes_nothing);
  g_test_add_func ("/migrate/v12-to-v13-handover-table-on-sqlite", test_v12_to_v13_handover_table);
  g_test_add_func ("/migrate/newer-database-refused", test_newer_database_refused);
  g_test_add_func ("/migrate/not-a-database-refused-untouched", test_not_a_database_refused);

  return g_test_run ();
}
