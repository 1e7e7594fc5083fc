// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The pages of a pull fetched one ahead of the merge: while the store merges page N, page N+1
// is downloaded, checked against its signed batch and decrypted on a thread of its own. The
// store is never touched here: the caller merges each page, with its cursor, on the store's
// thread (SyncEngine::pull), so the cursor still moves only with the data of its page.
//
// Threads: the fetch runs on this object's thread with its own SyncClient, made there (a
// client's connection belongs to the thread that uses it; the caller's client stays the
// caller's). At most one page waits, so a pull holds at most two pages in memory: the one
// being merged and the next. The caller waits for a page in a local event loop: quitting the
// caller's thread (the app exiting) ends the wait. Destroying the prefetch asks its thread to
// stop (QThread::requestInterruption: a request in flight gives up within its wait slice,
// HttpConnection) and joins it.

#include "KeyPins.h"
#include "Result.h"
#include "StoreTypes.h"
#include "SyncClient.h"

#include <QMutex>
#include <QWaitCondition>

#include <functional>
#include <memory>
#include <optional>

class QEventLoop;
class QThread;

namespace wp::sync {

// A pulled page, verified and decrypted: what Store::applyRemote takes, and where it ends.
// `skipped`: its changes that could not be verified or opened, kept with why.
struct PulledPage
{
    QList<RemoteChange> changes;
    QList<SetAsideChange> skipped;
    // Other users' keys the directory gave while checking it, for the store's pins
    // (SyncLedger::recordKeys) before the page merges.
    QList<UserKeyPin> keysSeen;
    QList<QUuid> withdrawn; // records withdrawn from this user (Store::withdraw)
    std::uint64_t cursor = 0;
    bool more = false;
    int offlineLeaseDays = 0; // the organisation's offline lease, as the page told it
};

class PullPrefetch
{
public:
    // Fetches, checks and decrypts the page after `since` with the given client.
    using Fetch = std::function<Result<PulledPage>(SyncClient &client, std::uint64_t since)>;

    // Starts fetching the page after `since` at once. `like` gives the server, credentials
    // (the compaction horizon is shared through them) and timeout; the prefetch client's
    // traffic is added to it when this object is destroyed. `fetch`
    // runs on the prefetch thread only, one call at a time.
    PullPrefetch(SyncClient &like, Fetch fetch, std::uint64_t since);
    ~PullPrefetch();
    PullPrefetch(const PullPrefetch &) = delete;
    PullPrefetch &operator=(const PullPrefetch &) = delete;

    // The next page (or the error that ended fetching), waiting for it if need be; the next
    // fetch starts as soon as it is taken. A Network error ("the sync was stopped") when the
    // calling thread was asked to quit while waiting. Call only while the previous page said
    // `more`.
    Result<PulledPage> next();

private:
    void run(std::uint64_t since);

    SyncClient &m_like;
    const QString m_serverUrl;
    const DeviceCredentials *const m_credentials;
    const int m_timeoutMs;
    const Fetch m_fetch;

    QMutex m_mutex;
    QWaitCondition m_taken;                   // the worker waits for the slot to empty
    std::optional<Result<PulledPage>> m_slot; // the page fetched ahead
    QEventLoop *m_waiting = nullptr;          // the caller's wait, to wake when a page lands
    bool m_stop = false;
    qint64 m_sent = 0, m_received = 0; // the prefetch client's traffic, once it ends
    std::unique_ptr<QThread> m_thread;
};

} // namespace wp::sync
