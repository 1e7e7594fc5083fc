// SPDX-License-Identifier: GPL-3.0-or-later
#include "KeyRotation.h"

#include "KeyFingerprint.h"
#include "Sodium.h"

#include <QtEndian>

#include <sodium.h>

#include <cstring>

namespace wp::crypto {

namespace {

constexpr char DeviceKeyDomain[] = "waypoint device key v1";
constexpr char ContinuityDomain[] = "waypoint key rotation v1";
constexpr char BundleDomain[] = "waypoint key bundle v1";
constexpr std::size_t UserSecretBytes = crypto_box_SECRETKEYBYTES + crypto_sign_SECRETKEYBYTES;
constexpr std::size_t AudienceBytes = 16 + 32;
// 32 readers at most per audience (docs/protocol.md, "Limits").
constexpr std::size_t MaxReaders = 32;

const unsigned char *bytes(QByteArrayView v)
{
    return reinterpret_cast<const unsigned char *>(v.data());
}

QByteArray bigEndian(std::uint32_t v)
{
    QByteArray out(4, Qt::Uninitialized);
    qToBigEndian(v, out.data());
    return out;
}

QByteArray sign(const SecretBytes &signingSecret, const QByteArray &message)
{
    QByteArray sig(crypto_sign_BYTES, Qt::Uninitialized);
    crypto_sign_detached(reinterpret_cast<unsigned char *>(sig.data()), nullptr, bytes(message),
                         std::size_t(message.size()), signingSecret.data());
    return sig;
}

bool verify(QByteArrayView signingPublic, const QByteArray &message, QByteArrayView signature)
{
    return signingPublic.size() == crypto_sign_PUBLICKEYBYTES &&
           signature.size() == crypto_sign_BYTES &&
           crypto_sign_verify_detached(bytes(signature), bytes(message),
                                       std::size_t(message.size()), bytes(signingPublic)) == 0;
}

QByteArray continuityMessage(const QUuid &userId, std::uint32_t version, QByteArrayView box,
                             QByteArrayView signing)
{
    return QByteArray(ContinuityDomain) + userId.toRfc4122() + bigEndian(version) +
           box.toByteArray() + signing.toByteArray();
}

QByteArray bundleMessage(const QUuid &userId, const QUuid &deviceId, std::uint32_t version,
                         QByteArrayView sealed)
{
    return QByteArray(BundleDomain) + userId.toRfc4122() + deviceId.toRfc4122() +
           bigEndian(version) + sealed.toByteArray();
}

Error refused(const char *why)
{
    return Error(ErrorCode::Crypto, QString::fromLatin1(why));
}

} // namespace

DeviceBoxKey DeviceBoxKey::generate()
{
    ensureSodium();
    DeviceBoxKey k;
    k.publicKey.resize(crypto_box_PUBLICKEYBYTES);
    k.secretKey = SecretBytes(crypto_box_SECRETKEYBYTES);
    crypto_box_keypair(reinterpret_cast<unsigned char *>(k.publicKey.data()), k.secretKey.data());
    return k;
}

QByteArray signDeviceKey(const UserKeys &keys, const QUuid &userId, const QUuid &deviceId,
                         QByteArrayView boxKey, std::uint32_t keyVersion)
{
    ensureSodium();
    return sign(keys.signingSecret, QByteArray(DeviceKeyDomain) + userId.toRfc4122() +
                                        deviceId.toRfc4122() + boxKey.toByteArray() +
                                        bigEndian(keyVersion));
}

bool deviceKeyHolds(QByteArrayView signingPublic, const QUuid &userId, const QUuid &deviceId,
                    QByteArrayView boxKey, std::uint32_t keyVersion, QByteArrayView signature)
{
    ensureSodium();
    if (boxKey.size() != crypto_box_PUBLICKEYBYTES)
        return false;
    return verify(signingPublic,
                  QByteArray(DeviceKeyDomain) + userId.toRfc4122() + deviceId.toRfc4122() +
                      boxKey.toByteArray() + bigEndian(keyVersion),
                  signature);
}

QByteArray signContinuity(const UserKeys &oldKeys, const QUuid &userId, std::uint32_t newVersion,
                          const UserKeys &newKeys)
{
    ensureSodium();
    return sign(
        oldKeys.signingSecret,
        continuityMessage(userId, newVersion, newKeys.encryptionPublic, newKeys.signingPublic));
}

bool continuityHolds(QByteArrayView oldSigningPublic, const QUuid &userId, std::uint32_t newVersion,
                     QByteArrayView newBoxPublic, QByteArrayView newSigningPublic,
                     QByteArrayView signature)
{
    ensureSodium();
    if (newBoxPublic.size() != crypto_box_PUBLICKEYBYTES ||
        newSigningPublic.size() != crypto_sign_PUBLICKEYBYTES)
        return false;
    return verify(oldSigningPublic,
                  continuityMessage(userId, newVersion, newBoxPublic, newSigningPublic), signature);
}

bool chainReaches(QByteArrayView pinnedSigning, QByteArrayView pinnedBox, const QUuid &userId,
                  const QList<KeyLink> &chain, QByteArrayView currentSigning,
                  QByteArrayView currentBox)
{
    QByteArray signing = pinnedSigning.toByteArray(), box = pinnedBox.toByteArray();
    for (const KeyLink &link : chain) {
        if (continuityHolds(signing, userId, link.version, link.boxPublic, link.signingPublic,
                            link.signature)) {
            signing = link.signingPublic;
            box = link.boxPublic;
        }
    }
    return sameKey(signing, currentSigning) && sameKey(box, currentBox);
}

QByteArray sealBundle(const KeyBundle &bundle, const QUuid &userId, const QUuid &deviceId,
                      std::uint32_t version, QByteArrayView deviceBoxPublic)
{
    ensureSodium();
    // A fixed layout rather than CBOR, so every copy of the secrets is a SecretBytes.
    const bool shared = !bundle.sharedAudience.isNull();
    const qsizetype readers =
        shared ? std::min<qsizetype>(bundle.sharedReaders.size(), MaxReaders) : 0;
    SecretBytes plain(UserSecretBytes + AudienceBytes + (shared ? AudienceBytes : 0) +
                      std::size_t(readers) * 16);
    unsigned char *p = plain.data();
    auto put = [&p](const void *src, std::size_t n) {
        std::memcpy(p, src, n);
        p += n;
    };
    put(bundle.keys.encryptionSecret.data(), crypto_box_SECRETKEYBYTES);
    put(bundle.keys.signingSecret.data(), crypto_sign_SECRETKEYBYTES);
    put(bundle.privateAudience.toRfc4122().constData(), 16);
    put(bundle.privateKey.data(), 32);
    if (shared) {
        put(bundle.sharedAudience.toRfc4122().constData(), 16);
        put(bundle.sharedKey.data(), 32);
        for (qsizetype i = 0; i < readers; ++i)
            put(bundle.sharedReaders[i].toRfc4122().constData(), 16);
    }
    const QByteArray sealed = sealTo(plain, deviceBoxPublic);
    return sealed +
           sign(bundle.keys.signingSecret, bundleMessage(userId, deviceId, version, sealed));
}

Result<KeyBundle> openBundle(QByteArrayView sealed, const QUuid &userId, const QUuid &deviceId,
                             std::uint32_t version, const DeviceBoxKey &deviceKey,
                             QByteArrayView newBoxPublic, QByteArrayView newSigningPublic)
{
    ensureSodium();
    const std::size_t least = crypto_box_SEALBYTES + UserSecretBytes + AudienceBytes;
    if (std::size_t(sealed.size()) < least + crypto_sign_BYTES || sealed.size() > 1024 ||
        deviceKey.secretKey.size() != crypto_box_SECRETKEYBYTES)
        return refused("the new keys for this device are malformed");
    const QByteArrayView box = sealed.first(sealed.size() - crypto_sign_BYTES);
    const QByteArrayView signature = sealed.last(crypto_sign_BYTES);
    if (!verify(newSigningPublic, bundleMessage(userId, deviceId, version, box), signature))
        return refused("the new keys are not signed by your user's new key");
    const std::size_t plainSize = std::size_t(box.size()) - crypto_box_SEALBYTES;
    const std::size_t rest = plainSize - UserSecretBytes - AudienceBytes;
    if (rest != 0 && (rest < AudienceBytes || (rest - AudienceBytes) % 16 != 0))
        return refused("the new keys for this device are malformed");
    SecretBytes plain(plainSize);
    if (crypto_box_seal_open(plain.data(), bytes(box), std::size_t(box.size()),
                             bytes(deviceKey.publicKey), deviceKey.secretKey.data()) != 0)
        return refused("the new keys do not open with this device's key");
    const unsigned char *p = plain.data();
    KeyBundle b;
    b.keys.encryptionSecret = SecretBytes(p, crypto_box_SECRETKEYBYTES);
    p += crypto_box_SECRETKEYBYTES;
    b.keys.signingSecret = SecretBytes(p, crypto_sign_SECRETKEYBYTES);
    p += crypto_sign_SECRETKEYBYTES;
    auto uuid = [&p] {
        const QUuid id = QUuid::fromRfc4122(QByteArrayView(reinterpret_cast<const char *>(p), 16));
        p += 16;
        return id;
    };
    b.privateAudience = uuid();
    b.privateKey = SecretBytes(p, 32);
    p += 32;
    if (rest != 0) {
        b.sharedAudience = uuid();
        b.sharedKey = SecretBytes(p, 32);
        p += 32;
        for (std::size_t i = 0; i < (rest - AudienceBytes) / 16; ++i)
            b.sharedReaders.append(uuid());
    }
    b.keys.encryptionPublic.resize(crypto_box_PUBLICKEYBYTES);
    crypto_scalarmult_base(reinterpret_cast<unsigned char *>(b.keys.encryptionPublic.data()),
                           b.keys.encryptionSecret.data());
    // The public half is derived from the seed, not read from the secret key's tail, which a
    // sealer could set to anything.
    b.keys.signingPublic.resize(crypto_sign_PUBLICKEYBYTES);
    SecretBytes check(crypto_sign_SECRETKEYBYTES);
    crypto_sign_seed_keypair(reinterpret_cast<unsigned char *>(b.keys.signingPublic.data()),
                             check.data(), b.keys.signingSecret.data());
    if (!sameKey(b.keys.encryptionPublic, newBoxPublic) ||
        !sameKey(b.keys.signingPublic, newSigningPublic) || !b.keys.signingSecret.equals(check))
        return refused("the new keys are not your user's new public keys");
    return b;
}

} // namespace wp::crypto
