// Domain core: ids, the hybrid logical clock, secrets, record validation and field maps.
#include "HybridClock.h"
#include "Records.h"
#include "SecretBytes.h"
#include "Uuid.h"

#include <QtTest>

using namespace wp;

class TestCore : public QObject
{
    Q_OBJECT

private slots:
    void uuidV7IsVersionSevenAndOrdered()
    {
        QUuid previous = createUuidV7();
        QCOMPARE(uuidVersion(previous), 7);
        QCOMPARE(int(previous.variant()), int(QUuid::DCE));
        for (int i = 0; i < 10000; ++i) {
            const QUuid next = createUuidV7();
            QVERIFY2(idText(previous) < idText(next), "ids made later must sort later");
            previous = next;
        }
    }

    void uuidV7CarriesItsTime()
    {
        const std::int64_t ms = 1'760'000'000'123;
        QCOMPARE(uuidV7Millis(createUuidV7(ms)), ms);
        QCOMPARE(uuidV7Millis(QUuid::createUuid()), std::int64_t(-1));
    }

    void clockIsMonotonicWhenWallClockJumpsBack()
    {
        std::int64_t wall = 1'000'000;
        HybridClock clock(createUuidV7(), [&] { return wall; });
        const HlcStamp a = clock.now();
        wall -= 3'600'000; // the phone's clock is set back an hour
        const HlcStamp b = clock.now();
        const HlcStamp c = clock.now();
        QVERIFY(a < b);
        QVERIFY(b < c);
        QCOMPARE(b.physicalMs, a.physicalMs);
        wall += 7'200'000;
        const HlcStamp d = clock.now();
        QVERIFY(c < d);
        QCOMPARE(d.counter, 0u);
    }

    void clockObservesRemoteStamps()
    {
        std::int64_t wall = 5'000;
        HybridClock clock(createUuidV7(), [&] { return wall; });
        HlcStamp remote{9'000, 4, createUuidV7()};
        const HlcStamp merged = clock.observe(remote);
        QVERIFY(remote < merged);
        QVERIFY(merged < clock.now());
    }

    void clockRestoresAfterRestart()
    {
        const QUuid device = createUuidV7();
        HybridClock first(device, [] { return std::int64_t(50'000); });
        first.now();
        const HlcStamp last = first.now();
        HybridClock second(device, [] { return std::int64_t(10'000); }); // clock behind now
        second.restore(last);
        QVERIFY(last < second.now());
    }

    void stampTextSortsLikeStamps()
    {
        const QUuid device = createUuidV7();
        const HlcStamp a{999, 12, device}, b{1000, 0, device};
        QVERIFY(a.toString() < b.toString());
        QCOMPARE(HlcStamp::fromString(a.toString()), a);
        QVERIFY(HlcStamp::fromString(u"garbage").isNull());
    }

    void secretsCompareInConstantTimeAndWipe()
    {
        SecretBytes a = SecretBytes::random(32);
        SecretBytes b(a.data(), a.size());
        QVERIFY(a.equals(b));
        b.data()[31] ^= 1;
        QVERIFY(!a.equals(b));
        QByteArray pin("1234");
        SecretBytes taken = SecretBytes::takeFrom(pin);
        QVERIFY(pin.isEmpty());
        QCOMPARE(taken.view(), QByteArrayView("1234"));
        taken.clear();
        QVERIFY(taken.isEmpty());
    }

    void diaryEntryIsPrivateByDefaultAndValidates()
    {
        DiaryEntry d;
        QVERIFY(!d.shared);
        d.writtenAt = QDateTime::currentDateTimeUtc();
        QCOMPARE(d.validate().first().field, QStringLiteral("text"));
        d.prompts.howIFelt = QStringLiteral("Drained after court");
        QVERIFY(d.validate().isEmpty());
        d.wellbeing = 6;
        QCOMPARE(d.validate().first().field, QStringLiteral("wellbeing"));
        d.wellbeing = 3;
        d.text = QString(limits::DiaryText + 1, QLatin1Char('x'));
        QCOMPARE(d.validate().first().field, QStringLiteral("text"));
    }

    void diaryEntryRoundTripsThroughFields()
    {
        DiaryEntry d;
        d.id = createUuidV7();
        d.writtenAt = QDateTime::fromMSecsSinceEpoch(1'760'000'000'000, Qt::UTC);
        d.text = QStringLiteral("Met the housing officer again");
        d.prompts.learned = QStringLiteral("Ask for the manager earlier");
        d.wellbeing = 4;
        d.stress = 2;
        d.selfCare = {QStringLiteral("walk")};
        d.themes = {DiaryTheme::SystemicObstacles, DiaryTheme::Wins};
        d.shared = true;
        auto back = DiaryEntry::fromFields(d.id, d.toFields());
        QVERIFY(back.ok());
        QCOMPARE(*back, d);
    }

    void unknownVocabularyIsReportedNotDropped()
    {
        DiaryEntry d;
        d.themes = {DiaryTheme::Stigma};
        QCborMap fields = d.toFields();
        fields[QStringLiteral("themes")] = QCborArray{QStringLiteral("from_the_future")};
        auto back = DiaryEntry::fromFields(createUuidV7(), fields);
        QVERIFY(!back.ok());
        QCOMPARE(back.error().field, QStringLiteral("themes"));
    }

    void participantStageMovesBackAndKeepsHistory()
    {
        Participant p;
        p.id = createUuidV7();
        p.pseudonym = QStringLiteral("JD-17");
        const QDate day(2026, 3, 1);
        p.moveToStage(Stage::SafePlace, day);
        p.moveToStage(Stage::Partnership, day.addDays(20));
        p.moveToStage(Stage::SafePlace, day.addDays(40),
                      QStringLiteral("relapse, rebuilding trust"));
        QCOMPARE(p.stage, Stage::SafePlace);
        QCOMPARE(p.stageHistory.size(), 3);
        p.goals.append({createUuidV7(),
                        QStringLiteral("Get ID documents"),
                        GoalStatus::InProgress,
                        day,
                        day.addDays(30),
                        {}});
        QVERIFY(p.validate().isEmpty());
        auto back = Participant::fromFields(p.id, p.toFields());
        QVERIFY(back.ok());
        QCOMPARE(*back, p);
    }

    void participantNeedsPseudonymAndConsentDate()
    {
        Participant p;
        QCOMPARE(p.validate().first().field, QStringLiteral("pseudonym"));
        p.pseudonym = QStringLiteral("AB");
        p.consent.state = ConsentState::Given;
        QCOMPARE(p.validate().first().field, QStringLiteral("consent"));
        p.consent.on = QDate(2026, 1, 2);
        QVERIFY(p.validate().isEmpty());
    }

    void encounterValidatesAndRoundTrips()
    {
        Encounter e;
        e.id = createUuidV7();
        e.occurredAt = QDateTime::fromMSecsSinceEpoch(1'760'000'000'000, Qt::UTC);
        e.durationMinutes = 25;
        e.place = Place::Shelter;
        e.needs = {Need::Housing, Need::HarmReduction};
        e.supplies = {QStringLiteral("Naloxone")};
        e.referrals = {{Service::Housing, QStringLiteral("Riverside housing team")}};
        e.obstacles = {Service::Benefits};
        e.nextStep = QStringLiteral("Bring ID to the benefits office");
        e.followUpOn = e.occurredAt.date().addDays(7);
        e.safetyConcern = true;
        QVERIFY(e.validate().isEmpty()); // brief contact: no participant is fine
        e.stageAfter = Stage::Partnership;
        QCOMPARE(e.validate().first().field, QStringLiteral("stageAfter"));
        e.participantId = createUuidV7();
        QVERIFY(e.validate().isEmpty());
        auto back = Encounter::fromFields(e.id, e.toFields());
        QVERIFY(back.ok());
        QCOMPARE(*back, e);
        e.durationMinutes = -5;
        QCOMPARE(e.validate().first().field, QStringLiteral("durationMinutes"));
    }

    void supervisionNoteRoundTrips()
    {
        SupervisionNote n;
        n.id = createUuidV7();
        n.heldOn = QDate(2026, 11, 2);
        n.supervisor = QStringLiteral("Sam");
        n.topics = {QStringLiteral("Boundaries with long-term participants")};
        n.wellbeing = 3;
        n.linkedDiaryEntries = {createUuidV7()};
        n.actionItems = {{createUuidV7(), QStringLiteral("Book naloxone refresher"),
                          ActionOwner::Worker, QDate(2026, 11, 20), false}};
        QVERIFY(n.validate().isEmpty());
        auto back = SupervisionNote::fromFields(n.id, n.toFields());
        QVERIFY(back.ok());
        QCOMPARE(*back, n);
        n.actionItems.first().text.clear();
        QCOMPARE(n.validate().first().field, QStringLiteral("actionItems"));
    }

    void trainingExpiryAfterCompletion()
    {
        TrainingRecord t;
        t.course = QStringLiteral("Naloxone administration");
        t.completedOn = QDate(2026, 1, 10);
        t.expiresOn = QDate(2025, 1, 10);
        QCOMPARE(t.validate().first().field, QStringLiteral("expiresOn"));
        t.expiresOn = QDate(2027, 1, 10);
        QVERIFY(t.validate().isEmpty());
        QVERIFY(t.isExpired(QDate(2027, 2, 1)));
        QVERIFY(!t.isExpired(QDate(2026, 2, 1)));
    }
};

QTEST_GUILESS_MAIN(TestCore)
#include "tst_core.moc"
