/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-error.h: the one error domain of Quorum, and what each code means to a person. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define QUORUM_ERROR (quorum_error_quark ())

typedef enum
{
  QUORUM_ERROR_INVALID,      /* rejected input: the message says why (CLI exit 2) */
  QUORUM_ERROR_NOT_FOUND,    /* an id that does not exist (exit 2) */
  QUORUM_ERROR_FINALISED,    /* the conference is signed off (exit 2) */
  QUORUM_ERROR_NO_VIEWS,     /* nothing to decide on (exit 2) */
  QUORUM_ERROR_INQUORATE,    /* inquorate, no reason recorded (exit 2) */
  QUORUM_ERROR_STORAGE,      /* the database failed; nothing was written (exit 3) */
  QUORUM_ERROR_TAMPERED,     /* verify found an altered record (exit 4) */
  QUORUM_ERROR_UNVERIFIED,   /* verify could not check the keyed chain: no key (exit 5) */
} QuorumErrorCode;

GQuark quorum_error_quark (void);

/* The CLI's exit status for an error of any domain. */
int    quorum_error_exit_status (const GError *error);

G_END_DECLS
