#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# test-cli-fidelity.sh: the record as it stands, through quorum-cli (docs/notes/fidel4.md):
# - `conference list` shows and searches a signed-off conference's names as amended, and its
#   search ignores accents and case ("chloe" finds "Chloé");
# - a leaving time before a decision the person was counted in (or an arrival after it), and an
#   arrival before a decision taken without them (trial 9, D1), are refused, naming the child and
#   the decision's time, and nothing is written;
# - `difference show ID --as-of D` shows the difference as it stood on D.
. "$(dirname "$0")/cli-lib.sh"

has () { if printf '%s' "$1" | grep -qF -- "$2"; then echo yes; else echo no; fi; }

# ---- The conference list: names as they stand after sign-off ----
conf=$(jget "$(q --json conference new --child "Aimee Jones" --child "Ben Jones" --kind initial --date 2026-11-20 \
                 --chair "R. Patl" --case-ref "CR-1O")" 'd["id"]')
q attendee add "$conf" --name "S. Social" --agency "Children's Social Care" --line-management "CSC" >/dev/null
q attendee add "$conf" --name "A. Khan" --agency "Greater Manchester Police" --line-management "Police" >/dev/null
q attendee add "$conf" --name "H. Visitor" --agency "Bolton NHS FT" --line-management "NHS" >/dev/null
for child in $(jget "$(q --json conference show "$conf")" '" ".join(str(c["id"]) for c in d["children"])'); do
  q consensus "$conf" --child "$child" --agreed no-plan --summary "All agree" >/dev/null
  q decide "$conf" --child "$child" >/dev/null
done
q finalise "$conf" >/dev/null
aimee=$(jget "$(q --json conference show "$conf")" 'd["children"][0]["id"]')
q amend "$conf" --reason "Misspelt at the conference" --record "child:$aimee" --field name --value "Amy Jones" >/dev/null
q amend "$conf" --reason "Misspelt" --record "conference:$conf" --field chair --value "R. Patel" >/dev/null
q amend "$conf" --reason "Mistyped" --record "conference:$conf" --field case_ref --value "CR-10" >/dev/null

out=$(q conference list)
check "list: the child's name as amended" "$(has "$out" "Amy Jones, Ben Jones")" "yes"
check "list: not the name as signed off" "$(has "$out" "Aimee")" "no"
check "list: the chair as amended" "$(has "$out" "R. Patel")" "yes"
out=$(q --json conference list)
check "list --json: the names, chair and case reference as they stand" \
  "$(jget "$out" '[d[0]["child_names"], d[0]["chair"], d[0]["case_ref"]]')" '["Amy Jones, Ben Jones", "R. Patel", "CR-10"]'
check "list --search: the amended name finds it" "$(jget "$(q --json conference list --search "amy j")" '[r["id"] for r in d]')" "[$conf]"
check "list --search: the name as signed off no longer does" "$(jget "$(q --json conference list --search aimee)" 'len(d)')" "0"
check "list --search: the amended chair finds it" "$(jget "$(q --json conference list --search patel)" '[r["id"] for r in d]')" "[$conf]"
check "list --search: the amended case reference finds it" "$(jget "$(q --json conference list --search CR-10)" '[r["id"] for r in d]')" "[$conf]"
check "list --search: an unamended name still finds it" "$(jget "$(q --json conference list --search "ben jones")" '[r["id"] for r in d]')" "[$conf]"

# ---- The search folds accents and case, as the app's list does (trial 6: "chloe") ----
walsh=$(jget "$(q --json conference new --child "Chloé Walsh" --kind review --date 2026-12-02 \
                  --chair "Siân Prŷs" --case-ref "BOL/2026/0412")" 'd["id"]')
check "list --search: chloe finds Chloé" "$(jget "$(q --json conference list --search chloe)" '[r["id"] for r in d]')" "[$walsh]"
check "list --search: CHLOÉ finds Chloé" "$(jget "$(q --json conference list --search CHLOÉ)" '[r["id"] for r in d]')" "[$walsh]"
check "list --search: the chair without her accents" "$(jget "$(q --json conference list --search "sian prys")" '[r["id"] for r in d]')" "[$walsh]"
check "list --search: no other conference" "$(jget "$(q --json conference list --search chloa)" 'len(d)')" "0"

# ---- The attendance timeline against the decisions that counted a person ----
# A machine whose local time is far from UTC (13 hours ahead in December): a decision's time,
# stored in UTC, is compared as the clock in the room read it.
export TZ=Pacific/Auckland
today=$(date +%F)
conf=$(jget "$(q --json conference new --child "Cara Day" --kind initial --date "$today" --chair "R. Patel")" 'd["id"]')
q attendee add "$conf" --name "S. Social" --agency "Children's Social Care" --line-management "CSC" >/dev/null
q attendee add "$conf" --name "A. Khan" --agency "Greater Manchester Police" --line-management "Police" >/dev/null
q attendee add "$conf" --name "H. Visitor" --agency "Bolton NHS FT" --line-management "NHS" >/dev/null
q attendee add "$conf" --name "T. Teacher" --agency "St Mary's Primary" --line-management "School" >/dev/null
cara=$(jget "$(q --json conference show "$conf")" 'd["children"][0]["id"]')
attendee_of () { jget "$(q --json conference show "$1")" "[a['id'] for a in d['attendees'] if a['name']=='$2'][0]"; }
q consensus "$conf" --child "$cara" --agreed no-plan --summary "All agree" >/dev/null
q decide "$conf" --child "$cara" >/dev/null
# The decision's time on the room's clock, and the minute after it.
decided=$(jget "$(q --json conference show "$conf")" \
  '__import__("datetime").datetime.fromisoformat(d["decisions"][0]["decided_at"].replace("Z", "+00:00")).astimezone().strftime("%H:%M")')
after=$(python3 -c 'import sys; h, m = map(int, sys.argv[1].split(":")); m += h * 60 + 1; print("%02d:%02d" % (m // 60, m % 60))' "$decided")
khan=$(attendee_of "$conf" "A. Khan")
teacher=$(attendee_of "$conf" "T. Teacher")
if [ "$decided" = "00:00" ] || [ "$decided" = "23:59" ]; then
  skip "timeline: leaving before a decision counted in" "the decision was taken at $decided, at the day's edge"
else
  before=$(db_hash)
  err=$(q attendee leave "$conf" --attendee "$khan" --time 00:00 2>&1 >/dev/null); status=$?
  check "timeline: leaving before a decision they were counted in is refused (exit 2)" "$status" "2"
  check "timeline: the refusal names the child and the decision's local time" \
    "$(has "$err" "A. Khan was counted in the room for Cara Day’s decision, taken at $decided: they left after that, not at 00:00")" "yes"
  [ "$status" = 2 ] || printf '#   %s\n' "$err"
  err=$(q attendee arrive "$conf" --attendee "$teacher" --time "$after" 2>&1 >/dev/null); status=$?
  check "timeline: arriving after a decision they were counted in is refused (exit 2)" "$status" "2"
  check "timeline: the refusal names the child and the decision's local time" \
    "$(has "$err" "T. Teacher was counted in the room for Cara Day’s decision, taken at $decided: they arrived by then, not at $after")" "yes"
  check "timeline: the refusals wrote nothing" "$(db_hash)" "$before"
  out=$(q --json attendee leave "$conf" --attendee "$khan" --time "$decided")
  check "timeline: leaving at the decision's minute is taken" "$(jget "$out" 'd["left_at"]')" "$decided"
fi
# Trial 9, D1 (DOMAIN "Nobody joins the voters of a child whose decision is taken"; "The record
# says who was present for each child's decision"): someone not counted in the room for a
# decision did not arrive before it. A latecomer added with an arrival before Cara's decision,
# or an absent member arriving before it, is refused (exit 2), naming the child and the time.
q attendee add "$conf" --name "P. Officer" --agency "Probation" --line-management "Probation" \
  --attendance apologies >/dev/null
officer=$(attendee_of "$conf" "P. Officer")
if [ "$decided" = "00:00" ]; then
  skip "timeline: arriving before a decision not counted in" "the decision was taken at $decided, at the day's edge"
else
  before=$(db_hash)
  err=$(q attendee add "$conf" --name "Dr K. Moss" --agency "GP" --line-management "GP" --arrived 00:00 2>&1 >/dev/null); status=$?
  check "timeline: a latecomer added as arriving before a decision taken without them is refused (exit 2)" "$status" "2"
  check "timeline: the refusal names the child and the decision's local time" \
    "$(has "$err" "Dr K. Moss was not counted in the room for Cara Day’s decision, taken at $decided: they arrived after that, not at 00:00")" "yes"
  [ "$status" = 2 ] || printf '#   %s\n' "$err"
  err=$(q attendee arrive "$conf" --attendee "$officer" --time 00:00 2>&1 >/dev/null); status=$?
  check "timeline: an absent member arriving before a decision taken without them is refused (exit 2)" "$status" "2"
  check "timeline: that refusal names the child and the decision's local time" \
    "$(has "$err" "P. Officer was not counted in the room for Cara Day’s decision, taken at $decided: they arrived after that, not at 00:00")" "yes"
  check "timeline: the refusals of an early arrival wrote nothing" "$(db_hash)" "$before"
  check "timeline: no GP attendee on the record" \
    "$(jget "$(q --json conference show "$conf")" "len([a for a in d['attendees'] if a['name']=='Dr K. Moss'])")" "0"
fi
# At the decision's minute (or after it) a latecomer is taken: they came as it was taken.
out=$(q --json attendee add "$conf" --name "Dr K. Moss" --agency "GP" --line-management "GP" --arrived "$decided")
check "timeline: a latecomer arriving at the decision's minute is taken" "$(jget "$out" '"id" in d')" "true"
unset TZ

# ---- difference show --as-of: what stood on the day ----
id=$(jget "$(q difference raise --json --profile bradford --date 2026-11-19 --raised-by "H. Visitor" \
               --role "Health visitor" --agency "Bolton NHS FT" --against "Children's Social Care" \
               --area thresholds --outcome-sought "A strategy meeting" --child "Amy Jones")" 'd["id"]')
q difference escalate "$id" --date 2026-11-25 --reason "No agreement at step 1" >/dev/null
q difference resolve "$id" --date 2026-11-30 --outcome "Agreed in writing" --feedback-to "H. Visitor" --feedback-date 2026-11-30 >/dev/null
listed=$(q --json differences --as-of 2026-11-20)
out=$(q --json difference show "$id" --as-of 2026-11-20)
check "difference show --as-of: step 1, open, as differences --as-of lists it" \
  "$(jget "$out" '[d["stage"], d["status"], d["due"], d["resolved"], d["outcome"]]')" \
  "$(jget "$listed" "[[x['stage'], x['status'], x['due'], x['resolved'], x['outcome']] for x in d if x['id'] == $id][0]")"
check "difference show --as-of: step 1, open, due 26 November" "$(jget "$out" '[d["stage"], d["status"], d["due"]]')" \
  '[1, "open", "2026-11-26"]'
out=$(q difference show "$id" --as-of 2026-11-20)
check "difference show --as-of (text): not resolved on the day" "$(has "$out" "Resolved")" "no"
check "difference show --as-of (text): step 2 not yet entered" "$(has "$out" "Entered: 2026-11-25")" "no"
out=$(q --json difference show "$id")
check "difference show: today, resolved at step 2" "$(jget "$out" '[d["stage"], d["status"]]')" '[2, "resolved"]'
expect_exit "difference show --as-of before it was raised is refused" 2 q difference show "$id" --as-of 2026-11-18

# ---- A consensus attempt needs a voting group in the room (DOMAIN "Reaching a decision" 1) ----
conf=$(jget "$(q --json conference new --child "Dee Day" --kind initial --date 2026-11-20 --chair "R. Patel")" 'd["id"]')
dee=$(jget "$(q --json conference show "$conf")" 'd["children"][0]["id"]')
before=$(db_hash)
expect_exit "consensus: refused with no attendee on the record" 2 \
  q consensus "$conf" --child "$dee" --agreed plan --category neglect --summary "All agree"
q attendee add "$conf" --name "O. Observer" --agency "Housing" --line-management "Housing" --non-voting >/dev/null
before=$(db_hash)
expect_exit "consensus: refused with only a non-voting attendee" 2 \
  q consensus "$conf" --child "$dee" --agreed plan --category neglect --summary "All agree"
check "consensus: the refusals wrote nothing" "$(db_hash)" "$before"
check "consensus: no attempt on the record" "$(jget "$(q --json conference show "$conf")" 'len(d["attempts"])')" "0"
q attendee add "$conf" --name "S. Social" --agency "Children's Social Care" --line-management "CSC" >/dev/null
q consensus "$conf" --child "$dee" --agreed plan --category neglect --summary "All agree" >/dev/null
check "consensus: recorded once a voting attendee is present" \
  "$(jget "$(q --json conference show "$conf")" 'len(d["attempts"])')" "1"

finish
