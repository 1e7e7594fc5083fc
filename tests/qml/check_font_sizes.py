#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when a QML screen sets a font size of its own instead of taking one from Style.

Every text size comes from the one scale in qml/singletons/Style.qml, which follows the text
size chosen in Settings: a number written in a screen (`font.pixelSize: 14`,
`font.pointSize: 12 * 1.5`, `font.pixelSize = 14`) stays the same size when the worker asks
for larger text. Any number on the right of a pixelSize or pointSize fails, whatever else is
in the expression; sizes measured from another item (`font: other.font`) pass. Style.qml itself
is where the numbers live."""
import re
import sys
from pathlib import Path

SIZE = re.compile(r'\b(?:pixelSize|pointSize|minimumPixelSize|minimumPointSize)\s*(?::|=(?!=))\s*(.*)')
NUMBER = re.compile(r'(?<![\w.])\d+(?:\.\d+)?(?![\w.])')
STYLE = Path('singletons') / 'Style.qml'


def main(root):
    problems = []
    files = 0
    for path in sorted(Path(root).rglob('*.qml')):
        if path.relative_to(root) == STYLE:
            continue
        files += 1
        for number, line in enumerate(path.read_text(encoding='utf-8').splitlines(), 1):
            code = line.partition('//')[0]
            for match in SIZE.finditer(code):
                # The expression ends at the end of the line or at the next statement.
                expression = match.group(1).split(';')[0]
                if NUMBER.search(expression):
                    problems.append('%s:%d: a font size of its own (%s): use a Style size'
                                    % (path, number, expression.strip()))
    for problem in problems:
        print(problem)
    if files == 0:
        print('no QML files under %s' % root)
        return 1
    print('%d QML files, %d font sizes of their own' % (files, len(problems)))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else 'qml')))
