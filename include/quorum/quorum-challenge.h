/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-challenge.h: the challenge of a chair's decision (Buckinghamshire, 002 §4.2–4.5), a
 * route of a profile: a dissenting agency's Designated Person alerts the Safeguarding
 * Co-ordinator immediately, who decides, in any combination the policy allows, what follows.
 * Pure rules: no I/O, no clock. */
#pragma once

#include "quorum-conference.h"
#include "quorum-profile.h"

G_BEGIN_DECLS

/* The Co-ordinator's decisions; more than one may apply ("and/or"). */
typedef enum /*< flags >*/
{
  QUORUM_CHALLENGE_NONE           = 0,
  QUORUM_CHALLENGE_UPHOLD         = 1 << 0,  /* uphold the decision reached by the chair */
  QUORUM_CHALLENGE_INTERIM_PLAN   = 1 << 1,  /* an immediate interim child protection plan */
  QUORUM_CHALLENGE_REVIEW_FORWARD = 1 << 2,  /* bring the review conference forward */
  QUORUM_CHALLENGE_REFER          = 1 << 3,  /* refer the matter to the Head of Service */
  QUORUM_CHALLENGE_ALL            = 0xf,
} QuorumChallengeDecision;

struct _QuorumChallenge
{
  gint64   id;
  gint64   conference_id;
  gint64   child_id;
  gint64   decision_id;
  char    *agency;              /* the dissenting agency */
  char    *raised_by;           /* the dissenting professional, or NULL */
  char    *designated_person;   /* who the professional raised it with */
  char    *concern;             /* why the decision places the child at risk, or NULL */
  GDate    raised_on;
  char    *coordinator;         /* the Safeguarding Co-ordinator alerted, or NULL */
  GDate    alerted_on;          /* invalid until alerted */
  GDate    decided_on;          /* invalid until the Co-ordinator decides */
  guint    decisions;           /* QuorumChallengeDecision */
  char    *reasons;             /* the Co-ordinator's reasons, or NULL */
  gint64   plan_id;             /* the interim plan made, 0 when none */
  GDate    review_date;         /* the review conference's date brought forward, or invalid */
  gint64   review_conference_id;/* the review conference it set, 0 when none */
  gint64   referral_id;         /* the referral made, 0 when none */
  char    *recorded_at;
  char    *recorded_by;
};

void         quorum_challenge_free (QuorumChallenge *self);

/* Stable words, the CLI's and the database's: "uphold", "interim-plan", "review-forward", "refer". */
const char  *quorum_challenge_decision_to_string   (QuorumChallengeDecision decision);
gboolean     quorum_challenge_decision_from_string (const char *str, QuorumChallengeDecision *out);
const char  *quorum_challenge_decision_get_label   (QuorumChallengeDecision decision);
/* "uphold,refer" */
char        *quorum_challenge_decisions_to_string  (guint decisions);
gboolean     quorum_challenge_decisions_from_string (const char *str, guint *out);

/* TRUE when @profile has a challenge route for a conference decision. */
gboolean     quorum_profile_has_challenge_route (const QuorumProfile *profile);

/* The agencies that may challenge @child_id's decision, as the record names them: each
 * dissenting group, then the agency of each representative its dissent names, each once.
 * Empty (never NULL) when the child is undecided or nobody dissented. */
GStrv        quorum_challenge_dup_agencies (const QuorumConference *conference,
                                            gint64                  child_id);

/* Whether @agency may challenge @child_id's decision: the profile has the route; the child is
 * decided; @agency is the agency of a dissenting group or of a dissenting representative; the
 * Designated Person is named; @raised_on is a date no earlier than the conference. */
gboolean     quorum_challenge_check_raise (const QuorumConference *conference,
                                           const QuorumProfile    *profile,
                                           gint64                  child_id,
                                           const char             *agency,
                                           const char             *designated_person,
                                           const GDate            *raised_on,
                                           GError                **error);

/* The Designated Person alerts the Co-ordinator: once, on or after the day it was raised. */
gboolean     quorum_challenge_check_alert (const QuorumChallenge *challenge,
                                           const char            *coordinator,
                                           const GDate           *alerted_on,
                                           GError               **error);
/* "Immediately": the alert is late when it was not given the day the challenge was raised. */
gboolean     quorum_challenge_alert_is_late (const QuorumChallenge *challenge);

/* The Co-ordinator's decisions: alerted first; once; at least one, of those the profile
 * allows; upholding the chair's decision goes with no interim plan; an interim plan only for
 * a child not already subject of a plan; a review date with the review brought forward, on or
 * after the decision; a referral only where the child has none. */
gboolean     quorum_challenge_check_decide (const QuorumConference *conference,
                                            const QuorumProfile    *profile,
                                            const QuorumChallenge  *challenge,
                                            const GDate            *decided_on,
                                            guint                   decisions,
                                            const GDate            *review_date,
                                            GError                **error);

QuorumChallenge *quorum_conference_find_challenge (const QuorumConference *conference,
                                                   gint64                  challenge_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QuorumChallenge, quorum_challenge_free)

G_END_DECLS
