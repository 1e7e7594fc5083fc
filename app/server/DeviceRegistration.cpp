// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeviceRegistration.h"

#include "Authentication.h"
#include "DeviceProfile.h"
#include "EnrolmentCode.h"
#include "SecretBytes.h"
#include "Uuid.h"

#include <sodium.h>

namespace wp::server {

using namespace wp::wire;

Reply DeviceRegistration::enrol(QByteArrayView body)
{
    auto req = decodeEnrolRequest(body);
    if (!req)
        return Reply::decodingError(req.error());
    const Reply invalid =
        Reply::error(401, QStringLiteral("enrolment_code_invalid"),
                     QStringLiteral("the enrolment code is unknown, used or expired"));
    const QString code = EnrolmentCode::normalise(req->code);
    if (code.isEmpty())
        return invalid;
    if (req->deviceName.trimmed().isEmpty())
        return Reply::error(400, QStringLiteral("malformed"),
                            QStringLiteral("the device needs a name"));
    return withDb(m_pool, [&](pqxx::connection &c) -> Reply {
        pqxx::work w(c);
        const auto rows =
            w.exec_params(m_sql.text("enrolment_code"), sqlBytes(EnrolmentCode::hash(code)));
        if (rows.empty())
            return invalid;
        EnrolResponse resp;
        resp.organisationId = uuidOf(rows[0][0]);
        resp.userId = uuidOf(rows[0][1]);
        resp.role = QString::fromStdString(rows[0][2].as<std::string>());
        resp.userHasKeys = rows[0][3].as<bool>();
        resp.userName = DeviceProfile::toldName(rows[0][4]);
        resp.organisationName = DeviceProfile::toldName(rows[0][5]);
        resp.deviceId = createUuidV7();
        resp.token = QByteArray(32, Qt::Uninitialized);
        randombytes_buf(resp.token.data(), 32);
        w.exec_params(m_sql.text("enrolment_code_used"), sqlText(resp.organisationId),
                      sqlBytes(EnrolmentCode::hash(code)));
        w.exec_params(m_sql.text("enrolment_device"), sqlText(resp.organisationId),
                      sqlText(resp.deviceId), sqlText(resp.userId),
                      req->deviceName.trimmed().toStdString(), req->platform.toStdString(),
                      sqlBytes(Authentication::tokenHash(resp.token)));
        w.commit();
        Reply r = Reply::ok(resp);
        wipe(resp.token);
        return r;
    });
}

} // namespace wp::server
