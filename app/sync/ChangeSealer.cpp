// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChangeSealer.h"

#include "crypto/Envelope.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>

namespace wp::sync {

wire::Change ChangeSealer::seal(const OutboxEntry &entry, const QUuid &audienceId,
                                const SecretBytes &audienceKey)
{
    const RecordChange &rc = entry.change;
    wire::Change c;
    c.changeId = std::uint64_t(entry.seq);
    c.recordId = rc.recordId;
    c.type = rc.type;
    c.stamp = rc.stamp;
    c.deleted = rc.deleted;
    c.audienceId = audienceId;
    if (!rc.deleted) {
        // Only stamps that differ from the change's own: usually none, which keeps a record's
        // overhead on the wire small.
        QCborMap stamps;
        for (auto it = rc.stamps.cbegin(); it != rc.stamps.cend(); ++it)
            if (*it != rc.stamp)
                stamps.insert(it.key(), QCborArray{qint64(it->physicalMs), qint64(it->counter),
                                                   it->device.toRfc4122()});
        const QByteArray plain = QCborValue(QCborMap{{1, rc.fields}, {2, stamps}}).toCbor();
        c.envelope = crypto::sealRecord(audienceKey, c.recordId, c.type, c.stamp, plain);
    }
    return c;
}

Result<RecordChange> ChangeSealer::open(const wire::Change &c, const SecretBytes &audienceKey)
{
    RecordChange rc;
    rc.recordId = c.recordId;
    rc.type = c.type;
    rc.stamp = c.stamp;
    rc.deleted = c.deleted;
    rc.serverSeq = c.seq;
    rc.author = c.authorId;
    rc.audience = c.audienceId;
    if (c.deleted)
        return rc;
    auto plain = crypto::openRecord(audienceKey, c.recordId, c.type, c.stamp, c.envelope);
    if (!plain)
        return plain.error();
    const Error malformed(ErrorCode::Protocol, QStringLiteral("a pulled record is malformed"));
    QCborParserError err;
    const QCborValue v = QCborValue::fromCbor(*plain, &err);
    if (err.error != QCborError::NoError || !v.isMap())
        return malformed;
    const QCborMap m = v.toMap();
    if (!m.value(1).isMap() || !m.value(2).isMap())
        return malformed;
    rc.fields = m.value(1).toMap();
    for (auto it = rc.fields.constBegin(); it != rc.fields.constEnd(); ++it)
        rc.stamps.insert(it.key().toString(), c.stamp);
    const QCborMap stamps = m.value(2).toMap();
    for (auto it = stamps.constBegin(); it != stamps.constEnd(); ++it) {
        const QCborArray a = it.value().toArray();
        if (!it.key().isString() || a.size() != 3 || !a.at(0).isInteger() || !a.at(1).isInteger() ||
            a.at(2).toByteArray().size() != 16)
            return malformed;
        rc.stamps.insert(it.key().toString(),
                         HlcStamp{a.at(0).toInteger(), std::uint32_t(a.at(1).toInteger()),
                                  QUuid::fromRfc4122(a.at(2).toByteArray())});
    }
    return rc;
}

} // namespace wp::sync
