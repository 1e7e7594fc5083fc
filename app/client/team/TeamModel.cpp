// SPDX-License-Identifier: GPL-3.0-or-later
#include "TeamModel.h"

#include "Store.h"
#include "SyncIdentity.h"
#include "Uuid.h"

#include <QDebug>

namespace wp::client {

TeamModel::TeamModel(QObject *parent) : QAbstractListModel(parent) {}

int TeamModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_team.size());
}

QHash<int, QByteArray> TeamModel::roleNames() const
{
    return {{UserIdRole, "userId"},
            {NameRole, "name"},
            {LastSyncTextRole, "lastSyncText"},
            {AwaitingReviewRole, "awaitingReview"},
            {AwaitingTextRole, "awaitingText"},
            {TrendRole, "trend"},
            {TrendTextRole, "trendText"},
            {RatingsRole, "ratings"}};
}

QVariant TeamModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_team.size())
        return {};
    const TeamMember &m = m_team.at(index.row());
    switch (role) {
    case UserIdRole:
        return idText(m.userId);
    case NameRole:
        return m.name;
    case LastSyncTextRole:
        return lastSyncText(m.lastSyncAt, QDateTime::currentDateTimeUtc());
    case AwaitingReviewRole:
        return m.awaitingReview;
    case AwaitingTextRole:
        return m.awaitingReview == 0 ? tr("Nothing to review")
                                     : tr("%n entry(ies) to review", "", m.awaitingReview);
    case TrendRole:
        return TeamFigures::keyOf(m.trend);
    case TrendTextRole:
        return trendText(m.trend, int(m.ratings.size()));
    case RatingsRole: {
        QVariantList ratings;
        for (int r : m.ratings)
            ratings.append(r);
        return ratings;
    }
    default:
        return {};
    }
}

void TeamModel::setStore(wp::Store *store)
{
    m_store = store;
    reload();
}

void TeamModel::reload()
{
    QList<TeamMember> team;
    if (m_store) {
        if (auto identity = sync::SyncIdentity::load(*m_store)) {
            auto figures =
                TeamFigures(*m_store, identity->credentials.userId).of(identity->workers);
            if (figures)
                team = std::move(*figures);
            else
                qWarning() << "team figures:" << figures.error().message;
        }
    }
    const bool countChanges = team.size() != m_team.size();
    beginResetModel();
    m_team = std::move(team);
    endResetModel();
    if (countChanges)
        Q_EMIT countChanged();
}

QString TeamModel::lastSyncText(const QDateTime &at, const QDateTime &now)
{
    if (!at.isValid())
        return tr("Not synced yet");
    const qint64 minutes = qMax<qint64>(0, at.secsTo(now) / 60);
    if (minutes < 1)
        return tr("Last synced just now");
    if (minutes < 60)
        return tr("Last synced %n min ago", "", int(minutes));
    if (minutes < 24 * 60)
        return tr("Last synced %n h ago", "", int(minutes / 60));
    return tr("Last synced %n day(s) ago", "", int(minutes / (24 * 60)));
}

QString TeamModel::trendText(WellbeingTrend trend, int ratings)
{
    switch (trend) {
    case WellbeingTrend::Up:
        return tr("Wellbeing rising");
    case WellbeingTrend::Down:
        return tr("Wellbeing falling");
    case WellbeingTrend::Steady:
        return tr("Wellbeing steady");
    case WellbeingTrend::Unknown:
        break;
    }
    return ratings == 0 ? tr("No wellbeing ratings shared") : tr("Too few ratings for a trend");
}

} // namespace wp::client
