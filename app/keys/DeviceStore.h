// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The unlock sequence the app and waypointctl share: PIN -> key vault -> database key ->
// encrypted Store. One place, so both open a device's data the same way.
//
// A data folder holds `vault.cbor` (the wrapped key) and `waypoint.db` (SQLCipher, with its
// -wal and -shm files while open).

#include "KeyVault.h"
#include "Result.h"
#include "SecretBytes.h"
#include "Store.h"

#include <QString>

#include <chrono>
#include <memory>

namespace wp {

struct VaultStatus
{
    bool exists = false;
    bool destroyed = false;
    bool deviceWrapped = false;
    int failedAttempts = 0;
    int interruptedAttempts = 0; // checks that never answered (the process was killed)
    int attemptsLeft = 0;
    std::chrono::milliseconds retryAfter{0};
    KdfParams kdf; // the Argon2id cost of an unlock
};

class DeviceStore
{
public:
    static QString databaseFileName() { return QStringLiteral("waypoint.db"); }
    static QString databasePath(const QString &dataDir);
    // QStandardPaths::AppDataLocation; call after setting the application and organisation
    // names to "Waypoint" (as the app and waypointctl do): ~/.local/share/Waypoint/Waypoint.
    static QString defaultDataDir();

    // Whether the folder holds a store (a vault, live or destroyed).
    static bool exists(const QString &dataDir);
    // For the lock screen: attempts left, how long to wait. Corrupt/Io when the vault is bad.
    static Result<VaultStatus> status(const QString &dataDir, VaultEnvironment env = {});

    // A new vault with a new random key, and a new empty store under that key. Conflict when
    // a store exists (a destroyed one is cleared first: its data can no longer be read).
    static Result<std::unique_ptr<Store>> create(const QString &dataDir, SecretBytes pin,
                                                 const VaultPolicy &policy = {},
                                                 VaultEnvironment env = {});
    // Unlocks the vault and opens the store. Errors: NotFound (no store here), WrongPin,
    // LockedOut, Unavailable (device keystore), Corrupt, NotAStore, Busy, SchemaTooNew, Io.
    // When the wrong PIN destroys the keys, the unreadable database files are deleted too.
    static Result<std::unique_ptr<Store>> open(const QString &dataDir, SecretBytes pin,
                                               VaultEnvironment env = {});
    // The same two calls in two steps, for callers that run the slow Argon2id step on a worker
    // thread and open the (single-threaded) Store on their own thread:
    //   createKey / unlockKey: any thread, ~0.4 s; same errors and clean-up as create / open.
    //   openWithKey: the Store's thread, fast; clears nothing, the caller clears the key.
    static Result<SecretBytes> createKey(const QString &dataDir, SecretBytes pin,
                                         const VaultPolicy &policy = {}, VaultEnvironment env = {});
    static Result<SecretBytes> unlockKey(const QString &dataDir, SecretBytes pin,
                                         VaultEnvironment env = {});
    static Result<std::unique_ptr<Store>> openWithKey(const QString &dataDir,
                                                      const SecretBytes &key, Store::Mode mode);

    // A remote wipe (the server revoked this device): the key material is destroyed as by the
    // last wrong PIN, then the vault and the database files are removed, so the folder is as
    // on a new phone. The caller closes the store first. Runs whatever state the vault is in;
    // Io when a file could not be removed (the key is destroyed all the same).
    static Status wipe(const QString &dataDir, VaultEnvironment env = {});

    // Re-wraps the key under a new PIN (and a new Argon2id cost when given); the database is
    // not touched.
    static Status changePin(const QString &dataDir, SecretBytes oldPin, SecretBytes newPin,
                            VaultEnvironment env = {}, std::optional<KdfParams> kdf = std::nullopt);

private:
    static void removeDatabaseFiles(const QString &dataDir);
};

} // namespace wp
