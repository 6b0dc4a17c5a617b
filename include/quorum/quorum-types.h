/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-types.h: forward declarations and the enums of the domain. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _QuorumCalendar   QuorumCalendar;
typedef struct _QuorumProfile    QuorumProfile;
typedef struct _QuorumStage      QuorumStage;
typedef struct _QuorumConference QuorumConference;
typedef struct _QuorumChild      QuorumChild;
typedef struct _QuorumAttendee   QuorumAttendee;
typedef struct _QuorumAttempt    QuorumAttempt;
typedef struct _QuorumVote       QuorumVote;
typedef struct _QuorumDecision   QuorumDecision;
typedef struct _QuorumDissent    QuorumDissent;
typedef struct _QuorumPlan       QuorumPlan;
typedef struct _QuorumReferral   QuorumReferral;
typedef struct _QuorumAmendment  QuorumAmendment;
typedef struct _QuorumOutcome    QuorumOutcome;
typedef struct _QuorumQuoracy    QuorumQuoracy;
typedef struct _QuorumMemberView QuorumMemberView;
typedef struct _QuorumSupersededView QuorumSupersededView;
typedef struct _QuorumPresence   QuorumPresence;
typedef struct _QuorumChallenge  QuorumChallenge;

typedef enum
{
  QUORUM_REGION_ENGLAND_WALES,
  QUORUM_REGION_SCOTLAND,
  QUORUM_REGION_NORTHERN_IRELAND,
  QUORUM_N_REGIONS
} QuorumRegion;

typedef enum
{
  QUORUM_RULE_MAJORITY_BY_LINE_MANAGEMENT,
  QUORUM_RULE_CHAIR_DECIDES,
} QuorumRule;

typedef enum
{
  QUORUM_KIND_INITIAL,
  QUORUM_KIND_REVIEW,
  QUORUM_KIND_TRANSFER_IN,
  QUORUM_KIND_PRE_BIRTH,
  QUORUM_N_KINDS
} QuorumConferenceKind;

/* A group's view, a consensus's agreement or a decision's outcome. */
typedef enum
{
  QUORUM_VIEW_NONE,     /* no view yet; for a consensus attempt: no consensus */
  QUORUM_VIEW_PLAN,
  QUORUM_VIEW_NO_PLAN,
  QUORUM_VIEW_DECLINE,
} QuorumView;

typedef enum /*< flags >*/
{
  QUORUM_CATEGORY_NONE      = 0,
  QUORUM_CATEGORY_NEGLECT   = 1 << 0,
  QUORUM_CATEGORY_PHYSICAL  = 1 << 1,
  QUORUM_CATEGORY_EMOTIONAL = 1 << 2,
  QUORUM_CATEGORY_SEXUAL    = 1 << 3,
  QUORUM_CATEGORY_ALL       = 0xf,
} QuorumCategory;

typedef enum
{
  QUORUM_BASIS_CONSENSUS,
  QUORUM_BASIS_MAJORITY,
  QUORUM_BASIS_SPLIT,
  QUORUM_BASIS_CHAIR,
} QuorumBasis;

typedef enum
{
  QUORUM_ATTENDANCE_PRESENT,
  QUORUM_ATTENDANCE_APOLOGIES,
  QUORUM_ATTENDANCE_REPORT_SENT,
} QuorumAttendance;

typedef enum
{
  QUORUM_PANEL_NONE,
  QUORUM_PANEL_PLAN_CONFIRMED,
  QUORUM_PANEL_PLAN_ENDED,
  QUORUM_PANEL_OTHER,
} QuorumPanelOutcome;

/* Stable string forms: they are the CLI's and the database's words. */
const char *quorum_region_to_string        (QuorumRegion region);
gboolean    quorum_region_from_string      (const char *str, QuorumRegion *out);
const char *quorum_rule_to_string          (QuorumRule rule);
gboolean    quorum_rule_from_string        (const char *str, QuorumRule *out);
const char *quorum_kind_to_string          (QuorumConferenceKind kind);
gboolean    quorum_kind_from_string        (const char *str, QuorumConferenceKind *out);
const char *quorum_view_to_string          (QuorumView view);
gboolean    quorum_view_from_string        (const char *str, QuorumView *out);
const char *quorum_basis_to_string         (QuorumBasis basis);
gboolean    quorum_basis_from_string       (const char *str, QuorumBasis *out);
const char *quorum_attendance_to_string    (QuorumAttendance attendance);
gboolean    quorum_attendance_from_string  (const char *str, QuorumAttendance *out);
const char *quorum_panel_outcome_to_string (QuorumPanelOutcome outcome);
gboolean    quorum_panel_outcome_from_string (const char *str, QuorumPanelOutcome *out);
/* "neglect,physical": parses a comma-separated list; FALSE on an unknown word. */
gboolean    quorum_categories_from_string  (const char *str, guint *out);
/* Returns a newly allocated "neglect,physical" (empty string for none). */
char       *quorum_categories_to_string    (guint categories);

/* Human labels, translated, for the app and the printed record. */
const char *quorum_kind_get_label          (QuorumConferenceKind kind);
const char *quorum_view_get_label          (QuorumView view);
const char *quorum_basis_get_label         (QuorumBasis basis);
const char *quorum_category_get_label      (QuorumCategory category);
const char *quorum_region_get_label        (QuorumRegion region);
const char *quorum_panel_outcome_get_label (QuorumPanelOutcome outcome);
const char *quorum_attendance_get_label    (QuorumAttendance attendance);

G_END_DECLS
