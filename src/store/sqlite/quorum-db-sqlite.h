/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-db-sqlite.h: the SQLite driver of the statement layer, and the handle beneath it for
 * what only SQLite has (the file, its pragmas, the online backup, the SQLite schema). */
#pragma once

#include <sqlite3.h>

#include "../quorum-db.h"

G_BEGIN_DECLS

/* A connection over @handle, opened by the caller; it is the connection's from now on and
 * closed by quorum_db_close. Extended result codes are turned on. */
QuorumDb *quorum_db_sqlite_new        (sqlite3     *handle);
/* Opens (creating) the file at @path, or ":memory:", with foreign keys on and a busy timeout. */
QuorumDb *quorum_db_sqlite_open       (const char  *path,
                                       GError     **error);
/* The handle beneath @db, which must be a SQLite connection. */
sqlite3  *quorum_db_sqlite_get_handle (QuorumDb    *db);
/* What tells another connection's commit (quorum_store_watch): PRAGMA data_version (-1 when
 * unreadable), a stamp of the file's and its WAL's sizes and times, and the changes this
 * connection made itself. */
void      quorum_db_sqlite_read_change_marks (QuorumDb *db,
                                              gint64   *data_version,
                                              gint64   *file_stamp,
                                              gint64   *own_changes);

G_END_DECLS
