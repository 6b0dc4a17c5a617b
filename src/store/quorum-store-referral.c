/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-store-referral.c: referrals to the Head of Service that split votes create, and the
 * Appeals and Split Decisions Panel's hearing of them. */

#include <string.h>
#include <glib/gi18n-lib.h>

#include "quorum-store-private.h"
#include "quorum-store-life.h"

gboolean _quorum_store_insert_referral_notice (QuorumStore *self, gint64 referral_id, gint64 conference_id,
                                               const GDate *date, const char *by, const char *means,
                                               GError **error);

/* R_EXISTS, R_STATE, R_OVERDUE, R_NEXT …: quorum-store-private.h, the chart's counts read them too. */
/* ?1 is the date "overdue" is judged on, in every statement that reads these. */
#define REFERRAL_COLUMNS \
  "r.id, r.conference_id, r.child_id, ch.name, c.chair, c.profile, c.date, r.due, r.notified, " \
  "r.panel_due, r.panel_date, r.outcome, r.outcome_reason, " R_STATE ", " R_OVERDUE ", " R_NEXT " "
#define REFERRAL_N_COLUMNS 16
/* A page's rows (and their corrections) are asked for by id, this many a statement (one SQL
 * text, short pages padded). */
#define IDS_PER_STATEMENT 50

void
quorum_referral_row_free (QuorumReferralRow *self)
{
  if (self == NULL)
    return;
  g_free (self->child);
  g_free (self->chair);
  g_free (self->profile_id);
  g_free (self->outcome_reason);
  g_free (self->sent_by);
  g_free (self->sent_means);
  g_free (self->then_reasons);
  g_free (self);
}

static gboolean
same_date (const GDate *a,
           const GDate *b)
{
  if (!g_date_valid (a) || !g_date_valid (b))
    return g_date_valid (a) == g_date_valid (b);
  return g_date_compare (a, b) == 0;
}

gboolean
quorum_referral_row_equal (const QuorumReferralRow *a,
                           const QuorumReferralRow *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return a->id == b->id && a->conference_id == b->conference_id && a->child_id == b->child_id &&
         g_strcmp0 (a->child, b->child) == 0 && g_strcmp0 (a->chair, b->chair) == 0 &&
         g_strcmp0 (a->profile_id, b->profile_id) == 0 &&
         same_date (&a->conference_date, &b->conference_date) && same_date (&a->due, &b->due) &&
         same_date (&a->notified, &b->notified) && same_date (&a->panel_due, &b->panel_due) &&
         same_date (&a->panel_date, &b->panel_date) && a->outcome == b->outcome &&
         g_strcmp0 (a->outcome_reason, b->outcome_reason) == 0 &&
         a->state == b->state && !a->overdue == !b->overdue && same_date (&a->next_due, &b->next_due) &&
         same_date (&a->due_working, &b->due_working) &&
         same_date (&a->panel_due_working, &b->panel_due_working) &&
         !a->sent_late == !b->sent_late && !a->heard_late == !b->heard_late &&
         g_strcmp0 (a->sent_by, b->sent_by) == 0 && g_strcmp0 (a->sent_means, b->sent_means) == 0 &&
         a->region == b->region && a->sent_day_off == b->sent_day_off && a->heard_day_off == b->heard_day_off &&
         same_date (&a->then.notified, &b->then.notified) && same_date (&a->then.panel_due, &b->then.panel_due) &&
         same_date (&a->then.panel_date, &b->then.panel_date) && a->then.outcome == b->then.outcome &&
         g_strcmp0 (a->then.outcome_reason, b->then.outcome_reason) == 0 &&
         same_date (&a->then_panel_due_working, &b->then_panel_due_working);
}

/* Lateness, shown never hidden, with the calendar of the profile's region; as it stood on
 * @as_of, as the state is: a referral sent or heard after it was not yet late then. */
static void
fill_lateness (QuorumStore       *self,
               QuorumReferralRow *row,
               const GDate       *as_of,
               GHashTable        *calendars,
               GHashTable        *regions)
{
  /* @calendars caches by region and, under the profile's id, the region: 100,000 rows look a
   * profile up once, not once each. */
  QuorumRegion region = QUORUM_REGION_ENGLAND_WALES;
  gpointer cached = row->profile_id != NULL ? g_hash_table_lookup (regions, g_intern_string (row->profile_id)) : NULL;
  QuorumCalendar *calendar;

  if (cached != NULL)
    region = GPOINTER_TO_INT (cached) - 1;
  else if (row->profile_id != NULL)
    {
      g_autoptr(QuorumProfile) profile = quorum_profiles_lookup (row->profile_id, NULL);

      if (profile != NULL)
        region = profile->region;
      g_hash_table_insert (regions, (gpointer) g_intern_string (row->profile_id), GINT_TO_POINTER (region + 1));
    }
  calendar = g_hash_table_lookup (calendars, GINT_TO_POINTER (region + 1));

  if (calendar == NULL)
    {
      calendar = quorum_store_get_calendar (self, region, NULL);
      if (calendar == NULL)
        calendar = quorum_calendar_new (region);
      g_hash_table_insert (calendars, GINT_TO_POINTER (region + 1), calendar);
    }
  quorum_calendar_working_day_on_or_before (calendar, &row->due, &row->due_working);
  quorum_calendar_working_day_on_or_before (calendar, &row->panel_due, &row->panel_due_working);
  quorum_calendar_working_day_on_or_before (calendar, &row->then.panel_due, &row->then_panel_due_working);
  /* A sent or heard date on a day off is kept and said (the record's dates, as the pane shows them). */
  row->region = region;
  row->sent_day_off = quorum_calendar_get_day_off (calendar, &row->notified);
  row->heard_day_off = quorum_calendar_get_day_off (calendar, &row->panel_date);
  /* As the row's dates stood then (quorum_referral_as_of ()): sent or heard later was not yet late. */
  row->sent_late = quorum_referral_sent_late (&row->due, &row->then.notified) &&
                   g_date_compare (&row->then.notified, as_of) <= 0;
  row->heard_late = quorum_referral_heard_late (&row->then.panel_due, &row->then.panel_date) &&
                    g_date_compare (&row->then.panel_date, as_of) <= 0;
}

/* The reasons an outcome correction replaced, read back from its audit entry (the correction
 * table keeps the outcome's id only; correct_referral_once () writes "…outcome corrected from
 * OLD (reasons: R) to NEW (reasons: R2)", "none" for none). @new_reasons are the ones it gave,
 * known from the correction after it or the record. FALSE when the entry does not say. */
static gboolean
reasons_replaced (gint64       referral_id,
                  const char  *summary,
                  const char  *old_value,
                  const char  *new_value,
                  const char  *new_reasons,
                  char       **out)
{
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;
  gsize len, plen, slen;

  *out = NULL;
  if (summary == NULL || new_value == NULL)
    return FALSE;
  prefix = g_strdup_printf ("referral %lld: outcome corrected from %s (reasons: ", (long long) referral_id,
                            old_value != NULL ? old_value : "-");
  suffix = g_strdup_printf (") to %s (reasons: %s)", new_value, new_reasons != NULL ? new_reasons : "none");
  len = strlen (summary);
  plen = strlen (prefix);
  slen = strlen (suffix);
  if (len < plen + slen || !g_str_has_prefix (summary, prefix) || !g_str_has_suffix (summary, suffix))
    return FALSE;
  if (len - plen - slen != strlen ("none") || strncmp (summary + plen, "none", len - plen - slen) != 0)
    *out = g_strndup (summary + plen, len - plen - slen);
  return TRUE;
}

typedef struct
{
  gint64               referral_id;
  QuorumReferralChange change;
  char                *old_value;
  char                *new_value;
  char                *summary;
  char                *old_reasons;
} Change;

static void
change_clear (gpointer data)
{
  Change *c = data;

  g_free (c->old_value);
  g_free (c->new_value);
  g_free (c->summary);
  g_free (c->old_reasons);
}

/* @row's state, overdue and next deadline from its dates as they stood on @as_of (row->then), by
 * the rule R_STATE, R_OVERDUE and R_NEXT write in SQL over the record's columns: for a referral
 * corrected after @as_of, whose columns then said otherwise. Overdue is core's
 * quorum_referral_overdue_as_of (), as `quorum-cli referrals --as-of` judges it. */
static void
judge_then (QuorumReferralRow *row,
            const GDate       *as_of)
{
  gboolean sent = g_date_valid (&row->then.notified) && g_date_compare (&row->then.notified, as_of) <= 0;
  gboolean decided = row->then.outcome != QUORUM_PANEL_NONE && g_date_valid (&row->then.panel_date) &&
                     g_date_compare (&row->then.panel_date, as_of) <= 0;

  row->state = decided ? QUORUM_REFERRAL_DECIDED : sent ? QUORUM_REFERRAL_AWAITING_PANEL
                                                        : QUORUM_REFERRAL_AWAITING_NOTIFICATION;
  row->overdue = quorum_referral_overdue_as_of (&row->due, &row->then, as_of);
  if (decided)
    g_date_clear (&row->next_due, 1);
  else
    row->next_due = sent ? row->then.panel_due : row->due;
}

/* @rows' dates and outcome as they stood on @as_of (DOMAIN 4): the corrections made after it,
 * read for these rows only (a handful, usually none), then core's rule,
 * quorum_referral_as_of (). */
static gboolean
fill_as_of (QuorumStore        *self,
            QuorumReferralRow **rows,
            guint               n_rows,
            const GDate        *as_of,
            GError            **error)
{
  static char *sql = NULL;
  g_autoptr(GArray) changes = g_array_new (FALSE, TRUE, sizeof (Change));
  g_autofree char *since = NULL;

  g_array_set_clear_func (changes, change_clear);
  if (g_once_init_enter (&sql))
    {
      GString *text = g_string_new ("SELECT k.referral_id, k.field, k.old_value, k.new_value, k.recorded_at, "
                                    "  (CASE WHEN k.field = 'outcome' THEN (SELECT a.summary FROM audit a "
                                    "    WHERE a.entity = 'referral_correction' AND a.entity_id = k.id "
                                    "    ORDER BY a.id LIMIT 1) END) "
                                    "FROM referral_correction k WHERE k.recorded_at >= ?1 AND k.referral_id IN (");

      for (guint i = 0; i < IDS_PER_STATEMENT; i++)
        g_string_append (text, i > 0 ? ", ?" : "?");
      g_string_append (text, ") ORDER BY k.id");
      g_once_init_leave (&sql, g_string_free (text, FALSE));
    }

  /* Made after @as_of: on a later local day (UTC timestamps sort as text). */
  since = quorum_timestamp_after_local_day (as_of);

  for (guint start = 0; start < n_rows; start += IDS_PER_STATEMENT)
    {
      QuorumDbStmt *stmt = _quorum_store_prepare (self, sql, error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      _quorum_bind_text (stmt, 1, since);
      for (guint i = 0; i < IDS_PER_STATEMENT; i++)
        quorum_db_bind_int64 (stmt, i + 2, start + i < n_rows ? rows[start + i]->id : 0);
      while ((rc = quorum_db_step (stmt, NULL)) == QUORUM_DB_ROW)
        {
          Change c = { 0, };

          if (!quorum_referral_field_from_string ((const char *) quorum_db_column_text (stmt, 1), &c.change.field))
            continue;
          c.referral_id = quorum_db_column_int64 (stmt, 0);
          c.old_value = _quorum_column_dup (stmt, 2);
          c.new_value = _quorum_column_dup (stmt, 3);
          quorum_timestamp_get_local_date ((const char *) quorum_db_column_text (stmt, 4), &c.change.made_on);
          c.summary = _quorum_column_dup (stmt, 5);
          g_array_append_val (changes, c);
        }
      quorum_db_reset (stmt);
      if (rc != QUORUM_DB_DONE)
        return _quorum_store_fail (self, error);
    }

  for (guint i = 0; i < n_rows; i++)
    {
      QuorumReferralRow *row = rows[i];
      g_autoptr(GArray) mine = g_array_new (FALSE, FALSE, sizeof (QuorumReferralChange));
      const char *reasons_after = row->outcome_reason;
      gboolean known = TRUE;
      QuorumReferralAsOf recorded = { .notified = row->notified, .panel_due = row->panel_due,
                                      .panel_date = row->panel_date, .outcome = row->outcome,
                                      .outcome_reason = row->outcome_reason };

      /* The reasons each outcome correction replaced, newest first: each gave the reasons the
       * next one replaced, the newest the record's. */
      for (guint j = changes->len; j-- > 0;)
        {
          Change *c = &g_array_index (changes, Change, j);

          if (c->referral_id != row->id || c->change.field != QUORUM_REFERRAL_FIELD_OUTCOME)
            continue;
          known = known && reasons_replaced (row->id, c->summary, c->old_value, c->new_value, reasons_after,
                                             &c->old_reasons);
          reasons_after = c->old_reasons;
        }
      for (guint j = 0; j < changes->len; j++)
        {
          Change *c = &g_array_index (changes, Change, j);

          if (c->referral_id != row->id)
            continue;
          c->change.old_value = c->old_value;
          c->change.old_reasons = c->old_reasons;
          g_array_append_val (mine, c->change);
        }
      quorum_referral_as_of (&recorded, (QuorumReferralChange *) (gpointer) mine->data, mine->len, as_of, &row->then);
      if (mine->len > 0)
        judge_then (row, as_of);
      {
        char *reasons = g_strdup (row->then.outcome_reason);

        g_free (row->then_reasons);
        row->then_reasons = reasons;
        row->then.outcome_reason = reasons;
      }
    }
  return TRUE;
}

static QuorumReferralRow *
row_from_stmt (QuorumDbStmt *stmt)
{
  QuorumReferralRow *row = g_new0 (QuorumReferralRow, 1);

  row->id = quorum_db_column_int64 (stmt, 0);
  row->conference_id = quorum_db_column_int64 (stmt, 1);
  row->child_id = quorum_db_column_int64 (stmt, 2);
  row->child = _quorum_column_dup (stmt, 3);
  row->chair = _quorum_column_dup (stmt, 4);
  row->profile_id = _quorum_column_dup (stmt, 5);
  _quorum_column_date (stmt, 6, &row->conference_date);
  _quorum_column_date (stmt, 7, &row->due);
  _quorum_column_date (stmt, 8, &row->notified);
  _quorum_column_date (stmt, 9, &row->panel_due);
  _quorum_column_date (stmt, 10, &row->panel_date);
  quorum_panel_outcome_from_string ((const char *)quorum_db_column_text (stmt, 11), &row->outcome);
  row->outcome_reason = _quorum_column_dup (stmt, 12);
  row->state = CLAMP (quorum_db_column_int64 (stmt, 13), QUORUM_REFERRAL_AWAITING_NOTIFICATION, QUORUM_REFERRAL_DECIDED);
  row->overdue = quorum_db_column_int64 (stmt, 14) != 0;
  _quorum_column_date (stmt, 15, &row->next_due);
  /* As it stands now until fill_as_of () says how it stood on an earlier day. */
  row->then.notified = row->notified;
  row->then.panel_due = row->panel_due;
  row->then.panel_date = row->panel_date;
  row->then.outcome = row->outcome;
  row->then_reasons = g_strdup (row->outcome_reason);
  row->then.outcome_reason = row->then_reasons;

  return row;
}

GPtrArray *
quorum_store_list_referrals (QuorumStore  *self,
                             const GDate  *as_of,
                             gboolean      overdue_only,
                             GError      **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)quorum_referral_row_free);
  g_autofree char *since = NULL;
  GDate today;
  QuorumDbStmt *stmt;
  int rc;

  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);

  if (as_of == NULL || !g_date_valid (as_of))
    {
      quorum_date_today (&today);
      as_of = &today;
    }

  /* Overdue is filtered in SQL too, so a Head of Service's 100,000 rows are not all built:
   * those overdue by the record's dates, and those corrected after @as_of (a handful), whose
   * dates then were others; each is judged below as it stood then. */
  since = quorum_timestamp_after_local_day (as_of);
  stmt = _quorum_store_prepare (self,
                                "SELECT " REFERRAL_COLUMNS
                                "FROM referral r JOIN child ch ON ch.id = r.child_id "
                                "JOIN conference c ON c.id = r.conference_id "
                                "WHERE " R_EXISTS " AND (?2 = 0 OR " R_OVERDUE " = 1 "
                                "  OR r.id IN (SELECT k.referral_id FROM referral_correction k "
                                "    WHERE k.recorded_at >= ?3)) "
                                "ORDER BY r.due, r.id", error);
  if (stmt == NULL)
    return NULL;
  _quorum_bind_date (stmt, 1, as_of);
  quorum_db_bind_int64 (stmt, 2, overdue_only ? 1 : 0);
  _quorum_bind_text (stmt, 3, since);

  while ((rc = quorum_db_step (stmt, NULL)) == QUORUM_DB_ROW)
    g_ptr_array_add (rows, row_from_stmt (stmt));
  quorum_db_reset (stmt);
  if (rc != QUORUM_DB_DONE)
    {
      _quorum_store_fail (self, error);
      return NULL;
    }
  {
    g_autoptr(GHashTable) calendars = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) quorum_calendar_unref);
    g_autoptr(GHashTable) regions = g_hash_table_new (NULL, NULL);
    g_autoptr(GHashTable) senders = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
    g_autoptr(GHashTable) means = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

    /* Who sent each and how: one query, not one per row (a Head of Service may hold 100,000). */
    stmt = _quorum_store_prepare (self, "SELECT referral_id, given_by, means FROM notice "
                                  "WHERE kind = 'referral-sent' AND referral_id IS NOT NULL ORDER BY id", error);
    if (stmt == NULL)
      return NULL;
    while (quorum_db_step (stmt, NULL) == QUORUM_DB_ROW)
      {
        gint64 id = quorum_db_column_int64 (stmt, 0);

        g_hash_table_insert (senders, g_memdup2 (&id, sizeof (gint64)), _quorum_column_dup (stmt, 1));
        g_hash_table_insert (means, g_memdup2 (&id, sizeof (gint64)),
                             _quorum_store_known_means (_quorum_column_dup (stmt, 2)));
      }
    quorum_db_reset (stmt);

    if (!fill_as_of (self, (QuorumReferralRow **) rows->pdata, rows->len, as_of, error))
      return NULL;
    for (guint i = rows->len; i-- > 0;)
      {
        QuorumReferralRow *row = g_ptr_array_index (rows, i);

        /* Overdue as it stood then (quorum_referral_as_of ()): a date corrected after @as_of
         * was the old one then. */
        row->overdue = quorum_referral_overdue_as_of (&row->due, &row->then, as_of);
        if (overdue_only && !row->overdue)
          {
            g_ptr_array_remove_index (rows, i);
            continue;
          }
        fill_lateness (self, row, as_of, calendars, regions);
        row->sent_by = g_strdup (g_hash_table_lookup (senders, &row->id));
        row->sent_means = g_strdup (g_hash_table_lookup (means, &row->id));
      }
  }
  return g_steal_pointer (&rows);
}

QuorumReferralRow *
quorum_store_get_referral (QuorumStore  *self,
                           gint64        referral_id,
                           GError      **error)
{
  QuorumReferralRow *row = NULL;
  GDate today;
  QuorumDbStmt *stmt;
  int rc;

  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);

  quorum_date_today (&today);
  stmt = _quorum_store_prepare (self,
                                "SELECT " REFERRAL_COLUMNS
                                "FROM referral r JOIN child ch ON ch.id = r.child_id "
                                "JOIN conference c ON c.id = r.conference_id WHERE r.id = ?2", error);
  if (stmt == NULL)
    return NULL;
  _quorum_bind_date (stmt, 1, &today);
  quorum_db_bind_int64 (stmt, 2, referral_id);
  rc = quorum_db_step (stmt, NULL);
  if (rc == QUORUM_DB_ROW)
    row = row_from_stmt (stmt);
  quorum_db_reset (stmt);
  if (row != NULL)
    {
      g_autoptr(GHashTable) calendars = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) quorum_calendar_unref);
      g_autoptr(GHashTable) regions = g_hash_table_new (NULL, NULL);

      fill_lateness (self, row, &today, calendars, regions);
      row->sent_by = _quorum_store_referral_sent_notice (self, row->id, &row->sent_means);
    }

  if (rc == QUORUM_DB_DONE)
    g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_NOT_FOUND,
                 _("There is no referral %lld"), (long long) referral_id);
  else if (rc != QUORUM_DB_ROW)
    _quorum_store_fail (self, error);
  return row;
}

gboolean
quorum_store_notify_referral (QuorumStore  *self,
                              gint64        referral_id,
                              const GDate  *date,
                              GError      **error)
{
  return quorum_store_send_referral (self, referral_id, date, NULL, NULL, error);
}

static gboolean
send_referral_once (QuorumStore  *self,
                    gint64        referral_id,
                    const GDate  *date,
                    const char   *by,
                    const char   *means,
                    GError      **error)
{
  GDate today;
  g_autoptr(QuorumReferralRow) row = NULL;
  g_autoptr(QuorumProfile) profile = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *iso = NULL;
  GDate panel_due;
  QuorumDbStmt *stmt;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);

  if (date == NULL || !g_date_valid (date))
    {
      g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                           _("The date the referral was sent is needed (YYYY-MM-DD)"));
      return FALSE;
    }

  if (!_quorum_store_begin (self, error))
    return FALSE;

  row = quorum_store_get_referral (self, referral_id, error);
  if (row == NULL)
    goto fail;
  iso = quorum_date_to_string (date);
  if (g_date_valid (&row->notified))
    {
      g_autofree char *when = quorum_date_to_string (&row->notified);
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("Referral %lld was already sent to the Head of Service on %s"),
                   (long long) referral_id, when);
      goto fail;
    }
  /* Not before the conference, not in the future (issue 10: the Head of Service's dates). */
  quorum_date_today (&today);
  if (!quorum_referral_check_sent (date, &row->conference_date, &today, error))
    goto fail;

  profile = quorum_store_get_conference_profile (self, row->conference_id, error);
  if (profile == NULL)
    goto fail;
  quorum_panel_due (profile, date, &panel_due);

  stmt = _quorum_store_prepare (self, "UPDATE referral SET notified = ?, panel_due = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  _quorum_bind_date (stmt, 1, date);
  _quorum_bind_date (stmt, 2, &panel_due);
  quorum_db_bind_int64 (stmt, 3, referral_id);
  summary = g_strdup_printf ("referral %" G_GINT64_FORMAT " sent to the Head of Service on %s",
                             referral_id, iso);
  if (!_quorum_store_exec_stmt (self, stmt, error) ||
      !_quorum_store_audit (self, "update", "referral", referral_id, row->conference_id, summary, error) ||
      /* Who told whom, when and how: the referral's notice (DOMAIN: notices are records). */
      !_quorum_store_insert_referral_notice (self, referral_id, row->conference_id, date,
                                             by != NULL && *by != '\0' ? by : row->chair, means, error) ||
      !_quorum_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  _quorum_store_rollback (self);
  return FALSE;
}

gboolean
quorum_store_send_referral (QuorumStore  *self,
                            gint64        referral_id,
                            const GDate  *date,
                            const char   *by,
                            const char   *means,
                            GError      **error)
{
  _QUORUM_STORE_RETRYING (self, error, gboolean, send_referral_once (self, referral_id, date, by, means, &retry_error));
}

static gboolean
record_panel_once (QuorumStore        *self,
                   gint64              referral_id,
                   const GDate        *date,
                   QuorumPanelOutcome  outcome,
                   const char         *reason,
                   GError            **error)
{
  g_autoptr(QuorumReferralRow) row = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *iso = NULL;
  QuorumDbStmt *stmt;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);

  if (date == NULL || !g_date_valid (date))
    {
      g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                           _("The date the panel heard the referral is needed (YYYY-MM-DD)"));
      return FALSE;
    }
  if (!quorum_referral_check_outcome (outcome, reason, error))
    return FALSE;

  if (!_quorum_store_begin (self, error))
    return FALSE;

  row = quorum_store_get_referral (self, referral_id, error);
  if (row == NULL)
    goto fail;
  iso = quorum_date_to_string (date);
  if (!g_date_valid (&row->notified))
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("Referral %lld has not been sent to the Head of Service yet: "
                     "record its notification first"), (long long) referral_id);
      goto fail;
    }
  if (g_date_valid (&row->panel_date))
    {
      g_autofree char *when = quorum_date_to_string (&row->panel_date);
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("The panel already heard referral %lld on %s"), (long long) referral_id, when);
      goto fail;
    }
  {
    GDate today;

    quorum_date_today (&today);
    if (!quorum_referral_check_heard (date, &row->notified, &today, error))
      goto fail;
  }

  stmt = _quorum_store_prepare (self,
                                "UPDATE referral SET panel_date = ?, outcome = ?, outcome_reason = ? "
                                "WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  _quorum_bind_date (stmt, 1, date);
  _quorum_bind_text (stmt, 2, quorum_panel_outcome_to_string (outcome));
  _quorum_bind_text (stmt, 3, reason && *reason ? reason : NULL);
  quorum_db_bind_int64 (stmt, 4, referral_id);
  summary = g_strdup_printf ("panel heard referral %" G_GINT64_FORMAT " on %s: %s", referral_id, iso,
                             quorum_panel_outcome_to_string (outcome));
  if (!_quorum_store_exec_stmt (self, stmt, error) ||
      !_quorum_store_audit (self, "update", "referral", referral_id, row->conference_id, summary, error) ||
      !_quorum_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  _quorum_store_rollback (self);
  return FALSE;
}

gboolean
quorum_store_record_panel (QuorumStore        *self,
                           gint64              referral_id,
                           const GDate        *date,
                           QuorumPanelOutcome  outcome,
                           const char         *reason,
                           GError            **error)
{
  _QUORUM_STORE_RETRYING (self, error, gboolean, record_panel_once (self, referral_id, date, outcome, reason, &retry_error));
}

/* ---- the Head of Service's page, a page at a time ---- */

#define R_OUTCOME "(CASE coalesce (r.outcome, 'none') WHEN 'plan-confirmed' THEN 1 WHEN 'plan-ended' THEN 2 " \
                  "WHEN 'other' THEN 3 ELSE 0 END)"
/* Names ordered as the page orders them: case folded as g_utf8_casefold () does (SQLite: the
 * driver's quorum_casefold (); PostgreSQL: lower () of the server's locale), byte by byte. */
#define SQLITE_FOLD(X)   "quorum_casefold (coalesce (" X ", ''))"
#define POSTGRES_FOLD(X) "lower (coalesce (" X ", '')) COLLATE \"C\""
/* The search in the child's or the chair's name, its text the parameter P (a LIKE pattern,
 * _quorum_store_search_pattern): both folded by core's rule (accents dropped, case lowered), as
 * the conference search folds them (quorum-store-private.h): "chloe" finds Chloé on both. */
#define REFERRAL_SEARCH(FOLD, P) \
  "(" FOLD ("coalesce (ch.name, '')") " LIKE " P " ESCAPE '\\' " \
  "  OR " FOLD ("coalesce (c.chair, '')") " LIKE " P " ESCAPE '\\') "
#define SQLITE_SEARCH(P)   REFERRAL_SEARCH (QUORUM_STORE_SQLITE_FOLD, P)
#define POSTGRES_SEARCH(P) REFERRAL_SEARCH (QUORUM_STORE_POSTGRES_FOLD, P)

static void
append_term (GString    *sql,
             const char *term,
             gboolean    descending)
{
  g_string_append_printf (sql, "%s%s%s", sql->len > 0 ? ", " : "", term, descending ? " DESC" : "");
}

static void
append_date_terms (GString    *order,
                   const char *column,
                   gboolean    descending)
{
  g_autofree char *unset = g_strdup_printf ("(%s IS NULL)", column);

  append_term (order, unset, descending);
  append_term (order, column, descending);
}

/* The rows (quorum_store_get_referrals (): as they stood on @as_of) of the referrals made by
 * @as_of and corrected after it (@since: quorum_timestamp_after_local_day (@as_of)), whose
 * record's columns say otherwise than they stood then; with @search_sql (a condition on ch and c
 * whose parameter is ?3, bound to @search), those it finds. A handful, usually none. */
static GPtrArray *
corrected_after (QuorumStore  *self,
                 const GDate  *as_of,
                 const char   *since,
                 const char   *search,
                 GError      **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  QuorumDbStmt *stmt;
  int rc;

  stmt = _quorum_store_prepare (self, search == NULL
                                ? "SELECT r.id FROM referral r JOIN conference c ON c.id = r.conference_id "
                                  "WHERE " R_EXISTS " AND " R_CORRECTED_AFTER ("?2") " ORDER BY r.id"
                                : _quorum_store_dialect (self,
                                  "SELECT r.id FROM referral r JOIN child ch ON ch.id = r.child_id "
                                  "JOIN conference c ON c.id = r.conference_id "
                                  "WHERE " R_EXISTS " AND " R_CORRECTED_AFTER ("?2") " AND " SQLITE_SEARCH ("?3")
                                  "ORDER BY r.id",
                                  "SELECT r.id FROM referral r JOIN child ch ON ch.id = r.child_id "
                                  "JOIN conference c ON c.id = r.conference_id "
                                  "WHERE " R_EXISTS " AND " R_CORRECTED_AFTER ("?2") " AND " POSTGRES_SEARCH ("?3")
                                  "ORDER BY r.id"), error);
  if (stmt == NULL)
    return NULL;
  _quorum_bind_date (stmt, 1, as_of);
  _quorum_bind_text (stmt, 2, since);
  if (search != NULL)
    quorum_db_bind_text (stmt, 3, search);
  while ((rc = quorum_db_step (stmt, NULL)) == QUORUM_DB_ROW)
    {
      gint64 id = quorum_db_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  quorum_db_reset (stmt);
  if (rc != QUORUM_DB_DONE)
    {
      _quorum_store_fail (self, error);
      return NULL;
    }
  return quorum_store_get_referrals (self, (const gint64 *) (gpointer) ids->data, ids->len, as_of, error);
}

/* Whether @row, judged as it stood then (judge_then ()), is one @match keeps. */
static gboolean
row_matches (const QuorumReferralRow *row,
             QuorumReferralMatch      match)
{
  switch (match)
    {
    case QUORUM_REFERRAL_MATCH_AWAITING_NOTIFICATION:
      return row->state == QUORUM_REFERRAL_AWAITING_NOTIFICATION;
    case QUORUM_REFERRAL_MATCH_AWAITING_PANEL:
      return row->state == QUORUM_REFERRAL_AWAITING_PANEL;
    case QUORUM_REFERRAL_MATCH_OVERDUE:
      return row->overdue;
    case QUORUM_REFERRAL_MATCH_DECIDED:
      return row->state == QUORUM_REFERRAL_DECIDED;
    case QUORUM_REFERRAL_MATCH_ALL:
    default:
      return TRUE;
    }
}

/* A row's place in an order that its dates as they stood decide: the status order's rank
 * (overdue 0, then 1 + the state) and its next deadline, or a date column's date (as the table
 * shows it, row->then), as ISO text (NULL: unset, last), as the statement's ORDER BY puts them. */
typedef struct
{
  gint64  id;
  gint64  rank;
  char   *date;
} SortKey;

static void
sort_key_clear (gpointer data)
{
  g_free (((SortKey *) data)->date);
}

static int
sort_key_compare (const SortKey *a,
                  const SortKey *b,
                  gboolean       descending)
{
  int cmp = a->rank < b->rank ? -1 : a->rank > b->rank;

  if (cmp == 0)
    cmp = (a->date == NULL) - (b->date == NULL);
  if (cmp == 0 && a->date != NULL && b->date != NULL)
    cmp = strcmp (a->date, b->date);
  if (cmp == 0)
    cmp = a->id < b->id ? -1 : a->id > b->id;
  return descending ? -cmp : cmp;
}

static int
sort_key_compare_cb (gconstpointer a,
                     gconstpointer b,
                     gpointer      descending)
{
  return sort_key_compare (a, b, GPOINTER_TO_INT (descending));
}

static char *
date_text (const GDate *date)
{
  return g_date_valid (date) ? quorum_date_to_string (date) : NULL;
}

GArray *
quorum_store_list_referral_ids (QuorumStore               *self,
                                const QuorumReferralQuery *query,
                                GError                   **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (SortKey));
  g_autoptr(GPtrArray) corrected = NULL;
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) order = g_string_new (NULL);
  g_autofree char *folded = NULL;
  g_autofree char *since = NULL;
  const char *keyed;
  gboolean desc;
  GDate as_of;
  QuorumDbStmt *stmt;
  int rc;

  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL && query->order < QUORUM_REFERRAL_N_ORDERS, NULL);

  if (g_date_valid (&query->as_of))
    as_of = query->as_of;
  else
    quorum_date_today (&as_of);
  if (query->search != NULL)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (query->search));

      /* Folded once here, as the conference search's (core's rule: both backends alike). */
      folded = _quorum_store_search_pattern (stripped);
    }

  desc = query->descending;
  switch (query->order)
    {
    case QUORUM_REFERRAL_ORDER_STATUS:
      append_term (order, "(CASE WHEN " R_OVERDUE " = 1 THEN 0 ELSE 1 + " R_STATE " END)", desc);
      append_date_terms (order, R_NEXT, desc);
      break;
    case QUORUM_REFERRAL_ORDER_CHILD:
      append_term (order, _quorum_store_dialect (self, SQLITE_FOLD ("ch.name"), POSTGRES_FOLD ("ch.name")), desc);
      break;
    case QUORUM_REFERRAL_ORDER_CHAIR:
      append_term (order, _quorum_store_dialect (self, SQLITE_FOLD ("c.chair"), POSTGRES_FOLD ("c.chair")), desc);
      break;
    case QUORUM_REFERRAL_ORDER_CONFERENCE_DATE:
      append_date_terms (order, "c.date", desc);
      break;
    case QUORUM_REFERRAL_ORDER_DUE:
      append_date_terms (order, "r.due", desc);
      break;
    case QUORUM_REFERRAL_ORDER_NOTIFIED:
      append_date_terms (order, "r.notified", desc);
      break;
    case QUORUM_REFERRAL_ORDER_PANEL_DUE:
      append_date_terms (order, "r.panel_due", desc);
      break;
    case QUORUM_REFERRAL_ORDER_PANEL_DATE:
      append_date_terms (order, "r.panel_date", desc);
      break;
    case QUORUM_REFERRAL_ORDER_OUTCOME:
      /* The reasons as g_strcmp0 orders them: none first, then byte by byte. */
      append_term (order, R_OUTCOME, desc);
      append_term (order, "(r.outcome_reason IS NOT NULL)", desc);
      append_term (order, _quorum_store_dialect (self, "r.outcome_reason", "r.outcome_reason COLLATE \"C\""), desc);
      break;
    case QUORUM_REFERRAL_N_ORDERS:
    default:
      g_return_val_if_reached (NULL);
    }
  append_term (order, "r.id", desc);

  /* A referral corrected after the as-of date is judged as it stood then (judge_then ()), as
   * `quorum-cli referrals --as-of` judges it: filtered in C; and where its dates then decide its
   * place (the status order, a date column's), left out here and put in its place below, by the
   * keys the statement gives each row. */
  switch (query->order)
    {
    case QUORUM_REFERRAL_ORDER_STATUS:
      keyed = "(CASE WHEN " R_OVERDUE " = 1 THEN 0 ELSE 1 + " R_STATE " END), " R_NEXT;
      break;
    case QUORUM_REFERRAL_ORDER_NOTIFIED:
      keyed = "0, r.notified";
      break;
    case QUORUM_REFERRAL_ORDER_PANEL_DUE:
      keyed = "0, r.panel_due";
      break;
    case QUORUM_REFERRAL_ORDER_PANEL_DATE:
      keyed = "0, r.panel_date";
      break;
    default:
      keyed = NULL;
    }
  g_string_append_printf (sql, "SELECT r.id, %s "
                          "FROM referral r JOIN child ch ON ch.id = r.child_id "
                          "JOIN conference c ON c.id = r.conference_id "
                          "WHERE " R_EXISTS " AND (%s (?2 = 0 OR (?2 = 1 AND " R_STATE " = 0) OR (?2 = 2 AND " R_STATE " = 1) "
                          "  OR (?2 = 3 AND " R_OVERDUE " = 1) OR (?2 = 4 AND " R_STATE " = 2))) ",
                          keyed != NULL ? keyed : "0, NULL",
                          keyed != NULL ? "NOT " R_CORRECTED_AFTER ("?3") " AND " : R_CORRECTED_AFTER ("?3") " OR ");
  if (folded != NULL)
    g_string_append (sql, _quorum_store_dialect (self, "AND " SQLITE_SEARCH ("?4"), "AND " POSTGRES_SEARCH ("?4")));
  g_string_append_printf (sql, "ORDER BY %s", order->str);

  since = quorum_timestamp_after_local_day (&as_of);
  stmt = _quorum_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return NULL;
  _quorum_bind_date (stmt, 1, &as_of);
  quorum_db_bind_int64 (stmt, 2, query->match);
  _quorum_bind_text (stmt, 3, since);
  if (folded != NULL)
    quorum_db_bind_text (stmt, 4, folded);

  g_array_set_clear_func (keys, sort_key_clear);
  while ((rc = quorum_db_step (stmt, NULL)) == QUORUM_DB_ROW)
    {
      SortKey key = { quorum_db_column_int64 (stmt, 0), quorum_db_column_int64 (stmt, 1), _quorum_column_dup (stmt, 2) };

      g_array_append_val (keys, key);
    }
  quorum_db_reset (stmt);
  if (rc != QUORUM_DB_DONE)
    {
      _quorum_store_fail (self, error);
      return NULL;
    }

  if ((corrected = corrected_after (self, &as_of, since, folded, error)) == NULL)
    return NULL;
  if (corrected->len == 0)
    {
      for (guint i = 0; i < keys->len; i++)
        g_array_append_val (ids, g_array_index (keys, SortKey, i).id);
      return g_steal_pointer (&ids);
    }

  /* Those the statement listed in their place: kept when they matched then. */
  {
    g_autoptr(GHashTable) dropped = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
    g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (SortKey));
    guint i = 0;
    guint j = 0;

    g_array_set_clear_func (placed, sort_key_clear);
    for (guint k = 0; k < corrected->len; k++)
      {
        const QuorumReferralRow *row = g_ptr_array_index (corrected, k);

        if (!row_matches (row, query->match))
          g_hash_table_add (dropped, g_memdup2 (&row->id, sizeof row->id));
        else if (keyed != NULL)
          {
            SortKey key = { row->id, 0, NULL };

            switch (query->order)
              {
              case QUORUM_REFERRAL_ORDER_STATUS:
                key.rank = row->overdue ? 0 : 1 + (gint64) row->state;
                key.date = date_text (&row->next_due);
                break;
              case QUORUM_REFERRAL_ORDER_NOTIFIED:
                key.date = date_text (&row->then.notified);
                break;
              case QUORUM_REFERRAL_ORDER_PANEL_DUE:
                key.date = date_text (&row->then.panel_due);
                break;
              case QUORUM_REFERRAL_ORDER_PANEL_DATE:
              default:
                key.date = date_text (&row->then.panel_date);
                break;
              }
            g_array_append_val (placed, key);
          }
      }
    if (keyed == NULL)
      {
        for (i = 0; i < keys->len; i++)
          {
            gint64 id = g_array_index (keys, SortKey, i).id;

            if (!g_hash_table_contains (dropped, &id))
              g_array_append_val (ids, id);
          }
        return g_steal_pointer (&ids);
      }

    /* The others put in their place among the statement's, in its order. */
    g_array_sort_with_data (placed, sort_key_compare_cb, GINT_TO_POINTER (desc));
    while (i < keys->len || j < placed->len)
      {
        gboolean from_keys = j >= placed->len ||
                             (i < keys->len && sort_key_compare (&g_array_index (keys, SortKey, i),
                                                                 &g_array_index (placed, SortKey, j), desc) <= 0);
        gint64 id = from_keys ? g_array_index (keys, SortKey, i++).id : g_array_index (placed, SortKey, j++).id;

        g_array_append_val (ids, id);
      }
  }
  return g_steal_pointer (&ids);
}


GPtrArray *
quorum_store_get_referrals (QuorumStore  *self,
                            const gint64 *ids,
                            guint         n_ids,
                            const GDate  *as_of,
                            GError      **error)
{
  static char *sql = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)quorum_referral_row_free);
  g_autoptr(GHashTable) found = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) calendars = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) quorum_calendar_unref);
  g_autoptr(GHashTable) regions = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) fetched = g_ptr_array_new_with_free_func ((GDestroyNotify)quorum_referral_row_free);
  GDate today;

  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  if (as_of == NULL || !g_date_valid (as_of))
    {
      quorum_date_today (&today);
      as_of = &today;
    }

  if (g_once_init_enter (&sql))
    {
      GString *text = g_string_new ("SELECT " REFERRAL_COLUMNS ", "
                                    "(SELECT given_by FROM notice n WHERE n.referral_id = r.id "
                                    "  AND n.kind = 'referral-sent' ORDER BY n.id DESC LIMIT 1), "
                                    "(SELECT means FROM notice n WHERE n.referral_id = r.id "
                                    "  AND n.kind = 'referral-sent' ORDER BY n.id DESC LIMIT 1) "
                                    "FROM referral r JOIN child ch ON ch.id = r.child_id "
                                    "JOIN conference c ON c.id = r.conference_id WHERE r.id IN (");

      for (guint i = 0; i < IDS_PER_STATEMENT; i++)
        g_string_append (text, i > 0 ? ", ?" : "?");
      g_string_append (text, ")");
      g_once_init_leave (&sql, g_string_free (text, FALSE));
    }

  for (guint start = 0; start < n_ids; start += IDS_PER_STATEMENT)
    {
      QuorumDbStmt *stmt = _quorum_store_prepare (self, sql, error);
      int rc;

      if (stmt == NULL)
        return NULL;
      _quorum_bind_date (stmt, 1, as_of);
      for (guint i = 0; i < IDS_PER_STATEMENT; i++)
        quorum_db_bind_int64 (stmt, i + 2, start + i < n_ids ? ids[start + i] : 0);
      while ((rc = quorum_db_step (stmt, NULL)) == QUORUM_DB_ROW)
        {
          QuorumReferralRow *row = row_from_stmt (stmt);

          row->sent_by = _quorum_column_dup (stmt, REFERRAL_N_COLUMNS);
          row->sent_means = _quorum_store_known_means (_quorum_column_dup (stmt, REFERRAL_N_COLUMNS + 1));
          g_ptr_array_add (fetched, row);
        }
      quorum_db_reset (stmt);
      if (rc != QUORUM_DB_DONE)
        {
          _quorum_store_fail (self, error);
          return NULL;
        }
    }

  if (!fill_as_of (self, (QuorumReferralRow **) fetched->pdata, fetched->len, as_of, error))
    return NULL;
  for (guint i = 0; i < fetched->len; i++)
    {
      QuorumReferralRow *row = g_ptr_array_index (fetched, i);

      fill_lateness (self, row, as_of, calendars, regions);
      g_hash_table_insert (found, &row->id, row);
    }
  /* In the order asked; the rows move from @fetched to @rows. */
  g_ptr_array_set_free_func (fetched, NULL);
  for (guint i = 0; i < n_ids; i++)
    {
      QuorumReferralRow *row = g_hash_table_lookup (found, &ids[i]);

      if (row != NULL && g_hash_table_remove (found, &ids[i]))
        g_ptr_array_add (rows, row);
    }
  /* Any asked for twice: not moved, so freed here. */
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, found);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      quorum_referral_row_free (value);
  }
  return g_steal_pointer (&rows);
}

gboolean
quorum_store_count_referrals (QuorumStore          *self,
                              const GDate          *as_of,
                              const GDate          *due_by,
                              QuorumReferralCounts *out,
                              GError              **error)
{
  g_autoptr(GPtrArray) corrected = NULL;
  g_autofree char *since = NULL;
  GDate today;
  QuorumDbStmt *stmt;
  int rc;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  memset (out, 0, sizeof *out);
  if (as_of == NULL || !g_date_valid (as_of))
    {
      quorum_date_today (&today);
      as_of = &today;
    }

  /* One pass over the referrals that existed as of then (their conference's date read by its
   * key): state, overdue, and whether the next deadline falls from as-of to @due_by, counted
   * by group. */
  /* Those corrected after it (a handful) are counted apart, below, as they stood then. */
  since = quorum_timestamp_after_local_day (as_of);
  stmt = _quorum_store_prepare (self,
                                "SELECT s, o, w, count (*) FROM (SELECT " R_STATE " AS s, " R_OVERDUE " AS o, "
                                "  (CASE WHEN " R_NEXT " >= ?1 AND " R_NEXT " <= ?2 THEN 1 ELSE 0 END) AS w "
                                "  FROM referral r JOIN conference c ON c.id = r.conference_id "
                                "  WHERE " R_EXISTS " AND NOT " R_CORRECTED_AFTER ("?3") ") t GROUP BY s, o, w", error);
  if (stmt == NULL)
    return FALSE;
  _quorum_bind_date (stmt, 1, as_of);
  if (due_by != NULL && g_date_valid (due_by))
    _quorum_bind_date (stmt, 2, due_by);
  else
    _quorum_bind_date (stmt, 2, as_of);
  _quorum_bind_text (stmt, 3, since);

  while ((rc = quorum_db_step (stmt, NULL)) == QUORUM_DB_ROW)
    {
      gint64 state = quorum_db_column_int64 (stmt, 0);
      gboolean overdue = quorum_db_column_int64 (stmt, 1) != 0;
      gboolean soon = quorum_db_column_int64 (stmt, 2) != 0;
      guint n = (guint) quorum_db_column_int64 (stmt, 3);

      out->total += n;
      if (overdue)
        out->overdue += n;
      else if (soon)
        out->due_soon += n;
      if (state == 0)
        out->awaiting_notification += n;
      else if (state == 1)
        {
          out->awaiting_panel += n;
          if (overdue)
            out->panel_overdue += n;
        }
    }
  quorum_db_reset (stmt);
  if (rc != QUORUM_DB_DONE)
    return _quorum_store_fail (self, error);

  /* The referrals corrected after @as_of, each judged by its dates as they stood then, as
   * `quorum-cli referrals --as-of` judges them. */
  if ((corrected = corrected_after (self, as_of, since, NULL, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < corrected->len; i++)
    {
      const QuorumReferralRow *row = g_ptr_array_index (corrected, i);
      const GDate *until = due_by != NULL && g_date_valid (due_by) ? due_by : as_of;
      gboolean soon = g_date_valid (&row->next_due) && g_date_compare (&row->next_due, as_of) >= 0 &&
                      g_date_compare (&row->next_due, until) <= 0;

      out->total++;
      if (row->overdue)
        out->overdue++;
      else if (soon)
        out->due_soon++;
      if (row->state == QUORUM_REFERRAL_AWAITING_NOTIFICATION)
        out->awaiting_notification++;
      else if (row->state == QUORUM_REFERRAL_AWAITING_PANEL)
        {
          out->awaiting_panel++;
          if (row->overdue)
            out->panel_overdue++;
        }
    }
  return TRUE;
}
