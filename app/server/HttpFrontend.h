#pragma once
// The HTTP(S) face of SyncService: routes, authentication with rate limiting, CBOR bodies,
// and one JSON log line per request (route, status, duration, organisation; never bodies,
// tokens or keys), written before its answer is sent.

#include "AuthLimiter.h"
#include "HttpListener.h"
#include "SyncService.h"

#include <QString>

#include <functional>
#include <string_view>
#include <vector>

namespace wp::server {

struct ServeOptions : ListenOptions
{
    int authFailuresPerMinute = 10;
};

class HttpFrontend
{
public:
    HttpFrontend(SyncService &service, ServeOptions options);

    // Binds the socket; returns the port (useful with port 0).
    Result<int> bind() { return m_listener.bind(); }
    void run() { m_listener.run(); }   // blocks until stop()
    void stop() { m_listener.stop(); } // thread-safe

private:
    // What a request's handling tells its log line beyond the reply.
    struct Notes
    {
        QString organisation;
        double authMs = 0;
    };
    // Answers through `answer`, exactly once, on this thread or later on another.
    using Handler = std::function<void(const HttpRequest &, Notes &, Answer)>;
    struct Route
    {
        std::string_view method;
        std::string_view path;
        Handler handle;
    };

    void answer(HttpRequest req, HttpListener::Respond respond);
    void route(const HttpRequest &req, Notes &notes, Answer answer);
    // Authenticates (rate-limited) before `handler`; `allowRevoked` for the status route.
    Handler
    authenticated(bool allowRevoked,
                  std::function<void(const Identity &, const HttpRequest &, Answer)> handler);
    // 429 rate_limited while `key` has failed authentication too often; otherwise
    // `attempt`, whose 401 counts against `key`.
    void limited(const std::string &key, const std::function<void(Answer)> &attempt, Answer answer);

    SyncService &m_service;
    AuthLimiter m_limiter;
    std::vector<Route> m_routes;
    HttpListener m_listener;
};

} // namespace wp::server
