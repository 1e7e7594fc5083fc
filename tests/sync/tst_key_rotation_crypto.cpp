// SPDX-License-Identifier: GPL-3.0-or-later
// Key rotation's cryptography (docs/protocol.md, "Key rotation after a revocation"): a chain
// signed by the old keys is followed, a forged one is not; the new keys open only on the
// device they were sealed to; the backup is replaced without the recovery key and still opens
// with it.

#include "Uuid.h"
#include "crypto/KeyFingerprint.h"
#include "crypto/KeyRotation.h"
#include "crypto/RecoveryKey.h"
#include "crypto/UserKeys.h"

#include <QTest>

using namespace wp;
using namespace wp::crypto;

class TestKeyRotationCrypto : public QObject
{
    Q_OBJECT

    const QUuid user = createUuidV7();
    const QUuid device = createUuidV7();

    static KeyBundle bundleOf(UserKeys keys)
    {
        KeyBundle b;
        b.keys = std::move(keys);
        b.privateAudience = createUuidV7();
        b.privateKey = SecretBytes::random(32);
        return b;
    }

private slots:
    void aChainSignedByTheOldKeysReachesTheNewKeys()
    {
        const UserKeys v1 = UserKeys::generate(), v2 = UserKeys::generate(),
                       v3 = UserKeys::generate();
        const QList<KeyLink> chain{
            {2, v2.encryptionPublic, v2.signingPublic, signContinuity(v1, user, 2, v2)},
            {3, v3.encryptionPublic, v3.signingPublic, signContinuity(v2, user, 3, v3)}};
        // A peer pinned at version 1 follows both steps; one pinned at 2 follows the last.
        QVERIFY(chainReaches(v1.signingPublic, v1.encryptionPublic, user, chain, v3.signingPublic,
                             v3.encryptionPublic));
        QVERIFY(chainReaches(v2.signingPublic, v2.encryptionPublic, user, chain, v3.signingPublic,
                             v3.encryptionPublic));
        // The chain is bound to its user and to the version.
        QVERIFY(!chainReaches(v1.signingPublic, v1.encryptionPublic, createUuidV7(), chain,
                              v3.signingPublic, v3.encryptionPublic));
        QVERIFY(!continuityHolds(v1.signingPublic, user, 3, v2.encryptionPublic, v2.signingPublic,
                                 chain[0].signature));
    }

    void keysTheServerMadeUpDoNotContinueThePin()
    {
        const UserKeys v1 = UserKeys::generate(), forged = UserKeys::generate();
        // Signed by the forger's own key, not the pinned one.
        const QList<KeyLink> chain{{2, forged.encryptionPublic, forged.signingPublic,
                                    signContinuity(forged, user, 2, forged)}};
        QVERIFY(!chainReaches(v1.signingPublic, v1.encryptionPublic, user, chain,
                              forged.signingPublic, forged.encryptionPublic));
        QVERIFY(!chainReaches(v1.signingPublic, v1.encryptionPublic, user, {}, forged.signingPublic,
                              forged.encryptionPublic));
        // A real link with the box key swapped for another does not verify either.
        const UserKeys v2 = UserKeys::generate();
        const QList<KeyLink> swapped{
            {2, forged.encryptionPublic, v2.signingPublic, signContinuity(v1, user, 2, v2)}};
        QVERIFY(!chainReaches(v1.signingPublic, v1.encryptionPublic, user, swapped,
                              v2.signingPublic, forged.encryptionPublic));
    }

    void aDeviceKeyIsTheUsersWord()
    {
        const UserKeys keys = UserKeys::generate(), other = UserKeys::generate();
        const DeviceBoxKey box = DeviceBoxKey::generate();
        const QByteArray sig = signDeviceKey(keys, user, device, box.publicKey, 1);
        QVERIFY(deviceKeyHolds(keys.signingPublic, user, device, box.publicKey, 1, sig));
        QVERIFY(!deviceKeyHolds(keys.signingPublic, user, device, box.publicKey, 2, sig));
        QVERIFY(!deviceKeyHolds(keys.signingPublic, user, createUuidV7(), box.publicKey, 1, sig));
        QVERIFY(!deviceKeyHolds(other.signingPublic, user, device, box.publicKey, 1, sig));
    }

    void theNewKeysOpenOnlyOnTheDeviceTheyWereSealedTo()
    {
        UserKeys next = UserKeys::generate();
        const QByteArray box = next.encryptionPublic, signing = next.signingPublic;
        const SecretBytes signingSecret(next.signingSecret.data(), next.signingSecret.size()),
            boxSecret(next.encryptionSecret.data(), next.encryptionSecret.size());
        KeyBundle b = bundleOf(std::move(next));
        b.sharedAudience = createUuidV7();
        b.sharedKey = SecretBytes::random(32);
        b.sharedReaders = {user, createUuidV7()};
        const DeviceBoxKey mine = DeviceBoxKey::generate(), lost = DeviceBoxKey::generate();
        const QByteArray sealed = sealBundle(b, user, device, 2, mine.publicKey);
        QVERIFY(sealed.size() <= 1024);

        auto opened = openBundle(sealed, user, device, 2, mine, box, signing);
        QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message));
        QVERIFY(opened->keys.signingSecret.equals(signingSecret));
        QVERIFY(opened->keys.encryptionSecret.equals(boxSecret));
        QCOMPARE(opened->privateAudience, b.privateAudience);
        QVERIFY(opened->privateKey.equals(b.privateKey));
        QCOMPARE(opened->sharedAudience, b.sharedAudience);
        QVERIFY(opened->sharedKey.equals(b.sharedKey));
        QCOMPARE(opened->sharedReaders, b.sharedReaders);

        // Another device's key (the revoked phone's) does not open it.
        QVERIFY(!openBundle(sealed, user, device, 2, lost, box, signing).ok());
        // Moved to another device id or version, or changed on the way: refused.
        QVERIFY(!openBundle(sealed, user, createUuidV7(), 2, mine, box, signing).ok());
        QVERIFY(!openBundle(sealed, user, device, 3, mine, box, signing).ok());
        QByteArray changed = sealed;
        changed[40] = char(changed[40] ^ 1);
        QVERIFY(!openBundle(changed, user, device, 2, mine, box, signing).ok());
        // Keys that are not the directory's new keys are refused.
        const UserKeys stranger = UserKeys::generate();
        QVERIFY(
            !openBundle(sealed, user, device, 2, mine, stranger.encryptionPublic, signing).ok());
    }

    void aResealedBackupOpensWithTheSameRecoveryKey()
    {
        const UserKeys v1 = UserKeys::generate(), v2 = UserKeys::generate();
        const RecoveryKey recovery = RecoveryKey::generate();
        auto first = sealBackup(v1, user, recovery, KeyBackupCost::minimal());
        QVERIFY(first.ok());
        QCOMPARE(backupVersion(*first), 3);
        // The rotating device has no recovery key, only the old signing key's word.
        auto second = resealBackup(*first, v1.signingPublic, v2, user);
        QVERIFY2(second.ok(), second.ok() ? "" : qPrintable(second.error().message));
        auto restored = unwrapKeys(*second, user, recovery);
        QVERIFY(restored.ok());
        QVERIFY(restored->signingSecret.equals(v2.signingSecret));
        QVERIFY(sameKey(restored->encryptionPublic, v2.encryptionPublic));
        // Another recovery key opens nothing; the backup is bound to its user.
        const auto wrong = unwrapKeys(*second, user, RecoveryKey::generate());
        QVERIFY(!wrong.ok());
        QCOMPARE(wrong.error().code, ErrorCode::WrongPin);
        QVERIFY(!unwrapKeys(*second, createUuidV7(), recovery).ok());
    }

    void aBackupNotSignedByTheUserIsNotResealed()
    {
        const UserKeys v1 = UserKeys::generate(), server = UserKeys::generate();
        const RecoveryKey serversKey = RecoveryKey::generate();
        // A server's own backup, with a backup public key only it can open.
        auto swapped = sealBackup(server, user, serversKey, KeyBackupCost::minimal());
        QVERIFY(swapped.ok());
        QVERIFY(!resealBackup(*swapped, v1.signingPublic, UserKeys::generate(), user).ok());
        // A version 2 backup cannot be resealed: it needs a new recovery key.
        auto v2blob = wrapKeys(v1, user, RecoveryKey::generate(), KeyBackupCost::minimal());
        QVERIFY(v2blob.ok());
        QCOMPARE(backupVersion(*v2blob), 2);
        QVERIFY(!resealBackup(*v2blob, v1.signingPublic, UserKeys::generate(), user).ok());
    }
};

QTEST_GUILESS_MAIN(TestKeyRotationCrypto)
#include "tst_key_rotation_crypto.moc"
