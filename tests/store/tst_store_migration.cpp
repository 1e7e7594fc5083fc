// SPDX-License-Identifier: GPL-3.0-or-later
// Schema migrations: every earlier version opens, is brought up to date with its data intact,
// and a schema from a newer Waypoint is refused without being touched.

#include "Schema.h"
#include "Sqlite.h"
#include "StoreTestSupport.h"

#define SQLITE_HAS_CODEC 1
#include <sqlite3.h>

#include <QCryptographicHash>
#include <QFile>
#include <QTest>

#include <tuple>

using namespace wp;
using namespace wp::test;

namespace {

std::unique_ptr<sql::Database> openKeyed(const QString &path)
{
    auto db = sql::Database::open(path, sql::Database::OpenMode::ReadWriteCreate);
    if (!db)
        qFatal("open failed");
    const SecretBytes key = testKey();
    QByteArray text =
        "x'" + QByteArray(reinterpret_cast<const char *>(key.data()), int(key.size())).toHex() +
        "'";
    if (sqlite3_key((*db)->handle(), text.constData(), int(text.size())) != SQLITE_OK)
        qFatal("key failed");
    wipe(text);
    return std::move(*db);
}

QByteArray sha(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly)
               ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256)
               : QByteArray();
}

// A row as versions 1 and 2 wrote it (the records table has not changed since v1).
void insertV1Record(sql::Database &db, const QUuid &id, RecordType type, const QCborMap &fields,
                    qint64 sortAt, const QUuid &parent = {})
{
    const HlcStamp stamp{sortAt, 0, QUuid::createUuid()};
    sql::Statement st = db.prepare("INSERT INTO records(id, type, fields, deleted, updated_hlc, "
                                   "created_hlc, parent_id, sort_at) "
                                   "VALUES (?, ?, ?, 0, ?, ?, ?, ?)");
    st.bindId(1, id).bind(2, keyOf(type)).bindBlob(3, fields.toCborValue().toCbor());
    st.bind(4, stamp.toString()).bind(5, stamp.toString()).bindId(6, parent).bind(7, sortAt);
    QVERIFY(st.exec().ok());
}

} // namespace

class TestStoreMigration : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void fromEveryEarlierVersion_data()
    {
        QTest::addColumn<int>("version");
        for (int v = 1; v < schema::Latest; ++v)
            QTest::addRow("v%d", v) << v;
    }

    void fromEveryEarlierVersion()
    {
        QFETCH(int, version);
        const QString path = m_dir.filePath(QStringLiteral("v%1.db").arg(version));
        const QDateTime when = QDateTime::fromMSecsSinceEpoch(1750000000000, Qt::UTC);
        DiaryEntry d =
            diary(QStringLiteral("Written by version %1 about kestrels").arg(version), when);
        d.id = createUuidV7();
        d.createdAt = when;
        Participant p = participant(QStringLiteral("KT"));
        p.id = createUuidV7();
        p.createdAt = when;
        Encounter e = encounter(QStringLiteral("Old encounter note"), when);
        e.id = createUuidV7();
        e.createdAt = when;
        e.participantId = p.id;
        {
            auto db = openKeyed(path);
            QVERIFY(schema::migrate(*db, version).ok());
            QCOMPARE(*schema::version(*db), version);
            insertV1Record(*db, d.id, RecordType::DiaryEntry, d.toFields(),
                           when.toMSecsSinceEpoch());
            insertV1Record(*db, p.id, RecordType::Participant, p.toFields(),
                           when.toMSecsSinceEpoch());
            insertV1Record(*db, e.id, RecordType::Encounter, e.toFields(), when.toMSecsSinceEpoch(),
                           p.id);
        }

        auto store = Store::open(path, testKey(), Store::Mode::OpenExisting);
        QVERIFY2(store.ok(), why(store).constData());
        QCOMPARE(*schema::version((*store)->database()), schema::Latest);

        QCOMPARE(*(*store)->diary().get(d.id), d);
        QCOMPARE(*(*store)->participants().get(p.id), p);
        QCOMPARE((*store)->encounters().forParticipant(p.id)->items.size(), 1);
        // Text written before search existed is indexed by the migration. (The rows above are
        // written raw, bypassing the index a v3 store keeps itself.)
        if (version < 3) {
            auto hits = (*store)->search(QStringLiteral("kestrels"));
            QVERIFY(hits.ok());
            QCOMPARE(hits->size(), 1);
            QCOMPARE(hits->first().id, d.id);
        }

        // The store works normally afterwards; the audit chain starts at the migration.
        DiaryEntry edited = d;
        edited.text = QStringLiteral("Edited after the upgrade");
        QVERIFY((*store)->diary().save(edited).ok());
        QVERIFY((*store)->audit().verify()->intact());
        QCOMPARE(*(*store)->audit().count(), 1);
        QVERIFY((*store)->integrityCheck().ok());
    }

    void newStoreStartsAtTheLatestVersion()
    {
        const QString path = m_dir.filePath(QStringLiteral("new.db"));
        auto store = Store::open(path, testKey(), Store::Mode::CreateNew);
        QVERIFY(store.ok());
        QCOMPARE(*schema::version((*store)->database()), schema::Latest);
        QCOMPARE(*(*store)->database().scalar("PRAGMA application_id"), schema::ApplicationId);
    }

    void newerSchemaIsRefusedUntouched()
    {
        const QString path = m_dir.filePath(QStringLiteral("future.db"));
        QUuid id;
        {
            auto store = Store::open(path, testKey(), Store::Mode::CreateNew);
            QVERIFY(store.ok());
            id = (*store)->diary().save(diary(QStringLiteral("from the future"))).value().id;
            QVERIFY((*store)->database().exec("PRAGMA user_version = 99").ok());
        }
        const QByteArray before = sha(path);
        auto store = Store::open(path, testKey(), Store::Mode::OpenExisting);
        QVERIFY(!store.ok());
        QCOMPARE(store.error().code, ErrorCode::SchemaTooNew);
        QVERIFY(store.error().message.contains(QStringLiteral("newer version")));
        QCOMPARE(sha(path), before);

        // Put back by a (hypothetical) newer app that downgrades: the data is all there.
        {
            auto db = openKeyed(path);
            const QByteArray latest = "PRAGMA user_version = " + QByteArray::number(schema::Latest);
            QVERIFY(db->exec(latest.constData()).ok());
        }
        auto again = Store::open(path, testKey(), Store::Mode::OpenExisting);
        QVERIFY(again.ok());
        QCOMPARE((*again)->diary().get(id)->text, QStringLiteral("from the future"));
    }

    void v4AddsDeviceSecretsAndKeepsTheOutbox()
    {
        // A v3 store with a change waiting to be pushed: after the upgrade the change is still
        // pending, and the store keeps device secrets inside the encrypted file.
        const QString path = m_dir.filePath(QStringLiteral("v3-outbox.db"));
        const QUuid recordId = createUuidV7();
        {
            auto db = openKeyed(path);
            QVERIFY(schema::migrate(*db, 3).ok());
            sql::Statement st = db->prepare(
                "INSERT INTO outbox(record_id, type, changes, stamps, deleted, hlc, created_at) "
                "VALUES (?, ?, ?, ?, 0, ?, 1750000000000)");
            st.bindId(1, recordId).bind(2, keyOf(RecordType::DiaryEntry));
            st.bindBlob(3, QCborMap{{QStringLiteral("text"), QStringLiteral("queued in v3")}}
                               .toCborValue()
                               .toCbor())
                .bindBlob(4, QCborMap().toCborValue().toCbor())
                .bind(5, HlcStamp{1750000000000, 0, QUuid::createUuid()}.toString());
            QVERIFY(st.exec().ok());
        }
        const QByteArray marker("device-token-marker-7f3a");
        {
            auto store = Store::open(path, testKey(), Store::Mode::OpenExisting);
            QVERIFY2(store.ok(), why(store).constData());
            QCOMPARE(*schema::version((*store)->database()), schema::Latest);
            auto pending = (*store)->outbox().pending();
            QVERIFY(pending.ok());
            QCOMPARE(pending->size(), 1);
            QCOMPARE(pending->first().change.recordId, recordId);
            QCOMPARE(pending->first().change.fields.value(QStringLiteral("text")).toString(),
                     QStringLiteral("queued in v3"));

            auto none = (*store)->deviceSecret(QStringLiteral("sync_identity"));
            QVERIFY(!none.ok());
            QCOMPARE(none.error().code, ErrorCode::NotFound);
            QByteArray copy = marker;
            QVERIFY(
                (*store)
                    ->putDeviceSecret(QStringLiteral("sync_identity"), SecretBytes::takeFrom(copy))
                    .ok());
            QVERIFY(copy.isEmpty()); // the caller's copy was wiped
            QVERIFY(!(*store)->putDeviceSecret(QString(), SecretBytes::random(4)).ok());
            QVERIFY((*store)->checkpoint().ok());
        }
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains(marker));
        file.close();

        auto store = Store::open(path, testKey(), Store::Mode::OpenExisting);
        QVERIFY(store.ok());
        auto secret = (*store)->deviceSecret(QStringLiteral("sync_identity"));
        QVERIFY2(secret.ok(), why(secret).constData());
        QCOMPARE(secret->view().toByteArray(), marker);
        // Replaced, then removed.
        QVERIFY((*store)
                    ->putDeviceSecret(QStringLiteral("sync_identity"), SecretBytes::random(32))
                    .ok());
        QCOMPARE((*store)->deviceSecret(QStringLiteral("sync_identity"))->size(), std::size_t(32));
        QVERIFY((*store)->removeDeviceSecret(QStringLiteral("sync_identity")).ok());
        QCOMPARE((*store)->deviceSecret(QStringLiteral("sync_identity")).error().code,
                 ErrorCode::NotFound);
        QVERIFY((*store)->removeDeviceSecret(QStringLiteral("sync_identity")).ok());
    }

    void v5AddsResyncMarksAndTouchesNothingElse()
    {
        // A v4 store that synced up to server seq 17, with a record and a queued change: after
        // the upgrade no resync is under way, and one can start and finish on the old data.
        const QString path = m_dir.filePath(QStringLiteral("v4-resync.db"));
        const QDateTime when = QDateTime::fromMSecsSinceEpoch(1750000000000, Qt::UTC);
        DiaryEntry d = diary(QStringLiteral("Written by version 4 about plovers"), when);
        d.id = createUuidV7();
        d.createdAt = when;
        {
            auto db = openKeyed(path);
            QVERIFY(schema::migrate(*db, 4).ok());
            insertV1Record(*db, d.id, RecordType::DiaryEntry, d.toFields(),
                           when.toMSecsSinceEpoch());
            QVERIFY(db->exec("INSERT INTO meta(key, value) VALUES ('sync_cursor', '17')").ok());
        }
        {
            auto store = Store::open(path, testKey(), Store::Mode::OpenExisting);
            QVERIFY2(store.ok(), why(store).constData());
            QCOMPARE(*schema::version((*store)->database()), schema::Latest);
            QCOMPARE(*(*store)->database().scalar("SELECT count(*) FROM resync_unconfirmed"), 0);
            QVERIFY(!(*store)->resyncInProgress());
            QCOMPARE(*(*store)->diary().get(d.id), d);
            QCOMPARE((*store)->syncCursor(), QByteArrayLiteral("17"));
            QVERIFY((*store)->beginResync().ok());
        }
        // Resumed after closing: the pull from 0 no longer has the record, which goes.
        auto store = Store::open(path, testKey(), Store::Mode::OpenExisting);
        QVERIFY(store.ok());
        QVERIFY((*store)->resyncInProgress());
        QCOMPARE((*store)->syncCursor(), QByteArrayLiteral("0"));
        QVERIFY((*store)->applyRemote({}, QByteArrayLiteral("18")).ok());
        auto sweep = (*store)->sweepResync(100);
        QVERIFY2(sweep.ok(), why(sweep).constData());
        QCOMPARE(sweep->removed, 1);
        QVERIFY(sweep->finished);
        QCOMPARE((*store)->diary().get(d.id).error().code, ErrorCode::NotFound);
        QVERIFY((*store)->search(QStringLiteral("plovers"))->isEmpty());
        QVERIFY((*store)->integrityCheck().ok());
    }

    void v7AddsAnEmptySetAsideLogAndKeepsTheRecords()
    {
        // A v6 store with a record and a cursor: after the upgrade nothing is set aside, the
        // record and cursor are as they were, and the log takes a change set aside.
        const QString path = m_dir.filePath(QStringLiteral("v6-set-aside.db"));
        const QDateTime when = QDateTime::fromMSecsSinceEpoch(1750000000000, Qt::UTC);
        DiaryEntry d = diary(QStringLiteral("kept through v7"), when);
        d.id = createUuidV7();
        d.createdAt = when;
        {
            auto db = openKeyed(path);
            QVERIFY(schema::migrate(*db, 6).ok());
            insertV1Record(*db, d.id, RecordType::DiaryEntry, d.toFields(),
                           when.toMSecsSinceEpoch());
            QVERIFY(db->exec("INSERT INTO meta(key, value) VALUES ('sync_cursor', '41')").ok());
        }
        auto store = Store::open(path, testKey(), Store::Mode::OpenExisting);
        QVERIFY2(store.ok(), why(store).constData());
        QCOMPARE(*schema::version((*store)->database()), schema::Latest);
        QCOMPARE((*store)->diary().get(d.id)->text, d.text);
        QCOMPARE((*store)->syncCursor(), QByteArrayLiteral("41"));
        QCOMPARE(*(*store)->setAside().count(), 0);
        SetAsideChange c{d.id,
                         RecordType::DiaryEntry,
                         createUuidV7(),
                         createUuidV7(),
                         QStringLiteral("bad_signature"),
                         {},
                         42,
                         {},
                         when};
        QVERIFY((*store)->applyRemote({}, QByteArrayLiteral("42"), {c}).ok());
        QCOMPARE((*store)->setAside().list()->first().reason, QStringLiteral("bad_signature"));
        QCOMPARE((*store)->setAside().list()->first().setAsideAt, when);
    }

    void v8MakesOpenConflictsSearchable()
    {
        // A v7 store with an entry and the losing text of a conflict on it: after the upgrade
        // search finds that text, leading to the entry, and resolving it takes it out again.
        const QString path = m_dir.filePath(QStringLiteral("v7-conflict.db"));
        const QDateTime when = QDateTime::fromMSecsSinceEpoch(1750000000000, Qt::UTC);
        DiaryEntry d = diary(QStringLiteral("the winning words"), when);
        d.id = createUuidV7();
        d.createdAt = when;
        {
            auto db = openKeyed(path);
            QVERIFY(schema::migrate(*db, 7).ok());
            insertV1Record(*db, d.id, RecordType::DiaryEntry, d.toFields(),
                           when.toMSecsSinceEpoch());
            sql::Statement copy =
                db->prepare("INSERT INTO conflict_copies(record_id, type, field, text, hlc, "
                            "kept_at) VALUES (?, 'diary', 'text', 'the heron text', "
                            "'0001750000000000-00000-00000000-0000-0000-0000-000000000000', 0)");
            copy.bindId(1, d.id);
            QVERIFY(copy.exec().ok());
        }
        auto store = Store::open(path, testKey(), Store::Mode::OpenExisting);
        QVERIFY2(store.ok(), why(store).constData());
        QCOMPARE(*schema::version((*store)->database()), schema::Latest);
        auto hits = (*store)->search(QStringLiteral("heron"));
        QVERIFY(hits.ok());
        QCOMPARE(hits->size(), 1);
        QCOMPARE(hits->first().id, d.id);
        const Conflict c = (*store)->conflicts().list()->first();
        QCOMPARE(c.theirs, QStringLiteral("the heron text"));
        QVERIFY((*store)->conflicts().resolve(c.id, ConflictChoice::KeepMine).ok());
        QVERIFY((*store)->search(QStringLiteral("heron"))->isEmpty());
    }

    void recordsFromBeforeV9AreTheUsersOwnAndNoKeyIsPinned()
    {
        // A v7 store with a record: after the upgrade the record is its user's (an edit signed
        // by them merges, one signed by another user is set aside) and no key is pinned.
        const QString path = m_dir.filePath(QStringLiteral("v7-authors.db"));
        const QDateTime when = QDateTime::fromMSecsSinceEpoch(1750000000000, Qt::UTC);
        DiaryEntry d = diary(QStringLiteral("written before authors"), when);
        d.id = createUuidV7();
        d.createdAt = when;
        {
            auto db = openKeyed(path);
            QVERIFY(schema::migrate(*db, 7).ok());
            insertV1Record(*db, d.id, RecordType::DiaryEntry, d.toFields(),
                           when.toMSecsSinceEpoch());
        }
        auto store = Store::open(path, testKey(), Store::Mode::OpenExisting);
        QVERIFY2(store.ok(), why(store).constData());
        QCOMPARE(*schema::version((*store)->database()), schema::Latest);
        QCOMPARE((*store)->keyPins().list()->size(), 0);
        QCOMPARE(*(*store)->keyPins().changedCount(), 0);
        const QUuid me = createUuidV7();
        const auto edit = [&](const QUuid &author, const QString &text, std::uint64_t seq) {
            RemoteChange c;
            c.recordId = d.id;
            c.type = RecordType::DiaryEntry;
            c.stamp = (*store)->clock().now();
            c.fields.insert(QStringLiteral("text"), text);
            c.stamps.insert(QStringLiteral("text"), c.stamp);
            c.author = author;
            c.serverSeq = seq;
            return c;
        };
        auto merged = (*store)->applyRemote({edit(createUuidV7(), QStringLiteral("forged"), 1),
                                             edit(me, QStringLiteral("mine"), 2)},
                                            QByteArrayLiteral("2"), {}, me);
        QVERIFY(merged.ok());
        QCOMPARE(merged->setAside.size(), 1);
        QCOMPARE(merged->setAside.first().reason, QStringLiteral("not_author"));
        QCOMPARE((*store)->diary().get(d.id)->text, QStringLiteral("mine"));
    }

    void v6StoresSelfCareAndSuppliesAsKeys()
    {
        // A v5 store written in English and in French: self-care and supplies hold the labels
        // the screens showed, indexed for search as such, plus something typed. (The indexed
        // text has a marker word the records lack, to see the index rewritten.)
        const QString path = m_dir.filePath(QStringLiteral("v5-labels.db"));
        const QDateTime when = QDateTime::fromMSecsSinceEpoch(1750000000000, Qt::UTC);
        DiaryEntry english = diary(QStringLiteral("A long day at court"), when);
        english.id = createUuidV7();
        english.createdAt = when;
        english.selfCare = {QStringLiteral("Took a break"), QStringLiteral("Walked the dog")};
        DiaryEntry french = diary(QStringLiteral("Une longue journ\u00e9e"), when);
        french.id = createUuidV7();
        french.createdAt = when;
        french.selfCare = {QStringLiteral("Pris une pause"), QStringLiteral("Repos")};
        Encounter e = encounter(QStringLiteral("Met at the pier"), when);
        e.id = createUuidV7();
        e.createdAt = when;
        e.supplies = {QStringLiteral("Naloxone"), QString::fromUtf8("Collecteur d\u2019aiguilles"),
                      QStringLiteral("Clean socks")};
        {
            auto db = openKeyed(path);
            QVERIFY(schema::migrate(*db, 5).ok());
            for (const auto &[id, type, fields, body] :
                 {std::tuple{english.id, RecordType::DiaryEntry, english.toFields(),
                             QStringLiteral("A long day at court\nTook a break\nWalked the dog")},
                  std::tuple{french.id, RecordType::DiaryEntry, french.toFields(),
                             QStringLiteral("Une longue journ\u00e9e\nPris une pause\nRepos")},
                  std::tuple{e.id, RecordType::Encounter, e.toFields(),
                             QStringLiteral("Met at the pier\nNaloxone\nClean socks\nwrens")}}) {
                insertV1Record(*db, id, type, fields, when.toMSecsSinceEpoch());
                sql::Statement index = db->prepare("INSERT INTO search(rowid, body) "
                                                   "SELECT -rowid, ? FROM records WHERE id = ?");
                index.bind(1, body).bindId(2, id);
                QVERIFY(index.exec().ok());
            }
        }

        auto store = Store::open(path, testKey(), Store::Mode::OpenExisting);
        QVERIFY2(store.ok(), why(store).constData());
        QCOMPARE(*schema::version((*store)->database()), schema::Latest);
        const QStringList englishKeys{QStringLiteral("took_break"),
                                      QStringLiteral("Walked the dog")};
        const QStringList frenchKeys{QStringLiteral("took_break"), QStringLiteral("rest")};
        const QStringList supplyKeys{QStringLiteral("naloxone"), QStringLiteral("sharps_bin"),
                                     QStringLiteral("Clean socks")};
        QCOMPARE((*store)->diary().get(english.id)->selfCare, englishKeys);
        QCOMPARE((*store)->diary().get(french.id)->selfCare, frenchKeys);
        QCOMPARE((*store)->encounters().get(e.id)->supplies, supplyKeys);

        // Stored as keys, the rest of each field map as it was.
        const auto stored = [&](const QUuid &id) {
            sql::Statement st =
                (*store)->database().prepare("SELECT fields FROM records WHERE id = ?");
            st.bindId(1, id);
            return st.step().value() ? QCborValue::fromCbor(st.blob(0)).toMap() : QCborMap();
        };
        english.selfCare = englishKeys;
        QCOMPARE(stored(english.id).toCborValue().toCbor(),
                 english.toFields().toCborValue().toCbor());
        e.supplies = supplyKeys;
        QCOMPARE(stored(e.id).toCborValue().toCbor(), e.toFields().toCborValue().toCbor());

        // Not an edit: nothing to push, no new stamps, no audit entries.
        QCOMPARE(*(*store)->outbox().count(), 0);
        QCOMPARE(*(*store)->database().scalar("SELECT count(*) FROM field_stamps"), 0);
        QCOMPARE(*(*store)->audit().count(), 0);

        // The index follows: a key is found by its English and French labels, typed text by
        // itself, and the old entries are gone (FTS5 checks that the index matches).
        const auto found = [&](const char *query) {
            QList<QUuid> ids;
            for (const SearchHit &hit : (*store)->search(QString::fromUtf8(query)).value())
                ids.append(hit.id);
            return ids;
        };
        QCOMPARE(found("repos"), QList<QUuid>{french.id});
        QCOMPARE(found("rest").size(), 1);
        QCOMPARE(found("pause").size(), 2);
        QCOMPARE(found("sharps"), QList<QUuid>{e.id});
        QCOMPARE(found("collecteur"), QList<QUuid>{e.id});
        QCOMPARE(found("socks"), QList<QUuid>{e.id});
        QVERIFY(found("wrens").isEmpty());
        QVERIFY((*store)
                    ->database()
                    .exec("INSERT INTO search(search) VALUES ('integrity-check')")
                    .ok());
        QVERIFY((*store)->integrityCheck().ok());
    }

    void aFailedStepLeavesThePreviousVersion()
    {
        // v2 -> v3 cannot complete when a table v3 creates already exists: the step rolls back
        // as a whole and the store stays a valid v2 store.
        const QString path = m_dir.filePath(QStringLiteral("stuck.db"));
        auto db = openKeyed(path);
        QVERIFY(schema::migrate(*db, 2).ok());
        QVERIFY(db->exec("CREATE TABLE conflict_copies(x)").ok());
        const Status s = schema::migrate(*db);
        QVERIFY(!s.ok());
        QCOMPARE(*schema::version(*db), 2);
        QCOMPARE(*db->scalar("SELECT count(*) FROM sqlite_master WHERE name = 'search'"), 0);
    }
};

QTEST_GUILESS_MAIN(TestStoreMigration)
#include "tst_store_migration.moc"
