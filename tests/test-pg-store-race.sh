#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# test-pg-store-race.sh: quorum-cli processes write at once through the store to one PostgreSQL
# database, with a reader, for a bounded time: four of one chair on her conference, then four
# chairs each on her own.
# Issue 12, "concurrent writers: a serialization failure or deadlock is retried, never shown":
# no writer sees a failure, no acknowledged write is lost, nothing unacknowledged is stored, every
# read is whole, and verify passes. Run under build-aux/pg-cluster run (QUORUM_PG set).
set -u
: "${QUORUM_PG:?run under build-aux/pg-cluster run}"
cli=${QUORUM_CLI:?}
seconds=${QUORUM_PG_RACE_SECONDS:-4}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
n=0
failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }

"$cli" admin init --db "$QUORUM_PG" >/dev/null || { echo "admin init failed"; exit 1; }
for w in 1 2 3 4; do "$cli" admin grant "writer$w" chair --db "$QUORUM_PG" >/dev/null; done
"$cli" admin grant reader minute-taker --db "$QUORUM_PG" >/dev/null

# N [WRITER]: a new conference, made (and so chaired, schema 13) by writerWRITER (1).
new_conference () {
  "$cli" --json conference new --child "Child $1" --kind initial --date 2026-11-20 --chair "Chair $1" \
    --db "$QUORUM_PG user=writer${2:-1}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'
}

# WRITER CONF [LOGIN]: adds attendees until the time is up, as LOGIN (writerWRITER); each
# acknowledged id on its own line.
writer () {
  local w=$1 conf=$2 login=${3:-writer$1} end=$((SECONDS + seconds)) i=0 out
  while [ $SECONDS -lt $end ]; do
    i=$((i + 1))
    if out=$("$cli" --json attendee add "$conf" --name "W$w-$i" --agency Police --line-management "Group $w" \
               --db "$QUORUM_PG user=$login" 2>"$work/err.$w.$i"); then
      printf '%s\n' "$out" | sed -n 's/^ *"id" *: *\([0-9]*\).*/\1/p' | head -n 1 >>"$work/acked.$conf"
    else
      echo "writer $w: $(cat "$work/err.$w.$i")" >>"$work/failures"
    fi
  done
}
# READER CONF…: reads whole conferences until the time is up; a read that fails is recorded.
reader () {
  local end=$((SECONDS + seconds)) c
  while [ $SECONDS -lt $end ]; do
    for c in "$@"; do
      if "$cli" --json conference show "$c" --db "$QUORUM_PG user=reader" >"$work/read" 2>"$work/read.err"; then
        echo x >>"$work/reads"
      else
        echo "reader: $(cat "$work/read.err")" >>"$work/failures"
      fi
    done
  done
}
# The attendees stored on CONF, one id a line, sorted.
stored () {
  "$cli" --json conference show "$1" --db "$QUORUM_PG user=reader" |
    python3 -c 'import json,sys; [print(a["id"]) for a in json.load(sys.stdin)["attendees"]]' | sort -n
}
check_round () {  # WHAT CONF…
  local what=$1 c acked=0; shift
  if [ -s "$work/failures" ]; then not_ok "$what: a writer or the reader saw a failure: $(head -n 3 "$work/failures")"
  else ok "$what: no writer and no reader saw a failure ($(wc -l <"$work/reads") whole reads)"; fi
  for c in "$@"; do
    sort -n "$work/acked.$c" >"$work/acked.sorted"
    acked=$((acked + $(wc -l <"$work/acked.sorted")))
    if [ "$(stored "$c")" = "$(cat "$work/acked.sorted")" ]; then
      ok "$what: conference $c holds exactly the $(wc -l <"$work/acked.sorted") acknowledged attendees"
    else not_ok "$what: conference $c: stored and acknowledged differ"; fi
  done
  # Every writer got through (the machine's load sets how often: these are whole processes).
  [ "$acked" -ge 4 ] && ok "$what: $acked writes acknowledged in ${seconds}s" || not_ok "$what: only $acked writes"
  rm -f "$work/failures" "$work/reads"
}

# One conference, four writers and a reader: its chair's four processes (her app's windows and the
# CLI; since schema 13 only a conference's chair records in it).
one=$(new_conference 1)
: >"$work/acked.$one"
for w in 1 2 3 4; do writer "$w" "$one" writer1 & done
reader "$one" &
wait
check_round "four writers on one conference" "$one"

# Four conferences, one a writer, and a reader of them all.
confs=()
for w in 1 2 3 4; do c=$(new_conference "$((w + 1))" "$w"); confs+=("$c"); : >"$work/acked.$c"; done
for w in 1 2 3 4; do writer "$w" "${confs[$((w - 1))]}" & done
reader "${confs[@]}" &
wait
check_round "four writers on four conferences" "${confs[@]}"

out=$("$cli" --json verify --db "$QUORUM_PG user=reader" 2>&1); status=$?
if [ $status -eq 0 ]; then ok "verify passes after the race: $(printf '%s' "$out" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["checked"], "checked")')"
else not_ok "verify after the race: exit $status: $out"; fi

echo "1..$n"
[ $failed -eq 0 ]
