#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/fuzz/run.sh SECONDS [HARNESS…]: builds the libFuzzer harnesses with clang (ASan+UBSan)
# into $QUORUM_BUILDDIR/fuzz, then fuzzes each for SECONDS from its seed corpus in
# tests/fuzz/corpus/. A crash, leak or sanitizer report fails the run (its input is kept in
# $QUORUM_BUILDDIR/fuzz/findings). Skips (77) when clang cannot build a fuzzer here.
set -u
seconds=${1:-10}; shift || true
src=${QUORUM_SRCDIR:?}; build=${QUORUM_BUILDDIR:?}
out="$build/fuzz"; mkdir -p "$out/findings"
harnesses=("$@"); [ ${#harnesses[@]} -gt 0 ] || harnesses=(date profile holidays cli files)
command -v clang >/dev/null || { echo "clang not installed: skipped"; exit 77; }

resources=$(find "$build/data" -name 'quorum-core-resources.c' | head -n1)
[ -n "$resources" ] || { echo "the build's core resources are missing: build first"; exit 1; }
flags=(-g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
       -I"$src/include" -I"$src/src" -I"$build" -DGETTEXT_PACKAGE='"quorum"' -DLOCALEDIR='"/usr/share/locale"'
       -DQUORUM_APP_ID='"io.github.quorum_app.quorum"' -DQUORUM_VERSION='"fuzz"' -DGLIB_VERSION_MIN_REQUIRED=GLIB_VERSION_2_74
       -Wno-unused-command-line-argument -w)
pkgs_core="glib-2.0 gobject-2.0 gio-2.0"
pkgs_cli="$pkgs_core sqlite3 libsecret-1 json-glib-1.0 cairo pangocairo pangoft2 fontconfig"

# Each source compiled once (into $out/obj), then each harness linked; redone only for a source
# newer than its object.
compile () {
  local c=$1 o="$out/obj/$(echo "$1" | sed "s|^$src/||; s|/|_|g").o"
  shift
  mkdir -p "$out/obj"
  if [ ! -f "$o" ] || [ "$c" -nt "$o" ] || [ -n "$(find "$src/include" "$src/src" -name '*.h' -newer "$o" | head -n1)" ]; then
    # shellcheck disable=SC2046
    clang "${flags[@]}" "$@" -c -o "$o" "$c" $(pkg-config --cflags $pkgs_cli) 2>>"$out/build.log" || return 1
  fi
  echo "$o"
}

build_one () {
  local name=$1 bin="$out/fuzz-$1" objs=() f o
  local sources=("$src"/src/core/*.c "$resources")
  local whole_cli=0
  case "$name" in cli|files) whole_cli=1 ;; esac
  [ $whole_cli -eq 1 ] && sources+=("$src"/src/store/*.c "$src"/src/store/sqlite/*.c "$src"/src/export/*.c $(ls "$src"/src/cli/*.c | grep -v '/quorum-cli.c$'))
  for f in "${sources[@]}" "$src/tests/fuzz/fuzz-$name.c"; do
    o=$(compile "$f") || { cat "$out/build.log" >&2; return 1; }
    objs+=("$o")
  done
  if [ $whole_cli -eq 1 ]; then
    o=$(compile "$src/src/cli/quorum-cli.c" -Dmain=quorum_cli_main) || { cat "$out/build.log" >&2; return 1; }
    objs+=("$o")
  fi
  local pkgs=$pkgs_core
  [ $whole_cli -eq 1 ] && pkgs=$pkgs_cli
  # shellcheck disable=SC2046
  clang "${flags[@]}" -o "$bin" "${objs[@]}" $(pkg-config --libs $pkgs) -lm 2>>"$out/build.log" ||
    { cat "$out/build.log" >&2; return 1; }
}

status=0
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export LSAN_OPTIONS="suppressions=$src/build-aux/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
for h in "${harnesses[@]}"; do
  if ! build_one "$h"; then echo "not ok - fuzz-$h: did not build"; status=1; continue; fi
  corpus="$out/corpus-$h"; mkdir -p "$corpus"
  log="$out/fuzz-$h.log"
  "$out/fuzz-$h" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -close_fd_mask=1 \
    -artifact_prefix="$out/findings/$h-" "$corpus" "$src/tests/fuzz/corpus/$h" >"$log" 2>&1
  rc=$?
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)
  [ -z "$runs" ] && runs=$(grep -oE '^#[0-9]+' "$log" | tail -n1 | tr -d '#')
  if [ $rc -eq 0 ]; then
    echo "ok - fuzz-$h: ${runs:-?} runs in ${seconds}s, clean"
  else
    echo "not ok - fuzz-$h: exit $rc after ${runs:-?} runs; see $log"; tail -n 30 "$log"; status=1
  fi
done
exit $status
