// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// `waypointctl team [--json]`, for a supervisor: one line per worker they supervise, with
// when the worker's devices last reached the server (docs/protocol.md, "Team"; asked of the
// server now), the entries the worker shared that are not reviewed yet and the trend of the
// wellbeing ratings in the newest of them (TeamFigures). Run `waypointctl sync` first for
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

private:
    Status fail(int exitCode, const QString &line);

    Store &m_store;
    QTextStream &m_out;
    int m_exitCode = 0;
    bool m_revoked = false;
    QString m_problem;
};

} // namespace wp::ctl
