// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The device side of `410 resync_required` (docs/protocol.md, "Compaction"): the server dropped
// tombstones this device may not have seen, so it pulls the whole log again from cursor 0 and
// must end with what a fresh device would hold, plus its own unsent work. Mark and sweep:
// - begin() marks every record unconfirmed and remembers how far the device had pulled;
// - each pulled change confirms its record, in the page's transaction (confirm()). A change at
//   or below that point was merged before and is not merged again (mergedBefore()): merging
//   it twice would keep the device's own older text as a conflict copy of an edit still
//   waiting to be sent, and bring back conflict copies the user dismissed;
// - sweep() removes the records still unconfirmed that have nothing in the outbox: deletions
//   the device missed. A record with an unsent change (queued or failed) is never removed. The
//   resync stays open while such a record has a queued change, so it is checked again once
//   the server has it, and closes when only failed ones are left.
// The state lives in the store (meta 'resync_known_seq', table resync_unconfirmed, schema v5),
// so a kill at any point resumes where it stopped.

#include "Result.h"
#include "StoreTypes.h"

namespace wp {

namespace sql {
class Database;
}
class AuditChain;

class Resync
{
public:
    Resync(sql::Database &db, AuditChain &audit) : m_db(db), m_audit(audit) {}

    // Reads the state left by an earlier session.
    Status load();
    bool inProgress() const { return m_active; }

    // Inside the caller's transaction. `pulledUpTo`: the server sequence the device has
    // merged every change up to (its cursor). Starting again during a resync keeps the
    // higher of the two and marks every record again.
    Status begin(std::uint64_t pulledUpTo);
    // Inside the page's transaction; nothing when no resync is under way.
    Status confirm(const QList<RemoteChange> &changes);
    bool mergedBefore(const RemoteChange &change) const
    {
        return m_active && change.serverSeq > 0 && change.serverSeq <= m_knownSeq;
    }
    // Removes up to `limit` unconfirmed records with nothing in the outbox (their search
    // rows, field stamps and conflict copies too), in one transaction.
    Result<ResyncSweep> sweep(int limit);

private:
    sql::Database &m_db;
    AuditChain &m_audit;
    bool m_active = false;
    std::uint64_t m_knownSeq = 0;
};

} // namespace wp
