/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-store-report.c: the Head of Service's figures over every conference, and the
 * generator of an authority's ten years of referrals that benchmarks and screenshots use. */

#include <stdio.h>
#include <glib/gi18n-lib.h>

#include "quorum-store-private.h"
#include "quorum-store-report.h"

static void
first_of_month (const GDate *date,
                int          months_back,
                GDate       *out)
{
  g_date_clear (out, 1);
  g_date_set_dmy (out, 1, g_date_get_month (date), g_date_get_year (date));
  if (months_back > 0)
    g_date_subtract_months (out, months_back);
}

GArray *
quorum_store_count_referrals_by_month (QuorumStore  *self,
                                       const GDate  *as_of,
                                       guint         n_months,
                                       GError      **error)
{
  g_autoptr(GArray) months = NULL;
  g_autofree char *after = NULL;
  GDate today;
  GDate from;
  GDate to;
  QuorumDbStmt *stmt;
  int rc;

  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);
  g_return_val_if_fail (n_months > 0, NULL);

  if (as_of == NULL || !g_date_valid (as_of))
    {
      quorum_date_today (&today);
      as_of = &today;
    }

  after = quorum_timestamp_after_local_day (as_of);
  months = g_array_sized_new (FALSE, TRUE, sizeof (QuorumMonthCount), n_months);
  g_array_set_size (months, n_months);
  for (guint i = 0; i < n_months; i++)
    first_of_month (as_of, n_months - 1 - i, &g_array_index (months, QuorumMonthCount, i).month);

  from = g_array_index (months, QuorumMonthCount, 0).month;
  first_of_month (as_of, 0, &to);
  g_date_add_months (&to, 1);

  /* ISO dates compare as text; the months' first days bound the range, the month is the key.
   * As the table and the tiles count them (R_EXISTS, R_DECIDED): the referrals made by ?1, each
   * with the outcome it had then, none while the panel had not yet heard it, and an outcome
   * corrected after ?1 as it was before (R_OUTCOME_THEN, as the table's Outcome cell). */
  stmt = _quorum_store_prepare (self,
                                "SELECT m, o, count (*) FROM (SELECT substr (c.date, 1, 7) AS m, "
                                "  (CASE WHEN " R_DECIDED " THEN " R_OUTCOME_THEN ("?4") " ELSE 'none' END) AS o "
                                "  FROM referral r JOIN conference c ON c.id = r.conference_id "
                                "  WHERE c.date >= ?2 AND c.date < ?3 AND " R_EXISTS ") t "
                                "GROUP BY m, o", error);
  if (stmt == NULL)
    return NULL;
  _quorum_bind_date (stmt, 1, as_of);
  _quorum_bind_date (stmt, 2, &from);
  _quorum_bind_date (stmt, 3, &to);
  _quorum_bind_text (stmt, 4, after);

  while ((rc = quorum_db_step (stmt, NULL)) == QUORUM_DB_ROW)
    {
      const char *month = (const char *)quorum_db_column_text (stmt, 0);
      QuorumPanelOutcome outcome = QUORUM_PANEL_NONE;
      QuorumReportSeries series;
      int year;
      int mon;
      int index;

      if (month == NULL || sscanf (month, "%d-%d", &year, &mon) != 2)
        continue;
      index = (year - g_date_get_year (&from)) * 12 + (mon - (int)g_date_get_month (&from));
      if (index < 0 || index >= (int)n_months)
        continue;

      quorum_panel_outcome_from_string ((const char *)quorum_db_column_text (stmt, 1), &outcome);
      switch (outcome)
        {
        case QUORUM_PANEL_PLAN_CONFIRMED:
          series = QUORUM_REPORT_PLAN_CONFIRMED;
          break;
        case QUORUM_PANEL_PLAN_ENDED:
          series = QUORUM_REPORT_PLAN_ENDED;
          break;
        case QUORUM_PANEL_OTHER:
          series = QUORUM_REPORT_OTHER;
          break;
        case QUORUM_PANEL_NONE:
        default:
          series = QUORUM_REPORT_NOT_HEARD;
          break;
        }
      g_array_index (months, QuorumMonthCount, index).counts[series] += quorum_db_column_int64 (stmt, 2);
    }
  quorum_db_reset (stmt);
  if (rc != QUORUM_DB_DONE)
    {
      _quorum_store_fail (self, error);
      return NULL;
    }

  return g_steal_pointer (&months);
}

/* ---- the generator ---- */

static const char *first_names[] = {
  "Amelia", "Oliver", "Isla", "George", "Ava", "Noah", "Mia", "Leo", "Ivy", "Arthur",
  "Freya", "Muhammad", "Lily", "Harry", "Florence", "Oscar", "Evie", "Jack", "Rosie", "Theo",
  "Aisha", "Kacper", "Zara", "Dylan", "Maja", "Rhys", "Seren", "Finley", "Amira", "Kai",
};

static const char *surnames[] = {
  "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Roberts",
  "Khan", "Patel", "Hughes", "Walker", "Wright", "Edwards", "Green", "Hall", "Wood", "Lewis",
  "Harris", "Clarke", "Nowak", "Ahmed", "Begum", "Murphy", "Kelly", "Price", "Morgan", "Ali",
};

static const char *chairs[] = {
  "R. Patel", "J. Okafor", "S. Hughes", "M. Kowalski", "D. Price", "A. Begum",
  "L. Fraser", "C. Morgan", "T. Adeyemi", "H. Lloyd", "N. Shah", "E. Walsh",
};

static const char *profiles[] = { "bolton", "bolton", "bolton", "bradford", "south-east-wales", "six-stage" };

static const char *other_reasons[] = {
  "Adjourned for a parenting assessment",
  "Plan confirmed for three months, then a review conference",
  "Referred back to the conference for further information",
};

typedef struct
{
  QuorumProfile  *profile;
  QuorumCalendar *calendar;
} GenProfile;

static gboolean
exec_insert (QuorumStore   *self,
             QuorumDbStmt  *stmt,
             const char    *entity,
             gint64         conference_id,
             const char    *summary,
             gint64        *id,
             GError       **error)
{
  if (!_quorum_store_exec_insert (self, stmt, id, error))
    return FALSE;
  return _quorum_store_audit (self, "insert", entity, *id,
                              conference_id > 0 ? conference_id : *id, summary, error);
}

/* One split-vote conference, its child, decision, plan and referral, each audited as the
 * store's own calls audit them. */
static gboolean
generate_one (QuorumStore  *self,
              GRand        *rand,
              GenProfile   *gen,
              const char   *profile_id,
              const GDate  *date,
              const GDate  *until,
              const char   *now,
              guint         serial,
              GError      **error)
{
  g_autofree char *child = NULL;
  g_autofree char *case_ref = NULL;
  g_autofree char *summary = NULL;
  const char *user = quorum_store_get_user (self);
  GDate due;
  GDate notified;
  GDate panel_due;
  GDate panel_date;
  const char *outcome = "none";
  const char *reason = NULL;
  QuorumDbStmt *stmt;
  gint64 conference_id;
  gint64 child_id;
  gint64 id;
  int age;
  double fate;

  quorum_referral_due (gen->profile, gen->calendar, date, &due);
  g_date_clear (&notified, 1);
  g_date_clear (&panel_due, 1);
  g_date_clear (&panel_date, 1);

  /* What has become of it by @until: old referrals are mostly heard, a few stay overdue. */
  age = g_date_days_between (date, until);
  fate = g_rand_double (rand);
  if ((age > 60 && fate < 0.995) || (age > 10 && fate < 0.55) || (age > 3 && fate < 0.30))
    {
      notified = *date;
      g_date_add_days (&notified, g_rand_int_range (rand, 1, 8));
      if (g_date_compare (&notified, until) > 0)
        notified = *until;
      quorum_panel_due (gen->profile, &notified, &panel_due);

      panel_date = notified;
      g_date_add_days (&panel_date, g_rand_int_range (rand, 10, 34));
      if (g_date_compare (&panel_date, until) <= 0 && (age > 60 || g_rand_double (rand) < 0.5))
        {
          double o = g_rand_double (rand);

          outcome = o < 0.62 ? "plan-confirmed" : o < 0.93 ? "plan-ended" : "other";
          if (g_str_equal (outcome, "other"))
            reason = other_reasons[g_rand_int_range (rand, 0, G_N_ELEMENTS (other_reasons))];
        }
      else
        g_date_clear (&panel_date, 1);
    }

  child = g_strdup_printf ("%s %s",
                           first_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (first_names))],
                           surnames[g_rand_int_range (rand, 0, G_N_ELEMENTS (surnames))]);
  case_ref = g_strdup_printf ("CR-%06u", serial);

  stmt = _quorum_store_prepare (self,
                                "INSERT INTO conference (kind, date, time, venue, chair, minute_taker, "
                                "case_ref, profile, created_at, created_by) "
                                "VALUES (?, ?, '10:00', NULL, ?, NULL, ?, ?, ?, ?) RETURNING id", error);
  if (stmt == NULL)
    return FALSE;
  _quorum_bind_text (stmt, 1, g_rand_int_range (rand, 0, 3) == 0 ? "initial" : "review");
  _quorum_bind_date (stmt, 2, date);
  _quorum_bind_text (stmt, 3, chairs[g_rand_int_range (rand, 0, G_N_ELEMENTS (chairs))]);
  _quorum_bind_text (stmt, 4, case_ref);
  _quorum_bind_text (stmt, 5, profile_id);
  _quorum_bind_text (stmt, 6, now);
  _quorum_bind_text (stmt, 7, user);
  if (!exec_insert (self, stmt, "conference", 0, "conference created (generated)", &conference_id, error))
    return FALSE;
  _quorum_store_tell_conference_added (self, conference_id);

  stmt = _quorum_store_prepare (self, "INSERT INTO child (conference_id, position, name) VALUES (?, 0, ?) RETURNING id", error);
  if (stmt == NULL)
    return FALSE;
  quorum_db_bind_int64 (stmt, 1, conference_id);
  _quorum_bind_text (stmt, 2, child);
  if (!exec_insert (self, stmt, "child", conference_id, "child added", &child_id, error))
    return FALSE;

  stmt = _quorum_store_prepare (self,
                                "INSERT INTO decision (conference_id, child_id, outcome, basis, categories, "
                                "n_plan, n_no_plan, n_declined, decided_at, decided_by) "
                                "VALUES (?, ?, 'plan', 'split', 'neglect', 2, 2, 0, ?, ?) RETURNING id", error);
  if (stmt == NULL)
    return FALSE;
  quorum_db_bind_int64 (stmt, 1, conference_id);
  quorum_db_bind_int64 (stmt, 2, child_id);
  _quorum_bind_text (stmt, 3, now);
  _quorum_bind_text (stmt, 4, user);
  if (!exec_insert (self, stmt, "decision", conference_id, "decision: plan by split (generated)", &id, error))
    return FALSE;

  stmt = _quorum_store_prepare (self,
                                "INSERT INTO plan (conference_id, child_id, start, from_split, categories) "
                                "VALUES (?, ?, ?, 1, 'neglect') RETURNING id", error);
  if (stmt == NULL)
    return FALSE;
  quorum_db_bind_int64 (stmt, 1, conference_id);
  quorum_db_bind_int64 (stmt, 2, child_id);
  _quorum_bind_date (stmt, 3, date);
  if (!exec_insert (self, stmt, "plan", conference_id, "child protection plan from a split decision", &id, error))
    return FALSE;

  stmt = _quorum_store_prepare (self,
                                "INSERT INTO referral (conference_id, child_id, due, notified, panel_due, "
                                "panel_date, outcome, outcome_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", error);
  if (stmt == NULL)
    return FALSE;
  quorum_db_bind_int64 (stmt, 1, conference_id);
  quorum_db_bind_int64 (stmt, 2, child_id);
  _quorum_bind_date (stmt, 3, &due);
  _quorum_bind_date (stmt, 4, &notified);
  _quorum_bind_date (stmt, 5, &panel_due);
  _quorum_bind_date (stmt, 6, &panel_date);
  _quorum_bind_text (stmt, 7, outcome);
  _quorum_bind_text (stmt, 8, reason);
  summary = g_strdup_printf ("referral to the Head of Service with its history to %s (generated)", now);
  return exec_insert (self, stmt, "referral", conference_id, summary, &id, error);
}

static guint
generate_referrals_once (QuorumStore  *self,
                         guint         n,
                         const GDate  *until,
                         guint32       seed,
                         GError      **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GHashTable) gens = NULL;
  g_autofree char *now = quorum_timestamp_now ();
  GDate end;
  GDate start;
  guint span;
  guint done = 0;

  g_return_val_if_fail (QUORUM_IS_STORE (self), 0);

  if (until == NULL || !g_date_valid (until))
    quorum_date_today (&end);
  else
    end = *until;
  start = end;
  g_date_subtract_years (&start, 10);
  span = g_date_days_between (&start, &end);

  gens = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < G_N_ELEMENTS (profiles); i++)
    {
      GenProfile *gen;

      if (g_hash_table_contains (gens, profiles[i]))
        continue;
      gen = g_new0 (GenProfile, 1);
      gen->profile = quorum_profiles_lookup (profiles[i], error);
      if (gen->profile == NULL)
        {
          g_free (gen);
          goto cleanup;
        }
      gen->calendar = quorum_calendar_new (gen->profile->region);
      g_hash_table_insert (gens, (gpointer)profiles[i], gen);
    }

  if (!_quorum_store_begin (self, error))
    goto cleanup;

  for (done = 0; done < n; done++)
    {
      const char *profile_id = profiles[g_rand_int_range (rand, 0, G_N_ELEMENTS (profiles))];
      GenProfile *gen = g_hash_table_lookup (gens, profile_id);
      GDate date = start;

      /* Conferences sit on working days. */
      g_date_add_days (&date, g_rand_int_range (rand, 0, span + 1));
      while (!quorum_calendar_is_working_day (gen->calendar, &date))
        g_date_subtract_days (&date, 1);

      if (!generate_one (self, rand, gen, profile_id, &date, &end, now, done + 1, error))
        {
          _quorum_store_rollback (self);
          done = 0;
          goto cleanup;
        }
    }

  if (!_quorum_store_commit (self, error))
    done = 0;

cleanup:
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, gens);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      {
        GenProfile *gen = value;

        g_clear_pointer (&gen->profile, quorum_profile_unref);
        g_clear_pointer (&gen->calendar, quorum_calendar_unref);
        g_free (gen);
      }
  }
  return done;
}

guint
quorum_store_generate_referrals (QuorumStore  *self,
                                 guint         n,
                                 const GDate  *until,
                                 guint32       seed,
                                 GError      **error)
{
  _QUORUM_STORE_RETRYING (self, error, guint, generate_referrals_once (self, n, until, seed, &retry_error));
}
