// SPDX-License-Identifier: GPL-3.0-or-later
// TeamFigures: for each worker a supervisor has, the shared entries still to review, the trend
// of the newest wellbeing ratings and the last sync the directory reported, over a real
// SQLCipher store with the workers' entries stored as a pull stores them.

#include "PulledRecords.h"
#include "Reviews.h"
#include "StoreTestSupport.h"
#include "TeamFigures.h"

#include <QTest>

using namespace wp;
using namespace wp::test;

namespace {

const QUuid Alex = QUuid::fromString(QStringLiteral("{0193a000-0000-7000-8000-00000000a1e1}"));
const QUuid Sam = QUuid::fromString(QStringLiteral("{0193a000-0000-7000-8000-0000000005a5}"));
const QUuid Robin = QUuid::fromString(QStringLiteral("{0193a000-0000-7000-8000-0000000000b0}"));
const QUuid Jo = QUuid::fromString(QStringLiteral("{0193a000-0000-7000-8000-00000000000f}"));

QDateTime day(int d)
{
    return QDateTime(QDate(2026, 11, d), QTime(10, 0), Qt::UTC);
}

QUuid pullRated(Store &store, const QUuid &author, int rating, const QDateTime &at)
{
    DiaryEntry e;
    e.id = createUuidV7();
    e.text = QStringLiteral("a day");
    e.writtenAt = at;
    e.createdAt = at;
    e.shared = true;
    e.wellbeing = rating;
    return pullAs(store, e, author, Alex) ? e.id : QUuid();
}

} // namespace

class TestTeamFigures : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;
    std::unique_ptr<Store> m_store;

private slots:
    void init()
    {
        auto store = Store::open(m_dir.filePath(QStringLiteral("t%1.db").arg(++m_n)), testKey(),
                                 Store::Mode::CreateNew);
        QVERIFY(store);
        m_store = std::move(*store);
    }

    // Alex sees, per worker, what Sam and Jo shared that is not reviewed yet; reviewing one
    // lowers the count, Alex's own entries never count.
    void awaitingReviewCountsUnreviewedSharedEntriesPerWorker()
    {
        Store &s = *m_store;
        QVERIFY(s.diary().save(diary(QStringLiteral("Alex's own"), day(2))));
        const QUuid first = pullSharedEntry(s, Sam, Alex, QStringLiteral("one"), day(1));
        QVERIFY(!first.isNull());
        const QUuid second = pullSharedEntry(s, Sam, Alex, QStringLiteral("two"), day(3));
        QVERIFY(!second.isNull());
        QVERIFY(!pullSharedEntry(s, Sam, Alex, QStringLiteral("three"), day(4)).isNull());
        QVERIFY(!pullSharedEntry(s, Jo, Alex, QStringLiteral("jo's"), day(5)).isNull());

        TeamFigures figures(s, Alex);
        const QList<wire::Worker> workers{{Sam, QStringLiteral("Sam"), 0},
                                          {Jo, QStringLiteral("Jo"), day(6).toMSecsSinceEpoch()}};
        auto team = figures.of(workers);
        QVERIFY2(team, why(team).constData());
        QCOMPARE(team->size(), 2);
        QCOMPARE(team->at(0).name, QStringLiteral("Sam"));
        QCOMPARE(team->at(0).awaitingReview, 3);
        QVERIFY(!team->at(0).lastSyncAt.isValid()); // never synced
        QCOMPARE(team->at(1).awaitingReview, 1);
        QCOMPARE(team->at(1).lastSyncAt, day(6));

        QVERIFY(Reviews(s, Alex).markReviewed(first));
        QCOMPARE(*figures.awaitingReview(Sam), 2);
        QCOMPARE(*figures.awaitingReview(Jo), 1);
        QCOMPARE(*figures.awaitingReview(Alex), 0);

        // Another supervisor's mark does not review the entry for Alex.
        Comment robinsMark;
        robinsMark.id = createUuidV7();
        robinsMark.diaryEntryId = second;
        robinsMark.writtenAt = day(7);
        QVERIFY(pullAs(s, robinsMark, Robin, Alex));
        QCOMPARE(*figures.awaitingReview(Sam), 2);
    }

    // The trend reads the newest rated entries, reviewed or not, oldest first; entries
    // without a rating are skipped and a single rating says nothing.
    void trendFollowsTheNewestRatings()
    {
        Store &s = *m_store;
        TeamFigures figures(s, Alex);
        QVERIFY(!pullRated(s, Sam, 4, day(1)).isNull());
        QCOMPARE(figures.of({{Sam, QStringLiteral("Sam"), 0}})->at(0).trend,
                 WellbeingTrend::Unknown);
        const QUuid second = pullRated(s, Sam, 2, day(2));
        QVERIFY(Reviews(s, Alex).markReviewed(second)); // reviewed entries still count
        QVERIFY(!pullSharedEntry(s, Sam, Alex, QStringLiteral("no rating"), day(3)).isNull());
        QVERIFY(!pullRated(s, Sam, 1, day(4)).isNull());
        auto ratings = figures.newestRatings(Sam);
        QVERIFY2(ratings, why(ratings).constData());
        QCOMPARE(*ratings, (QList<int>{4, 2, 1}));
        QCOMPARE(TeamFigures::trendOf(*ratings), WellbeingTrend::Down);

        // Only the newest count: older low ratings fall out of the window.
        for (int d = 5; d < 5 + TeamFigures::TrendEntries; ++d)
            QVERIFY(!pullRated(s, Sam, d < 10 ? 2 : 5, day(d)).isNull());
        ratings = figures.newestRatings(Sam);
        QCOMPARE(ratings->size(), TeamFigures::TrendEntries);
        QCOMPARE(ratings->constFirst(), 2);
        QCOMPARE(ratings->constLast(), 5);
        QCOMPARE(TeamFigures::trendOf(*ratings), WellbeingTrend::Up);
        QCOMPARE(TeamFigures::trendOf({3, 3, 3, 3, 4, 3}), WellbeingTrend::Steady);
        QVERIFY(figures.newestRatings(Jo)->isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTeamFigures)
#include "tst_team_figures.moc"
