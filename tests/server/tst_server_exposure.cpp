// SPDX-License-Identifier: GPL-3.0-or-later
// What waypoint-server refuses to expose: plain HTTP on a network address (unless a TLS
// terminator is said to sit in front).

#include "LocalServer.h"

#include <QProcess>
#include <QTcpSocket>
#include <QTest>

#include <tuple>

class TestServerExposure : public QObject
{
    Q_OBJECT

    LocalServer fx;

    QProcessEnvironment environment(bool withDatabase) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("WAYPOINT_DATABASE_URL"));
        if (withDatabase)
            env.insert(QStringLiteral("WAYPOINT_DATABASE_URL"), fx.databaseUrl());
        return env;
    }

    // Runs waypoint-server to its end: exit code, stdout, stderr.
    std::tuple<int, QByteArray, QByteArray> run(const QStringList &args, bool withDatabase)
    {
        QProcess p;
        p.setProcessEnvironment(environment(withDatabase));
        p.start(fx.serverBinary(), args);
        p.waitForFinished(60000);
        return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
    }

private slots:
    void initTestCase() { QVERIFY2(fx.startDatabase(), qPrintable(fx.lastError())); }

    void plainHttpOnANetworkAddressNeedsATlsTerminator()
    {
        const QStringList serve{QStringLiteral("serve"), QStringLiteral("--listen"),
                                QStringLiteral("0.0.0.0:0")};
        const auto [code, out, err] = run(serve, true);
        QCOMPARE(code, 2);
        QVERIFY(out.isEmpty());
        QVERIFY2(err.contains("refusing plain HTTP on 0.0.0.0:0"), err.constData());
        QVERIFY2(err.contains("--tls-cert") && err.contains("--behind-tls-proxy"), err.constData());

        // Told that a TLS terminator forwards to it, it serves, and says so in its log.
        QProcess p;
        p.setProcessEnvironment(environment(true));
        p.start(fx.serverBinary(), serve + QStringList{QStringLiteral("--behind-tls-proxy")});
        QVERIFY(p.waitForStarted(10000));
        QByteArray listening;
        for (int i = 0; i < 100 && !listening.contains('\n') && p.state() == QProcess::Running;
             ++i) {
            p.waitForReadyRead(200);
            listening += p.readAllStandardOutput();
        }
        QVERIFY2(listening.startsWith("listening on http://0.0.0.0:"), listening.constData());
        const int port = listening.trimmed().mid(listening.lastIndexOf(':') + 1).toInt();
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), quint16(port));
        QVERIFY(socket.waitForConnected(5000));
        socket.write("GET /v1/device HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: 203.0.113.7\r\n\r\n");
        QByteArray answer;
        while (!answer.contains("\r\n\r\n") && socket.waitForReadyRead(5000))
            answer += socket.readAll();
        QVERIFY2(answer.startsWith("HTTP/1.1 401 "), answer.constData());
        p.terminate();
        QVERIFY(p.waitForFinished(10000));
        const QByteArray log = p.readAllStandardError();
        QVERIFY2(log.contains("\"event\":\"plain_http_behind_tls_proxy\""), log.constData());

        // Loopback needs neither.
        QVERIFY2(fx.startServer(), qPrintable(fx.lastError()));
        fx.stopServer();
    }
};

QTEST_GUILESS_MAIN(TestServerExposure)
#include "tst_server_exposure.moc"
