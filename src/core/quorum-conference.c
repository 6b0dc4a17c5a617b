/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-conference.c: the conference record, its look-ups and its line-management groups. */

#include <string.h>
#include <glib/gi18n-lib.h>

#include "quorum/quorum-conference.h"
#include "quorum/quorum-challenge.h"
#include "quorum/quorum-date.h"
#include "quorum/quorum-error.h"

QuorumConference *
quorum_conference_new (void)
{
  QuorumConference *self = g_new0 (QuorumConference, 1);

  g_date_clear (&self->date, 1);
  self->children = g_ptr_array_new_with_free_func ((GDestroyNotify) quorum_child_free);
  self->attendees = g_ptr_array_new_with_free_func ((GDestroyNotify) quorum_attendee_free);
  self->attempts = g_ptr_array_new_with_free_func ((GDestroyNotify) quorum_attempt_free);
  self->votes = g_ptr_array_new_with_free_func ((GDestroyNotify) quorum_vote_free);
  self->decisions = g_ptr_array_new_with_free_func ((GDestroyNotify) quorum_decision_free);
  self->plans = g_ptr_array_new_with_free_func ((GDestroyNotify) quorum_plan_free);
  self->referrals = g_ptr_array_new_with_free_func ((GDestroyNotify) quorum_referral_free);
  self->amendments = g_ptr_array_new_with_free_func ((GDestroyNotify) quorum_amendment_free);
  self->member_views = g_ptr_array_new_with_free_func ((GDestroyNotify) quorum_member_view_free);
  self->superseded_views = g_ptr_array_new_with_free_func ((GDestroyNotify) quorum_superseded_view_free);
  self->challenges = g_ptr_array_new_with_free_func ((GDestroyNotify) quorum_challenge_free);
  self->handovers = g_ptr_array_new_with_free_func ((GDestroyNotify) quorum_handover_free);
  self->chaired_by_reader = TRUE;

  return self;
}

/* The record owns its elements, whichever free function the code that filled it gave the array. */
static void
clear_owned_array (GPtrArray      **array,
                   GDestroyNotify   free_func)
{
  if (*array == NULL)
    return;

  g_ptr_array_set_free_func (*array, free_func);
  g_clear_pointer (array, g_ptr_array_unref);
}

void
quorum_conference_free (QuorumConference *self)
{
  if (self == NULL)
    return;

  g_free (self->time);
  g_free (self->venue);
  g_free (self->chair);
  g_free (self->minute_taker);
  g_free (self->case_ref);
  g_free (self->profile_id);
  g_free (self->created_at);
  g_free (self->created_by);
  g_free (self->finalised_at);
  g_free (self->finalised_by);
  g_free (self->inquorate_reason);
  g_free (self->seal);
  g_free (self->chaired_by);
  g_free (self->chaired_by_name);

  clear_owned_array (&self->children, (GDestroyNotify) quorum_child_free);
  clear_owned_array (&self->attendees, (GDestroyNotify) quorum_attendee_free);
  clear_owned_array (&self->attempts, (GDestroyNotify) quorum_attempt_free);
  clear_owned_array (&self->votes, (GDestroyNotify) quorum_vote_free);
  clear_owned_array (&self->decisions, (GDestroyNotify) quorum_decision_free);
  clear_owned_array (&self->plans, (GDestroyNotify) quorum_plan_free);
  clear_owned_array (&self->referrals, (GDestroyNotify) quorum_referral_free);
  clear_owned_array (&self->amendments, (GDestroyNotify) quorum_amendment_free);
  clear_owned_array (&self->member_views, (GDestroyNotify) quorum_member_view_free);
  clear_owned_array (&self->superseded_views, (GDestroyNotify) quorum_superseded_view_free);
  clear_owned_array (&self->challenges, (GDestroyNotify) quorum_challenge_free);
  clear_owned_array (&self->handovers, (GDestroyNotify) quorum_handover_free);

  g_free (self);
}

gboolean
quorum_conference_is_finalised (const QuorumConference *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->finalised_at != NULL;
}

QuorumChild *
quorum_conference_find_child (const QuorumConference *self,
                              gint64                  child_id)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; self->children != NULL && i < self->children->len; i++)
    {
      QuorumChild *child = g_ptr_array_index (self->children, i);

      if (child->id == child_id)
        return child;
    }

  return NULL;
}

QuorumDecision *
quorum_conference_find_decision (const QuorumConference *self,
                                 gint64                  child_id)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; self->decisions != NULL && i < self->decisions->len; i++)
    {
      QuorumDecision *decision = g_ptr_array_index (self->decisions, i);

      if (decision->child_id == child_id)
        return decision;
    }

  return NULL;
}

QuorumPlan *
quorum_conference_find_plan (const QuorumConference *self,
                             gint64                  child_id)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; self->plans != NULL && i < self->plans->len; i++)
    {
      QuorumPlan *plan = g_ptr_array_index (self->plans, i);

      if (plan->child_id == child_id)
        return plan;
    }

  return NULL;
}

QuorumReferral *
quorum_conference_find_referral (const QuorumConference *self,
                                 gint64                  child_id)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; self->referrals != NULL && i < self->referrals->len; i++)
    {
      QuorumReferral *referral = g_ptr_array_index (self->referrals, i);

      if (referral->child_id == child_id)
        return referral;
    }

  return NULL;
}

QuorumVote *
quorum_conference_find_vote (const QuorumConference *self,
                             gint64                  child_id,
                             const char             *group)
{
  g_autofree char *wanted = NULL;
  QuorumVote *found = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (group == NULL || self->votes == NULL)
    return NULL;

  wanted = quorum_group_normalize (group);

  /* A group voting again replaces its view: should two rows survive, the later one is its view. */
  for (guint i = 0; i < self->votes->len; i++)
    {
      QuorumVote *vote = g_ptr_array_index (self->votes, i);

      if (vote->child_id != child_id || vote->group == NULL)
        continue;

      if (quorum_group_matches (vote->group, wanted))
        found = vote;
    }

  return found;
}

QuorumAttempt *
quorum_conference_last_attempt (const QuorumConference *self,
                                gint64                  child_id)
{
  QuorumAttempt *last = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; self->attempts != NULL && i < self->attempts->len; i++)
    {
      QuorumAttempt *attempt = g_ptr_array_index (self->attempts, i);

      if (attempt->child_id != child_id)
        continue;

      if (last == NULL || attempt->round >= last->round)
        last = attempt;
    }

  return last;
}

QuorumVote *
quorum_conference_find_current_vote (const QuorumConference *self,
                                     gint64                  child_id,
                                     const char             *group)
{
  QuorumVote *vote = quorum_conference_find_vote (self, child_id, group);

  return vote != NULL && !vote->superseded ? vote : NULL;
}

void
quorum_conference_mark_superseded (QuorumConference *self)
{
  g_return_if_fail (self != NULL);

  /* Timestamps are UTC with microseconds and sort as text. */
  for (guint i = 0; self->votes != NULL && i < self->votes->len; i++)
    {
      QuorumVote *vote = g_ptr_array_index (self->votes, i);
      QuorumAttempt *last = quorum_conference_last_attempt (self, vote->child_id);

      vote->superseded = last != NULL && last->recorded_at != NULL && vote->recorded_at != NULL &&
                         strcmp (vote->recorded_at, last->recorded_at) < 0;
    }
}

QuorumAttendee *
quorum_conference_find_attendee (const QuorumConference *self,
                                 gint64                  attendee_id)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; self->attendees != NULL && i < self->attendees->len; i++)
    {
      QuorumAttendee *attendee = g_ptr_array_index (self->attendees, i);

      if (attendee->id == attendee_id)
        return attendee;
    }
  return NULL;
}

gboolean
quorum_attendee_is_present (const QuorumAttendee *attendee)
{
  g_return_val_if_fail (attendee != NULL, FALSE);

  return attendee->attendance == QUORUM_ATTENDANCE_PRESENT && attendee->left_at == NULL;
}

GPtrArray *
quorum_conference_member_views (const QuorumConference *self,
                                gint64                  child_id,
                                const char             *group)
{
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; self->member_views != NULL && i < self->member_views->len; i++)
    {
      QuorumMemberView *m = g_ptr_array_index (self->member_views, i);

      if (m->child_id == child_id && quorum_group_equal (m->group, group))
        g_ptr_array_add (out, m);
    }
  return out;
}

gboolean
quorum_conference_presence_at (const QuorumConference *self,
                               gint64                  child_id,
                               gint64                  attendee_id,
                               QuorumPresenceStatus   *out)
{
  QuorumDecision *decision = quorum_conference_find_decision (self, child_id);

  if (decision == NULL || decision->presence == NULL)
    return FALSE;
  for (guint i = 0; i < decision->presence->len; i++)
    {
      QuorumPresence *p = &g_array_index (decision->presence, QuorumPresence, i);

      if (p->attendee_id == attendee_id)
        {
          if (out != NULL)
            *out = p->status;
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
quorum_conference_dissent_is_group (const QuorumConference *self,
                                    gint64                  child_id,
                                    const QuorumDissent    *dissent)
{
  const QuorumVote *vote;

  g_return_val_if_fail (self != NULL && dissent != NULL, TRUE);

  /* Without the group's view to compare (a record older than its votes), it is the group's. */
  vote = quorum_conference_find_current_vote (self, child_id, dissent->group);
  return vote == NULL || vote->view == dissent->view;
}

char **
quorum_conference_left_without_view (const QuorumConference *self,
                                     gint64                  child_id)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) counted = NULL;
  const QuorumDecision *decision;

  g_return_val_if_fail (self != NULL, g_new0 (char *, 1));

  /* The groups the decision counted: those with a representative in the room when it was
   * taken, and those whose view stands (undecided: in the room now, or whose view stands). */
  counted = quorum_conference_child_groups (self, child_id);
  decision = quorum_conference_find_decision (self, child_id);

  /* A voting attendee who had left when the decision was taken, whose group gave no view and
   * had no other representative there (one who stayed took part for it, as in a consensus). */
  for (guint i = 0; self->attendees != NULL && i < self->attendees->len; i++)
    {
      const QuorumAttendee *a = g_ptr_array_index (self->attendees, i);
      QuorumPresenceStatus status;
      g_autofree char *normal = NULL;
      gboolean is_counted = FALSE;

      if (a->attendance != QUORUM_ATTENDANCE_PRESENT || !a->voting || a->line_management == NULL ||
          quorum_conference_find_current_vote (self, child_id, a->line_management) != NULL)
        continue;
      /* Decided: as the decision's presence records it. Undecided: gone now, which the
       * confirmation and the board say before the decision is taken. */
      if (decision != NULL
          ? !quorum_conference_presence_at (self, child_id, a->id, &status) || status != QUORUM_PRESENCE_LEFT
          : a->left_at == NULL)
        continue;
      for (guint g = 0; counted[g] != NULL && !is_counted; g++)
        is_counted = quorum_group_equal (counted[g], a->line_management);
      if (is_counted)
        continue;
      normal = quorum_group_normalize (a->line_management);
      if (g_hash_table_contains (seen, normal))
        continue;
      g_hash_table_add (seen, g_steal_pointer (&normal));
      g_strv_builder_add (builder, a->line_management);
    }

  return g_strv_builder_end (builder);
}

static void
add_group (GStrvBuilder *builder,
           GHashTable   *seen,
           const char   *group)
{
  g_autofree char *normal = quorum_group_normalize (group);

  if (*normal == '\0' || g_hash_table_contains (seen, normal))
    return;
  g_strv_builder_add (builder, group);
  g_hash_table_add (seen, g_steal_pointer (&normal));
}

char **
quorum_conference_child_groups (const QuorumConference *self,
                                gint64                  child_id)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  QuorumDecision *decision;

  g_return_val_if_fail (self != NULL, NULL);

  decision = quorum_conference_find_decision (self, child_id);

  for (guint i = 0; self->attendees != NULL && i < self->attendees->len; i++)
    {
      QuorumAttendee *attendee = g_ptr_array_index (self->attendees, i);
      QuorumPresenceStatus status;

      if (!attendee->voting || attendee->line_management == NULL)
        continue;
      if (decision != NULL && decision->presence != NULL)
        {
          /* Decided: those in the room then, never a later arrival. */
          if (!quorum_conference_presence_at (self, child_id, attendee->id, &status) ||
              status != QUORUM_PRESENCE_PRESENT)
            continue;
        }
      else if (!quorum_attendee_is_present (attendee))
        continue;
      add_group (builder, seen, attendee->line_management);
    }

  /* A view given stays counted when its givers leave: a group of voting attendees who came.
   * (A view under a non-voting structure, or of those who never came, never counts.) */
  for (guint i = 0; self->votes != NULL && i < self->votes->len; i++)
    {
      QuorumVote *vote = g_ptr_array_index (self->votes, i);
      g_auto(GStrv) members = NULL;

      if (vote->child_id != child_id || vote->superseded || vote->group == NULL)
        continue;
      members = quorum_conference_group_members (self, vote->group);
      if (members[0] != NULL)
        add_group (builder, seen, vote->group);
    }

  return g_strv_builder_end (builder);
}

static gboolean
attendee_counts (const QuorumAttendee *attendee)
{
  return attendee->voting &&
         quorum_attendee_is_present (attendee) &&
         attendee->line_management != NULL;
}

/* A representative: a voting attendee who came, whether or not they have since left. */
static gboolean
attendee_represents (const QuorumAttendee *attendee)
{
  return attendee->voting &&
         attendee->attendance == QUORUM_ATTENDANCE_PRESENT &&
         attendee->line_management != NULL;
}

char **
quorum_conference_list_groups (const QuorumConference *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; self->attendees != NULL && i < self->attendees->len; i++)
    {
      QuorumAttendee *attendee = g_ptr_array_index (self->attendees, i);
      g_autofree char *normal = NULL;

      if (!attendee_counts (attendee))
        continue;

      normal = quorum_group_normalize (attendee->line_management);
      if (*normal == '\0' || g_hash_table_contains (seen, normal))
        continue;

      g_strv_builder_add (builder, attendee->line_management);
      g_hash_table_add (seen, g_steal_pointer (&normal));
    }

  return g_strv_builder_end (builder);
}

char **
quorum_conference_group_members (const QuorumConference *self,
                                 const char             *group)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *wanted = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  wanted = quorum_group_normalize (group);

  for (guint i = 0; *wanted != '\0' && self->attendees != NULL && i < self->attendees->len; i++)
    {
      QuorumAttendee *attendee = g_ptr_array_index (self->attendees, i);

      if (!attendee_represents (attendee))
        continue;

      if (quorum_group_matches (attendee->line_management != NULL ? attendee->line_management : "", wanted))
        g_strv_builder_add (builder, attendee->name != NULL ? attendee->name : "");
    }

  return g_strv_builder_end (builder);
}

gboolean
quorum_attendee_is_family (const char *role_or_agency)
{
  static const char * const family[] = {
    "parent", "mother", "father", "carer", "family", "advocate", "guardian", "relative",
    "grandmother", "grandfather", "stepmother", "stepfather", "partner of",
  };
  static const char * const family_words[] = { "mum", "dad", "aunt", "uncle", "nan", "gran", "grandma", "grandad", NULL };
  static const char * const professional[] = {
    "worker", "nurse", "officer", "practitioner", "manager", "visitor", "doctor", "teacher",
    "social", "police", "health", "therapist", "psychologist", "lead", "coordinator", "co-ordinator",
    "service", "centre", "center",
  };
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;
  gboolean found = FALSE;

  if (role_or_agency == NULL || *role_or_agency == '\0')
    return FALSE;

  folded = g_utf8_casefold (role_or_agency, -1);

  for (guint i = 0; i < G_N_ELEMENTS (professional); i++)
    if (strstr (folded, professional[i]) != NULL)
      return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (family) && !found; i++)
    found = strstr (folded, family[i]) != NULL;

  words = g_regex_split_simple ("[^[:alnum:]]+", folded, 0, 0);
  for (guint i = 0; words[i] != NULL && !found; i++)
    found = g_strv_contains (family_words, words[i]);

  return found;
}

static gboolean
is_ascii (const char *s)
{
  const guchar *p;

  for (p = (const guchar *)s; *p != '\0' && *p < 0x80; p++)
    ;
  return *p == '\0';
}

/* The next byte of a plain ASCII group's normal form (as quorum_group_normalize () makes it:
 * lower case, spaces collapsed to one between words, none at the ends), read from *@p; '\0'
 * at its end. @started: a word has been given. */
static int
ascii_normal_next (const guchar **p,
                   gboolean      *started)
{
  gboolean space = FALSE;

  while (**p != '\0' && g_ascii_isspace (**p))
    {
      space = TRUE;
      (*p)++;
    }
  if (**p == '\0')
    return '\0';
  if (space && *started)
    return ' ';
  *started = TRUE;
  return g_ascii_tolower (*(*p)++);
}

/* Two groups compared as their normal forms, byte by byte, without making them: both ASCII. */
static gboolean
ascii_normal_equal (const char *a,
                    const char *b)
{
  const guchar *pa = (const guchar *)a;
  const guchar *pb = (const guchar *)b;
  gboolean started_a = FALSE;
  gboolean started_b = FALSE;

  for (;;)
    {
      int ca = ascii_normal_next (&pa, &started_a);
      int cb = ascii_normal_next (&pb, &started_b);

      if (ca != cb)
        return FALSE;
      if (ca == '\0')
        return TRUE;
    }
}

gboolean
quorum_group_matches (const char *group,
                      const char *normal)
{
  g_autofree char *own = NULL;

  g_return_val_if_fail (normal != NULL, FALSE);

  /* No group normalizes to "", as quorum_group_normalize (NULL) does. */
  if (group == NULL)
    return *normal == '\0';

  if (!is_ascii (group))
    {
      own = quorum_group_normalize (group);
      return strcmp (own, normal) == 0;
    }

  /* A normal form reads as itself (lower case, one space between words, none at the ends; any
   * byte above ASCII as it stands, which an ASCII group never matches). */
  return ascii_normal_equal (group, normal);
}

gboolean
quorum_group_equal (const char *a,
                    const char *b)
{
  g_autofree char *na = NULL;
  g_autofree char *nb = NULL;

  if (a == NULL || b == NULL)
    return a == b;

  /* Each vote card and quoracy check compares groups many times an open: plain ASCII names
   * (most) without making their normal forms. */
  if (is_ascii (a) && is_ascii (b))
    return ascii_normal_equal (a, b);

  na = quorum_group_normalize (a);
  nb = quorum_group_normalize (b);

  return strcmp (na, nb) == 0;
}

char *
quorum_group_normalize (const char *group)
{
  g_autofree char *valid = NULL;
  g_autofree char *composed = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *normal = NULL;
  GString *out;
  gboolean pending_space = FALSE;

  if (group == NULL)
    return g_strdup ("");

  /* Most structures are plain ASCII, where NFKC changes nothing and casefolding is tolower:
   * the same result, without the Unicode tables (this runs for every vote recorded). */
  {
    const guchar *p;

    for (p = (const guchar *)group; *p != '\0' && *p < 0x80; p++)
      ;
    if (*p == '\0')
      {
        out = g_string_sized_new (p - (const guchar *)group);
        for (p = (const guchar *)group; *p != '\0'; p++)
          {
            if (g_ascii_isspace (*p))
              {
                pending_space = out->len > 0;
                continue;
              }
            if (pending_space)
              g_string_append_c (out, ' ');
            pending_space = FALSE;
            g_string_append_c (out, g_ascii_tolower (*p));
          }
        return g_string_free (out, FALSE);
      }
  }

  /* Names come from people and databases: never let bad bytes make two groups unequal to themselves. */
  valid = g_utf8_make_valid (group, -1);
  /* NFKC first so that compatibility forms fold the same, then again after casefolding. */
  composed = g_utf8_normalize (valid, -1, G_NORMALIZE_NFKC);
  folded = g_utf8_casefold (composed, -1);
  normal = g_utf8_normalize (folded, -1, G_NORMALIZE_NFKC);

  out = g_string_new (NULL);
  for (const char *p = normal; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          pending_space = out->len > 0;
          continue;
        }

      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

void
quorum_child_free (QuorumChild *self)
{
  if (self == NULL)
    return;

  g_free (self->name);
  g_free (self);
}

void
quorum_attendee_free (QuorumAttendee *self)
{
  if (self == NULL)
    return;

  g_free (self->name);
  g_free (self->role);
  g_free (self->agency);
  g_free (self->line_management);
  g_free (self->arrived_at);
  g_free (self->left_at);
  g_free (self);
}

void
quorum_attempt_free (QuorumAttempt *self)
{
  if (self == NULL)
    return;

  g_free (self->proposal);
  g_free (self->summary);
  g_free (self->views);
  g_free (self->recorded_at);
  g_free (self);
}

void
quorum_vote_free (QuorumVote *self)
{
  if (self == NULL)
    return;

  g_free (self->group);
  g_free (self->reason);
  g_free (self->recorded_at);
  g_free (self);
}

void
quorum_dissent_free (QuorumDissent *self)
{
  if (self == NULL)
    return;

  g_free (self->group);
  g_strfreev (self->representatives);
  g_free (self->reason);
  g_free (self);
}

void
quorum_decision_free (QuorumDecision *self)
{
  if (self == NULL)
    return;

  g_free (self->decided_at);
  g_free (self->decided_by);
  g_free (self->reason);
  clear_owned_array (&self->dissent, (GDestroyNotify) quorum_dissent_free);
  g_clear_pointer (&self->presence, g_array_unref);
  g_free (self);
}

void
quorum_plan_free (QuorumPlan *self)
{
  if (self == NULL)
    return;

  g_free (self->end_reason);
  g_clear_pointer (&self->reviews, g_array_unref);
  g_free (self);
}

void
quorum_referral_correction_free (QuorumReferralCorrection *self)
{
  if (self == NULL)
    return;

  g_free (self->field);
  g_free (self->old_value);
  g_free (self->new_value);
  g_free (self->reason);
  g_free (self->recorded_at);
  g_free (self->recorded_by);
  g_free (self);
}

void
quorum_referral_free (QuorumReferral *self)
{
  if (self == NULL)
    return;

  g_free (self->outcome_reason);
  g_free (self->sent_by);
  g_free (self->sent_means);
  g_clear_pointer (&self->corrections, g_ptr_array_unref);
  g_free (self);
}

void
quorum_handover_free (QuorumHandover *self)
{
  if (self == NULL)
    return;

  g_free (self->from_chair);
  g_free (self->from_name);
  g_free (self->to_chair);
  g_free (self->to_name);
  g_free (self->reason);
  g_free (self->recorded_at);
  g_free (self->recorded_by);
  g_free (self);
}

void
quorum_amendment_free (QuorumAmendment *self)
{
  if (self == NULL)
    return;

  g_free (self->at);
  g_free (self->by);
  g_free (self->reason);
  g_free (self->change);
  g_free (self->record);
  g_free (self->field);
  g_free (self->old_value);
  g_free (self->new_value);
  g_free (self);
}

void
quorum_member_view_free (QuorumMemberView *self)
{
  if (self == NULL)
    return;

  g_free (self->name);
  g_free (self->group);
  g_free (self->reason);
  g_free (self->recorded_at);
  g_free (self);
}

void
quorum_superseded_view_free (QuorumSupersededView *self)
{
  if (self == NULL)
    return;

  g_free (self->group);
  g_free (self->reason);
  g_free (self->given_at);
  g_free (self);
}

static const char *
child_name_of (const QuorumConference *self,
               gint64                  child_id)
{
  const QuorumChild *child = quorum_conference_find_child (self, child_id);

  return child != NULL ? child->name : "";
}

gboolean
quorum_conference_check_sitting (const QuorumConference  *self,
                                 GError                 **error)
{
  g_autofree char *iso = NULL;
  g_autofree char *now = NULL;
  GDate today;

  quorum_date_today (&today);
  if (!g_date_valid (&self->date) || g_date_compare (&self->date, &today) <= 0)
    return TRUE;
  iso = quorum_date_to_string (&self->date);
  now = quorum_date_to_string (&today);
  /* Translators: "Conference 12 sits on 2027-01-11, in the future (today is 2026-12-01): …" */
  g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
               _("Conference %lld sits on %s, in the future (today is %s): its views, consensus and "
                 "decisions are recorded on or after that day"),
               (long long) self->id, iso, now);
  return FALSE;
}

char *
quorum_conference_shared_reason (const QuorumConference *self,
                                 const char             *record)
{
  gsize kind_len;
  gint64 id;

  g_return_val_if_fail (self != NULL, NULL);

  if (!quorum_amendment_parse_record (record, &kind_len, &id))
    return NULL;

  for (guint i = 0; self->decisions != NULL && i < self->decisions->len; i++)
    {
      const QuorumDecision *decision = g_ptr_array_index (self->decisions, i);

      for (guint j = 0; decision->dissent != NULL && j < decision->dissent->len; j++)
        {
          const QuorumDissent *dissent = g_ptr_array_index (decision->dissent, j);
          const QuorumVote *vote;

          if (dissent->id <= 0)
            continue;
          if (kind_len == strlen ("dissent") && strncmp (record, "dissent", kind_len) == 0)
            {
              if (dissent->id != id)
                continue;
            }
          else if (kind_len != strlen ("vote") || strncmp (record, "vote", kind_len) != 0)
            return NULL;
          vote = quorum_conference_find_current_vote (self, decision->child_id, dissent->group);
          if (vote == NULL || vote->id <= 0 || vote->view != dissent->view ||
              g_strcmp0 (vote->reason, dissent->reason) != 0)
            continue;
          if (record[0] == 'd')
            return g_strdup_printf ("vote:%" G_GINT64_FORMAT, vote->id);
          if (vote->id == id)
            return g_strdup_printf ("dissent:%" G_GINT64_FORMAT, dissent->id);
        }
    }
  return NULL;
}

char **
quorum_conference_dissent_representatives_now (const QuorumConference *self,
                                               const QuorumDissent    *dissent,
                                               guint                  *number)
{
  g_autofree char *record = NULL;
  const QuorumAmendment *corrected = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GStrvBuilder) names = NULL;

  g_return_val_if_fail (self != NULL && dissent != NULL, g_new0 (char *, 1));

  if (number != NULL)
    *number = 0;
  if (dissent->id > 0)
    {
      record = g_strdup_printf ("dissent:%" G_GINT64_FORMAT, dissent->id);
      corrected = quorum_conference_last_amendment (self, record, "representatives", number);
    }
  if (corrected == NULL || corrected->new_value == NULL)
    {
      if (number != NULL)
        *number = 0;
      return g_strdupv (dissent->representatives != NULL ? dissent->representatives : (char *[]) { NULL });
    }
  /* As the store keeps them: one name a line (a blank line names no one). */
  lines = g_strsplit (corrected->new_value, "\n", -1);
  names = g_strv_builder_new ();
  for (guint i = 0; lines[i] != NULL; i++)
    if (*g_strstrip (lines[i]) != '\0')
      g_strv_builder_add (names, lines[i]);
  return g_strv_builder_end (names);
}

/* Whether @amendment corrects @field of @record, or of @twin (may be NULL): the record sharing
 * its reason (quorum_conference_shared_reason ()). */
static gboolean
amendment_corrects (const QuorumAmendment *amendment,
                    const char            *record,
                    const char            *twin,
                    const char            *field)
{
  if (amendment->record == NULL || g_strcmp0 (amendment->field, field) != 0)
    return FALSE;
  return g_strcmp0 (amendment->record, record) == 0 || (twin != NULL && g_strcmp0 (amendment->record, twin) == 0);
}

/* The record sharing @record's @field, for a reason; NULL otherwise. */
static char *
twin_of (const QuorumConference *self,
         const char             *record,
         const char             *field)
{
  return g_strcmp0 (field, "reason") == 0 ? quorum_conference_shared_reason (self, record) : NULL;
}

const char *
quorum_conference_current_value (const QuorumConference *self,
                                 const char             *record,
                                 const char             *field,
                                 const char             *original)
{
  const char *value = original;
  g_autofree char *twin = NULL;

  g_return_val_if_fail (self != NULL, original);

  if (record == NULL)
    return value;
  twin = twin_of (self, record, field);
  for (guint i = 0; self->amendments != NULL && i < self->amendments->len; i++)
    {
      const QuorumAmendment *amendment = g_ptr_array_index (self->amendments, i);

      if (amendment_corrects (amendment, record, twin, field))
        value = amendment->new_value;
    }
  return value;
}

guint
quorum_conference_decision_categories_now (const QuorumConference *self,
                                           const QuorumDecision   *decision,
                                           guint                  *number)
{
  const QuorumAmendment *amendment;
  g_autofree char *record = NULL;
  guint categories;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (decision != NULL, 0);

  if (number != NULL)
    *number = 0;
  record = g_strdup_printf ("decision:%" G_GINT64_FORMAT, decision->id);
  amendment = quorum_conference_last_amendment (self, record, "categories", number);
  if (amendment == NULL || !quorum_categories_from_string (amendment->new_value, &categories) ||
      categories == QUORUM_CATEGORY_NONE)
    {
      if (number != NULL)
        *number = 0;
      return decision->categories;
    }
  return categories;
}

guint
quorum_conference_plan_categories_now (const QuorumConference *self,
                                       const QuorumPlan       *plan,
                                       guint                  *number)
{
  const QuorumDecision *decision;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (plan != NULL, 0);

  if (number != NULL)
    *number = 0;
  decision = quorum_conference_find_decision (self, plan->child_id);
  /* The plan was made with the decision's categories: a correction of them is the plan's. */
  if (decision == NULL || decision->outcome != QUORUM_VIEW_PLAN)
    return plan->categories;
  {
    guint n = 0;
    guint now = quorum_conference_decision_categories_now (self, decision, &n);

    if (n == 0)
      return plan->categories;
    if (number != NULL)
      *number = n;
    return now;
  }
}

char *
quorum_format_amended_categories (const char *now,
                                  const char *as_decided,
                                  guint       number)
{
  if (number == 0)
    return g_strdup (now != NULL ? now : "");
  /* Translators: a decision's (or plan's) categories of abuse corrected after sign-off, the
   * categories as decided beside them: "Child protection plan: Neglect (categories amended after
   * sign-off, amendment 1; as decided: Neglect, Physical abuse)" */
  return g_strdup_printf (_("%s (categories amended after sign-off, amendment %u; as decided: %s)"),
                          now, number, as_decided != NULL ? as_decided : "");
}

gboolean
quorum_check_corrected_categories (const QuorumDecision *decision,
                                   const char           *value,
                                   char                **canonical,
                                   GError              **error)
{
  guint categories = 0;

  g_return_val_if_fail (decision != NULL, FALSE);

  if (decision->outcome != QUORUM_VIEW_PLAN)
    {
      g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                           _("This decision made no plan: it has no categories of abuse to correct"));
      return FALSE;
    }
  if (value == NULL || !quorum_categories_from_string (value, &categories))
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("“%s” is not a list of categories of abuse (neglect, physical, emotional, sexual, "
                     "separated by commas)"), value != NULL ? value : "");
      return FALSE;
    }
  if (categories == QUORUM_CATEGORY_NONE)
    {
      g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                           _("A plan is under at least one category of abuse: choose the categories "
                             "as they should stand"));
      return FALSE;
    }
  if (canonical != NULL)
    *canonical = quorum_categories_to_string (categories);
  return TRUE;
}

const QuorumAmendment *
quorum_conference_last_amendment (const QuorumConference *self,
                                  const char             *record,
                                  const char             *field,
                                  guint                  *number)
{
  const QuorumAmendment *last = NULL;
  g_autofree char *twin = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (number != NULL)
    *number = 0;
  if (record == NULL || field == NULL)
    return NULL;
  twin = twin_of (self, record, field);
  for (guint i = 0; self->amendments != NULL && i < self->amendments->len; i++)
    {
      const QuorumAmendment *amendment = g_ptr_array_index (self->amendments, i);

      if (amendment_corrects (amendment, record, twin, field))
        {
          last = amendment;
          if (number != NULL)
            *number = i + 1;
        }
    }
  return last;
}

const char *
quorum_conference_name_now (const QuorumConference *self,
                            gint64                  attendee_id,
                            const char             *name,
                            guint                  *number)
{
  const QuorumAttendee *attendee = NULL;
  const QuorumAmendment *amendment;
  g_autofree char *record = NULL;

  g_return_val_if_fail (self != NULL, name);

  if (number != NULL)
    *number = 0;
  if (attendee_id > 0)
    attendee = quorum_conference_find_attendee (self, attendee_id);
  for (guint i = 0; attendee == NULL && name != NULL && self->attendees != NULL && i < self->attendees->len; i++)
    {
      const QuorumAttendee *a = g_ptr_array_index (self->attendees, i);

      if (g_strcmp0 (a->name, name) == 0)
        attendee = a;
    }
  if (attendee == NULL || attendee->id <= 0)
    return name;

  record = g_strdup_printf ("attendee:%" G_GINT64_FORMAT, attendee->id);
  amendment = quorum_conference_last_amendment (self, record, "name", number);
  if (amendment == NULL || amendment->new_value == NULL || *amendment->new_value == '\0')
    {
      if (number != NULL)
        *number = 0;
      return name;
    }
  return amendment->new_value;
}

/* "Dr Owen Price (name amended after sign-off, amendment 4)", or @name when @number is 0. */
static char *
format_amended_name (const char *name,
                     const char *now,
                     guint       number)
{
  if (number == 0)
    return g_strdup (name != NULL ? name : "");
  /* Translators: an attendee's name corrected after sign-off, where the record names them:
   * "Dr Owen Price (name amended after sign-off, amendment 4)" */
  return g_strdup_printf (_("%s (name amended after sign-off, amendment %u)"), now, number);
}

char *
quorum_conference_format_name_now (const QuorumConference *self,
                                   gint64                  attendee_id,
                                   const char             *name)
{
  guint number = 0;
  const char *now = quorum_conference_name_now (self, attendee_id, name, &number);

  return format_amended_name (name, now, number);
}

const char *
quorum_conference_child_name_now (const QuorumConference *self,
                                  const QuorumChild      *child,
                                  guint                  *number)
{
  const QuorumAmendment *amendment;
  g_autofree char *record = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (child != NULL, NULL);

  if (number != NULL)
    *number = 0;
  record = g_strdup_printf ("child:%" G_GINT64_FORMAT, child->id);
  amendment = quorum_conference_last_amendment (self, record, "name", number);
  if (amendment == NULL || amendment->new_value == NULL || *amendment->new_value == '\0')
    {
      if (number != NULL)
        *number = 0;
      return child->name;
    }
  return amendment->new_value;
}

char *
quorum_conference_format_child_name_now (const QuorumConference *self,
                                         const QuorumChild      *child)
{
  guint number = 0;
  const char *now = quorum_conference_child_name_now (self, child, &number);

  return format_amended_name (child->name, now, number);
}

char *
quorum_conference_format_field_now (const QuorumConference *self,
                                    const char             *field,
                                    const char             *original)
{
  g_autofree char *record = NULL;
  const QuorumAmendment *amendment;
  guint number = 0;

  g_return_val_if_fail (self != NULL, NULL);

  record = g_strdup_printf ("conference:%" G_GINT64_FORMAT, self->id);
  amendment = quorum_conference_last_amendment (self, record, field, &number);
  if (amendment == NULL || amendment->new_value == NULL || *amendment->new_value == '\0')
    return g_strdup (original);
  /* Translators: a conference's detail corrected after sign-off, where the record gives it:
   * "Bolton Town Hall, Room 2 (amended after sign-off, amendment 3)" */
  return g_strdup_printf (_("%s (amended after sign-off, amendment %u)"), amendment->new_value, number);
}

const QuorumAmendment *
quorum_conference_previous_amendment (const QuorumConference *self,
                                      const QuorumAmendment  *amendment)
{
  const QuorumAmendment *previous = NULL;
  g_autofree char *twin = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (amendment->record == NULL || amendment->field == NULL)
    return NULL;
  twin = twin_of (self, amendment->record, amendment->field);
  for (guint i = 0; self->amendments != NULL && i < self->amendments->len; i++)
    {
      const QuorumAmendment *earlier = g_ptr_array_index (self->amendments, i);

      if (earlier == amendment)
        break;
      if (amendment_corrects (earlier, amendment->record, twin, amendment->field))
        previous = earlier;
    }
  return previous;
}

gboolean
quorum_amendment_parse_record (const char *record,
                               gsize      *kind_len,
                               gint64     *id)
{
  const char *colon = record != NULL ? strchr (record, ':') : NULL;
  guint64 parsed;

  if (colon == NULL || colon == record ||
      !g_ascii_string_to_unsigned (colon + 1, 10, 1, G_MAXINT64, &parsed, NULL))
    return FALSE;
  *kind_len = colon - record;
  *id = (gint64) parsed;
  return TRUE;
}

char *
quorum_conference_describe_value (const QuorumConference *self,
                                  const char             *record,
                                  const char             *field)
{
  gsize kind_len;
  gint64 id;

  g_return_val_if_fail (self != NULL, NULL);

  if (field == NULL || !quorum_amendment_parse_record (record, &kind_len, &id))
    return NULL;

  if (strncmp (record, "vote:", 5) == 0 && g_str_equal (field, "reason"))
    {
      for (guint i = 0; i < self->votes->len; i++)
        {
          const QuorumVote *vote = g_ptr_array_index (self->votes, i);

          g_autofree char *dissent = NULL;

          if (vote->id != id)
            continue;
          /* The view's reason is the dissent's too (quorum_conference_shared_reason ()): one
           * value, named as both. */
          if ((dissent = quorum_conference_shared_reason (self, record)) != NULL)
            /* Translators: the reason a dissenting group gave for its view, which is also the
             * reason of its dissent (one value), e.g. "Reason of the dissenting view of Police,
             * for Amy Smith" */
            return g_strdup_printf (_("Reason of the dissenting view of %s, for %s"), vote->group,
                                    child_name_of (self, vote->child_id));
          /* Translators: the reason a group gave for its view (not a dissent's reason), e.g.
           * "Reason of the view of Police, for Amy Smith" */
          return g_strdup_printf (_("Reason of the view of %s, for %s"), vote->group,
                                  child_name_of (self, vote->child_id));
        }
    }
  else if (strncmp (record, "decision:", 9) == 0 && g_str_equal (field, "categories"))
    {
      for (guint i = 0; self->decisions != NULL && i < self->decisions->len; i++)
        {
          const QuorumDecision *decision = g_ptr_array_index (self->decisions, i);

          if (decision->id == id)
            /* Translators: the categories of abuse a child's plan is under, as decided, e.g.
             * "Categories of abuse of the decision for Jayden Walsh" */
            return g_strdup_printf (_("Categories of abuse of the decision for %s"),
                                    child_name_of (self, decision->child_id));
        }
    }
  else if (strncmp (record, "attendee:", 9) == 0)
    {
      const QuorumAttendee *attendee = quorum_conference_find_attendee (self, id);

      if (attendee == NULL)
        return NULL;
      if (g_str_equal (field, "name"))
        return g_strdup_printf (_("Name of the attendee %s"), attendee->name);
      if (g_str_equal (field, "role"))
        return g_strdup_printf (_("Role of %s"), attendee->name);
      if (g_str_equal (field, "agency"))
        return g_strdup_printf (_("Agency of %s"), attendee->name);
    }
  else if (strncmp (record, "attempt:", 8) == 0)
    {
      for (guint i = 0; i < self->attempts->len; i++)
        {
          const QuorumAttempt *attempt = g_ptr_array_index (self->attempts, i);
          const char *child;

          if (attempt->id != id)
            continue;
          child = child_name_of (self, attempt->child_id);
          if (g_str_equal (field, "proposal"))
            return g_strdup_printf (_("Proposal in round %d, for %s"), attempt->round, child);
          if (g_str_equal (field, "summary"))
            return g_strdup_printf (_("Discussion in round %d, for %s"), attempt->round, child);
          if (g_str_equal (field, "views"))
            return g_strdup_printf (_("Views held in round %d, for %s"), attempt->round, child);
        }
    }
  else if (strncmp (record, "dissent:", 8) == 0)
    {
      for (guint i = 0; i < self->decisions->len; i++)
        {
          const QuorumDecision *decision = g_ptr_array_index (self->decisions, i);

          for (guint j = 0; decision->dissent != NULL && j < decision->dissent->len; j++)
            {
              const QuorumDissent *dissent = g_ptr_array_index (decision->dissent, j);
              const char *child = child_name_of (self, decision->child_id);

              if (dissent->id != id)
                continue;
              /* The representatives' own dissent, where the group settled on the outcome's view:
               * named by them, not as the group's. */
              if (!quorum_conference_dissent_is_group (self, decision->child_id, dissent))
                {
                  g_autofree char *names = dissent->representatives != NULL && dissent->representatives[0] != NULL
                                             ? g_strjoinv (", ", dissent->representatives)
                                             : g_strdup ("");

                  if (g_str_equal (field, "reason"))
                    /* Translators: the reason of a dissent held by representatives on their own, not
                     * by their group: the representatives, their group, the child, e.g. "Reason of the
                     * dissent of Ann Gray (Bolton NHS FT), for Leah Carter" */
                    return g_strdup_printf (_("Reason of the dissent of %s (%s), for %s"), names,
                                            dissent->group, child);
                  if (g_str_equal (field, "representatives"))
                    /* Translators: who holds a dissent on their own, not their group, e.g. "Names in
                     * the dissent of Ann Gray (Bolton NHS FT), for Leah Carter" */
                    return g_strdup_printf (_("Names in the dissent of %s (%s), for %s"), names,
                                            dissent->group, child);
                  return NULL;
                }
              if (g_str_equal (field, "reason"))
                /* Translators: a dissenting group's reason, e.g. "Reason of the dissent of Police, for Amy Smith" */
                return g_strdup_printf (_("Reason of the dissent of %s, for %s"), dissent->group, child);
              if (g_str_equal (field, "representatives"))
                /* Translators: who spoke for a dissenting group, e.g. "Representatives of the dissent of Police, for Amy Smith" */
                return g_strdup_printf (_("Representatives of the dissent of %s, for %s"), dissent->group, child);
              return NULL;
            }
        }
    }
  else if (strncmp (record, "decision:", 9) == 0 && g_str_equal (field, "reason"))
    {
      for (guint i = 0; i < self->decisions->len; i++)
        {
          const QuorumDecision *decision = g_ptr_array_index (self->decisions, i);

          if (decision->id == id)
            /* Translators: the chair's own reasons for a decision the chair made without
             * consensus, e.g. "The chair’s reasons for the decision, for Amy Smith" */
            return g_strdup_printf (_("The chair’s reasons for the decision, for %s"),
                                    child_name_of (self, decision->child_id));
        }
    }
  else if (strncmp (record, "member_view:", 12) == 0 && g_str_equal (field, "reason"))
    {
      for (guint i = 0; self->member_views != NULL && i < self->member_views->len; i++)
        {
          const QuorumMemberView *m = g_ptr_array_index (self->member_views, i);

          if (m->id == id)
            /* Translators: one representative's reason for their own position where their group
             * could not agree: the representative, their group, the child, e.g. "Reason of the own
             * position of H. Two (NHS), for Amy Smith" */
            return g_strdup_printf (_("Reason of the own position of %s (%s), for %s"),
                                    m->name != NULL ? m->name : "", m->group,
                                    child_name_of (self, m->child_id));
        }
    }
  else if (strncmp (record, "child:", 6) == 0 && g_str_equal (field, "name"))
    {
      const QuorumChild *child = quorum_conference_find_child (self, id);

      if (child != NULL)
        return g_strdup_printf (_("Name of the child %s"), child->name);
    }
  else if (strncmp (record, "conference:", 11) == 0 && id == self->id)
    {
      if (g_str_equal (field, "chair"))
        return g_strdup (_("The chair"));
      if (g_str_equal (field, "venue"))
        return g_strdup (_("The venue"));
      if (g_str_equal (field, "case_ref"))
        return g_strdup (_("The case reference"));
      if (g_str_equal (field, "time"))
        return g_strdup (_("The time of the conference"));
      if (g_str_equal (field, "minute_taker"))
        return g_strdup (_("The minute-taker"));
    }
  return NULL;
}

const QuorumChild *
quorum_conference_amendment_about (const QuorumConference *self,
                                   const QuorumAmendment  *amendment)
{
  gsize kind_len;
  gint64 id;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (amendment != NULL, NULL);

  if (amendment->field != NULL || !quorum_amendment_parse_record (amendment->record, &kind_len, &id) ||
      kind_len != strlen ("child") || strncmp (amendment->record, "child", kind_len) != 0)
    return NULL;
  return quorum_conference_find_child (self, id);
}

char *
quorum_conference_describe_change (const QuorumConference *self,
                                   const QuorumAmendment  *amendment)
{
  g_autofree char *prefix = NULL;
  g_autofree char *what = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (amendment->change == NULL)
    return g_strdup ("");
  if (amendment->record == NULL || amendment->field == NULL)
    return g_strdup (amendment->change);
  /* The store's own words before it named the value: "FIELD of KIND:ID: …". */
  prefix = g_strdup_printf ("%s of %s: ", amendment->field, amendment->record);
  if (!g_str_has_prefix (amendment->change, prefix) ||
      (what = quorum_conference_describe_value (self, amendment->record, amendment->field)) == NULL)
    return g_strdup (amendment->change);
  return g_strdup_printf ("%s: %s", what, amendment->change + strlen (prefix));
}
