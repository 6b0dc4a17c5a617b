/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-date.c: strict ISO calendar dates and UTC timestamps. */

#include <stdio.h>
#include <string.h>
#include "quorum-gettext.h"

#include "quorum/quorum-date.h"
#include "quorum/quorum-error.h"

gboolean
quorum_date_parse (const char  *str,
                   const char  *what,
                   GDate       *out,
                   GError     **error)
{
  guint year = 0;
  guint month = 0;
  guint day = 0;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (what == NULL)
    what = _("date");

  if (str == NULL || *str == '\0')
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("%s must not be empty (use YYYY-MM-DD)"), what);
      return FALSE;
    }

  /* Exactly YYYY-MM-DD: sscanf would accept "2026-1-1" and trailing text. */
  if (strlen (str) != 10 || str[4] != '-' || str[7] != '-')
    goto not_iso;

  for (guint i = 0; i < 10; i++)
    {
      if (i == 4 || i == 7)
        continue;
      if (!g_ascii_isdigit (str[i]))
        goto not_iso;
    }

  year = (str[0] - '0') * 1000 + (str[1] - '0') * 100 + (str[2] - '0') * 10 + (str[3] - '0');
  month = (str[5] - '0') * 10 + (str[6] - '0');
  day = (str[8] - '0') * 10 + (str[9] - '0');

  if (year < 1900 || year > 9999)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("%s: \"%s\" is outside the years 1900 to 9999"), what, str);
      return FALSE;
    }

  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("%s: \"%s\" is not a real date (use YYYY-MM-DD)"), what, str);
      return FALSE;
    }

  if (out != NULL)
    g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);

  return TRUE;

not_iso:
  {
    /* Keep odd bytes out of the message: it may reach a terminal or a log. */
    g_autofree char *shown = g_utf8_make_valid (str, -1);

    g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                 _("%s: \"%s\" is not a date in the form YYYY-MM-DD"), what, shown);
    return FALSE;
  }
}

char *
quorum_date_to_string (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return NULL;

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

void
quorum_date_today (GDate *out)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  const char *fixed = g_getenv ("QUORUM_TODAY");

  g_return_if_fail (out != NULL);

  /* $QUORUM_TODAY=YYYY-MM-DD fixes "today" (tests, demonstrations, a replayed day's record). */
  if (fixed != NULL && quorum_date_parse (fixed, NULL, out, NULL))
    return;

  g_date_clear (out, 1);
  g_date_set_dmy (out,
                  (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
}

gboolean
quorum_date_check_not_future (const GDate  *date,
                              const char   *what,
                              GError      **error)
{
  GDate today;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (date == NULL || !g_date_valid (date))
    return TRUE;
  quorum_date_today (&today);
  if (g_date_compare (date, &today) > 0)
    {
      g_autofree char *iso = quorum_date_to_string (date);
      g_autofree char *now = quorum_date_to_string (&today);

      /* Translators: "The date sent to the Head of Service (2027-01-04) is in the future (today is 2026-11-30)" */
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("%s (%s) is in the future (today is %s)"), what, iso, now);
      return FALSE;
    }
  return TRUE;
}

char *
quorum_time_now (void)
{
  g_autoptr(GDateTime) now = NULL;
  const char *fixed = g_getenv ("QUORUM_NOW");

  /* $QUORUM_NOW=HH:MM fixes the time of day (tests, demonstrations), as $QUORUM_TODAY the day. */
  if (fixed != NULL && quorum_time_check (fixed, NULL))
    return g_strdup (fixed);
  now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%H:%M");
}

static int
minutes_of (const char *time)
{
  return (time[0] - '0') * 600 + (time[1] - '0') * 60 + (time[3] - '0') * 10 + (time[4] - '0');
}

gboolean
quorum_time_check_not_future (const GDate  *day,
                              const char   *time,
                              gboolean      arriving,
                              GError      **error)
{
  g_autofree char *now = NULL;
  GDate today;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* A day other than today (minutes typed afterwards) takes any time of it; an ill-formed time
   * is for quorum_time_check to refuse. */
  if (day == NULL || !g_date_valid (day) || !quorum_time_check (time, NULL))
    return TRUE;
  quorum_date_today (&today);
  if (g_date_compare (day, &today) != 0)
    return TRUE;
  now = quorum_time_now ();
  /* A minute's slack: the clock on the wall and the computer's differ a little. */
  if (minutes_of (time) <= minutes_of (now) + 1)
    return TRUE;
  if (arriving)
    /* Translators: "10:40 is later than now (04:22): type the time they arrived" */
    g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                 _("%s is later than now (%s): type the time they arrived"), time, now);
  else
    /* Translators: "10:40 is later than now (04:22): type the time they left" */
    g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                 _("%s is later than now (%s): type the time they left"), time, now);
  return FALSE;
}

char *
quorum_timestamp_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  /* Always six fraction digits and a Z, so timestamps sort as text. */
  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ");
}

gboolean
quorum_time_check (const char  *time,
                   GError     **error)
{
  guint hh;
  guint mm;
  char tail;

  if (time == NULL || strlen (time) != 5 || sscanf (time, "%2u:%2u%c", &hh, &mm, &tail) != 2 || hh > 23 || mm > 59 ||
      !g_ascii_isdigit (time[0]) || !g_ascii_isdigit (time[1]) ||
      !g_ascii_isdigit (time[3]) || !g_ascii_isdigit (time[4]))
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("“%s” is not a time of day (use HH:MM, e.g. 09:30)"), time != NULL ? time : "");
      return FALSE;
    }
  return TRUE;
}
