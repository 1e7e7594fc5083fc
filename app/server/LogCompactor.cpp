// SPDX-License-Identifier: GPL-3.0-or-later
#include "LogCompactor.h"

#include "Database.h"

#include <QDateTime>

#include <cstdio>
#include <stdexcept>

namespace wp::server {

Result<CompactionReport> LogCompactor::run(int tombstoneDays)
{
    CompactionReport report;
    std::vector<std::string> organisations;
    {
        pqxx::nontransaction w(m_c);
        for (const auto &r : w.exec("SELECT organisation_id FROM organisations"))
            organisations.push_back(r[0].as<std::string>());
    }
    for (const std::string &org : organisations) {
        pqxx::work w(m_c);
        // Every version of a deleted record except its first tombstone.
        report.versionsRemoved +=
            w.exec_params("DELETE FROM changes c USING records r WHERE c.organisation_id = $1 "
                          "AND r.organisation_id = $1 AND r.record_id = c.record_id AND "
                          "r.deleted_seq IS NOT NULL AND c.seq <> r.deleted_seq",
                          org)
                .affected_rows();
        if (tombstoneDays >= 0) {
            // Tombstones past retention; the horizon moves to the newest one dropped, in the
            // same transaction, so a pull sees either both or neither.
            report.tombstonesDropped +=
                w.exec_params1(
                     "WITH dropped AS (DELETE FROM changes c USING records r WHERE "
                     "c.organisation_id = $1 AND r.organisation_id = $1 AND "
                     "r.record_id = c.record_id AND c.seq = r.deleted_seq AND "
                     "r.deleted_at <= now() - make_interval(days => $2) RETURNING c.seq), "
                     "horizon AS (UPDATE organisations SET compacted_seq = "
                     "greatest(compacted_seq, (SELECT max(seq) FROM dropped)) "
                     "WHERE organisation_id = $1 AND EXISTS (SELECT 1 FROM dropped)) "
                     "SELECT count(*) FROM dropped",
                     org, tombstoneDays)[0]
                    .as<qint64>();
        }
        w.commit();
        ++report.organisations;
    }
    return report;
}

CompactionSchedule::CompactionSchedule(std::string url, std::chrono::seconds interval,
                                       int tombstoneDays)
    : m_url(std::move(url)), m_interval(interval), m_tombstoneDays(tombstoneDays),
      m_thread([this] { loop(); })
{
}

CompactionSchedule::~CompactionSchedule()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void CompactionSchedule::loop()
{
    std::unique_lock lock(m_mutex);
    while (!m_wake.wait_for(lock, m_interval, [this] { return m_stopping; })) {
        lock.unlock();
        const auto start = std::chrono::steady_clock::now();
        QByteArray outcome;
        try {
            pqxx::connection c(m_url);
            const auto r = LogCompactor(c).run(m_tombstoneDays);
            if (!r)
                throw std::runtime_error("compaction failed");
            outcome = QStringLiteral("\"organisations\":%1,\"versionsRemoved\":%2,"
                                     "\"tombstonesDropped\":%3")
                          .arg(r->organisations)
                          .arg(r->versionsRemoved)
                          .arg(r->tombstonesDropped)
                          .toUtf8();
        } catch (const pqxx::sql_error &e) {
            outcome = "\"error\":\"database error " + QByteArray::fromStdString(e.sqlstate()) + '"';
        } catch (const std::exception &) {
            // The message may hold connection details.
            outcome = "\"error\":\"the database is unreachable\"";
        }
        const double ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count();
        std::fprintf(stderr, "{\"ts\":\"%s\",\"event\":\"compaction\",%s,\"ms\":%.1f}\n",
                     qPrintable(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)),
                     outcome.constData(), ms);
        std::fflush(stderr);
        lock.lock();
    }
}

} // namespace wp::server
