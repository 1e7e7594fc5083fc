// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where a device keeps its sync identity: in its encrypted store (SyncIdentity::load, save,
// forget), reached the caller's way. waypointctl and the tests use StoreIdentity, straight on
// a Store on the caller's thread; the app's StoreRelay hops each call to the store's thread.
// Enrolment saves through it the moment a code is redeemed, and after each key step.

#include "SyncIdentity.h"

namespace wp {
class Store;
}

namespace wp::sync {

class IdentityStore
{
public:
    virtual ~IdentityStore() = default;

    // NotFound when this device is not enrolled.
    virtual Result<SyncIdentity> loadIdentity() = 0;
    virtual Status saveIdentity(const SyncIdentity &identity) = 0;
    // Destroys it: a revoked device, or an enrolment given up.
    virtual Status forgetIdentity() = 0;
};

// Straight on a Store used from its own thread.
class StoreIdentity final : public IdentityStore
{
public:
    explicit StoreIdentity(Store &store) : m_store(store) {}

    Result<SyncIdentity> loadIdentity() override { return SyncIdentity::load(m_store); }
    Status saveIdentity(const SyncIdentity &identity) override { return identity.save(m_store); }
    Status forgetIdentity() override { return SyncIdentity::forget(m_store); }

private:
    Store &m_store;
};

} // namespace wp::sync
