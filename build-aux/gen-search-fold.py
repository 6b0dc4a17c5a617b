#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# build-aux/gen-search-fold.py: prints the character map of include/quorum/quorum-search.h (the
# search's fold: a letter's accents dropped and its case lowered), for Latin, Greek and
# Cyrillic letters. Run by hand when the map is to cover more; test-types checks the map
# against GLib's own decompositions.
import unicodedata

RANGES = [(0x41, 0x5A), (0xC0, 0x24F), (0x370, 0x52F), (0x1E00, 0x1FFF)]

src = []
dst = []
for lo, hi in RANGES:
    for cp in range(lo, hi + 1):
        c = chr(cp)
        if unicodedata.category(c)[0] != 'L':
            continue
        d = unicodedata.normalize('NFD', c)
        # A letter and its marks: the letter; one that is not (æ, ø, ł, ß) stays itself.
        if any(unicodedata.category(x) != 'Mn' for x in d[1:]):
            continue
        m = d[0].lower()
        if len(m) != 1 or m == c:
            continue
        src.append(c)
        dst.append(m)


def chunks(s, n=40):
    return [s[i:i + n] for i in range(0, len(s), n)]


for name, chars in (('QUORUM_SEARCH_FOLD_FROM', src), ('QUORUM_SEARCH_FOLD_TO', dst)):
    print('#define %s \\' % name)
    lines = chunks(''.join(chars))
    for i, line in enumerate(lines):
        print('  "%s"%s' % (line, ' \\' if i < len(lines) - 1 else ''))
