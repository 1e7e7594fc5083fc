#pragma once
// The HTTP(S) face of SyncService: routes, authentication with rate limiting, CBOR bodies,
// and one JSON log line per request (route, status, duration, organisation; never bodies,
// tokens or keys).

#include "AuthLimiter.h"
#include "SyncService.h"

#include <QString>

#include <memory>

namespace httplib {
class Server;
struct Response;
} // namespace httplib

namespace wp::server {

struct ServeOptions
{
    QString host = QStringLiteral("127.0.0.1");
    int port = 8443; // 0: any free port
    QString tlsCert;
    QString tlsKey;
    int threads = 8;
    int authFailuresPerMinute = 10;
    // How long an idle kept-alive connection waits for its next request (see HttpFrontend.cpp
    // for why this is short).
    int keepAliveSeconds = 2;
};

class HttpFrontend
{
public:
    HttpFrontend(SyncService &service, ServeOptions options);
    ~HttpFrontend();

    // Binds the socket; returns the port (useful with port 0).
    Result<int> bind();
    void run();  // blocks until stop()
    void stop(); // thread-safe

private:
    void routes();
    // Answers 429 rate_limited when `key` failed authentication too often; true if it did.
    bool refuseIfLimited(const std::string &key, httplib::Response &res);

    SyncService &m_service;
    ServeOptions m_options;
    AuthLimiter m_limiter;
    std::unique_ptr<httplib::Server> m_server;
    int m_listenSocket = -1;
};

} // namespace wp::server
