// SPDX-License-Identifier: GPL-3.0-or-later
#include "Resync.h"

#include "AuditChain.h"
#include "Sqlite.h"

#include <QDateTime>

namespace wp {

Status Resync::load()
{
    sql::Statement st = m_db.prepare("SELECT value FROM meta WHERE key = 'resync_known_seq'");
    Result<bool> row = st.step();
    if (!row)
        return row.error();
    m_active = *row;
    m_knownSeq = *row ? st.text(0).toULongLong() : 0;
    return {};
}

Status Resync::begin(std::uint64_t pulledUpTo)
{
    const std::uint64_t known = m_active ? std::max(m_knownSeq, pulledUpTo) : pulledUpTo;
    // Every record, tombstones too: a tombstone the server has dropped goes as well, as a
    // fresh device never holds it.
    if (Status s = m_db.exec("DELETE FROM resync_unconfirmed;"
                             "INSERT INTO resync_unconfirmed(record_id) SELECT id FROM records");
        !s)
        return s;
    sql::Statement &st =
        m_db.cached("INSERT OR REPLACE INTO meta(key, value) VALUES ('resync_known_seq', ?)");
    st.bind(1, QString::number(known));
    if (Status s = st.exec(); !s)
        return s;
    m_active = true;
    m_knownSeq = known;
    return {};
}

Status Resync::confirm(const QList<RemoteChange> &changes)
{
    if (!m_active)
        return {};
    sql::Statement &st = m_db.cached("DELETE FROM resync_unconfirmed WHERE record_id = ?");
    for (const RemoteChange &c : changes) {
        st.reset();
        st.bindId(1, c.recordId);
        if (Status s = st.exec(); !s)
            return s;
    }
    return {};
}

Result<ResyncSweep> Resync::sweep(int limit)
{
    ResyncSweep out;
    if (!m_active) {
        out.finished = true;
        return out;
    }
    Result<sql::Transaction> tx = sql::Transaction::begin(m_db);
    if (!tx)
        return tx.error();

    struct Gone
    {
        QUuid id;
        qint64 rowid = 0;
        QString typeKey;
        bool deleted = false;
    };
    QList<Gone> gone;
    {
        sql::Statement &st = m_db.cached(
            "SELECT u.record_id, r.rowid, r.type, r.deleted FROM resync_unconfirmed AS u "
            "JOIN records AS r ON r.id = u.record_id "
            "WHERE NOT EXISTS (SELECT 1 FROM outbox AS o WHERE o.record_id = u.record_id) "
            "LIMIT ?");
        st.bind(1, qBound(1, limit, 100000));
        const Status read = st.forEachRow([&](const sql::Statement &row) {
            gone.append({row.id(0), row.int64(1), row.text(2), row.int64(3) != 0});
        });
        if (!read)
            return read.error();
    }

    // The audit chain's head is read and stored once per step, not once per record.
    Result<AuditChain::Batch> audit = m_audit.batch();
    if (!audit)
        return audit.error();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const Gone &g : std::as_const(gone)) {
        // A live record's search row is -rowid (RecordTable::writeRow); a tombstone has none.
        if (!g.deleted) {
            sql::Statement &fts = m_db.cached("DELETE FROM search WHERE rowid = ?");
            fts.bind(1, -g.rowid);
            if (Status s = fts.exec(); !s)
                return s.error();
        }
        // An open conflict's search row is the copy's id (Schema.cpp, toV8).
        sql::Statement &copies = m_db.cached("DELETE FROM search WHERE rowid IN (SELECT id FROM "
                                             "conflict_copies WHERE record_id = ?)");
        copies.bindId(1, g.id);
        if (Status s = copies.exec(); !s)
            return s.error();
        // field_stamps refers to records: it goes first.
        for (const char *sql :
             {"DELETE FROM field_stamps WHERE record_id = ?",
              "DELETE FROM conflict_copies WHERE record_id = ?", "DELETE FROM records WHERE id = ?",
              "DELETE FROM resync_unconfirmed WHERE record_id = ?"}) {
            sql::Statement &st = m_db.cached(sql);
            st.bindId(1, g.id);
            if (Status s = st.exec(); !s)
                return s.error();
        }
        if (const auto type = fromKey<RecordType>(g.typeKey)) {
            if (Status s = m_audit.append(QStringLiteral("resync-remove"), g.id, *type, {}, now);
                !s)
                return s.error();
        }
    }
    if (Status s = audit->finish(); !s)
        return s.error();
    out.removed = int(gone.size());
    out.more = gone.size() >= limit;

    if (!out.more) {
        // What is left are records with unsent changes. One still queued keeps the resync
        // open: once the server has the change, the next pull confirms the record, or the
        // record was deleted there and the next sweep removes it.
        Result<qint64> waiting = m_db.scalar(
            "SELECT count(*) FROM resync_unconfirmed AS u WHERE EXISTS (SELECT 1 FROM outbox "
            "AS o WHERE o.record_id = u.record_id AND o.failed_reason IS NULL)");
        if (!waiting)
            return waiting.error();
        out.waiting = int(*waiting);
        if (*waiting == 0) {
            if (Status s = m_db.exec("DELETE FROM resync_unconfirmed;"
                                     "DELETE FROM meta WHERE key = 'resync_known_seq'");
                !s)
                return s.error();
            out.finished = true;
        }
    }
    if (Status s = tx->commit(); !s)
        return s.error();
    if (out.finished) {
        m_active = false;
        m_knownSeq = 0;
    }
    return out;
}

} // namespace wp
