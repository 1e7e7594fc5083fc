// SPDX-License-Identifier: GPL-3.0-or-later
// Crash consistency: a writer process is SIGKILLed at random moments, hundreds of times.
// Every record it reported as committed must be there afterwards, and the file must pass
// PRAGMA integrity_check. This is the promise WAL + synchronous=NORMAL gives for app crashes.

#include "StoreTestSupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>
#include <QThread>

#include <csignal>

using namespace wp;
using namespace wp::test;

class TestStoreCrash : public QObject
{
    Q_OBJECT

private slots:
    void killedWriterLosesNothingCommitted()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("crash.db"));
        const quint32 seed = QRandomGenerator::global()->generate();
        QRandomGenerator random(seed);
        const QByteArray seedNote = "seed " + QByteArray::number(seed);

        QList<QUuid> reported;
        int killedAfterWrites = 0;
        const int rounds = 200;
        QElapsedTimer clock;
        clock.start();
        for (int round = 0; round < rounds; ++round) {
            QProcess child;
            child.start(QStringLiteral(STORE_CHILD), {QStringLiteral("add"), path});
            QVERIFY(child.waitForStarted(10000));
            // Half the kills land anywhere (even while opening or migrating), half while
            // records are being written.
            if (random.bounded(2) == 0)
                child.waitForReadyRead(5000);
            QThread::msleep(random.bounded(40));
            ::kill(pid_t(child.processId()), SIGKILL);
            QVERIFY(child.waitForFinished(10000));

            QList<QUuid> thisRound;
            for (const QByteArray &line : child.readAllStandardOutput().split('\n')) {
                if (line.isEmpty())
                    continue;
                QVERIFY2(!line.startsWith("error"), QByteArray(line + ' ' + seedNote).constData());
                const QUuid id = QUuid::fromString(QLatin1String(line));
                QVERIFY2(!id.isNull(),
                         QByteArray(line + ' ' + seedNote).constData()); // lines are whole
                thisRound.append(id);
            }
            killedAfterWrites += thisRound.isEmpty() ? 0 : 1;
            reported += thisRound;

            if (!QFile::exists(path) || reported.isEmpty())
                continue; // killed before the store was ever created
            auto store = Store::open(path, testKey(), Store::Mode::OpenExisting);
            QVERIFY2(store.ok(), QByteArray(why(store) + ' ' + seedNote).constData());
            for (const QUuid &id : std::as_const(thisRound))
                QVERIFY2((*store)->diary().get(id).ok(), seedNote.constData());
            const Status check = (*store)->integrityCheck();
            QVERIFY2(check.ok(), QByteArray(why(check) + ' ' + seedNote).constData());
        }

        auto store = Store::open(path, testKey(), Store::Mode::OpenExisting);
        QVERIFY2(store.ok(), why(store).constData());
        for (const QUuid &id : std::as_const(reported))
            QVERIFY2((*store)->diary().get(id).ok(), seedNote.constData());
        // A kill between commit and printing leaves at most one unreported record per round.
        const qint64 stored = *(*store)->diary().count();
        QVERIFY(stored >= reported.size());
        QVERIFY(stored <= reported.size() + rounds);
        QVERIFY((*store)->audit().verify()->intact());
        QCOMPARE(*(*store)->outbox().count(), stored);
        QVERIFY((*store)->integrityCheck().ok());
        QVERIFY2(killedAfterWrites > rounds / 3, "too few kills landed while writing");
        QVERIFY2(clock.elapsed() < 90000, "the crash test should stay short");
    }
};

QTEST_GUILESS_MAIN(TestStoreCrash)
#include "tst_store_crash.moc"
