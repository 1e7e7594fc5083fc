// SPDX-License-Identifier: GPL-3.0-or-later
// The vault's Argon2id cost is sized to the device: the most memory the budget allows, then
// the passes that fit in the unlock time, never below libsodium's interactive floor. Choices
// are checked against a simulated device (a linear cost model) and once against the real
// Argon2id; the cost a vault is written with is the one it unlocks with afterwards.

#include "KdfCalibration.h"
#include "KeyVault.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cstring>

using namespace wp;
using namespace std::chrono_literals;

namespace {

constexpr std::uint64_t MiB = KdfBudget::MiB;

SecretBytes secret(const char *text)
{
    return SecretBytes(reinterpret_cast<const unsigned char *>(text), std::strlen(text));
}

// A device on which one pass over 64 MiB takes `passOver64MiB`, and memory beyond
// `slowAbove` costs `slowdown` times as much (caches left behind).
struct SimulatedDevice
{
    explicit SimulatedDevice(std::chrono::nanoseconds pass, std::uint64_t above = UINT64_MAX,
                             double factor = 1.0)
        : passOver64MiB(pass), slowAbove(above), slowdown(factor)
    {
    }
    std::chrono::nanoseconds passOver64MiB;
    std::uint64_t slowAbove;
    double slowdown;
    mutable QList<KdfParams> runs;

    std::chrono::nanoseconds operator()(const KdfParams &p) const
    {
        runs << p;
        double ns = double(passOver64MiB.count()) * double(p.opsLimit) * double(p.memLimitBytes) /
                    double(64 * MiB);
        if (p.memLimitBytes > slowAbove)
            ns *= slowdown;
        return std::chrono::nanoseconds(std::int64_t(ns));
    }
};

KdfBudget budget(std::chrono::milliseconds time, std::uint64_t cap)
{
    KdfBudget b;
    b.unlockTime = time;
    b.memoryCapBytes = cap;
    return b;
}

} // namespace

class TestKdfCalibration : public QObject
{
    Q_OBJECT

private slots:
    void aFastDesktopSpendsTheTimeOnMemory()
    {
        // 40 ms per pass over 64 MiB: 750 ms buys 600 MiB at two passes.
        SimulatedDevice device{40ms};
        const KdfCalibration c = calibrateKdf(budget(750ms, 3072 * MiB), std::cref(device));
        QCOMPARE(c.params.memLimitBytes, 600 * MiB);
        QCOMPARE(c.params.opsLimit, 2u);
        QVERIFY(c.unlockTime <= 750ms);
        QCOMPARE(device.runs.size(), 2); // the probe and the check
    }

    void aPhoneShortOfMemoryTakesMorePassesInsteadOfMoreMemory()
    {
        // 1 GiB of RAM: at most 128 MiB, then as many passes as fit.
        SimulatedDevice device{100ms};
        const KdfCalibration c = calibrateKdf(budget(750ms, 128 * MiB), std::cref(device));
        QCOMPARE(c.params.memLimitBytes, 128 * MiB);
        QCOMPARE(c.params.opsLimit, 3u); // 600 ms; a fourth pass would take 800 ms
        QCOMPARE(c.unlockTime, 600ms);
    }

    void aSlowSmallDeviceNeverGoesBelowTheInteractiveFloor()
    {
        SimulatedDevice device{600ms};
        const KdfCalibration c = calibrateKdf(budget(750ms, 32 * MiB), std::cref(device));
        QCOMPARE(c.params.memLimitBytes, KdfBudget::memoryFloor);
        QCOMPARE(c.params.opsLimit, KdfBudget::opsFloor);
        QCOMPARE(c.unlockTime, 1200ms); // slower than wished, but never weaker than the floor
    }

    void memoryThatRunsSlowerThanTheProbeIsScaledBack()
    {
        // Past 256 MiB each pass costs three times the probe's rate: the first choice
        // (600 MiB) overruns, and the second uses the rate it measured.
        SimulatedDevice device{40ms, 256 * MiB, 3.0};
        const KdfCalibration c = calibrateKdf(budget(750ms, 3072 * MiB), std::cref(device));
        QCOMPARE(device.runs.size(), 3);
        QVERIFY2(c.unlockTime <= 750ms + 750ms / 4,
                 qPrintable(QString::number(c.unlockTime.count() / 1e6) + QStringLiteral(" ms")));
        QVERIFY(c.params.memLimitBytes >= KdfBudget::memoryFloor);
        QVERIFY(c.params.memLimitBytes < 600 * MiB);
    }

    void aProbeSlowedByItsFixedCostsIsCorrectedUpwards()
    {
        // Setting up memory costs more than a pass over it: the probe (98 ms) overstates the
        // rate, the check at 245 MiB takes 527 ms, under three quarters of the unlock time,
        // and the second choice uses the rate it measured.
        struct WithSetUp
        {
            mutable int runs = 0;
            std::chrono::nanoseconds operator()(const KdfParams &p) const
            {
                ++runs;
                const double mib = double(p.memLimitBytes) / double(MiB);
                return std::chrono::nanoseconds(
                    std::int64_t(mib * (0.9 + p.opsLimit * 0.625) * 1e6));
            }
        } device;
        const KdfCalibration c = calibrateKdf(budget(750ms, 3072 * MiB), std::cref(device));
        QCOMPARE(device.runs, 3);
        QVERIFY(c.params.memLimitBytes > 245 * MiB);
        QVERIFY(c.unlockTime >= 750ms - 750ms / 4);
        QVERIFY(c.unlockTime <= 750ms + 750ms / 4);
    }

    void theCeilingIsWhatAVaultFileAccepts()
    {
        SimulatedDevice device{1ms};
        const KdfCalibration c = calibrateKdf(budget(750ms, 64 * 1024 * MiB), std::cref(device));
        QCOMPARE(c.params.memLimitBytes, KdfBudget::memoryCeiling);
        QCOMPARE(c.params.opsLimit, KdfBudget::opsCeiling);
    }

    void theBudgetForThisDeviceIsAnEighthOfItsMemory()
    {
        const std::uint64_t physical = KdfBudget::physicalMemoryBytes();
        QVERIFY(physical > 0); // Linux says
        QCOMPARE(KdfBudget::forThisDevice().memoryCapBytes, physical / 8);
        QCOMPARE(KdfBudget::forThisDevice(300ms).unlockTime, 300ms);
    }

    void aRealCalibrationWritesAVaultThatUnlocksWithItsCost()
    {
        // The real Argon2id, with a small budget so the test stays quick.
        const KdfCalibration c = calibrateKdf(budget(100ms, 64 * MiB));
        QCOMPARE(c.params.memLimitBytes, 64 * MiB);
        QVERIFY(c.params.opsLimit >= KdfBudget::opsFloor);
        QVERIFY(c.unlockTime > 0ns);

        QTemporaryDir dir;
        VaultPolicy policy;
        policy.kdf = c.params;
        policy.deviceWrap = false;
        QVERIFY(KeyVault::create(dir.path(), secret("582047"), policy));
        auto vault = KeyVault::load(dir.path());
        QVERIFY(vault);
        QCOMPARE(vault->kdf().opsLimit, c.params.opsLimit);
        QCOMPARE(vault->kdf().memLimitBytes, c.params.memLimitBytes);
        QVERIFY(vault->unlock(secret("582047")));
    }

    void aNewPinTakesTheNewCostAndTheOldCostIsGone()
    {
        QTemporaryDir dir;
        VaultPolicy policy;
        policy.kdf = KdfParams::fastForTests();
        policy.deviceWrap = false;
        auto key = KeyVault::create(dir.path(), secret("582047"), policy);
        QVERIFY(key);
        const KdfParams recalibrated{2, 16 * MiB};
        {
            auto vault = KeyVault::load(dir.path());
            QVERIFY(vault->changePin(secret("582047"), secret("906135"), recalibrated));
        }
        auto vault = KeyVault::load(dir.path()); // from the file, as after a restart
        QCOMPARE(vault->kdf().opsLimit, recalibrated.opsLimit);
        QCOMPARE(vault->kdf().memLimitBytes, recalibrated.memLimitBytes);
        auto unlocked = vault->unlock(secret("906135"));
        QVERIFY(unlocked);
        QVERIFY(unlocked->equals(*key));
        QVERIFY(!vault->unlock(secret("582047")));
    }

    void aCostOutsideWhatAVaultAcceptsIsRefusedAndThePinStays()
    {
        QTemporaryDir dir;
        VaultPolicy policy;
        policy.kdf = KdfParams::fastForTests();
        policy.deviceWrap = false;
        QVERIFY(KeyVault::create(dir.path(), secret("582047"), policy));
        auto vault = KeyVault::load(dir.path());
        const Status refused =
            vault->changePin(secret("582047"), secret("906135"), KdfParams{2, 2048 * MiB});
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::InvalidInput);
        QCOMPARE(vault->failedAttempts(), 0); // the PIN was never checked
        QVERIFY(KeyVault::load(dir.path())->unlock(secret("582047")));
    }
};

QTEST_GUILESS_MAIN(TestKdfCalibration)
#include "tst_kdf_calibration.moc"
