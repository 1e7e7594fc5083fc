// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeviceProfile.h"

namespace wp::server {

using namespace wp::wire;

QString DeviceProfile::toldName(const pqxx::field &field)
{
    const QString name = QString::fromStdString(field.as<std::string>());
    return isShowableName(name, limits::MaxName) ? name : QString();
}

void DeviceProfile::describe(pqxx::transaction_base &w, const Identity &id,
                             DeviceStatus &status) const
{
    const auto rows =
        w.exec_params(m_sql.text("device_profile"), sqlText(id.organisation), sqlText(id.user));
    if (rows.empty())
        return;
    status.userName = toldName(rows[0][0]);
    status.organisationName = toldName(rows[0][1]);
    status.role = QString::fromStdString(rows[0][2].as<std::string>());
}

Reply DeviceProfile::rename(const Identity &id, QByteArrayView body)
{
    auto req = decodeDeviceName(body);
    if (!req)
        return Reply::decodingError(req.error());
    return withDb(m_pool, [&](pqxx::connection &c) -> Reply {
        pqxx::work w(c);
        w.exec_params(m_sql.text("device_rename"), sqlText(id.organisation), sqlText(id.device),
                      req->name.toStdString());
        w.commit();
        return Reply::ok(Ack{});
    });
}

} // namespace wp::server
