// SPDX-License-Identifier: GPL-3.0-or-later
#include "Schema.h"

#include "InsightQueries.h"
#include "LogCategories.h"
#include "RecordTable.h"
#include "Sqlite.h"

#include <QCborValue>
#include <QCoreApplication>

namespace wp::schema {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Store", text);
}

Status toV1(sql::Database &db)
{
    return db.exec(R"sql(
        CREATE TABLE records (
            id BLOB PRIMARY KEY,            -- UUIDv7, 16 bytes
            type TEXT NOT NULL,             -- RecordType key
            fields BLOB NOT NULL,           -- CBOR map of the record's fields
            deleted INTEGER NOT NULL DEFAULT 0,
            updated_hlc TEXT NOT NULL,      -- newest change of any field
            created_hlc TEXT NOT NULL,      -- stamp of fields with no field_stamps row
            parent_id BLOB,                 -- encounter -> participant, comment -> diary entry
            sort_at INTEGER NOT NULL DEFAULT 0,
            follow_up TEXT,
            shared INTEGER,
            open_items INTEGER NOT NULL DEFAULT 0,
            name_key TEXT
        );
        CREATE INDEX records_by_time ON records(type, sort_at DESC, id DESC) WHERE deleted = 0;
        CREATE INDEX records_by_parent ON records(parent_id, type, sort_at DESC, id DESC)
            WHERE deleted = 0 AND parent_id IS NOT NULL;
        CREATE INDEX records_by_follow_up ON records(follow_up, id)
            WHERE deleted = 0 AND follow_up IS NOT NULL;
        CREATE INDEX records_by_name ON records(type, name_key, id)
            WHERE deleted = 0 AND name_key IS NOT NULL;
        CREATE TABLE field_stamps (
            record_id BLOB NOT NULL REFERENCES records(id),
            field TEXT NOT NULL,
            hlc TEXT NOT NULL,
            PRIMARY KEY (record_id, field)
        ) WITHOUT ROWID;
        CREATE TABLE outbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            record_id BLOB NOT NULL,
            type TEXT NOT NULL,
            changes BLOB NOT NULL,          -- CBOR {field: value}
            stamps BLOB NOT NULL,           -- CBOR {field: hlc}, only where it differs from hlc
            deleted INTEGER NOT NULL DEFAULT 0,
            hlc TEXT NOT NULL,
            created_at INTEGER NOT NULL
        );
        CREATE INDEX outbox_by_record ON outbox(record_id);
        CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB) WITHOUT ROWID;
    )sql");
}

Status toV2(sql::Database &db)
{
    // Records written before the chain existed get no entries: the chain starts here.
    return db.exec(R"sql(
        CREATE TABLE audit (
            seq INTEGER PRIMARY KEY,
            at INTEGER NOT NULL,
            action TEXT NOT NULL,
            record_id BLOB,
            type TEXT,
            field_names TEXT NOT NULL,      -- names only, never content
            prev_hash BLOB NOT NULL,
            hash BLOB NOT NULL
        );
    )sql");
}

Status toV3(sql::Database &db)
{
    // Contentless FTS5 (the index only: no second copy of the text), with deletes (SQLite
    // 3.43+); rowid = -records.rowid, so the index's natural ascending order is newest first.
    // Snippets are made from the record itself.
    if (Status s = db.exec(R"sql(
            CREATE VIRTUAL TABLE search USING fts5(
                body, content = '', contentless_delete = 1,
                tokenize = 'unicode61 remove_diacritics 2');
            CREATE TABLE conflict_copies (
                id INTEGER PRIMARY KEY,
                record_id BLOB NOT NULL,
                type TEXT NOT NULL,
                field TEXT NOT NULL,
                text TEXT NOT NULL,
                hlc TEXT NOT NULL,
                kept_at INTEGER NOT NULL
            );
            CREATE INDEX conflict_copies_by_record ON conflict_copies(record_id);
        )sql");
        !s)
        return s;

    // Index what earlier versions stored.
    sql::Statement rows =
        db.prepare("SELECT rowid, id, type, fields FROM records WHERE deleted = 0");
    sql::Statement insert = db.prepare("INSERT INTO search(rowid, body) VALUES (?, ?)");
    return rows.forEachRow([&](const sql::Statement &row) -> Status {
        const auto type = fromKey<RecordType>(row.text(2));
        if (!type)
            return {}; // a type from a newer version: not searchable here
        const QCborMap fields = QCborValue::fromCbor(row.blob(3)).toMap();
        Result<DerivedColumns> derived = derive(*type, row.id(1), fields);
        if (!derived)
            return {};
        insert.reset();
        insert.bind(1, -row.int64(0)).bind(2, derived->search.body);
        return insert.exec();
    });
}

Status toV4(sql::Database &db)
{
    // device_secrets: the sync identity (device token, the user's private keys, audience keys)
    // lives inside the encrypted file, never beside it. failed_reason: the server refused the
    // change for good; the entry is kept (nothing typed is lost) and no longer sent. The
    // partial index keeps counting them (on every unlock and save) off a scan of the outbox.
    return db.exec(R"sql(
        CREATE TABLE device_secrets (name TEXT PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID;
        ALTER TABLE outbox ADD COLUMN failed_reason TEXT;
        ALTER TABLE outbox ADD COLUMN failed_at INTEGER;
        CREATE INDEX outbox_failed ON outbox(failed_reason) WHERE failed_reason IS NOT NULL;
    )sql");
}

Status toV5(sql::Database &db)
{
    // A resync after the server compacted its log past this device's cursor (Resync.h): the
    // records not seen again yet in the pull from cursor 0. Empty outside a resync.
    return db.exec(R"sql(
        CREATE TABLE resync_unconfirmed (record_id BLOB PRIMARY KEY) WITHOUT ROWID;
    )sql");
}

Status toV6(sql::Database &db)
{
    // Self-care and supplies are stored as stable keys (SelfCare, Supply); earlier versions
    // stored the label shown, in English or French. Known labels become their keys; any other
    // text was typed and stays as it is. Only the stored value changes: its field stamp stays
    // and nothing goes to the outbox, so this is not an edit. The user's other devices make
    // the same rewrite when they update, and until then whatever they send with labels is read
    // as keys (fromFields normalises), so pushing it would resend every such record for
    // nothing, and with a newer stamp could overwrite a real edit made meanwhile elsewhere.
    struct Rewrite
    {
        qint64 rowid;
        QUuid id;
        RecordType type;
        QCborMap fields;
    };
    QList<Rewrite> rewrites;
    sql::Statement rows =
        db.prepare("SELECT rowid, id, type, fields FROM records WHERE deleted = 0");
    const Status read = rows.forEachRow([&](const sql::Statement &row) {
        const auto type = fromKey<RecordType>(row.text(2));
        if (!type)
            return; // a type from a newer version: left as it is
        QCborMap fields = QCborValue::fromCbor(row.blob(3)).toMap();
        if (normaliseItems(*type, fields))
            rewrites.append({row.int64(0), row.id(1), *type, std::move(fields)});
    });
    if (!read)
        return read;

    sql::Statement update = db.prepare("UPDATE records SET fields = ? WHERE rowid = ?");
    sql::Statement unindex = db.prepare("DELETE FROM search WHERE rowid = ?");
    sql::Statement index = db.prepare("INSERT INTO search(rowid, body) VALUES (?, ?)");
    for (const Rewrite &r : std::as_const(rewrites)) {
        update.reset();
        update.bindBlob(1, r.fields.toCborValue().toCbor()).bind(2, r.rowid);
        if (Status s = update.exec(); !s)
            return s;
        // The search text names a key by its labels: the index follows the new value.
        unindex.reset();
        unindex.bind(1, -r.rowid);
        if (Status s = unindex.exec(); !s)
            return s;
        Result<DerivedColumns> derived = derive(r.type, r.id, r.fields);
        if (!derived)
            continue; // unreadable here: not searchable, as before
        index.reset();
        index.bind(1, -r.rowid).bind(2, derived->search.body);
        if (Status s = index.exec(); !s)
            return s;
    }
    return {};
}

Status toV7(sql::Database &db)
{
    // Pulled changes this device did not merge, for the user and for support (SetAsideLog):
    // what and whose, why, and when; never content nor ciphertext. One row per change in the
    // server's log, so pulling it again (a resync) keeps one.
    return db.exec(R"sql(
        CREATE TABLE set_aside (
            server_seq INTEGER PRIMARY KEY,
            record_id BLOB NOT NULL,
            type TEXT NOT NULL,
            author BLOB,
            audience BLOB,
            reason TEXT NOT NULL,
            field TEXT NOT NULL DEFAULT '',
            hlc TEXT NOT NULL,
            set_aside_at INTEGER NOT NULL
        );
    )sql");
}

Status toV8(sql::Database &db)
{
    // An open conflict's losing text stays searchable until the user resolves it. Its search
    // row is the copy's id: positive, so it never meets a record's (-records.rowid).
    return db.exec("INSERT INTO search(rowid, body) SELECT id, text FROM conflict_copies");
}

Status toV9(sql::Database &db)
{
    // The user who created each record, for the rule that only they change it (Authorship.h).
    // NULL: created on this device, by its user. Records already here stay NULL: until
    // sharing exists every record a device holds is its user's own.
    return db.exec("ALTER TABLE records ADD COLUMN author BLOB");
}

Status toV10(sql::Database &db)
{
    // Other users' public keys, pinned the first time this device sees them (KeyPins), and a
    // different key the directory offered since, until a person confirms it.
    return db.exec(R"sql(
        CREATE TABLE key_pins (
            user_id BLOB PRIMARY KEY,
            signing_key BLOB NOT NULL,
            box_key BLOB,
            pinned_at INTEGER NOT NULL,
            offered_signing_key BLOB,
            offered_box_key BLOB,
            offered_at INTEGER
        ) WITHOUT ROWID;
    )sql");
}

Status toV11(sql::Database &db)
{
    // The supervisor's review queue (Reviews::queue): shared entries of other users, not yet
    // reviewed first, then newest first, paged by index at any size. `reviewed` on a diary
    // entry says a review mark is held on it from someone other than its author (on a
    // supervisor's device, theirs: a comment's audience is its two people). Triggers keep it
    // as comments arrive, change or go, so no list ever scans for marks. A review mark has
    // neither text nor `acknowledges` (record_field, registered by Store::open).
    return db.exec(R"sql(
        ALTER TABLE records ADD COLUMN reviewed INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX records_review_queue ON records(type, reviewed, sort_at DESC, id DESC)
            WHERE deleted = 0 AND author IS NOT NULL;
        CREATE INDEX records_review_by_author
            ON records(type, author, reviewed, sort_at DESC, id DESC)
            WHERE deleted = 0 AND author IS NOT NULL;
        CREATE TRIGGER review_mark_added AFTER INSERT ON records
            WHEN new.type = 'comment' AND new.parent_id IS NOT NULL
        BEGIN
            UPDATE records SET reviewed = EXISTS (
                SELECT 1 FROM records c WHERE c.parent_id = records.id AND c.type = 'comment'
                    AND c.deleted = 0 AND coalesce(record_field(c.fields, 'text'), '') = ''
                    AND record_field(c.fields, 'acknowledges') IS NULL
                    AND c.author IS NOT records.author)
            WHERE id = new.parent_id;
        END;
        CREATE TRIGGER review_mark_changed AFTER UPDATE OF fields, deleted, parent_id ON records
            WHEN new.type = 'comment'
        BEGIN
            UPDATE records SET reviewed = EXISTS (
                SELECT 1 FROM records c WHERE c.parent_id = records.id AND c.type = 'comment'
                    AND c.deleted = 0 AND coalesce(record_field(c.fields, 'text'), '') = ''
                    AND record_field(c.fields, 'acknowledges') IS NULL
                    AND c.author IS NOT records.author)
            WHERE id IN (new.parent_id, old.parent_id);
        END;
        CREATE TRIGGER review_mark_removed AFTER DELETE ON records
            WHEN old.type = 'comment' AND old.parent_id IS NOT NULL
        BEGIN
            UPDATE records SET reviewed = EXISTS (
                SELECT 1 FROM records c WHERE c.parent_id = records.id AND c.type = 'comment'
                    AND c.deleted = 0 AND coalesce(record_field(c.fields, 'text'), '') = ''
                    AND record_field(c.fields, 'acknowledges') IS NULL
                    AND c.author IS NOT records.author)
            WHERE id = old.parent_id;
        END;
        UPDATE records SET reviewed = EXISTS (
            SELECT 1 FROM records c WHERE c.parent_id = records.id AND c.type = 'comment'
                AND c.deleted = 0 AND coalesce(record_field(c.fields, 'text'), '') = ''
                AND record_field(c.fields, 'acknowledges') IS NULL
                AND c.author IS NOT records.author)
        WHERE type = 'diary';
    )sql");
}

Status toV12(sql::Database &db)
{
    // The user's own records of a type, newest first (RecordTable::list with ownBy): a
    // supervisor's store holds the entries workers shared with them too, and without this a
    // page of their own diary walks every shared entry newer than it (84 ms for 50,000).
    // Served as two ranges, author NULL (created here) and author = the user.
    return db.exec("CREATE INDEX records_by_author_time ON records(type, author, sort_at DESC, "
                   "id DESC) WHERE deleted = 0");
}

using Step = Status (*)(sql::Database &);
constexpr Step Steps[] = {toV1, toV2, toV3, toV4,  toV5,  toV6,
                          toV7, toV8, toV9, toV10, toV11, toV12};
static_assert(std::size(Steps) == Latest);

} // namespace

Result<int> version(sql::Database &db)
{
    Result<qint64> v = db.scalar("PRAGMA user_version");
    if (!v)
        return v.error();
    return int(*v);
}

Status migrate(sql::Database &db, int target)
{
    Result<int> current = version(db);
    if (!current)
        return current.error();
    if (*current > Latest)
        return Error{ErrorCode::SchemaTooNew,
                     tr("This store was written by a newer version of Waypoint (schema %1, this "
                        "version reads up to %2). Update Waypoint to open it.")
                         .arg(*current)
                         .arg(Latest)};
    // Step 11's triggers call record_field: every connection that migrates (or later writes
    // through those triggers) needs it, not only one opened by Store::open.
    registerRecordField(db);
    for (int v = *current; v < target; ++v) {
        Result<sql::Transaction> tx = sql::Transaction::begin(db);
        if (!tx)
            return tx.error();
        if (Status s = Steps[v](db); !s)
            return s;
        // PRAGMA takes no bound parameters; v + 1 is our own integer.
        const QByteArray pragma = "PRAGMA user_version = " + QByteArray::number(v + 1);
        if (Status s = db.exec(pragma.constData()); !s)
            return s;
        if (v == 0) {
            const QByteArray app = "PRAGMA application_id = " + QByteArray::number(ApplicationId);
            if (Status s = db.exec(app.constData()); !s)
                return s;
        }
        if (Status s = tx->commit(); !s)
            return s;
        qCInfo(lcStore, "schema migrated from v%d to v%d", v, v + 1);
    }
    return {};
}

} // namespace wp::schema
