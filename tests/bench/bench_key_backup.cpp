// SPDX-License-Identifier: GPL-3.0-or-later
// The key backup's wrap and unwrap at the cost a device writes (Argon2id at libsodium's
// sensitive limits) against the cheapest cost libsodium accepts: seconds per run (median and
// maximum of N) and the process's peak resident memory. Not a CTest test
// (docs/benchmarks.md, "Key backup").

#include "Uuid.h"
#include "crypto/RecoveryKey.h"
#include "crypto/UserKeys.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <sys/resource.h>

#include <algorithm>
#include <vector>

using namespace wp;
using namespace wp::crypto;

namespace {

struct Figures
{
    double wrapMedian = 0, wrapMax = 0, unwrapMedian = 0, unwrapMax = 0;
};

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

Figures measure(KeyBackupCost cost, int runs)
{
    const UserKeys keys = UserKeys::generate();
    const QUuid user = createUuidV7();
    std::vector<double> wraps, unwraps;
    for (int i = 0; i < runs; ++i) {
        const RecoveryKey key = RecoveryKey::generate();
        QElapsedTimer t;
        t.start();
        const QByteArray blob = wrapKeys(keys, user, key, cost).value();
        wraps.push_back(double(t.nsecsElapsed()) / 1e9);
        t.restart();
        if (!unwrapKeys(blob, user, key).ok())
            qFatal("the backup did not open");
        unwraps.push_back(double(t.nsecsElapsed()) / 1e9);
    }
    return {median(wraps), *std::max_element(wraps.begin(), wraps.end()), median(unwraps),
            *std::max_element(unwraps.begin(), unwraps.end())};
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const int runs = argc > 1 ? QByteArray(argv[1]).toInt() : 5;
    const Figures minimal = measure(KeyBackupCost::minimal(), runs);
    const Figures sensitive = measure(KeyBackupCost::sensitive(), runs);
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    out << "runs: " << runs << '\n'
        << "sensitive (opslimit " << KeyBackupCost::sensitive().opslimit << ", memlimit "
        << (KeyBackupCost::sensitive().memlimit >> 20) << " MiB): wrap median "
        << sensitive.wrapMedian << " s, max " << sensitive.wrapMax << " s; unwrap median "
        << sensitive.unwrapMedian << " s, max " << sensitive.unwrapMax << " s\n"
        << "minimal (opslimit " << KeyBackupCost::minimal().opslimit << ", memlimit "
        << (KeyBackupCost::minimal().memlimit >> 10) << " KiB): wrap median "
        << minimal.wrapMedian * 1000 << " ms; unwrap median " << minimal.unwrapMedian * 1000
        << " ms\n"
        << "peak resident memory: " << (usage.ru_maxrss >> 10) << " MiB\n";
    return 0;
}
