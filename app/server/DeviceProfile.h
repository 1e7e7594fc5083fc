// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Who a device is for, and what it is called (docs/protocol.md, "Who the device is for, and
// its name"): the names GET /v1/device tells, and PUT /v1/device/name.

#include "Identity.h"
#include "Reply.h"
#include "Statements.h"

namespace wp::server {

class DeviceProfile
{
public:
    DeviceProfile(ConnectionPool &pool, const Statements &sql) : m_pool(pool), m_sql(sql) {}

    // The user's and organisation's names and the user's role, into `status`.
    void describe(pqxx::transaction_base &w, const Identity &id, wire::DeviceStatus &status) const;
    // Replaces the device's name with the one in `body` (wire::DeviceName).
    Reply rename(const Identity &id, QByteArrayView body);

    // A name as it may be told to a device: empty when it could not be (wire::isShowableName),
    // so the device is never sent what it would refuse.
    static QString toldName(const pqxx::field &field);

private:
    ConnectionPool &m_pool;
    const Statements &m_sql;
};

} // namespace wp::server
