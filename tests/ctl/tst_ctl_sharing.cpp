// SPDX-License-Identifier: GPL-3.0-or-later
// Sharing a diary entry with supervisors, end to end: the real waypointctl binary, real
// encrypted stores, the real waypoint-server and PostgreSQL. Two workers and a supervisor of
// the first: what the worker shares reaches the supervisor (read-only, marked with its
// author) and no one else, a private entry reaches no one, and unsharing removes the
// supervisor's copy and stops the server serving any version of it.

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

class TestCtlSharing : public QObject
{
    Q_OBJECT

    LocalServer fx;
    LocalServer::Org org;
    QTemporaryDir tmp;
    QHash<QUuid, QString> keys; // each user's recovery key, printed by their first device

    Run ctl(const QString &dataDir, const QStringList &args, const QString &recoveryKey = {})
    {
        return test::runCtl(dataDir, args, Pin, recoveryKey);
    }

    // A new store enrolled as `user` (its first device makes the user's keys).
    QString device(const QString &name, const QUuid &user)
    {
        const QString dir = tmp.filePath(name);
        if (ctl(dir, {QStringLiteral("init")}).exitCode != 0)
            return {};
        const Run run = ctl(dir,
                            {QStringLiteral("enroll"), QStringLiteral("--server"), fx.baseUrl(),
                             QStringLiteral("--code"), fx.issueCode(org.id, user),
                             QStringLiteral("--device-name"), name},
                            keys.value(user));
        if (run.exitCode != 0) {
            qWarning("enroll: %s", qPrintable(run.err));
            return {};
        }
        if (const QString made = test::printedRecoveryKey(run.out); !made.isEmpty())
            keys.insert(user, made);
        return dir;
    }

    Run sync(const QString &dir)
    {
        return ctl(dir, {QStringLiteral("sync"), QStringLiteral("--json")});
    }

    QList<QJsonObject> diary(const QString &dir)
    {
        const Run r =
            ctl(dir, {QStringLiteral("diary"), QStringLiteral("list"), QStringLiteral("--json")});
        return r.exitCode == 0 ? r.lines() : QList<QJsonObject>{};
    }

    QString add(const QString &dir, const QString &text)
    {
        const Run r = ctl(
            dir, {QStringLiteral("diary"), QStringLiteral("add"), QStringLiteral("--text"), text});
        return r.exitCode == 0 ? r.out.trimmed() : QString();
    }

    Run share(const QString &dir, const QString &id, bool shared)
    {
        return ctl(dir, {QStringLiteral("diary"),
                         shared ? QStringLiteral("share") : QStringLiteral("unshare"), id});
    }

private slots:
    void initTestCase()
    {
        QVERIFY(tmp.isValid());
        QVERIFY2(fx.startDatabase(), qPrintable(fx.lastError()));
        QVERIFY2(fx.startServer(), qPrintable(fx.lastError()));
        org = fx.createOrganisation(QStringLiteral("Eastgate Peers"));
        QCOMPARE(fx.admin({QStringLiteral("assign-supervisor"), QStringLiteral("--org"),
                           idText(org.id), QStringLiteral("--worker"), idText(org.worker1),
                           QStringLiteral("--supervisor"), idText(org.supervisor)}),
                 QStringLiteral("assigned"));
    }

    void aSharedEntryReachesTheSupervisorAloneAndUnsharingWithdrawsIt()
    {
        const QString worker = device(QStringLiteral("worker-phone"), org.worker1);
        const QString colleague = device(QStringLiteral("colleague-phone"), org.worker2);
        const QString supervisor = device(QStringLiteral("supervisor-laptop"), org.supervisor);
        QVERIFY(!worker.isEmpty() && !colleague.isEmpty() && !supervisor.isEmpty());

        const QString sharedText = QStringLiteral("SHARED-MARKER-7f3a: a hard day at the shelter");
        const QString privateText = QStringLiteral("PRIVATE-MARKER-91c2: not for anyone else");
        const QString shared = add(worker, sharedText);
        const QString kept = add(worker, privateText);
        QVERIFY(!shared.isEmpty() && !kept.isEmpty());
        const Run shareRun = share(worker, shared, true);
        QVERIFY2(shareRun.exitCode == 0, qPrintable(shareRun.err));
        const Run pushed = sync(worker);
        QVERIFY2(pushed.exitCode == 0, qPrintable(pushed.err + pushed.out));
        QCOMPARE(pushed.json()[u"failed"].toInt(), 0);
        QCOMPARE(pushed.json()[u"pending"].toInt(), 0);

        // The supervisor reads the shared entry, marked with its author, and nothing else.
        const Run pulled = sync(supervisor);
        QVERIFY2(pulled.exitCode == 0, qPrintable(pulled.err + pulled.out));
        QCOMPARE(pulled.json()[u"setAside"].toInt(), 0);
        QList<QJsonObject> seen = diary(supervisor);
        QCOMPARE(seen.size(), 1);
        QCOMPARE(seen.first()[u"id"].toString(), shared);
        QCOMPARE(seen.first()[u"text"].toString(), sharedText);
        QCOMPARE(seen.first()[u"author"].toString(), idText(org.worker1));
        QCOMPARE(seen.first()[u"sharedWithMe"].toBool(), true);
        // Read-only: only its author changes it.
        const Run edit = ctl(supervisor, {QStringLiteral("diary"), QStringLiteral("edit"), shared,
                                          QStringLiteral("--text"), QStringLiteral("mine now")});
        QCOMPARE(edit.exitCode, 2);
        QVERIFY2(edit.err.contains(u"only they can change it"), qPrintable(edit.err));
        // The worker's own list does not mark its entries.
        for (const QJsonObject &o : diary(worker))
            QVERIFY(!o.contains(u"author"));

        // Another worker receives neither entry.
        const Run other = sync(colleague);
        QVERIFY2(other.exitCode == 0, qPrintable(other.err));
        QCOMPARE(other.json()[u"pulled"].toInt(), 0);
        QVERIFY(diary(colleague).isEmpty());

        // The server holds ciphertext only.
        const QByteArray dump = fx.pgDump();
        QVERIFY(dump.contains("CREATE TABLE public.withdrawals"));
        for (const QString &marker :
             {QStringLiteral("SHARED-MARKER-7f3a"), QStringLiteral("PRIVATE-MARKER-91c2")}) {
            QVERIFY(!dump.contains(marker.toUtf8()));
            QVERIFY(!dump.contains(marker.toUtf8().toHex()));
        }

        // Unsharing: the supervisor's copy goes at its next sync.
        QCOMPARE(share(worker, shared, false).exitCode, 0);
        const Run unshared = sync(worker);
        QVERIFY2(unshared.exitCode == 0, qPrintable(unshared.err + unshared.out));
        QCOMPARE(unshared.json()[u"failed"].toInt(), 0);
        const Run withdrawn = sync(supervisor);
        QVERIFY2(withdrawn.exitCode == 0, qPrintable(withdrawn.err));
        QCOMPARE(withdrawn.json()[u"withdrawn"].toInt(), 1);
        QVERIFY(diary(supervisor).isEmpty());
        // The worker still has both entries, the shared one private again.
        QList<QJsonObject> own = diary(worker);
        QCOMPARE(own.size(), 2);
        for (const QJsonObject &o : own)
            QCOMPARE(o[u"shared"].toBool(), false);

        // A new device of the supervisor pulling from the start gets no version of it.
        const QString second = device(QStringLiteral("supervisor-phone"), org.supervisor);
        QVERIFY(!second.isEmpty());
        const Run fresh = sync(second);
        QVERIFY2(fresh.exitCode == 0, qPrintable(fresh.err));
        QCOMPARE(fresh.json()[u"pulled"].toInt(), 0);
        QVERIFY(diary(second).isEmpty());

        // Shared again, it reaches both of the supervisor's devices.
        QCOMPARE(share(worker, shared, true).exitCode, 0);
        QCOMPARE(sync(worker).exitCode, 0);
        for (const QString &dir : {supervisor, second}) {
            QCOMPARE(sync(dir).exitCode, 0);
            seen = diary(dir);
            QCOMPARE(seen.size(), 1);
            QCOMPARE(seen.first()[u"text"].toString(), sharedText);
        }
        QVERIFY(diary(colleague).isEmpty());
        QCOMPARE(sync(colleague).json()[u"pulled"].toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCtlSharing)
#include "tst_ctl_sharing.moc"
