// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeviceProfile.h"

#include "LogCategories.h"
#include "ServerError.h"

namespace wp::sync {

DeviceProfile::NameProblem DeviceProfile::problemWith(const QString &typed)
{
    const QString name = typed.trimmed();
    if (name.isEmpty())
        return NameProblem::Empty;
    if (name.size() > wire::limits::MaxDeviceName)
        return NameProblem::TooLong;
    if (!wire::isShowableName(name, wire::limits::MaxDeviceName))
        return NameProblem::ControlCharacter;
    return NameProblem::None;
}

void DeviceProfile::rename(const QString &name)
{
    const QString trimmed = name.trimmed();
    const QString pending = trimmed == m_identity.deviceName ? QString() : trimmed;
    if (pending == m_identity.pendingDeviceName)
        return;
    m_identity.pendingDeviceName = pending;
    m_changed = true;
}

Status DeviceProfile::refresh()
{
    if (Status s = sendName(); !s)
        return s;
    return readStatus();
}

void DeviceProfile::note(const QString &problem, const Error &error)
{
    // Never a name in the log: only what went wrong.
    qCWarning(lcSync, "%s: %s", qPrintable(problem), qPrintable(error.message));
    if (m_problem.isEmpty())
        m_problem = problem;
}

Status DeviceProfile::sendName()
{
    if (m_identity.pendingDeviceName.isEmpty())
        return {};
    const Status sent = m_client.renameDevice(m_identity.pendingDeviceName);
    if (!sent) {
        switch (serverErrorOf(sent.error())) {
        case ServerError::DeviceRevoked:
            return sent;
        case ServerError::Malformed:
        case ServerError::TooLarge:
            // Refused for good: sending it again would be refused again.
            m_identity.pendingDeviceName.clear();
            m_changed = true;
            note(QStringLiteral("the server refused this device's new name"), sent.error());
            return {};
        default: // out of reach or busy: the name waits for the next sync
            note(QStringLiteral("this device's new name is waiting to be sent"), sent.error());
            return {};
        }
    }
    m_identity.deviceName = m_identity.pendingDeviceName;
    m_identity.pendingDeviceName.clear();
    m_changed = true;
    return {};
}

Status DeviceProfile::readStatus()
{
    if (m_identity.profileChecked)
        return {};
    auto status = m_client.deviceStatus();
    if (!status) {
        if (serverErrorOf(status.error()) == ServerError::DeviceRevoked)
            return status.error();
        if (status.error().code == ErrorCode::Protocol)
            m_identity.profileChecked = true; // the same answer again would be refused again
        note(QStringLiteral("who this device is for could not be read from the server"),
             status.error());
        return {};
    }
    m_identity.profileChecked = true;
    if (status->destroyKeys)
        return withReason(Error(ErrorCode::Unauthorized, QStringLiteral("the device is revoked")),
                          ServerError::DeviceRevoked);
    // A name the server leaves out stays as it was (an older server says none).
    const auto take = [this](QString &kept, const QString &told) {
        if (told.isEmpty() || told == kept)
            return;
        kept = told;
        m_changed = true;
    };
    take(m_identity.userName, status->userName);
    take(m_identity.organisationName, status->organisationName);
    take(m_identity.credentials.role, status->role);
    return {};
}

} // namespace wp::sync
