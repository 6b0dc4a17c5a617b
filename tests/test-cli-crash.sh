#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# test-cli-crash.sh: SIGKILL at random moments through quorum-cli's writes (opening, making the
# database, the transaction, the commit, the anchor). Every acknowledged record (exit 0 before
# the kill) is there afterwards, nothing is half-written, integrity_check and verify pass.
#   QUORUM_CRASH_KILLS (default 50) kills; the long run sets hundreds.
. "$(dirname "$0")/cli-lib.sh"

kills=${QUORUM_CRASH_KILLS:-50}
export XDG_STATE_HOME="$work/state"
db=$(new_db crash)
# SQLite: the file's own check of its pages; PostgreSQL's pages are the server's (a client
# killed mid-transaction leaves nothing there to check: the server rolls it back).
integrity () {
  if is_pg; then skip "$1: integrity_check" "a SQLite file's pages"; else check "$1: integrity_check" "$(sqlite3 "$db" 'PRAGMA integrity_check')" "ok"; fi
}
exists () { is_pg || [ -e "$db" ]; }
# How long one run takes here (a new database's first, then one more): the kills land within
# that, so that most of them cut a run short, wherever it is (the sanitizers make it 20x longer).
calibrate=$(new_db calibrate)
t0=$(date +%s%N)
q --db "$calibrate" conference new --child "Calibration" --kind initial --date 2026-11-20 --chair "R. Patel" >/dev/null 2>&1
q --db "$calibrate" conference new --child "Calibration 2" --kind initial --date 2026-11-20 --chair "R. Patel" >/dev/null 2>&1
run_ms=$(( ($(date +%s%N) - t0) / 2000000 + 1 ))
printf '# one run takes about %s ms: kills land within %s ms of the start\n' "$run_ms" "$run_ms"
acked=(); killed=0; done_before=0
for i in $(seq 1 "$kills"); do
  # Every tenth trial starts on a new database, so the making of one is killed too.
  if [ $((i % 10)) -eq 1 ]; then
    if [ ${#acked[@]} -gt 0 ] && exists; then
      listed=$(q --db "$db" --json conference list | python3 -c 'import json,sys; print("\n".join(c["child_names"] for c in json.load(sys.stdin)))')
      for name in "${acked[@]}"; do grep -qx "$name" <<<"$listed" || { lost=$((${lost:-0} + 1)); printf '# lost %s\n' "$name"; }; done
      integrity "crash round $i"
      expect_exit "crash round $i: verify passes" 0 q --db "$db" verify
    fi
    # Starting over at the same path: the anchor of the database that stood there goes too.
    rm -rf "$XDG_STATE_HOME"
    db=$(new_db crash)
    acked=()
  fi
  name="Child $i"
  # The program itself in the background, not the `q` function: `q … &` is a subshell that runs
  # quorum-cli as its child, so the kill below took the subshell and quorum-cli ran on to its end
  # unkilled (and, slower under the sanitizers, wrote into the next round's fresh state).
  "$QUORUM_CLI" --db "$db" conference new --child "$name" --kind initial --date 2026-11-20 --chair "R. Patel" >/dev/null 2>&1 &
  pid=$!
  # Anywhere from its start to about its end.
  delay=$(( (RANDOM * 32768 + RANDOM) % run_ms ))
  sleep "$((delay / 1000)).$(printf '%03d' $((delay % 1000)))"
  kill -KILL "$pid" 2>/dev/null
  wait "$pid"; status=$?
  if [ "$status" -eq 0 ]; then
    acked+=("$name"); done_before=$((done_before + 1))
  else
    killed=$((killed + 1))
  fi
done
if exists; then
  listed=$(q --db "$db" --json conference list | python3 -c 'import json,sys; print("\n".join(c["child_names"] for c in json.load(sys.stdin)))')
  for name in "${acked[@]}"; do grep -qx "$name" <<<"$listed" || { lost=$((${lost:-0} + 1)); printf '# lost %s\n' "$name"; }; done
  integrity "last round"
  expect_exit "last round: verify passes" 0 q --db "$db" verify
fi
check "crash: every acknowledged record present ($done_before acknowledged, $killed killed)" "${lost:-0}" "0"
check "crash: some runs were killed mid-way" "$([ "$killed" -gt 0 ] && echo yes)" "yes"
printf '# figures: kills=%s killed_mid_run=%s acknowledged=%s lost=%s\n' "$kills" "$killed" "$done_before" "${lost:-0}"
finish
