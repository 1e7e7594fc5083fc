// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The organisation's offline lease, as this device last heard it (docs/security.md, "Offline
// lease"): a device that has not reached its server for longer than the lease is locked until
// it checks in. Kept in the encrypted store's meta table, never in a plain file: the lease in
// days, the time of the last successful contact, and the latest wall-clock time ever seen (a
// ratchet, so that setting the clock back does not give the time back).

#include "Result.h"

#include <QtGlobal>

#include <algorithm>

namespace wp {

namespace sql {
class Database;
}

struct LeaseState
{
    int days = 0;            // 0: no lease
    qint64 contactMs = 0;    // the last successful contact with the server; 0: none recorded
    qint64 latestSeenMs = 0; // the latest wall-clock time this device has seen

    static constexpr qint64 DayMs = 24LL * 60 * 60 * 1000;

    // Time since the last contact, measured against the latest time ever seen, so a clock
    // set back does not shorten it.
    qint64 sinceContactMs(qint64 nowMs) const { return std::max(nowMs, latestSeenMs) - contactMs; }
    // Enrolled devices only: an unenrolled store has no server to reach.
    bool isOut(bool enrolled, qint64 nowMs) const
    {
        return enrolled && days > 0 && contactMs > 0 && sinceContactMs(nowMs) > days * DayMs;
    }
};

class OfflineLease
{
public:
    explicit OfflineLease(sql::Database &db) : m_db(db) {}

    Result<LeaseState> state();
    // A successful contact at `nowMs` that announced `days`: the lease starts again from now,
    // and so does the ratchet (a contact proves the time; an earlier clock set ahead by
    // mistake would otherwise lock the device after every check-in).
    Status recordContact(int days, qint64 nowMs);
    // Moves the ratchet to `nowMs` if it is later, and returns the state.
    Result<LeaseState> observe(qint64 nowMs);

private:
    Status put(const char *key, qint64 value);

    sql::Database &m_db;
};

} // namespace wp
