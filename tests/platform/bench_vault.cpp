// SPDX-License-Identifier: GPL-3.0-or-later
// Argon2id unlock cost: the cost calibrated for this machine and for simulated phones (a
// memory cap of an eighth of 1, 2 and 4 GiB), and the fixed cost, against the cheapest
// parameters libsodium accepts (the rest of unlock: file read, two fsyncs, AEAD) measured in
// the same process. Not a test: run build/release/tests/platform/bench_vault and copy the
// figures into docs/benchmarks.md.
#include "KdfCalibration.h"
#include "KeyVault.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cstring>
#include <vector>

#include <time.h>

using namespace wp;

namespace {

SecretBytes pin()
{
    const char *text = "482916";
    return SecretBytes(reinterpret_cast<const unsigned char *>(text), std::strlen(text));
}

double threadCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

struct Timing
{
    double median = 0; // wall, ms
    double max = 0;
    double cpuMedian = 0; // this thread's CPU, ms
};

// `runs` unlocks, in milliseconds.
Timing timeUnlock(const KdfParams &kdf, int runs)
{
    QTemporaryDir dir;
    VaultPolicy policy;
    policy.kdf = kdf;
    policy.deviceWrap = false; // Argon2id's cost alone
    if (!KeyVault::create(dir.path(), pin(), policy))
        qFatal("vault create failed");
    std::vector<double> ms;
    std::vector<double> cpu;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        const double cpuStart = threadCpuMs();
        auto vault = KeyVault::load(dir.path());
        if (!vault || !vault->unlock(pin()))
            qFatal("unlock failed");
        ms.push_back(double(timer.nsecsElapsed()) / 1e6);
        cpu.push_back(threadCpuMs() - cpuStart);
    }
    std::sort(ms.begin(), ms.end());
    std::sort(cpu.begin(), cpu.end());
    return {ms[ms.size() / 2], ms.back(), cpu[cpu.size() / 2]};
}

QString row(const QString &what, const KdfParams &kdf, const Timing &t, double calibrationMs)
{
    return QStringLiteral("| %1 | %2 x %3 MiB | %4 | %5 | %6 | %7 |\n")
        .arg(what)
        .arg(kdf.opsLimit)
        .arg(kdf.memLimitBytes >> 20)
        .arg(QString::number(t.median, 'f', 1))
        .arg(QString::number(t.max, 'f', 1))
        .arg(QString::number(t.cpuMedian, 'f', 1))
        .arg(calibrationMs < 0 ? QStringLiteral("-") : QString::number(calibrationMs, 'f', 0));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    constexpr int Runs = 11;
    constexpr std::uint64_t GiB = std::uint64_t(1) << 30;
    out << "| device | passes x memory | unlock median (ms) | max (ms) | CPU median (ms) | "
           "calibration (ms) |\n|---|---|---|---|---|---|\n";
    const auto calibrated = [&](const QString &what, KdfBudget budget) {
        QElapsedTimer timer;
        timer.start();
        const KdfParams kdf = calibrateKdf(budget).params;
        const double calibrationMs = double(timer.nsecsElapsed()) / 1e6;
        out << row(what, kdf, timeUnlock(kdf, Runs), calibrationMs);
        out.flush();
    };
    calibrated(QStringLiteral("this machine (%1 GiB)")
                   .arg(KdfBudget::physicalMemoryBytes() / double(GiB), 0, 'f', 1),
               KdfBudget::forThisDevice());
    for (const std::uint64_t phone : {4 * GiB, 2 * GiB, GiB}) {
        KdfBudget budget = KdfBudget::forThisDevice();
        budget.memoryCapBytes = phone / 8;
        calibrated(QStringLiteral("simulated %1 GiB phone").arg(phone / GiB), budget);
    }
    const KdfParams fixed;
    out << row(QStringLiteral("fixed cost, uncalibrated"), fixed, timeUnlock(fixed, Runs), -1);
    const Timing base = timeUnlock(KdfParams::fastForTests(), 21);
    out << row(QStringLiteral("baseline: cheapest cost"), KdfParams::fastForTests(), base, -1);
    return 0;
}
