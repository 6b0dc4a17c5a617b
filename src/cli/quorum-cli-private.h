/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-cli-private.h: what the commands of quorum-cli share. */
#pragma once

#include <json-glib/json-glib.h>
#include "store/quorum-store.h"

G_BEGIN_DECLS

/* Exit statuses of shared/CLI.md. */
enum
{
  QUORUM_EXIT_OK = 0,
  QUORUM_EXIT_USAGE = 1,
  QUORUM_EXIT_REJECTED = 2,
  QUORUM_EXIT_STORAGE = 3,
  QUORUM_EXIT_TAMPERED = 4,
  QUORUM_EXIT_UNVERIFIED = 5,   /* verify could not check the keyed chain (no key) */
};

typedef struct
{
  char        *db_option;  /* --db, or NULL */
  char        *as_name;    /* --as: the person recorded as deciding, signing off, exporting */
  gboolean     json;       /* --json */
  QuorumStore *store;      /* opened on first use */
} QuorumCliContext;

/* A command: @argv[0] is the command's name ("conference new"), options follow.
 * Returns the exit status. */
typedef int (*QuorumCliCommandFunc) (QuorumCliContext *ctx,
                                     int               argc,
                                     char            **argv);

/* An option context carrying the common --db and --json; @parameter_string as in
 * g_option_context_new ("CONF"), @summary a one-line translated description. */
GOptionContext *quorum_cli_option_context (QuorumCliContext *ctx,
                                           const char       *parameter_string,
                                           const char       *summary,
                                           const GOptionEntry *entries);
/* Parses; on error prints it with the usage and returns FALSE (exit 1). */
gboolean        quorum_cli_parse          (GOptionContext   *context,
                                           int              *argc,
                                           char           ***argv);

QuorumStore    *quorum_cli_get_store      (QuorumCliContext *ctx,
                                           GError          **error);
/* For commands that only read: with no database at the path, an empty one in memory (a read
 * never makes a database). */
QuorumStore    *quorum_cli_get_read_store (QuorumCliContext *ctx,
                                           GError          **error);
/* The store of a database that must already exist (verify): exit 3 when there is none. */
QuorumStore    *quorum_cli_get_existing_store (QuorumCliContext *ctx,
                                           GError          **error);

/* "quorum-cli: <message>" on stderr; returns the exit status the error calls for. */
int             quorum_cli_fail           (GError           *error);
/* A usage error: the message and a hint, on stderr; returns 1. */
int             quorum_cli_usage          (GOptionContext   *context,
                                           const char       *format,
                                           ...) G_GNUC_PRINTF (2, 3);

/* Positional integer id ("CONF", "ID"): FALSE with QUORUM_ERROR_INVALID if not a positive integer. */
gboolean        quorum_cli_parse_id       (const char       *str,
                                           const char       *what,
                                           gint64           *out,
                                           GError          **error);

/* The one positional id (@label: "CONF", "ID") of @argv after option parsing: a usage error
 * saying @missing when absent, exit 2 when not an id. Returns the exit status, 0 when taken. */
int             quorum_cli_take_id        (GOptionContext   *context,
                                           int               argc,
                                           char            **argv,
                                           const char       *label,
                                           const char       *missing,
                                           gint64           *out);

/* Prints @node as one JSON document on stdout, pretty. Takes nothing. */
void            quorum_cli_print_json     (JsonNode         *node);
/* {"id": N} with --json, else @text. */
void            quorum_cli_print_id       (QuorumCliContext *ctx,
                                           gint64            id,
                                           const char       *text);
/* A required option: a usage error (exit 1) naming it when missing. */
#define QUORUM_CLI_REQUIRE(context, value, option) \
  G_STMT_START { \
    if ((value) == NULL) \
      return quorum_cli_usage ((context), _("%s is required"), (option)); \
  } G_STMT_END
/* Parses an ISO date option: exit 2 with the reason when it is not a real date. */
gboolean        quorum_cli_date           (const char       *value,
                                           const char       *option,
                                           GDate            *out,
                                           GError          **error);

/* Commands, by file. */
int quorum_cli_cmd_profiles          (QuorumCliContext *ctx, int argc, char **argv);
int quorum_cli_cmd_conference_new    (QuorumCliContext *ctx, int argc, char **argv);
int quorum_cli_cmd_conference_show   (QuorumCliContext *ctx, int argc, char **argv);
int quorum_cli_cmd_conference_list   (QuorumCliContext *ctx, int argc, char **argv);
int quorum_cli_cmd_conference_proceed (QuorumCliContext *ctx, int argc, char **argv);
int quorum_cli_cmd_conference_handover (QuorumCliContext *ctx, int argc, char **argv);
int quorum_cli_cmd_attendee_add      (QuorumCliContext *ctx, int argc, char **argv);
int quorum_cli_cmd_attendee_arrive   (QuorumCliContext *ctx, int argc, char **argv);  /* quorum-cli-record.c */
int quorum_cli_cmd_attendee_leave    (QuorumCliContext *ctx, int argc, char **argv);
int quorum_cli_cmd_attendee_return   (QuorumCliContext *ctx, int argc, char **argv);
int quorum_cli_cmd_member_view       (QuorumCliContext *ctx, int argc, char **argv);
int quorum_cli_cmd_challenge_raise   (QuorumCliContext *ctx, int argc, char **argv);
int quorum_cli_cmd_challenge_alert   (QuorumCliContext *ctx, int argc, char **argv);
int quorum_cli_cmd_challenge_decide  (QuorumCliContext *ctx, int argc, char **argv);
int quorum_cli_cmd_challenge_show    (QuorumCliContext *ctx, int argc, char **argv);
int quorum_cli_cmd_consensus         (QuorumCliContext *ctx, int argc, char **argv);
int quorum_cli_cmd_vote              (QuorumCliContext *ctx, int argc, char **argv);
int quorum_cli_cmd_decide            (QuorumCliContext *ctx, int argc, char **argv);
int quorum_cli_cmd_finalise          (QuorumCliContext *ctx, int argc, char **argv);
int quorum_cli_cmd_amend             (QuorumCliContext *ctx, int argc, char **argv);
int quorum_cli_cmd_referrals         (QuorumCliContext *ctx, int argc, char **argv);
int quorum_cli_cmd_referral_notify   (QuorumCliContext *ctx, int argc, char **argv);
int quorum_cli_cmd_referral_panel    (QuorumCliContext *ctx, int argc, char **argv);
int quorum_cli_cmd_export_dissent    (QuorumCliContext *ctx, int argc, char **argv);  /* quorum-cli-export.c */
int quorum_cli_cmd_difference_raise    (QuorumCliContext *ctx, int argc, char **argv); /* quorum-cli-difference.c */
int quorum_cli_cmd_difference_record   (QuorumCliContext *ctx, int argc, char **argv);
int quorum_cli_cmd_difference_escalate (QuorumCliContext *ctx, int argc, char **argv);
int quorum_cli_cmd_difference_resolve  (QuorumCliContext *ctx, int argc, char **argv);
int quorum_cli_cmd_difference_show     (QuorumCliContext *ctx, int argc, char **argv);
int quorum_cli_cmd_differences         (QuorumCliContext *ctx, int argc, char **argv);
int quorum_cli_cmd_workdays_add      (QuorumCliContext *ctx, int argc, char **argv);
int quorum_cli_cmd_workdays_close    (QuorumCliContext *ctx, int argc, char **argv);
int quorum_cli_cmd_workdays_closures (QuorumCliContext *ctx, int argc, char **argv);
int quorum_cli_cmd_verify            (QuorumCliContext *ctx, int argc, char **argv);
int quorum_cli_cmd_referral_correct  (QuorumCliContext *ctx, int argc, char **argv);  /* quorum-cli-life.c */
int quorum_cli_cmd_plan_end          (QuorumCliContext *ctx, int argc, char **argv);
int quorum_cli_cmd_plan_review       (QuorumCliContext *ctx, int argc, char **argv);
int quorum_cli_cmd_notices           (QuorumCliContext *ctx, int argc, char **argv);
int quorum_cli_cmd_notice_give       (QuorumCliContext *ctx, int argc, char **argv);
int quorum_cli_cmd_difference_flag   (QuorumCliContext *ctx, int argc, char **argv);
int quorum_cli_cmd_admin_init        (QuorumCliContext *ctx, int argc, char **argv);
int quorum_cli_cmd_admin_grant       (QuorumCliContext *ctx, int argc, char **argv);
int quorum_cli_cmd_backup            (QuorumCliContext *ctx, int argc, char **argv);
int quorum_cli_cmd_restore           (QuorumCliContext *ctx, int argc, char **argv);
int quorum_cli_cmd_migrate           (QuorumCliContext *ctx, int argc, char **argv);  /* quorum-cli-migrate.c */

G_END_DECLS
