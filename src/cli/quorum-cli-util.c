/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-cli-util.c: options, errors and output that every command of quorum-cli shares. */

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>

#include "quorum-cli-private.h"
#include "store/quorum-db.h"

/* What each option context accepts, for refusing an option given twice: GOption keeps the
 * last silently (and leaks the first). name ("--reason", "-o") → OptionKind. */
typedef enum
{
  OPTION_FLAG,
  OPTION_VALUE,
  OPTION_REPEATABLE,
} OptionKind;

static GHashTable *context_options;  /* GOptionContext* → GHashTable* */

static void
remember_options (GOptionContext     *context,
                  const GOptionEntry *entries)
{
  GHashTable *options;

  if (context_options == NULL)
    context_options = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_hash_table_unref);
  options = g_hash_table_lookup (context_options, context);
  if (options == NULL)
    {
      options = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_insert (context_options, context, options);
    }
  for (guint i = 0; entries != NULL && entries[i].long_name != NULL; i++)
    {
      const GOptionEntry *e = &entries[i];
      OptionKind kind = e->arg == G_OPTION_ARG_NONE ? OPTION_FLAG
                      : (e->arg == G_OPTION_ARG_STRING_ARRAY || e->arg == G_OPTION_ARG_FILENAME_ARRAY) ? OPTION_REPEATABLE
                      : OPTION_VALUE;

      g_hash_table_insert (options, g_strconcat ("--", e->long_name, NULL), GINT_TO_POINTER (kind));
      if (e->short_name != 0)
        g_hash_table_insert (options, g_strdup_printf ("-%c", e->short_name), GINT_TO_POINTER (kind));
    }
}

/* The first option given more than once, or NULL. */
static char *
find_repeated_option (GOptionContext  *context,
                      char           **argv)
{
  GHashTable *options = context_options ? g_hash_table_lookup (context_options, context) : NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (options == NULL)
    return NULL;
  for (int i = 1; argv[i] != NULL && !g_str_equal (argv[i], "--"); i++)
    {
      g_autofree char *name = NULL;
      const char *eq;
      gpointer kind;

      if (argv[i][0] != '-')
        continue;
      eq = g_str_has_prefix (argv[i], "--") ? strchr (argv[i], '=') : NULL;
      name = eq ? g_strndup (argv[i], eq - argv[i]) : g_strdup (argv[i]);
      if (!g_hash_table_lookup_extended (options, name, NULL, &kind))
        continue;
      /* "--reason --db": the second word is the first one's value, not an option. */
      if (GPOINTER_TO_INT (kind) != OPTION_FLAG && eq == NULL && argv[i + 1] != NULL)
        i++;
      if (GPOINTER_TO_INT (kind) == OPTION_REPEATABLE)
        continue;
      {
        const char *canonical = name;
        /* -o and --output are one option. */
        if (g_str_equal (name, "-o"))
          canonical = "--output";
        if (g_hash_table_contains (seen, canonical))
          return g_strdup (canonical);
        g_hash_table_add (seen, (gpointer) g_intern_string (canonical));
      }
    }
  return NULL;
}

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
      N_("Your name, recorded as who decided, signed off, amended or exported, and on a database of this computer's as who wrote each record (default: $QUORUM_USER, else the name kept in the app's Preferences, else the login)"),
      N_("NAME") },
    { NULL }
  };

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (summary != NULL)
    g_option_context_set_summary (context, summary);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, common, GETTEXT_PACKAGE);
  remember_options (context, entries);
  remember_options (context, common);
  return context;
}

gboolean
quorum_cli_parse (GOptionContext   *context,
                  int              *argc,
                  char           ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *repeated = NULL;

  g_set_prgname ((*argv)[0]);
  repeated = find_repeated_option (context, *argv);
  if (repeated != NULL)
    {
      g_printerr (_("quorum-cli: %s is given more than once; give it once\n"), repeated);
      g_printerr (_("Try “%s --help”.\n"), (*argv)[0]);
      return FALSE;
    }
  /* Arguments are UTF-8 as given, never converted from the locale's charset (under
   * LC_ALL=C a name with “ë” is kept, under Latin-1 it is not turned to mojibake). GOption
   * converts from the locale on Unix even in strv mode, so the parse runs in a UTF-8 LC_CTYPE. */
  {
    g_autofree char *saved = g_strdup (setlocale (LC_CTYPE, NULL));
    gboolean parsed;

    if (setlocale (LC_CTYPE, "C.UTF-8") == NULL)
      setlocale (LC_CTYPE, "C.utf8");
    parsed = g_option_context_parse_strv (context, argv, &error);
    setlocale (LC_CTYPE, saved);
    if (!parsed)
      {
        g_printerr ("quorum-cli: %s\n", error->message);
        g_printerr (_("Try “%s --help”.\n"), (*argv)[0]);
        return FALSE;
      }
  }
  *argc = (int) g_strv_length (*argv);
  return TRUE;
}

static gboolean
check_db_option (QuorumCliContext  *ctx,
                 GError           **error)
{
  /* An empty --db is a mistake, not a request for $QUORUM_DB or the live database. */
  if (ctx->db_option != NULL && *ctx->db_option == '\0')
    {
      g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                           _("--db: the path is empty; nothing was written"));
      return FALSE;
    }
  return TRUE;
}

/* Shows @prompt and reads a line from the terminal without echoing it. Echo goes off before
 * the prompt shows, and what was typed ahead is kept (TCSANOW, not TCSAFLUSH). */
static char *
read_hidden_line (const char *prompt)
{
  struct termios saved;
  struct termios quiet;
  char line[1024];
  gboolean restored = FALSE;
  char *got;

  if (tcgetattr (STDIN_FILENO, &saved) == 0)
    {
      quiet = saved;
      quiet.c_lflag &= ~(tcflag_t) ECHO;
      quiet.c_lflag |= ECHONL;
      restored = tcsetattr (STDIN_FILENO, TCSANOW, &quiet) == 0;
    }
  g_printerr ("%s", prompt);
  got = fgets (line, sizeof line, stdin);
  if (restored)
    tcsetattr (STDIN_FILENO, TCSANOW, &saved);
  if (got == NULL)
    return NULL;
  line[strcspn (line, "\r\n")] = '\0';
  got = g_strdup (line);
  memset (line, 0, sizeof line);
  return got;
}

/* Opens @path; when a PostgreSQL server asks for a password libpq does not have ($PGPASSWORD,
 * ~/.pgpass and service files are libpq's and keep working), asks for it on the terminal, and
 * only there: a script never waits for a prompt, it is told how to give one. */
static QuorumStore *
open_asking_password (const char            *path,
                      QuorumStoreOpenFlags   flags,
                      GError               **error)
{
  g_autoptr(GError) local = NULL;
  gboolean needs_password = FALSE;
  QuorumStore *store;

  store = quorum_store_open_with_password (path, NULL, flags, &needs_password, &local);
  for (int tries = 0; store == NULL && needs_password && tries < 3 &&
                      isatty (STDIN_FILENO) && isatty (STDERR_FILENO); tries++)
    {
      g_autofree char *host = NULL;
      g_autofree char *port = NULL;
      g_autofree char *dbname = NULL;
      g_autofree char *user = NULL;
      g_autofree char *prompt = NULL;
      char *password;

      if (!quorum_store_describe_server (path, &host, &port, &dbname, &user))
        break;
      if (tries > 0)
        g_printerr (_("quorum-cli: the server did not accept that password\n"));
      /* Translators: the prompt for a password: user, host, port, database */
      prompt = g_strdup_printf (_("Password for %s on %s (port %s), database %s: "), user, host, port, dbname);
      password = read_hidden_line (prompt);
      if (password == NULL)
        break;
      g_clear_error (&local);
      store = quorum_store_open_with_password (path, password, flags, &needs_password, &local);
      memset (password, 0, strlen (password));
      g_free (password);
    }
  if (store == NULL && needs_password)
    {
      g_set_error (error, local->domain, local->code,
                   _("%s (the server asks for a password: quorum-cli asks for it only on a terminal; a script gives it through $PGPASSWORD, ~/.pgpass or a service file)"),
                   local->message);
      return NULL;
    }
  if (store == NULL)
    g_propagate_error (error, g_steal_pointer (&local));
  return store;
}

/* The name the app keeps for this account ("Your name" in its Preferences; under its first id
 * too, before the app has copied it over), read only; NULL when none is kept or the app's
 * settings are not installed. */
static char *
app_kept_name (void)
{
  static const char * const ids[] = { "io.github.quorum_app.quorum", "org.gnome.Quorum" };
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();

  for (guint i = 0; source != NULL && i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(GSettingsSchema) schema = g_settings_schema_source_lookup (source, ids[i], TRUE);
      g_autoptr(GSettings) settings = NULL;
      g_autofree char *name = NULL;

      if (schema == NULL || !g_settings_schema_has_key (schema, "chair-name"))
        continue;
      settings = g_settings_new_full (schema, NULL, NULL);
      name = g_strstrip (g_settings_get_string (settings, "chair-name"));
      if (*name != '\0')
        return g_steal_pointer (&name);
    }

  return NULL;
}

static QuorumStore *
open_store (QuorumCliContext      *ctx,
            QuorumStoreOpenFlags   flags,
            gboolean               memory_if_missing,
            GError               **error)
{
  if (ctx->store == NULL)
    {
      g_autofree char *path = NULL;

      if (!check_db_option (ctx, error))
        return NULL;
      path = quorum_store_resolve_path (ctx->db_option);
      if (!quorum_store_check_location (path, error))
        return NULL;
      /* A command that only reads never makes a database: with none, it reads an empty one. */
      if (memory_if_missing && !quorum_db_location_is_postgres (path) &&
          !g_file_test (path, G_FILE_TEST_EXISTS))
        ctx->store = quorum_store_open_memory (error);
      else
        ctx->store = open_asking_password (path, flags, error);
      /* Who the record names: --as, else $QUORUM_USER, else the name the app keeps for this
       * account (its Preferences' "Your name"), as the app names it; the login only when none
       * is given anywhere. The audit log keeps the login. */
      if (ctx->store != NULL)
        {
          const char *given = ctx->as_name != NULL ? ctx->as_name : g_getenv ("QUORUM_USER");
          g_autofree char *kept = given == NULL || *given == '\0' ? app_kept_name () : NULL;

          quorum_store_set_signer (ctx->store, kept != NULL ? kept : given);
        }
      if (ctx->store != NULL)
        {
          const char * const *notices = quorum_store_get_notices (ctx->store);

          for (guint i = 0; notices[i] != NULL; i++)
            g_printerr (_("quorum-cli: note: %s\n"), notices[i]);
        }
    }
  return ctx->store;
}

QuorumStore *
quorum_cli_get_store (QuorumCliContext  *ctx,
                      GError           **error)
{
  return open_store (ctx, QUORUM_STORE_OPEN_CREATE, FALSE, error);
}

QuorumStore *
quorum_cli_get_read_store (QuorumCliContext  *ctx,
                           GError           **error)
{
  return open_store (ctx, QUORUM_STORE_OPEN_CREATE, TRUE, error);
}

QuorumStore *
quorum_cli_get_existing_store (QuorumCliContext  *ctx,
                               GError           **error)
{
  return open_store (ctx, 0, FALSE, error);
}

int
quorum_cli_fail (GError *error)
{
  int status = quorum_error_exit_status (error);
  /* A message may quote a tampered record's bytes: what is printed is always UTF-8. */
  g_autofree char *message = g_utf8_make_valid (error->message, -1);

  g_printerr ("quorum-cli: %s\n", message);
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
  gint64 value = 0;
  char *end = NULL;

  errno = 0;
  if (str != NULL && g_ascii_isdigit (*str))
    value = g_ascii_strtoll (str, &end, 10);
  /* An id too big for any record is refused as typed, not read as the largest there is. */
  if (str != NULL && g_ascii_isdigit (*str) && errno == ERANGE)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("%s: “%s” is too large to be an id"), what, str);
      return FALSE;
    }
  if (str == NULL || !g_ascii_isdigit (*str) || value <= 0 || *end != '\0')
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
