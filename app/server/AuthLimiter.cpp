#include "AuthLimiter.h"

namespace wp::server {

AuthLimiter::AuthLimiter(int maxFailures, std::chrono::seconds window)
    : m_maxFailures(maxFailures), m_window(window), m_lastPurge(Clock::now())
{
}

int AuthLimiter::retryAfter(const std::string &key)
{
    const auto now = Clock::now();
    std::lock_guard lock(m_mutex);
    purge(now);
    const auto it = m_entries.find(key);
    if (it == m_entries.end() || it->second.failures < m_maxFailures)
        return 0;
    const auto left = m_window - (now - it->second.windowStart);
    return std::max(1, int(std::chrono::ceil<std::chrono::seconds>(left).count()));
}

void AuthLimiter::recordFailure(const std::string &key)
{
    const auto now = Clock::now();
    std::lock_guard lock(m_mutex);
    Entry &e = m_entries[key];
    if (e.failures == 0 || now - e.windowStart >= m_window)
        e = {0, now};
    ++e.failures;
}

void AuthLimiter::purge(Clock::time_point now)
{
    // Keeps memory bounded under a flood of distinct keys.
    if (now - m_lastPurge < m_window && m_entries.size() < 100000)
        return;
    m_lastPurge = now;
    std::erase_if(m_entries,
                  [&](const auto &kv) { return now - kv.second.windowStart >= m_window; });
}

} // namespace wp::server
