#pragma once
// Tamper-evident local audit: each entry holds BLAKE2b(previous hash || canonical entry), so
// editing, removing or reordering any entry breaks every link after it. Entries name what was
// touched (record id, type, field names), never the content.

#include "Result.h"
#include "StoreTypes.h"

#include <QStringList>

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
    sql::Database &m_db;
};

} // namespace wp
