// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConflictCopies.h"

#include "AuditChain.h"
#include "RecordTable.h"
#include "Sqlite.h"

#include <QCborValue>
#include <QCoreApplication>

namespace wp {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Store", text);
}

} // namespace

Result<QList<Conflict>> ConflictCopies::query(const QUuid &recordId, qint64 id)
{
    // The record's side of the conflict is the field's current text, stamped by its newest
    // edit (its field_stamps row, else the record's creation).
    sql::Statement &st = m_db.cached(
        "SELECT c.id, c.record_id, c.type, c.field, c.text, c.hlc, c.kept_at, r.fields, "
        "coalesce(f.hlc, r.created_hlc) FROM conflict_copies AS c "
        "JOIN records AS r ON r.id = c.record_id AND r.deleted = 0 "
        "LEFT JOIN field_stamps AS f ON f.record_id = c.record_id AND f.field = c.field "
        "WHERE (?1 IS NULL OR c.record_id = ?1) AND (?2 = 0 OR c.id = ?2) ORDER BY c.id");
    st.bindId(1, recordId).bind(2, id);
    QList<Conflict> out;
    const Status read = st.forEachRow([&](const sql::Statement &row) {
        const auto type = fromKey<RecordType>(row.text(2));
        if (!type)
            return; // a type from a newer version: not shown rather than shown wrong
        Conflict c;
        c.id = row.int64(0);
        c.recordId = row.id(1);
        c.type = *type;
        c.field = row.text(3);
        const QString copy = row.text(4);
        const HlcStamp copyStamp = HlcStamp::fromString(row.text(5));
        c.keptAt = QDateTime::fromMSecsSinceEpoch(row.int64(6), Qt::UTC);
        const QString current = QCborValue::fromCbor(row.blob(7)).toMap().value(c.field).toString();
        const HlcStamp currentStamp = HlcStamp::fromString(row.text(8));
        // The copy holds this device's text when its edit was stamped here.
        c.mineWon = copyStamp.device != m_device;
        c.mine = c.mineWon ? current : copy;
        c.theirs = c.mineWon ? copy : current;
        c.mineStamp = c.mineWon ? currentStamp : copyStamp;
        c.theirsStamp = c.mineWon ? copyStamp : currentStamp;
        out.append(c);
    });
    if (!read)
        return read.error();
    return out;
}

Result<QList<Conflict>> ConflictCopies::list(const QUuid &recordId)
{
    return query(recordId, 0);
}

Result<qint64> ConflictCopies::count()
{
    return m_db.scalar("SELECT count(*) FROM conflict_copies AS c "
                       "JOIN records AS r ON r.id = c.record_id AND r.deleted = 0");
}

Result<Conflict> ConflictCopies::find(qint64 id)
{
    if (id <= 0)
        return Error{ErrorCode::NotFound, tr("That conflict does not exist or was resolved.")};
    Result<QList<Conflict>> found = query({}, id);
    if (!found)
        return found.error();
    if (found->isEmpty())
        return Error{ErrorCode::NotFound, tr("That conflict does not exist or was resolved.")};
    return found->first();
}

Status ConflictCopies::resolve(qint64 id, ConflictChoice choice, const QString &merged)
{
    Result<sql::Transaction> tx = sql::Transaction::begin(m_db);
    if (!tx)
        return tx.error();
    Result<Conflict> c = find(id);
    if (!c)
        return c.error();
    const QString text = choice == ConflictChoice::KeepMine     ? c->mine
                         : choice == ConflictChoice::KeepTheirs ? c->theirs
                                                                : merged;
    const QString current = c->mineWon ? c->mine : c->theirs;
    if (text != current) {
        Result<QCborMap> fields = m_table.read(c->type, c->recordId);
        if (!fields)
            return fields.error();
        fields->insert(c->field, text);
        if (Status valid = checkFieldMap(c->type, *fields); !valid)
            return valid;
        Result<DerivedColumns> derived = derive(c->type, c->recordId, *fields);
        if (!derived)
            return derived.error();
        if (Result<QStringList> written = m_table.write(c->type, c->recordId, *fields, *derived);
            !written)
            return written.error();
    }
    if (Status s = dismiss(id); !s)
        return s;
    if (Status s = m_audit.append(QStringLiteral("resolve-conflict"), c->recordId, c->type,
                                  {c->field}, QDateTime::currentMSecsSinceEpoch());
        !s)
        return s;
    return tx->commit();
}

Status ConflictCopies::dismiss(qint64 id)
{
    // Its search row is its id (Schema.cpp, toV8).
    for (const char *sql :
         {"DELETE FROM search WHERE rowid = ?", "DELETE FROM conflict_copies WHERE id = ?"}) {
        sql::Statement &st = m_db.cached(sql);
        st.bind(1, id);
        if (Status s = st.exec(); !s)
            return s;
    }
    return {};
}

} // namespace wp
