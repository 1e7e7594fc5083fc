// SPDX-License-Identifier: GPL-3.0-or-later
#include "ServerCommands.h"

#include "Uuid.h"

#include <QCommandLineParser>

#include <vector>

namespace wp::server {

namespace {

struct OptionSpec
{
    const char *name;
    const char *valueName; // null: a flag, without a value
    const char *description;
};

struct CommandSpec
{
    const char *name;
    const char *summary;
    std::vector<OptionSpec> options;
};

const OptionSpec Org{"org", "ID", "the organisation"};

const std::vector<CommandSpec> &commands()
{
    static const std::vector<CommandSpec> all{
        {"serve",
         "Runs the sync service.",
         {{"listen", "HOST:PORT", "where to listen (PORT 0: any free port)"},
          {"tls-cert", "FILE", "TLS certificate (PEM); with --tls-key"},
          {"tls-key", "FILE", "TLS private key (PEM); with --tls-cert"},
          {"threads", "N", "worker threads (default: two per core, 4 to 64)"},
          {"db-connections", "N", "database connections (default: one per thread)"},
          {"auth-failures", "N",
           "failed authentications a minute before a device is refused for a while (default 10)"},
          {"keep-alive", "SECONDS", "how long an idle connection stays open (0 to 60, default 20)"},
          {"max-connections", "N",
           "open connections at most (default 10000, fewer when the open-file limit is lower)"},
          {"max-connections-per-address", "N",
           "open connections at most from one address, IPv6 from one /64 (default 512; with "
           "--behind-tls-proxy, --max-connections)"},
          {"header-timeout", "SECONDS",
           "a new connection's request head must arrive within this (1 to 60, default 10)"},
          {"body-timeout", "SECONDS",
           "a body must begin within this, then average 4 KiB/s (1 to 60, default 10)"},
          {"behind-tls-proxy", nullptr,
           "plain HTTP on a non-loopback address, for a TLS terminator in front; the client's "
           "address is the last of X-Forwarded-For"},
          {"compact-every", "SECONDS", "also compact the change log this often"},
          {"older-than", "DAYS", "with --compact-every: tombstones kept this long (default 90)"}}},
        {"migrate", "Applies missing schema steps.", {}},
        {"compact",
         "Removes versions superseded by a tombstone and drops old tombstones.",
         {{"older-than", "DAYS",
           "tombstones kept this long (default 90, at least the devices' offline lease)"}}},
        {"create-org",
         "Creates an organisation and prints its id.",
         {{"name", "NAME", "the organisation's name"}}},
        {"create-user",
         "Creates a user and prints their id.",
         {Org,
          {"name", "NAME", "the user's name"},
          {"role", "ROLE", "worker, supervisor or admin"}}},
        {"assign-supervisor",
         "Makes a supervisor or admin the supervisor of a worker.",
         {Org, {"worker", "ID", "the worker"}, {"supervisor", "ID", "the supervisor"}}},
        {"issue-code",
         "Prints a one-time enrolment code for a new device of a user.",
         {Org,
          {"user", "ID", "the user"},
          {"ttl-minutes", "MINUTES", "how long the code is valid (default 60)"},
          {"qr", "FILE.png", "also write the code as a QR code"},
          {"server-url", "URL", "the server address the QR code gives the device"}}},
        {"list-devices", "Lists an organisation's devices.", {Org}},
        {"revoke-device",
         "Revokes a device: it is refused from now on and told to destroy its keys.",
         {Org, {"device", "ID", "the device"}}},
        {"set-offline-lease",
         "Sets the organisation's offline lease: a device that has not reached the server for "
         "this many days locks itself until it checks in.",
         {Org, {"days", "N", "the lease in days, 1 to 3650; 0 turns it off (the default)"}}},
    };
    return all;
}

const char Usage[] =
    "usage: waypoint-server <command> [options]\n"
    "  serve --listen HOST:PORT [--tls-cert FILE --tls-key FILE | --behind-tls-proxy]\n"
    "        [--threads N] [--db-connections N] [--auth-failures N] [--keep-alive SECONDS]\n"
    "        [--max-connections N] [--max-connections-per-address N]\n"
    "        [--header-timeout SECONDS] [--body-timeout SECONDS]\n"
    "        [--compact-every SECONDS [--older-than DAYS]]  also compact periodically\n"
    "                                        run the sync service (PORT 0: any free port)\n"
    "  migrate                               apply missing schema steps\n"
    "  compact [--older-than DAYS]           remove versions superseded by a tombstone; drop\n"
    "                                        tombstones older than DAYS (default 90, at least\n"
    "                                        the devices' offline lease)\n"
    "  create-org --name NAME                prints the organisation id\n"
    "  create-user --org ID --name NAME --role worker|supervisor|admin\n"
    "                                        prints the user id\n"
    "  assign-supervisor --org ID --worker ID --supervisor ID\n"
    "  issue-code --org ID --user ID [--ttl-minutes 60] [--qr FILE.png] [--server-url URL]\n"
    "                                        prints a one-time enrolment code\n"
    "  list-devices --org ID\n"
    "  revoke-device --org ID --device ID\n"
    "  set-offline-lease --org ID --days N   devices that have not reached the server for N\n"
    "                                        days lock until they check in (0: off)\n"
    "Every command reads the database URL from WAYPOINT_DATABASE_URL, or from the file\n"
    "--database-file PATH (readable by its owner only); never from the command line.\n"
    "waypoint-server <command> --help describes a command's options.\n";

CommandLineExit usageError(const QString &message)
{
    return {2, QStringLiteral("waypoint-server: %1").arg(message)};
}

bool isHelp(const QString &argument)
{
    return argument == u"--help" || argument == u"-h";
}

} // namespace

QUuid Invocation::id(const QString &option) const
{
    return idFromText(values.value(option));
}

std::variant<Invocation, CommandLineExit> parseServerCommandLine(const QStringList &arguments)
{
    if (arguments.isEmpty())
        return CommandLineExit{2, QString::fromLatin1(Usage).trimmed()};
    const QString command = arguments.first();
    if (isHelp(command))
        return CommandLineExit{0, QString::fromLatin1(Usage).trimmed()};
    const CommandSpec *spec = nullptr;
    for (const CommandSpec &c : commands())
        if (command == QLatin1String(c.name))
            spec = &c;
    if (!spec)
        return usageError(
            QStringLiteral("unknown command \"%1\"; see waypoint-server --help").arg(command));

    QCommandLineParser parser;
    parser.setApplicationDescription(QString::fromLatin1(spec->summary));
    std::vector<OptionSpec> options = spec->options;
    options.push_back({"database-file", "PATH",
                       "a file holding the PostgreSQL URL, readable by its owner only "
                       "(default: $WAYPOINT_DATABASE_URL)"});
    for (const OptionSpec &o : options)
        parser.addOption(
            QCommandLineOption(QString::fromLatin1(o.name), QString::fromLatin1(o.description),
                               o.valueName ? QString::fromLatin1(o.valueName) : QString()));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("describes this command's options"));
    parser.addOption(help);
    // Known only to be refused with a reason (below), not to be used.
    QCommandLineOption database(QStringLiteral("database"), QString(), QStringLiteral("URL"));
    database.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(database);

    // The parser reads its first argument as the program's name.
    const QString name = QStringLiteral("waypoint-server %1").arg(command);
    if (!parser.parse(QStringList{name} + arguments.mid(1))) {
        // "Unknown option 'x'." as a clause of our one line.
        QString why = parser.errorText();
        if (why.endsWith(u'.'))
            why.chop(1);
        if (!why.isEmpty())
            why[0] = why[0].toLower();
        return usageError(
            QStringLiteral("%1: %2 (see waypoint-server %1 --help)").arg(command, why));
    }
    if (parser.isSet(help)) {
        // "Usage: <program> [options]": the program is this command.
        QString text = parser.helpText();
        const qsizetype endOfLine = text.indexOf(u'\n');
        text.replace(0, endOfLine, QStringLiteral("Usage: %1 [options]").arg(name));
        return CommandLineExit{0, text.trimmed()};
    }
    if (parser.isSet(database))
        return usageError(
            QStringLiteral("%1: --database is not accepted: a database URL and its password on "
                           "the command line can be read by every user of this machine; set "
                           "WAYPOINT_DATABASE_URL or give --database-file PATH")
                .arg(command));
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("%1: unexpected argument \"%2\" (see waypoint-server "
                                         "%1 --help)")
                              .arg(command, parser.positionalArguments().first()));

    Invocation out;
    out.command = command;
    for (const OptionSpec &o : options) {
        const QString option = QString::fromLatin1(o.name);
        if (parser.isSet(option))
            out.values.insert(option, parser.value(option));
    }
    return out;
}

} // namespace wp::server
