// SPDX-License-Identifier: GPL-3.0-or-later
// Store::applyRemote: per-field last-writer-wins by (HLC, device), tombstones, conflict copies
// of free text, the pull cursor in the same transaction, and no outbox writes.

#include "StoreTestSupport.h"

#include <QCborArray>
#include <QTest>

using namespace wp;
using namespace wp::test;

namespace {

const QUuid OtherDevice =
    QUuid::fromString(QStringLiteral("{6f1c2b7e-0000-4000-8000-00000000beef}"));

HlcStamp remoteStamp(qint64 offsetMs)
{
    return {QDateTime::currentMSecsSinceEpoch() + offsetMs, 0, OtherDevice};
}

// A whole diary entry as another device created it (what an initial pull delivers).
RemoteChange newEntry(const QString &text, const HlcStamp &stamp)
{
    DiaryEntry d = diary(text);
    d.id = createUuidV7();
    d.createdAt = d.writtenAt;
    RemoteChange c;
    c.recordId = d.id;
    c.type = RecordType::DiaryEntry;
    c.fields = d.toFields();
    c.stamp = stamp;
    for (auto it = c.fields.begin(); it != c.fields.end(); ++it)
        c.stamps.insert(it.key().toString(), c.stamp);
    return c;
}

RemoteChange fieldChange(const QUuid &id, RecordType type, const QString &field,
                         const QCborValue &value, const HlcStamp &stamp)
{
    RemoteChange c;
    c.recordId = id;
    c.type = type;
    c.fields.insert(field, value);
    c.stamps.insert(field, stamp);
    c.stamp = stamp;
    return c;
}

} // namespace

class TestStoreSync : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;
    std::unique_ptr<Store> m_store;
    QString currentPath() const { return m_dir.filePath(QStringLiteral("y%1.db").arg(m_n)); }

    // A local entry the server already acknowledged (nothing pending).
    DiaryEntry pushedEntry(const QString &text)
    {
        DiaryEntry d = m_store->diary().save(diary(text)).value();
        QList<qint64> seqs;
        const QList<OutboxEntry> pending = m_store->outbox().pending(100).value();
        for (const OutboxEntry &e : pending)
            seqs.append(e.seq);
        if (!m_store->outbox().markApplied(seqs))
            qFatal("markApplied failed");
        return d;
    }

private slots:
    void init()
    {
        ++m_n;
        auto store = Store::open(currentPath(), testKey(), Store::Mode::CreateNew);
        QVERIFY(store.ok());
        m_store = std::move(*store);
    }
    void cleanup() { m_store.reset(); }

    // An older device still sends self-care as the labels it showed (here in French): they read
    // as keys, and the entry is found by its labels in either language.
    void labelsFromAnOlderDeviceReadAsKeys()
    {
        RemoteChange c = newEntry(QStringLiteral("Written on an old phone"), remoteStamp(-1000));
        c.fields[QStringLiteral("selfCare")] =
            QCborArray{QStringLiteral("Pris une pause"), QStringLiteral("Jardinage")};
        QVERIFY(m_store->applyRemote({c}, QByteArrayLiteral("cursor-1")).ok());
        QCOMPARE(m_store->diary().get(c.recordId)->selfCare,
                 (QStringList{QStringLiteral("took_break"), QStringLiteral("Jardinage")}));
        QCOMPARE(m_store->search(QStringLiteral("break"))->size(), 1);
        QCOMPARE(m_store->search(QStringLiteral("pause"))->size(), 1);
        QCOMPARE(m_store->search(QStringLiteral("jardinage"))->size(), 1);
        QCOMPARE(*m_store->outbox().count(), 0);
    }

    void remoteRecordArrivesWithItsCursor()
    {
        DiaryEntry d = diary(QStringLiteral("Shared from my tablet about herons"));
        d.id = createUuidV7();
        d.createdAt = d.writtenAt;
        d.shared = true;
        RemoteChange c;
        c.recordId = d.id;
        c.type = RecordType::DiaryEntry;
        c.fields = d.toFields();
        c.stamp = remoteStamp(-1000);
        for (auto it = c.fields.begin(); it != c.fields.end(); ++it)
            c.stamps.insert(it.key().toString(), c.stamp);

        auto report = m_store->applyRemote({c}, QByteArrayLiteral("cursor-1"));
        QVERIFY2(report.ok(), why(report).constData());
        QCOMPARE(report->applied, c.fields.size());
        QCOMPARE(report->changedRecords, QList<QUuid>{d.id});
        QCOMPARE(*m_store->diary().get(d.id), d);
        QCOMPARE(m_store->search(QStringLiteral("herons"))->size(), 1);
        QCOMPARE(m_store->diary().listShared(true)->items.size(), 1);
        QCOMPARE(*m_store->outbox().count(), 0);
        QCOMPARE(m_store->syncCursor(), QByteArrayLiteral("cursor-1"));
        QCOMPARE(m_store->audit().list({})->items.first().action, QStringLiteral("merge"));

        m_store.reset();
        auto reopened = Store::open(currentPath(), testKey(), Store::Mode::OpenExisting);
        QVERIFY(reopened.ok());
        QCOMPARE((*reopened)->syncCursor(), QByteArrayLiteral("cursor-1"));
    }

    void newerFieldWinsOlderIsIgnored()
    {
        const DiaryEntry d = pushedEntry(QStringLiteral("mine"));
        const QList<RemoteChange> changes{
            fieldChange(d.id, RecordType::DiaryEntry, QStringLiteral("wellbeing"), 2,
                        remoteStamp(5000)),
            fieldChange(d.id, RecordType::DiaryEntry, QStringLiteral("text"),
                        QStringLiteral("stale"), remoteStamp(-60000)),
        };
        auto report = m_store->applyRemote(changes, QByteArrayLiteral("c2"));
        QVERIFY(report.ok());
        QCOMPARE(report->applied, 1);
        QCOMPARE(report->ignored, 1);
        QCOMPARE(report->conflicts, 0);
        const DiaryEntry now = m_store->diary().get(d.id).value();
        QCOMPARE(now.wellbeing, std::optional<int>(2));
        QCOMPARE(now.text, QStringLiteral("mine"));
        QCOMPARE(*m_store->outbox().count(), 0);
        // Local stamps now come after the remote one, even though it is ahead of our clock.
        QVERIFY(m_store->clock().now() > changes.first().stamp);
    }

    void concurrentTextEditKeepsTheLosingText()
    {
        const DiaryEntry d = pushedEntry(QStringLiteral("original"));
        DiaryEntry edited = d;
        edited.text = QStringLiteral("my offline edit");
        QVERIFY(m_store->diary().save(edited).ok()); // pending in the outbox

        // The other device's edit is newer: it wins, ours is kept as a conflict copy.
        auto report =
            m_store->applyRemote({fieldChange(d.id, RecordType::DiaryEntry, QStringLiteral("text"),
                                              QStringLiteral("their edit"), remoteStamp(60000))},
                                 QByteArrayLiteral("c3"));
        QVERIFY(report.ok());
        QCOMPARE(report->conflicts, 1);
        QCOMPARE(m_store->diary().get(d.id)->text, QStringLiteral("their edit"));
        auto copies = m_store->conflictCopies(d.id);
        QVERIFY(copies.ok());
        QCOMPARE(copies->size(), 1);
        QCOMPARE(copies->first().text, QStringLiteral("my offline edit"));
        QCOMPARE(copies->first().field, QStringLiteral("text"));

        // An older concurrent edit loses, but its text is kept too.
        DiaryEntry again = m_store->diary().get(d.id).value();
        again.text = QStringLiteral("newest local");
        QVERIFY(m_store->diary().save(again).ok());
        auto late = m_store->applyRemote(
            {fieldChange(d.id, RecordType::DiaryEntry, QStringLiteral("text"),
                         QStringLiteral("late arrival"), remoteStamp(-600000))},
            QByteArrayLiteral("c4"));
        QCOMPARE(late->conflicts, 1);
        QCOMPARE(m_store->diary().get(d.id)->text, QStringLiteral("newest local"));
        copies = m_store->conflictCopies(d.id);
        QCOMPARE(copies->size(), 2);
        QCOMPARE(copies->last().text, QStringLiteral("late arrival"));

        QVERIFY(m_store->dismissConflictCopy(copies->first().id).ok());
        QCOMPARE(m_store->conflictCopies(d.id)->size(), 1);
        QVERIFY(m_store->audit().verify()->intact());
    }

    void remoteDeletionIsFinal()
    {
        const DiaryEntry d = pushedEntry(QStringLiteral("about to go, with otters"));
        RemoteChange del;
        del.recordId = d.id;
        del.type = RecordType::DiaryEntry;
        del.deleted = true;
        del.stamp = remoteStamp(1000);
        auto report = m_store->applyRemote({del}, QByteArrayLiteral("c5"));
        QVERIFY(report.ok());
        QCOMPARE(report->applied, 1);
        QCOMPARE(m_store->diary().get(d.id).error().code, ErrorCode::NotFound);
        QVERIFY(m_store->search(QStringLiteral("otters"))->isEmpty());

        auto after =
            m_store->applyRemote({fieldChange(d.id, RecordType::DiaryEntry, QStringLiteral("text"),
                                              QStringLiteral("revived?"), remoteStamp(9000))},
                                 QByteArrayLiteral("c6"));
        QCOMPARE(after->applied, 0);
        QCOMPARE(after->ignored, 1);
        QCOMPARE(m_store->diary().get(d.id).error().code, ErrorCode::NotFound);
        QCOMPARE(*m_store->outbox().count(), 0);
        QCOMPARE(m_store->syncCursor(), QByteArrayLiteral("c6"));
    }

    // A page's search writes are held to its end (one FTS5 segment per page): what the index
    // says afterwards is what each record holds last, whatever happened to it in the page.
    void searchFindsWhatEachRecordHoldsAfterAPage()
    {
        const DiaryEntry kept = pushedEntry(QStringLiteral("walked along the canal with herons"));
        const DiaryEntry gone = pushedEntry(QStringLiteral("a note about lanterns"));
        const RemoteChange created =
            newEntry(QStringLiteral("first draft about otters"), remoteStamp(1000));
        const RemoteChange shortLived =
            newEntry(QStringLiteral("kites over the park"), remoteStamp(1001));
        RemoteChange removed;
        removed.recordId = shortLived.recordId;
        removed.type = RecordType::DiaryEntry;
        removed.deleted = true;
        removed.stamp = remoteStamp(1003);
        RemoteChange tombstone = removed;
        tombstone.recordId = gone.id;
        QList<RemoteChange> page;
        for (int i = 0; i < 50; ++i) // enough rows for the order of index writes to matter
            page.append(newEntry(QStringLiteral("filler entry %1 about sparrows").arg(i),
                                 remoteStamp(900 + i)));
        page +=
            {created,
             shortLived,
             fieldChange(created.recordId, RecordType::DiaryEntry, QStringLiteral("text"),
                         QStringLiteral("final text about beavers"), remoteStamp(1002)),
             fieldChange(kept.id, RecordType::DiaryEntry, QStringLiteral("text"),
                         QStringLiteral("walked along the canal with swans"), remoteStamp(1002)),
             removed,
             tombstone};

        auto report = m_store->applyRemote(page, QByteArrayLiteral("p1"));
        QVERIFY2(report.ok(), why(report).constData());
        QCOMPARE(report->conflicts, 0);
        const auto hits = [this](const QString &word) {
            QList<QUuid> ids;
            for (const SearchHit &h : m_store->search(word).value())
                ids.append(h.id);
            return ids;
        };
        QCOMPARE(hits(QStringLiteral("beavers")), QList<QUuid>{created.recordId});
        QVERIFY(hits(QStringLiteral("otters")).isEmpty());
        QVERIFY(hits(QStringLiteral("kites")).isEmpty());
        QVERIFY(hits(QStringLiteral("lanterns")).isEmpty());
        QVERIFY(hits(QStringLiteral("herons")).isEmpty());
        QCOMPARE(hits(QStringLiteral("swans")), QList<QUuid>{kept.id});
        QCOMPARE(hits(QStringLiteral("canal")), QList<QUuid>{kept.id});
        QCOMPARE(m_store->search(QStringLiteral("sparrows"), 500)->size(), 50);
        QCOMPARE(m_store->diary().get(created.recordId)->text,
                 QStringLiteral("final text about beavers"));
        QCOMPARE(m_store->diary().get(shortLived.recordId).error().code, ErrorCode::NotFound);
        QVERIFY(
            m_store->database().exec("INSERT INTO search(search) VALUES ('integrity-check')").ok());

        // One audit entry per change merged, linked as ever, and the head stored with them.
        QCOMPARE(*m_store->audit().count(), 2 + page.size());
        QVERIFY(m_store->audit().verify()->intact());
        m_store.reset();
        auto reopened = Store::open(currentPath(), testKey(), Store::Mode::OpenExisting);
        QVERIFY(reopened.ok());
        QVERIFY((*reopened)->audit().verify()->intact());
        QCOMPARE((*reopened)->search(QStringLiteral("swans"))->size(), 1);
    }

    // A batch of audit entries whose transaction rolls back leaves the chain as it was, and
    // the next entry links to the stored head, not to one the batch held in memory.
    void anAuditBatchRolledBackLeavesTheChainIntact()
    {
        (void)pushedEntry(QStringLiteral("before"));
        const qint64 before = *m_store->audit().count();
        {
            auto tx = m_store->batch();
            QVERIFY(tx.ok());
            auto batch = m_store->audit().batch();
            QVERIFY(batch.ok());
            QVERIFY(m_store->audit()
                        .append(QStringLiteral("merge"), createUuidV7(), RecordType::DiaryEntry,
                                {QStringLiteral("text")}, 1)
                        .ok());
            // dropped: neither finished nor committed
        }
        QCOMPARE(*m_store->audit().count(), before);
        (void)pushedEntry(QStringLiteral("after"));
        QCOMPARE(*m_store->audit().count(), before + 1);
        QVERIFY(m_store->audit().verify()->intact());
    }

    void sameIdWithAnotherTypeIsNotMixedIn()
    {
        const DiaryEntry d = pushedEntry(QStringLiteral("a diary"));
        auto report =
            m_store->applyRemote({fieldChange(d.id, RecordType::Encounter, QStringLiteral("note"),
                                              QStringLiteral("x"), remoteStamp(1))},
                                 QByteArrayLiteral("c7"));
        QVERIFY(report.ok());
        QCOMPARE(report->unreadable, 1);
        QCOMPARE(m_store->diary().get(d.id)->text, QStringLiteral("a diary"));
    }

    void onlyARecordsAuthorChangesIt()
    {
        // A record created here belongs to this device's user; one first pulled, to its
        // signer. Changes signed by anyone else are set aside, the rest merge.
        const QUuid me = createUuidV7();
        const QUuid colleague = createUuidV7();
        const DiaryEntry mine = pushedEntry(QStringLiteral("mine"));
        RemoteChange theirs = newEntry(QStringLiteral("theirs"), remoteStamp(1));
        theirs.author = colleague;
        QVERIFY(m_store->applyRemote({theirs}, QByteArrayLiteral("c1"), {}, me).ok());

        RemoteChange forgedEdit =
            fieldChange(mine.id, RecordType::DiaryEntry, QStringLiteral("text"),
                        QStringLiteral("x"), remoteStamp(2));
        forgedEdit.serverSeq = 11;
        forgedEdit.author = colleague;
        RemoteChange forgedTomb;
        forgedTomb.recordId = mine.id;
        forgedTomb.type = RecordType::DiaryEntry;
        forgedTomb.deleted = true;
        forgedTomb.stamp = remoteStamp(3);
        forgedTomb.serverSeq = 12;
        forgedTomb.author = colleague;
        RemoteChange myEditOfTheirs =
            fieldChange(theirs.recordId, RecordType::DiaryEntry, QStringLiteral("text"),
                        QStringLiteral("y"), remoteStamp(4));
        myEditOfTheirs.serverSeq = 13;
        myEditOfTheirs.author = me;
        RemoteChange theirEdit =
            fieldChange(theirs.recordId, RecordType::DiaryEntry, QStringLiteral("text"),
                        QStringLiteral("theirs, later"), remoteStamp(5));
        theirEdit.author = colleague;
        RemoteChange myOtherDevice =
            fieldChange(mine.id, RecordType::DiaryEntry, QStringLiteral("text"),
                        QStringLiteral("mine, from my tablet"), remoteStamp(6));
        myOtherDevice.author = me;
        auto report =
            m_store->applyRemote({forgedEdit, forgedTomb, myEditOfTheirs, theirEdit, myOtherDevice},
                                 QByteArrayLiteral("c2"), {}, me);
        QVERIFY(report.ok());
        QCOMPARE(report->setAside.size(), 3);
        for (const SetAsideChange &c : std::as_const(report->setAside))
            QCOMPARE(c.reason, QStringLiteral("not_author"));
        QCOMPARE(m_store->diary().get(mine.id)->text, QStringLiteral("mine, from my tablet"));
        QCOMPARE(m_store->diary().get(theirs.recordId)->text, QStringLiteral("theirs, later"));
        QCOMPARE(*m_store->setAside().count(), 3);
    }

    void aSharedEntryIsSentWholeAndUnsharingIsMarked()
    {
        // A new private entry: neither shared nor unsharing.
        DiaryEntry d = m_store->diary().save(diary(QStringLiteral("kept private"))).value();
        QList<OutboxEntry> sent = m_store->pendingToSend(100, 0).value();
        QCOMPARE(sent.size(), 1);
        QVERIFY(!sent[0].shared && !sent[0].unshares);
        QList<qint64> seqs{sent[0].seq};
        QVERIFY(m_store->outbox().markApplied(seqs).ok());

        // Shared: the change carries every field, not only `shared`.
        d.shared = true;
        d = m_store->diary().save(d).value();
        sent = m_store->pendingToSend(100, 0).value();
        QCOMPARE(sent.size(), 1);
        QVERIFY(sent[0].shared && !sent[0].unshares);
        QCOMPARE(sent[0].change.fields.value(QStringLiteral("text")).toString(),
                 QStringLiteral("kept private"));
        QCOMPARE(sent[0].change.fields.value(QStringLiteral("shared")).toBool(), true);
        for (const QString &field : sent[0].change.stamps.keys())
            QVERIFY2(!sent[0].change.stamps.value(field).isNull(), qPrintable(field));
        QVERIFY(m_store->outbox().markApplied({sent[0].seq}).ok());

        // Unshared: private again, marked as leaving the shared audience.
        d.shared = false;
        d = m_store->diary().save(d).value();
        sent = m_store->pendingToSend(100, 0).value();
        QCOMPARE(sent.size(), 1);
        QVERIFY(!sent[0].shared && sent[0].unshares);
        QCOMPARE(sent[0].change.fields.size(), 1);
    }

    void aWithdrawalRemovesOnlyOtherUsersRecords()
    {
        const QUuid me = createUuidV7();
        const QUuid worker = createUuidV7();
        const DiaryEntry mine = pushedEntry(QStringLiteral("my own words"));
        RemoteChange theirs = newEntry(QStringLiteral("WITHDRAWN words"), remoteStamp(1));
        theirs.author = worker;
        QVERIFY(m_store->applyRemote({theirs}, QByteArrayLiteral("c1"), {}, me).ok());
        QCOMPARE(m_store->recordAuthor(theirs.recordId).value(), worker);
        QVERIFY(m_store->recordAuthor(mine.id).value().isNull());
        QCOMPARE(m_store->search(QStringLiteral("WITHDRAWN")).value().size(), 1);

        // The server's word never removes this user's own record, nor an unknown one.
        auto gone = m_store->withdraw({mine.id, theirs.recordId, createUuidV7()}, me);
        QVERIFY(gone.ok());
        QCOMPARE(*gone, 1);
        QVERIFY(m_store->diary().get(mine.id).ok());
        QCOMPARE(m_store->diary().get(theirs.recordId).error().code, ErrorCode::NotFound);
        QVERIFY(m_store->search(QStringLiteral("WITHDRAWN")).value().isEmpty());
        QCOMPARE(m_store->recordAuthor(theirs.recordId).error().code, ErrorCode::NotFound);
        QVERIFY(m_store->audit().verify().value().intact());

        // Shared again later, it comes back like any new record.
        theirs.stamp = remoteStamp(5);
        for (auto it = theirs.stamps.begin(); it != theirs.stamps.end(); ++it)
            *it = theirs.stamp;
        QVERIFY(m_store->applyRemote({theirs}, QByteArrayLiteral("c2"), {}, me).ok());
        QCOMPARE(m_store->diary().get(theirs.recordId)->text, QStringLiteral("WITHDRAWN words"));
    }

    void invalidOrFarAheadChangesAreSetAsideAndTheRestMerges()
    {
        // Signed and decrypted, yet not acceptable: out of range, too long, the wrong kind, a
        // stamp two days ahead. Each is set aside with its reason and field, not merged; the
        // clock does not move; the page's good changes merge and its cursor is stored.
        const DiaryEntry d = pushedEntry(QStringLiteral("mine"));
        const HlcStamp clockBefore = m_store->clock().last();
        QList<RemoteChange> page;
        page << fieldChange(d.id, RecordType::DiaryEntry, QStringLiteral("wellbeing"), 99,
                            remoteStamp(1));
        page << fieldChange(d.id, RecordType::DiaryEntry, QStringLiteral("text"),
                            QString(200 * 1024, QLatin1Char('x')), remoteStamp(2));
        page << fieldChange(d.id, RecordType::DiaryEntry, QStringLiteral("text"), 42,
                            remoteStamp(3));
        page << newEntry(QStringLiteral("from the future"), remoteStamp(2 * 24 * 3'600'000));
        const RemoteChange good = newEntry(QStringLiteral("an hour ahead"), remoteStamp(3'600'000));
        page << good;
        for (qsizetype i = 0; i < page.size(); ++i)
            page[i].serverSeq = std::uint64_t(10 + i);
        const HlcStamp farAhead = page.at(3).stamp;

        auto report = m_store->applyRemote(page, QByteArrayLiteral("15"));
        QVERIFY(report.ok());
        QCOMPARE(report->setAside.size(), 4);
        QCOMPARE(m_store->syncCursor(), QByteArrayLiteral("15"));
        QCOMPARE(m_store->diary().get(d.id)->text, QStringLiteral("mine"));
        QVERIFY(!m_store->diary().get(d.id)->wellbeing);
        QVERIFY(!m_store->diary().get(page.at(3).recordId).ok());
        QCOMPARE(m_store->diary().get(good.recordId)->text, QStringLiteral("an hour ahead"));
        QVERIFY(clockBefore < m_store->clock().last());
        QVERIFY(m_store->clock().last() < farAhead);

        auto kept = m_store->setAside().list();
        QVERIFY(kept.ok());
        QCOMPARE(kept->size(), 4);
        QCOMPARE(*m_store->setAside().count(), 4);
        QCOMPARE(kept->at(0).reason, QStringLiteral("clock_ahead")); // newest first
        QCOMPARE(kept->at(0).serverSeq, 13u);
        QCOMPARE(kept->at(1).reason, QStringLiteral("invalid_content"));
        QCOMPARE(kept->at(1).field, QStringLiteral("text"));
        QCOMPARE(kept->at(3).field, QStringLiteral("wellbeing"));
        QCOMPARE(kept->at(3).recordId, d.id);

        // Pulled again (a resync): kept once.
        QVERIFY(m_store->applyRemote(page.mid(0, 1), QByteArrayLiteral("15")).ok());
        QCOMPARE(*m_store->setAside().count(), 4);
    }

    void theSetAsideLogIsBounded()
    {
        QList<SetAsideChange> many;
        for (int i = 1; i <= SetAsideLog::Limit + 10; ++i)
            many.append({createUuidV7(),
                         RecordType::DiaryEntry,
                         createUuidV7(),
                         createUuidV7(),
                         QStringLiteral("envelope_unreadable"),
                         {},
                         std::uint64_t(i),
                         {},
                         QDateTime::currentDateTimeUtc()});
        QVERIFY(m_store->applyRemote({}, QByteArrayLiteral("2000"), many).ok());
        QCOMPARE(*m_store->setAside().count(), qint64(SetAsideLog::Limit));
        QCOMPARE(m_store->setAside().list(1)->first().serverSeq,
                 std::uint64_t(SetAsideLog::Limit + 10));
        QVERIFY(m_store->setAside().clear().ok());
        QCOMPARE(*m_store->setAside().count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestStoreSync)
#include "tst_store_sync.moc"
