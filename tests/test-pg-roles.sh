#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# test-pg-roles.sh: the server itself enforces who may do what (issue 12, "people and roles"),
# whatever client is used: here psql, logged in as a person in each role. A minute-taker reads
# but cannot vote; only a Head of Service records the notification and panel outcome; nobody
# UPDATEs or DELETEs the audit log or a signed-off record, a superuser and the tables' owner
# included. Run under build-aux/pg-cluster run (PGHOST… and QUORUM_PG set).
set -u
: "${QUORUM_PG:?run under build-aux/pg-cluster run}"
cli=${QUORUM_CLI:?}
# The administrator's commands, as CLI.md names them.
tool () {
  case "$1" in
    init) "$cli" admin init --db "$2" >/dev/null ;;
    grant) "$cli" admin grant "$3" "$4" --db "$2" >/dev/null ;;
  esac
}
# verify's schema part as USER's conninfo: the "Schema: …" problems, one a line; its exit status.
schema_check () {
  local json status
  json=$("$cli" --json verify --db "$1" 2>/dev/null); status=$?
  printf '%s' "$json" | python3 -c 'import json,sys; [print(p) for p in json.load(sys.stdin)["problems"] if p.startswith("Schema:")]'
  return $status
}
n=0
failed=0

ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }

# psql as USER: the SQL's output on stdout; errors with their SQLSTATE ("ERROR:  42501: …").
as () {
  local user=$1; shift
  psql -X -q -At -v ON_ERROR_STOP=1 -v VERBOSITY=verbose -U "$user" -c "$*" 2>&1
}
allows () {  # USER WHAT SQL
  local out
  if out=$(as "$1" "$3"); then ok "$1 may $2"; else not_ok "$1 may $2: $out"; fi
}
refuses () {  # USER SQLSTATE WHAT SQL
  local out
  if out=$(as "$1" "$4"); then
    not_ok "$1 may not $3 (the server allowed it)"
  elif echo "$out" | grep -q "ERROR:  $2"; then
    ok "$1 may not $3 (the server: $2 $(echo "$out" | sed -n "s/^ERROR:  $2: //p" | head -n 1))"
  else
    not_ok "$1 may not $3: refused, but not with $2: $out"
  fi
}
value () { as postgres "$1"; }
check () {  # WHAT ACTUAL EXPECTED
  if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1: got '$2', expected '$3'"; fi
}

# admin init: roles and schema, by a superuser; again is harmless; anyone else is refused.
if tool init "$QUORUM_PG"; then ok "admin init makes the roles and the schema"; else not_ok "admin init"; fi
if tool init "$QUORUM_PG"; then ok "admin init again changes nothing and succeeds"; else not_ok "admin init again"; fi
check "the schema is at version 13" "$(value "SELECT max(version) FROM schema_migration")" 13
check "the four roles and the owner exist, none can log in" \
  "$(value "SELECT string_agg(rolname || ':' || rolcanlogin, ',' ORDER BY rolname) FROM pg_roles WHERE rolname LIKE 'quorum\_%'")" \
  "quorum_admin:false,quorum_chair:false,quorum_head_of_service:false,quorum_minute_taker:false,quorum_owner:false"
check "every table is owned by quorum_owner" \
  "$(value "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner <> 'quorum_owner'")" 0
check "the audit log refuses changes by trigger too (the same triggers as SQLite's: test-pg-driver)" \
  "$(value "SELECT string_agg(tgname, ',' ORDER BY tgname) FROM pg_trigger WHERE tgrelid = 'audit'::regclass AND NOT tgisinternal")" \
  "audit_continues,audit_keyed,audit_no_delete,audit_no_truncate,audit_no_update"
out=$(schema_check "$QUORUM_PG" 2>&1); status=$?
if [ -z "$out" ]; then ok "verify's schema check finds this version's triggers and functions, in force"
else not_ok "schema check after admin init: exit $status: $out"; fi
value "CREATE ROLE plain LOGIN" >/dev/null
out=$(tool init "$QUORUM_PG user=plain" 2>&1); status=$?
if [ $status -eq 2 ] && echo "$out" | grep -q superuser; then ok "admin init by a non-superuser is refused (exit 2): $out"
else not_ok "admin init by a non-superuser: exit $status: $out"; fi

# admin grant: a superuser, then an administrator; a chair cannot; a bad role is exit 2.
for pair in alice:chair mina:minute-taker hos:head-of-service adam:admin; do
  if tool grant "$QUORUM_PG" "${pair%%:*}" "${pair#*:}"; then ok "admin grant ${pair%%:*} ${pair#*:}"
  else not_ok "admin grant ${pair%%:*} ${pair#*:}"; fi
done
if tool grant "$QUORUM_PG user=adam" bob chair; then ok "an administrator grants bob chair"
else not_ok "an administrator grants bob chair"; fi
check "bob logs in as a chair" "$(as bob "SELECT pg_has_role('bob', 'quorum_chair', 'MEMBER')")" t
out=$(tool grant "$QUORUM_PG user=alice" eve admin 2>&1); status=$?
if [ $status -ne 0 ] && echo "$out" | grep -q "permission denied"; then ok "a chair cannot grant roles: $out"
else not_ok "a chair granted a role: exit $status: $out"; fi
out=$(tool grant "$QUORUM_PG" eve boss 2>&1); status=$?
if [ $status -eq 2 ]; then ok "admin grant of no such role: exit 2: $out"; else not_ok "admin grant eve boss: exit $status"; fi
out=$(as adam "SELECT quorum_grant_role('eve', 'owner')"); status=$?
if [ $status -ne 0 ] && echo "$out" | grep -q "not a role"; then ok "quorum_grant_role gives only the four roles"
else not_ok "quorum_grant_role gave another role: $out"; fi
check "eve was never made" "$(value "SELECT count(*) FROM pg_roles WHERE rolname = 'eve'")" 0
# A name that is no account ("x; drop", a space) is refused, nothing made (trial 5, D6); a new
# login is said to be new, in the text and in --json's "created".
for bad in 'x; drop' 'ann smith' "o'brien"; do
  out=$("$cli" admin grant "$bad" chair --db "$QUORUM_PG" 2>&1); status=$?
  if [ $status -eq 2 ] && echo "$out" | grep -q "not a login name"; then ok "admin grant '$bad': refused, exit 2"
  else not_ok "admin grant '$bad': exit $status: $out"; fi
done
check "no login made for the refused names" \
  "$(value "SELECT count(*) FROM pg_roles WHERE rolname IN ('x; drop', 'ann smith', 'o''brien')")" 0
out=$("$cli" admin grant a.khan@COUNCIL.GOV.UK chair --db "$QUORUM_PG" 2>&1)
if echo "$out" | grep -q "was not a login on this server: it was created"; then ok "a new login is said to be new"
else not_ok "a new login: $out"; fi
check "admin grant --json: an existing login, created false" \
  "$("$cli" --json admin grant a.khan@COUNCIL.GOV.UK minute-taker --db "$QUORUM_PG" | python3 -c 'import json,sys; print(json.load(sys.stdin)["created"])')" False

# One audit entry in the caller's own name, continuing the chain.
audit_sql () {  # ENTITY [USER]
  echo "INSERT INTO audit (id, at, \"user\", action, entity, entity_id, summary, prev_hash, hash)
        SELECT coalesce(max(id), 0) + 1, 'now', ${2:-session_user}, 'insert', '$1', 1, 'test',
               coalesce((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), repeat('0', 64)),
               md5(random()::text) FROM audit"
}

# Each row of the record written by hand goes with its audit entry, in the same transaction, in
# the writer's own name (schema 12: the server refuses it otherwise; test-pg-actor).
aud () {  # TABLE ID-SQL [ACTION]
  echo "SELECT quorum_audit_write ('${3:-insert}', '$1', ($2), 'by psql');"
}

# A chair records a conference, its attendance, votes, a split decision, the plan and the referral.
allows alice "create a conference" "INSERT INTO conference (kind, date, chair, profile, created_at, created_by)
  VALUES ('initial', '2026-11-20', 'A. Chair', 'bolton', 'now', session_user);
  $(aud conference "SELECT max(id) FROM conference")"
conf=$(value "SELECT max(id) FROM conference")
allows alice "add a child and attendees" "
  INSERT INTO child (conference_id, position, name) VALUES ($conf, 1, 'Sam');
  INSERT INTO attendee (conference_id, name, agency, line_management, voting, attendance, recorded_at)
    VALUES ($conf, 'P. Constable', 'Police', 'Police', 1, 'present', 'now');
  $(aud child "SELECT max(id) FROM child") $(aud attendee "SELECT max(id) FROM attendee")"
child=$(value "SELECT max(id) FROM child")
allows alice "record attendance, a vote and a decision" "
  INSERT INTO attendance_event (conference_id, attendee_id, event, at, recorded_at, recorded_by)
    SELECT $conf, max(id), 'arrived', '10:05', 'now', session_user FROM attendee;
  $(aud attendance_event "SELECT max(id) FROM attendance_event")
  INSERT INTO vote (conference_id, child_id, grp, grp_key, view, recorded_at, recorded_by)
    VALUES ($conf, $child, 'Police', 'police', 'plan', 'now', session_user);
  $(aud vote "SELECT max(id) FROM vote")
  UPDATE vote SET view = 'no-plan' WHERE child_id = $child;
  $(aud vote "SELECT max(id) FROM vote" update)
  INSERT INTO decision (conference_id, child_id, outcome, basis, n_plan, n_no_plan, n_declined, decided_at, decided_by)
    VALUES ($conf, $child, 'plan', 'split', 1, 1, 0, 'now', session_user);
  INSERT INTO plan (conference_id, child_id, start, from_split) VALUES ($conf, $child, '2026-11-20', 1);
  INSERT INTO referral (conference_id, child_id, due) VALUES ($conf, $child, '2026-11-27');
  $(aud decision "SELECT max(id) FROM decision") $(aud plan "SELECT max(id) FROM plan") $(aud referral "SELECT max(id) FROM referral")"
# Schema 10: a leave undone is withdrawn (withdrawn_at, withdrawn_by); nothing else of an
# attendance row changes, by the chair's grants (those two columns) and by the trigger.
allows alice "record a leave" "INSERT INTO attendance_event (conference_id, attendee_id, event, at, recorded_at, recorded_by)
  SELECT $conf, max(id), 'left', '10:40', 'now', session_user FROM attendee;
  $(aud attendance_event "SELECT max(id) FROM attendance_event")"
leave=$(value "SELECT max(id) FROM attendance_event")
refuses mina 42501 "(a minute-taker) withdraw a leave" \
  "UPDATE attendance_event SET withdrawn_at = 'now', withdrawn_by = session_user WHERE id = $leave"
refuses alice 42501 "(a chair) rewrite a leave's time" "UPDATE attendance_event SET at = '29:59' WHERE id = $leave"
refuses postgres QR001 "(a superuser) rewrite a leave's time (the trigger)" "UPDATE attendance_event SET at = '11:00' WHERE id = $leave"
allows alice "withdraw the leave (Back in the Room)" \
  "UPDATE attendance_event SET withdrawn_at = 'now', withdrawn_by = session_user WHERE id = $leave;
  $(aud attendance_event $leave update)"
refuses alice QR001 "withdraw it twice" "UPDATE attendance_event SET withdrawn_at = 'later', withdrawn_by = session_user WHERE id = $leave"
allows alice "leave again, for real (one leave that stands)" "INSERT INTO attendance_event (conference_id, attendee_id, event, at, recorded_at, recorded_by)
  SELECT $conf, max(id), 'left', '11:00', 'now', session_user FROM attendee;
  $(aud attendance_event "SELECT max(id) FROM attendance_event")"
refuses alice 23505 "a second leave that stands" "INSERT INTO attendance_event (conference_id, attendee_id, event, at, recorded_at, recorded_by)
  SELECT $conf, max(id), 'left', '11:30', 'now', session_user FROM attendee"
refuses alice QR001 "withdraw an arrival" "UPDATE attendance_event SET withdrawn_at = 'now', withdrawn_by = session_user
  WHERE event = 'arrived'"
allows alice "append to the audit log in her own name" "$(audit_sql vote)"
refuses alice 42501 "append to the audit log in another's name (row-level security)" "$(audit_sql vote "'hos'")"
refuses alice 42501 "move the database's id (row-level security on meta)" \
  "INSERT INTO meta (key, value) VALUES ('database_id_2', 'x')"
refuses alice 42501 "move the audit chain's head (the server moves it: docs/notes/pgkey.md)" \
  "INSERT INTO meta (key, value) VALUES ('audit_head', '1:x') ON CONFLICT (key) DO UPDATE SET value = excluded.value"
allows alice "keep a draft, and clear it" "INSERT INTO draft (conference_id, scope, field, text, updated_at)
  VALUES ($conf, 'vote', 'reason', 'half a thought', 'now'); DELETE FROM draft WHERE conference_id = $conf"
ref=$(value "SELECT max(id) FROM referral")

# Drafts are one person's: two chairs typing in the same field of the same conference each keep
# their own words (the store's SQL unchanged: "draft" is found first in each person's own schema).
draft_sql () { echo "INSERT INTO draft (conference_id, scope, field, text, updated_at) VALUES ($conf, 'vote', 'reason', '$1', 'now')
  ON CONFLICT (conference_id, scope, field) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at"; }
allows alice "keep a draft of a reason" "$(draft_sql 'Alice half sentence')"
allows bob "keep a draft of the same field" "$(draft_sql 'Bob words')"
check "alice gets her own words back" "$(as alice "SELECT text FROM draft WHERE conference_id = $conf AND scope = 'vote' AND field = 'reason'")" "Alice half sentence"
check "bob gets his" "$(as bob "SELECT text FROM draft WHERE conference_id = $conf AND scope = 'vote' AND field = 'reason'")" "Bob words"
refuses bob 42501 "read alice's drafts" "SELECT text FROM quorum_drafts_alice.draft"

# A minute-taker reads and exports, and writes nothing.
check "a minute-taker reads the conference" "$(as mina "SELECT chair FROM conference WHERE id = $conf")" "A. Chair"
check "a minute-taker reads the audit log (to verify)" "$(as mina "SELECT count(*) > 0 FROM audit")" t
refuses mina 42501 "vote" "INSERT INTO vote (conference_id, child_id, grp, grp_key, view, recorded_at, recorded_by)
  VALUES ($conf, $child, 'Health', 'health', 'plan', 'now', session_user)"
refuses mina 42501 "decide" "UPDATE decision SET outcome = 'no-plan' WHERE child_id = $child"
refuses mina 42501 "change a conference" "UPDATE conference SET venue = 'elsewhere' WHERE id = $conf"
refuses mina 42501 "append to the audit log" "$(audit_sql vote)"

# Only a Head of Service records the notification and the panel's outcome.
refuses alice 42501 "record a referral's panel outcome" \
  "UPDATE referral SET outcome = 'plan-ended', panel_date = '2026-12-20' WHERE id = $ref"
refuses alice 42501 "record a referral's notification" "UPDATE referral SET notified = '2026-11-21' WHERE id = $ref"
refuses mina 42501 "record a referral's panel outcome" "UPDATE referral SET outcome = 'other' WHERE id = $ref"
refuses hos 42501 "vote" "INSERT INTO vote (conference_id, child_id, grp, grp_key, view, recorded_at, recorded_by)
  VALUES ($conf, $child, 'Health', 'health', 'plan', 'now', session_user)"
refuses hos 42501 "change a referral's due date" "UPDATE referral SET due = '2027-01-01' WHERE id = $ref"

# Sign-off: the chair finalises; the record then changes for nobody.
allows alice "sign the conference off" "UPDATE conference SET finalised_at = 'now', finalised_by = session_user WHERE id = $conf;
  $(aud conference $conf update)"
allows hos "record the notification after sign-off" \
  "UPDATE referral SET notified = '2026-11-21', panel_due = '2026-12-19' WHERE id = $ref; $(aud referral $ref update)"
allows hos "record the panel's outcome" \
  "UPDATE referral SET panel_date = '2026-12-18', outcome = 'plan-confirmed' WHERE id = $ref; $(aud referral $ref update)"
refuses hos 42501 "overwrite the panel's outcome with no audit entry (schema 12)" \
  "UPDATE referral SET outcome = 'plan-ended' WHERE id = $ref"
check "the referral holds what the Head of Service recorded" \
  "$(value "SELECT notified || ' ' || outcome FROM referral WHERE id = $ref")" "2026-11-21 plan-confirmed"
refuses alice QR001 "change a signed-off decision" "UPDATE decision SET outcome = 'no-plan' WHERE child_id = $child"
refuses alice QR001 "change a signed-off vote" "UPDATE vote SET view = 'plan' WHERE child_id = $child"
refuses alice QR001 "add a vote to a signed-off conference" \
  "INSERT INTO vote (conference_id, child_id, grp, grp_key, view, recorded_at, recorded_by)
   VALUES ($conf, $child, 'Health', 'health', 'plan', 'now', session_user)"
refuses alice QR001 "reopen a signed-off conference" "UPDATE conference SET finalised_at = NULL WHERE id = $conf"
refuses alice 42501 "delete a signed-off decision" "DELETE FROM decision WHERE child_id = $child"
refuses bob QR001 "(another chair) change a signed-off decision" "UPDATE decision SET basis = 'chair' WHERE child_id = $child"
refuses postgres QR001 "(a superuser) change a signed-off decision" "UPDATE decision SET outcome = 'no-plan' WHERE child_id = $child"
refuses postgres QR001 "(a superuser) delete a signed-off decision" "DELETE FROM decision WHERE child_id = $child"
refuses postgres QR001 "(a superuser) truncate the decisions" "TRUNCATE decision CASCADE"
refuses postgres 42501 "(as the tables' owner) delete a signed-off decision" \
  "SET ROLE quorum_owner; DELETE FROM decision WHERE child_id = $child"

# The audit log: nobody updates or deletes it.
entries=$(value "SELECT count(*) FROM audit")
for who in alice mina hos adam bob; do
  refuses $who 42501 "update the audit log" "UPDATE audit SET summary = 'rewritten'"
  refuses $who 42501 "delete from the audit log" "DELETE FROM audit"
done
refuses postgres QR001 "(a superuser) update the audit log" "UPDATE audit SET summary = 'rewritten'"
refuses postgres QR001 "(a superuser) delete from the audit log" "DELETE FROM audit"
refuses postgres 42501 "(as the tables' owner) update the audit log" "SET ROLE quorum_owner; UPDATE audit SET summary = 'x'"
refuses postgres 42501 "(as the tables' owner) delete from the audit log" "SET ROLE quorum_owner; DELETE FROM audit"
refuses postgres 42501 "(as the tables' owner) truncate the audit log" "SET ROLE quorum_owner; TRUNCATE audit CASCADE"
refuses alice 42501 "log in as the tables' owner" "SET ROLE quorum_owner"
check "the audit log is whole" "$(value "SELECT count(*) FROM audit")" "$entries"

# verify reads the schema as any role, a minute-taker included; a superuser's weakening is found.
out=$(schema_check "$QUORUM_PG user=mina" 2>&1); status=$?
if [ -z "$out" ]; then ok "a minute-taker runs verify's schema check: nothing found"
else not_ok "schema check as mina: exit $status: $out"; fi
value "ALTER TABLE audit DISABLE TRIGGER audit_no_delete" >/dev/null
out=$(schema_check "$QUORUM_PG user=mina" 2>&1); status=$?
if [ $status -eq 4 ] && [ "$out" = "Schema: trigger audit_no_delete is disabled (outside Quorum)" ]; then
  ok "a trigger a superuser disabled is found (exit 4): $out"
else not_ok "a disabled trigger: exit $status: $out"; fi
value "ALTER TABLE audit ENABLE TRIGGER audit_no_delete" >/dev/null

# An administrator keeps the calendar; a chair does not.
allows adam "add a closure day" "INSERT INTO closure_day (region, date, name) VALUES ('england-wales', '2026-12-24', 'Office closed');
  $(aud closure_day "SELECT max(id) FROM closure_day")"
refuses alice 42501 "add a closure day" "INSERT INTO closure_day (region, date, name) VALUES ('england-wales', '2026-12-31', 'x')"

echo "1..$n"
[ $failed -eq 0 ]
