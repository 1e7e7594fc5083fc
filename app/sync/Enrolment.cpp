// SPDX-License-Identifier: GPL-3.0-or-later
#include "Enrolment.h"

#include "crypto/KeyRotation.h"

#include "LogCategories.h"
#include "ServerError.h"
#include "SyncClient.h"
#include "Uuid.h"
#include "crypto/Envelope.h"

namespace wp::sync {

namespace {

// What a failed request means for the enrolment: the server's code first, then the kind.
Enrolment::Outcome outcomeOf(const Error &e)
{
    using Outcome = Enrolment::Outcome;
    switch (serverErrorOf(e)) {
    case ServerError::EnrolmentCodeInvalid:
        return Outcome::CodeInvalid;
    case ServerError::DeviceRevoked:
        return Outcome::Revoked;
    case ServerError::RateLimited:
        return Outcome::RateLimited;
    case ServerError::Unauthorized:
    case ServerError::Forbidden:
        return Outcome::Refused;
    case ServerError::Unavailable:
    case ServerError::Internal:
        return Outcome::Unreachable;
    case ServerError::NotFound:
    case ServerError::MethodNotAllowed:
    case ServerError::Other: // an HTTP server answering without the protocol's Error body
        return Outcome::NotAWaypointServer;
    case ServerError::None:
        break;
    default:
        return Outcome::Failed;
    }
    switch (e.code) {
    case ErrorCode::Network:
        return Outcome::Unreachable;
    case ErrorCode::Protocol:
        return Outcome::NotAWaypointServer;
    case ErrorCode::Unauthorized:
        return Outcome::Refused;
    default:
        return Outcome::Failed;
    }
}

} // namespace

Enrolment::Enrolment(IdentityStore *store, Options options) : m_store(store), m_options(options) {}

Enrolment::Enrolment(SyncIdentity saved, IdentityStore *store, Options options)
    : m_store(store), m_options(options), m_identity(std::move(saved)), m_step(stepOf(m_identity))
{
}

Result<Enrolment> Enrolment::resume(IdentityStore &store, Options options)
{
    auto saved = store.loadIdentity();
    if (!saved)
        return saved.error();
    return Enrolment(std::move(*saved), &store, options);
}

Enrolment::Step Enrolment::stepOf(const SyncIdentity &identity)
{
    if (identity.credentials.deviceId.isNull())
        return Step::RedeemCode;
    if (identity.hasKeys())
        return Step::Done;
    return identity.userHadKeys ? Step::RestoreKeys : Step::MakeKeys;
}

Enrolment::Outcome Enrolment::failed(Outcome outcome, Error cause)
{
    qCInfo(lcSync, "enrolment step did not complete: %s", qPrintable(cause.message));
    m_error = std::move(cause);
    return outcome;
}

Enrolment::Outcome Enrolment::refused(const Error &cause)
{
    const Outcome outcome = outcomeOf(cause);
    if (outcome == Outcome::Revoked) {
        // A revoked device destroys its sync identity on contact (docs/security.md); a failed
        // removal changes nothing for the user, who has to enrol anew either way.
        m_identity = SyncIdentity{};
        m_madeKeys.reset();
        m_step = Step::RedeemCode;
        if (m_store)
            (void)m_store->forgetIdentity();
    }
    return failed(outcome, cause);
}

Enrolment::Outcome Enrolment::save()
{
    if (m_store)
        if (Status s = m_store->saveIdentity(m_identity); !s)
            return failed(Outcome::StoreFailed, s.error());
    m_error = {};
    return Outcome::Done;
}

Enrolment::Outcome Enrolment::moveTo(Step next, Outcome outcome, Error cause)
{
    m_step = next;
    if (next == Step::MakeKeys || next == Step::RestoreKeys)
        m_identity.userHadKeys = next == Step::RestoreKeys;
    if (const Outcome saved = save(); saved != Outcome::Done)
        return saved;
    if (outcome == Outcome::Done)
        return Outcome::Done;
    return failed(outcome, std::move(cause));
}

Enrolment::Outcome Enrolment::redeem(const QString &serverUrl, const QString &code,
                                     const QString &deviceName, const QString &platform)
{
    if (m_step != Step::RedeemCode)
        return failed(Outcome::Failed,
                      Error(ErrorCode::Internal, QStringLiteral("the code is redeemed already")));
    QString server = serverUrl.trimmed();
    while (server.endsWith(u'/'))
        server.chop(1);
    SyncClient client(server);
    client.setTimeout(m_options.timeoutMs);
    auto enrolled = client.enrol(code, deviceName, platform);
    if (!enrolled)
        return refused(enrolled.error());
    m_identity = SyncIdentity{};
    m_identity.credentials.serverUrl = server;
    m_identity.credentials.organisationId = enrolled->organisationId;
    m_identity.credentials.userId = enrolled->userId;
    m_identity.credentials.deviceId = enrolled->deviceId;
    m_identity.credentials.role = enrolled->role;
    m_identity.credentials.token = SecretBytes::takeFrom(enrolled->token);
    m_identity.userName = enrolled->userName;
    m_identity.organisationName = enrolled->organisationName;
    m_identity.deviceName = deviceName.trimmed();
    m_identity.profileChecked = true; // the reply just said
    // Saved at once: the code is spent, so whatever fails next must not lose the enrolment.
    return moveTo(enrolled->userHasKeys ? Step::RestoreKeys : Step::MakeKeys);
}

std::optional<crypto::RecoveryKey> Enrolment::takeRecoveryKey()
{
    auto key = std::move(m_recoveryKey);
    m_recoveryKey.reset();
    return key;
}

Enrolment::Outcome Enrolment::wrongStep(Step expected)
{
    if (m_step == Step::RedeemCode)
        return failed(Outcome::Failed,
                      Error(ErrorCode::Internal, QStringLiteral("no enrolment code redeemed yet")));
    if (m_step == Step::Done) {
        m_error = {};
        return Outcome::Done;
    }
    return failed(Outcome::Failed,
                  Error(ErrorCode::Internal, expected == Step::MakeKeys
                                                 ? QStringLiteral("the user's keys exist already")
                                                 : QStringLiteral("the user has no keys yet")));
}

Enrolment::Outcome Enrolment::checkKeys()
{
    if (m_step == Step::RedeemCode)
        return failed(Outcome::Failed,
                      Error(ErrorCode::Internal, QStringLiteral("no enrolment code redeemed yet")));
    SyncClient client(m_identity.credentials.serverUrl);
    client.setCredentials(&m_identity.credentials);
    client.setTimeout(m_options.timeoutMs);
    auto backup = client.keyBackup();
    if (backup)
        return moveTo(Step::RestoreKeys);
    if (serverErrorOf(backup.error()) == ServerError::NotFound)
        return moveTo(Step::MakeKeys);
    return refused(backup.error());
}

Enrolment::Outcome Enrolment::makeKeys()
{
    if (m_step != Step::MakeKeys)
        return wrongStep(Step::MakeKeys);
    SyncClient client(m_identity.credentials.serverUrl);
    client.setCredentials(&m_identity.credentials);
    client.setTimeout(m_options.timeoutMs);
    if (!m_madeKeys)
        m_madeKeys = crypto::UserKeys::generate();
    // The backup is made first: a phone without the memory Argon2id needs sends nothing, and
    // can try again later with the same keys.
    auto recoveryKey = crypto::RecoveryKey::generate();
    // Version 3, sealed to the recovery key's derived key pair: a device that later rotates
    // the keys replaces it without the recovery key (docs/protocol.md, "Key rotation").
    const Result<QByteArray> backup = crypto::sealBackup(*m_madeKeys, m_identity.credentials.userId,
                                                         recoveryKey, m_options.backupCost);
    if (!backup)
        return failed(Outcome::Failed, backup.error());
    if (Status s = client.putPublicKeys(m_madeKeys->encryptionPublic, m_madeKeys->signingPublic);
        !s) {
        if (serverErrorOf(s.error()) == ServerError::Conflict) {
            // Another device of the user made them first: theirs are the user's keys.
            m_madeKeys.reset();
            return moveTo(Step::RestoreKeys, Outcome::KeysExistElsewhere,
                          Error(ErrorCode::Conflict,
                                QStringLiteral("the user's keys exist already; restore them")));
        }
        return refused(s.error());
    }
    if (Status s = client.putKeyBackup(*backup); !s)
        return refused(s.error());
    m_recoveryKey.emplace(std::move(recoveryKey));
    m_identity.keys = std::move(*m_madeKeys);
    m_madeKeys.reset();
    if (m_identity.privateAudience.isNull()) {
        m_identity.privateAudience = createUuidV7();
        m_identity.audienceKeys.emplace(m_identity.privateAudience, crypto::newAudienceKey());
    }
    return moveTo(Step::Done);
}

Enrolment::Outcome Enrolment::restoreKeys(const SecretBytes &typedRecoveryKey)
{
    if (m_step != Step::RestoreKeys)
        return wrongStep(Step::RestoreKeys);
    // A typo is caught here, before the network and Argon2id.
    auto recoveryKey = crypto::RecoveryKey::parse(typedRecoveryKey);
    if (!recoveryKey)
        return failed(Outcome::RecoveryKeyMistyped, recoveryKey.error());
    SyncClient client(m_identity.credentials.serverUrl);
    client.setCredentials(&m_identity.credentials);
    client.setTimeout(m_options.timeoutMs);
    auto blob = client.keyBackup();
    if (!blob) {
        if (serverErrorOf(blob.error()) == ServerError::NotFound)
            return moveTo(Step::MakeKeys, Outcome::NoBackupYet,
                          Error(ErrorCode::NotFound,
                                QStringLiteral("the server has no key backup for this user")));
        return refused(blob.error());
    }
    auto restored = crypto::unwrapKeys(*blob, m_identity.credentials.userId, *recoveryKey);
    if (!restored) {
        if (restored.error().code == ErrorCode::WrongPin)
            return failed(Outcome::WrongRecoveryKey,
                          Error(ErrorCode::WrongPin, QStringLiteral("the recovery key does not "
                                                                    "open the key backup")));
        return failed(Outcome::Failed, restored.error());
    }
    if (m_identity.hasKeys() && (restored->signingPublic != m_identity.keys.signingPublic ||
                                 restored->encryptionPublic != m_identity.keys.encryptionPublic))
        return failed(Outcome::OtherKeys,
                      Error(ErrorCode::Conflict, QStringLiteral("the key backup holds other keys "
                                                                "than this device has")));
    // The private audience's key arrives sealed with the first pull that uses it.
    m_identity.keys = std::move(*restored);
    endApprovalRequest(client);
    return moveTo(Step::Done);
}

Enrolment::Outcome Enrolment::enrol(const QString &serverUrl, const QString &code,
                                    const QString &deviceName, const QString &platform,
                                    QString &recoveryKey)
{
    if (const Outcome redeemed = redeem(serverUrl, code, deviceName, platform);
        redeemed != Outcome::Done)
        return redeemed;
    if (m_step == Step::MakeKeys) {
        const Outcome made = makeKeys();
        if (made == Outcome::Done) {
            const SecretBytes text = takeRecoveryKey()->text();
            recoveryKey = QString::fromLatin1(text.view());
        }
        return made;
    }
    QByteArray utf8 = recoveryKey.toUtf8();
    return restoreKeys(SecretBytes::takeFrom(utf8));
}

} // namespace wp::sync
