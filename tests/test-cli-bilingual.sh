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

finish
