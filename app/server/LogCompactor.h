// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Change-log compaction (docs/protocol.md, "Compaction"). The server cannot read which fields
// a version carries (they are inside the envelope), so the one supersession it can prove is
// deletion: a tombstone wins over every field change on every device, so every other version
// of a deleted record is removed at once, whatever its age. The tombstones themselves stay
// for the retention period (at least the devices' offline lease); dropping one advances the
// organisation's horizon, and a device whose cursor is older gets 410 resync_required.

#include "Result.h"

#include <pqxx/pqxx>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

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

// `serve --compact-every SECONDS`: runs the compactor on its own connection every interval
// until destroyed, one JSON line per run on stderr. Several instances may run it at once:
// compaction is idempotent and each organisation is one short transaction.
class CompactionSchedule
{
public:
    CompactionSchedule(std::string url, std::chrono::seconds interval, int tombstoneDays);
    ~CompactionSchedule();
    CompactionSchedule(const CompactionSchedule &) = delete;
    CompactionSchedule &operator=(const CompactionSchedule &) = delete;

private:
    void loop();

    std::string m_url;
    std::chrono::seconds m_interval;
    int m_tombstoneDays;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace wp::server
