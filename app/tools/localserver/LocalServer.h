// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A throwaway sync service on loopback, stopped and deleted with this object: a PostgreSQL
// cluster (scripts/pg) on a free port, the schema, and waypoint-server processes. Used by the
// integration tests, the load generator and the sync screenshots.

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUuid>

#include <memory>

class LocalServer
{
public:
    LocalServer();
    ~LocalServer();

    // Another waypoint-server build (a benchmark's baseline); set before startDatabase().
    void setServerBinary(const QString &path) { m_serverBin = path; }
    // The waypoint-server binary this object starts (for commands run by hand).
    QString serverBinary() const { return m_serverBin; }

    bool startDatabase(); // cluster + migrate
    bool startServer(const QStringList &extra = {});
    void stopServer(); // SIGTERM, then wait
    void killServer(); // SIGKILL: a crash
    bool restartDatabase();

    QString baseUrl() const
    {
        return QStringLiteral("%1://127.0.0.1:%2").arg(m_scheme).arg(m_port);
    }
    int port() const { return m_port; }
    QString databaseUrl() const { return m_databaseUrl; }
    QString lastError() const { return m_error; }
    // For benchmarks that account CPU per process: the server's pid (0 when stopped) and the
    // PostgreSQL cluster's postmaster pid (0 when not started).
    qint64 serverPid() const;
    qint64 postgresPid() const;
    // Everything the server wrote to stderr (the request log).
    QByteArray serverLog();

    // Runs a waypoint-server admin command; its stdout, trimmed ("" on failure).
    QString admin(const QStringList &args);
    // Runs SQL directly (test set-up only, e.g. expiring a code).
    bool sql(const QString &statement);
    QByteArray pgDump();

    struct Org
    {
        QUuid id;
        QUuid supervisor;
        QUuid worker1;
        QUuid worker2;
    };
    Org createOrganisation(const QString &name);
    QString issueCode(const QUuid &org, const QUuid &user, int ttlMinutes = 60);

    static int freePort();

private:
    QString runScript(const QStringList &args, bool *ok);
    // Gives `p` the database URL the way waypoint-server takes it.
    void passDatabase(QProcess &p) const;

    QString m_serverBin;
    QTemporaryDir m_tmp;
    QTemporaryDir m_logDir;
    QString m_pgDir;
    QString m_databaseUrl;
    QString m_scheme = QStringLiteral("http");
    std::unique_ptr<QProcess> m_server;
    int m_port = 0;
    QString m_error;
};
