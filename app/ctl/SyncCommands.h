// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// waypointctl's sync commands (README, "waypointctl"): enroll, sync, restore-keys. They run on
// an unlocked Store; the device's sync identity (token, the user's keys) lives in it
// (Store::putDeviceSecret through SyncIdentity::save), never in a file beside it. Enrolling
// is sync::Enrolment; what is left here is presentation: prompts, the lines printed (the
// English of SyncMessages.h, plus the command to run next) and the exit codes.

#include "CommandLine.h"
#include "Enrolment.h"
#include "Result.h"

#include <QJsonArray>
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
    // await-approval [--timeout S]: waits for another device of the user to approve this one.
    Status awaitApproval(const ParsedCommand &command);
    // The pulled changes set aside (Store::setAside), newest first.
    Status listSetAside(const ParsedCommand &command);
    // Other users' pinned keys with fingerprints (KeyPins), and confirming a changed one.
    Status listKeys(const ParsedCommand &command);
    Status confirmKey(const ParsedCommand &command);
    // keys rotate: the user's next keys from this device, or newer ones taken from the server
    // (sync::KeyRotationStep); prints a new recovery key once when one had to be made.
    Status rotateKeys();

    // Set when a command ended otherwise than well for a reason sync knows (an enrolment
    // outcome, the server's refusal, changes refused or left pending): the exit code chosen
    // from it (ExitCodes.h), and the one line for stderr. Input and store failures are the
    // returned Status, with the dispatcher's codes.
    int exitCode() const { return m_exitCode; }
    // The server said this device is revoked: the dispatcher wipes the store once it is closed.
    bool revoked() const { return m_revoked; }
    QString problem() const { return m_problem; }

private:
    // Makes the keys and prints the recovery key once, or restores them with the recovery key
    // read like a PIN (WAYPOINT_RECOVERY_KEY or the terminal), whichever step is next.
    Status setUpKeys(sync::Enrolment &enrolment);
    // Asks the user's other devices to approve this one, prints the number to compare, and
    // polls until the keys come, the device is denied, or `timeoutSeconds` pass.
    Status waitForApproval(sync::Enrolment &enrolment, int timeoutSeconds);
    // sync's notice: one line per new device of the user not dismissed yet.
    Status noticeNewDevices(const sync::SyncIdentity &identity, QJsonArray *notices);
    // Ends the command with `exitCode` and `line` on stderr.
    Status fail(int exitCode, const QString &line);
    Status failEnrolment(const sync::Enrolment &enrolment, sync::Enrolment::Outcome outcome);

    Store &m_store;
    QTextStream &m_out;
    int m_exitCode = 0;
    bool m_revoked = false;
    QString m_problem;
};

} // namespace wp::ctl
