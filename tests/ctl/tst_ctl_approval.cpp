// SPDX-License-Identifier: GPL-3.0-or-later
// Approval by an existing device through waypointctl, end to end: the real binary, real
// encrypted stores, the real waypoint-server and PostgreSQL. A later device enrolled with
// --wait-approval prints the number to compare and gets the keys only once the first device
// approves it with that number typed back (a wrong one approves nothing); it then syncs and
// reads the user's records, and the first device is told about it until dismissed. A denied
// device is revoked and wipes itself; one nobody approves gives up after its timeout.

#include "CtlProcess.h"
#include "LocalServer.h"
#include "Uuid.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace wp;

namespace {

const QString Pin = QStringLiteral("582047");

using Run = test::CtlRun;

QString printedFingerprint(const QString &out)
{
    static const QRegularExpression digits(QStringLiteral("\\d{5}( \\d{5}){5}"));
    return digits.match(out).captured(0);
}

} // namespace

class TestCtlApproval : public QObject
{
    Q_OBJECT

    LocalServer fx;
    LocalServer::Org org;
    QTemporaryDir tmp;
    QString first; // the user's first device: it made the keys

    std::unique_ptr<QProcess> start(const QString &dataDir, const QStringList &args)
    {
        return test::startCtl(dataDir, args, Pin);
    }

    static Run finish(QProcess &process) { return test::finishCtl(process); }

    Run ctl(const QString &dataDir, const QStringList &args)
    {
        auto process = start(dataDir, args);
        return finish(*process);
    }

    QStringList enrol(const QString &name, const QStringList &extra = {})
    {
        return QStringList{QStringLiteral("enroll"),
                           QStringLiteral("--server"),
                           fx.baseUrl(),
                           QStringLiteral("--code"),
                           fx.issueCode(org.id, org.worker1),
                           QStringLiteral("--device-name"),
                           name} +
               extra;
    }

    QString newStore(const QString &name)
    {
        const QString dir = tmp.filePath(name);
        return ctl(dir, {QStringLiteral("init")}).exitCode == 0 ? dir : QString();
    }

    // Starts a later device's enrolment that waits for approval; `printed` gets its stdout up
    // to the number it shows.
    std::unique_ptr<QProcess> waitingDevice(const QString &dir, const QString &name,
                                            QString &printed, int timeoutSeconds = 120)
    {
        auto process =
            start(dir, enrol(name, {QStringLiteral("--wait-approval"), QStringLiteral("--timeout"),
                                    QString::number(timeoutSeconds)}));
        QElapsedTimer waited;
        waited.start();
        while (printedFingerprint(printed).isEmpty() && waited.elapsed() < 60'000 &&
               process->state() != QProcess::NotRunning) {
            process->waitForReadyRead(1000);
            printed += QString::fromUtf8(process->readAllStandardOutput());
        }
        return process;
    }

    QJsonObject pendingDevice(const QString &name)
    {
        const Run listed = ctl(first, {QStringLiteral("devices"), QStringLiteral("pending"),
                                       QStringLiteral("--json")});
        for (const QJsonObject &o : listed.lines())
            if (o[u"name"].toString() == name)
                return o;
        qWarning("not pending: %s %s", qPrintable(listed.out), qPrintable(listed.err));
        return {};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(tmp.isValid());
        QVERIFY2(fx.startDatabase(), qPrintable(fx.lastError()));
        QVERIFY2(fx.startServer(), qPrintable(fx.lastError()));
        org = fx.createOrganisation(QStringLiteral("Riverside Peers"));
        first = newStore(QStringLiteral("first"));
        QVERIFY(!first.isEmpty());
        const Run enrolled = ctl(first, enrol(QStringLiteral("first phone")));
        QVERIFY2(enrolled.exitCode == 0, qPrintable(enrolled.err));
        const Run added =
            ctl(first, {QStringLiteral("diary"), QStringLiteral("add"), QStringLiteral("--text"),
                        QStringLiteral("Walked Dee to the housing office")});
        QCOMPARE(added.exitCode, 0);
        QCOMPARE(ctl(first, {QStringLiteral("sync")}).exitCode, 0);
    }

    void aLaterDeviceGetsTheKeysOnceApprovedWithTheNumberItShows()
    {
        const QString later = newStore(QStringLiteral("later"));
        QVERIFY(!later.isEmpty());
        QString printed;
        auto waiting = waitingDevice(later, QStringLiteral("Sam's laptop"), printed);
        const QString shown = printedFingerprint(printed);
        QVERIFY2(!shown.isEmpty(), qPrintable(printed));

        const QJsonObject pending = pendingDevice(QStringLiteral("Sam's laptop"));
        QCOMPARE(pending[u"fingerprint"].toString(), shown);
        QCOMPARE(pending[u"state"].toString(), QStringLiteral("pending"));
        const QString id = pending[u"id"].toString();
        QVERIFY(printed.contains(id));

        // A wrong number typed back approves nothing.
        QString wrong = shown;
        wrong[0] = wrong[0] == u'1' ? u'2' : u'1';
        const Run refused =
            ctl(first, {QStringLiteral("device"), QStringLiteral("approve"), id, wrong});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains(u"not the number"), qPrintable(refused.err));
        QCOMPARE(waiting->state(), QProcess::Running);
        QCOMPARE(pendingDevice(QStringLiteral("Sam's laptop"))[u"state"].toString(),
                 QStringLiteral("pending"));

        // The right one, typed as six groups.
        const Run approved =
            ctl(first, QStringList{QStringLiteral("device"), QStringLiteral("approve"), id} +
                           shown.split(u' '));
        QVERIFY2(approved.exitCode == 0, qPrintable(approved.err));
        Run received = finish(*waiting);
        received.out.prepend(printed);
        QVERIFY2(received.exitCode == 0, qPrintable(received.err + received.out));
        QVERIFY(received.out.contains(u"Approved: keys received."));

        // The first device says so after its sync; the new one syncs and reads the records.
        const QString notice = ctl(first, {QStringLiteral("sync")}).out;
        QVERIFY2(notice.contains(u"new device: \"Sam's laptop\""), qPrintable(notice));
        const Run synced = ctl(later, {QStringLiteral("sync"), QStringLiteral("--json")});
        QVERIFY2(synced.exitCode == 0, qPrintable(synced.err + synced.out));
        QCOMPARE(synced.json()[u"pulled"].toInt(), 1);
        const Run diary =
            ctl(later, {QStringLiteral("diary"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(diary.lines().size(), 1);
        QCOMPARE(diary.lines().first()[u"text"].toString(),
                 QStringLiteral("Walked Dee to the housing office"));

        // The first device is told about it at every sync until dismissed.
        Run told = ctl(first, {QStringLiteral("sync"), QStringLiteral("--json")});
        QCOMPARE(told.exitCode, 0);
        const QJsonArray notices = told.json()[u"newDevices"].toArray();
        QCOMPARE(notices.size(), 1);
        QCOMPARE(notices.first().toObject()[u"id"].toString(), id);
        QCOMPARE(notices.first().toObject()[u"state"].toString(), QStringLiteral("approved"));
        QCOMPARE(ctl(first, {QStringLiteral("devices"), QStringLiteral("dismiss"), id}).exitCode,
                 0);
        told = ctl(first, {QStringLiteral("sync"), QStringLiteral("--json")});
        QVERIFY(told.json()[u"newDevices"].toArray().isEmpty());
    }

    void aDeniedDeviceIsRevokedAndWipesItself()
    {
        const QString denied = newStore(QStringLiteral("denied"));
        QVERIFY(!denied.isEmpty());
        QString printed;
        auto waiting = waitingDevice(denied, QStringLiteral("unknown tablet"), printed);
        QVERIFY2(!printedFingerprint(printed).isEmpty(), qPrintable(printed));
        const QString id = pendingDevice(QStringLiteral("unknown tablet"))[u"id"].toString();
        QVERIFY(!id.isEmpty());
        // Without a terminal, denying needs --yes.
        QCOMPARE(ctl(first, {QStringLiteral("device"), QStringLiteral("deny"), id}).exitCode, 2);
        const Run deny = ctl(
            first, {QStringLiteral("device"), QStringLiteral("deny"), id, QStringLiteral("--yes")});
        QVERIFY2(deny.exitCode == 0, qPrintable(deny.err));
        const Run ended = finish(*waiting);
        QCOMPARE(ended.exitCode, 6);
        QVERIFY2(ended.err.contains(u"revoked"), qPrintable(ended.err));
        // Its store is gone: the folder is as on a new device.
        QCOMPARE(ctl(denied, {QStringLiteral("diary"), QStringLiteral("list")}).exitCode, 4);
        QVERIFY(pendingDevice(QStringLiteral("unknown tablet")).isEmpty());
    }

    void aDeviceNobodyApprovesGivesUpAfterItsTimeout()
    {
        const QString waiting = newStore(QStringLiteral("waiting"));
        QVERIFY(!waiting.isEmpty());
        QString printed;
        auto process = waitingDevice(waiting, QStringLiteral("spare phone"), printed, 2);
        const Run ended = finish(*process);
        QCOMPARE(ended.exitCode, 5);
        QVERIFY2(ended.err.contains(u"await-approval"), qPrintable(ended.err));
        // Still enrolled, still waiting: another wait shows the same number.
        QString again;
        auto resumed = start(waiting, {QStringLiteral("await-approval"),
                                       QStringLiteral("--timeout"), QStringLiteral("1")});
        const Run second = finish(*resumed);
        QCOMPARE(second.exitCode, 5);
        QCOMPARE(printedFingerprint(second.out), printedFingerprint(printed));
    }
};

QTEST_GUILESS_MAIN(TestCtlApproval)
#include "tst_ctl_approval.moc"
