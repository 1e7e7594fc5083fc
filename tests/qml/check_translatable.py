#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when a QML screen shows a literal string that does not go through qsTr.

Looks at the properties a user reads or hears (text, title, label, placeholders, accessible
names...) in every qml/**/*.qml file. A literal with letters in it must be wrapped in qsTr();
symbols ("\u2190") and format masks ("XXXX-XXXX") pass. A literal kept on purpose (a language's own name, shown untranslated
by convention) carries the marker `i18n-exempt:` and a reason in a comment on its line."""
import re
import sys
from pathlib import Path

VISIBLE = re.compile(r'\b(text|title|label|placeholderText|Accessible\.name|Accessible\.description|'
                     r'actionText|lowText|highText|badge|detail|extra|description)\s*:')
QSTR = re.compile(r'qsTr\(\s*("(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\')')
KEYED = re.compile(r'\b(objectName|key|field|name)\s*:\s*("(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\')')
COMPARED = re.compile(r'[!=]==?\s*("(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\')')
LITERAL = re.compile(r'"((?:[^"\\]|\\.)*)"|\'((?:[^\'\\]|\\.)*)\'')


def has_words(literal):
    """Letters that could be words. A format mask ("XXXX-XXXX", "YYYY-MM-DD") is not: each of
    its runs of letters repeats one letter."""
    text = re.sub(r'\\u[0-9a-fA-F]{4}|\\.', '', literal)
    runs = re.findall(r'[^\W\d_]+', text)
    return any(len(set(run)) > 1 or len(run) == 1 for run in runs)


def main(root):
    problems = []
    for path in sorted(Path(root).rglob('*.qml')):
        for number, line in enumerate(path.read_text(encoding='utf-8').splitlines(), 1):
            code, _, comment = line.partition('//')
            if not VISIBLE.search(code) or 'i18n-exempt:' in comment:
                continue
            rest = COMPARED.sub('', KEYED.sub('', QSTR.sub('', code)))
            for match in LITERAL.finditer(rest):
                literal = match.group(1) if match.group(1) is not None else match.group(2)
                if has_words(literal):
                    problems.append('%s:%d: "%s" is shown without qsTr' % (path, number, literal))
    if problems:
        print('\n'.join(problems))
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else 'qml'))
