// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeviceApproval.h"

#include "KeyFingerprint.h"
#include "Sodium.h"

#include <QStringList>

#include <sodium.h>

#include <cstring>

namespace wp::crypto {

namespace {

constexpr char FingerprintDomain[] = "waypoint device request v1";
constexpr char SignatureDomain[] = "waypoint device approval v1";
constexpr std::size_t SecretKeyBytes = crypto_box_SECRETKEYBYTES + crypto_sign_SECRETKEYBYTES;

const unsigned char *bytes(QByteArrayView v)
{
    return reinterpret_cast<const unsigned char *>(v.data());
}

QByteArray signedBytes(const QUuid &userId, const QUuid &deviceId, QByteArrayView requestKey,
                       QByteArrayView sealed)
{
    return QByteArray(SignatureDomain) + userId.toRfc4122() + deviceId.toRfc4122() +
           requestKey.toByteArray() + sealed.toByteArray();
}

QString digitsOf(const QString &text)
{
    QString out;
    for (const QChar ch : text)
        if (ch >= u'0' && ch <= u'9')
            out.append(ch);
    return out;
}

Error refused(const char *why)
{
    return Error(ErrorCode::Crypto, QString::fromLatin1(why));
}

} // namespace

RequestKeys RequestKeys::generate()
{
    ensureSodium();
    RequestKeys k;
    k.publicKey.resize(crypto_box_PUBLICKEYBYTES);
    k.secretKey = SecretBytes(crypto_box_SECRETKEYBYTES);
    crypto_box_keypair(reinterpret_cast<unsigned char *>(k.publicKey.data()), k.secretKey.data());
    return k;
}

QString requestFingerprint(QByteArrayView requestKey)
{
    return digitFingerprint(FingerprintDomain, {requestKey});
}

bool fingerprintMatches(const QString &typed, const QString &expected)
{
    const QByteArray a = digitsOf(typed).toLatin1(), b = digitsOf(expected).toLatin1();
    return !b.isEmpty() && sameKey(a, b);
}

SealedApproval sealForDevice(const UserKeys &keys, const QUuid &userId, const QUuid &deviceId,
                             QByteArrayView requestKey)
{
    ensureSodium();
    SecretBytes plain(SecretKeyBytes);
    std::memcpy(plain.data(), keys.encryptionSecret.data(), crypto_box_SECRETKEYBYTES);
    std::memcpy(plain.data() + crypto_box_SECRETKEYBYTES, keys.signingSecret.data(),
                crypto_sign_SECRETKEYBYTES);
    SealedApproval out;
    out.sealedKeys = sealTo(plain, requestKey);
    const QByteArray message = signedBytes(userId, deviceId, requestKey, out.sealedKeys);
    out.signature.resize(crypto_sign_BYTES);
    crypto_sign_detached(reinterpret_cast<unsigned char *>(out.signature.data()), nullptr,
                         bytes(message), std::size_t(message.size()), keys.signingSecret.data());
    return out;
}

bool approvalSignatureHolds(QByteArrayView userSigningPublic, const QUuid &userId,
                            const QUuid &deviceId, QByteArrayView requestKey,
                            const SealedApproval &approval)
{
    ensureSodium();
    if (userSigningPublic.size() != crypto_sign_PUBLICKEYBYTES ||
        approval.signature.size() != crypto_sign_BYTES)
        return false;
    const QByteArray message = signedBytes(userId, deviceId, requestKey, approval.sealedKeys);
    return crypto_sign_verify_detached(bytes(approval.signature), bytes(message),
                                       std::size_t(message.size()), bytes(userSigningPublic)) == 0;
}

Result<UserKeys> openApproval(const SealedApproval &approval, const QUuid &userId,
                              const QUuid &deviceId, const RequestKeys &request,
                              QByteArrayView userSigningPublic, QByteArrayView userBoxPublic)
{
    ensureSodium();
    if (!approvalSignatureHolds(userSigningPublic, userId, deviceId, request.publicKey, approval))
        return refused("the approval is not signed with your keys; it was changed on the way "
                       "or made by someone else");
    if (std::size_t(approval.sealedKeys.size()) != SecretKeyBytes + crypto_box_SEALBYTES ||
        request.secretKey.size() != crypto_box_SECRETKEYBYTES)
        return refused("the approval is malformed");
    SecretBytes plain(SecretKeyBytes);
    if (crypto_box_seal_open(plain.data(), bytes(approval.sealedKeys),
                             std::size_t(approval.sealedKeys.size()), bytes(request.publicKey),
                             request.secretKey.data()) != 0)
        return refused("the approval does not open with this device's request key");
    UserKeys k;
    k.encryptionSecret = SecretBytes(plain.data(), crypto_box_SECRETKEYBYTES);
    k.signingSecret =
        SecretBytes(plain.data() + crypto_box_SECRETKEYBYTES, crypto_sign_SECRETKEYBYTES);
    k.encryptionPublic.resize(crypto_box_PUBLICKEYBYTES);
    crypto_scalarmult_base(reinterpret_cast<unsigned char *>(k.encryptionPublic.data()),
                           k.encryptionSecret.data());
    k.signingPublic.resize(crypto_sign_PUBLICKEYBYTES);
    crypto_sign_ed25519_sk_to_pk(reinterpret_cast<unsigned char *>(k.signingPublic.data()),
                                 k.signingSecret.data());
    // The secret keys must be the user's: a box sealed by anyone with the request key could
    // hold keys of their own making.
    QByteArray seedPublic(crypto_sign_PUBLICKEYBYTES, Qt::Uninitialized);
    SecretBytes check(crypto_sign_SECRETKEYBYTES);
    crypto_sign_seed_keypair(reinterpret_cast<unsigned char *>(seedPublic.data()), check.data(),
                             k.signingSecret.data());
    if (!sameKey(k.encryptionPublic, userBoxPublic) ||
        !sameKey(k.signingPublic, userSigningPublic) || !sameKey(seedPublic, userSigningPublic))
        return refused("the approval holds keys that are not your user's");
    return k;
}

} // namespace wp::crypto
