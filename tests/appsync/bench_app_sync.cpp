// SPDX-License-Identifier: GPL-3.0-or-later
// How the app's sync keeps the UI thread free (docs/benchmarks.md, "App sync"): the engine
// runs on the sync thread and every store call hops to the UI thread (StoreRelay). Measures,
// against a real waypoint-server and PostgreSQL on loopback: pushing N diary entries from the
// app, and pulling N entries written by a second device into the app, each with the longest
// gap between ticks of a 1 ms timer on the UI thread (what a user would feel as a stall).
// Baseline in the same process: the same push by a headless device calling its store
// directly on one thread (StoreLedger). Not a CTest test.
#include "AppContext.h"
#include "Enrolment.h"
#include "FirstDeviceKeys.h"
#include "LocalServer.h"
#include "Store.h"
#include "SyncEngine.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QTimer>

using namespace wp;
using namespace wp::client;
using namespace wp::sync;

namespace {

struct Stall
{
    QElapsedTimer clock;
    qint64 last = 0;
    qint64 worst = 0;
    QTimer tick;
    Stall()
    {
        tick.setInterval(1);
        QObject::connect(&tick, &QTimer::timeout, [this] {
            const qint64 now = clock.elapsed();
            worst = std::max(worst, now - last);
            last = now;
        });
    }
    void start()
    {
        clock.start();
        last = 0;
        worst = 0;
        tick.start();
    }
};

Status fill(Store &store, int n, const QString &prefix)
{
    auto batch = store.batch();
    if (!batch)
        return batch.error();
    for (int i = 0; i < n; ++i) {
        DiaryEntry e;
        e.text =
            QStringLiteral("%1 %2: met at the drop-in, talked about housing").arg(prefix).arg(i);
        e.writtenAt = QDateTime::currentDateTimeUtc();
        if (auto saved = store.diary().save(e); !saved)
            return saved.error();
    }
    return batch->commit();
}

// Forwards to the store on this thread and keeps the longest single call of each kind: what
// one relayed hop costs the UI thread.
class TimedLedger final : public SyncLedger
{
public:
    explicit TimedLedger(Store &store) : m_inner(store) {}
    template <typename F> auto timed(qint64 &worst, F f)
    {
        QElapsedTimer t;
        t.start();
        auto r = f();
        worst = std::max(worst, t.elapsed());
        return r;
    }

    qint64 worstMergeMs = 0;
    qint64 worstOtherMs = 0;

    Result<QList<OutboxEntry>> pendingChanges(int limit, qint64 after) override
    {
        return timed(worstOtherMs, [&] { return m_inner.pendingChanges(limit, after); });
    }
    Status markApplied(const QList<qint64> &seqs) override
    {
        return timed(worstOtherMs, [&] { return m_inner.markApplied(seqs); });
    }
    Status markFailed(const QList<std::pair<qint64, QString>> &f, qint64 now) override
    {
        return m_inner.markFailed(f, now);
    }
    Result<qint64> pendingCount() override { return m_inner.pendingCount(); }
    Result<qint64> failedCount() override { return m_inner.failedCount(); }
    Result<qint64> setAsideCount() override { return m_inner.setAsideCount(); }
    Result<QList<UserKeyPin>> keyPins() override { return m_inner.keyPins(); }
    Status recordKeys(const QList<UserKeyPin> &seen) override { return m_inner.recordKeys(seen); }
    Result<HlcStamp> clockNow() override { return m_inner.clockNow(); }
    Result<QByteArray> syncCursor() override { return m_inner.syncCursor(); }
    Result<MergeReport> applyRemote(const QList<RemoteChange> &c, const QByteArray &cur,
                                    const QList<SetAsideChange> &skipped,
                                    const QUuid &localUser) override
    {
        return timed(worstMergeMs, [&] { return m_inner.applyRemote(c, cur, skipped, localUser); });
    }
    Status forgetIdentity() override { return m_inner.forgetIdentity(); }

private:
    StoreLedger m_inner;
};

// A headless device's identity of `user`, enrolled with a new code (cheap key backup).
std::optional<SyncIdentity> enrolled(LocalServer &fx, const QUuid &org, const QUuid &user,
                                     const QString &name, QString recoveryKey)
{
    Enrolment enrolment(nullptr, EnrolmentOptions{crypto::KeyBackupCost::minimal()});
    if (enrolment.enrol(fx.baseUrl(), fx.issueCode(org, user), name, QStringLiteral("bench"),
                        recoveryKey) != Enrolment::Outcome::Done)
        return std::nullopt;
    return enrolment.takeIdentity();
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QTextStream out(stdout);
    const int n = argc > 1 ? QByteArray(argv[1]).toInt() : 5000;

    LocalServer fx;
    if (!fx.startDatabase() || !fx.startServer()) {
        out << "server: " << fx.lastError() << '\n';
        return 1;
    }
    const auto org = fx.createOrganisation(QStringLiteral("Bench"));
    QTemporaryDir dir;

    VaultPolicy policy;
    policy.kdf = KdfParams::fastForTests();
    SyncOptions options;
    options.watchConnectivity = false;
    options.backupCost = crypto::KeyBackupCost::minimal();
    options.policy.periodicMs = 3600 * 1000;
    AppContext context(Session::Options{dir.filePath(QStringLiteral("app")), policy, 6}, options);
    Session *session = context.session();
    SyncConnection *connection = context.connection();
    SyncStatus *sync = context.sync();
    session->createPin(QStringLiteral("246810"), QStringLiteral("246810"));
    session->waitForIdle();
    QSignalSpy runs(sync, &SyncStatus::runFinished);
    connection->enrol(fx.baseUrl(), fx.issueCode(org.id, org.worker1));
    const QString recoveryKey = wp::test::finishFirstDevice(connection);
    if (recoveryKey.isEmpty())
        return 1;
    if (!QTest::qWaitFor([&] { return runs.count() >= 1 && !sync->busy(); }, 30000))
        return 1;

    Stall stall;
    // 1. The app pushes n entries.
    if (!fill(*session->store(), n, QStringLiteral("App")).ok())
        return 1;
    runs.clear();
    stall.start();
    QElapsedTimer t;
    t.start();
    sync->syncNow();
    if (!QTest::qWaitFor([&] { return runs.count() >= 1; }, 300000))
        return 1;
    const qint64 appPushMs = t.elapsed();
    const qint64 appPushStall = stall.worst;
    const bool pushedAll = sync->pendingCount() == 0 && sync->state() == SyncStatus::Idle;

    // 2. Baseline: a headless device of the same user pushes n entries, store on its thread.
    auto store = Store::open(dir.filePath(QStringLiteral("other.db")),
                             SecretBytes::random(Store::KeyBytes), Store::Mode::CreateNew);
    auto id = enrolled(fx, org.id, org.worker1, QStringLiteral("bench"), recoveryKey);
    if (!store || !id)
        return 1;
    SyncClient client(fx.baseUrl());
    {
        SyncEngine first(**store, *id, client);
        (void)first.pull(*std::make_unique<SyncReport>()); // catch up first: only the push is timed
    }
    if (!fill(**store, n, QStringLiteral("Tablet")).ok())
        return 1;
    t.restart();
    SyncEngine engine(**store, *id, client);
    engine.setBatchSize(200);
    SyncReport direct;
    const bool directOk = engine.push(direct).ok();
    const qint64 directPushMs = t.elapsed();

    // 3. The app pulls the tablet's n entries.
    runs.clear();
    stall.start();
    t.restart();
    sync->syncNow();
    if (!QTest::qWaitFor([&] { return runs.count() >= 1; }, 300000))
        return 1;
    const qint64 appPullMs = t.elapsed();
    const qint64 appPullStall = stall.worst;
    const int pulled = sync->pulled();
    // What the run's end costs the UI thread on top: every list refreshed in place, as
    // AppContext does when a run merged changes (the app's own handler, run again here).
    t.restart();
    Q_EMIT sync->remoteChangesApplied();
    const qint64 refreshMs = t.elapsed();

    // 4. Baseline for the pull: a fresh headless device pulls the same log on one thread.
    auto fresh = Store::open(dir.filePath(QStringLiteral("fresh.db")),
                             SecretBytes::random(Store::KeyBytes), Store::Mode::CreateNew);
    auto freshId = enrolled(fx, org.id, org.worker1, QStringLiteral("fresh"), recoveryKey);
    if (!fresh || !freshId)
        return 1;
    TimedLedger timed(**fresh);
    SyncEngine freshEngine(timed, *freshId, client);
    freshEngine.setPageSize(200);
    SyncReport freshReport;
    t.restart();
    const bool freshOk = freshEngine.pull(freshReport).ok();
    const qint64 directPullMs = t.elapsed();

#ifdef NDEBUG
    const char *build = "optimised build";
#else
    const char *build = "Debug build";
#endif
    out << "records " << n << " (diary entries), pages/batches of 200, " << build << '\n'
        << "app push (relayed): " << appPushMs << " ms, "
        << qint64(n) * 1000 / std::max<qint64>(1, appPushMs) << " rec/s, longest UI-thread gap "
        << appPushStall << " ms, all pushed: " << pushedAll << '\n'
        << "headless push (direct, baseline): " << directPushMs << " ms, "
        << qint64(n) * 1000 / std::max<qint64>(1, directPushMs) << " rec/s, ok " << directOk
        << ", pushed " << direct.pushed << '\n'
        << "ratio relayed/direct push time: "
        << double(appPushMs) / std::max<qint64>(1, directPushMs) << '\n'
        << "app pull (relayed): " << appPullMs << " ms, pulled " << pulled << ", "
        << qint64(pulled) * 1000 / std::max<qint64>(1, appPullMs)
        << " rec/s, longest UI-thread gap " << appPullStall << " ms, state " << int(sync->state())
        << ' ' << sync->detailText() << '\n'
        << "lists refreshed in place after the pull: " << refreshMs << " ms\n"
        << "headless pull (direct, baseline): " << directPullMs << " ms, pulled "
        << freshReport.pulled << ", ok " << freshOk
        << ", longest single applyRemote of 200: " << timed.worstMergeMs
        << " ms, longest other store call: " << timed.worstOtherMs << " ms\n";
    session->lock();
    return 0;
}
