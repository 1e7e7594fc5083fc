// SPDX-License-Identifier: GPL-3.0-or-later
#include "NewDeviceCommands.h"

#include "CommandOptions.h"
#include "ExitCodes.h"
#include "NewDeviceApproval.h"
#include "Store.h"
#include "SyncIdentity.h"
#include "SyncMessages.h"
#include "Uuid.h"
#include "crypto/DeviceApproval.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

namespace wp::ctl {

using sync::NewDeviceApproval;
using sync::SyncClient;
using sync::SyncIdentity;

namespace {

Result<SyncIdentity> enrolledWithKeys(Store &store)
{
    auto identity = SyncIdentity::load(store);
    if (!identity && identity.error().code == ErrorCode::NotFound)
        return Error(ErrorCode::Unauthorized,
                     QStringLiteral("This device is not enrolled; run waypointctl enroll."));
    return identity;
}

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

} // namespace

QString newDeviceLine(const QString &name, const QString &platform, qint64 enrolledAtMs,
                      const QString &state)
{
    const QString what = state == QLatin1String("pending")
                             ? QStringLiteral("waits for your approval (waypointctl devices "
                                              "pending)")
                         : state == QLatin1String("approved")
                             ? QStringLiteral("approved by one of your devices")
                             : QStringLiteral("not approved by a device (recovery key)");
    return QStringLiteral("new device: \"%1\" (%2), enrolled %3, %4")
        .arg(name, platform, isoTime(enrolledAtMs), what);
}

Status NewDeviceCommands::fail(const Error &e)
{
    switch (sync::serverErrorOf(e)) {
    case sync::ServerError::DeviceRevoked:
    case sync::ServerError::Unauthorized:
    case sync::ServerError::Forbidden:
        m_exitCode = NotAuthorized;
        m_problem = sync::syncFailureMessage(e);
        return {};
    case sync::ServerError::None:
        break;
    default:
        m_exitCode = SyncFailed;
        m_problem = sync::syncFailureMessage(e);
        return {};
    }
    if (e.code == ErrorCode::Network || e.code == ErrorCode::Protocol) {
        m_exitCode = SyncFailed;
        m_problem = sync::syncFailureMessage(e);
        return {};
    }
    if (e.code == ErrorCode::NotFound)
        return usage(QStringLiteral("No new device of yours with that id waits for approval "
                                    "(waypointctl devices pending)."));
    return e;
}

Status NewDeviceCommands::list(const ParsedCommand &c, bool pendingOnly)
{
    auto identity = enrolledWithKeys(m_store);
    if (!identity)
        return identity.error();
    SyncClient client(identity->credentials.serverUrl);
    NewDeviceApproval approval(*identity, client);
    auto devices = approval.list();
    if (!devices)
        return fail(devices.error());
    const bool json = c.has(QStringLiteral("json"));
    for (const wire::NewDevice &d : *devices) {
        const bool pending = d.state == QLatin1String("pending");
        if (pendingOnly && !pending)
            continue;
        const QString fingerprint = pending ? crypto::requestFingerprint(d.requestKey) : QString();
        if (json) {
            QJsonObject o{
                {QStringLiteral("id"), idText(d.deviceId)},
                {QStringLiteral("name"), d.name},
                {QStringLiteral("platform"), d.platform},
                {QStringLiteral("enrolledAt"), d.enrolledAtMs},
                {QStringLiteral("state"), d.state},
                {QStringLiteral("dismissed"), identity->noticedDevices.contains(d.deviceId)}};
            if (pending)
                o.insert(QStringLiteral("fingerprint"), fingerprint);
            if (d.state == QLatin1String("approved")) {
                o.insert(QStringLiteral("approvedBy"), idText(d.approvedBy));
                o.insert(QStringLiteral("approvedAt"), d.approvedAtMs);
            }
            m_out << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
        } else {
            m_out << idText(d.deviceId) << "  \"" << d.name << "\" (" << d.platform
                  << "), enrolled " << isoTime(d.enrolledAtMs) << ", " << d.state << '\n';
            if (pending)
                m_out << "  its number: " << fingerprint << '\n';
        }
    }
    m_out.flush();
    return {};
}

Status NewDeviceCommands::approve(const ParsedCommand &c)
{
    const QUuid device = idFromText(c.positionals.value(0));
    if (device.isNull())
        return usage(QStringLiteral("device approve needs the new device's id first."));
    auto identity = enrolledWithKeys(m_store);
    if (!identity)
        return identity.error();
    if (!identity->hasKeys())
        return usage(QStringLiteral("This device has no keys to hand over yet."));
    SyncClient client(identity->credentials.serverUrl);
    NewDeviceApproval approval(*identity, client);
    const Status approved = approval.approve(device, c.positionals.mid(1).join(u' '));
    if (!approved && approved.error().code == ErrorCode::InvalidInput)
        return usage(QStringLiteral("That is not the number the new device shows; nothing was "
                                    "approved."));
    if (!approved)
        return fail(approved.error());
    m_out << "approved: your keys are sealed to that device; it receives them at its next "
             "check\n";
    m_out.flush();
    return {};
}

Status NewDeviceCommands::deny(const ParsedCommand &c)
{
    const QUuid device = idFromText(c.positionals.value(0));
    if (device.isNull())
        return usage(QStringLiteral("device deny needs the new device's id."));
    auto identity = enrolledWithKeys(m_store);
    if (!identity)
        return identity.error();
    if (Status ok = confirmed(c,
                              QStringLiteral("Deny device %1? It is revoked and gets none of "
                                             "your keys.")
                                  .arg(idText(device)),
                              QStringLiteral("Nothing was denied."), m_err);
        !ok)
        return ok;
    SyncClient client(identity->credentials.serverUrl);
    NewDeviceApproval approval(*identity, client);
    if (Status denied = approval.deny(device); !denied)
        return fail(denied.error());
    m_out << "denied: the device is revoked\n";
    m_out.flush();
    return {};
}

Status NewDeviceCommands::dismiss(const ParsedCommand &c)
{
    const QUuid device = idFromText(c.positionals.value(0));
    if (device.isNull())
        return usage(QStringLiteral("devices dismiss needs the device's id."));
    auto identity = enrolledWithKeys(m_store);
    if (!identity)
        return identity.error();
    if (!identity->noticedDevices.contains(device))
        identity->noticedDevices.append(device);
    return identity->save(m_store);
}

} // namespace wp::ctl
