/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-profiles.c: the shipped policy profiles say what their seeds say; local ones load. */

#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>

#include "quorum/quorum.h"

#define NO_LIMIT (-1)

typedef struct
{
  const char   *id;
  const char   *seed;
  QuorumRule    rule;
  QuorumRegion  region;
  gboolean      bilingual;
  int           monitored_stage;
  guint         n_stages;
  int           limits[8];   /* working days of stage 1, 2, …; NO_LIMIT where none */
} Expected;

/* DOMAIN.md's table "The five shipped profiles", checked against the seeds. */
static const Expected expected[] = {
  { "bolton", "000_d99d103891282ae5.txt", QUORUM_RULE_MAJORITY_BY_LINE_MANAGEMENT,
    QUORUM_REGION_ENGLAND_WALES, FALSE, 0, 3,
    { NO_LIMIT, NO_LIMIT, NO_LIMIT } },
  { "buckinghamshire", "002_d628dda2e108d466.txt", QUORUM_RULE_CHAIR_DECIDES,
    QUORUM_REGION_ENGLAND_WALES, FALSE, 0, 5,
    { NO_LIMIT, NO_LIMIT, NO_LIMIT, NO_LIMIT, NO_LIMIT } },
  { "south-east-wales", "001_e0d4ad69027d0178.txt", QUORUM_RULE_MAJORITY_BY_LINE_MANAGEMENT,
    QUORUM_REGION_ENGLAND_WALES, TRUE, 5, 8,
    { NO_LIMIT, NO_LIMIT, 2, 2, NO_LIMIT, 5, NO_LIMIT, NO_LIMIT } },
  { "six-stage", "003_7bf2b378808d403c.txt", QUORUM_RULE_MAJORITY_BY_LINE_MANAGEMENT,
    QUORUM_REGION_ENGLAND_WALES, FALSE, 0, 6,
    { NO_LIMIT, NO_LIMIT, NO_LIMIT, NO_LIMIT, NO_LIMIT, NO_LIMIT } },
  { "bradford", "004_acb2ccd029fa2e96.txt", QUORUM_RULE_MAJORITY_BY_LINE_MANAGEMENT,
    QUORUM_REGION_ENGLAND_WALES, FALSE, 0, 6,
    { 5, 5, 5, 5, 5, 5 } },
};

static const Expected *
expected_for (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      if (g_str_equal (expected[i].id, id))
        return &expected[i];
    }

  return NULL;
}

static QuorumProfile *
lookup (const char *id)
{
  g_autoptr(GError) error = NULL;
  QuorumProfile *profile = quorum_profiles_lookup (id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (profile);

  return profile;
}

static char *
make_profiles_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("quorum-profiles-XXXXXX", &error);

  g_assert_no_error (error);
  g_setenv ("QUORUM_PROFILES_DIR", dir, TRUE);

  return dir;
}

static void
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static void
remove_dir (char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
  g_free (dir);
  g_unsetenv ("QUORUM_PROFILES_DIR");
}

static const char minimal_profile[] =
  "[Profile]\n"
  "Name=Testshire: professional differences\n"
  "Rule=chair-decides\n"
  "Region=scotland\n"
  "[Referral]\n"
  "WorkingDays=3\n"
  "PanelCalendarDays=14\n"
  "[Quoracy]\n"
  "LeadAgency=social work\n"
  "MinOtherAgencies=1\n"
  "[Stage 1]\n"
  "Name=Practitioners talk\n"
  "Owner=The practitioners\n"
  "[Stage 2]\n"
  "Name=Managers talk\n"
  "Owner=The managers\n"
  "WorkingDays=4\n";

static void
test_every_shipped_profile_loads (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) profiles = quorum_profiles_load_all (&error);

  g_assert_no_error (error);
  g_assert_nonnull (profiles);
  g_assert_cmpuint (profiles->len, ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < profiles->len; i++)
    {
      QuorumProfile *profile = g_ptr_array_index (profiles, i);
      const Expected *want = expected_for (profile->id);

      g_test_message ("profile %s", profile->id);
      g_assert_nonnull (want);
      g_assert_cmpstr (profile->seed, ==, want->seed);
      g_assert_nonnull (profile->name);
      g_assert_nonnull (profile->authority);
      g_assert_cmpint (profile->rule, ==, want->rule);
      g_assert_cmpint (profile->region, ==, want->region);
      g_assert_cmpint (profile->bilingual, ==, want->bilingual);
      g_assert_cmpint (profile->monitored_stage, ==, want->monitored_stage);
    }
}

static void
test_stage_counts_and_limits_match_the_seeds (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(QuorumProfile) profile = lookup (expected[i].id);

      g_test_message ("profile %s", expected[i].id);
      g_assert_cmpuint (quorum_profile_get_n_stages (profile), ==, expected[i].n_stages);

      for (guint n = 1; n <= expected[i].n_stages; n++)
        {
          const QuorumStage *stage = quorum_profile_get_stage (profile, n);

          g_assert_nonnull (stage);
          g_assert_cmpint (stage->number, ==, n);
          g_assert_nonnull (stage->name);
          g_assert_nonnull (stage->owner);
          g_assert_cmpint (stage->limit_working_days, ==, expected[i].limits[n - 1]);
          /* A limit in days always carries the seed's words for it. */
          if (stage->limit_working_days >= 0)
            g_assert_nonnull (stage->limit_source);
        }

      g_assert_null (quorum_profile_get_stage (profile, 0));
      g_assert_null (quorum_profile_get_stage (profile, expected[i].n_stages + 1));
    }
}

static void
test_stage_without_limit_has_none (void)
{
  g_autoptr(QuorumProfile) bolton = lookup ("bolton");
  g_autoptr(QuorumProfile) bucks = lookup ("buckinghamshire");
  g_autoptr(QuorumProfile) six = lookup ("six-stage");

  for (guint n = 1; n <= quorum_profile_get_n_stages (bolton); n++)
    g_assert_cmpint (quorum_profile_get_stage (bolton, n)->limit_working_days, ==, NO_LIMIT);
  for (guint n = 1; n <= quorum_profile_get_n_stages (bucks); n++)
    g_assert_cmpint (quorum_profile_get_stage (bucks, n)->limit_working_days, ==, NO_LIMIT);
  for (guint n = 1; n <= quorum_profile_get_n_stages (six); n++)
    g_assert_cmpint (quorum_profile_get_stage (six, n)->limit_working_days, ==, NO_LIMIT);

  /* "without delay" is the seed's word, not a number of days. */
  g_assert_cmpstr (quorum_profile_get_stage (bucks, 3)->limit_source, ==, "without delay");
}

static void
test_bolton_is_the_default (void)
{
  g_autoptr(GPtrArray) profiles = quorum_profiles_load_all (NULL);
  guint n_default = 0;

  g_assert_cmpstr (quorum_profiles_default_id (), ==, "bolton");
  g_assert_cmpstr (((QuorumProfile *) g_ptr_array_index (profiles, 0))->id, ==, "bolton");

  for (guint i = 0; i < profiles->len; i++)
    {
      QuorumProfile *profile = g_ptr_array_index (profiles, i);

      if (profile->is_default)
        n_default++;
      /* After the default, sorted by id. */
      if (i > 1)
        g_assert_cmpstr (((QuorumProfile *) g_ptr_array_index (profiles, i - 1))->id, <, profile->id);
    }
  g_assert_cmpuint (n_default, ==, 1);
}

static void
test_split_vote_referral_five_working_days_panel_28 (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(QuorumProfile) profile = lookup (expected[i].id);

      g_assert_cmpint (profile->referral_working_days, ==, 5);
      g_assert_cmpint (profile->panel_calendar_days, ==, 28);
      g_assert_cmpint (profile->min_other_agencies, ==, 2);
      g_assert_nonnull (profile->lead_agency_patterns);
      g_assert_true (g_strv_contains ((const char * const *) profile->lead_agency_patterns,
                                      "children's social care"));
    }
}

static void
test_immediate_risk_same_working_day (void)
{
  g_autoptr(QuorumProfile) bradford = lookup ("bradford");
  g_autoptr(QuorumProfile) sew = lookup ("south-east-wales");
  g_autoptr(QuorumProfile) bolton = lookup ("bolton");

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(QuorumProfile) profile = lookup (expected[i].id);

      /* Rule (DOMAIN, escalation): where a policy says "without delay" rather than "same working
       * day", its words are shown; the same-day rule is kept only where the profile asks (Bradford). */
      g_assert_cmpint (profile->immediate_risk_same_day, ==, g_str_equal (expected[i].id, "bradford"));
      g_assert_nonnull (profile->immediate_risk_advice);
    }

  g_assert_true (g_str_has_prefix (bradford->immediate_risk_advice,
                                   "WHEN ANY PROFESSIONAL CONSIDERS A CHILD IS AT IMMEDIATE RISK"));
  g_assert_nonnull (strstr (bradford->immediate_risk_advice, "ON THE SAME WORKING DAY"));
  g_assert_true (g_str_has_prefix (sew->immediate_risk_advice,
                                   "If at any stage in this process it is identified that immediate action"));
  g_assert_cmpstr (bolton->immediate_risk_advice, ==,
                   "Refer to children's social care without delay, or escalate within your own agency for immediate action.");
}

static void
test_bradford_each_step_five_working_days (void)
{
  g_autoptr(QuorumProfile) profile = lookup ("bradford");

  g_assert_cmpuint (quorum_profile_get_n_stages (profile), ==, 6);
  for (guint n = 1; n <= 6; n++)
    g_assert_cmpint (quorum_profile_get_stage (profile, n)->limit_working_days, ==, 5);
}

static void
test_south_east_wales_steps_three_four_six (void)
{
  g_autoptr(QuorumProfile) profile = lookup ("south-east-wales");

  g_assert_cmpint (quorum_profile_get_stage (profile, 3)->limit_working_days, ==, 2);
  g_assert_cmpint (quorum_profile_get_stage (profile, 4)->limit_working_days, ==, 2);
  g_assert_cmpint (quorum_profile_get_stage (profile, 6)->limit_working_days, ==, 5);
  g_assert_cmpint (profile->monitored_stage, ==, 5);
  g_assert_true (profile->bilingual);
}

static void
test_buckinghamshire_chair_decides_with_four_challenge_outcomes (void)
{
  g_autoptr(QuorumProfile) profile = lookup ("buckinghamshire");

  g_assert_cmpint (profile->rule, ==, QUORUM_RULE_CHAIR_DECIDES);
  g_assert_nonnull (profile->challenge_outcomes);
  g_assert_cmpuint (g_strv_length (profile->challenge_outcomes), ==, 4);
  g_assert_cmpstr (profile->challenge_outcomes[0], ==, "Uphold the decision reached by the conference chair");
  g_assert_cmpstr (profile->challenge_outcomes[3], ==, "Refer the matter to relevant Head of Service");

  /* Only the chair-decides profile has a challenge route. */
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(QuorumProfile) other = lookup (expected[i].id);

      if (other->rule != QUORUM_RULE_CHAIR_DECIDES)
        g_assert_null (other->challenge_outcomes);
    }
}

static void
test_six_stage_stage_one_has_checklist (void)
{
  g_autoptr(QuorumProfile) profile = lookup ("six-stage");
  const QuorumStage *stage = quorum_profile_get_stage (profile, 1);

  g_assert_nonnull (stage->checklist);
  g_assert_cmpuint (g_strv_length (stage->checklist), ==, 17);
  g_assert_cmpstr (stage->checklist[0], ==,
                   "Do all parties clearly understand why there is a difference of opinion?");
  g_assert_true (g_strv_contains ((const char * const *) stage->checklist,
                                  "Have we done enough to safeguard this child?"));

  for (guint n = 2; n <= quorum_profile_get_n_stages (profile); n++)
    g_assert_null (quorum_profile_get_stage (profile, n)->checklist);
}

static void
test_local_profile_is_listed (void)
{
  char *dir = make_profiles_dir ();
  g_autoptr(GPtrArray) profiles = NULL;
  g_autoptr(QuorumProfile) local = NULL;
  g_autoptr(GError) error = NULL;

  write_file (dir, "testshire.ini", minimal_profile);

  profiles = quorum_profiles_load_all (&error);
  g_assert_no_error (error);
  g_assert_cmpuint (profiles->len, ==, G_N_ELEMENTS (expected) + 1);

  local = quorum_profiles_lookup ("testshire", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (local->name, ==, "Testshire: professional differences");
  g_assert_cmpint (local->rule, ==, QUORUM_RULE_CHAIR_DECIDES);
  g_assert_cmpint (local->region, ==, QUORUM_REGION_SCOTLAND);
  g_assert_cmpint (local->referral_working_days, ==, 3);
  g_assert_cmpint (local->panel_calendar_days, ==, 14);
  g_assert_cmpuint (quorum_profile_get_n_stages (local), ==, 2);
  g_assert_cmpint (quorum_profile_get_stage (local, 1)->limit_working_days, ==, NO_LIMIT);
  g_assert_cmpint (quorum_profile_get_stage (local, 2)->limit_working_days, ==, 4);
  /* Absent, immediate risk still goes the same working day. */
  g_assert_true (local->immediate_risk_same_day);
  g_assert_nonnull (local->immediate_risk_advice);
  g_assert_cmpstr (quorum_profiles_default_id (), ==, "bolton");

  remove_dir (dir);
}

static void
test_local_profile_in_user_data_dir_is_listed (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "quorum", "profiles", NULL);
  g_autofree char *path = g_build_filename (dir, "userton.ini", NULL);
  g_autoptr(QuorumProfile) local = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  write_file (dir, "userton.ini", minimal_profile);

  local = quorum_profiles_lookup ("userton", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (local->id, ==, "userton");

  g_unlink (path);
}

static void
test_local_profile_replaces_shipped_id (void)
{
  char *dir = make_profiles_dir ();
  g_autoptr(GPtrArray) profiles = NULL;
  g_autoptr(QuorumProfile) bradford = NULL;
  g_autoptr(QuorumProfile) shipped_after = NULL;

  write_file (dir, "bradford.ini", minimal_profile);

  profiles = quorum_profiles_load_all (NULL);
  g_assert_cmpuint (profiles->len, ==, G_N_ELEMENTS (expected));

  bradford = lookup ("bradford");
  g_assert_cmpstr (bradford->name, ==, "Testshire: professional differences");
  g_assert_cmpuint (quorum_profile_get_n_stages (bradford), ==, 2);

  remove_dir (dir);

  /* Local directories are read afresh each time; the shipped one is back. */
  shipped_after = lookup ("bradford");
  g_assert_cmpuint (quorum_profile_get_n_stages (shipped_after), ==, 6);
}

static void
test_local_default_replaces_bolton (void)
{
  char *dir = make_profiles_dir ();
  g_autofree char *contents = g_strconcat ("[Profile]\nDefault=true\n", minimal_profile + strlen ("[Profile]\n"), NULL);
  g_autoptr(GPtrArray) profiles = NULL;
  g_autoptr(QuorumProfile) bolton = NULL;
  guint n_default = 0;

  write_file (dir, "testshire.ini", contents);

  g_assert_cmpstr (quorum_profiles_default_id (), ==, "testshire");
  profiles = quorum_profiles_load_all (NULL);
  g_assert_cmpstr (((QuorumProfile *) g_ptr_array_index (profiles, 0))->id, ==, "testshire");
  for (guint i = 0; i < profiles->len; i++)
    n_default += ((QuorumProfile *) g_ptr_array_index (profiles, i))->is_default ? 1 : 0;
  g_assert_cmpuint (n_default, ==, 1);

  remove_dir (dir);

  /* The shipped Bolton was not changed by being set aside. */
  bolton = lookup ("bolton");
  g_assert_true (bolton->is_default);
  g_assert_cmpstr (quorum_profiles_default_id (), ==, "bolton");
}

static void
test_broken_local_profile_is_skipped (void)
{
  char *dir = make_profiles_dir ();
  g_autoptr(GPtrArray) profiles = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumProfile) good = NULL;

  write_file (dir, "broken.ini", "[Profile\nName=oops\n");
  write_file (dir, "badrule.ini", "[Profile]\nName=x\nRule=unknown\n");
  write_file (dir, "testshire.ini", minimal_profile);

  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_WARNING, "*badrule.ini*Rule*");
  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_WARNING, "*broken.ini*");
  profiles = quorum_profiles_load_all (&error);
  g_test_assert_expected_messages ();

  g_assert_no_error (error);
  g_assert_cmpuint (profiles->len, ==, G_N_ELEMENTS (expected) + 1);

  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_WARNING, "*badrule.ini*");
  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_WARNING, "*broken.ini*");
  good = quorum_profiles_lookup ("testshire", &error);
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  g_assert_nonnull (good);

  remove_dir (dir);
}

static void
test_empty_entries_of_profiles_dir_are_ignored (void)
{
  g_autoptr(GPtrArray) profiles = NULL;

  g_setenv ("QUORUM_PROFILES_DIR", "::/nonexistent/quorum-profiles:", TRUE);
  profiles = quorum_profiles_load_all (NULL);
  g_assert_cmpuint (profiles->len, ==, G_N_ELEMENTS (expected));
  g_unsetenv ("QUORUM_PROFILES_DIR");
}

static QuorumProfile *
profile_from_data (const char  *id,
                   const char  *data,
                   GError     **error)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();

  g_assert_true (g_key_file_load_from_data (keyfile, data, -1, G_KEY_FILE_NONE, NULL));

  return quorum_profile_new_from_keyfile (id, keyfile, error);
}

static char *
replace (const char *in,
         const char *from,
         const char *to)
{
  g_auto(GStrv) parts = g_strsplit (in, from, 2);

  g_assert_nonnull (parts[1]);

  return g_strconcat (parts[0], to, parts[1], NULL);
}

static void
assert_refused (const char *data,
                const char *group,
                const char *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumProfile) profile = profile_from_data ("testshire", data, &error);
  g_autofree char *want_group = g_strdup_printf ("[%s]", group);

  g_assert_null (profile);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "testshire.ini"));
  g_assert_nonnull (strstr (error->message, want_group));
  if (key != NULL)
    g_assert_nonnull (strstr (error->message, key));
}

static void
test_unknown_rule_is_refused_naming_the_key (void)
{
  g_autofree char *data = replace (minimal_profile, "Rule=chair-decides", "Rule=unknown");
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumProfile) profile = profile_from_data ("testshire", data, &error);

  g_assert_null (profile);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "testshire.ini"));
  g_assert_nonnull (strstr (error->message, "[Profile]"));
  g_assert_nonnull (strstr (error->message, "Rule"));
  g_assert_nonnull (strstr (error->message, "unknown"));
}

static void
test_malformed_keys_are_refused_naming_the_key (void)
{
  g_autofree char *region = replace (minimal_profile, "Region=scotland", "Region=wales");
  g_autofree char *days = replace (minimal_profile, "WorkingDays=4", "WorkingDays=4 days");
  g_autofree char *negative = replace (minimal_profile, "WorkingDays=4", "WorkingDays=-1");
  g_autofree char *misspelt = replace (minimal_profile, "WorkingDays=4", "WorkingDay=4");
  g_autofree char *panel = replace (minimal_profile, "PanelCalendarDays=14", "PanelCalendarDays=");
  g_autofree char *no_owner = replace (minimal_profile, "Owner=The managers\n", "");
  g_autofree char *gap = replace (minimal_profile, "[Stage 2]", "[Stage 3]");
  g_autofree char *odd_group = replace (minimal_profile, "[Stage 2]", "[Step 2]");
  g_autofree char *monitored = g_strconcat (minimal_profile, "[Escalation]\nMonitoredStage=7\n", NULL);
  g_autofree char *same_day = g_strconcat (minimal_profile, "[Escalation]\nImmediateRiskSameDay=maybe\n", NULL);
  g_autofree char *no_name = replace (minimal_profile, "Name=Testshire: professional differences\n", "");
  g_autofree char *no_referral = replace (minimal_profile, "WorkingDays=3\n", "");
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumProfile) nameless = NULL;

  assert_refused (region, "Profile", "Region");
  assert_refused (days, "Stage 2", "WorkingDays");
  assert_refused (negative, "Stage 2", "WorkingDays");
  assert_refused (misspelt, "Stage 2", "WorkingDay");
  assert_refused (panel, "Referral", "PanelCalendarDays");
  assert_refused (no_owner, "Stage 2", "Owner");
  assert_refused (gap, "Stage 2", NULL);
  assert_refused (odd_group, "Step 2", NULL);
  assert_refused (monitored, "Escalation", "MonitoredStage");
  assert_refused (same_day, "Escalation", "ImmediateRiskSameDay");
  assert_refused (no_name, "Profile", "Name");
  assert_refused (no_referral, "Referral", "WorkingDays");

  nameless = profile_from_data ("Not An Id", minimal_profile, &error);
  g_assert_null (nameless);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
}

static void
test_translated_names_are_read (void)
{
  g_autofree char *data = replace (minimal_profile, "Name=Practitioners talk\n",
                                   "Name=Practitioners talk\nName[cy]=Ymarferwyr yn siarad\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumProfile) profile = profile_from_data ("testshire", data, &error);

  /* A translation is allowed, not an unknown key; in C it is not used. */
  g_assert_no_error (error);
  g_assert_cmpstr (quorum_profile_get_stage (profile, 1)->name, ==, "Practitioners talk");
}

/* A list or a chart names a policy by its Name up to the colon, never by its id. */
static void
test_short_name (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumProfile) sew = quorum_profiles_lookup ("south-east-wales", &error);
  g_autoptr(QuorumProfile) six = quorum_profiles_lookup ("six-stage", &error);
  g_autofree char *sew_short = NULL;
  g_autofree char *six_short = NULL;
  g_autofree char *plain_short = NULL;
  QuorumProfile plain = { .id = (char *) "plain", .name = (char *) "A policy with no colon" };

  g_assert_no_error (error);
  sew_short = quorum_profile_dup_short_name (sew);
  six_short = quorum_profile_dup_short_name (six);
  plain_short = quorum_profile_dup_short_name (&plain);
  g_assert_cmpstr (sew_short, ==, "South East Wales");
  g_assert_cmpstr (six_short, ==, "Six-stage model");
  g_assert_cmpstr (plain_short, ==, "A policy with no colon");
}

static void
test_unknown_id_is_refused_naming_the_known_ids (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumProfile) profile = quorum_profiles_lookup ("nope", &error);

  g_assert_null (profile);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "nope"));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_nonnull (strstr (error->message, expected[i].id));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  /* Never read the profiles of the person running the tests. */
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_unsetenv ("QUORUM_PROFILES_DIR");

  g_test_add_func ("/profiles/shipped/every-profile-loads", test_every_shipped_profile_loads);
  g_test_add_func ("/profiles/short-name-for-lists", test_short_name);
  g_test_add_func ("/profiles/shipped/stage-counts-and-limits-match-the-seeds", test_stage_counts_and_limits_match_the_seeds);
  g_test_add_func ("/profiles/stage-without-limit-has-none", test_stage_without_limit_has_none);
  g_test_add_func ("/profiles/bolton/is-the-default", test_bolton_is_the_default);
  g_test_add_func ("/profiles/shipped/split-vote-referral-five-working-days-panel-28-days", test_split_vote_referral_five_working_days_panel_28);
  g_test_add_func ("/profiles/shipped/immediate-risk-same-working-day", test_immediate_risk_same_working_day);
  g_test_add_func ("/profiles/bradford/each-step-five-working-days", test_bradford_each_step_five_working_days);
  g_test_add_func ("/profiles/south-east-wales/steps-3-and-4-two-days-step-6-five", test_south_east_wales_steps_three_four_six);
  g_test_add_func ("/profiles/buckinghamshire/chair-decides-with-four-challenge-outcomes", test_buckinghamshire_chair_decides_with_four_challenge_outcomes);
  g_test_add_func ("/profiles/six-stage/stage-1-has-its-checklist", test_six_stage_stage_one_has_checklist);
  g_test_add_func ("/profiles/local/profiles-dir-is-listed", test_local_profile_is_listed);
  g_test_add_func ("/profiles/local/user-data-dir-is-listed", test_local_profile_in_user_data_dir_is_listed);
  g_test_add_func ("/profiles/local/replaces-shipped-id", test_local_profile_replaces_shipped_id);
  g_test_add_func ("/profiles/local/default-replaces-bolton", test_local_default_replaces_bolton);
  g_test_add_func ("/profiles/local/broken-file-is-skipped-with-warning", test_broken_local_profile_is_skipped);
  g_test_add_func ("/profiles/local/empty-dir-entries-are-ignored", test_empty_entries_of_profiles_dir_are_ignored);
  g_test_add_func ("/profiles/keyfile/unknown-rule-is-refused-naming-the-key", test_unknown_rule_is_refused_naming_the_key);
  g_test_add_func ("/profiles/keyfile/malformed-key-is-refused-naming-the-key", test_malformed_keys_are_refused_naming_the_key);
  g_test_add_func ("/profiles/keyfile/translated-names-are-allowed", test_translated_names_are_read);
  g_test_add_func ("/profiles/lookup/unknown-id-names-the-known-ids", test_unknown_id_is_refused_naming_the_known_ids);

  return g_test_run ();
}
