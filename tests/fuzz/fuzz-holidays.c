/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-holidays.c: libFuzzer harness for the one-off holidays file (data/holidays.ini format). */
#include <quorum/quorum.h>

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  QuorumCalendar *calendar;

  if (!g_key_file_load_from_data (keyfile, (const char *) data, size, G_KEY_FILE_NONE, NULL))
    return 0;
  calendar = quorum_calendar_new (QUORUM_REGION_ENGLAND_WALES);
  if (quorum_calendar_load_overrides (calendar, keyfile, &error))
    {
      GDate d;
      GArray *days;

      g_date_clear (&d, 1);
      g_date_set_dmy (&d, 20, G_DATE_NOVEMBER, 2026);
      quorum_calendar_add_working_days (calendar, &d, 10, &d);
      days = quorum_calendar_get_holidays (calendar, 2026);
      g_array_unref (days);
    }
  quorum_calendar_unref (calendar);
  return 0;
}
