// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// CBOR encoding of the approval messages (docs/protocol.md, "CBOR schemas"), strict and total
// like Codec.h.

#include "ApprovalMessages.h"
#include "Result.h"

namespace wp::wire {

namespace limits {
inline constexpr qsizetype MaxNewDevices = 100;
} // namespace limits

QByteArray encode(const ApprovalRequest &m);
QByteArray encode(const ApprovalState &m);
QByteArray encode(const NewDevices &m);
QByteArray encode(const Approval &m);
QByteArray encode(const Denial &m);

Result<ApprovalRequest> decodeApprovalRequest(QByteArrayView bytes);
Result<ApprovalState> decodeApprovalState(QByteArrayView bytes);
Result<NewDevices> decodeNewDevices(QByteArrayView bytes);
Result<Approval> decodeApproval(QByteArrayView bytes);
Result<Denial> decodeDenial(QByteArrayView bytes);

} // namespace wp::wire
