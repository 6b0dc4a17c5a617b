/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-export.h: the dissent record of a conference as PDF, CSV, JSON and plain text. */
#pragma once

#include <cairo.h>
#include <pango/pango.h>
#include <json-glib/json-glib.h>

#include "store/quorum-store.h"

G_BEGIN_DECLS

typedef enum
{
  QUORUM_EXPORT_PDF,
  QUORUM_EXPORT_CSV,
  QUORUM_EXPORT_JSON,
  QUORUM_EXPORT_TEXT,
} QuorumExportFormat;

/* "pdf", "csv", "json", "txt": the CLI's --format words, also the file extensions. */
const char *quorum_export_format_to_string   (QuorumExportFormat  format);
gboolean    quorum_export_format_from_string (const char         *str,
                                              QuorumExportFormat *out);
/* The format a file name's extension implies (".pdf", ".csv", ".json", ".txt"/".text"). */
gboolean    quorum_export_format_from_path   (const char         *path,
                                              QuorumExportFormat *out);
const char *quorum_export_format_get_mime_type (QuorumExportFormat format);

/* ---- JSON (quorum-export-json.c) ---- */

/* The whole conference, the document of `conference show`. @profile may be NULL
 * (then "profile_name" and "rule" are null). */
JsonNode   *quorum_json_conference (const QuorumConference *conference,
                                    const QuorumProfile    *profile);
/* The exported record: the document of `conference show` with two more top-level keys,
 * "exported_by" and "exported_at" (ISO 8601, UTC). @exported_at NULL: now. */
JsonNode   *quorum_json_dissent_record (const QuorumConference *conference,
                                        const QuorumProfile    *profile,
                                        const char             *exported_by,
                                        GDateTime              *exported_at);
/* One decision, the shape of `decide --json` (shared/CLI.md). */
JsonNode   *quorum_json_decision   (const QuorumConference *conference,
                                    const QuorumDecision   *decision);

/* Members of a JSON object being built, in the CLI's conventions: a NULL string, an invalid
 * date and an unset (0) id are null; categories are an array of words. */
/* One challenge of a conference decision, as `conference show` and `challenge …` print it. */
void        quorum_json_build_challenge (JsonBuilder           *builder,
                                         const QuorumConference *conference,
                                         const QuorumChallenge  *challenge);
void        quorum_json_add_string     (JsonBuilder        *builder,
                                        const char         *key,
                                        const char         *value);
void        quorum_json_add_date       (JsonBuilder        *builder,
                                        const char         *key,
                                        const GDate        *date);
void        quorum_json_add_int        (JsonBuilder        *builder,
                                        const char         *key,
                                        gint64              value);
void        quorum_json_add_id         (JsonBuilder        *builder,
                                        const char         *key,
                                        gint64              value);
void        quorum_json_add_bool       (JsonBuilder        *builder,
                                        const char         *key,
                                        gboolean            value);
void        quorum_json_add_view       (JsonBuilder        *builder,
                                        const char         *key,
                                        QuorumView          view);
void        quorum_json_add_categories (JsonBuilder        *builder,
                                        const char         *key,
                                        guint               categories);
void        quorum_json_add_strv       (JsonBuilder        *builder,
                                        const char         *key,
                                        const char * const *values);
/* One amendment as an object: "id", "at", "by", "reason", "change", "record", "field",
 * "old_value", "new_value" (the JSON export's "amendments" and the CSV's column alike). */
void        quorum_json_add_amendment  (JsonBuilder           *builder,
                                        const QuorumAmendment *amendment);

/* ---- CSV and text (quorum-export-csv.c, quorum-export-text.c) ---- */

/* RFC 4180, one row per group's view per child, with a header row; the last two columns,
 * "exported_by" and "exported_at" (ISO 8601, UTC), are the same on every row. Where a group's
 * representatives could not agree, each one's own position is on the group's row, in the column
 * "representative_positions" (a JSON array; empty otherwise); the amendments after sign-off
 * that bear on a row are on it, in "amendments" (a JSON array; empty otherwise). @exported_at
 * NULL: now. Newly allocated. */
char       *quorum_export_csv_string  (const QuorumConference *conference,
                                       const char             *exported_by,
                                       GDateTime              *exported_at);
/* Quotes one CSV field when it needs it (comma, quote, CR or LF). Newly allocated. */
char       *quorum_csv_escape         (const char             *field);
/* The record as plain UTF-8 text for pasting into minutes. Newly allocated. */
char       *quorum_export_text_string (const QuorumConference *conference,
                                       const QuorumProfile    *profile,
                                       const char             *exported_by,
                                       GDateTime              *exported_at);

/* ---- the printed record (quorum-export-pdf.c) ---- */

/* A4 in points. */
#define QUORUM_RECORD_A4_WIDTH  595.276
#define QUORUM_RECORD_A4_HEIGHT 841.890

typedef struct _QuorumRecord QuorumRecord;

/* The record keeps a deep reference to nothing: @conference and @profile must outlive it. */
QuorumRecord *quorum_record_new         (const QuorumConference *conference,
                                         const QuorumProfile    *profile,
                                         const char             *exported_by,
                                         GDateTime              *exported_at);
void          quorum_record_free        (QuorumRecord           *self);
/* The layout pass: measures every paragraph with @context (from the PDF surface's cairo
 * context or a GtkPrintContext) and breaks them into pages of @page_w × @page_h points.
 * The page's origin is its top-left corner, the record applies its own margins. */
void          quorum_record_paginate    (QuorumRecord           *self,
                                         PangoContext           *context,
                                         double                  page_w,
                                         double                  page_h);
int           quorum_record_get_n_pages (QuorumRecord           *self);
/* The Pango context a PDF record is laid out with: 72 units an inch, no hinting, outline
 * fonts only (so emoji stay text). Unref when done. */
PangoContext *quorum_record_create_pdf_context (cairo_t         *cr);
/* Draws @page (0-based) of the last pagination on @cr. */
void          quorum_record_draw_page   (QuorumRecord           *self,
                                         cairo_t                *cr,
                                         int                     page);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QuorumRecord, quorum_record_free)

/* The record as PDF bytes (A4). */
GBytes       *quorum_export_pdf_bytes   (const QuorumConference *conference,
                                         const QuorumProfile    *profile,
                                         const char             *exported_by,
                                         GDateTime              *exported_at,
                                         GError                **error);
gboolean      quorum_export_pdf         (const QuorumConference *conference,
                                         const QuorumProfile    *profile,
                                         const char             *exported_by,
                                         GDateTime              *exported_at,
                                         const char             *path,
                                         GError                **error);

/* ---- the record's languages (quorum-export.c) ---- */

/* The languages of the dissent record's PDF, print and text, for the whole process: "cy", "en",
 * or "cy,en" (both, Welsh first); NULL or "" for the profile's: Welsh and English under a
 * bilingual profile (Bilingual=true), else the desktop's. The CSV and JSON have no language. */
void          quorum_export_set_record_languages (const char *languages);
/* The languages of the records this thread makes, over the setting above (one export's choice,
 * as the export dialog makes it); NULL or "" again: the setting's. */
void          quorum_export_set_thread_record_languages (const char *languages);
/* This thread's languages, else the setting above, or NULL. */
const char   *quorum_export_get_record_languages (void);
/* The setting above alone (the app's Record Language menu, the CLI's --language), or NULL. */
const char   *quorum_export_get_process_record_languages (void);
/* The languages a record of @profile is written in when nothing is chosen for it: the setting,
 * else "cy,en" under a bilingual profile, else the desktop's ("cy" or "en"). Newly allocated. */
char         *quorum_export_default_record_languages (const QuorumProfile *profile);
/* TRUE when @languages is one the setting accepts ("cy", "en", "cy,en", "en,cy"). */
gboolean      quorum_export_record_languages_valid (const char *languages);

/* ---- entry points (quorum-export.c) ---- */

/* Renders a loaded conference in @format and writes it to @path atomically (a failure leaves
 * no file, or the previous one, never half a file). @exported_by NULL: the OS user;
 * @exported_at NULL: now. QUORUM_ERROR_STORAGE when the file cannot be written. */
gboolean      quorum_export_conference  (const QuorumConference *conference,
                                         const QuorumProfile    *profile,
                                         QuorumExportFormat      format,
                                         const char             *exported_by,
                                         GDateTime              *exported_at,
                                         const char             *path,
                                         GError                **error);
/* Loads @conference_id from @store (QUORUM_ERROR_NOT_FOUND when it does not exist), looks its
 * profile up and exports it as quorum_export_conference does, by the store's user, now. */
gboolean      quorum_export_dissent     (QuorumStore            *store,
                                         gint64                  conference_id,
                                         QuorumExportFormat      format,
                                         const char             *path,
                                         GError                **error);

/* Removes the temporary files of exports killed before they finished (by any earlier run).
 * Returns how many. Call once at start. */
guint         quorum_export_clean_stale (void);

G_END_DECLS
