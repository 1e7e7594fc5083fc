// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A device's part in a key rotation after a revocation (docs/protocol.md, "Key rotation after
// a revocation"): the first remaining device that sees the rotation due makes the user's new
// keys and audiences and seals them to the user's other devices; the others, finding their
// keys older than the server's, open their bundle and switch. Both re-sign the device key.

#include "SyncClient.h"
#include "SyncIdentity.h"
#include "crypto/RecoveryKey.h"
#include "crypto/UserKeys.h"

#include <optional>

namespace wp::sync {

class KeyRotationStep
{
public:
    enum class Outcome {
        Unchanged, // nothing due, the keys are the server's
        Rotated,   // this device made the next version
        Received,  // this device opened its bundle of the next version
        NoBundle,  // the server's keys are newer and nothing was sealed to this device
        // Due, but the server's backup is version 2: rotating makes a new recovery key, which
        // only a person-facing command can show (waypointctl keys rotate).
        NeedsRecoveryKey,
    };

    KeyRotationStep(SyncIdentity &identity, SyncClient &client);

    // The cost of a new backup when the server's is version 2 (tests use a cheap one).
    void setBackupCost(crypto::KeyBackupCost cost) { m_cost = cost; }

    // At a sync: receives newer keys, or rotates when the server says a rotation is due.
    // `force` rotates even when none is due (waypointctl keys rotate).
    Result<Outcome> follow(bool force = false);

    // The identity changed and must be saved (in one save: keys and audiences together).
    bool changed() const { return m_changed; }
    // Made when the server's backup was version 2, which cannot be resealed: shown once.
    const std::optional<crypto::RecoveryKey> &newRecoveryKey() const { return m_recoveryKey; }
    // Devices of the user that got a bundle (a rotation), and those left out because their
    // device key's signature did not verify.
    int sealedTo() const { return m_sealedTo; }
    int leftOut() const { return m_leftOut; }

private:
    Result<Outcome> rotate(const wire::RotationState &state, bool force);
    Result<Outcome> receive(const wire::KeyDirectory &dir, const wire::RotationState &state);
    void adopt(crypto::KeyBundle bundle, std::uint32_t version);
    void publishDeviceKey();

    SyncIdentity &m_identity;
    SyncClient &m_client;
    crypto::KeyBackupCost m_cost = crypto::KeyBackupCost::sensitive();
    std::optional<crypto::RecoveryKey> m_recoveryKey;
    bool m_changed = false;
    int m_sealedTo = 0;
    int m_leftOut = 0;
};

} // namespace wp::sync
