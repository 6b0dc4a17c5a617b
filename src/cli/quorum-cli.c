/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-cli.c: the entry point of quorum-cli: finds the command and hands it its arguments. */

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "quorum-cli-private.h"
#include "export/quorum-export.h"

typedef struct
{
  const char           *name;
  const char           *sub;       /* NULL for a one-word command */
  QuorumCliCommandFunc  func;
  const char           *summary;
} Command;

static const Command commands[] = {
  { "profiles",   NULL,       quorum_cli_cmd_profiles,            N_("List the policy profiles") },
  { "conference", "new",      quorum_cli_cmd_conference_new,      N_("Create a conference") },
  { "conference", "show",     quorum_cli_cmd_conference_show,     N_("Show a whole conference") },
  { "conference", "list",     quorum_cli_cmd_conference_list,     N_("List conferences, newest first") },
  { "conference", "proceed",  quorum_cli_cmd_conference_proceed,  N_("Record why an inquorate conference proceeds") },
  { "conference", "handover", quorum_cli_cmd_conference_handover, N_("Hand a conference to another chair (a shared database)") },
  { "attendee",   "add",      quorum_cli_cmd_attendee_add,        N_("Add an attendee") },
  { "attendee",   "arrive",   quorum_cli_cmd_attendee_arrive,     N_("Record that an attendee arrived late, at a time") },
  { "attendee",   "leave",    quorum_cli_cmd_attendee_leave,      N_("Record that an attendee left, at a time") },
  { "attendee",   "return",   quorum_cli_cmd_attendee_return,     N_("Undo a leave recorded by mistake: the attendee is back in the room") },
  { "member-view", NULL,      quorum_cli_cmd_member_view,         N_("Record a representative's own position where their group cannot agree") },
  { "consensus",  NULL,       quorum_cli_cmd_consensus,           N_("Record a consensus attempt for a child") },
  { "vote",       NULL,       quorum_cli_cmd_vote,                N_("Record a line-management group's view") },
  { "decide",     NULL,       quorum_cli_cmd_decide,              N_("Apply the profile's rule and record the decision") },
  { "finalise",   NULL,       quorum_cli_cmd_finalise,            N_("Sign a conference off") },
  { "amend",      NULL,       quorum_cli_cmd_amend,               N_("Amend a signed-off conference") },
  { "challenge",  "raise",    quorum_cli_cmd_challenge_raise,     N_("Challenge a conference decision (profiles with the route)") },
  { "challenge",  "alert",    quorum_cli_cmd_challenge_alert,     N_("Record that the Co-ordinator was alerted") },
  { "challenge",  "decide",   quorum_cli_cmd_challenge_decide,    N_("Record the Co-ordinator's decisions on a challenge") },
  { "challenge",  "show",     quorum_cli_cmd_challenge_show,      N_("Show a challenge") },
  { "referrals",  NULL,       quorum_cli_cmd_referrals,           N_("List referrals to the Head of Service") },
  { "referral",   "notify",   quorum_cli_cmd_referral_notify,     N_("Record that a referral was sent") },
  { "referral",   "panel",    quorum_cli_cmd_referral_panel,      N_("Record the panel's hearing and outcome") },
  { "referral",   "correct",  quorum_cli_cmd_referral_correct,    N_("Correct a referral's date or outcome (the old value is kept)") },
  { "plan",       "end",      quorum_cli_cmd_plan_end,            N_("Record the end of a child protection plan") },
  { "plan",       "review",   quorum_cli_cmd_plan_review,         N_("Record a review date of a plan") },
  { "notices",    NULL,       quorum_cli_cmd_notices,             N_("List the notices the policies name, given and pending") },
  { "notice",     "give",     quorum_cli_cmd_notice_give,         N_("Record a notice as given") },
  { "export",     "dissent",  quorum_cli_cmd_export_dissent,      N_("Export the dissent record") },
  { "difference", "raise",    quorum_cli_cmd_difference_raise,    N_("Raise a professional difference") },
  { "difference", "record",   quorum_cli_cmd_difference_record,   N_("Record a discussion at the current stage") },
  { "difference", "escalate", quorum_cli_cmd_difference_escalate, N_("Escalate to the next stage") },
  { "difference", "resolve",  quorum_cli_cmd_difference_resolve,  N_("Close a difference as resolved") },
  { "difference", "show",     quorum_cli_cmd_difference_show,     N_("Show a difference and its stages") },
  { "difference", "flag",     quorum_cli_cmd_difference_flag,     N_("Flag immediate risk or a formal challenge") },
  { "differences", NULL,      quorum_cli_cmd_differences,         N_("List differences, or count them") },
  { "workdays",   "add",      quorum_cli_cmd_workdays_add,        N_("The Nth working day after a date") },
  { "workdays",   "close",    quorum_cli_cmd_workdays_close,      N_("Add a local closure day") },
  { "workdays",   "closures", quorum_cli_cmd_workdays_closures,   N_("List the local closure days") },
  { "verify",     NULL,       quorum_cli_cmd_verify,              N_("Check the database and its audit chain") },
  { "admin",      "init",     quorum_cli_cmd_admin_init,          N_("Create the schema and the roles of a shared database") },
  { "admin",      "grant",    quorum_cli_cmd_admin_grant,         N_("Give a person one of Quorum's roles") },
  { "migrate",    NULL,       quorum_cli_cmd_migrate,             N_("Copy a SQLite database into a shared one, its audit chain verified") },
  { "backup",     NULL,       quorum_cli_cmd_backup,              N_("Copy the database, consistently, while in use") },
  { "restore",    NULL,       quorum_cli_cmd_restore,             N_("Replace the database with a checked backup") },
};

static void
print_help (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: quorum-cli [--db PATH] [--json] COMMAND [OPTIONS…]"));
  fprintf (out, "%s\n\n", _("Records child protection conference decisions and professional differences."));
  fprintf (out, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *name = commands[i].sub
        ? g_strdup_printf ("%s %s", commands[i].name, commands[i].sub)
        : g_strdup (commands[i].name);
      fprintf (out, "  %-22s %s\n", name, _(commands[i].summary));
    }
  fprintf (out, "\n%s\n", _("“quorum-cli COMMAND --help” describes a command's options."));
  fprintf (out, "%s\n", _("The database is --db, else $QUORUM_DB, else the app's own database."));
  fprintf (out, "\n%s\n", _("Exit status: 0 done; 1 usage error; 2 rejected input (the reason on stderr, nothing "
                            "written); 3 storage failure (nothing half-written); 4 verify found tampering; 5 verify could not check "
                            "the keyed audit chain (no key)."));
}

int
main (int    argc,
      char **argv)
{
  QuorumCliContext ctx = { 0 };
  const Command *command = NULL;
  g_autoptr(GPtrArray) args = NULL;
  const char *localedir;
  int i = 1;
  int status;

  setlocale (LC_ALL, "");
  /* Installed, the translations are under the prefix; run from the build tree (build-aux/dev,
   * the tests), $QUORUM_LOCALEDIR names the build's po folder. */
  localedir = g_getenv ("QUORUM_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* A record written by a run killed mid-export is not left lying about. */
  quorum_export_clean_stale ();

  /* --db names one database and --as one person: given twice (before the command and after
   * it, say), which one was meant is not for us to guess. */
  {
    const char *once[] = { "--db", "--as" };

    for (guint k = 0; k < G_N_ELEMENTS (once); k++)
      {
        g_autofree char *with_value = g_strconcat (once[k], "=", NULL);
        int n = 0;

        for (int j = 1; j < argc && !g_str_equal (argv[j], "--"); j++)
          if (g_str_equal (argv[j], once[k]) || g_str_has_prefix (argv[j], with_value))
            n++;
        if (n > 1)
          {
            g_printerr (_("quorum-cli: %s is given %d times; give it once\n"), once[k], n);
            return QUORUM_EXIT_USAGE;
          }
      }
  }

  /* The common options may stand before the command, too. */
  for (; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--json"))
        ctx.json = TRUE;
      else if (g_str_equal (argv[i], "--db") && i + 1 < argc)
        ctx.db_option = g_strdup (argv[++i]);
      else if (g_str_has_prefix (argv[i], "--db="))
        ctx.db_option = g_strdup (argv[i] + strlen ("--db="));
      else if (g_str_equal (argv[i], "--as") && i + 1 < argc)
        ctx.as_name = g_strdup (argv[++i]);
      else if (g_str_has_prefix (argv[i], "--as="))
        ctx.as_name = g_strdup (argv[i] + strlen ("--as="));
      else if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
        {
          print_help (stdout);
          status = QUORUM_EXIT_OK;
          goto out;
        }
      else if (g_str_equal (argv[i], "--version"))
        {
          printf ("quorum-cli %s\n", QUORUM_VERSION);
          status = QUORUM_EXIT_OK;
          goto out;
        }
      else
        break;
    }

  if (i >= argc)
    {
      print_help (stderr);
      status = QUORUM_EXIT_USAGE;
      goto out;
    }

  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    {
      if (!g_str_equal (commands[c].name, argv[i]))
        continue;
      if (commands[c].sub == NULL)
        {
          command = &commands[c];
          break;
        }
      if (i + 1 < argc && g_str_equal (commands[c].sub, argv[i + 1]))
        {
          command = &commands[c];
          break;
        }
    }

  if (command == NULL)
    {
      gboolean known = FALSE;

      for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
        known |= g_str_equal (commands[c].name, argv[i]);
      if (known && i + 1 < argc)
        g_printerr (_("quorum-cli: “%s %s” is not a command; “quorum-cli --help” lists them\n"), argv[i], argv[i + 1]);
      else if (known)
        g_printerr (_("quorum-cli: “%s” needs a subcommand; “quorum-cli --help” lists them\n"), argv[i]);
      else
        g_printerr (_("quorum-cli: unknown command “%s”; “quorum-cli --help” lists the commands\n"), argv[i]);
      status = QUORUM_EXIT_USAGE;
      goto out;
    }

  /* Text arguments must be UTF-8; file names (--db, -o) may be anything the file system takes. */
  for (int j = i + 1; j < argc; j++)
    {
      gboolean is_path = j > 1 && (g_str_equal (argv[j - 1], "--db") || g_str_equal (argv[j - 1], "-o") ||
                                   g_str_equal (argv[j - 1], "--output"));

      if (!is_path && !g_utf8_validate (argv[j], -1, NULL))
        {
          g_printerr (_("quorum-cli: argument %d is not valid UTF-8 text; nothing was written\n"), j);
          status = QUORUM_EXIT_REJECTED;
          goto out;
        }
    }

  /* argv for the command: its name, then everything after the command's words. */
  args = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (args, command->sub ? g_strdup_printf ("quorum-cli %s %s", command->name, command->sub)
                                      : g_strdup_printf ("quorum-cli %s", command->name));
  for (int j = i + (command->sub ? 2 : 1); j < argc; j++)
    g_ptr_array_add (args, g_strdup (argv[j]));
  g_ptr_array_add (args, NULL);

  {
    /* The command's own copy: GOptionContext (in strv mode, which reads arguments as UTF-8
     * whatever the locale) removes and frees what it parses. */
    int cargc = args->len - 1;
    char **cargv = g_strdupv ((char **) args->pdata);

    status = command->func (&ctx, cargc, cargv);
    g_strfreev (cargv);
  }

  /* "Nothing written" includes the file itself: a refused first command leaves no database,
   * but only one this run alone made and nobody else has opened meanwhile. */
  if (ctx.store != NULL && status != QUORUM_EXIT_OK && quorum_store_get_created (ctx.store))
    quorum_store_close_discarding_unused (ctx.store);
  g_clear_object (&ctx.store);

out:
  /* Every way out frees what the common options took (a leak fuzz-cli found). */
  g_free (ctx.db_option);
  g_free (ctx.as_name);
  return status;
}
