// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The supervisor's Team screen (qml/team, `App.review.team`): one row per worker they
// supervise, with when the worker last synced as of this device's last sync, how many of
// their shared entries await review and the trend of their newest wellbeing ratings, in
// words as well as a sparkline (TeamFigures). Works offline: the names and last contacts are
// the ones the sync identity kept.

#include "TeamFigures.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace wp {
class Store;
}

namespace wp::client {

class TeamModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Models are made by App")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Roles {
        UserIdRole = Qt::UserRole,
        NameRole,
        LastSyncTextRole,
        AwaitingReviewRole,
        AwaitingTextRole,
        TrendRole,     // "up", "down", "steady" or "unknown"
        TrendTextRole, // the trend in words, never colour alone
        RatingsRole,   // the newest ratings, oldest first, for the sparkline
    };
    Q_ENUM(Roles)

    explicit TeamModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    int count() const { return int(m_team.size()); }

    void setStore(wp::Store *store);
    // Reads the workers from the sync identity and their figures from the store again.
    Q_INVOKABLE void reload();

    // "Last synced 2 h ago", "Last synced 3 days ago", "Not synced yet" as of `now`.
    static QString lastSyncText(const QDateTime &at, const QDateTime &now);
    static QString trendText(WellbeingTrend trend, int ratings);

Q_SIGNALS:
    void countChanged();

private:
    wp::Store *m_store = nullptr;
    QList<TeamMember> m_team;
};

} // namespace wp::client
