#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# test-pg-cli-password.sh: quorum-cli and a server that asks for a password (issue 12,
# "Authentication is libpq's"). libpq's own ways keep working ($PGPASSWORD, a .pgpass file);
# without one, a script (no terminal) is never held at a prompt: it fails at once, exit 3,
# saying how to give the password; on a terminal quorum-cli asks for it, without echo, and a
# wrong one is asked again. Run under build-aux/pg-cluster run (PGHOST… and QUORUM_PG set).
set -u
: "${QUORUM_PG:?run under build-aux/pg-cluster run}"
cli=${QUORUM_CLI:?}
password='correct horse battery'
n=0
failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }

"$cli" admin init --db "$QUORUM_PG" >/dev/null || { echo "Bail out! admin init"; exit 1; }
"$cli" admin grant pwchair chair --db "$QUORUM_PG" >/dev/null || { echo "Bail out! admin grant"; exit 1; }
psql -X -q -c "ALTER ROLE pwchair PASSWORD '$password'; GRANT password_login TO pwchair" || { echo "Bail out! psql"; exit 1; }
db="host=$PGHOST port=$PGPORT dbname=quorum user=pwchair"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# No password, no terminal: an answer at once, never a prompt.
start=$(date +%s)
out=$(PGPASSWORD= PGPASSFILE=/nonexistent timeout 20 "$cli" --db "$db" referrals </dev/null 2>&1 >/dev/null); status=$?
elapsed=$(( $(date +%s) - start ))
echo "# $out (exit $status, ${elapsed}s)"
[ "$status" -eq 3 ] && ok "no password and no terminal: exit 3" || not_ok "no password and no terminal: exit $status"
case "$out" in
  *"asks for a password"*PGPASSWORD*pgpass*) ok "the message says how to give it" ;;
  *) not_ok "the message says how to give it: $out" ;;
esac
case "$out" in *"Password for"*) not_ok "no prompt without a terminal" ;; *) ok "no prompt without a terminal" ;; esac

# libpq's own: $PGPASSWORD and a .pgpass file.
if PGPASSWORD="$password" "$cli" --db "$db" --json conference new --child "Kim Pass" --kind initial \
     --date 2026-03-02 --chair "Jo Chair" </dev/null >"$tmp/new.json" 2>"$tmp/err"; then
  ok "\$PGPASSWORD works"
else
  not_ok "\$PGPASSWORD works: $(cat "$tmp/err")"
fi
printf '*:*:quorum:pwchair:%s\n' "$password" >"$tmp/pgpass"
chmod 600 "$tmp/pgpass"
if PGPASSWORD= PGPASSFILE="$tmp/pgpass" "$cli" --db "$db" referrals </dev/null >/dev/null 2>"$tmp/err"; then
  ok "a .pgpass file works"
else
  not_ok "a .pgpass file works: $(cat "$tmp/err")"
fi
# A wrong password in .pgpass, no terminal: the same answer, at once.
printf '*:*:quorum:pwchair:not the password\n' >"$tmp/pgpass-wrong"
chmod 600 "$tmp/pgpass-wrong"
out=$(PGPASSWORD= PGPASSFILE="$tmp/pgpass-wrong" timeout 20 "$cli" --db "$db" referrals </dev/null 2>&1 >/dev/null); status=$?
case "$status:$out" in
  3:*"password authentication failed"*"asks for a password"*) ok "a wrong .pgpass password: exit 3, saying how to give one" ;;
  *) not_ok "a wrong .pgpass password: exit $status: $out" ;;
esac
actor=$(psql -X -At -c "SELECT string_agg (DISTINCT \"user\", ',') FROM audit")
[ "$actor" = "pwchair" ] && ok "the record's actor is the session user" || not_ok "the record's actor: $actor"

# On a terminal: asked, without echo; a wrong password asked again; the right one opens.
python3 - "$cli" "$db" "$password" <<'PY'
import os, pty, sys, time, select
cli, db, password = sys.argv[1:4]
env = dict(os.environ, PGPASSWORD="", PGPASSFILE="/nonexistent")
pid, fd = pty.fork()
if pid == 0:
    os.execve(cli, [cli, "--db", db, "--json", "referrals"], env)
out = b""
def read_until(marker, seconds=20, times=1):
    global out
    end = time.time() + seconds
    while out.count(marker) < times and time.time() < end:
        r, _, _ = select.select([fd], [], [], 0.2)
        if r:
            try:
                out += os.read(fd, 4096)
            except OSError:
                break
    return out.count(marker) >= times
results = []
results.append(("asked on a terminal", read_until(b"Password for pwchair")))
os.write(fd, b"wrong password\n")
results.append(("a wrong one is asked again", read_until(b"did not accept that password")))
# The second prompt, not the first one again (it may come a moment after the refusal).
results.append(("asked again", read_until(b"Password for pwchair", 20, times=2)))
os.write(fd, password.encode() + b"\n")
read_until(b"]", 20)
_, status = os.waitpid(pid, 0)
results.append(("the right one opens the database", os.WEXITSTATUS(status) == 0 and b"[" in out))
results.append(("the password is not echoed", password.encode() not in out and b"wrong password" not in out))
for i, (what, good) in enumerate(results):
    print(("ok" if good else "not ok") + " - tty: " + what)
if not all(good for _, good in results):
    print("# " + out.decode(errors="replace").replace("\n", "\n# "))
    sys.exit(1)
PY
[ $? -eq 0 ] && ok "the terminal's prompt" || not_ok "the terminal's prompt"

echo "1..$n"
[ "$failed" -eq 0 ]
