// SPDX-License-Identifier: GPL-3.0-or-later
#include "PushPipeline.h"

#include "crypto/BatchSignature.h"

#include <QSet>

#include <memory>

namespace wp::server {

using namespace wp::wire;

// Up to 32 grouped pushes per transaction: a failed group costs at most 32 single retries.
PushPipeline::PushPipeline(ConnectionPool &pool, const Statements &sql)
    : m_grouped(pool), m_single(pool, sql),
      m_groups(32, [this](const auto &group) { m_grouped.apply(group); })
{
}

std::variant<PreparedPush, Reply> PushPipeline::prepare(const Identity &id, QByteArrayView body)
{
    auto decoded = decodePushRequest(body);
    if (!decoded)
        return Reply::decodingError(decoded.error());
    PreparedPush p{std::move(*decoded), {}, {}};
    const PushRequest &req = p.request;
    QSet<std::uint64_t> ids;
    for (const Change &ch : req.changes)
        ids.insert(ch.changeId);
    if (ids.size() != req.changes.size())
        return Reply::error(400, QStringLiteral("malformed"),
                            QStringLiteral("a batch names each change id once"));
    if (req.deviceId != id.device)
        return Reply::error(403, QStringLiteral("forbidden"),
                            QStringLiteral("the batch names another device"));

    QList<QByteArray> digests;
    digests.reserve(req.changes.size());
    for (const Change &ch : req.changes)
        digests.append(crypto::changeDigest(ch));
    p.manifest = manifestBytes(id.organisation, id.user, id.device, req.sequence, digests);
    p.digests = digests.join();
    return p;
}

void PushPipeline::push(const Identity &id, QByteArrayView body, Answer answer)
{
    auto prepared = prepare(id, body);
    if (auto *failure = std::get_if<Reply>(&prepared))
        return answer(*failure);
    const PreparedPush &p = std::get<PreparedPush>(prepared);

    // The signing key came with authentication; verifying needs no connection.
    if (id.signingKey.isEmpty())
        return answer(Reply::error(409, QStringLiteral("keys_missing"),
                                   QStringLiteral("upload the user's public keys first")));
    if (!crypto::verifyManifest(id.signingKey, p.manifest, p.request.signature))
        return answer(Reply::error(422, QStringLiteral("bad_signature"),
                                   QStringLiteral("the batch signature does not verify")));

    // Kept until answered: a push that waits for its group is answered on another thread.
    auto pending = std::make_shared<PendingPush>(id, std::move(std::get<PreparedPush>(prepared)));
    if (!pending->grouped())
        return answer(m_single.apply(*pending));

    // Every change applied, so the response is known before the group runs.
    PushResponse resp;
    resp.sequence = pending->prepared.request.sequence;
    for (const Change &ch : pending->prepared.request.changes)
        resp.applied.append(ch.changeId);
    pending->allApplied = encode(resp);
    m_groups.submit(id.organisation, *pending, [this, pending, answer = std::move(answer)] {
        Reply r;
        if (pending->outcome == PendingPush::Outcome::Applied)
            r = {200, pending->allApplied, {}, 0};
        else if (pending->outcome == PendingPush::Outcome::Failed)
            r = pending->failure;
        else
            r = m_single.apply(*pending);
        // The group's statements, and the single way's when the group sent it there.
        r.databaseMs = pending->databaseMs +
                       (pending->outcome == PendingPush::Outcome::Single ? r.databaseMs : 0);
        answer(std::move(r));
    });
}

} // namespace wp::server
