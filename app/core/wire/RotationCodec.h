// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// CBOR encoding of the key rotation messages (docs/protocol.md, "CBOR schemas"), strict and
// total like Codec.h.

#include "Messages.h"
#include "Result.h"
#include "RotationMessages.h"

#include <QCborMap>

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

class Strict;
// KeyDirectory keys 4 and 5 (the chains of rotations, the caller's key state), for Codec.cpp.
void encodeKeyRotations(const KeyDirectory &m, QCborMap &body);
void decodeKeyRotations(Strict &s, const QCborMap &map, KeyDirectory &m);

} // namespace wp::wire
