// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Typed repositories over RecordTable: one per record type, plus the queries the app needs.

#include "RecordTable.h"
#include "Uuid.h"

namespace wp {

template <class T> class Repository
{
public:
    explicit Repository(RecordTable &table) : m_table(table) {}

    // Insert (a null id or createdAt is assigned) or update. Validates first and returns the
    // first error; writes only the changed fields, with one outbox and one audit entry.
    Result<T> save(T record)
    {
        if (record.id.isNull())
            record.id = createUuidV7();
        if (!record.createdAt.isValid())
            record.createdAt = QDateTime::currentDateTimeUtc();
        if (Status valid = validated(record); !valid)
            return valid.error();
        const Result<QStringList> written =
            m_table.write(T::Type, record.id, record.toFields(), derive(record));
        if (!written)
            return written.error();
        return record;
    }

    Result<T> get(const QUuid &id)
    {
        Result<QCborMap> fields = m_table.read(T::Type, id);
        if (!fields)
            return fields.error();
        return T::fromFields(id, *fields);
    }

    // A tombstone: the record disappears from lists and search, and the deletion syncs.
    Status remove(const QUuid &id) { return m_table.remove(T::Type, id); }

    // Whether this device's user (`localUser`, null when not enrolled) may edit or delete it:
    // only its author may (mayChange, Authorship.h).
    Result<bool> changeableBy(const QUuid &id, const QUuid &localUser)
    {
        return m_table.changeableBy(id, localUser);
    }

    // Newest first.
    Result<Page<T>> list(const PageRequest &request = {}) { return listWhere({}, request); }
    Result<qint64> count() { return m_table.count(T::Type); }

protected:
    Result<Page<T>> listWhere(const ListFilter &filter, const PageRequest &request)
    {
        Result<Page<StoredRecord>> rows = m_table.list(T::Type, filter, request);
        if (!rows)
            return rows.error();
        Page<T> page;
        page.next = rows->next;
        page.items.reserve(rows->items.size());
        for (const StoredRecord &row : rows->items) {
            Result<T> record = T::fromFields(row.id, row.fields);
            if (!record)
                return record.error();
            page.items.append(std::move(*record));
        }
        return page;
    }

    RecordTable &m_table;
};

class ParticipantRepository : public Repository<Participant>
{
public:
    using Repository::Repository;
    // Follow-up due on or before `day`, most overdue first.
    Result<Page<Participant>> followUpDue(QDate day, const PageRequest &request = {});
    // Pseudonym starts with `prefix` (case-insensitive), alphabetical.
    Result<Page<Participant>> findByPseudonym(const QString &prefix,
                                              const PageRequest &request = {});
};

class EncounterRepository : public Repository<Encounter>
{
public:
    using Repository::Repository;
    // A participant's encounters, newest first.
    Result<Page<Encounter>> forParticipant(const QUuid &participantId,
                                           const PageRequest &request = {});
    // When each participant was last met, by their newest encounter; one query for a page.
    Result<QHash<QUuid, QDateTime>> lastMet(const QList<QUuid> &participantIds);
    Result<QList<Encounter>> recent(int limit = 20);
};

class DiaryRepository : public Repository<DiaryEntry>
{
public:
    using Repository::Repository;
    // Only entries shared with the supervisor (true) or kept private (false), newest first.
    Result<Page<DiaryEntry>> listShared(bool shared, const PageRequest &request = {});
    // The diary of `localUser` (this device's user, null when not enrolled), newest first:
    // without the entries workers shared with them when they supervise (the Review tab's).
    Result<Page<DiaryEntry>> own(const QUuid &localUser, const PageRequest &request = {});
    // Their own entries they shared with their supervisors, newest first.
    Result<Page<DiaryEntry>> ownShared(const QUuid &localUser, const PageRequest &request = {});
    Result<qint64> countOwn(const QUuid &localUser)
    {
        return m_table.countOwn(RecordType::DiaryEntry, localUser);
    }
};

class SupervisionRepository : public Repository<SupervisionNote>
{
public:
    using Repository::Repository;
    // Notes with at least one action item not done, newest first.
    Result<Page<SupervisionNote>> withOpenActionItems(const PageRequest &request = {});
};

class CommentRepository : public Repository<Comment>
{
public:
    using Repository::Repository;
    Result<Page<Comment>> forDiaryEntry(const QUuid &diaryEntryId, const PageRequest &request = {});
};

class TrainingRepository : public Repository<TrainingRecord>
{
public:
    using Repository::Repository;
};

} // namespace wp
