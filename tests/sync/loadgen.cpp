// waypoint-loadgen: sync figures for docs/benchmarks.md, driving the real client code
// (SyncEngine, ChangeSealer, SyncClient, encrypted stores) against a real waypoint-server and
// PostgreSQL that it starts on loopback (tests/server's fixture) and stops afterwards.
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

#include <QDir>

#include <pqxx/pqxx>

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <functional>
#include <latch>
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
    d->client->setCredentials(&d->identity.credentials);
    d->client->setTimeout(120000);
    return d;
}

// n diary entries saved locally: n outbox entries waiting to be pushed.
void writeDiary(Store &store, int n)
{
    for (int i = 0; i < n; ++i) {
        DiaryEntry e;
        e.text = text(i);
        e.writtenAt = QDateTime::currentDateTimeUtc();
        if (!store.diary().save(e))
            die(QStringLiteral("store write failed"));
    }
}

// One engine push of everything in the device's outbox, in records/s.
double enginePush(Device &d, int batchSize, int *pushed = nullptr)
{
    SyncEngine engine(*d.store, d.identity, *d.client);
    if (batchSize > 0)
        engine.setBatchSize(batchSize);
    SyncReport report;
    QElapsedTimer t;
    t.start();
    if (Status s = engine.push(report); !s)
        die(s.error().message);
    const double rate = report.pushed / (double(t.nsecsElapsed()) / 1e9);
    if (pushed)
        *pushed = report.pushed;
    return rate;
}

double percentile(QList<double> v, double p)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[qsizetype(std::min<double>(double(v.size() - 1), p * double(v.size())))];
}

// A sealed diary entry as the engine would push it, without a store behind it.
wire::Change sealedEntry(HybridClock &clock, const SyncIdentity &id, qint64 changeId, int i)
{
    OutboxEntry e;
    e.seq = changeId;
    e.change.recordId = createUuidV7();
    e.change.type = RecordType::DiaryEntry;
    e.change.stamp = clock.now();
    e.change.fields = DiaryEntry{e.change.recordId,
                                 QDateTime::currentDateTimeUtc(),
                                 text(i),
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
    return ChangeSealer::seal(e, id.privateAudience, id.audienceKeys.at(id.privateAudience));
}

// Pushes n records in batches of 2,000 sealed and signed beforehand; the figure counts only
// the time inside the push requests (encode, HTTP, the server applying the batch, decode).
double serverSidePush(SyncClient &client, const SyncIdentity &id, int n, int first)
{
    const auto &me = id.credentials;
    HybridClock clock(me.deviceId);
    qint64 ns = 0;
    for (int done = 0; done < n;) {
        wire::PushRequest batch;
        batch.deviceId = me.deviceId;
        batch.sequence = std::uint64_t(first + done + 1);
        batch.audiences.append({id.privateAudience,
                                {{me.userId, crypto::sealTo(id.audienceKeys.at(id.privateAudience),
                                                            id.keys.encryptionPublic)}}});
        QList<QByteArray> digests;
        for (int i = 0; i < 2000 && done < n; ++i, ++done) {
            batch.changes.append(sealedEntry(clock, id, first + done + 1, done));
            digests.append(crypto::changeDigest(batch.changes.last()));
        }
        batch.signature = crypto::signManifest(
            id.keys.signingSecret, wire::manifestBytes(me.organisationId, me.userId, me.deviceId,
                                                       batch.sequence, digests));
        QElapsedTimer t;
        t.start();
        auto r = client.push(batch);
        ns += t.nsecsElapsed();
        if (!r || r->applied.size() != batch.changes.size())
            die(QStringLiteral("push failed: %1")
                    .arg(r ? QStringLiteral("not applied") : r.error().message));
    }
    return n / (double(ns) / 1e9);
}

// Fetches every page from 0, verifies signatures and digests and decrypts, without a store.
double pullWithoutStore(const QString &url, SyncIdentity &reader, const QByteArray &signingKey,
                        int pageSize, int *count)
{
    SyncClient client(url);
    client.setCredentials(&reader.credentials);
    client.setTimeout(120000);
    std::uint64_t since = 0;
    int n = 0;
    QElapsedTimer t;
    t.start();
    for (;;) {
        auto page = client.pull(since, pageSize);
        if (!page)
            die(page.error().message);
        for (const wire::AudienceGrant &g : page->audienceKeys)
            if (!reader.hasAudienceKey(g.audienceId)) {
                auto k = crypto::openSealed(g.sealedKey, reader.keys);
                if (!k)
                    die(k.error().message);
                reader.audienceKeys.emplace(g.audienceId, std::move(*k));
            }
        QList<QSet<QByteArray>> digests;
        for (const wire::Manifest &m : page->manifests) {
            if (!crypto::verifyManifest(signingKey,
                                        wire::manifestBytes(reader.credentials.organisationId,
                                                            m.authorId, m.deviceId, m.sequence,
                                                            m.digests),
                                        m.signature))
                die(QStringLiteral("bad signature"));
            digests.append(QSet<QByteArray>(m.digests.begin(), m.digests.end()));
        }
        for (const wire::Change &c : page->changes) {
            if (!digests.at(c.manifestIndex).contains(crypto::changeDigest(c)))
                die(QStringLiteral("a change is not in its manifest"));
            if (!ChangeSealer::open(c, reader.audienceKeys.at(c.audienceId)))
                die(QStringLiteral("cannot open"));
            ++n;
        }
        since = page->cursor;
        if (!page->more)
            break;
    }
    *count = n;
    return n / (double(t.nsecsElapsed()) / 1e9);
}

// CPU seconds (user + system) spent so far, per side of the measure: this process (the
// simulated devices), the server process, and the PostgreSQL cluster (postmaster, its live
// children and the ones that exited), plus the whole machine's busy time (other work on the
// machine shows as the difference).
struct CpuSample
{
    double devices = 0, server = 0, postgres = 0, machine = 0;
};

// Fields of /proc/PID/stat after the command name: [0] state, [1] ppid, [11] utime,
// [12] stime, [13] cutime, [14] cstime (in clock ticks).
QList<QByteArray> procStat(const QString &pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray line = f.readAll();
    return line.mid(line.lastIndexOf(')') + 2).split(' ');
}

double ticks(const QList<QByteArray> &stat, std::initializer_list<int> fields)
{
    static const double perSecond = double(sysconf(_SC_CLK_TCK));
    double sum = 0;
    for (int i : fields)
        sum += i < stat.size() ? stat[i].toDouble() : 0;
    return sum / perSecond;
}

CpuSample sampleCpu(const ServerFixture &fx)
{
    CpuSample s;
    rusage self{};
    getrusage(RUSAGE_SELF, &self);
    s.devices = double(self.ru_utime.tv_sec + self.ru_stime.tv_sec) +
                double(self.ru_utime.tv_usec + self.ru_stime.tv_usec) / 1e6;
    if (const qint64 pid = fx.serverPid())
        s.server = ticks(procStat(QString::number(pid)), {11, 12});
    if (const qint64 pm = fx.postgresPid()) {
        s.postgres = ticks(procStat(QString::number(pm)), {11, 12, 13, 14});
        const QByteArray parent = QByteArray::number(pm);
        for (const QString &pid : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
            if (!pid.front().isDigit())
                continue;
            const QList<QByteArray> st = procStat(pid);
            if (st.size() > 12 && st[1] == parent)
                s.postgres += ticks(st, {11, 12});
        }
    }
    QFile stat(QStringLiteral("/proc/stat"));
    if (stat.open(QIODevice::ReadOnly)) {
        // "cpu  user nice system idle iowait irq softirq steal ...": busy = all but idle, iowait.
        const QList<QByteArray> f = stat.readLine().simplified().split(' ');
        for (int i = 1; i < f.size() && i <= 8; ++i)
            if (i != 4 && i != 5)
                s.machine += f[i].toDouble() / double(sysconf(_SC_CLK_TCK));
    }
    return s;
}

double loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly) ? f.readAll().split(' ').value(0).toDouble() : 0;
}

struct FleetResult
{
    double p50 = 0, p99 = 0, max = 0, rate = 0;
    int errors = 0;
    QString firstError;
    int syncs = 0;
    CpuSample cpu;   // CPU seconds spent during the run, per side
    double load = 0; // 1-minute load average at the end
};

// A simulated device: an enrolled identity, the cursor its last pull stored and the next
// batch sequence, both kept from one run to the next as a device keeps them in its store.
struct SimDevice
{
    std::unique_ptr<SyncIdentity> identity;
    std::uint64_t cursor = 0;
    std::uint64_t sequence = 0;
};

// How a simulated device syncs: as the engine does now (one POST /v1/sync carrying the batch;
// the audience's sealed key only until the server has applied a change), or as it did before
// (GET /v1/pull, then POST /v1/push with the sealed key every time), the same-process
// baseline and the only way an older server (--baseline-server) understands.
enum class Exchange { OneRequest, PullThenPush };

// One thread per simulated device, started once with the fleet, as a phone's sync thread is
// there before it syncs. Starting and ending 200 threads inside every run made the devices'
// share of these 2 cores a fifth larger than their syncing does (stacks, arenas, exits), and
// that is the load generator's cost, not the service's. Each run still connects anew.
class DeviceThreads
{
public:
    explicit DeviceThreads(int n)
    {
        for (int i = 0; i < n; ++i) {
            m_threads.push_back(QThread::create([this, i] { serve(i); }));
            m_threads.back()->start();
        }
    }
    ~DeviceThreads()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_changed.notify_all();
        for (QThread *t : m_threads) {
            t->wait();
            delete t;
        }
    }
    DeviceThreads(const DeviceThreads &) = delete;
    DeviceThreads &operator=(const DeviceThreads &) = delete;

    // Every thread takes `body` and waits for go(), which lets them all start body(i) at the
    // same instant; finish() returns once every body has returned.
    void ready(std::function<void(int)> body)
    {
        {
            std::lock_guard lock(m_mutex);
            m_body = std::move(body);
            m_go = std::make_unique<std::latch>(1);
            m_running = int(m_threads.size());
            ++m_generation;
        }
        m_changed.notify_all();
    }
    void go() { m_go->count_down(); }
    void finish()
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_running == 0; });
    }

private:
    void serve(int i)
    {
        std::uint64_t seen = 0;
        std::unique_lock lock(m_mutex);
        for (;;) {
            m_changed.wait(lock, [&] { return m_stop || m_generation != seen; });
            if (m_stop)
                return;
            seen = m_generation;
            std::latch *go = m_go.get();
            lock.unlock();
            go->wait();
            m_body(i);
            lock.lock();
            if (--m_running == 0)
                m_changed.notify_all();
        }
    }

    std::vector<QThread *> m_threads;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::function<void(int)> m_body;
    std::unique_ptr<std::latch> m_go;
    std::uint64_t m_generation = 0;
    int m_running = 0;
    bool m_stop = false;
};

struct Fleet
{
    std::vector<SimDevice> devices;
    std::unique_ptr<DeviceThreads> threads;
};

// Simulated devices (the client's protocol code without a store), each on its own thread and
// its own kept-alive connection: per round a pull from its cursor, then a push of one record.
FleetResult runFleet(const ServerFixture &fx, Fleet &fleet, int rounds, int spreadMs,
                     Exchange exchange = Exchange::OneRequest)
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
                     {{id->credentials.userId, crypto::sealTo(key, id->keys.encryptionPublic)}}});
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

Fleet enrolFleet(ServerFixture &fx, const QUuid &org, int n)
{
    Fleet fleet;
    for (int i = 0; i < n; ++i) {
        const QUuid user = QUuid::fromString(
            fx.admin({QStringLiteral("create-user"), QStringLiteral("--org"), idText(org),
                      QStringLiteral("--name"), QStringLiteral("w%1").arg(i),
                      QStringLiteral("--role"), QStringLiteral("worker")}));
        auto id = SyncIdentity::enrol(fx.baseUrl(), fx.issueCode(org, user), QStringLiteral("sim"),
                                      QStringLiteral("linux"), QStringLiteral("loadgen passphrase"),
                                      crypto::KeyBackupCost::minimal());
        if (!id)
            die(id.error().message);
        fleet.devices.push_back({std::make_unique<SyncIdentity>(std::move(*id))});
    }
    fleet.threads = std::make_unique<DeviceThreads>(n);
    return fleet;
}

// Before the measured runs: every device syncs once (staggered over a second), as enrolled
// devices in the field have, and the database's statistics are brought up to date, as
// autovacuum does on a server that has been running (within a minute of a table's growth).
// Without it the planner sees tables it believes empty and its cached plans scan them.
void warmUp(const ServerFixture &fx, Fleet &fleet, Exchange exchange = Exchange::OneRequest)
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
    // grows every process's memory (sockets, sessions, arenas): about 130 ms at p99 where the
    // next bursts take 70-90 (docs/benchmarks.md). A server that has been running has done
    // both before; so the warm-up ends with one burst, which is not measured.
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

// With --pg-statements, where PostgreSQL's time went during the last fleet run (needs
// pg_stat_statements in shared_preload_libraries: WAYPOINT_PG_EXTRA_CONF, see scripts/pg).
void resetStatements(const ServerFixture &fx)
{
    try {
        pqxx::connection c(fx.databaseUrl().toStdString());
        pqxx::nontransaction w(c);
        w.exec("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        w.exec("SELECT pg_stat_statements_reset()");
    } catch (const std::exception &e) {
        say(QStringLiteral("pg_stat_statements unavailable: %1")
                .arg(QString::fromLocal8Bit(e.what())));
    }
}

void printStatements(const ServerFixture &fx, int syncs)
{
    try {
        pqxx::connection c(fx.databaseUrl().toStdString());
        pqxx::nontransaction w(c);
        say(QStringLiteral("PostgreSQL statements (per sync: calls, ms of execution):"));
        for (const auto &r :
             w.exec("SELECT calls, total_exec_time, total_plan_time, left(regexp_replace(query, "
                    "'\\s+', ' ', 'g'), 110) FROM pg_stat_statements ORDER BY total_exec_time "
                    "DESC LIMIT 12"))
            say(QStringLiteral("  %1 calls, %2 ms exec, %3 ms plan: %4")
                    .arg(r[0].as<double>() / syncs, 0, 'f', 2)
                    .arg(r[1].as<double>() / syncs, 0, 'f', 3)
                    .arg(r[2].as<double>() / syncs, 0, 'f', 3)
                    .arg(QString::fromStdString(r[3].as<std::string>())));
    } catch (const std::exception &e) {
        say(QStringLiteral("pg_stat_statements unavailable: %1")
                .arg(QString::fromLocal8Bit(e.what())));
    }
}

double median(QList<double> v)
{
    return percentile(std::move(v), 0.5);
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
                                  "off, as the tests do and as figures before 2026-11-24 were)")});
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
    // This build's server is event-driven and keeps its own default number of threads, as
    // does a baseline from session 9 on. One built on cpp-httplib (before) serves a kept-alive
    // connection on one thread for as long as it is open: give it --baseline-threads 208.
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
    ServerFixture fx;
    if (!fx.startDatabase() || !fx.startServer(serverArgs))
        die(fx.lastError());
    QTemporaryDir dir;
    const ServerFixture::Org org = fx.createOrganisation(QStringLiteral("Load"));
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
        ServerFixture bx;
        bx.setServerBinary(baselineBin);
        if (!bx.startDatabase() ||
            !bx.startServer(baselineThreads > 0 ? QStringList{QStringLiteral("--threads"),
                                                              QString::number(baselineThreads)}
                                                : QStringList{}))
            die(QStringLiteral("baseline: ") + bx.lastError());
        const ServerFixture::Org borg = bx.createOrganisation(QStringLiteral("Load"));
        struct Side
        {
            QString label;
            ServerFixture *fx = nullptr;
            QUuid org, user;
            std::unique_ptr<SyncIdentity> writer = {};
            Fleet fleet = {};
            QList<double> push = {}, pull = {}, p50 = {}, p99 = {}, e2e = {};
        };
        const auto identity = [](ServerFixture &f, const QUuid &o, const QUuid &u) {
            auto id = SyncIdentity::enrol(
                f.baseUrl(), f.issueCode(o, u), QStringLiteral("cmp"), QStringLiteral("linux"),
                QStringLiteral("loadgen passphrase"), crypto::KeyBackupCost::minimal());
            if (!id)
                die(id.error().message);
            return std::make_unique<SyncIdentity>(std::move(*id));
        };
        const ServerFixture::Org cmpOrg = fx.createOrganisation(QStringLiteral("Compare"));
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
