// SPDX-License-Identifier: GPL-3.0-or-later
#include "KeyFingerprint.h"

#include "Sodium.h"

#include <QStringList>

#include <sodium.h>

#include <cstring>

namespace wp::crypto {

namespace {
constexpr char Domain[] = "waypoint key fingerprint v1";
constexpr int Groups = 6;
constexpr int GroupBytes = 5;
} // namespace

QString digitFingerprint(const char *domain, std::initializer_list<QByteArrayView> keys)
{
    ensureSodium();
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, crypto_generichash_BYTES);
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char *>(domain),
                              std::strlen(domain));
    // Each key with its length first, so the keys' boundaries are fixed.
    for (QByteArrayView key : keys) {
        const unsigned char length = static_cast<unsigned char>(key.size());
        crypto_generichash_update(&state, &length, 1);
        crypto_generichash_update(&state, reinterpret_cast<const unsigned char *>(key.data()),
                                  std::size_t(key.size()));
    }
    unsigned char digest[crypto_generichash_BYTES];
    crypto_generichash_final(&state, digest, sizeof digest);
    QStringList groups;
    for (int g = 0; g < Groups; ++g) {
        std::uint64_t v = 0;
        for (int i = 0; i < GroupBytes; ++i)
            v = (v << 8) | digest[g * GroupBytes + i];
        groups.append(QStringLiteral("%1").arg(v % 100000, 5, 10, QLatin1Char('0')));
    }
    return groups.join(QLatin1Char(' '));
}

QString keyFingerprint(QByteArrayView signingPublic, QByteArrayView boxPublic)
{
    return digitFingerprint(Domain, {signingPublic, boxPublic});
}

bool sameKey(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    ensureSodium();
    return sodium_memcmp(a.data(), b.data(), std::size_t(a.size())) == 0;
}

} // namespace wp::crypto
