// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What each endpoint does (docs/protocol.md), independent of HTTP: decoded CBOR in, a status
// and a CBOR body out. A thin face over the units that do the work, one job each. Holds no
// state between requests (only the pushes waiting to be applied together); everything lives
// in PostgreSQL, so any number of instances can serve one database.

#include "Authentication.h"
#include "DeviceApprovals.h"
#include "DeviceProfile.h"
#include "DeviceRegistration.h"
#include "KeyRegistry.h"
#include "KeyRotations.h"
#include "PullPages.h"
#include "PushPipeline.h"
#include "SyncRoundTrip.h"

#include <string_view>
#include <variant>

namespace wp::server {

class SyncService
{
public:
    // `sql` must outlive the service; its prepared statements must be the pool's.
    SyncService(ConnectionPool &pool, const Statements &sql);

    std::variant<Identity, Reply> authenticate(std::string_view header, bool allowRevoked)
    {
        return m_authentication.authenticate(header, allowRevoked);
    }
    Reply enrol(QByteArrayView body) { return m_registration.enrol(body); }
    Reply directory(const Identity &id) { return m_keys.directory(id); }
    Reply putPublicKeys(const Identity &id, QByteArrayView body)
    {
        return m_keys.putPublicKeys(id, body);
    }
    Reply putKeyBackup(const Identity &id, QByteArrayView body)
    {
        return m_keys.putKeyBackup(id, body);
    }
    Reply keyBackup(const Identity &id) { return m_keys.keyBackup(id); }
    // Approval of a new device by an existing one (docs/protocol.md).
    DeviceApprovals &approvals() { return m_approvals; }
    // Key rotation after a revocation (docs/protocol.md).
    KeyRotations &rotations() { return m_rotations; }
    void push(const Identity &id, QByteArrayView body, Answer answer)
    {
        m_pushes.push(id, body, std::move(answer));
    }
    // The push handler's input parsing (pure; the fuzz target drives it).
    static std::variant<PreparedPush, Reply> preparePush(const Identity &id, QByteArrayView body)
    {
        return PushPipeline::prepare(id, body);
    }
    // `horizon`: what the device's previous page said the compaction horizon was (0: none).
    Reply pull(const Identity &id, std::uint64_t since, qsizetype limit, std::uint64_t horizon = 0)
    {
        return m_pages.pull(id, since, limit, horizon);
    }
    void sync(std::string_view authorization, QByteArrayView body, QString *organisation,
              Answer answer)
    {
        m_roundTrip.sync(authorization, body, organisation, std::move(answer));
    }
    // The same for a device already authenticated.
    void sync(const Identity &id, QByteArrayView body, Answer answer)
    {
        m_roundTrip.sync(id, body, std::move(answer));
    }
    // Active or revoked, the server's time, the organisation's offline lease and who the
    // device is for.
    Reply deviceStatus(const Identity &id);
    Reply renameDevice(const Identity &id, QByteArrayView body)
    {
        return m_profile.rename(id, body);
    }

private:
    ConnectionPool &m_pool;
    const Statements &m_sql;
    Authentication m_authentication;
    DeviceRegistration m_registration;
    DeviceProfile m_profile;
    KeyRegistry m_keys;
    DeviceApprovals m_approvals;
    KeyRotations m_rotations;
    PullPages m_pages;
    PushPipeline m_pushes;
    SyncRoundTrip m_roundTrip;
};

} // namespace wp::server
