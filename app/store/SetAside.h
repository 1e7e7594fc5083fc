// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Pulled changes this device did not merge (SetAsideChange), kept so the user and support can
// see what was set aside and why. Rows hold metadata only: the record's id and type, author,
// audience, the reason, the server's place for it and when; never content or ciphertext. A
// device whose colleague keeps sending what it cannot open must not fill its disk, so only
// the newest Limit rows are kept: the count and the list say what happened recently, and the
// changes themselves stay on the server.

#include "Result.h"
#include "StoreTypes.h"

namespace wp {

namespace sql {
class Database;
}

class SetAsideLog
{
public:
    static constexpr int Limit = 1000;

    explicit SetAsideLog(sql::Database &db) : m_db(db) {}

    // Inside the caller's transaction (Store::applyRemote): a change already kept (pulled
    // again) stays as first recorded.
    Status record(const QList<SetAsideChange> &changes);
    // Newest first.
    Result<QList<SetAsideChange>> list(int limit = 100);
    Result<qint64> count();
    // The user read them: forget every row.
    Status clear();

private:
    sql::Database &m_db;
};

} // namespace wp
