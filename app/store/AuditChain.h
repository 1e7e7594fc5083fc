// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Tamper-evident local audit: each entry holds BLAKE2b(previous hash || canonical entry), so
// editing, removing or reordering any entry breaks every link after it. Entries name what was
// touched (record id, type, field names), never the content.

#include "Result.h"
#include "StoreTypes.h"

#include <QStringList>

#include <optional>

namespace wp {

namespace sql {
class Database;
}

struct AuditEntry
{
    qint64 seq = 0;
    QDateTime at;
    QString action; // "create", "update", "delete", "merge"
    QUuid recordId;
    RecordType type = RecordType::DiaryEntry;
    QStringList fieldNames;
    QByteArray prevHash;
    QByteArray hash;
};

class AuditChain
{
public:
    static constexpr int HashBytes = 32;

    explicit AuditChain(sql::Database &db) : m_db(db) {}

    // Many appends in one transaction (a pulled page): the chain's head is read once when the
    // batch starts and stored once by finish(), instead of both for every entry. The entries
    // and their links are the same. Use it inside a transaction that rolls back unless
    // finish() succeeded: a batch dropped unfinished leaves the stored head behind.
    class Batch
    {
    public:
        Batch(Batch &&other) noexcept;
        Batch &operator=(Batch &&) = delete;
        ~Batch();
        Status finish();

    private:
        friend class AuditChain;
        explicit Batch(AuditChain *chain) : m_chain(chain) {}
        AuditChain *m_chain = nullptr;
    };
    Result<Batch> batch();

    // Appends inside the caller's transaction.
    Status append(const QString &action, const QUuid &recordId, RecordType type,
                  const QStringList &fieldNames, qint64 atMs);
    // Walks the chain; reports the first entry whose link or hash does not match.
    Result<AuditVerification> verify();
    // Newest first, keyset-paged by seq.
    Result<Page<AuditEntry>> list(const PageRequest &request);
    Result<qint64> count();

    // The canonical bytes hashed for an entry (exposed for tests).
    static QByteArray canonicalBytes(qint64 seq, qint64 atMs, const QString &action,
                                     const QUuid &recordId, const QString &typeKey,
                                     const QStringList &fieldNames);

private:
    struct Head
    {
        qint64 seq = 0;
        QByteArray hash;
    };
    Result<Head> readHead();
    Status writeHead(const Head &head);

    sql::Database &m_db;
    std::optional<Head> m_batchHead; // while a Batch is open: the newest entry so far
    bool m_batchAppended = false;
};

} // namespace wp
