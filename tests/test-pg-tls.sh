#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# test-pg-tls.sh: the shared store over TLS with sslmode=verify-full (issue 12, "Authentication is
# libpq's"). The test is its own certificate authority (openssl): a CA, a certificate for
# `localhost` that the throwaway cluster serves (ssl = on), and pg_hba.conf lets Quorum's roles in
# over TCP only by `hostssl … scram-sha-256` (no plain `host` line). quorum-cli records and reads a
# vote through postgresql://tlschair@localhost:PORT/quorum?sslmode=verify-full&sslrootcert=CA; a
# server showing a certificate for another name, a CA this computer does not know, a missing CA
# file and a connection without TLS are each refused with a clear message (exit 3, as for any
# database that cannot be opened) and nothing is written; the app opens the same address.
# Run under PG_CLUSTER_TCP=1 build-aux/pg-cluster run (tests/meson.build).
. "$(dirname "$0")/pg-auth-lib.sh"
password='tls chair password'

command -v openssl >/dev/null || { echo "1..0 # SKIP openssl is not installed (Debian: apt-get install openssl)"; exit 77; }

# -- the authority's certificates (EC keys: quick to make)
mkcert () { # NAME CN [CA]: NAME.key, NAME.crt (self-signed with no CA; else signed by CA, for DNS:CN)
  local name=$1 cn=$2 ca=${3:-}
  if [ -z "$ca" ]; then
    openssl req -x509 -new -nodes -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -days 2 \
      -subj "/CN=$cn" -keyout "$tmp/$name.key" -out "$tmp/$name.crt" 2>/dev/null
  else
    openssl req -new -nodes -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -subj "/CN=$cn" \
      -keyout "$tmp/$name.key" -out "$tmp/$name.csr" 2>/dev/null &&
    printf 'subjectAltName=DNS:%s\n' "$cn" >"$tmp/$name.ext" &&
    openssl x509 -req -in "$tmp/$name.csr" -CA "$tmp/$ca.crt" -CAkey "$tmp/$ca.key" -CAcreateserial \
      -days 2 -extfile "$tmp/$name.ext" -out "$tmp/$name.crt" 2>/dev/null
  fi
}
mkcert ca "Quorum test authority CA" &&
mkcert server localhost ca &&
mkcert elsewhere quorum.elsewhere.test ca &&
mkcert stranger "Another authority CA" || { echo "Bail out! openssl could not make the certificates"; exit 1; }
openssl verify -CAfile "$tmp/ca.crt" "$tmp/server.crt" >/dev/null && ok "the CA signed the server's certificate for localhost" \
  || not_ok "openssl verify of the server's certificate"

# -- the server on TLS: as an authority's administrator would put it (docs/notes/pgauth.md)
serve_cert () { # NAME: the server shows NAME.crt
  sql -c "ALTER SYSTEM SET ssl_cert_file = '$(install_server_file "$tmp/$1.crt" "$1.crt")'" \
      -c "ALTER SYSTEM SET ssl_key_file = '$(install_server_file "$tmp/$1.key" "$1.key")'" >/dev/null
  reload
}
sql -c "ALTER SYSTEM SET ssl = on" >/dev/null
serve_cert server
set_hba "hostssl quorum +quorum_chair,+quorum_minute_taker,+quorum_head_of_service,+quorum_admin 127.0.0.1/32 scram-sha-256"
check "the server has TLS on" "$(sql -c 'SHOW ssl')" "on"
check "pg_hba.conf: one hostssl line for Quorum's roles, no plain host line" \
  "$(sql -c "SELECT string_agg (type || ' ' || auth_method, ',' ORDER BY line_number) FROM pg_hba_file_rules WHERE type <> 'local'")" \
  "hostssl scram-sha-256"

"$cli" admin grant tlschair chair --db "$QUORUM_PG" >/dev/null || { echo "Bail out! admin grant"; exit 1; }
sql -c "ALTER ROLE tlschair PASSWORD '$password'" >/dev/null
printf 'localhost:%s:quorum:tlschair:%s\n' "$port" "$password" >"$tmp/pgpass"
chmod 600 "$tmp/pgpass"
# Only the address and libpq's own files say where and how: none of the cluster's PG* variables.
unset PGHOST PGPORT PGDATABASE PGUSER
export PGPASSFILE=$tmp/pgpass PGPASSWORD=
uri="postgresql://tlschair@localhost:$port/quorum?sslmode=verify-full&sslrootcert=$tmp/ca.crt"
super="host=$cluster port=$port dbname=quorum user=postgres"
sql () { PGOPTIONS="-c client_min_messages=warning" psql -X -q -At -v ON_ERROR_STOP=1 -d "$super" "$@"; }

# -- verify-full: a vote recorded and read back
log_from=$(wc -l <"$server_log")
conf=$(record_vote "$uri" "Kim Tls" 2>"$tmp/err")
if [ -n "$conf" ]; then ok "verify-full: quorum-cli records a conference and a vote"; else not_ok "verify-full: recording: $(cat "$tmp/err")"; fi
check "verify-full: quorum-cli reads the vote back" "$(the_vote "$uri" "${conf:-0}" 2>&1)" "[('Police', 'plan')]"
check "verify-full: the record's actor is the TLS user" \
  "$(sql -c "SELECT string_agg (DISTINCT \"user\", ',') FROM audit")" "tlschair"
connections=$(tail -n +"$((log_from + 1))" "$server_log" | grep "connection authorized: user=tlschair")
total=$(printf '%s\n' "$connections" | grep -c .)
check "verify-full: every connection of quorum-cli (at least its 5 runs) was encrypted (the server's log)" \
  "$(printf '%s\n' "$connections" | grep -c 'SSL enabled (protocol=TLS')/$([ "$total" -ge 5 ] && echo many || echo "$total")" "$total/many"
# A laptop's service file, as docs/notes/pgauth.md tells an authority to hand out.
cat >"$tmp/pg_service.conf" <<EOF
[quorum]
host=localhost
port=$port
dbname=quorum
user=tlschair
sslmode=verify-full
sslrootcert=$tmp/ca.crt
EOF
check "verify-full from a service file (--db service=quorum)" \
  "$(PGSERVICEFILE=$tmp/pg_service.conf the_vote service=quorum "${conf:-0}" 2>&1)" "[('Police', 'plan')]"
out=$("$cli" --db "postgresql://tlschair@localhost:$port/quorum?sslmode=disable" --json referrals </dev/null 2>&1); status=$?
check "without TLS: refused, exit 3" "$status" "3"
contains "without TLS: the message says the server wants TLS and how to ask for it" "$out" \
  "does not let tlschair in over an unencrypted connection" "sslmode=verify-full"
echo "# $out"

# -- refused: nothing is written, and the message says why in plain words
serve_cert elsewhere
refused "a certificate for another host name" "$uri" \
  "The server's certificate is not made out to localhost" "may not be the authority's server" \
  'server certificate for "quorum.elsewhere.test"'
serve_cert server
refused "an unknown certificate authority" \
  "postgresql://tlschair@localhost:$port/quorum?sslmode=verify-full&sslrootcert=$tmp/stranger.crt" \
  "could not be verified with the authority's certificate $tmp/stranger.crt" "Quorum did not connect" \
  "certificate verify failed"
refused "no authority certificate on this computer" \
  "postgresql://tlschair@localhost:$port/quorum?sslmode=verify-full&sslrootcert=$tmp/none.crt" \
  "the authority's certificate to check it with is not on this computer" "sslrootcert=FILE"
# The same message in Welsh (po/cy.po), libpq's own words after it.
out=$(LANGUAGE=cy "$cli" --db "$uri&sslrootcert=$tmp/stranger.crt" referrals </dev/null 2>&1)
contains "an unknown certificate authority, in Welsh" "$out" "Nid oedd modd gwirio tystysgrif y gweinydd" \
  "certificate verify failed"
check "the vote after the refusals is still the one recorded" "$(the_vote "$uri" "$conf" 2>&1)" "[('Police', 'plan')]"

# -- the app opens the same address (under Xvfb) and shows the conference
if have_display && [ -x "$app" ]; then
  out=$(with_display timeout 60 "$app" --db "$uri" --open "$conf" --size 1100x760 --screenshot "$tmp/app-tls.png" 2>&1); status=$?
  check "the app opens the verify-full address and draws the conference (exit)" "$status" "0"
  [ -s "$tmp/app-tls.png" ] && ok "the app's screenshot was saved" || not_ok "the app's screenshot: $out"
  keep_screenshot "$tmp/app-tls.png" pg-tls-app.png
  out=$(with_display timeout 60 "$app" --db "$uri&sslrootcert=$tmp/stranger.crt" --screenshot "$tmp/app-refused.png" 2>&1); status=$?
  check "the app refuses a server its CA does not know (exit)" "$status" "1"
  contains "the app says why" "$out" "could not be verified with the authority's certificate"
  [ -e "$tmp/app-refused.png" ] && not_ok "the app drew no record for a refused server" || ok "the app drew no record for a refused server"
else
  echo "# SKIP the app: no display (DISPLAY or xvfb-run) or no $app"
fi
connections=$(tail -n +"$((log_from + 1))" "$server_log" | grep "connection authorized: user=tlschair")
check "no connection of tlschair was ever unencrypted" \
  "$(printf '%s\n' "$connections" | grep -vc 'SSL enabled')" "0"
finish
