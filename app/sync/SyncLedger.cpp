#include "SyncLedger.h"

#include "Store.h"

namespace wp::sync {

Result<QList<OutboxEntry>> StoreLedger::pendingChanges(int limit)
{
    return m_store.outbox().pending(limit);
}

Status StoreLedger::markApplied(const QList<qint64> &seqs)
{
    return m_store.outbox().markApplied(seqs);
}

Result<qint64> StoreLedger::pendingCount()
{
    return m_store.outbox().count();
}

Result<HlcStamp> StoreLedger::clockNow()
{
    return m_store.clock().now();
}

Result<QByteArray> StoreLedger::syncCursor()
{
    return m_store.syncCursor();
}

Result<MergeReport> StoreLedger::applyRemote(const QList<RemoteChange> &changes,
                                             const QByteArray &newCursor)
{
    return m_store.applyRemote(changes, newCursor);
}

} // namespace wp::sync
