// SPDX-License-Identifier: GPL-3.0-or-later
#include "SearchWrites.h"

#include "Sqlite.h"

namespace wp {

// The first write of a row in the batch says whether it was in the index before; a later
// one (the same record changed twice in a page) only replaces the body.
void SearchWrites::put(qint64 searchRow, QString body, bool onDisk)
{
    m_rows.try_emplace(searchRow, Row{onDisk, {}}).first->second.body = std::move(body);
}

void SearchWrites::remove(qint64 searchRow, bool onDisk)
{
    m_rows.try_emplace(searchRow, Row{onDisk, {}}).first->second.body.reset();
}

Status SearchWrites::apply(sql::Database &db)
{
    for (const auto &[searchRow, row] : m_rows) {
        if (!row.deleteFirst)
            continue;
        sql::Statement &del = db.cached("DELETE FROM search WHERE rowid = ?");
        del.bind(1, searchRow);
        if (Status s = del.exec(); !s)
            return s;
    }
    for (const auto &[searchRow, row] : m_rows) {
        if (!row.body)
            continue;
        sql::Statement &insert = db.cached("INSERT INTO search(rowid, body) VALUES (?, ?)");
        insert.bind(1, searchRow).bind(2, *row.body);
        if (Status s = insert.exec(); !s)
            return s;
    }
    m_rows.clear();
    return {};
}

} // namespace wp
