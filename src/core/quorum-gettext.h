/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-gettext.h: included by the core and the export instead of <glib/gi18n-lib.h>, so their
 * words follow quorum_i18n_push_language () (a bilingual record) and else the desktop's. */
#pragma once

#include <string.h>
#include <glib/gi18n-lib.h>

#include "quorum/quorum-i18n.h"

#undef _
#define _(String) ((char *) quorum_gettext (String))
#undef C_
#define C_(Context, String) ((char *) quorum_pgettext (Context "\004" String, strlen (Context) + 1))
#undef ngettext
#define ngettext(Msgid, Plural, N) ((char *) quorum_ngettext (Msgid, Plural, N))
#define g_dngettext(Domain, Msgid, Plural, N) quorum_ngettext (Msgid, Plural, N)
