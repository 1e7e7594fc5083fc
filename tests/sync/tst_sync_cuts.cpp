// SPDX-License-Identifier: GPL-3.0-or-later
// A phone losing signal at random moments: a pull of a few thousand records and a push of as
// many, cut by tests/server's LoopbackProxy in front of the real server and PostgreSQL at
// random byte offsets until it has dropped 30 connections each (seeded; the seed is printed,
// WAYPOINT_CUT_SEED replays it). After every round the "app" restarts: store and sync
// identity are reopened from disk. Then the sync finishes and the device must hold exactly the
// server's records: none missing, none twice, the cursor at the server's counter; on the
// server nothing applied twice; the outbox empty.

#include "Enrolment.h"
#include "LocalServer.h"
#include "LoopbackProxy.h"
#include "Store.h"
#include "SyncEngine.h"
#include "Uuid.h"

#include <QHash>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <pqxx/pqxx>

#include <set>

using namespace wp;
using namespace wp::sync;

namespace {

template <typename R> QByteArray why(const R &r)
{
    return r.ok() ? QByteArray() : r.error().message.toUtf8();
}

constexpr int Cuts = 30;

// A device as the app runs it: the store on disk, the identity inside it.
struct Device
{
    QString path;
    SecretBytes key = SecretBytes::random(Store::KeyBytes);
    std::unique_ptr<Store> store;
    SyncIdentity identity;

    bool reopen()
    {
        store.reset();
        auto opened = Store::open(path, key, Store::Mode::OpenExisting);
        if (!opened)
            return false;
        store = std::move(*opened);
        auto loaded = SyncIdentity::load(*store);
        if (!loaded)
            return false;
        identity = std::move(*loaded);
        return true;
    }

    Result<SyncReport> sync(const QString &url, int batch = 500, int page = 1000)
    {
        SyncClient client(url);
        client.setTimeout(20000);
        SyncEngine engine(*store, identity, client);
        engine.setBatchSize(batch);
        engine.setPageSize(page);
        auto report = engine.syncOnce();
        if (engine.identityChanged())
            (void)identity.save(*store);
        return report;
    }

    // Push only: the cuts land in push requests and answers, not in the pull before them.
    Status push(const QString &url, int batch)
    {
        SyncClient client(url);
        client.setTimeout(20000);
        SyncEngine engine(*store, identity, client);
        engine.setBatchSize(batch);
        SyncReport report;
        Status s = engine.push(report);
        if (engine.identityChanged())
            (void)identity.save(*store);
        return s;
    }
};

} // namespace

class TestSyncCuts : public QObject
{
    Q_OBJECT

    LocalServer fx;
    QTemporaryDir dir;
    int devices = 0;
    quint32 seed = 0;
    QRandomGenerator rng;

    // The recovery key each user's first device made, typed on their later ones.
    QHash<QUuid, QString> recoveryKeys;

    std::unique_ptr<Device> enrol(const LocalServer::Org &org, const QUuid &user)
    {
        auto d = std::make_unique<Device>();
        d->path = dir.filePath(QStringLiteral("device%1.db").arg(++devices));
        auto store = Store::open(d->path, d->key, Store::Mode::CreateNew);
        if (!store)
            return nullptr;
        d->store = std::move(*store);
        StoreIdentity saved(*d->store);
        Enrolment enrolment(&saved, EnrolmentOptions{crypto::KeyBackupCost::minimal()});
        if (enrolment.enrol(fx.baseUrl(), fx.issueCode(org.id, user),
                            QStringLiteral("phone %1").arg(devices), QStringLiteral("test"),
                            recoveryKeys[user]) != Enrolment::Outcome::Done)
            return nullptr;
        d->identity = enrolment.takeIdentity();
        return d;
    }

    // The signal is back. A connection opened during the cut phase may still fail once (as it
    // would in the field, where the app retries with backoff): up to three rounds.
    static Result<SyncReport> finish(Device &d, const QString &url, int batch, int page)
    {
        Result<SyncReport> r = Error(ErrorCode::Internal, {});
        for (int attempt = 0; attempt < 3; ++attempt) {
            r = d.sync(url, batch, page);
            if (r.ok() || r.error().code != ErrorCode::Network)
                break;
        }
        return r;
    }

    static bool writeEntries(Device &d, int n, const QString &prefix)
    {
        auto tx = d.store->batch();
        if (!tx)
            return false;
        for (int i = 0; i < n; ++i) {
            DiaryEntry e;
            e.writtenAt = QDateTime::currentDateTimeUtc();
            e.text = QStringLiteral("%1 %2: a walk to the day centre, a call to the GP")
                         .arg(prefix)
                         .arg(i);
            e.wellbeing = 1 + i % 5;
            if (!d.store->diary().save(e))
                return false;
        }
        return tx->commit().ok();
    }

    std::int64_t serverScalar(const std::string &sql, const QUuid &id)
    {
        pqxx::connection c(fx.databaseUrl().toStdString());
        pqxx::work w(c);
        return w.exec_params1(sql, id.toString(QUuid::WithoutBraces).toStdString())[0]
            .as<std::int64_t>();
    }

    static QSet<QUuid> diaryIds(Store &store)
    {
        QSet<QUuid> ids;
        PageRequest request;
        request.limit = 500;
        for (;;) {
            auto page = store.diary().list(request);
            if (!page)
                return {};
            for (const DiaryEntry &e : page->items)
                ids.insert(e.id);
            if (page->next.isEmpty())
                return ids;
            request.after = page->next;
        }
    }

private slots:
    void initTestCase()
    {
        bool fromEnv = false;
        seed = qEnvironmentVariable("WAYPOINT_CUT_SEED").toUInt(&fromEnv);
        if (!fromEnv)
            seed = QRandomGenerator::system()->generate();
        rng.seed(seed);
        qInfo("cut seed %u (replay with WAYPOINT_CUT_SEED=%u)", seed, seed);
        QVERIFY2(fx.startDatabase(), qPrintable(fx.lastError()));
        QVERIFY2(fx.startServer(), qPrintable(fx.lastError()));
    }

    void aPullCutAtRandomPointsEndsWithExactlyTheServersRecords()
    {
        const auto org = fx.createOrganisation(QStringLiteral("Pull cuts"));
        constexpr int Records = 3000;
        constexpr int Page = 100;
        auto writer = enrol(org, org.worker1);
        QVERIFY(writer);
        QVERIFY(writeEntries(*writer, Records, QStringLiteral("pulled")));
        auto pushed = writer->sync(fx.baseUrl());
        QVERIFY2(pushed.ok(), why(pushed).constData());
        QCOMPARE(pushed->pushed, Records);
        const QSet<QUuid> written = diaryIds(*writer->store);
        QCOMPARE(written.size(), Records);

        auto reader = enrol(org, org.worker1);
        QVERIFY(reader);
        // One clean page measures what a page costs on the wire; cuts fall within two pages.
        std::int64_t pageBytes = 0;
        {
            SyncClient probe(fx.baseUrl());
            probe.setCredentials(&reader->identity.credentials);
            auto page = probe.pull(0, Page);
            QVERIFY(page.ok());
            pageBytes = probe.bytesReceived();
        }
        LoopbackProxy proxy(fx.port());
        const QString viaProxy = QStringLiteral("http://127.0.0.1:%1").arg(proxy.port());
        // Qt retries a request once on a fresh connection, so one round may absorb several
        // cuts: go on until the proxy has cut `Cuts` times, giving the server more to send
        // whenever the reader caught up.
        QSet<QUuid> expected = written;
        int rounds = 0;
        while (proxy.cuts() < Cuts && rounds++ < 10 * Cuts) {
            proxy.cutAfter(-1, std::int64_t(rng.bounded(quint32(2 * pageBytes))) + 1);
            auto r = reader->sync(viaProxy, 500, Page);
            if (!r.ok())
                QVERIFY2(r.error().code == ErrorCode::Network, why(r).constData());
            // The app is killed: everything is read back from disk.
            QVERIFY(reader->reopen());
            if (r.ok() && proxy.cuts() < Cuts) {
                QVERIFY(writeEntries(*writer, 500, QStringLiteral("more %1").arg(rounds)));
                QVERIFY(writer->sync(fx.baseUrl()).ok());
                expected = diaryIds(*writer->store);
            }
        }
        QVERIFY2(proxy.cuts() >= Cuts, qPrintable(QString::number(proxy.cuts())));
        proxy.cutAfter(-1, -1);
        auto finished = finish(*reader, viaProxy, 500, Page);
        QVERIFY2(finished.ok(), why(finished).constData());

        QCOMPARE(diaryIds(*reader->store), expected);
        QCOMPARE(*reader->store->database().scalar("SELECT count(*) FROM records"),
                 qint64(expected.size()));
        QCOMPARE(*reader->store->outbox().count(), 0);
        // The cursor is the organisation's counter: nothing skipped, nothing left to fetch.
        const auto counter =
            serverScalar("SELECT change_seq FROM organisations WHERE organisation_id = $1", org.id);
        QCOMPARE(reader->store->syncCursor().toLongLong(), counter);
        auto again = reader->sync(fx.baseUrl());
        QVERIFY(again.ok());
        QCOMPARE(again->pulled, 0);
        // The records read back as written.
        for (const QUuid &id : expected) {
            auto a = writer->store->diary().get(id);
            auto b = reader->store->diary().get(id);
            QVERIFY(a.ok() && b.ok());
            QCOMPARE(b->text, a->text);
            QCOMPARE(b->wellbeing, a->wellbeing);
        }
    }

    void aPushCutAtRandomPointsAppliesEverythingOnce()
    {
        const auto org = fx.createOrganisation(QStringLiteral("Push cuts"));
        constexpr int Records = 2000;
        constexpr int Batch = 200;
        auto writer = enrol(org, org.worker2);
        QVERIFY(writer);
        // What one batch costs on the wire, measured on another device of the same user.
        std::int64_t batchBytes = 0;
        {
            auto probe = enrol(org, org.worker2);
            QVERIFY(probe);
            QVERIFY(writeEntries(*probe, Batch, QStringLiteral("probe")));
            SyncClient client(fx.baseUrl());
            SyncEngine engine(*probe->store, probe->identity, client);
            engine.setBatchSize(Batch);
            SyncReport report;
            QVERIFY(engine.push(report).ok());
            batchBytes = client.bytesSent();
        }
        QVERIFY(writeEntries(*writer, Records, QStringLiteral("pushed")));

        LoopbackProxy proxy(fx.port());
        const QString viaProxy = QStringLiteral("http://127.0.0.1:%1").arg(proxy.port());
        int rounds = 0;
        while (proxy.cuts() < Cuts && rounds++ < 10 * Cuts) {
            // Half the cuts lose the request (nothing applied), half the answer (applied, the
            // device does not know).
            if (rng.bounded(2) == 0)
                proxy.cutAfter(std::int64_t(rng.bounded(quint32(2 * batchBytes))) + 1, -1);
            else // an answer is a few hundred bytes: headers and the applied ids
                proxy.cutAfter(-1, std::int64_t(rng.bounded(1500u)) + 1);
            auto r = writer->push(viaProxy, Batch);
            if (!r.ok())
                QVERIFY2(r.error().code == ErrorCode::Network, why(r).constData());
            QVERIFY(writer->reopen());
            if (*writer->store->outbox().count() == 0 && proxy.cuts() < Cuts)
                QVERIFY(writeEntries(*writer, 400, QStringLiteral("more %1").arg(rounds)));
        }
        QVERIFY2(proxy.cuts() >= Cuts, qPrintable(QString::number(proxy.cuts())));
        proxy.cutAfter(-1, -1);
        const QSet<QUuid> written = diaryIds(*writer->store);
        auto finished = finish(*writer, viaProxy, Batch, 1000);
        QVERIFY2(finished.ok(), why(finished).constData());
        QCOMPARE(finished->pending, 0);
        QCOMPARE(finished->failed, 0);
        QCOMPARE(*writer->store->outbox().count(), 0);

        // Each outbox entry applied exactly once on the server.
        const QUuid device = writer->identity.credentials.deviceId;
        QCOMPARE(serverScalar("SELECT count(*) FROM changes WHERE device_id = $1", device),
                 std::int64_t(written.size()));
        QCOMPARE(serverScalar("SELECT count(DISTINCT record_id) FROM changes WHERE device_id = $1",
                              device),
                 std::int64_t(written.size()));

        // Another device of the user gets exactly those records.
        auto reader = enrol(org, org.worker2);
        QVERIFY(reader);
        auto pulled = reader->sync(fx.baseUrl());
        QVERIFY2(pulled.ok(), why(pulled).constData());
        const QSet<QUuid> onReader = diaryIds(*reader->store);
        QCOMPARE(onReader.size(), written.size() + Batch); // the writer's and the probe's
        QVERIFY(onReader.contains(written));
    }
};

QTEST_GUILESS_MAIN(TestSyncCuts)
#include "tst_sync_cuts.moc"
