// SPDX-License-Identifier: GPL-3.0-or-later
// Open conflicts on a real SQLCipher store: both texts listed with who wrote them, the losing
// text found by search until resolved, and a resolution that is an ordinary local edit (it
// waits in the outbox to sync) after which the conflict is gone.

#include "StoreTestSupport.h"

#include "Fields.h"

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

RemoteChange textChange(const QUuid &id, const QString &text, const HlcStamp &stamp)
{
    RemoteChange c;
    c.recordId = id;
    c.type = RecordType::DiaryEntry;
    c.fields.insert(QStringLiteral("text"), text);
    c.stamps.insert(QStringLiteral("text"), stamp);
    c.stamp = stamp;
    return c;
}

QStringList searchIds(Store &store, const QString &query)
{
    QStringList ids;
    for (const SearchHit &hit : store.search(query).value())
        ids.append(hit.id.toString());
    return ids;
}

} // namespace

class TestStoreConflicts : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;
    std::unique_ptr<Store> m_store;

    // An entry the server acknowledged, then edited here offline (pending), then edited on
    // another device: `theirsNewer` says whose edit wins the last-writer rule.
    DiaryEntry conflicted(const QString &mine, const QString &theirs, bool theirsNewer)
    {
        DiaryEntry d = m_store->diary().save(diary(QStringLiteral("first draft"))).value();
        QList<qint64> seqs;
        for (const OutboxEntry &e : m_store->outbox().pending(100).value())
            seqs.append(e.seq);
        if (!m_store->outbox().markApplied(seqs))
            qFatal("markApplied failed");
        d.text = mine;
        if (!m_store->diary().save(d))
            qFatal("save failed");
        auto report = m_store->applyRemote(
            {textChange(d.id, theirs, remoteStamp(theirsNewer ? 60000 : -600000))},
            QByteArrayLiteral("c1"));
        if (!report || report->conflicts != 1)
            qFatal("no conflict");
        return d;
    }

    QString pendingText(const QUuid &id)
    {
        QString text;
        for (const OutboxEntry &e : m_store->outbox().pending(100).value())
            if (e.change.recordId == id && e.change.fields.contains(QStringLiteral("text")))
                text = e.change.fields.value(QStringLiteral("text")).toString();
        return text;
    }

private slots:
    void init()
    {
        ++m_n;
        auto store = Store::open(m_dir.filePath(QStringLiteral("c%1.db").arg(m_n)), testKey(),
                                 Store::Mode::CreateNew);
        QVERIFY2(store.ok(), why(store));
        m_store = std::move(*store);
    }
    void cleanup() { m_store.reset(); }

    void theListShowsBothTextsAndWhoWroteThem()
    {
        const DiaryEntry d = conflicted(QStringLiteral("walked by the river"),
                                        QStringLiteral("rested at home"), true);
        QCOMPARE(*m_store->conflicts().count(), qint64(1));
        const QList<Conflict> all = m_store->conflicts().list().value();
        QCOMPARE(all.size(), 1);
        const Conflict &c = all.first();
        QCOMPARE(c.recordId, d.id);
        QCOMPARE(c.type, RecordType::DiaryEntry);
        QCOMPARE(c.field, QStringLiteral("text"));
        QCOMPARE(c.mine, QStringLiteral("walked by the river"));
        QCOMPARE(c.theirs, QStringLiteral("rested at home"));
        QVERIFY(!c.mineWon); // theirs is newer: the entry shows it, mine is the copy
        QCOMPARE(c.mineStamp.device, m_store->deviceId());
        QCOMPARE(c.theirsStamp.device, OtherDevice);
        QVERIFY(c.theirsStamp.physicalMs > c.mineStamp.physicalMs);
        QCOMPARE(m_store->diary().get(d.id)->text, QStringLiteral("rested at home"));
        // One record's conflicts, and none for another.
        QCOMPARE(m_store->conflicts().list(d.id)->size(), 1);
        QVERIFY(m_store->conflicts().list(createUuidV7())->isEmpty());
        QCOMPARE(m_store->conflicts().find(c.id)->mine, c.mine);
    }

    void whenMineWinsTheCopyIsTheirs()
    {
        conflicted(QStringLiteral("my newer words"), QStringLiteral("their older words"), false);
        const Conflict c = m_store->conflicts().list()->first();
        QVERIFY(c.mineWon);
        QCOMPARE(c.mine, QStringLiteral("my newer words"));
        QCOMPARE(c.theirs, QStringLiteral("their older words"));
    }

    void searchFindsTheLosingTextUntilResolved()
    {
        const DiaryEntry d =
            conflicted(QStringLiteral("saw the otters"), QStringLiteral("saw the herons"), true);
        QCOMPARE(searchIds(*m_store, QStringLiteral("herons")), QStringList{d.id.toString()});
        // The losing text leads to the record, its words in the snippet.
        const QList<SearchHit> hits = m_store->search(QStringLiteral("otters")).value();
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits.first().id, d.id);
        QVERIFY(hits.first().snippet.contains(QStringLiteral("otters")));
        // A word in both texts finds the entry once.
        QCOMPARE(searchIds(*m_store, QStringLiteral("saw")), QStringList{d.id.toString()});
        // Prefixes too.
        QCOMPARE(searchIds(*m_store, QStringLiteral("otte")), QStringList{d.id.toString()});

        const Conflict c = m_store->conflicts().list()->first();
        QVERIFY(m_store->conflicts().resolve(c.id, ConflictChoice::KeepTheirs).ok());
        QVERIFY(searchIds(*m_store, QStringLiteral("otters")).isEmpty());
        QCOMPARE(searchIds(*m_store, QStringLiteral("herons")), QStringList{d.id.toString()});
    }

    void keepingMineIsALocalEditThatSyncs()
    {
        const DiaryEntry d =
            conflicted(QStringLiteral("mine, kept"), QStringLiteral("theirs, newer"), true);
        const Conflict c = m_store->conflicts().list()->first();
        QVERIFY(m_store->conflicts().resolve(c.id, ConflictChoice::KeepMine).ok());
        QCOMPARE(m_store->diary().get(d.id)->text, QStringLiteral("mine, kept"));
        QCOMPARE(pendingText(d.id), QStringLiteral("mine, kept"));
        // Its stamp is newer than theirs: the other device takes it.
        QVERIFY(m_store->clock().now() > c.theirsStamp);
        QCOMPARE(*m_store->conflicts().count(), qint64(0));
        QVERIFY(m_store->conflictCopies(d.id)->isEmpty());
        QVERIFY(m_store->audit().verify()->intact());
    }

    void aMergedTextReplacesBoth()
    {
        const DiaryEntry d = conflicted(QStringLiteral("A"), QStringLiteral("B"), true);
        const Conflict c = m_store->conflicts().list()->first();
        QVERIFY(m_store->conflicts()
                    .resolve(c.id, ConflictChoice::Merge, QStringLiteral("A and B"))
                    .ok());
        QCOMPARE(m_store->diary().get(d.id)->text, QStringLiteral("A and B"));
        QCOMPARE(pendingText(d.id), QStringLiteral("A and B"));
        QVERIFY(m_store->conflicts().list()->isEmpty());
        // Resolved already: says so.
        QCOMPARE(m_store->conflicts().resolve(c.id, ConflictChoice::KeepMine).error().code,
                 ErrorCode::NotFound);
    }

    void anInvalidMergeChangesNothing()
    {
        const DiaryEntry d = conflicted(QStringLiteral("A"), QStringLiteral("B"), true);
        const Conflict c = m_store->conflicts().list()->first();
        const QString tooLong(limits::DiaryText + 1, u'x');
        QCOMPARE(m_store->conflicts().resolve(c.id, ConflictChoice::Merge, tooLong).error().code,
                 ErrorCode::InvalidInput);
        QCOMPARE(m_store->diary().get(d.id)->text, QStringLiteral("B"));
        QCOMPARE(*m_store->conflicts().count(), qint64(1));
    }

    void deletingTheRecordTakesItsConflicts()
    {
        const DiaryEntry d =
            conflicted(QStringLiteral("kingfisher"), QStringLiteral("wagtail"), true);
        QVERIFY(m_store->diary().remove(d.id).ok());
        QCOMPARE(*m_store->conflicts().count(), qint64(0));
        QVERIFY(searchIds(*m_store, QStringLiteral("kingfisher")).isEmpty());
    }

    void thisDevicesOwnOlderTextComingBackIsNoConflict()
    {
        // A pull can return this device's own earlier change while a later edit of it waits to
        // be sent: the device wrote the later text over it, so nothing conflicts.
        DiaryEntry d = m_store->diary().save(diary(QStringLiteral("first words"))).value();
        const OutboxEntry created = m_store->outbox().pending(100).value().first();
        d.text = QStringLiteral("second words");
        QVERIFY(m_store->diary().save(d).ok());
        auto report = m_store->applyRemote({created.change}, QByteArrayLiteral("c1"));
        QVERIFY(report.ok());
        QCOMPARE(report->conflicts, 0);
        QCOMPARE(*m_store->conflicts().count(), qint64(0));
        QCOMPARE(m_store->diary().get(d.id)->text, QStringLiteral("second words"));
    }

    void openConflictsSurviveReopening()
    {
        const QString path = m_store->path();
        conflicted(QStringLiteral("heron at dawn"), QStringLiteral("egret at dusk"), true);
        m_store.reset();
        auto store = Store::open(path, testKey(), Store::Mode::OpenExisting);
        QVERIFY2(store.ok(), why(store));
        m_store = std::move(*store);
        QCOMPARE(*m_store->conflicts().count(), qint64(1));
        QCOMPARE(m_store->search(QStringLiteral("heron"))->size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestStoreConflicts)
#include "tst_store_conflicts.moc"
