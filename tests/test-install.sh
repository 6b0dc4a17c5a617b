#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# test-install.sh: `meson install` into a temporary prefix gives a working Quorum with no need of
# its build folder: the build is moved away, then the installed app and CLI run (the app under
# Xvfb, saving a screenshot) in Welsh, finding their settings schema, translations, icons, desktop
# file, metainfo, manual pages and bash completion under the prefix alone.
set -u
src=${QUORUM_SRCDIR:?}
tmp=$(mktemp -d /tmp/quorum-install-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix
b=$tmp/build
n=0; status=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
no () { n=$((n + 1)); echo "not ok $n - $1"; status=1; }

meson setup "$b" "$src" --prefix="$prefix" --buildtype=plain >"$tmp/setup.log" 2>&1 \
  || { cat "$tmp/setup.log"; echo "not ok 1 - meson setup"; exit 1; }
# Only what is installed (not the tests and benchmarks), to keep this test short.
targets=$(meson introspect "$b" --targets | python3 -c '
import json, sys, os
for t in json.load(sys.stdin):
    if t.get("installed"):
        print(t["name"])' "$b")
meson compile -C "$b" $targets >"$tmp/build.log" 2>&1 || { tail -30 "$tmp/build.log"; echo "not ok 1 - build"; exit 1; }
meson install -C "$b" --no-rebuild >"$tmp/install.log" 2>&1 || { tail -30 "$tmp/install.log"; echo "not ok 1 - meson install"; exit 1; }
ok "meson install into $prefix"

# The build folder goes away: nothing may depend on it now.
mv "$b" "$tmp/build-moved"

share=$prefix/share
for f in glib-2.0/schemas/gschemas.compiled \
         glib-2.0/schemas/io.github.quorum_app.quorum.gschema.xml \
         applications/io.github.quorum_app.quorum.desktop \
         metainfo/io.github.quorum_app.quorum.metainfo.xml \
         icons/hicolor/scalable/apps/io.github.quorum_app.quorum.svg \
         icons/hicolor/symbolic/apps/io.github.quorum_app.quorum-symbolic.svg \
         locale/cy/LC_MESSAGES/quorum.mo \
         man/man1/quorum.1 man/man1/quorum-cli.1 \
         bash-completion/completions/quorum-cli; do
  [ -f "$share/$f" ] && ok "installed $f" || no "missing $share/$f"
done
grep -q '^Name\[cy\]=' "$share/applications/io.github.quorum_app.quorum.desktop" \
  && ok "the desktop file has a Welsh name" || no "no Name[cy] in the installed desktop file"
for page in quorum quorum-cli; do
  if command -v man >/dev/null; then
    man -l "$share/man/man1/$page.1" 2>/dev/null | grep -q 'SYNOPSIS' && ok "man $page renders" || no "man $page does not render"
  else
    grep -q '^\.TH' "$share/man/man1/$page.1" && ok "$page.1 is a manual page" || no "$page.1 is not a manual page"
  fi
done
if bash -c "complete() { :; }; _init_completion() { return 1; }; source '$share/bash-completion/completions/quorum-cli'" 2>/dev/null; then
  ok "the bash completion loads"
else
  no "the bash completion does not load"
fi

# No build path in what the binaries read at run time (debug info aside).
for bin in quorum quorum-cli; do
  if objcopy -O binary --only-section=.rodata "$prefix/bin/$bin" "$tmp/$bin.rodata" 2>/dev/null &&
     grep -qa "$tmp/build" "$tmp/$bin.rodata"; then
    no "$bin holds its build folder's path"
  else
    ok "$bin holds no build path"
  fi
done

# The installed programs, in Welsh, with nothing of the build tree in their environment.
env_run () {
  env -u GSETTINGS_SCHEMA_DIR -u QUORUM_LOCALEDIR -u QUORUM_MODULEDIR -u QUORUM_CLI -u QUORUM_BUILDDIR \
    XDG_DATA_DIRS="$share:/usr/share" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" \
    QUORUM_KEY_FILE="$tmp/config/audit.key" QUORUM_NO_KEYRING=1 \
    QUORUM_DB="$tmp/data/quorum/quorum.db" LANGUAGE=cy LANG=C.UTF-8 LC_ALL=C.UTF-8 "$@"
}
out=$(env_run "$prefix/bin/quorum-cli" --help 2>&1)
grep -q 'Gorchmynion' <<<"$out" && ok "quorum-cli --help is in Welsh" || no "quorum-cli --help is not in Welsh: $(head -3 <<<"$out")"
out=$(env_run "$prefix/bin/quorum-cli" conference new --child 'Alys' --kind initial --date 2026-11-02 \
        --chair 'M. Jones' --profile south-east-wales 2>&1)
grep -q 'Cynhadledd' <<<"$out" && ok "quorum-cli speaks Welsh: $out" || no "quorum-cli conference new: $out"
[ -f "$tmp/data/quorum/quorum.db" ] && ok "the database is \$XDG_DATA_HOME/quorum/quorum.db" || no "no database at \$XDG_DATA_HOME/quorum/quorum.db"
out=$(env_run "$prefix/bin/quorum" --help 2>&1)
grep -q 'Dangos' <<<"$out" && ok "quorum --help is in Welsh" || no "quorum --help is not in Welsh: $(head -5 <<<"$out")"
out=$(env_run "$prefix/bin/quorum-cli" workdays add 2026-12-24 1 2>&1)
[ -n "$out" ] && ok "quorum-cli workdays add reads the holidays: $out" || no "workdays add printed nothing"

# The PostgreSQL driver is a module, found under the prefix (libdir/quorum) when a server's
# database is named: the installed CLI reaches libpq (its own words about the socket), not a
# "driver could not be loaded".
if [ -f "$tmp/build-moved/src/store/postgres/libquorum-postgres.so" ]; then
  module=$(find "$prefix" -path '*/quorum/libquorum-postgres.so' | head -n 1)
  [ -n "$module" ] && ok "installed $module" || no "the PostgreSQL driver's module is not installed"
  out=$(env_run "$prefix/bin/quorum-cli" --db "host=$tmp/no-server dbname=quorum" conference list 2>&1)
  grep -q 'PGSQL' <<<"$out" && ok "the installed CLI loads the PostgreSQL driver: $(head -1 <<<"$out")" \
    || no "the installed CLI did not reach libpq: $out"
fi

if [ -n "${DISPLAY:-}" ]; then
  # A second try: on a loaded machine the first frame can come before the window has content.
  for try in 1 2; do
    out=$(env_run GSETTINGS_BACKEND=memory timeout 60 "$prefix/bin/quorum" --screenshot "$tmp/cy.png" 2>&1)
    rc=$?
    [ $rc -eq 0 ] && break
  done
  [ $rc -eq 0 ] && [ -s "$tmp/cy.png" ] && ok "the installed app runs and draws its window" || no "quorum --screenshot: exit $rc: $out"
  grep -q 'not installed' <<<"$out" && no "the installed app did not find its settings: $out" || ok "the installed app finds its settings schema"
else
  echo "# no display: the app's window is not drawn"
fi
echo "1..$n"
exit $status
