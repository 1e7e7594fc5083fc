#pragma once
// What each endpoint does (docs/protocol.md), independent of HTTP: decoded CBOR in, a status
// and a CBOR body out. Holds no state between requests (only the pushes waiting to be applied
// together); everything lives in PostgreSQL, so any number of instances can serve one database.

#include "CommitGroup.h"
#include "Database.h"
#include "wire/Messages.h"

#include <QByteArray>
#include <QString>
#include <QUuid>

#include <functional>
#include <optional>
#include <string_view>
#include <variant>

namespace wp::server {

struct Reply
{
    int status = 200;
    QByteArray body;
    QString errorCode; // for the request log
    int retryAfter = 0;
    double databaseMs = 0; // time spent on the database for it (for the request log)
};

struct Identity
{
    QUuid organisation;
    QUuid device;
    QUuid user;
    QString role;
    QByteArray signingKey; // the user's Ed25519 public key; empty before keys are uploaded
    bool revoked = false;
};

// A push body checked and digested, before any database work.
struct PreparedPush
{
    wire::PushRequest request;
    QByteArray manifest; // the bytes the author must have signed
    QByteArray digests;  // 32 bytes per change, in order
};

class SyncService
{
public:
    explicit SyncService(ConnectionPool &pool);
    ~SyncService();

    // The hot statements, prepared on every pooled connection (give them to the pool).
    static ConnectionPool::Prepared statements();
    // Session settings for those connections (give them to the pool too).
    static std::string sessionSetup();

    // Checks "Authorization: Waypoint <org>.<device>.<token>" against the device's stored
    // token hash (constant time). A revoked device passes only with allowRevoked.
    std::variant<Identity, Reply> authenticate(std::string_view header, bool allowRevoked);

    Reply enrol(QByteArrayView body);
    Reply directory(const Identity &id);
    Reply putPublicKeys(const Identity &id, QByteArrayView body);
    Reply putKeyBackup(const Identity &id, QByteArrayView body);
    Reply keyBackup(const Identity &id);
    // Answers on this thread, or, when the push waits for a group of its organisation
    // (CommitGroup), on the thread that applies that group; exactly once either way.
    using Answer = std::function<void(Reply)>;

    void push(const Identity &id, QByteArrayView body, Answer answer);
    // The push handler's input parsing (pure; the fuzz target drives it).
    static std::variant<PreparedPush, Reply> preparePush(const Identity &id, QByteArrayView body);
    // `horizon`: what the device's previous page said the compaction horizon was (0: none).
    Reply pull(const Identity &id, std::uint64_t since, qsizetype limit, std::uint64_t horizon = 0);
    Reply deviceStatus(const Identity &id);
    // POST /v1/sync: authenticates (as authenticate(), revoked devices refused) and reads a
    // pull page in one statement, then applies the push part (if any) after its snapshot, and
    // answers as push() does. A refused pull refuses the whole request and pushes nothing; a
    // refused push part is answered inside the response, as /v1/push would have answered it.
    // `organisation`: the caller's, set before this returns once authenticated (for the
    // request log).
    void sync(std::string_view authorization, QByteArrayView body, QString *organisation,
              Answer answer);

    static Reply error(int status, const QString &code, const QString &message);
    static Reply decodingError(const Error &e);

private:
    // What an Authorization header claims: organisation, device and the token's hash.
    struct Claim
    {
        QUuid organisation;
        QUuid device;
        QByteArray tokenHash;
    };
    static std::optional<Claim> claimOf(std::string_view header);
    static Reply unauthorized();
    // The PullResponse of a pull statement's rows (kinds 0 to 3), or 410 resync_required.
    static Reply pageReply(const pqxx::result &rows, std::uint64_t since, qsizetype limit,
                           std::uint64_t deviceHorizon);

    // Runs `work` on a pooled connection; a lost connection is retried once on a fresh one
    // (every operation is idempotent), then reported as 503 unavailable.
    Reply withDb(const std::function<Reply(pqxx::connection &)> &work);

    // A verified push laid out as columns, kept until it is answered; for a usual batch (no
    // deletion), also what became of it in its group.
    struct PendingPush;
    // Applies `group` (usual batches of one organisation) in one transaction, one statement;
    // settles each.
    void applyUsual(const std::vector<PendingPush *> &group);
    // The way of every push that is not usual, or that its group sent back: one transaction
    // of a few statements.
    Reply applyGeneral(const PendingPush &push);

    ConnectionPool &m_pool;
    CommitGroup<QUuid, PendingPush> m_usualPushes;
};

} // namespace wp::server
