#pragma once
// The transport of the sync service: HTTP/1.1 (over TLS when given a certificate) with
// keep-alive, event-driven (Boost.Beast). A few threads run the event loop and the handler;
// an idle kept-alive connection costs a socket and a buffer, never a thread.

#include "Result.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <memory>
#include <string>

namespace wp::server {

struct HttpRequest
{
    std::string method;
    std::string path;  // the target without its query
    std::string query; // after '?', undecoded
    std::string authorization;
    std::string body;
    std::string remoteAddress;
    // Set when the transport refused the request before it was complete: 413 (body over the
    // limit) or 400 (not HTTP). The handler still answers, so every refusal is logged alike.
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
    std::size_t bodyLimit = 1 << 20;
};

class HttpListener
{
public:
    // Sends the answer to a request: exactly once, from any thread. The connection reads
    // nothing more until it is called.
    using Respond = std::function<void(HttpResponse)>;
    // Called on a listener thread for every request; may block, or keep `respond` and return.
    using Handler = std::function<void(HttpRequest, Respond)>;

    HttpListener(ListenOptions options, Handler handler);
    ~HttpListener();
    HttpListener(const HttpListener &) = delete;
    HttpListener &operator=(const HttpListener &) = delete;

    // Loads the TLS certificate and key, binds and listens; returns the port (useful with
    // port 0).
    Result<int> bind();
    void run();  // serves until stop()
    void stop(); // thread-safe

private:
    struct State;
    std::unique_ptr<State> d;
};

} // namespace wp::server
