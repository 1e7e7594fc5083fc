// SPDX-License-Identifier: GPL-3.0-or-later
#include "SinglePush.h"

#include <QSet>

#include <stdexcept>
#include <vector>

namespace wp::server {

using namespace wp::wire;

Reply SinglePush::apply(const PendingPush &pending)
{
    const Identity &id = pending.id;
    const PreparedPush &p = pending.prepared;
    const PushRequest &req = p.request;
    const QList<QUuid> &audienceIds = pending.audienceIds, &recordIds = pending.recordIds,
                       &recordAudiences = pending.recordAudiences;
    const QList<qint64> &recordTypes = pending.recordTypes;
    const std::string org = sqlText(id.organisation), user = sqlText(id.user),
                      device = sqlText(id.device);
    const std::string ids = uuidArray(recordIds);
    // Each change's audience, record and type, for push_verdicts.
    std::string changeAudiences, changeRecords, changeTypes;
    {
        QList<QUuid> audiences, records;
        QList<qint64> types;
        for (const Change &ch : req.changes) {
            audiences.append(ch.audienceId);
            records.append(ch.recordId);
            types.append(qint64(ch.type));
        }
        changeAudiences = uuidArray(audiences);
        changeRecords = uuidArray(records);
        changeTypes = bigintArray(types);
    }
    return withDb(m_pool, [&](pqxx::connection &c) -> Reply {
        QSet<QUuid> knownRecords, ownedAudiences, existingAudiences;
        knownRecords.reserve(recordIds.size());

        pqxx::work w(c);
        bool fresh = false;
        for (const auto &r :
             w.exec_prepared("push_prepare", org, user, device, qint64(req.sequence),
                             sqlBytes(p.digests), sqlBytes(req.signature), uuidArray(audienceIds),
                             ids, bigintArray(recordTypes), uuidArray(recordAudiences))) {
            const int kind = r[0].as<int>();
            if (kind == 0) {
                fresh = r[4].as<bool>();
            } else if (kind == 1) {
                existingAudiences.insert(uuidOf(r[1]));
                if (r[4].as<bool>())
                    ownedAudiences.insert(uuidOf(r[1]));
            } else {
                knownRecords.insert(uuidOf(r[1]));
            }
        }
        if (!fresh) {
            // A retry: answer what the first application answered; apply nothing.
            const auto prior = w.exec_prepared1("push_prior", org, device, qint64(req.sequence));
            if (bytesOf(prior[0]) != p.digests)
                return Reply::error(
                    409, QStringLiteral("sequence_reused"),
                    QStringLiteral("this batch sequence was used for other changes"));
            auto resp = decodePushResponse(bytesOf(prior[1]));
            if (!resp)
                return Reply::error(500, QStringLiteral("internal"),
                                    QStringLiteral("stored response unreadable"));
            resp->duplicate = true;
            return Reply::ok(*resp);
        }

        // New audiences (rare: once per audience): readers must be users of this organisation
        // and, of those, the author or the author's supervisors: a worker cannot make a
        // colleague's device pull what it chooses.
        bool created = false;
        QSet<QUuid> readersNotAllowed;
        for (const Audience &a : req.audiences) {
            if (existingAudiences.contains(a.id))
                continue; // already known: readers change only through sharing
            QList<QUuid> readers;
            for (const SealedKey &r : a.readers)
                if (!readers.contains(r.userId))
                    readers.append(r.userId);
            const auto counts =
                w.exec_params1(m_sql.text("audience_readers_known"), org, user, uuidArray(readers));
            const int known = counts[0].as<int>(), allowed = counts[1].as<int>();
            if (known != readers.size() || readers.size() != a.readers.size())
                continue; // its changes are refused as unknown_audience
            if (allowed != known) {
                readersNotAllowed.insert(a.id);
                continue; // its changes are refused as reader_not_allowed
            }
            const auto inserted =
                w.exec_params(m_sql.text("audience_create"), org, sqlText(a.id), user);
            existingAudiences.insert(a.id);
            if (inserted.empty())
                continue;
            ownedAudiences.insert(a.id);
            created = true;
            QList<QByteArray> sealed;
            for (const SealedKey &r : a.readers)
                sealed.append(r.sealedKey);
            w.exec_params(m_sql.text("audience_readers_add"), org, sqlText(a.id),
                          uuidArray(readers), byteaArray(sealed));
        }
        // Records not in the answer: their audience was created just now, or a concurrent
        // push claimed them (in neither half of one snapshot). Claim them now.
        bool missing = false;
        for (qsizetype i = 0; i < recordIds.size() && !missing; ++i)
            missing =
                ownedAudiences.contains(recordAudiences[i]) && !knownRecords.contains(recordIds[i]);
        if (created || missing) {
            QList<QUuid> claimIds;
            QList<qint64> claimTypes;
            for (qsizetype i = 0; i < recordIds.size(); ++i)
                if (ownedAudiences.contains(recordAudiences[i])) {
                    claimIds.append(recordIds[i]);
                    claimTypes.append(recordTypes[i]);
                }
            w.exec_prepared("claim_records", org, user, uuidArray(claimIds),
                            bigintArray(claimTypes));
        }

        // Each change's verdict, by the rules the grouped statement applies too.
        struct Verdict
        {
            QString refusal; // empty: accepted
            bool tombstoned = false;
        };
        std::vector<Verdict> verdicts(std::size_t(req.changes.size()));
        const auto rows = w.exec_prepared("push_verdicts", org, user, uuidArray(audienceIds), ids,
                                          changeAudiences, changeRecords, changeTypes);
        if (rows.size() != pqxx::result::size_type(verdicts.size()))
            throw std::logic_error("push_verdicts answered another number of changes");
        for (const auto &r : rows)
            verdicts.at(r[0].as<std::size_t>() - 1) = {
                r[1].is_null() ? QString() : QString::fromUtf8(r[1].c_str()), r[2].as<bool>()};

        PushResponse resp;
        resp.sequence = req.sequence;
        QList<const Change *> accepted;
        accepted.reserve(req.changes.size());
        for (qsizetype k = 0; k < req.changes.size(); ++k) {
            const Change &ch = req.changes[k];
            const Verdict &v = verdicts[std::size_t(k)];
            if (!v.refusal.isEmpty()) {
                // The audience was not created because of a reader: say so rather than
                // "unknown".
                const bool reader =
                    v.refusal == u"unknown_audience" && readersNotAllowed.contains(ch.audienceId);
                resp.rejected.append(
                    {ch.changeId, reader ? QStringLiteral("reader_not_allowed") : v.refusal});
                continue;
            }
            resp.applied.append(ch.changeId);
            if (!v.tombstoned) // acknowledged, not stored (push_verdicts says why)
                accepted.append(&ch);
        }

        // Every accepted change is "applied" whether it is stored now or was before, so the
        // response is known before the insert.
        const QByteArray stored = encode(resp);
        if (!accepted.isEmpty()) {
            const ChangeColumns cols(accepted);
            if (cols.deletedRecords.isEmpty()) {
                w.exec_prepared("push_changes", org, user, device, qint64(accepted.size()),
                                qint64(req.sequence), cols.records, cols.types, cols.deviceSeqs,
                                cols.ms, cols.counters, cols.stampDevices, cols.deleted,
                                cols.audiences, cols.packed.lengths, sqlBytes(cols.packed.bytes),
                                sqlBytes(stored));
            } else { // rare: planned for these ids each time (no generic plan to go stale)
                w.exec_params(m_sql.text("push_changes_tombstones"), org, user, device,
                              qint64(accepted.size()), qint64(req.sequence), cols.records,
                              cols.types, cols.deviceSeqs, cols.ms, cols.counters,
                              cols.stampDevices, cols.deleted, cols.audiences, cols.packed.lengths,
                              sqlBytes(cols.packed.bytes), sqlBytes(stored),
                              uuidArray(cols.deletedRecords));
                // The deleted records' earlier versions go with them (erasure).
                w.exec_params(m_sql.text("push_purge"), org, uuidArray(cols.deletedRecords));
            }
        } else {
            w.exec_prepared("push_response", org, device, qint64(req.sequence), sqlBytes(stored));
        }
        // Changes that move their record out of an audience (an unshared entry): its other
        // readers stop receiving it. Rare, so planned each time.
        QList<qint64> movedSeqs;
        QList<QUuid> leftAudiences;
        for (const Change *ch : accepted)
            if (!ch->withdrawnFrom.isNull() && ch->withdrawnFrom != ch->audienceId) {
                movedSeqs.append(qint64(ch->changeId));
                leftAudiences.append(ch->withdrawnFrom);
            }
        if (!movedSeqs.isEmpty())
            w.exec_params(m_sql.text("push_withdrawals"), org, user, bigintArray(movedSeqs),
                          uuidArray(leftAudiences), device);
        w.commit();
        return {200, stored, {}, 0};
    });
}

} // namespace wp::server
