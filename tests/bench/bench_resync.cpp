// SPDX-License-Identifier: GPL-3.0-or-later
// The store's side of a resync after 410 resync_required (docs/benchmarks.md, "Resync"): a
// store holding N pulled records marks them all, receives the whole log again in pages of
// 1,000 (each change merged before: confirmed only) and sweeps the 10% the log no longer has.
// Baseline, in the same process: merging the same N records into an empty store (what an
// initial pull costs the store). Usage: bench_resync [N]

#include "Store.h"
#include "Uuid.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>

using namespace wp;

namespace {

constexpr int Page = 1000;

QList<RemoteChange> makeLog(int n)
{
    const QUuid device = QUuid::createUuid();
    const qint64 base = QDateTime::currentMSecsSinceEpoch() - 3600 * 1000;
    QList<RemoteChange> log;
    log.reserve(n);
    for (int i = 0; i < n; ++i) {
        DiaryEntry d;
        d.id = createUuidV7();
        d.text = QStringLiteral("Entry %1: met at the drop-in, talked about housing and benefits")
                     .arg(i);
        d.writtenAt = QDateTime::fromMSecsSinceEpoch(base + i, Qt::UTC);
        d.createdAt = d.writtenAt;
        RemoteChange c;
        c.recordId = d.id;
        c.type = RecordType::DiaryEntry;
        c.fields = d.toFields();
        c.stamp = {base + i, 0, device};
        for (auto it = c.fields.begin(); it != c.fields.end(); ++it)
            c.stamps.insert(it.key().toString(), c.stamp);
        c.serverSeq = std::uint64_t(i + 1);
        log.append(c);
    }
    return log;
}

// Pages of the log, each with its cursor; `keep` filters what the server still has.
qint64 applyPaged(Store &store, const QList<RemoteChange> &log, bool (*keep)(int))
{
    QElapsedTimer t;
    t.start();
    QList<RemoteChange> page;
    for (int i = 0; i < log.size(); ++i) {
        if (keep(i))
            page.append(log.at(i));
        if (page.size() == Page || i + 1 == log.size()) {
            if (!store.applyRemote(page, QByteArray::number(i + 1)))
                qFatal("applyRemote failed");
            page.clear();
        }
    }
    return t.elapsed();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const int n = argc > 1 ? QByteArray(argv[1]).toInt() : 100000;
    QTemporaryDir dir;
    const QList<RemoteChange> log = makeLog(n);
    auto store = Store::open(dir.filePath(QStringLiteral("bench.db")),
                             SecretBytes::random(Store::KeyBytes), Store::Mode::CreateNew);
    if (!store)
        qFatal("open failed");
    Store &s = **store;

    const qint64 initial = applyPaged(s, log, [](int) { return true; });

    QElapsedTimer t;
    t.start();
    if (!s.beginResync())
        qFatal("beginResync failed");
    const qint64 begin = t.elapsed();
    // After compaction the log lacks every tenth record (deleted elsewhere, tombstone dropped).
    const qint64 confirm = applyPaged(s, log, [](int i) { return i % 10 != 0; });
    t.restart();
    int removed = 0;
    qint64 longestStep = 0;
    for (;;) {
        QElapsedTimer step;
        step.start();
        auto r = s.sweepResync(50);
        if (!r)
            qFatal("sweep failed");
        longestStep = std::max(longestStep, step.elapsed());
        removed += r->removed;
        if (!r->more)
            break;
    }
    const qint64 sweep = t.elapsed();
    if (removed != (n + 9) / 10 || s.resyncInProgress())
        qFatal("the sweep removed %d records", removed);

    const qint64 resync = begin + confirm + sweep;
    out << "records " << n << ", removed by the sweep " << removed << '\n'
        << "baseline: merge into an empty store " << initial << " ms ("
        << qRound64(n * 1000.0 / std::max<qint64>(initial, 1)) << " records/s)\n"
        << "resync: mark " << begin << " ms, pages confirmed " << confirm << " ms, sweep " << sweep
        << " ms (longest step " << longestStep << " ms); total " << resync
        << " ms = " << QString::number(double(resync) / std::max<qint64>(initial, 1), 'f', 2)
        << " x the baseline\n";
    return 0;
}
