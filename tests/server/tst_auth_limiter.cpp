// SPDX-License-Identifier: GPL-3.0-or-later
// The failed-authentication limiter on its own (no server): keyed by client address, with the
// claimed device counted inside the address's entry, in a table of bounded size.

#include "AuthLimiter.h"

#include <QTest>

#include <string>

using wp::server::AuthLimiter;

namespace {

std::string address(std::uint32_t n)
{
    return std::string("4") + char(n >> 24) + char(n >> 16) + char(n >> 8) + char(n);
}

} // namespace

class TestAuthLimiter : public QObject
{
    Q_OBJECT

private slots:
    void aDeviceThatFailsTooOftenWaitsAndItsNeighboursDoNot()
    {
        AuthLimiter limiter(10, std::chrono::seconds(60));
        const std::string office = address(1);
        for (int i = 0; i < 10; ++i) {
            QCOMPARE(limiter.retryAfter(office, "device-a"), 0);
            limiter.recordFailure(office, "device-a");
        }
        const int wait = limiter.retryAfter(office, "device-a");
        QVERIFY(wait > 0 && wait <= 60);
        // Another device behind the same address (a NAT) is not held back.
        QCOMPARE(limiter.retryAfter(office, "device-b"), 0);
        QCOMPARE(limiter.retryAfter(address(2), "device-a"), 0);
    }

    void claimingNewDevicesOnlySpendsTheAddressBudget()
    {
        AuthLimiter limiter(10, std::chrono::seconds(60));
        const std::string guesser = address(7);
        int tries = 0;
        for (; tries < 1000; ++tries) {
            const std::string claim = "device-" + std::to_string(tries);
            if (limiter.retryAfter(guesser, claim) > 0)
                break;
            limiter.recordFailure(guesser, claim);
        }
        QCOMPARE(tries, 10 * AuthLimiter::AddressFactor);
        QVERIFY(limiter.retryAfter(guesser, "a device never claimed") > 0);
        QCOMPARE(limiter.retryAfter(address(8), "device-0"), 0);
        QCOMPARE(limiter.size(), std::size_t(1));
    }

    void theWindowEndsAndEveryoneMayTryAgain()
    {
        AuthLimiter limiter(2, std::chrono::seconds(1));
        limiter.recordFailure(address(3), "d");
        limiter.recordFailure(address(3), "d");
        QVERIFY(limiter.retryAfter(address(3), "d") > 0);
        QTest::qWait(1100);
        QCOMPARE(limiter.retryAfter(address(3), "d"), 0);
        limiter.recordFailure(address(3), "d");
        QCOMPARE(limiter.retryAfter(address(3), "d"), 0);
    }

    void aFloodOfAddressesKeepsTheTableBoundedAndForgetsTheOldestFirst()
    {
        constexpr std::size_t Capacity = 1024;
        AuthLimiter limiter(3, std::chrono::seconds(60), Capacity);
        const auto block = [&](std::uint32_t n) {
            for (int i = 0; i < 3; ++i)
                limiter.recordFailure(address(n), "d");
        };
        block(0);
        QVERIFY(limiter.retryAfter(address(0), "d") > 0);
        for (std::uint32_t n = 1; n <= 200000; ++n)
            limiter.recordFailure(address(n), "d");
        QVERIFY2(limiter.size() <= Capacity, qPrintable(QString::number(limiter.size())));
        // The first address failed least recently: forgotten. The latest are remembered.
        QCOMPARE(limiter.retryAfter(address(0), "d"), 0);
        block(200001);
        QVERIFY(limiter.retryAfter(address(200001), "d") > 0);
        QVERIFY(limiter.size() <= Capacity);
    }
};

QTEST_GUILESS_MAIN(TestAuthLimiter)
#include "tst_auth_limiter.moc"
