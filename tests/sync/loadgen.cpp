// waypoint-loadgen: sync figures for docs/benchmarks.md, driving the real client code
// (SyncEngine, ChangeSealer, SyncClient, encrypted stores) against a real waypoint-server and
// PostgreSQL that it starts on loopback (tests/server's fixture) and stops afterwards.
//
//   waypoint-loadgen [--push N] [--pull N] [--devices N] [--rounds N]
//
// 1. push throughput of one device: N diary entries in its store's outbox, one engine push;
//    baseline in the same process: sealing and signing the same entries without sending.
// 2. initial pull of N records into an empty device (store merge included).
// 3. many devices syncing at once: each writes one entry and runs a full sync round;
//    p50/p99 latency and errors.
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
    if (!fx.startDatabase() || !fx.startServer({QStringLiteral("--threads"), QStringLiteral("48")}))
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

    // 3. Many devices syncing at once, each its own user, store and connection.
    if (devices > 0) {
        QElapsedTimer t;
        t.start();
        std::vector<std::unique_ptr<Device>> fleet;
        for (int i = 0; i < devices; ++i) {
            const QUuid user = QUuid::fromString(
                fx.admin({QStringLiteral("create-user"), QStringLiteral("--org"), idText(org.id),
                          QStringLiteral("--name"), QStringLiteral("w%1").arg(i),
                          QStringLiteral("--role"), QStringLiteral("worker")}));
            fleet.push_back(enrol(fx, org.id, user, dir.filePath(QStringLiteral("d%1.db").arg(i))));
            // Stores are single-threaded: each is reopened on its device's thread below.
            fleet.back()->store.reset();
        }
        say(QStringLiteral("enrolled %1 devices in %2 ms").arg(devices).arg(t.elapsed()));

        std::mutex mutex;
        QList<double> latencies;
        std::atomic<int> errors{0};
        QString firstError;
        std::vector<QThread *> threads;
        std::atomic<bool> go{false};
        for (int i = 0; i < devices; ++i) {
            Device *d = fleet[std::size_t(i)].get();
            const QString path = dir.filePath(QStringLiteral("d%1.db").arg(i));
            threads.push_back(QThread::create([&, d, path, i] {
                // Reopen with a fresh key is not possible; these stores were made with a
                // random key, so each device thread creates its store anew here.
                QFile::remove(path);
                auto store =
                    Store::open(path, SecretBytes::random(Store::KeyBytes), Store::Mode::CreateNew);
                if (!store) {
                    ++errors;
                    return;
                }
                d->store = std::move(*store);
                SyncClient client(d->identity.credentials.serverUrl);
                client.setTimeout(60000);
                while (!go)
                    QThread::msleep(1);
                for (int r = 0; r < rounds; ++r) {
                    DiaryEntry e;
                    e.text = text(i * 1000 + r);
                    e.writtenAt = QDateTime::currentDateTimeUtc();
                    (void)d->store->diary().save(e);
                    SyncEngine engine(*d->store, d->identity, client);
                    QElapsedTimer lt;
                    lt.start();
                    auto result = engine.syncOnce();
                    const double ms = double(lt.nsecsElapsed()) / 1e6;
                    std::lock_guard lock(mutex);
                    if (!result || result->pending != 0) {
                        ++errors;
                        if (firstError.isEmpty())
                            firstError =
                                result ? QStringLiteral("pending left") : result.error().message;
                    } else {
                        latencies.append(ms);
                    }
                }
                d->store.reset();
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
        say(QStringLiteral("%1 devices x %2 rounds at once: p50 %3 ms, p99 %4 ms, max %5 ms, "
                           "%6 errors%7, %8 syncs/s")
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
