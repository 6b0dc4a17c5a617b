#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# test-cli-bilingual.sh: a South East Wales conference (its profile says Bilingual=true) exports its
# dissent record in Welsh and English, Welsh first, with what the participants wrote kept once in
# their own words; pdftotext extracts both languages intact. --language gives one language whatever
# the desktop's; the CSV and JSON keep their keys; dates, numbers and plurals follow LANGUAGE=cy
# and LANGUAGE=en_GB; the CLI itself speaks Welsh.
. "$(dirname "$0")/cli-lib.sh"
export LC_ALL=C.UTF-8
unset LANGUAGE

sew=$(q --json conference new --child "Alys Morgan" --kind initial --date 2026-11-02 \
        --chair "Rhian Davies" --profile south-east-wales --case-ref "CP-2026-0101")
child=$(jget "$sew" 'd["children"][0]["id"]')
sew=$(jget "$sew" 'd["id"]')
q attendee add "$sew" --name "Gwen Price" --agency "Children's Social Care" --line-management "Children's Social Care" >/dev/null
q attendee add "$sew" --name "Huw Jenkins" --agency "Heddlu Gwent Police" --line-management "Police" >/dev/null
q attendee add "$sew" --name "Sian Lloyd" --agency "Aneurin Bevan Health Board" --line-management "Health" >/dev/null
q attendee add "$sew" --name "Owain Rees" --agency "Ysgol Gynradd" --line-management "Education" >/dev/null
q consensus "$sew" --child "$child" --agreed none --summary "Trafodwyd y pryderon yn llawn." >/dev/null
q vote "$sew" --child "$child" --group "Children's Social Care" --view plan --category neglect --reason "Patrwm o esgeulustod." >/dev/null
q vote "$sew" --child "$child" --group Police --view no-plan --reason "No offences disclosed." >/dev/null
q vote "$sew" --child "$child" --group Health --view plan --category neglect --reason "Missed appointments." >/dev/null
q vote "$sew" --child "$child" --group Education --view no-plan --reason "Attendance is good." >/dev/null
q decide "$sew" --child "$child" >/dev/null || echo "# decide failed"

out=$work/out
mkdir -p "$out"

# ---- the bilingual PDF, as pdftotext reads it ----
q export dissent "$sew" --format pdf -o "$out/sew.pdf" >/dev/null
text=$(pdftotext "$out/sew.pdf" - 2>/dev/null)
for phrase in "Cofnod penderfyniad ac anghytuno" "Cynllun amddiffyn plant" "Pennaeth Gwasanaeth" \
              "Barn y grwpiau rheoli llinell" "De-ddwyrain Cymru: datrys gwahaniaethau proffesiynol" \
              "2 Tachwedd 2026" "Tudalen 1 o"; do
  grep -qF "$phrase" <<<"$text" && ok "pdf: Welsh “$phrase”" || not_ok "pdf: no Welsh “$phrase”"
done
for phrase in "Record of decision and dissent" "Child protection plan" "Head of Service" \
              "Views of the line-management groups" "South East Wales: resolving professional differences" \
              "2 November 2026" "Page 1 of"; do
  grep -qF "$phrase" <<<"$text" && ok "pdf: English “$phrase”" || not_ok "pdf: no English “$phrase”"
done
welsh_at=$(grep -nF "Cofnod penderfyniad ac anghytuno" <<<"$text" | head -n1 | cut -d: -f1)
english_at=$(grep -nF "Record of decision and dissent" <<<"$text" | head -n1 | cut -d: -f1)
[ -n "$welsh_at" ] && [ -n "$english_at" ] && [ "$welsh_at" -le "$english_at" ] \
  && ok "pdf: Welsh first" || not_ok "pdf: Welsh first ($welsh_at, $english_at)"
welsh_col=$(grep -F "Dissent" <<<"$text" | grep -cF "Anghytuno")
[ "$welsh_col" -ge 1 ] && ok "pdf: headings read Welsh / English" || not_ok "pdf: no “Anghytuno / Dissent” heading"
for words in "No offences disclosed." "Attendance is good." "Patrwm o esgeulustod." "Trafodwyd y pryderon yn llawn."; do
  check "pdf: the participants' words once: $words" "$(grep -oF "$words" <<<"$text" | wc -l)" "1"
done

# ---- the text record: the same ----
q export dissent "$sew" --format txt -o "$out/sew.txt" >/dev/null
grep -qF "Cofnod penderfyniad ac anghytuno / Record of decision and dissent" "$out/sew.txt" \
  && ok "txt: bilingual title, Welsh first" || not_ok "txt: no bilingual title"
check "txt: the participants' words once" "$(grep -oF "No offences disclosed." "$out/sew.txt" | wc -l)" "1"

# ---- either language, whatever the desktop's ----
q export dissent "$sew" --format txt --language en -o "$out/en.txt" >/dev/null
grep -qF "Cynllun amddiffyn plant" "$out/en.txt" && not_ok "--language en: Welsh found" || ok "--language en: English only"
grep -qF "Record of decision and dissent" "$out/en.txt" && ok "--language en: the English record" || not_ok "--language en: no English"
LANGUAGE=en_GB q export dissent "$sew" --format txt --language cy -o "$out/cy.txt" >/dev/null
grep -qF "Record of decision" "$out/cy.txt" && not_ok "--language cy: English found" || ok "--language cy: Welsh only, on an English desktop"
grep -qF "Cofnod penderfyniad ac anghytuno" "$out/cy.txt" && ok "--language cy: the Welsh record" || not_ok "--language cy: no Welsh"
grep -qF "No offences disclosed." "$out/cy.txt" && ok "--language cy: the participants' words as written" || not_ok "--language cy: reason lost"
expect_exit "--language fr: rejected (2)" 2 q export dissent "$sew" --format txt --language fr -o "$out/fr.txt"
[ -e "$out/fr.txt" ] && not_ok "--language fr: a file was written" || ok "--language fr: nothing written"

# ---- CSV and JSON keep their keys ----
bolton=$(bolton_conference 2026-11-03)
q export dissent "$sew" --format csv -o "$out/sew.csv" >/dev/null
q export dissent "$bolton" --format csv -o "$out/bolton.csv" >/dev/null
check "csv: the same header as an English-only profile's" "$(head -n1 "$out/sew.csv")" "$(head -n1 "$out/bolton.csv")"
q export dissent "$sew" --format json -o "$out/sew.json" >/dev/null
q export dissent "$bolton" --format json -o "$out/bolton.json" >/dev/null
keys () { python3 -c 'import json,sys; print(sorted(json.load(open(sys.argv[1])).keys()))' "$1"; }
check "json: the same keys as an English-only profile's" "$(keys "$out/sew.json")" "$(keys "$out/bolton.json")"
LANGUAGE=cy q export dissent "$sew" --format json -o "$out/sew-cy.json" >/dev/null
check "json: the same keys in Welsh" "$(keys "$out/sew-cy.json")" "$(keys "$out/sew.json")"

# ---- dates, numbers and plurals for the locale (a one-language profile) ----
LANGUAGE=cy q export dissent "$bolton" --format txt -o "$out/bolton-cy.txt" >/dev/null
LANGUAGE=en_GB q export dissent "$bolton" --format txt -o "$out/bolton-en.txt" >/dev/null
grep -qF "3 Tachwedd 2026" "$out/bolton-cy.txt" && ok "LANGUAGE=cy: “3 Tachwedd 2026”" || not_ok "LANGUAGE=cy: no Welsh date"
grep -qF "3 November 2026" "$out/bolton-en.txt" && ok "LANGUAGE=en_GB: “3 November 2026”" || not_ok "LANGUAGE=en_GB: no English date"
grep -qF "Cofnod penderfyniad ac anghytuno" "$out/bolton-cy.txt" && ok "LANGUAGE=cy: a Welsh record" || not_ok "LANGUAGE=cy: record not in Welsh"
grep -qF "Cofnod penderfyniad" "$out/bolton-en.txt" && not_ok "LANGUAGE=en_GB: Welsh in an English record" || ok "LANGUAGE=en_GB: English only"
# Welsh plurals: 5 → “5 diwrnod gwaith” (other); the rule's n==2 form mutates (“2 ddiwrnod”).
grep -qF "o fewn 5 diwrnod gwaith" "$out/sew.txt" && ok "Welsh plural for 5 working days" || not_ok "no “o fewn 5 diwrnod gwaith”"
grep -qF "within 5 working days" "$out/sew.txt" && ok "English plural for 5 working days" || not_ok "no “within 5 working days”"

# ---- the CLI speaks Welsh ----
err=$(LANGUAGE=cy q export dissent "$sew" --format doc -o "$out/x" 2>&1 >/dev/null)
grep -qF "nid yw “doc” yn un o pdf, csv, json, txt" <<<"$err" && ok "LANGUAGE=cy: the refusal in Welsh" || not_ok "LANGUAGE=cy: refusal not Welsh: $err"
grep -qF "Gorchmynion:" <<<"$(LANGUAGE=cy q --help 2>&1)" && ok "LANGUAGE=cy: quorum-cli --help in Welsh" || not_ok "quorum-cli --help not Welsh"

# ---- a difference's stage names and owners in the reader's language (docs/notes/stageids.md) ----
# Copied from the profile when a stage opens, in the recorder's language; read in the reader's while
# they are what the profile says for that stage in either language; as stored once it says otherwise.
has () { case "$1" in *"$2"*) echo yes ;; *) echo no ;; esac; }
# jargs JSON EXPR ARG…: jget with arguments the expression reads as sys.argv[3:].
jargs () { python3 -c 'import json,sys; d=json.loads(sys.argv[1]); v=eval(sys.argv[2]); print(json.dumps(v) if not isinstance(v,str) else v)' "$@"; }
S1_EN="The professional with the concern attempts to resolve the difference with the other professional or agency"
S1_CY="Mae’r gweithiwr proffesiynol sy’n pryderu yn ceisio datrys y gwahaniaeth gyda’r gweithiwr proffesiynol neu’r asiantaeth arall"
O1_EN="The professional who has the concern"
O1_CY="Y gweithiwr proffesiynol sy’n pryderu"
S2_EN="Both professionals discuss it with their line managers or supervisors"
S2_CY="Mae’r ddau weithiwr proffesiynol yn ei drafod gyda’u rheolwyr llinell neu eu goruchwylwyr"
raise_sew () {
  q --json difference raise --profile south-east-wales --date 2026-11-02 --raised-by "Sian Lloyd" \
    --agency "Aneurin Bevan Health Board" --against "Children's Social Care" --area thresholds \
    --outcome-sought "A strategy meeting" --child "Alys Morgan"
}
en_raised=$(LANGUAGE=en_GB raise_sew)
check "difference raised in English: stage_name as recorded" "$(jget "$en_raised" 'd["stage_name"]')" "$S1_EN"
en_diff=$(jget "$en_raised" 'd["id"]')
cy_raised=$(LANGUAGE=cy raise_sew)
check "difference raised in Welsh: stage_name as recorded" "$(jget "$cy_raised" 'd["stage_name"]')" "$S1_CY"
cy_diff=$(jget "$cy_raised" 'd["id"]')
LANGUAGE=en_GB q difference escalate "$en_diff" --date 2026-11-03 --reason "No agreement" >/dev/null
LANGUAGE=cy q difference escalate "$cy_diff" --date 2026-11-03 --reason "Dim cytundeb" >/dev/null

shown=$(LANGUAGE=cy q difference show "$en_diff")
check "LANGUAGE=cy: an English-recorded difference shows its stages in Welsh" \
  "$(has "$shown" "Cam 1: $S1_CY") $(has "$shown" "$O1_CY") $(has "$shown" "$S2_CY") $(has "$shown" "$S1_EN") $(has "$shown" "$O1_EN")" \
  "yes yes yes no no"
shown=$(LANGUAGE=en_GB q difference show "$cy_diff")
check "LANGUAGE=en_GB: a Welsh-recorded difference shows its stages in English" \
  "$(has "$shown" "Stage 1: $S1_EN") $(has "$shown" "$O1_EN") $(has "$shown" "$S2_EN") $(has "$shown" "$S1_CY")" \
  "yes yes yes no"
listed=$(LANGUAGE=cy q differences)
check "LANGUAGE=cy: differences lists both at step 2 in Welsh" \
  "$(grep -cF "$S2_CY" <<<"$listed") $(grep -cF "$S2_EN" <<<"$listed")" "2 0"
# JSON keeps the record's words in stage_name and owner (CLI.md; scripts compare them), whatever
# the reader's language; stage_name_shown and owner_shown are what the text shows.
js=$(LANGUAGE=cy q --json difference show "$en_diff")
check "LANGUAGE=cy: JSON stage_name and owner as stored, *_shown in Welsh" \
  "$(jargs "$js" '[d["stage_name"] == sys.argv[3], d["owner_shown"] == sys.argv[4], d["stages"][0]["name"] == sys.argv[5], d["stages"][0]["name_shown"] == sys.argv[6]]' "$S2_EN" "Rheolwyr llinell / goruchwylwyr y gweithwyr proffesiynol (mewn rhai asiantaethau yr Arweinydd Amddiffyn Plant / Diogelu)" "$S1_EN" "$S1_CY")" \
  "[true, true, true, true]"
js=$(LANGUAGE=cy q --json differences)
check "LANGUAGE=cy: differences --json keeps each stage_name as recorded" \
  "$(jargs "$js" 'sorted(x["stage_name"] == sys.argv[3] for x in d if x["id"] in (int(sys.argv[4]), int(sys.argv[5])))' "$S2_EN" "$en_diff" "$cy_diff")" \
  "[false, true]"

# A notice given in English keeps whom the policy names in English; read in Welsh.
LANGUAGE=en_GB q notice give --difference "$en_diff" --kind guidance-invoked --date 2026-11-03 --by "Sian Lloyd" --means email >/dev/null
given=$(LANGUAGE=cy q notices | grep -F "guidance-invoked")
check "LANGUAGE=cy: a notice given in English names whom it told in Welsh" \
  "$(has "$given" "Pob asiantaeth dan sylw") $(has "$given" "All involved agencies")" "yes no"

# The policy reworded since: what the record says applied then is shown as stored, in either language.
mkdir -p "$work/profiles"
sed -e "s|^Name=$S1_EN\$|Name=The professional with the concern tries to resolve it with the other professional|" \
    -e "s|^Name\[cy\]=$S1_CY\$|Name[cy]=Mae’r gweithiwr proffesiynol sy’n pryderu yn ceisio ei ddatrys|" \
    "$(dirname "$0")/../data/profiles/south-east-wales.ini" >"$work/profiles/south-east-wales.ini"
grep -qF "tries to resolve it" "$work/profiles/south-east-wales.ini" || not_ok "the reworded profile was not written"
shown=$(QUORUM_PROFILES_DIR=$work/profiles LANGUAGE=cy q difference show "$en_diff")
check "LANGUAGE=cy, the profile reworded since: stage 1 as stored, stage 2 (unchanged) in Welsh" \
  "$(has "$shown" "Cam 1: $S1_EN") $(has "$shown" "$S2_CY") $(has "$shown" "tries to resolve it")" "yes yes no"
shown=$(QUORUM_PROFILES_DIR=$work/profiles LANGUAGE=en_GB q difference show "$cy_diff")
check "LANGUAGE=en_GB, the profile reworded since: stage 1 as stored (Welsh)" \
  "$(has "$shown" "Stage 1: $S1_CY") $(has "$shown" "$S2_EN")" "yes yes"

# ---- the Buckinghamshire challenge's Welsh sentence says the policy's words in Welsh ----
bconf=$(jget "$(q --json conference new --child "Cara Smith" --kind initial --date 2026-11-20 \
                  --chair "J. Okafor" --profile buckinghamshire)" 'd["id"]')
q attendee add "$bconf" --name "S. Social" --agency "Children's Social Care" --line-management "CSC" >/dev/null
q attendee add "$bconf" --name "A. Khan" --agency "Thames Valley Police" --line-management "Police" >/dev/null
q attendee add "$bconf" --name "H. Visitor" --agency "Bucks NHS FT" --line-management "NHS" >/dev/null
cara=$(jget "$(q --json conference show "$bconf")" 'd["children"][0]["id"]')
q consensus "$bconf" --child "$cara" --agreed none --summary "No consensus" >/dev/null
q vote "$bconf" --child "$cara" --group CSC --view plan --category neglect --reason "Left alone at night" >/dev/null
for g in Police NHS; do q vote "$bconf" --child "$cara" --group "$g" --view no-plan >/dev/null; done
q decide "$bconf" --child "$cara" --chair-view no-plan --reason "The chair weighed the views: no plan" >/dev/null
ch=$(jget "$(q --json challenge raise "$bconf" --child "$cara" --agency "Children's Social Care" \
               --designated-person "J. Ops Manager" --date 2026-11-21)" 'd["id"]')
q challenge alert "$ch" --coordinator "K. Coordinator" --date 2026-11-23 >/dev/null
LANGUAGE=en_GB q export dissent "$bconf" --format txt --language cy -o "$out/bucks-cy.txt" >/dev/null
LANGUAGE=cy q export dissent "$bconf" --format txt --language en -o "$out/bucks-en.txt" >/dev/null
check "challenge: the Welsh record says the policy's “immediately” in Welsh, the English in English" \
  "$(has "$(cat "$out/bucks-cy.txt")" "hwyr: mae’r polisi’n dweud ar unwaith") $(has "$(cat "$out/bucks-cy.txt")" "immediately") $(has "$(cat "$out/bucks-en.txt")" "late: the policy says immediately")" \
  "yes no yes"

finish
