// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReviewQueueModel.h"

#include "RecordText.h"
#include "ReviewText.h"
#include "Reviews.h"
#include "Store.h"

namespace wp::client {

namespace {

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

} // namespace

ReviewQueueModel::ReviewQueueModel(QObject *parent) : PagedModel(parent) {}

QHash<int, QByteArray> ReviewQueueModel::roleNames() const
{
    return names({"recordId", "workerName", "whenText", "themesText", "snippet", "reviewed",
                  "commentCount"});
}

void ReviewQueueModel::setPeople(const QUuid &me, const QHash<QUuid, QString> &names,
                                 const QVariantList &workers)
{
    m_me = me;
    m_names = names;
    if (m_workers != workers) {
        m_workers = workers;
        Q_EMIT peopleChanged();
    }
}

void ReviewQueueModel::setWorkerFilter(const QString &userId)
{
    if (m_worker == userId)
        return;
    m_worker = userId;
    Q_EMIT filterChanged();
    reload();
}

void ReviewQueueModel::setThemeFilter(const QString &key)
{
    if (m_theme == key)
        return;
    m_theme = key;
    Q_EMIT filterChanged();
    reload();
}

QVariantList ReviewQueueModel::themes() const
{
    QVariantList out;
    for (DiaryTheme t : allOf<DiaryTheme>())
        out.append(
            QVariantMap{{QStringLiteral("key"), keyOf(t)}, {QStringLiteral("label"), labelOf(t)}});
    return out;
}

Result<PagedModel::Chunk> ReviewQueueModel::loadPage(const QByteArray &cursor)
{
    if (!store())
        return noStore();
    QueueFilter filter;
    filter.author = QUuid::fromString(m_worker);
    filter.theme = fromKey<DiaryTheme>(m_theme);
    Result<Page<SharedEntry>> page =
        Reviews(*store(), m_me).queue(filter, PageRequest{cursor, PageSize});
    if (!page)
        return page.error();
    Chunk chunk;
    chunk.next = page->next;
    const QDate today = QDate::currentDate();
    for (const SharedEntry &s : std::as_const(page->items)) {
        QStringList themes;
        for (DiaryTheme t : s.entry.themes)
            themes.append(labelOf(t));
        // The first line, then what follows it, as far as two lines of the row go.
        const QString title = RecordText::diaryTitle(s.entry);
        const QString excerpt = RecordText::diaryExcerpt(s.entry);
        chunk.rows.append(
            Row{idText(s.entry.id), ReviewText::personName(m_names, s.author),
                RecordText::when(s.entry.writtenAt, today), themes.join(QStringLiteral(" \u00b7 ")),
                excerpt.isEmpty() ? title : title + QStringLiteral(" \u2014 ") + excerpt,
                s.reviewedAt.isValid(), s.comments});
    }
    return chunk;
}

// --- the worker's comments to acknowledge ---

CommentInboxModel::CommentInboxModel(QObject *parent) : PagedModel(parent) {}

QHash<int, QByteArray> CommentInboxModel::roleNames() const
{
    return names({"commentId", "entryId", "headline", "commentText"});
}

void CommentInboxModel::setPeople(const QUuid &me, const QHash<QUuid, QString> &names)
{
    m_me = me;
    m_names = names;
}

Result<PagedModel::Chunk> CommentInboxModel::loadPage(const QByteArray &)
{
    if (!store())
        return noStore();
    Result<QList<ReviewNote>> open = Reviews(*store(), m_me).unacknowledged();
    if (!open)
        return open.error();
    Chunk chunk;
    for (const ReviewNote &n : std::as_const(*open)) {
        Result<DiaryEntry> entry = store()->diary().get(n.comment.diaryEntryId);
        const QDateTime at = entry ? entry->writtenAt : QDateTime();
        chunk.rows.append(
            Row{idText(n.comment.id), idText(n.comment.diaryEntryId),
                ReviewText::commentedOn(ReviewText::personName(m_names, n.author), at),
                n.comment.text});
    }
    return chunk;
}

} // namespace wp::client
