/* SPDX-License-Identifier: GPL-3.0-or-later */
/* store-fixture.h: a fresh database per test, and a Bolton conference ready for its vote. */
#pragma once

#include <glib/gstdio.h>
#include "store/quorum-store.h"

typedef struct
{
  char        *dir;
  char        *path;
  QuorumStore *store;
} StoreFixture;

static inline void
store_fixture_set_up (StoreFixture  *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("quorum-test-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "sub", "quorum.db", NULL);
  f->store = quorum_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
}

static inline void
store_fixture_tear_down (StoreFixture  *f,
                         gconstpointer  data)
{
  g_autofree char *sub = g_path_get_dirname (f->path);
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);

  g_clear_object (&f->store);
  g_unlink (f->path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (sub);
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* Reopens the database, as a second process (or a restarted app) would. */
static inline void
store_fixture_reopen (StoreFixture *f)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->store);
  f->store = quorum_store_open (f->path, &error);
  g_assert_no_error (error);
}

/* SHA-256 of the database file and its WAL, with the store closed. */
static inline char *
store_fixture_hash (StoreFixture *f)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  const char *suffixes[] = { "", "-wal" };

  g_clear_object (&f->store);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *p = g_strconcat (f->path, suffixes[i], NULL);
      g_autofree char *contents = NULL;
      gsize len = 0;

      if (g_file_get_contents (p, &contents, &len, NULL))
        g_checksum_update (sum, (const guchar *)contents, len);
      g_checksum_update (sum, (const guchar *)"|", 1);
    }
  return g_strdup (g_checksum_get_string (sum));
}

static inline gint64
add_attendee (QuorumStore *store,
              gint64       conference,
              const char  *name,
              const char  *agency,
              const char  *group,
              gboolean     voting)
{
  g_autoptr(GError) error = NULL;
  QuorumAttendeeSpec spec = { .name = name, .agency = agency, .line_management = group,
                              .voting = voting, .attendance = QUORUM_ATTENDANCE_PRESENT };
  gint64 id = quorum_store_add_attendee (store, conference, &spec, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* A conference of @profile on @date for two siblings, with five voting groups (two health
 * visitors sharing one trust) and a non-voting parent. */
static inline gint64
make_conference (QuorumStore *store,
                 const char  *profile,
                 const char  *date,
                 gint64      *child1,
                 gint64      *child2)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumConference) c = NULL;
  const char *children[] = { "Amy Jones", "Ben Jones", NULL };
  QuorumConferenceSpec spec = { .kind = QUORUM_KIND_INITIAL, .chair = "R. Patel",
                                .profile_id = profile, .children = children, .case_ref = "CR-1" };
  gint64 id;

  g_assert_true (quorum_date_parse (date, "date", &spec.date, NULL));
  id = quorum_store_create_conference (store, &spec, &error);
  g_assert_no_error (error);

  add_attendee (store, id, "S. Social", "Children's Social Care", "Children's Social Care", TRUE);
  add_attendee (store, id, "A. Khan", "Greater Manchester Police", "Police", TRUE);
  add_attendee (store, id, "H. Visitor", "Bolton NHS Foundation Trust", "Bolton NHS FT", TRUE);
  add_attendee (store, id, "H. Visitor Two", "Bolton NHS Foundation Trust", "bolton nhs ft", TRUE);
  add_attendee (store, id, "T. Teacher", "St Mary's Primary School", "Education", TRUE);
  add_attendee (store, id, "P. Probation", "Probation Service", "Probation", TRUE);
  add_attendee (store, id, "M. Jones", "Family", "Family", FALSE);

  c = quorum_store_load_conference (store, id, &error);
  g_assert_no_error (error);
  if (child1)
    *child1 = ((QuorumChild *)g_ptr_array_index (c->children, 0))->id;
  if (child2)
    *child2 = ((QuorumChild *)g_ptr_array_index (c->children, 1))->id;
  return id;
}

static inline gint64
vote (QuorumStore *store,
      gint64       conference,
      gint64       child,
      const char  *group,
      QuorumView   view,
      guint        categories,
      const char  *reason)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumConference) c = quorum_store_load_conference (store, conference, NULL);
  QuorumVoteSpec spec = { .child_id = child, .group = group, .view = view,
                          .categories = categories, .reason = reason };
  gint64 id;

  /* The vote is a last resort: the conference first records an attempt that reached no
   * consensus. A dissenting view needs its reason: where a test does not look at a group's
   * reasons, these words stand in for them. */
  if (c != NULL && quorum_conference_last_attempt (c, child) == NULL)
    {
      QuorumAttemptSpec attempt = { .child_id = child, .summary = "The views differ.",
                                    .agreed = QUORUM_VIEW_NONE };

      quorum_store_add_attempt (store, conference, &attempt, &error);
      g_assert_no_error (error);
    }
  if (spec.reason == NULL && (view == QUORUM_VIEW_PLAN || view == QUORUM_VIEW_NO_PLAN))
    spec.reason = "As discussed at the conference.";

  id = quorum_store_record_vote (store, conference, &spec, &error);
  g_assert_no_error (error);
  return id;
}

static inline void
no_consensus (QuorumStore *store,
              gint64       conference,
              gint64       child)
{
  g_autoptr(GError) error = NULL;
  QuorumAttemptSpec spec = { .child_id = child, .summary = "Views differ on the risk of neglect.",
                             .agreed = QUORUM_VIEW_NONE };

  quorum_store_add_attempt (store, conference, &spec, &error);
  g_assert_no_error (error);
}
