// SPDX-License-Identifier: GPL-3.0-or-later
// The offline lease as the device keeps it (app/store/OfflineLease.h): in the encrypted store,
// across closing and opening, measured against the latest time ever seen so that a clock set
// back does not give time back, and started again by a contact.

#include "OfflineLease.h"
#include "StoreTestSupport.h"

#include <QTest>

using namespace wp;
using namespace wp::test;

namespace {
constexpr qint64 Day = LeaseState::DayMs;
constexpr qint64 T0 = 1'800'000'000'000; // a fixed "now", in ms since the epoch
} // namespace

class TestOfflineLease : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;

    std::unique_ptr<Store> open(Store::Mode mode)
    {
        auto s = Store::open(m_dir.filePath(QStringLiteral("l%1.db").arg(m_n)), testKey(), mode);
        return s ? std::move(*s) : nullptr;
    }

private slots:
    void init() { ++m_n; }

    void noLeaseUntilAContactTellsOne()
    {
        auto store = open(Store::Mode::CreateNew);
        QVERIFY(store);
        OfflineLease lease(store->database());
        auto state = lease.observe(T0 + 400 * Day);
        QVERIFY(state.ok());
        QCOMPARE(state->days, 0);
        QVERIFY(!state->isOut(true, T0 + 400 * Day));
        // A contact without a lease: never out, however long.
        QVERIFY(lease.recordContact(0, T0));
        QVERIFY(!lease.state()->isOut(true, T0 + 400 * Day));
    }

    void outOnlyWhenEnrolledAndPastTheLease()
    {
        auto store = open(Store::Mode::CreateNew);
        QVERIFY(store);
        OfflineLease lease(store->database());
        QVERIFY(lease.recordContact(14, T0));
        const LeaseState state = *lease.state();
        QCOMPARE(state.days, 14);
        QVERIFY(!state.isOut(true, T0 + 14 * Day));
        QVERIFY(state.isOut(true, T0 + 14 * Day + 1));
        QVERIFY(!state.isOut(false, T0 + 20 * Day)); // not enrolled: no server to reach
    }

    void keptInTheStoreAcrossOpening()
    {
        {
            auto store = open(Store::Mode::CreateNew);
            QVERIFY(store);
            QVERIFY(OfflineLease(store->database()).recordContact(7, T0));
        }
        auto store = open(Store::Mode::OpenExisting);
        QVERIFY(store);
        const LeaseState state = *OfflineLease(store->database()).state();
        QCOMPARE(state.days, 7);
        QCOMPARE(state.contactMs, T0);
    }

    void aClockSetBackDoesNotGiveTimeBack()
    {
        auto store = open(Store::Mode::CreateNew);
        QVERIFY(store);
        OfflineLease lease(store->database());
        QVERIFY(lease.recordContact(14, T0));
        // Seen 15 days later: out.
        QVERIFY(lease.observe(T0 + 15 * Day)->isOut(true, T0 + 15 * Day));
        // The clock set back to a day after the contact: still out.
        auto back = lease.observe(T0 + Day);
        QVERIFY(back.ok());
        QCOMPARE(back->latestSeenMs, T0 + 15 * Day);
        QVERIFY(back->isOut(true, T0 + Day));
        // Even set back before the contact.
        QVERIFY(lease.observe(T0 - 30 * Day)->isOut(true, T0 - 30 * Day));
        // A contact starts the lease and the ratchet again.
        QVERIFY(lease.recordContact(14, T0 + Day));
        QVERIFY(!lease.state()->isOut(true, T0 + 2 * Day));
    }
};

QTEST_GUILESS_MAIN(TestOfflineLease)
#include "tst_offline_lease.moc"
