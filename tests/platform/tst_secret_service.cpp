// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop keystore (qtkeychain) against a real secret service: run by CTest through
// tests/with-keyring, which starts a private D-Bus session and an unlocked GNOME keyring.
// What the app relies on: the vault's second key is kept there, a copy of the data folder
// without it opens nothing, and the store made by default is wrapped.
#include "DeviceStore.h"
#include "KeyVault.h"
#include "QtKeychainKeyStore.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <cstring>

using namespace wp;

namespace {

SecretBytes bytes(const char *text)
{
    return SecretBytes(reinterpret_cast<const unsigned char *>(text), std::strlen(text));
}

VaultPolicy fastPolicy()
{
    VaultPolicy policy; // deviceWrap is on by default
    policy.kdf = KdfParams::fastForTests();
    return policy;
}

} // namespace

class TestSecretService : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                 "run through tests/with-keyring");
    }

    void keychainKeepsLoadsAndRemovesASecret()
    {
        QtKeychainKeyStore keychain(QStringLiteral("Waypoint tests"));
        const QString name =
            QStringLiteral("tst-secret-%1").arg(QCoreApplication::applicationPid());
        QVERIFY2(keychain.store(name, bytes("first")), "the secret service refused a secret");
        QVERIFY(keychain.store(name, bytes("second"))); // replaces
        auto loaded = keychain.load(name);
        QVERIFY(loaded);
        QVERIFY(loaded->equals(bytes("second")));
        QVERIFY(keychain.remove(name));
        QVERIFY(keychain.remove(name)); // removing twice is fine
        QCOMPARE(keychain.load(name).error().code, ErrorCode::NotFound);
    }

    void storeMadeByDefaultNeedsTheKeychain()
    {
        QTemporaryDir dir;
        QtKeychainKeyStore keychain;
        const auto env = VaultEnvironment::withKeyStore(&keychain);
        auto store = DeviceStore::create(dir.path(), bytes("735104"), fastPolicy(), env);
        QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
        store->reset();
        auto status = DeviceStore::status(dir.path(), env);
        QVERIFY(status);
        QVERIFY(status->deviceWrapped);
        QVERIFY(DeviceStore::open(dir.path(), bytes("735104"), env));

        // A copy of the folder taken elsewhere (a backup, another account) has the vault file
        // but not the keychain: without it the right PIN opens nothing, and no attempt is used.
        QTemporaryDir copy;
        for (const QString &name : QDir(dir.path()).entryList(QDir::Files))
            QVERIFY(QFile::copy(QDir(dir.path()).filePath(name), QDir(copy.path()).filePath(name)));
        auto withoutKeychain = DeviceStore::open(copy.path(), bytes("735104"), {});
        QVERIFY(!withoutKeychain);
        QCOMPARE(withoutKeychain.error().code, ErrorCode::Unavailable);
        QCOMPARE(DeviceStore::status(copy.path())->failedAttempts, 0);
    }

    void keyRemovedFromTheKeychainLeavesTheStoreUnreadable()
    {
        QTemporaryDir dir;
        QtKeychainKeyStore keychain;
        const auto env = VaultEnvironment::withKeyStore(&keychain);
        QVERIFY(KeyVault::create(dir.path(), bytes("735104"), fastPolicy(), env));
        // The keystore entry's name is in the vault; a wiped keychain loses it for good.
        QFile vaultFile(KeyVault::pathIn(dir.path()));
        QVERIFY(vaultFile.open(QIODevice::ReadOnly));
        const QByteArray raw = vaultFile.readAll();
        const qsizetype at = raw.indexOf("vault-");
        QVERIFY(at >= 0);
        const QString name = QString::fromLatin1(raw.mid(at, 6 + 32));
        QVERIFY(keychain.remove(name));
        auto vault = KeyVault::load(dir.path(), env);
        QVERIFY(vault);
        auto opened = vault->unlock(bytes("735104"));
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, ErrorCode::Crypto);
        QVERIFY(opened.error().message.contains(u"keychain"));
    }
};

QTEST_GUILESS_MAIN(TestSecretService)
#include "tst_secret_service.moc"
