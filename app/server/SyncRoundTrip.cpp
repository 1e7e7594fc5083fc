// SPDX-License-Identifier: GPL-3.0-or-later
#include "SyncRoundTrip.h"

#include "Authentication.h"
#include "PullPages.h"
#include "Uuid.h"

#include <algorithm>

namespace wp::server {

using namespace wp::wire;

void SyncRoundTrip::sync(std::string_view authorization, QByteArrayView body, QString *organisation,
                         Answer answer)
{
    const auto claim = Authentication::claimOf(authorization);
    if (!claim)
        return answer(Authentication::unauthorized());
    auto req = decodeSyncRequest(body);
    if (!req)
        return answer(Reply::decodingError(req.error()));
    const qsizetype limit =
        qsizetype(std::clamp<std::uint64_t>(req->limit, 1, std::uint64_t(limits::MaxPull)));

    // Authentication and the page in one statement: the decision is still
    // Authentication::admit()'s constant-time comparison, and nothing is cached.
    Identity id;
    bool authenticated = false;
    const Reply pulled = withDb(m_pool, [&](pqxx::connection &c) -> Reply {
        pqxx::nontransaction w(c);
        const auto rows = w.exec_prepared("sync_pull", sqlText(claim->organisation),
                                          sqlText(claim->device), qint64(req->since), qint64(limit),
                                          sqlBytes(claim->tokenHash), PullPages::PageBudget);
        const auto device = std::find_if(
            rows.begin(), rows.end(), [](const auto &r) { return r[0].template as<int>() == 4; });
        std::optional<Authentication::Stored> stored;
        if (device != rows.end())
            stored = Authentication::Stored{
                uuidOf((*device)[2]),     bytesOf((*device)[11]),
                (*device)[10].as<bool>(), QString::fromLatin1((*device)[13].c_str()),
                bytesOf((*device)[12]),   (*device)[6].as<int>() == 1};
        auto admitted = Authentication::admit(*claim, stored, false, w);
        if (const Reply *refused = std::get_if<Reply>(&admitted))
            return *refused;
        id = std::get<Identity>(admitted);
        authenticated = true;
        return PullPages::pageReply(rows, req->since, limit, req->horizon);
    });
    if (authenticated && organisation)
        *organisation = idText(id.organisation);
    finish(id, pulled, req->push, std::move(answer));
}

void SyncRoundTrip::sync(const Identity &id, QByteArrayView body, Answer answer)
{
    auto req = decodeSyncRequest(body);
    if (!req)
        return answer(Reply::decodingError(req.error()));
    const qsizetype limit =
        qsizetype(std::clamp<std::uint64_t>(req->limit, 1, std::uint64_t(limits::MaxPull)));
    finish(id, PullPages(m_pool).pull(id, req->since, limit, req->horizon), req->push,
           std::move(answer));
}

void SyncRoundTrip::finish(const Identity &id, Reply pulled, const QByteArray &push, Answer answer)
{
    if (pulled.status != 200)
        return answer(pulled);
    // The page, and what became of the push part if there was one.
    const auto reply = [pulled = std::move(pulled)](const Reply *pushed) {
        SyncResponse resp;
        resp.pull = pulled.body;
        if (pushed && pushed->status == 200) {
            resp.push = pushed->body;
        } else if (pushed) {
            resp.pushStatus = pushed->status;
            const auto why = decodeErrorBody(pushed->body);
            resp.pushError = why ? *why : ErrorBody{pushed->errorCode, QStringLiteral("refused")};
        }
        Reply r = Reply::ok(resp);
        r.databaseMs = pulled.databaseMs + (pushed ? pushed->databaseMs : 0);
        return r;
    };
    if (push.isEmpty())
        return answer(reply(nullptr));
    m_pushes.push(id, push,
                  [reply, answer = std::move(answer)](Reply pushed) { answer(reply(&pushed)); });
}

} // namespace wp::server
