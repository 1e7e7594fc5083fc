// SPDX-License-Identifier: GPL-3.0-or-later
// The app catching up after the server compacted its log past its cursor (410
// resync_required): the App object graph over a real encrypted store against the real
// waypoint-server and PostgreSQL. The status says it is catching up while it runs; records
// deleted on the worker's other device while this one was away leave the lists and search;
// a record typed here offline is kept and sent.

#include "AppContext.h"
#include "Enrolment.h"
#include "FirstDeviceKeys.h"
#include "LocalServer.h"
#include "OtherDevice.h"
#include "Store.h"
#include "SyncEngine.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace wp;
using namespace wp::client;
using namespace wp::sync;

namespace {

const QString Pin = QStringLiteral("246810");

QStringList diaryTexts(DiaryListModel *model)
{
    QStringList out;
    while (model->canFetchMore({}))
        model->fetchMore({});
    for (int row = 0; row < model->rowCount(); ++row)
        out.append(model->data(model->index(row), DiaryListModel::TitleRole).toString());
    return out;
}

DiaryEntry entry(const QString &text)
{
    DiaryEntry e;
    e.text = text;
    e.writtenAt = QDateTime::currentDateTimeUtc();
    return e;
}

} // namespace

class TestAppResync : public QObject
{
    Q_OBJECT

    LocalServer fx;
    QTemporaryDir dir;
    std::unique_ptr<AppContext> app;

    static SyncOptions syncOptions()
    {
        SyncOptions o;
        o.watchConnectivity = false;
        o.backupCost = crypto::KeyBackupCost::minimal();
        o.policy.debounceMs = 60 * 60 * 1000; // runs only when asked
        o.policy.periodicMs = 60 * 60 * 1000;
        o.pageSize = 3; // several pages below the horizon
        o.timeoutMs = 5000;
        return o;
    }

    SyncStatus *sync() const { return app->sync(); }

    bool runOnce()
    {
        QSignalSpy runs(sync(), &SyncStatus::runFinished);
        sync()->syncNow();
        return runs.wait(20000) && sync()->state() == SyncStatus::Idle;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(fx.startDatabase(), qPrintable(fx.lastError()));
        QVERIFY2(fx.startServer(), qPrintable(fx.lastError()));
    }

    void theAppCatchesUpAndDropsWhatWasDeletedElsewhere()
    {
        const LocalServer::Org org = fx.createOrganisation(QStringLiteral("Groyne Peers"));
        VaultPolicy policy;
        policy.kdf = KdfParams::fastForTests();
        app = std::make_unique<AppContext>(
            Session::Options{dir.filePath(QStringLiteral("app")), policy, 6}, syncOptions());
        app->session()->createPin(Pin, Pin);
        app->session()->waitForIdle();
        QCOMPARE(app->session()->state(), Session::Unlocked);
        Store &store = *app->session()->store();
        QList<QUuid> ids;
        for (int i = 0; i < 9; ++i)
            ids.append(
                store.diary()
                    .save(entry(QStringLiteral("Outreach note %1 about oystercatchers").arg(i)))
                    .value()
                    .id);
        app->connection()->enrol(fx.baseUrl(), fx.issueCode(org.id, org.worker1));
        const QString recoveryKey = test::finishFirstDevice(app->connection());
        QVERIFY(app->connection()->enrolled());
        QTRY_VERIFY_WITH_TIMEOUT(sync()->state() == SyncStatus::Idle && !sync()->busy(), 20000);
        QVERIFY(runOnce());
        QVERIFY(runOnce()); // the cursor moves past its own changes
        QCOMPARE(sync()->pendingCount(), 0);
        QVERIFY(store.syncCursor().toULongLong() >= 9);

        // The worker's tablet deletes three entries; the server drops the tombstones.
        OtherDevice tablet;
        auto opened = Store::open(dir.filePath(QStringLiteral("tablet.db")),
                                  SecretBytes::random(Store::KeyBytes), Store::Mode::CreateNew);
        QVERIFY(opened.ok());
        tablet.store = std::move(*opened);
        Enrolment enrolment(nullptr, EnrolmentOptions{crypto::KeyBackupCost::minimal()});
        QString key = recoveryKey;
        QCOMPARE(enrolment.enrol(fx.baseUrl(), fx.issueCode(org.id, org.worker1),
                                 QStringLiteral("tablet"), QStringLiteral("test"), key),
                 Enrolment::Outcome::Done);
        tablet.identity = enrolment.takeIdentity();
        QVERIFY(tablet.sync().ok());
        for (int i : {1, 4, 7})
            QVERIFY(tablet.store->diary().remove(ids.at(i)).ok());
        QVERIFY(tablet.sync().ok());
        QVERIFY(fx.sql(QStringLiteral("UPDATE records SET deleted_at = now() - interval '40 days' "
                                      "WHERE deleted_seq IS NOT NULL")));
        QVERIFY(fx.admin({QStringLiteral("compact"), QStringLiteral("--older-than"),
                          QStringLiteral("30")})
                    .contains(u"3 tombstones"));

        // Typed here meanwhile.
        QVERIFY(store.diary().save(entry(QStringLiteral("Typed at the harbour wall"))).ok());
        sync()->localChange();
        QStringList statuses;
        connect(sync(), &SyncStatus::statusTextChanged, this, [&] {
            if (statuses.isEmpty() || statuses.last() != sync()->statusText())
                statuses.append(sync()->statusText());
        });
        QSignalSpy applied(sync(), &SyncStatus::remoteChangesApplied);
        QVERIFY(runOnce());
        disconnect(sync(), &SyncStatus::statusTextChanged, this, nullptr);
        QVERIFY2(statuses.contains(QStringLiteral("Catching up with the server\u2026")),
                 qPrintable(statuses.join(u'|')));
        QCOMPARE(sync()->statusText(), QStringLiteral("Up to date"));
        QVERIFY(applied.count() >= 1);

        const QStringList texts = diaryTexts(app->diary());
        QCOMPARE(texts.size(), 9 - 3 + 1);
        for (int i : {1, 4, 7})
            QVERIFY(
                !texts.contains(QStringLiteral("Outreach note %1 about oystercatchers").arg(i)));
        QVERIFY(texts.contains(QStringLiteral("Typed at the harbour wall")));
        QCOMPARE(store.search(QStringLiteral("oystercatchers"), 100)->size(), 6);
        QVERIFY(!store.resyncInProgress());
        QVERIFY(tablet.sync().ok());
        QCOMPARE(tablet.store->countByType()->value(RecordType::DiaryEntry), 7);
    }

    void cleanupTestCase() { app.reset(); }
};

QTEST_MAIN(TestAppResync)
#include "tst_app_resync.moc"
