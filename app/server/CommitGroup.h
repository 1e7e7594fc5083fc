#pragma once
// Jobs that arrive while a group is being served wait, and are then served together by one of
// their own threads: leader and followers, no thread or timer of its own, so a job that finds
// nobody serving is served at once. The service gives it the usual pushes: one group is one
// transaction, so one WAL flush and one turn on each organisation's counter row for all of
// them (docs/architecture.md, "Group commit").

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <vector>

namespace wp::server {

template <typename Job> class CommitGroup
{
public:
    // `serve` settles every job it is given and does not throw.
    using Serve = std::function<void(const std::vector<Job *> &)>;

    CommitGroup(std::size_t largest, Serve serve) : m_largest(largest), m_serve(std::move(serve)) {}

    // Returns once `job` has been served, by this thread or another.
    void submit(Job &job)
    {
        Waiting me{&job};
        std::unique_lock lock(m_mutex);
        m_waiting.push_back(&me);
        while (!me.served) {
            if (m_serving) {
                m_done.wait(lock);
                continue;
            }
            // Oldest first: a job is never passed over for ones that came after it.
            std::vector<Waiting *> group;
            while (!m_waiting.empty() && group.size() < m_largest) {
                group.push_back(m_waiting.front());
                m_waiting.pop_front();
            }
            m_serving = true;
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
            m_serving = false;
            m_done.notify_all();
        }
    }

    // Jobs submitted and not yet taken into a group.
    std::size_t waiting() const
    {
        std::lock_guard lock(m_mutex);
        return m_waiting.size();
    }

private:
    struct Waiting
    {
        Job *job;
        bool served = false;
    };

    const std::size_t m_largest;
    const Serve m_serve;
    mutable std::mutex m_mutex;
    std::condition_variable m_done;
    std::deque<Waiting *> m_waiting;
    bool m_serving = false;
};

} // namespace wp::server
