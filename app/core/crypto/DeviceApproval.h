// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Handing the user's keys to a new device of theirs that an existing device approved
// (docs/protocol.md, "Approval by an existing device"). The new device makes a key pair for
// its request alone; the approving device seals the user's secret keys to its public half
// and signs the sealed box, with both devices' ids bound in, with the user's signing key.
// The server holds only the sealed box.

#include "Result.h"
#include "SecretBytes.h"
#include "UserKeys.h"

#include <QByteArray>
#include <QString>
#include <QUuid>

namespace wp::crypto {

// The new device's X25519 key pair for one approval request.
struct RequestKeys
{
    QByteArray publicKey;  // 32 bytes
    SecretBytes secretKey; // 32 bytes

    static RequestKeys generate();
};

// A request key in six groups of five digits, for a person to compare on both devices.
QString requestFingerprint(QByteArrayView requestKey);
// Whether a fingerprint typed back matches `expected`: digits only, compared in constant time.
bool fingerprintMatches(const QString &typed, const QString &expected);

// What an approving device posts: the user's secret keys sealed to the request key, signed.
struct SealedApproval
{
    QByteArray sealedKeys; // crypto_box_seal of the 96 secret key bytes: 144 bytes
    QByteArray signature;  // Ed25519 by the user, 64 bytes
};

SealedApproval sealForDevice(const UserKeys &keys, const QUuid &userId, const QUuid &deviceId,
                             QByteArrayView requestKey);
// Whether `signature` is the user's over this approval (the server checks it before storing).
bool approvalSignatureHolds(QByteArrayView userSigningPublic, const QUuid &userId,
                            const QUuid &deviceId, QByteArrayView requestKey,
                            const SealedApproval &approval);
// The user's keys from an approval, on the new device. Crypto, with a message to show, when
// the signature is not the user's (tampered, or signed by another key), the box does not open
// with this request's key, or the keys inside are not the user's public keys.
Result<UserKeys> openApproval(const SealedApproval &approval, const QUuid &userId,
                              const QUuid &deviceId, const RequestKeys &request,
                              QByteArrayView userSigningPublic, QByteArrayView userBoxPublic);

} // namespace wp::crypto
