// SPDX-License-Identifier: GPL-3.0-or-later
// waypoint-server: the sync service (`serve`), schema migrations (`migrate`) and the
// administrator's commands. `waypoint-server --help` lists them; `<command> --help` its options.

#include "Admin.h"
#include "Database.h"
#include "EnrolmentCode.h"
#include "HttpFrontend.h"
#include "LogCompactor.h"
#include "Migrations.h"
#include "ServerCommands.h"
#include "Sodium.h"
#include "Statements.h"
#include "SyncService.h"
#include "Uuid.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QUrl>
#include <QUrlQuery>

#include <csignal>
#include <cstdio>
#include <pthread.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <thread>

using namespace wp;
using namespace wp::server;

namespace {

void print(const QString &line)
{
    std::fprintf(stdout, "%s\n", line.toLocal8Bit().constData());
    std::fflush(stdout);
}

int fail(const QString &message)
{
    std::fprintf(stderr, "waypoint-server: %s\n", message.toLocal8Bit().constData());
    return 1;
}

// A usage or configuration error found before anything else is touched: exit code 2.
int refuse(const QString &message)
{
    std::fprintf(stderr, "waypoint-server: %s\n", message.toLocal8Bit().constData());
    return 2;
}

// The database URL, from --database-file or WAYPOINT_DATABASE_URL; never from the command
// line, where every user of the machine can read it (and its password) in the process list.
// The file is read once, and only if nobody but its owner may read or change it.
std::variant<QString, int> databaseUrl(const Invocation &o)
{
    if (!o.has(QStringLiteral("database-file"))) {
        const QString url = qEnvironmentVariable("WAYPOINT_DATABASE_URL");
        if (url.isEmpty())
            return fail(QStringLiteral("no database: set WAYPOINT_DATABASE_URL or give "
                                       "--database-file PATH"));
        return url;
    }
    const QString path = o.get(QStringLiteral("database-file"));
    QFile file(path);
    struct stat st = {};
    if (!file.open(QIODevice::ReadOnly) || fstat(file.handle(), &st) != 0)
        return refuse(QStringLiteral("cannot read the database file %1").arg(path));
    if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0)
        return refuse(QStringLiteral("the database file %1 may be read or changed by others "
                                     "than its owner (mode %2); make it owner-only: chmod 600 %1")
                          .arg(path)
                          .arg(st.st_mode & 0777, 3, 8, QLatin1Char('0')));
    const QString url = QString::fromUtf8(file.read(64 * 1024)).trimmed();
    if (url.isEmpty() || url.contains(u'\n'))
        return refuse(QStringLiteral("the database file %1 must hold one database URL").arg(path));
    return url;
}

// Raises the open-file limit as far as allowed (each connection is a descriptor) and
// returns the connections it leaves room for beside `reserved` other descriptors.
int connectionsTheFileLimitAllows(int reserved)
{
    rlimit files = {};
    if (getrlimit(RLIMIT_NOFILE, &files) != 0)
        return INT32_MAX;
    if (files.rlim_cur < files.rlim_max) {
        files.rlim_cur = files.rlim_max;
        setrlimit(RLIMIT_NOFILE, &files);
        getrlimit(RLIMIT_NOFILE, &files);
    }
    if (files.rlim_cur == RLIM_INFINITY || files.rlim_cur > rlim_t(INT32_MAX))
        return INT32_MAX;
    return std::max(1, int(files.rlim_cur) - reserved);
}

// A line of the request log that is not a request.
void logEvent(const char *event, const QString &fields)
{
    std::fprintf(stderr, "{\"ts\":\"%s\",\"event\":\"%s\",%s}\n",
                 QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toUtf8().constData(),
                 event, fields.toUtf8().constData());
    std::fflush(stderr);
}

int serve(const Invocation &o, const std::string &url)
{
    ServeOptions s;
    const QString listen = o.get(QStringLiteral("listen"));
    const qsizetype colon = listen.lastIndexOf(u':');
    bool portOk = false;
    if (colon > 0)
        s.port = listen.mid(colon + 1).toInt(&portOk);
    if (!portOk || s.port < 0 || s.port > 65535)
        return fail(QStringLiteral("--listen needs HOST:PORT"));
    s.host = listen.left(colon);
    s.tlsCert = o.get(QStringLiteral("tls-cert"));
    s.tlsKey = o.get(QStringLiteral("tls-key"));
    if (s.tlsCert.isEmpty() != s.tlsKey.isEmpty())
        return fail(QStringLiteral("--tls-cert and --tls-key go together"));
    // Tokens and enrolment codes must not cross a network in the clear: plain HTTP only on
    // loopback (tests, scripts/dev-server), or when told a TLS terminator sits in front.
    const bool behindProxy = o.has(QStringLiteral("behind-tls-proxy"));
    if (s.tlsCert.isEmpty() && !behindProxy && !HttpListener::isLoopback(s.host))
        return refuse(QStringLiteral("refusing plain HTTP on %1: device tokens and enrolment "
                                     "codes would cross the network unencrypted. Give "
                                     "--tls-cert and --tls-key, or --behind-tls-proxy when a "
                                     "TLS terminator in front forwards to this address")
                          .arg(listen));
    s.trustForwardedFor = behindProxy;
    // Threads run the event loop and the handlers, which wait for the database: two per core,
    // so that one runs while the other waits. Grouped pushes that arrive while one is
    // committing wait for it without holding their threads (CommitGroup.h), so groups need no
    // more threads than that.
    s.threads = std::clamp(2 * int(std::thread::hardware_concurrency()), 4, 64);
    if (o.has(QStringLiteral("threads")))
        s.threads = std::clamp(o.get(QStringLiteral("threads")).toInt(), 1, 256);
    if (o.has(QStringLiteral("auth-failures")))
        s.authFailuresPerMinute = std::max(1, o.get(QStringLiteral("auth-failures")).toInt());
    if (o.has(QStringLiteral("keep-alive")))
        s.keepAliveSeconds = std::clamp(o.get(QStringLiteral("keep-alive")).toInt(), 0, 60);
    if (o.has(QStringLiteral("header-timeout")))
        s.headerTimeoutSeconds = std::clamp(o.get(QStringLiteral("header-timeout")).toInt(), 1, 60);
    if (o.has(QStringLiteral("body-timeout")))
        s.bodyTimeoutSeconds = std::clamp(o.get(QStringLiteral("body-timeout")).toInt(), 1, 60);
    if (o.has(QStringLiteral("max-connections")))
        s.maxConnections = std::max(1, o.get(QStringLiteral("max-connections")).toInt());
    // Behind a terminator every connection comes from it: its own limits apply per client.
    s.maxConnectionsPerAddress = behindProxy ? s.maxConnections : s.maxConnectionsPerAddress;
    if (o.has(QStringLiteral("max-connections-per-address")))
        s.maxConnectionsPerAddress =
            std::max(1, o.get(QStringLiteral("max-connections-per-address")).toInt());

    // A connection per thread, so no handler waits for one; fewer with --db-connections.
    int connections = s.threads;
    if (o.has(QStringLiteral("db-connections")))
        connections = std::clamp(o.get(QStringLiteral("db-connections")).toInt(), 1, 256);
    auto sql = Statements::load();
    if (!sql)
        return fail(sql.error().message);
    connections = std::min(connections, s.threads);
    // Descriptors beside the connections: the database's, the listener's, the log, a margin.
    const int allowed = connectionsTheFileLimitAllows(connections + 64);
    if (s.maxConnections > allowed) {
        s.maxConnections = allowed;
        s.maxConnectionsPerAddress = std::min(s.maxConnectionsPerAddress, allowed);
        logEvent(
            "connection_limit",
            QStringLiteral("\"maxConnections\":%1,\"because\":\"open file limit\"").arg(allowed));
    }
    ConnectionPool pool(url, connections, sql->prepared(), sql->sessionSetup());
    {
        auto lease = pool.acquire();
        if (!lease)
            return fail(lease.error().message);
        const int version = Migrations::current(**lease);
        if (version != Migrations::latest())
            return fail(QStringLiteral("the database schema is at step %1, this server needs %2: "
                                       "run waypoint-server migrate")
                            .arg(version)
                            .arg(Migrations::latest()));
    }

    // Signals are taken by one thread so the HTTP workers never see them.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

    SyncService service(pool, *sql);
    HttpFrontend frontend(service, s);
    auto port = frontend.bind();
    if (!port)
        return fail(port.error().message);
    std::unique_ptr<CompactionSchedule> compaction;
    if (o.has(QStringLiteral("compact-every"))) {
        bool ok = true, daysOk = true;
        const int every = o.get(QStringLiteral("compact-every")).toInt(&ok);
        const int days = o.has(QStringLiteral("older-than"))
                             ? o.get(QStringLiteral("older-than")).toInt(&daysOk)
                             : 90;
        if (!ok || every < 1 || !daysOk || days < 0)
            return fail(QStringLiteral("--compact-every needs seconds, --older-than days"));
        compaction = std::make_unique<CompactionSchedule>(url, std::chrono::seconds(every), days);
    }
    std::thread stopper([&] {
        int sig = 0;
        sigwait(&stopSignals, &sig);
        frontend.stop();
    });
    print(QStringLiteral("listening on %1://%2:%3")
              .arg(s.tlsCert.isEmpty() ? QStringLiteral("http") : QStringLiteral("https"), s.host)
              .arg(*port));
    if (behindProxy && s.tlsCert.isEmpty())
        logEvent("plain_http_behind_tls_proxy",
                 QStringLiteral("\"listen\":\"%1:%2\",\"message\":\"plain HTTP: TLS is left to "
                                "the terminator in front (--behind-tls-proxy); clients are told "
                                "apart by X-Forwarded-For\"")
                     .arg(s.host)
                     .arg(*port));
    frontend.run();
    // run() also returns if the listener fails; wake the signal thread so it can be joined.
    pthread_kill(stopper.native_handle(), SIGTERM);
    stopper.join();
    return 0;
}

int admin(const QString &command, const Invocation &o, pqxx::connection &c, int leaseDays)
{
    Admin a(c);
    const QUuid org = o.id(QStringLiteral("org"));
    if (command == u"create-org") {
        auto id = a.createOrganisation(o.get(QStringLiteral("name")));
        if (!id)
            return fail(id.error().message);
        print(idText(*id));
        return 0;
    }
    if (org.isNull())
        return fail(QStringLiteral("--org needs an organisation id"));
    if (command == u"create-user") {
        auto id = a.createUser(org, o.get(QStringLiteral("name")), o.get(QStringLiteral("role")));
        if (!id)
            return fail(id.error().message);
        print(idText(*id));
        return 0;
    }
    if (command == u"assign-supervisor") {
        const Status s = a.assignSupervisor(org, o.id(QStringLiteral("worker")),
                                            o.id(QStringLiteral("supervisor")));
        if (!s)
            return fail(s.error().message);
        print(QStringLiteral("assigned"));
        return 0;
    }
    if (command == u"issue-code") {
        const int ttl = o.has(QStringLiteral("ttl-minutes"))
                            ? o.get(QStringLiteral("ttl-minutes")).toInt()
                            : 60;
        auto code = a.issueEnrolmentCode(org, o.id(QStringLiteral("user")), ttl);
        if (!code)
            return fail(code.error().message);
        print(*code);
        if (const QString qr = o.get(QStringLiteral("qr")); !qr.isEmpty()) {
            QUrlQuery query;
            query.addQueryItem(QStringLiteral("code"), *code);
            if (const QString server = o.get(QStringLiteral("server-url")); !server.isEmpty())
                query.addQueryItem(QStringLiteral("server"), server);
            const QString text =
                QStringLiteral("waypoint:enrol?") + query.toString(QUrl::FullyEncoded);
            const Status s = writeQrPng(text, qr);
            if (!s)
                return fail(s.error().message);
        }
        return 0;
    }
    if (command == u"list-devices") {
        auto devices = a.devices(org);
        if (!devices)
            return fail(devices.error().message);
        for (const DeviceInfo &d : *devices)
            print(QStringLiteral("%1  %2  %3 (%4)  user %5 %6  last seen %7")
                      .arg(idText(d.deviceId),
                           d.revoked ? QStringLiteral("revoked") : QStringLiteral("active "),
                           d.name, d.platform, idText(d.userId), d.userName, d.lastSeen));
        return 0;
    }
    if (command == u"revoke-device") {
        const Status s = a.revokeDevice(org, o.id(QStringLiteral("device")));
        if (!s)
            return fail(s.error().message);
        print(QStringLiteral("revoked %1").arg(o.get(QStringLiteral("device"))));
        return 0;
    }
    if (command == u"set-offline-lease") {
        const Status s = a.setOfflineLease(org, leaseDays);
        if (!s)
            return fail(s.error().message);
        print(leaseDays == 0 ? QStringLiteral("offline lease off")
                             : QStringLiteral("offline lease %1 days").arg(leaseDays));
        return 0;
    }
    return fail(QStringLiteral("unknown command %1").arg(command)); // not reached: parsed
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    ensureSodium();
    const auto parsed = parseServerCommandLine(app.arguments().mid(1));
    if (const auto *exit = std::get_if<CommandLineExit>(&parsed)) {
        std::fprintf(exit->code == 0 ? stdout : stderr, "%s\n",
                     exit->text.toLocal8Bit().constData());
        return exit->code;
    }
    const Invocation &o = std::get<Invocation>(parsed);
    const QString &command = o.command;
    // Checked before the database is reached, like every usage error.
    int leaseDays = 0;
    if (command == u"set-offline-lease") {
        const QString days = o.get(QStringLiteral("days"));
        // Digits only: no sign, no blanks, no "7d".
        bool ok = !days.isEmpty() && days.size() <= 4 &&
                  std::all_of(days.begin(), days.end(), [](QChar ch) { return ch.isDigit(); });
        leaseDays = ok ? days.toInt(&ok) : 0;
        if (!o.has(QStringLiteral("org")) || o.id(QStringLiteral("org")).isNull())
            return refuse(QStringLiteral("set-offline-lease needs --org ID"));
        if (!ok || leaseDays < 0 || leaseDays > Admin::MaxOfflineLeaseDays)
            return refuse(QStringLiteral("set-offline-lease: --days needs a number of days, 0 "
                                         "(off) to %1")
                              .arg(Admin::MaxOfflineLeaseDays));
    }
    const auto database = databaseUrl(o);
    if (const int *exitCode = std::get_if<int>(&database))
        return *exitCode;
    const QString &url = std::get<QString>(database);

    if (command == u"serve")
        return serve(o, url.toStdString());
    try {
        pqxx::connection c(url.toStdString());
        if (command == u"migrate") {
            auto v = Migrations::apply(c);
            if (!v)
                return fail(v.error().message);
            print(QStringLiteral("schema at step %1").arg(*v));
            return 0;
        }
        if (command == u"compact") {
            bool ok = true;
            const int days = o.has(QStringLiteral("older-than"))
                                 ? o.get(QStringLiteral("older-than")).toInt(&ok)
                                 : 90;
            if (!ok || days < 0)
                return fail(QStringLiteral("--older-than needs a number of days"));
            auto r = LogCompactor(c).run(days);
            if (!r)
                return fail(r.error().message);
            print(QStringLiteral("compacted %1 organisations: %2 superseded versions removed, "
                                 "%3 tombstones older than %4 days dropped")
                      .arg(r->organisations)
                      .arg(r->versionsRemoved)
                      .arg(r->tombstonesDropped)
                      .arg(days));
            return 0;
        }
        return admin(command, o, c, leaseDays);
    } catch (const pqxx::broken_connection &) {
        return fail(QStringLiteral("cannot connect to the database"));
    } catch (const pqxx::sql_error &e) {
        return fail(QStringLiteral("database error %1").arg(QString::fromStdString(e.sqlstate())));
    }
}
