// SPDX-License-Identifier: GPL-3.0-or-later
// Two devices of one worker, each with its own encrypted store, enrolled with one-time codes,
// editing offline and syncing through the real server: they converge, nothing typed is lost,
// a cut connection or a revoked device behaves.

#include "EngineDevice.h"
#include "Enrolment.h"
#include "LocalServer.h"
#include "LoopbackProxy.h"
#include "Sqlite.h"
#include "Store.h"
#include "SyncEngine.h"
#include "Uuid.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace wp;
using namespace wp::sync;

namespace {

using Device = wp::test::EngineDevice;
using wp::test::why;

// The store as the engine sees it, with a hook before each page is merged (slow or failing
// stores, for the prefetching pull).
class HookedLedger final : public SyncLedger
{
public:
    explicit HookedLedger(Store &store) : m_inner(store) {}
    std::function<Status(int page)> beforeMerge;
    int pages = 0;

    Result<MergeReport> applyRemote(const QList<RemoteChange> &changes, const QByteArray &newCursor,
                                    const QList<SetAsideChange> &skipped,
                                    const QUuid &localUser) override
    {
        if (beforeMerge) {
            if (Status s = beforeMerge(pages); !s)
                return s.error();
        }
        ++pages;
        return m_inner.applyRemote(changes, newCursor, skipped, localUser);
    }
    Result<QList<OutboxEntry>> pendingChanges(int limit, qint64 afterSeq) override
    {
        return m_inner.pendingChanges(limit, afterSeq);
    }
    Status markApplied(const QList<qint64> &seqs) override { return m_inner.markApplied(seqs); }
    Status markFailed(const QList<std::pair<qint64, QString>> &seqReasons, qint64 nowMs) override
    {
        return m_inner.markFailed(seqReasons, nowMs);
    }
    Result<qint64> pendingCount() override { return m_inner.pendingCount(); }
    Result<qint64> failedCount() override { return m_inner.failedCount(); }
    Result<qint64> setAsideCount() override { return m_inner.setAsideCount(); }
    Result<QList<UserKeyPin>> keyPins() override { return m_inner.keyPins(); }
    Status recordKeys(const QList<UserKeyPin> &seen) override { return m_inner.recordKeys(seen); }
    Result<HlcStamp> clockNow() override { return m_inner.clockNow(); }
    Result<QByteArray> syncCursor() override { return m_inner.syncCursor(); }
    Status forgetIdentity() override { return m_inner.forgetIdentity(); }

private:
    StoreLedger m_inner;
};

DiaryEntry entry(const QString &text)
{
    DiaryEntry e;
    e.text = text;
    e.writtenAt = QDateTime::currentDateTimeUtc();
    return e;
}

} // namespace

class TestSyncEngine : public QObject
{
    Q_OBJECT

    LocalServer fx;
    LocalServer::Org org;
    QTemporaryDir dir;
    int stores = 0;

    // The recovery key each user's first device made, typed on their later ones.
    QHash<QUuid, QString> recoveryKeys;

    std::unique_ptr<Device> enrol(const QUuid &user) { return enrol(org.id, user); }

    std::unique_ptr<Device> enrol(const QUuid &organisation, const QUuid &user)
    {
        ++stores;
        return Device::enrol(fx, dir.filePath(QStringLiteral("store%1.db").arg(stores)),
                             organisation, user, recoveryKeys[user],
                             QStringLiteral("phone %1").arg(stores));
    }

    // Requests of `organisation`'s devices to `route` so far, from the server's log. A line is
    // written just after its answer is sent, so it may lag that answer by a moment.
    int served(const QUuid &organisation, const QString &route)
    {
        int n = 0;
        for (const QByteArray &line : fx.serverLog().split('\n')) {
            const QJsonDocument logged = QJsonDocument::fromJson(line);
            n += logged[QStringLiteral("org")].toString() == idText(organisation) &&
                 logged[QStringLiteral("route")].toString() == route;
        }
        return n;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(fx.startDatabase(), qPrintable(fx.lastError()));
        QVERIFY2(fx.startServer(), qPrintable(fx.lastError()));
        org = fx.createOrganisation(QStringLiteral("Riverside Peers"));
    }

    void twoDevicesEditOfflineAndConverge()
    {
        auto a = enrol(org.worker1);
        QVERIFY(a);
        // Phone A works offline first.
        auto first =
            a->store->diary().save(entry(QStringLiteral("Walked Dee to the housing office")));
        QVERIFY(first.ok());
        QVERIFY(a->store->encounters()
                    .save([] {
                        Encounter e;
                        e.occurredAt = QDateTime::currentDateTimeUtc();
                        e.durationMinutes = 20;
                        e.note = QStringLiteral("Naloxone kit given");
                        return e;
                    }())
                    .ok());
        auto ra = a->sync();
        QVERIFY2(ra.ok(), why(ra).constData());
        QCOMPARE(ra->pushed, 2);
        QCOMPARE(ra->pending, 0);

        // Phone B: the same worker's second device, keys restored with the recovery key.
        Enrolment wrong(nullptr, EnrolmentOptions{crypto::KeyBackupCost::minimal()});
        QString otherKey = QString::fromLatin1(crypto::RecoveryKey::generate().text().view());
        QCOMPARE(wrong.enrol(fx.baseUrl(), fx.issueCode(org.id, org.worker1), QStringLiteral("x"),
                             QStringLiteral("test"), otherKey),
                 Enrolment::Outcome::WrongRecoveryKey);
        QCOMPARE(wrong.error().code, ErrorCode::WrongPin);
        auto b = enrol(org.worker1);
        QVERIFY(b);
        auto rb = b->sync();
        QVERIFY2(rb.ok(), why(rb).constData());
        QCOMPARE(rb->pulled, 2);
        auto onB = b->store->diary().get(first->id);
        QVERIFY2(onB.ok(), why(onB).constData());
        QCOMPARE(onB->text, first->text);

        // Both edit offline: B a new entry and the wellbeing rating, A the text.
        auto bNew = b->store->diary().save(entry(QStringLiteral("Supervision helped today")));
        QVERIFY(bNew.ok());
        DiaryEntry fromB = *onB;
        fromB.wellbeing = 4;
        QVERIFY(b->store->diary().save(fromB).ok());
        DiaryEntry fromA = *first;
        fromA.text = QStringLiteral("Walked Dee to the housing office; they said come back Monday");
        QVERIFY(a->store->diary().save(fromA).ok());

        QVERIFY(b->sync().ok());
        QVERIFY(a->sync().ok());
        QVERIFY(b->sync().ok());

        for (Device *d : {a.get(), b.get()}) {
            auto merged = d->store->diary().get(first->id);
            QVERIFY(merged.ok());
            QCOMPARE(merged->text, fromA.text);
            QCOMPARE(merged->wellbeing, std::optional<int>(4));
            QVERIFY(d->store->diary().get(bNew->id).ok());
            QCOMPARE(*d->store->diary().count(), 2);
            QCOMPARE(*d->store->encounters().count(), 1);
            QCOMPARE(*d->store->outbox().count(), 0);
        }

        // The same free text edited on both: one wins everywhere, the other is kept.
        DiaryEntry x = *a->store->diary().get(bNew->id);
        x.text = QStringLiteral("Version typed on A");
        QVERIFY(a->store->diary().save(x).ok());
        DiaryEntry y = *b->store->diary().get(bNew->id);
        y.text = QStringLiteral("Version typed on B");
        QVERIFY(b->store->diary().save(y).ok());
        QVERIFY(a->sync().ok());
        auto rbc = b->sync();
        QVERIFY(rbc.ok());
        QVERIFY(a->sync().ok());
        const QString onA = a->store->diary().get(bNew->id)->text;
        QCOMPARE(b->store->diary().get(bNew->id)->text, onA);
        auto copies = b->store->conflictCopies(bNew->id);
        QVERIFY(copies.ok());
        QStringList kept;
        for (const ConflictCopy &c : *copies)
            kept << c.text;
        const QString loser = onA == x.text ? y.text : x.text;
        QVERIFY2(kept.contains(loser), qPrintable(kept.join(u'|')));
    }

    void anIncrementalSyncIsOneRoundTrip()
    {
        const LocalServer::Org own = fx.createOrganisation(QStringLiteral("Harbour Peers"));
        auto a = enrol(own.id, own.worker1);
        QVERIFY(a);
        QVERIFY(a->store->diary().save(entry(QStringLiteral("First words"))).ok());
        QVERIFY(a->sync().ok());
        // The same engine, identity and connection for the syncs that follow, as in the app.
        SyncEngine engine(*a->store, a->identity, *a->client);
        // Its first round also reads the key directory, once (a key rotation may be due).
        QVERIFY(engine.syncOnce().ok());
        // A request on the same kept-alive connection as a fence: the server serves one
        // connection in order and logs each answer before it reads the next request, so once
        // this line is logged the earlier syncs' lines are too and the counts below are exact.
        QVERIFY(a->client->deviceStatus().ok());
        QTRY_COMPARE(served(own.id, QStringLiteral("/v1/device")), 1);
        QVERIFY(a->store->diary().save(entry(QStringLiteral("Typed at the bus stop"))).ok());
        const qint64 requests = a->client->requests();
        const int syncs = served(own.id, QStringLiteral("/v1/sync")),
                  pushes = served(own.id, QStringLiteral("/v1/push"));
        auto r = engine.syncOnce();
        QVERIFY2(r.ok(), why(r).constData());
        QCOMPARE(r->pushed, 1);
        QCOMPARE(r->pending, 0);
        QCOMPARE(a->client->requests(), requests + 1);
        QTRY_COMPARE(served(own.id, QStringLiteral("/v1/sync")), syncs + 1);
        QCOMPARE(served(own.id, QStringLiteral("/v1/push")), pushes);

        // After an applied change the batch no longer carries the audience's sealed key.
        QVERIFY(a->identity.privateAudienceKnown);
        QVERIFY(a->store->diary().save(entry(QStringLiteral("Later that day"))).ok());
        const qint64 sent = a->client->bytesSent();
        QVERIFY(engine.syncOnce().ok());
        QVERIFY2(a->client->bytesSent() - sent < 700,
                 qPrintable(QString::number(a->client->bytesSent() - sent)));

        // Nothing to send: one plain pull.
        const qint64 quiet = a->client->requests();
        QVERIFY(engine.syncOnce().ok());
        QCOMPARE(a->client->requests(), quiet + 1);

        auto b = enrol(own.id, own.worker1);
        QVERIFY(b);
        auto rb = b->sync();
        QVERIFY2(rb.ok(), why(rb).constData());
        QCOMPARE(rb->pulled, 3);
    }

    void aCutConnectionThenRetryConvergesWithoutDuplicates()
    {
        auto a = enrol(org.worker2);
        QVERIFY(a);
        for (int i = 0; i < 30; ++i)
            QVERIFY(a->store->diary().save(entry(QStringLiteral("entry %1").arg(i))).ok());
        LoopbackProxy proxy(fx.port());
        a->client =
            std::make_unique<SyncClient>(QStringLiteral("http://127.0.0.1:%1").arg(proxy.port()));
        proxy.cutAfter(-1, 20); // the push is applied, its answer lost
        auto cut = a->sync();
        QVERIFY(!cut.ok());
        QCOMPARE(cut.error().code, ErrorCode::Network);
        QCOMPARE(*a->store->outbox().count(), 30);

        // The app is killed and restarts: the identity and store are reloaded, the outbox is
        // pushed again (re-encrypted) and recognised.
        QVERIFY(a->identity.save(*a->store).ok());
        auto reloaded = SyncIdentity::load(*a->store);
        QVERIFY2(reloaded.ok(), why(reloaded).constData());
        QCOMPARE(reloaded->credentials.deviceId, a->identity.credentials.deviceId);
        QVERIFY(reloaded->credentials.token.equals(a->identity.credentials.token));
        a->identity = std::move(*reloaded);
        proxy.cutAfter(-1, -1);
        auto again = a->sync();
        QVERIFY2(again.ok(), why(again).constData());
        QCOMPARE(again->pending, 0);

        auto b = enrol(org.worker2);
        QVERIFY(b);
        auto rb = b->sync();
        QVERIFY2(rb.ok(), why(rb).constData());
        QCOMPARE(rb->pulled, 30);
        QCOMPARE(*b->store->diary().count(), 30);
    }

    void aLongPullFetchesOnePageAheadOfTheMerge()
    {
        // 6 pages of 50: while the store merges a page, the next one is fetched, checked and
        // decrypted (PullPrefetch), and never more than that one.
        const LocalServer::Org o = fx.createOrganisation(QStringLiteral("Prefetch"));
        auto writer = enrol(o.id, o.worker1);
        QVERIFY(writer);
        {
            auto tx = writer->store->batch();
            QVERIFY(tx.ok());
            for (int i = 0; i < 300; ++i)
                QVERIFY(writer->store->diary()
                            .save(entry(QStringLiteral("page entry %1").arg(i)))
                            .ok());
            QVERIFY(tx->commit().ok());
        }
        QCOMPARE(writer->sync()->pushed, 300);
        // A fence on the writer's connection: its pulls are all logged before `before` is read.
        QVERIFY(writer->client->deviceStatus().ok());
        QTRY_COMPARE(served(o.id, QStringLiteral("/v1/device")), 1);

        auto reader = enrol(o.id, o.worker1);
        QVERIFY(reader);
        const int before = served(o.id, QStringLiteral("/v1/pull"));
        HookedLedger ledger(*reader->store);
        int seenWhileFirstMerges = -1, seenLater = -1;
        ledger.beforeMerge = [&](int page) -> Status {
            if (page != 0)
                return {};
            // The first page is merging: the second is fetched meanwhile, the third is not.
            QElapsedTimer t;
            t.start();
            while (served(o.id, QStringLiteral("/v1/pull")) - before < 2 && t.elapsed() < 20000)
                QThread::msleep(20);
            seenWhileFirstMerges = served(o.id, QStringLiteral("/v1/pull")) - before;
            QThread::msleep(400);
            seenLater = served(o.id, QStringLiteral("/v1/pull")) - before;
            return {};
        };
        SyncEngine engine(ledger, reader->identity, *reader->client);
        engine.setPageSize(50);
        SyncReport report;
        const Status pulled = engine.pull(report);
        QVERIFY2(pulled.ok(), why(pulled).constData());
        QCOMPARE(seenWhileFirstMerges, 2);
        QCOMPARE(seenLater, 2);
        QCOMPARE(report.pulled, 300);
        QCOMPARE(ledger.pages, 7); // six full pages, then an empty one: "no more"
        QCOMPARE(*reader->store->diary().count(), 300);
        // The prefetch's own connection counts as this client's traffic.
        QVERIFY(reader->client->bytesReceived() > 300 * 250);
        QVERIFY(reader->store->audit().verify()->intact());
    }

    void aStoreFailingMidPullStopsItAndTheNextSyncConverges()
    {
        const LocalServer::Org o = fx.createOrganisation(QStringLiteral("Prefetch fails"));
        auto writer = enrol(o.id, o.worker1);
        QVERIFY(writer);
        for (int i = 0; i < 200; ++i)
            QVERIFY(writer->store->diary().save(entry(QStringLiteral("entry %1").arg(i))).ok());
        QCOMPARE(writer->sync()->pushed, 200);

        auto reader = enrol(o.id, o.worker1);
        QVERIFY(reader);
        HookedLedger ledger(*reader->store);
        ledger.beforeMerge = [](int page) -> Status {
            if (page == 2)
                return Error(ErrorCode::DiskFull, QStringLiteral("The disk is full."));
            return {};
        };
        QByteArray cursorAfterTwoPages;
        {
            SyncEngine engine(ledger, reader->identity, *reader->client);
            engine.setPageSize(50);
            SyncReport report;
            const Status failed = engine.pull(report);
            QCOMPARE(failed.error().code, ErrorCode::DiskFull);
            QCOMPARE(report.pulled, 100);
            cursorAfterTwoPages = reader->store->syncCursor();
        }
        QCOMPARE(*reader->store->diary().count(), 100);
        // The cursor moved with the two pages merged, not with the one fetched ahead.
        SyncClient probe(fx.baseUrl());
        probe.setCredentials(&reader->identity.credentials);
        auto twoPages = probe.pull(0, 100);
        QVERIFY(twoPages.ok());
        QCOMPARE(cursorAfterTwoPages, QByteArray::number(qulonglong(twoPages->cursor)));

        auto rest = reader->sync();
        QVERIFY2(rest.ok(), why(rest).constData());
        QCOMPARE(rest->pulled, 100);
        QCOMPARE(*reader->store->diary().count(), 200);
    }

    void aRefusedChangeIsKeptAndDoesNotBlockLaterOnes()
    {
        // Sam's record id reused by Jo's device (a bad import, a copied record): the server
        // refuses that change (not_author); Jo's later changes still sync, and what Jo typed
        // stays on Jo's device with the reason.
        const LocalServer::Org harbour = fx.createOrganisation(QStringLiteral("Harbour"));
        const LocalServer::Org saved = org;
        org = harbour;
        auto sam = enrol(harbour.worker1);
        auto jo = enrol(harbour.worker2);
        org = saved;
        QVERIFY(sam && jo);
        auto samsEntry = sam->store->diary().save(entry(QStringLiteral("Sam's own entry")));
        QVERIFY(samsEntry.ok());
        QCOMPARE(sam->sync()->pushed, 1);

        DiaryEntry clash = entry(QStringLiteral("Jo typed this under a taken id"));
        clash.id = samsEntry->id;
        QVERIFY(jo->store->diary().save(clash).ok());
        QList<QUuid> later;
        for (int i = 0; i < 3; ++i)
            later << jo->store->diary().save(entry(QStringLiteral("Jo later %1").arg(i)))->id;

        auto first = jo->sync();
        QVERIFY2(first.ok(), why(first).constData());
        QCOMPARE(first->pushed, 3);
        QCOMPARE(first->rejected, 1);
        QCOMPARE(first->rejections, QStringList{QStringLiteral("not_author")});
        QCOMPARE(first->failed, 1);
        QCOMPARE(first->pending, 0);
        auto failed = jo->store->outbox().failed();
        QVERIFY(failed.ok());
        QCOMPARE(failed->size(), 1);
        QCOMPARE(failed->first().entry.change.recordId, samsEntry->id);
        QCOMPARE(failed->first().reason, QStringLiteral("not_author"));
        QCOMPARE(SyncEngine::describeRejection(failed->first().reason),
                 QStringLiteral("The record belongs to another user."));
        QCOMPARE(jo->store->diary().get(samsEntry->id)->text, clash.text);

        // Not sent again: the next round is clean and still reports the failure.
        auto second = jo->sync();
        QVERIFY(second.ok());
        QCOMPARE(second->rejected, 0);
        QCOMPARE(second->failed, 1);

        // Jo edits later entries: they sync; a second device of Jo's gets exactly those.
        DiaryEntry edited = *jo->store->diary().get(later.first());
        edited.text = QStringLiteral("Jo later 0, edited");
        QVERIFY(jo->store->diary().save(edited).ok());
        auto third = jo->sync();
        QVERIFY(third.ok());
        QCOMPARE(third->pushed, 1);
        QCOMPARE(third->failed, 1);
        org = harbour;
        auto jo2 = enrol(harbour.worker2);
        org = saved;
        QVERIFY(jo2);
        auto pulled = jo2->sync();
        QVERIFY2(pulled.ok(), why(pulled).constData());
        QCOMPARE(*jo2->store->diary().count(), 3);
        QCOMPARE(jo2->store->diary().get(later.first())->text, edited.text);
        QVERIFY(!jo2->store->diary().get(samsEntry->id).ok());
        // Sam's record is untouched on the server.
        QVERIFY(sam->sync().ok());
        QCOMPARE(sam->store->diary().get(samsEntry->id)->text, samsEntry->text);

        // A permanent refusal stays one after a manual retry.
        QVERIFY(jo->store->outbox().retryFailed().ok());
        QCOMPARE(*jo->store->outbox().count(), 1);
        auto retried = jo->sync();
        QVERIFY(retried.ok());
        QCOMPARE(retried->rejected, 1);
        QCOMPARE(retried->failed, 1);
        QCOMPARE(retried->pending, 0);
    }

    void anOversizeChangeIsIsolatedAndTheRestSyncs()
    {
        // A change too large for the server (413 too_large for the whole batch): the batch is
        // halved until that change is alone; it is marked failed and every other change syncs.
        const LocalServer::Org quay = fx.createOrganisation(QStringLiteral("Quay"));
        const LocalServer::Org saved = org;
        org = quay;
        auto d = enrol(quay.worker1);
        org = saved;
        QVERIFY(d);
        for (int i = 0; i < 2; ++i)
            QVERIFY(d->store->diary().save(entry(QStringLiteral("before %1").arg(i))).ok());
        // Validation keeps typed records far below the limit, so the oversize change is put in
        // the outbox directly, as a damaged or future client might have.
        const QUuid huge = createUuidV7();
        {
            sql::Statement st = d->store->database().prepare(
                "INSERT INTO outbox(record_id, type, changes, stamps, deleted, hlc, created_at) "
                "VALUES (?, ?, ?, ?, 0, ?, 0)");
            st.bindId(1, huge).bind(2, keyOf(RecordType::DiaryEntry));
            st.bindBlob(3, QCborMap{{QStringLiteral("text"), QString(300 * 1024, u'x')}}
                               .toCborValue()
                               .toCbor());
            st.bindBlob(4, QCborMap().toCborValue().toCbor());
            st.bind(5, d->store->clock().now().toString());
            QVERIFY(st.exec().ok());
        }
        for (int i = 0; i < 3; ++i)
            QVERIFY(d->store->diary().save(entry(QStringLiteral("after %1").arg(i))).ok());

        auto r = d->sync();
        QVERIFY2(r.ok(), why(r).constData());
        QCOMPARE(r->pushed, 5);
        QCOMPARE(r->failed, 1);
        QCOMPARE(r->pending, 0);
        auto failed = d->store->outbox().failed();
        QVERIFY(failed.ok());
        QCOMPARE(failed->size(), 1);
        QCOMPARE(failed->first().entry.change.recordId, huge);
        QCOMPARE(failed->first().reason, QStringLiteral("too_large"));
    }

    void aSharedEntryIsSealedToTheSupervisorsTheServerNames()
    {
        const LocalServer::Org o = fx.createOrganisation(QStringLiteral("Shared Peers"));
        QCOMPARE(fx.admin({QStringLiteral("assign-supervisor"), QStringLiteral("--org"),
                           idText(o.id), QStringLiteral("--worker"), idText(o.worker1),
                           QStringLiteral("--supervisor"), idText(o.supervisor)}),
                 QStringLiteral("assigned"));
        auto sup = enrol(o.id, o.supervisor);
        auto worker = enrol(o.id, o.worker1);
        auto colleague = enrol(o.id, o.worker2);
        QVERIFY(sup && worker && colleague);
        QVERIFY(sup->sync().ok()); // the supervisor's keys are on the server

        // Nothing shared yet: the first sync learns the supervisors, for the app's words.
        QVERIFY(worker->sync().ok());
        QVERIFY(worker->identity.supervisorsLearnt);
        QCOMPARE(worker->identity.supervisors.size(), 1);
        QCOMPARE(worker->identity.supervisors[0].userId, o.supervisor);
        QCOMPARE(worker->identity.supervisors[0].displayName, QStringLiteral("Alex"));
        // The supervisor's device learns whom it supervises, to name their shared entries.
        QCOMPARE(sup->identity.workers.size(), 1);
        QCOMPARE(sup->identity.workers[0].userId, o.worker1);
        QCOMPARE(sup->identity.workers[0].displayName, QStringLiteral("Sam"));
        QVERIFY(worker->identity.workers.isEmpty());

        DiaryEntry shared = worker->store->diary().save(entry(QStringLiteral("told Alex"))).value();
        QVERIFY(worker->store->diary().save(entry(QStringLiteral("kept to myself"))).ok());
        shared.shared = true;
        QVERIFY(worker->store->diary().save(shared).ok());
        auto pushed = worker->sync();
        QVERIFY2(pushed.ok(), why(pushed).constData());
        QCOMPARE(pushed->failed, 0);
        QCOMPARE(worker->identity.sharedReaders, QList<QUuid>{o.supervisor});
        QVERIFY(!worker->identity.sharedAudience.isNull());

        // What the identity learnt survives a restart.
        QVERIFY(worker->identity.save(*worker->store).ok());
        auto reloaded = SyncIdentity::load(*worker->store);
        QVERIFY(reloaded.ok());
        QCOMPARE(reloaded->sharedAudience, worker->identity.sharedAudience);
        QCOMPARE(reloaded->sharedReaders, worker->identity.sharedReaders);
        QCOMPARE(reloaded->supervisors.size(), 1);
        QCOMPARE(reloaded->supervisors[0].displayName, QStringLiteral("Alex"));
        QVERIFY(reloaded->supervisorsLearnt);
        QVERIFY(sup->identity.save(*sup->store).ok());
        auto supReloaded = SyncIdentity::load(*sup->store);
        QVERIFY(supReloaded.ok());
        QCOMPARE(supReloaded->workers.size(), 1);
        QCOMPARE(supReloaded->workers[0].displayName, QStringLiteral("Sam"));

        // The supervisor holds the shared entry, authored by the worker; the colleague, nothing.
        auto read = sup->sync();
        QVERIFY2(read.ok(), why(read).constData());
        QCOMPARE(read->skipped, 0);
        QCOMPARE(*sup->store->diary().count(), 1);
        QCOMPARE(sup->store->diary().get(shared.id)->text, QStringLiteral("told Alex"));
        QCOMPARE(sup->store->recordAuthor(shared.id).value(), o.worker1);
        auto none = colleague->sync();
        QVERIFY(none.ok());
        QCOMPARE(none->pulled, 0);
        QCOMPARE(*colleague->store->diary().count(), 0);

        // Unshared: the supervisor's copy goes; the worker keeps the entry.
        shared.shared = false;
        QVERIFY(worker->store->diary().save(shared).ok());
        QVERIFY(worker->sync().ok());
        auto gone = sup->sync();
        QVERIFY2(gone.ok(), why(gone).constData());
        QCOMPARE(gone->withdrawn, 1);
        QCOMPARE(*sup->store->diary().count(), 0);
        QCOMPARE(*worker->store->diary().count(), 2);
    }

    void onlyServerRetryReasonsAreTransient()
    {
        QVERIFY(SyncEngine::isTransientRejection(QStringLiteral("busy")));
        QVERIFY(SyncEngine::isTransientRejection(QStringLiteral("retry_later")));
        for (const char *permanent : {"not_author", "type_mismatch", "unknown_audience",
                                      "too_large", "malformed", "something_new"})
            QVERIFY(!SyncEngine::isTransientRejection(QString::fromLatin1(permanent)));
    }

    void aRevokedDeviceIsToldSo()
    {
        auto a = enrol(org.supervisor);
        QVERIFY(a);
        QVERIFY(a->store->diary().save(entry(QStringLiteral("kept after revocation"))).ok());
        QVERIFY(a->sync().ok());
        QVERIFY(a->identity.save(*a->store).ok());
        QVERIFY(fx.admin({QStringLiteral("revoke-device"), QStringLiteral("--org"), idText(org.id),
                          QStringLiteral("--device"), idText(a->identity.credentials.deviceId)})
                    .startsWith(u"revoked"));
        SyncEngine engine(*a->store, a->identity, *a->client);
        auto r = engine.syncOnce();
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Unauthorized);
        QCOMPARE(serverErrorOf(r.error()), ServerError::DeviceRevoked);
        // Its keys are destroyed, in the store and in memory; its records stay.
        QVERIFY(engine.revoked());
        QCOMPARE(SyncIdentity::load(*a->store).error().code, ErrorCode::NotFound);
        QVERIFY(!a->identity.hasKeys());
        QVERIFY(a->identity.credentials.token.isEmpty());
        QCOMPARE(*a->store->diary().count(), 1);
    }
};

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_sync_engine.moc"
