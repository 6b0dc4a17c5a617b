/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-store-life.h: plans, referrals and notices over time, and the events of a difference
 * beside its stages, in the durable record. Each call that writes is one transaction with its
 * audit entry; the rules are quorum-referral.h's, quorum-profile.h's and quorum-difference.h's. */
#pragma once

#include "quorum-store.h"

G_BEGIN_DECLS

/* ---- plans ---- */
/* Ends a plan on @date: by a later conference (@by_conference, or 0 when not recorded), with
 * @reason. Refused before the plan's start, after it has ended (a panel's "plan ended"
 * included), or dated in the future. Returns the event's id. */
gint64     quorum_store_end_plan          (QuorumStore  *self,
                                           gint64        plan_id,
                                           const GDate  *date,
                                           gint64        by_conference,
                                           const char   *reason,
                                           GError      **error);
/* A review date of a plan (a review conference set or held). Refused before its start or
 * after its end. */
gint64     quorum_store_review_plan       (QuorumStore  *self,
                                           gint64        plan_id,
                                           const GDate  *date,
                                           GError      **error);

/* ---- referral corrections ---- */
/* Corrects a referral's sent date, panel date or outcome (@value: YYYY-MM-DD, or
 * plan-confirmed/plan-ended/other) with @reason, keeping the old value; a corrected sent date
 * moves the panel's due date with it. The same checks as the first entry apply. */
gint64     quorum_store_correct_referral  (QuorumStore          *self,
                                           gint64                referral_id,
                                           QuorumReferralField   field,
                                           const char           *value,
                                           const char           *reason,
                                           GError              **error);
/* The same, for an outcome with the panel's reasons for it (DOMAIN 4): "other" needs them, as
 * when it is recorded; a corrected outcome never keeps the old one's reasons as its own (they
 * are replaced by @panel_reasons, or cleared when there are none, the old ones kept in the
 * correction's audit entry). @panel_reasons must be NULL for a date. */
gint64     quorum_store_correct_referral_full (QuorumStore          *self,
                                               gint64                referral_id,
                                               QuorumReferralField   field,
                                               const char           *value,
                                               const char           *panel_reasons,
                                               const char           *reason,
                                               GError              **error);

/* ---- notices ---- */
typedef struct
{
  const char *kind;            /* a notice id of the profile ("business-unit") */
  gint64      referral_id;     /* exactly one of these two */
  gint64      difference_id;
  int         stage;           /* for a notice at a stage: the stage (0: the current one) */
  GDate       date;
  const char *by;
  const char *to;              /* NULL: the profile's words */
  const char *about;           /* NULL: the profile's words */
  const char *means;           /* "email", "letter", "phone", "meeting", … */
} QuorumNoticeSpec;

typedef struct
{
  gint64  id;                  /* 0 while pending */
  char   *kind;
  char   *profile_id;
  gint64  conference_id;       /* or 0 */
  gint64  referral_id;         /* or 0 */
  gint64  difference_id;       /* or 0 */
  int     stage;               /* or 0 */
  gboolean pending;
  GDate   due;                 /* when it is due, if the policy says; invalid otherwise */
  GDate   date;                /* given on; invalid while pending */
  char   *by;                  /* who gave it; pending: who is to (the owner) */
  char   *to;
  char   *about;
  char   *means;               /* or NULL while pending */
  char   *source;              /* the policy's words, or NULL */
  char   *recorded_at;
  char   *recorded_by;
} QuorumNoticeRow;

void       quorum_notice_row_free         (QuorumNoticeRow *self);
gint64     quorum_store_give_notice       (QuorumStore             *self,
                                           const QuorumNoticeSpec  *spec,
                                           GError                 **error);
/* Every notice the profiles name, given and pending (pending first, then by date), for the
 * referrals and differences in the database; @pending_only: only those not yet given. */
GPtrArray *quorum_store_list_notices      (QuorumStore  *self,
                                           gboolean      pending_only,
                                           GError      **error);

/* ---- differences ---- */
/* "immediate-risk" (at any stage) or "formal-challenge" (a profile with FormalChallenge). */
gint64     quorum_store_flag_difference   (QuorumStore  *self,
                                           gint64        difference_id,
                                           const char   *kind,
                                           const GDate  *date,
                                           const char   *detail,
                                           GError      **error);

/* Internal to the store. */
gboolean   _quorum_store_load_life        (QuorumStore       *self,
                                           QuorumConference  *conference,
                                           GError           **error);
/* Fills each difference of @by_id (gint64* → QuorumDifference*) from its events. */
gboolean   _quorum_store_load_difference_events (QuorumStore  *self,
                                           GHashTable   *by_id,
                                           GError      **error);
/* Returns the event's id, 0 on failure. */
gint64     _quorum_store_insert_difference_event (QuorumStore  *self,
                                           gint64        difference_id,
                                           gint64        conference_id,
                                           const char   *kind,
                                           int           stage,
                                           const GDate  *date,
                                           const char   *detail,
                                           const GDate  *due,
                                           GError      **error);
/* Who sent @referral_id to the Head of Service (its notice), or NULL. */
char      *_quorum_store_referral_sent_by (QuorumStore  *self,
                                           gint64        referral_id);
/* Who sent @referral_id to the Head of Service and how (its notice): the sender returned (or
 * NULL), the means in @means (NULL when not recorded). */
char      *_quorum_store_referral_sent_notice (QuorumStore  *self,
                                               gint64        referral_id,
                                               char        **means);
/* @means as read from a notice, or NULL (freed) when it is the words a notice given without a
 * means was stored with ("not recorded", in the language of whoever recorded it). */
char      *_quorum_store_known_means (char *means);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QuorumNoticeRow, quorum_notice_row_free)

G_END_DECLS
