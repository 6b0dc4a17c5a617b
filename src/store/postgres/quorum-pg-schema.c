/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-pg-schema.c: Quorum's schema on PostgreSQL at the SQLite schema's version 13: the same
 * tables, columns, indexes and trigger names, the triggers as PL/pgSQL raising SQLSTATE QR001
 * with SQLite's words; the roles, grants and row-level policies that let the server itself
 * refuse what a role may not do; and the migrations after it. */

#include <string.h>
#include <glib/gi18n-lib.h>

#include "quorum-db-postgres.h"
#include "quorum-pg-schema.h"

/* Types as SQLite's: every INTEGER a bigint, every TEXT text (dates stay ISO text, as the
 * store writes them and the audit hashes them). */
#define ID "  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
#define DATE_CHECK(col) "CHECK (" col " ~ '^[0-9]{4}-[0-1][0-9]-[0-3][0-9]$')"
#define TIME_CHECK(col) "CHECK (" col " ~ '^[0-2][0-9]:[0-5][0-9]$')"

#define REFUSE(name, when, table, message) \
  "CREATE TRIGGER " name " " when " ON " table " FOR EACH ROW EXECUTE FUNCTION quorum_refuse ('" message "');\n"
#define NO_DELETE(table) \
  REFUSE (table "_no_delete", "BEFORE DELETE", table, "quorum: records are never deleted") \
  "CREATE TRIGGER " table "_no_truncate BEFORE TRUNCATE ON " table \
  " FOR EACH STATEMENT EXECUTE FUNCTION quorum_refuse ('quorum: records are never deleted');\n"
#define NO_UPDATE(table) \
  REFUSE (table "_no_update", "BEFORE UPDATE", table, "quorum: records are never changed")
#define FINALISED_GUARD(table) \
  "CREATE TRIGGER " table "_finalised_insert BEFORE INSERT ON " table \
  " FOR EACH ROW EXECUTE FUNCTION quorum_finalised_guard ();\n" \
  "CREATE TRIGGER " table "_finalised_update BEFORE UPDATE ON " table \
  " FOR EACH ROW EXECUTE FUNCTION quorum_finalised_guard ();\n"
#define ONLY_WHILE_OPEN(table) \
  "CREATE TRIGGER " table "_resolved_insert BEFORE INSERT ON " table \
  " FOR EACH ROW EXECUTE FUNCTION quorum_only_while_open ();\n"

/* 10: before sign-off, an attendance row changes only by its withdrawal: a leave, once, nothing
 * else (SQLite's trigger attendance_event_withdraw_only, its words). */
#define ATTENDANCE_WITHDRAW_ONLY \
  "CREATE FUNCTION quorum_attendance_withdraw_only () RETURNS trigger LANGUAGE plpgsql AS $$\n" \
  "BEGIN\n" \
  "  IF NEW.id IS DISTINCT FROM OLD.id OR NEW.conference_id IS DISTINCT FROM OLD.conference_id OR\n" \
  "     NEW.attendee_id IS DISTINCT FROM OLD.attendee_id OR NEW.event IS DISTINCT FROM OLD.event OR\n" \
  "     NEW.at IS DISTINCT FROM OLD.at OR NEW.recorded_at IS DISTINCT FROM OLD.recorded_at OR\n" \
  "     NEW.recorded_by IS DISTINCT FROM OLD.recorded_by OR OLD.event <> 'left' OR\n" \
  "     OLD.withdrawn_at IS NOT NULL OR NEW.withdrawn_at IS NULL OR coalesce (NEW.withdrawn_by, '') = '' THEN\n" \
  "    RAISE EXCEPTION USING MESSAGE = 'quorum: an attendance event is only ever withdrawn, once, and only a leave', " \
  "ERRCODE = '" QUORUM_PG_SQLSTATE_FINALISED "';\n" \
  "  END IF;\n" \
  "  RETURN NEW;\n" \
  "END $$;\n"
#define ATTENDANCE_WITHDRAW_ONLY_TRIGGER \
  "CREATE TRIGGER attendance_event_withdraw_only BEFORE UPDATE ON attendance_event " \
  "FOR EACH ROW EXECUTE FUNCTION quorum_attendance_withdraw_only ();\n"

static const char functions[] =
  /* Refuses the write with the trigger's message. */
  "CREATE FUNCTION quorum_refuse () RETURNS trigger LANGUAGE plpgsql AS $$\n"
  "BEGIN\n"
  "  RAISE EXCEPTION USING MESSAGE = TG_ARGV[0], ERRCODE = '" QUORUM_PG_SQLSTATE_FINALISED "';\n"
  "END $$;\n"
  /* A row of a signed-off conference: a new one (NEW's conference) or a changed one (OLD's). */
  "CREATE FUNCTION quorum_finalised_guard () RETURNS trigger LANGUAGE plpgsql AS $$\n"
  "DECLARE conf bigint;\n"
  "BEGIN\n"
  "  IF TG_OP = 'INSERT' THEN conf := NEW.conference_id; ELSE conf := OLD.conference_id; END IF;\n"
  "  IF (SELECT finalised_at FROM conference WHERE id = conf) IS NOT NULL THEN\n"
  "    RAISE EXCEPTION USING MESSAGE = 'quorum: the conference is finalised', ERRCODE = '" QUORUM_PG_SQLSTATE_FINALISED "';\n"
  "  END IF;\n"
  "  RETURN NEW;\n"
  "END $$;\n"
  /* A signed-off conference gains a plan or a referral only by a Co-ordinator's decision on a
   * challenge of it (TG_ARGV[0]: the decision's word). */
  "CREATE FUNCTION quorum_finalised_unless_challenged () RETURNS trigger LANGUAGE plpgsql AS $$\n"
  "BEGIN\n"
  "  IF (SELECT finalised_at FROM conference WHERE id = NEW.conference_id) IS NOT NULL\n"
  "     AND NOT EXISTS (SELECT 1 FROM challenge c WHERE c.child_id = NEW.child_id\n"
  "                     AND c.decided_on IS NOT NULL AND strpos (c.decisions, TG_ARGV[0]) > 0\n"
  "                     AND CASE TG_TABLE_NAME WHEN 'plan' THEN c.plan_id IS NULL\n"
  "                                            ELSE c.referral_id IS NULL END) THEN\n"
  "    RAISE EXCEPTION USING MESSAGE = 'quorum: the conference is finalised', ERRCODE = '" QUORUM_PG_SQLSTATE_FINALISED "';\n"
  "  END IF;\n"
  "  RETURN NEW;\n"
  "END $$;\n"
  "CREATE FUNCTION quorum_amendment_needs_finalised () RETURNS trigger LANGUAGE plpgsql AS $$\n"
  "BEGIN\n"
  "  IF (SELECT finalised_at FROM conference WHERE id = NEW.conference_id) IS NULL THEN\n"
  "    RAISE EXCEPTION USING MESSAGE = 'quorum: only a finalised conference is amended', ERRCODE = '" QUORUM_PG_SQLSTATE_FINALISED "';\n"
  "  END IF;\n"
  "  RETURN NEW;\n"
  "END $$;\n"
  "CREATE FUNCTION quorum_only_while_open () RETURNS trigger LANGUAGE plpgsql AS $$\n"
  "BEGIN\n"
  "  IF (SELECT status FROM difference WHERE id = NEW.difference_id) IS DISTINCT FROM 'open' THEN\n"
  "    RAISE EXCEPTION USING MESSAGE = 'quorum: the difference is resolved', ERRCODE = '" QUORUM_PG_SQLSTATE_FINALISED "';\n"
  "  END IF;\n"
  "  RETURN NEW;\n"
  "END $$;\n"
  "CREATE FUNCTION quorum_notify_change () RETURNS trigger LANGUAGE plpgsql AS $$\n"
  "DECLARE id text;\n"
  "BEGIN\n"
  "  id := to_jsonb (NEW) ->> TG_ARGV[1];\n"
  "  IF id IS NOT NULL THEN\n"
  "    PERFORM pg_notify (TG_ARGV[0], id);\n"
  "  END IF;\n"
  "  RETURN NULL;\n"
  "END $$;\n"
  ATTENDANCE_WITHDRAW_ONLY
  /* PostgreSQL only: the audit chain continues from its last entry, whoever writes (a fork
   * or a gap is refused by the server, not found later by verify). */
  "CREATE FUNCTION quorum_audit_continues () RETURNS trigger LANGUAGE plpgsql AS $$\n"
  "DECLARE last_id bigint; last_hash text;\n"
  "BEGIN\n"
  "  SELECT id, hash INTO last_id, last_hash FROM audit ORDER BY id DESC LIMIT 1;\n"
  "  IF NEW.id IS DISTINCT FROM coalesce (last_id, 0) + 1 OR\n"
  "     NEW.prev_hash IS DISTINCT FROM coalesce (last_hash, repeat ('0', 64)) THEN\n"
  "    RAISE EXCEPTION USING MESSAGE = 'quorum: the audit log continues from its last entry', ERRCODE = '23514';\n"
  "  END IF;\n"
  "  RETURN NEW;\n"
  "END $$;\n";

/* PostgreSQL only: the audit chain keyed by the server (docs/notes/pgkey.md). The key is made in
 * the server by `admin init`, kept in audit_key, which only its owner (quorum_owner, whom nobody
 * logs in as) and a superuser can read; no client ever holds it. Each entry's MAC is made by the
 * server as the entry is inserted (the trigger audit_keyed), over the entry's content as stored
 * (its hash recomputed from its fields, so the MAC never covers a value the client chose apart
 * from the entry), the previous entry's MAC and its number: the same chain of
 * HMAC-SHA-256 as the SQLite store's (genesis bound to the database's id, the head's MAC in
 * meta). quorum_audit_check () recomputes the chain with the key and tells the first bad entry,
 * never the key. Only built-in functions (sha256, gen_random_uuid): no extension is needed.
 * Written CREATE OR REPLACE: `admin init` renews them on every run. */
static const char audit_key_functions[] =
  /* HMAC-SHA-256 (RFC 2104) of a text under a key, in hex: the key's pads (the key, zero-filled
   * to 64 bytes, XOR 0x36 and XOR 0x5c), kept beside the key so that each MAC the trigger makes
   * is two SHA-256s; then the MAC from the pads. Nobody but the owner may call them. */
  "CREATE OR REPLACE FUNCTION quorum_hmac_pad (key bytea, pad integer) RETURNS bytea\n"
  "  LANGUAGE plpgsql IMMUTABLE STRICT AS $$\n"
  "DECLARE k bytea;\n"
  "BEGIN\n"
  "  k := CASE WHEN length (key) > 64 THEN sha256 (key) ELSE key END;\n"
  "  k := k || decode (repeat ('00', 64 - length (k)), 'hex');\n"
  "  FOR i IN 0..63 LOOP\n"
  "    k := set_byte (k, i, get_byte (k, i) # pad);\n"
  "  END LOOP;\n"
  "  RETURN k;\n"
  "END $$;\n"
  "CREATE OR REPLACE FUNCTION quorum_hmac_padded (inner_pad bytea, outer_pad bytea, message text) RETURNS text\n"
  "  LANGUAGE sql STABLE STRICT AS $$\n"
  "SELECT encode (sha256 (outer_pad || sha256 (inner_pad || convert_to (message, 'UTF8'))), 'hex')\n"
  "$$;\n"
  "CREATE OR REPLACE FUNCTION quorum_hmac (key bytea, message text) RETURNS text\n"
  "  LANGUAGE sql STABLE STRICT AS $$\n"
  "SELECT quorum_hmac_padded (quorum_hmac_pad (key, 54), quorum_hmac_pad (key, 92), message)\n"
  "$$;\n"
  /* One field of an entry as the store hashes it: "-|" for NULL, else "LENGTH:VALUE|" (bytes). */
  "CREATE OR REPLACE FUNCTION quorum_audit_field (value text) RETURNS text\n"
  "  LANGUAGE sql STABLE AS $$\n"
  "SELECT CASE WHEN value IS NULL THEN '-|' ELSE octet_length (value) || ':' || value || '|' END\n"
  "$$;\n"
  /* An entry's hash from its fields, as entry_hash () in quorum-store-audit.c makes it: id,
   * entity_id, conference_id (NULL: 0), then at, user, action, entity, summary, data, row_hash,
   * prev_hash. Needs no key: anyone may call it. */
  "CREATE OR REPLACE FUNCTION quorum_audit_entry_hash (bigint, text, text, text, text, bigint, bigint,\n"
  "                                                    text, text, text, text) RETURNS text\n"
  "  LANGUAGE sql STABLE AS $$\n"
  "SELECT encode (sha256 (convert_to ($1 || '|' || coalesce ($6, 0) || '|' || coalesce ($7, 0) || '|' ||\n"
  "  quorum_audit_field ($2) || quorum_audit_field ($3) || quorum_audit_field ($4) ||\n"
  "  quorum_audit_field ($5) || quorum_audit_field ($8) || quorum_audit_field ($9) ||\n"
  "  quorum_audit_field ($10) || quorum_audit_field ($11), 'UTF8')), 'hex')\n"
  "$$;\n"
  /* The trigger audit_keyed, after an entry is inserted, whoever inserts it: its MAC, and the
   * head of the chain. A trigger function cannot be called but by its trigger. */
  "CREATE OR REPLACE FUNCTION quorum_audit_keyed () RETURNS trigger\n"
  "  LANGUAGE plpgsql SECURITY DEFINER AS $$\n"
  "DECLARE ipad bytea; opad bytea; database text; prev_mac text; mac text;\n"
  "BEGIN\n"
  "  SELECT a.inner_pad, a.outer_pad, (SELECT m.value FROM meta m WHERE m.key = 'database_id'),\n"
  "         (SELECT p.mac FROM audit_mac p WHERE p.audit_id = NEW.id - 1)\n"
  "    INTO ipad, opad, database, prev_mac FROM audit_key a WHERE a.id = 1;\n"
  "  IF ipad IS NULL THEN\n"
  "    RAISE EXCEPTION USING ERRCODE = '55000', MESSAGE = 'quorum: the server holds no audit key, so nothing "
  "was recorded: its administrator runs quorum-cli admin init';\n"
  "  END IF;\n"
  "  IF NEW.id = 1 THEN\n"
  "    prev_mac := quorum_hmac_padded (ipad, opad, 'quorum-audit-genesis|' || coalesce (database, ''));\n"
  "  ELSIF prev_mac IS NULL THEN\n"
  "    RAISE EXCEPTION USING ERRCODE = '55000', MESSAGE = format ('quorum: the audit log''s entry %s has no "
  "key: run quorum-cli verify', NEW.id - 1);\n"
  "  END IF;\n"
  "  mac := quorum_hmac_padded (ipad, opad, 'quorum-audit-entry|' || NEW.id || '|' || prev_mac || '|' ||\n"
  "    quorum_audit_entry_hash (NEW.id, NEW.at, NEW.\"user\", NEW.action, NEW.entity, NEW.entity_id,\n"
  "                             NEW.conference_id, NEW.summary, NEW.data, NEW.row_hash, NEW.prev_hash));\n"
  "  INSERT INTO audit_mac (audit_id, mac) VALUES (NEW.id, mac);\n"
  "  INSERT INTO meta (key, value)\n"
  "    VALUES ('audit_head', NEW.id || ':' || NEW.hash),\n"
  "           ('audit_head_mac', quorum_hmac_padded (ipad, opad, 'quorum-audit-head|' || coalesce (database, '') ||\n"
  "                                                  '|' || NEW.id || '|' || mac))\n"
  "    ON CONFLICT (key) DO UPDATE SET value = excluded.value;\n"
  "  RETURN NULL;\n"
  "END $$;\n"
  /* verify's keyed part: the whole chain recomputed with the key (each entry's MAC from its
   * content and the MAC stored before it: one pass, as a query); the first entry that is not
   * as the server keyed it (problem: 'gap', 'unkeyed', 'mac'), or the head ('head'), or
   * 'no-key'. Tells whether, never a MAC or the key. */
  "CREATE OR REPLACE FUNCTION quorum_audit_check (OUT checked bigint, OUT bad_entry bigint, OUT problem text)\n"
  "  LANGUAGE plpgsql STABLE SECURITY DEFINER AS $$\n"
  "DECLARE ipad bytea; opad bytea; database text; genesis text; last_id bigint; last_mac text;\n"
  "BEGIN\n"
  "  IF to_regclass ('audit_key') IS NOT NULL THEN\n"
  "    SELECT a.inner_pad, a.outer_pad INTO ipad, opad FROM audit_key a WHERE a.id = 1;\n"
  "  END IF;\n"
  "  IF ipad IS NULL THEN\n"
  "    checked := 0; problem := 'no-key';\n"
  "    RETURN;\n"
  "  END IF;\n"
  "  SELECT m.value INTO database FROM meta m WHERE m.key = 'database_id';\n"
  "  genesis := quorum_hmac_padded (ipad, opad, 'quorum-audit-genesis|' || coalesce (database, ''));\n"
  "  SELECT count (*) INTO checked FROM audit;\n"
  "  SELECT b.id, b.what INTO bad_entry, problem FROM (\n"
  "    SELECT e.id, CASE WHEN e.id <> e.n THEN 'gap' WHEN e.mac IS NULL THEN 'unkeyed'\n"
  "                      WHEN e.mac <> quorum_hmac_padded (ipad, opad, 'quorum-audit-entry|' || e.id || '|' ||\n"
  "                                                        e.prev_mac || '|' || e.h) THEN 'mac' END AS what\n"
  "    FROM (SELECT a.id, m.mac, row_number () OVER (ORDER BY a.id) AS n,\n"
  "                 coalesce (lag (m.mac) OVER (ORDER BY a.id), genesis) AS prev_mac,\n"
  "                 quorum_audit_entry_hash (a.id, a.at, a.\"user\", a.action, a.entity, a.entity_id, a.conference_id,\n"
  "                                          a.summary, a.data, a.row_hash, a.prev_hash) AS h\n"
  "          FROM audit a LEFT JOIN audit_mac m ON m.audit_id = a.id) e) b\n"
  "    WHERE b.what IS NOT NULL ORDER BY b.id LIMIT 1;\n"
  "  IF problem IS NOT NULL THEN\n"
  "    RETURN;\n"
  "  END IF;\n"
  "  SELECT a.id, m.mac INTO last_id, last_mac FROM audit a JOIN audit_mac m ON m.audit_id = a.id\n"
  "    ORDER BY a.id DESC LIMIT 1;\n"
  "  IF last_id IS NOT NULL AND (SELECT m.value FROM meta m WHERE m.key = 'audit_head_mac') IS DISTINCT FROM\n"
  "     quorum_hmac_padded (ipad, opad, 'quorum-audit-head|' || coalesce (database, '') || '|' || last_id || '|' ||\n"
  "                         last_mac) THEN\n"
  "    bad_entry := last_id; problem := 'head';\n"
  "  END IF;\n"
  "END $$;\n"
  /* The definer's functions, and every trigger function, find only the schema's own tables: never
   * a caller's temporary table of the same name (a chair's TEMP TABLE conference would otherwise
   * stand in for the real one in the sign-off guard, and a TEMP TABLE audit_key for the key),
   * whatever the caller's search_path: pg_temp is searched last. */
  "DO $$\n"
  "DECLARE f record;\n"
  "BEGIN\n"
  "  FOR f IN SELECT p.oid::regprocedure AS sig FROM pg_proc p\n"
  "           WHERE p.pronamespace = current_schema ()::regnamespace AND p.proname LIKE 'quorum\\_%'\n"
  "             AND (p.prorettype = 'trigger'::regtype OR p.proname IN ('quorum_audit_check',\n"
  "                  'quorum_audit_canonical', 'quorum_audit_write', 'quorum_conference_chair')) LOOP\n"
  "    EXECUTE format ('ALTER FUNCTION %s SET search_path = pg_catalog, %I, pg_temp', f.sig, current_schema ());\n"
  "  END LOOP;\n"
  "END $$;\n"
  "REVOKE ALL ON FUNCTION quorum_hmac_pad (bytea, integer) FROM PUBLIC;\n"
  "REVOKE ALL ON FUNCTION quorum_hmac_padded (bytea, bytea, text) FROM PUBLIC;\n"
  "REVOKE ALL ON FUNCTION quorum_hmac (bytea, text) FROM PUBLIC;\n";

/* 12 (PostgreSQL only; SQLite's 12 changes nothing): no record is written by hand, and each
 * names who wrote it (docs/notes/pgactor.md). Whoever writes, with whatever client:
 * - a record row inserted or changed must have, by COMMIT, its audit entry as it then stands:
 *   the newest entry for the row, written in the same transaction, whose row_hash is the hash of
 *   the row's canonical form (quorum_audit_canonical: quorum-store-audit.c's append_row, made
 *   in SQL). The constraint trigger <table>_audited refuses the COMMIT otherwise, naming the row;
 * - the columns that name who wrote a row (recorded_by, created_by, decided_by, finalised_by,
 *   by, withdrawn_by, resolved_by) hold session_user whenever they are written (<table>_actor),
 *   but in `quorum-cli migrate`'s transactions (quorum.migrating set by the store), which copy a
 *   laptop's records with the names they have there: then any name but another login's (an
 *   administrator's migration: any name), and every row's entry must say it was migrated.
 * quorum_audit_write () writes a row's entry as the store does, in the caller's own name (the
 * audit log's policy): so a write by psql is at least attributed, never unnoticed. */
static const char record_functions[] =
  /* A row's canonical form (@r: to_jsonb of the row): every column in order, "name=" then N for
   * NULL, i<digits> for an integer, t<bytes>:<text> for text, and a new line; a column a
   * migration added to rows already audited (quorum-store-audit.c, late_columns) left out while
   * NULL. */
  "CREATE OR REPLACE FUNCTION quorum_audit_canonical (rel regclass, r jsonb) RETURNS text\n"
  "  LANGUAGE plpgsql STABLE AS $$\n"
  "BEGIN\n"
  /* PL/pgSQL, not SQL: its query's plan is kept for the session (a SQL function's is made again
   * at each call, which cost a vote a third of what these triggers add). */
  "  RETURN (SELECT coalesce (string_agg (a.attname || '=' ||\n"
  "  CASE WHEN jsonb_typeof (r -> a.attname) = 'null' THEN 'N'\n"
  "       WHEN a.atttypid IN (20, 21, 23) THEN 'i' || (r ->> a.attname)\n"
  "       ELSE 't' || octet_length (r ->> a.attname) || ':' || (r ->> a.attname) END || E'\\n', '' ORDER BY a.attnum), '')\n"
  "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid\n"
  "WHERE a.attrelid = rel AND a.attnum > 0 AND NOT a.attisdropped\n"
  "  AND NOT (jsonb_typeof (r -> a.attname) = 'null' AND\n"
  "           (c.relname = 'attendance_event' AND a.attname IN ('withdrawn_at', 'withdrawn_by') OR\n"
  "            c.relname = 'decision' AND a.attname = 'reason')));\n"
  "END $$;\n"
  /* The trigger <table>_audited, at COMMIT: the row as it stands is its newest audit entry's,
   * written in this transaction; in a migration's, an entry saying so. */
  "CREATE OR REPLACE FUNCTION quorum_row_audited () RETURNS trigger LANGUAGE plpgsql AS $$\n"
  "DECLARE r jsonb; logged text; mine boolean; summary text;\n"
  "BEGIN\n"
  "  SELECT a.row_hash, a.xmin::text = (pg_current_xact_id ()::text::numeric % 4294967296)::text, a.summary\n"
  "    INTO logged, mine, summary\n"
  "    FROM audit a WHERE a.entity = TG_TABLE_NAME AND a.entity_id = NEW.id ORDER BY a.id DESC LIMIT 1;\n"
  /* The row as this write left it first (the usual case: one write a row); when a later write
   * of the same transaction changed it again, the row as it stands (that write's own check
   * judges the change). */
  "  IF logged IS DISTINCT FROM encode (sha256 (convert_to (quorum_audit_canonical (TG_RELID, to_jsonb (NEW)), 'UTF8')), 'hex') THEN\n"
  "    EXECUTE format ('SELECT to_jsonb (t) FROM %s t WHERE t.id = $1', TG_RELID::regclass) INTO r USING NEW.id;\n"
  "    IF r IS NULL THEN\n"
  "      RETURN NULL;\n"
  "    END IF;\n"
  "    IF logged IS DISTINCT FROM encode (sha256 (convert_to (quorum_audit_canonical (TG_RELID, r), 'UTF8')), 'hex') THEN\n"
  "      mine := false;\n"
  "    END IF;\n"
  "  END IF;\n"
  "  IF NOT coalesce (mine, false) THEN\n"
  "    RAISE EXCEPTION USING ERRCODE = '42501', MESSAGE = format ('quorum: %s %s was written without its audit "
  "entry, so nothing was recorded: the record is written through Quorum, which logs each row as it stands "
  "in the same transaction', TG_TABLE_NAME, NEW.id);\n"
  "  END IF;\n"
  "  IF coalesce (current_setting ('quorum.migrating', true), '') <> '' AND summary NOT LIKE 'migrated from database %' THEN\n"
  "    RAISE EXCEPTION USING ERRCODE = '42501', MESSAGE = format ('quorum: %s %s was written in a migration "
  "without an entry saying it was migrated, so nothing was recorded', TG_TABLE_NAME, NEW.id);\n"
  "  END IF;\n"
  "  RETURN NULL;\n"
  "END $$;\n"
  /* The trigger <table>_actor: each column named (TG_ARGV) that this write sets holds the
   * writer's own login. */
  "CREATE OR REPLACE FUNCTION quorum_actor () RETURNS trigger LANGUAGE plpgsql AS $$\n"
  "DECLARE r jsonb; o jsonb; col text; who text;\n"
  "BEGIN\n"
  "  r := to_jsonb (NEW);\n"
  "  IF TG_OP = 'UPDATE' THEN\n"
  "    o := to_jsonb (OLD);\n"
  "  END IF;\n"
  "  FOREACH col IN ARRAY TG_ARGV LOOP\n"
  "    who := r ->> col;\n"
  "    CONTINUE WHEN who IS NULL OR who = session_user OR (o IS NOT NULL AND who IS NOT DISTINCT FROM o ->> col);\n"
  "    CONTINUE WHEN coalesce (current_setting ('quorum.migrating', true), '') <> '' AND\n"
  "                  (pg_has_role (session_user, 'quorum_admin', 'MEMBER') OR\n"
  "                   NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = who));\n"
  "    RAISE EXCEPTION USING ERRCODE = '42501', MESSAGE = format ('quorum: %s.%s names who wrote it: %s, "
  "not %s, so nothing was recorded', TG_TABLE_NAME, col, session_user, who);\n"
  "  END LOOP;\n"
  "  RETURN NEW;\n"
  "END $$;\n"
  /* A row's audit entry as the store writes it, in the caller's name (the audit log's policy),
   * continuing the chain (the server keys it): for psql, so that a write by hand is attributed.
   * @action 'insert' or 'update'; returns the entry's number. */
  "CREATE OR REPLACE FUNCTION quorum_audit_write (action text, entity text, entity_id bigint, summary text)\n"
  "  RETURNS bigint LANGUAGE plpgsql AS $$\n"
  "DECLARE rel regclass; r jsonb; d text; rh text; conf bigint; now_ts text; last_id bigint; last_hash text;\n"
  "BEGIN\n"
  "  rel := to_regclass (entity);\n"
  "  IF rel IS NULL OR NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = rel AND tgname = entity || '_audited') THEN\n"
  "    RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = format ('quorum: %s is not a table of records', entity);\n"
  "  END IF;\n"
  "  EXECUTE format ('SELECT to_jsonb (t) FROM %s t WHERE t.id = $1', rel) INTO r USING entity_id;\n"
  "  IF r IS NULL THEN\n"
  "    RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = format ('quorum: %s %s does not exist', entity, entity_id);\n"
  "  END IF;\n"
  "  d := quorum_audit_canonical (rel, r);\n"
  "  rh := encode (sha256 (convert_to (d, 'UTF8')), 'hex');\n"
  "  conf := CASE WHEN entity = 'conference' THEN entity_id ELSE (r ->> 'conference_id')::bigint END;\n"
  "  now_ts := to_char (clock_timestamp () AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"');\n"
  "  SELECT a.id, a.hash INTO last_id, last_hash FROM audit a ORDER BY a.id DESC LIMIT 1;\n"
  "  last_id := coalesce (last_id, 0) + 1;\n"
  "  last_hash := coalesce (last_hash, repeat ('0', 64));\n"
  "  INSERT INTO audit (id, at, \"user\", action, entity, entity_id, conference_id, summary, data, row_hash,\n"
  "                     prev_hash, hash)\n"
  "    VALUES (last_id, now_ts, session_user, action, entity, entity_id, conf, summary, d, rh, last_hash,\n"
  "            quorum_audit_entry_hash (last_id, now_ts, session_user, action, entity, entity_id, conf, summary, d, rh,\n"
  "                                     last_hash));\n"
  "  RETURN last_id;\n"
  "END $$;\n";

/* 12: the triggers above on each table of records: <table>_audited on all of them, and
 * <table>_actor (with the columns naming who wrote it) where a row has one. */
#define AUDITED(table) \
  "CREATE CONSTRAINT TRIGGER " table "_audited AFTER INSERT OR UPDATE ON " table \
  " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION quorum_row_audited ();\n"
/* Called only when a column names someone else (Quorum's own writes name session_user). */
#define NAMES_ANOTHER(column) "coalesce (NEW." column " <> session_user, false)"
#define ACTOR(table, column) \
  "CREATE TRIGGER " table "_actor BEFORE INSERT OR UPDATE ON " table " FOR EACH ROW " \
  "WHEN (" NAMES_ANOTHER (column) ") EXECUTE FUNCTION quorum_actor ('" column "');\n"
#define ACTOR2(table, column, other) \
  "CREATE TRIGGER " table "_actor BEFORE INSERT OR UPDATE ON " table " FOR EACH ROW " \
  "WHEN (" NAMES_ANOTHER (column) " OR " NAMES_ANOTHER (other) ") " \
  "EXECUTE FUNCTION quorum_actor ('" column "', '" other "');\n"
#define RECORD_TRIGGERS \
  AUDITED ("conference") AUDITED ("child") AUDITED ("attendee") AUDITED ("attempt") AUDITED ("vote") \
  AUDITED ("decision") AUDITED ("dissent") AUDITED ("plan") AUDITED ("referral") AUDITED ("amendment") \
  AUDITED ("closure_day") AUDITED ("difference") AUDITED ("difference_stage") AUDITED ("difference_note") \
  AUDITED ("difference_answer") AUDITED ("conference_profile") AUDITED ("attendance_event") \
  AUDITED ("decision_presence") AUDITED ("member_view") AUDITED ("superseded_view") AUDITED ("challenge") \
  AUDITED ("plan_event") AUDITED ("referral_correction") AUDITED ("notice") AUDITED ("difference_event") \
  ACTOR2 ("conference", "created_by", "finalised_by") \
  ACTOR ("attempt", "recorded_by") \
  ACTOR ("vote", "recorded_by") \
  ACTOR ("decision", "decided_by") \
  ACTOR ("amendment", "by") \
  ACTOR2 ("difference", "created_by", "resolved_by") \
  ACTOR ("difference_stage", "recorded_by") \
  ACTOR ("difference_note", "recorded_by") \
  ACTOR2 ("attendance_event", "recorded_by", "withdrawn_by") \
  ACTOR ("member_view", "recorded_by") \
  ACTOR ("challenge", "recorded_by") \
  ACTOR ("plan_event", "recorded_by") \
  ACTOR ("referral_correction", "recorded_by") \
  ACTOR ("notice", "recorded_by") \
  ACTOR ("difference_event", "recorded_by")

/* 13: a conference is its chair's (docs/notes/chairown.md). Its chair is the login that made it
 * (created_by, which the server checks is the writer; for a conference a migration brought from
 * a laptop, whose name there is no login here, the login whose entry brought it in), until a
 * Quorum administrator, or its chair, hands it to another chair: the newest conference_handover
 * row then names its chair. Whoever writes, with whatever client, a chair who is not the
 * conference's chair is refused (<table>_chair_only) what makes the meeting's record: its
 * attendees and their attendance, attempts, views, decisions and what they made while it is open,
 * its sign-off, and the amendments after. What comes after the meeting from other hands is left
 * as it was: a Head of Service's referral and notices, the Co-ordinator's route (challenges and the
 * interim plan or referral it makes), a later conference's plan reviews. */
static const char chair_functions[] =
  /* The conference's chair now: a login, or NULL when there is no such conference. */
  "CREATE OR REPLACE FUNCTION quorum_conference_chair (conf bigint) RETURNS text\n"
  "  LANGUAGE plpgsql STABLE AS $$\n"
  "DECLARE who text;\n"
  "BEGIN\n"
  "  SELECT h.to_chair INTO who FROM conference_handover h WHERE h.conference_id = conf ORDER BY h.id DESC LIMIT 1;\n"
  "  IF who IS NOT NULL THEN\n"
  "    RETURN who;\n"
  "  END IF;\n"
  "  SELECT c.created_by INTO who FROM conference c WHERE c.id = conf;\n"
  "  IF who IS NULL OR EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = who) THEN\n"
  "    RETURN who;\n"
  "  END IF;\n"
  "  RETURN coalesce ((SELECT a.\"user\" FROM audit a WHERE a.entity = 'conference' AND a.entity_id = conf\n"
  "                    ORDER BY a.id LIMIT 1), who);\n"
  "END $$;\n"
  /* The trigger <table>_its_chair: a chair writes in her own conferences only. Who is no chair
   * (a Head of Service, the minute-taker) is left to the grants, a superuser (whom pg_has_role
   * counts a member of every role) to the other triggers, and so is everyone on a server with
   * no roles yet (the driver's tests); a migration's transaction
   * (quorum.migrating) may copy into a conference whose chair is no other login. */
  "CREATE OR REPLACE FUNCTION quorum_chair_only () RETURNS trigger LANGUAGE plpgsql AS $$\n"
  "DECLARE conf bigint; chair text;\n"
  "BEGIN\n"
  "  IF to_regrole ('quorum_chair') IS NULL OR NOT pg_has_role (session_user, 'quorum_chair', 'MEMBER') OR\n"
  "     (SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = session_user) THEN\n"
  "    RETURN NEW;\n"
  "  END IF;\n"
  "  IF TG_TABLE_NAME = 'conference' THEN\n"
  "    conf := NEW.id;\n"
  "  ELSE\n"
  "    conf := NEW.conference_id;\n"
  "  END IF;\n"
  /* A plan or referral of a signed-off conference comes only from the Co-ordinator's decision
   * on a challenge (its own trigger): not the chair's. */
  "  IF TG_TABLE_NAME IN ('plan', 'referral') AND (SELECT c.finalised_at FROM conference c WHERE c.id = conf) IS NOT NULL THEN\n"
  "    RETURN NEW;\n"
  "  END IF;\n"
  "  chair := quorum_conference_chair (conf);\n"
  "  IF chair IS NULL OR chair = session_user THEN\n"
  "    RETURN NEW;\n"
  "  END IF;\n"
  "  IF coalesce (current_setting ('quorum.migrating', true), '') <> '' AND\n"
  "     (pg_has_role (session_user, 'quorum_admin', 'MEMBER') OR NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = chair)) THEN\n"
  "    RETURN NEW;\n"
  "  END IF;\n"
  "  RAISE EXCEPTION USING ERRCODE = '42501', MESSAGE = format ('quorum: conference %s is chaired by %s, not %s: only its "
  "chair records in it, signs it off or amends it (a Quorum administrator hands it over: quorum-cli conference "
  "handover %s --to %s), so nothing was recorded', conf, chair, session_user, conf, session_user);\n"
  "END $$;\n"
  /* The trigger conference_handover_check: handed over by a Quorum administrator or by its chair,
   * from its chair now to another chair (a login with quorum_chair). */
  "CREATE OR REPLACE FUNCTION quorum_handover_check () RETURNS trigger LANGUAGE plpgsql AS $$\n"
  "DECLARE chair text;\n"
  "BEGIN\n"
  "  chair := quorum_conference_chair (NEW.conference_id);\n"
  "  IF chair IS NULL THEN\n"
  "    RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = format ('quorum: there is no conference %s', NEW.conference_id);\n"
  "  END IF;\n"
  "  IF NOT (pg_has_role (session_user, 'quorum_admin', 'MEMBER') OR chair = session_user) THEN\n"
  "    RAISE EXCEPTION USING ERRCODE = '42501', MESSAGE = format ('quorum: conference %s is chaired by %s: only its "
  "chair or a Quorum administrator hands it over, so nothing was recorded', NEW.conference_id, chair);\n"
  "  END IF;\n"
  "  IF NEW.from_chair IS DISTINCT FROM chair THEN\n"
  "    RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = format ('quorum: conference %s is chaired by %s, not %s, so "
  "nothing was recorded', NEW.conference_id, chair, NEW.from_chair);\n"
  "  END IF;\n"
  "  IF NEW.to_chair = chair THEN\n"
  "    RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = format ('quorum: conference %s is chaired by %s already, so "
  "nothing was recorded', NEW.conference_id, chair);\n"
  "  END IF;\n"
  "  IF NOT EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = NEW.to_chair AND r.rolcanlogin AND NOT r.rolsuper\n"
  "                 AND pg_has_role (r.rolname, 'quorum_chair', 'MEMBER')) THEN\n"
  "    RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = format ('quorum: %s is not a chair on this server (a login "
  "with the role chair: quorum-cli admin grant %s chair), so nothing was recorded', NEW.to_chair, NEW.to_chair);\n"
  "  END IF;\n"
  "  RETURN NEW;\n"
  "END $$;\n";

/* 13: the hand-overs, append-only, audited, naming who recorded them; and the guard on the
 * tables of the meeting's record. */
#define HANDOVER_TABLE \
  "CREATE TABLE conference_handover (\n" \
  ID \
  "  conference_id bigint NOT NULL REFERENCES conference (id),\n" \
  "  from_chair    text NOT NULL,\n" \
  "  to_chair      text NOT NULL,\n" \
  "  reason        text,\n" \
  "  recorded_at   text NOT NULL,\n" \
  "  recorded_by   text NOT NULL\n" \
  ");\n" \
  "CREATE INDEX conference_handover_conference ON conference_handover (conference_id);\n"
/* Named to fire after <table>_finalised_*: a signed-off record says so first. */
#define CHAIR_ONLY(table, when) \
  "CREATE TRIGGER " table "_its_chair BEFORE " when " ON " table \
  " FOR EACH ROW EXECUTE FUNCTION quorum_chair_only ();\n"
#define CHAIR_TRIGGERS \
  NO_DELETE ("conference_handover") NO_UPDATE ("conference_handover") \
  "CREATE TRIGGER conference_handover_check BEFORE INSERT ON conference_handover " \
  "FOR EACH ROW EXECUTE FUNCTION quorum_handover_check ();\n" \
  AUDITED ("conference_handover") \
  ACTOR ("conference_handover", "recorded_by") \
  NOTIFY ("conference_handover", "conference", "conference_id") \
  CHAIR_ONLY ("conference", "UPDATE") \
  CHAIR_ONLY ("child", "INSERT OR UPDATE") \
  CHAIR_ONLY ("attendee", "INSERT OR UPDATE") \
  CHAIR_ONLY ("attempt", "INSERT OR UPDATE") \
  CHAIR_ONLY ("vote", "INSERT OR UPDATE") \
  CHAIR_ONLY ("decision", "INSERT OR UPDATE") \
  CHAIR_ONLY ("dissent", "INSERT OR UPDATE") \
  CHAIR_ONLY ("plan", "INSERT OR UPDATE") \
  CHAIR_ONLY ("referral", "INSERT") \
  CHAIR_ONLY ("amendment", "INSERT") \
  CHAIR_ONLY ("conference_profile", "INSERT") \
  CHAIR_ONLY ("attendance_event", "INSERT OR UPDATE") \
  CHAIR_ONLY ("decision_presence", "INSERT") \
  CHAIR_ONLY ("member_view", "INSERT OR UPDATE") \
  CHAIR_ONLY ("superseded_view", "INSERT")

/* The key: 32 bytes made in the server (SHA-256 of three random UUIDs, 366 random bits from the
 * server's strong generator, and the time), in a table nobody is granted (and row-level security
 * with no policy: only the owner and a superuser see its row). Its public id (16 hex digits of
 * its HMAC of a fixed text) in meta, as the SQLite store's audit_key_id. */
static const char audit_key_table[] =
  "CREATE TABLE audit_key (\n"
  "  id      integer PRIMARY KEY CHECK (id = 1),\n"
  "  key       bytea NOT NULL CHECK (length (key) = 32),\n"
  "  inner_pad bytea NOT NULL,\n"
  "  outer_pad bytea NOT NULL,\n"
  "  made_at   timestamptz NOT NULL DEFAULT now (),\n"
  "  CHECK (inner_pad = quorum_hmac_pad (key, 54) AND outer_pad = quorum_hmac_pad (key, 92))\n"
  ");\n"
  "ALTER TABLE audit_key ENABLE ROW LEVEL SECURITY;\n"
  "REVOKE ALL ON audit_key FROM PUBLIC;\n"
  "INSERT INTO audit_key (id, key, inner_pad, outer_pad)\n"
  "  SELECT 1, r.k, quorum_hmac_pad (r.k, 54), quorum_hmac_pad (r.k, 92) FROM\n"
  "  (SELECT sha256 (convert_to (gen_random_uuid ()::text || gen_random_uuid ()::text || gen_random_uuid ()::text ||\n"
  "                             clock_timestamp ()::text, 'UTF8')) AS k) r;\n"
  "INSERT INTO meta (key, value) SELECT 'audit_key_id', left (quorum_hmac (a.key, 'quorum-key-id'), 16) "
  "FROM audit_key a ON CONFLICT (key) DO UPDATE SET value = excluded.value;\n"
  "INSERT INTO meta (key, value) VALUES ('audit_keyed_by', 'server') "
  "ON CONFLICT (key) DO UPDATE SET value = excluded.value;\n";

#define AUDIT_KEYED_TRIGGER \
  "CREATE TRIGGER audit_keyed AFTER INSERT ON audit FOR EACH ROW EXECUTE FUNCTION quorum_audit_keyed ();\n"

/* A database made before the server kept the key (schema 9, MACs made on each chair's laptop,
 * which no one key can check): its chain is checked whole in the server first, and a broken
 * one is never keyed; a log the server had keyed whose key is gone is never keyed again. The
 * laptops' MACs are kept in audit_mac_laptop; audit_mac then holds the server's. */
static const char audit_key_before[] =
  "DO $$\n"
  "DECLARE e record; last_id bigint := 0; prev text := repeat ('0', 64);\n"
  "BEGIN\n"
  "  IF EXISTS (SELECT 1 FROM meta WHERE key = 'audit_keyed_by' AND value = 'server') THEN\n"
  "    RAISE EXCEPTION USING ERRCODE = '55000', MESSAGE = 'quorum: the server''s audit key was removed, so "
  "the audit log is not keyed again (the seals printed on its exports still prove the record as it stood)';\n"
  "  END IF;\n"
  "  FOR e IN SELECT * FROM audit ORDER BY id LOOP\n"
  "    IF e.id <> last_id + 1 OR e.prev_hash IS DISTINCT FROM prev OR\n"
  "       e.hash IS DISTINCT FROM quorum_audit_entry_hash (e.id, e.at, e.\"user\", e.action, e.entity, e.entity_id,\n"
  "                                                        e.conference_id, e.summary, e.data, e.row_hash, e.prev_hash) OR\n"
  "       e.row_hash IS DISTINCT FROM encode (sha256 (convert_to (e.data, 'UTF8')), 'hex') THEN\n"
  "      RAISE EXCEPTION USING ERRCODE = '55000', MESSAGE = format ('quorum: the audit log is broken at entry %s, "
  "so the server did not key it: run quorum-cli verify', e.id);\n"
  "    END IF;\n"
  "    prev := e.hash;\n"
  "    last_id := e.id;\n"
  "  END LOOP;\n"
  "  CREATE TABLE IF NOT EXISTS audit_mac_laptop (audit_id bigint PRIMARY KEY, mac text NOT NULL);\n"
  "  INSERT INTO audit_mac_laptop SELECT audit_id, mac FROM audit_mac ON CONFLICT DO NOTHING;\n"
  "  ALTER TABLE audit_mac DISABLE TRIGGER audit_mac_no_delete;\n"
  "  EXECUTE format ('GRANT DELETE ON audit_mac TO %I', current_user);\n"
  "  DELETE FROM audit_mac;\n"
  "  EXECUTE format ('REVOKE DELETE ON audit_mac FROM %I', current_user);\n"
  "  ALTER TABLE audit_mac ENABLE TRIGGER audit_mac_no_delete;\n"
  "END $$;\n";

/* … then, the key made, every entry keyed by the server, in order. */
static const char audit_key_existing[] =
  "DO $$\n"
  "DECLARE ipad bytea; opad bytea; database text; prev_mac text; mac text; last_id bigint := 0; e record;\n"
  "BEGIN\n"
  "  SELECT a.inner_pad, a.outer_pad INTO ipad, opad FROM audit_key a WHERE a.id = 1;\n"
  "  SELECT m.value INTO database FROM meta m WHERE m.key = 'database_id';\n"
  "  prev_mac := quorum_hmac_padded (ipad, opad, 'quorum-audit-genesis|' || coalesce (database, ''));\n"
  "  FOR e IN SELECT id, hash FROM audit ORDER BY id LOOP\n"
  "    mac := quorum_hmac_padded (ipad, opad, 'quorum-audit-entry|' || e.id || '|' || prev_mac || '|' || e.hash);\n"
  "    INSERT INTO audit_mac (audit_id, mac) VALUES (e.id, mac);\n"
  "    prev_mac := mac;\n"
  "    last_id := e.id;\n"
  "  END LOOP;\n"
  "  IF last_id > 0 THEN\n"
  "    INSERT INTO meta (key, value)\n"
  "      VALUES ('audit_head_mac', quorum_hmac_padded (ipad, opad, 'quorum-audit-head|' || coalesce (database, '') || '|' ||\n"
  "                                            last_id || '|' || prev_mac))\n"
  "      ON CONFLICT (key) DO UPDATE SET value = excluded.value;\n"
  "  END IF;\n"
  "END $$;\n";

/* SQLite's functions that the store's SQL uses and PostgreSQL names otherwise, so that the SQL
 * is written once: max/min of two values (GREATEST/LEAST), group_concat (string_agg), instr. */
static const char compat[] =
  "CREATE FUNCTION max (a anycompatible, b anycompatible) RETURNS anycompatible\n"
  "  LANGUAGE sql IMMUTABLE AS 'SELECT greatest (a, b)';\n"
  "CREATE FUNCTION min (a anycompatible, b anycompatible) RETURNS anycompatible\n"
  "  LANGUAGE sql IMMUTABLE AS 'SELECT least (a, b)';\n"
  "CREATE FUNCTION instr (haystack text, needle text) RETURNS integer\n"
  "  LANGUAGE sql IMMUTABLE STRICT AS 'SELECT strpos (haystack, needle)';\n"
  "CREATE FUNCTION quorum_group_concat_step (state text, value text, separator text) RETURNS text\n"
  "  LANGUAGE sql IMMUTABLE AS\n"
  "  'SELECT CASE WHEN value IS NULL THEN state WHEN state IS NULL THEN value ELSE state || separator || value END';\n"
  "CREATE AGGREGATE group_concat (text, text) (SFUNC = quorum_group_concat_step, STYPE = text);\n";

/* Live updates, whoever writes (the app, the CLI, psql): a change to a conference's record
 * notifies "conference" with its id, to a referral "referral" with the referral's id, to a
 * difference "difference" with its id, when the transaction commits (the same notification
 * twice in one transaction is sent once). TG_ARGV[0]: the channel, TG_ARGV[1]: the column. */
#define NOTIFY(table, channel, column) \
  "CREATE TRIGGER " table "_notify AFTER INSERT OR UPDATE ON " table \
  " FOR EACH ROW EXECUTE FUNCTION quorum_notify_change ('" channel "', '" column "');\n"

/* 10: one arrival a person, one leave a person that stands (a withdrawn one does not count). */
#define ATTENDANCE_ONCE \
  "CREATE UNIQUE INDEX attendance_event_arrived_once ON attendance_event (attendee_id) WHERE event = 'arrived';\n" \
  "CREATE UNIQUE INDEX attendance_event_left_once ON attendance_event (attendee_id) " \
  "WHERE event = 'left' AND withdrawn_at IS NULL;\n"

/* Version 13 as one script: the state the SQLite migrations 1–13 leave (12's and 13's triggers below). */
static const char tables[] =
  "CREATE TABLE schema_migration (\n"
  "  version    integer PRIMARY KEY,\n"
  "  applied_at timestamptz NOT NULL DEFAULT now (),\n"
  "  applied_by text NOT NULL DEFAULT session_user\n"
  ");\n"
  "CREATE TABLE meta (\n"
  "  key   text PRIMARY KEY,\n"
  "  value text NOT NULL\n"
  ");\n"
  "CREATE TABLE conference (\n"
  ID
  "  kind             text NOT NULL CHECK (kind IN ('initial', 'review', 'transfer-in', 'pre-birth')),\n"
  "  date             text NOT NULL,\n"
  "  time             text,\n"
  "  venue            text,\n"
  "  chair            text NOT NULL,\n"
  "  minute_taker     text,\n"
  "  case_ref         text,\n"
  "  profile          text NOT NULL,\n"
  "  created_at       text NOT NULL,\n"
  "  created_by       text NOT NULL,\n"
  "  finalised_at     text,\n"
  "  finalised_by     text,\n"
  "  inquorate_reason text\n"
  ");\n"
  "CREATE INDEX conference_date ON conference (date DESC, id DESC);\n"
  "CREATE TABLE child (\n"
  ID
  "  conference_id bigint NOT NULL REFERENCES conference (id),\n"
  "  position      bigint NOT NULL,\n"
  "  name          text NOT NULL\n"
  ");\n"
  "CREATE INDEX child_conference ON child (conference_id);\n"
  "CREATE TABLE attendee (\n"
  ID
  "  conference_id   bigint NOT NULL REFERENCES conference (id),\n"
  "  name            text NOT NULL,\n"
  "  role            text,\n"
  "  agency          text NOT NULL,\n"
  "  line_management text NOT NULL,\n"
  "  voting          bigint NOT NULL CHECK (voting IN (0, 1)),\n"
  "  attendance      text NOT NULL CHECK (attendance IN ('present', 'apologies', 'report-sent')),\n"
  "  recorded_at     text NOT NULL\n"
  ");\n"
  "CREATE INDEX attendee_conference ON attendee (conference_id);\n"
  "CREATE TABLE attempt (\n"
  ID
  "  conference_id bigint NOT NULL REFERENCES conference (id),\n"
  "  child_id      bigint NOT NULL REFERENCES child (id),\n"
  "  round         bigint NOT NULL,\n"
  "  proposal      text,\n"
  "  summary       text NOT NULL,\n"
  "  views         text,\n"
  "  agreed        text NOT NULL CHECK (agreed IN ('none', 'plan', 'no-plan')),\n"
  "  categories    text NOT NULL DEFAULT '',\n"
  "  recorded_at   text NOT NULL,\n"
  "  recorded_by   text NOT NULL,\n"
  "  UNIQUE (child_id, round)\n"
  ");\n"
  "CREATE TABLE vote (\n"
  ID
  "  conference_id     bigint NOT NULL REFERENCES conference (id),\n"
  "  child_id          bigint NOT NULL REFERENCES child (id),\n"
  "  grp               text NOT NULL,\n"
  "  grp_key           text NOT NULL,\n"
  "  view              text NOT NULL CHECK (view IN ('plan', 'no-plan', 'decline')),\n"
  "  categories        text NOT NULL DEFAULT '',\n"
  "  reason            text,\n"
  "  members_disagreed bigint NOT NULL DEFAULT 0,\n"
  "  recorded_at       text NOT NULL,\n"
  "  recorded_by       text NOT NULL,\n"
  "  UNIQUE (child_id, grp_key)\n"
  ");\n"
  "CREATE TABLE decision (\n"
  ID
  "  conference_id bigint NOT NULL REFERENCES conference (id),\n"
  "  child_id      bigint NOT NULL UNIQUE REFERENCES child (id),\n"
  "  outcome       text NOT NULL CHECK (outcome IN ('plan', 'no-plan')),\n"
  "  basis         text NOT NULL CHECK (basis IN ('consensus', 'majority', 'split', 'chair')),\n"
  "  categories    text NOT NULL DEFAULT '',\n"
  "  n_plan        bigint NOT NULL,\n"
  "  n_no_plan     bigint NOT NULL,\n"
  "  n_declined    bigint NOT NULL,\n"
  "  decided_at    text NOT NULL,\n"
  "  decided_by    text NOT NULL,\n"
  /* 11: the chair's own reasons (last, as SQLite's) */
  "  reason        text\n"
  ");\n"
  "CREATE TABLE dissent (\n"
  ID
  "  conference_id   bigint NOT NULL REFERENCES conference (id),\n"
  "  decision_id     bigint NOT NULL REFERENCES decision (id),\n"
  "  position        bigint NOT NULL,\n"
  "  grp             text NOT NULL,\n"
  "  view            text NOT NULL,\n"
  "  categories      text NOT NULL DEFAULT '',\n"
  "  representatives text NOT NULL,\n"
  "  reason          text\n"
  ");\n"
  "CREATE TABLE plan (\n"
  ID
  "  conference_id bigint NOT NULL REFERENCES conference (id),\n"
  "  child_id      bigint NOT NULL UNIQUE REFERENCES child (id),\n"
  "  start         text NOT NULL,\n"
  "  from_split    bigint NOT NULL,\n"
  "  categories    text NOT NULL DEFAULT ''\n"
  ");\n"
  "CREATE TABLE referral (\n"
  ID
  "  conference_id  bigint NOT NULL REFERENCES conference (id),\n"
  "  child_id       bigint NOT NULL UNIQUE REFERENCES child (id),\n"
  "  due            text NOT NULL,\n"
  "  notified       text,\n"
  "  panel_due      text,\n"
  "  panel_date     text,\n"
  "  outcome        text NOT NULL DEFAULT 'none'\n"
  "                 CHECK (outcome IN ('none', 'plan-confirmed', 'plan-ended', 'other')),\n"
  "  outcome_reason text\n"
  ");\n"
  "CREATE INDEX referral_due ON referral (due);\n"
  "CREATE TABLE amendment (\n"
  ID
  "  conference_id bigint NOT NULL REFERENCES conference (id),\n"
  "  at            text NOT NULL,\n"
  "  by            text NOT NULL,\n"
  "  reason        text NOT NULL,\n"
  "  change        text NOT NULL,\n"
  "  record        text,\n"
  "  field         text,\n"
  "  old_value     text,\n"
  "  new_value     text\n"
  ");\n"
  "CREATE TABLE closure_day (\n"
  ID
  "  region text NOT NULL,\n"
  "  date   text NOT NULL,\n"
  "  name   text NOT NULL,\n"
  "  UNIQUE (region, date)\n"
  ");\n"
  /* The chain numbers its own entries: no identity. "user" is a reserved word here: the store
   * writes it quoted (SQLite reads "user" the same). */
  "CREATE TABLE audit (\n"
  "  id            bigint PRIMARY KEY,\n"
  "  at            text NOT NULL,\n"
  "  \"user\"        text NOT NULL,\n"
  "  action        text NOT NULL CHECK (action IN ('insert', 'update', 'delete')),\n"
  "  entity        text NOT NULL,\n"
  "  entity_id     bigint NOT NULL,\n"
  "  conference_id bigint,\n"
  "  summary       text NOT NULL,\n"
  "  data          text,\n"
  "  row_hash      text,\n"
  "  prev_hash     text NOT NULL,\n"
  "  hash          text NOT NULL\n"
  ");\n"
  "CREATE INDEX audit_entity ON audit (entity, entity_id);\n"
  "CREATE INDEX audit_conference ON audit (conference_id);\n"
  /* 2: differences between agencies */
  "CREATE TABLE difference (\n"
  ID
  "  conference_id     bigint REFERENCES conference (id),\n"
  "  profile           text NOT NULL,\n"
  "  raised_on         text NOT NULL " DATE_CHECK ("raised_on") ",\n"
  "  raised_by         text NOT NULL,\n"
  "  role              text,\n"
  "  agency            text NOT NULL,\n"
  "  against           text NOT NULL,\n"
  "  against_decision  text,\n"
  "  child             text,\n"
  "  area              text NOT NULL CHECK (area IN ('thresholds', 'referral-criteria',\n"
  "                    'assessment-outcome', 'roles-responsibilities', 'information-sharing',\n"
  "                    'communication', 'timeliness-drift', 'strategy-meeting-s47-conference',\n"
  "                    'case-closure', 'service-provision', 'resources', 'other')),\n"
  "  outcome_sought    text NOT NULL,\n"
  "  immediate_risk    bigint NOT NULL CHECK (immediate_risk IN (0, 1)),\n"
  "  stage             bigint NOT NULL CHECK (stage >= 1),\n"
  "  status            text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),\n"
  "  resolved_on       text " DATE_CHECK ("resolved_on") ",\n"
  "  resolved_by       text,\n"
  "  outcome           text,\n"
  "  challenge_outcome text,\n"
  "  feedback_to       text,\n"
  "  feedback_on       text " DATE_CHECK ("feedback_on") ",\n"
  "  debrief           bigint NOT NULL DEFAULT 0 CHECK (debrief IN (0, 1)),\n"
  "  protocol_review   bigint NOT NULL DEFAULT 0 CHECK (protocol_review IN (0, 1)),\n"
  "  created_at        text NOT NULL,\n"
  "  created_by        text NOT NULL,\n"
  "  CHECK ((status = 'open') = (resolved_on IS NULL)),\n"
  "  CHECK (status = 'open' OR outcome IS NOT NULL),\n"
  "  CHECK (status = 'resolved' OR (outcome IS NULL AND challenge_outcome IS NULL AND\n"
  "         feedback_to IS NULL AND debrief = 0 AND protocol_review = 0)),\n"
  "  CHECK (feedback_on IS NULL OR feedback_to IS NOT NULL)\n"
  ");\n"
  "CREATE INDEX difference_raised ON difference (raised_on, id);\n"
  "CREATE INDEX difference_conference ON difference (conference_id);\n"
  "CREATE TABLE difference_stage (\n"
  ID
  "  difference_id      bigint NOT NULL REFERENCES difference (id),\n"
  "  number             bigint NOT NULL CHECK (number >= 1),\n"
  "  name               text NOT NULL,\n"
  "  owner              text NOT NULL,\n"
  "  limit_working_days bigint CHECK (limit_working_days IS NULL OR limit_working_days >= 0),\n"
  "  entered_on         text NOT NULL " DATE_CHECK ("entered_on") ",\n"
  "  due                text " DATE_CHECK ("due") ",\n"
  "  reason             text,\n"
  "  recorded_at        text NOT NULL,\n"
  "  recorded_by        text NOT NULL,\n"
  "  UNIQUE (difference_id, number),\n"
  "  CHECK (due IS NULL OR length (due) = 10)\n"
  ");\n"
  "CREATE TABLE difference_note (\n"
  ID
  "  difference_id bigint NOT NULL REFERENCES difference (id),\n"
  "  stage         bigint NOT NULL CHECK (stage >= 1),\n"
  "  held_on       text NOT NULL " DATE_CHECK ("held_on") ",\n"
  "  participants  text NOT NULL,\n"
  "  summary       text NOT NULL,\n"
  "  agreed        text,\n"
  "  recorded_at   text NOT NULL,\n"
  "  recorded_by   text NOT NULL\n"
  ");\n"
  "CREATE INDEX difference_note_difference ON difference_note (difference_id);\n"
  "CREATE TABLE difference_answer (\n"
  ID
  "  difference_id bigint NOT NULL REFERENCES difference (id),\n"
  "  note_id       bigint NOT NULL REFERENCES difference_note (id),\n"
  "  position      bigint NOT NULL CHECK (position >= 1),\n"
  "  question      text NOT NULL,\n"
  "  answer        text NOT NULL,\n"
  "  UNIQUE (note_id, position)\n"
  ");\n"
  /* 3 */
  "CREATE INDEX dissent_decision ON dissent (decision_id);\n"
  "CREATE INDEX amendment_conference ON amendment (conference_id);\n"
  /* 4 */
  "CREATE TABLE conference_profile (\n"
  ID
  "  conference_id bigint NOT NULL UNIQUE REFERENCES conference (id),\n"
  "  profile       text NOT NULL,\n"
  "  data          text NOT NULL\n"
  ");\n"
  /* 5: drafts, not records */
  "CREATE TABLE draft (\n"
  "  conference_id bigint NOT NULL DEFAULT 0,\n"
  "  scope         text NOT NULL,\n"
  "  field         text NOT NULL,\n"
  "  text          text NOT NULL,\n"
  "  updated_at    text NOT NULL,\n"
  "  PRIMARY KEY (conference_id, scope, field)\n"
  ");\n"
  /* 6 */
  "CREATE TABLE attendance_event (\n"
  ID
  "  conference_id bigint NOT NULL REFERENCES conference (id),\n"
  "  attendee_id   bigint NOT NULL REFERENCES attendee (id),\n"
  "  event         text NOT NULL CHECK (event IN ('arrived', 'left')),\n"
  "  at            text NOT NULL " TIME_CHECK ("at") ",\n"
  "  recorded_at   text NOT NULL,\n"
  "  recorded_by   text NOT NULL,\n"
  /* 10: a leave undone is withdrawn (the two columns last, as SQLite's) */
  "  withdrawn_at  text,\n"
  "  withdrawn_by  text,\n"
  "  CHECK (withdrawn_at IS NULL OR event = 'left'),\n"
  "  CHECK ((withdrawn_at IS NULL) = (withdrawn_by IS NULL))\n"
  ");\n"
  "CREATE INDEX attendance_event_conference ON attendance_event (conference_id);\n"
  ATTENDANCE_ONCE
  "CREATE TABLE decision_presence (\n"
  ID
  "  conference_id bigint NOT NULL REFERENCES conference (id),\n"
  "  decision_id   bigint NOT NULL REFERENCES decision (id),\n"
  "  attendee_id   bigint NOT NULL REFERENCES attendee (id),\n"
  "  status        text NOT NULL CHECK (status IN ('present', 'left')),\n"
  "  UNIQUE (decision_id, attendee_id)\n"
  ");\n"
  "CREATE INDEX decision_presence_conference ON decision_presence (conference_id);\n"
  "CREATE TABLE member_view (\n"
  ID
  "  conference_id bigint NOT NULL REFERENCES conference (id),\n"
  "  child_id      bigint NOT NULL REFERENCES child (id),\n"
  "  attendee_id   bigint NOT NULL REFERENCES attendee (id),\n"
  "  grp           text NOT NULL,\n"
  "  view          text NOT NULL CHECK (view IN ('plan', 'no-plan')),\n"
  "  categories    text NOT NULL DEFAULT '',\n"
  "  reason        text,\n"
  "  recorded_at   text NOT NULL,\n"
  "  recorded_by   text NOT NULL,\n"
  "  UNIQUE (child_id, attendee_id)\n"
  ");\n"
  "CREATE INDEX member_view_conference ON member_view (conference_id);\n"
  "CREATE TABLE superseded_view (\n"
  ID
  "  conference_id bigint NOT NULL REFERENCES conference (id),\n"
  "  child_id      bigint NOT NULL REFERENCES child (id),\n"
  "  vote_id       bigint NOT NULL REFERENCES vote (id),\n"
  "  attempt_id    bigint NOT NULL REFERENCES attempt (id),\n"
  "  grp           text NOT NULL,\n"
  "  view          text NOT NULL,\n"
  "  categories    text NOT NULL DEFAULT '',\n"
  "  reason        text,\n"
  "  given_at      text NOT NULL\n"
  ");\n"
  "CREATE INDEX superseded_view_conference ON superseded_view (conference_id);\n"
  "CREATE TABLE challenge (\n"
  ID
  "  conference_id        bigint NOT NULL REFERENCES conference (id),\n"
  "  child_id             bigint NOT NULL REFERENCES child (id),\n"
  "  decision_id          bigint NOT NULL REFERENCES decision (id),\n"
  "  agency               text NOT NULL,\n"
  "  raised_by            text,\n"
  "  designated_person    text NOT NULL,\n"
  "  concern              text,\n"
  "  raised_on            text NOT NULL " DATE_CHECK ("raised_on") ",\n"
  "  coordinator          text,\n"
  "  alerted_on           text " DATE_CHECK ("alerted_on") ",\n"
  "  decided_on           text " DATE_CHECK ("decided_on") ",\n"
  "  decisions            text NOT NULL DEFAULT '',\n"
  "  reasons              text,\n"
  "  plan_id              bigint REFERENCES plan (id),\n"
  "  review_date          text " DATE_CHECK ("review_date") ",\n"
  "  review_conference_id bigint REFERENCES conference (id),\n"
  "  referral_id          bigint REFERENCES referral (id),\n"
  "  recorded_at          text NOT NULL,\n"
  "  recorded_by          text NOT NULL,\n"
  "  CHECK (alerted_on IS NULL OR alerted_on >= raised_on),\n"
  "  CHECK (decided_on IS NULL OR (alerted_on IS NOT NULL AND decided_on >= alerted_on))\n"
  ");\n"
  "CREATE INDEX challenge_conference ON challenge (conference_id);\n"
  /* 8: the audit chain keyed */
  "CREATE TABLE audit_mac (\n"
  "  audit_id bigint PRIMARY KEY REFERENCES audit (id),\n"
  "  mac      text NOT NULL\n"
  ");\n"
  "INSERT INTO meta (key, value) VALUES ('database_id', replace (gen_random_uuid ()::text, '-', ''));\n"
  /* 9: plans, referrals and notices over time; differences as the policies say */
  "CREATE TABLE plan_event (\n"
  ID
  "  conference_id  bigint NOT NULL REFERENCES conference (id),\n"
  "  plan_id        bigint NOT NULL REFERENCES plan (id),\n"
  "  kind           text NOT NULL CHECK (kind IN ('review', 'ended')),\n"
  "  on_date        text NOT NULL " DATE_CHECK ("on_date") ",\n"
  "  by_conference  bigint REFERENCES conference (id),\n"
  "  reason         text,\n"
  "  recorded_at    text NOT NULL,\n"
  "  recorded_by    text NOT NULL\n"
  ");\n"
  "CREATE INDEX plan_event_plan ON plan_event (plan_id);\n"
  "CREATE TABLE referral_correction (\n"
  ID
  "  conference_id  bigint NOT NULL REFERENCES conference (id),\n"
  "  referral_id    bigint NOT NULL REFERENCES referral (id),\n"
  "  field          text NOT NULL CHECK (field IN ('notified', 'panel_date', 'outcome')),\n"
  "  old_value      text,\n"
  "  new_value      text NOT NULL,\n"
  "  reason         text NOT NULL,\n"
  "  recorded_at    text NOT NULL,\n"
  "  recorded_by    text NOT NULL\n"
  ");\n"
  "CREATE INDEX referral_correction_referral ON referral_correction (referral_id);\n"
  "CREATE TABLE notice (\n"
  ID
  "  conference_id  bigint REFERENCES conference (id),\n"
  "  referral_id    bigint REFERENCES referral (id),\n"
  "  difference_id  bigint REFERENCES difference (id),\n"
  "  kind           text NOT NULL,\n"
  "  stage          bigint,\n"
  "  given_on       text NOT NULL " DATE_CHECK ("given_on") ",\n"
  "  given_by       text NOT NULL,\n"
  "  given_to       text NOT NULL,\n"
  "  about          text NOT NULL,\n"
  "  means          text NOT NULL,\n"
  "  recorded_at    text NOT NULL,\n"
  "  recorded_by    text NOT NULL,\n"
  "  CHECK ((referral_id IS NOT NULL)::int + (difference_id IS NOT NULL)::int = 1)\n"
  ");\n"
  "CREATE INDEX notice_referral ON notice (referral_id);\n"
  "CREATE INDEX notice_difference ON notice (difference_id);\n"
  "CREATE TABLE difference_event (\n"
  ID
  "  difference_id  bigint NOT NULL REFERENCES difference (id),\n"
  "  kind           text NOT NULL CHECK (kind IN ('immediate-risk', 'formal-challenge', 'area-other',\n"
  "                 'disagreement-remains')),\n"
  "  stage          bigint NOT NULL CHECK (stage >= 1),\n"
  "  on_date        text NOT NULL " DATE_CHECK ("on_date") ",\n"
  "  detail         text,\n"
  "  due            text " DATE_CHECK ("due") ",\n"
  "  recorded_at    text NOT NULL,\n"
  "  recorded_by    text NOT NULL\n"
  ");\n"
  "CREATE INDEX difference_event_difference ON difference_event (difference_id);\n"
  /* 13 */
  HANDOVER_TABLE;

/* The triggers, with the SQLite triggers' names and messages (and, PostgreSQL having TRUNCATE,
 * a <table>_no_truncate beside every <table>_no_delete). */
static const char triggers[] =
  REFUSE ("audit_no_update", "BEFORE UPDATE", "audit", "quorum: the audit log is append-only")
  REFUSE ("audit_no_delete", "BEFORE DELETE", "audit", "quorum: the audit log is append-only")
  "CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit "
  "FOR EACH STATEMENT EXECUTE FUNCTION quorum_refuse ('quorum: the audit log is append-only');\n"
  "CREATE TRIGGER audit_continues BEFORE INSERT ON audit FOR EACH ROW EXECUTE FUNCTION quorum_audit_continues ();\n"
  AUDIT_KEYED_TRIGGER
  "CREATE TRIGGER conference_finalised_update BEFORE UPDATE ON conference "
  "FOR EACH ROW WHEN (OLD.finalised_at IS NOT NULL) "
  "EXECUTE FUNCTION quorum_refuse ('quorum: the conference is finalised');\n"
  NO_DELETE ("conference")
  FINALISED_GUARD ("child") NO_DELETE ("child")
  FINALISED_GUARD ("attendee") NO_DELETE ("attendee")
  FINALISED_GUARD ("attempt") NO_DELETE ("attempt")
  FINALISED_GUARD ("vote") NO_DELETE ("vote")
  FINALISED_GUARD ("decision") NO_DELETE ("decision")
  FINALISED_GUARD ("dissent") NO_DELETE ("dissent")
  "CREATE TRIGGER plan_finalised_insert BEFORE INSERT ON plan "
  "FOR EACH ROW EXECUTE FUNCTION quorum_finalised_unless_challenged ('interim-plan');\n"
  "CREATE TRIGGER plan_finalised_update BEFORE UPDATE ON plan "
  "FOR EACH ROW EXECUTE FUNCTION quorum_finalised_guard ();\n"
  NO_DELETE ("plan")
  NO_DELETE ("referral")
  NO_DELETE ("amendment")
  "CREATE TRIGGER referral_finalised_insert BEFORE INSERT ON referral "
  "FOR EACH ROW EXECUTE FUNCTION quorum_finalised_unless_challenged ('refer');\n"
  "CREATE TRIGGER referral_fixed_update BEFORE UPDATE OF conference_id, child_id, due ON referral "
  "FOR EACH ROW EXECUTE FUNCTION quorum_finalised_guard ();\n"
  "CREATE TRIGGER amendment_needs_finalised BEFORE INSERT ON amendment "
  "FOR EACH ROW EXECUTE FUNCTION quorum_amendment_needs_finalised ();\n"
  REFUSE ("amendment_no_update", "BEFORE UPDATE", "amendment", "quorum: amendments are never changed")
  /* 2 */
  NO_DELETE ("difference")
  NO_DELETE ("difference_stage") NO_UPDATE ("difference_stage") ONLY_WHILE_OPEN ("difference_stage")
  NO_DELETE ("difference_note") NO_UPDATE ("difference_note") ONLY_WHILE_OPEN ("difference_note")
  NO_DELETE ("difference_answer") NO_UPDATE ("difference_answer")
  "CREATE TRIGGER difference_raising_update BEFORE UPDATE OF id, conference_id, profile, raised_on, "
  "raised_by, role, agency, against, against_decision, child, area, outcome_sought, immediate_risk, "
  "created_at, created_by ON difference "
  "FOR EACH ROW EXECUTE FUNCTION quorum_refuse ('quorum: a raised difference is never rewritten');\n"
  "CREATE TRIGGER difference_stage_step BEFORE UPDATE OF stage ON difference FOR EACH ROW "
  "WHEN (NEW.stage <> OLD.stage AND (NEW.stage < OLD.stage + 1 OR NEW.stage > OLD.stage + 2)) "
  "EXECUTE FUNCTION quorum_refuse ('quorum: a difference escalates one stage at a time, or over an alternative');\n"
  "CREATE TRIGGER difference_resolved_update BEFORE UPDATE OF stage, status, resolved_on, "
  "resolved_by, outcome, challenge_outcome ON difference FOR EACH ROW "
  "WHEN (OLD.status = 'resolved') "
  "EXECUTE FUNCTION quorum_refuse ('quorum: the difference is resolved');\n"
  "CREATE TRIGGER difference_follow_up_update BEFORE UPDATE OF feedback_to, feedback_on, debrief, "
  "protocol_review ON difference FOR EACH ROW "
  "WHEN (OLD.status = 'resolved' AND ((OLD.feedback_to IS NOT NULL AND NEW.feedback_to IS DISTINCT FROM OLD.feedback_to) "
  "OR (OLD.feedback_on IS NOT NULL AND NEW.feedback_on IS DISTINCT FROM OLD.feedback_on) "
  "OR NEW.debrief < OLD.debrief OR NEW.protocol_review < OLD.protocol_review)) "
  "EXECUTE FUNCTION quorum_refuse ('quorum: recorded follow-up is never withdrawn');\n"
  /* 4 */
  REFUSE ("conference_profile_no_update", "BEFORE UPDATE", "conference_profile", "quorum: a frozen profile never changes")
  NO_DELETE ("conference_profile")
  /* 6 */
  FINALISED_GUARD ("attendance_event") NO_DELETE ("attendance_event")
  ATTENDANCE_WITHDRAW_ONLY_TRIGGER
  FINALISED_GUARD ("decision_presence") NO_DELETE ("decision_presence") NO_UPDATE ("decision_presence")
  FINALISED_GUARD ("member_view") NO_DELETE ("member_view")
  FINALISED_GUARD ("superseded_view") NO_DELETE ("superseded_view") NO_UPDATE ("superseded_view")
  NO_DELETE ("challenge")
  "CREATE TRIGGER challenge_raising_update BEFORE UPDATE OF id, conference_id, child_id, decision_id, "
  "agency, raised_by, designated_person, concern, raised_on, recorded_at, recorded_by ON challenge "
  "FOR EACH ROW EXECUTE FUNCTION quorum_refuse ('quorum: a raised challenge is never rewritten');\n"
  "CREATE TRIGGER challenge_alert_update BEFORE UPDATE OF coordinator, alerted_on ON challenge "
  "FOR EACH ROW WHEN (OLD.alerted_on IS NOT NULL) "
  "EXECUTE FUNCTION quorum_refuse ('quorum: the alert is recorded once');\n"
  "CREATE TRIGGER challenge_decided_update BEFORE UPDATE OF decided_on, decisions, reasons, review_date ON challenge "
  "FOR EACH ROW WHEN (OLD.decided_on IS NOT NULL) "
  "EXECUTE FUNCTION quorum_refuse ('quorum: the Co-ordinator’s decision is recorded once');\n"
  "CREATE TRIGGER challenge_made_update BEFORE UPDATE OF plan_id, review_conference_id, referral_id ON challenge "
  "FOR EACH ROW WHEN ((OLD.plan_id IS NOT NULL AND NEW.plan_id IS DISTINCT FROM OLD.plan_id) "
  "OR (OLD.review_conference_id IS NOT NULL AND NEW.review_conference_id IS DISTINCT FROM OLD.review_conference_id) "
  "OR (OLD.referral_id IS NOT NULL AND NEW.referral_id IS DISTINCT FROM OLD.referral_id)) "
  "EXECUTE FUNCTION quorum_refuse ('quorum: the Co-ordinator’s decision is recorded once');\n"
  /* 8 */
  REFUSE ("audit_mac_no_update", "BEFORE UPDATE", "audit_mac", "quorum: the audit log is append-only")
  REFUSE ("audit_mac_no_delete", "BEFORE DELETE", "audit_mac", "quorum: the audit log is append-only")
  "CREATE TRIGGER audit_mac_no_truncate BEFORE TRUNCATE ON audit_mac "
  "FOR EACH STATEMENT EXECUTE FUNCTION quorum_refuse ('quorum: the audit log is append-only');\n"
  /* 9 */
  NO_DELETE ("plan_event") NO_UPDATE ("plan_event")
  NO_DELETE ("referral_correction") NO_UPDATE ("referral_correction")
  NO_DELETE ("notice") NO_UPDATE ("notice")
  NO_DELETE ("difference_event") NO_UPDATE ("difference_event")
  /* PostgreSQL only: live updates */
  NOTIFY ("conference", "conference", "id")
  NOTIFY ("child", "conference", "conference_id")
  NOTIFY ("attendee", "conference", "conference_id")
  NOTIFY ("attempt", "conference", "conference_id")
  NOTIFY ("vote", "conference", "conference_id")
  NOTIFY ("decision", "conference", "conference_id")
  NOTIFY ("plan", "conference", "conference_id")
  NOTIFY ("amendment", "conference", "conference_id")
  NOTIFY ("attendance_event", "conference", "conference_id")
  NOTIFY ("member_view", "conference", "conference_id")
  NOTIFY ("challenge", "conference", "conference_id")
  NOTIFY ("referral", "referral", "id")
  NOTIFY ("referral_correction", "referral", "referral_id")
  NOTIFY ("notice", "referral", "referral_id")
  NOTIFY ("plan_event", "conference", "conference_id")
  NOTIFY ("difference", "difference", "id")
  NOTIFY ("difference_stage", "difference", "difference_id")
  NOTIFY ("difference_note", "difference", "difference_id")
  NOTIFY ("difference_event", "difference", "difference_id")
  /* 12 */
  RECORD_TRIGGERS
  /* 13 */
  CHAIR_TRIGGERS;

typedef struct
{
  int         version;
  const char *sql;
} PgMigration;

/* 10 (SQLite's 10): a leave undone is withdrawn (withdrawn_at, withdrawn_by), not overwritten
 * with the time 29:59; one leave a person that stands. A version-9 leave undone is carried over
 * withdrawn by whoever undid it, when they did, its time, recorder and recording time restored
 * from the newest audit entry for the row that had a real time (left as it was when there is
 * none), and an audit entry appended for it, made here as the store makes one (the row's
 * canonical form, the chain's hashes; the server's trigger keys it), in the name of whoever runs
 * the migration (`admin init`). Run as the tables' owner, who alone may lift the sign-off guard
 * for it. */
static const char migration_v10[] =
  "ALTER TABLE attendance_event ADD COLUMN withdrawn_at text, ADD COLUMN withdrawn_by text,\n"
  "  ADD CHECK (withdrawn_at IS NULL OR event = 'left'),\n"
  "  ADD CHECK ((withdrawn_at IS NULL) = (withdrawn_by IS NULL));\n"
  "ALTER TABLE attendance_event DROP CONSTRAINT IF EXISTS attendance_event_attendee_id_event_key;\n"
  ATTENDANCE_ONCE
  ATTENDANCE_WITHDRAW_ONLY
  "ALTER TABLE attendance_event DISABLE TRIGGER attendance_event_finalised_update;\n"
  "DO $$\n"
  "DECLARE e record; prior text; v_at text; v_rat text; v_rby text; m text[]; d text; rh text; s text;\n"
  "        last_id bigint; last_hash text; now_ts text;\n"
  "BEGIN\n"
  "  now_ts := to_char (clock_timestamp () AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"');\n"
  "  FOR e IN SELECT * FROM attendance_event WHERE event = 'left' AND at = '29:59' AND withdrawn_at IS NULL\n"
  "           ORDER BY id LOOP\n"
  "    v_at := e.at; v_rat := e.recorded_at; v_rby := e.recorded_by; prior := NULL;\n"
  "    SELECT a.data INTO prior FROM audit a WHERE a.entity = 'attendance_event' AND a.entity_id = e.id\n"
  "      AND a.data IS NOT NULL AND strpos (a.data, E'\\nat=t5:') > 0 AND strpos (a.data, E'\\nat=t5:29:59\\n') = 0\n"
  "      ORDER BY a.id DESC LIMIT 1;\n"
  "    m := regexp_match (prior, E'\\nat=t5:([0-2][0-9]:[0-5][0-9])\\n');\n"
  "    IF m IS NOT NULL THEN\n"
  "      v_at := m[1];\n"
  "      m := regexp_match (prior, E'\\nrecorded_at=t([0-9]+):([^\\n]*)\\n');\n"
  "      IF m IS NOT NULL AND octet_length (m[2]) = m[1]::int AND m[2] <> '' THEN v_rat := m[2]; END IF;\n"
  "      m := regexp_match (prior, E'\\nrecorded_by=t([0-9]+):([^\\n]*)\\n');\n"
  "      IF m IS NOT NULL AND octet_length (m[2]) = m[1]::int AND m[2] <> '' THEN v_rby := m[2]; END IF;\n"
  "    END IF;\n"
  "    UPDATE attendance_event SET at = v_at, recorded_at = v_rat, recorded_by = v_rby,\n"
  "      withdrawn_at = e.recorded_at, withdrawn_by = e.recorded_by WHERE id = e.id;\n"
  /* The row as quorum-store-audit.c's append_row writes it (its columns in order, bigint i…,
   * text t<bytes>:…). */
  "    d := 'id=i' || e.id || E'\\n' || 'conference_id=i' || e.conference_id || E'\\n' ||\n"
  "         'attendee_id=i' || e.attendee_id || E'\\n' ||\n"
  "         'event=t' || octet_length (e.event) || ':' || e.event || E'\\n' ||\n"
  "         'at=t' || octet_length (v_at) || ':' || v_at || E'\\n' ||\n"
  "         'recorded_at=t' || octet_length (v_rat) || ':' || v_rat || E'\\n' ||\n"
  "         'recorded_by=t' || octet_length (v_rby) || ':' || v_rby || E'\\n' ||\n"
  "         'withdrawn_at=t' || octet_length (e.recorded_at) || ':' || e.recorded_at || E'\\n' ||\n"
  "         'withdrawn_by=t' || octet_length (e.recorded_by) || ':' || e.recorded_by || E'\\n';\n"
  "    rh := encode (sha256 (convert_to (d, 'UTF8')), 'hex');\n"
  "    s := format ('attendee %s left at %s undone: back in the room (at %s by %s; withdrawn, as schema 10 records it)',\n"
  "                 e.attendee_id, v_at, e.recorded_at, e.recorded_by);\n"
  "    last_id := NULL; last_hash := NULL;\n"
  "    SELECT a.id, a.hash INTO last_id, last_hash FROM audit a ORDER BY a.id DESC LIMIT 1;\n"
  "    last_id := coalesce (last_id, 0) + 1;\n"
  "    last_hash := coalesce (last_hash, repeat ('0', 64));\n"
  "    INSERT INTO audit (id, at, \"user\", action, entity, entity_id, conference_id, summary, data, row_hash,\n"
  "                       prev_hash, hash)\n"
  "      VALUES (last_id, now_ts, session_user, 'update', 'attendance_event', e.id, e.conference_id, s, d, rh,\n"
  "              last_hash, quorum_audit_entry_hash (last_id, now_ts, session_user, 'update', 'attendance_event',\n"
  "                                                  e.id, e.conference_id, s, d, rh, last_hash));\n"
  "  END LOOP;\n"
  "END $$;\n"
  "ALTER TABLE attendance_event ENABLE TRIGGER attendance_event_finalised_update;\n"
  ATTENDANCE_WITHDRAW_ONLY_TRIGGER;

/* 11 (SQLite's 11): the chair's own reasons for a decision the chair makes without consensus.
 * NULL on the rows before it, which their audited form leaves out while NULL (as SQLite's). */
static const char migration_v11[] =
  "ALTER TABLE decision ADD COLUMN IF NOT EXISTS reason text;\n";

/* 12: no record written by hand, and each names who wrote it (record_functions above). Only
 * triggers and functions: no row changes, so the audit chain is as it was. */
static const char migration_v12[] =
  RECORD_TRIGGERS;

/* 13: a conference is its chair's; a Quorum administrator hands it over (chair_functions above).
 * A new table and triggers: no row changes, so the audit chain is as it was. */
static const char migration_v13[] =
  HANDOVER_TABLE
  CHAIR_TRIGGERS;

/* Migrations after version 9, in order: a database at version N runs every entry above N. The
 * creation script above is always the newest version whole. */
static const PgMigration migrations[] = {
  { 9, NULL },
  { 10, migration_v10 },
  { 11, migration_v11 },
  { 12, migration_v12 },
  { 13, migration_v13 },
};

static int
latest_version (void)
{
  return migrations[G_N_ELEMENTS (migrations) - 1].version;
}

int
quorum_pg_schema_version (QuorumDb  *db,
                          GError   **error)
{
  QuorumDbStmt *stmt;
  gboolean exists = FALSE;
  int version = -1;

  /* Asked in two steps: a statement naming a missing table fails when it is prepared. */
  stmt = quorum_db_prepare (db, "SELECT to_regclass ('schema_migration') IS NOT NULL", error);
  if (stmt == NULL)
    return -1;
  if (quorum_db_step (stmt, error) == QUORUM_DB_ROW)
    exists = quorum_db_column_int64 (stmt, 0) != 0;
  quorum_db_reset (stmt);
  if (!exists)
    return 0;

  stmt = quorum_db_prepare (db, "SELECT coalesce (max (version), 0) FROM schema_migration", error);
  if (stmt == NULL)
    return -1;
  if (quorum_db_step (stmt, error) == QUORUM_DB_ROW)
    version = (int) quorum_db_column_int64 (stmt, 0);
  quorum_db_reset (stmt);
  return version;
}

gboolean
quorum_pg_schema_create (QuorumDb  *db,
                         GError   **error)
{
  g_autofree char *stamp = g_strdup_printf ("INSERT INTO schema_migration (version) VALUES (%d);\n",
                                            latest_version ());

  return quorum_db_exec (db, functions, error) &&
         quorum_db_exec (db, record_functions, error) &&
         quorum_db_exec (db, chair_functions, error) &&
         quorum_db_exec (db, audit_key_functions, error) &&
         quorum_db_exec (db, compat, error) &&
         quorum_db_exec (db, tables, error) &&
         quorum_db_exec (db, audit_key_table, error) &&
         quorum_db_exec (db, triggers, error) &&
         quorum_db_exec (db, stamp, error);
}

static gboolean
has_relation (QuorumDb   *db,
              const char *name,
              gboolean   *has,
              GError    **error)
{
  QuorumDbStmt *stmt = quorum_db_prepare (db, "SELECT to_regclass (?) IS NOT NULL", error);

  if (stmt == NULL)
    return FALSE;
  quorum_db_bind_text (stmt, 1, name);
  *has = quorum_db_step (stmt, error) == QUORUM_DB_ROW && quorum_db_column_int64 (stmt, 0) != 0;
  quorum_db_reset (stmt);
  return error == NULL || *error == NULL;
}

/* Inside a transaction, as the tables' owner: the step within version 9 that moves the audit
 * key into the server, on a database made before it (PostgreSQL only: the SQLite schema keeps
 * its key outside the file, so there is no SQLite counterpart and both stay at version 9). A
 * database that has the key is left as it is; its functions are renewed. */
static gboolean
key_in_server (QuorumDb  *db,
               GError   **error)
{
  gboolean has_key = FALSE;

  if (!has_relation (db, "audit_key", &has_key, error))
    return FALSE;
  /* 12's functions renewed too (a body rewritten outside Quorum is put back), before the
   * search_path of both is set (audit_key_functions' DO). */
  if (!quorum_db_exec (db, record_functions, error) || !quorum_db_exec (db, chair_functions, error) ||
      !quorum_db_exec (db, audit_key_functions, error))
    return FALSE;
  if (has_key)
    return TRUE;
  return quorum_db_exec (db, audit_key_before, error) &&
         quorum_db_exec (db, audit_key_table, error) &&
         quorum_db_exec (db, audit_key_existing, error) &&
         quorum_db_exec (db, "DROP TRIGGER IF EXISTS audit_keyed ON audit;\n" AUDIT_KEYED_TRIGGER, error);
}

/* Inside a transaction: the schema made, or brought from its version to the newest. */
static gboolean
bring_up_to_date (QuorumDb  *db,
                  GError   **error)
{
  int version = quorum_pg_schema_version (db, error);

  if (version < 0)
    return FALSE;
  if (version == 0)
    return quorum_pg_schema_create (db, error);
  if (version > latest_version ())
    {
      g_set_error (error, QUORUM_DB_ERROR, QUORUM_DB_ERROR_FAILED,
                   _("This database was made by a newer Quorum (schema %d; this one knows %d)"),
                   version, latest_version ());
      return FALSE;
    }
  /* The migrations may append audit entries (10): the entry hash's function first, which
   * key_in_server renews anyway. */
  if (version < latest_version () &&
      (!quorum_db_exec (db, audit_key_functions, error) || !quorum_db_exec (db, record_functions, error) ||
       !quorum_db_exec (db, chair_functions, error)))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (migrations); i++)
    {
      g_autofree char *stamp = NULL;

      if (migrations[i].sql == NULL || migrations[i].version <= version)
        continue;
      stamp = g_strdup_printf ("INSERT INTO schema_migration (version) VALUES (%d)", migrations[i].version);
      if (!quorum_db_exec (db, migrations[i].sql, error) || !quorum_db_exec (db, stamp, error))
        return FALSE;
    }
  return key_in_server (db, error);
}

gboolean
quorum_pg_schema_migrate (QuorumDb  *db,
                          GError   **error)
{
  QuorumDbStmt *stmt;
  gboolean owner = FALSE;

  /* Only the tables' owner (or a superuser) changes the schema: anyone else is told who does,
   * before anything is tried. */
  stmt = quorum_db_prepare (db, "SELECT pg_has_role (current_user, c.relowner, 'USAGE') "
                                "FROM pg_class c WHERE c.oid = to_regclass ('audit')", error);
  if (stmt == NULL)
    return FALSE;
  if (quorum_db_step (stmt, error) == QUORUM_DB_ROW)
    owner = quorum_db_column_int64 (stmt, 0) != 0;
  quorum_db_reset (stmt);
  if (error != NULL && *error != NULL)
    return FALSE;
  if (!owner)
    {
      g_set_error (error, QUORUM_DB_ERROR, QUORUM_DB_ERROR_PERMISSION,
                   _("its schema is older than this version of Quorum’s (%d), and only its administrator "
                     "brings it up to date, once, with “quorum-cli admin init --db …” (as a superuser of the server)"),
                   latest_version ());
      return FALSE;
    }

  if (!quorum_db_begin (db, TRUE, error))
    return FALSE;
  if (!bring_up_to_date (db, error))
    {
      quorum_db_rollback (db);
      return FALSE;
    }
  return quorum_db_commit (db, error);
}

gboolean
quorum_pg_begin_migration (QuorumDb  *db,
                           GError   **error)
{
  return quorum_db_exec (db, "SELECT set_config ('quorum.migrating', 'on', true)", error);
}

/* verify on PostgreSQL: the triggers and their functions are this version's, and in force. A
 * superuser can still do anything (and the audit chain is what finds what was done); this finds
 * the weakening left behind: a trigger dropped, disabled, pointed elsewhere or added, a trigger
 * function rewritten. */
typedef struct
{
  char *table;
  char *call;     /* "quorum_refuse('…')", spaces before '(' removed */
  gboolean when;
} ExpectedTrigger;

static void
expected_trigger_free (gpointer data)
{
  ExpectedTrigger *t = data;

  g_free (t->table);
  g_free (t->call);
  g_free (t);
}

static char *
squeeze_call (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (!(*p == ' ' && p[1] == '('))
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

static GHashTable *
expected_triggers (void)
{
  GHashTable *expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, expected_trigger_free);
  g_autoptr(GRegex) regex = g_regex_new ("CREATE (?:CONSTRAINT )?TRIGGER (\\w+) .*? ON (\\w+) "
                                         "(?:DEFERRABLE INITIALLY DEFERRED )?FOR EACH (?:ROW|STATEMENT) "
                                         "(WHEN .*? )?EXECUTE FUNCTION (\\w+ \\(.*?\\));\\n",
                                         G_REGEX_DOTALL, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  g_regex_match (regex, triggers, 0, &match);
  while (g_match_info_matches (match))
    {
      ExpectedTrigger *t = g_new0 (ExpectedTrigger, 1);
      g_autofree char *when = g_match_info_fetch (match, 3);
      g_autofree char *call = g_match_info_fetch (match, 4);

      t->table = g_match_info_fetch (match, 2);
      t->call = squeeze_call (call);
      t->when = when != NULL && *when != '\0';
      g_hash_table_insert (expected, g_match_info_fetch (match, 1), t);
      g_match_info_next (match, NULL);
    }
  return expected;
}

/* name → body of every function the schema defines with $$ … $$. */
static GHashTable *
expected_functions (void)
{
  GHashTable *expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GRegex) regex = g_regex_new ("CREATE (?:OR REPLACE )?FUNCTION (\\w+) \\(.*? AS \\$\\$(.*?)\\$\\$;",
                                         G_REGEX_DOTALL, 0, NULL);
  const char *texts[] = { functions, audit_key_functions, record_functions, chair_functions };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GMatchInfo) match = NULL;

      g_regex_match (regex, texts[i], 0, &match);
      while (g_match_info_matches (match))
        {
          g_hash_table_insert (expected, g_match_info_fetch (match, 1), g_match_info_fetch (match, 2));
          g_match_info_next (match, NULL);
        }
    }
  return expected;
}

/* What the server's keying of the audit chain adds (docs/notes/pgkey.md). */
static const char * const server_key_objects[] = {
  "audit_keyed", "quorum_audit_keyed", "quorum_audit_check", "quorum_hmac", "quorum_hmac_pad",
  "quorum_hmac_padded", "quorum_audit_field",
  "quorum_audit_entry_hash", NULL
};

gboolean
quorum_pg_schema_check (QuorumDb   *db,
                        GPtrArray  *problems,
                        GError    **error)
{
  g_autoptr(GHashTable) want = expected_triggers ();
  g_autoptr(GHashTable) bodies = expected_functions ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  QuorumDbStmt *stmt;
  QuorumDbStep step;
  guint before = problems->len;
  gboolean before_server_key = FALSE;
  int version;

  version = quorum_pg_schema_version (db, error);
  if (version < 0)
    return FALSE;
  if (version != latest_version ())
    g_ptr_array_add (problems, g_strdup_printf (_("Schema: %s differs from what this version of Quorum makes"),
                                                "schema_migration"));

  /* A database made before the server kept the audit key has none of its objects: that is for
   * the keyed part of verify to say (not verified, and what to do), not tampering. One the server
   * keyed says so in meta, and then they must all be there. */
  stmt = quorum_db_prepare (db,
                            "SELECT to_regclass ('audit_key') IS NULL AND NOT EXISTS "
                            "(SELECT 1 FROM meta WHERE key = 'audit_keyed_by')", error);
  if (stmt == NULL)
    return FALSE;
  if (quorum_db_step (stmt, error) == QUORUM_DB_ROW)
    before_server_key = quorum_db_column_int64 (stmt, 0) != 0;
  quorum_db_reset (stmt);
  if (error != NULL && *error != NULL)
    return FALSE;

  stmt = quorum_db_prepare (db,
                     "SELECT g.tgname, t.relname, g.tgenabled, pg_get_triggerdef (g.oid), g.tgqual IS NOT NULL "
                     "FROM pg_trigger g JOIN pg_class t ON t.oid = g.tgrelid "
                     "WHERE t.relnamespace = (SELECT relnamespace FROM pg_class WHERE oid = 'audit'::regclass) "
                     "AND NOT g.tgisinternal "
                     "ORDER BY g.tgname", error);
  if (stmt == NULL)
    return FALSE;
  while ((step = quorum_db_step (stmt, error)) == QUORUM_DB_ROW)
    {
      const char *name = quorum_db_column_text (stmt, 0);
      const char *table = quorum_db_column_text (stmt, 1);
      const char *enabled = quorum_db_column_text (stmt, 2);
      g_autofree char *definition = squeeze_call (quorum_db_column_text (stmt, 3));
      gboolean when = quorum_db_column_int64 (stmt, 4) != 0;
      g_autofree char *label = g_strdup_printf ("trigger %s", name);
      ExpectedTrigger *t = NULL;
      gpointer key = NULL;

      if (!g_hash_table_lookup_extended (want, name, &key, (gpointer *) &t))
        {
          g_ptr_array_add (problems, g_strdup_printf (_("Schema: %s is not Quorum's (added outside Quorum)"), label));
          continue;
        }
      g_hash_table_add (seen, key);
      if (g_strcmp0 (table, t->table) != 0 || strstr (definition, t->call) == NULL || when != t->when)
        g_ptr_array_add (problems, g_strdup_printf (_("Schema: %s differs from what this version of Quorum makes"), label));
      else if (g_strcmp0 (enabled, "D") == 0)
        g_ptr_array_add (problems, g_strdup_printf (_("Schema: %s is disabled (outside Quorum)"), label));
    }
  quorum_db_reset (stmt);
  if (step == QUORUM_DB_FAILED)
    return FALSE;
  {
    GHashTableIter iter;
    gpointer name;

    g_hash_table_iter_init (&iter, want);
    while (g_hash_table_iter_next (&iter, &name, NULL))
      if (!g_hash_table_contains (seen, name) &&
          !(before_server_key && g_strv_contains (server_key_objects, name)))
        {
          g_autofree char *label = g_strdup_printf ("trigger %s", (char *) name);
          g_ptr_array_add (problems, g_strdup_printf (_("Schema: %s is missing (removed outside Quorum)"), label));
        }
  }

  /* Tables: this version's, and nothing else beside them (as SQLite's check finds a table
   * added to the file). Each person's drafts table is in a schema of their own; the server's
   * audit key and the laptops' MACs a keyed old database kept are the key check's to judge. */
  {
    g_autoptr(GHashTable) tables_wanted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    g_autoptr(GRegex) regex = g_regex_new ("CREATE TABLE (\\w+) \\(", 0, 0, NULL);
    g_autoptr(GMatchInfo) match = NULL;
    GHashTableIter iter;
    gpointer name;

    g_regex_match (regex, tables, 0, &match);
    while (g_match_info_matches (match))
      {
        g_hash_table_add (tables_wanted, g_match_info_fetch (match, 1));
        g_match_info_next (match, NULL);
      }
    stmt = quorum_db_prepare (db,
                       "SELECT c.relname FROM pg_class c "
                       "WHERE c.relnamespace = (SELECT relnamespace FROM pg_class WHERE oid = 'audit'::regclass) "
                       "AND c.relkind IN ('r', 'p') ORDER BY c.relname", error);
    if (stmt == NULL)
      return FALSE;
    while ((step = quorum_db_step (stmt, error)) == QUORUM_DB_ROW)
      {
        const char *table = quorum_db_column_text (stmt, 0);
        g_autofree char *label = g_strdup_printf ("table %s", table);

        if (!g_hash_table_remove (tables_wanted, table) &&
            g_strcmp0 (table, "audit_key") != 0 && g_strcmp0 (table, "audit_mac_laptop") != 0)
          g_ptr_array_add (problems, g_strdup_printf (_("Schema: %s is not Quorum's (added outside Quorum)"), label));
      }
    quorum_db_reset (stmt);
    if (step == QUORUM_DB_FAILED)
      return FALSE;
    g_hash_table_iter_init (&iter, tables_wanted);
    while (g_hash_table_iter_next (&iter, &name, NULL))
      {
        g_autofree char *label = g_strdup_printf ("table %s", (char *) name);
        g_ptr_array_add (problems, g_strdup_printf (_("Schema: %s is missing (removed outside Quorum)"), label));
      }
  }

  stmt = quorum_db_prepare (db,
                     "SELECT p.proname, p.prosrc, "
                     /* a trigger function, or the keys' check, that would find a caller's
                      * temporary table before Quorum's (pg_temp not last) */
                     "       (p.prorettype = 'trigger'::regtype OR p.proname IN ('quorum_audit_check', "
                     "        'quorum_audit_canonical', 'quorum_audit_write', 'quorum_conference_chair')) AND "
                     "       NOT coalesce (array_to_string (p.proconfig, '|') LIKE '%search\\_path=pg\\_catalog, %, pg\\_temp%', false) "
                     "FROM pg_proc p "
                     "WHERE p.pronamespace = (SELECT relnamespace FROM pg_class WHERE oid = 'audit'::regclass) "
                     "AND p.prokind = 'f' "
                     /* and the server's keying of the chain and its check (docs/notes/pgkey.md) */
                     "AND (p.prorettype = 'trigger'::regtype OR p.proname LIKE 'quorum\\_audit\\_%' "
                     "     OR p.proname LIKE 'quorum\\_hmac%' OR p.proname = 'quorum_conference_chair')", error);
  if (stmt == NULL)
    return FALSE;
  while ((step = quorum_db_step (stmt, error)) == QUORUM_DB_ROW)
    {
      const char *name = quorum_db_column_text (stmt, 0);
      g_autofree char *body = NULL;
      g_autofree char *label = g_strdup_printf ("function %s", name);

      {
        gpointer key = NULL;

        if (g_hash_table_steal_extended (bodies, name, &key, (gpointer *) &body))
          g_free (key);
      }
      if (body == NULL)
        g_ptr_array_add (problems, g_strdup_printf (_("Schema: %s is not Quorum's (added outside Quorum)"), label));
      else if (g_strcmp0 (body, quorum_db_column_text (stmt, 1)) != 0)
        g_ptr_array_add (problems, g_strdup_printf (_("Schema: %s differs from what this version of Quorum makes"), label));
      else if (quorum_db_column_int64 (stmt, 2) != 0 && !before_server_key)
        g_ptr_array_add (problems, g_strdup_printf (_("Schema: %s would read a caller's temporary tables before "
                                                      "Quorum's (its search_path was changed outside Quorum)"), label));
    }
  quorum_db_reset (stmt);
  if (step == QUORUM_DB_FAILED)
    return FALSE;
  {
    GHashTableIter iter;
    gpointer name;

    g_hash_table_iter_init (&iter, bodies);
    while (g_hash_table_iter_next (&iter, &name, NULL))
      {
        g_autofree char *label = g_strdup_printf ("function %s", (char *) name);

        if (before_server_key && g_strv_contains (server_key_objects, name))
          continue;
        g_ptr_array_add (problems, g_strdup_printf (_("Schema: %s is missing (removed outside Quorum)"), label));
      }
  }
  return problems->len == before;
}

/* The audit chain keyed by the server */

gboolean
quorum_pg_audit_keyed (QuorumDb  *db,
                       GError   **error)
{
  QuorumDbStmt *stmt;
  gboolean keyed = FALSE;

  stmt = quorum_db_prepare (db,
                            "SELECT to_regprocedure ('quorum_audit_check()') IS NOT NULL AND "
                            "EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = 'audit'::regclass "
                            "AND tgname = 'audit_keyed' AND tgenabled <> 'D')", error);
  if (stmt == NULL)
    return FALSE;
  if (quorum_db_step (stmt, error) == QUORUM_DB_ROW)
    keyed = quorum_db_column_int64 (stmt, 0) != 0;
  quorum_db_reset (stmt);
  return keyed;
}

gboolean
quorum_pg_audit_check (QuorumDb   *db,
                       GPtrArray  *problems,
                       GPtrArray  *unverified,
                       GError    **error)
{
  QuorumDbStmt *stmt;
  gboolean exists = FALSE;
  gint64 bad = 0;
  g_autofree char *what = NULL;

  stmt = quorum_db_prepare (db, "SELECT to_regprocedure ('quorum_audit_check()') IS NOT NULL", error);
  if (stmt == NULL)
    return FALSE;
  if (quorum_db_step (stmt, error) == QUORUM_DB_ROW)
    exists = quorum_db_column_int64 (stmt, 0) != 0;
  quorum_db_reset (stmt);
  if (error != NULL && *error != NULL)
    return FALSE;
  if (!exists)
    {
      g_ptr_array_add (unverified,
                       g_strdup (_("The audit log's keys (HMAC-SHA-256) could not be checked: the server has no "
                                   "audit key or no check of it (quorum_audit_check), as a database made before "
                                   "the server kept the key. Its administrator runs “quorum-cli admin init --db …” "
                                   "once, as a superuser of the server, to key the log on the server")));
      return TRUE;
    }

  stmt = quorum_db_prepare (db, "SELECT bad_entry, problem FROM quorum_audit_check ()", error);
  if (stmt == NULL)
    return FALSE;
  if (quorum_db_step (stmt, error) == QUORUM_DB_ROW)
    {
      bad = quorum_db_column_int64 (stmt, 0);
      what = g_strdup (quorum_db_column_text (stmt, 1));
    }
  quorum_db_reset (stmt);
  if (error != NULL && *error != NULL)
    return FALSE;

  if (what == NULL)
    ;
  else if (g_str_equal (what, "no-key"))
    g_ptr_array_add (problems, g_strdup (_("Audit log: the server's audit key is gone (removed outside Quorum), "
                                           "so the log cannot be shown to be intact")));
  else if (g_str_equal (what, "gap"))
    g_ptr_array_add (problems, g_strdup_printf (_("Audit log: the server finds entry %lld out of order: entries "
                                                  "were removed or reordered"), (long long) bad));
  else if (g_str_equal (what, "unkeyed"))
    g_ptr_array_add (problems, g_strdup_printf (_("Audit log: entry %lld has no key from the server: it was "
                                                  "written outside Quorum"), (long long) bad));
  else if (g_str_equal (what, "mac"))
    g_ptr_array_add (problems, g_strdup_printf (_("Audit log: entry %lld does not match the server's key: the log "
                                                  "was rewritten outside Quorum from this entry on"), (long long) bad));
  else if (g_str_equal (what, "head"))
    g_ptr_array_add (problems, g_strdup_printf (_("Audit log: its end (entry %lld) does not match the server's "
                                                  "key: the newest entries were removed outside Quorum"), (long long) bad));
  else
    g_ptr_array_add (problems, g_strdup_printf (_("Audit log: the server's check found: %s"), what));
  return TRUE;
}

/* Roles */

static const struct
{
  const char *name;
  const char *server;
} roles[] = {
  [QUORUM_PG_ROLE_CHAIR]           = { "chair",           "quorum_chair" },
  [QUORUM_PG_ROLE_MINUTE_TAKER]    = { "minute-taker",    "quorum_minute_taker" },
  [QUORUM_PG_ROLE_HEAD_OF_SERVICE] = { "head-of-service", "quorum_head_of_service" },
  [QUORUM_PG_ROLE_ADMIN]           = { "admin",           "quorum_admin" },
};

gboolean
quorum_pg_role_from_name (const char   *name,
                          QuorumPgRole *role)
{
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (g_strcmp0 (name, roles[i].name) == 0)
      {
        if (role != NULL)
          *role = i;
        return TRUE;
      }
  return FALSE;
}

const char *
quorum_pg_role_server_name (QuorumPgRole role)
{
  g_return_val_if_fail (role < G_N_ELEMENTS (roles), NULL);
  return roles[role].server;
}

/* Run by a superuser: the group roles and the owner, who alone may create in the schema. */
static const char make_roles[] =
  "DO $$\n"
  "DECLARE r text;\n"
  "BEGIN\n"
  "  FOREACH r IN ARRAY ARRAY['quorum_owner', 'quorum_chair', 'quorum_minute_taker',\n"
  "                           'quorum_head_of_service', 'quorum_admin'] LOOP\n"
  "    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN\n"
  "      EXECUTE format ('CREATE ROLE %I NOLOGIN', r);\n"
  "    END IF;\n"
  "  END LOOP;\n"
  "END $$;\n"
  /* The owner makes logins and grants the four roles, only through quorum_grant_role. */
  "ALTER ROLE quorum_owner NOLOGIN CREATEROLE;\n"
  "GRANT CREATE, USAGE ON SCHEMA public TO quorum_owner;\n"
  /* … and each person's drafts schema. */
  "DO $$ BEGIN EXECUTE format ('GRANT CREATE ON DATABASE %I TO quorum_owner', current_database ()); END $$;\n";

/* Tables of the record, written by chairs. */
#define CHAIR_TABLES \
  "conference, child, attendee, attempt, vote, decision, dissent, plan, amendment, " \
  "conference_profile, attendance_event, decision_presence, member_view, superseded_view, " \
  "challenge, plan_event, notice"
#define DIFFERENCE_TABLES "difference, difference_stage, difference_note, difference_answer, difference_event"
#define WRITERS "quorum_chair, quorum_head_of_service, quorum_admin"
#define EVERYONE "quorum_chair, quorum_minute_taker, quorum_head_of_service, quorum_admin"

/* Run as quorum_owner: what each role may do. Nobody is granted DELETE or TRUNCATE on a
 * record, nor UPDATE on the audit log; the owner gives up its own, and the triggers refuse
 * whoever remains (a superuser). */
static const char grants[] =
  "REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC;\n"
  "GRANT SELECT ON ALL TABLES IN SCHEMA public TO " EVERYONE ";\n"
  /* A chair records conferences, attendance, votes, decisions, plans and referrals (made by a
   * split decision), challenges and notices, and raises differences. */
  "GRANT INSERT, UPDATE ON " CHAIR_TABLES ", " DIFFERENCE_TABLES " TO quorum_chair;\n"
  "GRANT INSERT ON referral TO quorum_chair;\n"
  /* An attendance row, once written, is only withdrawn (a leave undone): those two columns. */
  "REVOKE UPDATE ON attendance_event FROM quorum_chair;\n"
  "GRANT UPDATE (withdrawn_at, withdrawn_by) ON attendance_event TO quorum_chair;\n"
  /* Only a Head of Service records the notification and the panel's outcome, and corrects them. */
  "GRANT UPDATE (notified, panel_due, panel_date, outcome, outcome_reason) ON referral TO quorum_head_of_service;\n"
  "GRANT INSERT ON referral_correction, notice TO quorum_head_of_service;\n"
  "GRANT INSERT, UPDATE ON " DIFFERENCE_TABLES " TO quorum_head_of_service;\n"
  /* The administrator keeps the calendar and the database's keying, and hands a conference to
   * another chair (as its chair may: conference_handover_check). */
  "GRANT INSERT, UPDATE ON closure_day TO quorum_admin;\n"
  "GRANT INSERT ON conference_handover TO quorum_admin, quorum_chair;\n"
  /* Everyone who writes appends to the audit chain; the server keys each entry and moves the
   * chain's head (the trigger audit_keyed, as the owner): no role writes a MAC or meta, and none
   * reads the key (docs/notes/pgkey.md). A database from before loses the grants it had. */
  "GRANT INSERT ON audit TO " WRITERS ";\n"
  "REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_mac, meta FROM " EVERYONE ";\n"
  "REVOKE ALL ON audit_key FROM PUBLIC, " EVERYONE ";\n"
  "REVOKE ALL ON FUNCTION quorum_hmac (bytea, text), quorum_hmac_pad (bytea, integer), "
  "quorum_hmac_padded (bytea, bytea, text) FROM PUBLIC, " EVERYONE ";\n"
  /* Drafts are words typed, not records: each writer keeps and clears them. */
  "GRANT INSERT, UPDATE, DELETE ON draft TO " WRITERS ";\n"
  "REVOKE UPDATE, DELETE, TRUNCATE ON audit, audit_mac FROM quorum_owner;\n"
  /* The foreign key audit_mac → audit is checked as the owner with FOR KEY SHARE, which needs an
   * UPDATE privilege on some column of audit: one on the id, which the audit_no_update trigger
   * still refuses to change (and nobody logs in as the owner). */
  "GRANT UPDATE (id) ON audit TO quorum_owner;\n"
  "REVOKE DELETE, TRUNCATE ON " CHAIR_TABLES ", " DIFFERENCE_TABLES ", referral, referral_correction, conference_handover FROM quorum_owner;\n"
  /* Row-level security. The audit log: an entry is written in one's own name only. */
  "ALTER TABLE audit ENABLE ROW LEVEL SECURITY;\n"
  "DROP POLICY IF EXISTS audit_read ON audit;\n"
  "DROP POLICY IF EXISTS audit_own_name ON audit;\n"
  "CREATE POLICY audit_read ON audit FOR SELECT USING (true);\n"
  "CREATE POLICY audit_own_name ON audit FOR INSERT TO " WRITERS " WITH CHECK (\"user\" = session_user);\n"
  "ALTER TABLE audit_mac ENABLE ROW LEVEL SECURITY;\n"
  "DROP POLICY IF EXISTS audit_mac_read ON audit_mac;\n"
  "DROP POLICY IF EXISTS audit_mac_own ON audit_mac;\n"
  "DROP POLICY IF EXISTS audit_mac_admin ON audit_mac;\n"
  "CREATE POLICY audit_mac_read ON audit_mac FOR SELECT USING (true);\n"
  /* meta: read by all, written by the server's trigger alone (as the owner). */
  "ALTER TABLE meta ENABLE ROW LEVEL SECURITY;\n"
  "DROP POLICY IF EXISTS meta_read ON meta;\n"
  "DROP POLICY IF EXISTS meta_head ON meta;\n"
  "DROP POLICY IF EXISTS meta_admin ON meta;\n"
  "CREATE POLICY meta_read ON meta FOR SELECT USING (true);\n"
  /* `admin grant USER ROLE`, for members of quorum_admin: one of the four roles, never another. */
  "CREATE OR REPLACE FUNCTION quorum_grant_role (who text, what text) RETURNS text\n"
  "LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$\n"
  "DECLARE target text; drafts text;\n"
  "BEGIN\n"
  "  target := CASE what WHEN 'chair' THEN 'quorum_chair' WHEN 'minute-taker' THEN 'quorum_minute_taker'\n"
  "                      WHEN 'head-of-service' THEN 'quorum_head_of_service' WHEN 'admin' THEN 'quorum_admin' END;\n"
  "  IF target IS NULL THEN\n"
  "    RAISE EXCEPTION USING MESSAGE = format ('quorum: %s is not a role (chair, minute-taker, head-of-service or admin)', what),\n"
  "                          ERRCODE = '22023';\n"
  "  END IF;\n"
  "  IF who IS NULL OR who = '' OR who LIKE 'quorum\\_%' OR who LIKE 'pg\\_%' THEN\n"
  "    RAISE EXCEPTION USING MESSAGE = format ('quorum: %s cannot be given a role', who), ERRCODE = '22023';\n"
  "  END IF;\n"
  "  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = who) THEN\n"
  "    EXECUTE format ('CREATE ROLE %I LOGIN', who);\n"
  "  END IF;\n"
  "  EXECUTE format ('GRANT %I TO %I', target, who);\n"
  /* Drafts are one person's words: each person has a draft table of their own, found first on
   * their search_path, so the store's SQL (\"draft\", unqualified) stays the same and two
   * chairs typing in the same field of the same conference keep their own words. */
  "  drafts := left ('quorum_drafts_' || who, 63);\n"
  "  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = who) THEN\n"
  "    EXECUTE format ('CREATE SCHEMA IF NOT EXISTS %I', drafts);\n"
  "    EXECUTE format ('CREATE TABLE IF NOT EXISTS %I.draft (LIKE public.draft INCLUDING ALL)', drafts);\n"
  "    EXECUTE format ('GRANT USAGE ON SCHEMA %I TO %I', drafts, who);\n"
  "    EXECUTE format ('GRANT SELECT, INSERT, UPDATE, DELETE ON %I.draft TO %I', drafts, who);\n"
  "    EXECUTE format ('ALTER ROLE %I SET search_path = %I, public', who, drafts);\n"
  "  END IF;\n"
  "  RETURN target;\n"
  "END $$;\n"
  "REVOKE ALL ON FUNCTION quorum_grant_role (text, text) FROM PUBLIC;\n"
  "GRANT EXECUTE ON FUNCTION quorum_grant_role (text, text) TO quorum_admin;\n"
  /* `admin grant USER ROLE --name NAME`: the person's name, as the record shows them (their
   * login stays who wrote each row and each audit entry), kept as the login's comment, which
   * every client reads (pg_shdescription) and only the owner, through this, writes. */
  "CREATE OR REPLACE FUNCTION quorum_name_role (who text, shown text) RETURNS void\n"
  "LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$\n"
  "BEGIN\n"
  "  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = who AND NOT rolsuper AND rolcanlogin\n"
  "                   AND (pg_has_role (who, 'quorum_chair', 'MEMBER') OR pg_has_role (who, 'quorum_minute_taker', 'MEMBER')\n"
  "                        OR pg_has_role (who, 'quorum_head_of_service', 'MEMBER') OR pg_has_role (who, 'quorum_admin', 'MEMBER'))) THEN\n"
  "    RAISE EXCEPTION USING MESSAGE = format ('quorum: %s is not a login with one of Quorum''s roles', who), ERRCODE = '22023';\n"
  "  END IF;\n"
  "  EXECUTE format ('COMMENT ON ROLE %I IS %L', who, shown);\n"
  "END $$;\n"
  "REVOKE ALL ON FUNCTION quorum_name_role (text, text) FROM PUBLIC;\n"
  "GRANT EXECUTE ON FUNCTION quorum_name_role (text, text) TO quorum_admin;\n";

gboolean
quorum_pg_admin_init (QuorumDb  *db,
                      GError   **error)
{
  QuorumDbStmt *stmt;
  gboolean superuser = FALSE;

  stmt = quorum_db_prepare (db, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user", error);
  if (stmt == NULL)
    return FALSE;
  if (quorum_db_step (stmt, error) == QUORUM_DB_ROW)
    superuser = quorum_db_column_int64 (stmt, 0) != 0;
  quorum_db_reset (stmt);
  if (!superuser)
    {
      g_set_error (error, QUORUM_DB_ERROR, QUORUM_DB_ERROR_PERMISSION,
                   _("Making Quorum's roles and schema needs a superuser of the server (as: sudo -u postgres quorum-cli admin init --db …)"));
      return FALSE;
    }

  if (!quorum_db_begin (db, TRUE, error))
    return FALSE;
  if (!quorum_db_exec (db, make_roles, error) || !quorum_db_exec (db, "SET LOCAL ROLE quorum_owner", error))
    goto fail;
  /* Made, or brought up to date, by its owner; then the grants, renewed for new tables. */
  if (!bring_up_to_date (db, error) || !quorum_db_exec (db, grants, error) || !quorum_db_exec (db, "RESET ROLE", error))
    goto fail;
  return quorum_db_commit (db, error);

fail:
  quorum_db_rollback (db);
  return FALSE;
}

gboolean
quorum_pg_admin_grant (QuorumDb      *db,
                       const char    *user,
                       QuorumPgRole   role,
                       GError       **error)
{
  QuorumDbStmt *stmt;
  gboolean ok;

  g_return_val_if_fail (role < G_N_ELEMENTS (roles), FALSE);

  if (user == NULL || *user == '\0')
    {
      g_set_error_literal (error, QUORUM_DB_ERROR, QUORUM_DB_ERROR_CONSTRAINT, _("No user was named"));
      return FALSE;
    }
  /* A login's name as an authority's accounts spell them (a directory's "a.khan", Kerberos's
   * "akhan@COUNCIL.GOV.UK"): letters, digits and . _ - @, at most PostgreSQL's 63 bytes. Anything
   * else ("x; drop", a name with spaces or quotes) is a typing slip, not an account, and was made
   * into a login with a drafts schema that then kept it from being dropped. */
  {
    gboolean plain = strlen (user) <= 63;

    for (const char *c = user; plain && *c != '\0'; c++)
      plain = g_ascii_isalnum (*c) || strchr ("._-@", *c) != NULL;
    if (!plain)
      {
        g_set_error (error, QUORUM_DB_ERROR, QUORUM_DB_ERROR_CONSTRAINT,
                     _("“%s” is not a login name: use letters, digits and . _ - @ (at most 63), as the "
                       "person's account is spelt"), user);
        return FALSE;
      }
  }
  stmt = quorum_db_prepare (db, "SELECT quorum_grant_role (?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  quorum_db_bind_text (stmt, 1, user);
  quorum_db_bind_text (stmt, 2, roles[role].name);
  ok = quorum_db_step_done (stmt, error);
  quorum_db_reset (stmt);
  return ok;
}

gboolean
quorum_pg_admin_name (QuorumDb    *db,
                      const char  *user,
                      const char  *name,
                      GError     **error)
{
  QuorumDbStmt *stmt;
  gboolean ok;

  stmt = quorum_db_prepare (db, "SELECT quorum_name_role (?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  quorum_db_bind_text (stmt, 1, user);
  quorum_db_bind_text (stmt, 2, name);
  ok = quorum_db_step_done (stmt, error);
  quorum_db_reset (stmt);
  return ok;
}

gboolean
quorum_pg_role_exists (QuorumDb   *db,
                       const char *user,
                       gboolean   *exists,
                       GError    **error)
{
  QuorumDbStmt *stmt = quorum_db_prepare (db, "SELECT count(*) FROM pg_catalog.pg_roles WHERE rolname = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  quorum_db_bind_text (stmt, 1, user);
  rc = quorum_db_step (stmt, error);
  if (rc == QUORUM_DB_ROW)
    *exists = quorum_db_column_int64 (stmt, 0) > 0;
  quorum_db_reset (stmt);
  return rc == QUORUM_DB_ROW;
}
