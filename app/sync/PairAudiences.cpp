// SPDX-License-Identifier: GPL-3.0-or-later
#include "PairAudiences.h"

#include "crypto/AudienceKeySignature.h"
#include "crypto/Envelope.h"

#include <algorithm>

namespace wp::sync {

QUuid PairAudiences::counterpartOf(const OutboxEntry &entry, const QUuid &me)
{
    for (const QUuid &author : {entry.entryAuthor, entry.acknowledgedAuthor})
        if (!author.isNull() && author != me)
            return author;
    return {};
}

const crypto::PairAudience *PairAudiences::audienceFor(const QUuid &counterpart,
                                                       const SyncIdentity &identity,
                                                       const QList<UserKeyPin> &pins)
{
    if (counterpart.isNull() || !identity.hasAudienceKey(identity.privateAudience))
        return nullptr;
    if (const auto found = m_byCounterpart.find(counterpart); found != m_byCounterpart.end())
        return &found->second.audience;
    const auto pin = std::find_if(pins.cbegin(), pins.cend(),
                                  [&](const UserKeyPin &p) { return p.userId == counterpart; });
    if (pin == pins.cend() || pin->boxKey.size() != 32)
        return nullptr;
    Pair pair{counterpart, pin->boxKey,
              crypto::pairAudience(identity.audienceKeys.at(identity.privateAudience), counterpart),
              false};
    return &m_byCounterpart.emplace(counterpart, std::move(pair)).first->second.audience;
}

void PairAudiences::addNewAudiences(wire::PushRequest &batch, const SyncIdentity &identity) const
{
    const QUuid me = identity.credentials.userId;
    for (const auto &[counterpart, pair] : m_byCounterpart) {
        const QUuid id = pair.audience.id;
        if (pair.known || std::none_of(batch.changes.cbegin(), batch.changes.cend(),
                                       [&](const wire::Change &c) { return c.audienceId == id; }))
            continue;
        const SecretBytes &key = pair.audience.key;
        wire::Audience a{id, {}};
        a.readers.append(
            {me, crypto::signAudienceKey(identity.keys.signingSecret, id, me,
                                         crypto::sealTo(key, identity.keys.encryptionPublic))});
        a.readers.append(
            {counterpart, crypto::signAudienceKey(identity.keys.signingSecret, id, counterpart,
                                                  crypto::sealTo(key, pair.boxKey))});
        batch.audiences.append(std::move(a));
    }
}

void PairAudiences::noteApplied(const QUuid &audienceId)
{
    for (auto &[counterpart, pair] : m_byCounterpart)
        if (pair.audience.id == audienceId)
            pair.known = true;
}

} // namespace wp::sync
