/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-welsh.c: Welsh as a Welsh-speaking social worker reads it: the record's words in the
 * terms of Welsh safeguarding practice, the six plural forms of Welsh, month and day names with
 * no Welsh system locale, and a Welsh form beside every text of every shipped profile. */

#include <string.h>

#include <gio/gio.h>
#include <quorum/quorum.h>

static void
test_terms (void)
{
  quorum_i18n_push_language ("cy");
  g_assert_cmpstr (quorum_gettext ("Child protection conference"), ==, "Cynhadledd amddiffyn plant");
  g_assert_cmpstr (quorum_gettext ("Child protection plan"), ==, "Cynllun amddiffyn plant");
  g_assert_cmpstr (quorum_gettext ("Referral to the Head of Service"), ==,
                   "Atgyfeiriad at y Pennaeth Gwasanaeth");
  g_assert_cmpstr (quorum_gettext ("Raise a Professional Difference"), ==, "Codi Gwahaniaeth Proffesiynol");
  g_assert_cmpstr (quorum_gettext ("Export the dissent record"), ==, "Allforio’r cofnod anghytuno");
  g_assert_cmpstr (quorum_pgettext ("view in a table\004Plan", strlen ("view in a table") + 1), ==, "Cynllun");
  g_assert_cmpstr (quorum_i18n_get_language (), ==, "cy");

  /* English is the source text, whatever the desktop speaks. */
  quorum_i18n_push_language ("en");
  g_assert_cmpstr (quorum_gettext ("Child protection plan"), ==, "Child protection plan");
  quorum_i18n_pop_language ();
  g_assert_cmpstr (quorum_i18n_get_language (), ==, "cy");
  quorum_i18n_pop_language ();
  g_assert_null (quorum_i18n_get_language ());
}

/* Plural-Forms: nplurals=6; plural=(n==0) ? 0 : (n==1) ? 1 : (n==2) ? 2 : (n==3) ? 3 : (n==6) ? 4 : 5; */
static void
test_plurals (void)
{
  const char *one = "%s (within %d working day of the conference)";
  const char *many = "%s (within %d working days of the conference)";

  quorum_i18n_push_language ("cy");
  /* Soft mutation after "dau" (2): "2 ddiwrnod"; every other count keeps "diwrnod". */
  g_assert_nonnull (strstr (quorum_ngettext (one, many, 2), "%d ddiwrnod gwaith"));
  for (gulong n = 0; n <= 11; n++)
    if (n != 2)
      g_assert_nonnull (strstr (quorum_ngettext (one, many, n), "%d diwrnod gwaith"));
  /* "plentyn" style nouns: 3 and 6 take the aspirate mutation. */
  g_assert_nonnull (strstr (quorum_ngettext ("%s · %u representative, one view",
                                             "%s · %u representatives, one view", 3), "chynrychiolydd"));
  g_assert_nonnull (strstr (quorum_ngettext ("%s · %u representative, one view",
                                             "%s · %u representatives, one view", 6), "chynrychiolydd"));
  g_assert_nonnull (strstr (quorum_ngettext ("%s · %u representative, one view",
                                             "%s · %u representatives, one view", 2), "gynrychiolydd"));
  g_assert_nonnull (strstr (quorum_ngettext ("%s · %u representative, one view",
                                             "%s · %u representatives, one view", 5), "%u cynrychiolydd"));
  quorum_i18n_pop_language ();

  quorum_i18n_push_language ("en");
  g_assert_cmpstr (quorum_ngettext (one, many, 1), ==, one);
  g_assert_cmpstr (quorum_ngettext (one, many, 2), ==, many);
  quorum_i18n_pop_language ();
}

static void
test_dates (void)
{
  GDate date;
  g_autofree char *cy = NULL;
  g_autofree char *en = NULL;
  g_autofree char *cy_day = NULL;
  g_autofree char *cy_short = NULL;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 2, G_DATE_NOVEMBER, 2026);   /* a Monday */

  quorum_i18n_push_language ("cy");
  cy = quorum_date_format (&date, "%-d %B %Y");
  cy_day = quorum_date_format (&date, "%A %-d %B %Y");
  cy_short = quorum_date_format (&date, "%a %-d %b %Y");
  quorum_i18n_pop_language ();
  quorum_i18n_push_language ("en");
  en = quorum_date_format (&date, "%-d %B %Y");
  quorum_i18n_pop_language ();

  g_assert_cmpstr (cy, ==, "2 Tachwedd 2026");
  g_assert_cmpstr (cy_day, ==, "Dydd Llun 2 Tachwedd 2026");
  g_assert_cmpstr (cy_short, ==, "Llun 2 Tach 2026");
  g_assert_cmpstr (en, ==, "2 November 2026");
}

/* Every text a profile shows has its Welsh form beside it (Name[cy]=, Owner[cy]=, …). */
static void
test_profiles_have_welsh (void)
{
  static const char * const texts[] = { "Name", "Authority", "ImmediateRiskAdvice", "Owner",
                                        "LimitSource", "Outcomes", "Checklist", "What", "From",
                                        "To", "Source", "RaisedWith", "Alerts", "AlertWhen", NULL };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = g_resources_enumerate_children ("/io/github/quorum_app/quorum/profiles/", 0, &error);
  guint checked = 0;

  g_assert_no_error (error);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat ("/io/github/quorum_app/quorum/profiles/", names[i], NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);
      g_autoptr(GKeyFile) keyfile = g_key_file_new ();
      g_auto(GStrv) groups = NULL;

      if (!g_str_has_suffix (names[i], ".ini"))
        continue;
      g_assert_true (g_key_file_load_from_bytes (keyfile, bytes, G_KEY_FILE_KEEP_TRANSLATIONS, NULL));
      groups = g_key_file_get_groups (keyfile, NULL);
      for (guint g = 0; groups[g] != NULL; g++)
        for (guint k = 0; texts[k] != NULL; k++)
          {
            g_autofree char *welsh_key = g_strconcat (texts[k], "[cy]", NULL);

            if (!g_key_file_has_key (keyfile, groups[g], texts[k], NULL))
              continue;
            if (!g_key_file_has_key (keyfile, groups[g], welsh_key, NULL))
              g_error ("%s [%s] has %s but no %s", names[i], groups[g], texts[k], welsh_key);
            checked++;
          }
    }
  g_assert_cmpuint (checked, >, 80);

  {
    g_autoptr(QuorumProfile) sew = quorum_profiles_lookup ("south-east-wales", &error);
    g_autofree char *cy = NULL;
    g_autofree char *en = NULL;

    g_assert_no_error (error);
    g_assert_true (sew->bilingual);
    quorum_i18n_push_language ("cy");
    cy = quorum_profile_dup_text (sew, "Profile", "Name");
    quorum_i18n_pop_language ();
    quorum_i18n_push_language ("en");
    en = quorum_profile_dup_text (sew, "Profile", "Name");
    quorum_i18n_pop_language ();
    g_assert_cmpstr (cy, ==, "De-ddwyrain Cymru: datrys gwahaniaethau proffesiynol");
    g_assert_cmpstr (en, ==, "South East Wales: resolving professional differences");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (g_getenv ("QUORUM_LOCALEDIR") == NULL)
    {
      g_printerr ("QUORUM_LOCALEDIR names the build's po folder (meson test sets it)\n");
      return 77;
    }
  g_test_add_func ("/welsh/terms-of-welsh-safeguarding-practice", test_terms);
  g_test_add_func ("/welsh/six-plural-forms", test_plurals);
  g_test_add_func ("/welsh/dates-without-a-welsh-locale", test_dates);
  g_test_add_func ("/welsh/every-profile-text-has-a-welsh-form", test_profiles_have_welsh);
  return g_test_run ();
}
