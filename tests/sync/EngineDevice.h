// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A device as the engine suites drive it: a real encrypted store, an identity enrolled through
// the real server, a SyncClient, and one engine run per sync().

#include "Enrolment.h"
#include "LocalServer.h"
#include "Store.h"
#include "SyncClient.h"
#include "SyncEngine.h"

#include <QtGlobal>

#include <memory>

namespace wp::test {

// For QVERIFY2, which builds its message even when the check passes.
template <typename R> QByteArray why(const R &r)
{
    return r.ok() ? QByteArray() : r.error().message.toUtf8();
}

struct EngineDevice
{
    std::unique_ptr<Store> store;
    sync::SyncIdentity identity;
    std::unique_ptr<sync::SyncClient> client;

    Result<sync::SyncReport> sync()
    {
        sync::SyncEngine engine(*store, identity, *client);
        return engine.syncOnce();
    }

    // A new store at `storePath` and an identity of `user` enrolled with a fresh code (cheap
    // key backup); null, with a warning, when either fails. `recoveryKey`: empty for the
    // user's first device, which sets it to the key it made; that key for a later device.
    static std::unique_ptr<EngineDevice> enrol(LocalServer &fx, const QString &storePath,
                                               const QUuid &organisation, const QUuid &user,
                                               QString &recoveryKey, const QString &name)
    {
        auto d = std::make_unique<EngineDevice>();
        auto store =
            Store::open(storePath, SecretBytes::random(Store::KeyBytes), Store::Mode::CreateNew);
        if (!store)
            return nullptr;
        d->store = std::move(*store);
        sync::Enrolment enrolment(nullptr,
                                  sync::EnrolmentOptions{crypto::KeyBackupCost::minimal()});
        if (enrolment.enrol(fx.baseUrl(), fx.issueCode(organisation, user), name,
                            QStringLiteral("test"),
                            recoveryKey) != sync::Enrolment::Outcome::Done) {
            qWarning("enrol: %s", qPrintable(enrolment.error().message));
            return nullptr;
        }
        d->identity = enrolment.takeIdentity();
        d->client = std::make_unique<sync::SyncClient>(fx.baseUrl());
        return d;
    }
};

} // namespace wp::test
