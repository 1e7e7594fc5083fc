// SPDX-License-Identifier: GPL-3.0-or-later
#include "ListModels.h"

#include "RecordText.h"
#include "Store.h"
#include "SyncIdentity.h"

#include <algorithm>

namespace wp::client {

namespace {
constexpr int MaxFilteredPages = 40; // a stage filter skips at most this many pages per fetch

PageRequest pageAfter(const QByteArray &cursor)
{
    return PageRequest{cursor, PagedModel::PageSize};
}

QHash<int, QByteArray> names(std::initializer_list<const char *> list)
{
    QHash<int, QByteArray> out;
    int role = Qt::UserRole;
    for (const char *name : list)
        out.insert(role++, QByteArray(name));
    return out;
}

Error noStore()
{
    return Error(ErrorCode::Internal, QStringLiteral("locked"));
}

// The newest encounter counts even when the participant record does not say so: an encounter
// pulled from another device, or written by waypointctl, leaves the participant as it was.
QDateTime lastContactOf(const Participant &p, const QHash<QUuid, QDateTime> &lastMet)
{
    const QDateTime at = lastMet.value(p.id);
    return at.isValid() && (!p.lastContact.isValid() || at > p.lastContact) ? at : p.lastContact;
}
} // namespace

// --- participants ---

ParticipantListModel::ParticipantListModel(Kind kind, QObject *parent)
    : PagedModel(parent), m_kind(kind)
{
}

QHash<int, QByteArray> ParticipantListModel::roleNames() const
{
    return names({"recordId", "pseudonym", "stageKey", "stageLabel", "lastContactText",
                  "followUpText", "followUpOverdue", "consentLabel"});
}

void ParticipantListModel::setQuery(const QString &query)
{
    if (m_query == query)
        return;
    m_query = query;
    Q_EMIT queryChanged();
    reload();
}

void ParticipantListModel::setStageFilter(const QString &stageKey)
{
    if (m_stageFilter == stageKey)
        return;
    m_stageFilter = stageKey;
    Q_EMIT stageFilterChanged();
    reload();
}

PagedModel::Row ParticipantListModel::rowOf(const Participant &p, const QDateTime &lastContact,
                                            QDate today)
{
    const bool overdue = p.followUpDue.isValid() && p.followUpDue < today;
    return {idText(p.id),
            p.pseudonym,
            keyOf(p.stage),
            labelOf(p.stage),
            RecordText::lastContact(lastContact, today),
            RecordText::followUp(p.followUpDue, today),
            overdue,
            labelOf(p.consent.state)};
}

Result<PagedModel::Chunk> ParticipantListModel::loadPage(const QByteArray &cursor)
{
    if (!store())
        return noStore();
    const QDate today = QDate::currentDate();
    const std::optional<Stage> stage =
        m_stageFilter.isEmpty() ? std::nullopt : fromKey<Stage>(m_stageFilter);
    Chunk chunk;
    QByteArray after = cursor;
    for (int pages = 0; pages < MaxFilteredPages; ++pages) {
        Result<Page<Participant>> page =
            m_kind == Kind::FollowUpsDue
                ? store()->participants().followUpDue(today, pageAfter(after))
            : m_query.trimmed().isEmpty()
                ? store()->participants().list(pageAfter(after))
                : store()->participants().findByPseudonym(m_query.trimmed(), pageAfter(after));
        if (!page)
            return page.error();
        QList<QUuid> shown;
        for (const Participant &p : std::as_const(page->items))
            if (!stage || p.stage == *stage)
                shown.append(p.id);
        Result<QHash<QUuid, QDateTime>> lastMet = store()->encounters().lastMet(shown);
        if (!lastMet)
            return lastMet.error();
        for (const Participant &p : std::as_const(page->items))
            if (!stage || p.stage == *stage)
                chunk.rows.append(rowOf(p, lastContactOf(p, *lastMet), today));
        chunk.next = page->next;
        after = page->next;
        if (!chunk.rows.isEmpty() || after.isEmpty())
            break;
    }
    return chunk;
}

QString ParticipantNames::nameOf(wp::Store *store, const QUuid &id)
{
    if (id.isNull())
        return RecordText::briefContact();
    if (auto found = m_names.constFind(id); found != m_names.constEnd())
        return *found;
    Result<Participant> p = store ? store->participants().get(id) : Result<Participant>(noStore());
    const QString name =
        p ? p->pseudonym : QCoreApplication::translate("RecordText", "Removed participant");
    m_names.insert(id, name);
    return name;
}

// --- encounters ---

EncounterListModel::EncounterListModel(ParticipantNames *names, int recentLimit, QObject *parent)
    : PagedModel(parent), m_names(names), m_recentLimit(recentLimit)
{
}

QHash<int, QByteArray> EncounterListModel::roleNames() const
{
    return names({"recordId", "participantName", "participantId", "whenText", "placeLabel",
                  "summary", "note", "followUpText"});
}

void EncounterListModel::setParticipant(const QUuid &participantId)
{
    m_participant = participantId;
    reload();
}

Result<PagedModel::Chunk> EncounterListModel::loadPage(const QByteArray &cursor)
{
    if (!store())
        return noStore();
    QList<Encounter> items;
    Chunk chunk;
    if (m_participant.isNull()) {
        Result<QList<Encounter>> recent = store()->encounters().recent(m_recentLimit);
        if (!recent)
            return recent.error();
        items = std::move(*recent);
    } else {
        Result<Page<Encounter>> page =
            store()->encounters().forParticipant(m_participant, pageAfter(cursor));
        if (!page)
            return page.error();
        items = std::move(page->items);
        chunk.next = page->next;
    }
    const QDate today = QDate::currentDate();
    for (const Encounter &e : std::as_const(items)) {
        chunk.rows.append(Row{idText(e.id), m_names->nameOf(store(), e.participantId),
                              e.participantId.isNull() ? QString() : idText(e.participantId),
                              RecordText::when(e.occurredAt, today), labelOf(e.place),
                              RecordText::encounterSummary(e), e.note,
                              RecordText::followUp(e.followUpOn, today)});
    }
    return chunk;
}

// --- diary ---

DiaryListModel::DiaryListModel(QObject *parent) : PagedModel(parent) {}

QHash<int, QByteArray> DiaryListModel::roleNames() const
{
    return names({"recordId", "title", "whenText", "excerpt", "shared", "themesText", "wellbeing",
                  "stress"});
}

Result<PagedModel::Chunk> DiaryListModel::loadPage(const QByteArray &cursor)
{
    if (!store())
        return noStore();
    Result<Page<DiaryEntry>> page =
        store()->diary().own(sync::SyncIdentity::localUser(*store()), pageAfter(cursor));
    if (!page)
        return page.error();
    Chunk chunk;
    chunk.next = page->next;
    const QDate today = QDate::currentDate();
    for (const DiaryEntry &d : std::as_const(page->items)) {
        QStringList themes;
        for (DiaryTheme t : d.themes)
            themes.append(labelOf(t));
        chunk.rows.append(Row{idText(d.id), RecordText::diaryTitle(d),
                              RecordText::when(d.writtenAt, today), RecordText::diaryExcerpt(d),
                              d.shared, themes.join(QStringLiteral(" \u00b7 ")),
                              d.wellbeing.value_or(0), d.stress.value_or(0)});
    }
    return chunk;
}

// --- supervision ---

SupervisionListModel::SupervisionListModel(QObject *parent) : PagedModel(parent) {}

QHash<int, QByteArray> SupervisionListModel::roleNames() const
{
    return names(
        {"recordId", "heldOnText", "supervisor", "topicsText", "openActions", "wellbeing"});
}

Result<PagedModel::Chunk> SupervisionListModel::loadPage(const QByteArray &cursor)
{
    if (!store())
        return noStore();
    Result<Page<SupervisionNote>> page = store()->supervision().list(pageAfter(cursor));
    if (!page)
        return page.error();
    Chunk chunk;
    chunk.next = page->next;
    const QDate today = QDate::currentDate();
    for (const SupervisionNote &n : std::as_const(page->items)) {
        const int open = int(std::count_if(n.actionItems.cbegin(), n.actionItems.cend(),
                                           [](const ActionItem &a) { return !a.done; }));
        const QString held = RecordText::day(n.heldOn, today);
        chunk.rows.append(Row{
            idText(n.id), QCoreApplication::translate("RecordText", "Supervision, %1").arg(held),
            n.supervisor, n.topics.join(QStringLiteral(" \u00b7 ")), open,
            n.wellbeing.value_or(0)});
    }
    return chunk;
}

ActionItemListModel::ActionItemListModel(QObject *parent) : PagedModel(parent) {}

QHash<int, QByteArray> ActionItemListModel::roleNames() const
{
    return names({"noteId", "itemText", "itemId", "ownerLabel", "dueText", "overdue"});
}

Result<PagedModel::Chunk> ActionItemListModel::loadPage(const QByteArray &cursor)
{
    if (!store())
        return noStore();
    Result<Page<SupervisionNote>> page =
        store()->supervision().withOpenActionItems(pageAfter(cursor));
    if (!page)
        return page.error();
    Chunk chunk;
    chunk.next = page->next;
    const QDate today = QDate::currentDate();
    struct Open
    {
        QUuid note;
        ActionItem item;
    };
    QList<Open> open;
    for (const SupervisionNote &n : std::as_const(page->items))
        for (const ActionItem &a : n.actionItems)
            if (!a.done)
                open.append({n.id, a});
    std::stable_sort(open.begin(), open.end(), [](const Open &a, const Open &b) {
        if (a.item.due.isValid() != b.item.due.isValid())
            return a.item.due.isValid();
        return a.item.due < b.item.due;
    });
    for (const Open &o : std::as_const(open)) {
        const QString due = o.item.due.isValid()
                                ? QCoreApplication::translate("RecordText", "Due: %1")
                                      .arg(RecordText::day(o.item.due, today))
                                : QString();
        chunk.rows.append(Row{idText(o.note), o.item.text, idText(o.item.id), labelOf(o.item.owner),
                              due, o.item.due.isValid() && o.item.due < today});
    }
    return chunk;
}

QString ActionItemListModel::rowKey(const Row &row) const
{
    return row.value(int(NoteIdRole) - int(Qt::UserRole)).toString() + u'/' +
           row.value(int(ItemIdRole) - int(Qt::UserRole)).toString();
}

// --- search ---

SearchResultModel::SearchResultModel(ParticipantNames *names, QObject *parent)
    : PagedModel(parent), m_names(names)
{
}

QHash<int, QByteArray> SearchResultModel::roleNames() const
{
    return names(
        {"recordId", "title", "kind", "kindLabel", "snippet", "participantId", "firstOfKind"});
}

void SearchResultModel::setQuery(const QString &query)
{
    if (m_query == query)
        return;
    m_query = query;
    reload();
}

Result<PagedModel::Chunk> SearchResultModel::loadPage(const QByteArray &)
{
    Chunk chunk;
    if (!store() || m_query.trimmed().isEmpty())
        return chunk;
    Result<QList<SearchHit>> hits = store()->search(m_query, 100);
    if (!hits)
        return hits.error();
    // Grouped by kind in a fixed order; best match first within a kind.
    const QList<RecordType> order{RecordType::Participant, RecordType::Encounter,
                                  RecordType::DiaryEntry,  RecordType::SupervisionNote,
                                  RecordType::Comment,     RecordType::TrainingRecord};
    const auto group = [](RecordType t) {
        switch (t) {
        case RecordType::Participant:
            return QCoreApplication::translate("RecordText", "Participants");
        case RecordType::Encounter:
            return QCoreApplication::translate("RecordText", "Encounters");
        case RecordType::DiaryEntry:
            return QCoreApplication::translate("RecordText", "Diary entries");
        case RecordType::SupervisionNote:
            return QCoreApplication::translate("RecordText", "Supervision notes");
        case RecordType::Comment:
            return QCoreApplication::translate("RecordText", "Comments");
        case RecordType::TrainingRecord:
            return QCoreApplication::translate("RecordText", "Training");
        }
        return QString();
    };
    // A supervisor's store also holds the entries workers shared with them: those are found
    // too, apart from the user's own diary, and open in review.
    const QUuid me = sync::SyncIdentity::localUser(*store());
    QList<SearchHit> own;
    QList<SearchHit> sharedWithMe;
    for (const SearchHit &hit : std::as_const(*hits)) {
        const Result<QUuid> author =
            hit.type == RecordType::DiaryEntry ? store()->authorOf(hit.id, me) : Result<QUuid>(me);
        (author && *author != me ? sharedWithMe : own).append(hit);
    }
    for (RecordType type : order) {
        bool first = true;
        for (const SearchHit &hit : std::as_const(own)) {
            if (hit.type != type)
                continue;
            QString title = hit.title;
            QString participant;
            if (type == RecordType::Encounter) {
                if (Result<Encounter> e = store()->encounters().get(hit.id)) {
                    participant = e->participantId.isNull() ? QString() : idText(e->participantId);
                    title = QCoreApplication::translate("RecordText", "%1, %2")
                                .arg(m_names->nameOf(store(), e->participantId),
                                     RecordText::when(e->occurredAt));
                }
            }
            if (title.trimmed().isEmpty())
                title = labelOf(type);
            chunk.rows.append(Row{idText(hit.id), title, keyOf(type), group(type),
                                  RecordText::highlighted(hit.snippet), participant, first});
            first = false;
        }
        if (type != RecordType::DiaryEntry)
            continue;
        first = true;
        for (const SearchHit &hit : std::as_const(sharedWithMe)) {
            const QString title = hit.title.trimmed().isEmpty() ? labelOf(hit.type) : hit.title;
            chunk.rows.append(Row{idText(hit.id), title, QStringLiteral("shared"),
                                  QCoreApplication::translate("RecordText", "Shared with me"),
                                  RecordText::highlighted(hit.snippet), QString(), first});
            first = false;
        }
    }
    return chunk;
}

} // namespace wp::client
