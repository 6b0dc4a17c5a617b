/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-date.h: ISO calendar dates, strictly parsed. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Parses "YYYY-MM-DD" exactly (no time, no spaces); refuses 2026-02-30 with
 * QUORUM_ERROR_INVALID. @what names the field in the message ("--date"). */
gboolean quorum_date_parse     (const char  *str,
                                const char  *what,
                                GDate       *out,
                                GError     **error);
/* "YYYY-MM-DD", newly allocated; NULL for an invalid (unset) date. */
char    *quorum_date_to_string (const GDate *date);
/* Today, local time; $QUORUM_TODAY (YYYY-MM-DD) fixes it for tests and demonstrations. */
void     quorum_date_today     (GDate       *out);
/* The record holds what has happened: refuses @date after quorum_date_today() with
 * QUORUM_ERROR_INVALID, "@what (DATE) is in the future (today is DATE)". An invalid @date passes
 * (its own check says it is missing). */
gboolean quorum_date_check_not_future (const GDate  *date,
                                       const char   *what,
                                       GError      **error);
/* Whether @time is a time of day written "HH:MM" exactly (00:00 to 23:59); refuses anything
 * else, NULL and "" included, with QUORUM_ERROR_INVALID. */
gboolean quorum_time_check     (const char  *time,
                                GError     **error);
/* The time of day now, "HH:MM", local, newly allocated; $QUORUM_NOW (HH:MM) fixes it for tests
 * and demonstrations, as $QUORUM_TODAY fixes the day. */
char    *quorum_time_now       (void);
/* Refuses an attendance time @time later than now (a minute's slack for clocks) on a conference
 * sitting today (@day is quorum_date_today()); any time of an earlier day passes (minutes typed
 * afterwards). @arriving chooses the message's ending ("type the time they arrived" / "left"). */
gboolean quorum_time_check_not_future (const GDate  *day,
                                       const char   *time,
                                       gboolean      arriving,
                                       GError      **error);
/* The current time as an ISO 8601 UTC timestamp with microseconds, newly allocated. */
char    *quorum_timestamp_now  (void);

G_END_DECLS
