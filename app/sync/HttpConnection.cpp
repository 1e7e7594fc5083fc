// SPDX-License-Identifier: GPL-3.0-or-later
#include "HttpConnection.h"

#include <QSslSocket>
#include <QTcpSocket>
#include <QThread>

#include <algorithm>

namespace wp::sync {

namespace {

constexpr qsizetype MaxHeaderBytes = 64 * 1024;

} // namespace

HttpConnection::HttpConnection(const QUrl &base)
    : m_host(base.host()), m_tls(base.scheme() == u"https")
{
    const int port = base.port(m_tls ? 443 : 80);
    m_port = quint16(port);
    m_hostHeader = QUrl::toAce(m_host);
    if (base.port() > 0)
        m_hostHeader += ':' + QByteArray::number(port);
}

HttpConnection::~HttpConnection() = default;

void HttpConnection::drop()
{
    if (m_socket)
        m_socket->abort();
    m_socket.reset();
    m_in.clear();
}

bool HttpConnection::connectSocket(int timeoutMs, HttpAnswer &answer)
{
    drop();
    bool ok = false;
    if (m_tls) {
        auto socket = std::make_unique<QSslSocket>();
        socket->connectToHostEncrypted(m_host, m_port);
        // Certificate errors fail the handshake: nothing is ignored.
        ok = socket->waitForEncrypted(timeoutMs);
        m_socket = std::move(socket);
    } else {
        m_socket = std::make_unique<QTcpSocket>();
        m_socket->connectToHost(m_host, m_port);
        ok = m_socket->waitForConnected(timeoutMs);
    }
    if (!ok) {
        answer.timedOut = m_socket->error() == QAbstractSocket::SocketTimeoutError;
        answer.failure = QStringLiteral("cannot connect");
        drop();
        return false;
    }
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    return true;
}

bool HttpConnection::readMore(int timeoutMs, HttpAnswer &answer)
{
    // Waits in slices so that a thread asked to stop (QThread::requestInterruption, e.g. the
    // app quitting) gives up within a slice instead of waiting for the timeout.
    constexpr int Slice = 100;
    for (int waited = 0; m_socket->bytesAvailable() == 0;) {
        const int slice = std::min(Slice, std::max(0, timeoutMs - waited));
        if (m_socket->waitForReadyRead(slice))
            break;
        waited += slice;
        const bool interrupted = QThread::currentThread()->isInterruptionRequested();
        if (m_socket->error() != QAbstractSocket::SocketTimeoutError || interrupted ||
            waited >= timeoutMs) {
            answer.timedOut = m_socket->error() == QAbstractSocket::SocketTimeoutError;
            answer.failure = interrupted       ? QStringLiteral("stopped")
                             : answer.timedOut ? QStringLiteral("no progress before the timeout")
                                               : QStringLiteral("connection closed");
            return false;
        }
    }
    m_in += m_socket->readAll();
    return true;
}

bool HttpConnection::readLine(QByteArray &line, int timeoutMs, HttpAnswer &answer)
{
    qsizetype end;
    while ((end = m_in.indexOf("\r\n")) < 0) {
        if (m_in.size() > MaxHeaderBytes) {
            answer.failure = QStringLiteral("line too long");
            return false;
        }
        if (!readMore(timeoutMs, answer))
            return false;
    }
    line = m_in.left(end);
    m_in.remove(0, end + 2);
    return true;
}

bool HttpConnection::readBody(qint64 length, int timeoutMs, HttpAnswer &answer)
{
    if (length > MaxBodyBytes) {
        answer.tooLarge = true;
        answer.failure = QStringLiteral("body too large");
        return false;
    }
    while (m_in.size() < length)
        if (!readMore(timeoutMs, answer))
            return false;
    answer.body = m_in.left(qsizetype(length));
    m_in.remove(0, qsizetype(length));
    return true;
}

bool HttpConnection::readChunked(int timeoutMs, HttpAnswer &answer)
{
    QByteArray body, line;
    for (;;) {
        if (!readLine(line, timeoutMs, answer))
            return false;
        bool ok = false;
        const qint64 size = line.split(';').constFirst().trimmed().toLongLong(&ok, 16);
        if (!ok || size < 0) {
            answer.failure = QStringLiteral("bad chunk");
            return false;
        }
        if (size > MaxBodyBytes - body.size()) {
            answer.tooLarge = true;
            answer.failure = QStringLiteral("body too large");
            return false;
        }
        if (size == 0) {
            do { // trailers, up to the empty line
                if (!readLine(line, timeoutMs, answer))
                    return false;
            } while (!line.isEmpty());
            answer.body = std::move(body);
            return true;
        }
        while (m_in.size() < size + 2)
            if (!readMore(timeoutMs, answer))
                return false;
        body += QByteArrayView(m_in).first(qsizetype(size));
        m_in.remove(0, qsizetype(size) + 2);
    }
}

HttpConnection::Outcome HttpConnection::attempt(const QByteArray &request, int timeoutMs,
                                                HttpAnswer &answer)
{
    // A kept connection the server closed while idle shows as readable with nothing to read.
    if (m_socket && m_socket->state() == QAbstractSocket::ConnectedState &&
        m_socket->bytesAvailable() == 0)
        m_socket->waitForReadyRead(0);
    if (m_socket &&
        (m_socket->state() != QAbstractSocket::ConnectedState || m_socket->bytesAvailable() > 0))
        drop();
    const bool reused = m_socket != nullptr;
    if (!reused && !connectSocket(timeoutMs, answer))
        return Outcome::Failed;
    m_in.clear();

    const auto failed = [&] {
        // Only a reused connection that never answered may be retried: the request cannot
        // have been processed (and every endpoint is idempotent anyway: docs/protocol.md).
        const bool retry = reused && m_in.isEmpty() && !answer.timedOut;
        drop();
        return retry ? Outcome::NothingReceived : Outcome::Failed;
    };

    m_socket->write(request);
    while (m_socket->bytesToWrite() > 0)
        if (!m_socket->waitForBytesWritten(timeoutMs)) {
            answer.timedOut = m_socket->error() == QAbstractSocket::SocketTimeoutError;
            answer.failure = QStringLiteral("cannot send");
            return failed();
        }

    int status = 0;
    qint64 length = -1;
    bool chunked = false, close = false;
    // Skip interim (1xx) answers.
    while (status < 200) {
        qsizetype end;
        while ((end = m_in.indexOf("\r\n\r\n")) < 0) {
            if (m_in.size() > MaxHeaderBytes) {
                answer.failure = QStringLiteral("headers too long");
                return failed();
            }
            if (!readMore(timeoutMs, answer))
                return failed();
        }
        const QList<QByteArray> lines = m_in.left(end).split('\n');
        m_in.remove(0, end + 4);
        const QByteArray &statusLine = lines.constFirst();
        if (!statusLine.startsWith("HTTP/1.") || statusLine.size() < 12) {
            answer.failure = QStringLiteral("not an HTTP answer");
            return failed();
        }
        status = statusLine.mid(9, 3).toInt();
        close = statusLine.startsWith("HTTP/1.0");
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray &l = lines[i];
            const qsizetype colon = l.indexOf(':');
            if (colon < 0)
                continue;
            const QByteArray name = l.left(colon).trimmed().toLower();
            const QByteArray value = l.mid(colon + 1).trimmed().toLower();
            if (name == "content-length") {
                bool ok = false;
                length = value.toLongLong(&ok);
                if (!ok || length < 0) {
                    answer.failure = QStringLiteral("bad Content-Length");
                    return failed();
                }
            } else if (name == "transfer-encoding") {
                chunked = value.contains("chunked");
            } else if (name == "connection") {
                close = value.contains("close")        ? true
                        : value.contains("keep-alive") ? false
                                                       : close;
            }
        }
        if (status == 0) {
            answer.failure = QStringLiteral("not an HTTP answer");
            return failed();
        }
    }

    bool complete = true;
    if (chunked) {
        complete = readChunked(timeoutMs, answer);
    } else if (length >= 0) {
        complete = readBody(length, timeoutMs, answer);
    } else if (status != 204 && status != 304) {
        // No length: the body ends with the connection.
        while (m_in.size() <= MaxBodyBytes && readMore(timeoutMs, answer)) {
        }
        answer.tooLarge = m_in.size() > MaxBodyBytes;
        complete = !answer.timedOut && !answer.tooLarge;
        if (answer.tooLarge) {
            answer.failure = QStringLiteral("body too large");
        } else {
            answer.body = std::move(m_in);
            answer.failure.clear();
        }
        close = true;
    }
    if (!complete) {
        // Cut after the headers: a network failure to retry later, never a malformed answer.
        drop();
        return Outcome::Failed;
    }
    answer.status = status;
    if (close || !m_in.isEmpty())
        drop();
    return Outcome::Answered;
}

HttpAnswer HttpConnection::exchange(const QByteArray &verb, const QByteArray &pathAndQuery,
                                    const QList<std::pair<QByteArray, QByteArray>> &headers,
                                    const QByteArray &body, int idleTimeoutMs)
{
    if (m_host.isEmpty() || m_port == 0) {
        HttpAnswer none;
        none.failure = QStringLiteral("no server address");
        return none;
    }
    QByteArray request;
    request.reserve(256 + body.size());
    request += verb + ' ' + pathAndQuery + " HTTP/1.1\r\nHost: " + m_hostHeader + "\r\n";
    for (const auto &[name, value] : headers)
        request += name + ": " + value + "\r\n";
    if (verb != "GET" || !body.isEmpty())
        request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    request += "\r\n";
    request += body;
    HttpAnswer answer;
    for (int attempts = 0; attempts < 2; ++attempts) {
        answer = HttpAnswer{};
        if (attempt(request, idleTimeoutMs, answer) != Outcome::NothingReceived)
            break;
    }
    // The request carries the device token.
    request.fill('\0');
    return answer;
}

} // namespace wp::sync
