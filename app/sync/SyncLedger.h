// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the sync engine reads and writes in the local store, as one small interface. The
// Store is single-threaded: waypointctl and the tests use StoreLedger (direct calls on the
// caller's thread); the app runs the engine on a worker thread and implements this by
// hopping each call to the store's own thread, so one connection and one HybridClock see
// every local and remote stamp.

#include "KeyPins.h"
#include "Result.h"
#include "StoreTypes.h"

#include <QByteArray>

namespace wp {
class Store;
}

namespace wp::sync {

class SyncLedger
{
public:
    virtual ~SyncLedger() = default;

    // Waiting to be sent, oldest first, after `afterSeq`, at most `limit` (failed ones left out).
    virtual Result<QList<OutboxEntry>> pendingChanges(int limit, qint64 afterSeq) = 0;
    virtual Status markApplied(const QList<qint64> &seqs) = 0;
    // Refused by the server for good: kept with the reason, not sent again.
    virtual Status markFailed(const QList<std::pair<qint64, QString>> &seqReasons,
                              qint64 nowMs) = 0;
    virtual Result<qint64> pendingCount() = 0;
    virtual Result<qint64> failedCount() = 0;
    // A fresh HLC reading (batch sequences).
    virtual Result<HlcStamp> clockNow() = 0;
    virtual Result<QByteArray> syncCursor() = 0;
    // One pulled page and its cursor, in one store transaction, with the page's changes that
    // could not be verified or opened (kept as set aside, Store::applyRemote). `localUser`:
    // this device's user, who authored the records created here.
    virtual Result<MergeReport> applyRemote(const QList<RemoteChange> &changes,
                                            const QByteArray &newCursor,
                                            const QList<SetAsideChange> &skipped,
                                            const QUuid &localUser) = 0;
    // Records the server withdrew from this user (Store::withdraw): how many went.
    virtual Result<int> withdraw(const QList<QUuid> &recordIds, const QUuid &localUser)
    {
        Q_UNUSED(recordIds);
        Q_UNUSED(localUser);
        return Error(ErrorCode::Unavailable,
                     QStringLiteral("this store cannot remove withdrawn records"));
    }
    // Pulled changes set aside and still listed (Store::setAside).
    virtual Result<qint64> setAsideCount() = 0;
    // Other users' pinned keys (Store::keyPins, KeyPins.h), and what the directory said for
    // them (KeyPins::record): pinned when new, kept as an offer when changed.
    virtual Result<QList<UserKeyPin>> keyPins() = 0;
    virtual Status recordKeys(const QList<UserKeyPin> &seen) = 0;
    // A revoked device destroys its saved sync identity (SyncIdentity::forget).
    virtual Status forgetIdentity() = 0;
    // A successful contact with the server at `nowMs`, which told the organisation's offline
    // lease (OfflineLease::recordContact). A ledger without a store keeps nothing.
    virtual Status recordContact(int offlineLeaseDays, qint64 nowMs)
    {
        Q_UNUSED(offlineLeaseDays);
        Q_UNUSED(nowMs);
        return {};
    }

    // The server compacted its log past the cursor (410 resync_required): mark every record
    // unconfirmed and set the cursor back to 0 (Store::beginResync, app/store/Resync.h).
    // A ledger that cannot says so, and the sync fails.
    virtual Status beginResync()
    {
        return Error(ErrorCode::Unavailable,
                     QStringLiteral("this store cannot pull the server's log again"));
    }
    virtual Result<bool> resyncInProgress() { return false; }
    // Removes up to `limit` records the resync did not see again and nothing waits to send.
    virtual Result<ResyncSweep> sweepResync(int limit)
    {
        Q_UNUSED(limit);
        ResyncSweep done;
        done.finished = true;
        return done;
    }
};

// Direct calls on a Store used from its own thread.
class StoreLedger final : public SyncLedger
{
public:
    explicit StoreLedger(Store &store) : m_store(store) {}

    Result<QList<OutboxEntry>> pendingChanges(int limit, qint64 afterSeq) override;
    Status markApplied(const QList<qint64> &seqs) override;
    Status markFailed(const QList<std::pair<qint64, QString>> &seqReasons, qint64 nowMs) override;
    Result<qint64> pendingCount() override;
    Result<qint64> failedCount() override;
    Result<HlcStamp> clockNow() override;
    Result<QByteArray> syncCursor() override;
    Result<MergeReport> applyRemote(const QList<RemoteChange> &changes, const QByteArray &newCursor,
                                    const QList<SetAsideChange> &skipped,
                                    const QUuid &localUser) override;
    Result<int> withdraw(const QList<QUuid> &recordIds, const QUuid &localUser) override;
    Result<qint64> setAsideCount() override;
    Result<QList<UserKeyPin>> keyPins() override;
    Status recordKeys(const QList<UserKeyPin> &seen) override;
    Status forgetIdentity() override;
    Status recordContact(int offlineLeaseDays, qint64 nowMs) override;
    Status beginResync() override;
    Result<bool> resyncInProgress() override;
    Result<ResyncSweep> sweepResync(int limit) override;

private:
    Store &m_store;
};

} // namespace wp::sync
