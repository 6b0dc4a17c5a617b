# SPDX-License-Identifier: GPL-3.0-or-later
# tests/pg-psql-lib.sh: sourced by the PostgreSQL scripts that write through psql as each role
# (test-pg-actor.sh, test-pg-chairown.sh), after cli-lib.sh (its `check`). The refusals are the
# server's: each is checked by its SQLSTATE and words, and the record compared before and after.
has () { case "$1" in *"$2"*) echo yes ;; *) echo no ;; esac; }
pg () { psql -X -q -A -t -v ON_ERROR_STOP=1 "$@"; }
# psql as USER: one transaction (-c), errors with their SQLSTATE ("ERROR:  42501: …").
as () { local user=$1; shift; psql -X -q -At -v ON_ERROR_STOP=1 -v VERBOSITY=verbose -U "$user" -c "$*" 2>&1; }
refused () {  # WHAT USER SQLSTATE MESSAGE-PART SQL
  local out
  if out=$(as "$2" "$5"); then
    check "$1: refused" "allowed" "refused"
  else
    check "$1: refused ($3, \"$4\")" "$(has "$out" "ERROR:  $3")$(has "$out" "$4")" "yesyes"
    [ "$(has "$out" "$4")" = yes ] || echo "# $out"
  fi
}
allowed () {  # WHAT USER SQL
  local out
  out=$(as "$2" "$3"); check "$1: allowed" "$? ${out:0:0}" "0 "
  [ -n "$out" ] && echo "# $out" | head -n 3
}
# The whole record as it stands and the audit log's length, to compare before and after a refusal.
snapshot () {
  pg -c "SELECT md5 (string_agg (t, '|' ORDER BY t)) FROM (
    SELECT 'conference' || to_jsonb (c)::text AS t FROM conference c UNION ALL
    SELECT 'attendee' || to_jsonb (a)::text FROM attendee a UNION ALL
    SELECT 'attendance' || to_jsonb (a)::text FROM attendance_event a UNION ALL
    SELECT 'attempt' || to_jsonb (a)::text FROM attempt a UNION ALL
    SELECT 'vote' || to_jsonb (v)::text FROM vote v UNION ALL
    SELECT 'decision' || to_jsonb (d)::text FROM decision d UNION ALL
    SELECT 'referral' || to_jsonb (r)::text FROM referral r UNION ALL
    SELECT 'amendment' || to_jsonb (d)::text FROM amendment d UNION ALL
    SELECT 'handover' || to_jsonb (h)::text FROM conference_handover h UNION ALL
    SELECT 'audit' || count (*)::text FROM audit) x"
}
# The SQL that writes a row through quorum_audit_write, attributed to psql's own login.
audited () { echo "SELECT quorum_audit_write ('${3:-insert}', '$1', ($2), 'written by hand, in psql')"; }
# A split of four groups, decided by the chair on DB_CHAIR and signed off, its referral notified
# and heard by the Head of Service on DB_HEAD: sets $a (the conference), $ak (its child), $ref
# and $split_status ("0 0 0" when all three commands passed).
split_to_panel () {  # DB_CHAIR DB_HEAD
  local g s1 s2 s3
  a=$(jget "$(q --json --db "$1" conference new --child "Ruby Hart" --kind initial --date 2026-12-02 --chair "Anne Chair")" 'd["id"]')
  ak=$(jget "$(q --json --db "$1" conference show "$a")" 'd["children"][0]["id"]')
  for g in CSC Police Health Education; do
    q --db "$1" attendee add "$a" --name "$g Rep" --agency "$g" --line-management "$g" >/dev/null
  done
  q --db "$1" consensus "$a" --child "$ak" --agreed none --summary "No consensus" >/dev/null
  for g in CSC Police; do q --db "$1" vote "$a" --child "$ak" --group "$g" --view plan --category neglect --reason "Risk" >/dev/null; done
  for g in Health Education; do q --db "$1" vote "$a" --child "$ak" --group "$g" --view no-plan --reason "Improving" >/dev/null; done
  ref=$(jget "$(q --json --db "$1" decide "$a" --child "$ak")" 'd["referral"]["id"]')
  q --db "$1" finalise "$a" >/dev/null; s1=$?
  q --db "$2" referral notify "$ref" --date 2026-12-03 >/dev/null; s2=$?
  q --db "$2" referral panel "$ref" --date 2026-12-10 --outcome plan-confirmed >/dev/null; s3=$?
  split_status="$s1 $s2 $s3"
}
