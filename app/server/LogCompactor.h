#pragma once
// Change-log compaction (docs/protocol.md, "Compaction"). The server cannot read which fields
// a version carries (they are inside the envelope), so the one supersession it can prove is
// deletion: a tombstone wins over every field change on every device, so every other version
// of a deleted record is removed at once, whatever its age. The tombstones themselves stay
// for the retention period (at least the devices' offline lease); dropping one advances the
// organisation's horizon, and a device whose cursor is older gets 410 resync_required.

#include "Result.h"

#include <pqxx/pqxx>

namespace wp::server {

struct CompactionReport
{
    int organisations = 0;
    qint64 versionsRemoved = 0;   // superseded by a tombstone
    qint64 tombstonesDropped = 0; // older than the retention period
};

class LogCompactor
{
public:
    explicit LogCompactor(pqxx::connection &c) : m_c(c) {}

    // One transaction per organisation (a single shard on Citus). tombstoneDays < 0 keeps
    // every tombstone.
    Result<CompactionReport> run(int tombstoneDays);

private:
    pqxx::connection &m_c;
};

} // namespace wp::server
