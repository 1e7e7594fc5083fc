// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Approval of a user's new device by one of their existing devices (docs/protocol.md,
// "Approval by an existing device"): the new device's request key, the list every other
// device of the user is told, and the sealed keys an approving device leaves for it. The
// server checks who may do what and the user's signature; it never holds a key it can open.

#include "Identity.h"
#include "Reply.h"
#include "Statements.h"

namespace wp::server {

class DeviceApprovals
{
public:
    DeviceApprovals(ConnectionPool &pool, const Statements &sql) : m_pool(pool), m_sql(sql) {}

    // POST /v1/device/approval-request: the caller asks; the same key again is acknowledged.
    Reply request(const Identity &id, QByteArrayView body);
    // POST /v1/device/approval-withdrawal: the caller restored the keys with the recovery key;
    // its request stops being pending. Acknowledged when there is none.
    Reply withdraw(const Identity &id);
    // GET /v1/device/approval-request: where the caller's request stands.
    Reply state(const Identity &id);
    // GET /v1/devices/new: the user's devices enrolled after the caller.
    Reply newDevices(const Identity &id);
    // POST /v1/devices/approve and /v1/devices/deny, from another device of the user.
    Reply approve(const Identity &id, QByteArrayView body);
    Reply deny(const Identity &id, QByteArrayView body);

private:
    ConnectionPool &m_pool;
    const Statements &m_sql;
};

} // namespace wp::server
