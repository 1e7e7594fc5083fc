#include "SyncIdentity.h"

#include "Store.h"
#include "Uuid.h"
#include "crypto/Envelope.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QSysInfo>

namespace wp::sync {

namespace {
const QString SecretName = QStringLiteral("sync_identity");

QByteArray copy(const SecretBytes &s)
{
    return s.view().toByteArray();
}
} // namespace

SecretBytes SyncIdentity::serialize() const
{
    QCborArray audiences;
    for (const auto &[id, key] : audienceKeys)
        audiences.append(QCborArray{id.toRfc4122(), copy(key)});
    QCborMap m{{1, credentials.serverUrl},
               {2, credentials.organisationId.toRfc4122()},
               {3, credentials.userId.toRfc4122()},
               {4, credentials.deviceId.toRfc4122()},
               {5, credentials.role},
               {6, copy(credentials.token)},
               {7, keys.encryptionPublic},
               {8, copy(keys.encryptionSecret)},
               {9, keys.signingPublic},
               {10, copy(keys.signingSecret)},
               {11, privateAudience.toRfc4122()},
               {12, audiences}};
    QByteArray bytes = QCborValue(m).toCbor();
    // The QCbor containers held copies too; they are freed here, the bytes wiped by takeFrom.
    m = {};
    audiences = {};
    return SecretBytes::takeFrom(bytes);
}

Result<SyncIdentity> SyncIdentity::deserialize(const SecretBytes &bytes)
{
    // fromRawData: no extra copy of the secret bytes outside the SecretBytes.
    const QCborMap m =
        QCborValue::fromCbor(QByteArray::fromRawData(bytes.view().data(), bytes.view().size()))
            .toMap();
    const auto secret = [&](int key) {
        QByteArray b = m.value(key).toByteArray();
        return SecretBytes::takeFrom(b);
    };
    SyncIdentity id;
    id.credentials.serverUrl = m.value(1).toString();
    id.credentials.organisationId = QUuid::fromRfc4122(m.value(2).toByteArray());
    id.credentials.userId = QUuid::fromRfc4122(m.value(3).toByteArray());
    id.credentials.deviceId = QUuid::fromRfc4122(m.value(4).toByteArray());
    id.credentials.role = m.value(5).toString();
    id.credentials.token = secret(6);
    id.keys.encryptionPublic = m.value(7).toByteArray();
    id.keys.encryptionSecret = secret(8);
    id.keys.signingPublic = m.value(9).toByteArray();
    id.keys.signingSecret = secret(10);
    id.privateAudience = QUuid::fromRfc4122(m.value(11).toByteArray());
    for (const QCborValue &a : m.value(12).toArray()) {
        QByteArray key = a.toArray().at(1).toByteArray();
        id.audienceKeys.emplace(QUuid::fromRfc4122(a.toArray().at(0).toByteArray()),
                                SecretBytes::takeFrom(key));
    }
    if (id.credentials.deviceId.isNull() || id.credentials.token.size() != 32 ||
        id.keys.signingSecret.size() != 64 || id.keys.encryptionSecret.size() != 32)
        return Error(ErrorCode::Corrupt, QStringLiteral("the saved sync identity is damaged"));
    return id;
}

Result<SyncIdentity> SyncIdentity::load(Store &store)
{
    auto bytes = store.deviceSecret(SecretName);
    if (!bytes)
        return bytes.error();
    return deserialize(*bytes);
}

Status SyncIdentity::save(Store &store) const
{
    return store.putDeviceSecret(SecretName, serialize());
}

Status SyncIdentity::forget(Store &store)
{
    return store.removeDeviceSecret(SecretName);
}

bool SyncIdentity::isEnrolled(Store &store)
{
    return store.deviceSecret(SecretName).ok();
}

Result<SyncIdentity> SyncIdentity::enrol(const QString &serverUrl, const QString &code,
                                         const QString &deviceName, const QString &platform,
                                         const QString &recoveryPassphrase,
                                         crypto::KeyBackupCost cost)
{
    SyncClient client(serverUrl);
    auto enrolled = client.enrol(code, deviceName, platform);
    if (!enrolled)
        return enrolled.error();
    SyncIdentity id;
    id.credentials.serverUrl = serverUrl;
    id.credentials.organisationId = enrolled->organisationId;
    id.credentials.userId = enrolled->userId;
    id.credentials.deviceId = enrolled->deviceId;
    id.credentials.role = enrolled->role;
    id.credentials.token = SecretBytes::takeFrom(enrolled->token);
    client.setCredentials(&id.credentials);

    if (enrolled->userHasKeys) {
        auto blob = client.keyBackup();
        if (!blob)
            return blob.error();
        auto keys = crypto::unwrapKeys(*blob, id.credentials.userId, recoveryPassphrase);
        if (!keys)
            return keys.error();
        id.keys = std::move(*keys);
        // The private audience's key arrives sealed with the first pull that uses it.
        return id;
    }
    id.keys = crypto::UserKeys::generate();
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

} // namespace wp::sync
