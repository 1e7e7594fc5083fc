// SPDX-License-Identifier: GPL-3.0-or-later
// Key rotation after a revocation on the devices (docs/protocol.md, "Key rotation after a
// revocation"): a remaining device rotates the user's keys at its sync, another takes them
// from its bundle and reads what was written after, and the revoked device's keys open none
// of it.

#include "EngineDevice.h"
#include "LocalServer.h"
#include "SyncIdentity.h"
#include "Uuid.h"
#include "crypto/KeyRotation.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <QTest>

using namespace wp;
using namespace wp::sync;
using wp::test::EngineDevice;
using wp::test::why;

namespace {

DiaryEntry entry(const QString &text)
{
    DiaryEntry e;
    e.text = text;
    e.writtenAt = QDateTime::currentDateTimeUtc();
    return e;
}

} // namespace

class TestSyncKeyRotation : public QObject
{
    Q_OBJECT

    LocalServer fx;
    QTemporaryDir dir;

    std::unique_ptr<EngineDevice> enrol(const LocalServer::Org &org, QString &recoveryKey,
                                        const QString &name)
    {
        return EngineDevice::enrol(fx, dir.filePath(name + QStringLiteral(".db")), org.id,
                                   org.worker1, recoveryKey, name);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(fx.startDatabase(), qPrintable(fx.lastError()));
        QVERIFY2(fx.startServer(), qPrintable(fx.lastError()));
    }

    void aRemainingDeviceRotatesAndAnotherTakesTheNewKeys()
    {
        const LocalServer::Org org = fx.createOrganisation(QStringLiteral("Rotation"));
        QString recoveryKey;
        auto phone = enrol(org, recoveryKey, QStringLiteral("phone"));
        auto laptop = enrol(org, recoveryKey, QStringLiteral("laptop"));
        auto lost = enrol(org, recoveryKey, QStringLiteral("lost"));
        QVERIFY(phone && laptop && lost);
        auto written = phone->store->diary().save(entry(QStringLiteral("Before the loss")));
        QVERIFY(written.ok());
        for (EngineDevice *d : {phone.get(), laptop.get(), lost.get()}) {
            auto r = d->sync(); // each publishes its device key
            QVERIFY2(r.ok(), why(r).constData());
        }
        QVERIFY(laptop->store->diary().get(written->id).ok());
        const QUuid oldPrivate = phone->identity.privateAudience;
        // What the lost phone holds: its saved identity, read before the revocation.
        auto lostKeys = SyncIdentity::deserialize(lost->identity.serialize());
        QVERIFY(lostKeys.ok());

        QVERIFY(fx.admin({QStringLiteral("revoke-device"), QStringLiteral("--org"), idText(org.id),
                          QStringLiteral("--device"), idText(lost->identity.credentials.deviceId)})
                    .startsWith(u"revoked"));

        // The phone's next sync rotates: version 2, new keys, a new private audience.
        auto rotated = phone->sync();
        QVERIFY2(rotated.ok(), why(rotated).constData());
        QCOMPARE(phone->identity.keyVersion, 2u);
        QVERIFY(phone->identity.keys.signingPublic != lostKeys->keys.signingPublic);
        QVERIFY(phone->identity.privateAudience != oldPrivate);
        QVERIFY(phone->identity.hasAudienceKey(oldPrivate)); // older records stay readable
        QCOMPARE(phone->identity.deviceKeyPublished, 2u);
        // A bundle waits for the laptop, from the phone; none for the lost phone.
        auto state = laptop->client->rotationState();
        QVERIFY(state.ok());
        QCOMPARE(state->keyVersion, 2u);
        QVERIFY(!state->rotationDue);
        QVERIFY(!state->bundle.isEmpty());
        QCOMPARE(state->rotatedBy, phone->identity.credentials.deviceId);

        // Written after the rotation, in the new audience.
        auto after = phone->store->diary().save(entry(QStringLiteral("After the rotation")));
        QVERIFY(after.ok());
        auto pushed = phone->sync();
        QVERIFY2(pushed.ok(), why(pushed).constData());
        QCOMPARE(pushed->pushed, 1);
        QCOMPARE(phone->identity.keyVersion, 2u); // nothing due: no second rotation

        // The laptop takes the new keys from its bundle before pulling, and reads the entry.
        auto received = laptop->sync();
        QVERIFY2(received.ok(), why(received).constData());
        QCOMPARE(laptop->identity.keyVersion, 2u);
        QCOMPARE(laptop->identity.keys.signingPublic, phone->identity.keys.signingPublic);
        QVERIFY(
            laptop->identity.keys.encryptionSecret.equals(phone->identity.keys.encryptionSecret));
        QCOMPARE(laptop->identity.privateAudience, phone->identity.privateAudience);
        QVERIFY(laptop->identity.hasAudienceKey(oldPrivate));
        QCOMPARE(laptop->identity.deviceKeyPublished, 2u);
        QCOMPARE(received->skipped, 0);
        auto onLaptop = laptop->store->diary().get(after->id);
        QVERIFY2(onLaptop.ok(), why(onLaptop).constData());
        QCOMPARE(onLaptop->text, QStringLiteral("After the rotation"));
        QVERIFY(laptop->store->diary().get(written->id).ok());
        // Kept across a save: keys, version and both audiences in one identity.
        auto reloaded = SyncIdentity::deserialize(laptop->identity.serialize());
        QVERIFY(reloaded.ok());
        QCOMPARE(reloaded->keyVersion, 2u);
        QVERIFY(reloaded->hasAudienceKey(oldPrivate));

        // The new audience's key, as the server hands it out, opens with the new keys and not
        // with the lost phone's.
        auto page = laptop->client->pull(0, 1000);
        QVERIFY(page.ok());
        QByteArray sealed;
        for (const wire::AudienceGrant &g : page->audienceKeys)
            if (g.audienceId == phone->identity.privateAudience)
                sealed = g.sealedKey.left(80);
        QCOMPARE(sealed.size(), 80);
        QVERIFY(crypto::openSealed(sealed, laptop->identity.keys).ok());
        QVERIFY(!crypto::openSealed(sealed, lostKeys->keys).ok());
        QVERIFY(!lostKeys->hasAudienceKey(phone->identity.privateAudience));

        // The recovery key opens the new keys: the backup was resealed, not replaced.
        auto backup = phone->client->keyBackup();
        QVERIFY(backup.ok());
        QCOMPARE(crypto::backupVersion(*backup), 3);
        auto recovery = crypto::RecoveryKey::parse(recoveryKey);
        QVERIFY(recovery.ok());
        auto restored = crypto::openSealedBackup(*backup, org.worker1, *recovery);
        QVERIFY2(restored.ok(), why(restored).constData());
        QCOMPARE(restored->signingPublic, phone->identity.keys.signingPublic);
    }
};

QTEST_GUILESS_MAIN(TestSyncKeyRotation)
#include "tst_sync_key_rotation.moc"
