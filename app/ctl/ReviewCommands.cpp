// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReviewCommands.h"

#include "CommandOptions.h"
#include "Store.h"
#include "SyncIdentity.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace wp::ctl {

namespace {

qint64 msOf(const QDateTime &t)
{
    return t.isValid() ? t.toMSecsSinceEpoch() : 0;
}

QString dayOf(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString();
}

void printJson(QTextStream &out, const QJsonObject &object)
{
    out << QJsonDocument(object).toJson(QJsonDocument::Compact) << '\n';
}

} // namespace

ReviewCommands::ReviewCommands(Store &store, QTextStream &out)
    : m_store(store), m_out(out), m_me(sync::SyncIdentity::localUser(store))
{
    // Names are a courtesy: a device not enrolled, or not told yet, prints ids.
    if (auto identity = sync::SyncIdentity::load(store)) {
        for (const wire::Supervisor &s : identity->supervisors)
            m_names.insert(s.userId, s.displayName);
        for (const wire::Worker &w : identity->workers)
            m_names.insert(w.userId, w.displayName);
    }
}

QString ReviewCommands::nameOf(const QUuid &user) const
{
    return m_names.value(user, idText(user));
}

Result<QList<ReviewCommands::Said>> ReviewCommands::allSaid()
{
    QList<Said> out;
    PageRequest request;
    request.limit = 500;
    for (;;) {
        auto page = m_store.comments().list(request);
        if (!page)
            return page.error();
        for (Comment &c : page->items) {
            auto author = m_store.authorOf(c.id, m_me);
            if (!author)
                return author.error();
            out.append({std::move(c), *author});
        }
        if (page->next.isEmpty())
            return out;
        request.after = page->next;
    }
}

Result<DiaryEntry> ReviewCommands::sharedEntry(const ParsedCommand &c)
{
    const QUuid id = idFromText(c.positionals.value(0));
    if (id.isNull())
        return usage(QStringLiteral("%1 needs the diary entry's id.").arg(c.name));
    auto entry = m_store.diary().get(id);
    if (!entry && entry.error().code == ErrorCode::NotFound)
        return usage(QStringLiteral("There is no diary entry with id %1 here (it may have been "
                                    "unshared).")
                         .arg(idText(id)));
    if (!entry)
        return entry.error();
    auto author = m_store.authorOf(id, m_me);
    if (!author)
        return author.error();
    if (*author == m_me)
        return usage(QStringLiteral("The diary entry %1 is your own: only an entry shared with "
                                    "you can be reviewed or commented on.")
                         .arg(idText(id)));
    return entry;
}

Status ReviewCommands::list(const ParsedCommand &c)
{
    auto said = allSaid();
    if (!said)
        return said.error();
    struct Row
    {
        DiaryEntry entry;
        QUuid author;
        QDateTime reviewedAt;
    };
    QList<Row> rows;
    PageRequest request;
    request.limit = 500;
    for (;;) {
        auto page = m_store.diary().list(request); // newest first
        if (!page)
            return page.error();
        for (DiaryEntry &e : page->items) {
            auto author = m_store.authorOf(e.id, m_me);
            if (!author)
                return author.error();
            if (*author == m_me)
                continue;
            Row row{std::move(e), *author, {}};
            for (const Said &s : std::as_const(*said))
                if (s.author == m_me && s.comment.isReviewMark() &&
                    s.comment.diaryEntryId == row.entry.id)
                    row.reviewedAt = s.comment.writtenAt;
            rows.append(std::move(row));
        }
        if (page->next.isEmpty())
            break;
        request.after = page->next;
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
        return !a.reviewedAt.isValid() && b.reviewedAt.isValid();
    });
    const bool json = c.has(QStringLiteral("json"));
    for (const Row &r : std::as_const(rows)) {
        if (json) {
            QJsonObject o = r.entry.toFields().toJsonObject();
            o.insert(QStringLiteral("id"), idText(r.entry.id));
            o.insert(QStringLiteral("type"), keyOf(RecordType::DiaryEntry));
            o.insert(QStringLiteral("author"), idText(r.author));
            o.insert(QStringLiteral("authorName"), nameOf(r.author));
            o.insert(QStringLiteral("reviewed"), r.reviewedAt.isValid());
            if (r.reviewedAt.isValid())
                o.insert(QStringLiteral("reviewedAt"), msOf(r.reviewedAt));
            printJson(m_out, o);
            continue;
        }
        QString text = r.entry.text;
        text.replace(u'\n', u' ');
        m_out << idText(r.entry.id) << '\t' << nameOf(r.author) << '\t' << dayOf(r.entry.writtenAt)
              << '\t'
              << (r.reviewedAt.isValid() ? QStringLiteral("reviewed") : QStringLiteral("new"))
              << '\t' << text.left(80) << '\n';
    }
    return {};
}

Status ReviewCommands::mark(const ParsedCommand &c)
{
    auto entry = sharedEntry(c);
    if (!entry)
        return entry.error();
    auto said = allSaid();
    if (!said)
        return said.error();
    for (const Said &s : std::as_const(*said))
        if (s.author == m_me && s.comment.isReviewMark() && s.comment.diaryEntryId == entry->id) {
            m_out << idText(s.comment.id) << '\n';
            return {};
        }
    Comment mark;
    mark.diaryEntryId = entry->id;
    mark.writtenAt = QDateTime::currentDateTimeUtc();
    auto saved = m_store.comments().save(mark);
    if (!saved)
        return saved.error();
    m_out << idText(saved->id) << '\n';
    return {};
}

Status ReviewCommands::addComment(const ParsedCommand &c)
{
    const QString text = c.value(QStringLiteral("text")).trimmed();
    if (text.isEmpty())
        return usage(QStringLiteral("comment add needs --text."));
    auto entry = sharedEntry(c);
    if (!entry)
        return entry.error();
    Comment comment;
    comment.diaryEntryId = entry->id;
    comment.text = text;
    comment.writtenAt = QDateTime::currentDateTimeUtc();
    auto saved = m_store.comments().save(comment);
    if (!saved)
        return saved.error();
    m_out << idText(saved->id) << '\n';
    return {};
}

Status ReviewCommands::listComments(const ParsedCommand &c)
{
    auto said = allSaid();
    if (!said)
        return said.error();
    const bool json = c.has(QStringLiteral("json"));
    for (const Said &s : std::as_const(*said)) {
        if (s.comment.isAcknowledgement())
            continue;
        // Acknowledged only by the entry's author (a device sets any other aside on pull).
        auto entryAuthor = m_store.authorOf(s.comment.diaryEntryId, m_me);
        if (!entryAuthor && entryAuthor.error().code != ErrorCode::NotFound)
            return entryAuthor.error();
        QDateTime acknowledgedAt;
        if (entryAuthor)
            for (const Said &a : std::as_const(*said))
                if (a.comment.acknowledges == s.comment.id && a.author == *entryAuthor)
                    acknowledgedAt = a.comment.acknowledgedAt;
        const QString kind =
            s.comment.isReviewMark() ? QStringLiteral("review") : QStringLiteral("comment");
        const bool mine = s.author == m_me;
        if (json) {
            QJsonObject o{{QStringLiteral("id"), idText(s.comment.id)},
                          {QStringLiteral("type"), keyOf(RecordType::Comment)},
                          {QStringLiteral("kind"), kind},
                          {QStringLiteral("diaryEntryId"), idText(s.comment.diaryEntryId)},
                          {QStringLiteral("author"), idText(s.author)},
                          {QStringLiteral("authorName"), mine ? QString() : nameOf(s.author)},
                          {QStringLiteral("mine"), mine},
                          {QStringLiteral("text"), s.comment.text},
                          {QStringLiteral("writtenAt"), msOf(s.comment.writtenAt)},
                          {QStringLiteral("acknowledged"), acknowledgedAt.isValid()}};
            if (acknowledgedAt.isValid())
                o.insert(QStringLiteral("acknowledgedAt"), msOf(acknowledgedAt));
            printJson(m_out, o);
            continue;
        }
        QString text = s.comment.text;
        text.replace(u'\n', u' ');
        m_out << idText(s.comment.id) << '\t' << idText(s.comment.diaryEntryId) << '\t' << kind
              << '\t' << (mine ? QStringLiteral("you") : nameOf(s.author)) << '\t'
              << dayOf(s.comment.writtenAt) << '\t';
        if (!s.comment.isReviewMark())
            m_out << (acknowledgedAt.isValid()
                          ? QStringLiteral("acknowledged ") + dayOf(acknowledgedAt)
                          : QStringLiteral("not acknowledged"))
                  << '\t' << text.left(80);
        m_out << '\n';
    }
    return {};
}

Status ReviewCommands::acknowledge(const ParsedCommand &c)
{
    const QUuid id = idFromText(c.positionals.value(0));
    if (id.isNull())
        return usage(QStringLiteral("comment ack needs the comment's id."));
    auto comment = m_store.comments().get(id);
    if (!comment && comment.error().code == ErrorCode::NotFound)
        return usage(QStringLiteral("There is no comment with id %1.").arg(idText(id)));
    if (!comment)
        return comment.error();
    auto entryAuthor = m_store.authorOf(comment->diaryEntryId, m_me);
    if (!entryAuthor && entryAuthor.error().code != ErrorCode::NotFound)
        return entryAuthor.error();
    if (comment->isAcknowledgement() || comment->isReviewMark() || !entryAuthor ||
        *entryAuthor != m_me)
        return usage(QStringLiteral("Only a comment on one of your own diary entries can be "
                                    "acknowledged."));
    auto said = allSaid();
    if (!said)
        return said.error();
    for (const Said &s : std::as_const(*said))
        if (s.author == m_me && s.comment.acknowledges == id) {
            m_out << idText(s.comment.id) << '\n';
            return {};
        }
    Comment ack;
    ack.diaryEntryId = comment->diaryEntryId;
    ack.acknowledges = id;
    ack.acknowledgedAt = QDateTime::currentDateTimeUtc();
    ack.writtenAt = ack.acknowledgedAt;
    auto saved = m_store.comments().save(ack);
    if (!saved)
        return saved.error();
    m_out << idText(saved->id) << '\n';
    return {};
}

} // namespace wp::ctl
