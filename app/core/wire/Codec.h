// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// CBOR encoding of the protocol messages (docs/protocol.md, "CBOR schemas").
// Decoding is strict and total: any input (malformed, truncated, oversize, wrong types,
// another version) gives a value or an ErrorCode::Protocol error, never a crash. For those
// errors Error::field names what was wrong: "version" (unsupported version), "size" (over a
// limit), or the offending key; serverErrorCode() maps that onto the wire error codes.

#include "Messages.h"
#include "Result.h"

namespace wp::wire {

QByteArray encode(const EnrolRequest &m);
QByteArray encode(const EnrolResponse &m);
QByteArray encode(const PublicKeys &m);
QByteArray encode(const KeyDirectory &m);
QByteArray encode(const KeyBackupMessage &m);
QByteArray encode(const Ack &m);
QByteArray encode(const PushRequest &m);
QByteArray encode(const PushResponse &m);
QByteArray encode(const PullResponse &m);
QByteArray encode(const DeviceStatus &m);
QByteArray encode(const DeviceName &m);
QByteArray encode(const ErrorBody &m);
QByteArray encode(const SyncRequest &m);
QByteArray encode(const SyncResponse &m);

Result<EnrolRequest> decodeEnrolRequest(QByteArrayView bytes);
Result<EnrolResponse> decodeEnrolResponse(QByteArrayView bytes);
Result<PublicKeys> decodePublicKeys(QByteArrayView bytes);
Result<KeyDirectory> decodeKeyDirectory(QByteArrayView bytes);
Result<KeyBackupMessage> decodeKeyBackup(QByteArrayView bytes);
Result<Ack> decodeAck(QByteArrayView bytes);
Result<PushRequest> decodePushRequest(QByteArrayView bytes);
Result<PushResponse> decodePushResponse(QByteArrayView bytes);
Result<PullResponse> decodePullResponse(QByteArrayView bytes);
Result<DeviceStatus> decodeDeviceStatus(QByteArrayView bytes);
// The name trimmed, and checked (isShowableName, limits::MaxDeviceName).
Result<DeviceName> decodeDeviceName(QByteArrayView bytes);
Result<ErrorBody> decodeErrorBody(QByteArrayView bytes);
Result<SyncRequest> decodeSyncRequest(QByteArrayView bytes);
Result<SyncResponse> decodeSyncResponse(QByteArrayView bytes);

// "malformed", "unsupported_version" or "too_large" for a decoding error.
QString serverErrorCode(const Error &decodingError);

// The bytes a change digest is computed over: CBOR [recordId, type, stamp, deleted,
// audienceId, envelope]. Deterministic (definite lengths, shortest integers).
QByteArray changeDigestInput(const Change &change);
// The bytes an author signs for a batch.
QByteArray manifestBytes(const QUuid &organisationId, const QUuid &authorId, const QUuid &deviceId,
                         std::uint64_t sequence, const QList<QByteArray> &digests);

} // namespace wp::wire
