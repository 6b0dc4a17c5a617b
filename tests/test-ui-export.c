/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-export.c: "Export…" and "Print…" as the minute-taker uses them: the record saved in
 * every format from the real window (all of it, read back by poppler, python's csv and
 * quorum-cli), printed to the same pages as the PDF, a failure said to the person, and both
 * offered before and after sign-off. */

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <json-glib/json-glib.h>

#include "ui/quorum-export-actions.h"

#include "test-ui-common.h"

#define MINUTE_TAKER "Priya Shah (minute-taker)"

typedef struct
{
  char              *db_path;    /* as the minute-taker opens it (the window's) */
  char              *chair_path; /* as the chair opens it */
  char              *dir;
  QuorumStore       *store;      /* the minute-taker's: the window's */
  QuorumStore       *chair;      /* the chair's, who made the record (SQLite: the same store) */
  QuorumWindow      *window;
  gint64             conference_id;
  QuorumConference  *conference;
} Fixture;

/* ---- readers ---- */

static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);

  return out;
}

static gboolean
have_program (const char *name)
{
  g_autofree char *path = g_find_program_in_path (name);

  return path != NULL;
}

/* White space of any kind and length as one space, none after a hyphen: pdftotext breaks
 * lines its own way, and a line may break after a hyphen. */
static char *
squash (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
        continue;
      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space && out->str[out->len - 1] != '-')
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static int
pdf_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = run (argv);
  const char *pages = strstr (info, "\nPages:");

  g_assert_nonnull (pages);
  return atoi (pages + strlen ("\nPages:"));
}

static void
assert_a4 (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = run (argv);

  /* "Page size:      595.276 x 841.89 pts (A4)" */
  g_assert_nonnull (strstr (info, "(A4)"));
}

/* The text of a PDF in reading order, squashed, without each page's running title, header,
 * footer and DRAFT mark: a reason that runs over a page break reads as one. */
static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-raw", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *text = run (argv);
  g_autoptr(GRegex) chrome = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;

  chrome = g_regex_new ("^\f?(Record of decision and dissent · .*|DRAFT|.* · Chair: .*|"
                        "Exported .* by .*|Page \\d+ of \\d+)$",
                        G_REGEX_MULTILINE, 0, &error);
  g_assert_no_error (error);
  body = g_regex_replace_literal (chrome, text, -1, 0, "", 0, &error);
  g_assert_no_error (error);

  return squash (body);
}

/* The text of a PDF as pdftotext reads it, every page's chrome included. */
static char *
pdf_text_whole (const char *path)
{
  const char *argv[] = { "pdftotext", "-raw", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *text = run (argv);

  return squash (text);
}

static void
assert_contains (const char *haystack,
                 const char *needle,
                 const char *where)
{
  g_autofree char *squashed = squash (needle);

  if (strstr (haystack, squashed) == NULL)
    g_error ("%s lacks “%.200s…” in:\n%s", where, squashed, haystack);
}

/* Every group, its representatives and its reason, for every child. */
static void
assert_every_view (const QuorumConference *conference,
                   const char             *text,
                   const char             *where)
{
  g_assert_cmpuint (conference->votes->len, >, 0);

  for (guint i = 0; i < conference->votes->len; i++)
    {
      const QuorumVote *vote = g_ptr_array_index (conference->votes, i);
      g_auto(GStrv) members = quorum_conference_group_members (conference, vote->group);

      assert_contains (text, vote->group, where);
      g_assert_cmpuint (g_strv_length (members), >, 0);
      for (guint m = 0; members[m] != NULL; m++)
        assert_contains (text, members[m], where);
      g_assert_nonnull (vote->reason);
      assert_contains (text, vote->reason, where);
    }
}

/* ---- the window ---- */

#define CSC    "Bolton Children's Social Care"
#define POLICE "Greater Manchester Police"
#define HEALTH "Bolton NHS FT Health Visiting"
#define SCHOOL "St Peter's CE Primary School"
#define GP     "Chorley Road Surgery"

static void
add_attendee (QuorumStore *store,
              gint64       conference_id,
              const char  *name,
              const char  *group)
{
  QuorumAttendeeSpec spec = {
    .name = name,
    .agency = group,
    .line_management = group,
    .voting = TRUE,
    .attendance = QUORUM_ATTENDANCE_PRESENT,
  };
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (quorum_store_add_attendee (store, conference_id, &spec, &error), >, 0);
  g_assert_no_error (error);
}

static void
add_vote (QuorumStore *store,
          gint64       conference_id,
          gint64       child_id,
          const char  *group,
          QuorumView   view,
          guint        categories,
          const char  *reason)
{
  QuorumVoteSpec spec = {
    .child_id = child_id,
    .group = group,
    .view = view,
    .categories = categories,
    .reason = reason,
  };
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (quorum_store_record_vote (store, conference_id, &spec, &error), >, 0);
  g_assert_no_error (error);
}

static void
decide (QuorumStore *store,
        gint64       conference_id,
        gint64       child_id,
        QuorumBasis  basis)
{
  g_autoptr(QuorumOutcome) outcome = NULL;
  g_autoptr(GError) error = NULL;
  gint64 plan_id = 0;
  gint64 referral_id = 0;

  outcome = quorum_store_decide (store, conference_id, child_id, QUORUM_VIEW_NONE, 0,
                                 &plan_id, &referral_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (outcome);
  g_assert_cmpint (outcome->basis, ==, basis);
}

/* A Bolton initial conference, through the store as the app writes it: Amy's decision a
 * two-two split with one group declining, a reason long enough to make the record run to more
 * than one page (not longer: the conference page lays a long reason out slowly) and one in
 * several scripts with an emoji; Ben's a consensus. Not signed off. */
static gint64
create_split_conference (QuorumStore *store)
{
  static const char * const children[] = { "Amy Jones", "Ben Jones", NULL };
  QuorumConferenceSpec spec = {
    .kind = QUORUM_KIND_INITIAL,
    .time = "10:00",
    .venue = "Bolton Town Hall, Room 3",
    .chair = "Margaret Hughes (IRO)",
    .minute_taker = "Priya Shah",
    .case_ref = "CP-2026-0042",
    .profile_id = "bolton",
    .children = children,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumConference) conference = NULL;
  g_autoptr(GString) long_reason = g_string_new (NULL);
  QuorumAttemptSpec attempt = { 0 };
  gint64 id;
  gint64 amy;
  gint64 ben;

  g_date_clear (&spec.date, 1);
  g_date_set_dmy (&spec.date, 20, G_DATE_NOVEMBER, 2026);
  id = quorum_store_create_conference (store, &spec, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  add_attendee (store, id, "Sam Social", CSC);
  add_attendee (store, id, "DS Amir Khan", POLICE);
  add_attendee (store, id, "PC Łucja Żółć-Kowalska", POLICE);
  add_attendee (store, id, "Helen Price", HEALTH);
  add_attendee (store, id, "Claire Dunn", SCHOOL);
  add_attendee (store, id, "Dr Rahul Mehta", GP);

  conference = ui_test_load (store, id);
  amy = ((QuorumChild *) g_ptr_array_index (conference->children, 0))->id;
  ben = ((QuorumChild *) g_ptr_array_index (conference->children, 1))->id;

  attempt.child_id = amy;
  attempt.summary = "Views differ on the risk of neglect";
  attempt.agreed = QUORUM_VIEW_NONE;
  g_assert_cmpint (quorum_store_add_attempt (store, id, &attempt, &error), >, 0);
  g_assert_no_error (error);

  for (int i = 1; i <= 50; i++)
    g_string_append_printf (long_reason, "%sSentence %d of the health view, given in full.",
                            i > 1 ? " " : "", i);

  add_vote (store, id, amy, CSC, QUORUM_VIEW_PLAN, QUORUM_CATEGORY_NEGLECT,
            "Amy has missed three health appointments and the home was found without food twice.");
  add_vote (store, id, amy, SCHOOL, QUORUM_VIEW_PLAN, QUORUM_CATEGORY_EMOTIONAL,
            "Attendance is falling and Amy is withdrawn in class.");
  add_vote (store, id, amy, POLICE, QUORUM_VIEW_NO_PLAN, 0,
            "No offences disclosed; the \"incidents\" are historic, and the family engages. 😟 "
            "Zgłoszenie zamknięte. 没有担忧.");
  add_vote (store, id, amy, HEALTH, QUORUM_VIEW_NO_PLAN, 0, long_reason->str);
  add_vote (store, id, amy, GP, QUORUM_VIEW_DECLINE, 0,
            "The practice has not seen Amy in the last twelve months.");
  decide (store, id, amy, QUORUM_BASIS_SPLIT);

  attempt.child_id = ben;
  attempt.summary = "All agree Ben's needs are met";
  attempt.agreed = QUORUM_VIEW_NO_PLAN;
  g_assert_cmpint (quorum_store_add_attempt (store, id, &attempt, &error), >, 0);
  g_assert_no_error (error);
  decide (store, id, ben, QUORUM_BASIS_CONSENSUS);

  return id;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->chair_path = ui_test_db_path ();
  /* No name kept: the minute-taker's record names its store's user, as quorum-cli's --as does. */
  ui_test_forget_name ();
  fixture->dir = ui_test_db_folder (fixture->chair_path);
  fixture->chair = ui_test_open (fixture->chair_path);
  quorum_store_set_user (fixture->chair, MINUTE_TAKER);
  fixture->conference_id = create_split_conference (fixture->chair);

  /* The minute-taker exports what the chair recorded: on PostgreSQL as themselves, a login the
   * server lets read and export only (their name in the Preferences is what the record says
   * exported it); a SQLite file is one person's. */
  fixture->db_path = ui_test_db_as (fixture->chair_path, UI_TEST_MINUTE_TAKER);
  if (ui_test_is_postgres ())
    {
      g_autoptr(GSettings) settings = quorum_ui_settings_new ();

      fixture->store = ui_test_open (fixture->db_path);
      /* Their name, as they type it in the Preferences ("Your name"). */
      g_settings_set_string (settings, "chair-name", MINUTE_TAKER);
      g_assert_cmpint (quorum_store_get_roles (fixture->store, NULL), ==, QUORUM_STORE_ROLE_MINUTE_TAKER);
    }
  else
    fixture->store = g_object_ref (fixture->chair);
  fixture->conference = ui_test_load (fixture->store, fixture->conference_id);
  g_assert_no_error (error);
  g_assert_false (quorum_conference_is_finalised (fixture->conference));

  fixture->window = ui_test_window_new (fixture->store, 1280, 800);
  g_assert_true (quorum_window_open_conference (fixture->window, fixture->conference_id, 0));
  ui_test_iterate (100);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  ui_test_iterate (50);
  g_clear_pointer (&fixture->conference, quorum_conference_free);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->chair);
  /* The settings are the process's (memory): the next case starts as a new user again. */
  {
    g_autoptr(GSettings) settings = quorum_ui_settings_new ();

    g_settings_reset (settings, "chair-name");
    g_settings_reset (settings, "export-folder");
  }
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db_path);
  g_free (fixture->chair_path);
}

/* ---- waiting for the export ---- */

typedef struct
{
  QuorumWindow *window;
  const char   *path;
  const char   *name;
} Saved;

static gboolean
is_saved (gpointer data)
{
  Saved *saved = data;
  const char *toast = quorum_window_get_last_toast (saved->window);

  return g_file_test (saved->path, G_FILE_TEST_IS_REGULAR) &&
         toast != NULL && strstr (toast, saved->name) != NULL;
}

/* Does what "Export…" does once the chooser has answered, and waits for the file and the
 * toast that says it was saved. */
static char *
save (Fixture            *fixture,
      const char         *name,
      QuorumExportFormat  format)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *toast = g_strdup_printf ("Dissent record saved as “%s”", name);
  Saved saved = { fixture->window, path, name };

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  quorum_export_actions_save_to (GTK_WINDOW (fixture->window), fixture->store,
                                 fixture->conference_id, file, format);
  ui_test_wait_until (is_saved, &saved, 30000, name);
  g_assert_cmpstr (quorum_window_get_last_toast (fixture->window), ==, toast);
  g_assert_null (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  return g_steal_pointer (&path);
}

/* ---- the tests ---- */

/* PDF, CSV, JSON and text, through the app's own export path. */
static void
test_save_every_format (Fixture       *fixture,
                        gconstpointer  data)
{
  const QuorumConference *conference = fixture->conference;
  g_autofree char *pdf = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *json = NULL;
  g_autofree char *txt = NULL;

  if (!have_program ("pdfinfo") || !have_program ("pdftotext") || !have_program ("python3"))
    {
      g_test_skip ("poppler-utils or python3 not installed");
      return;
    }

  /* PDF: A4, and every group, representative and reason in its text. */
  pdf = save (fixture, "record.pdf", QUORUM_EXPORT_PDF);
  assert_a4 (pdf);
  /* The long reason runs over a page break: the record is paginated. */
  g_assert_cmpint (pdf_pages (pdf), >=, 2);
  {
    g_autofree char *text = pdf_text (pdf);
    g_autofree char *whole = pdf_text_whole (pdf);
    int n_pages = pdf_pages (pdf);

    assert_every_view (conference, text, "the PDF");
    /* Headers and footers: who exported it, the draft mark, "Page N of M". */
    assert_contains (whole, "DRAFT", "the draft PDF");
    assert_contains (whole, "by " MINUTE_TAKER, "the PDF's footer");
    for (int i = 1; i <= n_pages; i++)
      {
        g_autofree char *page = g_strdup_printf ("Page %d of %d", i, n_pages);

        assert_contains (whole, page, "the PDF's footers");
      }
  }

  /* CSV: one row per group's view per child, each group once for its child. */
  csv = save (fixture, "record.csv", QUORUM_EXPORT_CSV);
  {
    const char *script =
      "import csv, json, sys\n"
      "with open(sys.argv[1], newline='', encoding='utf-8') as f:\n"
      "    print(json.dumps(list(csv.DictReader(f, strict=True))))\n";
    const char *argv[] = { "python3", "-c", script, csv, NULL };
    g_autofree char *out = run (argv);
    g_autoptr(JsonNode) parsed = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    JsonArray *rows;
    const char *exported_at = NULL;

    parsed = json_from_string (out, &error);
    g_assert_no_error (error);
    rows = json_node_get_array (parsed);
    /* A row per view, and one for Ben, decided by consensus with no view recorded (its group's
     * cells empty, its basis said). */
    g_assert_cmpuint (json_array_get_length (rows), ==, conference->votes->len + 1);

    for (guint r = 0; r < json_array_get_length (rows); r++)
      {
        JsonObject *row = json_array_get_object_element (rows, r);
        const char *child_id = json_object_get_string_member (row, "child_id");
        const char *group = json_object_get_string_member (row, "group");
        QuorumVote *vote = quorum_conference_find_vote (conference, g_ascii_strtoll (child_id, NULL, 10), group);
        g_auto(GStrv) members = NULL;
        g_autofree char *representatives = NULL;
        const QuorumReferral *referral = quorum_conference_find_referral (conference, g_ascii_strtoll (child_id, NULL, 10));
        g_autofree char *referral_id = referral != NULL ? g_strdup_printf ("%" G_GINT64_FORMAT, referral->id) : g_strdup ("");
        g_autofree char *referral_due = referral != NULL ? quorum_date_to_string (&referral->due) : g_strdup ("");

        /* The child's referral to the Head of Service (a split's) on each of its rows, as the
         * CLI's export gives it; empty on the others (trial 6, A14). */
        g_assert_cmpstr (json_object_get_string_member (row, "referral_id"), ==, referral_id);
        g_assert_cmpstr (json_object_get_string_member (row, "referral_due"), ==, referral_due);
        if (g_strcmp0 (group, "") == 0)
          {
            g_assert_cmpstr (json_object_get_string_member (row, "decision_basis"), ==, "consensus");
            g_assert_cmpstr (json_object_get_string_member (row, "view"), ==, "");
            g_assert_true (g_hash_table_add (seen, g_strdup_printf ("%s/consensus", child_id)));
            continue;
          }
        g_assert_nonnull (vote);
        g_assert_true (g_hash_table_add (seen, g_strdup_printf ("%s/%s", child_id, group)));
        g_assert_cmpstr (json_object_get_string_member (row, "view"), ==, quorum_view_to_string (vote->view));
        g_assert_cmpstr (json_object_get_string_member (row, "reason"), ==, vote->reason);
        members = quorum_conference_group_members (conference, group);
        representatives = g_strjoinv ("; ", members);
        g_assert_cmpstr (json_object_get_string_member (row, "representatives"), ==, representatives);

        /* Who exported it and when, the same on every row. */
        g_assert_cmpstr (json_object_get_string_member (row, "exported_by"), ==, MINUTE_TAKER);
        if (exported_at == NULL)
          exported_at = json_object_get_string_member (row, "exported_at");
        g_assert_cmpstr (json_object_get_string_member (row, "exported_at"), ==, exported_at);
      }
    g_assert_true (g_str_has_suffix (exported_at, "Z"));
  }

  /* JSON: the document of `quorum-cli conference show`, and who exported it and when. */
  json = save (fixture, "record.json", QUORUM_EXPORT_JSON);
  {
    const char *cli = g_getenv ("QUORUM_CLI");
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, fixture->conference_id);
    const char *argv[] = { cli, "--db", fixture->db_path, "--json", "conference", "show", id, NULL };
    g_autofree char *shown_text = NULL;
    g_autoptr(JsonNode) shown = NULL;
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_autoptr(GError) error = NULL;
    g_autoptr(GDateTime) at = NULL;
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
    JsonObject *root;

    g_assert_nonnull (cli);
    shown_text = run (argv);
    shown = json_from_string (shown_text, &error);
    g_assert_no_error (error);
    g_assert_false (json_object_has_member (json_node_get_object (shown), "exported_by"));

    g_assert_true (json_parser_load_from_file (parser, json, &error));
    g_assert_no_error (error);
    root = json_node_get_object (json_parser_get_root (parser));
    g_assert_cmpstr (json_object_get_string_member (root, "exported_by"), ==, MINUTE_TAKER);
    at = g_date_time_new_from_iso8601 (json_object_get_string_member (root, "exported_at"), utc);
    g_assert_nonnull (at);
    g_assert_true (g_str_has_suffix (json_object_get_string_member (root, "exported_at"), "Z"));
    g_assert_cmpint (ABS (g_date_time_difference (now, at)), <, 10 * G_TIME_SPAN_MINUTE);

    json_object_remove_member (root, "exported_by");
    json_object_remove_member (root, "exported_at");
    if (!json_node_equal (shown, json_parser_get_root (parser)))
      g_error ("the exported JSON is not `conference show`:\n%s\n---\n%s",
               shown_text, json_to_string (json_parser_get_root (parser), TRUE));
  }

  /* Text: every view, and who exported it. */
  txt = save (fixture, "record.txt", QUORUM_EXPORT_TEXT);
  {
    g_autofree char *contents = NULL;
    g_autofree char *text = NULL;

    g_assert_true (g_file_get_contents (txt, &contents, NULL, NULL));
    text = squash (contents);
    assert_every_view (conference, text, "the text");
    assert_contains (text, MINUTE_TAKER, "the text");
  }
}

/* Print…: the same pages as the saved PDF, with the same reasons. */
static void
test_print_matches_file (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *printed = g_build_filename (fixture->dir, "printed.pdf", NULL);
  g_autofree char *file_text = NULL;
  g_autofree char *print_text = NULL;
  GtkPrintOperationResult result;

  if (!have_program ("pdfinfo") || !have_program ("pdftotext"))
    {
      g_test_skip ("poppler-utils not installed");
      return;
    }

  pdf = save (fixture, "record.pdf", QUORUM_EXPORT_PDF);

  operation = quorum_export_actions_new_print_operation (GTK_WINDOW (fixture->window), fixture->store,
                                                         fixture->conference_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (operation);

  /* "Print to File" offers the export's folder (the one last exported to) and its name, not
   * "output.pdf" in the folder the app was started from. */
  {
    GtkPrintSettings *settings = gtk_print_operation_get_print_settings (operation);

    g_autoptr(QuorumConference) conference = quorum_store_load_conference (fixture->store,
                                                                            fixture->conference_id,
                                                                            NULL);
    g_autofree char *date = quorum_date_to_string (&conference->date);
    /* The case reference and the date (trial 6, A15), as the export offers it. */
    g_autofree char *base = g_strdup_printf ("CP-2026-0042_%s", date);

    g_assert_nonnull (settings);
    /* A path, as GTK's file printer reads it (a URI left its File empty: nothing printed). */
    g_assert_cmpstr (gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_DIR), ==, fixture->dir);
    g_assert_cmpstr (gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME), ==, base);
  }
  gtk_print_operation_set_export_filename (operation, printed);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                    GTK_WINDOW (fixture->window), &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  ui_test_iterate (50);
  g_assert_true (g_file_test (printed, G_FILE_TEST_IS_REGULAR));
  g_assert_null (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  /* A printed copy is a record about children, as the export is: its owner's only. */
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (printed, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }

  /* Paper and file never differ. */
  assert_a4 (printed);
  g_assert_cmpint (pdf_pages (printed), ==, pdf_pages (pdf));

  file_text = pdf_text (pdf);
  print_text = pdf_text (printed);
  assert_every_view (fixture->conference, print_text, "the printed record");
  for (guint i = 0; i < fixture->conference->votes->len; i++)
    {
      const QuorumVote *vote = g_ptr_array_index (fixture->conference->votes, i);

      assert_contains (file_text, vote->reason, "the PDF");
    }

  /* A conference that cannot be read gives no operation, and says why. */
  g_clear_error (&error);
  g_assert_null (quorum_export_actions_new_print_operation (GTK_WINDOW (fixture->window), fixture->store,
                                                            999999, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_NOT_FOUND);
}

static gboolean
has_dialog (gpointer data)
{
  return ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static guint
count_files (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

/* Saving where nothing can be written: the person is told, in words, and no file is left. */
static void
assert_refused (Fixture    *fixture,
                const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *before = g_strdup (quorum_window_get_last_toast (fixture->window));
  GtkWindow *dialog;

  quorum_export_actions_save_to (GTK_WINDOW (fixture->window), fixture->store,
                                 fixture->conference_id, file, QUORUM_EXPORT_PDF);
  ui_test_wait_until (has_dialog, NULL, 30000, "the error dialog");

  dialog = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "The Record Was Not Saved");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), path));
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (fixture->window));
  ui_test_respond ("close");
  g_assert_null (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  /* No "saved" toast, and nothing written. */
  g_assert_cmpstr (quorum_window_get_last_toast (fixture->window), ==, before);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_save_failure_is_said (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such-folder", "record.pdf", NULL);
  g_autofree char *plain = g_build_filename (fixture->dir, "a-file", NULL);
  g_autofree char *under_file = g_build_filename (plain, "record.pdf", NULL);
  g_autofree char *locked = g_build_filename (fixture->dir, "locked", NULL);
  g_autofree char *in_locked = g_build_filename (locked, "record.pdf", NULL);

  assert_refused (fixture, missing);

  g_assert_true (g_file_set_contents (plain, "not a folder", -1, NULL));
  assert_refused (fixture, under_file);

  /* A folder the person may not write in (root may write anywhere: skipped then). */
  g_assert_cmpint (g_mkdir (locked, 0500), ==, 0);
  if (geteuid () != 0)
    {
      assert_refused (fixture, in_locked);
      g_assert_cmpuint (count_files (locked), ==, 0);
    }
  else
    g_test_message ("running as root: the read-only folder is not checked");
  g_chmod (locked, 0700);
}

/* ---- the menu ---- */

/* The menu item a person reads as @label (its mnemonic's underline aside). */
static GtkWidget *
find_menu_item (GtkWidget  *root,
                const char *label)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (root), "text");

  if (GTK_IS_WIDGET (root) && pspec != NULL && pspec->value_type == G_TYPE_STRING &&
      !GTK_IS_LABEL (root) && !GTK_IS_EDITABLE (root))
    {
      g_autofree char *text = NULL;
      g_auto(GStrv) parts = NULL;
      g_autofree char *shown = NULL;

      g_object_get (root, "text", &text, NULL);
      parts = g_strsplit (text != NULL ? text : "", "_", -1);
      shown = g_strjoinv ("", parts);
      if (g_strcmp0 (shown, label) == 0)
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_menu_item (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkMenuButton *
find_menu_button (GtkWidget *root)
{
  if (GTK_IS_MENU_BUTTON (root) && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (root)) != NULL &&
      gtk_widget_is_drawable (root))
    return GTK_MENU_BUTTON (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found = find_menu_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Opens the conference menu, as a click does, and checks which of @labels can be chosen
 * (@sensitive: NULL-terminated, TRUE or FALSE for each). */
static void
assert_menu (Fixture            *fixture,
             const char * const *labels,
             const gboolean     *sensitive)
{
  QuorumConferencePage *page = quorum_window_get_conference_page (fixture->window);
  GtkMenuButton *button = find_menu_button (GTK_WIDGET (page));
  GtkPopover *popover;

  g_assert_nonnull (button);
  gtk_menu_button_popup (button);
  ui_test_iterate (100);
  popover = gtk_menu_button_get_popover (button);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));

  for (guint i = 0; labels[i] != NULL; i++)
    {
      GtkWidget *item = find_menu_item (GTK_WIDGET (popover), labels[i]);

      if (item == NULL)
        g_error ("the conference menu has no “%s”", labels[i]);
      /* A disabled action leaves its item insensitive. */
      if (gtk_widget_is_sensitive (item) != sensitive[i])
        g_error ("“%s” %s be chosen", labels[i], sensitive[i] ? "cannot" : "can");
    }

  gtk_menu_button_popdown (button);
  ui_test_iterate (50);
}

static gboolean
page_signed_off (gpointer data)
{
  const QuorumConference *shown = quorum_conference_page_get_conference (QUORUM_CONFERENCE_PAGE (data));

  return shown != NULL && quorum_conference_is_finalised (shown);
}

static void
test_offered_draft_and_signed_off (Fixture       *fixture,
                                   gconstpointer  data)
{
  QuorumConferencePage *page = quorum_window_get_conference_page (fixture->window);
  g_autofree char *pdf = NULL;

  const char * const labels[] = { "Export Dissent Record…", "Print…", "Sign Off…", "Amend…", NULL };
  const gboolean draft[] = { TRUE, TRUE, TRUE, FALSE };
  const gboolean signed_off[] = { TRUE, TRUE, FALSE, TRUE };
  /* On PostgreSQL the minute-taker's menu has exporting only: sign-off and amending are the
   * chair's (docs/notes/tidy.md). */
  const char * const reader_labels[] = { "Export Dissent Record…", "Print…", NULL };
  const gboolean reader[] = { TRUE, TRUE };

  /* A draft: the record can be circulated before sign-off, marked DRAFT. (Amend… cannot be
   * chosen yet: the menu tells a disabled action from an enabled one.) */
  if (ui_test_is_postgres ())
    assert_menu (fixture, reader_labels, reader);
  else
    assert_menu (fixture, labels, draft);

  /* Signed off by the chair (on PostgreSQL in the chair's own window, while the minute-taker's
   * is open): the minute-taker exports the final record. */
  if (ui_test_is_postgres ())
    {
      QuorumWindow *chair = ui_test_window_new (fixture->chair, 1280, 800);

      g_assert_true (quorum_window_open_conference (chair, fixture->conference_id, 0));
      ui_test_iterate (100);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (quorum_window_get_conference_page (chair)),
                                                 "conference.sign-off", NULL));
      ui_test_iterate (20);
      ui_test_respond_sign_off ("Jo Chair");
      ui_test_iterate (100);
      gtk_window_destroy (GTK_WINDOW (chair));
      ui_test_iterate (100);
      /* The minute-taker's window shows it signed off with no refresh (LISTEN/NOTIFY). */
      ui_test_wait_until (page_signed_off, page, 10000, "the sign-off to show in the minute-taker's window");
    }
  else
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "conference.sign-off", NULL));
      ui_test_iterate (20);
      ui_test_respond_sign_off ("Jo Chair");
      ui_test_iterate (100);
    }
  {
    g_autoptr(QuorumConference) conference = ui_test_load (fixture->store, fixture->conference_id);
    g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM conference WHERE id = %lld AND finalised_at IS NOT NULL",
                                            (long long) fixture->conference_id);
    g_autofree char *held = ui_test_db_sql (fixture->db_path, sql);

    g_assert_true (quorum_conference_is_finalised (conference));
    g_assert_cmpstr (held, ==, "1");
  }
  if (ui_test_is_postgres ())
    assert_menu (fixture, reader_labels, reader);
  else
    assert_menu (fixture, labels, signed_off);

  if (!have_program ("pdftotext"))
    return;

  pdf = save (fixture, "final.pdf", QUORUM_EXPORT_PDF);
  {
    g_autofree char *whole = pdf_text_whole (pdf);
    g_autofree char *text = pdf_text (pdf);

    g_assert_null (strstr (whole, "DRAFT"));
    assert_every_view (fixture->conference, text, "the final PDF");
  }
}

/* The export dialog shown over the database's own folder (the minute-taker types the folder's
 * path into its Name field: the dialog lists it, opening each file to tell its type), then
 * quorum-cli reading the record: the dialog's reads must not let the other process delete the
 * -wal and -shm under the app, and what the app records next must reach the database. */
static gboolean
chooser_shown (gpointer data)
{
  GtkWindow *dialog = ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);

  return dialog != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog));
}

static gboolean
chooser_gone (gpointer data)
{
  return !chooser_shown (data);
}

/* The dialog asking who exports the record and in which language, shown, or NULL. */
static GtkWindow *
find_export_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_mapped (GTK_WIDGET (window)) &&
          g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (window)), "export-dialog") == 0)
        return window;
    }
  return NULL;
}

static gboolean
export_dialog_shown (gpointer data)
{
  return find_export_dialog () != NULL;
}

static gboolean
export_dialog_gone (gpointer data)
{
  return find_export_dialog () == NULL;
}

/* The export dialog answered as it is offered: Enter. */
static void
accept_export_dialog (void)
{
  ui_test_wait_until (export_dialog_shown, NULL, 10000, "the export dialog asking who and which language");
  ui_test_iterate (300);
  ui_test_key ("Return");
  ui_test_wait_until (export_dialog_gone, NULL, 10000, "the export dialog to close");
}

static char *
cli_conferences (const char *path)
{
  const char * const argv[] = { g_getenv ("QUORUM_CLI"), "--db", path, "conference", "list", NULL };

  g_assert_nonnull (argv[0]);
  return ui_test_spawn (argv);
}

static void
test_dialog_over_the_database_folder (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autofree char *folder = g_path_get_dirname (fixture->db_path);
  g_autofree char *typed = g_strconcat (folder, "/", NULL);
  g_autofree char *wal = g_strconcat (fixture->db_path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->db_path, "-shm", NULL);
  g_autofree char *listed = NULL;
  const char *children[] = { "Eve Stone", NULL };
  QuorumConferenceSpec spec = { .kind = QUORUM_KIND_INITIAL, .chair = "Later Chair", .children = children };
  g_autoptr(GError) error = NULL;

  if (ui_test_is_postgres ())
    {
      g_test_skip ("a SQLite file's locks");
      return;
    }
  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  ui_test_raise_window (fixture->window);
  ui_test_key ("ctrl+e");
  accept_export_dialog ();
  ui_test_wait_until (chooser_shown, NULL, 10000, "the export dialog");
  ui_test_iterate (300);
  ui_test_key ("ctrl+a");
  ui_test_type (typed);
  /* The folder listed, each file's type read. */
  ui_test_iterate (2000);
  ui_test_key ("Escape");
  ui_test_wait_until (chooser_gone, NULL, 10000, "the export dialog to close");
  ui_test_iterate (500);

  g_free (cli_conferences (fixture->db_path));
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (shm, G_FILE_TEST_EXISTS));

  g_date_set_dmy (&spec.date, 1, 12, 2026);
  g_assert_cmpint (quorum_store_create_conference (fixture->store, &spec, &error), >, 0);
  g_assert_no_error (error);
  listed = cli_conferences (fixture->db_path);
  g_assert_nonnull (strstr (listed, "Later Chair"));
}

/* The label showing @text under @root, or NULL. */
static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0 &&
      gtk_widget_get_mapped (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
csv_item_shown (gpointer data)
{
  return find_label (data, "CSV spreadsheet, one row per group’s view") != NULL;
}

/* "Export Dissent Record…", CSV chosen in the dialog's list of formats, the suggested name
 * left as it was: the name follows the format (".pdf" becomes ".csv") before Export is pressed,
 * and a CSV file is written under it. (The name stayed ".pdf" and a PDF was written, the toast
 * saying "saved as …pdf", whatever format was chosen.) */
static void
test_chosen_format_is_written (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *date = quorum_date_to_string (&fixture->conference->date);
  /* Named for the case, not the conference's number (trial 6, A15). */
  g_autofree char *stem = g_strdup_printf ("CP-2026-0042_%s", date);
  g_autofree char *pdf_name = g_strconcat (stem, ".pdf", NULL);
  g_autofree char *csv_name = g_strconcat (stem, ".csv", NULL);
  g_autofree char *pdf_path = g_build_filename (fixture->dir, pdf_name, NULL);
  g_autofree char *csv_path = g_build_filename (fixture->dir, csv_name, NULL);
  g_autofree char *toast = g_strdup_printf ("Dissent record saved as “%s”", csv_name);
  g_autofree char *written = NULL;
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->dir);
  g_autoptr(GError) error = NULL;
  Saved saved = { fixture->window, csv_path, csv_name };
  GtkWindow *chooser;
  GtkWidget *formats;
  GtkWidget *root;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  ui_test_raise_window (fixture->window);
  ui_test_key ("ctrl+e");
  accept_export_dialog ();
  ui_test_wait_until (chooser_shown, NULL, 10000, "the export dialog");
  ui_test_iterate (300);
  chooser = ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  /* Where the test keeps its files (a person would browse there: not what is tested). */
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, &error));
  g_assert_no_error (error);
  ui_test_iterate (300);
  {
    g_autofree char *name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));

    g_assert_cmpstr (name, ==, pdf_name);
  }

  /* The list of formats, opened and CSV clicked. */
  formats = ui_test_find_type (GTK_WIDGET (chooser), GTK_TYPE_DROP_DOWN);
  g_assert_nonnull (formats);
  ui_test_click (formats, -1, -1);
  root = GTK_WIDGET (chooser);
  ui_test_wait_until (csv_item_shown, root, 10000, "the list of formats");
  ui_test_click (find_label (root, "CSV spreadsheet, one row per group’s view"), -1, -1);
  ui_test_settle (300);
  {
    g_autofree char *name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));

    g_assert_cmpstr (name, ==, csv_name);
  }

  /* Export, clicked. */
  {
    GtkWidget *export = ui_test_find_button (GTK_WIDGET (chooser), GTK_TYPE_BUTTON, "_Export");

    g_assert_nonnull (export);
    ui_test_click (export, -1, -1);
  }
  ui_test_wait_until (is_saved, &saved, 30000, csv_name);
  g_assert_cmpstr (quorum_window_get_last_toast (fixture->window), ==, toast);
  g_assert_false (g_file_test (pdf_path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (csv_path, &written, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_str_has_prefix (written, "%PDF"));
  g_assert_nonnull (strstr (written, "Amy Jones"));
}

/* ---- the person's name, asked once; the folder, remembered ---- */

static gboolean
menu_shown (gpointer data)
{
  GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (data));

  return popover != NULL && gtk_widget_get_mapped (GTK_WIDGET (popover));
}

/* Clicks the conference menu open, then @label in it. */
static void
click_menu_item (Fixture    *fixture,
                 const char *label)
{
  QuorumConferencePage *page = quorum_window_get_conference_page (fixture->window);
  GtkMenuButton *button = find_menu_button (GTK_WIDGET (page));
  GtkWidget *item;

  g_assert_nonnull (button);
  ui_test_raise_window (fixture->window);
  ui_test_click (GTK_WIDGET (button), -1, -1);
  ui_test_wait_until (menu_shown, button, 10000, "the conference menu");
  ui_test_iterate (200);
  item = find_menu_item (GTK_WIDGET (gtk_menu_button_get_popover (button)), label);
  g_assert_nonnull (item);
  ui_test_click (item, -1, -1);
}

static char *
settings_string (const char *key)
{
  g_autoptr(GSettings) settings = quorum_ui_settings_new ();

  return g_settings_get_string (settings, key);
}

static char *
chooser_folder (void)
{
  GtkWindow *chooser = ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_autoptr(GFile) folder = NULL;

  g_assert_nonnull (chooser);
  folder = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (chooser));
  g_assert_nonnull (folder);

  return g_file_get_path (folder);
}

/* A new user, as the app starts for them: no name in the Preferences, no folder exported to
 * yet, and (on this computer's own database) the record's actor the computer's login (the
 * fixture names the minute-taker, as quorum-cli's --as does). */
static void
start_as_new_user (Fixture *fixture)
{
  g_autoptr(GSettings) settings = quorum_ui_settings_new ();

  g_settings_reset (settings, "chair-name");
  g_settings_reset (settings, "export-folder");
  if (!ui_test_is_postgres ())
    quorum_store_set_user (fixture->store, g_get_user_name ());
  ui_test_iterate (100);
}

/* A new user exports: before the first export the app asks their name (prefilled with the
 * account's real name), keeps it where the Preferences keep it and exports with it; the export
 * dialog opens in their Documents folder (else home), not the app's working directory, and
 * next time in the folder last exported to, with nothing asked. The record said "exported by
 * root". On PostgreSQL the record names the server's user: nothing is asked there. */
static void
test_name_asked_once (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "minutes.txt", NULL);
  g_autofree char *toast = g_strdup_printf ("Dissent record saved as “%s”", "minutes.txt");
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *named = NULL;
  g_autofree char *opened = NULL;
  g_autofree char *remembered = NULL;
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  const char *expected_folder = documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR)
                                  ? documents : g_get_home_dir ();
  const char *real_name = g_get_real_name ();
  Saved saved = { fixture->window, path, "minutes.txt" };
  GtkWindow *dialog;
  GtkWindow *chooser;
  GtkWidget *entry;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  start_as_new_user (fixture);

  if (ui_test_is_postgres ())
    {
      g_autofree char *csv = NULL;
      g_autofree char *written = NULL;

      /* Export clicked: who exports it is offered as the database's user, whom the record
       * named before; Enter takes it, and the chooser follows. */
      click_menu_item (fixture, "Export Dissent Record…");
      ui_test_wait_until (export_dialog_shown, NULL, 10000, "the export dialog");
      entry = ui_test_find_named (GTK_WIDGET (find_export_dialog ()), "exported-by-entry");
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, quorum_store_get_user (fixture->store));
      accept_export_dialog ();
      ui_test_wait_until (chooser_shown, NULL, 10000, "the export dialog");
      ui_test_iterate (300);
      ui_test_key ("Escape");
      ui_test_wait_until (chooser_gone, NULL, 10000, "the export dialog to close");

      /* The record names the database's user, as the server knows them. */
      csv = save (fixture, "record.csv", QUORUM_EXPORT_CSV);
      g_assert_true (g_file_get_contents (csv, &written, NULL, NULL));
      g_assert_nonnull (strstr (written, quorum_store_get_user (fixture->store)));
      g_assert_null (strstr (written, MINUTE_TAKER));
      named = settings_string ("chair-name");
      g_assert_cmpstr (named, ==, "");
      return;
    }

  /* Export, clicked in the conference menu: the name is asked first. */
  click_menu_item (fixture, "Export Dissent Record…");
  ui_test_wait_until (export_dialog_shown, NULL, 10000, "the dialog asking the name");
  dialog = find_export_dialog ();
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (fixture->window));
  g_assert_null (ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));
  entry = ui_test_find_named (GTK_WIDGET (dialog), "exported-by-entry");
  g_assert_true (GTK_IS_EDITABLE (entry));
  /* Prefilled with the account's real name when it has one ("Unknown": none; the login
   * again, as root's "root": none either). */
  if (real_name != NULL && *real_name != '\0' && g_strcmp0 (real_name, "Unknown") != 0 &&
      g_strcmp0 (real_name, g_get_user_name ()) != 0)
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, real_name);
  else
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  ui_test_screenshot (GTK_WIDGET (dialog), "export-name-dialog");

  /* Emptied: nothing to go on with (a name is required when none is kept). */
  ui_test_click (entry, -1, -1);
  ui_test_key ("ctrl+a");
  ui_test_key ("BackSpace");
  ui_test_settle (300);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "continue"));
  ui_test_key ("Return");
  ui_test_settle (500);
  g_assert_true (find_export_dialog () == dialog);

  /* Their name typed, and Choose File… clicked. */
  ui_test_type ("Priya Shah");
  ui_test_settle (300);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Priya Shah");
  ui_test_click (ui_test_find_button (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "C_hoose File…"), -1, -1);

  /* Kept where the Preferences keep it; then the export dialog, over their Documents. */
  ui_test_wait_until (chooser_shown, NULL, 10000, "the export dialog");
  ui_test_iterate (300);
  g_assert_null (find_export_dialog ());
  named = settings_string ("chair-name");
  g_assert_cmpstr (named, ==, "Priya Shah");
  opened = chooser_folder ();
  g_assert_cmpstr (opened, ==, expected_folder);

  /* Where the test keeps its files, and a name of its own (a person would browse and type:
   * not what is tested); Export clicked. */
  chooser = ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, &error));
  g_assert_no_error (error);
  ui_test_iterate (300);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "minutes.txt");
  ui_test_iterate (100);
  ui_test_click (ui_test_find_button (GTK_WIDGET (chooser), GTK_TYPE_BUTTON, "_Export"), -1, -1);
  ui_test_wait_until (is_saved, &saved, 30000, "minutes.txt");
  g_assert_cmpstr (quorum_window_get_last_toast (fixture->window), ==, toast);

  /* Exported by the name typed, not the login. */
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "by Priya Shah"));
  {
    g_autofree char *by_login = g_strdup_printf ("by %s", g_get_user_name ());

    g_assert_null (strstr (contents, by_login));
  }
  remembered = settings_string ("export-folder");
  g_assert_cmpstr (remembered, ==, fixture->dir);

  /* The next export: their name offered, kept; Enter, and the chooser where the last export
   * went. */
  click_menu_item (fixture, "Export Dissent Record…");
  ui_test_wait_until (export_dialog_shown, NULL, 10000, "the export dialog, again");
  entry = ui_test_find_named (GTK_WIDGET (find_export_dialog ()), "exported-by-entry");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Priya Shah");
  accept_export_dialog ();
  ui_test_wait_until (chooser_shown, NULL, 10000, "the export dialog, again");
  ui_test_iterate (300);
  g_assert_null (find_export_dialog ());
  g_free (opened);
  opened = chooser_folder ();
  g_assert_cmpstr (opened, ==, fixture->dir);
  ui_test_key ("Escape");
  ui_test_wait_until (chooser_gone, NULL, 10000, "the export dialog to close");
}

static gboolean
print_dialog_shown (gpointer data)
{
  /* GtkPrintUnixDialog, a GtkDialog (the name dialog is an AdwMessageDialog, not one). */
  return ui_test_find_toplevel (GTK_TYPE_DIALOG) != NULL;
}

/* The name asked, then cancelled (its button, or Escape): no export dialog, nothing written,
 * no name kept; and Print…, whose page names who printed it, asks the same. */
static void
test_name_cancelled_exports_nothing (Fixture       *fixture,
                                     gconstpointer  data)
{
  guint files = count_files (fixture->dir);
  g_autofree char *named = NULL;
  g_autofree char *folder = NULL;

  if (ui_test_is_postgres ())
    {
      g_test_skip ("the shared database names its own user: nothing is asked");
      return;
    }
  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  start_as_new_user (fixture);

  click_menu_item (fixture, "Export Dissent Record…");
  ui_test_wait_until (export_dialog_shown, NULL, 10000, "the dialog asking the name");
  ui_test_click (ui_test_find_button (GTK_WIDGET (find_export_dialog ()), GTK_TYPE_BUTTON, "_Cancel"), -1, -1);
  ui_test_iterate (1500);
  g_assert_null (find_export_dialog ());
  g_assert_null (ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));

  /* Escape, with a name typed: the same. */
  click_menu_item (fixture, "Export Dissent Record…");
  ui_test_wait_until (export_dialog_shown, NULL, 10000, "the dialog asking the name, again");
  ui_test_click (ui_test_find_named (GTK_WIDGET (find_export_dialog ()), "exported-by-entry"), -1, -1);
  ui_test_key ("ctrl+a");
  ui_test_type ("Half Typed");
  ui_test_key ("Escape");
  ui_test_iterate (1500);
  g_assert_null (find_export_dialog ());
  g_assert_null (ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));

  named = settings_string ("chair-name");
  g_assert_cmpstr (named, ==, "");
  folder = settings_string ("export-folder");
  g_assert_cmpstr (folder, ==, "");
  g_assert_cmpuint (count_files (fixture->dir), ==, files);

  /* Print…: asked too; cancelled, no print dialog. */
  click_menu_item (fixture, "Print…");
  ui_test_wait_until (export_dialog_shown, NULL, 10000, "the dialog asking the name, for printing");
  ui_test_key ("Escape");
  ui_test_iterate (1500);
  g_assert_null (find_export_dialog ());
  g_assert_false (print_dialog_shown (NULL));
  g_free (named);
  named = settings_string ("chair-name");
  g_assert_cmpstr (named, ==, "");
}

/* The chooser answered: the test's folder, @name, Export clicked; waits for the file. */
static void
export_in_chooser (Fixture    *fixture,
                   const char *name)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->dir);
  g_autoptr(GError) error = NULL;
  Saved saved = { fixture->window, path, name };
  GtkWindow *chooser;

  ui_test_wait_until (chooser_shown, NULL, 10000, "the file chooser");
  ui_test_iterate (300);
  chooser = ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, &error));
  g_assert_no_error (error);
  ui_test_iterate (300);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  ui_test_iterate (100);
  ui_test_click (ui_test_find_button (GTK_WIDGET (chooser), GTK_TYPE_BUTTON, "_Export"), -1, -1);
  ui_test_wait_until (is_saved, &saved, 30000, name);
}

static gboolean
language_listed (gpointer data)
{
  return find_label (data, "Cymraeg") != NULL;
}

#define CHAIR_KEPT "Rachel O'Neill"

/* Trial 6, A13 and A18: on the chair's laptop (the chair's name kept) the minute-taker exports:
 * the dialog offers the kept name, they write their own over it and choose Cymraeg for a Bolton
 * (English) conference: the PDF says "Allforiwyd … gan Dev Mistry" in Welsh only, and the name
 * kept is still the chair's. The next export offers the chair's name and English (the desktop's,
 * as before), and says so; a name with a character that could make it read as another is
 * refused under the field, nothing written. Before: no dialog, the record said the chair had
 * exported it, in the desktop's language. */
static void
test_another_exporter_and_language (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GSettings) settings = quorum_ui_settings_new ();
  g_autofree char *date = quorum_date_to_string (&fixture->conference->date);
  g_autofree char *offered_name = g_strdup_printf ("CP-2026-0042_%s.pdf", date);
  g_autofree char *welsh = g_build_filename (fixture->dir, "welsh.pdf", NULL);
  g_autofree char *english = g_build_filename (fixture->dir, "english.txt", NULL);
  g_autofree char *named = NULL;
  g_autofree char *text = NULL;
  GtkWindow *dialog;
  GtkWidget *entry;
  GtkWidget *languages;
  GtkWidget *problem;
  guint files;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }
  if (!have_program ("pdftotext"))
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }

  /* The chair's laptop: the chair's name kept in the Preferences. */
  g_settings_set_string (settings, "chair-name", CHAIR_KEPT);
  ui_test_iterate (100);

  click_menu_item (fixture, "Export Dissent Record…");
  ui_test_wait_until (export_dialog_shown, NULL, 10000, "the export dialog");
  dialog = find_export_dialog ();
  entry = ui_test_find_named (GTK_WIDGET (dialog), "exported-by-entry");
  languages = ui_test_find_named (GTK_WIDGET (dialog), "record-language-dropdown");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, CHAIR_KEPT);
  /* The desktop's language, as the record was written before (the tests run in English). */
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (languages)), ==, 0);
  ui_test_iterate (300);
  ui_test_screenshot (GTK_WIDGET (dialog), "export-dialog-offered");

  /* The minute-taker's own name over the chair's. */
  ui_test_click (entry, -1, -1);
  ui_test_key ("ctrl+a");
  ui_test_type ("Dev Mistry");
  ui_test_settle (200);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Dev Mistry");

  /* Cymraeg, chosen in the list. */
  ui_test_click (languages, -1, -1);
  ui_test_wait_until (language_listed, dialog, 10000, "the list of languages");
  ui_test_iterate (200);
  ui_test_click (find_label (GTK_WIDGET (dialog), "Cymraeg"), -1, -1);
  ui_test_settle (300);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (languages)), ==, 1);
  ui_test_screenshot (GTK_WIDGET (dialog), "export-dialog-chosen");

  ui_test_click (ui_test_find_button (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "C_hoose File…"), -1, -1);
  ui_test_wait_until (chooser_shown, NULL, 10000, "the file chooser");
  ui_test_iterate (300);
  /* Offered under the case's reference, not "conference-1-…" (A15). */
  {
    GtkWindow *chooser = ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
    g_autofree char *name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));

    g_assert_cmpstr (name, ==, offered_name);
  }
  export_in_chooser (fixture, "welsh.pdf");

  text = pdf_text_whole (welsh);
  assert_contains (text, "Cofnod penderfyniad ac anghytuno", "the Welsh PDF");
  assert_contains (text, "gan Dev Mistry", "the Welsh PDF");
  g_assert_null (strstr (text, "Record of decision and dissent"));
  g_assert_null (strstr (text, "Exported"));
  g_assert_null (strstr (text, "O'Neill"));
  /* The name kept is the chair's still, and so is whom the next record names. */
  named = settings_string ("chair-name");
  g_assert_cmpstr (named, ==, CHAIR_KEPT);
  g_assert_cmpstr (quorum_store_get_signer (fixture->store), ==, CHAIR_KEPT);

  /* The next export offers the kept name and English again; taken as offered, as text. */
  click_menu_item (fixture, "Export Dissent Record…");
  ui_test_wait_until (export_dialog_shown, NULL, 10000, "the export dialog, again");
  dialog = find_export_dialog ();
  entry = ui_test_find_named (GTK_WIDGET (dialog), "exported-by-entry");
  languages = ui_test_find_named (GTK_WIDGET (dialog), "record-language-dropdown");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, CHAIR_KEPT);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (languages)), ==, 0);
  accept_export_dialog ();
  export_in_chooser (fixture, "english.txt");
  g_free (text);
  g_assert_true (g_file_get_contents (english, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "Record of decision and dissent"));
  g_assert_nonnull (strstr (text, "by " CHAIR_KEPT));
  g_assert_null (strstr (text, "Dev Mistry"));

  /* A name with a right-to-left override in it (pasted, as such a name arrives: xdotool's key
   * for it is not dependable): said under the field, Enter does nothing, nothing written,
   * nothing kept. */
  files = count_files (fixture->dir);
  click_menu_item (fixture, "Export Dissent Record…");
  ui_test_wait_until (export_dialog_shown, NULL, 10000, "the export dialog, a third time");
  dialog = find_export_dialog ();
  entry = ui_test_find_named (GTK_WIDGET (dialog), "exported-by-entry");
  problem = ui_test_find_named (GTK_WIDGET (dialog), "exported-by-problem");
  ui_test_click (entry, -1, -1);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (entry), "Dev\xe2\x80\xaeyrtsiM");
  ui_test_iterate (100);
  ui_test_key ("ctrl+a");
  ui_test_key ("ctrl+v");
  ui_test_settle (300);
  g_assert_nonnull (strstr (gtk_editable_get_text (GTK_EDITABLE (entry)), "\xe2\x80\xae"));
  g_assert_true (gtk_widget_get_visible (problem));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (problem)), !=, "");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "continue"));
  ui_test_screenshot (GTK_WIDGET (dialog), "export-dialog-refused");
  ui_test_key ("Return");
  ui_test_settle (500);
  g_assert_true (find_export_dialog () == dialog);
  g_assert_null (ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));
  ui_test_key ("Escape");
  ui_test_wait_until (export_dialog_gone, NULL, 10000, "the export dialog to close");
  ui_test_iterate (500);
  g_assert_null (ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));
  g_assert_cmpuint (count_files (fixture->dir), ==, files);
  g_free (named);
  named = settings_string ("chair-name");
  g_assert_cmpstr (named, ==, CHAIR_KEPT);
}

static gboolean
identity_shown (gpointer data)
{
  GtkWidget *identity = ui_test_find_named (GTK_WIDGET (data), "identity");

  return identity != NULL && gtk_widget_get_mapped (identity);
}

/* Trial 5, A3: the primary menu says whose name the record uses and which record the window is
 * on; the name follows the Preferences. */
static void
test_menu_says_who_and_where (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GSettings) settings = quorum_ui_settings_new ();
  GtkMenuButton *button = GTK_MENU_BUTTON (ui_test_template_child (fixture->window, QUORUM_TYPE_WINDOW, "primary_menu_button"));
  GtkWidget *popover;
  GtkWidget *name;
  GtkWidget *where;
  GtkWidget *exports;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  g_settings_set_string (settings, "chair-name", CHAIR_KEPT);
  ui_test_iterate (100);
  ui_test_raise_window (fixture->window);
  ui_test_click (GTK_WIDGET (button), -1, -1);
  popover = GTK_WIDGET (gtk_menu_button_get_popover (button));
  ui_test_wait_until (identity_shown, popover, 10000, "the primary menu");
  ui_test_iterate (200);
  name = ui_test_find_named (popover, "identity-name");
  where = ui_test_find_named (popover, "identity-where");
  exports = ui_test_find_named (popover, "identity-exports");
  if (ui_test_is_postgres ())
    {
      const char *text = gtk_label_get_text (GTK_LABEL (where));
      g_autofree char *login = quorum_store_dup_shown_actor (fixture->store);

      /* The server records the login (its given name, else itself), whatever name is kept; the
       * name kept is what exports say, and the menu says so apart (livesmall). */
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (name)), ==, login);
      g_assert_true (gtk_widget_get_visible (exports));
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (exports)), ==,
                       "Exports say “by " CHAIR_KEPT "”, the name kept in Preferences");
      g_assert_true (g_str_has_prefix (text, "Shared record "));
      g_assert_nonnull (strstr (text, quorum_store_get_user (fixture->store)));
    }
  else
    {
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (name)), ==, CHAIR_KEPT);
      g_assert_false (gtk_widget_get_visible (exports));
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (where)), ==, "The record on this computer");
    }
  ui_test_screenshot (popover, "primary-menu-identity");
  ui_test_key ("Escape");
  ui_test_settle (200);

  /* Another name kept: the menu follows. No tooltip: one opened over the menu and took the
   * click meant for its first item (the words are the button's accessible description). */
  g_settings_set_string (settings, "chair-name", "Dev Mistry");
  ui_test_iterate (100);
  if (ui_test_is_postgres ())
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (exports)), ==,
                     "Exports say “by Dev Mistry”, the name kept in Preferences");
  else
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (name)), ==, "Dev Mistry");
  g_assert_null (gtk_widget_get_tooltip_text (GTK_WIDGET (button)));
}

static gboolean
print_to_file_listed (gpointer data)
{
  GtkWindow *dialog = ui_test_find_toplevel (GTK_TYPE_DIALOG);

  return dialog != NULL && ui_test_find_shown_label (GTK_WIDGET (dialog), "Print to File") != NULL;
}

static gboolean
print_button_ready (gpointer data)
{
  GtkWindow *dialog = ui_test_find_toplevel (GTK_TYPE_DIALOG);
  GtkWidget *button = dialog != NULL ? ui_test_find_button (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Print") : NULL;

  return button != NULL && gtk_widget_is_sensitive (button);
}

/* The whole PDF written: its last bytes are the end of file marker. */
static gboolean
pdf_written (gpointer data)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  return g_file_get_contents (data, &contents, &length, NULL) && length > 5 &&
         g_strstr_len (contents + (length > 64 ? length - 64 : 0), -1, "%%EOF") != NULL;
}

/* cliasof 3: Print…, then "Print to File" picked in the print dialog and Print clicked, as a
 * person keeps a printed copy: the PDF GTK writes is the owner's only (0600), as every export is
 * (records about children); it was 0644 (GTK's default under the usual umask). */
static void
test_print_to_file_is_private (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GSettings) settings = quorum_ui_settings_new ();
  g_autofree char *date = quorum_date_to_string (&fixture->conference->date);
  g_autofree char *name = g_strdup_printf ("CP-2026-0042_%s.pdf", date);
  g_autofree char *printed = g_build_filename (fixture->dir, name, NULL);
  GtkWindow *dialog;
  GStatBuf st;

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  /* The usual umask: a file made with the default mode is 0644. Their name known (nothing
   * asked), and the folder last exported to, which "Print to File" offers. */
  umask (022);
  g_settings_set_string (settings, "chair-name", MINUTE_TAKER);
  g_settings_set_string (settings, "export-folder", fixture->dir);
  g_unlink (printed);

  click_menu_item (fixture, "Print…");
  accept_export_dialog ();
  ui_test_wait_until (print_dialog_shown, NULL, 20000, "the print dialog");
  ui_test_wait_until (print_to_file_listed, NULL, 20000, "“Print to File” in the print dialog");
  dialog = ui_test_find_toplevel (GTK_TYPE_DIALOG);
  ui_test_click (ui_test_find_shown_label (GTK_WIDGET (dialog), "Print to File"), -1, -1);
  ui_test_wait_until (print_button_ready, NULL, 10000, "the Print button, “Print to File” picked");
  ui_test_iterate (300);
  ui_test_screenshot (GTK_WIDGET (dialog), "print-to-file");
  ui_test_click (ui_test_find_button (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Print"), -1, -1);

  ui_test_wait_until (pdf_written, printed, 30000, "the printed PDF");
  ui_test_iterate (500);
  g_assert_null (ui_test_find_toplevel (GTK_TYPE_DIALOG));
  g_assert_cmpint (g_stat (printed, &st), ==, 0);
  g_assert_true (S_ISREG (st.st_mode));
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  /* Where it went is said, not "sent to the printer" (trial 4, annoyance 3). */
  {
    g_autofree char *said = g_strdup_printf ("Dissent record printed to %s", printed);

    g_assert_nonnull (ui_test_find_shown_label (GTK_WIDGET (fixture->window), said));
  }
  if (have_program ("pdfinfo"))
    g_assert_cmpint (pdf_pages (printed), >, 0);
}

static guint
attendees_in (Fixture *fixture)
{
  g_autoptr(QuorumConference) c = ui_test_load (fixture->chair, fixture->conference_id);

  return c->attendees->len;
}

/* Trial 5, annoyance 7: the minute-taker's Ctrl+N and Ctrl+T did nothing, silently. Pressed
 * as a person presses them (xdotool), each says in a toast that their role cannot, and nothing
 * opens or is written (PostgreSQL, the minute-taker's login). A chair's Ctrl+N (SQLite: one
 * person's file, every role) is not refused. */
static void
test_minute_taker_keys_said (Fixture       *fixture,
                             gconstpointer  data)
{
  guint before = attendees_in (fixture);

  if (!ui_test_have_xdotool ())
    {
      g_test_skip ("xdotool is not installed or the display is not X11");
      return;
    }

  ui_test_iterate (200);
  ui_test_key ("ctrl+n");
  ui_test_settle (400);
  /* A chair's window (SQLite): Ctrl+N is not refused (it goes on to the application's
   * shortcut, which a test's window without the application does not have). */
  if (!ui_test_is_postgres ())
    {
      g_assert_cmpstr (quorum_window_get_last_toast (fixture->window), !=,
                       "Your role cannot create conferences: only a chair can");
      return;
    }

  g_assert_null (ui_test_find_toplevel (QUORUM_TYPE_NEW_CONFERENCE_DIALOG));
  g_assert_cmpstr (quorum_window_get_last_toast (fixture->window), ==,
                   "Your role cannot create conferences: only a chair can");
  ui_test_screenshot (GTK_WIDGET (fixture->window), "minute-taker-ctrl-n");

  ui_test_key ("ctrl+t");
  ui_test_settle (400);
  g_assert_cmpstr (quorum_window_get_last_toast (fixture->window), ==,
                   "Your role cannot add attendees: only a chair can");
  g_assert_cmpuint (attendees_in (fixture), ==, before);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add ("/ui/export/save-every-format", Fixture, NULL,
              fixture_set_up, test_save_every_format, fixture_tear_down);
  g_test_add ("/ui/export/print-matches-file", Fixture, NULL,
              fixture_set_up, test_print_matches_file, fixture_tear_down);
  g_test_add ("/ui/export/print-to-file-is-private", Fixture, NULL,
              fixture_set_up, test_print_to_file_is_private, fixture_tear_down);
  g_test_add ("/ui/export/save-failure-is-said", Fixture, NULL,
              fixture_set_up, test_save_failure_is_said, fixture_tear_down);
  g_test_add ("/ui/export/offered-draft-and-signed-off", Fixture, NULL,
              fixture_set_up, test_offered_draft_and_signed_off, fixture_tear_down);
  g_test_add ("/ui/export/dialog-over-the-database-folder-loses-nothing", Fixture, NULL,
              fixture_set_up, test_dialog_over_the_database_folder, fixture_tear_down);
  g_test_add ("/ui/export/chosen-format-is-written", Fixture, NULL,
              fixture_set_up, test_chosen_format_is_written, fixture_tear_down);
  g_test_add ("/ui/export/name-asked-once", Fixture, NULL,
              fixture_set_up, test_name_asked_once, fixture_tear_down);
  g_test_add ("/ui/export/another-exporter-and-language", Fixture, NULL,
              fixture_set_up, test_another_exporter_and_language, fixture_tear_down);
  g_test_add ("/ui/export/menu-says-who-and-where", Fixture, NULL,
              fixture_set_up, test_menu_says_who_and_where, fixture_tear_down);
  g_test_add ("/ui/export/name-cancelled-exports-nothing", Fixture, NULL,
              fixture_set_up, test_name_cancelled_exports_nothing, fixture_tear_down);
  g_test_add ("/ui/export/minute-taker-keys-said", Fixture, NULL,
              fixture_set_up, test_minute_taker_keys_said, fixture_tear_down);

  return g_test_run ();
}
