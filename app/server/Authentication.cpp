// SPDX-License-Identifier: GPL-3.0-or-later
#include "Authentication.h"

#include "SecretBytes.h"
#include "Uuid.h"
#include "crypto/BatchSignature.h"

#include <QStringList>

namespace wp::server {

QByteArray Authentication::tokenHash(QByteArrayView token)
{
    return crypto::blake2b256(token);
}

Reply Authentication::unauthorized()
{
    return Reply::error(401, QStringLiteral("unauthorized"),
                        QStringLiteral("missing or wrong device credentials"));
}

std::optional<Authentication::Claim> Authentication::claimOf(std::string_view header)
{
    constexpr std::string_view scheme = "Waypoint ";
    if (header.substr(0, scheme.size()) != scheme)
        return std::nullopt;
    const QString value = QString::fromLatin1(header.substr(scheme.size()));
    const QStringList parts = value.split(u'.');
    if (parts.size() != 3)
        return std::nullopt;
    Claim claim;
    claim.organisation = idFromText(parts[0]);
    claim.device = idFromText(parts[1]);
    auto decoded = QByteArray::fromBase64Encoding(
        parts[2].toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals |
                                 QByteArray::AbortOnBase64DecodingErrors);
    const bool wellFormed = !claim.organisation.isNull() && !claim.device.isNull() && decoded &&
                            decoded.decoded.size() == 32;
    if (wellFormed)
        claim.tokenHash = tokenHash(decoded.decoded);
    wipe(decoded.decoded);
    if (!wellFormed)
        return std::nullopt;
    return claim;
}

std::variant<Identity, Reply> Authentication::admit(const Claim &claim,
                                                    const std::optional<Stored> &stored,
                                                    bool allowRevoked, pqxx::transaction_base &w)
{
    // Compare against something even for unknown devices, so timing says nothing.
    const QByteArray expected = stored ? stored->tokenHash : QByteArray(32, '\0');
    if (!constantTimeEquals(claim.tokenHash, expected) || !stored)
        return unauthorized();
    Identity id;
    id.organisation = claim.organisation;
    id.device = claim.device;
    id.user = stored->user;
    id.revoked = stored->revoked;
    id.role = stored->role;
    id.signingKey = stored->signingKey;
    if (id.revoked && !allowRevoked)
        return Reply::error(403, QStringLiteral("device_revoked"),
                            QStringLiteral("this device was revoked; destroy its keys"));
    if (stored->stale)
        w.exec_prepared("touch", sqlText(id.organisation), sqlText(id.device));
    return id;
}

std::variant<Identity, Reply> Authentication::authenticate(std::string_view header,
                                                           bool allowRevoked)
{
    const auto claim = claimOf(header);
    if (!claim)
        return unauthorized();
    std::variant<Identity, Reply> out = unauthorized();
    const Reply r = withDb(m_pool, [&](pqxx::connection &c) -> Reply {
        pqxx::nontransaction w(c);
        const auto rows =
            w.exec_prepared("auth", sqlText(claim->organisation), sqlText(claim->device));
        std::optional<Stored> stored;
        if (!rows.empty())
            stored = Stored{uuidOf(rows[0][0]),    bytesOf(rows[0][1]),
                            rows[0][2].as<bool>(), QString::fromLatin1(rows[0][3].c_str()),
                            bytesOf(rows[0][4]),   rows[0][5].as<bool>()};
        out = admit(*claim, stored, allowRevoked, w);
        if (const Reply *refused = std::get_if<Reply>(&out))
            return *refused;
        return {};
    });
    if (std::holds_alternative<Identity>(out))
        return out;
    return r.status == 200 ? unauthorized() : r;
}

} // namespace wp::server
