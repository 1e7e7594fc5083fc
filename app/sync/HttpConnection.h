// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// SyncClient's transport: one kept-alive HTTP/1.1 connection (TLS for https), used blocking
// from the thread that owns it. The request goes out in one write and the answer is read in
// the same thread. QNetworkAccessManager ran every request on a second thread and hopped to
// it and back through queued events: for a small sync that cost as much CPU on the device as
// the server spent on it (docs/benchmarks.md, "Sync: `waypoint-loadgen`").
//
// Enough HTTP for the protocol: Content-Length and chunked bodies, keep-alive and
// "Connection: close". A reused connection that the server closed while idle is detected and
// the request sent once more on a fresh one, only when no byte of an answer had arrived.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

#include <memory>
#include <utility>

class QTcpSocket;

namespace wp::sync {

struct HttpAnswer
{
    int status = 0;  // 0: no answer (see failure)
    QByteArray body; // the whole body, when complete
    bool timedOut = false;
    bool tooLarge = false; // the body is over HttpConnection::MaxBodyBytes: not read
    QString failure;       // why there is no complete answer (for logs; never content)
};

class HttpConnection
{
public:
    // The largest answer body read. The largest the protocol sends is a pull page, which the
    // server stops at 8 MiB (docs/protocol.md, "Pull"); eight times that leaves room for a
    // server with a larger budget, and keeps a hostile or broken server from making the
    // device hold more.
    static constexpr qint64 MaxBodyBytes = qint64(64) << 20;

    explicit HttpConnection(const QUrl &base);
    ~HttpConnection();
    HttpConnection(const HttpConnection &) = delete;
    HttpConnection &operator=(const HttpConnection &) = delete;

    // `idleTimeoutMs`: the longest wait for any progress (connecting, sending, receiving).
    HttpAnswer exchange(const QByteArray &verb, const QByteArray &pathAndQuery,
                        const QList<std::pair<QByteArray, QByteArray>> &headers,
                        const QByteArray &body, int idleTimeoutMs);

private:
    enum class Outcome {
        Answered,
        NothingReceived, // the connection failed before any byte of an answer
        Failed,
    };
    Outcome attempt(const QByteArray &request, int timeoutMs, HttpAnswer &answer);
    bool connectSocket(int timeoutMs, HttpAnswer &answer);
    bool readMore(int timeoutMs, HttpAnswer &answer);
    bool readBody(qint64 length, int timeoutMs, HttpAnswer &answer);
    bool readChunked(int timeoutMs, HttpAnswer &answer);
    bool readLine(QByteArray &line, int timeoutMs, HttpAnswer &answer);
    void drop();

    QString m_host;
    quint16 m_port = 0;
    bool m_tls = false;
    QByteArray m_hostHeader;
    std::unique_ptr<QTcpSocket> m_socket;
    QByteArray m_in; // received and not yet parsed
};

} // namespace wp::sync
