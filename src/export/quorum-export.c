/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-export.c: the one entry point of the exports, their shared words, and atomic writing. */

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#include <string.h>
#include "core/quorum-gettext.h"

#include "quorum-export-private.h"

static const struct
{
  const char *word;
  const char *mime_type;
} formats[] = {
  [QUORUM_EXPORT_PDF] = { "pdf", "application/pdf" },
  [QUORUM_EXPORT_CSV] = { "csv", "text/csv" },
  [QUORUM_EXPORT_JSON] = { "json", "application/json" },
  [QUORUM_EXPORT_TEXT] = { "txt", "text/plain" },
};

const char *
quorum_export_format_to_string (QuorumExportFormat format)
{
  if ((guint) format >= G_N_ELEMENTS (formats))
    return NULL;

  return formats[format].word;
}

const char *
quorum_export_format_get_mime_type (QuorumExportFormat format)
{
  if ((guint) format >= G_N_ELEMENTS (formats))
    return NULL;

  return formats[format].mime_type;
}

gboolean
quorum_export_format_from_string (const char         *str,
                                  QuorumExportFormat *out)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      if (g_ascii_strcasecmp (str, formats[i].word) == 0)
        {
          if (out != NULL)
            *out = (QuorumExportFormat) i;
          return TRUE;
        }
    }

  /* "text" is what a person types as often as "txt". */
  if (g_ascii_strcasecmp (str, "text") == 0)
    {
      if (out != NULL)
        *out = QUORUM_EXPORT_TEXT;
      return TRUE;
    }

  return FALSE;
}

gboolean
quorum_export_format_from_path (const char         *path,
                                QuorumExportFormat *out)
{
  const char *dot;

  if (path == NULL)
    return FALSE;

  dot = strrchr (path, '.');
  if (dot == NULL || strchr (dot, G_DIR_SEPARATOR) != NULL)
    return FALSE;

  return quorum_export_format_from_string (dot + 1, out);
}

static const char *record_languages;  /* interned, or NULL */

void
quorum_export_set_record_languages (const char *languages)
{
  g_return_if_fail (languages == NULL || *languages == '\0' || quorum_export_record_languages_valid (languages));

  g_atomic_pointer_set (&record_languages,
                        languages != NULL && *languages != '\0' ? g_intern_string (languages) : NULL);
}

/* One export's choice (the export dialog's), over the process's, in the thread making it. */
static GPrivate thread_record_languages;  /* interned, or NULL */

void
quorum_export_set_thread_record_languages (const char *languages)
{
  g_return_if_fail (languages == NULL || *languages == '\0' || quorum_export_record_languages_valid (languages));

  g_private_set (&thread_record_languages,
                 languages != NULL && *languages != '\0' ? (gpointer) g_intern_string (languages) : NULL);
}

const char *
quorum_export_get_record_languages (void)
{
  const char *here = g_private_get (&thread_record_languages);

  return here != NULL ? here : g_atomic_pointer_get (&record_languages);
}

const char *
quorum_export_get_process_record_languages (void)
{
  return g_atomic_pointer_get (&record_languages);
}

char *
quorum_export_default_record_languages (const QuorumProfile *profile)
{
  const char *setting = quorum_export_get_process_record_languages ();

  if (setting != NULL && *setting != '\0')
    return g_strdup (setting);
  if (profile != NULL && profile->bilingual)
    return g_strdup ("cy,en");

  return g_strdup (quorum_i18n_desktop_language ());
}

gboolean
quorum_export_record_languages_valid (const char *languages)
{
  static const char * const valid[] = { "cy", "en", "cy,en", "en,cy", NULL };

  return languages != NULL && g_strv_contains (valid, languages);
}

char *
_quorum_export_format_date (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return NULL;

  /* TRANSLATORS: a date in the printed record, see g_date_time_format(): "20 November 2026" */
  return quorum_date_format (date, _("%-d %B %Y"));
}

char *
_quorum_export_format_datetime (GDateTime *datetime)
{
  g_autoptr(GDateTime) local = NULL;

  if (datetime == NULL)
    return NULL;

  local = g_date_time_to_local (datetime);

  /* TRANSLATORS: a date and time in the printed record, see g_date_time_format():
   * "20 November 2026, 10:05" */
  return quorum_date_time_format (local, _("%-d %B %Y, %H:%M"));
}

char *
_quorum_export_iso8601 (GDateTime *datetime)
{
  g_autoptr(GDateTime) utc = NULL;

  if (datetime != NULL)
    utc = g_date_time_to_utc (datetime);
  else
    utc = g_date_time_new_now_utc ();

  /* The store's own form, so an export's time sorts as text with the record's. */
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S.%fZ");
}

void
_quorum_export_local_day (GDateTime *datetime,
                          GDate     *out)
{
  g_autoptr(GDateTime) now = datetime == NULL ? g_date_time_new_now_local () : NULL;
  g_autoptr(GDateTime) local = g_date_time_to_local (datetime != NULL ? datetime : now);

  g_date_clear (out, 1);
  g_date_set_dmy (out, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
}

gboolean
_quorum_export_referral_overdue (const QuorumReferral *referral,
                                 const GDate          *as_of)
{
  QuorumReferralAsOf then = { 0 };

  then.notified = referral->notified;
  then.panel_due = referral->panel_due;
  then.panel_date = referral->panel_date;
  then.outcome = referral->outcome;
  then.outcome_reason = referral->outcome_reason;
  return quorum_referral_overdue_as_of (&referral->due, &then, as_of);
}

char *
_quorum_export_format_timestamp (const char *iso8601)
{
  g_autoptr(GDateTime) datetime = NULL;
  g_autoptr(GTimeZone) utc = NULL;

  if (iso8601 == NULL)
    return NULL;

  utc = g_time_zone_new_utc ();
  datetime = g_date_time_new_from_iso8601 (iso8601, utc);
  if (datetime == NULL)
    {
      GDate date;

      /* A plain date is a timestamp too, for records typed in by hand. */
      g_date_clear (&date, 1);
      if (quorum_date_parse (iso8601, NULL, &date, NULL))
        return _quorum_export_format_date (&date);

      return g_strdup (iso8601);
    }

  return _quorum_export_format_datetime (datetime);
}

char *
_quorum_export_categories_label (guint categories)
{
  static const QuorumCategory all[] = {
    QUORUM_CATEGORY_NEGLECT,
    QUORUM_CATEGORY_PHYSICAL,
    QUORUM_CATEGORY_EMOTIONAL,
    QUORUM_CATEGORY_SEXUAL,
  };
  GString *str;

  if ((categories & QUORUM_CATEGORY_ALL) == 0)
    return NULL;

  str = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      if ((categories & all[i]) == 0)
        continue;
      if (str->len > 0)
        g_string_append (str, ", ");
      g_string_append (str, quorum_category_get_label (all[i]));
    }

  return g_string_free (str, FALSE);
}

char *
_quorum_export_view_label (QuorumView view,
                           guint      categories)
{
  g_autofree char *cats = NULL;
  const char *label = quorum_view_get_label (view);

  if (label == NULL)
    label = "";

  if (view == QUORUM_VIEW_PLAN && (cats = _quorum_export_categories_label (categories)) != NULL)
    /* TRANSLATORS: a view and its categories of abuse: "Child protection plan (Neglect)" */
    return g_strdup_printf (_("%s (%s)"), label, cats);

  return g_strdup (label);
}

char *
_quorum_export_conference_title (const QuorumConference *conference)
{
  switch (conference->kind)
    {
    case QUORUM_KIND_INITIAL:
      return g_strdup (_("Initial child protection conference"));
    case QUORUM_KIND_REVIEW:
      return g_strdup (_("Review child protection conference"));
    case QUORUM_KIND_TRANSFER_IN:
      return g_strdup (_("Transfer-in child protection conference"));
    case QUORUM_KIND_PRE_BIRTH:
      return g_strdup (_("Pre-birth child protection conference"));
    case QUORUM_N_KINDS:
    default:
      return g_strdup (_("Child protection conference"));
    }
}

const QuorumDissent *
_quorum_export_find_dissent (const QuorumDecision *decision,
                             const char           *group)
{
  if (decision == NULL || decision->dissent == NULL || group == NULL)
    return NULL;

  for (guint i = 0; i < decision->dissent->len; i++)
    {
      const QuorumDissent *dissent = g_ptr_array_index (decision->dissent, i);

      if (quorum_group_equal (dissent->group, group))
        return dissent;
    }

  return NULL;
}

gboolean
_quorum_export_view_dissents (const QuorumDecision *decision,
                              const char           *group,
                              QuorumView            view)
{
  if (view != QUORUM_VIEW_PLAN && view != QUORUM_VIEW_NO_PLAN)
    return FALSE;

  return _quorum_export_find_dissent (decision, group) != NULL && view != decision->outcome;
}

char *
_quorum_export_join_names (const char * const *names)
{
  if (names == NULL)
    return g_strdup ("");

  return g_strjoinv (", ", (char **) names);
}

GPtrArray *
_quorum_export_child_votes (const QuorumConference *conference,
                            gint64                  child_id)
{
  GPtrArray *votes = g_ptr_array_new ();

  for (guint i = 0; conference->votes != NULL && i < conference->votes->len; i++)
    {
      QuorumVote *vote = g_ptr_array_index (conference->votes, i);

      if (vote->child_id == child_id)
        g_ptr_array_add (votes, vote);
    }

  return votes;
}

GPtrArray *
_quorum_export_child_current_votes (const QuorumConference *conference,
                                    gint64                  child_id)
{
  GPtrArray *votes = g_ptr_array_new ();

  for (guint i = 0; conference->votes != NULL && i < conference->votes->len; i++)
    {
      QuorumVote *vote = g_ptr_array_index (conference->votes, i);

      if (vote->child_id == child_id && !vote->superseded)
        g_ptr_array_add (votes, vote);
    }

  return votes;
}

GPtrArray *
_quorum_export_child_attempts (const QuorumConference *conference,
                               gint64                  child_id)
{
  GPtrArray *attempts = g_ptr_array_new ();

  for (guint i = 0; conference->attempts != NULL && i < conference->attempts->len; i++)
    {
      QuorumAttempt *attempt = g_ptr_array_index (conference->attempts, i);

      if (attempt->child_id == child_id)
        g_ptr_array_add (attempts, attempt);
    }

  return attempts;
}

const char *
_quorum_export_default_user (void)
{
  const char *name = g_get_real_name ();

  /* GLib says "Unknown" when the account has no real name. */
  if (name == NULL || *name == '\0' || g_strcmp0 (name, "Unknown") == 0)
    name = g_get_user_name ();

  return name;
}

/* Exports in progress are listed in the user's state folder, one small file each naming
 * its temporary file, so that a run killed between writing and renaming is cleaned up by the
 * next start (quorum_export_clean_stale): a temporary file holds a child's whole record. */
static char *
pending_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "quorum", "exports-in-progress", NULL);
}

static char *
register_pending (const char *tmp)
{
  g_autofree char *dir = pending_dir ();
  g_autofree char *name = g_strdup_printf ("%d-%08x", (int) getpid (), g_random_int ());
  char *entry = g_build_filename (dir, name, NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !g_file_set_contents_full (entry, tmp, -1, G_FILE_SET_CONTENTS_DURABLE, 0600, NULL))
    {
      g_free (entry);
      return NULL;
    }
  return entry;
}

guint
quorum_export_clean_stale (void)
{
  g_autofree char *dir = pending_dir ();
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint removed = 0;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *entry = g_build_filename (dir, name, NULL);
      g_autofree char *tmp = NULL;
      int pid = atoi (name);

      /* Another export still running keeps its file. */
      if (pid > 0 && (kill (pid, 0) == 0 || errno == EPERM))
        continue;
      if (g_file_get_contents (entry, &tmp, NULL, NULL) && g_file_test (tmp, G_FILE_TEST_IS_REGULAR) &&
          !g_file_test (tmp, G_FILE_TEST_IS_SYMLINK) && g_unlink (tmp) == 0)
        removed++;
      g_unlink (entry);
    }
  return removed;
}

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        length)
{
  while (length > 0)
    {
      gssize n = write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      data += n;
      length -= (gsize) n;
    }
  return TRUE;
}

static gboolean
write_atomically (const char  *path,
                  const char  *data,
                  gsize        length,
                  GError     **error)
{
  g_autofree char *tmp = NULL;
  g_autofree char *entry = NULL;
  GStatBuf st;
  int fd = -1;
  int saved_errno;

  /* "-": standard output, whatever it is (a pipe, a terminal). */
  if (g_strcmp0 (path, "-") == 0)
    {
      fflush (stdout);
      if (!write_all (STDOUT_FILENO, data, length))
        {
          saved_errno = errno;
          g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                       _("Could not write the record to standard output: %s"), g_strerror (saved_errno));
          return FALSE;
        }
      return TRUE;
    }

  /* Only a file is replaced: a device, a FIFO or a folder standing at the target is refused,
   * never turned into a file. */
  if (g_stat (path, &st) == 0 && !S_ISREG (st.st_mode))
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("“%s” is not a regular file; a record is written to a file, or to standard output with “-”"),
                   path);
      return FALSE;
    }

  /* A temporary file beside @path renamed over it: all or nothing. The record is about
   * children: readable by its owner only, as the database is. */
  for (int attempt = 0; fd < 0 && attempt < 100; attempt++)
    {
      g_free (tmp);
      tmp = g_strdup_printf ("%s.%06x", path, g_random_int_range (0, 0xffffff));
      if (entry != NULL)
        g_unlink (entry);
      g_free (entry);
      entry = register_pending (tmp);
      fd = g_open (tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
      if (fd < 0 && errno != EEXIST)
        break;
    }
  if (fd < 0)
    {
      saved_errno = errno;
      goto fail;
    }
  fchmod (fd, 0600);
  if (!write_all (fd, data, length) || fsync (fd) != 0)
    {
      saved_errno = errno;
      goto fail;
    }
  if (close (fd) != 0)
    {
      fd = -1;
      saved_errno = errno;
      goto fail;
    }
  fd = -1;
  if (g_rename (tmp, path) != 0)
    {
      saved_errno = errno;
      goto fail;
    }
  if (entry != NULL)
    g_unlink (entry);
  return TRUE;

fail:
  if (fd >= 0)
    close (fd);
  if (tmp != NULL)
    g_unlink (tmp);
  if (entry != NULL)
    g_unlink (entry);
  g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
               _("Could not write the record to “%s”: %s"), path, g_strerror (saved_errno));
  return FALSE;
}

static GBytes *
render (const QuorumConference  *conference,
        const QuorumProfile     *profile,
        QuorumExportFormat       format,
        const char              *exported_by,
        GDateTime               *exported_at,
        GError                 **error)
{
  char *data = NULL;

  switch (format)
    {
    case QUORUM_EXPORT_PDF:
      return quorum_export_pdf_bytes (conference, profile, exported_by, exported_at, error);

    case QUORUM_EXPORT_CSV:
      data = quorum_export_csv_string (conference, exported_by, exported_at);
      break;

    case QUORUM_EXPORT_JSON:
      {
        g_autoptr(JsonNode) node = quorum_json_dissent_record (conference, profile,
                                                               exported_by, exported_at);
        g_autoptr(JsonGenerator) generator = json_generator_new ();
        g_autofree char *text = NULL;

        json_generator_set_pretty (generator, TRUE);
        json_generator_set_root (generator, node);
        text = json_generator_to_data (generator, NULL);
        data = g_strconcat (text, "\n", NULL);
      }
      break;

    case QUORUM_EXPORT_TEXT:
      data = quorum_export_text_string (conference, profile, exported_by, exported_at);
      break;

    default:
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("Unknown export format"));
      return NULL;
    }

  return g_bytes_new_take (data, strlen (data));
}

gboolean
quorum_export_conference (const QuorumConference  *conference,
                          const QuorumProfile     *profile,
                          QuorumExportFormat       format,
                          const char              *exported_by,
                          GDateTime               *exported_at,
                          const char              *path,
                          GError                 **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (conference != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (exported_by == NULL)
    exported_by = _quorum_export_default_user ();
  if (exported_at == NULL)
    exported_at = now = g_date_time_new_now_local ();

  bytes = render (conference, profile, format, exported_by, exported_at, error);
  if (bytes == NULL)
    return FALSE;

  return write_atomically (path,
                           g_bytes_get_data (bytes, NULL),
                           g_bytes_get_size (bytes),
                           error);
}

gboolean
quorum_export_dissent (QuorumStore         *store,
                       gint64               conference_id,
                       QuorumExportFormat   format,
                       const char          *path,
                       GError             **error)
{
  g_autoptr(QuorumConference) conference = NULL;
  g_autoptr(QuorumProfile) profile = NULL;
  g_autofree char *by = NULL;

  g_return_val_if_fail (QUORUM_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  conference = quorum_store_load_conference (store, conference_id, error);
  if (conference == NULL)
    return FALSE;

  /* The profile frozen with it; an unreadable one must not stop its record. */
  profile = quorum_store_get_conference_profile (store, conference_id, NULL);
  by = quorum_store_dup_shown_signer (store);

  return quorum_export_conference (conference, profile, format, by, NULL, path, error);
}

const char *
_quorum_export_reason_now (const QuorumConference *conference,
                           const char             *original,
                           const char * const     *records,
                           guint                  *number)
{
  const char *value = original;

  if (number != NULL)
    *number = 0;
  for (guint i = 0; conference->amendments != NULL && i < conference->amendments->len; i++)
    {
      const QuorumAmendment *amendment = g_ptr_array_index (conference->amendments, i);

      if (amendment->new_value == NULL || g_strcmp0 (amendment->field, "reason") != 0 ||
          records == NULL || !g_strv_contains (records, amendment->record != NULL ? amendment->record : ""))
        continue;
      value = amendment->new_value;
      if (number != NULL)
        *number = i + 1;
    }
  return value;
}

/* @record's reason as it stands, by core's one rule: an amendment of @record or of the record
 * sharing its reason (a dissenting group's view and its dissent). */
static const char *
shared_reason_now (const QuorumConference *conference,
                   const char             *record,
                   const char             *original,
                   guint                  *number)
{
  g_autofree char *twin = quorum_conference_shared_reason (conference, record);
  const char *records[3] = { record, twin, NULL };

  return _quorum_export_reason_now (conference, original, records, number);
}

const char *
_quorum_export_vote_reason_now (const QuorumConference *conference,
                                const QuorumDecision   *decision,
                                const QuorumVote       *vote,
                                guint                  *number)
{
  g_autofree char *record = g_strdup_printf ("vote:%" G_GINT64_FORMAT, vote->id);

  (void) decision;
  return shared_reason_now (conference, record, vote->reason, number);
}

const char *
_quorum_export_dissent_reason_now (const QuorumConference *conference,
                                   const QuorumDecision   *decision,
                                   const QuorumDissent    *dissent,
                                   guint                  *number)
{
  g_autofree char *record = NULL;

  (void) decision;
  if (number != NULL)
    *number = 0;
  if (dissent->id <= 0)
    return dissent->reason;
  record = g_strdup_printf ("dissent:%" G_GINT64_FORMAT, dissent->id);
  return shared_reason_now (conference, record, dissent->reason, number);
}
