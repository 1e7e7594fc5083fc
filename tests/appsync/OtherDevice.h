// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A second device of the same worker, headless: the engine over its own store, for the app's
// sync tests to write and read what the app should receive or have sent.

#include "Store.h"
#include "SyncEngine.h"

#include <memory>

struct OtherDevice
{
    std::unique_ptr<wp::Store> store;
    wp::sync::SyncIdentity identity;

    wp::Result<wp::sync::SyncReport> sync()
    {
        wp::sync::SyncClient client(identity.credentials.serverUrl);
        wp::sync::SyncEngine engine(*store, identity, client);
        return engine.syncOnce();
    }
};
