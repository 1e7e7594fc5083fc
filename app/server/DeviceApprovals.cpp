// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeviceApprovals.h"

#include "crypto/DeviceApproval.h"
#include "wire/ApprovalCodec.h"

namespace wp::server {

using namespace wp::wire;

namespace {

template <typename M> Reply answer(const M &message)
{
    return {200, wire::encode(message), {}, 0};
}

Reply noPendingDevice()
{
    return Reply::error(404, QStringLiteral("not_found"),
                        QStringLiteral("no pending device of this user has that id"));
}

} // namespace

Reply DeviceApprovals::request(const Identity &id, QByteArrayView body)
{
    auto req = decodeApprovalRequest(body);
    if (!req)
        return Reply::decodingError(req.error());
    if (id.signingKey.isEmpty())
        return Reply::error(409, QStringLiteral("keys_missing"),
                            QStringLiteral("this user has no keys to hand over yet"));
    return withDb(m_pool, [&](pqxx::connection &c) -> Reply {
        pqxx::work w(c);
        w.exec_params(m_sql.text("approval_request_add"), sqlText(id.organisation),
                      sqlText(id.device), sqlText(id.user), sqlBytes(req->requestKey));
        const auto row = w.exec_params1(m_sql.text("approval_request_of"), sqlText(id.organisation),
                                        sqlText(id.device));
        // One key per device: the one a person compares must be the one the keys are sealed to.
        if (bytesOf(row[0]) != req->requestKey)
            return Reply::error(409, QStringLiteral("conflict"),
                                QStringLiteral("this device asked with another key already"));
        w.commit();
        return answer(Ack{});
    });
}

Reply DeviceApprovals::withdraw(const Identity &id)
{
    return withDb(m_pool, [&](pqxx::connection &c) -> Reply {
        pqxx::work w(c);
        w.exec_params(m_sql.text("approval_withdraw"), sqlText(id.organisation),
                      sqlText(id.device));
        w.commit();
        return answer(Ack{});
    });
}

Reply DeviceApprovals::state(const Identity &id)
{
    return withDb(m_pool, [&](pqxx::connection &c) -> Reply {
        pqxx::nontransaction w(c);
        const auto rows = w.exec_params(m_sql.text("approval_request_of"), sqlText(id.organisation),
                                        sqlText(id.device));
        ApprovalState s;
        // A withdrawn request is over: nothing waits.
        if (rows.empty() || rows[0][4].as<bool>())
            s.state = QStringLiteral("none");
        else if (rows[0][1].is_null())
            s.state = QStringLiteral("pending");
        else {
            s.state = QStringLiteral("approved");
            s.sealedKeys = bytesOf(rows[0][1]);
            s.signature = bytesOf(rows[0][2]);
            s.approvedBy = uuidOf(rows[0][3]);
        }
        return answer(s);
    });
}

Reply DeviceApprovals::newDevices(const Identity &id)
{
    return withDb(m_pool, [&](pqxx::connection &c) -> Reply {
        pqxx::nontransaction w(c);
        NewDevices list;
        for (const auto &r : w.exec_params(m_sql.text("new_devices"), sqlText(id.organisation),
                                           sqlText(id.user), sqlText(id.device))) {
            NewDevice d;
            d.deviceId = uuidOf(r[0]);
            d.name = QString::fromStdString(r[1].as<std::string>());
            d.platform = QString::fromStdString(r[2].as<std::string>());
            d.enrolledAtMs = r[3].as<qint64>();
            const bool withdrawn = !r[7].is_null() && r[7].as<bool>();
            if (!r[5].is_null()) {
                d.state = QStringLiteral("approved");
                d.approvedBy = uuidOf(r[5]);
                d.approvedAtMs = r[6].as<qint64>();
            } else if (!r[4].is_null() && !withdrawn) {
                d.state = QStringLiteral("pending");
                d.requestKey = bytesOf(r[4]);
            } else {
                d.state = QStringLiteral("unapproved");
            }
            list.devices.append(d);
        }
        return answer(list);
    });
}

Reply DeviceApprovals::approve(const Identity &id, QByteArrayView body)
{
    auto req = decodeApproval(body);
    if (!req)
        return Reply::decodingError(req.error());
    return withDb(m_pool, [&](pqxx::connection &c) -> Reply {
        pqxx::work w(c);
        const auto rows =
            w.exec_params(m_sql.text("approval_pending"), sqlText(id.organisation),
                          sqlText(req->deviceId), sqlText(id.user), sqlText(id.device));
        if (rows.empty())
            return noPendingDevice();
        if (rows[0][1].as<bool>())
            return Reply::error(409, QStringLiteral("conflict"),
                                QStringLiteral("this device is approved already"));
        const crypto::SealedApproval sealed{req->sealedKeys, req->signature};
        if (!crypto::approvalSignatureHolds(id.signingKey, id.user, req->deviceId,
                                            bytesOf(rows[0][0]), sealed))
            return Reply::error(422, QStringLiteral("bad_signature"),
                                QStringLiteral("the approval is not signed with the user's key"));
        w.exec_params(m_sql.text("approval_grant"), sqlText(id.organisation),
                      sqlText(req->deviceId), sqlBytes(req->sealedKeys), sqlBytes(req->signature),
                      sqlText(id.device));
        w.commit();
        return answer(Ack{});
    });
}

Reply DeviceApprovals::deny(const Identity &id, QByteArrayView body)
{
    auto req = decodeDenial(body);
    if (!req)
        return Reply::decodingError(req.error());
    return withDb(m_pool, [&](pqxx::connection &c) -> Reply {
        pqxx::work w(c);
        const auto rows =
            w.exec_params(m_sql.text("approval_pending"), sqlText(id.organisation),
                          sqlText(req->deviceId), sqlText(id.user), sqlText(id.device));
        // Only a device still waiting: one device cannot cut off the user's working ones.
        if (rows.empty() || rows[0][1].as<bool>())
            return noPendingDevice();
        w.exec_params(m_sql.text("approval_deny"), sqlText(id.organisation), sqlText(req->deviceId),
                      sqlText(id.device));
        w.exec_params(m_sql.text("approval_revoke"), sqlText(id.organisation),
                      sqlText(req->deviceId));
        w.commit();
        return answer(Ack{});
    });
}

} // namespace wp::server
