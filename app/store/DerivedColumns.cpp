// SPDX-License-Identifier: GPL-3.0-or-later
// The columns a record type adds beside its fields (parent, sort time, title, follow-up,
// shared, open items) for the lists and search, derived from the record itself.
#include "RecordTable.h"

#include <QCoreApplication>

namespace wp {

namespace {

constexpr int TitleChars = 80;

QString titleFrom(const QStringList &candidates)
{
    for (const QString &c : candidates) {
        const QString line = c.section(QLatin1Char('\n'), 0, 0).trimmed();
        if (!line.isEmpty())
            return line.size() > TitleChars ? line.left(TitleChars - 1) + QChar(0x2026) : line;
    }
    return {};
}

qint64 msOr(const QDateTime &t, const QDateTime &fallback)
{
    return t.isValid() ? t.toMSecsSinceEpoch()
                       : (fallback.isValid() ? fallback.toMSecsSinceEpoch() : 0);
}

qint64 dayMs(const QDate &d, const QDateTime &fallback)
{
    return d.isValid() ? d.startOfDay(Qt::UTC).toMSecsSinceEpoch() : msOr({}, fallback);
}

} // namespace

DerivedColumns derive(const Participant &r)
{
    DerivedColumns d;
    d.index.sortAt = msOr(r.lastContact, r.createdAt);
    if (r.followUpDue.isValid())
        d.index.followUp = r.followUpDue.toString(Qt::ISODate);
    d.index.nameKey = r.pseudonym.trimmed().toCaseFolded();
    d.search = {r.pseudonym, r.searchText()};
    return d;
}

DerivedColumns derive(const Encounter &r)
{
    DerivedColumns d;
    d.index.parentId = r.participantId;
    d.index.sortAt = msOr(r.occurredAt, r.createdAt);
    d.search = {titleFrom(freeTexts(r)), r.searchText()};
    return d;
}

DerivedColumns derive(const DiaryEntry &r)
{
    DerivedColumns d;
    d.index.sortAt = msOr(r.writtenAt, r.createdAt);
    d.index.shared = r.shared;
    d.search = {titleFrom(freeTexts(r)), r.searchText()};
    return d;
}

DerivedColumns derive(const SupervisionNote &r)
{
    DerivedColumns d;
    d.index.sortAt = dayMs(r.heldOn, r.createdAt);
    for (const ActionItem &a : r.actionItems)
        d.index.openItems += a.done ? 0 : 1;
    d.search = {titleFrom({r.topics.value(0), r.supervisor, r.notes}), r.searchText()};
    return d;
}

DerivedColumns derive(const Comment &r)
{
    DerivedColumns d;
    d.index.parentId = r.diaryEntryId;
    d.index.sortAt = msOr(r.writtenAt, r.createdAt);
    d.search = {titleFrom({r.author, r.text}), r.searchText()};
    return d;
}

DerivedColumns derive(const TrainingRecord &r)
{
    DerivedColumns d;
    d.index.sortAt = dayMs(r.completedOn, r.createdAt);
    d.search = {titleFrom({r.course}), r.searchText()};
    return d;
}

namespace {
template <class T> Result<DerivedColumns> deriveAs(const QUuid &id, const QCborMap &fields)
{
    Result<T> r = T::fromFields(id, fields);
    if (!r)
        return r.error();
    return derive(*r);
}
} // namespace

Result<DerivedColumns> derive(RecordType type, const QUuid &id, const QCborMap &fields)
{
    switch (type) {
    case RecordType::Participant:
        return deriveAs<Participant>(id, fields);
    case RecordType::Encounter:
        return deriveAs<Encounter>(id, fields);
    case RecordType::DiaryEntry:
        return deriveAs<DiaryEntry>(id, fields);
    case RecordType::SupervisionNote:
        return deriveAs<SupervisionNote>(id, fields);
    case RecordType::Comment:
        return deriveAs<Comment>(id, fields);
    case RecordType::TrainingRecord:
        return deriveAs<TrainingRecord>(id, fields);
    }
    return Error{ErrorCode::Internal, QCoreApplication::translate("Store", "Unknown record type.")};
}

bool isFreeText(RecordType type, const QString &field)
{
    const FieldInfo *info = findField(fieldTable(type), field);
    return info && info->spec.has(FreeText);
}

} // namespace wp
