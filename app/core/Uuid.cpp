// SPDX-License-Identifier: GPL-3.0-or-later
#include "Uuid.h"

#include "Sodium.h"

#include <QDateTime>

#include <sodium.h>

#include <array>
#include <mutex>

namespace wp {

namespace {
std::mutex g_mutex;
std::int64_t g_lastMs = -1;
std::uint16_t g_counter = 0; // 12 bits used

QUuid makeV7(std::int64_t unixMs, std::uint16_t counter, std::array<unsigned char, 16> &b)
{
    const auto ms = std::uint64_t(unixMs);
    for (int i = 0; i < 6; ++i)
        b[std::size_t(i)] = static_cast<unsigned char>(ms >> (40 - 8 * i));
    b[6] = static_cast<unsigned char>(0x70 | ((counter >> 8) & 0x0f));
    b[7] = static_cast<unsigned char>(counter & 0xff);
    b[8] = static_cast<unsigned char>(0x80 | (b[8] & 0x3f)); // RFC 4122 variant
    return QUuid::fromRfc4122(QByteArrayView(reinterpret_cast<const char *>(b.data()), 16));
}

} // namespace

QUuid createUuidV7()
{
    ensureSodium();
    std::array<unsigned char, 16> b{};
    randombytes_buf(b.data(), b.size());
    std::int64_t unixMs = QDateTime::currentMSecsSinceEpoch();
    std::uint16_t counter;
    {
        std::lock_guard lock(g_mutex);
        if (unixMs <= g_lastMs) {
            unixMs = g_lastMs; // clock went back or same ms: stay ordered
            if (++g_counter > 0x0fff) {
                ++unixMs; // counter exhausted: borrow the next millisecond
                g_counter = 0;
            }
        } else {
            // Seed with 11 random bits so the counter has room to grow.
            g_counter = std::uint16_t((b[6] << 8 | b[7]) & 0x07ff);
        }
        g_lastMs = unixMs;
        counter = g_counter;
    }
    return makeV7(unixMs, counter, b);
}

QUuid createUuidV7(std::int64_t unixMs)
{
    ensureSodium();
    std::array<unsigned char, 16> b{};
    randombytes_buf(b.data(), b.size());
    return makeV7(unixMs, std::uint16_t(b[6] << 8 | b[7]), b);
}

int uuidVersion(const QUuid &id)
{
    return int((id.data3 >> 12) & 0x0f);
}

std::int64_t uuidV7Millis(const QUuid &id)
{
    if (uuidVersion(id) != 7)
        return -1;
    const QByteArray raw = id.toRfc4122();
    std::uint64_t ms = 0;
    for (int i = 0; i < 6; ++i)
        ms = (ms << 8) | std::uint8_t(raw[i]);
    return std::int64_t(ms);
}

QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

QUuid idFromText(QStringView text)
{
    return QUuid::fromString(text);
}

} // namespace wp
