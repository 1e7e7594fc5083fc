// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Key rotation after a revocation (docs/protocol.md, "Key rotation after a revocation"): each
// device's box key, signed by its user; the rotation a remaining device makes, taken once per
// key version and only when the old signing key signed the new keys; and the new keys sealed
// to each remaining device, which the server stores and cannot open.

#include "Identity.h"
#include "Reply.h"
#include "Statements.h"

namespace wp::wire {
struct KeyDirectory;
}

namespace wp::server {

class KeyRotations
{
public:
    KeyRotations(ConnectionPool &pool, const Statements &sql) : m_pool(pool), m_sql(sql) {}

    // PUT /v1/device/key.
    Reply putDeviceKey(const Identity &id, QByteArrayView body);
    // GET /v1/keys/rotation.
    Reply state(const Identity &id);
    // POST /v1/keys/rotate.
    Reply rotate(const Identity &id, QByteArrayView body);

    // Keys 4 and 5 of the directory, within the directory's transaction.
    static void fillDirectory(pqxx::work &w, const Statements &sql, const Identity &id,
                              wire::KeyDirectory &dir);

private:
    ConnectionPool &m_pool;
    const Statements &m_sql;
};

} // namespace wp::server
