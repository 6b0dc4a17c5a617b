#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# test-metainfo.sh: the metainfo passes `appstreamcli validate --pedantic` with nothing to say (not
# even a pedantic hint), provides both binaries, names its URLs, and each screenshot it shows is one of
# the repository's own docs/screenshots.
set -u
metainfo=${1:?metainfo}
n=0; status=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
no () { n=$((n + 1)); echo "not ok $n - $1"; status=1; }
out=$(appstreamcli validate --pedantic --no-net "$metainfo" 2>&1)
if [ $? -eq 0 ] && ! grep -qE '^[EWIP]: ' <<<"$out"; then ok "appstreamcli validate --pedantic is clean"
else no "appstreamcli validate --pedantic: $out"; fi
for b in quorum quorum-cli; do
  grep -q "<binary>$b</binary>" "$metainfo" && ok "provides $b" || no "no <binary>$b</binary>"
done
for u in homepage bugtracker vcs-browser; do
  grep -q "<url type=\"$u\">https://" "$metainfo" && ok "url $u" || no "no $u url"
done
shots=$(grep -o 'docs/screenshots/[^<]*\.png' "$metainfo")
[ -n "$shots" ] && ok "has screenshots" || no "no screenshots"
for s in $shots; do
  [ -f "${QUORUM_SRCDIR:?}/$s" ] && ok "$s is in the repository" || no "$s is missing from the repository"
done
echo "1..$n"
exit $status
