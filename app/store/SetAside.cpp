// SPDX-License-Identifier: GPL-3.0-or-later
#include "SetAside.h"

#include "Sqlite.h"

namespace wp {

Status SetAsideLog::record(const QList<SetAsideChange> &changes)
{
    if (changes.isEmpty())
        return {};
    sql::Statement &insert = m_db.cached(
        "INSERT OR IGNORE INTO set_aside(server_seq, record_id, type, author, audience, reason, "
        "field, hlc, set_aside_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (const SetAsideChange &c : changes) {
        insert.reset();
        insert.bind(1, qint64(c.serverSeq)).bindId(2, c.recordId).bind(3, keyOf(c.type));
        insert.bindId(4, c.author).bindId(5, c.audience).bind(6, c.reason);
        insert.bind(7, c.field.isNull() ? QStringLiteral("") : c.field);
        insert.bind(8, c.stamp.toString()).bind(9, c.setAsideAt.toMSecsSinceEpoch());
        if (Status s = insert.exec(); !s)
            return s;
    }
    // Bounded: the oldest go first.
    sql::Statement &trim =
        m_db.cached("DELETE FROM set_aside WHERE server_seq <= (SELECT server_seq FROM set_aside "
                    "ORDER BY server_seq DESC LIMIT 1 OFFSET ?)");
    trim.bind(1, Limit);
    return trim.exec();
}

Result<QList<SetAsideChange>> SetAsideLog::list(int limit)
{
    sql::Statement &st = m_db.cached(
        "SELECT server_seq, record_id, type, author, audience, reason, field, hlc, set_aside_at "
        "FROM set_aside ORDER BY server_seq DESC LIMIT ?");
    st.bind(1, qBound(1, limit, Limit));
    QList<SetAsideChange> out;
    const Status read = st.forEachRow([&](const sql::Statement &row) {
        SetAsideChange c;
        c.serverSeq = std::uint64_t(row.int64(0));
        c.recordId = row.id(1);
        c.type = fromKey<RecordType>(row.text(2)).value_or(RecordType::DiaryEntry);
        c.author = row.id(3);
        c.audience = row.id(4);
        c.reason = row.text(5);
        c.field = row.text(6);
        c.stamp = HlcStamp::fromString(row.text(7));
        c.setAsideAt = QDateTime::fromMSecsSinceEpoch(row.int64(8), Qt::UTC);
        out.append(std::move(c));
    });
    if (!read)
        return read.error();
    return out;
}

Result<qint64> SetAsideLog::count()
{
    return m_db.scalar("SELECT count(*) FROM set_aside");
}

Status SetAsideLog::clear()
{
    return m_db.exec("DELETE FROM set_aside");
}

} // namespace wp
