/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-challenge.c: the rules of the challenge of a chair's decision (002 §4.2–4.5). */

#include <string.h>
#include "quorum-gettext.h"

#include "quorum/quorum-challenge.h"
#include "quorum/quorum-date.h"
#include "quorum/quorum-error.h"

static const struct
{
  QuorumChallengeDecision  decision;
  const char              *word;
  const char              *label;
} decisions[] = {
  { QUORUM_CHALLENGE_UPHOLD, "uphold", N_("Uphold the decision reached by the conference chair") },
  { QUORUM_CHALLENGE_INTERIM_PLAN, "interim-plan", N_("An immediate interim child protection plan") },
  { QUORUM_CHALLENGE_REVIEW_FORWARD, "review-forward", N_("The review conference brought forward") },
  { QUORUM_CHALLENGE_REFER, "refer", N_("Referred to the Head of Service") },
};

void
quorum_challenge_free (QuorumChallenge *self)
{
  if (self == NULL)
    return;

  g_free (self->agency);
  g_free (self->raised_by);
  g_free (self->designated_person);
  g_free (self->concern);
  g_free (self->coordinator);
  g_free (self->reasons);
  g_free (self->recorded_at);
  g_free (self->recorded_by);
  g_free (self);
}

const char *
quorum_challenge_decision_to_string (QuorumChallengeDecision decision)
{
  for (guint i = 0; i < G_N_ELEMENTS (decisions); i++)
    if (decisions[i].decision == decision)
      return decisions[i].word;
  return NULL;
}

gboolean
quorum_challenge_decision_from_string (const char              *str,
                                       QuorumChallengeDecision *out)
{
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (decisions); i++)
    if (g_strcmp0 (decisions[i].word, str) == 0)
      {
        *out = decisions[i].decision;
        return TRUE;
      }
  return FALSE;
}

const char *
quorum_challenge_decision_get_label (QuorumChallengeDecision decision)
{
  for (guint i = 0; i < G_N_ELEMENTS (decisions); i++)
    if (decisions[i].decision == decision)
      return _(decisions[i].label);
  return NULL;
}

char *
quorum_challenge_decisions_to_string (guint flags)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (decisions); i++)
    if (flags & decisions[i].decision)
      {
        if (out->len > 0)
          g_string_append_c (out, ',');
        g_string_append (out, decisions[i].word);
      }
  return g_string_free (out, FALSE);
}

gboolean
quorum_challenge_decisions_from_string (const char *str,
                                        guint      *out)
{
  g_auto(GStrv) words = NULL;

  *out = 0;
  if (str == NULL || *str == '\0')
    return TRUE;
  words = g_strsplit (str, ",", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      QuorumChallengeDecision d;

      if (!quorum_challenge_decision_from_string (g_strstrip (words[i]), &d))
        return FALSE;
      *out |= d;
    }
  return TRUE;
}

gboolean
quorum_profile_has_challenge_route (const QuorumProfile *profile)
{
  return profile != NULL && profile->challenge_decisions != 0;
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static void
add_agency (GPtrArray  *agencies,
            const char *agency)
{
  if (agency == NULL || *agency == '\0')
    return;
  for (guint i = 0; i < agencies->len; i++)
    if (quorum_group_equal (g_ptr_array_index (agencies, i), agency))
      return;
  g_ptr_array_add (agencies, g_strdup (agency));
}

GStrv
quorum_challenge_dup_agencies (const QuorumConference *conference,
                               gint64                  child_id)
{
  g_autoptr(GPtrArray) agencies = g_ptr_array_new_with_free_func (g_free);
  const QuorumDecision *decision;

  g_return_val_if_fail (conference != NULL, NULL);

  decision = quorum_conference_find_decision (conference, child_id);
  for (guint i = 0; decision != NULL && decision->dissent != NULL && i < decision->dissent->len; i++)
    add_agency (agencies, ((const QuorumDissent *) g_ptr_array_index (decision->dissent, i))->group);

  /* A representative named in a group's dissent speaks for their own agency too. */
  for (guint i = 0; decision != NULL && decision->dissent != NULL && i < decision->dissent->len; i++)
    {
      const QuorumDissent *dissent = g_ptr_array_index (decision->dissent, i);

      for (guint r = 0; dissent->representatives != NULL && dissent->representatives[r] != NULL; r++)
        for (guint j = 0; conference->attendees != NULL && j < conference->attendees->len; j++)
          {
            const QuorumAttendee *a = g_ptr_array_index (conference->attendees, j);

            if (g_strcmp0 (a->name, dissent->representatives[r]) == 0 &&
                quorum_group_equal (a->line_management, dissent->group))
              add_agency (agencies, a->agency);
          }
    }

  g_ptr_array_add (agencies, NULL);
  return (GStrv) g_ptr_array_steal (agencies, NULL);
}

gboolean
quorum_challenge_check_raise (const QuorumConference *conference,
                              const QuorumProfile    *profile,
                              gint64                  child_id,
                              const char             *agency,
                              const char             *designated_person,
                              const GDate            *raised_on,
                              GError                **error)
{
  QuorumChild *child;
  QuorumDecision *decision;
  g_auto(GStrv) agencies = NULL;
  gboolean dissented = FALSE;

  g_return_val_if_fail (conference != NULL, FALSE);

  if (!quorum_profile_has_challenge_route (profile))
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("The %s policy has no challenge route for a conference decision: a disagreement "
                     "with it is a professional difference (difference raise)"),
                   profile != NULL && profile->name != NULL ? profile->name
                   : conference->profile_id != NULL ? conference->profile_id : "?");
      return FALSE;
    }

  child = quorum_conference_find_child (conference, child_id);
  if (child == NULL)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_NOT_FOUND,
                   _("No child %lld in this conference"), (long long) child_id);
      return FALSE;
    }

  decision = quorum_conference_find_decision (conference, child_id);
  if (decision == NULL)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("No decision has been taken for %s: a challenge is against a conference’s decision"),
                   child->name);
      return FALSE;
    }

  if (is_blank (agency))
    {
      g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                           _("Name the dissenting agency that challenges the decision"));
      return FALSE;
    }

  agencies = quorum_challenge_dup_agencies (conference, child_id);
  for (guint i = 0; agencies[i] != NULL; i++)
    dissented |= quorum_group_equal (agencies[i], agency);
  if (!dissented)
    {
      g_autofree char *joined = g_strjoinv (", ", agencies);
      g_autofree char *who = NULL;

      /* Who may challenge it, so that the chair can name them as recorded. */
      who = agencies[0] != NULL ? g_strdup_printf (_("The agencies that dissented: %s"), joined)
                                : g_strdup (_("No agency dissented from it"));
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   /* Translators: the last %s says who dissented ("The agencies that dissented: …") */
                   _("“%s” did not dissent from the decision for %s: only a dissenting agency challenges it. %s"),
                   agency, child->name, who);
      return FALSE;
    }

  if (is_blank (designated_person))
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("Name the %s the challenge was raised with"),
                   profile->challenge_raised_with != NULL ? profile->challenge_raised_with
                                                          : _("Designated Person"));
      return FALSE;
    }

  if (raised_on == NULL || !g_date_valid (raised_on))
    {
      g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                           _("The challenge needs the date it was raised (YYYY-MM-DD)"));
      return FALSE;
    }
  if (g_date_valid (&conference->date) && g_date_compare (raised_on, &conference->date) < 0)
    {
      g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                           _("A challenge is raised on or after the conference whose decision it challenges"));
      return FALSE;
    }

  return quorum_date_check_not_future (raised_on, _("The date the challenge was raised"), error);
}

gboolean
quorum_challenge_check_alert (const QuorumChallenge *challenge,
                              const char            *coordinator,
                              const GDate           *alerted_on,
                              GError               **error)
{
  g_return_val_if_fail (challenge != NULL, FALSE);

  if (g_date_valid (&challenge->alerted_on))
    {
      g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                           _("The Co-ordinator has already been alerted to this challenge"));
      return FALSE;
    }
  if (is_blank (coordinator))
    {
      g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                           _("Name the Safeguarding Co-ordinator who was alerted"));
      return FALSE;
    }
  if (alerted_on == NULL || !g_date_valid (alerted_on))
    {
      g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                           _("The alert needs its date (YYYY-MM-DD)"));
      return FALSE;
    }
  if (g_date_compare (alerted_on, &challenge->raised_on) < 0)
    {
      g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                           _("The Co-ordinator is alerted on or after the day the challenge was raised"));
      return FALSE;
    }
  return quorum_date_check_not_future (alerted_on, _("The date the Co-ordinator was alerted"), error);
}

gboolean
quorum_challenge_alert_is_late (const QuorumChallenge *challenge)
{
  g_return_val_if_fail (challenge != NULL, FALSE);

  return g_date_valid (&challenge->alerted_on) && g_date_valid (&challenge->raised_on) &&
         g_date_compare (&challenge->alerted_on, &challenge->raised_on) > 0;
}

gboolean
quorum_challenge_check_decide (const QuorumConference *conference,
                               const QuorumProfile    *profile,
                               const QuorumChallenge  *challenge,
                               const GDate            *decided_on,
                               guint                   flags,
                               const GDate            *review_date,
                               GError                **error)
{
  guint refused;

  g_return_val_if_fail (conference != NULL, FALSE);
  g_return_val_if_fail (challenge != NULL, FALSE);

  if (!g_date_valid (&challenge->alerted_on))
    {
      g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                           _("The Co-ordinator decides once alerted: record the Designated Person’s alert first (challenge alert)"));
      return FALSE;
    }
  if (g_date_valid (&challenge->decided_on))
    {
      g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                           _("The Co-ordinator has already decided on this challenge"));
      return FALSE;
    }
  if (decided_on == NULL || !g_date_valid (decided_on))
    {
      g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                           _("The Co-ordinator’s decision needs its date (YYYY-MM-DD)"));
      return FALSE;
    }
  if (g_date_compare (decided_on, &challenge->alerted_on) < 0)
    {
      g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                           _("The Co-ordinator decides on or after the day of the alert"));
      return FALSE;
    }
  if (!quorum_date_check_not_future (decided_on, _("The date of the Co-ordinator’s decision"), error))
    return FALSE;
  if ((flags & QUORUM_CHALLENGE_ALL) == 0 || (flags & ~(guint) QUORUM_CHALLENGE_ALL) != 0)
    {
      g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                           _("Say what the Co-ordinator decided: uphold, interim plan, review brought forward, "
                             "refer to the Head of Service (one or more)"));
      return FALSE;
    }
  refused = flags & ~(profile != NULL ? profile->challenge_decisions : 0);
  if (refused != 0)
    {
      g_autofree char *words = quorum_challenge_decisions_to_string (refused);

      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("The policy does not give the Co-ordinator this decision: %s"), words);
      return FALSE;
    }
  /* 002 §4.5 lists the Co-ordinator's choices as "Uphold the decision reached by the
   * conference chair, or / Ensure that immediate interim child protection plan is put in place;
   * and/or / Require that a review conference be brought forward / Refer the matter to relevant
   * Head of Service". The "and/or" joins the interim plan to what follows it; upholding is set
   * against the interim plan by "or". Upholding a decision of no plan while putting a plan in
   * place contradicts it (and a decision of a plan needs no interim one), so the two stay
   * alternatives, where DOMAIN's "in any combination" would allow them: the seed's words win. */
  if ((flags & QUORUM_CHALLENGE_UPHOLD) && (flags & QUORUM_CHALLENGE_INTERIM_PLAN))
    {
      g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                           _("Upholding the chair’s decision and putting an interim plan in place are alternatives: choose one"));
      return FALSE;
    }
  if ((flags & QUORUM_CHALLENGE_INTERIM_PLAN) &&
      quorum_conference_find_plan (conference, challenge->child_id) != NULL)
    {
      g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                           _("The child is already subject of a child protection plan: no interim plan is needed"));
      return FALSE;
    }
  if ((flags & QUORUM_CHALLENGE_REVIEW_FORWARD) != 0)
    {
      if (review_date == NULL || !g_date_valid (review_date))
        {
          g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                               _("Bringing the review conference forward needs its new date (YYYY-MM-DD)"));
          return FALSE;
        }
      if (g_date_compare (review_date, decided_on) < 0)
        {
          g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                               _("The review conference is brought forward to a date on or after the Co-ordinator’s decision"));
          return FALSE;
        }
    }
  else if (review_date != NULL && g_date_valid (review_date))
    {
      g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                           _("A review date goes only with bringing the review conference forward"));
      return FALSE;
    }
  if ((flags & QUORUM_CHALLENGE_REFER) &&
      quorum_conference_find_referral (conference, challenge->child_id) != NULL)
    {
      g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                           _("This child’s matter is already referred to the Head of Service"));
      return FALSE;
    }
  return TRUE;
}

QuorumChallenge *
quorum_conference_find_challenge (const QuorumConference *conference,
                                  gint64                  challenge_id)
{
  for (guint i = 0; conference->challenges != NULL && i < conference->challenges->len; i++)
    {
      QuorumChallenge *c = g_ptr_array_index (conference->challenges, i);

      if (c->id == challenge_id)
        return c;
    }
  return NULL;
}
