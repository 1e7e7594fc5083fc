// SPDX-License-Identifier: GPL-3.0-or-later
// Argon2id unlock cost with the shipped parameters, against the cheapest parameters libsodium
// accepts (the rest of unlock: file read, two fsyncs, AEAD) measured in the same process.
// Not a test: run build/release/tests/platform/bench_vault and copy the figures into
// docs/security.md and docs/benchmarks.md.
#include "KeyVault.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cstring>
#include <vector>

using namespace wp;

namespace {

SecretBytes pin()
{
    const char *text = "482916";
    return SecretBytes(reinterpret_cast<const unsigned char *>(text), std::strlen(text));
}

// Median and maximum of `runs` unlocks, in milliseconds.
std::pair<double, double> timeUnlock(const KdfParams &kdf, int runs)
{
    QTemporaryDir dir;
    VaultPolicy policy;
    policy.kdf = kdf;
    policy.deviceWrap = false; // Argon2id's cost alone
    if (!KeyVault::create(dir.path(), pin(), policy))
        qFatal("vault create failed");
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        auto vault = KeyVault::load(dir.path());
        if (!vault || !vault->unlock(pin()))
            qFatal("unlock failed");
        ms.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms.back()};
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const KdfParams shipped;
    const auto [baseMedian, baseMax] = timeUnlock(KdfParams::fastForTests(), 21);
    const auto [median, max] = timeUnlock(shipped, 11);
    out << "Argon2id opslimit " << shipped.opsLimit << ", memlimit "
        << (shipped.memLimitBytes >> 20) << " MiB: unlock median "
        << QString::number(median, 'f', 0) << " ms, max " << QString::number(max, 'f', 0)
        << " ms (11 runs)\n";
    out << "Baseline opslimit 1, memlimit 8 MiB: unlock median "
        << QString::number(baseMedian, 'f', 1) << " ms, max " << QString::number(baseMax, 'f', 1)
        << " ms (21 runs)\n";
    out << "Ratio shipped/baseline: " << QString::number(median / baseMedian, 'f', 1) << "\n";
    return 0;
}
