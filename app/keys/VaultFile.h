// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The vault file's content and its on-disk form. Internal to KeyVault.
//
// On disk: a CBOR map {"waypoint-vault": 1, "body": bytes, "sum": BLAKE2b-256(body)}. The
// checksum tells a damaged or edited file (Corrupt) apart from a wrong PIN, so a flipped byte
// never eats one of the user's attempts. It is not a defence against a deliberate attacker,
// who could recompute it: the AEAD tag and Argon2id are.

#include "Result.h"

#include <QByteArray>
#include <QString>

#include <cstdint>

namespace wp {

struct VaultRecord
{
    int version = 1;
    // Argon2id (libsodium crypto_pwhash, ALG_ARGON2ID13)
    std::uint64_t opsLimit = 0;
    std::uint64_t memLimitBytes = 0;
    QByteArray salt;    // crypto_pwhash_SALTBYTES
    QByteArray nonce;   // XChaCha20-Poly1305 nonce of the PIN wrap
    QByteArray wrapped; // the wrapped database key (ciphertext + tag), maybe double-wrapped
    // Second wrap by a secret in the OS keystore (empty name: not used).
    QString deviceKeyName;
    QByteArray deviceNonce;
    // Attempt accounting, persisted so a restart does not reset it. A PIN checked and found
    // wrong counts toward the wipe (failedAttempts); a check that never answered (the process
    // was killed during Argon2id) only slows the next tries (interruptedAttempts).
    int failedAttempts = 0;
    int interruptedAttempts = 0;
    bool checking = false;          // a check started and has not answered yet
    std::int64_t nextAttemptMs = 0; // wall clock, ms since the epoch
    int maxAttempts = 10;
    int backoffFrom = 3;
    std::int64_t baseDelayMs = 1000;
    std::int64_t maxDelayMs = 15 * 60 * 1000;
    bool destroyed = false;
};

QByteArray encodeVault(const VaultRecord &record);
Result<VaultRecord> decodeVault(const QByteArray &bytes);

Result<VaultRecord> readVaultFile(const QString &path);
// Atomic: a temporary file, fsync, rename, fsync of the folder. On failure the old file stays.
Status writeVaultFile(const QString &path, const VaultRecord &record);
// Overwrites the file's bytes in place with zeros and syncs, before it is replaced. An
// all-zero vault file reads as destroyed.
void scrubFile(const QString &path);

} // namespace wp
