// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Rotating a user's keys after one of their devices is revoked (docs/protocol.md, "Key
// rotation after a revocation"): the old signing key signs the new public keys (key
// continuity, which peers follow without a person confirming), each remaining device gets
// the new secret keys sealed to its own box key, and each device's box key is signed by the
// user so a server cannot slip in one of its own.

#include "Result.h"
#include "SecretBytes.h"
#include "UserKeys.h"

#include <QByteArray>
#include <QList>
#include <QUuid>

#include <cstdint>

namespace wp::crypto {

// A device's own X25519 key pair, the one a rotation seals the user's new keys to.
struct DeviceBoxKey
{
    QByteArray publicKey;  // 32 bytes
    SecretBytes secretKey; // 32 bytes

    static DeviceBoxKey generate();
};

// The user's signature over a device's box key at a key version (PUT /v1/device/key).
QByteArray signDeviceKey(const UserKeys &keys, const QUuid &userId, const QUuid &deviceId,
                         QByteArrayView boxKey, std::uint32_t keyVersion);
bool deviceKeyHolds(QByteArrayView signingPublic, const QUuid &userId, const QUuid &deviceId,
                    QByteArrayView boxKey, std::uint32_t keyVersion, QByteArrayView signature);

// The old signing key's signature over the next version's public keys.
QByteArray signContinuity(const UserKeys &oldKeys, const QUuid &userId, std::uint32_t newVersion,
                          const UserKeys &newKeys);
bool continuityHolds(QByteArrayView oldSigningPublic, const QUuid &userId, std::uint32_t newVersion,
                     QByteArrayView newBoxPublic, QByteArrayView newSigningPublic,
                     QByteArrayView signature);

// One step of a user's rotation history, as the key directory lists it.
struct KeyLink
{
    std::uint32_t version = 0;
    QByteArray boxPublic;
    QByteArray signingPublic;
    QByteArray signature; // by the previous version's signing key
};

// Whether the chain, walked from the pinned keys, reaches `current`: each link whose
// signature verifies with the signing key reached so far moves on to that link's keys.
bool chainReaches(QByteArrayView pinnedSigning, QByteArrayView pinnedBox, const QUuid &userId,
                  const QList<KeyLink> &chain, QByteArrayView currentSigning,
                  QByteArrayView currentBox);

// What a remaining device receives: the new user keys and the new audiences.
struct KeyBundle
{
    UserKeys keys;
    QUuid privateAudience;
    SecretBytes privateKey; // 32 bytes
    QUuid sharedAudience;   // null when the user shares nothing
    SecretBytes sharedKey;
    QList<QUuid> sharedReaders;
};

// Sealed to the device's box key, then signed by the bundle's (new) signing key.
QByteArray sealBundle(const KeyBundle &bundle, const QUuid &userId, const QUuid &deviceId,
                      std::uint32_t version, QByteArrayView deviceBoxPublic);
// Crypto when the signature is not the new key's, the box does not open with this device's
// key, or the keys inside are not `newBoxPublic` / `newSigningPublic`.
Result<KeyBundle> openBundle(QByteArrayView sealed, const QUuid &userId, const QUuid &deviceId,
                             std::uint32_t version, const DeviceBoxKey &deviceKey,
                             QByteArrayView newBoxPublic, QByteArrayView newSigningPublic);

// Key backup version 3: sealed to a key pair derived from the recovery key, signed by the
// user. Crypto when Argon2id cannot have its memory.
Result<QByteArray> sealBackup(const UserKeys &keys, const QUuid &userId,
                              const RecoveryKey &recoveryKey,
                              KeyBackupCost cost = KeyBackupCost::sensitive());
// The same backup public key, salt and cost, holding `newKeys`, from a device that does not
// know the recovery key. Crypto when `current` is not a version 3 backup signed by
// `currentSigningPublic` (a version 2 backup cannot be resealed: make a new recovery key).
Result<QByteArray> resealBackup(QByteArrayView current, QByteArrayView currentSigningPublic,
                                const UserKeys &newKeys, const QUuid &userId);
// Opens a version 3 backup (unwrapKeys reads both versions).
Result<UserKeys> openSealedBackup(QByteArrayView blob, const QUuid &userId,
                                  const RecoveryKey &recoveryKey);
// 2 or 3 for a backup of that layout, 0 otherwise.
int backupVersion(QByteArrayView blob);

} // namespace wp::crypto
