// SPDX-License-Identifier: GPL-3.0-or-later
#include "PullPrefetch.h"

#include <QEventLoop>
#include <QThread>

namespace wp::sync {

namespace {
// QEventLoop::exec's result when a page woke the caller; 0 is a quit of the caller's thread.
constexpr int PageLanded = 1;
} // namespace

PullPrefetch::PullPrefetch(SyncClient &like, Fetch fetch, std::uint64_t since)
    : m_like(like), m_serverUrl(like.serverUrl()), m_credentials(like.credentials()),
      m_timeoutMs(like.timeout()), m_fetch(std::move(fetch))
{
    m_thread.reset(QThread::create([this, since] { run(since); }));
    m_thread->setObjectName(QStringLiteral("waypoint-pull-ahead"));
    m_thread->start();
}

PullPrefetch::~PullPrefetch()
{
    {
        QMutexLocker lock(&m_mutex);
        m_stop = true;
        m_taken.wakeAll();
    }
    // A request in flight gives up within its wait slice instead of waiting for the timeout.
    m_thread->requestInterruption();
    m_thread->quit();
    m_thread->wait();
    m_like.addTraffic(m_sent, m_received);
}

void PullPrefetch::run(std::uint64_t since)
{
    SyncClient client(m_serverUrl);
    client.setCredentials(m_credentials);
    client.setTimeout(m_timeoutMs);
    for (;;) {
        {
            QMutexLocker lock(&m_mutex);
            while (m_slot && !m_stop)
                m_taken.wait(&m_mutex);
            if (m_stop)
                break;
        }
        Result<PulledPage> page = m_fetch(client, since);
        const bool last = !page || !page->more;
        if (page)
            since = page->cursor;
        QMutexLocker lock(&m_mutex);
        if (m_stop)
            break;
        m_slot.emplace(std::move(page));
        if (m_waiting) {
            // Queued to the caller's thread; dropped with the loop if it is gone by then.
            QMetaObject::invokeMethod(
                m_waiting, [loop = m_waiting] { loop->exit(PageLanded); }, Qt::QueuedConnection);
        }
        if (last)
            break;
    }
    QMutexLocker lock(&m_mutex);
    m_sent = client.bytesSent();
    m_received = client.bytesReceived();
}

Result<PulledPage> PullPrefetch::next()
{
    for (;;) {
        QEventLoop loop;
        {
            QMutexLocker lock(&m_mutex);
            if (m_slot) {
                Result<PulledPage> page = std::move(*m_slot);
                m_slot.reset();
                m_taken.wakeAll();
                return page;
            }
            m_waiting = &loop;
        }
        const int woken = loop.exec();
        {
            QMutexLocker lock(&m_mutex);
            m_waiting = nullptr;
        }
        if (woken != PageLanded)
            return Error(ErrorCode::Network, QStringLiteral("the sync was stopped"));
    }
}

} // namespace wp::sync
