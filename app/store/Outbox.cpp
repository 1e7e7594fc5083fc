// SPDX-License-Identifier: GPL-3.0-or-later
#include "Outbox.h"

#include "Sqlite.h"

#include <QCborArray>
#include <QCborValue>

namespace wp {

namespace {

// Only stamps that differ from the entry's own stamp are stored: a local change stamps all
// its fields alike, and 13 copies of a 58-character stamp would outweigh a short entry.
QByteArray stampsToCbor(const QMap<QString, HlcStamp> &stamps, const HlcStamp &common)
{
    QCborMap map;
    for (auto it = stamps.begin(); it != stamps.end(); ++it)
        if (it.value() != common)
            map.insert(it.key(), it.value().toString());
    return map.toCborValue().toCbor();
}

QMap<QString, HlcStamp> stampsFromCbor(const QByteArray &bytes, const QCborMap &fields,
                                       const HlcStamp &common)
{
    QMap<QString, HlcStamp> out;
    for (auto it = fields.begin(); it != fields.end(); ++it)
        out.insert(it.key().toString(), common);
    const QCborMap map = QCborValue::fromCbor(bytes).toMap();
    for (auto it = map.begin(); it != map.end(); ++it)
        out.insert(it.key().toString(), HlcStamp::fromString(it.value().toString()));
    return out;
}

} // namespace

Result<qint64> Outbox::append(const RecordChange &change, qint64 nowMs)
{
    sql::Statement &st = m_db.cached(
        "INSERT INTO outbox(record_id, type, changes, stamps, deleted, hlc, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)");
    st.bindId(1, change.recordId)
        .bind(2, keyOf(change.type))
        .bindBlob(3, change.fields.toCborValue().toCbor())
        .bindBlob(4, stampsToCbor(change.stamps, change.stamp))
        .bind(5, change.deleted)
        .bind(6, change.stamp.toString())
        .bind(7, nowMs);
    if (Status s = st.exec(); !s)
        return s.error();
    return m_db.lastInsertRowId();
}

namespace {

// Columns 0..7: seq, record_id, type, changes, stamps, deleted, hlc, created_at.
OutboxEntry entryFrom(const sql::Statement &st)
{
    OutboxEntry e;
    e.seq = st.int64(0);
    e.change.recordId = st.id(1);
    e.change.type = fromKey<RecordType>(st.text(2)).value_or(RecordType::DiaryEntry);
    e.change.fields = QCborValue::fromCbor(st.blob(3)).toMap();
    e.change.deleted = st.int64(5) != 0;
    e.change.stamp = HlcStamp::fromString(st.text(6));
    e.change.stamps = stampsFromCbor(st.blob(4), e.change.fields, e.change.stamp);
    e.createdAt = QDateTime::fromMSecsSinceEpoch(st.int64(7), Qt::UTC);
    return e;
}

} // namespace

Result<QList<OutboxEntry>> Outbox::pending(int limit, qint64 afterSeq)
{
    sql::Statement &st = m_db.cached(
        "SELECT seq, record_id, type, changes, stamps, deleted, hlc, created_at FROM outbox "
        "WHERE seq > ? AND failed_reason IS NULL ORDER BY seq LIMIT ?");
    st.bind(1, afterSeq).bind(2, qBound(1, limit, 10000));
    QList<OutboxEntry> out;
    const Status read =
        st.forEachRow([&](const sql::Statement &row) { out.append(entryFrom(row)); });
    if (!read)
        return read.error();
    return out;
}

Status Outbox::markFailed(const QList<std::pair<qint64, QString>> &seqReasons, qint64 nowMs)
{
    Result<sql::Transaction> tx = sql::Transaction::begin(m_db);
    if (!tx)
        return tx.error();
    sql::Statement &st =
        m_db.cached("UPDATE outbox SET failed_reason = ?, failed_at = ? WHERE seq = ?");
    for (const auto &[seq, reason] : seqReasons) {
        st.reset();
        st.bind(1, reason.isEmpty() ? QStringLiteral("refused") : reason).bind(2, nowMs);
        st.bind(3, seq);
        if (Status s = st.exec(); !s)
            return s;
    }
    return tx->commit();
}

Result<QList<FailedChange>> Outbox::failed(int limit)
{
    sql::Statement &st = m_db.cached(
        "SELECT seq, record_id, type, changes, stamps, deleted, hlc, created_at, failed_reason, "
        "failed_at FROM outbox WHERE failed_reason IS NOT NULL ORDER BY seq LIMIT ?");
    st.bind(1, qBound(1, limit, 10000));
    QList<FailedChange> out;
    const Status read = st.forEachRow([&](const sql::Statement &row) {
        out.append(
            {entryFrom(row), row.text(8), QDateTime::fromMSecsSinceEpoch(row.int64(9), Qt::UTC)});
    });
    if (!read)
        return read.error();
    return out;
}

Result<qint64> Outbox::failedCount()
{
    return m_db.scalar("SELECT count(*) FROM outbox WHERE failed_reason IS NOT NULL");
}

Status Outbox::retryFailed()
{
    return m_db.exec("UPDATE outbox SET failed_reason = NULL, failed_at = NULL "
                     "WHERE failed_reason IS NOT NULL");
}

Status Outbox::dismissFailed(qint64 seq)
{
    sql::Statement &find =
        m_db.cached("SELECT 1 FROM outbox WHERE seq = ? AND failed_reason IS NOT NULL");
    find.bind(1, seq);
    Result<bool> found = find.step();
    find.reset();
    if (!found)
        return found.error();
    if (!*found)
        return Error(ErrorCode::NotFound, QStringLiteral("no such refused change"));
    sql::Statement &drop = m_db.cached("DELETE FROM outbox WHERE seq = ?");
    drop.bind(1, seq);
    return drop.exec();
}

Status Outbox::markApplied(const QList<qint64> &seqs)
{
    if (seqs.isEmpty())
        return {};
    // One statement per pushed batch, not one per entry: the seqs travel as one JSON array
    // (SQLite's json_each).
    QString list;
    list.reserve(seqs.size() * 8 + 2);
    list += u'[';
    for (qsizetype i = 0; i < seqs.size(); ++i) {
        if (i)
            list += u',';
        list += QString::number(seqs[i]);
    }
    list += u']';
    Result<sql::Transaction> tx = sql::Transaction::begin(m_db);
    if (!tx)
        return tx.error();
    sql::Statement &st =
        m_db.cached("DELETE FROM outbox WHERE seq IN (SELECT value FROM json_each(?))");
    st.bind(1, list);
    if (Status s = st.exec(); !s)
        return s;
    return tx->commit();
}

Result<qint64> Outbox::count()
{
    // A bare count(*) walks the smallest index, not the rows and their change blobs: an
    // unsynced outbox can hold 100,000 entries and this runs on every unlock and save.
    Result<qint64> all = m_db.scalar("SELECT count(*) FROM outbox");
    if (!all)
        return all;
    Result<qint64> failed = failedCount();
    if (!failed)
        return failed;
    return *all - *failed;
}

Result<QStringList> Outbox::pendingFields(const QUuid &recordId)
{
    sql::Statement &st = m_db.cached("SELECT changes FROM outbox WHERE record_id = ?");
    st.bindId(1, recordId);
    QStringList out;
    const Status read = st.forEachRow([&](const sql::Statement &row) {
        const QCborMap map = QCborValue::fromCbor(row.blob(0)).toMap();
        for (auto it = map.begin(); it != map.end(); ++it)
            if (!out.contains(it.key().toString()))
                out.append(it.key().toString());
    });
    if (!read)
        return read.error();
    return out;
}

} // namespace wp
