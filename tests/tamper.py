#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# tamper.py: what an adversary with the database file and the sqlite3 shell does, for the
# tamper suites. Recomputes the unkeyed SHA-256 chain exactly as quorum-store-audit.c does.
#   tamper.py recompute DB     change a signed-off decision and an attendee's name, rewrite the
#                              chain (data, row_hash, prev_hash, hash, meta.audit_head), put
#                              every trigger back as it was
#   tamper.py truncate DB N    remove the newest N entries with the rows they made, reset the head
#   tamper.py strip-keys DB    remove every key (audit_mac, key id, head MAC): look unkeyed
#   tamper.py fake-legacy DB   strip the keys and pose as a database from before keys
#   tamper.py drop-triggers DB drop every trigger
#   tamper.py flip-trigger DB  change one byte inside a trigger's SQL
#   tamper.py random DB SEED   one random single-row edit (prints what it did)
#   tamper.py byte DB SEED     one random single-byte edit of the file (prints where)
# DB may also be a PostgreSQL conninfo string ("host=… dbname=…", a superuser's): then it is
# what a superuser with psql does (recompute, truncate, strip-keys, drop-triggers, flip-trigger),
# through psql, with the triggers off for the session where they stand in the way.
import hashlib, json, random, sqlite3, subprocess, sys

GENESIS = "0" * 64
# Columns a migration added, out of a row's canonical form while NULL (quorum-store-audit.c).
LATE = {("attendance_event", "withdrawn_at"), ("attendance_event", "withdrawn_by"), ("decision", "reason")}


def canonical(cur, table, rowid):
    cur.execute(f'SELECT * FROM "{table}" WHERE id = ?', (rowid,))
    row = cur.fetchone()
    if row is None:
        return None
    out = []
    for (name, *_), value in zip(cur.description, row):
        if value is None and (table, name) in LATE:
            continue
        if value is None:
            v = "N"
        elif isinstance(value, int):
            v = f"i{value}"
        elif isinstance(value, float):
            v = "f%.17g" % value
        elif isinstance(value, bytes):
            v = f"b{len(value)}:" + value.hex()
        else:
            b = value.encode()
            v = f"t{len(b)}:" + value
        out.append(f"{name}={v}\n")
    return "".join(out)


def sha(s):
    return hashlib.sha256(s.encode()).hexdigest()


def entry_hash(e, prev):
    s = f"{e['id']}|{e['entity_id']}|{e['conference_id'] or 0}|"
    for f in (e["at"], e["user"], e["action"], e["entity"], e["summary"], e["data"], e["row_hash"], prev):
        s += "-|" if f is None else f"{len(f.encode())}:{f}|"
    return sha(s)


def triggers(db):
    return db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()


def without_triggers(db, fn):
    saved = triggers(db)
    for name, _ in saved:
        db.execute(f'DROP TRIGGER "{name}"')
    fn()
    for _, sql in saved:
        db.execute(sql)


def rechain(db):
    """Rewrites every entry's data and hashes so the chain and the head match the rows."""
    db.row_factory = sqlite3.Row
    cur = db.cursor()
    entries = [dict(r) for r in db.execute("SELECT * FROM audit ORDER BY id")]
    latest = {}
    for e in entries:
        latest[(e["entity"], e["entity_id"])] = e["id"]
    prev = GENESIS
    for e in entries:
        if e["action"] != "delete" and latest[(e["entity"], e["entity_id"])] == e["id"]:
            data = canonical(cur, e["entity"], e["entity_id"])
            if data is not None:
                e["data"] = data
                e["row_hash"] = sha(data)
        e["prev_hash"] = prev
        e["hash"] = entry_hash(e, prev)
        db.execute("UPDATE audit SET data = ?, row_hash = ?, prev_hash = ?, hash = ? WHERE id = ?",
                   (e["data"], e["row_hash"], e["prev_hash"], e["hash"], e["id"]))
        prev = e["hash"]
    last = entries[-1]["id"] if entries else 0
    db.execute("UPDATE meta SET value = ? WHERE key = 'audit_head'", (f"{last}:{prev}",))
    db.row_factory = None


def recompute(db):
    def edit():
        db.execute("UPDATE decision SET outcome = CASE outcome WHEN 'plan' THEN 'no-plan' ELSE 'plan' END "
                   "WHERE id = (SELECT max(id) FROM decision)")
        db.execute("UPDATE attendee SET name = 'Someone Else' WHERE id = (SELECT min(id) FROM attendee)")
        rechain(db)
    without_triggers(db, edit)


def truncate(db, n):
    def edit():
        for (entity, entity_id, action) in db.execute(
                "SELECT entity, entity_id, action FROM audit ORDER BY id DESC LIMIT ?", (n,)).fetchall():
            if action == "insert":
                db.execute(f'DELETE FROM "{entity}" WHERE id = ?', (entity_id,))
        top = db.execute("SELECT max(id) FROM audit").fetchone()[0]
        db.execute("DELETE FROM audit WHERE id > ?", (top - n,))
        db.execute("DELETE FROM audit_mac WHERE audit_id > ?", (top - n,))
        rechain(db)
    without_triggers(db, edit)


def strip_keys(db):
    def edit():
        db.execute("DELETE FROM audit_mac")
        db.execute("DELETE FROM meta WHERE key IN ('audit_key_id', 'audit_head_mac')")
    without_triggers(db, edit)


def fake_legacy(db):
    strip_keys(db)
    db.execute("DROP TABLE audit_mac")
    db.execute("DELETE FROM meta WHERE key = 'database_id'")
    db.execute("PRAGMA application_id = 0")
    # The version before the keys came (the keys' migration is the newest).
    version = db.execute("PRAGMA user_version").fetchone()[0]
    db.execute(f"PRAGMA user_version = {version - 1}")


def drop_triggers(db):
    for name, _ in triggers(db):
        db.execute(f'DROP TRIGGER "{name}"')


def flip_trigger(db, seed=0):
    rng = random.Random(seed)
    name, sql = rng.choice(triggers(db))
    # Inside the message: still valid SQL, but not this version's.
    i = sql.index("quorum:") + 8
    new = sql[:i] + ("X" if sql[i] != "X" else "Y") + sql[i + 1:]
    db.execute(f'DROP TRIGGER "{name}"')
    db.execute(new)
    return name


def random_edit(db, seed):
    rng = random.Random(seed)
    tables = [r[0] for r in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    while True:
        table = rng.choice(tables)
        rows = db.execute(f'SELECT rowid FROM "{table}"').fetchall()
        if not rows:
            continue
        rowid = rng.choice(rows)[0]
        cols = [r[1] for r in db.execute(f'PRAGMA table_info("{table}")')]
        kind = rng.random()
        what = []

        def edit():
            if kind < 0.15 and table != "meta":
                db.execute(f'DELETE FROM "{table}" WHERE rowid = ?', (rowid,))
                what.append(f"delete {table} {rowid}")
                return
            col = rng.choice(cols)
            old = db.execute(f'SELECT "{col}" FROM "{table}" WHERE rowid = ?', (rowid,)).fetchone()[0]
            if isinstance(old, int):
                new = old + rng.choice([-1, 1, 7])
            elif isinstance(old, str) and old:
                j = rng.randrange(len(old))
                new = old[:j] + chr(ord(old[j]) ^ 1) + old[j + 1:]
            elif old is None:
                new = "x"
            else:
                new = None
            try:
                db.execute(f'UPDATE "{table}" SET "{col}" = ? WHERE rowid = ?', (new, rowid))
            except sqlite3.DatabaseError:
                return
            if db.total_changes:
                what.append(f"update {table} {rowid} {col}")
        before = db.total_changes
        without_triggers(db, edit)
        if what and db.total_changes > before:
            return what[0]


def byte_edit(path, seed):
    rng = random.Random(seed)
    data = bytearray(open(path, "rb").read())
    # Past the 100-byte header (a changed header is not SQLite's or not Quorum's: refused).
    i = rng.randrange(100, len(data))
    old = data[i]
    data[i] = old ^ (1 << rng.randrange(8))
    open(path, "wb").write(data)
    return f"byte {i}: {old:02x} -> {data[i]:02x}"


def content_byte_edit(path, seed):
    """Flips one bit inside a stored value (a name, a reason, a hash) where it lies in the file."""
    rng = random.Random(seed)
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    values = []
    for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"):
        for row in db.execute(f'SELECT * FROM "{table}"'):
            values += [v.encode() for v in row if isinstance(v, str) and len(v.encode()) >= 4]
    db.close()
    data = bytearray(open(path, "rb").read())
    while True:
        value = rng.choice(values)
        i = data.find(value)
        if i >= 0:
            break
    j = i + rng.randrange(len(value))
    old = data[j]
    data[j] = old ^ (1 << rng.randrange(8))
    open(path, "wb").write(data)
    return f"content byte {j} in {value[:24]!r}: {old:02x} -> {data[j]:02x}"


# PostgreSQL, through psql (no Python driver needed).

def is_conninfo(path):
    return path.startswith(("postgresql://", "postgres://")) or ("=" in path.split(" ")[0] and "/" not in path.split("=")[0])


def pg_quote(v):
    if v is None:
        return "NULL"
    if isinstance(v, bool):
        return "1" if v else "0"
    if isinstance(v, (int, float)):
        return repr(v)
    return "'" + str(v).replace("'", "''") + "'"


class Pg:
    def __init__(self, conninfo):
        self.conninfo = conninfo

    def run(self, sql, replica=True):
        script = ("SET session_replication_role = replica;\n" if replica else "") + "BEGIN;\n" + sql + "\nCOMMIT;\n"
        subprocess.run(["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", self.conninfo],
                       input=script, text=True, check=True, stdout=subprocess.DEVNULL,
                       env=dict(__import__("os").environ, PGOPTIONS="-c client_min_messages=warning"))

    def rows(self, sql):
        """The rows of @sql as dicts, columns in order, integers as int and text as str."""
        out = subprocess.run(["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", self.conninfo, "-c",
                              f"SELECT coalesce (json_agg (x), '[]') FROM ({sql}) x"],
                             text=True, check=True, capture_output=True).stdout
        return json.loads(out)


def pg_canonical(row, table=None):
    out = []
    for name, value in row.items():
        if value is None and (table, name) in LATE:
            continue
        if value is None:
            v = "N"
        elif isinstance(value, bool):
            v = f"i{int(value)}"
        elif isinstance(value, int):
            v = f"i{value}"
        elif isinstance(value, float):
            v = "f%.17g" % value
        else:
            b = value.encode()
            v = f"t{len(b)}:" + value
        out.append(f"{name}={v}\n")
    return "".join(out)


def pg_rechain(db):
    entries = db.rows("SELECT * FROM audit ORDER BY id")
    latest = {}
    for e in entries:
        latest[(e["entity"], e["entity_id"])] = e["id"]
    tables = {}
    prev = GENESIS
    sql = []
    for e in entries:
        if e["action"] != "delete" and latest[(e["entity"], e["entity_id"])] == e["id"]:
            if e["entity"] not in tables:
                tables[e["entity"]] = {r["id"]: r for r in db.rows(f'SELECT * FROM "{e["entity"]}"')}
            row = tables[e["entity"]].get(e["entity_id"])
            if row is not None:
                e["data"] = pg_canonical(row, e["entity"])
                e["row_hash"] = sha(e["data"])
        e["prev_hash"] = prev
        e["hash"] = entry_hash(e, prev)
        sql.append("UPDATE audit SET data = %s, row_hash = %s, prev_hash = %s, hash = %s WHERE id = %d;" %
                   (pg_quote(e["data"]), pg_quote(e["row_hash"]), pg_quote(e["prev_hash"]), pg_quote(e["hash"]), e["id"]))
        prev = e["hash"]
    last = entries[-1]["id"] if entries else 0
    sql.append("UPDATE meta SET value = %s WHERE key = 'audit_head';" % pg_quote(f"{last}:{prev}"))
    db.run("\n".join(sql))


def pg_main(cmd, conninfo):
    db = Pg(conninfo)
    if cmd == "recompute":
        db.run("UPDATE decision SET outcome = CASE outcome WHEN 'plan' THEN 'no-plan' ELSE 'plan' END "
               "WHERE id = (SELECT max(id) FROM decision);\n"
               "UPDATE attendee SET name = 'Someone Else' WHERE id = (SELECT min(id) FROM attendee);")
        pg_rechain(db)
    elif cmd == "truncate":
        n = int(sys.argv[3])
        sql = []
        for e in db.rows(f"SELECT entity, entity_id, action FROM audit ORDER BY id DESC LIMIT {n}"):
            if e["action"] == "insert":
                sql.append(f'DELETE FROM "{e["entity"]}" WHERE id = {e["entity_id"]};')
        sql.append(f"DELETE FROM audit WHERE id > (SELECT max(id) FROM audit) - {n};")
        sql.append("DELETE FROM audit_mac WHERE audit_id NOT IN (SELECT id FROM audit);")
        db.run("\n".join(sql))
        pg_rechain(db)
    elif cmd == "strip-keys":
        db.run("DELETE FROM audit_mac; DELETE FROM meta WHERE key IN ('audit_key_id', 'audit_head_mac');")
    elif cmd == "drop-triggers":
        sql = [f'DROP TRIGGER "{t["tgname"]}" ON "{t["relname"]}";' for t in db.rows(
            "SELECT g.tgname, c.relname FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid "
            "WHERE c.relnamespace = 'public'::regnamespace AND NOT g.tgisinternal")]
        db.run("\n".join(sql), replica=False)
    elif cmd == "flip-trigger":
        rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 0)
        funcs = db.rows("SELECT p.oid::int AS oid, p.proname, p.prosrc FROM pg_proc p "
                        "WHERE p.pronamespace = 'public'::regnamespace AND p.prorettype = 'trigger'::regtype "
                        "AND p.prosrc LIKE '%quorum:%' ORDER BY p.proname")
        f = rng.choice(funcs)
        body = f["prosrc"]
        i = body.index("quorum:") + 8
        body = body[:i] + ("X" if body[i] != "X" else "Y") + body[i + 1:]
        # Inside the message: still a valid function, but not this version's.
        db.run(f'CREATE OR REPLACE FUNCTION "{f["proname"]}" () RETURNS trigger LANGUAGE plpgsql AS $tamper${body}$tamper$;',
               replica=False)
        print(f"function {f['proname']}")
    else:
        sys.exit(f"tamper.py: {cmd} is a SQLite file's; not on PostgreSQL")


def main():
    cmd, path = sys.argv[1], sys.argv[2]
    if is_conninfo(path):
        pg_main(cmd, path)
        return
    if cmd == "byte":
        print(byte_edit(path, int(sys.argv[3])))
        return
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode = DELETE")
    db.execute("BEGIN")
    out = None
    if cmd == "recompute":
        recompute(db)
    elif cmd == "truncate":
        truncate(db, int(sys.argv[3]))
    elif cmd == "strip-keys":
        strip_keys(db)
    elif cmd == "fake-legacy":
        fake_legacy(db)
    elif cmd == "drop-triggers":
        drop_triggers(db)
    elif cmd == "flip-trigger":
        out = flip_trigger(db, int(sys.argv[3]) if len(sys.argv) > 3 else 0)
    elif cmd == "random":
        out = random_edit(db, int(sys.argv[3]))
    else:
        sys.exit(f"tamper.py: unknown {cmd}")
    db.execute("COMMIT")
    db.close()
    if out:
        print(out)


if __name__ == "__main__":
    main()
