/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-migrate.c: a database made by the first schema opens and is upgraded without loss;
 * a database from a newer Quorum, or a file that is not one, is refused untouched. */

#include <string.h>
#include <glib/gstdio.h>

#include "store/quorum-store-private.h"

static char *
make_db_from_fixture (const char *dir)
{
  g_autofree char *fixture = g_build_filename (g_getenv ("QUORUM_SRCDIR"), "tests", "fixtures",
                                               "schema-v1.sql", NULL);
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
  g_test_add_func ("/migrate/newer-database-refused", test_newer_database_refused);
  g_test_add_func ("/migrate/not-a-database-refused-untouched", test_not_a_database_refused);

  return g_test_run ();
}
