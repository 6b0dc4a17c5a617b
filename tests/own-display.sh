#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/own-display.sh COMMAND [ARGS…]: runs a UI test on an X server and a session bus of its
# own (Xvfb, dbus-run-session), so that two UI tests run side by side: each has its own pointer,
# keyboard focus and xdotool, and each application id its own bus. Xvfb picks a free display
# itself (-displayfd), so two starting together never take the same number. The command's exit
# status is this script's (77, a skip, included).
set -u
dir=$(mktemp -d "${TMPDIR:-/tmp}/quorum-display.XXXXXX")
Xvfb -displayfd 3 -screen 0 1280x1024x24 -nolisten tcp 3>"$dir/display" 2>"$dir/xvfb.log" &
xvfb=$!
cleanup () {
  kill "$xvfb" 2>/dev/null
  wait "$xvfb" 2>/dev/null
  rm -rf "$dir"
}
trap cleanup EXIT
# Xvfb writes the display's number and a newline once it accepts connections.
for _ in $(seq 1 400); do
  [ "$(wc -l <"$dir/display")" -ge 1 ] && break
  if ! kill -0 "$xvfb" 2>/dev/null; then
    echo "own-display: Xvfb did not start:" >&2
    cat "$dir/xvfb.log" >&2
    exit 1
  fi
  sleep 0.05
done
if [ "$(wc -l <"$dir/display")" -lt 1 ]; then
  echo "own-display: Xvfb gave no display in 20 s" >&2
  exit 1
fi
DISPLAY=":$(head -n 1 "$dir/display")" dbus-run-session -- "$@"
