// SPDX-License-Identifier: GPL-3.0-or-later
#include "SyncMessages.h"

#include "ServerError.h"
#include "crypto/RecoveryKey.h"

#include <QCoreApplication>

namespace wp::sync {

QString recoveryKeyMistypedMessage(const Error &cause)
{
    if (cause.reason > 0)
        return QCoreApplication::translate("Sync",
                                           "Group %1 of the recovery key looks wrong. Check it "
                                           "against the key you wrote down.")
            .arg(cause.reason);
    return QCoreApplication::translate("Sync",
                                       "That is not a recovery key: it has %1 groups of %2 "
                                       "letters and digits. Check it against the key you wrote "
                                       "down.")
        .arg(crypto::RecoveryKey::Groups)
        .arg(crypto::RecoveryKey::GroupLength);
}

QString plainHttpMessage()
{
    return QCoreApplication::translate("Sync",
                                       "Use an address starting with https://. Plain http:// "
                                       "is only allowed for a server on this device.");
}

QString enrolmentMessage(Enrolment::Outcome outcome, const Error &cause)
{
    using Outcome = Enrolment::Outcome;
    switch (outcome) {
    case Outcome::Done:
        return {};
    case Outcome::KeysExistElsewhere:
        return QCoreApplication::translate("Sync",
                                           "Your keys were set up on another device meanwhile. "
                                           "Type the recovery key shown there.");
    case Outcome::NoBackupYet:
        return QCoreApplication::translate("Sync", "Your keys were never backed up on the server. "
                                                   "Waypoint makes them on this device, with a new "
                                                   "recovery key.");
    case Outcome::WrongRecoveryKey:
        return QCoreApplication::translate("Sync",
                                           "That recovery key does not open your key backup. "
                                           "Check it against the key you wrote down and try "
                                           "again.");
    case Outcome::RecoveryKeyMistyped:
        return recoveryKeyMistypedMessage(cause);
    case Outcome::OtherKeys:
        return QCoreApplication::translate(
            "Sync", "The key backup on the server holds other keys than this device has.");
    case Outcome::CodeInvalid:
        return QCoreApplication::translate("Sync",
                                           "This code is wrong, already used or expired. Ask "
                                           "your administrator for a new one.");
    case Outcome::Revoked:
        return QCoreApplication::translate("Sync",
                                           "Your organisation revoked this device: its keys "
                                           "and records here are destroyed.");
    case Outcome::RateLimited:
        return QCoreApplication::translate(
            "Sync", "Too many failed attempts: wait a minute, then try again.");
    case Outcome::Refused:
        return QCoreApplication::translate(
            "Sync", "The server refused this device. Ask your administrator for a new code.");
    case Outcome::Unreachable:
        return QCoreApplication::translate("Sync",
                                           "The server cannot be reached. Check the address and "
                                           "your connection, then try again.");
    case Outcome::NotAWaypointServer:
        return QCoreApplication::translate("Sync",
                                           "That address does not answer like a Waypoint server.");
    case Outcome::StoreFailed:
        if (isStoreClosed(cause))
            return QCoreApplication::translate("Sync",
                                               "Waypoint locked before enrolment finished. Ask "
                                               "for a new code and start again.");
        break;
    case Outcome::Failed:
        if (hasReason(cause, LocalReason::PlainHttpRemote))
            return plainHttpMessage();
        break;
    case Outcome::AwaitingApproval: // the front end shows the request's fingerprint instead
    case Outcome::ApprovalRefused:  // the error says what did not verify
        break;
    }
    return QCoreApplication::translate("Sync", "Enrolment did not complete (%1).")
        .arg(cause.message);
}

QString syncFailureMessage(const Error &error)
{
    switch (serverErrorOf(error)) {
    case ServerError::DeviceRevoked:
        return QCoreApplication::translate("Sync",
                                           "Your organisation revoked this device: its keys "
                                           "and records here are destroyed.");
    case ServerError::RateLimited:
        return QCoreApplication::translate(
            "Sync", "The server asked Waypoint to wait before trying again.");
    default:
        break;
    }
    if (hasReason(error, LocalReason::PlainHttpRemote))
        return plainHttpMessage();
    switch (error.code) {
    case ErrorCode::Network:
        return QCoreApplication::translate("Sync", "The server cannot be reached.");
    case ErrorCode::Unauthorized:
        return QCoreApplication::translate("Sync",
                                           "The server no longer accepts this device. Ask your "
                                           "administrator for a new enrolment code.");
    case ErrorCode::Protocol:
        return QCoreApplication::translate("Sync", "The server answered something this version of "
                                                   "Waypoint cannot read. Update the app.");
    case ErrorCode::Crypto:
        return QCoreApplication::translate("Sync",
                                           "Changes from the server failed their signature or "
                                           "encryption check and were not applied.");
    case ErrorCode::DiskFull:
        return QCoreApplication::translate("Sync", "The device is out of storage space.");
    default:
        return QCoreApplication::translate("Sync", "Sync did not complete (%1).")
            .arg(error.message);
    }
}

} // namespace wp::sync
