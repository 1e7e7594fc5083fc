// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestDevice.h"

#include "HttpConnection.h"
#include "crypto/AudienceKeySignature.h"
#include "crypto/BatchSignature.h"
#include "crypto/Envelope.h"
#include "wire/Codec.h"

#include <QDateTime>
#include <QUrl>

using namespace wp;
using namespace wp::wire;

TestDevice::TestDevice(QString baseUrl) : m_baseUrl(std::move(baseUrl)) {}

QByteArray TestDevice::authorization() const
{
    return "Waypoint " + credentials.organisationId.toByteArray(QUuid::WithoutBraces) + '.' +
           credentials.deviceId.toByteArray(QUuid::WithoutBraces) + '.' +
           credentials.token.toBase64(QByteArray::Base64UrlEncoding |
                                      QByteArray::OmitTrailingEquals);
}

HttpReply TestDevice::call(const char *method, const QString &path, const QByteArray &body,
                           bool authenticated)
{
    // A connection per call, as a device that just woke up would open.
    sync::HttpConnection connection{QUrl(m_baseUrl)};
    QList<std::pair<QByteArray, QByteArray>> headers{{"Content-Type", "application/cbor"}};
    if (authenticated)
        headers.append({"Authorization", authorization()});
    sync::HttpAnswer r = connection.exchange(method, QUrl(path).toEncoded(), headers, body, 20000);
    HttpReply reply;
    if (r.status == 0)
        return reply;
    reply.status = r.status;
    reply.body = std::move(r.body);
    if (reply.status != 200) {
        auto e = decodeErrorBody(reply.body);
        if (e) {
            reply.code = e->code;
            reply.message = e->message;
        }
    }
    return reply;
}

bool TestDevice::enrol(const QString &code)
{
    const HttpReply r = call(
        "POST", QStringLiteral("/v1/enrol"),
        encode(EnrolRequest{code, QStringLiteral("test phone"), QStringLiteral("linux")}), false);
    if (r.status != 200)
        return false;
    auto resp = decodeEnrolResponse(r.body);
    if (!resp)
        return false;
    credentials = *resp;
    m_clock = std::make_unique<HybridClock>(credentials.deviceId);
    return true;
}

bool TestDevice::createKeys()
{
    m_user = std::make_shared<UserSecrets>();
    m_user->keys = crypto::UserKeys::generate();
    m_user->audienceId = QUuid::createUuid();
    m_user->audienceKey = crypto::newAudienceKey();
    const HttpReply k = call("PUT", QStringLiteral("/v1/keys"),
                             encode(PublicKeys{credentials.userId, m_user->keys.encryptionPublic,
                                               m_user->keys.signingPublic}));
    const auto recoveryKey = crypto::RecoveryKey::generate();
    m_user->recoveryKey = QString::fromLatin1(recoveryKey.text().view());
    const QByteArray blob = crypto::wrapKeys(m_user->keys, credentials.userId, recoveryKey,
                                             crypto::KeyBackupCost::minimal())
                                .value();
    const HttpReply b =
        call("PUT", QStringLiteral("/v1/keys/backup"), encode(KeyBackupMessage{blob}));
    return k.status == 200 && b.status == 200;
}

bool TestDevice::restoreKeys(const QString &typedRecoveryKey)
{
    const HttpReply r = call("GET", QStringLiteral("/v1/keys/backup"));
    if (r.status != 200)
        return false;
    auto msg = decodeKeyBackup(r.body);
    if (!msg)
        return false;
    const auto recoveryKey = crypto::RecoveryKey::parse(typedRecoveryKey);
    if (!recoveryKey)
        return false;
    auto keys = crypto::unwrapKeys(msg->blob, credentials.userId, *recoveryKey);
    if (!keys)
        return false;
    m_user = std::make_shared<UserSecrets>();
    m_user->keys = std::move(*keys);
    // The audience key arrives with the first pull that uses it.
    return true;
}

PushRequest TestDevice::batch(std::uint64_t sequence, const QList<Draft> &drafts,
                              qint64 clockOffsetMs, std::uint64_t firstChangeId)
{
    PushRequest p;
    p.deviceId = credentials.deviceId;
    p.sequence = sequence;
    p.audiences.append(
        {m_user->audienceId,
         {{credentials.userId,
           crypto::signAudienceKey(
               m_user->keys.signingSecret, m_user->audienceId, credentials.userId,
               crypto::sealTo(m_user->audienceKey, m_user->keys.encryptionPublic))}}});
    QList<QByteArray> digests;
    std::uint64_t changeId = (firstChangeId ? firstChangeId : sequence * 100000 + 1) - 1;
    for (const Draft &d : drafts) {
        Change c;
        c.changeId = ++changeId;
        c.recordId = d.recordId;
        c.type = d.type;
        c.stamp = m_clock->now();
        c.stamp.physicalMs += clockOffsetMs;
        c.deleted = d.deleted;
        c.audienceId = m_user->audienceId;
        if (!d.deleted)
            c.envelope =
                crypto::sealRecord(m_user->audienceKey, c.recordId, c.type, c.stamp, d.plaintext);
        digests.append(crypto::changeDigest(c));
        p.changes.append(c);
    }
    p.signature = crypto::signManifest(m_user->keys.signingSecret,
                                       manifestBytes(credentials.organisationId, credentials.userId,
                                                     credentials.deviceId, sequence, digests));
    return p;
}

HttpReply TestDevice::push(const PushRequest &request)
{
    return call("POST", QStringLiteral("/v1/push"), encode(request));
}

Result<QList<Received>> TestDevice::pullAll(int limit)
{
    QList<Received> out;
    for (;;) {
        const HttpReply r =
            call("GET", QStringLiteral("/v1/pull?since=%1&limit=%2").arg(cursor).arg(limit));
        if (r.status != 200)
            return Error(ErrorCode::Network,
                         QStringLiteral("pull failed: %1 %2").arg(r.status).arg(r.code));
        auto page = decodePullResponse(r.body);
        if (!page)
            return page.error();
        for (const AudienceGrant &g : page->audienceKeys) {
            if (g.audienceId != m_user->audienceId || m_user->audienceKey.isEmpty()) {
                // Its own audience's key, signed by its user (a test device checks no more:
                // the device's checks are SyncEngine's).
                const auto sealed = crypto::verifiedAudienceKey(
                    m_user->keys.signingPublic, g.audienceId, credentials.userId, g.sealedKey);
                auto key = crypto::openSealed(sealed.value_or(g.sealedKey), m_user->keys);
                if (!key)
                    return key.error();
                m_user->audienceId = g.audienceId;
                m_user->audienceKey = std::move(*key);
            }
        }
        for (Change &c : page->changes) {
            const Manifest &m = page->manifests.at(c.manifestIndex);
            if (c.authorId.isNull())
                c.authorId = m.authorId;
            if (!m_signingKeys.contains(m.authorId)) {
                auto dir = decodeKeyDirectory(call("GET", QStringLiteral("/v1/keys")).body);
                if (!dir)
                    return dir.error();
                for (const DirectoryEntry &e : dir->users)
                    m_signingKeys.insert(e.userId, e.signingKey);
            }
            if (!crypto::verifyManifest(m_signingKeys.value(m.authorId),
                                        manifestBytes(credentials.organisationId, m.authorId,
                                                      m.deviceId, m.sequence, m.digests),
                                        m.signature) ||
                !m.digests.contains(crypto::changeDigest(c)) || m.authorId != c.authorId)
                return Error(ErrorCode::Crypto, QStringLiteral("a change failed its signature"));
            Received rec{c.recordId, c.authorId, {}, c.deleted, c.seq};
            if (!c.deleted) {
                auto plain = crypto::openRecord(m_user->audienceKey, c.recordId, c.type, c.stamp,
                                                c.envelope);
                if (!plain)
                    return plain.error();
                rec.plaintext = *plain;
            }
            m_clock->observe(c.stamp);
            out.append(rec);
        }
        cursor = page->cursor;
        if (!page->more)
            return out;
    }
}
