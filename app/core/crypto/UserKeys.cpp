// SPDX-License-Identifier: GPL-3.0-or-later
#include "UserKeys.h"

#include "KeyFingerprint.h"
#include "KeyRotation.h"
#include "Sodium.h"

#include <QCborArray>
#include <QCborValue>

#include <sodium.h>

#include <cstring>

namespace wp::crypto {

namespace {

// v2: the secret is a generated RecoveryKey's 160 bits (docs/protocol.md, "User keys").
const QString BackupTag = QStringLiteral("wp-keys-v2");

QByteArray associatedData(const QUuid &userId)
{
    return BackupTag.toLatin1() + userId.toRfc4122();
}

const unsigned char *bytes(QByteArrayView v)
{
    return reinterpret_cast<const unsigned char *>(v.data());
}

// Derives the wrapping key from the recovery key's raw bits.
Result<SecretBytes> wrappingKey(const RecoveryKey &recoveryKey, QByteArrayView salt,
                                KeyBackupCost cost)
{
    const SecretBytes &secret = recoveryKey.secret();
    SecretBytes key(crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
    const int rc = crypto_pwhash(
        key.data(), key.size(), reinterpret_cast<const char *>(secret.data()), secret.size(),
        bytes(salt), cost.opslimit, cost.memlimit, crypto_pwhash_ALG_ARGON2ID13);
    if (rc != 0)
        return Error(ErrorCode::Crypto,
                     QStringLiteral("this device could not set aside the %1 MiB of memory the "
                                    "key backup needs; close other apps and try again")
                         .arg(cost.memlimit >> 20));
    return key;
}

} // namespace

UserKeys UserKeys::generate()
{
    ensureSodium();
    UserKeys k;
    k.encryptionPublic.resize(crypto_box_PUBLICKEYBYTES);
    k.encryptionSecret = SecretBytes(crypto_box_SECRETKEYBYTES);
    crypto_box_keypair(reinterpret_cast<unsigned char *>(k.encryptionPublic.data()),
                       k.encryptionSecret.data());
    k.signingPublic.resize(crypto_sign_PUBLICKEYBYTES);
    k.signingSecret = SecretBytes(crypto_sign_SECRETKEYBYTES);
    crypto_sign_keypair(reinterpret_cast<unsigned char *>(k.signingPublic.data()),
                        k.signingSecret.data());
    return k;
}

QString UserKeys::fingerprint() const
{
    return keyFingerprint(signingPublic, encryptionPublic);
}

KeyBackupCost KeyBackupCost::sensitive()
{
    return {crypto_pwhash_OPSLIMIT_SENSITIVE, crypto_pwhash_MEMLIMIT_SENSITIVE};
}

KeyBackupCost KeyBackupCost::minimal()
{
    return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

Result<QByteArray> wrapKeys(const UserKeys &keys, const QUuid &userId,
                            const RecoveryKey &recoveryKey, KeyBackupCost cost)
{
    ensureSodium();
    QByteArray salt(crypto_pwhash_SALTBYTES, Qt::Uninitialized);
    randombytes_buf(salt.data(), std::size_t(salt.size()));
    QByteArray nonce(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, Qt::Uninitialized);
    randombytes_buf(nonce.data(), std::size_t(nonce.size()));
    auto key = wrappingKey(recoveryKey, salt, cost);
    if (!key)
        return key.error();

    SecretBytes plain(keys.encryptionSecret.size() + keys.signingSecret.size());
    std::memcpy(plain.data(), keys.encryptionSecret.data(), keys.encryptionSecret.size());
    std::memcpy(plain.data() + keys.encryptionSecret.size(), keys.signingSecret.data(),
                keys.signingSecret.size());
    const QByteArray ad = associatedData(userId);
    QByteArray cipher(qsizetype(plain.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES),
                      Qt::Uninitialized);
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        reinterpret_cast<unsigned char *>(cipher.data()), nullptr, plain.data(), plain.size(),
        bytes(ad), std::size_t(ad.size()), nullptr, bytes(nonce), key->data());
    // The public keys travel inside too, so a restored device needs nothing else.
    return QCborValue(QCborArray{BackupTag, qint64(cost.opslimit), qint64(cost.memlimit), salt,
                                 nonce, cipher, keys.encryptionPublic, keys.signingPublic})
        .toCbor();
}

Result<UserKeys> unwrapKeys(QByteArrayView blob, const QUuid &userId,
                            const RecoveryKey &recoveryKey)
{
    ensureSodium();
    if (backupVersion(blob) == 3)
        return openSealedBackup(blob, userId, recoveryKey);
    const Error malformed(ErrorCode::Protocol, QStringLiteral("the key backup is malformed"));
    if (blob.size() > 4096)
        return malformed;
    QCborParserError err;
    const QCborValue v = QCborValue::fromCbor(blob.toByteArray(), &err);
    if (err.error != QCborError::NoError || !v.isArray())
        return malformed;
    const QCborArray a = v.toArray();
    if (a.size() != 8 || a.at(0).toString() != BackupTag || !a.at(1).isInteger() ||
        !a.at(2).isInteger())
        return malformed;
    const qint64 ops = a.at(1).toInteger(), mem = a.at(2).toInteger();
    // A hostile server must not make a phone spin or run out of memory.
    if (ops < qint64(crypto_pwhash_OPSLIMIT_MIN) ||
        ops > qint64(4 * crypto_pwhash_OPSLIMIT_SENSITIVE) ||
        mem < qint64(crypto_pwhash_MEMLIMIT_MIN) || mem > qint64(1) << 30)
        return Error(ErrorCode::Protocol,
                     QStringLiteral("the key backup asks for an unreasonable cost"));
    const QByteArray salt = a.at(3).toByteArray(), nonce = a.at(4).toByteArray(),
                     cipher = a.at(5).toByteArray(), encPublic = a.at(6).toByteArray(),
                     signPublic = a.at(7).toByteArray();
    const std::size_t plainSize = crypto_box_SECRETKEYBYTES + crypto_sign_SECRETKEYBYTES;
    if (salt.size() != crypto_pwhash_SALTBYTES ||
        nonce.size() != crypto_aead_xchacha20poly1305_ietf_NPUBBYTES ||
        std::size_t(cipher.size()) != plainSize + crypto_aead_xchacha20poly1305_ietf_ABYTES ||
        encPublic.size() != crypto_box_PUBLICKEYBYTES ||
        signPublic.size() != crypto_sign_PUBLICKEYBYTES)
        return malformed;

    auto key = wrappingKey(recoveryKey, salt, {std::uint64_t(ops), std::size_t(mem)});
    if (!key)
        return key.error();
    SecretBytes plain(plainSize);
    const QByteArray ad = associatedData(userId);
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            plain.data(), nullptr, nullptr, bytes(cipher), std::size_t(cipher.size()), bytes(ad),
            std::size_t(ad.size()), bytes(nonce), key->data()) != 0)
        return Error(ErrorCode::WrongPin,
                     QStringLiteral("the recovery key does not open this key backup"));
    UserKeys k;
    k.encryptionPublic = encPublic;
    k.signingPublic = signPublic;
    k.encryptionSecret = SecretBytes(plain.data(), crypto_box_SECRETKEYBYTES);
    k.signingSecret =
        SecretBytes(plain.data() + crypto_box_SECRETKEYBYTES, crypto_sign_SECRETKEYBYTES);
    // The public halves must belong to the secret halves, or a tampered blob could pair our
    // secret key with someone else's public key.
    QByteArray derived(crypto_box_PUBLICKEYBYTES, Qt::Uninitialized);
    crypto_scalarmult_base(reinterpret_cast<unsigned char *>(derived.data()),
                           k.encryptionSecret.data());
    if (derived != encPublic ||
        std::memcmp(k.signingSecret.data() + 32, signPublic.constData(), 32) != 0)
        return malformed;
    return k;
}

QByteArray sealTo(const SecretBytes &key, QByteArrayView recipientPublic)
{
    ensureSodium();
    if (recipientPublic.size() != crypto_box_PUBLICKEYBYTES)
        return {};
    QByteArray out(qsizetype(key.size() + crypto_box_SEALBYTES), Qt::Uninitialized);
    crypto_box_seal(reinterpret_cast<unsigned char *>(out.data()), key.data(), key.size(),
                    bytes(recipientPublic));
    return out;
}

Result<SecretBytes> openSealed(QByteArrayView sealed, const UserKeys &keys)
{
    ensureSodium();
    if (std::size_t(sealed.size()) <= crypto_box_SEALBYTES ||
        keys.encryptionSecret.size() != crypto_box_SECRETKEYBYTES)
        return Error(ErrorCode::Crypto, QStringLiteral("the sealed key is malformed"));
    SecretBytes out(std::size_t(sealed.size()) - crypto_box_SEALBYTES);
    if (crypto_box_seal_open(out.data(), bytes(sealed), std::size_t(sealed.size()),
                             bytes(keys.encryptionPublic), keys.encryptionSecret.data()) != 0)
        return Error(ErrorCode::Crypto, QStringLiteral("the key was not sealed to this user"));
    return out;
}

} // namespace wp::crypto
