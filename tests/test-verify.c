/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-verify.c: verify finds every edit, deletion and reordering made behind Quorum's back,
 * on copies of a real database, and names the record. */

#include <string.h>

#include "store-fixture.h"
#include "store/quorum-store-private.h"

typedef struct
{
  StoreFixture  base;
  char         *copy;
  gint64        police_vote;
  gint64        n_audit;
} VerifyFixture;

static void
verify_set_up (VerifyFixture *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumOutcome) outcome = NULL;
  gint64 conf, amy;

  store_fixture_set_up (&f->base, data);
  conf = make_conference (f->base.store, "bolton", "2026-11-20", &amy, NULL);
  no_consensus (f->base.store, conf, amy);
  vote (f->base.store, conf, amy, "Children's Social Care", QUORUM_VIEW_PLAN, QUORUM_CATEGORY_NEGLECT, "Chronic neglect");
  f->police_vote = vote (f->base.store, conf, amy, "Police", QUORUM_VIEW_NO_PLAN, 0, "Zebra crossing reason");
  vote (f->base.store, conf, amy, "Bolton NHS FT", QUORUM_VIEW_PLAN, 0, NULL);
  vote (f->base.store, conf, amy, "Education", QUORUM_VIEW_NO_PLAN, 0, "No");
  vote (f->base.store, conf, amy, "Probation", QUORUM_VIEW_DECLINE, 0, "No contact");
  outcome = quorum_store_decide (f->base.store, conf, amy, QUORUM_VIEW_NONE, 0, NULL, NULL, &error);
  g_assert_no_error (error);

  f->n_audit = store_fixture_count (f->base.store, "SELECT count(*) FROM audit");

  g_assert_true (quorum_store_verify (f->base.store, NULL, &error));
  g_assert_no_error (error);

  /* Closing checkpoints the WAL into the file: the copy is the whole database. */
  f->copy = store_fixture_copy (&f->base, "copy");
}

static void
verify_tear_down (VerifyFixture *f,
                  gconstpointer  data)
{
  store_fixture_drop_copy (f->copy);
  g_free (f->copy);
  store_fixture_tear_down (&f->base, data);
}

/* What someone with the sqlite3 shell does: drops what stands in the way, and writes; or a
 * superuser with psql: turns the triggers off for the session, and writes. */
static void
tamper_sql (VerifyFixture *f,
            const char    *sql,
            const char    *postgres_sql)
{
  store_fixture_tamper (f->copy, sql, postgres_sql);
}

static char *
verify_copy (VerifyFixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = quorum_store_open (f->copy, &error);

  g_assert_no_error (error);
  g_assert_false (quorum_store_verify (store, NULL, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_TAMPERED);
  g_test_message ("verify: %s", error->message);
  return g_strdup (error->message);
}

static void
test_untouched_copy_verifies (VerifyFixture *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = quorum_store_open (f->copy, &error);
  guint n = 0;

  g_assert_true (quorum_store_verify (store, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, >, f->n_audit);
}

static void
test_edited_record (VerifyFixture *f,
                    gconstpointer  data)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE vote SET view = 'plan' WHERE id = %" G_GINT64_FORMAT, f->police_vote);
  g_autofree char *expected = g_strdup_printf ("vote %" G_GINT64_FORMAT ": altered", f->police_vote);
  g_autofree char *msg = NULL;

  tamper_sql (f, sql, sql);
  msg = verify_copy (f);
  g_assert_nonnull (strstr (msg, expected));
}

static void
test_deleted_record (VerifyFixture *f,
                     gconstpointer  data)
{
  g_autofree char *sql = g_strdup_printf ("DROP TRIGGER vote_no_delete; DELETE FROM vote WHERE id = %" G_GINT64_FORMAT,
                                          f->police_vote);
  g_autofree char *expected = g_strdup_printf ("vote %" G_GINT64_FORMAT ": deleted", f->police_vote);
  g_autofree char *msg = NULL;

  tamper_sql (f, sql, strstr (sql, "DELETE"));
  msg = verify_copy (f);
  g_assert_nonnull (strstr (msg, expected));
}

static void
test_forged_record (VerifyFixture *f,
                    gconstpointer  data)
{
  g_autofree char *msg = NULL;

  tamper_sql (f, "INSERT INTO attendee (id, conference_id, name, agency, line_management, voting, attendance, "
                 "recorded_at) VALUES (900, 1, 'Forged', 'Police', 'Police', 1, 'present', '2026-11-20')",
             "INSERT INTO attendee (id, conference_id, name, agency, line_management, voting, attendance, "
             "recorded_at) OVERRIDING SYSTEM VALUE VALUES (900, 1, 'Forged', 'Police', 'Police', 1, 'present', "
             "'2026-11-20')");
  msg = verify_copy (f);
  g_assert_nonnull (strstr (msg, "attendee 900: not in the audit log"));
}

static void
test_reordered_records (VerifyFixture *f,
                        gconstpointer  data)
{
  g_autofree char *msg = NULL;

  /* Swap two votes' ids: each row is intact, but no longer the record it was. */
  tamper_sql (f, "UPDATE vote SET id = -1 WHERE id = 1; UPDATE vote SET id = 1 WHERE id = 2; "
                 "UPDATE vote SET id = 2 WHERE id = -1",
             /* PostgreSQL's ids are GENERATED ALWAYS: a superuser drops that first. */
             "ALTER TABLE vote ALTER COLUMN id DROP IDENTITY; "
             "UPDATE vote SET id = -1 WHERE id = 1; UPDATE vote SET id = 1 WHERE id = 2; "
             "UPDATE vote SET id = 2 WHERE id = -1");
  msg = verify_copy (f);
  g_assert_nonnull (strstr (msg, "vote 1: altered"));
}

static void
test_edited_audit_entry (VerifyFixture *f,
                         gconstpointer  data)
{
  g_autofree char *msg = NULL;

  tamper_sql (f, "DROP TRIGGER audit_no_update; UPDATE audit SET user = 'someone-else' WHERE id = 3",
             "UPDATE audit SET \"user\" = 'someone-else' WHERE id = 3");
  msg = verify_copy (f);
  g_assert_nonnull (strstr (msg, "entry 3"));
}

static void
test_deleted_audit_entry (VerifyFixture *f,
                          gconstpointer  data)
{
  g_autofree char *msg = NULL;

  tamper_sql (f, "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id = 5", "DELETE FROM audit WHERE id = 5");
  msg = verify_copy (f);
  g_assert_nonnull (strstr (msg, "entry 6 follows entry 4"));
}

static void
test_truncated_audit_log (VerifyFixture *f,
                          gconstpointer  data)
{
  g_autofree char *sql = g_strdup_printf ("DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id = %" G_GINT64_FORMAT,
                                          f->n_audit);
  g_autofree char *msg = NULL;

  tamper_sql (f, sql, strstr (sql, "DELETE"));
  msg = verify_copy (f);
  g_assert_nonnull (strstr (msg, "newest entries were removed"));
}

static void
test_reordered_audit_entries (VerifyFixture *f,
                              gconstpointer  data)
{
  g_autofree char *msg = NULL;

  tamper_sql (f, "DROP TRIGGER audit_no_update; "
                 "UPDATE audit SET id = -1 WHERE id = 4; UPDATE audit SET id = 4 WHERE id = 5; "
                 "UPDATE audit SET id = 5 WHERE id = -1",
             "UPDATE audit SET id = -1 WHERE id = 4; UPDATE audit SET id = 4 WHERE id = 5; "
             "UPDATE audit SET id = 5 WHERE id = -1");
  msg = verify_copy (f);
  g_assert_nonnull (strstr (msg, "entry 4"));
}

/* Real bytes changed in the file, as a hex editor would: one letter of a reason. */
static void
test_byte_edit (VerifyFixture *f,
                gconstpointer  data)
{
  g_autofree char *contents = NULL;
  g_autofree char *msg = NULL;
  const char *needle = "Zebra crossing reason";
  gsize len;
  guint edited = 0;

  if (store_fixture_sqlite_only ("bytes edited in the database file: a server's files are its own "
                                 "(a superuser's edits through SQL are the other cases)"))
    return;
  g_assert_true (g_file_get_contents (f->copy, &contents, &len, NULL));
  /* Every copy of the words: the vote, the dissent and the audit's record of them. */
  for (char *p = contents; p + strlen (needle) <= contents + len; p++)
    if (memcmp (p, needle, strlen (needle)) == 0)
      {
        p[0] = 'Q';
        edited++;
      }
  g_assert_cmpuint (edited, >=, 2);
  g_assert_true (g_file_set_contents (f->copy, contents, len, NULL));

  msg = verify_copy (f);
  g_assert_true (strstr (msg, "altered") != NULL || strstr (msg, "damaged") != NULL);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, VerifyFixture, NULL, verify_set_up, func, verify_tear_down)

  ADD ("/verify/untouched-copy-verifies", test_untouched_copy_verifies);
  ADD ("/verify/tampering/edited-record-named", test_edited_record);
  ADD ("/verify/tampering/deleted-record-named", test_deleted_record);
  ADD ("/verify/tampering/record-written-outside-quorum-named", test_forged_record);
  ADD ("/verify/tampering/reordered-records-named", test_reordered_records);
  ADD ("/verify/tampering/edited-audit-entry", test_edited_audit_entry);
  ADD ("/verify/tampering/deleted-audit-entry", test_deleted_audit_entry);
  ADD ("/verify/tampering/truncated-audit-log", test_truncated_audit_log);
  ADD ("/verify/tampering/reordered-audit-entries", test_reordered_audit_entries);
  ADD ("/verify/tampering/byte-edit-of-the-file", test_byte_edit);

  return g_test_run ();
}
