// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A device as the integration tests drive it: real HTTP, the real wire codec and real
// end-to-end crypto, with no store behind it (app/sync does that for the app).

#include "HybridClock.h"
#include "Result.h"
#include "crypto/UserKeys.h"
#include "wire/Messages.h"

#include <QHash>
#include <QString>

#include <memory>

struct HttpReply
{
    int status = 0; // 0: the connection failed
    QByteArray body;
    QString code; // the error code from an Error body
    QString message;
};

// What all devices of one user share: keys and the private audience.
struct UserSecrets
{
    wp::crypto::UserKeys keys;
    QUuid audienceId;
    wp::SecretBytes audienceKey;
    QString recoveryKey; // as shown to the user when the keys were made
};

struct Draft
{
    QUuid recordId;
    wp::RecordType type = wp::RecordType::DiaryEntry;
    QByteArray plaintext;
    bool deleted = false;
};

struct Received
{
    QUuid recordId;
    QUuid authorId;
    QByteArray plaintext;
    bool deleted = false;
    std::uint64_t seq = 0;
};

class TestDevice
{
public:
    explicit TestDevice(QString baseUrl);

    void setBaseUrl(const QString &url) { m_baseUrl = url; }
    HttpReply call(const char *method, const QString &path, const QByteArray &body = {},
                   bool authenticated = true);

    bool enrol(const QString &code);
    // First device of a user: makes the keys and uploads them with a backup.
    // The new recovery key is in user()->recoveryKey.
    bool createKeys();
    // Another device of the user: restores the keys from the server's backup with the
    // recovery key as typed.
    bool restoreKeys(const QString &recoveryKey);
    void shareSecretsWith(const TestDevice &other) { m_user = other.m_user; }
    void useSecrets(std::shared_ptr<UserSecrets> secrets) { m_user = std::move(secrets); }

    // Change ids are sequence * 100000 + 1, + 2, ... unless firstChangeId says otherwise.
    wp::wire::PushRequest batch(std::uint64_t sequence, const QList<Draft> &drafts,
                                qint64 clockOffsetMs = 0, std::uint64_t firstChangeId = 0);
    HttpReply push(const wp::wire::PushRequest &request);
    // Pulls until the server has nothing more; verifies signatures and decrypts.
    wp::Result<QList<Received>> pullAll(int limit = 1000);

    wp::wire::EnrolResponse credentials;
    std::uint64_t cursor = 0;
    std::shared_ptr<UserSecrets> user() const { return m_user; }
    QByteArray authorization() const;

private:
    QString m_baseUrl;
    std::shared_ptr<UserSecrets> m_user;
    std::unique_ptr<wp::HybridClock> m_clock;
    QHash<QUuid, QByteArray> m_signingKeys;
};
