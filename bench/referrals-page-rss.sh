#!/bin/bash
# referrals-page-rss.sh BINARY DB LABEL: the app's resident memory at start, with the Referrals
# page shown (Alt+2), and after 40 Page Down in its table, from /proc (run under Xvfb:
#   xvfb-run -a -s "-screen 0 1280x900x24" dbus-run-session -- bench/referrals-page-rss.sh \
#     build/src/quorum 100k.db after
# with a database from `quorum-bench generate 100k.db 100000`). SHOT=FILE saves the screen;
# QUORUM_KEY_FILE: the audit key the database was generated with.
bin=$1; db=$2; label=$3
export QUORUM_NO_KEYRING=1 QUORUM_KEY_FILE=${QUORUM_KEY_FILE:-$PWD/bench-audit.key} GSETTINGS_BACKEND=memory
export XDG_DATA_HOME=${TMPDIR:-/tmp}/quorum-rss-data XDG_STATE_HOME=${TMPDIR:-/tmp}/quorum-rss-state XDG_CONFIG_HOME=${TMPDIR:-/tmp}/quorum-rss-config
mkdir -p $XDG_DATA_HOME $XDG_STATE_HOME $XDG_CONFIG_HOME
"$bin" --db "$db" --size 1280x800 >${TMPDIR:-/tmp}/quorum-rss-app-$label.log 2>&1 &
pid=$!
for i in $(seq 60); do xdotool search --pid $pid --onlyvisible --name . >/dev/null 2>&1 && break; sleep 0.5; done
sleep 12
rss() { awk '/VmRSS|VmHWM/ {printf "%s %d MiB  ", $1, $2/1024}' /proc/$pid/status; echo; }
echo "$label start: $(rss)"
win=$(xdotool search --pid $pid --onlyvisible --name . | head -1)
xdotool windowactivate --sync $win 2>/dev/null; xdotool windowfocus --sync $win
xdotool key --window $win alt+2
sleep 15
echo "$label referrals shown: $(rss)"
# scroll through the table: click a row then press Page_Down 40 times
xdotool mousemove --window $win 640 500 click 1
sleep 2
for i in $(seq 40); do xdotool key --window $win Next; sleep 0.1; done
sleep 5
echo "$label after 40 Page Down: $(rss)"
[ -n "$SHOT" ] && import -window root "$SHOT" 2>/dev/null
kill $pid; wait $pid 2>/dev/null
