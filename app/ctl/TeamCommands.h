// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// `waypointctl team [--json]`, for a supervisor: one line per worker they supervise, with
// when the worker's devices last reached the server (docs/protocol.md, "Team"; asked of the
// server now), the entries the worker shared that this user has not reviewed yet, the open
// action items of the worker's supervision notes this device holds, and the trend of the
// wellbeing ratings in the entries shared with this user. Run `waypointctl sync` first for
// the entries.

#include "CommandLine.h"
#include "Result.h"

#include <QTextStream>

namespace wp {
class Store;
}

namespace wp::ctl {

class TeamCommands
{
public:
    TeamCommands(Store &store, QTextStream &out) : m_store(store), m_out(out) {}

    Status list(const ParsedCommand &command);

    // As DeviceCommands: the exit code and line when the server could not say.
    int exitCode() const { return m_exitCode; }
    QString problem() const { return m_problem; }
    bool revoked() const { return m_revoked; }

    // "up", "down" or "steady": the mean of the newer half of `ratings` (oldest first)
    // against the older half, half a point either way being steady; "unknown" below two.
    static QString trendOf(const QList<int> &ratings);

private:
    Status fail(int exitCode, const QString &line);

    Store &m_store;
    QTextStream &m_out;
    int m_exitCode = 0;
    bool m_revoked = false;
    QString m_problem;
};

} // namespace wp::ctl
