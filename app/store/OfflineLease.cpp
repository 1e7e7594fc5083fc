// SPDX-License-Identifier: GPL-3.0-or-later
#include "OfflineLease.h"

#include "Sqlite.h"

namespace wp {

Result<LeaseState> OfflineLease::state()
{
    sql::Statement st = m_db.prepare("SELECT key, value FROM meta WHERE key IN "
                                     "('lease_days', 'lease_contact_ms', 'lease_latest_ms')");
    LeaseState out;
    const Status read = st.forEachRow([&](const sql::Statement &row) {
        const QString key = row.text(0);
        const qint64 value = row.text(1).toLongLong();
        if (key == u"lease_days")
            out.days = int(std::clamp<qint64>(value, 0, 100000));
        else if (key == u"lease_contact_ms")
            out.contactMs = value;
        else
            out.latestSeenMs = value;
    });
    if (!read)
        return read.error();
    return out;
}

Status OfflineLease::put(const char *key, qint64 value)
{
    sql::Statement &st = m_db.cached("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)");
    st.bind(1, QString::fromLatin1(key));
    st.bind(2, QString::number(value));
    return st.exec();
}

Status OfflineLease::recordContact(int days, qint64 nowMs)
{
    auto tx = sql::Transaction::begin(m_db);
    if (!tx)
        return tx.error();
    for (const auto &[key, value] :
         {std::pair{"lease_days", qint64(std::max(0, days))}, std::pair{"lease_contact_ms", nowMs},
          std::pair{"lease_latest_ms", nowMs}})
        if (Status s = put(key, value); !s)
            return s;
    return tx->commit();
}

Result<LeaseState> OfflineLease::observe(qint64 nowMs)
{
    auto current = state();
    if (!current || nowMs <= current->latestSeenMs)
        return current;
    if (Status s = put("lease_latest_ms", nowMs); !s)
        return s.error();
    current->latestSeenMs = nowMs;
    return current;
}

} // namespace wp
