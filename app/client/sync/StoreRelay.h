// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The sync engine's way into the app's store from the sync thread. The Store is
// single-threaded and owned by the UI thread (Session opens it); a second connection would
// have its own HybridClock, which would not observe the remote stamps merged by the other,
// so a later local edit could lose last-writer-wins. So every store call of the engine is
// posted to the UI thread and the sync thread waits for its result. Pages are small (the
// controller uses 200) and a pulled page is merged in slices sized to about 30 ms of work,
// so each hop keeps the UI responsive.
//
// Locking: close() (on the UI thread, before the store closes) wakes a waiting sync thread
// with a "locked" error and refuses later calls; a call posted before close() and run after
// it is dropped by its generation number, so a sync in flight never touches a closed store
// (or the next one opened after unlocking).

#include "IdentityStore.h"
#include "ServerError.h"
#include "SyncLedger.h"

#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QThread>
#include <QWaitCondition>

#include <functional>
#include <optional>

namespace wp::client {

class StoreRelay final : public sync::SyncLedger, public sync::IdentityStore
{
public:
    // `home` lives on the store's thread; calls run there.
    explicit StoreRelay(QObject *home) : m_home(home) {}

    // UI thread only.
    void open(Store *store);
    void close();
    // Called on the UI thread after each page merged or pushed (progress for the UI).
    void onPulled(std::function<void(int)> f) { m_pulled = std::move(f); }
    void onPushed(std::function<void(int)> f) { m_pushed = std::move(f); }
    // Called on the UI thread when a sync is catching up: a resync began or is resumed
    // (the server compacted its log past this device's cursor).
    void onResync(std::function<void()> f) { m_resync = std::move(f); }
    // Longest UI-thread hop a merge slice aims for (a pulled page is merged in slices sized
    // from the previous slice's pace; see applyRemote).
    void setMergeBudgetMs(int ms) { m_mergeBudgetMs = qMax(1, ms); }

    // The store closed under a call (sync::LocalReason::StoreClosed).
    static Error lockedError();
    static bool isLocked(const Error &e) { return sync::isStoreClosed(e); }

    // Runs f(store) on the store's thread and returns its result; "locked" when closed.
    template <typename R> Result<R> call(const std::function<Result<R>(Store &)> &f);

    Result<QList<OutboxEntry>> pendingChanges(int limit, qint64 afterSeq) override;
    Result<int> withdraw(const QList<QUuid> &recordIds, const QUuid &localUser) override;
    Status markApplied(const QList<qint64> &seqs) override;
    Status markFailed(const QList<std::pair<qint64, QString>> &seqReasons, qint64 nowMs) override;
    Result<qint64> pendingCount() override;
    Result<qint64> failedCount() override;
    Result<HlcStamp> clockNow() override;
    Result<QByteArray> syncCursor() override;
    Result<MergeReport> applyRemote(const QList<RemoteChange> &changes, const QByteArray &newCursor,
                                    const QList<SetAsideChange> &skipped,
                                    const QUuid &localUser) override;
    Result<qint64> setAsideCount() override;
    Result<QList<UserKeyPin>> keyPins() override;
    Status recordKeys(const QList<UserKeyPin> &seen) override;

    Status recordContact(int offlineLeaseDays, qint64 nowMs) override;
    Status beginResync() override;
    Result<bool> resyncInProgress() override;
    Result<ResyncSweep> sweepResync(int limit) override;

    // The device's sync identity, kept in the encrypted store (NotFound when not enrolled);
    // forgetIdentity is also the engine's (SyncLedger) for a revoked device.
    Result<sync::SyncIdentity> loadIdentity() override;
    Status saveIdentity(const sync::SyncIdentity &identity) override;
    Status forgetIdentity() override;

private:
    QPointer<QObject> m_home;
    Store *m_store = nullptr; // read and written on the home thread only
    QMutex m_mutex;
    QWaitCondition m_done;
    quint64 m_generation = 0; // written on the home thread under m_mutex
    bool m_closed = true;
    int m_mergeBudgetMs = 30;
    int m_mergeSlice = 8; // first slice of a run; then sized from the pace (home thread)
    std::function<void(int)> m_pulled;
    std::function<void(int)> m_pushed;
    std::function<void()> m_resync;
};

template <typename R> Result<R> StoreRelay::call(const std::function<Result<R>(Store &)> &f)
{
    if (!m_home)
        return lockedError();
    if (QThread::currentThread() == m_home->thread()) {
        if (!m_store)
            return lockedError();
        return f(*m_store);
    }
    struct Job
    {
        std::optional<Result<R>> result;
    };
    auto job = std::make_shared<Job>();
    quint64 generation = 0;
    {
        QMutexLocker lock(&m_mutex);
        if (m_closed)
            return lockedError();
        generation = m_generation;
    }
    QMetaObject::invokeMethod(
        m_home,
        [this, job, f, generation] {
            // Same thread as close(): the generation cannot change under us.
            Result<R> r = lockedError();
            if (m_store && generation == m_generation)
                r = f(*m_store);
            QMutexLocker lock(&m_mutex);
            job->result.emplace(std::move(r));
            m_done.wakeAll();
        },
        Qt::QueuedConnection);
    QMutexLocker lock(&m_mutex);
    while (!job->result && generation == m_generation)
        m_done.wait(&m_mutex);
    if (!job->result)
        return lockedError();
    return std::move(*job->result);
}

} // namespace wp::client
