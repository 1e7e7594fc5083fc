// waypoint-loadgen: sync figures for docs/benchmarks.md, driving the real client code
// (SyncEngine, ChangeSealer, SyncClient, encrypted stores) against a real waypoint-server and
// PostgreSQL that it starts on loopback (tests/server's fixture) and stops afterwards.
//
//   waypoint-loadgen [--push N] [--pull N] [--devices N] [--rounds N]
//
// 1. push throughput of one device: N diary entries in its store's outbox, one engine push;
//    baseline in the same process: sealing and signing the same entries without sending.
// 2. initial pull of N records into an empty device (store merge included).
// 3. many simulated devices syncing at once (the client's protocol code without a store):
//    each pulls and pushes one record per round; p50/p99 latency and errors.
// 4. bytes on the wire per record beyond its content (request/response bodies).

#include "ChangeSealer.h"
#include "ServerFixture.h"
#include "Store.h"
#include "SyncEngine.h"
#include "Uuid.h"
#include "crypto/BatchSignature.h"
#include "crypto/Envelope.h"
#include "wire/Codec.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <mutex>

using namespace wp;
using namespace wp::sync;

namespace {

void say(const QString &line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

[[noreturn]] void die(const QString &why)
{
    std::fprintf(stderr, "waypoint-loadgen: %s\n", qPrintable(why));
    std::exit(1);
}

struct Device
{
    std::unique_ptr<Store> store;
    SyncIdentity identity;
    std::unique_ptr<SyncClient> client;
};

QString text(int i)
{
    // About the size of a short diary entry.
    return QStringLiteral("Entry %1: met P-%2 at the drop-in, talked through the housing "
                          "appointment and what to bring; agreed to meet Thursday.")
        .arg(i)
        .arg(i % 97);
}

std::unique_ptr<Device> enrol(ServerFixture &fx, const QUuid &org, const QUuid &user,
                              const QString &storePath)
{
    auto d = std::make_unique<Device>();
    auto store =
        Store::open(storePath, SecretBytes::random(Store::KeyBytes), Store::Mode::CreateNew);
    if (!store)
        die(store.error().message);
    d->store = std::move(*store);
    auto id = SyncIdentity::enrol(fx.baseUrl(), fx.issueCode(org, user), QStringLiteral("loadgen"),
                                  QStringLiteral("linux"), QStringLiteral("loadgen passphrase"),
                                  crypto::KeyBackupCost::minimal());
    if (!id)
        die(id.error().message);
    d->identity = std::move(*id);
    d->client = std::make_unique<SyncClient>(fx.baseUrl());
    d->client->setTimeout(120000);
    return d;
}

double percentile(QList<double> v, double p)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[qsizetype(std::min<double>(double(v.size() - 1), p * double(v.size())))];
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser cli;
    cli.addHelpOption();
    cli.addOption({QStringLiteral("push"), QStringLiteral("records pushed by one device"),
                   QStringLiteral("n"), QStringLiteral("20000")});
    cli.addOption({QStringLiteral("pull"), QStringLiteral("records in the initial pull"),
                   QStringLiteral("n"), QStringLiteral("100000")});
    cli.addOption({QStringLiteral("devices"), QStringLiteral("devices syncing at once"),
                   QStringLiteral("n"), QStringLiteral("200")});
    cli.addOption({QStringLiteral("rounds"), QStringLiteral("sync rounds per device"),
                   QStringLiteral("n"), QStringLiteral("3")});
    cli.process(app);
    const int pushN = cli.value(QStringLiteral("push")).toInt();
    const int pullN = cli.value(QStringLiteral("pull")).toInt();
    const int devices = cli.value(QStringLiteral("devices")).toInt();
    const int rounds = cli.value(QStringLiteral("rounds")).toInt();

    ServerFixture fx;
    if (!fx.startDatabase() || !fx.startServer({QStringLiteral("--threads"), QStringLiteral("32")}))
        die(fx.lastError());
    QTemporaryDir dir;
    const ServerFixture::Org org = fx.createOrganisation(QStringLiteral("Load"));
    say(QStringLiteral("server %1, %2 cores").arg(fx.baseUrl()).arg(QThread::idealThreadCount()));

    // 1. Push throughput of one device.
    auto a = enrol(fx, org.id, org.worker1, dir.filePath(QStringLiteral("a.db")));
    qint64 contentBytes = 0;
    {
        QElapsedTimer t;
        t.start();
        for (int i = 0; i < pushN; ++i) {
            DiaryEntry e;
            e.text = text(i);
            e.writtenAt = QDateTime::currentDateTimeUtc();
            if (!a->store->diary().save(e))
                die(QStringLiteral("store write failed"));
        }
        say(QStringLiteral("wrote %1 entries locally in %2 ms").arg(pushN).arg(t.elapsed()));
    }
    {
        // Baseline: what the engine does to a batch before sending it (seal + digest + sign).
        auto pending = a->store->outbox().pending(pushN);
        if (!pending)
            die(pending.error().message);
        for (const OutboxEntry &e : *pending)
            contentBytes += QCborValue(e.change.fields).toCbor().size();
        const SecretBytes key = crypto::newAudienceKey();
        QElapsedTimer t;
        t.start();
        QList<QByteArray> digests;
        for (int i = 0; i < pending->size(); ++i) {
            const wire::Change c = ChangeSealer::seal(pending->at(i), QUuid(), key);
            digests.append(crypto::changeDigest(c));
            if (digests.size() == 500 || i + 1 == pending->size()) {
                (void)crypto::signManifest(a->identity.keys.signingSecret, digests.join());
                digests.clear();
            }
        }
        const double ms = double(t.nsecsElapsed()) / 1e6;
        say(QStringLiteral("baseline: seal+sign only: %1 records/s")
                .arg(qRound(pushN / (ms / 1000.0))));

        SyncEngine engine(*a->store, a->identity, *a->client);
        SyncReport report;
        const qint64 sentBefore = a->client->bytesSent();
        t.restart();
        if (Status s = engine.push(report); !s)
            die(s.error().message);
        const double pushMs = double(t.nsecsElapsed()) / 1e6;
        const qint64 sent = a->client->bytesSent() - sentBefore;
        say(QStringLiteral("push: %1 records in %2 ms = %3 records/s (%4x the seal+sign-only rate)")
                .arg(report.pushed)
                .arg(qRound(pushMs))
                .arg(qRound(report.pushed / (pushMs / 1000.0)))
                .arg(QString::number(ms / pushMs, 'f', 2)));
        say(QStringLiteral("push wire: %1 bytes for %2 records with %3 content bytes: "
                           "%4 bytes/record overhead")
                .arg(sent)
                .arg(report.pushed)
                .arg(contentBytes)
                .arg(QString::number(double(sent - contentBytes) / report.pushed, 'f', 1)));
    }

    // 2. Initial pull into an empty device of the same user: top the log up to pullN first
    //    (written with the same client code, straight from sealed changes).
    {
        const int more = std::max(0, pullN - pushN);
        const SecretBytes &key = a->identity.audienceKeys.at(a->identity.privateAudience);
        const auto &me = a->identity.credentials;
        QElapsedTimer t;
        t.start();
        HybridClock clock(me.deviceId);
        for (int done = 0; done < more;) {
            wire::PushRequest batch;
            batch.deviceId = me.deviceId;
            batch.sequence = std::uint64_t(1'000'000 + done);
            QList<QByteArray> digests;
            for (int i = 0; i < 2000 && done < more; ++i, ++done) {
                OutboxEntry e;
                e.seq = 1'000'000 + done;
                e.change.recordId = createUuidV7();
                e.change.type = RecordType::DiaryEntry;
                e.change.stamp = clock.now();
                e.change.fields = DiaryEntry{e.change.recordId,
                                             QDateTime::currentDateTimeUtc(),
                                             text(done),
                                             {},
                                             {},
                                             {},
                                             {},
                                             {},
                                             false,
                                             QDateTime::currentDateTimeUtc()}
                                      .toFields();
                for (auto it = e.change.fields.constBegin(); it != e.change.fields.constEnd(); ++it)
                    e.change.stamps.insert(it.key().toString(), e.change.stamp);
                batch.changes.append(ChangeSealer::seal(e, a->identity.privateAudience, key));
                digests.append(crypto::changeDigest(batch.changes.last()));
            }
            batch.signature =
                crypto::signManifest(a->identity.keys.signingSecret,
                                     wire::manifestBytes(me.organisationId, me.userId, me.deviceId,
                                                         batch.sequence, digests));
            auto r = a->client->push(batch);
            if (!r || r->applied.size() != batch.changes.size())
                die(QStringLiteral("seeding the pull failed"));
        }
        say(QStringLiteral("seeded %1 more records in %2 ms").arg(more).arg(t.elapsed()));

        auto b = enrol(fx, org.id, org.worker1, dir.filePath(QStringLiteral("b.db")));
        {
            // Baseline: the same pages fetched, verified and decrypted, without merging them
            // into the store.
            SyncClient client(fx.baseUrl());
            client.setCredentials(&b->identity.credentials);
            client.setTimeout(120000);
            std::uint64_t since = 0;
            int n = 0;
            t.restart();
            for (;;) {
                auto page = client.pull(since, 1000);
                if (!page)
                    die(page.error().message);
                for (const wire::AudienceGrant &g : page->audienceKeys)
                    if (!b->identity.hasAudienceKey(g.audienceId)) {
                        auto k = crypto::openSealed(g.sealedKey, b->identity.keys);
                        if (!k)
                            die(k.error().message);
                        b->identity.audienceKeys.emplace(g.audienceId, std::move(*k));
                    }
                for (const wire::Manifest &m : page->manifests)
                    if (!crypto::verifyManifest(a->identity.keys.signingPublic,
                                                wire::manifestBytes(org.id, m.authorId, m.deviceId,
                                                                    m.sequence, m.digests),
                                                m.signature))
                        die(QStringLiteral("bad signature"));
                for (const wire::Change &c : page->changes) {
                    (void)crypto::changeDigest(c);
                    if (!ChangeSealer::open(c, b->identity.audienceKeys.at(c.audienceId)))
                        die(QStringLiteral("cannot open"));
                    ++n;
                }
                since = page->cursor;
                if (!page->more)
                    break;
            }
            const double ms = double(t.nsecsElapsed()) / 1e6;
            say(QStringLiteral("baseline: pull+verify+decrypt without the store merge: %1 "
                               "records in %2 ms = %3 records/s")
                    .arg(n)
                    .arg(qRound(ms))
                    .arg(qRound(n / (ms / 1000.0))));
        }
        SyncEngine engine(*b->store, b->identity, *b->client);
        SyncReport report;
        t.restart();
        if (Status s = engine.pull(report); !s)
            die(s.error().message);
        const double ms = double(t.nsecsElapsed()) / 1e6;
        const qint64 received = b->client->bytesReceived();
        say(QStringLiteral("initial pull: %1 records in %2 ms = %3 records/s")
                .arg(report.pulled)
                .arg(qRound(ms))
                .arg(qRound(report.pulled / (ms / 1000.0))));
        say(QStringLiteral("pull wire: %1 bytes, %2 bytes/record (content about %3)")
                .arg(received)
                .arg(QString::number(double(received) / report.pulled, 'f', 1))
                .arg(QString::number(double(contentBytes) / pushN, 'f', 1)));
    }

    // 3. Many devices syncing at once. Simulated devices: the client's protocol code (seal,
    //    sign, push, pull, verify, decrypt) without a local store, each on its own thread and
    //    connection; 200 SQLCipher stores on the server's own 2 cores would measure this
    //    machine's disk, not the service.
    if (devices > 0) {
        QElapsedTimer t;
        t.start();
        std::vector<std::unique_ptr<SyncIdentity>> fleet;
        for (int i = 0; i < devices; ++i) {
            const QUuid user = QUuid::fromString(
                fx.admin({QStringLiteral("create-user"), QStringLiteral("--org"), idText(org.id),
                          QStringLiteral("--name"), QStringLiteral("w%1").arg(i),
                          QStringLiteral("--role"), QStringLiteral("worker")}));
            auto id =
                SyncIdentity::enrol(fx.baseUrl(), fx.issueCode(org.id, user), QStringLiteral("sim"),
                                    QStringLiteral("linux"), QStringLiteral("loadgen passphrase"),
                                    crypto::KeyBackupCost::minimal());
            if (!id)
                die(id.error().message);
            fleet.push_back(std::make_unique<SyncIdentity>(std::move(*id)));
        }
        say(QStringLiteral("enrolled %1 devices in %2 ms").arg(devices).arg(t.elapsed()));

        std::mutex mutex;
        QList<double> latencies;
        std::atomic<int> errors{0};
        QString firstError;
        std::vector<QThread *> threads;
        std::atomic<bool> go{false};
        for (int i = 0; i < devices; ++i) {
            SyncIdentity *id = fleet[std::size_t(i)].get();
            threads.push_back(QThread::create([&, id, i] {
                SyncClient client(id->credentials.serverUrl);
                client.setCredentials(&id->credentials);
                client.setTimeout(60000);
                HybridClock clock(id->credentials.deviceId);
                const SecretBytes &key = id->audienceKeys.at(id->privateAudience);
                std::uint64_t cursor = 0;
                while (!go)
                    QThread::msleep(1);
                for (int r = 0; r < rounds; ++r) {
                    QElapsedTimer lt;
                    lt.start();
                    QString failure;
                    // Pull first, as the engine does.
                    auto page = client.pull(cursor, 1000);
                    if (!page) {
                        failure = page.error().message;
                    } else {
                        for (const wire::Change &c : page->changes)
                            if (!ChangeSealer::open(c, key))
                                failure = QStringLiteral("cannot open");
                        cursor = page->cursor;
                    }
                    OutboxEntry e;
                    e.seq = r + 1;
                    e.change.recordId = createUuidV7();
                    e.change.type = RecordType::DiaryEntry;
                    e.change.stamp = clock.now();
                    e.change.fields = {{QStringLiteral("text"), text(i * 1000 + r)}};
                    e.change.stamps.insert(QStringLiteral("text"), e.change.stamp);
                    wire::PushRequest batch;
                    batch.deviceId = id->credentials.deviceId;
                    batch.sequence = std::uint64_t(r + 1);
                    batch.audiences.append({id->privateAudience,
                                            {{id->credentials.userId,
                                              crypto::sealTo(key, id->keys.encryptionPublic)}}});
                    batch.changes.append(ChangeSealer::seal(e, id->privateAudience, key));
                    batch.signature = crypto::signManifest(
                        id->keys.signingSecret,
                        wire::manifestBytes(id->credentials.organisationId, id->credentials.userId,
                                            batch.deviceId, batch.sequence,
                                            {crypto::changeDigest(batch.changes[0])}));
                    auto pushed = client.push(batch);
                    if (!pushed || pushed->applied.size() != 1)
                        failure = pushed ? QStringLiteral("not applied") : pushed.error().message;
                    const double ms = double(lt.nsecsElapsed()) / 1e6;
                    std::lock_guard lock(mutex);
                    if (!failure.isEmpty()) {
                        ++errors;
                        if (firstError.isEmpty())
                            firstError = failure;
                    } else {
                        latencies.append(ms);
                    }
                }
            }));
            threads.back()->start();
        }
        QThread::msleep(500);
        t.restart();
        go = true;
        for (QThread *th : threads) {
            th->wait();
            delete th;
        }
        const double wall = double(t.nsecsElapsed()) / 1e6;
        say(QStringLiteral("%1 simulated devices x %2 rounds (pull + push of one record) at once: "
                           "p50 %3 ms, p99 %4 ms, max %5 ms, %6 errors%7, %8 syncs/s")
                .arg(devices)
                .arg(rounds)
                .arg(QString::number(percentile(latencies, 0.50), 'f', 1))
                .arg(QString::number(percentile(latencies, 0.99), 'f', 1))
                .arg(QString::number(percentile(latencies, 1.0), 'f', 1))
                .arg(errors.load())
                .arg(firstError.isEmpty() ? QString() : QStringLiteral(" (") + firstError + u')')
                .arg(qRound(latencies.size() / (wall / 1000.0))));
    }
    fx.stopServer();
    return 0;
}
