#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# test-pg-chairown.sh: schema 13 on the server (docs/notes/chairown.md; trial 5, D4). A
# conference is its chair's: another chair's sign-off, view, attendee, attendance and amendment
# are refused by the server, through psql (even written with their audit entries, as Quorum
# would) and through quorum-cli (exit 2, the reason said), nothing half-written; the conference's
# own chair is accepted. A Quorum administrator (or the chair herself) hands a conference to
# another chair with `quorum-cli conference handover CONF --to USER`: recorded, audited, shown in
# the record; then the new chair may sign it off and the old one may not. A Head of Service's
# referral, the minute-taker's reading, a migration and verify go on. Run under
# build-aux/pg-cluster run.
set -u
: "${QUORUM_PG:?run under build-aux/pg-cluster run}"
. "$(dirname "$0")/cli-lib.sh"
. "$(dirname "$0")/pg-psql-lib.sh"
# CLI as USER; its exit status and stderr in $status / $err.
cli_as () { local user=$1; shift; err=$(q --db "$QUORUM_PG user=$user" "$@" 2>&1 >/dev/null); status=$?; }
intact () {
  local out status
  out=$(q --json verify --db "$QUORUM_PG user=mtaker"); status=$?
  check "verify $1: intact" "$status $(jget "$out" '[d["ok"], d["problems"]]')" '0 [true, []]'
}

export QUORUM_TODAY=2026-12-10
q admin init --db "$QUORUM_PG" >/dev/null || { echo "Bail out! admin init failed"; exit 1; }
for p in achair:chair bchair:chair hservice:head-of-service mtaker:minute-taker qadmin:admin; do
  q admin grant "${p%%:*}" "${p#*:}" --db "$QUORUM_PG" >/dev/null
done
q admin grant achair chair --name "Anne Chair" --db "$QUORUM_PG" >/dev/null
q admin grant bchair chair --name "Bea Chair" --db "$QUORUM_PG" >/dev/null
check "the schema is at version 13" "$(pg -c "SELECT max (version) FROM schema_migration")" "13"
check "15 tables of the meeting's record guarded for their chair" \
  "$(pg -c "SELECT count (*) FROM pg_trigger WHERE tgname LIKE '%\_its\_chair'")" "15"

as_a="$QUORUM_PG user=achair"; as_b="$QUORUM_PG user=bchair"
# Bea's open conference (b): attendees, a failed consensus, two views.
b=$(jget "$(q --json --db "$as_b" conference new --child "Mia Green" --kind initial --date 2026-12-02 --chair "Bea Chair")" 'd["id"]')
bk=$(jget "$(q --json --db "$as_b" conference show "$b")" 'd["children"][0]["id"]')
for g in CSC Police Health GMP; do
  q --db "$as_b" attendee add "$b" --name "$g Rep" --agency "$g" --line-management "$g" >/dev/null
done
q --db "$as_b" consensus "$b" --child "$bk" --agreed none --summary "No consensus" >/dev/null
q --db "$as_b" vote "$b" --child "$bk" --group CSC --view plan --category neglect --reason "Weight dropping" >/dev/null; s1=$?
q --db "$as_b" vote "$b" --child "$bk" --group Police --view no-plan --reason "No concerns known" >/dev/null; s2=$?
check "Bea records views in her conference through Quorum" "$s1 $s2" "0 0"
# Bea's second conference (r), decided and ready to sign off.
r=$(jget "$(q --json --db "$as_b" conference new --child "Zoe King" --kind review --date 2026-12-02 --chair "Bea Chair")" 'd["id"]')
rk=$(jget "$(q --json --db "$as_b" conference show "$r")" 'd["children"][0]["id"]')
for g in CSC Police Health; do
  q --db "$as_b" attendee add "$r" --name "$g Rep" --agency "$g" --line-management "$g" >/dev/null
done
q --db "$as_b" consensus "$r" --child "$rk" --agreed plan --category neglect --summary "All agree" >/dev/null
q --db "$as_b" decide "$r" --child "$rk" >/dev/null; s1=$?
check "Bea's second conference decided, not yet signed off" "$s1 $(pg -c "SELECT finalised_at IS NULL FROM conference WHERE id = $r")" "0 t"
out=$(q --json --db "$as_b" conference show "$b")
check "conference show says who chairs it (the login that made it), no hand-over yet" \
  "$(jget "$out" '[d["chaired_by"], d["chaired_by_name"], d["handovers"]]')" '["bchair", "Bea Chair", []]'

# ---- trial 5, D4: achair signs off Bea's conference; and her views, attendees, attendance ----
before=$(snapshot)
cli_as achair finalise "$r"
check "achair's quorum-cli finalise of Bea's conference: exit 2, the reason said" \
  "$status $(has "$err" "conference $r is chaired by bchair, not achair")" "2 yes"
[ "$status" -eq 2 ] || echo "# $err"
cli_as achair vote "$b" --child "$bk" --group Health --view plan --category neglect --reason "Agree"
check "achair's vote in Bea's conference: exit 2, the reason said" "$status $(has "$err" "chaired by bchair")" "2 yes"
cli_as achair attendee add "$b" --name "Late Rep" --agency Probation --line-management Probation
check "achair's attendee in Bea's conference: exit 2" "$status $(has "$err" "chaired by bchair")" "2 yes"
cli_as achair consensus "$b" --child "$bk" --agreed none --summary "Another round"
check "achair's consensus attempt in Bea's conference: exit 2" "$status $(has "$err" "chaired by bchair")" "2 yes"
cli_as achair conference proceed "$b" --reason "Proceeding anyway"
check "achair's reason to proceed inquorate, on Bea's conference: exit 2" "$status $(has "$err" "chaired by bchair")" "2 yes"
attendee=$(pg -c "SELECT min (id) FROM attendee WHERE conference_id = $b")
# Through psql, each written as Quorum writes it (its audit entry in the same transaction).
refused "achair signs off Bea's conference by hand, with its entry" achair 42501 "conference $r is chaired by bchair, not achair" \
  "UPDATE conference SET finalised_at = 'now', finalised_by = session_user WHERE id = $r; $(audited conference "$r" update)"
refused "achair's view in Bea's conference, with its entry" achair 42501 "conference $b is chaired by bchair, not achair" \
  "INSERT INTO vote (conference_id, child_id, grp, grp_key, view, reason, recorded_at, recorded_by)
   VALUES ($b, $bk, 'GMP', 'gmp', 'plan', 'By hand', 'now', session_user); $(audited vote "SELECT max (id) FROM vote")"
refused "achair's attendee in Bea's conference, with its entry" achair 42501 "conference $b is chaired by bchair, not achair" \
  "INSERT INTO attendee (conference_id, name, agency, line_management, voting, attendance, recorded_at)
   VALUES ($b, 'Psql Rep', 'Probation', 'Probation', 1, 'present', 'now'); $(audited attendee "SELECT max (id) FROM attendee")"
refused "achair's arrival of Bea's attendee, with its entry" achair 42501 "conference $b is chaired by bchair, not achair" \
  "INSERT INTO attendance_event (conference_id, attendee_id, event, at, recorded_at, recorded_by)
   VALUES ($b, $attendee, 'arrived', '10:05', 'now', session_user); $(audited attendance_event "SELECT max (id) FROM attendance_event")"
refused "achair rewrites Police's view in Bea's conference, with its entry" achair 42501 "chaired by bchair" \
  "UPDATE vote SET view = 'plan' WHERE child_id = $bk AND grp_key = 'police'; $(audited vote "SELECT id FROM vote WHERE child_id = $bk AND grp_key = 'police'" update)"
refused "achair adds a child to Bea's conference, with its entry" achair 42501 "chaired by bchair" \
  "INSERT INTO child (conference_id, position, name) VALUES ($b, 9, 'Extra Child'); $(audited child "SELECT max (id) FROM child")"
refused "achair hands Bea's conference to herself" achair 42501 "only its chair or a Quorum administrator hands it over" \
  "INSERT INTO conference_handover (conference_id, from_chair, to_chair, recorded_at, recorded_by)
   VALUES ($b, 'bchair', 'achair', 'now', session_user); $(audited conference_handover "SELECT max (id) FROM conference_handover")"
refused "a Head of Service's vote (her role, as before)" hservice 42501 "permission denied" \
  "INSERT INTO vote (conference_id, child_id, grp, grp_key, view, recorded_at, recorded_by)
   VALUES ($b, $bk, 'GMP', 'gmp', 'plan', 'now', session_user)"
check "after every refusal the record and the audit log are as they were" "$(snapshot)" "$before"
check "nothing half-written: Bea's conferences as she left them" \
  "$(pg -c "SELECT count (*) FROM vote WHERE conference_id = $b") $(pg -c "SELECT count (*) FROM attendee WHERE conference_id = $b") $(pg -c "SELECT coalesce (finalised_by, 'open') FROM conference WHERE id = $r")" \
  "2 4 open"

# ---- the conference's own chair is accepted, by psql and by Quorum ----
allowed "Bea's own view by psql, with its entry" bchair \
  "INSERT INTO vote (conference_id, child_id, grp, grp_key, view, reason, recorded_at, recorded_by)
   VALUES ($b, $bk, 'GMP', 'gmp', 'plan', 'By hand', 'now', session_user); $(audited vote "SELECT max (id) FROM vote")"
cli_as bchair vote "$b" --child "$bk" --group Health --view plan --category neglect --reason "Agree"
check "Bea's vote through Quorum" "$status" "0"
cli_as bchair attendee add "$b" --name "Late Rep" --agency Probation --line-management Probation
check "Bea's attendee through Quorum" "$status" "0"
intact "after Bea's writes"

# ---- the hand-over: Bea is away; the administrator gives her second conference to Anne ----
cli_as achair conference handover "$r" --to achair
check "a chair hands another chair's conference to herself: exit 2" \
  "$status $(has "$err" "only its chair or a Quorum administrator hands it over")" "2 yes"
cli_as mtaker conference handover "$r" --to achair
check "the minute-taker hands it over: exit 2 (her role)" "$status $(has "$err" "permission denied")" "2 yes"
cli_as qadmin conference handover "$r" --to mtaker
check "to a login who is no chair: exit 2, said" "$status $(has "$err" "mtaker is not a chair on this server")" "2 yes"
cli_as qadmin conference handover "$r" --to nobody
check "to no login at all: exit 2" "$status $(has "$err" "nobody is not a chair")" "2 yes"
cli_as qadmin conference handover "$r" --to bchair
check "to the chair it has: exit 2" "$status $(has "$err" "chaired by bchair already")" "2 yes"
cli_as qadmin conference handover 999 --to achair
check "a conference that does not exist: exit 2" "$status $(has "$err" "999")" "2 yes"
check "nothing written by the refused hand-overs" "$(snapshot)" "$(snapshot)"
check "no hand-over row, nor its entry" \
  "$(pg -c "SELECT count (*) FROM conference_handover") $(pg -c "SELECT count (*) FROM audit WHERE entity = 'conference_handover'")" "0 0"
out=$(q --json --db "$QUORUM_PG user=qadmin" conference handover "$r" --to achair --reason "Bea is on leave"); status=$?
check "the administrator hands Bea's conference to Anne: exit 0" \
  "$status $(jget "$out" '[d["conference"], d["from"], d["to"]]')" "0 [$r, \"bchair\", \"achair\"]"
check "the hand-over's audit entry: the administrator's, saying from whom to whom" \
  "$(pg -c "SELECT \"user\" || ' ' || action || ' ' || entity || ' ' || conference_id || ' ' || summary FROM audit ORDER BY id DESC LIMIT 1")" \
  "qadmin insert conference_handover $r conference $r handed over from bchair to achair"
out=$(q --json --db "$as_b" conference show "$r")
check "conference show: Anne chairs it now; who chaired, when it changed hands, by whom, why" \
  "$(jget "$out" '[d["chaired_by"], d["chaired_by_name"], [(h["from"], h["from_name"], h["to"], h["to_name"], h["by"], h["reason"], h["at"][:4]) for h in d["handovers"]]]')" \
  '["achair", "Anne Chair", [["bchair", "Bea Chair", "achair", "Anne Chair", "qadmin", "Bea is on leave", "2026"]]]'
txt=$(q --db "$as_b" export dissent "$r" --format txt -o -)
check "the record (text export) says it was handed over" \
  "$(has "$txt" "Handed over") $(has "$txt" "From Bea Chair to Anne Chair")" "yes yes"
cli_as bchair finalise "$r"
check "Bea, no longer its chair, signs it off: exit 2" "$status $(has "$err" "conference $r is chaired by achair, not bchair")" "2 yes"
cli_as achair finalise "$r"
check "Anne, its chair now, signs it off: exit 0" "$status $(pg -c "SELECT finalised_by FROM conference WHERE id = $r")" "0 achair"

# Amendments after sign-off: its chair's (DOMAIN 7: the chair's record; a correction is hers).
before=$(snapshot)
cli_as bchair amend "$r" --reason "Typo" --change "Venue corrected"
check "another chair amends the signed-off record: exit 2" "$status $(has "$err" "chaired by achair")" "2 yes"
check "nothing written" "$(snapshot)" "$before"
cli_as achair amend "$r" --reason "Typo" --change "Venue corrected"
check "its chair amends it: exit 0" "$status $(pg -c "SELECT count (*) || ' ' || min (by) FROM amendment WHERE conference_id = $r")" "0 1 achair"

# Bea hands her own open conference to Anne herself; she then records nothing more there.
cli_as bchair conference handover "$b" --to achair
check "a chair hands her own conference over: exit 0" "$status" "0"
cli_as bchair attendee add "$b" --name "Another Rep" --agency Education --line-management Education
check "then her attendee is refused: exit 2" "$status $(has "$err" "chaired by achair")" "2 yes"
cli_as achair attendee add "$b" --name "Another Rep" --agency Education --line-management Education
check "Anne's is recorded: exit 0" "$status" "0"

# The hand-over row is a record: never changed, never deleted.
refused "the administrator rewrites a hand-over" qadmin 42501 "permission denied" \
  "UPDATE conference_handover SET to_chair = 'bchair'"
refused "a superuser rewrites a hand-over" postgres QR001 "records are never changed" \
  "UPDATE conference_handover SET to_chair = 'bchair'"
refused "a superuser deletes a hand-over" postgres QR001 "records are never deleted" \
  "DELETE FROM conference_handover"
refused "a hand-over naming another as its writer" qadmin 42501 "conference_handover.recorded_by names who wrote it" \
  "INSERT INTO conference_handover (conference_id, from_chair, to_chair, recorded_at, recorded_by)
   VALUES ($b, 'achair', 'bchair', 'now', 'bchair')"
refused "a hand-over from someone who is not its chair" qadmin 22023 "is chaired by achair, not bchair" \
  "INSERT INTO conference_handover (conference_id, from_chair, to_chair, recorded_at, recorded_by)
   VALUES ($b, 'bchair', 'achair', 'now', session_user)"

# ---- what others do goes on: a Head of Service's referral on Anne's split ----
split_to_panel "$as_a" "$QUORUM_PG user=hservice"
check "Anne's split signed off; the Head of Service's notification and panel recorded" "$split_status" "0 0 0"
intact "at the end"

# ---- migrate: a chair's laptop conference, still open, is hers on the server ----
laptop="$work/laptop.db"
QUORUM_USER="Laptop Chair" q --db "$laptop" conference new --child "Lily Evans" --kind initial --date 2026-12-01 --chair "L. Chair" >/dev/null
QUORUM_USER="Laptop Chair" q --db "$laptop" attendee add 1 --name "CSC Rep" --agency CSC --line-management CSC >/dev/null
err=$(q migrate --from "$laptop" --to "$as_b" 2>&1 >/dev/null); status=$?
check "Bea migrates her laptop's open conference: exit 0" "$status" "0"
[ "$status" -eq 0 ] || echo "# $err"
lc=$(pg -c "SELECT id FROM conference WHERE chair = 'L. Chair'")
check "the server says Bea chairs it" "$(pg -c "SELECT quorum_conference_chair ($lc)")" "bchair"
cli_as bchair attendee add "$lc" --name "Police Rep" --agency Police --line-management Police
check "and she goes on recording in it" "$status" "0"
cli_as achair attendee add "$lc" --name "Health Rep" --agency Health --line-management Health
check "Anne does not" "$status $(has "$err" "chaired by bchair")" "2 yes"
intact "after the migration"

# ---- SQLite: one chair, one laptop: nothing handed over, nothing refused ----
out=$(q --db "$laptop" conference handover 1 --to achair 2>&1); status=$?
check "a hand-over on a SQLite file: exit 2, said, nothing written" \
  "$status $(has "$out" "shared database") $(sqlite3 "$laptop" "SELECT count (*) FROM conference_handover")" "2 yes 0"
QUORUM_USER="Someone Else" q --db "$laptop" attendee add 1 --name "Police Rep" --agency Police --line-management Police >/dev/null; status=$?
check "on SQLite, whoever is named records (unchanged)" "$status" "0"

finish
