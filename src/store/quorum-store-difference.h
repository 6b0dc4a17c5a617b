/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-store-difference.h: professional differences in the durable record. Each call that
 * writes is one transaction with its audit entries; the rules are quorum-difference.h's. */
#pragma once

#include "quorum-store.h"

G_BEGIN_DECLS

/* Raises a difference at its profile's first stage (spec->profile_id NULL: the linked
 * conference's profile, else the default). A linked conference must exist, and a child named
 * with it must be one of its children. Returns the new id, or 0 with @error. */
gint64                 quorum_store_raise_difference        (QuorumStore                    *self,
                                                             const QuorumDifferenceSpec     *spec,
                                                             GError                        **error);

/* The whole difference: its stages, discussions and checklist answers. NOT_FOUND if none. */
QuorumDifference      *quorum_store_load_difference         (QuorumStore                    *self,
                                                             gint64                          difference_id,
                                                             GError                        **error);

typedef struct
{
  const char  *profile_id;     /* NULL: any */
  const char  *agency;         /* NULL: any; matches the raising or the other agency, in part,
                                * ignoring case */
  gboolean     any_status;     /* TRUE: open and resolved */
  QuorumDifferenceStatus status;
  const GDate *from;           /* raised on or after, or NULL */
  const GDate *to;             /* raised on or before, or NULL */
  gint64       conference_id;  /* 0: any */
} QuorumDifferenceFilter;

/* Differences (with their stages, not their discussions) in the order raised. A NULL @filter
 * lists all. GPtrArray of QuorumDifference*. */
GPtrArray             *quorum_store_list_differences        (QuorumStore                    *self,
                                                             const QuorumDifferenceFilter   *filter,
                                                             GError                        **error);

/* Records a discussion at the current stage; returns its id, or 0. */
gint64                 quorum_store_record_difference_note  (QuorumStore                    *self,
                                                             gint64                          difference_id,
                                                             const QuorumDifferenceNoteSpec *spec,
                                                             GError                        **error);

/* Moves to the next stage of the profile, due from @date; returns the stage opened (free with
 * quorum_difference_stage_free), or NULL: past the last stage is refused (QUORUM_ERROR_INVALID). */
/* The same to stage @to where the profile branches (0: the next). */
QuorumDifferenceStage *quorum_store_escalate_difference_to  (QuorumStore                    *self,
                                                             gint64                          difference_id,
                                                             const GDate                    *date,
                                                             const char                     *reason,
                                                             int                             to,
                                                             GError                        **error);
QuorumDifferenceStage *quorum_store_escalate_difference     (QuorumStore                    *self,
                                                             gint64                          difference_id,
                                                             const GDate                    *date,
                                                             const char                     *reason,
                                                             GError                        **error);

/* Closes it as resolved at the current stage. */
gboolean               quorum_store_resolve_difference      (QuorumStore                    *self,
                                                             gint64                          difference_id,
                                                             const QuorumResolutionSpec     *spec,
                                                             GError                        **error);

/* After resolution: sets the debrief and protocol-review flags (a flag is never cleared) and
 * records feedback not given at resolution (never replaced). Nothing to change writes nothing. */
gboolean               quorum_store_follow_up_difference    (QuorumStore                    *self,
                                                             gint64                          difference_id,
                                                             gboolean                        debrief,
                                                             gboolean                        protocol_review,
                                                             const char                     *feedback_to,
                                                             const GDate                    *feedback_date,
                                                             GError                        **error);

G_END_DECLS
