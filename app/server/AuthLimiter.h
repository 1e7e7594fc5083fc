// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Slows down guessing of tokens and enrolment codes, and bounds what a flood of failed
// attempts can cost. Keyed by the client's address (HttpRequest::client: IPv4, or the /64
// of IPv6), which a client cannot choose as it chooses the ids it claims. Inside an
// address's entry, the claimed device (or "enrol") has one of a few slots: a device refused
// `maxFailures` times within the window is refused until the window ends, without locking
// out the other devices behind the same address (a NAT); and the address as a whole is
// refused after `maxFailures × AddressFactor` failures, so claiming new ids buys nothing.
// The table is bounded: a full shard forgets its least recently failing address. Every call
// is O(1) under one of a few locks. Per instance, in memory: the service is otherwise
// stateless, and a load balancer in front adds its own limits (docs/protocol.md,
// "Authentication").

#include <array>
#include <chrono>
#include <cstdint>
#include <list>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace wp::server {

class AuthLimiter
{
public:
    using Clock = std::chrono::steady_clock;
    // How many times one device's failures an address may fail in a window.
    static constexpr int AddressFactor = 5;

    AuthLimiter(int maxFailures, std::chrono::seconds window, std::size_t capacity = 1 << 16);

    // Seconds `claim` from `client` must still wait; 0 when it may try. Adds nothing.
    int retryAfter(std::string_view client, std::string_view claim);
    void recordFailure(std::string_view client, std::string_view claim);
    // Addresses remembered (at most the capacity).
    std::size_t size();

private:
    struct Slot
    {
        std::uint64_t claim = 0;
        int failures = 0;
    };
    struct Entry
    {
        int failures = 0;
        Clock::time_point windowStart;
        std::array<Slot, 4> claims{};
        std::list<std::string>::iterator recency;
    };
    struct Shard
    {
        std::mutex mutex;
        std::unordered_map<std::string, Entry> entries;
        std::list<std::string> recency; // most recently failing first
    };
    static constexpr std::size_t Shards = 16;

    Shard &shardOf(std::string_view client);
    // Seconds left of `e`'s window when it refuses `claim`, else 0.
    int refusal(const Entry &e, std::uint64_t claim, Clock::time_point now) const;

    int m_maxFailures;
    std::chrono::seconds m_window;
    std::size_t m_perShard;
    std::array<Shard, Shards> m_shards;
};

} // namespace wp::server
