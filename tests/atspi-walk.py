#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# atspi-walk.py: walks the AT-SPI tree of the process PID, as a screen reader sees it, and prints
# every interactive widget that has no usable name, or a name doubled with its mnemonic
# ("A_dd Attendee Add Attendee"). Exits 1 when it finds any, 0 when every one is named.
#   atspi-walk.py PID [STATE [EXPECTED…]]
# Each EXPECTED is "name" or "name|description": an object so named (and so described) must be
# in the tree, as a screen reader would announce it.
# Run by test-ui-a11y (under Xvfb and dbus-run-session), which keeps its main loop running meanwhile.

import os
import re
import sys
import time

import pyatspi

# Roles a person operates; a table cell, row or list item counts when it takes the focus.
INTERACTIVE = {
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_ENTRY, pyatspi.ROLE_PASSWORD_TEXT,
    pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_SPIN_BUTTON, pyatspi.ROLE_SLIDER,
    pyatspi.ROLE_PAGE_TAB, pyatspi.ROLE_MENU_ITEM, pyatspi.ROLE_LINK,
    pyatspi.ROLE_COLUMN_HEADER, pyatspi.ROLE_TABLE_COLUMN_HEADER, pyatspi.ROLE_ROW_HEADER,
}
WHEN_FOCUSABLE = {
    pyatspi.ROLE_LIST_ITEM, pyatspi.ROLE_TABLE_CELL, pyatspi.ROLE_TABLE_ROW,
    pyatspi.ROLE_TREE_ITEM, pyatspi.ROLE_TEXT, pyatspi.ROLE_LABEL,
}
# GTK 4.8 falls back on the widget's type name when a widget has no name of its own.
TYPE_NAME = re.compile(r'^(Gtk|Adw|Quorum)[A-Z][A-Za-z]+$')
MNEMONIC = re.compile(r'(^|\s|\w)_\w')


def find_app(pid, timeout=20.0):
    # Stretched as the UI tests' own waits are (`./build-aux/dev test --sanitize` sets 4): a
    # sanitized app takes longer to register on the accessibility bus.
    try:
        scale = min(max(int(os.environ.get('QUORUM_TEST_TIMEOUT_MULTIPLIER', '1')), 1), 20)
    except ValueError:
        scale = 1
    desktop = pyatspi.Registry.getDesktop(0)
    until = time.monotonic() + timeout * scale
    while time.monotonic() < until:
        for app in desktop:
            try:
                if app is not None and app.get_process_id() == pid:
                    return app
            except Exception:
                pass
        time.sleep(0.2)
    return None


def doubled(name):
    words = name.split()
    if len(words) >= 2 and len(words) % 2 == 0:
        half = len(words) // 2
        if [w.replace('_', '') for w in words[:half]] == words[half:]:
            return True
    return MNEMONIC.search(name) is not None


def label_text(node):
    try:
        text = node.queryText()
        return text.getText(0, text.characterCount).strip()
    except Exception:
        return node.name or ''


def path_of(node):
    parts = []
    while node is not None:
        try:
            role = node.getRoleName()
            name = node.name
            node = node.parent
        except Exception:
            break
        if name and not TYPE_NAME.match(name):
            parts.append('%s “%s”' % (role, name))
        elif role not in ('panel', 'filler') or name:
            parts.append(name or role)
        if role in ('frame', 'dialog', 'application'):
            break
    return ' < '.join(parts[:5])


def main():
    pid = int(sys.argv[1])
    state = sys.argv[2] if len(sys.argv) > 2 else ''
    app = find_app(pid)
    if app is None:
        print('%s: the application (pid %d) is not on the accessibility bus' % (state, pid))
        return 2

    expected = sys.argv[3:]
    found = set()
    problems = []
    counted = 0
    stack = [app]
    while stack:
        node = stack.pop()
        try:
            role = node.getRole()
            name = node.name or ''
            states = node.getState()
            children = [node.getChildAtIndex(i) for i in range(node.childCount)]
        except Exception:
            continue
        stack.extend(c for c in reversed(children) if c is not None)

        for want in expected:
            want_name, _, want_description = want.partition('|')
            if name == want_name and (not want_description or want_description in (node.description or '')):
                found.add(want)

        focusable = states.contains(pyatspi.STATE_FOCUSABLE)
        if role not in INTERACTIVE and not (role in WHEN_FOCUSABLE and focusable):
            continue
        # A label takes the focus to be read or selected: its text is its name, and an empty one
        # (a pane's title before anything is chosen) has nothing to announce.
        if role == pyatspi.ROLE_LABEL and not label_text(node):
            continue
        counted += 1
        where = path_of(node.parent)
        if not name.strip() or TYPE_NAME.match(name):
            problems.append('%s: unnamed %s (in %s)' % (state, node.getRoleName(), where))
        elif doubled(name):
            problems.append('%s: doubled name %s “%s” (in %s)' % (state, node.getRoleName(), name, where))

    for want in expected:
        if want not in found:
            problems.append('%s: nothing is announced as “%s”' % (state, want))

    for p in problems:
        print(p)
    print('%s: %d interactive widgets, %d without a usable name' % (state, counted, len(problems)))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
