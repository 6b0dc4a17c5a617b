/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-store-calendar.c: local closure days, and the working-day calendar that includes them. */

#include <glib/gi18n-lib.h>

#include "quorum-store-private.h"

static gint64
add_closure_day_once (QuorumStore  *self,
                      QuorumRegion  region,
                      const GDate  *date,
                      const char   *name,
                      GError      **error)
{
  g_autofree char *iso = NULL;
  g_autofree char *summary = NULL;
  QuorumDbStmt *stmt;
  gint64 id;

  g_return_val_if_fail (QUORUM_IS_STORE (self), 0);

  if (!quorum_check_text (name, _("The name of the closure"), TRUE, QUORUM_MAX_NAME, error))
    return 0;
  if (date == NULL || !g_date_valid (date))
    {
      g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                           _("A closure day needs a date (YYYY-MM-DD)"));
      return 0;
    }
  if ((unsigned)region >= QUORUM_N_REGIONS)
    {
      g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_INVALID, _("Unknown region"));
      return 0;
    }

  iso = quorum_date_to_string (date);
  if (!_quorum_store_begin (self, error))
    return 0;

  stmt = _quorum_store_prepare (self, "SELECT 1 FROM closure_day WHERE region = ? AND date = ?", error);
  if (stmt == NULL)
    goto fail;
  _quorum_bind_text (stmt, 1, quorum_region_to_string (region));
  _quorum_bind_text (stmt, 2, iso);
  if (quorum_db_step (stmt, NULL) == QUORUM_DB_ROW)
    {
      quorum_db_reset (stmt);
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("%s is already a closure day in %s"), iso, quorum_region_get_label (region));
      goto fail;
    }
  quorum_db_reset (stmt);

  stmt = _quorum_store_prepare (self, "INSERT INTO closure_day (region, date, name) VALUES (?, ?, ?) RETURNING id", error);
  if (stmt == NULL)
    goto fail;
  _quorum_bind_text (stmt, 1, quorum_region_to_string (region));
  _quorum_bind_text (stmt, 2, iso);
  _quorum_bind_text (stmt, 3, name);
  if (!_quorum_store_exec_insert (self, stmt, &id, error))
    goto fail;

  summary = g_strdup_printf ("closure day %s in %s", iso, quorum_region_to_string (region));
  if (!_quorum_store_audit (self, "insert", "closure_day", id, 0, summary, error) ||
      !_quorum_store_commit (self, error))
    goto fail;
  return id;

fail:
  _quorum_store_rollback (self);
  return 0;
}

gint64
quorum_store_add_closure_day (QuorumStore  *self,
                              QuorumRegion  region,
                              const GDate  *date,
                              const char   *name,
                              GError      **error)
{
  _QUORUM_STORE_RETRYING (self, error, gint64, add_closure_day_once (self, region, date, name, &retry_error));
}

static void
clear_holiday (gpointer data)
{
  QuorumHoliday *holiday = data;

  g_free ((char *)holiday->name);
}

GArray *
quorum_store_list_closure_days (QuorumStore  *self,
                                QuorumRegion  region,
                                GError      **error)
{
  g_autoptr(GArray) days = g_array_new (FALSE, TRUE, sizeof (QuorumHoliday));
  QuorumDbStmt *stmt;
  int rc;

  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);

  g_array_set_clear_func (days, clear_holiday);
  stmt = _quorum_store_prepare (self, "SELECT date, name FROM closure_day WHERE region = ? ORDER BY date", error);
  if (stmt == NULL)
    return NULL;
  _quorum_bind_text (stmt, 1, quorum_region_to_string (region));
  while ((rc = quorum_db_step (stmt, NULL)) == QUORUM_DB_ROW)
    {
      QuorumHoliday day = { 0 };

      _quorum_column_date (stmt, 0, &day.date);
      day.name = _quorum_column_dup (stmt, 1);
      if (g_date_valid (&day.date))
        g_array_append_val (days, day);
      else
        g_free ((char *)day.name);
    }
  quorum_db_reset (stmt);
  if (rc != QUORUM_DB_DONE)
    {
      _quorum_store_fail (self, error);
      return NULL;
    }
  return g_steal_pointer (&days);
}

QuorumCalendar *
quorum_store_get_calendar (QuorumStore   *self,
                           QuorumRegion   region,
                           GError       **error)
{
  g_autoptr(QuorumCalendar) calendar = quorum_calendar_new (region);
  g_autoptr(GArray) days = quorum_store_list_closure_days (self, region, error);

  if (days == NULL)
    return NULL;
  for (guint i = 0; i < days->len; i++)
    quorum_calendar_add_closure (calendar, &g_array_index (days, QuorumHoliday, i).date);
  return g_steal_pointer (&calendar);
}
