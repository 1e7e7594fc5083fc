// SPDX-License-Identifier: GPL-3.0-or-later
// Enrolment's other way to the user's keys: approval by one of the user's existing devices
// (docs/protocol.md, "Approval by an existing device").
#include "Enrolment.h"

#include "LogCategories.h"
#include "SyncClient.h"
#include "crypto/KeyFingerprint.h"

#include <algorithm>

namespace wp::sync {

Enrolment::Outcome Enrolment::requestApproval()
{
    if (m_step != Step::RestoreKeys)
        return wrongStep(Step::RestoreKeys);
    if (m_identity.approvalRequest.publicKey.isEmpty()) {
        // Saved before it is sent: the fingerprint a person compares must stay the same
        // whatever happens next (a lost answer, the app killed).
        m_identity.approvalRequest = crypto::RequestKeys::generate();
        if (const Outcome saved = save(); saved != Outcome::Done)
            return saved;
    }
    SyncClient client(m_identity.credentials.serverUrl);
    client.setCredentials(&m_identity.credentials);
    client.setTimeout(m_options.timeoutMs);
    if (Status s = client.requestApproval(m_identity.approvalRequest.publicKey); !s)
        return refused(s.error());
    m_error = {};
    return Outcome::Done;
}

QString Enrolment::approvalFingerprint() const
{
    const QByteArray &key = m_identity.approvalRequest.publicKey;
    return key.isEmpty() ? QString() : crypto::requestFingerprint(key);
}

Enrolment::Outcome Enrolment::checkApproval()
{
    if (m_step != Step::RestoreKeys)
        return wrongStep(Step::RestoreKeys);
    if (m_identity.approvalRequest.publicKey.isEmpty())
        return failed(Outcome::Failed,
                      Error(ErrorCode::Internal, QStringLiteral("no approval was requested")));
    SyncClient client(m_identity.credentials.serverUrl);
    client.setCredentials(&m_identity.credentials);
    client.setTimeout(m_options.timeoutMs);
    auto state = client.approvalState();
    if (!state)
        return refused(state.error());
    if (state->state == QLatin1String("none")) {
        // The request did not reach the server: ask again, with the same key.
        if (Status s = client.requestApproval(m_identity.approvalRequest.publicKey); !s)
            return refused(s.error());
    }
    if (state->state != QLatin1String("approved")) {
        m_error = {};
        return Outcome::AwaitingApproval;
    }
    // The user's public keys, to check the approval against: signed by the user, and holding
    // the user's own secret keys.
    auto directory = client.directory();
    if (!directory)
        return refused(directory.error());
    const QUuid me = m_identity.credentials.userId;
    const auto entry = std::find_if(directory->users.cbegin(), directory->users.cend(),
                                    [&](const wire::DirectoryEntry &e) { return e.userId == me; });
    if (entry == directory->users.cend())
        return failed(Outcome::ApprovalRefused,
                      Error(ErrorCode::Crypto, QStringLiteral("the server lists no keys for you")));
    auto keys = crypto::openApproval({state->sealedKeys, state->signature}, me,
                                     m_identity.credentials.deviceId, m_identity.approvalRequest,
                                     entry->signingKey, entry->encryptionKey);
    if (!keys)
        return failed(Outcome::ApprovalRefused, keys.error());
    if (m_identity.hasKeys() &&
        !crypto::sameKey(keys->signingPublic, m_identity.keys.signingPublic))
        return failed(Outcome::OtherKeys,
                      Error(ErrorCode::Conflict,
                            QStringLiteral("the approval holds other keys than this device has")));
    m_identity.keys = std::move(*keys);
    m_identity.approvalRequest = crypto::RequestKeys{}; // its secret key is wiped here
    return moveTo(Step::Done);
}

bool Enrolment::withdrawalOwed(const SyncIdentity &identity)
{
    return identity.hasKeys() && !identity.approvalRequest.publicKey.isEmpty();
}

Status Enrolment::withdrawApproval(SyncIdentity &identity, SyncClient &client)
{
    identity.approvalRequest.secretKey = SecretBytes{}; // never needed again
    if (identity.approvalRequest.publicKey.isEmpty())
        return {};
    client.setCredentials(&identity.credentials);
    if (Status s = client.withdrawApproval(); !s)
        return s;
    identity.approvalRequest = crypto::RequestKeys{};
    return {};
}

void Enrolment::endApprovalRequest(SyncClient &client)
{
    // A failure leaves the withdrawal owed: the keys are restored either way.
    if (Status s = withdrawApproval(m_identity, client); !s)
        qCInfo(lcSync, "approval request not withdrawn yet: %s", qPrintable(s.error().message));
}

} // namespace wp::sync
