// SPDX-License-Identifier: GPL-3.0-or-later
#include "SyncLedger.h"

#include "OfflineLease.h"
#include "Store.h"
#include "SyncIdentity.h"

namespace wp::sync {

Result<QList<OutboxEntry>> StoreLedger::pendingChanges(int limit, qint64 afterSeq)
{
    return m_store.pendingToSend(limit, afterSeq);
}

Result<int> StoreLedger::withdraw(const QList<QUuid> &recordIds, const QUuid &localUser)
{
    return m_store.withdraw(recordIds, localUser);
}

Status StoreLedger::markFailed(const QList<std::pair<qint64, QString>> &seqReasons, qint64 nowMs)
{
    return m_store.outbox().markFailed(seqReasons, nowMs);
}

Result<qint64> StoreLedger::failedCount()
{
    return m_store.outbox().failedCount();
}

Status StoreLedger::forgetIdentity()
{
    return SyncIdentity::forget(m_store);
}

Status StoreLedger::recordContact(int offlineLeaseDays, qint64 nowMs)
{
    return OfflineLease(m_store.database()).recordContact(offlineLeaseDays, nowMs);
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
                                             const QByteArray &newCursor,
                                             const QList<SetAsideChange> &skipped,
                                             const QUuid &localUser)
{
    return m_store.applyRemote(changes, newCursor, skipped, localUser);
}

Result<qint64> StoreLedger::setAsideCount()
{
    return m_store.setAside().count();
}

Result<QList<UserKeyPin>> StoreLedger::keyPins()
{
    return m_store.keyPins().list();
}

Status StoreLedger::recordKeys(const QList<UserKeyPin> &seen)
{
    return m_store.keyPins().record(seen);
}

Status StoreLedger::beginResync()
{
    return m_store.beginResync();
}

Result<bool> StoreLedger::resyncInProgress()
{
    return m_store.resyncInProgress();
}

Result<ResyncSweep> StoreLedger::sweepResync(int limit)
{
    return m_store.sweepResync(limit);
}

} // namespace wp::sync
