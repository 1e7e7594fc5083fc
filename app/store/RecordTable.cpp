// SPDX-License-Identifier: GPL-3.0-or-later
#include "RecordTable.h"

#include "AuditChain.h"
#include "Authorship.h"
#include "Outbox.h"
#include "SearchWrites.h"
#include "Sqlite.h"

#include <QCborArray>
#include <QCborValue>
#include <QCoreApplication>

namespace wp {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Store", text);
}

Error notFound()
{
    return {ErrorCode::NotFound, tr("That record does not exist or was deleted.")};
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

// ---------------------------------------------------------------- rows

Result<std::optional<RecordTable::StoredRow>> RecordTable::loadRow(const QUuid &id)
{
    sql::Statement &st = m_db.cached(
        "SELECT rowid, type, fields, deleted, created_hlc, author FROM records WHERE id = ?");
    st.bindId(1, id);
    Result<bool> row = st.step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<StoredRow>();
    StoredRow r;
    r.rowid = st.int64(0);
    r.typeKey = st.text(1);
    r.fields = QCborValue::fromCbor(st.blob(2)).toMap();
    r.deleted = st.int64(3) != 0;
    r.createdStamp = HlcStamp::fromString(st.text(4));
    r.author = st.id(5);
    st.reset();
    return std::optional<StoredRow>(std::move(r));
}

Result<std::optional<RecordTable::Snapshot>> RecordTable::snapshot(const QUuid &id)
{
    Result<std::optional<StoredRow>> row = loadRow(id);
    if (!row)
        return row.error();
    if (!*row || (*row)->deleted)
        return std::optional<Snapshot>();
    Snapshot out;
    out.createdStamp = (*row)->createdStamp;
    out.shared = (*row)->typeKey == keyOf(RecordType::DiaryEntry) &&
                 (*row)->fields.value(QStringLiteral("shared")).toBool();
    if (!out.shared)
        return std::optional<Snapshot>(std::move(out)); // the usual case: one row read
    Result<QMap<QString, HlcStamp>> own = loadStamps(id);
    if (!own)
        return own.error();
    out.fields = (*row)->fields;
    // A field without its own stamp has the record's creation stamp.
    for (auto it = out.fields.constBegin(); it != out.fields.constEnd(); ++it) {
        const QString field = it.key().toString();
        out.stamps.insert(field, own->value(field, out.createdStamp));
    }
    return std::optional<Snapshot>(std::move(out));
}

Result<RecordTable::StoredRow> RecordTable::liveRow(RecordType type, const QUuid &id)
{
    Result<std::optional<StoredRow>> row = loadRow(id);
    if (!row)
        return row.error();
    if (!*row || (*row)->deleted || (*row)->typeKey != keyOf(type))
        return notFound();
    return **row;
}

Result<QMap<QString, HlcStamp>> RecordTable::loadStamps(const QUuid &id)
{
    sql::Statement &st = m_db.cached("SELECT field, hlc FROM field_stamps WHERE record_id = ?");
    st.bindId(1, id);
    QMap<QString, HlcStamp> out;
    const Status read = st.forEachRow([&](const sql::Statement &row) {
        out.insert(row.text(0), HlcStamp::fromString(row.text(1)));
    });
    if (!read)
        return read.error();
    return out;
}

Status RecordTable::writeRow(std::optional<qint64> rowid, RecordType type, const QUuid &id,
                             const QCborMap &fields, const DerivedColumns &derived,
                             const HlcStamp &stamp, const HlcStamp &createdStamp, bool deleted,
                             SearchWrites *deferred, const QUuid &author)
{
    const IndexColumns &ix = derived.index;
    sql::Statement &st =
        rowid
            ? m_db.cached("UPDATE records SET fields = ?, deleted = ?, updated_hlc = ?, "
                          "parent_id = ?, sort_at = ?, follow_up = ?, shared = ?, open_items = ?, "
                          "name_key = ? WHERE rowid = ?")
            : m_db.cached("INSERT INTO records(fields, deleted, updated_hlc, parent_id, sort_at, "
                          "follow_up, shared, open_items, name_key, id, type, created_hlc, author) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    const QString stampText = stamp.toString();
    st.bindBlob(1, fields.toCborValue().toCbor()).bind(2, deleted).bind(3, stampText);
    st.bindId(4, deleted ? QUuid() : ix.parentId).bind(5, ix.sortAt);
    st.bind(6, deleted ? QString() : ix.followUp);
    if (ix.shared && !deleted)
        st.bind(7, *ix.shared);
    else
        st.bindNull(7);
    st.bind(8, deleted ? 0 : ix.openItems).bind(9, deleted ? QString() : ix.nameKey);
    if (rowid) {
        st.bind(10, *rowid);
    } else {
        st.bindId(10, id).bind(11, keyOf(type));
        st.bind(12, createdStamp.isNull()
                        ? QStringLiteral("")
                        : (createdStamp == stamp ? stampText : createdStamp.toString()));
        st.bindId(13, author);
    }
    if (Status s = st.exec(); !s)
        return s;

    // Negative: FTS5 walks a doclist forwards cheaply but loads all of it to walk backwards,
    // so ascending search rowids must mean newest records first.
    const qint64 searchRow = -(rowid ? *rowid : m_db.lastInsertRowId());
    if (deferred) {
        if (deleted)
            deferred->remove(searchRow, rowid.has_value());
        else
            deferred->put(searchRow, derived.search.body, rowid.has_value());
        return {};
    }
    if (rowid) {
        sql::Statement &del = m_db.cached("DELETE FROM search WHERE rowid = ?");
        del.bind(1, searchRow);
        if (Status s = del.exec(); !s)
            return s;
    }
    if (deleted)
        return {};
    sql::Statement &fts = m_db.cached("INSERT INTO search(rowid, body) VALUES (?, ?)");
    fts.bind(1, searchRow).bind(2, derived.search.body);
    return fts.exec();
}

Status RecordTable::writeStamps(const QUuid &id, const QMap<QString, HlcStamp> &stamps)
{
    sql::Statement &st =
        m_db.cached("INSERT OR REPLACE INTO field_stamps(record_id, field, hlc) VALUES (?, ?, ?)");
    for (auto it = stamps.begin(); it != stamps.end(); ++it) {
        st.reset();
        st.bindId(1, id).bind(2, it.key()).bind(3, it.value().toString());
        if (Status s = st.exec(); !s)
            return s;
    }
    return {};
}

Status RecordTable::saveClock()
{
    sql::Statement &st =
        m_db.cached("INSERT OR REPLACE INTO meta(key, value) VALUES ('last_hlc', ?)");
    st.bind(1, m_clock.last().toString());
    return st.exec();
}

// ---------------------------------------------------------------- local changes

Result<QStringList> RecordTable::write(RecordType type, const QUuid &id, const QCborMap &fields,
                                       const DerivedColumns &derived)
{
    Result<sql::Transaction> tx = sql::Transaction::begin(m_db);
    if (!tx)
        return tx.error();
    Result<std::optional<StoredRow>> existing = loadRow(id);
    if (!existing)
        return existing.error();
    if (*existing && ((*existing)->deleted || (*existing)->typeKey != keyOf(type)))
        return notFound();

    QCborMap changes;
    if (*existing) {
        const QCborMap &old = (*existing)->fields;
        for (auto it = fields.begin(); it != fields.end(); ++it)
            if (old.value(it.key()) != it.value())
                changes.insert(it.key(), it.value());
        for (auto it = old.begin(); it != old.end(); ++it)
            if (!fields.contains(it.key()))
                changes.insert(it.key(), QCborValue());
        if (changes.isEmpty())
            return QStringList(); // nothing changed: nothing to sync or audit
    } else {
        changes = fields;
    }

    const HlcStamp stamp = m_clock.now();
    QStringList names;
    RecordChange change{id, type, changes, {}, false, stamp};
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        names.append(it.key().toString());
        change.stamps.insert(names.last(), stamp);
    }

    const std::optional<qint64> rowid =
        *existing ? std::optional<qint64>((*existing)->rowid) : std::nullopt;
    if (Status s = writeRow(rowid, type, id, fields, derived, stamp, stamp, false); !s)
        return s.error();
    // A new record's fields all carry created_hlc; only later changes need their own stamps.
    if (rowid) {
        if (Status s = writeStamps(id, change.stamps); !s)
            return s.error();
    }
    const qint64 now = nowMs();
    if (Result<qint64> seq = m_outbox.append(change, now); !seq)
        return seq.error();
    if (Status s = m_audit.append(rowid ? QStringLiteral("update") : QStringLiteral("create"), id,
                                  type, names, now);
        !s)
        return s.error();
    if (Status s = saveClock(); !s)
        return s.error();
    if (Status s = tx->commit(); !s)
        return s.error();
    return names;
}

Result<QCborMap> RecordTable::read(RecordType type, const QUuid &id)
{
    Result<StoredRow> row = liveRow(type, id);
    if (!row)
        return row.error();
    return row->fields;
}

Result<bool> RecordTable::changeableBy(const QUuid &id, const QUuid &localUser)
{
    Result<std::optional<StoredRow>> row = loadRow(id);
    if (!row)
        return row.error();
    if (!*row || (*row)->deleted)
        return notFound();
    const std::optional<RecordType> type = fromKey<RecordType>((*row)->typeKey);
    if (!type)
        return notFound();
    const QUuid author = (*row)->author.isNull() ? localUser : (*row)->author;
    return mayChange(*type, author, localUser);
}

Status RecordTable::tombstone(const StoredRow &row, RecordType type, const QUuid &id,
                              const HlcStamp &stamp, SearchWrites *deferred)
{
    // The tombstone keeps no content: the fields, stamps, search text, unsent changes and
    // conflict copies of the record go (secure_delete overwrites the freed pages).
    if (Status s = writeRow(row.rowid, type, id, QCborMap(), DerivedColumns(), stamp,
                            row.createdStamp, true, deferred);
        !s)
        return s;
    for (const char *sql : {"DELETE FROM field_stamps WHERE record_id = ?",
                            "DELETE FROM outbox WHERE record_id = ?"}) {
        sql::Statement &st = m_db.cached(sql);
        st.bindId(1, id);
        if (Status s = st.exec(); !s)
            return s;
    }
    return removeConflictCopies(id, deferred);
}

Status RecordTable::removeConflictCopies(const QUuid &id, SearchWrites *deferred)
{
    QList<qint64> copies;
    sql::Statement &ids = m_db.cached("SELECT id FROM conflict_copies WHERE record_id = ?");
    ids.bindId(1, id);
    if (Status s = ids.forEachRow([&](const sql::Statement &row) { copies.append(row.int64(0)); });
        !s)
        return s;
    for (const qint64 copy : std::as_const(copies)) {
        // A copy kept earlier in the same pulled page is only in the batch: drop it there too.
        if (deferred)
            deferred->remove(copy, false);
        sql::Statement &fts = m_db.cached("DELETE FROM search WHERE rowid = ?");
        fts.bind(1, copy);
        if (Status s = fts.exec(); !s)
            return s;
    }
    sql::Statement &st = m_db.cached("DELETE FROM conflict_copies WHERE record_id = ?");
    st.bindId(1, id);
    return st.exec();
}

Status RecordTable::remove(RecordType type, const QUuid &id)
{
    Result<sql::Transaction> tx = sql::Transaction::begin(m_db);
    if (!tx)
        return tx.error();
    Result<StoredRow> row = liveRow(type, id);
    if (!row)
        return row.error();
    const HlcStamp stamp = m_clock.now();
    if (Status s = tombstone(*row, type, id, stamp); !s)
        return s;
    const qint64 now = nowMs();
    RecordChange change{id, type, {}, {}, true, stamp};
    if (Result<qint64> seq = m_outbox.append(change, now); !seq)
        return seq.error();
    // The record's words leave the search index's segments (see erase).
    if (Status s = m_db.exec("INSERT INTO search(search) VALUES ('optimize')"); !s)
        return s;
    if (Status s = m_audit.append(QStringLiteral("delete"), id, type, {}, now); !s)
        return s;
    if (Status s = saveClock(); !s)
        return s;
    return tx->commit();
}

Result<QList<QUuid>> RecordTable::erase(RecordType type, const QUuid &id)
{
    Result<sql::Transaction> tx = sql::Transaction::begin(m_db);
    if (!tx)
        return tx.error();
    Result<StoredRow> row = liveRow(type, id);
    if (!row)
        return row.error();

    QList<QUuid> linked;
    {
        sql::Statement &st =
            m_db.cached("SELECT id FROM records WHERE parent_id = ? AND deleted = 0");
        st.bindId(1, id);
        if (Status s = st.forEachRow([&](const sql::Statement &r) { linked.append(r.id(0)); }); !s)
            return s.error();
    }

    const qint64 now = nowMs();
    const auto erased = [&](const QUuid &recordId, RecordType recordType,
                            const StoredRow &stored) -> Status {
        const HlcStamp stamp = m_clock.now();
        if (Status s = tombstone(stored, recordType, recordId, stamp); !s)
            return s;
        RecordChange change{recordId, recordType, {}, {}, true, stamp};
        if (Result<qint64> seq = m_outbox.append(change, now); !seq)
            return seq.error();
        return {};
    };
    for (const QUuid &child : std::as_const(linked)) {
        Result<std::optional<StoredRow>> stored = loadRow(child);
        if (!stored)
            return stored.error();
        const auto childType = fromKey<RecordType>((*stored)->typeKey);
        if (!childType)
            return Error{ErrorCode::Internal, tr("Unknown record type.")};
        if (Status s = erased(child, *childType, **stored); !s)
            return s.error();
    }
    if (Status s = erased(id, type, *row); !s)
        return s.error();

    // Contentless FTS5 only marks deleted rows; their words stay in the index's segments
    // until a merge rewrites them. Merging everything now drops them.
    if (Status s = m_db.exec("INSERT INTO search(search) VALUES ('optimize')"); !s)
        return s.error();
    if (Status s = m_audit.append(QStringLiteral("erase"), id, type,
                                  {QStringLiteral("linked_records=%1").arg(linked.size())}, now);
        !s)
        return s.error();
    if (Status s = saveClock(); !s)
        return s.error();
    if (Status s = tx->commit(); !s)
        return s.error();
    return linked;
}

// ---------------------------------------------------------------- remote changes

Status RecordTable::merge(const RecordChange &change, const QUuid &localUser, MergeReport &report,
                          SearchWrites &search)
{
    // Observing the newest stamp alone moves the clock past all of them. (Equal stamps, the
    // usual case, are skipped before ordering them, which compares device ids as bytes.)
    HlcStamp newest = change.stamp;
    for (const HlcStamp &s : change.stamps) {
        if (!(s == newest) && s > newest)
            newest = s;
    }
    // A pulled change is checked like local input before anything is written: a signed
    // change can still carry a rating of 99, a text past its limit, a text that is a number
    // or a stamp years ahead (a broken or hostile device of the user's). It is set aside, not
    // merged, and the clock does not move.
    const auto setAside = [&](const QString &reason, const QString &field) {
        report.setAside.append({change.recordId, change.type, change.author, change.audience,
                                reason, field, change.serverSeq, change.stamp,
                                QDateTime::currentDateTimeUtc()});
        return Status();
    };
    if (!change.deleted) {
        if (Status valid = checkFieldMap(change.type, change.fields); !valid)
            return setAside(QStringLiteral("invalid_content"), valid.error().field);
    }
    Result<std::optional<StoredRow>> loaded = loadRow(change.recordId);
    if (!loaded)
        return loaded.error();
    const std::optional<StoredRow> &existing = *loaded;
    // Only the record's author changes it: a change signed by anyone else (a breached server
    // serving a colleague's forged tombstone, say) leaves the record, its text and the unsent
    // edits as they are. A record new here belongs to whoever created it.
    if (existing) {
        const QUuid author = existing->author.isNull() ? localUser : existing->author;
        if (!mayChange(change.type, author, change.author))
            return setAside(QStringLiteral("not_author"), {});
    }
    if (!m_clock.observe(newest))
        return setAside(QStringLiteral("clock_ahead"), {});
    if (existing && existing->typeKey != keyOf(change.type)) {
        ++report.unreadable; // the same id with another type: refuse rather than mix them
        return {};
    }
    const qint64 now = nowMs();

    // Deletion wins over any field change: a deleted record stays deleted.
    if (change.deleted) {
        if (existing && existing->deleted) {
            ++report.ignored;
            return {};
        }
        if (existing) {
            if (Status s =
                    tombstone(*existing, change.type, change.recordId, change.stamp, &search);
                !s)
                return s;
            ++report.removed;
        } else if (Status s = writeRow(std::nullopt, change.type, change.recordId, QCborMap(),
                                       DerivedColumns(), change.stamp, HlcStamp(), true, &search,
                                       change.author);
                   !s) {
            return s;
        }
        ++report.applied;
        report.changedRecords.append(change.recordId);
        return m_audit.append(QStringLiteral("merge-delete"), change.recordId, change.type, {},
                              now);
    }
    if (existing && existing->deleted) {
        report.ignored += int(change.fields.size());
        return {};
    }

    QMap<QString, HlcStamp> localStamps;
    QStringList pending;
    if (existing) {
        Result<QMap<QString, HlcStamp>> stamps = loadStamps(change.recordId);
        if (!stamps)
            return stamps.error();
        localStamps = *stamps;
        Result<QStringList> p = m_outbox.pendingFields(change.recordId);
        if (!p)
            return p.error();
        pending = *p;
    }

    QCborMap merged;
    QMap<QString, HlcStamp> won;
    QStringList names;
    if (!existing) {
        // A record new here is taken as sent. It takes the change's stamp as its created_hlc,
        // as a local creation does, and only fields stamped otherwise get a field_stamps row:
        // an initial pull would otherwise write one row per field of every record.
        merged = change.fields;
        names.reserve(change.fields.size());
        for (auto it = change.fields.begin(); it != change.fields.end(); ++it) {
            names.append(it.key().toString());
            const auto stamp = change.stamps.constFind(names.last());
            if (stamp != change.stamps.cend() && !(*stamp == change.stamp))
                won.insert(names.last(), *stamp);
        }
        report.applied += int(names.size());
    } else {
        merged = existing->fields;
    }
    for (auto it = change.fields.begin(); existing && it != change.fields.end(); ++it) {
        const QString field = it.key().toString();
        const HlcStamp remote = change.stamps.value(field, change.stamp);
        const HlcStamp local = localStamps.value(field, existing->createdStamp);
        const QCborValue mine = merged.value(field);
        // This device's own earlier change coming back in a pull is not concurrent with its
        // later edit: the device wrote that edit over it.
        const bool concurrentText = isFreeText(change.type, field) && pending.contains(field) &&
                                    mine != it.value() && remote.device != m_clock.device();
        if (remote > local) {
            if (concurrentText && !mine.toString().isEmpty()) {
                if (Status s = keepConflictCopy(change, field, mine.toString(), local, search); !s)
                    return s;
                ++report.conflicts;
            }
            merged.insert(field, it.value());
            won.insert(field, remote);
            names.append(field);
            ++report.applied;
        } else {
            ++report.ignored;
            if (concurrentText && !it.value().toString().isEmpty()) {
                if (Status s =
                        keepConflictCopy(change, field, it.value().toString(), remote, search);
                    !s)
                    return s;
                ++report.conflicts;
            }
        }
    }
    if (names.isEmpty())
        return {};

    Result<DerivedColumns> derived = derive(change.type, change.recordId, merged);
    if (!derived)
        ++report.unreadable; // kept as sent; lists and search skip what they cannot read
    const DerivedColumns columns = derived ? *derived : DerivedColumns();
    const std::optional<qint64> rowid =
        existing ? std::optional<qint64>(existing->rowid) : std::nullopt;
    if (Status s = writeRow(rowid, change.type, change.recordId, merged, columns, change.stamp,
                            change.stamp, false, &search, change.author);
        !s)
        return s;
    if (Status s = writeStamps(change.recordId, won); !s)
        return s;
    report.changedRecords.append(change.recordId);
    return m_audit.append(QStringLiteral("merge"), change.recordId, change.type, names, now);
}

Status RecordTable::keepConflictCopy(const RecordChange &change, const QString &field,
                                     const QString &text, const HlcStamp &stamp,
                                     SearchWrites &search)
{
    sql::Statement &st = m_db.cached("INSERT INTO conflict_copies(record_id, type, field, text, "
                                     "hlc, kept_at) VALUES (?, ?, ?, ?, ?, ?)");
    st.bindId(1, change.recordId).bind(2, keyOf(change.type)).bind(3, field).bind(4, text);
    st.bind(5, stamp.toString()).bind(6, nowMs());
    if (Status s = st.exec(); !s)
        return s;
    // Searchable until resolved; its search row is the copy's id (Schema.cpp, toV8).
    search.put(m_db.lastInsertRowId(), text, false);
    return {};
}

} // namespace wp
