#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# test-potfiles.sh: every file with a translatable string is listed in po/POTFILES.in (a Welsh
# translation will follow), every listed file exists, and xgettext reads them all.
set -u
cd "${QUORUM_SRCDIR:?}"
status=0
n=0
while IFS= read -r f; do
  n=$((n + 1))
  if ! grep -qxF "$f" po/POTFILES.in; then
    echo "not ok $n - $f has translatable strings but is not in po/POTFILES.in"; status=1
  else
    echo "ok $n - $f listed"
  fi
done < <(grep -rlE '(^|[^A-Za-z0-9_])N?_\(|translatable="yes"' src ui data/*.in* 2>/dev/null | grep -vE '\.h$' | sort)
while IFS= read -r f; do
  case "$f" in ''|'#'*) continue ;; esac
  n=$((n + 1))
  if [ -f "$f" ]; then echo "ok $n - $f exists"; else echo "not ok $n - $f is listed but missing"; status=1; fi
done < po/POTFILES.in
n=$((n + 1))
if xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
     --files-from=po/POTFILES.in -o /dev/null 2>/tmp/xgettext.$$; then
  echo "ok $n - xgettext reads every listed file"
else
  echo "not ok $n - xgettext: $(head -n 3 /tmp/xgettext.$$)"; status=1
fi
rm -f /tmp/xgettext.$$
echo "1..$n"
exit $status
