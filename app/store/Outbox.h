// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Field-level changes waiting to be pushed. Written in the same transaction as the change it
// records; an entry goes away only when the server says it was applied.

#include "Result.h"
#include "StoreTypes.h"

namespace wp {

namespace sql {
class Database;
}

// A change the server refused for good (docs/protocol.md, "Push"): kept, not sent again, shown
// to the user with the server's reason.
struct FailedChange
{
    OutboxEntry entry;
    QString reason; // the server's code: "not_author", "type_mismatch", "too_large", ...
    QDateTime failedAt;
};

class Outbox
{
public:
    explicit Outbox(sql::Database &db) : m_db(db) {}

    // Entries waiting to be sent, oldest first, after `afterSeq`; failed ones are left out.
    Result<QList<OutboxEntry>> pending(int limit = 100, qint64 afterSeq = 0);
    Status markApplied(const QList<qint64> &seqs);
    // Entries waiting to be sent (failed ones not included).
    Result<qint64> count();

    // The server refused these entries for good: they stay, with the reason, and are skipped.
    Status markFailed(const QList<std::pair<qint64, QString>> &seqReasons, qint64 nowMs);
    Result<QList<FailedChange>> failed(int limit = 100);
    Result<qint64> failedCount();
    // Puts every failed entry back in the queue (after an update of the app or the server).
    Status retryFailed();
    // Drops one failed entry the user dismissed (the server can never apply it): the record
    // stays as it is on this device; the change is not sent. NotFound unless it is failed.
    Status dismissFailed(qint64 seq);

    // Used by the repositories inside their transaction.
    Result<qint64> append(const RecordChange &change, qint64 nowMs);
    // Fields of `recordId` with a local change the server has not acknowledged yet.
    Result<QStringList> pendingFields(const QUuid &recordId);

private:
    sql::Database &m_db;
};

} // namespace wp
