// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The users' public keys (the key directory every device encrypts and verifies with) and
// their key backups (sealed with the user's recovery key on the device).

#include "Identity.h"
#include "Reply.h"
#include "Statements.h"

namespace wp::server {

class KeyRegistry
{
public:
    KeyRegistry(ConnectionPool &pool, const Statements &sql) : m_pool(pool), m_sql(sql) {}

    Reply directory(const Identity &id);
    // A user's keys are set once; the same keys again are acknowledged, others refused.
    Reply putPublicKeys(const Identity &id, QByteArrayView body);
    Reply putKeyBackup(const Identity &id, QByteArrayView body);
    Reply keyBackup(const Identity &id);

private:
    ConnectionPool &m_pool;
    const Statements &m_sql;
};

} // namespace wp::server
