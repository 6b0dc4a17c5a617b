/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-store-conference.c: conferences and everything recorded in them: attendees,
 * consensus attempts, votes, decisions, sign-off and amendments. */

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "quorum-store-private.h"
#include "quorum-store-life.h"

/* ---- reading ---- */

static gboolean
read_done (QuorumStore   *self,
           QuorumDbStmt  *stmt,
           int            rc,
           GError       **error)
{
  quorum_db_reset (stmt);
  if (rc != QUORUM_DB_DONE)
    return _quorum_store_fail_read (self, error);
  return TRUE;
}

static guint
column_categories (QuorumDbStmt *stmt,
                   int           column)
{
  const char *text = (const char *)quorum_db_column_text (stmt, column);
  guint categories = 0;

  if (text != NULL)
    quorum_categories_from_string (text, &categories);
  return categories;
}

static QuorumView
column_view (QuorumDbStmt *stmt,
             int           column)
{
  const char *text = (const char *)quorum_db_column_text (stmt, column);
  QuorumView view = QUORUM_VIEW_NONE;

  if (text != NULL)
    quorum_view_from_string (text, &view);
  return view;
}

/* Each loader below is a statement made and bound (prepare_…), which a caller sends
 * (quorum_db_send) with others so that they go to a server together, and the reading of its
 * rows (read_…). by_conference () gives the statement @sql for @conference: the one sent
 * ahead (@sent: SQL → statement, or NULL), else made and bound now. */
static QuorumDbStmt *
by_conference (QuorumStore       *self,
               GHashTable        *sent,
               const char        *sql,
               QuorumConference  *conference,
               GError           **error)
{
  QuorumDbStmt *stmt = sent != NULL ? g_hash_table_lookup (sent, sql) : NULL;

  if (stmt != NULL)
    return stmt;
  stmt = _quorum_store_prepare (self, sql, error);
  if (stmt != NULL)
    quorum_db_bind_int64 (stmt, 1, conference->id);
  return stmt;
}

static QuorumDbStmt *
prepare_header (QuorumStore       *self,
                QuorumConference  *conference,
                GError           **error)
{
  return by_conference (self, NULL,
                        "SELECT kind, date, time, venue, chair, minute_taker, case_ref, profile, "
                        "created_at, created_by, finalised_at, finalised_by, inquorate_reason "
                        "FROM conference WHERE id = ?",
                        conference, error);
}

static gboolean
read_header (QuorumStore       *self,
             QuorumConference  *conference,
             QuorumDbStmt      *stmt,
             GError           **error)
{
  int rc;

  rc = quorum_db_step (stmt, NULL);
  if (rc == QUORUM_DB_DONE)
    {
      quorum_db_reset (stmt);
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_NOT_FOUND,
                   _("There is no conference %lld"), (long long) conference->id);
      return FALSE;
    }
  if (rc != QUORUM_DB_ROW)
    return read_done (self, stmt, rc, error);

  quorum_kind_from_string ((const char *)quorum_db_column_text (stmt, 0), &conference->kind);
  _quorum_column_date (stmt, 1, &conference->date);
  conference->time = _quorum_column_dup (stmt, 2);
  conference->venue = _quorum_column_dup (stmt, 3);
  conference->chair = _quorum_column_dup (stmt, 4);
  conference->minute_taker = _quorum_column_dup (stmt, 5);
  conference->case_ref = _quorum_column_dup (stmt, 6);
  conference->profile_id = _quorum_column_dup (stmt, 7);
  conference->created_at = _quorum_column_dup (stmt, 8);
  conference->created_by = _quorum_store_column_person (self, stmt, 9);
  conference->finalised_at = _quorum_column_dup (stmt, 10);
  conference->finalised_by = _quorum_store_column_person (self, stmt, 11);
  conference->inquorate_reason = _quorum_column_dup (stmt, 12);
  quorum_db_reset (stmt);
  return TRUE;
}

static QuorumDbStmt *
prepare_children (QuorumStore       *self,
                  QuorumConference  *conference,
                  GError           **error)
{
  return by_conference (self, NULL,
                        "SELECT id, name FROM child WHERE conference_id = ? "
                        "ORDER BY position, id",
                        conference, error);
}

static gboolean
read_children (QuorumStore       *self,
               QuorumConference  *conference,
               QuorumDbStmt      *stmt,
               GError           **error)
{
  int rc;

  while ((rc = quorum_db_step (stmt, NULL)) == QUORUM_DB_ROW)
    {
      QuorumChild *child = g_new0 (QuorumChild, 1);

      child->id = quorum_db_column_int64 (stmt, 0);
      child->name = _quorum_column_dup (stmt, 1);
      g_ptr_array_add (conference->children, child);
    }
  return read_done (self, stmt, rc, error);
}

static QuorumDbStmt *
prepare_attendees (QuorumStore       *self,
                   QuorumConference  *conference,
                   GError           **error)
{
  return by_conference (self, NULL,
                        "SELECT id, name, role, agency, line_management, voting, attendance "
                        "FROM attendee WHERE conference_id = ? ORDER BY id",
                        conference, error);
}

static gboolean
read_attendees (QuorumStore       *self,
                QuorumConference  *conference,
                QuorumDbStmt      *stmt,
                GError           **error)
{
  int rc;

  while ((rc = quorum_db_step (stmt, NULL)) == QUORUM_DB_ROW)
    {
      QuorumAttendee *a = g_new0 (QuorumAttendee, 1);

      a->id = quorum_db_column_int64 (stmt, 0);
      a->name = _quorum_column_dup (stmt, 1);
      a->role = _quorum_column_dup (stmt, 2);
      a->agency = _quorum_column_dup (stmt, 3);
      a->line_management = _quorum_column_dup (stmt, 4);
      a->voting = quorum_db_column_int64 (stmt, 5) != 0;
      quorum_attendance_from_string ((const char *)quorum_db_column_text (stmt, 6), &a->attendance);
      g_ptr_array_add (conference->attendees, a);
    }
  return read_done (self, stmt, rc, error);
}

/* With @child_id > 0, the loaders below read that child's rows only (and only when the child is
 * the conference's: a child of another conference brings no rows): what recording one view
 * needs. @one_child binds the conference as ?1 and the child as ?2; @whole_conference binds
 * the conference as ?1. */
static QuorumDbStmt *
prepare_by_child (QuorumStore       *self,
                  const char        *one_child,
                  const char        *whole_conference,
                  QuorumConference  *conference,
                  gint64             child_id,
                  GError           **error)
{
  QuorumDbStmt *stmt = _quorum_store_prepare (self, child_id > 0 ? one_child : whole_conference, error);

  if (stmt == NULL)
    return NULL;
  quorum_db_bind_int64 (stmt, 1, conference->id);
  if (child_id > 0)
    quorum_db_bind_int64 (stmt, 2, child_id);
  return stmt;
}

#define OF_THE_CONFERENCE "child_id = ?2 AND child_id IN (SELECT id FROM child WHERE conference_id = ?1)"

static QuorumDbStmt *
prepare_attempts (QuorumStore       *self,
                  QuorumConference  *conference,
                  gint64             child_id,
                  GError           **error)
{
  return prepare_by_child (self,
                           "SELECT id, child_id, round, proposal, summary, views, agreed, "
                           "categories, recorded_at FROM attempt WHERE " OF_THE_CONFERENCE " ORDER BY round",
                           "SELECT attempt.id, child_id, round, proposal, summary, views, agreed, "
                           "categories, recorded_at FROM attempt "
                           "JOIN child ON child.id = attempt.child_id "
                           "WHERE attempt.child_id IN (SELECT id FROM child WHERE conference_id = ?1) "
                           "ORDER BY child.position, child.id, round",
                           conference, child_id, error);
}

static gboolean
read_attempts (QuorumStore       *self,
               QuorumConference  *conference,
               QuorumDbStmt      *stmt,
               GError           **error)
{
  int rc;

  while ((rc = quorum_db_step (stmt, NULL)) == QUORUM_DB_ROW)
    {
      QuorumAttempt *a = g_new0 (QuorumAttempt, 1);

      a->id = quorum_db_column_int64 (stmt, 0);
      a->child_id = quorum_db_column_int64 (stmt, 1);
      a->round = quorum_db_column_int64 (stmt, 2);
      a->proposal = _quorum_column_dup (stmt, 3);
      a->summary = _quorum_column_dup (stmt, 4);
      a->views = _quorum_column_dup (stmt, 5);
      a->agreed = column_view (stmt, 6);
      a->categories = column_categories (stmt, 7);
      a->recorded_at = _quorum_column_dup (stmt, 8);
      g_ptr_array_add (conference->attempts, a);
    }
  return read_done (self, stmt, rc, error);
}

static QuorumDbStmt *
prepare_votes (QuorumStore       *self,
               QuorumConference  *conference,
               gint64             child_id,
               GError           **error)
{
  return prepare_by_child (self,
                           "SELECT id, child_id, grp, view, categories, reason, members_disagreed, "
                           "recorded_at FROM vote WHERE " OF_THE_CONFERENCE " ORDER BY id",
                           "SELECT id, child_id, grp, view, categories, reason, members_disagreed, "
                           "recorded_at FROM vote "
                           "WHERE child_id IN (SELECT id FROM child WHERE conference_id = ?1) ORDER BY id",
                           conference, child_id, error);
}

static gboolean
read_votes (QuorumStore       *self,
            QuorumConference  *conference,
            QuorumDbStmt      *stmt,
            GError           **error)
{
  int rc;

  while ((rc = quorum_db_step (stmt, NULL)) == QUORUM_DB_ROW)
    {
      QuorumVote *v = g_new0 (QuorumVote, 1);

      v->id = quorum_db_column_int64 (stmt, 0);
      v->child_id = quorum_db_column_int64 (stmt, 1);
      v->group = _quorum_column_dup (stmt, 2);
      v->view = column_view (stmt, 3);
      v->categories = column_categories (stmt, 4);
      v->reason = _quorum_column_dup (stmt, 5);
      v->members_disagreed = quorum_db_column_int64 (stmt, 6) != 0;
      v->recorded_at = _quorum_column_dup (stmt, 7);
      g_ptr_array_add (conference->votes, v);
    }
  return read_done (self, stmt, rc, error);
}

static QuorumDbStmt *
prepare_decisions (QuorumStore       *self,
                   QuorumConference  *conference,
                   gint64             child_id,
                   GError           **error)
{
  return prepare_by_child (self,
                           "SELECT id, child_id, outcome, basis, categories, n_plan, n_no_plan, "
                           "n_declined, decided_at, decided_by, reason FROM decision WHERE " OF_THE_CONFERENCE,
                           "SELECT id, child_id, outcome, basis, categories, n_plan, n_no_plan, "
                           "n_declined, decided_at, decided_by, reason FROM decision "
                           "WHERE child_id IN (SELECT id FROM child WHERE conference_id = ?1) ORDER BY id",
                           conference, child_id, error);
}

/* The decisions' rows; with @child_id 0, their dissent too (read by a statement of its own). */
static gboolean
read_decisions (QuorumStore       *self,
                QuorumConference  *conference,
                QuorumDbStmt      *stmt,
                gint64             child_id,
                GError           **error)
{
  int rc;

  while ((rc = quorum_db_step (stmt, NULL)) == QUORUM_DB_ROW)
    {
      QuorumDecision *d = g_new0 (QuorumDecision, 1);

      d->id = quorum_db_column_int64 (stmt, 0);
      d->child_id = quorum_db_column_int64 (stmt, 1);
      d->outcome = column_view (stmt, 2);
      quorum_basis_from_string ((const char *)quorum_db_column_text (stmt, 3), &d->basis);
      d->categories = column_categories (stmt, 4);
      d->n_plan = quorum_db_column_int64 (stmt, 5);
      d->n_no_plan = quorum_db_column_int64 (stmt, 6);
      d->n_declined = quorum_db_column_int64 (stmt, 7);
      d->decided_at = _quorum_column_dup (stmt, 8);
      d->decided_by = _quorum_store_column_person (self, stmt, 9);
      d->reason = _quorum_column_dup (stmt, 10);
      d->dissent = g_ptr_array_new_with_free_func ((GDestroyNotify)quorum_dissent_free);
      g_ptr_array_add (conference->decisions, d);
    }
  if (!read_done (self, stmt, rc, error))
    return FALSE;
  if (child_id > 0)
    return TRUE;

  stmt = _quorum_store_prepare (self,
                                "SELECT decision_id, grp, view, categories, representatives, reason, id "
                                "FROM dissent WHERE decision_id IN (SELECT decision.id FROM decision "
                                "  JOIN child ON child.id = decision.child_id WHERE child.conference_id = ?1) "
                                "ORDER BY decision_id, position", error);
  if (stmt == NULL)
    return FALSE;
  quorum_db_bind_int64 (stmt, 1, conference->id);
  while ((rc = quorum_db_step (stmt, NULL)) == QUORUM_DB_ROW)
    {
      gint64 decision_id = quorum_db_column_int64 (stmt, 0);
      const char *reps = (const char *)quorum_db_column_text (stmt, 4);
      QuorumDissent *dissent = g_new0 (QuorumDissent, 1);

      dissent->group = _quorum_column_dup (stmt, 1);
      dissent->view = column_view (stmt, 2);
      dissent->categories = column_categories (stmt, 3);
      dissent->representatives = reps && *reps ? g_strsplit (reps, "\n", -1) : g_new0 (char *, 1);
      dissent->reason = _quorum_column_dup (stmt, 5);
      dissent->id = quorum_db_column_int64 (stmt, 6);

      for (guint i = 0; i < conference->decisions->len; i++)
        {
          QuorumDecision *d = g_ptr_array_index (conference->decisions, i);

          if (d->id == decision_id)
            {
              g_ptr_array_add (d->dissent, g_steal_pointer (&dissent));
              break;
            }
        }
      g_clear_pointer (&dissent, quorum_dissent_free);
    }
  return read_done (self, stmt, rc, error);
}

/* The rest of a conference's record, read after its core: each statement's only parameter is
 * the conference. */
#define PLAN_SQL \
  "SELECT id, child_id, start, from_split, categories FROM plan " \
  "WHERE child_id IN (SELECT id FROM child WHERE conference_id = ?1) ORDER BY id"
#define REFERRAL_SQL \
  "SELECT id, child_id, due, notified, panel_due, panel_date, outcome, " \
  "outcome_reason FROM referral " \
  "WHERE child_id IN (SELECT id FROM child WHERE conference_id = ?1) ORDER BY id"
#define AMENDMENT_SQL \
  "SELECT id, at, by, reason, change, record, field, old_value, new_value " \
  "FROM amendment WHERE conference_id = ? ORDER BY id"
#define MEMBER_VIEW_SQL \
  "SELECT id, child_id, attendee_id, grp, view, categories, reason, recorded_at " \
  "FROM member_view WHERE conference_id = ? ORDER BY id"
#define SUPERSEDED_VIEW_SQL \
  "SELECT s.id, s.child_id, s.vote_id, a.round, s.grp, s.view, s.categories, " \
  "s.reason, s.given_at FROM superseded_view s JOIN attempt a ON a.id = s.attempt_id " \
  "WHERE s.conference_id = ? ORDER BY s.child_id, a.round, s.id"
#define PRESENCE_SQL \
  "SELECT decision_id, attendee_id, status FROM decision_presence " \
  "WHERE conference_id = ? ORDER BY id"

static const char * const record_sql[] = {
  PLAN_SQL, REFERRAL_SQL, AMENDMENT_SQL, MEMBER_VIEW_SQL, SUPERSEDED_VIEW_SQL, PRESENCE_SQL,
};

static gboolean
load_plans_and_referrals (QuorumStore       *self,
                          QuorumConference  *conference,
                          GHashTable        *sent,
                          GError           **error)
{
  QuorumDbStmt *stmt;
  int rc;

  stmt = by_conference (self, sent, PLAN_SQL, conference, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = quorum_db_step (stmt, NULL)) == QUORUM_DB_ROW)
    {
      QuorumPlan *p = g_new0 (QuorumPlan, 1);

      p->id = quorum_db_column_int64 (stmt, 0);
      p->child_id = quorum_db_column_int64 (stmt, 1);
      _quorum_column_date (stmt, 2, &p->start);
      p->from_split = quorum_db_column_int64 (stmt, 3) != 0;
      p->categories = column_categories (stmt, 4);
      g_ptr_array_add (conference->plans, p);
    }
  if (!read_done (self, stmt, rc, error))
    return FALSE;

  stmt = by_conference (self, sent, REFERRAL_SQL, conference, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = quorum_db_step (stmt, NULL)) == QUORUM_DB_ROW)
    {
      QuorumReferral *r = g_new0 (QuorumReferral, 1);

      r->id = quorum_db_column_int64 (stmt, 0);
      r->conference_id = conference->id;
      r->child_id = quorum_db_column_int64 (stmt, 1);
      _quorum_column_date (stmt, 2, &r->due);
      _quorum_column_date (stmt, 3, &r->notified);
      _quorum_column_date (stmt, 4, &r->panel_due);
      _quorum_column_date (stmt, 5, &r->panel_date);
      quorum_panel_outcome_from_string ((const char *)quorum_db_column_text (stmt, 6), &r->outcome);
      r->outcome_reason = _quorum_column_dup (stmt, 7);
      g_ptr_array_add (conference->referrals, r);
    }
  return read_done (self, stmt, rc, error);
}

/* The attendance timeline, each representative's own position, the superseded views, who
 * was present for each decision and the challenges: schema 6. */
static QuorumDbStmt *
prepare_attendance (QuorumStore       *self,
                    QuorumConference  *conference,
                    GError           **error)
{
  return by_conference (self, NULL,
                        "SELECT attendee_id, event, at FROM attendance_event "
                        "WHERE conference_id = ? AND withdrawn_at IS NULL ORDER BY id",
                        conference, error);
}

/* Who arrived late and who left (a leave withdrawn is not: schema 10): after the attendees. */
static gboolean
read_attendance (QuorumStore       *self,
                 QuorumConference  *conference,
                 QuorumDbStmt      *stmt,
                 GError           **error)
{
  int rc;

  while ((rc = quorum_db_step (stmt, NULL)) == QUORUM_DB_ROW)
    {
      QuorumAttendee *a = quorum_conference_find_attendee (conference, quorum_db_column_int64 (stmt, 0));
      const char *event = (const char *)quorum_db_column_text (stmt, 1);

      if (a == NULL)
        continue;
      if (g_strcmp0 (event, "arrived") == 0)
        {
          g_free (a->arrived_at);
          a->arrived_at = _quorum_column_dup (stmt, 2);
        }
      else
        {
          /* A leave undone (a mis-click, withdrawn) is not read: in the room again. */
          g_free (a->left_at);
          a->left_at = _quorum_column_dup (stmt, 2);
        }
    }
  return read_done (self, stmt, rc, error);
}

static gboolean
load_record (QuorumStore       *self,
             QuorumConference  *conference,
             GHashTable        *sent,
             GError           **error)
{
  QuorumDbStmt *stmt;
  int rc;

  stmt = sent != NULL ? g_hash_table_lookup (sent, "attendance") : NULL;
  if (stmt == NULL)
    stmt = prepare_attendance (self, conference, error);
  if (stmt == NULL || !read_attendance (self, conference, stmt, error))
    return FALSE;

  stmt = by_conference (self, sent, MEMBER_VIEW_SQL, conference, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = quorum_db_step (stmt, NULL)) == QUORUM_DB_ROW)
    {
      QuorumMemberView *m = g_new0 (QuorumMemberView, 1);
      QuorumAttendee *a;

      m->id = quorum_db_column_int64 (stmt, 0);
      m->child_id = quorum_db_column_int64 (stmt, 1);
      m->attendee_id = quorum_db_column_int64 (stmt, 2);
      m->group = _quorum_column_dup (stmt, 3);
      m->view = column_view (stmt, 4);
      m->categories = column_categories (stmt, 5);
      m->reason = _quorum_column_dup (stmt, 6);
      m->recorded_at = _quorum_column_dup (stmt, 7);
      a = quorum_conference_find_attendee (conference, m->attendee_id);
      m->name = g_strdup (a != NULL ? a->name : NULL);
      g_ptr_array_add (conference->member_views, m);
    }
  if (!read_done (self, stmt, rc, error))
    return FALSE;

  stmt = by_conference (self, sent, SUPERSEDED_VIEW_SQL, conference, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = quorum_db_step (stmt, NULL)) == QUORUM_DB_ROW)
    {
      QuorumSupersededView *v = g_new0 (QuorumSupersededView, 1);

      v->id = quorum_db_column_int64 (stmt, 0);
      v->child_id = quorum_db_column_int64 (stmt, 1);
      v->vote_id = quorum_db_column_int64 (stmt, 2);
      v->round = quorum_db_column_int64 (stmt, 3);
      v->group = _quorum_column_dup (stmt, 4);
      v->view = column_view (stmt, 5);
      v->categories = column_categories (stmt, 6);
      v->reason = _quorum_column_dup (stmt, 7);
      v->given_at = _quorum_column_dup (stmt, 8);
      g_ptr_array_add (conference->superseded_views, v);
    }
  if (!read_done (self, stmt, rc, error))
    return FALSE;

  stmt = by_conference (self, sent, PRESENCE_SQL, conference, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = quorum_db_step (stmt, NULL)) == QUORUM_DB_ROW)
    {
      gint64 decision_id = quorum_db_column_int64 (stmt, 0);
      QuorumPresence p = { 0 };

      p.attendee_id = quorum_db_column_int64 (stmt, 1);
      p.status = g_strcmp0 ((const char *)quorum_db_column_text (stmt, 2), "left") == 0
                 ? QUORUM_PRESENCE_LEFT : QUORUM_PRESENCE_PRESENT;
      for (guint i = 0; i < conference->decisions->len; i++)
        {
          QuorumDecision *d = g_ptr_array_index (conference->decisions, i);

          if (d->id != decision_id)
            continue;
          if (d->presence == NULL)
            d->presence = g_array_new (FALSE, FALSE, sizeof (QuorumPresence));
          g_array_append_val (d->presence, p);
        }
    }
  if (!read_done (self, stmt, rc, error))
    return FALSE;

  return _quorum_store_load_challenges (self, conference, error);
}

static gboolean
load_amendments (QuorumStore       *self,
                 QuorumConference  *conference,
                 GHashTable        *sent,
                 GError           **error)
{
  QuorumDbStmt *stmt;
  int rc;

  stmt = by_conference (self, sent, AMENDMENT_SQL, conference, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = quorum_db_step (stmt, NULL)) == QUORUM_DB_ROW)
    {
      QuorumAmendment *a = g_new0 (QuorumAmendment, 1);

      a->id = quorum_db_column_int64 (stmt, 0);
      a->at = _quorum_column_dup (stmt, 1);
      a->by = _quorum_store_column_person (self, stmt, 2);
      a->reason = _quorum_column_dup (stmt, 3);
      a->change = _quorum_column_dup (stmt, 4);
      a->record = _quorum_column_dup (stmt, 5);
      a->field = _quorum_column_dup (stmt, 6);
      a->old_value = _quorum_column_dup (stmt, 7);
      a->new_value = _quorum_column_dup (stmt, 8);
      g_ptr_array_add (conference->amendments, a);
    }
  return read_done (self, stmt, rc, error);
}

/* The conference, its children, attendees, attempts, votes and decisions (their dissent read
 * after), read now; with them, the attendance events and the statements of record_sql (into
 * @sent, for the loaders after): all sent together (PostgreSQL: one round trip inside the
 * snapshot's transaction), read in the order they always were. */
static gboolean
load_core (QuorumStore       *self,
           QuorumConference  *conference,
           GHashTable        *sent,
           GError           **error)
{
  QuorumDbStmt *header, *children, *attendees, *attempts, *votes, *decisions, *attendance;

  if ((header = prepare_header (self, conference, error)) == NULL ||
      !quorum_db_send (header, NULL) ||
      (children = prepare_children (self, conference, error)) == NULL ||
      !quorum_db_send (children, NULL) ||
      (attendees = prepare_attendees (self, conference, error)) == NULL ||
      !quorum_db_send (attendees, NULL) ||
      (attempts = prepare_attempts (self, conference, 0, error)) == NULL ||
      !quorum_db_send (attempts, NULL) ||
      (votes = prepare_votes (self, conference, 0, error)) == NULL ||
      !quorum_db_send (votes, NULL) ||
      (decisions = prepare_decisions (self, conference, 0, error)) == NULL ||
      !quorum_db_send (decisions, NULL) ||
      (attendance = prepare_attendance (self, conference, error)) == NULL ||
      !quorum_db_send (attendance, NULL))
    {
      if (error == NULL || *error == NULL)
        _quorum_store_fail_read (self, error);
      return FALSE;
    }
  g_hash_table_insert (sent, (gpointer) "attendance", attendance);
  for (guint i = 0; i < G_N_ELEMENTS (record_sql); i++)
    {
      QuorumDbStmt *stmt = by_conference (self, NULL, record_sql[i], conference, error);

      if (stmt == NULL || !quorum_db_send (stmt, NULL))
        {
          if (error == NULL || *error == NULL)
            _quorum_store_fail_read (self, error);
          return FALSE;
        }
      g_hash_table_insert (sent, (gpointer) record_sql[i], stmt);
    }
  /* A shared database's chair and hand-overs, in the same round trip. */
  {
    g_autoptr(GError) local = NULL;
    QuorumDbStmt *handovers = _quorum_store_prepare_handovers (self, conference, &local);

    if (local != NULL)
      {
        g_propagate_error (error, g_steal_pointer (&local));
        return FALSE;
      }
    if (handovers != NULL)
      {
        if (!quorum_db_send (handovers, NULL))
          return _quorum_store_fail_read (self, error);
        g_hash_table_insert (sent, (gpointer) "handovers", handovers);
      }
  }
  return read_header (self, conference, header, error) &&
         read_children (self, conference, children, error) &&
         read_attendees (self, conference, attendees, error) &&
         read_attempts (self, conference, attempts, error) &&
         read_votes (self, conference, votes, error) &&
         read_decisions (self, conference, decisions, 0, error);
}

/* Profiles made from a conference's frozen copy, kept by their text (and the languages their
 * texts were read in): opening a conference asked for its profile twice (the conference's load
 * and the page's), each time parsing the same key file again, a tenth of the open's call. A
 * profile is never changed once made, and is shared by reference as the built-in ones are. */
#define PARSED_PROFILES 4

typedef struct
{
  char          *id;
  char          *data;
  char          *languages;
  QuorumProfile *profile;
} ParsedProfile;

static ParsedProfile parsed_profiles[PARSED_PROFILES];
static guint parsed_profiles_next;
G_LOCK_DEFINE_STATIC (parsed_profiles);

static QuorumProfile *
profile_from_data (const char  *id,
                   const char  *data,
                   GError     **error)
{
  g_autofree char *languages = g_strjoinv (":", (char **) g_get_language_names ());
  QuorumProfile *profile = NULL;
  ParsedProfile *slot;

  G_LOCK (parsed_profiles);
  for (guint i = 0; profile == NULL && i < PARSED_PROFILES; i++)
    {
      slot = &parsed_profiles[i];
      if (slot->profile != NULL && g_strcmp0 (slot->id, id) == 0 && strcmp (slot->data, data) == 0 &&
          strcmp (slot->languages, languages) == 0)
        profile = quorum_profile_ref (slot->profile);
    }
  G_UNLOCK (parsed_profiles);
  if (profile != NULL)
    return profile;

  profile = quorum_profile_new_from_data (id, data, error);
  if (profile == NULL)
    return NULL;

  G_LOCK (parsed_profiles);
  slot = &parsed_profiles[parsed_profiles_next];
  parsed_profiles_next = (parsed_profiles_next + 1) % PARSED_PROFILES;
  g_free (slot->id);
  g_free (slot->data);
  g_free (slot->languages);
  g_clear_pointer (&slot->profile, quorum_profile_unref);
  slot->id = g_strdup (id);
  slot->data = g_strdup (data);
  slot->languages = g_steal_pointer (&languages);
  slot->profile = quorum_profile_ref (profile);
  G_UNLOCK (parsed_profiles);
  return profile;
}

QuorumProfile *
quorum_store_get_conference_profile (QuorumStore  *self,
                                     gint64        conference_id,
                                     GError      **error)
{
  g_autofree char *profile_id = NULL;
  g_autofree char *data = NULL;
  QuorumDbStmt *stmt;
  int rc;

  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);

  stmt = _quorum_store_prepare (self,
                                "SELECT c.profile, p.data FROM conference c "
                                "LEFT JOIN conference_profile p ON p.conference_id = c.id WHERE c.id = ?", error);
  if (stmt == NULL)
    return NULL;
  quorum_db_bind_int64 (stmt, 1, conference_id);
  rc = quorum_db_step (stmt, NULL);
  if (rc == QUORUM_DB_ROW)
    {
      profile_id = _quorum_column_dup (stmt, 0);
      data = _quorum_column_dup (stmt, 1);
    }
  quorum_db_reset (stmt);
  if (rc == QUORUM_DB_DONE)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_NOT_FOUND,
                   _("There is no conference %lld"), (long long) conference_id);
      return NULL;
    }
  if (rc != QUORUM_DB_ROW)
    {
      _quorum_store_fail (self, error);
      return NULL;
    }

  if (data != NULL)
    return profile_from_data (profile_id, data, error);
  return quorum_profiles_lookup (profile_id, error);
}

QuorumRule
_quorum_store_conference_rule (QuorumStore *self,
                               gint64       conference_id)
{
  g_autoptr(QuorumProfile) profile = quorum_store_get_conference_profile (self, conference_id, NULL);

  return profile != NULL ? profile->rule : QUORUM_RULE_MAJORITY_BY_LINE_MANAGEMENT;
}

QuorumConference *
quorum_store_load_conference (QuorumStore  *self,
                              gint64        conference_id,
                              GError      **error)
{
  g_autoptr(QuorumConference) conference = quorum_conference_new ();
  g_autoptr(GHashTable) sent = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean began;
  gboolean ok;

  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);

  /* One snapshot: another process (the CLI beside the app) may write between the queries. */
  if (!_quorum_store_begin_read (self, &began, error))
    return NULL;

  conference->id = conference_id;
  ok = load_core (self, conference, sent, error) &&
       load_plans_and_referrals (self, conference, sent, error) &&
       load_amendments (self, conference, sent, error) &&
       load_record (self, conference, sent, error) &&
       _quorum_store_load_handovers (self, conference, g_hash_table_lookup (sent, "handovers"), error) &&
       _quorum_store_load_life (self, conference, error) &&
       (conference->seal = quorum_store_get_seal (self, error)) != NULL;
  _quorum_store_end_read (self, began);
  if (ok)
    quorum_conference_mark_superseded (conference);

  return ok ? g_steal_pointer (&conference) : NULL;
}

void
quorum_conference_summary_free (QuorumConferenceSummary *self)
{
  if (self == NULL)
    return;
  g_free (self->time);
  g_free (self->chair);
  g_free (self->case_ref);
  g_free (self->profile_id);
  g_free (self->children);
  g_free (self);
}

GPtrArray *
quorum_store_list_conferences (QuorumStore  *self,
                               const char   *search,
                               const GDate  *from,
                               const GDate  *to,
                               GError      **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)quorum_conference_summary_free);
  g_autofree char *pattern = NULL;
  QuorumDbStmt *stmt;
  int rc;

  /* A search is typed text like any other: bounded, and no controls. */
  if (!quorum_check_text (search, _("The search"), FALSE, QUORUM_MAX_NAME, error))
    return NULL;

  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);

  /* As quorum-store-list.c's, written for each dialect: the children's names joined, the
   * search by core's fold (of the names as they stand), a missing time sorted last. */
  stmt = _quorum_store_prepare (self, _quorum_store_dialect (self,
                                "SELECT c.id, c.kind, c.date, c.time, c.chair, c.case_ref, c.profile, "
                                "(SELECT group_concat (name, ', ') FROM "
                                "  (SELECT name FROM child WHERE conference_id = c.id ORDER BY position)), "
                                "c.finalised_at IS NOT NULL "
                                "FROM conference c "
                                "WHERE (?1 IS NULL OR c.date >= ?1) AND (?2 IS NULL OR c.date <= ?2) "
                                "AND " QUORUM_STORE_SEARCH (QUORUM_STORE_SQLITE_FOLD, "c", "?3")
                                "ORDER BY c.date DESC, c.time DESC, c.id DESC",
                                "SELECT c.id, c.kind, c.date, c.time, c.chair, c.case_ref, c.profile, "
                                "(SELECT string_agg (name, ', ' ORDER BY position) FROM child WHERE conference_id = c.id), "
                                "c.finalised_at IS NOT NULL "
                                "FROM conference c "
                                "WHERE (?1 IS NULL OR c.date >= ?1) AND (?2 IS NULL OR c.date <= ?2) "
                                "AND " QUORUM_STORE_SEARCH (QUORUM_STORE_POSTGRES_FOLD, "c", "?3")
                                "ORDER BY c.date DESC, c.time DESC NULLS LAST, c.id DESC"), error);
  if (stmt == NULL)
    return NULL;

  _quorum_bind_date (stmt, 1, from);
  _quorum_bind_date (stmt, 2, to);
  pattern = _quorum_store_search_pattern (search);
  _quorum_bind_text (stmt, 3, pattern);

  while ((rc = quorum_db_step (stmt, NULL)) == QUORUM_DB_ROW)
    {
      QuorumConferenceSummary *s = g_new0 (QuorumConferenceSummary, 1);

      s->id = quorum_db_column_int64 (stmt, 0);
      quorum_kind_from_string ((const char *)quorum_db_column_text (stmt, 1), &s->kind);
      _quorum_column_date (stmt, 2, &s->date);
      s->time = _quorum_column_dup (stmt, 3);
      s->chair = _quorum_column_dup (stmt, 4);
      s->case_ref = _quorum_column_dup (stmt, 5);
      s->profile_id = _quorum_column_dup (stmt, 6);
      s->children = _quorum_column_dup (stmt, 7);
      s->finalised = quorum_db_column_int64 (stmt, 8) != 0;
      g_ptr_array_add (rows, s);
    }
  if (!read_done (self, stmt, rc, error) ||
      !_quorum_store_summaries_now (self, rows, error))
    return NULL;
  return g_steal_pointer (&rows);
}

char **
quorum_store_list_line_managements (QuorumStore  *self,
                                    GError      **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  QuorumDbStmt *stmt;
  int rc;

  stmt = _quorum_store_prepare (self,
                                "SELECT min (line_management) FROM attendee GROUP BY lower (line_management) "
                                "ORDER BY count (*) DESC, min (line_management)", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = quorum_db_step (stmt, NULL)) == QUORUM_DB_ROW)
    g_strv_builder_add (builder, (const char *)quorum_db_column_text (stmt, 0));
  if (!read_done (self, stmt, rc, error))
    return NULL;
  return g_strv_builder_end (builder);
}

/* ---- writing ---- */

static QuorumConference *load_for_change (QuorumStore *self, gint64 conference_id, GError **error);

static gboolean
refuse_if_finalised (const QuorumConference  *conference,
                     GError                 **error)
{
  if (!quorum_conference_is_finalised (conference))
    return TRUE;
  g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_FINALISED,
               _("Conference %lld is signed off: it can only be amended"),
               (long long) conference->id);
  return FALSE;
}

/* What the rules (quorum_check_vote and what recording a view reads: the groups present, the
 * group's earlier view) read to check one view for @child_id, and nothing else: the conference
 * (signed off or not), its children, its attendees and who of them has left, and that child's
 * attempts, votes and decision (a child of another conference brings none). The member views,
 * superseded views, presence and challenges of the whole record are not read: no rule of a
 * vote looks at them. The statements go together, with the transaction's BEGIN and the audit
 * chain's head (PostgreSQL: one round trip), and are read in this order. */
static QuorumConference *
load_for_vote (QuorumStore  *self,
               gint64        conference_id,
               gint64        child_id,
               GError      **error)
{
  g_autoptr(QuorumConference) conference = quorum_conference_new ();
  QuorumDbStmt *header, *children, *attendees, *attendance, *attempts, *votes, *decisions;

  conference->id = conference_id;
  if ((header = prepare_header (self, conference, error)) == NULL ||
      !quorum_db_send (header, NULL) ||
      (children = prepare_children (self, conference, error)) == NULL ||
      !quorum_db_send (children, NULL) ||
      (attendees = prepare_attendees (self, conference, error)) == NULL ||
      !quorum_db_send (attendees, NULL) ||
      (attendance = prepare_attendance (self, conference, error)) == NULL ||
      !quorum_db_send (attendance, NULL) ||
      (attempts = prepare_attempts (self, conference, child_id, error)) == NULL ||
      !quorum_db_send (attempts, NULL) ||
      (votes = prepare_votes (self, conference, child_id, error)) == NULL ||
      !quorum_db_send (votes, NULL) ||
      (decisions = prepare_decisions (self, conference, child_id, error)) == NULL ||
      !quorum_db_send (decisions, NULL) ||
      !_quorum_store_send_audit_head (self, error))
    {
      if (error == NULL || *error == NULL)
        _quorum_store_fail_read (self, error);
      return NULL;
    }

  if (!read_header (self, conference, header, error) ||
      !read_children (self, conference, children, error) ||
      !read_attendees (self, conference, attendees, error) ||
      !read_attendance (self, conference, attendance, error) ||
      !read_attempts (self, conference, attempts, error) ||
      !read_votes (self, conference, votes, error) ||
      !read_decisions (self, conference, decisions, child_id, error))
    return NULL;
  if (!refuse_if_finalised (conference, error))
    return NULL;
  /* Which views a later attempt superseded decides where a view may come from. */
  quorum_conference_mark_superseded (conference);
  return g_steal_pointer (&conference);
}

QuorumConference *
_quorum_store_load_for_change (QuorumStore  *self,
                               gint64        conference_id,
                               GError      **error)
{
  return load_for_change (self, conference_id, error);
}

/* Loads the conference for a change: it must exist and not be signed off. */
static QuorumConference *
load_for_change (QuorumStore  *self,
                 gint64        conference_id,
                 GError      **error)
{
  g_autoptr(QuorumConference) conference = quorum_store_load_conference (self, conference_id, error);

  if (conference == NULL)
    return NULL;
  if (!refuse_if_finalised (conference, error))
    return NULL;
  return g_steal_pointer (&conference);
}

#define check_time _quorum_store_check_time

/* The rule is the core's (the forms check a time with it as it is typed); no time passes. */
gboolean
_quorum_store_check_time (const char  *time,
                          GError     **error)
{
  return time == NULL || quorum_time_check (time, error);
}

gint64
_quorum_store_insert_conference (QuorumStore                *self,
                   const QuorumConferenceSpec *spec,
                   const QuorumProfile        *profile,
                   GError                    **error)
{
  g_autofree char *now = quorum_timestamp_now ();
  g_autofree char *summary = NULL;
  QuorumDbStmt *stmt;
  gint64 id;
  gint64 profile_row = 0;

  stmt = _quorum_store_prepare (self,
                                "INSERT INTO conference (kind, date, time, venue, chair, minute_taker, "
                                "case_ref, profile, created_at, created_by) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", error);
  if (stmt == NULL)
    return 0;
  _quorum_bind_text (stmt, 1, quorum_kind_to_string (spec->kind));
  _quorum_bind_date (stmt, 2, &spec->date);
  _quorum_bind_text (stmt, 3, spec->time);
  _quorum_bind_text (stmt, 4, spec->venue);
  _quorum_bind_text (stmt, 5, spec->chair);
  _quorum_bind_text (stmt, 6, spec->minute_taker);
  _quorum_bind_text (stmt, 7, spec->case_ref);
  _quorum_bind_text (stmt, 8, profile->id);
  _quorum_bind_text (stmt, 9, now);
  _quorum_bind_text (stmt, 10, quorum_store_get_actor (self));
  if (!_quorum_store_exec_insert (self, stmt, &id, error))
    return 0;

  summary = g_strdup_printf ("conference %" G_GINT64_FORMAT " created", id);
  if (!_quorum_store_audit (self, "insert", "conference", id, id, summary, error))
    return 0;
  _quorum_store_tell_conference_added (self, id);

  stmt = _quorum_store_prepare (self,
                                "INSERT INTO conference_profile (conference_id, profile, data) VALUES (?, ?, ?) "
                                "RETURNING id",
                                error);
  if (stmt == NULL)
    return 0;
  quorum_db_bind_int64 (stmt, 1, id);
  _quorum_bind_text (stmt, 2, profile->id);
  _quorum_bind_text (stmt, 3, profile->source);
  if (!_quorum_store_exec_insert (self, stmt, &profile_row, error) ||
      !_quorum_store_audit (self, "insert", "conference_profile", profile_row, id,
                            "policy profile frozen with the conference", error))
    return 0;

  for (guint i = 0; spec->children[i] != NULL; i++)
    {
      g_autofree char *child_summary = NULL;
      g_autofree char *name = g_strstrip (g_strdup (spec->children[i]));
      gint64 child_id;

      stmt = _quorum_store_prepare (self,
                        "INSERT INTO child (conference_id, position, name) VALUES (?, ?, ?) RETURNING id", error);
      if (stmt == NULL)
        return 0;
      quorum_db_bind_int64 (stmt, 1, id);
      quorum_db_bind_int64 (stmt, 2, i);
      _quorum_bind_text (stmt, 3, name);
      if (!_quorum_store_exec_insert (self, stmt, &child_id, error))
        return 0;
      child_summary = g_strdup_printf ("child %" G_GINT64_FORMAT " added", child_id);
      if (!_quorum_store_audit (self, "insert", "child", child_id, id, child_summary, error))
        return 0;
    }

  return id;
}

static gint64
create_conference_once (QuorumStore                *self,
                        const QuorumConferenceSpec *spec,
                        GError                    **error)
{
  g_autoptr(QuorumProfile) profile = NULL;
  gint64 id;

  g_return_val_if_fail (QUORUM_IS_STORE (self), 0);
  g_return_val_if_fail (spec != NULL, 0);

  if (!g_date_valid (&spec->date))
    {
      g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                           _("The conference needs a date (YYYY-MM-DD)"));
      return 0;
    }
  if (!quorum_check_text (spec->chair, _("The chair's name"), TRUE, QUORUM_MAX_NAME, error) ||
      !check_time (spec->time, error) ||
      !quorum_check_text (spec->venue, _("The venue"), FALSE, QUORUM_MAX_NAME, error) ||
      !quorum_check_text (spec->minute_taker, _("The minute-taker's name"), FALSE, QUORUM_MAX_NAME, error) ||
      !quorum_check_text (spec->case_ref, _("The case reference"), FALSE, QUORUM_MAX_NAME, error))
    return 0;
  if (spec->children == NULL || spec->children[0] == NULL)
    {
      g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                           _("A conference is about at least one child: name one"));
      return 0;
    }
  for (guint i = 0; spec->children[i] != NULL; i++)
    if (!quorum_check_text (spec->children[i], _("A child's name"), TRUE, QUORUM_MAX_NAME, error))
      return 0;
  if ((unsigned)spec->kind >= QUORUM_N_KINDS)
    {
      g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_INVALID, _("Unknown kind of conference"));
      return 0;
    }

  profile = quorum_profiles_lookup (spec->profile_id ? spec->profile_id : quorum_profiles_default_id (), error);
  if (profile == NULL)
    return 0;

  if (!_quorum_store_begin (self, error))
    return 0;
  id = _quorum_store_insert_conference (self, spec, profile, error);
  if (id == 0 || !_quorum_store_commit (self, error))
    {
      _quorum_store_rollback (self);
      return 0;
    }
  return id;
}

gint64
quorum_store_create_conference (QuorumStore                *self,
                                const QuorumConferenceSpec *spec,
                                GError                    **error)
{
  _QUORUM_STORE_RETRYING (self, error, gint64, create_conference_once (self, spec, &retry_error));
}

static gint64
add_attendee_once (QuorumStore              *self,
                   gint64                    conference_id,
                   const QuorumAttendeeSpec *spec,
                   GError                  **error)
{
  g_autoptr(QuorumConference) conference = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *name = NULL;
  g_autofree char *agency = NULL;
  g_autofree char *group = NULL;
  g_autofree char *now = quorum_timestamp_now ();
  QuorumDbStmt *stmt;
  gint64 id;

  g_return_val_if_fail (QUORUM_IS_STORE (self), 0);

  if (!quorum_check_text (spec->name, _("The attendee's name"), TRUE, QUORUM_MAX_NAME, error) ||
      !quorum_check_text (spec->agency, _("The agency"), TRUE, QUORUM_MAX_NAME, error) ||
      !quorum_check_text (spec->line_management, _("The line-management structure"), TRUE, QUORUM_MAX_NAME, error) ||
      !quorum_check_text (spec->role, _("The role"), FALSE, QUORUM_MAX_NAME, error))
    return 0;

  name = g_strstrip (g_strdup (spec->name));
  agency = g_strstrip (g_strdup (spec->agency));
  group = g_strstrip (g_strdup (spec->line_management));

  if (spec->arrived_at != NULL &&
      (!check_time (spec->arrived_at, error)))
    return 0;
  if (spec->arrived_at != NULL && spec->attendance != QUORUM_ATTENDANCE_PRESENT)
    {
      g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                           _("Someone who arrived is present: an arrival time goes with no apologies or written report"));
      return 0;
    }

  if (!_quorum_store_begin (self, error))
    return 0;

  conference = load_for_change (self, conference_id, error);
  if (conference == NULL)
    goto fail;
  /* As `attendee arrive`: not before the start, not later than now on the day the conference
   * sits, and not before a decision already taken without them (trial 9, D1). */
  if (spec->arrived_at != NULL && !quorum_check_new_arrival (conference, name, spec->arrived_at, error))
    goto fail;

  /* A structure already in the conference keeps its first spelling, so one group stays one group. */
  for (guint i = 0; i < conference->attendees->len; i++)
    {
      QuorumAttendee *a = g_ptr_array_index (conference->attendees, i);

      if (quorum_group_equal (a->line_management, group))
        {
          g_free (group);
          group = g_strdup (a->line_management);
          break;
        }
    }

  stmt = _quorum_store_prepare (self,
                                "INSERT INTO attendee (conference_id, name, role, agency, line_management, "
                                "voting, attendance, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", error);
  if (stmt == NULL)
    goto fail;
  quorum_db_bind_int64 (stmt, 1, conference_id);
  _quorum_bind_text (stmt, 2, name);
  _quorum_bind_text (stmt, 3, spec->role && *spec->role ? spec->role : NULL);
  _quorum_bind_text (stmt, 4, agency);
  _quorum_bind_text (stmt, 5, group);
  quorum_db_bind_int64 (stmt, 6, spec->voting ? 1 : 0);
  _quorum_bind_text (stmt, 7, quorum_attendance_to_string (spec->attendance));
  _quorum_bind_text (stmt, 8, now);
  if (!_quorum_store_exec_insert (self, stmt, &id, error))
    goto fail;

  summary = g_strdup_printf ("attendee %" G_GINT64_FORMAT " (%s) added", id, group);
  if (!_quorum_store_audit (self, "insert", "attendee", id, conference_id, summary, error))
    goto fail;
  if (spec->arrived_at != NULL &&
      !_quorum_store_insert_attendance_event (self, conference_id, id, "arrived", spec->arrived_at, error))
    goto fail;
  if (!_quorum_store_commit (self, error))
    goto fail;
  return id;

fail:
  _quorum_store_rollback (self);
  return 0;
}

gint64
quorum_store_add_attendee (QuorumStore              *self,
                           gint64                    conference_id,
                           const QuorumAttendeeSpec *spec,
                           GError                  **error)
{
  _QUORUM_STORE_RETRYING (self, error, gint64, add_attendee_once (self, conference_id, spec, &retry_error));
}

static gboolean
update_attendee_once (QuorumStore              *self,
                      gint64                    attendee_id,
                      const QuorumAttendeeSpec *spec,
                      GError                  **error)
{
  g_autoptr(QuorumConference) conference = NULL;
  g_autofree char *name = NULL;
  g_autofree char *agency = NULL;
  g_autofree char *group = NULL;
  g_autofree char *summary = NULL;
  QuorumDbStmt *stmt;
  gint64 conference_id = 0;
  int rc;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);

  if (!quorum_check_text (spec->name, _("The attendee's name"), TRUE, QUORUM_MAX_NAME, error) ||
      !quorum_check_text (spec->agency, _("The agency"), TRUE, QUORUM_MAX_NAME, error) ||
      !quorum_check_text (spec->line_management, _("The line-management structure"), TRUE, QUORUM_MAX_NAME, error) ||
      !quorum_check_text (spec->role, _("The role"), FALSE, QUORUM_MAX_NAME, error))
    return FALSE;

  name = g_strstrip (g_strdup (spec->name));
  agency = g_strstrip (g_strdup (spec->agency));
  group = g_strstrip (g_strdup (spec->line_management));

  /* An arrival given with the correction: as when adding, present from that time. */
  if (spec->arrived_at != NULL && !check_time (spec->arrived_at, error))
    return FALSE;
  if (spec->arrived_at != NULL && spec->attendance != QUORUM_ATTENDANCE_PRESENT)
    {
      g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                           _("Someone who arrived is present: an arrival time goes with no apologies or written report"));
      return FALSE;
    }

  if (!_quorum_store_begin (self, error))
    return FALSE;

  stmt = _quorum_store_prepare (self, "SELECT conference_id FROM attendee WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  quorum_db_bind_int64 (stmt, 1, attendee_id);
  rc = quorum_db_step (stmt, NULL);
  if (rc == QUORUM_DB_ROW)
    conference_id = quorum_db_column_int64 (stmt, 0);
  else if (rc != QUORUM_DB_DONE)
    {
      _quorum_store_fail (self, error);
      quorum_db_reset (stmt);
      goto fail;
    }
  quorum_db_reset (stmt);
  if (conference_id == 0)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_NOT_FOUND,
                   _("There is no attendee %lld"), (long long) attendee_id);
      goto fail;
    }

  conference = load_for_change (self, conference_id, error);
  if (conference == NULL)
    goto fail;
  /* The rules of `attendee arrive` (not twice, not after leaving, not before the start), judged
   * on the record as it was before the correction. */
  if (spec->arrived_at != NULL && !quorum_check_arrival (conference, attendee_id, spec->arrived_at, error))
    goto fail;

  /* Leaving is a time on the timeline, not apologies: once the conference has begun to reach
   * its decisions, someone who was there stays recorded as there. */
  {
    QuorumAttendee *before = quorum_conference_find_attendee (conference, attendee_id);

    if (before != NULL && before->attendance == QUORUM_ATTENDANCE_PRESENT &&
        spec->attendance != QUORUM_ATTENDANCE_PRESENT &&
        (conference->attempts->len > 0 || conference->votes->len > 0 || before->arrived_at != NULL))
      {
        g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                     _("%s was present: to record that they left, record the time they left "
                       "(apologies are for those who did not come)"), before->name);
        goto fail;
      }
  }

  /* As when adding: a structure already in the conference keeps its first spelling. */
  for (guint i = 0; i < conference->attendees->len; i++)
    {
      QuorumAttendee *a = g_ptr_array_index (conference->attendees, i);

      if (a->id != attendee_id && quorum_group_equal (a->line_management, group))
        {
          g_free (group);
          group = g_strdup (a->line_management);
          break;
        }
    }

  stmt = _quorum_store_prepare (self,
                                "UPDATE attendee SET name = ?, role = ?, agency = ?, line_management = ?, "
                                "voting = ?, attendance = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  _quorum_bind_text (stmt, 1, name);
  _quorum_bind_text (stmt, 2, spec->role && *spec->role ? spec->role : NULL);
  _quorum_bind_text (stmt, 3, agency);
  _quorum_bind_text (stmt, 4, group);
  quorum_db_bind_int64 (stmt, 5, spec->voting ? 1 : 0);
  _quorum_bind_text (stmt, 6, quorum_attendance_to_string (spec->attendance));
  quorum_db_bind_int64 (stmt, 7, attendee_id);
  if (!_quorum_store_exec_stmt (self, stmt, error))
    goto fail;

  summary = g_strdup_printf ("attendee %" G_GINT64_FORMAT " corrected", attendee_id);
  if (!_quorum_store_audit (self, "update", "attendee", attendee_id, conference_id, summary, error))
    goto fail;
  if (spec->arrived_at != NULL &&
      !_quorum_store_insert_attendance_event (self, conference_id, attendee_id, "arrived", spec->arrived_at, error))
    goto fail;
  if (!_quorum_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  _quorum_store_rollback (self);
  return FALSE;
}

gboolean
quorum_store_update_attendee (QuorumStore              *self,
                              gint64                    attendee_id,
                              const QuorumAttendeeSpec *spec,
                              GError                  **error)
{
  _QUORUM_STORE_RETRYING (self, error, gboolean, update_attendee_once (self, attendee_id, spec, &retry_error));
}

static gint64
add_attempt_once (QuorumStore             *self,
                  gint64                   conference_id,
                  const QuorumAttemptSpec *spec,
                  GError                 **error)
{
  g_autoptr(QuorumConference) conference = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *categories = NULL;
  g_autofree char *now = quorum_timestamp_now ();
  QuorumDbStmt *stmt;
  int round = 1;
  gint64 id;

  g_return_val_if_fail (QUORUM_IS_STORE (self), 0);

  if (!quorum_check_text (spec->summary, _("The summary of the discussion"), TRUE, QUORUM_MAX_TEXT, error) ||
      !quorum_check_text (spec->proposal, _("The proposal"), FALSE, QUORUM_MAX_TEXT, error) ||
      !quorum_check_text (spec->views, _("The views held"), FALSE, QUORUM_MAX_TEXT, error))
    return 0;
  if (!quorum_check_attempt_outcome (spec->agreed, spec->categories, error))
    return 0;

  if (!_quorum_store_begin (self, error))
    return 0;

  conference = load_for_change (self, conference_id, error);
  if (conference == NULL || !quorum_conference_check_sitting (conference, error))
    goto fail;
  if (quorum_conference_find_child (conference, spec->child_id) == NULL)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_NOT_FOUND,
                   _("Conference %lld has no child %lld"),
                   (long long) conference_id, (long long) spec->child_id);
      goto fail;
    }
  if (quorum_conference_find_decision (conference, spec->child_id) != NULL)
    {
      g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                           _("This child's decision has been taken: no further consensus attempt is recorded"));
      goto fail;
    }
  if (!quorum_check_attempt (conference, error))
    goto fail;
  for (guint i = 0; i < conference->attempts->len; i++)
    {
      QuorumAttempt *a = g_ptr_array_index (conference->attempts, i);
      if (a->child_id == spec->child_id && a->round >= round)
        round = a->round + 1;
    }

  categories = quorum_categories_to_string (spec->categories);
  stmt = _quorum_store_prepare (self,
                                "INSERT INTO attempt (conference_id, child_id, round, proposal, summary, "
                                "views, agreed, categories, recorded_at, recorded_by) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", error);
  if (stmt == NULL)
    goto fail;
  quorum_db_bind_int64 (stmt, 1, conference_id);
  quorum_db_bind_int64 (stmt, 2, spec->child_id);
  quorum_db_bind_int64 (stmt, 3, round);
  _quorum_bind_text (stmt, 4, spec->proposal);
  _quorum_bind_text (stmt, 5, spec->summary);
  _quorum_bind_text (stmt, 6, spec->views);
  _quorum_bind_text (stmt, 7, quorum_view_to_string (spec->agreed));
  _quorum_bind_text (stmt, 8, categories);
  _quorum_bind_text (stmt, 9, now);
  _quorum_bind_text (stmt, 10, quorum_store_get_actor (self));
  if (!_quorum_store_exec_insert (self, stmt, &id, error))
    goto fail;

  summary = g_strdup_printf ("consensus attempt %d for child %" G_GINT64_FORMAT ": %s",
                             round, spec->child_id, quorum_view_to_string (spec->agreed));
  if (!_quorum_store_audit (self, "insert", "attempt", id, conference_id, summary, error))
    goto fail;

  /* DOMAIN "Reaching a decision" 6: a view given before this attempt is superseded by it; it
   * stays in the history, as it stood, and no longer counts. */
  for (guint i = 0; i < conference->votes->len; i++)
    {
      QuorumVote *v = g_ptr_array_index (conference->votes, i);
      g_autofree char *vcat = NULL;
      g_autofree char *vsummary = NULL;
      gint64 sid;

      if (v->child_id != spec->child_id || v->superseded)
        continue;
      vcat = quorum_categories_to_string (v->categories);
      stmt = _quorum_store_prepare (self,
                        "INSERT INTO superseded_view (conference_id, child_id, vote_id, attempt_id, "
                        "grp, view, categories, reason, given_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                                    error);
      if (stmt == NULL)
        goto fail;
      quorum_db_bind_int64 (stmt, 1, conference_id);
      quorum_db_bind_int64 (stmt, 2, spec->child_id);
      quorum_db_bind_int64 (stmt, 3, v->id);
      quorum_db_bind_int64 (stmt, 4, id);
      _quorum_bind_text (stmt, 5, v->group);
      _quorum_bind_text (stmt, 6, quorum_view_to_string (v->view));
      _quorum_bind_text (stmt, 7, vcat);
      _quorum_bind_text (stmt, 8, v->reason);
      _quorum_bind_text (stmt, 9, v->recorded_at);
      if (!_quorum_store_exec_insert (self, stmt, &sid, error))
        goto fail;
      vsummary = g_strdup_printf ("view of %s for child %" G_GINT64_FORMAT " superseded by consensus attempt %d",
                                  v->group, spec->child_id, round);
      if (!_quorum_store_audit (self, "insert", "superseded_view", sid, conference_id, vsummary, error))
        goto fail;
    }

  if (!_quorum_store_commit (self, error))
    goto fail;
  return id;

fail:
  _quorum_store_rollback (self);
  return 0;
}

gint64
quorum_store_add_attempt (QuorumStore             *self,
                          gint64                   conference_id,
                          const QuorumAttemptSpec *spec,
                          GError                 **error)
{
  _QUORUM_STORE_RETRYING (self, error, gint64, add_attempt_once (self, conference_id, spec, &retry_error));
}

/* The audit entry's summary of a group's view given again, saying what changed: "replaced its
 * view … (was …)" only when the view itself did. A reason edited under the same view was once
 * logged as "replaced its view: plan (was plan)", which told a reader of the log nothing. */
static char *
vote_change_summary (const char           *group,
                     const QuorumVoteSpec *spec,
                     const QuorumVote     *previous)
{
  const char *reason = spec->reason && *spec->reason ? spec->reason : NULL;
  const char *changes[3];
  guint n = 0;

  if (spec->view != previous->view)
    return g_strdup_printf ("%s replaced its view for child %" G_GINT64_FORMAT ": %s (was %s)%s", group,
                            spec->child_id, quorum_view_to_string (spec->view),
                            quorum_view_to_string (previous->view),
                            /* The old view's reason stays in the entry that recorded it. */
                            previous->reason != NULL && *previous->reason != '\0' && reason == NULL
                              ? "; its reason for the old view not carried over" : "");

  if (g_strcmp0 (reason, previous->reason) != 0)
    changes[n++] = "its reason";
  if (spec->view == QUORUM_VIEW_PLAN && spec->categories != previous->categories)
    changes[n++] = "its categories";
  if (!spec->members_disagreed != !previous->members_disagreed)
    changes[n++] = "whether its representatives agreed";

  if (n == 0)
    return g_strdup_printf ("%s gave the same view again for child %" G_GINT64_FORMAT ": %s", group,
                            spec->child_id, quorum_view_to_string (spec->view));

  return g_strdup_printf ("%s kept its view for child %" G_GINT64_FORMAT " (%s) and changed %s%s%s%s%s",
                          group, spec->child_id, quorum_view_to_string (spec->view), changes[0],
                          n == 3 ? ", " : n == 2 ? " and " : "", n > 1 ? changes[1] : "",
                          n == 3 ? " and " : "", n == 3 ? changes[2] : "");
}

static gint64
record_vote_once (QuorumStore          *self,
                  gint64                conference_id,
                  const QuorumVoteSpec *spec,
                  GError              **error)
{
  g_autoptr(QuorumConference) conference = NULL;
  g_auto(GStrv) groups = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *categories = NULL;
  g_autofree char *key = NULL;
  g_autofree char *now = quorum_timestamp_now ();
  const char *group = NULL;
  QuorumVote *previous;
  QuorumDbStmt *stmt;
  QuorumDbStmt *row = NULL;
  gint64 id;

  g_return_val_if_fail (QUORUM_IS_STORE (self), 0);

  if (!quorum_check_text (spec->group, _("The line-management group"), TRUE, QUORUM_MAX_NAME, error) ||
      !quorum_check_text (spec->reason, _("The group's reasons"), FALSE, QUORUM_MAX_TEXT, error))
    return 0;

  if (!_quorum_store_begin (self, error))
    return 0;

  conference = load_for_vote (self, conference_id, spec->child_id, error);
  if (conference == NULL || !quorum_conference_check_sitting (conference, error))
    goto fail;
  if (!quorum_check_vote (conference, spec->child_id, spec->group, spec->view,
                          spec->categories, spec->reason, NULL))
    {
      /* Refused: worded by the conference's rule where it says (no vote under chair-decides),
       * its profile read only then, so that a view costs no statement or trip more
       * (test_vote_round_trips). */
      if (quorum_check_vote_worded_by_rule (conference, spec->child_id))
        conference->rule = _quorum_store_conference_rule (self, conference_id);
      quorum_check_vote (conference, spec->child_id, spec->group, spec->view,
                         spec->categories, spec->reason, error);
      goto fail;
    }

  /* The group as the attendees spell it: one structure, one view. */
  groups = quorum_conference_list_groups (conference);
  for (guint i = 0; groups[i] != NULL; i++)
    if (quorum_group_equal (groups[i], spec->group))
      group = groups[i];
  if (group == NULL)
    group = spec->group;
  key = quorum_group_normalize (group);
  categories = quorum_categories_to_string (spec->categories);

  previous = quorum_conference_find_vote (conference, spec->child_id, group);
  if (previous != NULL &&
      !quorum_check_view_change (group, previous->view, previous->reason, spec->view, spec->reason,
                                 !spec->reason_may_be_old, error))
    goto fail;
  if (previous != NULL)
    {
      stmt = _quorum_store_prepare (self,
                        "UPDATE vote SET view = ?, categories = ?, reason = ?, "
                        "members_disagreed = ?, recorded_at = ?, recorded_by = ? WHERE id = ?",
                                    error);
      if (stmt == NULL)
        goto fail;
      quorum_db_bind_int64 (stmt, 7, previous->id);
      id = previous->id;
      /* The row as it then stands, for the audit entry: read after the write, in its round trip. */
      row = _quorum_store_prepare_row (self, "vote", "id = ?", error);
      if (row == NULL)
        goto fail;
      quorum_db_bind_int64 (row, 1, previous->id);
    }
  else
    {
      stmt = _quorum_store_prepare (self,
                        "INSERT INTO vote (view, categories, reason, members_disagreed, "
                        "recorded_at, recorded_by, conference_id, child_id, grp, grp_key) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", error);
      if (stmt == NULL)
        goto fail;
      quorum_db_bind_int64 (stmt, 7, conference_id);
      quorum_db_bind_int64 (stmt, 8, spec->child_id);
      _quorum_bind_text (stmt, 9, group);
      _quorum_bind_text (stmt, 10, key);
      id = 0;
      /* The new row by its unique key (one view per group and child): its id is not known
       * until the insert answers, and the read goes with the insert. */
      row = _quorum_store_prepare_row (self, "vote", "child_id = ? AND grp_key = ?", error);
      if (row == NULL)
        goto fail;
      quorum_db_bind_int64 (row, 1, spec->child_id);
      _quorum_bind_text (row, 2, key);
    }
  _quorum_bind_text (stmt, 1, quorum_view_to_string (spec->view));
  _quorum_bind_text (stmt, 2, categories);
  _quorum_bind_text (stmt, 3, spec->reason && *spec->reason ? spec->reason : NULL);
  quorum_db_bind_int64 (stmt, 4, spec->members_disagreed ? 1 : 0);
  _quorum_bind_text (stmt, 5, now);
  _quorum_bind_text (stmt, 6, quorum_store_get_actor (self));
  /* The write, then the row read back: sent together (PostgreSQL: one round trip). */
  if (!quorum_db_send (stmt, NULL) || !quorum_db_send (row, NULL))
    {
      _quorum_store_fail (self, error);
      goto fail;
    }
  if (!_quorum_store_exec_insert (self, stmt, &id, error))
    goto fail;

  summary = previous != NULL
    ? vote_change_summary (group, spec, previous)
    : g_strdup_printf ("%s gave its view for child %" G_GINT64_FORMAT ": %s", group,
                       spec->child_id, quorum_view_to_string (spec->view));
  if (!_quorum_store_audit_row (self, previous ? "update" : "insert", "vote", id, conference_id,
                                summary, row, error) ||
      !_quorum_store_commit (self, error))
    goto fail;
  return id;

fail:
  _quorum_store_rollback (self);
  return 0;
}

gint64
quorum_store_record_vote (QuorumStore          *self,
                          gint64                conference_id,
                          const QuorumVoteSpec *spec,
                          GError              **error)
{
  _QUORUM_STORE_RETRYING (self, error, gint64, record_vote_once (self, conference_id, spec, &retry_error));
}

static gboolean
proceed_inquorate_once (QuorumStore  *self,
                        gint64        conference_id,
                        const char   *reason,
                        GError      **error)
{
  g_autoptr(QuorumConference) conference = NULL;
  QuorumDbStmt *stmt;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);

  if (!quorum_check_text (reason, _("The reason the conference proceeds"), TRUE, QUORUM_MAX_TEXT, error))
    return FALSE;
  if (!_quorum_store_begin (self, error))
    return FALSE;
  conference = load_for_change (self, conference_id, error);
  /* Whether it proceeds though inquorate is decided by who is there on the day it sits. */
  if (conference == NULL || !quorum_conference_check_sitting (conference, error))
    goto fail;

  stmt = _quorum_store_prepare (self, "UPDATE conference SET inquorate_reason = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  _quorum_bind_text (stmt, 1, reason);
  quorum_db_bind_int64 (stmt, 2, conference_id);
  if (!_quorum_store_exec_stmt (self, stmt, error) ||
      !_quorum_store_audit (self, "update", "conference", conference_id, conference_id,
                            "proceeds though inquorate", error) ||
      !_quorum_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  _quorum_store_rollback (self);
  return FALSE;
}

gboolean
quorum_store_proceed_inquorate (QuorumStore  *self,
                                gint64        conference_id,
                                const char   *reason,
                                GError      **error)
{
  _QUORUM_STORE_RETRYING (self, error, gboolean, proceed_inquorate_once (self, conference_id, reason, &retry_error));
}

static gboolean
insert_decision (QuorumStore          *self,
                 QuorumConference     *conference,
                 const QuorumOutcome  *outcome,
                 const char           *reason,
                 gint64               *plan_id,
                 gint64               *referral_id,
                 GError              **error)
{
  g_autofree char *categories = quorum_categories_to_string (outcome->categories);
  g_autofree char *now = quorum_timestamp_now ();
  g_autofree char *summary = NULL;
  QuorumDbStmt *stmt;
  gint64 decision_id;

  stmt = _quorum_store_prepare (self,
                                "INSERT INTO decision (conference_id, child_id, outcome, basis, categories, "
                                "n_plan, n_no_plan, n_declined, decided_at, decided_by, reason) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", error);
  if (stmt == NULL)
    return FALSE;
  quorum_db_bind_int64 (stmt, 1, conference->id);
  quorum_db_bind_int64 (stmt, 2, outcome->child_id);
  _quorum_bind_text (stmt, 3, quorum_view_to_string (outcome->outcome));
  _quorum_bind_text (stmt, 4, quorum_basis_to_string (outcome->basis));
  _quorum_bind_text (stmt, 5, categories);
  quorum_db_bind_int64 (stmt, 6, outcome->n_plan);
  quorum_db_bind_int64 (stmt, 7, outcome->n_no_plan);
  quorum_db_bind_int64 (stmt, 8, outcome->n_declined);
  _quorum_bind_text (stmt, 9, now);
  /* The signer here; a shared database's server names its own user (docs/notes/pgactor.md). */
  _quorum_bind_text (stmt, 10, quorum_store_get_actor (self));
  /* Only a chair's decision carries the chair's reasons (quorum_check_decision_reason). */
  _quorum_bind_text (stmt, 11, outcome->basis == QUORUM_BASIS_CHAIR ? reason : NULL);
  if (!_quorum_store_exec_insert (self, stmt, &decision_id, error))
    return FALSE;
  summary = g_strdup_printf ("decision for child %" G_GINT64_FORMAT ": %s by %s (%d plan, %d no plan, %d declined)%s",
                             outcome->child_id, quorum_view_to_string (outcome->outcome),
                             quorum_basis_to_string (outcome->basis),
                             outcome->n_plan, outcome->n_no_plan, outcome->n_declined,
                             outcome->basis == QUORUM_BASIS_CHAIR ? ", with the chair's reasons" : "");
  if (!_quorum_store_audit (self, "insert", "decision", decision_id, conference->id, summary, error))
    return FALSE;

  /* Who was there for this decision: everyone who had come, in the room or left before it. */
  for (guint i = 0; i < conference->attendees->len; i++)
    {
      QuorumAttendee *a = g_ptr_array_index (conference->attendees, i);
      gint64 presence_id;

      if (a->attendance != QUORUM_ATTENDANCE_PRESENT)
        continue;
      stmt = _quorum_store_prepare (self,
                        "INSERT INTO decision_presence (conference_id, decision_id, attendee_id, status) "
                        "VALUES (?, ?, ?, ?) RETURNING id", error);
      if (stmt == NULL)
        return FALSE;
      quorum_db_bind_int64 (stmt, 1, conference->id);
      quorum_db_bind_int64 (stmt, 2, decision_id);
      quorum_db_bind_int64 (stmt, 3, a->id);
      _quorum_bind_text (stmt, 4, a->left_at != NULL ? "left" : "present");
      if (!_quorum_store_exec_insert (self, stmt, &presence_id, error))
        return FALSE;
      if (!_quorum_store_audit (self, "insert", "decision_presence", presence_id, conference->id,
                                a->left_at != NULL ? "had left before the decision" : "present for the decision",
                                error))
        return FALSE;
    }

  for (guint i = 0; i < outcome->dissent->len; i++)
    {
      QuorumDissent *d = g_ptr_array_index (outcome->dissent, i);
      g_autofree char *reps = g_strjoinv ("\n", d->representatives);
      g_autofree char *dcat = quorum_categories_to_string (d->categories);
      g_autofree char *dsummary = NULL;
      gint64 dissent_id;

      stmt = _quorum_store_prepare (self,
                        "INSERT INTO dissent (conference_id, decision_id, position, grp, view, "
                        "categories, representatives, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                                    error);
      if (stmt == NULL)
        return FALSE;
      quorum_db_bind_int64 (stmt, 1, conference->id);
      quorum_db_bind_int64 (stmt, 2, decision_id);
      quorum_db_bind_int64 (stmt, 3, i);
      _quorum_bind_text (stmt, 4, d->group);
      _quorum_bind_text (stmt, 5, quorum_view_to_string (d->view));
      _quorum_bind_text (stmt, 6, dcat);
      _quorum_bind_text (stmt, 7, reps);
      _quorum_bind_text (stmt, 8, d->reason);
      if (!_quorum_store_exec_insert (self, stmt, &dissent_id, error))
        return FALSE;
      dsummary = g_strdup_printf ("dissent of %s recorded", d->group);
      if (!_quorum_store_audit (self, "insert", "dissent", dissent_id, conference->id, dsummary, error))
        return FALSE;
    }

  if (outcome->creates_plan)
    {
      stmt = _quorum_store_prepare (self,
                        "INSERT INTO plan (conference_id, child_id, start, from_split, categories) "
                        "VALUES (?, ?, ?, ?, ?) RETURNING id", error);
      if (stmt == NULL)
        return FALSE;
      quorum_db_bind_int64 (stmt, 1, conference->id);
      quorum_db_bind_int64 (stmt, 2, outcome->child_id);
      _quorum_bind_date (stmt, 3, &outcome->plan_start);
      quorum_db_bind_int64 (stmt, 4, outcome->plan_from_split ? 1 : 0);
      _quorum_bind_text (stmt, 5, categories);
      if (!_quorum_store_exec_insert (self, stmt, plan_id, error))
        return FALSE;
      if (!_quorum_store_audit (self, "insert", "plan", *plan_id, conference->id,
                                outcome->plan_from_split ? "child protection plan from a split decision"
                                                         : "child protection plan", error))
        return FALSE;
    }

  if (outcome->creates_referral)
    {
      g_autofree char *due = quorum_date_to_string (&outcome->referral_due);
      g_autofree char *rsummary = g_strdup_printf ("referral to the Head of Service, due %s", due);

      stmt = _quorum_store_prepare (self,
                        "INSERT INTO referral (conference_id, child_id, due) VALUES (?, ?, ?) RETURNING id", error);
      if (stmt == NULL)
        return FALSE;
      quorum_db_bind_int64 (stmt, 1, conference->id);
      quorum_db_bind_int64 (stmt, 2, outcome->child_id);
      _quorum_bind_date (stmt, 3, &outcome->referral_due);
      if (!_quorum_store_exec_insert (self, stmt, referral_id, error))
        return FALSE;
      if (!_quorum_store_audit (self, "insert", "referral", *referral_id, conference->id, rsummary, error))
        return FALSE;
    }

  return TRUE;
}

static QuorumOutcome *
decide_once (QuorumStore          *self,
             gint64                conference_id,
             gint64                child_id,
             QuorumView            chair_view,
             guint                 chair_categories,
             const char           *reason,
             gboolean              write,
             const QuorumOutcome  *previewed,
             gint64               *plan_id,
             gint64               *referral_id,
             GError              **error)
{
  g_autoptr(QuorumConference) conference = NULL;
  g_autoptr(QuorumProfile) profile = NULL;
  g_autoptr(QuorumCalendar) calendar = NULL;
  g_autoptr(QuorumOutcome) outcome = NULL;
  gint64 plan = 0;
  gint64 referral = 0;

  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);

  if (!_quorum_store_begin (self, error))
    return NULL;

  conference = load_for_change (self, conference_id, error);
  if (conference == NULL || !quorum_conference_check_sitting (conference, error))
    goto fail;
  profile = quorum_store_get_conference_profile (self, conference_id, error);
  if (profile == NULL)
    goto fail;
  calendar = quorum_store_get_calendar (self, profile->region, error);
  if (calendar == NULL)
    goto fail;

  outcome = quorum_decide (conference, profile, calendar, child_id, chair_view, chair_categories, error);
  if (outcome == NULL)
    goto fail;

  if (previewed != NULL && !quorum_outcome_equal (outcome, previewed))
    {
      g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                           _("The record changed after the decision was shown: nothing was recorded. "
                             "Look at the decision again"));
      goto fail;
    }

  if (!write)
    {
      _quorum_store_rollback (self);
      return g_steal_pointer (&outcome);
    }

  /* The chair's reasons with the chair's decision, and with no other (002 §4.1). */
  if (!quorum_check_decision_reason (outcome, quorum_conference_find_child (conference, child_id)->name,
                                     reason, error))
    goto fail;

  if (!insert_decision (self, conference, outcome, reason, &plan, &referral, error) ||
      !_quorum_store_commit (self, error))
    goto fail;

  if (plan_id != NULL)
    *plan_id = plan;
  if (referral_id != NULL)
    *referral_id = referral;
  return g_steal_pointer (&outcome);

fail:
  _quorum_store_rollback (self);
  return NULL;
}

static QuorumOutcome *
decide (QuorumStore          *self,
        gint64                conference_id,
        gint64                child_id,
        QuorumView            chair_view,
        guint                 chair_categories,
        const char           *reason,
        gboolean              write,
        const QuorumOutcome  *previewed,
        gint64               *plan_id,
        gint64               *referral_id,
        GError              **error)
{
  _QUORUM_STORE_RETRYING (self, error, QuorumOutcome *, decide_once (self, conference_id, child_id, chair_view, chair_categories, reason, write, previewed, plan_id, referral_id, &retry_error));
}

QuorumOutcome *
quorum_store_decide (QuorumStore  *self,
                     gint64        conference_id,
                     gint64        child_id,
                     QuorumView    chair_view,
                     guint         chair_categories,
                     gint64       *plan_id,
                     gint64       *referral_id,
                     GError      **error)
{
  return decide (self, conference_id, child_id, chair_view, chair_categories, NULL,
                 TRUE, NULL, plan_id, referral_id, error);
}

QuorumOutcome *
quorum_store_decide_with_reason (QuorumStore  *self,
                                 gint64        conference_id,
                                 gint64        child_id,
                                 QuorumView    chair_view,
                                 guint         chair_categories,
                                 const char   *reason,
                                 gint64       *plan_id,
                                 gint64       *referral_id,
                                 GError      **error)
{
  return decide (self, conference_id, child_id, chair_view, chair_categories, reason,
                 TRUE, NULL, plan_id, referral_id, error);
}

QuorumOutcome *
quorum_store_preview_decision (QuorumStore  *self,
                               gint64        conference_id,
                               gint64        child_id,
                               QuorumView    chair_view,
                               guint         chair_categories,
                               GError      **error)
{
  return decide (self, conference_id, child_id, chair_view, chair_categories, NULL,
                 FALSE, NULL, NULL, NULL, error);
}

QuorumOutcome *
quorum_store_decide_previewed (QuorumStore         *self,
                               gint64               conference_id,
                               gint64               child_id,
                               QuorumView           chair_view,
                               guint                chair_categories,
                               const char          *reason,
                               const QuorumOutcome *previewed,
                               gint64              *plan_id,
                               gint64              *referral_id,
                               GError             **error)
{
  g_return_val_if_fail (previewed != NULL, NULL);

  return decide (self, conference_id, child_id, chair_view, chair_categories, reason,
                 TRUE, previewed, plan_id, referral_id, error);
}

static gboolean
finalise_once (QuorumStore  *self,
               gint64        conference_id,
               GError      **error)
{
  g_autoptr(QuorumConference) conference = NULL;
  g_autofree char *now = quorum_timestamp_now ();
  QuorumDbStmt *stmt;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);

  if (!_quorum_store_begin (self, error))
    return FALSE;
  conference = load_for_change (self, conference_id, error);
  if (conference == NULL)
    goto fail;

  for (guint i = 0; i < conference->children->len; i++)
    {
      QuorumChild *child = g_ptr_array_index (conference->children, i);

      if (quorum_conference_find_decision (conference, child->id) == NULL)
        {
          g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                       _("%s (child %lld) has no decision yet: decide for every child "
                         "before signing off"), child->name, (long long) child->id);
          goto fail;
        }
    }

  stmt = _quorum_store_prepare (self,
                                "UPDATE conference SET finalised_at = ?, finalised_by = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  _quorum_bind_text (stmt, 1, now);
  _quorum_bind_text (stmt, 2, quorum_store_get_actor (self));
  quorum_db_bind_int64 (stmt, 3, conference_id);
  if (!_quorum_store_exec_stmt (self, stmt, error) ||
      !_quorum_store_audit (self, "update", "conference", conference_id, conference_id,
                            "signed off", error))
    goto fail;
  /* The list marks it signed off. */
  _quorum_store_tell_conference_changed (self, conference_id);
  if (!_quorum_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  _quorum_store_rollback (self);
  return FALSE;
}

gboolean
quorum_store_finalise (QuorumStore  *self,
                       gint64        conference_id,
                       GError      **error)
{
  _QUORUM_STORE_RETRYING (self, error, gboolean, finalise_once (self, conference_id, &retry_error));
}

/* Tables an amendment may point at, and the fields of each a person may correct: whether the
 * record itself requires the field (a corrected value is then never blank), its length limit
 * and any form it must have (a time of day), as when it was first recorded. A reason is never
 * blanked (DOMAIN 6: no dissent without it). */
typedef struct
{
  const char *name;
  gboolean    required;
  gsize       max;
  gboolean  (*check) (const char *value, GError **error);
} AmendableField;

static const struct {
  const char     *table;
  AmendableField  fields[8];
} amendable[] = {
  { "conference", { { "time", FALSE, QUORUM_MAX_NAME, check_time }, { "venue", FALSE, QUORUM_MAX_NAME },
                    { "chair", TRUE, QUORUM_MAX_NAME }, { "minute_taker", FALSE, QUORUM_MAX_NAME },
                    { "case_ref", FALSE, QUORUM_MAX_NAME }, { NULL } } },
  { "child",      { { "name", TRUE, QUORUM_MAX_NAME }, { NULL } } },
  { "attendee",   { { "name", TRUE, QUORUM_MAX_NAME }, { "role", FALSE, QUORUM_MAX_NAME },
                    { "agency", TRUE, QUORUM_MAX_NAME }, { NULL } } },
  { "attempt",    { { "proposal", FALSE, QUORUM_MAX_TEXT }, { "summary", TRUE, QUORUM_MAX_TEXT },
                    { "views", FALSE, QUORUM_MAX_TEXT }, { NULL } } },
  { "vote",       { { "reason", TRUE, QUORUM_MAX_TEXT }, { NULL } } },
  /* The chair's reasons for a decision the chair made (one made before schema 11 gains them
   * here); never blanked, as every reason. Its categories of abuse (a category ticked by
   * mistake), as a list ("neglect,emotional"): core checks them against the decision
   * (quorum_check_corrected_categories) and the plan made by the decision takes the correction
   * (quorum_conference_plan_categories_now). */
  { "decision",   { { "reason", TRUE, QUORUM_MAX_TEXT }, { "categories", TRUE, QUORUM_MAX_NAME },
                    { NULL } } },
  { "dissent",    { { "reason", TRUE, QUORUM_MAX_TEXT }, { "representatives", TRUE, QUORUM_MAX_TEXT },
                    { NULL } } },
  /* A representative's own position where their group could not agree: its reason, which it
   * needs (quorum_check_member_view). Its view and categories are the decision's. */
  { "member_view", { { "reason", TRUE, QUORUM_MAX_TEXT }, { NULL } } },
};

static gboolean
find_amendable (const char            *record,
                const char            *field,
                const char           **table,
                const AmendableField **found,
                gint64                *id,
                GError               **error)
{
  g_autofree char *kind = NULL;
  gsize kind_len;

  /* Read as the rest of Quorum reads a record: an id too large for one is refused as typed,
   * never taken for the largest id there is. */
  if (!quorum_amendment_parse_record (record, &kind_len, id))
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("“%s” is not a record (use KIND:ID, e.g. vote:12)"), record);
      return FALSE;
    }
  kind = g_strndup (record, kind_len);

  for (guint i = 0; i < G_N_ELEMENTS (amendable); i++)
    {
      g_autoptr(GStrvBuilder) names = NULL;
      g_auto(GStrv) list = NULL;
      g_autofree char *joined = NULL;

      if (g_strcmp0 (amendable[i].table, kind) != 0)
        continue;
      *table = amendable[i].table;
      names = g_strv_builder_new ();
      for (guint j = 0; amendable[i].fields[j].name != NULL; j++)
        {
          if (g_strcmp0 (amendable[i].fields[j].name, field) == 0)
            {
              *found = &amendable[i].fields[j];
              return TRUE;
            }
          g_strv_builder_add (names, amendable[i].fields[j].name);
        }
      list = g_strv_builder_end (names);
      joined = g_strjoinv (", ", list);
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("A %s's “%s” cannot be amended (amendable: %s)"),
                   kind, field ? field : "", joined);
      return FALSE;
    }

  g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
               _("“%s” records cannot be amended (amendable: conference, child, attendee, "
                 "attempt, vote, decision, dissent, member_view)"), kind);
  return FALSE;
}

static gint64
amend_once (QuorumStore               *self,
            gint64                     conference_id,
            const QuorumAmendmentSpec *spec,
            GError                   **error)
{
  g_autoptr(QuorumConference) conference = NULL;
  g_autofree char *old_value = NULL;
  g_autofree char *change = NULL;
  g_autofree char *now = quorum_timestamp_now ();
  g_autofree char *summary = NULL;
  /* The corrected value as written: a list of categories in the record's own order. */
  g_autofree char *new_value = g_strdup (spec->new_value);
  g_autofree char *about = NULL;
  const AmendableField *field = NULL;
  const char *table = NULL;
  gint64 record_id = 0;
  QuorumDbStmt *stmt;
  gint64 id;
  /* Whoever is at the keyboard may not be the person whose name this computer keeps (a
   * minute-taker amending on the chair's laptop): they name themselves for this amendment. A
   * shared database names its own user, whatever is given. */
  g_autofree char *by = spec->by != NULL && !quorum_store_is_shared (self)
                          ? g_strstrip (g_strdup (spec->by)) : NULL;

  g_return_val_if_fail (QUORUM_IS_STORE (self), 0);

  if (by != NULL &&
      !quorum_check_text (by, _("The name of who amends"), TRUE, QUORUM_MAX_NAME, error))
    return 0;
  /* What changed is optional, but never only spaces: it is read as the change itself. */
  if (!quorum_check_text (spec->reason, _("The reason for the amendment"), TRUE, QUORUM_MAX_TEXT, error) ||
      !quorum_check_text (spec->change, _("What changed"), spec->change != NULL && *spec->change != '\0',
                          QUORUM_MAX_TEXT, error))
    return 0;
  if (spec->record != NULL)
    {
      if (spec->field == NULL || spec->new_value == NULL)
        {
          g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                               _("A correction names the record, the field and the corrected value"));
          return 0;
        }
      if (!find_amendable (spec->record, spec->field, &table, &field, &record_id, error))
        return 0;
      /* The corrected value keeps the limits the original had: a name or a reason the record
       * requires is never corrected to nothing. */
      if (!quorum_check_text (spec->new_value, _("The corrected value"), field->required, field->max, error) ||
          (field->check != NULL && !field->check (spec->new_value, error)))
        return 0;
    }
  else if (!quorum_check_text (spec->new_value, _("The corrected value"), FALSE, QUORUM_MAX_TEXT, error))
    return 0;
  else if (spec->change == NULL || *spec->change == '\0')
    {
      g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                           _("An amendment says what changed: give --change TEXT, or --record, --field and --value"));
      return 0;
    }
  /* The child an amendment in words is about: a correction names its record, which says it. */
  if (spec->child_id != 0 && spec->record != NULL)
    {
      g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                           _("A correction of a recorded value is about what that value belongs to: "
                             "name the child only for an amendment in words"));
      return 0;
    }

  if (!_quorum_store_begin (self, error))
    return 0;

  conference = quorum_store_load_conference (self, conference_id, error);
  if (conference == NULL)
    goto fail;
  if (!quorum_conference_is_finalised (conference))
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("Conference %lld is not signed off: correct the record itself; "
                     "amendments are for signed-off records"), (long long) conference_id);
      goto fail;
    }

  /* A child of this conference, named by its id: its record "child:ID", with no field (nothing
   * it corrects but in words). */
  if (spec->child_id != 0)
    {
      if (quorum_conference_find_child (conference, spec->child_id) == NULL)
        {
          g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_NOT_FOUND,
                       _("Conference %lld has no child %lld"), (long long) conference_id,
                       (long long) spec->child_id);
          goto fail;
        }
      about = g_strdup_printf ("child:%" G_GINT64_FORMAT, spec->child_id);
    }

  if (table != NULL)
    {
      g_autofree char *sql = NULL;
      QuorumDbStmt *read = NULL;
      gboolean found = FALSE;
      int rc;

      /* table and field come from the fixed list above, never from input. */
      sql = g_strdup_printf ("SELECT \"%s\" FROM \"%s\" WHERE id = ? AND %s = ?", spec->field, table,
                             g_str_equal (table, "conference") ? "id" : "conference_id");
      read = _quorum_store_prepare (self, sql, NULL);
      if (read == NULL)
        {
          _quorum_store_fail (self, error);
          goto fail;
        }
      quorum_db_bind_int64 (read, 1, record_id);
      quorum_db_bind_int64 (read, 2, conference_id);
      rc = quorum_db_step (read, NULL);
      if (rc == QUORUM_DB_ROW)
        {
          found = TRUE;
          old_value = _quorum_column_dup (read, 0);
        }
      quorum_db_reset (read);
      if (!found)
        {
          g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_NOT_FOUND,
                       _("Conference %lld has no %s"), (long long) conference_id, spec->record);
          goto fail;
        }
      /* The chair's reasons belong to a decision the chair made (quorum_check_decision_reason). */
      if (g_str_equal (table, "decision") && g_str_equal (spec->field, "reason"))
        for (guint i = 0; i < conference->decisions->len; i++)
          {
            const QuorumDecision *decision = g_ptr_array_index (conference->decisions, i);

            if (decision->id == record_id && decision->basis != QUORUM_BASIS_CHAIR)
              {
                const QuorumChild *child = quorum_conference_find_child (conference, decision->child_id);

                g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                             _("The decision for %s was not made by the chair: it has no chair’s reasons to amend"),
                             child != NULL ? child->name : "");
                goto fail;
              }
          }
      /* The value it replaces is the value as it stands: an earlier amendment's correction of the
       * same field, else the original as signed off. */
      {
        const char *current = quorum_conference_current_value (conference, spec->record, spec->field,
                                                               old_value);

        if (current != old_value)
          {
            g_free (old_value);
            old_value = g_strdup (current);
          }
      }
      /* Categories are checked against the decision they correct, and compared as lists: "physical,
       * neglect" is the value "neglect,physical" as it stands. */
      if (g_str_equal (table, "decision") && g_str_equal (spec->field, "categories"))
        {
          const QuorumDecision *decision = NULL;
          g_autofree char *canonical = NULL;
          guint current = 0;

          for (guint i = 0; conference->decisions != NULL && i < conference->decisions->len; i++)
            if (((const QuorumDecision *) g_ptr_array_index (conference->decisions, i))->id == record_id)
              decision = g_ptr_array_index (conference->decisions, i);
          if (decision == NULL || !quorum_check_corrected_categories (decision, spec->new_value, &canonical, error))
            {
              if (decision == NULL)
                g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_NOT_FOUND,
                             _("Conference %lld has no %s"), (long long) conference_id, spec->record);
              goto fail;
            }
          g_free (new_value);
          new_value = g_steal_pointer (&canonical);
          quorum_categories_from_string (old_value, &current);
          g_free (old_value);
          old_value = quorum_categories_to_string (current);
        }
      if (g_strcmp0 (old_value, new_value) == 0)
        {
          g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                       _("The corrected value is the value as it stands: the amendment would change "
                         "nothing"));
          goto fail;
        }
    }

  if (spec->change != NULL && *spec->change != '\0')
    change = g_strdup (spec->change);
  else
    {
      /* In words, as the minutes name the value ("Reason of Police, for Amy Smith"), not by the
       * row's id; the id only where nothing names it. */
      g_autofree char *what = quorum_conference_describe_value (conference, spec->record, spec->field);

      if (what == NULL)
        what = g_strdup_printf ("%s of %s", spec->field, spec->record);
      change = g_strdup_printf ("%s: %s%s%s → “%s”", what,
                                old_value ? "“" : "", old_value ? old_value : _("(empty)"),
                                old_value ? "”" : "", new_value);
    }

  stmt = _quorum_store_prepare (self,
                                "INSERT INTO amendment (conference_id, at, by, reason, change, record, field, "
                                "old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", error);
  if (stmt == NULL)
    goto fail;
  quorum_db_bind_int64 (stmt, 1, conference_id);
  _quorum_bind_text (stmt, 2, now);
  _quorum_bind_text (stmt, 3, by != NULL ? by : quorum_store_get_actor (self));
  _quorum_bind_text (stmt, 4, spec->reason);
  _quorum_bind_text (stmt, 5, change);
  _quorum_bind_text (stmt, 6, spec->record != NULL ? spec->record : about);
  _quorum_bind_text (stmt, 7, spec->record ? spec->field : NULL);
  _quorum_bind_text (stmt, 8, old_value);
  _quorum_bind_text (stmt, 9, new_value);
  if (!_quorum_store_exec_insert (self, stmt, &id, error))
    goto fail;

  summary = g_strdup_printf ("amendment %" G_GINT64_FORMAT ": %s", id, change);
  if (!_quorum_store_audit (self, "insert", "amendment", id, conference_id, summary, error) ||
      !_quorum_store_commit (self, error))
    goto fail;
  return id;

fail:
  _quorum_store_rollback (self);
  return 0;
}

gint64
quorum_store_amend (QuorumStore               *self,
                    gint64                     conference_id,
                    const QuorumAmendmentSpec *spec,
                    GError                   **error)
{
  _QUORUM_STORE_RETRYING (self, error, gint64, amend_once (self, conference_id, spec, &retry_error));
}
