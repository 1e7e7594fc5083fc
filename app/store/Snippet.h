// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Search snippets made from the record's own text, so the FTS table can stay contentless
// (no second copy of every text in the file) and SQLite allocates less per query.

#include <QString>
#include <QStringList>

namespace wp {

// Case- and accent-insensitive form, as the FTS tokenizer (unicode61, remove_diacritics 2)
// sees a word.
QString foldForSearch(const QString &word);

// The words of a search query, folded: what the snippet highlights.
QStringList searchTerms(const QString &query);

// About `words` words of `text` around the first match, each match wrapped in `start`/`end`,
// with an ellipsis where text was cut. Matches are whole words, or prefixes when
// `lastIsPrefix` and the word is the query's last term.
QString makeSnippet(const QString &text, const QStringList &terms, bool lastIsPrefix, QChar start,
                    QChar end, int words = 12);

} // namespace wp
