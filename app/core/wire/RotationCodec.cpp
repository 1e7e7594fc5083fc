// SPDX-License-Identifier: GPL-3.0-or-later
#include "RotationCodec.h"
#include "Codec.h"
#include "StrictReader.h"

namespace wp::wire {

namespace {

constexpr qsizetype KeyBytes = 32;
constexpr qsizetype SignatureBytes = 64;

QCborValue uuidValue(const QUuid &id)
{
    return QCborValue(id.toRfc4122());
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

std::uint32_t version(Strict &s, const QCborValue &v, const char *field)
{
    const std::uint64_t n = s.uint(v, field);
    if (s.ok() && (n == 0 || n > 0xffffffffu))
        s.fail(field, "is not a key version");
    return std::uint32_t(n);
}

QCborArray ownKeyState(const OwnKeyState &k)
{
    return QCborArray{qint64(k.keyVersion), k.rotationDue};
}

OwnKeyState readOwnKeyState(Strict &s, const QCborValue &v)
{
    const QCborArray a = s.array(v, "keyState", 2);
    if (!s.ok() || a.size() != 2) {
        s.fail("keyState", "is not [version, due]");
        return {};
    }
    return {version(s, a.at(0), "keyVersion"), s.boolean(a.at(1), "rotationDue")};
}

} // namespace

void encodeKeyRotations(const KeyDirectory &m, QCborMap &body)
{
    if (!m.chains.isEmpty()) {
        QCborArray chains;
        for (const KeyChain &c : m.chains) {
            QCborArray links;
            for (const KeyLinkEntry &l : c.links)
                links.append(
                    QCborArray{qint64(l.version), l.encryptionKey, l.signingKey, l.signature});
            chains.append(QCborArray{uuidValue(c.userId), links});
        }
        body.insert(4, chains);
    }
    if (m.ownKeys.told())
        body.insert(5, ownKeyState(m.ownKeys));
}

void decodeKeyRotations(Strict &s, const QCborMap &map, KeyDirectory &m)
{
    if (map.contains(4)) {
        for (const QCborValue &v : s.array(map.value(4), "chains", 100000)) {
            const QCborArray a = s.array(v, "chain", 2);
            if (!s.ok() || a.size() != 2) {
                s.fail("chain", "is not [id, links]");
                break;
            }
            KeyChain c{s.uuid(a.at(0), "userId"), {}};
            for (const QCborValue &l : s.array(a.at(1), "links", 1000)) {
                const QCborArray link = s.array(l, "link", 4);
                if (!s.ok() || link.size() != 4) {
                    s.fail("link", "is not [version, key, key, signature]");
                    break;
                }
                c.links.append({version(s, link.at(0), "keyVersion"),
                                s.bytes(link.at(1), "encryptionKey", KeyBytes, KeyBytes),
                                s.bytes(link.at(2), "signingKey", KeyBytes, KeyBytes),
                                s.bytes(link.at(3), "signature", SignatureBytes, SignatureBytes)});
            }
            m.chains.append(c);
        }
    }
    if (map.contains(5))
        m.ownKeys = readOwnKeyState(s, map.value(5));
}

QByteArray encode(const DeviceKey &m)
{
    return finish({{1, m.boxKey}, {2, qint64(m.keyVersion)}, {3, m.signature}});
}

QByteArray encode(const RotationState &m)
{
    QCborArray devices;
    for (const RotationDevice &d : m.devices)
        devices.append(
            QCborArray{uuidValue(d.deviceId), d.boxKey, d.signature, qint64(d.keyVersion)});
    QCborMap body{{1, qint64(m.keyVersion)}, {2, m.rotationDue}, {3, devices}};
    if (!m.bundle.isEmpty()) {
        body.insert(4, m.bundle);
        body.insert(5, uuidValue(m.rotatedBy));
    }
    return finish(std::move(body));
}

QByteArray encode(const Rotation &m)
{
    QCborArray bundles;
    for (const DeviceBundle &b : m.bundles)
        bundles.append(QCborArray{uuidValue(b.deviceId), b.bundle});
    return finish({{1, qint64(m.fromVersion)},
                   {2, m.encryptionKey},
                   {3, m.signingKey},
                   {4, m.continuity},
                   {5, bundles},
                   {6, m.keyBackup}});
}

Result<DeviceKey> decodeDeviceKey(QByteArrayView bytes)
{
    auto map = parse(bytes, 4096);
    if (!map)
        return map.error();
    Strict s;
    DeviceKey m;
    m.boxKey = s.bytes(s.required(*map, 1, "boxKey"), "boxKey", KeyBytes, KeyBytes);
    m.keyVersion = version(s, s.required(*map, 2, "keyVersion"), "keyVersion");
    m.signature =
        s.bytes(s.required(*map, 3, "signature"), "signature", SignatureBytes, SignatureBytes);
    return done(s, m);
}

Result<RotationState> decodeRotationState(QByteArrayView bytes)
{
    auto map = parse(bytes, 64 * 1024);
    if (!map)
        return map.error();
    Strict s;
    RotationState m;
    m.keyVersion = version(s, s.required(*map, 1, "keyVersion"), "keyVersion");
    m.rotationDue = s.boolean(s.required(*map, 2, "rotationDue"), "rotationDue");
    for (const QCborValue &v :
         s.array(s.required(*map, 3, "devices"), "devices", limits::MaxRotationDevices)) {
        const QCborArray a = s.array(v, "device", 4);
        if (!s.ok() || a.size() != 4) {
            s.fail("device", "is not [id, key, signature, version]");
            break;
        }
        m.devices.append({s.uuid(a.at(0), "deviceId"),
                          s.bytes(a.at(1), "boxKey", KeyBytes, KeyBytes),
                          s.bytes(a.at(2), "signature", SignatureBytes, SignatureBytes),
                          version(s, a.at(3), "keyVersion")});
    }
    if (map->contains(4)) {
        m.bundle = s.bytes(map->value(4), "bundle", limits::MaxBundle);
        m.rotatedBy = s.uuid(s.required(*map, 5, "rotatedBy"), "rotatedBy");
    }
    return done(s, m);
}

Result<Rotation> decodeRotation(QByteArrayView bytes)
{
    auto map = parse(bytes, 256 * 1024);
    if (!map)
        return map.error();
    Strict s;
    Rotation m;
    m.fromVersion = version(s, s.required(*map, 1, "fromVersion"), "fromVersion");
    m.encryptionKey =
        s.bytes(s.required(*map, 2, "x25519Public"), "x25519Public", KeyBytes, KeyBytes);
    m.signingKey =
        s.bytes(s.required(*map, 3, "ed25519Public"), "ed25519Public", KeyBytes, KeyBytes);
    m.continuity = s.bytes(s.required(*map, 4, "continuitySignature"), "continuitySignature",
                           SignatureBytes, SignatureBytes);
    for (const QCborValue &v :
         s.array(s.required(*map, 5, "bundles"), "bundles", limits::MaxRotationDevices)) {
        const QCborArray a = s.array(v, "bundle", 2);
        if (!s.ok() || a.size() != 2) {
            s.fail("bundle", "is not [id, bundle]");
            break;
        }
        m.bundles.append(
            {s.uuid(a.at(0), "deviceId"), s.bytes(a.at(1), "bundle", limits::MaxBundle)});
    }
    m.keyBackup = s.bytes(s.required(*map, 6, "keyBackup"), "keyBackup", limits::MaxKeyBackup);
    return done(s, m);
}

} // namespace wp::wire
