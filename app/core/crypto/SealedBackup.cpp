// SPDX-License-Identifier: GPL-3.0-or-later
// Key backup version 3 (docs/protocol.md, "Key rotation after a revocation"): the user's
// secret keys sealed to a key pair derived from the recovery key, so a device that rotates the
// keys can replace the backup without the recovery key, which only its holder has.

#include "KeyFingerprint.h"
#include "KeyRotation.h"
#include "Sodium.h"

#include <QCborArray>
#include <QCborValue>

#include <sodium.h>

#include <cstring>

namespace wp::crypto {

namespace {

const QString Tag = QStringLiteral("wp-keys-v3");
const QString TagV2 = QStringLiteral("wp-keys-v2");
constexpr char SignatureDomain[] = "waypoint key backup v3";
constexpr std::size_t SecretKeyBytes = crypto_box_SECRETKEYBYTES + crypto_sign_SECRETKEYBYTES;

const unsigned char *bytes(QByteArrayView v)
{
    return reinterpret_cast<const unsigned char *>(v.data());
}

struct Parts
{
    qint64 ops = 0, mem = 0;
    QByteArray salt, backupPublic, sealed, boxPublic, signingPublic, signature;

    QCborArray unsignedArray() const
    {
        return {Tag, ops, mem, salt, backupPublic, sealed, boxPublic, signingPublic};
    }
    QByteArray signedBytes(const QUuid &userId) const
    {
        return QByteArray(SignatureDomain) + userId.toRfc4122() +
               QCborValue(unsignedArray()).toCbor();
    }
    QByteArray encode() const
    {
        QCborArray a = unsignedArray();
        a.append(signature);
        return QCborValue(a).toCbor();
    }
};

Result<Parts> decode(QByteArrayView blob)
{
    const Error malformed(ErrorCode::Protocol, QStringLiteral("the key backup is malformed"));
    if (blob.size() > 4096)
        return malformed;
    QCborParserError err;
    const QCborValue v = QCborValue::fromCbor(blob.toByteArray(), &err);
    if (err.error != QCborError::NoError || !v.isArray())
        return malformed;
    const QCborArray a = v.toArray();
    if (a.size() != 9 || a.at(0).toString() != Tag || !a.at(1).isInteger() || !a.at(2).isInteger())
        return malformed;
    Parts p;
    p.ops = a.at(1).toInteger();
    p.mem = a.at(2).toInteger();
    if (p.ops < qint64(crypto_pwhash_OPSLIMIT_MIN) ||
        p.ops > qint64(4 * crypto_pwhash_OPSLIMIT_SENSITIVE) ||
        p.mem < qint64(crypto_pwhash_MEMLIMIT_MIN) || p.mem > qint64(1) << 30)
        return Error(ErrorCode::Protocol,
                     QStringLiteral("the key backup asks for an unreasonable cost"));
    p.salt = a.at(3).toByteArray();
    p.backupPublic = a.at(4).toByteArray();
    p.sealed = a.at(5).toByteArray();
    p.boxPublic = a.at(6).toByteArray();
    p.signingPublic = a.at(7).toByteArray();
    p.signature = a.at(8).toByteArray();
    if (p.salt.size() != crypto_pwhash_SALTBYTES ||
        p.backupPublic.size() != crypto_box_PUBLICKEYBYTES ||
        std::size_t(p.sealed.size()) != SecretKeyBytes + crypto_box_SEALBYTES ||
        p.boxPublic.size() != crypto_box_PUBLICKEYBYTES ||
        p.signingPublic.size() != crypto_sign_PUBLICKEYBYTES ||
        p.signature.size() != crypto_sign_BYTES)
        return malformed;
    return p;
}

bool signatureHolds(const Parts &p, const QUuid &userId, QByteArrayView signingPublic)
{
    const QByteArray message = p.signedBytes(userId);
    return signingPublic.size() == crypto_sign_PUBLICKEYBYTES &&
           crypto_sign_verify_detached(bytes(p.signature), bytes(message),
                                       std::size_t(message.size()), bytes(signingPublic)) == 0;
}

// Seals `keys` into `p` (same backup public key) and signs it with the keys' signing key.
void fill(Parts &p, const UserKeys &keys, const QUuid &userId)
{
    SecretBytes plain(SecretKeyBytes);
    std::memcpy(plain.data(), keys.encryptionSecret.data(), crypto_box_SECRETKEYBYTES);
    std::memcpy(plain.data() + crypto_box_SECRETKEYBYTES, keys.signingSecret.data(),
                crypto_sign_SECRETKEYBYTES);
    p.sealed = sealTo(plain, p.backupPublic);
    p.boxPublic = keys.encryptionPublic;
    p.signingPublic = keys.signingPublic;
    const QByteArray message = p.signedBytes(userId);
    p.signature.resize(crypto_sign_BYTES);
    crypto_sign_detached(reinterpret_cast<unsigned char *>(p.signature.data()), nullptr,
                         bytes(message), std::size_t(message.size()), keys.signingSecret.data());
}

// The backup key pair: Argon2id of the recovery key as the X25519 seed.
Result<DeviceBoxKey> backupKeyPair(const RecoveryKey &recoveryKey, QByteArrayView salt, qint64 ops,
                                   qint64 mem)
{
    const SecretBytes &secret = recoveryKey.secret();
    SecretBytes seed(crypto_box_SEEDBYTES);
    if (crypto_pwhash(seed.data(), seed.size(), reinterpret_cast<const char *>(secret.data()),
                      secret.size(), bytes(salt), std::uint64_t(ops), std::size_t(mem),
                      crypto_pwhash_ALG_ARGON2ID13) != 0)
        return Error(ErrorCode::Crypto,
                     QStringLiteral("this device could not set aside the %1 MiB of memory the "
                                    "key backup needs; close other apps and try again")
                         .arg(mem >> 20));
    DeviceBoxKey pair;
    pair.publicKey.resize(crypto_box_PUBLICKEYBYTES);
    pair.secretKey = SecretBytes(crypto_box_SECRETKEYBYTES);
    crypto_box_seed_keypair(reinterpret_cast<unsigned char *>(pair.publicKey.data()),
                            pair.secretKey.data(), seed.data());
    return pair;
}

} // namespace

int backupVersion(QByteArrayView blob)
{
    if (blob.size() > 4096)
        return 0;
    const QCborValue v = QCborValue::fromCbor(blob.toByteArray());
    const QString tag = v.toArray().at(0).toString();
    return tag == Tag ? 3 : tag == TagV2 ? 2 : 0;
}

Result<QByteArray> sealBackup(const UserKeys &keys, const QUuid &userId,
                              const RecoveryKey &recoveryKey, KeyBackupCost cost)
{
    ensureSodium();
    Parts p;
    p.ops = qint64(cost.opslimit);
    p.mem = qint64(cost.memlimit);
    p.salt.resize(crypto_pwhash_SALTBYTES);
    randombytes_buf(p.salt.data(), std::size_t(p.salt.size()));
    auto pair = backupKeyPair(recoveryKey, p.salt, p.ops, p.mem);
    if (!pair)
        return pair.error();
    p.backupPublic = pair->publicKey;
    fill(p, keys, userId);
    return p.encode();
}

Result<QByteArray> resealBackup(QByteArrayView current, QByteArrayView currentSigningPublic,
                                const UserKeys &newKeys, const QUuid &userId)
{
    ensureSodium();
    auto p = decode(current);
    if (!p)
        return Error(ErrorCode::Crypto,
                     QStringLiteral("the key backup cannot be resealed: make a new recovery key"));
    // Without the user's signature the backup public key could be the server's own.
    if (!signatureHolds(*p, userId, currentSigningPublic))
        return Error(ErrorCode::Crypto,
                     QStringLiteral("the key backup is not signed with your user's key"));
    fill(*p, newKeys, userId);
    return p->encode();
}

Result<UserKeys> openSealedBackup(QByteArrayView blob, const QUuid &userId,
                                  const RecoveryKey &recoveryKey)
{
    ensureSodium();
    auto p = decode(blob);
    if (!p)
        return p.error();
    const Error malformed(ErrorCode::Protocol, QStringLiteral("the key backup is malformed"));
    if (!signatureHolds(*p, userId, p->signingPublic))
        return malformed;
    auto pair = backupKeyPair(recoveryKey, p->salt, p->ops, p->mem);
    if (!pair)
        return pair.error();
    // A wrong recovery key derives another pair, which does not open the box.
    if (!sameKey(pair->publicKey, p->backupPublic))
        return Error(ErrorCode::WrongPin,
                     QStringLiteral("the recovery key does not open this key backup"));
    SecretBytes plain(SecretKeyBytes);
    if (crypto_box_seal_open(plain.data(), bytes(p->sealed), std::size_t(p->sealed.size()),
                             bytes(pair->publicKey), pair->secretKey.data()) != 0)
        return malformed;
    UserKeys k;
    k.encryptionSecret = SecretBytes(plain.data(), crypto_box_SECRETKEYBYTES);
    k.signingSecret =
        SecretBytes(plain.data() + crypto_box_SECRETKEYBYTES, crypto_sign_SECRETKEYBYTES);
    k.encryptionPublic.resize(crypto_box_PUBLICKEYBYTES);
    crypto_scalarmult_base(reinterpret_cast<unsigned char *>(k.encryptionPublic.data()),
                           k.encryptionSecret.data());
    k.signingPublic.resize(crypto_sign_PUBLICKEYBYTES);
    SecretBytes check(crypto_sign_SECRETKEYBYTES);
    crypto_sign_seed_keypair(reinterpret_cast<unsigned char *>(k.signingPublic.data()),
                             check.data(), k.signingSecret.data());
    if (!sameKey(k.encryptionPublic, p->boxPublic) || !sameKey(k.signingPublic, p->signingPublic) ||
        !k.signingSecret.equals(check))
        return malformed;
    return k;
}

} // namespace wp::crypto
