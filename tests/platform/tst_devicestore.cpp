// SPDX-License-Identifier: GPL-3.0-or-later
// DeviceStore: the one unlock sequence (vault -> key -> encrypted Store) the app and
// waypointctl share, on real SQLCipher files.
#include "DeviceStore.h"
#include "InMemoryKeyStore.h"
#include "Records.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <thread>

using namespace wp;

namespace {

SecretBytes pin(const char *text)
{
    return SecretBytes(reinterpret_cast<const unsigned char *>(text), std::strlen(text));
}

VaultPolicy fastPolicy(int maxAttempts = 10)
{
    VaultPolicy policy;
    policy.kdf = KdfParams::fastForTests();
    policy.deviceWrap = false; // the PIN wrap alone (the keystore's own tests add the second)
    policy.maxAttempts = maxAttempts;
    return policy;
}

DiaryEntry entry(const QString &text)
{
    DiaryEntry e;
    e.writtenAt = QDateTime::currentDateTimeUtc();
    e.text = text;
    return e;
}

} // namespace

class TestDeviceStore : public QObject
{
    Q_OBJECT

private slots:
    void createThenOpenReadsTheData()
    {
        QTemporaryDir dir;
        QVERIFY(!DeviceStore::exists(dir.path()));
        QUuid id;
        {
            auto store = DeviceStore::create(dir.path(), pin("2468"), fastPolicy());
            QVERIFY2(store, qPrintable(store.ok() ? QString() : store.error().message));
            QVERIFY((*store)->isEncrypted());
            auto saved =
                (*store)->diary().save(entry(QStringLiteral("first shift at the drop-in")));
            QVERIFY(saved);
            id = saved->id;
        }
        QVERIFY(DeviceStore::exists(dir.path()));
        QVERIFY(QFile::exists(DeviceStore::databasePath(dir.path())));
        auto store = DeviceStore::open(dir.path(), pin("2468"));
        QVERIFY(store);
        auto read = (*store)->diary().get(id);
        QVERIFY(read);
        QCOMPARE(read->text, QStringLiteral("first shift at the drop-in"));
    }

    void twoStepUnlockOpensTheSameStore()
    {
        // What the app does: the slow key step on a worker thread, the store on its own.
        QTemporaryDir dir;
        auto key = DeviceStore::createKey(dir.path(), pin("2468"), fastPolicy());
        QVERIFY(key);
        QUuid id;
        {
            auto store = DeviceStore::openWithKey(dir.path(), *key, Store::Mode::CreateNew);
            QVERIFY(store);
            id = (*store)->diary().save(entry(QStringLiteral("two steps")))->id;
        }
        key->clear();
        Result<SecretBytes> unlocked = Error{};
        std::thread worker(
            [&, path = dir.path()] { unlocked = DeviceStore::unlockKey(path, pin("2468")); });
        worker.join();
        QVERIFY(unlocked);
        auto store = DeviceStore::openWithKey(dir.path(), *unlocked, Store::Mode::OpenExisting);
        QVERIFY(store);
        QCOMPARE((*store)->diary().get(id)->text, QStringLiteral("two steps"));
        QCOMPARE(DeviceStore::unlockKey(dir.path(), pin("0000")).error().code, ErrorCode::WrongPin);
    }

    void wrongPinOpensNothing()
    {
        QTemporaryDir dir;
        QVERIFY(DeviceStore::create(dir.path(), pin("2468"), fastPolicy()));
        auto store = DeviceStore::open(dir.path(), pin("1111"));
        QVERIFY(!store);
        QCOMPARE(store.error().code, ErrorCode::WrongPin);
        auto status = DeviceStore::status(dir.path());
        QVERIFY(status);
        QVERIFY(status->exists);
        QCOMPARE(status->failedAttempts, 1);
        QCOMPARE(status->attemptsLeft, 9);
    }

    void secondCreateIsRefused()
    {
        QTemporaryDir dir;
        QVERIFY(DeviceStore::create(dir.path(), pin("2468"), fastPolicy()));
        auto again = DeviceStore::create(dir.path(), pin("1357"), fastPolicy());
        QVERIFY(!again);
        QCOMPARE(again.error().code, ErrorCode::Conflict);
        QVERIFY(DeviceStore::open(dir.path(), pin("2468"))); // the first store is untouched
    }

    void databaseWithoutVaultIsNotOverwritten()
    {
        QTemporaryDir dir;
        QFile db(DeviceStore::databasePath(dir.path()));
        QVERIFY(db.open(QIODevice::WriteOnly));
        db.write("someone's data");
        db.close();
        auto store = DeviceStore::create(dir.path(), pin("2468"), fastPolicy());
        QVERIFY(!store);
        QCOMPARE(store.error().code, ErrorCode::Conflict);
        QVERIFY(!KeyVault::exists(dir.path()));
        QVERIFY(db.open(QIODevice::ReadOnly));
        QCOMPARE(db.readAll(), QByteArray("someone's data"));
    }

    void noStoreIsNotFound()
    {
        QTemporaryDir dir;
        auto store = DeviceStore::open(dir.path(), pin("2468"));
        QVERIFY(!store);
        QCOMPARE(store.error().code, ErrorCode::NotFound);
        auto status = DeviceStore::status(dir.path());
        QVERIFY(status);
        QVERIFY(!status->exists);
    }

    void wipeLeavesNothingReadableAndAllowsAFreshStart()
    {
        QTemporaryDir dir;
        {
            auto store = DeviceStore::create(dir.path(), pin("2468"), fastPolicy(3));
            QVERIFY(store);
            QVERIFY((*store)->diary().save(entry(QStringLiteral("to be destroyed"))));
        }
        QCOMPARE(DeviceStore::open(dir.path(), pin("0000")).error().code, ErrorCode::WrongPin);
        QCOMPARE(DeviceStore::open(dir.path(), pin("0000")).error().code, ErrorCode::WrongPin);
        QCOMPARE(DeviceStore::open(dir.path(), pin("0000")).error().code, ErrorCode::LockedOut);
        QVERIFY(!QFile::exists(DeviceStore::databasePath(dir.path())));
        QVERIFY(DeviceStore::status(dir.path())->destroyed);
        QCOMPARE(DeviceStore::open(dir.path(), pin("2468")).error().code, ErrorCode::LockedOut);

        auto fresh = DeviceStore::create(dir.path(), pin("8642"), fastPolicy());
        QVERIFY2(fresh, qPrintable(fresh.ok() ? QString() : fresh.error().message));
        QCOMPARE(*(*fresh)->diary().count(), 0);
    }

    void changePinKeepsTheDatabase()
    {
        QTemporaryDir dir;
        QUuid id;
        {
            auto store = DeviceStore::create(dir.path(), pin("2468"), fastPolicy());
            QVERIFY(store);
            id = (*store)->diary().save(entry(QStringLiteral("kept across the PIN change")))->id;
        }
        QFile db(DeviceStore::databasePath(dir.path()));
        QVERIFY(db.open(QIODevice::ReadOnly));
        const QByteArray before = db.readAll();
        db.close();
        QVERIFY(DeviceStore::changePin(dir.path(), pin("2468"), pin("97531")));
        QVERIFY(db.open(QIODevice::ReadOnly));
        QCOMPARE(db.readAll(), before); // not re-encrypted
        db.close();
        auto store = DeviceStore::open(dir.path(), pin("97531"));
        QVERIFY(store);
        QCOMPARE((*store)->diary().get(id)->text, QStringLiteral("kept across the PIN change"));
    }

    void deviceWrapFailsClosed()
    {
        QTemporaryDir dir;
        InMemoryKeyStore keystore;
        VaultPolicy policy = fastPolicy();
        policy.deviceWrap = true;
        QVERIFY(DeviceStore::create(dir.path(), pin("2468"), policy,
                                    VaultEnvironment::withKeyStore(&keystore)));
        keystore.setAvailable(false);
        auto store =
            DeviceStore::open(dir.path(), pin("2468"), VaultEnvironment::withKeyStore(&keystore));
        QVERIFY(!store);
        QCOMPARE(store.error().code, ErrorCode::Unavailable);
        keystore.setAvailable(true);
        QVERIFY(
            DeviceStore::open(dir.path(), pin("2468"), VaultEnvironment::withKeyStore(&keystore)));
    }

    // The remote wipe of a revoked device: the device secret leaves the keystore, the vault
    // and the database files go, and a copy of the vault taken before cannot be opened.
    void wipeDestroysTheKeysAndRemovesTheFiles()
    {
        QTemporaryDir dir;
        InMemoryKeyStore keystore;
        VaultPolicy policy = fastPolicy();
        policy.deviceWrap = true;
        {
            auto store = DeviceStore::create(dir.path(), pin("2468"), policy,
                                             VaultEnvironment::withKeyStore(&keystore));
            QVERIFY(store);
            QVERIFY((*store)->diary().save(entry(QStringLiteral("met Mo at the hostel"))));
        }
        QCOMPARE(keystore.count(), std::size_t(1));
        const QString copy = dir.filePath(QStringLiteral("vault-copy.cbor"));
        QVERIFY(QFile::copy(KeyVault::pathIn(dir.path()), copy));

        QVERIFY(DeviceStore::wipe(dir.path(), VaultEnvironment::withKeyStore(&keystore)));
        QCOMPARE(keystore.count(), std::size_t(0));
        QVERIFY(!DeviceStore::exists(dir.path()));
        for (const char *suffix : {"", "-wal", "-shm"})
            QVERIFY(!QFile::exists(DeviceStore::databasePath(dir.path()) + QLatin1String(suffix)));
        QCOMPARE(DeviceStore::status(dir.path())->exists, false);

        // The old vault, restored from a copy, no longer opens: its second key is gone.
        QVERIFY(QFile::rename(copy, KeyVault::pathIn(dir.path())));
        QVERIFY(!DeviceStore::unlockKey(dir.path(), pin("2468"),
                                        VaultEnvironment::withKeyStore(&keystore)));

        // A folder with nothing in it, or only a damaged vault, wipes too.
        QTemporaryDir empty;
        QVERIFY(DeviceStore::wipe(empty.path()));
        QFile damaged(KeyVault::pathIn(empty.path()));
        QVERIFY(damaged.open(QIODevice::WriteOnly));
        damaged.write("not a vault");
        damaged.close();
        QVERIFY(DeviceStore::wipe(empty.path()));
        QVERIFY(!QFile::exists(KeyVault::pathIn(empty.path())));
    }

    void openStoreIsBusyForASecondOpener()
    {
        QTemporaryDir dir;
        auto first = DeviceStore::create(dir.path(), pin("2468"), fastPolicy());
        QVERIFY(first);
        // flock is per open file description, so a second opener in this process also sees it.
        auto second = DeviceStore::open(dir.path(), pin("2468"));
        QVERIFY(!second);
        QCOMPARE(second.error().code, ErrorCode::Busy);
    }
};

QTEST_GUILESS_MAIN(TestDeviceStore)
#include "tst_devicestore.moc"
