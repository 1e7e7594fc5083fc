#include "SyncClient.h"

#include "Uuid.h"
#include "wire/Codec.h"

#include <QEventLoop>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrl>

namespace wp::sync {

using namespace wp::wire;

SyncClient::SyncClient(QString serverUrl) : m_serverUrl(std::move(serverUrl))
{
    while (m_serverUrl.endsWith(u'/'))
        m_serverUrl.chop(1);
}

Result<QByteArray> SyncClient::exchange(const QByteArray &verb, const QString &path,
                                        const QByteArray &body, bool authenticated)
{
    QNetworkRequest request(QUrl(m_serverUrl + path));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/cbor"));
    request.setTransferTimeout(m_timeoutMs);
    // Bodies are mostly ciphertext, which does not compress; identity keeps Content-Length
    // the exact body size, which is how a cut body is recognised below.
    request.setRawHeader("Accept-Encoding", "identity");
    if (authenticated) {
        if (!m_credentials)
            return Error(ErrorCode::Unauthorized, QStringLiteral("this device is not enrolled"));
        QByteArray header = "Waypoint " + idText(m_credentials->organisationId).toLatin1() + '.' +
                            idText(m_credentials->deviceId).toLatin1() + '.' +
                            m_credentials->token.view().toByteArray().toBase64(
                                QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        request.setRawHeader("Authorization", header);
        wipe(header);
    }
    QNetworkReply *reply = body.isNull() && verb == "GET"
                               ? m_network.get(request)
                               : m_network.sendCustomRequest(request, verb, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray data = reply->isOpen() ? reply->readAll() : QByteArray();
    const QNetworkReply::NetworkError networkError = reply->error();
    // Qt can finish a reply whose connection dropped mid-body without an error; the declared
    // length tells a cut body from a malformed one.
    const QVariant declared = reply->header(QNetworkRequest::ContentLengthHeader);
    const bool truncated = declared.isValid() && data.size() != declared.toLongLong();
    reply->deleteLater();
    m_sent += body.size();
    m_received += data.size();

    // A connection lost after the headers leaves a truncated body: a network failure to
    // retry, not a malformed answer.
    if (status == 0 || truncated || (status == 200 && networkError != QNetworkReply::NoError))
        return Error(ErrorCode::Network, networkError == QNetworkReply::OperationCanceledError
                                             ? QStringLiteral("the server did not answer in time")
                                             : QStringLiteral("the server cannot be reached"));
    if (status == 200)
        return data;
    const auto err = decodeErrorBody(data);
    const QString code = err ? err->code : QStringLiteral("http_%1").arg(status);
    const QString message = err ? err->message : QStringLiteral("HTTP %1").arg(status);
    ErrorCode kind = ErrorCode::Protocol;
    if (status == 401 || status == 403)
        kind = ErrorCode::Unauthorized;
    else if (status == 404)
        kind = ErrorCode::NotFound;
    else if (status == 429 || status >= 500)
        kind = ErrorCode::Network;
    else if (status == 409 || status == 410)
        kind = ErrorCode::Conflict; // 410 resync_required: start again from cursor 0
    return Error(kind, message, code);
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

Result<PullResponse> SyncClient::pull(std::uint64_t since, int limit)
{
    std::atomic<std::uint64_t> *horizon =
        m_credentials ? m_credentials->pullHorizon.get() : nullptr;
    QString path = QStringLiteral("/v1/pull?since=%1&limit=%2").arg(since).arg(limit);
    if (horizon && horizon->load() > 0)
        path += QStringLiteral("&horizon=%1").arg(horizon->load());
    auto r = exchange("GET", path, {}, true);
    if (!r)
        return r.error();
    auto page = decodePullResponse(*r);
    if (page && horizon)
        horizon->store(page->horizon);
    return page;
}

Result<DeviceStatus> SyncClient::deviceStatus()
{
    auto r = exchange("GET", QStringLiteral("/v1/device"), {}, true);
    if (!r)
        return r.error();
    return decodeDeviceStatus(*r);
}

} // namespace wp::sync
