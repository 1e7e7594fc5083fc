#include "LogCompactor.h"

#include "Database.h"

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

} // namespace wp::server
