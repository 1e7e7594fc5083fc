#pragma once
// Slows down guessing of tokens and enrolment codes: after `maxFailures` failed attempts for
// one key (client address + claimed device) within a window, that key is refused until the
// window ends. Per instance, in memory: the service is otherwise stateless, and a load
// balancer in front adds its own limits (docs/protocol.md, "Authentication").

#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

namespace wp::server {

class AuthLimiter
{
public:
    using Clock = std::chrono::steady_clock;

    AuthLimiter(int maxFailures, std::chrono::seconds window);

    // Seconds the key must still wait; 0 when it may try.
    int retryAfter(const std::string &key);
    void recordFailure(const std::string &key);

private:
    struct Entry
    {
        int failures = 0;
        Clock::time_point windowStart;
    };
    void purge(Clock::time_point now);

    int m_maxFailures;
    std::chrono::seconds m_window;
    std::mutex m_mutex;
    std::unordered_map<std::string, Entry> m_entries;
    Clock::time_point m_lastPurge;
};

} // namespace wp::server
