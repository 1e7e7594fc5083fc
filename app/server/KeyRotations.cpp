// SPDX-License-Identifier: GPL-3.0-or-later
#include "KeyRotations.h"

#include "crypto/KeyRotation.h"
#include "wire/Messages.h"
#include "wire/RotationCodec.h"

#include <QSet>

namespace wp::server {

using namespace wp::wire;

namespace {

template <typename M> Reply answer(const M &message)
{
    return {200, wire::encode(message), {}, 0};
}

Reply badSignature(const QString &what)
{
    return Reply::error(422, QStringLiteral("bad_signature"), what);
}

Reply conflict(const QString &what)
{
    return Reply::error(409, QStringLiteral("conflict"), what);
}

} // namespace

Reply KeyRotations::putDeviceKey(const Identity &id, QByteArrayView body)
{
    auto req = decodeDeviceKey(body);
    if (!req)
        return Reply::decodingError(req.error());
    return withDb(m_pool, [&](pqxx::connection &c) -> Reply {
        pqxx::work w(c);
        const auto user = w.exec_params1(m_sql.text("key_state_lock"), sqlText(id.organisation),
                                         sqlText(id.user));
        if (user[1].is_null())
            return Reply::error(409, QStringLiteral("keys_missing"),
                                QStringLiteral("this user has no keys yet"));
        if (std::uint32_t(user[0].as<int>()) != req->keyVersion)
            return conflict(QStringLiteral("the user's keys have another version"));
        // Signed by the user, so a server cannot have new keys sealed to a key of its own.
        if (!crypto::deviceKeyHolds(bytesOf(user[1]), id.user, id.device, req->boxKey,
                                    req->keyVersion, req->signature))
            return badSignature(QStringLiteral("the device key is not signed by the user"));
        const auto had = w.exec_params(m_sql.text("device_key_of"), sqlText(id.organisation),
                                       sqlText(id.device));
        if (!had.empty() && bytesOf(had[0][0]) != req->boxKey)
            return conflict(QStringLiteral("this device has another key"));
        w.exec_params(m_sql.text("device_key_set"), sqlText(id.organisation), sqlText(id.device),
                      sqlBytes(req->boxKey), sqlBytes(req->signature), int(req->keyVersion));
        w.commit();
        return answer(Ack{});
    });
}

Reply KeyRotations::state(const Identity &id)
{
    return withDb(m_pool, [&](pqxx::connection &c) -> Reply {
        pqxx::work w(c);
        const auto user =
            w.exec_params1(m_sql.text("key_state_of"), sqlText(id.organisation), sqlText(id.user));
        RotationState s;
        s.keyVersion = std::uint32_t(user[0].as<int>());
        s.rotationDue = user[1].as<bool>();
        for (const auto &r : w.exec_params(m_sql.text("rotation_devices"), sqlText(id.organisation),
                                           sqlText(id.user)))
            s.devices.append(
                {uuidOf(r[0]), bytesOf(r[1]), bytesOf(r[2]), std::uint32_t(r[3].as<int>())});
        const auto bundle =
            w.exec_params(m_sql.text("rotation_bundle_of"), sqlText(id.organisation),
                          sqlText(id.device), sqlText(id.user), int(s.keyVersion));
        if (!bundle.empty()) {
            s.bundle = bytesOf(bundle[0][0]);
            s.rotatedBy = uuidOf(bundle[0][1]);
        }
        return answer(s);
    });
}

Reply KeyRotations::rotate(const Identity &id, QByteArrayView body)
{
    auto req = decodeRotation(body);
    if (!req)
        return Reply::decodingError(req.error());
    if (req->keyBackup.isEmpty())
        return Reply::error(400, QStringLiteral("malformed"),
                            QStringLiteral("the key backup is empty"));
    return withDb(m_pool, [&](pqxx::connection &c) -> Reply {
        pqxx::work w(c);
        const auto user = w.exec_params1(m_sql.text("key_state_lock"), sqlText(id.organisation),
                                         sqlText(id.user));
        if (user[1].is_null())
            return Reply::error(409, QStringLiteral("keys_missing"),
                                QStringLiteral("this user has no keys yet"));
        const std::uint32_t version = std::uint32_t(user[0].as<int>());
        if (req->fromVersion != version)
            return conflict(QStringLiteral("the keys were rotated already"));
        // Only the holder of the current signing key can name its successor.
        if (!crypto::continuityHolds(bytesOf(user[1]), id.user, version + 1, req->encryptionKey,
                                     req->signingKey, req->continuity))
            return badSignature(QStringLiteral("the new keys are not signed by the current key"));
        QSet<QUuid> allowed;
        for (const auto &r : w.exec_params(m_sql.text("rotation_devices"), sqlText(id.organisation),
                                           sqlText(id.user)))
            allowed.insert(uuidOf(r[0]));
        QSet<QUuid> seen;
        for (const DeviceBundle &b : req->bundles) {
            if (!allowed.contains(b.deviceId) || seen.contains(b.deviceId))
                return Reply::error(404, QStringLiteral("not_found"),
                                    QStringLiteral("a bundle names no active device of this "
                                                   "user with a device key"));
            seen.insert(b.deviceId);
        }
        const auto applied =
            w.exec_params(m_sql.text("rotation_apply"), sqlText(id.organisation), sqlText(id.user),
                          sqlBytes(req->encryptionKey), sqlBytes(req->signingKey), int(version),
                          sqlBytes(req->keyBackup));
        if (applied.affected_rows() != 1)
            return conflict(QStringLiteral("the keys were rotated already"));
        w.exec_params(m_sql.text("rotation_record"), sqlText(id.organisation), sqlText(id.user),
                      int(version + 1), sqlBytes(req->encryptionKey), sqlBytes(req->signingKey),
                      sqlBytes(req->continuity), sqlText(id.device));
        for (const DeviceBundle &b : req->bundles)
            w.exec_params(m_sql.text("bundle_add"), sqlText(id.organisation), sqlText(b.deviceId),
                          int(version + 1), sqlBytes(b.bundle));
        w.commit();
        return answer(Ack{});
    });
}

void KeyRotations::fillDirectory(pqxx::work &w, const Statements &sql, const Identity &id,
                                 KeyDirectory &dir)
{
    for (const auto &r : w.exec_params(sql.text("key_chains"), sqlText(id.organisation))) {
        const QUuid user = uuidOf(r[0]);
        if (dir.chains.isEmpty() || dir.chains.last().userId != user)
            dir.chains.append({user, {}});
        dir.chains.last().links.append(
            {std::uint32_t(r[1].as<int>()), bytesOf(r[2]), bytesOf(r[3]), bytesOf(r[4])});
    }
    const auto own =
        w.exec_params1(sql.text("key_state_of"), sqlText(id.organisation), sqlText(id.user));
    dir.ownKeys = {std::uint32_t(own[0].as<int>()), own[1].as<bool>()};
}

} // namespace wp::server
