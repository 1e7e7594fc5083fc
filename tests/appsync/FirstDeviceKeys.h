// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What a worker does on their first device after the code is redeemed: asks for the recovery
// key, writes it down and types back the group the app asks for. Returns the key as shown
// ("ABCD-EFGH-..."), empty when a step did not come.

#include "SyncConnection.h"

#include <QTest>

namespace wp::test {

inline QString finishFirstDevice(client::SyncConnection *connection, int timeoutMs = 15000)
{
    using client::SyncConnection;
    if (!QTest::qWaitFor([&] { return connection->enrolStep() == SyncConnection::MakeKeys; },
                         timeoutMs))
        return {};
    connection->makeKeys();
    if (!QTest::qWaitFor([&] { return connection->enrolStep() == SyncConnection::ShowRecoveryKey; },
                         timeoutMs))
        return {};
    const QStringList groups = connection->recoveryKeyGroups();
    connection->recoveryKeyWrittenDown();
    connection->confirmRecoveryKey(groups.value(connection->checkGroup() - 1));
    return connection->enrolled() ? groups.join(u'-') : QString();
}

} // namespace wp::test
