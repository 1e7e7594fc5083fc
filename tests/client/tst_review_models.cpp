// SPDX-License-Identifier: GPL-3.0-or-later
// The review models over a real SQLCipher store, with the worker's records stored as a pull
// stores them: the queue's rows and filters, the entry opened in review (read-only, marked
// reviewed once, comments), and the worker's side (read by, acknowledge, Today's list).

#include "../store/PulledRecords.h"
#include "../store/StoreTestSupport.h"
#include "ReviewQueueModel.h"
#include "ReviewThread.h"
#include "Reviews.h"
#include "Uuid.h"

#include <QSignalSpy>
#include <QTest>

using namespace wp;
using namespace wp::client;
using namespace wp::test;

namespace {

const QUuid Alex = QUuid::fromString(QStringLiteral("{0193a000-0000-7000-8000-00000000a1e1}"));
const QUuid Sam = QUuid::fromString(QStringLiteral("{0193a000-0000-7000-8000-0000000005a5}"));
const QUuid Jo = QUuid::fromString(QStringLiteral("{0193a000-0000-7000-8000-00000000000f}"));

QDateTime daysAgo(int days)
{
    return QDateTime::currentDateTimeUtc().addDays(-days);
}

} // namespace

class TestReviewModels : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;
    std::unique_ptr<Store> m_store;
    const QHash<QUuid, QString> m_names{
        {Alex, QStringLiteral("Alex")}, {Sam, QStringLiteral("Sam")}, {Jo, QStringLiteral("Jo")}};

private slots:
    void init()
    {
        auto store = Store::open(m_dir.filePath(QStringLiteral("m%1.db").arg(++m_n)), testKey(),
                                 Store::Mode::CreateNew);
        QVERIFY2(store, why(store).constData());
        m_store = std::move(*store);
    }
    void cleanup() { m_store.reset(); }

    void queueRowsNameTheWorkerAndFollowTheFilters()
    {
        Store &s = *m_store;
        QVERIFY(!pullSharedEntry(s, Sam, Alex, QStringLiteral("Court again"), daysAgo(2),
                                 {DiaryTheme::SystemicObstacles})
                     .isNull());
        QVERIFY(!pullSharedEntry(s, Jo, Alex, QStringLiteral("Shouted at in the queue"), daysAgo(1),
                                 {DiaryTheme::Boundaries})
                     .isNull());
        ReviewQueueModel queue;
        queue.setPeople(Alex, m_names, {});
        queue.setStore(&s);
        QCOMPARE(queue.count(), 2);
        QCOMPARE(queue.value(0, ReviewQueueModel::WorkerNameRole).toString(), QStringLiteral("Jo"));
        QCOMPARE(queue.value(0, ReviewQueueModel::SnippetRole).toString(),
                 QStringLiteral("Shouted at in the queue"));
        QCOMPARE(queue.value(0, ReviewQueueModel::ReviewedRole).toBool(), false);

        queue.setWorkerFilter(idText(Sam));
        QCOMPARE(queue.count(), 1);
        QCOMPARE(queue.value(0, ReviewQueueModel::WorkerNameRole).toString(),
                 QStringLiteral("Sam"));
        queue.setWorkerFilter({});
        queue.setThemeFilter(keyOf(DiaryTheme::Boundaries));
        QCOMPARE(queue.count(), 1);
        QCOMPARE(queue.value(0, ReviewQueueModel::WorkerNameRole).toString(), QStringLiteral("Jo"));
    }

    void openingAnEntryMarksItReviewedOnceAndCommentsJoinTheThread()
    {
        Store &s = *m_store;
        const QUuid entry =
            pullSharedEntry(s, Sam, Alex, QStringLiteral("A hard visit"), daysAgo(1));
        ReviewThread thread;
        thread.setPeople(Alex, m_names);
        thread.setStore(&s);
        QSignalSpy wrote(&thread, &ReviewThread::wrote);
        thread.open(idText(entry));
        QCOMPARE(thread.errorString(), QString());
        QCOMPARE(thread.own(), false);
        QCOMPARE(thread.workerName(), QStringLiteral("Sam"));
        QCOMPARE(thread.sections().value(0).toMap().value(QStringLiteral("text")).toString(),
                 QStringLiteral("A hard visit"));
        QCOMPARE(wrote.count(), 1);
        thread.open(idText(entry)); // again: still one mark
        Reviews reviews(s, Alex);
        int marks = 0;
        for (const ReviewNote &n : reviews.notesOn(entry).value())
            marks += n.comment.isReviewMark() ? 1 : 0;
        QCOMPARE(marks, 1);

        QVERIFY(!thread.addComment(QStringLiteral("   ")));
        QVERIFY(!thread.errorString().isEmpty());
        QVERIFY(thread.addComment(QStringLiteral("Talk on Friday?")));
        QCOMPARE(thread.comments().size(), 1);
        const QVariantMap c = thread.comments().first().toMap();
        QCOMPARE(c.value(QStringLiteral("text")).toString(), QStringLiteral("Talk on Friday?"));
        QCOMPARE(c.value(QStringLiteral("authorName")).toString(), QStringLiteral("You"));
        QCOMPARE(c.value(QStringLiteral("acknowledged")).toBool(), false);
        QCOMPARE(c.value(QStringLiteral("canAcknowledge")).toBool(), false);

        ReviewQueueModel queue;
        queue.setPeople(Alex, m_names, {});
        queue.setStore(&s);
        QCOMPARE(queue.value(0, ReviewQueueModel::ReviewedRole).toBool(), true);
        QCOMPARE(queue.value(0, ReviewQueueModel::CommentCountRole).toInt(), 1);
    }

    void theWorkerSeesWhoReadItAndAcknowledges()
    {
        Store &s = *m_store; // Sam's device
        auto own = s.diary().save(diary(QStringLiteral("my shift"), daysAgo(3)));
        QVERIFY(own);
        Comment mark;
        mark.id = createUuidV7();
        mark.diaryEntryId = own->id;
        mark.writtenAt = daysAgo(2);
        mark.createdAt = mark.writtenAt;
        QVERIFY(pullAs(s, mark, Alex, Sam));
        Comment said;
        said.id = createUuidV7();
        said.diaryEntryId = own->id;
        said.text = QStringLiteral("Well handled.");
        said.writtenAt = daysAgo(2);
        said.createdAt = said.writtenAt;
        QVERIFY(pullAs(s, said, Alex, Sam));

        CommentInboxModel inbox;
        inbox.setPeople(Sam, m_names);
        inbox.setStore(&s);
        QCOMPARE(inbox.count(), 1);
        QVERIFY(inbox.value(0, CommentInboxModel::HeadlineRole)
                    .toString()
                    .startsWith(QStringLiteral("Alex commented on your entry of ")));

        ReviewThread thread;
        thread.setPeople(Sam, m_names);
        thread.setStore(&s);
        thread.open(idText(own->id));
        QCOMPARE(thread.own(), true);
        QCOMPARE(thread.readBy().size(), 1);
        QVERIFY(thread.readBy().first().startsWith(QStringLiteral("Read by Alex, ")));
        QCOMPARE(thread.comments().size(), 1);
        QVariantMap c = thread.comments().first().toMap();
        QCOMPARE(c.value(QStringLiteral("canAcknowledge")).toBool(), true);
        QVERIFY(!thread.addComment(QStringLiteral("on my own entry"))); // a worker only acks
        QVERIFY(thread.acknowledge(idText(said.id)));
        c = thread.comments().first().toMap();
        QCOMPARE(c.value(QStringLiteral("acknowledged")).toBool(), true);
        QCOMPARE(c.value(QStringLiteral("acknowledgedText")).toString(),
                 QStringLiteral("You acknowledged this"));
        QCOMPARE(c.value(QStringLiteral("canAcknowledge")).toBool(), false);
        inbox.reload();
        QCOMPARE(inbox.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestReviewModels)
#include "tst_review_models.moc"
