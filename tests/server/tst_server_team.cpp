// SPDX-License-Identifier: GPL-3.0-or-later
// A supervisor's team in the key directory, against a real PostgreSQL and waypoint-server over
// real HTTP (docs/protocol.md, "Team"): the last contact of each worker they supervise, and of
// nobody else; a worker's directory carries none.

#include "LocalServer.h"
#include "TestDevice.h"
#include "Uuid.h"
#include "wire/Codec.h"

#include <QCborMap>
#include <QCborValue>
#include <QTest>

using namespace wp;
using namespace wp::wire;

class TestServerTeam : public QObject
{
    Q_OBJECT

    LocalServer fx;
    LocalServer::Org org;
    QUuid robin;

    void assign(const QUuid &worker, const QUuid &supervisor)
    {
        QCOMPARE(fx.admin({QStringLiteral("assign-supervisor"), QStringLiteral("--org"),
                           idText(org.id), QStringLiteral("--worker"), idText(worker),
                           QStringLiteral("--supervisor"), idText(supervisor)}),
                 QStringLiteral("assigned"));
    }
    // Every device of `user` last reached the server at `at`.
    void lastSeen(const QUuid &user, const QDateTime &at)
    {
        QVERIFY(fx.sql(QStringLiteral("UPDATE devices SET last_seen_at = '%1' WHERE user_id = '%2'")
                           .arg(at.toUTC().toString(Qt::ISODateWithMs), idText(user))));
    }
    static QByteArray keysOf(TestDevice &d)
    {
        const HttpReply reply = d.call("GET", QStringLiteral("/v1/keys"));
        return reply.status == 200 ? reply.body : QByteArray();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(fx.startDatabase(), qPrintable(fx.lastError()));
        QVERIFY2(fx.startServer(), qPrintable(fx.lastError()));
        org = fx.createOrganisation(QStringLiteral("Riverside Outreach"));
        robin = QUuid::fromString(
            fx.admin({QStringLiteral("create-user"), QStringLiteral("--org"), idText(org.id),
                      QStringLiteral("--name"), QStringLiteral("Robin"), QStringLiteral("--role"),
                      QStringLiteral("supervisor")}));
        QVERIFY(!robin.isNull());
        assign(org.worker1, org.supervisor); // Alex supervises Sam
        assign(org.worker2, robin);          // Robin supervises Jo
    }

    void aSupervisorLearnsTheLastContactOfTheirWorkersAlone()
    {
        TestDevice sam(fx.baseUrl()), jo(fx.baseUrl()), alex(fx.baseUrl()),
            robinsPhone(fx.baseUrl());
        QVERIFY(sam.enrol(fx.issueCode(org.id, org.worker1)));
        QVERIFY(jo.enrol(fx.issueCode(org.id, org.worker2)));
        QVERIFY(alex.enrol(fx.issueCode(org.id, org.supervisor)));
        QVERIFY(robinsPhone.enrol(fx.issueCode(org.id, robin)));
        const QDateTime samSeen(QDate(2026, 12, 1), QTime(9, 30), Qt::UTC);
        const QDateTime joSeen(QDate(2026, 11, 20), QTime(17, 5), Qt::UTC);
        lastSeen(org.worker1, samSeen);
        lastSeen(org.worker2, joSeen);

        auto dir = decodeKeyDirectory(keysOf(alex));
        QVERIFY2(dir.ok(), dir.ok() ? "" : qPrintable(dir.error().message));
        QCOMPARE(dir->workers.size(), 1);
        QCOMPARE(dir->workers.at(0).userId, org.worker1);
        QCOMPARE(dir->workers.at(0).lastContactMs, samSeen.toMSecsSinceEpoch());

        dir = decodeKeyDirectory(keysOf(robinsPhone));
        QVERIFY(dir.ok());
        QCOMPARE(dir->workers.size(), 1);
        QCOMPARE(dir->workers.at(0).userId, org.worker2);
        QCOMPARE(dir->workers.at(0).lastContactMs, joSeen.toMSecsSinceEpoch());

        // A worker's directory names their supervisor and carries no contact time (key 6).
        const QByteArray own = keysOf(sam);
        dir = decodeKeyDirectory(own);
        QVERIFY(dir.ok());
        QVERIFY(dir->workers.isEmpty());
        QVERIFY(!QCborValue::fromCbor(own).toMap().contains(6));

        // Sam's request was a contact: Alex sees it next time, to the minute.
        dir = decodeKeyDirectory(keysOf(alex));
        QVERIFY(dir.ok());
        QVERIFY(dir->workers.at(0).lastContactMs > QDateTime::currentMSecsSinceEpoch() - 60'000);
    }

    // A directory from an older server (no key 6) reads as "not told"; key 6 naming someone
    // who is not a worker of the caller changes nothing.
    void theCodecKeepsContactsToListedWorkers()
    {
        KeyDirectory sent;
        sent.workers = {{org.worker1, QStringLiteral("Sam"), 1'764'000'000'000},
                        {org.worker2, QStringLiteral("Jo"), 0}};
        auto back = decodeKeyDirectory(encode(sent));
        QVERIFY(back.ok());
        QCOMPARE(back->workers.at(0).lastContactMs, qint64(1'764'000'000'000));
        QCOMPARE(back->workers.at(1).lastContactMs, qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestServerTeam)
#include "tst_server_team.moc"
