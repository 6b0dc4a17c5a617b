#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# test-cli-proofs.sh: issue 14's numbered findings, each as the adversary found it. Every check
# here failed before the keyed chain, the schema check, the safe opening and the input rules.
. "$(dirname "$0")/cli-lib.sh"

mkdir -p "$work/locales"
tamper () { python3 "$QUORUM_SRCDIR/tests/tamper.py" "$@"; }
export XDG_STATE_HOME="$work/state"
export QUORUM_KEY_FILE="$work/authority.key"

# A decided, signed-off split conference: the record the promise is about.
conf=$(bolton_conference 2026-11-20)
amy=$(jget "$(q --json conference show "$conf")" 'd["children"][0]["id"]')
ben=$(jget "$(q --json conference show "$conf")" 'd["children"][1]["id"]')
for c in "$amy" "$ben"; do
  q consensus "$conf" --child "$c" --agreed none --summary "No consensus" >/dev/null
  q vote "$conf" --child "$c" --group "Children's Social Care" --view plan >/dev/null
  q vote "$conf" --child "$c" --group Education --view plan >/dev/null
  q vote "$conf" --child "$c" --group Police --view no-plan --reason "Police reason" >/dev/null
  q vote "$conf" --child "$c" --group "Bolton NHS FT" --view no-plan --reason "Health reason" >/dev/null
  q vote "$conf" --child "$c" --group Probation --view decline --reason "No contact" >/dev/null
  q decide "$conf" --child "$c" >/dev/null
done
# Where this computer keeps the newest entry it saw written (the anchor): named by the database.
anchor_path () {
  python3 -c 'import hashlib, os, sys
p = sys.argv[1]
r = os.path.realpath(p) if os.path.exists(p) else p
print(os.path.join(os.environ["XDG_STATE_HOME"], "quorum", "anchors", hashlib.sha256(r.encode()).hexdigest()))' "$QUORUM_DB"
}
is_pg || cp "$(anchor_path)" "$work/anchor.before-sign-off"
q finalise "$conf" >/dev/null
expect_exit "the signed-off record verifies" 0 q verify
sealed=$(q --json verify)
seal=$(jget "$sealed" 'd["head"]')
check "verify --json: ok, checked, head, problems" "$(jget "$sealed" '[d["ok"], d["checked"] > 0, d["problems"]]')" '[true, true, []]'
check "the seal is printed on the text export" \
  "$(q export dissent "$conf" --format txt -o - | grep -c "Seal $seal")" "1"
check "the seal is in the JSON export" "$(jget "$(q export dissent "$conf" --format json -o -)" 'd["seal"]')" "$seal"
check "the seal is a column of the CSV export" \
  "$(q export dissent "$conf" --format csv -o - | python3 -c 'import csv,sys; r=list(csv.DictReader(sys.stdin)); print({x["seal"] for x in r})')" "{'$seal'}"
q export dissent "$conf" --format pdf -o "$work/record.pdf" >/dev/null
if command -v pdftotext >/dev/null; then
  check "the seal is printed in the PDF" "$(pdftotext "$work/record.pdf" - | tr -d '\n' | grep -c "$seal")" "1"
fi
expect_exit "verify --seal: the record as sealed is there" 0 q verify --seal "$seal"
expect_exit "verify --seal: not a seal is rejected input" 2 q verify --seal "hello"
expect_exit "verify --seal: a seal of another record (wrong hash) is tampering" 4 q verify --seal "${seal%%-*}-00000-00000-00000-00000"

copy () { c=$(copy_db "$QUORUM_DB" c); }
other_key () { QUORUM_KEY_FILE="$work/not-the-authority.key" "$@"; }
# Without the authority's key a laptop cannot tell a recomputed chain from a true one: "not
# verified" (exit 5). On PostgreSQL the server holds the key, whatever key file a laptop has, so
# the same chain is found tampered with (exit 4) and named against the server's key.
if is_pg; then keyless=4; key_words="does not match the server's key"; else keyless=5; key_words="does not match its key"; fi

# Finding 1: recompute the chain after changing a signed-off decision and a name.
copy
before=$(jget "$(q --db "$c" --json conference show "$conf")" '[d["decisions"][-1]["outcome"], d["attendees"][0]["name"]]')
tamper recompute "$c"
after=$(jget "$(q --db "$c" --json conference show "$conf")" '[d["decisions"][-1]["outcome"], d["attendees"][0]["name"]]')
check "finding 1: the recomputed copy does read differently" "$([ "$before" != "$after" ] && echo changed)" "changed"
expect_exit "finding 1: recomputed chain, key present: tampering (exit 4)" 4 q --db "$c" verify
check "finding 1: verify names the rewritten entry" \
  "$(q --db "$c" verify 2>&1 | grep -c "$key_words")" "1"
expect_exit "finding 1: recomputed chain, key absent: not verified (exit $keyless), never passed" "$keyless" other_key q --db "$c" verify
expect_exit "finding 1: the seal of the export taken before proves the change, key or not" 4 other_key q --db "$c" verify --seal "$seal"

# Finding 1: the newest entries removed with the rows they made, the head reset.
copy
tamper truncate "$c" 3
expect_exit "finding 1: log cut back and head reset, key present: tampering" 4 q --db "$c" verify
expect_exit "finding 1: log cut back, key absent: not verified (exit $keyless)" "$keyless" other_key q --db "$c" verify
expect_exit "finding 1: log cut back: the seal is missing" 4 other_key q --db "$c" verify --seal "$seal"

# The same in place, where this computer keeps its anchor (put back from a copy each time).
keep=$(copy_db "$QUORUM_DB" keep)
put_back () { rm -f "$QUORUM_DB"-wal "$QUORUM_DB"-shm; rm -rf "$QUORUM_DB".backups; copy_db "$keep" quorum >/dev/null; }
tamper truncate "$QUORUM_DB" 3
expect_exit "finding 1: cut back in place: the anchor outside the file finds it, key absent too" 4 other_key q verify
put_back
tamper strip-keys "$QUORUM_DB"
expect_exit "keys stripped: tampering, with the key" 4 q verify
expect_exit "keys stripped: tampering, without the key" 4 other_key q verify
put_back
if is_pg; then
  skip "recomputed and posing as a database from before keys, in place: never passes" \
    "a SQLite file's header (user_version, application_id); the server's schema began keyed at version 9"
else
tamper recompute "$QUORUM_DB"; tamper fake-legacy "$QUORUM_DB"
# 4, or 3 when a migration after the keys' cannot run twice: refused either way, never keyed again.
status=$(q verify >/dev/null 2>&1; echo $?)
check "recomputed and posing as a database from before keys, in place: never passes (exit $status)" \
  "$([ "$status" -eq 4 ] || [ "$status" -eq 3 ] && echo refused)" "refused"
put_back
fi
expect_exit "the original verifies again" 0 q verify

# The anchor is replaced after each commit but not flushed to the disk (a witness, not the
# record): a power cut can leave it behind the log, or empty. Neither is tampering.
if is_pg; then
  skip "the anchor after each commit, behind or empty after a power cut" \
    "a shared database's entries are keyed by the server, which keeps its own head"
else
anchor=$(anchor_path)
cp "$anchor" "$work/anchor.now"
check "the anchor names an entry newer than before sign-off" \
  "$([ "$(cut -d' ' -f2 "$anchor")" -gt "$(cut -d' ' -f2 "$work/anchor.before-sign-off")" ] && echo newer)" "newer"
cp "$work/anchor.before-sign-off" "$anchor"
expect_exit "an anchor one write behind the log (a power cut): verifies" 0 q verify
: > "$anchor"
expect_exit "an anchor left empty (a power cut): no anchor, verifies" 0 q verify
q amend "$conf" --reason "Venue omitted" --change "Held at Bolton Town Hall" >/dev/null
check "the next write replaces the empty anchor with a newer entry" \
  "$([ "$(cut -d' ' -f2 "$anchor")" -gt "$(cut -d' ' -f2 "$work/anchor.now")" ] && echo newer)" "newer"
put_back
cp "$work/anchor.now" "$anchor"
expect_exit "the original verifies again, its anchor back" 0 q verify
fi

# Finding 2: the schema.
copy; tamper drop-triggers "$c"
msg=$(q --db "$c" verify 2>&1); status=$?
check "finding 2: every trigger dropped: exit 4" "$status" "4"
if is_pg; then
  triggers_sql="SELECT count(*) FROM pg_trigger g JOIN pg_class t ON t.oid = g.tgrelid WHERE t.relnamespace = 'public'::regnamespace AND NOT g.tgisinternal"
else
  triggers_sql="SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"
fi
check "finding 2: every trigger is named missing" "$(grep -c 'Schema: trigger .* is missing' <<<"$msg")" \
  "$(db_sql "$QUORUM_DB" "$triggers_sql")"
# SQLite: a trigger's SQL; PostgreSQL: the function a trigger calls (tamper.py prints "function NAME").
copy; name=$(tamper flip-trigger "$c" 3)
is_pg || name="trigger $name"
expect_exit "finding 2: a byte flipped in a trigger's SQL: exit 4" 4 q --db "$c" verify
check "finding 2: the trigger is named" "$(q --db "$c" verify 2>&1 | grep -c "$name differs")" "1"
copy; db_sql "$c" "CREATE TABLE extra (x integer)"
expect_exit "a table added outside Quorum: exit 4" 4 q --db "$c" verify

# Finding 5: --db "".
env_db_hash=$(db_hash)
expect_exit "finding 5: --db \"\" is refused (exit 2)" 2 q --db "" conference new --child A --kind initial --date 2026-11-20 --chair C
check "finding 5: nothing written to \$QUORUM_DB" "$(db_hash)" "$env_db_hash"
expect_exit "finding 5: --db= (empty) is refused too" 2 q --db= conference list

# Finding 6: arguments are UTF-8 whatever the locale.
new=$(LC_ALL=C q --json conference new --child "Zoë Brontë" --kind initial --date 2026-11-21 --chair "Siân")
check "finding 6: LC_ALL=C: ë is stored as ë" "$(jget "$(q --json conference show "$(jget "$new" 'd["id"]')")" 'd["children"][0]["name"]')" "Zoë Brontë"
# An ISO-8859-1 locale, made for the test when the machine has none.
if command -v localedef >/dev/null && [ -d /usr/share/i18n/locales ] &&
   localedef -i en_GB -f ISO-8859-1 "$work/locales/en_GB.ISO-8859-1" >/dev/null 2>&1; then
  new=$(LOCPATH="$work/locales" LC_ALL=en_GB.ISO-8859-1 q --json conference new --child "Zoë Brontë" --kind initial --date 2026-11-21 --chair "Siân")
  check "finding 6: ISO-8859-1 locale: no mojibake" "$(jget "$(q --json conference show "$(jget "$new" 'd["id"]')")" 'd["children"][0]["name"]')" "Zoë Brontë"
fi
expect_exit "finding 6: bytes that are not UTF-8 are refused" 2 q conference new --child "$(printf 'Zo\xeb')" --kind initial --date 2026-11-21 --chair C

# Finding 7: SQLite files that are not Quorum's, modes, read-only files.
if is_pg; then
  skip "finding 7: other applications' SQLite files, a file's modes, a read-only file (10 checks)" \
    "a SQLite file's; the server keeps its own files"
else
sqlite3 "$work/other.db" "CREATE TABLE notes (x); INSERT INTO notes VALUES ('theirs');"
other_before=$(sha256sum < "$work/other.db")
expect_exit "finding 7: another application's SQLite file is refused" 3 q --db "$work/other.db" conference list
expect_exit "finding 7: and not written to" 3 q --db "$work/other.db" conference new --child A --kind initial --date 2026-11-20 --chair C
check "finding 7: the other file is unchanged" "$(sha256sum < "$work/other.db")" "$other_before"
sqlite3 "$work/appid.db" "PRAGMA application_id = 42; CREATE TABLE meta (key, value); CREATE TABLE audit (id); CREATE TABLE conference (id);"
expect_exit "finding 7: a file with another application id is refused" 3 q --db "$work/appid.db" verify
for cmd in "conference list" "referrals" "differences" "conference show 1" "workdays closures" "notices" "notices --pending" "challenge show 1"; do
  # shellcheck disable=SC2086
  q --db "$work/read-$RANDOM.db" $cmd >/dev/null 2>&1
done
check "finding 7: read commands create no database" "$(ls "$work" | grep -c '^read-')" "0"
check "finding 7: a read of no database reads an empty one" "$(q --db "$work/none.db" --json conference list)" "[]"

q --db "$work/mode.db" conference new --child A --kind initial --date 2026-11-20 --chair C >/dev/null
chmod 0644 "$work/mode.db"
msg=$(q --db "$work/mode.db" conference list 2>&1 >/dev/null)
check "finding 7: a 0644 database is tightened to 0600" "$(stat -c %a "$work/mode.db")" "600"
check "finding 7: with a notice" "$(grep -c 'private' <<<"$msg")" "1"

mkdir -p "$work/home/quorum"; chmod 0755 "$work/home/quorum"
XDG_DATA_HOME="$work/home" QUORUM_DB= q conference new --child A --kind initial --date 2026-11-20 --chair C >/dev/null 2>&1
check "finding 7: the app's own folder, 0755, is tightened to 0700" "$(stat -c %a "$work/home/quorum")" "700"

q --db "$work/ro.db" conference new --child A --kind initial --date 2026-11-20 --chair C >/dev/null
chmod 0400 "$work/ro.db"
q --db "$work/ro.db" conference list >/dev/null 2>&1
chmod 0600 "$work/ro.db"
expect_exit "finding 7: after a read of a read-only database, a write works" 0 \
  q --db "$work/ro.db" conference new --child B --kind initial --date 2026-11-20 --chair C

fi

expect_exit "finding 7: an overflowing id is refused" 2 q conference show 99999999999999999999
check "finding 7: as typed" "$(q conference show 99999999999999999999 2>&1 | grep -c 99999999999999999999)" "1"
expect_exit "finding 7: an overflowing --child is refused" 2 q vote "$conf" --child 99999999999999999999 --group Police --view plan
expect_exit "finding 7: an overflowing amended record is refused" 2 \
  q amend "$conf" --reason typo --record vote:99999999999999999999 --field reason --value x
check "finding 7: the amended record as typed" \
  "$(q amend "$conf" --reason typo --record vote:99999999999999999999 --field reason --value x 2>&1 | grep -c 'vote:99999999999999999999')" "1"
expect_exit "finding 7: a 60,000-character search is rejected input (2), not a storage failure" 2 \
  q conference list --search "$(python3 -c 'print("a" * 60000)')"
for bad in $'Amy\u202eenaJ' $'Amy\u200bJones' $'Amy\u2066x\u2069' $'Amy\u200fJ' $'Amy\e[31mRed' $'Amy\nJones'; do
  expect_exit "finding 7: a name with $(printf '%q' "$bad" | head -c 40) is refused" 2 \
    q conference new --child "$bad" --kind initial --date 2026-11-20 --chair C
done
conf2=$(jget "$(q --json conference new --child "Cara" --kind initial --date 2026-11-22 --chair C)" 'd["id"]')
cara=$(jget "$(q --json conference show "$conf2")" 'd["children"][0]["id"]')
q attendee add "$conf2" --name "P. Officer" --agency Police --line-management Police >/dev/null
q consensus "$conf2" --child "$cara" --agreed none --summary "No consensus" >/dev/null
expect_exit "finding 7: a reason with U+202E is refused" 2 q vote "$conf2" --child "$cara" --group Police --view no-plan --reason $'fine\u202e'
expect_exit "a reason keeps its new lines" 0 q vote "$conf2" --child "$cara" --group Police --view no-plan --reason $'line one\nline two'
check "a reason keeps its new lines: stored" "$(jget "$(q --json conference show "$conf2")" 'd["votes"][0]["reason"]')" $'line one\nline two'
expect_exit "finding 7: --reason a --reason b is refused" 1 q vote "$conf2" --child "$cara" --group Police --view no-plan --reason a --reason b
expect_exit "finding 7: --reason=a --reason b is refused" 1 q vote "$conf2" --child "$cara" --group Police --view no-plan --reason=a --reason b
expect_exit "finding 8: --db given twice is refused" 1 q --db "$work/x.db" conference list --db "$work/y.db"
expect_exit "a --child repeated is still siblings" 0 q conference new --child A --child B --kind initial --date 2026-11-20 --chair C
expect_exit "--reason whose value is \"--db\" is a value, not a second option" 2 \
  q vote "$conf2" --child "$cara" --group Nobody --view no-plan --reason --db

mkdir -p "$work/profiles"
printf '[Profile]\nName=Evil\033[2J\033]0;pwned\007\nAuthority=X\nDefault=false\nRule=chair-decides\nRegion=england-wales\n[Referral]\nWorkingDays=5\nPanelCalendarDays=28\n' > "$work/profiles/evil.ini"
out=$(QUORUM_PROFILES_DIR="$work/profiles" q profiles 2>&1)
check "finding 7: a profile Name with terminal escapes is never printed raw" "$(grep -c $'\033' <<<"$out")" "0"
python3 -c 'import sys; open(sys.argv[1],"w").write("[Profile]\nName=" + "N" * (5 * 1024 * 1024) + "\nAuthority=X\nRule=chair-decides\n")' "$work/profiles/huge.ini"
out=$(QUORUM_PROFILES_DIR="$work/profiles" q --json profiles 2>/dev/null)
check "finding 7: a 5 MB profile Name is refused" "$(jget "$out" '[p["id"] for p in d if p["id"] in ("huge", "evil")]')" "[]"

# Finding 4: exports.
if [ "$(id -u)" -eq 0 ]; then
  expect_exit "finding 4: -o /dev/null is refused" 2 q export dissent "$conf" --format txt -o /dev/null
  check "finding 4: /dev/null is still a device" "$(stat -c %F /dev/null)" "character special file"
fi
mkfifo "$work/fifo"
expect_exit "finding 4: a FIFO is refused" 2 q export dissent "$conf" --format txt -o "$work/fifo"
check "finding 4: the FIFO is still a FIFO" "$(stat -c %F "$work/fifo")" "fifo"
expect_exit "finding 4: a folder is refused" 2 q export dissent "$conf" --format txt -o "$work"
check "finding 4: -o - writes the record to standard output" \
  "$(q export dissent "$conf" --format json -o - | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')" "$conf"
echo "a child's whole record" > "$work/target.pdf.1a2b3c"
mkdir -p "$XDG_STATE_HOME/quorum/exports-in-progress"
printf '%s' "$work/target.pdf.1a2b3c" > "$XDG_STATE_HOME/quorum/exports-in-progress/999999-deadbeef"
q profiles >/dev/null
check "finding 4: a killed export's temporary file is removed at the next start" "$(ls "$work" | grep -c 'target.pdf.1a2b3c')" "0"

# Backups: backup, restore after checking.
if is_pg; then
  expect_exit "backup of a shared database: the server's (pg_dump), refused, nothing written" 2 q backup -o "$work/b1.db"
  check "backup of a shared database: no file" "$(ls "$work" | grep -c '^b1\.db')" "0"
  q --db "$work/s.db" conference new --child A --kind initial --date 2026-11-20 --chair C >/dev/null
  q --db "$work/s.db" backup -o "$work/b0.db" >/dev/null
  before=$(db_hash)
  expect_exit "restore onto a shared database: the server's (pg_restore), refused" 2 q restore "$work/b0.db"
  check "restore refused: the database is unchanged" "$(db_hash)" "$before"
  skip "backup, restore, legacy and daily backups, a damaged file (16 checks)" \
    "a SQLite file's copies, header and pages; a server backs up and checks its own"
else
expect_exit "backup -o FILE" 0 q backup -o "$work/b1.db"
q conference new --child Later --kind initial --date 2026-11-23 --chair C >/dev/null
expect_exit "restore FILE" 0 q restore "$work/b1.db"
check "restore: the conference made after the backup is gone" \
  "$(jget "$(q --json conference list)" '[c for c in d if c["child_names"] == "Later"]')" "[]"
expect_exit "restored database verifies" 0 q verify
cp "$work/b1.db" "$work/b2.db"; tamper recompute "$work/b2.db"
before=$(db_hash)
expect_exit "restore refuses a backup that does not verify" 4 q restore "$work/b2.db"
check "restore refused: the database is unchanged" "$(db_hash)" "$before"
expect_exit "backup never overwrites" 2 q backup -o "$work/b1.db"

# Existing databases: an unkeyed chain is checked, keyed on first open with the key, and says so.
sqlite3 "$work/legacy.db" < "$QUORUM_SRCDIR/tests/fixtures/schema-v1.sql"
msg=$(q --db "$work/legacy.db" conference list 2>&1 >/dev/null)
check "a database from before the keys is keyed on first open, and says so" "$(grep -c 'now keyed' <<<"$msg")" "1"
check "and it was backed up before its upgrade" "$(ls "$work/legacy.db.backups" | grep -c '^schema1-')" "1"
expect_exit "the keyed legacy database verifies" 0 q --db "$work/legacy.db" verify
check "the application id marks it now" "$(sqlite3 "$work/legacy.db" 'PRAGMA application_id')" "1366650738"

# Daily backups: one a day, the newest N kept.
mkdir -p "$work/daily.db.backups"
q --db "$work/daily.db" conference new --child A --kind initial --date 2026-11-20 --chair C >/dev/null
for d in 20200101 20200102 20200103 20200104; do : > "$work/daily.db.backups/daily-$d-000000-1.db"; done
QUORUM_BACKUPS_KEEP=3 q --db "$work/daily.db" conference list >/dev/null
check "daily backup: today's taken, the newest 3 kept" "$(ls "$work/daily.db.backups" | grep -c '^daily-')" "3"
check "daily backup: today's is among them" "$(ls "$work/daily.db.backups" | grep -c "^daily-$(date +%Y%m%d)")" "1"
check "daily backup: a sound SQLite copy" "$(sqlite3 "$(ls -d "$work"/daily.db.backups/daily-"$(date +%Y%m%d)"* | head -n1)" 'PRAGMA integrity_check')" "ok"

# A database failing its check is never written to.
q --db "$work/damaged.db" conference new --child A --kind initial --date 2026-11-20 --chair C >/dev/null
python3 - "$work/damaged.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("PRAGMA writable_schema = ON")
sql = db.execute("SELECT sql FROM sqlite_master WHERE name = 'conference'").fetchone()[0]
db.execute("UPDATE sqlite_master SET sql = ? WHERE name = 'conference'", (sql.replace("venue            TEXT,", "venue            TEXT NOT NULL,"),))
db.close()
PY
before=$(cat "$work/damaged.db" | sha256sum)
expect_exit "a damaged database: a write is refused (exit 3)" 3 env QUORUM_BACKUPS_KEEP=7 \
  "$QUORUM_CLI" --db "$work/damaged.db" conference new --child B --kind initial --date 2026-11-20 --chair C
check "a damaged database: its records are unchanged" "$(sqlite3 "$work/damaged.db" 'SELECT count(*) FROM conference')" "1"

fi

finish
