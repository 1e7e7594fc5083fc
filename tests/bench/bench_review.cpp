// SPDX-License-Identifier: GPL-3.0-or-later
// The supervisor's review queue on a large store (target: the first screen in < 100 ms):
// N diary entries shared by 12 workers over the last year, stored as a pull stores them, a
// review mark on 60 % of them, 2,000 of the supervisor's own entries; then the queue's first
// page of 50 (Reviews::queue), unfiltered, by worker and by theme, and the review queue
// model's first page (ReviewQueueModel, rows formatted as the screen shows them), each 50
// times. Baseline: the diary list's first page of 50 in the same store.
// Usage: bench_review [N] (default 50000)

#include "ReviewQueueModel.h"
#include "Reviews.h"
#include "Store.h"
#include "Uuid.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>

using namespace wp;

namespace {

constexpr int Runs = 50;

template <class F> double measure(QTextStream &out, const char *name, F &&run)
{
    QList<double> ms;
    for (int i = 0; i < Runs; ++i) {
        QElapsedTimer t;
        t.start();
        run();
        ms.append(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    out << name << ": median " << QString::number(ms[Runs / 2], 'f', 2) << " ms, p95 "
        << QString::number(ms[Runs * 95 / 100], 'f', 2) << " ms\n";
    out.flush();
    return ms[Runs * 95 / 100];
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const int n = argc > 1 ? QByteArray(argv[1]).toInt() : 50000;
    QTemporaryDir dir;
    auto opened = Store::open(dir.filePath(QStringLiteral("bench.db")),
                              SecretBytes::random(Store::KeyBytes), Store::Mode::CreateNew);
    if (!opened)
        qFatal("open failed");
    Store &store = **opened;
    QRandomGenerator rng(23);
    const QUuid me = createUuidV7();
    QList<QUuid> workers;
    for (int i = 0; i < 12; ++i)
        workers.append(createUuidV7());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 year = 365LL * 24 * 3600 * 1000;
    const QList<DiaryTheme> themes = allOf<DiaryTheme>();

    QElapsedTimer fill;
    fill.start();
    QList<QUuid> entries;
    for (int done = 0; done < n;) {
        QList<RemoteChange> changes;
        for (int i = 0; i < 1000 && done < n; ++i, ++done) {
            DiaryEntry d;
            d.id = createUuidV7();
            d.writtenAt = QDateTime::fromMSecsSinceEpoch(now - year + year / n * done, Qt::UTC);
            d.createdAt = d.writtenAt;
            d.text = QStringLiteral("A long shift; what happened, how I felt and what I will "
                                    "do next time.");
            d.themes = {themes[int(rng.bounded(int(themes.size())))]};
            d.shared = true;
            RemoteChange c;
            c.recordId = d.id;
            c.type = RecordType::DiaryEntry;
            c.fields = d.toFields();
            c.stamp = {now - 1000, 0, createUuidV7()};
            for (auto it = c.fields.constBegin(); it != c.fields.constEnd(); ++it)
                c.stamps.insert(it.key().toString(), c.stamp);
            c.author = workers[done % workers.size()];
            changes.append(std::move(c));
            entries.append(d.id);
        }
        if (!store.applyRemote(changes, store.syncCursor(), {}, me))
            qFatal("merge failed");
    }
    {
        Reviews reviews(store, me);
        auto batch = store.batch();
        for (int i = 0; i < n; ++i)
            if (rng.bounded(10) < 6 && !reviews.markReviewed(entries[i]))
                qFatal("mark failed");
        for (int i = 0; i < 2000; ++i) {
            DiaryEntry d;
            d.writtenAt = QDateTime::fromMSecsSinceEpoch(now - year / 2000 * i, Qt::UTC);
            d.text = QStringLiteral("My own entry");
            if (!store.diary().save(d))
                qFatal("save failed");
        }
        if (!batch || !batch->commit())
            qFatal("commit failed");
    }
    out << n << " shared entries from 12 workers, about 60 % reviewed, 2,000 own entries ("
        << fill.elapsed() / 1000 << " s to write)\n";

    Reviews reviews(store, me);
    int shown = 0;
    const double first = measure(out, "review queue, first page of 50",
                                 [&] { shown = int(reviews.queue().value().items.size()); });
    measure(out, "review queue by worker, first page of 50", [&] {
        reviews.queue({workers[3], std::nullopt}).value();
    });
    measure(out, "review queue by theme, first page of 50", [&] {
        reviews.queue({QUuid(), themes[2]}).value();
    });
    client::ReviewQueueModel model;
    model.setPeople(me, {}, {});
    model.setStore(&store);
    measure(out, "review queue model, first page of 50 (reload)", [&] { model.reload(); });
    const double baseline = measure(out, "baseline: diary list, first page of 50",
                                    [&] { store.diary().list().value(); });
    out << shown << " rows on the first page; first page / baseline = "
        << QString::number(first / baseline, 'f', 2) << "\n";
    return 0;
}
