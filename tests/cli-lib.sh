# SPDX-License-Identifier: GPL-3.0-or-later
# cli-lib.sh: helpers for the end-to-end tests of quorum-cli, sourced by tests/test-cli*.sh.
set -u

: "${QUORUM_CLI:?QUORUM_CLI must point at the built quorum-cli}"
work=$(mktemp -d "${TMPDIR:-/tmp}/quorum-cli-test.XXXXXX")
trap 'rm -rf "$work"' EXIT
export QUORUM_DB="$work/quorum.db"
failures=0
checks=0

q () { "$QUORUM_CLI" "$@"; }

# jget JSON PYTHON-EXPR: evaluates EXPR with the parsed document as `d`.
jget () { python3 -c 'import json,sys; d=json.loads(sys.argv[1]); v=eval(sys.argv[2]); print(json.dumps(v) if not isinstance(v,str) else v)' "$1" "$2"; }

ok () { checks=$((checks + 1)); printf 'ok %d - %s\n' "$checks" "$1"; }
not_ok () { checks=$((checks + 1)); failures=$((failures + 1)); printf 'not ok %d - %s\n' "$checks" "$1"; }

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

db_hash () { cat "$QUORUM_DB" "$QUORUM_DB-wal" 2>/dev/null | sha256sum | cut -d' ' -f1; }

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
