#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# test-store-writes-retry.py: issue 12, "a serialization failure or deadlock is retried, never
# shown". Every store call that begins a write transaction is a body NAME_once run again by
# _QUORUM_STORE_RETRYING when the backend aborted it for a conflict (quorum-store-private.h).
# A write added without that wrapper would show a deadlock to the person: this finds it.
import glob, os, re, sys

src = os.path.join(os.environ.get("QUORUM_SRCDIR", os.path.join(os.path.dirname(__file__), "..")), "src", "store")
definition = re.compile(r"\n(?:static )?[A-Za-z_][A-Za-z_0-9 ]*\**\n([a-z_0-9]+) \([^)]*\)\n\{", re.S)
bad, bodies = [], 0
# Helpers whose transactions are retried with the whole call that runs them: (file, helper) → the
# _once body wrapped by _QUORUM_STORE_RETRYING. migrate runs again from the start and resumes.
retried_whole = {("quorum-store-migrate.c", "begin"): "migrate_from_once"}
for path in sorted(glob.glob(os.path.join(src, "*.c"))):
    text = open(path, encoding="utf-8").read()
    for m in definition.finditer(text):
        end = text.find("\n}\n", m.end())
        body = text[m.end():end]
        if "_quorum_store_begin (" not in body or m.group(1) == "_quorum_store_begin":
            continue
        bodies += 1
        name = m.group(1)
        whole = retried_whole.get((os.path.basename(path), name))
        if whole is not None:
            name = whole
        wrapper = name[:-len("_once")] if name.endswith("_once") else None
        if wrapper is None or not re.search(r"_QUORUM_STORE_RETRYING \([^;]*\b%s \(" % re.escape(name), text):
            bad.append(f"{os.path.basename(path)}: {name} begins a write transaction outside _QUORUM_STORE_RETRYING")
print(f"1..1")
if bad or bodies == 0:
    print("not ok 1 - every store write is retried on a conflict")
    for b in bad:
        print(f"# {b}")
    sys.exit(1)
print(f"ok 1 - every store write is retried on a conflict ({bodies} writes)")
