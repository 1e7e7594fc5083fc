// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The recovery key: 160 random bits that wrap the backup of a user's keys on the server
// (docs/security.md, "Key backup"). It is shown once, on the user's first device, as nine
// groups of four Crockford base32 characters that a person writes down and types back:
//
//   8 groups of data (32 characters, 160 bits) + 1 checksum group (20 bits of BLAKE2b)
//
// Reading it back forgives what people do with a written key: any case, spaces or dashes
// anywhere, O for 0 and I or L for 1. A typo fails the checksum before any network or
// Argon2id work, and the error names the group that looks wrong when one character (or two
// swapped neighbours) in a single group explain it.

#include "Result.h"
#include "SecretBytes.h"

#include <QStringView>

namespace wp::crypto {

class RecoveryKey
{
public:
    static constexpr std::size_t Bytes = 20;      // 160 bits
    static constexpr int GroupLength = 4;         // characters per group
    static constexpr int DataGroups = 8;          // 32 characters carry the 160 bits
    static constexpr int Groups = DataGroups + 1; // then the checksum group

    // A new key from libsodium's random generator.
    static RecoveryKey generate();
    // Reads a typed key. InvalidInput when it is not one; the error's `reason` is then the
    // 1-based group that looks wrong, or 0 when no single group explains the mistake (wrong
    // length, or more than one typo).
    static Result<RecoveryKey> parse(QStringView typed);
    static Result<RecoveryKey> parse(const SecretBytes &typedUtf8);

    // The raw 160 bits: the secret Argon2id stretches.
    const SecretBytes &secret() const { return m_secret; }
    // "ABCD-EFGH-..." as ASCII bytes, for showing once; the caller wipes its copies.
    SecretBytes text() const;
    // The same, one group at a time (0-based), for the screen and the write-down check.
    SecretBytes group(int index) const;

private:
    explicit RecoveryKey(SecretBytes secret) : m_secret(std::move(secret)) {}
    SecretBytes m_secret;
};

} // namespace wp::crypto
