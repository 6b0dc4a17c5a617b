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
  /* The attendance timeline ("HH:MM", NULL when not recorded): arrived late at, left at. An
   * attendee who has left is no longer present; a view their group gave stays counted. */
  char             *arrived_at;
  char             *left_at;
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
  gboolean    superseded;         /* given before a later consensus attempt: history, not counted */
};

/* One representative's own position when a group's representatives cannot agree. */
struct _QuorumMemberView
{
  gint64      id;
  gint64      child_id;
  gint64      attendee_id;
  char       *name;               /* the attendee's, filled in by the loader */
  char       *group;
  QuorumView  view;               /* PLAN or NO_PLAN */
  guint       categories;
  char       *reason;
  char       *recorded_at;
};

/* A group's view as it stood when a later consensus attempt superseded it: kept as history. */
struct _QuorumSupersededView
{
  gint64      id;
  gint64      child_id;
  gint64      vote_id;
  int         round;              /* the attempt that superseded it */
  char       *group;
  QuorumView  view;
  guint       categories;
  char       *reason;
  char       *given_at;           /* when the view was recorded */
};

/* Who was there when one child's decision was taken. */
typedef enum
{
  QUORUM_PRESENCE_PRESENT,        /* in the room when the decision was taken */
  QUORUM_PRESENCE_LEFT,           /* came, and had left before it */
} QuorumPresenceStatus;

struct _QuorumPresence
{
  gint64                attendee_id;
  QuorumPresenceStatus  status;
};

struct _QuorumDissent
{
  gint64      id;                /* the stored row's ("dissent:12"), or 0 before it is stored */
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
  char       *reason;          /* the chair's own reasons, on a chair's decision (schema 11); else NULL */
  GPtrArray  *dissent;         /* QuorumDissent*, every group whose view differs from the outcome */
  GArray     *presence;        /* QuorumPresence: who had come when it was taken (NULL: not recorded) */
};

struct _QuorumPlan
{
  gint64   id;
  gint64   child_id;
  GDate    start;
  gboolean from_split;
  guint    categories;
  /* Its life (DOMAIN: "Plans, referrals and notices over time"), filled by the store. */
  GDate          ended;         /* invalid while the plan stands */
  int            ended_by;      /* QuorumPlanEnd */
  gint64         ended_by_conference;  /* the later conference that ended it, or 0 */
  char          *end_reason;    /* or NULL */
  GArray        *reviews;       /* GDate: review dates, in order, or NULL */
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
  /* Lateness shown, never hidden; filled by the store with the profile's calendar. */
  GDate              due_working;        /* due, or the working day before it when due is a day off */
  GDate              panel_due_working;  /* panel_due likewise; invalid until sent */
  gboolean           sent_late;          /* notified after due */
  gboolean           heard_late;         /* panel heard after panel_due */
  char              *sent_by;            /* who sent it to the Head of Service (its notice), or NULL */
  char              *sent_means;         /* how it was sent (its notice: "secure email"), or NULL when not recorded */
  /* A date given on a day off is kept (people email at weekends) and said: QuorumDayOff of the
   * profile's calendar (@region's), QUORUM_DAY_WORKING (0) for a working day or no date. */
  int                sent_day_off;
  int                heard_day_off;
  QuorumRegion       region;
  GPtrArray         *corrections;        /* QuorumReferralCorrection*, oldest first, or NULL */
};

/* A corrected date or outcome of a referral: the old value is kept. */
typedef struct
{
  gint64  id;
  char   *field;       /* "notified", "panel_date", "outcome" */
  char   *old_value;   /* or NULL */
  char   *new_value;
  char   *reason;
  char   *recorded_at;
  char   *recorded_by;
} QuorumReferralCorrection;

void quorum_referral_correction_free (QuorumReferralCorrection *self);

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

/* A conference handed from one chair to another on a shared database (its chair away): the
 * logins, and their names as the record shows them. */
typedef struct
{
  gint64  id;
  char   *from_chair;       /* login */
  char   *from_name;        /* as shown: the login's given name, else the login */
  char   *to_chair;         /* login */
  char   *to_name;
  char   *reason;           /* or NULL */
  char   *recorded_at;
  char   *recorded_by;      /* as shown */
} QuorumHandover;

void quorum_handover_free (QuorumHandover *self);

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
  /* The rule of the profile frozen with it, where the store read it for a check that words its
   * refusal by it (a view under chair-decides is not a vote); else the default, majority. */
  QuorumRule            rule;
  char                 *created_at;
  char                 *created_by;
  char                 *finalised_at;     /* NULL until signed off */
  char                 *finalised_by;
  char                 *inquorate_reason; /* why the chair proceeded though inquorate, or NULL */
  char                 *seal;             /* the audit log's seal when the record was read, or NULL */
  /* On a shared database, the login who chairs it now (its maker's, or the last hand-over's) and
   * whether that is who reads it (only its chair records in it, signs it off or amends it); on
   * one's own database NULL and TRUE. */
  char                 *chaired_by;
  char                 *chaired_by_name;
  gboolean              chaired_by_reader;

  GPtrArray *children;    /* QuorumChild*, in the order given */
  GPtrArray *attendees;   /* QuorumAttendee* */
  GPtrArray *attempts;    /* QuorumAttempt*, by child then round */
  GPtrArray *votes;       /* QuorumVote* */
  GPtrArray *decisions;   /* QuorumDecision* */
  GPtrArray *plans;       /* QuorumPlan* */
  GPtrArray *referrals;   /* QuorumReferral* */
  GPtrArray *amendments;  /* QuorumAmendment* */
  GPtrArray *member_views;     /* QuorumMemberView* */
  GPtrArray *superseded_views; /* QuorumSupersededView*, by child then round */
  GPtrArray *challenges;       /* QuorumChallenge* (quorum-challenge.h) */
  GPtrArray *handovers;        /* QuorumHandover*, oldest first */
};

QuorumConference *quorum_conference_new      (void);
void              quorum_conference_free     (QuorumConference *self);
gboolean          quorum_conference_is_finalised (const QuorumConference *self);

QuorumChild      *quorum_conference_find_child    (const QuorumConference *self, gint64 child_id);
QuorumDecision   *quorum_conference_find_decision (const QuorumConference *self, gint64 child_id);
QuorumPlan       *quorum_conference_find_plan     (const QuorumConference *self, gint64 child_id);
QuorumReferral   *quorum_conference_find_referral (const QuorumConference *self, gint64 child_id);
QuorumVote       *quorum_conference_find_vote     (const QuorumConference *self, gint64 child_id, const char *group);
/* The group's view that counts: as find_vote, but NULL when a later attempt superseded it. */
QuorumVote       *quorum_conference_find_current_vote (const QuorumConference *self, gint64 child_id, const char *group);
/* Marks each vote given before its child's latest consensus attempt as superseded. */
void              quorum_conference_mark_superseded (QuorumConference *self);
QuorumAttendee   *quorum_conference_find_attendee (const QuorumConference *self, gint64 attendee_id);
/* An amendment's record, "KIND:ID" ("vote:12"): TRUE and the kind's length and the id when it is
 * one; FALSE for NULL or anything else. */
gboolean          quorum_amendment_parse_record  (const char *record, gsize *kind_len, gint64 *id);
/* A value an amendment may correct, in words ("Reason of Police, for Amy Smith"), from the record
 * it names ("vote:12") and its field ("reason"); NULL when the record or field is not one of them.
 * The amend dialog offers the values by these words and the exports name them so. */
char             *quorum_conference_describe_value (const QuorumConference *self, const char *record,
                                                    const char *field);
/* What an amendment changed, in words: its own change, except that the words the store wrote
 * for a correction that named none ("reason of vote:12: “a” → “b”", with the row's id) name the
 * value as quorum_conference_describe_value does. Never NULL. */
char             *quorum_conference_describe_change (const QuorumConference *self,
                                                     const QuorumAmendment  *amendment);
/* The child an amendment in words only is about (its record "child:ID" with no field, as the
 * Amend dialog and `amend --child` keep it), or NULL: one of the whole conference, or one that
 * corrects a recorded value (that value says whose it is). */
const QuorumChild *quorum_conference_amendment_about (const QuorumConference *self,
                                                      const QuorumAmendment  *amendment);
/* The record whose "reason" is the same spoken reason as @record's, or NULL: a dissenting
 * group's current view ("vote:12") and the group's dissent ("dissent:3"), which took the view's
 * reason, word for word, when the decision was made (DOMAIN "Reaching a decision" 3: the
 * dissent's reason is the dissenting view's). Not where the dissent's words are others' too (a
 * group whose representatives could not agree) or only its representatives' own. One reason:
 * an amendment of either corrects both (the value as it stands, the last amendment and the one
 * before below look at both). Free with g_free (). */
char             *quorum_conference_shared_reason (const QuorumConference *self, const char *record);
/* The names of @dissent's representatives as the record now holds them: its own correction
 * after sign-off ("dissent:ID" "representatives", one name a line) where there is one, else as
 * signed off; each name as recorded (quorum_conference_name_now () gives each as it stands).
 * @number (may be NULL): the correction's amendment, 0 when none. The exports (the JSON's
 * "representatives_now", the record's "Representatives:", the CSV's dissenting row) and the
 * screen's Dissent list give them by this one rule. Free with g_strfreev (). */
char            **quorum_conference_dissent_representatives_now (const QuorumConference *self,
                                                                 const QuorumDissent    *dissent,
                                                                 guint                  *number);
/* The value as it stands after sign-off: the latest amendment's corrected value for @record and
 * @field (for a reason, of the record sharing it too), else @original (the value as signed off). */
const char       *quorum_conference_current_value (const QuorumConference *self, const char *record,
                                                   const char *field, const char *original);
/* A decision's categories of abuse as they stand after sign-off: corrected by an amendment of
 * "decision:ID", field "categories" (the minute-taker's correction of a category ticked by
 * mistake), else as decided; @number (may be NULL) is set to that amendment's number, 0 when
 * none. A plan made by the decision takes its categories from it: quorum_conference_plan_categories_now ()
 * gives the plan's so, the same amendment correcting both. */
guint             quorum_conference_decision_categories_now (const QuorumConference *self,
                                                             const QuorumDecision   *decision,
                                                             guint                  *number);
guint             quorum_conference_plan_categories_now (const QuorumConference *self,
                                                         const QuorumPlan       *plan,
                                                         guint                  *number);
/* A value of categories as it stands with the one decided beside it: "Child protection plan:
 * Neglect (categories amended after sign-off, amendment 1; as decided: Neglect, Physical abuse)";
 * @now as it is when @number is 0. The screens and the record say it in these words. */
char             *quorum_format_amended_categories (const char *now, const char *as_decided, guint number);
/* Whether @value is a correction of @decision's categories the record can take: a list of
 * categories of abuse ("neglect,emotional", as `--category` takes it), at least one, for a
 * decision that made a plan. Sets @canonical (may be NULL) to the list in the record's own order
 * and spelling ("neglect,emotional"). */
gboolean          quorum_check_corrected_categories (const QuorumDecision *decision,
                                                     const char           *value,
                                                     char                **canonical,
                                                     GError              **error);
/* The latest amendment after sign-off that corrected @record's @field ("attendee:9", "name"; a
 * reason's, of the record sharing it too: quorum_conference_shared_reason ()), or NULL; @number (may be NULL) is set to its number in the record, 1 for the first amendment. The
 * screens and the exports note an amended value with it. */
const QuorumAmendment *quorum_conference_last_amendment (const QuorumConference *self,
                                                         const char             *record,
                                                         const char             *field,
                                                         guint                  *number);
/* An attendee's name as it stands after sign-off, found by @attendee_id (> 0) or else by the
 * @name the record holds as words (a dissent's representatives): the name a later amendment of
 * "attendee:N" "name" gave, else @name. @number (may be NULL) is set to that amendment's number,
 * 0 when the name was not amended. */
const char       *quorum_conference_name_now        (const QuorumConference *self,
                                                     gint64                  attendee_id,
                                                     const char             *name,
                                                     guint                  *number);
/* The same, where the record names the person: the corrected name with the amendment noted,
 * "Dr Owen Price (name amended after sign-off, amendment 4)", else @name. Free with g_free (). */
char             *quorum_conference_format_name_now (const QuorumConference *self,
                                                     gint64                  attendee_id,
                                                     const char             *name);
/* A child's name as it stands after sign-off ("child:N", "name"), as the two above. */
const char       *quorum_conference_child_name_now        (const QuorumConference *self,
                                                           const QuorumChild      *child,
                                                           guint                  *number);
char             *quorum_conference_format_child_name_now (const QuorumConference *self,
                                                           const QuorumChild      *child);
/* The conference's own @field ("venue", "chair", "minute_taker", "case_ref", "time") where the
 * record gives it: corrected after sign-off, the corrected value with the amendment noted, else
 * a copy of @original (NULL for NULL). Free with g_free (). */
char             *quorum_conference_format_field_now      (const QuorumConference *self,
                                                           const char             *field,
                                                           const char             *original);
/* The amendment before @amendment that corrected the same record and field (a reason: or the
 * record sharing it), or NULL: the value
 * @amendment replaced is its corrected value (else the signed-off original). */
const QuorumAmendment *quorum_conference_previous_amendment (const QuorumConference *self,
                                                             const QuorumAmendment  *amendment);
/* A conference is set up ahead (attendees, invitations), but its views, consensus attempts, decisions
 * and whether it proceeds though inquorate are recorded on or after the day it sits: FALSE with
 * @error while its date is after today. */
gboolean          quorum_conference_check_sitting (const QuorumConference *self, GError **error);
/* TRUE when @attendee is in the room now: present, with a vote or not, and not yet left. */
gboolean          quorum_attendee_is_present      (const QuorumAttendee *attendee);
/* The representatives' own positions recorded for @child_id's @group (QuorumMemberView*, not owned). */
GPtrArray        *quorum_conference_member_views  (const QuorumConference *self, gint64 child_id, const char *group);
/* Whether @dissent, in @child_id's decision, is its group's: TRUE when the view the group settled
 * on is the dissent's (the group dissents, with the representatives named), FALSE when the group
 * settled on the outcome's view and only the representatives named hold this view as their own
 * position (DOMAIN "Reaching a decision" 6: the group does not dissent; they do). */
gboolean          quorum_conference_dissent_is_group (const QuorumConference *self, gint64 child_id,
                                                      const QuorumDissent *dissent);
/* The groups whose voting representatives had all left before giving @child_id's view, as the
 * decision's presence records them: the record says "No view: left before giving it". For a
 * child not yet decided, those who have left by now (the decision's confirmation and the board
 * say it before it is taken). NULL-terminated, in the attendees' order; empty when none or a
 * decision's presence was not recorded. */
char            **quorum_conference_left_without_view (const QuorumConference *self, gint64 child_id);
/* The groups whose views make @child_id's decision: for a decided child, those of the voting
 * attendees present when it was taken, and any group whose view was counted; else the groups
 * with a voting attendee present now, and those whose view stands after its givers left.
 * NULL-terminated; free with g_strfreev. Nobody joins the voters of a decided child. */
char            **quorum_conference_child_groups  (const QuorumConference *self, gint64 child_id);
/* The presence of @attendee_id at @child_id's decision, FALSE when the attendee had not come
 * (arrived after it, or never came) or the decision recorded no presence. */
gboolean          quorum_conference_presence_at   (const QuorumConference *self, gint64 child_id,
                                                   gint64 attendee_id, QuorumPresenceStatus *out);
/* The latest consensus attempt for @child_id, or NULL. */
QuorumAttempt    *quorum_conference_last_attempt  (const QuorumConference *self, gint64 child_id);

/* The voting line-management groups: distinct structures of voting attendees who are present,
 * compared case- and space-insensitively, in order of first appearance. Returns a NULL-terminated
 * array of the first spelling of each; free with g_strfreev. */
char            **quorum_conference_list_groups   (const QuorumConference *self);
/* The voting attendees of @group (as quorum_conference_list_groups compares) who came, those
 * who have since left included: the group's representatives. Names NULL-terminated; free with
 * g_strfreev. */
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
/* TRUE when @group's normal form is @normal (one quorum_group_normalize () gave), without
 * making @group's when it is plain ASCII. */
gboolean          quorum_group_matches            (const char *group, const char *normal);

void quorum_child_free      (QuorumChild *self);
void quorum_attendee_free   (QuorumAttendee *self);
void quorum_attempt_free    (QuorumAttempt *self);
void quorum_vote_free       (QuorumVote *self);
void quorum_dissent_free    (QuorumDissent *self);
void quorum_decision_free   (QuorumDecision *self);
void quorum_plan_free       (QuorumPlan *self);
void quorum_referral_free   (QuorumReferral *self);
void quorum_amendment_free  (QuorumAmendment *self);
void quorum_member_view_free (QuorumMemberView *self);
void quorum_superseded_view_free (QuorumSupersededView *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QuorumConference, quorum_conference_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (QuorumDecision, quorum_decision_free)

G_END_DECLS
