#pragma once
// Jobs that arrive while a group of the same key is being served wait, and are then served
// together by one of their own threads: leader and followers, no thread or timer of its own,
// so a job that finds nobody serving its key is served at once. Keys do not wait for each
// other. The service gives it the usual pushes keyed by organisation: one group is one
// transaction, so one WAL flush and one turn on the organisation's counter row for all of
// them (docs/architecture.md, "Group commit").

#include <condition_variable>
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

    CommitGroup(std::size_t largest, Serve serve) : m_largest(largest), m_serve(std::move(serve)) {}

    // Returns once `job` has been served, by this thread or another.
    void submit(const Key &key, Job &job)
    {
        Waiting me{&job};
        std::unique_lock lock(m_mutex);
        m_lanes[key].waiting.push_back(&me);
        while (!me.served) {
            Lane &lane = m_lanes[key];
            if (lane.serving) {
                m_done.wait(lock);
                continue;
            }
            // Oldest first: a job is never passed over for ones that came after it.
            std::vector<Waiting *> group;
            while (!lane.waiting.empty() && group.size() < m_largest) {
                group.push_back(lane.waiting.front());
                lane.waiting.pop_front();
            }
            lane.serving = true;
            lock.unlock();
            std::vector<Job *> jobs;
            jobs.reserve(group.size());
            for (Waiting *w : group)
                jobs.push_back(w->job);
            try {
                m_serve(jobs);
            } catch (...) {
                // A bug in `serve`: its jobs stay as they were, unsettled, and are released
                // all the same, so that no later job waits for ever behind this group.
            }
            lock.lock();
            for (Waiting *w : group)
                w->served = true;
            // A lane nobody waits in is dropped, so that keys seen once cost nothing later.
            if (auto it = m_lanes.find(key); it->second.waiting.empty())
                m_lanes.erase(it);
            else
                it->second.serving = false;
            m_done.notify_all();
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
        bool served = false;
    };
    struct Lane
    {
        std::deque<Waiting *> waiting;
        bool serving = false;
    };

    const std::size_t m_largest;
    const Serve m_serve;
    mutable std::mutex m_mutex;
    std::condition_variable m_done;
    std::map<Key, Lane> m_lanes;
};

} // namespace wp::server
