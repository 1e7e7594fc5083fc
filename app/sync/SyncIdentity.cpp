// SPDX-License-Identifier: GPL-3.0-or-later
#include "SyncIdentity.h"

#include "Store.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>

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
    if (!sharedAudience.isNull()) {
        QCborArray readers;
        for (const QUuid &r : sharedReaders)
            readers.append(r.toRfc4122());
        m.insert(14, sharedAudience.toRfc4122());
        m.insert(15, readers);
    }
    if (supervisorsLearnt)
        m.insert(17, true);
    if (!supervisors.isEmpty()) {
        QCborArray list;
        for (const wire::Supervisor &v : supervisors)
            list.append(QCborArray{v.userId.toRfc4122(), v.displayName});
        m.insert(16, list);
    }
    const auto insertText = [&m](int key, const QString &text) {
        if (!text.isEmpty())
            m.insert(key, text);
    };
    insertText(18, userName);
    insertText(19, organisationName);
    insertText(20, deviceName);
    insertText(21, pendingDeviceName);
    if (!approvalRequest.publicKey.isEmpty()) {
        m.insert(30, approvalRequest.publicKey);
        m.insert(31, copy(approvalRequest.secretKey));
    }
    if (!noticedDevices.isEmpty()) {
        QCborArray noticed;
        for (const QUuid &d : noticedDevices)
            noticed.append(d.toRfc4122());
        m.insert(32, noticed);
    }
    if (!deviceBox.publicKey.isEmpty()) {
        m.insert(25, deviceBox.publicKey);
        m.insert(26, copy(deviceBox.secretKey));
    }
    if (keyVersion > 1)
        m.insert(27, qint64(keyVersion));
    if (deviceKeyPublished != 0)
        m.insert(28, qint64(deviceKeyPublished));
    if (!workers.isEmpty()) {
        QCborArray list;
        for (const wire::Worker &v : workers)
            list.append(QCborArray{v.userId.toRfc4122(), v.displayName});
        m.insert(22, list);
        // When each worker's devices last reached the server, for the Team screen offline.
        QCborMap contacts;
        for (const wire::Worker &v : workers)
            if (v.lastContactMs > 0)
                contacts.insert(QCborValue(v.userId.toRfc4122()), QCborValue(v.lastContactMs));
        if (!contacts.isEmpty())
            m.insert(37, contacts);
    }
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
    id.sharedAudience = QUuid::fromRfc4122(m.value(14).toByteArray());
    for (const QCborValue &r : m.value(15).toArray())
        id.sharedReaders.append(QUuid::fromRfc4122(r.toByteArray()));
    id.supervisorsLearnt = m.value(17).toBool();
    id.userName = m.value(18).toString();
    id.organisationName = m.value(19).toString();
    id.deviceName = m.value(20).toString();
    id.pendingDeviceName = m.value(21).toString();
    for (const QCborValue &v : m.value(16).toArray())
        id.supervisors.append(
            {QUuid::fromRfc4122(v.toArray().at(0).toByteArray()), v.toArray().at(1).toString()});
    const QCborMap contacts = m.value(37).toMap();
    for (const QCborValue &v : m.value(22).toArray()) {
        const QByteArray worker = v.toArray().at(0).toByteArray();
        id.workers.append({QUuid::fromRfc4122(worker), v.toArray().at(1).toString(),
                           contacts.value(QCborValue(worker)).toInteger(0)});
    }
    for (const QCborValue &a : m.value(12).toArray()) {
        QByteArray key = a.toArray().at(1).toByteArray();
        id.audienceKeys.emplace(QUuid::fromRfc4122(a.toArray().at(0).toByteArray()),
                                SecretBytes::takeFrom(key));
    }
    id.approvalRequest.publicKey = m.value(30).toByteArray();
    id.approvalRequest.secretKey = secret(31);
    id.deviceBox.publicKey = m.value(25).toByteArray();
    id.deviceBox.secretKey = secret(26);
    id.keyVersion = std::uint32_t(m.value(27).toInteger(1));
    id.deviceKeyPublished = std::uint32_t(m.value(28).toInteger(0));
    for (const QCborValue &d : m.value(32).toArray())
        id.noticedDevices.append(QUuid::fromRfc4122(d.toByteArray()));
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

QUuid SyncIdentity::localUser(Store &store)
{
    const Result<SyncIdentity> identity = load(store);
    return identity ? identity->credentials.userId : QUuid();
}

bool SyncIdentity::isEnrolled(Store &store)
{
    return store.deviceSecret(SecretName).ok();
}

QHash<QUuid, QString> SyncIdentity::peopleNames() const
{
    QHash<QUuid, QString> names;
    for (const wire::Supervisor &s : supervisors)
        names.insert(s.userId, s.displayName);
    for (const wire::Worker &w : workers)
        names.insert(w.userId, w.displayName);
    return names;
}

} // namespace wp::sync
