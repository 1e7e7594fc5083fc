// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One device of a worker as the load generator drives it: enrolled against the local server,
// with an encrypted store (pushes and pulls through the real SyncEngine) or without one
// (sealed batches sent and pages opened by hand, to measure the service and the protocol).

#include "Store.h"
#include "SyncClient.h"
#include "SyncIdentity.h"
#include "wire/Messages.h"

#include <QString>
#include <QUuid>

#include <memory>

class LocalServer;

namespace wp {
class HybridClock;
}

namespace wp::loadgen {

struct Device
{
    std::unique_ptr<Store> store;
    sync::SyncIdentity identity;
    std::unique_ptr<sync::SyncClient> client;
};

// About the size of a short diary entry.
QString text(int i);
// A fresh identity of `user`, enrolled with a new code (keys made or restored, cheaply).
std::unique_ptr<sync::SyncIdentity> enrolIdentity(LocalServer &fx, const QUuid &org,
                                                  const QUuid &user, const QString &deviceName);
// A device of `user` with a new empty store at `storePath`.
std::unique_ptr<Device> enrol(LocalServer &fx, const QUuid &org, const QUuid &user,
                              const QString &storePath);
// n diary entries saved locally: n outbox entries waiting to be pushed.
void writeDiary(Store &store, int n);
// One engine push of everything in the device's outbox, in records/s.
double enginePush(Device &d, int batchSize, int *pushed = nullptr);
// A sealed diary entry as the engine would push it, without a store behind it.
wire::Change sealedEntry(HybridClock &clock, const sync::SyncIdentity &id, qint64 changeId, int i);
// Pushes n records in batches of 2,000 sealed and signed beforehand; the figure counts only
// the time inside the push requests (encode, HTTP, the server applying the batch, decode).
double serverSidePush(sync::SyncClient &client, const sync::SyncIdentity &id, int n, int first);
// Fetches every page from 0, verifies signatures and digests and decrypts, without a store.
double pullWithoutStore(const QString &url, sync::SyncIdentity &reader,
                        const QByteArray &signingKey, int pageSize, int *count);

} // namespace wp::loadgen
