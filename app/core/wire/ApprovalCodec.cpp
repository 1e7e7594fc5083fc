// SPDX-License-Identifier: GPL-3.0-or-later
#include "ApprovalCodec.h"
#include "StrictReader.h"

#include <algorithm>
#include <initializer_list>

namespace wp::wire {

namespace {

constexpr qsizetype KeyBytes = 32;
constexpr qsizetype SealedBytes = 144; // 96 secret key bytes sealed
constexpr qsizetype SignatureBytes = 64;
constexpr qsizetype SmallMessage = 4096;

const QString Pending = QStringLiteral("pending");
const QString Approved = QStringLiteral("approved");

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

QString state(Strict &s, const QCborValue &v, std::initializer_list<QString> allowed)
{
    const QString text = s.text(v, "state");
    if (s.ok() && std::find(allowed.begin(), allowed.end(), text) == allowed.end())
        s.fail("state", "is not a known state");
    return text;
}

} // namespace

QByteArray encode(const ApprovalRequest &m)
{
    return finish({{1, m.requestKey}});
}

QByteArray encode(const ApprovalState &m)
{
    QCborMap body{{1, m.state}};
    if (m.state == Approved) {
        body.insert(2, uuidValue(m.approvedBy));
        body.insert(3, m.sealedKeys);
        body.insert(4, m.signature);
    }
    return finish(std::move(body));
}

QByteArray encode(const NewDevices &m)
{
    QCborArray list;
    for (const NewDevice &d : m.devices) {
        QCborMap entry{{1, uuidValue(d.deviceId)},
                       {2, d.name},
                       {3, d.platform},
                       {4, d.enrolledAtMs},
                       {5, d.state}};
        if (d.state == Pending)
            entry.insert(6, d.requestKey);
        if (d.state == Approved) {
            entry.insert(7, uuidValue(d.approvedBy));
            entry.insert(8, d.approvedAtMs);
        }
        list.append(entry);
    }
    return finish({{1, list}});
}

QByteArray encode(const Approval &m)
{
    return finish({{1, uuidValue(m.deviceId)}, {2, m.sealedKeys}, {3, m.signature}});
}

QByteArray encode(const Denial &m)
{
    return finish({{1, uuidValue(m.deviceId)}});
}

Result<ApprovalRequest> decodeApprovalRequest(QByteArrayView bytes)
{
    auto map = parse(bytes, SmallMessage);
    if (!map)
        return map.error();
    Strict s;
    ApprovalRequest m;
    m.requestKey = s.bytes(s.required(*map, 1, "requestKey"), "requestKey", KeyBytes, KeyBytes);
    return done(s, m);
}

Result<ApprovalState> decodeApprovalState(QByteArrayView bytes)
{
    auto map = parse(bytes, SmallMessage);
    if (!map)
        return map.error();
    Strict s;
    ApprovalState m;
    m.state = state(s, s.required(*map, 1, "state"), {QStringLiteral("none"), Pending, Approved});
    if (s.ok() && m.state == Approved) {
        m.approvedBy = s.uuid(s.required(*map, 2, "approvedBy"), "approvedBy");
        m.sealedKeys =
            s.bytes(s.required(*map, 3, "sealedKeys"), "sealedKeys", SealedBytes, SealedBytes);
        m.signature =
            s.bytes(s.required(*map, 4, "signature"), "signature", SignatureBytes, SignatureBytes);
    }
    return done(s, m);
}

Result<NewDevices> decodeNewDevices(QByteArrayView bytes)
{
    auto map = parse(bytes, 256 * 1024);
    if (!map)
        return map.error();
    Strict s;
    NewDevices m;
    const QCborArray list =
        s.array(s.required(*map, 1, "devices"), "devices", limits::MaxNewDevices);
    for (const QCborValue &v : list) {
        const QCborMap e = s.map(v, "device");
        if (!s.ok())
            break;
        NewDevice d;
        d.deviceId = s.uuid(s.required(e, 1, "deviceId"), "deviceId");
        d.name = s.text(s.required(e, 2, "name"), "name");
        d.platform = s.text(s.required(e, 3, "platform"), "platform");
        d.enrolledAtMs = qint64(s.uint(s.required(e, 4, "enrolledAtMs"), "enrolledAtMs"));
        d.state =
            state(s, s.required(e, 5, "state"), {Pending, Approved, QStringLiteral("unapproved")});
        if (s.ok() && d.state == Pending)
            d.requestKey =
                s.bytes(s.required(e, 6, "requestKey"), "requestKey", KeyBytes, KeyBytes);
        if (s.ok() && d.state == Approved) {
            d.approvedBy = s.uuid(s.required(e, 7, "approvedBy"), "approvedBy");
            d.approvedAtMs = qint64(s.uint(s.required(e, 8, "approvedAtMs"), "approvedAtMs"));
        }
        m.devices.append(d);
    }
    return done(s, m);
}

Result<Approval> decodeApproval(QByteArrayView bytes)
{
    auto map = parse(bytes, SmallMessage);
    if (!map)
        return map.error();
    Strict s;
    Approval m;
    m.deviceId = s.uuid(s.required(*map, 1, "deviceId"), "deviceId");
    m.sealedKeys =
        s.bytes(s.required(*map, 2, "sealedKeys"), "sealedKeys", SealedBytes, SealedBytes);
    m.signature =
        s.bytes(s.required(*map, 3, "signature"), "signature", SignatureBytes, SignatureBytes);
    return done(s, m);
}

Result<Denial> decodeDenial(QByteArrayView bytes)
{
    auto map = parse(bytes, SmallMessage);
    if (!map)
        return map.error();
    Strict s;
    Denial m;
    m.deviceId = s.uuid(s.required(*map, 1, "deviceId"), "deviceId");
    return done(s, m);
}

} // namespace wp::wire
