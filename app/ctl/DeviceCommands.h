// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// waypointctl's device commands: `device show` (who this device is for, as the server said,
// and its name) and `device rename NAME` (sent to the server at once, or kept and sent at the
// next sync when the server cannot be reached: sync::DeviceProfile).

#include "CommandLine.h"
#include "Result.h"

#include <QTextStream>

namespace wp {
class Store;
}

namespace wp::ctl {

class DeviceCommands
{
public:
    DeviceCommands(Store &store, QTextStream &out) : m_store(store), m_out(out) {}

    Status show(const ParsedCommand &command);
    Status rename(const ParsedCommand &command);

    // As SyncCommands: the exit code and the line for stderr when a command ended otherwise
    // than well for a sync reason, and whether the server said this device is revoked.
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
