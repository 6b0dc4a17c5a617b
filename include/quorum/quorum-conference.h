/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-conference.h: a case conference and everything recorded in it, as plain data.
 * The store fills these; the rules read them; exports and screens show them. */
#pragma once

#include "quorum-types.h"

G_BEGIN_DECLS

struct _QuorumChild
{
  gint64  id;
  char   *name;
};

struct _QuorumAttendee
{
  gint64            id;
  char             *name;
  char             *role;             /* may be NULL */
  char             *agency;
  char             *line_management;  /* the structure the attendee reports through */
  gboolean          voting;           /* FALSE for parents, family, advocates, the minute-taker */
  QuorumAttendance  attendance;
};

/* One consensus attempt for one child. */
struct _QuorumAttempt
{
  gint64      id;
  gint64      child_id;
  int         round;        /* 1, 2, … per child */
  char       *proposal;     /* may be NULL */
  char       *summary;      /* summary of the discussion */
  char       *views;        /* the views held, free text; may be NULL */
  QuorumView  agreed;       /* PLAN or NO_PLAN when consensus was reached; NONE when not */
  guint       categories;   /* with an agreed PLAN */
  char       *recorded_at;
};

/* The single view of one line-management group for one child. */
struct _QuorumVote
{
  gint64      id;
  gint64      child_id;
  char       *group;              /* line-management structure, as the attendees spell it */
  QuorumView  view;               /* PLAN, NO_PLAN or DECLINE */
  guint       categories;         /* with PLAN only */
  char       *reason;             /* the group's own words; required for DECLINE */
  gboolean    members_disagreed;  /* the representatives could not agree between them */
  char       *recorded_at;
};

struct _QuorumDissent
{
  char       *group;
  QuorumView  view;
  guint       categories;
  char      **representatives;   /* NULL-terminated names */
  char       *reason;
};

struct _QuorumDecision
{
  gint64      id;
  gint64      child_id;
  QuorumView  outcome;         /* PLAN or NO_PLAN */
  QuorumBasis basis;
  guint       categories;      /* with PLAN */
  int         n_plan;
  int         n_no_plan;
  int         n_declined;
  char       *decided_at;
  char       *decided_by;
  GPtrArray  *dissent;         /* QuorumDissent*, every group whose view differs from the outcome */
};

struct _QuorumPlan
{
  gint64   id;
  gint64   child_id;
  GDate    start;
  gboolean from_split;
  guint    categories;
};

struct _QuorumReferral
{
  gint64             id;
  gint64             conference_id;
  gint64             child_id;
  GDate              due;           /* referral_working_days after the conference date */
  GDate              notified;      /* invalid until sent */
  GDate              panel_due;     /* notified + panel_calendar_days; invalid until sent */
  GDate              panel_date;    /* invalid until heard */
  QuorumPanelOutcome outcome;
  char              *outcome_reason;
};

/* A correction to a signed-off record: the original is kept. */
struct _QuorumAmendment
{
  gint64  id;
  char   *at;
  char   *by;
  char   *reason;       /* why */
  char   *change;       /* what changed, in words */
  char   *record;       /* "vote:12", or NULL */
  char   *field;        /* "reason", or NULL */
  char   *old_value;    /* the original, or NULL */
  char   *new_value;    /* or NULL */
};

struct _QuorumConference
{
  gint64                id;
  QuorumConferenceKind  kind;
  GDate                 date;
  char                 *time;             /* "HH:MM" or NULL */
  char                 *venue;            /* or NULL */
  char                 *chair;
  char                 *minute_taker;     /* or NULL */
  char                 *case_ref;         /* or NULL */
  char                 *profile_id;
  char                 *created_at;
  char                 *created_by;
  char                 *finalised_at;     /* NULL until signed off */
  char                 *finalised_by;
  char                 *inquorate_reason; /* why the chair proceeded though inquorate, or NULL */

  GPtrArray *children;    /* QuorumChild*, in the order given */
  GPtrArray *attendees;   /* QuorumAttendee* */
  GPtrArray *attempts;    /* QuorumAttempt*, by child then round */
  GPtrArray *votes;       /* QuorumVote* */
  GPtrArray *decisions;   /* QuorumDecision* */
  GPtrArray *plans;       /* QuorumPlan* */
  GPtrArray *referrals;   /* QuorumReferral* */
  GPtrArray *amendments;  /* QuorumAmendment* */
};

QuorumConference *quorum_conference_new      (void);
void              quorum_conference_free     (QuorumConference *self);
gboolean          quorum_conference_is_finalised (const QuorumConference *self);

QuorumChild      *quorum_conference_find_child    (const QuorumConference *self, gint64 child_id);
QuorumDecision   *quorum_conference_find_decision (const QuorumConference *self, gint64 child_id);
QuorumPlan       *quorum_conference_find_plan     (const QuorumConference *self, gint64 child_id);
QuorumReferral   *quorum_conference_find_referral (const QuorumConference *self, gint64 child_id);
QuorumVote       *quorum_conference_find_vote     (const QuorumConference *self, gint64 child_id, const char *group);
/* The latest consensus attempt for @child_id, or NULL. */
QuorumAttempt    *quorum_conference_last_attempt  (const QuorumConference *self, gint64 child_id);

/* The voting line-management groups: distinct structures of voting attendees who are present,
 * compared case- and space-insensitively, in order of first appearance. Returns a NULL-terminated
 * array of the first spelling of each; free with g_strfreev. */
char            **quorum_conference_list_groups   (const QuorumConference *self);
/* The present voting attendees of @group (as quorum_conference_list_groups compares), names
 * NULL-terminated; free with g_strfreev. */
char            **quorum_conference_group_members (const QuorumConference *self, const char *group);
/* TRUE when @a and @b name the same line-management structure. */
gboolean          quorum_group_equal              (const char *a, const char *b);
/* TRUE when a role or agency ("Mother", "Family", "Maternal grandparent", "Advocate") says the
 * attendee comes for the family, and so attends without a vote (DOMAIN: parents, family and
 * advocates attend but do not vote). A professional's role ("Family Support Worker",
 * "Family Nurse") is not. English words only: the chair can always say otherwise. */
gboolean          quorum_attendee_is_family       (const char *role_or_agency);
/* The normal form used to compare groups: casefolded, spaces collapsed. */
char             *quorum_group_normalize          (const char *group);

void quorum_child_free      (QuorumChild *self);
void quorum_attendee_free   (QuorumAttendee *self);
void quorum_attempt_free    (QuorumAttempt *self);
void quorum_vote_free       (QuorumVote *self);
void quorum_dissent_free    (QuorumDissent *self);
void quorum_decision_free   (QuorumDecision *self);
void quorum_plan_free       (QuorumPlan *self);
void quorum_referral_free   (QuorumReferral *self);
void quorum_amendment_free  (QuorumAmendment *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QuorumConference, quorum_conference_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (QuorumDecision, quorum_decision_free)

G_END_DECLS
