// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Pull pages (GET /v1/pull, and the page of POST /v1/sync): one statement reads the counter,
// the page, its manifests and audience keys in one snapshot (sql/pull.sql); pageReply() turns
// its rows into a PullResponse. A page holds at most `limit` changes and about PageBudget
// bytes: past it the page stops early and says `more`, so that no page, whatever its
// envelopes weigh, costs the server (or the device) more memory than that.

#include "Identity.h"
#include "Reply.h"

#include <cstdint>

namespace wp::server {

class PullPages
{
public:
    // A page's encoded size at most, one change aside (a page always has at least one).
    static constexpr qint64 PageBudget = 8 * 1024 * 1024;

    explicit PullPages(ConnectionPool &pool) : m_pool(pool) {}

    // `horizon`: what the device's previous page said the compaction horizon was (0: none).
    Reply pull(const Identity &id, std::uint64_t since, qsizetype limit, std::uint64_t horizon);

    // The PullResponse of a pull statement's rows (kinds 0 to 3; others are ignored), or
    // 410 resync_required.
    static Reply pageReply(const pqxx::result &rows, std::uint64_t since, qsizetype limit,
                           std::uint64_t deviceHorizon);

private:
    ConnectionPool &m_pool;
};

} // namespace wp::server
