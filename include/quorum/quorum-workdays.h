/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-workdays.h: working days of a UK region: weekends, bank holidays by rule,
 * one-off and moved days from data, and local closure days. */
#pragma once

#include "quorum-types.h"

G_BEGIN_DECLS

typedef struct
{
  GDate       date;
  const char *name;      /* English name, e.g. "Easter Monday" (owned by the calendar) */
} QuorumHoliday;

/* A calendar for @region with the shipped one-off days (resource
 * /io/github/quorum_app/quorum/holidays.ini) already applied. */
QuorumCalendar *quorum_calendar_new               (QuorumRegion     region);
QuorumCalendar *quorum_calendar_ref               (QuorumCalendar  *self);
void            quorum_calendar_unref             (QuorumCalendar  *self);
QuorumRegion    quorum_calendar_get_region        (QuorumCalendar  *self);

/* Applies a GKeyFile of one-off days on top of the rules (format: data/holidays.ini). */
gboolean        quorum_calendar_load_overrides    (QuorumCalendar  *self,
                                                   GKeyFile        *keyfile,
                                                   GError         **error);
/* A local closure day (not a working day), e.g. a council's office closure. */
void            quorum_calendar_add_closure       (QuorumCalendar  *self,
                                                   const GDate     *date);

gboolean        quorum_calendar_is_holiday        (QuorumCalendar  *self,
                                                   const GDate     *date,
                                                   const char     **name);
gboolean        quorum_calendar_is_working_day    (QuorumCalendar  *self,
                                                   const GDate     *date);
/* The @n-th working day after @from (@from itself never counts). With @n == 0,
 * @from itself if it is a working day, else the next working day ("same working day"). */
void            quorum_calendar_add_working_days  (QuorumCalendar  *self,
                                                   const GDate     *from,
                                                   guint            n,
                                                   GDate           *out);
/* Working days strictly after @from up to and including @to (0 if @to <= @from). */
guint           quorum_calendar_count_working_days (QuorumCalendar *self,
                                                   const GDate     *from,
                                                   const GDate     *to);
/* Why a day is not a working day (DOMAIN: "Working days"): a date the Head of Service gives on
 * a day off may be true (people email at weekends) but is said, so a typo is caught. */
typedef enum
{
  QUORUM_DAY_WORKING,        /* a working day: nothing to say */
  QUORUM_DAY_SATURDAY,
  QUORUM_DAY_SUNDAY,
  QUORUM_DAY_BANK_HOLIDAY,   /* a public holiday of the calendar's region */
  QUORUM_DAY_CLOSURE,        /* a local closure day */
} QuorumDayOff;

/* What @date is in @self: QUORUM_DAY_WORKING for an invalid date. */
QuorumDayOff    quorum_calendar_get_day_off       (QuorumCalendar  *self,
                                                   const GDate     *date);
/* The stable word of the CLI's JSON: "saturday", "sunday", "bank-holiday", "closure"; NULL for
 * a working day. */
const char     *quorum_day_off_to_string          (QuorumDayOff     day_off);
/* In words, for a sentence: "a Saturday", "a bank holiday in England and Wales", "a local
 * closure day"; NULL for a working day. */
const char     *quorum_day_off_get_label          (QuorumDayOff     day_off,
                                                   QuorumRegion     region);

/* The bank holidays of @year in date order: a new GArray of QuorumHoliday (free with g_array_unref). */
GArray         *quorum_calendar_get_holidays      (QuorumCalendar  *self,
                                                   int              year);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QuorumCalendar, quorum_calendar_unref)

G_END_DECLS
