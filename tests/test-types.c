/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-types.c: the enums' stable words, strict dates, text checks and exit statuses. */

#include <locale.h>
#include <string.h>

#include <gio/gio.h>

#include "quorum/quorum.h"

static void
test_string_forms_round_trip (void)
{
  for (guint i = 0; i < QUORUM_N_REGIONS; i++)
    {
      QuorumRegion back;
      g_assert_true (quorum_region_from_string (quorum_region_to_string (i), &back));
      g_assert_cmpint (back, ==, i);
      g_assert_nonnull (quorum_region_get_label (i));
    }
  for (guint i = 0; i <= QUORUM_RULE_CHAIR_DECIDES; i++)
    {
      QuorumRule back;
      g_assert_true (quorum_rule_from_string (quorum_rule_to_string (i), &back));
      g_assert_cmpint (back, ==, i);
    }
  for (guint i = 0; i < QUORUM_N_KINDS; i++)
    {
      QuorumConferenceKind back;
      g_assert_true (quorum_kind_from_string (quorum_kind_to_string (i), &back));
      g_assert_cmpint (back, ==, i);
      g_assert_nonnull (quorum_kind_get_label (i));
    }
  for (guint i = 0; i <= QUORUM_VIEW_DECLINE; i++)
    {
      QuorumView back;
      g_assert_true (quorum_view_from_string (quorum_view_to_string (i), &back));
      g_assert_cmpint (back, ==, i);
      g_assert_nonnull (quorum_view_get_label (i));
    }
  for (guint i = 0; i <= QUORUM_BASIS_CHAIR; i++)
    {
      QuorumBasis back;
      g_assert_true (quorum_basis_from_string (quorum_basis_to_string (i), &back));
      g_assert_cmpint (back, ==, i);
      g_assert_nonnull (quorum_basis_get_label (i));
    }
  for (guint i = 0; i <= QUORUM_ATTENDANCE_REPORT_SENT; i++)
    {
      QuorumAttendance back;
      g_assert_true (quorum_attendance_from_string (quorum_attendance_to_string (i), &back));
      g_assert_cmpint (back, ==, i);
      g_assert_nonnull (quorum_attendance_get_label (i));
    }
  for (guint i = 0; i <= QUORUM_PANEL_OTHER; i++)
    {
      QuorumPanelOutcome back;
      g_assert_true (quorum_panel_outcome_from_string (quorum_panel_outcome_to_string (i), &back));
      g_assert_cmpint (back, ==, i);
      g_assert_nonnull (quorum_panel_outcome_get_label (i));
    }
}

static void
test_string_forms_are_the_cli_words (void)
{
  g_assert_cmpstr (quorum_region_to_string (QUORUM_REGION_ENGLAND_WALES), ==, "england-wales");
  g_assert_cmpstr (quorum_region_to_string (QUORUM_REGION_NORTHERN_IRELAND), ==, "northern-ireland");
  g_assert_cmpstr (quorum_rule_to_string (QUORUM_RULE_MAJORITY_BY_LINE_MANAGEMENT), ==, "majority-by-line-management");
  g_assert_cmpstr (quorum_rule_to_string (QUORUM_RULE_CHAIR_DECIDES), ==, "chair-decides");
  g_assert_cmpstr (quorum_kind_to_string (QUORUM_KIND_TRANSFER_IN), ==, "transfer-in");
  g_assert_cmpstr (quorum_kind_to_string (QUORUM_KIND_PRE_BIRTH), ==, "pre-birth");
  g_assert_cmpstr (quorum_view_to_string (QUORUM_VIEW_NO_PLAN), ==, "no-plan");
  g_assert_cmpstr (quorum_basis_to_string (QUORUM_BASIS_SPLIT), ==, "split");
  g_assert_cmpstr (quorum_attendance_to_string (QUORUM_ATTENDANCE_REPORT_SENT), ==, "report-sent");
  g_assert_cmpstr (quorum_panel_outcome_to_string (QUORUM_PANEL_PLAN_ENDED), ==, "plan-ended");
  g_assert_cmpstr (quorum_region_get_label (QUORUM_REGION_ENGLAND_WALES), ==, "England and Wales");
  g_assert_cmpstr (quorum_basis_get_label (QUORUM_BASIS_CHAIR), ==, "Chair's decision");
}

static void
test_string_forms_refuse_unknown_words (void)
{
  QuorumRegion region = QUORUM_REGION_SCOTLAND;
  QuorumRule rule;
  QuorumConferenceKind kind;
  QuorumView view;
  QuorumBasis basis;
  QuorumAttendance attendance;
  QuorumPanelOutcome outcome;

  g_assert_false (quorum_region_from_string ("wales", &region));
  g_assert_cmpint (region, ==, QUORUM_REGION_SCOTLAND);
  g_assert_false (quorum_region_from_string ("", &region));
  g_assert_false (quorum_region_from_string (NULL, &region));
  g_assert_false (quorum_rule_from_string ("majority", &rule));
  g_assert_false (quorum_kind_from_string ("Initial", &kind));
  g_assert_false (quorum_kind_from_string ("initial ", &kind));
  g_assert_false (quorum_view_from_string ("no_plan", &view));
  g_assert_false (quorum_basis_from_string ("unanimous", &basis));
  g_assert_false (quorum_attendance_from_string ("absent", &attendance));
  g_assert_false (quorum_panel_outcome_from_string ("confirmed", &outcome));
}

static void
test_categories (void)
{
  g_autofree char *all = quorum_categories_to_string (QUORUM_CATEGORY_ALL);
  g_autofree char *none = quorum_categories_to_string (QUORUM_CATEGORY_NONE);
  guint categories = 0;

  g_assert_cmpstr (all, ==, "neglect,physical,emotional,sexual");
  g_assert_cmpstr (none, ==, "");

  g_assert_true (quorum_categories_from_string (all, &categories));
  g_assert_cmpuint (categories, ==, QUORUM_CATEGORY_ALL);

  g_assert_true (quorum_categories_from_string (" neglect , sexual,neglect ", &categories));
  g_assert_cmpuint (categories, ==, QUORUM_CATEGORY_NEGLECT | QUORUM_CATEGORY_SEXUAL);

  g_assert_true (quorum_categories_from_string ("", &categories));
  g_assert_cmpuint (categories, ==, QUORUM_CATEGORY_NONE);

  categories = 42;
  g_assert_false (quorum_categories_from_string ("neglect,financial", &categories));
  g_assert_cmpuint (categories, ==, 42);
  g_assert_false (quorum_categories_from_string ("neglect,,physical", &categories));

  for (guint bit = QUORUM_CATEGORY_NEGLECT; bit <= QUORUM_CATEGORY_SEXUAL; bit <<= 1)
    g_assert_nonnull (quorum_category_get_label (bit));
}

static void
assert_date_refused (const char *str)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_assert_false (quorum_date_parse (str, "--date", &date, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "--date"));
  g_assert_false (g_date_valid (&date));
}

static void
test_date_refuses_what_is_not_a_real_date (void)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  assert_date_refused ("2026-02-30");
  assert_date_refused ("2026-13-01");
  assert_date_refused ("2026-00-10");
  assert_date_refused ("2026-1-1");
  assert_date_refused ("");
  assert_date_refused (NULL);
  assert_date_refused ("2026-01-01x");
  assert_date_refused ("2026-01-01 ");
  assert_date_refused (" 2026-01-01");
  assert_date_refused ("2026-01-01T10:00");
  assert_date_refused ("2026/01/01");
  assert_date_refused ("+026-01-01");
  assert_date_refused ("1899-12-31");
  assert_date_refused ("2023-02-29");

  g_assert_false (quorum_date_parse ("2026-02-30", "--date", &date, &error));
  g_assert_cmpstr (error->message, ==, "--date: \"2026-02-30\" is not a real date (use YYYY-MM-DD)");
}

static void
test_date_accepts_leap_day (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *back = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_assert_true (quorum_date_parse ("2024-02-29", "--date", &date, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_date_get_year (&date), ==, 2024);
  g_assert_cmpint (g_date_get_month (&date), ==, 2);
  g_assert_cmpint (g_date_get_day (&date), ==, 29);

  back = quorum_date_to_string (&date);
  g_assert_cmpstr (back, ==, "2024-02-29");

  g_assert_true (quorum_date_parse ("1900-01-01", "--date", &date, NULL));
  g_assert_true (quorum_date_parse ("9999-12-31", "--date", &date, NULL));
}

static void
test_date_to_string_of_unset_date (void)
{
  GDate date;

  g_date_clear (&date, 1);
  g_assert_null (quorum_date_to_string (&date));
  g_assert_null (quorum_date_to_string (NULL));
}

static void
test_date_today_and_timestamp (void)
{
  g_autofree char *today_str = NULL;
  g_autofree char *stamp = NULL;
  g_autoptr(GDateTime) parsed = NULL;
  GDate today;
  GDate check;

  quorum_date_today (&today);
  g_assert_true (g_date_valid (&today));
  today_str = quorum_date_to_string (&today);
  g_assert_true (quorum_date_parse (today_str, "today", &check, NULL));

  stamp = quorum_timestamp_now ();
  g_assert_true (g_str_has_suffix (stamp, "Z"));
  g_assert_nonnull (strchr (stamp, '.'));
  g_assert_cmpuint (strlen (stamp), ==, strlen ("2026-01-01T10:00:00.000000Z"));
  parsed = g_date_time_new_from_iso8601 (stamp, NULL);
  g_assert_nonnull (parsed);
}

static char *
repeat_letter (const char *letter,
               guint       n)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append (s, letter);

  return g_string_free (s, FALSE);
}

static void
test_text_length_counts_characters (void)
{
  /* "é" is two bytes: the limit is on characters a person typed, not bytes. */
  g_autofree char *at_limit = repeat_letter ("é", QUORUM_MAX_TEXT);
  g_autofree char *over = repeat_letter ("é", QUORUM_MAX_TEXT + 1);
  g_autoptr(GError) error = NULL;

  g_assert_true (quorum_check_text (at_limit, "--reason", TRUE, QUORUM_MAX_TEXT, &error));
  g_assert_no_error (error);

  g_assert_false (quorum_check_text (over, "--reason", TRUE, QUORUM_MAX_TEXT, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "--reason is 20,001 characters long; the most is 20,000");
}

static void
test_text_refuses_invalid_utf8 (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (quorum_check_text ("caf\xc3", "--summary", FALSE, QUORUM_MAX_TEXT, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "--summary is not valid UTF-8");
  g_clear_error (&error);

  g_assert_false (quorum_check_text ("\xff\xfe", "--summary", FALSE, QUORUM_MAX_TEXT, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
}

static void
test_text_required_refuses_empty (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (quorum_check_text ("", "--name", TRUE, QUORUM_MAX_NAME, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "--name must not be empty");
  g_clear_error (&error);

  g_assert_false (quorum_check_text (" \t\n ", "--name", TRUE, QUORUM_MAX_NAME, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (quorum_check_text (NULL, "--name", TRUE, QUORUM_MAX_NAME, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);

  /* Optional text may be absent or empty. */
  g_assert_true (quorum_check_text (NULL, "--note", FALSE, QUORUM_MAX_TEXT, NULL));
  g_assert_true (quorum_check_text ("", "--note", FALSE, QUORUM_MAX_TEXT, NULL));
}

static void
test_text_refuses_control_characters (void)
{
  const char *bad[] = { "a\x1b[2Jb", "bell\a", "cr\rhere", "del\x7f", "c1\xc2\x85" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (quorum_check_text (bad[i], "--reason", FALSE, QUORUM_MAX_TEXT, &error));
      g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "--reason"));
    }

  g_assert_true (quorum_check_text ("line one\n\tline two — ok", "--reason", TRUE, QUORUM_MAX_TEXT, NULL));
}

static void
test_exit_statuses (void)
{
  struct { GQuark domain; int code; int status; } cases[] = {
    { QUORUM_ERROR, QUORUM_ERROR_INVALID, 2 },
    { QUORUM_ERROR, QUORUM_ERROR_NOT_FOUND, 2 },
    { QUORUM_ERROR, QUORUM_ERROR_FINALISED, 2 },
    { QUORUM_ERROR, QUORUM_ERROR_NO_VIEWS, 2 },
    { QUORUM_ERROR, QUORUM_ERROR_INQUORATE, 2 },
    { QUORUM_ERROR, QUORUM_ERROR_STORAGE, 3 },
    { QUORUM_ERROR, QUORUM_ERROR_TAMPERED, 4 },
    { G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, 1 },
    { G_OPTION_ERROR, G_OPTION_ERROR_UNKNOWN_OPTION, 1 },
    { G_IO_ERROR, G_IO_ERROR_FAILED, 3 },
    { G_FILE_ERROR, G_FILE_ERROR_NOENT, 3 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = g_error_new_literal (cases[i].domain, cases[i].code, "x");

      g_assert_cmpint (quorum_error_exit_status (error), ==, cases[i].status);
    }

  g_assert_cmpstr (g_quark_to_string (QUORUM_ERROR), ==, "quorum-error-quark");
}

/* The search's fold (trial 6: "chloe" did not find "Chloé"): accents dropped and case lowered,
 * letters that have no accent to drop kept; and its map, which PostgreSQL's translate () is
 * given, is GLib's own decomposition letter by letter, the same rule SQLite's search applies. */
static void
test_search_fold (void)
{
  const char *from = QUORUM_SEARCH_FOLD_FROM;
  const char *to = QUORUM_SEARCH_FOLD_TO;
  guint n = 0;

  g_assert_null (quorum_search_fold (NULL));
  {
    g_autofree char *a = quorum_search_fold ("Chloé WALSH");
    g_autofree char *b = quorum_search_fold ("Siân Ŵyn Prŷs, ẂYN");
    g_autofree char *c = quorum_search_fold ("Ærøskøbing Łódź Straße 100%");
    g_autofree char *d = quorum_search_fold ("Ἀθηνᾶ ЁЛКА");

    g_assert_cmpstr (a, ==, "chloe walsh");
    g_assert_cmpstr (b, ==, "sian wyn prys, wyn");
    g_assert_cmpstr (c, ==, "ærøskøbing łodz straße 100%");
    g_assert_cmpstr (d, ==, "αθηνα елка");
  }

  g_assert_cmpint (g_utf8_strlen (from, -1), ==, g_utf8_strlen (to, -1));
  for (; *from != '\0'; from = g_utf8_next_char (from), to = g_utf8_next_char (to), n++)
    {
      gunichar c = g_utf8_get_char (from);
      char one[8] = { 0 };
      g_autofree char *nfd = NULL;

      g_unichar_to_utf8 (c, one);
      nfd = g_utf8_normalize (one, -1, G_NORMALIZE_NFD);
      for (const char *m = g_utf8_next_char (nfd); *m != '\0'; m = g_utf8_next_char (m))
        g_assert_true (g_unichar_ismark (g_utf8_get_char (m)));
      g_assert_cmpuint (g_unichar_tolower (g_utf8_get_char (nfd)), ==, g_utf8_get_char (to));
    }
  g_assert_cmpuint (n, >, 1000);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/types/string-forms/round-trip", test_string_forms_round_trip);
  g_test_add_func ("/types/string-forms/are-the-cli-words", test_string_forms_are_the_cli_words);
  g_test_add_func ("/types/string-forms/refuse-unknown-words", test_string_forms_refuse_unknown_words);
  g_test_add_func ("/types/categories/comma-list-tolerates-space-and-duplicates", test_categories);
  g_test_add_func ("/types/date/refuses-what-is-not-a-real-date", test_date_refuses_what_is_not_a_real_date);
  g_test_add_func ("/types/date/accepts-leap-day", test_date_accepts_leap_day);
  g_test_add_func ("/types/date/unset-date-has-no-string", test_date_to_string_of_unset_date);
  g_test_add_func ("/types/date/today-and-utc-timestamp", test_date_today_and_timestamp);
  g_test_add_func ("/types/text/length-counts-characters-not-bytes", test_text_length_counts_characters);
  g_test_add_func ("/types/text/refuses-invalid-utf8", test_text_refuses_invalid_utf8);
  g_test_add_func ("/types/text/required-refuses-empty-and-blank", test_text_required_refuses_empty);
  g_test_add_func ("/types/text/refuses-control-characters", test_text_refuses_control_characters);
  g_test_add_func ("/types/error/exit-statuses", test_exit_statuses);
  g_test_add_func ("/core/search-fold", test_search_fold);

  return g_test_run ();
}
