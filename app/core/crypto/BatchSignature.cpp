// SPDX-License-Identifier: GPL-3.0-or-later
#include "BatchSignature.h"

#include "Sodium.h"
#include "wire/Codec.h"

#include <sodium.h>

namespace wp::crypto {

QByteArray blake2b256(QByteArrayView data)
{
    ensureSodium();
    QByteArray out(32, Qt::Uninitialized);
    crypto_generichash(reinterpret_cast<unsigned char *>(out.data()), 32,
                       reinterpret_cast<const unsigned char *>(data.data()),
                       std::size_t(data.size()), nullptr, 0);
    return out;
}

QByteArray changeDigest(const wire::Change &change)
{
    return blake2b256(wire::changeDigestInput(change));
}

QByteArray signManifest(const SecretBytes &signingSecret, QByteArrayView manifest)
{
    ensureSodium();
    Q_ASSERT(signingSecret.size() == crypto_sign_SECRETKEYBYTES);
    QByteArray sig(crypto_sign_BYTES, Qt::Uninitialized);
    crypto_sign_detached(reinterpret_cast<unsigned char *>(sig.data()), nullptr,
                         reinterpret_cast<const unsigned char *>(manifest.data()),
                         std::size_t(manifest.size()), signingSecret.data());
    return sig;
}

bool verifyManifest(QByteArrayView signingPublic, QByteArrayView manifest, QByteArrayView signature)
{
    ensureSodium();
    if (signingPublic.size() != crypto_sign_PUBLICKEYBYTES || signature.size() != crypto_sign_BYTES)
        return false;
    return crypto_sign_verify_detached(
               reinterpret_cast<const unsigned char *>(signature.data()),
               reinterpret_cast<const unsigned char *>(manifest.data()),
               std::size_t(manifest.size()),
               reinterpret_cast<const unsigned char *>(signingPublic.data())) == 0;
}

} // namespace wp::crypto
