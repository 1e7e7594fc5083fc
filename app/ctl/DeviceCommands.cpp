// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeviceCommands.h"

#include "DeviceProfile.h"
#include "ExitCodes.h"
#include "ServerError.h"
#include "Store.h"
#include "SyncIdentity.h"
#include "Uuid.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace wp::ctl {

using sync::DeviceProfile;
using sync::SyncIdentity;

namespace {

QString notEnrolled()
{
    return QStringLiteral("This device is not enrolled; run waypointctl enroll (its "
                          "--device-name names it).");
}

} // namespace

Status DeviceCommands::fail(int exitCode, const QString &line)
{
    m_exitCode = exitCode;
    m_problem = line;
    return {};
}

Status DeviceCommands::show(const ParsedCommand &c)
{
    auto identity = SyncIdentity::load(m_store);
    if (!identity)
        return identity.error().code == ErrorCode::NotFound ? fail(NotAuthorized, notEnrolled())
                                                            : Status(identity.error());
    const SyncIdentity &id = *identity;
    const QString fingerprint = id.hasKeys() ? id.keys.fingerprint() : QString();
    // Empty when the identity holds no name for the device: shown without one.
    const QString name = id.pendingDeviceName.isEmpty() ? id.deviceName : id.pendingDeviceName;
    if (c.has(QStringLiteral("json"))) {
        QJsonObject o{{QStringLiteral("user"), idText(id.credentials.userId)},
                      {QStringLiteral("userName"), id.userName},
                      {QStringLiteral("organisation"), idText(id.credentials.organisationId)},
                      {QStringLiteral("organisationName"), id.organisationName},
                      {QStringLiteral("role"), id.credentials.role},
                      {QStringLiteral("device"), idText(id.credentials.deviceId)},
                      {QStringLiteral("deviceName"), name},
                      {QStringLiteral("nameWaiting"), !id.pendingDeviceName.isEmpty()},
                      {QStringLiteral("server"), id.credentials.serverUrl},
                      {QStringLiteral("fingerprint"), fingerprint}};
        m_out << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
    } else {
        const auto orUnknown = [](const QString &s) {
            return s.isEmpty() ? QStringLiteral("(not told yet; run waypointctl sync)") : s;
        };
        m_out << "user: " << orUnknown(id.userName) << " (" << id.credentials.role << ")\n"
              << "organisation: " << orUnknown(id.organisationName) << '\n'
              << "device: " << idText(id.credentials.deviceId);
        if (!name.isEmpty())
            m_out << ' ' << name;
        if (!id.pendingDeviceName.isEmpty())
            m_out << " (new name, sent at the next sync)";
        m_out << '\n' << "server: " << id.credentials.serverUrl << '\n';
        if (!fingerprint.isEmpty())
            m_out << "key fingerprint: " << fingerprint << '\n';
    }
    m_out.flush();
    return {};
}

Status DeviceCommands::rename(const ParsedCommand &c)
{
    const QString name = c.positionals.value(0).trimmed();
    switch (DeviceProfile::problemWith(name)) {
    case DeviceProfile::NameProblem::Empty:
        return Error(ErrorCode::InvalidInput, QStringLiteral("Give the device a name."));
    case DeviceProfile::NameProblem::TooLong:
        return Error(ErrorCode::InvalidInput,
                     QStringLiteral("A device name has at most %1 characters.")
                         .arg(wire::limits::MaxDeviceName));
    case DeviceProfile::NameProblem::ControlCharacter:
        return Error(ErrorCode::InvalidInput,
                     QStringLiteral("A device name cannot hold control characters."));
    case DeviceProfile::NameProblem::None:
        break;
    }
    auto identity = SyncIdentity::load(m_store);
    if (!identity)
        return identity.error().code == ErrorCode::NotFound ? fail(NotAuthorized, notEnrolled())
                                                            : Status(identity.error());
    sync::SyncClient client(identity->credentials.serverUrl);
    client.setCredentials(&identity->credentials);
    DeviceProfile profile(*identity, client);
    profile.rename(name);
    // Kept before it is sent: a name the server does not get now goes at the next sync.
    if (Status saved = identity->save(m_store); !saved)
        return saved;
    if (Status s = profile.refresh(); !s) {
        m_revoked = true;
        if (Status forgotten = SyncIdentity::forget(m_store); !forgotten)
            return forgotten;
        return fail(NotAuthorized, QStringLiteral("This device was revoked by the server; its "
                                                  "sync keys and token were destroyed."));
    }
    if (profile.changed())
        if (Status saved = identity->save(m_store); !saved)
            return saved;
    const bool waiting = !identity->pendingDeviceName.isEmpty();
    if (c.has(QStringLiteral("json"))) {
        const QJsonObject o{{QStringLiteral("deviceName"),
                             waiting ? identity->pendingDeviceName : identity->deviceName},
                            {QStringLiteral("sent"), !waiting}};
        m_out << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
    } else if (!waiting) {
        m_out << "renamed: " << identity->deviceName << '\n';
    }
    m_out.flush();
    if (waiting)
        return fail(SyncFailed, QStringLiteral("The server could not be reached; the new name "
                                               "is kept and sent at the next sync."));
    if (identity->deviceName != name)
        return fail(NotAuthorized, QStringLiteral("The server refused the name."));
    return {};
}

} // namespace wp::ctl
