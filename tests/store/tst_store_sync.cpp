// Store::applyRemote: per-field last-writer-wins by (HLC, device), tombstones, conflict copies
// of free text, the pull cursor in the same transaction, and no outbox writes.

#include "StoreTestSupport.h"

#include <QTest>

using namespace wp;
using namespace wp::test;

namespace {

const QUuid OtherDevice = QUuid::fromString(QStringLiteral("{6f1c2b7e-0000-4000-8000-00000000beef}"));

HlcStamp remoteStamp(qint64 offsetMs)
{
    return {QDateTime::currentMSecsSinceEpoch() + offsetMs, 0, OtherDevice};
}

RemoteChange fieldChange(const QUuid &id, RecordType type, const QString &field, const QCborValue &value,
                         const HlcStamp &stamp)
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
            fieldChange(d.id, RecordType::DiaryEntry, QStringLiteral("wellbeing"), 2, remoteStamp(5000)),
            fieldChange(d.id, RecordType::DiaryEntry, QStringLiteral("text"), QStringLiteral("stale"), remoteStamp(-60000)),
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
        auto report = m_store->applyRemote(
            {fieldChange(d.id, RecordType::DiaryEntry, QStringLiteral("text"), QStringLiteral("their edit"),
                         remoteStamp(60000))},
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
            {fieldChange(d.id, RecordType::DiaryEntry, QStringLiteral("text"), QStringLiteral("late arrival"),
                         remoteStamp(-600000))},
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

        auto after = m_store->applyRemote(
            {fieldChange(d.id, RecordType::DiaryEntry, QStringLiteral("text"), QStringLiteral("revived?"),
                         remoteStamp(9000))},
            QByteArrayLiteral("c6"));
        QCOMPARE(after->applied, 0);
        QCOMPARE(after->ignored, 1);
        QCOMPARE(m_store->diary().get(d.id).error().code, ErrorCode::NotFound);
        QCOMPARE(*m_store->outbox().count(), 0);
        QCOMPARE(m_store->syncCursor(), QByteArrayLiteral("c6"));
    }

    void sameIdWithAnotherTypeIsNotMixedIn()
    {
        const DiaryEntry d = pushedEntry(QStringLiteral("a diary"));
        auto report = m_store->applyRemote(
            {fieldChange(d.id, RecordType::Encounter, QStringLiteral("note"), QStringLiteral("x"), remoteStamp(1))},
            QByteArrayLiteral("c7"));
        QVERIFY(report.ok());
        QCOMPARE(report->unreadable, 1);
        QCOMPARE(m_store->diary().get(d.id)->text, QStringLiteral("a diary"));
    }
};

QTEST_GUILESS_MAIN(TestStoreSync)
#include "tst_store_sync.moc"
