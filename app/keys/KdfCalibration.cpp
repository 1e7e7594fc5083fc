// SPDX-License-Identifier: GPL-3.0-or-later
#include "KdfCalibration.h"

#include "Sodium.h"

#include <sodium.h>

#include <algorithm>

#include <time.h>
#include <unistd.h>

namespace wp {

KdfBudget KdfBudget::forThisDevice(std::chrono::milliseconds unlockTime)
{
    KdfBudget budget;
    budget.unlockTime = unlockTime;
    // Unknown memory: assume a 2 GiB phone rather than a desktop.
    const std::uint64_t physical = physicalMemoryBytes();
    budget.memoryCapBytes = physical ? physical / 8 : 256 * MiB;
    return budget;
}

std::uint64_t KdfBudget::physicalMemoryBytes()
{
#if defined(_SC_PHYS_PAGES) && defined(_SC_PAGESIZE)
    const long pages = sysconf(_SC_PHYS_PAGES);
    const long pageSize = sysconf(_SC_PAGESIZE);
    if (pages > 0 && pageSize > 0)
        return std::uint64_t(pages) * std::uint64_t(pageSize);
#endif
    return 0;
}

namespace {

// CPU time of this thread: a build or a sync running alongside at first run must not make
// every later unlock weaker. On an idle phone it is the time the worker waits.
std::chrono::nanoseconds threadCpuTime()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return std::chrono::seconds(t.tv_sec) + std::chrono::nanoseconds(t.tv_nsec);
}

} // namespace

std::chrono::nanoseconds timeArgon2id(const KdfParams &params)
{
    ensureSodium();
    unsigned char key[32];
    static constexpr char password[] = "calibration";
    unsigned char salt[crypto_pwhash_SALTBYTES] = {};
    const auto start = threadCpuTime();
    const int failed =
        crypto_pwhash(key, sizeof key, password, sizeof password - 1, salt, params.opsLimit,
                      std::size_t(params.memLimitBytes), crypto_pwhash_ALG_ARGON2ID13);
    const auto elapsed = threadCpuTime() - start;
    sodium_memzero(key, sizeof key);
    // Out of memory: report it as too slow, so the calibration chooses less.
    return failed ? std::chrono::nanoseconds(std::chrono::hours(1)) : elapsed;
}

namespace {

std::uint64_t wholeMiB(double bytes)
{
    return std::uint64_t(bytes / double(KdfBudget::MiB)) * KdfBudget::MiB;
}

KdfParams choose(const KdfBudget &budget, double nsPerBytePass)
{
    const double target = double(std::chrono::nanoseconds(budget.unlockTime).count());
    const std::uint64_t cap =
        std::clamp(budget.memoryCapBytes, KdfBudget::memoryFloor, KdfBudget::memoryCeiling);
    // Memory first (it is what makes guessing expensive on a GPU), at the fewest passes.
    const double fits = target / (double(KdfBudget::opsFloor) * nsPerBytePass);
    const std::uint64_t mem = std::clamp(wholeMiB(fits), KdfBudget::memoryFloor, cap);
    // Then the passes that still fit.
    const auto passes = std::uint64_t(target / (double(mem) * nsPerBytePass));
    return {std::clamp(passes, KdfBudget::opsFloor, KdfBudget::opsCeiling), mem};
}

} // namespace

KdfCalibration calibrateKdf(const KdfBudget &budget, const KdfTimer &timer)
{
    const KdfParams probe{1, KdfBudget::memoryFloor};
    const auto probeTime = std::max(timer(probe), std::chrono::nanoseconds(1));
    double nsPerBytePass = double(probeTime.count()) / double(probe.memLimitBytes);

    KdfCalibration result;
    result.params = choose(budget, nsPerBytePass);
    result.unlockTime = timer(result.params);
    const auto target = std::chrono::nanoseconds(budget.unlockTime);
    if (result.unlockTime > target + target / 4 || result.unlockTime < target - target / 4) {
        // The probe's rate is off at this size (its fixed costs weigh more on a small run, and
        // memory beyond the caches is slower): choose again with the rate just measured.
        nsPerBytePass = double(result.unlockTime.count()) /
                        (double(result.params.opsLimit) * double(result.params.memLimitBytes));
        const KdfParams again = choose(budget, nsPerBytePass);
        if (again.opsLimit != result.params.opsLimit ||
            again.memLimitBytes != result.params.memLimitBytes) {
            result.params = again;
            result.unlockTime = timer(again);
        }
    }
    return result;
}

} // namespace wp
