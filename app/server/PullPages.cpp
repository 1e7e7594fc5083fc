// SPDX-License-Identifier: GPL-3.0-or-later
#include "PullPages.h"

#include <algorithm>
#include <map>
#include <utility>
#include <vector>

namespace wp::server {

using namespace wp::wire;

Reply PullPages::pull(const Identity &id, std::uint64_t since, qsizetype limit,
                      std::uint64_t deviceHorizon)
{
    limit = std::clamp<qsizetype>(limit, 1, limits::MaxPull);
    return withDb(m_pool, [&](pqxx::connection &c) -> Reply {
        // An incremental pull that finds nothing new costs this one round trip.
        pqxx::nontransaction w(c);
        return pageReply(w.exec_prepared("pull", sqlText(id.organisation), sqlText(id.user),
                                         qint64(since), qint64(limit), PageBudget),
                         since, limit, deviceHorizon);
    });
}

Reply PullPages::pageReply(const pqxx::result &rows, std::uint64_t since, qsizetype limit,
                           std::uint64_t deviceHorizon)
{
    PullResponse resp;
    std::map<std::pair<QUuid, qint64>, qint64> manifestIndex;
    std::uint64_t counter = 0, horizon = 0;
    int leaseDays = 0;
    bool reachesEnd = true; // no candidate was left out for the byte budget
    // Pass 1: the changes, in seq order.
    std::vector<pqxx::result::size_type> page;
    page.reserve(std::size_t(rows.size()));
    for (pqxx::result::size_type i = 0; i < rows.size(); ++i) {
        const auto r = rows[i];
        const int kind = r[0].as<int>();
        if (kind == 0) {
            page.push_back(i);
        } else if (kind == 3) {
            counter = r[1].as<std::uint64_t>();
            horizon = r[9].as<std::uint64_t>();
            leaseDays = r[7].as<int>();
            reachesEnd = r[6].as<int>() > 0;
        }
    }
    std::vector<std::uint64_t> seqs(page.size());
    for (std::size_t k = 0; k < page.size(); ++k)
        seqs[k] = rows[page[k]][1].as<std::uint64_t>();
    if (!std::is_sorted(seqs.begin(), seqs.end())) {
        std::vector<std::size_t> order(page.size());
        for (std::size_t k = 0; k < order.size(); ++k)
            order[k] = k;
        std::sort(order.begin(), order.end(),
                  [&](std::size_t x, std::size_t y) { return seqs[x] < seqs[y]; });
        std::vector<pqxx::result::size_type> sorted;
        sorted.reserve(page.size());
        for (std::size_t k : order)
            sorted.push_back(page[k]);
        page = std::move(sorted);
    }
    resp.changes.reserve(qsizetype(page.size()));
    for (const auto i : page) {
        const auto r = rows[i];
        Change ch;
        ch.seq = r[1].as<std::uint64_t>();
        ch.recordId = uuidOf(r[2]);
        ch.stamp = {r[7].as<qint64>(), r[8].as<std::uint32_t>(), uuidOf(r[3])};
        ch.audienceId = uuidOf(r[4]);
        ch.type = RecordType(r[6].as<int>());
        ch.deleted = r[10].as<bool>();
        ch.envelope = bytesOf(r[11]);
        // The author travels once per batch, in its manifest.
        const auto batch = std::make_pair(uuidOf(r[5]), r[9].as<qint64>());
        auto [it, fresh] = manifestIndex.try_emplace(batch, qint64(manifestIndex.size()));
        ch.manifestIndex = it->second;
        resp.changes.append(std::move(ch));
    }
    // Pass 2: manifests (in the order the changes name them) and audience keys.
    resp.manifests.resize(qsizetype(manifestIndex.size()));
    for (const auto &r : rows) {
        const int kind = r[0].as<int>();
        if (kind == 1) {
            Manifest m;
            m.deviceId = uuidOf(r[2]);
            m.authorId = uuidOf(r[3]);
            m.sequence = r[9].as<std::uint64_t>();
            const QByteArray all = bytesOf(r[11]);
            m.digests.reserve(all.size() / 32);
            for (qsizetype i = 0; i + 32 <= all.size(); i += 32)
                m.digests.append(all.mid(i, 32));
            m.signature = bytesOf(r[12]);
            const auto at = manifestIndex.find({m.deviceId, qint64(m.sequence)});
            if (at != manifestIndex.end())
                resp.manifests[at->second] = std::move(m);
        } else if (kind == 2) {
            resp.audienceKeys.append({uuidOf(r[2]), bytesOf(r[11])});
        } else if (kind == 5) {
            resp.withdrawals.append({uuidOf(r[2]), r[1].as<std::uint64_t>()});
        }
    }
    const qsizetype pageRows = qsizetype(page.size());
    // Compaction dropped a tombstone this device may not have seen. A device that was told
    // this horizon on its previous page (a pull from 0 paging past it) missed nothing.
    if (since > 0 && since < horizon && deviceHorizon != horizon)
        return Reply::error(410, QStringLiteral("resync_required"),
                            QStringLiteral("the change log was compacted past this cursor; "
                                           "start again from 0"));
    resp.horizon = horizon;
    resp.offlineLeaseDays = leaseDays;
    resp.more = pageRows == limit || (pageRows > 0 && !reachesEnd);
    resp.cursor = resp.more ? resp.changes.last().seq : std::max(since, counter);
    return Reply::ok(resp);
}

} // namespace wp::server
