// SPDX-License-Identifier: GPL-3.0-or-later
// The scheduler's decisions with a hand-moved clock and seeded randomness: when a save, the
// network coming back, a failure, a refused token or "Sync now" leads to the next run.

#include "SyncScheduler.h"

#include <QSignalSpy>
#include <QTest>

using namespace wp::sync;
using Outcome = SyncScheduler::Outcome;
using Due = SyncScheduler::Due;

class TestSyncScheduler : public QObject
{
    Q_OBJECT

    qint64 clock = 1'000'000;

    std::unique_ptr<SyncScheduler> make(quint64 seed = 42)
    {
        clock = 1'000'000;
        return std::make_unique<SyncScheduler>(
            SyncPolicy{}, [this] { return clock; }, seed);
    }
    // Moves the clock and lets the scheduler act, as its timer would.
    void advance(SyncScheduler &s, qint64 ms)
    {
        clock += ms;
        s.poll();
    }
    // Starts an active scheduler and completes the sync that unlocking asks for.
    std::unique_ptr<SyncScheduler> idle(quint64 seed = 42)
    {
        auto s = make(seed);
        s->setActive(true);
        s->poll();
        s->runFinished(Outcome::Success);
        return s;
    }

private slots:
    void unlockingSyncsAtOnceAndThenEveryFiveMinutes()
    {
        auto s = make();
        QSignalSpy runs(s.get(), &SyncScheduler::runRequested);
        s->localChange(); // locked or not enrolled: nothing happens
        QCOMPARE(s->dueInMs(), -1);
        s->setActive(true);
        QCOMPARE(s->due(), Due::Soon);
        QCOMPARE(s->dueInMs(), 0);
        s->poll();
        QCOMPARE(runs.count(), 1);
        QVERIFY(s->running());
        s->runFinished(Outcome::Success);
        QCOMPARE(s->due(), Due::Periodic);
        QCOMPARE(s->dueInMs(), 5 * 60 * 1000);
        advance(*s, 5 * 60 * 1000 - 1);
        QCOMPARE(runs.count(), 1);
        advance(*s, 1);
        QCOMPARE(runs.count(), 2);
    }

    void savesAreDebouncedTwoSecondsAfterTheLast()
    {
        auto s = idle();
        QSignalSpy runs(s.get(), &SyncScheduler::runRequested);
        s->localChange();
        QCOMPARE(s->due(), Due::Debounce);
        QCOMPARE(s->dueInMs(), 2000);
        advance(*s, 1500);
        s->localChange(); // typing on: the window moves
        QCOMPARE(s->dueInMs(), 2000);
        advance(*s, 1999);
        QCOMPARE(runs.count(), 0);
        advance(*s, 1);
        QCOMPARE(runs.count(), 1);
    }

    void aSteadyStreamOfSavesStillSyncsWithinThirtySeconds()
    {
        auto s = idle();
        QSignalSpy runs(s.get(), &SyncScheduler::runRequested);
        for (int i = 0; i < 40 && runs.isEmpty(); ++i) {
            s->localChange();
            advance(*s, 1000);
        }
        QCOMPARE(runs.count(), 1);
        QCOMPARE(clock - 1'000'000, 30'000);
    }

    void aSaveDuringARunSyncsAgainAfterIt()
    {
        auto s = idle();
        QSignalSpy runs(s.get(), &SyncScheduler::runRequested);
        s->requestNow();
        QCOMPARE(runs.count(), 1);
        s->localChange();
        s->runFinished(Outcome::Success);
        QCOMPARE(s->due(), Due::Debounce);
        QCOMPARE(s->dueInMs(), 2000);
    }

    void failuresBackOffWithFullJitterUpToFifteenMinutes()
    {
        auto s = idle(7);
        const QList<qint64> ceilings{5'000,   10'000,  20'000,  40'000,  80'000, 160'000,
                                     320'000, 640'000, 900'000, 900'000, 900'000};
        QList<qint64> delays;
        for (int failure = 1; failure <= ceilings.size(); ++failure) {
            s->requestNow();
            QVERIFY(s->running());
            s->runFinished(Outcome::Transient);
            QCOMPARE(s->failures(), failure);
            QCOMPARE(s->due(), Due::Retry);
            QCOMPARE(s->backoffCeilingMs(failure), ceilings.at(failure - 1));
            const qint64 delay = s->dueInMs();
            QVERIFY2(delay >= 1000 && delay <= ceilings.at(failure - 1),
                     qPrintable(QString::number(delay)));
            delays.append(delay);
        }
        // Seeded: the same seed gives the same delays (reproducible), and they are spread,
        // not all at the ceiling (full jitter).
        auto again = idle(7);
        for (int failure = 1; failure <= ceilings.size(); ++failure) {
            again->requestNow();
            again->runFinished(Outcome::Transient);
            QCOMPARE(again->dueInMs(), delays.at(failure - 1));
        }
        int belowHalf = 0;
        for (int i = 0; i < delays.size(); ++i)
            belowHalf += delays.at(i) < ceilings.at(i) / 2 ? 1 : 0;
        QVERIFY(belowHalf > 0 && belowHalf < delays.size());

        // Success resets the backoff.
        s->requestNow();
        s->runFinished(Outcome::Success);
        QCOMPARE(s->failures(), 0);
        QCOMPARE(s->due(), Due::Periodic);
        s->requestNow();
        s->runFinished(Outcome::Transient);
        QVERIFY(s->dueInMs() <= 5000);
    }

    void aSaveNeverHastensARetry()
    {
        auto s = idle(3);
        do {
            s->requestNow();
            s->runFinished(Outcome::Transient);
        } while (s->dueInMs() <= 2000 && s->failures() < 20);
        const qint64 retry = s->dueInMs();
        QVERIFY(retry > 2000);
        s->localChange();
        QCOMPARE(s->due(), Due::Retry);
        QCOMPARE(s->dueInMs(), retry);
    }

    void connectivityReturningRetriesSoonAndKeepsTheCount()
    {
        auto s = idle(11);
        QSignalSpy runs(s.get(), &SyncScheduler::runRequested);
        for (int i = 0; i < 4; ++i) {
            s->requestNow();
            s->runFinished(Outcome::Transient);
        }
        runs.clear();
        s->setOnline(false);
        QCOMPARE(s->dueInMs(), -1);
        s->localChange(); // offline: waits in the outbox
        advance(*s, 3'600'000);
        QCOMPARE(runs.count(), 0);
        s->setOnline(true);
        QCOMPARE(s->due(), Due::Soon);
        QCOMPARE(s->dueInMs(), 1000);
        advance(*s, 1000);
        QCOMPARE(runs.count(), 1);
        s->runFinished(Outcome::Transient);
        QCOMPARE(s->failures(), 5);
        QVERIFY(s->dueInMs() <= s->backoffCeilingMs(5));
    }

    void aRefusedTokenStopsUntilTheUserAsks()
    {
        auto s = idle();
        QSignalSpy runs(s.get(), &SyncScheduler::runRequested);
        s->requestNow();
        s->runFinished(Outcome::Unauthorized);
        QVERIFY(s->blocked());
        QCOMPARE(s->dueInMs(), -1);
        s->localChange();
        s->setOnline(false);
        s->setOnline(true);
        advance(*s, 3'600'000);
        QCOMPARE(runs.count(), 1);
        QCOMPARE(s->dueInMs(), -1);
        s->requestNow(); // the user tries once more
        QCOMPARE(runs.count(), 2);
        QVERIFY(!s->blocked());
    }

    void lockingCancelsEverythingScheduled()
    {
        auto s = idle();
        QSignalSpy runs(s.get(), &SyncScheduler::runRequested);
        s->localChange();
        s->setActive(false);
        QCOMPARE(s->dueInMs(), -1);
        advance(*s, 600'000);
        QCOMPARE(runs.count(), 0);
        s->requestNow(); // nothing to sync with while locked
        QCOMPARE(runs.count(), 0);
        // A run cut short by locking schedules nothing; unlocking syncs at once.
        s->setActive(true);
        s->poll();
        QCOMPARE(runs.count(), 1);
        s->setActive(false);
        s->runFinished(Outcome::Cancelled);
        QCOMPARE(s->dueInMs(), -1);
        QVERIFY(!s->running());
    }

    void syncNowDuringARunRunsOnceMoreRightAfter()
    {
        auto s = idle();
        QSignalSpy runs(s.get(), &SyncScheduler::runRequested);
        s->requestNow();
        s->requestNow();
        s->requestNow();
        QCOMPARE(runs.count(), 1);
        s->runFinished(Outcome::Success);
        QCOMPARE(runs.count(), 2);
        s->runFinished(Outcome::Success);
        QCOMPARE(runs.count(), 2);
        QCOMPARE(s->due(), Due::Periodic);
    }
};

QTEST_GUILESS_MAIN(TestSyncScheduler)
#include "tst_sync_scheduler.moc"
