#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# test-cli.sh: a whole Bolton split vote and a Buckinghamshire chair decision through quorum-cli,
# as a minute-taker's or administrator's script would drive it, with the JSON of shared/CLI.md.
. "$(dirname "$0")/cli-lib.sh"
# The Head of Service's dates are refused in the future: these scenarios run in 2026-27, so "today" is after them.
export QUORUM_TODAY=2027-12-31

# -- profiles
out=$(q --json profiles)
check "profiles: the five shipped ids" "$(jget "$out" 'sorted(p["id"] for p in d)')" \
  '["bolton", "bradford", "buckinghamshire", "six-stage", "south-east-wales"]'
check "profiles: bolton is majority by line management" \
  "$(jget "$out" '[p["rule"] for p in d if p["id"]=="bolton"][0]')" "majority-by-line-management"
check "profiles: buckinghamshire is chair-decides" \
  "$(jget "$out" '[p["rule"] for p in d if p["id"]=="buckinghamshire"][0]')" "chair-decides"

# -- a Bolton conference: the split vote (2-2 with a decline)
conf=$(bolton_conference 2026-11-20)
show=$(q --json conference show "$conf")
check "conference new: default profile bolton" "$(jget "$show" 'd["profile"]')" "bolton"
amy=$(jget "$show" 'd["children"][0]["id"]')
ben=$(jget "$show" 'd["children"][1]["id"]')

out=$(q --json consensus "$conf" --child "$amy" --agreed none --summary "Views differ on the risk of neglect")
check "consensus: no consensus recorded" "$(jget "$out" '"id" in d')" "true"

q vote "$conf" --child "$amy" --group "Children's Social Care" --view plan --category neglect --reason "Chronic neglect" >/dev/null
q vote "$conf" --child "$amy" --group "Education" --view no-plan --reason "First thoughts" >/dev/null
# Rule: one view per line-management group; a group voting again replaces its view until the decision.
q vote "$conf" --child "$amy" --group "EDUCATION" --view plan --category emotional --reason "Attendance is falling" >/dev/null
q vote "$conf" --child "$amy" --group "Police" --view no-plan --reason "No offences disclosed" >/dev/null
# Rule: representatives who share a structure give one view; if they cannot agree, it is recorded,
# and the group's view is the one they settle on (never two votes).
q vote "$conf" --child "$amy" --group "Bolton NHS FT" --view no-plan --reason "Health needs are met" --members-disagreed >/dev/null
# They could not agree: each one's own position is kept, and the decision waits for both.
for rep in "H. Visitor" "H. Two"; do
  q member-view "$conf" --child "$amy" --attendee "$(jget "$show" "[a['id'] for a in d['attendees'] if a['name']=='$rep'][0]")" \
    --view no-plan --reason "Weight is steady" >/dev/null
done
show=$(q --json conference show "$conf")
check "vote: a group whose members disagreed is recorded as such, with one view" \
  "$(jget "$show" '[(v["view"], v["members_disagreed"], v["representatives"]) for v in d["votes"] if v["group"]=="Bolton NHS FT"]')" \
  '[["no-plan", true, ["H. Visitor", "H. Two"]]]'
out=$(q --json vote "$conf" --child "$amy" --group "Probation" --view decline --reason "No contact with the family")
check "vote: live tally after five groups" "$(jget "$out" 'd["tally"]')" '{"plan": 2, "no-plan": 2, "declined": 1}'
check "vote: no group still to give a view" "$(jget "$out" 'd["awaiting"]')" "[]"

# Rule: a vote for a group with no voting attendee is refused (the family does not vote).
expect_exit "vote: refused for a group with no voting attendee" 2 q vote "$conf" --child "$amy" --group "Family" --view plan

expect_exit "majority profile: --chair-view refused" 2 q decide "$conf" --child "$amy" --chair-view plan
out=$(q --json decide "$conf" --child "$amy")
check "decide (split): outcome plan" "$(jget "$out" 'd["outcome"]')" "plan"
check "decide (split): basis split" "$(jget "$out" 'd["basis"]')" "split"
check "decide (split): tally" "$(jget "$out" 'd["tally"]')" '{"plan": 2, "no-plan": 2, "declined": 1}'
check "decide (split): every dissenting group" "$(jget "$out" '[x["group"] for x in d["dissent"]]')" '["Police", "Bolton NHS FT"]'
check "decide (split): a group's representatives" "$(jget "$out" 'd["dissent"][1]["representatives"]')" '["H. Visitor", "H. Two"]'
check "decide (split): dissent reasons in their own words" "$(jget "$out" 'd["dissent"][0]["reason"]')" "No offences disclosed"
check "decide (split): the plan from the split" "$(jget "$out" '[d["plan"]["start"], d["plan"]["from_split"]]')" '["2026-11-20", true]'
check "decide (split): referral due the 5th working day" "$(jget "$out" 'd["referral"]["due"]')" "2026-11-27"
check "decide (split): referral not yet notified" "$(jget "$out" '[d["referral"]["notified"], d["referral"]["panel_due"]]')" "[null, null]"
referral=$(jget "$out" 'd["referral"]["id"]')

expect_exit "vote: refused after the decision" 2 q vote "$conf" --child "$amy" --group Police --view plan
expect_exit "decide: refused twice" 2 q decide "$conf" --child "$amy"

# Ben: consensus on no plan.
q consensus "$conf" --child "$ben" --agreed no-plan --summary "All agree Ben's needs are met" >/dev/null
out=$(q --json decide "$conf" --child "$ben")
check "decide (consensus): per child, siblings differ" "$(jget "$out" '[d["outcome"], d["basis"], d["dissent"], d["plan"], d["referral"]]')" \
  '["no-plan", "consensus", [], null, null]'

# -- the referral
out=$(q --json referrals --as-of 2026-11-30)
check "referrals: overdue as of 2026-11-30 when not sent" "$(jget "$out" '[(r["id"], r["overdue"]) for r in d]')" "[[$referral, true]]"
out=$(q --json referrals --as-of 2026-11-27 --overdue)
check "referrals: not overdue on its due date" "$out" "[]"
out=$(q --json referral notify "$referral" --date 2026-11-25)
check "referral notify: panel due 28 days after notification" "$(jget "$out" '[d["notified"], d["panel_due"]]')" '["2026-11-25", "2026-12-23"]'
expect_exit "referral panel: other needs its reasons" 2 q referral panel "$referral" --date 2026-12-10 --outcome other
out=$(q --json referral panel "$referral" --date 2026-12-10 --outcome plan-confirmed)
check "referral panel: outcome recorded" "$(jget "$out" '[d["panel_date"], d["outcome"], d["overdue"]]')" '["2026-12-10", "plan-confirmed", false]'

# -- sign-off and amendment
out=$(q --json finalise "$conf")
check "finalise: signed off" "$(jget "$out" 'd["finalised_at"] is not None')" "true"
expect_exit "after finalise: attendee add refused" 2 q attendee add "$conf" --name X --agency Y --line-management Z
expect_exit "after finalise: consensus refused" 2 q consensus "$conf" --child "$amy" --agreed none --summary x
police_vote=$(jget "$(q --json conference show "$conf")" '[v["id"] for v in d["votes"] if v["group"]=="Police"][0]')
out=$(q --json amend "$conf" --reason "The police asked for their words to be corrected" --record "vote:$police_vote" --field reason --value "No offences disclosed to date")
show=$(q --json conference show "$conf")
check "amend: the original kept beside the amendment" \
  "$(jget "$show" '[[v["reason"] for v in d["votes"] if v["group"]=="Police"][0], d["amendments"][0]["old_value"], d["amendments"][0]["new_value"]]')" \
  '["No offences disclosed", "No offences disclosed", "No offences disclosed to date"]'
expect_exit "amend: a reason is required" 1 q amend "$conf" --change "something"
# A correction never blanks a reason or a name, and one that changes nothing is refused.
before=$(db_hash)
attendee=$(jget "$show" 'd["attendees"][0]["id"]')
expect_exit "amend: a blank corrected reason is refused" 2 q amend "$conf" --reason x --record "vote:$police_vote" --field reason --value " "
expect_exit "amend: an empty corrected reason is refused" 2 q amend "$conf" --reason x --record "vote:$police_vote" --field reason --value ""
expect_exit "amend: a blank corrected name is refused" 2 q amend "$conf" --reason x --record "attendee:$attendee" --field name --value "  "
expect_exit "amend: a blank --change is refused" 2 q amend "$conf" --reason x --change " "
expect_exit "amend: a correction to the value as it stands is refused" 2 q amend "$conf" --reason x --record "vote:$police_vote" --field reason --value "No offences disclosed to date"
# A time keeps the form it was recorded in, as when the conference was made.
expect_exit "amend: a time that is not HH:MM is refused" 2 q amend "$conf" --reason x --record "conference:$conf" --field time --value "2pm"
expect_exit "amend: a time past 23:59 is refused" 2 q amend "$conf" --reason x --record "conference:$conf" --field time --value "24:30"
check "amend: the refused corrections wrote nothing" "$(db_hash)" "$before"
out=$(q --json amend "$conf" --reason "Still incomplete" --record "vote:$police_vote" --field reason --value "No offences disclosed to date; one caution in 2024")
show=$(q --json conference show "$conf")
check "amend: a second correction replaces the first one's words" \
  "$(jget "$show" '[d["amendments"][1]["old_value"], d["amendments"][1]["new_value"]]')" \
  '["No offences disclosed to date", "No offences disclosed to date; one caution in 2024"]'
# conference show gives each dissent its id: the record amend --record dissent:ID names.
dissent_id=$(jget "$show" '[x["id"] for dd in d["decisions"] for x in dd["dissent"]][0]')
check "show: a dissent has its id" "$(jget "$show" 'all(isinstance(x["id"], int) for dd in d["decisions"] for x in dd["dissent"])')" "true"
expect_exit "amend: a dissent's reason, by the id show gives" 0 q amend "$conf" --reason "Their own words" --record "dissent:$dissent_id" --field reason --value "Their reason, in their own words"
q export dissent "$conf" --format txt -o "$work/amended.txt" >/dev/null
check "export: amendments named in words, not by id" "$(grep -cE '(vote|dissent|attendee):[0-9]' "$work/amended.txt")" "0"
# In the appendix: its Change and its Record, both in words.
check "export: the dissent's corrected reason named in words" "$(grep -c 'Reason of the dissent of' "$work/amended.txt")" "2"
# Inline in the Dissent section, and the appendix's Change and Amended to.
check "export: the dissent's corrected reason shown inline too" "$(grep -c 'Their reason, in their own words' "$work/amended.txt")" "3"

out=$(q --json verify)
check "verify: intact" "$(jget "$out" 'd["ok"]')" "true"

# -- Buckinghamshire: the chair decides
bconf=$(bolton_conference 2026-11-23 buckinghamshire)
bshow=$(q --json conference show "$bconf")
cara=$(jget "$bshow" 'd["children"][0]["id"]')
expect_exit "chair-decides: no chair's decision without a recorded attempt that reached no consensus" 2 \
  q decide "$bconf" --child "$cara" --chair-view plan
q consensus "$bconf" --child "$cara" --agreed none --summary "No consensus" >/dev/null
q vote "$bconf" --child "$cara" --group Police --view no-plan --reason "Insufficient evidence" >/dev/null
expect_exit "chair-decides: the chair's view is required" 2 q decide "$bconf" --child "$cara"
# DOMAIN "Reaching a decision" 5: each group's view (agreement or reservation) before the chair decides.
expect_exit "chair-decides: each group's view is recorded before the chair decides" 2 \
  q decide "$bconf" --child "$cara" --chair-view plan --category physical
for g in "Children's Social Care" "Bolton NHS FT" Education Probation; do
  q vote "$bconf" --child "$cara" --group "$g" --view plan >/dev/null
done
out=$(q --json decide "$bconf" --child "$cara" --chair-view plan --category physical --reason "Injuries unexplained; four agencies see the risk")
check "chair-decides: outcome and basis" "$(jget "$out" '[d["outcome"], d["basis"], d["referral"]]')" '["plan", "chair", null]'
check "chair-decides: dissent minuted" "$(jget "$out" '[(x["group"], x["reason"]) for x in d["dissent"]]')" '[["Police", "Insufficient evidence"]]'

# -- quoracy: children's social care and two other agencies
qconf=$(jget "$(q --json conference new --child "Dan" --kind review --date 2026-12-01 --chair "R. Patel")" 'd["id"]')
dan=$(jget "$(q --json conference show "$qconf")" 'd["children"][0]["id"]')
q attendee add "$qconf" --name "A. Khan" --agency Police --line-management Police >/dev/null
q attendee add "$qconf" --name "S. Nurse" --agency "School nursing" --line-management Health >/dev/null
q consensus "$qconf" --child "$dan" --agreed none --summary "No consensus" >/dev/null
q vote "$qconf" --child "$dan" --group Police --view plan >/dev/null
q vote "$qconf" --child "$dan" --group Health --view plan >/dev/null
expect_exit "quoracy: inquorate conference cannot decide without a reason" 2 q decide "$qconf" --child "$dan"
q conference proceed "$qconf" --reason "Social worker taken ill; the child's safety cannot wait" >/dev/null
out=$(q --json decide "$qconf" --child "$dan")
check "quoracy: proceeds with the reason recorded" "$(jget "$out" '[d["outcome"], d["basis"]]')" '["plan", "majority"]'

# -- working days
check "workdays add: 5 after Fri 2026-11-20" "$(q workdays add 2026-11-20 5)" "2026-11-27"
check "workdays add: across Christmas in England and Wales" "$(q workdays add 2026-12-24 5)" "2027-01-05"
check "workdays add: Scotland keeps 2 January" "$(q workdays add 2026-12-31 1 --region scotland)" "2027-01-05"

# Rule: local closure days the user adds are not working days.
q workdays close 2026-11-26 --name "Council offices closed" >/dev/null
check "workdays close: a closure day is skipped" "$(q workdays add 2026-11-20 5)" "2026-11-30"
check "workdays close: only in its region" "$(q workdays add 2026-11-20 5 --region scotland)" "2026-11-27"
check "workdays closures: listed" "$(jget "$(q --json workdays closures)" 'd')" '[{"date": "2026-11-26", "name": "Council offices closed"}]'
expect_exit "workdays close: the same day twice refused" 2 q workdays close 2026-11-26 --name again
cconf=$(bolton_conference 2026-11-20)
cara=$(jget "$(q --json conference show "$cconf")" 'd["children"][0]["id"]')
q consensus "$cconf" --child "$cara" --agreed none --summary "No consensus" >/dev/null
for g in "Children's Social Care" Education; do q vote "$cconf" --child "$cara" --group "$g" --view plan >/dev/null; done
for g in Police "Bolton NHS FT"; do q vote "$cconf" --child "$cara" --group "$g" --view no-plan --reason r >/dev/null; done
q vote "$cconf" --child "$cara" --group Probation --view decline --reason "No contact" >/dev/null
check "closure day: the referral's due date moves" "$(jget "$(q --json decide "$cconf" --child "$cara")" 'd["referral"]["due"]')" "2026-11-30"
check "verify: intact after all of it" "$(jget "$(q --json verify)" 'd["ok"]')" "true"

# Who the record names: --as NAME, else $QUORUM_USER, else the login; the audit log keeps the
# login whatever the record says.
iconf=$(bolton_conference 2026-11-20)
ivy=$(jget "$(q --json conference show "$iconf")" 'd["children"][0]["id"]')
iben=$(jget "$(q --json conference show "$iconf")" 'd["children"][1]["id"]')
q consensus "$iconf" --child "$ivy" --agreed plan --category neglect --summary "All agree" >/dev/null
q consensus "$iconf" --child "$iben" --agreed no-plan --summary "All agree" >/dev/null
q --as "Jo Bloggs, IRO" decide "$iconf" --child "$ivy" >/dev/null
QUORUM_USER="Sam Chair" q decide "$iconf" --child "$iben" >/dev/null
QUORUM_USER="Sam Chair" q --as "Jo Bloggs, IRO" finalise "$iconf" >/dev/null
ishow=$(q --json conference show "$iconf")
# A shared database's server names its own user, whatever is given (schema 12: docs/notes/pgactor.md).
if is_pg; then as_name=$(db_login); env_name=$as_name; else as_name="Jo Bloggs, IRO"; env_name="Sam Chair"; fi
check "--as: decided by the name given" "$(jget "$ishow" '[x["decided_by"] for x in d["decisions"] if x["child"] == '"$ivy"'][0]')" "$as_name"
check "\$QUORUM_USER: decided by the name in the environment" "$(jget "$ishow" '[x["decided_by"] for x in d["decisions"] if x["child"] == '"$iben"'][0]')" "$env_name"
check "--as before \$QUORUM_USER: signed off by" "$(jget "$ishow" 'd["finalised_by"]')" "$as_name"
QUORUM_USER="Sam Chair" q export dissent "$iconf" --format json -o "$work/identity.json" >/dev/null
check "\$QUORUM_USER: exported by" "$(jget "$(cat "$work/identity.json")" 'd["exported_by"]')" "Sam Chair"
check "the audit log keeps the login" \
  "$(db_sql "$QUORUM_DB" "SELECT COUNT(*) FROM audit WHERE conference_id = $iconf AND \"user\" <> '$(db_login)'")" "0"

finish
