// SPDX-License-Identifier: GPL-3.0-or-later
// One bad change never stops a sync (docs/protocol.md, "Changes set aside"): a change a device
// cannot verify or open, or whose content or time is not acceptable, is set aside with why,
// and the pull goes on around it, and the push after it. The victim is a real device (store,
// engine) syncing through the real server and PostgreSQL; the changes it receives are
// forged with the test device helpers (tests/server/TestDevice.h), or, where the server
// would refuse them at push time, put in the server's database directly, as an attacker
// with a breached server (or a server bug) would.

#include "EngineDevice.h"
#include "Enrolment.h"
#include "LocalServer.h"
#include "Store.h"
#include "SyncEngine.h"
#include "TestDevice.h"
#include "Uuid.h"
#include "crypto/AudienceKeySignature.h"
#include "crypto/BatchSignature.h"
#include "crypto/Envelope.h"
#include "crypto/KeyFingerprint.h"
#include "crypto/KeyRotation.h"
#include "wire/Codec.h"
#include "wire/RotationCodec.h"

#include <QCborArray>
#include <QCborMap>
#include <QTemporaryDir>
#include <QTest>

using namespace wp;
using namespace wp::sync;

namespace {

using Device = wp::test::EngineDevice;
using wp::test::why;

// A pulled change's plaintext as devices seal it: {1: fields, 2: per-field stamps}.
QByteArray plaintext(const QCborMap &fields)
{
    return QCborValue(QCborMap{{1, fields}, {2, QCborMap()}}).toCbor();
}

QByteArray diaryText(const QString &text)
{
    DiaryEntry d;
    d.text = text;
    d.writtenAt = QDateTime::currentDateTimeUtc();
    d.createdAt = d.writtenAt;
    return plaintext(d.toFields());
}

Draft diaryDraft(const QByteArray &plain)
{
    return Draft{createUuidV7(), RecordType::DiaryEntry, plain, false};
}

QString hex(const QByteArray &bytes)
{
    return QStringLiteral("'\\x%1'::bytea").arg(QString::fromLatin1(bytes.toHex()));
}

} // namespace

class TestSyncSetAside : public QObject
{
    Q_OBJECT

    LocalServer fx;
    QTemporaryDir dir;
    int stores = 0;

    // A worker's phone (the victim) with a record of its own waiting to be sent, and a second
    // device of the same worker (keys restored) that pushes in an audience of its own.
    struct Scene
    {
        LocalServer::Org org;
        std::unique_ptr<Device> victim;
        std::unique_ptr<TestDevice> victimsOther;
        QUuid unsent; // the victim's new work
        std::uint64_t sequence = 1;
    };

    // Enrols the user's first device; `recoveryKey` is set to the key it made.
    std::unique_ptr<Device> enrolDevice(const QUuid &organisation, const QUuid &user,
                                        QString &recoveryKey)
    {
        ++stores;
        return Device::enrol(fx, dir.filePath(QStringLiteral("store%1.db").arg(stores)),
                             organisation, user, recoveryKey,
                             QStringLiteral("phone %1").arg(stores));
    }

    std::unique_ptr<TestDevice> testDevice(const QUuid &organisation, const QUuid &user)
    {
        auto d = std::make_unique<TestDevice>(fx.baseUrl());
        if (!d->enrol(fx.issueCode(organisation, user)))
            return nullptr;
        return d;
    }

    Scene scene(const QString &name)
    {
        QString recoveryKey;
        Scene s;
        s.org = fx.createOrganisation(name);
        s.victim = enrolDevice(s.org.id, s.org.worker1, recoveryKey);
        s.victimsOther = testDevice(s.org.id, s.org.worker1);
        if (!s.victim || !s.victimsOther || !s.victimsOther->restoreKeys(recoveryKey))
            return {};
        s.victimsOther->user()->audienceId = createUuidV7();
        s.victimsOther->user()->audienceKey = crypto::newAudienceKey();
        DiaryEntry mine;
        mine.text = QStringLiteral("typed on the victim's phone");
        mine.writtenAt = QDateTime::currentDateTimeUtc();
        auto saved = s.victim->store->diary().save(mine);
        if (!saved)
            return {};
        s.unsent = saved->id;
        return s;
    }

    // A colleague of the victim's (another user of the organisation) with keys of their own.
    std::unique_ptr<TestDevice> colleague(const Scene &s, const QUuid &user)
    {
        auto d = testDevice(s.org.id, user);
        if (!d || !d->createKeys())
            return nullptr;
        return d;
    }

    bool pushed(TestDevice &device, const wire::PushRequest &batch)
    {
        const HttpReply r = device.push(batch);
        if (r.status != 200) {
            qWarning("push: %d %s", r.status, qPrintable(r.code));
            return false;
        }
        auto response = wire::decodePushResponse(r.body);
        return response && response->rejected.isEmpty() &&
               response->applied.size() == batch.changes.size();
    }

    // The server's database gets a reader row: `user` may read `audience` with `sealedKey`.
    bool addReader(const Scene &s, const QUuid &audience, const QUuid &user,
                   const QByteArray &sealedKey)
    {
        return fx.sql(QStringLiteral("INSERT INTO audience_readers(organisation_id, audience_id, "
                                     "user_id, sealed_key) VALUES ('%1', '%2', '%3', %4)")
                          .arg(idText(s.org.id), idText(audience), idText(user), hex(sealedKey)));
    }

    // `author`'s audience key sealed to `reader` and signed by `signer` (the author, unless a
    // test says otherwise), as devices send it.
    static QByteArray grant(TestDevice &author, const QUuid &reader, const QByteArray &readerPublic,
                            TestDevice *signer = nullptr)
    {
        return crypto::signAudienceKey((signer ? signer : &author)->user()->keys.signingSecret,
                                       author.user()->audienceId, reader,
                                       crypto::sealTo(author.user()->audienceKey, readerPublic));
    }

    // The victim's own other device pushes a good change, `bad`, and another good one, in
    // three batches; returns the two good ids.
    QList<QUuid> aroundGoodOnes(Scene &s, const QList<Draft> &bad, qint64 clockOffsetMs = 0)
    {
        const Draft before = diaryDraft(diaryText(QStringLiteral("good before")));
        const Draft after = diaryDraft(diaryText(QStringLiteral("good after")));
        TestDevice &other = *s.victimsOther;
        if (!pushed(other, other.batch(s.sequence++, {before})) ||
            (!bad.isEmpty() && !pushed(other, other.batch(s.sequence++, bad, clockOffsetMs))) ||
            !pushed(other, other.batch(s.sequence++, {after})))
            return {};
        return {before.recordId, after.recordId};
    }

    // The victim's participant, on the server already, with an edit on the phone not sent
    // yet; and a colleague whose audience the victim may read, so a change the colleague
    // signs for that participant verifies and opens on the victim's phone: only its author
    // can stop it. The colleague's pushes to it are taken as a breached server takes them.
    struct Forgery
    {
        Scene s;
        std::unique_ptr<TestDevice> colleague;
        QUuid participant;
    };

    static constexpr const char *Pseudonym = "JD-17";
    static constexpr const char *EditedPseudonym = "JD-17 (Leeds)";

    Forgery forgery(const QString &name)
    {
        Forgery f;
        f.s = scene(name);
        if (!f.s.victim)
            return {};
        Participant p;
        p.pseudonym = QString::fromLatin1(Pseudonym);
        p.createdAt = QDateTime::currentDateTimeUtc();
        auto saved = f.s.victim->store->participants().save(p);
        if (!saved || !f.s.victim->sync())
            return {};
        f.participant = saved->id;
        Participant edited = *saved;
        edited.pseudonym = QString::fromLatin1(EditedPseudonym);
        if (!f.s.victim->store->participants().save(edited))
            return {};
        f.colleague = colleague(f.s, f.s.org.worker2);
        if (!f.colleague)
            return {};
        // What the breach takes: the server says the colleague wrote the participant.
        if (!fx.sql(QStringLiteral("UPDATE records SET author_id = '%1' WHERE record_id = '%2'")
                        .arg(idText(f.s.org.worker2), idText(f.participant))))
            return {};
        return f;
    }

    // The colleague's signed change reaches the victim's phone and is set aside as not the
    // author's; the participant keeps its text and the victim's unsent edit, which then
    // leaves the phone.
    void participantSurvives(Forgery &f, const Draft &forged)
    {
        TestDevice &jo = *f.colleague;
        QVERIFY(pushed(jo, jo.batch(1, {forged})));
        QVERIFY(addReader(f.s, jo.user()->audienceId, f.s.org.worker1,
                          grant(jo, f.s.org.worker1, f.s.victim->identity.keys.encryptionPublic)));

        SyncReport report;
        {
            SyncEngine engine(*f.s.victim->store, f.s.victim->identity, *f.s.victim->client);
            QVERIFY(engine.pull(report).ok());
        }
        QCOMPARE(report.skippedReasons, QStringList{QStringLiteral("not_author")});
        auto kept = f.s.victim->store->participants().get(f.participant);
        QVERIFY2(kept.ok(), why(kept).constData());
        QCOMPARE(kept->pseudonym, QString::fromLatin1(EditedPseudonym));
        auto unsent = f.s.victim->store->outbox().pendingFields(f.participant);
        QVERIFY(unsent.ok());
        QVERIFY(unsent->contains(QStringLiteral("pseudonym")));

        auto setAside = f.s.victim->store->setAside().list();
        QVERIFY(setAside.ok());
        QCOMPARE(setAside->size(), 1);
        QCOMPARE(setAside->first().recordId, f.participant);
        QCOMPARE(setAside->first().author, f.s.org.worker2);
        QCOMPARE(setAside->first().reason, QStringLiteral("not_author"));
        QCOMPARE(SyncEngine::describeSetAside(setAside->first().reason),
                 QStringLiteral("It changes a record another user created."));

        // The next sync is clean and sends the victim's work.
        auto again = f.s.victim->sync();
        QVERIFY2(again.ok(), why(again).constData());
        QCOMPARE(again->skipped, 0);
        QCOMPARE(again->pending, 0);
        QCOMPARE(f.s.victim->store->participants().get(f.participant)->pseudonym,
                 QString::fromLatin1(EditedPseudonym));
    }

    // The victim syncs despite what it was sent: the good changes merge, its own new work
    // goes out, and `skipped` changes are set aside with `reasons`.
    void syncsAroundIt(Scene &s, const QList<QUuid> &good, int skipped, const QStringList &reasons)
    {
        auto report = s.victim->sync();
        QVERIFY2(report.ok(), why(report).constData());
        QCOMPARE(report->skipped, skipped);
        QCOMPARE(report->skippedReasons, reasons);
        QCOMPARE(report->setAside, qint64(skipped));
        // The victim's own work left the phone: the server applied it.
        QCOMPARE(report->pushed, 1);
        QCOMPARE(report->pending, 0);
        QCOMPARE(report->failed, 0);
        for (const QUuid &id : good)
            QVERIFY(s.victim->store->diary().get(id).ok());
        auto kept = s.victim->store->setAside().list();
        QVERIFY(kept.ok());
        QCOMPARE(kept->size(), skipped);

        // The next sync is clean: the cursor moved past the bad changes.
        auto again = s.victim->sync();
        QVERIFY2(again.ok(), why(again).constData());
        QCOMPARE(again->skipped, 0);
        QCOMPARE(again->setAside, qint64(skipped));
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(fx.startDatabase(), qPrintable(fx.lastError()));
        QVERIFY2(fx.startServer(), qPrintable(fx.lastError()));
    }

    void aColleaguesKeyThatWillNotOpenIsSetAside()
    {
        // A colleague names the victim as a reader of an audience with a sealed key that is
        // not a key sealed to the victim (80 random bytes). Made in the server's database:
        // the server may refuse an audience naming a colleague at push time, but a breached
        // server can still serve one. Before: the whole pull failed, and the push with it.
        Scene s = scene(QStringLiteral("Key that will not open"));
        QVERIFY(s.victim);
        auto jo = colleague(s, s.org.worker2);
        QVERIFY(jo);
        const Draft jos = diaryDraft(diaryText(QStringLiteral("Jo's entry")));
        QList<QUuid> good = aroundGoodOnes(s, {});
        QVERIFY(good.size() == 2);
        QVERIFY(pushed(*jo, jo->batch(1, {jos})));
        QVERIFY(addReader(s, jo->user()->audienceId, s.org.worker1,
                          crypto::signAudienceKey(jo->user()->keys.signingSecret,
                                                  jo->user()->audienceId, s.org.worker1,
                                                  QByteArray(80, '\x5a'))));
        const Draft later = diaryDraft(diaryText(QStringLiteral("good, on the same page")));
        QVERIFY(pushed(*s.victimsOther, s.victimsOther->batch(s.sequence++, {later})));
        good << later.recordId;

        syncsAroundIt(s, good, 1, {QStringLiteral("audience_key_unreadable")});
        const SetAsideChange kept = s.victim->store->setAside().list()->first();
        QCOMPARE(kept.recordId, jos.recordId);
        QCOMPARE(kept.author, s.org.worker2);
        QCOMPARE(kept.audience, jo->user()->audienceId);
        QVERIFY(kept.serverSeq > 0);
        QVERIFY(!s.victim->store->diary().get(jos.recordId).ok());
        QCOMPARE(SyncEngine::describeSetAside(kept.reason),
                 QStringLiteral("It was sealed with a key your keys cannot open."));
    }

    void aColleaguesEnvelopeThatWillNotDecryptIsSetAside()
    {
        // The supervisor (another user of the organisation) gives the victim a real key to an
        // audience, then signs a change whose envelope was sealed under another key: the
        // batch verifies, the envelope does not open. The reader row is made in the server's
        // database, as above.
        Scene s = scene(QStringLiteral("Envelope that will not decrypt"));
        QVERIFY(s.victim);
        auto sup = colleague(s, s.org.supervisor);
        QVERIFY(sup);
        QList<QUuid> good = aroundGoodOnes(s, {});
        QVERIFY(good.size() == 2);

        const Draft forged = diaryDraft(diaryText(QStringLiteral("never readable")));
        wire::PushRequest batch = sup->batch(1, {forged});
        wire::Change &c = batch.changes.first();
        c.envelope = crypto::sealRecord(crypto::newAudienceKey(), c.recordId, c.type, c.stamp,
                                        forged.plaintext);
        batch.signature = crypto::signManifest(
            sup->user()->keys.signingSecret,
            wire::manifestBytes(s.org.id, s.org.supervisor, sup->credentials.deviceId,
                                batch.sequence, {crypto::changeDigest(c)}));
        QVERIFY(pushed(*sup, batch));
        QVERIFY(addReader(s, sup->user()->audienceId, s.org.worker1,
                          grant(*sup, s.org.worker1, s.victim->identity.keys.encryptionPublic)));

        syncsAroundIt(s, good, 1, {QStringLiteral("envelope_unreadable")});
        const SetAsideChange kept = s.victim->store->setAside().list()->first();
        QCOMPARE(kept.recordId, forged.recordId);
        QCOMPARE(kept.author, s.org.supervisor);
        QVERIFY(!s.victim->store->diary().get(forged.recordId).ok());
    }

    void anEnvelopeOfAnotherVersionIsSetAside()
    {
        // A colleague's device signs a change whose envelope carries another version byte
        // (an older format): it is set aside under its own reason, the rest syncs.
        Scene s = scene(QStringLiteral("Envelope of another version"));
        QVERIFY(s.victim);
        auto sup = colleague(s, s.org.supervisor);
        QVERIFY(sup);
        QList<QUuid> good = aroundGoodOnes(s, {});
        QVERIFY(good.size() == 2);

        const Draft old = diaryDraft(diaryText(QStringLiteral("an older format")));
        wire::PushRequest batch = sup->batch(1, {old});
        wire::Change &c = batch.changes.first();
        c.envelope[0] = char(1);
        batch.signature = crypto::signManifest(
            sup->user()->keys.signingSecret,
            wire::manifestBytes(s.org.id, s.org.supervisor, sup->credentials.deviceId,
                                batch.sequence, {crypto::changeDigest(c)}));
        QVERIFY(pushed(*sup, batch));
        QVERIFY(addReader(s, sup->user()->audienceId, s.org.worker1,
                          grant(*sup, s.org.worker1, s.victim->identity.keys.encryptionPublic)));

        syncsAroundIt(s, good, 1, {QStringLiteral("envelope_version")});
        QCOMPARE(s.victim->store->setAside().list()->first().recordId, old.recordId);
        QVERIFY(!s.victim->store->diary().get(old.recordId).ok());
    }

    void invalidContentFromTheUsersOwnDeviceIsSetAside()
    {
        // The victim's own other device signs, in the victim's name, changes no form would
        // let through: a wellbeing of 99, a 200 KiB text, a text that is an integer, a text
        // nested 10,000 deep. The server cannot see inside envelopes and stores them; the
        // victim's device sets each aside, merges none, and syncs on.
        Scene s = scene(QStringLiteral("Invalid content"));
        QVERIFY(s.victim);
        DiaryEntry rated;
        rated.text = QStringLiteral("rated");
        rated.writtenAt = QDateTime::currentDateTimeUtc();
        QCborMap ninetyNine = rated.toFields();
        ninetyNine.insert(QStringLiteral("wellbeing"), 99);
        QByteArray deep = QByteArrayLiteral("\xa2\x01\xa1\x64text");
        deep += QByteArray(10'000, '\x81');
        deep += QByteArrayLiteral("\x00\x02\xa0");
        const QList<Draft> bad{
            diaryDraft(plaintext(ninetyNine)),
            diaryDraft(diaryText(QString(200 * 1024, QLatin1Char('w')))),
            diaryDraft(plaintext({{QStringLiteral("text"), 42}})),
            diaryDraft(deep),
        };
        QList<QUuid> good = aroundGoodOnes(s, bad);
        QVERIFY(good.size() == 2);

        auto report = s.victim->sync();
        QVERIFY2(report.ok(), why(report).constData());
        QCOMPARE(report->skipped, 4);
        for (const Draft &d : bad)
            QVERIFY(!s.victim->store->diary().get(d.recordId).ok());
        for (const QUuid &id : good)
            QVERIFY(s.victim->store->diary().get(id).ok());
        QCOMPARE(report->pushed, 1);
        auto kept = s.victim->store->setAside().list();
        QVERIFY(kept.ok());
        QCOMPARE(kept->size(), 4);
        QHash<QUuid, SetAsideChange> byRecord;
        for (const SetAsideChange &k : *kept)
            byRecord.insert(k.recordId, k);
        QCOMPARE(byRecord.value(bad[0].recordId).reason, QStringLiteral("invalid_content"));
        QCOMPARE(byRecord.value(bad[0].recordId).field, QStringLiteral("wellbeing"));
        QCOMPARE(byRecord.value(bad[0].recordId).author, s.org.worker1);
        QCOMPARE(byRecord.value(bad[1].recordId).field, QStringLiteral("text"));
        QCOMPARE(byRecord.value(bad[2].recordId).field, QStringLiteral("text"));
        // Too deep for the decoder, or for the check after it: either way, not merged.
        QVERIFY(QStringList({QStringLiteral("malformed"), QStringLiteral("invalid_content")})
                    .contains(byRecord.value(bad[3].recordId).reason));
        QCOMPARE(SyncEngine::describeSetAside(QStringLiteral("invalid_content"),
                                              RecordType::DiaryEntry, QStringLiteral("wellbeing")),
                 QStringLiteral("Its Wellbeing is not valid."));
    }

    void aStampTwoDaysAheadIsSetAsideAndTheClockStays()
    {
        // The victim's other device with its clock two days ahead: that change is set aside
        // and the victim's clock does not follow it; one an hour ahead merges as always.
        Scene s = scene(QStringLiteral("Clock ahead"));
        QVERIFY(s.victim);
        const Draft ahead = diaryDraft(diaryText(QStringLiteral("two days ahead")));
        QList<QUuid> good = aroundGoodOnes(s, {ahead}, 2 * 24 * 3'600'000);
        QVERIFY(good.size() == 2);
        const Draft anHour = diaryDraft(diaryText(QStringLiteral("an hour ahead")));
        QVERIFY(pushed(*s.victimsOther, s.victimsOther->batch(s.sequence++, {anHour}, 3'600'000)));
        good << anHour.recordId;

        syncsAroundIt(s, good, 1, {QStringLiteral("clock_ahead")});
        QVERIFY(!s.victim->store->diary().get(ahead.recordId).ok());
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QVERIFY(s.victim->store->clock().last().physicalMs < now + 2 * 3'600'000);
        QVERIFY(s.victim->store->clock().last().physicalMs >= now + 3'600'000 - 60'000);
        QCOMPARE(s.victim->store->setAside().list()->first().reason, QStringLiteral("clock_ahead"));
        QCOMPARE(SyncEngine::describeSetAside(QStringLiteral("clock_ahead")),
                 QStringLiteral("Its time is more than a day ahead of this device's clock."));
    }

    void aColleagueCannotDeleteTheWorkersParticipant()
    {
        // A tombstone signed by another user of the organisation for the victim's participant,
        // served by a breached server. Before: the participant, its text and the victim's
        // unsent edit were erased.
        Forgery f = forgery(QStringLiteral("Forged tombstone"));
        QVERIFY(f.colleague);
        participantSurvives(f, Draft{f.participant, RecordType::Participant, {}, true});
    }

    void aColleagueCannotEditTheWorkersParticipant()
    {
        // An edit signed by another user of the organisation, newer than the victim's.
        Forgery f = forgery(QStringLiteral("Forged edit"));
        QVERIFY(f.colleague);
        const QByteArray forged =
            plaintext({{QStringLiteral("pseudonym"), QStringLiteral("forged")}});
        participantSurvives(f, Draft{f.participant, RecordType::Participant, forged, false});
    }

    void aChangedKeyIsRefusedUntilAPersonConfirmsIt()
    {
        // The victim pins a colleague's keys the first time it sees them. The server then
        // hands other keys for that colleague, as a breached server would to sign in their
        // name: what the new key signs is set aside as key_changed and reported, until a
        // person confirms the new fingerprint; then what it signs merges.
        Scene s = scene(QStringLiteral("Changed key"));
        QVERIFY(s.victim);
        auto jo = colleague(s, s.org.worker2);
        QVERIFY(jo);
        const Draft before = diaryDraft(diaryText(QStringLiteral("Jo, first key")));
        QVERIFY(pushed(*jo, jo->batch(1, {before})));
        QVERIFY(addReader(s, jo->user()->audienceId, s.org.worker1,
                          grant(*jo, s.org.worker1, s.victim->identity.keys.encryptionPublic)));
        auto first = s.victim->sync();
        QVERIFY2(first.ok(), why(first).constData());
        QCOMPARE(first->skipped, 0);
        QCOMPARE(first->keysChanged, 0);
        QVERIFY(s.victim->store->diary().get(before.recordId).ok());
        const auto pinOf = [&]() -> std::optional<UserKeyPin> {
            auto pins = s.victim->store->keyPins().list();
            if (!pins)
                return std::nullopt;
            for (const UserKeyPin &p : *pins)
                if (p.userId == s.org.worker2)
                    return p;
            return std::nullopt;
        };
        const QString firstPrint = jo->user()->keys.fingerprint();
        QVERIFY(pinOf());
        QCOMPARE(crypto::keyFingerprint(pinOf()->signingKey, pinOf()->boxKey), firstPrint);
        QVERIFY(!pinOf()->changed());

        // The server swaps Jo's keys; a change signed with the new key.
        jo->user()->keys = crypto::UserKeys::generate();
        QVERIFY(fx.sql(QStringLiteral("UPDATE users SET signing_key = %1, encryption_key = %2 "
                                      "WHERE user_id = '%3'")
                           .arg(hex(jo->user()->keys.signingPublic),
                                hex(jo->user()->keys.encryptionPublic), idText(s.org.worker2))));
        const Draft forged = diaryDraft(diaryText(QStringLiteral("signed with the new key")));
        QVERIFY(pushed(*jo, jo->batch(2, {forged})));
        auto second = s.victim->sync();
        QVERIFY2(second.ok(), why(second).constData());
        QCOMPARE(second->skippedReasons, QStringList{QStringLiteral("key_changed")});
        QCOMPARE(second->keysChanged, 1);
        QVERIFY(!s.victim->store->diary().get(forged.recordId).ok());
        const SetAsideChange kept = s.victim->store->setAside().list()->first();
        QCOMPARE(kept.recordId, forged.recordId);
        QCOMPARE(kept.reason, QStringLiteral("key_changed"));
        QCOMPARE(SyncEngine::describeSetAside(kept.reason),
                 QStringLiteral("Its author's key changed and nobody has confirmed the new one "
                                "yet."));
        QVERIFY(pinOf()->changed());
        QCOMPARE(crypto::keyFingerprint(pinOf()->signingKey, pinOf()->boxKey), firstPrint);
        const QString newPrint = jo->user()->keys.fingerprint();
        QVERIFY(newPrint != firstPrint);
        QCOMPARE(crypto::keyFingerprint(pinOf()->offeredSigningKey, pinOf()->offeredBoxKey),
                 newPrint);
        // It stays refused, and reported, on every sync until someone confirms.
        auto still = s.victim->sync();
        QVERIFY2(still.ok(), why(still).constData());
        QCOMPARE(still->keysChanged, 1);

        // A person compared the new fingerprint with Jo and confirms it.
        QVERIFY(s.victim->store->keyPins().confirm(s.org.worker2).ok());
        const Draft confirmed = diaryDraft(diaryText(QStringLiteral("after confirming")));
        QVERIFY(pushed(*jo, jo->batch(3, {confirmed})));
        auto third = s.victim->sync();
        QVERIFY2(third.ok(), why(third).constData());
        QCOMPARE(third->skipped, 0);
        QCOMPARE(third->keysChanged, 0);
        QVERIFY(s.victim->store->diary().get(confirmed.recordId).ok());
        QCOMPARE(crypto::keyFingerprint(pinOf()->signingKey, pinOf()->boxKey), newPrint);
    }

    void keysRotatedWithTheOldKeysSignatureAreFollowedWithoutAWarning()
    {
        // Jo's keys are rotated after one of Jo's phones was revoked (docs/protocol.md, "Key
        // rotation after a revocation"): the old signing key signed the new keys, so the
        // victim's device takes them as the pin and merges what they sign, with no warning.
        // Keys the server swaps in afterwards without such a signature still warn.
        Scene s = scene(QStringLiteral("Rotated key"));
        QVERIFY(s.victim);
        auto jo = colleague(s, s.org.worker2);
        QVERIFY(jo);
        const Draft before = diaryDraft(diaryText(QStringLiteral("Jo, before the rotation")));
        QVERIFY(pushed(*jo, jo->batch(1, {before})));
        QVERIFY(addReader(s, jo->user()->audienceId, s.org.worker1,
                          grant(*jo, s.org.worker1, s.victim->identity.keys.encryptionPublic)));
        auto first = s.victim->sync();
        QVERIFY2(first.ok(), why(first).constData());
        QCOMPARE(first->keysChanged, 0);

        crypto::UserKeys next = crypto::UserKeys::generate();
        wire::Rotation r;
        r.fromVersion = 1;
        r.encryptionKey = next.encryptionPublic;
        r.signingKey = next.signingPublic;
        r.continuity = crypto::signContinuity(jo->user()->keys, s.org.worker2, 2, next);
        r.keyBackup = QByteArrayLiteral("sealed backup");
        QCOMPARE(jo->call("POST", QStringLiteral("/v1/keys/rotate"), wire::encode(r)).status, 200);
        jo->user()->keys = std::move(next);
        const Draft after = diaryDraft(diaryText(QStringLiteral("signed with the rotated key")));
        QVERIFY(pushed(*jo, jo->batch(2, {after})));
        auto second = s.victim->sync();
        QVERIFY2(second.ok(), why(second).constData());
        QCOMPARE(second->skipped, 0);
        QCOMPARE(second->keysChanged, 0);
        QVERIFY(s.victim->store->diary().get(after.recordId).ok());
        const auto pinOf = [&]() -> std::optional<UserKeyPin> {
            auto pins = s.victim->store->keyPins().list();
            if (pins)
                for (const UserKeyPin &p : *pins)
                    if (p.userId == s.org.worker2)
                        return p;
            return std::nullopt;
        };
        QVERIFY(pinOf());
        QCOMPARE(crypto::keyFingerprint(pinOf()->signingKey, pinOf()->boxKey),
                 jo->user()->keys.fingerprint());
        QVERIFY(!pinOf()->changed());

        // A forged change of keys (no signature by the rotated key) is refused and warned of.
        jo->user()->keys = crypto::UserKeys::generate();
        QVERIFY(fx.sql(QStringLiteral("UPDATE users SET signing_key = %1, encryption_key = %2 "
                                      "WHERE user_id = '%3'")
                           .arg(hex(jo->user()->keys.signingPublic),
                                hex(jo->user()->keys.encryptionPublic), idText(s.org.worker2))));
        const Draft forged = diaryDraft(diaryText(QStringLiteral("signed with a forged key")));
        QVERIFY(pushed(*jo, jo->batch(3, {forged})));
        auto third = s.victim->sync();
        QVERIFY2(third.ok(), why(third).constData());
        QCOMPARE(third->keysChanged, 1);
        QCOMPARE(third->skippedReasons, QStringList{QStringLiteral("key_changed")});
        QVERIFY(!s.victim->store->diary().get(forged.recordId).ok());
    }

    void anAudienceKeyNotSignedByItsAuthorIsRefused()
    {
        // A key sealed to the victim opens with the victim's keys whoever sealed it: a
        // breached server can make one. Jo's audience reaches the victim with a key that is
        // not signed, the supervisor's with one Jo signed; both are refused, and what was
        // sealed with them is set aside.
        Scene s = scene(QStringLiteral("Unsigned audience keys"));
        QVERIFY(s.victim);
        auto jo = colleague(s, s.org.worker2);
        auto sup = colleague(s, s.org.supervisor);
        QVERIFY(jo && sup);
        const Draft jos = diaryDraft(diaryText(QStringLiteral("Jo's, unsigned key")));
        const Draft sups = diaryDraft(diaryText(QStringLiteral("the supervisor's, Jo signed")));
        QVERIFY(pushed(*jo, jo->batch(1, {jos})));
        QVERIFY(pushed(*sup, sup->batch(1, {sups})));
        const QByteArray victimsKey = s.victim->identity.keys.encryptionPublic;
        QVERIFY(addReader(s, jo->user()->audienceId, s.org.worker1,
                          crypto::sealTo(jo->user()->audienceKey, victimsKey)));
        QVERIFY(addReader(s, sup->user()->audienceId, s.org.worker1,
                          grant(*sup, s.org.worker1, victimsKey, jo.get())));
        QList<QUuid> good = aroundGoodOnes(s, {});
        QVERIFY(good.size() == 2);

        syncsAroundIt(
            s, good, 2,
            {QStringLiteral("audience_key_unsigned"), QStringLiteral("audience_key_unsigned")});
        QVERIFY(!s.victim->identity.hasAudienceKey(jo->user()->audienceId));
        QVERIFY(!s.victim->identity.hasAudienceKey(sup->user()->audienceId));
        QVERIFY(!s.victim->store->diary().get(jos.recordId).ok());
        QVERIFY(!s.victim->store->diary().get(sups.recordId).ok());
        QCOMPARE(SyncEngine::describeSetAside(QStringLiteral("audience_key_unsigned")),
                 QStringLiteral("Its key is not signed by its author."));
    }
};

QTEST_GUILESS_MAIN(TestSyncSetAside)
#include "tst_sync_set_aside.moc"
