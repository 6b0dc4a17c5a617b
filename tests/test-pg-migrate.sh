#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# test-pg-migrate.sh: a chair's SQLite database moved into an authority's PostgreSQL database
# with `quorum-cli migrate --from PATH --to postgresql://…` (issue 12, "moving in": audit chains
# verified before and after, ids mapped, refusing duplicates, resumable). Run under
# build-aux/pg-cluster run (PGHOST… and QUORUM_PG set).
set -u
: "${QUORUM_PG:?run under build-aux/pg-cluster run}"
. "$(dirname "$0")/cli-lib.sh"
. "$(dirname "$0")/migrate-demo.sh"
has () { case "$1" in *"$2"*) echo yes ;; *) echo no ;; esac; }
pg () { psql -X -q -A -t -v ON_ERROR_STOP=1 "$@"; }
host=$(python3 -c 'import socket; print(socket.gethostname())')
# 13's objects (the table of hand-overs, the chair's guards and their functions), taken away
# from a server made by this version to make a version-12 one; and what schema 12 adds (its
# triggers <table>_audited and <table>_actor, and their functions) with them: older ones.
undo13="DO \$\$
DECLARE t record;
BEGIN
  FOR t IN SELECT g.tgname, g.tgrelid::regclass AS rel FROM pg_trigger g WHERE g.tgname LIKE '%\\_its\\_chair' LOOP
    EXECUTE format ('DROP TRIGGER %I ON %s', t.tgname, t.rel);
  END LOOP;
END \$\$;
DROP TABLE conference_handover;
DROP FUNCTION quorum_chair_only (), quorum_handover_check (), quorum_conference_chair (bigint);
UPDATE schema_migration SET version = 12 WHERE version = 13;"
undo12="$undo13
DO \$\$
DECLARE t record;
BEGIN
  FOR t IN SELECT g.tgname, g.tgrelid::regclass AS rel FROM pg_trigger g
           WHERE g.tgname LIKE '%\\_audited' OR g.tgname LIKE '%\\_actor' LOOP
    EXECUTE format ('DROP TRIGGER %I ON %s', t.tgname, t.rel);
  END LOOP;
END \$\$;
DROP FUNCTION quorum_row_audited (), quorum_actor (), quorum_audit_write (text, text, bigint, text),
  quorum_audit_canonical (regclass, jsonb);"

q admin init --db "$QUORUM_PG" >/dev/null || { echo "admin init failed"; exit 1; }
q admin grant achair chair --db "$QUORUM_PG" >/dev/null
q admin grant mtaker minute-taker --db "$QUORUM_PG" >/dev/null
shared="$QUORUM_PG"
as_chair="$QUORUM_PG user=achair"
as_reader="$QUORUM_PG user=mtaker"

# The server already holds a conference of its own: the laptop's ids move.
q --db "$as_chair" conference new --child "Zed Shared" --kind initial --date 2026-10-01 --chair "O. Chair" >/dev/null

laptop="$work/laptop.db"
export QUORUM_DB="$laptop"
read -r conf bconf later <<<"$(migrate_demo)"
check "the demo database holds a row in every table of records" "$(migrate_demo_empty_tables "$laptop")" ""

# ---- bad arguments against the server: a message, exit 2, nothing written ----
before=$(pg -c "SELECT count(*) FROM audit")
expect_exit "a --from that names no file: refused" 2 q migrate --from "$work/nothing.db" --to "$shared"
expect_exit "--from the server itself: refused (migrate copies a file)" 2 q migrate --from "$shared" --to "$shared"
pg -c "CREATE DATABASE bare_server" >/dev/null
expect_exit "a server database without Quorum's schema: refused" 2 q migrate --from "$laptop" --to "$QUORUM_PG dbname=bare_server"
check "the refusals wrote nothing" "$(pg -c "SELECT count(*) FROM audit") $(pg -d bare_server -c "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")" "$before 0"

# ---- a chair's migration the server refuses: closure days are the administrator's ----
before=$(pg -c "SELECT count(*) FROM audit")
err=$(q migrate --from "$laptop" --to "$as_chair" 2>&1 >/dev/null); status=$?
check "a chair may not add closure days: the server refuses (exit 2)" "$status $(has "$err" "does not allow this")" "2 yes"
check "the refusal wrote nothing" "$(pg -c "SELECT count(*) FROM audit")" "$before"

# ---- the whole database, by the administrator ----
audit_before=$(pg -c "SELECT count(*) FROM audit")
q --json migrate --from "$laptop" --to "$shared" >"$work/migrate.json"; status=$?
check "migrate into PostgreSQL: exit 0" "$status" "0"
check "every table's rows copied (counts per table = the source's)" \
  "$(python3 - "$work/migrate.json" "$laptop" <<'EOF'
import json, sqlite3, sys
d = json.load(open(sys.argv[1]))
db = sqlite3.connect(sys.argv[2])
bad = [t for t, v in d["tables"].items()
       if v["copied"] != db.execute('SELECT count(*) FROM "%s"' % t).fetchone()[0] or len(v["ids"]) != v["copied"]]
print(len(d["tables"]), bad)
EOF
)" "25 []"
check "ids are the server's own (its conference 1 was there first)" \
  "$(jget "$(cat "$work/migrate.json")" 'd["tables"]["conference"]["ids"]')" '{"1": 2, "2": 3, "3": 4, "4": 5}'
check "every copied row has its entry in the server's chain" \
  "$(( $(pg -c "SELECT count(*) FROM audit") - audit_before ))" "$(jget "$(cat "$work/migrate.json")" 'd["copied"]')"
check "the entries say from which file and by whom (session_user)" \
  "$(pg -c "SELECT \"user\" || '|' || summary FROM audit WHERE entity = 'conference' AND summary LIKE 'migrated from%' ORDER BY id LIMIT 1")" \
  "postgres|migrated from database $(sqlite3 "$laptop" "SELECT value FROM meta WHERE key = 'database_id'"): conference 1 of $laptop on $host"
out=$(q --json verify --db "$as_reader"); status=$?
check "verify on the server after, as a minute-taker: intact" "$status $(jget "$out" '[d["ok"], d["problems"]]')" '0 [true, []]'

for c in 1 2 3 4; do
  t=$(jget "$(cat "$work/migrate.json")" "d['tables']['conference']['ids']['$c']")
  q --json conference show "$c" >"$work/src.$c.json"
  q --db "$as_reader" --json conference show "$t" >"$work/dst.$c.json"
  a=$(normalise "$work/src.$c.json" "$work/migrate.json")
  b=$(normalise "$work/dst.$c.json")
  check "conference show: the laptop's conference $c is the server's $t, the same record" "$([ "$a" == "$b" ] && echo same || echo differs)" "same"
  [ "$a" == "$b" ] || diff <(echo "$a" | python3 -m json.tool) <(echo "$b" | python3 -m json.tool) | head -20 | sed 's/^/#   /'
done
for d in 1 2; do
  t=$(jget "$(cat "$work/migrate.json")" "d['tables']['difference']['ids']['$d']")
  q --json difference show "$d" >"$work/srcd.$d.json"
  q --db "$as_reader" --json difference show "$t" >"$work/dstd.$d.json"
  check "difference show: the laptop's difference $d is the server's $t" \
    "$([ "$(normalise "$work/srcd.$d.json" "$work/migrate.json")" == "$(normalise "$work/dstd.$d.json")" ] && echo same || echo differs)" "same"
done

# Rule (DOMAIN: sign-off): signed off on the laptop, signed off on the server, enforced there.
t=$(jget "$(cat "$work/migrate.json")" "d['tables']['conference']['ids']['$conf']")
expect_exit "sign-off kept: the chair cannot add to the copied conference" 2 \
  q --db "$as_chair" attendee add "$t" --name "Late Comer" --agency Police --line-management Police
err=$(pg -c "UPDATE decision SET outcome = 'no-plan' WHERE conference_id = $t" 2>&1); status=$?
check "sign-off kept: the server's trigger refuses psql too" "$([ "$status" -ne 0 ] && echo refused) $(has "$err" "finalised")" "refused yes"

# ---- a second run is a duplicate ----
before=$(pg -c "SELECT count(*) FROM audit")
err=$(q migrate --from "$laptop" --to "$shared" 2>&1 >/dev/null); status=$?
check "a second run: exit 2, a duplicate" "$status $(has "$err" "migrated into this database already")" "2 yes"
check "the duplicate wrote nothing" "$(pg -c "SELECT count(*) FROM audit")" "$before"

# ---- a tampered laptop is refused ----
q backup -o "$work/tampered.db" >/dev/null
sqlite3 "$work/tampered.db" "UPDATE child SET name = 'Someone Else' WHERE conference_id = $later"
err=$(q migrate --from "$work/tampered.db" --to "$shared" 2>&1 >/dev/null); status=$?
check "a tampered source: exit 2, verify's reason" "$status $(has "$err" "fails verify")" "2 yes"
check "a tampered source: nothing written" "$(pg -c "SELECT count(*) FROM audit")" "$before"

# ---- a chair moves her own laptop in (no closure days): the entries are hers ----
export QUORUM_DB="$work/chair.db"
c=$(jget "$(q --json conference new --child "Dee Chair" --kind initial --date 2026-11-25 --chair "A. Chair")" 'd["id"]')
q attendee add "$c" --name "S. Social" --agency "Children's Social Care" --line-management CSC >/dev/null
q attendee add "$c" --name "A. Khan" --agency Police --line-management Police >/dev/null
q attendee add "$c" --name "H. Visitor" --agency "NHS Trust" --line-management NHS >/dev/null
q attendee add "$c" --name "T. Teacher" --agency School --line-management School >/dev/null
kid=$(jget "$(q --json conference show "$c")" 'd["children"][0]["id"]')
q consensus "$c" --child "$kid" --agreed none --summary "Views differ" >/dev/null
q vote "$c" --child "$kid" --group CSC --view plan --reason "Neglect" >/dev/null
q vote "$c" --child "$kid" --group Police --view no-plan --reason "Nothing known" >/dev/null
q vote "$c" --child "$kid" --group School --view plan --reason "Hungry" >/dev/null
q vote "$c" --child "$kid" --group NHS --view no-plan --reason "Health needs met" >/dev/null
q decide "$c" --child "$kid" >/dev/null
q finalise "$c" >/dev/null
out=$(q --json migrate --from "$work/chair.db" --to "$as_chair"); status=$?
check "a chair's own laptop: exit 0" "$status" "0"
check "its entries are in the chair's name" \
  "$(pg -c "SELECT DISTINCT \"user\" FROM audit WHERE summary LIKE 'migrated from database $(sqlite3 "$work/chair.db" "SELECT value FROM meta WHERE key = 'database_id'")%'")" "achair"
check "its split referral is on the Head of Service's list" \
  "$(jget "$(q --db "$as_reader" --json referrals)" "len([r for r in d if r['conference'] == $(jget "$out" "d['tables']['conference']['ids']['$c']")])")" "1"

# ---- a conference given a new vote on the laptop after it was copied: the vote follows; a view
# changed there after the copy is refused, naming the conference, nothing written ----
export QUORUM_DB="$work/votes.db"
read -r vc vkid <<<"$(migrate_vote_open "Ann Votes" 2026-11-28)"
q vote "$vc" --child "$vkid" --group Police --view plan --category neglect --reason "Bruising" >/dev/null
out=$(q --json migrate --from "$work/votes.db" --to "$as_chair")
here=$(jget "$out" "d['tables']['conference']['ids']['$vc']")
q vote "$vc" --child "$vkid" --group Health --view no-plan --reason "Seen twice, no concerns" >/dev/null
out=$(q --json migrate --from "$work/votes.db" --to "$as_chair"); status=$?
check "a new vote on the laptop after the copy: exit 0, the vote copied to the server" \
  "$status $(jget "$out" '[d["tables"]["vote"]["copied"], d["tables"]["vote"]["already"]]')" "0 [1, 1]"
check "the server holds both views, as the laptop does" \
  "$(pg -c "SELECT string_agg (grp || ':' || view, ',' ORDER BY id) FROM vote WHERE conference_id = $here")" \
  "$(sqlite3 "$work/votes.db" "SELECT group_concat(grp || ':' || view, ',') FROM (SELECT * FROM vote ORDER BY id)")"
q vote "$vc" --child "$vkid" --group Police --view no-plan --reason "Bruising explained by the GP" >/dev/null
before=$(pg -c "SELECT count(*) || ' ' || (SELECT count(*) FROM vote) || ' ' || (SELECT count(*) FROM superseded_view) FROM audit")
err=$(q migrate --from "$work/votes.db" --to "$as_chair" 2>&1 >/dev/null); status=$?
check "a view changed on the laptop after the copy: refused, exit 2, naming the conference here and there" \
  "$status $(case "$err" in *"Conference $vc of $work/votes.db"*"(conference $here here) was changed there after it was copied: vote"*"(view, "*"Nothing was copied"*) echo yes ;; *) echo "no: $err" ;; esac)" "2 yes"
check "the refusal wrote nothing on the server" \
  "$(pg -c "SELECT count(*) || ' ' || (SELECT count(*) FROM vote) || ' ' || (SELECT count(*) FROM superseded_view) FROM audit")" "$before"
# A new view on the laptop while its copy was recorded in on the server: refused too.
export QUORUM_DB="$work/votes2.db"
read -r wc wkid <<<"$(migrate_vote_open "Bo Votes" 2026-11-29)"
out=$(q --json migrate --from "$work/votes2.db" --to "$as_chair")
there=$(jget "$out" "d['tables']['conference']['ids']['$wc']")
tkid=$(jget "$out" "d['tables']['child']['ids']['$wkid']")
q --db "$as_chair" vote "$there" --child "$tkid" --group Police --view plan --category neglect --reason "Recorded on the server" >/dev/null
q vote "$wc" --child "$wkid" --group Health --view no-plan --reason "Recorded on the laptop" >/dev/null
before=$(pg -c "SELECT count(*) FROM audit")
err=$(q migrate --from "$work/votes2.db" --to "$as_chair" 2>&1 >/dev/null); status=$?
check "new on the laptop and recorded in on the server since: refused, exit 2, nothing written" \
  "$status $(case "$err" in *"has records added there since it was copied (vote"*"(conference $there) has been recorded in since"*) echo yes ;; *) echo "no: $err" ;; esac) $(pg -c "SELECT count(*) FROM audit")" "2 yes $before"
export QUORUM_DB="$work/chair.db"

# ---- a run killed midway, then again: it resumes, nothing doubled ----
bench="${QUORUM_BUILDDIR:-}/bench/quorum-bench"
if [ -x "$bench" ]; then
  "$bench" generate "$work/big.db" 300 >/dev/null 2>&1
  base=$(pg -c "SELECT count(*) FROM conference")
  "$QUORUM_CLI" migrate --from "$work/big.db" --to "$shared" >/dev/null 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    n=$(pg -c "SELECT count(*) FROM conference")
    [ $((n - base)) -ge 40 ] && break
    sleep 0.05
  done
  kill -KILL "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  copied=$(( $(pg -c "SELECT count(*) FROM conference") - base ))
  check "killed midway: some conferences in, not all" "$([ "$copied" -gt 0 ] && [ "$copied" -lt 300 ] && echo midway || echo "$copied")" "midway"
  out=$(q --json migrate --from "$work/big.db" --to "$shared"); status=$?
  check "run again: exit 0, resumed, all 300 there" \
    "$status $(jget "$out" '[d["resumed"], d["tables"]["conference"]["already"] + d["tables"]["conference"]["copied"]]')" "0 [true, 300]"
  check "nothing doubled: the server holds the source's rows once" \
    "$(( $(pg -c "SELECT count(*) FROM referral") - $(sqlite3 "$laptop" "SELECT count(*) FROM referral") - $(sqlite3 "$work/chair.db" "SELECT count(*) FROM referral") ))" "300"
  check "nothing doubled: one migration entry per source row" \
    "$(pg -c "SELECT count(*) FROM (SELECT summary FROM audit WHERE summary LIKE 'migrated from%' GROUP BY summary HAVING count(*) > 1) s")" "0"
  out=$(q --json verify --db "$as_reader"); status=$?
  check "verify after the resumed run: intact" "$status $(jget "$out" 'd["ok"]')" "0 true"
else
  ok "# SKIP the killed run: no quorum-bench at $bench"
fi

# ---- schema 10: a leave undone is withdrawn, not overwritten with 29:59 ----
# A version-9 SQLite file with three leaves undone (tests/fixtures/schema-v9-withdrawn.sql, made
# by version 9's quorum-cli, with its key): opened, it is carried to 10; moved to the server,
# the withdrawn leaves keep their columns and the server's chain verifies.
v9file="$work/v9.db"
sqlite3 "$v9file" <"$(dirname "$0")/fixtures/schema-v9-withdrawn.sql"
cp "$(dirname "$0")/fixtures/schema-v9-withdrawn.key" "$work/v9.key"; chmod 600 "$work/v9.key"
out=$(QUORUM_KEY_FILE="$work/v9.key" q --json verify --db "$v9file"); status=$?
check "a version-9 file with leaves undone: carried to 10 (and 11, 12, 13), verify intact" \
  "$status $(jget "$out" 'd["ok"]') $(sqlite3 "$v9file" "PRAGMA user_version")" "0 true 13"
pg -c "CREATE DATABASE v10_server" >/dev/null
q admin init --db "$QUORUM_PG dbname=v10_server" >/dev/null
out=$(QUORUM_KEY_FILE="$work/v9.key" q --json migrate --from "$v9file" --to "$QUORUM_PG dbname=v10_server"); status=$?
check "migrate --from that file: exit 0" "$status" "0"
check "the withdrawn leaves are copied withdrawn, with their own times" \
  "$(pg -d v10_server -c "SELECT string_agg (at || ':' || (withdrawn_by IS NOT NULL), ' ' ORDER BY at) FROM attendance_event WHERE event = 'left'")" \
  "09:30:true 10:40:true 11:00:true"
out=$(q --json verify --db "$QUORUM_PG dbname=v10_server"); status=$?
check "verify on that server: intact" "$status $(jget "$out" '[d["ok"], d["problems"]]')" '0 [true, []]'

# A server at version 9 (made as this version makes it, then put back to 9's attendance_event
# and 9's undo written as 9 wrote it: the leave's time and recorder overwritten, an audit entry).
v9srv="$QUORUM_PG dbname=v9_server"
pg -c "CREATE DATABASE v9_server" >/dev/null
q admin init --db "$v9srv" >/dev/null
c9=$(jget "$(q --json --db "$v9srv" conference new --child "Nia Hughes" --kind initial --date 2026-11-30 --chair "C. Chair")" 'd["id"]')
a9=$(jget "$(q --json --db "$v9srv" attendee add "$c9" --name "P. Constable" --agency Police --line-management Police)" 'd["id"]')
QUORUM_TODAY=2026-11-30 QUORUM_NOW=12:00 q --db "$v9srv" attendee leave "$c9" --attendee "$a9" --time 10:40 >/dev/null
pg -d v9_server >/dev/null <<SQL
BEGIN;
$undo12
DROP TRIGGER attendance_event_withdraw_only ON attendance_event;
DROP FUNCTION quorum_attendance_withdraw_only ();
DROP INDEX attendance_event_arrived_once, attendance_event_left_once;
ALTER TABLE attendance_event DROP COLUMN withdrawn_at, DROP COLUMN withdrawn_by;
ALTER TABLE attendance_event ADD UNIQUE (attendee_id, event);
GRANT UPDATE ON attendance_event TO quorum_chair;
ALTER TABLE decision DROP COLUMN reason;
UPDATE schema_migration SET version = 9;
UPDATE attendance_event SET at = '29:59', recorded_at = '2026-11-30T10:41:00.000000Z', recorded_by = 'undoer'
  WHERE attendee_id = $a9;
DO \$\$
DECLARE e record; d text; rh text; s text; n bigint; h text;
BEGIN
  SELECT * INTO e FROM attendance_event WHERE attendee_id = $a9;
  d := 'id=i' || e.id || E'\n' || 'conference_id=i' || e.conference_id || E'\n' || 'attendee_id=i' || e.attendee_id ||
       E'\n' || 'event=t4:left' || E'\n' || 'at=t5:29:59' || E'\n' || 'recorded_at=t27:' || e.recorded_at || E'\n' ||
       'recorded_by=t6:undoer' || E'\n';
  rh := encode (sha256 (convert_to (d, 'UTF8')), 'hex');
  s := 'attendee ' || e.attendee_id || ' left undone: back in the room';
  SELECT id + 1, hash INTO n, h FROM audit ORDER BY id DESC LIMIT 1;
  INSERT INTO audit (id, at, "user", action, entity, entity_id, conference_id, summary, data, row_hash, prev_hash, hash)
    VALUES (n, '2026-11-30T10:41:00.000000Z', 'undoer', 'update', 'attendance_event', e.id, e.conference_id, s, d, rh, h,
            quorum_audit_entry_hash (n, '2026-11-30T10:41:00.000000Z', 'undoer', 'update', 'attendance_event', e.id,
                                     e.conference_id, s, d, rh, h));
END \$\$;
COMMIT;
SQL
check "the version-9 server holds the leave as 9 did" \
  "$(pg -d v9_server -c "SELECT max(version) FROM schema_migration") $(pg -d v9_server -c "SELECT at FROM attendance_event WHERE attendee_id = $a9")" "9 29:59"
q admin grant achair9 chair --db "$v9srv" >/dev/null
err=$(q --db "$v9srv user=achair9" conference show "$c9" 2>&1 >/dev/null); status=$?
check "a chair opening a version-9 server is refused, told that its administrator runs admin init" \
  "$([ $status -ne 0 ] && echo refused) $(has "$err" "admin init")" "refused yes"
q admin init --db "$v9srv" >/dev/null; status=$?
check "admin init brings it to 10 (and 11, 12, 13)" "$status $(pg -d v9_server -c "SELECT max(version) FROM schema_migration")" "0 13"
check "the leave is withdrawn by whoever undid it, when, with its own time and recorder back" \
  "$(pg -d v9_server -c "SELECT at || ' ' || recorded_by || ' ' || withdrawn_at || ' ' || withdrawn_by FROM attendance_event WHERE attendee_id = $a9")" \
  "10:40 postgres 2026-11-30T10:41:00.000000Z undoer"
check "the migration's audit entry, in the administrator's name" \
  "$(pg -d v9_server -c "SELECT \"user\" || ' ' || action || ' ' || summary FROM audit ORDER BY id DESC LIMIT 1")" \
  "postgres update attendee $a9 left at 10:40 undone: back in the room (at 2026-11-30T10:41:00.000000Z by undoer; withdrawn, as schema 10 records it)"
out=$(q --json verify --db "$v9srv user=achair9"); status=$?
check "verify after the migration: intact (the chain, the server's keys, every row)" "$status $(jget "$out" '[d["ok"], d["problems"]]')" '0 [true, []]'
# (Since 13 a conference is its chair's: this one's maker is no login of achair9's, so the
# administrator hands it to her first.)
q --db "$v9srv" conference handover "$c9" --to achair9 >/dev/null
out=$(QUORUM_TODAY=2026-11-30 QUORUM_NOW=12:00 q --json --db "$v9srv user=achair9" attendee leave "$c9" --attendee "$a9" --time 11:15); status=$?
check "they may leave again, for real" "$status $(jget "$out" 'd["left_at"]')" "0 11:15"
out=$(q --json verify --db "$v9srv user=achair9"); status=$?
check "verify after: intact" "$status $(jget "$out" 'd["ok"]')" "0 true"

# ---- schema 11: the chair's own reasons for a decision the chair makes (decision.reason) ----
# A version-10 SQLite file (tests/fixtures/schema-v10-chair.sql, made by version 10's quorum-cli,
# with its key): a signed-off Buckinghamshire conference with two chair's decisions (no reasons:
# 10 had no place for them), an undecided one with every view given, a Bolton majority.
v10file="$work/v10.db"
sqlite3 "$v10file" <"$(dirname "$0")/fixtures/schema-v10-chair.sql"
cp "$(dirname "$0")/fixtures/schema-v10-chair.key" "$work/v10.key"; chmod 600 "$work/v10.key"
out=$(QUORUM_KEY_FILE="$work/v10.key" q --json verify --db "$v10file"); status=$?
check "a version-10 file: carried to 11, 12 and 13, verify intact (its decisions' audited form unchanged)" \
  "$status $(jget "$out" 'd["ok"]') $(sqlite3 "$v10file" "PRAGMA user_version")" "0 true 13"
pg -c "CREATE DATABASE v11_server" >/dev/null
q admin init --db "$QUORUM_PG dbname=v11_server" >/dev/null
out=$(QUORUM_KEY_FILE="$work/v10.key" q --json migrate --from "$v10file" --to "$QUORUM_PG dbname=v11_server" 2>&1); status=$?
check "migrate --from that file into a version-11 server: exit 0" "$status" "0"
check "the decisions are copied, without reasons (none was recorded)" \
  "$(pg -d v11_server -c "SELECT count(*) || ' ' || count(reason) FROM decision")" "3 0"
out11=$(QUORUM_KEY_FILE="$work/v10.key" q --json migrate --from "$v10file" --to "$QUORUM_PG dbname=v11_server" 2>&1); status=$?
check "a second run is a duplicate (exit 2): a NULL reason reads as the row copied, not as changed" "$status" "2"
q admin grant achair11 chair --db "$QUORUM_PG dbname=v11_server" >/dev/null
c11=$(pg -d v11_server -c "SELECT c.id FROM conference c JOIN child k ON k.conference_id = c.id WHERE k.name = 'Cara Open'")
k11=$(pg -d v11_server -c "SELECT id FROM child WHERE name = 'Cara Open'")
as11="$QUORUM_PG dbname=v11_server user=achair11"
# Migrated by the server's superuser, the laptop's conference is chaired by the login its maker's
# name is here, else by the superuser who brought it in, not by achair11: the administrator hands
# it to the chair who goes on with it (schema 13).
out=$(q --json --db "$QUORUM_PG dbname=v11_server" conference handover "$c11" --to achair11); status=$?
check "the administrator hands the migrated conference to its chair" "$status $(jget "$out" 'd["to"]')" "0 achair11"
before=$(pg -d v11_server -c "SELECT count(*) FROM audit")
err=$(q --db "$as11" decide "$c11" --child "$k11" --chair-view plan --category physical 2>&1 >/dev/null); status=$?
check "a chair's decision without the chair's reasons: refused (exit 2), saying so" \
  "$status $(has "$err" "give the chair’s reasons")" "2 yes"
check "the refusal wrote nothing" "$(pg -d v11_server -c "SELECT count(*) FROM audit") $(pg -d v11_server -c "SELECT count(*) FROM decision")" "$before 3"
out=$(q --json --db "$as11" decide "$c11" --child "$k11" --chair-view plan --category physical \
  --reason "Medical opinion of non-accidental injury outweighs the explanation"); status=$?
check "with the chair's reasons (a chair, on the server): recorded" \
  "$status $(jget "$out" '[d["basis"], d["chair_reason"]]')" '0 ["chair", "Medical opinion of non-accidental injury outweighs the explanation"]'
check "the server's row holds them" "$(pg -d v11_server -c "SELECT reason FROM decision WHERE child_id = $k11")" \
  "Medical opinion of non-accidental injury outweighs the explanation"
out=$(q --json verify --db "$as11"); status=$?
check "verify on that server after, as a chair: intact" "$status $(jget "$out" '[d["ok"], d["problems"]]')" '0 [true, []]'

# A server at version 10 (made as this version makes it, then put back to 10's decision table).
v10srv="$QUORUM_PG dbname=v10b_server"
pg -c "CREATE DATABASE v10b_server" >/dev/null
q admin init --db "$v10srv" >/dev/null
c10=$(jget "$(q --json --db "$v10srv" conference new --child "Eli Bolton" --kind initial --date 2026-11-30 --chair "C. Chair")" 'd["id"]')
k10=$(jget "$(q --json --db "$v10srv" conference show "$c10")" 'd["children"][0]["id"]')
for g in CSC Police Health; do q --db "$v10srv" attendee add "$c10" --name "$g Rep" --agency "$g" --line-management "$g" >/dev/null; done
q --db "$v10srv" consensus "$c10" --child "$k10" --agreed none --summary "No consensus" >/dev/null
q --db "$v10srv" vote "$c10" --child "$k10" --group CSC --view plan --category neglect --reason "Neglect" >/dev/null
q --db "$v10srv" vote "$c10" --child "$k10" --group Police --view plan --category neglect --reason "Agree" >/dev/null
q --db "$v10srv" vote "$c10" --child "$k10" --group Health --view no-plan --reason "Improving" >/dev/null
q --db "$v10srv" decide "$c10" --child "$k10" >/dev/null
pg -d v10b_server >/dev/null <<SQL
$undo12
ALTER TABLE decision DROP COLUMN reason;
UPDATE schema_migration SET version = 10;
SQL
q admin grant achair10 chair --db "$v10srv" >/dev/null
err=$(q --db "$v10srv user=achair10" conference show "$c10" 2>&1 >/dev/null); status=$?
check "a chair opening a version-10 server is refused, told that its administrator runs admin init" \
  "$([ $status -ne 0 ] && echo refused) $(has "$err" "admin init")" "refused yes"
q admin init --db "$v10srv" >/dev/null; status=$?
check "admin init brings it to 11 (and 12), the column last" \
  "$status $(pg -d v10b_server -c "SELECT max(version) FROM schema_migration") $(pg -d v10b_server -c "SELECT column_name FROM information_schema.columns WHERE table_name = 'decision' ORDER BY ordinal_position DESC LIMIT 1")" "0 13 reason"
out=$(q --json verify --db "$v10srv user=achair10"); status=$?
check "verify after the migration: intact (a decision of 10 hashes as it did)" "$status $(jget "$out" '[d["ok"], d["problems"]]')" '0 [true, []]'

# ---- schema 12: a record written by hand without its entry, or in another's name, refused ----
# A server at version 11 (made as this version makes it, recorded in by a chair, then 12's
# triggers and functions taken away): there a chair's psql rewrote rows unaudited (trial 5, D3).
v11srv="$QUORUM_PG dbname=v11b_server"
pg -c "CREATE DATABASE v11b_server" >/dev/null
q admin init --db "$v11srv" >/dev/null
q admin grant achair12 chair --db "$v11srv" >/dev/null
as12="$v11srv user=achair12"
c12=$(jget "$(q --json --db "$as12" conference new --child "Ivy Eleven" --kind initial --date 2026-11-30 --chair "C. Chair")" 'd["id"]')
k12=$(jget "$(q --json --db "$as12" conference show "$c12")" 'd["children"][0]["id"]')
for g in CSC Police; do q --db "$as12" attendee add "$c12" --name "$g Rep" --agency "$g" --line-management "$g" >/dev/null; done
q --db "$as12" consensus "$c12" --child "$k12" --agreed none --summary "No consensus" >/dev/null
q --db "$as12" vote "$c12" --child "$k12" --group CSC --view plan --category neglect --reason "Neglect" >/dev/null
pg -d v11b_server >/dev/null <<SQL
$undo12
UPDATE schema_migration SET version = 11 WHERE version = 12;
SQL
audit11=$(pg -d v11b_server -c "SELECT count(*) || ' ' || max(hash) FROM audit")
check "the version-11 server: no trigger of 12's" \
  "$(pg -d v11b_server -c "SELECT max(version) FROM schema_migration") $(pg -d v11b_server -c "SELECT count(*) FROM pg_trigger WHERE tgname LIKE '%\\_audited' OR tgname LIKE '%\\_actor'")" "11 0"
pg -d v11b_server -U achair12 -c "UPDATE attendee SET name = 'Changed at 11' WHERE conference_id = $c12 AND name = 'CSC Rep'" >/dev/null; status=$?
check "at 11 a chair's psql UPDATEs a row with no audit entry (the hole 12 closes)" \
  "$status $(pg -d v11b_server -c "SELECT count(*) FROM attendee WHERE name = 'Changed at 11'")" "0 1"
pg -d v11b_server -c "UPDATE attendee SET name = 'CSC Rep' WHERE name = 'Changed at 11'" >/dev/null
err=$(q --db "$as12" conference show "$c12" 2>&1 >/dev/null); status=$?
check "a chair opening a version-11 server is refused, told that its administrator runs admin init" \
  "$([ $status -ne 0 ] && echo refused) $(has "$err" "admin init")" "refused yes"
q admin init --db "$v11srv" >/dev/null; status=$?
check "admin init brings it to 12 (and 13): 26 audit triggers, 16 writers' triggers" \
  "$status $(pg -d v11b_server -c "SELECT max(version) FROM schema_migration") $(pg -d v11b_server -c "SELECT count(*) FILTER (WHERE tgname LIKE '%\\_audited') || ' ' || count(*) FILTER (WHERE tgname LIKE '%\\_actor') FROM pg_trigger")" \
  "0 13 26 16"
check "the migration changed no row and wrote no entry" "$(pg -d v11b_server -c "SELECT count(*) || ' ' || max(hash) FROM audit")" "$audit11"
out=$(q --json verify --db "$as12"); status=$?
check "verify after 11 → 12: intact (its schema check knows 12's triggers and functions)" "$status $(jget "$out" '[d["ok"], d["problems"]]')" '0 [true, []]'
err=$(pg -d v11b_server -U achair12 -c "UPDATE attendee SET name = 'Changed at 12' WHERE conference_id = $c12 AND name = 'CSC Rep'" 2>&1); status=$?
check "at 12 the same UPDATE is refused at COMMIT, naming the row, nothing changed" \
  "$([ $status -ne 0 ] && echo refused) $(has "$err" "was written without its audit entry") $(pg -d v11b_server -c "SELECT count(*) FROM attendee WHERE name = 'Changed at 12'")" "refused yes 0"
out=$(q --json --db "$as12" vote "$c12" --child "$k12" --group Police --view no-plan --reason "Improving"); status=$?
check "the chair's vote through Quorum after 12" "$status $(pg -d v11b_server -c "SELECT recorded_by FROM vote WHERE grp_key = 'police'")" "0 achair12"
out=$(q --json verify --db "$as12"); status=$?
check "verify after 12: intact" "$status $(jget "$out" '[d["ok"], d["problems"]]')" '0 [true, []]'

# ---- schema 13: a conference is its chair's (trial 5, D4) ----
# A server at version 12 (made by this version, recorded in by two chairs, 13's objects taken
# away): there any chair signed off or voted in any chair's conference.
v12srv="$QUORUM_PG dbname=v12_server"
pg -c "CREATE DATABASE v12_server" >/dev/null
q admin init --db "$v12srv" >/dev/null
q admin grant anne13 chair --db "$v12srv" >/dev/null
q admin grant bea13 chair --db "$v12srv" >/dev/null
asa="$v12srv user=anne13"; asb="$v12srv user=bea13"
c13=$(jget "$(q --json --db "$asb" conference new --child "Jo Twelve" --kind initial --date 2026-11-30 --chair "Bea")" 'd["id"]')
k13=$(jget "$(q --json --db "$asb" conference show "$c13")" 'd["children"][0]["id"]')
for g in CSC Police Health; do q --db "$asb" attendee add "$c13" --name "$g Rep" --agency "$g" --line-management "$g" >/dev/null; done
q --db "$asb" consensus "$c13" --child "$k13" --agreed none --summary "No consensus" >/dev/null
q --db "$asb" vote "$c13" --child "$k13" --group CSC --view plan --category neglect --reason "Neglect" >/dev/null
pg -d v12_server >/dev/null <<SQL
$undo13
UPDATE schema_migration SET version = 12 WHERE version = 13;
SQL
check "the version-12 server: no table of hand-overs, no chair's guard" \
  "$(pg -d v12_server -c "SELECT max(version) FROM schema_migration") $(pg -d v12_server -c "SELECT to_regclass ('conference_handover') IS NULL") $(pg -d v12_server -c "SELECT count(*) FROM pg_trigger WHERE tgname LIKE '%\\_its\\_chair'")" "12 t 0"
# At 12, Anne's own view in Bea's conference, written with its entry as Quorum writes it, goes
# through (the hole 13 closes; it stays, attributed to her).
pg -d v12_server -U anne13 -c "INSERT INTO vote (conference_id, child_id, grp, grp_key, view, reason, recorded_at, recorded_by)
  VALUES ($c13, $k13, 'Health', 'health', 'plan', 'By Anne', 'now', session_user);
  SELECT quorum_audit_write ('insert', 'vote', (SELECT max (id) FROM vote), 'by hand')" >/dev/null; status=$?
check "at 12 another chair's vote in Bea's conference is accepted" \
  "$status $(pg -d v12_server -c "SELECT count(*) FROM vote WHERE reason = 'By Anne'")" "0 1"
audit12=$(pg -d v12_server -c "SELECT count(*) || ' ' || max(hash) FROM audit")
err=$(q --db "$asb" conference show "$c13" 2>&1 >/dev/null); status=$?
check "a chair opening a version-12 server is told its administrator runs admin init" \
  "$([ $status -ne 0 ] && echo refused) $(has "$err" "admin init")" "refused yes"
q admin init --db "$v12srv" >/dev/null; status=$?
check "admin init brings it to 13: the table of hand-overs, 15 chair's guards" \
  "$status $(pg -d v12_server -c "SELECT max(version) FROM schema_migration") $(pg -d v12_server -c "SELECT to_regclass ('conference_handover') IS NOT NULL") $(pg -d v12_server -c "SELECT count(*) FROM pg_trigger WHERE tgname LIKE '%\\_its\\_chair'")" \
  "0 13 t 15"
check "the migration to 13 changed no row and wrote no entry" "$(pg -d v12_server -c "SELECT count(*) || ' ' || max(hash) FROM audit")" "$audit12"
err=$(q --db "$asa" vote "$c13" --child "$k13" --group Police --view plan --reason "By Anne" 2>&1 >/dev/null); status=$?
check "at 13 Anne's vote in Bea's conference is refused (exit 2), nothing written" \
  "$status $(has "$err" "chaired by bea13") $(pg -d v12_server -c "SELECT count(*) || ' ' || max(hash) FROM audit")" "2 yes $audit12"
out=$(q --json --db "$asb" vote "$c13" --child "$k13" --group Police --view no-plan --reason "Improving"); status=$?
check "Bea's own vote through Quorum after 13" "$status $(pg -d v12_server -c "SELECT recorded_by FROM vote WHERE grp_key = 'police'")" "0 bea13"
out=$(q --json verify --db "$asb"); status=$?
check "verify at the end: intact" "$status $(jget "$out" '[d["ok"], d["problems"]]')" '0 [true, []]'

finish
