// SPDX-License-Identifier: GPL-3.0-or-later
// The device's own box key, published signed by its user so that a key rotation after a
// revocation can seal the user's new keys to it (docs/protocol.md, "Key rotation after a
// revocation"). Part of SyncEngine, kept apart by responsibility.

#include "KeyRotationStep.h"
#include "LogCategories.h"
#include "ServerError.h"
#include "SyncEngine.h"

namespace wp::sync {

using namespace wp::wire;

void SyncEngine::publishDeviceKey(const KeyDirectory &dir)
{
    // Keys of another version than the server's are signed by a key the server no longer
    // takes: wait until this device holds the current keys.
    if (!m_identity.hasKeys() || dir.ownKeys.keyVersion != m_identity.keyVersion ||
        m_identity.deviceKeyPublished == m_identity.keyVersion)
        return;
    if (m_identity.deviceBox.publicKey.isEmpty()) {
        m_identity.deviceBox = crypto::DeviceBoxKey::generate();
        m_identityChanged = true; // kept before it is sent: the server may keep it
    }
    const DeviceCredentials &me = m_identity.credentials;
    const DeviceKey key{m_identity.deviceBox.publicKey, m_identity.keyVersion,
                        crypto::signDeviceKey(m_identity.keys, me.userId, me.deviceId,
                                              m_identity.deviceBox.publicKey,
                                              m_identity.keyVersion)};
    // Not publishing never fails a sync: the next one tries again.
    if (Status s = m_client.putDeviceKey(key); !s) {
        qCInfo(lcSync, "the device key was not published: %s", qPrintable(s.error().message));
        return;
    }
    m_identity.deviceKeyPublished = m_identity.keyVersion;
    m_identityChanged = true;
}

Status SyncEngine::followKeyRotation()
{
    if (m_keysFollowed)
        return {};
    m_keysFollowed = true;
    KeyRotationStep step(m_identity, m_client);
    auto outcome = step.follow();
    m_identityChanged = m_identityChanged || step.changed();
    if (!outcome) {
        // A rotation that could not be made or taken never fails the sync but for a
        // revocation: the next sync tries again.
        if (serverErrorOf(outcome.error()) == ServerError::DeviceRevoked)
            return outcome.error();
        qCInfo(lcSync, "the key rotation did not complete: %s",
               qPrintable(outcome.error().message));
    }
    return {};
}

} // namespace wp::sync
