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
               {12, audiences},
               {13, userHadKeys}};
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
    id.userHadKeys = m.value(13).toBool();
    for (const QCborValue &a : m.value(12).toArray()) {
        QByteArray key = a.toArray().at(1).toByteArray();
        id.audienceKeys.emplace(QUuid::fromRfc4122(a.toArray().at(0).toByteArray()),
                                SecretBytes::takeFrom(key));
    }
    // Keys may be missing: a device enrolled whose keys are not restored yet.
    const bool keysOk =
        (id.keys.signingSecret.size() == 64 && id.keys.encryptionSecret.size() == 32) ||
        (id.keys.signingSecret.isEmpty() && id.keys.encryptionSecret.isEmpty());
    if (id.credentials.deviceId.isNull() || id.credentials.token.size() != 32 || !keysOk)
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

Result<SyncIdentity> SyncIdentity::enrolDevice(const QString &serverUrl, const QString &code,
                                               const QString &deviceName, const QString &platform,
                                               bool *userHasKeys)
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
    id.userHadKeys = enrolled->userHasKeys;
    if (userHasKeys)
        *userHasKeys = enrolled->userHasKeys;
    return id;
}

namespace {

// The crypto API takes text; the copy lives only for the call and is wiped.
class PassphraseText
{
public:
    explicit PassphraseText(const SecretBytes &bytes)
        : m_text(QString::fromUtf8(bytes.view().data(), bytes.view().size()))
    {
    }
    ~PassphraseText() { wipe(m_text); }
    PassphraseText(const PassphraseText &) = delete;
    PassphraseText &operator=(const PassphraseText &) = delete;
    const QString &text() const { return m_text; }

private:
    QString m_text;
};

} // namespace

Status SyncIdentity::createKeys(const SecretBytes &recoveryPassphrase, crypto::KeyBackupCost cost)
{
    SyncClient client(credentials.serverUrl);
    client.setCredentials(&credentials);
    crypto::UserKeys fresh = crypto::UserKeys::generate();
    if (Status s = client.putPublicKeys(fresh.encryptionPublic, fresh.signingPublic); !s) {
        if (s.error().code == ErrorCode::Conflict)
            return withReason(Error(ErrorCode::Conflict,
                                    QStringLiteral("This user already has keys; restore them "
                                                   "with the recovery passphrase.")),
                              serverErrorOf(s.error()));
        return s;
    }
    const PassphraseText passphrase(recoveryPassphrase);
    if (Status s = client.putKeyBackup(
            crypto::wrapKeys(fresh, credentials.userId, passphrase.text(), cost));
        !s)
        return s;
    keys = std::move(fresh);
    if (privateAudience.isNull()) {
        privateAudience = createUuidV7();
        audienceKeys.emplace(privateAudience, crypto::newAudienceKey());
    }
    return {};
}

Status SyncIdentity::restoreKeys(const SecretBytes &recoveryPassphrase)
{
    SyncClient client(credentials.serverUrl);
    client.setCredentials(&credentials);
    auto blob = client.keyBackup();
    if (!blob) {
        if (blob.error().code == ErrorCode::NotFound)
            return withReason(Error(ErrorCode::NotFound,
                                    QStringLiteral("The server has no key backup for this user "
                                                   "yet.")),
                              serverErrorOf(blob.error()));
        return blob.error();
    }
    const PassphraseText passphrase(recoveryPassphrase);
    auto restored = crypto::unwrapKeys(*blob, credentials.userId, passphrase.text());
    if (!restored) {
        if (restored.error().code == ErrorCode::WrongPin)
            return Error(ErrorCode::WrongPin, QStringLiteral("The recovery passphrase does not "
                                                             "open the key backup."));
        return restored.error();
    }
    if (hasKeys() && (restored->signingPublic != keys.signingPublic ||
                      restored->encryptionPublic != keys.encryptionPublic))
        return Error(ErrorCode::Conflict,
                     QStringLiteral("The key backup holds other keys than this device has."));
    // The private audience's key arrives sealed with the first pull that uses it.
    keys = std::move(*restored);
    return {};
}

} // namespace wp::sync
