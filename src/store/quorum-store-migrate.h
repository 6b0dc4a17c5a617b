/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-store-migrate.h: copying one Quorum database's records into another (a chair's SQLite
 * file into an authority's shared PostgreSQL database, or two laptops' files into one). */
#pragma once

#include "quorum-store.h"

G_BEGIN_DECLS

/* One table's part of a migration. */
typedef struct
{
  const char *table;    /* static: one of the audited tables */
  guint       copied;   /* rows copied by this run */
  guint       already;  /* rows an earlier run had copied (a resumed migration) */
  guint       matched;  /* rows the target already held itself (closure days of the same date) */
  GArray     *ids;      /* gint64 pairs: source id, target id, for every row of the source */
} QuorumMigrateTable;

typedef struct
{
  char       *source_database;  /* the source's database id (meta database_id) */
  char       *target_database;
  gboolean    resumed;          /* an earlier run had copied part of the source */
  guint       source_checked;   /* records and entries verify checked in the source, before */
  guint       target_checked_before;
  guint       target_checked_after;
  GPtrArray  *tables;           /* QuorumMigrateTable*, in the order they were copied */
} QuorumMigrateReport;

void                 quorum_migrate_report_free (QuorumMigrateReport *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (QuorumMigrateReport, quorum_migrate_report_free)

/* Copies every record of @from into @to, ids remapped (the target's ids are its own), each
 * copied row audited in @to's own chain as "migrated from database ID: TABLE N of @from_label"
 * by @to's user. Both chains are verified first: a source or a target that fails verify is
 * refused (QUORUM_ERROR_INVALID, nothing written); @to is verified again after
 * (QUORUM_ERROR_TAMPERED if it fails). One transaction per conference, per difference and per
 * batch of the rest, so a run that is killed leaves whole conferences and a second run resumes
 * where it stopped: the audit entries are the map of what was copied. A source every row of
 * which is already in @to is refused as a duplicate (QUORUM_ERROR_INVALID), as is @from being
 * @to. Signed-off conferences and resolved differences arrive signed off and resolved. */
QuorumMigrateReport *quorum_store_migrate_from  (QuorumStore  *to,
                                                 QuorumStore  *from,
                                                 const char   *from_label,
                                                 GError      **error);

G_END_DECLS
