// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// waypoint-server's command line: a command, then that command's options (QCommandLineParser).
// Every option is checked against the command, so a typo or a missing value is a usage error
// rather than something silently ignored.

#include <QHash>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <variant>

namespace wp::server {

// A command to run, with the options it was given.
struct Invocation
{
    QString command;
    QHash<QString, QString> values; // option name (without "--") -> its last value

    bool has(const QString &option) const { return values.contains(option); }
    QString get(const QString &option) const { return values.value(option); }
    QUuid id(const QString &option) const;
};

// Help (exit 0, to stdout) or a usage error (exit 2, to stderr): the process prints `text`
// and ends with `code`.
struct CommandLineExit
{
    int code = 2;
    QString text;
};

// `arguments` without the program name.
std::variant<Invocation, CommandLineExit> parseServerCommandLine(const QStringList &arguments);

} // namespace wp::server
