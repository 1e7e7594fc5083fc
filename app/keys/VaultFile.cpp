// SPDX-License-Identifier: GPL-3.0-or-later
#include "VaultFile.h"

#include "SecretBytes.h"
#include "Sodium.h"

#include <QCborMap>
#include <QCborValue>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <sodium.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

namespace wp {
namespace {

const QString Magic = QStringLiteral("waypoint-vault");
constexpr qint64 MaxFileSize = 64 * 1024; // a vault is a few hundred bytes

QByteArray checksum(const QByteArray &body)
{
    ensureSodium();
    QByteArray sum(crypto_generichash_BYTES, Qt::Uninitialized);
    crypto_generichash(reinterpret_cast<unsigned char *>(sum.data()), std::size_t(sum.size()),
                       reinterpret_cast<const unsigned char *>(body.constData()),
                       std::size_t(body.size()), nullptr, 0);
    return sum;
}

Error corrupt(const QString &why)
{
    return {ErrorCode::Corrupt, QStringLiteral("The key vault is damaged (%1).").arg(why)};
}

bool syncFolder(const QString &folder)
{
    const int fd = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

Error writeError(const QString &path, QFileDevice::FileError error, int err)
{
    if (err == ENOSPC || err == EDQUOT || err == EFBIG)
        return {ErrorCode::DiskFull,
                QStringLiteral("The disk is full; the key vault was not changed.")};
    Q_UNUSED(error);
    return {ErrorCode::Io, QStringLiteral("The key vault %1 could not be written.").arg(path)};
}

} // namespace

QByteArray encodeVault(const VaultRecord &r)
{
    QCborMap body;
    body.insert(QStringLiteral("version"), r.version);
    body.insert(QStringLiteral("kdf"), QStringLiteral("argon2id13"));
    body.insert(QStringLiteral("ops"), qint64(r.opsLimit));
    body.insert(QStringLiteral("mem"), qint64(r.memLimitBytes));
    body.insert(QStringLiteral("salt"), r.salt);
    body.insert(QStringLiteral("nonce"), r.nonce);
    body.insert(QStringLiteral("wrapped"), r.wrapped);
    if (!r.deviceKeyName.isEmpty()) {
        body.insert(QStringLiteral("deviceKey"), r.deviceKeyName);
        body.insert(QStringLiteral("deviceNonce"), r.deviceNonce);
    }
    body.insert(QStringLiteral("failed"), r.failedAttempts);
    body.insert(QStringLiteral("interrupted"), r.interruptedAttempts);
    body.insert(QStringLiteral("checking"), r.checking);
    body.insert(QStringLiteral("next"), qint64(r.nextAttemptMs));
    body.insert(QStringLiteral("max"), r.maxAttempts);
    body.insert(QStringLiteral("backoffFrom"), r.backoffFrom);
    body.insert(QStringLiteral("baseDelay"), qint64(r.baseDelayMs));
    body.insert(QStringLiteral("maxDelay"), qint64(r.maxDelayMs));
    body.insert(QStringLiteral("destroyed"), r.destroyed);
    const QByteArray bodyBytes = body.toCborValue().toCbor();

    QCborMap file;
    file.insert(Magic, 1);
    file.insert(QStringLiteral("body"), bodyBytes);
    file.insert(QStringLiteral("sum"), checksum(bodyBytes));
    return file.toCborValue().toCbor();
}

Result<VaultRecord> decodeVault(const QByteArray &bytes)
{
    // All zeros: a wipe was interrupted after scrubbing, before the tombstone was written.
    if (!bytes.isEmpty() && bytes.count('\0') == bytes.size()) {
        VaultRecord scrubbed;
        scrubbed.destroyed = true;
        scrubbed.failedAttempts = scrubbed.maxAttempts;
        return scrubbed;
    }
    QCborParserError parseError;
    const QCborValue outer = QCborValue::fromCbor(bytes, &parseError);
    if (parseError.error != QCborError::NoError || !outer.isMap())
        return corrupt(QStringLiteral("not a vault file"));
    const QCborMap file = outer.toMap();
    if (file.value(Magic).toInteger(-1) != 1)
        return corrupt(QStringLiteral("not a vault file of a known version"));
    const QByteArray body = file.value(QStringLiteral("body")).toByteArray();
    if (body.isEmpty() ||
        !constantTimeEquals(checksum(body), file.value(QStringLiteral("sum")).toByteArray()))
        return corrupt(QStringLiteral("checksum mismatch"));

    const QCborValue inner = QCborValue::fromCbor(body, &parseError);
    if (parseError.error != QCborError::NoError || !inner.isMap())
        return corrupt(QStringLiteral("unreadable body"));
    const QCborMap m = inner.toMap();
    VaultRecord r;
    r.version = int(m.value(QStringLiteral("version")).toInteger(-1));
    if (r.version != 1)
        return Error{ErrorCode::SchemaTooNew,
                     QStringLiteral("The key vault was written by a newer Waypoint.")};
    r.destroyed = m.value(QStringLiteral("destroyed")).toBool(false);
    r.failedAttempts = int(m.value(QStringLiteral("failed")).toInteger(-1));
    r.interruptedAttempts = int(m.value(QStringLiteral("interrupted")).toInteger(0));
    r.checking = m.value(QStringLiteral("checking")).toBool(false);
    r.nextAttemptMs = m.value(QStringLiteral("next")).toInteger(-1);
    r.maxAttempts = int(m.value(QStringLiteral("max")).toInteger(-1));
    r.backoffFrom = int(m.value(QStringLiteral("backoffFrom")).toInteger(-1));
    r.baseDelayMs = m.value(QStringLiteral("baseDelay")).toInteger(-1);
    r.maxDelayMs = m.value(QStringLiteral("maxDelay")).toInteger(-1);
    if (r.maxAttempts < 1 || r.maxAttempts > 1000 || r.failedAttempts < 0 ||
        r.failedAttempts > r.maxAttempts || r.interruptedAttempts < 0 ||
        r.interruptedAttempts > 1'000'000 || r.nextAttemptMs < 0 || r.backoffFrom < 1 ||
        r.baseDelayMs < 0 || r.maxDelayMs < r.baseDelayMs)
        return corrupt(QStringLiteral("attempt counters out of range"));
    if (r.destroyed)
        return r; // key material is gone; nothing else to check

    if (m.value(QStringLiteral("kdf")).toString() != QLatin1String("argon2id13"))
        return corrupt(QStringLiteral("unknown key derivation"));
    const qint64 ops = m.value(QStringLiteral("ops")).toInteger(-1);
    const qint64 mem = m.value(QStringLiteral("mem")).toInteger(-1);
    // Bounds also stop an edited file from making unlock take hours or all the memory.
    if (ops < qint64(crypto_pwhash_OPSLIMIT_MIN) || ops > 64 ||
        mem < qint64(crypto_pwhash_MEMLIMIT_MIN) || mem > (qint64(1) << 30))
        return corrupt(QStringLiteral("key derivation parameters out of range"));
    r.opsLimit = std::uint64_t(ops);
    r.memLimitBytes = std::uint64_t(mem);
    r.salt = m.value(QStringLiteral("salt")).toByteArray();
    r.nonce = m.value(QStringLiteral("nonce")).toByteArray();
    r.wrapped = m.value(QStringLiteral("wrapped")).toByteArray();
    r.deviceKeyName = m.value(QStringLiteral("deviceKey")).toString();
    r.deviceNonce = m.value(QStringLiteral("deviceNonce")).toByteArray();
    if (r.salt.size() != crypto_pwhash_SALTBYTES ||
        r.nonce.size() != crypto_aead_xchacha20poly1305_ietf_NPUBBYTES ||
        r.wrapped.size() < qsizetype(crypto_aead_xchacha20poly1305_ietf_ABYTES) ||
        (!r.deviceKeyName.isEmpty() &&
         r.deviceNonce.size() != crypto_aead_xchacha20poly1305_ietf_NPUBBYTES))
        return corrupt(QStringLiteral("key material has the wrong size"));
    return r;
}

Result<VaultRecord> readVaultFile(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return Error{ErrorCode::NotFound, QStringLiteral("There is no key vault in this folder.")};
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Io,
                     QStringLiteral("The key vault %1 could not be read.").arg(path)};
    if (file.size() > MaxFileSize)
        return corrupt(QStringLiteral("too large"));
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return Error{ErrorCode::Io,
                     QStringLiteral("The key vault %1 could not be read.").arg(path)};
    return decodeVault(bytes);
}

Status writeVaultFile(const QString &path, const VaultRecord &record)
{
    const QByteArray bytes = encodeVault(record);
    QSaveFile file(path);
    file.setDirectWriteFallback(false);
    if (!file.open(QIODevice::WriteOnly))
        return writeError(path, file.error(), errno);
    ::fchmod(file.handle(), S_IRUSR | S_IWUSR); // owner only, before a byte is written
    if (file.write(bytes) != bytes.size() || !file.flush()) {
        const int err = errno;
        file.cancelWriting();
        return writeError(path, file.error(), err);
    }
    // The attempt counter must be on disk before the PIN is checked: fsync, then rename.
    if (::fsync(file.handle()) != 0) {
        const int err = errno;
        file.cancelWriting();
        return writeError(path, QFileDevice::WriteError, err);
    }
    if (!file.commit())
        return writeError(path, file.error(), errno);
    syncFolder(QFileInfo(path).absolutePath());
    return {};
}

void scrubFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite))
        return;
    // Zeros, so a vault caught between scrub and tombstone still reads as destroyed.
    file.write(QByteArray(file.size(), '\0'));
    file.flush();
    ::fsync(file.handle());
}

} // namespace wp
