/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-db-postgres.c: the statement layer on libpq, an authority's shared store. Statements
 * are prepared once per SQL text on the server and run at their first step, or, sent
 * (quorum_db_send), together with the next round trip in one pipeline; a transaction's BEGIN
 * goes with its first statements; a lost connection is made again before the next transaction,
 * and live updates come by LISTEN/NOTIFY.
 *
 * Built as a module of its own (libquorum-postgres.so), loaded by quorum-db-postgres-load.c the
 * first time a PostgreSQL database is named: its symbols are hidden but for the table at the
 * end, and it links nothing of Quorum's but the headers. */

#include <poll.h>
#include <string.h>
#include <libpq-fe.h>
#include <glib-unix.h>
#include <glib/gi18n-lib.h>
#include <gmodule.h>

#include "quorum-db-postgres.h"
#include "quorum-db-postgres-module.h"
#include "store/quorum-db-private.h"

/* The statement layer's error domain (quorum-db.c's), by its name: the same quark. */
GQuark
quorum_db_error_quark (void)
{
  return g_quark_from_static_string ("quorum-db-error-quark");
}

/* Type oids of the server's catalogue (pg_type.h is not part of libpq's headers). */
#define PG_BOOLOID    16
#define PG_BYTEAOID   17
#define PG_INT8OID    20
#define PG_INT2OID    21
#define PG_INT4OID    23
#define PG_TEXTOID    25
#define PG_OIDOID     26
#define PG_FLOAT4OID  700
#define PG_FLOAT8OID  701
#define PG_NUMERICOID 1700

typedef struct _QuorumPgDb   QuorumPgDb;
typedef struct _QuorumPgStmt QuorumPgStmt;

typedef struct
{
  char *channel;
  char *payload;
} PgNotification;

struct _QuorumPgDb
{
  QuorumDb    parent;         /* the statement layer's: its driver and last failure */
  PGconn     *conn;
  GHashTable *stmts;          /* SQL text → QuorumPgStmt */
  guint       next_name;      /* prepared statements are q1, q2 … on the server */
  guint       epoch;          /* bumped at each new session: every statement prepares again */
  gint64      changes;
  gboolean    in_transaction;
  gboolean    resetting;      /* the watch is making the connection again, without blocking */
  GPtrArray  *channels;       /* LISTENed, again after a new session */
  GQueue      pending;        /* PgNotification, read by a query before the watch saw them */
  GSource    *watch;
  char       *session_user;
  char       *xact_id;        /* the write transaction's id, to ask its fate when COMMIT's answer is lost */
  gboolean    one_writer;     /* writers one at a time (quorum_db_postgres_set_one_writer) */
  GPtrArray  *queue;          /* PgQueued: sent (quorum_db_send), to run with the next round trip */
  gboolean    begin_queued;   /* the transaction's BEGIN waits in @queue for its first statement */
  guint       n_begin;        /* … as that many statements at the queue's head */
  char       *commit_tag;     /* the command tag of a COMMIT run in a pipeline */
  guint       commands;       /* PgCommand bits: the commands prepared on this session */
};

struct _QuorumPgStmt
{
  QuorumDbStmt parent;        /* the statement layer's: its connection */
  QuorumPgDb *db;
  char       *sql;
  char       *pg_sql;
  int         n_params;
  char       *name;           /* as prepared without types, for @epoch */
  guint       epoch;
  gboolean    typed;          /* the server cannot infer a parameter's type: prepared per the
                               * bound values' types, at the first step */
  GHashTable *typed_names;    /* "20,25,…" → name, for @epoch */
  char      **values;
  Oid        *types;
  Oid        *value_types;    /* each parameter's type when last bound a value: a NULL takes
                               * it, so "?1 IS NULL OR id = ?1" stays bigint = bigint */
  PGresult   *result;
  int         row;
  int         n_rows;
  gboolean    ran;
  unsigned char *bytes;       /* a bytea value unescaped, until the next step or reset */
  gboolean    queued;         /* in its connection's queue, not run yet */
  GError     *error;          /* its failure (or the one before it) in a pipeline, for its step */
  gboolean    error_at_begin; /* … which came from the transaction's BEGIN */
};

/* One statement waiting in a connection's queue: a prepared one, or a command without
 * parameters (the parts of BEGIN, COMMIT). */
typedef struct
{
  QuorumPgStmt *stmt;
  const char   *sql;
  gboolean      discard;      /* nobody reads its rows (quorum_db_send_done) */
  gboolean      begin;        /* a part of the transaction's BEGIN */
  int           command;      /* a command of its own (PgCommand), or -1 */
  gboolean      preparing;    /* … prepared on the server in this pipeline, before it runs */
} PgQueued;

/* The commands a transaction sends every time (its BEGIN's parts, COMMIT): each prepared as a
 * named statement on the server once a session, in the pipeline that first runs it, so that the
 * server does not parse and plan them again for every transaction. */
typedef enum
{
  PG_COMMAND_BEGIN_WRITE,
  PG_COMMAND_LOCK_TIMEOUT,
  PG_COMMAND_LOCK,
  PG_COMMAND_NO_LOCK_TIMEOUT,
  PG_COMMAND_XACT_ID,
  PG_COMMAND_BEGIN_READ,
  PG_COMMAND_COMMIT,
  PG_N_COMMANDS
} PgCommand;

/* Writers one at a time, as SQLite's BEGIN IMMEDIATE: every write of the store moves the one
 * audit chain's head, so writers could never run side by side anyway. The lock is taken by the
 * transaction's first statement and each later statement (READ COMMITTED) sees the writer
 * before it; a writer that waits 10 s is BUSY (55P03), as SQLite's busy timeout. The lock's
 * key is "Quorum" in ASCII, 0x51756f72756d. These go to the server with the transaction's
 * first statements, in the same round trip (flush_queue), and run before them. */
static const struct
{
  const char *name;           /* on the server; the store's own statements are q1, q2 … */
  const char *sql;
} pg_commands[PG_N_COMMANDS] = {
  [PG_COMMAND_BEGIN_WRITE] = { "quorum_begin_write", "BEGIN ISOLATION LEVEL READ COMMITTED" },
  [PG_COMMAND_LOCK_TIMEOUT] = { "quorum_lock_timeout", "SET LOCAL lock_timeout = '10s'" },
  [PG_COMMAND_LOCK] = { "quorum_lock", "SELECT pg_advisory_xact_lock (89564822795629)" },
  [PG_COMMAND_NO_LOCK_TIMEOUT] = { "quorum_no_lock_timeout", "SET LOCAL lock_timeout = 0" },
  [PG_COMMAND_XACT_ID] = { "quorum_xact_id", "SELECT pg_current_xact_id ()" },
  [PG_COMMAND_BEGIN_READ] = { "quorum_begin_read", "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY" },
  [PG_COMMAND_COMMIT] = { "quorum_commit", "COMMIT" },
};

#define PG_DB(db)     ((QuorumPgDb *) (db))
#define PG_STMT(stmt) ((QuorumPgStmt *) (stmt))

static gboolean flush_queue (QuorumPgDb   *self,
                             QuorumPgStmt *also,
                             GError      **error);

/* The watch: a GSource on the connection's socket. When the connection is lost it is made
 * again without blocking (PQresetStart/PQresetPoll), tried every two seconds. */
typedef struct
{
  GSource             source;
  QuorumPgDb         *db;
  gpointer            tag;
  int                 fd;
  PostgresPollingStatusType polling;
} PgWatch;

static void
pg_notification_free (gpointer data)
{
  PgNotification *n = data;

  g_free (n->channel);
  g_free (n->payload);
  g_free (n);
}

gboolean
quorum_db_postgres_is_conninfo (const char *db_name)
{
  g_autofree char *key = NULL;
  const char *p;
  PQconninfoOption *options;
  gboolean known = FALSE;

  if (db_name == NULL)
    return FALSE;
  if (g_str_has_prefix (db_name, "postgresql://") || g_str_has_prefix (db_name, "postgres://"))
    return TRUE;
  /* A conninfo string starts with one of libpq's own keywords and '=' ("service=quorum",
   * "host=… dbname=…"); anything else ("a=b.db", a path) is a file's name. */
  p = db_name;
  while (g_ascii_isspace (*p))
    p++;
  key = g_strndup (p, strcspn (p, "= \t"));
  p += strlen (key);
  while (*p == ' ' || *p == '\t')
    p++;
  if (*key == '\0' || *p != '=')
    return FALSE;
  options = PQconndefaults ();
  for (PQconninfoOption *o = options; o != NULL && o->keyword != NULL; o++)
    if (strcmp (o->keyword, key) == 0)
      known = TRUE;
  PQconninfoFree (options);
  return known;
}

/* '?' and '?NNN' → $n outside '…', E'…', "…", $tag$…$tag$, -- and nested block comments. */
char *
quorum_db_postgres_rewrite (const char *sql,
                            int        *n_params)
{
  GString *out = g_string_sized_new (strlen (sql) + 16);
  const char *p = sql;
  int n = 0;

  while (*p != '\0')
    {
      if (*p == '\'' || *p == '"')
        {
          char quote = *p;
          /* E'…' strings escape with backslashes; standard ones only by doubling. */
          gboolean backslashes = quote == '\'' && p > sql && (p[-1] == 'E' || p[-1] == 'e') &&
                                 (p - 1 == sql || !(g_ascii_isalnum (p[-2]) || p[-2] == '_'));

          g_string_append_c (out, *p++);
          while (*p != '\0')
            {
              if (backslashes && *p == '\\' && p[1] != '\0')
                {
                  g_string_append_len (out, p, 2);
                  p += 2;
                  continue;
                }
              if (*p == quote)
                {
                  g_string_append_c (out, *p++);
                  if (*p == quote)
                    {
                      g_string_append_c (out, *p++);
                      continue;
                    }
                  break;
                }
              g_string_append_c (out, *p++);
            }
        }
      else if (*p == '-' && p[1] == '-')
        {
          while (*p != '\0' && *p != '\n')
            g_string_append_c (out, *p++);
        }
      else if (*p == '/' && p[1] == '*')
        {
          int depth = 0;

          while (*p != '\0')
            {
              if (*p == '/' && p[1] == '*')
                {
                  depth++;
                  g_string_append_len (out, p, 2);
                  p += 2;
                }
              else if (*p == '*' && p[1] == '/')
                {
                  depth--;
                  g_string_append_len (out, p, 2);
                  p += 2;
                  if (depth == 0)
                    break;
                }
              else
                g_string_append_c (out, *p++);
            }
        }
      else if (*p == '$' && (p == sql || !(g_ascii_isalnum (p[-1]) || p[-1] == '_')))
        {
          /* A dollar quote: $$ or $tag$, the tag not starting with a digit. */
          const char *q = p + 1;

          while (g_ascii_isalnum (*q) || *q == '_')
            q++;
          if (*q == '$' && !g_ascii_isdigit (p[1]))
            {
              g_autofree char *tag = g_strndup (p, q - p + 1);
              const char *end = strstr (q + 1, tag);

              if (end == NULL)
                end = p + strlen (p);
              else
                end += strlen (tag);
              g_string_append_len (out, p, end - p);
              p = end;
            }
          else
            g_string_append_c (out, *p++);
        }
      else if (*p == '?')
        {
          /* ?NNN numbers itself; a bare ? takes the number after the largest so far (SQLite's rule). */
          if (g_ascii_isdigit (p[1]))
            {
              char *end = NULL;
              gint64 number = g_ascii_strtoll (p + 1, &end, 10);

              if (number < 1 || number > 65535)
                number = 65535;
              g_string_append_printf (out, "$%d", (int) number);
              n = MAX (n, (int) number);
              p = end;
            }
          else
            {
              g_string_append_printf (out, "$%d", ++n);
              p++;
            }
        }
      else
        g_string_append_c (out, *p++);
    }

  if (n_params != NULL)
    *n_params = n;
  return g_string_free (out, FALSE);
}

/* What kind of failure a SQLSTATE is. */
static QuorumDbError
error_code (const char *sqlstate,
            gboolean    connection_bad)
{
  if (sqlstate == NULL || *sqlstate == '\0')
    return connection_bad ? QUORUM_DB_ERROR_UNAVAILABLE : QUORUM_DB_ERROR_FAILED;
  if (strcmp (sqlstate, "40001") == 0 || strcmp (sqlstate, "40P01") == 0 ||
      strcmp (sqlstate, "55P03") == 0)
    return QUORUM_DB_ERROR_BUSY;
  if (strcmp (sqlstate, QUORUM_PG_SQLSTATE_FINALISED) == 0)
    return QUORUM_DB_ERROR_FINALISED;
  if (g_str_has_prefix (sqlstate, "23"))
    return QUORUM_DB_ERROR_CONSTRAINT;
  if (strcmp (sqlstate, "42501") == 0 || g_str_has_prefix (sqlstate, "28"))
    return QUORUM_DB_ERROR_PERMISSION;
  if (g_str_has_prefix (sqlstate, "08") || strcmp (sqlstate, "57P01") == 0 ||
      strcmp (sqlstate, "57P02") == 0 || strcmp (sqlstate, "57P03") == 0)
    return QUORUM_DB_ERROR_UNAVAILABLE;
  if (strcmp (sqlstate, "53100") == 0)
    return QUORUM_DB_ERROR_FULL;
  if (strcmp (sqlstate, "25006") == 0)
    return QUORUM_DB_ERROR_READ_ONLY;
  if (strcmp (sqlstate, "XX001") == 0 || strcmp (sqlstate, "XX002") == 0)
    return QUORUM_DB_ERROR_CORRUPT;
  return connection_bad ? QUORUM_DB_ERROR_UNAVAILABLE : QUORUM_DB_ERROR_FAILED;
}

static char *
connection_message (PGconn *conn)
{
  g_autofree char *message = g_strdup (conn != NULL ? PQerrorMessage (conn) : "out of memory");

  g_strstrip (message);
  if (*message == '\0')
    return g_strdup ("the connection to the server was lost");
  return g_steal_pointer (&message);
}

/* Whether @text came from libpq's message @format, in English or in libpq's own translation
 * (its domain is libpq5-MAJOR): every literal piece of the format, in order. */
static gboolean
libpq_said (const char *text,
            const char *format)
{
  g_autofree char *domain = g_strdup_printf ("libpq5-%d", PQlibVersion () / 10000);
  const char *forms[2] = { format, g_dgettext (domain, format) };

  for (guint f = 0; f < G_N_ELEMENTS (forms); f++)
    {
      g_auto(GStrv) pieces = g_regex_split_simple ("%[-0-9.]*[a-z]", forms[f], 0, 0);
      const char *cursor = text;
      gboolean all = TRUE;
      gsize matched = 0;

      for (guint i = 0; pieces[i] != NULL && all; i++)
        {
          const char *found;

          g_strstrip (pieces[i]);
          if (*pieces[i] == '\0')
            continue;
          found = strstr (cursor, pieces[i]);
          all = found != NULL;
          if (all)
            {
              cursor = found + strlen (pieces[i]);
              matched += strlen (pieces[i]);
            }
        }
      if (all && matched >= 8)
        return TRUE;
    }
  return FALSE;
}

/* A connection option as libpq settled it (the conninfo, a service file, PG* variables). */
static char *
conn_option (PGconn     *conn,
             const char *keyword)
{
  PQconninfoOption *options = PQconninfo (conn);
  char *value = NULL;

  for (PQconninfoOption *o = options; o != NULL && o->keyword != NULL; o++)
    if (strcmp (o->keyword, keyword) == 0 && o->val != NULL && *o->val != '\0')
      value = g_strdup (o->val);
  PQconninfoFree (options);
  return value;
}

/* A failed connection in plain words where libpq's would leave a person guessing (TLS, Kerberos):
 * what happened, what it may mean, what to do, with libpq's own words after it for the
 * administrator. NULL when there is nothing to add to libpq's message. */
static char *
explain_connection_failure (PGconn     *conn,
                            const char *said)
{
  const char *host = conn != NULL && PQhost (conn) != NULL ? PQhost (conn) : "?";
  g_autofree char *user = conn != NULL && PQuser (conn) != NULL ? g_strdup (PQuser (conn)) : g_strdup ("?");
  g_autofree char *rootcert = NULL;

  if (conn == NULL)
    return NULL;

  /* TLS: the server is not the one the address names, or not one the authority signed. */
  if (libpq_said (said, "server certificate for \"%s\" does not match host name \"%s\"\n") ||
      libpq_said (said, "server certificate for \"%s\" (and %d other name) does not match host name \"%s\"\n") ||
      libpq_said (said, "server certificate for \"%s\" (and %d other names) does not match host name \"%s\"\n"))
    /* Translators: %s is the server's name as the database's address gives it, then libpq's own words */
    return g_strdup_printf (_("The server's certificate is not made out to %s, so Quorum did not connect: it "
                              "may not be the authority's server. Check the server's name with the "
                              "authority's administrator. (%s)"), host, said);
  if (strstr (said, "certificate verify failed") != NULL)
    {
      rootcert = conn_option (conn, "sslrootcert");
      /* Translators: %s is the file of the authority's certificate (sslrootcert), then libpq's own words */
      return g_strdup_printf (_("The server's certificate could not be verified with the authority's "
                                "certificate %s (another authority signed it, or it has expired), so Quorum "
                                "did not connect: it may not be the authority's server. (%s)"),
                              rootcert != NULL ? rootcert : "~/.postgresql/root.crt", said);
    }
  if (libpq_said (said, "root certificate file \"%s\" does not exist\n"
                        "Either provide the file or change sslmode to disable server certificate verification.\n") ||
      (strstr (said, "root certificate file") != NULL && strstr (said, "does not exist") != NULL))
    return g_strdup_printf (_("The server's certificate is to be verified, but the authority's certificate "
                              "to check it with is not on this computer, so Quorum did not connect: ask the "
                              "authority's administrator for it and name it in the database's address "
                              "(sslrootcert=FILE). (%s)"), said);
  if (libpq_said (said, "server does not support SSL, but SSL was required\n"))
    return g_strdup_printf (_("The server does not offer an encrypted connection (TLS) and the database's "
                              "address requires one, so Quorum did not connect. (%s)"), said);
  /* The server's own words (in its language: English unless its administrator chose another). */
  if (strstr (said, "no pg_hba.conf entry for host") != NULL && strstr (said, "no encryption") != NULL)
    /* Translators: %s is the database user, then libpq's own words */
    return g_strdup_printf (_("The server does not let %s in over an unencrypted connection, so Quorum did not "
                              "connect. If the authority's server uses TLS, add sslmode=verify-full and "
                              "sslrootcert=FILE (the authority's certificate) to the database's address. (%s)"),
                            user, said);

  /* Kerberos (GSSAPI): no ticket, or one the server does not take for this user. */
  if (strstr (said, "No Kerberos credentials available") != NULL ||
      libpq_said (said, "GSSAPI encryption required but was impossible (possibly no credential cache, "
                        "no server support, or using a local socket)\n"))
    return g_strdup_printf (_("The server signs people in with Kerberos, and this computer has no Kerberos "
                              "ticket to show it (none, or an expired one), so Quorum did not connect: sign "
                              "in with kinit (or log in to the authority's network) and try again. (%s)"),
                            said);
  /* The server's words: it checked the ticket and it is not this user's. */
  if (strstr (said, "GSSAPI authentication failed for user") != NULL)
    /* Translators: %s is the database user, then libpq's own words */
    return g_strdup_printf (_("The server did not accept this computer's Kerberos sign-in as %s (the ticket is "
                              "another person's, or the server's Kerberos key does not match), so Quorum did "
                              "not connect. (%s)"), user, said);
  /* This computer's Kerberos could not get a ticket for the server (the KDC out of reach, a
   * server it does not know, clocks apart). */
  if (strstr (said, "GSSAPI") != NULL)
    return g_strdup_printf (_("This computer could not get a Kerberos ticket for the server (the authority's "
                              "Kerberos server, the KDC, could not be reached, or it does not know this "
                              "server), so Quorum did not connect: check the network, or the computer's "
                              "Kerberos set-up with the authority's administrator. (%s)"), said);
  return NULL;
}

/* Sets @error from a failed result (NULL: from the connection). */
static void
set_error (QuorumPgDb      *self,
           const PGresult  *result,
           GError         **error)
{
  const char *sqlstate = result != NULL ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  const char *primary = result != NULL ? PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY) : NULL;
  gboolean bad = PQstatus (self->conn) != CONNECTION_OK;
  g_autofree char *message = primary != NULL ? g_strdup (primary) : connection_message (self->conn);

  g_set_error_literal (error, QUORUM_DB_ERROR, error_code (sqlstate, bad), message);
}

/* Notifications that came with a query's answer, kept for the watch. Those of this session's
 * own transactions are not: the server sends a listener its own (be_pid is then this
 * backend's), and its writer already told the app (quorum_db_watch). */
static void
take_notifications (QuorumPgDb *self)
{
  PGnotify *n;
  int own_pid = PQbackendPID (self->conn);

  while ((n = PQnotifies (self->conn)) != NULL)
    {
      PgNotification *pn;

      if (own_pid != 0 && n->be_pid == own_pid)
        {
          PQfreemem (n);
          continue;
        }
      pn = g_new0 (PgNotification, 1);
      pn->channel = g_strdup (n->relname);
      pn->payload = g_strdup (n->extra != NULL ? n->extra : "");
      g_queue_push_tail (&self->pending, pn);
      PQfreemem (n);
    }
  if (self->watch != NULL && !g_queue_is_empty (&self->pending))
    g_main_context_wakeup (g_source_get_context (self->watch));
}

/* A command's rows changed, when it was an INSERT, UPDATE, DELETE or MERGE. */
static void
note_changes (QuorumPgDb     *self,
              const PGresult *result)
{
  const char *status = PQcmdStatus ((PGresult *) result);

  if (g_str_has_prefix (status, "INSERT") || g_str_has_prefix (status, "UPDATE") ||
      g_str_has_prefix (status, "DELETE") || g_str_has_prefix (status, "MERGE"))
    self->changes = g_ascii_strtoll (PQcmdTuples ((PGresult *) result), NULL, 10);
}

static gboolean
listen_all (QuorumPgDb  *self,
            GError     **error)
{
  for (guint i = 0; i < self->channels->len; i++)
    {
      char *quoted = PQescapeIdentifier (self->conn, self->channels->pdata[i],
                                         strlen (self->channels->pdata[i]));
      g_autofree char *sql = g_strdup_printf ("LISTEN %s", quoted);
      PGresult *result;
      gboolean ok;

      self->parent.round_trips++;
      result = PQexec (self->conn, sql);
      ok = PQresultStatus (result) == PGRES_COMMAND_OK;
      PQfreemem (quoted);
      if (!ok)
        set_error (self, result, error);
      PQclear (result);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/* A new session: statements prepare again, channels are listened to again, and everyone
 * watching hears that anything may have changed while the connection was down. */
static void
session_made (QuorumPgDb *self)
{
  self->epoch++;
  self->commands = 0;
  self->in_transaction = FALSE;
  if (listen_all (self, NULL))
    for (guint i = 0; i < self->channels->len; i++)
      {
        PgNotification *pn = g_new0 (PgNotification, 1);

        pn->channel = g_strdup (self->channels->pdata[i]);
        pn->payload = g_strdup ("");
        g_queue_push_tail (&self->pending, pn);
      }
}

/* A session the server ended while nobody asked (a restart, pg_terminate_backend, an idle
 * timeout) said so on its socket: read now, before anything is sent, it is found lost with
 * nothing in doubt, rather than by the next statement failing. */
static void
notice_session_end (QuorumPgDb *self)
{
  for (int reads = 0; reads < 4 && PQstatus (self->conn) == CONNECTION_OK && !PQisBusy (self->conn); reads++)
    {
      struct pollfd pfd = { PQsocket (self->conn), POLLIN, 0 };

      if (pfd.fd < 0 || poll (&pfd, 1, 0) <= 0)
        return;
      if (!PQconsumeInput (self->conn))
        break;
      take_notifications (self);
    }
}

/* Outside a transaction, a connection found lost is made again (blocking: a person asked for
 * something) unless the watch is already doing so. */
static gboolean
ensure_connected (QuorumPgDb  *self,
                  GError     **error)
{
  if (!self->resetting)
    notice_session_end (self);
  if (PQstatus (self->conn) == CONNECTION_OK && !self->resetting)
    return TRUE;
  /* A transaction whose BEGIN is still in the queue has nothing on the server yet: it may go
   * on a new session. */
  if ((self->in_transaction && !self->begin_queued) || self->resetting)
    {
      /* While the watch makes the connection again, its last failure (a ticket gone) says why. */
      g_autofree char *said = connection_message (self->conn);
      g_autofree char *explained = self->resetting ? explain_connection_failure (self->conn, said) : NULL;
      g_set_error_literal (error, QUORUM_DB_ERROR, QUORUM_DB_ERROR_UNAVAILABLE, explained != NULL ? explained : said);
      return FALSE;
    }
  PQreset (self->conn);
  if (PQstatus (self->conn) != CONNECTION_OK)
    {
      /* A day-long session outlives a Kerberos ticket: said as plainly as at the first connection. */
      g_autofree char *said = connection_message (self->conn);
      g_autofree char *explained = explain_connection_failure (self->conn, said);
      g_set_error_literal (error, QUORUM_DB_ERROR, QUORUM_DB_ERROR_UNAVAILABLE, explained != NULL ? explained : said);
      return FALSE;
    }
  session_made (self);
  if (self->begin_queued)
    self->in_transaction = TRUE;
  return TRUE;
}

static gboolean
connection_lost (QuorumPgDb   *self,
                 const GError *error)
{
  return g_error_matches (error, QUORUM_DB_ERROR, QUORUM_DB_ERROR_UNAVAILABLE) &&
         PQstatus (self->conn) != CONNECTION_OK;
}

/* Runs a command that changes nothing if it fails (BEGIN, PREPARE, LISTEN); once more on a new
 * session when the old one turns out to be gone. */
static PGresult *
exec_retrying (QuorumPgDb    *self,
               const char    *sql,
               ExecStatusType want,
               GError       **error)
{
  for (int attempt = 0; attempt < 2; attempt++)
    {
      g_autoptr(GError) local = NULL;
      PGresult *result;

      if (!ensure_connected (self, error))
        return NULL;
      self->parent.round_trips++;
      result = PQexec (self->conn, sql);
      take_notifications (self);
      if (PQresultStatus (result) == want)
        return result;
      set_error (self, result, &local);
      PQclear (result);
      if (attempt == 0 && !self->in_transaction && connection_lost (self, local))
        continue;
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  return NULL;
}

static gboolean
simple_command (QuorumPgDb  *self,
                const char  *sql,
                GError     **error)
{
  PGresult *result;
  gboolean ok;

  self->parent.round_trips++;
  result = PQexec (self->conn, sql);
  ok = PQresultStatus (result) == PGRES_COMMAND_OK;
  take_notifications (self);
  if (!ok)
    set_error (self, result, error);
  PQclear (result);
  return ok;
}

static gboolean
cannot_type (const char *sqlstate)
{
  /* indeterminate_datatype, ambiguous_parameter */
  return sqlstate != NULL && (strcmp (sqlstate, "42P18") == 0 || strcmp (sqlstate, "42P08") == 0);
}

/* Prepares @sql as @name; inside a transaction under a savepoint, so that a statement the
 * server cannot type without its values does not end the transaction. *@untyped: that was why
 * it failed. */
static gboolean
server_prepare (QuorumPgDb  *self,
                const char  *name,
                const char  *sql,
                int          n_params,
                const Oid   *types,
                gboolean    *untyped,
                GError     **error)
{
  gboolean savepoint = PQtransactionStatus (self->conn) == PQTRANS_INTRANS;
  PGresult *result;
  gboolean ok;

  *untyped = FALSE;
  if (savepoint && !simple_command (self, "SAVEPOINT quorum_prepare", error))
    return FALSE;
  self->parent.round_trips++;
  result = PQprepare (self->conn, name, sql, n_params, types);
  ok = PQresultStatus (result) == PGRES_COMMAND_OK;
  if (!ok)
    {
      *untyped = cannot_type (PQresultErrorField (result, PG_DIAG_SQLSTATE));
      set_error (self, result, error);
    }
  PQclear (result);
  if (savepoint)
    {
      /* Only a refusal to type the statement is undone: anything else fails as it would. */
      if (ok)
        simple_command (self, "RELEASE SAVEPOINT quorum_prepare", NULL);
      else if (*untyped)
        simple_command (self, "ROLLBACK TO SAVEPOINT quorum_prepare", NULL);
    }
  return ok;
}

static char *
new_name (QuorumPgDb *self)
{
  return g_strdup_printf ("q%u", ++self->next_name);
}

/* The statement prepared for this session: without types when the server can infer them, else
 * with the bound values' types (one server statement per set of types). */
static const char *
prepared_name (QuorumPgStmt  *stmt,
               gboolean       untyped_only,
               GError       **error)
{
  QuorumPgDb *self = stmt->db;
  g_autoptr(GString) signature = NULL;
  const char *name;
  gboolean untyped;

  if (stmt->epoch != self->epoch)
    {
      g_clear_pointer (&stmt->name, g_free);
      g_hash_table_remove_all (stmt->typed_names);
      stmt->epoch = self->epoch;
    }

  if (!stmt->typed)
    {
      g_autoptr(GError) local = NULL;
      g_autofree char *fresh = NULL;

      if (stmt->name != NULL)
        return stmt->name;
      fresh = new_name (self);
      if (server_prepare (self, fresh, stmt->pg_sql, stmt->n_params, NULL, &untyped, &local))
        {
          stmt->name = g_steal_pointer (&fresh);
          return stmt->name;
        }
      if (!untyped)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      stmt->typed = TRUE;
    }
  if (untyped_only)
    return NULL;

  signature = g_string_new (NULL);
  for (int i = 0; i < stmt->n_params; i++)
    g_string_append_printf (signature, "%u,", stmt->types[i]);
  name = g_hash_table_lookup (stmt->typed_names, signature->str);
  if (name == NULL)
    {
      g_autofree char *fresh = new_name (self);

      if (!server_prepare (self, fresh, stmt->pg_sql, stmt->n_params, stmt->types, &untyped, error))
        return NULL;
      name = fresh;
      g_hash_table_insert (stmt->typed_names, g_string_free (g_steal_pointer (&signature), FALSE),
                           g_steal_pointer (&fresh));
    }
  return name;
}

static void
stmt_free (gpointer data)
{
  QuorumPgStmt *stmt = data;

  g_clear_pointer (&stmt->result, PQclear);
  g_clear_pointer (&stmt->bytes, PQfreemem);
  g_clear_error (&stmt->error);
  for (int i = 0; i < stmt->n_params; i++)
    g_free (stmt->values[i]);
  g_free (stmt->values);
  g_free (stmt->types);
  g_free (stmt->value_types);
  g_free (stmt->name);
  g_hash_table_unref (stmt->typed_names);
  g_free (stmt->pg_sql);
  g_free (stmt->sql);
  g_free (stmt);
}

/* Takes @stmt out of its connection's queue: it was reset before it ran (abandoned). */
static void
unqueue (QuorumPgStmt *stmt)
{
  GPtrArray *queue = stmt->db->queue;

  for (guint i = 0; i < queue->len; i++)
    if (((PgQueued *) queue->pdata[i])->stmt == stmt)
      {
        g_ptr_array_remove_index (queue, i);
        break;
      }
  stmt->queued = FALSE;
}

static void
queue_push (QuorumPgDb   *self,
            QuorumPgStmt *stmt,
            const char   *sql,
            gboolean      discard,
            gboolean      begin)
{
  PgQueued *item = g_new0 (PgQueued, 1);

  item->stmt = stmt;
  item->sql = sql;
  item->discard = discard;
  item->begin = begin;
  item->command = -1;
  if (stmt != NULL)
    stmt->queued = TRUE;
  g_ptr_array_add (self->queue, item);
}

static void
queue_push_command (QuorumPgDb *self,
                    PgCommand   command,
                    gboolean    begin)
{
  queue_push (self, NULL, pg_commands[command].sql, command != PG_COMMAND_COMMIT, begin);
  ((PgQueued *) self->queue->pdata[self->queue->len - 1])->command = command;
}

/* Forgets what is queued, run or not (a rollback). */
static void
queue_clear (QuorumPgDb *self)
{
  for (guint i = 0; i < self->queue->len; i++)
    {
      PgQueued *item = self->queue->pdata[i];

      if (item->stmt != NULL)
        item->stmt->queued = FALSE;
    }
  g_ptr_array_set_size (self->queue, 0);
  self->begin_queued = FALSE;
  self->n_begin = 0;
}

static void
pg_reset (QuorumDbStmt *stmt_)
{
  QuorumPgStmt *stmt = PG_STMT (stmt_);

  if (stmt == NULL)
    return;
  if (stmt->queued)
    unqueue (stmt);
  g_clear_pointer (&stmt->result, PQclear);
  g_clear_pointer (&stmt->bytes, PQfreemem);
  g_clear_error (&stmt->error);
  stmt->error_at_begin = FALSE;
  stmt->ran = FALSE;
  stmt->row = -1;
  stmt->n_rows = 0;
  for (int i = 0; i < stmt->n_params; i++)
    {
      g_clear_pointer (&stmt->values[i], g_free);
      stmt->types[i] = stmt->value_types[i] != 0 ? stmt->value_types[i] : PG_TEXTOID;
    }
}

static const QuorumDbDriver pg_db_driver;

static void
notice_cb (void       *arg,
           const char *message)
{
  g_debug ("PostgreSQL: %s", message);
}

QuorumDb *
quorum_db_postgres_open_full (const char  *conninfo,
                              const char  *password,
                              gboolean    *needs_password,
                              GError     **error)
{
  /* The caller's string comes last (expanded: a URI, a conninfo or a service), so that
   * anything it says wins over these defaults; a typed password last of all. */
  const char *keys[6] = { "fallback_application_name", "connect_timeout", "client_encoding", "dbname", NULL, NULL };
  const char *values[6] = { "quorum", "10", "UTF8", conninfo, NULL, NULL };
  QuorumPgDb *self;
  PGconn *conn;

  g_return_val_if_fail (conninfo != NULL, NULL);

  if (needs_password != NULL)
    *needs_password = FALSE;

  if (password != NULL)
    {
      keys[4] = "password";
      values[4] = password;
    }
  conn = PQconnectdbParams (keys, values, TRUE);
  if (PQstatus (conn) != CONNECTION_OK)
    {
      g_autofree char *said = connection_message (conn);
      g_autofree char *explained = explain_connection_failure (conn, said);
      const char *message = explained != NULL ? explained : said;
      gboolean wants_password = conn != NULL && PQconnectionNeedsPassword (conn);
      /* A password was sent and the server said no: a refusal, not an absent server. */
      gboolean refused = conn != NULL && PQconnectionUsedPassword (conn);

      /* Asking is the answer to both: none was to be had, or the one libpq had (typed, from
       * $PGPASSWORD or ~/.pgpass) was refused. */
      if (needs_password != NULL)
        *needs_password = wants_password || refused;
      g_set_error_literal (error, QUORUM_DB_ERROR,
                           wants_password || refused ? QUORUM_DB_ERROR_PERMISSION : QUORUM_DB_ERROR_UNAVAILABLE,
                           message);
      PQfinish (conn);
      return NULL;
    }

  /* The server's notices (an IF NOT EXISTS that found it) are for its log, not the terminal. */
  PQsetNoticeProcessor (conn, notice_cb, NULL);

  self = g_new0 (QuorumPgDb, 1);
  self->parent.driver = &pg_db_driver;
  self->conn = conn;
  self->stmts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, stmt_free);
  self->channels = g_ptr_array_new_with_free_func (g_free);
  self->queue = g_ptr_array_new_with_free_func (g_free);
  self->epoch = 1;
  g_queue_init (&self->pending);
  return (QuorumDb *) self;
}

static void
pg_close (QuorumDb *db)
{
  QuorumPgDb *self = PG_DB (db);

  if (self == NULL)
    return;
  if (self->watch != NULL)
    {
      GSource *watch = self->watch;

      /* A callback closing the connection leaves the watch without one, not with a dangling one. */
      ((PgWatch *) watch)->db = NULL;
      self->watch = NULL;
      g_source_destroy (watch);
    }
  queue_clear (self);
  g_ptr_array_unref (self->queue);
  g_hash_table_unref (self->stmts);
  g_ptr_array_unref (self->channels);
  g_free (self->commit_tag);
  g_queue_clear_full (&self->pending, pg_notification_free);
  g_free (self->session_user);
  g_free (self->xact_id);
  g_clear_error (&self->parent.last_error);
  PQfinish (self->conn);
  g_free (self);
}

static QuorumDbStmt *
pg_prepare (QuorumDb    *db,
            const char  *sql,
            GError     **error)
{
  QuorumPgDb *self = PG_DB (db);
  QuorumPgStmt *stmt = g_hash_table_lookup (self->stmts, sql);

  if (stmt != NULL)
    {
      /* Sent and not run yet: it runs (with everything queued) before it is bound anew. */
      if (stmt->queued && !flush_queue (self, NULL, error))
        return NULL;
      pg_reset ((QuorumDbStmt *) stmt);
      return (QuorumDbStmt *) stmt;
    }
  if (!ensure_connected (self, error))
    return NULL;

  stmt = g_new0 (QuorumPgStmt, 1);
  stmt->parent.db = (QuorumDb *) self;
  stmt->db = self;
  stmt->sql = g_strdup (sql);
  stmt->pg_sql = quorum_db_postgres_rewrite (sql, &stmt->n_params);
  stmt->values = g_new0 (char *, MAX (stmt->n_params, 1));
  stmt->types = g_new0 (Oid, MAX (stmt->n_params, 1));
  stmt->value_types = g_new0 (Oid, MAX (stmt->n_params, 1));
  stmt->typed_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  stmt->epoch = self->epoch;
  stmt->row = -1;
  pg_reset ((QuorumDbStmt *) stmt);

  /* Prepared now, so that a mistake in the SQL shows here; a statement whose parameters the
   * server must see bound to type them is prepared at its first step. */
  {
    g_autoptr(GError) local = NULL;

    if (prepared_name (stmt, TRUE, &local) == NULL && !stmt->typed)
      {
        g_propagate_error (error, g_steal_pointer (&local));
        stmt_free (stmt);
        return NULL;
      }
  }
  g_hash_table_insert (self->stmts, stmt->sql, stmt);
  return (QuorumDbStmt *) stmt;
}

static gboolean
pg_exec (QuorumDb    *db,
         const char  *sql,
         GError     **error)
{
  QuorumPgDb *self = PG_DB (db);
  PGresult *result;
  ExecStatusType status;
  gboolean ok;

  if (!ensure_connected (self, error) || !flush_queue (self, NULL, error))
    return FALSE;
  self->parent.round_trips++;
  result = PQexec (self->conn, sql);
  take_notifications (self);
  status = PQresultStatus (result);
  ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY;
  if (ok)
    note_changes (self, result);
  else
    set_error (self, result, error);
  PQclear (result);
  return ok;
}

static void
bind_value (QuorumDbStmt *stmt_,
            int           index,
            char         *value,
            Oid           type)
{
  QuorumPgStmt *stmt = PG_STMT (stmt_);

  g_return_if_fail (stmt != NULL);
  if (index < 1 || index > stmt->n_params)
    {
      g_critical ("quorum-db-postgres: parameter %d of %d bound in “%s”", index, stmt->n_params, stmt->sql);
      g_free (value);
      return;
    }
  g_free (stmt->values[index - 1]);
  stmt->values[index - 1] = value;
  if (value != NULL)
    stmt->value_types[index - 1] = type;
  else if (stmt->value_types[index - 1] != 0)
    type = stmt->value_types[index - 1];
  stmt->types[index - 1] = type;
}

static void
pg_bind_int64 (QuorumDbStmt *stmt,
               int           index,
               gint64        value)
{
  bind_value (stmt, index, g_strdup_printf ("%" G_GINT64_FORMAT, value), PG_INT8OID);
}

static void
pg_bind_double (QuorumDbStmt *stmt,
                int           index,
                double        value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  bind_value (stmt, index, g_strdup (g_ascii_dtostr (buffer, sizeof buffer, value)), PG_FLOAT8OID);
}

static void
pg_bind_text (QuorumDbStmt *stmt,
              int           index,
              const char   *text)
{
  bind_value (stmt, index, g_strdup (text), PG_TEXTOID);
}

static void
pg_bind_null (QuorumDbStmt *stmt,
              int           index)
{
  bind_value (stmt, index, NULL, PG_TEXTOID);
}

/* A statement's answer: its rows kept for its steps, the rows a command changed noted. */
static void
take_result (QuorumPgStmt *stmt,
             PGresult     *result,
             gboolean      discard)
{
  note_changes (stmt->db, result);
  stmt->ran = TRUE;
  stmt->row = -1;
  if (PQresultStatus (result) == PGRES_TUPLES_OK && !discard)
    {
      stmt->result = result;
      stmt->n_rows = PQntuples (result);
    }
  else
    PQclear (result);
}

/* Runs what is queued (and @also after it) as one pipeline: one round trip to the server.
 * Every statement's answer goes to it; FALSE with the first failure when any failed (the
 * server then skipped the rest, and the transaction is over on the server but for its
 * ROLLBACK). A first trip that carried the transaction's BEGIN and found the connection lost
 * runs again once on a new session, as a BEGIN alone would (nothing of it was on the server),
 * unless it carried the COMMIT (then it may have been stored: pg_commit asks). */
static gboolean
flush_queue (QuorumPgDb   *self,
             QuorumPgStmt *also,
             GError      **error)
{
  if (also != NULL && !also->queued)
    queue_push (self, also, NULL, FALSE, FALSE);
  if (self->queue->len == 0)
    return TRUE;

  for (int attempt = 0;; attempt++)
    {
      g_autoptr(GError) first = NULL;
      g_autofree const char **names = g_new0 (const char *, self->queue->len);
      gboolean had_begin = self->begin_queued;
      gboolean has_commit = FALSE;
      gboolean first_at_begin = FALSE;
      guint n = self->queue->len;
      guint answered = 0;
      PGresult *result;

      g_clear_pointer (&self->commit_tag, g_free);
      if (!ensure_connected (self, &first))
        goto failed;
      /* Every statement prepared on this session first (a statement the server types from its
       * values is prepared now, with them): outside the pipeline. */
      for (guint i = 0; i < n; i++)
        {
          PgQueued *item = self->queue->pdata[i];

          if (item->command == PG_COMMAND_COMMIT)
            has_commit = TRUE;
          if (item->stmt != NULL && (names[i] = prepared_name (item->stmt, FALSE, &first)) == NULL)
            goto failed;
        }

      if (!PQenterPipelineMode (self->conn))
        {
          g_set_error_literal (&first, QUORUM_DB_ERROR, QUORUM_DB_ERROR_FAILED, "could not enter pipeline mode");
          goto failed;
        }
      for (guint i = 0; i < n; i++)
        {
          PgQueued *item = self->queue->pdata[i];
          int sent;

          item->preparing = item->command >= 0 && !(self->commands & (1u << item->command));
          if (item->preparing &&
              !PQsendPrepare (self->conn, pg_commands[item->command].name, item->sql, 0, NULL))
            break;
          sent = item->stmt != NULL
            ? PQsendQueryPrepared (self->conn, names[i], item->stmt->n_params,
                                   (const char * const *) item->stmt->values, NULL, NULL, 0)
            : item->command >= 0
            ? PQsendQueryPrepared (self->conn, pg_commands[item->command].name, 0, NULL, NULL, NULL, 0)
            : PQsendQueryParams (self->conn, item->sql, 0, NULL, NULL, NULL, NULL, 0);

          if (!sent)
            break;
        }
      self->parent.round_trips++;
      if (had_begin)
        self->begin_queued = FALSE;
      PQpipelineSync (self->conn);

      /* The answers, in order: each statement's result (then NULL), the pipeline's end. */
      for (answered = 0; answered < n; answered++)
        {
          PgQueued *item = self->queue->pdata[answered];
          PGresult *extra;

          if (item->preparing)
            {
              /* The command's preparation, answered before it: it is prepared on this session
               * from now on, or its failure is the command's. */
              if ((result = PQgetResult (self->conn)) == NULL)
                break;
              while ((extra = PQgetResult (self->conn)) != NULL)
                PQclear (extra);
              if (PQresultStatus (result) == PGRES_COMMAND_OK)
                self->commands |= 1u << item->command;
              else if (PQresultStatus (result) != PGRES_PIPELINE_ABORTED && first == NULL)
                {
                  set_error (self, result, &first);
                  first_at_begin = item->begin;
                }
              PQclear (result);
            }
          result = PQgetResult (self->conn);
          if (result == NULL)
            break;
          while ((extra = PQgetResult (self->conn)) != NULL)
            PQclear (extra);
          switch (PQresultStatus (result))
            {
            case PGRES_TUPLES_OK:
            case PGRES_COMMAND_OK:
            case PGRES_EMPTY_QUERY:
              if (item->command == PG_COMMAND_XACT_ID && PQresultStatus (result) == PGRES_TUPLES_OK &&
                  PQntuples (result) == 1)
                {
                  g_free (self->xact_id);
                  self->xact_id = g_strdup (PQgetvalue (result, 0, 0));
                }
              if (item->command == PG_COMMAND_COMMIT)
                {
                  g_free (self->commit_tag);
                  self->commit_tag = g_strdup (PQcmdStatus (result));
                }
              if (item->stmt != NULL)
                {
                  take_result (item->stmt, result, item->discard);
                  item->stmt->queued = FALSE;
                }
              else
                PQclear (result);
              break;
            case PGRES_PIPELINE_ABORTED:
              PQclear (result);
              break;
            default:
              if (first == NULL)
                {
                  set_error (self, result, &first);
                  first_at_begin = item->begin;
                }
              PQclear (result);
              break;
            }
        }
      /* The end of the pipeline (PGRES_PIPELINE_SYNC), unless the connection went. */
      if (answered == n && (result = PQgetResult (self->conn)) != NULL)
        PQclear (result);
      /* Answers left (the connection went mid-way): read what there is, to leave the pipeline. */
      for (int left = 0; left < 64 && !PQexitPipelineMode (self->conn) && PQstatus (self->conn) == CONNECTION_OK; left++)
        if ((result = PQgetResult (self->conn)) != NULL)
          PQclear (result);
      take_notifications (self);
      if (first == NULL && answered < n)
        {
          g_autofree char *message = connection_message (self->conn);
          g_set_error_literal (&first, QUORUM_DB_ERROR,
                               PQstatus (self->conn) != CONNECTION_OK ? QUORUM_DB_ERROR_UNAVAILABLE
                               : QUORUM_DB_ERROR_FAILED, message);
        }
      if (first == NULL)
        {
          g_ptr_array_set_size (self->queue, 0);
          return TRUE;
        }

      if (attempt == 0 && had_begin && !has_commit && connection_lost (self, first))
        {
          /* Again on a new session: every statement's answer forgotten, BEGIN first. */
          for (guint i = 0; i < n; i++)
            {
              PgQueued *item = self->queue->pdata[i];

              if (item->stmt != NULL)
                {
                  g_clear_pointer (&item->stmt->result, PQclear);
                  item->stmt->ran = FALSE;
                  item->stmt->queued = TRUE;
                }
            }
          self->begin_queued = TRUE;
          continue;
        }

    failed:
      /* Each statement not answered fails as the first did, at its step. */
      for (guint i = 0; i < self->queue->len; i++)
        {
          PgQueued *item = self->queue->pdata[i];

          if (item->stmt != NULL && !item->stmt->ran)
            {
              item->stmt->ran = TRUE;
              item->stmt->row = -1;
              item->stmt->n_rows = 0;
              g_clear_error (&item->stmt->error);
              item->stmt->error = g_error_copy (first);
              item->stmt->error_at_begin = first_at_begin;
            }
          if (item->stmt != NULL)
            item->stmt->queued = FALSE;
        }
      g_ptr_array_set_size (self->queue, 0);
      self->begin_queued = FALSE;
      self->parent.at_begin = first_at_begin;
      g_propagate_error (error, g_steal_pointer (&first));
      return FALSE;
    }
}

static QuorumDbStep pg_step (QuorumDbStmt  *stmt_,
                             GError       **error);

static gboolean
pg_send (QuorumDbStmt  *stmt_,
         gboolean       discard,
         GError       **error)
{
  QuorumPgStmt *stmt = PG_STMT (stmt_);
  QuorumPgDb *self = stmt->db;

  if (!self->in_transaction)
    {
      /* Nothing to go with: a statement whose rows are read runs at its first step, one whose
       * rows nobody reads now. */
      QuorumDbStep step;

      if (!discard)
        return TRUE;
      while ((step = pg_step (stmt_, error)) == QUORUM_DB_ROW)
        ;
      pg_reset (stmt_);
      return step == QUORUM_DB_DONE;
    }
  if (stmt->queued)
    unqueue (stmt);
  g_clear_pointer (&stmt->result, PQclear);
  g_clear_error (&stmt->error);
  stmt->ran = FALSE;
  queue_push (self, stmt, NULL, discard, FALSE);
  return TRUE;
}

static QuorumDbStep
pg_step (QuorumDbStmt  *stmt_,
         GError       **error)
{
  QuorumPgStmt *stmt = PG_STMT (stmt_);
  QuorumPgDb *self = stmt->db;

  if (!stmt->ran && (stmt->queued || self->queue->len > 0))
    {
      /* With everything sent before it, in one round trip. */
      if (!flush_queue (self, stmt, error))
        return QUORUM_DB_FAILED;
    }
  else if (!stmt->ran)
    {
      const char *name;
      PGresult *result;

      if (!ensure_connected (self, error) || (name = prepared_name (stmt, FALSE, error)) == NULL)
        return QUORUM_DB_FAILED;
      self->parent.round_trips++;
      result = PQexecPrepared (self->conn, name, stmt->n_params, (const char * const *) stmt->values,
                               NULL, NULL, 0);
      take_notifications (self);
      switch (PQresultStatus (result))
        {
        case PGRES_TUPLES_OK:
        case PGRES_COMMAND_OK:
        case PGRES_EMPTY_QUERY:
          take_result (stmt, result, FALSE);
          break;
        default:
          stmt->ran = TRUE;
          set_error (self, result, error);
          PQclear (result);
          return QUORUM_DB_FAILED;
        }
    }

  if (stmt->error != NULL)
    {
      /* It failed (or was skipped after a failure) in a pipeline another statement carried. */
      self->parent.at_begin = stmt->error_at_begin;
      g_propagate_error (error, g_error_copy (stmt->error));
      return QUORUM_DB_FAILED;
    }
  if (stmt->result != NULL && stmt->row + 1 < stmt->n_rows)
    {
      stmt->row++;
      return QUORUM_DB_ROW;
    }
  stmt->row = stmt->n_rows;
  return QUORUM_DB_DONE;
}

static gboolean
on_row (QuorumPgStmt *stmt,
        int           column)
{
  return stmt->result != NULL && stmt->row >= 0 && stmt->row < stmt->n_rows &&
         column >= 0 && column < PQnfields (stmt->result);
}

static int
pg_column_count (QuorumDbStmt *stmt_)
{
  QuorumPgStmt *stmt = PG_STMT (stmt_);

  return stmt->result != NULL ? PQnfields (stmt->result) : 0;
}

static const char *
pg_column_name (QuorumDbStmt *stmt_,
                int           column)
{
  QuorumPgStmt *stmt = PG_STMT (stmt_);

  if (stmt->result == NULL || column < 0 || column >= PQnfields (stmt->result))
    return NULL;
  return PQfname (stmt->result, column);
}

static gboolean
pg_column_is_null (QuorumDbStmt *stmt_,
                   int           column)
{
  QuorumPgStmt *stmt = PG_STMT (stmt_);

  return !on_row (stmt, column) || PQgetisnull (stmt->result, stmt->row, column);
}

/* Text as SQLite would give it: a boolean (a comparison's result) reads as 1 or 0. */
static const char *
pg_column_text (QuorumDbStmt *stmt_,
                int           column)
{
  QuorumPgStmt *stmt = PG_STMT (stmt_);
  const char *value;

  if (pg_column_is_null (stmt_, column))
    return NULL;
  value = PQgetvalue (stmt->result, stmt->row, column);
  if (PQftype (stmt->result, column) == PG_BOOLOID)
    return value[0] == 't' ? "1" : "0";
  return value;
}

static gint64
pg_column_int64 (QuorumDbStmt *stmt,
                 int           column)
{
  const char *text = pg_column_text (stmt, column);

  if (text == NULL)
    return 0;
  if (strpbrk (text, ".eE") != NULL)
    return (gint64) g_ascii_strtod (text, NULL);
  return g_ascii_strtoll (text, NULL, 10);
}

static double
pg_column_double (QuorumDbStmt *stmt,
                  int           column)
{
  const char *text = pg_column_text (stmt, column);

  return text != NULL ? g_ascii_strtod (text, NULL) : 0.0;
}

static QuorumDbType
pg_column_type (QuorumDbStmt *stmt_,
                int           column)
{
  QuorumPgStmt *stmt = PG_STMT (stmt_);

  if (pg_column_is_null (stmt_, column))
    return QUORUM_DB_TYPE_NULL;
  switch (PQftype (stmt->result, column))
    {
    case PG_BOOLOID:
    case PG_INT2OID:
    case PG_INT4OID:
    case PG_INT8OID:
    case PG_OIDOID:
      return QUORUM_DB_TYPE_INTEGER;
    case PG_FLOAT4OID:
    case PG_FLOAT8OID:
    case PG_NUMERICOID:
      return QUORUM_DB_TYPE_FLOAT;
    case PG_BYTEAOID:
      return QUORUM_DB_TYPE_BLOB;
    default:
      return QUORUM_DB_TYPE_TEXT;
    }
}

/* The bytes as stored: text as the server sent it (a boolean as "1"/"0"), bytea unescaped. */
static const guint8 *
pg_column_bytes (QuorumDbStmt *stmt_,
                 int           column,
                 gsize        *length)
{
  QuorumPgStmt *stmt = PG_STMT (stmt_);
  const char *text;

  *length = 0;
  if (pg_column_is_null (stmt_, column))
    return NULL;
  if (PQftype (stmt->result, column) == PG_BYTEAOID)
    {
      size_t n = 0;
      unsigned char *bytes = PQunescapeBytea ((const unsigned char *) PQgetvalue (stmt->result, stmt->row, column), &n);

      g_clear_pointer (&stmt->bytes, PQfreemem);
      stmt->bytes = bytes;
      *length = n;
      return bytes;
    }
  text = pg_column_text (stmt_, column);
  *length = PQftype (stmt->result, column) == PG_BOOLOID ? 1 : (gsize) PQgetlength (stmt->result, stmt->row, column);
  return (const guint8 *) text;
}

static gint64
pg_changes (QuorumDb *db)
{
  return PG_DB (db)->changes;
}

static gboolean pg_in_transaction (QuorumDb *db);

void
quorum_db_postgres_set_one_writer (QuorumDb *db,
                                   gboolean  one_writer)
{
  PG_DB (db)->one_writer = one_writer;
}

static gboolean
pg_begin (QuorumDb  *db,
          gboolean   write,
          GError   **error)
{
  QuorumPgDb *self = PG_DB (db);
  PGresult *result;

  /* A writer sees the database as if alone (a conflict is a serialization failure, read as
   * BUSY, and the whole transaction runs again); a reader sees one snapshot and writes nothing.
   * A writer learns its transaction's id in the same round trip. */
  if (pg_in_transaction (db))
    {
      /* As SQLite: no transaction within a transaction (PostgreSQL would only warn). */
      g_set_error_literal (error, QUORUM_DB_ERROR, QUORUM_DB_ERROR_FAILED,
                           "cannot start a transaction within a transaction");
      return FALSE;
    }
  g_clear_pointer (&self->xact_id, g_free);
  queue_clear (self);
  if ((write && self->one_writer) || !write)
    {
      /* Queued: the lock is taken with the first statement, in its round trip; a reader's
       * snapshot is taken at its first statement anyway. */
      if (!ensure_connected (self, error))
        return FALSE;
      if (write)
        for (PgCommand c = PG_COMMAND_BEGIN_WRITE; c <= PG_COMMAND_XACT_ID; c++)
          queue_push_command (self, c, TRUE);
      else
        queue_push_command (self, PG_COMMAND_BEGIN_READ, TRUE);
      self->n_begin = self->queue->len;
      self->begin_queued = TRUE;
      self->in_transaction = TRUE;
      return TRUE;
    }
  result = exec_retrying (self,
                          write ? "BEGIN ISOLATION LEVEL SERIALIZABLE; SELECT pg_current_xact_id ()"
                                : "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY",
                          write ? PGRES_TUPLES_OK : PGRES_COMMAND_OK, error);
  if (result == NULL)
    {
      /* BEGIN may have run before the id failed. */
      if (PQstatus (self->conn) == CONNECTION_OK && PQtransactionStatus (self->conn) != PQTRANS_IDLE)
        simple_command (self, "ROLLBACK", NULL);
      return FALSE;
    }
  if (write && PQntuples (result) == 1)
    self->xact_id = g_strdup (PQgetvalue (result, 0, 0));
  PQclear (result);
  self->in_transaction = TRUE;
  return TRUE;
}

/* COMMIT's answer was lost with the connection: was it stored? Asked on a new session, by the
 * transaction's id. Never says stored unless the server says committed. */
static gboolean
commit_outcome (QuorumPgDb  *self,
                GError     **error)
{
  const char *values[1] = { self->xact_id };
  g_autofree char *status = NULL;
  PGresult *result;

  g_clear_error (error);
  PQreset (self->conn);
  if (PQstatus (self->conn) != CONNECTION_OK)
    {
      g_set_error_literal (error, QUORUM_DB_ERROR, QUORUM_DB_ERROR_UNAVAILABLE,
                           "the connection to the server was lost while committing, and whether "
                           "the transaction was stored is not known until the server is back");
      return FALSE;
    }
  session_made (self);
  self->parent.round_trips++;
  result = PQexecParams (self->conn, "SELECT pg_xact_status ($1::xid8)", 1, NULL, values, NULL, NULL, 0);
  if (PQresultStatus (result) == PGRES_TUPLES_OK && PQntuples (result) == 1 && !PQgetisnull (result, 0, 0))
    status = g_strdup (PQgetvalue (result, 0, 0));
  PQclear (result);
  if (g_strcmp0 (status, "committed") == 0)
    return TRUE;
  g_set_error_literal (error, QUORUM_DB_ERROR, QUORUM_DB_ERROR_UNAVAILABLE,
                       "the connection to the server was lost before the transaction was "
                       "committed: nothing of it was stored");
  return FALSE;
}

static gboolean
pg_commit (QuorumDb  *db,
           GError   **error)
{
  QuorumPgDb *self = PG_DB (db);
  g_autofree char *tag = NULL;
  gboolean ok;

  if (self->begin_queued && self->queue->len == self->n_begin)
    {
      /* Nothing was sent, so nothing was begun on the server: nothing to commit. */
      queue_clear (self);
      g_clear_pointer (&self->xact_id, g_free);
      self->in_transaction = FALSE;
      return TRUE;
    }
  if (self->queue->len > 0)
    {
      /* What was sent, then COMMIT: one round trip. */
      gboolean carried_begin = self->begin_queued;

      queue_push_command (self, PG_COMMAND_COMMIT, FALSE);
      ok = flush_queue (self, NULL, error);
      tag = g_steal_pointer (&self->commit_tag);
      if (!ok && carried_begin && self->xact_id == NULL && PQstatus (self->conn) != CONNECTION_OK)
        {
          /* The connection went before the transaction's id came back: nobody can say. */
          g_clear_error (error);
          g_set_error_literal (error, QUORUM_DB_ERROR, QUORUM_DB_ERROR_UNAVAILABLE,
                               "the connection to the server was lost while committing, and whether "
                               "the transaction was stored is not known until the server is back");
        }
    }
  else
    {
      PGresult *result;

      self->parent.round_trips++;
      result = PQexec (self->conn, "COMMIT");
      ok = PQresultStatus (result) == PGRES_COMMAND_OK;
      take_notifications (self);
      if (!ok)
        set_error (self, result, error);
      else
        tag = g_strdup (PQcmdStatus (result));
      PQclear (result);
    }
  if (ok && g_strcmp0 (tag, "ROLLBACK") == 0)
    {
      /* A transaction that failed before ends by COMMIT as a rollback: nothing was stored. */
      ok = FALSE;
      g_set_error_literal (error, QUORUM_DB_ERROR, QUORUM_DB_ERROR_FAILED,
                           "the transaction had failed and was rolled back");
    }
  if (!ok && self->xact_id != NULL && PQstatus (self->conn) != CONNECTION_OK)
    ok = commit_outcome (self, error);
  g_clear_pointer (&self->xact_id, g_free);
  /* Committed or not, it is over (a failed COMMIT ends the transaction on the server). */
  if (PQtransactionStatus (self->conn) != PQTRANS_IDLE && PQstatus (self->conn) == CONNECTION_OK)
    simple_command (self, "ROLLBACK", NULL);
  self->in_transaction = FALSE;
  return ok;
}

static void
pg_rollback (QuorumDb *db)
{
  QuorumPgDb *self = PG_DB (db);

  /* What was sent and has not run never will. */
  queue_clear (self);
  if (PQstatus (self->conn) == CONNECTION_OK && !self->resetting &&
      PQtransactionStatus (self->conn) != PQTRANS_IDLE)
    simple_command (self, "ROLLBACK", NULL);
  g_clear_pointer (&self->xact_id, g_free);
  self->in_transaction = FALSE;
}

static gboolean
pg_in_transaction (QuorumDb *db)
{
  QuorumPgDb *self = PG_DB (db);
  PGTransactionStatusType status = PQtransactionStatus (self->conn);

  return self->in_transaction || status == PQTRANS_INTRANS || status == PQTRANS_INERROR;
}

static char *
pg_dup_session_user (QuorumDb *db)
{
  QuorumPgDb *self = PG_DB (db);

  if (self->session_user == NULL)
    {
      PGresult *result = exec_retrying (self, "SELECT session_user", PGRES_TUPLES_OK, NULL);

      if (result != NULL && PQntuples (result) == 1)
        self->session_user = g_strdup (PQgetvalue (result, 0, 0));
      g_clear_pointer (&result, PQclear);
      /* Until the server answers, the name libpq connected with. */
      if (self->session_user == NULL)
        return g_strdup (PQuser (self->conn));
    }
  return g_strdup (self->session_user);
}

static gboolean
pg_listen (QuorumDb    *db,
           const char  *channel,
           GError     **error)
{
  QuorumPgDb *self = PG_DB (db);
  char *quoted;
  g_autofree char *sql = NULL;
  PGresult *result;

  g_return_val_if_fail (channel != NULL && *channel != '\0', FALSE);

  if (!ensure_connected (self, error))
    return FALSE;
  quoted = PQescapeIdentifier (self->conn, channel, strlen (channel));
  sql = g_strdup_printf ("LISTEN %s", quoted);
  PQfreemem (quoted);
  result = exec_retrying (self, sql, PGRES_COMMAND_OK, error);
  if (result == NULL)
    return FALSE;
  PQclear (result);
  for (guint i = 0; i < self->channels->len; i++)
    if (strcmp (self->channels->pdata[i], channel) == 0)
      return TRUE;
  g_ptr_array_add (self->channels, g_strdup (channel));
  return TRUE;
}

static gboolean
pg_notify (QuorumDb    *db,
           const char  *channel,
           const char  *payload,
           GError     **error)
{
  QuorumPgDb *self = PG_DB (db);
  const char *values[2] = { channel, payload != NULL ? payload : "" };
  PGresult *result;
  gboolean ok;

  if (!ensure_connected (self, error) || !flush_queue (self, NULL, error))
    return FALSE;
  /* Inside a transaction, the server sends it when the transaction commits (and never if not). */
  self->parent.round_trips++;
  result = PQexecParams (self->conn, "SELECT pg_notify ($1, $2)", 2, NULL, values, NULL, NULL, 0);
  take_notifications (self);
  ok = PQresultStatus (result) == PGRES_TUPLES_OK;
  if (!ok)
    set_error (self, result, error);
  PQclear (result);
  return ok;
}

#define RETRY_USEC (2 * G_USEC_PER_SEC)

static void
watch_poll_fd (PgWatch      *watch,
               GIOCondition  condition)
{
  int fd = PQsocket (watch->db->conn);

  if (watch->tag != NULL)
    g_source_remove_unix_fd ((GSource *) watch, watch->tag);
  watch->tag = NULL;
  watch->fd = fd;
  if (fd >= 0)
    watch->tag = g_source_add_unix_fd ((GSource *) watch, fd, condition);
}

static void
watch_lost (PgWatch *watch)
{
  /* Nothing to poll until the next attempt. */
  if (watch->tag != NULL)
    g_source_remove_unix_fd ((GSource *) watch, watch->tag);
  watch->tag = NULL;
  watch->fd = -1;
  g_source_set_ready_time ((GSource *) watch, g_get_monotonic_time () + RETRY_USEC);
}

/* The watch found the session ended (the server stopped or restarted, the network gone): the
 * connection's last failure says the server cannot be reached, and the watchers hear it at
 * once (an empty channel and payload; quorum_store_get_unreachable then says which), so a
 * window that only reads says so too, not only one that tried to write. Once per loss. */
static void
watch_tell_lost (QuorumPgDb *self)
{
  PgNotification *pn;

  if (self->parent.last_error != NULL &&
      g_error_matches (self->parent.last_error, QUORUM_DB_ERROR, QUORUM_DB_ERROR_UNAVAILABLE))
    return;
  g_clear_error (&self->parent.last_error);
  self->parent.last_error = g_error_new_literal (QUORUM_DB_ERROR, QUORUM_DB_ERROR_UNAVAILABLE,
                                                 "the connection to the server was lost");
  pn = g_new0 (PgNotification, 1);
  pn->channel = g_strdup ("");
  pn->payload = g_strdup ("");
  g_queue_push_tail (&self->pending, pn);
}

static void
watch_reset_step (PgWatch *watch)
{
  QuorumPgDb *self = watch->db;

  if (!self->resetting)
    {
      if (!PQresetStart (self->conn))
        {
          watch_lost (watch);
          return;
        }
      self->resetting = TRUE;
      watch->polling = PGRES_POLLING_WRITING;
    }
  else
    watch->polling = PQresetPoll (self->conn);

  switch (watch->polling)
    {
    case PGRES_POLLING_READING:
      watch_poll_fd (watch, G_IO_IN | G_IO_HUP | G_IO_ERR);
      break;
    case PGRES_POLLING_WRITING:
      watch_poll_fd (watch, G_IO_OUT | G_IO_HUP | G_IO_ERR);
      break;
    case PGRES_POLLING_OK:
      self->resetting = FALSE;
      /* Reached again: the failure from before is history (the watchers hear it below). */
      g_clear_error (&self->parent.last_error);
      session_made (self);
      watch_poll_fd (watch, G_IO_IN | G_IO_HUP | G_IO_ERR);
      break;
    case PGRES_POLLING_FAILED:
    default:
      self->resetting = FALSE;
      watch_lost (watch);
      break;
    }
}

static gboolean
watch_prepare (GSource *source,
               int     *timeout)
{
  PgWatch *watch = (PgWatch *) source;

  *timeout = -1;
  return watch->db != NULL && !g_queue_is_empty (&watch->db->pending);
}

static gboolean
watch_check (GSource *source)
{
  PgWatch *watch = (PgWatch *) source;

  if (watch->db == NULL)
    return FALSE;
  if (!g_queue_is_empty (&watch->db->pending))
    return TRUE;
  return watch->tag != NULL && g_source_query_unix_fd (source, watch->tag) != 0;
}

static gboolean
watch_dispatch (GSource     *source,
                GSourceFunc  callback,
                gpointer     user_data)
{
  PgWatch *watch = (PgWatch *) source;
  QuorumPgDb *self = watch->db;
  QuorumDbNotifyFunc func = (QuorumDbNotifyFunc) (void (*) (void)) callback;
  gboolean ready = watch->tag != NULL && g_source_query_unix_fd (source, watch->tag) != 0;
  gboolean timed = g_source_get_ready_time (source) >= 0 &&
                   g_source_get_ready_time (source) <= g_source_get_time (source);
  PgNotification *n;

  if (self == NULL)
    return G_SOURCE_REMOVE;

  if (timed)
    g_source_set_ready_time (source, -1);

  if (self->resetting && ready)
    watch_reset_step (watch);
  else if (self->resetting || PQstatus (self->conn) != CONNECTION_OK)
    {
      if (!self->resetting)
        watch_tell_lost (self);
      if (timed || !self->resetting)
        watch_reset_step (watch);
    }
  else
    {
      if (ready && !self->in_transaction)
        {
          if (!PQconsumeInput (self->conn) || PQstatus (self->conn) != CONNECTION_OK)
            {
              watch_tell_lost (self);
              watch_reset_step (watch);
            }
          else
            take_notifications (self);
        }
      else if (ready)
        {
          /* Inside a transaction the store reads the socket itself; consume what is there. */
          PQconsumeInput (self->conn);
          take_notifications (self);
        }
      /* The session may have been made again by a store call: follow its new socket. */
      if (!self->resetting && PQstatus (self->conn) == CONNECTION_OK && PQsocket (self->conn) != watch->fd)
        watch_poll_fd (watch, G_IO_IN | G_IO_HUP | G_IO_ERR);
    }

  /* A callback may remove the watch or close the connection: stop there. */
  while (watch->db != NULL && !g_source_is_destroyed (source) &&
         (n = g_queue_pop_head (&self->pending)) != NULL)
    {
      if (func != NULL)
        func (n->channel, n->payload, user_data);
      pg_notification_free (n);
    }
  return G_SOURCE_CONTINUE;
}

static void
watch_finalize (GSource *source)
{
  PgWatch *watch = (PgWatch *) source;

  if (watch->db != NULL && watch->db->watch == source)
    watch->db->watch = NULL;
}

static GSourceFuncs watch_funcs = {
  watch_prepare,
  watch_check,
  watch_dispatch,
  watch_finalize,
  NULL,
  NULL,
};

static guint
pg_watch (QuorumDb           *db,
          QuorumDbNotifyFunc  func,
          gpointer            user_data,
          GDestroyNotify      destroy)
{
  QuorumPgDb *self = PG_DB (db);
  GSource *source;
  PgWatch *watch;
  guint id;

  if (self->watch != NULL)
    {
      /* One watch a connection: the new one replaces the old. */
      PgWatch *old = (PgWatch *) self->watch;

      old->db = NULL;
      g_source_destroy (self->watch);
      self->watch = NULL;
    }

  source = g_source_new (&watch_funcs, sizeof (PgWatch));
  watch = (PgWatch *) source;
  watch->db = self;
  watch->fd = -1;
  g_source_set_name (source, "[quorum] PostgreSQL notifications");
  g_source_set_callback (source, (GSourceFunc) (void (*) (void)) func, user_data, destroy);
  self->watch = source;
  if (PQstatus (self->conn) == CONNECTION_OK)
    watch_poll_fd (watch, G_IO_IN | G_IO_HUP | G_IO_ERR);
  else
    watch_lost (watch);
  id = g_source_attach (source, g_main_context_get_thread_default ());
  g_source_unref (source);
  return id;
}


/* The statement layer's dispatch (quorum-db.c) calls these. */
static const QuorumDbDriver pg_db_driver = {
  .backend          = QUORUM_DB_BACKEND_POSTGRES,
  .close            = pg_close,
  .prepare          = pg_prepare,
  .exec             = pg_exec,
  .bind_int64       = pg_bind_int64,
  .bind_double      = pg_bind_double,
  .bind_text        = pg_bind_text,
  .bind_null        = pg_bind_null,
  .step             = pg_step,
  .send             = pg_send,
  .reset            = pg_reset,
  .column_count     = pg_column_count,
  .column_name      = pg_column_name,
  .column_is_null   = pg_column_is_null,
  .column_int64     = pg_column_int64,
  .column_double    = pg_column_double,
  .column_text      = pg_column_text,
  .column_type      = pg_column_type,
  .column_bytes     = pg_column_bytes,
  .changes          = pg_changes,
  .begin            = pg_begin,
  .commit           = pg_commit,
  .rollback         = pg_rollback,
  .in_transaction   = pg_in_transaction,
  .dup_session_user = pg_dup_session_user,
  .listen           = pg_listen,
  .notify           = pg_notify,
  .watch            = pg_watch,
};

gboolean
quorum_db_postgres_describe (const char  *conninfo,
                             char       **host,
                             char       **port,
                             char       **dbname,
                             char       **user)
{
  /* libpq works out where it would go (a service file read, its defaults and the PG*
   * variables applied) when a connection starts: asked, then dropped before it is made. */
  const char *keys[] = { "dbname", NULL };
  const char *values[] = { conninfo, NULL };
  PGconn *conn;
  gboolean ok;

  g_return_val_if_fail (conninfo != NULL, FALSE);

  conn = PQconnectStartParams (keys, values, TRUE);
  ok = conn != NULL && PQuser (conn) != NULL && PQdb (conn) != NULL;
  if (ok)
    {
      const char *h = PQhost (conn);

      *host = g_strdup (h != NULL && *h != '\0' ? h : "localhost");
      *port = g_strdup (PQport (conn) != NULL && *PQport (conn) != '\0' ? PQport (conn) : "5432");
      *dbname = g_strdup (PQdb (conn));
      *user = g_strdup (PQuser (conn));
    }
  PQfinish (conn);
  return ok;
}

static const QuorumDbPostgresModule module_table = {
  .version        = QUORUM_VERSION,
  .open_full      = quorum_db_postgres_open_full,
  .describe       = quorum_db_postgres_describe,
  .is_conninfo    = quorum_db_postgres_is_conninfo,
  .set_one_writer = quorum_db_postgres_set_one_writer,
  .rewrite        = quorum_db_postgres_rewrite,
};

/* The module's one exported symbol (QUORUM_DB_POSTGRES_MODULE_SYMBOL). */
G_MODULE_EXPORT const QuorumDbPostgresModule *quorum_db_postgres_module (void);

const QuorumDbPostgresModule *
quorum_db_postgres_module (void)
{
  return &module_table;
}
