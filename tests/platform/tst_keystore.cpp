// SPDX-License-Identifier: GPL-3.0-or-later
// The OS keystore interface and the vault's second wrap: the vault file alone must not be
// enough, and a missing keystore must fail closed, never fall back to plaintext.
#include "InMemoryKeyStore.h"
#include "KeyVault.h"
#include "QtKeychainKeyStore.h"
#include "ScreenCaptureGuard.h"

#include <QDirIterator>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace wp;

namespace {

SecretBytes bytes(const char *text)
{
    return SecretBytes(reinterpret_cast<const unsigned char *>(text), std::strlen(text));
}

VaultPolicy doubleWrap()
{
    VaultPolicy policy;
    policy.kdf = KdfParams::fastForTests();
    policy.deviceWrap = true;
    return policy;
}

} // namespace

class TestKeyStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void inMemoryStoreKeepsLoadsAndRemoves()
    {
        InMemoryKeyStore store;
        QCOMPARE(store.load(QStringLiteral("a")).error().code, ErrorCode::NotFound);
        QVERIFY(store.store(QStringLiteral("a"), bytes("first")));
        QVERIFY(store.store(QStringLiteral("a"), bytes("second"))); // replaces
        auto loaded = store.load(QStringLiteral("a"));
        QVERIFY(loaded);
        QVERIFY(loaded->equals(bytes("second")));
        QVERIFY(store.remove(QStringLiteral("a")));
        QVERIFY(store.remove(QStringLiteral("a"))); // removing twice is fine
        QCOMPARE(store.load(QStringLiteral("a")).error().code, ErrorCode::NotFound);
        store.setAvailable(false);
        QCOMPARE(store.store(QStringLiteral("a"), bytes("x")).error().code, ErrorCode::Unavailable);
    }

    void doubleWrappedVaultNeedsBothPinAndDeviceKey()
    {
        QTemporaryDir dir;
        InMemoryKeyStore keystore;
        auto key = KeyVault::create(dir.path(), bytes("2468"), doubleWrap(),
                                    VaultEnvironment::withKeyStore(&keystore));
        QVERIFY2(key, qPrintable(key.ok() ? QString() : key.error().message));

        auto vault = KeyVault::load(dir.path(), VaultEnvironment::withKeyStore(&keystore));
        QVERIFY(vault);
        QVERIFY(vault->deviceWrapped());
        auto unlocked = vault->unlock(bytes("2468"));
        QVERIFY(unlocked);
        QVERIFY(unlocked->equals(*key));
        QCOMPARE(vault->unlock(bytes("1111")).error().code, ErrorCode::WrongPin);

        // The vault file copied to another device (another keystore) does not open.
        InMemoryKeyStore otherDevice;
        auto stolen = KeyVault::load(dir.path(), VaultEnvironment::withKeyStore(&otherDevice));
        QVERIFY(stolen);
        auto refused = stolen->unlock(bytes("2468"));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Crypto);
        QCOMPARE(stolen->failedAttempts(), 1); // unchanged: no PIN was tried
    }

    void unavailableKeystoreFailsClosed()
    {
        QTemporaryDir dir;
        InMemoryKeyStore keystore;
        QVERIFY(KeyVault::create(dir.path(), bytes("2468"), doubleWrap(),
                                 VaultEnvironment::withKeyStore(&keystore)));
        keystore.setAvailable(false);
        auto vault = KeyVault::load(dir.path(), VaultEnvironment::withKeyStore(&keystore));
        QVERIFY(vault);
        auto refused = vault->unlock(bytes("2468"));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Unavailable);
        QCOMPARE(vault->failedAttempts(), 0); // not the user's fault, not counted

        auto noKeystore = KeyVault::load(dir.path(), {});
        QVERIFY(noKeystore);
        QCOMPARE(noKeystore->unlock(bytes("2468")).error().code, ErrorCode::Unavailable);

        keystore.setAvailable(true);
        QVERIFY(KeyVault::load(dir.path(), VaultEnvironment::withKeyStore(&keystore))
                    ->unlock(bytes("2468")));
    }

    void createFailsClosedWithoutKeystore()
    {
        QTemporaryDir dir;
        InMemoryKeyStore keystore;
        keystore.setAvailable(false);
        auto key = KeyVault::create(dir.path(), bytes("2468"), doubleWrap(),
                                    VaultEnvironment::withKeyStore(&keystore));
        QVERIFY(!key);
        QCOMPARE(key.error().code, ErrorCode::Unavailable);
        QVERIFY(!KeyVault::exists(dir.path())); // no vault that silently lacks the second wrap
        QCOMPARE(KeyVault::create(dir.path(), bytes("2468"), doubleWrap(), {}).error().code,
                 ErrorCode::Unavailable);
    }

    void changePinKeepsTheDeviceWrap()
    {
        QTemporaryDir dir;
        InMemoryKeyStore keystore;
        auto key = KeyVault::create(dir.path(), bytes("2468"), doubleWrap(),
                                    VaultEnvironment::withKeyStore(&keystore));
        QVERIFY(key);
        QVERIFY(KeyVault::load(dir.path(), VaultEnvironment::withKeyStore(&keystore))
                    ->changePin(bytes("2468"), bytes("8642")));
        auto vault = KeyVault::load(dir.path(), VaultEnvironment::withKeyStore(&keystore));
        QVERIFY(vault->deviceWrapped());
        auto unlocked = vault->unlock(bytes("8642"));
        QVERIFY(unlocked);
        QVERIFY(unlocked->equals(*key));
        InMemoryKeyStore otherDevice;
        QCOMPARE(KeyVault::load(dir.path(), VaultEnvironment::withKeyStore(&otherDevice))
                     ->unlock(bytes("8642"))
                     .error()
                     .code,
                 ErrorCode::Crypto);
    }

    void wipeAlsoRemovesTheDeviceKey()
    {
        QTemporaryDir dir;
        InMemoryKeyStore keystore;
        VaultPolicy policy = doubleWrap();
        policy.maxAttempts = 1;
        QVERIFY(KeyVault::create(dir.path(), bytes("2468"), policy,
                                 VaultEnvironment::withKeyStore(&keystore)));
        QCOMPARE(keystore.count(), std::size_t(1));
        auto vault = KeyVault::load(dir.path(), VaultEnvironment::withKeyStore(&keystore));
        QCOMPARE(vault->unlock(bytes("0000")).error().code, ErrorCode::LockedOut);
        QVERIFY(vault->destroyed());
        QCOMPARE(vault->unlock(bytes("2468")).error().code, ErrorCode::LockedOut);
        QCOMPARE(keystore.count(), std::size_t(0));
    }

    void systemKeychainStoresOrFailsClosed()
    {
        // This machine may or may not run a secret service. Either it keeps the secret, or it
        // says Unavailable; it never writes the secret into a plaintext settings file.
        QtKeychainKeyStore keychain(QStringLiteral("Waypoint-test"));
        const QString name = QStringLiteral("tst-keystore-probe");
        const Status stored = keychain.store(name, bytes("device-secret-marker"));
        if (stored) {
            auto loaded = keychain.load(name);
            QVERIFY(loaded);
            QVERIFY(loaded->equals(bytes("device-secret-marker")));
            QVERIFY(keychain.remove(name));
            QCOMPARE(keychain.load(name).error().code, ErrorCode::NotFound);
        } else {
            QCOMPARE(stored.error().code, ErrorCode::Unavailable);
            QVERIFY(!stored.error().message.isEmpty());
            QCOMPARE(keychain.load(name).error().code, ErrorCode::Unavailable);
        }
        for (const auto location :
             {QStandardPaths::GenericConfigLocation, QStandardPaths::AppConfigLocation,
              QStandardPaths::AppDataLocation}) {
            QDirIterator it(QStandardPaths::writableLocation(location), QDir::Files,
                            QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile file(it.next());
                QVERIFY(file.open(QIODevice::ReadOnly));
                QVERIFY2(!file.readAll().contains("device-secret-marker"),
                         qPrintable(file.fileName()));
            }
        }
    }

    void screenCaptureGuardIsANoOpOnDesktop()
    {
        QVERIFY(!ScreenCaptureGuard::supported());
        QVERIFY(ScreenCaptureGuard::enable());
        QVERIFY(ScreenCaptureGuard::disable());
    }
};

QTEST_GUILESS_MAIN(TestKeyStore)
#include "tst_keystore.moc"
