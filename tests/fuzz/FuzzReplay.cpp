// SPDX-License-Identifier: GPL-3.0-or-later
// Runs a fuzz target's entry point without libFuzzer: on its seeds, on every truncation of
// them, on deterministic random mutations, and on every input of its corpus (the inputs that
// reached new coverage in fuzzing campaigns, WAYPOINT_FUZZ_CORPUS). The targets abort on any
// violated property, so a pass here means no crash, no abort and no sanitizer report (in the
// asan preset).

#include "FuzzSeeds.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>

namespace {
void run(const QByteArray &input)
{
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t *>(input.constData()),
                           std::size_t(input.size()));
}
} // namespace

class FuzzReplay : public QObject
{
    Q_OBJECT

private slots:
    void seedsAndTruncations()
    {
        const QList<QByteArray> seeds = fuzz::targetSeeds();
        QVERIFY(!seeds.isEmpty());
        for (const QByteArray &seed : seeds)
            for (qsizetype n = 0; n <= seed.size(); ++n)
                run(seed.first(n));
    }

    void mutations()
    {
        QRandomGenerator rng(20261123);
        const QList<QByteArray> seeds = fuzz::targetSeeds();
        int runs = 0;
        for (int i = 0; i < 20000; ++i) {
            QByteArray b = seeds[int(rng.bounded(seeds.size()))];
            const int edits = 1 + int(rng.bounded(6));
            for (int e = 0; e < edits && !b.isEmpty(); ++e) {
                const int at = int(rng.bounded(b.size()));
                switch (rng.bounded(4)) {
                case 0:
                    b[at] = char(b[at] ^ (1 << rng.bounded(8)));
                    break;
                case 1:
                    b[at] = char(rng.bounded(256));
                    break;
                case 2:
                    b.insert(at, char(rng.bounded(256)));
                    break;
                default:
                    b.remove(at, 1 + int(rng.bounded(4)));
                    break;
                }
            }
            run(b);
            ++runs;
        }
        QCOMPARE(runs, 20000);
    }

    void corpus()
    {
        const QDir dir(QStringLiteral(WAYPOINT_FUZZ_CORPUS));
        const QStringList files = dir.entryList(QDir::Files, QDir::Name);
        QVERIFY2(!files.isEmpty(), qPrintable(dir.path() + QStringLiteral(" has no inputs")));
        for (const QString &name : files) {
            QFile file(dir.filePath(name));
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
            run(file.readAll());
        }
    }
};

QTEST_GUILESS_MAIN(FuzzReplay)
#include "FuzzReplay.moc"
