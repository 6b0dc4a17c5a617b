# SPDX-License-Identifier: GPL-3.0-or-later
# migrate-demo.sh: sourced by the migrate tests (after cli-lib.sh or with q and jget defined):
# migrate_demo builds, in $QUORUM_DB, a chair's database with a row in every table of records:
# split and majority decisions, a signed-off conference amended, the timeline, representatives'
# own positions, a superseded view, referrals sent, heard and corrected, a plan reviewed and
# ended by a later conference, a challenge with its interim plan, review conference and referral,
# notices, closure days, and professional differences escalated, flagged and resolved.

migrate_demo () {
  local conf amy ben teacher gp one two out ref plan later bconf cara ch diff diff2 note
  export QUORUM_TODAY=${QUORUM_TODAY:-2027-06-30}

  q workdays close 2026-12-29 --name "Offices closed" >/dev/null
  q workdays close 2026-12-30 --name "Offices closed" >/dev/null

  # A Bolton conference: two children, a split and a majority, the timeline, signed off, amended.
  conf=$(jget "$(q --json conference new --child "Amy Jones" --child "Ben Jones" --kind initial --date 2026-11-20 \
                   --time 10:00 --chair "R. Patel" --case-ref "CR-77")" 'd["id"]')
  q attendee add "$conf" --name "S. Social" --agency "Children's Social Care" --line-management "CSC" >/dev/null
  q attendee add "$conf" --name "A. Khan" --agency "Greater Manchester Police" --line-management "Police" --role DC >/dev/null
  q attendee add "$conf" --name "H. Visitor" --agency "Bolton NHS FT" --line-management "NHS" >/dev/null
  q attendee add "$conf" --name "H. Two" --agency "Bolton NHS FT" --line-management "NHS" >/dev/null
  q attendee add "$conf" --name "T. Teacher" --agency "St Mary's Primary" --line-management "School" >/dev/null
  q attendee add "$conf" --name "M. Jones" --agency "Family" --line-management "Family" --role Mother --non-voting >/dev/null
  q attendee add "$conf" --name "Dr Late" --agency "Spa Road Surgery" --line-management GP --arrived 11:05 >/dev/null
  show=$(q --json conference show "$conf")
  amy=$(jget "$show" 'd["children"][0]["id"]')
  ben=$(jget "$show" 'd["children"][1]["id"]')
  one=$(jget "$show" "[a['id'] for a in d['attendees'] if a['name']=='H. Visitor'][0]")
  two=$(jget "$show" "[a['id'] for a in d['attendees'] if a['name']=='H. Two'][0]")
  teacher=$(jget "$show" "[a['id'] for a in d['attendees'] if a['name']=='T. Teacher'][0]")
  q consensus "$conf" --child "$amy" --agreed none --summary "Views differ" >/dev/null
  q member-view "$conf" --child "$amy" --attendee "$one" --view plan --reason "Weight has fallen" >/dev/null
  q member-view "$conf" --child "$amy" --attendee "$two" --view no-plan --reason "Mother engages well" >/dev/null
  q vote "$conf" --child "$amy" --group CSC --view plan --category neglect --reason "Neglect is evident" >/dev/null
  q vote "$conf" --child "$amy" --group Police --view no-plan --reason "No offences disclosed" >/dev/null
  q vote "$conf" --child "$amy" --group School --view plan --category emotional --reason "Hungry at school" >/dev/null
  q vote "$conf" --child "$amy" --group NHS --view no-plan --reason "We could not agree" --members-disagreed >/dev/null
  q vote "$conf" --child "$amy" --group GP --view decline --reason "Not known to the practice" >/dev/null
  q decide "$conf" --child "$amy" >/dev/null
  q attendee leave "$conf" --attendee "$teacher" --time 11:40 >/dev/null
  # Ben: a view given, then superseded by a later round's consensus.
  q consensus "$conf" --child "$ben" --agreed none --summary "Round 1: no agreement" >/dev/null
  q vote "$conf" --child "$ben" --group Police --view no-plan --reason "Nothing known" >/dev/null
  q consensus "$conf" --child "$ben" --agreed plan --category neglect --summary "Round 2: all agreed a plan" >/dev/null
  q decide "$conf" --child "$ben" >/dev/null
  q finalise "$conf" >/dev/null
  vote=$(jget "$(q --json conference show "$conf")" "[v['id'] for v in d['votes'] if v['group']=='School'][0]")
  q amend "$conf" --reason "The school's reason was minuted wrongly" --record "vote:$vote" --field reason \
    --value "Often hungry at school" >/dev/null
  q amend "$conf" --reason "Venue omitted" --change "Held at Bolton Town Hall" >/dev/null

  # The referral's life: sent, heard, corrected; the plan reviewed and ended by a later conference.
  out=$(q --json conference show "$conf")
  ref=$(jget "$out" 'd["referrals"][0]["id"]')
  plan=$(jget "$out" "[p['id'] for p in d['plans'] if p['child']==$amy][0]")
  q referral notify "$ref" --date 2026-11-30 --by "R. Patel" --means email >/dev/null
  q referral panel "$ref" --date 2027-01-05 --outcome plan-confirmed >/dev/null
  q referral correct "$ref" --field notified --value 2026-11-26 --reason "Sent the day before, by email" >/dev/null
  later=$(jget "$(q --json conference new --child "Amy Jones" --kind review --date 2027-03-01 --chair "R. Patel")" 'd["id"]')
  q plan review "$plan" --date 2027-02-19 >/dev/null
  q plan end "$plan" --date 2027-03-01 --conference "$later" --reason "Risks reduced" >/dev/null

  # Buckinghamshire: a chair's decision challenged; an interim plan, a review brought forward, a referral.
  bconf=$(jget "$(q --json conference new --child "Cara Smith" --kind initial --date 2026-11-20 --time 10:00 \
                    --chair "J. Okafor" --profile buckinghamshire)" 'd["id"]')
  q attendee add "$bconf" --name "S. Social" --agency "Children's Social Care" --line-management "CSC" >/dev/null
  q attendee add "$bconf" --name "A. Khan" --agency "Greater Manchester Police" --line-management "Police" >/dev/null
  q attendee add "$bconf" --name "H. Visitor" --agency "Bolton NHS FT" --line-management "NHS" >/dev/null
  q attendee add "$bconf" --name "T. Teacher" --agency "St Mary's Primary" --line-management "School" >/dev/null
  cara=$(jget "$(q --json conference show "$bconf")" 'd["children"][0]["id"]')
  q consensus "$bconf" --child "$cara" --agreed none --summary "No consensus" >/dev/null
  q vote "$bconf" --child "$cara" --group CSC --view plan --reason "Left alone at night" >/dev/null
  for g in Police NHS School; do q vote "$bconf" --child "$cara" --group "$g" --view no-plan >/dev/null; done
  q decide "$bconf" --child "$cara" --chair-view no-plan --reason "The family support plan meets the need" >/dev/null
  q finalise "$bconf" >/dev/null
  ch=$(jget "$(q --json challenge raise "$bconf" --child "$cara" --agency "Children's Social Care" \
                 --designated-person "J. Ops Manager" --raised-by "S. Social" --concern "Left alone at night" \
                 --date 2026-11-21)" 'd["id"]')
  q challenge alert "$ch" --coordinator "K. Coordinator" --date 2026-11-22 >/dev/null
  q challenge decide "$ch" --date 2026-11-23 --interim-plan --review-forward 2026-12-01 --refer --reason "Risk at night" >/dev/null

  # Professional differences: one escalated, flagged and resolved with follow-up; one open.
  diff=$(jget "$(q --json difference raise --profile bradford --date 2026-11-02 --raised-by "H. Visitor" \
                   --agency "Bolton NHS FT" --against "Children's Social Care" --area thresholds \
                   --outcome-sought "A strategy discussion" --child "Amy Jones" --conference "$conf")" 'd["id"]')
  q difference record "$diff" --date 2026-11-03 --with "H. Visitor; S. Social" --summary "Discussed thresholds" >/dev/null
  q difference flag "$diff" --formal-challenge --date 2026-11-03 --detail "Reasons put in writing" >/dev/null
  q difference escalate "$diff" --date 2026-11-04 --reason "No agreement at practitioner level" >/dev/null
  q difference record "$diff" --date 2026-11-05 --with "Team managers" --summary "Agreed a strategy discussion" \
    --agreed "Strategy discussion on Friday" >/dev/null
  q difference resolve "$diff" --date 2026-11-06 --outcome "Strategy discussion held" --feedback-to "H. Visitor" \
    --feedback-date 2026-11-07 --debrief >/dev/null
  q notice give --difference "$diff" --kind decisions-shared --stage 1 --date 2026-11-02 --by "H. Visitor" --means email >/dev/null
  diff2=$(jget "$(q --json difference raise --profile six-stage --date 2026-11-10 --raised-by "T. Teacher" \
                    --agency "St Mary's Primary" --against "Police" --area communication \
                    --outcome-sought "Updates shared")" 'd["id"]')
  n=$(jget "$(q --json difference show "$diff2")" 'len(d["checklist"])')
  answers=$(python3 -c "import sys; print('|'.join('Answer %d' % i for i in range(int(sys.argv[1]))))" "$n")
  q difference record "$diff2" --date 2026-11-10 --with "T. Teacher; A. Khan" --summary "Call held" --checklist "$answers" >/dev/null
  echo "$conf $bconf $later"
}

# The tables of records that hold no row in $1 (a SQLite file), space-separated.
migrate_demo_empty_tables () {
  local t empty=""
  for t in conference child attendee attempt vote decision dissent plan referral amendment closure_day \
           difference difference_stage difference_note difference_answer conference_profile attendance_event \
           decision_presence member_view superseded_view challenge plan_event referral_correction notice \
           difference_event; do
    [ "$(sqlite3 "$1" "SELECT count(*) FROM $t")" -gt 0 ] || empty="$empty $t"
  done
  echo "${empty# }"
}

# normalise FILE [MAP]: a conference show / difference show with every row's own id dropped and
# every reference to another row put through MAP (the migrate JSON's "tables"), so that the
# source's record and the target's can be compared though their ids differ.
normalise () {
  python3 - "$1" "${2:-}" <<'EOF'
import json, re, sys
doc = json.load(open(sys.argv[1]))
maps = json.load(open(sys.argv[2]))["tables"] if sys.argv[2] else None
refs = {"conference": "conference", "child": "child", "attendee": "attendee", "vote": "vote",
        "ended_by_conference": "conference", "decision": "decision", "plan": "plan", "referral": "referral",
        "review_conference": "conference", "difference": "difference", "note": "difference_note"}
def m(table, v):
    return v if maps is None or v is None else maps[table]["ids"][str(v)]
def walk(x, parent=None):
    if isinstance(x, dict):
        out = {}
        for k, v in x.items():
            # who chairs it on a shared database (schema 13) is the server's, not the record's
            if k in ("id", "seal", "chaired_by", "chaired_by_name", "handovers"):
                continue
            if k in refs and parent != "tally" and isinstance(v, int) and not isinstance(v, bool):
                v = m(refs[k], v)
            elif k in ("record", "change") and isinstance(v, str) and maps is not None:
                v = re.sub(r"\b([a-z_]+):(\d+)", lambda g: "%s:%s" % (g[1], m(g[1], int(g[2]))), v)
            out[k] = walk(v, k)
        return out
    if isinstance(x, list):
        return [walk(v, parent) for v in x]
    return x
print(json.dumps(walk(doc), sort_keys=True, ensure_ascii=False))
EOF
}

# A conference on the laptop at $QUORUM_DB for child $1 on date $2: children's social care,
# police and health there, no consensus, the vote open. Prints its id and its child's.
migrate_vote_open () {
  local c k
  c=$(jget "$(q --json conference new --child "$1" --kind initial --date "$2" --chair "R. Patel")" 'd["id"]')
  for g in "Children's Social Care:CSC" "Police:Police" "Health:Health"; do
    q attendee add "$c" --name "Rep ${g%%:*}" --agency "${g%%:*}" --line-management "${g##*:}" >/dev/null
  done
  k=$(jget "$(q --json conference show "$c")" 'd["children"][0]["id"]')
  q consensus "$c" --child "$k" --agreed none --summary "No agreement" >/dev/null
  echo "$c $k"
}
