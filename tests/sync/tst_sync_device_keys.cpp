// SPDX-License-Identifier: GPL-3.0-or-later
// Each device's own box key (docs/protocol.md, "Key rotation after a revocation"): a device
// with the user's keys makes one, keeps it in its sync identity and publishes it signed by
// the user at its next sync, so a rotation can seal the user's new keys to it.

#include "EngineDevice.h"
#include "LocalServer.h"
#include "SyncIdentity.h"
#include "TestDevice.h"
#include "crypto/KeyRotation.h"
#include "wire/RotationCodec.h"

#include <QTemporaryDir>
#include <QTest>

using namespace wp;
using namespace wp::sync;
using wp::test::why;

class TestSyncDeviceKeys : public QObject
{
    Q_OBJECT

    LocalServer fx;
    QTemporaryDir dir;

private slots:
    void initTestCase()
    {
        QVERIFY2(fx.startDatabase(), qPrintable(fx.lastError()));
        QVERIFY2(fx.startServer(), qPrintable(fx.lastError()));
    }

    void aDeviceKeepsAndPublishesItsOwnBoxKeySignedByItsUser()
    {
        const LocalServer::Org org = fx.createOrganisation(QStringLiteral("Box keys"));
        QString recoveryKey;
        auto phone =
            wp::test::EngineDevice::enrol(fx, dir.filePath(QStringLiteral("phone.db")), org.id,
                                          org.worker1, recoveryKey, QStringLiteral("phone"));
        QVERIFY(phone);
        QVERIFY(phone->identity.deviceBox.publicKey.isEmpty());
        auto first = phone->sync();
        QVERIFY2(first.ok(), why(first).constData());
        const QByteArray box = phone->identity.deviceBox.publicKey;
        QCOMPARE(box.size(), 32);
        QCOMPARE(phone->identity.deviceKeyPublished, 1u);

        // Kept with the sync identity, secret half included.
        auto reloaded = SyncIdentity::deserialize(phone->identity.serialize());
        QVERIFY(reloaded.ok());
        QCOMPARE(reloaded->deviceBox.publicKey, box);
        QVERIFY(reloaded->deviceBox.secretKey.equals(phone->identity.deviceBox.secretKey));
        QCOMPARE(reloaded->deviceKeyPublished, 1u);
        QCOMPARE(reloaded->keyVersion, 1u);

        // Another device of the user finds it among the devices a rotation seals to, with
        // the user's signature on it.
        TestDevice other(fx.baseUrl());
        QVERIFY(other.enrol(fx.issueCode(org.id, org.worker1)));
        QVERIFY(other.restoreKeys(recoveryKey));
        auto state =
            wire::decodeRotationState(other.call("GET", QStringLiteral("/v1/keys/rotation")).body);
        QVERIFY(state.ok());
        QCOMPARE(state->devices.size(), 1);
        QCOMPARE(state->devices[0].deviceId, phone->identity.credentials.deviceId);
        QCOMPARE(state->devices[0].boxKey, box);
        QVERIFY(crypto::deviceKeyHolds(other.user()->keys.signingPublic, org.worker1,
                                       phone->identity.credentials.deviceId, box, 1,
                                       state->devices[0].signature));

        // A second sync keeps the same key and sends nothing new.
        auto second = phone->sync();
        QVERIFY2(second.ok(), why(second).constData());
        QCOMPARE(phone->identity.deviceBox.publicKey, box);
    }
};

QTEST_GUILESS_MAIN(TestSyncDeviceKeys)
#include "tst_sync_device_keys.moc"
