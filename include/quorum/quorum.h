/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum.h: the core library: Quorum's domain rules, GLib only. */
#pragma once

#include "quorum-types.h"
#include "quorum-error.h"
#include "quorum-date.h"
#include "quorum-validate.h"
#include "quorum-workdays.h"
#include "quorum-profile.h"
#include "quorum-conference.h"
#include "quorum-decision.h"
#include "quorum-difference.h"
#include "quorum-i18n.h"
#include "quorum-challenge.h"
#include "quorum-referral.h"
#include "quorum-search.h"
