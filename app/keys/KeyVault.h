// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The database key is stored only wrapped: encrypted (XChaCha20-Poly1305) under a key derived
// from the user's PIN with Argon2id, and optionally also under a device secret held in the OS
// keystore. The vault file also carries the wrong-PIN accounting, so backoff and the wipe after
// too many wrong PINs survive a restart. See docs/security.md.

#include "Result.h"
#include "SecretBytes.h"

#include <QString>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>

namespace wp {

class SecureKeyStore;

struct KdfParams
{
    // A fixed cost for callers that do not calibrate (KdfCalibration chooses per device).
    std::uint64_t opsLimit = 3;
    std::uint64_t memLimitBytes = std::uint64_t(224) << 20;

    // For tests only: the smallest cost libsodium accepts.
    static KdfParams fastForTests() { return {1, 8 << 20}; }
};

struct VaultPolicy
{
    int maxAttempts = 10; // wrong PINs in a row before the key material is destroyed
    int backoffFrom = 3;  // the wrong PIN after which waiting starts (1 s, then doubling)
    std::chrono::milliseconds baseDelay{1000}; // first wait; doubles with each failure
    std::chrono::milliseconds maxDelay{15 * 60 * 1000};
    KdfParams kdf;
    // Also wrap with a device secret from the OS keystore; create() fails closed (Unavailable)
    // when the keystore cannot hold it. Off only by an explicit choice (PIN only).
    bool deviceWrap = true;
};

// What the vault talks to. Defaults: the wall clock and no keystore.
struct VaultEnvironment
{
    static VaultEnvironment withKeyStore(SecureKeyStore *store)
    {
        VaultEnvironment env;
        env.keyStore = store;
        return env;
    }

    std::function<std::int64_t()> nowMs; // ms since the epoch
    SecureKeyStore *keyStore = nullptr;  // needed when the vault uses a device wrap
    // Called once the start of a check is on disk and before the PIN is checked: where a
    // process killed during Argon2id stops. Tests look at the file from here.
    std::function<void()> onCheckStarted;
};

class KeyVault
{
public:
    static constexpr std::size_t KeySize = 32;
    static constexpr int MinPinLength = 4;
    static constexpr int MaxPinLength = 256;
    static QString fileName() { return QStringLiteral("vault.cbor"); }
    static QString pathIn(const QString &dataDir);

    static bool exists(const QString &dataDir);
    // Makes a new random database key, wraps it and writes the vault. Returns the key.
    // Refuses to replace an existing vault (Conflict).
    static Result<SecretBytes> create(const QString &dataDir, SecretBytes pin,
                                      const VaultPolicy &policy = {}, VaultEnvironment env = {});
    static Result<KeyVault> load(const QString &dataDir, VaultEnvironment env = {});
    // Removes a vault whose key material was destroyed, so a new store can be made. A live or
    // damaged vault is never removed (Conflict / Corrupt).
    static Status removeDestroyed(const QString &dataDir);

    // WrongPin (message says how many attempts are left), LockedOut (wait retryAfter(), or the
    // keys were destroyed), Unavailable (device wrap on and the OS keystore cannot be reached),
    // Corrupt/Crypto (the file was damaged). A wrong PIN counts toward the wipe; a check that
    // was interrupted (the process killed) only delays the next attempt.
    Result<SecretBytes> unlock(SecretBytes pin);
    // Re-wraps the same database key under a new PIN (new salt and nonce) and, when given, a
    // new Argon2id cost; the database is not re-encrypted. A wrong old PIN counts as a failed
    // attempt.
    Status changePin(SecretBytes oldPin, SecretBytes newPin,
                     std::optional<KdfParams> kdf = std::nullopt);
    // The Argon2id cost the PIN is wrapped with.
    KdfParams kdf() const;

    std::chrono::milliseconds retryAfter() const;
    int failedAttempts() const;
    int interruptedAttempts() const;
    int attemptsLeft() const;
    bool destroyed() const;
    bool deviceWrapped() const;
    // Destroys the key material now: the file is overwritten in place, then replaced by a
    // tombstone, and the device secret is removed from the keystore. The last wrong PIN and a
    // remote wipe (DeviceStore::wipe) end here.
    void destroy();

    KeyVault(KeyVault &&) noexcept;
    KeyVault &operator=(KeyVault &&) noexcept;
    ~KeyVault();

private:
    struct Data;
    struct Unwrapped;
    explicit KeyVault(std::unique_ptr<Data> data);
    Result<Unwrapped> unwrapCounted(SecretBytes pin);
    Status persist();
    std::int64_t now() const;

    std::unique_ptr<Data> d;
};

} // namespace wp
