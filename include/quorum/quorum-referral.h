/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-referral.h: a referral's and a plan's life after the decision: lateness shown, never
 * hidden; the Head of Service's dates checked; corrections that keep the old value. Pure rules:
 * the caller gives today's date and the calendar. */
#pragma once

#include "quorum-types.h"
#include "quorum-workdays.h"

G_BEGIN_DECLS

/* What a correction of a referral may change (the CLI's and the database's words). */
typedef enum
{
  QUORUM_REFERRAL_FIELD_NOTIFIED,
  QUORUM_REFERRAL_FIELD_PANEL_DATE,
  QUORUM_REFERRAL_FIELD_OUTCOME,
  QUORUM_N_REFERRAL_FIELDS
} QuorumReferralField;

const char *quorum_referral_field_to_string   (QuorumReferralField field);
gboolean    quorum_referral_field_from_string (const char *str, QuorumReferralField *out);
const char *quorum_referral_field_get_label   (QuorumReferralField field);

/* How a plan ended. */
typedef enum
{
  QUORUM_PLAN_OPEN,
  QUORUM_PLAN_ENDED_BY_PANEL,       /* the Appeals and Split Decisions Panel: "plan ended" */
  QUORUM_PLAN_ENDED_BY_CONFERENCE,  /* a later conference */
} QuorumPlanEnd;

const char *quorum_plan_end_to_string (QuorumPlanEnd end);

/* The working day on or before @date: a due date that falls on a weekend or bank holiday is
 * shown with the working day before it (DOMAIN: "Plans, referrals and notices over time"). */
void        quorum_calendar_working_day_on_or_before (QuorumCalendar *calendar,
                                                      const GDate    *date,
                                                      GDate          *out);

/* Lateness, never hidden: sent after its due date; heard after the panel's due date. */
gboolean    quorum_referral_sent_late  (const GDate *due,
                                        const GDate *notified);
gboolean    quorum_referral_heard_late (const GDate *panel_due,
                                        const GDate *panel_date);

/* The Head of Service's dates: the referral sent no earlier than the conference and not in the
 * future; the panel heard no earlier than it was sent and not in the future. @what names the
 * date in the message. QUORUM_ERROR_INVALID saying why. */
gboolean    quorum_referral_check_sent  (const GDate  *sent,
                                         const GDate  *conference_date,
                                         const GDate  *today,
                                         GError      **error);
gboolean    quorum_referral_check_heard (const GDate  *heard,
                                         const GDate  *sent,
                                         const GDate  *today,
                                         GError      **error);

/* DOMAIN 4: the panel's outcome is plan confirmed, plan ended, or other *with reasons*. The
 * reasons belong to the outcome they were given with: "other" needs its own (when it is
 * recorded and when an outcome is corrected to it); for the others they are optional. Refuses
 * QUORUM_PANEL_NONE. QUORUM_ERROR_INVALID saying why. */
gboolean    quorum_referral_check_outcome (QuorumPanelOutcome   outcome,
                                           const char          *reasons,
                                           GError             **error);

/* A correction changes something, else it is refused ("already says …: nothing to correct"):
 * a date or an outcome to another; or an outcome to itself with other reasons, since the
 * reasons belong to the outcome (DOMAIN 4: "other with reasons"): Other's reasons corrected
 * are a correction of the record. No reasons and blank reasons are the same; reasons compare
 * as given, spaces at their ends aside. @referral_id names the referral in the message.
 * QUORUM_ERROR_INVALID saying why. */
gboolean    quorum_referral_check_correction (gint64                referral_id,
                                              QuorumReferralField   field,
                                              const char           *old_value,
                                              const char           *old_reasons,
                                              const char           *new_value,
                                              const char           *new_reasons,
                                              GError              **error);

/* A referral's dates and outcome as they stood on a day (DOMAIN 4, "as of"): what the table
 * shows for that day. */
typedef struct
{
  GDate               notified;     /* unset: not yet sent by then */
  GDate               panel_due;    /* unset until sent (or when its policy sets none) */
  GDate               panel_date;   /* unset: not yet heard by then */
  QuorumPanelOutcome  outcome;      /* QUORUM_PANEL_NONE: not yet heard by then */
  const char         *outcome_reason;  /* borrowed from the record or a change, or NULL */
} QuorumReferralAsOf;

/* A correction as the "as of" rule reads it: the field, the value it replaced (as stored:
 * "YYYY-MM-DD" or an outcome's id; NULL for none), for an outcome the reasons it replaced
 * (NULL: none, or not known), and the day it was made. */
typedef struct
{
  QuorumReferralField  field;
  const char          *old_value;
  const char          *old_reasons;
  GDate                made_on;
} QuorumReferralChange;

/* The referral as it stood on @as_of, from what is recorded now (@recorded: the record's
 * notified, panel due, panel date, outcome and reasons) and its corrections (@changes, oldest
 * first): a correction made after @as_of had not been made, so the value before it is shown
 * (the one the first such correction of that field replaced); then a date after @as_of had not
 * happened (a notification sent later is not shown, nor its panel due; a hearing later is not
 * shown, nor its outcome). A sent date put back moves the panel's due date with it (it is a
 * number of calendar days after it). @as_of invalid: the record as it is. Strings are borrowed
 * from @recorded and @changes. */
void        quorum_referral_as_of (const QuorumReferralAsOf   *recorded,
                                   const QuorumReferralChange *changes,
                                   guint                       n_changes,
                                   const GDate                *as_of,
                                   QuorumReferralAsOf         *out);

/* Whether a referral was overdue on @as_of as it stood then (@then, from quorum_referral_as_of ()
 * for that day): not yet sent and past its @due date, or sent, not yet heard and past its
 * panel's due date. Due on the day is not yet late; heard is never overdue. The store's SQL
 * (R_OVERDUE) says the same of the record's own dates. */
gboolean    quorum_referral_overdue_as_of (const GDate              *due,
                                           const QuorumReferralAsOf *then,
                                           const GDate              *as_of);

/* The local day of an ISO 8601 timestamp (as quorum_timestamp_now () writes them): the day a
 * correction was made. FALSE, @out cleared, when it is not one. */
gboolean    quorum_timestamp_get_local_date (const char *timestamp,
                                             GDate      *out);
/* The first timestamp (as quorum_timestamp_now () writes them, in UTC) of the local day after
 * @day: a correction made at or after it was made after @day. Newly allocated. */
char       *quorum_timestamp_after_local_day (const GDate *day);

G_END_DECLS
