#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# test-pg-gss.sh: the shared store with Kerberos (GSSAPI) sign-in, as an authority's Active
# Directory would give it (issue 12, "Authentication is libpq's"). The test makes a throwaway
# realm with MIT Kerberos (Debian's krb5-kdc, krb5-admin-server, krb5-user) in a temporary folder
# (KRB5_CONFIG, KRB5_KDC_PROFILE; a random master password; krb5kdc on a free port of 127.0.0.1),
# the service principal postgres/localhost in a keytab the cluster reads (krb_server_keyfile),
# and a person, krbchair, who signs in with kinit into a temporary KRB5CCNAME. pg_hba.conf lets
# Quorum's roles in over TCP only by `gss include_realm=0`. quorum-cli then records a vote as
# krbchair with no password (the audit log's actor is krbchair), with and without GSSAPI
# encryption; with krbchair's ticket nobody else's name is accepted, and without a ticket it is
# refused, clearly, exit 3, nothing written. Skipped (77), saying why, when the Kerberos programs
# are not installed and cannot be, or when libpq was built without GSSAPI.
# Run under PG_CLUSTER_TCP=1 build-aux/pg-cluster run (tests/meson.build).
. "$(dirname "$0")/pg-auth-lib.sh"
realm=QUORUM.TEST

skip () { echo "1..0 # SKIP $1"; exit 77; }
if ! command -v krb5kdc >/dev/null && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "# installing krb5-kdc krb5-admin-server krb5-user" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    krb5-kdc krb5-admin-server krb5-user >&2 || true
fi
for tool in kdb5_util kadmin.local krb5kdc kinit klist kdestroy; do
  command -v "$tool" >/dev/null || skip "$tool is not installed (Debian: apt-get install krb5-kdc krb5-admin-server krb5-user)"
done
# libpq is linked by the PostgreSQL driver's module, which quorum-cli loads ($QUORUM_MODULEDIR
# from the build), not by quorum-cli itself.
driver=${QUORUM_MODULEDIR:?}/libquorum-postgres.so
ldd "$driver" | grep -q 'libgssapi_krb5' || skip "the driver's libpq is built without GSSAPI (no libgssapi_krb5 in ldd $driver)"
ok "libpq is built with GSSAPI ($(ldd "$driver" | grep -o 'libgssapi_krb5[^ ]*' | head -1))"

# -- a throwaway realm: nothing of /etc/krb5.conf or /etc/krb5kdc is read or written
krb=$tmp/krb
mkdir -p "$krb"
kport=$(python3 -c 'import socket; s = socket.socket (); s.bind (("127.0.0.1", 0)); print (s.getsockname ()[1])')
cat >"$krb/kdc.conf" <<EOF
[kdcdefaults]
 kdc_listen = 127.0.0.1:$kport
 kdc_tcp_listen = 127.0.0.1:$kport
[realms]
 $realm = {
  database_name = $krb/principal
  key_stash_file = $krb/stash
  acl_file = $krb/kadm5.acl
  max_life = 1h
 }
[logging]
 kdc = FILE:$krb/kdc.log
 default = FILE:$krb/kdc.log
EOF
cat >"$krb/krb5.conf" <<EOF
[libdefaults]
 default_realm = $realm
 dns_lookup_kdc = false
 dns_lookup_realm = false
 rdns = false
 dns_canonicalize_hostname = false
 udp_preference_limit = 1
[realms]
 $realm = {
  kdc = 127.0.0.1:$kport
 }
[domain_realm]
 localhost = $realm
EOF
: >"$krb/kadm5.acl"
export KRB5_CONFIG=$krb/krb5.conf KRB5_KDC_PROFILE=$krb/kdc.conf KRB5CCNAME=FILE:$krb/ccache
user_password=$(openssl rand -hex 12)
kdb5_util create -s -r "$realm" -P "$(openssl rand -hex 24)" >"$krb/setup.log" 2>&1 &&
kadmin.local -r "$realm" -q "addprinc -randkey postgres/localhost" >>"$krb/setup.log" 2>&1 &&
kadmin.local -r "$realm" -q "ktadd -k $krb/postgres.keytab postgres/localhost" >>"$krb/setup.log" 2>&1 &&
kadmin.local -r "$realm" -q "addprinc -pw $user_password krbchair" >>"$krb/setup.log" 2>&1 ||
  { sed 's/^/# /' "$krb/setup.log"; echo "Bail out! the realm could not be made"; exit 1; }
kdc_pid=
stop_kdc () { if [ -n "$kdc_pid" ]; then kill "$kdc_pid" 2>/dev/null; wait "$kdc_pid" 2>/dev/null; fi; kdc_pid=; }
trap 'stop_kdc; auth_cleanup' EXIT
trap 'exit 143' TERM
trap 'exit 130' INT
krb5kdc -n -P "$krb/kdc.pid" >>"$krb/setup.log" 2>&1 &
kdc_pid=$!
ok "a throwaway realm $realm with postgres/localhost and krbchair, its KDC on 127.0.0.1:$kport"

# -- the person signs in (kinit, their password on stdin) into a temporary ticket cache
for i in $(seq 1 50); do
  printf '%s\n' "$user_password" | kinit "krbchair@$realm" >"$krb/kinit.log" 2>&1 && break
  sleep 0.1
done
# A laptop away from the KDC later: its sign-in (the ticket-granting ticket) and no ticket for
# the server yet.
cp "$krb/ccache" "$krb/ccache-tgt-only"
klist >"$krb/klist" 2>&1
contains "kinit: krbchair has a ticket in the temporary cache" "$(cat "$krb/klist")" \
  "Ticket cache: FILE:$krb/ccache" "Default principal: krbchair@$realm" "krbtgt/$realm@$realm"

# -- the server: its keytab, and Kerberos the only way in over TCP
keytab=$(install_server_file "$krb/postgres.keytab" postgres.keytab)
sql -c "ALTER SYSTEM SET krb_server_keyfile = 'FILE:$keytab'" >/dev/null
set_hba "host quorum +quorum_chair,+quorum_minute_taker,+quorum_head_of_service,+quorum_admin 127.0.0.1/32 gss include_realm=0 krb_realm=$realm"
check "pg_hba.conf: one gss line for Quorum's roles, nothing else over TCP" \
  "$(sql -c "SELECT string_agg (type || ' ' || auth_method, ';') FROM pg_hba_file_rules WHERE type <> 'local'")" \
  "host gss"
"$cli" admin grant krbchair chair --db "$QUORUM_PG" >/dev/null &&
"$cli" admin grant achair chair --db "$QUORUM_PG" >/dev/null || { echo "Bail out! admin grant"; exit 1; }

unset PGHOST PGPORT PGDATABASE PGUSER
export PGPASSFILE=/nonexistent PGPASSWORD=
super="host=$cluster port=$port dbname=quorum user=postgres"
sql () { PGOPTIONS="-c client_min_messages=warning" psql -X -q -At -v ON_ERROR_STOP=1 -d "$super" "$@"; }
uri="postgresql://krbchair@localhost:$port/quorum?gssencmode=prefer"
log_from=$(wc -l <"$server_log")

# -- signed in by Kerberos, no password: a vote, its actor krbchair
conf=$(record_vote "$uri" "Kim Kerberos" 2>"$tmp/err")
if [ -n "$conf" ]; then ok "gssencmode=prefer: quorum-cli records a conference and a vote, no password"; else not_ok "gssencmode=prefer: recording: $(cat "$tmp/err")"; fi
check "gssencmode=prefer: quorum-cli reads the vote back" "$(the_vote "$uri" "${conf:-0}" 2>&1)" "[('Police', 'plan')]"
check "the record's actor is the Kerberos principal's user" \
  "$(sql -c "SELECT string_agg (DISTINCT \"user\", ',') FROM audit")" "krbchair"
check "disable: quorum-cli reads the vote (Kerberos sign-in, no GSSAPI encryption)" \
  "$(the_vote "postgresql://krbchair@localhost:$port/quorum?gssencmode=disable" "${conf:-0}" 2>&1)" "[('Police', 'plan')]"
connections=$(tail -n +"$((log_from + 1))" "$server_log" | grep "connection authorized: user=krbchair")
check "the server's log: prefer's connections signed in and encrypted by GSSAPI" \
  "$(printf '%s\n' "$connections" | grep -c "GSS (authenticated=yes, encrypted=yes, principal=krbchair@$realm)")" \
  "$(( $(printf '%s\n' "$connections" | grep -c .) - 1 ))"
check "the server's log: disable's connection signed in by GSSAPI, not encrypted" \
  "$(printf '%s\n' "$connections" | grep -c "GSS (authenticated=yes, encrypted=no, principal=krbchair@$realm)")" "1"

# -- refused: nothing written, and the message says why in plain words
refused "krbchair's ticket, another person's name" "postgresql://achair@localhost:$port/quorum?gssencmode=prefer" \
  "did not accept this computer's Kerberos sign-in as achair" "GSSAPI authentication failed"

# The app opens the same address, signed in by the ticket (under Xvfb).
if have_display && [ -x "$app" ]; then
  out=$(with_display timeout 60 "$app" --db "$uri" --open "${conf:-0}" --size 1100x760 --screenshot "$tmp/app-gss.png" 2>&1); status=$?
  check "the app opens the Kerberos address and draws the conference (exit)" "$status" "0"
  [ -s "$tmp/app-gss.png" ] && ok "the app's screenshot was saved" || not_ok "the app's screenshot: $out"
  keep_screenshot "$tmp/app-gss.png" pg-gss-app.png
else
  echo "# SKIP the app: no display (DISPLAY or xvfb-run) or no $app"
fi

# A laptop's service file, as docs/notes/pgauth.md tells an authority to hand out.
cat >"$tmp/pg_service.conf" <<EOF
[quorum]
host=localhost
port=$port
dbname=quorum
user=krbchair
gssencmode=prefer
EOF
check "Kerberos from a service file (--db service=quorum)" \
  "$(PGSERVICEFILE=$tmp/pg_service.conf the_vote service=quorum "${conf:-0}" 2>&1)" "[('Police', 'plan')]"

# A day-long session (the app's) outlives the ticket: the connection drops, the store makes it
# again and says plainly why it cannot; once the person signs in again, it comes back.
probe=${QUORUM_PG_SESSION_PROBE:-}
if [ -x "$probe" ]; then
  coproc session { "$probe" "$uri" 2>&1; }
  read -t 30 -r line <&"${session[0]}"
  check "a lasting session reads the record" "$line" "ok 1"
  kdestroy >/dev/null 2>&1
  sql -c "SELECT pg_terminate_backend (pid) FROM pg_stat_activity WHERE usename = 'krbchair'" >/dev/null
  # The first call after the drop may only learn the connection is gone; the next make it again.
  answers=
  for i in 1 2 3; do
    echo >&"${session[1]}"
    read -t 30 -r line <&"${session[0]}"
    echo "# the session, its ticket gone and its connection dropped, call $i: $line"
    answers="$answers$line|"
    case "$line" in *"Kerberos ticket"*) break ;; esac
  done
  contains "the lasting session, no ticket when it connects again: said plainly" "$answers" \
    "error:" "this computer has no Kerberos ticket" "kinit"
  printf '%s\n' "$user_password" | kinit "krbchair@$realm" >/dev/null 2>&1
  echo >&"${session[1]}"
  read -t 30 -r line <&"${session[0]}"
  check "signed in again (kinit): the same session reads the record" "$line" "ok 1"
  exec {session[1]}>&-
  wait "$session_PID" 2>/dev/null
else
  echo "# SKIP a lasting session: no pg-session-probe (QUORUM_PG_SESSION_PROBE)"
fi

stop_kdc
KRB5CCNAME=FILE:$krb/ccache-tgt-only refused "signed in, but the KDC out of reach" "$uri" \
  "could not get a Kerberos ticket for the server" "Cannot contact any KDC"

kdestroy >/dev/null 2>&1
refused "no ticket (after kdestroy)" "$uri" \
  "this computer has no Kerberos ticket" "kinit" "No Kerberos credentials available"
refused "no ticket, gssencmode=require" "postgresql://krbchair@localhost:$port/quorum?gssencmode=require" \
  "this computer has no Kerberos ticket" "GSSAPI encryption required"
out=$(LANGUAGE=cy "$cli" --db "$uri" referrals </dev/null 2>&1)
contains "no ticket, in Welsh" "$out" "nid oes gan y cyfrifiadur hwn docyn Kerberos"
connections=$(tail -n +"$((log_from + 1))" "$server_log" | grep -c "connection authorized: user=achair")
check "nobody came in as achair" "$connections" "0"
stop_kdc
finish
