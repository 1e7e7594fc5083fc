// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A supervisor's figures for each worker they supervise, the one place waypointctl `team` and
// the app's Team screen read them from: when the worker's devices last reached the server (as
// the key directory said at the last sync), how many of the entries the worker shared this user
// has not reviewed yet, and the trend of the wellbeing ratings in the newest of them. Both read
// the worker's range of records_review_by_author, never every entry and comment held.

#include "Result.h"
#include "wire/Messages.h"

#include <QDateTime>
#include <QList>
#include <QUuid>

namespace wp {

class Store;

enum class WellbeingTrend { Unknown, Down, Steady, Up };

struct TeamMember
{
    QUuid userId;
    QString name;
    QDateTime lastSyncAt;   // invalid: the worker's devices never reached the server
    int awaitingReview = 0; // shared entries this user has not marked reviewed
    QList<int> ratings;     // wellbeing of the newest shared entries that have one, oldest first
    WellbeingTrend trend = WellbeingTrend::Unknown;
};

class TeamFigures
{
public:
    // How many of a worker's newest rated entries the trend reads.
    static constexpr int TrendEntries = 10;

    // `localUser`: this device's user, the supervisor.
    TeamFigures(Store &store, const QUuid &localUser);

    // One member per worker, in the order given.
    Result<QList<TeamMember>> of(const QList<wire::Worker> &workers);
    Result<int> awaitingReview(const QUuid &worker);
    // Oldest first.
    Result<QList<int>> newestRatings(const QUuid &worker, int count = TrendEntries);

    // The mean of the newer half of `ratings` (oldest first) against the older half, half a
    // point either way being steady; Unknown below two ratings.
    static WellbeingTrend trendOf(const QList<int> &ratings);
    // "up", "down", "steady" or "unknown": the words waypointctl prints.
    static QString keyOf(WellbeingTrend trend);

private:
    Store &m_store;
    QUuid m_me;
};

} // namespace wp
