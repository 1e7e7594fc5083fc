// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// waypointctl's commands on the user's new devices (docs/protocol.md, "Approval by an existing
// device"): listing them, approving one with the fingerprint it shows typed back, denying one,
// and dismissing the notice of one. Presentation only: sync::NewDeviceApproval does the work.

#include "CommandLine.h"
#include "Result.h"

#include <QTextStream>

namespace wp {
class Store;
}

namespace wp::ctl {

class NewDeviceCommands
{
public:
    NewDeviceCommands(Store &store, QTextStream &out, QTextStream &err)
        : m_store(store), m_out(out), m_err(err)
    {
    }

    // devices new|pending [--json]: the user's devices enrolled after this one (pending: those
    // waiting for approval), with the fingerprint of each request.
    Status list(const ParsedCommand &command, bool pendingOnly);
    // device approve DEVICE-ID FINGERPRINT
    Status approve(const ParsedCommand &command);
    // device deny DEVICE-ID [--yes]
    Status deny(const ParsedCommand &command);
    // devices dismiss DEVICE-ID: sync stops telling about it.
    Status dismiss(const ParsedCommand &command);

    // As SyncCommands: set when the server or the network said no.
    int exitCode() const { return m_exitCode; }
    QString problem() const { return m_problem; }

private:
    Status fail(const Error &e);

    Store &m_store;
    QTextStream &m_out;
    QTextStream &m_err;
    int m_exitCode = 0;
    QString m_problem;
};

// One line telling about a new device of the user (sync's notice, devices new).
QString newDeviceLine(const QString &name, const QString &platform, qint64 enrolledAtMs,
                      const QString &state);

} // namespace wp::ctl
