#pragma once
// waypointctl's sync commands (README, "waypointctl"): enroll, sync, restore-keys. They run on
// an unlocked Store; the device's sync identity (token, the user's keys) lives in it
// (Store::putDeviceSecret through SyncIdentity::save), never in a file beside it.

#include "CommandLine.h"
#include "Result.h"
#include "SyncIdentity.h"

#include <QTextStream>

namespace wp {
class Store;
}

namespace wp::ctl {

class SyncCommands
{
public:
    SyncCommands(Store &store, QTextStream &out) : m_store(store), m_out(out) {}

    Status enroll(const ParsedCommand &command);
    Status sync(const ParsedCommand &command);
    Status restoreKeys();

    // Set when the command finished but the exit code must still say something (changes the
    // server refused, changes left pending): the code, and the one line for stderr.
    int exitCode() const { return m_exitCode; }
    QString problem() const { return m_problem; }

private:
    Status setUpKeys(sync::SyncIdentity &identity, bool userHasKeys, const SecretBytes &passphrase);

    Store &m_store;
    QTextStream &m_out;
    int m_exitCode = 0;
    QString m_problem;
};

} // namespace wp::ctl
