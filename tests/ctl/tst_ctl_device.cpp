// SPDX-License-Identifier: GPL-3.0-or-later
// waypointctl device show / device rename end to end: the real binary, a real encrypted store,
// the real waypoint-server over HTTP and a throwaway PostgreSQL. The device says who it is
// for as the server told it; a rename reaches the server's own device list, at once or, when
// the server is down, at the next sync.

#include "CtlProcess.h"
#include "LocalServer.h"
#include "Uuid.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace wp;

namespace {

const QString Pin = QStringLiteral("582047");

using Run = test::CtlRun;

} // namespace

class TestCtlDevice : public QObject
{
    Q_OBJECT

    LocalServer fx;
    LocalServer::Org org;
    QTemporaryDir tmp;
    QString dir;

    Run ctl(const QString &dataDir, const QStringList &args)
    {
        return test::runCtl(dataDir, args, Pin);
    }
    Run device(const QStringList &args)
    {
        return ctl(dir, QStringList{QStringLiteral("device")} + args);
    }
    Run show() { return device({QStringLiteral("show"), QStringLiteral("--json")}); }
    QString listing()
    {
        return fx.admin({QStringLiteral("list-devices"), QStringLiteral("--org"), idText(org.id)});
    }
    QString serversName()
    {
        // "<id>  active   <name> (waypointctl)  user ..."
        const QString id = show().json().value(u"device").toString();
        for (const QString &line : listing().split(u'\n'))
            if (line.startsWith(id))
                return line.section(QStringLiteral("  "), 2)
                    .section(QStringLiteral(" (waypointctl)"), 0, 0)
                    .trimmed();
        return {};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(tmp.isValid());
        QVERIFY2(fx.startDatabase(), qPrintable(fx.lastError()));
        QVERIFY2(fx.startServer(), qPrintable(fx.lastError()));
        org = fx.createOrganisation(QStringLiteral("Riverside Outreach"));
        QVERIFY(!org.worker1.isNull());
        dir = tmp.filePath(QStringLiteral("phone"));
        QCOMPARE(ctl(dir, {QStringLiteral("init")}).exitCode, 0);
    }

    void beforeEnrolmentThereIsNoOneToShow()
    {
        const Run shown = show();
        QCOMPARE(shown.exitCode, 6);
        QVERIFY2(shown.err.contains(u"not enrolled"), qPrintable(shown.err));
        QCOMPARE(device({QStringLiteral("rename"), QStringLiteral("Work phone")}).exitCode, 6);
    }

    void theDeviceSaysWhoItIsFor()
    {
        const Run enrolled =
            ctl(dir, {QStringLiteral("enroll"), QStringLiteral("--server"), fx.baseUrl(),
                      QStringLiteral("--code"), fx.issueCode(org.id, org.worker1),
                      QStringLiteral("--device-name"), QStringLiteral("test phone")});
        QVERIFY2(enrolled.exitCode == 0, qPrintable(enrolled.err));
        const QJsonObject who = show().json();
        QCOMPARE(who.value(u"userName").toString(), QStringLiteral("Sam"));
        QCOMPARE(who.value(u"organisationName").toString(), QStringLiteral("Riverside Outreach"));
        QCOMPARE(who.value(u"role").toString(), QStringLiteral("worker"));
        QCOMPARE(who.value(u"deviceName").toString(), QStringLiteral("test phone"));
        QCOMPARE(who.value(u"nameWaiting").toBool(), false);
        const Run text = device({QStringLiteral("show")});
        QVERIFY2(text.out.contains(u"user: Sam (worker)"), qPrintable(text.out));
        QVERIFY(text.out.contains(u"organisation: Riverside Outreach"));
    }

    void aRenameReachesTheServer()
    {
        QCOMPARE(serversName(), QStringLiteral("test phone"));
        const Run renamed = device({QStringLiteral("rename"), QStringLiteral("  Sam's laptop ")});
        QVERIFY2(renamed.exitCode == 0, qPrintable(renamed.err));
        QVERIFY(renamed.out.contains(u"renamed: Sam's laptop"));
        QCOMPARE(serversName(), QStringLiteral("Sam's laptop"));
        QCOMPARE(show().json().value(u"deviceName").toString(), QStringLiteral("Sam's laptop"));

        // Refused before anything is sent: exit 2, the name kept.
        for (const QString &bad :
             {QStringLiteral("  "), QString(65, u'x'), QStringLiteral("Sam\nlaptop")}) {
            const Run r = device({QStringLiteral("rename"), bad});
            QCOMPARE(r.exitCode, 2);
            QCOMPARE(r.err.split(u'\n', Qt::SkipEmptyParts).size(), 1);
        }
        QCOMPARE(serversName(), QStringLiteral("Sam's laptop"));
    }

    void aRenameWhileTheServerIsDownIsSentAtTheNextSync()
    {
        fx.stopServer();
        const Run offline = device({QStringLiteral("rename"), QStringLiteral("Bus phone")});
        QCOMPARE(offline.exitCode, 5);
        QVERIFY2(offline.err.contains(u"next sync"), qPrintable(offline.err));
        const QJsonObject waiting = show().json();
        QCOMPARE(waiting.value(u"deviceName").toString(), QStringLiteral("Bus phone"));
        QCOMPARE(waiting.value(u"nameWaiting").toBool(), true);
        // A failed sync keeps it waiting.
        QCOMPARE(ctl(dir, {QStringLiteral("sync")}).exitCode, 5);
        QCOMPARE(show().json().value(u"nameWaiting").toBool(), true);

        QVERIFY2(fx.startServer(), qPrintable(fx.lastError()));
        QCOMPARE(serversName(), QStringLiteral("Sam's laptop"));
        const Run synced = ctl(dir, {QStringLiteral("sync"), QStringLiteral("--json")});
        QVERIFY2(synced.exitCode == 0, qPrintable(synced.err));
        QCOMPARE(serversName(), QStringLiteral("Bus phone"));
        QCOMPARE(show().json().value(u"nameWaiting").toBool(), false);
    }

    void aUserRenamedByAnAdministratorIsLearntAtTheNextSync()
    {
        QVERIFY(fx.sql(QStringLiteral("UPDATE users SET name = 'Sam Taylor' WHERE user_id = '%1'")
                           .arg(idText(org.worker1))));
        QVERIFY(fx.sql(QStringLiteral("UPDATE users SET role = 'supervisor' WHERE user_id = '%1'")
                           .arg(idText(org.worker1))));
        QCOMPARE(show().json().value(u"userName").toString(), QStringLiteral("Sam"));
        QCOMPARE(ctl(dir, {QStringLiteral("sync")}).exitCode, 0);
        const QJsonObject who = show().json();
        QCOMPARE(who.value(u"userName").toString(), QStringLiteral("Sam Taylor"));
        QCOMPARE(who.value(u"role").toString(), QStringLiteral("supervisor"));
    }

    void cleanupTestCase() { fx.stopServer(); }
};

QTEST_GUILESS_MAIN(TestCtlDevice)
#include "tst_ctl_device.moc"
