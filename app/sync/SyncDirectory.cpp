// SPDX-License-Identifier: GPL-3.0-or-later
// What the key directory tells the engine, once per engine: the pinned keys, the user's
// supervisors (and so the shared audience's readers) and the workers they supervise.
#include "SyncEngine.h"

#include "Uuid.h"
#include "crypto/Envelope.h"

#include <algorithm>

namespace wp::sync {

using namespace wp::wire;

Status SyncEngine::learnSupervisors()
{
    if (m_supervisorsRead)
        return {};
    auto dir = m_client.directory();
    if (!dir)
        return dir.error();
    m_supervisorsRead = true;
    auto pins = m_store.keyPins();
    if (!pins)
        return pins.error();
    m_pins = std::move(*pins);
    noteDirectory(*dir);
    publishDeviceKey(*dir);
    if (!m_keysSeen.isEmpty()) {
        if (Status s = m_store.recordKeys(m_keysSeen); !s)
            return s;
        m_keysSeen.clear();
    }
    // Sealed to the pinned box keys only: a changed key waits for a person to confirm it.
    m_sharedBoxKeys.clear();
    QList<QUuid> readers;
    for (const Supervisor &v : std::as_const(m_identity.supervisors)) {
        const auto pin = std::find_if(m_pins.cbegin(), m_pins.cend(),
                                      [&](const UserKeyPin &p) { return p.userId == v.userId; });
        if (pin == m_pins.cend() || pin->boxKey.size() != 32)
            continue; // no keys yet: not enrolled
        m_sharedBoxKeys.insert(v.userId, pin->boxKey);
        readers.append(v.userId);
    }
    std::sort(readers.begin(), readers.end());
    if (readers.isEmpty()) {
        // Nothing can be shared; what is marked shared goes to the private audience.
        return {};
    }
    if (m_identity.sharedAudience.isNull() || m_identity.sharedReaders != readers) {
        m_identity.sharedAudience = createUuidV7();
        m_identity.sharedReaders = readers;
        m_identity.sharedAudienceKnown = false;
        m_identity.audienceKeys.emplace(m_identity.sharedAudience, crypto::newAudienceKey());
        m_identityChanged = true;
    }
    return {};
}

void SyncEngine::noteDirectory(const KeyDirectory &dir)
{
    const QUuid me = m_identity.credentials.userId;
    const bool ownKey = !m_identity.keys.signingPublic.isEmpty();
    noteKeyChains(dir);
    for (const DirectoryEntry &e : dir.users) {
        if (e.userId == me && ownKey)
            continue;
        m_signingKeys.insert(e.userId, pinnedSigningKey(e));
    }
    const auto sameList = [](const auto &a, const auto &b) {
        return a.size() == b.size() &&
               std::equal(a.cbegin(), a.cend(), b.cbegin(), [](const auto &x, const auto &y) {
                   return x.userId == y.userId && x.displayName == y.displayName;
               });
    };
    if (!m_identity.supervisorsLearnt || !sameList(m_identity.supervisors, dir.supervisors)) {
        m_identity.supervisors = dir.supervisors;
        m_identity.supervisorsLearnt = true;
        m_identityChanged = true;
    }
    // The workers' last contact too: the Team screen shows it as of the last sync.
    const auto sameContacts = [](const QList<wire::Worker> &a, const QList<wire::Worker> &b) {
        return std::equal(a.cbegin(), a.cend(), b.cbegin(), b.cend(),
                          [](const wire::Worker &x, const wire::Worker &y) {
                              return x.lastContactMs == y.lastContactMs;
                          });
    };
    if (!sameList(m_identity.workers, dir.workers) ||
        !sameContacts(m_identity.workers, dir.workers)) {
        m_identity.workers = dir.workers;
        m_identityChanged = true;
    }
}

} // namespace wp::sync
