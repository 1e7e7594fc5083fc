#include "HttpFrontend.h"

#include "Uuid.h"
#include "wire/Codec.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <exception>
#include <mutex>

namespace wp::server {

namespace {

std::mutex g_logMutex;

QByteArrayView bodyOf(const HttpRequest &req)
{
    return QByteArrayView(req.body.data(), qsizetype(req.body.size()));
}

// The device id part of "Waypoint <org>.<device>.<token>", for the limiter's key only.
std::string claimedDevice(const std::string &header)
{
    const auto first = header.find('.');
    if (first == std::string::npos)
        return "-";
    const auto second = header.find('.', first + 1);
    return header.substr(first + 1, std::min<std::size_t>(36, second - first - 1));
}

// The transport's refusals, as CBOR errors like every other.
Reply refusal(int status)
{
    return status == 413 ? Reply::error(413, QStringLiteral("too_large"),
                                        QStringLiteral("the request body is too large"))
                         : Reply::error(status, QStringLiteral("malformed"),
                                        QStringLiteral("not an HTTP/1.1 request"));
}

void log(const HttpRequest &req, const Reply &reply, double ms, double authMs, double dbMs,
         const QString &organisation)
{
    QJsonObject line{
        {QStringLiteral("ts"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
        {QStringLiteral("method"), QString::fromStdString(req.method).left(16)},
        {QStringLiteral("route"), QString::fromStdString(req.path).left(64)},
        {QStringLiteral("status"), reply.status},
        {QStringLiteral("ms"), qRound(ms * 100) / 100.0},
        // Where the time went: authentication, and the handler's database work.
        {QStringLiteral("authMs"), qRound(authMs * 100) / 100.0},
        {QStringLiteral("dbMs"), qRound(dbMs * 100) / 100.0},
        {QStringLiteral("bytesIn"), qint64(req.body.size())},
        {QStringLiteral("bytesOut"), qint64(reply.body.size())},
    };
    if (!organisation.isEmpty())
        line.insert(QStringLiteral("org"), organisation);
    if (!reply.errorCode.isEmpty())
        line.insert(QStringLiteral("error"), reply.errorCode);
    const QByteArray json = QJsonDocument(line).toJson(QJsonDocument::Compact);
    std::lock_guard lock(g_logMutex);
    std::fprintf(stderr, "%s\n", json.constData());
    std::fflush(stderr);
}

double msSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

} // namespace

HttpFrontend::HttpFrontend(SyncService &service, ServeOptions options)
    : m_service(service), m_limiter(options.authFailuresPerMinute, std::chrono::seconds(60)),
      m_listener(
          [&options] {
              ListenOptions listen = options;
              // A little above the protocol limit so the codec, not the transport, names
              // the problem.
              listen.bodyLimit = std::size_t(wire::limits::MaxBody) + 1024;
              return listen;
          }(),
          [this](HttpRequest req, HttpListener::Respond respond) {
              answer(std::move(req), std::move(respond));
          })
{
    // Authenticated routes answered before their handler returns.
    const auto with = [this](auto reply) {
        return authenticated(
            false, [reply = std::move(reply)](const Identity &id, const HttpRequest &req,
                                              const Answer &answer) { answer(reply(id, req)); });
    };
    m_routes = {
        {"POST", "/v1/enrol",
         [this](const HttpRequest &req, Notes &, Answer answer) {
             limited(
                 req.remoteAddress + "|enrol",
                 [&](const Answer &counted) { counted(m_service.enrol(bodyOf(req))); },
                 std::move(answer));
         }},
        {"GET", "/v1/keys",
         with([this](const Identity &id, const HttpRequest &) { return m_service.directory(id); })},
        {"PUT", "/v1/keys", with([this](const Identity &id, const HttpRequest &req) {
             return m_service.putPublicKeys(id, bodyOf(req));
         })},
        {"GET", "/v1/keys/backup",
         with([this](const Identity &id, const HttpRequest &) { return m_service.keyBackup(id); })},
        {"PUT", "/v1/keys/backup", with([this](const Identity &id, const HttpRequest &req) {
             return m_service.putKeyBackup(id, bodyOf(req));
         })},
        {"POST", "/v1/push",
         authenticated(false,
                       [this](const Identity &id, const HttpRequest &req, Answer answer) {
                           m_service.push(id, bodyOf(req), std::move(answer));
                       })},
        {"GET", "/v1/pull", with([this](const Identity &id, const HttpRequest &req) {
             const QUrlQuery query(QString::fromStdString(req.query));
             const auto number = [&](const QString &name, std::uint64_t otherwise, bool &ok) {
                 ok = true;
                 return query.hasQueryItem(name) ? query.queryItemValue(name).toULongLong(&ok)
                                                 : otherwise;
             };
             bool okSince = true, okLimit = true, okHorizon = true;
             const std::uint64_t since = number(QStringLiteral("since"), 0, okSince);
             const std::uint64_t limit =
                 number(QStringLiteral("limit"), wire::limits::DefaultPull, okLimit);
             const std::uint64_t horizon = number(QStringLiteral("horizon"), 0, okHorizon);
             if (!okSince || !okLimit || !okHorizon || limit < 1)
                 return Reply::error(400, QStringLiteral("malformed"),
                                     QStringLiteral("since and limit must be numbers"));
             return m_service.pull(id, since, qsizetype(std::min<std::uint64_t>(limit, INT32_MAX)),
                                   horizon);
         })},
        // Authenticated by its own statement (SyncRoundTrip), limited like the others.
        {"POST", "/v1/sync",
         [this](const HttpRequest &req, Notes &notes, Answer answer) {
             limited(
                 req.remoteAddress + '|' + claimedDevice(req.authorization),
                 [&](Answer counted) {
                     m_service.sync(req.authorization, bodyOf(req), &notes.organisation,
                                    std::move(counted));
                 },
                 std::move(answer));
         }},
        {"GET", "/v1/device",
         authenticated(true, [this](const Identity &id, const HttpRequest &,
                                    const Answer &answer) { answer(m_service.deviceStatus(id)); })},
    };
}

void HttpFrontend::answer(HttpRequest req, HttpListener::Respond respond)
{
    // Kept until answered, which may be on another thread after this returns.
    struct Exchange
    {
        HttpRequest req;
        HttpListener::Respond respond;
        std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
        Notes notes = {};
        std::atomic<bool> answered = false;
    };
    const auto x = std::make_shared<Exchange>(std::move(req), std::move(respond));
    const Answer finish = [x](Reply reply) {
        if (x->answered.exchange(true))
            return; // a bug answered twice; the first answer stands
        log(x->req, reply, msSince(x->start), x->notes.authMs, reply.databaseMs,
            x->notes.organisation);
        x->respond({reply.status, std::move(reply.body), reply.retryAfter});
    };
    try {
        if (x->req.refusedWith)
            finish(refusal(x->req.refusedWith));
        else
            route(x->req, x->notes, finish);
    } catch (const std::exception &) {
        // A bug: the device gets a clear error and the service goes on.
        finish(Reply::error(500, QStringLiteral("internal"), QStringLiteral("server error")));
    }
}

void HttpFrontend::route(const HttpRequest &req, Notes &notes, Answer answer)
{
    bool pathKnown = false;
    for (const Route &r : m_routes) {
        if (r.path != req.path)
            continue;
        if (r.method == req.method)
            return r.handle(req, notes, std::move(answer));
        pathKnown = true;
    }
    answer(pathKnown
               ? Reply::error(405, QStringLiteral("method_not_allowed"),
                              QStringLiteral("this route takes another method"))
               : Reply::error(404, QStringLiteral("not_found"), QStringLiteral("no such route")));
}

HttpFrontend::Handler HttpFrontend::authenticated(
    bool allowRevoked, std::function<void(const Identity &, const HttpRequest &, Answer)> handler)
{
    return [this, allowRevoked, handler = std::move(handler)](const HttpRequest &req, Notes &notes,
                                                              Answer answer) {
        limited(
            req.remoteAddress + '|' + claimedDevice(req.authorization),
            [&](Answer counted) {
                const auto start = std::chrono::steady_clock::now();
                auto result = m_service.authenticate(req.authorization, allowRevoked);
                notes.authMs = msSince(start);
                if (auto *failure = std::get_if<Reply>(&result)) {
                    failure->databaseMs = 0; // counted in authMs
                    return counted(std::move(*failure));
                }
                const Identity &id = std::get<Identity>(result);
                notes.organisation = idText(id.organisation);
                handler(id, req, std::move(counted));
            },
            std::move(answer));
    };
}

void HttpFrontend::limited(const std::string &key, const std::function<void(Answer)> &attempt,
                           Answer answer)
{
    if (const int wait = m_limiter.retryAfter(key); wait > 0) {
        Reply r = Reply::error(429, QStringLiteral("rate_limited"),
                               QStringLiteral("too many failed attempts"));
        r.retryAfter = wait;
        return answer(std::move(r));
    }
    attempt([this, key, answer = std::move(answer)](Reply r) {
        if (r.status == 401) // only authentication answers 401
            m_limiter.recordFailure(key);
        answer(std::move(r));
    });
}

} // namespace wp::server
