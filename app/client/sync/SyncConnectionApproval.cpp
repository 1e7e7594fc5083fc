// SPDX-License-Identifier: GPL-3.0-or-later
// SyncConnection's other way to a later device's keys: approval by one of the user's existing
// devices (docs/protocol.md, "Approval by an existing device"). The request and every check
// run on the sync thread; the screen shows the request fingerprint and waits.
#include "SyncConnection.h"

#include "Session.h"
#include "SyncMessages.h"
#include "SyncThread.h"

namespace wp::client {

using sync::Enrolment;
using Outcome = sync::Enrolment::Outcome;

QStringList SyncConnection::approvalFingerprintGroups() const
{
    return m_approvalFingerprint.split(u' ', Qt::SkipEmptyParts);
}

void SyncConnection::setApprovalFingerprint(const QString &fingerprint)
{
    if (m_approvalFingerprint == fingerprint)
        return;
    m_approvalFingerprint = fingerprint;
    Q_EMIT approvalFingerprintChanged();
}

void SyncConnection::stopApprovalPoll()
{
    m_approvalPoll->stop();
    m_checkingApproval = false;
}

void SyncConnection::startRestore(const QString &savedFingerprint, Text message)
{
    setApprovalFingerprint(savedFingerprint);
    if (savedFingerprint.isEmpty())
        setStep(ChooseKeyWay, std::move(message));
    else
        awaitApproval(std::move(message));
}

void SyncConnection::awaitApproval(Text message)
{
    setStep(AwaitApproval, std::move(message));
    if (!m_approvalPoll->isActive())
        m_approvalPoll->start();
}

void SyncConnection::askApproval()
{
    if (m_step != ChooseKeyWay)
        return;
    setStep(RequestingApproval);
    m_thread->run<EnrolmentReply>(
        this, [](SyncWorker &w) { return w.requestApproval(); },
        [this](EnrolmentReply reply) { finishApprovalRequest(reply); });
}

void SyncConnection::finishApprovalRequest(const EnrolmentReply &reply)
{
    if (m_step != RequestingApproval)
        return; // locked meanwhile
    const Text message = [outcome = reply.outcome, cause = reply.cause] {
        return sync::enrolmentMessage(outcome, cause);
    };
    if (reply.outcome == Outcome::Revoked) {
        deviceRevoked();
        return;
    }
    if (reply.step == Enrolment::Step::RedeemCode) {
        setServerUrl({});
        setStep(EnterCode, message);
        return;
    }
    if (reply.step == Enrolment::Step::MakeKeys) { // the user's keys are gone meanwhile
        m_firstDevice = true;
        setStep(MakeKeys, message);
        return;
    }
    // The request key is saved before it is sent: once it exists, the person compares its
    // fingerprint whatever became of this try (the checks send it again).
    setApprovalFingerprint(reply.approvalFingerprint);
    if (reply.approvalFingerprint.isEmpty()) {
        setStep(ChooseKeyWay, message);
        return;
    }
    if (reply.outcome == Outcome::Done)
        awaitApproval();
    else
        awaitApproval(message);
}

void SyncConnection::pollApproval()
{
    if (m_step != AwaitApproval || m_checkingApproval || !m_session->store())
        return;
    m_checkingApproval = true;
    m_thread->run<EnrolmentReply>(
        this, [](SyncWorker &w) { return w.checkApproval(); },
        [this](EnrolmentReply reply) { finishApprovalCheck(reply); });
}

void SyncConnection::finishApprovalCheck(const EnrolmentReply &reply)
{
    m_checkingApproval = false;
    if (m_step != AwaitApproval)
        return; // locked, or the person turned to the recovery key meanwhile
    switch (reply.outcome) {
    case Outcome::Done:
        completeEnrolment();
        return;
    case Outcome::AwaitingApproval:
        setStep(AwaitApproval);
        return;
    case Outcome::Revoked: // denied on the other device
        deviceRevoked();
        return;
    case Outcome::StoreFailed: // locked: resumed at the next unlock
        return;
    case Outcome::Unreachable:
        setStep(AwaitApproval, [] {
            return tr("The server cannot be reached just now. Waypoint keeps asking; you can "
                      "also use your recovery key.");
        });
        return;
    case Outcome::ApprovalRefused:
        // Not signed with the user's keys: a server or network tampering with it. Asking
        // again would get the same; the recovery key still works.
        stopApprovalPoll();
        setStep(AwaitApproval, [] {
            return tr("What came back is not an approval signed with your keys, so nothing was "
                      "saved. Use your recovery key, and tell your administrator.");
        });
        return;
    default:
        break;
    }
    const Text message = [outcome = reply.outcome, cause = reply.cause] {
        return sync::enrolmentMessage(outcome, cause);
    };
    if (reply.step == Enrolment::Step::RedeemCode) {
        stopApprovalPoll();
        setApprovalFingerprint({});
        setServerUrl({});
        setStep(EnterCode, message);
        return;
    }
    setStep(AwaitApproval, message);
}

void SyncConnection::useRecoveryKey()
{
    if (m_step != ChooseKeyWay && m_step != AwaitApproval)
        return;
    m_approvalPoll->stop();
    setStep(EnterRecoveryKey);
}

void SyncConnection::askAnotherDevice()
{
    if (m_step != EnterRecoveryKey)
        return;
    startRestore(m_approvalFingerprint);
}

} // namespace wp::client
