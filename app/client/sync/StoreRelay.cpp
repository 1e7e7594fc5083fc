// SPDX-License-Identifier: GPL-3.0-or-later
#include "StoreRelay.h"

#include "OfflineLease.h"
#include "Store.h"

#include <QElapsedTimer>

namespace wp::client {

Error StoreRelay::lockedError()
{
    return sync::withReason(
        Error(ErrorCode::Unavailable, QStringLiteral("Waypoint was locked during sync")),
        sync::LocalReason::StoreClosed);
}

void StoreRelay::open(Store *store)
{
    QMutexLocker lock(&m_mutex);
    m_store = store;
    m_closed = store == nullptr;
}

void StoreRelay::close()
{
    QMutexLocker lock(&m_mutex);
    m_store = nullptr;
    m_closed = true;
    ++m_generation;
    m_done.wakeAll();
}

Result<QList<OutboxEntry>> StoreRelay::pendingChanges(int limit, qint64 afterSeq)
{
    return call<QList<OutboxEntry>>(
        [limit, afterSeq](Store &s) { return s.pendingToSend(limit, afterSeq); });
}

Result<int> StoreRelay::withdraw(const QList<QUuid> &recordIds, const QUuid &localUser)
{
    return call<int>(
        [&recordIds, &localUser](Store &s) { return s.withdraw(recordIds, localUser); });
}

Status StoreRelay::markFailed(const QList<std::pair<qint64, QString>> &seqReasons, qint64 nowMs)
{
    return call<void>(
        [&seqReasons, nowMs](Store &s) { return s.outbox().markFailed(seqReasons, nowMs); });
}

Result<qint64> StoreRelay::failedCount()
{
    return call<qint64>([](Store &s) { return s.outbox().failedCount(); });
}

Status StoreRelay::forgetIdentity()
{
    return call<void>([](Store &s) { return sync::SyncIdentity::forget(s); });
}

Status StoreRelay::recordContact(int offlineLeaseDays, qint64 nowMs)
{
    return call<void>([offlineLeaseDays, nowMs](Store &s) {
        return OfflineLease(s.database()).recordContact(offlineLeaseDays, nowMs);
    });
}

Status StoreRelay::markApplied(const QList<qint64> &seqs)
{
    return call<void>([this, &seqs](Store &s) {
        Status st = s.outbox().markApplied(seqs);
        if (st && m_pushed)
            m_pushed(int(seqs.size()));
        return st;
    });
}

Result<qint64> StoreRelay::pendingCount()
{
    return call<qint64>([](Store &s) { return s.outbox().count(); });
}

Result<HlcStamp> StoreRelay::clockNow()
{
    return call<HlcStamp>([](Store &s) -> Result<HlcStamp> { return s.clock().now(); });
}

Result<QByteArray> StoreRelay::syncCursor()
{
    return call<QByteArray>([](Store &s) -> Result<QByteArray> { return s.syncCursor(); });
}

Result<qint64> StoreRelay::setAsideCount()
{
    return call<qint64>([](Store &s) { return s.setAside().count(); });
}

Result<QList<UserKeyPin>> StoreRelay::keyPins()
{
    return call<QList<UserKeyPin>>([](Store &s) { return s.keyPins().list(); });
}

Status StoreRelay::recordKeys(const QList<UserKeyPin> &seen)
{
    return call<void>([&seen](Store &s) { return s.keyPins().record(seen); });
}

Result<MergeReport> StoreRelay::applyRemote(const QList<RemoteChange> &changes,
                                            const QByteArray &newCursor,
                                            const QList<SetAsideChange> &skipped,
                                            const QUuid &localUser)
{
    // Merging costs up to milliseconds per change, so a page is merged in slices, one
    // UI-thread hop each, sized from the last slice's cost to fit the frame budget; the UI
    // runs between them. Only the last slice moves the cursor: if the app dies in between,
    // the page is pulled again and merging it again changes nothing (the stamps already
    // stored win or tie). The changes sync set aside go with the last slice, with the cursor.
    MergeReport total;
    qsizetype from = 0;
    do {
        const qsizetype n = qMin<qsizetype>(m_mergeSlice, changes.size() - from);
        const QList<RemoteChange> slice = changes.mid(from, n);
        const bool last = from + n >= changes.size();
        QElapsedTimer timer;
        auto merged = call<MergeReport>(
            [this, &slice, &newCursor, &skipped, &localUser, last, &timer](Store &s) {
                timer.start();
                auto r = s.applyRemote(slice, last ? newCursor : s.syncCursor(),
                                       last ? skipped : QList<SetAsideChange>(), localUser);
                const qint64 ms = timer.elapsed();
                // Next slice: as many changes as fit the budget at this slice's pace.
                const double perChange =
                    double(qMax<qint64>(ms, 1)) / double(qMax<qsizetype>(slice.size(), 1));
                m_mergeSlice = int(qBound(1.0, double(m_mergeBudgetMs) / perChange, 500.0));
                if (r && m_pulled)
                    m_pulled(int(slice.size()));
                return r;
            });
        if (!merged)
            return merged.error();
        total.applied += merged->applied;
        total.ignored += merged->ignored;
        total.conflicts += merged->conflicts;
        total.unreadable += merged->unreadable;
        total.changedRecords += merged->changedRecords;
        total.setAside += merged->setAside;
        from += n;
    } while (from < changes.size());
    return total;
}

Status StoreRelay::beginResync()
{
    return call<void>([this](Store &s) {
        Status st = s.beginResync();
        if (st && m_resync)
            m_resync();
        return st;
    });
}

Result<bool> StoreRelay::resyncInProgress()
{
    return call<bool>([this](Store &s) -> Result<bool> {
        const bool resyncing = s.resyncInProgress();
        if (resyncing && m_resync)
            m_resync();
        return resyncing;
    });
}

Result<ResyncSweep> StoreRelay::sweepResync(int limit)
{
    return call<ResyncSweep>([limit](Store &s) { return s.sweepResync(limit); });
}

Result<sync::SyncIdentity> StoreRelay::loadIdentity()
{
    return call<sync::SyncIdentity>([](Store &s) { return sync::SyncIdentity::load(s); });
}

Status StoreRelay::saveIdentity(const sync::SyncIdentity &identity)
{
    return call<void>([&identity](Store &s) { return identity.save(s); });
}

} // namespace wp::client
