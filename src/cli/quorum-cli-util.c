/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-cli-util.c: options, errors and output that every command of quorum-cli shares. */

#include <stdio.h>
#include <glib/gi18n-lib.h>

#include "quorum-cli-private.h"

GOptionContext *
quorum_cli_option_context (QuorumCliContext   *ctx,
                           const char         *parameter_string,
                           const char         *summary,
                           const GOptionEntry *entries)
{
  GOptionContext *context = g_option_context_new (parameter_string);
  const GOptionEntry common[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &ctx->db_option,
      N_("The database (default: $QUORUM_DB, else the app's own)"), N_("PATH") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &ctx->json, N_("Print one JSON document"), NULL },
    { "as", 0, 0, G_OPTION_ARG_STRING, &ctx->as_name,
      N_("Your name, recorded as who decided, signed off, amended or exported (default: $QUORUM_USER, else the login)"),
      N_("NAME") },
    { NULL }
  };

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (summary != NULL)
    g_option_context_set_summary (context, summary);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, common, GETTEXT_PACKAGE);
  return context;
}

gboolean
quorum_cli_parse (GOptionContext   *context,
                  int              *argc,
                  char           ***argv)
{
  g_autoptr(GError) error = NULL;

  g_set_prgname ((*argv)[0]);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("quorum-cli: %s\n", error->message);
      g_printerr (_("Try “%s --help”.\n"), (*argv)[0]);
      return FALSE;
    }
  return TRUE;
}

QuorumStore *
quorum_cli_get_store (QuorumCliContext  *ctx,
                      GError           **error)
{
  if (ctx->store == NULL)
    {
      g_autofree char *path = quorum_store_resolve_path (ctx->db_option);
      gboolean existed = g_file_test (path, G_FILE_TEST_EXISTS);

      ctx->store = quorum_store_open (path, error);
      /* Who the record names: --as, else $QUORUM_USER; the audit log keeps the login. */
      if (ctx->store != NULL)
        quorum_store_set_signer (ctx->store, ctx->as_name != NULL ? ctx->as_name : g_getenv ("QUORUM_USER"));
      /* Remembered so that a refused command leaves no new database behind. */
      if (!existed && g_file_test (path, G_FILE_TEST_EXISTS))
        ctx->created = g_steal_pointer (&path);
    }
  return ctx->store;
}

QuorumStore *
quorum_cli_get_existing_store (QuorumCliContext  *ctx,
                               GError           **error)
{
  g_autofree char *path = quorum_store_resolve_path (ctx->db_option);

  if (ctx->store == NULL && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                   _("There is no database at %s"), path);
      return NULL;
    }
  return quorum_cli_get_store (ctx, error);
}

int
quorum_cli_fail (GError *error)
{
  int status = quorum_error_exit_status (error);

  g_printerr ("quorum-cli: %s\n", error->message);
  return status;
}

int
quorum_cli_usage (GOptionContext *context,
                  const char     *format,
                  ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("quorum-cli: %s\n", message);
  if (context != NULL)
    g_printerr (_("Try “%s --help”.\n"), g_get_prgname ());
  return QUORUM_EXIT_USAGE;
}

gboolean
quorum_cli_parse_id (const char  *str,
                     const char  *what,
                     gint64      *out,
                     GError     **error)
{
  gint64 value;
  char *end = NULL;

  if (str == NULL || !g_ascii_isdigit (*str) ||
      (value = g_ascii_strtoll (str, &end, 10)) <= 0 || *end != '\0')
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("%s: “%s” is not an id (ids are the whole numbers the commands print)"),
                   what, str ? str : "");
      return FALSE;
    }
  *out = value;
  return TRUE;
}

void
quorum_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
  json_node_unref (node);
}

void
quorum_cli_print_id (QuorumCliContext *ctx,
                     gint64            id,
                     const char       *text)
{
  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, id);
      json_builder_end_object (builder);
      quorum_cli_print_json (json_builder_get_root (builder));
    }
  else
    {
      printf ("%s\n", text);
    }
}

gboolean
quorum_cli_date (const char  *value,
                 const char  *option,
                 GDate       *out,
                 GError     **error)
{
  g_date_clear (out, 1);
  if (value == NULL)
    return TRUE;
  return quorum_date_parse (value, option, out, error);
}

int
quorum_cli_take_id (GOptionContext  *context,
                    int              argc,
                    char           **argv,
                    const char      *label,
                    const char      *missing,
                    gint64          *out)
{
  g_autoptr(GError) error = NULL;

  if (argc < 2)
    return quorum_cli_usage (context, "%s", missing);
  if (argc > 2)
    return quorum_cli_usage (context, _("unexpected argument “%s”"), argv[2]);
  if (!quorum_cli_parse_id (argv[1], label, out, &error))
    return quorum_cli_fail (error);
  return QUORUM_EXIT_OK;
}
