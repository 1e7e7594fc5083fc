// SPDX-License-Identifier: GPL-3.0-or-later
#include "SyncScheduler.h"

#include <QElapsedTimer>

#include <algorithm>

namespace wp::sync {

namespace {
qint64 monotonicMs()
{
    static QElapsedTimer started = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return started.elapsed();
}
} // namespace

SyncScheduler::SyncScheduler(SyncPolicy policy, Clock clock, quint64 seed, QObject *parent)
    : QObject(parent), m_policy(policy), m_clock(clock ? std::move(clock) : Clock(monotonicMs)),
      m_random(seed)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SyncScheduler::poll);
}

qint64 SyncScheduler::dueInMs() const
{
    return m_due == Due::None ? -1 : std::max<qint64>(0, m_dueAt - now());
}

qint64 SyncScheduler::backoffCeilingMs(int failures) const
{
    qint64 ceiling = m_policy.backoffBaseMs;
    for (int i = 1; i < failures && ceiling < m_policy.backoffCapMs; ++i)
        ceiling *= 2;
    return std::min(ceiling, m_policy.backoffCapMs);
}

void SyncScheduler::setActive(bool active)
{
    if (m_active == active)
        return;
    m_active = active;
    if (!active) {
        clear();
        return;
    }
    // Unlocking (or enrolling) syncs straight away: the worker expects fresh data.
    if (!m_blocked && m_online)
        schedule(now(), Due::Soon);
}

void SyncScheduler::setOnline(bool online)
{
    if (m_online == online)
        return;
    m_online = online;
    if (!online) {
        // Nothing automatic while offline; changes wait in the outbox.
        if (m_due != Due::None)
            m_dirty = true;
        clear();
        return;
    }
    // Connectivity is back: try soon, even during a backoff wait (the failures were most
    // likely the missing network). The failure count stays, so a real server outage keeps
    // doubling.
    if (m_active && !m_blocked && !m_running)
        schedule(now() + m_policy.reconnectDelayMs, Due::Soon);
}

void SyncScheduler::localChange()
{
    if (!m_active || !m_online || m_blocked || m_running) {
        m_dirty = true;
        return;
    }
    const qint64 t = now();
    if (m_firstChangeAt < 0)
        m_firstChangeAt = t;
    const qint64 target =
        std::min(t + m_policy.debounceMs, m_firstChangeAt + m_policy.debounceCapMs);
    switch (m_due) {
    case Due::Soon:
        return; // already about to run
    case Due::Retry:
        // A save never hastens a retry: no storm against a failing server.
        schedule(std::max(m_dueAt, target), Due::Retry);
        return;
    case Due::None:
    case Due::Debounce:
    case Due::Periodic:
        schedule(target, Due::Debounce);
        return;
    }
}

void SyncScheduler::requestNow()
{
    if (!m_active)
        return;
    // The user asked: try even when blocked or backing off, once.
    m_blocked = false;
    if (m_running) {
        m_again = true;
        return;
    }
    schedule(now(), Due::Soon);
    poll();
}

void SyncScheduler::poll()
{
    if (!m_active || m_running || m_due == Due::None)
        return;
    if (now() < m_dueAt) {
        arm();
        return;
    }
    m_running = true;
    m_dirty = false;
    m_firstChangeAt = -1;
    clear();
    Q_EMIT runRequested();
}

void SyncScheduler::runFinished(Outcome outcome)
{
    if (!m_running)
        return;
    m_running = false;
    const bool again = std::exchange(m_again, false);
    switch (outcome) {
    case Outcome::Success:
        m_failures = 0;
        if (!m_active)
            break;
        if (again)
            schedule(now(), Due::Soon);
        else if (m_dirty && m_online)
            schedule(now() + m_policy.debounceMs, Due::Debounce);
        else if (m_online)
            schedule(now() + m_policy.periodicMs, Due::Periodic);
        break;
    case Outcome::Transient: {
        ++m_failures;
        if (!m_active || !m_online)
            break; // connectivity returning will schedule the next try
        const qint64 ceiling = backoffCeilingMs(m_failures);
        std::uniform_int_distribution<qint64> jitter(0, ceiling);
        schedule(now() + std::max(m_policy.backoffFloorMs, jitter(m_random)), Due::Retry);
        break;
    }
    case Outcome::Unauthorized:
        m_blocked = true;
        clear();
        break;
    case Outcome::Cancelled:
        break;
    }
    Q_EMIT scheduleChanged();
    // A request made while running whose time has come runs now.
    if (m_due == Due::Soon)
        poll();
}

void SyncScheduler::schedule(qint64 atMs, Due kind)
{
    m_due = kind;
    m_dueAt = atMs;
    arm();
    Q_EMIT scheduleChanged();
}

void SyncScheduler::clear()
{
    m_timer.stop();
    if (m_due == Due::None)
        return;
    m_due = Due::None;
    Q_EMIT scheduleChanged();
}

void SyncScheduler::arm()
{
    const qint64 delay = std::max<qint64>(0, m_dueAt - now());
    m_timer.start(int(std::min<qint64>(delay, 24 * 3600 * 1000)));
}

} // namespace wp::sync
