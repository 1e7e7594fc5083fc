// SPDX-License-Identifier: GPL-3.0-or-later
#include "Measure.h"

#include "LocalServer.h"

#include <QDir>
#include <QFile>

#include <pqxx/pqxx>

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>

namespace wp::loadgen {

void say(const QString &line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

[[noreturn]] void die(const QString &why)
{
    std::fprintf(stderr, "waypoint-loadgen: %s\n", qPrintable(why));
    std::exit(1);
}

double percentile(QList<double> v, double p)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[qsizetype(std::min<double>(double(v.size() - 1), p * double(v.size())))];
}

double median(QList<double> v)
{
    return percentile(std::move(v), 0.5);
}

namespace {

// Fields of /proc/PID/stat after the command name: [0] state, [1] ppid, [11] utime,
// [12] stime, [13] cutime, [14] cstime (in clock ticks).
QList<QByteArray> procStat(const QString &pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray line = f.readAll();
    return line.mid(line.lastIndexOf(')') + 2).split(' ');
}

double ticks(const QList<QByteArray> &stat, std::initializer_list<int> fields)
{
    static const double perSecond = double(sysconf(_SC_CLK_TCK));
    double sum = 0;
    for (int i : fields)
        sum += i < stat.size() ? stat[i].toDouble() : 0;
    return sum / perSecond;
}

} // namespace

CpuSample sampleCpu(const LocalServer &fx)
{
    CpuSample s;
    rusage self{};
    getrusage(RUSAGE_SELF, &self);
    s.devices = double(self.ru_utime.tv_sec + self.ru_stime.tv_sec) +
                double(self.ru_utime.tv_usec + self.ru_stime.tv_usec) / 1e6;
    if (const qint64 pid = fx.serverPid())
        s.server = ticks(procStat(QString::number(pid)), {11, 12});
    if (const qint64 pm = fx.postgresPid()) {
        s.postgres = ticks(procStat(QString::number(pm)), {11, 12, 13, 14});
        const QByteArray parent = QByteArray::number(pm);
        for (const QString &pid : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
            if (!pid.front().isDigit())
                continue;
            const QList<QByteArray> st = procStat(pid);
            if (st.size() > 12 && st[1] == parent)
                s.postgres += ticks(st, {11, 12});
        }
    }
    QFile stat(QStringLiteral("/proc/stat"));
    if (stat.open(QIODevice::ReadOnly)) {
        // "cpu  user nice system idle iowait irq softirq steal ...": busy = all but idle, iowait.
        const QList<QByteArray> f = stat.readLine().simplified().split(' ');
        for (int i = 1; i < f.size() && i <= 8; ++i)
            if (i != 4 && i != 5)
                s.machine += f[i].toDouble() / double(sysconf(_SC_CLK_TCK));
    }
    return s;
}

double loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly) ? f.readAll().split(' ').value(0).toDouble() : 0;
}

void resetStatements(const LocalServer &fx)
{
    try {
        pqxx::connection c(fx.databaseUrl().toStdString());
        pqxx::nontransaction w(c);
        w.exec("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        w.exec("SELECT pg_stat_statements_reset()");
    } catch (const std::exception &e) {
        say(QStringLiteral("pg_stat_statements unavailable: %1")
                .arg(QString::fromLocal8Bit(e.what())));
    }
}

void printStatements(const LocalServer &fx, int syncs)
{
    try {
        pqxx::connection c(fx.databaseUrl().toStdString());
        pqxx::nontransaction w(c);
        say(QStringLiteral("PostgreSQL statements (per sync: calls, ms of execution):"));
        for (const auto &r :
             w.exec("SELECT calls, total_exec_time, total_plan_time, left(regexp_replace(query, "
                    "'\\s+', ' ', 'g'), 110) FROM pg_stat_statements ORDER BY total_exec_time "
                    "DESC LIMIT 12"))
            say(QStringLiteral("  %1 calls, %2 ms exec, %3 ms plan: %4")
                    .arg(r[0].as<double>() / syncs, 0, 'f', 2)
                    .arg(r[1].as<double>() / syncs, 0, 'f', 3)
                    .arg(r[2].as<double>() / syncs, 0, 'f', 3)
                    .arg(QString::fromStdString(r[3].as<std::string>())));
    } catch (const std::exception &e) {
        say(QStringLiteral("pg_stat_statements unavailable: %1")
                .arg(QString::fromLocal8Bit(e.what())));
    }
}

} // namespace wp::loadgen
