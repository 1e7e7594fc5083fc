// SPDX-License-Identifier: GPL-3.0-or-later
#include "StrictReader.h"

#include <QCborStreamReader>

namespace wp::wire {

namespace {
// As deep as QCborValue::fromCbor reads: messages nest a few levels.
constexpr int MaxNesting = 1024;
} // namespace

Result<QCborMap> parse(QByteArrayView bytes, qsizetype max)
{
    if (bytes.size() > max)
        return Error(ErrorCode::Protocol, QStringLiteral("message is over the size limit"),
                     QStringLiteral("size"));
    const QByteArray data = bytes.toByteArray();
    // QCborValue::fromCbor reserves room for the elements a container declares (up to 1 MiB a
    // container) before it reads them, so a few bytes opening nested containers that never
    // come would cost a large allocation per level. Walking the items with a stream reader
    // allocates nothing beyond the strings present: only complete, well-formed CBOR reaches
    // fromCbor, whose containers then hold at most what the message carries.
    QCborStreamReader reader(data);
    while (reader.lastError() == QCborError::NoError && reader.hasNext())
        reader.next(MaxNesting);
    if (reader.lastError() != QCborError::NoError)
        return Error(ErrorCode::Protocol,
                     QStringLiteral("malformed message: %1").arg(reader.lastError().toString()),
                     QStringLiteral("cbor"));
    QCborParserError err;
    const QCborValue value = QCborValue::fromCbor(data, &err);
    if (err.error != QCborError::NoError)
        return Error(ErrorCode::Protocol,
                     QStringLiteral("malformed message: %1").arg(err.errorString()),
                     QStringLiteral("cbor"));
    if (err.offset != data.size())
        return Error(ErrorCode::Protocol, QStringLiteral("malformed message: trailing bytes"),
                     QStringLiteral("cbor"));
    if (!value.isMap())
        return Error(ErrorCode::Protocol, QStringLiteral("malformed message: not a map"),
                     QStringLiteral("cbor"));
    const QCborMap map = value.toMap();
    const QCborValue version = map.value(0);
    if (!version.isInteger())
        return Error(ErrorCode::Protocol, QStringLiteral("malformed message: no version"),
                     QStringLiteral("version"));
    if (version.toInteger() != Version)
        return Error(ErrorCode::Protocol,
                     QStringLiteral("unsupported protocol version %1").arg(version.toInteger()),
                     QStringLiteral("version"));
    return map;
}

} // namespace wp::wire
