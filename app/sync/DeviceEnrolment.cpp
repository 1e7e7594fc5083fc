#include "DeviceEnrolment.h"

#include "Uuid.h"
#include "crypto/Envelope.h"

namespace wp::sync {

Result<DeviceEnrolment> DeviceEnrolment::redeem(const QString &serverUrl, const QString &code,
                                                const QString &deviceName, const QString &platform)
{
    SyncClient client(serverUrl);
    auto enrolled = client.enrol(code, deviceName, platform);
    if (!enrolled)
        return enrolled.error();
    DeviceEnrolment e;
    e.m_credentials.serverUrl = serverUrl;
    e.m_credentials.organisationId = enrolled->organisationId;
    e.m_credentials.userId = enrolled->userId;
    e.m_credentials.deviceId = enrolled->deviceId;
    e.m_credentials.role = enrolled->role;
    e.m_credentials.token = SecretBytes::takeFrom(enrolled->token);
    e.m_userHasKeys = enrolled->userHasKeys;
    return e;
}

SyncIdentity DeviceEnrolment::identityWith(crypto::UserKeys keys) const
{
    SyncIdentity id;
    id.credentials.serverUrl = m_credentials.serverUrl;
    id.credentials.organisationId = m_credentials.organisationId;
    id.credentials.userId = m_credentials.userId;
    id.credentials.deviceId = m_credentials.deviceId;
    id.credentials.role = m_credentials.role;
    QByteArray token = m_credentials.token.view().toByteArray();
    id.credentials.token = SecretBytes::takeFrom(token);
    id.keys = std::move(keys);
    return id;
}

Result<SyncIdentity> DeviceEnrolment::createKeys(const QString &recoveryPassphrase,
                                                 crypto::KeyBackupCost cost)
{
    SyncIdentity id = identityWith(crypto::UserKeys::generate());
    SyncClient client(id.credentials.serverUrl);
    client.setCredentials(&id.credentials);
    if (Status s = client.putPublicKeys(id.keys.encryptionPublic, id.keys.signingPublic); !s)
        return s.error();
    if (Status s = client.putKeyBackup(
            crypto::wrapKeys(id.keys, id.credentials.userId, recoveryPassphrase, cost));
        !s)
        return s.error();
    id.privateAudience = createUuidV7();
    id.audienceKeys.emplace(id.privateAudience, crypto::newAudienceKey());
    return id;
}

Result<SyncIdentity> DeviceEnrolment::restoreKeys(const QString &recoveryPassphrase)
{
    SyncClient client(m_credentials.serverUrl);
    client.setCredentials(&m_credentials);
    auto blob = client.keyBackup();
    if (!blob)
        return blob.error();
    auto keys = crypto::unwrapKeys(*blob, m_credentials.userId, recoveryPassphrase);
    if (!keys)
        return keys.error();
    // The private audience's key arrives sealed with the first pull that uses it.
    return identityWith(std::move(*keys));
}

} // namespace wp::sync
