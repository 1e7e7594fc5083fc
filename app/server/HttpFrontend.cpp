#include "HttpFrontend.h"

#include "Uuid.h"
#include "wire/Codec.h"

#include <httplib.h>

#include <sys/socket.h>

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

#include <chrono>
#include <cstdio>
#include <mutex>

namespace wp::server {

namespace {

// Per-request context for the log line; httplib runs a request's handlers on one thread.
thread_local std::chrono::steady_clock::time_point t_start;
thread_local QString t_organisation;
thread_local QString t_errorCode;
thread_local double t_authMs = 0;

std::mutex g_logMutex;

const char *CborType = "application/cbor";

void send(httplib::Response &res, const Reply &reply)
{
    res.status = reply.status;
    res.set_content(reply.body.constData(), std::size_t(reply.body.size()), CborType);
    if (reply.retryAfter > 0)
        res.set_header("Retry-After", std::to_string(reply.retryAfter));
    t_errorCode = reply.errorCode;
}

QByteArrayView bodyOf(const httplib::Request &req)
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

} // namespace

HttpFrontend::HttpFrontend(SyncService &service, ServeOptions options)
    : m_service(service), m_options(std::move(options)),
      m_limiter(m_options.authFailuresPerMinute, std::chrono::seconds(60))
{
    if (!m_options.tlsCert.isEmpty())
        m_server = std::make_unique<httplib::SSLServer>(m_options.tlsCert.toLocal8Bit().constData(),
                                                        m_options.tlsKey.toLocal8Bit().constData());
    else
        m_server = std::make_unique<httplib::Server>();
    const int threads = std::max(1, m_options.threads);
    m_server->new_task_queue = [threads] { return new httplib::ThreadPool(std::size_t(threads)); };
    // A little above the protocol limit so the codec, not the transport, names the problem.
    m_server->set_payload_max_length(std::size_t(wire::limits::MaxBody) + 1024);
    // cpp-httplib 0.11 listens with a backlog of 5: a burst of devices connecting at once
    // would see dropped SYNs and seconds of retransmission. Remember the listening socket
    // so bind() can raise the backlog (a second listen() on Linux just updates it).
    m_server->set_socket_options([this](socket_t sock) {
        httplib::default_socket_options(sock);
        m_listenSocket = int(sock);
    });
    // Responses go out as two writes (headers, body): without TCP_NODELAY, Nagle holds the
    // body until the client's delayed ACK, up to 40 ms per request.
    m_server->set_tcp_nodelay(true);
    // Devices keep their connection for a whole sync (pull pages, push batches): no new TCP
    // handshake per request. cpp-httplib 0.11 serves a connection on one pool thread and
    // waits for each request, the first one included, by polling (select for 10 ms, sleep
    // 1 ms, again): an idle kept-alive connection wakes its thread ~90 times a second. With
    // 200 devices syncing once a second that polling was over half the server's CPU
    // (docs/benchmarks.md, "200 devices at once"); --keep-alive 0 removes it, but then a
    // connection whose first request is more than ~10 ms late (a loaded client) is closed
    // unanswered, so the default stays 2 s. The cure is an event-driven front end.
    m_server->set_keep_alive_max_count(1000);
    m_server->set_keep_alive_timeout(std::max(0, m_options.keepAliveSeconds));
    m_server->set_read_timeout(30, 0);
    m_server->set_write_timeout(30, 0);
    routes();
}

HttpFrontend::~HttpFrontend() = default;

Result<int> HttpFrontend::bind()
{
    if (!m_server->is_valid())
        return Error(ErrorCode::InvalidInput,
                     QStringLiteral("the TLS certificate or key cannot be used"));
    const std::string host = m_options.host.toStdString();
    int port = m_options.port;
    if (port == 0)
        port = m_server->bind_to_any_port(host);
    else if (!m_server->bind_to_port(host, port))
        port = -1;
    // The socket listens with cpp-httplib's backlog of 5; listening again updates it.
    if (port >= 0 && m_listenSocket >= 0)
        ::listen(m_listenSocket, 1024);
    if (port < 0)
        return Error(
            ErrorCode::Network,
            QStringLiteral("cannot listen on %1:%2").arg(m_options.host).arg(m_options.port));
    return port;
}

void HttpFrontend::run()
{
    m_server->listen_after_bind();
}

void HttpFrontend::stop()
{
    m_server->stop();
}

bool HttpFrontend::refuseIfLimited(const std::string &key, httplib::Response &res)
{
    const int wait = m_limiter.retryAfter(key);
    if (wait == 0)
        return false;
    Reply r = SyncService::error(429, QStringLiteral("rate_limited"),
                                 QStringLiteral("too many failed attempts"));
    r.retryAfter = wait;
    send(res, r);
    return true;
}

void HttpFrontend::routes()
{
    httplib::Server &s = *m_server;

    s.set_pre_routing_handler([](const httplib::Request &, httplib::Response &) {
        t_start = std::chrono::steady_clock::now();
        t_organisation.clear();
        t_errorCode.clear();
        t_authMs = 0;
        (void)SyncService::takeDatabaseMs();
        return httplib::Server::HandlerResponse::Unhandled;
    });

    s.set_logger([](const httplib::Request &req, const httplib::Response &res) {
        const double ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t_start)
                .count();
        QJsonObject line{
            {QStringLiteral("ts"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
            {QStringLiteral("method"), QString::fromStdString(req.method)},
            {QStringLiteral("route"), QString::fromStdString(req.path).left(64)},
            {QStringLiteral("status"), res.status},
            {QStringLiteral("ms"), qRound(ms * 100) / 100.0},
            // Where the time went: authentication, and the handler's database work.
            {QStringLiteral("authMs"), qRound(t_authMs * 100) / 100.0},
            {QStringLiteral("dbMs"), qRound(SyncService::takeDatabaseMs() * 100) / 100.0},
            {QStringLiteral("bytesIn"), qint64(req.body.size())},
            {QStringLiteral("bytesOut"), qint64(res.body.size())},
        };
        if (!t_organisation.isEmpty())
            line.insert(QStringLiteral("org"), t_organisation);
        if (!t_errorCode.isEmpty())
            line.insert(QStringLiteral("error"), t_errorCode);
        const QByteArray json = QJsonDocument(line).toJson(QJsonDocument::Compact);
        std::lock_guard lock(g_logMutex);
        std::fprintf(stderr, "%s\n", json.constData());
        std::fflush(stderr);
    });

    // Transport-level failures (unknown route, body over the limit) still get a CBOR error.
    s.set_error_handler([](const httplib::Request &, httplib::Response &res) {
        if (!res.body.empty())
            return;
        QString code = QStringLiteral("malformed");
        if (res.status == 404)
            code = QStringLiteral("not_found");
        else if (res.status == 413)
            code = QStringLiteral("too_large");
        else if (res.status >= 500)
            code = QStringLiteral("internal");
        const int status = res.status;
        send(res, SyncService::error(status, code, QStringLiteral("HTTP %1").arg(status)));
    });

    s.set_exception_handler([](const httplib::Request &, httplib::Response &res,
                               std::exception_ptr) {
        send(res,
             SyncService::error(500, QStringLiteral("internal"), QStringLiteral("server error")));
    });

    using Handler = std::function<Reply(const Identity &, const httplib::Request &)>;
    auto authed = [this](bool allowRevoked, Handler handler) {
        return [this, allowRevoked, handler](const httplib::Request &req, httplib::Response &res) {
            const std::string header = req.get_header_value("Authorization");
            const std::string key = req.remote_addr + '|' + claimedDevice(header);
            if (refuseIfLimited(key, res))
                return;
            const auto authStart = std::chrono::steady_clock::now();
            auto result = m_service.authenticate(header, allowRevoked);
            t_authMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() -
                                                                 authStart)
                           .count();
            (void)SyncService::takeDatabaseMs(); // counted in authMs
            if (auto *failure = std::get_if<Reply>(&result)) {
                if (failure->status == 401)
                    m_limiter.recordFailure(key);
                send(res, *failure);
                return;
            }
            const Identity &id = std::get<Identity>(result);
            t_organisation = idText(id.organisation);
            send(res, handler(id, req));
        };
    };

    s.Post("/v1/enrol", [this](const httplib::Request &req, httplib::Response &res) {
        const std::string key = req.remote_addr + "|enrol";
        if (refuseIfLimited(key, res))
            return;
        const Reply r = m_service.enrol(bodyOf(req));
        if (r.status == 401)
            m_limiter.recordFailure(key);
        send(res, r);
    });
    s.Get("/v1/keys", authed(false, [this](const Identity &id, const httplib::Request &) {
              return m_service.directory(id);
          }));
    s.Put("/v1/keys", authed(false, [this](const Identity &id, const httplib::Request &req) {
              return m_service.putPublicKeys(id, bodyOf(req));
          }));
    s.Get("/v1/keys/backup", authed(false, [this](const Identity &id, const httplib::Request &) {
              return m_service.keyBackup(id);
          }));
    s.Put("/v1/keys/backup", authed(false, [this](const Identity &id, const httplib::Request &req) {
              return m_service.putKeyBackup(id, bodyOf(req));
          }));
    s.Post("/v1/push", authed(false, [this](const Identity &id, const httplib::Request &req) {
               return m_service.push(id, bodyOf(req));
           }));
    s.Get(
        "/v1/pull", authed(false, [this](const Identity &id, const httplib::Request &req) {
            bool okSince = true, okLimit = true, okHorizon = true;
            const std::uint64_t since =
                req.has_param("since")
                    ? QString::fromStdString(req.get_param_value("since")).toULongLong(&okSince)
                    : 0;
            const qsizetype limit =
                req.has_param("limit")
                    ? QString::fromStdString(req.get_param_value("limit")).toLongLong(&okLimit)
                    : wire::limits::DefaultPull;
            const std::uint64_t horizon =
                req.has_param("horizon")
                    ? QString::fromStdString(req.get_param_value("horizon")).toULongLong(&okHorizon)
                    : 0;
            if (!okSince || !okLimit || !okHorizon || limit < 1)
                return SyncService::error(400, QStringLiteral("malformed"),
                                          QStringLiteral("since and limit must be numbers"));
            return m_service.pull(id, since, limit, horizon);
        }));
    // Authenticated by its own statement (SyncService::sync), limited like the others.
    s.Post("/v1/sync", [this](const httplib::Request &req, httplib::Response &res) {
        const std::string header = req.get_header_value("Authorization");
        const std::string key = req.remote_addr + '|' + claimedDevice(header);
        if (refuseIfLimited(key, res))
            return;
        const Reply r = m_service.sync(header, bodyOf(req), &t_organisation);
        if (r.status == 401)
            m_limiter.recordFailure(key);
        send(res, r);
    });
    s.Get("/v1/device", authed(true, [this](const Identity &id, const httplib::Request &) {
              return m_service.deviceStatus(id);
          }));
}

} // namespace wp::server
