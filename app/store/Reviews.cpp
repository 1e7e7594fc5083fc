// SPDX-License-Identifier: GPL-3.0-or-later
#include "Reviews.h"

#include "InsightQueries.h"
#include "Store.h"

#include <QCborArray>
#include <QSet>

#include <algorithm>

namespace wp {

namespace {

constexpr int Unreviewed = 0;
constexpr int Reviewed = 1;

Error badCursor()
{
    return Error(ErrorCode::InvalidInput, QStringLiteral("bad page cursor"));
}

qint64 msOf(const QDateTime &t)
{
    return t.isValid() ? t.toMSecsSinceEpoch() : 0;
}

} // namespace

Reviews::Reviews(Store &store, const QUuid &localUser) : m_store(store), m_me(localUser)
{
    registerRecordField(store.database());
}

Result<Page<SharedEntry>> Reviews::queue(const QueueFilter &filter, const PageRequest &request)
{
    const int limit = qBound(1, request.limit, 500);
    // The cursor is [section, sort_at, id] of the last row shown: the unreviewed section,
    // then the reviewed one, each newest first.
    int section = Unreviewed;
    qint64 afterAt = 0;
    QUuid afterId;
    if (!request.after.isEmpty()) {
        const QCborArray cursor = QCborValue::fromCbor(request.after).toArray();
        if (cursor.size() != 3 || !cursor.at(0).isInteger() || !cursor.at(1).isInteger() ||
            cursor.at(2).toByteArray().size() != 16)
            return badCursor();
        section = int(cursor.at(0).toInteger());
        afterAt = cursor.at(1).toInteger();
        afterId = QUuid::fromRfc4122(cursor.at(2).toByteArray());
        if (section != Unreviewed && section != Reviewed)
            return badCursor();
    }

    Page<SharedEntry> page;
    for (; section <= Reviewed; ++section, afterId = QUuid()) {
        for (;;) {
            // `reviewed` is kept by triggers (Schema.cpp, toV11); the order is the index's,
            // so a page reads its rows and no more. Only this user's own mark gives the date.
            QByteArray sql = R"sql(
                SELECT e.id, e.fields, e.author, e.sort_at,
                    (SELECT max(c.sort_at) FROM records c WHERE c.parent_id = e.id
                        AND c.type = ?2 AND c.deleted = 0
                        AND coalesce(record_field(c.fields, 'text'), '') = ''
                        AND record_field(c.fields, 'acknowledges') IS NULL
                        AND record_field(c.fields, 'raisedAt') IS NULL
                        AND (c.author IS NULL OR c.author = ?3)),
                    (SELECT count(*) FROM records c WHERE c.parent_id = e.id
                        AND c.type = ?2 AND c.deleted = 0
                        AND coalesce(record_field(c.fields, 'text'), '') != ''
                        AND record_field(c.fields, 'acknowledges') IS NULL),
                    (SELECT record_field(c.fields, 'raise') FROM records c
                        WHERE c.parent_id = e.id AND c.type = ?2 AND c.deleted = 0
                        AND record_field(c.fields, 'raisedAt') IS NOT NULL
                        AND (c.author IS NULL OR c.author = ?3)
                        ORDER BY c.sort_at DESC LIMIT 1)
                FROM records e INDEXED BY )sql";
            sql += filter.author.isNull() ? "records_review_queue" : "records_review_by_author";
            sql += R"sql(
                WHERE e.type = ?1 AND e.deleted = 0 AND e.author IS NOT NULL
                    AND e.author IS NOT ?3 AND e.reviewed = ?8)sql";
            if (!filter.author.isNull())
                sql += " AND e.author = ?4";
            if (!afterId.isNull())
                sql += " AND (e.sort_at, e.id) < (?5, ?6)";
            sql += " ORDER BY e.sort_at DESC, e.id DESC LIMIT ?7";
            sql::Statement &st = m_store.database().cached(sql.constData());
            const int want = limit + 1 - int(page.items.size());
            st.bind(1, keyOf(RecordType::DiaryEntry)).bind(2, keyOf(RecordType::Comment));
            st.bindId(3, m_me);
            if (!filter.author.isNull())
                st.bindId(4, filter.author);
            if (!afterId.isNull())
                st.bind(5, afterAt).bindId(6, afterId);
            st.bind(7, want).bind(8, section == Reviewed);
            int rows = 0;
            const Status read = st.forEachRow([&](const sql::Statement &row) -> Status {
                ++rows;
                afterId = row.id(0);
                afterAt = row.int64(3);
                Result<DiaryEntry> entry =
                    DiaryEntry::fromFields(afterId, QCborValue::fromCbor(row.blob(1)).toMap());
                if (!entry)
                    return entry.error();
                if (filter.theme && !entry->themes.contains(*filter.theme))
                    return {};
                SharedEntry shared{std::move(*entry), row.id(2), {}, int(row.int64(5)),
                                   !row.isNull(6) && row.int64(6) != 0};
                if (!row.isNull(4))
                    shared.reviewedAt = QDateTime::fromMSecsSinceEpoch(row.int64(4), Qt::UTC);
                page.items.append(std::move(shared));
                return {};
            });
            if (!read)
                return read.error();
            if (page.items.size() > limit) {
                // One more than asked: there is a next page, which starts after the last shown.
                page.items.removeLast();
                const SharedEntry &last = page.items.constLast();
                page.next = QCborArray{section,
                                       msOf(last.entry.writtenAt.isValid() ? last.entry.writtenAt
                                                                           : last.entry.createdAt),
                                       last.entry.id.toRfc4122()}
                                .toCborValue()
                                .toCbor();
                return page;
            }
            if (rows < want)
                break; // this section is done
            // A theme filter skipped rows: read on from the last one read.
        }
    }
    return page;
}

Result<SharedEntry> Reviews::shared(const QUuid &entryId)
{
    Result<DiaryEntry> entry = m_store.diary().get(entryId);
    if (!entry)
        return entry.error();
    Result<QUuid> author = m_store.authorOf(entryId, m_me);
    if (!author)
        return author.error();
    if (*author == m_me)
        return Error(ErrorCode::InvalidInput,
                     QStringLiteral("only an entry shared with you can be reviewed"));
    Result<QList<ReviewNote>> notes = notesOn(entryId);
    if (!notes)
        return notes.error();
    SharedEntry out{std::move(*entry), *author, {}, 0};
    for (const ReviewNote &n : std::as_const(*notes)) {
        if (n.comment.isRaise()) {
            if (n.author == m_me)
                out.raised = n.comment.raise;
        } else if (!n.comment.isReviewMark()) {
            ++out.comments;
        } else if (n.author == m_me) {
            out.reviewedAt = n.comment.writtenAt;
        }
    }
    return out;
}

Result<QList<Comment>> Reviews::commentsOn(const QUuid &entryId)
{
    QList<Comment> out;
    PageRequest request;
    request.limit = 500;
    for (;;) {
        Result<Page<Comment>> page = m_store.comments().forDiaryEntry(entryId, request);
        if (!page)
            return page.error();
        out += page->items;
        if (page->next.isEmpty())
            return out;
        request.after = page->next;
    }
}

Result<QList<ReviewNote>> Reviews::notesFrom(const QList<Comment> &comments)
{
    struct Said
    {
        const Comment *comment;
        QUuid author;
    };
    QList<Said> said;
    said.reserve(comments.size());
    for (const Comment &c : comments) {
        Result<QUuid> author = m_store.authorOf(c.id, m_me);
        if (!author)
            return author.error();
        said.append({&c, *author});
    }
    QHash<QUuid, QUuid> entryAuthors;
    QList<ReviewNote> out;
    for (const Said &s : std::as_const(said)) {
        if (s.comment->isAcknowledgement())
            continue;
        ReviewNote note{*s.comment, s.author, {}};
        if (!s.comment->isReviewMark() && !s.comment->isRaise()) {
            // Acknowledged only by the entry's author (a device sets any other aside on pull).
            const QUuid entryId = s.comment->diaryEntryId;
            if (!entryAuthors.contains(entryId)) {
                Result<QUuid> a = m_store.authorOf(entryId, m_me);
                if (!a && a.error().code != ErrorCode::NotFound)
                    return a.error();
                entryAuthors.insert(entryId, a ? *a : QUuid());
            }
            const QUuid entryAuthor = entryAuthors.value(entryId);
            for (const Said &a : std::as_const(said))
                if (!entryAuthor.isNull() && a.comment->acknowledges == s.comment->id &&
                    a.author == entryAuthor)
                    note.acknowledgedAt = a.comment->acknowledgedAt;
        }
        out.append(std::move(note));
    }
    return out;
}

Result<QList<ReviewNote>> Reviews::notesOn(const QUuid &entryId)
{
    Result<QList<Comment>> comments = commentsOn(entryId);
    if (!comments)
        return comments.error();
    return notesFrom(*comments);
}

Result<QList<ReviewNote>> Reviews::allNotes()
{
    QList<Comment> all;
    PageRequest request;
    request.limit = 500;
    for (;;) {
        Result<Page<Comment>> page = m_store.comments().list(request);
        if (!page)
            return page.error();
        all += page->items;
        if (page->next.isEmpty())
            break;
        request.after = page->next;
    }
    return notesFrom(all);
}

Result<QList<ReviewNote>> Reviews::unacknowledged()
{
    // The entries of this user that have any comment: few, however many entries there are.
    QList<QUuid> entries;
    sql::Statement &st = m_store.database().cached(R"sql(
        SELECT DISTINCT e.id FROM records c JOIN records e ON e.id = c.parent_id
        WHERE c.type = ?2 AND c.deleted = 0 AND e.type = ?1 AND e.deleted = 0
            AND (e.author IS NULL OR e.author = ?3) AND c.author IS NOT NULL
            AND c.author IS NOT ?3)sql");
    st.bind(1, keyOf(RecordType::DiaryEntry)).bind(2, keyOf(RecordType::Comment)).bindId(3, m_me);
    if (Status s = st.forEachRow([&](const sql::Statement &row) { entries.append(row.id(0)); }); !s)
        return s.error();
    QList<ReviewNote> out;
    for (const QUuid &entry : std::as_const(entries)) {
        Result<QList<ReviewNote>> notes = notesOn(entry);
        if (!notes)
            return notes.error();
        for (ReviewNote &n : *notes)
            if (!n.comment.isReviewMark() && !n.comment.isRaise() && n.author != m_me &&
                !n.acknowledgedAt.isValid())
                out.append(std::move(n));
    }
    std::sort(out.begin(), out.end(), [](const ReviewNote &a, const ReviewNote &b) {
        return a.comment.writtenAt > b.comment.writtenAt;
    });
    return out;
}

Result<Comment> Reviews::markReviewed(const QUuid &entryId)
{
    Result<SharedEntry> entry = shared(entryId);
    if (!entry)
        return entry.error();
    Result<QList<Comment>> comments = commentsOn(entryId);
    if (!comments)
        return comments.error();
    for (const Comment &c : std::as_const(*comments)) {
        if (!c.isReviewMark())
            continue;
        Result<QUuid> author = m_store.authorOf(c.id, m_me);
        if (!author)
            return author.error();
        if (*author == m_me)
            return c;
    }
    Comment mark;
    mark.diaryEntryId = entryId;
    mark.writtenAt = QDateTime::currentDateTimeUtc();
    return m_store.comments().save(mark);
}

Result<Comment> Reviews::addComment(const QUuid &entryId, const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return Error(ErrorCode::InvalidInput, QStringLiteral("a comment needs a text"));
    Result<SharedEntry> entry = shared(entryId);
    if (!entry)
        return entry.error();
    Comment comment;
    comment.diaryEntryId = entryId;
    comment.text = trimmed;
    comment.writtenAt = QDateTime::currentDateTimeUtc();
    return m_store.comments().save(comment);
}

Result<Comment> Reviews::acknowledge(const QUuid &commentId)
{
    Result<Comment> comment = m_store.comments().get(commentId);
    if (!comment)
        return comment.error();
    Result<QUuid> entryAuthor = m_store.authorOf(comment->diaryEntryId, m_me);
    if (!entryAuthor && entryAuthor.error().code != ErrorCode::NotFound)
        return entryAuthor.error();
    if (comment->isAcknowledgement() || comment->isReviewMark() || comment->isRaise() ||
        !entryAuthor ||
        *entryAuthor != m_me)
        return Error(ErrorCode::InvalidInput,
                     QStringLiteral("only a comment on one of your own diary entries can be "
                                    "acknowledged"));
    Result<QList<Comment>> comments = commentsOn(comment->diaryEntryId);
    if (!comments)
        return comments.error();
    for (const Comment &c : std::as_const(*comments)) {
        if (c.acknowledges != commentId)
            continue;
        Result<QUuid> author = m_store.authorOf(c.id, m_me);
        if (!author)
            return author.error();
        if (*author == m_me)
            return c;
    }
    Comment ack;
    ack.diaryEntryId = comment->diaryEntryId;
    ack.acknowledges = commentId;
    ack.acknowledgedAt = QDateTime::currentDateTimeUtc();
    ack.writtenAt = ack.acknowledgedAt;
    return m_store.comments().save(ack);
}

} // namespace wp
