// SPDX-License-Identifier: GPL-3.0-or-later
// What waypoint-server refuses to expose: plain HTTP on a network address (unless a TLS
// terminator is said to sit in front), and the database URL, with its password, on the
// command line, where every user of the machine can read it.

#include "LocalServer.h"

#include <QFile>
#include <QProcess>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <pqxx/pqxx>

#include <tuple>

class TestServerExposure : public QObject
{
    Q_OBJECT

    LocalServer fx;
    QTemporaryDir dir;

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

    int organisationsNamed(const std::string &name)
    {
        pqxx::connection c(fx.databaseUrl().toStdString());
        pqxx::nontransaction w(c);
        return w.exec_params1("SELECT count(*) FROM organisations WHERE name = $1", name)[0]
            .as<int>();
    }

    QString databaseFile(const QString &name, QFile::Permissions permissions)
    {
        const QString path = dir.filePath(name);
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(fx.databaseUrl().toUtf8() + '\n');
        f.close();
        f.setPermissions(permissions);
        return path;
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

    void theDatabaseUrlIsNeverTakenFromTheCommandLine()
    {
        for (const QString &command : {QStringLiteral("migrate"), QStringLiteral("serve")}) {
            const auto [code, out, err] =
                run({command, QStringLiteral("--database"), fx.databaseUrl()}, false);
            QCOMPARE(code, 2);
            QVERIFY(out.isEmpty());
            QCOMPARE(err.trimmed().count('\n'), 0);
            QVERIFY2(err.contains("--database is not accepted") &&
                         err.contains("WAYPOINT_DATABASE_URL") && err.contains("--database-file"),
                     err.constData());
        }
        const auto [code, out, err] =
            run({QStringLiteral("create-org"), QStringLiteral("--name"),
                 QStringLiteral("Argv Peers"), QStringLiteral("--database"), fx.databaseUrl()},
                false);
        QCOMPARE(code, 2);
        QCOMPARE(organisationsNamed("Argv Peers"), 0);
        // The help names the ways that are accepted.
        const auto [helpCode, help, helpErr] =
            run({QStringLiteral("serve"), QStringLiteral("--help")}, false);
        QCOMPARE(helpCode, 0);
        for (const char *option :
             {"--database-file", "--behind-tls-proxy", "--max-connections",
              "--max-connections-per-address", "--header-timeout", "--body-timeout"})
            QVERIFY2(help.contains(option), option);
    }

    void setOfflineLeaseTakesOnlyADayCount()
    {
        const QString org = fx.admin({QStringLiteral("create-org"), QStringLiteral("--name"),
                                      QStringLiteral("Lease Peers")});
        QVERIFY(!org.isEmpty());
        for (const QString &days :
             {QStringLiteral("-1"), QStringLiteral("3651"), QStringLiteral("7d"),
              QStringLiteral(" 7"), QStringLiteral("+7"), QStringLiteral("")}) {
            const auto [code, out, err] =
                run({QStringLiteral("set-offline-lease"), QStringLiteral("--org"), org,
                     QStringLiteral("--days"), days},
                    true);
            QCOMPARE(code, 2);
            QVERIFY(out.isEmpty());
            QVERIFY2(err.contains("--days"), err.constData());
        }
        const auto [noOrg, noOrgOut, noOrgErr] = run(
            {QStringLiteral("set-offline-lease"), QStringLiteral("--days"), QStringLiteral("7")},
            true);
        QCOMPARE(noOrg, 2);
        const auto [typo, typoOut, typoErr] =
            run({QStringLiteral("set-offline-lease"), QStringLiteral("--org"), org,
                 QStringLiteral("--day"), QStringLiteral("7")},
                true);
        QCOMPARE(typo, 2);
        const auto [helpCode, help, helpErr] =
            run({QStringLiteral("set-offline-lease"), QStringLiteral("--help")}, false);
        QCOMPARE(helpCode, 0);
        QVERIFY2(help.contains("--days") && help.contains("--org"), help.constData());
        const auto [ok, okOut, okErr] =
            run({QStringLiteral("set-offline-lease"), QStringLiteral("--org"), org,
                 QStringLiteral("--days"), QStringLiteral("30")},
                true);
        QCOMPARE(ok, 0);
        QCOMPARE(okOut.trimmed(), QByteArray("offline lease 30 days"));
    }

    void theDatabaseUrlComesFromTheEnvironmentOrAnOwnerOnlyFile()
    {
        const auto createOrg = [&](const QString &name, const QStringList &more, bool env) {
            return run(QStringList{QStringLiteral("create-org"), QStringLiteral("--name"), name} +
                           more,
                       env);
        };
        QCOMPARE(std::get<0>(createOrg(QStringLiteral("Env Peers"), {}, true)), 0);
        QCOMPARE(organisationsNamed("Env Peers"), 1);

        const QString ownerOnly =
            databaseFile(QStringLiteral("owner-only"), QFile::ReadOwner | QFile::WriteOwner);
        QCOMPARE(std::get<0>(createOrg(QStringLiteral("File Peers"),
                                       {QStringLiteral("--database-file"), ownerOnly}, false)),
                 0);
        QCOMPARE(organisationsNamed("File Peers"), 1);

        // Readable by the group, or by everyone: refused, and nothing is touched.
        for (const QFile::Permissions shared :
             {QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup,
              QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther}) {
            const QString path = databaseFile(QStringLiteral("shared"), shared);
            const auto [code, out, err] = createOrg(
                QStringLiteral("Shared Peers"), {QStringLiteral("--database-file"), path}, false);
            QCOMPARE(code, 2);
            QVERIFY2(err.contains("chmod 600"), err.constData());
            QVERIFY2(!err.contains(fx.databaseUrl().toUtf8()), "the URL is never printed");
            QFile::remove(path);
        }
        QCOMPARE(organisationsNamed("Shared Peers"), 0);

        // Neither: a clear error.
        const auto [code, out, err] = createOrg(QStringLiteral("No Peers"), {}, false);
        QVERIFY(code != 0);
        QVERIFY2(err.contains("WAYPOINT_DATABASE_URL"), err.constData());
    }
};

QTEST_GUILESS_MAIN(TestServerExposure)
#include "tst_server_exposure.moc"
