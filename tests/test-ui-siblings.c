/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-siblings.c: what a chair met running a conference of siblings live, driven as a person
 * drives it (xdotool: real clicks and keys through the X server): Ctrl+Page_Down puts the focus
 * where the chair goes on with the next child (its consensus proposal, or the first group still
 * to give its view); a sibling's empty attempt starts from the previous sibling's words at a
 * click, typed, not recorded; "the representatives could not agree" said after the group's view
 * is recorded; a decided card's plan without a category of abuse says so. */

#include "test-ui-live-common.h"

#define PROPOSAL "A child protection plan under neglect"
#define SUMMARY "Health and the school describe the same missed appointments and hunger"

typedef struct
{
  char         *path;
  QuorumStore  *store;
  QuorumWindow *window;
  gint64        conf;
  gint64        child[3];
} Siblings;

static const char * const sibling_names[] = { "Amy Live", "Ben Live", "Cal Live", NULL };
static const char * const sibling_groups[] = { "Children's Social Care", "Police", "NHS Trust", NULL };

/* Three siblings, three agencies (the trust with two representatives when @data says so), and
 * nothing recorded yet; no window. */
static void
siblings_set_up (Siblings      *fx,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  QuorumConferenceSpec spec = {
    .kind = QUORUM_KIND_INITIAL, .chair = "Jo Chair", .profile_id = "bolton", .children = sibling_names,
  };

  /* The chair's name kept (ui_test_db_path): the record names Jo Chair. */
  fx->path = ui_test_db_path ();
  fx->store = quorum_store_open (fx->path, &error);
  g_assert_no_error (error);
  quorum_store_set_signer (fx->store, "Jo Chair");

  g_date_set_dmy (&spec.date, 2, G_DATE_MARCH, 2026);
  fx->conf = quorum_store_create_conference (fx->store, &spec, &error);
  g_assert_no_error (error);
  for (guint i = 0; sibling_groups[i] != NULL; i++)
    {
      g_autofree char *name = g_strdup_printf ("Rep of %s", sibling_groups[i]);
      QuorumAttendeeSpec attendee = {
        .name = name, .agency = sibling_groups[i], .line_management = sibling_groups[i], .voting = TRUE,
      };

      quorum_store_add_attendee (fx->store, fx->conf, &attendee, &error);
      g_assert_no_error (error);
    }
  if (GPOINTER_TO_INT (data))
    {
      QuorumAttendeeSpec bea = {
        .name = "Bea Visitor", .agency = "NHS Trust", .line_management = "NHS Trust", .voting = TRUE,
        .attendance = QUORUM_ATTENDANCE_PRESENT,
      };

      quorum_store_add_attendee (fx->store, fx->conf, &bea, &error);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < 3; i++)
    fx->child[i] = ui_test_child_id (fx->store, fx->conf, i);
}

static void
siblings_tear_down (Siblings      *fx,
                    gconstpointer  data)
{
  if (fx->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fx->window));
  ui_test_iterate (50);
  g_clear_object (&fx->store);
  g_free (fx->path);
}

static void
siblings_open (Siblings *fx,
               gint64    child_id)
{
  fx->window = ui_test_window_new (fx->store, 1280, 900);
  g_assert_true (quorum_window_open_conference (fx->window, fx->conf, child_id));
  ui_test_iterate (300);
}

static void
add_attempt (Siblings   *fx,
             gint64      child_id,
             const char *proposal,
             const char *summary)
{
  g_autoptr(GError) error = NULL;
  QuorumAttemptSpec attempt = { .child_id = child_id, .proposal = proposal, .summary = summary };

  quorum_store_add_attempt (fx->store, fx->conf, &attempt, &error);
  g_assert_no_error (error);
}

static void
add_vote (Siblings   *fx,
          gint64      child_id,
          const char *group,
          QuorumView  view,
          guint       categories,
          const char *reason)
{
  g_autoptr(GError) error = NULL;
  QuorumVoteSpec vote = {
    .child_id = child_id, .group = group, .view = view, .categories = categories, .reason = reason,
  };

  quorum_store_record_vote (fx->store, fx->conf, &vote, &error);
  g_assert_no_error (error);
}

static QuorumChildPanel *
panel_of_child (Siblings *fx,
                gint64    child_id)
{
  QuorumChildPanel *panel = quorum_conference_page_get_child_panel (quorum_window_get_conference_page (fx->window),
                                                                    child_id);

  g_assert_nonnull (panel);
  return panel;
}

static GtkWidget *
named_in_child (Siblings   *fx,
                gint64      child_id,
                const char *name)
{
  GtkWidget *widget = ui_test_find_named (GTK_WIDGET (panel_of_child (fx, child_id)), name);

  g_assert_nonnull (widget);
  return widget;
}


static GtkWidget *
no_plan_button (QuorumVoteCard *card)
{
  GtkWidget *button = find_labelled (GTK_WIDGET (card), GTK_TYPE_TOGGLE_BUTTON, "No plan");

  g_assert_nonnull (button);
  return button;
}

static gboolean
has_focus_in (QuorumWindow *window,
              GtkWidget    *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* The focus widget and its named ancestors, for the log. */
static char *
focus_name (QuorumWindow *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  GString *path = g_string_new (focus != NULL ? G_OBJECT_TYPE_NAME (focus) : "(nothing)");

  if (focus != NULL && GTK_IS_BUTTON (focus) && gtk_button_get_label (GTK_BUTTON (focus)) != NULL)
    g_string_append_printf (path, " “%s”", gtk_button_get_label (GTK_BUTTON (focus)));
  if (focus != NULL && GTK_IS_BUTTON (focus) && gtk_button_get_icon_name (GTK_BUTTON (focus)) != NULL)
    g_string_append_printf (path, " (%s)", gtk_button_get_icon_name (GTK_BUTTON (focus)));
  for (GtkWidget *w = focus != NULL ? gtk_widget_get_parent (focus) : NULL; w != NULL; w = gtk_widget_get_parent (w))
    if (g_strcmp0 (gtk_widget_get_name (w), G_OBJECT_TYPE_NAME (w)) != 0 || QUORUM_IS_CHILD_PANEL (w) ||
        GTK_IS_LIST_BOX (w) || QUORUM_IS_CONFERENCE_PAGE (w))
      g_string_append_printf (path, " < %s", gtk_widget_get_name (w));
  return g_string_free (path, FALSE);
}

/* The words of @field kept as a draft of @child_id's attempt, or "" */
static char *
attempt_draft_in_db (Siblings   *fx,
                     gint64      child_id,
                     const char *field)
{
  g_autofree char *table = ui_test_drafts_table (UI_TEST_CHAIR);
  g_autofree char *sql = g_strdup_printf ("SELECT text FROM %s WHERE scope = 'child:%" G_GINT64_FORMAT
                                          ":attempt' AND field = '%s'", table, child_id, field);

  return ui_test_db_sql (fx->path, sql);
}

static char *
vote_in_db (Siblings   *fx,
            gint64      child_id,
            const char *group)
{
  g_autofree char *sql = g_strdup_printf ("SELECT view || '|' || members_disagreed FROM vote WHERE child_id = %"
                                          G_GINT64_FORMAT " AND grp = '%s'", child_id, group);

  return ui_test_db_sql (fx->path, sql);
}

static char *
attempts_in_db (Siblings *fx,
                gint64    child_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM attempt WHERE child_id = %" G_GINT64_FORMAT, child_id);

  return ui_test_db_sql (fx->path, sql);
}

/* ---- 1: Ctrl+Page_Down, and the focus where the chair goes on ---- */

/* Amy's vote is open, Ben has nothing recorded, Cal's board is past consensus with Children's
 * Social Care's view given. From Amy's board, Ctrl+Page_Down: the focus in Ben's proposal, and
 * the words typed go there (kept as its draft); Ctrl+Page_Down again: the focus on Police's view
 * on Cal's board (the first still to give one), and Space records Police's plan for Cal. The
 * focus went to the Attendees list, and the words and the Space with it. */
static void
test_next_child_focus (Siblings      *fx,
                       gconstpointer  data)
{
  g_autofree char *draft = NULL;
  g_autofree char *vote = NULL;
  QuorumVoteCard *card;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  add_attempt (fx, fx->child[0], NULL, "No agreement");
  add_attempt (fx, fx->child[2], NULL, "No agreement");
  add_vote (fx, fx->child[2], "Children's Social Care", QUORUM_VIEW_NO_PLAN, 0, NULL);
  siblings_open (fx, fx->child[0]);

  /* The conference just opened on Amy; the keyboard is where the window put it. */
  {
    g_autofree char *where = focus_name (fx->window);

    g_test_message ("focus as the conference opens: %s", where);
  }
  g_assert_false (has_focus_in (fx->window, named_in_child (fx, fx->child[1], "proposal-row")));

  ui_test_key ("ctrl+Page_Down");
  ui_test_settle (400);
  {
    g_autofree char *where = focus_name (fx->window);

    g_test_message ("focus after Ctrl+Page_Down to Ben: %s", where);
  }
  g_assert_true (has_focus_in (fx->window, named_in_child (fx, fx->child[1], "proposal-row")));
  ui_test_type ("Plan for Ben");
  ui_test_iterate (QUORUM_DRAFT_DELAY_MS + 400);
  draft = attempt_draft_in_db (fx, fx->child[1], "proposal");
  g_assert_cmpstr (draft, ==, "Plan for Ben");
  ui_test_screenshot (GTK_WIDGET (fx->window), "next-child-focus-proposal");

  ui_test_key ("ctrl+Page_Down");
  ui_test_settle (400);
  {
    g_autofree char *where = focus_name (fx->window);

    g_test_message ("focus after Ctrl+Page_Down to Cal: %s", where);
  }
  card = ui_test_card (fx->window, fx->child[2], "Police");
  g_assert_true (has_focus_in (fx->window, GTK_WIDGET (card)));
  /* The chair came from typing Ben's proposal: a Space right away is taken as words, and
   * chooses nothing (trial 8). A key that is no text first (Home: the first view), then Space,
   * records Police's plan. */
  ui_test_key ("space");
  ui_test_settle (300);
  vote = vote_in_db (fx, fx->child[2], "Police");
  g_assert_cmpstr (vote, ==, "");
  g_clear_pointer (&vote, g_free);
  ui_test_key ("Home");
  ui_test_key ("space");
  ui_test_settle (300);
  vote = vote_in_db (fx, fx->child[2], "Police");
  g_assert_cmpstr (vote, ==, "plan|0");
  ui_test_screenshot (GTK_WIDGET (fx->window), "next-child-focus-first-waiting-view");

  /* And back (Ctrl+Page_Up): Ben's proposal holds words; the focus goes to it again, as README
   * says, not to the summary (the first field still empty, as it was). */
  ui_test_key ("ctrl+Page_Up");
  ui_test_settle (400);
  g_assert_true (has_focus_in (fx->window, named_in_child (fx, fx->child[1], "proposal-row")));
}

/* ---- 2: a sibling's attempt from the previous sibling's words ---- */

static GtkWidget *
same_as_button (Siblings *fx,
                gint64    child_id)
{
  return named_in_child (fx, child_id, "same-as-button");
}

/* Amy's attempt recorded with its proposal and summary; on Ben's empty form, "Same as Amy Live"
 * clicked: the words are in Ben's fields, kept as Ben's draft, and nothing is recorded; the
 * chair adds to the summary and records: Ben's attempt holds the proposal and the summary as
 * edited. Cal's offer is then Ben's words. Nothing is offered on Amy's (the first) nor on a form
 * that holds words. */
static void
test_same_as_previous_sibling (Siblings      *fx,
                               gconstpointer  data)
{
  g_autofree char *count = NULL;
  g_autofree char *proposal = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *label = NULL;
  g_autoptr(QuorumConference) c = NULL;
  QuorumAttempt *attempt;
  GtkWidget *button;
  GtkWidget *summary_view;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  add_attempt (fx, fx->child[0], PROPOSAL, SUMMARY);
  siblings_open (fx, fx->child[1]);

  button = same_as_button (fx, fx->child[1]);
  g_assert_true (gtk_widget_get_mapped (button));
  label = g_strdup (gtk_button_get_label (GTK_BUTTON (button)));
  g_assert_nonnull (strstr (label, "Amy Live"));
  ui_test_screenshot (GTK_WIDGET (fx->window), "same-as-offered");

  ui_test_click (button, -1, -1);
  ui_test_iterate (QUORUM_DRAFT_DELAY_MS + 400);

  /* Typed, not recorded: the fields hold the words, the draft keeps them, no attempt. */
  count = attempts_in_db (fx, fx->child[1]);
  g_assert_cmpstr (count, ==, "0");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named_in_child (fx, fx->child[1], "proposal-row"))), ==, PROPOSAL);
  proposal = attempt_draft_in_db (fx, fx->child[1], "proposal");
  summary = attempt_draft_in_db (fx, fx->child[1], "summary");
  g_assert_cmpstr (proposal, ==, PROPOSAL);
  g_assert_cmpstr (summary, ==, SUMMARY);
  g_assert_true (ui_test_marker_shown (named_in_child (fx, fx->child[1], "attempt-draft-marker")));
  /* Offered only on an empty form. */
  g_assert_false (gtk_widget_get_mapped (button));
  ui_test_screenshot (GTK_WIDGET (fx->window), "same-as-copied");

  /* The chair edits the summary (at its end) and records. */
  summary_view = GTK_WIDGET (quorum_text_field_get_view (QUORUM_TEXT_FIELD (named_in_child (fx, fx->child[1], "summary-field"))));
  ui_test_click (summary_view, -1, -1);
  ui_test_key ("ctrl+End");
  ui_test_type (" Ben too.");
  /* "Same as" gives the words, not the outcome: siblings can differ, and Record refuses an
   * outcome not chosen (forms4). */
  adw_combo_row_set_selected (ADW_COMBO_ROW (ui_test_template_child (panel_of_child (fx, fx->child[1]),
                                                                     QUORUM_TYPE_CHILD_PANEL, "agreed_row")), 1);
  ui_test_click (find_labelled (GTK_WIDGET (panel_of_child (fx, fx->child[1])), GTK_TYPE_BUTTON, "_Record Attempt"), -1, -1);
  ui_test_settle (400);

  c = ui_test_load (fx->store, fx->conf);
  attempt = quorum_conference_last_attempt (c, fx->child[1]);
  g_assert_nonnull (attempt);
  g_assert_cmpstr (attempt->proposal, ==, PROPOSAL);
  g_assert_cmpstr (attempt->summary, ==, SUMMARY " Ben too.");
  g_clear_pointer (&proposal, g_free);
  proposal = attempt_draft_in_db (fx, fx->child[1], "proposal");
  g_assert_cmpstr (proposal, ==, "");

  /* Cal's is Ben's words; Amy (the first) is offered nothing. */
  g_clear_pointer (&label, g_free);
  label = g_strdup (gtk_button_get_label (GTK_BUTTON (same_as_button (fx, fx->child[2]))));
  g_assert_nonnull (strstr (label, "Ben Live"));
  g_assert_false (gtk_widget_get_visible (same_as_button (fx, fx->child[0])));

  /* Cal's form with words of its own: nothing offered over them. */
  ui_test_key ("ctrl+Page_Down");
  ui_test_settle (400);
  gtk_widget_grab_focus (named_in_child (fx, fx->child[2], "proposal-row"));
  ui_test_type ("Cal's own");
  ui_test_settle (200);
  g_assert_false (gtk_widget_get_mapped (same_as_button (fx, fx->child[2])));
}

static void siblings_open_sized (Siblings *fx, gint64 child_id, int width, int height);

/* The label under @root whose text is @text, or NULL. */
static GtkWidget *
label_with_text (GtkWidget  *root,
                 const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = label_with_text (c, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Trial 7, A11: at 1180 px with the attendees shown, "Same as Leo Carter" beside the form's
 * heading cut it to "Record an Attempt at …": the draft marker, unseen, kept its room beside the
 * button. The heading is whole; the marker's room comes back with a draft. */
static void
test_same_as_keeps_heading_whole (Siblings      *fx,
                                  gconstpointer  data)
{
  QuorumChildPanel *panel;
  GtkToggleButton *attendees;
  GtkWidget *title;

  add_attempt (fx, fx->child[0], PROPOSAL, SUMMARY);
  siblings_open_sized (fx, fx->child[1], 1180, 780);
  attendees = GTK_TOGGLE_BUTTON (ui_test_template_child (quorum_window_get_conference_page (fx->window),
                                                         QUORUM_TYPE_CONFERENCE_PAGE, "attendees_button"));
  gtk_toggle_button_set_active (attendees, TRUE);
  ui_test_iterate (400);

  panel = panel_of_child (fx, fx->child[1]);
  g_assert_true (gtk_widget_get_mapped (same_as_button (fx, fx->child[1])));
  title = label_with_text (GTK_WIDGET (panel), "Record an Attempt at Consensus");
  g_assert_nonnull (title);
  g_assert_true (gtk_widget_get_mapped (title));
  ui_test_screenshot (GTK_WIDGET (fx->window), "same-as-heading-whole");
  g_test_message ("heading %d px wide, panel %d px", gtk_widget_get_width (title), gtk_widget_get_width (GTK_WIDGET (panel)));
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (title))));
}

/* ---- 3: "could not agree", heard after the group's view ---- */

/* The trust's two representatives: its view recorded (no plan) by a click, then the chair hears
 * they in fact could not agree: the box is there to tick, and the vote then says so. */
static void
test_could_not_agree_after_view (Siblings      *fx,
                                 gconstpointer  data)
{
  g_autofree char *vote = NULL;
  QuorumVoteCard *card;
  GtkWidget *check;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  add_attempt (fx, fx->child[0], NULL, "No agreement");
  siblings_open (fx, fx->child[0]);

  card = ui_test_card (fx->window, fx->child[0], "NHS Trust");
  ui_test_click (no_plan_button (card), -1, -1);
  ui_test_type ("They settled on no plan");
  ui_test_key ("ctrl+Return");
  ui_test_settle (300);
  vote = vote_in_db (fx, fx->child[0], "NHS Trust");
  g_assert_cmpstr (vote, ==, "no-plan|0");

  card = ui_test_card (fx->window, fx->child[0], "NHS Trust");
  check = ui_test_find_named (GTK_WIDGET (card), "disagreed-check");
  ui_test_screenshot (GTK_WIDGET (card), "could-not-agree-after-view");
  g_assert_true (gtk_widget_get_mapped (check));
  g_assert_true (gtk_widget_is_sensitive (check));
  ui_test_click (check, -1, -1);
  ui_test_settle (300);
  g_clear_pointer (&vote, g_free);
  vote = vote_in_db (fx, fx->child[0], "NHS Trust");
  g_assert_cmpstr (vote, ==, "no-plan|1");
  g_assert_false (gtk_widget_get_mapped (ui_test_find_named (GTK_WIDGET (card), "disagreed-kept-note")));

  /* Bea's own position recorded (plan, her reason, Enter): the box can no longer be unticked,
   * the record keeping her position, and the card says so. */
  {
    g_autoptr(QuorumConference) c = ui_test_load (fx->store, fx->conf);
    g_autofree char *row_name = NULL;
    g_autofree char *held = NULL;
    GtkWidget *row;
    GtkWidget *note;
    gint64 bea = 0;

    for (guint i = 0; i < c->attendees->len; i++)
      if (g_strcmp0 (((QuorumAttendee *) g_ptr_array_index (c->attendees, i))->name, "Bea Visitor") == 0)
        bea = ((QuorumAttendee *) g_ptr_array_index (c->attendees, i))->id;
    row_name = g_strdup_printf ("member-position-%" G_GINT64_FORMAT, bea);
    card = ui_test_card (fx->window, fx->child[0], "NHS Trust");
    row = ui_test_find_named (GTK_WIDGET (card), row_name);
    g_assert_nonnull (row);
    ui_test_click (ui_test_find_named (row, "member-plan"), -1, -1);
    ui_test_settle (100);
    ui_test_type ("Bruising seen twice");
    ui_test_key ("Return");
    ui_test_settle (300);
    held = ui_test_db_sql (fx->path, "SELECT view || '|' || reason FROM member_view");
    g_assert_cmpstr (held, ==, "plan|Bruising seen twice");

    card = ui_test_card (fx->window, fx->child[0], "NHS Trust");
    check = ui_test_find_named (GTK_WIDGET (card), "disagreed-check");
    note = ui_test_find_named (GTK_WIDGET (card), "disagreed-kept-note");
    g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
    g_assert_false (gtk_widget_is_sensitive (check));
    g_assert_true (gtk_widget_get_mapped (note));
    ui_test_screenshot (GTK_WIDGET (card), "could-not-agree-kept");
  }
}

/* ---- 4: a decided plan without a category of abuse ---- */

/* Plan from all three, Police's and the trust's with no category; decided by Ctrl+D and Return:
 * the decided board's cards say "No category of abuse given" where none was given, as the live
 * card did, and not on Children's Social Care's (neglect). */
static void
test_decided_plan_without_category (Siblings      *fx,
                                    gconstpointer  data)
{
  g_autofree char *cats = NULL;
  QuorumVoteCard *card;
  GtkWidget *note;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  add_attempt (fx, fx->child[0], NULL, "No agreement");
  add_vote (fx, fx->child[0], "Children's Social Care", QUORUM_VIEW_PLAN, QUORUM_CATEGORY_NEGLECT, NULL);
  add_vote (fx, fx->child[0], "Police", QUORUM_VIEW_PLAN, 0, NULL);
  add_vote (fx, fx->child[0], "NHS Trust", QUORUM_VIEW_PLAN, 0, NULL);
  siblings_open (fx, fx->child[0]);

  /* Live, the card says it. */
  card = ui_test_card (fx->window, fx->child[0], "Police");
  note = ui_test_find_named (GTK_WIDGET (card), "no-category-note");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (note)), ==, "No category of abuse given");

  gtk_widget_grab_focus (GTK_WIDGET (card));
  ui_test_key ("ctrl+d");
  ui_test_wait_until (dialog_is_drawn, NULL, 10000, "the decision's confirmation");
  ui_test_key ("Return");
  ui_test_settle (500);
  {
    g_autoptr(QuorumConference) decided = ui_test_load (fx->store, fx->conf);

    g_assert_nonnull (quorum_conference_find_decision (decided, fx->child[0]));
  }
  cats = ui_test_db_sql (fx->path, "SELECT grp || ':' || coalesce (categories, '') FROM vote ORDER BY grp");
  g_assert_cmpstr (cats, ==, "Children's Social Care:neglect\nNHS Trust:\nPolice:");

  /* Decided, read-only cards: the same words under "Plan". */
  for (guint i = 0; sibling_groups[i] != NULL; i++)
    {
      gboolean none = i > 0;

      card = ui_test_card (fx->window, fx->child[0], sibling_groups[i]);
      g_assert_true (quorum_vote_card_get_read_only (card));
      note = ui_test_find_named (GTK_WIDGET (card), "decided-no-category-note");
      g_assert_nonnull (note);
      ui_test_scroll_into_view (GTK_WIDGET (card));
      ui_test_iterate (200);
      g_assert_cmpint (gtk_widget_get_mapped (note), ==, none);
      if (none)
        g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (note)), ==, "No category of abuse given");
    }
  ui_test_screenshot (GTK_WIDGET (ui_test_card (fx->window, fx->child[0], "Police")), "decided-card-no-category");
  ui_test_screenshot (GTK_WIDGET (fx->window), "decided-board-no-category");
}

/* ---- 5: the keys a chair met in a live meeting (trial 2) ---- */

static void
siblings_open_sized (Siblings *fx,
                     gint64    child_id,
                     int       width,
                     int       height)
{
  fx->window = ui_test_window_new (fx->store, width, height);
  g_assert_true (quorum_window_open_conference (fx->window, fx->conf, child_id));
  ui_test_iterate (300);
}

static char *
vote_record_in_db (Siblings   *fx,
                   gint64      child_id,
                   const char *group)
{
  g_autofree char *sql = g_strdup_printf ("SELECT view || '|' || coalesce (categories, '') || '|' || coalesce (reason, '')"
                                          " FROM vote WHERE child_id = %" G_GINT64_FORMAT " AND grp = '%s'",
                                          child_id, group);

  return ui_test_db_sql (fx->path, sql);
}

static GtkWidget *
reason_view_of (QuorumVoteCard *card)
{
  return GTK_WIDGET (quorum_text_field_get_view (quorum_vote_card_get_reason_field (card)));
}

/* Amy's proposal typed (not recorded); Ctrl+Page_Down to Ben, words typed in his proposal;
 * Ctrl+Page_Up back to Amy, more typed: Amy's proposal holds both, kept so as her draft (the
 * whole proposal was selected as the focus came back, and the next key replaced it). Then
 * Ctrl+Page_Down to Ben, whose proposal holds a draft: the focus in his proposal, at its end
 * (it went to his summary, and the chair typed the proposal there). */
static void
test_back_to_child_keeps_proposal (Siblings      *fx,
                                   gconstpointer  data)
{
  g_autofree char *amy = NULL;
  g_autofree char *ben = NULL;
  g_autofree char *ben_summary = NULL;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  siblings_open (fx, fx->child[0]);
  ui_test_click (named_in_child (fx, fx->child[0], "proposal-row"), -1, -1);
  ui_test_type ("A plan under neglect");
  ui_test_key ("ctrl+Page_Down");
  ui_test_settle (400);
  g_assert_true (has_focus_in (fx->window, named_in_child (fx, fx->child[1], "proposal-row")));
  ui_test_type ("Ben as Amy");

  ui_test_key ("ctrl+Page_Up");
  ui_test_settle (400);
  {
    g_autofree char *where = focus_name (fx->window);

    g_test_message ("focus after Ctrl+Page_Up back to Amy: %s", where);
  }
  g_assert_true (has_focus_in (fx->window, named_in_child (fx, fx->child[0], "proposal-row")));
  ui_test_type (" for now");
  ui_test_iterate (QUORUM_DRAFT_DELAY_MS + 400);
  amy = attempt_draft_in_db (fx, fx->child[0], "proposal");
  g_assert_cmpstr (amy, ==, "A plan under neglect for now");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named_in_child (fx, fx->child[0], "proposal-row"))), ==,
                   "A plan under neglect for now");
  ui_test_screenshot (GTK_WIDGET (fx->window), "back-to-child-caret-at-end");

  /* On to Ben, whose proposal holds a draft: his proposal, at its end. */
  ui_test_key ("ctrl+Page_Down");
  ui_test_settle (400);
  {
    g_autofree char *where = focus_name (fx->window);

    g_test_message ("focus after Ctrl+Page_Down to Ben (a draft): %s", where);
  }
  g_assert_true (has_focus_in (fx->window, named_in_child (fx, fx->child[1], "proposal-row")));
  ui_test_type (" too");
  ui_test_iterate (QUORUM_DRAFT_DELAY_MS + 400);
  ben = attempt_draft_in_db (fx, fx->child[1], "proposal");
  ben_summary = attempt_draft_in_db (fx, fx->child[1], "summary");
  g_assert_cmpstr (ben, ==, "Ben as Amy too");
  g_assert_cmpstr (ben_summary, ==, "");
  ui_test_screenshot (GTK_WIDGET (fx->window), "next-child-with-draft-proposal");
}

/* Police's view (plan) clicked, Tab, Neglect ticked by Space, the reason typed; Shift+Tab leaves the
 * reason, back to the categories (it stayed in the reason: the next Space went into it, and
 * after Tab the spaces of typed words ticked categories); Space ticks the category with the
 * focus, Tab goes back into the reason at its end, and the rest of the words are typed;
 * Ctrl+Enter. The vote: plan, the two categories meant, the reason as typed. */
static void
test_reason_shift_tab (Siblings      *fx,
                       gconstpointer  data)
{
  g_autofree char *vote = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *category = NULL;
  QuorumVoteCard *card;
  GtkWidget *reason;
  GtkWidget *focus;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  add_attempt (fx, fx->child[0], NULL, "No agreement");
  siblings_open (fx, fx->child[0]);

  card = ui_test_card (fx->window, fx->child[0], "Police");
  ui_test_click (find_labelled (GTK_WIDGET (card), GTK_TYPE_TOGGLE_BUTTON, "Plan"), -1, -1);
  ui_test_settle (200);
  ui_test_key ("Tab");
  ui_test_key ("space");
  ui_test_settle (200);
  card = ui_test_card (fx->window, fx->child[0], "Police");
  reason = reason_view_of (card);
  ui_test_click (reason, -1, -1);
  ui_test_type ("Bruising seen");
  ui_test_key ("shift+Tab");
  ui_test_settle (200);
  {
    g_autofree char *where = focus_name (fx->window);

    g_test_message ("focus after Shift+Tab in the reason: %s", where);
  }
  card = ui_test_card (fx->window, fx->child[0], "Police");
  reason = reason_view_of (card);
  g_assert_false (has_focus_in (fx->window, reason));
  focus = gtk_root_get_focus (GTK_ROOT (fx->window));
  g_assert_true (GTK_IS_CHECK_BUTTON (focus));
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (card)));
  category = g_ascii_strdown (gtk_check_button_get_label (GTK_CHECK_BUTTON (focus)), -1);
  g_assert_cmpstr (category, !=, "neglect");
  ui_test_screenshot (GTK_WIDGET (card), "reason-shift-tab");

  /* The category meant, ticked; back into the reason, the rest of the words. */
  ui_test_key ("space");
  ui_test_key ("Tab");
  ui_test_settle (200);
  card = ui_test_card (fx->window, fx->child[0], "Police");
  g_assert_true (has_focus_in (fx->window, reason_view_of (card)));
  ui_test_type (" twice");
  ui_test_key ("ctrl+Return");
  ui_test_settle (400);

  vote = vote_record_in_db (fx, fx->child[0], "Police");
  expected = g_strdup_printf ("plan|neglect,%s|Bruising seen twice", category);
  g_assert_cmpstr (vote, ==, expected);
}

static const char *
votes_of_child_in_db (Siblings *fx,
                      gint64    child_id)
{
  return ui_test_db_answerf (fx->path, "SELECT count(*) FROM vote WHERE child_id = %" G_GINT64_FORMAT, child_id);
}

static const char *
status_of (QuorumVoteCard *card)
{
  GtkWidget *status = ui_test_find_named (GTK_WIDGET (card), "status-label");

  g_assert_nonnull (status);
  return gtk_label_get_label (GTK_LABEL (status));
}

/* Trial 8 (D1): Ben's Children's Social Care view clicked (plan, Neglect), its reason half typed;
 * Ctrl+Page_Up to Amy, Ctrl+Page_Down back, and the chair goes on typing. The focus came back to
 * the first group without a view (Police's Plan), and the sentence's Space recorded Plan for
 * Police, who had not spoken; the rest of the words went nowhere. Now the focus is back in the
 * reason, the caret at its end, and the words join it: Ctrl+Enter records the whole sentence and
 * nothing else. Amy's board, where the focus went first (her first group's Plan), took the keys
 * typed there as words: they chose nothing, and her card says so. */
static void
test_child_switch_mid_reason (Siblings      *fx,
                              gconstpointer  data)
{
  g_autofree char *csc = NULL;
  g_autofree char *police = NULL;
  const char *amy = NULL;
  QuorumVoteCard *card;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  add_attempt (fx, fx->child[0], NULL, "No agreement");
  add_attempt (fx, fx->child[1], NULL, "No agreement");
  siblings_open (fx, fx->child[1]);

  card = ui_test_card (fx->window, fx->child[1], sibling_groups[0]);
  ui_test_click (find_labelled (GTK_WIDGET (card), GTK_TYPE_TOGGLE_BUTTON, "Plan"), -1, -1);
  ui_test_settle (200);
  card = ui_test_card (fx->window, fx->child[1], sibling_groups[0]);
  ui_test_click (find_labelled (GTK_WIDGET (card), GTK_TYPE_CHECK_BUTTON, "Neglect"), -1, -1);
  ui_test_settle (200);
  card = ui_test_card (fx->window, fx->child[1], sibling_groups[0]);
  ui_test_click (reason_view_of (card), -1, -1);
  ui_test_type ("Ben is left alone at night and");

  /* Called to Amy, whose board is open too: the focus on her first group's Plan. The chair,
   * not looking, goes on with the sentence: it chooses nothing there. */
  ui_test_key ("ctrl+Page_Up");
  ui_test_settle (400);
  {
    g_autofree char *where = focus_name (fx->window);

    g_test_message ("focus after Ctrl+Page_Up to Amy: %s", where);
  }
  card = ui_test_card (fx->window, fx->child[0], sibling_groups[0]);
  g_assert_true (has_focus_in (fx->window, GTK_WIDGET (card)));
  ui_test_type (" she");
  ui_test_settle (300);
  amy = votes_of_child_in_db (fx, fx->child[0]);
  g_assert_cmpstr (amy, ==, "0");
  card = ui_test_card (fx->window, fx->child[0], sibling_groups[0]);
  g_assert_nonnull (strstr (status_of (card), " she"));
  g_assert_nonnull (strstr (status_of (card), "Nothing chosen"));
  ui_test_screenshot (GTK_WIDGET (fx->window), "child-switch-typing-chooses-nothing");

  /* Back to Ben: the focus in his reason, the caret at the end of the words. */
  ui_test_key ("ctrl+Page_Down");
  ui_test_settle (400);
  {
    g_autofree char *where = focus_name (fx->window);

    g_test_message ("focus after Ctrl+Page_Down back to Ben: %s", where);
  }
  card = ui_test_card (fx->window, fx->child[1], sibling_groups[0]);
  g_assert_true (has_focus_in (fx->window, reason_view_of (card)));
  ui_test_type (" has no food");
  ui_test_settle (300);
  ui_test_screenshot (GTK_WIDGET (fx->window), "child-switch-back-to-reason");
  ui_test_key ("ctrl+Return");
  ui_test_settle (400);

  csc = vote_record_in_db (fx, fx->child[1], "Children''s Social Care");
  g_assert_cmpstr (csc, ==, "plan|neglect|Ben is left alone at night and has no food");
  police = vote_record_in_db (fx, fx->child[1], "Police");
  g_assert_cmpstr (police, ==, "");
  amy = votes_of_child_in_db (fx, fx->child[0]);
  g_assert_cmpstr (amy, ==, "0");
}

/* The words of @group's reason kept as a draft on @child_id's board, or "" */
static char *
reason_draft_in_db (Siblings   *fx,
                    gint64      child_id,
                    const char *group)
{
  g_autofree char *table = ui_test_drafts_table (UI_TEST_CHAIR);

  return ui_test_db_sqlf (fx->path, "SELECT text FROM %s WHERE scope = 'child:%" G_GINT64_FORMAT ":vote:%s'"
                          " AND field = 'reason'", table, child_id, group);
}

/* The caret's place in @view, in characters. */
static int
caret_of (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter at;

  gtk_text_buffer_get_iter_at_mark (buffer, &at, gtk_text_buffer_get_insert (buffer));
  return gtk_text_iter_get_offset (&at);
}

/* The child switcher's tab of @child_name. */
static GtkWidget *
child_tab (Siblings   *fx,
           const char *child_name)
{
  GtkWidget *switcher = ui_test_template_child (quorum_window_get_conference_page (fx->window),
                                                QUORUM_TYPE_CONFERENCE_PAGE, "child_switcher");

  for (GtkWidget *tab = gtk_widget_get_first_child (switcher); tab != NULL; tab = gtk_widget_get_next_sibling (tab))
    if (ui_test_find_shown_label (tab, child_name) != NULL)
      return tab;
  g_assert_not_reached ();
  return NULL;
}

#define HALF_REASON "School has no concerns, attendance is 97% and Ben"
#define REST_OF_REASON " is always clean and fed"

/* Ben's Children's Social Care: No plan clicked (recorded at once), its reason clicked into and
 * half typed. */
static QuorumVoteCard *
half_type_bens_reason (Siblings *fx)
{
  QuorumVoteCard *card;

  add_attempt (fx, fx->child[0], NULL, "No agreement");
  add_attempt (fx, fx->child[1], NULL, "No agreement");
  siblings_open (fx, fx->child[1]);

  card = ui_test_card (fx->window, fx->child[1], sibling_groups[0]);
  ui_test_click (no_plan_button (card), -1, -1);
  ui_test_settle (200);
  card = ui_test_card (fx->window, fx->child[1], sibling_groups[0]);
  ui_test_click (reason_view_of (card), -1, -1);
  ui_test_type (HALF_REASON);
  return card;
}

/* Away from Ben: his group's view recorded, its reason not; the words kept as its draft and
 * marked so on the card. */
static void
assert_half_reason_a_draft (Siblings *fx)
{
  g_autofree char *csc = vote_record_in_db (fx, fx->child[1], "Children''s Social Care");
  g_autofree char *draft = reason_draft_in_db (fx, fx->child[1], "Children''s Social Care");
  QuorumVoteCard *card = ui_test_card (fx->window, fx->child[1], sibling_groups[0]);

  g_test_message ("away from Ben: vote %s; draft “%s”", csc, draft);
  g_assert_cmpstr (csc, ==, "no-plan||");
  g_assert_cmpstr (draft, ==, HALF_REASON);
  /* Marked (the card, on a child not shown, is not drawn). */
  g_assert_cmpfloat (gtk_widget_get_opacity (ui_test_find_named (GTK_WIDGET (card), "reason-draft-marker")), >, 0.0);
}

/* Back on Ben: the focus in the reason, the caret at the end of the words, still a draft. */
static void
assert_back_in_half_reason (Siblings *fx)
{
  QuorumVoteCard *card = ui_test_card (fx->window, fx->child[1], sibling_groups[0]);
  g_autofree char *where = focus_name (fx->window);

  g_test_message ("focus back on Ben: %s", where);
  g_assert_cmpint (quorum_conference_page_get_child_id (quorum_window_get_conference_page (fx->window)), ==, fx->child[1]);
  g_assert_true (has_focus_in (fx->window, reason_view_of (card)));
  g_assert_cmpint (caret_of (reason_view_of (card)), ==, (int) strlen (HALF_REASON));
  assert_half_reason_a_draft (fx);
  g_assert_true (marker_shown (GTK_WIDGET (card), "reason-draft-marker"));
}

/* Trial 7 and 8 (A2): the chair types half of Children's Social Care's reason for Ben and is
 * called to Cal (Ctrl+Page_Down). The half sentence was recorded as the group's reason, "Recorded"
 * and no draft mark. Now the No plan clicked stays recorded, the words are its reason's draft
 * (in the drafts table, "Draft · not yet recorded" on the card) and the vote has no reason; back
 * by Ctrl+Page_Up, the chair finishes the sentence and Ctrl+Enter records it whole. */
static void
test_child_switch_keeps_reason_a_draft (Siblings      *fx,
                                        gconstpointer  data)
{
  g_autofree char *csc = NULL;
  g_autofree char *draft = NULL;
  QuorumVoteCard *card;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  half_type_bens_reason (fx);
  ui_test_key ("ctrl+Page_Down");
  ui_test_settle (400);
  g_assert_cmpint (quorum_conference_page_get_child_id (quorum_window_get_conference_page (fx->window)), ==, fx->child[2]);
  assert_half_reason_a_draft (fx);

  ui_test_key ("ctrl+Page_Up");
  ui_test_settle (400);
  assert_back_in_half_reason (fx);
  card = ui_test_card (fx->window, fx->child[1], sibling_groups[0]);
  ui_test_scroll_into_view (GTK_WIDGET (card));
  ui_test_iterate (200);
  ui_test_screenshot (GTK_WIDGET (fx->window), "child-switch-reason-kept-as-draft");
  /* Under the reason's "Draft · not yet recorded", the card said "Recorded <time>": it says the
   * view is recorded and its reason not (live7). */
  g_test_message ("status back on Ben: %s", status_of (card));
  g_assert_true (g_str_has_prefix (status_of (card), "View recorded "));
  g_assert_true (g_str_has_suffix (status_of (card), " · its reason not yet recorded"));

  ui_test_type (REST_OF_REASON);
  ui_test_key ("ctrl+Return");
  ui_test_settle (400);
  csc = vote_record_in_db (fx, fx->child[1], "Children''s Social Care");
  draft = reason_draft_in_db (fx, fx->child[1], "Children''s Social Care");
  g_assert_cmpstr (csc, ==, "no-plan||" HALF_REASON REST_OF_REASON);
  g_assert_cmpstr (draft, ==, "");
  card = ui_test_card (fx->window, fx->child[1], sibling_groups[0]);
  g_assert_false (marker_shown (GTK_WIDGET (card), "reason-draft-marker"));
  g_assert_true (g_str_has_prefix (status_of (card), "Recorded "));
  g_assert_cmpstr (votes_of_child_in_db (fx, fx->child[1]), ==, "1");
}

/* The same by the mouse: Amy's tab clicked mid-sentence keeps Ben's words a draft and puts the
 * focus on Amy's board, as Ctrl+Page_Up does (it stayed in Ben's reason, hidden: the next keys
 * went on into his sentence unseen). The chair clicks into Amy's first reason box, then Ben's
 * tab: the focus back in his reason, the caret at the end of the words (it stayed in Amy's box,
 * hidden), and leaving the field for Police's reason, on the same child, records the whole
 * sentence as it always has. */
static void
test_child_tab_click_mid_reason (Siblings      *fx,
                                 gconstpointer  data)
{
  g_autofree char *csc = NULL;
  g_autofree char *police = NULL;
  QuorumVoteCard *card;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  half_type_bens_reason (fx);
  ui_test_click (child_tab (fx, "Amy Live"), -1, -1);
  ui_test_settle (400);
  {
    g_autofree char *where = focus_name (fx->window);

    g_test_message ("focus after Amy's tab clicked: %s", where);
  }
  g_assert_cmpint (quorum_conference_page_get_child_id (quorum_window_get_conference_page (fx->window)), ==, fx->child[0]);
  card = ui_test_card (fx->window, fx->child[0], sibling_groups[0]);
  g_assert_true (has_focus_in (fx->window, GTK_WIDGET (card)));
  assert_half_reason_a_draft (fx);

  card = ui_test_card (fx->window, fx->child[0], sibling_groups[0]);
  ui_test_click (reason_view_of (card), -1, -1);
  ui_test_settle (200);
  ui_test_click (child_tab (fx, "Ben Live"), -1, -1);
  ui_test_settle (400);
  assert_back_in_half_reason (fx);

  ui_test_type (REST_OF_REASON);
  ui_test_settle (200);
  card = ui_test_card (fx->window, fx->child[1], "Police");
  ui_test_click (reason_view_of (card), -1, -1);
  ui_test_settle (400);
  csc = vote_record_in_db (fx, fx->child[1], "Children''s Social Care");
  police = vote_record_in_db (fx, fx->child[1], "Police");
  g_assert_cmpstr (csc, ==, "no-plan||" HALF_REASON REST_OF_REASON);
  g_assert_cmpstr (police, ==, "");
}

/* The window's page switcher button (in the header) for its page @title. */
static GtkWidget *
page_button (Siblings   *fx,
             const char *title)
{
  GtkWidget *switcher = ui_test_find_type (GTK_WIDGET (fx->window), ADW_TYPE_VIEW_SWITCHER_TITLE);
  GtkWidget *label = ui_test_find_shown_label (switcher, title);

  g_assert_nonnull (label);
  return gtk_widget_get_ancestor (label, GTK_TYPE_TOGGLE_BUTTON);
}

static const char *
page_shown (Siblings *fx)
{
  return adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (ui_test_find_type (GTK_WIDGET (fx->window),
                                                                                   ADW_TYPE_VIEW_STACK)));
}

/* Left by a2switch (live7): the chair half types Children's Social Care's reason for Ben and
 * goes to the Referrals page (Alt+2), then back (Alt+1); then the same by the header's page
 * switcher. The field losing the focus recorded the half sentence as the group's reason. Now it
 * is as a child switch: the words kept as the reason's draft, marked, nothing recorded; back,
 * the focus in the reason, the caret at the end of the words; finished and Ctrl+Enter, the whole
 * sentence is recorded; more words added and the window closed on the Referrals page, they stay
 * its draft. */
static void
test_page_switch_keeps_reason_a_draft (Siblings      *fx,
                                       gconstpointer  data)
{
  g_autofree char *csc = NULL;
  g_autofree char *draft = NULL;
  QuorumVoteCard *card;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  half_type_bens_reason (fx);
  ui_test_key ("alt+2");
  ui_test_settle (400);
  g_assert_cmpstr (page_shown (fx), ==, "referrals");
  assert_half_reason_a_draft (fx);
  ui_test_key ("alt+1");
  ui_test_settle (400);
  g_assert_cmpstr (page_shown (fx), ==, "conferences");
  assert_back_in_half_reason (fx);

  ui_test_click (page_button (fx, "Referrals"), -1, -1);
  ui_test_settle (400);
  {
    g_autofree char *where = focus_name (fx->window);

    g_test_message ("focus on the Referrals page, clicked: %s", where);
  }
  g_assert_cmpstr (page_shown (fx), ==, "referrals");
  assert_half_reason_a_draft (fx);
  ui_test_click (page_button (fx, "Conferences"), -1, -1);
  ui_test_settle (400);
  assert_back_in_half_reason (fx);
  card = ui_test_card (fx->window, fx->child[1], sibling_groups[0]);
  g_assert_true (g_str_has_suffix (status_of (card), " · its reason not yet recorded"));

  ui_test_type (REST_OF_REASON);
  ui_test_key ("ctrl+Return");
  ui_test_settle (400);
  csc = vote_record_in_db (fx, fx->child[1], "Children''s Social Care");
  draft = reason_draft_in_db (fx, fx->child[1], "Children''s Social Care");
  g_assert_cmpstr (csc, ==, "no-plan||" HALF_REASON REST_OF_REASON);
  g_assert_cmpstr (draft, ==, "");

  /* More words, the Referrals page, and the window closed there: the recorded reason stands,
   * the words added are kept as its draft. */
  card = ui_test_card (fx->window, fx->child[1], sibling_groups[0]);
  ui_test_click (reason_view_of (card), -1, -1);
  ui_test_key ("ctrl+End");
  ui_test_type (" today");
  ui_test_key ("alt+2");
  ui_test_settle (300);
  card = ui_test_card (fx->window, fx->child[1], sibling_groups[0]);
  g_test_message ("status with words added to the recorded reason: %s", status_of (card));
  g_assert_true (g_str_has_prefix (status_of (card), "View and earlier reason recorded "));
  g_assert_true (g_str_has_suffix (status_of (card), " · the new words not yet recorded"));
  gtk_window_destroy (GTK_WINDOW (fx->window));
  fx->window = NULL;
  ui_test_iterate (200);
  g_clear_pointer (&csc, g_free);
  g_clear_pointer (&draft, g_free);
  csc = vote_record_in_db (fx, fx->child[1], "Children''s Social Care");
  draft = reason_draft_in_db (fx, fx->child[1], "Children''s Social Care");
  g_assert_cmpstr (csc, ==, "no-plan||" HALF_REASON REST_OF_REASON);
  g_assert_cmpstr (draft, ==, HALF_REASON REST_OF_REASON " today");
}

/* The focus on a child's tab, by Shift+Tab from where it is (at most @most presses). */
static GtkWidget *
shift_tab_to_tabs (Siblings *fx,
                   guint     most)
{
  GtkWidget *switcher = ui_test_template_child (quorum_window_get_conference_page (fx->window),
                                                QUORUM_TYPE_CONFERENCE_PAGE, "child_switcher");

  for (guint i = 0; i < most; i++)
    {
      GtkWidget *focus;

      ui_test_key ("shift+Tab");
      ui_test_settle (60);
      focus = gtk_root_get_focus (GTK_ROOT (fx->window));
      if (focus != NULL && gtk_widget_is_ancestor (focus, switcher))
        return focus;
    }
  g_assert_not_reached ();
  return NULL;
}

/* From the tab with the focus to @child_name's, by the arrows. */
static void
arrow_to_tab (Siblings   *fx,
              const char *child_name)
{
  GtkWidget *tab = child_tab (fx, child_name);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fx->window));
  gboolean after = FALSE;

  /* The target after the focused tab: Right, else Left. */
  for (GtkWidget *w = focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_TOGGLE_BUTTON) : NULL; w != NULL;
       w = gtk_widget_get_next_sibling (w))
    after = after || w == tab;
  for (guint i = 0; i < 3 && !has_focus_in (fx->window, tab); i++)
    {
      ui_test_key (after ? "Right" : "Left");
      ui_test_settle (60);
    }
  g_assert_true (has_focus_in (fx->window, tab));
}

/* Left by a2switch (live7): a keyboard chair types Ben's proposal, goes to the children's tabs
 * by Shift+Tab, to Amy's by Left and presses Space: the focus stayed on the tab (a click, or
 * Ctrl+Page_Up, puts it on Amy's board), and the keys went nowhere. Now the focus goes where the
 * chair goes on with Amy; and back on Ben's tab by the keys (Enter), into his proposal, the caret
 * at the end of the words and nothing selected: the words typed next join them. */
static void
test_child_tab_by_keys (Siblings      *fx,
                        gconstpointer  data)
{
  g_autofree char *ben = NULL;
  GtkWidget *proposal;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  siblings_open (fx, fx->child[1]);
  proposal = named_in_child (fx, fx->child[1], "proposal-row");
  ui_test_click (proposal, -1, -1);
  ui_test_type ("Ben to be subject of a plan");

  shift_tab_to_tabs (fx, 12);
  arrow_to_tab (fx, "Amy Live");
  ui_test_key ("space");
  ui_test_settle (400);
  {
    g_autofree char *where = focus_name (fx->window);

    g_test_message ("focus after Space on Amy's tab: %s", where);
  }
  g_assert_cmpint (quorum_conference_page_get_child_id (quorum_window_get_conference_page (fx->window)), ==, fx->child[0]);
  g_assert_true (has_focus_in (fx->window, named_in_child (fx, fx->child[0], "proposal-row")));

  shift_tab_to_tabs (fx, 12);
  arrow_to_tab (fx, "Ben Live");
  ui_test_key ("Return");
  ui_test_settle (400);
  {
    g_autofree char *where = focus_name (fx->window);

    g_test_message ("focus after Enter on Ben's tab: %s", where);
  }
  g_assert_cmpint (quorum_conference_page_get_child_id (quorum_window_get_conference_page (fx->window)), ==, fx->child[1]);
  g_assert_true (has_focus_in (fx->window, proposal));
  ui_test_type (" under neglect");
  ui_test_iterate (QUORUM_DRAFT_DELAY_MS + 400);
  ben = attempt_draft_in_db (fx, fx->child[1], "proposal");
  g_assert_cmpstr (ben, ==, "Ben to be subject of a plan under neglect");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (proposal)), ==, "Ben to be subject of a plan under neglect");
}

/* Away from Ben with his group's reason half typed, the window closed: nothing recorded for the
 * reason, the words kept; opened again, they are in the box marked "not yet recorded", and
 * Ctrl+Enter there records them. */
static void
test_child_switch_then_closed (Siblings      *fx,
                               gconstpointer  data)
{
  g_autofree char *csc = NULL;
  g_autofree char *draft = NULL;
  g_autofree char *shown = NULL;
  QuorumVoteCard *card;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  half_type_bens_reason (fx);
  ui_test_key ("ctrl+Page_Up");
  ui_test_settle (400);
  gtk_window_destroy (GTK_WINDOW (fx->window));
  fx->window = NULL;
  ui_test_iterate (200);
  csc = vote_record_in_db (fx, fx->child[1], "Children''s Social Care");
  draft = reason_draft_in_db (fx, fx->child[1], "Children''s Social Care");
  g_assert_cmpstr (csc, ==, "no-plan||");
  g_assert_cmpstr (draft, ==, HALF_REASON);

  siblings_open (fx, fx->child[1]);
  card = ui_test_card (fx->window, fx->child[1], sibling_groups[0]);
  shown = quorum_text_field_get_text (quorum_vote_card_get_reason_field (card));
  g_assert_cmpstr (shown, ==, HALF_REASON);
  g_assert_true (marker_shown (GTK_WIDGET (card), "reason-draft-marker"));
  ui_test_click (reason_view_of (card), -1, -1);
  ui_test_key ("ctrl+End");
  ui_test_key ("ctrl+Return");
  ui_test_settle (400);
  g_clear_pointer (&csc, g_free);
  csc = vote_record_in_db (fx, fx->child[1], "Children''s Social Care");
  g_assert_cmpstr (csc, ==, "no-plan||" HALF_REASON);
}

#define TRUST_HALF "Dan's mother has engaged with every visit and"

static gboolean card_in_view (QuorumVoteCard *card);

/* Trial 9 (A2, A5): the NHS Trust's No plan clicked for Ben, its reason half typed, and the
 * window closed (Ctrl+W). The half sentence was recorded as the group's reason, no draft; opened
 * again, "Recorded …", no mark, and the board at its top. Now nothing is recorded but the view:
 * the words are the reason's draft; opened again (a short window, the trust's card below the
 * fold) the board is scrolled to that card, the focus in its reason, the caret at the end, the
 * card marked and saying the reason is not yet recorded; the rest typed and Ctrl+Enter records
 * the whole sentence. */
static void
test_closed_mid_reason_kept_a_draft (Siblings      *fx,
                                     gconstpointer  data)
{
  g_autofree char *trust = NULL;
  g_autofree char *draft = NULL;
  g_autofree char *where = NULL;
  QuorumVoteCard *card;
  GtkWidget *view;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  add_attempt (fx, fx->child[1], NULL, "No agreement");
  siblings_open (fx, fx->child[1]);
  card = ui_test_card (fx->window, fx->child[1], sibling_groups[2]);
  ui_test_scroll_into_view (GTK_WIDGET (card));
  ui_test_click (no_plan_button (card), -1, -1);
  ui_test_settle (200);
  card = ui_test_card (fx->window, fx->child[1], sibling_groups[2]);
  ui_test_click (reason_view_of (card), -1, -1);
  ui_test_type (TRUST_HALF);
  /* The window's close, as Ctrl+W asks for it (the test's window has no application). */
  g_object_add_weak_pointer (G_OBJECT (fx->window), (gpointer *) &fx->window);
  gtk_window_close (GTK_WINDOW (fx->window));
  ui_test_iterate (300);
  g_assert_null (fx->window);

  trust = vote_record_in_db (fx, fx->child[1], "NHS Trust");
  draft = reason_draft_in_db (fx, fx->child[1], "NHS Trust");
  g_test_message ("closed: vote %s; draft “%s”", trust, draft);
  g_assert_cmpstr (trust, ==, "no-plan||");
  g_assert_cmpstr (draft, ==, TRUST_HALF);

  /* Opened again, short: the trust's card is below the board's fold. */
  fx->window = ui_test_window_new (fx->store, 1280, 520);
  g_assert_true (quorum_window_open_conference (fx->window, fx->conf, fx->child[1]));
  ui_test_settle (400);
  card = ui_test_card (fx->window, fx->child[1], sibling_groups[2]);
  view = reason_view_of (card);
  where = focus_name (fx->window);
  g_test_message ("opened again: focus %s; status %s", where, status_of (card));
  g_assert_true (has_focus_in (fx->window, view));
  g_assert_cmpint (caret_of (view), ==, (int) strlen (TRUST_HALF));
  g_assert_true (card_in_view (card));
  g_assert_true (marker_shown (GTK_WIDGET (card), "reason-draft-marker"));
  g_assert_true (g_str_has_prefix (status_of (card), "View recorded "));
  g_assert_true (g_str_has_suffix (status_of (card), " · its reason not yet recorded"));
  ui_test_screenshot (GTK_WIDGET (fx->window), "closed-mid-reason-reopened-at-draft");

  ui_test_type (" she wants the support to go on");
  ui_test_key ("ctrl+Return");
  ui_test_settle (400);
  g_clear_pointer (&trust, g_free);
  g_clear_pointer (&draft, g_free);
  trust = vote_record_in_db (fx, fx->child[1], "NHS Trust");
  draft = reason_draft_in_db (fx, fx->child[1], "NHS Trust");
  g_assert_cmpstr (trust, ==, "no-plan||" TRUST_HALF " she wants the support to go on");
  g_assert_cmpstr (draft, ==, "");
}

/* Trial 8 (D4): Amy's Children's Social Care recorded by keys, the focus on Police's Plan; the
 * chair keeps the Plan card's rhythm (Space, Tab, Space, Tab ×4) but presses Right first: No
 * plan, and the Tabs go past its reason (the greyed categories are no stops) to the NHS Trust's
 * "The representatives could not agree". The sentence typed there vanished with no sign, and
 * its spaces ticked the box. Now nothing is ticked or recorded for the trust, and its card says
 * what was typed and where words go. */
static void
test_words_on_a_checkbox (Siblings      *fx,
                          gconstpointer  data)
{
  g_autofree char *police = NULL;
  g_autofree char *trust = NULL;
  QuorumVoteCard *card;
  GtkWidget *focus;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  add_attempt (fx, fx->child[0], NULL, "No agreement");
  siblings_open (fx, fx->child[0]);

  card = ui_test_card (fx->window, fx->child[0], sibling_groups[0]);
  ui_test_click (find_labelled (GTK_WIDGET (card), GTK_TYPE_TOGGLE_BUTTON, "Plan"), -1, -1);
  ui_test_settle (200);
  ui_test_key ("Tab");
  ui_test_key ("space");
  ui_test_settle (200);
  card = ui_test_card (fx->window, fx->child[0], sibling_groups[0]);
  ui_test_click (reason_view_of (card), -1, -1);
  ui_test_type ("Amy is hungry");
  ui_test_key ("ctrl+Return");
  ui_test_settle (400);
  card = ui_test_card (fx->window, fx->child[0], "Police");
  g_assert_true (has_focus_in (fx->window, GTK_WIDGET (card)));

  ui_test_key ("Right");
  ui_test_key ("space");
  ui_test_settle (300);
  ui_test_key ("Tab");
  ui_test_key ("space");
  ui_test_key ("Tab");
  ui_test_key ("Tab");
  ui_test_key ("Tab");
  ui_test_key ("Tab");
  ui_test_settle (300);
  {
    g_autofree char *where = focus_name (fx->window);

    g_test_message ("focus after the Plan card's rhythm on a No plan card: %s", where);
  }
  focus = gtk_root_get_focus (GTK_ROOT (fx->window));
  g_assert_true (GTK_IS_CHECK_BUTTON (focus));
  card = QUORUM_VOTE_CARD (gtk_widget_get_ancestor (focus, QUORUM_TYPE_VOTE_CARD));
  g_assert_nonnull (card);
  ui_test_type ("Police were called twice");
  ui_test_settle (400);
  ui_test_screenshot (GTK_WIDGET (fx->window), "words-on-a-checkbox");

  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (focus)));
  g_assert_nonnull (strstr (status_of (card), "Police were called twice"));
  police = vote_record_in_db (fx, fx->child[0], "Police");
  g_assert_cmpstr (police, ==, "no-plan||");
  trust = vote_record_in_db (fx, fx->child[0], "NHS Trust");
  g_assert_cmpstr (trust, ==, "");

  /* A key that is no text gives the keys back: Tab goes on as before. */
  ui_test_key ("shift+Tab");
  ui_test_settle (200);
  card = ui_test_card (fx->window, fx->child[0], "NHS Trust");
  g_assert_null (strstr (status_of (card), "Police were called twice"));
}

/* Trial 8 (A1): after a restart, Police's view is recorded and its reason box holds words given
 * back from a draft, not yet recorded. The chair finishes Children's Social Care's reason with
 * Ctrl+Enter: the focus went past Police to the NHS Trust (and, the views all given, to the
 * decision, which then refused for want of Police's reason). Now it stops in Police's reason, at
 * the end of its words, and Ctrl+Enter there records them. */
static void
test_ctrl_enter_stops_at_draft_reason (Siblings      *fx,
                                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *scope = NULL;
  g_autofree char *csc = NULL;
  g_autofree char *police = NULL;
  QuorumVoteCard *card;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  add_attempt (fx, fx->child[0], NULL, "No agreement");
  add_vote (fx, fx->child[0], sibling_groups[0], QUORUM_VIEW_PLAN, QUORUM_CATEGORY_NEGLECT, "Amy is hungry");
  add_vote (fx, fx->child[0], "Police", QUORUM_VIEW_NO_PLAN, 0, NULL);
  scope = g_strdup_printf ("child:%" G_GINT64_FORMAT ":vote:Police", fx->child[0]);
  g_assert_true (quorum_store_save_draft (fx->store, fx->conf, scope, "reason", "Police know the family", &error));
  g_assert_no_error (error);
  siblings_open (fx, fx->child[0]);

  card = ui_test_card (fx->window, fx->child[0], sibling_groups[0]);
  ui_test_click (reason_view_of (card), -1, -1);
  ui_test_key ("ctrl+End");
  ui_test_type (" at school");
  ui_test_key ("ctrl+Return");
  ui_test_settle (400);
  {
    g_autofree char *where = focus_name (fx->window);

    g_test_message ("focus after Ctrl+Enter on the first group's reason: %s", where);
  }
  card = ui_test_card (fx->window, fx->child[0], "Police");
  g_assert_true (has_focus_in (fx->window, reason_view_of (card)));
  ui_test_screenshot (GTK_WIDGET (fx->window), "ctrl-enter-stops-at-draft-reason");
  ui_test_key ("ctrl+Return");
  ui_test_settle (400);

  csc = vote_record_in_db (fx, fx->child[0], "Children''s Social Care");
  g_assert_cmpstr (csc, ==, "plan|neglect|Amy is hungry at school");
  police = vote_record_in_db (fx, fx->child[0], "Police");
  g_assert_cmpstr (police, ==, "no-plan||Police know the family");
  card = ui_test_card (fx->window, fx->child[0], "NHS Trust");
  g_assert_true (has_focus_in (fx->window, GTK_WIDGET (card)));
}

/* Whether the whole of @card lies inside the part of the board's scrolled window on screen. */
static gboolean
card_in_view (QuorumVoteCard *card)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (card), GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  g_assert_nonnull (scroller);
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (card), scroller, &bounds));
  g_test_message ("card %g..%g in a view of height %d", bounds.origin.y, bounds.origin.y + bounds.size.height,
                  gtk_widget_get_height (scroller));
  return bounds.origin.y >= 0 && bounds.origin.y + bounds.size.height <= gtk_widget_get_height (scroller);
}

/* On a short window, each group's view recorded by keys (its No plan clicked, the reason typed,
 * Ctrl+Enter): the focus goes to the next group's view and the whole of its card is on the
 * screen, not only its Plan button at the bottom edge. */
static void
test_next_group_in_view (Siblings      *fx,
                         gconstpointer  data)
{
  g_autofree char *votes = NULL;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  add_attempt (fx, fx->child[0], NULL, "No agreement");
  siblings_open_sized (fx, fx->child[0], 1024, 640);

  for (guint i = 0; sibling_groups[i + 1] != NULL; i++)
    {
      QuorumVoteCard *card = ui_test_card (fx->window, fx->child[0], sibling_groups[i]);
      QuorumVoteCard *next;

      ui_test_scroll_into_view (no_plan_button (card));
      ui_test_iterate (200);
      ui_test_click (no_plan_button (card), -1, -1);
      ui_test_settle (200);
      ui_test_type ("No concerns");
      ui_test_key ("ctrl+Return");
      ui_test_settle (500);

      next = ui_test_card (fx->window, fx->child[0], sibling_groups[i + 1]);
      g_assert_true (has_focus_in (fx->window, GTK_WIDGET (next)));
      g_assert_true (card_in_view (next));
      if (i == 0)
        ui_test_screenshot (GTK_WIDGET (fx->window), "next-group-in-view");
    }
  votes = ui_test_db_sql (fx->path, "SELECT count(*) FROM vote WHERE view = 'no-plan' AND reason = 'No concerns'");
  g_assert_cmpstr (votes, ==, "2");
}

/* A reason typed with no view chosen, Ctrl+Enter: nothing recorded, the card says why (on the
 * card, where the chair looks) and the focus is on its Plan; Space there records the plan with
 * the words. A representative's own reason typed with no position chosen, Enter: the same, on
 * that representative's Plan. Both did nothing and said nothing. */
static void
test_no_view_says_why (Siblings      *fx,
                       gconstpointer  data)
{
  g_autofree char *vote = NULL;
  g_autofree char *count = NULL;
  g_autofree char *held = NULL;
  g_autofree char *bea_row = NULL;
  g_autoptr(QuorumConference) c = NULL;
  QuorumVoteCard *card;
  GtkWidget *status;
  GtkWidget *row;
  gint64 bea = 0;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  add_attempt (fx, fx->child[0], NULL, "No agreement");
  siblings_open (fx, fx->child[0]);

  card = ui_test_card (fx->window, fx->child[0], "Police");
  ui_test_click (reason_view_of (card), -1, -1);
  ui_test_type ("Bruising seen");
  ui_test_key ("ctrl+Return");
  ui_test_settle (300);

  count = ui_test_db_sql (fx->path, "SELECT count(*) FROM vote WHERE grp = 'Police'");
  g_assert_cmpstr (count, ==, "0");
  card = ui_test_card (fx->window, fx->child[0], "Police");
  status = ui_test_find_named (GTK_WIDGET (card), "status-label");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (status)), ==, "Choose plan, no plan or declined first");
  g_assert_true (gtk_widget_get_mapped (status));
  g_assert_true (has_focus_in (fx->window, find_labelled (GTK_WIDGET (card), GTK_TYPE_TOGGLE_BUTTON, "Plan")));
  ui_test_screenshot (GTK_WIDGET (card), "no-view-says-why");

  /* Space chooses Plan there: recorded with the words typed. */
  ui_test_key ("space");
  ui_test_settle (300);
  vote = vote_record_in_db (fx, fx->child[0], "Police");
  g_assert_cmpstr (vote, ==, "plan||Bruising seen");

  /* The trust's two representatives could not agree (its view, no plan, clicked first). */
  card = ui_test_card (fx->window, fx->child[0], "NHS Trust");
  ui_test_scroll_into_view (no_plan_button (card));
  ui_test_click (no_plan_button (card), -1, -1);
  ui_test_settle (200);
  card = ui_test_card (fx->window, fx->child[0], "NHS Trust");
  ui_test_click (ui_test_find_named (GTK_WIDGET (card), "disagreed-check"), -1, -1);
  ui_test_settle (300);

  c = ui_test_load (fx->store, fx->conf);
  for (guint i = 0; i < c->attendees->len; i++)
    if (g_strcmp0 (((QuorumAttendee *) g_ptr_array_index (c->attendees, i))->name, "Bea Visitor") == 0)
      bea = ((QuorumAttendee *) g_ptr_array_index (c->attendees, i))->id;
  bea_row = g_strdup_printf ("member-position-%" G_GINT64_FORMAT, bea);
  card = ui_test_card (fx->window, fx->child[0], "NHS Trust");
  row = ui_test_find_named (GTK_WIDGET (card), bea_row);
  g_assert_nonnull (row);
  ui_test_scroll_into_view (ui_test_find_named (row, "member-reason"));
  ui_test_click (ui_test_find_named (row, "member-reason"), -1, -1);
  ui_test_type ("Bruising seen twice");
  ui_test_key ("Return");
  ui_test_settle (300);

  g_clear_pointer (&count, g_free);
  count = ui_test_db_sql (fx->path, "SELECT count(*) FROM member_view");
  g_assert_cmpstr (count, ==, "0");
  card = ui_test_card (fx->window, fx->child[0], "NHS Trust");
  row = ui_test_find_named (GTK_WIDGET (card), bea_row);
  status = ui_test_find_named (GTK_WIDGET (card), "status-label");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (status)), ==, "Not recorded: choose Plan or No plan for Bea Visitor first");
  g_assert_true (has_focus_in (fx->window, ui_test_find_named (row, "member-plan")));
  ui_test_screenshot (GTK_WIDGET (card), "member-no-position-says-why");

  ui_test_key ("space");
  ui_test_settle (300);
  held = ui_test_db_sql (fx->path, "SELECT view || '|' || reason FROM member_view");
  g_assert_cmpstr (held, ==, "plan|Bruising seen twice");
}

/* ---- 6: the board under the chair's hands (trials 5 and 6, docs/notes/boardshift.md) ---- */

static gint64
attendee_named (Siblings   *fx,
                const char *name)
{
  g_autoptr(QuorumConference) c = ui_test_load (fx->store, fx->conf);

  for (guint i = 0; i < c->attendees->len; i++)
    if (g_strcmp0 (((QuorumAttendee *) g_ptr_array_index (c->attendees, i))->name, name) == 0)
      return ((QuorumAttendee *) g_ptr_array_index (c->attendees, i))->id;
  g_assert_not_reached ();
  return 0;
}

/* @name's part (member-plan, member-no-plan, member-reason) of their row on NHS Trust's card. */
static GtkWidget *
member_part (Siblings   *fx,
             gint64      attendee_id,
             const char *part)
{
  QuorumVoteCard *card = ui_test_card (fx->window, fx->child[0], "NHS Trust");
  g_autofree char *row_name = g_strdup_printf ("member-position-%" G_GINT64_FORMAT, attendee_id);
  GtkWidget *row = ui_test_find_named (GTK_WIDGET (card), row_name);
  GtkWidget *widget;

  g_assert_nonnull (row);
  widget = ui_test_find_named (row, part);
  g_assert_nonnull (widget);
  return widget;
}

static char *
own_position_in_db (Siblings *fx,
                   gint64    attendee_id)
{
  return ui_test_db_sqlf (fx->path, "SELECT view || '|' || coalesce (reason, '') FROM member_view"
                          " WHERE attendee_id = %" G_GINT64_FORMAT, attendee_id);
}

/* The middle of @widget in its surface's coordinates, as a hand aims at it on the screen. */
static void
surface_point (GtkWidget *widget,
               int       *x,
               int       *y)
{
  GtkNative *native = gtk_widget_get_native (widget);
  graphene_point_t in = GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0);
  graphene_point_t out;
  double dx = 0;
  double dy = 0;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native), &in, &out));
  gtk_native_get_surface_transform (native, &dx, &dy);
  *x = (int) (out.x + dx);
  *y = (int) (out.y + dy);
}

/* A click at the surface's point (@x, @y), whatever lies there now. */
static void
click_at (QuorumWindow *window,
          int           x,
          int           y)
{
#ifdef GDK_WINDOWING_X11
  const char * const click[] = { "click", "1", NULL };

  ui_test_move_and (gtk_native_get_surface (GTK_NATIVE (window)), x, y, click);
#endif
}

/* Trial 6, defect 1: the trust's representatives could not agree. Bea's own position (plan) is
 * recorded with her reason by Enter; the chair's next click goes where the other
 * representative's "No plan" was as she pressed Enter, and his words are typed. The click lands
 * on his No plan (a line inserted above the rows pushed them 43 px down: the click landed in
 * Bea's reason, and his words were recorded as hers); Bea's reason stays as she gave it. */
static void
test_member_click_lands (Siblings      *fx,
                         gconstpointer  data)
{
  g_autofree char *bea_held = NULL;
  g_autofree char *rep_held = NULL;
  QuorumVoteCard *card;
  GtkWidget *no_plan;
  gint64 bea;
  gint64 rep;
  int x;
  int y;
  int y_after;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  add_attempt (fx, fx->child[0], NULL, "No agreement");
  siblings_open_sized (fx, fx->child[0], 1180, 780);
  bea = attendee_named (fx, "Bea Visitor");
  rep = attendee_named (fx, "Rep of NHS Trust");

  card = ui_test_card (fx->window, fx->child[0], "NHS Trust");
  ui_test_scroll_into_view (ui_test_find_named (GTK_WIDGET (card), "disagreed-check"));
  ui_test_click (ui_test_find_named (GTK_WIDGET (card), "disagreed-check"), -1, -1);
  ui_test_settle (300);
  /* Both rows on the screen, as in the trial. */
  ui_test_scroll_into_view (member_part (fx, rep, "member-reason"));
  ui_test_scroll_into_view (member_part (fx, bea, "member-plan"));
  ui_test_click (member_part (fx, bea, "member-plan"), -1, -1);
  ui_test_settle (200);
  g_assert_true (has_focus_in (fx->window, member_part (fx, bea, "member-reason")));
  ui_test_type ("Bruising seen twice");

  /* Where the other representative's No plan is, as the chair presses Enter. */
  no_plan = member_part (fx, rep, "member-no-plan");
  surface_point (no_plan, &x, &y);
  ui_test_key ("Return");
  ui_test_settle (400);
  bea_held = own_position_in_db (fx, bea);
  g_assert_cmpstr (bea_held, ==, "plan|Bruising seen twice");
  ui_test_screenshot (GTK_WIDGET (ui_test_card (fx->window, fx->child[0], "NHS Trust")), "boardshift-member-recorded");

  /* Nothing above the rows moved them. */
  {
    int x_after;

    surface_point (member_part (fx, rep, "member-no-plan"), &x_after, &y_after);
    g_test_message ("the other representative's No plan: y %d before Enter, %d after", y, y_after);
  }

  click_at (fx->window, x, y);
  ui_test_settle (300);
  {
    g_autofree char *where = focus_name (fx->window);

    g_test_message ("focus after the click: %s", where);
  }
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (member_part (fx, rep, "member-no-plan"))));
  g_assert_true (has_focus_in (fx->window, member_part (fx, rep, "member-reason")));
  ui_test_type ("Support can be given without a plan");
  ui_test_key ("Return");
  ui_test_settle (400);
  ui_test_screenshot (GTK_WIDGET (ui_test_card (fx->window, fx->child[0], "NHS Trust")), "boardshift-second-member");

  g_clear_pointer (&bea_held, g_free);
  bea_held = own_position_in_db (fx, bea);
  rep_held = own_position_in_db (fx, rep);
  g_assert_cmpstr (bea_held, ==, "plan|Bruising seen twice");
  g_assert_cmpstr (rep_held, ==, "no-plan|Support can be given without a plan");
  g_assert_cmpint (y_after, ==, y);
}

/* Trials 5 and 6: Ctrl+Enter in a representative's own reason records their position with
 * it and goes on (the group's other representative with no position, then the next group,
 * whose whole card is in view); with no position chosen it says so on the card, the focus on
 * their Plan. It did nothing and said nothing. */
static void
test_member_ctrl_enter (Siblings      *fx,
                        gconstpointer  data)
{
  g_autofree char *bea_held = NULL;
  g_autofree char *rep_held = NULL;
  g_autofree char *count = NULL;
  QuorumVoteCard *card;
  GtkWidget *status;
  gint64 bea;
  gint64 rep;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  add_attempt (fx, fx->child[0], NULL, "No agreement");
  add_vote (fx, fx->child[0], "Children's Social Care", QUORUM_VIEW_PLAN, QUORUM_CATEGORY_NEGLECT, "Chronic neglect");
  siblings_open_sized (fx, fx->child[0], 1024, 640);
  bea = attendee_named (fx, "Bea Visitor");
  rep = attendee_named (fx, "Rep of NHS Trust");

  card = ui_test_card (fx->window, fx->child[0], "NHS Trust");
  ui_test_scroll_into_view (ui_test_find_named (GTK_WIDGET (card), "disagreed-check"));
  ui_test_click (ui_test_find_named (GTK_WIDGET (card), "disagreed-check"), -1, -1);
  ui_test_settle (300);

  /* No position chosen: said, the focus on Bea's Plan. */
  ui_test_click (member_part (fx, bea, "member-reason"), -1, -1);
  ui_test_type ("Bruising seen twice");
  ui_test_key ("ctrl+Return");
  ui_test_settle (300);
  count = ui_test_db_sql (fx->path, "SELECT count(*) FROM member_view");
  g_assert_cmpstr (count, ==, "0");
  status = ui_test_find_named (GTK_WIDGET (ui_test_card (fx->window, fx->child[0], "NHS Trust")), "status-label");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (status)), ==, "Not recorded: choose Plan or No plan for Bea Visitor first");
  g_assert_true (has_focus_in (fx->window, member_part (fx, bea, "member-plan")));

  /* Space chooses Plan (recorded with the words typed); back in the reason, more words,
   * Ctrl+Enter: recorded, and on to the other representative's Plan. */
  ui_test_key ("space");
  ui_test_settle (300);
  bea_held = own_position_in_db (fx, bea);
  g_assert_cmpstr (bea_held, ==, "plan|Bruising seen twice");
  ui_test_click (member_part (fx, bea, "member-reason"), -1, -1);
  ui_test_key ("End");
  ui_test_type (" this month");
  ui_test_key ("ctrl+Return");
  ui_test_settle (400);
  g_clear_pointer (&bea_held, g_free);
  bea_held = own_position_in_db (fx, bea);
  g_assert_cmpstr (bea_held, ==, "plan|Bruising seen twice this month");
  g_assert_true (has_focus_in (fx->window, member_part (fx, rep, "member-plan")));

  /* His: Right to No plan, Space (the focus stays there, as on a group card's views), Tab to
   * the reason, Ctrl+Enter: recorded, and on to the next group waiting (Police), its whole card
   * in view. */
  ui_test_key ("Right");
  ui_test_key ("space");
  ui_test_settle (300);
  g_assert_true (has_focus_in (fx->window, member_part (fx, rep, "member-no-plan")));
  ui_test_key ("Tab");
  ui_test_settle (100);
  g_assert_true (has_focus_in (fx->window, member_part (fx, rep, "member-reason")));
  ui_test_type ("Support without a plan");
  ui_test_key ("ctrl+Return");
  ui_test_settle (500);
  rep_held = own_position_in_db (fx, rep);
  g_assert_cmpstr (rep_held, ==, "no-plan|Support without a plan");
  card = ui_test_card (fx->window, fx->child[0], "Police");
  g_assert_true (has_focus_in (fx->window, GTK_WIDGET (card)));
  g_assert_true (card_in_view (card));
  ui_test_screenshot (GTK_WIDGET (fx->window), "boardshift-member-ctrl-enter-next");
}

/* A2 for a representative's own reason: NHS Trust's representatives could not agree, Bea's No
 * plan clicked, her reason half typed, Ctrl+Page_Down to Ben. Nothing recorded for her (her
 * position waits for its reason, the words kept in the card's draft of the representatives'
 * reasons); back by Ctrl+Page_Up, the caret at the end of her words, the chair finishes the
 * sentence and Enter records it whole. */
static void
test_member_reason_child_switch (Siblings      *fx,
                                 gconstpointer  data)
{
  g_autofree char *held = NULL;
  g_autofree char *draft = NULL;
  g_autofree char *table = ui_test_drafts_table (UI_TEST_CHAIR);
  QuorumVoteCard *card;
  GtkWidget *reason;
  gint64 bea;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  add_attempt (fx, fx->child[0], NULL, "No agreement");
  add_attempt (fx, fx->child[1], NULL, "No agreement");
  siblings_open (fx, fx->child[0]);
  bea = attendee_named (fx, "Bea Visitor");

  card = ui_test_card (fx->window, fx->child[0], "NHS Trust");
  ui_test_scroll_into_view (ui_test_find_named (GTK_WIDGET (card), "disagreed-check"));
  ui_test_click (ui_test_find_named (GTK_WIDGET (card), "disagreed-check"), -1, -1);
  ui_test_settle (300);
  ui_test_click (member_part (fx, bea, "member-no-plan"), -1, -1);
  ui_test_settle (300);
  g_assert_true (has_focus_in (fx->window, member_part (fx, bea, "member-reason")));
  ui_test_type ("Bea has not seen Amy since");

  ui_test_key ("ctrl+Page_Down");
  ui_test_settle (400);
  g_assert_cmpint (quorum_conference_page_get_child_id (quorum_window_get_conference_page (fx->window)), ==, fx->child[1]);
  held = own_position_in_db (fx, bea);
  draft = ui_test_db_sqlf (fx->path, "SELECT text FROM %s WHERE scope LIKE '%%:vote:NHS Trust:members'"
                           " AND field = 'reason-%" G_GINT64_FORMAT "'", table, bea);
  g_test_message ("away from Amy: Bea's own position “%s”, draft “%s”", held, draft);
  g_assert_cmpstr (held, ==, "");
  g_assert_cmpstr (draft, ==, "Bea has not seen Amy since");

  ui_test_key ("ctrl+Page_Up");
  ui_test_settle (400);
  reason = member_part (fx, bea, "member-reason");
  g_assert_true (has_focus_in (fx->window, reason));
  g_assert_cmpint (gtk_editable_get_position (GTK_EDITABLE (reason)), ==, (int) strlen ("Bea has not seen Amy since"));
  g_clear_pointer (&held, g_free);
  held = own_position_in_db (fx, bea);
  g_assert_cmpstr (held, ==, "");

  ui_test_type (" March");
  ui_test_key ("Return");
  ui_test_settle (400);
  g_clear_pointer (&held, g_free);
  held = own_position_in_db (fx, bea);
  g_assert_cmpstr (held, ==, "no-plan|Bea has not seen Amy since March");
}

/* Trials 5 and 6: the attempt's Outcome, where the form puts the focus when it is not chosen:
 * Ctrl+Enter there refuses again (said under it, nothing recorded), and once an outcome is
 * chosen by keys there, Ctrl+Enter records the attempt. It did nothing and said nothing. */
static void
test_outcome_ctrl_enter (Siblings      *fx,
                         gconstpointer  data)
{
  g_autofree char *count = NULL;
  g_autofree char *held = NULL;
  QuorumChildPanel *panel;
  GtkWidget *agreed;
  GtkWidget *error_row;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  siblings_open (fx, fx->child[0]);
  panel = panel_of_child (fx, fx->child[0]);
  agreed = ui_test_template_child (panel, QUORUM_TYPE_CHILD_PANEL, "agreed_row");
  error_row = ui_test_template_child (panel, QUORUM_TYPE_CHILD_PANEL, "outcome_error_row");

  ui_test_click (named_in_child (fx, fx->child[0], "proposal-row"), -1, -1);
  ui_test_type (PROPOSAL);
  ui_test_click (named_in_child (fx, fx->child[0], "summary-field"), -1, -1);
  ui_test_type (SUMMARY);
  ui_test_click (GTK_WIDGET (quorum_text_field_get_view (QUORUM_TEXT_FIELD (ui_test_template_child (panel, QUORUM_TYPE_CHILD_PANEL, "views_field")))), -1, -1);
  ui_test_key ("ctrl+Return");
  ui_test_settle (300);
  count = attempts_in_db (fx, fx->child[0]);
  g_assert_cmpstr (count, ==, "0");
  g_assert_true (gtk_widget_get_mapped (error_row));
  g_assert_true (has_focus_in (fx->window, agreed));

  /* Ctrl+Enter on the Outcome itself, still not chosen: refused again, said. */
  ui_test_key ("ctrl+Return");
  ui_test_settle (300);
  g_clear_pointer (&count, g_free);
  count = attempts_in_db (fx, fx->child[0]);
  g_assert_cmpstr (count, ==, "0");
  g_assert_true (gtk_widget_get_mapped (error_row));
  g_assert_true (has_focus_in (fx->window, agreed));

  /* Chosen by keys (the list opened, down to "No consensus", Enter), then Ctrl+Enter there. */
  ui_test_key ("space");
  ui_test_settle (300);
  ui_test_key ("Down");
  ui_test_key ("Return");
  ui_test_settle (300);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (agreed)), ==, 1);
  g_assert_true (has_focus_in (fx->window, agreed));
  ui_test_screenshot (GTK_WIDGET (fx->window), "boardshift-outcome-chosen");
  ui_test_key ("ctrl+Return");
  ui_test_settle (400);
  held = ui_test_db_sqlf (fx->path, "SELECT agreed || '|' || coalesce (proposal, '') || '|' || summary"
                          " FROM attempt WHERE child_id = %" G_GINT64_FORMAT, fx->child[0]);
  g_assert_cmpstr (held, ==, "none|" PROPOSAL "|" SUMMARY);
  /* On to the vote: the first group's view. */
  g_assert_true (has_focus_in (fx->window, GTK_WIDGET (ui_test_card (fx->window, fx->child[0], "Children's Social Care"))));
}

/* Trial 5, A4: Plan clicked, then Tab: the focus on the first category, Neglect (it went to
 * Physical, the click having put it on Neglect unseen), and Space ticks it. */
static void
test_plan_click_tab (Siblings      *fx,
                     gconstpointer  data)
{
  g_autofree char *vote = NULL;
  QuorumVoteCard *card;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  add_attempt (fx, fx->child[0], NULL, "No agreement");
  siblings_open (fx, fx->child[0]);

  card = ui_test_card (fx->window, fx->child[0], "Police");
  ui_test_click (find_labelled (GTK_WIDGET (card), GTK_TYPE_TOGGLE_BUTTON, "Plan"), -1, -1);
  ui_test_settle (200);
  ui_test_key ("Tab");
  ui_test_settle (200);
  card = ui_test_card (fx->window, fx->child[0], "Police");
  {
    g_autofree char *where = focus_name (fx->window);

    g_test_message ("focus after Plan clicked and Tab: %s", where);
  }
  g_assert_true (has_focus_in (fx->window, find_labelled (GTK_WIDGET (card), GTK_TYPE_CHECK_BUTTON, "Neglect")));
  ui_test_key ("space");
  ui_test_settle (300);
  vote = vote_record_in_db (fx, fx->child[0], "Police");
  g_assert_cmpstr (vote, ==, "plan|neglect|");
}

/* Trial 5, A5: Ctrl+Enter in a group's reason that the store refuses (here a trigger; the
 * server down in the trial): the focus stays in the reason, the card says it was not recorded,
 * the words stay; once the store takes it, Ctrl+Enter records and goes on to the next group. */
static void
test_refused_stays (Siblings      *fx,
                    gconstpointer  data)
{
  g_autofree char *vote = NULL;
  QuorumVoteCard *card;
  GtkWidget *status;
  g_autofree char *words = NULL;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }
  if (ui_test_is_postgres ())
    {
      g_test_skip ("the refusal is made by a SQLite trigger");
      return;
    }

  add_attempt (fx, fx->child[0], NULL, "No agreement");
  add_vote (fx, fx->child[0], "Children's Social Care", QUORUM_VIEW_NO_PLAN, 0, "First words");
  siblings_open (fx, fx->child[0]);

  {
    const char * const argv[] = { "sqlite3", fx->path,
                                  "CREATE TRIGGER test_refuse_insert BEFORE INSERT ON vote BEGIN SELECT RAISE (ABORT, 'refused for the test'); END;"
                                  "CREATE TRIGGER test_refuse_update BEFORE UPDATE ON vote BEGIN SELECT RAISE (ABORT, 'refused for the test'); END;",
                                  NULL };
    g_free (ui_test_spawn (argv));
  }

  card = ui_test_card (fx->window, fx->child[0], "Children's Social Care");
  ui_test_click (reason_view_of (card), -1, -1);
  ui_test_key ("ctrl+End");
  ui_test_type (" and more");
  ui_test_key ("ctrl+Return");
  ui_test_settle (500);
  {
    g_autofree char *where = focus_name (fx->window);

    g_test_message ("focus after a refused Ctrl+Enter: %s", where);
  }
  vote = vote_record_in_db (fx, fx->child[0], "Children''s Social Care");
  g_assert_cmpstr (vote, ==, "no-plan||First words");
  card = ui_test_card (fx->window, fx->child[0], "Children's Social Care");
  g_assert_true (has_focus_in (fx->window, reason_view_of (card)));
  words = quorum_text_field_get_text (quorum_vote_card_get_reason_field (card));
  g_assert_cmpstr (words, ==, "First words and more");
  status = ui_test_find_named (GTK_WIDGET (card), "status-label");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (status)), ==, "Not recorded: your words stay here; press Ctrl+Enter to try again");
  ui_test_screenshot (GTK_WIDGET (card), "boardshift-refused-stays");

  {
    const char * const argv[] = { "sqlite3", fx->path,
                                  "DROP TRIGGER test_refuse_insert; DROP TRIGGER test_refuse_update;", NULL };
    g_free (ui_test_spawn (argv));
  }
  ui_test_key ("ctrl+Return");
  ui_test_settle (500);
  g_clear_pointer (&vote, g_free);
  vote = vote_record_in_db (fx, fx->child[0], "Children''s Social Care");
  g_assert_cmpstr (vote, ==, "no-plan||First words and more");
  g_assert_true (has_focus_in (fx->window, GTK_WIDGET (ui_test_card (fx->window, fx->child[0], "Police"))));
}

/* Trial 6, A2: each group's view recorded as the chair did (Plan clicked, Tab, Space on Neglect,
 * the reason clicked and typed, Ctrl+Enter) on a window of 1024×640 and of 1180×780: the next
 * group's whole card in view, not its heading and Plan at the bottom edge. */
static void
test_next_card_whole (Siblings      *fx,
                      gconstpointer  data)
{
  static const int sizes[][2] = { { 1024, 640 }, { 1180, 780 } };

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  add_attempt (fx, fx->child[0], NULL, "No agreement");
  add_attempt (fx, fx->child[1], NULL, "No agreement");
  /* Animations on, as in the app (the tests turn them off): the scrolled window's own scroll to
   * the focus is animated, and its frames took the view back to the Plan button alone. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      gint64 child = fx->child[s];

      if (fx->window != NULL)
        gtk_window_destroy (GTK_WINDOW (fx->window));
      ui_test_iterate (100);
      siblings_open_sized (fx, child, sizes[s][0], sizes[s][1]);
      for (guint i = 0; sibling_groups[i + 1] != NULL; i++)
        {
          QuorumVoteCard *card = ui_test_card (fx->window, child, sibling_groups[i]);
          QuorumVoteCard *next;

          ui_test_click (find_labelled (GTK_WIDGET (card), GTK_TYPE_TOGGLE_BUTTON, "Plan"), -1, -1);
          ui_test_settle (200);
          ui_test_key ("Tab");
          ui_test_key ("space");
          ui_test_settle (200);
          card = ui_test_card (fx->window, child, sibling_groups[i]);
          ui_test_click (reason_view_of (card), -1, -1);
          ui_test_type ("Chronic neglect");
          /* As a chair types a sentence: its draft kept, the marker shown, before Ctrl+Enter. */
          ui_test_iterate (QUORUM_DRAFT_DELAY_MS + 400);
          ui_test_key ("ctrl+Return");
          ui_test_settle (600);

          next = ui_test_card (fx->window, child, sibling_groups[i + 1]);
          g_assert_true (has_focus_in (fx->window, GTK_WIDGET (next)));
          if (i == 0)
            {
              g_autofree char *name = g_strdup_printf ("boardshift-next-card-%dx%d", sizes[s][0], sizes[s][1]);

              ui_test_screenshot (GTK_WIDGET (fx->window), name);
            }
          g_assert_true (card_in_view (next));
        }
    }
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

/* The draft marker ("Draft · not yet recorded") comes under a group's reason with the first
 * word typed and goes once the words are recorded: it moved every card below it ~32 px while
 * the chair was about to click (a click aimed at one group's button landed in another's
 * card). The chair types Children's Social Care's reason and clicks where Police's "No plan"
 * was before she typed; then types Police's reason and clicks where the trust's "Plan" was.
 * Each click lands where it was aimed, and each reason is recorded as its own group's. */
static void
test_draft_marker_click_lands (Siblings      *fx,
                               gconstpointer  data)
{
  g_autofree char *csc_held = NULL;
  g_autofree char *police_held = NULL;
  g_autofree char *trust_held = NULL;
  QuorumVoteCard *csc;
  QuorumVoteCard *police;
  QuorumVoteCard *trust;
  GtkWidget *target;
  int x;
  int y;
  int x_now;
  int y_now;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  add_attempt (fx, fx->child[0], NULL, "No agreement");
  /* Tall enough for the three cards' buttons at once (the cards are a column). */
  siblings_open_sized (fx, fx->child[0], 1180, 1000);
  csc = ui_test_card (fx->window, fx->child[0], "Children's Social Care");
  police = ui_test_card (fx->window, fx->child[0], "Police");
  trust = ui_test_card (fx->window, fx->child[0], "NHS Trust");

  ui_test_click (find_labelled (GTK_WIDGET (csc), GTK_TYPE_TOGGLE_BUTTON, "Plan"), -1, -1);
  ui_test_settle (300);
  ui_test_click (reason_view_of (csc), -1, -1);
  ui_test_settle (200);
  g_assert_true (has_focus_in (fx->window, reason_view_of (csc)));
  g_assert_false (marker_shown (GTK_WIDGET (csc), "reason-draft-marker"));

  /* Where Police's No plan is as the chair starts typing; the marker comes as she types. */
  target = find_labelled (GTK_WIDGET (police), GTK_TYPE_TOGGLE_BUTTON, "No plan");
  surface_point (target, &x, &y);
  ui_test_type ("Known to social care since March");
  ui_test_iterate (QUORUM_DRAFT_DELAY_MS + 300);
  g_assert_true (marker_shown (GTK_WIDGET (csc), "reason-draft-marker"));
  ui_test_screenshot (GTK_WIDGET (fx->window), "boardshift-draft-marker-shown");
  surface_point (target, &x_now, &y_now);
  g_test_message ("Police's No plan: y %d before typing, %d with the marker shown", y, y_now);

  click_at (fx->window, x, y);
  ui_test_settle (400);
  police_held = vote_record_in_db (fx, fx->child[0], "Police");
  csc_held = vote_record_in_db (fx, fx->child[0], "Children''s Social Care");
  g_test_message ("after the click: Police %s; Children's Social Care %s", police_held, csc_held);
  g_assert_cmpstr (police_held, ==, "no-plan||");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (target)));
  g_assert_cmpint (y_now, ==, y);
  g_assert_true (g_str_has_prefix (csc_held, "plan|"));
  g_assert_true (g_str_has_suffix (csc_held, "|Known to social care since March"));
  g_assert_false (marker_shown (GTK_WIDGET (csc), "reason-draft-marker"));

  /* The other way: the marker going as the words are recorded by the click itself. The
   * trust's buttons brought on screen first, with Police's reason above them. */
  ui_test_scroll_into_view (find_labelled (GTK_WIDGET (trust), GTK_TYPE_TOGGLE_BUTTON, "Plan"));
  ui_test_iterate (300);
  ui_test_click (reason_view_of (police), -1, -1);
  ui_test_settle (200);
  g_assert_true (has_focus_in (fx->window, reason_view_of (police)));
  ui_test_type ("No offences recorded at the address");
  ui_test_iterate (QUORUM_DRAFT_DELAY_MS + 300);
  g_assert_true (marker_shown (GTK_WIDGET (police), "reason-draft-marker"));
  target = find_labelled (GTK_WIDGET (trust), GTK_TYPE_TOGGLE_BUTTON, "Plan");
  surface_point (target, &x, &y);
  click_at (fx->window, x, y);
  ui_test_settle (400);
  surface_point (target, &x_now, &y_now);
  g_test_message ("the trust's Plan: y %d as the chair clicked, %d once Police's words were recorded", y, y_now);
  g_assert_cmpint (y_now, ==, y);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (target)));
  g_clear_pointer (&police_held, g_free);
  police_held = vote_record_in_db (fx, fx->child[0], "Police");
  trust_held = vote_record_in_db (fx, fx->child[0], "NHS Trust");
  g_assert_cmpstr (police_held, ==, "no-plan||No offences recorded at the address");
  g_assert_true (g_str_has_prefix (trust_held, "plan|"));
  g_assert_false (marker_shown (GTK_WIDGET (police), "reason-draft-marker"));
}

/* Trial 6, annoyance 4: the mouse wheel over a reason box did not scroll the vote board (the
 * box's own scroller took the wheel with nothing to scroll). Three notches down over Police's
 * empty reason (xdotool, button 5): the board scrolls down; over a reason longer than its box,
 * the wheel scrolls the words and the board stays. */
static void
test_wheel_over_reason_scrolls_board (Siblings      *fx,
                                      gconstpointer  data)
{
#ifdef GDK_WINDOWING_X11
  const char * const wheel_down[] = { "click", "--repeat", "3", "--delay", "80", "5", NULL };
  QuorumVoteCard *police;
  GtkWidget *board;
  GtkAdjustment *adjustment;
  GtkWidget *view;
  GtkAdjustment *own;
  double before;
  double field_before;
  int x;
  int y;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  add_attempt (fx, fx->child[0], NULL, "No agreement");
  siblings_open_sized (fx, fx->child[0], 1024, 640);
  police = ui_test_card (fx->window, fx->child[0], "Police");
  board = gtk_widget_get_ancestor (GTK_WIDGET (police), GTK_TYPE_SCROLLED_WINDOW);
  g_assert_nonnull (board);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (board));
  view = reason_view_of (police);
  ui_test_scroll_into_view (view);
  ui_test_iterate (300);
  /* Room to scroll down, as on a projector's screen. */
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment) + 50, <,
                     gtk_adjustment_get_upper (adjustment));
  before = gtk_adjustment_get_value (adjustment);
  surface_point (view, &x, &y);
  ui_test_move_and (gtk_native_get_surface (GTK_NATIVE (fx->window)), x, y, wheel_down);
  ui_test_settle (400);
  g_test_message ("the board: %.0f before the wheel, %.0f after", before, gtk_adjustment_get_value (adjustment));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, before + 20);

  /* A reason longer than its box: the wheel is the box's. */
  quorum_vote_card_type_reason (police, "One\nTwo\nThree\nFour\nFive\nSix\nSeven\nEight\nNine\nTen\n"
                                        "Eleven\nTwelve\nThirteen\nFourteen\nFifteen\nSixteen");
  ui_test_scroll_into_view (view);
  ui_test_iterate (400);
  own = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (view, GTK_TYPE_SCROLLED_WINDOW)));
  g_assert_cmpfloat (gtk_adjustment_get_upper (own) - gtk_adjustment_get_lower (own), >, gtk_adjustment_get_page_size (own));
  gtk_adjustment_set_value (own, 0);
  ui_test_iterate (100);
  before = gtk_adjustment_get_value (adjustment);
  field_before = gtk_adjustment_get_value (own);
  surface_point (view, &x, &y);
  ui_test_move_and (gtk_native_get_surface (GTK_NATIVE (fx->window)), x, y, wheel_down);
  ui_test_settle (400);
  g_assert_cmpfloat (gtk_adjustment_get_value (own), >, field_before);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, before);
#else
  g_test_skip ("X11 only");
#endif
}

/* How many of the children have their panel built (the others stand in, built in the idle time
 * after the open conference is painted, one a turn of the main loop). */
static guint
panels_built (Siblings *fx)
{
  GtkWidget *stack = ui_test_template_child (quorum_window_get_conference_page (fx->window),
                                             QUORUM_TYPE_CONFERENCE_PAGE, "child_stack");
  guint n = 0;

  for (GtkWidget *page = gtk_widget_get_first_child (stack); page != NULL; page = gtk_widget_get_next_sibling (page))
    if (ADW_IS_BIN (page) && QUORUM_IS_CHILD_PANEL (adw_bin_get_child (ADW_BIN (page))))
      n++;
  return n;
}

/* The window closed while the other children's panels are still being built: the building
 * stops with the page. (It went on after the page was gone: the source that built one panel a
 * turn forgot its own id while it ran, so the page could not remove it, and the next turn
 * walked the disposed page's stack: a critical seen under AddressSanitizer at a load of 19.) */
static void
test_closed_while_panels_build (Siblings      *fx,
                                gconstpointer  data)
{
  gint64 until;

  fx->window = ui_test_window_new (fx->store, 1280, 900);
  g_assert_true (quorum_window_open_conference (fx->window, fx->conf, fx->child[0]));
  until = g_get_monotonic_time () + 20 * G_USEC_PER_SEC * ui_test_timeout_scale ();
  while (panels_built (fx) < 2 && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (panels_built (fx), ==, 2);

  gtk_window_destroy (GTK_WINDOW (fx->window));
  fx->window = NULL;
  /* The third child's turn would come now: nothing may run for the page. */
  ui_test_iterate (300);
}

/* The window closed as a conference opens, before its first frame is painted: the page stops
 * waiting for the frame without a word. (Its handler on the window's frame clock had already
 * gone with the clock: a warning, fatal in the suite, seen under AddressSanitizer.) */
static void
test_closed_before_first_paint (Siblings      *fx,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  static const char * const other_names[] = { "Dan Other", NULL };
  QuorumConferenceSpec spec = {
    .kind = QUORUM_KIND_INITIAL, .chair = "Jo Chair", .profile_id = "bolton", .children = other_names,
  };
  gint64 other;

  g_date_set_dmy (&spec.date, 3, G_DATE_MARCH, 2026);
  other = quorum_store_create_conference (fx->store, &spec, &error);
  g_assert_no_error (error);
  siblings_open (fx, fx->child[0]);
  /* Another conference, on the screen: its put-off work waits for its first frame. */
  g_assert_true (quorum_window_open_conference (fx->window, other, 0));
  gtk_window_destroy (GTK_WINDOW (fx->window));
  fx->window = NULL;
  ui_test_iterate (300);
}

/* The chair's rhythm on a card, by keys only (keyrhythm): the reason is one Tab on from where
 * the view's part ends, whichever view. No plan: Space on the view, Tab, the words, Ctrl+Enter.
 * Plan: Space, Tab into the categories, Space (Neglect), Tab, the words, Ctrl+Enter; with two
 * categories the arrow moves between them (Down: Emotional) and one Tab still leaves them.
 * Shift+Tab from a category goes back to the view. Each card's words are its group's reason in
 * the database. Before, each category was a stop for Tab: the words typed after a plan's
 * category and Tab landed on the next category. */
static void
test_tab_rhythm (Siblings      *fx,
                 gconstpointer  data)
{
  g_autofree char *csc = NULL;
  g_autofree char *police = NULL;
  g_autofree char *trust = NULL;
  QuorumVoteCard *card;
  GtkWidget *plan;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  add_attempt (fx, fx->child[0], NULL, "No agreement");
  siblings_open (fx, fx->child[0]);
  ui_test_raise_window (fx->window);

  /* Children's Social Care: Plan, one category. */
  card = ui_test_card (fx->window, fx->child[0], sibling_groups[0]);
  plan = find_labelled (GTK_WIDGET (card), GTK_TYPE_TOGGLE_BUTTON, "Plan");
  ui_test_scroll_into_view (plan);
  gtk_window_set_focus_visible (GTK_WINDOW (fx->window), TRUE);
  gtk_widget_grab_focus (plan);
  ui_test_settle (100);
  /* Opened with nothing pressed yet, the window puts the focus on the first group still to give
   * a view, holding a first key typed there as words (trial 9 A3, t9forms.md): the arrows, as the
   * card then says, before Space chooses. */
  ui_test_key ("Right");
  ui_test_key ("Left");
  ui_test_settle (100);
  ui_test_key ("space");
  ui_test_settle (200);
  ui_test_key ("Tab");
  ui_test_key ("space");
  ui_test_settle (200);
  /* Back to the view and in again: the categories are one stop each way. */
  ui_test_key ("shift+Tab");
  ui_test_settle (100);
  {
    g_autofree char *where = focus_name (fx->window);

    g_test_message ("Shift+Tab from Neglect: %s", where);
  }
  card = ui_test_card (fx->window, fx->child[0], sibling_groups[0]);
  g_assert_true (has_focus_in (fx->window, find_labelled (GTK_WIDGET (card), GTK_TYPE_TOGGLE_BUTTON, "Plan")));
  ui_test_key ("Tab");
  ui_test_settle (100);
  ui_test_key ("Tab");
  ui_test_settle (100);
  {
    g_autofree char *where = focus_name (fx->window);

    g_test_message ("Plan, Tab, Space, Tab: %s", where);
  }
  card = ui_test_card (fx->window, fx->child[0], sibling_groups[0]);
  g_assert_true (has_focus_in (fx->window, reason_view_of (card)));
  ui_test_type ("Amy is hungry at school");
  ui_test_key ("ctrl+Return");
  ui_test_settle (400);
  csc = vote_record_in_db (fx, fx->child[0], "Children''s Social Care");
  g_assert_cmpstr (csc, ==, "plan|neglect|Amy is hungry at school");

  /* Police, the next card (the focus on its Plan): No plan by Space, one Tab, the words. */
  card = ui_test_card (fx->window, fx->child[0], "Police");
  g_assert_true (has_focus_in (fx->window, GTK_WIDGET (card)));
  ui_test_key ("Right");
  ui_test_key ("space");
  ui_test_settle (200);
  ui_test_key ("Tab");
  ui_test_settle (100);
  card = ui_test_card (fx->window, fx->child[0], "Police");
  g_assert_true (has_focus_in (fx->window, reason_view_of (card)));
  ui_test_type ("No police contact with the family");
  ui_test_key ("ctrl+Return");
  ui_test_settle (400);
  police = vote_record_in_db (fx, fx->child[0], "Police");
  g_assert_cmpstr (police, ==, "no-plan||No police contact with the family");

  /* NHS Trust: Plan, two categories by the arrow, one Tab out of them. */
  card = ui_test_card (fx->window, fx->child[0], "NHS Trust");
  g_assert_true (has_focus_in (fx->window, GTK_WIDGET (card)));
  ui_test_key ("space");
  ui_test_settle (200);
  ui_test_key ("Tab");
  ui_test_key ("space");
  ui_test_settle (200);
  ui_test_key ("Down");
  ui_test_settle (100);
  card = ui_test_card (fx->window, fx->child[0], "NHS Trust");
  g_assert_true (has_focus_in (fx->window, find_labelled (GTK_WIDGET (card), GTK_TYPE_CHECK_BUTTON, "Emotional")));
  ui_test_key ("space");
  ui_test_settle (200);
  ui_test_key ("Tab");
  ui_test_settle (100);
  card = ui_test_card (fx->window, fx->child[0], "NHS Trust");
  g_assert_true (has_focus_in (fx->window, reason_view_of (card)));
  ui_test_type ("Missed health appointments");
  ui_test_settle (100);
  ui_test_screenshot (GTK_WIDGET (card), "tab-rhythm-plan-two-categories");
  ui_test_key ("ctrl+Return");
  ui_test_settle (400);
  trust = vote_record_in_db (fx, fx->child[0], "NHS Trust");
  g_assert_cmpstr (trust, ==, "plan|neglect,emotional|Missed health appointments");
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add ("/ui/siblings/next-child-focus", Siblings, NULL,
              siblings_set_up, test_next_child_focus, siblings_tear_down);
  g_test_add ("/ui/siblings/same-as-previous-sibling", Siblings, NULL,
              siblings_set_up, test_same_as_previous_sibling, siblings_tear_down);
  g_test_add ("/ui/siblings/same-as-keeps-heading-whole", Siblings, NULL,
              siblings_set_up, test_same_as_keeps_heading_whole, siblings_tear_down);
  g_test_add ("/ui/siblings/could-not-agree-after-view", Siblings, GINT_TO_POINTER (TRUE),
              siblings_set_up, test_could_not_agree_after_view, siblings_tear_down);
  g_test_add ("/ui/siblings/decided-plan-without-category", Siblings, NULL,
              siblings_set_up, test_decided_plan_without_category, siblings_tear_down);

  g_test_add ("/ui/siblings/back-to-child-keeps-proposal", Siblings, NULL,
              siblings_set_up, test_back_to_child_keeps_proposal, siblings_tear_down);
  g_test_add ("/ui/siblings/reason-shift-tab", Siblings, NULL,
              siblings_set_up, test_reason_shift_tab, siblings_tear_down);
  g_test_add ("/ui/siblings/next-group-in-view", Siblings, NULL,
              siblings_set_up, test_next_group_in_view, siblings_tear_down);
  g_test_add ("/ui/siblings/no-view-says-why", Siblings, GINT_TO_POINTER (TRUE),
              siblings_set_up, test_no_view_says_why, siblings_tear_down);

  g_test_add ("/ui/siblings/child-switch-mid-reason", Siblings, NULL,
              siblings_set_up, test_child_switch_mid_reason, siblings_tear_down);
  g_test_add ("/ui/siblings/child-switch-keeps-reason-a-draft", Siblings, NULL,
              siblings_set_up, test_child_switch_keeps_reason_a_draft, siblings_tear_down);
  g_test_add ("/ui/siblings/child-tab-click-mid-reason", Siblings, NULL,
              siblings_set_up, test_child_tab_click_mid_reason, siblings_tear_down);
  g_test_add ("/ui/siblings/child-switch-then-closed", Siblings, NULL,
              siblings_set_up, test_child_switch_then_closed, siblings_tear_down);
  g_test_add ("/ui/siblings/closed-mid-reason-kept-a-draft", Siblings, NULL,
              siblings_set_up, test_closed_mid_reason_kept_a_draft, siblings_tear_down);
  g_test_add ("/ui/siblings/page-switch-keeps-reason-a-draft", Siblings, NULL,
              siblings_set_up, test_page_switch_keeps_reason_a_draft, siblings_tear_down);
  g_test_add ("/ui/siblings/child-tab-by-keys", Siblings, NULL,
              siblings_set_up, test_child_tab_by_keys, siblings_tear_down);
  g_test_add ("/ui/siblings/member-reason-child-switch", Siblings, GINT_TO_POINTER (TRUE),
              siblings_set_up, test_member_reason_child_switch, siblings_tear_down);
  g_test_add ("/ui/siblings/tab-rhythm", Siblings, NULL, siblings_set_up, test_tab_rhythm, siblings_tear_down);
  g_test_add ("/ui/siblings/words-on-a-checkbox", Siblings, GINT_TO_POINTER (TRUE),
              siblings_set_up, test_words_on_a_checkbox, siblings_tear_down);
  g_test_add ("/ui/siblings/ctrl-enter-stops-at-draft-reason", Siblings, NULL,
              siblings_set_up, test_ctrl_enter_stops_at_draft_reason, siblings_tear_down);

  g_test_add ("/ui/siblings/boardshift-member-click-lands", Siblings, GINT_TO_POINTER (TRUE),
              siblings_set_up, test_member_click_lands, siblings_tear_down);
  g_test_add ("/ui/siblings/boardshift-member-ctrl-enter", Siblings, GINT_TO_POINTER (TRUE),
              siblings_set_up, test_member_ctrl_enter, siblings_tear_down);
  g_test_add ("/ui/siblings/boardshift-outcome-ctrl-enter", Siblings, NULL,
              siblings_set_up, test_outcome_ctrl_enter, siblings_tear_down);
  g_test_add ("/ui/siblings/boardshift-plan-click-tab", Siblings, NULL,
              siblings_set_up, test_plan_click_tab, siblings_tear_down);
  g_test_add ("/ui/siblings/boardshift-refused-stays", Siblings, NULL,
              siblings_set_up, test_refused_stays, siblings_tear_down);
  g_test_add ("/ui/siblings/boardshift-next-card-whole", Siblings, GINT_TO_POINTER (TRUE),
              siblings_set_up, test_next_card_whole, siblings_tear_down);
  g_test_add ("/ui/siblings/boardshift-draft-marker-click-lands", Siblings, NULL,
              siblings_set_up, test_draft_marker_click_lands, siblings_tear_down);
  g_test_add ("/ui/siblings/wheel-over-reason-scrolls-board", Siblings, NULL,
              siblings_set_up, test_wheel_over_reason_scrolls_board, siblings_tear_down);

  g_test_add ("/ui/siblings/closed-while-panels-build", Siblings, NULL,
              siblings_set_up, test_closed_while_panels_build, siblings_tear_down);

  g_test_add ("/ui/siblings/closed-before-first-paint", Siblings, NULL,
              siblings_set_up, test_closed_before_first_paint, siblings_tear_down);

  return g_test_run ();
}
