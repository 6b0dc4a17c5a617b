/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-decision.c: quoracy, the checks on a group's view, and the decision for one child. */

#include <string.h>
#include "quorum-gettext.h"

#include "quorum/quorum-date.h"
#include "quorum/quorum-decision.h"
#include "quorum/quorum-error.h"
#include "quorum/quorum-validate.h"

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

static gboolean
is_counted_view (QuorumView view)
{
  return view == QUORUM_VIEW_PLAN || view == QUORUM_VIEW_NO_PLAN;
}

/* "“A”, “B” and “C”" for messages that name groups (@quoted), "A, B and C" for people. */
static char *
join_names (GPtrArray *names,
            gboolean   quoted)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);

      if (i > 0 && i + 1 == names->len)
        g_string_append (out, _(" and "));
      else if (i > 0)
        g_string_append (out, _(", "));

      if (quoted)
        /* Translators: a line-management group's name, quoted */
        g_string_append_printf (out, _("“%s”"), name);
      else
        g_string_append (out, name);
    }

  return g_string_free (out, FALSE);
}

static char *
join_quoted (GPtrArray *names)
{
  return join_names (names, TRUE);
}

static gboolean
agency_is_lead (const QuorumProfile *profile,
                const char          *agency)
{
  g_autofree char *normal = NULL;

  if (profile->lead_agency_patterns == NULL || agency == NULL)
    return FALSE;

  normal = quorum_group_normalize (agency);

  for (guint i = 0; profile->lead_agency_patterns[i] != NULL; i++)
    {
      g_autofree char *pattern = quorum_group_normalize (profile->lead_agency_patterns[i]);

      if (*pattern != '\0' && strstr (normal, pattern) != NULL)
        return TRUE;
    }

  return FALSE;
}

QuorumQuoracy *
quorum_quoracy_check (const QuorumConference *conference,
                      const QuorumProfile    *profile)
{
  g_autoptr(GHashTable) others = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  QuorumQuoracy *self;
  gboolean lead_required;

  g_return_val_if_fail (conference != NULL, NULL);
  g_return_val_if_fail (profile != NULL, NULL);

  self = g_new0 (QuorumQuoracy, 1);
  self->n_other_required = MAX (profile->min_other_agencies, 0);
  /* A profile that names no lead agency does not require one. */
  lead_required = profile->lead_agency_patterns != NULL && profile->lead_agency_patterns[0] != NULL;
  self->has_lead_agency = !lead_required;

  /* Only professionals who are there represent their agency: not parents, not apologies. */
  for (guint i = 0; conference->attendees != NULL && i < conference->attendees->len; i++)
    {
      QuorumAttendee *attendee = g_ptr_array_index (conference->attendees, i);
      g_autofree char *normal = NULL;

      if (!attendee->voting || attendee->attendance != QUORUM_ATTENDANCE_PRESENT)
        continue;

      if (agency_is_lead (profile, attendee->agency))
        {
          self->has_lead_agency = TRUE;
          continue;
        }

      normal = quorum_group_normalize (attendee->agency);
      if (*normal != '\0')
        g_hash_table_add (others, g_steal_pointer (&normal));
    }

  self->n_other_agencies = g_hash_table_size (others);
  self->quorate = self->has_lead_agency && self->n_other_agencies >= self->n_other_required;

  if (self->quorate)
    return self;

  if (!self->has_lead_agency)
    g_ptr_array_add (missing, g_strdup (_("No one from children’s social care is present")));

  if (self->n_other_agencies < self->n_other_required)
    {
      if (self->n_other_agencies == 0)
        g_ptr_array_add (missing,
                         g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "No other agency is present; the policy needs %d",
                                                       "No other agency is present; the policy needs %d",
                                                       self->n_other_required),
                                          self->n_other_required));
      else
        g_ptr_array_add (missing,
                         /* Translators: the first number is the agencies present, the second
                          * the number the policy needs */
                         g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "Only %d other agency is present; the policy needs %d",
                                                       "Only %d other agencies are present; the policy needs %d",
                                                       self->n_other_agencies),
                                          self->n_other_agencies,
                                          self->n_other_required));
    }

  g_ptr_array_add (missing, NULL);
  /* Translators: separates two sentences of what a conference lacks to be quorate */
  self->missing = g_strjoinv (_(". "), (char **) missing->pdata);

  return self;
}

void
quorum_quoracy_free (QuorumQuoracy *self)
{
  if (self == NULL)
    return;

  g_free (self->missing);
  g_free (self);
}

/* Whether @group still has a present voting attendee, so that a view from it can count. */
static gboolean
group_is_voting (const QuorumConference *conference,
                 const char             *group)
{
  g_auto(GStrv) groups = quorum_conference_list_groups (conference);

  for (guint i = 0; groups[i] != NULL; i++)
    {
      if (quorum_group_equal (groups[i], group))
        return TRUE;
    }

  return FALSE;
}

static gboolean
consensus_reached (const QuorumAttempt *attempt)
{
  return attempt != NULL && is_counted_view (attempt->agreed);
}

/* Only the four categories of abuse the record knows. */
static gboolean
check_known_categories (guint     categories,
                        GError  **error)
{
  if ((categories & ~(guint) QUORUM_CATEGORY_ALL) == 0)
    return TRUE;
  g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                       _("Unknown category of abuse: the categories are neglect, physical, emotional and sexual"));
  return FALSE;
}

gboolean
quorum_check_vote (const QuorumConference *conference,
                   gint64                  child_id,
                   const char             *group,
                   QuorumView              view,
                   guint                   categories,
                   const char             *reason,
                   GError                **error)
{
  QuorumChild *child;

  g_return_val_if_fail (conference != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (quorum_conference_is_finalised (conference))
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_FINALISED,
                   _("The conference has been signed off: a view can no longer be recorded"));
      return FALSE;
    }

  child = quorum_conference_find_child (conference, child_id);
  if (child == NULL)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_NOT_FOUND,
                   _("No child %lld in this conference"), (long long) child_id);
      return FALSE;
    }

  if (quorum_conference_find_decision (conference, child_id) != NULL)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("The decision for %s has already been taken: views can no longer be recorded"),
                   child->name);
      return FALSE;
    }

  if (consensus_reached (quorum_conference_last_attempt (conference, child_id)))
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   conference->rule == QUORUM_RULE_CHAIR_DECIDES
                     ? _("The conference reached consensus for %s: the groups’ views come before the "
                         "chair’s decision only when there is none")
                     : _("The conference reached consensus for %s: the vote is only a last resort"),
                   child->name);
      return FALSE;
    }

  if (is_blank (group))
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("Name the line-management group whose view this is"));
      return FALSE;
    }

  if (!group_is_voting (conference, group))
    {
      gboolean known = FALSE;

      for (guint i = 0; conference->attendees != NULL && i < conference->attendees->len; i++)
        known |= quorum_group_equal (((QuorumAttendee *)g_ptr_array_index (conference->attendees, i))->line_management,
                                     group);
      if (known)
        g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                     _("No one who reports through “%s” is present with a vote (apologies, a written report "
                       "or a non-voting attendee give no view)"), group);
      else
        g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                     _("No voting attendee reports through “%s”: add an attendee in that line-management structure first"),
                     group);
      return FALSE;
    }

  if (view != QUORUM_VIEW_PLAN && view != QUORUM_VIEW_NO_PLAN && view != QUORUM_VIEW_DECLINE)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("A group’s view is plan, no plan, or declined"));
      return FALSE;
    }

  if (!check_known_categories (categories, error))
    return FALSE;

  if (categories != QUORUM_CATEGORY_NONE && view != QUORUM_VIEW_PLAN)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("Categories of abuse go only with a plan view"));
      return FALSE;
    }

  if (view == QUORUM_VIEW_DECLINE && is_blank (reason))
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("A group that declines to give a view must give its reason"));
      return FALSE;
    }

  /* DOMAIN "the vote, as a last resort": only after an attempt that reached no consensus. */
  if (quorum_conference_last_attempt (conference, child_id) == NULL)
    {
      /* Under chair-decides there is no vote (002 §4.1): the views come before the chair's
       * decision, which needs an attempt that reached no consensus as a vote does. */
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   conference->rule == QUORUM_RULE_CHAIR_DECIDES
                     ? _("The chair decides only when there is no consensus: record the attempt to reach "
                         "a consensus for %s (and that it reached none) before the groups give their views")
                     : _("The vote is a last resort: record the attempt to reach a consensus for %s "
                         "(and that it reached none) before the groups give their views"),
                   child->name);
      return FALSE;
    }

  return TRUE;
}

gboolean
quorum_check_vote_worded_by_rule (const QuorumConference *conference,
                                  gint64                  child_id)
{
  const QuorumAttempt *last;

  g_return_val_if_fail (conference != NULL, FALSE);

  last = quorum_conference_last_attempt (conference, child_id);
  return last == NULL || consensus_reached (last);
}

static QuorumDissent *
dissent_new (const QuorumConference *conference,
             const char             *group,
             const QuorumVote       *vote)
{
  QuorumDissent *dissent = g_new0 (QuorumDissent, 1);

  dissent->group = g_strdup (group);
  dissent->view = vote->view;
  dissent->categories = vote->categories;
  dissent->representatives = quorum_conference_group_members (conference, group);
  dissent->reason = g_strdup (vote->reason);

  return dissent;
}

/* Where a group's representatives could not agree, each kept their own position: only those
 * who differ from @outcome dissent, each with their own reason (DOMAIN "Reaching a decision" 6).
 * The group's settled view, when it differs from @outcome, dissents too, with the group's own
 * reason first (DOMAIN 3: its reasons, in their own words), even if no representative held it. */
static void
add_member_dissent (GPtrArray              *dissent,
                    const QuorumConference *conference,
                    gint64                  child_id,
                    const char             *group,
                    const QuorumVote       *vote,
                    QuorumView              outcome)
{
  g_autoptr(GPtrArray) members = quorum_conference_member_views (conference, child_id, group);

  if (members->len == 0)
    {
      if (is_counted_view (vote->view) && vote->view != outcome)
        g_ptr_array_add (dissent, dissent_new (conference, group, vote));
      return;
    }

  /* One dissent per differing view, naming its holders; reasons in their own words. */
  for (QuorumView view = QUORUM_VIEW_PLAN; view <= QUORUM_VIEW_NO_PLAN; view++)
    {
      g_autoptr(GStrvBuilder) names = NULL;
      g_autoptr(GString) reasons = NULL;
      gboolean group_holds = vote->view == view;
      gboolean group_reason = group_holds && !is_blank (vote->reason);
      guint categories = group_holds ? vote->categories : 0;
      guint holders = 0;
      QuorumDissent *d;

      if (view == outcome)
        continue;

      for (guint i = 0; i < members->len; i++)
        holders += ((const QuorumMemberView *) g_ptr_array_index (members, i))->view == view;
      if (holders == 0 && !group_holds)
        continue;

      names = g_strv_builder_new ();
      reasons = g_string_new (group_reason ? vote->reason : NULL);
      for (guint i = 0; i < members->len; i++)
        {
          const QuorumMemberView *m = g_ptr_array_index (members, i);

          if (m->view != view)
            continue;
          categories |= m->categories;
          g_strv_builder_add (names, m->name != NULL ? m->name : "");
          if (m->reason != NULL && *m->reason != '\0')
            {
              if (reasons->len > 0)
                g_string_append (reasons, "\n");
              /* Named when another's words stand beside theirs. */
              if (holders > 1 || group_reason)
                g_string_append_printf (reasons, "%s: ", m->name != NULL ? m->name : "");
              g_string_append (reasons, m->reason);
            }
        }

      d = g_new0 (QuorumDissent, 1);
      d->group = g_strdup (group);
      d->view = view;
      d->categories = categories;
      /* The group's view that none of its representatives held: the group gave it, and of
       * its representatives only those whose own position differs from the outcome are named
       * (never one who held the outcome's view); none, when none differs. */
      if (holders == 0)
        for (guint i = 0; i < members->len; i++)
          {
            const QuorumMemberView *m = g_ptr_array_index (members, i);

            if (m->view != outcome)
              g_strv_builder_add (names, m->name != NULL ? m->name : "");
          }
      d->representatives = g_strv_builder_end (names);
      d->reason = reasons->len > 0 ? g_strdup (reasons->str) : NULL;
      g_ptr_array_add (dissent, d);
    }
}

/* The views of the voting groups for one child, in the order of the groups. A view from a
 * group that no longer has a present voting attendee is not among them: it cannot count. */
typedef struct
{
  GStrv       groups;
  GPtrArray  *votes;        /* QuorumVote* or NULL, one per group, not owned */
  GPtrArray  *without_view; /* group names, not owned */
  int         n_plan;
  int         n_no_plan;
  int         n_declined;
  guint       plan_categories;
} Tally;

static void
tally_clear (Tally *tally)
{
  g_clear_pointer (&tally->groups, g_strfreev);
  g_clear_pointer (&tally->votes, g_ptr_array_unref);
  g_clear_pointer (&tally->without_view, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Tally, tally_clear)

static void
tally_init (Tally                  *tally,
            const QuorumConference *conference,
            gint64                  child_id)
{
  memset (tally, 0, sizeof *tally);
  tally->groups = quorum_conference_child_groups (conference, child_id);
  tally->votes = g_ptr_array_new ();
  tally->without_view = g_ptr_array_new ();

  for (guint i = 0; tally->groups[i] != NULL; i++)
    {
      QuorumVote *vote = quorum_conference_find_current_vote (conference, child_id, tally->groups[i]);

      if (vote == NULL || vote->view == QUORUM_VIEW_NONE)
        {
          g_ptr_array_add (tally->votes, NULL);
          g_ptr_array_add (tally->without_view, tally->groups[i]);
          continue;
        }

      g_ptr_array_add (tally->votes, vote);

      switch (vote->view)
        {
        case QUORUM_VIEW_PLAN:
          tally->n_plan++;
          tally->plan_categories |= vote->categories;
          break;

        case QUORUM_VIEW_NO_PLAN:
          tally->n_no_plan++;
          break;

        case QUORUM_VIEW_DECLINE:
          tally->n_declined++;
          break;

        case QUORUM_VIEW_NONE:
        default:
          break;
        }
    }
}

/* Every group whose counted view differs from @outcome; declining is not dissent. */
static GPtrArray *
tally_dissent (const Tally            *tally,
               const QuorumConference *conference,
               gint64                  child_id,
               QuorumView              outcome)
{
  GPtrArray *dissent = g_ptr_array_new_with_free_func ((GDestroyNotify) quorum_dissent_free);

  for (guint i = 0; tally->groups[i] != NULL; i++)
    {
      QuorumVote *vote = g_ptr_array_index (tally->votes, i);

      if (vote != NULL && vote->view != QUORUM_VIEW_DECLINE)
        add_member_dissent (dissent, conference, child_id, tally->groups[i], vote, outcome);
    }

  return dissent;
}

/* Whether @group's representatives could not agree for @child_id: its view says so, or one of
 * them has an own position recorded (the board keeps "could not agree" ticked once one is). */
static gboolean
group_disagreed (const QuorumConference *conference,
                 gint64                  child_id,
                 const QuorumVote       *vote)
{
  g_autoptr(GPtrArray) positions = NULL;

  if (vote->members_disagreed)
    return TRUE;
  positions = quorum_conference_member_views (conference, child_id, vote->group);
  return positions->len > 0;
}

GArray *
quorum_decide_missing_positions (const QuorumConference *conference,
                                 gint64                  child_id)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_auto(GStrv) groups = NULL;

  g_return_val_if_fail (conference != NULL, out);

  if (quorum_conference_find_decision (conference, child_id) != NULL ||
      consensus_reached (quorum_conference_last_attempt (conference, child_id)))
    return out;

  groups = quorum_conference_child_groups (conference, child_id);
  for (guint g = 0; groups[g] != NULL; g++)
    {
      QuorumVote *vote = quorum_conference_find_current_vote (conference, child_id, groups[g]);
      g_autoptr(GPtrArray) positions = NULL;

      if (vote == NULL || vote->view == QUORUM_VIEW_NONE || !group_disagreed (conference, child_id, vote))
        continue;
      positions = quorum_conference_member_views (conference, child_id, groups[g]);

      /* Those in the room now, who will be in it for the decision. One who left before giving
       * theirs was not there for it and cannot give it now (quorum_check_member_view); one who
       * gave it and left keeps it. */
      for (guint i = 0; conference->attendees != NULL && i < conference->attendees->len; i++)
        {
          const QuorumAttendee *a = g_ptr_array_index (conference->attendees, i);
          gboolean given = FALSE;

          if (!a->voting || !quorum_attendee_is_present (a) ||
              !quorum_group_equal (a->line_management, groups[g]))
            continue;
          for (guint p = 0; p < positions->len && !given; p++)
            given = ((const QuorumMemberView *) g_ptr_array_index (positions, p))->attendee_id == a->id;
          if (!given)
            g_array_append_val (out, a->id);
        }
    }

  return out;
}

/* DOMAIN "Reaching a decision" 2 and 6: where a group's representatives could not agree, each
 * one's own position is kept, so that none who dissents is lost and none who held the outcome's
 * view is listed as dissenting. Without all of them the decision is not taken. */
static gboolean
check_member_positions (const QuorumConference  *conference,
                        const QuorumChild       *child,
                        GError                 **error)
{
  g_autoptr(GArray) missing = quorum_decide_missing_positions (conference, child->id);
  g_autoptr(GPtrArray) people = NULL;
  g_autofree char *names = NULL;

  if (missing->len == 0)
    return TRUE;

  people = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < missing->len; i++)
    {
      const QuorumAttendee *a = quorum_conference_find_attendee (conference, g_array_index (missing, gint64, i));
      g_autofree char *group = g_strdup_printf (_("“%s”"), a->line_management);

      /* Translators: a representative and their line-management group, "Megan Price of “Health”" */
      g_ptr_array_add (people, g_strdup_printf (_("%s of %s"), a->name, group));
    }
  names = join_names (people, FALSE);
  g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
               /* Translators: "… could not agree: Megan Price of “Health” has not given theirs
                * for Ffion Morgan’s decision. …" */
               g_dngettext (GETTEXT_PACKAGE,
                            "Each representative’s own position is recorded where a group’s representatives could "
                            "not agree: %s has not given theirs for %s’s decision. Record it before the decision",
                            "Each representative’s own position is recorded where a group’s representatives could "
                            "not agree: %s have not given theirs for %s’s decision. Record them before the decision",
                            missing->len),
               names, child->name);
  return FALSE;
}

/* DOMAIN "Reaching a decision" 6: a dissent is never shown without its reason. */
static gboolean
check_dissent_reasons (GPtrArray          *dissent,
                       const QuorumChild  *child,
                       QuorumBasis         basis,
                       GError            **error)
{
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  g_autofree char *names = NULL;

  for (guint i = 0; i < dissent->len; i++)
    {
      QuorumDissent *d = g_ptr_array_index (dissent, i);

      if (is_blank (d->reason))
        g_ptr_array_add (missing, d->group);
    }
  if (missing->len == 0)
    return TRUE;

  names = join_quoted (missing);
  if (basis == QUORUM_BASIS_CHAIR)
    g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                 g_dngettext (GETTEXT_PACKAGE,
                              "A reservation is recorded with its reason: %s holds a different view from the chair's "
                              "for %s and has given no reason; record it before the chair decides",
                              "A reservation is recorded with its reason: %s hold a different view from the chair's "
                              "for %s and have given no reason; record them before the chair decides",
                              missing->len),
                 names, child->name);
  else
    g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                 g_dngettext (GETTEXT_PACKAGE,
                              "A dissenting view needs its reason: %s dissents from the decision for %s "
                              "without one; record the group's reasons with its view",
                              "A dissenting view needs its reason: %s dissent from the decision for %s "
                              "without one; record the groups' reasons with their views",
                              missing->len),
                 names, child->name);
  return FALSE;
}

static QuorumOutcome *
outcome_new (gint64       child_id,
             const Tally *tally)
{
  QuorumOutcome *self = g_new0 (QuorumOutcome, 1);

  self->child_id = child_id;
  self->n_plan = tally->n_plan;
  self->n_no_plan = tally->n_no_plan;
  self->n_declined = tally->n_declined;
  g_date_clear (&self->plan_start, 1);
  g_date_clear (&self->referral_due, 1);

  return self;
}

static void
outcome_finish (QuorumOutcome          *self,
                const QuorumConference *conference)
{
  self->creates_plan = self->outcome == QUORUM_VIEW_PLAN;
  if (self->outcome != QUORUM_VIEW_PLAN)
    self->categories = QUORUM_CATEGORY_NONE;

  if (g_date_valid (&conference->date))
    self->plan_start = conference->date;
}

/* quorum_decide; without @check_reasons a dissent without its reason is not refused (what
 * quorum_decide_dissent_without_reason looks for). */
static QuorumOutcome *
decide_rule (const QuorumConference *conference,
             const QuorumProfile    *profile,
             QuorumCalendar         *calendar,
             gint64                  child_id,
             QuorumView              chair_view,
             guint                   chair_categories,
             gboolean                check_reasons,
             GError                **error)
{
  g_auto(Tally) tally = { 0 };
  g_autoptr(QuorumOutcome) self = NULL;
  g_autoptr(QuorumQuoracy) quoracy = NULL;
  QuorumAttempt *attempt;
  QuorumChild *child;

  g_return_val_if_fail (conference != NULL, NULL);
  g_return_val_if_fail (profile != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (quorum_conference_is_finalised (conference))
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_FINALISED,
                   _("The conference has been signed off: a decision can no longer be taken"));
      return NULL;
    }

  child = quorum_conference_find_child (conference, child_id);
  if (child == NULL)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_NOT_FOUND,
                   _("No child %lld in this conference"), (long long) child_id);
      return NULL;
    }

  if (quorum_conference_find_decision (conference, child_id) != NULL)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("The decision for %s has already been taken"), child->name);
      return NULL;
    }

  if (profile->rule == QUORUM_RULE_MAJORITY_BY_LINE_MANAGEMENT && chair_view != QUORUM_VIEW_NONE)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("The chair gives the decision only under a chair-decides policy; under this one the majority of the groups decides"));
      return NULL;
    }

  if (chair_view != QUORUM_VIEW_NONE && !is_counted_view (chair_view))
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("The chair’s view is plan or no plan"));
      return NULL;
    }

  if (!check_known_categories (chair_categories, error))
    return NULL;

  if (chair_categories != QUORUM_CATEGORY_NONE && chair_view != QUORUM_VIEW_PLAN)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("Categories of abuse go only with the chair’s plan view"));
      return NULL;
    }

  /* An inquorate conference decides nothing, by consensus or otherwise, without its reason. */
  quoracy = quorum_quoracy_check (conference, profile);
  if (!quoracy->quorate && is_blank (conference->inquorate_reason))
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INQUORATE,
                   _("The conference is not quorate. %s. To go ahead, record the reason the conference proceeds"),
                   quoracy->missing);
      return NULL;
    }

  tally_init (&tally, conference, child_id);
  self = outcome_new (child_id, &tally);

  attempt = quorum_conference_last_attempt (conference, child_id);
  if (consensus_reached (attempt))
    {
      /* The chair only decides when there is no consensus: a contrary view is a mistake. */
      if (chair_view != QUORUM_VIEW_NONE && chair_view != attempt->agreed)
        {
          g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                       _("The conference reached consensus for %s: the chair’s view is not needed"),
                       child->name);
          return NULL;
        }

      self->outcome = attempt->agreed;
      self->basis = QUORUM_BASIS_CONSENSUS;
      self->categories = attempt->categories;
      /* Nothing was counted: a view given before the consensus is history, not a tally. */
      self->n_plan = self->n_no_plan = self->n_declined = 0;
      self->dissent = g_ptr_array_new_with_free_func ((GDestroyNotify) quorum_dissent_free);
      outcome_finish (self, conference);

      return g_steal_pointer (&self);
    }

  /* DOMAIN "Reaching a decision" 6: no vote and no chair's decision without a recorded attempt
   * that reached no consensus. */
  if (attempt == NULL)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   profile->rule == QUORUM_RULE_CHAIR_DECIDES
                     ? _("The chair decides only when there is no consensus: record the attempt to reach "
                         "a consensus for %s first")
                     : _("The vote is a last resort: record the attempt to reach a consensus for %s "
                         "(and that it reached none) first"),
                   child->name);
      return NULL;
    }

  switch (profile->rule)
    {
    case QUORUM_RULE_CHAIR_DECIDES:
      if (!is_counted_view (chair_view))
        {
          g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                       _("Under the %s policy the chair makes the decision when there is no consensus: give the chair’s view"),
                       profile->name != NULL ? profile->name : profile->id);
          return NULL;
        }

      /* Each group's view, agreement or reservation, is recorded before the chair decides. */
      if (tally.without_view->len > 0)
        {
          g_autofree char *names = join_quoted (tally.without_view);

          g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "Each group’s view (agreement or a reservation, with its reason) is recorded before the chair decides: %s has not given one yet",
                                    "Each group’s view (agreement or a reservation, with its reason) is recorded before the chair decides: %s have not given one yet",
                                    tally.without_view->len),
                       names);
          return NULL;
        }

      self->outcome = chair_view;
      self->basis = QUORUM_BASIS_CHAIR;
      self->categories = chair_categories;
      break;

    case QUORUM_RULE_MAJORITY_BY_LINE_MANAGEMENT:
    default:
      if (tally.without_view->len > 0)
        {
          g_autofree char *names = join_quoted (tally.without_view);

          g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "Every line-management group gives its view before the decision: %s has not given one yet",
                                    "Every line-management group gives its view before the decision: %s have not given one yet",
                                    tally.without_view->len),
                       names);
          return NULL;
        }

      if (tally.n_plan + tally.n_no_plan == 0)
        {
          g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_NO_VIEWS,
                       _("No group has given a plan or no-plan view, so there is nothing to decide: "
                         "record a view from each line-management group, or a consensus"));
          return NULL;
        }

      self->categories = tally.plan_categories;

      if (tally.n_plan > tally.n_no_plan)
        {
          self->outcome = QUORUM_VIEW_PLAN;
          self->basis = QUORUM_BASIS_MAJORITY;
        }
      else if (tally.n_no_plan > tally.n_plan)
        {
          self->outcome = QUORUM_VIEW_NO_PLAN;
          self->basis = QUORUM_BASIS_MAJORITY;
        }
      else
        {
          /* Bolton: an equal split makes the child subject of a plan and goes to the Head of Service. */
          self->outcome = QUORUM_VIEW_PLAN;
          self->basis = QUORUM_BASIS_SPLIT;
          self->plan_from_split = TRUE;
          self->creates_referral = TRUE;
          quorum_referral_due (profile, calendar, &conference->date, &self->referral_due);
        }
      break;
    }

  if (!check_member_positions (conference, child, error))
    return NULL;

  self->dissent = tally_dissent (&tally, conference, child_id, self->outcome);
  if (check_reasons && !check_dissent_reasons (self->dissent, child, self->basis, error))
    return NULL;
  outcome_finish (self, conference);

  return g_steal_pointer (&self);
}

QuorumOutcome *
quorum_decide (const QuorumConference *conference,
               const QuorumProfile    *profile,
               QuorumCalendar         *calendar,
               gint64                  child_id,
               QuorumView              chair_view,
               guint                   chair_categories,
               GError                **error)
{
  return decide_rule (conference, profile, calendar, child_id, chair_view, chair_categories, TRUE, error);
}

GStrv
quorum_decide_dissent_without_reason (const QuorumConference *conference,
                                      const QuorumProfile    *profile,
                                      QuorumCalendar         *calendar,
                                      gint64                  child_id,
                                      QuorumView              chair_view,
                                      guint                   chair_categories)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr(QuorumOutcome) outcome = NULL;

  g_return_val_if_fail (conference != NULL, NULL);
  g_return_val_if_fail (profile != NULL, NULL);

  outcome = decide_rule (conference, profile, calendar, child_id, chair_view, chair_categories, FALSE, NULL);
  for (guint i = 0; outcome != NULL && outcome->dissent != NULL && i < outcome->dissent->len; i++)
    {
      QuorumDissent *d = g_ptr_array_index (outcome->dissent, i);

      if (is_blank (d->reason))
        g_strv_builder_add (names, d->group);
    }

  return g_strv_builder_end (names);
}

void
quorum_outcome_free (QuorumOutcome *self)
{
  if (self == NULL)
    return;

  if (self->dissent != NULL)
    {
      g_ptr_array_set_free_func (self->dissent, (GDestroyNotify) quorum_dissent_free);
      g_clear_pointer (&self->dissent, g_ptr_array_unref);
    }

  g_free (self);
}

static gboolean
dates_equal (const GDate *a,
             const GDate *b)
{
  if (!g_date_valid (a) || !g_date_valid (b))
    return g_date_valid (a) == g_date_valid (b);

  return g_date_compare (a, b) == 0;
}

gboolean
quorum_outcome_equal (const QuorumOutcome *a,
                      const QuorumOutcome *b)
{
  guint n_a;
  guint n_b;

  if (a == NULL || b == NULL)
    return a == b;

  if (a->child_id != b->child_id || a->outcome != b->outcome || a->basis != b->basis ||
      a->categories != b->categories || a->n_plan != b->n_plan || a->n_no_plan != b->n_no_plan ||
      a->n_declined != b->n_declined || a->creates_plan != b->creates_plan ||
      a->plan_from_split != b->plan_from_split || a->creates_referral != b->creates_referral ||
      !dates_equal (&a->plan_start, &b->plan_start) ||
      (a->creates_referral && !dates_equal (&a->referral_due, &b->referral_due)))
    return FALSE;

  n_a = a->dissent != NULL ? a->dissent->len : 0;
  n_b = b->dissent != NULL ? b->dissent->len : 0;
  if (n_a != n_b)
    return FALSE;

  for (guint i = 0; i < n_a; i++)
    {
      const QuorumDissent *x = g_ptr_array_index (a->dissent, i);
      const QuorumDissent *y = g_ptr_array_index (b->dissent, i);
      guint n_x = x->representatives != NULL ? g_strv_length (x->representatives) : 0;
      guint n_y = y->representatives != NULL ? g_strv_length (y->representatives) : 0;

      if (g_strcmp0 (x->group, y->group) != 0 || x->view != y->view ||
          x->categories != y->categories || g_strcmp0 (x->reason, y->reason) != 0 || n_x != n_y)
        return FALSE;
      for (guint k = 0; k < n_x; k++)
        if (g_strcmp0 (x->representatives[k], y->representatives[k]) != 0)
          return FALSE;
    }

  return TRUE;
}

void
quorum_referral_due (const QuorumProfile *profile,
                     QuorumCalendar      *calendar,
                     const GDate         *conference_date,
                     GDate               *out)
{
  g_autoptr(QuorumCalendar) own = NULL;

  g_return_if_fail (profile != NULL);
  g_return_if_fail (out != NULL);

  g_date_clear (out, 1);
  if (conference_date == NULL || !g_date_valid (conference_date))
    return;

  if (calendar == NULL)
    calendar = own = quorum_calendar_new (profile->region);

  quorum_calendar_add_working_days (calendar, conference_date,
                                    MAX (profile->referral_working_days, 0), out);
}

void
quorum_panel_due (const QuorumProfile *profile,
                  const GDate         *notified,
                  GDate               *out)
{
  g_return_if_fail (profile != NULL);
  g_return_if_fail (out != NULL);

  g_date_clear (out, 1);
  if (notified == NULL || !g_date_valid (notified))
    return;

  *out = *notified;
  g_date_add_days (out, MAX (profile->panel_calendar_days, 0));
}

/* The attendee @attendee_id of @conference, or NULL with an error that names both. */
static QuorumAttendee *
find_attendee_or_fail (const QuorumConference  *conference,
                       gint64                   attendee_id,
                       GError                 **error)
{
  QuorumAttendee *attendee = quorum_conference_find_attendee (conference, attendee_id);

  if (attendee == NULL)
    g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_NOT_FOUND,
                 _("There is no attendee %lld in conference %lld"),
                 (long long) attendee_id, (long long) conference->id);
  return attendee;
}

/* The first decision (by its time) whose record of who was in the room @time contradicts, for
 * the attendee @attendee_id called @name (0 for one not yet on the record, counted in none): when
 * @arriving, one that counted them taken before @time (they came after a decision that counted
 * them), or one taken after @time that did not count them (DOMAIN "Nobody joins the voters of a
 * child whose decision is taken": by the timeline they were in the room, and its record says
 * they were not); when leaving, one that counted them taken after @time. A decision's
 * time is stored in UTC, an attendance time is the local HH:MM typed on the conference's date:
 * the decision's is compared in this machine's local time (GDateTime's to_local), as the chair
 * read the clock in the room. A decision recorded on another day than the conference's (the
 * minutes typed afterwards) says nothing about the time of day in the room and is passed over.
 * FALSE with an error naming the child and the decision's time. */
static gboolean
check_counted_decisions (const QuorumConference  *conference,
                         gint64                   attendee_id,
                         const char              *name,
                         const char              *time,
                         gboolean                 arriving,
                         GError                 **error)
{
  for (guint i = 0; conference->decisions != NULL && i < conference->decisions->len; i++)
    {
      const QuorumDecision *decision = g_ptr_array_index (conference->decisions, i);
      const QuorumChild *child = NULL;
      g_autoptr(GDateTime) utc = NULL;
      g_autoptr(GDateTime) local = NULL;
      g_autofree char *decided = NULL;
      QuorumPresenceStatus status;
      gboolean counted;
      GDate day;

      /* A decision recorded before its presence was kept says nothing of who was there. */
      if (decision->decided_at == NULL || decision->presence == NULL)
        continue;
      counted = quorum_conference_presence_at (conference, decision->child_id, attendee_id, &status);
      if (counted && status != QUORUM_PRESENCE_PRESENT)
        continue;
      if (!counted && !arriving)
        continue;
      if ((utc = g_date_time_new_from_iso8601 (decision->decided_at, NULL)) == NULL)
        continue;
      local = g_date_time_to_local (utc);
      g_date_clear (&day, 1);
      g_date_set_dmy (&day, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                      g_date_time_get_year (local));
      if (!g_date_valid (&conference->date) || g_date_compare (&day, &conference->date) != 0)
        continue;
      decided = g_date_time_format (local, "%H:%M");
      /* Coming in the minute the decision was taken is neither before nor after it. */
      if (!counted ? strcmp (time, decided) >= 0
                   : arriving ? strcmp (time, decided) <= 0 : strcmp (time, decided) >= 0)
        continue;

      for (guint c = 0; conference->children != NULL && c < conference->children->len && child == NULL; c++)
        if (((const QuorumChild *) g_ptr_array_index (conference->children, c))->id == decision->child_id)
          child = g_ptr_array_index (conference->children, c);
      if (!counted)
        /* Translators: "Dr Ken Moss was not counted in the room for Ruby Owen’s decision, taken
         * at 09:53: they arrived after that, not at 09:50" */
        g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                     _("%s was not counted in the room for %s’s decision, taken at %s: they arrived after that, not at %s"),
                     name, child != NULL ? quorum_conference_child_name_now (conference, child, NULL) : "?",
                     decided, time);
      else if (arriving)
        /* Translators: "Dr Ruth Ng was counted in the room for Amy Smith’s decision, taken at
         * 10:42: they arrived by then, not at 11:00" */
        g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                     _("%s was counted in the room for %s’s decision, taken at %s: they arrived by then, not at %s"),
                     name, child != NULL ? quorum_conference_child_name_now (conference, child, NULL) : "?",
                     decided, time);
      else
        /* Translators: "Dr Ruth Ng was counted in the room for Amy Smith’s decision, taken at
         * 10:42: they left after that, not at 10:30" */
        g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                     _("%s was counted in the room for %s’s decision, taken at %s: they left after that, not at %s"),
                     name, child != NULL ? quorum_conference_child_name_now (conference, child, NULL) : "?",
                     decided, time);
      return FALSE;
    }
  return TRUE;
}

/* A late arrival's time (@attendee_id 0: someone not yet on the record): at or after the
 * conference's start, not after a decision that counted them in the room nor before one that
 * did not (check_counted_decisions), and, on the day it sits, not later than now. */
static gboolean
check_arrival_time (const QuorumConference  *conference,
                    gint64                   attendee_id,
                    const char              *name,
                    const char              *time,
                    GError                 **error)
{
  if (conference->time != NULL && strcmp (time, conference->time) < 0)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("The conference started at %s: a late arrival is at or after that"), conference->time);
      return FALSE;
    }
  if (quorum_time_check (time, NULL) &&
      !check_counted_decisions (conference, attendee_id, name, time, TRUE, error))
    return FALSE;
  /* The record holds what has happened: on the day it sits, nobody arrives later than now. */
  return quorum_time_check_not_future (&conference->date, time, TRUE, error);
}

gboolean
quorum_check_arrival (const QuorumConference *conference,
                      gint64                  attendee_id,
                      const char             *time,
                      GError                **error)
{
  QuorumAttendee *attendee;

  g_return_val_if_fail (conference != NULL, FALSE);

  attendee = find_attendee_or_fail (conference, attendee_id, error);
  if (attendee == NULL)
    return FALSE;
  if (is_blank (time))
    {
      g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                           _("Give the time the attendee arrived (HH:MM)"));
      return FALSE;
    }
  if (attendee->arrived_at != NULL)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("%s’s arrival is already recorded, at %s"), attendee->name, attendee->arrived_at);
      return FALSE;
    }
  if (attendee->left_at != NULL)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("%s left at %s: an arrival is recorded before leaving"), attendee->name, attendee->left_at);
      return FALSE;
    }
  return check_arrival_time (conference, attendee->id, attendee->name, time, error);
}

gboolean
quorum_check_new_arrival (const QuorumConference *conference,
                          const char             *name,
                          const char             *time,
                          GError                **error)
{
  g_return_val_if_fail (conference != NULL, FALSE);

  if (is_blank (time))
    {
      g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                           _("Give the time the attendee arrived (HH:MM)"));
      return FALSE;
    }
  /* Someone new is counted in no decision taken: none may have been taken after they came. */
  return check_arrival_time (conference, 0, name != NULL ? name : "?", time, error);
}

gboolean
quorum_check_departure (const QuorumConference *conference,
                        gint64                  attendee_id,
                        const char             *time,
                        GError                **error)
{
  QuorumAttendee *attendee;

  g_return_val_if_fail (conference != NULL, FALSE);

  attendee = find_attendee_or_fail (conference, attendee_id, error);
  if (attendee == NULL)
    return FALSE;
  if (is_blank (time))
    {
      g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                           _("Give the time the attendee left (HH:MM)"));
      return FALSE;
    }
  if (attendee->left_at != NULL)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("%s already left, at %s"), attendee->name, attendee->left_at);
      return FALSE;
    }
  if (attendee->attendance != QUORUM_ATTENDANCE_PRESENT)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("%s is not in the room (%s): only someone present leaves"), attendee->name,
                   quorum_attendance_get_label (attendee->attendance));
      return FALSE;
    }
  if (attendee->arrived_at != NULL && strcmp (time, attendee->arrived_at) < 0)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("%s arrived at %s: they leave after that"), attendee->name, attendee->arrived_at);
      return FALSE;
    }
  if (attendee->arrived_at == NULL && conference->time != NULL && strcmp (time, conference->time) < 0)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("The conference started at %s: someone leaves after that"), conference->time);
      return FALSE;
    }
  /* Nor before a decision that counted them in the room: "counted at 10:42, left 10:30". */
  if (quorum_time_check (time, NULL) &&
      !check_counted_decisions (conference, attendee->id, attendee->name, time, FALSE, error))
    return FALSE;
  /* Nor leaves later than now: "left 10:40" at 04:22 would remove their group now and leave a
   * record that contradicts itself (left before a view at a decision taken hours before). */
  return quorum_time_check_not_future (&conference->date, time, FALSE, error);
}

gboolean
quorum_check_return (const QuorumConference *conference,
                     gint64                  attendee_id,
                     GError                **error)
{
  QuorumAttendee *attendee;

  g_return_val_if_fail (conference != NULL, FALSE);

  attendee = find_attendee_or_fail (conference, attendee_id, error);
  if (attendee == NULL)
    return FALSE;
  if (quorum_conference_is_finalised (conference))
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("Conference %lld is signed off: a leave is corrected by an amendment"),
                   (long long) conference->id);
      return FALSE;
    }
  if (attendee->left_at == NULL)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("%s has not left: there is no leave to undo"), attendee->name);
      return FALSE;
    }
  /* A decision taken while they were gone keeps who was in the room and when they had left
   * (its record names the time): that leave stands. */
  for (guint i = 0; conference->decisions != NULL && i < conference->decisions->len; i++)
    {
      const QuorumDecision *d = g_ptr_array_index (conference->decisions, i);
      const QuorumChild *child = quorum_conference_find_child (conference, d->child_id);
      QuorumPresenceStatus status;

      if (quorum_conference_presence_at (conference, d->child_id, attendee_id, &status) &&
          status == QUORUM_PRESENCE_LEFT)
        {
          /* Translators: "A. Khan had left (10:20) when Amy Jones’s decision was taken, …" */
          g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                       _("%s had left (%s) when %s’s decision was taken, and its record keeps that: the leave "
                         "stands"), attendee->name, attendee->left_at, child != NULL ? child->name : "?");
          return FALSE;
        }
    }
  return TRUE;
}

GArray *
quorum_departure_leaves_without_view (const QuorumConference *conference,
                                      gint64                  attendee_id)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (gint64));
  QuorumAttendee *attendee = quorum_conference_find_attendee (conference, attendee_id);
  gboolean other = FALSE;

  if (attendee == NULL || !attendee->voting)
    return out;

  for (guint i = 0; conference->attendees != NULL && i < conference->attendees->len; i++)
    {
      QuorumAttendee *a = g_ptr_array_index (conference->attendees, i);

      if (a->id != attendee_id && a->voting && quorum_attendee_is_present (a) &&
          quorum_group_equal (a->line_management, attendee->line_management))
        other = TRUE;
    }
  if (other)
    return out;

  for (guint i = 0; conference->children != NULL && i < conference->children->len; i++)
    {
      QuorumChild *child = g_ptr_array_index (conference->children, i);

      if (quorum_conference_find_decision (conference, child->id) != NULL)
        continue;
      if (quorum_conference_find_current_vote (conference, child->id, attendee->line_management) == NULL)
        g_array_append_val (out, child->id);
    }
  return out;
}

gboolean
quorum_check_attempt (const QuorumConference *conference,
                      GError                **error)
{
  g_auto(GStrv) groups = NULL;

  g_return_val_if_fail (conference != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  groups = quorum_conference_list_groups (conference);
  if (groups[0] != NULL)
    return TRUE;
  g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                       _("No one with a vote is in the room: a consensus attempt records the agreement of the "
                         "voting groups present, so add the attendees who are here first"));
  return FALSE;
}

gboolean
quorum_check_attempt_outcome (QuorumView   agreed,
                              guint        categories,
                              GError     **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (agreed != QUORUM_VIEW_NONE && agreed != QUORUM_VIEW_PLAN && agreed != QUORUM_VIEW_NO_PLAN)
    {
      g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                           _("A consensus attempt agrees on a plan, on no plan, or reaches no consensus"));
      return FALSE;
    }
  if (!check_known_categories (categories, error))
    return FALSE;
  if (categories != 0 && agreed != QUORUM_VIEW_PLAN)
    {
      g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                           _("Categories of abuse go only with an agreed plan"));
      return FALSE;
    }
  /* DOMAIN "Reaching a decision": a plan view carries its category of abuse. A consensus is the
   * conference's own decision, as the chair's is (quorum_check_chair_plan): the plan it makes
   * is under a category, never under none (trial 9, D2). */
  if (agreed == QUORUM_VIEW_PLAN && categories == QUORUM_CATEGORY_NONE)
    {
      g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                           _("A consensus for a child protection plan names the category of abuse it is under: "
                             "give at least one (neglect, physical, emotional or sexual)"));
      return FALSE;
    }
  return TRUE;
}

gboolean
quorum_view_change_keeps_reason (QuorumView recorded,
                                 QuorumView view)
{
  return recorded == QUORUM_VIEW_NONE || recorded == view;
}

/* The words compared as the chair sees them: surrounding blanks are no new words. */
static gboolean
same_words (const char *a,
            const char *b)
{
  g_autofree char *x = g_strstrip (g_strdup (a != NULL ? a : ""));
  g_autofree char *y = g_strstrip (g_strdup (b != NULL ? b : ""));

  return g_strcmp0 (x, y) == 0;
}

gboolean
quorum_check_view_change (const char *who,
                          QuorumView  recorded,
                          const char *recorded_reason,
                          QuorumView  view,
                          const char *reason,
                          gboolean    confirmed,
                          GError    **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (confirmed || quorum_view_change_keeps_reason (recorded, view) ||
      is_blank (recorded_reason) || is_blank (reason) || !same_words (reason, recorded_reason))
    return TRUE;

  g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
               /* Translators: a group or a representative, then the old view, then the new view
                * (twice), e.g. "Police’s reason was given for Plan: it is not recorded as its
                * reason for No plan. Give the reasons for No plan, or confirm these words for it" */
               _("%s’s reason was given for %s: it is not recorded as the reason for %s. Give the reasons "
                 "for %s, or confirm these words for it"),
               who != NULL ? who : "", quorum_view_get_label (recorded), quorum_view_get_label (view),
               quorum_view_get_label (view));
  return FALSE;
}

gboolean
quorum_check_member_view (const QuorumConference *conference,
                          gint64                  child_id,
                          gint64                  attendee_id,
                          QuorumView              view,
                          guint                   categories,
                          const char             *reason,
                          GError                **error)
{
  QuorumAttendee *attendee;

  g_return_val_if_fail (conference != NULL, FALSE);

  attendee = find_attendee_or_fail (conference, attendee_id, error);
  if (attendee == NULL)
    return FALSE;
  if (!attendee->voting || !quorum_attendee_is_present (attendee))
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("%s is not a voting representative in the room: only they give their own position"),
                   attendee->name);
      return FALSE;
    }
  if (view != QUORUM_VIEW_PLAN && view != QUORUM_VIEW_NO_PLAN)
    {
      g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                           _("A representative’s own position is plan or no plan"));
      return FALSE;
    }
  if (is_blank (reason))
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("%s’s own position needs its reason: where representatives disagree, whoever differs "
                     "from the outcome is minuted with their reasons"), attendee->name);
      return FALSE;
    }
  /* The same checks as the group's view: the child, no decision, after an attempt, categories. */
  return quorum_check_vote (conference, child_id, attendee->line_management, view, categories, reason, error);
}

gboolean
quorum_check_decision_reason (const QuorumOutcome  *outcome,
                              const char           *child_name,
                              const char           *reason,
                              GError              **error)
{
  g_return_val_if_fail (outcome != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (outcome->basis == QUORUM_BASIS_CHAIR)
    {
      if (is_blank (reason))
        {
          g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                       _("Under this policy the chair decides when there is no consensus, and the record says "
                         "why: give the chair’s reasons for the decision for %s"),
                       child_name != NULL ? child_name : "");
          return FALSE;
        }
      return quorum_check_text (reason, _("The chair’s reasons"), TRUE, QUORUM_MAX_TEXT, error);
    }

  if (reason == NULL)
    return TRUE;
  if (outcome->basis == QUORUM_BASIS_CONSENSUS)
    g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                 _("The conference reached consensus for %s: the decision is the conference’s, and the "
                   "chair’s reasons are recorded only with a decision the chair makes"),
                 child_name != NULL ? child_name : "");
  else
    g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                 _("The decision for %s is taken by the groups’ views under this policy, not by the chair: "
                   "the chair’s reasons are recorded only with a decision the chair makes"),
                 child_name != NULL ? child_name : "");
  return FALSE;
}

gboolean
quorum_check_chair_plan (QuorumView   view,
                         guint        categories,
                         GError     **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (view == QUORUM_VIEW_PLAN && (categories & QUORUM_CATEGORY_ALL) == QUORUM_CATEGORY_NONE)
    {
      g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                           _("Choose the category of abuse the plan is under, then take the decision"));
      return FALSE;
    }
  return TRUE;
}
