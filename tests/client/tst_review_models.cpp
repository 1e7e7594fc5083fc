// SPDX-License-Identifier: GPL-3.0-or-later
// The review models over a real SQLCipher store, with the worker's records stored as a pull
// stores them: the queue's rows and filters, the entry opened in review (read-only, marked
// reviewed once, comments), the worker's side (read by, acknowledge, Today's list), and a
// supervisor's own diary and search keeping the entries shared with them apart.

#include "../store/PulledRecords.h"
#include "../store/StoreTestSupport.h"
#include "ListModels.h"
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

        // Raised at Sam's next supervision, still raised when opened again, then taken back.
        QCOMPARE(thread.raised(), false);
        QVERIFY(thread.setRaised(true));
        QCOMPARE(thread.raised(), true);
        QCOMPARE(thread.comments().size(), 1); // a raise is not a comment
        thread.close();
        thread.open(idText(entry));
        QCOMPARE(thread.raised(), true);
        QVERIFY(thread.setRaised(false));
        thread.open(idText(entry));
        QCOMPARE(thread.raised(), false);

        ReviewQueueModel queue;
        queue.setPeople(Alex, m_names, {});
        queue.setStore(&s);
        QCOMPARE(queue.value(0, ReviewQueueModel::ReviewedRole).toBool(), true);
        QCOMPARE(queue.value(0, ReviewQueueModel::CommentCountRole).toInt(), 1);
    }

    void aSupervisorsDiaryListsOnlyTheirOwnEntries()
    {
        Store &s = *m_store; // Alex's device, not enrolled: Alex's entries have no author
        QVERIFY(s.diary().save(diary(QStringLiteral("my own evening"), daysAgo(3))));
        QVERIFY(s.diary().save(diary(QStringLiteral("my own morning"), daysAgo(1))));
        for (int i = 0; i < 3; ++i)
            QVERIFY(!pullSharedEntry(s, Sam, Alex, QStringLiteral("Sam's evening %1").arg(i),
                                     daysAgo(2))
                         .isNull());

        DiaryListModel diaryList;
        diaryList.setStore(&s);
        QCOMPARE(diaryList.count(), 2);
        QCOMPARE(diaryList.value(0, DiaryListModel::TitleRole).toString(),
                 QStringLiteral("my own morning"));
        QCOMPARE(diaryList.value(1, DiaryListModel::TitleRole).toString(),
                 QStringLiteral("my own evening"));
        QCOMPARE(*s.diary().countOwn({}), 2);
        QCOMPARE(*s.diary().count(), 5); // the review queue's entries are still stored

        // Search finds both, the shared ones under their own heading, opening in review.
        ParticipantNames names;
        SearchResultModel search(&names);
        search.setStore(&s);
        search.setQuery(QStringLiteral("evening"));
        QCOMPARE(search.count(), 4);
        QCOMPARE(search.value(0, SearchResultModel::KindRole).toString(), QStringLiteral("diary"));
        QCOMPARE(search.value(0, SearchResultModel::SnippetRole)
                     .toString()
                     .contains(QStringLiteral("own")),
                 true);
        for (int row = 1; row < 4; ++row) {
            QCOMPARE(search.value(row, SearchResultModel::KindRole).toString(),
                     QStringLiteral("shared"));
            QCOMPARE(search.value(row, SearchResultModel::KindLabelRole).toString(),
                     QStringLiteral("Shared with me"));
            QCOMPARE(search.value(row, SearchResultModel::FirstOfKindRole).toBool(), row == 1);
        }
    }

    void ownEntriesFromTheUsersOtherDevicesStayInTheirDiary()
    {
        Store &s = *m_store; // Alex's device; Alex wrote one entry on another device
        DiaryEntry elsewhere = diary(QStringLiteral("written on the tablet"), daysAgo(1));
        elsewhere.id = createUuidV7();
        QVERIFY(pullAs(s, elsewhere, Alex, Alex));
        QVERIFY(s.diary().save(diary(QStringLiteral("written here"), daysAgo(2))));
        QVERIFY(!pullSharedEntry(s, Sam, Alex, QStringLiteral("Sam's"), daysAgo(3)).isNull());
        const Page<DiaryEntry> mine = s.diary().own(Alex).value();
        QCOMPARE(mine.items.size(), 2);
        QCOMPARE(mine.items.at(0).text, QStringLiteral("written on the tablet"));
        QCOMPARE(mine.items.at(1).text, QStringLiteral("written here"));
        QCOMPARE(*s.diary().countOwn(Alex), 2);
        // Paged by the cursor like every list.
        const Page<DiaryEntry> first = s.diary().own(Alex, {{}, 1}).value();
        QCOMPARE(first.items.size(), 1);
        const Page<DiaryEntry> second = s.diary().own(Alex, {first.next, 1}).value();
        QCOMPARE(second.items.size(), 1);
        QCOMPARE(second.items.at(0).text, QStringLiteral("written here"));
        QVERIFY(second.next.isEmpty());
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
