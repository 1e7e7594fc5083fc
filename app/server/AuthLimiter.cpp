// SPDX-License-Identifier: GPL-3.0-or-later
#include "AuthLimiter.h"

#include <algorithm>
#include <functional>

namespace wp::server {

namespace {

std::uint64_t claimTag(std::string_view claim)
{
    // 0 marks a free slot.
    return std::max<std::uint64_t>(1, std::hash<std::string_view>{}(claim));
}

} // namespace

AuthLimiter::AuthLimiter(int maxFailures, std::chrono::seconds window, std::size_t capacity)
    : m_maxFailures(std::max(1, maxFailures)), m_window(window),
      m_perShard(std::max<std::size_t>(1, capacity / Shards))
{
    for (Shard &s : m_shards)
        s.entries.reserve(m_perShard);
}

AuthLimiter::Shard &AuthLimiter::shardOf(std::string_view client)
{
    return m_shards[std::hash<std::string_view>{}(client) % Shards];
}

int AuthLimiter::refusal(const Entry &e, std::uint64_t claim, Clock::time_point now) const
{
    if (now - e.windowStart >= m_window)
        return 0;
    const bool addressSpent = e.failures >= m_maxFailures * AddressFactor;
    const bool claimSpent = std::any_of(e.claims.begin(), e.claims.end(), [&](const Slot &s) {
        return s.claim == claim && s.failures >= m_maxFailures;
    });
    if (!addressSpent && !claimSpent)
        return 0;
    const auto left = m_window - (now - e.windowStart);
    return std::max(1, int(std::chrono::ceil<std::chrono::seconds>(left).count()));
}

int AuthLimiter::retryAfter(std::string_view client, std::string_view claim)
{
    const auto now = Clock::now();
    Shard &s = shardOf(client);
    std::lock_guard lock(s.mutex);
    const auto it = s.entries.find(std::string(client));
    return it == s.entries.end() ? 0 : refusal(it->second, claimTag(claim), now);
}

void AuthLimiter::recordFailure(std::string_view client, std::string_view claim)
{
    const auto now = Clock::now();
    const std::uint64_t tag = claimTag(claim);
    Shard &s = shardOf(client);
    std::lock_guard lock(s.mutex);
    auto it = s.entries.find(std::string(client));
    if (it == s.entries.end()) {
        if (s.entries.size() >= m_perShard) {
            // Full: forget the address that failed least recently.
            s.entries.erase(s.recency.back());
            s.recency.pop_back();
        }
        s.recency.emplace_front(client);
        it = s.entries.emplace(s.recency.front(), Entry{}).first;
        it->second.recency = s.recency.begin();
        it->second.windowStart = now;
    } else {
        s.recency.splice(s.recency.begin(), s.recency, it->second.recency);
    }
    Entry &e = it->second;
    if (now - e.windowStart >= m_window) {
        e.failures = 0;
        e.claims = {};
        e.windowStart = now;
    }
    ++e.failures;
    // The claim's slot; else a free one; else the one with the fewest failures, whose claim
    // is then counted afresh (the address's own count still holds it back).
    Slot *slot = nullptr;
    for (Slot &candidate : e.claims)
        if (candidate.claim == tag)
            slot = &candidate;
    if (!slot) {
        slot =
            &*std::min_element(e.claims.begin(), e.claims.end(), [](const Slot &a, const Slot &b) {
                return a.failures < b.failures;
            });
        *slot = {tag, 0};
    }
    ++slot->failures;
}

std::size_t AuthLimiter::size()
{
    std::size_t n = 0;
    for (Shard &s : m_shards) {
        std::lock_guard lock(s.mutex);
        n += s.entries.size();
    }
    return n;
}

} // namespace wp::server
