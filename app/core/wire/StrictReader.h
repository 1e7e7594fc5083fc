// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reading a received message strictly: parse() admits one complete top-level CBOR map of the
// supported version, and Strict reads its values by the schema, remembering the first
// problem. Used by the codec's decoders (Codec.cpp).

#include "Messages.h"
#include "Result.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>

namespace wp::wire {

// Parses one top-level message: a single CBOR map of the supported version, nothing after it.
Result<QCborMap> parse(QByteArrayView bytes, qsizetype max = limits::MaxBody);

// Reads values of a decoded message, remembering the first problem. Accessors return a
// harmless default after a failure so decoders read straight through and check once.
class Strict
{
public:
    bool ok() const { return m_error.isEmpty(); }
    Error error() const
    {
        return Error(ErrorCode::Protocol, QStringLiteral("malformed message: %1").arg(m_error),
                     m_field);
    }

    void fail(const char *field, const char *why)
    {
        if (!ok())
            return;
        m_field = QString::fromLatin1(field);
        m_error = QStringLiteral("%1 %2").arg(m_field, QString::fromLatin1(why));
    }
    void failSize(const char *field)
    {
        if (!ok())
            return;
        fail(field, "is over the limit");
        m_field = QStringLiteral("size");
    }

    QCborValue required(const QCborMap &m, int key, const char *field)
    {
        const QCborValue v = m.value(key);
        if (v.isUndefined())
            fail(field, "is missing");
        return v;
    }

    QUuid uuid(const QCborValue &v, const char *field)
    {
        if (!v.isByteArray() || v.toByteArray().size() != 16) {
            fail(field, "is not a 16-byte id");
            return {};
        }
        return QUuid::fromRfc4122(v.toByteArray());
    }
    QByteArray bytes(const QCborValue &v, const char *field, qsizetype max, qsizetype exact = -1)
    {
        if (!v.isByteArray()) {
            fail(field, "is not a byte string");
            return {};
        }
        QByteArray b = v.toByteArray();
        if (b.size() > max) {
            failSize(field);
            return {};
        }
        if (exact >= 0 && b.size() != exact) {
            fail(field, "has the wrong length");
            return {};
        }
        return b;
    }
    QString text(const QCborValue &v, const char *field, qsizetype max = limits::MaxText)
    {
        if (!v.isString()) {
            fail(field, "is not text");
            return {};
        }
        QString s = v.toString();
        if (s.size() > max) {
            failSize(field);
            return {};
        }
        return s;
    }
    // Text shown to people (isShowableName).
    QString name(const QCborValue &v, const char *field, qsizetype max)
    {
        QString s = text(v, field, max);
        if (ok() && !isShowableName(s, max)) {
            fail(field, "is blank or holds a control character");
            return {};
        }
        return s;
    }
    std::uint64_t uint(const QCborValue &v, const char *field)
    {
        if (!v.isInteger() || v.toInteger() < 0) {
            fail(field, "is not an unsigned integer");
            return 0;
        }
        return std::uint64_t(v.toInteger());
    }
    bool boolean(const QCborValue &v, const char *field)
    {
        if (!v.isBool()) {
            fail(field, "is not a boolean");
            return false;
        }
        return v.toBool();
    }
    QCborArray array(const QCborValue &v, const char *field, qsizetype max)
    {
        if (!v.isArray()) {
            fail(field, "is not an array");
            return {};
        }
        QCborArray a = v.toArray();
        if (a.size() > max) {
            failSize(field);
            return {};
        }
        return a;
    }
    QCborMap map(const QCborValue &v, const char *field)
    {
        if (!v.isMap()) {
            fail(field, "is not a map");
            return {};
        }
        return v.toMap();
    }
    HlcStamp stamp(const QCborValue &v, const char *field)
    {
        const QCborArray a = array(v, field, 3);
        if (!ok())
            return {};
        if (a.size() != 3) {
            fail(field, "is not [ms, counter, device]");
            return {};
        }
        HlcStamp s;
        s.physicalMs = qint64(uint(a.at(0), field));
        const std::uint64_t counter = uint(a.at(1), field);
        if (counter > 0xffffffffu)
            fail(field, "counter is out of range");
        s.counter = std::uint32_t(counter);
        s.device = uuid(a.at(2), field);
        return s;
    }
    RecordType recordType(const QCborValue &v, const char *field)
    {
        const std::uint64_t t = uint(v, field);
        if (t >= Vocabulary<RecordType>::entries.size()) {
            fail(field, "is not a known record type");
            return RecordType::Participant;
        }
        return RecordType(t);
    }

private:
    QString m_error;
    QString m_field;
};

} // namespace wp::wire
