#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# test-cli-verify.sh: verify exits 4 and names the record when a copy of the database is edited
# with the sqlite3 shell or byte by byte.
. "$(dirname "$0")/cli-lib.sh"

conf=$(bolton_conference 2026-11-20)
amy=$(jget "$(q --json conference show "$conf")" 'd["children"][0]["id"]')
q consensus "$conf" --child "$amy" --agreed none --summary "No consensus" >/dev/null
q vote "$conf" --child "$amy" --group "Children's Social Care" --view plan >/dev/null
q vote "$conf" --child "$amy" --group Education --view plan >/dev/null
q vote "$conf" --child "$amy" --group Police --view no-plan --reason "Quagga reason" >/dev/null
q vote "$conf" --child "$amy" --group "Bolton NHS FT" --view no-plan --reason "Met" >/dev/null
q vote "$conf" --child "$amy" --group Probation --view decline --reason "No contact" >/dev/null
q decide "$conf" --child "$amy" >/dev/null
expect_exit "verify: intact database exits 0" 0 q verify
show=$(q --json conference show "$conf")
police_vote=$(jget "$show" '[v["id"] for v in d["votes"] if v["group"] == "Police"][0]')
khan=$(jget "$show" '[a["id"] for a in d["attendees"] if a["name"] == "A. Khan"][0]')

tampered_copy () {
  copy=$(copy_db "$QUORUM_DB" copy)
}

# The store is closed between commands, so the database file is whole (no WAL).
tampered_copy
tamper_db "$copy" "UPDATE vote SET view = 'plan' WHERE grp = 'Police';" "UPDATE vote SET view = 'plan' WHERE grp = 'Police'"
msg=$(q --db "$copy" verify 2>&1 >/dev/null); status=$?
check "sqlite3 edit of a vote: exit 4" "$status" "4"
check "sqlite3 edit of a vote: names it" "$(grep -o 'vote [0-9]*: altered' <<<"$msg")" "vote $police_vote: altered"

tampered_copy
tamper_db "$copy" "DROP TRIGGER attendee_no_delete; DELETE FROM attendee WHERE name = 'A. Khan';" \
  "DELETE FROM attendee WHERE name = 'A. Khan'"
msg=$(q --db "$copy" verify 2>&1 >/dev/null); status=$?
check "sqlite3 delete of an attendee: exit 4" "$status" "4"
check "sqlite3 delete of an attendee: names it" "$(grep -o 'attendee [0-9]*: deleted' <<<"$msg")" "attendee $khan: deleted"

tampered_copy
tamper_db "$copy" "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id = (SELECT max(id) FROM audit);" \
  "DELETE FROM audit WHERE id = (SELECT max(id) FROM audit)"
msg=$(q --db "$copy" verify 2>&1 >/dev/null); status=$?
check "sqlite3 delete of the newest audit entry: exit 4" "$status" "4"

if is_pg; then
  skip "byte edit of the file: exit 4" "bytes of a SQLite file; a server's files are its own"
  skip "byte edit: --json says what" "bytes of a SQLite file; a server's files are its own"
else
tampered_copy
python3 - "$copy" <<'PY'
import sys
path = sys.argv[1]
data = bytearray(open(path, "rb").read())
needle = b"Quagga reason"
i = data.find(needle)
assert i >= 0
while i >= 0:
    data[i] = ord("Z")
    i = data.find(needle, i + 1)
open(path, "wb").write(data)
PY
msg=$(q --db "$copy" verify 2>&1 >/dev/null); status=$?
check "byte edit of the file: exit 4" "$status" "4"
out=$(q --db "$copy" --json verify 2>/dev/null)
check "byte edit: --json says what" "$(jget "$out" '[d["ok"], "altered" in d["problem"] or "damaged" in d["problem"]]')" "[false, true]"
fi

check "the original still verifies" "$(q --json verify | python3 -c 'import json,sys; print(json.load(sys.stdin)["ok"])')" "True"
finish
