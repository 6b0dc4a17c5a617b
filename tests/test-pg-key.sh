#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# test-pg-key.sh: on a shared PostgreSQL database the audit chain is keyed by the server, with a
# key no client holds (issue 14, "each entry keyed (HMAC-SHA-256) with a key kept outside the
# database: … the server for a shared one"; docs/notes/pgkey.md). Two chairs on two laptops with
# different key files make one valid chain; a chair with psql and her own login can neither read
# the key nor have anything of her choosing keyed; the recompute-the-chain attack without the key
# (or with a wrong one) is found by verify; so is cutting the newest entries, against a seal;
# verify --seal works on PostgreSQL; a database made before the server kept the key says so, and
# `admin init` keys its chain in the server (a broken one never). Run under build-aux/pg-cluster
# run (PGHOST… and QUORUM_PG set).
set -u
: "${QUORUM_PG:?run under build-aux/pg-cluster run}"
cli=${QUORUM_CLI:?}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Each "laptop" below is a key file of its own; no keyring, and a configuration folder of the
# test's, so that any key a client made would show.
export QUORUM_NO_KEYRING=1 XDG_CONFIG_HOME="$work/config" XDG_STATE_HOME="$work/state"
unset QUORUM_KEY_FILE
n=0
failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }
check () {  # WHAT ACTUAL EXPECTED
  if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1: got '$2', expected '$3'"; fi
}

db_of () { echo "${QUORUM_PG/dbname=quorum/dbname=$1}"; }   # the conninfo of another database
# psql as USER on DATABASE: output on stdout; errors with their SQLSTATE ("ERROR:  42501: …").
as_in () {
  local dbname=$1 user=$2; shift 2
  psql -X -q -At -v ON_ERROR_STOP=1 -v VERBOSITY=verbose -d "$dbname" -U "$user" -c "$*" 2>&1
}
as () { local user=$1; shift; as_in quorum "$user" "$@"; }
value () { as_in "${2:-quorum}" postgres "$1"; }
refuses () {  # USER SQLSTATE WHAT SQL
  local out
  if out=$(as "$1" "$4"); then
    not_ok "$1 may not $3 (the server allowed it: $out)"
  elif echo "$out" | grep -q "ERROR:  $2"; then
    ok "$1 may not $3 (the server: $(echo "$out" | sed -n "s/^ERROR:  $2: //p" | head -n 1))"
  else
    not_ok "$1 may not $3: refused, but not with $2: $out"
  fi
}
# quorum-cli as USER on DATABASE with the laptop's key file KEYFILE ("" for none): stdout.
cli_as () {  # DATABASE USER KEYFILE ARGS…
  local dbname=$1 user=$2 keyfile=$3; shift 3
  if [ -n "$keyfile" ]; then
    QUORUM_KEY_FILE=$keyfile "$cli" "$@" --db "$(db_of "$dbname") user=$user"
  else
    "$cli" "$@" --db "$(db_of "$dbname") user=$user"
  fi
}
json () { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
# verify --json as USER on DATABASE: "STATUS|ok|checked|head|problems joined by ' ;; '|unverified"
verify () {  # DATABASE USER [ARGS…]
  local dbname=$1 user=$2 out status; shift 2
  out=$(cli_as "$dbname" "$user" "" --json verify "$@" 2>/dev/null); status=$?
  printf '%s|%s' "$status" "$(printf '%s' "$out" | json '"|".join([str(d["ok"]).lower(), str(d["checked"]), str(d["head"]), " ;; ".join(d["problems"]), " ;; ".join(d["unverified"])])' 2>/dev/null)"
}
field () { echo "$1" | cut -d'|' -f"$2"; }
clone () { value "CREATE DATABASE $1 TEMPLATE quorum" >/dev/null; }

"$cli" admin init --db "$QUORUM_PG" >/dev/null || { echo "Bail out! admin init failed"; exit 1; }
for pair in alice:chair bob:chair mina:minute-taker hos:head-of-service; do
  "$cli" admin grant "${pair%%:*}" "${pair#*:}" --db "$QUORUM_PG" >/dev/null || not_ok "admin grant $pair"
done

# The key is made in the server, by admin init.
check "admin init made one 32-byte key in the server" "$(value "SELECT count(*) || ':' || max(length(key)) FROM audit_key")" "1:32"
check "the database says its chain is keyed by the server" \
  "$(value "SELECT value FROM meta WHERE key = 'audit_keyed_by'")" server
check "its public key id is the key's (16 hex digits of its HMAC of a fixed text)" \
  "$(value "SELECT m.value = left(quorum_hmac(a.key, 'quorum-key-id'), 16) FROM meta m, audit_key a WHERE m.key = 'audit_key_id'")" t

# Two chairs on two laptops, each with a different key file, and a third laptop with none.
conf=$(cli_as quorum alice "$work/alice.key" --json conference new --child Sam --kind initial --date 2026-11-20 \
         --chair "A. Chair" | json 'd["id"]')
child=$(value "SELECT id FROM child WHERE conference_id = $conf")
# (Since schema 13 only a conference's chair records in it: bob writes in his own, to the
# same chain.)
bconf=$(cli_as quorum bob "$work/bob.key" --json conference new --child Bo --kind initial --date 2026-11-20 \
         --chair "B. Chair" | json 'd["id"]')
cli_as quorum bob "$work/bob.key" attendee add "$bconf" --name "P. Constable" --agency Police --line-management Police >/dev/null \
  || not_ok "bob adds an attendee"
cli_as quorum alice "$work/alice.key" attendee add "$conf" --name "P. Constable" --agency Police --line-management Police >/dev/null \
  || not_ok "alice adds an attendee"
cli_as quorum alice "$work/alice.key" attendee add "$conf" --name "Dr Jones" --agency Health --line-management Health >/dev/null \
  || not_ok "alice adds an attendee"
cli_as quorum bob "$work/bob.key" attendee add "$bconf" --name "S. Social" --agency "Children's Social Care" \
  --line-management "Children's Social Care" >/dev/null || not_ok "bob adds social care"
cli_as quorum alice "$work/alice.key" attendee add "$conf" --name "S. Social" --agency "Children's Social Care" \
  --line-management "Children's Social Care" >/dev/null || not_ok "alice adds social care"
cli_as quorum alice "$work/alice.key" consensus "$conf" --child "$child" --agreed plan --category neglect --summary "All agreed" >/dev/null \
  || not_ok "alice records consensus"
cli_as quorum alice "$work/alice.key" decide "$conf" --child "$child" >/dev/null || not_ok "alice decides"
cli_as quorum alice "" finalise "$conf" >/dev/null || not_ok "alice signs off (from a laptop with no key at all)"
check "both chairs wrote to the one chain" "$(value "SELECT string_agg(DISTINCT \"user\", ',') FROM audit")" "alice,bob"
check "every entry was keyed by the server as it was written" \
  "$(value "SELECT count(*) FROM audit a LEFT JOIN audit_mac m ON m.audit_id = a.id WHERE m.mac IS NULL")" 0
if [ ! -e "$work/alice.key" ] && [ ! -e "$work/bob.key" ] && [ ! -e "$work/config/quorum/audit.key" ]; then
  ok "no client read or made a key of its own (no key file on any laptop)"
else not_ok "a client made a key file: $(ls "$work" "$work/config/quorum" 2>/dev/null | tr '\n' ' ')"; fi
for who in alice bob mina hos; do
  r=$(verify quorum "$who")
  if [ "$(field "$r" 1)" = 0 ] && [ "$(field "$r" 2)" = true ]; then
    ok "verify as $who passes, keys checked by the server ($(field "$r" 3) checked)"
  else not_ok "verify as $who: $r"; fi
done
entries=$(value "SELECT count(*) FROM audit")
seal=$(field "$(verify quorum mina)" 4)

# verify --seal on PostgreSQL.
out=$(cli_as quorum mina "" --json verify --seal "$seal"); status=$?
if [ $status -eq 0 ] && [ "$(printf '%s' "$out" | json 'd["seal"] + " " + str(d["ok"])')" = "$seal True" ]; then
  ok "verify --seal $seal passes on PostgreSQL"
else not_ok "verify --seal on PostgreSQL: exit $status: $out"; fi
out=$(cli_as quorum mina "" verify --seal "not-a-seal" 2>&1); status=$?
check "verify --seal with no seal is exit 2" "$status" 2
other="${seal%%-*}-00000-00000-00000-00000"
r=$(verify quorum mina --seal "$other")
if [ "$(field "$r" 1)" = 4 ] && echo "$(field "$r" 5)" | grep -q "is not the entry the seal was made from"; then
  ok "a seal that is not this record's is refused (exit 4)"
else not_ok "another seal: $r"; fi

# A chair with psql and her own login: the key, the HMAC and the keying are out of her reach.
refuses alice 42501 "read the server's key" "SELECT key FROM audit_key"
refuses mina 42501 "read the server's key (a minute-taker)" "SELECT count(*) FROM audit_key"
refuses alice 42501 "compute the HMAC of a text of her choosing" "SELECT quorum_hmac('\\x00'::bytea, 'anything')"
refuses alice 0A000 "call the keying trigger's function herself" "SELECT quorum_audit_keyed()"
refuses alice 42501 "write a MAC of her own" "INSERT INTO audit_mac (audit_id, mac) VALUES (999999, 'x')"
refuses alice 42501 "move the head's MAC" "UPDATE meta SET value = 'x' WHERE key = 'audit_head_mac'"
refuses alice 42501 "move the chain's head" "INSERT INTO meta (key, value) VALUES ('audit_head', '1:x')
  ON CONFLICT (key) DO UPDATE SET value = excluded.value"
refuses alice 42501 "become the key's owner" "SET ROLE quorum_owner"
# The server's functions find the schema's tables, never her temporary ones of the same name: a
# TEMP TABLE conference with the conference not signed off does not open the record.
refuses alice QR001 "change the signed-off decision behind a temporary conference table of her own" \
  "CREATE TEMP TABLE conference (id bigint, finalised_at text); INSERT INTO conference VALUES ($conf, NULL);
   UPDATE public.decision SET outcome = 'no-plan' WHERE child_id = $child"
value "ANALYZE audit_key" >/dev/null
check "the planner's statistics show her nothing of the key" "$(as alice "SELECT count(*) FROM pg_stats WHERE tablename = 'audit_key'")" 0
check "she may ask the server to check the chain, and learns only whether it holds" \
  "$(as alice "SELECT coalesce(problem, 'intact') FROM quorum_audit_check()")" intact
# Her own temporary audit_key, meta and audit_mac do not stand in for the server's: an entry she
# adds in her own name (which the server allows) is keyed with the server's key.
out=$(as alice "CREATE TEMP TABLE audit_key (id integer, key bytea);
  INSERT INTO audit_key VALUES (1, '\\x0000000000000000000000000000000000000000000000000000000000000000');
  CREATE TEMP TABLE audit_mac (audit_id bigint, mac text); CREATE TEMP TABLE meta (key text PRIMARY KEY, value text);
  INSERT INTO public.audit (id, at, \"user\", action, entity, entity_id, summary, prev_hash, hash)
  SELECT l.id + 1, '2026-11-21T09:00:00Z', session_user, 'insert', 'note', 1, 'by psql', l.hash,
         quorum_audit_entry_hash(l.id + 1, '2026-11-21T09:00:00Z', session_user, 'insert', 'note', 1, NULL,
                                 'by psql', NULL, NULL, l.hash)
  FROM (SELECT id, hash FROM public.audit ORDER BY id DESC LIMIT 1) l;
  SELECT count(*) FROM pg_temp.audit_mac" 2>&1); status=$?
if [ $status -eq 0 ] && [ "$out" = 0 ]; then ok "her psql entry went in, keyed past her temporary tables"
else not_ok "alice's psql entry: $out"; fi
r=$(verify quorum mina)
check "the chain still verifies: her entry was keyed with the server's key, in her name" "$(field "$r" 1)|$(field "$r" 2)" "0|true"
check "and it is hers in the log" "$(value "SELECT \"user\" FROM audit ORDER BY id DESC LIMIT 1")" alice
seal=$(field "$r" 4)
entries=$(value "SELECT count(*) FROM audit")

# The recompute-the-chain attack of issue 14 on the server, by someone with the database but not
# the key (the tables' owner's rights, all triggers off): change the signed-off decision, write
# its audit entry's data and row hash anew, recompute every hash after it, the head, and the MACs
# with a key that is not the server's.
attack_sql () {  # KEY (the key the attacker keys with, as SQL) REKEY (1: recompute the MACs, 0: leave them)
  cat <<SQL
BEGIN;
SET LOCAL session_replication_role = replica;
CREATE FUNCTION pg_temp.canon(tbl regclass, rid bigint) RETURNS text LANGUAGE plpgsql AS \$\$
DECLARE j jsonb; a record; v text; out text := '';
BEGIN
  EXECUTE format('SELECT to_jsonb(t) FROM %s t WHERE id = \$1', tbl) INTO j USING rid;
  FOR a IN SELECT attname, format_type(atttypid, NULL) AS ty FROM pg_attribute
           WHERE attrelid = tbl AND attnum > 0 AND NOT attisdropped ORDER BY attnum LOOP
    v := j ->> a.attname;
    -- A column a migration added is out of the form while NULL (quorum-store-audit.c, late_columns).
    CONTINUE WHEN v IS NULL AND (tbl::text, a.attname::text) IN (('decision', 'reason'),
      ('attendance_event', 'withdrawn_at'), ('attendance_event', 'withdrawn_by'));
    out := out || a.attname || '=' || CASE WHEN v IS NULL THEN 'N'
      WHEN a.ty IN ('bigint', 'integer', 'smallint') THEN 'i' || v
      ELSE 't' || octet_length(v) || ':' || v END || E'\n';
  END LOOP;
  RETURN out;
END \$\$;
UPDATE decision SET outcome = 'no-plan' WHERE child_id = $child;
DO \$\$
DECLARE k bigint; d bigint; prev text; prev_mac text; new_mac text; e record; wrong bytea := $1; rekey boolean := $2 = 1;
        database text := (SELECT value FROM meta WHERE key = 'database_id');
BEGIN
  SELECT id INTO d FROM decision WHERE child_id = $child;
  SELECT max(id) INTO k FROM audit WHERE entity = 'decision' AND entity_id = d;
  UPDATE audit SET data = pg_temp.canon('decision', d),
                   row_hash = encode(sha256(convert_to(pg_temp.canon('decision', d), 'UTF8')), 'hex') WHERE id = k;
  SELECT hash INTO prev FROM audit WHERE id = k - 1;
  SELECT m.mac INTO prev_mac FROM audit_mac m WHERE m.audit_id = k - 1;
  FOR e IN SELECT * FROM audit WHERE id >= k ORDER BY id LOOP
    UPDATE audit SET prev_hash = prev,
      hash = quorum_audit_entry_hash(e.id, e.at, e."user", e.action, e.entity, e.entity_id, e.conference_id,
                                     e.summary, e.data, e.row_hash, prev)
      WHERE id = e.id RETURNING hash INTO prev;
    IF rekey THEN
      new_mac := quorum_hmac(wrong, 'quorum-audit-entry|' || e.id || '|' || prev_mac || '|' || prev);
      UPDATE audit_mac SET mac = new_mac WHERE audit_id = e.id;
      prev_mac := new_mac;
    END IF;
  END LOOP;
  UPDATE meta SET value = (SELECT id || ':' || hash FROM audit ORDER BY id DESC LIMIT 1) WHERE key = 'audit_head';
  IF rekey THEN
    UPDATE meta SET value = quorum_hmac(wrong, 'quorum-audit-head|' || database || '|' ||
                                               (SELECT max(id) FROM audit) || '|' || prev_mac)
      WHERE key = 'audit_head_mac';
  END IF;
END \$\$;
COMMIT;
SQL
}
decision_entry=$(value "SELECT max(a.id) FROM audit a JOIN decision d ON a.entity = 'decision' AND a.entity_id = d.id
                        WHERE d.child_id = $child")
clone attack_wrong
out=$(value "$(attack_sql "'\\x$(printf '%064d' 7)'::bytea" 1)" attack_wrong 2>&1) || not_ok "the attack's SQL: $out"
check "the attack changed the signed-off decision" \
  "$(value "SELECT outcome FROM decision WHERE child_id = $child" attack_wrong)" no-plan
r=$(verify attack_wrong mina)
if [ "$(field "$r" 1)" = 4 ] && [ "$(field "$r" 5)" = "Audit log: entry $decision_entry does not match the server's key: the log was rewritten outside Quorum from this entry on" ]; then
  ok "the chain recomputed with a wrong key is found by the server's key alone, at the entry changed (exit 4)"
else not_ok "the recompute attack with a wrong key: $r"; fi
out=$(cli_as attack_wrong mina "" verify 2>&1); status=$?
check "verify says so in words (exit 4)" "$status|$(echo "$out" | grep -c "tampering found: Audit log: entry $decision_entry does not match the server's key")" "4|1"
# The same attack keyed with the server's own key (which only the owner or a superuser can
# read) passes: so the attack above is whole, and the key is what finds it.
clone attack_key
out=$(value "$(attack_sql "(SELECT key FROM audit_key)" 1)" attack_key 2>&1) || not_ok "the attack's SQL: $out"
r=$(verify attack_key mina)
check "(control) the same rewrite with the server's own key passes: the key is the only thing that finds it" \
  "$(field "$r" 1)|$(field "$r" 2)" "0|true"
# Without touching the MACs at all.
clone attack_nomac
out=$(value "$(attack_sql "'\\x00'::bytea" 0)" attack_nomac 2>&1) || not_ok "the attack's SQL: $out"
r=$(verify attack_nomac mina)
if [ "$(field "$r" 1)" = 4 ] && echo "$(field "$r" 5)" | grep -q "entry $decision_entry does not match the server's key"; then
  ok "the chain recomputed leaving the MACs as they were is found (exit 4)"
else not_ok "the recompute attack leaving the MACs: $r"; fi

# Removing the newest entries, the rows they cover and resetting the head: found against the
# seal printed before, and by the head's MAC.
newest=$(value "SELECT max(id) FROM audit")
clone cut
value "BEGIN; SET LOCAL session_replication_role = replica;
  DELETE FROM audit_mac WHERE audit_id >= $((newest - 1)); DELETE FROM audit WHERE id >= $((newest - 1));
  UPDATE meta SET value = (SELECT id || ':' || hash FROM audit ORDER BY id DESC LIMIT 1) WHERE key = 'audit_head';
  COMMIT" cut >/dev/null
r=$(verify cut mina --seal "$seal")
if [ "$(field "$r" 1)" = 4 ] && echo "$(field "$r" 5)" | grep -q "Seal $seal: entry $newest is not in this database"; then
  ok "the newest entries removed are found against the seal (exit 4)"
else not_ok "the log cut back, against the seal: $r"; fi
r=$(verify cut mina)
if [ "$(field "$r" 1)" = 4 ] && echo "$(field "$r" 5)" | grep -q "its end (entry $((newest - 2))) does not match the server's key"; then
  ok "… and without the seal, by the head's MAC (exit 4)"
else not_ok "the log cut back, no seal: $r"; fi

# The key removed (a superuser): verify says so, and admin init never keys the log again.
clone nokey
value "DROP TABLE audit_key" nokey >/dev/null
r=$(verify nokey mina)
if [ "$(field "$r" 1)" = 4 ] && echo "$(field "$r" 5)" | grep -q "the server's audit key is gone"; then
  ok "a key removed from the server is reported (exit 4)"
else not_ok "the key removed: $r"; fi
out=$("$cli" admin init --db "$(db_of nokey)" 2>&1); status=$?
if [ $status -ne 0 ] && echo "$out" | grep -q "audit key was removed"; then
  ok "admin init does not key again a log whose key was removed (exit $status)"
else not_ok "admin init after the key was removed: exit $status: $out"; fi
check "… and changed nothing" "$(value "SELECT to_regclass('audit_key') IS NULL" nokey)" t

# A database made before the server kept the key (schema 9, MACs from each chair's laptop).
make_old () {  # DATABASE
  clone "$1"
  value "BEGIN; SET LOCAL session_replication_role = replica;
    DROP TRIGGER audit_keyed ON audit; DROP TABLE audit_key;
    DROP FUNCTION quorum_audit_keyed(); DROP FUNCTION quorum_audit_check();
    DELETE FROM meta WHERE key = 'audit_keyed_by';
    UPDATE audit_mac SET mac = md5(random()::text) || md5(random()::text);
    COMMIT" "$1" >/dev/null
}
make_old old
r=$(verify old mina)
if [ "$(field "$r" 1)" = 5 ] && echo "$(field "$r" 6)" | grep -q "admin init"; then
  ok "verify on a database from before the server's key: not verified, and what to do (exit 5)"
else not_ok "verify before the server's key: $r"; fi
out=$(cli_as old alice "$work/alice.key" conference new --child Kim --kind initial --date 2026-11-22 --chair "A. Chair" 2>&1); status=$?
if [ $status -ne 0 ] && echo "$out" | grep -q "admin init"; then ok "a chair's write there is refused until then, saying why (exit $status)"
else not_ok "a write before the server's key: exit $status: $out"; fi
check "… and nothing was written" "$(value "SELECT count(*) FROM audit" old)" "$entries"
laptop=$(value "SELECT string_agg(mac, ',' ORDER BY audit_id) FROM audit_mac" old)
if "$cli" admin init --db "$(db_of old)" >/dev/null; then ok "admin init keys the old chain in the server"
else not_ok "admin init on the old database"; fi
r=$(verify old mina)
check "the old chain verifies with the server's key" "$(field "$r" 1)|$(field "$r" 2)|$(field "$r" 4)" "0|true|$seal"
check "the laptops' MACs are kept aside" "$(value "SELECT string_agg(mac, ',' ORDER BY audit_id) FROM audit_mac_laptop" old)" "$laptop"
check "the schema's version is unchanged by keying (13, as made)" "$(value "SELECT max(version) FROM schema_migration" old)" 13
if cli_as old bob "$work/bob.key" conference new --child Alex --kind initial --date 2026-11-22 --chair "B. Chair" >/dev/null; then
  ok "a chair writes again once the server keys the chain"
else not_ok "a write after admin init"; fi
r=$(verify old hos)
check "and the chain still verifies" "$(field "$r" 1)|$(field "$r" 2)" "0|true"
# A broken old chain is never keyed.
make_old oldbroken
value "BEGIN; SET LOCAL session_replication_role = replica; UPDATE audit SET summary = 'rewritten' WHERE id = 2; COMMIT" oldbroken >/dev/null
out=$("$cli" admin init --db "$(db_of oldbroken)" 2>&1); status=$?
if [ $status -ne 0 ] && echo "$out" | grep -q "broken at entry 2"; then ok "admin init refuses to key a broken chain: $out"
else not_ok "admin init on a broken old chain: exit $status: $out"; fi
check "… and made no key" "$(value "SELECT to_regclass('audit_key') IS NULL" oldbroken)" t

echo "1..$n"
[ $failed -eq 0 ]
