// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The server side of POST /v1/enrol: a one-time code (EnrolmentCode) becomes a device of the
// code's user, with a fresh token of which only the hash is kept.

#include "Reply.h"
#include "Statements.h"

namespace wp::server {

class DeviceRegistration
{
public:
    DeviceRegistration(ConnectionPool &pool, const Statements &sql) : m_pool(pool), m_sql(sql) {}

    Reply enrol(QByteArrayView body);

private:
    ConnectionPool &m_pool;
    const Statements &m_sql;
};

} // namespace wp::server
