# SPDX-License-Identifier: GPL-3.0-or-later
# cli-lib.sh: helpers for the end-to-end tests of quorum-cli, sourced by tests/test-cli*.sh.
set -u

: "${QUORUM_CLI:?QUORUM_CLI must point at the built quorum-cli}"
work=$(mktemp -d "${TMPDIR:-/tmp}/quorum-cli-test.XXXXXX")
failures=0
checks=0

q () { "$QUORUM_CLI" "$@"; }

# The backend. Without QUORUM_TEST_PG a database is a SQLite file in $work; with it (a
# superuser's conninfo string of a PostgreSQL server, as `build-aux/pg-cluster run` gives in
# $QUORUM_PG) a database of that server, copied from one that `quorum-cli admin init` gave
# Quorum's schema and roles once. The scripts run unchanged on either through these helpers.
pg=${QUORUM_TEST_PG:-}
pg_prefix=quorum_cli_$$
is_pg () { [ -n "$pg" ]; }
pg_psql () { PGOPTIONS="-c client_min_messages=warning" psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }
cleanup () {
  local d
  if is_pg; then
    for d in $(pg_psql "$pg" -c "SELECT datname FROM pg_database WHERE datname LIKE '${pg_prefix}%'" 2>/dev/null); do
      pg_psql "$pg" -c "DROP DATABASE IF EXISTS $d WITH (FORCE)" >/dev/null 2>&1
    done
  fi
  [ -n "${jget_server:-}" ] && kill "$jget_server" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
if is_pg; then
  command -v psql >/dev/null || { echo "Bail out! QUORUM_TEST_PG is set and there is no psql"; exit 1; }
  pg_psql "$pg" -c "CREATE DATABASE ${pg_prefix}_template" >/dev/null \
    || { echo "Bail out! no database could be made on $pg"; exit 1; }
  "$QUORUM_CLI" admin init --db "$pg dbname=${pg_prefix}_template" >/dev/null \
    || { echo "Bail out! admin init failed on $pg"; exit 1; }
fi

# db_name LOCATION: the PostgreSQL database's name in a location new_db gave.
db_name () { printf '%s' "${1##*dbname=}"; }

# new_db NAME: the location of a new, empty database NAME (SQLite: a path where none is yet).
new_db () {
  if is_pg; then
    pg_psql "$pg" -c "DROP DATABASE IF EXISTS ${pg_prefix}_$1 WITH (FORCE)" \
      -c "CREATE DATABASE ${pg_prefix}_$1 TEMPLATE ${pg_prefix}_template" >/dev/null
    printf '%s dbname=%s\n' "$pg" "${pg_prefix}_$1"
  else
    rm -rf "$work/$1.db" "$work/$1.db"-* "$work/$1.db".*
    printf '%s\n' "$work/$1.db"
  fi
}

# copy_db LOCATION NAME: a copy of the whole database at LOCATION (nobody writing to it) as a
# new database NAME; its location.
copy_db () {
  if is_pg; then
    pg_psql "$pg" -c "DROP DATABASE IF EXISTS ${pg_prefix}_$2 WITH (FORCE)" \
      -c "CREATE DATABASE ${pg_prefix}_$2 TEMPLATE $(db_name "$1")" >/dev/null
    printf '%s dbname=%s\n' "$pg" "${pg_prefix}_$2"
  else
    rm -rf "$work/$2.db" "$work/$2.db"-*
    cp "$1" "$work/$2.db"
    printf '%s\n' "$work/$2.db"
  fi
}

# db_sql LOCATION SQL: the rows of SQL, one a line, columns joined by |, as the sqlite3 shell and
# psql -At print them (write SQL that reads alike on both: quote "user").
db_sql () {
  if is_pg; then pg_psql "$1" -c "$2"; else sqlite3 "$1" "$2"; fi
}

# tamper_db LOCATION SQLITE-SQL POSTGRES-SQL: a change behind Quorum's back, as someone with the
# sqlite3 shell makes it (dropping the triggers in the way), or a superuser with psql (the
# triggers off for the session: the schema is left as it was, and only the chain can tell).
tamper_db () {
  if is_pg; then
    pg_psql "$1" -c "SET session_replication_role = replica" -c "$3" >/dev/null
  else
    sqlite3 "$1" "$2"
  fi
}

# The name the audit log records for whoever runs quorum-cli: the login, or the server's session user.
db_login () {
  if is_pg; then pg_psql "$QUORUM_DB" -c "SELECT session_user"; else id -un; fi
}

# db_hash [LOCATION]: a digest of what the database holds (SQLite: the file and its WAL, byte for
# byte; PostgreSQL: every row of every table, the server's files being its own).
db_hash () {
  local db=${1:-$QUORUM_DB}
  if is_pg; then
    # One psql: the query over every table is made, then run (\gexec).
    printf '%s \\gexec\n' "SELECT string_agg (format ('SELECT %L || md5 (coalesce (string_agg (t::text, E''\\n'' ORDER BY t::text), '''')) FROM %I.%I t', tablename, schemaname, tablename), ' UNION ALL ' ORDER BY schemaname, tablename) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')" \
      | pg_psql "$db" | sha256sum | cut -d' ' -f1
  else
    cat "$db" "$db-wal" 2>/dev/null | sha256sum | cut -d' ' -f1
  fi
}

export QUORUM_DB=$(new_db quorum)

# jget JSON PYTHON-EXPR: evaluates EXPR with the parsed document as `d`, and prints the value
# (a string as it is, anything else as JSON), as `python3 -c` with the two as its arguments would
# (exit 1 and Python's traceback on stderr when EXPR fails). A script asks it hundreds of times:
# one python3 answers them all (tests/jget-server.py, started here, on two FIFOs in $work), as a
# python3 started for each took about 60 ms of CPU, a sixth of test-cli-record-postgres's time
# (docs/notes/suitefast4.md). Calls from subshells and background jobs take turns (flock). The
# caller's TZ goes with each call (test-cli-fidelity reads a time as a room in Auckland would).
mkfifo "$work/jget.in" "$work/jget.out" || { echo "Bail out! no FIFO in $work"; exit 1; }
python3 "$(dirname "${BASH_SOURCE[0]}")/jget-server.py" "$work/jget.in" "$work/jget.out" &
jget_server=$!
# Not a job of the script's: a bare `wait` (test-cli-race) waits for its own jobs, not this.
disown "$jget_server"
jget () {
  local reply status
  {
    flock 9
    printf '%s\0%s\0%s\0' "$1" "$2" "${TZ+=$TZ}" >"$work/jget.in"
    IFS= read -r -d '' reply <"$work/jget.out"
  } 9>>"$work/jget.lock"
  status=${reply:0:1}
  printf '%s' "${reply:1}"
  [ "$status" = 0 ]
}

ok () { checks=$((checks + 1)); printf 'ok %d - %s\n' "$checks" "$1"; }
not_ok () { checks=$((checks + 1)); failures=$((failures + 1)); printf 'not ok %d - %s\n' "$checks" "$1"; }

# skip NAME REASON: a check that only one backend can make (a SQLite file's bytes and modes),
# skipped on the other, saying why.
skip () { checks=$((checks + 1)); printf 'ok %d - %s # SKIP %s\n' "$checks" "$1" "$2"; }

# check NAME ACTUAL EXPECTED
check () {
  if [ "$2" == "$3" ]; then ok "$1"; else not_ok "$1"; printf '#   got:      %s\n#   expected: %s\n' "$2" "$3"; fi
}

# expect_exit NAME STATUS CMD…: runs CMD, checks its exit status and that it said why on stderr.
expect_exit () {
  local name=$1 want=$2
  shift 2
  local err status
  err=$("$@" 2>&1 >/dev/null)
  status=$?
  if [ "$status" -eq "$want" ]; then
    if [ "$want" -ne 0 ] && [ -z "$err" ]; then not_ok "$name (exit $status but no reason on stderr)"; else ok "$name"; fi
  else
    not_ok "$name"; printf '#   exit %s, expected %s: %s\n' "$status" "$want" "$err"
  fi
  [ -n "$err" ] && printf '#   %s\n' "$(printf '%s' "$err" | head -n 1)"
  return 0
}

finish () {
  printf '1..%d\n' "$checks"
  [ "$failures" -eq 0 ]
}

# A Bolton conference (id printed) on $1 with two siblings and six voting attendees in five groups.
bolton_conference () {
  local date=${1:-2026-11-20} profile=${2:-bolton} conf
  conf=$(q --json conference new --child "Amy Jones" --child "Ben Jones" --kind initial --date "$date" \
           --chair "R. Patel" --profile "$profile" --case-ref "CR-77")
  conf=$(jget "$conf" 'd["id"]')
  q attendee add "$conf" --name "S. Social" --agency "Children's Social Care" --line-management "Children's Social Care" >/dev/null
  q attendee add "$conf" --name "A. Khan" --agency "Greater Manchester Police" --line-management "Police" --role "DC" >/dev/null
  q attendee add "$conf" --name "H. Visitor" --agency "Bolton NHS FT" --line-management "Bolton NHS FT" --role "Health visitor" >/dev/null
  q attendee add "$conf" --name "H. Two" --agency "Bolton NHS FT" --line-management "bolton nhs ft" --role "Health visitor" >/dev/null
  q attendee add "$conf" --name "T. Teacher" --agency "St Mary's Primary" --line-management "Education" >/dev/null
  q attendee add "$conf" --name "P. Officer" --agency "Probation Service" --line-management "Probation" >/dev/null
  q attendee add "$conf" --name "M. Jones" --agency "Family" --line-management "Family" --role "Mother" --non-voting >/dev/null
  echo "$conf"
}
