/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-difference.h: the escalation of a professional difference between agencies, stage by
 * stage under a policy profile. Pure rules: no I/O, no clock; the store fills and keeps these. */
#pragma once

#include "quorum-profile.h"
#include "quorum-workdays.h"

G_BEGIN_DECLS

typedef struct _QuorumDifference              QuorumDifference;
typedef struct _QuorumDifferenceStage         QuorumDifferenceStage;
typedef struct _QuorumDifferenceNote          QuorumDifferenceNote;
typedef struct _QuorumDifferenceSpec          QuorumDifferenceSpec;
typedef struct _QuorumDifferenceNoteSpec      QuorumDifferenceNoteSpec;
typedef struct _QuorumResolutionSpec          QuorumResolutionSpec;
typedef struct _QuorumDifferenceStats         QuorumDifferenceStats;
typedef struct _QuorumDifferenceProfileStats  QuorumDifferenceProfileStats;
typedef struct _QuorumDifferenceStageCount    QuorumDifferenceStageCount;
typedef struct _QuorumDifferenceOutcomeCount  QuorumDifferenceOutcomeCount;

/* The areas of disagreement the policies name. */
typedef enum
{
  QUORUM_AREA_THRESHOLDS,
  QUORUM_AREA_REFERRAL_CRITERIA,
  QUORUM_AREA_ASSESSMENT_OUTCOME,
  QUORUM_AREA_ROLES_RESPONSIBILITIES,
  QUORUM_AREA_INFORMATION_SHARING,
  QUORUM_AREA_COMMUNICATION,
  QUORUM_AREA_TIMELINESS_DRIFT,
  QUORUM_AREA_STRATEGY_MEETING_S47_CONFERENCE,
  QUORUM_AREA_CASE_CLOSURE,
  QUORUM_AREA_SERVICE_PROVISION,   /* Bradford (004) */
  QUORUM_AREA_RESOURCES,           /* six-stage (003): "especially if resources are an issue" */
  QUORUM_AREA_OTHER,               /* the raiser says what */
  QUORUM_N_AREAS
} QuorumArea;

typedef enum
{
  QUORUM_DIFFERENCE_OPEN,
  QUORUM_DIFFERENCE_RESOLVED,
} QuorumDifferenceStatus;

/* Stable words ("roles-responsibilities", "open"): the CLI's and the database's. */
const char *quorum_area_to_string              (QuorumArea area);
gboolean    quorum_area_from_string            (const char *str, QuorumArea *out);
const char *quorum_area_get_label              (QuorumArea area);
/* "thresholds, referral-criteria, …", for a message listing the choices. Newly allocated. */
char       *quorum_area_list_words             (void);
const char *quorum_difference_status_to_string (QuorumDifferenceStatus status);
gboolean    quorum_difference_status_from_string (const char *str, QuorumDifferenceStatus *out);
const char *quorum_difference_status_get_label (QuorumDifferenceStatus status);

/* One stage a difference has reached. Name, owner and limit are copied from the profile when
 * the stage opens, so the record says what applied then. */
struct _QuorumDifferenceStage
{
  gint64  id;
  int     number;               /* 1-based, as the profile numbers its stages */
  char   *name;
  char   *owner;
  int     limit_working_days;   /* -1: no time limit set by this policy */
  GDate   entered;              /* raised, or escalated to this stage */
  GDate   due;                  /* invalid when there is no limit */
  char   *reason;               /* why it was escalated here; NULL for the first stage */
  char   *recorded_at;
  char   *recorded_by;
  GDate   due_opened;           /* the due date it opened with, before immediate risk identified
                                 * at it brought it forward (the store fills it; invalid: @due) */
};

/* A dated discussion at a stage: who took part, what was said, what was agreed. */
struct _QuorumDifferenceNote
{
  gint64  id;
  int     stage;
  GDate   date;
  char   *participants;   /* "A. Khan, B. Jones" */
  char   *summary;        /* what was said */
  char   *agreed;         /* what was agreed, or NULL */
  char  **questions;      /* the stage's checklist when answered (NULL-terminated), or NULL */
  char  **answers;        /* one answer per question, or NULL */
  char   *recorded_at;
  char   *recorded_by;
};

struct _QuorumDifference
{
  gint64                  id;
  char                   *profile_id;
  GDate                   raised;
  char                   *raised_by;
  char                   *role;              /* or NULL */
  char                   *agency;            /* the raiser's agency */
  char                   *against;           /* the agency whose decision or inaction is disputed */
  char                   *against_decision;  /* the decision, or NULL */
  char                   *child;             /* or NULL when the difference is about a process */
  gint64                  conference_id;     /* a linked conference, or 0 */
  QuorumArea              area;
  char                   *outcome_sought;
  gboolean                immediate_risk;    /* of significant harm: first stage due the day it is raised */

  QuorumDifferenceStatus  status;
  GDate                   resolved;          /* invalid while open */
  char                   *outcome;           /* the agreed outcome, in writing */
  char                   *challenge_outcome; /* one of the profile's challenge_outcomes, or NULL */
  char                   *feedback_to;       /* who was told the outcome */
  GDate                   feedback_date;     /* invalid if not yet */
  gboolean                debrief;
  gboolean                protocol_review;

  char                   *created_at;
  char                   *created_by;

  GPtrArray              *stages;            /* QuorumDifferenceStage*, in order; the last is current */
  GPtrArray              *notes;             /* QuorumDifferenceNote*, in date order */

  /* As the policies say (DOMAIN: "Escalation of a professional difference"): */
  char                   *area_other;        /* the area in the raiser's words, with QUORUM_AREA_OTHER */
  gboolean                disagreement_remains; /* closed, the disagreement remaining (001, 004) */
  GPtrArray              *events;            /* QuorumDifferenceEvent*, in order */
  gboolean                raised_at_immediate_risk; /* identified when raised (not by a later event) */
};

/* Beside the stages: immediate risk identified at a stage, a formal challenge lodged. */
typedef struct
{
  gint64  id;
  char   *kind;          /* "immediate-risk", "formal-challenge", "area-other", "disagreement-remains" */
  int     stage;
  GDate   date;
  char   *detail;        /* or NULL */
  GDate   due;           /* immediate risk under a same-day profile: the day itself; else invalid */
  char   *recorded_at;
  char   *recorded_by;
} QuorumDifferenceEvent;

void quorum_difference_event_free (QuorumDifferenceEvent *self);
/* The first event of @kind, or NULL. */
const QuorumDifferenceEvent *quorum_difference_find_event (const QuorumDifference *self,
                                                           const char             *kind);

/* What raising a difference takes. */
struct _QuorumDifferenceSpec
{
  const char *profile_id;
  GDate       date;
  const char *raised_by;
  const char *role;               /* optional */
  const char *agency;
  const char *against;
  const char *against_decision;   /* optional */
  const char *child;              /* optional */
  gint64      conference_id;      /* optional (0) */
  QuorumArea  area;
  const char *outcome_sought;
  gboolean    immediate_risk;
  const char *area_other;         /* required with QUORUM_AREA_OTHER, refused otherwise */
};

/* A discussion to record at the current stage. */
struct _QuorumDifferenceNoteSpec
{
  GDate               date;
  const char         *participants;
  const char         *summary;
  const char         *agreed;      /* optional */
  const char * const *answers;     /* optional: one per question of the stage's checklist */
};

struct _QuorumResolutionSpec
{
  GDate       date;
  const char *outcome;            /* the agreed outcome, or one of the profile's challenge_outcomes */
  const char *feedback_to;        /* optional */
  GDate       feedback_date;      /* optional (invalid); needs feedback_to */
  gboolean    debrief;
  gboolean    protocol_review;
  gboolean    disagreement_remains; /* "closed, disagreement remains" (001, 004) */
};

QuorumDifference      *quorum_difference_new           (void);
void                   quorum_difference_free          (QuorumDifference *self);
void                   quorum_difference_stage_free    (QuorumDifferenceStage *self);
void                   quorum_difference_note_free     (QuorumDifferenceNote *self);

const QuorumDifferenceStage *quorum_difference_get_current_stage (const QuorumDifference *self);
/* What the record holds from its profile, as the reader reads it (quorum_profile_dup_text_as_read
 * with @profile, the profile installed under the difference's id, or NULL): a stage's name and
 * owner, a checklist question as answered at it, the Co-ordinator's decision it closed with.
 * The profile's words in the language in force when the record holds them in any language the
 * profile gives; else the record's words. Newly allocated. */
char                  *quorum_difference_stage_dup_name  (const QuorumDifferenceStage *stage,
                                                         const QuorumProfile         *profile);
char                  *quorum_difference_stage_dup_owner (const QuorumDifferenceStage *stage,
                                                         const QuorumProfile         *profile);
char                  *quorum_difference_note_dup_question (const QuorumDifferenceNote *note,
                                                         guint                       index,
                                                         const QuorumProfile        *profile);
char                  *quorum_difference_dup_challenge_outcome (const QuorumDifference *self,
                                                         const QuorumProfile    *profile);
/* The date of the latest thing that happened to it (raised, escalated, discussed, resolved):
 * nothing may be recorded with an earlier date. */
void                   quorum_difference_get_last_event (const QuorumDifference *self,
                                                         GDate                  *out);

/* The due date of @stage opened on @from: the limit_working_days-th working day after @from, or,
 * with @same_day (immediate risk), @from itself, whatever the day (CLI.md). Leaves @out
 * invalid (and returns FALSE) when the stage has no limit and @same_day is not set. */
gboolean               quorum_difference_stage_due     (const QuorumStage *stage,
                                                        QuorumCalendar    *calendar,
                                                        const GDate       *from,
                                                        gboolean           same_day,
                                                        GDate             *out);

/* Whether @stage of @self is due the same working day because the child is at immediate risk of
 * significant harm (the profile's same-day rule: opened at risk, or brought forward to the day
 * risk was identified at it), not by the stage's own limit: what its due date is said to follow. */
gboolean               quorum_difference_stage_due_same_day (const QuorumDifference      *self,
                                                             const QuorumDifferenceStage *stage);

/* Checks what a person typed, against @profile; QUORUM_ERROR_INVALID saying why. */
gboolean               quorum_difference_check_spec    (const QuorumDifferenceSpec *spec,
                                                        const QuorumProfile        *profile,
                                                        GError                    **error);
/* A new open difference at @profile's first stage, due by the stage's limit (the same working
 * day with immediate risk). The id fields are 0 until stored. */
QuorumDifference      *quorum_difference_raise         (const QuorumDifferenceSpec *spec,
                                                        const QuorumProfile        *profile,
                                                        QuorumCalendar             *calendar,
                                                        GError                    **error);

/* Refuses a discussion on a resolved difference, dated before the last event, without
 * participants or summary, or with checklist answers that do not match the stage's questions. */
gboolean               quorum_difference_check_note    (const QuorumDifference         *self,
                                                        const QuorumProfile            *profile,
                                                        const QuorumDifferenceNoteSpec *spec,
                                                        GError                        **error);

/* The next stage, opened on @date with its due date, or NULL: QUORUM_ERROR_INVALID when resolved,
 * without a reason, dated before the last event, or already at the profile's last stage
 * ("already at the last stage of <profile>: …"). Does not change @self. */
/* The same, to stage @to where the profile branches (six-stage: 4 for risk, 5 for resources):
 * @to is the next stage or one of its alternatives; 0 takes the next. From one of a set of
 * alternatives, escalation goes past the others. A stage's clock starts where the profile says
 * (ClockFrom: South East Wales step 3 runs from when step 2 opened). */
QuorumDifferenceStage *quorum_difference_escalate_to   (const QuorumDifference *self,
                                                        const QuorumProfile    *profile,
                                                        QuorumCalendar         *calendar,
                                                        const GDate            *date,
                                                        const char             *reason,
                                                        int                     to,
                                                        GError                **error);
/* Immediate risk identified at the current stage (DOMAIN: "at any stage"). Sets @due to @date
 * under a profile that asks for the same working day, else leaves it invalid (the profile's
 * words say what to do). Refused when resolved or dated backwards. */
gboolean               quorum_difference_check_immediate_risk (const QuorumDifference *self,
                                                        const QuorumProfile    *profile,
                                                        const GDate            *date,
                                                        GDate                  *due,
                                                        GError                **error);
/* A formal challenge lodged (a profile with FormalChallenge, Bradford 004): refused under
 * another profile, twice, once resolved, or dated backwards. */
gboolean               quorum_difference_check_formal_challenge (const QuorumDifference *self,
                                                        const QuorumProfile    *profile,
                                                        const GDate            *date,
                                                        const char             *detail,
                                                        GError                **error);
QuorumDifferenceStage *quorum_difference_escalate      (const QuorumDifference *self,
                                                        const QuorumProfile    *profile,
                                                        QuorumCalendar         *calendar,
                                                        const GDate            *date,
                                                        const char             *reason,
                                                        GError                **error);

/* Checks a resolution; sets @challenge_outcome (newly allocated, the profile's own words) when
 * the outcome is one of the profile's challenge_outcomes, else NULL. */
gboolean               quorum_difference_check_resolution (const QuorumDifference     *self,
                                                        const QuorumProfile        *profile,
                                                        const QuorumResolutionSpec *spec,
                                                        char                      **challenge_outcome,
                                                        GError                    **error);
/* After resolution: the debrief and protocol-review flags, and late feedback. */
gboolean               quorum_difference_check_follow_up (const QuorumDifference *self,
                                                        const char             *feedback_to,
                                                        const GDate            *feedback_date,
                                                        GError                **error);

/* @self as it stood on @as_of (DOMAIN: "Plans, referrals and notices over time"; `differences
 * --as-of`): the stages entered, the discussions held and the events dated after it had not
 * happened (the stage it had reached is the current one, its due date as it was then), nor a
 * resolution or feedback dated after it (it was open then). Changes @self; FALSE when it had not
 * been raised by @as_of (it did not exist then), @self then left as it was. */
gboolean               quorum_difference_restrict_to_day (QuorumDifference *self,
                                                        const GDate      *as_of);
/* Open, with a due date, and @as_of past it: the limit was missed. */
gboolean               quorum_difference_is_overdue    (const QuorumDifference *self,
                                                        const GDate            *as_of);
/* A missed limit means the next stage is due: its number when @self is overdue as of @as_of and
 * @profile has a stage after the current one, else 0. */
int                    quorum_difference_get_next_stage_due (const QuorumDifference *self,
                                                        const QuorumProfile    *profile,
                                                        const GDate            *as_of);
/* Working days from @as_of to the due date (negative when overdue); FALSE without a due date. */
gboolean               quorum_difference_working_days_left (const QuorumDifference *self,
                                                        QuorumCalendar         *calendar,
                                                        const GDate            *as_of,
                                                        int                    *out);

/* ---- monitoring ---- */
struct _QuorumDifferenceStageCount
{
  int    number;
  char  *name;
  int    reached;      /* differences that got to this stage */
  int    escalated;    /* … and went on to the next */
  int    resolved;     /* … and were resolved here (closed, disagreement remaining, too) */
  int    disagreement_remains;  /* … of those, closed with the disagreement remaining */
  int    open;         /* … and are at it now */
  int    overdue;      /* … of those open, past the stage's limit */
};

struct _QuorumDifferenceOutcomeCount
{
  char  *outcome;      /* "open", "resolved", or a challenge outcome in the profile's words */
  int    count;
};

struct _QuorumDifferenceProfileStats
{
  char       *profile_id;
  char       *profile_name;       /* or NULL for a profile no longer installed */
  int         total;
  int         open;
  int         resolved;           /* status resolved: closed either way */
  int         disagreement_remains;  /* … of those, closed with the disagreement remaining */
  int         overdue;
  int         immediate_risk;
  int         monitored_stage;    /* 0 if the profile monitors none */
  int         monitored_reached;  /* differences that reached it */
  GPtrArray  *stages;             /* QuorumDifferenceStageCount*, by number */
  GPtrArray  *outcomes;           /* QuorumDifferenceOutcomeCount* */
};

struct _QuorumDifferenceStats
{
  GDate       from;               /* invalid: no lower bound */
  GDate       to;                 /* invalid: no upper bound */
  GDate       as_of;
  int         total;
  int         open;
  int         resolved;           /* status resolved: closed either way */
  int         disagreement_remains;  /* … of those, closed with the disagreement remaining */
  int         overdue;
  GPtrArray  *profiles;           /* QuorumDifferenceProfileStats*, by profile id */
};

/* Counts the differences raised between @from and @to (inclusive; either NULL for no bound), by
 * profile, stage reached and outcome. @profiles (QuorumProfile*, may be NULL) give the names, every
 * stage of each profile (counted from zero) and the monitored stage. */
QuorumDifferenceStats *quorum_difference_stats_new     (GPtrArray   *differences,
                                                        GPtrArray   *profiles,
                                                        const GDate *from,
                                                        const GDate *to,
                                                        const GDate *as_of);
void                   quorum_difference_stats_free    (QuorumDifferenceStats *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QuorumDifference, quorum_difference_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (QuorumDifferenceStage, quorum_difference_stage_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (QuorumDifferenceNote, quorum_difference_note_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (QuorumDifferenceStats, quorum_difference_stats_free)

G_END_DECLS
