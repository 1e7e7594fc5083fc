// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Decides when the device syncs; does not sync itself (it asks with runRequested() and is told
// how the run ended). Triggers: unlocking, a local save (debounced), connectivity returning, a
// periodic timer, and "Sync now". Failures back off exponentially with full jitter; a
// refused credential stops automatic syncing until the user asks again. Time and randomness
// are injectable so the decisions are tested with exact delays.

#include <QObject>
#include <QTimer>

#include <functional>
#include <random>

namespace wp::sync {

struct SyncPolicy
{
    qint64 debounceMs = 2000;          // after the last local save
    qint64 debounceCapMs = 30000;      // a steady stream of saves still syncs this often
    qint64 periodicMs = 5 * 60 * 1000; // while unlocked, enrolled and idle
    qint64 reconnectDelayMs = 1000;    // after connectivity returns (let the link settle)
    qint64 backoffBaseMs = 5000;       // first retry ceiling, doubled per failure
    qint64 backoffCapMs = 15 * 60 * 1000;
    qint64 backoffFloorMs = 1000; // full jitter may draw ~0: never retry at once
};

class SyncScheduler : public QObject
{
    Q_OBJECT

public:
    enum class Outcome {
        Success,      // pulled and pushed what there was
        Transient,    // network, timeout, 429, 5xx: retry with backoff
        Unauthorized, // token refused or device revoked: no automatic retry
        Cancelled,    // the app locked mid-run
    };
    enum class Due { None, Soon, Debounce, Retry, Periodic };
    Q_ENUM(Due)

    using Clock = std::function<qint64()>; // monotonic milliseconds

    explicit SyncScheduler(SyncPolicy policy = {}, Clock clock = {},
                           quint64 seed = std::random_device{}(), QObject *parent = nullptr);

    // Enrolled and unlocked: the only time anything is scheduled.
    void setActive(bool active);
    // From QNetworkInformation; without a backend the app stays "online".
    void setOnline(bool online);
    void localChange();
    void requestNow();
    void runFinished(Outcome outcome);

    // The timer calls this; tests call it after moving their clock.
    void poll();

    bool active() const { return m_active; }
    bool online() const { return m_online; }
    bool running() const { return m_running; }
    bool blocked() const { return m_blocked; }
    int failures() const { return m_failures; }
    Due due() const { return m_due; }
    // Milliseconds until the next run, -1 when none is scheduled.
    qint64 dueInMs() const;
    // The ceiling full jitter draws below for the n-th consecutive failure (n >= 1).
    qint64 backoffCeilingMs(int failures) const;

Q_SIGNALS:
    void runRequested();
    void scheduleChanged();

private:
    void schedule(qint64 atMs, Due kind);
    void clear();
    void arm();
    qint64 now() const { return m_clock(); }

    SyncPolicy m_policy;
    Clock m_clock;
    std::mt19937_64 m_random;
    QTimer m_timer;
    bool m_active = false;
    bool m_online = true;
    bool m_running = false;
    bool m_blocked = false;
    bool m_dirty = false; // a local change arrived while a run was going or could not run
    bool m_again = false; // "Sync now" during a run
    int m_failures = 0;
    Due m_due = Due::None;
    qint64 m_dueAt = 0;
    qint64 m_firstChangeAt = -1; // start of the current debounce window
};

} // namespace wp::sync
