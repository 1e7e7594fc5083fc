// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Who the device is for, and its name, kept in step with the server (docs/protocol.md, "Who
// the device is for, and its name"). Runs within a sync round: sends the name the worker gave
// this device if it has not reached the server yet, then, once per loaded identity, reads the
// device status for the user's and organisation's names. Neither fails the round: a server
// out of reach keeps a new name waiting for the next sync, and names this device refuses are
// a problem to report while the ones it had stay.

#include "SyncIdentity.h"

namespace wp::sync {

class DeviceProfile
{
public:
    DeviceProfile(SyncIdentity &identity, SyncClient &client)
        : m_identity(identity), m_client(client)
    {
    }

    // An error only when the server says this device is revoked (the round then destroys
    // the identity); anything else is problem().
    Status refresh();
    // Names the device: the name waits in the identity until the server has it (refresh).
    // The name must be checked first (problemWith).
    void rename(const QString &name);

    // The identity learnt or was given something to persist.
    bool changed() const { return m_changed; }
    // Why the names could not be refreshed or the new name sent; empty when all went well.
    QString problem() const { return m_problem; }

    // Why `name` (trimmed) cannot name a device; None when it can.
    enum class NameProblem { None, Empty, TooLong, ControlCharacter };
    static NameProblem problemWith(const QString &name);

private:
    Status sendName();
    Status readStatus();
    void note(const QString &problem, const Error &error);

    SyncIdentity &m_identity;
    SyncClient &m_client;
    bool m_changed = false;
    QString m_problem;
};

} // namespace wp::sync
