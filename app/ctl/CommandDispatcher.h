// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Runs one waypointctl command against a device's data folder: unlocks with the same
// DeviceStore sequence as the app, then reads or writes records through the Store (sync
// commands go to SyncCommands).

#include "CommandLine.h"
#include "ExitCodes.h"
#include "Result.h"

#include <QTextStream>

namespace wp {
class Store;
}

namespace wp::ctl {

class CommandDispatcher
{
public:
    CommandDispatcher(QTextStream &out, QTextStream &err) : m_out(out), m_err(err) {}

    // Prints results to `out`, and on failure exactly one line "waypointctl: ..." to `err`.
    int run(const ParsedCommand &command);

private:
    Status dispatch(const ParsedCommand &command, const QString &dataDir);
    Status init(const ParsedCommand &command, const QString &dataDir);
    Status changePin(const ParsedCommand &command, const QString &dataDir);
    Status status(const ParsedCommand &command, const QString &dataDir);
    Status addDiary(Store &store, const ParsedCommand &command);
    Status addEncounter(Store &store, const ParsedCommand &command);
    Status addParticipant(Store &store, const ParsedCommand &command);
    Status list(Store &store, const ParsedCommand &command);
    Status search(Store &store, const ParsedCommand &command);
    Status verifyAudit(Store &store);

    Status editDiary(Store &store, const ParsedCommand &command);
    Status renameParticipant(Store &store, const ParsedCommand &command);
    Status eraseParticipant(Store &store, const ParsedCommand &command);
    Status editEncounter(Store &store, const ParsedCommand &command);
    Status deleteEncounter(Store &store, const ParsedCommand &command);
    Status shareDiary(Store &store, const ParsedCommand &command, bool shared);

    QTextStream &m_out;
    QTextStream &m_err;
    // A command that succeeded but must still exit non-zero (sync: refused changes).
    int m_exitCode = Ok;
    QString m_problem;
};

} // namespace wp::ctl
