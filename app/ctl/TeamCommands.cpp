// SPDX-License-Identifier: GPL-3.0-or-later
#include "TeamCommands.h"

#include "ExitCodes.h"
#include "ServerError.h"
#include "Store.h"
#include "SyncIdentity.h"
#include "Uuid.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <map>

namespace wp::ctl {

using sync::SyncIdentity;

namespace {

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

double meanOf(QList<int>::const_iterator from, QList<int>::const_iterator to)
{
    double sum = 0;
    for (auto it = from; it != to; ++it)
        sum += *it;
    return to == from ? 0 : sum / double(to - from);
}

} // namespace

Status TeamCommands::fail(int exitCode, const QString &line)
{
    m_exitCode = exitCode;
    m_problem = line;
    return {};
}

QString TeamCommands::trendOf(const QList<int> &ratings)
{
    if (ratings.size() < 2)
        return QStringLiteral("unknown");
    const auto middle = ratings.cbegin() + ratings.size() / 2;
    const double change = meanOf(middle, ratings.cend()) - meanOf(ratings.cbegin(), middle);
    if (change >= 0.5)
        return QStringLiteral("up");
    if (change <= -0.5)
        return QStringLiteral("down");
    return QStringLiteral("steady");
}

Status TeamCommands::list(const ParsedCommand &c)
{
    auto identity = SyncIdentity::load(m_store);
    if (!identity)
        return identity.error().code == ErrorCode::NotFound
                   ? fail(NotAuthorized, QStringLiteral("This device is not enrolled; run "
                                                        "waypointctl enroll."))
                   : Status(identity.error());
    sync::SyncClient client(identity->credentials.serverUrl);
    client.setCredentials(&identity->credentials);
    auto dir = client.directory();
    if (!dir) {
        if (sync::serverErrorOf(dir.error()) == sync::ServerError::DeviceRevoked) {
            m_revoked = true;
            if (Status forgotten = SyncIdentity::forget(m_store); !forgotten)
                return forgotten;
            return fail(NotAuthorized, QStringLiteral("This device was revoked by the server; "
                                                      "its sync keys and token were destroyed."));
        }
        return fail(SyncFailed, QStringLiteral("The server could not say who your workers "
                                               "are: %1")
                                    .arg(dir.error().message));
    }
    const QUuid me = identity->credentials.userId;

    // What this device holds of each worker: their entries (with this user's review marks)
    // and their supervision notes.
    struct Held
    {
        int awaitingReview = 0;
        int openActionItems = 0;
        std::map<QDateTime, int> wellbeing; // by writtenAt
    };
    QSet<QUuid> reviewed; // entries this user marked reviewed
    Status marks = forEachIn(m_store.comments(), [&](const Comment &comment) -> Status {
        if (!comment.isReviewMark())
            return {};
        auto author = m_store.authorOf(comment.id, me);
        if (!author)
            return author.error();
        if (*author == me)
            reviewed.insert(comment.diaryEntryId);
        return {};
    });
    if (!marks)
        return marks;
    QHash<QUuid, Held> held;
    Status entries = forEachIn(m_store.diary(), [&](const DiaryEntry &e) -> Status {
        auto author = m_store.authorOf(e.id, me);
        if (!author)
            return author.error();
        if (*author == me)
            return {};
        Held &h = held[*author];
        if (!reviewed.contains(e.id))
            ++h.awaitingReview;
        if (e.wellbeing)
            h.wellbeing[e.writtenAt] = *e.wellbeing;
        return {};
    });
    if (!entries)
        return entries;
    Status notes = forEachIn(m_store.supervision(), [&](const SupervisionNote &n) -> Status {
        auto author = m_store.authorOf(n.id, me);
        if (!author)
            return author.error();
        if (*author != me)
            held[*author].openActionItems +=
                int(std::count_if(n.actionItems.cbegin(), n.actionItems.cend(),
                                  [](const ActionItem &a) { return !a.done; }));
        return {};
    });
    if (!notes)
        return notes;

    const bool json = c.has(QStringLiteral("json"));
    for (const wire::Worker &w : std::as_const(dir->workers)) {
        const Held h = held.value(w.userId);
        QList<int> ratings;
        for (const auto &[at, rating] : h.wellbeing)
            ratings.append(rating);
        const QString trend = trendOf(ratings);
        const QDateTime seen = w.lastContactMs > 0
                                   ? QDateTime::fromMSecsSinceEpoch(w.lastContactMs, Qt::UTC)
                                   : QDateTime();
        if (json) {
            QJsonObject o{{QStringLiteral("userId"), idText(w.userId)},
                          {QStringLiteral("name"), w.displayName},
                          {QStringLiteral("lastSyncAt"),
                           seen.isValid() ? QJsonValue(double(w.lastContactMs)) : QJsonValue()},
                          {QStringLiteral("awaitingReview"), h.awaitingReview},
                          {QStringLiteral("openActionItems"), h.openActionItems},
                          {QStringLiteral("wellbeingTrend"), trend},
                          {QStringLiteral("wellbeingRatings"), int(ratings.size())}};
            m_out << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
            continue;
        }
        m_out << idText(w.userId) << '\t' << w.displayName << '\t'
              << (seen.isValid() ? seen.toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                                 : QStringLiteral("never"))
              << '\t' << h.awaitingReview << " to review\t" << h.openActionItems
              << " open actions\twellbeing " << trend << '\n';
    }
    m_out.flush();
    return {};
}

} // namespace wp::ctl
