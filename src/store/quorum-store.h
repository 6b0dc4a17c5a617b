/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-store.h: the durable record. Every call that writes is one transaction: it happens
 * whole, with its audit entry, or not at all. All SQL lives behind this API. */
#pragma once

#include <gio/gio.h>
#include <quorum/quorum.h>

G_BEGIN_DECLS

#define QUORUM_TYPE_STORE (quorum_store_get_type ())
G_DECLARE_FINAL_TYPE (QuorumStore, quorum_store, QUORUM, STORE, GObject)

/* --db, else $QUORUM_DB, else $XDG_DATA_HOME/quorum/quorum.db. Newly allocated. */
char             *quorum_store_resolve_path   (const char   *db_option);

/* FALSE, with a clear error, when @location names a database this build cannot open: a
 * PostgreSQL URI (postgresql://, postgres://) or connection string (service=…, host=…), which
 * must never be taken for a file name and made into a SQLite file. */
gboolean          quorum_store_check_location (const char   *location,
                                               GError      **error);

/* A password written into a PostgreSQL location (postgresql://user:secret@host/db, ?password=,
 * or password=… in a connection string) is taken out: returns the location without it (newly
 * allocated) and the password in @password; NULL when the location holds none (a file name,
 * or a location without a password). The password goes to the keyring, never into settings. */
char             *quorum_store_location_take_password (const char  *location,
                                                       char       **password);

/* Opens (creating it, with its folder, 0700/0600) and upgrades the schema. */
QuorumStore      *quorum_store_open           (const char   *path,
                                               GError      **error);

typedef enum
{
  QUORUM_STORE_OPEN_CREATE = 1 << 0,      /* create the database when there is none */
  QUORUM_STORE_OPEN_NO_BACKUPS = 1 << 1,  /* no automatic backups (a copy being checked) */
  /* The first opening of the day's integrity check and backup wait for
   * quorum_store_run_daily_backup () (the app, once its window is drawn); the first write
   * runs them before it if they have not run. */
  QUORUM_STORE_OPEN_DEFER_DAILY_BACKUP = 1 << 2,
} QuorumStoreOpenFlags;

/* Opens @path; without QUORUM_STORE_OPEN_CREATE a missing database is an error
 * (QUORUM_ERROR_STORAGE). A new database is made and initialised aside, then linked into
 * place, so no one ever opens a half-made one; a file that is not Quorum's is refused. */
QuorumStore      *quorum_store_open_full      (const char            *path,
                                               QuorumStoreOpenFlags   flags,
                                               GError               **error);
/* The same with a password a person typed (NULL: none but libpq's own: $PGPASSWORD, .pgpass,
 * a service file). When the location is a PostgreSQL server that asks for a password libpq
 * does not have, or refuses @password, fails (QUORUM_ERROR_STORAGE) and sets *@needs_password,
 * so the app can ask for it (again). The password is kept in the store's memory only, for
 * quorum_store_open_again (); a SQLite path ignores it. */
QuorumStore      *quorum_store_open_with_password (const char            *path,
                                                   const char            *password,
                                                   QuorumStoreOpenFlags   flags,
                                                   gboolean              *needs_password,
                                                   GError               **error);
/* Opens the database @self has open once more, as it was opened (its password too): a
 * connection of another thread's own. */
QuorumStore      *quorum_store_open_again     (QuorumStore            *self,
                                               QuorumStoreOpenFlags    flags,
                                               GError                **error);
/* An empty database in memory, for reading commands when there is no database yet. */
QuorumStore      *quorum_store_open_memory    (GError      **error);
/* Why the database failed its daily integrity check (then every write is refused), or NULL. */
const char       *quorum_store_get_damaged    (QuorumStore  *self);
/* Runs the daily integrity check and backup that QUORUM_STORE_OPEN_DEFER_DAILY_BACKUP put off
 * (nothing if they ran or were not due); quorum_store_get_damaged () then says how it went. */
void              quorum_store_run_daily_backup (QuorumStore *self);
/* The same in a thread, on a connection of its own, so the window answers meanwhile (the copy of
 * a large database takes seconds): the copy is written beside its name and renamed when whole.
 * A write meanwhile runs the check first (on its own connection) and is refused if it fails.
 * Finishes with FALSE when the check failed (quorum_store_get_damaged () then says why). */
void              quorum_store_run_daily_backup_async  (QuorumStore         *self,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
gboolean          quorum_store_run_daily_backup_finish (QuorumStore         *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);
/* Whether the daily check and backup were put off and have not run yet. */
gboolean          quorum_store_get_daily_backup_pending (QuorumStore *self);
/* Whether this store made its database file when it opened it. */
gboolean          quorum_store_get_created    (QuorumStore  *self);
/* Closes the database; when this store created it and it is still unused by anyone else
 * and holds no record, removes it (a refused first command leaves nothing). Returns
 * whether it was removed. The store is unusable afterwards. */
gboolean          quorum_store_close_discarding_unused (QuorumStore *self);
/* What a person should be told about the opening (keys made, modes tightened, the chain
 * keyed, a backup taken): NULL-terminated, owned by the store. */
const char * const *quorum_store_get_notices  (QuorumStore  *self);

/* A consistent copy of the live database at @dest (SQLite's online backup), mode 0600. */
gboolean          quorum_store_backup         (QuorumStore  *self,
                                               const char   *dest,
                                               GError      **error);
/* Replaces the database at @path with the copy at @source after checking the copy
 * (integrity_check and verify, with the key); the database it replaces is first backed up. */
gboolean          quorum_store_restore        (const char   *path,
                                               const char   *source,
                                               char        **kept_copy,
                                               GError      **error);
/* The automatic backups of the database at @path, newest first (paths). */
char            **quorum_store_list_backups   (const char   *path);
const char       *quorum_store_get_path       (QuorumStore  *self);
int               quorum_store_get_schema_version (QuorumStore *self);
/* Who is recorded as doing what this store does (default: the OS user). */
void              quorum_store_set_user       (QuorumStore  *self,
                                               const char   *user);
const char       *quorum_store_get_user       (QuorumStore  *self);
/* The person's own name, recorded as who decided, signed off and amended (the chair's name
 * in the app's Preferences, the CLI's --as or $QUORUM_USER); the audit log keeps the login.
 * NULL or empty: the login (quorum_store_get_user). */
void              quorum_store_set_signer     (QuorumStore  *self,
                                               const char   *name);
const char       *quorum_store_get_signer     (QuorumStore  *self);
/* Who a record written now names as having made it (created_by, recorded_by, a notice's,
 * challenge's or difference's writer): the signer on a database of this computer's; on a
 * shared (PostgreSQL) database, the server's session user (quorum_store_get_user). */
const char       *quorum_store_get_actor      (QuorumStore  *self);
/* A person as the record shows them: on a shared (PostgreSQL) database, the name an
 * administrator gave their login (`admin grant USER ROLE --name NAME`), else the login; on a
 * database of this computer's, @login as it is (the name kept there is already a name). */
char             *quorum_store_dup_person_name (QuorumStore *self,
                                                const char  *login);
/* The signer (quorum_store_get_signer: the name kept, --as, $QUORUM_USER, else the login) as the
 * record shows them: who an export names. */
char             *quorum_store_dup_shown_signer (QuorumStore *self);
/* Who a record written now names (quorum_store_get_actor) as the record shows them: who a
 * decision's confirmation says decides. On a shared database the server records the login,
 * whatever name is kept (schema 12), so this is the login's given name there. */
char             *quorum_store_dup_shown_actor (QuorumStore *self);

/* ---- conferences ---- */
typedef struct
{
  QuorumConferenceKind  kind;
  GDate                 date;
  const char           *time;         /* "HH:MM" or NULL */
  const char           *venue;
  const char           *chair;
  const char           *minute_taker;
  const char           *case_ref;
  const char           *profile_id;   /* NULL: the default profile */
  const char * const   *children;     /* NULL-terminated names, at least one */
} QuorumConferenceSpec;

gint64            quorum_store_create_conference (QuorumStore                *self,
                                                  const QuorumConferenceSpec *spec,
                                                  GError                    **error);
QuorumConference *quorum_store_load_conference   (QuorumStore  *self,
                                                  gint64        conference_id,
                                                  GError      **error);
/* The policy profile in force for a conference: as frozen when it was made (DOMAIN: "chosen
 * when the conference is created and frozen with it"); for a conference older than that,
 * the installed profile of the same id. */
QuorumProfile    *quorum_store_get_conference_profile (QuorumStore *self,
                                                  gint64        conference_id,
                                                  GError      **error);

typedef struct
{
  gint64                id;
  QuorumConferenceKind  kind;
  GDate                 date;
  char                 *time;
  char                 *chair;
  char                 *case_ref;
  char                 *profile_id;
  char                 *children;     /* "Amy Smith, Ben Smith" */
  gboolean              finalised;
} QuorumConferenceSummary;

void              quorum_conference_summary_free (QuorumConferenceSummary *self);
/* Newest first. @search matches child, case reference, chair or date (NULL: all).
 * @from / @to: inclusive date range or NULL. GPtrArray of QuorumConferenceSummary*. */
GPtrArray        *quorum_store_list_conferences  (QuorumStore  *self,
                                                  const char   *search,
                                                  const GDate  *from,
                                                  const GDate  *to,
                                                  GError      **error);
/* The same list a window at a time (quorum-store-list.c): how many match @search; up to
 * @limit of them from position @offset, or right after the row @after (then @offset is
 * unused), which is fast however deep; and where @conference_id stands in the list (FALSE
 * without an error when @search hides it). */
gboolean          quorum_store_count_conferences         (QuorumStore                   *self,
                                                          const char                    *search,
                                                          guint                         *n,
                                                          GError                       **error);
GPtrArray        *quorum_store_list_conferences_window   (QuorumStore                   *self,
                                                          const char                    *search,
                                                          const QuorumConferenceSummary *after,
                                                          guint                          offset,
                                                          guint                          limit,
                                                          GError                       **error);
gboolean          quorum_store_find_conference_position  (QuorumStore                   *self,
                                                          const char                    *search,
                                                          gint64                         conference_id,
                                                          guint                         *position,
                                                          GError                       **error);

typedef struct
{
  const char       *name;
  const char       *role;
  const char       *agency;
  const char       *line_management;
  gboolean          voting;
  QuorumAttendance  attendance;
  const char       *arrived_at;   /* "HH:MM": arrived late, at this time; NULL: from the start */
} QuorumAttendeeSpec;

gint64            quorum_store_add_attendee      (QuorumStore              *self,
                                                  gint64                    conference_id,
                                                  const QuorumAttendeeSpec *spec,
                                                  GError                  **error);
/* Corrects an attendee before sign-off (a typo, the wrong structure, who turned up); the
 * audit log keeps what it said before. With @spec's arrived_at, their late arrival is recorded
 * in the same transaction, by the rules of quorum_store_attendee_arrive () (an arrival already
 * recorded is kept, not changed: leave arrived_at NULL). */
gboolean          quorum_store_update_attendee   (QuorumStore              *self,
                                                  gint64                    attendee_id,
                                                  const QuorumAttendeeSpec *spec,
                                                  GError                  **error);
/* The attendance timeline (DOMAIN "Attendance is a timeline"): an attendee arrives late, or
 * leaves, at a time of day "HH:MM". Someone who sent apologies and comes after all arrives. */
gboolean          quorum_store_attendee_arrive   (QuorumStore  *self,
                                                  gint64        attendee_id,
                                                  const char   *time,
                                                  GError      **error);
/* Leaves: a view the attendee's group gave stays counted; @without_view (may be NULL) is set
 * to the undecided children the departure leaves the group without a view for (GArray of
 * gint64), which the record shows. */
gboolean          quorum_store_attendee_leave    (QuorumStore  *self,
                                                  gint64        attendee_id,
                                                  const char   *time,
                                                  GArray      **without_view,
                                                  GError      **error);
/* Undoes a leave recorded by mistake (a mis-clicked "Left"), before sign-off: the attendee is
 * in the room again, as though they had never left, and may leave later at a time. The leave's
 * row is kept, withdrawn (records are never deleted), in one transaction with its audit entry,
 * which keeps what it said. A decision already taken keeps who was in the room when it was
 * taken (its own presence). Refused when they have not left or the conference is signed off. */
gboolean          quorum_store_attendee_return   (QuorumStore  *self,
                                                  gint64        attendee_id,
                                                  GError      **error);

typedef struct
{
  gint64      child_id;
  gint64      attendee_id;
  QuorumView  view;
  guint       categories;
  const char *reason;
  /* The reason is what a form's field held, not necessarily given for this position (the
   * window's row): a changed position with the old one's reason word for word is then refused
   * (quorum_check_view_change). FALSE (a script's, the CLI's): given with it. */
  gboolean    reason_may_be_old;
} QuorumMemberViewSpec;

/* One representative's own position where the group's representatives cannot agree (recorded
 * again, it replaces theirs until the decision). */
gint64            quorum_store_record_member_view (QuorumStore                *self,
                                                  gint64                      conference_id,
                                                  const QuorumMemberViewSpec *spec,
                                                  GError                    **error);

/* Distinct line-management structures used in any conference, for completion. */
char            **quorum_store_list_line_managements (QuorumStore *self,
                                                  GError      **error);

typedef struct
{
  gint64      child_id;
  const char *proposal;
  const char *summary;
  const char *views;
  QuorumView  agreed;      /* PLAN / NO_PLAN: consensus reached; NONE: not */
  guint       categories;
} QuorumAttemptSpec;

gint64            quorum_store_add_attempt       (QuorumStore             *self,
                                                  gint64                   conference_id,
                                                  const QuorumAttemptSpec *spec,
                                                  GError                 **error);

typedef struct
{
  gint64      child_id;
  const char *group;
  QuorumView  view;
  guint       categories;
  const char *reason;
  gboolean    members_disagreed;
  /* The reason is what a form's field held, not necessarily given for this view (the window's
   * card): a changed view with the old view's reason word for word is then refused
   * (quorum_check_view_change). FALSE (a script's, the CLI's --reason): given with it. */
  gboolean    reason_may_be_old;
} QuorumVoteSpec;

/* Records (or, until the decision, replaces) the single view of a group, with the reason given
 * with it: a changed view never keeps the old view's reason (the audit does). */
gint64            quorum_store_record_vote       (QuorumStore          *self,
                                                  gint64                conference_id,
                                                  const QuorumVoteSpec *spec,
                                                  GError              **error);

/* Records why an inquorate conference proceeds. */
gboolean          quorum_store_proceed_inquorate (QuorumStore  *self,
                                                  gint64        conference_id,
                                                  const char   *reason,
                                                  GError      **error);

/* Applies the profile's rule (quorum_decide) and records the decision, its dissent, the plan
 * and the referral in one transaction. Returns the decision's outcome, with @plan_id and
 * @referral_id set (0 when none). */
QuorumOutcome    *quorum_store_decide            (QuorumStore  *self,
                                                  gint64        conference_id,
                                                  gint64        child_id,
                                                  QuorumView    chair_view,
                                                  guint         chair_categories,
                                                  gint64       *plan_id,
                                                  gint64       *referral_id,
                                                  GError      **error);

/* quorum_store_decide with the chair's own reasons (@reason): required for a decision the chair
 * makes without consensus under a chair-decides profile, refused with any other
 * (quorum_check_decision_reason); refused, nothing is written. */
QuorumOutcome    *quorum_store_decide_with_reason (QuorumStore  *self,
                                                   gint64        conference_id,
                                                   gint64        child_id,
                                                   QuorumView    chair_view,
                                                   guint         chair_categories,
                                                   const char   *reason,
                                                   gint64       *plan_id,
                                                   gint64       *referral_id,
                                                   GError      **error);

/* What quorum_store_decide would record now, written nowhere: the same rule on the same
 * record (a dry run), for the chair to look at before confirming. */
QuorumOutcome    *quorum_store_preview_decision  (QuorumStore  *self,
                                                  gint64        conference_id,
                                                  gint64        child_id,
                                                  QuorumView    chair_view,
                                                  guint         chair_categories,
                                                  GError      **error);
/* quorum_store_decide_with_reason, but only if the decision is still exactly @previewed (the
 * record did not change in between); else refused (QUORUM_ERROR_INVALID), nothing written. */
QuorumOutcome    *quorum_store_decide_previewed  (QuorumStore         *self,
                                                  gint64               conference_id,
                                                  gint64               child_id,
                                                  QuorumView           chair_view,
                                                  guint                chair_categories,
                                                  const char          *reason,
                                                  const QuorumOutcome *previewed,
                                                  gint64              *plan_id,
                                                  gint64              *referral_id,
                                                  GError             **error);

/* ---- drafts: words typed and not yet recorded ----
 * Kept per form (@scope, e.g. "child:7:attempt", "child:7:vote:Police", "attendee",
 * "difference:3:stage:2", "new-conference") and field, so that closing the window or a
 * crash loses nothing. Not a record: never audited; deleted once what they held is recorded.
 * @conference_id 0: a form of no conference. */
/* Keeps @text as the draft of @field; NULL or blank text deletes it. */
gboolean          quorum_store_save_draft        (QuorumStore  *self,
                                                  gint64        conference_id,
                                                  const char   *scope,
                                                  const char   *field,
                                                  const char   *text,
                                                  GError      **error);
/* The draft of @field, or NULL when there is none (then @error is not set). */
char             *quorum_store_get_draft         (QuorumStore  *self,
                                                  gint64        conference_id,
                                                  const char   *scope,
                                                  const char   *field,
                                                  GError      **error);
/* Deletes every field's draft of @scope: what they held is recorded, or was cleared. */
gboolean          quorum_store_discard_drafts    (QuorumStore  *self,
                                                  gint64        conference_id,
                                                  const char   *scope,
                                                  GError      **error);
/* A shared store whose server cannot be reached keeps the drafts written meanwhile on this
 * computer (a file under $XDG_STATE_HOME/quorum/drafts, one per database and user) and gives
 * them back from there; they go to the server when it is reached again (this call, made when
 * the connection is back; the next draft written; the store's next opening). Returns how
 * many went; @error is set when the server still cannot take them. */
guint             quorum_store_send_kept_drafts  (QuorumStore  *self,
                                                  GError      **error);
/* How many drafts are kept on this computer only, not yet on the server (0 on SQLite). */
guint             quorum_store_count_kept_drafts (QuorumStore  *self);

/* Signs off: afterwards every change to the conference is refused but amendments. */
/* Hands @conference_id to the chair whose login is @to_chair, with an optional @reason (a shared
 * database only: the server lets a Quorum administrator, or the conference's chair, do it, to a
 * login with the chair's role); the new row's id, or 0 and @error. */
gint64            quorum_store_hand_over         (QuorumStore  *self,
                                                  gint64        conference_id,
                                                  const char   *to_chair,
                                                  const char   *reason,
                                                  GError      **error);
gboolean          quorum_store_finalise          (QuorumStore  *self,
                                                  gint64        conference_id,
                                                  GError      **error);

typedef struct
{
  const char *reason;     /* required */
  const char *change;     /* what changed, in words; required unless record/field/value say it */
  const char *record;     /* "vote:12", "attendee:3", "decision:4", "conference:1", or NULL */
  const char *field;      /* the field of @record, with @new_value */
  const char *new_value;
  const char *by;         /* who amends, on a database of this computer's: NULL for the signer
                           * (quorum_store_get_signer ()); on a shared one always the signer */
  gint64      child_id;   /* an amendment in words only (no @record) about one child of the
                           * conference, or 0 for one of the whole conference: kept as its record
                           * "child:ID" with no field, so the exports put it with that child */
} QuorumAmendmentSpec;

gint64            quorum_store_amend             (QuorumStore               *self,
                                                  gint64                     conference_id,
                                                  const QuorumAmendmentSpec *spec,
                                                  GError                   **error);

/* ---- the challenge of a chair's decision (a profile's route; 002 §4.2–4.5) ---- */
typedef struct
{
  gint64       child_id;
  const char  *agency;             /* the dissenting agency */
  const char  *raised_by;          /* the dissenting professional, or NULL */
  const char  *designated_person;  /* who it was raised with */
  const char  *concern;            /* or NULL */
  GDate        raised_on;
} QuorumChallengeSpec;

/* Raises a challenge of @conference_id's decision for the child; refused under a profile
 * without the route, or for an agency that did not dissent. Allowed after sign-off. */
gint64            quorum_store_raise_challenge   (QuorumStore               *self,
                                                  gint64                     conference_id,
                                                  const QuorumChallengeSpec *spec,
                                                  GError                   **error);
/* The Designated Person alerts the Co-ordinator (the policy says immediately). */
gboolean          quorum_store_alert_challenge   (QuorumStore  *self,
                                                  gint64        challenge_id,
                                                  const char   *coordinator,
                                                  const GDate  *date,
                                                  GError      **error);
/* The Co-ordinator's decisions (QuorumChallengeDecision flags), each acting on the record in
 * the same transaction: an interim plan is a plan record; a review brought forward creates
 * the review conference on @review_date; a referral to the Head of Service is a referral. */
gboolean          quorum_store_decide_challenge  (QuorumStore  *self,
                                                  gint64        challenge_id,
                                                  const GDate  *date,
                                                  guint         decisions,
                                                  const GDate  *review_date,
                                                  const char   *reasons,
                                                  GError      **error);
/* The conference a challenge belongs to, 0 when there is none. */
gint64            quorum_store_challenge_conference (QuorumStore *self,
                                                  gint64        challenge_id,
                                                  GError      **error);

/* ---- referrals (Head of Service) ---- */
typedef enum
{
  QUORUM_REFERRAL_AWAITING_NOTIFICATION,  /* not yet sent to the Head of Service */
  QUORUM_REFERRAL_AWAITING_PANEL,         /* sent, not yet heard */
  QUORUM_REFERRAL_DECIDED,                /* the panel's outcome is recorded */
} QuorumReferralState;

typedef struct
{
  gint64             id;
  gint64             conference_id;
  gint64             child_id;
  char              *child;
  char              *chair;
  char              *profile_id;
  GDate              conference_date;
  GDate              due;
  GDate              notified;
  GDate              panel_due;
  GDate              panel_date;
  QuorumPanelOutcome outcome;
  char              *outcome_reason;
  /* Worked out by the store in SQL, as its orders, filters and counts do (one definition): */
  QuorumReferralState state;
  gboolean           overdue;      /* as of the date given to the list */
  GDate              next_due;     /* due, or panel_due once sent; unset once decided */
  /* Lateness shown, never hidden (DOMAIN: "Plans, referrals and notices over time"): */
  GDate              due_working;        /* due, or the working day before it */
  GDate              panel_due_working;  /* panel_due, or the working day before it */
  gboolean           sent_late;          /* notified after due */
  gboolean           heard_late;         /* panel_date after panel_due */
  char              *sent_by;            /* who sent it (its notice), or NULL */
  char              *sent_means;         /* how (its notice: "secure email"), or NULL when not recorded */
  /* The record's sent and heard dates on a day off (kept, and said), by the profile's calendar. */
  QuorumRegion       region;             /* the profile's calendar region */
  QuorumDayOff       sent_day_off;       /* of notified */
  QuorumDayOff       heard_day_off;      /* of panel_date */
  /* The dates and outcome as they stood on the as-of date the rows were read for (DOMAIN 4:
   * quorum_referral_as_of ()): sent, heard and decided only by then, and a value corrected
   * after it as it was before the correction. What the table shows; the fields above are the
   * record as it is now (what the forms and actions follow). */
  QuorumReferralAsOf then;
  GDate              then_panel_due_working;
  char              *then_reasons;       /* then.outcome_reason points here */
} QuorumReferralRow;

void              quorum_referral_row_free       (QuorumReferralRow *self);
/* Whether two rows say the same (every field the page shows or judges by). */
gboolean          quorum_referral_row_equal      (const QuorumReferralRow *a,
                                                  const QuorumReferralRow *b);
/* Every referral made by @as_of (today when NULL; one whose conference is later did not exist
 * then), with overdue computed as of @as_of, as it stood then (row->then, corrections made after
 * @as_of undone: quorum_referral_overdue_as_of ()): not notified and due < as_of, or notified and
 * not heard and panel_due < as_of; @overdue_only keeps those. GPtrArray of QuorumReferralRow*. */
GPtrArray        *quorum_store_list_referrals    (QuorumStore  *self,
                                                  const GDate  *as_of,
                                                  gboolean      overdue_only,
                                                  GError      **error);
QuorumReferralRow *quorum_store_get_referral     (QuorumStore  *self,
                                                  gint64        referral_id,
                                                  GError      **error);
gboolean          quorum_store_notify_referral   (QuorumStore  *self,
                                                  gint64        referral_id,
                                                  const GDate  *date,
                                                  GError      **error);
/* The same, saying who sent it (NULL: the conference's chair) and how (NULL: not recorded):
 * the referral's notice. Refused before the conference or in the future. */
gboolean          quorum_store_send_referral     (QuorumStore  *self,
                                                  gint64        referral_id,
                                                  const GDate  *date,
                                                  const char   *by,
                                                  const char   *means,
                                                  GError      **error);
gboolean          quorum_store_record_panel      (QuorumStore        *self,
                                                  gint64              referral_id,
                                                  const GDate        *date,
                                                  QuorumPanelOutcome  outcome,
                                                  const char         *reason,
                                                  GError            **error);

/* The Head of Service's page, read a page at a time (issue 14: memory that does not grow with
 * rows not on screen): which referrals, in which order, found in SQL; their rows fetched by id
 * for the rows on screen only; the tiles' numbers counted in SQL. */
typedef enum
{
  QUORUM_REFERRAL_ORDER_STATUS,          /* overdue, not sent, awaiting panel, decided; then the next deadline */
  QUORUM_REFERRAL_ORDER_CHILD,           /* the child's name, ignoring case */
  QUORUM_REFERRAL_ORDER_CONFERENCE_DATE,
  QUORUM_REFERRAL_ORDER_CHAIR,           /* the chair's name, ignoring case */
  QUORUM_REFERRAL_ORDER_DUE,
  QUORUM_REFERRAL_ORDER_NOTIFIED,
  QUORUM_REFERRAL_ORDER_PANEL_DUE,
  QUORUM_REFERRAL_ORDER_PANEL_DATE,
  QUORUM_REFERRAL_ORDER_OUTCOME,         /* none, plan confirmed, plan ended, other (then its reasons) */
  QUORUM_REFERRAL_N_ORDERS
} QuorumReferralOrder;

typedef enum
{
  QUORUM_REFERRAL_MATCH_ALL,
  QUORUM_REFERRAL_MATCH_AWAITING_NOTIFICATION,
  QUORUM_REFERRAL_MATCH_AWAITING_PANEL,
  QUORUM_REFERRAL_MATCH_OVERDUE,
  QUORUM_REFERRAL_MATCH_DECIDED,
} QuorumReferralMatch;

typedef struct
{
  GDate                as_of;       /* overdue as of this day; invalid: today */
  QuorumReferralMatch  match;
  const char          *search;      /* in the child's or the chair's name, ignoring case and accents (quorum_search_fold); NULL or blank: all */
  QuorumReferralOrder  order;       /* dates as dates, unset last; ties by id */
  gboolean             descending;  /* the whole order reversed, as a column view does */
} QuorumReferralQuery;

/* The ids of the referrals @query matches (of those made by its as-of date), in its order: a
 * GArray of gint64. */
GArray           *quorum_store_list_referral_ids (QuorumStore               *self,
                                                  const QuorumReferralQuery *query,
                                                  GError                   **error);
/* The rows of the referrals @ids (in that order; an id not found is left out), with overdue as
 * of @as_of (today when NULL), lateness and who sent each, as quorum_store_list_referrals. */
GPtrArray        *quorum_store_get_referrals     (QuorumStore  *self,
                                                  const gint64 *ids,
                                                  guint         n_ids,
                                                  const GDate  *as_of,
                                                  GError      **error);
typedef struct
{
  guint total;
  guint overdue;                 /* not sent by its due date, or not heard by the panel's */
  guint panel_overdue;           /* of those, sent and not heard */
  guint due_soon;                /* not overdue, next deadline from as-of to @due_by */
  guint awaiting_notification;
  guint awaiting_panel;
} QuorumReferralCounts;
/* The tiles' numbers, counted in SQL (count (*) … GROUP BY), of the referrals made by @as_of. */
gboolean          quorum_store_count_referrals   (QuorumStore          *self,
                                                  const GDate          *as_of,
                                                  const GDate          *due_by,
                                                  QuorumReferralCounts *out,
                                                  GError              **error);

/* ---- working days ---- */
/* A local closure day of @region (not a working day for that region's due dates). */
gint64            quorum_store_add_closure_day   (QuorumStore  *self,
                                                  QuorumRegion  region,
                                                  const GDate  *date,
                                                  const char   *name,
                                                  GError      **error);
/* The closure days of @region, in date order: a GArray of QuorumHoliday whose names the
 * array's clear function frees. */
GArray           *quorum_store_list_closure_days (QuorumStore  *self,
                                                  QuorumRegion  region,
                                                  GError      **error);
/* The working-day calendar of @region with the local closure days this database keeps. */
QuorumCalendar   *quorum_store_get_calendar      (QuorumStore  *self,
                                                  QuorumRegion  region,
                                                  GError      **error);

/* ---- integrity ---- */
/* Recomputes the audit chain and every record it covers. On tampering: FALSE with
 * QUORUM_ERROR_TAMPERED whose message names the record ("vote 12: altered after it was
 * recorded"). @n_checked: records and entries checked. */
gboolean          quorum_store_verify            (QuorumStore  *self,
                                                  guint        *n_checked,
                                                  GError      **error);

typedef struct
{
  gboolean   ok;           /* no problem found, and everything could be checked */
  guint      checked;      /* records and audit entries checked */
  char      *head;         /* the seal of the newest entry, or NULL when the log is empty */
  gboolean   seal_checked;
  GPtrArray *problems;     /* char*: tampering found, in words */
  GPtrArray *unverified;   /* char*: what could not be checked (no key) */
} QuorumVerifyReport;

void                quorum_verify_report_free  (QuorumVerifyReport *self);
/* verify, reporting everything found. @seal: also proves that the record sealed by it is
 * still this database's. NULL with @error only when the database cannot be read, or the seal
 * is not one (QUORUM_ERROR_INVALID). */
QuorumVerifyReport *quorum_store_verify_report (QuorumStore  *self,
                                               const char   *seal,
                                               GError      **error);
/* The seal of the audit log as it stands: "N-xxxxx-xxxxx-xxxxx-xxxxx", the newest entry's
 * number and the start of its hash, which covers every entry before it. */
char               *quorum_store_get_seal      (QuorumStore  *self,
                                               GError      **error);

typedef struct
{
  gint64  id;
  char   *at;
  char   *user;
  char   *action;      /* "insert", "update", "delete" */
  char   *entity;      /* table */
  gint64  entity_id;
  char   *summary;
} QuorumAuditEntry;

void              quorum_audit_entry_free        (QuorumAuditEntry *self);
/* Audit entries touching @conference_id's records (or all with 0), oldest first. */
GPtrArray        *quorum_store_list_audit        (QuorumStore  *self,
                                                  gint64        conference_id,
                                                  GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QuorumConferenceSummary, quorum_conference_summary_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (QuorumReferralRow, quorum_referral_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (QuorumAuditEntry, quorum_audit_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (QuorumVerifyReport, quorum_verify_report_free)

/* ---- live updates, roles, reachability (quorum-store-watch.c) ---- */

/* What this store's own writes change in the list of conferences is told by its signals, once
 * the transaction has committed (never for one rolled back, or refused before it began), in
 * the thread that wrote, with the conference's id:
 *   "conference-added"   (gint64 id): a conference made (the form, the review a Co-ordinator
 *                        brought forward, generated referrals);
 *   "conference-changed" (gint64 id): what the list shows of it changed (it was signed off).
 * Conferences are never deleted or renamed (an amendment is kept beside the original). What
 * other connections write comes through quorum_store_watch (). */

/* What this store's own writes change anywhere in the record, told in-process after COMMIT as
 * PostgreSQL's notifications tell it to every connection (the same channels and ids; SQLite
 * has no notifications): every window of the app shows what another window recorded.
 *   "record-changed" (const char *channel, const char *payload): "conference", "referral" or
 *                    "difference" and an id; NULL and "": anything may have changed. The
 *                    conference's id is the conference's, as PostgreSQL's; a referral's or a
 *                    difference's is the row written (for a correction, a notice or a stage,
 *                    that row's own, not its referral's or difference's as PostgreSQL sends):
 *                    listeners reload those pages whatever the id.
 *   "draft-changed"  (gint64 conference_id, const char *scope, const char *field): a draft
 *                    was written or deleted (@field NULL: every field of @scope), at once.
 * Each committed write transaction adds one to the commit serial: a view that read the record
 * at that serial or later has seen the change. */
guint64           quorum_store_get_commit_serial (QuorumStore *self);

/* Called when another writer changed the record. @channel: "conference", "referral" or
 * "difference" with the changed row's id as @payload (PostgreSQL), or NULL with an empty
 * @payload: anything may have changed (SQLite; PostgreSQL after its connection came back). */
typedef void (*QuorumStoreWatchFunc) (QuorumStore *store,
                                      const char  *channel,
                                      const char  *payload,
                                      gpointer     user_data);
/* A source id in the thread-default main context (g_source_remove it before the store
 * goes), or 0 when the record cannot be watched. PostgreSQL: LISTEN/NOTIFY; SQLite: the
 * file's data_version, read every 300 ms. */
guint             quorum_store_watch          (QuorumStore          *self,
                                               QuorumStoreWatchFunc  func,
                                               gpointer              user_data,
                                               GDestroyNotify        destroy);

typedef enum
{
  QUORUM_STORE_ROLE_CHAIR           = 1 << 0,
  QUORUM_STORE_ROLE_MINUTE_TAKER    = 1 << 1,
  QUORUM_STORE_ROLE_HEAD_OF_SERVICE = 1 << 2,
  QUORUM_STORE_ROLE_ADMIN           = 1 << 3,
  QUORUM_STORE_ROLE_ALL             = 0xf,
} QuorumStoreRoles;

/* The roles of the session's user (PostgreSQL: membership of quorum_chair,
 * quorum_minute_taker, quorum_head_of_service, quorum_admin; a superuser has all). A SQLite
 * file is one person's: every role. 0 with @error set when the server could not say. */
QuorumStoreRoles  quorum_store_get_roles      (QuorumStore  *self,
                                               GError      **error);
/* Whether the shared store's server is the connection's last failure: it could not be
 * reached, or the connection was lost (PostgreSQL only; SQLite: never). */
gboolean          quorum_store_get_unreachable (QuorumStore *self);
/* Asks the server whether it is there (PostgreSQL: SELECT 1, making the connection again
 * when it was lost); TRUE at once on SQLite. */
gboolean          quorum_store_check_reachable (QuorumStore  *self,
                                                GError      **error);
/* Whether the record is an authority's shared store (PostgreSQL) rather than a file. */
gboolean          quorum_store_is_shared      (QuorumStore  *self);
/* For a PostgreSQL location: the server's host (or socket folder), port, database and the
 * user libpq would log in as (a service file and the PG* variables applied), without
 * connecting; FALSE for a SQLite path or a location libpq cannot read. */
gboolean          quorum_store_describe_server (const char  *location,
                                                char       **host,
                                                char       **port,
                                                char       **dbname,
                                                char       **user);

G_END_DECLS
