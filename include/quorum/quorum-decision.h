/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-decision.h: the rules that turn a conference's views into a decision.
 * Pure functions: no I/O, no clock. */
#pragma once

#include "quorum-conference.h"
#include "quorum-profile.h"
#include "quorum-workdays.h"

G_BEGIN_DECLS

struct _QuorumQuoracy
{
  gboolean   quorate;
  gboolean   has_lead_agency;     /* children's social care is present */
  int        n_other_agencies;    /* other agencies present (voting professionals) */
  int        n_other_required;
  char      *missing;             /* what is missing, in words (translated), or NULL when quorate */
};

/* The outcome of applying the profile's rule to one child. */
struct _QuorumOutcome
{
  gint64       child_id;
  QuorumView   outcome;         /* PLAN or NO_PLAN */
  QuorumBasis  basis;
  guint        categories;
  int          n_plan;
  int          n_no_plan;
  int          n_declined;
  GPtrArray   *dissent;         /* QuorumDissent*: every group whose view differs from the outcome */
  gboolean     creates_plan;    /* outcome is PLAN */
  gboolean     plan_from_split;
  gboolean     creates_referral;/* basis is SPLIT */
  GDate        plan_start;      /* the conference date */
  GDate        referral_due;    /* valid when creates_referral */
};

QuorumQuoracy *quorum_quoracy_check (const QuorumConference *conference,
                                     const QuorumProfile    *profile);
void           quorum_quoracy_free  (QuorumQuoracy *self);

/* Applies @profile's rule to @child_id of @conference.
 * @chair_view: PLAN or NO_PLAN under a chair-decides profile when there is no consensus,
 * else QUORUM_VIEW_NONE (giving one under a majority profile is refused).
 * @chair_categories: with a chair's PLAN.
 * Refuses (QUORUM_ERROR_*), saying why in plain words: an unknown child; a child already
 * decided; a voting group that has given no view; zero counted views (NO_VIEWS); an inquorate
 * conference with no reason recorded (INQUORATE); a chair-decides profile without a chair view;
 * a group whose representatives could not agree without the own position of each of them in the
 * room (quorum_decide_missing_positions). */
QuorumOutcome *quorum_decide        (const QuorumConference *conference,
                                     const QuorumProfile    *profile,
                                     QuorumCalendar         *calendar,
                                     gint64                  child_id,
                                     QuorumView              chair_view,
                                     guint                   chair_categories,
                                     GError                **error);
/* The groups of @child_id whose view dissents from what quorum_decide would decide and has no
 * reason (DOMAIN "Reaching a decision" 6: what it refuses the decision for), in the order of the
 * groups: where a screen takes the chair to give the reason. Empty when there are none, or when
 * the decision is refused for something else. */
GStrv          quorum_decide_dissent_without_reason (const QuorumConference *conference,
                                                     const QuorumProfile    *profile,
                                                     QuorumCalendar         *calendar,
                                                     gint64                  child_id,
                                                     QuorumView              chair_view,
                                                     guint                   chair_categories);
/* DOMAIN "Reaching a decision" 2 and 6: where a group's representatives could not agree (its
 * view so marked, or an own position recorded for the child), each of them in the room for the
 * decision gives their own position before it is taken; quorum_decide refuses it until then. The
 * attendee ids (gint64) of those in the room now whose own position is missing, in the attendees'
 * order: where a screen takes the chair to record it. A representative who left before giving
 * theirs is not among them (they were not in the room for the decision, and cannot give it now);
 * one who gave theirs and left keeps it. Empty when none, or once the child is decided or reached
 * consensus. Free with g_array_unref. */
GArray        *quorum_decide_missing_positions (const QuorumConference *conference,
                                                gint64                  child_id);
void           quorum_outcome_free  (QuorumOutcome *self);
/* Whether @a and @b record the same thing: outcome, basis, categories, tally, every dissent
 * (group, view, categories, representatives, reason), the plan and the referral's due date.
 * What the chair was shown before confirming is what is recorded. */
gboolean       quorum_outcome_equal (const QuorumOutcome *a,
                                     const QuorumOutcome *b);

/* DOMAIN "Reaching a decision": with plan, the category of abuse. The chair's own decision of a
 * plan names at least one; the chair's screen asks with this before the decision is shown. (The
 * store does not refuse it: `quorum-cli decide --chair-view plan` takes no categories by its
 * contract.) */
gboolean       quorum_check_chair_plan (QuorumView   view,
                                        guint        categories,
                                        GError     **error);

/* DOMAIN "Reaching a decision" 5 (002 §4.1): a decision the chair makes without consensus says
 * why. @reason, the chair's own reasons, is required with @outcome's basis QUORUM_BASIS_CHAIR
 * (and checked as every reason is: quorum_check_text) and refused with any other basis: a
 * consensus, a majority and a split are the groups' decision, whose reasons are the groups' own,
 * and the record has no place for the chair's there (given, they would be lost without a word).
 * QUORUM_ERROR_INVALID naming @child_name otherwise. */
gboolean       quorum_check_decision_reason (const QuorumOutcome *outcome,
                                             const char          *child_name,
                                             const char          *reason,
                                             GError             **error);

/* Checks one group's view before it is recorded: the group has a present voting attendee;
 * the child exists and is not decided; no consensus was reached for the child; categories
 * only with PLAN; a DECLINE carries its reason. A refusal is worded by @conference's rule
 * (conference->rule): under chair-decides there is no vote, the views come before the chair's
 * decision. */
gboolean       quorum_check_vote    (const QuorumConference *conference,
                                     gint64                  child_id,
                                     const char             *group,
                                     QuorumView              view,
                                     guint                   categories,
                                     const char             *reason,
                                     GError                **error);

/* Whether a refusal of a view for @child_id is worded by @conference's rule (no attempt at
 * consensus yet, or one that reached it): a caller that has not read the rule reads it only then. */
gboolean       quorum_check_vote_worded_by_rule (const QuorumConference *conference,
                                                 gint64                  child_id);

/* The attendance timeline (DOMAIN "Attendance is a timeline"). An arrival: the attendee is on
 * the record, has not arrived or left already; someone who sent apologies may still come. */
gboolean       quorum_check_arrival (const QuorumConference *conference,
                                     gint64                  attendee_id,
                                     const char             *time,
                                     GError                **error);
/* The arrival of someone added to the record as arriving late (@name, not yet stored): at or
 * after the start, not later than now on the conference's day, and not before a decision taken
 * for a child without them ("Nobody joins the voters of a child whose decision is taken"). */
gboolean       quorum_check_new_arrival (const QuorumConference *conference,
                                         const char             *name,
                                         const char             *time,
                                         GError                **error);
/* A departure: the attendee is in the room, leaves once, not before arriving. */
gboolean       quorum_check_departure (const QuorumConference *conference,
                                       gint64                  attendee_id,
                                       const char             *time,
                                       GError                **error);
/* Whether attendee @attendee_id of @conference may be back in the room (a leave undone): they
 * left, the conference is not signed off, and no decision was taken while they were gone (its
 * record keeps when they had left). */
gboolean       quorum_check_return (const QuorumConference *conference,
                                    gint64                  attendee_id,
                                    GError                **error);
/* The undecided children for which @attendee_id's leaving leaves their group without a view:
 * no current view and no other representative in the room. GArray of gint64 child ids. */
GArray        *quorum_departure_leaves_without_view (const QuorumConference *conference,
                                                     gint64                  attendee_id);

/* One representative's own position where the group's representatives cannot agree: a voting
 * attendee in the room, of @group; the child undecided, after an attempt without consensus;
 * plan or no plan; a reason with it (a position that may dissent needs one). */
gboolean       quorum_check_member_view (const QuorumConference *conference,
                                         gint64                  child_id,
                                         gint64                  attendee_id,
                                         QuorumView              view,
                                         guint                   categories,
                                         const char             *reason,
                                         GError                **error);

/* DOMAIN "Reaching a decision" 3: every dissent is recorded with its reasons, the group's (or the
 * representative's) reasons for the view it holds. A reason is given for a view: when @recorded,
 * given with @recorded_reason, is changed to @view, those words are no longer its reason (the
 * audit keeps them with the old view). TRUE when the reason recorded stands for @view: the same
 * view, or none recorded before. */
gboolean       quorum_view_change_keeps_reason (QuorumView recorded,
                                                QuorumView view);

/* The same rule for a view given again: refused (QUORUM_ERROR_INVALID, naming @who and both
 * views) when @view changes @recorded and @reason is, word for word, the reason given for
 * @recorded, unless @confirmed says that the words were given again for @view (the chair
 * confirmed them, or they were typed with it, as `quorum-cli vote --reason` is). No reason with
 * the changed view is no refusal here: the old one is simply not carried (a dissent without
 * its reason is refused at the decision). */
gboolean       quorum_check_view_change       (const char *who,
                                                QuorumView  recorded,
                                                const char *recorded_reason,
                                                QuorumView  view,
                                                const char *reason,
                                                gboolean    confirmed,
                                                GError    **error);

/* DOMAIN "Reaching a decision" 1: a consensus attempt is of the voting groups in the room; with
 * none present (no attendee yet, or only apologies, written reports and non-voting attendees)
 * there is no one whose agreement it records. */
gboolean       quorum_check_attempt (const QuorumConference *conference,
                                     GError                **error);
/* A consensus attempt's outcome: a plan, no plan or none; categories of abuse only with a plan,
 * and a plan agreed by consensus under at least one (DOMAIN "Reaching a decision": a plan view
 * carries its category; the consensus is the conference's decision, as the chair's is). */
gboolean       quorum_check_attempt_outcome (QuorumView   agreed,
                                             guint        categories,
                                             GError     **error);

/* The referral's dates: due = @conference_date + referral_working_days (profile's region);
 * panel_due = @notified + panel_calendar_days. */
void           quorum_referral_due  (const QuorumProfile *profile,
                                     QuorumCalendar      *calendar,
                                     const GDate         *conference_date,
                                     GDate               *out);
void           quorum_panel_due     (const QuorumProfile *profile,
                                     const GDate         *notified,
                                     GDate               *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QuorumOutcome, quorum_outcome_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (QuorumQuoracy, quorum_quoracy_free)

G_END_DECLS
