// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The words of review: who wrote or read what, and when ("Read by Alex, 3 Dec").

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QUuid>

namespace wp::client {

class ReviewText
{
    Q_DECLARE_TR_FUNCTIONS(ReviewText)

public:
    // "3 Dec" in the device's language, in local time.
    static QString dayMonth(const QDateTime &at);
    // The person's name as the server last said, or a neutral word when not told yet.
    static QString personName(const QHash<QUuid, QString> &names, const QUuid &user);
    static QString readBy(const QString &name, const QDateTime &at);
    static QString acknowledgedOn(const QDateTime &at);
    static QString commentedOn(const QString &name, const QDateTime &entryWrittenAt);
};

} // namespace wp::client
