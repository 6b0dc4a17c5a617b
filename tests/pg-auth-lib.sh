# SPDX-License-Identifier: GPL-3.0-or-later
# pg-auth-lib.sh: helpers of the authentication tests (test-pg-tls.sh, test-pg-gss.sh), sourced
# under `build-aux/pg-cluster run` with PG_CLUSTER_TCP=1: the cluster's folder is $PGHOST, its
# superuser `postgres` is trusted on that socket, and it also listens on 127.0.0.1:$PGPORT.
set -u
: "${QUORUM_PG:?run under build-aux/pg-cluster run}"
: "${QUORUM_PG_TCP:?run under build-aux/pg-cluster run with PG_CLUSTER_TCP=1}"
cli=${QUORUM_CLI:?}
app=${QUORUM_BUILDDIR:?}/src/quorum
cluster=$PGHOST
port=$PGPORT
n=0
failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }
check () { if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1: got '$2', expected '$3'"; fi; }
# contains WHAT TEXT PIECE…: every piece is in TEXT.
contains () {
  local what=$1 text=$2 piece
  shift 2
  for piece in "$@"; do
    case "$text" in
      *"$piece"*) ;;
      *) not_ok "$what: no '$piece' in: $text"; return ;;
    esac
  done
  ok "$what"
}
finish () { echo "1..$n"; [ "$failed" -eq 0 ]; }
sql () { PGOPTIONS="-c client_min_messages=warning" psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }

# The test's own throwaway folder, readable by the server (its keys and keytab go in a folder
# of the cluster's, owned by the server's user).
tmp=$(mktemp -d "${TMPDIR:-/tmp}/quorum-auth.XXXXXX")
auth_cleanup () { rm -rf "$tmp"; }
trap auth_cleanup EXIT
server_files=$cluster/auth
mkdir -p "$server_files"
chmod 0700 "$server_files"
# install_server_file SRC NAME: the file, the server's only (the server refuses a key others can read).
install_server_file () {
  cp "$1" "$server_files/$2"
  chmod 0600 "$server_files/$2"
  [ "$(id -u)" -eq 0 ] && chown --reference="$cluster/data" "$server_files" "$server_files/$2"
  echo "$server_files/$2"
}

# reload: the server reads its configuration and pg_hba.conf again; waits until a new session
# sees it (pg_conf_load_time moves on) and fails when pg_hba.conf has an error.
reload () {
  local before after i errors
  errors=$(sql -c "SELECT line_number || ': ' || error FROM pg_hba_file_rules WHERE error IS NOT NULL")
  [ -z "$errors" ] || { echo "Bail out! pg_hba.conf: $errors"; exit 1; }
  before=$(sql -c "SELECT pg_conf_load_time ()")
  sql -c "SELECT pg_reload_conf ()" >/dev/null
  for i in $(seq 1 50); do
    after=$(sql -c "SELECT pg_conf_load_time ()")
    [ "$after" != "$before" ] && return 0
    sleep 0.1
  done
  echo "Bail out! the server did not reload its configuration"; exit 1
}

# set_hba LINE…: pg_hba.conf is the cluster's Unix-socket lines (the superuser, trusted) and
# LINE…, and nothing else: no plain `host` line.
set_hba () {
  local hba line
  hba=$(sql -c "SHOW hba_file")
  { grep -E '^local[[:space:]]+all[[:space:]]+all' "$hba"
    for line in "$@"; do echo "$line"; done; } >"$tmp/hba"
  cat "$tmp/hba" >"$hba"
  reload
}

# rows: the number of rows the database holds in the tables a write touches (audit, vote,
# conference), to show a refused connection wrote nothing.
rows () { sql -c "SELECT (SELECT count (*) FROM audit) || '/' || (SELECT count (*) FROM vote) || '/' || (SELECT count (*) FROM conference)"; }

# record_vote DB NAME: a conference with one attendee and the Police's vote through quorum-cli
# on DB; prints the conference's id. The caller sets the environment (password, ticket).
# A vote through URI is refused: exit 3, nothing written, the message has each PIECE. ($cli, $conf)
refused () { # WHAT URI PIECE…
  local what=$1 db=$2 before after out status
  shift 2
  before=$(rows)
  out=$("$cli" --db "$db" vote "${conf:-0}" --child 1 --group Police --view no-plan --reason "Not recorded" </dev/null 2>&1); status=$?
  after=$(rows)
  echo "# $what: $out"
  check "$what: refused, exit 3" "$status" "3"
  check "$what: nothing written" "$after" "$before"
  contains "$what: a clear message" "$out" "$@"
}

record_vote () {
  local db=$1 name=$2 out conf child
  out=$("$cli" --db "$db" --json conference new --child "$name" --kind initial --date 2026-03-02 \
          --chair "Jo Chair" </dev/null) || return 1
  conf=$(printf '%s' "$out" | python3 -c 'import json, sys; print (json.load (sys.stdin)["id"])')
  child=$(printf '%s' "$out" | python3 -c 'import json, sys; print (json.load (sys.stdin)["children"][0]["id"])')
  "$cli" --db "$db" attendee add "$conf" --name "P. Officer" --agency Police --line-management Police \
    </dev/null >/dev/null || return 1
  "$cli" --db "$db" consensus "$conf" --child "$child" --agreed none --summary "Views differ" \
    </dev/null >/dev/null || return 1
  "$cli" --db "$db" vote "$conf" --child "$child" --group Police --view plan --category neglect \
    --reason "Recorded for $name over an authenticated connection" </dev/null >/dev/null || return 1
  echo "$conf"
}

# the_vote DB CONF: the conference's votes as quorum-cli reads them back on DB.
the_vote () {
  "$cli" --db "$1" --json conference show "$2" </dev/null \
    | python3 -c 'import json, sys; d = json.load (sys.stdin); print ([(v["group"], v["view"]) for v in d["votes"]])'
}

# with_display CMD…: CMD on this X display, else on one of its own (xvfb-run) when there is none.
with_display () {
  if [ -n "${DISPLAY:-}" ]; then
    "$@"
  else
    xvfb-run -a "$@"
  fi
}
have_display () { [ -n "${DISPLAY:-}" ] || command -v xvfb-run >/dev/null; }

# keep_screenshot FILE NAME: with $QUORUM_TEST_SCREENSHOTS (a folder), a copy for a person to look at.
keep_screenshot () {
  [ -n "${QUORUM_TEST_SCREENSHOTS:-}" ] && [ -f "$1" ] && cp "$1" "$QUORUM_TEST_SCREENSHOTS/$2"
  return 0
}

"$cli" admin init --db "$QUORUM_PG" >/dev/null || { echo "Bail out! admin init"; exit 1; }
# Who connected and how: the server's log says, connection by connection.
sql -c "ALTER SYSTEM SET log_connections = on" >/dev/null
server_log=$cluster/server.log
