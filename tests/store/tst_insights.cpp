// SPDX-License-Identifier: GPL-3.0-or-later
// The Insights figures on known data: weeks from Monday in local time (London, across the end
// of summer time), empty weeks as zeros, only the worker's own records, deletions left out.

#include "InsightQueries.h"
#include "StoreTestSupport.h"

#include <QTest>

#include <ctime>

using namespace wp;
using namespace wp::test;

namespace {

const QUuid Worker = QUuid::fromString(QStringLiteral("{5a0c3c1e-0000-4000-8000-000000000001}"));
const QUuid Colleague = QUuid::fromString(QStringLiteral("{5a0c3c1e-0000-4000-8000-000000000002}"));

// Wednesday; its 12 weeks run from Monday 17 August to Sunday 8 November 2026, and summer
// time ends in London on Sunday 25 October (02:00 BST becomes 01:00 GMT).
const QDate Today(2026, 11, 4);

QDateTime local(int month, int day, int hour, int minute)
{
    return QDateTime(QDate(2026, month, day), QTime(hour, minute));
}

int weekOf(const QDate &monday)
{
    return InsightQueries::weeksUpTo(Today).indexOf(monday);
}

} // namespace

class TestInsights : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;
    std::unique_ptr<Store> m_store;

    void setAuthor(const QUuid &record, const QUuid &author)
    {
        sql::Statement st =
            m_store->database().prepare("UPDATE records SET author = ? WHERE id = ?");
        st.bindId(1, author).bindId(2, record);
        QVERIFY(st.exec());
    }
    QUuid addEncounter(const QDateTime &at, Place place)
    {
        Encounter e = encounter(QStringLiteral("met"), at);
        e.place = place;
        Result<Encounter> saved = m_store->encounters().save(e);
        if (!saved)
            qFatal("save failed");
        return saved->id;
    }
    int count(const WeeklyEncounters &w, Place place, int week)
    {
        for (const auto &s : w.byPlace) {
            if (s.place == place)
                return s.perWeek.value(week);
        }
        return 0;
    }
    int countAll(const WeeklyEncounters &w, int week)
    {
        int n = 0;
        for (const auto &s : w.byPlace)
            n += s.perWeek.value(week);
        return n;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("TZ", "Europe/London");
        tzset();
        QVERIFY(m_dir.isValid());
        // The test's premise: summer time ends inside the range.
        QCOMPARE(local(10, 24, 12, 0).offsetFromUtc(), 3600);
        QCOMPARE(local(10, 26, 12, 0).offsetFromUtc(), 0);
    }
    void init()
    {
        ++m_n;
        auto store = Store::open(m_dir.filePath(QStringLiteral("i%1.db").arg(m_n)), testKey(),
                                 Store::Mode::CreateNew);
        QVERIFY2(store, why(store));
        m_store = std::move(*store);
    }
    void cleanup() { m_store.reset(); }

    void weeksStartOnMondayAndEndWithThisWeek()
    {
        const QList<QDate> weeks = InsightQueries::weeksUpTo(Today);
        QCOMPARE(weeks.size(), 12);
        QCOMPARE(weeks.first(), QDate(2026, 8, 17));
        QCOMPARE(weeks.last(), QDate(2026, 11, 2));
        for (const QDate &d : weeks)
            QCOMPARE(d.dayOfWeek(), 1);
        // A Monday and a Sunday end the same weeks as the Wednesday between them.
        QCOMPARE(InsightQueries::weeksUpTo(QDate(2026, 11, 2)), weeks);
        QCOMPARE(InsightQueries::weeksUpTo(QDate(2026, 11, 8)), weeks);
    }

    void sundayLateAndMondayEarlyAreDifferentWeeks()
    {
        // 23:30 on Sunday and 00:10 on Monday, London summer time: both on the same UTC day
        // (22:30 and 23:10 UTC on Sunday), in different weeks for the worker.
        addEncounter(local(10, 11, 23, 30), Place::Shelter);
        addEncounter(local(10, 12, 0, 10), Place::Shelter);
        Result<WeeklyEncounters> w = InsightQueries(*m_store, {}).encountersPerWeek(Today);
        QVERIFY2(w, why(w));
        QCOMPARE(w->total, 2);
        QCOMPARE(count(*w, Place::Shelter, weekOf(QDate(2026, 10, 5))), 1);
        QCOMPARE(count(*w, Place::Shelter, weekOf(QDate(2026, 10, 12))), 1);
        QCOMPARE(w->busiestWeek, 1);
    }

    void weekAcrossTheEndOfSummerTime()
    {
        // The week of 19 October is 169 hours long: its first minutes are in summer time,
        // its last ones in winter time; a week counted as 7 x 24 h from the first Monday
        // would move the Sunday 23:30 encounter into the next week.
        addEncounter(local(10, 19, 0, 10), Place::Outreach);
        addEncounter(local(10, 25, 1, 30), Place::Outreach); // the hour that happens twice
        addEncounter(local(10, 25, 23, 30), Place::Outreach);
        addEncounter(local(10, 26, 0, 10), Place::Court);
        Result<WeeklyEncounters> w = InsightQueries(*m_store, {}).encountersPerWeek(Today);
        QVERIFY2(w, why(w));
        QCOMPARE(countAll(*w, weekOf(QDate(2026, 10, 12))), 0);
        QCOMPARE(count(*w, Place::Outreach, weekOf(QDate(2026, 10, 19))), 3);
        QCOMPARE(count(*w, Place::Court, weekOf(QDate(2026, 10, 26))), 1);
        QCOMPARE(countAll(*w, weekOf(QDate(2026, 10, 26))), 1);
        QCOMPARE(w->busiestWeek, 3);
    }

    void emptyWeeksAreZeros()
    {
        addEncounter(local(9, 22, 10, 0), Place::Shelter);
        addEncounter(local(9, 23, 10, 0), Place::DropIn);
        addEncounter(local(10, 6, 10, 0), Place::Shelter);
        // Outside the 12 weeks: before them, and after them.
        addEncounter(local(8, 16, 23, 0), Place::Shelter);
        addEncounter(local(11, 9, 0, 30), Place::Shelter);
        Result<WeeklyEncounters> w = InsightQueries(*m_store, {}).encountersPerWeek(Today);
        QVERIFY2(w, why(w));
        QCOMPARE(w->weeks.size(), 12);
        QCOMPARE(w->total, 3);
        // One series per place with encounters, in the vocabulary's order, 12 weeks each.
        QCOMPARE(w->byPlace.size(), 2);
        QCOMPARE(w->byPlace[0].place, Place::Shelter);
        QCOMPARE(w->byPlace[1].place, Place::DropIn);
        QCOMPARE(w->byPlace[0].perWeek, (QList<int>{0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0}));
        QCOMPARE(w->byPlace[1].perWeek, (QList<int>{0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0}));
        QCOMPARE(w->busiestWeek, 2);
    }

    void emptyStore()
    {
        InsightQueries q(*m_store, Worker);
        Result<WeeklyEncounters> w = q.encountersPerWeek(Today);
        QVERIFY2(w, why(w));
        QCOMPARE(w->weeks.size(), 12);
        QCOMPARE(w->total, 0);
        QVERIFY(w->byPlace.isEmpty());
        Result<QList<StageCount>> stages = q.caseloadByStage();
        QVERIFY2(stages, why(stages));
        QCOMPARE(stages->size(), 3);
        for (const StageCount &s : *stages)
            QCOMPARE(s.participants, 0);
        Result<WellbeingSeries> series = q.wellbeing(Today);
        QVERIFY2(series, why(series));
        QVERIFY(series->entries.isEmpty());
        QVERIFY(series->selfCareDays.isEmpty());
    }

    void onlyTheWorkersOwnRecordsCount()
    {
        addEncounter(local(10, 6, 10, 0), Place::Shelter);
        setAuthor(addEncounter(local(10, 6, 11, 0), Place::Shelter), Worker); // their other phone
        setAuthor(addEncounter(local(10, 6, 12, 0), Place::Shelter), Colleague);
        const QUuid deleted = addEncounter(local(10, 6, 13, 0), Place::Shelter);
        QVERIFY(m_store->encounters().remove(deleted));

        Participant mine = participant(QStringLiteral("JD-1"));
        mine.stage = Stage::Partnership;
        QVERIFY(m_store->participants().save(mine));
        QVERIFY(m_store->participants().save(participant(QStringLiteral("JD-2"))));
        Participant theirs = participant(QStringLiteral("KL-3"));
        theirs.stage = Stage::SteppingOut;
        setAuthor(m_store->participants().save(theirs)->id, Colleague);

        DiaryEntry own = diary(QStringLiteral("ok"), local(10, 6, 20, 0));
        own.wellbeing = 4;
        QVERIFY(m_store->diary().save(own));
        DiaryEntry shared = diary(QStringLiteral("theirs"), local(10, 7, 20, 0));
        shared.wellbeing = 1;
        setAuthor(m_store->diary().save(shared)->id, Colleague);

        InsightQueries q(*m_store, Worker);
        Result<WeeklyEncounters> w = q.encountersPerWeek(Today);
        QVERIFY2(w, why(w));
        QCOMPARE(w->total, 2);
        Result<QList<StageCount>> stages = q.caseloadByStage();
        QVERIFY2(stages, why(stages));
        QCOMPARE(stages->value(0).stage, Stage::SafePlace);
        QCOMPARE(stages->value(0).participants, 1);
        QCOMPARE(stages->value(1).participants, 1);
        QCOMPARE(stages->value(2).participants, 0);
        Result<WellbeingSeries> series = q.wellbeing(Today);
        QVERIFY2(series, why(series));
        QCOMPARE(series->entries.size(), 1);
        QCOMPARE(series->entries[0].wellbeing, std::optional<int>(4));

        // Not enrolled: only records created here are the worker's.
        Result<WeeklyEncounters> unenrolled = InsightQueries(*m_store, {}).encountersPerWeek(Today);
        QCOMPARE(unenrolled->total, 1);
    }

    void wellbeingPerEntryWithSelfCareDays()
    {
        DiaryEntry a = diary(QStringLiteral("a"), local(10, 5, 9, 0));
        a.wellbeing = 2;
        a.stress = 4;
        DiaryEntry b = diary(QStringLiteral("b"), local(10, 25, 23, 30));
        b.wellbeing = 4;
        b.selfCare = {keyOf(SelfCare::TimeOutside)};
        DiaryEntry c = diary(QStringLiteral("c: no ratings, self-care"), local(10, 27, 8, 0));
        c.selfCare = {keyOf(SelfCare::Rest), QStringLiteral("a swim")};
        DiaryEntry d = diary(QStringLiteral("d: nothing to plot"), local(10, 28, 8, 0));
        DiaryEntry e = diary(QStringLiteral("e: before the weeks"), local(8, 16, 8, 0));
        e.stress = 5;
        for (const DiaryEntry &entry : {b, a, c, d, e})
            QVERIFY(m_store->diary().save(entry));

        Result<WellbeingSeries> s = InsightQueries(*m_store, {}).wellbeing(Today);
        QVERIFY2(s, why(s));
        QCOMPARE(s->from, QDate(2026, 8, 17));
        QCOMPARE(s->to, QDate(2026, 11, 9));
        QCOMPARE(s->entries.size(), 2);
        QCOMPARE(s->entries[0].at, a.writtenAt);
        QCOMPARE(s->entries[0].wellbeing, std::optional<int>(2));
        QCOMPARE(s->entries[0].stress, std::optional<int>(4));
        QCOMPARE(s->entries[1].wellbeing, std::optional<int>(4));
        QCOMPARE(s->entries[1].stress, std::nullopt);
        // Local days: 23:30 GMT on the 25th is still the 25th.
        QCOMPARE(s->selfCareDays, (QList<QDate>{QDate(2026, 10, 25), QDate(2026, 10, 27)}));
    }
};

QTEST_GUILESS_MAIN(TestInsights)
#include "tst_insights.moc"
