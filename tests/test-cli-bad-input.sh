#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# test-cli-bad-input.sh: every bad input is refused with a one-line reason and exit 2 (1 for usage,
# 3 for storage), and the database is byte-for-byte as it was.
. "$(dirname "$0")/cli-lib.sh"

conf=$(bolton_conference 2026-11-20)
show=$(q --json conference show "$conf")
amy=$(jget "$show" 'd["children"][0]["id"]')
ben=$(jget "$show" 'd["children"][1]["id"]')
q consensus "$conf" --child "$amy" --agreed none --summary "No consensus" >/dev/null
for g in "Children's Social Care" Education; do q vote "$conf" --child "$amy" --group "$g" --view plan >/dev/null; done
for g in Police "Bolton NHS FT"; do q vote "$conf" --child "$amy" --group "$g" --view no-plan --reason r >/dev/null; done
q vote "$conf" --child "$amy" --group Probation --view decline --reason "No contact" >/dev/null
# A split, so referral 1 exists and the referral refusals below are refusals of a real referral.
referral=$(jget "$(q --json decide "$conf" --child "$amy")" 'd["referral"]["id"]')
q consensus "$conf" --child "$ben" --agreed none --summary "No consensus" >/dev/null

long=$(python3 -c 'print("ŵ" * 20001)')
bad_utf8=$(printf 'Bad \xff\xfe name')

# refused: NAME STATUS ARGS… — the database must not change.
refused () {
  local name=$1 status=$2
  shift 2
  local before after
  before=$(db_hash)
  expect_exit "$name" "$status" q "$@"
  after=$(db_hash)
  check "$name: nothing written" "$after" "$before"
  local lines
  lines=$(q "$@" 2>&1 >/dev/null | wc -l)
  # A rejected input says why in one line; a usage error adds where to find help.
  local max=1
  [ "$status" -eq 1 ] && max=2
  check "$name: says why in one line" "$([ "$lines" -ge 1 ] && [ "$lines" -le "$max" ] && echo yes || echo "$lines lines")" "yes"
}

refused "unknown conference" 2 attendee add 999 --name A --agency B --line-management C
refused "unknown child" 2 vote "$conf" --child 999 --group Police --view plan
refused "conference id not a number" 2 conference show abc
refused "impossible date" 2 conference new --child X --kind initial --date 2026-02-30 --chair C
refused "date not ISO" 2 conference new --child X --kind initial --date 30/11/2026 --chair C
refused "unknown kind" 2 conference new --child X --kind final --date 2026-11-30 --chair C
refused "empty child name" 2 conference new --child "" --kind initial --date 2026-11-30 --chair C
refused "empty chair" 2 conference new --child X --kind initial --date 2026-11-30 --chair "  "
refused "empty attendee name" 2 attendee add "$conf" --name "" --agency B --line-management C
refused "unknown profile" 2 conference new --child X --kind initial --date 2026-11-30 --chair C --profile atlantis
refused "unknown view" 2 vote "$conf" --child "$ben" --group Police --view maybe
refused "unknown category" 2 vote "$conf" --child "$ben" --group Police --view plan --category cruelty
refused "category with a no-plan view" 2 vote "$conf" --child "$ben" --group Police --view no-plan --category neglect
refused "decline without a reason" 2 vote "$conf" --child "$ben" --group Police --view decline
refused "vote after the decision" 2 vote "$conf" --child "$amy" --group Police --view plan
refused "over-long reason (20,001 characters)" 2 vote "$conf" --child "$ben" --group Police --view no-plan --reason "$long"
refused "invalid UTF-8" 2 attendee add "$conf" --name "$bad_utf8" --agency B --line-management C
refused "unknown referral" 2 referral notify 999 --date 2026-11-25
refused "referral sent before the conference" 2 referral notify "$referral" --date 2026-11-01
refused "panel before the referral was sent" 2 referral panel "$referral" --date 2026-12-01 --outcome plan-confirmed
refused "bad outcome" 2 referral panel "$referral" --date 2026-12-01 --outcome maybe
refused "finalise with a child undecided" 2 finalise "$conf"
refused "amend before sign-off" 2 amend "$conf" --reason "typo" --change "name"
refused "workdays add: bad number" 2 workdays add 2026-11-20 five
refused "workdays add: unknown region" 2 workdays add 2026-11-20 5 --region wales

# Zero counted views: every group declined (a real decline each, with its reason).
for g in "Children's Social Care" Education Police "Bolton NHS FT" Probation; do
  q vote "$conf" --child "$ben" --group "$g" --view decline --reason "Not known to us" >/dev/null
done
refused "zero counted views" 2 decide "$conf" --child "$ben"
# Trial 9, D2 (DOMAIN "Reaching a decision": a plan view carries the category of abuse): a
# consensus for a plan names its category, as the chair's plan does; without one, exit 2.
refused "a consensus for a plan with no category" 2 consensus "$conf" --child "$ben" --agreed plan --summary "All agree"
check "a consensus for a plan with no category: says what is missing" \
  "$(q consensus "$conf" --child "$ben" --agreed plan --summary "All agree" 2>&1 | grep -c 'names the category of abuse it is under')" "1"
check "a consensus for a plan with no category: no attempt recorded" \
  "$(jget "$(q --json conference show "$conf")" "len([a for a in d['attempts'] if a['agreed'] == 'plan'])")" "0"
check "zero counted views: says so" "$(q decide "$conf" --child "$ben" 2>&1 | grep -c 'nothing to decide')" "1"

# Usage errors: exit 1, nothing written.
refused "missing required option" 1 vote "$conf" --child "$ben" --group Police
refused "unknown option" 1 vote "$conf" --child "$ben" --group Police --view plan --colour red
refused "unknown command" 1 conferense new
refused "missing subcommand" 1 conference
refused "missing CONF" 1 decide --child "$ben"

# A refused command at a new path leaves no database behind; verify does not bless a mistyped path.
expect_exit "refused at a new path: exit 2" 2 q --db "$work/never.db" vote 1 --child 1 --group X --view plan
check "refused at a new path: no database created" "$(ls "$work" | grep -c '^never\.db')" "0"
expect_exit "verify at a path with no database: exit 3" 3 q --db "$work/typo.db" verify
check "verify at a path with no database: none created" "$(ls "$work" | grep -c '^typo\.db')" "0"

# Storage failure: exit 3, with the reason.
expect_exit "a database that cannot be created: exit 3" 3 q --db /proc/quorum/forbidden.db conference new \
  --child "Amy" --kind initial --date 2026-11-20 --chair "R. Patel"
printf 'not a database, a chair'"'"'s notes\n' > "$work/notes.db"
expect_exit "a file that is not a database: exit 3" 3 q --db "$work/notes.db" conference list
check "a file that is not a database: left as it was" "$(cat "$work/notes.db")" "not a database, a chair's notes"

# A PostgreSQL URI or connection string is never taken for a file name: with no server there
# (the shared store built in) it is a storage failure, exit 3, or (built without libpq) refused,
# exit 2; either way nothing is written and no SQLite file of that name appears.
cd "$work" || exit 1
for pg in "postgresql://localhost:1/quorum" "postgres://q@localhost:1/q" "service=quorum-no-such-service" "host=/nonexistent dbname=quorum"; do
  for cmd in "conference new --child Amy --kind initial --date 2026-11-20 --chair R.Patel" "conference list"; do
    # shellcheck disable=SC2086
    q --db "$pg" $cmd >/dev/null 2>&1; status=$?
    if [ $status -eq 3 ] || [ $status -eq 2 ]; then check "--db $pg: ${cmd%% --*} fails cleanly (exit $status)" 1 1
    else check "--db $pg: ${cmd%% --*} fails cleanly" "exit $status" "exit 2 or 3"; fi
  done
done
cd - >/dev/null || exit 1
check "--db a PostgreSQL name: no file made of it" "$(ls "$work" | grep -cE '^(postgres|service=|host=)')" "0"

finish
