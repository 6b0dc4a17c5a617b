/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-sqlite-private.h: what only a SQLite store has: the file, its lock and pragmas. The
 * SQLite schema (quorum-sqlite-schema.c), backups and integrity checks (quorum-sqlite-backup.c)
 * are declared in quorum-store-private.h, where the tests find them. */
#pragma once

#include "../quorum-store-private.h"

G_BEGIN_DECLS

typedef struct
{
  sqlite3  *handle;
  int       lock_fd;    /* a shared flock on the file while it is open */
  gboolean  created;    /* this process made the file */
  gboolean  read_only;  /* the file could be opened for reading only */
} QuorumSqliteFile;

/* Opens the Quorum database file at @path under a shared lock, making a whole new one first
 * when there is none and @create; refuses a file that is not Quorum's. What a person should
 * be told (modes tightened) is added to @notices. */
gboolean _quorum_sqlite_file_open          (const char        *path,
                                            gboolean           create,
                                            QuorumSqliteFile  *file,
                                            GPtrArray         *notices,
                                            GError           **error);
/* The pragmas of every connection (WAL, full sync, foreign keys, untrusted schema); @version
 * is the schema version the file has. */
gboolean _quorum_sqlite_prepare_connection (sqlite3           *db,
                                            int               *version,
                                            GError           **error);
int      _quorum_sqlite_get_user_version   (sqlite3           *db);
/* Lets go of @lock_fd; when @discard, first removes the file (and its -wal, -shm) if no other
 * store has it open. TRUE when it was removed. */
gboolean _quorum_sqlite_file_release       (const char        *path,
                                            int                lock_fd,
                                            gboolean           discard);

/* The daily check and copy of the database at @path on a connection of its own (a thread's):
 * FALSE with @why when the check fails. @checked is set (atomically) to 1 once the database is
 * known sound (checked, or backed up already today), 2 when the check failed. */
gboolean _quorum_sqlite_daily_backup_path  (const char        *path,
                                            gint              *checked,
                                            char             **why);
/* PRAGMA quick_check, as verify runs it: FALSE with @why only when the check ran and found
 * damage. */
gboolean _quorum_sqlite_quick_check        (sqlite3           *db,
                                            char             **why);

G_END_DECLS
