// SPDX-License-Identifier: GPL-3.0-or-later
// The Team screen's model over a real SQLCipher store: the workers and their last sync come
// from the sync identity as the last sync saved it (so the screen works offline), the figures
// from the workers' entries stored as a pull stores them.

#include "../store/PulledRecords.h"
#include "../store/StoreTestSupport.h"
#include "Reviews.h"
#include "SyncIdentity.h"
#include "TeamModel.h"
#include "Uuid.h"

#include <QTest>

using namespace wp;
using namespace wp::client;
using namespace wp::test;

namespace {

const QUuid Alex = QUuid::fromString(QStringLiteral("{0193a000-0000-7000-8000-00000000a1e1}"));
const QUuid Sam = QUuid::fromString(QStringLiteral("{0193a000-0000-7000-8000-0000000005a5}"));
const QUuid Jo = QUuid::fromString(QStringLiteral("{0193a000-0000-7000-8000-00000000000f}"));

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

class TestTeamModel : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void rowsShowEachWorkerFromTheSavedIdentity()
    {
        auto opened = Store::open(m_dir.filePath(QStringLiteral("team.db")), testKey(),
                                  Store::Mode::CreateNew);
        QVERIFY2(opened, why(opened).constData());
        Store &s = **opened;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        sync::SyncIdentity identity;
        identity.credentials.userId = Alex;
        identity.credentials.deviceId = createUuidV7();
        identity.credentials.role = QStringLiteral("supervisor");
        identity.credentials.token = SecretBytes::random(32);
        identity.workers = {
            {Sam, QStringLiteral("Sam"), now.addSecs(-2 * 3600).toMSecsSinceEpoch()},
            {Jo, QStringLiteral("Jo"), 0}};
        QVERIFY(identity.save(s));

        for (int d = 4; d >= 1; --d)
            QVERIFY(!pullRated(s, Sam, d < 3 ? 4 : 2, now.addDays(-d)).isNull());
        const QUuid jos = pullSharedEntry(s, Jo, Alex, QStringLiteral("Jo's"), now.addDays(-1));
        QVERIFY(Reviews(s, Alex).markReviewed(jos));

        TeamModel team;
        team.setStore(&s);
        QCOMPARE(team.count(), 2);
        const auto at = [&](int row, int role) { return team.data(team.index(row), role); };
        QCOMPARE(at(0, TeamModel::NameRole).toString(), QStringLiteral("Sam"));
        QCOMPARE(at(0, TeamModel::UserIdRole).toString(), idText(Sam));
        QCOMPARE(at(0, TeamModel::LastSyncTextRole).toString(),
                 QStringLiteral("Last synced 2 h ago")); // kept by the identity: offline
        QCOMPARE(at(0, TeamModel::AwaitingReviewRole).toInt(), 4);
        // Without a translator loaded, the plural reads as its source ("entry(ies)").
        QVERIFY(at(0, TeamModel::AwaitingTextRole).toString().startsWith(QStringLiteral("4 entr")));
        QCOMPARE(at(0, TeamModel::TrendRole).toString(), QStringLiteral("up"));
        QCOMPARE(at(0, TeamModel::TrendTextRole).toString(), QStringLiteral("Wellbeing rising"));
        QCOMPARE(at(0, TeamModel::RatingsRole).toList().size(), 4);

        QCOMPARE(at(1, TeamModel::LastSyncTextRole).toString(), QStringLiteral("Not synced yet"));
        QCOMPARE(at(1, TeamModel::AwaitingReviewRole).toInt(), 0);
        QCOMPARE(at(1, TeamModel::AwaitingTextRole).toString(),
                 QStringLiteral("Nothing to review"));
        QCOMPARE(at(1, TeamModel::TrendTextRole).toString(),
                 QStringLiteral("No wellbeing ratings shared"));
    }

    void lastSyncReadsInTheLargestUnit()
    {
        const QDateTime now(QDate(2026, 12, 7), QTime(12, 0), Qt::UTC);
        QCOMPARE(TeamModel::lastSyncText(now.addSecs(-20), now),
                 QStringLiteral("Last synced just now"));
        QCOMPARE(TeamModel::lastSyncText(now.addSecs(-5 * 60), now),
                 QStringLiteral("Last synced 5 min ago"));
        QVERIFY(TeamModel::lastSyncText(now.addDays(-3), now)
                    .startsWith(QStringLiteral("Last synced 3 day")));
        QCOMPARE(TeamModel::lastSyncText({}, now), QStringLiteral("Not synced yet"));
    }
};

QTEST_GUILESS_MAIN(TestTeamModel)
#include "tst_team_model.moc"
