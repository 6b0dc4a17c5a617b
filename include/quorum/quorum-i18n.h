/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-i18n.h: the language of a record, which need not be the desktop's (a bilingual
 * record is written in Welsh and in English whatever the desktop speaks), and dates with month
 * and day names from Quorum's own translations, so they follow the language even where the
 * system has no locale for it. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The language the core's and the record's words are given in, on this thread, until the
 * matching pop: "cy", "en" (the source text), or NULL for the desktop's (gettext's own). */
void         quorum_i18n_push_language    (const char  *language);
void         quorum_i18n_pop_language     (void);
/* The language pushed last on this thread, or NULL. */
const char  *quorum_i18n_get_language     (void);
/* "cy" when the desktop's first language is Welsh (LANGUAGE=cy), else "en". */
const char  *quorum_i18n_desktop_language (void);

/* gettext, in the pushed language; the desktop's when none is pushed. */
const char  *quorum_gettext               (const char  *msgid) G_GNUC_FORMAT (1);
const char  *quorum_pgettext              (const char  *msgctxtid,
                                           gsize        msgidoffset) G_GNUC_FORMAT (1);
const char  *quorum_ngettext              (const char  *msgid,
                                           const char  *msgid_plural,
                                           gulong       n) G_GNUC_FORMAT (2);

/* g_date_time_format(), with %A %a %B %b named in the language in force. */
char        *quorum_date_time_format      (GDateTime   *datetime,
                                           const char  *format);
/* The same for a calendar date; NULL for an unset one. */
char        *quorum_date_format           (const GDate *date,
                                           const char  *format);

G_END_DECLS
