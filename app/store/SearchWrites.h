// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The search index writes of one pulled page, held until the end of the page and applied in
// ascending row id order.
//
// Why: FTS5 keeps a transaction's new rows in memory and writes them out as one on-disk
// segment at commit, unless a row id arrives that is not above the previous one, which
// flushes a segment at once. Search row ids are -records.rowid (newest first, see Schema.cpp),
// so records merged in order arrive with descending search ids: one segment per record, each
// rewriting the index structure and feeding merges (about half of a merge's cost). Applied in
// ascending order, a page of 1,000 records becomes one segment.

#include "Result.h"

#include <QString>

#include <map>
#include <optional>

namespace wp {

namespace sql {
class Database;
}

class SearchWrites
{
public:
    // `searchRow` gets `body` (replacing what this batch gave it before). `onDisk`: the row
    // may already be in the index from before the batch and must be deleted first.
    void put(qint64 searchRow, QString body, bool onDisk);
    // `searchRow` leaves the index (a tombstone).
    void remove(qint64 searchRow, bool onDisk);
    bool isEmpty() const { return m_rows.empty(); }

    // Deletes, then inserts, each in ascending row id order; clears the batch.
    Status apply(sql::Database &db);

private:
    struct Row
    {
        bool deleteFirst = false;
        std::optional<QString> body;
    };
    std::map<qint64, Row> m_rows;
};

} // namespace wp
