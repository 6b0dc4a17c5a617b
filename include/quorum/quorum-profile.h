/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-profile.h: a policy profile, loaded from a GKeyFile (data/profiles/ID.ini). */
#pragma once

#include "quorum-types.h"

G_BEGIN_DECLS

struct _QuorumStage
{
  int    number;            /* 1-based */
  char  *name;              /* "Line managers discuss with their counterparts" */
  char  *owner;             /* who acts at this stage */
  int    limit_working_days; /* -1: no time limit set by this policy */
  char  *limit_source;      /* the seed's words for the limit, or NULL */
  char **checklist;         /* NULL-terminated questions, or NULL */
  /* Where the policy says so (DOMAIN: "Escalation of a professional difference"): */
  int    clock_from;        /* the stage whose opening starts this stage's clock (SEW 3: 2), or 0 */
  int    alternative_to;    /* a stage this one is the alternative of (six-stage 4 and 5), or 0 */
  char  *kind;              /* the kind of dispute it is for ("risk", "resources"), or NULL */
  char **choices;           /* per checklist question: "a|b|c" the answers allowed ("" any), or NULL */
};

/* What a notice is about: when it becomes due. */
typedef enum
{
  QUORUM_NOTICE_ON_REFERRAL,      /* a referral to the Head of Service exists */
  QUORUM_NOTICE_ON_RAISED,        /* a difference was raised */
  QUORUM_NOTICE_ON_STAGE,         /* a difference reached stage @stage */
  QUORUM_NOTICE_ON_EVERY_STAGE,   /* at every stage a difference reaches */
  QUORUM_NOTICE_ON_RESOLVED,      /* a difference was closed */
} QuorumNoticeOn;

/* A notice a policy names ([Notice ID] of a profile). */
typedef struct
{
  char           *id;             /* "business-unit": the CLI's word */
  QuorumNoticeOn  on;
  int             stage;          /* with QUORUM_NOTICE_ON_STAGE */
  char           *what;           /* what is told */
  char           *from;           /* who gives it: the notice's owner */
  char           *to;             /* who is told */
  int             working_days;   /* limit from its trigger, -1 for none */
  char           *source;         /* the policy's words */
} QuorumNoticeRule;

struct _QuorumProfile
{
  char        *id;           /* "bolton": the file's basename, part of the CLI contract */
  char        *name;         /* "Bolton: resolution of professional differences" */
  char        *authority;    /* "Bolton Safeguarding Children Board" */
  char        *seed;         /* "000_d99d103891282ae5.txt" */
  gboolean     is_default;
  QuorumRule   rule;
  QuorumRegion region;
  gboolean     bilingual;     /* the region works in Welsh and English */

  /* [referral]: a split vote's referral to the Head of Service */
  int          referral_working_days;  /* 5 */
  int          panel_calendar_days;    /* 28 */

  /* [quoracy] */
  char       **lead_agency_patterns;  /* case-insensitive substrings naming children's social care */
  int          min_other_agencies;    /* 2 */

  /* [challenge]: chair-decides profiles: the Safeguarding Co-ordinator's possible decisions */
  char       **challenge_outcomes;    /* NULL-terminated, or NULL */
  /* The challenge route of a conference decision (002 §4.2–4.5): absent when Decisions is */
  guint        challenge_decisions;   /* QuorumChallengeDecision flags the route allows, 0: no route */
  char        *challenge_raised_with; /* "Designated Person for Child Protection" */
  char        *challenge_alerts;      /* "Safeguarding Co-ordinator" */
  char        *challenge_alert_when;  /* the policy's words: "immediately" */

  /* [escalation] */
  gboolean     immediate_risk_same_day;
  char        *immediate_risk_advice; /* what to do now, in the seed's words */
  int          monitored_stage;       /* stage whose escalations are counted (SEW: 5), 0 if none */
  GPtrArray   *stages;                /* QuorumStage*, in order */

  char        *source;        /* the key file as read: what a conference freezes */

  gboolean     formal_challenge;  /* [Escalation] FormalChallenge: records that one was lodged (004) */
  GPtrArray   *notices;           /* QuorumNoticeRule*, in the file's order */

  GKeyFile    *texts;         /* @source parsed once, every translation kept; only read after */

  gatomicrefcount ref_count;
};

QuorumProfile *quorum_profile_new_from_keyfile (const char  *id,
                                                GKeyFile    *keyfile,
                                                GError     **error);
/* The same from the text of a key file (a profile frozen with a conference). */
QuorumProfile *quorum_profile_new_from_data    (const char  *id,
                                                const char  *data,
                                                GError     **error);
QuorumProfile *quorum_profile_ref              (QuorumProfile *self);
void           quorum_profile_unref            (QuorumProfile *self);
const QuorumStage *quorum_profile_get_stage    (QuorumProfile *self,
                                                int            number);
guint          quorum_profile_get_n_stages     (QuorumProfile *self);
/* A text of the profile (Name, Authority, a stage's Name…) in the language pushed with
 * quorum_i18n_push_language (Name[cy] for "cy"; Name for "en"), else the desktop's; from the key
 * file as frozen with the conference. NULL when the key is missing. */
char          *quorum_profile_dup_text         (const QuorumProfile *self,
                                                const char          *group,
                                                const char          *key);
/* Words a record copied from @self's @group @key when it was written (a stage's Name or Owner,
 * copied when the stage opened, in the language of whoever recorded it), as the reader reads
 * them: when @stored is that key's text in any language the profile gives (Name, Name[cy], …),
 * the text in the language in force, as quorum_profile_dup_text; otherwise @stored as stored,
 * since the profile has changed since and the record says what applied then. With @self NULL
 * (a profile no longer installed) @stored too. Newly allocated; NULL for a NULL @stored. */
char          *quorum_profile_dup_text_as_read (const QuorumProfile *self,
                                                const char          *group,
                                                const char          *key,
                                                const char          *stored);
/* The same for one item of a list (a stage's Checklist question, a challenge's Outcomes): the
 * item at the same place in the list of the language in force. */
char          *quorum_profile_dup_item_as_read (const QuorumProfile *self,
                                                const char          *group,
                                                const char          *key,
                                                const char          *stored);
/* The same for what a given notice copied from its rule (To, What of [Notice @notice_id]). */
char          *quorum_profile_dup_notice_text_as_read (const QuorumProfile *self,
                                                const char          *notice_id,
                                                const char          *key,
                                                const char          *stored);
/* A text of @frozen (a profile as frozen with its conference) in the language in force; where the
 * frozen file has no translation for it, the profile installed now under the same id gives it,
 * when it still says the same words (quorum_profile_dup_text_as_read). NULL when missing. */
char          *quorum_profile_dup_frozen_text  (const QuorumProfile *frozen,
                                                const char          *group,
                                                const char          *key);
/* The policy's name as a list or a chart has room for: its Name up to the colon ("Bolton",
 * "De-ddwyrain Cymru"), or the whole Name when it has none. */
char          *quorum_profile_dup_short_name   (const QuorumProfile *self);
/* The notice @id of @self, or NULL. */
const QuorumNoticeRule *quorum_profile_get_notice (const QuorumProfile *self,
                                                const char          *id);
const char    *quorum_notice_on_to_string      (QuorumNoticeOn on);

/* All profiles: the shipped ones (GResource /io/github/quorum_app/quorum/profiles/), then
 * $XDG_DATA_HOME/quorum/profiles/ (every .ini) and the directories of $QUORUM_PROFILES_DIR
 * (colon-separated); a later file with the same id replaces an earlier one.
 * A broken local file is skipped with a g_warning, never fatal.
 * Returns a GPtrArray of QuorumProfile*, sorted by id, the default first. */
GPtrArray     *quorum_profiles_load_all        (GError     **error);
/* Looks @id up among quorum_profiles_load_all(); QUORUM_ERROR_INVALID naming the known ids. */
QuorumProfile *quorum_profiles_lookup          (const char  *id,
                                                GError     **error);
const char    *quorum_profiles_default_id      (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QuorumProfile, quorum_profile_unref)

G_END_DECLS
