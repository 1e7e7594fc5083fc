// SPDX-License-Identifier: GPL-3.0-or-later
#include "Pseudonym.h"

#include <QRegularExpression>

namespace wp {

bool looksLikeFullName(const QString &pseudonym)
{
    // A capital, then letters (hyphens and apostrophes among them), at least one lower-case:
    // "Smith", "O'Brien", "McKay", "Élodie".
    static const QRegularExpression word(
        QStringLiteral("^\\p{Lu}[\\p{L}\\p{M}'\u2019-]*\\p{Ll}[\\p{L}\\p{M}'\u2019-]*$"));
    static const QRegularExpression space(QStringLiteral("\\s+"));
    int capitalised = 0;
    for (const QString &part : pseudonym.split(space, Qt::SkipEmptyParts))
        if (word.match(part).hasMatch())
            ++capitalised;
    return capitalised >= 2;
}

} // namespace wp
