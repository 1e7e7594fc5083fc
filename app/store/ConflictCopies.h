// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Open conflicts (StoreTypes.h, Conflict): listed with both texts, and resolved by the user.
// A resolution is an ordinary local edit of the field (it syncs like any other), and the
// conflict copy and its search row go in the same transaction.

#include "Result.h"
#include "StoreTypes.h"

namespace wp {

namespace sql {
class Database;
}
class AuditChain;
class RecordTable;

class ConflictCopies
{
public:
    ConflictCopies(sql::Database &db, RecordTable &table, AuditChain &audit, QUuid device)
        : m_db(db), m_table(table), m_audit(audit), m_device(device)
    {
    }

    // Oldest first; a null `recordId` lists every record's. Copies of deleted records are gone
    // with them (RecordTable::tombstone).
    Result<QList<Conflict>> list(const QUuid &recordId = {});
    Result<qint64> count();
    // NotFound when there is no open conflict with that id.
    Result<Conflict> find(qint64 id);

    // Writes the chosen text (`merged` for ConflictChoice::Merge) into the record when it
    // differs from the one there, then removes the copy. InvalidInput when the text is not a
    // valid value of the field (too long, for one); NotFound when already resolved.
    Status resolve(qint64 id, ConflictChoice choice, const QString &merged = {});
    // The copy and its search row go, the record is left as it is.
    Status dismiss(qint64 id);

private:
    Result<QList<Conflict>> query(const QUuid &recordId, qint64 id);

    sql::Database &m_db;
    RecordTable &m_table;
    AuditChain &m_audit;
    QUuid m_device;
};

} // namespace wp
