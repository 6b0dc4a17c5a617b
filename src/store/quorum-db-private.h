/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-db-private.h: what a driver of the statement layer implements. quorum-db.c dispatches
 * every call of quorum-db.h through the connection's driver; only drivers include this. */
#pragma once

#include "quorum-db.h"

G_BEGIN_DECLS

/* One function per call of quorum-db.h, but for quorum_db_step_done and
 * quorum_db_get_last_error, which quorum-db.c makes of the others. Errors are set in
 * QUORUM_DB_ERROR with the backend's own message. Every entry is required, except listen,
 * notify and watch (NULL: the backend has no notifications). */
typedef struct
{
  QuorumDbBackend backend;

  void           (*close)            (QuorumDb *db);
  QuorumDbStmt  *(*prepare)          (QuorumDb *db, const char *sql, GError **error);
  gboolean       (*exec)             (QuorumDb *db, const char *sql, GError **error);

  void           (*bind_int64)       (QuorumDbStmt *stmt, int index, gint64 value);
  void           (*bind_double)      (QuorumDbStmt *stmt, int index, double value);
  void           (*bind_text)        (QuorumDbStmt *stmt, int index, const char *text); /* never NULL */
  void           (*bind_null)        (QuorumDbStmt *stmt, int index);

  QuorumDbStep   (*step)             (QuorumDbStmt *stmt, GError **error);
  /* May be NULL: quorum_db_send does nothing and quorum_db_send_done steps the statement to
   * its end at once. @discard: quorum_db_send_done (nobody reads the rows). */
  gboolean       (*send)             (QuorumDbStmt *stmt, gboolean discard, GError **error);
  void           (*reset)            (QuorumDbStmt *stmt);

  int            (*column_count)     (QuorumDbStmt *stmt);
  const char    *(*column_name)      (QuorumDbStmt *stmt, int column);
  gboolean       (*column_is_null)   (QuorumDbStmt *stmt, int column);
  gint64         (*column_int64)     (QuorumDbStmt *stmt, int column);
  double         (*column_double)    (QuorumDbStmt *stmt, int column);
  const char    *(*column_text)      (QuorumDbStmt *stmt, int column);
  QuorumDbType   (*column_type)      (QuorumDbStmt *stmt, int column);
  const guint8  *(*column_bytes)     (QuorumDbStmt *stmt, int column, gsize *length);

  gint64         (*changes)          (QuorumDb *db);

  gboolean       (*begin)            (QuorumDb *db, gboolean write, GError **error);
  gboolean       (*commit)           (QuorumDb *db, GError **error);
  void           (*rollback)         (QuorumDb *db);
  gboolean       (*in_transaction)   (QuorumDb *db);

  char          *(*dup_session_user) (QuorumDb *db);

  gboolean       (*listen)           (QuorumDb *db, const char *channel, GError **error);
  gboolean       (*notify)           (QuorumDb *db, const char *channel, const char *payload, GError **error);
  guint          (*watch)            (QuorumDb *db, QuorumDbNotifyFunc func, gpointer user_data,
                                      GDestroyNotify destroy);
} QuorumDbDriver;

/* A driver's connection begins with this (struct QuorumDbSqlite { QuorumDb parent; … }), and
 * is allocated by the driver, which sets @driver. @last_error is quorum-db.c's. */
struct _QuorumDb
{
  const QuorumDbDriver *driver;
  GError               *last_error;
  gboolean              in_write;   /* a write transaction began and has not ended */
  gboolean              conflicted; /* it failed BUSY after it began (quorum_db_get_conflicted) */
  gboolean              at_begin;   /* set by a driver: the failure it reports came from the
                                     * transaction's BEGIN, sent with a later statement (a
                                     * lock waited for in vain is not a conflict) */
  guint64               round_trips; /* counted by the driver (quorum_db_get_round_trips) */
};

/* A driver's statement begins with this; the driver sets @db. */
struct _QuorumDbStmt
{
  QuorumDb *db;
};

G_END_DECLS
