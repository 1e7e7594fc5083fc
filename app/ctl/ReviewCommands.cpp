// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReviewCommands.h"

#include "CommandOptions.h"
#include "Store.h"
#include "SupervisionAgenda.h"
#include "SyncIdentity.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

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
    : m_store(store), m_out(out), m_me(sync::SyncIdentity::localUser(store)), m_reviews(store, m_me)
{
    // Names are a courtesy: a device not enrolled, or not told yet, prints ids.
    if (auto identity = sync::SyncIdentity::load(store))
        m_names = identity->peopleNames();
}

QString ReviewCommands::nameOf(const QUuid &user) const
{
    return m_names.value(user, idText(user));
}

Result<QUuid> ReviewCommands::idArgument(const ParsedCommand &c, const QString &what)
{
    const QUuid id = idFromText(c.positionals.value(0));
    if (id.isNull())
        return usage(QStringLiteral("%1 needs the %2's id.").arg(c.name, what));
    return id;
}

Status ReviewCommands::reported(const Error &error, const QUuid &id, const QString &what)
{
    if (error.code == ErrorCode::NotFound)
        return usage(QStringLiteral("There is no %1 with id %2 here (it may have been "
                                    "unshared).")
                         .arg(what, idText(id)));
    if (error.code == ErrorCode::InvalidInput && what == QLatin1String("diary entry"))
        return usage(QStringLiteral("The diary entry %1 is your own: only an entry shared with "
                                    "you can be reviewed or commented on.")
                         .arg(idText(id)));
    if (error.code == ErrorCode::InvalidInput)
        return usage(QStringLiteral("Only a comment on one of your own diary entries can be "
                                    "acknowledged."));
    return error;
}

Status ReviewCommands::list(const ParsedCommand &c)
{
    const bool json = c.has(QStringLiteral("json"));
    PageRequest request;
    request.limit = 500;
    for (;;) {
        auto page = m_reviews.queue({}, request);
        if (!page)
            return page.error();
        for (const SharedEntry &r : std::as_const(page->items)) {
            if (json) {
                QJsonObject o = r.entry.toFields().toJsonObject();
                o.insert(QStringLiteral("id"), idText(r.entry.id));
                o.insert(QStringLiteral("type"), keyOf(RecordType::DiaryEntry));
                o.insert(QStringLiteral("author"), idText(r.author));
                o.insert(QStringLiteral("authorName"), nameOf(r.author));
                o.insert(QStringLiteral("reviewed"), r.reviewedAt.isValid());
                o.insert(QStringLiteral("raised"), r.raised);
                if (r.reviewedAt.isValid())
                    o.insert(QStringLiteral("reviewedAt"), msOf(r.reviewedAt));
                o.insert(QStringLiteral("comments"), r.comments);
                printJson(m_out, o);
                continue;
            }
            QString text = r.entry.text;
            text.replace(u'\n', u' ');
            m_out << idText(r.entry.id) << '\t' << nameOf(r.author) << '\t'
                  << dayOf(r.entry.writtenAt) << '\t'
                  << (r.reviewedAt.isValid() ? QStringLiteral("reviewed") : QStringLiteral("new"))
                  << '\t' << text.left(80) << '\n';
        }
        if (page->next.isEmpty())
            return {};
        request.after = page->next;
    }
}

Status ReviewCommands::mark(const ParsedCommand &c)
{
    auto id = idArgument(c, QStringLiteral("diary entry"));
    if (!id)
        return id.error();
    auto mark = m_reviews.markReviewed(*id);
    if (!mark)
        return reported(mark.error(), *id, QStringLiteral("diary entry"));
    m_out << idText(mark->id) << '\n';
    return {};
}

Status ReviewCommands::raise(const ParsedCommand &c)
{
    const QUuid id = idFromText(c.positionals.value(0));
    if (id.isNull())
        return usage(QStringLiteral("review raise needs the diary entry's id."));
    auto entry = m_store.diary().get(id);
    if (!entry && entry.error().code == ErrorCode::NotFound)
        return usage(QStringLiteral("There is no diary entry with id %1 here (it may have been "
                                    "unshared).")
                         .arg(idText(id)));
    if (!entry)
        return entry.error();
    const bool on = !c.has(QStringLiteral("off"));
    auto saved = SupervisionAgenda(m_store, m_me).setRaised(id, on);
    if (!saved && saved.error().code == ErrorCode::NotFound)
        return usage(QStringLiteral("You have not raised the diary entry %1.").arg(idText(id)));
    if (!saved)
        return saved.error();
    m_out << idText(saved->id) << '\n';
    return {};
}

Status ReviewCommands::agenda(const ParsedCommand &c)
{
    auto raised = SupervisionAgenda(m_store, m_me).toDiscuss();
    if (!raised)
        return raised.error();
    const bool json = c.has(QStringLiteral("json"));
    for (const RaisedEntry &r : std::as_const(*raised)) {
        QStringList by;
        QJsonArray byIds;
        for (const QUuid &u : r.raisedBy) {
            by.append(u == m_me ? QStringLiteral("you") : nameOf(u));
            byIds.append(idText(u));
        }
        if (json) {
            printJson(m_out, {{QStringLiteral("diaryEntryId"), idText(r.entry.id)},
                              {QStringLiteral("raisedAt"), msOf(r.raisedAt)},
                              {QStringLiteral("raisedBy"), byIds},
                              {QStringLiteral("raisedByNames"), QJsonArray::fromStringList(by)},
                              {QStringLiteral("text"), r.entry.text}});
            continue;
        }
        QString text = r.entry.text;
        text.replace(u'\n', u' ');
        m_out << idText(r.entry.id) << '\t' << dayOf(r.raisedAt) << '\t'
              << by.join(QStringLiteral(", ")) << '\t' << text.left(80) << '\n';
    }
    return {};
}

Status ReviewCommands::addComment(const ParsedCommand &c)
{
    const QString text = c.value(QStringLiteral("text")).trimmed();
    if (text.isEmpty())
        return usage(QStringLiteral("comment add needs --text."));
    auto id = idArgument(c, QStringLiteral("diary entry"));
    if (!id)
        return id.error();
    auto saved = m_reviews.addComment(*id, text);
    if (!saved)
        return reported(saved.error(), *id, QStringLiteral("diary entry"));
    m_out << idText(saved->id) << '\n';
    return {};
}

Status ReviewCommands::listComments(const ParsedCommand &c)
{
    auto notes = m_reviews.allNotes();
    if (!notes)
        return notes.error();
    const bool json = c.has(QStringLiteral("json"));
    for (const ReviewNote &s : std::as_const(*notes)) {
        const QString kind = s.comment.isRaise()        ? QStringLiteral("raise")
                             : s.comment.isReviewMark() ? QStringLiteral("review")
                                                        : QStringLiteral("comment");
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
                          {QStringLiteral("acknowledged"), s.acknowledgedAt.isValid()}};
            if (s.acknowledgedAt.isValid())
                o.insert(QStringLiteral("acknowledgedAt"), msOf(s.acknowledgedAt));
            if (s.comment.isRaise()) {
                o.insert(QStringLiteral("raise"), s.comment.raise);
                o.insert(QStringLiteral("raisedAt"), msOf(s.comment.raisedAt));
            }
            printJson(m_out, o);
            continue;
        }
        QString text = s.comment.text;
        text.replace(u'\n', u' ');
        m_out << idText(s.comment.id) << '\t' << idText(s.comment.diaryEntryId) << '\t' << kind
              << '\t' << (mine ? QStringLiteral("you") : nameOf(s.author)) << '\t'
              << dayOf(s.comment.writtenAt) << '\t';
        if (s.comment.isRaise())
            m_out << (s.comment.raise ? QStringLiteral("raised") : QStringLiteral("taken back"));
        else if (!s.comment.isReviewMark())
            m_out << (s.acknowledgedAt.isValid()
                          ? QStringLiteral("acknowledged ") + dayOf(s.acknowledgedAt)
                          : QStringLiteral("not acknowledged"))
                  << '\t' << text.left(80);
        m_out << '\n';
    }
    return {};
}

Status ReviewCommands::acknowledge(const ParsedCommand &c)
{
    auto id = idArgument(c, QStringLiteral("comment"));
    if (!id)
        return id.error();
    auto ack = m_reviews.acknowledge(*id);
    if (!ack) {
        if (ack.error().code == ErrorCode::NotFound)
            return usage(QStringLiteral("There is no comment with id %1.").arg(idText(*id)));
        return reported(ack.error(), *id, QStringLiteral("comment"));
    }
    m_out << idText(ack->id) << '\n';
    return {};
}

} // namespace wp::ctl
