// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Hybrid logical clock (Kulkarni et al. 2014): physical milliseconds, a counter and the device
// id. Stamps only move forward, even when the wall clock jumps back, and they order every
// change across devices; sync merges fields by (stamp, device).

#include <QString>
#include <QUuid>

#include <compare>
#include <cstdint>
#include <functional>
#include <optional>

namespace wp {

struct HlcStamp
{
    std::int64_t physicalMs = 0;
    std::uint32_t counter = 0;
    QUuid device;

    bool isNull() const { return physicalMs == 0 && counter == 0 && device.isNull(); }

    // Fixed-width text that sorts like the stamp itself: "0001700000000000-00000-<uuid>".
    QString toString() const;
    static HlcStamp fromString(QStringView text); // null stamp when malformed

    friend bool operator==(const HlcStamp &, const HlcStamp &) = default;
    friend std::strong_ordering operator<=>(const HlcStamp &a, const HlcStamp &b);
};

class HybridClock
{
public:
    using WallClock = std::function<std::int64_t()>; // Unix ms

    explicit HybridClock(QUuid device, WallClock wall = {});

    // A stamp for a local event, greater than every stamp seen so far.
    HlcStamp now();
    // A remote stamp may be this far ahead of the wall clock. Further ahead, observing it would
    // drag every later local stamp along (a day's skew is a badly set clock; years ahead is
    // a device or a sender to distrust), and nothing this device writes could win a merge
    // against it until then.
    static constexpr std::int64_t MaxAheadMs = 24 * 60 * 60 * 1000;

    // Whether `remote` is at most MaxAheadMs ahead of this device's wall clock.
    bool admits(const HlcStamp &remote) const;
    // Merges a stamp received from another device so later local stamps come after it.
    // Returns the clock's new reading, or nothing when the clock does not admit the stamp
    // (then the clock has not moved).
    std::optional<HlcStamp> observe(const HlcStamp &remote);

    // Restores the last stamp issued before a restart (read back from the store), so stamps
    // stay monotonic across runs even if the wall clock is now behind.
    void restore(const HlcStamp &last);
    HlcStamp last() const { return m_last; }
    QUuid device() const { return m_device; }

private:
    QUuid m_device;
    WallClock m_wall;
    HlcStamp m_last;
};

} // namespace wp
