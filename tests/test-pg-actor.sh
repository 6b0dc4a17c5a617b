#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# test-pg-actor.sh: schema 12 on the server (docs/notes/pgactor.md). Through psql, as each role,
# the rewrites and the forged view of trial 5 (D3) are refused by the server, nothing changed:
# a record row is written only with its audit entry, in the same transaction, and the column
# naming who wrote it holds the writer's own login. Quorum's own writes (the CLI, as chairs and
# a Head of Service), migrate and verify still pass. Run under build-aux/pg-cluster run.
set -u
: "${QUORUM_PG:?run under build-aux/pg-cluster run}"
. "$(dirname "$0")/cli-lib.sh"
. "$(dirname "$0")/pg-psql-lib.sh"

export QUORUM_TODAY=2026-12-10
q admin init --db "$QUORUM_PG" >/dev/null || { echo "Bail out! admin init failed"; exit 1; }
for p in achair:chair bchair:chair hservice:head-of-service mtaker:minute-taker qadmin:admin; do
  q admin grant "${p%%:*}" "${p#*:}" --db "$QUORUM_PG" >/dev/null
done
check "the schema is at version 13" "$(pg -c "SELECT max (version) FROM schema_migration")" "13"
check "every table of records has its audit trigger (deferred to COMMIT), 16 their writer's" \
  "$(pg -c "SELECT count (*) FILTER (WHERE tgname LIKE '%\_audited' AND tgdeferrable AND tginitdeferred) || ' ' ||
                   count (*) FILTER (WHERE tgname LIKE '%\_actor') FROM pg_trigger")" "26 16"

# ---- the record as trial 5 had it, written by Quorum (the CLI) as each person ----
as_a="$QUORUM_PG user=achair"; as_b="$QUORUM_PG user=bchair"; as_h="$QUORUM_PG user=hservice"
# Bea's open conference (1): attendees, a failed consensus, two views.
b=$(jget "$(q --json --db "$as_b" conference new --child "Mia Green" --kind initial --date 2026-12-02 --chair "Bea Chair")" 'd["id"]')
bk=$(jget "$(q --json --db "$as_b" conference show "$b")" 'd["children"][0]["id"]')
for g in CSC Police Health GMP; do
  q --db "$as_b" attendee add "$b" --name "$g Rep" --agency "$g" --line-management "$g" >/dev/null
done
q --db "$as_b" consensus "$b" --child "$bk" --agreed none --summary "No consensus" >/dev/null
q --db "$as_b" vote "$b" --child "$bk" --group CSC --view plan --category neglect --reason "Weight dropping" >/dev/null; s1=$?
q --db "$as_b" vote "$b" --child "$bk" --group Police --view no-plan --reason "No concerns known" >/dev/null; s2=$?
check "a chair records views through Quorum" "$s1 $s2" "0 0"
# Anne's conference (2): a split, signed off; the Head of Service records the referral.
split_to_panel "$as_a" "$as_h"
check "a split decided, signed off, its referral sent and heard, through Quorum" "$split_status" "0 0 0"
check "each row names its writer: the server's login" \
  "$(pg -c "SELECT (SELECT string_agg (DISTINCT recorded_by, ',') FROM vote) || ' ' ||
                   (SELECT decided_by FROM decision) || ' ' || (SELECT finalised_by FROM conference WHERE id = $a)")" \
  "achair,bchair achair achair"
out=$(q --json verify --db "$as_b"); status=$?
check "verify: intact" "$status $(jget "$out" '[d["ok"], d["problems"]]')" '0 [true, []]'

# ---- trial 5, D3: each of its statements, now refused by the server, nothing changed ----
before=$(snapshot)
attendee=$(pg -c "SELECT min (id) FROM attendee WHERE conference_id = $b")
attempt=$(pg -c "SELECT min (id) FROM attempt WHERE conference_id = $b")
# (Since 13, achair's three are refused before their entries are looked at: she is not the
# conference's chair, test-pg-chairown.)
refused "achair UPDATEs an attendee of Bea's open conference" achair 42501 "conference $b is chaired by bchair, not achair" \
  "UPDATE attendee SET name = 'Changed by achair' WHERE id = $attendee"
refused "achair UPDATEs its consensus attempt's summary" achair 42501 "conference $b is chaired by bchair, not achair" \
  "UPDATE attempt SET summary = 'edited by achair' WHERE id = $attempt"
refused "achair UPDATEs the conference's chair" achair 42501 "conference $b is chaired by bchair, not achair" \
  "UPDATE conference SET chair = 'achair' WHERE id = $b"
refused "hservice overwrites the signed-off conference's panel outcome" hservice 42501 "referral $ref was written without its audit entry" \
  "UPDATE referral SET outcome = 'plan-ended' WHERE conference_id = $a"
refused "bchair INSERTs a view recorded_by achair (the forged vote)" bchair 42501 "vote.recorded_by names who wrote it: bchair, not achair" \
  "INSERT INTO vote (conference_id, child_id, grp, grp_key, view, recorded_at, recorded_by)
   VALUES ($b, $bk, 'GMP', 'gmp', 'plan', '2026-12-02T10:41:00Z', 'achair')"
refused "bchair INSERTs the same view in her own name, with no audit entry" bchair 42501 "was written without its audit entry" \
  "INSERT INTO vote (conference_id, child_id, grp, grp_key, view, recorded_at, recorded_by)
   VALUES ($b, $bk, 'GMP', 'gmp', 'plan', '2026-12-02T10:41:00Z', 'bchair')"
refused "bchair rewrites Police's view, recorded_by left as it was" bchair 42501 "was written without its audit entry" \
  "UPDATE vote SET view = 'plan' WHERE child_id = $bk AND grp_key = 'police'"
refused "bchair moves a view to achair's name" bchair 42501 "vote.recorded_by names who wrote it: bchair, not achair" \
  "UPDATE vote SET recorded_by = 'achair' WHERE child_id = $bk AND grp_key = 'csc'"
refused "achair writes Anne Chair as who created a conference" achair 42501 "conference.created_by names who wrote it: achair, not Anne Chair" \
  "INSERT INTO conference (kind, date, chair, profile, created_at, created_by)
   VALUES ('initial', '2026-12-03', 'Anne Chair', 'bolton', 'now', 'Anne Chair')"
refused "a superuser's bare UPDATE of an open conference's attendee" postgres 42501 "attendee $attendee was written without its audit entry" \
  "UPDATE attendee SET role = 'changed by the superuser' WHERE id = $attendee"
refused "an audit entry of the row as it was, then the UPDATE after it" bchair 42501 "attendee $attendee was written without its audit entry" \
  "$(audited attendee "$attendee" update); UPDATE attendee SET name = 'after its entry' WHERE id = $attendee"
refused "an entry claiming a migration, by a chair's psql, of a forged name that is another login" bchair 42501 "not achair" \
  "SET LOCAL quorum.migrating = 'on'; INSERT INTO vote (conference_id, child_id, grp, grp_key, view, recorded_at, recorded_by)
   VALUES ($b, $bk, 'GMP', 'gmp', 'plan', 'now', 'achair')"
refused "a migration's flag without a migration's entry" bchair 42501 "was written in a migration without an entry saying it was migrated" \
  "SET LOCAL quorum.migrating = 'on'; INSERT INTO vote (conference_id, child_id, grp, grp_key, view, recorded_at, recorded_by)
   VALUES ($b, $bk, 'GMP', 'gmp', 'plan', 'now', 'Someone Else'); $(audited vote "SELECT max (id) FROM vote")"
refused "a minute-taker's UPDATE (her role, as before)" mtaker 42501 "permission denied" \
  "UPDATE attendee SET name = 'x' WHERE id = $attendee"
check "after every refusal the record and the audit log are as they were" "$(snapshot)" "$before"
check "no row of the record was changed: the names are Quorum's" \
  "$(pg -c "SELECT name FROM attendee WHERE id = $attendee") / $(pg -c "SELECT chair FROM conference WHERE id = $b") / $(pg -c "SELECT outcome FROM referral WHERE id = $ref") / $(pg -c "SELECT count (*) FROM vote WHERE conference_id = $b")" \
  "CSC Rep / Bea Chair / plan-confirmed / 2"
out=$(q --json verify --db "$as_b"); status=$?
check "verify after the refusals: intact" "$status $(jget "$out" '[d["ok"], d["problems"]]')" '0 [true, []]'

# ---- psql may still write, attributed: its entry through quorum_audit_write names session_user ----
allowed "bchair's own view with its entry (quorum_audit_write) in the same transaction" bchair \
  "INSERT INTO vote (conference_id, child_id, grp, grp_key, view, reason, recorded_at, recorded_by)
   VALUES ($b, $bk, 'GMP', 'gmp', 'plan', 'By hand', '2026-12-02T10:41:00Z', session_user);
   $(audited vote "SELECT max (id) FROM vote")"
check "its entry names bchair, and says it was written by hand" \
  "$(pg -c "SELECT \"user\" || ' ' || action || ' ' || entity || ' ' || summary FROM audit ORDER BY id DESC LIMIT 1")" \
  "bchair insert vote written by hand, in psql"
out=$(q --json verify --db "$as_a"); status=$?
check "verify: intact (the server's canonical form of the row is the store's)" "$status $(jget "$out" '[d["ok"], d["problems"]]')" '0 [true, []]'
refused "a write by hand to a signed-off conference, even with its entry (as before)" achair QR001 "the conference is finalised" \
  "UPDATE attendee SET name = 'x' WHERE conference_id = $a; $(audited attendee "SELECT min (id) FROM attendee WHERE conference_id = $a" update)"

# ---- Quorum's own writes go on: the CLI as each role, the Head of Service's correction ----
out=$(q --json --db "$as_b" vote "$b" --child "$bk" --group Health --view plan --category neglect --reason "Agree"); status=$?
check "a chair's vote through Quorum, after all that" "$status" "0"
out=$(q --json --db "$as_b" vote "$b" --child "$bk" --group Health --view no-plan --reason "Changed our view"); status=$?
check "a group voting again (an UPDATE of its row, its entry beside it)" "$status $(pg -c "SELECT view || ' ' || recorded_by FROM vote WHERE child_id = $bk AND grp_key = 'health'")" "0 no-plan bchair"
out=$(q --db "$as_b" attendee add "$b" --name "Late Rep" --agency Probation --line-management Probation 2>&1); status=$?
check "an attendee added" "$status" "0"
out=$(q --json verify --db "$as_h"); status=$?
check "verify at the end: intact" "$status $(jget "$out" '[d["ok"], d["problems"]]')" '0 [true, []]'

# ---- verify's schema check knows 12's triggers and functions; admin init puts them back ----
pg -c "ALTER TABLE attendee DISABLE TRIGGER attendee_audited" >/dev/null
out=$(q --json verify --db "$as_b"); status=$?
check "a superuser disables attendee_audited: verify finds it (exit 4)" \
  "$status $(has "$out" "trigger attendee_audited is disabled")" "4 yes"
pg -c "ALTER TABLE attendee ENABLE TRIGGER attendee_audited" >/dev/null
pg -c "CREATE OR REPLACE FUNCTION quorum_row_audited () RETURNS trigger LANGUAGE plpgsql AS \$\$ BEGIN RETURN NULL; END \$\$" >/dev/null
out=$(q --json verify --db "$as_b"); status=$?
check "a superuser empties quorum_row_audited: verify finds it (exit 4)" \
  "$status $(has "$out" "function quorum_row_audited differs")" "4 yes"
q admin init --db "$QUORUM_PG" >/dev/null; status=$?
out=$(q --json verify --db "$as_b")
check "admin init puts the function back: verify intact" "$status $(jget "$out" '[d["ok"], d["problems"]]')" '0 [true, []]'
refused "and the bare UPDATE is refused again" bchair 42501 "attendee $attendee was written without its audit entry" \
  "UPDATE attendee SET name = 'Changed by bchair' WHERE id = $attendee"

# ---- migrate: a laptop's records keep the names they had there ----
laptop="$work/laptop.db"
QUORUM_USER="Laptop Chair" q --db "$laptop" conference new --child "Lily Evans" --kind initial --date 2026-12-01 --chair "L. Chair" >/dev/null
lc=1
lk=$(jget "$(q --json --db "$laptop" conference show "$lc")" 'd["children"][0]["id"]')
for g in CSC Police Health; do
  QUORUM_USER="Laptop Chair" q --db "$laptop" attendee add "$lc" --name "$g Rep" --agency "$g" --line-management "$g" >/dev/null
done
QUORUM_USER="Laptop Chair" q --db "$laptop" consensus "$lc" --child "$lk" --agreed plan --category neglect --summary "All agree" >/dev/null
QUORUM_USER="Laptop Chair" q --db "$laptop" decide "$lc" --child "$lk" >/dev/null
QUORUM_USER="Laptop Chair" q --db "$laptop" finalise "$lc" >/dev/null
out=$(q --json migrate --from "$laptop" --to "$as_a" 2>&1); status=$?
check "a chair migrates her laptop's conference: exit 0" "$status" "0"
[ "$status" -eq 0 ] || echo "# $out"
check "the migrated rows keep the laptop's names; their entries are achair's, saying migrated" \
  "$(pg -c "SELECT created_by || ' ' || finalised_by FROM conference WHERE chair = 'L. Chair'") $(pg -c "SELECT count (DISTINCT \"user\") || ' ' || min (\"user\") FROM audit WHERE summary LIKE 'migrated from database %'")" \
  "Laptop Chair Laptop Chair 1 achair"
out=$(q --json verify --db "$as_b"); status=$?
check "verify after the migration: intact" "$status $(jget "$out" '[d["ok"], d["problems"]]')" '0 [true, []]'

finish
