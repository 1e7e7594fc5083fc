// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeviceStore.h"

#include "PrivateFiles.h"
#include "VaultFile.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>

namespace wp {

QString DeviceStore::databasePath(const QString &dataDir)
{
    return QDir(dataDir).filePath(databaseFileName());
}

QString DeviceStore::defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

bool DeviceStore::exists(const QString &dataDir)
{
    return KeyVault::exists(dataDir);
}

Result<VaultStatus> DeviceStore::status(const QString &dataDir, VaultEnvironment env)
{
    VaultStatus status;
    if (!KeyVault::exists(dataDir))
        return status;
    auto vault = KeyVault::load(dataDir, std::move(env));
    if (!vault)
        return vault.error();
    status.exists = true;
    status.destroyed = vault->destroyed();
    status.deviceWrapped = vault->deviceWrapped();
    status.failedAttempts = vault->failedAttempts();
    status.interruptedAttempts = vault->interruptedAttempts();
    status.attemptsLeft = vault->attemptsLeft();
    status.retryAfter = vault->retryAfter();
    status.kdf = vault->kdf();
    return status;
}

void DeviceStore::removeDatabaseFiles(const QString &dataDir)
{
    const QString db = databasePath(dataDir);
    for (const QString &suffix :
         {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral(".lock")})
        QFile::remove(db + suffix);
}

Status DeviceStore::wipe(const QString &dataDir, VaultEnvironment env)
{
    const QString vaultPath = KeyVault::pathIn(dataDir);
    if (KeyVault::exists(dataDir)) {
        if (auto vault = KeyVault::load(dataDir, std::move(env)); !vault)
            scrubFile(vaultPath); // damaged: overwrite whatever it still holds
        else if (!vault->destroyed())
            vault->destroy();
        if (!QFile::remove(vaultPath))
            return Error{ErrorCode::Io, QStringLiteral("The key vault could not be removed.")};
    }
    // Without its key the database is noise; it goes too, so nothing hints at what it held.
    removeDatabaseFiles(dataDir);
    if (QFile::exists(databasePath(dataDir)))
        return Error{ErrorCode::Io, QStringLiteral("The database could not be removed.")};
    return {};
}

Result<SecretBytes> DeviceStore::createKey(const QString &dataDir, SecretBytes pin,
                                           const VaultPolicy &policy, VaultEnvironment env)
{
    if (KeyVault::exists(dataDir)) {
        auto vault = KeyVault::load(dataDir, env);
        if (!vault || !vault->destroyed())
            return Error{ErrorCode::Conflict,
                         QStringLiteral("A Waypoint store already exists in %1.").arg(dataDir)};
        removeDatabaseFiles(dataDir);
        if (auto removed = KeyVault::removeDestroyed(dataDir); !removed)
            return removed.error();
    }
    if (QFile::exists(databasePath(dataDir)))
        return Error{ErrorCode::Conflict,
                     QStringLiteral("%1 holds a database without its key vault; move it away "
                                    "first.")
                         .arg(dataDir)};
    return KeyVault::create(dataDir, std::move(pin), policy, std::move(env));
}

Result<SecretBytes> DeviceStore::unlockKey(const QString &dataDir, SecretBytes pin,
                                           VaultEnvironment env)
{
    if (!KeyVault::exists(dataDir))
        return Error{ErrorCode::NotFound,
                     QStringLiteral("There is no Waypoint store in %1.").arg(dataDir)};
    auto vault = KeyVault::load(dataDir, std::move(env));
    if (!vault)
        return vault.error();
    auto key = vault->unlock(std::move(pin));
    if (!key && vault->destroyed())
        removeDatabaseFiles(dataDir); // unreadable without the key: free the space
    return key;
}

Result<std::unique_ptr<Store>> DeviceStore::openWithKey(const QString &dataDir,
                                                        const SecretBytes &key, Store::Mode mode)
{
    // Owner only, also for a folder made by an older version or by hand.
    if (!PrivateFiles::folder(dataDir))
        return Error{ErrorCode::Io,
                     QStringLiteral("The folder %1 could not be used.").arg(dataDir)};
    PrivateFiles::restrict(KeyVault::pathIn(dataDir));
    auto store = Store::open(databasePath(dataDir), key, mode);
    if (!store && mode == Store::Mode::CreateNew) {
        // Leave the folder as it was, so the user can try again.
        removeDatabaseFiles(dataDir);
        QFile::remove(KeyVault::pathIn(dataDir));
    }
    return store;
}

Result<std::unique_ptr<Store>> DeviceStore::create(const QString &dataDir, SecretBytes pin,
                                                   const VaultPolicy &policy, VaultEnvironment env)
{
    auto key = createKey(dataDir, std::move(pin), policy, std::move(env));
    if (!key)
        return key.error();
    auto store = openWithKey(dataDir, *key, Store::Mode::CreateNew);
    key->clear();
    return store;
}

Result<std::unique_ptr<Store>> DeviceStore::open(const QString &dataDir, SecretBytes pin,
                                                 VaultEnvironment env)
{
    auto key = unlockKey(dataDir, std::move(pin), std::move(env));
    if (!key)
        return key.error();
    auto store = openWithKey(dataDir, *key, Store::Mode::OpenExisting);
    key->clear();
    return store;
}

Status DeviceStore::changePin(const QString &dataDir, SecretBytes oldPin, SecretBytes newPin,
                              VaultEnvironment env, std::optional<KdfParams> kdf)
{
    auto vault = KeyVault::load(dataDir, std::move(env));
    if (!vault)
        return vault.error();
    Status changed = vault->changePin(std::move(oldPin), std::move(newPin), kdf);
    if (!changed && vault->destroyed())
        removeDatabaseFiles(dataDir);
    return changed;
}

} // namespace wp
