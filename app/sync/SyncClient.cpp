// SPDX-License-Identifier: GPL-3.0-or-later
#include "SyncClient.h"

#include "HttpConnection.h"
#include "ServerAddress.h"
#include "ServerError.h"
#include "Uuid.h"
#include "wire/ApprovalCodec.h"
#include "wire/Codec.h"
#include "wire/RotationCodec.h"

#include <QUrl>

namespace wp::sync {

using namespace wp::wire;

SyncClient::SyncClient(QString serverUrl) : m_serverUrl(std::move(serverUrl))
{
    while (m_serverUrl.endsWith(u'/'))
        m_serverUrl.chop(1);
}

SyncClient::~SyncClient() = default;

Result<QByteArray> SyncClient::exchange(const QByteArray &verb, const QString &path,
                                        const QByteArray &body, bool authenticated)
{
    const QUrl url(m_serverUrl + path);
    // Checked again here, whatever the front end let through: an address stored before the
    // rule, or one written into a store by hand, still never carries a token in clear.
    if (serverAddressProblem(url) == ServerAddressProblem::PlainHttpRemote)
        return withReason(Error(ErrorCode::InvalidInput,
                                QStringLiteral("plain http:// is refused for a server that is "
                                               "not on this machine")),
                          LocalReason::PlainHttpRemote);
    QList<std::pair<QByteArray, QByteArray>> headers{
        {"Content-Type", "application/cbor"},
        // Bodies are mostly ciphertext, which does not compress; identity keeps
        // Content-Length the exact body size, which is how a cut body is recognised.
        {"Accept-Encoding", "identity"},
    };
    if (authenticated) {
        if (!m_credentials)
            return Error(ErrorCode::Unauthorized, QStringLiteral("this device is not enrolled"));
        headers.append({"Authorization",
                        "Waypoint " + idText(m_credentials->organisationId).toLatin1() + '.' +
                            idText(m_credentials->deviceId).toLatin1() + '.' +
                            m_credentials->token.view().toByteArray().toBase64(
                                QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)});
    }
    if (!m_connection)
        m_connection = std::make_unique<HttpConnection>(url);
    HttpAnswer answer = url.isValid() && (url.scheme() == u"http" || url.scheme() == u"https")
                            ? m_connection->exchange(
                                  verb, url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority),
                                  headers, body, m_timeoutMs)
                            : HttpAnswer{};
    if (authenticated)
        wipe(headers.last().second);
    const int status = answer.status;
    const QByteArray data = std::move(answer.body);
    ++m_requests;
    m_sent += body.size();
    m_received += data.size();

    // No answer, or one cut after its headers (a truncated body): a network failure to
    // retry, not a malformed answer.
    if (answer.tooLarge)
        return Error(ErrorCode::Protocol,
                     QStringLiteral("the server's answer is larger than this app accepts"));
    if (status == 0)
        return Error(ErrorCode::Network, answer.timedOut
                                             ? QStringLiteral("the server did not answer in time")
                                             : QStringLiteral("the server cannot be reached"));
    if (status == 200)
        return data;
    const auto err = decodeErrorBody(data);
    return serverError(status, err ? *err
                                   : ErrorBody{QStringLiteral("http_%1").arg(status),
                                               QStringLiteral("HTTP %1").arg(status)});
}

Error SyncClient::serverError(int status, const ErrorBody &body)
{
    ErrorCode kind = ErrorCode::Protocol;
    if (status == 401 || status == 403)
        kind = ErrorCode::Unauthorized;
    else if (status == 404)
        kind = ErrorCode::NotFound;
    else if (status == 429 || status >= 500)
        kind = ErrorCode::Network;
    else if (status == 409 || status == 410)
        kind = ErrorCode::Conflict; // 410 resync_required: start again from cursor 0
    return withReason(Error(kind, body.message), serverErrorFromCode(body.code));
}

Result<EnrolResponse> SyncClient::enrol(const QString &code, const QString &deviceName,
                                        const QString &platform)
{
    auto r = exchange("POST", QStringLiteral("/v1/enrol"),
                      encode(EnrolRequest{code, deviceName, platform}), false);
    if (!r)
        return r.error();
    return decodeEnrolResponse(*r);
}

Status SyncClient::putPublicKeys(const QByteArray &encryptionKey, const QByteArray &signingKey)
{
    auto r = exchange("PUT", QStringLiteral("/v1/keys"),
                      encode(PublicKeys{{}, encryptionKey, signingKey}), true);
    if (!r)
        return r.error();
    return {};
}

Status SyncClient::putKeyBackup(const QByteArray &blob)
{
    auto r =
        exchange("PUT", QStringLiteral("/v1/keys/backup"), encode(KeyBackupMessage{blob}), true);
    if (!r)
        return r.error();
    return {};
}

Result<QByteArray> SyncClient::keyBackup()
{
    auto r = exchange("GET", QStringLiteral("/v1/keys/backup"), {}, true);
    if (!r)
        return r.error();
    auto m = decodeKeyBackup(*r);
    if (!m)
        return m.error();
    return m->blob;
}

Result<KeyDirectory> SyncClient::directory()
{
    auto r = exchange("GET", QStringLiteral("/v1/keys"), {}, true);
    if (!r)
        return r.error();
    return decodeKeyDirectory(*r);
}

Result<PushResponse> SyncClient::push(const PushRequest &request)
{
    auto r = exchange("POST", QStringLiteral("/v1/push"), encode(request), true);
    if (!r)
        return r.error();
    return decodePushResponse(*r);
}

std::atomic<std::uint64_t> *SyncClient::pullHorizon() const
{
    return m_credentials ? m_credentials->pullHorizon.get() : nullptr;
}

Result<PullResponse> SyncClient::receivePage(const QByteArray &body)
{
    auto page = decodePullResponse(body);
    if (page && pullHorizon())
        pullHorizon()->store(page->horizon);
    return page;
}

Result<PullResponse> SyncClient::pull(std::uint64_t since, int limit)
{
    QString path = QStringLiteral("/v1/pull?since=%1&limit=%2").arg(since).arg(limit);
    if (pullHorizon() && pullHorizon()->load() > 0)
        path += QStringLiteral("&horizon=%1").arg(pullHorizon()->load());
    auto r = exchange("GET", path, {}, true);
    if (!r)
        return r.error();
    return receivePage(*r);
}

Result<SyncExchange> SyncClient::sync(std::uint64_t since, int limit, const PushRequest *push)
{
    SyncRequest req;
    req.since = since;
    req.limit = std::uint64_t(std::max(1, limit));
    req.horizon = pullHorizon() ? pullHorizon()->load() : 0;
    if (push)
        req.push = encode(*push);
    auto r = exchange("POST", QStringLiteral("/v1/sync"), encode(req), true);
    if (!r)
        return r.error();
    auto resp = decodeSyncResponse(*r);
    if (!resp)
        return resp.error();
    auto page = receivePage(resp->pull);
    if (!page)
        return page.error();
    SyncExchange out{std::move(*page), std::nullopt};
    if (!resp->push.isEmpty())
        out.push = decodePushResponse(resp->push);
    else if (resp->pushStatus != 0)
        out.push = Result<PushResponse>(serverError(resp->pushStatus, resp->pushError));
    else if (push)
        return Error(ErrorCode::Protocol, QStringLiteral("the server did not answer the push"));
    return out;
}

Result<DeviceStatus> SyncClient::deviceStatus()
{
    auto r = exchange("GET", QStringLiteral("/v1/device"), {}, true);
    if (!r)
        return r.error();
    return decodeDeviceStatus(*r);
}

Status SyncClient::renameDevice(const QString &name)
{
    auto r = exchange("PUT", QStringLiteral("/v1/device/name"), encode(DeviceName{name}), true);
    if (!r)
        return r.error();
    return {};
}

Status SyncClient::requestApproval(const QByteArray &requestKey)
{
    auto r = exchange("POST", QStringLiteral("/v1/device/approval-request"),
                      encode(ApprovalRequest{requestKey}), true);
    if (!r)
        return r.error();
    return {};
}

Status SyncClient::withdrawApproval()
{
    auto r = exchange("POST", QStringLiteral("/v1/device/approval-withdrawal"), {}, true);
    if (!r)
        return r.error();
    return {};
}

Result<ApprovalState> SyncClient::approvalState()
{
    auto r = exchange("GET", QStringLiteral("/v1/device/approval-request"), {}, true);
    if (!r)
        return r.error();
    return decodeApprovalState(*r);
}

Result<NewDevices> SyncClient::newDevices()
{
    auto r = exchange("GET", QStringLiteral("/v1/devices/new"), {}, true);
    if (!r)
        return r.error();
    return decodeNewDevices(*r);
}

Status SyncClient::approveDevice(const Approval &approval)
{
    auto r = exchange("POST", QStringLiteral("/v1/devices/approve"), encode(approval), true);
    if (!r)
        return r.error();
    return {};
}

Status SyncClient::denyDevice(const QUuid &deviceId)
{
    auto r = exchange("POST", QStringLiteral("/v1/devices/deny"), encode(Denial{deviceId}), true);
    if (!r)
        return r.error();
    return {};
}

Status SyncClient::putDeviceKey(const DeviceKey &key)
{
    auto r = exchange("PUT", QStringLiteral("/v1/device/key"), encode(key), true);
    if (!r)
        return r.error();
    return {};
}

Result<RotationState> SyncClient::rotationState()
{
    auto r = exchange("GET", QStringLiteral("/v1/keys/rotation"), {}, true);
    if (!r)
        return r.error();
    return decodeRotationState(*r);
}

Status SyncClient::rotate(const Rotation &rotation)
{
    auto r = exchange("POST", QStringLiteral("/v1/keys/rotate"), encode(rotation), true);
    if (!r)
        return r.error();
    return {};
}

} // namespace wp::sync
