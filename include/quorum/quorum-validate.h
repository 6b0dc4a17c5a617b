/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-validate.h: checks on text a person typed, before anything is stored. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define QUORUM_MAX_TEXT 20000  /* characters, for reasons and summaries */
#define QUORUM_MAX_NAME 500    /* characters, for names, agencies, groups */

/* Bidirectional overrides, embeddings and isolates, and invisible spaces and marks. */
gboolean quorum_unichar_is_deceptive (gunichar c);

/* Valid UTF-8, no control characters but newline and tab (and, for names, text of at most
 * QUORUM_MAX_NAME, not those either: a name is one line), none of the deceptive
 * characters above, at most @max characters, and
 * (with @required) not empty or only white space. QUORUM_ERROR_INVALID naming @what otherwise.
 * NULL is accepted when not @required. */
gboolean quorum_check_text (const char  *text,
                            const char  *what,
                            gboolean     required,
                            gsize        max,
                            GError     **error);

G_END_DECLS
