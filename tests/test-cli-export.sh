#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# test-cli-export.sh: `export dissent` end to end: a split vote recorded through quorum-cli and
# exported in every format, read back by pdftotext, python's csv and json modules.
. "$(dirname "$0")/cli-lib.sh"

out_dir="$work/out"
mkdir -p "$out_dir"

# -- a Bolton conference, split for Amy, with words in several scripts
conf=$(bolton_conference 2026-11-20)
show=$(q --json conference show "$conf")
amy=$(jget "$show" 'd["children"][0]["id"]')
ben=$(jget "$show" 'd["children"][1]["id"]')

q attendee add "$conf" --name "Siân Ŵyn" --agency "Youth Offending Service" --line-management "Youth Justice" >/dev/null

police_reason='No offences disclosed; the "incidents" are historic, and the family engages. 😟 Zgłoszenie zamknięte. 没有担忧.'
long_reason=$(python3 -c 'print(" ".join("Sentence %d of the health view, given in full." % i for i in range(1, 400)))')

q consensus "$conf" --child "$amy" --agreed none --summary "Views differ on the risk of neglect" >/dev/null
q vote "$conf" --child "$amy" --group "Children's Social Care" --view plan --category neglect --reason "Chronic neglect" >/dev/null
q vote "$conf" --child "$amy" --group "Education" --view plan --category emotional --reason "Attendance is falling" >/dev/null
q vote "$conf" --child "$amy" --group "Police" --view no-plan --reason "$police_reason" >/dev/null
q vote "$conf" --child "$amy" --group "Bolton NHS FT" --view no-plan --reason "$long_reason" >/dev/null
q vote "$conf" --child "$amy" --group "Probation" --view decline --reason "No contact with the family" >/dev/null
q vote "$conf" --child "$amy" --group "Youth Justice" --view decline --reason "Not known to the service" >/dev/null
q decide "$conf" --child "$amy" >/dev/null
q consensus "$conf" --child "$ben" --agreed no-plan --summary "All agree Ben's needs are met" >/dev/null
q decide "$conf" --child "$ben" >/dev/null

# -- JSON: the same document as conference show, and who exported it and when
q export dissent "$conf" --format json -o "$out_dir/record.json" >/dev/null
check "export json: exit 0 and a file" "$([ -s "$out_dir/record.json" ] && echo yes)" "yes"
same=$(python3 - "$out_dir/record.json" <<EOF
import json, subprocess, sys
shown = json.loads(subprocess.run(["$QUORUM_CLI", "--json", "conference", "show", "$conf"],
                                  capture_output=True, check=True).stdout)
exported = json.load(open(sys.argv[1], encoding="utf-8"))
assert "exported_by" not in shown and "exported_at" not in shown, "conference show has no export keys"
del exported["exported_by"], exported["exported_at"]
print("same" if shown == exported else "differ: %s" % sorted(k for k in set(shown) | set(exported) if shown.get(k) != exported.get(k)))
EOF
)
check "export json: equals conference show --json but for exported_by and exported_at" "$same" "same"
exported=$(python3 - "$out_dir/record.json" <<'EOF'
import datetime, json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
when = datetime.datetime.strptime(d["exported_at"], "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=datetime.timezone.utc)
recent = abs((datetime.datetime.now(datetime.timezone.utc) - when).total_seconds()) < 600
print("%s|%s" % (bool(d["exported_by"]), recent))
EOF
)
check "export json: exported_by and a recent UTC exported_at" "$exported" "True|True"
check "export json: dissent of the split" \
  "$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print([x["group"] for x in d["decisions"][0]["dissent"]])' "$out_dir/record.json")" \
  "['Police', 'Bolton NHS FT']"

# -- CSV: one row per group's view per child, RFC 4180
q export dissent "$conf" --format csv -o "$out_dir/record.csv" >/dev/null
rows=$(python3 - "$out_dir/record.csv" <<'EOF'
import csv, sys
raw = open(sys.argv[1], "rb").read()
assert raw.endswith(b"\r\n"), "CRLF line ends"
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f, strict=True))
print(len(rows))
for r in rows:
    print("|".join([r["child"], r["group"], r["view"], r["decision_basis"], r["dissent"], r["representatives"]]))
EOF
)
check "export csv: six group views for Amy, and Ben's row (decided by consensus, no view)" "$(printf '%s\n' "$rows" | head -n 1)" "7"
check "export csv: rows in order with their dissent" "$(printf '%s\n' "$rows" | tail -n +2)" \
"Amy Jones|Children's Social Care|plan|split|no|S. Social
Amy Jones|Education|plan|split|no|T. Teacher
Amy Jones|Police|no-plan|split|yes|A. Khan
Amy Jones|Bolton NHS FT|no-plan|split|yes|H. Visitor; H. Two
Amy Jones|Probation|decline|split|no|P. Officer
Amy Jones|Youth Justice|decline|split|no|Siân Ŵyn
Ben Jones|||consensus|no|"
check "export csv: exported_by and exported_at, last, the same on every row" \
  "$(python3 - "$out_dir/record.csv" <<'EOF'
import csv, datetime, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    reader = csv.reader(f, strict=True)
    header = next(reader)
    rows = list(reader)
cells = {(r[-2], r[-1]) for r in rows}
by, at = cells.pop() if len(cells) == 1 else ("", "")
datetime.datetime.strptime(at, "%Y-%m-%dT%H:%M:%S.%fZ")
print(header[-2:], len(cells), bool(by))
EOF
)" "['exported_by', 'exported_at'] 0 True"
check "export csv: a reason with quotes, emoji and scripts survives" \
  "$(python3 -c 'import csv,sys; print([r["reason"] for r in csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")) if r["group"]=="Police"][0])' "$out_dir/record.csv")" \
  "$police_reason"

# -- trial 6, A14: the split's referral to the Head of Service in the CSV, on the split child's rows
#    (Amy's), the same dates and lateness as the JSON export gives it; empty on Ben's (no referral).
#    Due within 5 working days of Friday 20 November 2026: Friday 27 November.
referral_csv () {
  python3 - "$1" "$2" <<'EOF'
import csv, json, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    header = next(csv.reader(f, strict=True))
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f, strict=True))
record = json.load(open(sys.argv[2], encoding="utf-8"))
names = ["id", "due", "due_working", "notified", "sent_late", "overdue", "panel_due", "panel_due_working",
         "panel_date", "heard_late", "outcome"]
cols = ["referral_" + n for n in names]
assert header[-2:] == ["exported_by", "exported_at"], header
assert header[header.index("original_values") + 1:-2] == cols, header
def word(v):
    return "" if v is None else ("yes" if v is True else "no" if v is False else str(v))
refs = {r["child"]: r for r in record["referrals"]}
for r in rows:
    ref = refs.get(int(r["child_id"]))
    want = [word(ref[n]) for n in names] if ref else [""] * len(names)
    got = [r[c] for c in cols]
    assert got == want, (r["child"], r["group"], got, want)
amy = [r for r in rows if r["child"] == "Amy Jones"]
print(len({tuple(r[c] for c in cols) for r in amy}), amy[0]["referral_due"], amy[0]["referral_notified"] or "-",
      amy[0]["referral_sent_late"], amy[0]["referral_overdue"], amy[0]["referral_panel_due"] or "-",
      amy[0]["referral_panel_due_working"] or "-",
      [r["referral_id"] for r in rows if r["child"] == "Ben Jones"])
EOF
}
referral_id=$(jget "$(q --json conference show "$conf")" '[r["id"] for r in d["referrals"] if r["child"]=='"$amy"'][0]')
overdue_now=$(python3 -c 'import datetime; print("yes" if datetime.date.today() > datetime.date(2026, 11, 27) else "no")')
q export dissent "$conf" --format csv -o "$out_dir/referral.csv" >/dev/null
q export dissent "$conf" --format json -o "$out_dir/referral.json" >/dev/null
check "export csv: the split's referral on each of Amy's rows (due 27 Nov, 5 working days), as the JSON says it; none on Ben's" \
  "$(referral_csv "$out_dir/referral.csv" "$out_dir/referral.json" 2>&1)" "1 2026-11-27 - no $overdue_now - - ['']"
q referral notify "$referral_id" --date 2026-11-30 >/dev/null 2>&1
panel_overdue=$(python3 -c 'import datetime; print("yes" if datetime.date.today() > datetime.date(2026, 12, 28) else "no")')
q export dissent "$conf" --format csv -o "$out_dir/referral-sent.csv" >/dev/null
q export dissent "$conf" --format json -o "$out_dir/referral-sent.json" >/dev/null
check "export csv: sent on Monday 30 November, after its due date: SENT LATE, the panel due 28 days on (a bank holiday: the working day before it, 24 December)" \
  "$(referral_csv "$out_dir/referral-sent.csv" "$out_dir/referral-sent.json" 2>&1)" "1 2026-11-27 2026-11-30 yes $panel_overdue 2026-12-28 2026-12-24 ['']"
q export dissent "$conf" --format txt -o "$out_dir/referral-sent.txt" >/dev/null
check "export txt: the same referral, due and sent late, in the record's words" \
  "$(grep -c -E -e "^Due by: +27 November 2026" -e "^Notified: +30 November 2026 \(SENT LATE" -e "^Panel due \(working day\): +24 December 2026" "$out_dir/referral-sent.txt")" "3"

# -- text
q export dissent "$conf" --format txt -o "$out_dir/record.txt" >/dev/null
check "export txt: the police reason in full" "$(grep -c -F "$police_reason" "$out_dir/record.txt")" "1"
check "export txt: the long reason in full" "$(grep -c -F "$long_reason" "$out_dir/record.txt")" "1"

# -- PDF: text that pdftotext extracts intact, DRAFT on every page until signed off
if command -v pdftotext >/dev/null && command -v pdfinfo >/dev/null; then
  q export dissent "$conf" --format pdf -o "$out_dir/draft.pdf" >/dev/null
  pages=$(pdfinfo "$out_dir/draft.pdf" | awk '/^Pages:/ { print $2 }')
  check "export pdf: more than one page" "$([ "$pages" -ge 2 ] && echo yes)" "yes"
  pdftotext -layout -enc UTF-8 "$out_dir/draft.pdf" "$out_dir/draft.txt"
  ok_pages=$(python3 - "$out_dir/draft.txt" "$pages" <<'EOF'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
n = int(sys.argv[2])
pages = text.split("\f")
good = sum(1 for i in range(n) if "DRAFT" in pages[i] and ("Page %d of %d" % (i + 1, n)) in pages[i])
print(good)
EOF
)
  check "export pdf: DRAFT and Page N of M on every page" "$ok_pages" "$pages"
  found=$(python3 - "$out_dir/draft.pdf" "$police_reason" "$long_reason" <<'EOF'
import re, subprocess, sys
raw = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", sys.argv[1], "-"], capture_output=True, check=True).stdout.decode()
# drop each page's header and footer, then compare with white space squashed
raw = re.sub(r"(?m)^\f?(Record of decision and dissent.*|.*Chair: R\. Patel.*|.*Page \d+ of \d+.*)$", "", raw)
squash = lambda s: re.sub(r"(?<=-)\s+", "", re.sub(r"\s+", " ", s)).strip()
text = squash(raw)
print(all(squash(s) in text for s in sys.argv[2:]))
EOF
)
  check "export pdf: the reasons in full, emoji and scripts intact" "$found" "True"

  q finalise "$conf" >/dev/null
  q export dissent "$conf" --format pdf -o "$out_dir/final.pdf" >/dev/null
  check "export pdf: no DRAFT once signed off" "$(pdftotext "$out_dir/final.pdf" - | grep -c DRAFT)" "0"
  if command -v pdftoppm >/dev/null; then
    pdftoppm -png -r 60 -f 1 -l 1 "$out_dir/final.pdf" "$out_dir/page"
    check "export pdf: renders" "$(ls "$out_dir"/page*.png >/dev/null 2>&1 && echo yes)" "yes"
  fi
else
  echo "# poppler-utils not installed: PDF checks skipped"
fi

# -- trial 6, A14: an amendment in words about one child is on that child's rows only, not on
#    its siblings'; one of the whole conference on every row. Commas, quotes and new lines in the
#    words (and in a reason corrected) still parse whole with python's csv module.
[ "$(jget "$(q --json conference show "$conf")" 'd["finalised_at"] is not None')" = "true" ] || q finalise "$conf" >/dev/null
police_vote=$(jget "$(q --json conference show "$conf")" '[v["id"] for v in d["votes"] if v["group"]=="Police" and v["child"]=='"$amy"'][0]')
other=$(bolton_conference 2026-10-05)
other_child=$(jget "$(q --json conference show "$other")" 'd["children"][0]["id"]')
before=$(db_hash)
expect_exit "amend --child: with --record refused (2)" 2 \
  q amend "$conf" --reason "Minutes" --change "Words" --child "$amy" --record "vote:$police_vote" --field reason --value "New"
expect_exit "amend --child: a child of no conference refused (2)" 2 q amend "$conf" --reason "Minutes" --change "Words" --child 999999
expect_exit "amend --child: not an id refused (2)" 2 q amend "$conf" --reason "Minutes" --change "Words" --child amy
expect_exit "amend --child: another conference's child refused (2)" 2 \
  q amend "$conf" --reason "Minutes" --change "Words" --child "$other_child"
check "amend --child: the refusals wrote nothing" "$(db_hash)" "$before"
about_change=$'Amy\'s plan: "neglect" only, not emotional,\nas the minutes record it'
about_id=$(jget "$(q --json amend "$conf" --reason $'Typing error, found at\nthe review' --change "$about_change" --child "$amy")" 'd["id"]')
whole_id=$(jget "$(q --json amend "$conf" --reason "Venue misnamed" --change "Held at Bolton Town Hall, Room 2, not Room 3")" 'd["id"]')
police_fixed=$'No offences disclosed; the "incidents" are historic,\nand the family engages.'
q amend "$conf" --reason "Cut short" --record "vote:$police_vote" --field reason --value "$police_fixed" >/dev/null
check "amend --child: JSON keeps it as record child:ID with no field; the whole conference's names none" \
  "$(jget "$(q --json conference show "$conf")" '[(a["record"], a["field"]) for a in d["amendments"] if a["id"] in ('"$about_id,$whole_id"')]')" \
  "[[\"child:$amy\", null], [null, null]]"
q export dissent "$conf" --format csv -o "$out_dir/amended.csv" >/dev/null
check "export csv: the amendment about Amy on her rows only, the whole conference's on every row, the vote's on its own" \
  "$(python3 - "$out_dir/amended.csv" "$about_change" "$police_fixed" 2>&1 <<'EOF'
import csv, json, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f, strict=True))
for r in rows:
    a = json.loads(r["amendments"]) if r["amendments"] else []
    assert all(x["change"] == sys.argv[2] for x in a if x["record"] and x["record"].startswith("child:")), a
    print(r["child"], r["group"] or "-", [x["record"] or "conference" for x in a],
          r["reason"] == sys.argv[3] if r["group"] == "Police" else "-")
EOF
)" "Amy Jones Children's Social Care ['child:$amy', 'conference'] -
Amy Jones Education ['child:$amy', 'conference'] -
Amy Jones Police ['child:$amy', 'conference', 'vote:$police_vote'] True
Amy Jones Bolton NHS FT ['child:$amy', 'conference'] -
Amy Jones Probation ['child:$amy', 'conference'] -
Amy Jones Youth Justice ['child:$amy', 'conference'] -
Ben Jones - ['conference'] -"
q export dissent "$conf" --format txt -o "$out_dir/amended.txt" >/dev/null
check "export txt: the amendment in words says whom it is about" "$(grep -c -E "^About: +Amy Jones$" "$out_dir/amended.txt")" "1"

# -- a date range into a folder, with progress on stderr
conf2=$(bolton_conference 2026-11-25)
conf3=$(bolton_conference 2026-12-10)
err=$(q export dissent --from 2026-11-01 --to 2026-11-30 --format csv -o "$out_dir/range" 2>&1 >/dev/null)
check "export range: one file per conference, named by id and date" "$(ls "$out_dir/range" | sort)" \
"conference-$conf-2026-11-20.csv
conference-$conf2-2026-11-25.csv"
check "export range: progress on stderr" "$(printf '%s\n' "$err" | head -n 1)" "1/2 conference-$conf-2026-11-20.csv"

# -- cliasof 2: a batch goes to a folder, never to a name that says a file, and never over records
# already there unless --force says so (exit 2, nothing written)
range () { q export dissent --from 2026-11-01 --to 2026-11-30 --format json "$@"; }
expect_exit "export range: -o one.json refused (2)" 2 range -o "$out_dir/one.json"
check "export range: no folder one.json made" "$(ls -d "$out_dir/one.json" 2>/dev/null | wc -l)" "0"
err=$(range -o "$out_dir/one.json" 2>&1 >/dev/null)
printf '%s\n' "$err" | grep -q "folder" && ok "export range: the refusal says a range goes to a folder" ||
  { not_ok "export range: the refusal's words"; printf '%s\n' "$err"; }
printf 'minutes\n' >"$out_dir/minutes.json"
expect_exit "export range: -o an existing file refused (2)" 2 range -o "$out_dir/minutes.json"
check "export range: the existing file untouched" "$(cat "$out_dir/minutes.json")" "minutes"
mkdir "$out_dir/made.json"
expect_exit "export range: a folder already made with a dotted name is a folder (0)" 0 range -o "$out_dir/made.json"
check "export range: written into it" "$(ls "$out_dir/made.json" | wc -l)" "2"
expect_exit "export range: a folder named for a date (2026.11) (0)" 0 range -o "$out_dir/2026.11"
# A second run into the same folder: refused, the records there as they were, unless --force.
printf 'kept\n' >"$out_dir/2026.11/conference-$conf-2026-11-20.json"
expect_exit "export range: again into the same folder refused (2)" 2 range -o "$out_dir/2026.11"
err=$(range -o "$out_dir/2026.11" 2>&1 >/dev/null)
printf '%s\n' "$err" | grep -q -- "--force" && printf '%s\n' "$err" | grep -q "conference-$conf-2026-11-20.json" &&
  ok "export range: the refusal names the records there and --force" || { not_ok "export range: refusal words"; printf '%s\n' "$err"; }
check "export range: nothing replaced" "$(cat "$out_dir/2026.11/conference-$conf-2026-11-20.json")" "kept"
expect_exit "export range: --force replaces them (0)" 0 range -o "$out_dir/2026.11" --force
check "export range: replaced with the record" \
  "$(jget "$(cat "$out_dir/2026.11/conference-$conf-2026-11-20.json")" 'd["id"]' 2>/dev/null)" "$conf"
check "export range: the replaced record 0600" "$(stat -c %a "$out_dir/2026.11/conference-$conf-2026-11-20.json")" "600"

# -- a chair-decides conference (002 §4.1): no vote, so no "Tally" beside the chair's decision,
#    but the groups' views before the chair decided (defect 9 of trial 4)
bconf=$(jget "$(q --json conference new --child "Ellie Morgan" --kind initial --date 2026-11-20 \
                  --chair "R. Patel" --profile buckinghamshire)" 'd["id"]')
q attendee add "$bconf" --name "S. Social" --agency "Children's Social Care" --line-management CSC >/dev/null
q attendee add "$bconf" --name "A. Khan" --agency "Police" --line-management Police >/dev/null
q attendee add "$bconf" --name "H. Visitor" --agency "NHS" --line-management NHS >/dev/null
q attendee add "$bconf" --name "T. Teacher" --agency "School" --line-management School >/dev/null
bkid=$(jget "$(q --json conference show "$bconf")" 'd["children"][0]["id"]')
q consensus "$bconf" --child "$bkid" --agreed none --summary "No consensus" >/dev/null
q vote "$bconf" --child "$bkid" --group CSC --view plan --category emotional >/dev/null
q vote "$bconf" --child "$bkid" --group Police --view no-plan --reason "No evidence of harm" >/dev/null
q vote "$bconf" --child "$bkid" --group NHS --view plan --category emotional >/dev/null
q vote "$bconf" --child "$bkid" --group School --view no-plan --reason "Attending and settled" >/dev/null
q decide "$bconf" --child "$bkid" --chair-view plan --category emotional --reason "Emotional harm from the conflict at home is ongoing" >/dev/null
q export dissent "$bconf" --format text -o "$out_dir/bucks.txt" >/dev/null
grep -q "Views before the chair decided" "$out_dir/bucks.txt" &&
  ok "export chair-decides: the groups' views before the chair decided" ||
  { not_ok "export chair-decides: views"; grep -n -i "tally\|views" "$out_dir/bucks.txt"; }
grep -q "Tally" "$out_dir/bucks.txt" && { not_ok "export chair-decides: no tally"; grep -n "Tally" "$out_dir/bucks.txt"; } ||
  ok "export chair-decides: no tally beside the chair's decision"

# -- refusals and their exit statuses
expect_exit "export: unknown conference (2)" 2 q export dissent 999999 --format pdf -o "$out_dir/x.pdf"
expect_exit "export: bad --format (2)" 2 q export dissent "$conf" --format docx -o "$out_dir/x.docx"
expect_exit "export: missing -o (1)" 1 q export dissent "$conf" --format pdf
expect_exit "export: missing --format (1)" 1 q export dissent "$conf" -o "$out_dir/x.pdf"
expect_exit "export: unwritable file (3)" 3 q export dissent "$conf" --format pdf -o "$out_dir/no/such/dir/x.pdf"
check "export: nothing left behind by the refusals" "$(ls "$out_dir" | grep -c '^x\.')" "0"

# -- who exported it, with no --as (trial 6, A19): the name the app keeps for this account, as
#    the app names it; --as and $QUORUM_USER before it; the login only with none anywhere. The
#    app's settings are read where the app keeps them (here a keyfile, as GSettings keeps them
#    without dconf), not written.
settings_home="$work/settings-home"
mkdir -p "$settings_home"
kept_env=(env -u QUORUM_USER GSETTINGS_BACKEND=keyfile XDG_CONFIG_HOME="$settings_home")
"${kept_env[@]}" gsettings set io.github.quorum_app.quorum chair-name "Dev Mistry"
check "export by: the app's kept name is set in the keyfile" \
  "$("${kept_env[@]}" gsettings get io.github.quorum_app.quorum chair-name)" "'Dev Mistry'"
by_kept=$("${kept_env[@]}" "$QUORUM_CLI" export dissent "$conf" --format txt -o - | grep -c "^Exported .* by Dev Mistry\b")
check "export by: without --as, the text says the app's kept name, not the login" "$by_kept" "1"
by_as=$("${kept_env[@]}" "$QUORUM_CLI" --as "Priya Shah" export dissent "$conf" --format csv -o - |
  python3 -c 'import csv,sys; print({r["exported_by"] for r in csv.DictReader(sys.stdin)})')
check "export by: --as before the kept name" "$by_as" "{'Priya Shah'}"
by_env=$(QUORUM_USER="Sam Minutes" GSETTINGS_BACKEND=keyfile XDG_CONFIG_HOME="$settings_home" \
  "$QUORUM_CLI" export dissent "$conf" --format json -o - | python3 -c 'import json,sys; print(json.load(sys.stdin)["exported_by"])')
check "export by: \$QUORUM_USER before the kept name" "$by_env" "Sam Minutes"
"${kept_env[@]}" gsettings reset io.github.quorum_app.quorum chair-name
by_login=$("${kept_env[@]}" "$QUORUM_CLI" export dissent "$conf" --format json -o - | python3 -c 'import json,sys; print(json.load(sys.stdin)["exported_by"])')
if is_pg; then
  check "export by: no name anywhere, the database's user" "$by_login" "$(pg_psql "$QUORUM_DB" -tA -c 'SELECT session_user')"
else
  check "export by: no name anywhere, the login" "$by_login" "$(id -un)"
fi

# -- amended after sign-off (trial 7, D3): the JSON gives each amended value as it stands beside
#    the value signed off, as "categories_now" does: "reason" keeps the words signed off, and
#    "reason_now" the amended words, in the decision's dissent and in the view, as the CSV's
#    "reason" and the PDF give them; names, an attempt's words and the conference's details too.
aconf=$(bolton_conference 2026-11-20)
ashow=$(q --json conference show "$aconf")
aamy=$(jget "$ashow" 'd["children"][0]["id"]')
khan=$(jget "$ashow" '[a["id"] for a in d["attendees"] if a["name"] == "A. Khan"][0]')
q consensus "$aconf" --child "$aamy" --agreed none --summary "Views differ" >/dev/null
q vote "$aconf" --child "$aamy" --group "Children's Social Care" --view plan --category neglect --reason "Neglect" >/dev/null
q vote "$aconf" --child "$aamy" --group "Education" --view plan --category neglect --reason "Attendance" >/dev/null
q vote "$aconf" --child "$aamy" --group "Police" --view no-plan --reason "Signed-off words of the police" >/dev/null
q vote "$aconf" --child "$aamy" --group "Bolton NHS FT" --view no-plan --reason "Health is content" >/dev/null
q vote "$aconf" --child "$aamy" --group "Probation" --view decline --reason "Not known" >/dev/null
q decide "$aconf" --child "$aamy" >/dev/null
aben=$(jget "$ashow" 'd["children"][1]["id"]')
q consensus "$aconf" --child "$aben" --agreed no-plan --summary "All agree" >/dev/null
q decide "$aconf" --child "$aben" >/dev/null
q finalise "$aconf" >/dev/null
ashow=$(q --json conference show "$aconf")
adissent=$(jget "$ashow" '[x["id"] for x in d["decisions"][0]["dissent"] if x["group"] == "Police"][0]')
aattempt=$(jget "$ashow" 'd["attempts"][0]["id"]')
q amend "$aconf" --reason "Minuted wrongly" --record "dissent:$adissent" --field reason --value "Amended words of the police" >/dev/null
q amend "$aconf" --reason "Misspelt" --record "attendee:$khan" --field name --value "A. Khan-Lowe" >/dev/null
q amend "$aconf" --reason "Cut short" --record "attempt:$aattempt" --field summary --value "Views differ on neglect" >/dev/null
q amend "$aconf" --reason "Omitted" --record "conference:$aconf" --field venue --value "Bolton Town Hall" >/dev/null
q export dissent "$aconf" --format json -o "$out_dir/amended.json" >/dev/null
q --json conference show "$aconf" >"$out_dir/amended-show.json"
for doc in amended.json amended-show.json; do
  now=$(python3 - "$out_dir/$doc" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
police = [x for x in d["decisions"][0]["dissent"] if x["group"] == "Police"][0]
health = [x for x in d["decisions"][0]["dissent"] if x["group"] == "Bolton NHS FT"][0]
vote = [v for v in d["votes"] if v["group"] == "Police"][0]
khan = [a for a in d["attendees"] if a["name"] == "A. Khan"][0]
print(police["reason"], police["reason_now"], police["reason_amendment"], sep="|")
print(vote["reason"], vote["reason_now"], vote["reason_amendment"], sep="|")
print(health["reason"] == health["reason_now"], health["reason_amendment"], sep="|")
print(police["representatives"], police["representatives_now"], police["representatives_amendment"], sep="|")
print(vote["representatives_now"], khan["name_now"], khan["name_amendment"], sep="|")
print(d["attempts"][0]["summary"], d["attempts"][0]["summary_now"], d["attempts"][0]["summary_amendment"], sep="|")
print(d["venue"], d["venue_now"], d["venue_amendment"], d["chair_now"], d["chair_amendment"], sep="|")
print(d["decisions"][0]["chair_reason_now"], d["decisions"][0]["chair_reason_amendment"], sep="|")
EOF
)
  check "amended json ($doc): each amended value as signed off and as it stands" "$now" \
"Signed-off words of the police|Amended words of the police|1
Signed-off words of the police|Amended words of the police|1
True|0
['A. Khan']|['A. Khan-Lowe']|2
['A. Khan-Lowe']|A. Khan-Lowe|2
Views differ|Views differ on neglect|3
None|Bolton Town Hall|4|R. Patel|0
None|0"
done
check "amended json: the CSV's reason of the police row is reason_now" \
  "$(q export dissent "$aconf" --format csv -o - | python3 -c 'import csv,sys; print([r["reason"] for r in csv.DictReader(sys.stdin) if r["group"] == "Police"])')" \
  "['Amended words of the police']"
# trial 8, D3: the dissent's amendment (1) on the police row of Amy only: not on Amy's other
# groups' rows nor on any of Ben's (a minute-taker filtering the amended rows finds that one).
check "amended csv: a dissent's amendment on its own group's row for its child only" \
  "$(q export dissent "$aconf" --format csv -o - | python3 -c '
import csv, json, sys
for r in csv.DictReader(sys.stdin):
    records = [a["record"] for a in json.loads(r["amendments"])] if r["amendments"] else []
    if any(x.startswith("dissent:") for x in records):
        print(r["child"], r["group"])')" \
  "Amy Jones Police"

# -- fidel5: a correction of a dissent's representatives ("dissent:ID" "representatives") is
#    given as it stands in every format, as the JSON's representatives_now already gave it: the
#    record's "Representatives:" line noted as an amended detail, each name as it stands (A. Khan's
#    amended name, 2, above), the CSV's dissenting row, the names as signed off in original_values.
q amend "$aconf" --reason "Two officers attended" --record "dissent:$adissent" --field representatives \
  --value "A. Khan"$'\n'"J. Lowe" >/dev/null
check "amended representatives: json representatives_now as corrected, each name as it stands" \
  "$(q export dissent "$aconf" --format json -o - | python3 -c '
import json, sys
d = json.load(sys.stdin)
p = [x for x in d["decisions"][0]["dissent"] if x["group"] == "Police"][0]
print(p["representatives"], p["representatives_now"], p["representatives_amendment"], sep="|")')" \
  "['A. Khan']|['A. Khan-Lowe', 'J. Lowe']|5"
# White space (a wrapped line) dropped from both sides: the words, not the layout, are asserted.
has_words () { python3 -c '
import re, sys
text = re.sub(r"\s+", "", open(sys.argv[1], encoding="utf-8").read())
print(all(re.sub(r"\s+", "", w) in text for w in sys.argv[2:]))' "$@"; }
amended_line="Representatives: A. Khan-Lowe (name amended after sign-off, amendment 2), J. Lowe (amended after sign-off, amendment 5)"
q export dissent "$aconf" --format txt -o "$out_dir/amended.txt" >/dev/null
check "amended representatives: the text record's Representatives line as corrected" \
  "$(has_words "$out_dir/amended.txt" "$amended_line")" "True"
if command -v pdftotext >/dev/null; then
  q export dissent "$aconf" --format pdf -o "$out_dir/amended.pdf" >/dev/null
  pdftotext -raw -enc UTF-8 "$out_dir/amended.pdf" "$out_dir/amended-pdf.txt"
  check "amended representatives: the PDF's Representatives line as corrected (pdftotext)" \
    "$(has_words "$out_dir/amended-pdf.txt" "$amended_line")" "True"
fi
check "amended representatives: the CSV's Police row as corrected, the names signed off in original_values" \
  "$(q export dissent "$aconf" --format csv -o - | python3 -c '
import csv, json, sys
for r in csv.DictReader(sys.stdin):
    originals = json.loads(r["original_values"]) if r["original_values"] else {}
    if r["group"] in ("Police", "Bolton NHS FT"):
        print(r["group"], r["representatives"], originals.get("representatives"), sep="|")')" \
  "Police|A. Khan-Lowe; J. Lowe|A. Khan
Bolton NHS FT|H. Visitor; H. Two|None"

# -- fidel5, trial 7 A5: a dissenting group's view and its dissent hold one spoken reason: a
#    correction of either is the reason of both. The view's reason corrected after the dissent's
#    (amendment 1) replaces amendment 1's words (old_value), and the dissent's then corrected to
#    the words as they stand is refused as changing nothing; every format gives the latest words
#    for the view and for the dissent alike ("reason" stays the words signed off: CLI.md).
apolice_vote=$(jget "$ashow" '[v["id"] for v in d["votes"] if v["group"] == "Police"][0]')
q amend "$aconf" --reason "Minuted wrongly again" --record "vote:$apolice_vote" --field reason \
  --value "The police's words as they were said" >/dev/null
check "shared reason: the view's correction replaces the dissent's words (old_value)" \
  "$(jget "$(q --json conference show "$aconf")" 'd["amendments"][-1]["old_value"]')" "Amended words of the police"
before=$(db_hash)
expect_exit "shared reason: the dissent's reason corrected to the words as they stand: refused (2)" 2 \
  q amend "$aconf" --reason "Again" --record "dissent:$adissent" --field reason --value "The police's words as they were said"
check "shared reason: nothing written" "$(db_hash)" "$before"
check "shared reason: json reason_now of the dissent and of the view alike" \
  "$(q export dissent "$aconf" --format json -o - | python3 -c '
import json, sys
d = json.load(sys.stdin)
p = [x for x in d["decisions"][0]["dissent"] if x["group"] == "Police"][0]
v = [x for x in d["votes"] if x["group"] == "Police"][0]
print(p["reason_now"], p["reason_amendment"], v["reason_now"], v["reason_amendment"], v["reason"], sep="|")')" \
  "The police's words as they were said|6|The police's words as they were said|6|Signed-off words of the police"
check "shared reason: the CSV's Police reason" \
  "$(q export dissent "$aconf" --format csv -o - | python3 -c 'import csv,sys; print(*[r["reason"] for r in csv.DictReader(sys.stdin) if r["group"] == "Police"])')" \
  "The police's words as they were said"
q export dissent "$aconf" --format txt -o "$out_dir/amended.txt" >/dev/null
chain=$(python3 - "$out_dir/amended.txt" <<'EOF'
import re, sys
text = re.sub(r"\s+", " ", open(sys.argv[1], encoding="utf-8").read())
dissent = text[text.index("Police: No plan"):]
words = ["The police's words as they were said", "it replaced amendment 1’s wording", "Amended words of the police",
         "the original", "Signed-off words of the police"]
at = [dissent.find(w) for w in words]
print(all(a >= 0 for a in at) and at == sorted(at))
EOF
)
check "shared reason: the text record's dissent gives the latest words, then the chain back to the original" "$chain" "True"
check "shared reason: the appendix names the view's correction as the dissenting view's reason" \
  "$(has_words "$out_dir/amended.txt" "Reason of the dissenting view of Police, for Amy Jones")" "True"

# -- fidel5: a referral's "chair" is the name signed off; "chair_now" the chair as it stands
#    after an amendment of the conference's chair, as the conference's own "chair_now" gives it,
#    on the record's referrals and on the decision's referral, in the export and in conference show.
q amend "$aconf" --reason "Misspelt" --record "conference:$aconf" --field chair --value "R. Patel-Shah" >/dev/null
for doc in export show; do
  if [ "$doc" = export ]; then json=$(q export dissent "$aconf" --format json -o -); else json=$(q --json conference show "$aconf"); fi
  check "referral chair_now ($doc): as signed off and as it stands, on both referral objects" \
    "$(printf '%s' "$json" | python3 -c '
import json, sys
d = json.load(sys.stdin)
for r in (d["referrals"][0], d["decisions"][0]["referral"]):
    print(r["chair"], r["chair_now"], r["chair_amendment"], d["chair_now"], sep="|")')" \
    "R. Patel|R. Patel-Shah|7|R. Patel-Shah
R. Patel|R. Patel-Shah|7|R. Patel-Shah"
done

finish
