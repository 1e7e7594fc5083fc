// SPDX-License-Identifier: GPL-3.0-or-later
#include "NewDeviceApproval.h"

#include "crypto/DeviceApproval.h"

namespace wp::sync {

NewDeviceApproval::NewDeviceApproval(const SyncIdentity &identity, SyncClient &client)
    : m_identity(identity), m_client(client)
{
    m_client.setCredentials(&m_identity.credentials);
}

Result<QList<wire::NewDevice>> NewDeviceApproval::list()
{
    auto devices = m_client.newDevices();
    if (!devices)
        return devices.error();
    return devices->devices;
}

Result<wire::NewDevice> NewDeviceApproval::pending(const QUuid &deviceId)
{
    auto devices = list();
    if (!devices)
        return devices.error();
    for (const wire::NewDevice &d : *devices)
        if (d.deviceId == deviceId && d.state == QLatin1String("pending"))
            return d;
    return Error(ErrorCode::NotFound,
                 QStringLiteral("no new device of yours with that id waits for approval"));
}

Status NewDeviceApproval::approve(const QUuid &deviceId, const QString &fingerprint)
{
    if (!m_identity.hasKeys())
        return Error(ErrorCode::Conflict, QStringLiteral("this device has no keys to hand over"));
    auto device = pending(deviceId);
    if (!device)
        return device.error();
    if (!crypto::fingerprintMatches(fingerprint, crypto::requestFingerprint(device->requestKey)))
        return Error(ErrorCode::InvalidInput,
                     QStringLiteral("that is not the number the new device shows; nothing was "
                                    "approved"));
    const crypto::SealedApproval sealed = crypto::sealForDevice(
        m_identity.keys, m_identity.credentials.userId, deviceId, device->requestKey);
    return m_client.approveDevice({deviceId, sealed.sealedKeys, sealed.signature});
}

bool NewDeviceApproval::numberMatches(const QByteArray &requestKey, const QString &typed)
{
    return !requestKey.isEmpty() &&
           crypto::fingerprintMatches(typed, crypto::requestFingerprint(requestKey));
}

Status NewDeviceApproval::deny(const QUuid &deviceId)
{
    if (auto device = pending(deviceId); !device)
        return device.error();
    return m_client.denyDevice(deviceId);
}

} // namespace wp::sync
