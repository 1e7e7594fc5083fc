// SPDX-License-Identifier: GPL-3.0-or-later
// Erasing a participant: everything naming them leaves the store, the tombstones sync, the
// audit says what happened without content, and no trace of the pseudonym or a note's words
// is left in the file, whether read as raw bytes, through the key table by table (search
// index shadow tables included), or page by page decrypted (free pages included).

#include "StoreTestSupport.h"

#include "Sqlite.h"

#include <QFile>
#include <QtEndian>

#include <openssl/evp.h>
#include <sqlite3.h>

using namespace wp;
using namespace wp::test;

namespace {

const QString Pseudonym = QStringLiteral("Mosswrenly");
const QByteArray Marker = "zephyrquill"; // a word from an encounter note, lower case as indexed
const QUuid OtherDevice =
    QUuid::fromString(QStringLiteral("{0b5e1d8a-0000-4000-8000-00000000000b}"));

bool containsFolded(const QByteArray &haystack, const QByteArray &needle)
{
    return haystack.toLower().contains(needle.toLower());
}

QByteArray utf16(const QString &s)
{
    return QByteArray(reinterpret_cast<const char *>(s.utf16()), s.size() * 2);
}

// Every value of every table (sqlite_master's, the search index's shadow tables included),
// through the key, as bytes: text as UTF-8, blobs as stored.
QByteArray dumpAllTables(sql::Database &db)
{
    QByteArray out;
    QStringList tables;
    sql::Statement list = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'");
    if (!list.forEachRow([&](const sql::Statement &row) { tables.append(row.text(0)); }))
        qFatal("listing tables failed");
    for (const QString &table : std::as_const(tables)) {
        if (table == QLatin1String("search"))
            continue; // the virtual table itself: its shadow tables hold what it has
        const QByteArray sqlText = "SELECT * FROM \"" + table.toUtf8() + '"';
        sqlite3_stmt *st = nullptr;
        if (sqlite3_prepare_v2(db.handle(), sqlText.constData(), -1, &st, nullptr) != SQLITE_OK)
            qFatal("prepare failed: %s", sqlite3_errmsg(db.handle()));
        while (sqlite3_step(st) == SQLITE_ROW) {
            for (int c = 0; c < sqlite3_column_count(st); ++c) {
                const auto *bytes = static_cast<const char *>(sqlite3_column_blob(st, c));
                out.append(bytes, sqlite3_column_bytes(st, c));
                out.append('\n');
            }
        }
        sqlite3_finalize(st);
        out.append(table.toUtf8()).append(" end\n");
    }
    return out;
}

// SQLCipher 4 pages with a raw key: AES-256-CBC over all but the 80 reserved bytes at the end
// (16 of IV, then 64 of HMAC); page 1 begins with the 16-byte salt, left unencrypted.
constexpr int PageSize = 4096;
constexpr int Reserve = 80;

QByteArray decryptPage(const QByteArray &page, const SecretBytes &key, bool first)
{
    const int start = first ? 16 : 0;
    const int length = PageSize - Reserve - start;
    const auto *iv = reinterpret_cast<const unsigned char *>(page.constData() + PageSize - Reserve);
    QByteArray plain(length, '\0');
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    int n = 0;
    int total = 0;
    EVP_DecryptInit_ex(ctx, EVP_aes_256_cbc(), nullptr, key.data(), iv);
    EVP_CIPHER_CTX_set_padding(ctx, 0);
    EVP_DecryptUpdate(ctx, reinterpret_cast<unsigned char *>(plain.data()), &n,
                      reinterpret_cast<const unsigned char *>(page.constData() + start), length);
    total = n;
    EVP_DecryptFinal_ex(ctx, reinterpret_cast<unsigned char *>(plain.data()) + total, &n);
    EVP_CIPHER_CTX_free(ctx);
    return plain;
}

// Every page of the database file and every frame of its WAL, decrypted: live, free and
// stale pages alike.
QByteArray decryptEverything(const QString &path, const SecretBytes &key)
{
    QByteArray out;
    QFile db(path);
    if (db.open(QIODevice::ReadOnly)) {
        const QByteArray bytes = db.readAll();
        for (qsizetype at = 0; at + PageSize <= bytes.size(); at += PageSize)
            out += decryptPage(bytes.mid(at, PageSize), key, at == 0);
    }
    QFile wal(path + QStringLiteral("-wal"));
    if (wal.open(QIODevice::ReadOnly)) {
        const QByteArray bytes = wal.readAll();
        constexpr int Header = 32;
        constexpr int FrameHeader = 24;
        for (qsizetype at = Header; at + FrameHeader + PageSize <= bytes.size();
             at += FrameHeader + PageSize) {
            const quint32 pageNo = qFromBigEndian<quint32>(bytes.constData() + at);
            out += decryptPage(bytes.mid(at + FrameHeader, PageSize), key, pageNo == 1);
        }
    }
    return out;
}

QByteArray rawFiles(const QString &path)
{
    QByteArray out;
    for (const QString &name : QStringList{path, path + QStringLiteral("-wal")}) {
        QFile f(name);
        if (f.open(QIODevice::ReadOnly))
            out += f.readAll();
    }
    return out;
}

} // namespace

class TestStoreErasure : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    QString m_path;

    void open()
    {
        auto store = Store::open(m_path, testKey(), Store::Mode::OpenExisting);
        QVERIFY2(store.ok(), why(store).constData());
        m_store = std::move(*store);
    }

private slots:
    void init()
    {
        m_path = m_dir.filePath(
            QStringLiteral("erase-%1.db").arg(QUuid::createUuid().toString(QUuid::Id128)));
        auto store = Store::open(m_path, testKey(), Store::Mode::CreateNew);
        QVERIFY2(store.ok(), why(store).constData());
        m_store = std::move(*store);
    }
    void cleanup() { m_store.reset(); }

    void storeOverwritesFreedPages()
    {
        QCOMPARE(*m_store->database().scalar("PRAGMA secure_delete"), 1);
    }

    void erasingAParticipantLeavesNoTraceInTheFile()
    {
        Participant p = participant(Pseudonym);
        Goal goal;
        goal.id = QUuid::createUuid();
        goal.text = QStringLiteral("Find a room near the river");
        goal.setOn = QDate::currentDate();
        p.goals.append(goal);
        p = m_store->participants().save(p).value();
        QList<QUuid> encounterIds;
        for (int i = 0; i < 3; ++i) {
            Encounter e = encounter(QStringLiteral("Talked about %1 and the weekend, visit %2")
                                        .arg(QString::fromLatin1(Marker))
                                        .arg(i));
            e.participantId = p.id;
            encounterIds.append(m_store->encounters().save(e).value().id);
        }
        // An edit after a push: field stamps exist, and a concurrent remote edit of the note
        // keeps the local text (with the marker) as a conflict copy.
        QList<qint64> seqs;
        for (const OutboxEntry &e : m_store->outbox().pending(100).value())
            seqs.append(e.seq);
        QVERIFY(m_store->outbox().markApplied(seqs).ok());
        Encounter edited = m_store->encounters().get(encounterIds.first()).value();
        edited.note = QStringLiteral("Second thoughts on %1 with %2")
                          .arg(QString::fromLatin1(Marker), Pseudonym);
        QVERIFY(m_store->encounters().save(edited).ok());
        RemoteChange remote;
        remote.recordId = edited.id;
        remote.type = RecordType::Encounter;
        remote.fields.insert(QStringLiteral("note"), QStringLiteral("their version"));
        remote.stamp = {QDateTime::currentMSecsSinceEpoch() + 60000, 0, OtherDevice};
        remote.stamps.insert(QStringLiteral("note"), remote.stamp);
        auto merged = m_store->applyRemote({remote}, QByteArrayLiteral("c1"));
        QVERIFY(merged.ok());
        QCOMPARE(merged->conflicts, 1);

        // Someone else, who stays.
        Participant other =
            m_store->participants().save(participant(QStringLiteral("Kestrel"))).value();
        Encounter theirs = encounter(QStringLiteral("Brought blankets"));
        theirs.participantId = other.id;
        theirs = m_store->encounters().save(theirs).value();

        // The checks below do find what is there.
        QVERIFY(m_store->checkpoint().ok());
        QVERIFY(containsFolded(dumpAllTables(m_store->database()), Pseudonym.toUtf8()));
        QVERIFY(containsFolded(dumpAllTables(m_store->database()), Marker));
        {
            const QByteArray pages = decryptEverything(m_path, testKey());
            QVERIFY(containsFolded(pages, Pseudonym.toUtf8()));
            QVERIFY(containsFolded(pages, Marker));
        }
        // Three notes: the one the remote edit replaced stays searchable as a conflict copy.
        QCOMPARE(m_store->search(QString::fromLatin1(Marker))->size(), 3);
        const qint64 auditBefore = m_store->audit().count().value();

        Result<QList<QUuid>> erased = m_store->eraseParticipant(p.id);
        QVERIFY2(erased.ok(), why(erased).constData());
        QCOMPARE(QSet<QUuid>(erased->begin(), erased->end()),
                 QSet<QUuid>(encounterIds.begin(), encounterIds.end()));

        // Gone from the app's views.
        QCOMPARE(m_store->participants().get(p.id).error().code, ErrorCode::NotFound);
        for (const QUuid &id : encounterIds)
            QCOMPARE(m_store->encounters().get(id).error().code, ErrorCode::NotFound);
        QVERIFY(m_store->encounters().forParticipant(p.id)->items.isEmpty());
        QVERIFY(m_store->search(QString::fromLatin1(Marker))->isEmpty());
        QVERIFY(m_store->search(Pseudonym)->isEmpty());
        QVERIFY(m_store->conflictCopies(edited.id)->isEmpty());
        QCOMPARE(m_store->participants().findByPseudonym(QStringLiteral("moss"))->items.size(), 0);

        // The one erased is the only one: the other participant and their encounter stay.
        QCOMPARE(m_store->participants().get(other.id)->pseudonym, QStringLiteral("Kestrel"));
        QCOMPARE(m_store->encounters().forParticipant(other.id)->items.size(), 1);
        QCOMPARE(m_store->search(QStringLiteral("blankets"))->size(), 1);

        // A tombstone for each of the four records waits in the outbox, and nothing else of them.
        QSet<QUuid> tombstones;
        for (const OutboxEntry &e : m_store->outbox().pending(100).value()) {
            if (e.change.recordId == other.id || e.change.recordId == theirs.id)
                continue;
            QVERIFY(e.change.deleted);
            QVERIFY(e.change.fields.isEmpty());
            tombstones.insert(e.change.recordId);
        }
        QCOMPARE(tombstones,
                 (QSet<QUuid>{p.id, encounterIds[0], encounterIds[1], encounterIds[2]}));

        // One audit entry: a participant and 3 linked records, no content.
        QCOMPARE(m_store->audit().count().value(), auditBefore + 1);
        const AuditEntry entry = m_store->audit().list({{}, 1}).value().items.first();
        QCOMPARE(entry.action, QStringLiteral("erase"));
        QCOMPARE(entry.type, RecordType::Participant);
        QCOMPARE(entry.recordId, p.id);
        QCOMPARE(entry.fieldNames, QStringList{QStringLiteral("linked_records=3")});
        QVERIFY(m_store->audit().verify().ok());

        // No trace left: through the key, table by table, and in every page and WAL frame.
        QByteArray tables = dumpAllTables(m_store->database());
        QVERIFY2(!containsFolded(tables, Pseudonym.toUtf8()), "pseudonym in a table");
        QVERIFY2(!containsFolded(tables, Marker), "note word in a table");
        QVERIFY(containsFolded(tables, "blankets")); // the scan does see the rest
        m_store.reset();
        const QByteArray pages = decryptEverything(m_path, testKey());
        QVERIFY2(!containsFolded(pages, Pseudonym.toUtf8()), "pseudonym in a page");
        QVERIFY2(!containsFolded(pages, Marker), "note word in a page");
        QVERIFY2(!containsFolded(pages, utf16(Pseudonym)), "pseudonym in a page (UTF-16)");
        QVERIFY(containsFolded(pages, "kestrel"));
        const QByteArray raw = rawFiles(m_path);
        QVERIFY(!raw.isEmpty());
        QVERIFY(!containsFolded(raw, Pseudonym.toUtf8()));
        QVERIFY(!containsFolded(raw, Marker));

        // And it stays so when the store is opened again.
        open();
        QCOMPARE(m_store->participants().get(p.id).error().code, ErrorCode::NotFound);
        QVERIFY(m_store->integrityCheck().ok());
    }

    void anotherDeviceErasesWhenItPullsTheTombstones()
    {
        Participant p = m_store->participants().save(participant(Pseudonym)).value();
        Encounter e = encounter(QStringLiteral("Spoke of %1").arg(QString::fromLatin1(Marker)));
        e.participantId = p.id;
        e = m_store->encounters().save(e).value();
        QList<RemoteChange> created;
        QList<qint64> seqs;
        for (const OutboxEntry &entry : m_store->outbox().pending(100).value()) {
            created.append(entry.change);
            created.last().serverSeq = quint64(entry.seq);
            seqs.append(entry.seq);
        }
        QVERIFY(m_store->outbox().markApplied(seqs).ok());
        QCOMPARE(m_store->eraseParticipant(p.id)->size(), 1);
        QList<RemoteChange> erased;
        for (const OutboxEntry &entry : m_store->outbox().pending(100).value()) {
            erased.append(entry.change);
            erased.last().serverSeq = quint64(100 + entry.seq);
        }
        QCOMPARE(erased.size(), 2);

        const QString otherPath = m_dir.filePath(
            QStringLiteral("other-%1.db").arg(QUuid::createUuid().toString(QUuid::Id128)));
        auto other = Store::open(otherPath, testKey(9), Store::Mode::CreateNew);
        QVERIFY2(other.ok(), why(other).constData());
        QVERIFY((*other)->applyRemote(created, QByteArrayLiteral("2")).ok());
        QCOMPARE((*other)->search(QString::fromLatin1(Marker))->size(), 1);
        auto report = (*other)->applyRemote(erased, QByteArrayLiteral("102"));
        QVERIFY(report.ok());
        QCOMPARE(report->removed, 2);
        QCOMPARE((*other)->participants().get(p.id).error().code, ErrorCode::NotFound);
        QVERIFY((*other)->search(QString::fromLatin1(Marker))->isEmpty());
        const QByteArray tables = dumpAllTables((*other)->database());
        QVERIFY2(!containsFolded(tables, Pseudonym.toUtf8()), "pseudonym in a table");
        QVERIFY2(!containsFolded(tables, Marker), "note word in a table");
        other->reset();
        const QByteArray pages = decryptEverything(otherPath, testKey(9));
        QVERIFY2(!containsFolded(pages, Pseudonym.toUtf8()), "pseudonym in a page");
        QVERIFY2(!containsFolded(pages, Marker), "note word in a page");
    }

    void erasingAnUnknownOrDeletedParticipantIsNotFound()
    {
        QCOMPARE(m_store->eraseParticipant(QUuid::createUuid()).error().code, ErrorCode::NotFound);
        const Participant p =
            m_store->participants().save(participant(QStringLiteral("Wren"))).value();
        QVERIFY(m_store->eraseParticipant(p.id).ok());
        QCOMPARE(m_store->eraseParticipant(p.id).error().code, ErrorCode::NotFound);
        // An encounter is not a participant.
        const Encounter e = m_store->encounters().save(encounter(QStringLiteral("brief"))).value();
        QCOMPARE(m_store->eraseParticipant(e.id).error().code, ErrorCode::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestStoreErasure)
#include "tst_store_erasure.moc"
