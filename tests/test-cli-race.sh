#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# test-cli-race.sh: first use of a new database, and several writers and readers at once.
# Finding 3 of issue 14: a refused command and a valid one started together on a path that does
# not exist yet lost acknowledged writes; two valid ones exited 3 ("database is locked").
#   QUORUM_RACE_TRIALS (default 30) trials of each.
. "$(dirname "$0")/cli-lib.sh"

trials=${QUORUM_RACE_TRIALS:-30}
export XDG_STATE_HOME="$work/state"
new_conf () { q --db "$1" --json conference new --child "$2" --kind initial --date 2026-11-20 --chair "R. Patel"; }

lost=0; refused_ok=0; valid_ok=0; both_ok=0; bad_verify=0
if is_pg; then
  skip "first use of a new database, refused beside valid and two valid, on a path ($trials trials, 5 checks)" \
    "a SQLite file made at a path on first use; a server's database is made once by admin init"
else
for i in $(seq 1 "$trials"); do
  db="$work/first-$i.db"
  # A refused command (no conference 1 yet: exit 2 after opening) beside a valid one, each a
  # few times over, started together.
  ( for k in 1 2; do q --db "$db" vote 1 --child 1 --group X --view plan >/dev/null 2>&1; echo "refused $?"; done ) > "$work/r.log" &
  ( for k in 1 2; do new_conf "$db" "Child $i.$k" >/dev/null 2>"$work/v.err" && echo "ack Child $i.$k"; done ) > "$work/v.log" &
  wait
  listed=$(q --db "$db" --json conference list 2>/dev/null | python3 -c 'import json,sys; print("\n".join(c["child_names"] for c in json.load(sys.stdin)))')
  while read -r _ name; do
    grep -qx "$name" <<<"$listed" || { lost=$((lost + 1)); printf '# lost %s\n' "$name"; }
    valid_ok=$((valid_ok + 1))
  done < <(grep '^ack' "$work/v.log")
  refused_ok=$((refused_ok + $(grep -c '^refused 2' "$work/r.log")))
  if [ -e "$db" ] && ! q --db "$db" verify >/dev/null 2>&1; then bad_verify=$((bad_verify + 1)); fi

  # Two valid commands on a new path: both succeed.
  db2="$work/two-$i.db"
  new_conf "$db2" "A$i" >/dev/null 2>"$work/a.err" & a=$!
  new_conf "$db2" "B$i" >/dev/null 2>"$work/b.err" & b=$!
  wait $a; sa=$?; wait $b; sb=$?
  listed=$(q --db "$db2" --json conference list 2>/dev/null | python3 -c 'import json,sys; print(sorted(c["child_names"] for c in json.load(sys.stdin)))')
  if [ $sa -eq 0 ] && [ $sb -eq 0 ] && [ "$listed" = "['A$i', 'B$i']" ]; then
    both_ok=$((both_ok + 1))
  else
    printf '# two valid on a new path: exits %s %s: %s %s\n' "$sa" "$sb" "$(head -n1 "$work/a.err")" "$(head -n1 "$work/b.err")"
  fi
  rm -rf "$db"* "$db2"*
done
check "first use, refused beside valid: every acknowledged write kept ($valid_ok acknowledged)" "$lost" "0"
check "first use, refused beside valid: every refusal exit 2" "$refused_ok" "$((trials * 2))"
check "first use, refused beside valid: every acknowledged write (all of them)" "$valid_ok" "$((trials * 2))"
check "first use: the database verifies after every trial" "$bad_verify" "0"
check "first use, two valid commands on a new path: both succeed, $trials of $trials" "$both_ok" "$trials"

fi

# Several writers and readers on one database.
db=$(new_db busy)
new_conf "$db" "Seed" >/dev/null
writers=4; each=8
for w in $(seq 1 "$writers"); do
  ( for k in $(seq 1 "$each"); do new_conf "$db" "W$w-$k" >/dev/null 2>>"$work/w.err" && echo "W$w-$k"; done ) > "$work/w$w.log" &
done
for r in 1 2; do
  ( for k in $(seq 1 10); do q --db "$db" --json conference list >/dev/null 2>>"$work/r.err" || echo fail; q --db "$db" --json referrals >/dev/null 2>>"$work/r.err" || echo fail; done ) > "$work/reader$r.log" &
done
wait
acked=$(cat "$work"/w[0-9]*.log | wc -l)
present=$(q --db "$db" --json conference list | python3 -c 'import json,sys; print(len(json.load(sys.stdin)) - 1)')
check "concurrency: $writers writers, every write acknowledged ($acked of $((writers * each)))" "$acked" "$((writers * each))"
check "concurrency: every acknowledged write present" "$present" "$acked"
check "concurrency: no reader failed" "$(cat "$work"/reader*.log | grep -c fail)" "0"
expect_exit "concurrency: verify passes" 0 q --db "$db" verify
if is_pg; then skip "concurrency: integrity_check" "a SQLite file's pages"; else check "concurrency: integrity_check" "$(sqlite3 "$db" 'PRAGMA integrity_check')" "ok"; fi
printf '# figures: trials=%s acknowledged=%s lost=%s writers=%s writes=%s\n' "$trials" "$valid_ok" "$lost" "$writers" "$acked"
finish
