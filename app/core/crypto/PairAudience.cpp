// SPDX-License-Identifier: GPL-3.0-or-later
#include "PairAudience.h"

#include <sodium.h>

#include <cstring>

namespace wp::crypto {

namespace {

// BLAKE2b-256 keyed with the private audience key over `domain` then the counterpart's id.
void derive(unsigned char *out, const SecretBytes &key, const char *domain,
            const QUuid &counterpart)
{
    const QByteArray id = counterpart.toRfc4122();
    const std::size_t domainSize = std::strlen(domain);
    crypto_generichash_state state;
    crypto_generichash_init(&state, key.data(), key.size(), 32);
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char *>(domain), domainSize);
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char *>(id.constData()),
                              std::size_t(id.size()));
    crypto_generichash_final(&state, out, 32);
    sodium_memzero(&state, sizeof state);
}

} // namespace

PairAudience pairAudience(const SecretBytes &privateAudienceKey, const QUuid &counterpart)
{
    PairAudience pair;
    pair.key = SecretBytes(32);
    derive(pair.key.data(), privateAudienceKey, "wp-pair-key-v1", counterpart);
    unsigned char id[32];
    derive(id, privateAudienceKey, "wp-pair-id-v1", counterpart);
    id[6] = static_cast<unsigned char>((id[6] & 0x0f) | 0x40); // version 4
    id[8] = static_cast<unsigned char>((id[8] & 0x3f) | 0x80); // RFC 4122 variant
    pair.id = QUuid::fromRfc4122(QByteArrayView(reinterpret_cast<const char *>(id), 16));
    return pair;
}

} // namespace wp::crypto
