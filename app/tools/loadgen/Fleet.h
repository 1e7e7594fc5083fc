// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Many simulated devices syncing at once (the client's protocol code without a store), each on
// its own thread and its own kept-alive connection: per round a pull from its cursor, then a
// push of one record; latency percentiles, errors and CPU per sync.

#include "Measure.h"
#include "SyncIdentity.h"

#include <QString>
#include <QThread>

#include <condition_variable>
#include <functional>
#include <latch>
#include <memory>
#include <mutex>
#include <vector>

class LocalServer;

namespace wp::loadgen {

struct FleetResult
{
    double p50 = 0, p99 = 0, max = 0, rate = 0;
    int errors = 0;
    QString firstError;
    int syncs = 0;
    CpuSample cpu;   // CPU seconds spent during the run, per side
    double load = 0; // 1-minute load average at the end
};

// A simulated device: an enrolled identity, the cursor its last pull stored and the next
// batch sequence, both kept from one run to the next as a device keeps them in its store.
struct SimDevice
{
    std::unique_ptr<sync::SyncIdentity> identity;
    std::uint64_t cursor = 0;
    std::uint64_t sequence = 0;
};

// How a simulated device syncs: as the engine does (one POST /v1/sync carrying the batch; the
// audience's sealed key only until the server has applied a change), or in two requests
// (GET /v1/pull, then POST /v1/push with the sealed key every time): the same-process
// baseline, and the only way a server without /v1/sync (--baseline-server) understands.
enum class Exchange { OneRequest, PullThenPush };

// One thread per simulated device, started once with the fleet, as a phone's sync thread is
// there before it syncs: starting and ending hundreds of threads inside every run would add
// the load generator's own cost (stacks, arenas, exits) to the figures. Each run still
// connects anew.
class DeviceThreads
{
public:
    explicit DeviceThreads(int n)
    {
        for (int i = 0; i < n; ++i) {
            m_threads.push_back(QThread::create([this, i] { serve(i); }));
            m_threads.back()->start();
        }
    }
    ~DeviceThreads()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_changed.notify_all();
        for (QThread *t : m_threads) {
            t->wait();
            delete t;
        }
    }
    DeviceThreads(const DeviceThreads &) = delete;
    DeviceThreads &operator=(const DeviceThreads &) = delete;

    // Every thread takes `body` and waits for go(), which lets them all start body(i) at the
    // same instant; finish() returns once every body has returned.
    void ready(std::function<void(int)> body)
    {
        {
            std::lock_guard lock(m_mutex);
            m_body = std::move(body);
            m_go = std::make_unique<std::latch>(1);
            m_running = int(m_threads.size());
            ++m_generation;
        }
        m_changed.notify_all();
    }
    void go() { m_go->count_down(); }
    void finish()
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_running == 0; });
    }

private:
    void serve(int i)
    {
        std::uint64_t seen = 0;
        std::unique_lock lock(m_mutex);
        for (;;) {
            m_changed.wait(lock, [&] { return m_stop || m_generation != seen; });
            if (m_stop)
                return;
            seen = m_generation;
            std::latch *go = m_go.get();
            lock.unlock();
            go->wait();
            m_body(i);
            lock.lock();
            if (--m_running == 0)
                m_changed.notify_all();
        }
    }

    std::vector<QThread *> m_threads;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::function<void(int)> m_body;
    std::unique_ptr<std::latch> m_go;
    std::uint64_t m_generation = 0;
    int m_running = 0;
    bool m_stop = false;
};

struct Fleet
{
    std::vector<SimDevice> devices;
    std::unique_ptr<DeviceThreads> threads;
};

FleetResult runFleet(const LocalServer &fx, Fleet &fleet, int rounds, int spreadMs,
                     Exchange exchange = Exchange::OneRequest);
// Users and devices enrolled in `org`, one thread each.
Fleet enrolFleet(LocalServer &fx, const QUuid &org, int n);
// Before the measured runs: every device syncs once (staggered over a second), as enrolled
// devices in the field have, and the database's statistics are brought up to date, as
// autovacuum does on a server that has been running.
void warmUp(const LocalServer &fx, Fleet &fleet, Exchange exchange = Exchange::OneRequest);
QString describe(const FleetResult &r);

} // namespace wp::loadgen
