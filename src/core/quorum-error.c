/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-error.c: the Quorum error domain and the CLI exit status of each error. */

#include "quorum/quorum-error.h"

G_DEFINE_QUARK (quorum-error-quark, quorum_error)

int
quorum_error_exit_status (const GError *error)
{
  if (error == NULL)
    return 0;

  if (error->domain == G_OPTION_ERROR)
    return 1;

  if (error->domain == QUORUM_ERROR)
    {
      switch ((QuorumErrorCode) error->code)
        {
        case QUORUM_ERROR_INVALID:
        case QUORUM_ERROR_NOT_FOUND:
        case QUORUM_ERROR_FINALISED:
        case QUORUM_ERROR_NO_VIEWS:
        case QUORUM_ERROR_INQUORATE:
          return 2;
        case QUORUM_ERROR_TAMPERED:
          return 4;
        case QUORUM_ERROR_UNVERIFIED:
          return 5;
        case QUORUM_ERROR_STORAGE:
        default:
          return 3;
        }
    }

  /* Anything unexpected (I/O, SQLite…) is a failure to store or read. */
  return 3;
}
