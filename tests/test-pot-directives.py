#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# test-pot-directives.py: every msgid a C file gives gettext is a whole printf format. A msgid cut in
# the middle of a directive (`_("Conference %" G_GINT64_FORMAT)` gives the msgid "Conference %") can
# never be translated, so this extracts the POT as `meson compile quorum-pot` would and refuses any
# '%' that does not start a complete directive, and then lets msgfmt --check judge every c-format entry.
import os, re, subprocess, sys, tempfile

src = os.environ.get("QUORUM_SRCDIR") or os.path.join(os.path.dirname(__file__), "..")
os.chdir(src)
keywords = ["_", "N_", "C_:1c,2", "NC_:1c,2", "g_dngettext:2,3", "ngettext:1,2", "g_dpgettext2:2c,3"]
# A printf directive (no space flag: "entry % follows" is what a cut leaves), or a
# g_date_time_format one such as "%-d %B %Y".
directive = re.compile(r"%(?:\d+\$)?[-+#0']*(?:\d+|\*)?(?:\.(?:\d+|\*))?(?:hh|h|ll|l|L|q|j|z|t)?[diouxXeEfFgGaAcspm%]"
                       r"|%[-_0^#]?[aAbBcCdeFgGhHIjklmMpPrRsStTuUVwxXyYzZ]")

def entries(pot):
    """(references, msgid, msgid_plural) of each entry of a POT file."""
    refs, cur, field, out = [], {}, None, []
    def flush():
        if "msgid" in cur and cur["msgid"]:
            out.append((list(refs), cur["msgid"], cur.get("msgid_plural", "")))
    for line in open(pot, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("#:"):
            if cur:
                flush(); cur.clear(); refs.clear()
            refs.extend(line[2:].split())
        elif line.startswith(("msgid ", "msgid_plural ", "msgstr")):
            field = line.split(" ", 1)[0]
            if field == "msgid" and cur:
                flush(); cur.clear()
            cur[field] = eval(line.split(" ", 1)[1])
        elif line.startswith('"') and field:
            cur[field] = cur.get(field, "") + eval(line)
        elif not line.strip():
            if cur:
                flush(); cur.clear(); refs.clear()
            field = None
    if cur:
        flush()
    return out

with tempfile.TemporaryDirectory() as tmp:
    pot = os.path.join(tmp, "quorum.pot")
    cmd = ["xgettext", "--from-code=UTF-8", "--add-comments", "--files-from=po/POTFILES.in", "-o", pot]
    cmd += ["--keyword=" + k for k in keywords]
    r = subprocess.run(cmd, capture_output=True, text=True)
    n = 0
    failures = 0
    if r.returncode != 0:
        print(r.stderr)
        sys.exit(1)
    # xgettext itself names a msgid used as a format that is not a whole one.
    for line in r.stderr.splitlines():
        if "not a valid C format string" in line:
            n += 1
            failures += 1
            print(f"not ok {n} - {line}")
    c_entries = 0
    for refs, msgid, plural in entries(pot):
        if not any(r.split(":")[0].endswith(".c") for r in refs):
            continue
        c_entries += 1
        for text in (msgid, plural):
            i = 0
            while True:
                i = text.find("%", i)
                if i < 0:
                    break
                m = directive.match(text, i)
                if not m:
                    n += 1
                    failures += 1
                    print(f"not ok {n} - {refs[0]}: msgid cut in a printf directive: {text!r}")
                    break
                i = m.end()
    # msgfmt --check compares each c-format msgid with a msgstr: copying the msgid must be accepted.
    po = os.path.join(tmp, "en.po")
    subprocess.run(["msginit", "--no-translator", "--locale=en_GB.UTF-8", "-i", pot, "-o", po],
                   check=True, capture_output=True)
    r = subprocess.run(["msgfmt", "--check", "-o", os.devnull, po], capture_output=True, text=True)
    n += 1
    if r.returncode != 0:
        failures += 1
        print(f"not ok {n} - msgfmt --check on the POT: {r.stderr.strip()[:2000]}")
    else:
        print(f"ok {n} - msgfmt --check accepts every entry of the POT")
    n += 1
    if c_entries < 100:
        failures += 1
        print(f"not ok {n} - only {c_entries} msgids came from C sources: is po/POTFILES.in read?")
    else:
        print(f"ok {n} - {c_entries} msgids from C sources, none cut in a directive")
    print(f"1..{n}")
    sys.exit(1 if failures else 0)
