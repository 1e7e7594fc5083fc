// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the load generator prints and how it measures: output lines, percentiles, CPU time per
// process (devices, server, PostgreSQL, the machine) and PostgreSQL's statement statistics.

#include <QList>
#include <QString>

class LocalServer;

namespace wp::loadgen {

void say(const QString &line);
[[noreturn]] void die(const QString &why);

double percentile(QList<double> v, double p);
double median(QList<double> v);

// CPU seconds (user + system) spent so far, per side of the measure: this process (the
// simulated devices), the server process, and the PostgreSQL cluster (postmaster, its live
// children and the ones that exited), plus the whole machine's busy time (other work on the
// machine shows as the difference).
struct CpuSample
{
    double devices = 0, server = 0, postgres = 0, machine = 0;
};

CpuSample sampleCpu(const LocalServer &fx);
// The 1-minute load average.
double loadAverage();

// With --pg-statements, where PostgreSQL's time went during the last fleet run (needs
// pg_stat_statements in shared_preload_libraries: WAYPOINT_PG_EXTRA_CONF, see scripts/pg).
void resetStatements(const LocalServer &fx);
void printStatements(const LocalServer &fx, int syncs);

} // namespace wp::loadgen
