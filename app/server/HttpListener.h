// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The transport of the sync service: HTTP/1.1 (over TLS when given a certificate) with
// keep-alive, event-driven (Boost.Beast). A few threads run the event loop and the handler;
// an idle kept-alive connection costs a socket and a buffer, never a thread.
//
// What a client can make it spend before it is known: connections are capped in all and per
// address; a request's head must arrive within the header timeout; the handler sees the head
// before any body is read, so credentials are checked first and a body is read only when
// the handler asks, up to the route's limit, into memory that grows as bytes arrive (never
// from the declared length) and that must keep arriving at a minimum rate.

#include "Result.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace wp::server {

struct HttpRequest
{
    std::string method;
    std::string path;  // the target without its query
    std::string query; // after '?', undecoded
    std::string authorization;
    // Who the client is, for per-client limits: its address as bytes (IPv6: its /64), or,
    // behind a TLS terminator (trustForwardedFor), the last address of X-Forwarded-For.
    std::string client;
    std::optional<std::uint64_t> contentLength; // declared; none when chunked or absent
    bool chunked = false;
    // The whole body came with the head (or there is none): reading it costs nothing more.
    bool bodyArrived = true;
    QByteArray body; // empty until read (HttpListener::ReadBody)
    // Set when the transport refused the request before it was complete: 413 (body over the
    // largest limit) or 400 (not HTTP). The handler still answers, so every refusal is
    // logged alike.
    int refusedWith = 0;
};

struct HttpResponse
{
    int status = 200;
    QByteArray body;    // CBOR
    int retryAfter = 0; // seconds; sent as Retry-After when > 0
};

struct ListenOptions
{
    QString host = QStringLiteral("127.0.0.1");
    int port = 8443; // 0: any free port
    QString tlsCert;
    QString tlsKey;
    // Threads that run the event loop and the handler, which may wait for the database.
    int threads = 2;
    // How long a kept-alive connection may stay idle between requests; 0 closes each
    // connection after its answer.
    int keepAliveSeconds = 20;
    // The largest body any route takes: a longer declared body is refused from the head.
    std::size_t bodyLimit = 1 << 20;
    // Open connections at most, in all and per client address (IPv6: per /64). Past either,
    // a new connection is closed as soon as it is accepted.
    int maxConnections = 10000;
    int maxConnectionsPerAddress = 512;
    // A connection's first request head (after the TLS handshake) must arrive within this.
    int headerTimeoutSeconds = 10;
    // A body (and an answer) must begin within this, then keep up MinTransferRate.
    int bodyTimeoutSeconds = 10;
    // Behind a TLS terminator: the client is the last address of X-Forwarded-For.
    bool trustForwardedFor = false;
};

class HttpListener
{
public:
    // Bytes a second a body or an answer must average after its first bodyTimeoutSeconds.
    static constexpr std::uint64_t MinTransferRate = 4096;

    // Sends the answer to a request: exactly once, from any thread. The connection reads
    // nothing more until it is called. A body the handler did not read is read and dropped
    // after the answer (so that its sender reads the answer) and the connection is closed.
    using Respond = std::function<void(HttpResponse)>;
    // The body, or refusedWith 413 when it is longer than the limit (it is not read then).
    using BodyRead = std::function<void(QByteArray body, int refusedWith)>;
    // Reads the request's body, at most `limit` bytes, and calls back on the connection's
    // strand (at once when it came with the head). Not called back if the connection fails
    // or the body does not arrive in time: the connection is closed and nobody answered.
    using ReadBody = std::function<void(std::size_t limit, BodyRead then)>;
    // Called on a listener thread once a request's head has arrived, before its body is
    // read; may block, or keep `respond` and return.
    using Handler = std::function<void(HttpRequest, Respond, ReadBody)>;

    HttpListener(ListenOptions options, Handler handler);
    ~HttpListener();
    HttpListener(const HttpListener &) = delete;
    HttpListener &operator=(const HttpListener &) = delete;

    // Loads the TLS certificate and key, binds and listens; returns the port (useful with
    // port 0).
    Result<int> bind();
    void run();  // serves until stop()
    void stop(); // thread-safe

    // True when every address `host` names is a loopback address.
    static bool isLoopback(const QString &host);

private:
    struct State;
    std::unique_ptr<State> d;
};

} // namespace wp::server
