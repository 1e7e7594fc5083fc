// SPDX-License-Identifier: GPL-3.0-or-later
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
#include <optional>

namespace wp::server {

namespace {

std::mutex g_logMutex;

// The body limit of pushes and syncs: a little above the protocol's, so that the codec, not
// the transport, names the problem.
constexpr std::size_t BatchBody = std::size_t(wire::limits::MaxBody) + 1024;

QByteArrayView bodyOf(const HttpRequest &req)
{
    return QByteArrayView(req.body);
}

// The device id part of "Waypoint <org>.<device>.<token>": which slot of its client's entry
// the limiter counts a failure in.
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

struct HttpFrontend::Exchange
{
    // A constructor rather than an aggregate: clang 14 (the fuzz preset) cannot make_shared an
    // aggregate from arguments.
    Exchange(HttpRequest r, HttpListener::Respond s, HttpListener::ReadBody b)
        : req(std::move(r)), respond(std::move(s)), readBody(std::move(b))
    {
    }
    HttpRequest req;
    HttpListener::Respond respond;
    HttpListener::ReadBody readBody;
    std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
    Notes notes = {};
    std::optional<Identity> identity;
    std::atomic<bool> answered = false;
};

HttpFrontend::HttpFrontend(SyncService &service, ServeOptions options)
    : m_service(service), m_limiter(options.authFailuresPerMinute, std::chrono::seconds(60)),
      m_listener(
          [&options] {
              ListenOptions listen = options;
              listen.bodyLimit = BatchBody;
              return listen;
          }(),
          [this](HttpRequest head, HttpListener::Respond respond, HttpListener::ReadBody readBody) {
              answer(std::move(head), std::move(respond), std::move(readBody));
          })
{
    // Routes answered before their handler returns.
    const auto with = [](auto reply) {
        return [reply = std::move(reply)](const Identity *id, const HttpRequest &req, Notes &,
                                          const Answer &answer) { answer(reply(*id, req)); };
    };
    m_routes = {
        {"POST", "/v1/enrol", Access::Open, SmallBody,
         [this](const Identity *, const HttpRequest &req, Notes &, const Answer &answer) {
             answer(m_service.enrol(bodyOf(req)));
         }},
        {"GET", "/v1/keys", Access::Device, SmallBody,
         with([this](const Identity &id, const HttpRequest &) { return m_service.directory(id); })},
        {"PUT", "/v1/keys", Access::Device, SmallBody,
         with([this](const Identity &id, const HttpRequest &req) {
             return m_service.putPublicKeys(id, bodyOf(req));
         })},
        {"GET", "/v1/keys/backup", Access::Device, SmallBody,
         with([this](const Identity &id, const HttpRequest &) { return m_service.keyBackup(id); })},
        {"PUT", "/v1/keys/backup", Access::Device, SmallBody,
         with([this](const Identity &id, const HttpRequest &req) {
             return m_service.putKeyBackup(id, bodyOf(req));
         })},
        {"POST", "/v1/push", Access::Device, BatchBody,
         [this](const Identity *id, const HttpRequest &req, Notes &, Answer answer) {
             m_service.push(*id, bodyOf(req), std::move(answer));
         }},
        {"GET", "/v1/pull", Access::Device, SmallBody,
         with([this](const Identity &id, const HttpRequest &req) {
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
        {"POST", "/v1/sync", Access::DeviceOrSync, BatchBody,
         [this](const Identity *id, const HttpRequest &req, Notes &notes, Answer answer) {
             if (id)
                 m_service.sync(*id, bodyOf(req), std::move(answer));
             else
                 m_service.sync(req.authorization, bodyOf(req), &notes.organisation,
                                std::move(answer));
         }},
        {"GET", "/v1/device", Access::AnyDevice, SmallBody,
         with([this](const Identity &id, const HttpRequest &) {
             return m_service.deviceStatus(id);
         })},
        {"PUT", "/v1/device/name", Access::Device, SmallBody,
         with([this](const Identity &id, const HttpRequest &req) {
             return m_service.renameDevice(id, bodyOf(req));
         })},
        {"POST", "/v1/device/approval-request", Access::Device, SmallBody,
         with([this](const Identity &id, const HttpRequest &req) {
             return m_service.approvals().request(id, bodyOf(req));
         })},
        {"POST", "/v1/device/approval-withdrawal", Access::Device, SmallBody,
         with([this](const Identity &id, const HttpRequest &) {
             return m_service.approvals().withdraw(id);
         })},
        {"GET", "/v1/device/approval-request", Access::Device, SmallBody,
         with([this](const Identity &id, const HttpRequest &) {
             return m_service.approvals().state(id);
         })},
        {"GET", "/v1/devices/new", Access::Device, SmallBody,
         with([this](const Identity &id, const HttpRequest &) {
             return m_service.approvals().newDevices(id);
         })},
        {"POST", "/v1/devices/approve", Access::Device, SmallBody,
         with([this](const Identity &id, const HttpRequest &req) {
             return m_service.approvals().approve(id, bodyOf(req));
         })},
        {"POST", "/v1/devices/deny", Access::Device, SmallBody,
         with([this](const Identity &id, const HttpRequest &req) {
             return m_service.approvals().deny(id, bodyOf(req));
         })},
        {"PUT", "/v1/device/key", Access::Device, SmallBody,
         with([this](const Identity &id, const HttpRequest &req) {
             return m_service.rotations().putDeviceKey(id, bodyOf(req));
         })},
        {"GET", "/v1/keys/rotation", Access::Device, SmallBody,
         with([this](const Identity &id, const HttpRequest &) {
             return m_service.rotations().state(id);
         })},
        {"POST", "/v1/keys/rotate", Access::Device, SmallBody,
         with([this](const Identity &id, const HttpRequest &req) {
             return m_service.rotations().rotate(id, bodyOf(req));
         })},
    };
}

void HttpFrontend::answer(HttpRequest head, HttpListener::Respond respond,
                          HttpListener::ReadBody readBody)
{
    // Kept until answered, which may be on another thread after this returns.
    const auto x =
        std::make_shared<Exchange>(std::move(head), std::move(respond), std::move(readBody));
    const Answer finish = [x](Reply reply) {
        if (x->answered.exchange(true))
            return; // a bug answered twice; the first answer stands
        log(x->req, reply, msSince(x->start), x->notes.authMs, reply.databaseMs,
            x->notes.organisation);
        x->respond({reply.status, std::move(reply.body), reply.retryAfter});
    };
    try {
        if (x->req.refusedWith)
            return finish(refusal(x->req.refusedWith));
        const Route *r = route(x->req, finish);
        if (!r)
            return;
        if (x->req.contentLength && *x->req.contentLength > r->bodyLimit)
            return finish(refusal(413));

        // Rate-limited by client; within it, by the device claimed (or enrolment).
        const std::string claim =
            r->access == Access::Open ? std::string("enrol") : claimedDevice(x->req.authorization);
        if (const int wait = m_limiter.retryAfter(x->req.client, claim); wait > 0) {
            Reply limited = Reply::error(429, QStringLiteral("rate_limited"),
                                         QStringLiteral("too many failed attempts"));
            limited.retryAfter = wait;
            return finish(std::move(limited));
        }
        const Answer counted = [this, client = x->req.client, claim, finish](Reply reply) {
            if (reply.status == 401) // only authentication answers 401
                m_limiter.recordFailure(client, claim);
            finish(std::move(reply));
        };
        if (r->access == Access::Open || (r->access == Access::DeviceOrSync && x->req.bodyArrived))
            return withBody(x, *r, nullptr, counted);

        // The credentials, before the body is read.
        const auto start = std::chrono::steady_clock::now();
        auto result = m_service.authenticate(x->req.authorization, r->access == Access::AnyDevice);
        x->notes.authMs = msSince(start);
        if (auto *failure = std::get_if<Reply>(&result)) {
            failure->databaseMs = 0; // counted in authMs
            return counted(std::move(*failure));
        }
        x->identity = std::get<Identity>(std::move(result));
        x->notes.organisation = idText(x->identity->organisation);
        withBody(x, *r, &*x->identity, counted);
    } catch (const std::exception &) {
        // A bug: the device gets a clear error and the service goes on.
        finish(Reply::error(500, QStringLiteral("internal"), QStringLiteral("server error")));
    }
}

const HttpFrontend::Route *HttpFrontend::route(const HttpRequest &req, const Answer &answer) const
{
    bool pathKnown = false;
    for (const Route &r : m_routes) {
        if (r.path != req.path)
            continue;
        if (r.method == req.method)
            return &r;
        pathKnown = true;
    }
    answer(pathKnown
               ? Reply::error(405, QStringLiteral("method_not_allowed"),
                              QStringLiteral("this route takes another method"))
               : Reply::error(404, QStringLiteral("not_found"), QStringLiteral("no such route")));
    return nullptr;
}

void HttpFrontend::withBody(const std::shared_ptr<Exchange> &x, const Route &r, const Identity *id,
                            const Answer &answer)
{
    x->readBody(r.bodyLimit, [x, &r, id, answer](QByteArray body, int refusedWith) {
        try {
            if (refusedWith)
                return answer(refusal(refusedWith));
            x->req.body = std::move(body);
            r.handle(id, x->req, x->notes, answer);
        } catch (const std::exception &) {
            answer(Reply::error(500, QStringLiteral("internal"), QStringLiteral("server error")));
        }
    });
}

} // namespace wp::server
