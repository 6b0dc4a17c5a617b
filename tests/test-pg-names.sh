#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# test-pg-names.sh: on a shared database the record shows people by their names, not their
# logins (issue 12: "the actor recorded everywhere is the database user (session_user), shown
# by their name"; trial 5 A2: "Decided achair", "Signed off achair" in the PDF sent to agencies).
# `admin grant USER ROLE --name NAME` gives the name; each row and audit entry still holds the
# login, which the server itself checks. Run under build-aux/pg-cluster run (QUORUM_PG set).
set -u
: "${QUORUM_PG:?run under build-aux/pg-cluster run}"
cli=${QUORUM_CLI:?}
n=0
failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }
check () {  # WHAT ACTUAL EXPECTED
  if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1: got '$2', expected '$3'"; fi
}
value () { psql -X -q -At -c "$1"; }
json () { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

"$cli" admin init --db "$QUORUM_PG" >/dev/null || { echo "Bail out! admin init"; exit 1; }

# Named as they are granted; a name with an apostrophe and a Welsh letter, as people have.
out=$("$cli" admin grant achair chair --name "Siân O'Brien" --db "$QUORUM_PG" 2>&1); status=$?
if [ $status -eq 0 ] && echo "$out" | grep -q "The record shows achair as “Siân O'Brien”"; then ok "admin grant --name: $out"
else not_ok "admin grant --name: exit $status: $out"; fi
"$cli" admin grant bchair chair --db "$QUORUM_PG" >/dev/null || not_ok "admin grant bchair"
"$cli" admin grant adam admin --db "$QUORUM_PG" >/dev/null || not_ok "admin grant adam"
check "--json says the name" \
  "$("$cli" --json admin grant achair chair --name "Siân O'Brien" --db "$QUORUM_PG" | json 'd["name"]')" "Siân O'Brien"

# A name with a right-to-left override, or empty: refused, exit 2, nothing granted or named.
out=$("$cli" admin grant cchair chair --name $'Eve \u202Eliar' --db "$QUORUM_PG" 2>&1); status=$?
if [ $status -eq 2 ]; then ok "a deceptive name is refused (exit 2): $out"; else not_ok "a deceptive name: exit $status: $out"; fi
out=$("$cli" admin grant cchair chair --name "  " --db "$QUORUM_PG" 2>&1); status=$?
if [ $status -eq 2 ]; then ok "an empty name is refused (exit 2): $out"; else not_ok "an empty name: exit $status: $out"; fi
check "nothing was made for the refused ones" "$(value "SELECT count(*) FROM pg_roles WHERE rolname = 'cchair'")" 0

# An administrator names a person too (through the server's quorum_name_role); a chair cannot.
if "$cli" admin grant bchair chair --name "Bea Chair" --db "$QUORUM_PG user=adam" >/dev/null 2>&1; then
  ok "an administrator names bchair"
else not_ok "an administrator names bchair"; fi
out=$("$cli" admin grant bchair chair --name "Someone Else" --db "$QUORUM_PG user=achair" 2>&1); status=$?
if [ $status -ne 0 ]; then ok "a chair cannot rename anyone (exit $status)"; else not_ok "a chair renamed bchair"; fi
check "bchair's name is the administrator's" "$(value "SELECT shobj_description (oid, 'pg_authid') FROM pg_roles WHERE rolname = 'bchair'")" "Bea Chair"
out=$(psql -X -q -At -U achair -c "COMMENT ON ROLE achair IS 'Forged'" 2>&1); status=$?
if [ $status -ne 0 ]; then ok "a chair cannot name herself through psql: $out"; else not_ok "a chair renamed herself through psql"; fi

# Siân records and signs off a conference by consensus.
as_a=(--db "$QUORUM_PG user=achair")
conf=$("$cli" "${as_a[@]}" --json conference new --child "Kim Lee" --kind initial --date 2026-11-20 --chair "Siân O'Brien" | json 'd["id"]')
child=$("$cli" "${as_a[@]}" --json conference show "$conf" | json 'd["children"][0]["id"]')
for step in "attendee add $conf --name P.Constable --agency Police --line-management Police" \
            "attendee add $conf --name S.Worker --agency CSC --line-management CSC" \
            "attendee add $conf --name H.Visitor --agency Health --line-management Health" \
            "consensus $conf --child $child --agreed plan --category neglect --summary Agreed" \
            "decide $conf --child $child" "finalise $conf"; do
  # shellcheck disable=SC2086
  out=$("$cli" "${as_a[@]}" $step 2>&1) || not_ok "Siân records: $step: $out"
done
shown=$("$cli" --db "$QUORUM_PG user=bchair" --json conference show "$conf")
check "created_by shows her name" "$(echo "$shown" | json 'd["created_by"]')" "Siân O'Brien"
check "decided_by shows her name" "$(echo "$shown" | json 'd["decisions"][0]["decided_by"]')" "Siân O'Brien"
check "finalised_by shows her name" "$(echo "$shown" | json 'd["finalised_by"]')" "Siân O'Brien"
check "the rows still hold her login" "$(value "SELECT created_by || ',' || finalised_by FROM conference WHERE id = $conf")" "achair,achair"
check "the audit log still holds her login" "$(value "SELECT string_agg (DISTINCT \"user\", ',') FROM audit")" "achair"

# The record a minute-taker would circulate: her name, and the exporter's.
text=$("$cli" --db "$QUORUM_PG user=bchair" export dissent "$conf" --format txt -o - 2>&1)
if echo "$text" | grep -q "Siân O'Brien, " && ! echo "$text" | grep -qw achair; then ok "the exported record names her, never her login"
else not_ok "the exported record: $(echo "$text" | grep -n "achair\|Siân" | head -5)"; fi
if echo "$text" | grep -q "by Bea Chair"; then ok "the exporter is named"
else not_ok "the exporter: $(echo "$text" | grep -n -i "exported" | head -3)"; fi

# Without a name, the login, as before.
conf2=$("$cli" --db "$QUORUM_PG user=bchair" --json conference new --child "Ann Bee" --kind initial --date 2026-11-21 --chair "B. Chair" | json 'd["id"]')
value "COMMENT ON ROLE bchair IS NULL" >/dev/null
check "a login with no name is shown as the login" \
  "$("$cli" --db "$QUORUM_PG user=achair" --json conference show "$conf2" | json 'd["created_by"]')" "bchair"

out=$("$cli" --db "$QUORUM_PG user=adam" verify 2>&1); status=$?
if [ $status -eq 0 ]; then ok "verify passes: $out"; else not_ok "verify: exit $status: $out"; fi

echo "1..$n"
[ $failed -eq 0 ]
