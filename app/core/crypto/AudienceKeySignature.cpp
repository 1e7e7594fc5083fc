// SPDX-License-Identifier: GPL-3.0-or-later
#include "AudienceKeySignature.h"

#include "Sodium.h"

#include <sodium.h>

namespace wp::crypto {

namespace {

constexpr char Domain[] = "waypoint audience key v1";

QByteArray signedBytes(const QUuid &audienceId, const QUuid &reader, QByteArrayView sealed)
{
    QByteArray m(Domain, sizeof Domain - 1);
    m += audienceId.toRfc4122();
    m += reader.toRfc4122();
    m += sealed;
    return m;
}

} // namespace

QByteArray signAudienceKey(const SecretBytes &authorSigningSecret, const QUuid &audienceId,
                           const QUuid &reader, QByteArrayView sealed)
{
    ensureSodium();
    Q_ASSERT(authorSigningSecret.size() == crypto_sign_SECRETKEYBYTES);
    const QByteArray message = signedBytes(audienceId, reader, sealed);
    QByteArray out = sealed.toByteArray();
    out.resize(sealed.size() + crypto_sign_BYTES);
    crypto_sign_detached(reinterpret_cast<unsigned char *>(out.data() + sealed.size()), nullptr,
                         reinterpret_cast<const unsigned char *>(message.constData()),
                         std::size_t(message.size()), authorSigningSecret.data());
    return out;
}

std::optional<QByteArray> verifiedAudienceKey(QByteArrayView authorSigningPublic,
                                              const QUuid &audienceId, const QUuid &reader,
                                              QByteArrayView signedKey)
{
    ensureSodium();
    // A sealed 32-byte key is 80 bytes; anything shorter than a box and a signature is not
    // signed.
    constexpr qsizetype SealedSize = 32 + crypto_box_SEALBYTES;
    if (authorSigningPublic.size() != crypto_sign_PUBLICKEYBYTES ||
        signedKey.size() != SealedSize + crypto_sign_BYTES)
        return std::nullopt;
    const QByteArrayView sealed = signedKey.first(SealedSize);
    const QByteArray message = signedBytes(audienceId, reader, sealed);
    if (crypto_sign_verify_detached(
            reinterpret_cast<const unsigned char *>(signedKey.data() + SealedSize),
            reinterpret_cast<const unsigned char *>(message.constData()),
            std::size_t(message.size()),
            reinterpret_cast<const unsigned char *>(authorSigningPublic.data())) != 0)
        return std::nullopt;
    return sealed.toByteArray();
}

} // namespace wp::crypto
