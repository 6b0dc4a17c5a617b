#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# test-tamper.py: the tamper suite. A real database (conferences decided and signed off, an
# amendment, a referral followed up, a difference escalated, a closure day), then hundreds of
# random single-row edits and single-byte edits of copies of it, the recompute-the-chain attack
# and trigger removal. Each must be detected (exit 4, or 3 when the file no longer opens) with
# the key, and never pass without it (4, 5 or 3). Prints TAP and the figures.
#   QUORUM_TAMPER_ROWS (default 150) and QUORUM_TAMPER_BYTES (default 100) set how many.
import json, os, shutil, sqlite3, subprocess, sys, tempfile

sys.path.insert(0, os.path.join(os.environ["QUORUM_SRCDIR"], "tests"))
import tamper  # noqa: E402

CLI = os.environ["QUORUM_CLI"]
ROWS = int(os.environ.get("QUORUM_TAMPER_ROWS", "150"))
BYTES = int(os.environ.get("QUORUM_TAMPER_BYTES", "100"))
work = tempfile.mkdtemp(prefix="quorum-tamper.")
env = dict(os.environ, QUORUM_KEY_FILE=os.path.join(work, "authority.key"),
           XDG_STATE_HOME=os.path.join(work, "state"), QUORUM_DB=os.path.join(work, "real.db"))
nokey = dict(env, QUORUM_KEY_FILE=os.path.join(work, "another.key"))
checks = failures = 0


def q(*args, e=env, ok=True):
    r = subprocess.run([CLI, *args], env=e, capture_output=True, text=True, errors="replace")
    if ok and r.returncode != 0:
        sys.exit(f"Bail out! {' '.join(args)}: {r.stderr}")
    return r


def report(name, good, detail=""):
    global checks, failures
    checks += 1
    if not good:
        failures += 1
    print(f"{'ok' if good else 'not ok'} {checks} - {name}")
    if detail and not good:
        print(f"#   {detail}")


def build():
    def conference(date, finalise):
        c = json.loads(q("--json", "conference", "new", "--child", "Amy Jones", "--child", "Ben Jones", "--kind",
                         "initial", "--date", date, "--chair", "R. Patel", "--case-ref", "CR-1").stdout)
        cid = str(c["id"])
        for name, agency, lm in [("S. Social", "CSC", "Children's Social Care"), ("A. Khan", "GMP", "Police"),
                                 ("H. Visitor", "NHS", "Bolton NHS FT"), ("T. Teacher", "School", "Education"),
                                 ("P. Officer", "Probation", "Probation")]:
            q("attendee", "add", cid, "--name", name, "--agency", agency, "--line-management", lm)
        for child in c["children"]:
            ch = str(child["id"])
            q("consensus", cid, "--child", ch, "--agreed", "none", "--summary", "No consensus reached")
            for g, v in [("Children's Social Care", "plan"), ("Education", "plan"), ("Police", "no-plan"),
                         ("Bolton NHS FT", "no-plan"), ("Probation", "decline")]:
                q("vote", cid, "--child", ch, "--group", g, "--view", v, "--reason", f"Reasons of {g}, in full")
            q("decide", cid, "--child", ch)
        if finalise:
            q("finalise", cid)
            q("amend", cid, "--reason", "Corrected at the family's request", "--change", "A spelling")
        return cid

    conference("2026-11-20", True)
    conference("2026-11-27", False)
    refs = json.loads(q("--json", "referrals").stdout)
    q("referral", "notify", str(refs[0]["id"]), "--date", "2026-11-25")
    d = json.loads(q("--json", "difference", "raise", "--profile", "bolton", "--date", "2026-11-21", "--raised-by",
                     "T. Teacher", "--agency", "School", "--against", "CSC", "--area", "thresholds",
                     "--outcome-sought", "A strategy discussion").stdout)
    q("difference", "escalate", str(d["id"]), "--date", "2026-11-24", "--reason", "No reply")
    q("workdays", "close", "2026-12-29", "--name", "Council closure")
    db = sqlite3.connect(env["QUORUM_DB"])
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


def copy():
    c = os.path.join(work, "copy.db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(c + suffix):
            os.unlink(c + suffix)
    shutil.rmtree(c + ".backups", ignore_errors=True)
    shutil.copy(env["QUORUM_DB"], c)
    return c


def judge(path):
    with_key = q("--db", path, "verify", ok=False).returncode
    without = q("--db", path, "verify", e=nokey, ok=False).returncode
    return with_key, without


def dump(path):
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        lines = list(db.iterdump())
        lines += [repr(r) for r in db.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name")]
        lines.append(repr(db.execute("PRAGMA application_id").fetchone()))
        lines.append(repr(db.execute("PRAGMA user_version").fetchone()))
        db.close()
        return lines
    except (sqlite3.DatabaseError, UnicodeDecodeError, ValueError):
        # Unreadable to Python's sqlite3 too: the content changed.
        return None


build()
if len(sys.argv) > 1 and sys.argv[1] == "--keep":
    print(work)
    sys.exit(0)
r = q("verify", ok=False)
report("the real database verifies before any edit", r.returncode == 0, r.stderr)

# The named attacks.
for attack in (["recompute"], ["truncate", "3"], ["strip-keys"], ["drop-triggers"], ["flip-trigger", "1"]):
    c = copy()
    db = sqlite3.connect(c, isolation_level=None)
    db.execute("BEGIN")
    {"recompute": lambda: tamper.recompute(db), "truncate": lambda: tamper.truncate(db, 3),
     "strip-keys": lambda: tamper.strip_keys(db), "drop-triggers": lambda: tamper.drop_triggers(db),
     "flip-trigger": lambda: tamper.flip_trigger(db, 1)}[attack[0]]()
    db.execute("COMMIT")
    db.close()
    wk, nk = judge(c)
    report(f"{' '.join(attack)}: detected with the key (exit {wk})", wk == 4)
    report(f"{' '.join(attack)}: never passed without it (exit {nk})", nk in (3, 4, 5))

stats = {"rows": 0, "rows_detected": 0, "rows_unverifiable": 0, "bytes": 0, "bytes_detected": 0,
         "bytes_no_effect": 0, "passed": 0}
for seed in range(ROWS):
    c = copy()
    db = sqlite3.connect(c, isolation_level=None)
    db.execute("BEGIN")
    what = tamper.random_edit(db, seed)
    db.execute("COMMIT")
    db.close()
    wk, nk = judge(c)
    stats["rows"] += 1
    stats["rows_detected"] += wk == 4
    stats["rows_unverifiable"] += nk == 5
    if wk != 4 or nk not in (4, 5):
        stats["passed"] += wk == 0 or nk == 0
        report(f"row edit {seed} ({what}): with key exit {wk}, without {nk}", False)

# Byte edits of a vacuumed copy: no free pages for a flip to land in unnoticed.
base = copy()
db = sqlite3.connect(base)
db.execute("VACUUM")
db.close()
original = dump(base)
vacuumed = open(base, "rb").read()
for seed in range(BYTES):
    c = os.path.join(work, "byte.db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(c + suffix):
            os.unlink(c + suffix)
    shutil.rmtree(c + ".backups", ignore_errors=True)
    open(c, "wb").write(vacuumed)
    # Half anywhere in the file, half inside a stored value.
    where = tamper.byte_edit(c, seed) if seed % 2 == 0 else tamper.content_byte_edit(c, seed)
    after = dump(c)
    wk, nk = judge(c)
    stats["bytes"] += 1
    if after == original:
        # The flip changed no row, no schema and no header field a reader sees (unused space in a
        # page): nothing of the record changed, and verify may rightly pass it.
        stats["bytes_no_effect"] += 1
        continue
    stats["bytes_detected"] += wk in (3, 4)
    if wk not in (3, 4) or nk not in (3, 4, 5):
        stats["passed"] += wk == 0 or nk == 0
        report(f"byte edit {seed} ({where}): with key exit {wk}, without {nk}", False)

report(f"{stats['rows']} row edits: every one detected with the key ({stats['rows_detected']})",
       stats["rows_detected"] == stats["rows"])
report(f"{stats['bytes'] - stats['bytes_no_effect']} byte edits that changed the content: every one detected "
       f"({stats['bytes_detected']}); {stats['bytes_no_effect']} changed nothing readable",
       stats["bytes_detected"] == stats["bytes"] - stats["bytes_no_effect"])
report("no edit ever passed verify", stats["passed"] == 0)
print("# figures: " + json.dumps(stats))
print(f"1..{checks}")
shutil.rmtree(work, ignore_errors=True)
sys.exit(1 if failures else 0)
