/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-workdays.c: bank holidays of the three UK regions and working-day arithmetic. */

#include <glib/gstdio.h>
#include <stdio.h>

#include <quorum/quorum.h>

#define EW QUORUM_REGION_ENGLAND_WALES
#define SC QUORUM_REGION_SCOTLAND
#define NI QUORUM_REGION_NORTHERN_IRELAND

/* The gov.uk lists (www.gov.uk/bank-holidays) for 2019 to 2027, and the same
 * rules worked by hand for 2028 to 2030. Dates are MM-DD of the row's year. */
typedef struct
{
  int         year;
  const char *dates;
} YearList;

static const YearList england_wales[] = {
  { 2019, "01-01 04-19 04-22 05-06 05-27 08-26 12-25 12-26" },
  { 2020, "01-01 04-10 04-13 05-08 05-25 08-31 12-25 12-28" },
  { 2021, "01-01 04-02 04-05 05-03 05-31 08-30 12-27 12-28" },
  { 2022, "01-03 04-15 04-18 05-02 06-02 06-03 08-29 09-19 12-26 12-27" },
  { 2023, "01-02 04-07 04-10 05-01 05-08 05-29 08-28 12-25 12-26" },
  { 2024, "01-01 03-29 04-01 05-06 05-27 08-26 12-25 12-26" },
  { 2025, "01-01 04-18 04-21 05-05 05-26 08-25 12-25 12-26" },
  { 2026, "01-01 04-03 04-06 05-04 05-25 08-31 12-25 12-28" },
  { 2027, "01-01 03-26 03-29 05-03 05-31 08-30 12-27 12-28" },
  { 2028, "01-03 04-14 04-17 05-01 05-29 08-28 12-25 12-26" },
  { 2029, "01-01 03-30 04-02 05-07 05-28 08-27 12-25 12-26" },
  { 2030, "01-01 04-19 04-22 05-06 05-27 08-26 12-25 12-26" },
};

static const YearList scotland[] = {
  { 2019, "01-01 01-02 04-19 05-06 05-27 08-05 12-02 12-25 12-26" },
  { 2020, "01-01 01-02 04-10 05-08 05-25 08-03 11-30 12-25 12-28" },
  { 2021, "01-01 01-04 04-02 05-03 05-31 08-02 11-30 12-27 12-28" },
  { 2022, "01-03 01-04 04-15 05-02 06-02 06-03 08-01 09-19 11-30 12-26 12-27" },
  { 2023, "01-02 01-03 04-07 05-01 05-08 05-29 08-07 11-30 12-25 12-26" },
  { 2024, "01-01 01-02 03-29 05-06 05-27 08-05 12-02 12-25 12-26" },
  { 2025, "01-01 01-02 04-18 05-05 05-26 08-04 12-01 12-25 12-26" },
  /* Mon 15 Jun 2026: the one-off proclaimed for Scotland at the World Cup (holidays.ini) */
  { 2026, "01-01 01-02 04-03 05-04 05-25 06-15 08-03 11-30 12-25 12-28" },
  { 2027, "01-01 01-04 03-26 05-03 05-31 08-02 11-30 12-27 12-28" },
  { 2028, "01-03 01-04 04-14 05-01 05-29 08-07 11-30 12-25 12-26" },
  { 2029, "01-01 01-02 03-30 05-07 05-28 08-06 11-30 12-25 12-26" },
  { 2030, "01-01 01-02 04-19 05-06 05-27 08-05 12-02 12-25 12-26" },
};

static const YearList northern_ireland[] = {
  { 2019, "01-01 03-18 04-19 04-22 05-06 05-27 07-12 08-26 12-25 12-26" },
  { 2020, "01-01 03-17 04-10 04-13 05-08 05-25 07-13 08-31 12-25 12-28" },
  { 2021, "01-01 03-17 04-02 04-05 05-03 05-31 07-12 08-30 12-27 12-28" },
  { 2022, "01-03 03-17 04-15 04-18 05-02 06-02 06-03 07-12 08-29 09-19 12-26 12-27" },
  { 2023, "01-02 03-17 04-07 04-10 05-01 05-08 05-29 07-12 08-28 12-25 12-26" },
  { 2024, "01-01 03-18 03-29 04-01 05-06 05-27 07-12 08-26 12-25 12-26" },
  { 2025, "01-01 03-17 04-18 04-21 05-05 05-26 07-14 08-25 12-25 12-26" },
  { 2026, "01-01 03-17 04-03 04-06 05-04 05-25 07-13 08-31 12-25 12-28" },
  { 2027, "01-01 03-17 03-26 03-29 05-03 05-31 07-12 08-30 12-27 12-28" },
  { 2028, "01-03 03-17 04-14 04-17 05-01 05-29 07-12 08-28 12-25 12-26" },
  { 2029, "01-01 03-19 03-30 04-02 05-07 05-28 07-12 08-27 12-25 12-26" },
  { 2030, "01-01 03-18 04-19 04-22 05-06 05-27 07-12 08-26 12-25 12-26" },
};

/* Easter Sunday, checked against published tables */
static const char *const easter_sundays[] = {
  "2019-04-21", "2020-04-12", "2021-04-04", "2022-04-17", "2023-04-09", "2024-03-31",
  "2025-04-20", "2026-04-05", "2027-03-28", "2028-04-16", "2029-04-01", "2030-04-21",
};

static GDate
iso (const char *str)
{
  GDate date;
  int y;
  int m;
  int d;

  g_assert_cmpint (sscanf (str, "%d-%d-%d", &y, &m, &d), ==, 3);
  g_assert_true (g_date_valid_dmy (d, m, y));
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);

  return date;
}

static char *
to_iso (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d",
                          g_date_get_year (date),
                          g_date_get_month (date),
                          g_date_get_day (date));
}

/* "MM-DD MM-DD …" of a year's holidays, to compare with the lists above */
static char *
holidays_string (QuorumCalendar *calendar,
                 int             year)
{
  g_autoptr(GArray) holidays = quorum_calendar_get_holidays (calendar, year);
  g_autoptr(GString) str = g_string_new (NULL);

  for (guint i = 0; i < holidays->len; i++)
    {
      const QuorumHoliday *h = &g_array_index (holidays, QuorumHoliday, i);

      g_assert_cmpint (g_date_get_year (&h->date), ==, year);
      g_assert_nonnull (h->name);
      g_assert_cmpstr (h->name, !=, "");
      if (i > 0)
        {
          const QuorumHoliday *prev = &g_array_index (holidays, QuorumHoliday, i - 1);

          g_assert_cmpint (g_date_compare (&prev->date, &h->date), <, 0);
          g_string_append_c (str, ' ');
        }
      g_string_append_printf (str, "%02d-%02d",
                              g_date_get_month (&h->date),
                              g_date_get_day (&h->date));
    }

  return g_string_free (g_steal_pointer (&str), FALSE);
}

static void
assert_year_lists (QuorumRegion    region,
                   const YearList *lists,
                   gsize           n_lists)
{
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (region);

  g_assert_cmpuint (n_lists, ==, 12);
  for (gsize i = 0; i < n_lists; i++)
    {
      g_autofree char *actual = holidays_string (calendar, lists[i].year);
      g_auto(GStrv) dates = g_strsplit (lists[i].dates, " ", -1);

      g_test_message ("%s %d", quorum_region_to_string (region), lists[i].year);
      g_assert_cmpstr (actual, ==, lists[i].dates);

      /* And the single-day queries agree with the list */
      for (guint j = 0; dates[j] != NULL; j++)
        {
          g_autofree char *str = g_strdup_printf ("%d-%s", lists[i].year, dates[j]);
          GDate date = iso (str);
          const char *name = NULL;

          g_assert_true (quorum_calendar_is_holiday (calendar, &date, &name));
          g_assert_nonnull (name);
          g_assert_false (quorum_calendar_is_working_day (calendar, &date));
        }
    }
}

static void
assert_holiday (QuorumCalendar *calendar,
                const char     *date_str,
                const char     *expected_name)
{
  GDate date = iso (date_str);
  const char *name = NULL;

  g_test_message ("%s: %s", quorum_region_to_string (quorum_calendar_get_region (calendar)), date_str);
  g_assert_true (quorum_calendar_is_holiday (calendar, &date, &name));
  if (expected_name != NULL)
    g_assert_cmpstr (name, ==, expected_name);
  g_assert_false (quorum_calendar_is_working_day (calendar, &date));
}

static void
assert_not_holiday (QuorumCalendar *calendar,
                    const char     *date_str)
{
  GDate date = iso (date_str);
  const char *name = "unset";

  g_test_message ("%s: %s", quorum_region_to_string (quorum_calendar_get_region (calendar)), date_str);
  g_assert_false (quorum_calendar_is_holiday (calendar, &date, &name));
  g_assert_null (name);
}

static void
assert_working_day (QuorumCalendar *calendar,
                    const char     *date_str)
{
  GDate date = iso (date_str);

  assert_not_holiday (calendar, date_str);
  g_assert_true (quorum_calendar_is_working_day (calendar, &date));
}

static void
assert_add (QuorumCalendar *calendar,
            const char     *from_str,
            guint           n,
            const char     *expected)
{
  GDate from = iso (from_str);
  GDate out;
  g_autofree char *actual = NULL;

  g_date_clear (&out, 1);
  quorum_calendar_add_working_days (calendar, &from, n, &out);
  actual = to_iso (&out);
  g_test_message ("%s: %u working days after %s",
                  quorum_region_to_string (quorum_calendar_get_region (calendar)), n, from_str);
  g_assert_cmpstr (actual, ==, expected);
}

static void
test_england_wales_lists (void)
{
  assert_year_lists (EW, england_wales, G_N_ELEMENTS (england_wales));
}

static void
test_scotland_lists (void)
{
  assert_year_lists (SC, scotland, G_N_ELEMENTS (scotland));
}

static void
test_northern_ireland_lists (void)
{
  assert_year_lists (NI, northern_ireland, G_N_ELEMENTS (northern_ireland));
}

static void
test_easter_computus (void)
{
  g_autoptr(QuorumCalendar) ew = quorum_calendar_new (EW);
  g_autoptr(QuorumCalendar) sc = quorum_calendar_new (SC);

  for (guint i = 0; i < G_N_ELEMENTS (easter_sundays); i++)
    {
      GDate sunday = iso (easter_sundays[i]);
      GDate friday = sunday;
      GDate monday = sunday;
      const char *name = NULL;

      g_date_subtract_days (&friday, 2);
      g_date_add_days (&monday, 1);

      g_test_message ("Easter %s", easter_sundays[i]);
      g_assert_true (quorum_calendar_is_holiday (ew, &friday, &name));
      g_assert_cmpstr (name, ==, "Good Friday");
      g_assert_true (quorum_calendar_is_holiday (ew, &monday, &name));
      g_assert_cmpstr (name, ==, "Easter Monday");
      g_assert_true (quorum_calendar_is_holiday (sc, &friday, &name));
      g_assert_cmpstr (name, ==, "Good Friday");
    }

  /* Far from the years above: the earliest and latest Easters of the century */
  assert_holiday (ew, "2008-03-24", "Easter Monday");  /* Easter 23 March */
  assert_holiday (ew, "2038-04-26", "Easter Monday");  /* Easter 25 April */
  assert_holiday (ew, "2285-03-20", "Good Friday");    /* Easter 22 March */
}

static void
test_england_wales_new_year_substitute (void)
{
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (EW);

  /* 1 January 2022 was a Saturday, 2023 a Sunday */
  assert_holiday (calendar, "2022-01-03", "New Year’s Day (substitute day)");
  assert_not_holiday (calendar, "2022-01-01");
  assert_working_day (calendar, "2022-01-04");
  assert_holiday (calendar, "2023-01-02", "New Year’s Day (substitute day)");
  assert_working_day (calendar, "2023-01-03");
  assert_holiday (calendar, "2024-01-01", "New Year’s Day");
}

static void
test_england_wales_easter_monday (void)
{
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (EW);

  assert_holiday (calendar, "2025-04-21", "Easter Monday");
  assert_holiday (calendar, "2024-04-01", "Easter Monday");
  assert_working_day (calendar, "2025-04-22");
}

static void
test_england_wales_may_august_mondays (void)
{
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (EW);

  /* 1 May on a Monday is the early May holiday itself */
  assert_holiday (calendar, "2023-05-01", "Early May bank holiday");
  assert_holiday (calendar, "2026-05-04", "Early May bank holiday");
  /* May 2026 has a 25th and no 32nd: the last Monday is the 25th */
  assert_holiday (calendar, "2026-05-25", "Spring bank holiday");
  assert_holiday (calendar, "2027-05-31", "Spring bank holiday");
  assert_working_day (calendar, "2027-05-24");
  assert_holiday (calendar, "2026-08-31", "Summer bank holiday");
  assert_working_day (calendar, "2026-08-03");
}

static void
test_england_wales_substitute_christmas (void)
{
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (EW);

  /* 2021: 25 December on a Saturday, both days move to Monday and Tuesday */
  assert_holiday (calendar, "2021-12-27", "Christmas Day (substitute day)");
  assert_holiday (calendar, "2021-12-28", "Boxing Day (substitute day)");
  assert_working_day (calendar, "2021-12-29");
  /* 2022: 25 December on a Sunday, Boxing Day keeps Monday */
  assert_holiday (calendar, "2022-12-26", "Boxing Day");
  assert_holiday (calendar, "2022-12-27", "Christmas Day (substitute day)");
  assert_working_day (calendar, "2022-12-28");
  /* 2020: 26 December on a Saturday */
  assert_holiday (calendar, "2020-12-25", "Christmas Day");
  assert_holiday (calendar, "2020-12-28", "Boxing Day (substitute day)");
  assert_working_day (calendar, "2020-12-29");
}

static void
test_scotland_new_year_substitutes (void)
{
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (SC);

  /* 2022: 1 January on a Saturday → Monday 3 and Tuesday 4 */
  assert_holiday (calendar, "2022-01-03", "New Year’s Day (substitute day)");
  assert_holiday (calendar, "2022-01-04", "2nd January (substitute day)");
  assert_working_day (calendar, "2022-01-05");
  /* 2023: 1 January on a Sunday → Monday 2 and Tuesday 3 */
  assert_holiday (calendar, "2023-01-02", NULL);
  assert_holiday (calendar, "2023-01-03", NULL);
  assert_working_day (calendar, "2023-01-04");
  /* 2021: 2 January on a Saturday → Monday 4 */
  assert_holiday (calendar, "2021-01-01", "New Year’s Day");
  assert_holiday (calendar, "2021-01-04", "2nd January (substitute day)");
  assert_working_day (calendar, "2021-01-05");
}

static void
test_scotland_no_easter_monday (void)
{
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (SC);

  assert_holiday (calendar, "2025-04-18", "Good Friday");
  assert_working_day (calendar, "2025-04-21");
  assert_working_day (calendar, "2024-04-01");
}

static void
test_scotland_summer_first_monday (void)
{
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (SC);

  assert_holiday (calendar, "2026-08-03", "Summer bank holiday");
  assert_working_day (calendar, "2026-08-31");
  /* 1 August 2022 was itself a Monday */
  assert_holiday (calendar, "2022-08-01", "Summer bank holiday");
  assert_working_day (calendar, "2022-08-29");
}

static void
test_scotland_st_andrews_day_substitute (void)
{
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (SC);
  g_autoptr(QuorumCalendar) ew = quorum_calendar_new (EW);

  assert_holiday (calendar, "2023-11-30", "St Andrew’s Day");
  /* Saturday 30 November 2024 and 2019, Sunday 2025 */
  assert_holiday (calendar, "2024-12-02", "St Andrew’s Day (substitute day)");
  assert_holiday (calendar, "2019-12-02", "St Andrew’s Day (substitute day)");
  assert_holiday (calendar, "2025-12-01", "St Andrew’s Day (substitute day)");
  assert_not_holiday (calendar, "2024-11-30");
  assert_working_day (ew, "2023-11-30");
}

static void
test_northern_ireland_st_patricks_day (void)
{
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (NI);
  g_autoptr(QuorumCalendar) ew = quorum_calendar_new (EW);

  assert_holiday (calendar, "2026-03-17", "St Patrick’s Day");
  /* Sunday 17 March 2024, Saturday 2029 */
  assert_holiday (calendar, "2024-03-18", "St Patrick’s Day (substitute day)");
  assert_holiday (calendar, "2029-03-19", "St Patrick’s Day (substitute day)");
  assert_working_day (ew, "2026-03-17");
}

static void
test_northern_ireland_boyne (void)
{
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (NI);
  g_autoptr(QuorumCalendar) sc = quorum_calendar_new (SC);

  assert_holiday (calendar, "2027-07-12", "Battle of the Boyne (Orangemen’s Day)");
  /* Saturday 12 July 2025, Sunday 2026 */
  assert_holiday (calendar, "2025-07-14", "Battle of the Boyne (Orangemen’s Day) (substitute day)");
  assert_holiday (calendar, "2026-07-13", "Battle of the Boyne (Orangemen’s Day) (substitute day)");
  assert_working_day (sc, "2027-07-12");
  /* Northern Ireland keeps the English Easter Monday and August holiday */
  assert_holiday (calendar, "2025-04-21", "Easter Monday");
  assert_holiday (calendar, "2025-08-25", "Summer bank holiday");
}

static void
test_override_2020_early_may (void)
{
  for (QuorumRegion r = 0; r < QUORUM_N_REGIONS; r++)
    {
      g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (r);

      assert_working_day (calendar, "2020-05-04");
      assert_holiday (calendar, "2020-05-08", "Early May bank holiday (VE Day)");
      /* Only 2020 moved: the rule holds the years around it */
      assert_holiday (calendar, "2019-05-06", "Early May bank holiday");
      assert_holiday (calendar, "2021-05-03", "Early May bank holiday");
    }
}

static void
test_override_2022_jubilee_and_funeral (void)
{
  for (QuorumRegion r = 0; r < QUORUM_N_REGIONS; r++)
    {
      g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (r);

      assert_working_day (calendar, "2022-05-30");
      assert_holiday (calendar, "2022-06-02", "Spring bank holiday (moved)");
      assert_holiday (calendar, "2022-06-03", "Platinum Jubilee bank holiday");
      assert_holiday (calendar, "2022-09-19", NULL);
      assert_working_day (calendar, "2022-09-20");
    }
}

static void
test_override_2023_coronation (void)
{
  for (QuorumRegion r = 0; r < QUORUM_N_REGIONS; r++)
    {
      g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (r);

      assert_holiday (calendar, "2023-05-08", "Bank holiday for the coronation of King Charles III");
      /* An extra day: the early May holiday stays */
      assert_holiday (calendar, "2023-05-01", "Early May bank holiday");
    }
}

static void
test_override_older_one_offs (void)
{
  for (QuorumRegion r = 0; r < QUORUM_N_REGIONS; r++)
    {
      g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (r);

      assert_holiday (calendar, "1999-12-31", "Millennium Celebrations");
      assert_holiday (calendar, "2011-04-29", NULL);
      assert_working_day (calendar, "2012-05-28");
      assert_holiday (calendar, "2012-06-04", "Spring bank holiday (moved)");
      assert_holiday (calendar, "2012-06-05", "Diamond Jubilee of Elizabeth II");
    }
}

static void
test_holidays_copy_and_cache (void)
{
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (EW);
  g_autoptr(GArray) first = quorum_calendar_get_holidays (calendar, 2024);
  g_autoptr(GArray) second = NULL;
  GDate date = iso ("2024-05-06");

  /* The caller's array is its own: changing it leaves the calendar alone */
  g_assert_cmpuint (first->len, ==, 8);
  g_array_set_size (first, 0);
  second = quorum_calendar_get_holidays (calendar, 2024);
  g_assert_cmpuint (second->len, ==, 8);
  g_assert_cmpstr (g_array_index (second, QuorumHoliday, 0).name, ==, "New Year’s Day");
  g_assert_true (quorum_calendar_is_holiday (calendar, &date, NULL));
}

static void
test_within_excludes_start_day (void)
{
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (EW);

  /* Monday 4 March 2024: the start day never counts */
  assert_add (calendar, "2024-03-04", 1, "2024-03-05");
  assert_add (calendar, "2024-03-04", 4, "2024-03-08");
}

static void
test_within_weekends (void)
{
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (EW);

  assert_add (calendar, "2024-03-08", 1, "2024-03-11");   /* Friday → Monday */
  assert_add (calendar, "2024-03-08", 5, "2024-03-15");
  assert_add (calendar, "2024-03-09", 1, "2024-03-11");   /* from a Saturday */
  assert_add (calendar, "2024-03-10", 10, "2024-03-22");  /* from a Sunday */
}

static void
test_within_easter (void)
{
  g_autoptr(QuorumCalendar) ew = quorum_calendar_new (EW);
  g_autoptr(QuorumCalendar) sc = quorum_calendar_new (SC);

  /* Maundy Thursday 2025: Good Friday and Easter Monday off in England */
  assert_add (ew, "2025-04-17", 1, "2025-04-22");
  assert_add (ew, "2025-04-16", 3, "2025-04-23");
  /* but Scotland works on Easter Monday */
  assert_add (sc, "2025-04-17", 1, "2025-04-21");
  assert_add (sc, "2025-04-16", 3, "2025-04-22");
}

static void
test_within_christmas_new_year (void)
{
  g_autoptr(QuorumCalendar) ew = quorum_calendar_new (EW);
  g_autoptr(QuorumCalendar) sc = quorum_calendar_new (SC);

  /* Wed 23 Dec 2026: Thu 24 (1), Fri 25 and Mon 28 off, 29–31 (2–4),
   * Fri 1 Jan off, Mon 4 Jan (5) */
  assert_add (ew, "2026-12-23", 5, "2027-01-04");
  /* In Scotland Mon 4 Jan 2027 is 2 January's substitute */
  assert_add (sc, "2026-12-23", 5, "2027-01-05");
  /* Fri 24 Dec 2021: Mon 27 and Tue 28 are both substitutes */
  assert_add (ew, "2021-12-24", 1, "2021-12-29");
  /* Across the year boundary with a substituted New Year: 3 Jan 2022 off */
  assert_add (ew, "2021-12-31", 1, "2022-01-04");
  assert_add (sc, "2021-12-31", 1, "2022-01-05");
}

static void
test_within_moved_holidays (void)
{
  for (QuorumRegion r = 0; r < QUORUM_N_REGIONS; r++)
    {
      g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (r);

      /* Thu 26 May 2022: Fri 27 (1), Mon 30 works (2), Tue 31 (3), Wed 1 (4),
       * Thu 2 and Fri 3 June off, Mon 6 (5) */
      assert_add (calendar, "2022-05-26", 5, "2022-06-06");
      /* Fri 1 May 2020: Mon 4 works, Fri 8 off */
      assert_add (calendar, "2020-05-01", 1, "2020-05-04");
      assert_add (calendar, "2020-05-01", 5, "2020-05-11");
      /* Fri 5 May 2023: the coronation Monday is off */
      assert_add (calendar, "2023-05-05", 1, "2023-05-09");
      /* Fri 16 Sep 2022: the State Funeral Monday is off */
      assert_add (calendar, "2022-09-16", 1, "2022-09-20");
    }
}

static void
test_within_zero_same_day (void)
{
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (EW);

  assert_add (calendar, "2024-03-04", 0, "2024-03-04");   /* a working day */
  assert_add (calendar, "2024-03-09", 0, "2024-03-11");   /* a Saturday */
  /* Christmas 2025 is a Thursday: Friday is Boxing Day, then the weekend */
  assert_add (calendar, "2025-12-25", 0, "2025-12-29");
}

static void
test_closures (void)
{
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (EW);
  g_autoptr(QuorumCalendar) other = quorum_calendar_new (EW);
  GDate closure = iso ("2024-03-05");
  GDate from = iso ("2024-03-04");
  GDate to = iso ("2024-03-08");

  g_assert_true (quorum_calendar_is_working_day (calendar, &closure));
  quorum_calendar_add_closure (calendar, &closure);

  g_assert_false (quorum_calendar_is_working_day (calendar, &closure));
  /* A closure is not a bank holiday */
  g_assert_false (quorum_calendar_is_holiday (calendar, &closure, NULL));
  assert_add (calendar, "2024-03-04", 1, "2024-03-06");
  assert_add (calendar, "2024-03-05", 0, "2024-03-06");
  g_assert_cmpuint (quorum_calendar_count_working_days (calendar, &from, &to), ==, 3);

  /* Another calendar of the same region keeps the day */
  g_assert_true (quorum_calendar_is_working_day (other, &closure));
  assert_add (other, "2024-03-04", 1, "2024-03-05");
}

/* refmeans: what a day off is, to say it (a date given on one is kept, not refused). */
static void
test_day_off (void)
{
  g_autoptr(QuorumCalendar) ew = quorum_calendar_new (EW);
  g_autoptr(QuorumCalendar) sc = quorum_calendar_new (SC);
  GDate d;
  GDate invalid;

  d = iso ("2027-05-28");
  g_assert_cmpint (quorum_calendar_get_day_off (ew, &d), ==, QUORUM_DAY_WORKING);
  d = iso ("2027-05-29");
  g_assert_cmpint (quorum_calendar_get_day_off (ew, &d), ==, QUORUM_DAY_SATURDAY);
  d = iso ("2027-05-30");
  g_assert_cmpint (quorum_calendar_get_day_off (ew, &d), ==, QUORUM_DAY_SUNDAY);
  /* The Spring bank holiday */
  d = iso ("2027-05-31");
  g_assert_cmpint (quorum_calendar_get_day_off (ew, &d), ==, QUORUM_DAY_BANK_HOLIDAY);
  /* 2 January 2027 (a Saturday) moved to Monday 4 in Scotland; a working day in England */
  d = iso ("2027-01-04");
  g_assert_cmpint (quorum_calendar_get_day_off (sc, &d), ==, QUORUM_DAY_BANK_HOLIDAY);
  g_assert_cmpint (quorum_calendar_get_day_off (ew, &d), ==, QUORUM_DAY_WORKING);
  /* Christmas Day 2027 is a Saturday: said as a Saturday (its substitute is Monday 27) */
  d = iso ("2027-12-25");
  g_assert_cmpint (quorum_calendar_get_day_off (ew, &d), ==, QUORUM_DAY_SATURDAY);
  d = iso ("2027-12-27");
  g_assert_cmpint (quorum_calendar_get_day_off (ew, &d), ==, QUORUM_DAY_BANK_HOLIDAY);
  /* A local closure */
  d = iso ("2027-06-02");
  quorum_calendar_add_closure (ew, &d);
  g_assert_cmpint (quorum_calendar_get_day_off (ew, &d), ==, QUORUM_DAY_CLOSURE);
  g_date_clear (&invalid, 1);
  g_assert_cmpint (quorum_calendar_get_day_off (ew, &invalid), ==, QUORUM_DAY_WORKING);

  g_assert_null (quorum_day_off_to_string (QUORUM_DAY_WORKING));
  g_assert_cmpstr (quorum_day_off_to_string (QUORUM_DAY_SATURDAY), ==, "saturday");
  g_assert_cmpstr (quorum_day_off_to_string (QUORUM_DAY_SUNDAY), ==, "sunday");
  g_assert_cmpstr (quorum_day_off_to_string (QUORUM_DAY_BANK_HOLIDAY), ==, "bank-holiday");
  g_assert_cmpstr (quorum_day_off_to_string (QUORUM_DAY_CLOSURE), ==, "closure");
  g_assert_null (quorum_day_off_get_label (QUORUM_DAY_WORKING, EW));
  g_assert_cmpstr (quorum_day_off_get_label (QUORUM_DAY_SATURDAY, EW), ==, "a Saturday");
  g_assert_cmpstr (quorum_day_off_get_label (QUORUM_DAY_BANK_HOLIDAY, EW), ==, "a bank holiday in England and Wales");
  g_assert_cmpstr (quorum_day_off_get_label (QUORUM_DAY_BANK_HOLIDAY, SC), ==, "a bank holiday in Scotland");
  g_assert_cmpstr (quorum_day_off_get_label (QUORUM_DAY_BANK_HOLIDAY, NI), ==, "a bank holiday in Northern Ireland");
  g_assert_cmpstr (quorum_day_off_get_label (QUORUM_DAY_CLOSURE, EW), ==, "a local closure day");
}

static void
test_count_working_days (void)
{
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (EW);
  GDate a = iso ("2022-05-26");
  GDate b = iso ("2022-06-06");
  GDate c = iso ("2026-12-23");
  GDate d = iso ("2027-01-04");
  GDate e = iso ("2024-03-08");
  GDate f = iso ("2024-03-15");

  g_assert_cmpuint (quorum_calendar_count_working_days (calendar, &a, &b), ==, 5);
  g_assert_cmpuint (quorum_calendar_count_working_days (calendar, &c, &d), ==, 5);
  g_assert_cmpuint (quorum_calendar_count_working_days (calendar, &e, &f), ==, 5);
  g_assert_cmpuint (quorum_calendar_count_working_days (calendar, &a, &a), ==, 0);
  g_assert_cmpuint (quorum_calendar_count_working_days (calendar, &b, &a), ==, 0);
}

/* count_working_days undoes add_working_days on every day of 2019–2030 */
static void
test_count_inverts_add (void)
{
  for (QuorumRegion r = 0; r < QUORUM_N_REGIONS; r++)
    {
      g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (r);
      GDate day = iso ("2019-01-01");
      GDate end = iso ("2030-12-31");

      for (; g_date_compare (&day, &end) <= 0; g_date_add_days (&day, 1))
        {
          for (guint n = 1; n <= 12; n += 11)
            {
              GDate out;

              quorum_calendar_add_working_days (calendar, &day, n, &out);
              g_assert_true (quorum_calendar_is_working_day (calendar, &out));
              g_assert_cmpuint (quorum_calendar_count_working_days (calendar, &day, &out), ==, n);
            }
        }
    }
}

static GKeyFile *
keyfile_from_string (const char *data)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GError) error = NULL;

  g_key_file_load_from_data (keyfile, data, -1, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&keyfile);
}

static void
assert_overrides_refused (const char *data)
{
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (EW);
  g_autoptr(GKeyFile) keyfile = keyfile_from_string (data);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = holidays_string (calendar, 2024);
  g_autofree char *after = NULL;

  g_assert_false (quorum_calendar_load_overrides (calendar, keyfile, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_test_message ("refused: %s", error->message);

  /* The good groups before the bad one were not applied either */
  after = holidays_string (calendar, 2024);
  g_assert_cmpstr (after, ==, before);
  assert_working_day (calendar, "2024-03-05");
  assert_holiday (calendar, "2024-05-06", "Early May bank holiday");
}

static void
test_load_overrides_refuses_impossible_date (void)
{
  assert_overrides_refused ("[2024-03-05]\n"
                            "name=Local day\n"
                            "regions=england-wales\n"
                            "replaces=2024-05-06\n"
                            "[2026-02-30]\n"
                            "name=Impossible\n"
                            "regions=england-wales\n");
  assert_overrides_refused ("[2024-03-05]\n"
                            "name=Local day\n"
                            "regions=england-wales\n"
                            "replaces=2024-05-06;2023-13-01\n");
  assert_overrides_refused ("[5 March 2024]\n"
                            "name=Not ISO\n"
                            "regions=england-wales\n");
}

static void
test_load_overrides_refuses_unknown_region (void)
{
  assert_overrides_refused ("[2024-03-05]\n"
                            "name=Local day\n"
                            "regions=england-wales\n"
                            "[2024-03-06]\n"
                            "name=Welsh day\n"
                            "regions=england-wales;wales\n");
  assert_overrides_refused ("[2024-03-05]\n"
                            "name=Local day\n"
                            "regions=\n");
}

static void
test_load_overrides_refuses_bad_groups (void)
{
  /* A misspelt key, a missing name, a removed= that is not a boolean */
  assert_overrides_refused ("[2024-03-05]\n"
                            "name=Local day\n"
                            "region=england-wales\n");
  assert_overrides_refused ("[2024-03-05]\n"
                            "regions=england-wales\n");
  assert_overrides_refused ("[2024-05-06]\n"
                            "removed=perhaps\n"
                            "regions=england-wales\n");
}

static void
test_load_overrides_local_file (void)
{
  g_autoptr(QuorumCalendar) ew = quorum_calendar_new (EW);
  g_autoptr(QuorumCalendar) sc = quorum_calendar_new (SC);
  g_autoptr(GError) error = NULL;
  g_autoptr(GKeyFile) keyfile = keyfile_from_string (
    "# A council's own days\n"
    "[2024-03-05]\n"
    "name=Local day\n"
    "regions=england-wales\n"
    "[2024-06-03]\n"
    "name=Early May bank holiday (moved)\n"
    "regions=england-wales ; scotland\n"
    "replaces=2024-05-06\n"
    "[2024-08-26]\n"
    "removed=true\n"
    "regions=england-wales\n"
    "[2024-12-25]\n"
    "name=Christmas\n"
    "regions=scotland\n");
  g_autofree char *ew_2024 = NULL;
  g_autofree char *sc_2024 = NULL;

  /* Warm the cache first: loading must drop it */
  g_free (holidays_string (ew, 2024));
  g_free (holidays_string (sc, 2024));

  g_assert_true (quorum_calendar_load_overrides (ew, keyfile, &error));
  g_assert_no_error (error);
  g_assert_true (quorum_calendar_load_overrides (sc, keyfile, &error));
  g_assert_no_error (error);

  assert_holiday (ew, "2024-03-05", "Local day");
  assert_working_day (ew, "2024-05-06");
  assert_holiday (ew, "2024-06-03", "Early May bank holiday (moved)");
  assert_working_day (ew, "2024-08-26");
  assert_holiday (ew, "2024-12-25", "Christmas Day");

  assert_working_day (sc, "2024-03-05");
  assert_working_day (sc, "2024-05-06");
  assert_holiday (sc, "2024-06-03", NULL);
  assert_holiday (sc, "2024-08-05", "Summer bank holiday");
  /* A one-off on a rule's date names it, without a second entry */
  assert_holiday (sc, "2024-12-25", "Christmas");

  ew_2024 = holidays_string (ew, 2024);
  g_assert_cmpstr (ew_2024, ==, "01-01 03-05 03-29 04-01 05-27 06-03 12-25 12-26");
  sc_2024 = holidays_string (sc, 2024);
  g_assert_cmpstr (sc_2024, ==, "01-01 01-02 03-29 05-27 06-03 08-05 12-02 12-25 12-26");
}

static void
test_calendar_ref_and_region (void)
{
  QuorumCalendar *calendar = quorum_calendar_new (NI);
  GDate date = iso ("2026-03-17");

  g_assert_cmpint (quorum_calendar_get_region (calendar), ==, NI);
  g_assert_true (quorum_calendar_ref (calendar) == calendar);
  quorum_calendar_unref (calendar);
  /* Still alive after dropping the extra reference */
  g_assert_true (quorum_calendar_is_holiday (calendar, &date, NULL));
  quorum_calendar_unref (calendar);
}

/* The published bank holidays of every region through the latest year announced (gov.uk's
 * list, and the proclamations: Scotland's one-off Monday 15 June 2026 for the men's World Cup,
 * appointed by Royal Proclamation under s.1(3) of the Banking and Financial Dealings Act 1971). */
typedef struct
{
  QuorumRegion  region;
  int           year;
  const char   *days;
} PublishedYear;

static const PublishedYear published[] = {
  { QUORUM_REGION_ENGLAND_WALES, 2024, "2024-01-01 2024-03-29 2024-04-01 2024-05-06 2024-05-27 2024-08-26 2024-12-25 2024-12-26" },
  { QUORUM_REGION_ENGLAND_WALES, 2025, "2025-01-01 2025-04-18 2025-04-21 2025-05-05 2025-05-26 2025-08-25 2025-12-25 2025-12-26" },
  { QUORUM_REGION_ENGLAND_WALES, 2026, "2026-01-01 2026-04-03 2026-04-06 2026-05-04 2026-05-25 2026-08-31 2026-12-25 2026-12-28" },
  { QUORUM_REGION_ENGLAND_WALES, 2027, "2027-01-01 2027-03-26 2027-03-29 2027-05-03 2027-05-31 2027-08-30 2027-12-27 2027-12-28" },
  { QUORUM_REGION_SCOTLAND, 2024, "2024-01-01 2024-01-02 2024-03-29 2024-05-06 2024-05-27 2024-08-05 2024-12-02 2024-12-25 2024-12-26" },
  { QUORUM_REGION_SCOTLAND, 2025, "2025-01-01 2025-01-02 2025-04-18 2025-05-05 2025-05-26 2025-08-04 2025-12-01 2025-12-25 2025-12-26" },
  { QUORUM_REGION_SCOTLAND, 2026, "2026-01-01 2026-01-02 2026-04-03 2026-05-04 2026-05-25 2026-06-15 2026-08-03 2026-11-30 2026-12-25 2026-12-28" },
  { QUORUM_REGION_SCOTLAND, 2027, "2027-01-01 2027-01-04 2027-03-26 2027-05-03 2027-05-31 2027-08-02 2027-11-30 2027-12-27 2027-12-28" },
  { QUORUM_REGION_NORTHERN_IRELAND, 2024, "2024-01-01 2024-03-18 2024-03-29 2024-04-01 2024-05-06 2024-05-27 2024-07-12 2024-08-26 2024-12-25 2024-12-26" },
  { QUORUM_REGION_NORTHERN_IRELAND, 2025, "2025-01-01 2025-03-17 2025-04-18 2025-04-21 2025-05-05 2025-05-26 2025-07-14 2025-08-25 2025-12-25 2025-12-26" },
  { QUORUM_REGION_NORTHERN_IRELAND, 2026, "2026-01-01 2026-03-17 2026-04-03 2026-04-06 2026-05-04 2026-05-25 2026-07-13 2026-08-31 2026-12-25 2026-12-28" },
  { QUORUM_REGION_NORTHERN_IRELAND, 2027, "2027-01-01 2027-03-17 2027-03-26 2027-03-29 2027-05-03 2027-05-31 2027-07-12 2027-08-30 2027-12-27 2027-12-28" },
};

static void
test_published_through_latest_year (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (published); i++)
    {
      g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (published[i].region);
      g_autoptr(GArray) days = quorum_calendar_get_holidays (calendar, published[i].year);
      g_autoptr(GString) got = g_string_new (NULL);

      for (guint j = 0; j < days->len; j++)
        {
          g_autofree char *iso = quorum_date_to_string (&g_array_index (days, QuorumHoliday, j).date);

          if (j > 0)
            g_string_append_c (got, ' ');
          g_string_append (got, iso);
        }
      g_test_message ("%s %d", quorum_region_to_string (published[i].region), published[i].year);
      g_assert_cmpstr (got->str, ==, published[i].days);
    }
}

/* Rule: an authority adds a proclaimed day as data, as it adds a profile: a holidays file in the
 * user's data directory ($XDG_DATA_HOME/quorum/holidays/NAME.ini) or $QUORUM_HOLIDAYS_DIR. */
static void
test_user_holidays_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("quorum-holidays-XXXXXX", NULL);
  g_autofree char *file = g_build_filename (dir, "proclaimed.ini", NULL);
  g_autofree char *bad = g_build_filename (dir, "broken.ini", NULL);
  GDate d;

  g_assert_true (g_file_set_contents (file,
                                      "[2027-06-14]\nname=Proclaimed one-off bank holiday\nregions=england-wales\n",
                                      -1, NULL));
  /* A broken file is skipped with a warning, the others still apply. */
  g_assert_true (g_file_set_contents (bad, "[2027-02-30]\nname=Not a date\nregions=england-wales\n", -1, NULL));
  g_setenv ("QUORUM_HOLIDAYS_DIR", dir, TRUE);
  {
    g_autoptr(QuorumCalendar) ew = NULL;
    g_autoptr(QuorumCalendar) scot = NULL;
    const char *name = NULL;

    g_test_expect_message (NULL, G_LOG_LEVEL_WARNING, "*broken.ini*");
    ew = quorum_calendar_new (QUORUM_REGION_ENGLAND_WALES);
    g_test_assert_expected_messages ();
    g_test_expect_message (NULL, G_LOG_LEVEL_WARNING, "*broken.ini*");
    scot = quorum_calendar_new (QUORUM_REGION_SCOTLAND);
    g_test_assert_expected_messages ();
    quorum_date_parse ("2027-06-14", NULL, &d, NULL);
    g_assert_true (quorum_calendar_is_holiday (ew, &d, &name));
    g_assert_cmpstr (name, ==, "Proclaimed one-off bank holiday");
    g_assert_false (quorum_calendar_is_holiday (scot, &d, NULL));
  }
  g_unsetenv ("QUORUM_HOLIDAYS_DIR");
  g_remove (file);
  g_remove (bad);
  g_rmdir (dir);
}


int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/workdays/england-wales/bank-holidays-2019-2030", test_england_wales_lists);
  g_test_add_func ("/workdays/scotland/bank-holidays-2019-2030", test_scotland_lists);
  g_test_add_func ("/workdays/northern-ireland/bank-holidays-2019-2030", test_northern_ireland_lists);
  g_test_add_func ("/workdays/easter/gregorian-computus", test_easter_computus);
  g_test_add_func ("/workdays/england-wales/new-year-substitute", test_england_wales_new_year_substitute);
  g_test_add_func ("/workdays/england-wales/easter-monday", test_england_wales_easter_monday);
  g_test_add_func ("/workdays/england-wales/may-and-august-mondays", test_england_wales_may_august_mondays);
  g_test_add_func ("/workdays/england-wales/substitute-christmas", test_england_wales_substitute_christmas);
  g_test_add_func ("/workdays/scotland/new-year-and-2-january-substitutes", test_scotland_new_year_substitutes);
  g_test_add_func ("/workdays/scotland/no-easter-monday", test_scotland_no_easter_monday);
  g_test_add_func ("/workdays/scotland/summer-first-monday-of-august", test_scotland_summer_first_monday);
  g_test_add_func ("/workdays/scotland/st-andrews-day-substitute", test_scotland_st_andrews_day_substitute);
  g_test_add_func ("/workdays/northern-ireland/st-patricks-day-substitute", test_northern_ireland_st_patricks_day);
  g_test_add_func ("/workdays/northern-ireland/battle-of-the-boyne-substitute", test_northern_ireland_boyne);
  g_test_add_func ("/workdays/overrides/2020-early-may-moved", test_override_2020_early_may);
  g_test_add_func ("/workdays/overrides/2022-spring-moved-jubilee-funeral", test_override_2022_jubilee_and_funeral);
  g_test_add_func ("/workdays/overrides/2023-coronation", test_override_2023_coronation);
  g_test_add_func ("/workdays/overrides/1999-2011-2012-one-offs", test_override_older_one_offs);
  g_test_add_func ("/workdays/get-holidays/returns-a-copy", test_holidays_copy_and_cache);
  g_test_add_func ("/workdays/within-n-working-days/excludes-start-day", test_within_excludes_start_day);
  g_test_add_func ("/workdays/within-n-working-days/skips-weekends", test_within_weekends);
  g_test_add_func ("/workdays/within-n-working-days/skips-easter", test_within_easter);
  g_test_add_func ("/workdays/within-n-working-days/skips-christmas-new-year", test_within_christmas_new_year);
  g_test_add_func ("/workdays/within-n-working-days/moved-holidays", test_within_moved_holidays);
  g_test_add_func ("/workdays/within-n-working-days/zero-is-same-working-day", test_within_zero_same_day);
  g_test_add_func ("/workdays/closures/not-working-days", test_closures);
  g_test_add_func ("/workdays/day-off/what-a-day-off-is", test_day_off);
  g_test_add_func ("/workdays/count-working-days/after-start-up-to-end", test_count_working_days);
  g_test_add_func ("/workdays/count-working-days/inverts-add-working-days", test_count_inverts_add);
  g_test_add_func ("/workdays/load-overrides/refuses-impossible-date", test_load_overrides_refuses_impossible_date);
  g_test_add_func ("/workdays/load-overrides/refuses-unknown-region", test_load_overrides_refuses_unknown_region);
  g_test_add_func ("/workdays/load-overrides/refuses-bad-groups", test_load_overrides_refuses_bad_groups);
  g_test_add_func ("/workdays/load-overrides/local-file", test_load_overrides_local_file);
  g_test_add_func ("/workdays/calendar/ref-and-region", test_calendar_ref_and_region);
  g_test_add_func ("/workdays/published/every-region-through-the-latest-year-announced", test_published_through_latest_year);
  g_test_add_func ("/workdays/load-overrides/authority-adds-a-proclaimed-day-as-data", test_user_holidays_file);

  return g_test_run ();
}
