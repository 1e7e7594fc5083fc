// SPDX-License-Identifier: GPL-3.0-or-later
#include "LocalServer.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcessEnvironment>
#include <QTcpServer>
#include <QThread>

#include <pqxx/pqxx>

namespace {
const QString ServerBin = QStringLiteral(WAYPOINT_SERVER_BIN);
const QString PgScript = QStringLiteral(WAYPOINT_SOURCE_DIR "/scripts/pg");
} // namespace

void LocalServer::passDatabase(QProcess &p) const
{
    // Through the environment, never the command line (waypoint-server refuses --database).
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("WAYPOINT_DATABASE_URL"), m_databaseUrl);
    p.setProcessEnvironment(env);
}

LocalServer::LocalServer() : m_serverBin(ServerBin)
{
    m_tmp.setAutoRemove(true);
}

LocalServer::~LocalServer()
{
    stopServer();
    if (!m_pgDir.isEmpty()) {
        bool ok = false;
        runScript({QStringLiteral("stop"), m_pgDir}, &ok);
    }
}

int LocalServer::freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

QString LocalServer::runScript(const QStringList &args, bool *ok)
{
    QProcess p;
    p.start(PgScript, args);
    *ok = p.waitForFinished(120000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    if (!*ok)
        m_error = QString::fromLocal8Bit(p.readAllStandardError());
    return QString::fromLocal8Bit(p.readAllStandardOutput()).trimmed();
}

bool LocalServer::startDatabase()
{
    m_pgDir = m_tmp.path();
    bool ok = false;
    m_databaseUrl = runScript({QStringLiteral("start"), m_pgDir, QString::number(freePort())}, &ok);
    if (!ok)
        return false;
    return admin({QStringLiteral("migrate")}).startsWith(u"schema at step");
}

bool LocalServer::restartDatabase()
{
    bool ok = false;
    runScript({QStringLiteral("restart"), m_pgDir}, &ok);
    return ok;
}

bool LocalServer::startServer(const QStringList &extra)
{
    stopServer();
    m_server = std::make_unique<QProcess>();
    // The request log goes to a file: a pipe nobody reads while the test thread waits would
    // fill up and block the server mid-request.
    // WAYPOINT_SERVER_LOG keeps it somewhere that outlives the run (benchmarks).
    const QString keep = qEnvironmentVariable("WAYPOINT_SERVER_LOG");
    m_server->setStandardErrorFile(
        keep.isEmpty() ? m_logDir.filePath(QStringLiteral("server.log")) : keep, QIODevice::Append);
    // Keep the port across restarts so devices (and the proxy) can reconnect.
    const int port = m_port ? m_port : 0;
    passDatabase(*m_server);
    m_server->start(m_serverBin, QStringList{QStringLiteral("serve"), QStringLiteral("--listen"),
                                             QStringLiteral("127.0.0.1:%1").arg(port)} +
                                     extra);
    if (!m_server->waitForStarted(10000))
        return false;
    QElapsedTimer t;
    t.start();
    QByteArray out;
    while (!out.contains('\n') && t.elapsed() < 15000) {
        if (m_server->state() == QProcess::NotRunning) {
            m_error = QString::fromLocal8Bit(serverLog().right(2000));
            return false;
        }
        m_server->waitForReadyRead(200);
        out += m_server->readAllStandardOutput();
    }
    // "listening on http://127.0.0.1:PORT" (https with --tls-cert)
    const qsizetype colon = out.trimmed().lastIndexOf(':');
    m_port = out.trimmed().mid(colon + 1).toInt();
    m_scheme = out.contains("https://") ? QStringLiteral("https") : QStringLiteral("http");
    return m_port > 0;
}

qint64 LocalServer::serverPid() const
{
    return m_server && m_server->state() == QProcess::Running ? m_server->processId() : 0;
}

qint64 LocalServer::postgresPid() const
{
    QFile pid(m_pgDir + QStringLiteral("/data/postmaster.pid"));
    if (m_pgDir.isEmpty() || !pid.open(QIODevice::ReadOnly))
        return 0;
    return pid.readLine().trimmed().toLongLong();
}

QByteArray LocalServer::serverLog()
{
    QFile log(m_logDir.filePath(QStringLiteral("server.log")));
    if (!log.open(QIODevice::ReadOnly))
        return {};
    return log.readAll();
}

void LocalServer::stopServer()
{
    if (!m_server)
        return;
    if (m_server->state() != QProcess::NotRunning) {
        m_server->terminate();
        if (!m_server->waitForFinished(10000)) {
            m_server->kill();
            m_server->waitForFinished(5000);
        }
    }
    m_server.reset();
}

void LocalServer::killServer()
{
    if (!m_server)
        return;
    m_server->kill();
    m_server->waitForFinished(5000);
    m_server.reset();
}

QString LocalServer::admin(const QStringList &args)
{
    QProcess p;
    passDatabase(p);
    p.start(m_serverBin, args);
    if (!p.waitForFinished(60000) || p.exitCode() != 0) {
        m_error = QString::fromLocal8Bit(p.readAllStandardError());
        return {};
    }
    return QString::fromLocal8Bit(p.readAllStandardOutput()).trimmed();
}

bool LocalServer::sql(const QString &statement)
{
    try {
        pqxx::connection c(m_databaseUrl.toStdString());
        pqxx::work w(c);
        w.exec(statement.toStdString());
        w.commit();
        return true;
    } catch (const std::exception &e) {
        m_error = QString::fromLocal8Bit(e.what());
        return false;
    }
}

QByteArray LocalServer::pgDump()
{
    QProcess p;
    p.start(QStringLiteral("/usr/lib/postgresql/15/bin/pg_dump"), {m_databaseUrl});
    p.waitForFinished(60000);
    return p.readAllStandardOutput();
}

LocalServer::Org LocalServer::createOrganisation(const QString &name)
{
    Org o;
    o.id = QUuid::fromString(admin({QStringLiteral("create-org"), QStringLiteral("--name"), name}));
    const auto user = [&](const QString &n, const QString &role) {
        return QUuid::fromString(
            admin({QStringLiteral("create-user"), QStringLiteral("--org"),
                   o.id.toString(QUuid::WithoutBraces), QStringLiteral("--name"), n,
                   QStringLiteral("--role"), role}));
    };
    o.supervisor = user(QStringLiteral("Alex"), QStringLiteral("supervisor"));
    o.worker1 = user(QStringLiteral("Sam"), QStringLiteral("worker"));
    o.worker2 = user(QStringLiteral("Jo"), QStringLiteral("worker"));
    return o;
}

QString LocalServer::issueCode(const QUuid &org, const QUuid &user, int ttlMinutes)
{
    return admin({QStringLiteral("issue-code"), QStringLiteral("--org"),
                  org.toString(QUuid::WithoutBraces), QStringLiteral("--user"),
                  user.toString(QUuid::WithoutBraces), QStringLiteral("--ttl-minutes"),
                  QString::number(ttlMinutes)});
}
