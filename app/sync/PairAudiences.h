// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The two-person audiences a device's comments, review marks and acknowledgements go to
// (docs/protocol.md, "Review marks, comments and acknowledgements"): one per counterpart,
// derived from the private audience key, sealed to the counterpart's pinned box key, and
// carried in each batch that uses it until the server has applied a change in it.

#include "KeyPins.h"
#include "StoreTypes.h"
#include "SyncIdentity.h"
#include "crypto/PairAudience.h"

#include <map>

namespace wp::sync {

class PairAudiences
{
public:
    // The other reader of an outgoing comment: the author of the entry it names when that is
    // another user, else the author of the comment it acknowledges; null for anything else.
    static QUuid counterpartOf(const OutboxEntry &entry, const QUuid &me);

    // The audience shared with `counterpart`; null when the user has no private audience key
    // yet or the counterpart no pinned box key (nothing is sealed to an unconfirmed key).
    const crypto::PairAudience *audienceFor(const QUuid &counterpart, const SyncIdentity &identity,
                                            const QList<UserKeyPin> &pins);

    // Adds to `batch` each pair audience its changes use that the server may not hold yet.
    void addNewAudiences(wire::PushRequest &batch, const SyncIdentity &identity) const;
    // The server applied a change in `audienceId`: it holds the audience.
    void noteApplied(const QUuid &audienceId);

private:
    struct Pair
    {
        QUuid counterpart;
        QByteArray boxKey;
        crypto::PairAudience audience;
        bool known = false;
    };
    std::map<QUuid, Pair> m_byCounterpart; // nodes stay put: sealing threads hold their keys
};

} // namespace wp::sync
