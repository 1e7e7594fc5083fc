// SPDX-License-Identifier: GPL-3.0-or-later
// Key vault: wrapping, wrong PINs with persisted backoff, the wipe, PIN change, damaged files.
// Argon2id runs with the smallest parameters here; a fake clock replaces sleeping.
#include "InMemoryKeyStore.h"
#include "KeyVault.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/resource.h>

#include <csignal>

using namespace wp;
using namespace std::chrono_literals;

namespace {

SecretBytes pin(const char *text)
{
    return SecretBytes(reinterpret_cast<const unsigned char *>(text), std::strlen(text));
}

VaultPolicy testPolicy()
{
    VaultPolicy policy;
    policy.kdf = KdfParams::fastForTests();
    policy.deviceWrap = false; // the PIN wrap alone (the keystore's own tests add the second)
    return policy;
}

} // namespace

class TestKeyVault : public QObject
{
    Q_OBJECT

    std::int64_t m_now = 1'700'000'000'000;
    VaultEnvironment env()
    {
        VaultEnvironment fake;
        fake.nowMs = [this] { return m_now; };
        return fake;
    }

    KeyVault loadVault(const QString &dir)
    {
        auto vault = KeyVault::load(dir, env());
        if (!vault)
            qFatal("vault did not load: %s", qPrintable(vault.error().message));
        return std::move(vault).value();
    }

private slots:
    void init() { m_now = 1'700'000'000'000; }

    void createThenUnlockGivesTheSameKey()
    {
        QTemporaryDir dir;
        QVERIFY(!KeyVault::exists(dir.path()));
        auto key = KeyVault::create(dir.path(), pin("2468"), testPolicy(), env());
        QVERIFY2(key, qPrintable(key.ok() ? QString() : key.error().message));
        QCOMPARE(key->size(), KeyVault::KeySize);
        QVERIFY(KeyVault::exists(dir.path()));

        KeyVault vault = loadVault(dir.path());
        auto unlocked = vault.unlock(pin("2468"));
        QVERIFY(unlocked);
        QVERIFY(unlocked->equals(*key));
        QCOMPARE(vault.failedAttempts(), 0);
        QCOMPARE(vault.attemptsLeft(), 10);
    }

    void keyIsNeverStoredInTheClear()
    {
        QTemporaryDir dir;
        auto key = KeyVault::create(dir.path(), pin("2468"), testPolicy(), env());
        QVERIFY(key);
        QFile file(KeyVault::pathIn(dir.path()));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(!bytes.contains(key->view().toByteArray()));
        QVERIFY(!bytes.contains("2468"));
    }

    void secondCreateIsRefused()
    {
        QTemporaryDir dir;
        QVERIFY(KeyVault::create(dir.path(), pin("2468"), testPolicy(), env()));
        auto again = KeyVault::create(dir.path(), pin("1357"), testPolicy(), env());
        QVERIFY(!again);
        QCOMPARE(again.error().code, ErrorCode::Conflict);
    }

    void shortPinIsRefused()
    {
        QTemporaryDir dir;
        auto key = KeyVault::create(dir.path(), pin("12"), testPolicy(), env());
        QVERIFY(!key);
        QCOMPARE(key.error().code, ErrorCode::InvalidInput);
        QVERIFY(!KeyVault::exists(dir.path()));
    }

    void wrongPinSaysHowManyAttemptsAreLeft()
    {
        QTemporaryDir dir;
        QVERIFY(KeyVault::create(dir.path(), pin("2468"), testPolicy(), env()));
        KeyVault vault = loadVault(dir.path());
        auto wrong = vault.unlock(pin("0000"));
        QVERIFY(!wrong);
        QCOMPARE(wrong.error().code, ErrorCode::WrongPin);
        QVERIFY2(wrong.error().message.contains(u"9 attempts left"),
                 qPrintable(wrong.error().message));
        QCOMPARE(vault.failedAttempts(), 1);
        QCOMPARE(vault.attemptsLeft(), 9);
        // A correct PIN resets the count.
        QVERIFY(vault.unlock(pin("2468")));
        QCOMPARE(vault.failedAttempts(), 0);
        QCOMPARE(loadVault(dir.path()).failedAttempts(), 0);
    }

    void backoffDoublesAndSurvivesARestart()
    {
        QTemporaryDir dir;
        QVERIFY(KeyVault::create(dir.path(), pin("2468"), testPolicy(), env()));
        {
            KeyVault vault = loadVault(dir.path());
            for (int i = 0; i < 2; ++i) {
                QCOMPARE(vault.unlock(pin("0000")).error().code, ErrorCode::WrongPin);
                QCOMPARE(vault.retryAfter(), 0ms); // the first wrong PINs are free
            }
            QCOMPARE(vault.unlock(pin("0000")).error().code, ErrorCode::WrongPin);
            QCOMPARE(vault.retryAfter(), 1000ms);
        }
        // A restart does not reset the wait or the count.
        KeyVault vault = loadVault(dir.path());
        QCOMPARE(vault.failedAttempts(), 3);
        QCOMPARE(vault.retryAfter(), 1000ms);
        auto locked = vault.unlock(pin("2468"));
        QVERIFY(!locked);
        QCOMPARE(locked.error().code, ErrorCode::LockedOut);
        QCOMPARE(vault.failedAttempts(), 3); // a refused try is not an attempt

        m_now += 1000;
        QCOMPARE(vault.unlock(pin("0000")).error().code, ErrorCode::WrongPin);
        QCOMPARE(loadVault(dir.path()).retryAfter(), 2000ms);
        m_now += 2000;
        QCOMPARE(vault.unlock(pin("0000")).error().code, ErrorCode::WrongPin);
        QCOMPARE(loadVault(dir.path()).retryAfter(), 4000ms);
        m_now += 4000;
        QVERIFY(vault.unlock(pin("2468")));
        QCOMPARE(loadVault(dir.path()).retryAfter(), 0ms);
        QCOMPARE(loadVault(dir.path()).failedAttempts(), 0);
    }

    void clockSetBackDoesNotLockForever()
    {
        QTemporaryDir dir;
        VaultPolicy policy = testPolicy();
        policy.backoffFrom = 1;
        QVERIFY(KeyVault::create(dir.path(), pin("2468"), policy, env()));
        KeyVault vault = loadVault(dir.path());
        QCOMPARE(vault.unlock(pin("0000")).error().code, ErrorCode::WrongPin);
        m_now -= 365LL * 24 * 3600 * 1000; // the phone's clock jumps back a year
        QVERIFY(vault.retryAfter() <= std::chrono::milliseconds(policy.maxDelay));
    }

    void checkIsMarkedOnDiskBeforeArgon2Runs()
    {
        // The hook runs where a process killed during Argon2id would stop: the start of the
        // check must already be on disk, and it must not count as a wrong PIN.
        QTemporaryDir dir;
        QVERIFY(KeyVault::create(dir.path(), pin("2468"), testPolicy(), env()));
        int failedOnDisk = -1;
        int interruptedOnDisk = -1;
        VaultEnvironment spying = env();
        spying.onCheckStarted = [&, path = dir.path()] {
            KeyVault seen = loadVault(path);
            failedOnDisk = seen.failedAttempts();
            interruptedOnDisk = seen.interruptedAttempts();
        };
        auto vault = KeyVault::load(dir.path(), spying);
        QVERIFY(vault);
        QVERIFY(vault->unlock(pin("2468")));
        QCOMPARE(failedOnDisk, 0);
        QCOMPARE(interruptedOnDisk, 1); // were the process killed here, this is what stays
        QCOMPARE(loadVault(dir.path()).interruptedAttempts(), 0);
    }

    void interruptedChecksSlowGuessingButNeverWipe()
    {
        // A phone's low-memory killer ends the app during Argon2id, again and again: each
        // interrupted check delays the next one, none counts toward the wipe.
        QTemporaryDir dir;
        QVERIFY(KeyVault::create(dir.path(), pin("2468"), testPolicy(), env()));
        const QString path = KeyVault::pathIn(dir.path());
        std::chrono::milliseconds lastWait{0};
        for (int kill = 1; kill <= 15; ++kill) {
            QByteArray killedHere;
            VaultEnvironment killing = env();
            killing.onCheckStarted = [&] {
                QFile f(path);
                QVERIFY(f.open(QIODevice::ReadOnly));
                killedHere = f.readAll();
            };
            auto vault = KeyVault::load(dir.path(), killing);
            QVERIFY(vault);
            // The earlier interruption is found and may make this try wait first.
            for (int tries = 0; killedHere.isEmpty() && tries < 3; ++tries) {
                m_now += vault->retryAfter().count();
                (void)vault->unlock(pin(kill % 2 ? "0000" : "2468"));
            }
            QVERIFY(!killedHere.isEmpty());
            // The process died inside the check: the file is as the hook saw it.
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(killedHere);
            f.close();
            KeyVault after = loadVault(dir.path());
            QVERIFY(!after.destroyed());
            QCOMPARE(after.failedAttempts(), 0);
            QCOMPARE(after.attemptsLeft(), 10);
            QCOMPARE(after.interruptedAttempts(), kill);
        }
        // The next try finds the last interruption and has to wait for it.
        m_now += 1;
        KeyVault vault = loadVault(dir.path());
        auto waiting = vault.unlock(pin("0000"));
        QCOMPARE(waiting.error().code, ErrorCode::LockedOut);
        lastWait = vault.retryAfter();
        QVERIFY(lastWait > 1000ms);
        // Once waited out, a wrong PIN is the first to count: 9 attempts left, not fewer.
        m_now += lastWait.count();
        auto wrong = vault.unlock(pin("0000"));
        QCOMPARE(wrong.error().code, ErrorCode::WrongPin);
        QCOMPARE(vault.attemptsLeft(), 9);
        QVERIFY(wrong.error().message.contains(u"9 attempts left"));
        // The right PIN clears both counts.
        m_now += 3'600'000;
        QVERIFY(vault.unlock(pin("2468")));
        QCOMPARE(loadVault(dir.path()).interruptedAttempts(), 0);
        QCOMPARE(loadVault(dir.path()).failedAttempts(), 0);
    }

    void tenWrongPinsDestroyTheKey()
    {
        QTemporaryDir dir;
        QVERIFY(KeyVault::create(dir.path(), pin("2468"), testPolicy(), env()));
        for (int i = 1; i <= 10; ++i) {
            KeyVault vault = loadVault(dir.path()); // a restart between tries changes nothing
            m_now += 3'600'000;                     // wait out any backoff
            auto result = vault.unlock(pin("0000"));
            QVERIFY(!result);
            if (i < 10) {
                QCOMPARE(result.error().code, ErrorCode::WrongPin);
                QCOMPARE(vault.attemptsLeft(), 10 - i);
            } else {
                QCOMPARE(result.error().code, ErrorCode::LockedOut);
                QVERIFY(vault.destroyed());
            }
        }
        KeyVault after = loadVault(dir.path());
        QVERIFY(after.destroyed());
        m_now += 3'600'000;
        auto right = after.unlock(pin("2468"));
        QVERIFY(!right);
        QCOMPARE(right.error().code, ErrorCode::LockedOut);
        QVERIFY(right.error().message.contains(u"destroyed"));
        // A destroyed vault can be removed to start over; a live one cannot.
        QVERIFY(KeyVault::removeDestroyed(dir.path()));
        QVERIFY(!KeyVault::exists(dir.path()));
    }

    void wipeLimitIsConfigurable()
    {
        QTemporaryDir dir;
        VaultPolicy policy = testPolicy();
        policy.maxAttempts = 2;
        QVERIFY(KeyVault::create(dir.path(), pin("2468"), policy, env()));
        KeyVault vault = loadVault(dir.path());
        QCOMPARE(vault.unlock(pin("0000")).error().code, ErrorCode::WrongPin);
        QCOMPARE(vault.unlock(pin("0000")).error().code, ErrorCode::LockedOut);
        QVERIFY(vault.destroyed());
        QVERIFY(loadVault(dir.path()).destroyed());
    }

    void wipeInterruptedAfterScrubStillReadsAsDestroyed()
    {
        QTemporaryDir dir;
        QVERIFY(KeyVault::create(dir.path(), pin("2468"), testPolicy(), env()));
        QFile file(KeyVault::pathIn(dir.path()));
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.write(QByteArray(file.size(), '\0')) > 0); // what the scrub leaves
        file.close();
        KeyVault vault = loadVault(dir.path());
        QVERIFY(vault.destroyed());
        QCOMPARE(vault.unlock(pin("2468")).error().code, ErrorCode::LockedOut);
        QVERIFY(KeyVault::removeDestroyed(dir.path()));
    }

    void damagedVaultIsNotRemoved()
    {
        QTemporaryDir dir;
        QVERIFY(KeyVault::create(dir.path(), pin("2468"), testPolicy(), env()));
        QFile file(KeyVault::pathIn(dir.path()));
        QVERIFY(file.open(QIODevice::ReadWrite));
        QByteArray bytes = file.readAll();
        bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x10);
        file.seek(0);
        file.write(bytes);
        file.close();
        auto removed = KeyVault::removeDestroyed(dir.path());
        QVERIFY(!removed);
        QCOMPARE(removed.error().code, ErrorCode::Corrupt);
        QVERIFY(KeyVault::exists(dir.path()));
    }

    void liveVaultIsNotRemoved()
    {
        QTemporaryDir dir;
        QVERIFY(KeyVault::create(dir.path(), pin("2468"), testPolicy(), env()));
        auto removed = KeyVault::removeDestroyed(dir.path());
        QVERIFY(!removed);
        QCOMPARE(removed.error().code, ErrorCode::Conflict);
        QVERIFY(KeyVault::exists(dir.path()));
    }

    void changePinKeepsTheSameKey()
    {
        QTemporaryDir dir;
        auto key = KeyVault::create(dir.path(), pin("2468"), testPolicy(), env());
        QVERIFY(key);
        KeyVault vault = loadVault(dir.path());
        QVERIFY(vault.changePin(pin("2468"), pin("97531")));
        KeyVault reloaded = loadVault(dir.path());
        QCOMPARE(reloaded.unlock(pin("2468")).error().code, ErrorCode::WrongPin);
        auto unlocked = reloaded.unlock(pin("97531"));
        QVERIFY(unlocked);
        QVERIFY(unlocked->equals(*key));
    }

    void changePinWithWrongOldPinCounts()
    {
        QTemporaryDir dir;
        QVERIFY(KeyVault::create(dir.path(), pin("2468"), testPolicy(), env()));
        KeyVault vault = loadVault(dir.path());
        auto changed = vault.changePin(pin("1111"), pin("97531"));
        QVERIFY(!changed);
        QCOMPARE(changed.error().code, ErrorCode::WrongPin);
        QCOMPARE(loadVault(dir.path()).failedAttempts(), 1);
        QVERIFY(loadVault(dir.path()).unlock(pin("2468")));
        // A new PIN that is too short is refused before anything is checked.
        QCOMPARE(vault.changePin(pin("2468"), pin("1")).error().code, ErrorCode::InvalidInput);
    }

    void fullDiskMeansNoCheckAndNoChange()
    {
        // The attempt must be on disk before the PIN is checked; when it cannot be written,
        // the PIN is not checked at all (no uncounted guesses) and the old vault stays.
        QTemporaryDir dir;
        auto key = KeyVault::create(dir.path(), pin("2468"), testPolicy(), env());
        QVERIFY(key);
        KeyVault vault = loadVault(dir.path());
        QFile file(KeyVault::pathIn(dir.path()));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray before = file.readAll();
        file.close();

        std::signal(SIGXFSZ, SIG_IGN);
        rlimit saved{};
        QVERIFY(::getrlimit(RLIMIT_FSIZE, &saved) == 0);
        rlimit tiny = saved;
        tiny.rlim_cur = 16; // any file this process writes stops at 16 bytes, like a full disk
        QVERIFY(::setrlimit(RLIMIT_FSIZE, &tiny) == 0);
        auto right = vault.unlock(pin("2468"));
        auto changed = vault.changePin(pin("2468"), pin("97531"));
        QVERIFY(::setrlimit(RLIMIT_FSIZE, &saved) == 0);
        std::signal(SIGXFSZ, SIG_DFL);

        QVERIFY(!right);
        QCOMPARE(right.error().code, ErrorCode::DiskFull);
        QVERIFY(!changed);
        QCOMPARE(changed.error().code, ErrorCode::DiskFull);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), before);
        QCOMPARE(vault.failedAttempts(), 0);
        auto unlocked = loadVault(dir.path()).unlock(pin("2468"));
        QVERIFY(unlocked);
        QVERIFY(unlocked->equals(*key));
    }

    void tamperedFileIsReportedAsDamaged_data()
    {
        QTest::addColumn<int>("offsetFromEnd");
        for (int offset : {1, 10, 40, 80, 120, 200})
            QTest::addRow("byte -%d", offset) << offset;
    }

    void tamperedFileIsReportedAsDamaged()
    {
        QFETCH(int, offsetFromEnd);
        QTemporaryDir dir;
        QVERIFY(KeyVault::create(dir.path(), pin("2468"), testPolicy(), env()));
        QFile file(KeyVault::pathIn(dir.path()));
        QVERIFY(file.open(QIODevice::ReadWrite));
        QByteArray bytes = file.readAll();
        QVERIFY(bytes.size() > offsetFromEnd);
        bytes[bytes.size() - offsetFromEnd] = char(bytes[bytes.size() - offsetFromEnd] ^ 0x01);
        file.seek(0);
        file.write(bytes);
        file.close();
        auto vault = KeyVault::load(dir.path(), env());
        QVERIFY(!vault);
        QVERIFY2(vault.error().code == ErrorCode::Corrupt, qPrintable(vault.error().message));
        QVERIFY(vault.error().message.contains(u"damaged"));
    }

    void truncatedFileIsReportedAsDamaged()
    {
        QTemporaryDir dir;
        QVERIFY(KeyVault::create(dir.path(), pin("2468"), testPolicy(), env()));
        QFile file(KeyVault::pathIn(dir.path()));
        const qint64 full = file.size();
        for (qint64 size : {full - 1, full / 2, qint64(3), qint64(0)}) {
            QVERIFY(file.resize(size));
            auto vault = KeyVault::load(dir.path(), env());
            QVERIFY(!vault);
            QCOMPARE(vault.error().code, ErrorCode::Corrupt);
        }
    }

    void garbageFileIsNotAVault()
    {
        QTemporaryDir dir;
        QFile file(KeyVault::pathIn(dir.path()));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("SQLite format 3\0 this is something else", 40);
        file.close();
        auto vault = KeyVault::load(dir.path(), env());
        QVERIFY(!vault);
        QCOMPARE(vault.error().code, ErrorCode::Corrupt);
        QCOMPARE(KeyVault::load(QDir(dir.path()).filePath(QStringLiteral("nothing-here")), env())
                     .error()
                     .code,
                 ErrorCode::NotFound);
    }

    void secretsAreClearedAfterUse()
    {
        QTemporaryDir dir;
        SecretBytes userPin = pin("2468");
        auto key = KeyVault::create(dir.path(), std::move(userPin), testPolicy(), env());
        QVERIFY(key);
        QVERIFY(userPin.isEmpty()); // the vault took the PIN and wiped it
        QCOMPARE(userPin.data(), nullptr);

        KeyVault vault = loadVault(dir.path());
        SecretBytes again = pin("2468");
        auto unlocked = vault.unlock(std::move(again));
        QVERIFY(unlocked);
        QVERIFY(again.isEmpty());
        unlocked->clear();
        QVERIFY(unlocked->isEmpty());
        QCOMPARE(unlocked->data(), nullptr);
    }
};

QTEST_GUILESS_MAIN(TestKeyVault)
#include "tst_keyvault.moc"
