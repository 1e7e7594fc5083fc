// SPDX-License-Identifier: GPL-3.0-or-later
// RecordTable's lists and counts: pages by index in each order a screen asks for.
#include "RecordTable.h"

#include "Sqlite.h"

#include <QCborArray>
#include <QCborValue>
#include <QCoreApplication>

namespace wp {

namespace {

Error badCursor()
{
    return {ErrorCode::InvalidInput,
            QCoreApplication::translate("Store", "That page cursor is not valid.")};
}

} // namespace

Result<Page<StoredRecord>> RecordTable::list(RecordType type, const ListFilter &filter,
                                             const PageRequest &request)
{
    using Order = ListFilter::Order;
    const int limit = qBound(1, request.limit, 500);

    // The cursor is [sort key, id] of the last row shown.
    QCborValue afterKey;
    QUuid afterId;
    if (!request.after.isEmpty()) {
        const QCborArray cursor = QCborValue::fromCbor(request.after).toArray();
        afterKey = cursor.at(0);
        afterId = QUuid::fromRfc4122(cursor.at(1).toByteArray());
        const bool keyOk =
            filter.order == Order::NewestFirst ? afterKey.isInteger() : afterKey.isString();
        if (cursor.size() != 2 || !keyOk || cursor.at(1).toByteArray().size() != 16)
            return badCursor();
    }

    QByteArray sql = "SELECT id, fields, ";
    QByteArray where = " WHERE type = ?1 AND deleted = 0";
    QByteArray order;
    switch (filter.order) {
    case Order::NewestFirst:
        sql += "sort_at FROM records";
        if (!afterId.isNull())
            where += " AND (sort_at, id) < (?2, ?3)";
        order = " ORDER BY sort_at DESC, id DESC";
        break;
    case Order::FollowUpFirst:
        sql += "follow_up FROM records";
        where += " AND follow_up IS NOT NULL AND follow_up <= ?4";
        if (!afterId.isNull())
            where += " AND (follow_up, id) > (?2, ?3)";
        order = " ORDER BY follow_up, id";
        break;
    case Order::ByName:
        sql += "name_key FROM records";
        where += " AND name_key >= ?5 AND name_key < ?6";
        if (!afterId.isNull())
            where += " AND (name_key, id) > (?2, ?3)";
        order = " ORDER BY name_key, id";
        break;
    }
    if (!filter.parentId.isNull())
        where += " AND parent_id = ?7";
    if (filter.shared)
        where += " AND shared = ?8";
    if (filter.openItemsOnly)
        where += " AND open_items > 0";
    if (filter.ownBy) {
        // Two index ranges (records_by_author_time), author NULL (created here) and author =
        // the user, each cut at the page size, then merged: an OR would walk every other
        // user's record newer than the page.
        const QByteArray branch = sql + where;
        sql = "SELECT * FROM (SELECT * FROM (" + branch + " AND author IS NULL" + order +
              " LIMIT ?9) UNION ALL SELECT * FROM (" + branch + " AND author = ?10" + order +
              " LIMIT ?9))" + order + " LIMIT ?9";
    } else {
        sql += where + order + " LIMIT ?9";
    }

    sql::Statement &st = m_db.cached(sql.constData());
    st.bind(1, keyOf(type));
    if (!afterId.isNull()) {
        if (afterKey.isInteger())
            st.bind(2, afterKey.toInteger());
        else
            st.bind(2, afterKey.toString());
        st.bindId(3, afterId);
    }
    if (filter.order == Order::FollowUpFirst)
        st.bind(4, filter.followUpOnOrBefore.toString(Qt::ISODate));
    if (filter.order == Order::ByName) {
        const QString prefix = filter.namePrefix.value_or(QString()).trimmed().toCaseFolded();
        const char32_t last = 0x10FFFF;
        st.bind(5, prefix).bind(6, prefix + QString::fromUcs4(&last, 1));
    }
    if (!filter.parentId.isNull())
        st.bindId(7, filter.parentId);
    if (filter.shared)
        st.bind(8, *filter.shared);
    if (filter.ownBy)
        st.bindId(10, *filter.ownBy);
    st.bind(9, limit + 1);

    Page<StoredRecord> page;
    page.items.reserve(limit);
    QCborValue lastKey;
    const Status read = st.forEachRow([&](const sql::Statement &row) {
        if (page.items.size() == limit) {
            page.next =
                QCborArray{lastKey, page.items.last().id.toRfc4122()}.toCborValue().toCbor();
            return false;
        }
        page.items.append({row.id(0), QCborValue::fromCbor(row.blob(1)).toMap()});
        lastKey =
            filter.order == Order::NewestFirst ? QCborValue(row.int64(2)) : QCborValue(row.text(2));
        return true;
    });
    st.reset();
    if (!read)
        return read.error();
    return page;
}

Result<qint64> RecordTable::count(RecordType type)
{
    sql::Statement &st = m_db.cached("SELECT count(*) FROM records WHERE type = ? AND deleted = 0");
    st.bind(1, keyOf(type));
    Result<bool> row = st.step();
    if (!row)
        return row.error();
    const qint64 n = st.int64(0);
    st.reset();
    return n;
}

Result<qint64> RecordTable::countOwn(RecordType type, const QUuid &localUser)
{
    // Two index ranges, as in list().
    sql::Statement &st = m_db.cached(
        "SELECT (SELECT count(*) FROM records WHERE type = ?1 AND deleted = 0 AND author IS NULL)"
        " + (SELECT count(*) FROM records WHERE type = ?1 AND deleted = 0 AND author = ?2)");
    st.bind(1, keyOf(type)).bindId(2, localUser);
    Result<bool> row = st.step();
    if (!row)
        return row.error();
    const qint64 n = st.int64(0);
    st.reset();
    return n;
}

Result<QHash<QUuid, qint64>> RecordTable::newestChildAt(RecordType type,
                                                        const QList<QUuid> &parents)
{
    QHash<QUuid, qint64> newest;
    if (parents.isEmpty())
        return newest;
    // One statement for a page of parents, served by records_by_parent.
    QByteArray sql = "SELECT parent_id, max(sort_at) FROM records WHERE type = ?1 AND deleted = 0 "
                     "AND parent_id IN (?2";
    for (int i = 1; i < parents.size(); ++i)
        sql += ", ?" + QByteArray::number(i + 2);
    sql += ") GROUP BY parent_id";
    sql::Statement st = m_db.prepare(sql.constData());
    st.bind(1, keyOf(type));
    for (int i = 0; i < parents.size(); ++i)
        st.bindId(i + 2, parents[i]);
    if (Status s =
            st.forEachRow([&](const sql::Statement &r) { newest.insert(r.id(0), r.int64(1)); });
        !s)
        return s.error();
    return newest;
}

} // namespace wp
