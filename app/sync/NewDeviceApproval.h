// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The user's new devices, as their existing devices see them (docs/protocol.md, "Approval by
// an existing device"): the list every device is told, and approving or denying one that
// waits. Approving seals the user's secret keys to the new device's request key, only after
// the person confirmed the request's fingerprint. Blocking network I/O, as SyncClient.

#include "SyncClient.h"
#include "SyncIdentity.h"

namespace wp::sync {

class NewDeviceApproval
{
public:
    // `identity` and `client` must outlive this; `identity` must hold the user's keys.
    NewDeviceApproval(const SyncIdentity &identity, SyncClient &client);

    // The user's devices enrolled after this one, oldest first.
    Result<QList<wire::NewDevice>> list();
    // Approves `deviceId` when `fingerprint` (as the person typed or confirmed it) is its
    // request key's. InvalidInput when it is not (nothing is sent); NotFound when no device
    // of the user with that id waits for approval.
    Status approve(const QUuid &deviceId, const QString &fingerprint);
    // Whether `typed` (digits, any spacing) is the fingerprint of `requestKey`, compared in
    // constant time: a front end checks before it sends anything.
    static bool numberMatches(const QByteArray &requestKey, const QString &typed);
    // Denies it: the server revokes it. NotFound as for approve.
    Status deny(const QUuid &deviceId);

private:
    Result<wire::NewDevice> pending(const QUuid &deviceId);

    const SyncIdentity &m_identity;
    SyncClient &m_client;
};

} // namespace wp::sync
