/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-sqlite-schema.c: the SQLite schema, versioned, its migrations, and the triggers that
 * keep signed-off records and the audit log unchangeable even to a direct write. (The tables
 * the audit chain covers are listed in quorum-store-audit.c.) */

#include <string.h>
#include <glib/gi18n-lib.h>

#include "quorum-sqlite-private.h"

/* Refuses any write to @table's rows of a signed-off conference. */
#define FINALISED_GUARD(table) \
  "CREATE TRIGGER " table "_finalised_insert BEFORE INSERT ON " table " " \
  "WHEN (SELECT finalised_at FROM conference WHERE id = NEW.conference_id) IS NOT NULL " \
  "BEGIN SELECT RAISE(ABORT, 'quorum: the conference is finalised'); END;\n" \
  "CREATE TRIGGER " table "_finalised_update BEFORE UPDATE ON " table " " \
  "WHEN (SELECT finalised_at FROM conference WHERE id = OLD.conference_id) IS NOT NULL " \
  "BEGIN SELECT RAISE(ABORT, 'quorum: the conference is finalised'); END;\n"

/* Records are never deleted: a correction is an amendment. */
#define NO_DELETE(table) \
  "CREATE TRIGGER " table "_no_delete BEFORE DELETE ON " table " " \
  "BEGIN SELECT RAISE(ABORT, 'quorum: records are never deleted'); END;\n"

static const char schema_v1[] =
  "CREATE TABLE meta (\n"
  "  key   TEXT PRIMARY KEY,\n"
  "  value TEXT NOT NULL\n"
  ");\n"
  "CREATE TABLE conference (\n"
  "  id               INTEGER PRIMARY KEY,\n"
  "  kind             TEXT NOT NULL CHECK (kind IN ('initial', 'review', 'transfer-in', 'pre-birth')),\n"
  "  date             TEXT NOT NULL,\n"
  "  time             TEXT,\n"
  "  venue            TEXT,\n"
  "  chair            TEXT NOT NULL,\n"
  "  minute_taker     TEXT,\n"
  "  case_ref         TEXT,\n"
  "  profile          TEXT NOT NULL,\n"
  "  created_at       TEXT NOT NULL,\n"
  "  created_by       TEXT NOT NULL,\n"
  "  finalised_at     TEXT,\n"
  "  finalised_by     TEXT,\n"
  "  inquorate_reason TEXT\n"
  ");\n"
  "CREATE INDEX conference_date ON conference (date DESC, id DESC);\n"
  "CREATE TABLE child (\n"
  "  id            INTEGER PRIMARY KEY,\n"
  "  conference_id INTEGER NOT NULL REFERENCES conference (id),\n"
  "  position      INTEGER NOT NULL,\n"
  "  name          TEXT NOT NULL\n"
  ");\n"
  "CREATE INDEX child_conference ON child (conference_id);\n"
  "CREATE TABLE attendee (\n"
  "  id              INTEGER PRIMARY KEY,\n"
  "  conference_id   INTEGER NOT NULL REFERENCES conference (id),\n"
  "  name            TEXT NOT NULL,\n"
  "  role            TEXT,\n"
  "  agency          TEXT NOT NULL,\n"
  "  line_management TEXT NOT NULL,\n"
  "  voting          INTEGER NOT NULL CHECK (voting IN (0, 1)),\n"
  "  attendance      TEXT NOT NULL CHECK (attendance IN ('present', 'apologies', 'report-sent')),\n"
  "  recorded_at     TEXT NOT NULL\n"
  ");\n"
  "CREATE INDEX attendee_conference ON attendee (conference_id);\n"
  "CREATE TABLE attempt (\n"
  "  id            INTEGER PRIMARY KEY,\n"
  "  conference_id INTEGER NOT NULL REFERENCES conference (id),\n"
  "  child_id      INTEGER NOT NULL REFERENCES child (id),\n"
  "  round         INTEGER NOT NULL,\n"
  "  proposal      TEXT,\n"
  "  summary       TEXT NOT NULL,\n"
  "  views         TEXT,\n"
  "  agreed        TEXT NOT NULL CHECK (agreed IN ('none', 'plan', 'no-plan')),\n"
  "  categories    TEXT NOT NULL DEFAULT '',\n"
  "  recorded_at   TEXT NOT NULL,\n"
  "  recorded_by   TEXT NOT NULL,\n"
  "  UNIQUE (child_id, round)\n"
  ");\n"
  "CREATE TABLE vote (\n"
  "  id                INTEGER PRIMARY KEY,\n"
  "  conference_id     INTEGER NOT NULL REFERENCES conference (id),\n"
  "  child_id          INTEGER NOT NULL REFERENCES child (id),\n"
  "  grp               TEXT NOT NULL,\n"
  "  grp_key           TEXT NOT NULL,\n"
  "  view              TEXT NOT NULL CHECK (view IN ('plan', 'no-plan', 'decline')),\n"
  "  categories        TEXT NOT NULL DEFAULT '',\n"
  "  reason            TEXT,\n"
  "  members_disagreed INTEGER NOT NULL DEFAULT 0,\n"
  "  recorded_at       TEXT NOT NULL,\n"
  "  recorded_by       TEXT NOT NULL,\n"
  "  UNIQUE (child_id, grp_key)\n"
  ");\n"
  "CREATE TABLE decision (\n"
  "  id            INTEGER PRIMARY KEY,\n"
  "  conference_id INTEGER NOT NULL REFERENCES conference (id),\n"
  "  child_id      INTEGER NOT NULL UNIQUE REFERENCES child (id),\n"
  "  outcome       TEXT NOT NULL CHECK (outcome IN ('plan', 'no-plan')),\n"
  "  basis         TEXT NOT NULL CHECK (basis IN ('consensus', 'majority', 'split', 'chair')),\n"
  "  categories    TEXT NOT NULL DEFAULT '',\n"
  "  n_plan        INTEGER NOT NULL,\n"
  "  n_no_plan     INTEGER NOT NULL,\n"
  "  n_declined    INTEGER NOT NULL,\n"
  "  decided_at    TEXT NOT NULL,\n"
  "  decided_by    TEXT NOT NULL\n"
  ");\n"
  "CREATE TABLE dissent (\n"
  "  id              INTEGER PRIMARY KEY,\n"
  "  conference_id   INTEGER NOT NULL REFERENCES conference (id),\n"
  "  decision_id     INTEGER NOT NULL REFERENCES decision (id),\n"
  "  position        INTEGER NOT NULL,\n"
  "  grp             TEXT NOT NULL,\n"
  "  view            TEXT NOT NULL,\n"
  "  categories      TEXT NOT NULL DEFAULT '',\n"
  "  representatives TEXT NOT NULL,\n"
  "  reason          TEXT\n"
  ");\n"
  "CREATE TABLE plan (\n"
  "  id            INTEGER PRIMARY KEY,\n"
  "  conference_id INTEGER NOT NULL REFERENCES conference (id),\n"
  "  child_id      INTEGER NOT NULL UNIQUE REFERENCES child (id),\n"
  "  start         TEXT NOT NULL,\n"
  "  from_split    INTEGER NOT NULL,\n"
  "  categories    TEXT NOT NULL DEFAULT ''\n"
  ");\n"
  "CREATE TABLE referral (\n"
  "  id             INTEGER PRIMARY KEY,\n"
  "  conference_id  INTEGER NOT NULL REFERENCES conference (id),\n"
  "  child_id       INTEGER NOT NULL UNIQUE REFERENCES child (id),\n"
  "  due            TEXT NOT NULL,\n"
  "  notified       TEXT,\n"
  "  panel_due      TEXT,\n"
  "  panel_date     TEXT,\n"
  "  outcome        TEXT NOT NULL DEFAULT 'none'\n"
  "                 CHECK (outcome IN ('none', 'plan-confirmed', 'plan-ended', 'other')),\n"
  "  outcome_reason TEXT\n"
  ");\n"
  "CREATE INDEX referral_due ON referral (due);\n"
  "CREATE TABLE amendment (\n"
  "  id            INTEGER PRIMARY KEY,\n"
  "  conference_id INTEGER NOT NULL REFERENCES conference (id),\n"
  "  at            TEXT NOT NULL,\n"
  "  by            TEXT NOT NULL,\n"
  "  reason        TEXT NOT NULL,\n"
  "  change        TEXT NOT NULL,\n"
  "  record        TEXT,\n"
  "  field         TEXT,\n"
  "  old_value     TEXT,\n"
  "  new_value     TEXT\n"
  ");\n"
  "CREATE TABLE closure_day (\n"
  "  id     INTEGER PRIMARY KEY,\n"
  "  region TEXT NOT NULL,\n"
  "  date   TEXT NOT NULL,\n"
  "  name   TEXT NOT NULL,\n"
  "  UNIQUE (region, date)\n"
  ");\n"
  "CREATE TABLE audit (\n"
  "  id            INTEGER PRIMARY KEY,\n"
  "  at            TEXT NOT NULL,\n"
  "  user          TEXT NOT NULL,\n"
  "  action        TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),\n"
  "  entity        TEXT NOT NULL,\n"
  "  entity_id     INTEGER NOT NULL,\n"
  "  conference_id INTEGER,\n"
  "  summary       TEXT NOT NULL,\n"
  "  data          TEXT,\n"
  "  row_hash      TEXT,\n"
  "  prev_hash     TEXT NOT NULL,\n"
  "  hash          TEXT NOT NULL\n"
  ");\n"
  "CREATE INDEX audit_entity ON audit (entity, entity_id);\n"
  "CREATE INDEX audit_conference ON audit (conference_id);\n"
  /* The audit log is append-only. */
  "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit "
  "BEGIN SELECT RAISE(ABORT, 'quorum: the audit log is append-only'); END;\n"
  "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit "
  "BEGIN SELECT RAISE(ABORT, 'quorum: the audit log is append-only'); END;\n"
  /* A signed-off conference row itself changes no more. */
  "CREATE TRIGGER conference_finalised_update BEFORE UPDATE ON conference "
  "WHEN OLD.finalised_at IS NOT NULL "
  "BEGIN SELECT RAISE(ABORT, 'quorum: the conference is finalised'); END;\n"
  NO_DELETE ("conference")
  FINALISED_GUARD ("child") NO_DELETE ("child")
  FINALISED_GUARD ("attendee") NO_DELETE ("attendee")
  FINALISED_GUARD ("attempt") NO_DELETE ("attempt")
  FINALISED_GUARD ("vote") NO_DELETE ("vote")
  FINALISED_GUARD ("decision") NO_DELETE ("decision")
  FINALISED_GUARD ("dissent") NO_DELETE ("dissent")
  FINALISED_GUARD ("plan") NO_DELETE ("plan")
  NO_DELETE ("referral")
  NO_DELETE ("amendment")
  /* After sign-off the Head of Service still records the notification and the panel's outcome;
   * nothing else of a referral may change. */
  "CREATE TRIGGER referral_finalised_insert BEFORE INSERT ON referral "
  "WHEN (SELECT finalised_at FROM conference WHERE id = NEW.conference_id) IS NOT NULL "
  "BEGIN SELECT RAISE(ABORT, 'quorum: the conference is finalised'); END;\n"
  "CREATE TRIGGER referral_fixed_update BEFORE UPDATE OF conference_id, child_id, due ON referral "
  "WHEN (SELECT finalised_at FROM conference WHERE id = OLD.conference_id) IS NOT NULL "
  "BEGIN SELECT RAISE(ABORT, 'quorum: the conference is finalised'); END;\n"
  /* Amendments are made only to signed-off conferences. */
  "CREATE TRIGGER amendment_needs_finalised BEFORE INSERT ON amendment "
  "WHEN (SELECT finalised_at FROM conference WHERE id = NEW.conference_id) IS NULL "
  "BEGIN SELECT RAISE(ABORT, 'quorum: only a finalised conference is amended'); END;\n"
  "CREATE TRIGGER amendment_no_update BEFORE UPDATE ON amendment "
  "BEGIN SELECT RAISE(ABORT, 'quorum: amendments are never changed'); END;\n";

/* Version 2: the escalation of professional differences between agencies. A difference's
 * raising never changes; its stages and discussions are only ever added; once resolved only
 * the feedback, debrief and protocol-review follow-up may still be recorded. */
#define DATE_CHECK(col) \
  "CHECK (" col " GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')"

#define NO_UPDATE(table) \
  "CREATE TRIGGER " table "_no_update BEFORE UPDATE ON " table " " \
  "BEGIN SELECT RAISE(ABORT, 'quorum: records are never changed'); END;\n"

#define ONLY_WHILE_OPEN(table) \
  "CREATE TRIGGER " table "_resolved_insert BEFORE INSERT ON " table " " \
  "WHEN (SELECT status FROM difference WHERE id = NEW.difference_id) IS NOT 'open' " \
  "BEGIN SELECT RAISE(ABORT, 'quorum: the difference is resolved'); END;\n"

static const char schema_v2[] =
  "CREATE TABLE difference (\n"
  "  id                INTEGER PRIMARY KEY,\n"
  "  conference_id     INTEGER REFERENCES conference (id),\n"
  "  profile           TEXT NOT NULL,\n"
  "  raised_on         TEXT NOT NULL " DATE_CHECK ("raised_on") ",\n"
  "  raised_by         TEXT NOT NULL,\n"
  "  role              TEXT,\n"
  "  agency            TEXT NOT NULL,\n"
  "  against           TEXT NOT NULL,\n"
  "  against_decision  TEXT,\n"
  "  child             TEXT,\n"
  "  area              TEXT NOT NULL CHECK (area IN ('thresholds', 'referral-criteria',\n"
  "                    'assessment-outcome', 'roles-responsibilities', 'information-sharing',\n"
  "                    'communication', 'timeliness-drift', 'strategy-meeting-s47-conference',\n"
  "                    'case-closure')),\n"
  "  outcome_sought    TEXT NOT NULL,\n"
  "  immediate_risk    INTEGER NOT NULL CHECK (immediate_risk IN (0, 1)),\n"
  "  stage             INTEGER NOT NULL CHECK (stage >= 1),\n"
  "  status            TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),\n"
  "  resolved_on       TEXT " DATE_CHECK ("resolved_on") ",\n"
  "  resolved_by       TEXT,\n"
  "  outcome           TEXT,\n"
  "  challenge_outcome TEXT,\n"
  "  feedback_to       TEXT,\n"
  "  feedback_on       TEXT " DATE_CHECK ("feedback_on") ",\n"
  "  debrief           INTEGER NOT NULL DEFAULT 0 CHECK (debrief IN (0, 1)),\n"
  "  protocol_review   INTEGER NOT NULL DEFAULT 0 CHECK (protocol_review IN (0, 1)),\n"
  "  created_at        TEXT NOT NULL,\n"
  "  created_by        TEXT NOT NULL,\n"
  "  CHECK ((status = 'open') = (resolved_on IS NULL)),\n"
  "  CHECK (status = 'open' OR outcome IS NOT NULL),\n"
  "  CHECK (status = 'resolved' OR (outcome IS NULL AND challenge_outcome IS NULL AND\n"
  "         feedback_to IS NULL AND debrief = 0 AND protocol_review = 0)),\n"
  "  CHECK (feedback_on IS NULL OR feedback_to IS NOT NULL)\n"
  ");\n"
  "CREATE INDEX difference_raised ON difference (raised_on, id);\n"
  "CREATE INDEX difference_conference ON difference (conference_id);\n"
  "CREATE TABLE difference_stage (\n"
  "  id                 INTEGER PRIMARY KEY,\n"
  "  difference_id      INTEGER NOT NULL REFERENCES difference (id),\n"
  "  number             INTEGER NOT NULL CHECK (number >= 1),\n"
  "  name               TEXT NOT NULL,\n"
  "  owner              TEXT NOT NULL,\n"
  "  limit_working_days INTEGER CHECK (limit_working_days IS NULL OR limit_working_days >= 0),\n"
  "  entered_on         TEXT NOT NULL " DATE_CHECK ("entered_on") ",\n"
  "  due                TEXT " DATE_CHECK ("due") ",\n"
  "  reason             TEXT,\n"
  "  recorded_at        TEXT NOT NULL,\n"
  "  recorded_by        TEXT NOT NULL,\n"
  "  UNIQUE (difference_id, number),\n"
  "  CHECK (due IS NULL OR due >= entered_on)\n"
  ");\n"
  "CREATE TABLE difference_note (\n"
  "  id            INTEGER PRIMARY KEY,\n"
  "  difference_id INTEGER NOT NULL REFERENCES difference (id),\n"
  "  stage         INTEGER NOT NULL CHECK (stage >= 1),\n"
  "  held_on       TEXT NOT NULL " DATE_CHECK ("held_on") ",\n"
  "  participants  TEXT NOT NULL,\n"
  "  summary       TEXT NOT NULL,\n"
  "  agreed        TEXT,\n"
  "  recorded_at   TEXT NOT NULL,\n"
  "  recorded_by   TEXT NOT NULL\n"
  ");\n"
  "CREATE INDEX difference_note_difference ON difference_note (difference_id);\n"
  /* A stage's checklist as it was answered: the question is kept beside its answer. */
  "CREATE TABLE difference_answer (\n"
  "  id            INTEGER PRIMARY KEY,\n"
  "  difference_id INTEGER NOT NULL REFERENCES difference (id),\n"
  "  note_id       INTEGER NOT NULL REFERENCES difference_note (id),\n"
  "  position      INTEGER NOT NULL CHECK (position >= 1),\n"
  "  question      TEXT NOT NULL,\n"
  "  answer        TEXT NOT NULL,\n"
  "  UNIQUE (note_id, position)\n"
  ");\n"
  NO_DELETE ("difference")
  NO_DELETE ("difference_stage") NO_UPDATE ("difference_stage") ONLY_WHILE_OPEN ("difference_stage")
  NO_DELETE ("difference_note") NO_UPDATE ("difference_note") ONLY_WHILE_OPEN ("difference_note")
  NO_DELETE ("difference_answer") NO_UPDATE ("difference_answer")
  /* What was raised, by whom and against whom, is never rewritten. */
  "CREATE TRIGGER difference_raising_update BEFORE UPDATE OF id, conference_id, profile, raised_on, "
  "raised_by, role, agency, against, against_decision, child, area, outcome_sought, immediate_risk, "
  "created_at, created_by ON difference "
  "BEGIN SELECT RAISE(ABORT, 'quorum: a raised difference is never rewritten'); END;\n"
  /* A difference moves up one stage at a time, and never down. */
  "CREATE TRIGGER difference_stage_step BEFORE UPDATE OF stage ON difference "
  "WHEN NEW.stage <> OLD.stage AND NEW.stage <> OLD.stage + 1 "
  "BEGIN SELECT RAISE(ABORT, 'quorum: a difference escalates one stage at a time'); END;\n"
  /* Once resolved, the resolution stands; only the follow-up is added. */
  "CREATE TRIGGER difference_resolved_update BEFORE UPDATE OF stage, status, resolved_on, "
  "resolved_by, outcome, challenge_outcome ON difference "
  "WHEN OLD.status = 'resolved' "
  "BEGIN SELECT RAISE(ABORT, 'quorum: the difference is resolved'); END;\n"
  "CREATE TRIGGER difference_follow_up_update BEFORE UPDATE OF feedback_to, feedback_on, debrief, "
  "protocol_review ON difference "
  "WHEN OLD.status = 'resolved' AND ((OLD.feedback_to IS NOT NULL AND NEW.feedback_to IS NOT OLD.feedback_to) "
  "OR (OLD.feedback_on IS NOT NULL AND NEW.feedback_on IS NOT OLD.feedback_on) "
  "OR NEW.debrief < OLD.debrief OR NEW.protocol_review < OLD.protocol_review) "
  "BEGIN SELECT RAISE(ABORT, 'quorum: recorded follow-up is never withdrawn'); END;\n";

/* Migrations in order: a database at version N runs every entry above N, in one transaction. */
/* Lookups by conference for the tables written rarely; the busy ones (vote, attempt) are
 * reached through their per-child unique indexes, so a vote writes no extra index page. */
static const char schema_v3[] =
  "CREATE INDEX dissent_decision ON dissent (decision_id);\n"
  "CREATE INDEX amendment_conference ON amendment (conference_id);\n";

/* The policy profile is frozen with its conference: its key file as it was when the
 * conference was made. A table of its own, so no existing row changes (and no audit hash). */
static const char schema_v4[] =
  "CREATE TABLE conference_profile (\n"
  "  id            INTEGER PRIMARY KEY,\n"
  "  conference_id INTEGER NOT NULL UNIQUE REFERENCES conference (id),\n"
  "  profile       TEXT NOT NULL,\n"
  "  data          TEXT NOT NULL\n"
  ");\n"
  "CREATE TRIGGER conference_profile_no_update BEFORE UPDATE ON conference_profile "
  "BEGIN SELECT RAISE(ABORT, 'quorum: a frozen profile never changes'); END;\n"
  NO_DELETE ("conference_profile");

/* Words typed and not yet recorded (an attempt's proposal, a reason, a form), kept so that
 * closing the window or a crash loses none of them. Not part of any record: nothing is
 * audited or signed off here, and a draft is deleted once what it held is recorded.
 * conference_id 0: a draft of no conference (the new conference form, a difference's). */
static const char schema_v5[] =
  "CREATE TABLE draft (\n"
  "  conference_id INTEGER NOT NULL DEFAULT 0,\n"
  "  scope         TEXT NOT NULL,\n"
  "  field         TEXT NOT NULL,\n"
  "  text          TEXT NOT NULL,\n"
  "  updated_at    TEXT NOT NULL,\n"
  "  PRIMARY KEY (conference_id, scope, field)\n"
  ");\n";

/* Version 6: the record is true to the policy. Attendance is a timeline (arrived late, left
 * at a time) and each decision keeps who was in the room; a view superseded by a later
 * consensus attempt is kept as history; each representative's own position where a group's
 * representatives disagree; the challenge of a chair's decision (002 §4.2–4.5). New tables
 * only, so no existing row (nor its audit hash) changes. */
#define TIME_CHECK(col) \
  "CHECK (" col " GLOB '[0-2][0-9]:[0-5][0-9]')"

static const char schema_v6[] =
  "CREATE TABLE attendance_event (\n"
  "  id            INTEGER PRIMARY KEY,\n"
  "  conference_id INTEGER NOT NULL REFERENCES conference (id),\n"
  "  attendee_id   INTEGER NOT NULL REFERENCES attendee (id),\n"
  "  event         TEXT NOT NULL CHECK (event IN ('arrived', 'left')),\n"
  "  at            TEXT NOT NULL " TIME_CHECK ("at") ",\n"
  "  recorded_at   TEXT NOT NULL,\n"
  "  recorded_by   TEXT NOT NULL,\n"
  "  UNIQUE (attendee_id, event)\n"
  ");\n"
  "CREATE INDEX attendance_event_conference ON attendance_event (conference_id);\n"
  FINALISED_GUARD ("attendance_event") NO_DELETE ("attendance_event")
  "CREATE TABLE decision_presence (\n"
  "  id            INTEGER PRIMARY KEY,\n"
  "  conference_id INTEGER NOT NULL REFERENCES conference (id),\n"
  "  decision_id   INTEGER NOT NULL REFERENCES decision (id),\n"
  "  attendee_id   INTEGER NOT NULL REFERENCES attendee (id),\n"
  "  status        TEXT NOT NULL CHECK (status IN ('present', 'left')),\n"
  "  UNIQUE (decision_id, attendee_id)\n"
  ");\n"
  "CREATE INDEX decision_presence_conference ON decision_presence (conference_id);\n"
  FINALISED_GUARD ("decision_presence") NO_DELETE ("decision_presence")
  NO_UPDATE ("decision_presence")
  "CREATE TABLE member_view (\n"
  "  id            INTEGER PRIMARY KEY,\n"
  "  conference_id INTEGER NOT NULL REFERENCES conference (id),\n"
  "  child_id      INTEGER NOT NULL REFERENCES child (id),\n"
  "  attendee_id   INTEGER NOT NULL REFERENCES attendee (id),\n"
  "  grp           TEXT NOT NULL,\n"
  "  view          TEXT NOT NULL CHECK (view IN ('plan', 'no-plan')),\n"
  "  categories    TEXT NOT NULL DEFAULT '',\n"
  "  reason        TEXT,\n"
  "  recorded_at   TEXT NOT NULL,\n"
  "  recorded_by   TEXT NOT NULL,\n"
  "  UNIQUE (child_id, attendee_id)\n"
  ");\n"
  "CREATE INDEX member_view_conference ON member_view (conference_id);\n"
  FINALISED_GUARD ("member_view") NO_DELETE ("member_view")
  "CREATE TABLE superseded_view (\n"
  "  id            INTEGER PRIMARY KEY,\n"
  "  conference_id INTEGER NOT NULL REFERENCES conference (id),\n"
  "  child_id      INTEGER NOT NULL REFERENCES child (id),\n"
  "  vote_id       INTEGER NOT NULL REFERENCES vote (id),\n"
  "  attempt_id    INTEGER NOT NULL REFERENCES attempt (id),\n"
  "  grp           TEXT NOT NULL,\n"
  "  view          TEXT NOT NULL,\n"
  "  categories    TEXT NOT NULL DEFAULT '',\n"
  "  reason        TEXT,\n"
  "  given_at      TEXT NOT NULL\n"
  ");\n"
  "CREATE INDEX superseded_view_conference ON superseded_view (conference_id);\n"
  FINALISED_GUARD ("superseded_view") NO_DELETE ("superseded_view") NO_UPDATE ("superseded_view")
  "CREATE TABLE challenge (\n"
  "  id                   INTEGER PRIMARY KEY,\n"
  "  conference_id        INTEGER NOT NULL REFERENCES conference (id),\n"
  "  child_id             INTEGER NOT NULL REFERENCES child (id),\n"
  "  decision_id          INTEGER NOT NULL REFERENCES decision (id),\n"
  "  agency               TEXT NOT NULL,\n"
  "  raised_by            TEXT,\n"
  "  designated_person    TEXT NOT NULL,\n"
  "  concern              TEXT,\n"
  "  raised_on            TEXT NOT NULL " DATE_CHECK ("raised_on") ",\n"
  "  coordinator          TEXT,\n"
  "  alerted_on           TEXT " DATE_CHECK ("alerted_on") ",\n"
  "  decided_on           TEXT " DATE_CHECK ("decided_on") ",\n"
  "  decisions            TEXT NOT NULL DEFAULT '',\n"
  "  reasons              TEXT,\n"
  "  plan_id              INTEGER REFERENCES plan (id),\n"
  "  review_date          TEXT " DATE_CHECK ("review_date") ",\n"
  "  review_conference_id INTEGER REFERENCES conference (id),\n"
  "  referral_id          INTEGER REFERENCES referral (id),\n"
  "  recorded_at          TEXT NOT NULL,\n"
  "  recorded_by          TEXT NOT NULL,\n"
  "  CHECK (alerted_on IS NULL OR alerted_on >= raised_on),\n"
  "  CHECK (decided_on IS NULL OR (alerted_on IS NOT NULL AND decided_on >= alerted_on))\n"
  ");\n"
  "CREATE INDEX challenge_conference ON challenge (conference_id);\n"
  NO_DELETE ("challenge")
  /* What was raised is never rewritten; the alert and the decision are given once; what the
   * decision made (plan, review conference, referral) is linked once. */
  "CREATE TRIGGER challenge_raising_update BEFORE UPDATE OF id, conference_id, child_id, decision_id, "
  "agency, raised_by, designated_person, concern, raised_on, recorded_at, recorded_by ON challenge "
  "BEGIN SELECT RAISE(ABORT, 'quorum: a raised challenge is never rewritten'); END;\n"
  "CREATE TRIGGER challenge_alert_update BEFORE UPDATE OF coordinator, alerted_on ON challenge "
  "WHEN OLD.alerted_on IS NOT NULL "
  "BEGIN SELECT RAISE(ABORT, 'quorum: the alert is recorded once'); END;\n"
  "CREATE TRIGGER challenge_decided_update BEFORE UPDATE OF decided_on, decisions, reasons, review_date ON challenge "
  "WHEN OLD.decided_on IS NOT NULL "
  "BEGIN SELECT RAISE(ABORT, 'quorum: the Co-ordinator’s decision is recorded once'); END;\n"
  "CREATE TRIGGER challenge_made_update BEFORE UPDATE OF plan_id, review_conference_id, referral_id ON challenge "
  "WHEN (OLD.plan_id IS NOT NULL AND NEW.plan_id IS NOT OLD.plan_id) "
  "OR (OLD.review_conference_id IS NOT NULL AND NEW.review_conference_id IS NOT OLD.review_conference_id) "
  "OR (OLD.referral_id IS NOT NULL AND NEW.referral_id IS NOT OLD.referral_id) "
  "BEGIN SELECT RAISE(ABORT, 'quorum: the Co-ordinator’s decision is recorded once'); END;\n"
  /* A signed-off conference gains a plan or a referral only by a Co-ordinator's decision on a
   * challenge of it, which acts on the record. */
  "DROP TRIGGER plan_finalised_insert;\n"
  "CREATE TRIGGER plan_finalised_insert BEFORE INSERT ON plan "
  "WHEN (SELECT finalised_at FROM conference WHERE id = NEW.conference_id) IS NOT NULL "
  "AND NOT EXISTS (SELECT 1 FROM challenge WHERE child_id = NEW.child_id AND decided_on IS NOT NULL "
  "AND plan_id IS NULL AND instr(decisions, 'interim-plan') > 0) "
  "BEGIN SELECT RAISE(ABORT, 'quorum: the conference is finalised'); END;\n"
  "DROP TRIGGER referral_finalised_insert;\n"
  "CREATE TRIGGER referral_finalised_insert BEFORE INSERT ON referral "
  "WHEN (SELECT finalised_at FROM conference WHERE id = NEW.conference_id) IS NOT NULL "
  "AND NOT EXISTS (SELECT 1 FROM challenge WHERE child_id = NEW.child_id AND decided_on IS NOT NULL "
  "AND referral_id IS NULL AND instr(decisions, 'refer') > 0) "
  "BEGIN SELECT RAISE(ABORT, 'quorum: the conference is finalised'); END;\n";
/* Version 8: the audit chain keyed. Each entry's HMAC-SHA-256, with a key kept outside the
 * database, in a table of its own so that keying an existing chain changes no entry; and the
 * database's own id, which names it to the key store and in its seals. */
static const char schema_v8[] =
  "CREATE TABLE audit_mac (\n"
  "  audit_id INTEGER PRIMARY KEY REFERENCES audit (id),\n"
  "  mac      TEXT NOT NULL\n"
  ");\n"
  "CREATE TRIGGER audit_mac_no_update BEFORE UPDATE ON audit_mac "
  "BEGIN SELECT RAISE(ABORT, 'quorum: the audit log is append-only'); END;\n"
  "CREATE TRIGGER audit_mac_no_delete BEFORE DELETE ON audit_mac "
  "BEGIN SELECT RAISE(ABORT, 'quorum: the audit log is append-only'); END;\n"
  "INSERT OR IGNORE INTO meta (key, value) VALUES ('database_id', lower (hex (randomblob (16))));\n";
/* Version 9 (given 7; after main's 8): plans, referrals and notices over time, and differences as the policies say.
 * New facts are rows of new tables (no audited row changes, so no hash changes), but for
 * two things a table keeps in its definition: the areas a difference may name (the policies'
 * own, and "other"), and a branch (six-stage's stage 4 or 5) that moves more than one stage up.
 * The difference table is rebuilt with its columns in the same order, so its rows hash the same. */
/* Version 9 runs safely again on a database that already has it (a file posing as an older
 * version, the proofs' tamper suite): every object IF NOT EXISTS, the widening replaces match once. */
#define NO_DELETE_V9(table) \
  "CREATE TRIGGER IF NOT EXISTS " table "_no_delete BEFORE DELETE ON " table " " \
  "BEGIN SELECT RAISE(ABORT, 'quorum: records are never deleted'); END;\n"
#define NO_UPDATE_V9(table) \
  "CREATE TRIGGER IF NOT EXISTS " table "_no_update BEFORE UPDATE ON " table " " \
  "BEGIN SELECT RAISE(ABORT, 'quorum: records are never changed'); END;\n"

static const char schema_v9[] =
  /* A plan's life after it starts: its reviews and its end (by a later conference, or
   * by the Appeals and Split Decisions Panel's "plan ended", which stays derived from the
   * referral so that a corrected outcome corrects the plan too). */
  "CREATE TABLE IF NOT EXISTS plan_event (\n"
  "  id             INTEGER PRIMARY KEY,\n"
  "  conference_id  INTEGER NOT NULL REFERENCES conference (id),\n"
  "  plan_id        INTEGER NOT NULL REFERENCES plan (id),\n"
  "  kind           TEXT NOT NULL CHECK (kind IN ('review', 'ended')),\n"
  "  on_date        TEXT NOT NULL " DATE_CHECK ("on_date") ",\n"
  "  by_conference  INTEGER REFERENCES conference (id),\n"
  "  reason         TEXT,\n"
  "  recorded_at    TEXT NOT NULL,\n"
  "  recorded_by    TEXT NOT NULL\n"
  ");\n"
  "CREATE INDEX IF NOT EXISTS plan_event_plan ON plan_event (plan_id);\n"
  NO_DELETE_V9 ("plan_event") NO_UPDATE_V9 ("plan_event")
  /* A referral's date or outcome corrected: the old value kept beside the new, with why. */
  "CREATE TABLE IF NOT EXISTS referral_correction (\n"
  "  id             INTEGER PRIMARY KEY,\n"
  "  conference_id  INTEGER NOT NULL REFERENCES conference (id),\n"
  "  referral_id    INTEGER NOT NULL REFERENCES referral (id),\n"
  "  field          TEXT NOT NULL CHECK (field IN ('notified', 'panel_date', 'outcome')),\n"
  "  old_value      TEXT,\n"
  "  new_value      TEXT NOT NULL,\n"
  "  reason         TEXT NOT NULL,\n"
  "  recorded_at    TEXT NOT NULL,\n"
  "  recorded_by    TEXT NOT NULL\n"
  ");\n"
  "CREATE INDEX IF NOT EXISTS referral_correction_referral ON referral_correction (referral_id);\n"
  NO_DELETE_V9 ("referral_correction") NO_UPDATE_V9 ("referral_correction")
  /* A notice a policy names, as given: who told whom, of what, when, by what means. */
  "CREATE TABLE IF NOT EXISTS notice (\n"
  "  id             INTEGER PRIMARY KEY,\n"
  "  conference_id  INTEGER REFERENCES conference (id),\n"
  "  referral_id    INTEGER REFERENCES referral (id),\n"
  "  difference_id  INTEGER REFERENCES difference (id),\n"
  "  kind           TEXT NOT NULL,\n"
  "  stage          INTEGER,\n"
  "  given_on       TEXT NOT NULL " DATE_CHECK ("given_on") ",\n"
  "  given_by       TEXT NOT NULL,\n"
  "  given_to       TEXT NOT NULL,\n"
  "  about          TEXT NOT NULL,\n"
  "  means          TEXT NOT NULL,\n"
  "  recorded_at    TEXT NOT NULL,\n"
  "  recorded_by    TEXT NOT NULL,\n"
  "  CHECK ((referral_id IS NOT NULL) + (difference_id IS NOT NULL) = 1)\n"
  ");\n"
  "CREATE INDEX IF NOT EXISTS notice_referral ON notice (referral_id);\n"
  "CREATE INDEX IF NOT EXISTS notice_difference ON notice (difference_id);\n"
  NO_DELETE_V9 ("notice") NO_UPDATE_V9 ("notice")
  /* What happens to a difference beside its stages: immediate risk identified (at any stage),
   * a formal challenge lodged (004), the area in the raiser's words ("other"), and a close
   * with the disagreement remaining (001, 004). */
  "CREATE TABLE IF NOT EXISTS difference_event (\n"
  "  id             INTEGER PRIMARY KEY,\n"
  "  difference_id  INTEGER NOT NULL REFERENCES difference (id),\n"
  "  kind           TEXT NOT NULL CHECK (kind IN ('immediate-risk', 'formal-challenge', 'area-other',\n"
  "                 'disagreement-remains')),\n"
  "  stage          INTEGER NOT NULL CHECK (stage >= 1),\n"
  "  on_date        TEXT NOT NULL " DATE_CHECK ("on_date") ",\n"
  "  detail         TEXT,\n"
  "  due            TEXT " DATE_CHECK ("due") ",\n"
  "  recorded_at    TEXT NOT NULL,\n"
  "  recorded_by    TEXT NOT NULL\n"
  ");\n"
  "CREATE INDEX IF NOT EXISTS difference_event_difference ON difference_event (difference_id);\n"
  NO_DELETE_V9 ("difference_event") NO_UPDATE_V9 ("difference_event")
  /* The policies' own areas and "other": the CHECK widened in place (SQLite's documented way
   * for a change every stored row still meets), then the schema read again. */
  "PRAGMA writable_schema = ON;\n"
  "UPDATE sqlite_schema SET sql = replace(sql, '''case-closure'')', "
  "'''case-closure'', ''service-provision'', ''resources'', ''other'')') "
  "WHERE type = 'table' AND name = 'difference';\n"
  /* A stage whose clock started earlier (SEW step 3, from step 2) may be due before it opened. */
  "UPDATE sqlite_schema SET sql = replace(sql, 'CHECK (due IS NULL OR due >= entered_on)', "
  "'CHECK (due IS NULL OR length(due) = 10)') WHERE type = 'table' AND name = 'difference_stage';\n"
  "PRAGMA writable_schema = RESET;\n"
  "DROP TRIGGER IF EXISTS difference_stage_step;\n"
  /* Up, never down; past one stage only over an alternative where the profile branches
   * (six-stage 3 → 5, 4 → 6; the store checks which). */
  "CREATE TRIGGER difference_stage_step BEFORE UPDATE OF stage ON difference "
  "WHEN NEW.stage <> OLD.stage AND (NEW.stage < OLD.stage + 1 OR NEW.stage > OLD.stage + 2) "
  "BEGIN SELECT RAISE(ABORT, 'quorum: a difference escalates one stage at a time, or over an alternative'); END;\n";

/* Version 10: a leave undone ("Back in the Room", a "Left" clicked by mistake) is withdrawn, not
 * overwritten: attendance_event gains withdrawn_at and withdrawn_by, and the one-leave-per-person
 * rule holds for leaves not withdrawn only, so the person can leave again later. The table is
 * rebuilt (its UNIQUE (attendee_id, event) is part of its definition) with every column in the
 * same order and the two new ones last: a column added after a row was written is left out of
 * the row's canonical form while it is NULL (quorum-store-audit.c), so every row hashes as before.
 * A version-9 leave undone held the time 29:59 (no time of day): it is carried over withdrawn,
 * by whoever undid it, when they did (its recorded_at/by), with its time, recorder and recording
 * time restored from the audit log's latest entry for the row that had a real time; the store
 * appends an audit entry for each such row in the same transaction (docs/notes/schema10.md). */
#define PRIOR_VALUE(col) \
  "CAST (substr (p.b, instr (p.b, CAST (char (10) || '" col "=t' AS BLOB)) + length ('" col "') + 3 + " \
  "instr (substr (p.b, instr (p.b, CAST (char (10) || '" col "=t' AS BLOB)) + length ('" col "') + 3), X'3A'), " \
  "CAST (CAST (substr (p.b, instr (p.b, CAST (char (10) || '" col "=t' AS BLOB)) + length ('" col "') + 3, " \
  "instr (substr (p.b, instr (p.b, CAST (char (10) || '" col "=t' AS BLOB)) + length ('" col "') + 3), X'3A') - 1) " \
  "AS TEXT) AS INTEGER)) AS TEXT)"

static const char schema_v10[] =
  "CREATE TABLE attendance_event_v10 (\n"
  "  id            INTEGER PRIMARY KEY,\n"
  "  conference_id INTEGER NOT NULL REFERENCES conference (id),\n"
  "  attendee_id   INTEGER NOT NULL REFERENCES attendee (id),\n"
  "  event         TEXT NOT NULL CHECK (event IN ('arrived', 'left')),\n"
  "  at            TEXT NOT NULL " TIME_CHECK ("at") ",\n"
  "  recorded_at   TEXT NOT NULL,\n"
  "  recorded_by   TEXT NOT NULL,\n"
  "  withdrawn_at  TEXT,\n"
  "  withdrawn_by  TEXT,\n"
  "  CHECK (withdrawn_at IS NULL OR event = 'left'),\n"
  "  CHECK ((withdrawn_at IS NULL) = (withdrawn_by IS NULL))\n"
  ");\n"
  /* The entry before the undo: the newest for the row whose time was a real one. */
  "WITH prior AS (\n"
  "  SELECT e.id AS id, (SELECT CAST (a.data AS BLOB) FROM audit a WHERE a.entity = 'attendance_event' "
  "AND a.entity_id = e.id AND a.data IS NOT NULL AND instr (a.data, char (10) || 'at=t5:') > 0 "
  "AND instr (a.data, char (10) || 'at=t5:29:59' || char (10)) = 0 ORDER BY a.id DESC LIMIT 1) AS b\n"
  "  FROM attendance_event e WHERE e.event = 'left' AND e.at = '29:59'),\n"
  "restored AS (\n"
  "  SELECT p.id AS id, " PRIOR_VALUE ("at") " AS at, " PRIOR_VALUE ("recorded_at") " AS recorded_at, "
  PRIOR_VALUE ("recorded_by") " AS recorded_by FROM prior p WHERE p.b IS NOT NULL)\n"
  "INSERT INTO attendance_event_v10 (id, conference_id, attendee_id, event, at, recorded_at, recorded_by, "
  "withdrawn_at, withdrawn_by)\n"
  "  SELECT e.id, e.conference_id, e.attendee_id, e.event,\n"
  "         CASE WHEN r.at GLOB '[0-2][0-9]:[0-5][0-9]' AND r.at <> '29:59' THEN r.at ELSE e.at END,\n"
  "         CASE WHEN r.at GLOB '[0-2][0-9]:[0-5][0-9]' AND r.at <> '29:59' AND length (r.recorded_at) > 0 "
  "THEN r.recorded_at ELSE e.recorded_at END,\n"
  "         CASE WHEN r.at GLOB '[0-2][0-9]:[0-5][0-9]' AND r.at <> '29:59' AND length (r.recorded_by) > 0 "
  "THEN r.recorded_by ELSE e.recorded_by END,\n"
  "         CASE WHEN e.event = 'left' AND e.at = '29:59' THEN e.recorded_at END,\n"
  "         CASE WHEN e.event = 'left' AND e.at = '29:59' THEN e.recorded_by END\n"
  "  FROM attendance_event e LEFT JOIN restored r ON r.id = e.id ORDER BY e.id;\n"
  "DROP TABLE attendance_event;\n"
  "ALTER TABLE attendance_event_v10 RENAME TO attendance_event;\n"
  "CREATE INDEX attendance_event_conference ON attendance_event (conference_id);\n"
  /* One arrival a person; one leave a person that stands (a withdrawn one does not count). */
  "CREATE UNIQUE INDEX attendance_event_arrived_once ON attendance_event (attendee_id) WHERE event = 'arrived';\n"
  "CREATE UNIQUE INDEX attendance_event_left_once ON attendance_event (attendee_id) "
  "WHERE event = 'left' AND withdrawn_at IS NULL;\n"
  FINALISED_GUARD ("attendance_event") NO_DELETE ("attendance_event")
  /* Before sign-off, a row changes only by its withdrawal: a leave, once, nothing else. */
  "CREATE TRIGGER attendance_event_withdraw_only BEFORE UPDATE ON attendance_event "
  "WHEN NEW.id IS NOT OLD.id OR NEW.conference_id IS NOT OLD.conference_id "
  "OR NEW.attendee_id IS NOT OLD.attendee_id OR NEW.event IS NOT OLD.event OR NEW.at IS NOT OLD.at "
  "OR NEW.recorded_at IS NOT OLD.recorded_at OR NEW.recorded_by IS NOT OLD.recorded_by "
  "OR OLD.event <> 'left' OR OLD.withdrawn_at IS NOT NULL OR NEW.withdrawn_at IS NULL "
  "OR NEW.withdrawn_by IS NULL OR NEW.withdrawn_by = '' "
  "BEGIN SELECT RAISE(ABORT, 'quorum: an attendance event is only ever withdrawn, once, and only a leave'); END;\n";

/* 11: the chair's own reasons for a decision the chair makes without consensus (002 §4.1).
 * NULL on every other decision, and on a chair's decision recorded before version 11 (left out
 * of the row's audited form while NULL: quorum-store-audit.c, late_columns). A decision changes
 * no more after sign-off (decision_finalised_update, as before): a correction is an amendment. */
static const char schema_v11[] =
  "ALTER TABLE decision ADD COLUMN reason TEXT;\n";

/* 12: nothing on SQLite. PostgreSQL's 12 makes the server refuse a record written without its
 * audit entry, or naming someone other than its writer (docs/notes/pgactor.md): a server's
 * people each log in as themselves, and any client can reach its tables. A SQLite file has one
 * writer, who holds the whole file, so a trigger could not stop them; its audit chain, keyed
 * outside the file, and verify are what find a change made by hand. The version moves so that
 * both backends stay at the same number (`migrate` copies only between equal versions). */
static const char schema_v12[] =
  "";

/* 13: PostgreSQL's 13 makes a conference its chair's, enforced by the server, with a hand-over
 * to another chair (docs/notes/chairown.md). A SQLite file has one chair, who holds it: nothing
 * is handed over and nothing changes in what it records. The table of hand-overs is made all the
 * same, empty and append-only, so that both backends keep one schema (verify's check, `migrate`,
 * the store's reading of a conference). */
static const char schema_v13[] =
  /* IF NOT EXISTS: a file posing as an older version (the proofs' tamper suite) may have it. */
  "CREATE TABLE IF NOT EXISTS conference_handover (\n"
  "  id            INTEGER PRIMARY KEY,\n"
  "  conference_id INTEGER NOT NULL REFERENCES conference (id),\n"
  "  from_chair    TEXT NOT NULL,\n"
  "  to_chair      TEXT NOT NULL,\n"
  "  reason        TEXT,\n"
  "  recorded_at   TEXT NOT NULL,\n"
  "  recorded_by   TEXT NOT NULL\n"
  ");\n"
  "CREATE INDEX IF NOT EXISTS conference_handover_conference ON conference_handover (conference_id);\n"
  NO_DELETE_V9 ("conference_handover") NO_UPDATE_V9 ("conference_handover");

const QuorumMigration _quorum_store_migrations[] = {
  { 1, schema_v1 },
  { 2, schema_v2 },
  { 3, schema_v3 },
  { 4, schema_v4 },
  { 5, schema_v5 },
  { 6, schema_v6 },
  { 8, schema_v8 },
  { 9, schema_v9 },
  { 10, schema_v10 },
  { 11, schema_v11 },
  { 12, schema_v12 },
  { 13, schema_v13 },
};
const guint _quorum_store_n_migrations = G_N_ELEMENTS (_quorum_store_migrations);

int
_quorum_store_keyed_since (void)
{
  /* Found by what it does, so renumbering the migrations cannot leave it behind. */
  for (guint i = 0; i < _quorum_store_n_migrations; i++)
    if (strstr (_quorum_store_migrations[i].sql, "CREATE TABLE audit_mac") != NULL)
      return _quorum_store_migrations[i].version;
  g_assert_not_reached ();
  return 0;
}

static int
get_user_version (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

static gboolean
exec_or_fail (sqlite3     *db,
              const char  *sql,
              GError     **error)
{
  char *msg = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &msg) != SQLITE_OK)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                   _("Could not upgrade the database: %s"), msg ? msg : sqlite3_errmsg (db));
      sqlite3_free (msg);
      return FALSE;
    }
  return TRUE;
}

static gboolean
has_column (sqlite3    *db,
            const char *table,
            const char *column)
{
  sqlite3_stmt *stmt = NULL;
  gboolean has = FALSE;

  if (sqlite3_prepare_v2 (db, "SELECT 1 FROM pragma_table_info (?) WHERE name = ?", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC) == SQLITE_OK &&
      sqlite3_bind_text (stmt, 2, column, -1, SQLITE_STATIC) == SQLITE_OK)
    has = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);
  return has;
}

/* Migration 10 run without a store (no key to write audit entries with) on a database that had
 * leaves undone: refused, so that no row changes without its entry. */
static gboolean
no_carried_leaves (sqlite3  *db,
                   GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  if (sqlite3_prepare_v2 (db, "SELECT count (*) FROM attendance_event WHERE withdrawn_at IS NOT NULL",
                          -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (n == 0)
    return TRUE;
  g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                       "migration 10 carries leaves undone over and needs the store to audit them");
  return FALSE;
}

gboolean
_quorum_store_migrate (sqlite3  *db,
                       int       target_version,
                       GError  **error)
{
  return _quorum_store_migrate_with (db, target_version, NULL, NULL, error);
}

gboolean
_quorum_store_migrate_with (sqlite3             *db,
                            int                  target_version,
                            QuorumMigrationStep  step,
                            gpointer             data,
                            GError             **error)
{
  int version;
  int latest = _quorum_store_migrations[_quorum_store_n_migrations - 1].version;

  if (target_version <= 0)
    target_version = latest;

  version = get_user_version (db);
  if (version < 0)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                   _("Could not read the database: %s"), sqlite3_errmsg (db));
      return FALSE;
    }
  if (version > latest)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                   _("This database was made by a newer Quorum (schema %d; this one knows %d)"),
                   version, latest);
      return FALSE;
    }
  if (version >= target_version)
    return TRUE;

  if (!exec_or_fail (db, "BEGIN IMMEDIATE", error))
    return FALSE;

  /* Another process (the app beside the CLI) may have upgraded it while we waited for the lock. */
  version = get_user_version (db);
  if (version >= target_version)
    return exec_or_fail (db, "COMMIT", error);

  for (guint i = 0; i < _quorum_store_n_migrations; i++)
    {
      const QuorumMigration *m = &_quorum_store_migrations[i];
      g_autofree char *bump = NULL;

      if (m->version <= version || m->version > target_version)
        continue;

      bump = g_strdup_printf ("PRAGMA user_version = %d", m->version);
      /* A file posing as an older version (the proofs' tamper suite) that already has 10's
       * columns: 10 rebuilt it already, and running it again would carry nothing over; nor
       * can 11 add its column twice. */
      if ((m->version == 10 && has_column (db, "attendance_event", "withdrawn_at")) ||
          (m->version == 11 && has_column (db, "decision", "reason")))
        {
          if (!exec_or_fail (db, bump, error))
            {
              sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
              return FALSE;
            }
          continue;
        }
      if (!exec_or_fail (db, m->sql, error) ||
          (step != NULL && !step (m->version, data, error)) ||
          (step == NULL && m->version == 10 && !no_carried_leaves (db, error)) ||
          !exec_or_fail (db, bump, error))
        {
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
    }

  /* Marks the file as Quorum's: any other SQLite file is refused at open. */
  if (!exec_or_fail (db, "PRAGMA application_id = " G_STRINGIFY (QUORUM_APPLICATION_ID), error))
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  if (!exec_or_fail (db, "COMMIT", error))
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

static GHashTable *
read_schema (sqlite3     *db,
             const char  *schema_name,
             GError     **error)
{
  g_autoptr(GHashTable) objects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  /* quote (): a type, name or SQL stored as a BLOB rather than text is another schema (SQLite
   * skips a "trigger" whose type is a BLOB): it must not compare equal as text. */
  g_autofree char *sql = g_strdup_printf ("SELECT quote (type), quote (name), quote (tbl_name) || ' ' || quote (sql) "
                                          "FROM \"%s\".sqlite_master", schema_name);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                   _("The database's schema could not be read: %s"), sqlite3_errmsg (db));
      sqlite3_finalize (stmt);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *type = (const char *)sqlite3_column_text (stmt, 0);
      const char *name = (const char *)sqlite3_column_text (stmt, 1);
      const char *text = (const char *)sqlite3_column_text (stmt, 2);

      g_hash_table_insert (objects, g_strdup_printf ("%s %s", type, name), g_strdup (text ? text : ""));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                   _("The database's schema could not be read: %s"), sqlite3_errmsg (db));
      return NULL;
    }
  return g_steal_pointer (&objects);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

gboolean
_quorum_store_check_schema (sqlite3    *db,
                            GPtrArray  *problems,
                            GError    **error)
{
  g_autoptr(GHashTable) expected = NULL;
  g_autoptr(GHashTable) actual = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  sqlite3 *fresh = NULL;
  GHashTableIter iter;
  gpointer key, value;
  guint before = problems->len;

  /* What this version expects is what its migrations make of an empty database: a migration
   * added by anyone is covered without a list to keep. */
  if (sqlite3_open_v2 (":memory:", &fresh, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_MEMORY, NULL) != SQLITE_OK ||
      !_quorum_store_migrate (fresh, 0, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE, sqlite3_errmsg (fresh));
      sqlite3_close (fresh);
      return FALSE;
    }
  expected = read_schema (fresh, "main", error);
  sqlite3_close (fresh);
  if (expected == NULL || (actual = read_schema (db, "main", error)) == NULL)
    return FALSE;

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (names, key);
  g_hash_table_iter_init (&iter, actual);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (expected, key))
      g_ptr_array_add (names, key);
  g_ptr_array_sort (names, compare_strings);

  for (guint i = 0; i < names->len; i++)
    {
      const char *object = names->pdata[i];
      const char *want = g_hash_table_lookup (expected, object);
      const char *have = g_hash_table_lookup (actual, object);
      /* "'trigger' 'vote_no_delete'" reads as: trigger vote_no_delete. */
      g_autofree char *name = g_strdup (object);
      char *w = name;

      for (const char *r = object; *r != '\0'; r++)
        if (*r != '\'')
          *w++ = *r;
      *w = '\0';

      if (have == NULL)
        g_ptr_array_add (problems, g_strdup_printf (_("Schema: %s is missing (removed outside Quorum)"), name));
      else if (want == NULL)
        g_ptr_array_add (problems, g_strdup_printf (_("Schema: %s is not Quorum's (added outside Quorum)"), name));
      else if (g_strcmp0 (want, have) != 0)
        g_ptr_array_add (problems, g_strdup_printf (_("Schema: %s differs from what this version of Quorum makes"), name));
    }
  (void) value;
  return problems->len == before;
}
