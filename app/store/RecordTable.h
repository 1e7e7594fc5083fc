// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The one `records` table behind every repository: a record is its id, type and a CBOR map of
// fields, plus a few derived columns the lists need. Writes go with their field stamps, FTS
// row, outbox entry and audit entry in one transaction.

#include "Records.h"
#include "Result.h"
#include "StoreTypes.h"

#include <QDate>

#include <optional>

namespace wp {

namespace sql {
class Database;
}
class AuditChain;
class Outbox;
class SearchWrites;

// Derived from a record so lists can filter and sort without decoding CBOR.
struct IndexColumns
{
    QUuid parentId;             // encounter -> participant, comment -> diary entry
    qint64 sortAt = 0;          // ms since epoch, newest-first lists
    QString followUp;           // ISO date, participants
    std::optional<bool> shared; // diary entries
    int openItems = 0;          // supervision: action items not done
    QString nameKey;            // participants: folded pseudonym for prefix search
};

struct SearchColumns
{
    QString title;
    QString body;
};

struct DerivedColumns
{
    IndexColumns index;
    SearchColumns search;
};

DerivedColumns derive(const Participant &r);
DerivedColumns derive(const Encounter &r);
DerivedColumns derive(const DiaryEntry &r);
DerivedColumns derive(const SupervisionNote &r);
DerivedColumns derive(const Comment &r);
DerivedColumns derive(const TrainingRecord &r);
// For rows whose type is only known at run time (migrations, sync).
Result<DerivedColumns> derive(RecordType type, const QUuid &id, const QCborMap &fields);

struct ListFilter
{
    enum class Order { NewestFirst, FollowUpFirst, ByName };
    Order order = Order::NewestFirst;
    QUuid parentId;
    std::optional<bool> shared;
    QDate followUpOnOrBefore;
    std::optional<QString> namePrefix;
    bool openItemsOnly = false;
    // Only the records of this user: author null (created here) or this user. A supervisor's
    // store also holds the entries workers shared with them, which are not theirs.
    std::optional<QUuid> ownBy;
};

struct StoredRecord
{
    QUuid id;
    QCborMap fields;
};

// Free-text fields: a concurrent edit of one keeps the losing text as a conflict copy.
bool isFreeText(RecordType type, const QString &field);

class RecordTable
{
public:
    RecordTable(sql::Database &db, HybridClock &clock, Outbox &outbox, AuditChain &audit)
        : m_db(db), m_clock(clock), m_outbox(outbox), m_audit(audit)
    {
    }

    // Inserts or updates; records only the fields that changed. Returns the changed field
    // names (empty when nothing changed, and then nothing is written).
    Result<QStringList> write(RecordType type, const QUuid &id, const QCborMap &fields,
                              const DerivedColumns &derived);
    Result<QCborMap> read(RecordType type, const QUuid &id);
    Status remove(RecordType type, const QUuid &id);
    // Erasure (a participant's data, on request or when consent is withdrawn): in one
    // transaction the record and every live record whose parent it is become tombstones, each
    // sent to the outbox; the search index is merged so their words leave it; one audit entry
    // names the record and how many linked records went. Returns the linked records' ids.
    Result<QList<QUuid>> erase(RecordType type, const QUuid &id);

    // Whether `localUser` (this device's user; null when not enrolled) may edit or delete the
    // record: mayChange with its author, a null stored author being this device's user.
    // NotFound for a missing or deleted record.
    Result<bool> changeableBy(const QUuid &id, const QUuid &localUser);
    Result<Page<StoredRecord>> list(RecordType type, const ListFilter &filter,
                                    const PageRequest &request);
    Result<qint64> count(RecordType type);
    // The live `type` records of `localUser` (author null or `localUser`).
    Result<qint64> countOwn(RecordType type, const QUuid &localUser);
    // The newest sort time (ms since the epoch) of the live `type` records under each of
    // `parents`, in one query; parents without such records are absent.
    Result<QHash<QUuid, qint64>> newestChildAt(RecordType type, const QList<QUuid> &parents);

    // Applies one pulled change inside the caller's transaction (see Store::applyRemote). Its
    // search index writes go to `search`, which the caller applies before committing. A change
    // whose fields fail checkFieldMap, whose stamp the clock does not admit, or whose signer
    // may not change the record (mayChange, with a null stored author read as `localUser`,
    // this device's user) is not merged: it goes to `report.setAside`.
    Status merge(const RecordChange &change, const QUuid &localUser, MergeReport &report,
                 SearchWrites &search);

    // Whether a live record is a shared diary entry and, when it is, its every field and each
    // field's stamp; nullopt when the record is unknown or deleted.
    struct Snapshot
    {
        QCborMap fields;
        QMap<QString, HlcStamp> stamps;
        HlcStamp createdStamp;
        bool shared = false;
    };
    Result<std::optional<Snapshot>> snapshot(const QUuid &id);

private:
    struct StoredRow
    {
        qint64 rowid = 0;
        QString typeKey;
        QCborMap fields;
        bool deleted = false;
        HlcStamp createdStamp; // the stamp of every field without its own field_stamps row
        QUuid author;          // who created it; null: this device's user
    };

    Result<std::optional<StoredRow>> loadRow(const QUuid &id);
    // The stored row of a live record of `type`; NotFound when missing, deleted or another type.
    Result<StoredRow> liveRow(RecordType type, const QUuid &id);
    Result<QMap<QString, HlcStamp>> loadStamps(const QUuid &id);
    // `deferred`: hold the search index write there instead of writing it now. `author`: a
    // new row's creator (null: this device's user); an existing row keeps its own.
    Status writeRow(std::optional<qint64> rowid, RecordType type, const QUuid &id,
                    const QCborMap &fields, const DerivedColumns &derived, const HlcStamp &stamp,
                    const HlcStamp &createdStamp, bool deleted, SearchWrites *deferred = nullptr,
                    const QUuid &author = {});
    Status writeStamps(const QUuid &id, const QMap<QString, HlcStamp> &stamps);
    Status tombstone(const StoredRow &row, RecordType type, const QUuid &id, const HlcStamp &stamp,
                     SearchWrites *deferred = nullptr);
    Status keepConflictCopy(const RecordChange &change, const QString &field, const QString &text,
                            const HlcStamp &stamp, SearchWrites &search);
    // The record's conflict copies and their search rows go (`deferred`: see writeRow).
    Status removeConflictCopies(const QUuid &id, SearchWrites *deferred);
    Status saveClock();

    sql::Database &m_db;
    HybridClock &m_clock;
    Outbox &m_outbox;
    AuditChain &m_audit;
};

} // namespace wp
