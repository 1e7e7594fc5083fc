// SPDX-License-Identifier: GPL-3.0-or-later
// What is on disk, and every kind of bad file: wrong key, foreign files, truncation,
// corruption, a full disk, a second process. Each gives one clear error and loses nothing.

#include "Sqlite.h"
#include "StoreTestSupport.h"
#include "WipingAllocator.h"

#define SQLITE_HAS_CODEC 1
#include <sqlite3.h>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QTest>

#include <sys/mount.h>

#include <cstring>

using namespace wp;
using namespace wp::test;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes), bytes.size());
}

QByteArray sha(const QString &path)
{
    return QCryptographicHash::hash(readAll(path), QCryptographicHash::Sha256);
}

// A marker in every form it could take on disk: UTF-8, UTF-16, and as FTS tokens (folded).
bool containsMarker(const QByteArray &bytes, const QString &marker)
{
    const QByteArray utf16(reinterpret_cast<const char *>(marker.utf16()), marker.size() * 2);
    return bytes.contains(marker.toUtf8()) || bytes.contains(marker.toLower().toUtf8()) ||
           bytes.contains(utf16);
}

// Every file SQLite keeps next to the store (-wal, -shm, -journal).
QStringList storeFiles(const QString &dbPath)
{
    QStringList out;
    const QFileInfo db(dbPath);
    for (const QFileInfo &f :
         db.dir().entryInfoList({db.fileName() + QLatin1Char('*')}, QDir::Files))
        out.append(f.filePath());
    return out;
}

Status fillWithDiary(Store &store, int count, const QString &prefix = QStringLiteral("entry"))
{
    for (int i = 0; i < count; ++i) {
        auto r =
            store.diary().save(diary(QStringLiteral("%1 %2 about the day").arg(prefix).arg(i)));
        if (!r)
            return r.error();
    }
    return {};
}

} // namespace

class TestStoreFiles : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;
    QString freshPath() { return m_dir.filePath(QStringLiteral("f%1.db").arg(++m_n)); }

    std::unique_ptr<Store> create(const QString &path)
    {
        auto store = Store::open(path, testKey(), Store::Mode::CreateNew);
        if (!store)
            qFatal("cannot create a store: %s", qPrintable(store.error().message));
        return std::move(*store);
    }

private slots:
    void plaintextNeverReachesTheFiles()
    {
        const QString marker =
            QStringLiteral("Quokkamarker%1").arg(QRandomGenerator::global()->generate());
        const QString path = freshPath();
        auto store = create(path);
        DiaryEntry d = diary(QStringLiteral("Today %1 was hard").arg(marker));
        d.prompts.howIFelt = marker;
        QVERIFY(store->diary().save(d).ok());
        Encounter e = encounter(QStringLiteral("Met %1 at the shelter").arg(marker));
        QVERIFY(store->encounters().save(e).ok());
        QVERIFY(store->participants().save(participant(marker.left(20))).ok());
        QVERIFY(fillWithDiary(*store, 50).ok());
        QVERIFY(!store->search(marker).value().isEmpty());

        // Before the checkpoint, the data sits in the WAL.
        const QStringList live = storeFiles(path);
        QVERIFY(live.contains(path + QStringLiteral("-wal")));
        QVERIFY(QFileInfo(path + QStringLiteral("-wal")).size() > 0);
        for (const QString &f : live)
            QVERIFY2(!containsMarker(readAll(f), marker), qPrintable(f));

        QVERIFY(store->checkpoint().ok());
        store.reset();
        for (const QString &f : storeFiles(path))
            QVERIFY2(!containsMarker(readAll(f), marker), qPrintable(f));
        QVERIFY(QFileInfo(path).size() > 0);
    }

    void freedStoreMemoryIsWiped()
    {
        // Memory security: every block SQLite frees is zeroed by the store's allocator, which
        // the first open installs before SQLite initialises, instead of SQLCipher's
        // mlock/munlock per allocation.
        const QString path = freshPath();
        auto store = create(path);
        QVERIFY(sql::wipingAllocatorInstalled());
        QVERIFY(sql::memoryWipeActive());
        QCOMPARE(store->database().scalar("PRAGMA cipher_memory_security").value(), 0);

        const qint64 before = sql::wipedBytes();
        void *block = sqlite3_malloc(1000);
        QVERIFY(block);
        QVERIFY(sqlite3_msize(block) >= 1000);
        std::memset(block, 'x', 1000);
        block = sqlite3_realloc(block, 64 * 1024); // grown into a new block: the old one wiped
        QVERIFY(block);
        QVERIFY(sql::wipedBytes() >= before + 1000);
        sqlite3_free(block);
        QVERIFY(sql::wipedBytes() >= before + 1000 + 64 * 1024);

        // Saving, searching and closing free rows, statements and cached pages: all wiped.
        const qint64 beforeUse = sql::wipedBytes();
        QVERIFY(store->diary().save(diary(QStringLiteral("kept secret"))).ok());
        QVERIFY(!store->search(QStringLiteral("secret")).value().isEmpty());
        store.reset();
        QVERIFY(sql::wipedBytes() > beforeUse + 16 * 1024);
    }

    void sqlCipherWipesWhenSqliteWasInitialisedFirst()
    {
        // Another component used SQLite before the store: its allocator cannot be installed,
        // so SQLCipher's own memory security takes over (in a fresh process: both are
        // process-wide).
        QProcess child;
        child.start(QStringLiteral(STORE_CHILD), {QStringLiteral("sqlite-first"), freshPath()});
        QVERIFY(child.waitForFinished(30000));
        QCOMPARE(child.readAllStandardOutput().trimmed(),
                 QByteArrayLiteral("wiping 0 cipher_memory_security 1"));
    }

    void lockEveryAllocationAddsSqlCipherMemorySecurity()
    {
        QProcess child;
        child.start(QStringLiteral(STORE_CHILD), {QStringLiteral("lock-every"), freshPath()});
        QVERIFY(child.waitForFinished(30000));
        QCOMPARE(child.readAllStandardOutput().trimmed(),
                 QByteArrayLiteral("wiping 1 cipher_memory_security 1"));
    }

    void plaintextMarkerCheckWouldCatchAPlainFile()
    {
        // The same check against the unencrypted baseline finds the marker: the test above
        // really looks at the bytes.
        const QString marker =
            QStringLiteral("Wombatmarker%1").arg(QRandomGenerator::global()->generate());
        const QString path = freshPath();
        auto store = Store::openUnencrypted(path, Store::Mode::CreateNew);
        QVERIFY(store.ok());
        QVERIFY((*store)->diary().save(diary(marker)).ok());
        QVERIFY(containsMarker(readAll(path + QStringLiteral("-wal")), marker));
    }

    void plainSqliteCannotOpenTheStore()
    {
        const QString path = freshPath();
        create(path)->diary().save(diary(QStringLiteral("x"))).value();
        QVERIFY(!readAll(path).startsWith("SQLite format 3"));

        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr),
                 SQLITE_OK);
        const int rc =
            sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr);
        sqlite3_close_v2(db);
        QCOMPARE(rc, SQLITE_NOTADB);
    }

    void wrongKeyIsRefusedAndDataSurvives()
    {
        const QString path = freshPath();
        auto saved = create(path)->diary().save(diary(QStringLiteral("keep me")));
        QVERIFY(saved.ok());
        const QByteArray before = sha(path);

        auto wrong = Store::open(path, testKey(99), Store::Mode::OpenExisting);
        QVERIFY(!wrong.ok());
        QCOMPARE(wrong.error().code, ErrorCode::NotAStore);
        QVERIFY(wrong.error().message.contains(QStringLiteral("key is wrong")));
        QCOMPARE(sha(path), before);

        auto unencrypted = Store::openUnencrypted(path, Store::Mode::OpenExisting);
        QCOMPARE(unencrypted.error().code, ErrorCode::NotAStore);

        SecretBytes shortKey(16);
        QCOMPARE(Store::open(path, shortKey, Store::Mode::OpenExisting).error().code,
                 ErrorCode::InvalidInput);

        auto right = Store::open(path, testKey(), Store::Mode::OpenExisting);
        QVERIFY2(right.ok(), why(right).constData());
        QCOMPARE((*right)->diary().get(saved->id)->text, QStringLiteral("keep me"));
    }

    void modesRefuseTheWrongSituation()
    {
        const QString path = freshPath();
        QCOMPARE(Store::open(path, testKey(), Store::Mode::OpenExisting).error().code,
                 ErrorCode::Io);
        QVERIFY(!QFile::exists(path));
        create(path);
        QCOMPARE(Store::open(path, testKey(), Store::Mode::CreateNew).error().code,
                 ErrorCode::InvalidInput);
        QCOMPARE(Store::open(m_dir.filePath(QStringLiteral("no/such/dir/x.db")), testKey(),
                             Store::Mode::CreateNew)
                     .error()
                     .code,
                 ErrorCode::Io);
    }

    void foreignFilesAreNotAStore()
    {
        const QString random = freshPath();
        QByteArray noise(64 * 1024, Qt::Uninitialized);
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(noise.data()),
                                              noise.size() / 4);
        writeAll(random, noise);
        QCOMPARE(Store::open(random, testKey(), Store::Mode::OpenExisting).error().code,
                 ErrorCode::NotAStore);
        QCOMPARE(Store::openUnencrypted(random, Store::Mode::OpenExisting).error().code,
                 ErrorCode::NotAStore);
        QCOMPARE(readAll(random), noise);

        const QString plain = freshPath();
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(plain.toUtf8().constData(), &db), SQLITE_OK);
        QCOMPARE(sqlite3_exec(db, "CREATE TABLE notes(t TEXT); INSERT INTO notes VALUES ('hello')",
                              nullptr, nullptr, nullptr),
                 SQLITE_OK);
        sqlite3_close(db);
        const QByteArray before = sha(plain);
        QCOMPARE(Store::open(plain, testKey(), Store::Mode::OpenExisting).error().code,
                 ErrorCode::NotAStore);
        QCOMPARE(Store::openUnencrypted(plain, Store::Mode::OpenExisting).error().code,
                 ErrorCode::NotAStore);
        QCOMPARE(sha(plain), before);

        const QString empty = freshPath();
        writeAll(empty, {});
        QCOMPARE(Store::open(empty, testKey(), Store::Mode::OpenExisting).error().code,
                 ErrorCode::NotAStore);
    }

    void truncatedFileIsReportedAsDamaged()
    {
        const QString path = freshPath();
        {
            auto store = create(path);
            QVERIFY(fillWithDiary(*store, 400).ok());
        }
        QFile f(path);
        const qint64 size = f.size();
        QVERIFY(size > 20 * 4096);
        QVERIFY(f.resize(size / 2));

        auto store = Store::open(path, testKey(), Store::Mode::OpenExisting);
        if (!store.ok()) {
            QCOMPARE(store.error().code, ErrorCode::Corrupt);
            return;
        }
        const Status check = (*store)->integrityCheck();
        QVERIFY(!check.ok());
        QCOMPARE(check.error().code, ErrorCode::Corrupt);
        // Reading walks into the missing pages: an error value, not a crash.
        Status listed;
        PageRequest request{{}, 500};
        for (int i = 0; i < 10 && listed.ok(); ++i) {
            auto page = (*store)->diary().list(request);
            if (!page) {
                listed = page.error();
                break;
            }
            if (page->next.isEmpty())
                break;
            request.after = page->next;
        }
        QVERIFY(!listed.ok());
        QCOMPARE(listed.error().code, ErrorCode::Corrupt);
    }

    void corruptedPageIsReportedAndOtherRecordsSurvive()
    {
        const QString path = freshPath();
        QUuid first;
        {
            auto store = create(path);
            first = store->diary().save(diary(QStringLiteral("first entry"))).value().id;
            QVERIFY(fillWithDiary(*store, 400).ok());
        }
        QByteArray bytes = readAll(path);
        const qsizetype victim = bytes.size() - 3 * 4096 + 200; // a page near the end
        for (int i = 0; i < 64; ++i)
            bytes[victim + i] = char(~bytes[victim + i]);
        writeAll(path, bytes);

        auto store = Store::open(path, testKey(), Store::Mode::OpenExisting);
        QVERIFY2(store.ok(), why(store).constData());
        const Status check = (*store)->integrityCheck();
        QVERIFY(!check.ok());
        QCOMPARE(check.error().code, ErrorCode::Corrupt);
    }

    void fullDiskRefusesTheChangeAndKeepsTheRest()
    {
        // A real full disk when this process may mount a tiny tmpfs (root in the CI
        // container), otherwise SQLite's page limit, which fails the same way (SQLITE_FULL).
        const QString mountPoint = m_dir.filePath(QStringLiteral("tiny"));
        QVERIFY(QDir().mkpath(mountPoint));
        const bool realDisk =
            ::mount("tmpfs", mountPoint.toUtf8().constData(), "tmpfs", 0, "size=2m") == 0;
        const auto unmount = qScopeGuard([&] {
            if (realDisk)
                ::umount2(mountPoint.toUtf8().constData(), MNT_DETACH);
        });
        const QString path = realDisk ? mountPoint + QStringLiteral("/full.db") : freshPath();

        QList<QUuid> kept;
        {
            auto store = create(path);
            for (int i = 0; i < 20; ++i) {
                auto r = store->diary().save(diary(QStringLiteral("kept %1").arg(i)));
                QVERIFY2(r.ok(), why(r).constData());
                kept.append(r->id);
            }
            if (!realDisk)
                QVERIFY(store->database().exec("PRAGMA max_page_count = 60").ok());

            Error full;
            const QString big = QStringLiteral("%1 words that fill the disk ").repeated(600);
            for (int i = 0; i < 2000; ++i) {
                auto r = store->diary().save(diary(big.arg(i)));
                if (!r) {
                    full = r.error();
                    break;
                }
                kept.append(r->id);
            }
            QVERIFY2(full.code == ErrorCode::DiskFull, qPrintable(full.message));
            QVERIFY(full.message.contains(QStringLiteral("disk is full")));
            // Everything committed before is still readable in the same session.
            for (const QUuid &id : std::as_const(kept))
                QVERIFY(store->diary().get(id).ok());
            QCOMPARE(*store->diary().count(), kept.size());
            QCOMPARE(*store->outbox().count(), kept.size());
            QVERIFY(store->audit().verify()->intact());
        }
        auto reopened = Store::open(path, testKey(), Store::Mode::OpenExisting);
        QVERIFY2(reopened.ok(), why(reopened).constData());
        QCOMPARE(*(*reopened)->diary().count(), kept.size());
        QVERIFY((*reopened)->integrityCheck().ok());
    }

    void secondOpenInThisProcessIsBusy()
    {
        const QString path = freshPath();
        auto store = create(path);
        auto second = Store::open(path, testKey(), Store::Mode::OpenExisting);
        QVERIFY(!second.ok());
        QCOMPARE(second.error().code, ErrorCode::Busy);
        QVERIFY(store->diary().save(diary(QStringLiteral("still fine"))).ok());
    }

    void secondProcessIsBusyAndTheLockDiesWithItsHolder()
    {
        const QString path = freshPath();
        QUuid id;
        {
            auto store = create(path);
            id = store->diary().save(diary(QStringLiteral("before"))).value().id;

            QProcess child;
            child.start(QStringLiteral(STORE_CHILD), {QStringLiteral("try-open"), path});
            QVERIFY(child.waitForFinished(20000));
            QCOMPARE(child.readAllStandardOutput().trimmed(),
                     QByteArray::number(int(ErrorCode::Busy)));
        }

        QProcess holder;
        holder.start(QStringLiteral(STORE_CHILD), {QStringLiteral("hold"), path});
        QVERIFY(holder.waitForReadyRead(20000));
        QCOMPARE(holder.readLine().trimmed(), QByteArray("open"));
        QCOMPARE(Store::open(path, testKey(), Store::Mode::OpenExisting).error().code,
                 ErrorCode::Busy);
        holder.kill(); // SIGKILL: no clean shutdown, the lock must still go away
        QVERIFY(holder.waitForFinished(20000));

        auto store = Store::open(path, testKey(), Store::Mode::OpenExisting);
        QVERIFY2(store.ok(), why(store).constData());
        QCOMPARE((*store)->diary().get(id)->text, QStringLiteral("before"));
    }
};

QTEST_GUILESS_MAIN(TestStoreFiles)
#include "tst_store_files.moc"
