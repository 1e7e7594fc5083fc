#include "SyncService.h"

#include "EnrolmentCode.h"
#include "SecretBytes.h"
#include "Uuid.h"
#include "crypto/BatchSignature.h"
#include "wire/Codec.h"

#include <QDateTime>
#include <QHash>
#include <QSet>

#include <sodium.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <map>
#include <utility>

namespace wp::server {

using namespace wp::wire;

namespace {

template <typename M> Reply ok(const M &message)
{
    return {200, encode(message), {}, 0};
}

QByteArray tokenHash(QByteArrayView token)
{
    return crypto::blake2b256(token);
}

std::string text(const QString &s)
{
    return s.toStdString();
}

// Numbering, inserting, remembering tombstones and storing the response in one statement:
// the counter row is locked from here to COMMIT, one round trip later. Envelopes arrive as
// one binary parameter ($15) split by their lengths ($14). A batch with deletions also
// records its records' first tombstone, naming them ($17) so that they are probed by key;
// the prepared statement for the usual batch (none) does not touch `records` at all:
// joined only to the inserted rows, the update was planned as a scan of every record of
// the organisation on every batch, deletions or not, and a push slowed as the log grew.
std::string pushChangesSql(bool tombstones)
{
    std::string sql =
        "WITH ctr AS (UPDATE organisations SET change_seq = change_seq + $4 "
        "WHERE organisation_id = $1 RETURNING change_seq), "
        "ins AS (INSERT INTO changes (organisation_id, seq, record_id, record_type, author_id, "
        "device_id, batch_sequence, device_seq, stamp_ms, stamp_counter, stamp_device, deleted, "
        "audience_id, envelope) "
        "SELECT $1, (SELECT change_seq FROM ctr) - $4 + u.i, u.r, u.t, $2, $3, $5, u.q, u.m, "
        "u.n, u.d, u.x, u.a, substring($15::bytea FROM (sum(u.len) OVER (ORDER BY u.i) - "
        "u.len + 1)::integer FOR u.len) "
        "FROM unnest($6::uuid[], $7::smallint[], $8::bigint[], $9::bigint[], $10::bigint[], "
        "$11::uuid[], $12::boolean[], $13::uuid[], $14::integer[]) WITH ORDINALITY "
        "AS u(r, t, q, m, n, d, x, a, len, i) "
        "ON CONFLICT DO NOTHING RETURNING record_id, seq, deleted), ";
    if (tombstones)
        sql += "tomb AS (UPDATE records SET deleted_seq = t.seq, deleted_at = now() FROM "
               "(SELECT record_id, min(seq) AS seq FROM ins WHERE deleted GROUP BY record_id) t "
               "WHERE records.organisation_id = $1 AND records.record_id = ANY($17::uuid[]) AND "
               "records.record_id = t.record_id AND records.deleted_seq IS NULL), ";
    sql += "resp AS (UPDATE batches SET response = $16 WHERE organisation_id = $1 AND "
           "device_id = $3 AND sequence = $5) "
           "SELECT count(*) FROM ins";
    return sql;
}

// The usual batches (no deletion) of one organisation, applied together by one autocommit
// statement, so in one transaction (migrations/0004_push_group.sql; docs/protocol.md,
// "Push"). $1 the organisation; per batch, in group order: $2 author, $3 device, $4 sequence,
// and the lengths of its digests ($5), signature ($6) and response ($7), packed in $22, $23
// and $24; per record named ($8 its batch's index, from 1): $9 id, $10 type; per audience
// named ($11 batch): $12 id; per change ($13 batch): $14..$21 its columns, envelopes in $25.
// A batch that names an audience its author does not own, or a record that is not its
// author's or was deleted, or that was stored before (a retry), is left out ("general"):
// the caller applies it the general way. Records are probed by primary key one id at a time
// (LATERAL ... LIMIT 1): "record_id = ANY(...)" was planned as a scan of the organisation's
// range whenever statistics underestimated it. The counter row is locked last (the
// unreferenced INSERT runs after the main query), so it is held from the numbering to the
// commit and no longer. Answers the indexes of the applied batches, e.g. "1,3".
constexpr int UsualText = 21;
constexpr const char *UsualGroupSql =
    "WITH batch AS (SELECT b.*, sum(b.dlen) OVER w - b.dlen + 1 AS doff, "
    "sum(b.slen) OVER w - b.slen + 1 AS soff, sum(b.rlen) OVER w - b.rlen + 1 AS roff "
    "FROM unnest($2::uuid[], $3::uuid[], $4::bigint[], $5::integer[], $6::integer[], "
    "$7::integer[]) WITH ORDINALITY AS b(usr, dev, sq, dlen, slen, rlen, i) "
    "WINDOW w AS (ORDER BY b.i)), "
    "named AS (SELECT n.i, n.id, n.t, b.usr FROM unnest($8::integer[], $9::uuid[], "
    "$10::smallint[]) AS n(i, id, t) JOIN batch b USING (i)), "
    "seen AS (SELECT n.i, x.author_id IS NULL AS fresh, x.author_id <> n.usr OR "
    "x.record_type <> n.t OR x.deleted_seq IS NOT NULL AS refused FROM named n "
    "LEFT JOIN LATERAL (SELECT author_id, record_type, deleted_seq FROM records "
    "WHERE organisation_id = $1 AND record_id = n.id LIMIT 1) x ON true), "
    "usual AS (SELECT b.* FROM batch b WHERE NOT EXISTS (SELECT 1 FROM seen s "
    "WHERE s.i = b.i AND s.refused) AND NOT EXISTS (SELECT 1 FROM unnest($11::integer[], "
    "$12::uuid[]) AS a(i, id) LEFT JOIN LATERAL (SELECT owner_id FROM audiences "
    "WHERE organisation_id = $1 AND audience_id = a.id LIMIT 1) o ON true "
    "WHERE a.i = b.i AND o.owner_id IS DISTINCT FROM b.usr)), "
    "stored AS (INSERT INTO batches (organisation_id, device_id, sequence, author_id, digests, "
    "signature, response) SELECT $1, dev, sq, usr, substring($22::bytea FROM doff::integer "
    "FOR dlen), substring($23::bytea FROM soff::integer FOR slen), substring($24::bytea "
    "FROM roff::integer FOR rlen) FROM usual ON CONFLICT DO NOTHING "
    "RETURNING device_id, sequence), "
    "applied AS (SELECT u.i, u.usr, u.dev, u.sq FROM usual u JOIN stored s "
    "ON s.device_id = u.dev AND s.sequence = u.sq), "
    "claimed AS (INSERT INTO records (organisation_id, record_id, author_id, record_type) "
    "SELECT $1, id, usr, t FROM named WHERE i IN (SELECT i FROM applied) "
    "ON CONFLICT DO NOTHING RETURNING 1), "
    "change AS (SELECT c.*, sum(c.len) OVER (ORDER BY c.k) - c.len + 1 AS off "
    "FROM unnest($13::integer[], $14::uuid[], $15::smallint[], $16::bigint[], $17::bigint[], "
    "$18::bigint[], $19::uuid[], $20::uuid[], $21::integer[]) WITH ORDINALITY "
    "AS c(i, r, t, q, m, n, d, a, len, k)), "
    "counter AS (UPDATE organisations SET change_seq = change_seq + (SELECT count(*) "
    "FROM change WHERE i IN (SELECT i FROM applied)) WHERE organisation_id = $1 "
    "AND EXISTS (SELECT 1 FROM applied) RETURNING change_seq), "
    "inserted AS (INSERT INTO changes (organisation_id, seq, record_id, record_type, "
    "author_id, device_id, batch_sequence, device_seq, stamp_ms, stamp_counter, stamp_device, "
    "deleted, audience_id, envelope) SELECT $1, (SELECT change_seq FROM counter) - "
    "count(*) OVER () + row_number() OVER (ORDER BY c.k), c.r, c.t, a.usr, a.dev, a.sq, "
    "c.q, c.m, c.n, c.d, false, c.a, substring($25::bytea FROM c.off::integer FOR c.len) "
    "FROM change c JOIN applied a USING (i) ON CONFLICT DO NOTHING) "
    // A new record id claimed by someone else since the snapshot undoes the whole statement
    // ('WPGEN', caught by the service).
    "SELECT CASE WHEN (SELECT count(*) FROM claimed) <> (SELECT count(*) FROM seen s "
    "WHERE s.fresh AND s.i IN (SELECT i FROM applied)) THEN push_claimed_concurrently() END, "
    "(SELECT string_agg(i::text, ',' ORDER BY i) FROM applied)";

// The pull statement. Kind 0: the page's changes; 1: their batch manifests; 2: the caller's
// sealed keys for their audiences; 3: the counter and the compaction horizon. Not sorted here
// (that would copy every envelope once more): pageReply() orders the changes by seq.
// $1 organisation, $3 since, $4 limit, and $2 the user; or, `authenticating` (POST /v1/sync),
// $2 the device and $5 the hash of the token it presented: then kind 4 is the device's
// credentials (as the "auth" statement reads them) and the page is read only for a device
// whose token matches and that is not revoked. The service still compares the hash itself,
// in constant time, before anything read here is answered.
std::string pullSql(bool authenticating)
{
    const std::string user = authenticating ? "(SELECT user_id FROM reader)" : "$2";
    std::string sql = "WITH ";
    if (authenticating)
        sql += "dev AS (SELECT d.user_id, d.token_hash, d.revoked_at IS NOT NULL AS revoked, "
               "u.role, u.signing_key, d.last_seen_at < now() - interval '1 minute' AS stale "
               "FROM devices d JOIN users u USING (organisation_id, user_id) "
               "WHERE d.organisation_id = $1 AND d.device_id = $2), "
               "reader AS (SELECT user_id FROM dev WHERE token_hash = $5 AND NOT revoked), ";
    sql += "ctr AS (SELECT change_seq, compacted_seq FROM organisations "
           "WHERE organisation_id = $1), "
           "page AS MATERIALIZED (SELECT x.* FROM audience_readers r CROSS JOIN LATERAL "
           "(SELECT c.seq, c.record_id, c.stamp_device, c.audience_id, c.device_id, "
           "c.record_type, c.stamp_ms, c.stamp_counter, c.batch_sequence, c.deleted, c.envelope "
           "FROM changes c WHERE c.organisation_id = $1 AND c.audience_id = r.audience_id AND "
           "c.seq > $3 AND c.seq <= (SELECT change_seq FROM ctr) ORDER BY c.seq LIMIT $4) x "
           "WHERE r.organisation_id = $1 AND r.user_id = " +
           user +
           " ORDER BY x.seq LIMIT $4) "
           "SELECT 0 AS kind, seq, record_id, stamp_device, audience_id, device_id, "
           "record_type::bigint AS n1, stamp_ms, stamp_counter, batch_sequence, deleted, "
           "envelope AS x, NULL::bytea AS y, NULL::text AS z FROM page "
           "UNION ALL SELECT 1, NULL, b.device_id, b.author_id, NULL, NULL, NULL, NULL, NULL, "
           "b.sequence, NULL, b.digests, b.signature, NULL FROM (SELECT DISTINCT device_id, "
           "batch_sequence FROM page) k JOIN batches b ON b.organisation_id = $1 AND "
           "b.device_id = k.device_id AND b.sequence = k.batch_sequence "
           "UNION ALL SELECT 2, NULL, a.audience_id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "
           "NULL, a.sealed_key, NULL, NULL FROM (SELECT DISTINCT audience_id FROM page) k "
           "JOIN audience_readers a ON a.organisation_id = $1 AND a.audience_id = k.audience_id "
           "AND a.user_id = " +
           user +
           " UNION ALL SELECT 3, change_seq, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "
           "compacted_seq, NULL, NULL, NULL, NULL FROM ctr";
    if (authenticating)
        sql += " UNION ALL SELECT 4, NULL, user_id, NULL, NULL, NULL, CASE WHEN stale THEN 1 "
               "ELSE 0 END, NULL, NULL, NULL, revoked, token_hash, signing_key, role FROM dev";
    return sql;
}

// The columns of the changes a push stores, as SQL parameters (arrays, envelopes packed).
struct ChangeColumns
{
    explicit ChangeColumns(const QList<const Change *> &changes)
    {
        QList<qint64> typeList, msList, counterList, seqList;
        QList<QUuid> recordList, deviceList, audienceList;
        QList<QByteArray> envelopes;
        deleted.push_back('{');
        for (const Change *ch : changes) {
            seqList.append(qint64(ch->changeId));
            recordList.append(ch->recordId);
            typeList.append(qint64(ch->type));
            msList.append(ch->stamp.physicalMs);
            counterList.append(qint64(ch->stamp.counter));
            deviceList.append(ch->stamp.device);
            audienceList.append(ch->audienceId);
            envelopes.append(ch->envelope);
            deleted += (deleted.size() > 1 ? "," : "");
            deleted += ch->deleted ? 't' : 'f';
            if (ch->deleted) // a repeated id is harmless in ANY()
                deletedRecords.append(ch->recordId);
        }
        deleted += '}';
        records = uuidArray(recordList);
        types = bigintArray(typeList);
        deviceSeqs = bigintArray(seqList);
        ms = bigintArray(msList);
        counters = bigintArray(counterList);
        stampDevices = uuidArray(deviceList);
        audiences = uuidArray(audienceList);
        packed = packBytes(envelopes);
    }

    std::string records, types, deviceSeqs, ms, counters, stampDevices, audiences, deleted;
    QList<QUuid> deletedRecords;
    PackedBytes packed;
};

} // namespace

struct SyncService::PendingPush
{
    Identity id;
    PreparedPush prepared;
    // Column arrays, built once outside the transaction (a retry reuses them).
    QList<QUuid> audienceIds, recordIds, recordAudiences;
    QList<qint64> recordTypes;
    // A usual batch (no deletion) in a group: its response (every change applied), known
    // beforehand, and what became of it.
    QByteArray usualResponse;
    enum class Outcome { Failed, Applied, General } outcome = Outcome::Failed;
    Reply failure = error(500, QStringLiteral("internal"), QStringLiteral("server error"));
    double databaseMs = 0; // its group's statements
};

// Up to 32 usual pushes per transaction: a failed group costs at most 32 single retries.
SyncService::SyncService(ConnectionPool &pool)
    : m_pool(pool), m_usualPushes(32, [this](const auto &group) { applyUsual(group); })
{
}

SyncService::~SyncService() = default;

void SyncService::applyUsual(const std::vector<PendingPush *> &group)
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

    // The group statement's parameters (UsualGroupSql): batch columns, then the records,
    // audiences and changes they name, each with the index of its batch.
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
        responseLengths.append(u->usualResponse.size());
        digests += u->prepared.digests;
        signatures += req.signature;
        responses += u->usualResponse;
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
    const std::array<std::string, UsualText> text{sqlText(now.front()->id.organisation),
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
    const Reply r = withDb([&](pqxx::connection &c) -> Reply {
        pqxx::nontransaction n(c);
        try {
            const pqxx::row row =
                n.exec_prepared1("push_usual", pqxx::prepare::make_dynamic_params(text),
                                 pqxx::prepare::make_dynamic_params(bytes));
            for (PendingPush *u : now)
                u->outcome = PendingPush::Outcome::General;
            if (!row[1].is_null())
                for (const QByteArray &i : QByteArray(row[1].c_str()).split(','))
                    now.at(std::size_t(i.toLongLong() - 1))->outcome =
                        PendingPush::Outcome::Applied;
        } catch (const pqxx::sql_error &e) {
            // Nothing of the statement was applied. One batch's failure must not be the
            // others': a group is retried one batch at a time. A record id claimed by someone
            // else meanwhile ('WPGEN') sends that batch the general way.
            if (now.size() > 1)
                oneByOne = true;
            else if (e.sqlstate() == "WPGEN")
                now.front()->outcome = PendingPush::Outcome::General;
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
        applyUsual({u});
}

ConnectionPool::Prepared SyncService::statements()
{
    return {
        {"auth", "SELECT d.user_id, d.token_hash, d.revoked_at IS NOT NULL, u.role, "
                 "u.signing_key, d.last_seen_at < now() - interval '1 minute' FROM devices d "
                 "JOIN users u USING (organisation_id, user_id) "
                 "WHERE d.organisation_id = $1 AND d.device_id = $2"},
        {"touch", "UPDATE devices SET last_seen_at = now() WHERE organisation_id = $1 AND "
                  "device_id = $2 AND last_seen_at < now() - interval '1 minute'"},
        {"pull", pullSql(false)},
        {"sync_pull", pullSql(true)},
        // Kind 0: whether the batch is new; 1: the audiences named (and whether this user owns
        // them); 2: the records named, claimed now (for audiences this user owns) or before.
        // One snapshot: the SELECT half does not see the rows the INSERT half adds.
        // Records claimed before are read by one primary-key probe per id (LATERAL ... LIMIT 1
        // keeps the planner from flattening it): "record_id = ANY(...)" was planned as a scan
        // of the organisation's whole range whenever the statistics underestimated it (a new
        // table has none: 0.5% of the rows), so a push cost more the longer the log was.
        {"push_prepare",
         "WITH batch AS (INSERT INTO batches (organisation_id, device_id, sequence, author_id, "
         "digests, signature) VALUES ($1, $3, $4, $2, $5, $6) ON CONFLICT DO NOTHING "
         "RETURNING 1), "
         "named AS (SELECT audience_id, owner_id = $2 AS mine FROM audiences WHERE "
         "organisation_id = $1 AND audience_id = ANY($7::uuid[])), "
         "claimed AS (INSERT INTO records (organisation_id, record_id, author_id, record_type) "
         "SELECT $1, r, $2, t FROM unnest($8::uuid[], $9::smallint[], $10::uuid[]) AS x(r, t, a) "
         "WHERE EXISTS (SELECT 1 FROM batch) AND a IN (SELECT audience_id FROM named WHERE mine) "
         "ON CONFLICT DO NOTHING RETURNING record_id, author_id, record_type, deleted_seq) "
         "SELECT 0 AS kind, NULL::uuid AS id, NULL::uuid AS author, NULL::integer AS type, "
         "EXISTS (SELECT 1 FROM batch) AS flag "
         "UNION ALL SELECT 1, audience_id, NULL, NULL, mine FROM named "
         "UNION ALL SELECT 2, record_id, author_id, record_type, deleted_seq IS NOT NULL "
         "FROM claimed "
         "UNION ALL SELECT 2, x.record_id, x.author_id, x.record_type, x.deleted_seq IS NOT NULL "
         "FROM unnest($8::uuid[]) AS k(id) CROSS JOIN LATERAL (SELECT record_id, author_id, "
         "record_type, deleted_seq FROM records WHERE organisation_id = $1 AND record_id = k.id "
         "LIMIT 1) x"},
        {"push_prior", "SELECT digests, response FROM batches WHERE organisation_id = $1 AND "
                       "device_id = $2 AND sequence = $3"},
        {"claim_records", "INSERT INTO records (organisation_id, record_id, author_id, "
                          "record_type) SELECT $1, r, $2, t FROM unnest($3::uuid[], "
                          "$4::smallint[]) AS x(r, t) ON CONFLICT DO NOTHING"},
        {"records_of", "SELECT x.record_id, x.author_id, x.record_type, x.deleted_seq IS NOT NULL "
                       "FROM unnest($2::uuid[]) AS k(id) CROSS JOIN LATERAL (SELECT record_id, "
                       "author_id, record_type, deleted_seq FROM records WHERE organisation_id = "
                       "$1 AND record_id = k.id LIMIT 1) x"},
        {"push_changes", pushChangesSql(false)},
        // The usual batches of one organisation in one autocommit statement.
        {"push_usual", UsualGroupSql},
        {"push_response", "UPDATE batches SET response = $4 WHERE organisation_id = $1 AND "
                          "device_id = $2 AND sequence = $3"},
    };
}

std::string SyncService::sessionSetup()
{
    // Every request statement is built from key probes and index ranges inside one
    // organisation. Planned from a small organisation's statistics (or a new table's: none),
    // PostgreSQL chose sequential scans of whole tables instead, which cost more with every
    // row the organisation adds: in the 200-device burst a third of PostgreSQL's CPU
    // (docs/benchmarks.md). Off here, a scan is still used where no index can serve.
    // Generic plans: the statements are written to be index probes whatever the values, and
    // PostgreSQL kept planning the push function's statements again on every call (custom
    // plans looked cheaper), a fifth of its CPU per sync.
    return "SET enable_seqscan = off; SET plan_cache_mode = force_generic_plan";
}

Reply SyncService::error(int status, const QString &code, const QString &message)
{
    return {status, encode(ErrorBody{code, message}), code, 0};
}

Reply SyncService::decodingError(const Error &e)
{
    const QString code = serverErrorCode(e);
    return error(code == u"too_large" ? 413 : 400, code, e.message);
}

Reply SyncService::withDb(const std::function<Reply(pqxx::connection &)> &work)
{
    const auto start = std::chrono::steady_clock::now();
    const auto attempt = [&]() -> Reply {
        for (int attempt = 0; attempt < 2; ++attempt) {
            auto lease = m_pool.acquire();
            if (!lease)
                return error(503, QStringLiteral("unavailable"), lease.error().message);
            try {
                return work(**lease);
            } catch (const pqxx::broken_connection &) {
                // A restarted PostgreSQL leaves stale pooled connections; try one fresh one.
                continue;
            } catch (const pqxx::sql_error &e) {
                // The SQL state is safe to report; the message could quote data.
                return error(
                    500, QStringLiteral("internal"),
                    QStringLiteral("database error %1").arg(QString::fromStdString(e.sqlstate())));
            } catch (const std::exception &) {
                return error(500, QStringLiteral("internal"), QStringLiteral("server error"));
            }
        }
        return error(503, QStringLiteral("unavailable"),
                     QStringLiteral("the database is unreachable"));
    };
    Reply r = attempt();
    r.databaseMs +=
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return r;
}

Reply SyncService::unauthorized()
{
    return error(401, QStringLiteral("unauthorized"),
                 QStringLiteral("missing or wrong device credentials"));
}

std::optional<SyncService::Claim> SyncService::claimOf(std::string_view header)
{
    constexpr std::string_view scheme = "Waypoint ";
    if (header.substr(0, scheme.size()) != scheme)
        return std::nullopt;
    const QString value = QString::fromLatin1(header.substr(scheme.size()));
    const QStringList parts = value.split(u'.');
    if (parts.size() != 3)
        return std::nullopt;
    Claim claim;
    claim.organisation = idFromText(parts[0]);
    claim.device = idFromText(parts[1]);
    auto decoded = QByteArray::fromBase64Encoding(
        parts[2].toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals |
                                 QByteArray::AbortOnBase64DecodingErrors);
    const bool wellFormed = !claim.organisation.isNull() && !claim.device.isNull() && decoded &&
                            decoded.decoded.size() == 32;
    if (wellFormed)
        claim.tokenHash = tokenHash(decoded.decoded);
    wipe(decoded.decoded);
    if (!wellFormed)
        return std::nullopt;
    return claim;
}

std::variant<Identity, Reply> SyncService::authenticate(std::string_view header, bool allowRevoked)
{
    const Reply unauthorized = SyncService::unauthorized();
    const auto claim = claimOf(header);
    if (!claim)
        return unauthorized;
    Identity id;
    id.organisation = claim->organisation;
    id.device = claim->device;
    const QByteArray &presented = claim->tokenHash;

    std::variant<Identity, Reply> out = unauthorized;
    const Reply r = withDb([&](pqxx::connection &c) -> Reply {
        // One statement, no transaction: the device, its user's role and signing key, and
        // whether its last contact is stale. Nothing is cached, so a revocation takes effect
        // on the very next request.
        pqxx::nontransaction w(c);
        const auto rows = w.exec_prepared("auth", sqlText(id.organisation), sqlText(id.device));
        // Compare against something even for unknown devices, so timing says nothing.
        const QByteArray stored = rows.empty() ? QByteArray(32, '\0') : bytesOf(rows[0][1]);
        if (!constantTimeEquals(presented, stored) || rows.empty())
            return unauthorized;
        id.user = uuidOf(rows[0][0]);
        id.revoked = rows[0][2].as<bool>();
        id.role = QString::fromLatin1(rows[0][3].c_str());
        id.signingKey = bytesOf(rows[0][4]);
        if (id.revoked && !allowRevoked)
            return error(403, QStringLiteral("device_revoked"),
                         QStringLiteral("this device was revoked; destroy its keys"));
        // Last contact, for the admin's device list and offline leases; at most once a minute,
        // so a busy device costs one statement per request, not two.
        if (rows[0][5].as<bool>())
            w.exec_prepared("touch", sqlText(id.organisation), sqlText(id.device));
        out = id;
        return {};
    });
    if (std::holds_alternative<Identity>(out))
        return out;
    return r.status == 200 ? unauthorized : r;
}

Reply SyncService::enrol(QByteArrayView body)
{
    auto req = decodeEnrolRequest(body);
    if (!req)
        return decodingError(req.error());
    const Reply invalid = error(401, QStringLiteral("enrolment_code_invalid"),
                                QStringLiteral("the enrolment code is unknown, used or expired"));
    const QString code = EnrolmentCode::normalise(req->code);
    if (code.isEmpty())
        return invalid;
    if (req->deviceName.trimmed().isEmpty())
        return error(400, QStringLiteral("malformed"), QStringLiteral("the device needs a name"));
    return withDb([&](pqxx::connection &c) -> Reply {
        pqxx::work w(c);
        const auto rows =
            w.exec_params("SELECT e.organisation_id, e.user_id, u.role, u.signing_key IS NOT NULL "
                          "FROM enrolment_codes e JOIN users u USING (organisation_id, user_id) "
                          "WHERE e.code_hash = $1 AND e.used_at IS NULL AND e.expires_at > now() "
                          "FOR UPDATE OF e",
                          sqlBytes(EnrolmentCode::hash(code)));
        if (rows.empty())
            return invalid;
        EnrolResponse resp;
        resp.organisationId = uuidOf(rows[0][0]);
        resp.userId = uuidOf(rows[0][1]);
        resp.role = QString::fromStdString(rows[0][2].as<std::string>());
        resp.userHasKeys = rows[0][3].as<bool>();
        resp.deviceId = createUuidV7();
        resp.token = QByteArray(32, Qt::Uninitialized);
        randombytes_buf(resp.token.data(), 32);
        w.exec_params("UPDATE enrolment_codes SET used_at = now() "
                      "WHERE organisation_id = $1 AND code_hash = $2",
                      sqlText(resp.organisationId), sqlBytes(EnrolmentCode::hash(code)));
        w.exec_params("INSERT INTO devices (organisation_id, device_id, user_id, name, platform, "
                      "token_hash) VALUES ($1, $2, $3, $4, $5, $6)",
                      sqlText(resp.organisationId), sqlText(resp.deviceId), sqlText(resp.userId),
                      text(req->deviceName.trimmed()), text(req->platform),
                      sqlBytes(tokenHash(resp.token)));
        w.commit();
        Reply r = ok(resp);
        wipe(resp.token);
        return r;
    });
}

Reply SyncService::directory(const Identity &id)
{
    return withDb([&](pqxx::connection &c) -> Reply {
        pqxx::work w(c);
        const auto rows =
            w.exec_params("SELECT user_id, role, encryption_key, signing_key FROM users "
                          "WHERE organisation_id = $1 AND signing_key IS NOT NULL ORDER BY user_id",
                          sqlText(id.organisation));
        KeyDirectory dir;
        for (const auto &r : rows)
            dir.users.append({uuidOf(r[0]), QString::fromStdString(r[1].as<std::string>()),
                              bytesOf(r[2]), bytesOf(r[3])});
        return ok(dir);
    });
}

Reply SyncService::putPublicKeys(const Identity &id, QByteArrayView body)
{
    auto req = decodePublicKeys(body);
    if (!req)
        return decodingError(req.error());
    return withDb([&](pqxx::connection &c) -> Reply {
        pqxx::work w(c);
        const auto row = w.exec_params1("SELECT encryption_key, signing_key FROM users "
                                        "WHERE organisation_id = $1 AND user_id = $2 FOR UPDATE",
                                        sqlText(id.organisation), sqlText(id.user));
        if (!row[0].is_null()) {
            // A user's identity is set once; replacing it silently would let a device
            // impersonate the user to every reader.
            if (bytesOf(row[0]) == req->encryptionKey && bytesOf(row[1]) == req->signingKey)
                return ok(Ack{});
            return error(409, QStringLiteral("conflict"),
                         QStringLiteral("this user already has different keys"));
        }
        w.exec_params("UPDATE users SET encryption_key = $3, signing_key = $4 "
                      "WHERE organisation_id = $1 AND user_id = $2",
                      sqlText(id.organisation), sqlText(id.user), sqlBytes(req->encryptionKey),
                      sqlBytes(req->signingKey));
        w.commit();
        return ok(Ack{});
    });
}

Reply SyncService::putKeyBackup(const Identity &id, QByteArrayView body)
{
    auto req = decodeKeyBackup(body);
    if (!req)
        return decodingError(req.error());
    if (req->blob.isEmpty())
        return error(400, QStringLiteral("malformed"), QStringLiteral("the key backup is empty"));
    return withDb([&](pqxx::connection &c) -> Reply {
        pqxx::work w(c);
        w.exec_params(
            "UPDATE users SET key_backup = $3 WHERE organisation_id = $1 AND user_id = $2",
            sqlText(id.organisation), sqlText(id.user), sqlBytes(req->blob));
        w.commit();
        return ok(Ack{});
    });
}

Reply SyncService::keyBackup(const Identity &id)
{
    return withDb([&](pqxx::connection &c) -> Reply {
        pqxx::work w(c);
        const auto row = w.exec_params1(
            "SELECT key_backup FROM users WHERE organisation_id = $1 AND user_id = $2",
            sqlText(id.organisation), sqlText(id.user));
        if (row[0].is_null())
            return error(404, QStringLiteral("not_found"), QStringLiteral("no key backup yet"));
        return ok(KeyBackupMessage{bytesOf(row[0])});
    });
}

std::variant<PreparedPush, Reply> SyncService::preparePush(const Identity &id, QByteArrayView body)
{
    auto decoded = decodePushRequest(body);
    if (!decoded)
        return decodingError(decoded.error());
    PreparedPush p{std::move(*decoded), {}, {}};
    const PushRequest &req = p.request;
    QSet<std::uint64_t> ids;
    for (const Change &ch : req.changes)
        ids.insert(ch.changeId);
    if (ids.size() != req.changes.size())
        return error(400, QStringLiteral("malformed"),
                     QStringLiteral("a batch names each change id once"));
    if (req.deviceId != id.device)
        return error(403, QStringLiteral("forbidden"),
                     QStringLiteral("the batch names another device"));

    QList<QByteArray> digests;
    digests.reserve(req.changes.size());
    for (const Change &ch : req.changes)
        digests.append(crypto::changeDigest(ch));
    p.manifest = manifestBytes(id.organisation, id.user, id.device, req.sequence, digests);
    p.digests = digests.join();
    return p;
}

void SyncService::push(const Identity &id, QByteArrayView body, Answer answer)
{
    auto prepared = preparePush(id, body);
    if (auto *failure = std::get_if<Reply>(&prepared))
        return answer(*failure);
    // Kept until answered: a push that waits for its group is answered on another thread.
    auto pending = std::make_shared<PendingPush>(id, std::move(std::get<PreparedPush>(prepared)));
    const PushRequest &req = pending->prepared.request;

    // The signing key came with authentication; verifying needs no connection.
    if (id.signingKey.isEmpty())
        return answer(error(409, QStringLiteral("keys_missing"),
                            QStringLiteral("upload the user's public keys first")));
    if (!crypto::verifyManifest(id.signingKey, pending->prepared.manifest, req.signature))
        return answer(error(422, QStringLiteral("bad_signature"),
                            QStringLiteral("the batch signature does not verify")));

    {
        QSet<QUuid> seenRecords;
        for (const Audience &a : req.audiences)
            if (!pending->audienceIds.contains(a.id))
                pending->audienceIds.append(a.id);
        for (const Change &ch : req.changes) {
            if (!pending->audienceIds.contains(ch.audienceId))
                pending->audienceIds.append(ch.audienceId);
            if (!seenRecords.contains(ch.recordId)) {
                seenRecords.insert(ch.recordId);
                pending->recordIds.append(ch.recordId);
                pending->recordTypes.append(qint64(ch.type));
                pending->recordAudiences.append(ch.audienceId);
            }
        }
    }

    // The usual batch (no deletion) is applied with others of its organisation by one
    // autocommit statement when it can be (UsualGroupSql): every change applied, so the
    // response is known.
    if (req.changes.isEmpty() || std::any_of(req.changes.begin(), req.changes.end(),
                                             [](const Change &ch) { return ch.deleted; }))
        return answer(applyGeneral(*pending));

    PushResponse resp;
    resp.sequence = req.sequence;
    for (const Change &ch : req.changes)
        resp.applied.append(ch.changeId);
    pending->usualResponse = encode(resp);
    m_usualPushes.submit(id.organisation, *pending, [this, pending, answer = std::move(answer)] {
        Reply r;
        if (pending->outcome == PendingPush::Outcome::Applied)
            r = {200, pending->usualResponse, {}, 0};
        else if (pending->outcome == PendingPush::Outcome::Failed)
            r = pending->failure;
        else
            r = applyGeneral(*pending);
        // The group's statements, and the general way's when the group sent it there.
        r.databaseMs = pending->databaseMs +
                       (pending->outcome == PendingPush::Outcome::General ? r.databaseMs : 0);
        answer(std::move(r));
    });
}

Reply SyncService::applyGeneral(const PendingPush &pending)
{
    const Identity &id = pending.id;
    const PreparedPush &p = pending.prepared;
    const PushRequest &req = p.request;
    const QList<QUuid> &audienceIds = pending.audienceIds, &recordIds = pending.recordIds,
                       &recordAudiences = pending.recordAudiences;
    const QList<qint64> &recordTypes = pending.recordTypes;
    const std::string org = sqlText(id.organisation), user = sqlText(id.user),
                      device = sqlText(id.device);
    return withDb([&](pqxx::connection &c) -> Reply {
        struct RecordInfo
        {
            QUuid author;
            int type = -1;
            bool deleted = false;
        };
        QHash<QUuid, RecordInfo> records;
        records.reserve(recordIds.size());
        QSet<QUuid> ownedAudiences, existingAudiences;
        const std::string ids = uuidArray(recordIds);

        pqxx::work w(c);
        // One round trip for the common case: record the batch, read its audiences, claim
        // new record ids (for audiences this user owns) and read the authorship of the rest.
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
                records.insert(uuidOf(r[1]), {uuidOf(r[2]), r[3].as<int>(), r[4].as<bool>()});
            }
        }
        if (!fresh) {
            // A retry: answer what the first application answered; apply nothing.
            const auto prior = w.exec_prepared1("push_prior", org, device, qint64(req.sequence));
            if (bytesOf(prior[0]) != p.digests)
                return error(409, QStringLiteral("sequence_reused"),
                             QStringLiteral("this batch sequence was used for other changes"));
            auto resp = decodePushResponse(bytesOf(prior[1]));
            if (!resp)
                return error(500, QStringLiteral("internal"),
                             QStringLiteral("stored response unreadable"));
            resp->duplicate = true;
            return ok(*resp);
        }

        // New audiences (rare: once per audience): readers must be users of this organisation.
        bool created = false;
        for (const Audience &a : req.audiences) {
            if (existingAudiences.contains(a.id))
                continue; // already known: readers change only through sharing
            QList<QUuid> readers;
            for (const SealedKey &r : a.readers)
                if (!readers.contains(r.userId))
                    readers.append(r.userId);
            const int known = w.exec_params1("SELECT count(*) FROM users WHERE organisation_id = "
                                             "$1 AND user_id = ANY($2::uuid[])",
                                             org, uuidArray(readers))[0]
                                  .as<int>();
            if (known != readers.size() || readers.size() != a.readers.size())
                continue; // its changes are rejected below as unknown_audience
            const auto inserted = w.exec_params(
                "INSERT INTO audiences (organisation_id, audience_id, owner_id) VALUES ($1, $2, "
                "$3) ON CONFLICT DO NOTHING RETURNING 1",
                org, sqlText(a.id), user);
            existingAudiences.insert(a.id);
            if (inserted.empty())
                continue;
            ownedAudiences.insert(a.id);
            created = true;
            QList<QByteArray> sealed;
            for (const SealedKey &r : a.readers)
                sealed.append(r.sealedKey);
            w.exec_params("INSERT INTO audience_readers (organisation_id, audience_id, user_id, "
                          "sealed_key) SELECT $1, $2, u, k FROM unnest($3::uuid[], $4::bytea[]) "
                          "AS x(u, k)",
                          org, sqlText(a.id), uuidArray(readers), byteaArray(sealed));
        }
        // Records not in the answer: their audience was created just now, or a concurrent
        // push claimed them (in neither half of one snapshot). Claim and read them again.
        bool missing = false;
        for (qsizetype i = 0; i < recordIds.size() && !missing; ++i)
            missing =
                ownedAudiences.contains(recordAudiences[i]) && !records.contains(recordIds[i]);
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
            for (const auto &r : w.exec_prepared("records_of", org, ids))
                records.insert(uuidOf(r[0]), {uuidOf(r[1]), r[2].as<int>(), r[3].as<bool>()});
        }

        PushResponse resp;
        resp.sequence = req.sequence;
        QList<const Change *> accepted;
        accepted.reserve(req.changes.size());
        for (const Change &ch : req.changes) {
            const RecordInfo info = records.value(ch.recordId);
            QString reason;
            if (!ownedAudiences.contains(ch.audienceId))
                reason = QStringLiteral("unknown_audience");
            else if (info.author != id.user)
                reason = QStringLiteral("not_author");
            else if (info.type != int(ch.type))
                reason = QStringLiteral("type_mismatch");
            if (!reason.isEmpty()) {
                resp.rejected.append({ch.changeId, reason});
                continue;
            }
            resp.applied.append(ch.changeId);
            // Deletion wins over every field change on every device: a change to a record
            // that already has a tombstone changes nothing anywhere, so it is acknowledged
            // and not stored (compaction removes the ones that raced the tombstone).
            if (!info.deleted)
                accepted.append(&ch);
        }

        // Every accepted change is "applied" whether it is stored now or was before, so the
        // response is known before the insert.
        const QByteArray stored = encode(resp);
        if (!accepted.isEmpty()) {
            const ChangeColumns cols(accepted);
            // A change this device pushed before (an earlier attempt whose answer was lost,
            // sent again in a new batch) hits the unique (device, device_seq) and is skipped:
            // acknowledged, not applied twice. Skipped numbers leave gaps, which pulls ignore.
            if (cols.deletedRecords.isEmpty())
                w.exec_prepared("push_changes", org, user, device, qint64(accepted.size()),
                                qint64(req.sequence), cols.records, cols.types, cols.deviceSeqs,
                                cols.ms, cols.counters, cols.stampDevices, cols.deleted,
                                cols.audiences, cols.packed.lengths, sqlBytes(cols.packed.bytes),
                                sqlBytes(stored));
            else // rare: planned for these ids each time (no generic plan to go stale)
                w.exec_params(pushChangesSql(true), org, user, device, qint64(accepted.size()),
                              qint64(req.sequence), cols.records, cols.types, cols.deviceSeqs,
                              cols.ms, cols.counters, cols.stampDevices, cols.deleted,
                              cols.audiences, cols.packed.lengths, sqlBytes(cols.packed.bytes),
                              sqlBytes(stored), uuidArray(cols.deletedRecords));
        } else {
            w.exec_prepared("push_response", org, device, qint64(req.sequence), sqlBytes(stored));
        }
        w.commit();
        return {200, stored, {}, 0};
    });
}

Reply SyncService::pull(const Identity &id, std::uint64_t since, qsizetype limit,
                        std::uint64_t deviceHorizon)
{
    limit = std::clamp<qsizetype>(limit, 1, limits::MaxPull);
    return withDb([&](pqxx::connection &c) -> Reply {
        // One statement, so one snapshot: the counter, the page, its manifests and audience
        // keys. An incremental pull that finds nothing new costs this one round trip.
        pqxx::nontransaction w(c);
        return pageReply(w.exec_prepared("pull", sqlText(id.organisation), sqlText(id.user),
                                         qint64(since), qint64(limit)),
                         since, limit, deviceHorizon);
    });
}

Reply SyncService::pageReply(const pqxx::result &rows, std::uint64_t since, qsizetype limit,
                             std::uint64_t deviceHorizon)
{
    {
        PullResponse resp;
        std::map<std::pair<QUuid, qint64>, qint64> manifestIndex;
        std::uint64_t counter = 0, horizon = 0;
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
            }
        }
        const qsizetype pageRows = qsizetype(page.size());
        // Compaction dropped a tombstone this device may not have seen. A device that was told
        // this horizon on its previous page (a pull from 0 paging past it) missed nothing.
        if (since > 0 && since < horizon && deviceHorizon != horizon)
            return error(410, QStringLiteral("resync_required"),
                         QStringLiteral("the change log was compacted past this cursor; "
                                        "start again from 0"));
        resp.horizon = horizon;
        resp.more = pageRows == limit;
        resp.cursor = resp.more ? resp.changes.last().seq : std::max(since, counter);
        return ok(resp);
    }
}

void SyncService::sync(std::string_view authorization, QByteArrayView body, QString *organisation,
                       Answer answer)
{
    const auto claim = claimOf(authorization);
    if (!claim)
        return answer(unauthorized());
    auto req = decodeSyncRequest(body);
    if (!req)
        return answer(decodingError(req.error()));
    const qsizetype limit =
        qsizetype(std::clamp<std::uint64_t>(req->limit, 1, std::uint64_t(limits::MaxPull)));

    // Authentication and the page in one statement ("sync_pull"): the decision is still the
    // constant-time comparison below, as in authenticate(), and nothing is cached.
    Identity id;
    id.organisation = claim->organisation;
    id.device = claim->device;
    bool authenticated = false;
    const Reply pulled = withDb([&](pqxx::connection &c) -> Reply {
        pqxx::nontransaction w(c);
        const auto rows =
            w.exec_prepared("sync_pull", sqlText(id.organisation), sqlText(id.device),
                            qint64(req->since), qint64(limit), sqlBytes(claim->tokenHash));
        const auto device = std::find_if(
            rows.begin(), rows.end(), [](const auto &r) { return r[0].template as<int>() == 4; });
        const QByteArray stored =
            device == rows.end() ? QByteArray(32, '\0') : bytesOf((*device)[11]);
        if (!constantTimeEquals(claim->tokenHash, stored) || device == rows.end())
            return unauthorized();
        id.user = uuidOf((*device)[2]);
        id.revoked = (*device)[10].as<bool>();
        id.role = QString::fromLatin1((*device)[13].c_str());
        id.signingKey = bytesOf((*device)[12]);
        if (id.revoked)
            return error(403, QStringLiteral("device_revoked"),
                         QStringLiteral("this device was revoked; destroy its keys"));
        if ((*device)[6].as<int>() == 1)
            w.exec_prepared("touch", sqlText(id.organisation), sqlText(id.device));
        authenticated = true;
        return pageReply(rows, req->since, limit, req->horizon);
    });
    if (authenticated && organisation)
        *organisation = idText(id.organisation);
    if (pulled.status != 200)
        return answer(pulled);
    // The page, and what became of the push part if there was one.
    const auto reply = [pulled](const Reply *pushed) {
        SyncResponse resp;
        resp.pull = pulled.body;
        if (pushed && pushed->status == 200) {
            resp.push = pushed->body;
        } else if (pushed) {
            resp.pushStatus = pushed->status;
            const auto why = decodeErrorBody(pushed->body);
            resp.pushError = why ? *why : ErrorBody{pushed->errorCode, QStringLiteral("refused")};
        }
        Reply r = ok(resp);
        r.databaseMs = pulled.databaseMs + (pushed ? pushed->databaseMs : 0);
        return r;
    };
    if (req->push.isEmpty())
        return answer(reply(nullptr));
    push(id, req->push,
         [reply, answer = std::move(answer)](Reply pushed) { answer(reply(&pushed)); });
}

Reply SyncService::deviceStatus(const Identity &id)
{
    DeviceStatus s;
    s.status = id.revoked ? QStringLiteral("revoked") : QStringLiteral("active");
    s.destroyKeys = id.revoked;
    s.serverTimeMs = QDateTime::currentMSecsSinceEpoch();
    return ok(s);
}

} // namespace wp::server
