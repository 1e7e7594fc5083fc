// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A user's long-term keys (docs/protocol.md, "User keys"): X25519 to receive sealed audience
// keys, Ed25519 to sign batches. Made on the user's first device; the private halves leave a
// device only wrapped by Argon2id(recovery key) (RecoveryKey.h).

#include "RecoveryKey.h"
#include "Result.h"
#include "SecretBytes.h"

#include <QByteArray>

#include <QString>
#include <QStringView>
#include <QUuid>

#include <cstdint>

namespace wp::crypto {

struct UserKeys
{
    QByteArray encryptionPublic; // X25519, 32 bytes
    SecretBytes encryptionSecret;
    QByteArray signingPublic;  // Ed25519, 32 bytes
    SecretBytes signingSecret; // 64 bytes (libsodium's seed || public)

    static UserKeys generate();
    // Both public keys in digits two people compare in person (keyFingerprint).
    QString fingerprint() const;
};

// Argon2id cost, stored in the backup so it can be raised later without breaking old ones.
struct KeyBackupCost
{
    std::uint64_t opslimit = 0;
    std::size_t memlimit = 0;
    static KeyBackupCost sensitive(); // the default: libsodium's SENSITIVE, 1 GiB
    static KeyBackupCost minimal();   // tests only
};

// The backup blob uploaded with PUT /v1/keys/backup. Fails (Crypto) only when Argon2id cannot
// have the memory `cost` asks for: a phone short of 1 GiB is told so, not stopped.
Result<QByteArray> wrapKeys(const UserKeys &keys, const QUuid &userId,
                            const RecoveryKey &recoveryKey,
                            KeyBackupCost cost = KeyBackupCost::sensitive());
// WrongPin when the recovery key is wrong (or the blob belongs to another user), Protocol when
// the blob is malformed or asks for an unreasonable cost.
Result<UserKeys> unwrapKeys(QByteArrayView blob, const QUuid &userId,
                            const RecoveryKey &recoveryKey);

// crypto_box_seal of a symmetric key to a reader's X25519 public key.
QByteArray sealTo(const SecretBytes &key, QByteArrayView recipientPublic);
Result<SecretBytes> openSealed(QByteArrayView sealed, const UserKeys &keys);

} // namespace wp::crypto
