#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# test-cli-difference.sh: the escalation of a professional difference end to end through
# quorum-cli, as a script outside the project would drive it: every stage of each shipped
# profile, due dates over weekends and bank holidays, exit codes, and nothing written on refusal.

set -u

CLI=${QUORUM_CLI:?QUORUM_CLI must name the quorum-cli to test}
# The backend's helpers (a SQLite file, or a PostgreSQL database with QUORUM_TEST_PG), its
# temporary folder and their clean-up.
. "$(dirname "$0")/cli-lib.sh"
TMP=$work
DB=$QUORUM_DB
FAILED=0
N=0

fail () {
  echo "not ok - $*" >&2
  FAILED=$((FAILED + 1))
}

ok () {
  N=$((N + 1))
  echo "ok $N - $*"
}

q () {
  "$CLI" --db "$DB" "$@"
}

# The walks run into 2027: today is after them (a date in the future is refused, as below).
export QUORUM_TODAY=2027-12-31

# json EXPR: evaluates a Python expression over the JSON document on stdin, as `d`.
json () {
  python3 -c 'import json, sys; d = json.load(sys.stdin); v = eval(sys.argv[1]); print("null" if v is None else (str(v).lower() if isinstance(v, bool) else v))' "$1"
}

# expect NAME WANT GOT
expect () {
  if [ "$2" = "$3" ]; then ok "$1"; else fail "$1: expected '$2', got '$3'"; fi
}


# refused NAME STATUS MESSAGE-PART COMMAND…: exits STATUS, says why on stderr, writes nothing.
refused () {
  local name=$1 status=$2 part=$3
  shift 3
  local before after rc
  before=$(db_hash)
  q "$@" >"$TMP/out" 2>"$TMP/err"
  rc=$?
  after=$(db_hash)
  if [ "$rc" != "$status" ]; then
    fail "$name: exit $rc, expected $status ($(cat "$TMP/err"))"
  elif [ -n "$part" ] && ! grep -qF -- "$part" "$TMP/err"; then
    fail "$name: stderr lacks '$part': $(cat "$TMP/err")"
  elif [ "$before" != "$after" ]; then
    fail "$name: the database changed"
  else
    ok "$name"
  fi
}

# raise PROFILE DATE [options…]: prints the new difference's JSON
raise () {
  local profile=$1 date=$2
  shift 2
  q difference raise --json --profile "$profile" --date "$date" --raised-by "H. Visitor" \
    --role "Health visitor" --agency "Bolton NHS FT" --against "Children's Social Care" \
    --area thresholds --outcome-sought "A strategy meeting" --child "Amy Jones" "$@"
}

# walk PROFILE "DATE:DUE DATE:DUE …": raises on the first date, escalates on the others,
# checking each stage's number and due date ("null": no time limit set by this policy).
walk () {
  local profile=$1 steps=$2 id="" n=0 out date due
  for step in $steps; do
    date=${step%%:*}
    due=${step#*:}
    n=$((n + 1))
    # DATE:DUE:N: the stage reached is N (over an alternative, six-stage 4 → 6)
    case $due in *:*) n=${due#*:}; due=${due%%:*} ;; esac
    if [ -z "$id" ]; then
      out=$(raise "$profile" "$date") || { fail "$profile: raise failed"; return; }
      id=$(echo "$out" | json 'd["id"]')
    else
      out=$(q difference escalate "$id" --json --date "$date" --reason "No agreement at stage $((n - 1))") ||
        { fail "$profile: escalate to $n failed"; return; }
    fi
    expect "$profile/stage-$n-due-$due" "$n:$due" "$(echo "$out" | json 'd["stage"]'):$(echo "$out" | json 'd["due"]')"
  done
  refused "$profile/escalating-past-the-last-stage-refused" 2 "already at the last stage of $profile" \
    difference escalate "$id" --date 2027-12-31 --reason "Still no agreement"
  LAST_ID=$id
}

# ---- every stage of each shipped profile ----
# England and Wales 2026-27: Mon 31 Aug, Fri 25 and Mon 28 Dec 2026 (Boxing Day on a Saturday),
# Fri 1 Jan, Good Friday 26 Mar, Easter Monday 29 Mar, Mon 3 May, Mon 31 May, Mon 30 Aug 2027.
walk bolton "2026-12-24:null 2026-12-26:null 2027-01-01:null"
walk buckinghamshire "2026-08-28:null 2026-08-31:null 2026-12-25:null 2027-03-26:null 2027-03-29:null"
walk south-east-wales "2026-08-24:null 2026-08-25:null 2026-08-28:2026-08-27 2026-12-24:2026-12-30 2026-12-30:null 2027-03-25:2027-04-05 2027-04-06:null 2027-05-03:null"
SEW_AT_8=$LAST_ID
# Rule: stages 4 (risk) and 5 (resources) are alternatives: from 4 the next is 6.
walk six-stage "2026-11-20:null 2026-11-21:null 2026-12-25:null 2026-12-28:null 2027-01-04:null:6"
walk bradford "2026-12-24:2027-01-05 2027-01-05:2027-01-12 2027-03-25:2027-04-05 2027-04-30:2027-05-10 2027-05-28:2027-06-07 2027-08-28:2027-09-06"

# ---- immediate risk: the same working day where the profile asks (Bradford); elsewhere the
# policy's words ("without delay"), with no invented due date ----
for profile in bolton buckinghamshire south-east-wales six-stage bradford; do
  if [ "$profile" = bradford ]; then want=2026-11-19; want_sat=2026-11-21; else want=null; want_sat=null; fi
  out=$(raise "$profile" 2026-11-19 --immediate-risk)
  expect "$profile/immediate-risk-on-a-thursday-due-$want" "$want:true" \
    "$(echo "$out" | json 'd["due"]'):$(echo "$out" | json 'd["immediate_risk"]')"
  out=$(raise "$profile" 2026-11-21 --immediate-risk)
  expect "$profile/immediate-risk-on-a-saturday-due-$want_sat" "$want_sat" "$(echo "$out" | json 'd["due"]')"
  advice=$(echo "$out" | json 'd["immediate_risk_advice"]')
  [ -n "$advice" ] && [ "$advice" != null ] && ok "$profile/immediate-risk-advice-given" || fail "$profile: no immediate-risk advice"
done
out=$(raise bradford 2026-12-26 --immediate-risk)
expect "bradford/immediate-risk-on-boxing-day-due-that-day" "2026-12-26" "$(echo "$out" | json 'd["due"]')"

text=$(q difference raise --profile bradford --date 2026-11-19 --raised-by "P. Teacher" --agency School \
  --against "Children's Social Care" --area communication --outcome-sought "A call back" --immediate-risk)
if echo "$text" | grep -q "IMMEDIATE RISK OF SIGNIFICANT HARM" && echo "$text" | grep -q "SAME WORKING DAY"; then
  ok "bradford/immediate-risk-advice-shown-in-text"
else
  fail "immediate-risk advice not shown: $text"
fi

# A stage's due date is said with the rule applied (trial 7, A4): a Bradford difference at
# immediate risk escalated is due the same working day, and its text says so, not "within 5
# working days"; a stage by its limit keeps "within 5 working days". Immediate risk flagged
# after raising, at stage 1, then escalated the same day: `escalate` and `show` both.
risk=$(raise bradford 2026-12-02 | json 'd["id"]')
q difference flag "$risk" --immediate-risk --date 2026-12-02 >/dev/null
escalated=$(q difference escalate "$risk" --date 2026-12-02 --reason "Immediate risk: to the next step today")
expect "bradford/escalated-at-risk-due-line" "  Due: 2026-12-02 (the same working day: immediate risk of significant harm)" \
  "$(echo "$escalated" | grep '^  Due:')"
shown=$(q difference show "$risk" --as-of 2026-12-02 | grep '^  Due:')
expect "bradford/show-at-risk-due-lines" "  Due: 2026-12-09 (within 5 working days)
  Due: 2026-12-02 (the same working day: immediate risk of significant harm)" "$shown"

# ---- discussions, the six-stage checklist, resolution and feedback ----
id=$(raise six-stage 2026-11-20 | json 'd["id"]')
n_questions=$(q difference show "$id" --json | json 'len(d["checklist"])')
answers=$(python3 -c "import sys; print('|'.join('Answer %d' % i for i in range(int(sys.argv[1]))))" "$n_questions")
refused "six-stage/checklist-needs-an-answer-per-question" 2 "checklist" \
  difference record "$id" --date 2026-11-20 --with "H. Visitor, S. Social" --summary "Met" --checklist "Yes|No"
out=$(q difference record "$id" --json --date 2026-11-20 --with "H. Visitor, S. Social" --summary "Met to reach a shared understanding" --agreed "More information from school" --checklist "$answers")
expect "six-stage/stage-1-checklist-recorded" "1:$n_questions" "$(echo "$out" | json 'd["stage"]'):$(echo "$out" | json 'd["checklist_answers"]')"
out=$(q difference show "$id" --json)
expect "show/discussion-who-what-agreed" "H. Visitor, S. Social|More information from school|Answer 0" \
  "$(echo "$out" | json '"|".join([d["notes"][0]["with"], d["notes"][0]["agreed"], d["notes"][0]["checklist"][0]["answer"]])')"

refused "record/dated-before-the-last-event" 2 "must not go backwards" \
  difference record "$id" --date 2026-11-19 --with "A" --summary "Too early"
refused "escalate/dated-before-the-last-event" 2 "must not go backwards" \
  difference escalate "$id" --date 2026-11-19 --reason "Too early"
refused "escalate/needs-a-reason" 1 "--reason" difference escalate "$id" --date 2026-11-23
refused "escalate/blank-reason" 2 "" difference escalate "$id" --date 2026-11-23 --reason " "
refused "resolve/needs-an-outcome" 1 "--outcome" difference resolve "$id" --date 2026-11-23
refused "resolve/feedback-date-before-resolution" 2 "" \
  difference resolve "$id" --date 2026-11-23 --outcome "Agreed" --feedback-to "H. Visitor" --feedback-date 2026-11-22

out=$(q difference resolve "$id" --json --date 2026-11-23 --outcome "Agreed in writing: school to share attendance" --feedback-to "H. Visitor" --feedback-date 2026-11-24)
expect "resolve/agreed-outcome-feedback-to-the-raiser" "resolved:1:H. Visitor:2026-11-24:false" \
  "$(echo "$out" | json '":".join(str(x) for x in [d["status"], d["stage"], d["feedback_to"], d["feedback_date"], d["debrief"]]).replace("False","false")')"
out=$(q difference resolve "$id" --json --debrief --protocol-review)
expect "resolve/after-resolution-debrief-and-protocol-review" "true:true" \
  "$(echo "$out" | json 'd["debrief"]'):$(echo "$out" | json 'd["protocol_review"]')"
refused "resolved/no-more-escalation" 2 "resolved" difference escalate "$id" --date 2026-11-30 --reason "Again"
refused "resolved/no-second-resolution" 2 "resolved" difference resolve "$id" --date 2026-11-30 --outcome "Again"

# ---- a Buckinghamshire conference's dissent becomes a challenge ----
conf=$(q conference new --json --child "Amy Jones" --kind initial --date 2026-11-20 --chair "R. Patel" --profile buckinghamshire | json 'd["id"]')
out=$(q difference raise --json --conference "$conf" --date 2026-11-23 --raised-by "D. Dissent" --role "Detective Sergeant" \
  --agency "Thames Valley Police" --against "The conference chair" --against-decision "No child protection plan" \
  --area thresholds --outcome-sought "A child protection plan" --child "Amy Jones")
cid=$(echo "$out" | json 'd["id"]')
expect "buckinghamshire/challenge-takes-the-conference-profile" "buckinghamshire:null" \
  "$(echo "$out" | json 'd["profile"]'):$(echo "$out" | json 'd["due"]')"
refused "buckinghamshire/challenge-about-a-child-not-in-the-conference" 2 "Zed" \
  difference raise --conference "$conf" --date 2026-11-23 --raised-by "D" --agency "P" --against "C" \
  --area thresholds --outcome-sought "X" --child "Zed"
refused "raise/unknown-conference" 2 "" \
  difference raise --conference 999 --date 2026-11-23 --raised-by "D" --agency "P" --against "C" --area thresholds --outcome-sought "X"
out=$(q difference resolve "$cid" --json --date 2026-11-25 --outcome "review brought forward" --feedback-to "D. Dissent")
expect "buckinghamshire/safeguarding-co-ordinator-decision-recorded" "Require that a review conference be brought forward" \
  "$(echo "$out" | json 'd["challenge_outcome"]')"
out=$(q differences --json --status resolved --profile buckinghamshire)
expect "differences/linked-conference" "$conf" "$(echo "$out" | json '[x for x in d if x["id"] == '"$cid"'][0]["conference"]')"

# ---- bad input: usage (1) and rejected (2), nothing written ----
refused "raise/unknown-area" 2 "thresholds" \
  difference raise --profile bradford --date 2026-11-19 --raised-by "A" --agency "B" --against "C" --area weather --outcome-sought "X"
refused "raise/unknown-profile" 2 "" \
  difference raise --profile atlantis --date 2026-11-19 --raised-by "A" --agency "B" --against "C" --area thresholds --outcome-sought "X"
refused "raise/not-a-date" 2 "" \
  difference raise --profile bradford --date 2026-02-30 --raised-by "A" --agency "B" --against "C" --area thresholds --outcome-sought "X"
refused "raise/blank-name" 2 "" \
  difference raise --profile bradford --date 2026-11-19 --raised-by "  " --agency "B" --against "C" --area thresholds --outcome-sought "X"
refused "raise/missing-against" 1 "--against" \
  difference raise --profile bradford --date 2026-11-19 --raised-by "A" --agency "B" --area thresholds --outcome-sought "X"
refused "raise/missing-profile" 1 "--profile" \
  difference raise --date 2026-11-19 --raised-by "A" --agency "B" --against "C" --area thresholds --outcome-sought "X"
refused "raise/unknown-option" 1 "" difference raise --colour blue
refused "record/unknown-difference" 2 "" difference record 4242 --date 2026-11-19 --with A --summary B
refused "record/not-an-id" 2 "" difference record abc --date 2026-11-19 --with A --summary B
refused "record/missing-id" 1 "" difference record --date 2026-11-19 --with A --summary B
refused "show/unknown-difference" 2 "" difference show 4242
refused "differences/bad-status" 2 "open" differences --status pending
refused "differences/bad-as-of" 2 "" differences --as-of tomorrow

# ---- the list: overdue means the next stage is due ----
fresh=$(raise bradford 2027-02-01 | json 'd["id"]')   # due Mon 8 Feb 2027
out=$(q differences --json --as-of 2027-02-08)
expect "differences/on-the-due-date-not-overdue" "false:open:1" \
  "$(echo "$out" | json '":".join(str(x) for x in [[x for x in d if x["id"] == '"$fresh"'][0][k] for k in ("overdue", "status", "stage")]).replace("False","false")')"
out=$(q differences --json --as-of 2027-02-09 --overdue)
expect "differences/overdue-with-the-next-stage-due" "true:2:2027-02-08" \
  "$(echo "$out" | json '":".join(str(x) for x in [[x for x in d if x["id"] == '"$fresh"'][0][k] for k in ("overdue", "next_stage", "due")]).replace("True","true")')"
out=$(q differences --json --as-of 2027-02-09 --overdue)
expect "differences/no-limit-never-overdue" "0" \
  "$(echo "$out" | json 'len([x for x in d if x["due"] is None])')"
expect "differences/keys" "true" \
  "$(echo "$out" | json 'all(set(["id","stage","stage_name","due","overdue","status"]) <= set(x) for x in d)')"
out=$(q differences --json --agency "thames valley")
expect "differences/agency-filter" "1" "$(echo "$out" | json 'len(d)')"
out=$(q differences --json --status open --profile six-stage)
expect "differences/status-and-profile-filters" "true" \
  "$(echo "$out" | json 'len(d) > 0 and all(x["status"] == "open" and x["profile"] == "six-stage" for x in d)')"

# ---- monitoring: counts by profile, stage reached and outcome ----
out=$(q differences --json --stats --as-of 2027-12-31)
expect "stats/south-east-wales-monitors-step-5" "5:1" \
  "$(echo "$out" | json '[p for p in d["profiles"] if p["profile"] == "south-east-wales"][0]["monitored_stage"]'):$(echo "$out" | json '[p for p in d["profiles"] if p["profile"] == "south-east-wales"][0]["monitored_reached"]')"
expect "stats/bradford-reached-step-6" "1" \
  "$(echo "$out" | json '[s for s in [p for p in d["profiles"] if p["profile"] == "bradford"][0]["stages"] if s["stage"] == 6][0]["reached"]')"
expect "stats/buckinghamshire-challenge-outcome-counted" "1" \
  "$(echo "$out" | json '[o for o in [p for p in d["profiles"] if p["profile"] == "buckinghamshire"][0]["outcomes"] if o["outcome"].startswith("Require")][0]["count"]')"
expect "stats/total-is-the-list" "$(q differences --json | json 'len(d)')" "$(echo "$out" | json 'd["total"]')"
out=$(q differences --json --stats --from 2027-01-01 --to 2027-12-31 --profile bradford)
expect "stats/over-a-period" "bradford:1" \
  "$(echo "$out" | json '":".join(str(x) for x in [d["profiles"][0]["profile"], d["total"]])')"
refused "stats/from-after-to" 2 "" differences --stats --from 2027-02-01 --to 2027-01-01

# ---- the record holds what has happened: no step of a difference is dated after today ----
QUORUM_TODAY=2026-12-01
future="is in the future (today is 2026-12-01)"
refused "future/raise-refused" 2 "(2027-01-01) $future" \
  difference raise --profile bradford --date 2027-01-01 --raised-by "H. Visitor" --agency "Bolton NHS FT" \
  --against "Children's Social Care" --area thresholds --outcome-sought "A strategy meeting"
fid=$(raise bradford 2026-12-01 | json 'd["id"]')
refused "future/record-refused" 2 "(2027-01-05) $future" \
  difference record "$fid" --date 2027-01-05 --with "H. Visitor" --summary "Not yet"
refused "future/escalate-refused" 2 "(2027-01-04) $future" \
  difference escalate "$fid" --date 2027-01-04 --reason "Not yet"
refused "future/resolve-refused" 2 "(2027-01-05) $future" \
  difference resolve "$fid" --date 2027-01-05 --outcome "Agreed"
refused "future/feedback-date-refused" 2 "(2026-12-08) $future" \
  difference resolve "$fid" --date 2026-12-01 --outcome "Agreed" --feedback-to "H. Visitor" --feedback-date 2026-12-08
out=$(q difference resolve "$fid" --json --date 2026-12-01 --outcome "Agreed" --feedback-to "H. Visitor" --feedback-date 2026-12-01)
expect "future/today-is-not-the-future" "resolved" "$(echo "$out" | json 'd["status"]')"
QUORUM_TODAY=2027-12-31

# ---- cliasof: `differences --as-of D` says what stood on D (DOMAIN: "Plans, referrals and notices
# over time"): a difference escalated or resolved after D was at its earlier stage and open then;
# one raised after D did not exist; overdue and the counts judged by the stage it was at.
# Bradford: each step within 5 working days; raised Mon 3 Mar 2025, step 1 due Mon 10 Mar.
asof=$(raise bradford 2025-03-03 | json 'd["id"]')
q difference escalate "$asof" --date 2025-03-12 --reason "No reply by the deadline" >/dev/null
q difference resolve "$asof" --date 2025-03-14 --outcome "Strategy meeting held" >/dev/null
later=$(raise bradford 2025-03-13 | json 'd["id"]')
row_as_of () { q differences --json --as-of "$1" | json "__import__('json').dumps([[r['stage'], r['status'], r['due'], r['overdue']] for r in d if r['id'] == $2])"; }
expect "cliasof/as-of-before-escalation: step 1, open, due 10 Mar, overdue on 11 Mar" \
  '[[1, "open", "2025-03-10", true]]' "$(row_as_of 2025-03-11 "$asof")"
expect "cliasof/as-of-after-escalation: step 2, open, not overdue" \
  '[[2, "open", "2025-03-19", false]]' "$(row_as_of 2025-03-13 "$asof")"
expect "cliasof/as-of-after-resolution: resolved" 'resolved' \
  "$(q differences --json --as-of 2025-03-14 | json "[r['status'] for r in d if r['id'] == $asof][0]")"
expect "cliasof/as-of-before-raised: not listed" "[]" "$(row_as_of 2025-03-12 "$later")"
expect "cliasof/as-of-overdue: listed overdue on 11 Mar" "true" \
  "$(q differences --json --as-of 2025-03-11 --overdue | json "$asof in [r['id'] for r in d]")"
q differences --as-of 2025-03-11 --overdue >"$TMP/asof" && grep -q "^$asof	bradford	stage 1: .*OVERDUE" "$TMP/asof" &&
  ok "cliasof/as-of-text: stage 1, OVERDUE" || { fail "cliasof/as-of-text"; cat "$TMP/asof"; }
expect "cliasof/as-of-stats: counted open at step 1 on 11 Mar" '[1, 0, 1]' \
  "$(q differences --json --stats --as-of 2025-03-11 --from 2025-03-03 --to 2025-03-03 --profile bradford | json '__import__("json").dumps([d["open"], d["resolved"], d["overdue"]])')"

# ---- diffs4 2: closed with the disagreement remaining is not "resolved" ----
# Its own words in the list and its own count in --stats; "status" keeps the contract's
# "resolved", with "closure" saying how it closed.
out=$(q difference raise --json --profile bradford --date 2027-03-01 --raised-by "R. Remain" \
  --agency "Bradford NHS Trust" --against "Children's Social Care" --area thresholds --outcome-sought "A plan")
dr=$(echo "$out" | json 'd["id"]')
q difference resolve "$dr" --date 2027-03-02 --outcome "Decision unchanged" --disagreement-remains >/dev/null
out=$(q differences --json --from 2027-03-01 --to 2027-03-01 --profile bradford)
expect "diffs4/list-json-status-kept-closure-added" "resolved:disagreement-remains" \
  "$(echo "$out" | json '[x for x in d if x["id"] == '"$dr"'][0]["status"]'):$(echo "$out" | json '[x for x in d if x["id"] == '"$dr"'][0]["closure"]')"
q differences --from 2027-03-01 --to 2027-03-01 --profile bradford >"$TMP/dr-list"
grep -P "^$dr\t.*\tclosed, disagreement remains" "$TMP/dr-list" >/dev/null &&
  ok "diffs4/list-text-says-disagreement-remains" || { cat "$TMP/dr-list" >&2; fail "diffs4: list text calls it resolved"; }
out=$(q differences --json --stats --from 2027-03-01 --to 2027-03-01 --profile bradford)
expect "diffs4/stats-json-own-count" "1:1:1:0" \
  "$(echo "$out" | json '":".join(str(x) for x in [d["resolved"], d["disagreement_remains"], [p for p in d["profiles"] if p["profile"] == "bradford"][0]["disagreement_remains"], sum(o["count"] for p in d["profiles"] for o in p["outcomes"] if o["outcome"] == "resolved")])')"
expect "diffs4/stats-json-outcome-disagreement-remains" "1" \
  "$(echo "$out" | json 'sum(o["count"] for p in d["profiles"] for o in p["outcomes"] if o["outcome"] == "disagreement-remains")')"
q differences --stats --from 2027-03-01 --to 2027-03-01 --profile bradford >"$TMP/dr-stats"
grep -q "0 resolved, 1 closed with the disagreement remaining" "$TMP/dr-stats" &&
  ok "diffs4/stats-text-own-count" || { cat "$TMP/dr-stats" >&2; fail "diffs4: stats text counts it as resolved"; }

# ---- text output and integrity ----
q difference show "$SEW_AT_8" >"$TMP/show" && grep -q "no time limit set by this policy" "$TMP/show" &&
  ok "show/no-time-limit-said-plainly" || fail "show: no-limit wording missing"
q differences --stats >/dev/null && ok "differences/stats-as-text" || fail "differences --stats text"
q verify >/dev/null && ok "verify/differences-covered-by-the-audit-chain" || fail "verify failed"

echo "1..$N"
if [ "$FAILED" -gt 0 ]; then
  echo "$FAILED failed" >&2
  exit 1
fi
exit 0
