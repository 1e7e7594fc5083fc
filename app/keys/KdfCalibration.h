// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Chooses the vault's Argon2id cost for the device it runs on: as much memory as the budget
// allows, then as many passes as fit in the unlock time. A phone with little memory or a slow
// core gets a cheaper unlock than a desktop, never below libsodium's interactive floor
// (docs/decisions/0023-argon2id-cost-per-device.md).

#include "KeyVault.h"

#include <chrono>
#include <cstdint>
#include <functional>

namespace wp {

struct KdfBudget
{
    // How long the worker waits for an unlock.
    std::chrono::milliseconds unlockTime{750};
    // The most memory one unlock may take: a phone's low-memory killer strikes above it.
    std::uint64_t memoryCapBytes = 0;

    // An eighth of this device's memory, within [floor, ceiling].
    static KdfBudget
    forThisDevice(std::chrono::milliseconds unlockTime = std::chrono::milliseconds(750));
    // 0 when the system does not say.
    static std::uint64_t physicalMemoryBytes();

    static constexpr std::uint64_t MiB = std::uint64_t(1) << 20;
    static constexpr std::uint64_t memoryFloor = 64 * MiB;     // libsodium's interactive memlimit
    static constexpr std::uint64_t memoryCeiling = 1024 * MiB; // what a vault file accepts
    static constexpr std::uint64_t opsFloor = 2;               // libsodium's interactive opslimit
    static constexpr std::uint64_t opsCeiling = 16;
};

// The CPU time Argon2id takes with these parameters on this thread.
using KdfTimer = std::function<std::chrono::nanoseconds(const KdfParams &)>;
std::chrono::nanoseconds timeArgon2id(const KdfParams &params);

struct KdfCalibration
{
    KdfParams params;
    std::chrono::nanoseconds unlockTime{}; // measured with params
};

// A probe of Argon2id at the floor, then the chosen cost to check it. When the check is off
// the unlock time by more than a quarter, the cost is chosen once more from the rate the check
// measured (two to three runs in all: about twice the unlock time).
KdfCalibration calibrateKdf(const KdfBudget &budget, const KdfTimer &timer = timeArgon2id);

} // namespace wp
