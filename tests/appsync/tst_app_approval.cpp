// SPDX-License-Identifier: GPL-3.0-or-later
// Approval of a new device by an existing one, through the app's controllers (SyncConnection
// on the new device, NewDeviceNotices on the existing one), each an App over its own
// encrypted store, against the real waypoint-server and PostgreSQL: the new device shows the
// request's number and waits in the background, also across a restart; the existing device
// lists it, refuses a mistyped number without sending anything, approves with the right one;
// the new device then has the user's keys and syncs. A denied device wipes itself; a device
// that turns to the recovery key instead stops being "pending" on the others.

#include "AppContext.h"
#include "FirstDeviceKeys.h"
#include "LocalServer.h"
#include "Store.h"
#include "SyncIdentity.h"
#include "Uuid.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace wp;
using namespace wp::client;
using namespace wp::sync;

namespace {

const QString Pin = QStringLiteral("246810");

SyncOptions syncOptions()
{
    SyncOptions o;
    o.watchConnectivity = false;
    o.backupCost = crypto::KeyBackupCost::minimal();
    o.policy.debounceMs = 400;
    o.policy.periodicMs = 60 * 60 * 1000;
    o.timeoutMs = 3000;
    o.approvalPollMs = 150;
    return o;
}

QString wrongNumber(const QString &shown)
{
    QString typed = shown;
    const int last = int(typed.size()) - 1;
    typed[last] = typed[last] == u'0' ? u'1' : u'0';
    return typed;
}

} // namespace

class TestAppApproval : public QObject
{
    Q_OBJECT

    LocalServer fx;
    LocalServer::Org org;
    QTemporaryDir dir;
    std::unique_ptr<AppContext> first; // worker 1's first device: it made the keys
    QString recoveryKey;
    int apps = 0;

    std::unique_ptr<AppContext> startApp(const QString &name)
    {
        VaultPolicy policy;
        policy.kdf = KdfParams::fastForTests();
        return std::make_unique<AppContext>(Session::Options{dir.filePath(name), policy, 6},
                                            syncOptions());
    }
    static bool unlock(AppContext &app)
    {
        app.session()->unlock(Pin);
        app.session()->waitForIdle();
        return app.session()->state() == Session::Unlocked;
    }
    // A new phone of worker 1, its code redeemed: it waits at the choice of how keys come.
    std::unique_ptr<AppContext> newPhone(const QString &name)
    {
        auto phone = startApp(name);
        phone->session()->createPin(Pin, Pin);
        phone->session()->waitForIdle();
        if (!phone->connection()->setDeviceName(name))
            return nullptr;
        phone->connection()->enrol(fx.baseUrl(), fx.issueCode(org.id, org.worker1));
        if (!QTest::qWaitFor(
                [&] { return phone->connection()->enrolStep() == SyncConnection::ChooseKeyWay; },
                15000))
            return nullptr;
        return phone;
    }
    static QString deviceIdOf(AppContext &app)
    {
        auto id = SyncIdentity::load(*app.session()->store());
        return id ? idText(id->credentials.deviceId) : QString();
    }
    // The row of `deviceId` in the existing device's notices, once listed; -1 if it is not.
    static int rowOf(NewDeviceNotices *notices, const QString &deviceId)
    {
        for (int r = 0; r < notices->rowCount(); ++r)
            if (notices->data(notices->index(r), NewDeviceNotices::DeviceIdRole).toString() ==
                deviceId)
                return r;
        return -1;
    }
    static QString stateOf(NewDeviceNotices *notices, const QString &deviceId)
    {
        const int r = rowOf(notices, deviceId);
        return r < 0 ? QString()
                     : notices->data(notices->index(r), NewDeviceNotices::StateRole).toString();
    }
    bool listedAs(const QString &deviceId, const QString &state)
    {
        return QTest::qWaitFor(
            [&] {
                if (stateOf(first->newDevices(), deviceId) == state)
                    return true;
                first->newDevices()->refresh();
                QTest::qWait(100);
                return stateOf(first->newDevices(), deviceId) == state;
            },
            15000);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(dir.isValid());
        QVERIFY2(fx.startDatabase(), qPrintable(fx.lastError()));
        QVERIFY2(fx.startServer(), qPrintable(fx.lastError()));
        org = fx.createOrganisation(QStringLiteral("Harbour Peers"));
        first = startApp(QStringLiteral("first"));
        first->session()->createPin(Pin, Pin);
        first->session()->waitForIdle();
        QVERIFY(first->connection()->setDeviceName(QStringLiteral("Work phone")));
        first->connection()->enrol(fx.baseUrl(), fx.issueCode(org.id, org.worker1));
        recoveryKey = test::finishFirstDevice(first->connection());
        QVERIFY(!recoveryKey.isEmpty());
        QCOMPARE(first->newDevices()->count(), 0);
    }

    void aNewDeviceWaitsAcrossARestartAndIsApprovedWithTheNumberItShows()
    {
        auto tester = std::make_unique<QAbstractItemModelTester>(
            first->newDevices(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto phone = newPhone(QStringLiteral("Pixel 8"));
        QVERIFY(phone);
        SyncConnection *c = phone->connection();
        QVERIFY(!c->firstDevice());
        QVERIFY(c->approvalFingerprint().isEmpty());
        c->askApproval();
        QTRY_COMPARE_WITH_TIMEOUT(c->enrolStep(), SyncConnection::AwaitApproval, 15000);
        const QString shown = c->approvalFingerprint();
        QCOMPARE(c->approvalFingerprintGroups().size(), 6);
        for (const QString &g : c->approvalFingerprintGroups())
            QCOMPARE(g.size(), 5);
        QVERIFY(!c->enrolled());
        QVERIFY(!c->busy()); // waiting does not hold the screen

        // Closed and started again: still waiting, with the same number.
        const QString id = deviceIdOf(*phone);
        phone.reset();
        phone = startApp(QStringLiteral("Pixel 8"));
        QVERIFY(unlock(*phone));
        c = phone->connection();
        QCOMPARE(c->enrolStep(), SyncConnection::AwaitApproval);
        QCOMPARE(c->approvalFingerprint(), shown);

        // The existing device is told, with the name; Today's line names it.
        QVERIFY(listedAs(id, QStringLiteral("pending")));
        NewDeviceNotices *notices = first->newDevices();
        QVERIFY2(notices->pendingNotice().startsWith(u"A new device asks to join: Pixel 8, "),
                 qPrintable(notices->pendingNotice()));
        QCOMPARE(notices->device(id).value(QStringLiteral("name")).toString(),
                 QStringLiteral("Pixel 8"));

        // A mistyped number: a clear error, nothing sent, the device still waits.
        QVERIFY(!notices->approve(id, wrongNumber(shown)));
        QVERIFY2(notices->actionError().contains(u"Nothing was sent"),
                 qPrintable(notices->actionError()));
        QVERIFY(!notices->busy());
        QTest::qWait(600); // several checks of the new device
        QCOMPARE(c->enrolStep(), SyncConnection::AwaitApproval);
        QVERIFY(listedAs(id, QStringLiteral("pending")));

        // The right one, typed without spaces: approved, and the new device gets the keys.
        QSignalSpy approved(notices, &NewDeviceNotices::approved);
        QString typed = shown;
        QVERIFY(notices->approve(id, typed.remove(u' ')));
        QVERIFY(approved.wait(15000));
        QVERIFY(notices->actionError().isEmpty());
        QCOMPARE(stateOf(notices, id), QStringLiteral("approved"));
        QVERIFY(notices->pendingNotice().isEmpty());

        QTRY_VERIFY_WITH_TIMEOUT(c->enrolled(), 15000);
        QCOMPARE(c->keyFingerprint(), first->connection()->keyFingerprint());
        QVERIFY(c->approvalFingerprint().isEmpty());
        auto saved = SyncIdentity::load(*phone->session()->store());
        QVERIFY(saved.ok());
        QVERIFY(saved->hasKeys());
        QVERIFY(saved->approvalRequest.secretKey.isEmpty()); // wiped once the keys came
        // And it syncs, by itself.
        QTRY_VERIFY_WITH_TIMEOUT(phone->sync()->lastSync().isValid() && !phone->sync()->busy(),
                                 15000);
        QCOMPARE(phone->sync()->state(), SyncStatus::Idle);

        // The notice stays until dismissed, and a dismissal lasts across a restart.
        notices->dismiss(id);
        QCOMPARE(rowOf(notices, id), -1);
        QTRY_VERIFY_WITH_TIMEOUT(
            SyncIdentity::load(*first->session()->store())->noticedDevices.contains(idFromText(id)),
            15000);
        tester.reset();
        first.reset();
        first = startApp(QStringLiteral("first"));
        QVERIFY(unlock(*first));
        QTest::qWait(500);
        first->newDevices()->refresh();
        QTest::qWait(500);
        QCOMPARE(rowOf(first->newDevices(), id), -1);
        QTRY_VERIFY_WITH_TIMEOUT(!phone->sync()->busy(), 15000);
    }

    void aDeniedDeviceWipesItself()
    {
        auto phone = newPhone(QStringLiteral("Unknown tablet"));
        QVERIFY(phone);
        phone->connection()->askApproval();
        QTRY_COMPARE_WITH_TIMEOUT(phone->connection()->enrolStep(), SyncConnection::AwaitApproval,
                                  15000);
        const QString id = deviceIdOf(*phone);
        QVERIFY(listedAs(id, QStringLiteral("pending")));
        QSignalSpy denied(first->newDevices(), &NewDeviceNotices::denied);
        first->newDevices()->deny(id);
        QVERIFY(denied.wait(15000));
        QCOMPARE(rowOf(first->newDevices(), id), -1);
        // Its next check: revoked, so it erases itself, to the neutral screen.
        QTRY_COMPARE_WITH_TIMEOUT(phone->session()->state(), Session::NeedsSetup, 15000);
        QVERIFY(phone->session()->hidden());
        QVERIFY(!phone->connection()->enrolled());
    }

    void theRecoveryKeyInsteadEndsThePendingRequest()
    {
        auto phone = newPhone(QStringLiteral("Old laptop"));
        QVERIFY(phone);
        SyncConnection *c = phone->connection();
        c->askApproval();
        QTRY_COMPARE_WITH_TIMEOUT(c->enrolStep(), SyncConnection::AwaitApproval, 15000);
        const QString id = deviceIdOf(*phone);
        QVERIFY(listedAs(id, QStringLiteral("pending")));

        // No other device at hand after all: the person turns to the recovery key, and can
        // still go back to waiting.
        c->useRecoveryKey();
        QCOMPARE(c->enrolStep(), SyncConnection::EnterRecoveryKey);
        c->askAnotherDevice();
        QCOMPARE(c->enrolStep(), SyncConnection::AwaitApproval);
        c->useRecoveryKey();
        c->restoreKeys(recoveryKey);
        QTRY_VERIFY_WITH_TIMEOUT(c->enrolled(), 15000);

        // The other device no longer offers to approve it: restored with the recovery key.
        QVERIFY(listedAs(id, QStringLiteral("unapproved")));
        const QModelIndex row = first->newDevices()->index(rowOf(first->newDevices(), id));
        QVERIFY(first->newDevices()
                    ->data(row, NewDeviceNotices::StateTextRole)
                    .toString()
                    .contains(u"recovery key"));
        QVERIFY(first->newDevices()->pendingNotice().isEmpty());
        QVERIFY(!first->newDevices()->approve(id, QStringLiteral("00000")));
        QTRY_VERIFY_WITH_TIMEOUT(!phone->sync()->busy(), 15000);
    }

    void cleanupTestCase() { first.reset(); }
};

QTEST_MAIN(TestAppApproval)
#include "tst_app_approval.moc"
