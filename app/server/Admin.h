// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The administrator's operations (organisations, users, supervisors, enrolment codes,
// devices), run by `waypoint-server <command>` directly against the database.

#include "Result.h"

#include <QList>
#include <QString>
#include <QUuid>

#include <pqxx/pqxx>

namespace wp::server {

struct DeviceInfo
{
    QUuid deviceId;
    QUuid userId;
    QString userName;
    QString name;
    QString platform;
    QString lastSeen; // ISO 8601, UTC
    bool revoked = false;
};

class Admin
{
public:
    explicit Admin(pqxx::connection &c) : m_c(c) {}

    Result<QUuid> createOrganisation(const QString &name);
    Result<QUuid> createUser(const QUuid &org, const QString &name, const QString &role);
    Status assignSupervisor(const QUuid &org, const QUuid &worker, const QUuid &supervisor);
    // The code as shown to the person; only its hash is stored.
    Result<QString> issueEnrolmentCode(const QUuid &org, const QUuid &user, int ttlMinutes);
    Result<QList<DeviceInfo>> devices(const QUuid &org);
    Status revokeDevice(const QUuid &org, const QUuid &device);
    // Devices of the organisation that have not reached the server for `days` lock
    // themselves until they check in (0: never). At most MaxOfflineLeaseDays.
    Status setOfflineLease(const QUuid &org, int days);
    Result<int> offlineLease(const QUuid &org);

    static constexpr int MaxOfflineLeaseDays = 3650;

private:
    pqxx::connection &m_c;
};

} // namespace wp::server
