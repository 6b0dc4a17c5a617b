/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-pg-people.h: the names a shared database's people are shown by, which the server keeps. */
#pragma once

#include "store/quorum-db.h"

G_BEGIN_DECLS

/* Each login's name as the record shows it (login → name), as `admin grant USER ROLE --name NAME`
 * keeps it: the login's comment (quorum_name_role). Logins with no name, or a name core's check
 * refuses, are left out (shown as the login). Empty, never NULL, when the server cannot say. */
GHashTable  *quorum_pg_read_people        (QuorumDb      *db);

G_END_DECLS
