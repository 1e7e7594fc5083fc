// SPDX-License-Identifier: GPL-3.0-or-later
#include "Repository.h"

namespace wp {

Result<Page<Participant>> ParticipantRepository::followUpDue(QDate day, const PageRequest &request)
{
    ListFilter f;
    f.order = ListFilter::Order::FollowUpFirst;
    f.followUpOnOrBefore = day;
    return listWhere(f, request);
}

Result<Page<Participant>> ParticipantRepository::findByPseudonym(const QString &prefix,
                                                                 const PageRequest &request)
{
    ListFilter f;
    f.order = ListFilter::Order::ByName;
    f.namePrefix = prefix;
    return listWhere(f, request);
}

Result<Page<Encounter>> EncounterRepository::forParticipant(const QUuid &participantId,
                                                            const PageRequest &request)
{
    if (participantId.isNull())
        return Page<Encounter>();
    ListFilter f;
    f.parentId = participantId;
    return listWhere(f, request);
}

Result<QHash<QUuid, QDateTime>> EncounterRepository::lastMet(const QList<QUuid> &participantIds)
{
    Result<QHash<QUuid, qint64>> newest = m_table.newestChildAt(Encounter::Type, participantIds);
    if (!newest)
        return newest.error();
    QHash<QUuid, QDateTime> met;
    for (auto it = newest->cbegin(); it != newest->cend(); ++it)
        met.insert(it.key(), QDateTime::fromMSecsSinceEpoch(it.value(), Qt::UTC));
    return met;
}

Result<QList<Encounter>> EncounterRepository::recent(int limit)
{
    Result<Page<Encounter>> page = list({{}, limit});
    if (!page)
        return page.error();
    return page->items;
}

Result<Page<DiaryEntry>> DiaryRepository::listShared(bool shared, const PageRequest &request)
{
    ListFilter f;
    f.shared = shared;
    return listWhere(f, request);
}

Result<Page<DiaryEntry>> DiaryRepository::own(const QUuid &localUser, const PageRequest &request)
{
    ListFilter f;
    f.ownBy = localUser;
    return listWhere(f, request);
}

Result<Page<DiaryEntry>> DiaryRepository::ownShared(const QUuid &localUser,
                                                    const PageRequest &request)
{
    ListFilter f;
    f.shared = true;
    f.ownBy = localUser;
    return listWhere(f, request);
}

Result<Page<SupervisionNote>> SupervisionRepository::withOpenActionItems(const PageRequest &request)
{
    ListFilter f;
    f.openItemsOnly = true;
    return listWhere(f, request);
}

Result<Page<Comment>> CommentRepository::forDiaryEntry(const QUuid &diaryEntryId,
                                                       const PageRequest &request)
{
    if (diaryEntryId.isNull())
        return Page<Comment>();
    ListFilter f;
    f.parentId = diaryEntryId;
    return listWhere(f, request);
}

} // namespace wp
