// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The protocol's HTTP client (docs/protocol.md, "Endpoints"), one blocking call per
// endpoint over one kept-alive connection (HttpConnection, Qt Network sockets), used from the
// thread that made the first call. Use it from a thread with no UI to keep responsive
// (waypointctl, the app's sync thread, the load generator).
//
// Errors: Network (unreachable, timeout, 429, 5xx: retry with backoff), Unauthorized (401,
// 403), Protocol (the server refused the request as malformed or a body did not decode).
// A refusal by the server also carries its code, decoded here once (serverErrorOf(), a
// ServerError: DeviceRevoked, RateLimited, ...).

#include "Result.h"
#include "SecretBytes.h"
#include "ServerError.h"
#include "wire/ApprovalMessages.h"
#include "wire/Messages.h"
#include "wire/RotationMessages.h"

#include <QString>
#include <QUuid>

#include <atomic>
#include <memory>
#include <optional>

namespace wp::sync {

class HttpConnection;

struct DeviceCredentials
{
    QString serverUrl;
    QUuid organisationId;
    QUuid userId;
    QUuid deviceId;
    QString role;
    SecretBytes token;
    // The compaction horizon this device's last pulled page was answered under, sent back with
    // the next page (docs/protocol.md, "Compaction"). Shared by every client using these
    // credentials (a prefetch thread's too) while the identity is in memory.
    std::shared_ptr<std::atomic<std::uint64_t>> pullHorizon =
        std::make_shared<std::atomic<std::uint64_t>>(0);
};

// What POST /v1/sync answered: the page, and the push part's outcome when one was sent.
struct SyncExchange
{
    wire::PullResponse pull;
    std::optional<Result<wire::PushResponse>> push;
};

class SyncClient
{
public:
    explicit SyncClient(QString serverUrl);
    ~SyncClient();
    SyncClient(const SyncClient &) = delete;
    SyncClient &operator=(const SyncClient &) = delete;

    void setCredentials(const DeviceCredentials *credentials) { m_credentials = credentials; }
    void setTimeout(int ms) { m_timeoutMs = ms; }
    // For a second client on another thread (PullPrefetch): same server, credentials (with
    // the compaction horizon they share) and timeout.
    QString serverUrl() const { return m_serverUrl; }
    const DeviceCredentials *credentials() const { return m_credentials; }
    int timeout() const { return m_timeoutMs; }

    Result<wire::EnrolResponse> enrol(const QString &code, const QString &deviceName,
                                      const QString &platform);
    Status putPublicKeys(const QByteArray &encryptionKey, const QByteArray &signingKey);
    Status putKeyBackup(const QByteArray &blob);
    Result<QByteArray> keyBackup(); // NotFound when there is none
    Result<wire::KeyDirectory> directory();
    Result<wire::PushResponse> push(const wire::PushRequest &request);
    // Sends back the horizon the device's previous page was answered under
    // (DeviceCredentials::pullHorizon), so a pull from 0 pages past it.
    Result<wire::PullResponse> pull(std::uint64_t since, int limit);
    Result<wire::DeviceStatus> deviceStatus();
    // PUT /v1/device/name: the server's name for this device.
    Status renameDevice(const QString &name);
    // Approval by an existing device (docs/protocol.md): the new device's request and where it
    // stands; the user's new devices, and an existing device's approval or denial of one.
    Status requestApproval(const QByteArray &requestKey);
    Result<wire::ApprovalState> approvalState();
    // The device restored the keys with the recovery key: its request is over.
    Status withdrawApproval();
    Result<wire::NewDevices> newDevices();
    Status approveDevice(const wire::Approval &approval);
    Status denyDevice(const QUuid &deviceId);
    // Key rotation after a revocation (docs/protocol.md).
    Status putDeviceKey(const wire::DeviceKey &key);
    Result<wire::RotationState> rotationState();
    Status rotate(const wire::Rotation &rotation);
    // A pull page and one push batch (or none) in one round trip (docs/protocol.md, "Sync"):
    // the server takes the page's snapshot before it applies the batch. A refused pull fails
    // the whole call (nothing was pushed); a refused push is SyncExchange::push's error.
    Result<SyncExchange> sync(std::uint64_t since, int limit, const wire::PushRequest *push);

    // Bytes sent and received so far (bodies), for the load generator's per-record figures.
    qint64 bytesSent() const { return m_sent; }
    qint64 bytesReceived() const { return m_received; }
    // Requests made so far (answered or not).
    qint64 requests() const { return m_requests; }
    // Counts a helper client's traffic as this one's (PullPrefetch, once its thread ended).
    void addTraffic(qint64 sent, qint64 received)
    {
        m_sent += sent;
        m_received += received;
    }

private:
    static Error serverError(int status, const wire::ErrorBody &body);
    std::atomic<std::uint64_t> *pullHorizon() const;
    Result<wire::PullResponse> receivePage(const QByteArray &body);
    Result<QByteArray> exchange(const QByteArray &verb, const QString &path, const QByteArray &body,
                                bool authenticated);

    QString m_serverUrl;
    const DeviceCredentials *m_credentials = nullptr;
    int m_timeoutMs = 30000;
    std::unique_ptr<HttpConnection> m_connection; // made on first use
    qint64 m_sent = 0;
    qint64 m_received = 0;
    qint64 m_requests = 0;
};

} // namespace wp::sync
