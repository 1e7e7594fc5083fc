// SPDX-License-Identifier: GPL-3.0-or-later
#include "SupervisionAgenda.h"

#include "Store.h"

#include <QHash>

#include <algorithm>

namespace wp {

namespace {

// Every record of a repository, page by page.
template <class Repo, class F> Status forEachIn(Repo &repo, F &&visit)
{
    PageRequest request;
    request.limit = 500;
    for (;;) {
        auto page = repo.list(request);
        if (!page)
            return page.error();
        for (auto &item : page->items)
            if (Status s = visit(item); !s)
                return s;
        if (page->next.isEmpty())
            return {};
        request.after = page->next;
    }
}

} // namespace

Result<QList<RaisedEntry>> SupervisionAgenda::toDiscuss(const QUuid &exceptNote)
{
    // The supervisions held: a raise is discussed by a note held on or after its day and
    // first saved after it (a note of the same morning saved before the raise is not it).
    struct Held
    {
        QDate on;
        QDateTime savedAt;
    };
    QList<Held> held;
    Status notes = forEachIn(m_store.supervision(), [&](const SupervisionNote &n) -> Status {
        if (n.id != exceptNote && n.heldOn.isValid())
            held.append({n.heldOn, n.createdAt});
        return {};
    });
    if (!notes)
        return notes.error();
    const auto discussed = [&held](const QDateTime &raisedAt) {
        const QDate day = raisedAt.toLocalTime().date();
        return std::any_of(held.cbegin(), held.cend(), [&](const Held &h) {
            return h.on >= day && (!h.savedAt.isValid() || h.savedAt >= raisedAt);
        });
    };

    QHash<QUuid, RaisedEntry> byEntry;
    Status comments = forEachIn(m_store.comments(), [&](const Comment &c) -> Status {
        if (!c.isRaise() || !c.raise)
            return {};
        if (discussed(c.raisedAt))
            return {};
        auto entryAuthor = m_store.authorOf(c.diaryEntryId, m_me);
        if (!entryAuthor)
            return entryAuthor.error().code == ErrorCode::NotFound ? Status() : entryAuthor.error();
        if (*entryAuthor != m_me)
            return {}; // a worker's entry this supervisor raised: on the worker's agenda
        auto raiser = m_store.authorOf(c.id, m_me);
        if (!raiser)
            return raiser.error();
        auto it = byEntry.find(c.diaryEntryId);
        if (it == byEntry.end()) {
            auto entry = m_store.diary().get(c.diaryEntryId);
            if (!entry)
                return entry.error();
            it = byEntry.insert(c.diaryEntryId, RaisedEntry{*entry, c.raisedAt, {}});
        }
        it->raisedAt = std::max(it->raisedAt, c.raisedAt);
        if (!it->raisedBy.contains(*raiser))
            it->raisedBy.append(*raiser);
        return {};
    });
    if (!comments)
        return comments.error();
    QList<RaisedEntry> out = byEntry.values();
    std::sort(out.begin(), out.end(), [](const RaisedEntry &a, const RaisedEntry &b) {
        return a.raisedAt != b.raisedAt ? a.raisedAt > b.raisedAt : a.entry.id < b.entry.id;
    });
    return out;
}

Result<std::optional<Comment>> SupervisionAgenda::ownRaise(const QUuid &entry)
{
    std::optional<Comment> found;
    Status s = forEachIn(m_store.comments(), [&](const Comment &c) -> Status {
        if (found || !c.isRaise() || c.diaryEntryId != entry)
            return {};
        auto author = m_store.authorOf(c.id, m_me);
        if (!author)
            return author.error();
        if (*author == m_me)
            found = c;
        return {};
    });
    if (!s)
        return s.error();
    return found;
}

Result<Comment> SupervisionAgenda::setRaised(const QUuid &entry, bool raised)
{
    auto own = ownRaise(entry);
    if (!own)
        return own.error();
    if (!*own && !raised)
        return Error(ErrorCode::NotFound, QStringLiteral("the entry is not raised"));
    Comment raise;
    if (*own)
        raise = **own;
    else
        raise.diaryEntryId = entry;
    if (*own && raise.raise == raised)
        return raise; // already so: nothing to send
    raise.raise = raised;
    if (raised || !raise.raisedAt.isValid())
        raise.raisedAt = QDateTime::currentDateTimeUtc();
    raise.writtenAt = raise.raisedAt;
    return m_store.comments().save(raise);
}

} // namespace wp
