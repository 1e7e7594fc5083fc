// SPDX-License-Identifier: GPL-3.0-or-later
#include "HybridClock.h"

#include <QDateTime>
#include <QStringView>

#include <algorithm>
#include <cstring>

namespace wp {

std::strong_ordering operator<=>(const HlcStamp &a, const HlcStamp &b)
{
    if (auto c = a.physicalMs <=> b.physicalMs; c != 0)
        return c;
    if (auto c = a.counter <=> b.counter; c != 0)
        return c;
    // The device id breaks ties so two devices never produce equal stamps.
    const QByteArray da = a.device.toRfc4122(), db = b.device.toRfc4122();
    const int c = std::memcmp(da.constData(), db.constData(), 16);
    return c < 0 ? std::strong_ordering::less
                 : (c > 0 ? std::strong_ordering::greater : std::strong_ordering::equal);
}

QString HlcStamp::toString() const
{
    return QStringLiteral("%1-%2-%3")
        .arg(physicalMs, 16, 10, QLatin1Char('0'))
        .arg(counter, 5, 10, QLatin1Char('0'))
        .arg(device.toString(QUuid::WithoutBraces));
}

HlcStamp HlcStamp::fromString(QStringView text)
{
    // 16 digits, '-', 5 digits, '-', 36-char uuid
    if (text.size() != 16 + 1 + 5 + 1 + 36 || text[16] != u'-' || text[22] != u'-')
        return {};
    bool okMs = false, okCounter = false;
    HlcStamp s;
    s.physicalMs = text.first(16).toLongLong(&okMs);
    s.counter = text.sliced(17, 5).toUInt(&okCounter);
    s.device = QUuid::fromString(text.sliced(23));
    if (!okMs || !okCounter || s.device.isNull() || s.physicalMs < 0)
        return {};
    return s;
}

HybridClock::HybridClock(QUuid device, WallClock wall)
    : m_device(device), m_wall(wall ? std::move(wall) : [] {
          return std::int64_t(QDateTime::currentMSecsSinceEpoch());
      })
{
    m_last.device = m_device;
}

HlcStamp HybridClock::now()
{
    const std::int64_t wall = m_wall();
    if (wall > m_last.physicalMs) {
        m_last.physicalMs = wall;
        m_last.counter = 0;
    } else {
        ++m_last.counter; // wall clock stalled or went back: the counter carries order
    }
    m_last.device = m_device;
    return m_last;
}

bool HybridClock::admits(const HlcStamp &remote) const
{
    return remote.physicalMs <= m_wall() + MaxAheadMs;
}

std::optional<HlcStamp> HybridClock::observe(const HlcStamp &remote)
{
    const std::int64_t wall = m_wall();
    if (remote.physicalMs > wall + MaxAheadMs)
        return std::nullopt;
    const std::int64_t pt = std::max({wall, m_last.physicalMs, remote.physicalMs});
    std::uint32_t counter = 0;
    if (pt == m_last.physicalMs && pt == remote.physicalMs)
        counter = std::max(m_last.counter, remote.counter) + 1;
    else if (pt == m_last.physicalMs)
        counter = m_last.counter + 1;
    else if (pt == remote.physicalMs)
        counter = remote.counter + 1;
    m_last = {pt, counter, m_device};
    return m_last;
}

void HybridClock::restore(const HlcStamp &last)
{
    if (last.physicalMs > m_last.physicalMs ||
        (last.physicalMs == m_last.physicalMs && last.counter > m_last.counter)) {
        m_last.physicalMs = last.physicalMs;
        m_last.counter = last.counter;
    }
}

} // namespace wp
