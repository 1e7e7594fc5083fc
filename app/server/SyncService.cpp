// SPDX-License-Identifier: GPL-3.0-or-later
#include "SyncService.h"

#include <QDateTime>

namespace wp::server {

SyncService::SyncService(ConnectionPool &pool, const Statements &sql)
    : m_authentication(pool), m_registration(pool, sql), m_keys(pool, sql), m_pages(pool),
      m_pushes(pool, sql), m_roundTrip(pool, m_pushes)
{
}

Reply SyncService::deviceStatus(const Identity &id)
{
    wire::DeviceStatus s;
    s.status = id.revoked ? QStringLiteral("revoked") : QStringLiteral("active");
    s.destroyKeys = id.revoked;
    s.serverTimeMs = QDateTime::currentMSecsSinceEpoch();
    return Reply::ok(s);
}

} // namespace wp::server
