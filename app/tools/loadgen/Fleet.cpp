// SPDX-License-Identifier: GPL-3.0-or-later
#include "Fleet.h"

#include "ChangeSealer.h"
#include "LocalServer.h"
#include "OneDevice.h"
#include "Uuid.h"
#include "crypto/AudienceKeySignature.h"
#include "crypto/BatchSignature.h"
#include "crypto/Envelope.h"
#include "wire/Codec.h"

#include <QElapsedTimer>

#include <pqxx/pqxx>

#include <algorithm>

namespace wp::loadgen {

using namespace wp::sync;

FleetResult runFleet(const LocalServer &fx, Fleet &fleet, int rounds, int spreadMs,
                     Exchange exchange)
{
    const int devices = int(fleet.devices.size());
    std::mutex mutex;
    QList<double> latencies;
    FleetResult out;
    fleet.threads->ready([&](int i) {
        SimDevice *device = &fleet.devices[std::size_t(i)];
        SyncIdentity *id = device->identity.get();
        SyncClient client(id->credentials.serverUrl);
        client.setCredentials(&id->credentials);
        client.setTimeout(60000);
        HybridClock clock(id->credentials.deviceId);
        const SecretBytes &key = id->audienceKeys.at(id->privateAudience);
        std::uint64_t &cursor = device->cursor;
        QElapsedTimer since;
        since.start();
        for (int r = 0; r < rounds; ++r) {
            if (spreadMs > 0) {
                const qint64 due = qint64(spreadMs) * i / devices + qint64(spreadMs) * r;
                if (const qint64 wait = due - since.elapsed(); wait > 0)
                    QThread::msleep(std::uint64_t(wait));
            }
            QElapsedTimer lt;
            lt.start();
            QString failure;
            const std::uint64_t seq = ++device->sequence;
            OutboxEntry e;
            e.seq = qint64(seq);
            e.change.recordId = createUuidV7();
            e.change.type = RecordType::DiaryEntry;
            e.change.stamp = clock.now();
            e.change.fields = {{QStringLiteral("text"), text(i * 1000 + int(seq))}};
            e.change.stamps.insert(QStringLiteral("text"), e.change.stamp);
            wire::PushRequest batch;
            batch.deviceId = id->credentials.deviceId;
            batch.sequence = seq;
            if (exchange == Exchange::PullThenPush || !id->privateAudienceKnown)
                batch.audiences.append(
                    {id->privateAudience,
                     {{id->credentials.userId,
                       crypto::signAudienceKey(id->keys.signingSecret, id->privateAudience,
                                               id->credentials.userId,
                                               crypto::sealTo(key, id->keys.encryptionPublic))}}});
            batch.changes.append(ChangeSealer::seal(e, id->privateAudience, key));
            batch.signature = crypto::signManifest(
                id->keys.signingSecret,
                wire::manifestBytes(id->credentials.organisationId, id->credentials.userId,
                                    batch.deviceId, batch.sequence,
                                    {crypto::changeDigest(batch.changes[0])}));
            const auto received = [&](const wire::PullResponse &page) {
                for (const wire::Change &c : page.changes)
                    if (!ChangeSealer::open(c, key))
                        failure = QStringLiteral("cannot open");
                cursor = page.cursor;
            };
            const auto answered = [&](const Result<wire::PushResponse> &pushed) {
                if (!pushed || pushed->applied.size() != 1)
                    failure = pushed ? QStringLiteral("not applied") : pushed.error().message;
                else
                    id->privateAudienceKnown = true;
            };
            if (exchange == Exchange::OneRequest) {
                auto both = client.sync(cursor, 1000, &batch);
                if (!both) {
                    failure = both.error().message;
                } else {
                    received(both->pull);
                    answered(both->push.value_or(Error(ErrorCode::Protocol, {})));
                }
            } else {
                // Pull first, as the engine did.
                auto page = client.pull(cursor, 1000);
                if (!page)
                    failure = page.error().message;
                else
                    received(*page);
                answered(client.push(batch));
            }
            const double ms = double(lt.nsecsElapsed()) / 1e6;
            std::lock_guard lock(mutex);
            if (!failure.isEmpty()) {
                ++out.errors;
                if (out.firstError.isEmpty())
                    out.firstError = failure;
            } else {
                latencies.append(ms);
            }
        }
    });
    QThread::msleep(500);
    const CpuSample before = sampleCpu(fx);
    QElapsedTimer t;
    t.start();
    fleet.threads->go();
    fleet.threads->finish();
    const double wall = double(t.nsecsElapsed()) / 1e6;
    const CpuSample after = sampleCpu(fx);
    out.cpu = {after.devices - before.devices, after.server - before.server,
               after.postgres - before.postgres, after.machine - before.machine};
    out.syncs = int(latencies.size()) + out.errors;
    out.load = loadAverage();
    out.p50 = percentile(latencies, 0.50);
    out.p99 = percentile(latencies, 0.99);
    out.max = percentile(latencies, 1.0);
    out.rate = latencies.size() / (wall / 1000.0);
    return out;
}

Fleet enrolFleet(LocalServer &fx, const QUuid &org, int n)
{
    Fleet fleet;
    for (int i = 0; i < n; ++i) {
        const QUuid user = QUuid::fromString(
            fx.admin({QStringLiteral("create-user"), QStringLiteral("--org"), idText(org),
                      QStringLiteral("--name"), QStringLiteral("w%1").arg(i),
                      QStringLiteral("--role"), QStringLiteral("worker")}));
        fleet.devices.push_back({enrolIdentity(fx, org, user, QStringLiteral("sim"))});
    }
    fleet.threads = std::make_unique<DeviceThreads>(n);
    return fleet;
}

void warmUp(const LocalServer &fx, Fleet &fleet, Exchange exchange)
{
    (void)runFleet(fx, fleet, 1, 1000, exchange);
    try {
        pqxx::connection c(fx.databaseUrl().toStdString());
        pqxx::nontransaction w(c);
        w.exec("ANALYZE");
    } catch (const std::exception &e) {
        die(QStringLiteral("ANALYZE failed: %1").arg(QString::fromLocal8Bit(e.what())));
    }
    // ANALYZE drops every connection's cached plans, and the first burst after a start also
    // grows every process's memory (sockets, sessions, arenas), which makes it much slower
    // than the next ones. A server that has been running has done both before; so the
    // warm-up ends with one burst, which is not measured.
    (void)runFleet(fx, fleet, 1, 0, exchange);
}

QString describe(const FleetResult &r)
{
    const auto perSync = [&](double seconds) {
        return QString::number(seconds * 1000.0 / std::max(1, r.syncs), 'f', 2);
    };
    return QStringLiteral("p50 %1 ms, p99 %2 ms, max %3 ms, %4 errors%5, %6 syncs/s; CPU per "
                          "sync: devices %7 ms, server %8 ms, PostgreSQL %9 ms, whole machine "
                          "%10 ms; load %11")
        .arg(QString::number(r.p50, 'f', 1), QString::number(r.p99, 'f', 1),
             QString::number(r.max, 'f', 1))
        .arg(r.errors)
        .arg(r.firstError.isEmpty() ? QString() : QStringLiteral(" (") + r.firstError + u')')
        .arg(qRound(r.rate))
        .arg(perSync(r.cpu.devices), perSync(r.cpu.server), perSync(r.cpu.postgres),
             perSync(r.cpu.machine))
        .arg(r.load, 0, 'f', 1);
}

} // namespace wp::loadgen
