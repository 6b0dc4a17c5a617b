/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-export-pdf.c: placeholder. */

#include "quorum-export.h"
