// SPDX-License-Identifier: GPL-3.0-or-later
#include "KeyPins.h"

#include "Sqlite.h"
#include "crypto/KeyFingerprint.h"

#include <QCoreApplication>

#include <algorithm>

namespace wp {

Result<QList<UserKeyPin>> KeyPins::list()
{
    sql::Statement &st =
        m_db.cached("SELECT user_id, signing_key, box_key, pinned_at, offered_signing_key, "
                    "offered_box_key, offered_at FROM key_pins ORDER BY pinned_at, user_id");
    QList<UserKeyPin> out;
    const Status read = st.forEachRow([&](const sql::Statement &row) {
        UserKeyPin p;
        p.userId = row.id(0);
        p.signingKey = row.blob(1);
        p.boxKey = row.blob(2);
        p.pinnedAt = QDateTime::fromMSecsSinceEpoch(row.int64(3), Qt::UTC);
        p.offeredSigningKey = row.blob(4);
        p.offeredBoxKey = row.blob(5);
        if (p.changed())
            p.offeredAt = QDateTime::fromMSecsSinceEpoch(row.int64(6), Qt::UTC);
        out.append(std::move(p));
    });
    if (!read)
        return read.error();
    return out;
}

Status KeyPins::record(const QList<UserKeyPin> &seen)
{
    if (seen.isEmpty())
        return {};
    Result<QList<UserKeyPin>> pinned = list();
    if (!pinned)
        return pinned.error();
    Result<sql::Transaction> tx = sql::Transaction::begin(m_db);
    if (!tx)
        return tx.error();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const UserKeyPin &s : seen) {
        const auto pin = std::find_if(pinned->cbegin(), pinned->cend(),
                                      [&](const UserKeyPin &p) { return p.userId == s.userId; });
        if (pin == pinned->cend()) {
            sql::Statement &insert = m_db.cached(
                "INSERT OR IGNORE INTO key_pins(user_id, signing_key, box_key, pinned_at) "
                "VALUES (?, ?, ?, ?)");
            insert.reset();
            insert.bindId(1, s.userId).bindBlob(2, s.signingKey).bindBlob(3, s.boxKey);
            insert.bind(4, now);
            if (Status st = insert.exec(); !st)
                return st;
            continue;
        }
        if (s.continued) {
            sql::Statement &move =
                m_db.cached("UPDATE key_pins SET signing_key = ?, box_key = ?, pinned_at = ?, "
                            "offered_signing_key = NULL, offered_box_key = NULL, offered_at = NULL "
                            "WHERE user_id = ?");
            move.reset();
            move.bindBlob(1, s.signingKey).bindBlob(2, s.boxKey);
            move.bind(3, now);
            move.bindId(4, s.userId);
            if (Status st = move.exec(); !st)
                return st;
            continue;
        }
        const bool same = crypto::sameKey(pin->signingKey, s.signingKey) &&
                          crypto::sameKey(pin->boxKey, s.boxKey);
        if (same && !pin->changed())
            continue;
        const bool sameOffer = crypto::sameKey(pin->offeredSigningKey, s.signingKey) &&
                               crypto::sameKey(pin->offeredBoxKey, s.boxKey);
        if (!same && sameOffer)
            continue;
        sql::Statement &offer =
            m_db.cached("UPDATE key_pins SET offered_signing_key = ?, offered_box_key = ?, "
                        "offered_at = ? WHERE user_id = ?");
        offer.reset();
        if (same)
            offer.bindNull(1).bindNull(2).bindNull(3);
        else
            offer.bindBlob(1, s.signingKey).bindBlob(2, s.boxKey).bind(3, now);
        offer.bindId(4, s.userId);
        if (Status st = offer.exec(); !st)
            return st;
    }
    return tx->commit();
}

Status KeyPins::confirm(const QUuid &userId)
{
    sql::Statement &waiting =
        m_db.cached("SELECT 1 FROM key_pins WHERE user_id = ? AND offered_signing_key IS NOT NULL");
    waiting.bindId(1, userId);
    Result<bool> found = waiting.step();
    waiting.reset();
    if (!found)
        return found.error();
    if (!*found)
        return Error{ErrorCode::NotFound,
                     QCoreApplication::translate("Store", "No changed key waits for this user.")};
    sql::Statement &st = m_db.cached(
        "UPDATE key_pins SET signing_key = offered_signing_key, box_key = offered_box_key, "
        "pinned_at = ?, offered_signing_key = NULL, offered_box_key = NULL, offered_at = NULL "
        "WHERE user_id = ? AND offered_signing_key IS NOT NULL");
    st.bind(1, QDateTime::currentMSecsSinceEpoch()).bindId(2, userId);
    return st.exec();
}

Result<qint64> KeyPins::changedCount()
{
    return m_db.scalar("SELECT count(*) FROM key_pins WHERE offered_signing_key IS NOT NULL");
}

} // namespace wp
