/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-workdays.c: UK bank holidays by rule and by data, and working-day arithmetic. */

#include <string.h>

#include "quorum-gettext.h"
#include <gio/gio.h>

#include "quorum/quorum-error.h"
#include "quorum/quorum-workdays.h"

#define HOLIDAYS_RESOURCE "/io/github/quorum_app/quorum/holidays.ini"

struct _QuorumCalendar
{
  gatomicrefcount  ref_count;
  QuorumRegion     region;

  /* Exports may share a calendar with the main thread; the lock guards
   * everything below. */
  GMutex           mutex;

  /* int year → GArray of QuorumHoliday, in date order */
  GHashTable      *years;
  /* Julian day → name (in @names) of a one-off day of this region */
  GHashTable      *added;
  /* Julian days that are not holidays here although a rule says so */
  GHashTable      *removed;
  /* Julian days of local closures */
  GHashTable      *closures;

  /* Names from override files live as long as the calendar, so a
   * QuorumHoliday handed out never dangles when the cache is dropped. */
  GStringChunk    *names;
};

static const char *const region_ids[QUORUM_N_REGIONS] = {
  "england-wales", "scotland", "northern-ireland",
};

static const char *const override_keys[] = {
  "name", "regions", "replaces", "removed", NULL,
};

/* A fixed-date holiday that moves to the next free weekday when it falls on
 * a weekend. @name_sub is its name on the substitute day. */
typedef struct
{
  GDateMonth  month;
  GDateDay    day;
  const char *name;
  const char *name_sub;
} FixedDay;

static void
append_day (GArray      *array,
            const GDate *date,
            const char  *name)
{
  QuorumHoliday h;

  h.date = *date;
  h.name = name;
  g_array_append_val (array, h);
}

static gboolean
is_weekend (const GDate *date)
{
  GDateWeekday wd = g_date_get_weekday (date);

  return wd == G_DATE_SATURDAY || wd == G_DATE_SUNDAY;
}

/* The Gregorian computus (the "anonymous" algorithm, Meeus/Jones/Butcher). */
static void
easter_sunday (int    year,
               GDate *out)
{
  int a = year % 19;
  int b = year / 100;
  int c = year % 100;
  int d = b / 4;
  int e = b % 4;
  int f = (b + 8) / 25;
  int g = (b - f + 1) / 3;
  int h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4;
  int k = c % 4;
  int l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31;
  int day = ((h + l - 7 * m + 114) % 31) + 1;

  g_date_clear (out, 1);
  g_date_set_dmy (out, day, month, year);
}

static void
first_monday (int         year,
              GDateMonth  month,
              GDate      *out)
{
  g_date_clear (out, 1);
  g_date_set_dmy (out, 1, month, year);
  while (g_date_get_weekday (out) != G_DATE_MONDAY)
    g_date_add_days (out, 1);
}

static void
last_monday (int         year,
             GDateMonth  month,
             GDate      *out)
{
  g_date_clear (out, 1);
  g_date_set_dmy (out, g_date_get_days_in_month (month, year), month, year);
  while (g_date_get_weekday (out) != G_DATE_MONDAY)
    g_date_subtract_days (out, 1);
}

/* Consecutive fixed days (25 and 26 December, 1 and 2 January in Scotland):
 * those on a weekday keep their date, and each one on a weekend takes the
 * next weekday that none of the others holds. So 25 Dec on a Sunday gives
 * Boxing Day on Monday 26 and Christmas's substitute on Tuesday 27. */
static void
append_fixed_days (GArray         *array,
                   int             year,
                   const FixedDay *days,
                   guint           n_days)
{
  GDate taken[4];
  guint n_taken = 0;

  g_assert (n_days <= G_N_ELEMENTS (taken));

  for (guint i = 0; i < n_days; i++)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, days[i].day, days[i].month, year);
      if (!is_weekend (&date))
        {
          append_day (array, &date, days[i].name);
          taken[n_taken++] = date;
        }
    }

  for (guint i = 0; i < n_days; i++)
    {
      GDate date;
      gboolean free_day = FALSE;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, days[i].day, days[i].month, year);
      if (!is_weekend (&date))
        continue;

      while (!free_day)
        {
          g_date_add_days (&date, 1);
          free_day = !is_weekend (&date);
          for (guint j = 0; free_day && j < n_taken; j++)
            if (g_date_compare (&date, &taken[j]) == 0)
              free_day = FALSE;
        }

      append_day (array, &date, days[i].name_sub);
      taken[n_taken++] = date;
    }
}

static void
append_fixed_day (GArray         *array,
                  int             year,
                  const FixedDay *day)
{
  append_fixed_days (array, year, day, 1);
}

/* The days the statutes and proclamations give every year (the current rules;
 * earlier years are not reproduced historically). One-off days come from data. */
static void
append_rule_days (GArray       *array,
                  QuorumRegion  region,
                  int           year)
{
  static const FixedDay new_year[] = {
    { G_DATE_JANUARY, 1, N_("New Year’s Day"), N_("New Year’s Day (substitute day)") },
    { G_DATE_JANUARY, 2, N_("2nd January"), N_("2nd January (substitute day)") },
  };
  static const FixedDay christmas[] = {
    { G_DATE_DECEMBER, 25, N_("Christmas Day"), N_("Christmas Day (substitute day)") },
    { G_DATE_DECEMBER, 26, N_("Boxing Day"), N_("Boxing Day (substitute day)") },
  };
  static const FixedDay st_patrick =
    { G_DATE_MARCH, 17, N_("St Patrick’s Day"), N_("St Patrick’s Day (substitute day)") };
  static const FixedDay boyne =
    { G_DATE_JULY, 12, N_("Battle of the Boyne (Orangemen’s Day)"),
      N_("Battle of the Boyne (Orangemen’s Day) (substitute day)") };
  static const FixedDay st_andrew =
    { G_DATE_NOVEMBER, 30, N_("St Andrew’s Day"), N_("St Andrew’s Day (substitute day)") };
  GDate easter;
  GDate date;

  easter_sunday (year, &easter);

  /* Scotland keeps 2 January as well */
  append_fixed_days (array, year, new_year,
                     region == QUORUM_REGION_SCOTLAND ? 2 : 1);

  if (region == QUORUM_REGION_NORTHERN_IRELAND)
    append_fixed_day (array, year, &st_patrick);

  date = easter;
  g_date_subtract_days (&date, 2);
  append_day (array, &date, N_("Good Friday"));

  /* Easter Monday is not a bank holiday in Scotland */
  if (region != QUORUM_REGION_SCOTLAND)
    {
      date = easter;
      g_date_add_days (&date, 1);
      append_day (array, &date, N_("Easter Monday"));
    }

  first_monday (year, G_DATE_MAY, &date);
  append_day (array, &date, N_("Early May bank holiday"));

  last_monday (year, G_DATE_MAY, &date);
  append_day (array, &date, N_("Spring bank holiday"));

  if (region == QUORUM_REGION_NORTHERN_IRELAND)
    append_fixed_day (array, year, &boyne);

  /* Scotland's summer holiday is at the start of August, not the end */
  if (region == QUORUM_REGION_SCOTLAND)
    first_monday (year, G_DATE_AUGUST, &date);
  else
    last_monday (year, G_DATE_AUGUST, &date);
  append_day (array, &date, N_("Summer bank holiday"));

  if (region == QUORUM_REGION_SCOTLAND)
    append_fixed_day (array, year, &st_andrew);

  append_fixed_days (array, year, christmas, G_N_ELEMENTS (christmas));
}

static int
compare_holidays (gconstpointer a,
                  gconstpointer b)
{
  const QuorumHoliday *ha = a;
  const QuorumHoliday *hb = b;

  return g_date_compare (&ha->date, &hb->date);
}

/* Called with the lock held. */
static GArray *
get_year_locked (QuorumCalendar *self,
                 int             year)
{
  GArray *array;
  GHashTableIter iter;
  gpointer key;
  gpointer value;

  array = g_hash_table_lookup (self->years, GINT_TO_POINTER (year));
  if (array != NULL)
    return array;

  array = g_array_sized_new (FALSE, FALSE, sizeof (QuorumHoliday), 16);
  append_rule_days (array, self->region, year);

  /* Drop the rule's days that the data moved or cancelled, and the rule's
   * day under a one-off day on the same date (the one-off names it). */
  for (guint i = array->len; i > 0; i--)
    {
      QuorumHoliday *h = &g_array_index (array, QuorumHoliday, i - 1);
      gpointer julian = GUINT_TO_POINTER (g_date_get_julian (&h->date));

      if (g_hash_table_contains (self->removed, julian) ||
          g_hash_table_contains (self->added, julian))
        g_array_remove_index (array, i - 1);
    }

  g_hash_table_iter_init (&iter, self->added);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, GPOINTER_TO_UINT (key));
      if (g_date_get_year (&date) == year)
        append_day (array, &date, value);
    }

  g_array_sort (array, compare_holidays);
  g_hash_table_insert (self->years, GINT_TO_POINTER (year), array);

  return array;
}

/* Called with the lock held. */
static const QuorumHoliday *
lookup_holiday_locked (QuorumCalendar *self,
                       const GDate    *date)
{
  GArray *array = get_year_locked (self, g_date_get_year (date));

  for (guint i = 0; i < array->len; i++)
    {
      const QuorumHoliday *h = &g_array_index (array, QuorumHoliday, i);
      int cmp = g_date_compare (&h->date, date);

      if (cmp == 0)
        return h;
      if (cmp > 0)
        break;
    }

  return NULL;
}

/* Called with the lock held. */
static gboolean
is_working_day_locked (QuorumCalendar *self,
                       const GDate    *date)
{
  if (is_weekend (date))
    return FALSE;
  if (g_hash_table_contains (self->closures, GUINT_TO_POINTER (g_date_get_julian (date))))
    return FALSE;
  return lookup_holiday_locked (self, date) == NULL;
}

/* "YYYY-MM-DD" exactly, and a date that exists. */
static gboolean
parse_date (const char *str,
            GDate      *out)
{
  guint year;
  guint month;
  guint day;

  if (str == NULL || strlen (str) != 10 || str[4] != '-' || str[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (str[i]))
      return FALSE;

  year = g_ascii_strtoull (str, NULL, 10);
  month = g_ascii_strtoull (str + 5, NULL, 10);
  day = g_ascii_strtoull (str + 8, NULL, 10);
  if (!g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_clear (out, 1);
  g_date_set_dmy (out, day, month, year);
  return TRUE;
}

/* One group of an override file, checked but not yet applied. */
typedef struct
{
  guint32   julian;
  char     *name;
  gboolean  here;       /* applies to the calendar's region */
  gboolean  removed;
  GArray   *replaces;   /* of guint32 Julian days */
} Override;

static void
override_clear (gpointer data)
{
  Override *o = data;

  g_clear_pointer (&o->name, g_free);
  g_clear_pointer (&o->replaces, g_array_unref);
}

static gboolean
parse_override (GKeyFile     *keyfile,
                const char   *group,
                QuorumRegion  region,
                Override     *o,
                GError      **error)
{
  g_auto(GStrv) keys = NULL;
  g_auto(GStrv) regions = NULL;
  g_auto(GStrv) replaces = NULL;
  g_autoptr(GError) local_error = NULL;
  GDate date;
  gsize n_regions = 0;
  gsize n_replaces = 0;

  memset (o, 0, sizeof *o);
  o->replaces = g_array_new (FALSE, FALSE, sizeof (guint32));

  if (!parse_date (group, &date))
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   "Holidays: “[%s]” is not a date of the form YYYY-MM-DD", group);
      return FALSE;
    }
  o->julian = g_date_get_julian (&date);

  /* A misspelt key would otherwise be ignored without a word */
  keys = g_key_file_get_keys (keyfile, group, NULL, NULL);
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      if (!g_strv_contains (override_keys, keys[i]))
        {
          g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                       "Holidays: [%s] has an unknown key “%s”", group, keys[i]);
          return FALSE;
        }
    }

  o->removed = g_key_file_get_boolean (keyfile, group, "removed", &local_error);
  if (local_error != NULL)
    {
      if (!g_error_matches (local_error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND))
        {
          g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                       "Holidays: [%s] removed must be true or false", group);
          return FALSE;
        }
      g_clear_error (&local_error);
    }

  o->name = g_key_file_get_string (keyfile, group, "name", NULL);
  if (o->name != NULL)
    g_strstrip (o->name);
  if (!o->removed && (o->name == NULL || o->name[0] == '\0'))
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   "Holidays: [%s] has no name", group);
      return FALSE;
    }

  regions = g_key_file_get_string_list (keyfile, group, "regions", &n_regions, NULL);
  if (regions == NULL || n_regions == 0)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   "Holidays: [%s] names no regions", group);
      return FALSE;
    }
  for (gsize i = 0; i < n_regions; i++)
    {
      QuorumRegion r;

      g_strstrip (regions[i]);
      if (!quorum_region_from_string (regions[i], &r))
        {
          g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                       "Holidays: [%s] has an unknown region “%s” (use %s, %s or %s)",
                       group, regions[i], region_ids[0], region_ids[1], region_ids[2]);
          return FALSE;
        }
      if (r == region)
        o->here = TRUE;
    }

  replaces = g_key_file_get_string_list (keyfile, group, "replaces", &n_replaces, NULL);
  for (gsize i = 0; i < n_replaces; i++)
    {
      GDate old;
      guint32 julian;

      g_strstrip (replaces[i]);
      if (!parse_date (replaces[i], &old))
        {
          g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                       "Holidays: [%s] replaces “%s”, which is not a date of the form YYYY-MM-DD",
                       group, replaces[i]);
          return FALSE;
        }
      julian = g_date_get_julian (&old);
      g_array_append_val (o->replaces, julian);
    }

  return TRUE;
}

/* Groups apply in file order, and files in the order they are loaded, so a
 * later group can undo an earlier one. Called with the lock held. */
static void
apply_override_locked (QuorumCalendar *self,
                       const Override *o)
{
  gpointer julian = GUINT_TO_POINTER (o->julian);

  if (!o->here)
    return;

  for (guint i = 0; i < o->replaces->len; i++)
    {
      gpointer old = GUINT_TO_POINTER (g_array_index (o->replaces, guint32, i));

      g_hash_table_remove (self->added, old);
      g_hash_table_add (self->removed, old);
    }

  if (o->removed)
    {
      g_hash_table_remove (self->added, julian);
      g_hash_table_add (self->removed, julian);
    }
  else
    {
      g_hash_table_remove (self->removed, julian);
      g_hash_table_insert (self->added, julian,
                           g_string_chunk_insert_const (self->names, o->name));
    }
}

/**
 * quorum_calendar_load_overrides:
 *
 * Checks every group of @keyfile before applying any, so a refused file
 * leaves the calendar as it was.
 */
gboolean
quorum_calendar_load_overrides (QuorumCalendar  *self,
                                GKeyFile        *keyfile,
                                GError         **error)
{
  g_autoptr(GArray) overrides = NULL;
  g_auto(GStrv) groups = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (keyfile != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  overrides = g_array_new (FALSE, TRUE, sizeof (Override));
  g_array_set_clear_func (overrides, override_clear);

  groups = g_key_file_get_groups (keyfile, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      Override o;
      gboolean ok;

      ok = parse_override (keyfile, groups[i], self->region, &o, error);
      g_array_append_val (overrides, o);
      if (!ok)
        return FALSE;
    }

  g_mutex_lock (&self->mutex);
  for (guint i = 0; i < overrides->len; i++)
    apply_override_locked (self, &g_array_index (overrides, Override, i));
  g_hash_table_remove_all (self->years);
  g_mutex_unlock (&self->mutex);

  return TRUE;
}

static void
load_shipped_overrides (QuorumCalendar *self)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GKeyFile) keyfile = NULL;
  g_autoptr(GError) error = NULL;

  bytes = g_resources_lookup_data (HOLIDAYS_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  keyfile = g_key_file_new ();

  /* The file is part of the build: a fault in it is a bug, not bad input */
  if (bytes == NULL ||
      !g_key_file_load_from_bytes (keyfile, bytes, G_KEY_FILE_NONE, &error) ||
      !quorum_calendar_load_overrides (self, keyfile, &error))
    g_critical ("Cannot apply %s: %s", HOLIDAYS_RESOURCE, error->message);
}

/* An authority's own proclaimed days, as data beside its profiles: every .ini of
 * $XDG_DATA_HOME/quorum/holidays/, then of each directory of $QUORUM_HOLIDAYS_DIR. A broken file
 * is skipped with a warning naming it; the others still apply. */
static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
load_local_dir (QuorumCalendar *self,
                const char     *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".ini"))
      g_ptr_array_add (files, g_strdup (name));
  /* In name order, so a later file can undo an earlier one predictably. */
  g_ptr_array_sort (files, compare_names);

  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *file = g_build_filename (path, g_ptr_array_index (files, i), NULL);
      g_autoptr(GKeyFile) keyfile = g_key_file_new ();
      g_autoptr(GError) error = NULL;

      if (!g_key_file_load_from_file (keyfile, file, G_KEY_FILE_NONE, &error) ||
          !quorum_calendar_load_overrides (self, keyfile, &error))
        g_warning ("Skipping the holidays file %s: %s", file, error->message);
    }
}

static void
load_local_overrides (QuorumCalendar *self)
{
  g_autofree char *user_dir = g_build_filename (g_get_user_data_dir (), "quorum", "holidays", NULL);
  const char *env = g_getenv ("QUORUM_HOLIDAYS_DIR");

  load_local_dir (self, user_dir);
  if (env != NULL)
    {
      g_auto(GStrv) dirs = g_strsplit (env, G_SEARCHPATH_SEPARATOR_S, -1);

      for (guint i = 0; dirs[i] != NULL; i++)
        if (dirs[i][0] != '\0')
          load_local_dir (self, dirs[i]);
    }
}

QuorumCalendar *
quorum_calendar_new (QuorumRegion region)
{
  QuorumCalendar *self;

  g_return_val_if_fail (region < QUORUM_N_REGIONS, NULL);

  self = g_new0 (QuorumCalendar, 1);
  g_atomic_ref_count_init (&self->ref_count);
  g_mutex_init (&self->mutex);
  self->region = region;
  self->years = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  self->added = g_hash_table_new (NULL, NULL);
  self->removed = g_hash_table_new (NULL, NULL);
  self->closures = g_hash_table_new (NULL, NULL);
  self->names = g_string_chunk_new (256);

  load_shipped_overrides (self);
  load_local_overrides (self);

  return self;
}

QuorumCalendar *
quorum_calendar_ref (QuorumCalendar *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
quorum_calendar_unref (QuorumCalendar *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_clear_pointer (&self->years, g_hash_table_unref);
  g_clear_pointer (&self->added, g_hash_table_unref);
  g_clear_pointer (&self->removed, g_hash_table_unref);
  g_clear_pointer (&self->closures, g_hash_table_unref);
  g_clear_pointer (&self->names, g_string_chunk_free);
  g_mutex_clear (&self->mutex);
  g_free (self);
}

QuorumRegion
quorum_calendar_get_region (QuorumCalendar *self)
{
  g_return_val_if_fail (self != NULL, QUORUM_REGION_ENGLAND_WALES);

  return self->region;
}

void
quorum_calendar_add_closure (QuorumCalendar *self,
                             const GDate    *date)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (date != NULL && g_date_valid (date));

  g_mutex_lock (&self->mutex);
  g_hash_table_add (self->closures, GUINT_TO_POINTER (g_date_get_julian (date)));
  g_mutex_unlock (&self->mutex);
}

gboolean
quorum_calendar_is_holiday (QuorumCalendar  *self,
                            const GDate     *date,
                            const char     **name)
{
  const QuorumHoliday *h;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  g_mutex_lock (&self->mutex);
  h = lookup_holiday_locked (self, date);
  /* Names are literals or in self->names: still valid after unlocking */
  if (name != NULL)
    *name = h != NULL ? h->name : NULL;
  g_mutex_unlock (&self->mutex);

  return h != NULL;
}

gboolean
quorum_calendar_is_working_day (QuorumCalendar *self,
                                const GDate    *date)
{
  gboolean ret;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  g_mutex_lock (&self->mutex);
  ret = is_working_day_locked (self, date);
  g_mutex_unlock (&self->mutex);

  return ret;
}

QuorumDayOff
quorum_calendar_get_day_off (QuorumCalendar *self,
                             const GDate    *date)
{
  QuorumDayOff ret = QUORUM_DAY_WORKING;

  g_return_val_if_fail (self != NULL, QUORUM_DAY_WORKING);

  if (date == NULL || !g_date_valid (date))
    return QUORUM_DAY_WORKING;

  switch (g_date_get_weekday (date))
    {
    case G_DATE_SATURDAY:
      return QUORUM_DAY_SATURDAY;
    case G_DATE_SUNDAY:
      return QUORUM_DAY_SUNDAY;
    case G_DATE_MONDAY:
    case G_DATE_TUESDAY:
    case G_DATE_WEDNESDAY:
    case G_DATE_THURSDAY:
    case G_DATE_FRIDAY:
    case G_DATE_BAD_WEEKDAY:
    default:
      break;
    }

  g_mutex_lock (&self->mutex);
  if (lookup_holiday_locked (self, date) != NULL)
    ret = QUORUM_DAY_BANK_HOLIDAY;
  else if (g_hash_table_contains (self->closures, GUINT_TO_POINTER (g_date_get_julian (date))))
    ret = QUORUM_DAY_CLOSURE;
  g_mutex_unlock (&self->mutex);

  return ret;
}

const char *
quorum_day_off_to_string (QuorumDayOff day_off)
{
  switch (day_off)
    {
    case QUORUM_DAY_SATURDAY:     return "saturday";
    case QUORUM_DAY_SUNDAY:       return "sunday";
    case QUORUM_DAY_BANK_HOLIDAY: return "bank-holiday";
    case QUORUM_DAY_CLOSURE:      return "closure";
    case QUORUM_DAY_WORKING:
    default:                      return NULL;
    }
}

const char *
quorum_day_off_get_label (QuorumDayOff day_off,
                          QuorumRegion region)
{
  switch (day_off)
    {
    case QUORUM_DAY_SATURDAY:
      return _("a Saturday");
    case QUORUM_DAY_SUNDAY:
      return _("a Sunday");
    case QUORUM_DAY_BANK_HOLIDAY:
      /* Whole phrases, one a region: Welsh mutates after "in" ("yng Nghymru"). */
      switch (region)
        {
        case QUORUM_REGION_SCOTLAND:         return _("a bank holiday in Scotland");
        case QUORUM_REGION_NORTHERN_IRELAND: return _("a bank holiday in Northern Ireland");
        case QUORUM_REGION_ENGLAND_WALES:
        case QUORUM_N_REGIONS:
        default:                             return _("a bank holiday in England and Wales");
        }
    case QUORUM_DAY_CLOSURE:
      return _("a local closure day");
    case QUORUM_DAY_WORKING:
    default:
      return NULL;
    }
}

void
quorum_calendar_add_working_days (QuorumCalendar *self,
                                  const GDate    *from,
                                  guint           n,
                                  GDate          *out)
{
  GDate date;

  g_return_if_fail (self != NULL);
  g_return_if_fail (from != NULL && g_date_valid (from));
  g_return_if_fail (out != NULL);

  date = *from;

  g_mutex_lock (&self->mutex);
  if (n == 0)
    {
      while (!is_working_day_locked (self, &date))
        g_date_add_days (&date, 1);
    }
  else
    {
      while (n > 0)
        {
          g_date_add_days (&date, 1);
          if (is_working_day_locked (self, &date))
            n--;
        }
    }
  g_mutex_unlock (&self->mutex);

  *out = date;
}

guint
quorum_calendar_count_working_days (QuorumCalendar *self,
                                    const GDate    *from,
                                    const GDate    *to)
{
  GDate date;
  guint count = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (from != NULL && g_date_valid (from), 0);
  g_return_val_if_fail (to != NULL && g_date_valid (to), 0);

  date = *from;

  g_mutex_lock (&self->mutex);
  while (g_date_compare (&date, to) < 0)
    {
      g_date_add_days (&date, 1);
      if (is_working_day_locked (self, &date))
        count++;
    }
  g_mutex_unlock (&self->mutex);

  return count;
}

/**
 * quorum_calendar_get_holidays:
 *
 * Returns: (transfer full): a new array; free it with g_array_unref(). The
 *   names in it belong to @self.
 */
GArray *
quorum_calendar_get_holidays (QuorumCalendar *self,
                              int             year)
{
  GArray *array;
  GArray *copy;

  g_return_val_if_fail (self != NULL, NULL);
  /* Leave room for the substitute days at the end of GDate's range */
  g_return_val_if_fail (year > 0 && year < G_MAXUINT16, NULL);

  g_mutex_lock (&self->mutex);
  array = get_year_locked (self, year);
  copy = g_array_copy (array);
  g_mutex_unlock (&self->mutex);

  return copy;
}
