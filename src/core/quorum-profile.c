/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-profile.c: policy profiles read from key files, shipped and local. */

#include <string.h>
#include <gio/gio.h>
#include "quorum-gettext.h"

#include "quorum/quorum-error.h"
#include "quorum/quorum-profile.h"
#include "quorum/quorum-validate.h"
#include <glib/gstdio.h>
#include "quorum/quorum-challenge.h"

#define QUORUM_MAX_PROFILE_BYTES (256 * 1024)

#define PROFILES_RESOURCE_PATH "/io/github/quorum_app/quorum/profiles/"
#define DEFAULT_PROFILE_ID     "bolton"
#define MAX_DAYS               365

/* The keys each group may hold; anything else is refused, so that a misspelt
 * "WorkingDay=5" cannot silently become "no time limit". */
static const char * const profile_keys[] = {
  "Name", "Authority", "Seed", "Default", "Rule", "Region", "Bilingual", NULL
};
static const char * const referral_keys[] = { "WorkingDays", "PanelCalendarDays", NULL };
static const char * const quoracy_keys[] = { "LeadAgency", "MinOtherAgencies", NULL };
static const char * const challenge_keys[] = { "Outcomes", "Decisions", "RaisedWith", "Alerts", "AlertWhen", NULL };
static const char * const escalation_keys[] = {
  "ImmediateRiskSameDay", "ImmediateRiskAdvice", "MonitoredStage", "FormalChallenge", NULL
};
static const char * const stage_keys[] = {
  "Name", "Owner", "WorkingDays", "LimitSource", "Checklist", "ClockFrom", "AlternativeTo", "Kind",
  "Choices", NULL
};
static const char * const notice_keys[] = {
  "About", "What", "From", "To", "WorkingDays", "Source", NULL
};

static void
quorum_notice_rule_free (QuorumNoticeRule *rule)
{
  if (rule == NULL)
    return;

  g_free (rule->id);
  g_free (rule->what);
  g_free (rule->from);
  g_free (rule->to);
  g_free (rule->source);
  g_free (rule);
}

static QuorumNoticeRule *
quorum_notice_rule_copy (const QuorumNoticeRule *rule)
{
  QuorumNoticeRule *copy = g_new0 (QuorumNoticeRule, 1);

  *copy = *rule;
  copy->id = g_strdup (rule->id);
  copy->what = g_strdup (rule->what);
  copy->from = g_strdup (rule->from);
  copy->to = g_strdup (rule->to);
  copy->source = g_strdup (rule->source);
  return copy;
}

static void
quorum_stage_free (QuorumStage *stage)
{
  if (stage == NULL)
    return;

  g_free (stage->name);
  g_free (stage->owner);
  g_free (stage->limit_source);
  g_strfreev (stage->checklist);
  g_free (stage->kind);
  g_strfreev (stage->choices);
  g_free (stage);
}

static QuorumStage *
quorum_stage_copy (const QuorumStage *stage)
{
  QuorumStage *copy = g_new0 (QuorumStage, 1);

  copy->number = stage->number;
  copy->name = g_strdup (stage->name);
  copy->owner = g_strdup (stage->owner);
  copy->limit_working_days = stage->limit_working_days;
  copy->limit_source = g_strdup (stage->limit_source);
  copy->checklist = g_strdupv (stage->checklist);
  copy->clock_from = stage->clock_from;
  copy->alternative_to = stage->alternative_to;
  copy->kind = g_strdup (stage->kind);
  copy->choices = g_strdupv (stage->choices);

  return copy;
}

static QuorumProfile *
quorum_profile_alloc (void)
{
  QuorumProfile *self = g_new0 (QuorumProfile, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->stages = g_ptr_array_new_with_free_func ((GDestroyNotify) quorum_stage_free);
  self->notices = g_ptr_array_new_with_free_func ((GDestroyNotify) quorum_notice_rule_free);

  return self;
}

static void
quorum_profile_free (QuorumProfile *self)
{
  g_free (self->id);
  g_free (self->name);
  g_free (self->authority);
  g_free (self->seed);
  g_strfreev (self->lead_agency_patterns);
  g_strfreev (self->challenge_outcomes);
  g_free (self->challenge_raised_with);
  g_free (self->challenge_alerts);
  g_free (self->challenge_alert_when);
  g_free (self->immediate_risk_advice);
  g_free (self->source);
  g_clear_pointer (&self->texts, g_key_file_unref);
  g_clear_pointer (&self->stages, g_ptr_array_unref);
  g_clear_pointer (&self->notices, g_ptr_array_unref);
  g_free (self);
}

QuorumProfile *
quorum_profile_ref (QuorumProfile *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
quorum_profile_unref (QuorumProfile *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    quorum_profile_free (self);
}

/* A shipped profile is shared by everyone who loaded it, so changing its default
 * flag needs a copy of its own. */
static QuorumProfile *
quorum_profile_copy (const QuorumProfile *self)
{
  QuorumProfile *copy = quorum_profile_alloc ();

  copy->id = g_strdup (self->id);
  copy->name = g_strdup (self->name);
  copy->authority = g_strdup (self->authority);
  copy->seed = g_strdup (self->seed);
  copy->is_default = self->is_default;
  copy->rule = self->rule;
  copy->region = self->region;
  copy->bilingual = self->bilingual;
  copy->referral_working_days = self->referral_working_days;
  copy->panel_calendar_days = self->panel_calendar_days;
  copy->lead_agency_patterns = g_strdupv (self->lead_agency_patterns);
  copy->min_other_agencies = self->min_other_agencies;
  copy->challenge_outcomes = g_strdupv (self->challenge_outcomes);
  copy->challenge_decisions = self->challenge_decisions;
  copy->challenge_raised_with = g_strdup (self->challenge_raised_with);
  copy->challenge_alerts = g_strdup (self->challenge_alerts);
  copy->challenge_alert_when = g_strdup (self->challenge_alert_when);
  copy->immediate_risk_same_day = self->immediate_risk_same_day;
  copy->immediate_risk_advice = g_strdup (self->immediate_risk_advice);
  copy->monitored_stage = self->monitored_stage;

  for (guint i = 0; i < self->stages->len; i++)
    g_ptr_array_add (copy->stages, quorum_stage_copy (g_ptr_array_index (self->stages, i)));
  copy->formal_challenge = self->formal_challenge;
  for (guint i = 0; i < self->notices->len; i++)
    g_ptr_array_add (copy->notices, quorum_notice_rule_copy (g_ptr_array_index (self->notices, i)));

  return copy;
}

const QuorumStage *
quorum_profile_get_stage (QuorumProfile *self,
                          int            number)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (number < 1 || (guint) number > self->stages->len)
    return NULL;

  return g_ptr_array_index (self->stages, number - 1);
}

guint
quorum_profile_get_n_stages (QuorumProfile *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->stages->len;
}

char *
quorum_profile_dup_text (const QuorumProfile *self,
                         const char          *group,
                         const char          *key)
{
  char *text;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->texts == NULL)
    return NULL;

  text = g_key_file_get_locale_string (self->texts, group, key, quorum_i18n_get_language (), NULL);
  return text != NULL ? g_strstrip (text) : NULL;
}

/* @name is @key itself or one of its translations ("Name", "Name[cy]"). */
static gboolean
is_form_of_key (const char *name,
                const char *key)
{
  gsize len = strlen (key);

  if (!g_str_has_prefix (name, key))
    return FALSE;
  if (name[len] == '\0')
    return TRUE;

  return name[len] == '[' && g_str_has_suffix (name + len, "]");
}

/* The items of a list as the profile reads them: stripped, the empty ones dropped. */
static GPtrArray *
list_items (char **values)
{
  GPtrArray *items = g_ptr_array_new ();

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    if (*g_strstrip (values[i]) != '\0')
      g_ptr_array_add (items, values[i]);

  return items;
}

/* The place of @stored among @self's @group @key in any of its languages: 0 for a text (or the
 * item's index + 1 with @list); -1 when no language of the profile says it. */
static int
find_stored (const QuorumProfile *self,
             const char          *group,
             const char          *key,
             gboolean             list,
             const char          *stored)
{
  g_auto(GStrv) names = NULL;
  g_autofree char *wanted = NULL;

  if (self == NULL || self->texts == NULL || stored == NULL ||
      !(names = g_key_file_get_keys (self->texts, group, NULL, NULL)))
    return -1;

  wanted = g_strstrip (g_strdup (stored));
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (!is_form_of_key (names[i], key))
        continue;

      if (!list)
        {
          g_autofree char *value = g_key_file_get_string (self->texts, group, names[i], NULL);

          if (value != NULL && g_str_equal (g_strstrip (value), wanted))
            return 0;
        }
      else
        {
          g_auto(GStrv) values = g_key_file_get_string_list (self->texts, group, names[i], NULL, NULL);
          g_autoptr(GPtrArray) items = list_items (values);

          for (guint k = 0; k < items->len; k++)
            if (g_str_equal (g_ptr_array_index (items, k), wanted))
              return (int) k + 1;
        }
    }

  return -1;
}

char *
quorum_profile_dup_text_as_read (const QuorumProfile *self,
                                 const char          *group,
                                 const char          *key,
                                 const char          *stored)
{
  char *text = NULL;

  if (stored == NULL)
    return NULL;
  if (find_stored (self, group, key, FALSE, stored) == 0)
    text = quorum_profile_dup_text (self, group, key);

  return text != NULL ? text : g_strdup (stored);
}

char *
quorum_profile_dup_item_as_read (const QuorumProfile *self,
                                 const char          *group,
                                 const char          *key,
                                 const char          *stored)
{
  int place;
  g_auto(GStrv) values = NULL;
  g_autoptr(GPtrArray) items = NULL;

  if (stored == NULL)
    return NULL;
  place = find_stored (self, group, key, TRUE, stored);
  if (place <= 0)
    return g_strdup (stored);

  values = g_key_file_get_locale_string_list (self->texts, group, key, quorum_i18n_get_language (), NULL, NULL);
  items = list_items (values);
  /* A translation with fewer items than the list it matched says nothing of this one. */
  if ((guint) place > items->len)
    return g_strdup (stored);

  return g_strdup (g_ptr_array_index (items, place - 1));
}

char *
quorum_profile_dup_notice_text_as_read (const QuorumProfile *self,
                                        const char          *notice_id,
                                        const char          *key,
                                        const char          *stored)
{
  g_autofree char *group = g_strdup_printf ("Notice %s", notice_id != NULL ? notice_id : "");

  return quorum_profile_dup_text_as_read (self, group, key, stored);
}

char *
quorum_profile_dup_frozen_text (const QuorumProfile *frozen,
                                const char          *group,
                                const char          *key)
{
  g_autoptr(QuorumProfile) installed = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (frozen != NULL, NULL);

  if (!(text = quorum_profile_dup_text (frozen, group, key)))
    return NULL;
  installed = quorum_profiles_lookup (frozen->id, NULL);

  return quorum_profile_dup_text_as_read (installed != NULL ? installed : frozen, group, key, text);
}

/* Key file reading. Every failure names the file, the group and the key, so the
 * person who wrote a local profile can find the line to fix. */

typedef struct
{
  const char *file;     /* "bolton.ini" */
  GKeyFile   *keyfile;
} Reader;

static gboolean
fail (const Reader  *r,
      const char    *group,
      const char    *key,
      GError       **error,
      const char    *problem)
{
  if (key != NULL)
    g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                 _("Profile %s, group [%s], key %s: %s"), r->file, group, key, problem);
  else
    g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                 _("Profile %s, group [%s]: %s"), r->file, group, problem);
  return FALSE;
}

static gboolean
has_key (const Reader *r,
         const char   *group,
         const char   *key)
{
  return g_key_file_has_key (r->keyfile, group, key, NULL);
}

static gboolean
check_profile_text (const Reader  *r,
                    const char    *group,
                    const char    *key,
                    const char    *value,
                    GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean is_name = g_str_has_suffix (key, "Name") || g_str_equal (key, "Authority") ||
                     g_str_equal (key, "Owner");

  if (!quorum_check_text (value, key, FALSE, is_name ? QUORUM_MAX_NAME : QUORUM_MAX_TEXT, &local_error))
    return fail (r, group, key, error, local_error->message);
  return TRUE;
}

/* A translatable text (Name[cy]= may give the Welsh); empty counts as absent. */
static gboolean
read_text (const Reader  *r,
           const char    *group,
           const char    *key,
           gboolean       required,
           char         **out,
           GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *value = NULL;

  if (!has_key (r, group, key))
    {
      if (required)
        return fail (r, group, key, error, _("is missing"));
      *out = NULL;
      return TRUE;
    }

  value = g_key_file_get_locale_string (r->keyfile, group, key, NULL, &local_error);
  if (value == NULL)
    return fail (r, group, key, error, local_error->message);

  g_strstrip (value);
  if (*value == '\0')
    {
      if (required)
        return fail (r, group, key, error, _("must not be empty"));
      *out = NULL;
      return TRUE;
    }

  /* A profile is input like any other: its names are printed in every record and on a
   * terminal, so no escapes, no hidden characters, and a bounded length. */
  if (!check_profile_text (r, group, key, value, error))
    return FALSE;

  *out = g_steal_pointer (&value);
  return TRUE;
}

static gboolean
read_list (const Reader   *r,
           const char     *group,
           const char     *key,
           gboolean        required,
           char         ***out,
           GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_auto(GStrv) values = NULL;

  if (!has_key (r, group, key))
    {
      if (required)
        return fail (r, group, key, error, _("is missing"));
      *out = NULL;
      return TRUE;
    }

  values = g_key_file_get_locale_string_list (r->keyfile, group, key, NULL, NULL, &local_error);
  if (values == NULL && local_error != NULL)
    return fail (r, group, key, error, local_error->message);

  /* A trailing ";" or a stray empty item is not an item. */
  items = g_ptr_array_new ();
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      g_strstrip (values[i]);
      if (*values[i] != '\0' && !check_profile_text (r, group, key, values[i], error))
        {
          g_ptr_array_set_free_func (items, g_free);
          return FALSE;
        }
      if (*values[i] != '\0')
        g_ptr_array_add (items, g_strdup (values[i]));
    }

  if (items->len == 0)
    {
      if (required)
        return fail (r, group, key, error, _("must list at least one item"));
      *out = NULL;
      return TRUE;
    }

  g_ptr_array_add (items, NULL);
  *out = (char **) g_ptr_array_free (g_steal_pointer (&items), FALSE);
  return TRUE;
}

static gboolean
read_boolean (const Reader  *r,
              const char    *group,
              const char    *key,
              gboolean       fallback,
              gboolean      *out,
              GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean value;

  if (!has_key (r, group, key))
    {
      *out = fallback;
      return TRUE;
    }

  value = g_key_file_get_boolean (r->keyfile, group, key, &local_error);
  if (local_error != NULL)
    return fail (r, group, key, error, _("must be true or false"));

  *out = value;
  return TRUE;
}

/* Whole numbers only: GKeyFile alone would read "5 days" as an error, which is right,
 * but we want the message to say what is allowed. */
static gboolean
read_number (const Reader  *r,
             const char    *group,
             const char    *key,
             gboolean       required,
             int            fallback,
             int            min,
             int            max,
             int           *out,
             GError       **error)
{
  g_autofree char *raw = NULL;
  g_autofree char *problem = NULL;
  gint64 value;

  if (!has_key (r, group, key))
    {
      if (required)
        return fail (r, group, key, error, _("is missing"));
      *out = fallback;
      return TRUE;
    }

  raw = g_key_file_get_value (r->keyfile, group, key, NULL);
  if (raw != NULL)
    g_strstrip (raw);

  if (raw == NULL ||
      !g_ascii_string_to_signed (raw, 10, min, max, &value, NULL))
    {
      problem = g_strdup_printf (_("\"%s\" is not a whole number from %d to %d"),
                                 raw != NULL ? raw : "", min, max);
      return fail (r, group, key, error, problem);
    }

  *out = (int) value;
  return TRUE;
}

static gboolean
check_keys (const Reader       *r,
            const char         *group,
            const char * const *allowed,
            GError            **error)
{
  g_auto(GStrv) keys = g_key_file_get_keys (r->keyfile, group, NULL, NULL);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      /* Name[cy] is the Welsh of Name. */
      g_autofree char *base = g_strndup (keys[i], strcspn (keys[i], "["));

      if (!g_strv_contains (allowed, base))
        return fail (r, group, keys[i], error, _("is not a key of this group"));
    }

  return TRUE;
}

/* "Stage 3" → 3; -1 for anything else ("Stage 03", "Stage three"). */
static int
stage_group_number (const char *group)
{
  guint64 number;

  if (!g_str_has_prefix (group, "Stage "))
    return -1;
  group += strlen ("Stage ");
  if (*group == '0')
    return -1;
  if (!g_ascii_string_to_unsigned (group, 10, 1, 99, &number, NULL))
    return -1;

  return (int) number;
}

static gboolean
read_stage (const Reader  *r,
            const char    *group,
            int            number,
            QuorumStage  **out,
            GError       **error)
{
  QuorumStage *stage = g_new0 (QuorumStage, 1);

  stage->number = number;

  if (!check_keys (r, group, stage_keys, error) ||
      !read_text (r, group, "Name", TRUE, &stage->name, error) ||
      !read_text (r, group, "Owner", TRUE, &stage->owner, error) ||
      /* No key, no limit: a limit is never invented. 0 means the same working day. */
      !read_number (r, group, "WorkingDays", FALSE, -1, 0, MAX_DAYS,
                    &stage->limit_working_days, error) ||
      !read_text (r, group, "LimitSource", FALSE, &stage->limit_source, error) ||
      !read_list (r, group, "Checklist", FALSE, &stage->checklist, error) ||
      !read_number (r, group, "ClockFrom", FALSE, 0, 1, 99, &stage->clock_from, error) ||
      !read_number (r, group, "AlternativeTo", FALSE, 0, 1, 99, &stage->alternative_to, error) ||
      !read_text (r, group, "Kind", FALSE, &stage->kind, error))
    {
      quorum_stage_free (stage);
      return FALSE;
    }

  /* Choices line up with the checklist's questions; an empty one leaves that answer free. */
  if (has_key (r, group, "Choices"))
    {
      g_auto(GStrv) raw = g_key_file_get_string_list (r->keyfile, group, "Choices", NULL, NULL);
      guint n_questions = stage->checklist != NULL ? g_strv_length (stage->checklist) : 0;

      if (raw == NULL || g_strv_length (raw) != n_questions)
        {
          quorum_stage_free (stage);
          return fail (r, group, "Choices", error,
                       _("must give one entry per Checklist question (separate the answers of one with “|”)"));
        }
      for (guint i = 0; raw[i] != NULL; i++)
        g_strstrip (raw[i]);
      stage->choices = g_steal_pointer (&raw);
    }

  if ((stage->clock_from != 0 && stage->clock_from >= number) ||
      stage->alternative_to == number)
    {
      /* Named before the stage is freed (fuzz-profile found the read after the free). */
      const char *key = stage->clock_from != 0 && stage->clock_from >= number ? "ClockFrom" : "AlternativeTo";

      quorum_stage_free (stage);
      return fail (r, group, key, error, _("must name another, earlier stage"));
    }

  *out = stage;
  return TRUE;
}

static const char * const notice_on_words[] = { "referral", "raised", "stage", "every-stage", "resolved" };

const char *
quorum_notice_on_to_string (QuorumNoticeOn on)
{
  return (guint) on < G_N_ELEMENTS (notice_on_words) ? notice_on_words[on] : NULL;
}

static gboolean id_is_valid (const char *id);

/* [Notice ID]: About=referral | raised | stage N | every-stage | resolved. */
static gboolean
read_notice (const Reader         *r,
             const char           *group,
             const QuorumProfile  *profile,
             QuorumNoticeRule    **out,
             GError              **error)
{
  g_autofree char *about = NULL;
  QuorumNoticeRule *rule = g_new0 (QuorumNoticeRule, 1);
  guint64 stage = 0;

  rule->id = g_strdup (group + strlen ("Notice "));
  if (!id_is_valid (rule->id))
    {
      quorum_notice_rule_free (rule);
      return fail (r, group, NULL, error, _("a notice's id is lower-case letters, digits and hyphens"));
    }
  if (!check_keys (r, group, notice_keys, error) ||
      !read_text (r, group, "About", TRUE, &about, error) ||
      !read_text (r, group, "What", TRUE, &rule->what, error) ||
      !read_text (r, group, "From", TRUE, &rule->from, error) ||
      !read_text (r, group, "To", TRUE, &rule->to, error) ||
      !read_number (r, group, "WorkingDays", FALSE, -1, 0, MAX_DAYS, &rule->working_days, error) ||
      !read_text (r, group, "Source", FALSE, &rule->source, error))
    {
      quorum_notice_rule_free (rule);
      return FALSE;
    }

  if (g_str_equal (about, "referral"))
    rule->on = QUORUM_NOTICE_ON_REFERRAL;
  else if (g_str_equal (about, "raised"))
    rule->on = QUORUM_NOTICE_ON_RAISED;
  else if (g_str_equal (about, "every-stage"))
    rule->on = QUORUM_NOTICE_ON_EVERY_STAGE;
  else if (g_str_equal (about, "resolved"))
    rule->on = QUORUM_NOTICE_ON_RESOLVED;
  else if (g_str_has_prefix (about, "stage ") &&
           g_ascii_string_to_unsigned (about + strlen ("stage "), 10, 1, profile->stages->len, &stage, NULL))
    {
      rule->on = QUORUM_NOTICE_ON_STAGE;
      rule->stage = (int) stage;
    }
  else
    {
      quorum_notice_rule_free (rule);
      return fail (r, group, "About", error,
                   _("is one of: referral, raised, stage N (a stage of the profile), every-stage, resolved"));
    }

  *out = rule;
  return TRUE;
}

char *
quorum_profile_dup_short_name (const QuorumProfile *self)
{
  const char *colon;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->name == NULL || *self->name == '\0')
    return g_strdup (self->id);
  colon = strchr (self->name, ':');
  if (colon == NULL || colon == self->name)
    return g_strdup (self->name);
  return g_strstrip (g_strndup (self->name, colon - self->name));
}

const QuorumNoticeRule *
quorum_profile_get_notice (const QuorumProfile *self,
                           const char          *id)
{
  for (guint i = 0; self != NULL && self->notices != NULL && i < self->notices->len; i++)
    {
      const QuorumNoticeRule *rule = g_ptr_array_index (self->notices, i);

      if (g_strcmp0 (rule->id, id) == 0)
        return rule;
    }
  return NULL;
}

static gboolean
id_is_valid (const char *id)
{
  if (id == NULL || !g_ascii_isalnum (id[0]))
    return FALSE;

  for (const char *p = id; *p != '\0'; p++)
    {
      if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-'))
        return FALSE;
    }

  return TRUE;
}

QuorumProfile *
quorum_profile_new_from_keyfile (const char  *id,
                                 GKeyFile    *keyfile,
                                 GError     **error)
{
  g_autoptr(QuorumProfile) self = NULL;
  g_autofree char *file = NULL;
  g_autofree char *rule = NULL;
  g_autofree char *region = NULL;
  g_auto(GStrv) groups = NULL;
  g_autoptr(GPtrArray) stages = NULL;
  Reader r;

  g_return_val_if_fail (keyfile != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The id is the file's name and a word of the CLI: keep it one plain word. */
  if (!id_is_valid (id))
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("Profile id \"%s\" must be lower-case letters, digits and hyphens"),
                   id != NULL ? id : "");
      return NULL;
    }

  file = g_strconcat (id, ".ini", NULL);
  r.file = file;
  r.keyfile = keyfile;

  self = quorum_profile_alloc ();
  self->id = g_strdup (id);

  /* Every group must be known; the stages are gathered by number. */
  stages = g_ptr_array_new ();
  groups = g_key_file_get_groups (keyfile, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      const char *group = groups[i];
      int number = stage_group_number (group);

      if (g_str_has_prefix (group, "Notice "))
        continue;
      if (number > 0)
        {
          if ((guint) number > stages->len)
            g_ptr_array_set_size (stages, number);
          g_ptr_array_index (stages, number - 1) = (gpointer) group;
        }
      else if (!g_str_equal (group, "Profile") &&
               !g_str_equal (group, "Referral") &&
               !g_str_equal (group, "Quoracy") &&
               !g_str_equal (group, "Challenge") &&
               !g_str_equal (group, "Escalation"))
        {
          fail (&r, group, NULL, error,
                _("is not a group of a profile (expected Profile, Referral, Quoracy, "
                  "Challenge, Escalation, Stage 1, Stage 2, … or Notice ID)"));
          return NULL;
        }
    }

  if (!g_key_file_has_group (keyfile, "Profile"))
    {
      fail (&r, "Profile", NULL, error, _("is missing"));
      return NULL;
    }

  if (!check_keys (&r, "Profile", profile_keys, error) ||
      !read_text (&r, "Profile", "Name", TRUE, &self->name, error) ||
      !read_text (&r, "Profile", "Authority", FALSE, &self->authority, error) ||
      !read_text (&r, "Profile", "Seed", FALSE, &self->seed, error) ||
      !read_boolean (&r, "Profile", "Default", FALSE, &self->is_default, error) ||
      !read_text (&r, "Profile", "Rule", TRUE, &rule, error) ||
      !read_text (&r, "Profile", "Region", FALSE, &region, error) ||
      !read_boolean (&r, "Profile", "Bilingual", FALSE, &self->bilingual, error))
    return NULL;

  if (!quorum_rule_from_string (rule, &self->rule))
    {
      g_autofree char *problem =
        g_strdup_printf (_("\"%s\" is not a rule (use %s or %s)"), rule,
                         quorum_rule_to_string (QUORUM_RULE_MAJORITY_BY_LINE_MANAGEMENT),
                         quorum_rule_to_string (QUORUM_RULE_CHAIR_DECIDES));
      fail (&r, "Profile", "Rule", error, problem);
      return NULL;
    }

  self->region = QUORUM_REGION_ENGLAND_WALES;
  if (region != NULL && !quorum_region_from_string (region, &self->region))
    {
      g_autofree char *problem =
        g_strdup_printf (_("\"%s\" is not a region (use %s, %s or %s)"), region,
                         quorum_region_to_string (QUORUM_REGION_ENGLAND_WALES),
                         quorum_region_to_string (QUORUM_REGION_SCOTLAND),
                         quorum_region_to_string (QUORUM_REGION_NORTHERN_IRELAND));
      fail (&r, "Profile", "Region", error, problem);
      return NULL;
    }

  /* The referral and panel limits are required: a wrong guess here is a missed deadline. */
  if (!check_keys (&r, "Referral", referral_keys, error) ||
      !read_number (&r, "Referral", "WorkingDays", TRUE, 0, 0, MAX_DAYS,
                    &self->referral_working_days, error) ||
      !read_number (&r, "Referral", "PanelCalendarDays", TRUE, 0, 1, MAX_DAYS,
                    &self->panel_calendar_days, error))
    return NULL;

  if (!check_keys (&r, "Quoracy", quoracy_keys, error) ||
      !read_list (&r, "Quoracy", "LeadAgency", FALSE, &self->lead_agency_patterns, error) ||
      !read_number (&r, "Quoracy", "MinOtherAgencies", TRUE, 0, 0, 50,
                    &self->min_other_agencies, error))
    return NULL;

  if (!check_keys (&r, "Challenge", challenge_keys, error) ||
      !read_list (&r, "Challenge", "Outcomes", FALSE, &self->challenge_outcomes, error) ||
      !read_text (&r, "Challenge", "RaisedWith", FALSE, &self->challenge_raised_with, error) ||
      !read_text (&r, "Challenge", "Alerts", FALSE, &self->challenge_alerts, error) ||
      !read_text (&r, "Challenge", "AlertWhen", FALSE, &self->challenge_alert_when, error))
    return NULL;
  {
    g_auto(GStrv) decisions = NULL;

    if (!read_list (&r, "Challenge", "Decisions", FALSE, &decisions, error))
      return NULL;
    for (guint i = 0; decisions != NULL && decisions[i] != NULL; i++)
      {
        QuorumChallengeDecision d;

        if (!quorum_challenge_decision_from_string (decisions[i], &d))
          {
            g_autofree char *problem =
              g_strdup_printf (_("\"%s\" is not a decision (use uphold, interim-plan, review-forward, refer)"),
                               decisions[i]);
            fail (&r, "Challenge", "Decisions", error, problem);
            return NULL;
          }
        self->challenge_decisions |= d;
      }
    /* A route names who hears it: default to the seed's words. */
    if (self->challenge_decisions != 0 && self->challenge_alerts == NULL)
      {
        fail (&r, "Challenge", "Alerts", error, _("is missing: a challenge route names who decides on it"));
        return NULL;
      }
  }

  if (!check_keys (&r, "Escalation", escalation_keys, error) ||
      !read_boolean (&r, "Escalation", "ImmediateRiskSameDay", TRUE,
                     &self->immediate_risk_same_day, error) ||
      !read_text (&r, "Escalation", "ImmediateRiskAdvice", FALSE,
                  &self->immediate_risk_advice, error) ||
      !read_number (&r, "Escalation", "MonitoredStage", FALSE, 0, 0, 99,
                    &self->monitored_stage, error) ||
      !read_boolean (&r, "Escalation", "FormalChallenge", FALSE, &self->formal_challenge, error))
    return NULL;

  if (self->immediate_risk_advice == NULL)
    self->immediate_risk_advice =
      g_strdup (_("Refer to children's social care without delay, or escalate within your own agency for immediate action."));

  if (stages->len == 0)
    {
      fail (&r, "Stage 1", NULL, error, _("is missing: a profile has at least one escalation stage"));
      return NULL;
    }

  for (guint i = 0; i < stages->len; i++)
    {
      const char *group = g_ptr_array_index (stages, i);
      QuorumStage *stage = NULL;

      if (group == NULL)
        {
          g_autofree char *missing = g_strdup_printf ("Stage %u", i + 1);

          fail (&r, missing, NULL, error,
                _("is missing: stages are numbered from 1 without gaps"));
          return NULL;
        }

      if (!read_stage (&r, group, i + 1, &stage, error))
        return NULL;

      g_ptr_array_add (self->stages, stage);
    }

  if (self->monitored_stage > (int) self->stages->len)
    {
      g_autofree char *problem =
        g_strdup_printf (_("stage %d does not exist (the profile has %u)"),
                         self->monitored_stage, self->stages->len);
      fail (&r, "Escalation", "MonitoredStage", error, problem);
      return NULL;
    }

  for (guint i = 0; groups[i] != NULL; i++)
    {
      QuorumNoticeRule *notice = NULL;

      if (!g_str_has_prefix (groups[i], "Notice "))
        continue;
      if (!read_notice (&r, groups[i], self, &notice, error))
        return NULL;
      g_ptr_array_add (self->notices, notice);
    }

  self->source = g_key_file_to_data (keyfile, NULL, NULL);
  self->texts = g_key_file_new ();
  if (!g_key_file_load_from_data (self->texts, self->source, -1, G_KEY_FILE_KEEP_TRANSLATIONS, NULL))
    g_clear_pointer (&self->texts, g_key_file_unref);
  return g_steal_pointer (&self);
}

QuorumProfile *
quorum_profile_new_from_data (const char  *id,
                              const char  *data,
                              GError     **error)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (data != NULL, NULL);

  if (!g_key_file_load_from_data (keyfile, data, -1, G_KEY_FILE_KEEP_TRANSLATIONS, &local_error))
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("Profile %s as frozen with its conference cannot be read: %s"), id, local_error->message);
      return NULL;
    }
  return quorum_profile_new_from_keyfile (id, keyfile, error);
}

/* Loading the set. */

static char *
id_from_filename (const char *name)
{
  if (!g_str_has_suffix (name, ".ini") || strlen (name) <= strlen (".ini"))
    return NULL;

  return g_strndup (name, strlen (name) - strlen (".ini"));
}

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

typedef struct
{
  GPtrArray *profiles;   /* in load order */
  GError    *error;
} ShippedSet;

/* The shipped profiles are compiled in and never change while we run: read them once. */
static const ShippedSet *
shipped_profiles (void)
{
  static ShippedSet *shipped;

  if (g_once_init_enter (&shipped))
    {
      ShippedSet *set = g_new0 (ShippedSet, 1);
      g_auto(GStrv) names = NULL;
      g_autoptr(GPtrArray) sorted = g_ptr_array_new ();

      set->profiles = g_ptr_array_new_with_free_func ((GDestroyNotify) quorum_profile_unref);

      names = g_resources_enumerate_children (PROFILES_RESOURCE_PATH,
                                              G_RESOURCE_LOOKUP_FLAGS_NONE,
                                              &set->error);
      for (guint i = 0; names != NULL && names[i] != NULL; i++)
        g_ptr_array_add (sorted, names[i]);
      g_ptr_array_sort (sorted, compare_strings);

      for (guint i = 0; set->error == NULL && i < sorted->len; i++)
        {
          const char *name = g_ptr_array_index (sorted, i);
          g_autofree char *id = id_from_filename (name);
          g_autofree char *path = g_strconcat (PROFILES_RESOURCE_PATH, name, NULL);
          g_autoptr(GBytes) bytes = NULL;
          g_autoptr(GKeyFile) keyfile = NULL;
          QuorumProfile *profile;

          if (id == NULL)
            continue;

          bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &set->error);
          if (bytes == NULL)
            break;

          keyfile = g_key_file_new ();
          if (!g_key_file_load_from_bytes (keyfile, bytes, G_KEY_FILE_KEEP_TRANSLATIONS, &set->error))
            {
              g_prefix_error (&set->error, _("Shipped profile %s: "), name);
              break;
            }

          profile = quorum_profile_new_from_keyfile (id, keyfile, &set->error);
          if (profile == NULL)
            break;

          g_ptr_array_add (set->profiles, profile);
        }

      if (set->error != NULL && set->error->domain != QUORUM_ERROR)
        {
          /* A broken build, not a person's input: say so plainly. */
          GError *wrapped = g_error_new (QUORUM_ERROR, QUORUM_ERROR_INVALID,
                                         _("The shipped profiles cannot be read: %s"),
                                         set->error->message);
          g_error_free (set->error);
          set->error = wrapped;
        }

      g_once_init_leave (&shipped, set);
    }

  return shipped;
}

static QuorumProfile *
load_local_file (const char *path,
                 const char *id)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  QuorumProfile *profile;
  GStatBuf st;

  /* A profile is a page of settings; megabytes of it are a mistake or an attack. */
  if (g_stat (path, &st) == 0 && st.st_size > QUORUM_MAX_PROFILE_BYTES)
    {
      g_warning (_("Skipping the profile %s: it is %lld bytes; a profile is at most %d"),
                 path, (long long) st.st_size, QUORUM_MAX_PROFILE_BYTES);
      return NULL;
    }

  if (!g_key_file_load_from_file (keyfile, path, G_KEY_FILE_KEEP_TRANSLATIONS, &error))
    {
      g_warning (_("Skipping the profile %s: %s"), path, error->message);
      return NULL;
    }

  profile = quorum_profile_new_from_keyfile (id, keyfile, &error);
  if (profile == NULL)
    {
      g_warning (_("Skipping the profile %s: %s"), path, error->message);
      return NULL;
    }

  return profile;
}

/* Adds the *.ini files of @dir, in name order, to @profiles. A missing directory is
 * normal (most people have no local profiles). */
static void
load_local_dir (const char *dir,
                GPtrArray  *profiles)
{
  g_autoptr(GDir) handle = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  handle = g_dir_open (dir, 0, NULL);
  if (handle == NULL)
    return;

  while ((name = g_dir_read_name (handle)) != NULL)
    {
      if (name[0] != '.' && g_str_has_suffix (name, ".ini"))
        g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, compare_strings);

  for (guint i = 0; i < names->len; i++)
    {
      const char *file = g_ptr_array_index (names, i);
      g_autofree char *path = g_build_filename (dir, file, NULL);
      g_autofree char *id = id_from_filename (file);
      QuorumProfile *profile;

      if (id == NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;

      profile = load_local_file (path, id);
      if (profile != NULL)
        g_ptr_array_add (profiles, profile);
    }
}

/* Every profile in load order (shipped, user, $QUORUM_PROFILES_DIR), duplicates included. */
static GPtrArray *
load_in_order (GError **error)
{
  const ShippedSet *shipped = shipped_profiles ();
  g_autoptr(GPtrArray) profiles = NULL;
  g_autofree char *user_dir = NULL;
  const char *env;

  if (shipped->error != NULL)
    {
      g_propagate_error (error, g_error_copy (shipped->error));
      return NULL;
    }

  profiles = g_ptr_array_new_with_free_func ((GDestroyNotify) quorum_profile_unref);
  for (guint i = 0; i < shipped->profiles->len; i++)
    g_ptr_array_add (profiles, quorum_profile_ref (g_ptr_array_index (shipped->profiles, i)));

  user_dir = g_build_filename (g_get_user_data_dir (), "quorum", "profiles", NULL);
  load_local_dir (user_dir, profiles);

  env = g_getenv ("QUORUM_PROFILES_DIR");
  if (env != NULL)
    {
      g_auto(GStrv) dirs = g_strsplit (env, G_SEARCHPATH_SEPARATOR_S, -1);

      for (guint i = 0; dirs[i] != NULL; i++)
        {
          if (dirs[i][0] != '\0')
            load_local_dir (dirs[i], profiles);
        }
    }

  return g_steal_pointer (&profiles);
}

/* The default is the last profile loaded with Default=true, so a local file can make
 * itself the default; Bolton if none says so. */
static const char *
default_id_of (GPtrArray *in_order)
{
  const char *id = NULL;

  for (guint i = 0; i < in_order->len; i++)
    {
      QuorumProfile *profile = g_ptr_array_index (in_order, i);

      if (profile->is_default)
        id = profile->id;
    }

  return g_intern_string (id != NULL ? id : DEFAULT_PROFILE_ID);
}

static gint
compare_profiles (gconstpointer a,
                  gconstpointer b)
{
  const QuorumProfile *pa = *(const QuorumProfile * const *) a;
  const QuorumProfile *pb = *(const QuorumProfile * const *) b;

  if (pa->is_default != pb->is_default)
    return pa->is_default ? -1 : 1;

  return strcmp (pa->id, pb->id);
}

GPtrArray *
quorum_profiles_load_all (GError **error)
{
  g_autoptr(GPtrArray) in_order = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  GPtrArray *result;
  const char *default_id;
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  in_order = load_in_order (error);
  if (in_order == NULL)
    return NULL;

  default_id = default_id_of (in_order);

  /* A later file with the same id replaces an earlier one. */
  by_id = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < in_order->len; i++)
    {
      QuorumProfile *profile = g_ptr_array_index (in_order, i);

      g_hash_table_insert (by_id, profile->id, profile);
    }

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) quorum_profile_unref);
  g_hash_table_iter_init (&iter, by_id);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      QuorumProfile *profile = value;
      gboolean is_default = g_str_equal (profile->id, default_id);

      /* Exactly one profile is the default, whatever the files say. */
      if (profile->is_default != is_default)
        {
          profile = quorum_profile_copy (profile);
          profile->is_default = is_default;
          g_ptr_array_add (result, profile);
        }
      else
        g_ptr_array_add (result, quorum_profile_ref (profile));
    }

  g_ptr_array_sort (result, compare_profiles);

  return result;
}

QuorumProfile *
quorum_profiles_lookup (const char  *id,
                        GError     **error)
{
  g_autoptr(GPtrArray) profiles = NULL;
  g_autoptr(GString) known = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  profiles = quorum_profiles_load_all (error);
  if (profiles == NULL)
    return NULL;

  for (guint i = 0; id != NULL && i < profiles->len; i++)
    {
      QuorumProfile *profile = g_ptr_array_index (profiles, i);

      if (g_str_equal (profile->id, id))
        return quorum_profile_ref (profile);
    }

  known = g_string_new (NULL);
  for (guint i = 0; i < profiles->len; i++)
    {
      QuorumProfile *profile = g_ptr_array_index (profiles, i);

      if (known->len > 0)
        g_string_append (known, ", ");
      g_string_append (known, profile->id);
    }

  g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
               _("There is no profile \"%s\"; the profiles are: %s"),
               id != NULL ? id : "", known->str);
  return NULL;
}

const char *
quorum_profiles_default_id (void)
{
  g_autoptr(GPtrArray) in_order = load_in_order (NULL);

  if (in_order == NULL)
    return DEFAULT_PROFILE_ID;

  return default_id_of (in_order);
}
