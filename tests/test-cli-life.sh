#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# test-cli-life.sh: issue 11 findings 6-9 and issue 10's Head of Service's dates, end to end
# through quorum-cli: plans and referrals over time, lateness shown, audited corrections,
# notices as records, differences as the policies say, and the calendar. Each check names the
# DOMAIN rule it holds ("Plans, referrals and notices over time"; "Escalation of a professional
# difference"; "Working days").
. "$(dirname "$0")/cli-lib.sh"

# These scenarios run in 2026-27: "today" is fixed after them (the dates are refused in the future).
export QUORUM_TODAY=2027-06-30

# split CONF_DATE CHILD [PROFILE]: a quorate conference whose vote for CHILD is split 2-2; prints
# "CONF REFERRAL PLAN".
split () {
  local date=$1 child=$2 profile=${3:-bolton} conf kid out
  conf=$(jget "$(q --json conference new --child "$child" --kind review --date "$date" \
                   --chair "J. Okafor" --profile "$profile")" 'd["id"]')
  q attendee add "$conf" --name "S. Social" --agency "Children's Social Care" --line-management "Children's Social Care" >/dev/null
  q attendee add "$conf" --name "A. Khan" --agency "Police" --line-management "Police" >/dev/null
  q attendee add "$conf" --name "H. Visitor" --agency "NHS Trust" --line-management "NHS Trust" >/dev/null
  q attendee add "$conf" --name "T. Teacher" --agency "School" --line-management "Education" >/dev/null
  kid=$(jget "$(q --json conference show "$conf")" 'd["children"][0]["id"]')
  q consensus "$conf" --child "$kid" --agreed none --summary "Views differ" >/dev/null
  q vote "$conf" --child "$kid" --group "Children's Social Care" --view plan --category neglect --reason "Neglect is evident" >/dev/null
  q vote "$conf" --child "$kid" --group Education --view plan --category emotional --reason "Attendance has fallen" >/dev/null
  q vote "$conf" --child "$kid" --group Police --view no-plan --reason "No concerns known to police" >/dev/null
  q vote "$conf" --child "$kid" --group "NHS Trust" --view no-plan --reason "Health needs are met" >/dev/null
  out=$(q --json decide "$conf" --child "$kid")
  echo "$conf $(jget "$out" 'd["referral"]["id"]') $(jget "$out" 'd["plan"]["id"]')"
}
ref_json () { jget "$(q --json referrals)" "[r for r in d if r['id'] == $1][0]"; }
plan_json () { jget "$(q --json conference show "$1")" 'd["plans"][0]'; }
pdf_text () { q export dissent "$1" --format pdf -o "$work/c$1.pdf" && pdftotext -layout "$work/c$1.pdf" - | tr -s ' '; }

# ---- finding 6 / issue 10: a referral's life ----
read -r conf ref plan <<<"$(split 2026-11-20 "Amy Late")"
check "referral due 5 working days after Fri 2026-11-20" "$(jget "$(ref_json "$ref")" 'd["due"]')" "2026-11-27"

before=$(db_hash)
expect_exit "issue 10: date sent in the future refused" 2 q referral notify "$ref" --date 2027-07-01
check "issue 10: nothing written" "$(db_hash)" "$before"
# Rule: lateness shown, never hidden: sent after its due date; who sent it is its notice.
out=$(q --json referral notify "$ref" --date 2026-11-30 --by "J. Okafor" --means email)
check "sent late: sent_late true, sent_by kept" "$(jget "$out" '[d["sent_late"], d["sent_by"], d["panel_due"]]')" \
  '[true, "J. Okafor", "2026-12-28"]'
# Rule: a due date on a day off is shown with the working day before it (28 Dec 2026 is Boxing
# Day's substitute: the working day before is Thu 24 Dec).
check "panel due on a bank holiday: the working day before" "$(jget "$out" 'd["panel_due_working"]')" "2026-12-24"
expect_exit "issue 10: heard before sent refused" 2 q referral panel "$ref" --date 2026-11-29 --outcome plan-confirmed
expect_exit "issue 10: heard in the future refused" 2 q referral panel "$ref" --date 2027-07-01 --outcome plan-confirmed
expect_exit "issue 10: the panel's outcome has no default" 1 q referral panel "$ref" --date 2027-01-05
out=$(q --json referral panel "$ref" --date 2027-01-05 --outcome plan-ended)
check "heard late: after the panel's due date" "$(jget "$out" '[d["heard_late"], d["outcome"]]')" '[true, "plan-ended"]'
# Rule: a panel's "plan ended" ends the plan record.
check "plan ended by the panel, on the day it was heard" \
  "$(jget "$(plan_json "$conf")" '[d["ended"], d["ended_by"]]')" '["2027-01-05", "panel"]'
# cliasof 4: and the plan's end_reason says so (it was empty).
check "cliasof: the plan's end_reason names the panel, the day and the referral" \
  "$(jget "$(plan_json "$conf")" 'd["end_reason"]')" "Ended by the Appeals and Split Decisions Panel on 2027-01-05 (referral $ref)"
text=$(q referrals)
check "text: SENT LATE and HEARD LATE shown" "$(printf '%s\n' "$text" | grep "^ *$ref " | grep -c 'SENT LATE.*HEARD LATE')" "1"

# Christmas Day and a Saturday: panel due dates shown with the working day before.
read -r conf2 ref2 plan2 <<<"$(split 2026-11-20 "Ben Christmas")"
out=$(q --json referral notify "$ref2" --date 2026-11-27)
check "panel due on Christmas Day: Thu 24 Dec shown" "$(jget "$out" '[d["panel_due"], d["panel_due_working"], d["sent_late"], d["sent_by"]]')" \
  '["2026-12-25", "2026-12-24", false, "J. Okafor"]'
read -r conf3 ref3 plan3 <<<"$(split 2027-01-04 "Cat Saturday")"
out=$(q --json referral notify "$ref3" --date 2027-01-08)
check "panel due on a Saturday: the Friday before" "$(jget "$out" '[d["panel_due"], d["panel_due_working"]]')" \
  '["2027-02-05", "2027-02-05"]'
out=$(q --json referral notify "$(split 2027-01-04 "Dan Saturday" | cut -d' ' -f2)" --date 2027-01-09)
check "sent on Sat 9 Jan: panel due Sat 6 Feb, shown Fri 5 Feb" "$(jget "$out" '[d["panel_due"], d["panel_due_working"]]')" \
  '["2027-02-06", "2027-02-05"]'

# cliasof 4: the panel's "plan ended" with its reasons: the plan's end says the panel ended it, with
# them; a corrected hearing date moves the end; a corrected outcome reopens it; the export carries it.
q referral panel "$ref2" --date 2026-12-21 --outcome plan-ended --reason "Risks now managed under a child in need plan" >/dev/null
check "cliasof: panel's plan ended: the end, by the panel, with the panel's reasons" \
  "$(jget "$(plan_json "$conf2")" '[d["ended"], d["ended_by"], d["end_reason"]]')" \
  "[\"2026-12-21\", \"panel\", \"Ended by the Appeals and Split Decisions Panel on 2026-12-21 (referral $ref2): Risks now managed under a child in need plan\"]"
q referral correct "$ref2" --field panel_date --value 2026-12-22 --reason "Heard the day after" >/dev/null
check "cliasof: the hearing date corrected: the plan's end follows" \
  "$(jget "$(plan_json "$conf2")" '[d["ended"], d["end_reason"]]')" \
  "[\"2026-12-22\", \"Ended by the Appeals and Split Decisions Panel on 2026-12-22 (referral $ref2): Risks now managed under a child in need plan\"]"
check "cliasof: the JSON export carries the plan's end_reason" \
  "$(jget "$(q export dissent "$conf2" --format json -o -)" 'd["plans"][0]["end_reason"]')" \
  "Ended by the Appeals and Split Decisions Panel on 2026-12-22 (referral $ref2): Risks now managed under a child in need plan"
q referral correct "$ref2" --field outcome --value other --panel-reason "Adjourned" --reason "Minuted wrongly" >/dev/null
check "cliasof: the outcome corrected to other: the plan stands, no end_reason" \
  "$(jget "$(plan_json "$conf2")" '[d["ended"], d["ended_by"], d["end_reason"]]')" "[null, null, null]"

# Issue 10: a wrong date or outcome is corrected by an audited correction that keeps the old value.
before=$(db_hash)
expect_exit "correct: the same value refused" 2 q referral correct "$ref" --field outcome --value plan-ended --reason "Same"
expect_exit "correct: an unknown field refused" 2 q referral correct "$ref" --field due --value 2026-11-30 --reason "No"
expect_exit "correct: a reason is required" 1 q referral correct "$ref" --field outcome --value plan-confirmed
expect_exit "correct: a sent date in the future refused" 2 q referral correct "$ref" --field notified --value 2027-07-02 --reason "Typo"
expect_exit "correct: a sent date after the hearing refused" 2 q referral correct "$ref" --field notified --value 2027-01-06 --reason "Typo"
check "refused corrections wrote nothing" "$(db_hash)" "$before"
out=$(q --json referral correct "$ref" --field outcome --value plan-confirmed --reason "Minuted wrongly: the panel confirmed the plan")
check "outcome corrected, old value kept" "$(jget "$out" '[d["old_value"], d["new_value"], d["outcome"]]')" \
  '["plan-ended", "plan-confirmed", "plan-confirmed"]'
check "the plan stands again once the outcome is corrected" "$(jget "$(plan_json "$conf")" 'd["ended"]')" "null"
check "cliasof: and has no end_reason" "$(jget "$(plan_json "$conf")" '[d["ended_by"], d["end_reason"]]')" "[null, null]"
out=$(q --json referral correct "$ref" --field notified --value 2026-11-26 --reason "Sent the day before, by email")
check "sent date corrected: no longer late; panel due moves with it" \
  "$(jget "$out" '[d["old_value"], d["notified"], d["panel_due"], d["sent_late"]]')" '["2026-11-30", "2026-11-26", "2026-12-24", false]'
show=$(q --json conference show "$conf")
check "conference show keeps every correction" "$(jget "$show" '[c["field"] + ":" + c["old_value"] + ">" + c["new_value"] for c in d["referrals"][0]["corrections"]]')" \
  '["outcome:plan-ended>plan-confirmed", "notified:2026-11-30>2026-11-26"]'
check "the audit log has the corrections (and the two of $ref2 above)" "$(db_sql "$QUORUM_DB" "SELECT count(*) FROM audit WHERE entity = 'referral_correction'")" "4"
q verify >/dev/null && ok "verify: the chain holds after the corrections" || not_ok "verify after corrections"

# A later conference ends a plan; reviews are dated.
later=$(jget "$(q --json conference new --child "Amy Late" --kind review --date 2027-03-01 --chair "J. Okafor")" 'd["id"]')
expect_exit "plan review before its start refused" 2 q plan review "$plan" --date 2026-11-01
q plan review "$plan" --date 2027-02-19 >/dev/null
expect_exit "plan end by the conference that made it refused" 2 q plan end "$plan" --date 2027-03-01 --conference "$conf" --reason "No"
q plan end "$plan" --date 2027-03-01 --conference "$later" --reason "Risks reduced: the review conference ended the plan" >/dev/null
check "plan: reviewed, then ended by a later conference" \
  "$(jget "$(plan_json "$conf")" '[d["reviews"], d["ended"], d["ended_by"], d["ended_by_conference"] == '"$later"']')" \
  '[["2027-02-19"], "2027-03-01", "conference", true]'
expect_exit "plan end twice refused" 2 q plan end "$plan" --date 2027-03-02 --reason "Again"

# The export reads true (pdftotext and JSON).
pdf=$(pdf_text "$conf")
printf '%s\n' "$pdf" | grep -q "Sent by J. Okafor" && ok "pdf: who sent the referral" || not_ok "pdf: who sent the referral"
printf '%s\n' "$pdf" | grep -q "Corrected Panel outcome, was Plan ended, now Plan confirmed" && ok "pdf: the correction with the old value" || not_ok "pdf: the correction"
printf '%s\n' "$pdf" | grep -q "Ended 1 March 2027, by conference $later" && ok "pdf: the plan's end" || { not_ok "pdf: the plan's end"; printf '%s\n' "$pdf" | grep -i "ended\|review" | head -5; }
printf '%s\n' "$pdf" | grep -q "Review 19 February 2027" && ok "pdf: the plan's review" || not_ok "pdf: the plan's review"
pdf2=$(pdf_text "$conf2")
printf '%s\n' "$pdf2" | grep -q "24 December 2026 (the due date is not a working day)" && ok "pdf: a panel due on Christmas Day shows Thu 24 Dec" || { not_ok "pdf: Christmas"; printf '%s\n' "$pdf2" | grep -i "panel" | head; }
q export dissent "$conf2" --format json -o "$work/c2.json" >/dev/null
check "json export: lateness keys" "$(jget "$(cat "$work/c2.json")" '[d["referrals"][0]["panel_due_working"], d["referrals"][0]["sent_late"], d["referrals"][0]["heard_late"]]')" \
  '["2026-12-24", false, false]'
read -r conf4 ref4 plan4 <<<"$(split 2026-11-20 "Eve Heard")"
q referral notify "$ref4" --date 2026-11-30 >/dev/null
q referral panel "$ref4" --date 2027-01-05 --outcome plan-ended >/dev/null
pdf4=$(pdf_text "$conf4")
printf '%s\n' "$pdf4" | grep -q "SENT LATE" && printf '%s\n' "$pdf4" | grep -q "HEARD LATE" &&
  printf '%s\n' "$pdf4" | grep -q "Appeals and Split Decisions Panel (plan ended)" && ok "pdf: sent late, heard late, plan ended by the panel" ||
  { not_ok "pdf: lateness and the panel's end"; printf '%s\n' "$pdf4" | grep -i "late\|ended" | head; }

# ---- finding 7: notices are records ----
read -r conf5 ref5 plan5 <<<"$(split 2026-11-20 "Fay Pending")"
pend=$(q --json notices --pending)
check "the referral not yet sent is a pending notice, owned by the chair, due with the referral" \
  "$(jget "$pend" "[[n['kind'], n['due'], 'J. Okafor' in n['owner']] for n in d if n['referral'] == $ref5]")" '[["referral-sent", "2026-11-27", true]]'
q referral notify "$ref5" --date 2026-11-26 --by "J. Okafor" --means "secure email" >/dev/null
check "sent: no longer pending" "$(jget "$(q --json notices --pending)" "len([n for n in d if n['referral'] == $ref5])")" "0"
check "given: who, whom, when, how" "$(jget "$(q --json notices)" "[[n['by'], n['to'], n['date'], n['means']] for n in d if n['referral'] == $ref5]")" \
  '[["J. Okafor", "The Head of Service Child Protection", "2026-11-26", "secure email"]]'

raise () {
  local profile=$1 date=$2
  shift 2
  q difference raise --json --profile "$profile" --date "$date" --raised-by "H. Visitor" --agency "NHS Trust" \
    --against "Children's Social Care" --area thresholds --outcome-sought "A strategy meeting" --child "Amy Jones" "$@"
}
sew=$(jget "$(raise south-east-wales 2026-11-02)" 'd["id"]')
kinds () { jget "$(q --json notices --pending)" "sorted(n['kind'] + ':' + str(n['stage']) for n in d if n['difference'] == $1)"; }
check "SEW: that the guidance is invoked is pending from the start" "$(kinds "$sew")" '["guidance-invoked:None"]'
for day in 2026-11-03 2026-11-04 2026-11-05 2026-11-06; do q difference escalate "$sew" --date "$day" --reason "No agreement" >/dev/null; done
check "SEW step 5: the Business Unit's notice pending" "$(kinds "$sew")" '["business-unit:5", "guidance-invoked:None"]'
before=$(db_hash)
expect_exit "notice give: a kind the profile does not name refused" 2 q notice give --difference "$sew" --kind decisions-shared --date 2026-11-06 --by X --means email
expect_exit "notice give: before what it tells of refused" 2 q notice give --difference "$sew" --kind business-unit --date 2026-11-05 --by X --means email
expect_exit "notice give: a stage not reached refused" 2 q notice give --difference "$sew" --kind agencies-decisions --date 2026-11-06 --by X --means email
expect_exit "notice give: how it was given is required" 1 q notice give --difference "$sew" --kind business-unit --date 2026-11-06 --by X
check "refused notices wrote nothing" "$(db_hash)" "$before"
q notice give --difference "$sew" --kind business-unit --date 2026-11-06 --by "Chair, RPD meeting" --means email >/dev/null
q notice give --difference "$sew" --kind guidance-invoked --date 2026-11-02 --by "NHS Trust" --to "Children's Social Care; Police" --means letter >/dev/null
q difference escalate "$sew" --date 2026-11-09 --reason "Review requested" >/dev/null
check "SEW step 6: the agencies' notice of the Chair's decisions, due in 5 working days" \
  "$(jget "$(q --json notices --pending)" "[[n['kind'], n['due']] for n in d if n['difference'] == $sew]")" '[["agencies-decisions", "2026-11-16"]]'
expect_exit "notice give: twice refused" 2 q notice give --difference "$sew" --kind business-unit --date 2026-11-07 --by X --means email

brad=$(jget "$(raise bradford 2026-11-02)" 'd["id"]')
q difference escalate "$brad" --date 2026-11-03 --reason "Unresolved" >/dev/null
check "Bradford: decisions shared with relevant personnel, at every step" "$(kinds "$brad")" '["decisions-shared:1", "decisions-shared:2"]'
q notice give --difference "$brad" --kind decisions-shared --stage 1 --date 2026-11-02 --by "H. Visitor" --means email >/dev/null
check "Bradford: step 1's given, step 2's pending" "$(kinds "$brad")" '["decisions-shared:2"]'

bolt=$(jget "$(raise bolton 2026-11-02)" 'd["id"]')
check "Bolton: nothing pending while open" "$(kinds "$bolt")" '[]'
q difference resolve "$bolt" --date 2026-11-04 --outcome "Strategy meeting held" >/dev/null
check "Bolton (000): feedback to the practitioner pending until given" "$(kinds "$bolt")" '["feedback:None"]'
text=$(q notices --pending)
printf '%s\n' "$text" | grep -q "PENDING  feedback .*difference $bolt: .*The practitioner who initially raised the concerns" &&
  ok "text: the feedback listed as pending with its owner and whom" || { not_ok "text: pending feedback"; printf '%s\n' "$text" | head -5; }
q notice give --difference "$bolt" --kind feedback --date 2026-11-05 --by "Team leader" --to "H. Visitor" --means phone >/dev/null
check "Bolton: feedback given" "$(kinds "$bolt")" '[]'
bolt2=$(jget "$(raise bolton 2026-11-02)" 'd["id"]')
q difference resolve "$bolt2" --date 2026-11-04 --outcome "Agreed" --feedback-to "H. Visitor" --feedback-date 2026-11-04 >/dev/null
check "Bolton: feedback recorded with the resolution counts as given" "$(kinds "$bolt2")" '[]'

# ---- finding 8: differences as the policies say ----
sew2=$(jget "$(raise south-east-wales 2026-08-24)" 'd["id"]')
q difference escalate "$sew2" --date 2026-08-25 --reason "Line managers told" >/dev/null
out=$(q --json difference escalate "$sew2" --date 2026-08-28 --reason "Counterparts")
check "SEW step 3: 2 working days from when the line managers were told (step 2)" "$(jget "$out" 'd["due"]')" "2026-08-27"

expect_exit "formal challenge refused under a profile without one" 2 q difference flag "$bolt" --formal-challenge --date 2026-11-03
out=$(q --json difference flag "$brad" --formal-challenge --date 2026-11-03 --detail "Reasons put in writing")
check "Bradford: formal challenge recorded" "$(jget "$(q --json difference show "$brad")" '[d["formal_challenge"]["date"], d["formal_challenge"]["detail"]]')" \
  '["2026-11-03", "Reasons put in writing"]'
expect_exit "a second formal challenge refused" 2 q difference flag "$brad" --formal-challenge --date 2026-11-04

out=$(q --json difference flag "$brad" --immediate-risk --date 2026-11-04 --detail "Disclosure at school")
check "Bradford: immediate risk at step 2, due that same working day" "$(jget "$out" '[d["stage"], d["due"], d["immediate_risk_same_day"]]')" '[2, "2026-11-04", true]'
check "flag prints the event's own id" "$(jget "$(q --json difference show "$brad")" "[e['kind'] for e in d['events'] if e['id'] == $(jget "$out" 'd["id"]')]")" '["immediate-risk"]'
check "difference show: immediate risk at any stage" "$(jget "$(q --json difference show "$brad")" '[d["immediate_risk"], d["due"]]')" '[true, "2026-11-04"]'
sew3=$(jget "$(raise south-east-wales 2026-11-02)" 'd["id"]')
out=$(q --json difference flag "$sew3" --immediate-risk --date 2026-11-03)
check "SEW: immediate risk shows the policy's words, 'without delay', no invented same-day due" \
  "$(jget "$out" '[d["due"], d["immediate_risk_same_day"], "without delay" in d["immediate_risk_advice"]]')" '[null, false, true]'

q difference resolve "$brad" --date 2026-11-05 --outcome "Decision unchanged" --disagreement-remains >/dev/null
check "closed, disagreement remains (004)" "$(jget "$(q --json difference show "$brad")" '[d["status"], d["closure"], d["disagreement_remains"]]')" \
  '["resolved", "disagreement-remains", true]'

expect_exit "area other needs its words" 2 q difference raise --profile bradford --date 2026-11-02 --raised-by X \
  --agency School --against "Children's Social Care" --area other --outcome-sought "Transport"
out=$(q --json difference show "$(jget "$(q difference raise --json --profile bradford --date 2026-11-02 --raised-by X --agency School \
  --against "Children's Social Care" --area other --area-other "Transport to contact" --outcome-sought "Transport")" 'd["id"]')")
check "area other, in the raiser's words" "$(jget "$out" '[d["area"], d["area_other"]]')" '["other", "Transport to contact"]'
out=$(q difference raise --json --profile bradford --date 2026-11-02 --raised-by X --agency School \
  --against "Children's Social Care" --area service-provision --outcome-sought "A service")
check "Bradford's own area: service provision" "$(jget "$(q --json difference show "$(jget "$out" 'd["id"]')")" 'd["area"]')" "service-provision"
q difference raise --json --profile six-stage --date 2026-11-02 --raised-by X --agency School \
  --against "Children's Social Care" --area resources --outcome-sought "A place" >/dev/null && ok "six-stage's own area: resources" || not_ok "resources"

six=$(jget "$(raise six-stage 2026-11-02)" 'd["id"]')
q difference escalate "$six" --date 2026-11-03 --reason "Advice" >/dev/null
expect_exit "six-stage: from 2, stage 5 is not next" 2 q difference escalate "$six" --date 2026-11-04 --reason "Resources" --to 5
q difference escalate "$six" --date 2026-11-04 --reason "Liaise" >/dev/null
out=$(q --json difference escalate "$six" --date 2026-11-05 --reason "Resources are the issue" --to 5)
check "six-stage: stage 5 for resources, chosen over 4" "$(jget "$out" 'd["stage"]')" "5"
out=$(q --json difference escalate "$six" --date 2026-11-06 --reason "Unresolved")
check "six-stage: from 5 the next is 6, not 4 again" "$(jget "$out" 'd["stage"]')" "6"

q difference record "$sew" --date 2026-11-10 --with "Chair of the Learning and Reviewing group" --summary "Request considered" \
  --checklist "met|met|no|yes|an individual agency" >/dev/null && ok "SEW step 6: criteria and decisions as structured answers" || not_ok "SEW step 6 structured"
expect_exit "SEW step 6: free text refused for a structured decision" 2 q difference record "$sew" --date 2026-11-10 \
  --with "Chair" --summary "Considered" --checklist "met|met|perhaps|yes|an individual agency"

# ---- finding 9: the calendar ----
check "Scotland: Mon 15 Jun 2026 (proclaimed) is not a working day" "$(q workdays add 2026-06-12 1 --region scotland)" "2026-06-16"
check "England and Wales: it is" "$(q workdays add 2026-06-12 1 --region england-wales)" "2026-06-15"
hol="$work/holidays"
mkdir -p "$hol"
printf '[2027-06-14]\nname=A proclaimed one-off\nregions=northern-ireland\n' >"$hol/proclaimed.ini"
check "an authority's own proclaimed day, as data (QUORUM_HOLIDAYS_DIR)" \
  "$(QUORUM_HOLIDAYS_DIR="$hol" q workdays add 2027-06-11 1 --region northern-ireland)" "2027-06-15"
mkdir -p "$work/xdg/quorum/holidays"
cp "$hol/proclaimed.ini" "$work/xdg/quorum/holidays/"
check "… or in the user's data dir, as a profile is added" \
  "$(XDG_DATA_HOME="$work/xdg" q workdays add 2027-06-11 1 --region northern-ireland)" "2027-06-15"

# ---- referralrules 1: DOMAIN 4 "the panel's outcome (plan confirmed, plan ended, other with
# reasons)": the reasons belong to the outcome they were given with. ----
read -r confr refr planr <<<"$(split 2026-11-20 "Gil Reasons")"
q referral notify "$refr" --date 2026-11-24 >/dev/null
q referral panel "$refr" --date 2026-12-10 --outcome other --reason "Panel asked for a further assessment" >/dev/null
out=$(q --json referral correct "$refr" --field outcome --value plan-ended --reason "Minuted wrongly: the panel ended the plan")
check "DOMAIN 4: corrected away from other, the old reasons are not the new outcome's" \
  "$(jget "$(ref_json "$refr")" '[d["outcome"], d["outcome_reason"]]')" '["plan-ended", null]'
check "DOMAIN 4: the old reasons kept in the correction's audit entry" \
  "$(db_sql "$QUORUM_DB" "SELECT count(*) FROM audit WHERE entity = 'referral_correction' AND summary LIKE '%Panel asked for a further assessment%'")" "1"
check "DOMAIN 4: the export does not give plan-ended the old reasons" \
  "$(pdf_text "$confr" | grep -c "Panel asked for a further assessment")" "0"
before=$(db_hash)
expect_exit "DOMAIN 4: corrected to other without the panel's reasons refused" 2 \
  q referral correct "$refr" --field outcome --value other --reason "It was other"
check "DOMAIN 4: the refusal wrote nothing" "$(db_hash)" "$before"
expect_exit "DOMAIN 4: the panel's reasons go with an outcome, not a date" 2 \
  q referral correct "$refr" --field panel_date --value 2026-12-09 --panel-reason "No" --reason "Typo"
out=$(q --json referral correct "$refr" --field outcome --value other --panel-reason "Panel asked for a further assessment first" \
        --reason "Minuted wrongly again")
check "DOMAIN 4: corrected to other with its own reasons" "$(jget "$out" '[d["outcome"], d["outcome_reason"]]')" \
  '["other", "Panel asked for a further assessment first"]'
q referral correct "$refr" --field outcome --value plan-confirmed --panel-reason "Threshold met" --reason "Third time" >/dev/null
check "DOMAIN 4: corrected to plan-confirmed with new reasons: those, not the old" \
  "$(jget "$(ref_json "$refr")" '[d["outcome"], d["outcome_reason"]]')" '["plan-confirmed", "Threshold met"]'

# ---- referralrules 3: "every notice a policy names is a record (the referral sent to the Head
# of Service)": a corrected sent date is the notice's date too; the two records agree. ----
read -r confn refn plann <<<"$(split 2026-11-13 "Hal Notice")"
q referral notify "$refn" --date 2026-11-24 --by "J. Okafor" --means email >/dev/null
q referral correct "$refn" --field notified --value 2026-11-19 --reason "Sent earlier, by email" >/dev/null
check "the referral-sent notice follows the corrected sent date" \
  "$(jget "$(q --json notices)" "[n['date'] for n in d if n['referral'] == $refn and n['kind'] == 'referral-sent']")" \
  '["2026-11-19"]'
check "… as the referral says" "$(jget "$(ref_json "$refn")" 'd["notified"]')" "2026-11-19"

# ---- actor: every record names the person (--as, else $QUORUM_USER), as decide and finalise do,
# on a database of this computer's; on a shared one, the database user (the server's session_user,
# whom its policies know). The audit log keeps the login on both. ----
named () { if is_pg; then db_login; else printf '%s\n' "$1"; fi; }
col () { db_sql "$QUORUM_DB" "SELECT $1 FROM $2 WHERE id = $3"; }
ruth=$(named "Ruth Okafor"); hannah=$(named "Hannah Moss"); sam=$(named "Sam Minutes")
aconf=$(jget "$(q --as "Ruth Okafor" --json conference new --child "Ann Actor" --kind initial --date 2026-11-20 \
                  --chair "Ruth Okafor" --profile buckinghamshire)" 'd["id"]')
check "actor: the conference's created_by is --as" "$(col created_by conference "$aconf")" "$ruth"
export QUORUM_USER="Sam Minutes"
att=$(jget "$(q --json attendee add "$aconf" --name "S. Social" --agency "Children's Social Care" --line-management CSC)" 'd["id"]')
q attendee add "$aconf" --name "A. Khan" --agency "Police" --line-management Police >/dev/null
q attendee add "$aconf" --name "H. Visitor" --agency "NHS" --line-management NHS >/dev/null
q attendee add "$aconf" --name "T. Teacher" --agency "School" --line-management School >/dev/null
akid=$(jget "$(q --json conference show "$aconf")" 'd["children"][0]["id"]')
attempt=$(jget "$(q --json consensus "$aconf" --child "$akid" --agreed none --summary "No consensus")" 'd["id"]')
check "actor: a consensus attempt is recorded by \$QUORUM_USER" "$(col recorded_by attempt "$attempt")" "$sam"
q vote "$aconf" --child "$akid" --group CSC --view plan --reason "Left alone at night" >/dev/null
for g in Police NHS School; do q vote "$aconf" --child "$akid" --group "$g" --view no-plan >/dev/null; done
check "actor: votes are recorded by \$QUORUM_USER" \
  "$(db_sql "$QUORUM_DB" "SELECT DISTINCT recorded_by FROM vote WHERE conference_id = $aconf")" "$sam"
unset QUORUM_USER
q --as "Ruth Okafor" decide "$aconf" --child "$akid" --chair-view no-plan --reason "Support through early help is enough" >/dev/null
q --as "Ruth Okafor" finalise "$aconf" >/dev/null
ach=$(jget "$(q --as "Hannah Moss" --json challenge raise "$aconf" --child "$akid" --agency "Children's Social Care" \
                --designated-person "J. Ops Manager" --raised-by "S. Social" --concern "Left alone at night" \
                --date 2026-11-21)" 'd["id"]')
check "actor: a challenge's recorded_by is --as" "$(col recorded_by challenge "$ach")" "$hannah"

read -r xconf xref xplan <<<"$(split 2026-11-13 "Ivy Actor")"
q --as "Hannah Moss" referral notify "$xref" --date 2026-11-24 --by "J. Okafor" --means email >/dev/null
q --as "Hannah Moss" plan review "$xplan" --date 2026-11-23 >/dev/null
check "actor: a plan's review names --as" \
  "$(db_sql "$QUORUM_DB" "SELECT recorded_by FROM plan_event WHERE plan_id = $xplan")" "$hannah"
check "actor: the referral's notice is recorded by --as; given by --by" \
  "$(db_sql "$QUORUM_DB" "SELECT recorded_by || '|' || given_by FROM notice WHERE referral_id = $xref")" "$hannah|J. Okafor"
q --as "Hannah Moss" referral panel "$xref" --date 2026-12-01 --outcome plan-confirmed >/dev/null
q --as "Hannah Moss" referral correct "$xref" --field outcome --value other --panel-reason "Further assessment first" \
  --reason "Minuted wrongly" >/dev/null
check "actor: JSON export: the correction's recorded_by is --as" \
  "$(q export dissent "$xconf" --format json -o - | python3 -c 'import json,sys; d=json.load(sys.stdin); print([c["recorded_by"] for r in d["referrals"] for c in r["corrections"]])')" \
  "['$hannah']"
check "actor: text record: the correction says who corrected it" \
  "$(q export dissent "$xconf" --format txt -o - | grep -c "was Plan confirmed, now Other (Minuted wrongly); corrected by $hannah, ")" "1"
check "actor: PDF record: the correction says who corrected it" \
  "$(pdf_text "$xconf" | tr -d '\n' | grep -c "corrected by $hannah")" "1"
check "actor: the audit log keeps the login" \
  "$(db_sql "$QUORUM_DB" "SELECT \"user\" FROM audit WHERE entity = 'referral_correction' ORDER BY id DESC LIMIT 1")" "$(db_login)"

adiff=$(jget "$(QUORUM_USER="Sam Minutes" raise bradford 2026-11-02)" 'd["id"]')
check "actor: a difference's created_by is \$QUORUM_USER" "$(col created_by difference "$adiff")" "$sam"
q --as "Hannah Moss" difference record "$adiff" --date 2026-11-03 --with "H. Visitor; S. Social" --summary "Discussed" >/dev/null
q --as "Hannah Moss" difference flag "$adiff" --formal-challenge --date 2026-11-03 --detail "In writing" >/dev/null
q --as "Hannah Moss" difference escalate "$adiff" --date 2026-11-04 --reason "No agreement" >/dev/null
q --as "Hannah Moss" notice give --difference "$adiff" --kind decisions-shared --stage 1 --date 2026-11-04 --by "H. Visitor" --means email >/dev/null
q --as "Hannah Moss" difference resolve "$adiff" --date 2026-11-05 --outcome "Agreed" >/dev/null
for t in difference_note difference_event; do
  check "actor: $t names --as" "$(db_sql "$QUORUM_DB" "SELECT DISTINCT recorded_by FROM $t WHERE difference_id = $adiff")" "$hannah"
done
check "actor: the stage escalated to names --as" \
  "$(db_sql "$QUORUM_DB" "SELECT recorded_by FROM difference_stage WHERE difference_id = $adiff AND number = 2")" "$hannah"
check "actor: a notice given names --as" \
  "$(db_sql "$QUORUM_DB" "SELECT recorded_by FROM notice WHERE difference_id = $adiff AND kind = 'decisions-shared'")" "$hannah"
check "actor: the resolution names --as" "$(col resolved_by difference "$adiff")" "$hannah"
check "actor: the difference's JSON names them" \
  "$(jget "$(q --json difference show "$adiff")" '[d["created_by"]] + [n["recorded_by"] for n in d["notes"]]')" "[\"$sam\", \"$hannah\"]"

q verify >/dev/null && ok "verify: the whole record's chain holds" || not_ok "verify at the end"
finish
