// SPDX-License-Identifier: GPL-3.0-or-later
#include "GroupedPush.h"

#include <QPair>
#include <QSet>

#include <array>

namespace wp::server {

using namespace wp::wire;

namespace {
// The statement's text parameters ($1..$21); $22..$25 are binary.
constexpr int TextParameters = 21;
} // namespace

void GroupedPush::apply(const std::vector<PendingPush *> &group)
{
    // One batch per device and sequence in a statement: a retry that arrived while its first
    // push waited is applied after it, and so answered as a retry.
    std::vector<PendingPush *> now, later;
    QSet<QPair<QUuid, std::uint64_t>> batches;
    for (PendingPush *u : group) {
        const QPair<QUuid, std::uint64_t> batch{u->id.device, u->prepared.request.sequence};
        (batches.contains(batch) ? later : now).push_back(u);
        batches.insert(batch);
    }

    // The statement's parameters: batch columns, then the records, audiences and changes
    // they name, each with the index of its batch.
    QList<QUuid> authors, devices, recordIds, audienceIds;
    QList<qint64> sequences, digestLengths, signatureLengths, responseLengths, recordBatches,
        recordTypes, audienceBatches, changeBatches;
    QList<const Change *> changes;
    QByteArray digests, signatures, responses;
    for (qint64 b = 1; const PendingPush *u : now) {
        const PushRequest &req = u->prepared.request;
        authors.append(u->id.user);
        devices.append(u->id.device);
        sequences.append(qint64(req.sequence));
        digestLengths.append(u->prepared.digests.size());
        signatureLengths.append(req.signature.size());
        responseLengths.append(u->allApplied.size());
        digests += u->prepared.digests;
        signatures += req.signature;
        responses += u->allApplied;
        recordIds += u->recordIds;
        recordTypes += u->recordTypes;
        recordBatches.insert(recordBatches.size(), u->recordIds.size(), b);
        audienceIds += u->audienceIds;
        audienceBatches.insert(audienceBatches.size(), u->audienceIds.size(), b);
        for (const Change &ch : req.changes)
            changes.append(&ch);
        changeBatches.insert(changeBatches.size(), req.changes.size(), b);
        ++b;
    }
    const ChangeColumns cols(changes);
    const std::array<std::string, TextParameters> text{sqlText(now.front()->id.organisation),
                                                       uuidArray(authors),
                                                       uuidArray(devices),
                                                       bigintArray(sequences),
                                                       bigintArray(digestLengths),
                                                       bigintArray(signatureLengths),
                                                       bigintArray(responseLengths),
                                                       bigintArray(recordBatches),
                                                       uuidArray(recordIds),
                                                       bigintArray(recordTypes),
                                                       bigintArray(audienceBatches),
                                                       uuidArray(audienceIds),
                                                       bigintArray(changeBatches),
                                                       cols.records,
                                                       cols.types,
                                                       cols.deviceSeqs,
                                                       cols.ms,
                                                       cols.counters,
                                                       cols.stampDevices,
                                                       cols.audiences,
                                                       cols.packed.lengths};
    const std::array<pqxx::binarystring, 4> bytes{sqlBytes(digests), sqlBytes(signatures),
                                                  sqlBytes(responses), sqlBytes(cols.packed.bytes)};

    bool oneByOne = false;
    const Reply r = withDb(m_pool, [&](pqxx::connection &c) -> Reply {
        pqxx::nontransaction n(c);
        try {
            const pqxx::row row =
                n.exec_prepared1("push_grouped", pqxx::prepare::make_dynamic_params(text),
                                 pqxx::prepare::make_dynamic_params(bytes));
            for (PendingPush *u : now)
                u->outcome = PendingPush::Outcome::Single;
            if (!row[1].is_null())
                for (const QByteArray &i : QByteArray(row[1].c_str()).split(','))
                    now.at(std::size_t(i.toLongLong() - 1))->outcome =
                        PendingPush::Outcome::Applied;
        } catch (const pqxx::sql_error &e) {
            // Nothing of the statement was applied. One batch's failure must not be the
            // others': a group is retried one batch at a time. A record id claimed by someone
            // else meanwhile ('WPCLM') sends that batch the single way.
            if (now.size() > 1)
                oneByOne = true;
            else if (e.sqlstate() == "WPCLM")
                now.front()->outcome = PendingPush::Outcome::Single;
            else
                throw;
        }
        return {};
    });
    for (PendingPush *u : now)
        u->databaseMs += r.databaseMs;
    if (oneByOne)
        later.insert(later.begin(), now.begin(), now.end());
    else
        for (PendingPush *u : now)
            if (u->outcome == PendingPush::Outcome::Failed)
                u->failure = r;
    for (PendingPush *u : later)
        apply({u});
}

} // namespace wp::server
