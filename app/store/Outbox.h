#pragma once
// Field-level changes waiting to be pushed. Written in the same transaction as the change it
// records; an entry goes away only when the server says it was applied.

#include "Result.h"
#include "StoreTypes.h"

namespace wp {

namespace sql {
class Database;
}

class Outbox
{
public:
    explicit Outbox(sql::Database &db) : m_db(db) {}

    // Oldest first.
    Result<QList<OutboxEntry>> pending(int limit = 100);
    Status markApplied(const QList<qint64> &seqs);
    Result<qint64> count();

    // Used by the repositories inside their transaction.
    Result<qint64> append(const RecordChange &change, qint64 nowMs);
    // Fields of `recordId` with a local change the server has not acknowledged yet.
    Result<QStringList> pendingFields(const QUuid &recordId);

private:
    sql::Database &m_db;
};

} // namespace wp
