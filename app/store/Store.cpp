// SPDX-License-Identifier: GPL-3.0-or-later
#include "Store.h"

#include "InsightQueries.h"
#include "LogCategories.h"
#include "PrivateFiles.h"
#include "Schema.h"
#include "SearchWrites.h"
#include "Snippet.h"
#include "Sqlite.h"
#include "StoreLock.h"
#include "WipingAllocator.h"

#define SQLITE_HAS_CODEC 1
#include <sqlite3.h>

#include <QCborValue>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

namespace wp {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Store", text);
}

// sqlite3_key with the text "x'<64 hex digits>'" takes the bytes as the raw key and skips
// PBKDF2 (our key is already random). The text lives only in this wiped buffer.
Status applyKey(sql::Database &db, const SecretBytes &key)
{
    static constexpr char Hex[] = "0123456789abcdef";
    SecretBytes text(3 + 2 * key.size());
    unsigned char *out = text.data();
    *out++ = 'x';
    *out++ = '\'';
    for (std::size_t i = 0; i < key.size(); ++i) {
        *out++ = Hex[key.data()[i] >> 4];
        *out++ = Hex[key.data()[i] & 0xf];
    }
    *out = '\'';
    const int rc = sqlite3_key(db.handle(), text.data(), int(text.size()));
    if (rc != SQLITE_OK)
        return Error{ErrorCode::Crypto, tr("The store's key could not be applied.")};
    return {};
}

Result<QString> pragmaText(sql::Database &db, const char *sql)
{
    sql::Statement st = db.prepare(sql);
    Result<bool> row = st.step();
    if (!row)
        return row.error();
    return *row ? st.text(0) : QString();
}

// Each word becomes an FTS5 string ("..." with quotes doubled), so operators, columns and
// syntax in user input are just text. With `prefix`, the last word (3+ characters: a shorter
// prefix would merge the postings of hundreds of words) matches as a prefix.
QString ftsQuery(const QString &input, bool prefix)
{
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    QStringList words;
    for (QString word : input.split(spaces, Qt::SkipEmptyParts)) {
        const bool hasText =
            std::any_of(word.cbegin(), word.cend(), [](QChar c) { return c.isLetterOrNumber(); });
        if (!hasText)
            continue;
        word.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        words.append(QLatin1Char('"') + word + QLatin1Char('"'));
        if (words.size() == 16)
            break;
    }
    if (prefix && !words.isEmpty() && words.last().size() >= 2 + 3)
        words.last() += QLatin1Char('*');
    return words.join(QLatin1Char(' '));
}

struct MatchRow
{
    QUuid id;
    QString typeKey;
    QByteArray fields;
    double rank = 0;
    QString copyText; // a conflict copy's hit: the text that matched
};

} // namespace

Store::Store(QString path, std::unique_ptr<StoreLock> lock, std::unique_ptr<sql::Database> db,
             QUuid device, bool encrypted)
    : m_path(std::move(path)), m_lock(std::move(lock)), m_db(std::move(db)), m_encrypted(encrypted),
      m_clock(device), m_outbox(*m_db), m_setAside(*m_db), m_keyPins(*m_db), m_audit(*m_db),
      m_resync(*m_db, m_audit), m_table(*m_db, m_clock, m_outbox, m_audit),
      m_conflicts(*m_db, m_table, m_audit, device), m_participants(m_table), m_encounters(m_table),
      m_diary(m_table), m_supervision(m_table), m_comments(m_table), m_training(m_table)
{
}

Store::~Store() = default; // the connection closes (and checkpoints) before the lock goes

Result<std::unique_ptr<Store>> Store::open(const QString &path, const SecretBytes &key, Mode mode,
                                           const StoreOptions &options)
{
    if (key.size() != KeyBytes)
        return Error{ErrorCode::InvalidInput, tr("The store key must be %1 bytes.").arg(KeyBytes)};
    return openWith(path, &key, mode, options);
}

Result<std::unique_ptr<Store>> Store::openUnencrypted(const QString &path, Mode mode)
{
    StoreOptions plain;
    plain.memorySecurity = false;
    return openWith(path, nullptr, mode, plain);
}

Result<std::unique_ptr<Store>> Store::openWith(const QString &path, const SecretBytes *key,
                                               Mode mode, const StoreOptions &options)
{
    QElapsedTimer took;
    took.start();
    const QFileInfo file(path);
    if (mode == Mode::OpenExisting && !file.exists())
        return Error{ErrorCode::Io, tr("There is no store at %1.").arg(path)};

    Result<std::unique_ptr<StoreLock>> lock = StoreLock::acquire(path);
    if (!lock)
        return lock.error();
    // Owner only: SQLite makes the -wal and -shm files with the database file's mode, so a
    // new database is created 0600 before SQLite opens it; an older one is tightened.
    if (mode == Mode::CreateNew && !file.exists() && !PrivateFiles::file(path))
        return Error{ErrorCode::Io, tr("The store %1 could not be created.").arg(path)};
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        PrivateFiles::restrict(path + suffix);
    Result<std::unique_ptr<sql::Database>> opened =
        sql::Database::open(path, mode == Mode::CreateNew ? sql::Database::OpenMode::ReadWriteCreate
                                                          : sql::Database::OpenMode::ReadWrite);
    if (!opened)
        return opened.error();
    sql::Database &db = **opened;

    if (key) {
        if (Status s = applyKey(db, *key); !s)
            return s.error();
    }
    // SQLCipher writes its own lines to stderr (e.g. when a page fails to decrypt); errors
    // reach the user as wp::Error only. Process-wide.
    if (Status s = db.exec("PRAGMA cipher_log_source = NONE"); !s)
        return s.error();
    // Memory security: every block SQLite frees is wiped. The store's wiping allocator does it
    // when it could be installed before SQLite initialised (always, unless other code used
    // SQLite first); otherwise SQLCipher's own cipher_memory_security does, at one mlock +
    // munlock per allocation. Both are process-wide, and once on they stay on.
    const bool ownWipe = sql::wipingAllocatorInstalled();
    sql::setMemoryWipe(options.memorySecurity);
    const bool sqlcipherWipe = options.memorySecurity && (!ownWipe || options.lockEveryAllocation);
    if (Status s = db.exec(sqlcipherWipe ? "PRAGMA cipher_memory_security = ON"
                                         : "PRAGMA cipher_memory_security = OFF");
        !s)
        return s.error();
    // The first read decrypts page 1: a wrong key or a foreign file fails here (NotAStore).
    Result<qint64> tables = db.scalar("SELECT count(*) FROM sqlite_master");
    if (!tables)
        return tables.error();
    // CreateNew never overwrites a store; it may finish a creation that was interrupted
    // before the first schema step committed (the file decrypts and holds nothing).
    if (mode == Mode::CreateNew && *tables > 0)
        return Error{ErrorCode::InvalidInput, tr("A store already exists at %1.").arg(path)};
    if (mode == Mode::OpenExisting) {
        Result<qint64> app = db.scalar("PRAGMA application_id");
        if (!app)
            return app.error();
        if (*app != schema::ApplicationId)
            return Error{ErrorCode::NotAStore,
                         tr("This is not a Waypoint store, or the key is wrong.")};
    }

    // Temporary tables and sorts never reach the disk unencrypted; freed pages are zeroed.
    // WAL + synchronous=NORMAL: a commit is durable against an app crash or kill (the WAL is
    // written before COMMIT returns); only a power cut can lose the last commits, never
    // corrupt the file. The crash-consistency test checks the app-crash promise.
    // A checkpoint every 4,000 WAL pages (16 MiB) instead of 1,000: fewer stalls on the save
    // that happens to trigger one, and pages changed again before it are written once.
    for (const char *pragma :
         {"PRAGMA temp_store = MEMORY", "PRAGMA secure_delete = ON", "PRAGMA synchronous = NORMAL",
          "PRAGMA foreign_keys = ON", "PRAGMA wal_autocheckpoint = 4000"}) {
        if (Status s = db.exec(pragma); !s)
            return s.error();
    }
    const QByteArray cache =
        "PRAGMA cache_size = -" + QByteArray::number(qBound(512, options.cacheKiB, 1 << 20));
    if (Status s = db.exec(cache.constData()); !s)
        return s.error();
    Result<QString> journal = pragmaText(db, "PRAGMA journal_mode = WAL");
    if (!journal)
        return journal.error();
    if (journal->compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        return Error{ErrorCode::Io, tr("The store could not switch to write-ahead logging.")};

    // Also registers record_field, which the review triggers call on every write.
    if (Status s = schema::migrate(db); !s)
        return s.error();

    // The device id is made once, when the store is created.
    QUuid device;
    {
        sql::Statement st = db.prepare("SELECT value FROM meta WHERE key = 'device_id'");
        Result<bool> row = st.step();
        if (!row)
            return row.error();
        if (*row)
            device = QUuid::fromRfc4122(st.blob(0));
    }
    if (device.isNull()) {
        device = QUuid::createUuid();
        sql::Statement st =
            db.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES ('device_id', ?)");
        st.bindBlob(1, device.toRfc4122());
        if (Status s = st.exec(); !s)
            return s.error();
    }

    std::unique_ptr<Store> store(
        new Store(path, std::move(*lock), std::move(*opened), device, key != nullptr));
    if (Status s = store->loadMeta(); !s)
        return s.error();
    if (Status s = store->m_resync.load(); !s)
        return s.error();
    qCInfo(lcStore, "store %s in %lld ms: schema v%d, %s, memory wipe %s, cache %d KiB",
           mode == Mode::CreateNew ? "created" : "opened", qlonglong(took.elapsed()),
           schema::Latest, key ? "encrypted" : "NOT encrypted",
           !options.memorySecurity ? "off"
           : sqlcipherWipe         ? "by SQLCipher (mlock)"
                                   : "by the store's allocator",
           qBound(512, options.cacheKiB, 1 << 20));
    return store;
}

Status Store::loadMeta()
{
    sql::Statement st =
        m_db->prepare("SELECT key, value FROM meta WHERE key IN ('last_hlc', 'sync_cursor')");
    const Status read = st.forEachRow([&](const sql::Statement &row) {
        if (row.text(0) == QLatin1String("last_hlc"))
            m_clock.restore(HlcStamp::fromString(row.text(1)));
        else
            m_syncCursor = row.blob(1);
    });
    if (!read)
        return read.error();
    return {};
}

Result<QList<SearchHit>> Store::search(const QString &query, int limit)
{
    limit = qBound(1, limit, 500);
    auto matches = [this, limit](const QString &match) -> Result<QList<MatchRow>> {
        sql::Statement &st =
            m_db->cached("SELECT r.id, r.type, r.fields, s.rank FROM ("
                         "  SELECT rowid, bm25(search) AS rank FROM search WHERE search MATCH ?1"
                         "  ORDER BY rowid LIMIT ?2) AS s "
                         "JOIN records AS r ON r.rowid = -s.rowid ORDER BY s.rowid");
        st.bind(1, match).bind(2, limit);
        QList<MatchRow> rows;
        const Status read = st.forEachRow([&](const sql::Statement &row) {
            rows.append({row.id(0), row.text(1), row.blob(2), row.real(3), QString()});
        });
        if (!read)
            return read.error();
        return rows;
    };

    // Whole words first: FTS5 streams those and stops at `limit`, while a prefix query merges
    // the postings of every word with that prefix before the first hit (for a word in most
    // entries, most of the index). Prefix matches fill in when whole words give too few.
    const QString exact = ftsQuery(query, false);
    if (exact.isEmpty())
        return QList<SearchHit>();
    Result<QList<MatchRow>> rows = matches(exact);
    if (!rows)
        return rows.error();
    const QString withPrefix = ftsQuery(query, true);
    const bool prefix = rows->size() < limit && withPrefix != exact;
    if (prefix) {
        rows = matches(withPrefix);
        if (!rows)
            return rows.error();
    }

    // Open conflicts' losing texts (search rows > 0, the copies' ids): few, so all of them.
    sql::Statement &copies = m_db->cached(
        "SELECT r.id, r.type, r.fields, s.rank, c.text FROM ("
        "  SELECT rowid, bm25(search) AS rank FROM search WHERE search MATCH ?1 AND rowid > 0"
        "  ORDER BY rowid LIMIT ?2) AS s "
        "JOIN conflict_copies AS c ON c.id = s.rowid "
        "JOIN records AS r ON r.id = c.record_id AND r.deleted = 0 ORDER BY s.rowid");
    copies.bind(1, prefix ? withPrefix : exact).bind(2, limit);
    QList<MatchRow> copyRows;
    const Status readCopies = copies.forEachRow([&](const sql::Statement &row) {
        copyRows.append({row.id(0), row.text(1), row.blob(2), row.real(3), row.text(4)});
    });
    if (!readCopies)
        return readCopies.error();
    if (!copyRows.isEmpty())
        *rows = copyRows + *rows;

    const QStringList terms = searchTerms(query);
    QList<SearchHit> hits;
    QSet<QUuid> seen;
    for (const MatchRow &row : std::as_const(*rows)) {
        if (seen.contains(row.id) || hits.size() >= limit)
            continue;
        seen.insert(row.id);
        const auto type = fromKey<RecordType>(row.typeKey);
        if (!type)
            continue;
        Result<DerivedColumns> derived =
            derive(*type, row.id, QCborValue::fromCbor(row.fields).toMap());
        if (!derived)
            continue; // written by a newer version: not shown rather than shown wrong
        const QString &text = row.copyText.isNull() ? derived->search.body : row.copyText;
        hits.append({row.id, *type, derived->search.title,
                     makeSnippet(text, terms, prefix, SearchHit::MatchStart, SearchHit::MatchEnd),
                     row.rank});
    }
    return hits;
}

Result<QHash<RecordType, qint64>> Store::countByType()
{
    sql::Statement &st =
        m_db->cached("SELECT type, count(*) FROM records WHERE deleted = 0 GROUP BY type");
    QHash<RecordType, qint64> out;
    for (RecordType t : allOf<RecordType>())
        out.insert(t, 0);
    const Status read = st.forEachRow([&](const sql::Statement &row) {
        if (const auto type = fromKey<RecordType>(row.text(0)))
            out.insert(*type, row.int64(1));
    });
    if (!read)
        return read.error();
    return out;
}

Status Store::integrityCheck()
{
    Result<QString> result = pragmaText(*m_db, "PRAGMA integrity_check");
    if (!result)
        return result.error();
    if (*result != QLatin1String("ok"))
        return Error{ErrorCode::Corrupt, tr("The store is damaged (%1).").arg(result->left(200))};
    if (m_encrypted) {
        // Lists pages whose HMAC does not match; no rows means every page is intact.
        Result<QString> cipher = pragmaText(*m_db, "PRAGMA cipher_integrity_check");
        if (!cipher)
            return cipher.error();
        if (!cipher->isEmpty())
            return Error{ErrorCode::Corrupt,
                         tr("The store is damaged (%1).").arg(cipher->left(200))};
    }
    return {};
}

Result<QList<QUuid>> Store::eraseParticipant(const QUuid &id)
{
    Result<QList<QUuid>> linked = m_table.erase(RecordType::Participant, id);
    if (!linked)
        return linked;
    if (Status s = checkpoint(); !s)
        return s.error();
    return linked;
}

Status Store::checkpoint()
{
    return m_db->exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

Result<MergeReport> Store::applyRemote(const QList<RemoteChange> &changes,
                                       const QByteArray &newCursor,
                                       const QList<SetAsideChange> &skipped, const QUuid &localUser)
{
    Result<sql::Transaction> tx = sql::Transaction::begin(*m_db);
    if (!tx)
        return tx.error();
    // Per page, not per record: the audit chain's head is read and stored once, and the search
    // index gets the page's rows at the end in ascending row id order, as one FTS5 segment
    // (SearchWrites.h says why that matters).
    Result<AuditChain::Batch> audit = m_audit.batch();
    if (!audit)
        return audit.error();
    SearchWrites search;
    MergeReport report;
    report.setAside = skipped;
    // During a resync every change confirms its record; one merged before is not merged again.
    if (Status s = m_resync.confirm(changes); !s)
        return s.error();
    for (const RemoteChange &change : changes) {
        if (m_resync.mergedBefore(change)) {
            ++report.ignored;
            continue;
        }
        Result<bool> forged = isForgedAcknowledgement(change, localUser);
        if (!forged)
            return forged.error();
        if (*forged) {
            report.setAside.append({change.recordId,
                                    change.type,
                                    change.author,
                                    change.audience,
                                    QStringLiteral("not_entry_author"),
                                    {},
                                    change.serverSeq,
                                    change.stamp,
                                    QDateTime::currentDateTimeUtc()});
            continue;
        }
        if (Status s = m_table.merge(change, localUser, report, search); !s)
            return s.error();
    }
    if (Status s = search.apply(*m_db); !s)
        return s.error();
    // A record deleted or erased on another device: its words leave the index's segments
    // too, as they do for a local erasure (RecordTable::erase).
    if (report.removed > 0) {
        if (Status s = m_db->exec("INSERT INTO search(search) VALUES ('optimize')"); !s)
            return s.error();
    }
    if (Status s = m_setAside.record(report.setAside); !s)
        return s.error();
    if (Status s = audit->finish(); !s)
        return s.error();
    sql::Statement &cursor =
        m_db->cached("INSERT OR REPLACE INTO meta(key, value) VALUES ('sync_cursor', ?)");
    cursor.bindBlob(1, newCursor.isNull() ? QByteArray("") : newCursor);
    if (Status s = cursor.exec(); !s)
        return s.error();
    sql::Statement &clock =
        m_db->cached("INSERT OR REPLACE INTO meta(key, value) VALUES ('last_hlc', ?)");
    clock.bind(1, m_clock.last().toString());
    if (Status s = clock.exec(); !s)
        return s.error();
    if (Status s = tx->commit(); !s)
        return s.error();
    m_syncCursor = newCursor;
    // Earlier pages of the removed records leave the write-ahead log.
    if (report.removed > 0) {
        if (Status s = checkpoint(); !s)
            return s.error();
    }
    return report;
}

Status Store::beginResync()
{
    const Status done = [this]() -> Status {
        Result<sql::Transaction> tx = sql::Transaction::begin(*m_db);
        if (!tx)
            return tx.error();
        if (Status s = m_resync.begin(m_syncCursor.toULongLong()); !s)
            return s;
        sql::Statement &cursor =
            m_db->cached("INSERT OR REPLACE INTO meta(key, value) VALUES ('sync_cursor', ?)");
        cursor.bindBlob(1, QByteArray("0"));
        if (Status s = cursor.exec(); !s)
            return s;
        return tx->commit();
    }();
    if (!done) {
        (void)m_resync.load(); // rolled back: the state is what the file says
        return done;
    }
    m_syncCursor = QByteArray("0");
    return {};
}

Result<QList<OutboxEntry>> Store::pendingToSend(int limit, qint64 afterSeq)
{
    Result<QList<OutboxEntry>> entries = m_outbox.pending(limit, afterSeq);
    if (!entries)
        return entries;
    static const QString sharedField = QStringLiteral("shared");
    for (OutboxEntry &e : *entries) {
        RecordChange &c = e.change;
        if (c.type == RecordType::Comment && !c.deleted) {
            if (Status s = noteCommentParties(e); !s)
                return s.error();
            continue;
        }
        if (c.type != RecordType::DiaryEntry || c.deleted)
            continue;
        auto snapshot = m_table.snapshot(c.recordId);
        if (!snapshot)
            return snapshot.error();
        if (!*snapshot)
            continue;
        if ((*snapshot)->shared) {
            e.shared = true;
            c.fields = (*snapshot)->fields;
            c.stamps = (*snapshot)->stamps;
            for (auto it = c.stamps.begin(); it != c.stamps.end(); ++it) {
                if (it->isNull())
                    *it = c.stamp;
                else if (c.stamp < *it)
                    c.stamp = *it; // the change's stamp is its newest field's
            }
        } else if (c.fields.contains(sharedField) && !c.fields.value(sharedField).toBool() &&
                   c.stamp != (*snapshot)->createdStamp) {
            e.unshares = true;
        }
    }
    return entries;
}

Result<int> Store::withdraw(const QList<QUuid> &recordIds, const QUuid &localUser)
{
    if (recordIds.isEmpty())
        return 0;
    Result<sql::Transaction> tx = sql::Transaction::begin(*m_db);
    if (!tx)
        return tx.error();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    int removed = 0;
    for (const QUuid &id : recordIds) {
        sql::Statement &find = m_db->cached(
            "SELECT rowid, type, deleted, author FROM records WHERE id = ? AND author IS NOT NULL");
        find.bindId(1, id);
        Result<bool> row = find.step();
        if (!row)
            return row.error();
        if (!*row)
            continue; // unknown here, or this device's user's own
        const qint64 rowid = find.int64(0);
        const QString typeKey = find.text(1);
        const bool deleted = find.int64(2) != 0;
        const QUuid author = find.id(3);
        find.reset();
        if (author == localUser)
            continue;
        // A live record's search row is -rowid (RecordTable::writeRow); an open conflict's is
        // the copy's id.
        if (!deleted) {
            sql::Statement &fts = m_db->cached("DELETE FROM search WHERE rowid = ?");
            fts.bind(1, -rowid);
            if (Status s = fts.exec(); !s)
                return s.error();
        }
        for (const char *text :
             {"DELETE FROM search WHERE rowid IN (SELECT id FROM conflict_copies WHERE "
              "record_id = ?)",
              "DELETE FROM field_stamps WHERE record_id = ?",
              "DELETE FROM conflict_copies WHERE record_id = ?",
              "DELETE FROM outbox WHERE record_id = ?", "DELETE FROM records WHERE id = ?"}) {
            sql::Statement &st = m_db->cached(text);
            st.bindId(1, id);
            if (Status s = st.exec(); !s)
                return s.error();
        }
        if (const auto type = fromKey<RecordType>(typeKey)) {
            if (Status s = m_audit.append(QStringLiteral("withdrawn"), id, *type, {}, now); !s)
                return s.error();
        }
        ++removed;
    }
    if (Status s = tx->commit(); !s)
        return s.error();
    return removed;
}

Result<QUuid> Store::recordAuthor(const QUuid &recordId)
{
    sql::Statement &st = m_db->cached("SELECT author FROM records WHERE id = ?");
    st.bindId(1, recordId);
    Result<bool> row = st.step();
    if (!row)
        return row.error();
    if (!*row)
        return Error(ErrorCode::NotFound, QStringLiteral("no such record"));
    const QUuid author = st.id(0);
    st.reset();
    return author;
}

Result<QList<ConflictCopy>> Store::conflictCopies(const QUuid &recordId)
{
    sql::Statement &st = m_db->cached("SELECT id, type, field, text, hlc, kept_at FROM "
                                      "conflict_copies WHERE record_id = ? ORDER BY id");
    st.bindId(1, recordId);
    QList<ConflictCopy> out;
    const Status read = st.forEachRow([&](const sql::Statement &row) {
        ConflictCopy c;
        c.id = row.int64(0);
        c.recordId = recordId;
        c.type = fromKey<RecordType>(row.text(1)).value_or(RecordType::DiaryEntry);
        c.field = row.text(2);
        c.text = row.text(3);
        c.stamp = HlcStamp::fromString(row.text(4));
        c.keptAt = QDateTime::fromMSecsSinceEpoch(row.int64(5), Qt::UTC);
        out.append(c);
    });
    if (!read)
        return read.error();
    return out;
}

} // namespace wp
