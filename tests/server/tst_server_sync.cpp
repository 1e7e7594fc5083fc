// SPDX-License-Identifier: GPL-3.0-or-later
// The sync service end to end: a real PostgreSQL cluster, the real waypoint-server over
// real HTTP, devices using the real codec and crypto. Each test makes its own organisation.

#include "LocalServer.h"
#include "LoopbackProxy.h"
#include "Migrations.h"
#include "TestDevice.h"
#include "Uuid.h"
#include "crypto/BatchSignature.h"
#include "crypto/Envelope.h"
#include "wire/Codec.h"

#include <QCborMap>
#include <QCborValue>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <pqxx/pqxx>

#include <atomic>
#include <mutex>
#include <optional>
#include <thread>
#include <tuple>

using namespace wp;
using namespace wp::wire;

namespace {

QList<Draft> drafts(int n, const QByteArray &prefix = "note")
{
    QList<Draft> out;
    for (int i = 0; i < n; ++i)
        out.append({createUuidV7(), RecordType::Encounter, prefix + ' ' + QByteArray::number(i)});
    return out;
}

QSet<QUuid> idsOf(const QList<Received> &records)
{
    QSet<QUuid> ids;
    for (const Received &r : records)
        ids.insert(r.recordId);
    return ids;
}

template <typename R> QByteArray why(const R &r)
{
    return r.ok() ? QByteArray() : r.error().message.toUtf8();
}

// Runs `body` (PL/pgSQL) as each batch row of `device` goes in, for as long as it lives: a
// way to make something happen in the middle of a push. Dropped even when a check fails, so
// the next test starts from the migrated schema.
class BatchTrigger
{
public:
    BatchTrigger(pqxx::nontransaction &w, std::string name, const QUuid &device,
                 const std::string &body)
        : w_(w), name_(std::move(name))
    {
        w_.exec("CREATE FUNCTION " + name_ + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN " +
                body + " RETURN NEW; END $$");
        w_.exec("CREATE TRIGGER " + name_ +
                " BEFORE INSERT ON batches FOR EACH ROW WHEN (NEW.device_id = '" +
                idText(device).toStdString() + "') EXECUTE FUNCTION " + name_ + "()");
    }
    BatchTrigger(const BatchTrigger &) = delete;
    BatchTrigger &operator=(const BatchTrigger &) = delete;
    ~BatchTrigger() { drop(); }

    void drop() noexcept
    {
        if (name_.empty())
            return;
        try {
            w_.exec("DROP TRIGGER IF EXISTS " + name_ + " ON batches");
            w_.exec("DROP FUNCTION IF EXISTS " + name_ + "()");
        } catch (const std::exception &) {
            // The connection is gone; the fixture's cluster goes with it.
        }
        name_.clear();
    }

private:
    pqxx::nontransaction &w_;
    std::string name_;
};

// Holds `device`'s pushes inside their transaction from hold() to release(): its batch
// trigger waits for an advisory lock this connection takes. Tests line other pushes up behind
// that commit and know, rather than guess, when it is under way.
class HeldPushes
{
public:
    HeldPushes(pqxx::nontransaction &w, const QUuid &device)
        : w_(w), trigger_(w, "test_hold", device,
                          "PERFORM pg_advisory_xact_lock_shared(" + std::string(Key) + ");")
    {
    }
    ~HeldPushes() { release(); }

    void hold()
    {
        w_.exec("SELECT pg_advisory_lock(" + std::string(Key) + ")");
        holding_ = true;
    }
    // True once a push is waiting in the trigger.
    bool waitUntilHeld()
    {
        return QTest::qWaitFor(
            [&] {
                return w_.exec1("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = "
                                "'Lock' AND wait_event = 'advisory'")[0]
                           .as<int>() > 0;
            },
            20000);
    }
    void release() noexcept
    {
        if (!holding_)
            return;
        holding_ = false;
        try {
            w_.exec("SELECT pg_advisory_unlock(" + std::string(Key) + ")");
        } catch (const std::exception &) {
        }
    }

private:
    static constexpr const char *Key = "7411";
    pqxx::nontransaction &w_;
    BatchTrigger trigger_;
    bool holding_ = false;
};

// PL/pgSQL that claims `record` for `author` in the pushing batch's organisation.
std::string claimFor(const QUuid &record, const QUuid &author)
{
    return "INSERT INTO records (organisation_id, record_id, author_id, record_type) VALUES "
           "(NEW.organisation_id, '" +
           idText(record).toStdString() + "', '" + idText(author).toStdString() + "', " +
           std::to_string(int(RecordType::DiaryEntry)) + ") ON CONFLICT DO NOTHING;";
}

} // namespace

class TestServerSync : public QObject
{
    Q_OBJECT

    LocalServer fx;
    LocalServer::Org org;
    QHash<QUuid, std::shared_ptr<UserSecrets>> secrets; // per user, shared by their devices

    // An enrolled device of `user` in `o`; the first device of a user makes its keys.
    std::unique_ptr<TestDevice> device(const LocalServer::Org &o, const QUuid &user,
                                       const TestDevice *sibling = nullptr)
    {
        auto d = std::make_unique<TestDevice>(fx.baseUrl());
        const QString code = fx.issueCode(o.id, user);
        if (!d->enrol(code))
            return nullptr;
        if (sibling)
            d->shareSecretsWith(*sibling);
        else if (secrets.contains(user))
            d->useSecrets(secrets.value(user));
        else if (!d->createKeys())
            return nullptr;
        secrets.insert(user, d->user());
        return d;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(fx.startDatabase(), qPrintable(fx.lastError()));
        QVERIFY2(fx.startServer(), qPrintable(fx.lastError()));
        org = fx.createOrganisation(QStringLiteral("Riverside Peers"));
        QVERIFY(!org.worker1.isNull());
    }

    void enrolmentCodesWorkOnceAndExpire()
    {
        const QString code = fx.issueCode(org.id, org.worker1);
        QCOMPARE(code.size(), 19);
        TestDevice a(fx.baseUrl()), b(fx.baseUrl());
        // Typed sloppily: lower case, no dashes.
        QVERIFY(a.enrol(code.toLower().remove(u'-')));
        QCOMPARE(a.credentials.userId, org.worker1);
        QCOMPARE(a.credentials.role, QStringLiteral("worker"));
        QCOMPARE(a.credentials.token.size(), 32);

        const HttpReply reused = b.call("POST", QStringLiteral("/v1/enrol"),
                                        encode(EnrolRequest{code, QStringLiteral("b"), {}}), false);
        QCOMPARE(reused.status, 401);
        QCOMPARE(reused.code, QStringLiteral("enrolment_code_invalid"));

        const QString expiring = fx.issueCode(org.id, org.worker1);
        QVERIFY(fx.sql(QStringLiteral("UPDATE enrolment_codes SET expires_at = now() - "
                                      "interval '1 second' WHERE used_at IS NULL")));
        QVERIFY(!b.enrol(expiring));

        const HttpReply garbage =
            b.call("POST", QStringLiteral("/v1/enrol"), QByteArray("\xa1\x00", 2), false);
        QCOMPARE(garbage.status, 400);
    }

    void keysDirectoryAndBackupRestoreOnASecondDevice()
    {
        auto first = device(org, org.worker1);
        QVERIFY(first);
        const QByteArray marker = "restored-on-new-phone";
        QCOMPARE(
            first->push(first->batch(1, {{createUuidV7(), RecordType::DiaryEntry, marker}})).status,
            200);

        // A second device of the same user gets everything back with the recovery key.
        auto second = std::make_unique<TestDevice>(fx.baseUrl());
        QVERIFY(second->enrol(fx.issueCode(org.id, org.worker1)));
        QVERIFY(second->credentials.userHasKeys);
        QVERIFY(!second->restoreKeys(QStringLiteral("the wrong passphrase")));
        QVERIFY(!second->restoreKeys(
            QString::fromLatin1(crypto::RecoveryKey::generate().text().view())));
        QVERIFY(second->restoreKeys(first->user()->recoveryKey));
        auto got = second->pullAll();
        QVERIFY2(got.ok(), why(got).constData());
        bool found = false;
        for (const Received &r : *got)
            found |= r.plaintext == marker;
        QVERIFY(found);

        // A user's identity cannot be replaced by another device.
        const auto other = crypto::UserKeys::generate();
        const HttpReply replace =
            second->call("PUT", QStringLiteral("/v1/keys"),
                         encode(PublicKeys{{}, other.encryptionPublic, other.signingPublic}));
        QCOMPARE(replace.status, 409);

        auto dir = decodeKeyDirectory(first->call("GET", QStringLiteral("/v1/keys")).body);
        QVERIFY(dir.ok());
        bool listed = false;
        for (const DirectoryEntry &e : dir->users)
            listed |= e.userId == org.worker1 && e.signingKey == first->user()->keys.signingPublic;
        QVERIFY(listed);
    }

    void duplicateBatchIsAcknowledgedNotAppliedTwice()
    {
        auto d = device(org, org.worker1);
        auto reader = device(org, org.worker1, d.get());
        QVERIFY(d && reader);
        (void)reader->pullAll(); // start from now
        const PushRequest batch = d->batch(1, drafts(3));
        const HttpReply first = d->push(batch);
        QCOMPARE(first.status, 200);
        auto r1 = decodePushResponse(first.body);
        QVERIFY(r1.ok());
        QVERIFY(!r1->duplicate);
        QCOMPARE(r1->applied.size(), 3);

        auto r2 = decodePushResponse(d->push(batch).body);
        QVERIFY(r2.ok());
        QVERIFY(r2->duplicate);
        QCOMPARE(r2->applied, r1->applied);

        // After an app restart the device sends the same outbox entries again, re-encrypted,
        // in a new batch: acknowledged as applied, still not applied twice.
        QList<Draft> again;
        for (const Change &c : batch.changes)
            again.append({c.recordId, c.type, "re-encrypted"});
        auto r3 =
            decodePushResponse(d->push(d->batch(2, again, 0, batch.changes[0].changeId)).body);
        QVERIFY(r3.ok());
        QCOMPARE(r3->applied, r1->applied);

        auto got = reader->pullAll();
        QVERIFY2(got.ok(), why(got).constData());
        QCOMPARE(got->size(), 3);
        for (const Received &r : *got)
            QVERIFY(r.plaintext != "re-encrypted");

        // The same sequence with other content is refused, not silently swallowed.
        const HttpReply reused = d->push(d->batch(1, drafts(1)));
        QCOMPARE(reused.status, 409);
        QCOMPARE(reused.code, QStringLiteral("sequence_reused"));
    }

    void oneRoundTripPullsThenPushes()
    {
        auto d = device(org, org.worker1);
        auto other = device(org, org.worker1, d.get());
        QVERIFY(d && other);
        (void)d->pullAll();
        QCOMPARE(other->push(other->batch(1, drafts(2, "from the other phone"))).status, 200);

        // The page is read before the batch is applied: it holds the other phone's changes,
        // not the ones this request brings, and its cursor stops before them.
        const PushRequest mine = d->batch(1, drafts(3, "mine"));
        const HttpReply r = d->call("POST", QStringLiteral("/v1/sync"),
                                    encode(SyncRequest{d->cursor, 1000, 0, encode(mine)}));
        QCOMPARE(r.status, 200);
        auto resp = decodeSyncResponse(r.body);
        QVERIFY2(resp.ok(), why(resp).constData());
        auto page = decodePullResponse(resp->pull);
        QVERIFY(page.ok());
        QCOMPARE(page->changes.size(), 2);
        auto pushed = decodePushResponse(resp->push);
        QVERIFY(pushed.ok());
        QCOMPARE(pushed->applied.size(), 3);
        QVERIFY(!pushed->duplicate);
        d->cursor = page->cursor;
        auto next = d->pullAll();
        QVERIFY2(next.ok(), why(next).constData());
        QCOMPARE(next->size(), 3);
        for (const Received &got : *next)
            QVERIFY(got.plaintext.startsWith("mine"));

        // Sent again (the answer was lost): the same answer, marked duplicate.
        auto again =
            decodeSyncResponse(d->call("POST", QStringLiteral("/v1/sync"),
                                       encode(SyncRequest{d->cursor, 1000, 0, encode(mine)}))
                                   .body);
        QVERIFY(again.ok());
        QVERIFY(decodePushResponse(again->push)->duplicate);

        // A refused push part comes back inside a good answer; the page is still there.
        PushRequest forged = d->batch(2, drafts(1, "forged"));
        forged.signature[0] = char(forged.signature[0] ^ 1);
        auto refused =
            decodeSyncResponse(d->call("POST", QStringLiteral("/v1/sync"),
                                       encode(SyncRequest{d->cursor, 1000, 0, encode(forged)}))
                                   .body);
        QVERIFY2(refused.ok(), why(refused).constData());
        QCOMPARE(refused->pushStatus, 422);
        QCOMPARE(refused->pushError.code, QStringLiteral("bad_signature"));
        QVERIFY(decodePullResponse(refused->pull).ok());

        // A refused pull refuses the whole request: nothing is pushed.
        const PushRequest unsent = d->batch(3, drafts(1, "unsent"));
        const HttpReply malformed = d->call("POST", QStringLiteral("/v1/sync"), "not cbor");
        QCOMPARE(malformed.status, 400);
        const HttpReply wrongToken = [&] {
            TestDevice stranger(fx.baseUrl());
            stranger.credentials = d->credentials;
            stranger.credentials.token = QByteArray(32, 'x');
            return stranger.call("POST", QStringLiteral("/v1/sync"),
                                 encode(SyncRequest{d->cursor, 1000, 0, encode(unsent)}));
        }();
        QCOMPARE(wrongToken.status, 401);
        auto after = other->pullAll();
        QVERIFY2(after.ok(), why(after).constData());
        for (const Received &got : *after)
            QVERIFY(got.plaintext != "unsent 0" && got.plaintext != "forged 0");
    }

    void aClaimRacingTheGroupedPushIsRefusedAndTheRestApplies()
    {
        const LocalServer::Org o = fx.createOrganisation(QStringLiteral("Racing Peers"));
        auto a = device(o, o.worker1);
        auto b = device(o, o.worker2);
        auto reader = device(o, o.worker1, a.get());
        QVERIFY(a && b && reader);
        QCOMPARE(a->push(a->batch(1, drafts(1))).status, 200); // its audience is known now
        (void)reader->pullAll();

        // Worker 2 claims a record id between the grouped statement's check and its insert:
        // a trigger claims it as this device's batch row goes in. The grouped way must undo
        // itself (WPCLM) and the single way refuse that change and apply the other.
        const QUuid contested = createUuidV7();
        pqxx::connection c(fx.databaseUrl().toStdString());
        pqxx::nontransaction w(c);
        BatchTrigger claim(w, "test_claim", a->credentials.deviceId,
                           claimFor(contested, o.worker2));
        const PushRequest racing = a->batch(2, {{contested, RecordType::DiaryEntry, "contested"},
                                                {createUuidV7(), RecordType::DiaryEntry, "fine"}});
        const HttpReply r = a->push(racing);
        claim.drop();
        QCOMPARE(r.status, 200);
        auto resp = decodePushResponse(r.body);
        QVERIFY2(resp.ok(), why(resp).constData());
        QCOMPARE(resp->applied, QList<std::uint64_t>{racing.changes[1].changeId});
        QCOMPARE(resp->rejected.size(), 1);
        QCOMPARE(resp->rejected.at(0).reason, QStringLiteral("not_author"));
        QVERIFY(decodePushResponse(a->push(racing).body)->duplicate);
        auto got = reader->pullAll();
        QVERIFY2(got.ok(), why(got).constData());
        QCOMPARE(got->size(), 1);
        QCOMPARE(got->at(0).plaintext, QByteArray("fine"));
    }

    void refusedChangesGetTheirReasonWhicheverWayTheBatchGoes()
    {
        // The same acceptance rules whether the grouped statement sends a batch back (no
        // deletion) or it goes the single way at once (a deletion): each refused change gets
        // its reason, the rest applies, and a change to a deleted record is acknowledged
        // without being stored.
        const LocalServer::Org o = fx.createOrganisation(QStringLiteral("Refusing Peers"));
        auto a = device(o, o.worker1);
        auto b = device(o, o.worker2);
        auto reader = device(o, o.worker1, a.get());
        QVERIFY(a && b && reader);
        const QUuid diary = createUuidV7(), gone = createUuidV7(), theirs = createUuidV7();
        QCOMPARE(a->push(a->batch(1, {{diary, RecordType::DiaryEntry, "diary"},
                                      {gone, RecordType::DiaryEntry, "to delete"}}))
                     .status,
                 200);
        QCOMPARE(a->push(a->batch(2, {{gone, RecordType::DiaryEntry, {}, true}})).status, 200);
        QCOMPARE(b->push(b->batch(1, {{theirs, RecordType::DiaryEntry, "theirs"}})).status, 200);
        (void)reader->pullAll();

        for (const bool withDeletion : {false, true}) {
            QList<Draft> drafts{{diary, RecordType::Encounter, "retyped"},
                                {theirs, RecordType::DiaryEntry, "not mine"},
                                {gone, RecordType::DiaryEntry, "after the tombstone"},
                                {createUuidV7(), RecordType::DiaryEntry, "fine"},
                                {createUuidV7(), RecordType::DiaryEntry, "elsewhere"}};
            if (withDeletion)
                drafts.append({createUuidV7(), RecordType::DiaryEntry, {}, true});
            const std::uint64_t sequence = withDeletion ? 4 : 3;
            PushRequest batch = a->batch(sequence, drafts);
            // The fifth change in an audience of another user, signed again so that only the
            // audience rule can refuse it.
            batch.changes[4].audienceId = b->user()->audienceId;
            QList<QByteArray> digests;
            for (const Change &c : batch.changes)
                digests.append(crypto::changeDigest(c));
            batch.signature = crypto::signManifest(
                a->user()->keys.signingSecret,
                manifestBytes(a->credentials.organisationId, a->credentials.userId,
                              a->credentials.deviceId, sequence, digests));

            const HttpReply r = a->push(batch);
            QCOMPARE(r.status, 200);
            auto resp = decodePushResponse(r.body);
            QVERIFY2(resp.ok(), why(resp).constData());
            QList<std::uint64_t> applied{batch.changes[2].changeId, batch.changes[3].changeId};
            if (withDeletion)
                applied.append(batch.changes[5].changeId);
            QCOMPARE(resp->applied, applied);
            QCOMPARE(resp->rejected.size(), 3);
            const QList<std::pair<int, QString>> expected{{0, QStringLiteral("type_mismatch")},
                                                          {1, QStringLiteral("not_author")},
                                                          {4, QStringLiteral("unknown_audience")}};
            for (qsizetype k = 0; k < expected.size(); ++k) {
                QCOMPARE(resp->rejected.at(k).changeId, batch.changes[expected[k].first].changeId);
                QCOMPARE(resp->rejected.at(k).reason, expected[k].second);
            }
            // Sent again: the same answer, nothing applied twice.
            auto again = decodePushResponse(a->push(batch).body);
            QVERIFY(again.ok() && again->duplicate);
            QCOMPARE(again->applied, resp->applied);
            QCOMPARE(again->rejected.size(), 3);

            auto got = reader->pullAll();
            QVERIFY2(got.ok(), why(got).constData());
            QCOMPARE(got->size(), withDeletion ? 2 : 1);
            for (const Received &g : *got)
                QVERIFY(g.deleted || g.plaintext == "fine");
        }
    }

    void pushesArrivingTogetherCommitTogetherAndOneFailureIsNobodyElses()
    {
        // Six devices of two organisations push while a push of organisation one is being
        // committed (held by a trigger). Organisation one's wait and are committed together,
        // in one transaction; organisation two's do not wait for it. Then again, with one of
        // them racing a claim (WPCLM, as above): the group is undone and applied one batch at
        // a time, so that batch alone takes the single way.
        const LocalServer::Org o1 = fx.createOrganisation(QStringLiteral("Group Peers One"));
        const LocalServer::Org o2 = fx.createOrganisation(QStringLiteral("Group Peers Two"));
        auto a1 = device(o1, o1.worker1);
        auto a2 = device(o1, o1.worker1, a1.get());
        auto b1 = device(o1, o1.worker2);
        auto holder = device(o1, o1.worker2, b1.get());
        auto c1 = device(o2, o2.worker1);
        auto c2 = device(o2, o2.worker1, c1.get());
        auto d1 = device(o2, o2.worker2);
        auto reader1 = device(o1, o1.worker1, a1.get());
        auto reader2 = device(o2, o2.worker1, c1.get());
        QVERIFY(a1 && a2 && b1 && holder && c1 && c2 && d1 && reader1 && reader2);
        const std::vector<TestDevice *> pushers{a1.get(), a2.get(), b1.get(),
                                                c1.get(), c2.get(), d1.get()};
        for (TestDevice *d : pushers) // their audiences are known from here on
            QCOMPARE(d->push(d->batch(1, drafts(1))).status, 200);
        QCOMPARE(holder->push(holder->batch(1, drafts(1))).status, 200);
        (void)reader1->pullAll();
        (void)reader2->pullAll();

        pqxx::connection c(fx.databaseUrl().toStdString());
        pqxx::nontransaction w(c);
        HeldPushes holding(w, holder->credentials.deviceId);
        // Each push's reply, and whether it came back while the holder's push was still held.
        // Organisation two's (the last three) are awaited before the holder is let go; then
        // organisation one's are given a second to reach their lane behind it.
        struct Round
        {
            std::vector<HttpReply> replies;
            std::vector<char> early;
            bool held = false;
        };
        const auto pushTogether = [&](std::uint64_t sequence,
                                      const std::vector<PushRequest> &batches) {
            Round out{std::vector<HttpReply>(batches.size()), std::vector<char>(batches.size(), 0)};
            std::atomic<bool> released{false};
            std::atomic<int> othersDone{0};
            holding.hold();
            std::thread held([&] { (void)holder->push(holder->batch(sequence, drafts(1))); });
            out.held = holding.waitUntilHeld();
            std::vector<std::thread> threads;
            for (std::size_t i = 0; i < batches.size(); ++i)
                threads.emplace_back([&, i] {
                    out.replies[i] = pushers[i]->push(batches[i]);
                    out.early[i] = !released;
                    if (i >= 3)
                        ++othersDone;
                });
            (void)QTest::qWaitFor([&] { return othersDone == 3; }, 10000);
            QTest::qWait(1000);
            released = true;
            holding.release();
            for (auto &t : threads)
                t.join();
            held.join();
            return out;
        };

        std::vector<PushRequest> round;
        for (TestDevice *d : pushers)
            round.push_back(d->batch(2, drafts(2, "together")));
        const Round together = pushTogether(2, round);
        QVERIFY(together.held);
        for (std::size_t i = 0; i < round.size(); ++i) {
            QCOMPARE(bool(together.early[i]), i >= 3); // organisation two's did not wait
            QCOMPARE(together.replies[i].status, 200);
            QCOMPARE(decodePushResponse(together.replies[i].body)->applied.size(), 2);
        }
        // Rows written by one transaction carry its id: organisation one's three, one.
        std::string devices = "{";
        for (std::size_t i = 0; i < 3; ++i)
            devices += (i ? "," : "") + idText(pushers[i]->credentials.deviceId).toStdString();
        devices += "}";
        QCOMPARE(w.exec_params1("SELECT count(DISTINCT xmin::text) FROM batches WHERE sequence = "
                                "2 AND device_id = ANY($1::uuid[])",
                                devices)[0]
                     .as<int>(),
                 1);

        const QUuid contested = createUuidV7();
        BatchTrigger claim(w, "test_claim", a2->credentials.deviceId,
                           claimFor(contested, o1.worker2));
        round.clear();
        for (TestDevice *d : pushers)
            round.push_back(
                d == a2.get() ? d->batch(3, {{contested, RecordType::DiaryEntry, "contested"},
                                             {createUuidV7(), RecordType::DiaryEntry, "beside it"}})
                              : d->batch(3, drafts(2, "again")));
        const Round racing = pushTogether(3, round);
        claim.drop();
        QVERIFY(racing.held);
        const std::vector<HttpReply> &replies = racing.replies;
        for (std::size_t i = 0; i < replies.size(); ++i) {
            QCOMPARE(replies[i].status, 200);
            auto resp = decodePushResponse(replies[i].body);
            QVERIFY2(resp.ok(), why(resp).constData());
            if (pushers[i] == a2.get()) {
                QCOMPARE(resp->applied, QList<std::uint64_t>{round[i].changes[1].changeId});
                QCOMPARE(resp->rejected.size(), 1);
                QCOMPARE(resp->rejected.at(0).reason, QStringLiteral("not_author"));
            } else {
                QCOMPARE(resp->applied.size(), 2);
            }
        }

        // Worker 1 of each organisation reads exactly what their own two devices pushed in both
        // rounds: 2 + 2, then 2 + 1 (the change beside the contested one) in organisation one;
        // 2 + 2 twice in organisation two.
        for (auto [reader, expected] : {std::pair{reader1.get(), 7}, std::pair{reader2.get(), 8}}) {
            auto got = reader->pullAll();
            QVERIFY2(got.ok(), why(got).constData());
            QCOMPARE(got->size(), expected);
            for (const Received &r : *got)
                QVERIFY(r.plaintext != "contested");
        }
    }

    void aPushWaitingForItsGroupHoldsNoServerThread()
    {
        // On a server of two threads, a push of one organisation is held in its commit, which
        // takes one thread. Three more of its pushes queue behind it. Were each to hold a
        // thread while it waits, the next request (a pull) would not be read until the hold
        // ended: it is answered meanwhile, and the queued pushes are applied after.
        QVERIFY2(fx.startServer({QStringLiteral("--threads"), QStringLiteral("2")}),
                 qPrintable(fx.lastError()));
        const LocalServer::Org o = fx.createOrganisation(QStringLiteral("Thread Peers"));
        auto holder = device(o, o.worker1);
        auto a = device(o, o.worker1, holder.get());
        auto b = device(o, o.worker2);
        auto c = device(o, o.worker2, b.get());
        auto reader = device(o, o.worker1, holder.get());
        QVERIFY(holder && a && b && c && reader);
        const std::vector<TestDevice *> pushers{a.get(), b.get(), c.get()};
        for (TestDevice *d : pushers) // their audiences are known from here on
            QCOMPARE(d->push(d->batch(1, drafts(1))).status, 200);
        QCOMPARE(holder->push(holder->batch(1, drafts(1))).status, 200);

        pqxx::connection conn(fx.databaseUrl().toStdString());
        pqxx::nontransaction w(conn);
        std::vector<HttpReply> replies(pushers.size());
        std::optional<wp::Result<QList<Received>>> pulled;
        std::atomic<bool> released{false}, pullDone{false};
        bool held = false, pulledWhileHeld = false;
        {
            HeldPushes holding(w, holder->credentials.deviceId);
            holding.hold();
            std::thread first([&] { (void)holder->push(holder->batch(2, drafts(1))); });
            held = holding.waitUntilHeld();
            std::vector<std::thread> threads;
            for (std::size_t i = 0; i < pushers.size(); ++i)
                threads.emplace_back([&, i] {
                    replies[i] = pushers[i]->push(pushers[i]->batch(2, drafts(1, "queued")));
                });
            QTest::qWait(1000); // they reach their lane behind the held push
            std::thread pulling([&] {
                pulled = reader->pullAll();
                pulledWhileHeld = !released;
                pullDone = true;
            });
            (void)QTest::qWaitFor([&] { return pullDone.load(); }, 10000);
            released = true;
            holding.release();
            for (auto &t : threads)
                t.join();
            pulling.join();
            first.join();
        }
        // The tests after this one run on the default threads.
        QVERIFY2(fx.startServer(), qPrintable(fx.lastError()));
        QVERIFY(held);
        QVERIFY2(pulledWhileHeld, "the pull waited for the held group");
        QVERIFY(pulled && pulled->ok());
        for (const HttpReply &r : replies) {
            QCOMPARE(r.status, 200);
            QCOMPARE(decodePushResponse(r.body)->applied.size(), 1);
        }
    }

    void aRetryThatArrivesWithItsFirstPushIsAnsweredAlikeAndAppliedOnce()
    {
        // A device that timed out sends its batch again while the first copy still waits for
        // its group: both copies get the same answer, and the changes are stored once.
        const LocalServer::Org o = fx.createOrganisation(QStringLiteral("Retry Peers"));
        auto d = device(o, o.worker1);
        auto holder = device(o, o.worker2);
        auto reader = device(o, o.worker1, d.get());
        QVERIFY(d && holder && reader);
        QCOMPARE(d->push(d->batch(1, drafts(1))).status, 200);
        QCOMPARE(holder->push(holder->batch(1, drafts(1))).status, 200);
        (void)reader->pullAll();

        pqxx::connection c(fx.databaseUrl().toStdString());
        pqxx::nontransaction w(c);
        HeldPushes holding(w, holder->credentials.deviceId);
        holding.hold();
        std::thread held([&] { (void)holder->push(holder->batch(2, drafts(1))); });
        const bool wasHeld = holding.waitUntilHeld();
        const PushRequest batch = d->batch(2, drafts(2, "sent twice"));
        HttpReply first, again;
        std::thread t1([&] { first = d->push(batch); });
        std::thread t2([&] { again = d->push(batch); });
        QTest::qWait(1000); // both copies reach the lane behind the held push
        holding.release();
        t1.join();
        t2.join();
        held.join();
        QVERIFY(wasHeld);
        for (const HttpReply *r : {&first, &again}) {
            QCOMPARE(r->status, 200);
            auto resp = decodePushResponse(r->body);
            QVERIFY2(resp.ok(), why(resp).constData());
            QCOMPARE(resp->applied.size(), 2);
        }
        auto got = reader->pullAll();
        QVERIFY2(got.ok(), why(got).constData());
        QCOMPARE(got->size(), 2);
    }

    void reorderedBatchesAndAClockHoursOffBothApply()
    {
        auto d = device(org, org.worker1);
        auto reader = device(org, org.worker1, d.get());
        (void)reader->pullAll();
        const PushRequest b2 = d->batch(2, drafts(2, "second"), 5 * 3600 * 1000);
        const PushRequest b3 = d->batch(3, drafts(2, "third"), -7 * 3600 * 1000);
        const PushRequest b1 = d->batch(1, drafts(2, "first"));
        QCOMPARE(d->push(b3).status, 200);
        QCOMPARE(d->push(b1).status, 200);
        QCOMPARE(d->push(b2).status, 200);
        QCOMPARE(decodePushResponse(d->push(b1).body)->duplicate, true);
        auto got = reader->pullAll();
        QVERIFY2(got.ok(), why(got).constData());
        QCOMPARE(got->size(), 6);
    }

    void tombstonesArePulled()
    {
        auto d = device(org, org.worker1);
        auto reader = device(org, org.worker1, d.get());
        (void)reader->pullAll();
        const QUuid id = createUuidV7();
        QCOMPARE(d->push(d->batch(1, {{id, RecordType::Participant, "P-17"}})).status, 200);
        auto before = reader->pullAll();
        QVERIFY2(before.ok(), why(before).constData());
        QCOMPARE(before->size(), 1);
        QVERIFY(!before->at(0).deleted);
        QCOMPARE(d->push(d->batch(2, {{id, RecordType::Participant, {}, true}})).status, 200);
        auto got = reader->pullAll();
        QVERIFY2(got.ok(), why(got).constData());
        QCOMPARE(got->size(), 1);
        QVERIFY(got->at(0).deleted);
        QVERIFY(before->at(0).seq < got->at(0).seq);
        // The tombstone removed the earlier version: a device starting from 0 gets only it.
        auto fresh = device(org, org.worker1, d.get());
        auto all = fresh->pullAll();
        QVERIFY2(all.ok(), why(all).constData());
        QList<Received> versions;
        for (const Received &r : std::as_const(*all))
            if (r.recordId == id)
                versions.append(r);
        QCOMPARE(versions.size(), 1);
        QVERIFY(versions.at(0).deleted);
    }

    void aClientThatWaitsForContinueIsInvitedThenAnswered()
    {
        // "Expect: 100-continue" (curl sends it past 1 KB): the body goes only after the
        // interim answer, then the push is applied as usual.
        auto d = device(org, org.worker1);
        QVERIFY(d);
        const QByteArray body = encode(d->batch(1, drafts(3)));
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), quint16(fx.port()));
        QVERIFY(socket.waitForConnected(5000));
        socket.write(
            "POST /v1/push HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + d->authorization() +
            "\r\nContent-Type: application/cbor\r\nExpect: 100-continue\r\n"
            "Content-Length: " +
            QByteArray::number(body.size()) + "\r\n\r\n");
        QByteArray got;
        while (!got.contains("\r\n\r\n") && socket.waitForReadyRead(5000))
            got += socket.readAll();
        QVERIFY2(got.startsWith("HTTP/1.1 100 Continue\r\n\r\n"), got.constData());
        got.clear();
        socket.write(body);
        while (!got.contains("\r\n\r\n") && socket.waitForReadyRead(5000))
            got += socket.readAll();
        QVERIFY2(got.startsWith("HTTP/1.1 200 "), got.constData());
    }

    void malformedInputGetsClearErrors()
    {
        auto d = device(org, org.worker1);
        const QByteArray good = encode(d->batch(1, drafts(2)));

        const HttpReply truncated =
            d->call("POST", QStringLiteral("/v1/push"), good.first(good.size() / 2));
        QCOMPARE(truncated.status, 400);
        QCOMPARE(truncated.code, QStringLiteral("malformed"));

        const HttpReply junk = d->call("POST", QStringLiteral("/v1/push"), QByteArray(100, '\xff'));
        QCOMPARE(junk.status, 400);

        QCborMap m = QCborValue::fromCbor(good).toMap();
        m.insert(0, 99);
        const HttpReply version =
            d->call("POST", QStringLiteral("/v1/push"), QCborValue(m).toCbor());
        QCOMPARE(version.status, 400);
        QCOMPARE(version.code, QStringLiteral("unsupported_version"));

        QList<Draft> many;
        for (int i = 0; i < 5001; ++i)
            many.append({createUuidV7(), RecordType::Encounter, "x"});
        const HttpReply tooMany = d->push(d->batch(2, many));
        QCOMPARE(tooMany.status, 413);
        QCOMPARE(tooMany.code, QStringLiteral("too_large"));

        const HttpReply huge =
            d->call("POST", QStringLiteral("/v1/push"), QByteArray(limits::MaxBody + 4096, 'x'));
        QCOMPARE(huge.status, 413);

        // A batch signed by someone else, and one naming another device.
        PushRequest forged = d->batch(3, drafts(1));
        forged.signature[0] = char(forged.signature[0] ^ 1);
        const HttpReply bad = d->push(forged);
        QCOMPARE(bad.status, 422);
        QCOMPARE(bad.code, QStringLiteral("bad_signature"));
        PushRequest other = d->batch(4, drafts(1));
        other.deviceId = createUuidV7();
        QCOMPARE(d->push(other).status, 403);

        // Nothing of the refused batches was applied.
        auto reader = device(org, org.worker1, d.get());
        auto got = reader->pullAll();
        QVERIFY(got.ok());
        for (const Received &r : *got)
            QVERIFY(r.plaintext != "x");
    }

    void wrongRevokedAndRateLimitedTokens()
    {
        auto d = device(org, org.worker1);
        TestDevice impostor(fx.baseUrl());
        impostor.credentials = d->credentials;
        impostor.credentials.token[0] = char(impostor.credentials.token[0] ^ 1);
        QCOMPARE(impostor.call("GET", QStringLiteral("/v1/pull")).status, 401);
        QCOMPARE(d->call("GET", QStringLiteral("/v1/pull"), {}, false).status, 401);
        // POST /v1/sync authenticates in its own statement: the same answers.
        const QByteArray syncBody = encode(SyncRequest{0, 10, 0, {}});
        const HttpReply forged = impostor.call("POST", QStringLiteral("/v1/sync"), syncBody);
        QCOMPARE(forged.status, 401);
        QCOMPARE(forged.code, QStringLiteral("unauthorized"));
        QCOMPARE(d->call("POST", QStringLiteral("/v1/sync"), syncBody, false).status, 401);
        QCOMPARE(d->call("POST", QStringLiteral("/v1/sync"), syncBody).status, 200);

        // Guessing is slowed down: after 10 failures the claimed device is refused for a while,
        // even with the right token.
        for (int i = 0; i < 12; ++i)
            impostor.call("GET", QStringLiteral("/v1/device"));
        const HttpReply limited = d->call("GET", QStringLiteral("/v1/device"));
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.code, QStringLiteral("rate_limited"));
        QCOMPARE(d->call("POST", QStringLiteral("/v1/sync"), syncBody).status, 429);

        auto e = device(org, org.worker2);
        QCOMPARE(e->call("GET", QStringLiteral("/v1/device")).status, 200);
        QVERIFY(fx.admin({QStringLiteral("revoke-device"), QStringLiteral("--org"), idText(org.id),
                          QStringLiteral("--device"), idText(e->credentials.deviceId)})
                    .startsWith(u"revoked"));
        const QString listing =
            fx.admin({QStringLiteral("list-devices"), QStringLiteral("--org"), idText(org.id)});
        QVERIFY(listing.contains(idText(e->credentials.deviceId) + QStringLiteral("  revoked")));
        const HttpReply pull = e->call("GET", QStringLiteral("/v1/pull"));
        QCOMPARE(pull.status, 403);
        QCOMPARE(pull.code, QStringLiteral("device_revoked"));
        const HttpReply revokedSync = e->call("POST", QStringLiteral("/v1/sync"), syncBody);
        QCOMPARE(revokedSync.status, 403);
        QCOMPARE(revokedSync.code, QStringLiteral("device_revoked"));
        auto status = decodeDeviceStatus(e->call("GET", QStringLiteral("/v1/device")).body);
        QVERIFY(status.ok());
        QCOMPARE(status->status, QStringLiteral("revoked"));
        QVERIFY(status->destroyKeys);
    }

    void theOfflineLeaseIsToldAtEveryContact()
    {
        const LocalServer::Org leased = fx.createOrganisation(QStringLiteral("Leased Peers"));
        auto d = device(leased, leased.worker1);
        auto other = device(org, org.worker1);
        QVERIFY(d && other);
        const auto told = [](TestDevice &dev) {
            const auto status =
                decodeDeviceStatus(dev.call("GET", QStringLiteral("/v1/device")).body);
            const auto page = decodePullResponse(dev.call("GET", QStringLiteral("/v1/pull")).body);
            const auto synced = decodeSyncResponse(
                dev.call("POST", QStringLiteral("/v1/sync"), encode(SyncRequest{0, 10, 0, {}}))
                    .body);
            if (!status || !page || !synced)
                return QList<int>{};
            const auto syncPage = decodePullResponse(synced->pull);
            return QList<int>{status->offlineLeaseDays, page->offlineLeaseDays,
                              syncPage ? syncPage->offlineLeaseDays : -1};
        };
        // Off by default.
        QCOMPARE(told(*d), (QList<int>{0, 0, 0}));
        QCOMPARE(fx.admin({QStringLiteral("set-offline-lease"), QStringLiteral("--org"),
                           idText(leased.id), QStringLiteral("--days"), QStringLiteral("14")}),
                 QStringLiteral("offline lease 14 days"));
        QCOMPARE(told(*d), (QList<int>{14, 14, 14}));
        // Another organisation's devices are not leased.
        QCOMPARE(told(*other), (QList<int>{0, 0, 0}));
        QCOMPARE(fx.admin({QStringLiteral("set-offline-lease"), QStringLiteral("--org"),
                           idText(leased.id), QStringLiteral("--days"), QStringLiteral("0")}),
                 QStringLiteral("offline lease off"));
        QCOMPARE(told(*d), (QList<int>{0, 0, 0}));
        // An organisation that does not exist: an error, no output.
        QCOMPARE(fx.admin({QStringLiteral("set-offline-lease"), QStringLiteral("--org"),
                           idText(createUuidV7()), QStringLiteral("--days"), QStringLiteral("3")}),
                 QString());
    }

    void organisationsAndWorkersAreIsolated()
    {
        const LocalServer::Org other = fx.createOrganisation(QStringLiteral("Northside"));
        auto a1 = device(org, org.worker1);
        auto a2 = device(org, org.worker2);
        auto sup = device(org, org.supervisor);
        auto b1 = device(other, other.worker1);
        QVERIFY(a1 && a2 && sup && b1);
        (void)a2->pullAll();
        (void)sup->pullAll();
        (void)b1->pullAll();

        const QUuid secret = createUuidV7();
        QCOMPARE(a1->push(a1->batch(1, {{secret, RecordType::DiaryEntry, "private diary"}})).status,
                 200);
        QCOMPARE(b1->push(b1->batch(1, drafts(2, "north"))).status, 200);

        // Neither another worker, nor the supervisor (not shared), nor another organisation.
        for (TestDevice *d : {a2.get(), sup.get(), b1.get()}) {
            auto got = d->pullAll();
            QVERIFY2(got.ok(), why(got).constData());
            QVERIFY(!idsOf(*got).contains(secret));
            for (const Received &r : *got)
                QVERIFY(r.authorId == d->credentials.userId);
        }

        // Another worker cannot overwrite the record, nor use someone else's audience.
        auto hijack = decodePushResponse(
            a2->push(a2->batch(1, {{secret, RecordType::DiaryEntry, "overwritten"}})).body);
        QVERIFY(hijack.ok());
        QCOMPARE(hijack->applied.size(), 0);
        QCOMPARE(hijack->rejected.at(0).reason, QStringLiteral("not_author"));

        // A batch with one refused change still applies the rest, once (the grouped way sends
        // it back: the single way refuses that change).
        const QUuid own = createUuidV7();
        const PushRequest mixed = a2->batch(
            2, {{own, RecordType::DiaryEntry, "mine"}, {secret, RecordType::DiaryEntry, "again"}});
        auto partly = decodePushResponse(a2->push(mixed).body);
        QVERIFY(partly.ok());
        QCOMPARE(partly->applied, QList<std::uint64_t>{mixed.changes[0].changeId});
        QCOMPARE(partly->rejected.size(), 1);
        QCOMPARE(partly->rejected.at(0).changeId, mixed.changes[1].changeId);
        QVERIFY(decodePushResponse(a2->push(mixed).body)->duplicate);
        auto mine = a2->pullAll();
        QVERIFY2(mine.ok(), why(mine).constData());
        QCOMPARE(idsOf(*mine), QSet<QUuid>{own});
        QCOMPARE(mine->at(0).plaintext, QByteArray("mine"));

        PushRequest stolen = b1->batch(2, drafts(1));
        stolen.audiences.clear();
        stolen.changes[0].audienceId = a1->user()->audienceId;
        // Re-sign so only the audience check can refuse it.
        QList<QByteArray> digests{crypto::changeDigest(stolen.changes[0])};
        stolen.signature = crypto::signManifest(
            b1->user()->keys.signingSecret,
            manifestBytes(b1->credentials.organisationId, b1->credentials.userId,
                          b1->credentials.deviceId, 2, digests));
        auto resp = decodePushResponse(b1->push(stolen).body);
        QVERIFY(resp.ok());
        QCOMPARE(resp->rejected.at(0).reason, QStringLiteral("unknown_audience"));
    }

    void anAudienceNamesOnlyItsAuthorAndTheirSupervisorsOrWorkers()
    {
        // A worker cannot make a colleague a reader of an audience (whose changes the
        // colleague's device would then pull); their own supervisor they can. A supervisor can
        // make an audience with a worker they supervise (a comment), not with another worker.
        const LocalServer::Org o = fx.createOrganisation(QStringLiteral("Harbourside"));
        QCOMPARE(fx.admin({QStringLiteral("assign-supervisor"), QStringLiteral("--org"),
                           idText(o.id), QStringLiteral("--worker"), idText(o.worker1),
                           QStringLiteral("--supervisor"), idText(o.supervisor)}),
                 QStringLiteral("assigned"));
        auto worker = device(o, o.worker1);
        auto colleague = device(o, o.worker2);
        auto sup = device(o, o.supervisor);
        QVERIFY(worker && colleague && sup);

        // A new audience of `author` and `reader`, and one change in it.
        const auto shareWith = [&](TestDevice &author, std::uint64_t sequence,
                                   const TestDevice &reader) {
            const SecretBytes key = crypto::newAudienceKey();
            PushRequest batch = author.batch(sequence, drafts(1, "shared"));
            const QUuid audience = createUuidV7();
            batch.audiences = {{audience,
                                {{author.credentials.userId,
                                  crypto::sealTo(key, author.user()->keys.encryptionPublic)},
                                 {reader.credentials.userId,
                                  crypto::sealTo(key, reader.user()->keys.encryptionPublic)}}}};
            Change &c = batch.changes[0];
            c.audienceId = audience;
            c.envelope = crypto::sealRecord(key, c.recordId, c.type, c.stamp, "shared note");
            batch.signature = crypto::signManifest(
                author.user()->keys.signingSecret,
                manifestBytes(o.id, author.credentials.userId, author.credentials.deviceId,
                              sequence, {crypto::changeDigest(c)}));
            return std::pair{c.recordId, decodePushResponse(author.push(batch).body)};
        };
        const auto refusedTo = [&](const auto &pushed, TestDevice &reader) {
            const auto &[recordId, response] = pushed;
            QVERIFY2(response.ok(), why(response).constData());
            QVERIFY(response->applied.isEmpty());
            QCOMPARE(response->rejected.size(), 1);
            QCOMPARE(response->rejected.at(0).reason, QStringLiteral("reader_not_allowed"));
            auto pulled = reader.pullAll();
            QVERIFY2(pulled.ok(), why(pulled).constData());
            QVERIFY(!idsOf(*pulled).contains(recordId));
        };
        // The reader's pull serves the record (a test device opens only one audience's
        // changes, so the ids are read from the page as served).
        const auto acceptedBy = [&](const auto &pushed, TestDevice &reader) {
            const auto &[recordId, response] = pushed;
            QVERIFY2(response.ok(), why(response).constData());
            QCOMPARE(response->rejected.size(), 0);
            QCOMPARE(response->applied.size(), 1);
            auto page = decodePullResponse(
                reader.call("GET", QStringLiteral("/v1/pull?since=0&limit=1000")).body);
            QVERIFY2(page.ok(), why(page).constData());
            QVERIFY(std::any_of(page->changes.cbegin(), page->changes.cend(),
                                [&](const Change &c) { return c.recordId == recordId; }));
        };

        refusedTo(shareWith(*worker, 1, *colleague), *colleague);
        acceptedBy(shareWith(*worker, 2, *sup), *sup);
        acceptedBy(shareWith(*sup, 1, *worker), *worker);
        refusedTo(shareWith(*sup, 2, *colleague), *colleague);
    }

    void concurrentPushersNeverMakeAPullSkipAChange()
    {
        constexpr int Pushers = 4, Batches = 15, PerBatch = 10;
        auto first = device(org, org.worker2);
        std::vector<std::unique_ptr<TestDevice>> pushers;
        for (int i = 0; i < Pushers; ++i)
            pushers.push_back(device(org, org.worker2, first.get()));
        auto puller = device(org, org.worker2, first.get());
        (void)puller->pullAll();

        std::atomic<int> failures{0};
        std::mutex failureMutex;
        QString failureCodes;
        std::atomic<bool> done{false};
        std::vector<std::thread> threads;
        for (auto &p : pushers)
            threads.emplace_back([&, d = p.get()] {
                for (int b = 1; b <= Batches; ++b)
                    if (const HttpReply r = d->push(d->batch(std::uint64_t(b), drafts(PerBatch)));
                        r.status != 200) {
                        ++failures;
                        std::lock_guard lock(failureMutex);
                        failureCodes +=
                            QStringLiteral("%1 %2 %3; ").arg(r.status).arg(r.code, r.message);
                    }
            });
        QList<Received> seen;
        QString pullError;
        std::thread pulling([&] {
            while (!done) {
                auto got = puller->pullAll(7); // small pages: many cursors in flight
                if (!got) {
                    pullError = got.error().message;
                    return;
                }
                seen += *got;
            }
        });
        for (auto &t : threads)
            t.join();
        done = true;
        pulling.join();
        QVERIFY2(pullError.isEmpty(), qPrintable(pullError));
        auto rest = puller->pullAll();
        QVERIFY(rest.ok());
        seen += *rest;
        QVERIFY2(failures.load() == 0, qPrintable(failureCodes));
        QCOMPARE(seen.size(), Pushers * Batches * PerBatch);
        QCOMPARE(idsOf(seen).size(), Pushers * Batches * PerBatch);
    }

    void connectionCutMidPushThenRetryConverges()
    {
        auto d = device(org, org.worker1);
        auto reader = device(org, org.worker1, d.get());
        (void)reader->pullAll();
        LoopbackProxy proxy(fx.port());
        const QString direct = fx.baseUrl();
        d->setBaseUrl(QStringLiteral("http://127.0.0.1:%1").arg(proxy.port()));

        // Lost while sending: the server never sees a whole request and applies nothing.
        const PushRequest b1 = d->batch(1, drafts(20, "cut-up"));
        proxy.cutAfter(encode(b1).size() / 2, -1);
        QCOMPARE(d->push(b1).status, 0);
        // Lost while the answer comes back: applied, but the device does not know it.
        const PushRequest b2 = d->batch(2, drafts(20, "cut-down"));
        proxy.cutAfter(-1, 10);
        QCOMPARE(d->push(b2).status, 0);
        QCOMPARE(proxy.cuts(), 2);

        // Signal is back: the device retries both, and the server applies each exactly once.
        proxy.cutAfter(-1, -1);
        auto again1 = decodePushResponse(d->push(b1).body);
        auto again2 = decodePushResponse(d->push(b2).body);
        QVERIFY(again1.ok() && again2.ok());
        QVERIFY(!again1->duplicate);
        QVERIFY(again2->duplicate);
        QCOMPARE(again2->applied.size(), 20);
        d->setBaseUrl(direct);

        // A pull cut mid-response leaves the cursor alone; the next pull gets everything.
        reader->setBaseUrl(QStringLiteral("http://127.0.0.1:%1").arg(proxy.port()));
        proxy.cutAfter(-1, 300);
        const std::uint64_t before = reader->cursor;
        QVERIFY(!reader->pullAll().ok());
        QCOMPARE(reader->cursor, before);
        proxy.cutAfter(-1, -1);
        auto got = reader->pullAll();
        QVERIFY2(got.ok(), why(got).constData());
        QCOMPARE(got->size(), 40);
        QCOMPARE(idsOf(*got).size(), 40);
    }

    void serverAndDatabaseRestartsMidSync()
    {
        auto d = device(org, org.worker1);
        auto reader = device(org, org.worker1, d.get());
        (void)reader->pullAll();
        const PushRequest b1 = d->batch(1, drafts(5));
        QCOMPARE(d->push(b1).status, 200);

        fx.killServer(); // a crash, not a clean stop
        QCOMPARE(d->push(d->batch(2, drafts(5))).status, 0);
        QVERIFY2(fx.startServer(), qPrintable(fx.lastError()));
        QVERIFY(decodePushResponse(d->push(b1).body)->duplicate);
        QCOMPARE(d->push(d->batch(2, drafts(5))).status, 200);

        QVERIFY(fx.restartDatabase());
        // Pooled connections died with PostgreSQL; the server reconnects on its own.
        QCOMPARE(d->push(d->batch(3, drafts(5))).status, 200);
        auto got = reader->pullAll();
        QVERIFY2(got.ok(), why(got).constData());
        QCOMPARE(got->size(), 15);
    }

    void theDatabaseAndLogsHoldNoPlaintext()
    {
        auto d = device(org, org.worker1);
        const QByteArray marker = "MARKER-c0ffee-diary-text-never-on-server";
        QCOMPARE(d->push(d->batch(1, {{createUuidV7(), RecordType::DiaryEntry, marker}})).status,
                 200);
        auto reader = device(org, org.worker1, d.get());
        auto got = reader->pullAll();
        QVERIFY(got.ok());
        QVERIFY(std::any_of(got->begin(), got->end(),
                            [&](const Received &r) { return r.plaintext == marker; }));

        const QByteArray dump = fx.pgDump();
        QVERIFY(dump.contains("CREATE TABLE public.changes"));
        QVERIFY(dump.size() > 10000);
        QVERIFY(!dump.contains(marker));
        QVERIFY(!dump.contains(marker.toHex())); // bytea is dumped as hex
        QVERIFY(!dump.contains(d->credentials.token.toHex()));

        const QByteArray log = fx.serverLog();
        QVERIFY(!log.contains(marker));
        QVERIFY(!log.contains(d->authorization().split('.').last()));
        // One JSON object per request, with route, status, duration and organisation.
        bool sawPush = false;
        for (const QByteArray &line : log.split('\n')) {
            if (line.isEmpty())
                continue;
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            QVERIFY2(!o.isEmpty(), line.constData());
            QVERIFY(o.contains(QStringLiteral("status")) && o.contains(QStringLiteral("ms")));
            if (o.value(QStringLiteral("route")).toString() == u"/v1/push" &&
                o.value(QStringLiteral("status")).toInt() == 200)
                sawPush = o.value(QStringLiteral("org")).toString() == idText(org.id) || sawPush;
        }
        QVERIFY(sawPush);
    }

    void overTlsTheProtocolIsTheSameAndPlainHttpGetsNothing()
    {
        // A self-signed certificate for 127.0.0.1 that only this process trusts.
        QTemporaryDir dir;
        const QString cert = dir.filePath(QStringLiteral("cert.pem")),
                      key = dir.filePath(QStringLiteral("key.pem"));
        QProcess openssl;
        openssl.start(
            QStringLiteral("openssl"),
            QStringLiteral("req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 "
                           "-nodes -days 1 -subj /CN=127.0.0.1 -addext "
                           "subjectAltName=IP:127.0.0.1")
                    .split(u' ') +
                QStringList{QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert});
        QVERIFY(openssl.waitForFinished(30000));
        QCOMPARE(openssl.exitCode(), 0);
        const QList<QSslCertificate> trusted = QSslCertificate::fromPath(cert);
        QCOMPARE(trusted.size(), 1);
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificates(trusted);
        QSslConfiguration::setDefaultConfiguration(tls);

        // A key file that is not the key: the service refuses to start, and says why.
        QVERIFY(!fx.startServer(
            {QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"), cert}));
        QVERIFY2(fx.lastError().contains(QStringLiteral("TLS certificate or key")),
                 qPrintable(fx.lastError()));

        QVERIFY2(
            fx.startServer({QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"), key}),
            qPrintable(fx.lastError()));
        QVERIFY(fx.baseUrl().startsWith(QStringLiteral("https://")));
        auto d = device(org, org.worker2);
        QVERIFY(d);
        const QByteArray words = "said over TLS only";
        QCOMPARE(d->push(d->batch(1, {{createUuidV7(), RecordType::DiaryEntry, words}})).status,
                 200);
        auto reader = device(org, org.worker2, d.get());
        QVERIFY(reader);
        auto got = reader->pullAll();
        QVERIFY2(got.ok(), why(got).constData());
        QVERIFY(std::any_of(got->begin(), got->end(),
                            [&](const Received &r) { return r.plaintext == words; }));

        // The same port without TLS: no answer, and nothing served.
        TestDevice plain(
            fx.baseUrl().replace(QStringLiteral("https://"), QStringLiteral("http://")));
        plain.credentials = d->credentials;
        QCOMPARE(plain.call("GET", QStringLiteral("/v1/device")).status, 0);

        QVERIFY2(fx.startServer(), qPrintable(fx.lastError()));
    }

    void theCommandLineRefusesWhatItDoesNotKnow()
    {
        const QString bin = fx.serverBinary();
        QVERIFY(!bin.isEmpty());
        const auto run = [&bin](const QStringList &args) {
            QProcess p;
            p.start(bin, args);
            p.waitForFinished(30000);
            return std::tuple{p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
        };
        const QString database = fx.databaseUrl();
        // A typo, a missing value, a stray word, an unknown command: one line and exit code
        // 2, before anything touches the database.
        for (const QStringList &args :
             {QStringList{QStringLiteral("serve"), QStringLiteral("--lisen"),
                          QStringLiteral("127.0.0.1:0"), QStringLiteral("--database"), database},
              QStringList{QStringLiteral("migrate"), QStringLiteral("--database")},
              QStringList{QStringLiteral("create-org"), QStringLiteral("--name"),
                          QStringLiteral("Typo Peers"), QStringLiteral("--databse"), database},
              QStringList{QStringLiteral("create-org"), QStringLiteral("Typo Peers"),
                          QStringLiteral("--database"), database},
              QStringList{QStringLiteral("create-organisation"), QStringLiteral("--database"),
                          database},
              QStringList{}}) {
            const auto [code, out, err] = run(args);
            QCOMPARE(code, 2);
            QVERIFY(out.isEmpty());
            if (!args.isEmpty())
                QCOMPARE(err.trimmed().count('\n'), 0);
        }
        const auto [typoCode, typoOut, typo] =
            run({QStringLiteral("serve"), QStringLiteral("--lisen"), QStringLiteral("1")});
        QVERIFY2(typo.contains("unknown option 'lisen'"), typo.constData());
        pqxx::connection c(database.toStdString());
        pqxx::nontransaction w(c);
        QCOMPARE(
            w.exec1("SELECT count(*) FROM organisations WHERE name = 'Typo Peers'")[0].as<int>(),
            0);

        // Help: the commands, and each command's options, on stdout.
        const auto [helpCode, help, helpErr] = run({QStringLiteral("--help")});
        QCOMPARE(helpCode, 0);
        QVERIFY(help.contains("issue-code --org ID --user ID"));
        const auto [serveCode, serveHelp, serveErr] =
            run({QStringLiteral("serve"), QStringLiteral("--help")});
        QCOMPARE(serveCode, 0);
        QVERIFY2(serveHelp.startsWith("Usage: waypoint-server serve [options]"),
                 serveHelp.constData());
        for (const char *option :
             {"--listen", "--tls-cert", "--tls-key", "--threads", "--db-connections",
              "--auth-failures", "--keep-alive", "--compact-every", "--older-than", "--database"})
            QVERIFY2(serveHelp.contains(option), option);
    }

    void aDatabaseOfStepFourMigratesToTheCurrentPushFunctions()
    {
        // A database that an earlier server migrated to step 4, push_usual_batch() included.
        const std::string base = fx.databaseUrl().toStdString();
        const std::string older = base.substr(0, base.rfind('/') + 1) + "waypoint_step4";
        {
            pqxx::connection c(base);
            pqxx::nontransaction w(c);
            w.exec("DROP DATABASE IF EXISTS waypoint_step4");
            w.exec("CREATE DATABASE waypoint_step4");
        }
        const auto functionExists = [&](const std::string &name) {
            pqxx::connection c(older);
            pqxx::nontransaction w(c);
            return w.exec_params1("SELECT count(*) FROM pg_proc WHERE proname = $1", name)[0]
                       .as<int>() > 0;
        };
        {
            const QString folder = QStringLiteral(":/waypoint/server/migrations");
            const QStringList steps =
                QDir(folder).entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
            QVERIFY(steps.size() >= 5);
            pqxx::connection c(older);
            pqxx::work w(c);
            w.exec("CREATE TABLE schema_migrations (version integer PRIMARY KEY, "
                   "applied_at timestamptz NOT NULL DEFAULT now())");
            for (int step = 1; step <= 4; ++step) {
                QFile f(folder + u'/' + steps[step - 1]);
                QVERIFY(f.open(QIODevice::ReadOnly));
                w.exec(f.readAll().toStdString());
                w.exec_params("INSERT INTO schema_migrations (version) VALUES ($1)", step);
            }
            w.commit();
        }
        QVERIFY(functionExists("push_usual_batch"));

        const QString bin = fx.serverBinary();
        QVERIFY(!bin.isEmpty());
        QProcessEnvironment database = QProcessEnvironment::systemEnvironment();
        database.insert(QStringLiteral("WAYPOINT_DATABASE_URL"), QString::fromStdString(older));
        QProcess refused;
        refused.setProcessEnvironment(database);
        refused.start(bin, QStringList{QStringLiteral("serve"), QStringLiteral("--listen"),
                                       QStringLiteral("127.0.0.1:0")});
        QVERIFY(refused.waitForFinished(30000));
        QCOMPARE(refused.exitCode(), 1);
        QVERIFY2(refused.readAllStandardError().contains("run waypoint-server migrate"),
                 "a server does not start on an older schema");

        QProcess migrate;
        migrate.setProcessEnvironment(database);
        migrate.start(bin, QStringList{QStringLiteral("migrate")});
        QVERIFY(migrate.waitForFinished(60000));
        QCOMPARE(migrate.exitCode(), 0);
        QCOMPARE(migrate.readAllStandardOutput().trimmed(),
                 QByteArray("schema at step ") +
                     QByteArray::number(wp::server::Migrations::latest()));
        QVERIFY(!functionExists("push_usual_batch"));
        QVERIFY(functionExists("push_refusal"));
        {
            // A claim that races the grouped statement undoes it with the state the service
            // catches.
            pqxx::connection c(older);
            pqxx::nontransaction w(c);
            std::string state;
            try {
                w.exec("SELECT push_claimed_concurrently()");
            } catch (const pqxx::sql_error &e) {
                state = e.sqlstate();
            }
            QCOMPARE(state, std::string("WPCLM"));
        }

        QProcess serve;
        serve.setProcessEnvironment(database);
        serve.start(bin, QStringList{QStringLiteral("serve"), QStringLiteral("--listen"),
                                     QStringLiteral("127.0.0.1:0")});
        QVERIFY(serve.waitForStarted(10000));
        QByteArray out;
        for (int i = 0; i < 100 && !out.contains('\n') && serve.state() == QProcess::Running; ++i) {
            serve.waitForReadyRead(200);
            out += serve.readAllStandardOutput();
        }
        serve.terminate();
        serve.waitForFinished(10000);
        QVERIFY2(out.startsWith("listening on http://127.0.0.1:"), out.constData());
    }

    void cleanupTestCase() { fx.stopServer(); }
};

QTEST_GUILESS_MAIN(TestServerSync)
#include "tst_server_sync.moc"
