// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The public keys of other users this device has seen, pinned the first time (trust on first
// use: docs/protocol.md, "Pinned keys"). When the server's directory later offers another key
// for a pinned user, the offer is kept beside the pin, and the device refuses what the new
// key signs until a person compares fingerprints and confirms it (confirm). Public keys only:
// nothing here is secret, but a pin is only as good as the store that keeps it.

#include "Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QUuid>

namespace wp {

namespace sql {
class Database;
}

struct UserKeyPin
{
    QUuid userId;
    QByteArray signingKey; // Ed25519, pinned
    QByteArray boxKey;     // X25519, pinned
    QDateTime pinnedAt;
    // A different key the directory offered since, waiting for a person to confirm it (empty
    // when none).
    QByteArray offeredSigningKey;
    QByteArray offeredBoxKey;
    QDateTime offeredAt;

    // In what the directory said only: these keys follow the pin by a chain of rotations the
    // pinned key signed (docs/protocol.md, "Key rotation after a revocation"), so they become
    // the pin without a person confirming.
    bool continued = false;

    bool changed() const { return !offeredSigningKey.isEmpty() || !offeredBoxKey.isEmpty(); }
};

class KeyPins
{
public:
    explicit KeyPins(sql::Database &db) : m_db(db) {}

    Result<QList<UserKeyPin>> list();
    // What the directory said for each user: a user never seen is pinned; a pinned user with
    // other keys gets them kept as the offer (the pin stays); a pinned user with the pinned
    // keys again loses any offer.
    Status record(const QList<UserKeyPin> &seen);
    // A person compared the offered keys' fingerprint: they become the pin. NotFound when
    // the user has no offer.
    Status confirm(const QUuid &userId);
    // Pinned users with an offer waiting.
    Result<qint64> changedCount();

private:
    sql::Database &m_db;
};

} // namespace wp
