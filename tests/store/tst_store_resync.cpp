// SPDX-License-Identifier: GPL-3.0-or-later
// Store resync after `410 resync_required` (app/store/Resync.h): every record marked, the cursor
// back to 0, pulled changes confirm their records, and the sweep removes only what the server's
// log no longer has and nothing waits to send: from the lists, the search index and the
// conflict copies, never from the outbox or the device secrets. Survives closing mid-resync.

#include "Sqlite.h"
#include "StoreTestSupport.h"

#include <QSet>
#include <QTest>

using namespace wp;
using namespace wp::test;

namespace {

const QUuid OtherDevice =
    QUuid::fromString(QStringLiteral("{6f1c2b7e-0000-4000-8000-00000000cafe}"));

HlcStamp remoteStamp(qint64 offsetMs)
{
    return {QDateTime::currentMSecsSinceEpoch() + offsetMs, 0, OtherDevice};
}

RemoteChange fieldChange(const QUuid &id, RecordType type, const QString &field,
                         const QCborValue &value, const HlcStamp &stamp, std::uint64_t seq)
{
    RemoteChange c;
    c.recordId = id;
    c.type = type;
    c.fields.insert(field, value);
    c.stamps.insert(field, stamp);
    c.stamp = stamp;
    c.serverSeq = seq;
    return c;
}

RemoteChange tombstone(const QUuid &id, RecordType type, const HlcStamp &stamp, std::uint64_t seq)
{
    RemoteChange c;
    c.recordId = id;
    c.type = type;
    c.deleted = true;
    c.stamp = stamp;
    c.serverSeq = seq;
    return c;
}

} // namespace

class TestStoreResync : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;
    std::unique_ptr<Store> m_store;
    QString currentPath() const { return m_dir.filePath(QStringLiteral("r%1.db").arg(m_n)); }

    void acknowledgeOutbox()
    {
        QList<qint64> seqs;
        for (const OutboxEntry &e : m_store->outbox().pending(1000).value())
            seqs.append(e.seq);
        QVERIFY(m_store->outbox().markApplied(seqs).ok());
    }

    // A local entry the server already acknowledged (nothing pending).
    DiaryEntry pushedEntry(const QString &text)
    {
        DiaryEntry d = m_store->diary().save(diary(text)).value();
        acknowledgeOutbox();
        return d;
    }

    qint64 rows(const char *sql) { return m_store->database().scalar(sql).value(); }

    qint64 stampRows(const QUuid &id)
    {
        sql::Statement st =
            m_store->database().prepare("SELECT count(*) FROM field_stamps WHERE record_id = ?");
        st.bindId(1, id);
        return st.step().value() ? st.int64(0) : -1;
    }

    void reopen()
    {
        m_store.reset();
        auto store = Store::open(currentPath(), testKey(), Store::Mode::OpenExisting);
        QVERIFY2(store.ok(), why(store).constData());
        m_store = std::move(*store);
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

    void sweepRemovesOnlyWhatTheLogNoLongerHas()
    {
        // Synced up to server seq 40 before going away.
        const DiaryEntry kept = pushedEntry(QStringLiteral("Kept entry about lapwings"));
        DiaryEntry gone = pushedEntry(QStringLiteral("Deleted elsewhere, about curlews"));
        gone.wellbeing = 3; // a later edit: the record gets field stamps
        QVERIFY(m_store->diary().save(gone).ok());
        acknowledgeOutbox();
        const DiaryEntry tomb = pushedEntry(QStringLiteral("deleted long ago"));
        QVERIFY(m_store
                    ->applyRemote({tombstone(tomb.id, RecordType::DiaryEntry, remoteStamp(1), 39)},
                                  QByteArrayLiteral("40"))
                    .ok());
        // A concurrent edit left a conflict copy on the record deleted elsewhere.
        DiaryEntry mine = gone;
        mine.text = QStringLiteral("my curlew edit");
        QVERIFY(m_store->diary().save(mine).ok());
        QVERIFY(
            m_store
                ->applyRemote({fieldChange(gone.id, RecordType::DiaryEntry, QStringLiteral("text"),
                                           QStringLiteral("theirs"), remoteStamp(60000), 40)},
                              QByteArrayLiteral("40"))
                .ok());
        QCOMPARE(m_store->conflictCopies(gone.id)->size(), 1);
        QVERIFY(stampRows(gone.id) > 0);
        acknowledgeOutbox();
        // Offline work: an edit of a record deleted elsewhere, and one the server refused.
        const DiaryEntry pendingEdit = pushedEntry(QStringLiteral("pending wagtails"));
        DiaryEntry edited = pendingEdit;
        edited.text = QStringLiteral("pending wagtails, edited offline");
        QVERIFY(m_store->diary().save(edited).ok());
        const DiaryEntry refused = m_store->diary().save(diary(QStringLiteral("refused"))).value();
        const qint64 refusedSeq = m_store->outbox().pending(1000)->last().seq;
        QVERIFY(m_store->outbox().markFailed({{refusedSeq, QStringLiteral("not_author")}}, 1).ok());
        QVERIFY(m_store->putDeviceSecret(QStringLiteral("sync_identity"), SecretBytes::random(32))
                    .ok());
        QCOMPARE(m_store->syncCursor(), QByteArrayLiteral("40"));

        QVERIFY(m_store->beginResync().ok());
        QVERIFY(m_store->resyncInProgress());
        QCOMPARE(m_store->syncCursor(), QByteArrayLiteral("0"));
        // Typed during the resync: never marked.
        const DiaryEntry during = m_store->diary().save(diary(QStringLiteral("new"))).value();
        const qint64 outboxBefore = rows("SELECT count(*) FROM outbox");

        // The pull from 0 brings what the log still has: `kept` (merged before), nothing of
        // `gone`, `tomb` or `pendingEdit`. A kill here keeps the state.
        auto page = m_store->applyRemote(
            {fieldChange(kept.id, RecordType::DiaryEntry, QStringLiteral("text"), kept.text,
                         remoteStamp(-5000), 3)},
            QByteArrayLiteral("41"));
        QVERIFY2(page.ok(), why(page).constData());
        reopen();
        QVERIFY(m_store->resyncInProgress());
        QCOMPARE(m_store->syncCursor(), QByteArrayLiteral("41"));

        // The pending edit keeps its record and the resync open; the refused one only its
        // record.
        auto sweep = m_store->sweepResync(500);
        QVERIFY2(sweep.ok(), why(sweep).constData());
        QCOMPARE(sweep->removed, 2); // gone, tomb
        QCOMPARE(sweep->waiting, 1);
        QVERIFY(!sweep->more);
        QVERIFY(!sweep->finished);
        QVERIFY(m_store->resyncInProgress());

        QCOMPARE(m_store->diary().get(gone.id).error().code, ErrorCode::NotFound);
        QVERIFY(m_store->search(QStringLiteral("curlews"))->isEmpty());
        QVERIFY(m_store->search(QStringLiteral("curlew"))->isEmpty());
        QVERIFY(m_store->conflictCopies(gone.id)->isEmpty());
        QCOMPARE(stampRows(gone.id), 0);
        QCOMPARE(rows("SELECT count(*) FROM records"), 4);
        const QList<DiaryEntry> listed = m_store->diary().list()->items;
        QSet<QUuid> ids;
        for (const DiaryEntry &d : listed)
            ids.insert(d.id);
        QCOMPARE(ids, (QSet<QUuid>{kept.id, pendingEdit.id, refused.id, during.id}));
        QCOMPARE(m_store->diary().get(pendingEdit.id)->text, edited.text);
        QCOMPARE(m_store->search(QStringLiteral("lapwings"))->size(), 1);
        QCOMPARE(rows("SELECT count(*) FROM outbox"), outboxBefore);
        QVERIFY(m_store->deviceSecret(QStringLiteral("sync_identity")).ok());

        // The pending edit is sent and the server stores it: the next pull confirms it.
        acknowledgeOutbox();
        QVERIFY(m_store
                    ->applyRemote(
                        {fieldChange(pendingEdit.id, RecordType::DiaryEntry, QStringLiteral("text"),
                                     edited.text, remoteStamp(-1), 42)},
                        QByteArrayLiteral("42"))
                    .ok());
        sweep = m_store->sweepResync(500);
        QVERIFY(sweep.ok());
        QCOMPARE(sweep->removed, 0);
        QVERIFY(sweep->finished);
        QVERIFY(!m_store->resyncInProgress());
        QCOMPARE(rows("SELECT count(*) FROM resync_unconfirmed"), 0);
        reopen();
        QVERIFY(!m_store->resyncInProgress());
        QCOMPARE(m_store->diary().get(refused.id)->text, QStringLiteral("refused"));
        QCOMPARE(*m_store->outbox().failedCount(), 1);

        // Every removal is in the audit chain, which is intact.
        QVERIFY(m_store->audit().verify()->intact());
        QCOMPARE(rows("SELECT count(*) FROM audit WHERE action = 'resync-remove'"), 2);
        QVERIFY(m_store->integrityCheck().ok());
    }

    void recordsSeenBeforeAreNotMergedAgain()
    {
        // The device pulled up to seq 10, then edited a text offline.
        const DiaryEntry d = pushedEntry(QStringLiteral("first words"));
        QVERIFY(m_store->applyRemote({}, QByteArrayLiteral("10")).ok());
        DiaryEntry edited = d;
        edited.text = QStringLiteral("typed offline");
        QVERIFY(m_store->diary().save(edited).ok());

        QVERIFY(m_store->beginResync().ok());
        // Its own first version comes back (seq 4): already merged, no conflict copy of it.
        auto page =
            m_store->applyRemote({fieldChange(d.id, RecordType::DiaryEntry, QStringLiteral("text"),
                                              d.text, remoteStamp(-60000), 4)},
                                 QByteArrayLiteral("11"));
        QVERIFY(page.ok());
        QCOMPARE(page->conflicts, 0);
        QVERIFY(m_store->conflictCopies(d.id)->isEmpty());
        // An edit from another device it never saw (seq 11) is merged as usual.
        page = m_store->applyRemote(
            {fieldChange(d.id, RecordType::DiaryEntry, QStringLiteral("text"),
                         QStringLiteral("from the tablet"), remoteStamp(-30000), 11)},
            QByteArrayLiteral("12"));
        QVERIFY(page.ok());
        QCOMPARE(page->conflicts, 1);
        QCOMPARE(m_store->conflictCopies(d.id)->first().text, QStringLiteral("from the tablet"));
        QCOMPARE(m_store->diary().get(d.id)->text, QStringLiteral("typed offline"));
    }

    void startingAgainMarksEverythingAndKeepsTheFurthestCursor()
    {
        const DiaryEntry a = pushedEntry(QStringLiteral("alpha"));
        const DiaryEntry b = pushedEntry(QStringLiteral("beta"));
        QVERIFY(m_store->applyRemote({}, QByteArrayLiteral("20")).ok());
        QVERIFY(m_store->beginResync().ok());
        // A first attempt confirmed `a` and got to 30 (merging up to there), then the server's
        // horizon moved again: the second attempt marks `a` again and must not merge 25 twice.
        QVERIFY(m_store
                    ->applyRemote({fieldChange(a.id, RecordType::DiaryEntry, QStringLiteral("text"),
                                               a.text, remoteStamp(-9), 5)},
                                  QByteArrayLiteral("30"))
                    .ok());
        QVERIFY(m_store->beginResync().ok());
        QCOMPARE(m_store->syncCursor(), QByteArrayLiteral("0"));
        QCOMPARE(rows("SELECT count(*) FROM resync_unconfirmed"), 2);
        QCOMPARE(rows("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'resync_known_seq'"),
                 30);
        // This time the log has only `b`: `a` goes, in steps of one.
        QVERIFY(m_store
                    ->applyRemote({fieldChange(b.id, RecordType::DiaryEntry, QStringLiteral("text"),
                                               b.text, remoteStamp(-9), 6)},
                                  QByteArrayLiteral("31"))
                    .ok());
        auto step = m_store->sweepResync(1);
        QVERIFY(step.ok());
        QCOMPARE(step->removed, 1);
        QVERIFY(step->more);
        step = m_store->sweepResync(1);
        QVERIFY(step.ok());
        QCOMPARE(step->removed, 0);
        QVERIFY(step->finished);
        QCOMPARE(m_store->diary().get(a.id).error().code, ErrorCode::NotFound);
        QCOMPARE(m_store->diary().get(b.id)->text, QStringLiteral("beta"));
        QCOMPARE(m_store->syncCursor(), QByteArrayLiteral("31"));
    }

    void withoutAResyncTheSweepDoesNothing()
    {
        const DiaryEntry a = pushedEntry(QStringLiteral("alone"));
        auto step = m_store->sweepResync(10);
        QVERIFY(step.ok());
        QVERIFY(step->finished);
        QCOMPARE(step->removed, 0);
        QCOMPARE(m_store->diary().get(a.id)->text, QStringLiteral("alone"));
    }
};

QTEST_GUILESS_MAIN(TestStoreResync)
#include "tst_store_resync.moc"
