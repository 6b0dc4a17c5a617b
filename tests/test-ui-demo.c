/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-demo.c: the demo shows every state a new user should see, loaded as a person loads it
 * (Load Demo Conferences): a split with its referral, a majority, a chair's decision, a
 * conference in session, a signed-off conference with an amendment, referrals overdue,
 * awaiting the panel and heard, and differences at several stages, one at immediate risk.
 * Loading it twice adds nothing. */

#include <stdio.h>

#include "test-ui-common.h"

#include "store/quorum-store-difference.h"

typedef struct
{
  guint split_with_referral;
  guint majority;
  guint chair;
  guint undecided;
  guint signed_off_amended;
  guint conferences;
} Seen;

static void
read_conferences (QuorumStore *store,
                  Seen        *seen)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = quorum_store_list_conferences (store, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  *seen = (Seen) { 0 };
  seen->conferences = all->len;

  for (guint i = 0; i < all->len; i++)
    {
      gint64 id = ((QuorumConferenceSummary *) g_ptr_array_index (all, i))->id;
      g_autoptr(QuorumConference) conference = ui_test_load (store, id);

      if (conference->finalised_at != NULL && conference->amendments->len > 0)
        seen->signed_off_amended++;
      /* The demonstration does not contradict itself: a correction names a value the record
       * holds as its original (a name "first typed" is the name the record shows), and the
       * chair who sat decides and signs, not whoever loaded it. */
      for (guint a = 0; a < conference->amendments->len; a++)
        {
          const QuorumAmendment *amendment = g_ptr_array_index (conference->amendments, a);
          gint64 attendee_id = 0;

          g_assert_nonnull (amendment->record);
          g_assert_true (sscanf (amendment->record, "attendee:%" G_GINT64_FORMAT, &attendee_id) == 1);
          g_assert_cmpstr (quorum_conference_find_attendee (conference, attendee_id)->name, ==, amendment->old_value);
          g_assert_cmpstr (amendment->by, ==, conference->chair);
        }
      if (conference->finalised_at != NULL)
        g_assert_cmpstr (conference->finalised_by, ==, conference->chair);
      for (guint d = 0; d < conference->decisions->len; d++)
        g_assert_cmpstr (((QuorumDecision *) g_ptr_array_index (conference->decisions, d))->decided_by, ==,
                         conference->chair);
      if (conference->decisions->len < conference->children->len)
        seen->undecided++;

      for (guint d = 0; d < conference->decisions->len; d++)
        {
          QuorumDecision *decision = g_ptr_array_index (conference->decisions, d);

          if (decision->basis == QUORUM_BASIS_MAJORITY)
            seen->majority++;
          else if (decision->basis == QUORUM_BASIS_CHAIR)
            seen->chair++;
          else if (decision->basis == QUORUM_BASIS_SPLIT && conference->referrals->len > 0)
            seen->split_with_referral++;
        }
    }
}

static void
test_demo_every_state (void)
{
  g_autofree char *path = ui_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = quorum_store_open (path, &error);
  g_autoptr(GPtrArray) referrals = NULL;
  g_autoptr(GPtrArray) differences = NULL;
  guint overdue = 0, awaiting = 0, heard = 0;
  guint stage_one = 0, escalated = 0, immediate = 0, resolved = 0, discussed = 0;
  QuorumWindow *window;
  guint n_conferences;
  Seen seen;

  g_assert_no_error (error);
  window = ui_test_window_new (store, 1280, 800);

  /* As the chair does: the window's menu item. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.load-demo", NULL));
  ui_test_iterate (200);

  read_conferences (store, &seen);
  g_assert_cmpuint (seen.split_with_referral, >=, 1);
  g_assert_cmpuint (seen.majority, >=, 1);
  g_assert_cmpuint (seen.chair, >=, 1);
  g_assert_cmpuint (seen.undecided, >=, 1);          /* a conference still in session */
  g_assert_cmpuint (seen.signed_off_amended, >=, 1);
  n_conferences = seen.conferences;

  referrals = quorum_store_list_referrals (store, NULL, FALSE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < referrals->len; i++)
    {
      QuorumReferralRow *row = g_ptr_array_index (referrals, i);

      if (row->overdue)
        overdue++;
      else if (g_date_valid (&row->notified) && !g_date_valid (&row->panel_date))
        awaiting++;
      if (g_date_valid (&row->panel_date) && row->outcome != QUORUM_PANEL_NONE)
        heard++;
    }
  /* Awaiting: sent and not heard, or not yet due to be sent. */
  for (guint i = 0; i < referrals->len; i++)
    {
      QuorumReferralRow *row = g_ptr_array_index (referrals, i);

      if (!row->overdue && !g_date_valid (&row->notified))
        awaiting++;
    }
  g_assert_cmpuint (overdue, >=, 1);
  g_assert_cmpuint (awaiting, >=, 1);
  g_assert_cmpuint (heard, >=, 1);

  differences = quorum_store_list_differences (store, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < differences->len; i++)
    {
      QuorumDifference *d = g_ptr_array_index (differences, i);
      g_autoptr(QuorumDifference) whole = quorum_store_load_difference (store, d->id, &error);

      g_assert_no_error (error);
      if (whole->status == QUORUM_DIFFERENCE_RESOLVED)
        resolved++;
      else if (whole->stages->len > 1)
        escalated++;
      else
        stage_one++;
      if (whole->immediate_risk)
        immediate++;
      if (whole->notes->len > 0)
        discussed++;
    }
  g_assert_cmpuint (stage_one, >=, 1);
  g_assert_cmpuint (escalated, >=, 1);
  g_assert_cmpuint (immediate, >=, 1);
  g_assert_cmpuint (resolved, >=, 1);
  g_assert_cmpuint (discussed, >=, 1);

  /* Loading the demo again adds nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.load-demo", NULL));
  ui_test_iterate (200);
  read_conferences (store, &seen);
  g_assert_cmpuint (seen.conferences, ==, n_conferences);
  {
    g_autoptr(GPtrArray) again = quorum_store_list_differences (store, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (again->len, ==, differences->len);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/demo/every-state", test_demo_every_state);

  return g_test_run ();
}
