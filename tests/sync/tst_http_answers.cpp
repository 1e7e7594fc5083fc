// SPDX-License-Identifier: GPL-3.0-or-later
// What the device does with an answer larger than the protocol ever sends: it stops reading
// and says so, rather than holding whatever a hostile or broken server streams.

#include "HttpConnection.h"
#include "SyncClient.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <functional>
#include <future>
#include <thread>

using namespace wp;
using namespace wp::sync;

namespace {

// A server on loopback that answers one request with `answer`, on its own thread (the client
// blocks its thread while it waits).
class OneAnswerServer
{
public:
    explicit OneAnswerServer(std::function<void(QTcpSocket &)> answer)
    {
        std::promise<quint16> port;
        auto listening = port.get_future();
        m_thread = std::thread([answer = std::move(answer), &port] {
            QTcpServer server;
            server.listen(QHostAddress::LocalHost);
            port.set_value(server.serverPort());
            if (!server.waitForNewConnection(10'000))
                return;
            QTcpSocket *s = server.nextPendingConnection();
            while (!s->canReadLine() && s->waitForReadyRead(10'000)) {
            }
            answer(*s);
            s->flush();
            while (s->bytesToWrite() > 0 && s->waitForBytesWritten(10'000)) {
            }
            // Until the client gives up reading.
            s->waitForDisconnected(10'000);
        });
        m_port = listening.get();
    }
    ~OneAnswerServer() { m_thread.join(); }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }

private:
    std::thread m_thread;
    quint16 m_port = 0;
};

void write(QTcpSocket &s, const QByteArray &bytes)
{
    s.write(bytes);
    while (s.bytesToWrite() > 0 && s.waitForBytesWritten(10'000)) {
    }
}

} // namespace

class TestHttpAnswers : public QObject
{
    Q_OBJECT

    // What the client makes of the server's answer to a pull.
    static Error pullFrom(const OneAnswerServer &server)
    {
        SyncClient client(server.url());
        client.setTimeout(10'000);
        DeviceCredentials me;
        me.token = SecretBytes::random(32);
        client.setCredentials(&me);
        auto page = client.pull(0, 100);
        return page.ok() ? Error() : page.error();
    }

    static void isTooLarge(const Error &e)
    {
        QCOMPARE(e.code, ErrorCode::Protocol);
        QCOMPARE(e.message, QStringLiteral("the server's answer is larger than this app accepts"));
    }

private slots:
    void theLimitIsWhatAPageNeedsWithRoomToSpare()
    {
        QCOMPARE(HttpConnection::MaxBodyBytes, qint64(64) * 1024 * 1024);
    }

    void anAnnouncedLengthOverTheLimitIsRefusedUnread()
    {
        OneAnswerServer server([](QTcpSocket &s) {
            write(s, "HTTP/1.1 200 OK\r\nContent-Type: application/cbor\r\nContent-Length: " +
                         QByteArray::number(HttpConnection::MaxBodyBytes + 1) + "\r\n\r\n");
        });
        isTooLarge(pullFrom(server));
    }

    void aChunkOverTheLimitIsRefused()
    {
        OneAnswerServer server([](QTcpSocket &s) {
            write(s, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" +
                         QByteArray::number(HttpConnection::MaxBodyBytes + 1, 16) + "\r\n");
        });
        isTooLarge(pullFrom(server));
    }

    void aBodyWithoutLengthStopsAtTheLimit()
    {
        OneAnswerServer server([](QTcpSocket &s) {
            write(s, "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n");
            const QByteArray block(1 << 20, 'x');
            for (qint64 sent = 0; sent <= HttpConnection::MaxBodyBytes &&
                                  s.state() == QAbstractSocket::ConnectedState;
                 sent += block.size())
                write(s, block);
        });
        isTooLarge(pullFrom(server));
    }

    void anAnswerWithinTheLimitIsRead()
    {
        // Not a page: the answer is read whole and then refused by the decoder, not by size.
        OneAnswerServer server(
            [](QTcpSocket &s) { write(s, "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc"); });
        const Error e = pullFrom(server);
        QCOMPARE(e.code, ErrorCode::Protocol);
        QVERIFY(e.message != QStringLiteral("the server's answer is larger than this app accepts"));
    }
};

QTEST_GUILESS_MAIN(TestHttpAnswers)
#include "tst_http_answers.moc"
