// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Jobs that arrive while a group of the same key is being served are queued, and the thread
// serving that key takes them as its next group, until none is left: no thread or timer of
// its own, so a job that finds nobody serving its key is served at once, by its own thread.
// Whoever submits a queued job is not held: its thread goes back to other work and is told
// when the job has been served. Keys do not wait for each other. The push pipeline gives it
// the batches without a deletion keyed by organisation: one group is one transaction, so one
// WAL flush and one turn on the organisation's counter row for all of them
// (docs/architecture.md, "Server").

#include <cstddef>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <vector>

namespace wp::server {

template <typename Key, typename Job> class CommitGroup
{
public:
    // `serve` settles every job it is given (all of one key) and does not throw.
    using Serve = std::function<void(const std::vector<Job *> &)>;
    // Called once a job's group has been served, on the thread that served it.
    using Served = std::function<void()>;

    CommitGroup(std::size_t largest, Serve serve) : m_largest(largest), m_serve(std::move(serve)) {}

    // `job` must live until `served` has been called. Returns at once when another thread is
    // serving `key`; otherwise serves it here, this job and whatever queues meanwhile.
    void submit(const Key &key, Job &job, Served served)
    {
        std::unique_lock lock(m_mutex);
        Lane &lane = m_lanes[key];
        lane.waiting.push_back({&job, std::move(served)});
        if (lane.serving)
            return;
        lane.serving = true;
        // `lane` stays valid unlocked: only its serving thread (this one) erases it.
        for (;;) {
            // Oldest first: a job is never passed over for ones that came after it.
            std::vector<Waiting> group;
            while (!lane.waiting.empty() && group.size() < m_largest) {
                group.push_back(std::move(lane.waiting.front()));
                lane.waiting.pop_front();
            }
            lock.unlock();
            std::vector<Job *> jobs;
            jobs.reserve(group.size());
            for (const Waiting &w : group)
                jobs.push_back(w.job);
            try {
                m_serve(jobs);
            } catch (...) {
                // A bug in `serve`: its jobs stay as they were, unsettled, and are released
                // all the same, so that nobody waits for ever behind this group.
            }
            for (Waiting &w : group) {
                try {
                    w.served();
                } catch (...) {
                    // A bug in one caller's continuation is not the others'.
                }
            }
            group.clear(); // the continuations, and what they hold, go before the lock
            lock.lock();
            // A lane nobody waits in is dropped, so that keys seen once cost nothing later.
            if (lane.waiting.empty()) {
                m_lanes.erase(key);
                return;
            }
        }
    }

    // Jobs submitted and not yet taken into a group, over all keys.
    std::size_t waiting() const
    {
        std::lock_guard lock(m_mutex);
        std::size_t n = 0;
        for (const auto &[key, lane] : m_lanes)
            n += lane.waiting.size();
        return n;
    }

private:
    struct Waiting
    {
        Job *job;
        Served served;
    };
    struct Lane
    {
        std::deque<Waiting> waiting;
        bool serving = false;
    };

    const std::size_t m_largest;
    const Serve m_serve;
    mutable std::mutex m_mutex;
    std::map<Key, Lane> m_lanes;
};

} // namespace wp::server
