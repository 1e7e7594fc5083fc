// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The messages of key rotation after a revocation (docs/protocol.md, "Key rotation after a
// revocation"), as plain values; RotationCodec.h turns them into CBOR and back.

#include <QByteArray>
#include <QList>
#include <QUuid>

#include <cstdint>

namespace wp::wire {

// A device's own box key, signed by its user (PUT /v1/device/key).
struct DeviceKey
{
    QByteArray boxKey; // X25519, 32 bytes
    std::uint32_t keyVersion = 0;
    QByteArray signature; // Ed25519 by the user's key of that version, 64 bytes
};

// One of the user's devices a rotation seals the new keys to.
struct RotationDevice
{
    QUuid deviceId;
    QByteArray boxKey;
    QByteArray signature;
    std::uint32_t keyVersion = 0; // the version whose signing key signed the box key
};

// GET /v1/keys/rotation: where the caller's user's keys stand.
struct RotationState
{
    std::uint32_t keyVersion = 1;
    bool rotationDue = false;
    QList<RotationDevice> devices;
    QByteArray bundle; // the caller's, for the current version; empty when none
    QUuid rotatedBy;
};

// A new key bundle for one remaining device.
struct DeviceBundle
{
    QUuid deviceId;
    QByteArray bundle;
};

// POST /v1/keys/rotate.
struct Rotation
{
    std::uint32_t fromVersion = 0;
    QByteArray encryptionKey; // the new X25519 public key
    QByteArray signingKey;    // the new Ed25519 public key
    QByteArray continuity;    // signed by the old signing key
    QList<DeviceBundle> bundles;
    QByteArray keyBackup;
};

} // namespace wp::wire
