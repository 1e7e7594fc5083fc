// SPDX-License-Identifier: GPL-3.0-or-later
// waypointctl: the headless device. Same core, vault and store as the app; no UI.
#include "CommandDispatcher.h"
#include "CommandLine.h"

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // The same names as the app, so the default data folder is the app's.
    QCoreApplication::setApplicationName(QStringLiteral("Waypoint"));
    QCoreApplication::setOrganizationName(QStringLiteral("Waypoint"));

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
    return wp::ctl::CommandDispatcher(out, err).run(*command);
}
