// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The grouped way of a push: batches without a deletion, of one organisation, applied
// together by one prepared autocommit statement (sql/push_grouped.sql), so one transaction,
// one WAL flush and one turn on the organisation's counter row for all of them.

#include "PendingPush.h"

#include <vector>

namespace wp::server {

class GroupedPush
{
public:
    explicit GroupedPush(ConnectionPool &pool) : m_pool(pool) {}

    // Settles every push of `group`: Applied, Single (sent back to the single way: it needs
    // what the statement does not do) or Failed (with its reply). A failed statement is
    // retried one batch at a time, so one batch's failure is not the others'.
    void apply(const std::vector<PendingPush *> &group);

private:
    ConnectionPool &m_pool;
};

} // namespace wp::server
