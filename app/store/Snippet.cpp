// SPDX-License-Identifier: GPL-3.0-or-later
#include "Snippet.h"

#include <QList>

namespace wp {

namespace {

struct Token
{
    qsizetype begin = 0;
    qsizetype end = 0;
};

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c.category() == QChar::Mark_NonSpacing;
}

QList<Token> tokens(const QString &text)
{
    QList<Token> out;
    qsizetype i = 0;
    while (i < text.size()) {
        while (i < text.size() && !isWordChar(text.at(i)))
            ++i;
        const qsizetype begin = i;
        while (i < text.size() && isWordChar(text.at(i)))
            ++i;
        if (i > begin)
            out.append({begin, i});
    }
    return out;
}

} // namespace

QString foldForSearch(const QString &word)
{
    const QString decomposed = word.normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    for (QChar c : decomposed)
        if (c.category() != QChar::Mark_NonSpacing)
            out.append(c);
    return out.toCaseFolded();
}

QStringList searchTerms(const QString &query)
{
    QStringList out;
    for (const Token &t : tokens(query))
        out.append(foldForSearch(query.mid(t.begin, t.end - t.begin)));
    return out;
}

QString makeSnippet(const QString &text, const QStringList &terms, bool lastIsPrefix, QChar start,
                    QChar end, int words)
{
    const QList<Token> all = tokens(text);
    if (all.isEmpty())
        return {};
    QList<bool> matched(all.size(), false);
    qsizetype first = -1;
    for (qsizetype i = 0; i < all.size(); ++i) {
        const QString folded = foldForSearch(text.mid(all[i].begin, all[i].end - all[i].begin));
        for (qsizetype t = 0; t < terms.size(); ++t) {
            const bool prefix = lastIsPrefix && t == terms.size() - 1;
            if (folded == terms[t] || (prefix && folded.startsWith(terms[t]))) {
                matched[i] = true;
                break;
            }
        }
        if (matched[i] && first < 0)
            first = i;
    }
    // A few words of context before the first match.
    const qsizetype from = first < 0 ? 0 : std::max<qsizetype>(0, first - words / 4);
    const qsizetype to = std::min<qsizetype>(all.size() - 1, from + words - 1);

    QString out;
    if (from > 0)
        out += QChar(0x2026);
    qsizetype pos = all[from].begin;
    for (qsizetype i = from; i <= to; ++i) {
        out += text.mid(pos, all[i].begin - pos);
        const QString word = text.mid(all[i].begin, all[i].end - all[i].begin);
        out += matched[i] ? start + word + end : word;
        pos = all[i].end;
    }
    if (to < all.size() - 1)
        out += QChar(0x2026);
    return out.simplified();
}

} // namespace wp
