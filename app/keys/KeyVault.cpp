// SPDX-License-Identifier: GPL-3.0-or-later
#include "KeyVault.h"

#include "PrivateFiles.h"
#include "SecureKeyStore.h"
#include "Sodium.h"
#include "VaultFile.h"

#include <QDateTime>
#include <QDir>
#include <QFile>

#include <sodium.h>

#include <algorithm>

namespace wp {
namespace {

// Associated data: the vault format version and what the ciphertext is for, so a wrapped key
// cannot be passed off as something else (or as the other layer).
const QByteArray PinWrapAd = QByteArrayLiteral("waypoint-vault/1/database-key/pin");
const QByteArray DeviceWrapAd = QByteArrayLiteral("waypoint-vault/1/database-key/device");

constexpr std::size_t NonceSize = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t TagSize = crypto_aead_xchacha20poly1305_ietf_ABYTES;

QByteArray randomBytes(std::size_t size)
{
    QByteArray bytes(qsizetype(size), Qt::Uninitialized);
    randombytes_buf(bytes.data(), size);
    return bytes;
}

const unsigned char *u8(const QByteArray &b)
{
    return reinterpret_cast<const unsigned char *>(b.constData());
}

QByteArray seal(const unsigned char *key, QByteArrayView plain, const QByteArray &nonce,
                const QByteArray &ad)
{
    QByteArray out(plain.size() + qsizetype(TagSize), Qt::Uninitialized);
    unsigned long long outLen = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        reinterpret_cast<unsigned char *>(out.data()), &outLen,
        reinterpret_cast<const unsigned char *>(plain.data()), std::size_t(plain.size()), u8(ad),
        std::size_t(ad.size()), nullptr, u8(nonce), key);
    out.resize(qsizetype(outLen));
    return out;
}

// Decrypts into locked memory; empty on a failed tag.
SecretBytes open(const unsigned char *key, const QByteArray &cipher, const QByteArray &nonce,
                 const QByteArray &ad)
{
    if (std::size_t(cipher.size()) < TagSize)
        return {};
    SecretBytes plain(std::size_t(cipher.size()) - TagSize);
    unsigned long long plainLen = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(plain.data(), &plainLen, nullptr, u8(cipher),
                                                   std::size_t(cipher.size()), u8(ad),
                                                   std::size_t(ad.size()), u8(nonce), key) != 0)
        return {};
    return plain;
}

Result<SecretBytes> derivePinKey(const SecretBytes &pin, const QByteArray &salt, std::uint64_t ops,
                                 std::uint64_t mem)
{
    SecretBytes key(crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
    if (crypto_pwhash(key.data(), key.size(), reinterpret_cast<const char *>(pin.data()),
                      pin.size(), u8(salt), ops, std::size_t(mem),
                      crypto_pwhash_ALG_ARGON2ID13) != 0)
        return Error{
            ErrorCode::Crypto,
            QStringLiteral("Not enough memory to check the PIN; close other apps and try again.")};
    return key;
}

// Within what a vault file accepts (VaultFile's decoder).
bool validKdf(const KdfParams &kdf)
{
    return kdf.opsLimit >= crypto_pwhash_OPSLIMIT_MIN && kdf.opsLimit <= 64 &&
           kdf.memLimitBytes >= crypto_pwhash_MEMLIMIT_MIN &&
           kdf.memLimitBytes <= (std::uint64_t(1) << 30);
}

Status checkPin(const SecretBytes &pin)
{
    if (pin.size() < std::size_t(KeyVault::MinPinLength))
        return Error{
            ErrorCode::InvalidInput,
            QStringLiteral("The PIN must have at least %1 characters.").arg(KeyVault::MinPinLength),
            QStringLiteral("pin")};
    if (pin.size() > std::size_t(KeyVault::MaxPinLength))
        return Error{
            ErrorCode::InvalidInput,
            QStringLiteral("The PIN must have at most %1 characters.").arg(KeyVault::MaxPinLength),
            QStringLiteral("pin")};
    return {};
}

// Wraps dbKey under the PIN (and the device key when given), with fresh salt and nonces.
Status wrapInto(VaultRecord &rec, const SecretBytes &dbKey, const SecretBytes &pin,
                const SecretBytes *deviceKey)
{
    rec.salt = randomBytes(crypto_pwhash_SALTBYTES);
    rec.nonce = randomBytes(NonceSize);
    auto pinKey = derivePinKey(pin, rec.salt, rec.opsLimit, rec.memLimitBytes);
    if (!pinKey)
        return pinKey.error();
    rec.wrapped = seal(pinKey->data(), dbKey.view(), rec.nonce, PinWrapAd);
    if (deviceKey) {
        rec.deviceNonce = randomBytes(NonceSize);
        rec.wrapped = seal(deviceKey->data(), rec.wrapped, rec.deviceNonce, DeviceWrapAd);
    }
    return {};
}

// The wait after the attempts so far: wrong PINs and interrupted checks both slow guessing.
std::int64_t delayFor(const VaultRecord &rec)
{
    const int attempts = rec.failedAttempts + std::min(rec.interruptedAttempts, 1000);
    if (attempts < rec.backoffFrom)
        return 0;
    const int doublings = std::min(attempts - rec.backoffFrom, 40);
    const double delay = double(rec.baseDelayMs) * double(std::int64_t(1) << doublings);
    return std::int64_t(std::min(delay, double(rec.maxDelayMs)));
}

Error destroyedError()
{
    return {ErrorCode::LockedOut,
            QStringLiteral("Too many wrong PINs: the keys were destroyed and this store can no "
                           "longer be opened.")};
}

} // namespace

struct KeyVault::Data
{
    QString path;
    VaultRecord rec;
    VaultEnvironment env;
};

struct KeyVault::Unwrapped
{
    SecretBytes dbKey;
    SecretBytes deviceKey; // empty without a device wrap
};

KeyVault::KeyVault(std::unique_ptr<Data> data) : d(std::move(data)) {}
KeyVault::KeyVault(KeyVault &&) noexcept = default;
KeyVault &KeyVault::operator=(KeyVault &&) noexcept = default;
KeyVault::~KeyVault() = default;

QString KeyVault::pathIn(const QString &dataDir)
{
    return QDir(dataDir).filePath(fileName());
}

bool KeyVault::exists(const QString &dataDir)
{
    return QFile::exists(pathIn(dataDir));
}

Result<SecretBytes> KeyVault::create(const QString &dataDir, SecretBytes pin,
                                     const VaultPolicy &policy, VaultEnvironment env)
{
    ensureSodium();
    if (auto ok = checkPin(pin); !ok)
        return ok.error();
    if (policy.maxAttempts < 1 || policy.maxAttempts > 1000 || policy.backoffFrom < 1 ||
        policy.baseDelay.count() < 0 || policy.maxDelay < policy.baseDelay || !validKdf(policy.kdf))
        return Error{ErrorCode::InvalidInput, QStringLiteral("The vault policy is out of range.")};
    if (exists(dataDir))
        return Error{ErrorCode::Conflict,
                     QStringLiteral("A key vault already exists in %1.").arg(dataDir)};
    if (!PrivateFiles::folder(dataDir))
        return Error{ErrorCode::Io,
                     QStringLiteral("The folder %1 could not be created.").arg(dataDir)};

    VaultRecord rec;
    rec.opsLimit = policy.kdf.opsLimit;
    rec.memLimitBytes = policy.kdf.memLimitBytes;
    rec.maxAttempts = policy.maxAttempts;
    rec.backoffFrom = policy.backoffFrom;
    rec.baseDelayMs = policy.baseDelay.count();
    rec.maxDelayMs = policy.maxDelay.count();

    SecretBytes dbKey = SecretBytes::random(KeySize);
    SecretBytes deviceKey;
    if (policy.deviceWrap) {
        if (!env.keyStore)
            return Error{ErrorCode::Unavailable,
                         QStringLiteral("No system keychain is available to hold the device key.")};
        rec.deviceKeyName = QStringLiteral("vault-") + QString::fromLatin1(randomBytes(16).toHex());
        deviceKey = SecretBytes::random(crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
        if (auto stored = env.keyStore->store(rec.deviceKeyName, deviceKey); !stored)
            return stored.error(); // fail closed: no vault without the device key it promises
    }
    if (auto wrapped = wrapInto(rec, dbKey, pin, policy.deviceWrap ? &deviceKey : nullptr);
        !wrapped)
        return wrapped.error();
    pin.clear();
    if (auto written = writeVaultFile(pathIn(dataDir), rec); !written) {
        if (policy.deviceWrap)
            (void)env.keyStore->remove(rec.deviceKeyName);
        return written.error();
    }
    return dbKey;
}

Result<KeyVault> KeyVault::load(const QString &dataDir, VaultEnvironment env)
{
    ensureSodium();
    auto rec = readVaultFile(pathIn(dataDir));
    if (!rec)
        return rec.error();
    auto data = std::make_unique<Data>();
    data->path = pathIn(dataDir);
    data->rec = std::move(rec).value();
    data->env = std::move(env);
    return KeyVault(std::move(data));
}

Status KeyVault::removeDestroyed(const QString &dataDir)
{
    auto rec = readVaultFile(pathIn(dataDir));
    if (!rec)
        return rec.error(); // a damaged vault may still be repairable: never removed here
    if (!rec->destroyed)
        return Error{ErrorCode::Conflict,
                     QStringLiteral("The key vault still holds a key; it was not removed.")};
    if (!QFile::remove(pathIn(dataDir)))
        return Error{ErrorCode::Io, QStringLiteral("The old key vault could not be removed.")};
    return {};
}

std::int64_t KeyVault::now() const
{
    return d->env.nowMs ? d->env.nowMs() : QDateTime::currentMSecsSinceEpoch();
}

Status KeyVault::persist()
{
    return writeVaultFile(d->path, d->rec);
}

Result<KeyVault::Unwrapped> KeyVault::unwrapCounted(SecretBytes pin)
{
    VaultRecord &rec = d->rec;
    if (rec.destroyed)
        return destroyedError();
    if (rec.failedAttempts >= rec.maxAttempts) {
        destroy();
        return destroyedError();
    }
    if (rec.checking) {
        // The previous check never answered: the process was killed during it.
        rec.checking = false;
        ++rec.interruptedAttempts;
        rec.nextAttemptMs = now() + delayFor(rec);
        if (auto saved = persist(); !saved)
            return saved.error();
    }
    if (const auto wait = retryAfter(); wait.count() > 0)
        return Error{ErrorCode::LockedOut,
                     QStringLiteral("Too many tries. Try again in %1 seconds.")
                         .arg((wait.count() + 999) / 1000)};
    if (pin.isEmpty())
        return Error{ErrorCode::InvalidInput, QStringLiteral("Enter your PIN."),
                     QStringLiteral("pin")};

    Unwrapped out;
    QByteArray pinWrapped = rec.wrapped;
    if (!rec.deviceKeyName.isEmpty()) {
        // Fail closed: without the keystore the vault file alone cannot be opened.
        if (!d->env.keyStore)
            return Error{ErrorCode::Unavailable,
                         QStringLiteral("This store also needs its device key from the system "
                                        "keychain, which is not available.")};
        auto deviceKey = d->env.keyStore->load(rec.deviceKeyName);
        if (!deviceKey && deviceKey.error().code == ErrorCode::NotFound)
            return Error{ErrorCode::Crypto,
                         QStringLiteral("The device key of this store is missing from the system "
                                        "keychain; it cannot be opened on this device.")};
        if (!deviceKey)
            return deviceKey.error();
        out.deviceKey = std::move(deviceKey).value();
        SecretBytes inner = open(out.deviceKey.data(), rec.wrapped, rec.deviceNonce, DeviceWrapAd);
        if (inner.isEmpty())
            return Error{ErrorCode::Crypto,
                         QStringLiteral("The device key in the system keychain does not match "
                                        "this store's key vault.")};
        pinWrapped = QByteArray(inner.view().data(), inner.view().size());
    }

    // Mark the check as started, on disk, before the slow Argon2id step. A process killed
    // during the check leaves the mark; the next attempt finds it and counts an interrupted
    // attempt: it slows guessing like a wrong PIN but never counts toward the wipe, because no
    // PIN was found wrong (a phone's low-memory killer strikes exactly here).
    rec.checking = true;
    if (auto saved = persist(); !saved) {
        rec.checking = false;
        return saved.error(); // no check without the mark on disk
    }
    if (d->env.onCheckStarted)
        d->env.onCheckStarted();

    auto pinKey = derivePinKey(pin, rec.salt, rec.opsLimit, rec.memLimitBytes);
    pin.clear();
    rec.checking = false;
    if (!pinKey) {
        (void)persist(); // not the user's fault: nothing counted
        return pinKey.error();
    }
    out.dbKey = open(pinKey->data(), pinWrapped, rec.nonce, PinWrapAd);
    pinKey->clear();
    if (!out.dbKey.isEmpty()) {
        if (out.dbKey.size() != KeySize)
            return Error{ErrorCode::Corrupt,
                         QStringLiteral("The key vault holds a key of the wrong size.")};
        rec.failedAttempts = 0;
        rec.interruptedAttempts = 0;
        rec.nextAttemptMs = 0;
        (void)persist(); // best effort: a stale count errs on the careful side
        return out;
    }
    ++rec.failedAttempts;
    if (rec.failedAttempts >= rec.maxAttempts) {
        destroy();
        return destroyedError();
    }
    // The wait runs from the answer, not from the start of the slow check.
    rec.nextAttemptMs = now() + delayFor(rec);
    if (auto saved = persist(); !saved)
        return saved.error();
    const int left = attemptsLeft();
    return Error{ErrorCode::WrongPin,
                 left == 1
                     ? QStringLiteral("Wrong PIN. 1 attempt left before the keys are destroyed.")
                     : QStringLiteral("Wrong PIN. %1 attempts left.").arg(left)};
}

Result<SecretBytes> KeyVault::unlock(SecretBytes pin)
{
    auto unwrapped = unwrapCounted(std::move(pin));
    if (!unwrapped)
        return unwrapped.error();
    return std::move(unwrapped->dbKey);
}

Status KeyVault::changePin(SecretBytes oldPin, SecretBytes newPin, std::optional<KdfParams> kdf)
{
    if (auto ok = checkPin(newPin); !ok)
        return ok;
    if (kdf && !validKdf(*kdf))
        return Error{ErrorCode::InvalidInput, QStringLiteral("The vault policy is out of range.")};
    auto unwrapped = unwrapCounted(std::move(oldPin));
    if (!unwrapped)
        return unwrapped.error();
    VaultRecord next = d->rec;
    if (kdf) {
        next.opsLimit = kdf->opsLimit;
        next.memLimitBytes = kdf->memLimitBytes;
    }
    const SecretBytes *deviceKey = next.deviceKeyName.isEmpty() ? nullptr : &unwrapped->deviceKey;
    if (auto wrapped = wrapInto(next, unwrapped->dbKey, newPin, deviceKey); !wrapped)
        return wrapped;
    newPin.clear();
    if (auto written = writeVaultFile(d->path, next); !written)
        return written; // the old PIN still works
    d->rec = std::move(next);
    return {};
}

KdfParams KeyVault::kdf() const
{
    return {d->rec.opsLimit, d->rec.memLimitBytes};
}

void KeyVault::destroy()
{
    const QString deviceKeyName = d->rec.deviceKeyName;
    VaultRecord tomb;
    tomb.destroyed = true;
    tomb.failedAttempts = d->rec.maxAttempts;
    tomb.maxAttempts = d->rec.maxAttempts;
    tomb.backoffFrom = d->rec.backoffFrom;
    tomb.baseDelayMs = d->rec.baseDelayMs;
    tomb.maxDelayMs = d->rec.maxDelayMs;
    // Overwrite the old bytes in place first: the rename below would only unlink them.
    scrubFile(d->path);
    (void)writeVaultFile(d->path, tomb);
    if (!deviceKeyName.isEmpty() && d->env.keyStore)
        (void)d->env.keyStore->remove(deviceKeyName);
    d->rec = tomb;
}

std::chrono::milliseconds KeyVault::retryAfter() const
{
    if (d->rec.destroyed)
        return std::chrono::milliseconds::zero();
    // Clamp: a clock set back must not lock the user out for longer than the longest wait.
    const std::int64_t left =
        std::clamp<std::int64_t>(d->rec.nextAttemptMs - now(), 0, d->rec.maxDelayMs);
    return std::chrono::milliseconds(left);
}

int KeyVault::failedAttempts() const
{
    return d->rec.failedAttempts;
}
int KeyVault::interruptedAttempts() const
{
    return d->rec.interruptedAttempts + (d->rec.checking ? 1 : 0);
}
int KeyVault::attemptsLeft() const
{
    return std::max(0, d->rec.maxAttempts - d->rec.failedAttempts);
}
bool KeyVault::destroyed() const
{
    return d->rec.destroyed;
}
bool KeyVault::deviceWrapped() const
{
    return !d->rec.deviceKeyName.isEmpty();
}

} // namespace wp
