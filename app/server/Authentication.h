// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Device authentication: "Authorization: Waypoint <org>.<device>.<token>" checked against the
// device's stored token hash, in constant time. Nothing is cached, so a revocation takes effect
// on the very next request.

#include "Identity.h"
#include "Reply.h"

#include <optional>
#include <string_view>
#include <variant>

namespace wp::server {

class Authentication
{
public:
    explicit Authentication(ConnectionPool &pool) : m_pool(pool) {}

    // What an Authorization header claims: organisation, device and the token's hash.
    struct Claim
    {
        QUuid organisation;
        QUuid device;
        QByteArray tokenHash;
    };
    static std::optional<Claim> claimOf(std::string_view header);

    // What the database holds for a claimed device.
    struct Stored
    {
        QUuid user;
        QByteArray tokenHash;
        bool revoked = false;
        QString role;
        QByteArray signingKey;
        bool stale = false; // last contact more than a minute ago
    };
    // The decision on `claim`, given what is stored for its device (nothing: unknown). Records
    // the contact of a stale device through `w`. A revoked device passes only with
    // allowRevoked.
    static std::variant<Identity, Reply> admit(const Claim &claim,
                                               const std::optional<Stored> &stored,
                                               bool allowRevoked, pqxx::transaction_base &w);

    // The header checked with the "auth" statement (one round trip, no transaction).
    std::variant<Identity, Reply> authenticate(std::string_view header, bool allowRevoked);

    static Reply unauthorized();
    static QByteArray tokenHash(QByteArrayView token);

private:
    ConnectionPool &m_pool;
};

} // namespace wp::server
