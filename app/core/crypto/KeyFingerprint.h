// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A user's public keys in a form two people can compare in person, read aloud or side by side
// (docs/protocol.md, "Pinned keys"): BLAKE2b-256 keyed by nothing, over a domain prefix, the
// Ed25519 signing key and the X25519 box key; its first 30 bytes as six groups of five
// digits (each 5-byte group, big-endian, modulo 100,000), about 100 bits.

#include <QByteArray>
#include <QString>

#include <initializer_list>

namespace wp::crypto {

QString keyFingerprint(QByteArrayView signingPublic, QByteArrayView boxPublic);
// The same digits over another domain prefix and keys (crypto::requestFingerprint).
QString digitFingerprint(const char *domain, std::initializer_list<QByteArrayView> keys);

// Equal public keys, compared in constant time (lengths first: they are not secret).
bool sameKey(QByteArrayView a, QByteArrayView b);

} // namespace wp::crypto
