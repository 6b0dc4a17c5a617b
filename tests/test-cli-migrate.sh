#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# test-cli-migrate.sh: `quorum-cli migrate --from PATH --to DB` between two SQLite files (issue 12,
# "moving in": audit chains verified before and after, ids mapped, refusing duplicates,
# resumable). The same command into PostgreSQL is test-pg-migrate.sh.
. "$(dirname "$0")/cli-lib.sh"
. "$(dirname "$0")/migrate-demo.sh"

has () { case "$1" in *"$2"*) echo yes ;; *) echo no ;; esac; }
laptop="$work/laptop.db"
office="$work/office.db"
export QUORUM_DB="$laptop"
read -r conf bconf later <<<"$(migrate_demo)"
check "the demo database holds a row in every table of records" "$(migrate_demo_empty_tables "$laptop")" ""
q verify >/dev/null && ok "the source passes verify before" || not_ok "the source passes verify before"


# ---- bad arguments: a clear message, and nothing written (not even the target's file) ----
expect_exit "no --from: a usage error" 1 q migrate --to "$office"
expect_exit "an unexpected argument: a usage error" 1 q migrate --from "$laptop" --to "$office" extra
expect_exit "--to and --db both: a usage error" 1 q migrate --from "$laptop" --to "$office" --db "$office"
expect_exit "--from names no file: refused" 2 q migrate --from "$work/nothing.db" --to "$office"
expect_exit "--from is empty: refused" 2 q migrate --from "" --to "$office"
expect_exit "--to is empty: refused" 2 q migrate --from "$laptop" --to ""
expect_exit "--from a PostgreSQL name: refused (migrate copies a file)" 2 q migrate --from "postgresql:///quorum" --to "$office"
expect_exit "--from the target itself: refused" 2 q migrate --from "$laptop" --to "$laptop"
printf 'not a database\n' >"$work/notes.txt"
expect_exit "--from a file that is not Quorum's: refused" 2 q migrate --from "$work/notes.txt" --to "$office"
check "the refusals made no target" "$(ls "$work" | grep -c '^office')" "0"

# ---- a merge: the office database has records of its own, so the ids move ----
q --db "$office" conference new --child "Zed Office" --kind initial --date 2026-10-01 --chair "O. Chair" >/dev/null
q --db "$office" conference new --child "Yan Office" --kind initial --date 2026-10-02 --chair "O. Chair" >/dev/null
q --db "$office" workdays close 2026-12-29 --name "Office party" >/dev/null
audit_before=$(sqlite3 "$office" "SELECT count(*) FROM audit")
q --json migrate --from "$laptop" --to "$office" >"$work/migrate.json"; status=$?
check "migrate: exit 0" "$status" "0"
check "migrate: every table's rows copied (counts per table = the source's)" \
  "$(python3 - "$work/migrate.json" "$laptop" <<'EOF'
import json, sqlite3, sys
d = json.load(open(sys.argv[1]))
db = sqlite3.connect(sys.argv[2])
bad = []
for t, v in d["tables"].items():
    n = db.execute('SELECT count(*) FROM "%s"' % t).fetchone()[0]
    if v["copied"] + v["matched"] != n or len(v["ids"]) != n:
        bad.append(t)
print(len(d["tables"]), bad)
EOF
)" "25 []"
check "migrate: a closure day the office had already is matched, not doubled" \
  "$(jget "$(cat "$work/migrate.json")" '[d["tables"]["closure_day"]["matched"], d["tables"]["closure_day"]["copied"], d["matched"]]')" "[1, 1, 1]"
check "migrate: ids mapped to the target's own (its conferences 1 and 2 were there first)" \
  "$(jget "$(cat "$work/migrate.json")" 'd["tables"]["conference"]["ids"]')" '{"1": 3, "2": 4, "3": 5, "4": 6}'
check "migrate: both chains checked, not resumed" \
  "$(jget "$(cat "$work/migrate.json")" '[d["resumed"], d["checked"]["source"] > 0, d["checked"]["target_after"] > d["checked"]["target_before"]]')" \
  "[false, true, true]"
q --db "$office" verify >/dev/null && ok "the target passes verify after" || not_ok "the target passes verify after"
q verify >/dev/null && ok "the source still passes verify after" || not_ok "the source still passes verify after"
check "every copied row has its own entry in the target's chain" \
  "$(( $(sqlite3 "$office" "SELECT count(*) FROM audit") - audit_before ))" "$(jget "$(cat "$work/migrate.json")" 'd["copied"]')"
check "the entries say from which file, and by whom (the login)" \
  "$(sqlite3 "$office" "SELECT \"user\" || '|' || summary FROM audit WHERE entity = 'conference' AND summary LIKE 'migrated from%' ORDER BY id LIMIT 1")" \
  "$(id -un)|migrated from database $(sqlite3 "$laptop" "SELECT value FROM meta WHERE key = 'database_id'"): conference 1 of $laptop on $(python3 -c 'import socket; print(socket.gethostname())')"

for c in 1 2 3 4; do
  t=$(jget "$(cat "$work/migrate.json")" "d['tables']['conference']['ids']['$c']")
  q --json conference show "$c" >"$work/src.$c.json"
  q --db "$office" --json conference show "$t" >"$work/dst.$c.json"
  a=$(normalise "$work/src.$c.json" "$work/migrate.json")
  b=$(normalise "$work/dst.$c.json")
  check "conference show: conference $c is the same record as the target's $t" "$([ "$a" == "$b" ] && echo same || echo differs)" "same"
  [ "$a" == "$b" ] || diff <(echo "$a" | python3 -m json.tool) <(echo "$b" | python3 -m json.tool) | head -20 | sed 's/^/#   /'
done
for d in 1 2; do
  t=$(jget "$(cat "$work/migrate.json")" "d['tables']['difference']['ids']['$d']")
  q --json difference show "$d" >"$work/srcd.$d.json"
  q --db "$office" --json difference show "$t" >"$work/dstd.$d.json"
  check "difference show: difference $d is the same record as the target's $t" \
    "$([ "$(normalise "$work/srcd.$d.json" "$work/migrate.json")" == "$(normalise "$work/dstd.$d.json")" ] && echo same || echo differs)" "same"
done
check "the referral's amendment names the target's vote" \
  "$(jget "$(q --db "$office" --json conference show 3)" '[a["record"] for a in d["amendments"] if a.get("record")]')" \
  "[\"vote:$(jget "$(cat "$work/migrate.json")" "d['tables']['vote']['ids'][str($(sqlite3 "$laptop" "SELECT substr(record, 6) FROM amendment WHERE record IS NOT NULL"))]")\"]"

# Rule (DOMAIN: sign-off): a signed-off conference stays signed off where it is copied to.
check "sign-off kept: the copied conference is finalised, as recorded" \
  "$(sqlite3 "$office" "SELECT finalised_at FROM conference WHERE id = 3")" "$(sqlite3 "$laptop" "SELECT finalised_at FROM conference WHERE id = 1")"
expect_exit "sign-off kept: adding to the copied conference is refused" 2 \
  q --db "$office" attendee add 3 --name "Late Comer" --agency Police --line-management Police
check "a resolved difference stays resolved, its follow-up kept" \
  "$(sqlite3 "$office" "SELECT status || ' ' || feedback_to || ' ' || debrief FROM difference ORDER BY id LIMIT 1")" "resolved H. Visitor 1"
expect_exit "a resolved difference takes no further discussion" 2 \
  q --db "$office" difference record 1 --date 2026-11-08 --with X --summary Y

# ---- a second run is a duplicate: exit 2, nothing written ----
before=$(sqlite3 "$office" "SELECT count(*) FROM audit")
expect_exit "a second run: refused as a duplicate" 2 q migrate --from "$laptop" --to "$office"
err=$(q migrate --from "$laptop" --to "$office" 2>&1 >/dev/null)
check "the duplicate's message says so" "$(has "$err" "migrated into this database already")" "yes"
check "the duplicate wrote nothing" "$(sqlite3 "$office" "SELECT count(*) FROM audit")" "$before"
# A copy of the laptop's file is the same database: a duplicate too.
q backup -o "$work/laptop-copy.db" >/dev/null
expect_exit "a copy of the same database: refused as a duplicate" 2 q migrate --from "$work/laptop-copy.db" --to "$office"

# ---- a tampered source is refused, nothing copied ----
cp "$work/laptop-copy.db" "$work/tampered.db"
sqlite3 "$work/tampered.db" "UPDATE child SET name = 'Someone Else' WHERE conference_id = $later"
err=$(q migrate --from "$work/tampered.db" --to "$work/fresh.db" 2>&1 >/dev/null); status=$?
check "a tampered source: exit 2" "$status" "2"
check "a tampered source: the reason names verify and the altered row" \
  "$(case "$err" in *"fails verify"*"child"*"altered"*) echo yes ;; *) echo "no: $err" ;; esac)" "yes"
check "a tampered source: no target made" "$([ -e "$work/fresh.db" ] && echo made || echo none)" "none"

# ---- a source whose keyed chain cannot be checked (another computer's key) is refused too ----
# (a key file that does not exist yet: the store makes a new key there)
err=$(QUORUM_KEY_FILE="$work/other.key" q migrate --from "$laptop" --to "$work/otherkey.db" 2>&1 >/dev/null); status=$?
check "a source this key cannot check: exit 2, verify's reason" "$status $(has "$err" "fails verify") $(has "$err" "key")" "2 yes yes"
check "a source this key cannot check: no target made" "$([ -e "$work/otherkey.db" ] && echo made || echo none)" "none"

# ---- a conference copied while open, then added to and signed off on the laptop: a second run
# copies what is new and signs it off in the target too ----
export QUORUM_DB="$work/open.db"
oc=$(jget "$(q --json conference new --child "Eve Open" --kind initial --date 2026-11-27 --chair "R. Patel")" 'd["id"]')
q attendee add "$oc" --name "S. Social" --agency "Children's Social Care" --line-management CSC >/dev/null
q migrate --from "$work/open.db" --to "$work/later.db" >/dev/null
q attendee add "$oc" --name "A. Khan" --agency Police --line-management Police >/dev/null
q attendee add "$oc" --name "T. Teacher" --agency School --line-management School >/dev/null
kid=$(jget "$(q --json conference show "$oc")" 'd["children"][0]["id"]')
q consensus "$oc" --child "$kid" --agreed plan --category neglect --summary "All agreed a plan" >/dev/null
q decide "$oc" --child "$kid" >/dev/null
q finalise "$oc" >/dev/null
check "the laptop's conference is signed off now" "$(sqlite3 "$work/open.db" "SELECT finalised_at IS NOT NULL FROM conference")" "1"
out=$(q --json migrate --from "$work/open.db" --to "$work/later.db"); status=$?
check "added to since: exit 0, resumed, the new attendees, attempt and decision copied" \
  "$status $(jget "$out" '[d["resumed"], d["tables"]["attendee"]["copied"], d["tables"]["attendee"]["already"], d["tables"]["decision"]["copied"]]')" "0 [true, 2, 1, 1]"
check "signed off since: signed off in the target as on the laptop" \
  "$(sqlite3 "$work/later.db" "SELECT finalised_at FROM conference")" "$(sqlite3 "$work/open.db" "SELECT finalised_at FROM conference")"
check "the sign-off is an update entry of its own" \
  "$(sqlite3 "$work/later.db" "SELECT action FROM audit WHERE entity = 'conference' ORDER BY id")" "$(printf 'insert\nupdate')"
q --db "$work/later.db" verify >/dev/null && ok "verify passes after the second run" || not_ok "verify passes after the second run"
export QUORUM_DB="$laptop"

# ---- a conference given a new vote at the source after it was copied: the new vote is copied;
# a view changed there after it was copied is refused, naming the conference, nothing written ----
export QUORUM_DB="$work/votes.db"
read -r vc vkid <<<"$(migrate_vote_open "Ann Votes" 2026-11-28)"
q vote "$vc" --child "$vkid" --group Police --view plan --category neglect --reason "Bruising" >/dev/null
q migrate --from "$work/votes.db" --to "$work/shared.db" >/dev/null
q vote "$vc" --child "$vkid" --group Health --view no-plan --reason "Seen twice, no concerns" >/dev/null
out=$(q --json migrate --from "$work/votes.db" --to "$work/shared.db"); status=$?
check "a new vote at the source after the copy: exit 0, the vote copied" \
  "$status $(jget "$out" '[d["tables"]["vote"]["copied"], d["tables"]["vote"]["already"]]')" "0 [1, 1]"
check "the new vote is the target's record too" \
  "$(sqlite3 "$work/shared.db" "SELECT group_concat(grp || ':' || view, ',') FROM (SELECT * FROM vote ORDER BY id)")" \
  "$(sqlite3 "$work/votes.db" "SELECT group_concat(grp || ':' || view, ',') FROM (SELECT * FROM vote ORDER BY id)")"
# Police change their view on the laptop: the vote's row changes where it was copied from.
q vote "$vc" --child "$vkid" --group Police --view no-plan --reason "Bruising explained by the GP" >/dev/null
before=$(sqlite3 "$work/shared.db" "SELECT count(*) FROM audit")
rows_before=$(sqlite3 "$work/shared.db" "SELECT (SELECT count(*) FROM vote) || ' ' || (SELECT count(*) FROM superseded_view)")
err=$(q migrate --from "$work/votes.db" --to "$work/shared.db" 2>&1 >/dev/null); status=$?
check "a view changed at the source after the copy: refused, exit 2" "$status" "2"
check "the refusal names the conference, here and there, and the changed vote" \
  "$(case "$err" in *"Conference $vc of $work/votes.db"*"(conference 1 here) was changed there after it was copied: vote"*"(view, "*"reason"*"Nothing was copied"*) echo yes ;; *) echo "no: $err" ;; esac)" "yes"
check "the refusal wrote nothing (no entry, no row)" \
  "$(sqlite3 "$work/shared.db" "SELECT count(*) FROM audit") $(sqlite3 "$work/shared.db" "SELECT (SELECT count(*) FROM vote) || ' ' || (SELECT count(*) FROM superseded_view)")" "$before $rows_before"
q --db "$work/shared.db" verify >/dev/null && ok "verify passes after the refusal" || not_ok "verify passes after the refusal"
# A new vote at the source while its copy was recorded in here: refused too, nothing written.
export QUORUM_DB="$work/votes2.db"
read -r wc wkid <<<"$(migrate_vote_open "Bo Votes" 2026-11-29)"
q migrate --from "$work/votes2.db" --to "$work/shared2.db" >/dev/null
q --db "$work/shared2.db" vote 1 --child 1 --group Police --view plan --category neglect --reason "Recorded in the shared one" >/dev/null
q vote "$wc" --child "$wkid" --group Health --view no-plan --reason "Recorded on the laptop" >/dev/null
before=$(sqlite3 "$work/shared2.db" "SELECT count(*) FROM audit")
err=$(q migrate --from "$work/votes2.db" --to "$work/shared2.db" 2>&1 >/dev/null); status=$?
check "new at the source and recorded in here since: refused, exit 2, naming both conferences" \
  "$status $(case "$err" in *"Conference $wc of $work/votes2.db"*"has records added there since it was copied (vote"*"(conference 1) has been recorded in since"*"Nothing was copied"*) echo yes ;; *) echo "no: $err" ;; esac)" "2 yes"
check "and nothing written" "$(sqlite3 "$work/shared2.db" "SELECT count(*) FROM audit")" "$before"
export QUORUM_DB="$laptop"

# ---- a run killed midway (SIGKILL), then run again: it resumes, nothing doubled ----
bench="${QUORUM_BUILDDIR:-}/bench/quorum-bench"
if [ -x "$bench" ]; then
  "$bench" generate "$work/big.db" 300 >/dev/null 2>&1
  "$QUORUM_CLI" migrate --from "$work/big.db" --to "$work/killed.db" >/dev/null 2>&1 &
  pid=$!
  n=0
  # Up to 30 s (times QUORUM_TEST_TIMEOUT_MULTIPLIER) for 40 conferences to be in. The file is read
  # only once it exists: the sqlite3 shell creates an empty file where there is none, and under
  # --sanitize (a slower start) it did so before quorum-cli had made the target, which then refused
  # the path ("it kept being replaced", exit 3) and nothing was copied.
  for _ in $(seq 1 $(( 600 * ${QUORUM_TEST_TIMEOUT_MULTIPLIER:-1} ))); do
    n=0
    [ -s "$work/killed.db" ] && n=$(sqlite3 -readonly "$work/killed.db" "SELECT count(*) FROM conference" 2>/dev/null || echo 0)
    [ "${n:-0}" -ge 40 ] && break
    sleep 0.05
  done
  kill -KILL "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  copied=$(sqlite3 "$work/killed.db" "SELECT count(*) FROM conference")
  check "killed midway: some conferences were in, not all" "$([ "$copied" -gt 0 ] && [ "$copied" -lt 300 ] && echo midway || echo "$copied")" "midway"
  check "killed midway: only whole conferences (each with its child, decision, plan and referral)" \
    "$(sqlite3 "$work/killed.db" "SELECT count(*) FROM conference c WHERE (SELECT count(*) FROM child WHERE conference_id = c.id) <> 1 OR (SELECT count(*) FROM referral WHERE conference_id = c.id) <> 1")" "0"
  q --json migrate --from "$work/big.db" --to "$work/killed.db" >"$work/resume.json"; status=$?
  check "run again: exit 0, resumed" "$status $(jget "$(cat "$work/resume.json")" 'd["resumed"]')" "0 true"
  check "run again: it copied what was missing and counted what was there" \
    "$(jget "$(cat "$work/resume.json")" '[d["tables"]["conference"]["already"] + d["tables"]["conference"]["copied"], d["tables"]["conference"]["already"] > 0]')" "[300, true]"
  check "nothing doubled: every table holds exactly the source's rows" \
    "$(for t in conference child decision plan referral conference_profile; do printf '%s ' $(( $(sqlite3 "$work/killed.db" "SELECT count(*) FROM $t") - $(sqlite3 "$work/big.db" "SELECT count(*) FROM $t") )); done)" "0 0 0 0 0 0 "
  check "nothing doubled: one migration entry per source row" \
    "$(sqlite3 "$work/killed.db" "SELECT count(*) FROM (SELECT summary FROM audit WHERE summary LIKE 'migrated from%' GROUP BY summary HAVING count(*) > 1)")" "0"
  q --db "$work/killed.db" verify >/dev/null && ok "the resumed target passes verify" || not_ok "the resumed target passes verify"
  expect_exit "and a third run is a duplicate" 2 q migrate --from "$work/big.db" --to "$work/killed.db"

  # Two runs of the same source at once: each transaction first reads what the other committed.
  "$QUORUM_CLI" migrate --from "$work/big.db" --to "$work/twice.db" >/dev/null 2>"$work/twice.1" &
  p1=$!
  "$QUORUM_CLI" migrate --from "$work/big.db" --to "$work/twice.db" >/dev/null 2>"$work/twice.2" &
  p2=$!
  wait "$p1"; s1=$?
  wait "$p2"; s2=$?
  check "two runs at once: both finish (0, or 2 for one that found it all there)" \
    "$(for i in 1 2; do s=$([ $i = 1 ] && echo $s1 || echo $s2)
       if [ "$s" -eq 0 ] || { [ "$s" -eq 2 ] && grep -q "migrated into this database already" "$work/twice.$i"; }; then printf ok
       else printf '%s: %s ' "$s" "$(cat "$work/twice.$i")"; fi; done)" "okok"
  check "two runs at once: nothing doubled" \
    "$(for t in conference child decision plan referral; do printf '%s ' $(( $(sqlite3 "$work/twice.db" "SELECT count(*) FROM $t") - $(sqlite3 "$work/big.db" "SELECT count(*) FROM $t") )); done)" "0 0 0 0 0 "
  q --db "$work/twice.db" verify >/dev/null && ok "two runs at once: verify passes" || not_ok "two runs at once: verify passes"
else
  ok "# SKIP the killed run: no quorum-bench at $bench"
fi

finish
