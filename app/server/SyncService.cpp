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

#include <map>

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

} // namespace

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
    return error(503, QStringLiteral("unavailable"), QStringLiteral("the database is unreachable"));
}

std::variant<Identity, Reply> SyncService::authenticate(std::string_view header, bool allowRevoked)
{
    const Reply unauthorized = error(401, QStringLiteral("unauthorized"),
                                     QStringLiteral("missing or wrong device credentials"));
    constexpr std::string_view scheme = "Waypoint ";
    if (header.substr(0, scheme.size()) != scheme)
        return unauthorized;
    const QString value = QString::fromLatin1(header.substr(scheme.size()));
    const QStringList parts = value.split(u'.');
    if (parts.size() != 3)
        return unauthorized;
    Identity id;
    id.organisation = idFromText(parts[0]);
    id.device = idFromText(parts[1]);
    const auto decoded = QByteArray::fromBase64Encoding(
        parts[2].toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals |
                                 QByteArray::AbortOnBase64DecodingErrors);
    if (id.organisation.isNull() || id.device.isNull() || !decoded || decoded.decoded.size() != 32)
        return unauthorized;
    const QByteArray presented = tokenHash(decoded.decoded);

    std::variant<Identity, Reply> out = unauthorized;
    const Reply r = withDb([&](pqxx::connection &c) -> Reply {
        pqxx::work w(c);
        const auto rows = w.exec_params(
            "SELECT d.user_id, d.token_hash, d.revoked_at IS NOT NULL, u.role FROM devices d "
            "JOIN users u USING (organisation_id, user_id) "
            "WHERE d.organisation_id = $1 AND d.device_id = $2",
            sqlText(id.organisation), sqlText(id.device));
        // Compare against something even for unknown devices, so timing says nothing.
        const QByteArray stored = rows.empty() ? QByteArray(32, '\0') : bytesOf(rows[0][1]);
        if (!constantTimeEquals(presented, stored) || rows.empty())
            return unauthorized;
        id.user = uuidOf(rows[0][0]);
        id.revoked = rows[0][2].as<bool>();
        id.role = QString::fromStdString(rows[0][3].as<std::string>());
        if (id.revoked && !allowRevoked)
            return error(403, QStringLiteral("device_revoked"),
                         QStringLiteral("this device was revoked; destroy its keys"));
        // Last contact, for the admin's device list and offline leases; at most once a minute.
        w.exec_params("UPDATE devices SET last_seen_at = now() WHERE organisation_id = $1 AND "
                      "device_id = $2 AND last_seen_at < now() - interval '1 minute'",
                      sqlText(id.organisation), sqlText(id.device));
        w.commit();
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

Reply SyncService::push(const Identity &id, QByteArrayView body)
{
    auto prepared = preparePush(id, body);
    if (auto *failure = std::get_if<Reply>(&prepared))
        return *failure;
    const PreparedPush &p = std::get<PreparedPush>(prepared);
    const PushRequest &req = p.request;
    const QByteArray &manifest = p.manifest;
    const QByteArray &allDigests = p.digests;

    return withDb([&](pqxx::connection &c) -> Reply {
        const std::string org = sqlText(id.organisation), user = sqlText(id.user),
                          device = sqlText(id.device);
        pqxx::work w(c);
        const auto key = w.exec_params1(
            "SELECT signing_key FROM users WHERE organisation_id = $1 AND user_id = $2", org, user);
        if (key[0].is_null())
            return error(409, QStringLiteral("keys_missing"),
                         QStringLiteral("upload the user's public keys first"));
        if (!crypto::verifyManifest(bytesOf(key[0]), manifest, req.signature))
            return error(422, QStringLiteral("bad_signature"),
                         QStringLiteral("the batch signature does not verify"));

        const auto inserted = w.exec_params(
            "INSERT INTO batches (organisation_id, device_id, sequence, author_id, digests, "
            "signature) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING 1",
            org, device, qint64(req.sequence), user, sqlBytes(allDigests), sqlBytes(req.signature));
        if (inserted.empty()) {
            // A retry: answer what the first application answered; apply nothing.
            const auto prior = w.exec_params1(
                "SELECT digests, response FROM batches WHERE organisation_id = $1 AND "
                "device_id = $2 AND sequence = $3",
                org, device, qint64(req.sequence));
            if (bytesOf(prior[0]) != allDigests)
                return error(409, QStringLiteral("sequence_reused"),
                             QStringLiteral("this batch sequence was used for other changes"));
            auto resp = decodePushResponse(bytesOf(prior[1]));
            if (!resp)
                return error(500, QStringLiteral("internal"),
                             QStringLiteral("stored response unreadable"));
            resp->duplicate = true;
            return ok(*resp);
        }

        // Audiences new in this batch: readers must be users of this organisation.
        for (const Audience &a : req.audiences) {
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
            const auto created = w.exec_params(
                "INSERT INTO audiences (organisation_id, audience_id, owner_id) VALUES ($1, $2, "
                "$3) ON CONFLICT DO NOTHING RETURNING 1",
                org, sqlText(a.id), user);
            if (created.empty())
                continue; // already known: readers change only through sharing
            QList<QByteArray> sealed;
            for (const SealedKey &r : a.readers)
                sealed.append(r.sealedKey);
            w.exec_params("INSERT INTO audience_readers (organisation_id, audience_id, user_id, "
                          "sealed_key) SELECT $1, $2, u, k FROM unnest($3::uuid[], $4::bytea[]) "
                          "AS x(u, k)",
                          org, sqlText(a.id), uuidArray(readers), byteaArray(sealed));
        }

        QList<QUuid> audienceIds, recordIds;
        for (const Change &ch : req.changes) {
            if (!audienceIds.contains(ch.audienceId))
                audienceIds.append(ch.audienceId);
        }
        QSet<QUuid> ownedAudiences;
        for (const auto &r : w.exec_params("SELECT audience_id FROM audiences WHERE "
                                           "organisation_id = $1 AND owner_id = $2 AND "
                                           "audience_id = ANY($3::uuid[])",
                                           org, user, uuidArray(audienceIds)))
            ownedAudiences.insert(uuidOf(r[0]));

        // Claim new record ids for this user, then check authorship of all of them.
        QList<qint64> types;
        for (const Change &ch : req.changes) {
            if (!ownedAudiences.contains(ch.audienceId))
                continue;
            recordIds.append(ch.recordId);
            types.append(qint64(ch.type));
        }
        QHash<QUuid, std::pair<QUuid, int>> authors;
        if (!recordIds.isEmpty()) {
            w.exec_params("INSERT INTO records (organisation_id, record_id, author_id, "
                          "record_type) SELECT $1, r, $2, t FROM unnest($3::uuid[], "
                          "$4::smallint[]) AS x(r, t) ON CONFLICT DO NOTHING",
                          org, user, uuidArray(recordIds), bigintArray(types));
            for (const auto &r : w.exec_params("SELECT record_id, author_id, record_type FROM "
                                               "records WHERE organisation_id = $1 AND "
                                               "record_id = ANY($2::uuid[])",
                                               org, uuidArray(recordIds)))
                authors.insert(uuidOf(r[0]), {uuidOf(r[1]), r[2].as<int>()});
        }

        // Changes this device pushed before (an earlier attempt whose answer was lost, sent
        // again in a new batch): acknowledged as applied, not applied again.
        QSet<std::uint64_t> seen;
        {
            QList<qint64> ids;
            for (const Change &ch : req.changes)
                ids.append(qint64(ch.changeId));
            for (const auto &r : w.exec_params("SELECT device_seq FROM changes WHERE "
                                               "organisation_id = $1 AND device_id = $2 AND "
                                               "device_seq = ANY($3::bigint[])",
                                               org, device, bigintArray(ids)))
                seen.insert(r[0].as<std::uint64_t>());
        }

        PushResponse resp;
        resp.sequence = req.sequence;
        QList<const Change *> accepted;
        for (const Change &ch : req.changes) {
            if (seen.contains(ch.changeId)) {
                resp.applied.append(ch.changeId);
                continue;
            }
            QString reason;
            if (!ownedAudiences.contains(ch.audienceId))
                reason = QStringLiteral("unknown_audience");
            else if (authors.value(ch.recordId).first != id.user)
                reason = QStringLiteral("not_author");
            else if (authors.value(ch.recordId).second != int(ch.type))
                reason = QStringLiteral("type_mismatch");
            if (reason.isEmpty()) {
                accepted.append(&ch);
                resp.applied.append(ch.changeId);
            } else {
                resp.rejected.append({ch.changeId, reason});
            }
        }

        if (!accepted.isEmpty()) {
            // The counter row: locked until commit, so an organisation's changes commit in
            // seq order and a pull can never pass a number that commits later.
            const qint64 last = w.exec_params1("UPDATE organisations SET change_seq = change_seq "
                                               "+ $2 WHERE organisation_id = $1 RETURNING "
                                               "change_seq",
                                               org, int(accepted.size()))[0]
                                    .as<qint64>();
            qint64 seq = last - accepted.size();
            QList<qint64> seqs, deviceSeqs, typeCol, ms, counters;
            QList<QUuid> recs, stampDevices, audiences;
            QList<QByteArray> envelopes;
            std::string deleted = "{";
            for (const Change *ch : accepted) {
                seqs.append(++seq);
                deviceSeqs.append(qint64(ch->changeId));
                recs.append(ch->recordId);
                typeCol.append(qint64(ch->type));
                ms.append(ch->stamp.physicalMs);
                counters.append(qint64(ch->stamp.counter));
                stampDevices.append(ch->stamp.device);
                audiences.append(ch->audienceId);
                envelopes.append(ch->envelope);
                deleted += (deleted.size() > 1 ? "," : "");
                deleted += ch->deleted ? 't' : 'f';
            }
            deleted += '}';
            w.exec_params(
                "INSERT INTO changes (organisation_id, seq, record_id, record_type, author_id, "
                "device_id, batch_sequence, device_seq, stamp_ms, stamp_counter, stamp_device, "
                "deleted, audience_id, envelope) SELECT $1, s, r, t, $2, $3, $4, q, m, n, d, x, "
                "a, e FROM unnest($5::bigint[], $6::uuid[], $7::smallint[], $8::bigint[], "
                "$9::bigint[], $10::uuid[], $11::boolean[], $12::uuid[], $13::bytea[], "
                "$14::bigint[]) AS u(s, r, t, m, n, d, x, a, e, q)",
                org, user, device, qint64(req.sequence), bigintArray(seqs), uuidArray(recs),
                bigintArray(typeCol), bigintArray(ms), bigintArray(counters),
                uuidArray(stampDevices), deleted, uuidArray(audiences), byteaArray(envelopes),
                bigintArray(deviceSeqs));
        }
        const QByteArray stored = encode(resp);
        w.exec_params("UPDATE batches SET response = $4 WHERE organisation_id = $1 AND "
                      "device_id = $2 AND sequence = $3",
                      org, device, qint64(req.sequence), sqlBytes(stored));
        w.commit();
        return {200, stored, {}, 0};
    });
}

Reply SyncService::pull(const Identity &id, std::uint64_t since, qsizetype limit)
{
    limit = std::clamp<qsizetype>(limit, 1, limits::MaxPull);
    return withDb([&](pqxx::connection &c) -> Reply {
        const std::string org = sqlText(id.organisation), user = sqlText(id.user);
        // One snapshot for the counter and the rows.
        pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> w(c);
        const qint64 counter =
            w.exec_params1("SELECT change_seq FROM organisations WHERE organisation_id = $1",
                           org)[0]
                .as<qint64>();
        const auto rows = w.exec_params(
            "SELECT c.seq, c.record_id, c.record_type, c.stamp_ms, c.stamp_counter, "
            "c.stamp_device, c.deleted, c.audience_id, c.envelope, c.author_id, c.device_id, "
            "c.batch_sequence FROM changes c JOIN audience_readers r ON "
            "r.organisation_id = c.organisation_id AND r.audience_id = c.audience_id AND "
            "r.user_id = $2 WHERE c.organisation_id = $1 AND c.seq > $3 AND c.seq <= $4 "
            "ORDER BY c.seq LIMIT $5",
            org, user, qint64(since), counter, qint64(limit));

        PullResponse resp;
        std::map<std::pair<QUuid, qint64>, qint64> manifestIndex;
        QList<QUuid> batchDevices, audienceIds;
        QList<qint64> batchSeqs;
        resp.changes.reserve(qsizetype(rows.size()));
        for (const auto &r : rows) {
            Change ch;
            ch.seq = r[0].as<std::uint64_t>();
            ch.recordId = uuidOf(r[1]);
            ch.type = RecordType(r[2].as<int>());
            ch.stamp = {r[3].as<qint64>(), r[4].as<std::uint32_t>(), uuidOf(r[5])};
            ch.deleted = r[6].as<bool>();
            ch.audienceId = uuidOf(r[7]);
            ch.envelope = bytesOf(r[8]);
            // The author travels once per batch, in its manifest.
            const auto batch = std::make_pair(uuidOf(r[10]), r[11].as<qint64>());
            auto [it, fresh] = manifestIndex.try_emplace(batch, qint64(manifestIndex.size()));
            if (fresh) {
                batchDevices.append(batch.first);
                batchSeqs.append(batch.second);
            }
            ch.manifestIndex = it->second;
            if (!audienceIds.contains(ch.audienceId))
                audienceIds.append(ch.audienceId);
            resp.changes.append(ch);
        }
        resp.more = qsizetype(rows.size()) == limit;
        resp.cursor = resp.more ? resp.changes.last().seq
                                : std::max<std::uint64_t>(since, std::uint64_t(counter));

        resp.manifests.resize(batchDevices.size());
        if (!batchDevices.isEmpty()) {
            for (const auto &r : w.exec_params(
                     "SELECT b.device_id, b.sequence, b.author_id, b.digests, b.signature FROM "
                     "batches b JOIN unnest($2::uuid[], $3::bigint[]) AS k(d, s) ON "
                     "b.device_id = k.d AND b.sequence = k.s WHERE b.organisation_id = $1",
                     org, uuidArray(batchDevices), bigintArray(batchSeqs))) {
                Manifest m;
                m.deviceId = uuidOf(r[0]);
                m.sequence = r[1].as<std::uint64_t>();
                m.authorId = uuidOf(r[2]);
                const QByteArray all = bytesOf(r[3]);
                for (qsizetype i = 0; i + 32 <= all.size(); i += 32)
                    m.digests.append(all.mid(i, 32));
                m.signature = bytesOf(r[4]);
                resp.manifests[manifestIndex.at({m.deviceId, qint64(m.sequence)})] = m;
            }
            for (const auto &r : w.exec_params(
                     "SELECT audience_id, sealed_key FROM audience_readers WHERE "
                     "organisation_id = $1 AND user_id = $2 AND audience_id = ANY($3::uuid[])",
                     org, user, uuidArray(audienceIds)))
                resp.audienceKeys.append({uuidOf(r[0]), bytesOf(r[1])});
        }
        return ok(resp);
    });
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
