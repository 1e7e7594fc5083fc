// SPDX-License-Identifier: GPL-3.0-or-later
#include "AuditChain.h"

#include "Sodium.h"
#include "Sqlite.h"

#include <QCborArray>
#include <QCborStreamWriter>
#include <QCborValue>
#include <QCoreApplication>

#include <sodium.h>

#include <utility>

namespace wp {

namespace {

QByteArray chainHash(const QByteArray &prev, const QByteArray &canonical)
{
    ensureSodium();
    QByteArray out(AuditChain::HashBytes, Qt::Uninitialized);
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, AuditChain::HashBytes);
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char *>(prev.constData()),
                              size_t(prev.size()));
    crypto_generichash_update(&state,
                              reinterpret_cast<const unsigned char *>(canonical.constData()),
                              size_t(canonical.size()));
    crypto_generichash_final(&state, reinterpret_cast<unsigned char *>(out.data()),
                             AuditChain::HashBytes);
    return out;
}

QByteArray headValue(qint64 seq, const QByteArray &hash)
{
    return QCborArray{seq, hash}.toCborValue().toCbor();
}

} // namespace

QByteArray AuditChain::canonicalBytes(qint64 seq, qint64 atMs, const QString &action,
                                      const QUuid &recordId, const QString &typeKey,
                                      const QStringList &fieldNames)
{
    // CBOR [seq, at, action, record id, type, [field names]], written straight out: the same
    // bytes QCborArray{...}.toCbor() gives (chains already stored were hashed over those;
    // tst_store checks they match), at a fraction of the cost on a pull's hot path.
    QByteArray out;
    out.reserve(96 + 16 * fieldNames.size());
    QCborStreamWriter w(&out);
    w.startArray(6);
    w.append(seq);
    w.append(atMs);
    w.append(action);
    w.append(recordId.isNull() ? QByteArray("") : recordId.toRfc4122());
    w.append(typeKey);
    w.startArray(quint64(fieldNames.size()));
    for (const QString &n : fieldNames)
        w.append(n);
    w.endArray();
    w.endArray();
    return out;
}

Result<AuditChain::Head> AuditChain::readHead()
{
    Head head{0, QByteArray(HashBytes, '\0')};
    sql::Statement &last = m_db.cached("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1");
    Result<bool> row = last.step();
    if (!row)
        return row.error();
    if (*row) {
        head.seq = last.int64(0);
        head.hash = last.blob(1);
    }
    last.reset();
    return head;
}

Status AuditChain::writeHead(const Head &head)
{
    // The head, kept apart, shows when entries were cut off the end of the chain.
    sql::Statement &st =
        m_db.cached("INSERT OR REPLACE INTO meta(key, value) VALUES ('audit_head', ?)");
    st.bindBlob(1, headValue(head.seq, head.hash));
    return st.exec();
}

Result<AuditChain::Batch> AuditChain::batch()
{
    Result<Head> head = readHead();
    if (!head)
        return head.error();
    m_batchHead = std::move(*head);
    m_batchAppended = false;
    return Batch(this);
}

AuditChain::Batch::Batch(Batch &&other) noexcept : m_chain(std::exchange(other.m_chain, nullptr)) {}

AuditChain::Batch::~Batch()
{
    if (m_chain)
        m_chain->m_batchHead.reset();
}

Status AuditChain::Batch::finish()
{
    AuditChain *chain = std::exchange(m_chain, nullptr);
    const std::optional<Head> head = std::exchange(chain->m_batchHead, std::nullopt);
    if (!head || !chain->m_batchAppended)
        return {};
    return chain->writeHead(*head);
}

Status AuditChain::append(const QString &action, const QUuid &recordId, RecordType type,
                          const QStringList &fieldNames, qint64 atMs)
{
    Head head;
    if (m_batchHead) {
        head = *m_batchHead;
    } else {
        Result<Head> stored = readHead();
        if (!stored)
            return stored.error();
        head = std::move(*stored);
    }
    const qint64 seq = head.seq + 1;
    const QString typeKey = keyOf(type);
    const QByteArray hash =
        chainHash(head.hash, canonicalBytes(seq, atMs, action, recordId, typeKey, fieldNames));

    sql::Statement &insert = m_db.cached(
        "INSERT INTO audit(seq, at, action, record_id, type, field_names, prev_hash, hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, seq).bind(2, atMs).bind(3, action).bindId(4, recordId).bind(5, typeKey);
    insert.bind(6, fieldNames.isEmpty() ? QStringLiteral("") : fieldNames.join(QLatin1Char(',')))
        .bindBlob(7, head.hash)
        .bindBlob(8, hash);
    if (Status s = insert.exec(); !s)
        return s;
    if (m_batchHead) {
        *m_batchHead = {seq, hash};
        m_batchAppended = true;
        return {};
    }
    return writeHead({seq, hash});
}

Result<AuditVerification> AuditChain::verify()
{
    AuditVerification result;
    sql::Statement st = m_db.prepare("SELECT seq, at, action, record_id, type, field_names, "
                                     "prev_hash, hash FROM audit ORDER BY seq");
    QByteArray prev(HashBytes, '\0');
    qint64 expectedSeq = 1;
    const Status read = st.forEachRow([&](const sql::Statement &row) {
        const qint64 seq = row.int64(0);
        const QString names = row.text(5);
        const QByteArray canonical =
            canonicalBytes(seq, row.int64(1), row.text(2), row.id(3), row.text(4),
                           names.isEmpty() ? QStringList() : names.split(QLatin1Char(',')));
        const bool linked = seq == expectedSeq && row.blob(6) == prev;
        const QByteArray hash = row.blob(7);
        if (!linked || hash != chainHash(prev, canonical)) {
            result.firstBrokenSeq = expectedSeq;
            return false;
        }
        prev = hash;
        ++expectedSeq;
        ++result.entries;
        return true;
    });
    if (!read)
        return read.error();
    if (result.firstBrokenSeq)
        return result;
    sql::Statement head = m_db.prepare("SELECT value FROM meta WHERE key = 'audit_head'");
    Result<bool> row = head.step();
    if (!row)
        return row.error();
    if (*row && head.blob(0) != headValue(expectedSeq - 1, prev))
        result.firstBrokenSeq = expectedSeq; // entries after this one were removed
    else if (!*row && result.entries > 0)
        result.firstBrokenSeq = 1;
    return result;
}

Result<Page<AuditEntry>> AuditChain::list(const PageRequest &request)
{
    const int limit = qBound(1, request.limit, 500);
    const qint64 before =
        request.after.isEmpty() ? std::numeric_limits<qint64>::max() : request.after.toLongLong();
    sql::Statement &st = m_db.cached(
        "SELECT seq, at, action, record_id, type, field_names, prev_hash, hash FROM audit "
        "WHERE seq < ? ORDER BY seq DESC LIMIT ?");
    st.bind(1, before).bind(2, limit + 1);
    Page<AuditEntry> page;
    const Status read = st.forEachRow([&](const sql::Statement &row) {
        if (page.items.size() == limit) {
            page.next = QByteArray::number(page.items.last().seq);
            return false;
        }
        AuditEntry e;
        e.seq = row.int64(0);
        e.at = QDateTime::fromMSecsSinceEpoch(row.int64(1), Qt::UTC);
        e.action = row.text(2);
        e.recordId = row.id(3);
        e.type = fromKey<RecordType>(row.text(4)).value_or(RecordType::DiaryEntry);
        const QString names = row.text(5);
        e.fieldNames = names.isEmpty() ? QStringList() : names.split(QLatin1Char(','));
        e.prevHash = row.blob(6);
        e.hash = row.blob(7);
        page.items.append(std::move(e));
        return true;
    });
    st.reset();
    if (!read)
        return read.error();
    return page;
}

Result<qint64> AuditChain::count()
{
    return m_db.scalar("SELECT count(*) FROM audit");
}

} // namespace wp
