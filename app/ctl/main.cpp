// waypointctl: the headless device. Same core, vault and store as the app; no UI.
#include "CommandLine.h"
#include "HeadlessDevice.h"
#include "Sqlite.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

namespace {

// SQLCipher writes its own lines to stderr when a page fails to decrypt; waypointctl promises
// exactly one line per error, its own. The log level is process-wide, so any connection sets it.
void silenceSqlCipherLog()
{
    auto db = wp::sql::Database::open(QStringLiteral(":memory:"),
                                      wp::sql::Database::OpenMode::ReadWriteCreate);
    if (db)
        (void)(*db)->exec("PRAGMA cipher_log_source = NONE");
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // The same name as the app, so the default data folder is the app's.
    QCoreApplication::setApplicationName(QStringLiteral("Waypoint"));

    QTextStream out(stdout);
    QTextStream err(stderr);
    QStringList arguments = QCoreApplication::arguments();
    arguments.removeFirst();
    auto command = wp::ctl::parseCommandLine(arguments);
    if (!command) {
        err << "waypointctl: " << command.error().message << Qt::endl;
        return wp::ctl::Usage;
    }
    if (command->help) {
        out << wp::ctl::usage();
        return wp::ctl::Ok;
    }
    silenceSqlCipherLog();
    return wp::ctl::HeadlessDevice(out, err).run(*command);
}
