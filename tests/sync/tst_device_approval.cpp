// SPDX-License-Identifier: GPL-3.0-or-later
// Approval by an existing device (docs/protocol.md, "Approval by an existing device"), against
// the real waypoint-server and PostgreSQL over HTTP: a later device of a user gets the user's
// keys only after one of their existing devices approved it with the fingerprint the new
// device shows, and then syncs and reads the user's records; a wrong fingerprint approves
// nothing; a denied device is revoked and gets nothing; an approval changed on the way or
// signed by another user's key is refused by the new device; and the server holds no key it
// can open.

#include "EngineDevice.h"
#include "NewDeviceApproval.h"
#include "Uuid.h"
#include "crypto/DeviceApproval.h"

#include <QTemporaryDir>
#include <QTest>

using namespace wp;
using namespace wp::sync;
using wp::test::EngineDevice;
using wp::test::why;
using Outcome = Enrolment::Outcome;

namespace {

EnrolmentOptions cheap()
{
    EnrolmentOptions o;
    o.backupCost = crypto::KeyBackupCost::minimal();
    o.timeoutMs = 10000;
    return o;
}

DiaryEntry entry(const QString &text)
{
    DiaryEntry e;
    e.text = text;
    e.writtenAt = QDateTime::currentDateTimeUtc();
    return e;
}

QString hex(QByteArrayView bytes)
{
    return QString::fromLatin1(bytes.toByteArray().toHex());
}

// A device enrolled with a code whose user has keys: its enrolment waits at RestoreKeys.
struct NewPhone
{
    std::unique_ptr<Store> store;
    std::unique_ptr<StoreIdentity> saved;
    std::unique_ptr<Enrolment> enrolment;
};

} // namespace

class TestDeviceApproval : public QObject
{
    Q_OBJECT

    LocalServer fx;
    LocalServer::Org org;
    QTemporaryDir dir;
    std::unique_ptr<EngineDevice> first; // worker 1's first device: it made the keys
    std::unique_ptr<EngineDevice> other; // worker 2's first device
    QString recoveryKey;                 // worker 1's
    int stores = 0;

    QString storePath() { return dir.filePath(QStringLiteral("device%1.db").arg(++stores)); }

    NewPhone newPhone(const QString &name)
    {
        NewPhone p;
        auto store =
            Store::open(storePath(), SecretBytes::random(Store::KeyBytes), Store::Mode::CreateNew);
        if (!store)
            return p;
        p.store = std::move(*store);
        p.saved = std::make_unique<StoreIdentity>(*p.store);
        p.enrolment = std::make_unique<Enrolment>(p.saved.get(), cheap());
        if (p.enrolment->redeem(fx.baseUrl(), fx.issueCode(org.id, org.worker1), name,
                                QStringLiteral("test")) != Outcome::Done ||
            p.enrolment->step() != Enrolment::Step::RestoreKeys ||
            p.enrolment->requestApproval() != Outcome::Done)
            qWarning("new phone: %s", qPrintable(p.enrolment->error().message));
        return p;
    }

    NewDeviceApproval approver(EngineDevice &device)
    {
        return NewDeviceApproval(device.identity, *device.client);
    }

    QUuid idOf(const NewPhone &p) const { return p.enrolment->identity().credentials.deviceId; }

private slots:
    void initTestCase()
    {
        QVERIFY(dir.isValid());
        QVERIFY2(fx.startDatabase(), qPrintable(fx.lastError()));
        QVERIFY2(fx.startServer(), qPrintable(fx.lastError()));
        org = fx.createOrganisation(QStringLiteral("Harbour Peers"));
        QString otherKey;
        first = EngineDevice::enrol(fx, storePath(), org.id, org.worker1, recoveryKey,
                                    QStringLiteral("first phone"));
        QVERIFY(first);
        other = EngineDevice::enrol(fx, storePath(), org.id, org.worker2, otherKey,
                                    QStringLiteral("colleague's phone"));
        QVERIFY(other);
        QVERIFY(first->store->diary().save(entry(QStringLiteral("Met Dee at the shelter"))).ok());
        auto pushed = first->sync();
        QVERIFY2(pushed.ok(), why(pushed));
    }

    void aNewDeviceGetsTheKeysOnlyOnceAnExistingDeviceApprovesIt()
    {
        NewPhone phone = newPhone(QStringLiteral("Pixel 7"));
        QVERIFY(phone.enrolment);
        QCOMPARE(phone.enrolment->step(), Enrolment::Step::RestoreKeys);
        const QString shown = phone.enrolment->approvalFingerprint();
        QCOMPARE(shown.split(u' ').size(), 6);
        QCOMPARE(phone.enrolment->checkApproval(), Outcome::AwaitingApproval);
        QVERIFY(!SyncIdentity::load(*phone.store)->hasKeys());

        // The existing device is told, with the name, and the key whose fingerprint it shows.
        NewDeviceApproval desk = approver(*first);
        auto listed = desk.list();
        QVERIFY2(listed.ok(), why(listed));
        const auto found = std::find_if(listed->cbegin(), listed->cend(),
                                        [&](const auto &d) { return d.deviceId == idOf(phone); });
        QVERIFY(found != listed->cend());
        QCOMPARE(found->name, QStringLiteral("Pixel 7"));
        QCOMPARE(found->state, QStringLiteral("pending"));
        QCOMPARE(crypto::requestFingerprint(found->requestKey), shown);

        // A wrong number typed back approves nothing.
        QString wrong = shown;
        wrong[0] = wrong[0] == u'1' ? u'2' : u'1';
        const Status refused = desk.approve(idOf(phone), wrong);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::InvalidInput);
        QCOMPARE(phone.enrolment->checkApproval(), Outcome::AwaitingApproval);
        QVERIFY(!SyncIdentity::load(*phone.store)->hasKeys());

        // The right one, typed without the spaces.
        const Status approved = desk.approve(idOf(phone), QString(shown).remove(u' '));
        QVERIFY2(approved.ok(), why(approved));
        QCOMPARE(phone.enrolment->checkApproval(), Outcome::Done);
        QCOMPARE(phone.enrolment->step(), Enrolment::Step::Done);
        auto saved = SyncIdentity::load(*phone.store);
        QVERIFY(saved.ok());
        QVERIFY(saved->hasKeys());
        QCOMPARE(saved->keys.fingerprint(), first->identity.keys.fingerprint());
        QVERIFY(saved->approvalRequest.publicKey.isEmpty()); // the request key is gone
        QVERIFY(saved->approvalRequest.secretKey.isEmpty());

        // Listed as approved, by the first device.
        listed = desk.list();
        QVERIFY(listed.ok());
        const auto after = std::find_if(listed->cbegin(), listed->cend(),
                                        [&](const auto &d) { return d.deviceId == idOf(phone); });
        QVERIFY(after != listed->cend());
        QCOMPARE(after->state, QStringLiteral("approved"));
        QCOMPARE(after->approvedBy, first->identity.credentials.deviceId);
        // Once approved it cannot be denied from here (only pending devices can).
        QCOMPARE(desk.deny(idOf(phone)).error().code, ErrorCode::NotFound);

        // It syncs and reads the user's records.
        EngineDevice second;
        second.store = std::move(phone.store);
        second.identity = phone.enrolment->takeIdentity();
        second.client = std::make_unique<SyncClient>(fx.baseUrl());
        auto pulled = second.sync();
        QVERIFY2(pulled.ok(), why(pulled));
        auto entries = second.store->diary().list();
        QVERIFY(entries.ok());
        QVERIFY(
            std::any_of(entries->items.cbegin(), entries->items.cend(), [](const DiaryEntry &e) {
                return e.text == QLatin1String("Met Dee at the shelter");
            }));
    }

    void aDeniedDeviceIsRevokedAndGetsNothing()
    {
        NewPhone phone = newPhone(QStringLiteral("unknown tablet"));
        QVERIFY(phone.enrolment);
        const QUuid id = idOf(phone);
        NewDeviceApproval desk = approver(*first);
        // Another user's device cannot decide on it.
        QCOMPARE(approver(*other).deny(id).error().code, ErrorCode::NotFound);
        const Status denied = desk.deny(id);
        QVERIFY2(denied.ok(), why(denied));
        QCOMPARE(phone.enrolment->checkApproval(), Outcome::Revoked);
        QVERIFY(!SyncIdentity::isEnrolled(*phone.store)); // its identity is destroyed
        QVERIFY(!phone.enrolment->identity().hasKeys());
        // No longer listed, and nothing can be approved for it any more.
        auto listed = desk.list();
        QVERIFY(listed.ok());
        QVERIFY(std::none_of(listed->cbegin(), listed->cend(),
                             [&](const auto &d) { return d.deviceId == id; }));
        QCOMPARE(desk.approve(id, QStringLiteral("0")).error().code, ErrorCode::NotFound);
    }

    void anApprovalChangedOnTheWayIsRefused()
    {
        NewPhone phone = newPhone(QStringLiteral("tampered"));
        QVERIFY(phone.enrolment);
        NewDeviceApproval desk = approver(*first);
        const Status approved = desk.approve(idOf(phone), phone.enrolment->approvalFingerprint());
        QVERIFY2(approved.ok(), why(approved));
        // A breached server flips one bit of the sealed box.
        QVERIFY(fx.sql(QStringLiteral("UPDATE device_approvals SET sealed_keys = "
                                      "overlay(sealed_keys placing '\\x01'::bytea from 100 for 1) "
                                      "WHERE device_id = '%1'")
                           .arg(idText(idOf(phone)))));
        QCOMPARE(phone.enrolment->checkApproval(), Outcome::ApprovalRefused);
        QVERIFY(phone.enrolment->error().message.contains(u"not signed with your keys"));
        QCOMPARE(phone.enrolment->step(), Enrolment::Step::RestoreKeys);
        QVERIFY(!SyncIdentity::load(*phone.store)->hasKeys());
    }

    void anApprovalSignedByAnotherUsersKeyIsRefused()
    {
        NewPhone phone = newPhone(QStringLiteral("forged"));
        QVERIFY(phone.enrolment);
        // A breached server hands the device a colleague's keys, sealed to its request key
        // and signed by that colleague's key, as if approved.
        const auto request = phone.enrolment->identity().approvalRequest.publicKey;
        const crypto::SealedApproval forged =
            crypto::sealForDevice(other->identity.keys, org.worker1, idOf(phone), request);
        QVERIFY(
            fx.sql(QStringLiteral("UPDATE device_approvals SET sealed_keys = '\\x%1', "
                                  "signature = '\\x%2', approved_by = '%3', "
                                  "approved_at = now() WHERE device_id = '%4'")
                       .arg(hex(forged.sealedKeys), hex(forged.signature),
                            idText(other->identity.credentials.deviceId), idText(idOf(phone)))));
        QCOMPARE(phone.enrolment->checkApproval(), Outcome::ApprovalRefused);
        QVERIFY(phone.enrolment->error().message.contains(u"not signed with your keys"));
        QVERIFY(!SyncIdentity::load(*phone.store)->hasKeys());
        // Nor will the server take an approval signed by another user.
        NewPhone next = newPhone(QStringLiteral("next"));
        const crypto::SealedApproval wrongSigner =
            crypto::sealForDevice(other->identity.keys, org.worker1, idOf(next),
                                  next.enrolment->identity().approvalRequest.publicKey);
        SyncClient client(fx.baseUrl());
        client.setCredentials(&first->identity.credentials);
        const Status posted =
            client.approveDevice({idOf(next), wrongSigner.sealedKeys, wrongSigner.signature});
        QVERIFY(!posted.ok());
        QCOMPARE(serverErrorOf(posted.error()), ServerError::BadSignature);
    }

    void theRecoveryKeyStillWorksAndEndsTheRequest()
    {
        NewPhone phone = newPhone(QStringLiteral("no other device at hand"));
        QVERIFY(phone.enrolment);
        QVERIFY(!SyncIdentity::load(*phone.store)->approvalRequest.secretKey.isEmpty());
        QByteArray typed = recoveryKey.toUtf8();
        QCOMPARE(phone.enrolment->restoreKeys(SecretBytes::takeFrom(typed)), Outcome::Done);
        auto saved = SyncIdentity::load(*phone.store);
        QVERIFY(saved.ok());
        QVERIFY(saved->hasKeys());
        QVERIFY(saved->approvalRequest.secretKey.isEmpty()); // the request's key is wiped
        QVERIFY(saved->approvalRequest.publicKey.isEmpty()); // and the server was told
        // The other device no longer offers to approve it: it is listed as enrolled without
        // approval, and neither approving nor denying reaches it.
        NewDeviceApproval desk = approver(*first);
        auto listed = desk.list();
        QVERIFY2(listed.ok(), why(listed));
        const auto found = std::find_if(listed->cbegin(), listed->cend(),
                                        [&](const auto &d) { return d.deviceId == idOf(phone); });
        QVERIFY(found != listed->cend());
        QCOMPARE(found->state, QStringLiteral("unapproved"));
        QVERIFY(found->requestKey.isEmpty());
        QCOMPARE(desk.approve(idOf(phone), QStringLiteral("0")).error().code, ErrorCode::NotFound);
        QCOMPARE(desk.deny(idOf(phone)).error().code, ErrorCode::NotFound);
        // Nor can the request come back with a key of another making.
        SyncClient client(fx.baseUrl());
        client.setCredentials(&saved->credentials);
        QVERIFY(!client.requestApproval(crypto::RequestKeys::generate().publicKey).ok());
        auto state = client.approvalState();
        QVERIFY2(state.ok(), why(state));
        QCOMPARE(state->state, QStringLiteral("none"));
    }

    void theServerHoldsNoKeyItCanOpen()
    {
        const QByteArray dump = fx.pgDump();
        QVERIFY(dump.contains("device_approvals"));
        const crypto::UserKeys &keys = first->identity.keys;
        // The secret keys in any form the dump could show them: hex, as bytea is written.
        for (const QByteArray &secret : {keys.encryptionSecret.view().toByteArray(),
                                         keys.signingSecret.view().first(32).toByteArray()}) {
            QVERIFY(!dump.contains(secret.toHex()));
            QVERIFY(!dump.contains(secret));
        }
        // What it holds for an approved device is the 144-byte sealed box.
        QVERIFY(fx.sql(QStringLiteral("DO $$ BEGIN IF EXISTS (SELECT 1 FROM device_approvals "
                                      "WHERE sealed_keys IS NOT NULL AND length(sealed_keys) <> "
                                      "144) THEN RAISE EXCEPTION 'not sealed'; END IF; END $$")));
    }
};

QTEST_GUILESS_MAIN(TestDeviceApproval)
#include "tst_device_approval.moc"
