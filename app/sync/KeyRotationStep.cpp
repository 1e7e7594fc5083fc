// SPDX-License-Identifier: GPL-3.0-or-later
#include "KeyRotationStep.h"

#include "LogCategories.h"
#include "ServerError.h"
#include "Uuid.h"
#include "crypto/Envelope.h"
#include "crypto/KeyRotation.h"

namespace wp::sync {

using namespace wp::wire;

namespace {

SecretBytes copyOf(const SecretBytes &s)
{
    return SecretBytes(s.data(), s.size());
}

} // namespace

KeyRotationStep::KeyRotationStep(SyncIdentity &identity, SyncClient &client)
    : m_identity(identity), m_client(client)
{
    m_client.setCredentials(&m_identity.credentials);
}

Result<KeyRotationStep::Outcome> KeyRotationStep::follow(bool force)
{
    if (!m_identity.hasKeys())
        return Outcome::Unchanged;
    auto dir = m_client.directory();
    if (!dir)
        return dir.error();
    const bool behind = dir->ownKeys.keyVersion > m_identity.keyVersion;
    if (!behind && !dir->ownKeys.rotationDue && !force)
        return Outcome::Unchanged;
    auto state = m_client.rotationState();
    if (!state)
        return state.error();
    if (state->keyVersion > m_identity.keyVersion)
        return receive(*dir, *state);
    if (state->keyVersion < m_identity.keyVersion)
        return Error(ErrorCode::Protocol,
                     QStringLiteral("The server has older keys than this device."));
    auto rotated = rotate(*state, force);
    if (rotated || serverErrorOf(rotated.error()) != ServerError::Conflict)
        return rotated;
    // Another device rotated first: take its keys instead of ours.
    qCInfo(lcSync, "another device rotated the keys first");
    dir = m_client.directory();
    if (!dir)
        return dir.error();
    state = m_client.rotationState();
    if (!state)
        return state.error();
    return receive(*dir, *state);
}

Result<KeyRotationStep::Outcome> KeyRotationStep::rotate(const RotationState &state, bool force)
{
    const QUuid me = m_identity.credentials.userId;
    const std::uint32_t from = m_identity.keyVersion;
    const std::uint32_t to = from + 1;
    auto current = m_client.keyBackup();
    if (!current)
        return current.error();
    if (crypto::backupVersion(*current) != 3 && !force)
        return Outcome::NeedsRecoveryKey;
    crypto::KeyBundle bundle;
    bundle.keys = crypto::UserKeys::generate();
    bundle.privateAudience = createUuidV7();
    bundle.privateKey = crypto::newAudienceKey();
    if (!m_identity.sharedReaders.isEmpty()) {
        bundle.sharedAudience = createUuidV7();
        bundle.sharedKey = crypto::newAudienceKey();
        bundle.sharedReaders = m_identity.sharedReaders;
    }
    Rotation rotation;
    rotation.fromVersion = from;
    rotation.encryptionKey = bundle.keys.encryptionPublic;
    rotation.signingKey = bundle.keys.signingPublic;
    rotation.continuity = crypto::signContinuity(m_identity.keys, me, to, bundle.keys);
    m_sealedTo = m_leftOut = 0;
    for (const RotationDevice &d : state.devices) {
        if (d.deviceId == m_identity.credentials.deviceId)
            continue; // this device switches from what it made
        // Only keys the user signed: a server cannot add a device of its own.
        if (d.keyVersion != from ||
            !crypto::deviceKeyHolds(m_identity.keys.signingPublic, me, d.deviceId, d.boxKey, from,
                                    d.signature)) {
            ++m_leftOut;
            continue;
        }
        rotation.bundles.append(
            {d.deviceId, crypto::sealBundle(bundle, me, d.deviceId, to, d.boxKey)});
        ++m_sealedTo;
    }
    if (crypto::backupVersion(*current) == 3) {
        auto resealed =
            crypto::resealBackup(*current, m_identity.keys.signingPublic, bundle.keys, me);
        if (!resealed)
            return resealed.error();
        rotation.keyBackup = std::move(*resealed);
    } else {
        // A version 2 backup is encrypted under the recovery key itself, which no device
        // keeps: the new keys get a new recovery key.
        crypto::RecoveryKey recovery = crypto::RecoveryKey::generate();
        auto sealed = crypto::sealBackup(bundle.keys, me, recovery, m_cost);
        if (!sealed)
            return sealed.error();
        rotation.keyBackup = std::move(*sealed);
        m_recoveryKey.emplace(std::move(recovery));
    }
    if (Status s = m_client.rotate(rotation); !s) {
        m_recoveryKey.reset();
        return s.error();
    }
    adopt(std::move(bundle), to);
    return Outcome::Rotated;
}

Result<KeyRotationStep::Outcome> KeyRotationStep::receive(const KeyDirectory &dir,
                                                          const RotationState &state)
{
    const QUuid me = m_identity.credentials.userId;
    if (state.bundle.isEmpty()) {
        qCInfo(lcSync, "the user's keys changed and nothing was sealed to this device");
        return Outcome::NoBundle;
    }
    const auto own = std::find_if(dir.users.cbegin(), dir.users.cend(),
                                  [&](const DirectoryEntry &e) { return e.userId == me; });
    if (own == dir.users.cend())
        return Error(ErrorCode::Protocol, QStringLiteral("The directory does not list this user."));
    // The new keys must descend from the ones this device holds, link by link.
    QList<crypto::KeyLink> chain;
    for (const KeyChain &c : dir.chains)
        if (c.userId == me)
            for (const KeyLinkEntry &l : c.links)
                chain.append({l.version, l.encryptionKey, l.signingKey, l.signature});
    if (!crypto::chainReaches(m_identity.keys.signingPublic, m_identity.keys.encryptionPublic, me,
                              chain, own->signingKey, own->encryptionKey))
        return Error(ErrorCode::Crypto,
                     QStringLiteral("The user's new keys are not signed by the keys this device "
                                    "holds."));
    auto opened =
        crypto::openBundle(state.bundle, me, m_identity.credentials.deviceId, state.keyVersion,
                           m_identity.deviceBox, own->encryptionKey, own->signingKey);
    if (!opened)
        return opened.error();
    adopt(std::move(*opened), state.keyVersion);
    return Outcome::Received;
}

void KeyRotationStep::adopt(crypto::KeyBundle bundle, std::uint32_t version)
{
    // Old audience keys stay: records written before the rotation are not re-encrypted.
    m_identity.keys = std::move(bundle.keys);
    m_identity.keyVersion = version;
    m_identity.audienceKeys.insert_or_assign(bundle.privateAudience, copyOf(bundle.privateKey));
    m_identity.privateAudience = bundle.privateAudience;
    m_identity.privateAudienceKnown = false;
    if (!bundle.sharedAudience.isNull()) {
        m_identity.audienceKeys.insert_or_assign(bundle.sharedAudience, copyOf(bundle.sharedKey));
        m_identity.sharedAudience = bundle.sharedAudience;
        m_identity.sharedReaders = bundle.sharedReaders;
    } else {
        // The old shared audience's key is on the revoked device too: sharing makes anew.
        m_identity.sharedAudience = QUuid();
        m_identity.sharedReaders.clear();
    }
    m_identity.sharedAudienceKnown = false;
    m_changed = true;
    publishDeviceKey();
}

void KeyRotationStep::publishDeviceKey()
{
    // The same box key, signed by the new keys; a later sync tries again when this fails.
    if (m_identity.deviceBox.publicKey.isEmpty())
        return;
    const DeviceCredentials &c = m_identity.credentials;
    const DeviceKey key{m_identity.deviceBox.publicKey, m_identity.keyVersion,
                        crypto::signDeviceKey(m_identity.keys, c.userId, c.deviceId,
                                              m_identity.deviceBox.publicKey,
                                              m_identity.keyVersion)};
    if (Status s = m_client.putDeviceKey(key); !s) {
        qCInfo(lcSync, "the device key was not signed again: %s", qPrintable(s.error().message));
        return;
    }
    m_identity.deviceKeyPublished = m_identity.keyVersion;
}

} // namespace wp::sync
