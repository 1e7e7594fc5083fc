// SPDX-License-Identifier: GPL-3.0-or-later
// Who a device is for, and its name, against a real PostgreSQL and waypoint-server over real
// HTTP (docs/protocol.md, "Who the device is for, and its name"): the enrolment reply and the
// device status carry the user's and organisation's names, and PUT /v1/device/name renames the
// device in the server's own list.

#include "LocalServer.h"
#include "TestDevice.h"
#include "Uuid.h"
#include "wire/Codec.h"

#include <QTest>

using namespace wp;
using namespace wp::wire;

class TestServerDeviceNames : public QObject
{
    Q_OBJECT

    LocalServer fx;
    LocalServer::Org org;

    QString listing()
    {
        return fx.admin({QStringLiteral("list-devices"), QStringLiteral("--org"), idText(org.id)});
    }
    HttpReply rename(TestDevice &d, const QString &name)
    {
        return d.call("PUT", QStringLiteral("/v1/device/name"), encode(DeviceName{name}));
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(fx.startDatabase(), qPrintable(fx.lastError()));
        QVERIFY2(fx.startServer(), qPrintable(fx.lastError()));
        org = fx.createOrganisation(QStringLiteral("Riverside Outreach"));
        QVERIFY(!org.worker1.isNull());
    }

    void theEnrolmentReplyAndTheStatusSayWhoTheDeviceIsFor()
    {
        TestDevice d(fx.baseUrl());
        QVERIFY(d.enrol(fx.issueCode(org.id, org.supervisor)));
        QCOMPARE(d.credentials.userName, QStringLiteral("Alex"));
        QCOMPARE(d.credentials.organisationName, QStringLiteral("Riverside Outreach"));
        QCOMPARE(d.credentials.role, QStringLiteral("supervisor"));

        auto status = decodeDeviceStatus(d.call("GET", QStringLiteral("/v1/device")).body);
        QVERIFY(status.ok());
        QCOMPARE(status->userName, QStringLiteral("Alex"));
        QCOMPARE(status->organisationName, QStringLiteral("Riverside Outreach"));
        QCOMPARE(status->role, QStringLiteral("supervisor"));

        // An administrator renames the user: the next status says so.
        QVERIFY(fx.sql(QStringLiteral("UPDATE users SET name = 'Alex Morgan' WHERE user_id = '%1'")
                           .arg(idText(org.supervisor))));
        status = decodeDeviceStatus(d.call("GET", QStringLiteral("/v1/device")).body);
        QVERIFY(status.ok());
        QCOMPARE(status->userName, QStringLiteral("Alex Morgan"));
    }

    void aNameADeviceWouldRefuseIsLeftOut()
    {
        // A name the device would refuse (a control character) is not sent: enrolment and
        // status still work.
        QVERIFY(fx.sql(QStringLiteral("UPDATE users SET name = E'Jo\\nBloggs' WHERE user_id = '%1'")
                           .arg(idText(org.worker2))));
        TestDevice d(fx.baseUrl());
        QVERIFY(d.enrol(fx.issueCode(org.id, org.worker2)));
        QVERIFY(d.credentials.userName.isEmpty());
        QCOMPARE(d.credentials.organisationName, QStringLiteral("Riverside Outreach"));
        auto status = decodeDeviceStatus(d.call("GET", QStringLiteral("/v1/device")).body);
        QVERIFY2(status.ok(), qPrintable(status ? QString() : status.error().message));
        QVERIFY(status->userName.isEmpty());
        QVERIFY(fx.sql(QStringLiteral("UPDATE users SET name = 'Jo' WHERE user_id = '%1'")
                           .arg(idText(org.worker2))));
    }

    void aDeviceRenamesItselfInTheServersList()
    {
        TestDevice d(fx.baseUrl());
        QVERIFY(d.enrol(fx.issueCode(org.id, org.worker1)));
        const QString id = idText(d.credentials.deviceId);
        QVERIFY(listing().contains(id + QStringLiteral("  active   test phone (linux)")));

        const HttpReply renamed = rename(d, QStringLiteral("  Work phone  "));
        QCOMPARE(renamed.status, 200);
        QVERIFY(decodeAck(renamed.body).ok());
        QVERIFY2(listing().contains(id + QStringLiteral("  active   Work phone (linux)")),
                 qPrintable(listing()));
        // Again: the same answer (a retry after a lost reply).
        QCOMPARE(rename(d, QStringLiteral("Work phone")).status, 200);

        // Refused, the name kept: blank or a control character (malformed), too long.
        for (const QString &bad : {QStringLiteral("   "), QStringLiteral("Work\u0007phone")}) {
            const HttpReply r = rename(d, bad);
            QCOMPARE(r.status, 400);
            QCOMPARE(r.code, QStringLiteral("malformed"));
        }
        const HttpReply tooLong = rename(d, QString(65, u'x'));
        QCOMPARE(tooLong.status, 413);
        QCOMPARE(tooLong.code, QStringLiteral("too_large"));
        QVERIFY(listing().contains(id + QStringLiteral("  active   Work phone (linux)")));
        QCOMPARE(rename(d, QString(64, u'y')).status, 200);
        QVERIFY(listing().contains(id + QStringLiteral("  active   ") + QString(64, u'y')));
    }

    void renamingNeedsTheDevicesOwnCredentials()
    {
        TestDevice d(fx.baseUrl());
        QVERIFY(d.enrol(fx.issueCode(org.id, org.worker1)));
        const HttpReply anonymous = d.call("PUT", QStringLiteral("/v1/device/name"),
                                           encode(DeviceName{QStringLiteral("x")}), false);
        QCOMPARE(anonymous.status, 401);
        TestDevice impostor(fx.baseUrl());
        impostor.credentials = d.credentials;
        impostor.credentials.token[0] = char(impostor.credentials.token[0] ^ 1);
        QCOMPARE(rename(impostor, QStringLiteral("Stolen")).status, 401);
        QVERIFY(!listing().contains(QStringLiteral("Stolen")));
        // The wrong method on the route, and a revoked device.
        QCOMPARE(d.call("GET", QStringLiteral("/v1/device/name")).status, 405);
        QVERIFY(fx.admin({QStringLiteral("revoke-device"), QStringLiteral("--org"), idText(org.id),
                          QStringLiteral("--device"), idText(d.credentials.deviceId)})
                    .startsWith(u"revoked"));
        const HttpReply revoked = rename(d, QStringLiteral("After revocation"));
        QCOMPARE(revoked.status, 403);
        QCOMPARE(revoked.code, QStringLiteral("device_revoked"));
        QVERIFY(!listing().contains(QStringLiteral("After revocation")));
    }

    void cleanupTestCase() { fx.stopServer(); }
};

QTEST_GUILESS_MAIN(TestServerDeviceNames)
#include "tst_server_device_names.moc"
