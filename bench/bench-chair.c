/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-chair.c: what the chair feels once the window is up, in a real window under Xvfb:
 * opening a decided conference of eight groups with long reasons and switching child, each
 * until the next frame is painted (against a redraw of the same window); a keystroke's vote,
 * from the key event (xdotool, through the X server) to the committed row that a second
 * connection reads (against the same keystroke reaching a plain GtkEntry), then until the
 * board showing it is painted (against the plain entry's frame); and the PDF
 * export of a 3-page record (against cairo and Pango writing the same text on 3 pages). */

#define _GNU_SOURCE   /* RUSAGE_THREAD */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <sqlite3.h>
#include <adwaita.h>
#include <cairo-pdf.h>
#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>
#if defined __has_include
#if __has_include (<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#endif
#endif
#ifndef CALLGRIND_DUMP_STATS_AT
/* No valgrind headers here: QUORUM_BENCH_CALLGRIND does nothing. */
#define CALLGRIND_DUMP_STATS_AT(name) ((void) (name))
#define CALLGRIND_TOGGLE_COLLECT ((void) 0)
#define CALLGRIND_ZERO_STATS ((void) 0)
#endif

#include "bench.h"
#include "export/quorum-export.h"
#include "ui/quorum-child-panel.h"
#include "ui/quorum-conference-page.h"
#include "ui/quorum-text-field.h"
#include "ui/quorum-ui-util.h"
#include "ui/quorum-vote-card.h"
#include "ui/quorum-window.h"
#include "ui/quorum-wrap-label.h"

#define N_GROUPS 8

static const char *groups[N_GROUPS] = {
  "Children's Social Care", "Police", "NHS Trust", "Education", "Probation", "Housing",
  "Health Visiting", "Youth Justice",
};

/* A reason as a group gives it in the room: several sentences, some of them long. */
static char *
long_reason (const char *group,
             guint       n)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%s has seen the family %u times since the last review; the home "
                            "conditions, school attendance and the health visitor's notes differ "
                            "from what the parents describe, and the group weighs that against "
                            "the support already in place before it gives its view. ", group, i + 3);
  return g_string_free (s, FALSE);
}

static gint64
make_conference (QuorumStore        *store,
                 const char * const *children,
                 const char         *case_ref,
                 gboolean            decide,
                 guint               reason_sentences,
                 gint64             *first_child)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumConference) loaded = NULL;
  QuorumConferenceSpec spec = { .kind = QUORUM_KIND_INITIAL, .chair = "A. Chair", .case_ref = case_ref,
                                .children = children };
  gint64 conference;

  g_date_clear (&spec.date, 1);
  g_date_set_dmy (&spec.date, 24, 11, 2026);
  conference = quorum_store_create_conference (store, &spec, &error);
  g_assert_no_error (error);

  for (guint g = 0; g < N_GROUPS; g++)
    {
      g_autofree char *name = g_strdup_printf ("Representative %u", g + 1);
      QuorumAttendeeSpec a = { .name = name, .role = "Practitioner", .agency = groups[g],
                               .line_management = groups[g], .voting = TRUE,
                               .attendance = QUORUM_ATTENDANCE_PRESENT };

      quorum_store_add_attendee (store, conference, &a, &error);
      g_assert_no_error (error);
    }

  loaded = quorum_store_load_conference (store, conference, &error);
  g_assert_no_error (error);
  for (guint k = 0; k < loaded->children->len; k++)
    {
      gint64 child = ((QuorumChild *) g_ptr_array_index (loaded->children, k))->id;
      QuorumAttemptSpec attempt = { .child_id = child, .summary = "Views differ on the risk of neglect",
                                    .agreed = QUORUM_VIEW_NONE };

      if (k == 0 && first_child != NULL)
        *first_child = child;
      quorum_store_add_attempt (store, conference, &attempt, &error);
      g_assert_no_error (error);
      if (!decide)
        continue;

      for (guint g = 0; g < N_GROUPS; g++)
        {
          g_autofree char *reason = long_reason (groups[g], reason_sentences);
          QuorumVoteSpec vote = { .child_id = child, .group = groups[g],
                                  .view = g < 5 ? QUORUM_VIEW_PLAN : QUORUM_VIEW_NO_PLAN,
                                  .categories = g < 5 ? QUORUM_CATEGORY_NEGLECT : 0,
                                  .reason = reason };

          quorum_store_record_vote (store, conference, &vote, &error);
          g_assert_no_error (error);
        }
      {
        gint64 plan = 0;
        gint64 referral = 0;
        g_autoptr(QuorumOutcome) outcome = quorum_store_decide (store, conference, child, QUORUM_VIEW_NONE,
                                                                0, &plan, &referral, &error);
        g_assert_no_error (error);
      }
    }
  return conference;
}

/* ---- frames ---- */


/* The CPU time of the whole process (every thread: the renderer's too), in µs: on a machine
 * shared with other builds it varies far less than the wall time. */
static double
cpu_now (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (double) usage.ru_utime.tv_sec * G_USEC_PER_SEC + usage.ru_utime.tv_usec +
         (double) usage.ru_stime.tv_sec * G_USEC_PER_SEC + usage.ru_stime.tv_usec;
}

/* Where a measured frame's time goes: the synchronous call (reading the store, building and
 * updating widgets), waiting for the frame clock, its layout phase (style, measure, allocate),
 * its paint phase (snapshot and render), each as wall time and the main thread's CPU time. */
enum
{
  PH_CALL,
  PH_WAIT,
  PH_LAYOUT,
  PH_PAINT,
  N_PHASES
};

static const char *phase_names[N_PHASES + 1] = { "the call (store, widgets)", "to the frame", "layout", "paint", "after" };

typedef struct
{
  gint64   mark;
  double   mark_cpu;
  double   mark_sys;
  double   mark_faults;
  double   wall[N_PHASES];
  double   cpu[N_PHASES];
  double   sys[N_PHASES];      /* of cpu, the kernel's (page faults, system calls): Linux splits
                                * a thread's time between user and system by tick samples, so a
                                * rough figure over a few ms; the faults are counted exactly */
  double   faults[N_PHASES];   /* the main thread's minor page faults */
  gboolean painted;
} Frame;

/* The calling thread's system time (µs) and minor page faults so far. */
static void
thread_sys_now (double *sys,
                double *faults)
{
  struct rusage usage;

  getrusage (RUSAGE_THREAD, &usage);
  *sys = (double) usage.ru_stime.tv_sec * G_USEC_PER_SEC + usage.ru_stime.tv_usec;
  *faults = (double) usage.ru_minflt;
}

/* The CPU time of the calling thread alone, in µs. */
static double
thread_cpu_now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (double) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000.0;
}

/* The phase running now, for QUORUM_BENCH_MEASURE's counts. */
static guint current_phase;

/* QUORUM_BENCH_CALLGRIND=1, under `valgrind --tool=callgrind --collect-atstart=no`: the measured
 * opens' instructions are counted, one dump per phase (named after it), to compare trees by
 * instruction counts, which the machine's load does not move. */
static gboolean callgrind_open;

static void
frame_phase (Frame *frame,
             guint  phase)
{
  gint64 now = g_get_monotonic_time ();
  double cpu = thread_cpu_now ();
  double sys;
  double faults;

  thread_sys_now (&sys, &faults);
  current_phase = phase + 1;

  /* QUORUM_BENCH_TRACE=1: each phase's end on stderr, in CLOCK_MONOTONIC µs (`perf record -k
   * mono` stamps its samples on the same clock), to tell a profile's samples apart by phase. */
  if (g_getenv ("QUORUM_BENCH_TRACE") != NULL)
    fprintf (stderr, "phase %s %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n", phase_names[phase], frame->mark, now);
  if (callgrind_open)
    {
      CALLGRIND_DUMP_STATS_AT (phase_names[phase]);
      if (phase == PH_PAINT)
        {
          CALLGRIND_TOGGLE_COLLECT;
          callgrind_open = FALSE;
        }
    }
  frame->wall[phase] += (double)(now - frame->mark);
  frame->cpu[phase] += cpu - frame->mark_cpu;
  frame->sys[phase] += sys - frame->mark_sys;
  frame->faults[phase] += faults - frame->mark_faults;
  frame->mark = now;
  frame->mark_cpu = cpu;
  frame->mark_sys = sys;
  frame->mark_faults = faults;
}

static void
frame_start (Frame *frame)
{
  memset (frame, 0, sizeof *frame);
  frame->mark = g_get_monotonic_time ();
  frame->mark_cpu = thread_cpu_now ();
  thread_sys_now (&frame->mark_sys, &frame->mark_faults);
  current_phase = PH_CALL;
}

static void
before_paint_cb (GdkFrameClock *clock,
                 Frame         *frame)
{
  if (!frame->painted)
    frame_phase (frame, PH_WAIT);
}

static void
layout_cb (GdkFrameClock *clock,
           Frame         *frame)
{
  if (!frame->painted)
    frame_phase (frame, PH_LAYOUT);
}

static void
after_paint_cb (GdkFrameClock *clock,
                Frame         *frame)
{
  if (!frame->painted)
    frame_phase (frame, PH_PAINT);
  frame->painted = TRUE;
}

/* From now until the window's next frame is painted; FALSE if none comes within 5 s. The
 * handlers run after GTK's own (connected when the window was realized), so each phase ends
 * when GTK's work in it is done. */
static gboolean
wait_for_frame (GtkWidget *window,
                gint64     t0,
                Frame     *frame,
                double    *us)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gulong ids[3];
  gint64 give_up = t0 + (g_getenv ("QUORUM_BENCH_CALLGRIND") != NULL ? 120 : 5) * G_USEC_PER_SEC;

  frame_phase (frame, PH_CALL);
  ids[0] = g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), frame);
  ids[1] = g_signal_connect (clock, "layout", G_CALLBACK (layout_cb), frame);
  ids[2] = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), frame);
  while (!frame->painted && g_get_monotonic_time () < give_up)
    g_main_context_iteration (NULL, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_signal_handler_disconnect (clock, ids[i]);
  *us = (double)(g_get_monotonic_time () - t0);
  return frame->painted;
}

static void
add_phases (GArray      **phases,
            const Frame  *frame)
{
  for (guint p = 0; p < N_PHASES; p++)
    {
      g_array_append_val (phases[p], frame->wall[p]);
      g_array_append_val (phases[N_PHASES + p], frame->cpu[p]);
      g_array_append_val (phases[2 * N_PHASES + p], frame->sys[p]);
      g_array_append_val (phases[3 * N_PHASES + p], frame->faults[p]);
    }
}

static void
settle (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}


/* ---- QUORUM_BENCH_MEASURE=1: where GtkLabel's measuring goes, by region of the window ---- */

typedef void (*MeasureFunc) (GtkWidget *, GtkOrientation, int, int *, int *, int *, int *);

static MeasureFunc label_measure;
static const char *measure_recording;   /* "open", "switch" or NULL */
static GHashTable *measure_calls;   /* region → guint */
static GHashTable *measure_us;      /* region → double* */
static guint measure_depth;

static const char *
measure_region (GtkWidget *widget)
{
  static const char *types[] = { "QuorumVoteCard", "QuorumRecordPanel", "QuorumChildPanel",
                                 "AdwActionRow", "QuorumConferencePage", "GtkListView", NULL };

  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    for (guint i = 0; types[i] != NULL; i++)
      if (g_str_equal (G_OBJECT_TYPE_NAME (w), types[i]))
        {
          if (g_str_equal (types[i], "AdwActionRow"))
            {
              for (GtkWidget *a = w; a != NULL; a = gtk_widget_get_parent (a))
                if (g_str_equal (G_OBJECT_TYPE_NAME (a), "QuorumChildPanel"))
                  return "AdwActionRow in the child panel (record lines)";
                else if (g_str_equal (G_OBJECT_TYPE_NAME (a), "QuorumRecordPanel"))
                  return "AdwActionRow in the record panel";
              return "AdwActionRow elsewhere (attendees)";
            }
          return types[i];
        }
  return "elsewhere";
}

static void
count_measure (GtkWidget      *widget,
               const char     *kind,
               GtkOrientation  orientation,
               const char     *label,
               gint64          t0)
{
  const char *region;
  g_autofree char *key = NULL;
  double *us;

  if (!measure_recording || measure_depth > 0)
    return;

  region = measure_region (widget);
  key = g_strdup_printf ("%s, %s: %s %s, %s, %s", measure_recording,
                         current_phase < N_PHASES ? phase_names[current_phase] : "after", kind, region,
                         orientation == GTK_ORIENTATION_HORIZONTAL ? "width" : "height",
                         label != NULL && strlen (label) > 200 ? "long text" : "short text");
  g_hash_table_insert (measure_calls, g_strdup (key),
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (measure_calls, key)) + 1));
  us = g_hash_table_lookup (measure_us, key);
  if (us == NULL)
    {
      us = g_new0 (double, 1);
      g_hash_table_insert (measure_us, g_strdup (key), us);
    }
  *us += (double)(g_get_monotonic_time () - t0);
}

static void
counting_label_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  gint64 t0 = g_get_monotonic_time ();

  measure_depth++;
  label_measure (widget, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
  measure_depth--;
  count_measure (widget, "label", orientation, gtk_label_get_label (GTK_LABEL (widget)), t0);
}

/* The wrap labels (long reasons, record lines) measure their inner label's layout themselves. */
static MeasureFunc wrap_label_measure;

static void
counting_wrap_label_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  gint64 t0 = g_get_monotonic_time ();

  measure_depth++;
  wrap_label_measure (widget, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
  measure_depth--;
  count_measure (widget, "wrap label", orientation, quorum_wrap_label_get_label (QUORUM_WRAP_LABEL (widget)), t0);
}

/* A vertical box asked for its width at a given height: GTK 4.8's box layout searches for that
 * width, measuring every child's height at each width it tries. Counted by where the box is. */
typedef void (*LayoutMeasureFunc) (GtkLayoutManager *, GtkWidget *, GtkOrientation, int, int *, int *, int *, int *);

static LayoutMeasureFunc box_layout_measure;
static guint opposite_depth;

static void
counting_box_layout_measure (GtkLayoutManager *manager,
                             GtkWidget        *widget,
                             GtkOrientation    orientation,
                             int               for_size,
                             int              *minimum,
                             int              *natural,
                             int              *minimum_baseline,
                             int              *natural_baseline)
{
  gint64 t0 = g_get_monotonic_time ();
  gboolean opposite = for_size >= 0 &&
                      orientation != gtk_orientable_get_orientation (GTK_ORIENTABLE (manager));
  g_autoptr(GString) key = NULL;
  double *us;

  if (opposite)
    opposite_depth++;
  box_layout_measure (manager, widget, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
  if (!opposite)
    return;
  opposite_depth--;
  if (!measure_recording || opposite_depth > 0)
    return;

  key = g_string_new (NULL);
  g_string_append_printf (key, "%s, %s: %s box for its %s at a %s: ", measure_recording,
                          current_phase < N_PHASES ? phase_names[current_phase] : "after",
                          orientation == GTK_ORIENTATION_HORIZONTAL ? "vertical" : "horizontal",
                          orientation == GTK_ORIENTATION_HORIZONTAL ? "width" : "height",
                          orientation == GTK_ORIENTATION_HORIZONTAL ? "height" : "width");
  {
    guint depth = 0;

    for (GtkWidget *w = widget; w != NULL && depth < 5; w = gtk_widget_get_parent (w), depth++)
      g_string_append_printf (key, "%s%s", depth > 0 ? " < " : "", G_OBJECT_TYPE_NAME (w));
  }
  g_hash_table_insert (measure_calls, g_strdup (key->str),
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (measure_calls, key->str)) + 1));
  us = g_hash_table_lookup (measure_us, key->str);
  if (us == NULL)
    {
      us = g_new0 (double, 1);
      g_hash_table_insert (measure_us, g_strdup (key->str), us);
    }
  *us += (double)(g_get_monotonic_time () - t0);
}

static void
measure_hook_install (void)
{
  GtkWidgetClass *klass = g_type_class_ref (GTK_TYPE_LABEL);
  GtkWidgetClass *wrap_class = g_type_class_ref (QUORUM_TYPE_WRAP_LABEL);

  measure_calls = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  measure_us = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  label_measure = klass->measure;
  klass->measure = counting_label_measure;
  wrap_label_measure = wrap_class->measure;
  wrap_class->measure = counting_wrap_label_measure;
  {
    GtkLayoutManagerClass *box_class = g_type_class_ref (GTK_TYPE_BOX_LAYOUT);

    box_layout_measure = box_class->measure;
    box_class->measure = counting_box_layout_measure;
  }
}

static void
measure_hook_report (guint rounds)
{
  GList *keys = g_list_sort (g_hash_table_get_keys (measure_calls), (GCompareFunc) g_strcmp0);
  double total = 0;
  guint calls = 0;

  printf ("GtkLabel measuring during open and switch, per round (QUORUM_BENCH_MEASURE):\n");
  for (GList *l = keys; l != NULL; l = l->next)
    {
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (measure_calls, l->data));
      double us = *(double *) g_hash_table_lookup (measure_us, l->data);

      printf ("  %-80s %6u calls %8.1f ms\n", (char *) l->data, n / rounds, us / rounds / 1000);
      total += us;
      calls += n;
    }
  printf ("  %-80s %6u calls %8.1f ms\n\n", "all", calls / rounds, total / rounds / 1000);
  g_list_free (keys);
}

/* ---- keys, through the X server ---- */

/* xdotool is started with posix_spawn (a vfork: the child shares the bench's memory until it
 * execs), never fork. A fork marks every page of the bench copy-on-write, and the next round's
 * open and paint then took a write fault on each page they touched first (≈ 350 in the call,
 * ≈ 480 in the paint, half the open's main-thread CPU at a load of 14 here): work no chair's
 * window does, since the app never forks. GLib 2.74's g_spawn forks whenever it closes the
 * child's descriptors or reaps it through an intermediate child. */
static GArray *pressing;   /* pids of xdotool key presses started and not yet reaped */

static GPid
spawn_xdotool (char **argv,
               gboolean quiet)
{
  posix_spawn_file_actions_t actions;
  pid_t pid;
  int err;

  posix_spawn_file_actions_init (&actions);
  if (quiet)
    posix_spawn_file_actions_addopen (&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  err = posix_spawnp (&pid, "xdotool", &actions, NULL, argv, environ);
  posix_spawn_file_actions_destroy (&actions);
  if (err != 0)
    {
      fprintf (stderr, "chair: xdotool: %s\n", g_strerror (err));
      return 0;
    }
  return pid;
}

static gboolean
wait_xdotool (GPid pid)
{
  int status = 0;

  while (waitpid (pid, &status, 0) < 0)
    if (errno != EINTR)
      return FALSE;
  return WIFEXITED (status) && WEXITSTATUS (status) == 0;
}

static void
reap_presses (void)
{
  if (pressing == NULL)
    return;
  for (guint i = 0; i < pressing->len; i++)
    wait_xdotool (g_array_index (pressing, GPid, i));
  g_array_set_size (pressing, 0);
}

static gboolean
xdotool (const char *args)
{
  g_auto(GStrv) argv = NULL;
  g_autoptr(GError) error = NULL;
  GPid pid;

  reap_presses ();
  if (!g_shell_parse_argv (args, NULL, &argv, &error))
    g_error ("xdotool %s: %s", args, error->message);
  {
    g_autoptr(GStrvBuilder) full = g_strv_builder_new ();
    g_auto(GStrv) line = NULL;

    g_strv_builder_add (full, "xdotool");
    g_strv_builder_addv (full, (const char **) argv);
    line = g_strv_builder_end (full);
    pid = spawn_xdotool (line, FALSE);
  }
  if (pid == 0 || !wait_xdotool (pid))
    {
      fprintf (stderr, "chair: xdotool %s failed\n", args);
      return FALSE;
    }
  return TRUE;
}

static gboolean
focus_window (GtkWidget *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *args = g_strdup_printf ("windowfocus --sync %lu", (unsigned long) gdk_x11_surface_get_xid (surface));
  gboolean ok = xdotool (args);

  settle (50);
  return ok;
}

/* Starts xdotool pressing @key; the clock starts as it is launched (reaped later). */
static gint64
press_async (const char *key)
{
  char *argv[] = { "xdotool", "key", (char *) key, NULL };
  gint64 t0 = g_get_monotonic_time ();
  GPid pid = spawn_xdotool (argv, TRUE);

  if (pid == 0)
    g_error ("xdotool key %s: not started", key);
  if (pressing == NULL)
    pressing = g_array_new (FALSE, FALSE, sizeof (GPid));
  g_array_append_val (pressing, pid);
  return t0;
}

/* The time of each frame a window paints, for "until the frame showing it". */
static void
note_paint_cb (GdkFrameClock *clock,
               GArray        *times)
{
  gint64 now = g_get_monotonic_time ();

  g_array_append_val (times, now);
}

/* The first of @times (a window's painted frames) after @after, waiting up to 5 s for it; 0 if none. */
static gint64
painted_after (GArray *times,
               gint64  after)
{
  gint64 give_up = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  for (;;)
    {
      for (guint i = 0; i < times->len; i++)
        if (g_array_index (times, gint64, i) > after)
          return g_array_index (times, gint64, i);
      if (g_get_monotonic_time () > give_up)
        return 0;
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
entry_changed_cb (GtkEditable *editable,
                  gboolean    *changed)
{
  *changed = TRUE;
}

static gboolean
vote_committed (sqlite3    *db,
                const char *reason)
{
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  if (sqlite3_prepare_v2 (db, "SELECT 1 FROM vote WHERE reason = ?1", -1, &stmt, NULL) != SQLITE_OK)
    g_error ("chair: %s", sqlite3_errmsg (db));
  sqlite3_bind_text (stmt, 1, reason, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);
  return found;
}

/* Watches from its own thread and connection for the committed row, every 0.2 ms from the
 * moment the key is sent: when the row is there, whatever the app's main loop is busy with
 * afterwards (the board redrawn with the vote). Read from the main thread, between its
 * iterations, the time included the first redraw after the commit. */
typedef struct
{
  const char *path;
  const char *reason;
  gint64      until;
  gint64      seen;      /* monotonic time the row was first read, 0 if never */
} Watch;

static gpointer
watch_vote (gpointer data)
{
  Watch *watch = data;
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (watch->path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    g_error ("chair: %s", sqlite3_errmsg (db));
  while (g_get_monotonic_time () < watch->until)
    {
      if (vote_committed (db, watch->reason))
        {
          watch->seen = g_get_monotonic_time ();
          break;
        }
      g_usleep (200);
    }
  sqlite3_close (db);
  return NULL;
}

/* ---- the PDF baseline: the same text, set by Pango on three A4 pages ---- */

static gboolean
bare_pdf (const char *text,
          const char *path)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, QUORUM_RECORD_A4_WIDTH, QUORUM_RECORD_A4_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans 10");
  int lines;
  cairo_status_t status;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int)((QUORUM_RECORD_A4_WIDTH - 2 * 56) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  lines = pango_layout_get_line_count (layout);

  for (int page = 0; page < 3; page++)
    {
      PangoLayoutIter *iter = pango_layout_get_iter (layout);
      int first = page * lines / 3;
      int last = (page + 1) * lines / 3;
      int i = 0;
      double top = -1;

      do
        {
          if (i >= first && i < last)
            {
              PangoRectangle logical;
              int baseline = pango_layout_iter_get_baseline (iter);

              pango_layout_iter_get_line_extents (iter, NULL, &logical);
              if (top < 0)
                top = (double) logical.y / PANGO_SCALE;
              cairo_move_to (cr, 56 + (double) logical.x / PANGO_SCALE,
                             56 + (double) baseline / PANGO_SCALE - top);
              pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
            }
          i++;
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);
      cairo_show_page (cr);
    }

  pango_font_description_free (font);
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return status == CAIRO_STATUS_SUCCESS;
}

static int
pdf_pages (QuorumStore *store,
           gint64       conference_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumConference) conference = quorum_store_load_conference (store, conference_id, &error);
  g_autoptr(QuorumProfile) profile = quorum_store_get_conference_profile (store, conference_id, NULL);
  g_autoptr(QuorumRecord) record = quorum_record_new (conference, profile, "bench", NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (NULL, NULL, QUORUM_RECORD_A4_WIDTH,
                                                                  QUORUM_RECORD_A4_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = quorum_record_create_pdf_context (cr);
  int n;

  quorum_record_paginate (record, context, QUORUM_RECORD_A4_WIDTH, QUORUM_RECORD_A4_HEIGHT);
  n = quorum_record_get_n_pages (record);
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return n;
}

/* QUORUM_BENCH_SHOT=DIR: the frame just painted, saved as DIR/NAME-ROUND.png (after the timing),
 * to compare what a chair sees before and after a change to the open. */
static void
save_shot (GtkWidget  *window,
           const char *name,
           guint       round)
{
  const char *dir = g_getenv ("QUORUM_BENCH_SHOT");
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (dir == NULL)
    return;
  file = g_strdup_printf ("%s-%u.png", name, round);
  path = g_build_filename (dir, file, NULL);
  if (!quorum_ui_save_screenshot (window, path, &error))
    fprintf (stderr, "chair: %s: %s\n", path, error->message);
}

/* ---- the bench ---- */

typedef enum
{
  M_OPEN,
  M_SWITCH,
  M_VOTE,
  M_VOTE_SHOWN,
  M_PDF,
  N_MEASURES
} Measure;

gboolean
bench_chair (const char *dir,
             guint       rounds)
{
  static const char * const decided_children[] = { "Amy Lane", "Ben Lane", NULL };
  static const char * const live_children[] = { "Cara Lane", NULL };
  static const char *names[N_MEASURES] = {
    "open a decided conference (8 groups, long reasons, 2 children) until its frame is painted",
    "switch child (Ctrl+Page_Down's action) until the frame is painted",
    "a keystroke's vote: Ctrl+Enter in a group's reason (xdotool) to the committed row",
    "the same keystroke's vote until the board showing it is painted (the main loop free again)",
    "export a 3-page record as PDF (load, lay out, write the file)",
  };
  static const char *baselines[N_MEASURES] = {
    "a redraw of the same window until its frame is painted",
    "a redraw of the same window until its frame is painted",
    "the same keystroke (xdotool) reaching a plain GtkEntry",
    "the same keystroke reaching a plain GtkEntry until its frame is painted",
    "cairo and Pango writing the record's plain text on 3 A4 pages",
  };
  static const double targets_ms[N_MEASURES] = { 50, 50, 0, 0, 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "bench-chair.db", NULL);
  g_autofree char *pdf = g_build_filename (dir, "bench-chair.pdf", NULL);
  g_autofree char *bare = g_build_filename (dir, "bench-chair-bare.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(GtkCssProvider) css = NULL;
  GArray *samples[N_MEASURES];
  GArray *base[N_MEASURES];
  GArray *cpu[N_MEASURES];
  GArray *base_cpu[N_MEASURES];
  GArray *phases[N_MEASURES][4 * N_PHASES];
  g_autoptr(GArray) repaint_wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) repaint_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GtkCssProvider) tint = gtk_css_provider_new ();
  Frame frame;
  QuorumConferencePage *page;
  GtkWidget *window;
  GtkWidget *plain;
  GtkWidget *entry;
  QuorumVoteCard *card = NULL;
  sqlite3 *reader = NULL;
  g_autofree char *xdotool_path = g_find_program_in_path ("xdotool");
  gboolean have_xdotool;
  gboolean ok = TRUE;
  gint64 decided;
  gint64 exported = 0;
  gint64 live;
  gint64 cara = 0;
  int pages;

  if (!gtk_init_check ())
    {
      printf ("chair: no display (run it as ./build-aux/dev bench, which uses Xvfb)\n");
      return FALSE;
    }
  adw_init ();
  if (g_getenv ("QUORUM_BENCH_MEASURE") != NULL)
    measure_hook_install ();
  have_xdotool = xdotool_path != NULL && GDK_IS_X11_DISPLAY (gdk_display_get_default ());
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/io/github/quorum_app/quorum/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  /* The floor for the open's paint: the same window painted whole, nothing laid out (its
   * background a shade away, so every node is drawn again over the whole window). */
  gtk_css_provider_load_from_data (tint, "window.bench-tint { background-color: #fbfbfb; }", -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (tint),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);

  bench_remove_db (path);
  store = quorum_store_open (path, &error);
  g_assert_no_error (error);
  quorum_store_set_user (store, "bench");

  decided = make_conference (store, decided_children, "BENCH-DECIDED", TRUE, 3, NULL);
  /* For the export, one child with reasons just long enough that the record runs to 3 pages. */
  for (guint sentences = 1; ; sentences++)
    {
      g_autofree char *ref = g_strdup_printf ("BENCH-PDF-%u", sentences);

      exported = make_conference (store, live_children, ref, TRUE, sentences, NULL);
      pages = pdf_pages (store, exported);
      if (pages >= 3 || sentences > 12)
        break;
    }
  live = make_conference (store, live_children, "BENCH-LIVE", FALSE, 0, &cara);
  {
    g_autoptr(QuorumConference) conference = quorum_store_load_conference (store, exported, &error);
    g_autoptr(QuorumProfile) profile = quorum_store_get_conference_profile (store, exported, NULL);

    text = quorum_export_text_string (conference, profile, "bench", NULL);
  }
  printf ("chair: a decided conference of %d groups and 2 children; a record of %d pages; %u rounds\n",
          N_GROUPS, pages, rounds);
  if (pages != 3)
    printf ("  (the record is not 3 pages: the PDF figures are for %d)\n", pages);

  g_assert_cmpint (sqlite3_open_v2 (path, &reader, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);

  window = GTK_WIDGET (quorum_window_new (NULL, store));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  page = quorum_window_get_conference_page (QUORUM_WINDOW (window));

  plain = gtk_window_new ();
  entry = gtk_entry_new ();
  gtk_window_set_child (GTK_WINDOW (plain), entry);
  gtk_window_set_default_size (GTK_WINDOW (plain), 300, 60);
  gtk_window_present (GTK_WINDOW (plain));
  settle (500);

  for (guint m = 0; m < N_MEASURES; m++)
    {
      samples[m] = g_array_new (FALSE, FALSE, sizeof (double));
      base[m] = g_array_new (FALSE, FALSE, sizeof (double));
      cpu[m] = g_array_new (FALSE, FALSE, sizeof (double));
      base_cpu[m] = g_array_new (FALSE, FALSE, sizeof (double));
      for (guint p = 0; p < 4 * N_PHASES; p++)
        phases[m][p] = g_array_new (FALSE, FALSE, sizeof (double));
    }

  /* Round 0 warms up and is not counted. */
  for (guint r = 0; ok && r <= rounds; r++)
    {
      double us;
      double base_us;
      double shown_us = 0;
      double base_shown_us = 0;
      double c0;
      double cpu_us;
      double base_cpu_us;
      gint64 t0;

      /* A redraw of the same window: what any frame costs. */
      quorum_window_open_conference (QUORUM_WINDOW (window), live, 0);
      settle (100);
      c0 = cpu_now ();
      t0 = g_get_monotonic_time ();
      frame_start (&frame);
      gtk_widget_queue_draw (window);
      ok &= wait_for_frame (window, t0, &frame, &base_us);
      base_cpu_us = cpu_now () - c0;

      c0 = cpu_now ();
      t0 = g_get_monotonic_time ();
      frame_start (&frame);
      measure_recording = r > 0 ? "open" : NULL;
      if (r > 0 && g_getenv ("QUORUM_BENCH_CALLGRIND") != NULL)
        {
          callgrind_open = TRUE;
          CALLGRIND_ZERO_STATS;
          CALLGRIND_TOGGLE_COLLECT;
        }
      ok &= quorum_window_open_conference (QUORUM_WINDOW (window), decided, 0);
      ok &= wait_for_frame (window, t0, &frame, &us);
      measure_recording = NULL;
      cpu_us = cpu_now () - c0;
      save_shot (window, "open", r);
      if (r > 0)
        {
          add_phases (phases[M_OPEN], &frame);
          g_array_append_val (samples[M_OPEN], us);
          g_array_append_val (base[M_OPEN], base_us);
          g_array_append_val (cpu[M_OPEN], cpu_us);
          g_array_append_val (base_cpu[M_OPEN], base_cpu_us);
        }
      settle (100);

      /* The opened conference painted again, whole. */
      t0 = g_get_monotonic_time ();
      frame_start (&frame);
      if (gtk_widget_has_css_class (window, "bench-tint"))
        gtk_widget_remove_css_class (window, "bench-tint");
      else
        gtk_widget_add_css_class (window, "bench-tint");
      ok &= wait_for_frame (window, t0, &frame, &us);
      if (r > 0)
        {
          /* The paint phase alone: the class change restyles the whole window before it. */
          g_array_append_val (repaint_wall, frame.wall[PH_PAINT]);
          g_array_append_val (repaint_cpu, frame.cpu[PH_PAINT]);
        }
      settle (100);

      c0 = cpu_now ();
      t0 = g_get_monotonic_time ();
      frame_start (&frame);
      gtk_widget_queue_draw (window);
      ok &= wait_for_frame (window, t0, &frame, &base_us);
      base_cpu_us = cpu_now () - c0;
      c0 = cpu_now ();
      t0 = g_get_monotonic_time ();
      frame_start (&frame);
      measure_recording = r > 0 ? "switch" : NULL;
      ok &= gtk_widget_activate_action (GTK_WIDGET (page), "conference.next-child", NULL);
      ok &= wait_for_frame (window, t0, &frame, &us);
      measure_recording = NULL;
      cpu_us = cpu_now () - c0;
      save_shot (window, "switch", r);
      if (r > 0)
        {
          add_phases (phases[M_SWITCH], &frame);
          g_array_append_val (samples[M_SWITCH], us);
          g_array_append_val (base[M_SWITCH], base_us);
          g_array_append_val (cpu[M_SWITCH], cpu_us);
          g_array_append_val (base_cpu[M_SWITCH], base_cpu_us);
        }
      settle (50);

      /* The export, beside cairo and Pango alone. */
      t0 = g_get_monotonic_time ();
      ok &= quorum_export_dissent (store, exported, QUORUM_EXPORT_PDF, pdf, &error);
      us = (double)(g_get_monotonic_time () - t0);
      t0 = g_get_monotonic_time ();
      ok &= bare_pdf (text, bare);
      base_us = (double)(g_get_monotonic_time () - t0);
      if (r > 0)
        {
          g_array_append_val (samples[M_PDF], us);
          g_array_append_val (base[M_PDF], base_us);
        }
      if (error != NULL)
        {
          fprintf (stderr, "chair: export: %s\n", error->message);
          ok = FALSE;
        }

      if (!have_xdotool || !ok)
        continue;

      /* The keystroke into a plain entry, and until its frame is painted. */
      {
        g_autoptr(GArray) paints = g_array_new (FALSE, FALSE, sizeof (gint64));
        GdkFrameClock *clock = gtk_widget_get_frame_clock (plain);
        gboolean changed = FALSE;
        gint64 seen;
        gint64 painted;
        gulong id;
        gulong paint_id;

        ok &= focus_window (plain);
        gtk_widget_grab_focus (entry);
        id = g_signal_connect (entry, "changed", G_CALLBACK (entry_changed_cb), &changed);
        paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (note_paint_cb), paints);
        t0 = press_async ("x");
        while (!changed && g_get_monotonic_time () < t0 + 5 * G_USEC_PER_SEC)
          g_main_context_iteration (NULL, TRUE);
        seen = g_get_monotonic_time ();
        base_us = (double)(seen - t0);
        painted = painted_after (paints, seen);
        base_shown_us = (double)(painted - t0);
        g_signal_handler_disconnect (entry, id);
        g_signal_handler_disconnect (clock, paint_id);
        ok &= changed && painted != 0;
      }

      /* The vote: the live conference's first group, its view chosen and its reason typed;
       * Ctrl+Enter stores it. Each round a new reason, so the row is new. */
      {
        g_autofree char *reason = g_strdup_printf ("No concerns seen at round %u", r);
        QuorumChildPanel *panel;

        quorum_window_open_conference (QUORUM_WINDOW (window), live, 0);
        settle (100);
        panel = quorum_conference_page_get_child_panel (page, cara);
        card = panel != NULL ? quorum_child_panel_get_card (panel, groups[r % N_GROUPS]) : NULL;
        if (card == NULL)
          {
            fprintf (stderr, "chair: no vote card for %s\n", groups[r % N_GROUPS]);
            ok = FALSE;
            continue;
          }
        quorum_vote_card_choose (card, QUORUM_VIEW_NO_PLAN);
        settle (50);
        quorum_vote_card_type_reason (card, reason);
        ok &= focus_window (window);
        gtk_widget_grab_focus (GTK_WIDGET (quorum_text_field_get_view (quorum_vote_card_get_reason_field (card))));
        settle (50);

        {
          g_autoptr(GArray) paints = g_array_new (FALSE, FALSE, sizeof (gint64));
          GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
          Watch watch = { path, reason, 0, 0 };
          GThread *watcher;
          gulong paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (note_paint_cb), paints);
          gint64 painted;

          t0 = press_async ("ctrl+Return");
          watch.until = t0 + 5 * G_USEC_PER_SEC;
          watcher = g_thread_new ("vote-watch", watch_vote, &watch);
          while (watch.seen == 0 && g_get_monotonic_time () < watch.until)
            {
              g_main_context_iteration (NULL, FALSE);
              g_usleep (200);
            }
          g_thread_join (watcher);
          us = (double)((watch.seen != 0 ? watch.seen : g_get_monotonic_time ()) - t0);
          /* The board is reloaded in the same main-loop turn as the write: the first frame
           * painted after the row is committed is the one that shows it. */
          painted = watch.seen != 0 ? painted_after (paints, watch.seen) : 0;
          shown_us = (double)(painted - t0);
          g_signal_handler_disconnect (clock, paint_id);
          ok &= painted != 0;
        }
        if (!vote_committed (reader, reason))
          {
            fprintf (stderr, "chair: the vote never reached the database\n");
            ok = FALSE;
          }
        if (r > 0)
          {
            g_array_append_val (samples[M_VOTE], us);
            g_array_append_val (base[M_VOTE], base_us);
            g_array_append_val (samples[M_VOTE_SHOWN], shown_us);
            g_array_append_val (base[M_VOTE_SHOWN], base_shown_us);
          }
        settle (100);
      }
    }

  if (measure_calls != NULL && rounds > 0)
    measure_hook_report (rounds);
  if (!have_xdotool)
    printf ("  (no xdotool or not X11: the keystroke is not measured)\n");

  for (guint m = 0; m < N_MEASURES; m++)
    {
      if (samples[m]->len > 0)
        {
          double median = bench_median (samples[m]);

          bench_report (names[m], median, baselines[m], bench_median (base[m]), samples[m]->len, 0);
          if (targets_ms[m] > 0)
            printf ("  %.1f ms (target ≤ %.0f ms: %s)\n", median / 1000, targets_ms[m],
                    median / 1000 <= targets_ms[m] ? "met" : "NOT met");
          if (cpu[m]->len > 0)
            printf ("  CPU time of the process (all threads), median: %.1f ms against %.1f ms for the redraw\n",
                    bench_median (cpu[m]) / 1000, bench_median (base_cpu[m]) / 1000);
          if (m == M_OPEN && repaint_wall->len > 0)
            printf ("  the same window painted again whole, nothing laid out (the floor for the paint): "
                    "paint %.1f ms wall, %.1f ms of the main thread's CPU\n",
                    bench_median (repaint_wall) / 1000, bench_median (repaint_cpu) / 1000);
          if (phases[m][0]->len > 0)
            {
              printf ("  where it goes (medians, wall / main thread's CPU):");
              for (guint p = 0; p < N_PHASES; p++)
                printf ("%s %s %.1f / %.1f ms", p > 0 ? ";" : "", phase_names[p],
                        bench_median (phases[m][p]) / 1000, bench_median (phases[m][N_PHASES + p]) / 1000);
              printf ("\n");
              printf ("  … of that CPU, the kernel's (page faults, system calls; a tick-sampled estimate) and the main thread's minor page faults (exact):");
              for (guint p = 0; p < N_PHASES; p++)
                printf ("%s %s %.1f ms, %.0f", p > 0 ? ";" : "", phase_names[p],
                        bench_median (phases[m][2 * N_PHASES + p]) / 1000, bench_median (phases[m][3 * N_PHASES + p]));
              printf ("\n");
            }
          if (targets_ms[m] > 0 || cpu[m]->len > 0)
            printf ("\n");
        }
      g_array_unref (samples[m]);
      g_array_unref (base[m]);
      g_array_unref (cpu[m]);
      g_array_unref (base_cpu[m]);
      for (guint p = 0; p < 4 * N_PHASES; p++)
        g_array_unref (phases[m][p]);
    }

  gtk_window_destroy (GTK_WINDOW (plain));
  gtk_window_destroy (GTK_WINDOW (window));
  settle (50);
  sqlite3_close (reader);
  g_clear_object (&store);
  reap_presses ();
  g_unlink (pdf);
  g_unlink (bare);
  if (g_getenv ("QUORUM_BENCH_KEEP") == NULL)
    bench_remove_db (path);
  return ok;
}
