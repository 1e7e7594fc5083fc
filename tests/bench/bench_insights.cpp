// SPDX-License-Identifier: GPL-3.0-or-later
// The Insights figures on a large store (target: each chart's data under 50 ms, p95):
// N encounters and N/5 diary entries over the last year, 300 participants, then each
// aggregate of InsightQueries run 50 times. Usage: bench_insights [N] (default 100000)

#include "InsightQueries.h"
#include "Store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>

using namespace wp;

namespace {

constexpr int Runs = 50;

template <class F> void measure(QTextStream &out, const char *name, F &&run)
{
    QList<double> ms;
    for (int i = 0; i < Runs; ++i) {
        QElapsedTimer t;
        t.start();
        run();
        ms.append(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    out << name << ": median " << QString::number(ms[Runs / 2], 'f', 1) << " ms, p95 "
        << QString::number(ms[Runs * 95 / 100], 'f', 1) << " ms\n";
    out.flush();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const int n = argc > 1 ? QByteArray(argv[1]).toInt() : 100000;
    QTemporaryDir dir;
    auto opened = Store::open(dir.filePath(QStringLiteral("bench.db")),
                              SecretBytes::random(Store::KeyBytes), Store::Mode::CreateNew);
    if (!opened)
        qFatal("open failed");
    Store &store = **opened;
    QRandomGenerator rng(17);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 year = 365LL * 24 * 3600 * 1000;
    // Written as a worker writes them, in time order (give or take an hour), so the rows of a
    // week sit near each other in the file.
    const auto when = [&](int i) {
        return QDateTime::fromMSecsSinceEpoch(now - year + year / n * i - rng.bounded(3600000));
    };

    QElapsedTimer fill;
    fill.start();
    QList<QUuid> people;
    {
        auto batch = store.batch();
        for (int i = 0; i < 300; ++i) {
            Participant p;
            p.pseudonym = QStringLiteral("P-%1").arg(i);
            p.moveToStage(Stage(i % 3), QDate::currentDate());
            people.append(store.participants().save(p).value().id);
        }
        if (!batch || !batch->commit())
            qFatal("commit failed");
    }
    for (int done = 0; done < n;) {
        auto batch = store.batch();
        for (int i = 0; i < 5000 && done < n; ++i, ++done) {
            Encounter e;
            e.participantId = people[done % people.size()];
            e.occurredAt = when(done);
            e.durationMinutes = 20;
            e.place = Place(rng.bounded(8));
            e.needs = {Need::Housing};
            e.note = QStringLiteral("Met at the usual place, talked about housing and benefits");
            if (!store.encounters().save(e))
                qFatal("save failed");
            if (done % 5 == 0) {
                DiaryEntry d;
                d.writtenAt = when(done);
                d.text = QStringLiteral("A long day; wrote down what happened and how I felt.");
                d.wellbeing = 1 + int(rng.bounded(5));
                d.stress = 1 + int(rng.bounded(5));
                if (rng.bounded(3) == 0)
                    d.selfCare = {QStringLiteral("rest")};
                if (!store.diary().save(d))
                    qFatal("save failed");
            }
        }
        if (!batch || !batch->commit())
            qFatal("commit failed");
    }
    out << n << " encounters, " << n / 5 << " diary entries, 300 participants over a year ("
        << fill.elapsed() / 1000 << " s to write)\n";

    InsightQueries queries(store, {});
    const QDate today = QDate::currentDate();
    int weekly = 0;
    measure(out, "encounters per week by place (12 weeks)",
            [&] { weekly = queries.encountersPerWeek(today).value().total; });
    measure(out, "caseload by stage", [&] { queries.caseloadByStage().value(); });
    int points = 0;
    measure(out, "wellbeing and stress per entry (12 weeks)",
            [&] { points = int(queries.wellbeing(today).value().entries.size()); });
    out << weekly << " encounters and " << points << " rated entries in the 12 weeks\n";
    return 0;
}
