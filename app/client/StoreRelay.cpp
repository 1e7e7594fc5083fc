#include "StoreRelay.h"

#include "Store.h"

namespace wp::client {

Error StoreRelay::lockedError()
{
    return Error(ErrorCode::Unavailable, QStringLiteral("Waypoint was locked during sync"),
                 QStringLiteral("locked"));
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
        [limit, afterSeq](Store &s) { return s.outbox().pending(limit, afterSeq); });
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

Result<MergeReport> StoreRelay::applyRemote(const QList<RemoteChange> &changes,
                                            const QByteArray &newCursor)
{
    return call<MergeReport>([this, &changes, &newCursor](Store &s) {
        auto merged = s.applyRemote(changes, newCursor);
        if (merged && m_pulled)
            m_pulled(int(changes.size()));
        return merged;
    });
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
