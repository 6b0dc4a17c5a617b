#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# test-cli-referrals.sh: the Head of Service's referrals through quorum-cli: due dates around bank
# holidays by the profile's region, overdue as of a date, notification, the panel's outcome, and
# every refusal (exit 2, nothing written).
. "$(dirname "$0")/cli-lib.sh"
# The Head of Service's dates are refused in the future: these scenarios run in 2026-27, so "today" is after them.
export QUORUM_TODAY=2027-12-31

# A Scottish authority's local profile: Bolton's rules with Scotland's bank holidays.
profiles="$work/profiles"
mkdir -p "$profiles"
sed -e 's/^Region=.*/Region=scotland/' -e 's/^Default=true/Default=false/' \
    -e 's/^Name=.*/Name=Test: Scottish split decisions/' \
    "$QUORUM_SRCDIR/data/profiles/bolton.ini" >"$profiles/test-scotland.ini"
export QUORUM_PROFILES_DIR="$profiles"

# split_referral DATE CHILD [PROFILE]: a quorate conference on DATE whose vote for CHILD is split 2-2;
# prints the referral's id.
split_referral () {
  local date=$1 child=$2 profile=${3:-bolton} conf show kid out
  conf=$(jget "$(q --json conference new --child "$child" --kind review --date "$date" \
                   --chair "J. Okafor" --profile "$profile")" 'd["id"]')
  q attendee add "$conf" --name "S. Social" --agency "Children's Social Care" --line-management "Children's Social Care" >/dev/null
  q attendee add "$conf" --name "A. Khan" --agency "Police" --line-management "Police" >/dev/null
  q attendee add "$conf" --name "H. Visitor" --agency "NHS Trust" --line-management "NHS Trust" >/dev/null
  q attendee add "$conf" --name "T. Teacher" --agency "School" --line-management "Education" >/dev/null
  show=$(q --json conference show "$conf")
  kid=$(jget "$show" 'd["children"][0]["id"]')
  q consensus "$conf" --child "$kid" --agreed none --summary "Views differ" >/dev/null
  q vote "$conf" --child "$kid" --group "Children's Social Care" --view plan --category neglect >/dev/null
  q vote "$conf" --child "$kid" --group Education --view plan --category emotional >/dev/null
  q vote "$conf" --child "$kid" --group Police --view no-plan --reason "No concerns known to police" >/dev/null
  q vote "$conf" --child "$kid" --group "NHS Trust" --view no-plan --reason "Health needs are met" >/dev/null
  out=$(q --json decide "$conf" --child "$kid")
  jget "$out" 'd["referral"]["id"]'
}

# due ID: the referral's due date as `referrals` lists it.
due () { jget "$(q --json referrals)" "[r['due'] for r in d if r['id'] == $1][0]"; }
# overdue_ids AS_OF: the ids `referrals --as-of AS_OF --overdue` lists.
overdue_ids () { jget "$(q --json referrals --as-of "$1" --overdue)" '[r["id"] for r in d]'; }

# -- due dates: the 5th working day after the conference, its own day not counting
xmas=$(split_referral 2026-12-24 "Ada Christmas")
check "Thu 2026-12-24 (England and Wales): due Tue 2027-01-05 past Christmas, Boxing Day (Mon 28) and New Year" \
  "$(due "$xmas")" "2027-01-05"
scot=$(split_referral 2026-12-24 "Bea Hogmanay" test-scotland)
check "Thu 2026-12-24 (Scotland): due Wed 2027-01-06, 2 January moved to Mon 4" "$(due "$scot")" "2027-01-06"
easter=$(split_referral 2027-03-25 "Cal Easter")
check "Thu 2027-03-25: due Mon 2027-04-05 past Good Friday and Easter Monday" "$(due "$easter")" "2027-04-05"
may=$(split_referral 2027-04-28 "Dee May")
check "Wed 2027-04-28: due Thu 2027-05-06 past the Early May bank holiday" "$(due "$may")" "2027-05-06"
plain=$(split_referral 2026-11-16 "Eli Plain")
check "Mon 2026-11-16, no holiday: due Mon 2026-11-23" "$(due "$plain")" "2026-11-23"

out=$(q --json referrals)
check "referrals: every referral listed, oldest due first" "$(jget "$out" '[r["id"] for r in d]')" \
  "[$plain, $xmas, $scot, $easter, $may]"
check "referrals: child, chair and conference date" \
  "$(jget "$out" "[[r['child_name'], r['chair'], r['conference_date']] for r in d if r['id'] == $xmas][0]")" \
  '["Ada Christmas", "J. Okafor", "2026-12-24"]'
check "referrals: not yet sent, no panel" \
  "$(jget "$out" "[[r['notified'], r['panel_due'], r['panel_date'], r['outcome']] for r in d if r['id'] == $xmas][0]")" \
  '[null, null, null, null]'

# -- overdue as of a date: due on the day is not overdue, the day after is
check "overdue as of 2027-01-05 (the due day): only the November one" "$(overdue_ids 2027-01-05)" "[$plain]"
check "overdue as of 2027-01-06: England and Wales late, Scotland due that day" "$(overdue_ids 2027-01-06)" "[$plain, $xmas]"
check "overdue as of 2027-01-07: Scotland late too" "$(overdue_ids 2027-01-07)" "[$plain, $xmas, $scot]"
check "overdue as of 2026-11-23: nothing yet" "$(overdue_ids 2026-11-23)" "[]"
check "overdue as of 2027-05-07: all five" "$(overdue_ids 2027-05-07)" "[$plain, $xmas, $scot, $easter, $may]"
out=$(q --json referrals --as-of 2027-01-06)
# (refasof 3: the Easter and May conferences had not sat: their referrals did not exist yet.)
check "--as-of without --overdue lists all made by then, each marked" \
  "$(jget "$out" '[[r["id"], r["overdue"]] for r in d]')" "[[$plain, true], [$xmas, true], [$scot, false]]"
text=$(q referrals --as-of 2027-01-06)
check "text: the overdue ones say OVERDUE" "$(printf '%s\n' "$text" | grep -c OVERDUE)" "2"

# -- notification: the panel is due 28 calendar days after it, holidays or not
out=$(QUORUM_TODAY=2027-01-04 q --json referral notify "$xmas" --date 2027-01-04)
check "notify: sent, panel due 28 days later" "$(jget "$out" '[d["notified"], d["panel_due"], d["overdue"]]')" \
  '["2027-01-04", "2027-02-01", false]'
check "notified: no longer overdue as of 2027-01-06" "$(overdue_ids 2027-01-06)" "[$plain]"
# trial 8, A5: as it stood the day before it was sent, nobody had sent it: no sender, no means,
# as "notified" is null; from the day it was sent, the chair (the default sender) and the means.
QUORUM_TODAY=2027-01-05 q referral notify "$scot" --date 2027-01-05 --by "J. Okafor" --means "secure email" >/dev/null
check "as of the day before it was sent: no sender, no means" \
  "$(jget "$(q --json referrals --as-of 2027-01-04)" "[[r['notified'], r['sent_by'], r['sent_means']] for r in d if r['id'] == $scot][0]")" \
  '[null, null, null]'
check "as of the day it was sent: the sender and the means" \
  "$(jget "$(q --json referrals --as-of 2027-01-05)" "[[r['notified'], r['sent_by'], r['sent_means']] for r in d if r['id'] == $scot][0]")" \
  '["2027-01-05", "J. Okafor", "secure email"]'
check "awaiting the panel: overdue the day after its panel is due" "$(overdue_ids 2027-02-02 | jget "$(cat)" "$xmas in d")" "true"
check "awaiting the panel: not overdue on the day it is due" "$(overdue_ids 2027-02-01 | jget "$(cat)" "$xmas in d")" "false"
text=$(q referral notify "$plain" --date 2026-11-20)
check "notify (text): says when the panel must hear it" "$text" \
  "Referral $plain sent on 2026-11-20; the panel must hear it by 2026-12-18"

# -- the panel's outcome
out=$(q --json referral panel "$xmas" --date 2027-01-28 --outcome plan-ended)
check "panel: plan ended" "$(jget "$out" '[d["panel_date"], d["outcome"], d["overdue"]]')" \
  '["2027-01-28", "plan-ended", false]'
out=$(q --json referral panel "$plain" --date 2026-12-21 --outcome other --reason "Adjourned for a parenting assessment")
check "panel: other, with its reasons" "$(jget "$out" '[d["outcome"], d["outcome_reason"], d["overdue"]]')" \
  '["other", "Adjourned for a parenting assessment", false]'
check "decided referrals are never overdue" "$(overdue_ids 2030-01-01 | jget "$(cat)" "[$xmas in d, $plain in d]")" \
  "[false, false]"

# -- refusals: exit 2 with the reason, and the database byte for byte as it was
refused () {
  local name=$1 status=$2
  shift 2
  local before after
  before=$(db_hash)
  expect_exit "$name" "$status" q "$@"
  after=$(db_hash)
  check "$name: nothing written" "$after" "$before"
}

refused "notify: sent twice" 2 referral notify "$xmas" --date 2027-01-05
refused "notify: before the conference" 2 referral notify "$easter" --date 2027-03-24
refused "notify: impossible date" 2 referral notify "$easter" --date 2027-02-30
refused "notify: unknown referral" 2 referral notify 9999 --date 2027-03-26
refused "notify: id not a number" 2 referral notify abc --date 2027-03-26
refused "notify: no date" 1 referral notify "$easter"
refused "panel: not yet notified" 2 referral panel "$easter" --date 2027-04-20 --outcome plan-confirmed
refused "panel: heard twice" 2 referral panel "$xmas" --date 2027-01-29 --outcome plan-confirmed
q referral notify "$may" --date 2027-04-30 >/dev/null
refused "panel: before the notification" 2 referral panel "$may" --date 2027-04-29 --outcome plan-confirmed
refused "panel: unknown outcome" 2 referral panel "$may" --date 2027-05-10 --outcome plan-paused
refused "panel: other without reasons" 2 referral panel "$may" --date 2027-05-10 --outcome other
refused "panel: other with blank reasons" 2 referral panel "$may" --date 2027-05-10 --outcome other --reason "   "
refused "referrals: impossible --as-of" 2 referrals --as-of 2027-13-01

# -- referralrules 2: DOMAIN 4 (a referral due in 5 working days; the panel within 28 days of
# notification): "as of" a date judges the referral as it stood then; a referral sent, or a
# panel heard, after that date had not been yet.
asof=$(split_referral 2026-11-13 "Ivy As-Of")
check "DOMAIN 4: due five working days after Fri 13 Nov" "$(due "$asof")" "2026-11-20"
q referral notify "$asof" --date 2026-11-24 >/dev/null
q referral panel "$asof" --date 2026-12-30 --outcome plan-confirmed >/dev/null
in_overdue () { jget "$(q --json referrals --as-of "$1" --overdue)" "$asof in [r['id'] for r in d]"; }
check "DOMAIN 4: as of 21 Nov, due 20 Nov and not sent until 24 Nov: overdue" "$(in_overdue 2026-11-21)" "true"
check "DOMAIN 4: as of 24 Nov, sent that day: not overdue" "$(in_overdue 2026-11-24)" "false"
check "DOMAIN 4: as of 23 Dec, panel due 22 Dec and not heard until 30 Dec: overdue" "$(in_overdue 2026-12-23)" "true"
check "DOMAIN 4: as of 30 Dec, heard that day: not overdue" "$(in_overdue 2026-12-30)" "false"
text=$(q referrals --as-of 2026-11-21 --overdue)
printf '%s\n' "$text" | grep -q "Ivy As-Of" && ok "DOMAIN 4: the text lists it as overdue as of 21 Nov" ||
  { not_ok "DOMAIN 4: text as of 21 Nov"; printf '%s\n' "$text"; }
# Lateness as it stood then too: not yet sent, it was overdue, not "sent late"; sent late once sent.
late_as_of () { jget "$(q --json referrals --as-of "$1")" "[[r['sent_late'], r['heard_late']] for r in d if r['id'] == $asof][0]"; }
check "DOMAIN 4: as of 21 Nov, not yet sent: not sent late (yet), not heard late" "$(late_as_of 2026-11-21)" "[false, false]"
check "DOMAIN 4: as of 24 Nov, sent after its due date: sent late" "$(late_as_of 2026-11-24)" "[true, false]"
check "DOMAIN 4: as of 23 Dec, panel not yet heard: not heard late (yet)" "$(late_as_of 2026-12-23)" "[true, false]"
check "DOMAIN 4: as of 30 Dec, heard after its due date: heard late" "$(late_as_of 2026-12-30)" "[true, true]"
printf '%s\n' "$text" | grep -q "SENT LATE" && { not_ok "DOMAIN 4: the text as of 21 Nov says SENT LATE"; printf '%s\n' "$text"; } ||
  ok "DOMAIN 4: the text as of 21 Nov says overdue, not sent late"

# -- refasof 3, DOMAIN 4 (the referral made by the conference's split vote): as of a date before
# its conference the referral did not exist: not listed (it was listed as "not yet sent").
listed_as_of () { jget "$(q --json referrals --as-of "$1")" "$2 in [r['id'] for r in d]"; }
check "DOMAIN 4: as of 12 Nov, before its conference of 13 Nov: not listed" "$(listed_as_of 2026-11-12 "$asof")" "false"
check "DOMAIN 4: as of 13 Nov, the day of its conference: listed" "$(listed_as_of 2026-11-13 "$asof")" "true"
check "DOMAIN 4: as of 23 Dec, the conference of 24 Dec had not sat: not listed" "$(listed_as_of 2026-12-23 "$xmas")" "false"
text=$(q referrals --as-of 2026-11-12)
printf '%s\n' "$text" | grep -q "Ivy As-Of" && { not_ok "DOMAIN 4: the text as of 12 Nov lists Ivy"; printf '%s\n' "$text"; } ||
  ok "DOMAIN 4: the text as of 12 Nov does not list a referral not yet made"

# -- refasof 1, DOMAIN 4 (the panel's outcome: "other with reasons"): Other corrected to Other
# with other reasons is a correction; with the same reasons it changes nothing (exit 2).
kit=$(split_referral 2026-11-09 "Kit Reasons")
q referral notify "$kit" --date 2026-11-12 >/dev/null
q referral panel "$kit" --date 2026-12-01 --outcome other --reason "Adjourned for a parenting assessment" >/dev/null
out=$(q --json referral correct "$kit" --field outcome --value other --panel-reason "Referred back to the conference" \
        --reason "Minuted wrongly")
check "DOMAIN 4: other to other with new reasons: accepted, the new reasons the record's" \
  "$(jget "$out" '[d["old_value"], d["new_value"], d["outcome"], d["outcome_reason"]]')" \
  '["other", "other", "other", "Referred back to the conference"]'
check "DOMAIN 4: the old reasons kept in the audit entries (the referral's and the correction's)" \
  "$(db_sql "$QUORUM_DB" "SELECT count(*) FROM audit WHERE summary LIKE '%from other (reasons: Adjourned for a parenting assessment) to other (reasons: Referred back to the conference)%'")" "2"
refused "DOMAIN 4: other to other with the same reasons: nothing to correct" 2 \
  referral correct "$kit" --field outcome --value other --panel-reason "Referred back to the conference" --reason "Again"
err=$(q referral correct "$kit" --field outcome --value other --panel-reason "Referred back to the conference" --reason "Again" 2>&1 >/dev/null)
printf '%s\n' "$err" | grep -q "nothing to correct" && ok "DOMAIN 4: the refusal says there is nothing to correct" ||
  { not_ok "DOMAIN 4: the refusal's words"; printf '%s\n' "$err"; }

# -- refmeans 1: how it was sent (the notice's means) is shown with the referral: `referrals`,
# `referral notify`, `conference show`, and the dissent record (JSON, text, PDF)
sol=$(split_referral 2027-05-24 "Sol Means")
sol_conf=$(jget "$(q --json referrals)" "[r['conference'] for r in d if r['id'] == $sol][0]")
err=$(q --json referral notify "$sol" --date 2027-05-29 --by "A. Admin" --means "secure email" 2>&1 >"$work/sol.json")
out=$(cat "$work/sol.json")
check "refmeans: notify --json: how it was sent, a Saturday said, not late (due Tue 2027-06-01)" \
  "$(jget "$out" '[d["sent_by"], d["sent_means"], d["sent_day_off"], d["sent_late"], d["heard_day_off"]]')" \
  '["A. Admin", "secure email", "saturday", false, null]'
check "refmeans: a Saturday sent is kept as given; its panel due (Sat 26 June) shown with Fri 25 June" \
  "$(jget "$out" '[d["notified"], d["panel_due"], d["panel_due_working"]]')" '["2027-05-29", "2027-06-26", "2027-06-25"]'
printf '%s\n' "$err" | grep -qF "note: 2027-05-29 is a Saturday, not a working day (recorded as given)" &&
  ok "refmeans: notify says on stderr that the date is a Saturday" ||
  { not_ok "refmeans: notify's note on stderr"; printf '#   stderr: %s\n' "$err"; }
err=$(q referral panel "$sol" --date 2027-05-31 --outcome plan-confirmed 2>&1 >/dev/null)
printf '%s\n' "$err" | grep -qF "note: 2027-05-31 is a bank holiday in England and Wales, not a working day (recorded as given)" &&
  ok "refmeans: panel says the Spring bank holiday" ||
  { not_ok "refmeans: panel's note on stderr"; printf '#   stderr: %s\n' "$err"; }
check "refmeans: referrals --json: sent_means, sent_day_off, heard_day_off; heard on time" \
  "$(jget "$(q --json referrals)" "[[r['sent_means'], r['sent_day_off'], r['heard_day_off'], r['heard_late']] for r in d if r['id'] == $sol][0]")" \
  '["secure email", "saturday", "bank-holiday", false]'
check "refmeans: conference show --json: the same in the referral" \
  "$(jget "$(q --json conference show "$sol_conf")" '[[r["sent_by"], r["sent_means"], r["sent_day_off"], r["heard_day_off"]] for r in d["referrals"]][0]')" \
  '["A. Admin", "secure email", "saturday", "bank-holiday"]'
q export dissent "$sol_conf" --format json -o "$work/sol-export.json" >/dev/null
check "refmeans: export json: the same in the record" \
  "$(jget "$(cat "$work/sol-export.json")" '[[r["sent_means"], r["sent_day_off"], r["heard_day_off"]] for r in d["referrals"]][0]')" \
  '["secure email", "saturday", "bank-holiday"]'
q export dissent "$sol_conf" --format txt -o "$work/sol.txt" >/dev/null
grep -qE "^ *How it was sent: +secure email$" "$work/sol.txt" && ok "refmeans: export txt: How it was sent: secure email" ||
  { not_ok "refmeans: export txt: how it was sent"; grep -n "Sent\|Notified" "$work/sol.txt"; }
grep -qE "^ *Notified: +29 May 2027 \(a Saturday, not a working day\)$" "$work/sol.txt" &&
  ok "refmeans: export txt: the Saturday sent said beside the date" ||
  { not_ok "refmeans: export txt: the Saturday"; grep -n "Notified" "$work/sol.txt"; }
grep -qE "^ *Panel heard: +31 May 2027 \(a bank holiday in England and Wales, not a working day\)$" "$work/sol.txt" &&
  ok "refmeans: export txt: the bank holiday heard said beside the date" ||
  { not_ok "refmeans: export txt: the bank holiday"; grep -n "Panel heard" "$work/sol.txt"; }
q export dissent "$sol_conf" --format pdf -o "$work/sol.pdf" >/dev/null
pdf=$(pdftotext -layout "$work/sol.pdf" - 2>/dev/null | tr -s ' ')
printf '%s\n' "$pdf" | grep -qF "How it was sent secure email" && ok "refmeans: export pdf: How it was sent secure email" ||
  { not_ok "refmeans: export pdf: how it was sent"; printf '%s\n' "$pdf" | grep -n "sent\|Notified"; }
printf '%s\n' "$pdf" | grep -qF "Notified 29 May 2027 (a Saturday, not a working day)" &&
  ok "refmeans: export pdf: the Saturday said" ||
  { not_ok "refmeans: export pdf: the Saturday"; printf '%s\n' "$pdf" | grep -n "Notified"; }

# Sent without a means: none shown, never the notice's "not recorded", in English or Welsh.
ned=$(split_referral 2027-05-24 "Ned Nomeans")
out=$(q --json referral notify "$ned" --date 2027-05-26 --by "A. Admin" 2>/dev/null)
check "refmeans: no means given: sent_means null, the notice's words aside; a Wednesday: no day off" \
  "$(jget "$out" '[d["sent_means"], d["sent_day_off"]]')" '[null, null]'
wyn=$(split_referral 2027-05-24 "Wyn Dim")
LANGUAGE=cy q referral notify "$wyn" --date 2027-05-26 >/dev/null 2>&1
check "refmeans: the notice of a Welsh recorder stores no words of its language (schema 10: empty)" \
  "$(db_sql "$QUORUM_DB" "SELECT '[' || means || ']' FROM notice WHERE referral_id = $wyn")" "[]"
check "refmeans: … and the notices list says it was not recorded, in the reader's language" \
  "$(jget "$(q --json notices)" "[n['means'] for n in d if n.get('referral') == $wyn and not n['pending']][0]" 2>/dev/null)" "not recorded"
check "refmeans: … and no means is shown for it" \
  "$(jget "$(q --json referrals)" "[r['sent_means'] for r in d if r['id'] == $wyn][0]")" "null"
ned_conf=$(jget "$(q --json referrals)" "[r['conference'] for r in d if r['id'] == $ned][0]")
q export dissent "$ned_conf" --format txt -o "$work/ned.txt" >/dev/null
if grep -q "How it was sent\|not recorded" "$work/ned.txt"; then not_ok "refmeans: export txt: no means line"; else
  ok "refmeans: export txt: no means, no line"; fi

# refmeans 2: lateness stays as it was: sent late on a Saturday after its due date; sent on a bank
# holiday before it; the Scottish calendar's own holiday.
uma=$(split_referral 2027-05-24 "Uma Late")
out=$(q --json referral notify "$uma" --date 2027-06-05 --means letter 2>/dev/null)
check "refmeans: sent Sat 2027-06-05 after its due date (Tue 2027-06-01): late and a Saturday" \
  "$(jget "$out" '[d["due"], d["sent_late"], d["sent_day_off"], d["sent_by"], d["sent_means"]]')" \
  '["2027-06-01", true, "saturday", "J. Okafor", "letter"]'
check "refmeans: … overdue as of the day before it was sent, not after" \
  "$(jget "$(q --json referrals --as-of 2027-06-04)" "[r['overdue'] for r in d if r['id'] == $uma][0]"),$(jget "$(q --json referrals --as-of 2027-06-07)" "[r['overdue'] for r in d if r['id'] == $uma][0]")" \
  "true,false"
vic=$(split_referral 2027-05-24 "Vic Holiday")
out=$(q --json referral notify "$vic" --date 2027-05-31 2>/dev/null)
check "refmeans: sent on the Spring bank holiday, before its due date: not late, a bank holiday" \
  "$(jget "$out" '[d["sent_late"], d["sent_day_off"], d["panel_due"]]')" '[false, "bank-holiday", "2027-06-28"]'
ivo=$(split_referral 2026-12-24 "Ivo Hogmanay" test-scotland)
err=$(q --json referral notify "$ivo" --date 2027-01-04 --means email 2>&1 >"$work/ivo.json")
check "refmeans: Mon 2027-01-04 in Scotland (2 January moved): a bank holiday; not late (due 2027-01-06)" \
  "$(jget "$(cat "$work/ivo.json")" '[d["sent_day_off"], d["sent_late"]]')" '["bank-holiday", false]'
printf '%s\n' "$err" | grep -qF "is a bank holiday in Scotland" && ok "refmeans: … said as Scotland's" ||
  { not_ok "refmeans: Scotland's bank holiday"; printf '#   stderr: %s\n' "$err"; }
plainday=$(q --json referral notify "$(split_referral 2027-01-04 "Zed Working")" --date 2027-01-04 2>/dev/null)
check "refmeans: the same day in England and Wales is a working day" "$(jget "$plainday" 'd["sent_day_off"]')" "null"
# -- cliasof 1, DOMAIN 4 ("as of" a date): `referrals --as-of D` says what stood on D, as the app's
# Referrals table does (core's quorum_referral_as_of ()): a date or outcome corrected after D as it
# was before the correction. Corrections are made now (today's clock), so these dates are well before it.
fix=$(split_referral 2025-03-03 "Ola Corrected")
q referral notify "$fix" --date 2025-03-06 >/dev/null
q referral panel "$fix" --date 2025-03-20 --outcome plan-confirmed >/dev/null
q referral correct "$fix" --field notified --value 2025-03-12 --reason "Minuted wrongly" >/dev/null
q referral correct "$fix" --field panel_date --value 2025-03-27 --reason "Minuted wrongly" >/dev/null
q referral correct "$fix" --field outcome --value plan-ended --reason "Minuted wrongly" >/dev/null
stood () { jget "$(q --json referrals --as-of "$1")" "[[r['notified'], r['panel_due'], r['panel_date'], r['outcome'], r['overdue']] for r in d if r['id'] == $2][0]"; }
check "cliasof: as of 21 Mar 2025, before the corrections: sent 6 Mar, heard 20 Mar, plan confirmed" \
  "$(stood 2025-03-21 "$fix")" '["2025-03-06", "2025-04-03", "2025-03-20", "plan-confirmed", false]'
check "cliasof: as of today, the corrected record" \
  "$(jget "$(q --json referrals)" "[[r['notified'], r['panel_due'], r['panel_date'], r['outcome']] for r in d if r['id'] == $fix][0]")" \
  '["2025-03-12", "2025-04-09", "2025-03-27", "plan-ended"]'
text=$(q referrals --as-of 2025-03-21 | grep "Ola Corrected")
check "cliasof: the text as of 21 Mar 2025 says the outcome and panel due date then" \
  "$(printf '%s\n' "$text" | grep -c "Plan confirmed, panel due 2025-04-03")" "1"
# Overdue judged by what stood then: sent on 6 Mar (its correction to 12 Mar made later), so not
# overdue on 11 Mar, though the corrected record would say "not sent by its due date of 10 Mar".
check "cliasof: as of 11 Mar 2025, sent on 6 Mar then: not overdue" \
  "$(jget "$(q --json referrals --as-of 2025-03-11 --overdue)" "$fix in [r['id'] for r in d]")" "false"
# And the other way: sent late on 14 Mar, corrected later to 7 Mar: on 12 Mar it had not been sent, overdue.
early=$(split_referral 2025-03-03 "Pip Corrected")
q referral notify "$early" --date 2025-03-14 >/dev/null
q referral correct "$early" --field notified --value 2025-03-07 --reason "Sent earlier than minuted" >/dev/null
check "cliasof: as of 12 Mar 2025, not yet sent then (sent 14 Mar, corrected later to 7 Mar): overdue" \
  "$(jget "$(q --json referrals --as-of 2025-03-12 --overdue)" "$early in [r['id'] for r in d]")" "true"
check "cliasof: as of 12 Mar 2025 without --overdue: not sent, overdue" \
  "$(stood 2025-03-12 "$early")" '[null, null, null, null, true]'
text=$(q referrals --as-of 2025-03-12 --overdue)
printf '%s\n' "$text" | grep "Pip Corrected" | grep -q "awaiting notification.*OVERDUE" && ok "cliasof: the text as of 12 Mar 2025 lists it overdue, awaiting notification" ||
  { not_ok "cliasof: the text as of 12 Mar 2025"; printf '%s\n' "$text"; }

# -- every write is audited and the chain holds
expect_exit "verify: the audit chain holds" 0 q verify

finish
