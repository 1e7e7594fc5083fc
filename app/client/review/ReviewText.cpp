// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReviewText.h"

#include <QLocale>

namespace wp::client {

QString ReviewText::dayMonth(const QDateTime &at)
{
    if (!at.isValid())
        return {};
    return QLocale().toString(at.toLocalTime().date(), QStringLiteral("d MMM"));
}

QString ReviewText::personName(const QHash<QUuid, QString> &names, const QUuid &user)
{
    const QString name = names.value(user);
    return name.isEmpty() ? tr("A colleague", "a reviewer or worker the server has not named yet")
                          : name;
}

QString ReviewText::readBy(const QString &name, const QDateTime &at)
{
    return tr("Read by %1, %2", "a supervisor's review mark on a diary entry")
        .arg(name, dayMonth(at));
}

QString ReviewText::acknowledgedOn(const QDateTime &at)
{
    return tr("Acknowledged %1", "the worker acknowledged a comment on this day").arg(dayMonth(at));
}

QString ReviewText::commentedOn(const QString &name, const QDateTime &entryWrittenAt)
{
    return tr("%1 commented on your entry of %2", "a comment the worker has not acknowledged")
        .arg(name, dayMonth(entryWrittenAt));
}

} // namespace wp::client
