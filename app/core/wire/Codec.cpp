// SPDX-License-Identifier: GPL-3.0-or-later
#include "Codec.h"
#include "RotationCodec.h"
#include "StrictReader.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QCoreApplication>

#include <algorithm>

namespace wp::wire {

namespace {

QCborValue uuidValue(const QUuid &id)
{
    return QCborValue(id.toRfc4122());
}

QCborValue stampValue(const HlcStamp &s)
{
    return QCborArray{qint64(s.physicalMs), qint64(s.counter), uuidValue(s.device)};
}

QByteArray finish(QCborMap map)
{
    map.insert(0, Version);
    return QCborValue(map).toCbor();
}

template <typename T> Result<T> done(const Strict &s, T value)
{
    if (!s.ok())
        return s.error();
    return value;
}

QCborMap changeMap(const Change &c)
{
    QCborMap m;
    m.insert(1, qint64(c.changeId));
    m.insert(2, uuidValue(c.recordId));
    m.insert(3, int(c.type));
    m.insert(4, stampValue(c.stamp));
    if (c.deleted)
        m.insert(5, true);
    m.insert(6, uuidValue(c.audienceId));
    m.insert(7, c.envelope);
    if (c.seq)
        m.insert(8, qint64(c.seq));
    if (!c.authorId.isNull())
        m.insert(9, uuidValue(c.authorId));
    if (c.manifestIndex >= 0)
        m.insert(10, c.manifestIndex);
    if (!c.withdrawnFrom.isNull())
        m.insert(11, uuidValue(c.withdrawnFrom));
    return m;
}

Change readChange(Strict &s, const QCborValue &v)
{
    Change c;
    const QCborMap m = s.map(v, "change");
    if (!s.ok())
        return c;
    c.changeId = s.uint(s.required(m, 1, "changeId"), "changeId");
    c.recordId = s.uuid(s.required(m, 2, "recordId"), "recordId");
    c.type = s.recordType(s.required(m, 3, "type"), "type");
    c.stamp = s.stamp(s.required(m, 4, "stamp"), "stamp");
    if (m.contains(5))
        c.deleted = s.boolean(m.value(5), "deleted");
    c.audienceId = s.uuid(s.required(m, 6, "audienceId"), "audienceId");
    c.envelope = s.bytes(s.required(m, 7, "envelope"), "envelope", limits::MaxEnvelope);
    if (m.contains(8))
        c.seq = s.uint(m.value(8), "seq");
    if (m.contains(9))
        c.authorId = s.uuid(m.value(9), "authorId");
    if (m.contains(10)) {
        const std::uint64_t index = s.uint(m.value(10), "manifest");
        if (index > std::uint64_t(limits::MaxPull))
            s.fail("manifest", "index is out of range");
        c.manifestIndex = qint64(index);
    }
    if (m.contains(11))
        c.withdrawnFrom = s.uuid(m.value(11), "withdrawnFrom");
    return c;
}

QCborArray sealedKeyPair(const QUuid &id, const QByteArray &key)
{
    return QCborArray{uuidValue(id), key};
}

// A sealed box is 48 bytes plus the key (80), and the author's signature follows (64): 144.
// Some slack for future key sizes.
constexpr qsizetype MaxSealed = 192;

// The server stores at most this (migrations/0007_offline_lease.sql).
constexpr std::uint64_t MaxLeaseDays = 3650;

int leaseDays(Strict &s, const QCborValue &v)
{
    const std::uint64_t days = s.uint(v, "offlineLeaseDays");
    if (days > MaxLeaseDays) {
        s.fail("offlineLeaseDays", "is out of range");
        return 0;
    }
    return int(days);
}

} // namespace

// ---- encoding ------------------------------------------------------------------------------

QByteArray encode(const EnrolRequest &m)
{
    return finish({{1, m.code}, {2, m.deviceName}, {3, m.platform}});
}

QByteArray encode(const EnrolResponse &m)
{
    QCborMap body{{1, uuidValue(m.organisationId)},
                  {2, uuidValue(m.userId)},
                  {3, uuidValue(m.deviceId)},
                  {4, m.token},
                  {5, m.role},
                  {6, m.userHasKeys}};
    if (!m.userName.isEmpty())
        body.insert(7, m.userName);
    if (!m.organisationName.isEmpty())
        body.insert(8, m.organisationName);
    return finish(std::move(body));
}

QByteArray encode(const PublicKeys &m)
{
    return finish({{1, uuidValue(m.userId)}, {2, m.encryptionKey}, {3, m.signingKey}});
}

QByteArray encode(const KeyDirectory &m)
{
    QCborArray users;
    for (const DirectoryEntry &e : m.users)
        users.append(QCborArray{uuidValue(e.userId), e.role, e.encryptionKey, e.signingKey});
    QCborMap body{{1, users}};
    if (!m.supervisors.isEmpty()) {
        QCborArray supervisors;
        for (const Supervisor &v : m.supervisors)
            supervisors.append(QCborArray{uuidValue(v.userId), v.displayName});
        body.insert(2, supervisors);
    }
    if (!m.workers.isEmpty()) {
        QCborArray workers;
        QCborArray contacts;
        for (const Worker &v : m.workers) {
            workers.append(QCborArray{uuidValue(v.userId), v.displayName});
            if (v.lastContactMs > 0)
                contacts.append(QCborArray{uuidValue(v.userId), v.lastContactMs});
        }
        body.insert(3, workers);
        if (!contacts.isEmpty())
            body.insert(6, contacts);
    }
    encodeKeyRotations(m, body);
    return finish(std::move(body));
}

QByteArray encode(const KeyBackupMessage &m)
{
    return finish({{1, m.blob}});
}

QByteArray encode(const Ack &)
{
    return finish({});
}

QByteArray encode(const PushRequest &m)
{
    QCborArray audiences;
    for (const Audience &a : m.audiences) {
        QCborArray readers;
        for (const SealedKey &r : a.readers)
            readers.append(sealedKeyPair(r.userId, r.sealedKey));
        audiences.append(QCborMap{{1, uuidValue(a.id)}, {2, readers}});
    }
    QCborArray changes;
    for (const Change &c : m.changes)
        changes.append(changeMap(c));
    return finish({{1, uuidValue(m.deviceId)},
                   {2, qint64(m.sequence)},
                   {3, audiences},
                   {4, changes},
                   {5, m.signature}});
}

QByteArray encode(const PushResponse &m)
{
    QCborArray applied;
    for (std::uint64_t id : m.applied)
        applied.append(qint64(id));
    QCborArray rejected;
    for (const Rejection &r : m.rejected)
        rejected.append(QCborArray{qint64(r.changeId), r.reason});
    return finish({{1, qint64(m.sequence)}, {2, m.duplicate}, {3, applied}, {4, rejected}});
}

QByteArray encode(const PullResponse &m)
{
    QCborArray changes;
    for (const Change &c : m.changes)
        changes.append(changeMap(c));
    QCborArray grants;
    for (const AudienceGrant &g : m.audienceKeys)
        grants.append(sealedKeyPair(g.audienceId, g.sealedKey));
    QCborArray manifests;
    for (const Manifest &mf : m.manifests) {
        QCborArray digests;
        for (const QByteArray &d : mf.digests)
            digests.append(d);
        manifests.append(QCborMap{{1, uuidValue(mf.authorId)},
                                  {2, uuidValue(mf.deviceId)},
                                  {3, qint64(mf.sequence)},
                                  {4, digests},
                                  {5, mf.signature}});
    }
    QCborMap body{{1, changes}, {2, qint64(m.cursor)}, {3, m.more}, {4, grants}, {5, manifests}};
    if (m.horizon > 0)
        body.insert(6, qint64(m.horizon));
    if (m.offlineLeaseDays > 0)
        body.insert(7, m.offlineLeaseDays);
    if (!m.withdrawals.isEmpty()) {
        QCborArray withdrawals;
        for (const Withdrawal &w : m.withdrawals)
            withdrawals.append(QCborArray{uuidValue(w.recordId), qint64(w.seq)});
        body.insert(8, withdrawals);
    }
    return finish(std::move(body));
}

QByteArray encode(const DeviceStatus &m)
{
    QCborMap body{{1, m.status}, {2, m.destroyKeys}, {3, m.serverTimeMs}};
    if (m.offlineLeaseDays > 0)
        body.insert(4, m.offlineLeaseDays);
    if (!m.userName.isEmpty())
        body.insert(5, m.userName);
    if (!m.organisationName.isEmpty())
        body.insert(6, m.organisationName);
    if (!m.role.isEmpty())
        body.insert(7, m.role);
    return finish(std::move(body));
}

QByteArray encode(const DeviceName &m)
{
    return finish({{1, m.name}});
}

QByteArray encode(const ErrorBody &m)
{
    return finish({{1, m.code}, {2, m.message}});
}

QByteArray encode(const SyncRequest &m)
{
    QCborMap body{{1, qint64(m.since)}, {2, qint64(m.limit)}};
    if (m.horizon > 0)
        body.insert(3, qint64(m.horizon));
    if (!m.push.isEmpty())
        body.insert(4, m.push);
    return finish(std::move(body));
}

QByteArray encode(const SyncResponse &m)
{
    QCborMap body{{1, m.pull}};
    if (!m.push.isEmpty())
        body.insert(2, m.push);
    if (m.pushStatus != 0)
        body.insert(3, QCborArray{m.pushStatus, m.pushError.code, m.pushError.message});
    return finish(std::move(body));
}

// ---- decoding ------------------------------------------------------------------------------

Result<EnrolRequest> decodeEnrolRequest(QByteArrayView bytes)
{
    auto map = parse(bytes, 4096);
    if (!map)
        return map.error();
    Strict s;
    EnrolRequest m;
    m.code = s.text(s.required(*map, 1, "code"), "code");
    m.deviceName = s.text(s.required(*map, 2, "deviceName"), "deviceName");
    m.platform = s.text(s.required(*map, 3, "platform"), "platform");
    return done(s, m);
}

Result<EnrolResponse> decodeEnrolResponse(QByteArrayView bytes)
{
    auto map = parse(bytes, 4096);
    if (!map)
        return map.error();
    Strict s;
    EnrolResponse m;
    m.organisationId = s.uuid(s.required(*map, 1, "organisationId"), "organisationId");
    m.userId = s.uuid(s.required(*map, 2, "userId"), "userId");
    m.deviceId = s.uuid(s.required(*map, 3, "deviceId"), "deviceId");
    m.token = s.bytes(s.required(*map, 4, "token"), "token", 32, 32);
    m.role = s.text(s.required(*map, 5, "role"), "role");
    m.userHasKeys = s.boolean(s.required(*map, 6, "userHasKeys"), "userHasKeys");
    if (map->contains(7))
        m.userName = s.name(map->value(7), "userName", limits::MaxName);
    if (map->contains(8))
        m.organisationName = s.name(map->value(8), "organisationName", limits::MaxName);
    return done(s, m);
}

Result<PublicKeys> decodePublicKeys(QByteArrayView bytes)
{
    auto map = parse(bytes, 4096);
    if (!map)
        return map.error();
    Strict s;
    PublicKeys m;
    m.userId = s.uuid(s.required(*map, 1, "userId"), "userId");
    m.encryptionKey = s.bytes(s.required(*map, 2, "encryptionKey"), "encryptionKey", 32, 32);
    m.signingKey = s.bytes(s.required(*map, 3, "signingKey"), "signingKey", 32, 32);
    return done(s, m);
}

Result<KeyDirectory> decodeKeyDirectory(QByteArrayView bytes)
{
    auto map = parse(bytes);
    if (!map)
        return map.error();
    Strict s;
    KeyDirectory m;
    const QCborArray users = s.array(s.required(*map, 1, "users"), "users", 100000);
    for (const QCborValue &u : users) {
        const QCborArray a = s.array(u, "user", 4);
        if (!s.ok() || a.size() != 4) {
            s.fail("user", "is not [id, role, key, key]");
            break;
        }
        DirectoryEntry e;
        e.userId = s.uuid(a.at(0), "userId");
        e.role = s.text(a.at(1), "role");
        e.encryptionKey = s.bytes(a.at(2), "encryptionKey", 32, 32);
        e.signingKey = s.bytes(a.at(3), "signingKey", 32, 32);
        m.users.append(e);
    }
    if (map->contains(2)) {
        for (const QCborValue &v : s.array(map->value(2), "supervisors", 1000)) {
            const QCborArray a = s.array(v, "supervisor", 2);
            if (!s.ok() || a.size() != 2) {
                s.fail("supervisor", "is not [id, name]");
                break;
            }
            m.supervisors.append({s.uuid(a.at(0), "supervisorId"), s.text(a.at(1), "name")});
        }
    }
    if (map->contains(3)) {
        for (const QCborValue &v : s.array(map->value(3), "workers", 1000)) {
            const QCborArray a = s.array(v, "worker", 2);
            if (!s.ok() || a.size() != 2) {
                s.fail("worker", "is not [id, name]");
                break;
            }
            m.workers.append({s.uuid(a.at(0), "workerId"), s.text(a.at(1), "name")});
        }
    }
    if (map->contains(6)) {
        for (const QCborValue &v : s.array(map->value(6), "lastContacts", 1000)) {
            const QCborArray a = s.array(v, "lastContact", 2);
            if (!s.ok() || a.size() != 2 || !a.at(1).isInteger() || a.at(1).toInteger() <= 0) {
                s.fail("lastContact", "is not [workerId, ms]");
                break;
            }
            const QUuid worker = s.uuid(a.at(0), "workerId");
            for (Worker &w : m.workers)
                if (w.userId == worker)
                    w.lastContactMs = a.at(1).toInteger();
        }
    }
    decodeKeyRotations(s, *map, m);
    return done(s, m);
}

Result<KeyBackupMessage> decodeKeyBackup(QByteArrayView bytes)
{
    auto map = parse(bytes, limits::MaxKeyBackup + 64);
    if (!map)
        return map.error();
    Strict s;
    KeyBackupMessage m;
    m.blob = s.bytes(s.required(*map, 1, "blob"), "blob", limits::MaxKeyBackup);
    return done(s, m);
}

Result<Ack> decodeAck(QByteArrayView bytes)
{
    auto map = parse(bytes, 64);
    if (!map)
        return map.error();
    return Ack{};
}

Result<PushRequest> decodePushRequest(QByteArrayView bytes)
{
    auto map = parse(bytes);
    if (!map)
        return map.error();
    Strict s;
    PushRequest m;
    m.deviceId = s.uuid(s.required(*map, 1, "deviceId"), "deviceId");
    m.sequence = s.uint(s.required(*map, 2, "sequence"), "sequence");
    if (s.ok() && m.sequence == 0)
        s.fail("sequence", "must be at least 1");
    const QCborArray audiences =
        s.array(s.required(*map, 3, "audiences"), "audiences", limits::MaxAudiences);
    for (const QCborValue &v : audiences) {
        if (!s.ok())
            break;
        const QCborMap am = s.map(v, "audience");
        Audience a;
        a.id = s.uuid(s.required(am, 1, "audienceId"), "audienceId");
        const QCborArray readers =
            s.array(s.required(am, 2, "readers"), "readers", limits::MaxReaders);
        for (const QCborValue &r : readers) {
            const QCborArray pair = s.array(r, "reader", 2);
            if (!s.ok() || pair.size() != 2) {
                s.fail("reader", "is not [userId, sealedKey]");
                break;
            }
            a.readers.append(
                {s.uuid(pair.at(0), "reader"), s.bytes(pair.at(1), "sealedKey", MaxSealed)});
        }
        if (s.ok() && a.readers.isEmpty())
            s.fail("readers", "is empty");
        m.audiences.append(a);
    }
    const QCborArray changes =
        s.array(s.required(*map, 4, "changes"), "changes", limits::MaxChanges);
    m.changes.reserve(changes.size());
    for (const QCborValue &v : changes) {
        if (!s.ok())
            break;
        m.changes.append(readChange(s, v));
    }
    m.signature = s.bytes(s.required(*map, 5, "signature"), "signature", 64, 64);
    return done(s, m);
}

Result<PushResponse> decodePushResponse(QByteArrayView bytes)
{
    auto map = parse(bytes);
    if (!map)
        return map.error();
    Strict s;
    PushResponse m;
    m.sequence = s.uint(s.required(*map, 1, "sequence"), "sequence");
    m.duplicate = s.boolean(s.required(*map, 2, "duplicate"), "duplicate");
    for (const QCborValue &v :
         s.array(s.required(*map, 3, "applied"), "applied", limits::MaxChanges))
        m.applied.append(s.uint(v, "applied"));
    for (const QCborValue &v :
         s.array(s.required(*map, 4, "rejected"), "rejected", limits::MaxChanges)) {
        const QCborArray pair = s.array(v, "rejection", 2);
        if (!s.ok() || pair.size() != 2) {
            s.fail("rejection", "is not [changeId, reason]");
            break;
        }
        m.rejected.append({s.uint(pair.at(0), "rejection"), s.text(pair.at(1), "reason")});
    }
    return done(s, m);
}

Result<PullResponse> decodePullResponse(QByteArrayView bytes)
{
    auto map = parse(bytes, 4 * limits::MaxBody);
    if (!map)
        return map.error();
    Strict s;
    PullResponse m;
    const QCborArray changes = s.array(s.required(*map, 1, "changes"), "changes", limits::MaxPull);
    m.changes.reserve(changes.size());
    for (const QCborValue &v : changes) {
        if (!s.ok())
            break;
        m.changes.append(readChange(s, v));
    }
    m.cursor = s.uint(s.required(*map, 2, "cursor"), "cursor");
    m.more = s.boolean(s.required(*map, 3, "more"), "more");
    for (const QCborValue &v :
         s.array(s.required(*map, 4, "audienceKeys"), "audienceKeys", limits::MaxPull)) {
        const QCborArray pair = s.array(v, "audienceKey", 2);
        if (!s.ok() || pair.size() != 2) {
            s.fail("audienceKey", "is not [audienceId, sealedKey]");
            break;
        }
        m.audienceKeys.append(
            {s.uuid(pair.at(0), "audienceId"), s.bytes(pair.at(1), "sealedKey", MaxSealed)});
    }
    for (const QCborValue &v :
         s.array(s.required(*map, 5, "manifests"), "manifests", limits::MaxPull)) {
        if (!s.ok())
            break;
        const QCborMap mm = s.map(v, "manifest");
        Manifest mf;
        mf.authorId = s.uuid(s.required(mm, 1, "authorId"), "authorId");
        mf.deviceId = s.uuid(s.required(mm, 2, "deviceId"), "deviceId");
        mf.sequence = s.uint(s.required(mm, 3, "sequence"), "sequence");
        for (const QCborValue &d :
             s.array(s.required(mm, 4, "digests"), "digests", limits::MaxChanges))
            mf.digests.append(s.bytes(d, "digest", 32, 32));
        mf.signature = s.bytes(s.required(mm, 5, "signature"), "signature", 64, 64);
        m.manifests.append(mf);
    }
    for (const Change &c : m.changes)
        if (c.manifestIndex >= m.manifests.size())
            s.fail("manifest", "index is out of range");
    if (map->contains(6))
        m.horizon = s.uint(map->value(6), "horizon");
    if (map->contains(7))
        m.offlineLeaseDays = leaseDays(s, map->value(7));
    if (map->contains(8)) {
        for (const QCborValue &v : s.array(map->value(8), "withdrawals", limits::MaxPull * 10)) {
            const QCborArray pair = s.array(v, "withdrawal", 2);
            if (!s.ok() || pair.size() != 2) {
                s.fail("withdrawal", "is not [recordId, seq]");
                break;
            }
            m.withdrawals.append({s.uuid(pair.at(0), "recordId"), s.uint(pair.at(1), "seq")});
        }
    }
    return done(s, m);
}

Result<DeviceStatus> decodeDeviceStatus(QByteArrayView bytes)
{
    auto map = parse(bytes, 4096);
    if (!map)
        return map.error();
    Strict s;
    DeviceStatus m;
    m.status = s.text(s.required(*map, 1, "status"), "status");
    m.destroyKeys = s.boolean(s.required(*map, 2, "destroyKeys"), "destroyKeys");
    m.serverTimeMs = qint64(s.uint(s.required(*map, 3, "serverTimeMs"), "serverTimeMs"));
    if (map->contains(4))
        m.offlineLeaseDays = leaseDays(s, map->value(4));
    if (map->contains(5))
        m.userName = s.name(map->value(5), "userName", limits::MaxName);
    if (map->contains(6))
        m.organisationName = s.name(map->value(6), "organisationName", limits::MaxName);
    if (map->contains(7))
        m.role = s.name(map->value(7), "role", limits::MaxText);
    return done(s, m);
}

Result<DeviceName> decodeDeviceName(QByteArrayView bytes)
{
    auto map = parse(bytes, 4096);
    if (!map)
        return map.error();
    Strict s;
    DeviceName m;
    // Trimmed before the limit: spaces around a name are not part of it.
    const QCborValue name = s.required(*map, 1, "name");
    if (name.isString())
        m.name = s.name(QCborValue(name.toString().trimmed()), "name", limits::MaxDeviceName);
    else
        s.text(name, "name");
    return done(s, m);
}

bool isShowableName(const QString &name, qsizetype max)
{
    if (name.size() > max || name.trimmed().isEmpty())
        return false;
    return std::none_of(name.cbegin(), name.cend(),
                        [](QChar c) { return c.category() == QChar::Other_Control; });
}

Result<ErrorBody> decodeErrorBody(QByteArrayView bytes)
{
    auto map = parse(bytes, 4096);
    if (!map)
        return map.error();
    Strict s;
    ErrorBody m;
    m.code = s.text(s.required(*map, 1, "code"), "code");
    m.message = s.text(s.required(*map, 2, "message"), "message", 1000);
    return done(s, m);
}

Result<SyncRequest> decodeSyncRequest(QByteArrayView bytes)
{
    auto map = parse(bytes);
    if (!map)
        return map.error();
    Strict s;
    SyncRequest m;
    m.since = s.uint(s.required(*map, 1, "since"), "since");
    m.limit = s.uint(s.required(*map, 2, "limit"), "limit");
    if (s.ok() && m.limit == 0)
        s.fail("limit", "must be at least 1");
    if (map->contains(3))
        m.horizon = s.uint(map->value(3), "horizon");
    if (map->contains(4))
        m.push = s.bytes(map->value(4), "push", limits::MaxBody);
    return done(s, m);
}

Result<SyncResponse> decodeSyncResponse(QByteArrayView bytes)
{
    auto map = parse(bytes, 4 * limits::MaxBody + 1024);
    if (!map)
        return map.error();
    Strict s;
    SyncResponse m;
    m.pull = s.bytes(s.required(*map, 1, "pull"), "pull", 4 * limits::MaxBody);
    if (map->contains(2))
        m.push = s.bytes(map->value(2), "push", limits::MaxBody);
    if (map->contains(3)) {
        const QCborArray e = s.array(map->value(3), "pushError", 3);
        if (s.ok() && e.size() != 3)
            s.fail("pushError", "is not [status, code, message]");
        else if (s.ok()) {
            m.pushStatus = int(s.uint(e.at(0), "pushError"));
            m.pushError = {s.text(e.at(1), "pushError"), s.text(e.at(2), "pushError", 1000)};
            if (s.ok() && (m.pushStatus < 400 || m.pushStatus > 599))
                s.fail("pushError", "status is not an error");
        }
    }
    if (s.ok() && !m.push.isEmpty() && m.pushStatus != 0)
        s.fail("push", "is both applied and refused");
    return done(s, m);
}

QString serverErrorCode(const Error &e)
{
    if (e.field == QLatin1String("version"))
        return QStringLiteral("unsupported_version");
    if (e.field == QLatin1String("size"))
        return QStringLiteral("too_large");
    return QStringLiteral("malformed");
}

QByteArray changeDigestInput(const Change &c)
{
    return QCborValue(QCborArray{uuidValue(c.recordId), int(c.type), stampValue(c.stamp), c.deleted,
                                 uuidValue(c.audienceId), c.envelope})
        .toCbor();
}

QByteArray manifestBytes(const QUuid &organisationId, const QUuid &authorId, const QUuid &deviceId,
                         std::uint64_t sequence, const QList<QByteArray> &digests)
{
    QCborArray list;
    for (const QByteArray &d : digests)
        list.append(d);
    return QCborValue(QCborArray{QStringLiteral("wp-batch-v1"), uuidValue(organisationId),
                                 uuidValue(authorId), uuidValue(deviceId), qint64(sequence), list})
        .toCbor();
}

} // namespace wp::wire
