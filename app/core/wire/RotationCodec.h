// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// CBOR encoding of the key rotation messages (docs/protocol.md, "CBOR schemas"), strict and
// total like Codec.h.

#include "Result.h"
#include "RotationMessages.h"

namespace wp::wire {

namespace limits {
inline constexpr qsizetype MaxBundle = 1024;
inline constexpr qsizetype MaxRotationDevices = 100;
} // namespace limits

QByteArray encode(const DeviceKey &m);
QByteArray encode(const RotationState &m);
QByteArray encode(const Rotation &m);

Result<DeviceKey> decodeDeviceKey(QByteArrayView bytes);
Result<RotationState> decodeRotationState(QByteArrayView bytes);
Result<Rotation> decodeRotation(QByteArrayView bytes);

} // namespace wp::wire
