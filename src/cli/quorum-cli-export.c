/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-cli-export.c: `export dissent`, the dissent record of one conference or of a date range. */

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#include <glib/gi18n-lib.h>

#include "export/quorum-export.h"
#include "quorum-cli-private.h"

static int
compare_by_date (gconstpointer a,
                 gconstpointer b)
{
  const QuorumConferenceSummary *x = *(QuorumConferenceSummary * const *) a;
  const QuorumConferenceSummary *y = *(QuorumConferenceSummary * const *) b;
  int by_date = g_date_compare (&x->date, &y->date);

  if (by_date != 0)
    return by_date;
  return x->id < y->id ? -1 : x->id > y->id;
}

static void
add_exported (JsonBuilder *builder,
              gint64       id,
              const char  *path)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "conference");
  json_builder_add_int_value (builder, id);
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, path);
  json_builder_end_object (builder);
}

/* The file extension @path ends in (".json", ".pdf", ".docx"), or NULL: a dot after the first
 * character of its last part and up to five letters and digits, one a letter at least (a
 * folder named for a date, "2026.11", is not taken for a file; nor one given with a slash). */
static const char *
file_extension (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  const char *dot = strrchr (base, '.');
  gboolean letter = FALSE;
  gsize length;

  /* "one.json/" says a folder. */
  if (dot == NULL || dot == base || g_str_has_suffix (path, G_DIR_SEPARATOR_S))
    return NULL;
  length = strlen (dot + 1);
  if (length == 0 || length > 5)
    return NULL;
  for (const char *c = dot + 1; *c != '\0'; c++)
    {
      if (!g_ascii_isalnum (*c))
        return NULL;
      letter |= g_ascii_isalpha (*c);
    }
  if (!letter)
    return NULL;
  return path + strlen (path) - length - 1;
}

/* A batch goes to a folder, one file each: refused (QUORUM_ERROR_INVALID, nothing written) when
 * @dir is a file, or, not yet there, named as a file is ("one.json": a minute-taker expecting
 * one file would find a folder); and, without @force, when a record it would write is already
 * in the folder (a second run would replace it unseen). */
static gboolean
check_range_target (const char  *dir,
                    GPtrArray   *names,
                    gboolean     force,
                    GError     **error)
{
  g_autoptr(GPtrArray) present = g_ptr_array_new ();
  GStatBuf st;

  if (g_stat (dir, &st) == 0)
    {
      if (!S_ISDIR (st.st_mode))
        {
          g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                       _("-o %s: that is a file, not a folder; a range of conferences (--from/--to) "
                         "is written to a folder, one file each"), dir);
          return FALSE;
        }
    }
  else if (file_extension (dir) != NULL)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("-o %s: a range of conferences (--from/--to) is written to a folder, one file "
                     "each, and “%s” is a file’s name; give a folder’s name, or make the folder first"),
                   dir, file_extension (dir));
      return FALSE;
    }
  else
    return TRUE;

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        g_ptr_array_add (present, g_ptr_array_index (names, i));
    }
  if (present->len > 0 && !force)
    {
      g_ptr_array_add (present, NULL);
      {
        g_autofree char *listed = g_strjoinv (", ", (char **) present->pdata);

        g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "-o %s: %u record is already in the folder (%s); nothing was written. "
                                  "Give --force to replace it",
                                  "-o %s: %u records are already in the folder (%s); nothing was written. "
                                  "Give --force to replace them",
                                  present->len - 1),
                     dir, present->len - 1, listed);
      }
      return FALSE;
    }
  return TRUE;
}

static char *
range_file_name (const QuorumConferenceSummary *summary,
                 QuorumExportFormat             format)
{
  g_autofree char *date = quorum_date_to_string (&summary->date);

  return g_strdup_printf ("conference-%" G_GINT64_FORMAT "-%s.%s", summary->id,
                          date != NULL ? date : "undated", quorum_export_format_to_string (format));
}

/* Every conference from @from to @to into @dir, oldest first, one file each. */
static int
export_range (QuorumCliContext   *ctx,
              QuorumStore        *store,
              const GDate        *from,
              const GDate        *to,
              QuorumExportFormat  format,
              const char         *dir,
              gboolean            force)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conferences = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  int status = QUORUM_EXIT_OK;

  conferences = quorum_store_list_conferences (store, NULL,
                                               g_date_valid (from) ? from : NULL,
                                               g_date_valid (to) ? to : NULL,
                                               &error);
  if (conferences == NULL)
    return quorum_cli_fail (error);
  g_ptr_array_sort (conferences, compare_by_date);
  for (guint i = 0; i < conferences->len; i++)
    g_ptr_array_add (names, range_file_name (g_ptr_array_index (conferences, i), format));

  if (!check_range_target (dir, names, force, &error))
    return quorum_cli_fail (error);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_printerr ("quorum-cli: ");
      g_printerr (_("cannot make the folder “%s”: %s"), dir, g_strerror (saved));
      g_printerr ("\n");
      return QUORUM_EXIT_STORAGE;
    }

  json_builder_begin_array (builder);

  for (guint i = 0; i < conferences->len; i++)
    {
      const QuorumConferenceSummary *summary = g_ptr_array_index (conferences, i);
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GError) local_error = NULL;

      g_printerr ("%u/%u %s\n", i + 1, conferences->len, name);

      if (!quorum_export_dissent (store, summary->id, format, path, &local_error))
        {
          /* One record that fails does not stop the others; the worst status is returned. */
          status = MAX (status, quorum_cli_fail (local_error));
          continue;
        }

      if (ctx->json)
        add_exported (builder, summary->id, path);
      else
        printf ("%s\n", path);
    }

  json_builder_end_array (builder);

  if (conferences->len == 0)
    g_printerr (_("No conference in that range.\n"));

  if (ctx->json)
    quorum_cli_print_json (json_builder_get_root (builder));

  return status;
}

int
quorum_cli_cmd_export_dissent (QuorumCliContext *ctx,
                               int               argc,
                               char            **argv)
{
  g_autofree char *format_word = NULL;
  g_autofree char *output = NULL;
  g_autofree char *from_word = NULL;
  g_autofree char *to_word = NULL;
  g_autofree char *language = NULL;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_word, N_("pdf, csv, json or txt"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file to write (a folder with --from/--to)"), N_("PATH") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_word,
      N_("Every conference from this date (instead of CONF)"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_word,
      N_("Every conference up to this date (instead of CONF)"), N_("YYYY-MM-DD") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language,
      N_("The record’s language: cy, en, or cy,en for both, Welsh first (default: both under a bilingual policy, else the desktop’s)"),
      N_("LANG") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("With --from/--to: replace the records already in the folder (else refused, nothing written)"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    quorum_cli_option_context (ctx, "[CONF]",
                               _("Export the record of a conference’s decisions and every dissent"),
                               entries);
  g_autoptr(GError) error = NULL;
  QuorumExportFormat format;
  gboolean range;
  QuorumStore *store;
  GDate from;
  GDate to;
  gint64 id = 0;

  if (!quorum_cli_parse (context, &argc, &argv))
    return QUORUM_EXIT_USAGE;

  range = from_word != NULL || to_word != NULL;
  if (argc > 2)
    return quorum_cli_usage (context, _("unexpected argument “%s”"), argv[2]);
  if (range && argc == 2)
    return quorum_cli_usage (context, _("give either CONF or --from/--to, not both"));
  if (!range && argc < 2)
    return quorum_cli_usage (context, _("which conference? Give its id (CONF), or --from and --to"));
  QUORUM_CLI_REQUIRE (context, format_word, "--format");
  QUORUM_CLI_REQUIRE (context, output, "-o");

  if (!quorum_export_format_from_string (format_word, &format))
    {
      g_set_error (&error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("--format: “%s” is not one of pdf, csv, json, txt"), format_word);
      return quorum_cli_fail (error);
    }
  if (language != NULL)
    {
      if (!quorum_export_record_languages_valid (language))
        {
          g_set_error (&error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                       _("--language: “%s” is not one of cy, en, cy,en"), language);
          return quorum_cli_fail (error);
        }
      quorum_export_set_record_languages (language);
    }
  if (!range && !quorum_cli_parse_id (argv[1], "CONF", &id, &error))
    return quorum_cli_fail (error);
  if (!quorum_cli_date (from_word, "--from", &from, &error) ||
      !quorum_cli_date (to_word, "--to", &to, &error))
    return quorum_cli_fail (error);
  if (g_date_valid (&from) && g_date_valid (&to) && g_date_compare (&from, &to) > 0)
    {
      g_set_error (&error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("--from %s is after --to %s"), from_word, to_word);
      return quorum_cli_fail (error);
    }

  if ((store = quorum_cli_get_read_store (ctx, &error)) == NULL)
    return quorum_cli_fail (error);

  if (range && g_strcmp0 (output, "-") == 0)
    {
      g_set_error_literal (&error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                           _("-o -: a range of conferences is written to a folder, not to standard output"));
      return quorum_cli_fail (error);
    }
  if (range)
    return export_range (ctx, store, &from, &to, format, output, force);

  if (!quorum_export_dissent (store, id, format, output, &error))
    return quorum_cli_fail (error);

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      add_exported (builder, id, output);
      quorum_cli_print_json (json_builder_get_root (builder));
    }
  else if (g_strcmp0 (output, "-") != 0)
    printf ("%s\n", output);

  return QUORUM_EXIT_OK;
}
