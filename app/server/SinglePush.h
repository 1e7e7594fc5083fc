// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The single way of a push: every batch that the grouped statement does not apply (a
// deletion, a new audience, a refused change, a retry), and what a group sends back. One
// transaction of a few statements (sql/push_single.sql).

#include "PendingPush.h"
#include "Statements.h"

namespace wp::server {

class SinglePush
{
public:
    SinglePush(ConnectionPool &pool, const Statements &sql) : m_pool(pool), m_sql(sql) {}

    Reply apply(const PendingPush &push);

private:
    ConnectionPool &m_pool;
    const Statements &m_sql;
};

} // namespace wp::server
