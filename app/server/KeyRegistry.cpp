// SPDX-License-Identifier: GPL-3.0-or-later
#include "KeyRegistry.h"

#include "KeyRotations.h"

namespace wp::server {

using namespace wp::wire;

Reply KeyRegistry::directory(const Identity &id)
{
    return withDb(m_pool, [&](pqxx::connection &c) -> Reply {
        pqxx::work w(c);
        const auto rows = w.exec_params(m_sql.text("key_directory"), sqlText(id.organisation));
        KeyDirectory dir;
        for (const auto &r : rows)
            dir.users.append({uuidOf(r[0]), QString::fromStdString(r[1].as<std::string>()),
                              bytesOf(r[2]), bytesOf(r[3])});
        for (const auto &r : w.exec_params(m_sql.text("supervisors_of"), sqlText(id.organisation),
                                           sqlText(id.user)))
            dir.supervisors.append({uuidOf(r[0]), QString::fromStdString(r[1].as<std::string>())});
        for (const auto &r :
             w.exec_params(m_sql.text("workers_of"), sqlText(id.organisation), sqlText(id.user)))
            dir.workers.append({uuidOf(r[0]), QString::fromStdString(r[1].as<std::string>()),
                                r[2].is_null() ? 0 : r[2].as<qint64>()});
        KeyRotations::fillDirectory(w, m_sql, id, dir);
        return Reply::ok(dir);
    });
}

Reply KeyRegistry::putPublicKeys(const Identity &id, QByteArrayView body)
{
    auto req = decodePublicKeys(body);
    if (!req)
        return Reply::decodingError(req.error());
    return withDb(m_pool, [&](pqxx::connection &c) -> Reply {
        pqxx::work w(c);
        const auto row = w.exec_params1(m_sql.text("public_keys_of"), sqlText(id.organisation),
                                        sqlText(id.user));
        if (!row[0].is_null()) {
            // A user's identity is set once; replacing it silently would let a device
            // impersonate the user to every reader.
            if (bytesOf(row[0]) == req->encryptionKey && bytesOf(row[1]) == req->signingKey)
                return Reply::ok(Ack{});
            return Reply::error(409, QStringLiteral("conflict"),
                                QStringLiteral("this user already has different keys"));
        }
        w.exec_params(m_sql.text("public_keys_set"), sqlText(id.organisation), sqlText(id.user),
                      sqlBytes(req->encryptionKey), sqlBytes(req->signingKey));
        w.commit();
        return Reply::ok(Ack{});
    });
}

Reply KeyRegistry::putKeyBackup(const Identity &id, QByteArrayView body)
{
    auto req = decodeKeyBackup(body);
    if (!req)
        return Reply::decodingError(req.error());
    if (req->blob.isEmpty())
        return Reply::error(400, QStringLiteral("malformed"),
                            QStringLiteral("the key backup is empty"));
    return withDb(m_pool, [&](pqxx::connection &c) -> Reply {
        pqxx::work w(c);
        w.exec_params(m_sql.text("key_backup_set"), sqlText(id.organisation), sqlText(id.user),
                      sqlBytes(req->blob));
        w.commit();
        return Reply::ok(Ack{});
    });
}

Reply KeyRegistry::keyBackup(const Identity &id)
{
    return withDb(m_pool, [&](pqxx::connection &c) -> Reply {
        pqxx::work w(c);
        const auto row =
            w.exec_params1(m_sql.text("key_backup_of"), sqlText(id.organisation), sqlText(id.user));
        if (row[0].is_null())
            return Reply::error(404, QStringLiteral("not_found"),
                                QStringLiteral("no key backup yet"));
        return Reply::ok(KeyBackupMessage{bytesOf(row[0])});
    });
}

} // namespace wp::server
