// SPDX-License-Identifier: GPL-3.0-or-later
#include "TeamFigures.h"

#include "InsightQueries.h"
#include "Store.h"

#include <algorithm>

namespace wp {

namespace {

double meanOf(QList<int>::const_iterator from, QList<int>::const_iterator to)
{
    double sum = 0;
    for (auto it = from; it != to; ++it)
        sum += *it;
    return to == from ? 0 : sum / double(to - from);
}

} // namespace

TeamFigures::TeamFigures(Store &store, const QUuid &localUser) : m_store(store), m_me(localUser)
{
    registerRecordField(store.database());
}

Result<QList<TeamMember>> TeamFigures::of(const QList<wire::Worker> &workers)
{
    QList<TeamMember> team;
    team.reserve(workers.size());
    for (const wire::Worker &w : workers) {
        TeamMember member;
        member.userId = w.userId;
        member.name = w.displayName;
        if (w.lastContactMs > 0)
            member.lastSyncAt = QDateTime::fromMSecsSinceEpoch(w.lastContactMs, Qt::UTC);
        Result<int> awaiting = awaitingReview(w.userId);
        if (!awaiting)
            return awaiting.error();
        member.awaitingReview = *awaiting;
        Result<QList<int>> ratings = newestRatings(w.userId);
        if (!ratings)
            return ratings.error();
        member.ratings = std::move(*ratings);
        member.trend = trendOf(member.ratings);
        team.append(std::move(member));
    }
    return team;
}

Result<int> TeamFigures::awaitingReview(const QUuid &worker)
{
    if (worker.isNull() || worker == m_me)
        return 0;
    // `reviewed` is kept by triggers (Schema.cpp, toV11): entries no one reviewed are one
    // index range; of those someone reviewed, only the ones without this user's own mark
    // (another supervisor's mark does not review them for this one) are read one by one.
    sql::Statement &st = m_store.database().cached(R"sql(
        SELECT count(*) FROM records e INDEXED BY records_review_by_author
        WHERE e.type = ?1 AND e.author = ?2 AND e.deleted = 0 AND e.author IS NOT NULL
            AND (e.reviewed = 0 OR NOT EXISTS (
                SELECT 1 FROM records c WHERE c.parent_id = e.id AND c.type = ?3
                    AND c.deleted = 0
                    AND coalesce(record_field(c.fields, 'text'), '') = ''
                    AND record_field(c.fields, 'acknowledges') IS NULL
                    AND record_field(c.fields, 'raisedAt') IS NULL
                    AND (c.author IS NULL OR c.author = ?4))))sql");
    st.bind(1, wp::keyOf(RecordType::DiaryEntry)).bindId(2, worker);
    st.bind(3, wp::keyOf(RecordType::Comment)).bindId(4, m_me);
    int count = 0;
    if (Status s = st.forEachRow([&](const sql::Statement &row) { count = int(row.int64(0)); }); !s)
        return s.error();
    return count;
}

Result<QList<int>> TeamFigures::newestRatings(const QUuid &worker, int count)
{
    QList<int> out;
    if (worker.isNull() || worker == m_me || count <= 0)
        return out;
    // The index orders each `reviewed` section by time: the newest of each section, merged.
    sql::Statement &st = m_store.database().cached(R"sql(
        SELECT at, rating FROM (
            SELECT sort_at AS at, record_field(fields, 'wellbeing') AS rating
            FROM records INDEXED BY records_review_by_author
            WHERE type = ?1 AND author = ?2 AND reviewed = 0 AND deleted = 0
                AND author IS NOT NULL
                AND record_field(fields, 'wellbeing') IS NOT NULL
            ORDER BY sort_at DESC, id DESC LIMIT ?3)
        UNION ALL
        SELECT at, rating FROM (
            SELECT sort_at AS at, record_field(fields, 'wellbeing') AS rating
            FROM records INDEXED BY records_review_by_author
            WHERE type = ?1 AND author = ?2 AND reviewed = 1 AND deleted = 0
                AND author IS NOT NULL
                AND record_field(fields, 'wellbeing') IS NOT NULL
            ORDER BY sort_at DESC, id DESC LIMIT ?3)
        ORDER BY at DESC LIMIT ?3)sql");
    st.bind(1, wp::keyOf(RecordType::DiaryEntry)).bindId(2, worker).bind(3, count);
    if (Status s =
            st.forEachRow([&](const sql::Statement &row) { out.prepend(int(row.int64(1))); });
        !s)
        return s.error();
    return out;
}

WellbeingTrend TeamFigures::trendOf(const QList<int> &ratings)
{
    if (ratings.size() < 2)
        return WellbeingTrend::Unknown;
    const auto middle = ratings.cbegin() + ratings.size() / 2;
    const double change = meanOf(middle, ratings.cend()) - meanOf(ratings.cbegin(), middle);
    if (change >= 0.5)
        return WellbeingTrend::Up;
    if (change <= -0.5)
        return WellbeingTrend::Down;
    return WellbeingTrend::Steady;
}

QString TeamFigures::keyOf(WellbeingTrend trend)
{
    switch (trend) {
    case WellbeingTrend::Up:
        return QStringLiteral("up");
    case WellbeingTrend::Down:
        return QStringLiteral("down");
    case WellbeingTrend::Steady:
        return QStringLiteral("steady");
    case WellbeingTrend::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

} // namespace wp
