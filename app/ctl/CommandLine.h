// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// waypointctl's command line: global options, a command of one or two words, then that
// command's options. Every option is checked against the command, so a typo is a usage error
// rather than something silently ignored.

#include "Result.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace wp::ctl {

struct ParsedCommand
{
    QString dataDir;                     // empty: the default data folder
    QString name;                        // "diary add", "search", ...
    QHash<QString, QStringList> options; // flags map to an empty list
    QStringList positionals;
    bool help = false;

    bool has(const QString &option) const { return options.contains(option); }
    QString value(const QString &option) const { return options.value(option).value(0); }
    QStringList values(const QString &option) const { return options.value(option); }
};

// `arguments` without the program name. Errors are InvalidInput with one line to print.
Result<ParsedCommand> parseCommandLine(const QStringList &arguments);

QString usage();

} // namespace wp::ctl
