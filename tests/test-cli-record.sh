#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# test-cli-record.sh: the record is true to the policy (issue 11, findings 1-5), through quorum-cli
# as a chair's or minute-taker's script drives it; each scenario's export read back as JSON, as
# text and through pdftotext.
. "$(dirname "$0")/cli-lib.sh"

out_dir="$work/out"
mkdir -p "$out_dir"

# pdf_text CONF NAME: the dissent record as PDF, read back by pdftotext (one line per text line).
pdf_text () {
  q export dissent "$1" --format pdf -o "$out_dir/$2.pdf" >/dev/null
  pdftotext -raw -enc UTF-8 "$out_dir/$2.pdf" - | tr -s ' '
}
txt () { q export dissent "$1" --format txt -o "$out_dir/record.txt" >/dev/null && cat "$out_dir/record.txt"; }
has () { if printf '%s' "$1" | grep -qF -- "$2"; then echo yes; else echo no; fi; }

have_pdf=no
command -v pdftotext >/dev/null && have_pdf=yes

# A Bolton conference starting at 10:00 with four voting groups, one representative each.
four_groups () {
  local profile=${1:-bolton} conf
  conf=$(jget "$(q --json conference new --child "Amy Jones" --kind initial --date 2026-11-20 --time 10:00 \
                   --chair "R. Patel" --profile "$profile")" 'd["id"]')
  q attendee add "$conf" --name "S. Social" --agency "Children's Social Care" --line-management "CSC" >/dev/null
  q attendee add "$conf" --name "A. Khan" --agency "Greater Manchester Police" --line-management "Police" >/dev/null
  q attendee add "$conf" --name "H. Visitor" --agency "Bolton NHS FT" --line-management "NHS" >/dev/null
  q attendee add "$conf" --name "T. Teacher" --agency "St Mary's Primary" --line-management "School" >/dev/null
  echo "$conf"
}
child_of () { jget "$(q --json conference show "$1")" 'd["children"][0]["id"]'; }
attendee_of () { jget "$(q --json conference show "$1")" "[a['id'] for a in d['attendees'] if a['name']=='$2'][0]"; }

# ---- The challenge route is a profile's: the key file says so ----
out=$(q --json profiles)
check "profiles: buckinghamshire has the challenge route, bolton none" \
  "$(jget "$out" 'sorted((p["id"], p["challenge_route"] and p["challenge_route"]["decisions"]) for p in d if p["id"] in ("bolton","buckinghamshire"))')" \
  '[["bolton", null], ["buckinghamshire", ["uphold", "interim-plan", "review-forward", "refer"]]]'

# ---- Finding 4: the vote is the last resort; a dissent needs its reason (bolton) ----
conf=$(four_groups)
amy=$(child_of "$conf")
before=$(db_hash)
expect_exit "finding 4: a vote without a recorded attempt at consensus is refused" 2 \
  q vote "$conf" --child "$amy" --group Police --view no-plan --reason "No offences"
expect_exit "finding 4: a decision without a recorded attempt at consensus is refused" 2 q decide "$conf" --child "$amy"
check "finding 4: the refusals wrote nothing" "$(db_hash)" "$before"
q consensus "$conf" --child "$amy" --agreed none --summary "Views differ on neglect" >/dev/null
q vote "$conf" --child "$amy" --group CSC --view plan --reason "Neglect is long-standing" >/dev/null
q vote "$conf" --child "$amy" --group Police --view no-plan >/dev/null
q vote "$conf" --child "$amy" --group NHS --view plan --reason "Growth has faltered" >/dev/null
q vote "$conf" --child "$amy" --group School --view plan --reason "Often hungry" >/dev/null
err=$(q decide "$conf" --child "$amy" 2>&1 >/dev/null); status=$?
check "finding 4: a dissenting view without its reason is refused (exit 2)" "$status" "2"
check "finding 4: the refusal names the rule and the group" "$(has "$err" "A dissenting view needs its reason: “Police”")" "yes"
q vote "$conf" --child "$amy" --group Police --view no-plan --reason "No offences disclosed" >/dev/null
out=$(q --json decide "$conf" --child "$amy")
check "finding 4: with its reason the dissent is recorded" \
  "$(jget "$out" '[d["basis"], [(x["group"], x["reason"]) for x in d["dissent"]]]')" \
  '["majority", [["Police", "No offences disclosed"]]]'

# ---- Finding 1: attendance is a timeline ----
conf=$(four_groups)
amy=$(child_of "$conf")
teacher=$(attendee_of "$conf" "T. Teacher")
q consensus "$conf" --child "$amy" --agreed none --summary "No consensus" >/dev/null
q vote "$conf" --child "$amy" --group CSC --view plan --reason "Neglect" >/dev/null
q vote "$conf" --child "$amy" --group Police --view no-plan --reason "No offences" >/dev/null
q vote "$conf" --child "$amy" --group NHS --view plan --reason "Growth" >/dev/null
q vote "$conf" --child "$amy" --group School --view no-plan --reason "Attendance is good" >/dev/null
before=$(db_hash)
expect_exit "timeline: a leaving time that is not a time is refused" 2 q attendee leave "$conf" --attendee "$teacher" --time 25:61
expect_exit "timeline: leaving before the conference began is refused" 2 q attendee leave "$conf" --attendee "$teacher" --time 09:00
check "timeline: the refusals wrote nothing" "$(db_hash)" "$before"
out=$(q --json attendee leave "$conf" --attendee "$teacher" --time 10:40)
check "finding 1: the teacher left at 10:40, the school's view given" \
  "$(jget "$out" '[d["left_at"], d["present"], d["without_view"]]')" '["10:40", false, []]'
expect_exit "timeline: leaving twice is refused" 2 q attendee leave "$conf" --attendee "$teacher" --time 10:50
out=$(q --json decide "$conf" --child "$amy")
check "finding 1: a view stays counted after its giver leaves: still a 2-2 split" \
  "$(jget "$out" '[d["basis"], d["tally"]["plan"], d["tally"]["no-plan"], d["referral"] is not None]')" '["split", 2, 2, true]'
check "finding 1: the school's dissent is kept with its representative and reason" \
  "$(jget "$out" '[(x["group"], x["representatives"], x["reason"]) for x in d["dissent"] if x["group"]=="School"]')" \
  '[["School", ["T. Teacher"], "Attendance is good"]]'
check "finding 1: the decision says who was present and who had left" \
  "$(jget "$out" '[[p["name"] for p in d["present"]], [(p["name"], p["left_at"], p["view_given"]) for p in d["left_before"]]]')" \
  '[["S. Social", "A. Khan", "H. Visitor"], [["T. Teacher", "10:40", true]]]'
out=$(q --json attendee add "$conf" --name "Dr Late" --agency "Spa Road Surgery" --line-management GP --arrived 11:05)
gp=$(jget "$out" 'd["id"]')
show=$(q --json conference show "$conf")
check "finding 1: a later arrival is recorded as arriving after the decision" \
  "$(jget "$show" '[[(a["name"], a["arrived_at"]) for a in x["arrived_after"]] for x in d["decisions"]][0]')" '[["Dr Late", "11:05"]]'
check "finding 1: attendees carry the timeline and their presence per decision" \
  "$(jget "$show" "[(a['left_at'], a['arrived_at'], a['decisions']) for a in d['attendees'] if a['name'] in ('T. Teacher','Dr Late')]")" \
  '[["10:40", null, [{"child": '"$amy"', "presence": "left-before"}]], [null, "11:05", [{"child": '"$amy"', "presence": "arrived-after"}]]]'
expect_exit "finding 1: nobody joins the voters of a decided child" 2 q vote "$conf" --child "$amy" --group GP --view plan --reason x
text=$(txt "$conf")
check "finding 1: the text record shows the timeline" \
  "$(has "$text" "T. Teacher (left 10:40, after the group’s view was given)") $(has "$text" "Dr Late (arrived 11:05)") $(has "$text" "Present; left 10:40")" "yes yes yes"
if [ "$have_pdf" = yes ]; then
  pdf=$(pdf_text "$conf" timeline)
  check "finding 1: the PDF (pdftotext) shows who was present, who left and who came after" \
    "$(has "$pdf" "S. Social, A. Khan, H. Visitor") $(has "$pdf" "left 10:40") $(has "$pdf" "Dr Late (arrived 11:05)")" "yes yes yes"
fi
q finalise "$conf" >/dev/null
expect_exit "timeline: after sign-off an arrival is refused" 2 q attendee arrive "$conf" --attendee "$gp" --time 11:30

# Leaving before giving a view leaves the group without one, recorded as such.
conf=$(four_groups)
amy=$(child_of "$conf")
teacher=$(attendee_of "$conf" "T. Teacher")
out=$(q --json attendee leave "$conf" --attendee "$teacher" --time 10:20)
check "timeline: leaving before giving a view leaves the group without one" "$(jget "$out" 'd["without_view"]')" "[$amy]"
q consensus "$conf" --child "$amy" --agreed none --summary "No consensus" >/dev/null
expect_exit "timeline: a group whose representatives left gives no view" 2 \
  q vote "$conf" --child "$amy" --group School --view plan --reason x
q vote "$conf" --child "$amy" --group CSC --view plan --reason "Neglect" >/dev/null
q vote "$conf" --child "$amy" --group Police --view no-plan --reason "No offences" >/dev/null
q vote "$conf" --child "$amy" --group NHS --view plan --reason "Growth" >/dev/null
out=$(q --json decide "$conf" --child "$amy")
check "timeline: the decision records the group left without a view" \
  "$(jget "$out" '[d["basis"], d["left_without_view"], [p["view_given"] for p in d["left_before"]]]')" '["majority", ["School"], [false]]'
check "timeline: the text record says so" "$(has "$(txt "$conf")" "No view: left before giving it:  School")" "yes"

# Two groups left without a view, one's name inside the other's: both are named. (The text
# record found a group already listed by a substring of the names, so "Police" went unsaid after
# "British Transport Police"; it now reads core's quorum_conference_left_without_view.)
conf=$(jget "$(q --json conference new --child "Amy Jones" --kind initial --date 2026-11-20 --time 10:00 \
                 --chair "R. Patel" --profile bolton)" 'd["id"]')
q attendee add "$conf" --name "S. Social" --agency "Children's Social Care" --line-management "CSC" >/dev/null
q attendee add "$conf" --name "B. Officer" --agency "British Transport Police" --line-management "British Transport Police" >/dev/null
q attendee add "$conf" --name "A. Khan" --agency "Greater Manchester Police" --line-management "Police" >/dev/null
q attendee add "$conf" --name "H. Visitor" --agency "Bolton NHS FT" --line-management "NHS" >/dev/null
amy=$(child_of "$conf")
q attendee leave "$conf" --attendee "$(attendee_of "$conf" "B. Officer")" --time 10:20 >/dev/null
q attendee leave "$conf" --attendee "$(attendee_of "$conf" "A. Khan")" --time 10:25 >/dev/null
q consensus "$conf" --child "$amy" --agreed none --summary "No consensus" >/dev/null
q vote "$conf" --child "$amy" --group CSC --view plan --reason "Neglect" >/dev/null
q vote "$conf" --child "$amy" --group NHS --view no-plan --reason "Growth is fine" >/dev/null
q vote "$conf" --child "$amy" --group CSC --view plan --reason "Neglect seen twice" >/dev/null
out=$(q --json decide "$conf" --child "$amy" 2>&1)
check "timeline: groups left without a view, one named inside the other: JSON" \
  "$(jget "$out" 'd["left_without_view"]')" '["British Transport Police", "Police"]'
check "timeline: groups left without a view, one named inside the other: the text record names both" \
  "$(has "$(txt "$conf")" "No view: left before giving it:  British Transport Police, Police")" "yes"
# conference show (and export --format json) read the same rule from core as the text does.
check "timeline: groups left without a view, one named inside the other: conference show names both" \
  "$(jget "$(q --json conference show "$conf")" 'd["decisions"][0]["left_without_view"]')" '["British Transport Police", "Police"]'
q export dissent "$conf" --format json -o "$out_dir/record.json" >/dev/null
check "timeline: groups left without a view, one named inside the other: the JSON export names both" \
  "$(jget "$(cat "$out_dir/record.json")" 'd["decisions"][0]["left_without_view"]')" '["British Transport Police", "Police"]'

# A group one of whose two representatives left before a consensus, the other staying for it,
# was not left without a view: the one who stayed took part for it. The JSON said so; the text
# record and the screen (core's rule, which read only the group's vote) said "No view: NHS".
conf=$(four_groups)
amy=$(child_of "$conf")
q attendee add "$conf" --name "H. Two" --agency "Bolton NHS FT" --line-management "NHS" >/dev/null
q attendee leave "$conf" --attendee "$(attendee_of "$conf" "H. Two")" --time 10:20 >/dev/null
q consensus "$conf" --child "$amy" --agreed plan --category neglect --summary "All agree on neglect" >/dev/null
out=$(q --json decide "$conf" --child "$amy" 2>&1)
check "timeline: a representative left before a consensus, their group's other stayed: no group without a view" \
  "$(jget "$out" '[d["basis"], d["left_without_view"], [p["name"] for p in d["left_before"]]]')" '["consensus", [], ["H. Two"]]'
check "timeline: … and conference show says the same" \
  "$(jget "$(q --json conference show "$conf")" 'd["decisions"][0]["left_without_view"]')" '[]'
check "timeline: … nor does the text record name NHS as left without a view" \
  "$(has "$(txt "$conf")" "No view: left before giving it")" "no"

# ---- Finding 2: a view before a later consensus is superseded; no contradictory tally ----
conf=$(four_groups)
amy=$(child_of "$conf")
q consensus "$conf" --child "$amy" --agreed none --summary "Round 1: no agreement" >/dev/null
q vote "$conf" --child "$amy" --group Police --view no-plan --reason "No offences disclosed" >/dev/null
q consensus "$conf" --child "$amy" --agreed plan --category neglect --summary "Round 2: all agreed a plan" >/dev/null
out=$(q --json decide "$conf" --child "$amy")
check "finding 2: consensus counts no views" "$(jget "$out" '[d["basis"], d["tally"], d["dissent"]]')" \
  '["consensus", {"plan": 0, "no-plan": 0, "declined": 0}, []]'
show=$(q --json conference show "$conf")
check "finding 2: the earlier view stays in the history, marked superseded" \
  "$(jget "$show" '[[v["group"], v["superseded"]] for v in d["votes"]] + [[s["group"], s["view"], s["superseded_by_round"]] for s in d["superseded_views"]]')" \
  '[["Police", true], ["Police", "no-plan", 2]]'
text=$(txt "$conf")
check "finding 2: the text record shows no tally beside the consensus, and the superseded view" \
  "$(has "$text" "Tally:") $(has "$text" "Consensus: every group agreed") $(has "$text" "Police: No plan — superseded by round 2")" "no yes yes"
if [ "$have_pdf" = yes ]; then
  pdf=$(pdf_text "$conf" consensus)
  check "finding 2: nor does the PDF (pdftotext)" \
    "$(has "$pdf" "Tally") $(has "$pdf" "0 plan") $(has "$pdf" "superseded by round 2")" "no no yes"
fi
q export dissent "$conf" --format csv -o "$out_dir/consensus.csv" >/dev/null
check "finding 2: the CSV marks the view superseded and not dissenting" \
  "$(python3 -c 'import csv,sys; print([(r["group"], r["superseded"], r["dissent"]) for r in csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8"))])' "$out_dir/consensus.csv")" \
  "[('Police', 'yes', 'no')]"

# ---- Finding 3: a chair's decision with every group's view, reservations minuted ----
conf=$(four_groups buckinghamshire)
cara=$(child_of "$conf")
expect_exit "finding 3: the chair decides only after an attempt that reached no consensus" 2 \
  q decide "$conf" --child "$cara" --chair-view plan
q consensus "$conf" --child "$cara" --agreed none --summary "No consensus" >/dev/null
expect_exit "finding 3: each group's view is recorded before the chair decides" 2 \
  q decide "$conf" --child "$cara" --chair-view plan
q vote "$conf" --child "$cara" --group CSC --view plan >/dev/null
q vote "$conf" --child "$cara" --group Police --view plan >/dev/null
q vote "$conf" --child "$cara" --group NHS --view no-plan >/dev/null
q vote "$conf" --child "$cara" --group School --view no-plan --reason "Settled at school" >/dev/null
err=$(q decide "$conf" --child "$cara" --chair-view plan 2>&1 >/dev/null); status=$?
check "finding 3: a reservation without its reason is refused" "$status $(has "$err" "A reservation is recorded with its reason: “NHS”")" "2 yes"
q vote "$conf" --child "$cara" --group NHS --view no-plan --reason "Mother engages with the health visitor" >/dev/null
out=$(q --json decide "$conf" --child "$cara" --chair-view plan --category neglect --reason "Left alone at night; neglect outweighs the improvement at school")
check "finding 3: every reservation is the record's dissent" \
  "$(jget "$out" '[d["basis"], [(x["group"], x["reason"]) for x in d["dissent"]]]')" \
  '["chair", [["NHS", "Mother engages with the health visitor"], ["School", "Settled at school"]]]'
text=$(txt "$conf")
check "finding 3: the record lists the reservations, never 'No group dissented'" \
  "$(has "$text" "Dissent: reservations about the chair’s decision") $(has "$text" "No group dissented") $(has "$text" "Mother engages with the health visitor")" "yes no yes"

# Representatives who disagree: each keeps their own position; only those differing dissent.
conf=$(four_groups)
amy=$(child_of "$conf")
q attendee add "$conf" --name "H. Two" --agency "Bolton NHS FT" --line-management "NHS" >/dev/null
one=$(attendee_of "$conf" "H. Visitor")
two=$(attendee_of "$conf" "H. Two")
q consensus "$conf" --child "$amy" --agreed none --summary "No consensus" >/dev/null
expect_exit "own positions: a position without its reason is refused" 2 \
  q member-view "$conf" --child "$amy" --attendee "$two" --view no-plan
q --json member-view "$conf" --child "$amy" --attendee "$one" --view plan --reason "Weight has fallen" >/dev/null
q --json member-view "$conf" --child "$amy" --attendee "$two" --view no-plan --reason "Mother engages well" >/dev/null
q vote "$conf" --child "$amy" --group CSC --view plan --reason "Neglect" >/dev/null
q vote "$conf" --child "$amy" --group Police --view no-plan --reason "No offences" >/dev/null
q vote "$conf" --child "$amy" --group School --view plan --reason "Hungry" >/dev/null
q vote "$conf" --child "$amy" --group NHS --view no-plan --reason "We could not agree" --members-disagreed >/dev/null
out=$(q --json decide "$conf" --child "$amy")
# The group's own reason for the view it settled on leads its dissent (DOMAIN 3), each
# representative's named after it.
check "own positions: only the representative who differs from the outcome dissents, after the group's reason" \
  "$(jget "$out" '[d["basis"], [(x["group"], x["representatives"], x["reason"]) for x in d["dissent"]]]')" \
  '["split", [["Police", ["A. Khan"], "No offences"], ["NHS", ["H. Two"], "We could not agree\nH. Two: Mother engages well"]]]'
check "own positions: each is in conference show" \
  "$(jget "$(q --json conference show "$conf")" '[(m["name"], m["view"]) for m in d["member_views"]]')" \
  '[["H. Visitor", "plan"], ["H. Two", "no-plan"]]'

# Trial 6, D5: "could not agree" marked and one representative's own position never given. The
# decision went through and the record named only Aled Jones, who agreed with the outcome; Megan
# Price, who dissented, was gone from her own group. Refused (exit 2), naming child, group and
# person, nothing written; with her position recorded her dissent holds her, in every export.
conf=$(jget "$(q --json conference new --child "Ffion Morgan" --kind initial --date 2026-11-20 --time 10:00 \
                 --chair "R. Patel")" 'd["id"]')
q attendee add "$conf" --name "Sian Lewis" --agency "Children's Social Care" --line-management "Children's Social Care" >/dev/null
q attendee add "$conf" --name "PC Rhys Evans" --agency "Police" --line-management "Police" >/dev/null
q attendee add "$conf" --name "Aled Jones" --agency "Health" --line-management "Health" >/dev/null
q attendee add "$conf" --name "Megan Price" --agency "Health" --line-management "Health" >/dev/null
q attendee add "$conf" --name "Gareth Hughes" --agency "Education" --line-management "Education" >/dev/null
ffion=$(child_of "$conf")
q consensus "$conf" --child "$ffion" --agreed none --summary "No consensus" >/dev/null
q vote "$conf" --child "$ffion" --group "Children's Social Care" --view plan --reason "Chronic neglect" >/dev/null
q vote "$conf" --child "$ffion" --group Police --view no-plan --reason "No evidence of harm" >/dev/null
q vote "$conf" --child "$ffion" --group Education --view no-plan --reason "The house is clean and Ffion is happy" >/dev/null
q vote "$conf" --child "$ffion" --group Health --view plan --reason "Group settles on plan" --members-disagreed >/dev/null
q member-view "$conf" --child "$ffion" --attendee "$(attendee_of "$conf" "Aled Jones")" --view plan \
  --reason "Ffion has missed her immunisations" >/dev/null
before=$(db_hash)
err=$(q decide "$conf" --child "$ffion" 2>&1 >/dev/null); status=$?
check "could not agree: a representative's own position missing refuses the decision (exit 2)" "$status" "2"
check "could not agree: the refusal names her, her group and the child, not him" \
  "$(has "$err" "Megan Price of “Health” has not given theirs for Ffion Morgan’s decision") $(has "$err" "Aled Jones")" "yes no"
expect_exit "could not agree: --json decide is refused too" 2 q --json decide "$conf" --child "$ffion"
check "could not agree: the refusals wrote nothing" "$(db_hash)" "$before"
q member-view "$conf" --child "$ffion" --attendee "$(attendee_of "$conf" "Megan Price")" --view no-plan \
  --reason "Ffion is thriving at nursery" >/dev/null
out=$(q --json decide "$conf" --child "$ffion")
check "could not agree: with her position recorded the dissent holds her, never him" \
  "$(jget "$out" '[d["basis"], [(x["group"], x["view"], x["representatives"], x["reason"]) for x in d["dissent"] if x["group"]=="Health"]]')" \
  '["split", [["Health", "no-plan", ["Megan Price"], "Ffion is thriving at nursery"]]]'
check "could not agree: conference show keeps each one's own position" \
  "$(jget "$(q --json conference show "$conf")" '[(m["name"], m["view"]) for m in d["member_views"]]')" \
  '[["Aled Jones", "plan"], ["Megan Price", "no-plan"]]'
text=$(txt "$conf")
check "could not agree: the text record names her dissent with her reason" \
  "$(has "$text" "Megan Price") $(has "$text" "Ffion is thriving at nursery")" "yes yes"
q export dissent "$conf" --format csv -o "$out_dir/megan.csv" >/dev/null
# The group settled on the outcome's view: its row does not dissent; her own position does.
check "could not agree: the CSV's Health row gives her dissenting own position with her reason, his not dissenting" \
  "$(python3 -c 'import csv,json,sys
rows=[r for r in csv.DictReader(open(sys.argv[1], encoding="utf-8")) if r["group"]=="Health"]
print([(r["dissent"], [(p["name"], p["dissent"], p["reason"]) for p in json.loads(r["representative_positions"])]) for r in rows])' "$out_dir/megan.csv")" \
  "[('no', [('Aled Jones', False, 'Ffion has missed her immunisations'), ('Megan Price', True, 'Ffion is thriving at nursery')])]"
q export dissent "$conf" --format json -o "$out_dir/megan.json" >/dev/null
check "could not agree: the JSON export's Health dissent names her with her reason" \
  "$(jget "$(cat "$out_dir/megan.json")" '[(x["representatives"], x["reason"]) for dec in d["decisions"] for x in dec["dissent"] if x["group"]=="Health"]')" \
  '[[["Megan Price"], "Ffion is thriving at nursery"]]'
if [ "$have_pdf" = yes ]; then
  pdf=$(pdf_text "$conf" megan)
  check "could not agree: the PDF names her dissent with her reason" \
    "$(has "$pdf" "Megan Price") $(has "$pdf" "Ffion is thriving at nursery")" "yes yes"
else
  skip "could not agree: the PDF names her dissent with her reason" "pdftotext is not installed"
fi

# The group settled on the outcome's view, and one representative's own position differs: the
# JSON says which dissent is the group's (group_dissents), beside the keys it always had.
conf=$(four_groups)
amy=$(child_of "$conf")
q attendee add "$conf" --name "H. Two" --agency "Bolton NHS FT" --line-management "NHS" >/dev/null
one=$(attendee_of "$conf" "H. Visitor")
two=$(attendee_of "$conf" "H. Two")
q consensus "$conf" --child "$amy" --agreed none --summary "No consensus" >/dev/null
q member-view "$conf" --child "$amy" --attendee "$one" --view plan --category neglect --reason "Weight has fallen" >/dev/null
q member-view "$conf" --child "$amy" --attendee "$two" --view no-plan --reason "Mother engages well" >/dev/null
q vote "$conf" --child "$amy" --group CSC --view plan --category neglect --reason "Neglect" >/dev/null
q vote "$conf" --child "$amy" --group School --view plan --category neglect --reason "Hungry" >/dev/null
q vote "$conf" --child "$amy" --group Police --view no-plan --reason "No offences" >/dev/null
q vote "$conf" --child "$amy" --group NHS --view plan --category neglect --reason "Settled on a plan" --members-disagreed >/dev/null
q decide "$conf" --child "$amy" >/dev/null
# The keys of each dissent, the values as they stand (`…_now`, `…_amendment`: jsonnow) among them.
check "own positions: conference show --json tells a group's dissent from a representative's own position" \
  "$(jget "$(q --json conference show "$conf")" '[(x["group"], x["view"], x["representatives"], x["group_dissents"], sorted(x)) for x in d["decisions"][0]["dissent"]]')" \
  '[["Police", "no-plan", ["A. Khan"], true, ["categories", "group", "group_dissents", "id", "reason", "reason_amendment", "reason_now", "representatives", "representatives_amendment", "representatives_now", "view"]], ["NHS", "no-plan", ["H. Two"], false, ["categories", "group", "group_dissents", "id", "reason", "reason_amendment", "reason_now", "representatives", "representatives_amendment", "representatives_now", "view"]]]'

# A representative's own reason is amended after sign-off as a group's is: `amend --record
# member_view:ID` (the id conference show gives), refused before sign-off, blank, for another
# field or an id not this conference's (exit 2, nothing written); the record keeps the original
# and shows the correction after it.
check "own positions: conference show gives each position's id" \
  "$(jget "$(q --json conference show "$conf")" '[(type(m["id"]).__name__, m["name"]) for m in d["member_views"]]')" \
  '[["int", "H. Visitor"], ["int", "H. Two"]]'
mv_two=$(jget "$(q --json conference show "$conf")" '[m["id"] for m in d["member_views"] if m["name"]=="H. Two"][0]')
before=$(db_hash)
expect_exit "amend own position: refused before sign-off (exit 2)" 2 \
  q amend "$conf" --reason "Cut short" --record "member_view:$mv_two" --field reason --value "Mother engages well with the HV"
check "amend own position: the refusal wrote nothing" "$(db_hash)" "$before"
q finalise "$conf" >/dev/null
# An own position recorded in another conference is not this one's to amend.
oconf=$(four_groups)
oamy=$(child_of "$oconf")
q attendee add "$oconf" --name "H. Two" --agency "Bolton NHS FT" --line-management "NHS" >/dev/null
q consensus "$oconf" --child "$oamy" --agreed none --summary "No consensus" >/dev/null
omv=$(jget "$(q --json member-view "$oconf" --child "$oamy" --attendee "$(attendee_of "$oconf" "H. Two")" --view no-plan --reason "Elsewhere")" 'd["id"]')
before=$(db_hash)
expect_exit "amend own position: a blank reason is refused (exit 2)" 2 \
  q amend "$conf" --reason "Cut short" --record "member_view:$mv_two" --field reason --value "   "
expect_exit "amend own position: an unknown id is refused (exit 2)" 2 \
  q amend "$conf" --reason "Cut short" --record "member_view:999999" --field reason --value "Words"
expect_exit "amend own position: another conference's is refused (exit 2)" 2 \
  q amend "$conf" --reason "Cut short" --record "member_view:$omv" --field reason --value "Words"
expect_exit "amend own position: the view itself is the decision's, refused (exit 2)" 2 \
  q amend "$conf" --reason "Cut short" --record "member_view:$mv_two" --field view --value plan
check "amend own position: the refusals wrote nothing" "$(db_hash)" "$before"
out=$(q --json amend "$conf" --reason "Her words were cut short" --record "member_view:$mv_two" --field reason \
        --value "Mother engages well with the health visitor")
check "amend own position: recorded" "$(jget "$out" 'type(d["id"]).__name__')" "int"
show=$(q --json conference show "$conf")
check "amend own position: JSON keeps the original and the amendment names it, old and new" \
  "$(jget "$show" '[[m["reason"] for m in d["member_views"] if m["id"]=='"$mv_two"'], [(a["record"], a["field"], a["old_value"], a["new_value"]) for a in d["amendments"]]]')" \
  '[["Mother engages well"], [["member_view:'"$mv_two"'", "reason", "Mother engages well", "Mother engages well with the health visitor"]]]'
check "amend own position: the change is said in words" "$(jget "$show" 'd["amendments"][0]["change"]')" \
  "Reason of the own position of H. Two (NHS), for Amy Jones: “Mother engages well” → “Mother engages well with the health visitor”"
text=$(txt "$conf")
check "amend own position: the text record gives the reason as it stands, then the amendment and the original, where it stood" \
  "$(printf '%s\n' "$text" | grep -A4 -F "H. Two (NHS): No plan" | sed -n '3,5p' | sed 's/ ([^)]*)//; s/^ *//')" \
  "Mother engages well with the health visitor
Amended after sign-off; the original:
Mother engages well"
check "amend own position: the appendix names it in words" \
  "$(has "$text" "Record:      Reason of the own position of H. Two (NHS), for Amy Jones")" "yes"
q export dissent "$conf" --format csv -o "$out_dir/own.csv" >/dev/null
check "amend own position: the CSV carries it on the NHS row only, the cells as they stand, the original in original_values" \
  "$(python3 -c 'import csv,json,sys
for r in csv.DictReader(open(sys.argv[1], encoding="utf-8")):
    a = json.loads(r["amendments"]) if r["amendments"] else []
    own = json.loads(r["representative_positions"]) if r["representative_positions"] else []
    orig = json.loads(r["original_values"]) if r["original_values"] else {}
    print(r["group"], [x["record"].split(":")[0] for x in a], [p["reason"] for p in own], "Mother engages well" in json.dumps(orig))' "$out_dir/own.csv")" \
  "CSC [] [] False
School [] [] False
Police [] [] False
NHS ['member_view'] ['Weight has fallen', 'Mother engages well with the health visitor'] True"
if [ "$have_pdf" = yes ]; then
  pdf=$(pdf_text "$conf" own)
  check "amend own position: the PDF record gives the reason as it stands and the amendment" \
    "$(has "$pdf" "Mother engages well with the health visitor") $(printf '%s' "$pdf" | grep -c "Amended after sign-off (amendment 1")" "yes 2"
else
  skip "amend own position: the PDF record gives the reason as it stands and the amendment" "no pdftotext"
fi

# refused_future NAME TODAY DATE CMD…: with today fixed at TODAY, CMD dated DATE exits 2, says
# "(DATE) is in the future (today is TODAY)" and writes nothing.
refused_future () {
  local name=$1 today=$2 date=$3 before err status
  shift 3
  before=$(db_hash)
  err=$(QUORUM_TODAY=$today "$@" 2>&1 >/dev/null); status=$?
  check "$name" "$status $(has "$err" "($date) is in the future (today is $today)") $([ "$(db_hash)" = "$before" ] && echo unchanged)" \
    "2 yes unchanged"
}

# ---- Finding 5: the challenge route (buckinghamshire), refused under bolton ----
bconf=$(four_groups)
bamy=$(child_of "$bconf")
q consensus "$bconf" --child "$bamy" --agreed none --summary "No consensus" >/dev/null
for g in CSC NHS School; do q vote "$bconf" --child "$bamy" --group "$g" --view plan --reason r >/dev/null; done
q vote "$bconf" --child "$bamy" --group Police --view no-plan --reason "No offences" >/dev/null
q decide "$bconf" --child "$bamy" >/dev/null
before=$(db_hash)
err=$(q challenge raise "$bconf" --child "$bamy" --agency "Greater Manchester Police" --designated-person "DI Grey" --date 2026-11-21 2>&1 >/dev/null); status=$?
check "finding 5: a Bolton conference refuses a Buckinghamshire challenge" "$status $(has "$err" "no challenge route")" "2 yes"
check "finding 5: the refusal wrote nothing" "$(db_hash)" "$before"

conf=$(four_groups buckinghamshire)
cara=$(child_of "$conf")
q consensus "$conf" --child "$cara" --agreed none --summary "No consensus" >/dev/null
q vote "$conf" --child "$cara" --group CSC --view plan --reason "Left alone at night" >/dev/null
for g in Police NHS School; do q vote "$conf" --child "$cara" --group "$g" --view no-plan >/dev/null; done
q decide "$conf" --child "$cara" --chair-view no-plan --reason "Three agencies see no risk that needs a plan" >/dev/null
q finalise "$conf" >/dev/null
expect_exit "finding 5: an agency that did not dissent cannot challenge" 2 \
  q challenge raise "$conf" --child "$cara" --agency "Greater Manchester Police" --designated-person "DI Grey" --date 2026-11-21
# The refusal names who dissented, so that the chair can name them as recorded.
err=$(q challenge raise "$conf" --child "$cara" --agency "Greater Manchester Police" --designated-person "DI Grey" --date 2026-11-21 2>&1 >/dev/null)
check "finding 5: the refusal names the agencies that dissented" \
  "$(has "$err" "only a dissenting agency challenges it. The agencies that dissented: CSC")" "yes"
expect_exit "finding 5: the Designated Person is required" 1 \
  q challenge raise "$conf" --child "$cara" --agency "Children's Social Care" --date 2026-11-21
out=$(q --json challenge raise "$conf" --child "$cara" --agency "Children's Social Care" --designated-person "J. Ops Manager" \
        --raised-by "S. Social" --concern "Cara is left alone at night" --date 2026-11-21)
ch=$(jget "$out" 'd["id"]')
refused_future "challenge: raised in the future refused" 2026-12-01 2027-03-01 \
  q challenge raise "$conf" --child "$cara" --agency "Children's Social Care" --designated-person "J. Ops Manager" --date 2027-03-01
refused_future "challenge: the Co-ordinator alerted in the future refused" 2026-11-21 2026-11-22 \
  q challenge alert "$ch" --coordinator "K. Coordinator" --date 2026-11-22
check "finding 5: raised against the named decision, the Co-ordinator due immediately" \
  "$(jget "$out" '[d["conference"], d["child"], d["status"], d["alert_due"], d["designated_person"]]')" \
  '['"$conf"', '"$cara"', "raised", "2026-11-21", "J. Ops Manager"]'
expect_exit "finding 5: the Co-ordinator decides only once alerted" 2 q challenge decide "$ch" --date 2026-11-22 --uphold
expect_exit "finding 5: a decision must say what was decided" 1 q challenge decide "$ch" --date 2026-11-22
out=$(q --json challenge alert "$ch" --coordinator "K. Coordinator" --date 2026-11-22)
check "finding 5: an alert the next day is marked late (the policy says immediately)" \
  "$(jget "$out" '[d["status"], d["alerted_on"], d["alert_late"]]')" '["with-coordinator", "2026-11-22", true]'
expect_exit "finding 5: upholding and an interim plan are alternatives" 2 \
  q challenge decide "$ch" --date 2026-11-22 --uphold --interim-plan
expect_exit "finding 5: a review brought forward needs a real date" 2 \
  q challenge decide "$ch" --date 2026-11-22 --review-forward 2026-02-30
refused_future "challenge: the Co-ordinator's decision in the future refused" 2026-11-22 2026-11-23 \
  q challenge decide "$ch" --date 2026-11-23 --uphold
out=$(q --json challenge decide "$ch" --date 2026-11-23 --interim-plan --review-forward 2026-12-01 --refer --reason "Risk at night")
check "finding 5: the Co-ordinator's decisions, in combination" \
  "$(jget "$out" '[d["status"], d["decisions"], d["interim_plan"]["start"], d["review_conference"]["date"], d["referral"]["notified"]]')" \
  '["decided", ["interim-plan", "review-forward", "refer"], "2026-11-23", "2026-12-01", "2026-11-23"]'
review=$(jget "$out" 'd["review_conference"]["id"]')
check "finding 5: the review conference is set for the date brought forward" \
  "$(jget "$(q --json conference show "$review")" '[d["kind"], d["date"], d["profile"], [c["name"] for c in d["children"]]]')" \
  '["review", "2026-12-01", "buckinghamshire", ["Amy Jones"]]'
check "finding 5: the referral is on the Head of Service's dashboard" \
  "$(jget "$(q --json referrals --as-of 2026-11-24)" "[(r['conference'], r['child']) for r in d if r['conference']==$conf]")" "[[$conf, $cara]]"
check "finding 5: the interim plan is the child's plan record" \
  "$(jget "$(q --json conference show "$conf")" '[(p["child"], p["start"]) for p in d["plans"]]')" "[[$cara, \"2026-11-23\"]]"
expect_exit "finding 5: the Co-ordinator decides once" 2 q challenge decide "$ch" --date 2026-11-24 --uphold
text=$(txt "$conf")
check "finding 5: the text record shows the route and what it did" \
  "$(has "$text" "Challenge by Children's Social Care, raised 21 November 2026") $(has "$text" "late: the policy says immediately") $(has "$text" "An immediate interim child protection plan")" "yes yes yes"
if [ "$have_pdf" = yes ]; then
  pdf=$(pdf_text "$conf" challenge)
  check "finding 5: the PDF (pdftotext) shows the challenge and the interim plan" \
    "$(has "$pdf" "Challenge by Children's Social Care") $(has "$pdf" "The Safeguarding Co-ordinator: an immediate interim plan")" "yes yes"
fi
# A conference is set up ahead, but its views and decisions are recorded on or after the day it sits.
ahead=$(QUORUM_TODAY=2026-12-01 q --json conference new --child "Ben Ahead" --kind review --date 2027-01-11 \
          --chair "R. Patel" --profile bolton)
ahead_id=$(jget "$ahead" 'd["id"]'); ahead_child=$(jget "$ahead" 'd["children"][0]["id"]')
QUORUM_TODAY=2026-12-01 q attendee add "$ahead_id" --name "S. Social" --agency "Children's Social Care" --line-management CSC >/dev/null
check "a conference set for a later day is created, with its attendees" "$(jget "$(q --json conference show "$ahead_id")" 'len(d["attendees"])')" "1"
refused_future_sitting () {
  local name=$1 before err status
  shift
  before=$(db_hash)
  err=$(QUORUM_TODAY=2026-12-01 "$@" 2>&1 >/dev/null); status=$?
  check "$name" "$status $(has "$err" "sits on 2027-01-11, in the future (today is 2026-12-01)") $([ "$(db_hash)" = "$before" ] && echo unchanged)" \
    "2 yes unchanged"
}
refused_future_sitting "a view before the conference sits is refused" \
  q vote "$ahead_id" --child "$ahead_child" --group CSC --view plan --reason "Too early"
refused_future_sitting "a consensus attempt before the conference sits is refused" \
  q consensus "$ahead_id" --child "$ahead_child" --agreed plan --category neglect --summary "Too early"
refused_future_sitting "a decision before the conference sits is refused" \
  q decide "$ahead_id" --child "$ahead_child" --chair-view plan
refused_future_sitting "proceeding though inquorate before the conference sits is refused" \
  q conference proceed "$ahead_id" --reason "Too early"
expect_exit "on the day it sits, its consensus attempt is recorded" 0 \
  env QUORUM_TODAY=2027-01-11 "$QUORUM_CLI" consensus "$ahead_id" --child "$ahead_child" --agreed none --summary "No consensus"
expect_exit "on the day it sits, its views are recorded" 0 \
  env QUORUM_TODAY=2027-01-11 "$QUORUM_CLI" vote "$ahead_id" --child "$ahead_child" --group CSC --view plan --reason "On the day"
check "finding 5: challenge show" "$(jget "$(q --json challenge show "$ch")" 'd["reasons"]')" "Risk at night"
expect_exit "finding 5: an unknown challenge" 2 q challenge show 999

# ---- Trial 2, defect 2: an attendance time later than now, on the day the conference sits ----
# At 04:22 on the day, "left 10:40" and "arrived 10:30" were accepted, and the record then said a
# decision at 04:23 was taken after they left and with someone who had not yet come.
conf=$(jget "$(QUORUM_TODAY=2026-12-02 q --json conference new --child "Cal Today" --kind initial --date 2026-12-02 \
                 --time 04:00 --chair "R. Patel")" 'd["id"]')
q attendee add "$conf" --name "Dr Ruth Ng" --agency "Spa Road Surgery" --line-management GP >/dev/null
ruth=$(attendee_of "$conf" "Dr Ruth Ng")
now () { env QUORUM_TODAY=2026-12-02 QUORUM_NOW=04:22 "$@"; }
before=$(db_hash)
err=$(now "$QUORUM_CLI" attendee leave "$conf" --attendee "$ruth" --time 10:40 2>&1 >/dev/null); status=$?
check "time: leaving later than now, on the day, is refused (exit 2)" "$status" "2"
check "time: the refusal says so" "$err" "quorum-cli: 10:40 is later than now (04:22): type the time they left"
err=$(now "$QUORUM_CLI" attendee add "$conf" --name "Ben Carter" --agency Probation --line-management Probation \
        --arrived 10:30 2>&1 >/dev/null); status=$?
check "time: an attendee added as arriving later than now is refused (exit 2)" "$status" "2"
check "time: its refusal says so" "$(has "$err" "10:30 is later than now (04:22): type the time they arrived")" "yes"
check "time: the refusals wrote nothing" "$(db_hash)" "$before"
expect_exit "time: a minute's slack for clocks" 0 now "$QUORUM_CLI" attendee leave "$conf" --attendee "$ruth" --time 04:23
out=$(now "$QUORUM_CLI" --json attendee add "$conf" --name "Ben Carter" --agency Probation --line-management Probation --arrived 04:20)
check "time: an arrival before now is taken" "$(jget "$out" 'd["id"] > 0')" "true"
q attendee add "$conf" --name "S. Social" --agency "Children's Social Care" --line-management CSC >/dev/null
before=$(db_hash)
expect_exit "time: arriving later than now is refused (attendee arrive)" 2 \
  now "$QUORUM_CLI" attendee arrive "$conf" --attendee "$(attendee_of "$conf" "S. Social")" --time 10:30
check "time: that refusal wrote nothing" "$(db_hash)" "$before"
# Minutes typed afterwards: a conference of an earlier day takes any time of that day.
conf=$(four_groups)
expect_exit "time: a conference of an earlier day takes any time" 0 \
  now "$QUORUM_CLI" attendee leave "$conf" --attendee "$(attendee_of "$conf" "T. Teacher")" --time 23:59

# ---- Trial 2, defect 1: a "Left" recorded by mistake is undone before sign-off ----
conf=$(jget "$(q --json conference new --child "Amy Jones" --child "Ben Jones" --kind initial --date 2026-11-20 \
                 --time 10:00 --chair "R. Patel")" 'd["id"]')
q attendee add "$conf" --name "S. Social" --agency "Children's Social Care" --line-management "CSC" >/dev/null
q attendee add "$conf" --name "A. Khan" --agency "Greater Manchester Police" --line-management "Police" >/dev/null
q attendee add "$conf" --name "H. Visitor" --agency "Bolton NHS FT" --line-management "NHS" >/dev/null
q attendee add "$conf" --name "T. Teacher" --agency "St Mary's Primary" --line-management "School" >/dev/null
amy=$(jget "$(q --json conference show "$conf")" 'd["children"][0]["id"]')
ben=$(jget "$(q --json conference show "$conf")" 'd["children"][1]["id"]')
khan=$(attendee_of "$conf" "A. Khan")
teacher=$(attendee_of "$conf" "T. Teacher")
# Amy decided with everyone in the room; then Police's "Left" by mistake, undone.
q consensus "$conf" --child "$amy" --agreed plan --category neglect --summary "All agree" >/dev/null
q decide "$conf" --child "$amy" >/dev/null
decided_before=$(jget "$(q --json conference show "$conf")" '[d["decisions"], [a["decisions"] for a in d["attendees"]]]')
out=$(q --json attendee leave "$conf" --attendee "$khan" --time 10:20)
check "return: the mis-click leaves Police without a view for Ben" "$(jget "$out" 'd["without_view"]')" "[$ben]"
out=$(q --json attendee return "$conf" --attendee "$khan")
check "return: the leave is undone, present again" "$(jget "$out" '[d["left_at"], d["present"]]')" '[null, true]'
check "return: the leave's row keeps its time and is withdrawn, by whom (schema 10; no 29:59)" \
  "$(db_sql "$QUORUM_DB" "SELECT at || '|' || CASE WHEN withdrawn_at IS NOT NULL THEN 1 ELSE 0 END || '|' || withdrawn_by FROM attendance_event WHERE attendee_id = $khan AND event = 'left'")" \
  "10:20|1|$(db_login)"
# The leave as the record words it ("left 10:20"): a bare 10:20 is also any time the run's own clock
# stamps on the record (a decision taken at 10:20 UTC).
check "return: the exports do not list the withdrawn leave" \
  "$(txt "$conf" | grep -c 'left 10:20')" "0"
check "return: Amy's decided record is unchanged (its own presence, kept)" \
  "$(jget "$(q --json conference show "$conf")" '[d["decisions"], [a["decisions"] for a in d["attendees"]]]')" "$decided_before"
q consensus "$conf" --child "$ben" --agreed none --summary "No consensus" >/dev/null
expect_exit "return: Police gives Ben's view again" 0 q vote "$conf" --child "$ben" --group Police --view plan --reason "Callouts"
before=$(db_hash)
expect_exit "return: someone who has not left has no leave to undo" 2 q attendee return "$conf" --attendee "$khan"
expect_exit "return: an unknown attendee" 2 q attendee return "$conf" --attendee 9999
check "return: the refusals wrote nothing" "$(db_hash)" "$before"
out=$(q --json attendee leave "$conf" --attendee "$khan" --time 11:00)
check "return: they may leave again, later" "$(jget "$out" '[d["left_at"], d["present"]]')" '["11:00", false]'
check "return: the new leave is a row of its own; the withdrawn one stays as it was" \
  "$(db_sql "$QUORUM_DB" "SELECT at || '|' || CASE WHEN withdrawn_at IS NULL THEN 1 ELSE 0 END FROM attendance_event WHERE attendee_id = $khan AND event = 'left' ORDER BY id" | tr '\n' ' ')" \
  "10:20|0 11:00|1 "
check "return: conference show names the real leave only" \
  "$(jget "$(q --json conference show "$conf")" "[a['left_at'] for a in d['attendees'] if a['id'] == $khan]")" '["11:00"]'
# A leave a decision was taken under stands: its record keeps when they had left.
q attendee leave "$conf" --attendee "$teacher" --time 11:05 >/dev/null
q vote "$conf" --child "$ben" --group CSC --view plan --reason "Neglect" >/dev/null
q vote "$conf" --child "$ben" --group NHS --view plan --reason "Growth" >/dev/null
q decide "$conf" --child "$ben" >/dev/null
before=$(db_hash)
err=$(q attendee return "$conf" --attendee "$teacher" 2>&1 >/dev/null); status=$?
check "return: a leave Ben's decision was taken under is not undone (exit 2)" "$status" "2"
check "return: the refusal says why" "$(has "$err" "T. Teacher had left (11:05) when Ben Jones’s decision was taken")" "yes"
check "return: that refusal wrote nothing" "$(db_hash)" "$before"
q finalise "$conf" >/dev/null
expect_exit "return: after sign-off a leave is not undone" 2 q attendee return "$conf" --attendee "$khan"

# ---- Schema 11: the chair's own reasons for a decision the chair makes (002 §4.1) ----
conf=$(four_groups buckinghamshire)
cara=$(child_of "$conf")
q consensus "$conf" --child "$cara" --agreed none --summary "No consensus" >/dev/null
q vote "$conf" --child "$cara" --group CSC --view plan --category neglect --reason "Left alone at night" >/dev/null
q vote "$conf" --child "$cara" --group Police --view no-plan --reason "No offences disclosed" >/dev/null
q vote "$conf" --child "$cara" --group NHS --view plan --category neglect --reason "Missed appointments" >/dev/null
q vote "$conf" --child "$cara" --group School --view no-plan --reason "Attendance has improved" >/dev/null
before=$(db_hash)
err=$(q decide "$conf" --child "$cara" --chair-view plan --category neglect 2>&1 >/dev/null); status=$?
check "chair's reasons: a chair's decision without them is refused (exit 2), saying what to give" \
  "$status $(has "$err" "the chair decides when there is no consensus, and the record says why: give the chair’s reasons for the decision for Amy Jones")" "2 yes"
check "chair's reasons: that refusal wrote nothing" "$(db_hash)" "$before"
err=$(q decide "$conf" --child "$cara" --chair-view plan --category neglect --reason "   " 2>&1 >/dev/null); status=$?
check "chair's reasons: only spaces are none (exit 2), nothing written" "$status $(db_hash)" "2 $before"
err=$(q decide "$conf" --child "$cara" --chair-view plan --category neglect --reason "One" --reason "Two" 2>&1 >/dev/null); status=$?
check "chair's reasons: --reason given twice is refused as any option is (exit 1), nothing written" \
  "$status $(has "$err" "--reason is given more than once") $(db_hash)" "1 yes $before"
reason="Neglect at night is unresolved; two agencies disagree, but only a plan lets the agencies see it is resolved"
out=$(q --json decide "$conf" --child "$cara" --chair-view plan --category neglect --reason "$reason"); status=$?
check "chair's reasons: with them, recorded; decide --json gains chair_reason, every other key kept" \
  "$status $(jget "$out" '[d["basis"], d["outcome"], d["chair_reason"], sorted(k for k in ("child","outcome","basis","tally","dissent","plan","referral") if k in d)]')" \
  "0 [\"chair\", \"plan\", \"$reason\", [\"basis\", \"child\", \"dissent\", \"outcome\", \"plan\", \"referral\", \"tally\"]]"
check "chair's reasons: conference show has them on the decision" \
  "$(jget "$(q --json conference show "$conf")" 'd["decisions"][0]["chair_reason"]')" "$reason"
text=$(txt "$conf")
check "chair's reasons: the text export says them under their heading" \
  "$(has "$text" "The chair’s reasons") $(has "$text" "$reason")" "yes yes"
q export dissent "$conf" --format csv -o "$out_dir/chair.csv" >/dev/null
check "chair's reasons: the CSV has them in chair_reason on each of the child's rows, before original_values and exported_by" \
  "$(python3 -c '
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
head = next(csv.reader(open(sys.argv[1], newline="")))
print(len(rows), len({r["chair_reason"] for r in rows}), rows[0]["chair_reason"][:19], head[head.index("chair_reason"):][:2] + head[-2:])
' "$out_dir/chair.csv")" "4 1 Neglect at night is ['chair_reason', 'original_values', 'exported_by', 'exported_at']"
q export dissent "$conf" --format json -o "$out_dir/chair.json" >/dev/null
check "chair's reasons: the JSON export has them (an added key)" \
  "$(jget "$(cat "$out_dir/chair.json")" 'd["decisions"][0]["chair_reason"]')" "$reason"
if [ "$have_pdf" = yes ]; then
  q export dissent "$conf" --format pdf -o "$out_dir/chair.pdf" >/dev/null
  check "chair's reasons: the PDF says them" \
    "$(pdftotext "$out_dir/chair.pdf" - | tr '\n' ' ' | grep -cF "only a plan lets the agencies see it is resolved")" "1"
fi
# After sign-off, amended as any reason is, the original kept beside it.
q finalise "$conf" >/dev/null
did=$(jget "$(q --json conference show "$conf")" 'd["decisions"][0]["id"]')
q amend "$conf" --reason "The chair's words were minuted incompletely" --record "decision:$did" --field reason \
  --value "$reason, and the school's improvement is too recent to rely on" >/dev/null; status=$?
text=$(txt "$conf")
check "chair's reasons: amended after sign-off; the export gives them as they stand and the original" \
  "$status $(has "$text" "too recent to rely on") $(has "$text" "Amended after sign-off")" "0 yes yes"
expect_exit "chair's reasons: never amended to nothing" 2 \
  q amend "$conf" --reason "x" --record "decision:$did" --field reason --value " "
# Under Bolton the groups decide: a chair's reasons there are refused, not silently dropped.
conf=$(four_groups bolton)
amy=$(child_of "$conf")
q consensus "$conf" --child "$amy" --agreed none --summary "No consensus" >/dev/null
for g in CSC Police NHS; do q vote "$conf" --child "$amy" --group "$g" --view plan --category neglect --reason "Neglect" >/dev/null; done
q vote "$conf" --child "$amy" --group School --view no-plan --reason "Improving" >/dev/null
before=$(db_hash)
err=$(q decide "$conf" --child "$amy" --reason "The chair agrees" 2>&1 >/dev/null); status=$?
check "chair's reasons: refused with a majority decision (exit 2), saying why, nothing written" \
  "$status $(has "$err" "not by the chair") $(db_hash)" "2 yes $before"
out=$(q --json decide "$conf" --child "$amy"); status=$?
check "chair's reasons: Bolton's decision as before, chair_reason null" "$status $(jget "$out" '[d["basis"], d["chair_reason"]]')" '0 ["majority", null]'
# Under chair-decides with no attempt yet, the refusal of a view says there is no vote.
conf=$(four_groups buckinghamshire)
cara=$(child_of "$conf")
err=$(q vote "$conf" --child "$cara" --group CSC --view plan --reason "Too soon" 2>&1 >/dev/null); status=$?
check "chair-decides: a view before any attempt is refused in the rule's words, not as a vote" \
  "$status $(has "$err" "The chair decides only when there is no consensus") $(has "$err" "The vote is a last resort")" "2 yes no"

# ---- Trial 7 D1: a changed view keeps none of the old view's reason (DOMAIN "Reaching a decision" 3:
# every dissent with its reasons, the group's reasons for the view it holds) ----
conf=$(four_groups)
ruby=$(child_of "$conf")
q consensus "$conf" --child "$ruby" --agreed none --summary "Views differ" >/dev/null
q vote "$conf" --child "$ruby" --group CSC --view plan --category neglect --reason "Neglect is long-standing" >/dev/null
q vote "$conf" --child "$ruby" --group NHS --view plan --reason "Growth has faltered" >/dev/null
q vote "$conf" --child "$ruby" --group School --view plan --reason "Often hungry" >/dev/null
q vote "$conf" --child "$ruby" --group Police --view plan --category neglect \
  --reason "Ruby disclosed to her nursery worker that daddy shouts at mummy." >/dev/null
out=$(q --json vote "$conf" --child "$ruby" --group Police --view no-plan); status=$?
check "view change: no-plan without --reason is recorded (exit 0)" "$status $(jget "$out" 'd["view"]')" "0 no-plan"
check "view change: the plan's reason is not the no-plan view's" \
  "$(jget "$(q --json conference show "$conf")" "[v['reason'] for v in d['votes'] if v['group']=='Police' and v['child']==$ruby]")" "[null]"
check "view change: the audit keeps the old view's reason, and says it was not carried" \
  "$(db_sql "$QUORUM_DB" "SELECT count(*) FROM audit WHERE entity = 'vote' AND data LIKE '%daddy shouts at mummy%'") $(db_sql "$QUORUM_DB" "SELECT count(*) FROM audit WHERE summary LIKE 'Police replaced its view%(was plan); its reason for the old view not carried over'")" "1 1"
before=$(db_hash)
err=$(q decide "$conf" --child "$ruby" 2>&1 >/dev/null); status=$?
check "view change: the decision refuses the dissent without its own reason (exit 2), naming Police" \
  "$status $(has "$err" "A dissenting view needs its reason: “Police”")" "2 yes"
check "view change: the refusal wrote nothing" "$(db_hash)" "$before"
q vote "$conf" --child "$ruby" --group Police --view no-plan --reason "DC Lowe: the family now accepts support" >/dev/null
out=$(q --json decide "$conf" --child "$ruby")
check "view change: the dissent is minuted with the no-plan view's own reason" \
  "$(jget "$out" '[(x["group"], x["view"], x["reason"]) for x in d["dissent"]]')" \
  '[["Police", "no-plan", "DC Lowe: the family now accepts support"]]'
# Declined -> Plan (trial 7, Ben Cole): the decline's reason does not become the plan's.
conf=$(four_groups)
ben=$(child_of "$conf")
q consensus "$conf" --child "$ben" --agreed none --summary "Views differ" >/dev/null
q vote "$conf" --child "$ben" --group CSC --view decline --reason "We have not met Ben yet and cannot give a view" >/dev/null
q vote "$conf" --child "$ben" --group CSC --view plan >/dev/null
check "view change: declined -> plan keeps no decline reason" \
  "$(jget "$(q --json conference show "$conf")" "[(v['view'], v['reason']) for v in d['votes'] if v['group']=='CSC']")" '[["plan", null]]'

out=$(q --json verify)
check "verify: intact after every scenario" "$(jget "$out" 'd["ok"]')" "true"
check "help lists the new commands" \
  "$(q --help | grep -cE 'attendee arrive|attendee leave|attendee return|member-view|challenge raise|challenge alert|challenge decide')" "7"

finish
