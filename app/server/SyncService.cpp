// SPDX-License-Identifier: GPL-3.0-or-later
#include "SyncService.h"

#include <QDateTime>

namespace wp::server {

SyncService::SyncService(ConnectionPool &pool, const Statements &sql)
    : m_pool(pool), m_sql(sql), m_authentication(pool), m_registration(pool, sql),
      m_profile(pool, sql), m_keys(pool, sql), m_approvals(pool, sql), m_rotations(pool, sql),
      m_pages(pool), m_pushes(pool, sql), m_roundTrip(pool, m_pushes)
{
}

Reply SyncService::deviceStatus(const Identity &id)
{
    return withDb(m_pool, [&](pqxx::connection &c) -> Reply {
        wire::DeviceStatus s;
        s.status = id.revoked ? QStringLiteral("revoked") : QStringLiteral("active");
        s.destroyKeys = id.revoked;
        s.serverTimeMs = QDateTime::currentMSecsSinceEpoch();
        pqxx::nontransaction w(c);
        const auto rows = w.exec_params(m_sql.text("offline_lease"), sqlText(id.organisation));
        s.offlineLeaseDays = rows.empty() ? 0 : rows[0][0].as<int>();
        if (!id.revoked) // a revoked device is told to destroy its keys, nothing more
            m_profile.describe(w, id, s);
        return Reply::ok(s);
    });
}

} // namespace wp::server
