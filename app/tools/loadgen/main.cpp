// SPDX-License-Identifier: GPL-3.0-or-later
// waypoint-loadgen: sync figures for docs/benchmarks.md, driving the real client code
// (SyncEngine, ChangeSealer, SyncClient, encrypted stores) against a real waypoint-server and
// PostgreSQL that it starts on loopback (app/tools/localserver) and stops afterwards.
//
//   waypoint-loadgen [--push N] [--pull N] [--page N] [--devices N] [--rounds N]
//                    [--spread MS] [--server-threads N]
//
// 1. push throughput of one device: N diary entries in its store's outbox, one engine push;
//    baseline in the same process: sealing and signing the same entries without sending.
// 2. initial pull of N records into an empty device (store merge included), with the next
//    page fetched while the store merges one (the engine's default); baselines in the same
//    process: the pull without a store, and one page after the other into another device.
// 3. many simulated devices syncing at once (the client's protocol code without a store):
//    each pulls and pushes one record per round; p50/p99 latency and errors. --spread 0
//    starts every round of every device at the same instant (a burst); --spread MS staggers
//    the devices evenly over MS and repeats each device's round every MS (a steady rate of
//    devices / MS syncs per ms).
// 4. bytes on the wire per record beyond its content (request/response bodies).

#include "ChangeSealer.h"
#include "Fleet.h"
#include "LocalServer.h"
#include "Measure.h"
#include "OneDevice.h"
#include "SyncEngine.h"
#include "crypto/BatchSignature.h"
#include "crypto/Envelope.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>

using namespace wp;
using namespace wp::sync;
using namespace wp::loadgen;

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
    cli.addOption({QStringLiteral("page"), QStringLiteral("pull page size"), QStringLiteral("n"),
                   QStringLiteral("1000")});
    cli.addOption({QStringLiteral("batch"),
                   QStringLiteral("push batch size of the engine (0: the engine's default)"),
                   QStringLiteral("n"), QStringLiteral("0")});
    cli.addOption({QStringLiteral("spread"),
                   QStringLiteral("ms over which the devices' rounds are staggered (0: burst)"),
                   QStringLiteral("ms"), QStringLiteral("0")});
    cli.addOption({QStringLiteral("server-threads"), QStringLiteral("waypoint-server --threads"),
                   QStringLiteral("n"), QStringLiteral("0")});
    cli.addOption({QStringLiteral("baseline-threads"),
                   QStringLiteral("--threads of the --baseline-server (0: its default)"),
                   QStringLiteral("n"), QStringLiteral("0")});
    cli.addOption({QStringLiteral("db-connections"),
                   QStringLiteral("waypoint-server --db-connections (0: its default)"),
                   QStringLiteral("n"), QStringLiteral("0")});
    cli.addOption({QStringLiteral("repeat"), QStringLiteral("runs of the fleet and comparisons"),
                   QStringLiteral("n"), QStringLiteral("1")});
    cli.addOption({QStringLiteral("keep-alive"),
                   QStringLiteral("waypoint-server --keep-alive (this build only)"),
                   QStringLiteral("seconds")});
    cli.addOption({QStringLiteral("fast-db"),
                   QStringLiteral("run PostgreSQL without durability (fsync, synchronous_commit "
                                  "off, as the tests do)")});
    cli.addOption({QStringLiteral("pg-statements"),
                   QStringLiteral("print PostgreSQL's busiest statements of the last fleet run")});
    cli.addOption({QStringLiteral("requests-baseline"),
                   QStringLiteral("also run each fleet run the way devices synced before "
                                  "POST /v1/sync (pull, then push), alternating")});
    cli.addOption({QStringLiteral("baseline-one-request"),
                   QStringLiteral("with --baseline-server, both fleets sync with POST /v1/sync")});
    cli.addOption({QStringLiteral("no-store"),
                   QStringLiteral("skip the figures that go through a device store")});
    cli.addOption(
        {QStringLiteral("baseline-server"),
         QStringLiteral("another waypoint-server binary to compare with, in this process"),
         QStringLiteral("path")});
    cli.addOption({QStringLiteral("compare-push"),
                   QStringLiteral("records pushed end to end (store + engine) per comparison run "
                                  "with --baseline-server (0: none)"),
                   QStringLiteral("n"), QStringLiteral("0")});
    cli.addOption({QStringLiteral("compare"),
                   QStringLiteral("records pushed and pulled per comparison run"),
                   QStringLiteral("n"), QStringLiteral("20000")});
    cli.process(app);
    const int pushN = cli.value(QStringLiteral("push")).toInt();
    const int pullN = cli.value(QStringLiteral("pull")).toInt();
    const int devices = cli.value(QStringLiteral("devices")).toInt();
    const int rounds = cli.value(QStringLiteral("rounds")).toInt();
    const int pageSize = cli.value(QStringLiteral("page")).toInt();
    const int batchSize = cli.value(QStringLiteral("batch")).toInt();
    const int spreadMs = cli.value(QStringLiteral("spread")).toInt();
    const int repeats = std::max(1, cli.value(QStringLiteral("repeat")).toInt());
    const bool withStore = !cli.isSet(QStringLiteral("no-store"));
    const QString baselineBin = cli.value(QStringLiteral("baseline-server"));
    const int compareN = cli.value(QStringLiteral("compare")).toInt();
    const int comparePushN = cli.value(QStringLiteral("compare-push")).toInt();
    // The server is event-driven and picks its own number of threads. A baseline server that
    // serves each kept-alive connection on a thread of its own needs one thread per simulated
    // device: give it --baseline-threads (devices + a few).
    const int serverThreads = cli.value(QStringLiteral("server-threads")).toInt();
    const int baselineThreads = cli.value(QStringLiteral("baseline-threads")).toInt();

    // Production-like by default: every acknowledged push is on disk (scripts/pg).
    const bool durable = !cli.isSet(QStringLiteral("fast-db"));
    qputenv("WAYPOINT_PG_DURABLE", durable ? "1" : "0");
    QStringList serverArgs;
    if (serverThreads > 0)
        serverArgs << QStringLiteral("--threads") << QString::number(serverThreads);
    if (cli.isSet(QStringLiteral("keep-alive")))
        serverArgs << QStringLiteral("--keep-alive") << cli.value(QStringLiteral("keep-alive"));
    if (const int n = cli.value(QStringLiteral("db-connections")).toInt(); n > 0)
        serverArgs << QStringLiteral("--db-connections") << QString::number(n);
    LocalServer fx;
    if (!fx.startDatabase() || !fx.startServer(serverArgs))
        die(fx.lastError());
    QTemporaryDir dir;
    const LocalServer::Org org = fx.createOrganisation(QStringLiteral("Load"));
    // The pids are for profiling a run (perf record -p).
    say(QStringLiteral("server %1, %2 cores, %3 server threads, PostgreSQL %7; pids: loadgen "
                       "%4, server %5, postmaster %6")
            .arg(fx.baseUrl())
            .arg(QThread::idealThreadCount())
            .arg(serverThreads > 0 ? QString::number(serverThreads) : QStringLiteral("default"))
            .arg(QCoreApplication::applicationPid())
            .arg(fx.serverPid())
            .arg(fx.postgresPid())
            .arg(durable ? QStringLiteral("durable (fsync, synchronous_commit on)")
                         : QStringLiteral("without durability (--fast-db)")));

    // 1. Push throughput of one device.
    auto a = enrol(fx, org.id, org.worker1, dir.filePath(QStringLiteral("a.db")));
    qint64 contentBytes = 0;
    if (withStore && pushN > 0) {
        QElapsedTimer t;
        t.start();
        writeDiary(*a->store, pushN);
        say(QStringLiteral("wrote %1 entries locally in %2 ms").arg(pushN).arg(t.elapsed()));
    }
    if (withStore && pushN > 0) {
        // Baseline: what the engine does to a batch before sending it (seal + digest + sign).
        // The outbox answers at most 10,000 entries at a time.
        QList<OutboxEntry> pending;
        while (pending.size() < pushN) {
            auto page =
                a->store->outbox().pending(pushN, pending.isEmpty() ? 0 : pending.last().seq);
            if (!page)
                die(page.error().message);
            if (page->isEmpty())
                break;
            pending += *page;
        }
        for (const OutboxEntry &e : pending)
            contentBytes += QCborValue(e.change.fields).toCbor().size();
        const SecretBytes key = crypto::newAudienceKey();
        QElapsedTimer t;
        t.start();
        QList<QByteArray> digests;
        for (int i = 0; i < pending.size(); ++i) {
            const wire::Change c = ChangeSealer::seal(pending.at(i), QUuid(), key);
            digests.append(crypto::changeDigest(c));
            if (digests.size() == 500 || i + 1 == pending.size()) {
                (void)crypto::signManifest(a->identity.keys.signingSecret, digests.join());
                digests.clear();
            }
        }
        const double ms = double(t.nsecsElapsed()) / 1e6;
        say(QStringLiteral("baseline: seal+sign only: %1 records/s")
                .arg(qRound(pending.size() / (ms / 1000.0))));

        SyncEngine engine(*a->store, a->identity, *a->client);
        if (batchSize > 0)
            engine.setBatchSize(batchSize);
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
    //    (pre-sealed batches of 2,000, timed as the server side of a push).
    {
        const int more = std::max(0, pullN - (withStore ? pushN : 0));
        if (more > 0)
            say(QStringLiteral("server side of a push (%1 records in batches of 2,000 sealed "
                               "beforehand; encode + HTTP + apply + decode): %2 records/s")
                    .arg(more)
                    .arg(qRound(serverSidePush(*a->client, a->identity, more, 1'000'000))));

        auto b = enrol(fx, org.id, org.worker1, dir.filePath(QStringLiteral("b.db")));
        int n = 0;
        const double rate = pullWithoutStore(fx.baseUrl(), b->identity,
                                             a->identity.keys.signingPublic, pageSize, &n);
        say(QStringLiteral("baseline: pull+verify+decrypt without the store merge, pages of %1: "
                           "%2 records = %3 records/s")
                .arg(pageSize)
                .arg(n)
                .arg(qRound(rate)));
        if (withStore) {
            // Baseline in this process: the same pull with each page fetched only after the
            // previous one was merged (no prefetch), into another empty device of the user.
            auto c = enrol(fx, org.id, org.worker1, dir.filePath(QStringLiteral("c.db")));
            const auto timedPull = [pageSize](Device &d, bool prefetch, SyncReport &report) {
                SyncEngine engine(*d.store, d.identity, *d.client);
                engine.setPageSize(pageSize);
                engine.setPrefetch(prefetch);
                QElapsedTimer t;
                t.start();
                if (Status s = engine.pull(report); !s)
                    die(s.error().message);
                return double(t.nsecsElapsed()) / 1e6;
            };
            SyncReport serial;
            const double serialMs = timedPull(*c, false, serial);
            say(QStringLiteral("baseline: initial pull (engine + store), one page after the other: "
                               "%1 records in %2 ms = %3 records/s")
                    .arg(serial.pulled)
                    .arg(qRound(serialMs))
                    .arg(qRound(serial.pulled / (serialMs / 1000.0))));
            c.reset();
            SyncReport report;
            const double ms = timedPull(*b, true, report);
            const qint64 received = b->client->bytesReceived();
            const double fetchMs = n / rate * 1000.0;
            say(QStringLiteral("initial pull (engine + store): %1 records in %2 ms = %3 "
                               "records/s (x%4 the one-after-the-other pull; %5% of the "
                               "fetch+verify+decrypt time hidden behind merging)")
                    .arg(report.pulled)
                    .arg(qRound(ms))
                    .arg(qRound(report.pulled / (ms / 1000.0)))
                    .arg(QString::number(serialMs / ms, 'f', 2))
                    .arg(qRound(100.0 * (serialMs - ms) / fetchMs)));
            if (report.pulled > 0)
                say(QStringLiteral("pull wire: %1 bytes, %2 bytes/record (content about %3)")
                        .arg(received)
                        .arg(QString::number(double(received) / report.pulled, 'f', 1))
                        .arg(QString::number(double(contentBytes) / std::max(1, pushN), 'f', 1)));
            QFile load(QStringLiteral("/proc/loadavg"));
            if (load.open(QIODevice::ReadOnly))
                say(QStringLiteral("load average: %1")
                        .arg(QString::fromLatin1(load.readAll().trimmed())));
        }
    }

    // 3. Many devices syncing at once; 200 SQLCipher stores on these 2 cores would measure the
    //    disk, not the service, so the devices are the client's protocol code without a store.
    if (devices > 0) {
        QElapsedTimer t;
        t.start();
        auto fleet = enrolFleet(fx, org.id, devices);
        warmUp(fx, fleet);
        say(QStringLiteral("enrolled %1 devices, synced each once and analysed in %2 ms")
                .arg(devices)
                .arg(t.elapsed()));
        QList<double> p50s, p99s, baseP50s, baseP99s;
        const bool statements = cli.isSet(QStringLiteral("pg-statements"));
        const bool twoWays = cli.isSet(QStringLiteral("requests-baseline"));
        const QString when = spreadMs > 0 ? QStringLiteral("staggered over %1 ms").arg(spreadMs)
                                          : QStringLiteral("at once");
        for (int rep = 0; rep < repeats; ++rep) {
            if (statements)
                resetStatements(fx);
            const FleetResult r = runFleet(fx, fleet, rounds, spreadMs);
            if (statements)
                printStatements(fx, r.syncs);
            p50s.append(r.p50);
            p99s.append(r.p99);
            say(QStringLiteral("%1 simulated devices x %2 rounds (pull + push of one record, "
                               "one request) %3: %4")
                    .arg(devices)
                    .arg(rounds)
                    .arg(when, describe(r)));
            if (twoWays) {
                const FleetResult b = runFleet(fx, fleet, rounds, spreadMs, Exchange::PullThenPush);
                baseP50s.append(b.p50);
                baseP99s.append(b.p99);
                say(QStringLiteral("baseline, pull then push (two requests) %1: %2")
                        .arg(when, describe(b)));
            }
        }
        if (repeats > 1)
            say(QStringLiteral("median of %1 runs: p50 %2 ms, p99 %3 ms")
                    .arg(repeats)
                    .arg(QString::number(median(p50s), 'f', 1),
                         QString::number(median(p99s), 'f', 1)));
        if (twoWays)
            say(QStringLiteral("baseline (two requests), median of %1 runs: p50 %2 ms, p99 %3 ms; "
                               "one request is x%4 at p99")
                    .arg(repeats)
                    .arg(QString::number(median(baseP50s), 'f', 1),
                         QString::number(median(baseP99s), 'f', 1),
                         QString::number(median(baseP99s) / median(p99s), 'f', 2)));
    }

    // 4. The same server-side figures against another build of waypoint-server (the
    //    baseline), in this process, alternating runs so both see the same machine load.
    if (!baselineBin.isEmpty()) {
        // Pull then push unless asked: a baseline server may predate POST /v1/sync.
        const Exchange compareExchange = cli.isSet(QStringLiteral("baseline-one-request"))
                                             ? Exchange::OneRequest
                                             : Exchange::PullThenPush;
        LocalServer bx;
        bx.setServerBinary(baselineBin);
        if (!bx.startDatabase() ||
            !bx.startServer(baselineThreads > 0 ? QStringList{QStringLiteral("--threads"),
                                                              QString::number(baselineThreads)}
                                                : QStringList{}))
            die(QStringLiteral("baseline: ") + bx.lastError());
        const LocalServer::Org borg = bx.createOrganisation(QStringLiteral("Load"));
        struct Side
        {
            QString label;
            LocalServer *fx = nullptr;
            QUuid org, user;
            std::unique_ptr<SyncIdentity> writer = {};
            Fleet fleet = {};
            QList<double> push = {}, pull = {}, p50 = {}, p99 = {}, e2e = {};
        };
        const auto identity = [](LocalServer &f, const QUuid &o, const QUuid &u) {
            return enrolIdentity(f, o, u, QStringLiteral("cmp"));
        };
        const LocalServer::Org cmpOrg = fx.createOrganisation(QStringLiteral("Compare"));
        Side sides[2] = {{QStringLiteral("this build"), &fx, cmpOrg.id, cmpOrg.worker1},
                         {QStringLiteral("baseline"), &bx, borg.id, borg.worker1}};
        for (Side &side : sides) {
            side.writer = identity(*side.fx, side.org, side.user);
            if (devices > 0) {
                side.fleet = enrolFleet(*side.fx, side.org, devices);
                warmUp(*side.fx, side.fleet, compareExchange);
            }
        }
        for (int rep = 0; rep < repeats; ++rep) {
            for (Side &side : sides) {
                if (comparePushN > 0) {
                    // This build's client against either server: a fresh device with
                    // comparePushN entries in its outbox, one engine push.
                    auto d = enrol(
                        *side.fx, side.org, side.user,
                        dir.filePath(
                            QStringLiteral("e2e-%1-%2.db").arg(rep).arg(side.fx == &fx ? 0 : 1)));
                    writeDiary(*d->store, comparePushN);
                    int pushed = 0;
                    side.e2e.append(enginePush(*d, batchSize, &pushed));
                    say(QStringLiteral("%1: push end to end, %2 records: %3 records/s")
                            .arg(side.label)
                            .arg(pushed)
                            .arg(qRound(side.e2e.last())));
                }
                SyncClient client(side.fx->baseUrl());
                client.setCredentials(&side.writer->credentials);
                client.setTimeout(120000);
                side.push.append(
                    serverSidePush(client, *side.writer, compareN, 10'000'000 * (rep + 1)));
                auto reader = identity(*side.fx, side.org, side.user);
                int n = 0;
                side.pull.append(pullWithoutStore(side.fx->baseUrl(), *reader,
                                                  side.writer->keys.signingPublic, pageSize, &n));
                if (devices > 0) {
                    const FleetResult r =
                        runFleet(*side.fx, side.fleet, rounds, spreadMs, compareExchange);
                    side.p50.append(r.p50);
                    side.p99.append(r.p99);
                    say(QStringLiteral("%1: fleet %2").arg(side.label, describe(r)));
                }
                say(QStringLiteral("%1: server side of a push %2 records/s; pull without store "
                                   "(%3 records in the log) %4 records/s")
                        .arg(side.label)
                        .arg(qRound(side.push.last()))
                        .arg(n)
                        .arg(qRound(side.pull.last())));
            }
        }
        const Side &me = sides[0], &base = sides[1];
        say(QStringLiteral("medians over %1 alternating runs, this build vs baseline: push %2 vs "
                           "%3 records/s (x%4), pull %5 vs %6 records/s (x%7)")
                .arg(repeats)
                .arg(qRound(median(me.push)))
                .arg(qRound(median(base.push)))
                .arg(QString::number(median(me.push) / median(base.push), 'f', 2))
                .arg(qRound(median(me.pull)))
                .arg(qRound(median(base.pull)))
                .arg(QString::number(median(me.pull) / median(base.pull), 'f', 2)));
        if (comparePushN > 0)
            say(QStringLiteral("push end to end, medians, this build vs baseline server: %1 vs "
                               "%2 records/s (x%3)")
                    .arg(qRound(median(me.e2e)))
                    .arg(qRound(median(base.e2e)))
                    .arg(QString::number(median(me.e2e) / median(base.e2e), 'f', 2)));
        if (devices > 0)
            say(QStringLiteral("fleet medians, this build vs baseline: p50 %1 vs %2 ms, p99 %3 "
                               "vs %4 ms")
                    .arg(QString::number(median(me.p50), 'f', 1),
                         QString::number(median(base.p50), 'f', 1),
                         QString::number(median(me.p99), 'f', 1),
                         QString::number(median(base.p99), 'f', 1)));
        bx.stopServer();
    }
    fx.stopServer();
    return 0;
}
