// SPDX-License-Identifier: GPL-3.0-or-later
// The CBOR codec: every message survives a round trip, and hostile input gives one clear
// Protocol error instead of a crash or a half-read message.

#include "Uuid.h"
#include "wire/ApprovalCodec.h"
#include "wire/Codec.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <limits>

using namespace wp;

template <typename R> QByteArray why(const R &r)
{
    return r.ok() ? QByteArray() : r.error().message.toUtf8();
}
using namespace wp::wire;

namespace {

Change sampleChange(std::uint64_t id)
{
    Change c;
    c.changeId = id;
    c.recordId = createUuidV7();
    c.type = RecordType::DiaryEntry;
    c.stamp = {1'700'000'000'000 + qint64(id), 3, createUuidV7()};
    c.audienceId = createUuidV7();
    c.envelope = QByteArray(100, char(id));
    return c;
}

PushRequest samplePush()
{
    PushRequest p;
    p.deviceId = createUuidV7();
    p.sequence = 42;
    p.audiences.append({createUuidV7(), {{createUuidV7(), QByteArray(80, 'k')}}});
    for (int i = 1; i <= 3; ++i)
        p.changes.append(sampleChange(std::uint64_t(i)));
    p.changes[1].deleted = true;
    p.changes[1].envelope.clear();
    p.signature = QByteArray(64, 's');
    return p;
}

} // namespace

class TestWire : public QObject
{
    Q_OBJECT

private slots:
    void pushRoundTrip()
    {
        const PushRequest p = samplePush();
        auto back = decodePushRequest(encode(p));
        QVERIFY2(back.ok(), why(back).constData());
        QCOMPARE(back->deviceId, p.deviceId);
        QCOMPARE(back->sequence, p.sequence);
        QCOMPARE(back->audiences.size(), 1);
        QCOMPARE(back->audiences[0].readers[0].sealedKey, p.audiences[0].readers[0].sealedKey);
        QCOMPARE(back->changes.size(), 3);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(back->changes[i].recordId, p.changes[i].recordId);
            QCOMPARE(back->changes[i].stamp, p.changes[i].stamp);
            QCOMPARE(back->changes[i].deleted, p.changes[i].deleted);
            QCOMPARE(back->changes[i].envelope, p.changes[i].envelope);
            QCOMPARE(changeDigestInput(back->changes[i]), changeDigestInput(p.changes[i]));
        }
        QCOMPARE(back->signature, p.signature);
    }

    void pullRoundTrip()
    {
        PullResponse r;
        r.changes.append(sampleChange(1));
        r.changes[0].seq = 77;
        r.changes[0].authorId = createUuidV7();
        r.changes[0].manifestIndex = 0;
        r.cursor = 77;
        r.more = true;
        r.audienceKeys.append({r.changes[0].audienceId, QByteArray(80, 'x')});
        r.manifests.append(
            {r.changes[0].authorId, createUuidV7(), 9, {QByteArray(32, 'd')}, QByteArray(64, 's')});
        auto back = decodePullResponse(encode(r));
        QVERIFY2(back.ok(), why(back).constData());
        QCOMPARE(back->changes[0].seq, 77u);
        QCOMPARE(back->changes[0].authorId, r.changes[0].authorId);
        QCOMPARE(back->changes[0].manifestIndex, 0);
        QCOMPARE(back->cursor, 77u);
        QVERIFY(back->more);
        QCOMPARE(back->manifests[0].digests[0], QByteArray(32, 'd'));
        QCOMPARE(back->audienceKeys[0].sealedKey, QByteArray(80, 'x'));
    }

    void sharingTravelsInOptionalKeys()
    {
        // The directory names the caller's supervisors; absent, the list is empty.
        KeyDirectory dir{{{createUuidV7(), QStringLiteral("supervisor"), QByteArray(32, 'e'),
                           QByteArray(32, 's')}},
                         {{createUuidV7(), QStringLiteral("Alex")}},
                         {}};
        auto d = decodeKeyDirectory(encode(dir));
        QVERIFY2(d.ok(), why(d).constData());
        QCOMPARE(d->supervisors.size(), 1);
        QCOMPARE(d->supervisors[0].userId, dir.supervisors[0].userId);
        QCOMPARE(d->supervisors[0].displayName, QStringLiteral("Alex"));
        dir.supervisors.clear();
        QVERIFY(!encode(dir).contains("Alex"));
        QVERIFY(decodeKeyDirectory(encode(dir))->supervisors.isEmpty());
        // A supervisor's directory names the workers they supervise, in key 3.
        dir.workers = {{createUuidV7(), QStringLiteral("Sam")}};
        d = decodeKeyDirectory(encode(dir));
        QVERIFY2(d.ok(), why(d).constData());
        QCOMPARE(d->workers.size(), 1);
        QCOMPARE(d->workers[0].userId, dir.workers[0].userId);
        QCOMPARE(d->workers[0].displayName, QStringLiteral("Sam"));
        QVERIFY(d->supervisors.isEmpty());

        // A pushed change names the audience it leaves; a pull lists the withdrawals.
        PushRequest p;
        p.deviceId = createUuidV7();
        p.sequence = 1;
        p.changes.append(sampleChange(1));
        p.changes[0].withdrawnFrom = createUuidV7();
        p.signature = QByteArray(64, 's');
        auto pb = decodePushRequest(encode(p));
        QVERIFY2(pb.ok(), why(pb).constData());
        QCOMPARE(pb->changes[0].withdrawnFrom, p.changes[0].withdrawnFrom);
        PullResponse r;
        r.cursor = 9;
        r.withdrawals.append({createUuidV7(), 8});
        auto rb = decodePullResponse(encode(r));
        QVERIFY2(rb.ok(), why(rb).constData());
        QCOMPARE(rb->withdrawals.size(), 1);
        QCOMPARE(rb->withdrawals[0].recordId, r.withdrawals[0].recordId);
        QCOMPARE(rb->withdrawals[0].seq, 8u);
        r.withdrawals.clear();
        QVERIFY(decodePullResponse(encode(r))->withdrawals.isEmpty());
    }

    void smallMessagesRoundTrip()
    {
        EnrolResponse e{createUuidV7(),
                        createUuidV7(),
                        createUuidV7(),
                        QByteArray(32, 't'),
                        QStringLiteral("worker"),
                        true,
                        {},
                        {}};
        auto eb = decodeEnrolResponse(encode(e));
        QVERIFY(eb.ok());
        QCOMPARE(eb->token, e.token);
        QCOMPARE(eb->role, e.role);

        PushResponse pr{5, true, {1, 2}, {{3, QStringLiteral("not_author")}}};
        auto pb = decodePushResponse(encode(pr));
        QVERIFY(pb.ok());
        QCOMPARE(pb->applied, pr.applied);
        QCOMPARE(pb->rejected[0].reason, QStringLiteral("not_author"));

        auto err =
            decodeErrorBody(encode(ErrorBody{QStringLiteral("too_large"), QStringLiteral("x")}));
        QVERIFY(err.ok());
        QCOMPARE(err->code, QStringLiteral("too_large"));

        auto ds = decodeDeviceStatus(
            encode(DeviceStatus{QStringLiteral("revoked"), true, 12, 0, {}, {}, {}}));
        QVERIFY(ds.ok());
        QVERIFY(ds->destroyKeys);
    }

    void theOfflineLeaseIsAnOptionalKey()
    {
        PullResponse page;
        QCOMPARE(QCborValue::fromCbor(encode(page)).toMap().contains(7), false);
        page.offlineLeaseDays = 14;
        auto pulled = decodePullResponse(encode(page));
        QVERIFY2(pulled.ok(), why(pulled).constData());
        QCOMPARE(pulled->offlineLeaseDays, 14);
        DeviceStatus status{QStringLiteral("active"), false, 12, 0, {}, {}, {}};
        QCOMPARE(QCborValue::fromCbor(encode(status)).toMap().contains(4), false);
        QCOMPARE(decodeDeviceStatus(encode(status))->offlineLeaseDays, 0);
        status.offlineLeaseDays = 30;
        QCOMPARE(decodeDeviceStatus(encode(status))->offlineLeaseDays, 30);
        // Past what a server stores, or not a count: refused.
        QCborMap tooLong = QCborValue::fromCbor(encode(status)).toMap();
        tooLong.insert(4, 3651);
        QVERIFY(!decodeDeviceStatus(tooLong.toCborValue().toCbor()).ok());
        tooLong.insert(4, -1);
        QVERIFY(!decodeDeviceStatus(tooLong.toCborValue().toCbor()).ok());
    }

    void theNamesAreOptionalKeysTheDeviceChecks()
    {
        EnrolResponse e{createUuidV7(),
                        createUuidV7(),
                        createUuidV7(),
                        QByteArray(32, 't'),
                        QStringLiteral("worker"),
                        true,
                        {},
                        {}};
        // Left out when unknown, as an older server would.
        const QCborMap bare = QCborValue::fromCbor(encode(e)).toMap();
        QVERIFY(!bare.contains(7) && !bare.contains(8));
        QVERIFY(decodeEnrolResponse(encode(e))->userName.isEmpty());
        e.userName = QStringLiteral("Sam Taylor");
        e.organisationName = QStringLiteral("Riverside Outreach");
        auto enrolled = decodeEnrolResponse(encode(e));
        QVERIFY2(enrolled.ok(), why(enrolled).constData());
        QCOMPARE(enrolled->userName, e.userName);
        QCOMPARE(enrolled->organisationName, e.organisationName);

        DeviceStatus status{QStringLiteral("active"), false, 12, 0, {}, {}, {}};
        QVERIFY(QCborValue::fromCbor(encode(status)).toMap().size() == 4); // version and 1-3
        status.userName = QStringLiteral("Sam Taylor");
        status.organisationName = QStringLiteral("Riverside Outreach");
        status.role = QStringLiteral("supervisor");
        auto told = decodeDeviceStatus(encode(status));
        QVERIFY2(told.ok(), why(told).constData());
        QCOMPARE(told->userName, status.userName);
        QCOMPARE(told->organisationName, status.organisationName);
        QCOMPARE(told->role, status.role);

        // Absurd names are refused whole, naming the key: too long, blank, a control
        // character, not text.
        const QCborValue absurd[] = {QString(wire::limits::MaxName + 1, u'a'),
                                     QStringLiteral("   "), QStringLiteral("Sam\nTaylor"),
                                     QStringLiteral("Sam\x1b[2J"), 42};
        for (const QCborValue &v : absurd) {
            QCborMap m = QCborValue::fromCbor(encode(e)).toMap();
            m.insert(7, v);
            auto r = decodeEnrolResponse(m.toCborValue().toCbor());
            QVERIFY(!r.ok());
            QVERIFY2(r.error().message.contains(QLatin1String("userName")),
                     qPrintable(r.error().message));
            QCborMap d = QCborValue::fromCbor(encode(status)).toMap();
            d.insert(6, v);
            auto rd = decodeDeviceStatus(d.toCborValue().toCbor());
            QVERIFY(!rd.ok());
            QVERIFY2(rd.error().message.contains(QLatin1String("organisationName")),
                     qPrintable(rd.error().message));
        }
        // Accents and other scripts are names like any other.
        e.userName = QStringLiteral("Zoé Ñúñez 王");
        QCOMPARE(decodeEnrolResponse(encode(e))->userName, e.userName);
    }

    void aDeviceNameIsTrimmedAndChecked()
    {
        auto named = decodeDeviceName(encode(DeviceName{QStringLiteral("  Work phone ")}));
        QVERIFY2(named.ok(), why(named).constData());
        QCOMPARE(named->name, QStringLiteral("Work phone"));
        QVERIFY(decodeDeviceName(encode(DeviceName{QString(64, u'x')})).ok());
        QVERIFY(decodeDeviceName(encode(DeviceName{QStringLiteral(" %1 ").arg(QString(64, u'x'))}))
                    .ok());
        for (const QString &bad : {QString(), QStringLiteral("  "), QString(65, u'x'),
                                   QStringLiteral("Work\tphone"), QStringLiteral("a\u0007")})
            QVERIFY2(!decodeDeviceName(encode(DeviceName{bad})).ok(), qPrintable(bad));
        QCborMap notText{{0, 1}, {1, 7}};
        QVERIFY(!decodeDeviceName(notText.toCborValue().toCbor()).ok());
        QVERIFY(!decodeDeviceName(QCborMap{{0, 1}}.toCborValue().toCbor()).ok());
    }

    void syncMessagesCarryTheirPartsWhole()
    {
        const PushRequest push = samplePush();
        auto req = decodeSyncRequest(encode(SyncRequest{41, 500, 7, encode(push)}));
        QVERIFY2(req.ok(), why(req).constData());
        QCOMPARE(req->since, 41u);
        QCOMPARE(req->limit, 500u);
        QCOMPARE(req->horizon, 7u);
        QCOMPARE(req->push, encode(push));
        auto bare = decodeSyncRequest(encode(SyncRequest{41, 500, 0, {}}));
        QVERIFY(bare.ok());
        QVERIFY(bare->push.isEmpty());
        QVERIFY(!decodeSyncRequest(encode(SyncRequest{41, 0, 0, {}})).ok());

        PullResponse page;
        page.cursor = 9;
        const QByteArray applied = encode(PushResponse{5, false, {1, 2}, {}});
        auto ok = decodeSyncResponse(encode(SyncResponse{encode(page), applied, 0, {}}));
        QVERIFY2(ok.ok(), why(ok).constData());
        QCOMPARE(decodePullResponse(ok->pull)->cursor, 9u);
        QCOMPARE(ok->push, applied);
        QCOMPARE(ok->pushStatus, 0);

        auto refused = decodeSyncResponse(
            encode(SyncResponse{encode(page), {}, 409, {QStringLiteral("sequence_reused"), {}}}));
        QVERIFY(refused.ok());
        QCOMPARE(refused->pushStatus, 409);
        QCOMPARE(refused->pushError.code, QStringLiteral("sequence_reused"));
        // An answer cannot both apply and refuse the push, nor refuse it with a success.
        QVERIFY(!decodeSyncResponse(
                     encode(SyncResponse{encode(page), applied, 409, {QStringLiteral("x"), {}}}))
                     .ok());
        QVERIFY(!decodeSyncResponse(
                     encode(SyncResponse{encode(page), {}, 200, {QStringLiteral("x"), {}}}))
                     .ok());
    }

    void everyTruncationIsRefused()
    {
        const QByteArray full = encode(samplePush());
        for (qsizetype n = 0; n < full.size(); ++n) {
            auto r = decodePushRequest(QByteArrayView(full).first(n));
            QVERIFY2(!r.ok(), qPrintable(QString::number(n)));
            QCOMPARE(r.error().code, ErrorCode::Protocol);
        }
    }

    void trailingBytesAreRefused()
    {
        auto r = decodePushRequest(QByteArray(encode(samplePush()) + QByteArray(1, '\0')));
        QVERIFY(!r.ok());
        QCOMPARE(serverErrorCode(r.error()), QStringLiteral("malformed"));
    }

    void unknownVersionIsNamed()
    {
        QCborMap m = QCborValue::fromCbor(encode(samplePush())).toMap();
        m.insert(0, 2);
        auto r = decodePushRequest(QCborValue(m).toCbor());
        QVERIFY(!r.ok());
        QCOMPARE(serverErrorCode(r.error()), QStringLiteral("unsupported_version"));
    }

    void wrongTypesAreRefused()
    {
        const QCborMap good = QCborValue::fromCbor(encode(samplePush())).toMap();
        const QList<std::pair<int, QCborValue>> bad = {
            {1, QCborValue(QByteArray(15, 'x'))},    // short id
            {2, QCborValue(-1)},                     // negative sequence
            {2, QCborValue(0)},                      // sequence 0
            {3, QCborValue(QStringLiteral("nope"))}, // audiences not an array
            {4, QCborArray{QCborValue(1)}},          // change not a map
            {5, QCborValue(QByteArray(63, 's'))},    // short signature
        };
        for (const auto &[key, value] : bad) {
            QCborMap m = good;
            m.insert(key, value);
            auto r = decodePushRequest(QCborValue(m).toCbor());
            QVERIFY2(!r.ok(), qPrintable(QString::number(key)));
            QCOMPARE(r.error().code, ErrorCode::Protocol);
        }
        QCborMap missing = good;
        missing.remove(4);
        QVERIFY(!decodePushRequest(QCborValue(missing).toCbor()).ok());
    }

    void badChangeFieldsAreRefused()
    {
        PushRequest p = samplePush();
        QCborMap m = QCborValue::fromCbor(encode(p)).toMap();
        QCborArray changes = m.value(4).toArray();
        QCborMap c = changes.at(0).toMap();
        c.insert(3, 99); // unknown record type
        changes[0] = c;
        m.insert(4, changes);
        QVERIFY(!decodePushRequest(QCborValue(m).toCbor()).ok());

        c = changes.at(1).toMap();
        c.insert(4, QCborArray{1, 2}); // stamp without a device
        changes[0] = c;
        m.insert(4, changes);
        QVERIFY(!decodePushRequest(QCborValue(m).toCbor()).ok());
    }

    void oversizeIsNamed()
    {
        PushRequest p = samplePush();
        p.changes[0].envelope = QByteArray(limits::MaxEnvelope + 1, 'x');
        auto r = decodePushRequest(encode(p));
        QVERIFY(!r.ok());
        QCOMPARE(serverErrorCode(r.error()), QStringLiteral("too_large"));

        auto big = decodePushRequest(QByteArray(limits::MaxBody + 1, '\xa0'));
        QCOMPARE(serverErrorCode(big.error()), QStringLiteral("too_large"));

        PushRequest many = samplePush();
        many.changes.clear();
        for (int i = 0; i <= limits::MaxChanges; ++i)
            many.changes.append(sampleChange(1));
        QCOMPARE(serverErrorCode(decodePushRequest(encode(many)).error()),
                 QStringLiteral("too_large"));
    }

    // A container declares how many elements it holds; a message that opens a thousand
    // nested containers declaring 65,536 elements each and stops is a few kilobytes. It must
    // be refused about as quickly as a valid message of its size is read, without reserving room
    // for elements that never come (1 MiB a container).
    void declaredLengthsCostNothingUntilTheyArrive()
    {
        QByteArray hostile;
        for (int i = 0; i < 1000; ++i)
            hostile += QByteArray::fromHex("9a00010000");
        PushRequest p = samplePush();
        for (Change &c : p.changes)
            c.envelope = QByteArray(hostile.size() / 3, 'e');
        const QByteArray valid = encode(p);
        QVERIFY(decodePushRequest(valid).ok());
        const auto fastest = [](const QByteArray &bytes) {
            qint64 best = std::numeric_limits<qint64>::max();
            for (int round = 0; round < 5; ++round) {
                QElapsedTimer timer;
                timer.start();
                for (int i = 0; i < 20; ++i)
                    (void)decodePushRequest(bytes);
                best = std::min(best, timer.nsecsElapsed());
            }
            return best;
        };
        const auto r = decodePushRequest(hostile);
        QVERIFY(!r.ok());
        QCOMPARE(serverErrorCode(r.error()), QStringLiteral("malformed"));
        const qint64 hostileNs = fastest(hostile);
        const qint64 validNs = fastest(valid);
        QVERIFY2(hostileNs < 20 * validNs,
                 qPrintable(QStringLiteral("refusing took %1 us, reading a valid message %2 us")
                                .arg(hostileNs / 20000)
                                .arg(validNs / 20000)));
    }

    void randomGarbageNeverCrashes()
    {
        QRandomGenerator rng(1234);
        const QByteArray good = encode(samplePush());
        for (int i = 0; i < 3000; ++i) {
            QByteArray b = good;
            const int flips = 1 + int(rng.bounded(8));
            for (int f = 0; f < flips; ++f)
                b[int(rng.bounded(b.size()))] = char(rng.bounded(256));
            (void)decodePushRequest(b);
            (void)decodePullResponse(b);
        }
        // Deep nesting and a huge declared length.
        QVERIFY(!decodePushRequest(QByteArray(100000, '\x81')).ok());
        QVERIFY(!decodePushRequest(QByteArray::fromHex("bb7fffffffffffffff")).ok());
        QVERIFY(!decodePushRequest(QByteArray::fromHex("9b7fffffffffffffff")).ok());
    }

    void approvalMessagesRoundTripAndAreStrict()
    {
        const QByteArray key(32, 'k'), sealed(144, 's'), signature(64, 'g');
        const QUuid device = QUuid::createUuid(), by = QUuid::createUuid();
        QCOMPARE(decodeApprovalRequest(encode(ApprovalRequest{key}))->requestKey, key);
        QVERIFY(!decodeApprovalRequest(encode(ApprovalRequest{key.left(31)})).ok());

        const auto state = decodeApprovalState(
            encode(ApprovalState{QStringLiteral("approved"), by, sealed, signature}));
        QVERIFY(state.ok());
        QCOMPARE(state->approvedBy, by);
        QCOMPARE(state->sealedKeys, sealed);
        QCOMPARE(state->signature, signature);
        QCOMPARE(decodeApprovalState(encode(ApprovalState{QStringLiteral("pending"), {}, {}, {}}))
                     ->state,
                 QStringLiteral("pending"));
        QVERIFY(
            !decodeApprovalState(encode(ApprovalState{QStringLiteral("maybe"), {}, {}, {}})).ok());
        // Approved without the sealed keys is malformed.
        QVERIFY(!decodeApprovalState(
                     QCborValue(QCborMap{{0, 1}, {1, QStringLiteral("approved")}}).toCbor())
                     .ok());

        NewDevices list;
        list.devices.append({device,
                             QStringLiteral("Pixel 7"),
                             QStringLiteral("android"),
                             1234,
                             QStringLiteral("pending"),
                             key,
                             {},
                             0});
        list.devices.append({by,
                             QStringLiteral("laptop"),
                             QStringLiteral("linux"),
                             1000,
                             QStringLiteral("approved"),
                             {},
                             device,
                             2000});
        const auto decoded = decodeNewDevices(encode(list));
        QVERIFY(decoded.ok());
        QCOMPARE(decoded->devices.size(), 2);
        QCOMPARE(decoded->devices[0].requestKey, key);
        QCOMPARE(decoded->devices[0].name, QStringLiteral("Pixel 7"));
        QCOMPARE(decoded->devices[1].approvedBy, device);
        QCOMPARE(decoded->devices[1].approvedAtMs, 2000);

        const auto approval = decodeApproval(encode(Approval{device, sealed, signature}));
        QVERIFY(approval.ok());
        QCOMPARE(approval->deviceId, device);
        QVERIFY(!decodeApproval(encode(Approval{device, sealed + 'x', signature})).ok());
        QVERIFY(!decodeApproval(encode(Approval{device, sealed, signature.left(63)})).ok());
        QCOMPARE(decodeDenial(encode(Denial{device}))->deviceId, device);
        QVERIFY(!decodeDenial(QCborValue(QCborMap{{0, 1}}).toCbor()).ok());
    }
};

QTEST_GUILESS_MAIN(TestWire)
#include "tst_wire.moc"
