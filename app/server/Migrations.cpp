// SPDX-License-Identifier: GPL-3.0-or-later
#include "Migrations.h"

#include "LogCategories.h"

#include <QDir>
#include <QFile>

namespace wp::server {

namespace {

const QString Folder = QStringLiteral(":/waypoint/server/migrations");

QStringList steps()
{
    QStringList files = QDir(Folder).entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    return files;
}

// Any number, so that instances of different builds never interleave steps.
constexpr long long LockKey = 0x5761797074;

} // namespace

int Migrations::latest()
{
    return int(steps().size());
}

int Migrations::current(pqxx::connection &c)
{
    pqxx::work w(c);
    w.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, "
           "applied_at timestamptz NOT NULL DEFAULT now())");
    const int v = w.exec1("SELECT coalesce(max(version), 0) FROM schema_migrations")[0].as<int>();
    w.commit();
    return v;
}

Result<int> Migrations::apply(pqxx::connection &c)
{
    const QStringList files = steps();
    int version = current(c);
    if (version > files.size())
        return Error(ErrorCode::SchemaTooNew,
                     QStringLiteral("the database schema (%1) is newer than this server (%2)")
                         .arg(version)
                         .arg(files.size()));
    for (int step = version + 1; step <= files.size(); ++step) {
        QFile f(Folder + u'/' + files[step - 1]);
        if (!f.open(QIODevice::ReadOnly))
            return Error(ErrorCode::Internal, QStringLiteral("migration step is missing"));
        pqxx::work w(c);
        w.exec_params("SELECT pg_advisory_xact_lock($1)", LockKey);
        // Another instance may have applied it while we waited for the lock.
        if (w.exec_params1("SELECT count(*) FROM schema_migrations WHERE version = $1", step)[0]
                .as<int>() == 0) {
            w.exec(f.readAll().toStdString());
            w.exec_params("INSERT INTO schema_migrations (version) VALUES ($1)", step);
            w.commit();
            qCInfo(lcServer, "database migrated to %s", qPrintable(files[step - 1]));
        } else {
            w.commit();
        }
        version = step;
    }
    return version;
}

} // namespace wp::server
