// SPDX-License-Identifier: GPL-3.0-or-later
#include "Admin.h"

#include "Database.h"
#include "EnrolmentCode.h"
#include "Uuid.h"

namespace wp::server {

namespace {
Error notFound(const char *what)
{
    return Error(ErrorCode::NotFound, QStringLiteral("no such %1").arg(QLatin1String(what)));
}
} // namespace

Result<QUuid> Admin::createOrganisation(const QString &name)
{
    if (name.trimmed().isEmpty())
        return Error(ErrorCode::InvalidInput, QStringLiteral("an organisation needs a name"));
    const QUuid id = createUuidV7();
    pqxx::work w(m_c);
    w.exec_params("INSERT INTO organisations (organisation_id, name) VALUES ($1, $2)", sqlText(id),
                  name.trimmed().toStdString());
    w.commit();
    return id;
}

Result<QUuid> Admin::createUser(const QUuid &org, const QString &name, const QString &role)
{
    static const QStringList roles = {QStringLiteral("worker"), QStringLiteral("supervisor"),
                                      QStringLiteral("admin")};
    if (!roles.contains(role))
        return Error(ErrorCode::InvalidInput,
                     QStringLiteral("role must be worker, supervisor or admin"));
    if (name.trimmed().isEmpty())
        return Error(ErrorCode::InvalidInput, QStringLiteral("a user needs a name"));
    const QUuid id = createUuidV7();
    pqxx::work w(m_c);
    if (w.exec_params("SELECT 1 FROM organisations WHERE organisation_id = $1", sqlText(org))
            .empty())
        return notFound("organisation");
    w.exec_params(
        "INSERT INTO users (organisation_id, user_id, name, role) VALUES ($1, $2, $3, $4)",
        sqlText(org), sqlText(id), name.trimmed().toStdString(), role.toStdString());
    w.commit();
    return id;
}

Status Admin::assignSupervisor(const QUuid &org, const QUuid &worker, const QUuid &supervisor)
{
    pqxx::work w(m_c);
    const auto roles = w.exec_params(
        "SELECT user_id, role FROM users WHERE organisation_id = $1 AND user_id IN ($2, $3)",
        sqlText(org), sqlText(worker), sqlText(supervisor));
    bool workerFound = false, supervisorOk = false;
    for (const auto &row : roles) {
        const QUuid id = uuidOf(row[0]);
        const std::string role = row[1].c_str();
        if (id == worker)
            workerFound = true;
        if (id == supervisor && (role == "supervisor" || role == "admin"))
            supervisorOk = true;
    }
    if (!workerFound)
        return notFound("worker in this organisation");
    if (!supervisorOk)
        return Error(
            ErrorCode::InvalidInput,
            QStringLiteral("the supervisor must be a supervisor or admin of this organisation"));
    w.exec_params("INSERT INTO supervisions (organisation_id, worker_id, supervisor_id) "
                  "VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                  sqlText(org), sqlText(worker), sqlText(supervisor));
    w.commit();
    return {};
}

Result<QString> Admin::issueEnrolmentCode(const QUuid &org, const QUuid &user, int ttlMinutes)
{
    if (ttlMinutes < 1 || ttlMinutes > 7 * 24 * 60)
        return Error(ErrorCode::InvalidInput,
                     QStringLiteral("a code lives between 1 minute and 7 days"));
    pqxx::work w(m_c);
    if (w.exec_params("SELECT 1 FROM users WHERE organisation_id = $1 AND user_id = $2",
                      sqlText(org), sqlText(user))
            .empty())
        return notFound("user in this organisation");
    const QString code = EnrolmentCode::generate();
    w.exec_params("INSERT INTO enrolment_codes (organisation_id, code_hash, user_id, expires_at) "
                  "VALUES ($1, $2, $3, now() + make_interval(mins => $4))",
                  sqlText(org), sqlBytes(EnrolmentCode::hash(EnrolmentCode::normalise(code))),
                  sqlText(user), ttlMinutes);
    w.commit();
    return code;
}

Result<QList<DeviceInfo>> Admin::devices(const QUuid &org)
{
    pqxx::work w(m_c);
    const auto rows = w.exec_params(
        "SELECT d.device_id, d.user_id, u.name, d.name, d.platform, "
        "to_char(d.last_seen_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), "
        "d.revoked_at IS NOT NULL FROM devices d JOIN users u USING (organisation_id, user_id) "
        "WHERE d.organisation_id = $1 ORDER BY d.created_at",
        sqlText(org));
    QList<DeviceInfo> out;
    for (const auto &r : rows)
        out.append({uuidOf(r[0]), uuidOf(r[1]), QString::fromStdString(r[2].as<std::string>()),
                    QString::fromStdString(r[3].as<std::string>()),
                    QString::fromStdString(r[4].as<std::string>()),
                    QString::fromStdString(r[5].as<std::string>()), r[6].as<bool>()});
    return out;
}

Status Admin::revokeDevice(const QUuid &org, const QUuid &device)
{
    pqxx::work w(m_c);
    const auto r = w.exec_params("UPDATE devices SET revoked_at = coalesce(revoked_at, now()) "
                                 "WHERE organisation_id = $1 AND device_id = $2",
                                 sqlText(org), sqlText(device));
    if (r.affected_rows() == 0)
        return notFound("device in this organisation");
    // The device held the user's keys: the user's remaining devices rotate them
    // (docs/protocol.md, "Key rotation after a revocation").
    w.exec_params("UPDATE users u SET rotation_due_at = coalesce(u.rotation_due_at, now()) "
                  "FROM devices d WHERE d.organisation_id = $1 AND d.device_id = $2 "
                  "AND u.organisation_id = d.organisation_id AND u.user_id = d.user_id "
                  "AND u.signing_key IS NOT NULL",
                  sqlText(org), sqlText(device));
    w.commit();
    return {};
}

Status Admin::setOfflineLease(const QUuid &org, int days)
{
    if (days < 0 || days > MaxOfflineLeaseDays)
        return Error(
            ErrorCode::InvalidInput,
            QStringLiteral("an offline lease is 0 (none) to %1 days").arg(MaxOfflineLeaseDays));
    pqxx::work w(m_c);
    const auto r =
        w.exec_params("UPDATE organisations SET offline_lease_days = $2 WHERE organisation_id = $1",
                      sqlText(org), days);
    if (r.affected_rows() == 0)
        return notFound("organisation");
    w.commit();
    return {};
}

Result<int> Admin::offlineLease(const QUuid &org)
{
    pqxx::work w(m_c);
    const auto r = w.exec_params(
        "SELECT offline_lease_days FROM organisations WHERE organisation_id = $1", sqlText(org));
    if (r.empty())
        return notFound("organisation");
    return r[0][0].as<int>();
}

} // namespace wp::server
