// SPDX-License-Identifier: GPL-3.0-or-later
// Key rotation after a revocation on the server, against a real PostgreSQL and waypoint-server
// over real HTTP (docs/protocol.md, "Key rotation after a revocation"): revoking a device makes
// a rotation due, the first remaining device to rotate wins, the others receive the new keys
// sealed to their own box key, peers find the chain signed by the old key, and nothing the
// server is handed without the user's signature is taken.

#include "LocalServer.h"
#include "TestDevice.h"
#include "Uuid.h"
#include "crypto/KeyFingerprint.h"
#include "crypto/KeyRotation.h"
#include "wire/Codec.h"
#include "wire/RotationCodec.h"

#include <QTest>

#include <memory>

using namespace wp;
using namespace wp::wire;

class TestServerKeyRotation : public QObject
{
    Q_OBJECT

    LocalServer fx;
    LocalServer::Org org;

    struct Phone
    {
        std::unique_ptr<TestDevice> device;
        crypto::DeviceBoxKey box = crypto::DeviceBoxKey::generate();
    };

    std::unique_ptr<TestDevice> enrolled(const QUuid &user)
    {
        auto d = std::make_unique<TestDevice>(fx.baseUrl());
        if (!d->enrol(fx.issueCode(org.id, user)))
            return {};
        return d;
    }

    HttpReply publishBoxKey(Phone &p, std::uint32_t version = 1)
    {
        const auto &c = p.device->credentials;
        const HttpReply r = p.device->call(
            "PUT", QStringLiteral("/v1/device/key"),
            encode(DeviceKey{p.box.publicKey, version,
                             crypto::signDeviceKey(p.device->user()->keys, c.userId, c.deviceId,
                                                   p.box.publicKey, version)}));
        if (r.status >= 500)
            qWarning("%d %s: %s", r.status, qPrintable(r.code), qPrintable(r.message));
        return r;
    }

    Result<KeyDirectory> directory(TestDevice &d)
    {
        return decodeKeyDirectory(d.call("GET", QStringLiteral("/v1/keys")).body);
    }

    Result<RotationState> rotationState(TestDevice &d)
    {
        return decodeRotationState(d.call("GET", QStringLiteral("/v1/keys/rotation")).body);
    }

    // A rotation from `from`, with a bundle for each phone in `to`.
    static Rotation rotation(const crypto::UserKeys &oldKeys, const crypto::UserKeys &newKeys,
                             const QUuid &user, std::uint32_t from, const QList<Phone *> &to)
    {
        Rotation r;
        r.fromVersion = from;
        r.encryptionKey = newKeys.encryptionPublic;
        r.signingKey = newKeys.signingPublic;
        r.continuity = crypto::signContinuity(oldKeys, user, from + 1, newKeys);
        for (Phone *p : to) {
            crypto::KeyBundle b;
            b.keys = copyOf(newKeys);
            b.privateAudience = createUuidV7();
            b.privateKey = SecretBytes::random(32);
            r.bundles.append({p->device->credentials.deviceId,
                              crypto::sealBundle(b, user, p->device->credentials.deviceId, from + 1,
                                                 p->box.publicKey)});
        }
        r.keyBackup = QByteArrayLiteral("a sealed backup the server cannot open");
        return r;
    }

    static crypto::UserKeys copyOf(const crypto::UserKeys &k)
    {
        return {k.encryptionPublic,
                SecretBytes(k.encryptionSecret.data(), k.encryptionSecret.size()), k.signingPublic,
                SecretBytes(k.signingSecret.data(), k.signingSecret.size())};
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(fx.startDatabase(), qPrintable(fx.lastError()));
        QVERIFY2(fx.startServer(), qPrintable(fx.lastError()));
        org = fx.createOrganisation(QStringLiteral("Riverside Outreach"));
        QVERIFY(!org.worker1.isNull());
    }

    void aRevocationIsFollowedByOneRotationThatTheOtherDevicesReceive()
    {
        Phone first{enrolled(org.worker1)}, second{enrolled(org.worker1)},
            lost{enrolled(org.worker1)};
        QVERIFY(first.device && second.device && lost.device);
        QVERIFY(first.device->createKeys());
        second.device->shareSecretsWith(*first.device);
        lost.device->shareSecretsWith(*first.device);
        for (Phone *p : {&first, &second, &lost})
            QCOMPARE(publishBoxKey(*p).status, 200);
        const QUuid user = org.worker1;
        const crypto::UserKeys &oldKeys = first.device->user()->keys;

        auto dir = directory(*first.device);
        QVERIFY(dir.ok());
        QCOMPARE(dir->ownKeys.keyVersion, 1u);
        QVERIFY(!dir->ownKeys.rotationDue);

        QVERIFY(fx.admin({QStringLiteral("revoke-device"), QStringLiteral("--org"), idText(org.id),
                          QStringLiteral("--device"), idText(lost.device->credentials.deviceId)})
                    .startsWith(u"revoked"));
        dir = directory(*second.device);
        QVERIFY(dir.ok());
        QVERIFY(dir->ownKeys.rotationDue);
        QCOMPARE(lost.device->call("GET", QStringLiteral("/v1/keys/rotation")).status, 403);

        // The revoked phone is no longer among the devices to seal to.
        auto state = rotationState(*first.device);
        QVERIFY(state.ok());
        QVERIFY(state->rotationDue);
        QCOMPARE(state->devices.size(), 2);
        for (const RotationDevice &d : state->devices) {
            QVERIFY(d.deviceId != lost.device->credentials.deviceId);
            QVERIFY(crypto::deviceKeyHolds(oldKeys.signingPublic, user, d.deviceId, d.boxKey,
                                           d.keyVersion, d.signature));
        }

        // A bundle for the revoked phone is refused, and so are keys the old key did not sign.
        const crypto::UserKeys v2 = crypto::UserKeys::generate(),
                               other = crypto::UserKeys::generate();
        HttpReply r = first.device->call("POST", QStringLiteral("/v1/keys/rotate"),
                                         encode(rotation(oldKeys, v2, user, 1, {&second, &lost})));
        QCOMPARE(r.status, 404);
        r = first.device->call("POST", QStringLiteral("/v1/keys/rotate"),
                               encode(rotation(other, v2, user, 1, {&second})));
        QCOMPARE(r.status, 422);
        QCOMPARE(r.code, QStringLiteral("bad_signature"));

        // Two devices rotate at once: the first wins, the second is told.
        r = first.device->call("POST", QStringLiteral("/v1/keys/rotate"),
                               encode(rotation(oldKeys, v2, user, 1, {&second})));
        QCOMPARE(r.status, 200);
        r = second.device->call("POST", QStringLiteral("/v1/keys/rotate"),
                                encode(rotation(oldKeys, other, user, 1, {&first})));
        QCOMPARE(r.status, 409);
        QCOMPARE(r.code, QStringLiteral("conflict"));

        // The second device finds its bundle and opens it with its own box key.
        state = rotationState(*second.device);
        QVERIFY(state.ok());
        QCOMPARE(state->keyVersion, 2u);
        QVERIFY(!state->rotationDue);
        QCOMPARE(state->rotatedBy, first.device->credentials.deviceId);
        auto opened = crypto::openBundle(state->bundle, user, second.device->credentials.deviceId,
                                         2, second.box, v2.encryptionPublic, v2.signingPublic);
        QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message));
        QVERIFY(opened->keys.signingSecret.equals(v2.signingSecret));
        // The lost phone's box key does not open it.
        QVERIFY(!crypto::openBundle(state->bundle, user, second.device->credentials.deviceId, 2,
                                    lost.box, v2.encryptionPublic, v2.signingPublic)
                     .ok());

        // A peer finds the new keys with a chain that starts at the keys it pinned.
        TestDevice peer(fx.baseUrl());
        QVERIFY(peer.enrol(fx.issueCode(org.id, org.supervisor)));
        auto seen = directory(peer);
        QVERIFY(seen.ok());
        QCOMPARE(seen->ownKeys.keyVersion, 1u);
        QByteArray dirSigning, dirBox;
        for (const DirectoryEntry &e : seen->users)
            if (e.userId == user) {
                dirSigning = e.signingKey;
                dirBox = e.encryptionKey;
            }
        QVERIFY(crypto::sameKey(dirSigning, v2.signingPublic));
        QList<crypto::KeyLink> chain;
        for (const KeyChain &c : seen->chains)
            if (c.userId == user)
                for (const KeyLinkEntry &l : c.links)
                    chain.append({l.version, l.encryptionKey, l.signingKey, l.signature});
        QCOMPARE(chain.size(), 1);
        QVERIFY(crypto::chainReaches(oldKeys.signingPublic, oldKeys.encryptionPublic, user, chain,
                                     dirSigning, dirBox));

        // The backup the rotating device made replaced the old one.
        const HttpReply backup = second.device->call("GET", QStringLiteral("/v1/keys/backup"));
        QCOMPARE(backup.status, 200);
        QCOMPARE(decodeKeyBackup(backup.body)->blob,
                 QByteArrayLiteral("a sealed backup the server cannot open"));

        // A device re-signs its box key with the new key; an old version is refused.
        second.device->user()->keys = copyOf(v2);
        QCOMPARE(publishBoxKey(second, 1).status, 409);
        QCOMPARE(publishBoxKey(second, 2).status, 200);
    }

    void cleanup()
    {
        if (QTest::currentTestFailed())
            qWarning("%s", fx.serverLog().right(3000).constData());
    }

    void aDeviceKeyMustBeTheUsersAndStaysOne()
    {
        Phone p{enrolled(org.worker2)};
        QVERIFY(p.device);
        QVERIFY(p.device->createKeys());
        // Signed by someone else's key.
        const crypto::UserKeys stranger = crypto::UserKeys::generate();
        const auto &c = p.device->credentials;
        HttpReply r =
            p.device->call("PUT", QStringLiteral("/v1/device/key"),
                           encode(DeviceKey{p.box.publicKey, 1,
                                            crypto::signDeviceKey(stranger, c.userId, c.deviceId,
                                                                  p.box.publicKey, 1)}));
        QCOMPARE(r.status, 422);
        QCOMPARE(publishBoxKey(p).status, 200);
        QCOMPARE(publishBoxKey(p).status, 200); // the same key again
        p.box = crypto::DeviceBoxKey::generate();
        QCOMPARE(publishBoxKey(p).status, 409);
    }
};

QTEST_GUILESS_MAIN(TestServerKeyRotation)
#include "tst_server_key_rotation.moc"
